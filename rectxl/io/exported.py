"""Ledgers exported by business systems as text: a web page (HTML) table, an Excel 2003 XML
spreadsheet (SpreadsheetML), or a CSV / tab-separated text — most often saved under an .xls name.

Many 巡察整改 management systems and OA platforms export their ledgers this way; Excel and WPS open
such a file as a workbook (with a warning), so a clerk takes it for one. rectxl reads it as Excel
shows it: a web page as one sheet named after the file (the page's title lines, then each table's
rows, ``rowspan`` / ``colspan`` as merged cells), an XML spreadsheet sheet by sheet (its merges,
hidden sheets and typed values), a text table as one sheet. A ``<br>`` in a cell is a line break
in that cell, as Excel reads it with ``mso-data-placement:same-cell`` (the style such exports set;
without it Excel spreads the lines over rows of their own, and a row rectxl cites below such a cell
may be off by those rows). Nothing here can write such a file back:
marking cells needs a real workbook (:func:`kind_of` names what the file is, for that message).

Parsing is lxml's, with entities and network access off; a file above :data:`MAX_EXPORT_BYTES` is
refused (real exports are a few MB).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from rectxl.core.errors import LedgerError
from rectxl.core.grid import Grid
from rectxl.core.text import LazyPattern
from rectxl.io.file_kind import text_table

__all__ = ["CSV_SUFFIXES", "EXPORT_SUFFIXES", "HTML", "MAX_EXPORT_BYTES", "TEXT", "XML_2003", "XML_2003_MARK",
           "kind_label", "kind_of", "read_exported"]

HTML: Final = "html"
XML_2003: Final = "xml2003"
TEXT: Final = "text"
#: names an exported table arrives under besides a workbook's own (.xls, .xlsx, .et …)
CSV_SUFFIXES: Final = (".csv", ".tsv")
EXPORT_SUFFIXES: Final = (*CSV_SUFFIXES, ".htm", ".html", ".xml")
#: the largest exported table read (a ledger of thousands of measures is a few MB of HTML)
MAX_EXPORT_BYTES: Final = 64 * 1024 * 1024
#: a SpreadsheetML 2003 ("XML 电子表格") document
XML_2003_MARK = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet|progid\s*=\s*[\"']Excel\.Sheet[\"']",
                           re.I)
_HTML_MARK = re.compile(rb"(?i)<(?:html|table|body|tr)[\s>]")
_SS = "urn:schemas-microsoft-com:office:spreadsheet"
_X = "urn:schemas-microsoft-com:office:excel"
_CHARSET = re.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([\w-]+)""")
#: a whole number Excel would take a typed "12" for (no leading zero: 0871… stays a telephone)
_WHOLE = LazyPattern(r"-?[1-9]\d{0,8}|0")
#: text tables' encodings, in the order tried (GBK: what Chinese Windows exports)
_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")
_LABELS = {HTML: "网页（HTML）表格", XML_2003: "Excel 2003 XML 表格", TEXT: "文本表格（CSV）"}


def kind_of(path: Path, head: bytes | None = None) -> str | None:
    """What exported table ``path`` holds (:data:`HTML`, :data:`XML_2003`, :data:`TEXT`), else None
    (a workbook, a Word document, anything else)."""
    if head is None:
        try:
            with Path(path).open("rb") as fh:
                head = fh.read(1 << 16)
        except OSError:
            return None
    if head.startswith((b"PK", b"\xd0\xcf\x11\xe0")) or not head.strip():
        return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        if XML_2003_MARK.search(head):
            return XML_2003
        return HTML if _HTML_MARK.search(head) else None
    return TEXT if text_table(head) is not None else None


def kind_label(kind: str) -> str:
    """The kind in the clerk's words ("网页（HTML）表格")."""
    return _LABELS[kind]


def read_exported(path: Path, kind: str) -> list[Grid]:
    """The sheets of the exported table at ``path`` (``kind`` from :func:`kind_of`)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_EXPORT_BYTES:
        raise LedgerError(f"{path.name} 是{kind_label(kind)}，大小 {size >> 20} MB，超过 rectxl 读取此类文件的上限"
                          f"（{MAX_EXPORT_BYTES >> 20} MB）：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查")
    data = path.read_bytes()
    name = path.stem[:31] or "Sheet1"  # Excel names the one sheet of a web page or text after the file
    if kind == HTML:
        grids = [_html_grid(data, name)]
    elif kind == XML_2003:
        grids = _xml_grids(data, path.name)
    else:
        grids = [_text_grid(data, name, path.name)]
    if not any(any(v not in ("", None) for v in row) for g in grids for row in g.rows):
        raise LedgerError(f"{path.name} 是{kind_label(kind)}，但其中没有表格内容：请确认选对了文件")
    return grids


def _typed(text: str) -> Any:
    """A cell's text as Excel takes what is typed: a whole number becomes a number."""
    return int(text) if _WHOLE.fullmatch(text) else text


# -- web page ----------------------------------------------------------------------------------------

def _decode_html(data: bytes) -> str:
    """The page's text: UTF-8 when it decodes so, else the charset its <meta> names, else GBK."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    for codec in ((declared.group(1).decode("ascii"),) if declared else ()) + ("gb18030",):
        try:
            return data.decode("gb18030" if codec.lower() in ("gb2312", "gbk") else codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", "replace")


def _cell_text(el: Any) -> str:
    """A table cell's or a paragraph's text as the page shows it: a <br> and each paragraph (<p>,
    <div>, <li> — Word's 另存为网页 puts every line of a cell in a <p>) a line of its own; the page
    source's own line breaks and runs of spaces one space."""
    parts: list[str] = []

    def text(s: str | None) -> None:
        if s:
            parts.append(_SPACES.sub(" ", s))

    def walk(node: Any) -> None:
        block = node.tag in _BLOCKS
        if block:
            parts.append("\n")
        text(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass  # (comments are removed; a processing instruction says nothing)
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag not in ("style", "script"):
                walk(child)
            text(child.tail)
        if block:
            parts.append("\n")

    walk(el)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


#: the elements that start a line of their own inside a cell
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"})
_SPACES = LazyPattern(r"[ \t\r\n\xa0]+")


def _html_grid(data: bytes, name: str) -> Grid:
    import lxml.html  # only a web page export needs it

    # the text is decoded here (utf-8, its <meta> charset, else GBK): lxml is told so, not to read the <meta> again
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True)
    root = lxml.html.document_fromstring(_decode_html(data).encode("utf-8"), parser=parser)
    rows: list[list[Any]] = []
    merges: list[tuple[int, int, int, int]] = []
    for el in root.iter("table", "p", "h1", "h2", "h3", "h4", "h5", "h6", "caption"):
        if el.tag == "table":
            if el.find(".//table") is None:  # (a table laid around others only places them)
                _table_rows(el, rows, merges)
        elif el.tag == "caption" or next(el.iterancestors("table"), None) is None:
            if text := _cell_text(el):  # the page's title, a caption, a 填报人 line below the table
                rows.append([text])
    width = max((len(r) for r in rows), default=0)
    return Grid(name=name, rows=[r + [""] * (width - len(r)) for r in rows], merges=merges)


def _table_rows(table: Any, rows: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> None:
    """Append ``table``'s rows (its own, not a nested table's) to ``rows``, spans as merges."""
    first = len(rows)
    taken: dict[tuple[int, int], bool] = {}  # (row, col) covered by a span from above or the left
    own = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    for i, tr in enumerate(own):
        r = first + i
        row: list[Any] = []
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while taken.get((r, c)):
                row.extend([""] * (c + 1 - len(row)))
                c += 1
            span_r = _span(td.get("rowspan"))
            span_c = _span(td.get("colspan"))
            row.extend([""] * (c + 1 - len(row)))
            row[c] = _typed(_cell_text(td))
            if span_r > 1 or span_c > 1:
                last_r = min(r + span_r, first + len(own)) - 1
                merges.append((r, c, last_r, c + span_c - 1))
                for rr in range(r, last_r + 1):
                    for cc in range(c, c + span_c):
                        if (rr, cc) != (r, c):
                            taken[(rr, cc)] = True
                row.extend([""] * (c + span_c - len(row)))
            c += span_c
        while taken.get((r, c)):
            row.extend([""] * (c + 1 - len(row)))
            c += 1
        rows.append(row)


def _span(value: str | None) -> int:
    """A rowspan / colspan: the cells it covers, itself included (1 when absent or unreadable)."""
    return max(1, _extra_cells(value))


# -- Excel 2003 XML ----------------------------------------------------------------------------------

def _xml_grids(data: bytes, file_name: str) -> list[Grid]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        raise LedgerError(f"{file_name} 是 Excel 2003 XML 表格，但内容不完整或已损坏，无法读取："
                          "请重新导出，或在 Excel 中打开后另存为 .xlsx 再检查") from None
    grids: list[Grid] = []
    for i, sheet in enumerate(root.iter(f"{{{_SS}}}Worksheet"), 1):
        rows: list[list[Any]] = []
        merges: list[tuple[int, int, int, int]] = []
        r = -1
        for table in sheet.iter(f"{{{_SS}}}Table"):
            for row_el in table.iter(f"{{{_SS}}}Row"):
                r = _index(row_el, r)
                rows.extend([] for _ in range(r + 1 - len(rows)))
                c = -1
                for cell in row_el.iter(f"{{{_SS}}}Cell"):
                    c = _index(cell, c)
                    data_el = cell.find(f"{{{_SS}}}Data")
                    value = _xml_value(data_el) if data_el is not None else ""
                    row = rows[r]
                    row.extend([""] * (c + 1 - len(row)))
                    row[c] = value
                    across = _extra_cells(cell.get(f"{{{_SS}}}MergeAcross"))
                    down = _extra_cells(cell.get(f"{{{_SS}}}MergeDown"))
                    if across or down:
                        merges.append((r, c, r + down, c + across))
                    c += across
        width = max((len(row) for row in rows), default=0)
        visible = next((v.text for v in sheet.iter(f"{{{_X}}}Visible")), None) or ""
        grids.append(Grid(name=sheet.get(f"{{{_SS}}}Name") or f"Sheet{i}",
                          rows=[row + [""] * (width - len(row)) for row in rows], merges=merges,
                          hidden=visible in ("SheetHidden", "SheetVeryHidden"),
                          very_hidden=visible == "SheetVeryHidden"))
    return grids


def _extra_cells(value: str | None) -> int:
    """An ss:MergeAcross / ss:MergeDown: how many cells the merge takes beyond its own (0 for none)."""
    try:
        return max(0, min(int(str(value).strip()), 1000)) if value else 0
    except ValueError:
        return 0


def _index(el: Any, previous: int) -> int:
    """The 0-based row or column of ``el``: its ss:Index (1-based), else the one after ``previous``."""
    written = el.get(f"{{{_SS}}}Index")
    try:
        return max(int(written) - 1, previous + 1) if written else previous + 1
    except ValueError:
        return previous + 1


def _xml_value(data: Any) -> Any:
    text = "".join(data.itertext())
    kind = data.get(f"{{{_SS}}}Type", "String")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text  # String, and Error ("#N/A"), which the reader knows as an error value


# -- CSV and tab-separated text ----------------------------------------------------------------------

def _text_grid(data: bytes, name: str, file_name: str) -> Grid:
    found = text_table(data[:1 << 16])
    text = None
    for codec in _ENCODINGS:
        if codec == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    if text is None or found is None:
        raise LedgerError(f"{file_name} 的文字编码无法识别：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查")
    sep = "\t" if found[0].startswith("制表符") else ","
    # a quoted cell may hold line breaks: the reader is given the text whole, not split into lines
    rows = [[_typed(v.strip()) for v in line] for line in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]
    width = max((len(r) for r in rows), default=0)
    return Grid(name=name, rows=[r + [""] * (width - len(r)) for r in rows])
