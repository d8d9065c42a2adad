"""标记与清除标记 as edits of the workbook package (DESIGN.md §6).

``annotate`` changes exactly this in the user's workbook:

- in the ledger sheet's part, the ``s`` (cell format) attribute of each flagged cell — a cell
  that is not in the XML is created as ``<c r="…" s="…"/>`` (a missing row likewise);
- in the styles part, new cell formats appended (each flagged cell's own format with the highlight
  fill; the formats of rectxl's sheets), with the fonts and fills they need;
- rectxl's sheets appended (校验结果 and the summary sheets, the summary chart's drawing and chart
  parts), each with its entries in ``workbook.xml``, the workbook's relationships and
  ``[Content_Types].xml``; a sheet name the user already has gets ``(rectxl)`` added;
- the record of all this, in the very hidden sheet ``rectxl标记``: which cells, their original
  ``s`` (or that rectxl created them), the format rectxl gave them, their original fill (in the
  form the Excel add-in reads) and text, which sheets rectxl added (name and sheetId, and their
  header rows: rectxl's sheets are only those), and the styles part's digests before and after.

Every other part is copied byte for byte (:class:`rectxl.io.package.Package`). ``docProps/app.xml``
(the sheet titles a file browser may show) is left alone; Excel rewrites it at its next save.

``--clear`` restores the recorded ``s`` of every cell that still carries rectxl's format (a cell
the user re-coloured since keeps the user's colour), cuts out the cells and rows rectxl created,
and removes exactly rectxl's sheets with their entries and parts. When nothing else changed the
styles part, the appended formats are cut out again too and every part is byte-identical to the
original; otherwise they stay (unused formats change nothing a user sees). A recorded cell counts
as rectxl's while it has rectxl's format or shows the highlight colour — whatever its text now is
(the clerk fixed what was flagged) and whatever format it has now (Excel, WPS and LibreOffice
renumber the formats at every save): it then gets its recorded original fill back on its current
format. A mark found away from its cell (the rows sorted, a row inserted) is followed by the text
its cell had; a mark that cannot be told keeps the record (only those marks in it), so that no
later clear or annotate takes rectxl's colour for the user's.

Each sheet rectxl adds carries rectxl's mark of ownership (:data:`rectxl.core.names.OWNER_MARK`, a
hidden name local to the sheet, which the Excel add-in writes and reads too). rectxl's sheets are
those the record lists by name that carry the mark, with their sheetId — or, after a save that
renumbered the sheets (a sheet deleted or inserted, then saved by LibreOffice or Excel), their
header row. A sheet carrying the mark under another name was renamed (or copied) by the user: it is
left, named (:attr:`ClearOutcome.renamed_own`) and its mark taken off; a sheet of rectxl's name
without the mark is the user's, left and named (:attr:`ClearOutcome.left`). A workbook with no
mark at all (an earlier rectxl; a program that drops defined names) is told by name and sheetId
or header row alone. A ledger sheet protected against formatting gets no colour (none does,
as the Excel add-in's 标记问题): its findings are in 校验结果 (:attr:`AnnotateOutcome.refused`).

A hidden sheet called ``rectxl标记`` is rectxl's record only if
it holds one (:func:`find_record`): a user's own sheet of that name is never read or removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from lxml import etree

from rectxl.core.errors import RectxlError
from rectxl.core.follow import best_holder, follow, mark_json, place, resembles, row_key, text_print
from rectxl.core.model import Ledger
from rectxl.core.names import (
    FINDINGS_SHEET,
    MARKS_SHEET,
    OWNED_SHEET_TAG,
    OWNER_MARK,
    RECORD_TAG,
    SUMMARY_SHEETS,
    owner_mark_name,
    owner_mark_text,
)
from rectxl.core.report import cell_text
from rectxl.core.sheets import (
    HIGHLIGHTS,
    OUTPUT_HEADERS,
    OWN_FILLS,
    Hidden,
    SheetSpec,
    add_findings_note,
    findings_sheet,
    highlight_cells,
    marked_sheets,
    summary_sheets,
)
from rectxl.core.text import col_index, col_letter
from rectxl.core.validate import Report
from rectxl.core.version import __version__
from rectxl.io.cond_formats import dxf_fills, painted_ranges
from rectxl.io.package import Package
from rectxl.io.sheet_cells import NEW_ROW, OPENED_ROW, locate, restore, restyle, tidy_rows
from rectxl.io.sheet_writer import chart_parts, print_titles, render_sheet
from rectxl.io.styles_part import Styles, fill_description, fill_rgb, formats_filled, referenced_xfs, revert
from rectxl.io.workbook_parts import CT_CHART, CT_DRAWING, Book, SheetRef, rels_name
from rectxl.io.xmlbytes import escape_attr, escape_text, xml_safe

__all__ = ["AnnotateOutcome", "ClearOutcome", "Record", "annotate_package", "clear_package", "covered_marks",
           "find_record", "hidden_in", "ledger_rows", "owner_marks", "protections", "refused_note",
           "refuses_formats", "unplaced_note"]

RECORD_HEADER = ["sheet", "cell", "original_fill"]
RECORD_FORMAT = 1
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_A1 = re.compile(r"[A-Z]{1,3}[1-9]\d{0,6}")


@dataclass
class AnnotateOutcome:
    cells: int = 0
    #: rectxl's sheet name → the name used because the user has a sheet of that name
    renamed: dict[str, str] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    #: the workbook's protections the marks were written through (see :func:`protections`)
    protections: list[str] = field(default_factory=list)
    #: marks of an earlier annotate that could not be told apart, kept on record
    pending: int = 0
    #: ledger sheets protected against formatting, by how many cells would have been coloured
    #: there: none was coloured, on any sheet (:func:`refused_note`)
    refused: dict[str, int] = field(default_factory=dict)
    #: the cells left uncoloured then, on every ledger sheet
    uncoloured: int = 0


@dataclass
class ClearOutcome:
    restored: int = 0
    #: cells the user re-coloured after annotate (their colour kept)
    kept: int = 0
    #: of ``restored``: marks found away from their cell, moved there by a sort or an inserted row
    moved: int = 0
    #: cells still showing rectxl's colour whose own format could not be told (left as they are)
    unresolved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: sheets with rectxl's names that were left because rectxl cannot tell they are its own
    left: list[str] = field(default_factory=list)
    #: the record's rows of the marks behind ``unresolved``: kept in the workbook (the record is
    #: not removed while they are there), or carried into the record of a new annotate
    pending: list[list[Any]] = field(default_factory=list)
    #: ``unresolved`` with their sheets: (sheet, cell)
    stuck: set[tuple[str, str]] = field(default_factory=set)
    #: marks whose row is no longer in the sheet (deleted) and whose colour no cell shows
    gone: int = 0
    #: marks recorded without their row's texts (by an earlier rectxl) neither on their cell nor
    #: found: re-coloured by the clerk, or moved where they cannot be followed
    astray: int = 0
    #: those marks, where they were recorded and the text the cell held then: "台账!H11（标记时内容为“已完陈”）"
    unplaced: list[str] = field(default_factory=list)
    #: marked ledger sheets renamed since (recorded name → name now), their marks cleared there
    renamed: dict[str, str] = field(default_factory=dict)
    #: marked ledger sheets no longer in the workbook, by how many marks were recorded on them
    lost: dict[str, int] = field(default_factory=dict)
    #: cells showing rectxl's colours on copies of marked rows (a copy of the marked ledger on a
    #: sheet of the clerk's, a marked row copied elsewhere in the ledger), by sheet: left as they are
    copies: dict[str, list[str]] = field(default_factory=dict)
    #: the cells given their fill back, by the part of their sheet: (part, cell)
    given_back: set[tuple[str, str]] = field(default_factory=set)
    #: rectxl's sheets the user renamed or copied (name now → the name rectxl gave it), told by
    #: rectxl's mark of ownership (or, in a workbook without marks, their sheetId and header row):
    #: the user's from then on — left, their mark taken off (:func:`kept_own_note`)
    renamed_own: dict[str, str] = field(default_factory=dict)


def _marked_text(value: str, date1904: bool = False) -> str:
    """"标记时内容为“…”" of a recorded cell text; a date cell's (recorded as its serial number,
    2000–2050) as the date it showed — counted from 1904-01-01 in a workbook of the 1904 date
    system (Excel for Mac's, kept by WPS)."""
    if not value:
        return "标记时为空白"
    low, high = 36526, 55153
    if date1904:
        low, high = low - 1462, high - 1462
    if re.fullmatch(r"\d{4,5}(?:\.0+)?", value) and low <= float(value) <= high:
        from datetime import date, timedelta

        from rectxl.core.text import cn_date

        start = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
        return f"标记时为日期{cn_date(start + timedelta(days=int(float(value))))}"
    return f"标记时内容为“{value}”"


_DATE1904 = re.compile(rb'<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["\'](?:1|true)["\']')


def _date1904(pkg: Package, book: Book) -> bool:
    """The workbook counts dates from 1904 (``workbookPr date1904``)."""
    return _DATE1904.search(pkg.read(book.part)[:8192]) is not None


def unplaced_note(outcome: ClearOutcome, *, limit: int = 20) -> str:
    """What a clear says of the marks an earlier rectxl recorded without their rows' texts that
    it could not place (:attr:`ClearOutcome.unplaced`): which they are, and what to do."""
    named = outcome.unplaced[:limit]
    shown = "、".join(named) + ("等" if len(outcome.unplaced) > limit else "")
    return ("这份标记由较早版本的 rectxl 写出，没有记下各行的内容；"
            "标记后排过序、插入或删除过行或列，或改了单元格内容的，"
            f"以下 {outcome.astray} 个标记无法确定现在在哪个单元格，未作改动：{shown}。"
            "如果表中仍有单元格是标记颜色，请在 Excel 中手动清除；标记后被改了底色的，保留了您的颜色。"
            "今后请用新版 rectxl 重新标记，清除时可按各行内容找到排序后的标记。")


@dataclass
class Record:
    sheet: SheetRef  # the record sheet itself
    head: dict[str, Any] | None  # None: a record written before rectxl edited packages
    cells: list[tuple[str, str, dict[str, Any]]]  # (sheet, cell, data)
    #: the sheets an Excel add-in's record names as rectxl's (OWNED_SHEET_TAG rows)
    owned: list[str] = field(default_factory=list)


# -- reading the record ----------------------------------------------------------------------


def find_record(pkg: Package, book: Book) -> Record | None:
    """rectxl's record in the workbook, or None if rectxl never marked it — hidden as rectxl left
    it, or shown again by the user (取消隐藏), under its name or renamed by the user: its content
    tells it (:func:`_read_record`; a sheet of another name only when its first two rows are a
    record's, read without the rest of the sheet)."""
    named = [ref for ref in book.sheets() if ref.name.startswith(MARKS_SHEET)]
    for ref in [*named, *(ref for ref in book.sheets() if ref not in named)]:
        if ref.part is None or not pkg.has(ref.part):
            continue
        if ref not in named:
            head = _first_rows(pkg, book, ref.part, 2, 3)
            if len(head) < 2 or head[0] != RECORD_HEADER or head[1][0] != RECORD_TAG:
                continue
        record = _read_record(pkg, book, ref)
        if record is not None:
            return record
    return None


def _read_record(pkg: Package, book: Book, ref: SheetRef) -> Record | None:
    """The record sheet ``ref`` holds, or None when it holds none: a sheet the user happened to
    call by the record's name is theirs, and is neither read nor removed. Every row of a record is
    rectxl's: its header, its head (``#rectxl``), a sheet it made (``#rectxl-sheet``), or a cell
    with its JSON."""
    rows = _sheet_values(pkg, book, ref.part or "")
    if not rows or [str(v) for v in rows[0][:3]] != RECORD_HEADER:
        return None
    head: dict[str, Any] | None = None
    body = rows[1:]
    if body and body[0][:1] == [RECORD_TAG]:
        head = _json(body[0][2] if len(body[0]) > 2 else "")
        if head is None or not isinstance(head.get("format"), int):
            return None
        body = body[1:]
    cells = []
    owned = []
    for row in body:
        row = [*row, "", "", ""][:3]
        if not any(row):
            continue
        if row[0] == OWNED_SHEET_TAG and row[1]:
            owned.append(str(row[1]))
            continue
        data = _json(row[2]) if row[2] else {}
        if not row[0] or not _A1.fullmatch(row[1]) or data is None:
            return None
        cells.append((row[0], row[1], data))
    # a record with nothing in it is only taken for one where no user puts a sheet: very hidden
    if head is None and not cells and not owned and ref.state != "veryHidden":
        return None
    return Record(ref, head, cells, owned)


def _json(text: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(element: Any) -> str:
    """The text of an ``<is>`` or ``<si>``: its ``t`` elements, phonetic runs left out."""
    parts: list[str] = []
    for node in element.iter():
        if _local(node.tag) == "t" and not any(_local(a.tag) == "rPh" for a in node.iterancestors()):
            parts.append(node.text or "")
    return "".join(parts)


def _sheet_values(pkg: Package, book: Book, part: str, columns: int = 3) -> list[list[str]]:
    """The text of the first ``columns`` columns of a (small) sheet, row by row."""
    try:
        root = etree.fromstring(pkg.read(part), _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return []
    shared: list[str] | None = None
    rows: dict[int, list[str]] = {}
    last_row = 0
    for row in root.iter():
        if _local(row.tag) != "row":
            continue
        r = row.get("r")
        number = int(r) if r and r.isdigit() else last_row + 1
        last_row = number
        values = [""] * columns
        col = -1
        for c in row:
            if _local(c.tag) != "c":
                continue
            ref = c.get("r") or ""
            m = re.match(r"([A-Za-z]+)", ref)
            col = col_index(m.group(1).upper()) if m else col + 1
            if col >= columns:
                continue
            kind = c.get("t")
            value = ""
            if kind == "inlineStr":
                value = "".join(_text_of(e) for e in c if _local(e.tag) == "is")
            else:
                v = next((e.text or "" for e in c if _local(e.tag) == "v"), "")
                if kind == "s":
                    if shared is None:
                        shared = _shared_strings(pkg, book)
                    value = shared[int(v)] if v.isdigit() and int(v) < len(shared) else ""
                else:
                    value = v
            values[col] = value
        rows[number] = values
    return [rows.get(n, [""] * columns) for n in range(1, max(rows, default=0) + 1)]


def _shared_strings(pkg: Package, book: Book) -> list[str]:
    rel = next((r for r in book.rels(book.part) if r.type == "sharedStrings" and not r.external), None)
    if rel is None or not pkg.has(rel.target):
        return []
    try:
        root = etree.fromstring(pkg.read(rel.target), _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return []
    return [_text_of(si) for si in root if _local(si.tag) == "si"]


_COL = re.compile(rb"<(?:[\w.-]+:)?col\b[^>]*>")
_ATTR_NUM = {name: re.compile(rb"\s" + name + rb'="(\d+)"') for name in (b"min", b"max", b"style", b"s", b"r")}


def _column_styles(xml: bytes) -> dict[int, int]:
    """0-based column → the format its ``<col style>`` gives cells not in the file."""
    styles: dict[int, int] = {}
    head = xml[: xml.find(b"sheetData")]
    for m in _COL.finditer(head):
        tag = m.group()
        low, high, style = (_ATTR_NUM[k].search(tag) for k in (b"min", b"max", b"style"))
        if low and high and style and int(high.group(1)) - int(low.group(1)) < 16384:
            for c in range(int(low.group(1)) - 1, int(high.group(1))):
                styles[c] = int(style.group(1))
    return styles


def _row_style(xml: bytes, spot: Any) -> int:
    """The format a row with ``customFormat`` gives its cells not in the file (0 if none)."""
    if spot.row_state == "missing" or spot.row_start < 0:
        return 0
    tag = xml[spot.row_start:spot.row_tag_end]
    style = _ATTR_NUM[b"s"].search(tag)
    custom = re.search(rb'\scustomFormat="(1|true)"', tag)
    return int(style.group(1)) if style and custom else 0


_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")
_PREFIX = re.compile(rb"<(/?)[\w.-]+:")


def _cell_texts(pkg: Package, book: Book, xml: bytes, spots: dict[str, Any]) -> dict[str, str]:
    """The text of each located cell of a sheet part (shared strings looked up, "" for an empty
    cell; a long one by its :func:`~rectxl.core.follow.text_print`, as the record keeps it), read
    from the cell's own bytes: what lets a mark that moved with a sort be told apart from its
    neighbours'."""
    shared: list[str] | None = None
    texts: dict[str, str] = {}
    for ref, spot in spots.items():
        if not spot.found or spot.empty:
            texts[ref] = ""
            continue
        end = _CELL_END.search(xml, spot.tag_end)
        if end is None:
            continue
        try:
            # the cell alone, its element names unprefixed (its namespace is declared above it)
            cell = etree.fromstring(_PREFIX.sub(rb"<\1", xml[spot.start:end.end()]), _SAFE_PARSER)
        except etree.XMLSyntaxError:
            continue
        if cell.get("t") == "s" and shared is None:
            shared = _shared_strings(pkg, book)
        texts[ref] = text_print(_cell_value(cell, shared))  # as the record keeps it
    return texts


def _cell_value(cell: Any, shared: list[str] | None) -> str:
    """The text a ``c`` element shows: an inline string, a shared string (``shared``: the
    workbook's, looked up by the caller once), else its value."""
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(_text_of(e) for e in cell if _local(e.tag) == "is")
    v = next((e.text or "" for e in cell if _local(e.tag) == "v"), "")
    if kind == "s":
        return shared[int(v)] if shared is not None and v.isdigit() and int(v) < len(shared) else ""
    return v


_COLUMN_OF = re.compile(r"[A-Za-z]+")


def _sheet_rows(xml: bytes, huge: bool = False,
                only: Collection[int] | None = None) -> Iterator[tuple[int, list[tuple[int, Any]]]]:
    """Each row of a sheet part, streamed: (its number, [(0-based column, its ``c`` element)]);
    with ``only``, just the rows of those numbers (the others are passed over without looking at
    their cells: annotate wants the few rows it marks, of a sheet of thousands). A row is cleared
    once the caller moves on; an XML error is raised to the caller."""
    import io

    last = 0
    for _event, row in etree.iterparse(io.BytesIO(xml), events=("end",), resolve_entities=False,
                                       no_network=True, load_dtd=False, huge_tree=huge):
        if _local(row.tag) != "row":
            continue
        r = row.get("r")
        last = int(r) if r and r.isdigit() else last + 1
        if only is not None and last not in only:
            row.clear()
            continue
        cells = []
        col = -1
        for c in row:
            if _local(c.tag) != "c":
                continue
            m = _COLUMN_OF.match(c.get("r") or "")
            col = col_index(m.group().upper()) if m else col + 1
            cells.append((col, c))
        yield last, cells
        row.clear()


def _row_texts(pkg: Package, book: Book, xml: bytes,
               only: Collection[int] | None = None) -> dict[int, dict[str, str]]:
    """The text cells of a sheet part (``only``: of those rows), row → column letter → text: what
    the Excel add-in reads as text (a string, shared or inline, or a formula's string result; no
    number, date or blank) — by which a mark is followed to the row its cell went to
    (:func:`rectxl.core.follow.follow`)."""
    strings = _Strings(pkg, book)
    found: dict[int, dict[str, str]] = {}
    try:
        for number, cells in _sheet_rows(xml, huge=True, only=only):
            _add_row_texts(found, number, cells, strings)
    except etree.XMLSyntaxError:
        return {}
    return found


class _Strings:
    """The workbook's shared strings, read the first time a cell needs them (then kept)."""

    def __init__(self, pkg: Package, book: Book) -> None:
        self._pkg, self._book = pkg, book
        self._list: list[str] | None = None

    def __call__(self) -> list[str]:
        if self._list is None:
            self._list = _shared_strings(self._pkg, self._book)
        return self._list


def _add_row_texts(found: dict[int, dict[str, str]], number: int, cells: list[tuple[int, Any]],
                   strings: _Strings) -> None:
    """Row ``number``'s text cells (:func:`_row_texts`) into ``found``."""
    for col, c in cells:
        kind = c.get("t")
        if kind not in ("s", "inlineStr", "str"):
            continue
        value = _cell_value(c, strings() if kind == "s" else None)
        if value.strip():
            found.setdefault(number, {})[col_letter(col)] = value


_ROW_END = re.compile(rb"</(?:[\w.-]+:)?row>")


def _marked_row_texts(pkg: Package, book: Book, xml: bytes, spots: dict[str, Any]) -> dict[int, dict[str, str]]:
    """:func:`_row_texts` of the rows holding ``spots`` (cells :func:`locate` found), each row's
    cells parsed alone from where ``locate`` found the row — not the whole sheet streamed, which
    cost annotate about 2 s at 10,000 rows. The row's own tag is left out (its attributes may
    carry prefixes, x14ac:dyDescent, declared above it); a row that does not parse so is read
    by :func:`_row_texts`."""
    strings = _Strings(pkg, book)
    found: dict[int, dict[str, str]] = {}
    done: set[int] = set()
    for spot in spots.values():
        if spot.row_state != "present" or spot.row in done:
            continue
        done.add(spot.row)
        end = _ROW_END.search(xml, spot.row_tag_end)
        try:
            row = None if end is None else etree.fromstring(
                b"<row>" + _PREFIX.sub(rb"<\1", xml[spot.row_tag_end:end.start()]) + b"</row>", _SAFE_PARSER)
        except etree.XMLSyntaxError:
            row = None
        if row is None:
            found.update(_row_texts(pkg, book, xml, {spot.row}))
            continue
        cells = []
        col = -1
        for c in row:
            if c.tag != "c":
                continue
            m = _COLUMN_OF.match(c.get("r") or "")
            col = col_index(m.group().upper()) if m else col + 1
            cells.append((col, c))
        _add_row_texts(found, spot.row, cells, strings)
    return found


# -- annotate --------------------------------------------------------------------------------


def _free_sheet_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    n = 1
    while True:
        candidate = f"{name}(rectxl{'' if n == 1 else n})"
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def _mark_sheet(pkg: Package, book: Book, styles: Styles, name: str, part: str,
                cells: dict[str, Any]) -> list[list[Any]]:
    """Colour ``cells`` of the sheet ``name`` (its ``part``); its rows of the record."""
    xml = pkg.read(part)
    try:
        spots = locate(xml, cells)
    except ValueError:
        raise RectxlError(f"台账工作表“{name}”的内容无法解析（文件可能已损坏），未写入") from None
    formats: dict[str, int] = {}
    bases: dict[str, int] = {}
    inherited = _column_styles(xml)
    for ref, highlight in cells.items():
        spot = spots[ref]
        if spot.found:
            base = int(spot.s) if spot.s and spot.s.isdigit() else 0
        else:  # a cell not in the file shows its row's format, else its column's: so must its mark
            base = _row_style(xml, spot) or inherited.get(spot.col, 0)
        bases[ref] = base
        formats[ref] = styles.highlight(base, highlight.color)
    texts = _cell_texts(pkg, book, xml, spots)
    rows_now = _marked_row_texts(pkg, book, xml, spots)  # the marked rows' texts: clear follows them
    xml, changes = restyle(xml, spots, formats)
    pkg.write(part, xml)
    rows = []
    for change in changes:
        # the fill the cell showed: for a cell rectxl created, its row's or column's (what the
        # clerk saw, and what a cell typed in there since would have had)
        fill = styles.fill_of_xf(bases.get(change.ref, 0))
        data = {**fill_description(fill), "s": change.original, "new": change.created, "m": change.new,
                "h": cells[change.ref].color, "fill": fill.decode("utf-8", "replace"),
                "v": texts.get(change.ref, "")}
        at = place(change.ref)
        key = row_key(rows_now, at[1]) if at is not None else ""
        if key:  # its row's texts: where a sort or an inserted column took it (clear follows them)
            data["row"] = key
        rows.append([name, change.ref, mark_json(data)])
    return rows


def annotate_package(pkg: Package, report: Report, ledger: Ledger, *, summary: bool = True) -> AnnotateOutcome:
    """Mark ``pkg`` (an open package) in place: highlights, rectxl's sheets, the record."""
    book = Book(pkg)
    prior = find_record(pkg, book)
    pending: list[list[Any]] = []
    stuck: set[tuple[str, str]] = set()
    if prior is not None:
        # marks the earlier record could not take back stay on record (in the new one), so that
        # their colour is never taken for the user's own — and the cells showing them are not
        # marked again (their original fill is not known: it would be recorded as rectxl's)
        cleared = clear_package(pkg, book, prior, keep_pending=False)
        pending, stuck = cleared.pending, cleared.stuck
    target = book.sheet(ledger.sheet)
    if target is None or target.part is None or not pkg.has(target.part):
        raise RectxlError(f"工作簿中找不到台账工作表“{ledger.sheet}”，无法标记")
    outcome = AnnotateOutcome(pending=len(pending))
    styles = Styles(pkg, book)

    # the flagged cells, on every sheet the ledger was read from — none at all when a sheet to be
    # coloured is protected against formatting (as the Excel add-in's 标记问题 colours nothing there):
    # the owner's protection is kept, and the findings are in 校验结果 alone
    record_rows: list[list[Any]] = []
    parts: dict[str, str] = {}
    coloured: list[str] = []
    wanted: dict[str, tuple[str, dict[str, Any]]] = {}
    for name in marked_sheets(ledger):
        sheet = book.sheet(name)
        if sheet is None or sheet.part is None or not pkg.has(sheet.part):
            continue
        parts[name] = sheet.part
        wanted[name] = (sheet.part, {ref: h for ref, h in highlight_cells(report, name).items()
                                     if (name, ref) not in stuck})
    outcome.refused = {name: len(cells) for name, (part, cells) in wanted.items()
                       if cells and refuses_formats(pkg.read(part))}
    if outcome.refused:
        outcome.uncoloured = sum(len(cells) for _, cells in wanted.values())
    for name, (part, cells) in wanted.items():
        if outcome.refused:
            cells = {}
        if cells:
            coloured.append(name)
        record_rows += _mark_sheet(pkg, book, styles, name, part, cells)
    outcome.cells = len(record_rows)
    outcome.protections = protections(pkg, book, coloured)

    # rectxl's sheets, under names the user does not use
    hidden = _hidden(pkg, book, {f.sheet for f in report.findings if f.sheet}, ledger_rows(ledger))
    # marks an earlier run could not take back show rectxl's colour, but are rectxl's
    hidden = {name: replace(h, lookalike=h.lookalike - {ref for where, ref in stuck if where == name})
              for name, h in hidden.items()}
    specs = [findings_sheet(report, hidden), *(summary_sheets(report, ledger) if summary else [])]
    taken = {s.name.casefold() for s in book.sheets()}
    named: list[SheetSpec] = []
    for spec in specs:
        name = _free_sheet_name(spec.name, taken)
        taken.add(name.casefold())
        if name != spec.name:
            outcome.renamed[spec.name] = name
            spec = replace(spec, name=name)
        named.append(spec)
    notes = []
    if outcome.renamed:
        note = "；".join(f"“{old}”改名为“{new}”" for old, new in outcome.renamed.items())
        notes.append(f"工作簿中已有同名工作表，rectxl 的工作表{note}")
    if outcome.refused:
        notes.append(refused_note(outcome.refused, outcome.uncoloured) + "问题见本表")
    if outcome.protections:
        notes.append(f"原台账设有保护（{'；'.join(outcome.protections)}），rectxl 的标记照常写入了这个副本，"
                     "保护设置原样保留")
    for note in notes:
        add_findings_note(named[0], note)
    added: list[list[Any]] = []
    signatures: dict[str, list[Any]] = {}
    names_created: str | None = None
    for spec in named:
        rels, rid = None, None
        charts = None if book.strict else chart_parts(spec, spec.name)
        if charts is not None:
            drawing = pkg.free_name("xl/drawings/drawing{}.xml")
            chart = pkg.free_name("xl/charts/chart{}.xml")
            pkg.write(drawing, charts[0])
            pkg.write(chart, charts[1])
            pkg.write(rels_name(drawing), _rels_xml(book.ns["rel"] + "/chart", "../charts/" + chart.rsplit("/", 1)[1]))
            book.add_override(drawing, CT_DRAWING)
            book.add_override(chart, CT_CHART)
            rels = _rels_xml(book.ns["rel"] + "/drawing", "../drawings/" + drawing.rsplit("/", 1)[1])
            rid = "rId1"
        sheet_xml = render_sheet(spec, styles, main_ns=book.ns["main"], rel_ns=book.ns["rel"], drawing_rid=rid)
        sheet = book.add_sheet(spec.name, sheet_xml, rels=rels)
        titles = print_titles(spec, sheet.name)
        if titles is not None:
            names_created = book.add_defined_name("_xlnm.Print_Titles", sheet.index, titles) or names_created
        # rectxl's mark of ownership, which goes with the sheet (see rectxl.core.names.OWNER_MARK)
        names_created = book.add_defined_name(OWNER_MARK, sheet.index, owner_mark_text(sheet.name),
                                              hidden=True) or names_created
        added.append([sheet.name, sheet.sheet_id])
        if spec.header_row < len(spec.rows):
            signatures[sheet.name] = [spec.header_row, [str(cell_text(v)) for v in spec.rows[spec.header_row]]]
        outcome.sheets.append(sheet.name)
    styles.finish()

    # the record ("sheets" keeps its [name, sheetId] pairs: what every rectxl reads; "signatures"
    # are the header rows that still tell the sheets after a save renumbered them)
    head = {"format": RECORD_FORMAT, "rectxl": __version__, "sheet": ledger.sheet, "part": target.part,
            "parts": parts,
            "sheets": added, "signatures": signatures, "renamed": outcome.renamed, "styles": styles.record(),
            "defined_names_created": names_created, "protections": outcome.protections,
            **({"refused": outcome.refused, "uncoloured": outcome.uncoloured} if outcome.refused else {})}
    rows = [RECORD_HEADER, [RECORD_TAG, "", json.dumps(head, ensure_ascii=False, separators=(",", ":"))],
            *record_rows, *pending]
    marks_name = _free_sheet_name(MARKS_SHEET, taken)
    book.add_sheet(marks_name, _record_xml(rows, book.ns["main"]), state="veryHidden")
    return outcome


_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*?)/?>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')


_OUTLINED = re.compile(rb'\soutlineLevel="[1-7]"')
#: an autofilter (the sheet's, or a table's in the table's part) and its range
_AUTOFILTER = re.compile(
    rb'<(?:[\w.-]+:)?autoFilter\b[^>]*?\sref="\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)"[^>]*?(/?)>')
_FILTER_COLUMN = re.compile(rb"<(?:[\w.-]+:)?filterColumn\b")


def _filter_rows(xml: bytes, start: int = 0) -> list[range]:
    """The rows (1-based, below its header row) an autofilter in ``xml`` (from ``start``) hides
    rows of when some criterion is set; none when it has no autofilter or no criterion (a
    hidden row there was hidden by hand)."""
    m = _AUTOFILTER.search(xml, start)
    end = xml.find(b"autoFilter>", m.end()) if m is not None and not m.group(3) else -1
    if m is None or end < 0 or not _FILTER_COLUMN.search(xml, m.end(), end):
        return []
    return [range(int(m.group(1)) + 1, int(m.group(2)) + 1)]


def _filtered_rows(pkg: Package, book: Book, part: str, xml: bytes) -> list[range]:
    """The rows the autofilters of the sheet at ``part`` (``xml``) hide rows of: the sheet's own
    and its tables' (a table keeps its filter in its own part)."""
    rows = _filter_rows(xml, max(0, xml.find(b"sheetData")))
    if b"tablePart" in xml:
        for rel in book.rels(part):
            if rel.type == "table" and not rel.external and pkg.has(rel.target):
                rows += _filter_rows(pkg.read(rel.target))
    return rows


def ledger_rows(ledger: Ledger) -> dict[str, frozenset[int]]:
    """The rows (1-based) of each sheet that hold the ledger's measures."""
    rows: dict[str, set[int]] = {}
    for measure in ledger.measures():
        if measure.row:
            rows.setdefault(measure.sheet or ledger.sheet, set()).add(measure.row)
    return {name: frozenset(r) for name, r in rows.items()}


def hidden_in(path: Path, names: set[str], rows: dict[str, frozenset[int]] | None = None) -> dict[str, Hidden]:
    """:func:`_hidden` of the workbook file at ``path`` (the Excel add-in's saved copy): what of
    the sheets ``names`` the user does not see; nothing when it is no package rectxl can open."""
    try:
        with Package(path) as pkg:
            book = Book(pkg)
            hidden = _hidden(pkg, book, names, rows)
            if find_record(pkg, book) is not None:  # the colours of the last marking are rectxl's
                hidden = {name: replace(h, lookalike=frozenset()) for name, h in hidden.items()}
            return hidden
    except (RectxlError, KeyError, OSError, ValueError):
        return {}


def hidden_of(pkg: Package, book: Book, names: set[str]) -> dict[str, Hidden]:
    """What of the sheets ``names`` of an open package the user does not see (:func:`_hidden`)."""
    return _hidden(pkg, book, names)


def _hidden(pkg: Package, book: Book, names: set[str],
            rows: dict[str, frozenset[int]] | None = None) -> dict[str, Hidden]:
    """What of each sheet ``names`` the user does not see: the sheet, hidden rows and columns, the
    ranges a conditional format paints over (rectxl's colours not shown there), and the cells
    already filled in one of rectxl's colours (only those on the measures' ``rows`` when given: a
    header filled so says nothing)."""
    out: dict[str, Hidden] = {}
    fills: list[str | None] | None = None
    lookalike: set[int] | None = None  # the user's cell formats filled in one of rectxl's colours
    for sheet in book.sheets():
        if sheet.name not in names or sheet.part is None or not pkg.has(sheet.part):
            continue
        xml = pkg.read(sheet.part)
        hidden_rows: set[int] = set()
        folded: set[int] = set()
        last = 0
        for m in _ROW_TAG.finditer(xml):
            r = _ATTR_NUM[b"r"].search(m.group(1))
            last = int(r.group(1)) if r else last + 1
            if _HIDDEN.search(m.group(1)):
                hidden_rows.add(last)
                if _OUTLINED.search(m.group(1)):
                    folded.add(last)
        cols: set[int] = set()
        head = xml[: xml.find(b"sheetData")]
        for m in _COL.finditer(head):
            tag = m.group()
            low, high = _ATTR_NUM[b"min"].search(tag), _ATTR_NUM[b"max"].search(tag)
            if low and high and _HIDDEN.search(tag) and int(high.group(1)) - int(low.group(1)) < 16384:
                cols.update(range(int(low.group(1)) - 1, int(high.group(1))))
        painted: list[tuple[int, int, int, int]] = []
        if b"onditionalFormatting" in xml:
            fills = _dxf_fills(pkg, book) if fills is None else fills
            painted = painted_ranges(xml, fills, OWN_FILLS)
        if lookalike is None:
            styles = _styles_xml(pkg, book)
            lookalike = formats_filled(styles, {h.color.upper() for h in HIGHLIGHTS}) if styles else set()
        own = _cells_in_formats(xml, lookalike)
        if rows is not None:
            on = rows.get(sheet.name, frozenset())
            own = frozenset(c for c in own if int(c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) in on)
        # a row in a group is folded away (Excel marks no row filtered): its "+" shows it
        ranges = _filtered_rows(pkg, book, sheet.part, xml) if hidden_rows - folded else []
        filtered = frozenset(r for r in hidden_rows - folded if any(r in span for span in ranges))
        out[sheet.name] = Hidden(sheet.state != "visible", frozenset(hidden_rows), frozenset(cols), tuple(painted),
                                 own, filtered, frozenset(folded))
    return out


def covered_marks(pkg: Package, book: Book, record: Record) -> int:
    """How many of the cells ``record`` names as marked lie under a conditional format of the
    user's that fills them (their mark is not seen while it applies)."""
    count = 0
    fills: list[str | None] | None = None
    marked: dict[str, list[str]] = {}
    for sheet, ref, data in record.cells:
        if not data.get("pending"):
            marked.setdefault(sheet, []).append(ref)
    for name, refs in marked.items():
        ref_ = book.sheet(name)
        if ref_ is None or ref_.part is None or not pkg.has(ref_.part):
            continue
        xml = pkg.read(ref_.part)
        if b"onditionalFormatting" not in xml:
            continue
        fills = _dxf_fills(pkg, book) if fills is None else fills
        place = Hidden(painted=tuple(painted_ranges(xml, fills, OWN_FILLS)))
        count += sum(1 for ref in refs if place.painted_over(ref))
    return count


def _styles_xml(pkg: Package, book: Book) -> bytes:
    """The workbook's styles part as it is in the package (before rectxl's formats are written)."""
    rel = next((r for r in book.rels(book.part) if r.type == "styles" and not r.external), None)
    part = pkg.find(rel.target) if rel is not None else None
    return pkg.read(part) if part is not None else b""


def _dxf_fills(pkg: Package, book: Book) -> list[str | None]:
    return dxf_fills(_styles_xml(pkg, book))


def _cells_in_formats(xml: bytes, formats: set[int]) -> frozenset[str]:
    """The cells (A1) of the sheet ``xml`` with one of the cell ``formats``."""
    if not formats:
        return frozenset()
    wanted = b"|".join(str(i).encode() for i in sorted(formats))
    pattern = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*?\ss=[\"'](?:" + wanted + rb")[\"'][^>]*>")
    out = set()
    for m in pattern.finditer(xml):
        ref = re.search(rb"\sr=[\"']([A-Z]{1,3}\d+)[\"']", m.group())
        if ref is not None:
            out.add(ref.group(1).decode())
    return frozenset(out)


_WORKBOOK_PROTECTION = re.compile(rb"<(?:[\w.-]+:)?workbookProtection\b[^>]*>")
_FILE_SHARING = re.compile(rb"<(?:[\w.-]+:)?fileSharing\b[^>]*>")
_SHEET_PROTECTION = re.compile(rb"<(?:[\w.-]+:)?sheetProtection\b[^>]*>")


def _on(tag: bytes, name: str, default: bool = False) -> bool:
    m = re.search(rb"\s" + name.encode() + rb'\s*=\s*["\']([^"\']*)["\']', tag)
    return default if m is None else m.group(1).strip().lower() in (b"1", b"true")


def refuses_formats(sheet_xml: bytes) -> bool:
    """The sheet is protected without 设置单元格格式 allowed: Excel refuses a fill there."""
    sp = _SHEET_PROTECTION.search(sheet_xml)
    # formatCells="1" (the default) means formatting cells is locked while the sheet is protected
    return sp is not None and _on(sp.group(), "sheet") and _on(sp.group(), "formatCells", default=True)


def refused_note(refused: dict[str, int], uncoloured: int = 0) -> str:
    """What annotate says of ledger sheets protected against formatting (:attr:`AnnotateOutcome.refused`):
    none of the ``uncoloured`` cells (on every ledger sheet) was coloured."""
    names = "、".join(f"“{name}”" for name in refused)
    return (f"工作表{names}受保护，不允许设置单元格格式：rectxl 没有在台账上标色"
            f"（{max(uncoloured, sum(refused.values()))} 个问题单元格未标色，保护设置原样保留），")


def protections(pkg: Package, book: Book, sheets: list[str] | None = None) -> list[str]:
    """The protections a careful user set that marking goes against (Chinese, one each): the
    workbook's structure locked (rectxl adds sheets), a sheet of ``sheets`` (None: every sheet)
    protected against formatting cells (rectxl colours them), a legacy shared workbook (共享工作簿),
    "read-only recommended", a password to modify (修改权限密码)."""
    found: list[str] = []
    workbook = pkg.read(book.part)
    wp = _WORKBOOK_PROTECTION.search(workbook)
    if wp is not None and _on(wp.group(), "lockStructure"):
        found.append("工作簿结构已锁定，不能增删工作表")
    for sheet in book.sheets():
        if sheets is not None and sheet.name not in sheets:
            continue
        if sheet.part is None or not pkg.has(sheet.part) or sheet.name.startswith(MARKS_SHEET):
            continue
        if refuses_formats(pkg.read(sheet.part)):
            found.append(f"工作表“{sheet.name}”受保护，不允许设置单元格格式")
    if any(r.type == "revisionHeaders" and not r.external for r in book.rels(book.part)):
        # a legacy shared workbook: its revision history lists the sheets, and Excel allows no
        # charts or merged cells while it is shared — rectxl's sheets have both
        found.append("工作簿为共享工作簿（允许多用户同时编辑）")
    fs = _FILE_SHARING.search(workbook)
    if fs is not None:
        if _on(fs.group(), "readOnlyRecommended"):
            found.append("建议以只读方式打开")
        if re.search(rb"\s(?:reservationPassword|hashValue)\s*=", fs.group()):
            found.append("设有修改权限密码")
    return found


def _rels_xml(kind: str, target: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{kind}" Target="{escape_attr(target)}"/></Relationships>').encode()


def _record_xml(rows: list[list[Any]], main_ns: str) -> bytes:
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main_ns}"><sheetData>']
    for i, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{"ABC"[j]}{i}" t="inlineStr"><is><t>{escape_text(xml_safe(str(v)))}</t></is></c>'
            for j, v in enumerate(row) if v != "")
        out.append(f'<row r="{i}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


# -- clear -----------------------------------------------------------------------------------


def clear_package(pkg: Package, book: Book, record: Record, *, keep_pending: bool = True) -> ClearOutcome:
    """Undo rectxl's marks in ``pkg`` (an open package) in place. Marks that cannot be told apart
    (:attr:`ClearOutcome.pending`) stay on record: with ``keep_pending`` the record sheet is kept,
    holding only them; without, the caller carries them on (a new annotate's record)."""
    if record.head is None:
        return _clear_legacy(pkg, book, record)
    outcome = ClearOutcome()
    head = record.head
    styles_record: dict[str, Any] = head.get("styles") or {}
    styles = Styles(pkg, book)
    baseline = {name: len(new) for name, new in styles.new.items()}
    exact = bool(styles_record) and styles.before == styles_record.get("after")
    by_sheet: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for sheet_name, ref, data in record.cells:
        by_sheet.setdefault(sheet_name, []).append((ref, data))
    parts: dict[str, str] = {**(head.get("parts") or {}), str(head.get("sheet", "")): str(head.get("part", ""))}
    for sheet_name, cells in by_sheet.items():
        sheet = book.sheet(sheet_name)
        if sheet is None:  # renamed since: found by its marked rows' texts (else by its part)
            sheet = _renamed(pkg, book, record, set(by_sheet), cells) or next(
                (s for s in book.sheets() if s.part == parts.get(sheet_name) and s.name not in by_sheet
                 and not any(data.get("row") for _, data in cells)), None)
            if sheet is not None:
                outcome.renamed[sheet_name] = sheet.name
        if sheet is None or sheet.part is None:  # deleted since: its colours went with it
            outcome.lost[sheet_name] = sum(1 for _, data in cells if not data.get("pending"))
        else:
            known = len(outcome.unresolved)
            pending = _clear_sheet(pkg, book, sheet.part, cells, styles, exact, outcome, sheet_name)
            outcome.pending += [[sheet.name, ref, _record_json({**data, "pending": 1})] for ref, data in pending]
            outcome.stuck |= {(sheet.name, ref) for ref in outcome.unresolved[known:]}
    # formats appended here (a fill given back on a cell's current format) are written; those
    # Styles itself supplies to a part that lacks them only when the part changes anyway
    if any(len(new) > baseline[name] for name, new in styles.new.items()) or (
            not exact and any(styles.new.values())):
        styles.finish()
    owned, outcome.left, outcome.renamed_own = _owned_sheets(pkg, book, record)
    outcome.copies = _copies(pkg, book, record, {*by_sheet, *outcome.renamed.values()}, {s.name for s in owned},
                             outcome)
    # rectxl's sheets the user renamed (or copied) are the user's from now on: their marks go
    kept = {s.index for s in book.sheets() if s.name in outcome.renamed_own}
    book.remove_defined_names([e for index, _, e in book.local_names(OWNER_MARK) if index in kept])
    for sheet in owned:
        outcome.removed.append(sheet.name)
        book.remove_sheet(sheet)
    if outcome.pending and keep_pending:
        _keep_record(pkg, book, record, outcome)
    else:
        _remove_record_sheet(book, record)
    if head.get("defined_names_created"):
        book.tidy_defined_names(str(head["defined_names_created"]))
    if exact and not pkg.changed(styles.part):
        _revert_styles(pkg, book, styles, styles_record)
    return outcome


def _record_json(data: dict[str, Any]) -> str:
    return mark_json({k: v for k, v in data.items() if k != "col"})


def _keep_record(pkg: Package, book: Book, record: Record, outcome: ClearOutcome) -> None:
    """Rewrite the record sheet to hold only the marks that could not be cleared (and the sheets
    left): a later clear (or annotate) still knows their colour for rectxl's."""
    assert record.head is not None and record.sheet.part is not None
    left = set(outcome.left)
    head = {**record.head, "sheets": [e for e in record.head.get("sheets", []) if str(e[0]) in left],
            "styles": {}, "defined_names_created": None}
    rows = [RECORD_HEADER, [RECORD_TAG, "", json.dumps(head, ensure_ascii=False, separators=(",", ":"))],
            *outcome.pending]
    pkg.write(record.sheet.part, _record_xml(rows, book.ns["main"]))


def owner_marks(book: Book) -> dict[int, str]:
    """The sheets carrying rectxl's mark of ownership (:data:`~rectxl.core.names.OWNER_MARK`):
    0-based sheet index → the name rectxl gave the sheet."""
    marks: dict[int, str] = {}
    for index, text, _ in book.local_names(OWNER_MARK):
        given = owner_mark_name(text)
        if given is not None:
            marks[index] = given
    return marks


def _owned_sheets(pkg: Package, book: Book, record: Record
                  ) -> tuple[list[SheetRef], list[str], dict[str, str]]:
    """(rectxl's sheets in the workbook, names of sheets the record lists that rectxl cannot tell
    for its own, rectxl's sheets the user renamed: name now → the name rectxl gave it).

    A sheet is rectxl's when it has the name the record gives it and rectxl's mark of ownership
    (:data:`~rectxl.core.names.OWNER_MARK`, the one concept the Excel add-in uses too), and its
    sheetId — or, a save renumbered the sheets, rectxl's header row (a sheet the user rewrote is
    left). A sheet
    carrying the mark under another name was renamed (or copied) by the user: it is the user's
    now, never deleted. In a workbook with no mark at all (marked by a rectxl before the marks, or
    saved by a program that drops defined names) a sheet is rectxl's when it has the name and
    sheetId the record gives it, or — a save renumbered the sheets — that name and rectxl's header
    row; one with the sheetId and header row under another name was renamed by the user, and is
    left alike. The ledger sheets and the record itself are never among them."""
    head = record.head or {}
    sheets = book.sheets()
    ledgers = {str(name) for name in (head.get("parts") or {})} | {str(head.get("sheet", ""))}
    never = ledgers | {record.sheet.name}
    signatures: dict[str, Any] = head.get("signatures") or {}
    marks = owner_marks(book)
    found: list[SheetRef] = []
    left: list[str] = []
    renamed: dict[str, str] = {}
    taken: set[tuple[str, int]] = set()
    for entry in head.get("sheets", []):
        try:
            name, sheet_id = str(entry[0]), int(entry[1])
        except (TypeError, ValueError, IndexError):
            continue
        signature = _signature(signatures.get(name), name)

        def free(s: SheetRef) -> bool:
            return s.name not in never and (s.name, s.sheet_id) not in taken

        if marks:  # and, as without marks, its sheetId — or, a save renumbered them, its header row
            match = next((s for s in sheets if s.name == name and marks.get(s.index) == name and free(s)
                          and (s.sheet_id == sheet_id or signature is None
                               or _has_header(pkg, book, s, signature))), None)
        else:
            match = next((s for s in sheets if s.name == name and s.sheet_id == sheet_id and free(s)), None)
            if match is None and signature is not None:
                match = next((s for s in sheets if s.name == name and free(s)
                              and _has_header(pkg, book, s, signature)), None)
                moved = None if match is not None else next(
                    (s for s in sheets if s.sheet_id == sheet_id and free(s) and s.name not in renamed
                     and _has_header(pkg, book, s, signature)), None)
                if moved is not None:
                    renamed[moved.name] = name
        if match is None:
            if any(s.name == name for s in sheets) and name not in never:
                left.append(name)
            continue
        taken.add((match.name, match.sheet_id))
        found.append(match)
    owned = {(s.name, s.sheet_id) for s in found}
    for s in sheets:
        if s.index in marks and (s.name, s.sheet_id) not in owned and s.name not in never:
            renamed[s.name] = marks[s.index]
    return found, left, renamed


def _signature(recorded: Any, name: str) -> tuple[int, list[str]] | None:
    """(0-based row, its text) that tells rectxl's sheet ``name``: as recorded, or — for a record
    written before signatures were — the header row of the sheet rectxl writes under that name."""
    if isinstance(recorded, list) and len(recorded) == 2 and isinstance(recorded[0], int):
        return recorded[0], [str(v) for v in recorded[1]]
    base = re.sub(r"[(（]rectxl\d*[)）]$", "", name)
    if base in OUTPUT_HEADERS:
        row, header = OUTPUT_HEADERS[base]
        return row, list(header)
    return None


def _has_header(pkg: Package, book: Book, sheet: SheetRef, signature: tuple[int, list[str]]) -> bool:
    row, header = signature
    if sheet.part is None or not pkg.has(sheet.part) or not header:
        return False
    rows = _first_rows(pkg, book, sheet.part, row + 1, len(header))
    return len(rows) > row and [v.strip() for v in rows[row]] == [v.strip() for v in header]


def _first_rows(pkg: Package, book: Book, part: str, count: int, columns: int) -> list[list[str]]:
    """The text of the first ``columns`` columns of the first ``count`` rows of a sheet, read
    only as far as those rows (rectxl's 整改明细 may have a hundred thousand)."""
    shared: list[str] | None = None
    rows: dict[int, list[str]] = {}
    try:
        for number, cells in _sheet_rows(pkg.read(part)):
            if number > count:
                break
            values = [""] * columns
            for col, c in cells:
                if col >= columns:
                    continue
                if c.get("t") == "s" and shared is None:
                    shared = _shared_strings(pkg, book)
                values[col] = _cell_value(c, shared)
            rows[number] = values
    except etree.XMLSyntaxError:
        return []
    return [rows.get(n, [""] * columns) for n in range(1, min(count, max(rows, default=0)) + 1)]


def _clear_sheet(pkg: Package, book: Book, part: str, cells: list[tuple[str, dict[str, Any]]],
                 styles: Styles, exact: bool, outcome: ClearOutcome,
                 sheet_name: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Undo the marks recorded for one sheet (its ``part``); returns the recorded marks (cell,
    data) behind cells that still show rectxl's colour but could not be told apart (those
    cells: ``outcome.unresolved``)."""
    xml = pkg.read(part)
    cells = _followed(pkg, book, xml, cells, styles)
    # one working copy of each recorded mark, knowing its cell: compared by identity below
    marks = [{**data, "ref": ref, "col": _column(ref)} for ref, data in cells if _A1.fullmatch(ref)]
    try:
        spots = locate(xml, [str(d["ref"]) for d in marks])
    except ValueError:
        return []
    targets: dict[str, str | None] = {}
    remove: set[str] = set()
    rows: dict[int, int] = {}
    used: set[int] = set()

    def ours(data: dict[str, Any], current: str | None) -> bool:
        """The cell carries the mark rectxl gave the recorded cell: its very format (the
        workbook not saved since), or the colour (saved since: formats renumbered, or the
        clerk changed something else of the cell's format)."""
        if current is None or not current.isdigit():
            return False
        if exact and not data.get("pending") and current == str(data.get("m")):
            return True
        return fill_rgb(styles.fill_of_xf(int(current))) == str(data.get("h", "")).upper()

    def undo(ref: str, data: dict[str, Any]) -> None:
        spot = spots[ref]
        current = spot.s
        created = int(data.get("new") or 0)
        if created and spot.empty:  # a cell rectxl created, still empty: cut out again
            targets[ref] = None
            remove.add(ref)
            if created in (NEW_ROW, OPENED_ROW):
                rows[spot.row] = created
        elif exact and not created and not data.get("pending") and current == str(data.get("m")):
            original = data.get("s")  # rectxl's own format, untouched: the original one back
            targets[ref] = None if original is None else str(original)
        else:  # the fill given back, the rest of the cell's format as it is now
            assert current is not None
            fill = _reprefix(str(data.get("fill") or "").encode(), styles.p)
            targets[ref] = str(styles.with_fill(int(current), styles.fill(fill) if fill else 0))
        used.add(id(data))
        outcome.restored += 1
        if ref != data.get("was", data["ref"]):
            outcome.moved += 1

    def free(candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [d for d in candidates if id(d) not in used]

    # the text each cell had when marked tells a cell the clerk changed (fixed what was flagged:
    # its own mark) from another marked cell moved into its place by a sort or an inserted row
    # (that cell's mark); a record written before rectxl kept the texts has none
    texts = _cell_texts(pkg, book, xml, spots) if any("v" in d for d in marks) else {}
    changed: list[dict[str, Any]] = []
    vacated: list[dict[str, Any]] = []  # marks no longer on a cell with their text: moved away
    # marks recorded without their row (an earlier rectxl) on a cell with their text but not their
    # colour: re-coloured by the clerk — unless marks moved (a sort: another row's like text there)
    kept_unsure: list[dict[str, Any]] = []
    moved_before = outcome.moved
    sheet_rows: list[dict[int, dict[str, str]]] = []

    def rows_now() -> dict[int, dict[str, str]]:
        """The sheet's text cells by row (read once, when wanted)."""
        if not sheet_rows:
            sheet_rows.append(_row_texts(pkg, book, xml))
        return sheet_rows[0]

    # rows moved (a mark followed elsewhere): a mark whose row is nowhere is not on its cell — nor
    # is one whose cell's row is now mostly another such mark's row (rows inserted or deleted, every
    # marked row typed into); else its row was typed into where it stands
    rows_moved = any("was" in d for d in marks)
    nowhere_rows = [str(d["row"]) for d in marks if d.get("nowhere") and d.get("row")]

    def elsewhere(data: dict[str, Any], row: int) -> bool:
        if rows_moved:
            return True
        if resembles(str(data["row"]), rows_now(), row):
            return False
        return any(key != data["row"] and resembles(key, rows_now(), row) for key in nowhere_rows)

    for data in marks:
        ref = str(data["ref"])
        spot = spots[ref]
        if data.get("dropped"):  # another mark's row is on its cell: looked for by its colour below
            vacated.append(data)
        elif data.get("nowhere") and data.get("row") and elsewhere(data, spot.row):
            vacated.append(data)  # looked for by its colour, on a row like its own, below
        elif not spot.found or not ours(data, spot.s):
            # the cell on its row (followed there), or still holding its recorded text, was
            # re-coloured in place by the clerk; any other mark (an empty cell's text tells
            # nothing) may have moved
            if spot.found and data.get("row") and not data.get("nowhere"):
                outcome.kept += 1
            elif spot.found and not data.get("row") and data.get("v") and texts.get(ref) == data["v"]:
                kept_unsure.append(data)  # looked for by its colour too: a sort may have moved it
                vacated.append(data)
            else:
                vacated.append(data)
        elif data.get("row") and not data.get("nowhere"):  # followed to its row: its own mark
            undo(ref, data)
        elif "v" in data and ref in texts and texts[ref] != data["v"]:
            changed.append(data)
        else:
            undo(ref, data)
    ambiguous: dict[str, list[dict[str, Any]]] = {}
    # looked up by column and text, and by column (a ledger may have thousands of marks)
    by_text: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for d in [*vacated, *changed]:
        if d.get("v"):
            by_text.setdefault((d["col"], d["v"]), []).append(d)
    by_column: dict[Any, list[dict[str, Any]]] = {}
    for d in vacated:
        by_column.setdefault(d["col"], []).append(d)
    for data in changed:
        ref = str(data["ref"])
        current = spots[ref].s
        text = texts.get(ref)
        moved_in = [d for d in free(by_text.get((data["col"], text), [])) if d is not data and ours(d, current)]
        if moved_in and len({_plan(d) for d in moved_in}) == 1:
            undo(ref, moved_in[0])
            continue
        # a mark that left its cell in this column may be the one here, its text changed since
        others = [d for d in free(by_column.get(data["col"], [])) if ours(d, current)]
        if any(_plan(d) != _plan(data) for d in others):
            ambiguous[ref] = others
        else:  # the clerk's new text in the cell: its own mark
            undo(ref, data)
    pending: dict[int, dict[str, Any]] = {}
    remaining = free([*vacated, *changed])
    if remaining:
        found, moved, unsure = _follow_moved_marks(xml, remaining, set(targets) | set(ambiguous), ours, outcome,
                                                   lambda wanted: _cell_texts(pkg, book, xml, wanted), rows_now)
        spots.update(found)
        for ref, data in moved.items():
            undo(ref, data)
        pending.update((id(d), d) for d in unsure)
    own = {str(d["ref"]): d for d in changed}
    for ref, others in ambiguous.items():  # what the marks that moved left over decides
        data = own[ref]
        rest = free(others)
        if id(data) in used and len({_plan(d) for d in rest}) == 1:
            undo(ref, rest[0])  # its own mark is found elsewhere: the one left is here
        elif id(data) not in used and all(_plan(d) == _plan(data) for d in rest):
            undo(ref, data)
        else:
            outcome.unresolved.append(ref)
            pending.update((id(d), d) for d in [data, *rest])
    # a mark whose row is nowhere and whose colour no cell shows: its row was deleted with it; a
    # mark recorded without its row (an earlier rectxl) not on its cell and not found: re-coloured
    # by the clerk, or moved where it cannot be followed (a column inserted)
    unsure_ids = {id(d) for d in kept_unsure}
    lost = [d for d in vacated if id(d) not in used and id(d) not in pending and id(d) not in unsure_ids]
    left = [d for d in kept_unsure if id(d) not in used and id(d) not in pending]
    if outcome.moved > moved_before:  # rows moved: a like text on the recorded cell tells nothing
        lost += left
    else:
        outcome.kept += len(left)
    outcome.gone += sum(1 for d in lost if d.get("nowhere"))
    astray = [d for d in lost if not d.get("row") and spots[str(d["ref"])].found]
    outcome.astray += len(astray)
    where = f"{sheet_name}!" if sheet_name else ""
    date1904 = bool(astray) and _date1904(pkg, book)
    outcome.unplaced += [f"{where}{d['ref']}（{_marked_text(str(d.get('v') or ''), date1904)}）" for d in astray]
    outcome.given_back |= {(part, ref) for ref in targets}
    xml = tidy_rows(restore(xml, spots, targets, remove), rows)
    pkg.write(part, xml)
    return [(str(d["ref"]), {k: v for k, v in d.items() if k not in ("ref", "col", "was", "nowhere", "dropped")})
            for d in pending.values() if id(d) not in used]


def _followed(pkg: Package, book: Book, xml: bytes, cells: list[tuple[str, dict[str, Any]]],
              styles: Styles) -> list[tuple[str, dict[str, Any]]]:
    """The recorded marks of a sheet (its part's ``xml``) by the cell each is on now, followed by
    the texts of its row (:func:`rectxl.core.follow.follow`, as the Excel add-in's 清除标记): after
    a sort, rows or columns inserted or deleted. A mark followed elsewhere carries ``was``, its
    recorded cell. Marks recorded without their row's texts are taken to be where they were (the
    clear's own search by format and cell text then looks for them)."""
    if not any(data.get("row") for _, data in cells):
        return cells
    texts = _row_texts(pkg, book, xml)
    recorded = {ref: data for ref, data in cells if _A1.fullmatch(ref)}

    def shows(spot: str, ref: str) -> bool:
        found = locate(xml, [spot])[spot]
        return bool(found.found and found.s and found.s.isdigit()
                    and fill_rgb(styles.fill_of_xf(int(found.s))) == str(recorded[ref].get("h", "")).upper())

    nowhere: list[str] = []
    placed = follow({ref: str(data.get("row") or "") for ref, data in recorded.items()}, texts, shows, nowhere,
                    {ref: str(data.get("h", "")).upper() for ref, data in recorded.items()})
    lost = set(nowhere)
    # a mark whose row is nowhere, with another mark's row on its cell now: its row was deleted,
    # or changed past knowing and moved — the search by colour looks for it ("dropped")
    dropped = [(ref, {**recorded[ref], "nowhere": 1, "dropped": 1}) for ref in nowhere if placed.get(ref) != ref]
    return [*((spot, {**recorded[ref], **({"was": ref} if spot != ref else {}),
                      **({"nowhere": 1} if ref in lost else {})}) for spot, ref in placed.items()), *dropped]


def _renamed(pkg: Package, book: Book, record: Record, recorded: set[str],
             cells: list[tuple[str, dict[str, Any]]]) -> SheetRef | None:
    """The sheet a marked ledger sheet no longer in the workbook became (renamed): of the sheets
    neither named in the record nor rectxl's, the one holding most of its marked rows (as the
    Excel add-in finds it: :func:`rectxl.core.follow.best_holder`)."""
    keys = {str(data["row"]) for _, data in cells if data.get("row")}
    rectxl_names = {str(e[0]) for e in (record.head or {}).get("sheets", []) if e}
    candidates = {s.name: s for s in book.sheets() if s.part is not None and pkg.has(s.part)
                  and s.name not in recorded and s.name not in rectxl_names and s.name != record.sheet.name}
    name = best_holder(keys, {name: partial(_part_texts, pkg, book, s.part or "")
                              for name, s in candidates.items()})
    return None if name is None else candidates[name]


def _part_texts(pkg: Package, book: Book, part: str) -> dict[int, dict[str, str]]:
    return _row_texts(pkg, book, pkg.read(part))


def _copies(pkg: Package, book: Book, record: Record, ledgers: set[str], owned: set[str],
            outcome: ClearOutcome) -> dict[str, list[str]]:
    """Cells left showing one of rectxl's colours on rows the record names as marked (by their
    texts) — a copy the clerk made after marking, which is the clerk's (and may be kept to show what
    was flagged): their colours are not given back, they are named, by sheet. On sheets other than
    the marked ledger sheets (rectxl's and the record aside): every such cell; on the marked ledger
    sheets: those in the columns marked on that row, neither given back nor left unresolved (the
    row copied elsewhere in the sheet)."""
    keys: dict[str, set[str]] = {}
    for _, ref, data in record.cells:
        if data.get("row"):
            keys.setdefault(str(data["row"]), set()).add(_column(ref))
    if not keys:
        return {}
    filled = formats_filled(_styles_xml(pkg, book), {h.color.upper() for h in HIGHLIGHTS})
    copied: dict[str, list[str]] = {}
    for sheet in book.sheets():
        if (sheet.name in owned or sheet.name == record.sheet.name
                or sheet.part is None or not pkg.has(sheet.part)):
            continue
        xml = pkg.read(sheet.part)
        cells = _cells_in_formats(xml, filled)
        if not cells:
            continue
        texts = _row_texts(pkg, book, xml)
        on_rows = [(ref, key) for ref in cells
                   if (spot := place(ref)) is not None and (key := row_key(texts, spot[1])) in keys]
        mine = sheet.name in ledgers
        left = sorted((ref for ref, key in on_rows if not mine or (
                       _column(ref) in keys[key] and (sheet.part, ref) not in outcome.given_back
                       and (sheet.name, ref) not in outcome.stuck)),
                      key=lambda ref: (int(re.sub(r"\D", "", ref)), len(_column(ref)), _column(ref)))
        if left:
            copied[sheet.name] = left
    return copied


def _column(ref: str) -> str:
    return re.sub(r"\d+", "", ref)


def _plan(data: dict[str, Any]) -> tuple[Any, ...]:
    """What undoing the mark ``data`` does to a cell: marks with one plan are interchangeable."""
    return int(data.get("new") or 0) > 0, data.get("s"), data.get("fill")


def _reprefix(fill: bytes, p: str) -> bytes:
    """A recorded ``fill`` element in the namespace prefix of the styles part it goes back into
    (the workbook may have been saved since by a program that writes another prefix, or none)."""
    return re.sub(rb"<(/?)(?:[\w.-]+:)?", lambda m: b"<" + m.group(1) + p.encode(), fill) if fill else fill


_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*>")
_R_ATTR = re.compile(rb'\sr="([A-Z]{1,3}\d+)"')
_S_ATTR = re.compile(rb'\ss="(\d+)"')


def _follow_moved_marks(xml: bytes, away: list[dict[str, Any]], done: set[str],
                        ours: Callable[[dict[str, Any], str | None], bool], outcome: ClearOutcome,
                        texts_of: Callable[[dict[str, Any]], dict[str, str]],
                        rows_now: Callable[[], dict[int, dict[str, str]]]
                        ) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Marks that moved with their cells — the rows sorted, a row inserted above — found by
    their format in the column they were put in: a cell there showing a mark is given the
    recorded mark every candidate of that column and colour agrees on, or the one whose text
    (recorded when it was marked) it has. Marks recorded with their rows' texts are each found
    only on a row still holding most of those texts (:func:`rectxl.core.follow.resembles`: the
    row typed into in a cell or two) — a cell in their colour on a row like none of theirs is the
    clerk's own (rectxl's orange is one of Excel's theme colours), left as it is, or, while such a
    mark of its colour is not found, could be that mark rewritten past knowing: left and named.
    Returns the spots of the cells found, the recorded mark to undo at each, and the recorded
    marks behind the cells that could not be told (those cells listed in ``outcome.unresolved``)."""
    found: dict[str, str] = {}
    columns = {str(d["col"]) for d in away}
    for m in _CELL_START.finditer(xml):
        tag = m.group()
        r, s = _R_ATTR.search(tag), _S_ATTR.search(tag)
        if r is None or s is None:
            continue
        ref = r.group(1).decode()
        if ref not in done and _column(ref) in columns:
            found[ref] = s.group(1).decode()
    moved: dict[str, dict[str, Any]] = {}
    unsure: dict[str, list[dict[str, Any]]] = {}
    keyed: dict[str, list[dict[str, Any]]] = {}  # cells in the colour of marks recorded with their rows
    for ref, current in found.items():
        could_be = [d for d in away if d["col"] == _column(ref) and ours(d, current)]
        if not could_be:
            continue
        if all(d.get("row") for d in could_be):
            keyed[ref] = could_be
        elif len({_plan(d) for d in could_be}) == 1:
            moved[ref] = could_be[0]
        else:
            unsure[ref] = could_be
    pending: dict[int, dict[str, Any]] = {}
    if keyed:
        rows = rows_now()
        like = {ref: [d for d in could_be if resembles(str(d["row"]), rows, int(ref[len(_column(ref)):]))]
                for ref, could_be in keyed.items()}
        claims: dict[int, int] = {}
        for found_like in like.values():
            if len(found_like) == 1:
                claims[id(found_like[0])] = claims.get(id(found_like[0]), 0) + 1
        for ref, found_like in like.items():
            if len(found_like) == 1 and claims[id(found_like[0])] == 1:
                moved[ref] = found_like[0]
        claimed = {id(d) for d in moved.values()}
        # the cells left, by the marks they could be (one column, one colour): as many as those
        # marks, of one plan, each on a row showing rectxl's colour in another column too (a marked
        # row, not the clerk's own cell), they are those marks — which is which changes nothing
        shown: dict[str, set[str]] = {}
        for ref in [*keyed, *moved]:
            shown.setdefault(ref[len(_column(ref)):], set()).add(_column(ref))
        left: dict[frozenset[int], list[str]] = {}
        for ref, could_be in keyed.items():
            if ref not in moved and (free := frozenset(id(d) for d in could_be if id(d) not in claimed)):
                left.setdefault(free, []).append(ref)
        for free, refs in left.items():
            marks_left = [d for d in away if id(d) in free]
            if (len(refs) == len(marks_left) and len({_plan(d) for d in marks_left}) == 1
                    and all(len(shown[ref[len(_column(ref)):]]) > 1 for ref in refs)):
                moved.update(zip(refs, marks_left, strict=True))
                continue
            outcome.unresolved += refs  # their marks, or the clerk's own colour: not known
            pending.update((id(d), d) for d in marks_left)
    if unsure:  # the cells' texts, recorded when they were marked, tell which mark is which
        texts = texts_of(locate(xml, list(unsure)))
        for ref, could_be in unsure.items():
            same = [d for d in could_be if "v" in d and d["v"] == texts.get(ref)]
            if same and len({_plan(d) for d in same}) == 1:
                moved[ref] = same[0]
            else:
                outcome.unresolved.append(ref)
                pending.update((id(d), d) for d in could_be)
    spots = {ref: spot for ref, spot in (locate(xml, list(moved)) if moved else {}).items() if spot.found}
    undone = {id(d) for d in moved.values()}
    return spots, {ref: d for ref, d in moved.items() if ref in spots}, [
        d for key, d in pending.items() if key not in undone]


def _remove_record_sheet(book: Book, record: Record) -> None:
    ref = next((s for s in book.sheets() if s.name == record.sheet.name and s.sheet_id == record.sheet.sheet_id), None)
    if ref is not None:
        book.remove_sheet(ref)


def _revert_styles(pkg: Package, book: Book, styles: Styles, record: dict[str, Any]) -> None:
    """Cut rectxl's formats out of the styles part again when no cell uses them any more."""
    parts = [s.part for s in book.sheets() if s.part is not None]
    # the indices the sheets pointed at before rectxl's formats (past the formats there were:
    # copies of the default format, cut out with rectxl's) are no use of rectxl's
    base = int((record.get("base") or {}).get("cellXfs", 0))
    used = referenced_xfs(pkg, parts, above=max(base, int(record.get("high", -1)) + 1))
    if record.get("added"):
        if used < 0:
            _remove_added_part(book, styles.part)
        return
    if used >= 0:
        return
    original = revert(pkg.read(styles.part), record)
    if original is not None:
        pkg.write(styles.part, original)


def _remove_added_part(book: Book, part: str) -> None:
    pkg = book.pkg
    pkg.remove(part)
    book.remove_overrides([part])
    for rel in book.rels(book.part):
        if rel.target.lower() == part.lower():
            xml = pkg.read(rels_name(book.part))
            pkg.write(rels_name(book.part), xml[: rel.element.start] + xml[rel.element.end:])
            break


# -- records written before rectxl edited packages (openpyxl-era CLI, the Excel add-in) -----------


def _fill_xml(data: dict[str, Any], p: str) -> bytes | None:
    """A ``fill`` element from a recorded fill description (None: no fill)."""
    kind = data.get("fill_type")
    if not kind or kind == "gradient":
        return None

    def color(name: str, value: dict[str, Any] | None) -> str:
        if not value:
            return ""
        kind = value.get("type")
        v = value.get("value")
        if kind == "auto":
            text = f'auto="{1 if v else 0}"'
        elif kind in ("rgb", "theme", "indexed"):
            text = f'{kind}="{escape_attr(str(v))}"'
        else:
            return ""
        tint = value.get("tint") or 0
        if tint:
            text += f' tint="{tint}"'
        return f"<{p}{name} {text}/>"

    inner = color("fgColor", data.get("fg")) + color("bgColor", data.get("bg"))
    return (f'<{p}fill><{p}patternFill patternType="{escape_attr(str(kind))}">{inner}</{p}patternFill></{p}fill>'
            .encode())


def _clear_legacy(pkg: Package, book: Book, record: Record) -> ClearOutcome:
    """A record of an earlier rectxl: cells with their original fill (no format index), and no
    list of rectxl's sheets — so only the sheets that record always came with are removed."""
    outcome = ClearOutcome()
    styles = Styles(pkg, book)
    colors = {h.color.upper() for h in HIGHLIGHTS}
    by_sheet: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for sheet, ref, data in record.cells:
        by_sheet.setdefault(sheet, []).append((ref, data))
    for sheet, cells in by_sheet.items():
        ref_sheet = book.sheet(sheet)
        if ref_sheet is None or ref_sheet.part is None:
            continue
        xml = pkg.read(ref_sheet.part)
        cells = [(ref, data) for ref, data in _followed(pkg, book, xml, cells, styles)  # the add-in's, after a sort
                 if not data.get("dropped")]
        wanted = [ref for ref, _ in cells if re.fullmatch(r"[A-Z]{1,3}\d+", ref)]
        try:
            spots = locate(xml, wanted)
        except ValueError:
            continue
        targets: dict[str, str | None] = {}
        for ref, data in cells:
            spot = spots.get(ref)
            if spot is None or not spot.found or not spot.s or not spot.s.isdigit():
                continue
            current = int(spot.s)
            if fill_rgb(styles.fill_of_xf(current)) not in colors:
                outcome.kept += 1
                continue
            fill = _fill_xml(data, styles.p)
            targets[ref] = str(styles.with_fill(current, styles.fill(fill) if fill else 0))
            outcome.restored += 1
        pkg.write(ref_sheet.part, restore(xml, spots, targets, set()))
    if any(styles.new.values()):
        styles.finish()
    sheets = book.sheets()
    names = [s.name for s in sheets]
    owned = [FINDINGS_SHEET] if FINDINGS_SHEET in names else []
    marks = {sheets[index].name: given for index, given in owner_marks(book).items() if index < len(sheets)}
    if record.owned:  # the Excel add-in's record names its sheets: those and no other
        owned = [name for name in record.owned if name in names]
        if marks:  # and its marks of ownership tell them, as the add-in's 清除标记 does
            outcome.left = [name for name in owned if marks.get(name) != name]
            owned = [name for name in owned if marks.get(name) == name]
            outcome.renamed_own = {now: given for now, given in marks.items() if now not in owned}
            kept = {s.index for s in sheets if s.name in outcome.renamed_own}
            book.remove_defined_names([e for index, _, e in book.local_names(OWNER_MARK) if index in kept])
    # the openpyxl-era CLI wrote 校验结果 followed by the four summary sheets, all at once
    elif owned:
        at = names.index(FINDINGS_SHEET)
        if names[at + 1: at + 1 + len(SUMMARY_SHEETS)] == list(SUMMARY_SHEETS):
            owned += list(SUMMARY_SHEETS)
    for name in owned:
        found = book.sheet(name)
        if found is not None:
            outcome.removed.append(name)
            book.remove_sheet(found)
    outcome.left += [n for n in SUMMARY_SHEETS if n in names and n not in owned and n not in outcome.left]
    _remove_record_sheet(book, record)
    return outcome
