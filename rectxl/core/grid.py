"""Turn sheet grids (cell values plus merged ranges) into a :class:`~rectxl.core.model.Ledger`.

This is the reader's core and it is pure: files (calamine/openpyxl) and a live Excel workbook
(xlwings) each produce :class:`Grid` objects and go through the same code here. It handles the
mess of real ledgers (DESIGN.md §2): title rows, a header row anywhere in the first rows found by
header aliases, two-row headers, merged hierarchy cells, shared merged owners/deadlines, section
rows merged across the sheet, blank and trailing rows, footers, and Excel error values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from operator import contains, itemgetter
from typing import Any

from rectxl.core import fields as F
from rectxl.core.deadline import parse_date, parse_deadline
from rectxl.core.errors import LedgerError
from rectxl.core.model import Aspect, Category, Deadline, DeadlineKind, Issue, Ledger, LedgerInfo, Measure, Status
from rectxl.core.names import DIRECTORY_SHEET, INFO_SHEET, LEDGER_SHEET, OUTPUT_SHEETS
from rectxl.core.numbering import split_aspect_label, split_category_label, split_issue_label
from rectxl.core.status import parse_status
from rectxl.core.text import col_letter, normalize_text

__all__ = [
    "HEADER_SCAN_ROWS",
    "INFO_KEYS",
    "Grid",
    "HeaderMap",
    "a1",
    "find_header",
    "ledger_from_grids",
]

#: how many rows from the top are searched for the header row
HEADER_SCAN_ROWS = 10

_ERROR_VALUE = re.compile(r"^#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)$")
_FOOTER = re.compile(r"^(?:注|备注|说明|填表人|制表人|制表|审核人|审核|填报人|填报单位|联系人|单位负责人)\s*[:：]?")


@dataclass
class Grid:
    """One sheet as values: ``rows[r][c]`` is sheet cell (r+1, c+1); merges are 0-based inclusive
    ``(first_row, first_col, last_row, last_col)``."""

    name: str
    rows: list[list[Any]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False

    def value(self, r: int, c: int) -> Any:
        if r < len(self.rows):
            row = self.rows[r]
            if c < len(row):
                return row[c]
        return None


@dataclass
class HeaderMap:
    """Where the header is and which column holds which field (0-based)."""

    row: int  # 0-based index of the (last) header row
    first_row: int  # 0-based index of the first header row (differs for two-row headers)
    columns: dict[str, int]
    #: field → columns after the first that also claim it (ignored, reported)
    duplicates: dict[str, list[int]] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        return self.row + 1


def a1(r: int, c: int) -> str:
    """0-based (row, col) → ``"H12"``."""
    return f"{col_letter(c)}{r + 1}"


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip(" \t\r\n\u3000\xa0"))


def _row_fields(row: Sequence[Any]) -> dict[int, str]:
    return {c: f for c, v in enumerate(row) if isinstance(v, str) and (f := F.field_for_header(v))}


def find_header(grid: Grid) -> HeaderMap | None:
    """Find the header row among the first :data:`HEADER_SCAN_ROWS` rows by matching aliases.

    A following row whose every non-blank cell is itself a header name (e.g. 责任领导 | 责任单位 |
    责任人 under a merged 责任主体) is taken as the second row of a two-row header.
    """
    best: tuple[int, int, dict[int, str]] | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        found = _row_fields(grid.rows[r])
        fields_found = set(found.values())
        score = len(fields_found)
        if score >= 2 and ({F.ISSUE, F.MEASURE} & fields_found) and (best is None or score > best[1]):
            best = (r, score, found)
    if best is None:
        return None
    r, _, found = best
    first = r
    if r + 1 < len(grid.rows):
        below = grid.rows[r + 1]
        non_blank = [(c, v) for c, v in enumerate(below) if not _blank(v)]
        sub = _row_fields(below)
        if non_blank and len(sub) == len(non_blank):
            found = {**found, **sub}
            r += 1
    columns: dict[str, int] = {}
    duplicates: dict[str, list[int]] = {}
    for c in sorted(found):
        if found[c] in columns:
            duplicates.setdefault(found[c], []).append(c)
        else:
            columns[found[c]] = c
    return HeaderMap(row=r, first_row=first, columns=columns, duplicates=duplicates)


class _Filled:
    """Merged-cell lookup: every cell of a merged range reads its top-left value.

    Kept per ledger column (``anchors[c][r]`` is the anchor ``(row, col)`` of a merged-away cell,
    ``None`` for a cell that reads itself), so that each column can be read once, merges filled
    in, before the rows are walked. Merges are applied in file order; a later merge covering an
    earlier one's cell wins, and a merge's own anchor keeps what it had.
    """

    def __init__(self, grid: Grid, start_row: int, columns: Iterable[int]) -> None:
        self.grid = grid
        self.anchors: dict[int, list[tuple[int, int] | None]] = {}
        self.wide_rows: dict[int, int] = {}  # row → width of a horizontal merge anchored in it
        n = len(grid.rows)
        wanted = set(columns)
        for r0, c0, r1, c1 in grid.merges:
            if r1 < start_row:
                continue
            if c1 > c0:
                self.wide_rows[r0] = max(self.wide_rows.get(r0, 0), c1 - c0 + 1)
            lo, hi = max(r0, start_row), min(r1, n - 1)
            if lo > hi:
                continue
            anchor = (r0, c0)
            for c in sorted(wanted.intersection(range(c0, c1 + 1))):
                col = self.anchors.get(c)
                if col is None:
                    col = self.anchors[c] = [None] * n
                keeps = c == c0 and lo <= r0 <= hi
                own = col[r0] if keeps else None
                col[lo : hi + 1] = [anchor] * (hi - lo + 1)
                if keeps:
                    col[r0] = own

    def anchor_of(self, r: int, c: int) -> tuple[int, int] | None:
        """The anchor of merged-away cell (r, c); ``None`` when the cell reads itself."""
        col = self.anchors.get(c)
        return col[r] if col is not None and r < len(col) else None

    def get(self, r: int, c: int) -> tuple[Any, int, int]:
        """(value, anchor row, anchor col) of cell (r, c)."""
        ar, ac = self.anchor_of(r, c) or (r, c)
        return self.grid.value(ar, ac), ar, ac

    def column(self, c: int, table: list[tuple[Any, ...]] | None = None) -> list[Any]:
        """Column ``c`` of every row, merged cells reading their anchor (``None`` past a short row);
        ``table`` is the sheet's columns when already transposed."""
        rows = self.grid.rows
        if table is not None:
            values = list(table[c])
        elif rows and min(map(len, rows)) > c:
            values = list(map(itemgetter(c), rows))
        else:
            values = [row[c] if c < len(row) else None for row in rows]
        anchors = self.anchors.get(c)
        if anchors is not None:
            previous: tuple[int, int] | None = None
            anchor_value: Any = None
            for r, a in enumerate(anchors):
                if a is not None:
                    if a is not previous:  # a merged range is a run of the same anchor
                        previous, anchor_value = a, self.grid.value(a[0], a[1])
                    values[r] = anchor_value
        return values


def _text(v: Any) -> str:
    if type(v) is str:
        return normalize_text(v)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, datetime):
        v = v.date() if v.time() == datetime.min.time() else v
    if isinstance(v, date):
        return v.isoformat()
    return normalize_text(v)


_NO_VALUE = object()


def _texts(values: list[Any]) -> list[str]:
    """:func:`_text` of each value; a run of one object (a merged cell) is converted once."""
    texts: list[str] = []
    previous: Any = _NO_VALUE
    text = ""
    for v in values:
        if v is not previous:
            previous, text = v, _text(v)
        texts.append(text)
    return texts


def _int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return int(v) if float(v).is_integer() else None
    text = _text(v).rstrip(".．、")
    return int(text) if text.isascii() and text.isdigit() else None


# 基本信息 key aliases → LedgerInfo attribute
INFO_KEYS: dict[str, str] = {
    **dict.fromkeys(["单位名称", "被巡察单位", "被巡察党组织", "单位"], "unit_name"),
    **dict.fromkeys(["党组织名称", "落款", "署名", "发布单位"], "party_org"),
    **dict.fromkeys(["巡察组", "巡视组", "巡察组名称"], "inspection_group"),
    **dict.fromkeys(["巡察开始", "巡察开始日期", "巡察开始时间"], "inspection_start"),
    **dict.fromkeys(["巡察结束", "巡察结束日期", "巡察结束时间"], "inspection_end"),
    **dict.fromkeys(["反馈日期", "巡察反馈日期", "反馈时间", "意见反馈日期"], "feedback_date"),
    **dict.fromkeys(["报告日期", "截至日期", "统计截止日期", "截止日期", "通报日期"], "report_date"),
    **dict.fromkeys(["联系电话", "电话"], "phone"),
    **dict.fromkeys(["邮寄地址", "通讯地址", "地址", "邮政信箱"], "address"),
    **dict.fromkeys(["邮编", "邮政编码"], "postcode"),
    **dict.fromkeys(["电子邮箱", "邮箱", "电子邮件"], "email"),
    **dict.fromkeys(["通报标题", "标题"], "title"),
    **dict.fromkeys(["导语", "前言", "开头"], "preamble"),
    **dict.fromkeys(["一、", "一", "组织领导情况", "整改工作开展情况", "履行整改主体责任情况"], "section_one"),
    **dict.fromkeys(["三、", "三", "下一步工作", "下一步打算", "下一步工作打算"], "section_three"),
    **dict.fromkeys(["一、标题", "一标题"], "heading_one"),
    **dict.fromkeys(["二、标题", "二标题"], "heading_two"),
    **dict.fromkeys(["二、导语", "二导语"], "section_two_intro"),
    **dict.fromkeys(["三、标题", "三标题"], "heading_three"),
}
_DATE_INFO = {"inspection_start", "inspection_end", "feedback_date", "report_date"}


def _read_info(grid: Grid) -> LedgerInfo:
    """Key | value rows: the key is the row's first non-blank cell, the value the cell right of
    it (a third column, e.g. the template's 说明, is never read as a value)."""
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for row in grid.rows:
        first = next((c for c, v in enumerate(row) if not _blank(v)), None)
        if first is None or first + 1 >= len(row) or _blank(row[first + 1]):
            continue
        raw_key = _text(row[first])
        key = F.header_key(row[first])
        attr = INFO_KEYS.get(key) or INFO_KEYS.get(raw_key) or INFO_KEYS.get(key.rstrip("、"))
        value = row[first + 1]
        if attr in _DATE_INFO:
            values[attr] = parse_date(value)
        elif attr:
            values[attr] = _text(value) if not isinstance(value, str) else value.strip()
        elif key and key not in ("项目", "内容"):
            extra[raw_key] = _text(value)
    return LedgerInfo(**values, extra=extra)


def _read_directory(grid: Grid) -> list[str]:
    units: list[str] = []
    header = {"责任单位", "单位名称", "单位", "名称", "序号", "责任单位名录", "部门", "科室"}
    for row in grid.rows:
        texts = [_text(v) for v in row if not _blank(v)]
        texts = [t for t in texts if not t.isdigit() and F.header_key(t) not in header]
        if texts:
            units.append(texts[0])
    return units


def _pick_ledger(grids: Sequence[Grid]) -> tuple[Grid, HeaderMap]:
    named = [g for g in grids if g.name.strip() == LEDGER_SHEET]
    skip = {INFO_SHEET, DIRECTORY_SHEET, *OUTPUT_SHEETS}
    others = [g for g in grids if g not in named and g.name not in skip]
    others.sort(key=lambda g: (g.hidden, LEDGER_SHEET not in g.name))
    for grid in [*named, *others]:
        header = find_header(grid)
        if header is not None:
            return grid, header
    names = "、".join(g.name for g in grids) or "(无工作表)"
    raise LedgerError(
        f"找不到台账表头:工作表({names})的前{HEADER_SCAN_ROWS}行中没有同时包含“具体问题”或“整改措施”"
        "等列名的表头行。请确认这是整改台账,或使用 rectxl new 生成的模板。"
    )


def ledger_from_grids(grids: Sequence[Grid]) -> Ledger:
    by_name = {g.name.strip(): g for g in grids}
    info = _read_info(by_name[INFO_SHEET]) if INFO_SHEET in by_name else LedgerInfo()
    directory = _read_directory(by_name[DIRECTORY_SHEET]) if DIRECTORY_SHEET in by_name else None
    grid, header = _pick_ledger(grids)
    return _Builder(grid, header, info, directory).build()


class _Builder:
    """Walks the data rows once, carrying the hierarchy down."""

    def __init__(self, grid: Grid, header: HeaderMap, info: LedgerInfo, directory: list[str] | None):
        self.grid = grid
        self.header = header
        self.cols = header.columns
        self.filled = _Filled(grid, header.data_start, header.columns.values())
        self.ledger = Ledger(
            info=info,
            sheet=grid.name,
            header_row=header.row + 1,
            columns={f: col_letter(c) for f, c in header.columns.items()},
            duplicate_columns={f: [col_letter(c) for c in cs] for f, cs in header.duplicates.items()},
            owner_units=directory,
        )
        self.feedback = info.feedback_date
        self.aspect: Aspect | None = None
        self.category: Category | None = None
        self.issue: Issue | None = None
        self.width = max(self.cols.values()) + 1
        self._deadlines: dict[tuple[type, Any], Deadline] = {}
        self._statuses: dict[str, Status | None] = {}
        self._read_columns()

    # -- hierarchy -----------------------------------------------------------------------
    def _new_aspect(self, text: str) -> None:
        number, title = split_aspect_label(text) if text else (None, "")
        self.aspect = Aspect(title=title or None, number=number)
        self.ledger.aspects.append(self.aspect)
        self.category = None
        self.issue = None

    def _new_category(self, text: str) -> None:
        if self.aspect is None:
            self._new_aspect("")
        assert self.aspect is not None
        number, title = split_category_label(text) if text else (None, "")
        self.category = Category(title=title or None, number=number)
        self.aspect.categories.append(self.category)
        self.issue = None

    def _section_row(self, r: int, row: list[Any]) -> bool:
        """A row that only names an aspect or category (often merged across the sheet)."""
        non_blank = [v for v in row[: self.width] if not _blank(v)]
        if len(non_blank) != 1:
            return False
        text = _text(non_blank[0])
        wide = self.filled.wide_rows.get(r, 0) >= max(3, len(self.cols) // 2)
        measure_col = self.cols.get(F.MEASURE)
        if measure_col is not None and not _blank(self.grid.value(r, measure_col)) and not wide:
            return False
        if re.match(r"^\s*第[一二三四五六七八九十\d]+方面|^\s*[一二三四五六七八九十]+[、.．]", text):
            self._new_aspect(text)
            return True
        if re.match(r"^\s*[(（][一二三四五六七八九十\d]+[)）]", text) and wide:
            self._new_category(text)
            return True
        if wide:
            self._new_aspect(text)
            return True
        return False

    # -- columns -----------------------------------------------------------------------------
    def _read_columns(self) -> None:
        """Read each ledger column once, merged cells filled in (the rows are walked afterwards).

        Per field: ``values`` (as :meth:`_cell` returns them: ``""`` for a blank or an error
        value), ``refs`` (A1 of the cell each row's value comes from: the anchor of a merged
        cell), ``texts`` (:func:`_text` of each value, for the text fields) and the rows holding
        an Excel error value (recorded in ``ledger.error_cells`` when a row is read).
        """
        n = len(self.grid.rows)
        table = _transpose(self.grid.rows, self.width)
        row_numbers = [str(r + 1) for r in range(n)]
        anchor_refs: dict[tuple[int, int], str] = {}
        self.values: dict[str, list[Any]] = {}
        self.refs: dict[str, list[str]] = {}
        self.texts: dict[str, list[str]] = {}
        self.errors: dict[str, dict[int, str]] = {}
        for field_name, c in self.cols.items():
            values = self.filled.column(c, table)
            if None in values:
                values = ["" if v is None else v for v in values]
            texts = _texts(values) if field_name in _MEASURE_TEXT else None
            errors = _error_values(values, texts)
            for r in errors:
                values[r] = ""
                if texts is not None:
                    texts[r] = ""
            refs = list(map(col_letter(c).__add__, row_numbers))
            anchors = self.filled.anchors.get(c)
            if anchors is not None:
                for r, a in enumerate(anchors):
                    if a is not None:
                        ref = anchor_refs.get(a)
                        if ref is None:
                            ref = anchor_refs[a] = a1(a[0], a[1])
                        refs[r] = ref
            self.values[field_name] = values
            self.refs[field_name] = refs
            if texts is not None:
                self.texts[field_name] = texts
            if errors:
                self.errors[field_name] = errors
        blank = [""] * n
        for field_name in _MEASURE_TEXT:
            self.texts.setdefault(field_name, blank)
        self._columns = [(f, self.values[f], self.refs[f]) for f in self.cols]

    # -- rows ------------------------------------------------------------------------------
    def build(self) -> Ledger:
        grid = self.grid
        measure_c = self.cols.get(F.MEASURE)
        for r in range(self.header.data_start, len(grid.rows)):
            raw_row = grid.rows[r]
            if measure_c is not None and self._plain_measure_row(r, raw_row, measure_c):
                self._data_row(r)
                continue
            if all(_blank(v) for v in raw_row):
                continue
            first_text = next((_text(v) for v in raw_row if not _blank(v)), "")
            if _FOOTER.match(first_text) and self._cell(r, F.MEASURE)[0] == "":
                continue
            if self._section_row(r, raw_row):
                continue
            self._data_row(r)
        return self.ledger

    def _plain_measure_row(self, r: int, raw_row: list[Any], measure_c: int) -> bool:
        """The common row: its own measure text, not merged and not a section row merged across.
        Such a row is neither blank, a footer nor a section row, so the checks are skipped."""
        if measure_c >= len(raw_row) or self.texts[F.MEASURE][r] == "" or r in self.errors.get(F.MEASURE, ()):
            return False
        if _blank(raw_row[measure_c]) or self.filled.anchor_of(r, measure_c) is not None:
            return False
        return self.filled.wide_rows.get(r, 0) < max(3, len(self.cols) // 2)

    def _cell(self, r: int, field_name: str) -> tuple[Any, str]:
        """Filled value and anchor A1 of ``field_name`` in row ``r`` ('' / '' if no column)."""
        values = self.values.get(field_name)
        if values is None:
            return "", ""
        self._note_errors(r, (field_name,))
        return values[r], self.refs[field_name][r]

    def _note_errors(self, r: int, fields: Iterable[str]) -> None:
        """Record the Excel error values (#REF! …) of row ``r``'s cells of ``fields`` as read."""
        for field_name in fields:
            errors = self.errors.get(field_name)
            if errors and r in errors:
                self.ledger.error_cells[self.refs[field_name][r]] = errors[r]

    def _data_row(self, r: int) -> None:
        texts = self.texts
        if self.errors:
            self._note_errors(r, _HIERARCHY)
        aspect_t, category_t, issue_t = texts[F.ASPECT][r], texts[F.CATEGORY][r], texts[F.ISSUE][r]

        if aspect_t and (self.aspect is None or aspect_t != self._aspect_text):
            self._new_aspect(aspect_t)
            self._aspect_text = aspect_t
        if category_t and (self.category is None or category_t != self._category_text):
            self._new_category(category_t)
            self._category_text = category_t
        elif not category_t and self.category is None:
            self._new_category("")
            self._category_text = ""

        issue_no_v, issue_no_cell = self._cell(r, F.ISSUE_NO)
        issue_no = _int(issue_no_v)
        if issue_t or issue_no is not None:
            key = (issue_no, issue_t)
            if self.issue is None or key != self._issue_key:
                number, title = split_issue_label(issue_t)
                assert self.category is not None
                issue_cell = self._cell(r, F.ISSUE)[1]
                self.issue = Issue(
                    title=title,
                    number=issue_no if issue_no is not None else number,
                    sheet=self.grid.name,
                    row=r + 1,
                    cells={F.ISSUE: issue_cell, **({F.ISSUE_NO: issue_no_cell} if issue_no_cell else {})},
                )
                self.category.issues.append(self.issue)
                self._issue_key = key

        measure_c = self.cols.get(F.MEASURE)
        if measure_c is not None and self.filled.anchor_of(r, measure_c) is not None:
            return  # a measure merged over several rows is one measure: read at its anchor
        if self.errors:
            self._note_errors(r, (F.MEASURE,))
        measure_t = texts[F.MEASURE][r]
        if not measure_t:
            return
        measure = self._measure(r, measure_t)
        if self.issue is None:
            self.ledger.orphans.append(measure)
        else:
            self.issue.measures.append(measure)

    _aspect_text = ""
    _category_text = ""
    _issue_key: tuple[int | None, str] = (None, "")

    def _measure(self, r: int, text: str) -> Measure:
        if self.errors:
            self._note_errors(r, self.errors)  # every field of a measure row is read
        raw = {f: values[r] for f, values, _ in self._columns}
        t = self.texts
        status_text = t[F.STATUS][r]
        completed_text = t[F.COMPLETED][r]
        return Measure.model_construct(
            text=text,
            sheet=self.grid.name,
            row=r + 1,
            lead=t[F.LEAD][r],
            owner_unit=t[F.OWNER_UNIT][r],
            owner_person=t[F.OWNER_PERSON][r],
            deadline=self._deadline(raw.get(F.DEADLINE)),
            status=self._status(status_text),
            status_text=status_text,
            completed_on=self._completed(raw.get(F.COMPLETED)) if completed_text else None,
            completed_text=completed_text,
            progress=t[F.PROGRESS][r],
            evidence=t[F.EVIDENCE][r],
            remark=t[F.REMARK][r],
            cells={f: refs[r] for f, _, refs in self._columns},
            raw=raw,
        )

    def _deadline(self, value: Any) -> Deadline:
        """:func:`parse_deadline`, once per distinct value (a ledger repeats a few dozen phrases)."""
        key = (type(value), value)
        try:
            return self._deadlines[key]
        except KeyError:
            deadline = self._deadlines[key] = parse_deadline(value, feedback_date=self.feedback)
            return deadline
        except TypeError:  # unhashable
            return parse_deadline(value, feedback_date=self.feedback)

    def _completed(self, value: Any) -> date | None:
        """:func:`parse_date` of a 完成时间 value, once per distinct value."""
        deadline = self._deadline(value)
        return deadline.due if deadline.kind is DeadlineKind.DATE else None

    def _status(self, text: str) -> Status | None:
        """:func:`parse_status`, once per distinct text."""
        if text not in self._statuses:
            self._statuses[text] = parse_status(text)
        return self._statuses[text]


def _transpose(rows: list[list[Any]], width: int) -> list[tuple[Any, ...]] | None:
    """The sheet's columns in one pass over the rows (instead of one pass per column), when every
    row holds the ledger's columns and the sheet is not much wider; else ``None``."""
    if not rows:
        return None
    lengths = set(map(len, rows))
    if min(lengths) < width or max(lengths) > 2 * width + 8:
        return None
    return list(zip(*rows, strict=False))  # every row has at least `width` cells


def _error_values(values: list[Any], texts: list[str] | None) -> dict[int, str]:
    """Rows whose value is an Excel error value (#REF!, #N/A …) → the error text."""
    if texts is not None and not any(map(contains, texts, repeat("#"))):
        return {}  # the usual column: no "#" anywhere (a text keeps every "#" of its value)
    return {
        r: v.strip() for r, v in enumerate(values)
        if isinstance(v, str) and "#" in v and _ERROR_VALUE.match(v.strip())
    }


#: the hierarchy cells read for every data row
_HIERARCHY = (F.ASPECT, F.CATEGORY, F.ISSUE_NO, F.ISSUE)
#: the text fields of a measure, read with :func:`_text`
_MEASURE_TEXT = (F.ASPECT, F.CATEGORY, F.ISSUE, F.MEASURE, F.LEAD, F.OWNER_UNIT, F.OWNER_PERSON, F.STATUS,
                 F.COMPLETED, F.PROGRESS, F.EVIDENCE, F.REMARK)
