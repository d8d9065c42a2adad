"""A published notice as text, from the files auditors actually keep it in.

A notice reaches an auditor as a Word file, as text pasted into Notepad (saved as UTF-8, GBK or
"Unicode", i.e. UTF-16), or as the web page it was published on, saved from the browser
(``.html``: Chinese government sites still serve many pages in GB2312). Each gives the text a
reader sees; a web page's data table (a ledger published as a table) is read as a .docx table
is, one line a row with its cells separated by tabs. Files that hold no text rectxl can
read — a legacy Word ``.doc``, a PDF, an RTF — are named for what they are, with what to do,
instead of being decoded into noise.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rectxl.core.errors import RectxlError

__all__ = ["HTML_SUFFIXES", "read_notice_file"]

#: suffixes read as a saved web page (a .txt holding HTML is recognised by its content too)
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

#: elements that end a line in a browser
_BLOCKS = ("p", "div", "br", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
           "section", "article", "center", "blockquote", "pre", "dd", "dt", "ul", "ol", "title")
#: elements whose text a reader never sees
_HIDDEN = ("script", "style", "noscript", "template", "head")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
#: what a file that is no text begins with → what it is and what to do with it
_NOT_TEXT = (
    (b"\xd0\xcf\x11\xe0", "是旧版 Word（.doc）或 WPS 文字文档，rectxl 读不出其中的文字："
                          "请在 Word 或 WPS 中“另存为” .docx 后再解析"),
    (b"%PDF-", "是 PDF 文件，rectxl 不读取 PDF：请复制通报全文另存为 .txt，或用 WPS、Word 转换为 .docx 后再解析"),
    (b"{\\rtf", "是 RTF 文档：请在 Word 或 WPS 中“另存为” .docx 后再解析"),
)


def read_notice_file(path: Path) -> str:
    """The text of the notice at ``path`` (.docx, a saved web page, or plain text in UTF-8,
    GBK/GB18030 or UTF-16); :class:`~rectxl.core.errors.RectxlError` with a Chinese message for
    a file that holds no readable text."""
    if path.suffix.lower() == ".docx":
        from rectxl.io.docx_read import read_notice_docx

        return read_notice_docx(path)
    raw = path.read_bytes()
    for magic, what in _NOT_TEXT:
        if raw.startswith(magic):
            raise RectxlError(f"{path.name} {what}")
    if path.suffix.lower() in HTML_SUFFIXES:
        return html_text(raw, path)
    text = _decode(raw, path)
    return html_text(raw, path) if _LOOKS_LIKE_HTML.match(text) else text


def _decode(raw: bytes, path: Path, declared: str | None = None) -> str:
    """``raw`` as text: its byte-order mark first, then the charset a page declares, then UTF-8,
    then GB18030 (which reads GBK and GB2312)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    encodings = ["utf-8-sig", "gb18030"]
    if declared:
        name = declared.lower()
        encodings.insert(0, "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name)
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(raw) - 4:  # a file cut short inside its last character: drop it
                try:
                    return raw[: exc.start].decode(encoding)
                except UnicodeDecodeError:
                    continue
        except LookupError:
            continue
    raise RectxlError(f"{path.name} 不是 UTF-8、GBK 或 UTF-16 编码的文本，无法读取："
                      "请用记事本打开后“另存为”UTF-8 编码再解析")


def html_text(raw: bytes, path: Path = Path("网页")) -> str:
    """A saved web page's text as a browser shows it: one line per paragraph, block or table
    cell, without scripts, styles or the page's ``<head>`` (``path`` names it in a message)."""
    from lxml import html

    m = _CHARSET.search(raw[:4096])
    text = _decode(raw, path, m.group(1).decode("ascii") if m else None)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that declares an encoding
    if not text.strip():
        return ""
    doc = html.document_fromstring(text)
    for hidden in doc.xpath("|".join(f"//{tag}" for tag in _HIDDEN)):
        hidden.drop_tree()
    for table in list(doc.iter("table")):
        _table_as_rows(table)
    for element in doc.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (line.strip(" \t\r\xa0").replace(_CELL_SEP, "\t")
             for line in doc.text_content().splitlines())
    return "\n".join(line for line in lines if line)


#: stands for the tab between two cells of a table row until the page's own whitespace is gone
_CELL_SEP = "\ue000"
#: a cell holding more than this is a page laid out in a table, not a cell of a data table
_LAYOUT_CELL = 1500


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 500))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    """A cell's text on one line: its paragraphs and line breaks joined with "；" where the line
    before has no end mark (as a .docx cell is read)."""
    for element in cell.iter("br", "p", "div", "li"):
        element.tail = "\n" + (element.tail or "")
    parts: list[str] = []
    for line in cell.text_content().splitlines():
        line = " ".join(line.replace("\xa0", " ").split())
        if not line:
            continue
        if parts and not parts[-1].endswith(_CELL_ENDS):
            parts[-1] += "；"
        parts.append(line)
    return "".join(parts)


_CELL_ENDS = ("。", "；", ";", "！", "？", "：", ":", "，", ",")


def _table_as_rows(table: Any) -> None:
    """A data table of three or more columns (a ledger published as a table) becomes one line a
    row, its cells separated by tabs — as a .docx table is read and as a table copied from the
    page pastes. A cell spanning rows (``rowspan``: 序号 and 问题 over an issue's measures) is
    empty on the rows below its first, as the parser reads a merged cell; one spanning columns
    is read once. Layout tables (one or two columns, tables holding tables, a whole page in a
    cell) are left as they are."""
    if table.find(".//table") is not None:
        return
    rows = list(table.iter("tr"))
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows a cell above still covers
    for tr in rows:
        line: list[str] = []
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                line.append("")
                col += 1
            text = _cell_text(cell)
            if len(text) > _LAYOUT_CELL:
                return
            line.append(text)
            down = _span(cell, "rowspan") - 1
            for c in range(col, col + _span(cell, "colspan")):
                if down:
                    pending[c] = down
            col += _span(cell, "colspan")
        while pending.get(col, 0) > 0:
            pending[col] -= 1
            line.append("")
            col += 1
        grid.append(line)
    if len(grid) < 2 or max(len(r) for r in grid) < 3:
        return
    from lxml import html

    block = html.Element("div")
    block.text = "\n".join(_CELL_SEP.join(r) for r in grid if any(r))
    block.tail = table.tail
    table.getparent().replace(table, block)
