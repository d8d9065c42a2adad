"""What python-calamine does not report about an .xlsx sheet, read from the sheet's XML.

- **Excel error values** (#REF!, #N/A …): calamine reads them as empty strings, but a ledger
  cell showing #REF! is a real problem an auditor must see (``cell-error``). Not so a picture
  placed in a cell (Excel 365's 放置在单元格中, a 佐证 screenshot): the part keeps it as a rich
  value (``vm``) whose stand-in for older programs is ``#VALUE!``; it reads as
  :data:`PICTURE_IN_CELL`, as does WPS's 嵌入单元格图片 (a ``=DISPIMG("ID_…",1)`` formula whose picture
  is kept in the package's ``cellimages.xml``; its cached text is the formula's own words) and an
  ``=IMAGE(…)`` formula an online sheet exports (cached "" or an error).
- **Links written as formulas**: ``=HYPERLINK("佐证材料\\佐证2.pdf","点击查看")`` shows its second
  words; the file its first argument names, when written out, is the link (:attr:`SheetExtras.links`),
  as a link inserted by 插入 → 超链接 is.
- **Formulas whose value was never computed**: a workbook written by a script (openpyxl,
  pandas) stores the formula and no result; calamine reads an empty cell, which is *not* an
  empty cell (``formula-uncomputed``). A computed empty-text result carries ``t="str"``.
  xlsxwriter (pandas' other engine) stores the result 0 for every formula and asks Excel to
  compute them all on opening (``fullCalcOnLoad``): in such a workbook a formula's 0 is no value
  either (``zero_is_placeholder``).
- **Hidden columns**: a helper column a clerk hid is never a ledger column.
- **Numbers shown with fixed decimals**: a clerk types "2025.10" as a deadline, Excel keeps the
  number 2025.1, and the office formats the column ``0.00`` so that it shows 2025.10 again.
  calamine reports 2025.1; a cell shows the text its number format gives, so a year-like number
  with a fraction (1900 ≤ v < 2101) in a format of fixed decimals is read as the digits it shows
  (``2025.10``; without a thousands separator, which would hide the year). Looked for only when
  the styles part has such a format (:func:`shown_formats`), by a search for a fraction's dot.
- **Dates shown without their day**: Chinese Excel keeps a deadline typed 2025年6月 as the date
  2025-06-01 shown ``yyyy"年"m"月"`` (built-in format 57, or a custom one); the clerk, the printout
  and the notice read June, so the cell is read as the month it shows ("2025年6月", due at the
  month's end), not as its first day. Likewise a date shown as its year alone ("2025年"). Looked
  for only when the styles part has such a format, by a search for its cells' ``s``.

A byte-level scan (no XML parser, so nothing to expand), streamed in chunks (a 100,000-row sheet
is ~50 MB of XML); regexes run only at the few cells a fast byte search points at. The part's
spelling — a namespace prefix (``<x:c>``, as the .NET OpenXML SDK writes), single quotes,
attributes in any order — is read from its first bytes (:mod:`rectxl.io.sml_dialect`). A cell
without ``r`` (allowed, and written by some exporters) is placed as Excel and calamine place it:
after the cell before it, in the row after the row before it; for that the part is read once
more, counting rows and cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from html import unescape
from typing import IO

from rectxl.core.text import LazyPattern, col_index, col_letter
from rectxl.io import xmlbytes
from rectxl.io.fills import RunColours, run_colours
from rectxl.io.link_formula import arguments, chosen_link, moved, parsed_argument
from rectxl.io.sml_dialect import HEAD, Dialect, compiled, dialect_of

__all__ = [
    "OBJECT_IN_CELL",
    "PICTURE_IN_CELL",
    "PICTURE_OVER_CELL",
    "SheetExtras",
    "ShownAs",
    "add_formula_link",
    "add_parsed_link",
    "date_of_serial",
    "dated_formats",
    "is_file_target",
    "is_today_formula",
    "rich_text_cells",
    "scan_sheet",
    "shown_decimals",
    "shown_formats",
    "shown_of_formats",
    "shown_text",
]

#: what a cell holding a picture placed in it (Excel 365: 插入 → 图片 → 放置在单元格中) reads as: the
#: part keeps it as a rich value (``vm``) with the error ``#VALUE!`` for programs that show no pictures
PICTURE_IN_CELL = "[单元格图片]"

#: what an empty 佐证材料 cell reads as when a picture (插入 → 图片, floating over the sheet) has its
#: top-left corner in it: a screenshot a clerk pasted over the cell as the evidence
PICTURE_OVER_CELL = "[图片]"
#: what an empty 佐证材料 cell reads as when a file embedded in the sheet (插入 → 对象, 显示为图标: a
#: scanned PDF, a Word document) has its icon's top-left corner in it
OBJECT_IN_CELL = "[嵌入对象]"

#: how a cell format shows a number that is read as it shows: (at least, at most) fixed decimals,
#: or ``"month"`` / ``"year"`` — a date shown without its day (without its month)
ShownAs = tuple[int, int] | str

#: a link to a web page, a mail address or a place in the workbook: no file
_NOT_A_FILE = LazyPattern(r"\s*(?:(?:https?|ftp|mailto|news|tel):|#)", re.IGNORECASE)


def is_file_target(target: str) -> bool:
    """Whether a link's target may be a file (not a web page, a mail address or a place in the
    workbook)."""
    return bool(target.strip()) and _NOT_A_FILE.match(target) is None

_CHUNK = 1 << 22
_ATTR = re.compile(rb"""([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"\s*([A-Za-z]{1,3})(\d+)\s*")
#: what may follow an element's name in its tag
_NAME_END = frozenset(b" \t\r\n/>")
#: how many ``<c…`` look-alikes (``<color>``, ``<charset>`` in rich text) the search for a
#: marker's cell steps back over
_BACK = 64


@dataclass
class SheetExtras:
    """Per sheet: error cells (0-based row, col → text), uncomputed formula cells, hidden columns."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    uncomputed: set[tuple[int, int]] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    #: 0-based rows hidden in the sheet (their ``<row>`` says ``hidden="1"``)
    hidden_rows: set[int] = field(default_factory=set)
    #: year-like numbers in a format of fixed decimals, dates shown without their day: the text
    #: the cell shows ("2025.10", "2025年6月")
    shown: dict[tuple[int, int], str] = field(default_factory=dict)
    #: cell (A1) → the file its hyperlink opens, as written (an evidence file: "佐证材料/办法.pdf")
    links: dict[str, str] = field(default_factory=dict)
    #: cell (A1) → the first argument of its HYPERLINK formula when that is put together from the
    #: row's cells (``"附件\\"&A3&".pdf"``): worked out once the sheet's values are read
    #: (:mod:`rectxl.io.link_formula`)
    link_formulas: dict[str, str] = field(default_factory=dict)
    #: 0-based cell → the words a HYPERLINK formula that keeps no value shows (its second argument,
    #: else its first, as written): a workbook written by a program that does not compute, worked
    #: out once the sheet's values are read, as a link put together is
    link_words: dict[tuple[int, int], str] = field(default_factory=dict)
    #: the sheet's drop-down lists (数据验证 → 序列): the 0-based ranges (first row, first col, last
    #: row, last col) each applies to, its source as written (``"已完成,正在推进"``, ``$L$1:$L$5``,
    #: ``选项!$A$1:$A$3``), worked out once every sheet's values are read, and whether it refuses
    #: what it does not list (出错警告 "停止"; off, or a mere warning, lets a clerk type anything)
    lists: list[tuple[tuple[tuple[int, int, int, int], ...], str, bool]] = field(default_factory=list)
    #: cell (A1) → :data:`PICTURE_OVER_CELL` or :data:`OBJECT_IN_CELL`, for the cells a floating
    #: picture's or an embedded file's icon's top-left corner is in
    pictures: dict[str, str] = field(default_factory=dict)
    #: 0-based cells of an Excel table's totals row (插入 → 表格 → 汇总行): the table's sums, no ledger row
    totals: set[tuple[int, int]] = field(default_factory=set)
    #: 0-based cells of the pivot tables on the sheet (插入 → 数据透视表): counts of the ledger, no ledger rows
    pivots: set[tuple[int, int]] = field(default_factory=set)
    #: the sheet has conditional formats an .xls keeps (CONDFMT records): colours rectxl does not read
    conditional: bool = False
    #: 0-based cells holding a date that calamine reads wrongly (an .xlsb counting from 1904:
    #: calamine counts from 1900, four years early) → the day the cell shows
    dates: dict[tuple[int, int], date] = field(default_factory=dict)
    #: 0-based cells whose formula is today's date (``=TODAY()``, ``=NOW()``): what they cache is
    #: the day the file was last computed, not the day it is read (Excel shows today's on opening)
    today: set[tuple[int, int]] = field(default_factory=set)
    #: 0-based cells whose formula puts today's date into a text (``="截至"&TEXT(TODAY(),…)``): the
    #: day in the text they cache is the day the file was last computed, not the day it is read
    today_text: set[tuple[int, int]] = field(default_factory=set)
    #: 0-based cells whose number or date formula is worked out from today's date (``=TODAY()+30``,
    #: ``=EDATE(TODAY(),3)``, ``=WORKDAY(TODAY(),10)``), computed or not: a day that moves on each
    #: day the file is opened (a 整改时限 so written is never past)
    from_today: set[tuple[int, int]] = field(default_factory=set)
    #: 0-based cells filled with a colour a legend may name → its colour word (红, 黄, 绿…;
    #: :mod:`rectxl.io.fills`), looked for only when the workbook's text names a colour
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    #: 0-based cells whose font is of a colour a legend may name → its word, read alike (an .xls:
    #: :mod:`rectxl.io.biff`; an .xlsx's are read through :attr:`fills` by the formats' fonts)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)


class _NoRef(Exception):
    """A marked cell has no ``r``: its place needs the rows and cells before it counted."""


class _Scan:
    """The markers and patterns of one part's dialect."""

    def __init__(self, d: Dialect, shown: Mapping[int, ShownAs], zero_is_placeholder: bool = False,
                 date1904: bool = False, fills: Mapping[int, str] | None = None):
        #: cell format index → how it shows a number: see :func:`shown_formats`
        self.shown = shown
        self.decimals = any(isinstance(how, tuple) for how in shown.values())
        #: the workbook counts its dates from 1904 (Excel for Mac)
        self.date1904 = date1904
        dated = sorted(str(i).encode() for i, how in shown.items() if isinstance(how, str))
        #: the ``s`` of a cell in a format that shows a date without its day
        self.dated = (compiled(d.attr(b"s") + b"(?:" + b"|".join(dated) + b")" + d.quote) if dated else None)
        #: cell format index → the colour word of its fill (:func:`rectxl.io.fills.fill_colours`)
        self.fills = fills or {}
        filled = sorted(str(i).encode() for i in self.fills)
        #: the start tag of a cell in a format filled with a colour, its attributes (group 1) and
        #: format (group 2): one pass in C over every cell of a sheet filled row by row, where a
        #: search for the ``s`` stepping back to its cell (:meth:`cell_at`) took as long as the read
        self.filled = (compiled(d.tag(b"c") + rb"(\s[^>]*?" + d.attr(b"s") + b"(" + b"|".join(filled) + b")"
                                + d.quote + rb"[^>]*)>") if filled else None)
        #: a formula's numeric result 0 is a writer's placeholder, not a computed value
        self.zero_is_placeholder = zero_is_placeholder
        #: a number's fraction at the end of its value (the dot a literal: the search is memchr's)
        self.fraction = compiled(rb"\.\d+" + d.end_tag(b"v"))
        self.cell_starts = d.literals(b"c")
        self.formula_starts = d.literals(b"f")
        quotes = (b'"', b"'") if d.single or d.loose else (b'"',)
        #: an error cell's ``t="e"`` (loosely spaced parts: its value ``"e"``, checked at the cell)
        self.error_marks = tuple((x + b"e" + x) if d.loose else (b"t=" + x + b"e" + x) for x in quotes)
        self.cell = compiled(d.tag(b"c") + rb"(?=[\s/>])([^>]*?)(?:/>|>(.*?)" + d.end_tag(b"c") + b")", re.S)
        self.formula = compiled(d.tag(b"f") + rb"[\s/>]")
        #: a formula's text (``<f>…</f>``; a shared formula's follower has none)
        self.formula_text = compiled(d.tag(b"f") + rb"(?:\s[^>]*)?>([^<]*)" + d.end_tag(b"f"))
        #: a formula's start tag's attributes (a shared formula's ``t`` and ``si``)
        self.formula_tag = compiled(d.tag(b"f") + rb"(\s[^>]*?)?/?>")
        #: a HYPERLINK formula filled down (shared): its ``si`` → its cell and first argument
        self.shared_links: dict[bytes, tuple[tuple[int, int], list[str]]] = {}
        #: of those, the ones inside a condition (``IF(L4="","",HYPERLINK(…,"查看"))``): the words a
        #: cell shows when its link is the one it opens
        self.shared_shown: dict[bytes, str] = {}
        #: a number formula of today's date filled down (shared): its ``si`` → whether it is today's
        #: date alone (``TODAY()``) or worked out from it (``TODAY()+30``)
        self.shared_today: dict[bytes, bool] = {}
        self.value = compiled(d.tag(b"v") + rb"(?:\s[^>]*)?>([^<]*)" + d.end_tag(b"v")
                              + b"|" + d.tag(b"v") + rb"(?:\s[^>]*)?/>")
        self.col = compiled(d.tag(b"col") + rb"(?=[\s/>])[^>]*>")
        #: a row's start tag, or a whole cell, in document order (to count rows and cells)
        self.token = compiled(d.tag(b"row") + rb"(?=[\s/>])([^>]*?)/?>|" + self.cell.pattern, re.S)

    def cut(self, data: bytes) -> int:
        """Where the last cell's start tag of ``data`` begins (or some earlier ``<c…``); -1: none."""
        return max(data.rfind(lit) for lit in self.cell_starts)

    def cell_at(self, data: bytes, pos: int) -> re.Match[bytes] | None:
        """The cell that holds offset ``pos``, if any."""
        end = pos
        for _ in range(_BACK):
            start = max(data.rfind(lit, 0, end) for lit in self.cell_starts)
            if start < 0:
                return None
            m = self.cell.match(data, start)
            if m is not None:
                return m if m.end() > pos else None
            end = start
        return None


def scan_sheet(fh: IO[bytes], shown: Mapping[int, ShownAs] | None = None,
               zero_is_placeholder: bool = False, date1904: bool = False,
               fills: Mapping[int, str] | None = None) -> SheetExtras:
    """Scan one worksheet part (an open binary stream); ``shown``: the workbook's cell formats
    whose numbers are read as they show (:func:`shown_formats`); ``zero_is_placeholder``: the
    workbook asks Excel to compute every formula on opening, a formula's stored 0 is no result;
    ``date1904``: its dates count from 1904; ``fills``: its cell formats filled with a colour, by
    the colour's word (:func:`rectxl.io.fills.fill_colours`)."""
    head = fh.read(_CHUNK)
    scan = _Scan(dialect_of(head[:HEAD]), shown or {}, zero_is_placeholder, date1904, fills)
    extras = SheetExtras()
    try:
        for data in _chunks(fh, head, scan):
            _scan(data, extras, scan)
    except _NoRef:
        fh.seek(0)
        extras = SheetExtras()
        _count_scan(fh, extras, scan)
    return extras


def rich_text_cells(fh: IO[bytes], shared: Mapping[int, RunColours],
                    theme: list[str]) -> dict[tuple[int, int], tuple[int | None, RunColours]]:
    """The cells of a worksheet part (an open binary stream) whose text is rich text with font
    colours of its runs (part of the text typed red): 0-based place → (its cell format, the runs'
    colours); ``shared``: the workbook's rich shared strings (:func:`rectxl.io.fills.shared_run_colours`),
    an inline string's runs are read here (``theme``: the theme's colours). A cell without ``r`` is
    passed over."""
    head = fh.read(_CHUNK)
    scan = _Scan(dialect_of(head[:HEAD]), {})
    found: dict[tuple[int, int], tuple[int | None, RunColours]] = {}
    for data in _chunks(fh, head, scan):
        for m in (scan.cell.finditer(data) if shared else _cells_with_runs(data, scan)):
            attrs = _attrs(m.group(1))
            kind = attrs.get(b"t", b"").strip()
            body = m.group(2) or b""
            runs: RunColours | None = None
            if kind == b"s" and shared:
                value = scan.value.search(body)
                index = value.group(1).strip() if value is not None and value.group(1) is not None else b""
                runs = shared.get(int(index)) if index.isdigit() else None
            elif kind == b"inlineStr" and b"r" in body:
                try:
                    runs = run_colours(body, 0, len(body), theme)
                except ValueError:
                    runs = None
            if runs is None:
                continue
            ref = _REF.fullmatch(attrs.get(b"r", b""))
            if ref is None:
                continue
            style = attrs.get(b"s", b"").strip()
            found[(int(ref.group(2)) - 1, col_index(ref.group(1).decode().upper()))] = (
                int(style) if style.isdigit() else None, runs)
    return found


def _cells_with_runs(data: bytes, scan: _Scan) -> Iterator[re.Match[bytes]]:
    """The cells of ``data`` holding a run's properties (``rPr``): an inline rich-text string's
    cells, found from the word, not by walking every cell of the sheet."""
    pos = data.find(b"rPr")
    while pos != -1:
        cell = scan.cell_at(data, pos)
        if cell is not None:
            yield cell
            pos = data.find(b"rPr", cell.end())
        else:
            pos = data.find(b"rPr", pos + 3)


def _chunks(fh: IO[bytes], first: bytes, scan: _Scan) -> Iterator[bytes]:
    """The part in pieces, each cut before its last cell's start tag so that no cell is split."""
    tail = b""
    chunk = first
    while chunk:
        data = tail + chunk
        cut = scan.cut(data)
        if cut <= 0:
            tail = data
        else:
            yield data[:cut]
            tail = data[cut:]
        chunk = fh.read(_CHUNK)
    yield tail


def _scan(data: bytes, extras: SheetExtras, scan: _Scan) -> None:
    _hidden_cols(data, extras, scan)
    if b"ataValidation" in data:
        _lists(data, extras)
    for marker in (*scan.error_marks, *scan.formula_starts):
        is_formula = marker in scan.formula_starts
        pos = data.find(marker)
        while pos != -1:
            after = pos + len(marker)
            # ``<f>``, ``<f t="shared" …/>``: never ``<family>``, ``<font>`` of a rich-text run
            if not is_formula or (data[after:after + 1] and data[after] in _NAME_END):
                cell = scan.cell_at(data, pos)
                if cell is not None:
                    _note(cell.group(1), cell.group(2) or b"", extras, scan, None)
            pos = data.find(marker, after)
    if scan.decimals:
        for m in scan.fraction.finditer(data):
            dot = m.start()
            year = data[dot - 4:dot]  # a year's four digits right after the value's start tag: <v>2025.1</v>
            month = data[dot - 2:dot].lstrip(b">")  # or a month's one or two: <v>9.3</v>, <v>10.1</v>
            if (data[dot - 5:dot - 4] == b">" and year.isdigit() and b"1900" <= year <= b"2100") or (
                    month.isdigit() and data[dot - len(month) - 1:dot - len(month)] == b">"):
                cell = scan.cell_at(data, dot)
                if cell is not None:
                    _note_shown(cell.group(1), cell.group(2) or b"", extras, scan, None)
    if scan.dated is not None:
        for m in scan.dated.finditer(data):
            cell = scan.cell_at(data, m.start())
            if cell is not None:
                _note_shown(cell.group(1), cell.group(2) or b"", extras, scan, None)
    if scan.filled is not None:
        fills, words = extras.fills, scan.fills
        for m in scan.filled.finditer(data):
            ref = _CELL_REF.search(m.group(1))
            if ref is None:
                raise _NoRef
            fills[(int(ref.group(2)) - 1, col_index(ref.group(1).decode().upper()))] = words[int(m.group(2))]


#: a cell's ``r`` among its start tag's attributes
_CELL_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']\s*([A-Za-z]{1,3})(\d+)\s*["']""")


def _note_fill(tag: bytes, extras: SheetExtras, scan: _Scan, where: tuple[int, int]) -> None:
    """Record the colour word of a cell's fill (the cell at ``where``, placed by counting)."""
    style = _attrs(tag).get(b"s", b"").strip()
    if style.isdigit() and (word := scan.fills.get(int(style))) is not None:
        extras.fills[where] = word


#: a row's tag (any prefix) hidden (either quote), its row number read from its ``r``
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\s[^>]*>")
_HIDDEN_ATTR = re.compile(rb"\shidden\s*=\s*[\"'](?:1|true)[\"']")
_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d{1,7})[\"']")


def _hidden_cols(data: bytes, extras: SheetExtras, scan: _Scan) -> None:
    if b"hidden" not in data:
        return
    at = data.find(b"hidden")
    while at != -1:  # the few tags saying hidden: a row's among them (found from the word, not by walking every row)
        start = data.rfind(b"<", 0, at)
        tag = _ROW_TAG.match(data, start) if start != -1 else None
        if tag is not None and tag.end() > at and _HIDDEN_ATTR.search(tag.group()) \
                and (number := _ROW_NUMBER.search(tag.group())) is not None:
            extras.hidden_rows.add(int(number.group(1)) - 1)
        at = data.find(b"hidden", at + 6)
    for col in scan.col.finditer(data):
        attrs = _attrs(col.group())
        if attrs.get(b"hidden", b"").strip() in (b"1", b"true"):
            try:
                first, last = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
            except ValueError:
                continue
            if 0 <= last - first < 16384:
                extras.hidden_cols.update(range(first - 1, last))


#: a data validation, of Excel's main namespace or of its extension (``x14:``, which keeps a list
#: whose source is on another sheet: its ranges in ``xm:sqref``)
_VALIDATION = re.compile(rb"<(?:[\w.-]+:)?dataValidation(?=[\s>])([^>]*)>(.*?)</(?:[\w.-]+:)?dataValidation>", re.S)
_FORMULA1 = re.compile(rb"<(?:[\w.-]+:)?formula1(?:\s[^>]*)?>\s*(?:<(?:[\w.-]+:)?f(?:\s[^>]*)?>)?([^<]*)<")
_SQREF = re.compile(rb"<(?:[\w.-]+:)?sqref(?:\s[^>]*)?>([^<]*)<")
_BOX = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?")


def _lists(data: bytes, extras: SheetExtras) -> None:
    """Note the sheet's drop-down lists (``type="list"``): where each applies and its source."""
    for m in _VALIDATION.finditer(data):
        attrs = _attrs(m.group(1))
        if attrs.get(b"type", b"").strip() != b"list":
            continue
        formula = _FORMULA1.search(m.group(2))
        where = attrs.get(b"sqref") or (sq.group(1) if (sq := _SQREF.search(m.group(2))) is not None else b"")
        boxes = []
        for part in _text(where).split():
            box = _BOX.fullmatch(part)
            if box is not None:
                c0, r0 = col_index(box.group(1).upper()), int(box.group(2)) - 1
                c1 = col_index(box.group(3).upper()) if box.group(3) else c0
                r1 = int(box.group(4)) - 1 if box.group(4) else r0
                boxes.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))
        if formula is not None and boxes and formula.group(1).strip():
            strict = (attrs.get(b"showErrorMessage", b"").strip() in (b"1", b"true")
                      and attrs.get(b"errorStyle", b"stop").strip() == b"stop")
            extras.lists.append((tuple(boxes), _text(formula.group(1)).strip(), strict))


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    """The attributes of a start tag by qualified name (the values not unescaped)."""
    out: dict[bytes, bytes] = {}
    for m in _ATTR.finditer(tag):
        out[m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
    return out


def _note(tag: bytes, body: bytes, extras: SheetExtras, scan: _Scan, where: tuple[int, int] | None) -> None:
    """Record the cell (its start tag's attributes, its content) if it is an error or an
    uncomputed formula; ``where`` (0-based row, col) is its place when counted, else its ``r``
    says (no ``r``: :class:`_NoRef`)."""
    attrs = _attrs(tag)
    kind = attrs.get(b"t", b"n").strip()
    has_formula = scan.formula.search(body) is not None
    if kind != b"e" and not has_formula:
        return
    where = where or _place(attrs)
    link: list[str] | None = None
    if has_formula and (b"IMAGE" in body or b"IMG" in body or b"HYPERLINK" in body):
        link = _formula_cell(body, where, extras, scan)
        if link == []:
            return
    elif has_formula and scan.shared_links:
        link = _shared_link(body, where, extras, scan)
    if has_formula and (b"TODAY" in body or b"NOW" in body):
        formula = _formula_of(body, scan)
        if is_today_formula(formula):
            extras.today.add(where)
            _today_number(body, where, True, extras, scan)
        elif kind == b"str" and reads_today(formula):
            extras.today_text.add(where)
        elif kind == b"n" and reads_today(formula):
            _today_number(body, where, False, extras, scan)
    elif has_formula and scan.shared_today and kind == b"n" and scan.formula_text.search(body) is None:
        shared = _shared(body, scan)  # a cell of a formula of today's date filled down
        if shared is not None and shared[0] == b"shared" and shared[1] in scan.shared_today:
            if scan.shared_today[shared[1]]:
                extras.today.add(where)
            extras.from_today.add(where)
    value = scan.value.search(body)
    if kind == b"e":
        if value is not None and value.group(1) == b"#VALUE!" and b"vm" in attrs:
            extras.shown[where] = PICTURE_IN_CELL  # a rich value (a picture, =IMAGE(…)): #VALUE! to older programs
        elif value is not None and value.group(1):
            extras.errors[where] = _text(value.group(1))
    elif value is None or (not value.group(1) and kind != b"str"):
        _uncomputed(body, where, link, extras, scan)
    elif scan.zero_is_placeholder and kind == b"n" and value.group(1).strip() == b"0":
        _uncomputed(body, where, link, extras, scan)


def _uncomputed(body: bytes, where: tuple[int, int], link: list[str] | None, extras: SheetExtras,
                scan: _Scan) -> None:
    """Note a formula cell no program computed. What it shows is worked out from the sheet's values
    when Excel would work it out so (:mod:`rectxl.io.link_formula`): a link's words, and a formula of
    text, numbers, the sheet's cells and ROW() — ``=ROW()-2`` numbering the 序号 column of a ledger
    a program wrote, ``=E5`` copying a cell, ``=IF(G5<>"","已完成","正在推进")`` choosing by them. Any
    other (TODAY, another sheet, a function not worked out there) stays unknown."""
    extras.uncomputed.add(where)
    if link:  # the words of a link no program computed
        extras.link_words[where] = link[-1]
    elif link is None and (formula := _formula_of(body, scan)):
        extras.link_words[where] = formula


def _today_number(body: bytes, where: tuple[int, int], alone: bool, extras: SheetExtras, scan: _Scan) -> None:
    """Note a number formula of today's date (``alone``: ``TODAY()`` itself), and its group when it
    is filled down (the cells below name it only)."""
    extras.from_today.add(where)
    shared = _shared(body, scan)
    if shared is not None and shared[0] == b"shared" and shared[1]:
        scan.shared_today[shared[1]] = alone


def _formula_of(body: bytes, scan: _Scan) -> str:
    found = scan.formula_text.search(body)
    return _text(found.group(1)) if found is not None else ""


#: a formula that is today's date and nothing else (a spreadsheet computes it anew on opening)
_TODAY = LazyPattern(r"\s*=?\s*(?:TODAY\s*\(\s*\)|(?:INT|TRUNC|ROUNDDOWN)\s*\(\s*NOW\s*\(\s*\)\s*(?:,\s*0\s*)?\)"
                     r"|NOW\s*\(\s*\))\s*", re.IGNORECASE)


#: a call of TODAY() or NOW() anywhere in a formula
_TODAY_CALL = LazyPattern(r"(?<![A-Z0-9_.])(?:TODAY|NOW)\s*\(", re.IGNORECASE)


def reads_today(formula: str) -> bool:
    """Whether ``formula`` calls TODAY() or NOW() somewhere (``"截至"&TEXT(TODAY(),"yyyy年m月d日")``)."""
    return _TODAY_CALL.search(formula) is not None


def is_today_formula(formula: str) -> bool:
    """Whether ``formula`` (as a cell keeps it, with or without its ``=``) is today's date alone:
    ``TODAY()``, ``NOW()``, ``INT(NOW())`` — a 报告日期 meaning "the day this is read"."""
    return _TODAY.fullmatch(formula) is not None


#: what a formula may open with: ``_xlfn.`` (a function newer than the file format), ``=`` (WPS
#: writes its cached text so)
_FUNCTION_HEAD = rb"\s*=?\s*(?:_xlfn\.)?"
#: a picture in a cell by a formula: WPS's 嵌入单元格图片 (``DISPIMG``), ``IMAGE`` (Excel 365, online
#: sheets), whatever the cell caches (its words, "", #VALUE!, #NAME? where the function is unknown)
_CELL_PICTURE = re.compile(_FUNCTION_HEAD + rb"(?:DISPIMG|IMAGE)\s*\(", re.IGNORECASE)
#: ``HYPERLINK(…)``
_HYPERLINK = re.compile(_FUNCTION_HEAD + rb"HYPERLINK\s*\(", re.IGNORECASE)
#: a first argument that is a text in quotes alone (a "" inside it is one ")
_QUOTED = LazyPattern(r'\s*"((?:[^"]|"")*)"\s*')


def _formula_cell(body: bytes, where: tuple[int, int], extras: SheetExtras, scan: _Scan) -> list[str] | None:
    """Note a formula cell read by its formula, whatever it caches: a picture in the cell (``[]``:
    it is not looked at further) or a link's file (the HYPERLINK's arguments, as written: its value
    is read as any formula's). Asked only of a formula naming IMAGE, DISPIMG or HYPERLINK (as the
    file format writes functions: in capitals)."""
    found = scan.formula_text.search(body)
    text = _text(found.group(1)).encode() if found is not None else b""
    if _CELL_PICTURE.match(text):
        extras.shown[where] = PICTURE_IN_CELL
        return []
    if _HYPERLINK.match(text) is not None:
        given = arguments(text.decode())
        if given:
            add_formula_link(extras, where, given[0])
            shared = _shared(body, scan)
            if shared is not None and shared[0] == b"shared" and shared[1]:
                scan.shared_links[shared[1]] = (where, given[:2])
            return given[:2]
        return None
    chosen = chosen_link(text.decode())
    if chosen is not None:  # a link chosen by a condition: opened where the cell shows its words
        given, shows = chosen
        if _shows(body, scan) == shows:
            add_formula_link(extras, where, given[0])
        shared = _shared(body, scan)
        if shared is not None and shared[0] == b"shared" and shared[1]:
            scan.shared_links[shared[1]] = (where, given)
            scan.shared_shown[shared[1]] = shows
        return None
    return _shared_link(body, where, extras, scan) if scan.shared_links else None


def _shows(body: bytes, scan: _Scan) -> str | None:
    """The text a formula cell caches (None: none)."""
    value = scan.value.search(body)
    return _text(value.group(1)) if value is not None and value.group(1) is not None else None


def _shared(body: bytes, scan: _Scan) -> tuple[bytes, bytes] | None:
    """A formula's ``t`` and ``si`` (a shared formula's group)."""
    tag = scan.formula_tag.search(body)
    if tag is None:
        return None
    attrs = _attrs(tag.group(1) or b"")
    return attrs.get(b"t", b"").strip(), attrs.get(b"si", b"").strip()


def _shared_link(body: bytes, where: tuple[int, int], extras: SheetExtras, scan: _Scan) -> list[str] | None:
    """The arguments of the HYPERLINK formula of the cell (its link noted by :func:`_formula_cell`),
    or of a cell of one filled down (Excel keeps the formula on its first cell, the others name its
    group): the link its first argument gives, moved to this cell, is noted. None: no such cell."""
    shared = _shared(body, scan)
    if shared is None or shared[0] != b"shared" or shared[1] not in scan.shared_links \
            or scan.formula_text.search(body) is not None:
        return None
    (row, col), given = scan.shared_links[shared[1]]
    here = [moved(argument, where[0] - row, where[1] - col) for argument in given]
    shows = scan.shared_shown.get(shared[1])
    if shows is not None:  # a link chosen by a condition: open where the cell shows its words
        if _shows(body, scan) == shows:
            add_formula_link(extras, where, here[0])
        return None
    add_formula_link(extras, where, here[0])
    return here


def add_parsed_link(extras: SheetExtras, rgce: bytes, row: int, col: int, biff12: bool = False) -> None:
    """Note the link of a ``=HYPERLINK(…)`` formula of an .xls or (``biff12``) an .xlsb kept parsed
    (``rgce``) in cell (``row``, ``col``), as :func:`add_formula_link` does for an .xlsx's."""
    argument = parsed_argument(rgce, row, col, biff12)
    if argument is not None:
        add_formula_link(extras, (row, col), argument)


def add_formula_link(extras: SheetExtras, where: tuple[int, int], argument: str) -> None:
    """Note the link of a HYPERLINK formula whose first argument is ``argument``: a file named in
    quotes, or the argument itself when it is put together from cells (worked out later)."""
    ref = f"{col_letter(where[1])}{where[0] + 1}"
    literal = _QUOTED.fullmatch(argument)
    if literal is not None:
        target = literal.group(1).replace('""', '"')
        if is_file_target(target):
            extras.links[ref] = target
    elif argument.strip():
        extras.link_formulas[ref] = argument


def _note_shown(tag: bytes, body: bytes, extras: SheetExtras, scan: _Scan, where: tuple[int, int] | None) -> None:
    """Record the text a number cell shows when it is a year-like number with a fraction in a
    format of fixed decimals, or a date in a format without its day (``where`` as for :func:`_note`)."""
    attrs = _attrs(tag)
    if attrs.get(b"t", b"n").strip() != b"n":
        return
    style = attrs.get(b"s", b"0").strip()
    how = scan.shown.get(int(style)) if style.isdigit() else None
    value = scan.value.search(body) if how is not None else None
    if how is None or value is None or not value.group(1):
        return
    text = shown_text(value.group(1).strip(), how, scan.date1904)
    if text is not None:
        extras.shown[where or _place(attrs)] = text


def _place(attrs: dict[bytes, bytes]) -> tuple[int, int]:
    """A cell's place (0-based row, col) as its ``r`` says (no ``r``: :class:`_NoRef`)."""
    ref = _REF.fullmatch(attrs.get(b"r", b""))
    if ref is None:
        raise _NoRef
    return int(ref.group(2)) - 1, col_index(ref.group(1).decode().upper())


def shown_decimals(raw: bytes | str, places: tuple[int, int]) -> str | None:
    """The digits a number shows with at least/at most ``places`` decimals (Excel rounds half
    away from zero, on the decimal number), when it is year-like with a fraction ("2025.10"), or
    month-like shown with two decimals or more — a clerk types 9.30 for September 30th, Excel keeps
    9.3, and a format of 0.00 is how the clerk makes it show "9.30" again."""
    try:
        number = Decimal(raw.decode("ascii") if isinstance(raw, bytes) else raw)
    except (InvalidOperation, UnicodeDecodeError):
        return None
    least, most = places
    if not (1900 <= number < 2101 or (1 <= number < 13 and least >= 2)) or number == number.to_integral_value():
        return None
    text = str(number.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP))
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(least, "0")
    return f"{whole}.{fraction}" if fraction else whole


def shown_text(raw: bytes | str, how: ShownAs, date1904: bool = False) -> str | None:
    """The text a number ``raw`` shows in a cell format that shows it ``how`` (see :data:`ShownAs`),
    when rectxl reads it as shown: a year-like number's fixed decimals (:func:`shown_decimals`), a
    date serial's month ("2025年6月") or year ("2025年"); None otherwise."""
    if isinstance(how, tuple):
        return shown_decimals(raw, how)
    try:
        serial = float(raw.decode("ascii") if isinstance(raw, bytes) else raw)
    except (ValueError, UnicodeDecodeError):
        return None
    if not 1 <= serial < 2_958_466:  # Excel's dates: 1900-01-01 to 9999-12-31
        return None
    day = (_EPOCH_1904 if date1904 else _EPOCH_1900) + timedelta(days=int(serial))
    if not 1990 <= day.year <= 2100:
        return None
    return f"{day.year}年{day.month}月" if how == "month" else f"{day.year}年"


def date_of_serial(serial: float, date1904: bool) -> date | None:
    """The day an Excel date serial names (its time of day dropped), counted from 1904 (Excel for
    Mac) or 1900; None outside Excel's dates."""
    if not 1 <= serial < 2_958_466:
        return None
    return (_EPOCH_1904 if date1904 else _EPOCH_1900) + timedelta(days=int(serial))


def dated_formats(codes: Mapping[int, str], formats: Iterable[int | None]) -> set[int]:
    """The cell formats (by index) whose number format shows a date — its day, month or year (not a
    time alone, not a number): ``codes`` the workbook's own number formats by id, ``formats`` each
    cell format's number format id in order (as for :func:`shown_of_formats`)."""
    out: set[int] = set()
    for index, fid in enumerate(formats):
        if fid is None:
            continue
        code = codes.get(fid)
        if code is None:
            if fid in _BUILTIN_DATES:
                out.add(index)
            continue
        bare = _NOT_DATE_PARTS.sub("", _LITERALS.sub("", _first_section(code))).lower()
        if re.search(r"[yd]", bare) and not re.search(r"[0#?]", bare):
            out.add(index)
    return out


#: Excel's built-in number formats that show a date (ECMA-376 §18.8.30, with zh-CN's 27–36, 50–58)
_BUILTIN_DATES = frozenset((*range(14, 18), 22, *range(27, 32), 36, *range(50, 55), 57, 58))

#: day 0 of Excel's dates (1900 system: serial 60 is the 29 February 1900 Excel counts, so from
#: 1 March 1900 on a serial is days since 30 December 1899)
_EPOCH_1900, _EPOCH_1904 = date(1899, 12, 30), date(1904, 1, 1)


#: Excel's built-in number formats that show fixed decimals (the others: General, integers,
#: percents, scientific, fractions, dates and times, text); ids 5–8 are currency (¥ in Chinese Excel)
_BUILTIN_DECIMALS = {2: "0.00", 4: "#,##0.00", 7: "#,##0.00", 8: "#,##0.00", 39: "#,##0.00", 40: "#,##0.00",
                     43: "#,##0.00", 44: "#,##0.00"}
#: what a number format shows besides digits: quoted text, an escaped character, a space as wide
#: as a character (_x), a fill (*x), brackets (colour, condition, locale, currency)
_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
#: a date, a time, an era, General, a percent, a fraction, scientific, text
_NOT_DECIMALS = re.compile(r"[ymdhsbge%/@年月日时分秒]|上午|下午|am/pm|a/p", re.I)
#: a thousands scaling (0.00, shows thousands)
_SCALING = LazyPattern(r"[0#?],+(?![0#?,])")
#: built-in formats of Chinese (zh-CN) Excel that show a date's year and month, not its day
#: (ECMA-376 §18.8.30: 27, 36, 50, 52 and 57 are ``yyyy"年"m"月"``; 17 is ``mmm-yy``)
_BUILTIN_MONTHS = dict.fromkeys((27, 36, 50, 52, 57), 'yyyy"年"m"月"') | {17: "mmm-yy"}
#: what shows a date's parts besides them: General (its e), and am/pm markers
_NOT_DATE_PARTS = re.compile(r"general|上午/下午|am/pm|a/p", re.I)


def shown_formats(styles: bytes) -> dict[int, ShownAs]:
    """Cell format index → how its number format shows a number (:data:`ShownAs`), for the formats
    of the styles part ``styles`` whose numbers rectxl reads as shown: at least one fixed decimal
    (``0.00``, ``#,##0.00``, ``0.0#``, the accounting formats …; the first section of a custom
    code, its quoted text ignored — not General, dates, percents, scientific or fractions), or a
    date without its day (``yyyy"年"m"月"``, ``yyyy/m``, ``mmm-yy``, ``yyyy``)."""
    codes: dict[int, str] = {}
    try:
        found = xmlbytes.first(styles, "numFmts")
        if found is not None and not found.empty:
            for e in xmlbytes.elements(styles, "numFmt", found.tag_end, found.content_end):
                fid, code = xmlbytes.attr(e.attrs, "numFmtId"), xmlbytes.attr(e.attrs, "formatCode")
                if fid is not None and fid.isdigit() and code is not None:
                    codes[int(fid)] = code
        xfs = xmlbytes.first(styles, "cellXfs")
        if xfs is None or xfs.empty:
            return {}
        formats: list[int | None] = []
        for e in xmlbytes.elements(styles, "xf", xfs.tag_end, xfs.content_end):
            fid = xmlbytes.attr(e.attrs, "numFmtId") or "0"
            formats.append(int(fid) if fid.isdigit() else None)
        return shown_of_formats(codes, formats)
    except ValueError:  # a damaged part: no format read
        return {}


def shown_of_formats(codes: Mapping[int, str], formats: Iterable[int | None]) -> dict[int, ShownAs]:
    """Cell format index → how it shows a number, for the cell formats whose numbers are read as
    shown (:func:`shown_formats`): ``codes`` the workbook's own number formats by id (Excel's
    built-in ones are known), ``formats`` each cell format's number format id in order. One
    reading for the styles of an .xlsx and the FORMAT/XF records of an .xls."""
    known: dict[int, str] = {**_BUILTIN_DECIMALS, **_BUILTIN_MONTHS, **codes}
    out: dict[int, ShownAs] = {}
    how_of: dict[str, ShownAs | None] = {}
    for index, fid in enumerate(formats):
        code = known.get(fid) if fid is not None else None
        if code is None:
            continue
        if code not in how_of:
            how_of[code] = _places(code) or _date_without_day(code)
        how = how_of[code]
        if how is not None:
            out[index] = how
    return out


def _date_without_day(code: str) -> str | None:
    """``"month"`` when the first section of number format ``code`` shows a date's year and month
    but not its day (``yyyy"年"m"月"``, ``yyyy/m;@``, ``[DBNum1]yyyy"年"m"月"``, ``mmm-yy``),
    ``"year"`` when it shows the year alone (``yyyy"年"``); None for any other format (a day, a
    time, a number)."""
    bare = _NOT_DATE_PARTS.sub("", _LITERALS.sub("", _first_section(code))).lower()
    if "y" not in bare or re.search(r"[dhs0#?]", bare):
        return None
    return "month" if "m" in bare else "year"


def _places(code: str) -> tuple[int, int] | None:
    """(at least, at most) decimals the first section of number format ``code`` shows; None when
    it shows no fixed decimal or is no plain number format."""
    section = _first_section(code)
    bare = _LITERALS.sub("", section)
    if _NOT_DECIMALS.search(bare) or _SCALING.search(bare) or "." not in bare:
        return None
    after = bare.split(".", 1)[1]
    run = re.match(r"[0#?]*", after)
    digits = run.group() if run else ""
    least = len(digits) - len(digits.lstrip("0"))
    return (least, len(digits)) if least else None


def _first_section(code: str) -> str:
    """A number format's first section (positive numbers): up to a ``;`` outside quotes."""
    quoted = False
    for i, ch in enumerate(code):
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            return code[:i]
    return code


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return unescape(text) if "&" in text else text


def _count_scan(fh: IO[bytes], extras: SheetExtras, scan: _Scan) -> None:
    """The scan again, placing every cell by counting: a row without ``r`` follows the row before
    it, a cell without ``r`` the cell before it (as Excel and calamine read them)."""
    row, col = 0, -1
    first = fh.read(_CHUNK)
    for data in _chunks(fh, first, scan):
        _hidden_cols(data, extras, scan)
        if b"ataValidation" in data:
            _lists(data, extras)
        for m in scan.token.finditer(data):
            if m.group(1) is not None:  # a row
                r = _attrs(m.group(1)).get(b"r", b"").strip()
                row = int(r) if r.isdigit() else row + 1
                col = -1
                continue
            attrs = _attrs(m.group(2))
            ref = _REF.fullmatch(attrs.get(b"r", b""))
            if ref is not None:
                col = col_index(ref.group(1).decode().upper())
                here = (int(ref.group(2)) - 1, col)
            else:
                col += 1
                here = (row - 1, col)
            body = m.group(3) or b""
            if b"e" in m.group(2) or any(f in body for f in scan.formula_starts):
                _note(m.group(2), body, extras, scan, here)
            if scan.shown and (b"." in body or scan.dated is not None):
                _note_shown(m.group(2), body, extras, scan, here)
            if scan.filled is not None:
                _note_fill(m.group(2), extras, scan, here)
