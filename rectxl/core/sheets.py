"""Output sheets as data: the layout of 校验结果 and the summary sheets, and which ledger cells
to colour. Pure — two renderers write these specs: openpyxl for files (``rectxl.io.xlsx_out``)
and xlwings for a live workbook (``rectxl.excel``), so both produce the same sheets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rectxl.core.findings import SEVERITY_LABELS, Severity
from rectxl.core.model import Ledger
from rectxl.core.names import FINDINGS_SHEET, INFO_SHEET, MARKS_SHEET, OUTPUT_SHEETS, SUMMARY_SHEETS
from rectxl.core.summary import DetailRow, Summary, summary_and_rows, totals_sentence
from rectxl.core.text import cn_date, col_index, name_list
from rectxl.core.timing import GRADE_WORDS, Grade
from rectxl.core.validate import Report

__all__ = [
    "FINDINGS_SHEET",
    "GRADE_FILLS",
    "HIGHLIGHTS",
    "MARKS_SHEET",
    "MAX_SHEET_LINKS",
    "MISSING_UNIT_FILL",
    "OUTPUT_HEADERS",
    "OUTPUT_SHEETS",
    "OWN_FILLS",
    "SUMMARY_SHEETS",
    "Hidden",
    "Highlight",
    "PrintSetup",
    "SheetSpec",
    "add_findings_note",
    "findings_sheet",
    "highlight_cells",
    "marked_sheets",
    "summary_sheets",
]



@dataclass(frozen=True)
class Highlight:
    key: str
    label: str
    color: str  # RRGGBB


#: the warning grades' colours (红/橙/黄/蓝/绿): the highlights, the summary sheets and the
#: template's conditional formats use the same ones, so Excel's colours agree with rectxl's
GRADE_FILLS = {
    Grade.RED: "FF7C80",
    Grade.ORANGE: "FFC000",
    Grade.YELLOW: "FFE699",
    Grade.BLUE: "9BC2E6",
    Grade.GREEN: "C6EFCE",
}

#: colour categories, in the legend's order (priority: :data:`_PRIORITY`)
HIGHLIGHTS = (
    Highlight("overdue", "已逾期（红色预警）", GRADE_FILLS[Grade.RED]),
    Highlight("owner", "缺少责任人/责任单位", "F4B183"),
    Highlight("due", "临期（黄色预警）", GRADE_FILLS[Grade.YELLOW]),
    Highlight("error", "其他错误", "C9B3E6"),
    # light: a warning asks for a look, not a fix (缺少佐证材料、缺少完成时间、状态与进展不符……)
    Highlight("warning", "警告（如缺少佐证材料、完成时间）", "DDEBF7"),
    Highlight("due_orange", "临期较近（橙色预警）", GRADE_FILLS[Grade.ORANGE]),
    Highlight("long_term", "长期坚持但时限已过（蓝色）", GRADE_FILLS[Grade.BLUE]),
)
#: the template's fill for a measure without 责任单位 (its conditional format)
MISSING_UNIT_FILL = "F8CBAD"
#: the colours rectxl's template and marks colour cells by (a conditional format in one of them
#: says what a mark says)
OWN_FILLS = frozenset({*GRADE_FILLS.values(), *(h.color for h in HIGHLIGHTS), MISSING_UNIT_FILL})
#: a cell with several findings takes the first of these
_PRIORITY = ("overdue", "owner", "due_orange", "due", "long_term", "error", "warning")
_CODE_HIGHLIGHT = {
    "overdue": "overdue", "extension-overdue": "overdue",
    "missing-owner-unit": "owner", "missing-lead": "owner", "missing-owner-person": "owner",
    "due-soon": "due", "due-today": "due",
    "long-term-past-deadline": "long_term",
}
_SEVERITY_HIGHLIGHT = {Severity.ERROR: "error", Severity.WARNING: "warning"}
#: how the due-soon and due-today messages name the orange grade
_ORANGE_MARK = f"【{GRADE_WORDS[Grade.ORANGE]}】"


def marked_sheets(ledger: Ledger) -> list[str]:
    """Every sheet the ledger was read from, in order, whose cells the marks colour: the ledger
    sheets, then a sheet its issues or measures were read from beside them (a 问题清单 kept apart
    from its 任务清单: a problem given no task is told, and coloured, there), then 基本信息 (a
    date there that cannot be read, an uncomputed 报告日期). A name the workbook lacks colours
    nothing."""
    names = [ledger.sheet, *(s.name for s in ledger.sheets)]
    for issue in ledger.issues():
        names.append(issue.sheet)
        names += (measure.sheet for measure in issue.measures)
    return [name for name in dict.fromkeys([*names, INFO_SHEET]) if name]


def highlight_cells(report: Report, sheet: str) -> dict[str, Highlight]:
    """Cell (A1) → colour category for findings in ``sheet``: the named codes (a deadline in the
    orange grade orange, in the yellow grade yellow), then any other error, then any other
    warning (a light colour); notes (提示) are not coloured."""
    order = {key: i for i, key in enumerate(_PRIORITY)}
    by_key = {h.key: h for h in HIGHLIGHTS}
    cells: dict[str, Highlight] = {}
    for f in report.findings:
        if not f.cell or f.sheet != sheet:
            continue
        key = _CODE_HIGHLIGHT.get(f.code) or _SEVERITY_HIGHLIGHT.get(f.severity)
        if key is None:
            continue
        if key == "due" and _ORANGE_MARK in f.message:
            key = "due_orange"
        current = cells.get(f.cell)
        if current is None or order[key] < order[current.key]:
            cells[f.cell] = by_key[key]
    return cells


@dataclass(frozen=True)
class PrintSetup:
    """How a sheet prints (both writers apply it where their engine can): landscape A4, scaled
    to one page wide and as many pages tall as needed, the title rows repeated on every page,
    centred, with "第 N 页，共 M 页" in the footer."""

    landscape: bool = True
    paper_size: int = 9  # OOXML paperSize: 9 = A4
    fit_width: int = 1   # pages wide (0 = no limit)
    fit_height: int = 0  # pages tall (0 = as many as needed)
    #: (first, last) 0-based rows repeated at the top of every printed page; ``None`` = the
    #: sheet's title row through its header row
    title_rows: tuple[int, int] | None = None
    center_horizontally: bool = True
    footer: str = "第 &P 页，共 &N 页"
    margins_cm: tuple[float, float, float, float] = (1.5, 1.5, 1.2, 1.2)  # top, bottom, left, right


@dataclass
class SheetSpec:
    """A sheet to write: values plus the few formats that make it readable and printable."""

    name: str
    rows: list[list[Any]]
    header_row: int  # 0-based index of the table's header row
    widths: list[float]
    #: (row, col) 0-based → (sheet, cell) an internal hyperlink jumps to
    links: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    #: row (0-based) → outline level (1..7) for grouping
    outline: dict[int, int] = field(default_factory=dict)
    bold_rows: set[int] = field(default_factory=set)
    #: row (0-based) → fill colour RRGGBB
    row_fills: dict[int, str] = field(default_factory=dict)
    #: column (0-based) → number format
    number_formats: dict[int, str] = field(default_factory=dict)
    #: (row, col) 0-based → fill colour RRGGBB (the colour legend)
    cell_fills: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, col) 0-based cells holding a share (0.6) shown as a percentage (60.0%)
    percent_cells: list[tuple[int, int]] = field(default_factory=list)
    percent_format: str = "0.0%"
    autofilter: bool = True
    #: (title, first data row, last data row): a bar chart of column B by column A,
    #: categories top to bottom in row order, anchored at :attr:`chart_row`
    chart: tuple[str, int, int] | None = None
    #: row (0-based) of the chart's top-left corner; ``None`` = one row below the last row
    chart_row: int | None = None
    #: rows (0-based) after which a printed page ends (e.g. before a chart)
    page_breaks: set[int] = field(default_factory=set)
    #: rows (0-based) above the table whose text spans the table's width, wrapped
    merged_rows: set[int] = field(default_factory=set)
    #: row (0-based) → height in points (rows whose wrapped text needs more than one line)
    row_heights: dict[int, float] = field(default_factory=dict)
    #: rows (0-based) above the table whose cells wrap their text, each in its own column (the
    #: colour legend); their heights are in :attr:`row_heights`
    wrapped_rows: set[int] = field(default_factory=set)
    print_setup: PrintSetup = field(default_factory=PrintSetup)

    @property
    def print_title_rows(self) -> tuple[int, int]:
        """The rows repeated on every printed page (0-based, inclusive)."""
        if self.print_setup.title_rows is not None:
            return self.print_setup.title_rows
        return (0, self.header_row) if self.header_row <= 1 else (self.header_row, self.header_row)


def _as_of_line(report: Report) -> str:
    """"截至日期：2026年12月1日（来源：…）" above 校验结果's and the summary's tables."""
    return f"截至日期：{cn_date(report.as_of)}（来源：{report.as_of_source}）"


@dataclass(frozen=True)
class Hidden:
    """What of a ledger sheet the user does not see: the sheet itself, rows (1-based) and
    columns (0-based) — a finding there is easy to miss, so 校验结果 says so."""

    sheet: bool = False
    rows: frozenset[int] = frozenset()
    cols: frozenset[int] = frozenset()
    #: ranges (first and last row 1-based, first and last column 0-based) under one of the user's
    #: conditional formats that sets a fill: Excel shows that fill over rectxl's while it applies
    painted: tuple[tuple[int, int, int, int], ...] = ()
    #: cells (A1) the user had filled in one of rectxl's colours themselves: not marks
    lookalike: frozenset[str] = frozenset()
    #: of ``rows``, those an autofilter's criteria hide (unhiding does not show them: the filter
    #: must be cleared) and those folded into a collapsed group (shown by its "+")
    filtered: frozenset[int] = frozenset()
    folded: frozenset[int] = frozenset()

    def _row_note(self, number: int) -> str:
        if number in self.filtered:
            return "已被筛选隐藏"
        return "已折叠在分组中" if number in self.folded else "已隐藏"

    def ways_to_show(self, cell: str | None, row: int | None) -> list[str]:
        """What to do to see the finding at ``cell`` (or ``row``): unhide (the sheet, a column, a
        row hidden by hand), clear the filter, or expand the group its row is folded into."""
        m = re.fullmatch(r"([A-Z]{1,3})(\d+)", cell or "")
        number = int(m.group(2)) if m else row
        ways = {"已被筛选隐藏": "清除筛选（“数据”→“清除”）", "已折叠在分组中": "点击左侧的“+”展开分组"}
        out = [ways.get(self._row_note(number), "取消隐藏")] if number in self.rows else []
        if self.sheet or (m is not None and col_index(m.group(1)) in self.cols):
            out.append("取消隐藏")
        return out

    def painted_over(self, cell: str | None) -> bool:
        """Whether a conditional format's fill may cover rectxl's colour at ``cell``."""
        m = re.fullmatch(r"([A-Z]{1,3})(\d+)", cell or "")
        if m is None or not self.painted:
            return False
        row, col = int(m.group(2)), col_index(m.group(1))
        return any(r1 <= row <= r2 and c1 <= col <= c2 for r1, r2, c1, c2 in self.painted)

    def note(self, cell: str | None, row: int | None) -> str:
        """"（该单元格所在行已隐藏）" and the like for a finding at ``cell`` (or ``row``); "" when
        nothing of it is hidden."""
        if self.sheet:
            return "（该单元格所在的工作表已隐藏）" if cell else "（所在的工作表已隐藏）"
        m = re.fullmatch(r"([A-Z]{1,3})(\d+)", cell or "")
        number = int(m.group(2)) if m else row
        row_hidden = number is not None and number in self.rows
        col_hidden = m is not None and col_index(m.group(1)) in self.cols
        how = self._row_note(number) if row_hidden and number is not None else ""
        if not m:
            return f"（该行{how}）" if row_hidden else ""
        if row_hidden and col_hidden:
            return "（该单元格所在行和列均已隐藏）" if how == "已隐藏" else f"（该单元格所在行{how}，所在列已隐藏）"
        if row_hidden:
            return f"（该单元格所在行{how}）"
        return "（该单元格所在列已隐藏）" if col_hidden else ""


def unseen_note(hidden: Mapping[str, Hidden], cells: Iterable[tuple[str, str]]) -> str:
    """What to say after "已标记 N 个单元格" of the coloured ``cells`` (sheet, A1) the clerk does not
    see — in rows an autofilter hides, folded into a group, hidden rows, columns or sheets:
    "其中 2 个标色单元格当前看不到：清除筛选（“数据”→“清除”）后可见"; "" when all are in sight."""
    count, ways = 0, {}
    for sheet, ref in cells:
        shown_by = hidden[sheet].ways_to_show(ref, None) if sheet in hidden else []
        if shown_by:
            count += 1
            ways.update(dict.fromkeys(shown_by))
    if not count:
        return ""
    return f"其中 {count} 个标色单元格当前看不到：{'、'.join(ways)}后可见"


#: the header row of 校验结果 (also what tells the sheet for rectxl's, see :data:`OUTPUT_HEADERS`)
_FINDINGS_HEADER = ("序号", "严重程度", "代码", "问题说明", "单元格", "行", "列名", "单元格内容")
#: the row of 校验结果 holding the colour legend
_LEGEND_ROW = 3


#: hidden cells named one by one in 校验结果's note, at most
_HIDDEN_LISTED = 20
#: the hyperlinks a sheet may have (Excel's limit is 66,530: past it Excel says the file is damaged
#: and drops them when it repairs it; a margin is kept)
MAX_SHEET_LINKS = 65_530


def findings_sheet(report: Report, hidden: Mapping[str, Hidden] | None = None) -> SheetSpec:
    """校验结果: a header block (as-of, counts, SHA-256, colour legend), then one row per finding
    in ledger order with a link from the cell column to the cell. ``hidden`` (sheet name →
    what of it is hidden) adds a note naming the findings the user cannot see: a link to a
    hidden cell shows nothing. The note goes in the header block (beside the SHA-256, a row the
    Excel add-in's own 校验结果 has in its own form), so that the table is the same from both."""
    counts = "，".join(f"{SEVERITY_LABELS[s]}{report.count(s)}条" for s in Severity)
    rows: list[list[Any]] = [
        [f"台账校验结果 — {report.source.path or ''}".rstrip(" —")],
        [f"{_as_of_line(report)}；共{len(report.findings)}条：{counts}；"
         f"{report.aspects}个方面{report.issues}个问题{report.measures}项措施"],
        [f"源文件 SHA-256：{report.source.sha256 or '（未知）'}"],
        ["标记颜色：", *(h.label for h in HIGHLIGHTS)],
        list(_FINDINGS_HEADER),
    ]
    header = len(rows) - 1
    spec = SheetSpec(FINDINGS_SHEET, rows, header, [6, 9, 22, 70, 12, 6, 10, 30])
    unseen: list[str] = []
    ways: dict[str, None] = {}  # how to show them (unhide, clear the filter, expand a group)
    painted: dict[str, None] = {}
    unlinked = 0  # the first finding left without a link
    for i, f in enumerate(report.findings, 1):
        value = f.value
        if isinstance(value, date):
            value = cn_date(value)
        place = (hidden or {}).get(f.sheet or "")
        note = place.note(f.cell, f.row) if place is not None and (f.cell or f.row) else ""
        if place is not None and note:
            unseen.append(f"{f.sheet}!{f.cell or f'第{f.row}行'}{note}")
            ways.update(dict.fromkeys(place.ways_to_show(f.cell, f.row)))
        elif place is not None and place.painted_over(f.cell):
            painted[f"{f.sheet}!{f.cell}"] = None
        rows.append([i, SEVERITY_LABELS[f.severity], f.code, f.message,
                     f"{f.sheet}!{f.cell}" if f.cell else (f.sheet or ""), f.row, f.field or "",
                     "" if value is None else value])
        if f.cell and f.sheet:
            if len(spec.links) < MAX_SHEET_LINKS:
                spec.links[(len(rows) - 1, 4)] = (f.sheet, f.cell)
            else:
                unlinked = unlinked or i
    if unlinked:
        add_findings_note(spec, f"注意：Excel 一张工作表最多只能有{MAX_SHEET_LINKS:,}个超链接，第{unlinked}条起"
                                "“单元格”一列不再带链接，请按其中的单元格地址查找（或用 rectxl check --format csv "
                                "导出全部校验结果）。")
    if unseen:
        more = f"等{len(unseen)}处" if len(unseen) > _HIDDEN_LISTED else ""
        add_findings_note(spec, "注意：以下问题所在的单元格已隐藏，点击链接也看不到，"
                                f"请先在台账中{'或'.join(ways)}再核对："
                                f"{'、'.join(unseen[:_HIDDEN_LISTED])}{more}")
    flagged = {(f.sheet, f.cell) for f in report.findings if f.cell}
    own = [f"{name}!{cell}" for name, place in (hidden or {}).items()
           for cell in sorted(place.lookalike, key=_cell_order) if (name, cell) not in flagged]
    if own:
        more = f"等{len(own)}处" if len(own) > _HIDDEN_LISTED else ""
        add_findings_note(spec, "注意：以下单元格原来就填有与 rectxl 标记相同的颜色，不是本次发现的问题："
                                f"{'、'.join(own[:_HIDDEN_LISTED])}{more}")
    if painted:
        cells = list(painted)
        more = f"等{len(cells)}处" if len(cells) > _HIDDEN_LISTED else ""
        add_findings_note(spec, "注意：以下问题所在的单元格设有条件格式，条件成立时显示条件格式的填充色，"
                                "rectxl 的标记颜色会被盖住，请以本表为准："
                                f"{'、'.join(cells[:_HIDDEN_LISTED])}{more}")
    spec.bold_rows = {0, header}
    spec.cell_fills = {(_LEGEND_ROW, c): h.color for c, h in enumerate(HIGHLIGHTS, start=1)}
    # the legend's labels are longer than their columns are wide: wrapped, the row as tall as
    # the longest of them needs (else Excel cuts them off at the next filled cell)
    legend = rows[_LEGEND_ROW]
    spec.wrapped_rows = {_LEGEND_ROW}
    spec.row_heights[_LEGEND_ROW] = max(_wrapped_height(str(text), spec.widths[c]) for c, text in enumerate(legend))
    return spec


def _cell_order(cell: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]{1,3})(\d+)", cell)
    return (int(m.group(2)), col_index(m.group(1))) if m else (0, 0)


#: the row of 校验结果 (below the SHA-256) that notes go in
_NOTE_ROW = 2


def add_findings_note(spec: SheetSpec, note: str) -> None:
    """Add a line to the notes of 校验结果 (the SHA-256 row): the row then spans the table's
    width, wrapped, as tall as its text — a note in a cell of its own would cut the line above."""
    row = spec.rows[_NOTE_ROW]
    row[0] = f"{row[0]}\n{note}" if row and row[0] else note
    spec.merged_rows.add(_NOTE_ROW)
    spec.row_heights[_NOTE_ROW] = _wrapped_height(str(row[0]), sum(spec.widths))


def summary_sheets(report: Report, ledger: Ledger) -> list[SheetSpec]:
    """整改总体情况, 整改明细, 责任单位统计, 逾期清单 for ``ledger`` as of the report's date."""
    from rectxl.core.notice.render import told_apart_note  # the notice's module: loaded when used

    summary, rows = summary_and_rows(ledger, report.as_of, report.warn_days)
    return [_overview(report, summary, told_apart_note(ledger), _sheets_note(report, ledger)), _detail(rows),
            _units(summary), _overdue(summary)]


def _sheets_note(report: Report, ledger: Ledger) -> str:
    """"；读取工作表：台账（未读取同一台账的副本“台账（11月30日）”）" when the workbook holds copies of
    the ledger set aside — the summary says which of them it counts; "" otherwise."""
    aside = [s for s, _ in ledger.set_aside] + [s for s, _, _ in ledger.parts_set_aside]
    if not aside:
        return ""
    return f"；读取工作表：{name_list(report.sheets)}（未读取同一台账的副本{'、'.join(f'“{s}”' for s in aside)}）"


_HEADER_FILL = "D9E1F2"
#: points per line of wrapped 11 pt text, and the width units one Chinese character takes
_LINE_PT = 15.0
_CJK_WIDTH = 2.1


def _text_width(text: str) -> float:
    return sum(1.0 if ord(ch) < 0x2E80 else _CJK_WIDTH for ch in text)


def _wrapped_height(text: str, width: float) -> float:
    """Height (points) of ``text`` wrapped in a cell ``width`` character units wide."""
    lines = sum(max(1, -(-int(_text_width(part) + 1) // max(1, int(width))))
                for part in text.split("\n"))
    return lines * _LINE_PT + 3


def _banner(spec: SheetSpec, rows: range) -> None:
    """Rows above the table merged across its width, wrapped, as tall as their text."""
    width = sum(spec.widths)
    for r in rows:
        spec.merged_rows.add(r)
        text = str(spec.rows[r][0]) if spec.rows[r] else ""
        height = _wrapped_height(text, width)
        if height > _LINE_PT + 3:
            spec.row_heights[r] = height


def _overview(report: Report, s: Summary, apart: str | None = None, sheets: str = "") -> SheetSpec:
    """整改总体情况; ``apart`` says how the notice counts measures listed in one cell (this sheet
    counts the ledger's rows): said after the totals sentence, so that the two counts agree."""
    c = s.counts
    # a ledger of 问题类别 and no 方面 is broken down by its categories, not one row "（未分方面）"
    by, parts = ("类别", s.per_category) if not s.aspects and s.per_category else ("方面", s.per_aspect)
    rows: list[list[Any]] = [
        ["整改总体情况"],
        [_as_of_line(report) + sheets],
        [totals_sentence(s) + (f"（本表按台账行计措施；{apart}。）" if apart else "")],
        list(_OVERVIEW_HEADER),
        ["问题方面", s.aspects], ["问题类别", s.categories], ["问题", s.issues],
        ["整改措施", c.measures], ["已完成", c.done], ["其中：已验收待销号", c.accepted], ["其中：已销号", c.closed],
        ["基本完成", c.mostly_done], ["正在推进", c.in_progress], ["长期坚持", c.long_term],
        ["未启动", c.not_started], ["状态未明确", c.unknown], ["已逾期", c.overdue], ["已延期", c.extended],
        ["措施完成率", round(c.rate, 4)], ["措施销号率", round(c.closure_rate, 4)],
        [],
        [by, "完成率", "措施", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "逾期"],
    ]
    rate_rows = [i for i, r in enumerate(rows) if r and r[0] in ("措施完成率", "措施销号率")]
    first = len(rows)
    for title, counts in parts:
        # each status its own column, as the totals above count them (基本完成 had been added
        # into 正在推进, and 未启动 left out, so the rows did not add up to the totals)
        rows.append([title, round(counts.rate, 4), counts.measures, counts.done, counts.mostly_done,
                     counts.in_progress, counts.long_term, counts.not_started, counts.overdue])
    spec = SheetSpec("整改总体情况", rows, 3, [36, 10, 7, 7, 8, 8, 8, 7, 7], autofilter=False,
                     print_setup=PrintSetup(title_rows=(0, 1)))
    spec.bold_rows = {0, 3, first - 1}
    spec.row_fills = {first - 1: _HEADER_FILL}
    spec.percent_cells = [(r, 1) for r in rate_rows] + [(r, 1) for r in range(first, len(rows))]
    _banner(spec, range(0, 3))
    if parts:
        # below the tables, on a printed page of its own (a chart is never cut by a page break)
        spec.chart = (f"各{by}整改措施完成率", first, len(rows) - 1)
        spec.chart_row = len(rows) + 1
        spec.page_breaks = {len(rows)}
    return spec


def _detail(rows_in: list[DetailRow]) -> SheetSpec:
    rows: list[list[Any]] = [
        ["整改明细（方面 → 类别 → 问题 → 措施）"],
        list(_DETAIL_HEADER),
    ]
    spec = SheetSpec("整改明细", rows, 1, [6, 12, 56, 10, 7, 7, 6, 16, 10, 16, 7, 6, 8])
    level_names = {1: "方面", 2: "类别", 3: "问题", 4: "措施"}
    fills = {g.value: color for g, color in GRADE_FILLS.items()}  # by the grade's word, as rows hold it
    for d in rows_in:
        rows.append([level_names[d.level], d.label, d.text, d.status, d.counts.measures, d.counts.done,
                     d.counts.overdue, d.owner, d.lead, d.deadline, d.row, d.grade, d.stage])
        r = len(rows) - 1
        if d.grade:
            spec.cell_fills[(r, 11)] = fills[d.grade]
        if d.level > 1:
            spec.outline[r] = d.level - 1
        if d.level <= 2:
            spec.bold_rows.add(r)
        if d.level == 4 and d.overdue:
            spec.row_fills[r] = HIGHLIGHTS[0].color
    spec.bold_rows |= {0, 1}
    _banner(spec, range(0, 1))
    return spec


def _warn_legend(warn_days: tuple[int, ...]) -> str:
    """"预警：逾期红色，到期前10天内橙色、20天内黄色，长期坚持蓝色，已完成绿色"."""
    parts = ["逾期红色"]
    if len(warn_days) > 1:
        parts.append(f"到期前{min(warn_days)}天内橙色、{max(warn_days)}天内黄色")
    elif warn_days:
        parts.append(f"到期前{warn_days[0]}天内黄色")
    return "预警：" + "，".join([*parts, "长期坚持蓝色", "已完成绿色"])


#: the 预警 columns of 责任单位统计: (header, Counts attribute, grade)
_GRADE_COLUMNS = (("红", "red", Grade.RED), ("橙", "orange", Grade.ORANGE), ("黄", "yellow", Grade.YELLOW),
                  ("蓝", "blue", Grade.BLUE), ("绿", "green", Grade.GREEN))

#: the header rows of the summary sheets (and what tells each for rectxl's, see OUTPUT_HEADERS)
_OVERVIEW_HEADER = ("项目", "数量")
_DETAIL_HEADER = ("层级", "编号", "内容", "状态", "措施数", "已完成", "逾期", "责任单位", "责任领导", "整改时限",
                  "台账行", "预警", "销号")
_UNITS_HEADER = ("责任单位", "措施数", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "逾期", "完成率",
                 "已销号", "销号率", *(h for h, _, _ in _GRADE_COLUMNS), "已延期")
_OVERDUE_HEADER = ("台账行", "编号", "整改措施", "责任单位", "责任领导", "整改时限", "到期日", "逾期天数", "状态")
#: the columns after the ones that tell the sheet (added later: a 逾期清单 written before them is
#: still told for rectxl's by its first nine)
_OVERDUE_MORE = ("责任人",)


def _units(s: Summary) -> SheetSpec:
    rows: list[list[Any]] = [
        [f"责任单位统计（{_warn_legend(s.warn_days)}）"],
        list(_UNITS_HEADER),
    ]
    for u in s.units:
        c = u.counts
        rows.append([u.unit, c.measures, c.done, c.mostly_done, c.in_progress, c.long_term,
                     c.not_started, c.overdue, round(c.rate, 4), c.closed, round(c.closure_rate, 4),
                     *(getattr(c, attr) for _, attr, _ in _GRADE_COLUMNS), c.extended])
    spec = SheetSpec("责任单位统计", rows, 1, [24, 8, 8, 8, 8, 8, 8, 8, 10, 8, 10, 5, 5, 5, 5, 5, 8])
    spec.bold_rows = {0, 1}
    spec.percent_cells = [(r, c) for r in range(2, len(rows)) for c in (8, 10)]
    spec.cell_fills = {(1, 11 + i): GRADE_FILLS[g] for i, (_, _, g) in enumerate(_GRADE_COLUMNS)}
    _banner(spec, range(0, 1))
    return spec


def _overdue(s: Summary) -> SheetSpec:
    rows: list[list[Any]] = [
        ["逾期清单"],
        [*_OVERDUE_HEADER, *_OVERDUE_MORE],
    ]
    # which sheet's row 11, when the ledger was read from several (a Word ledger's tables 表格1, 表格2 …)
    several_sheets = len(s.sheets) > 1 or len({d.sheet for d in s.overdue}) > 1
    for d in s.overdue:
        days = (s.as_of - d.due).days if d.due else ""
        where = f"{d.sheet}!{d.row}" if several_sheets else d.row
        rows.append([where, d.label, d.text, d.owner, d.lead, d.deadline,
                     cn_date(d.due) if d.due else "立行立改", days, d.status, d.person])
    spec = SheetSpec("逾期清单", rows, 1, [8, 6, 56, 16, 10, 16, 12, 8, 10, 10])
    spec.bold_rows = {0, 1}
    _banner(spec, range(0, 1))
    if s.late_items:
        # measures listed in one cell whose row is not overdue, one of them past its own deadline and
        # by its own status not done: below the rows, counted apart (the totals count rows)
        spec.autofilter = False  # a filter over two tables would hide rows of the second
        rows.append([])
        rows.append([f"一格多项措施中已过时限的（{len(s.late_items)}项：所在行的整改时限未到，不计入已逾期；"
                     "该项自己的时限已过，状态未完成）"])
        rows.append([*_OVERDUE_HEADER, *_OVERDUE_MORE])
        spec.bold_rows |= {len(rows) - 2, len(rows) - 1}
        spec.row_fills[len(rows) - 1] = _HEADER_FILL
        for d in s.late_items:
            rows.append([f"{d.sheet}!{d.row}" if several_sheets and d.sheet else d.row, d.label, d.text, d.owner,
                         d.lead, d.deadline, cn_date(d.due) if d.due else "立行立改",
                         (s.as_of - d.due).days if d.due else "", d.status, d.person])
    if s.extended:
        # the extended measures below the overdue ones: both deadlines on record (延期清单)
        spec.autofilter = False  # a filter over two tables would hide rows of the second
        rows.append([])
        rows.append([f"延期清单（{len(s.extended)}项：原整改时限与延期后的时限）"])
        rows.append(["台账行", "编号", "整改措施", "责任单位", "延期次数", "整改时限（原文）", "原定时限", "延期至",
                     "状态"])
        spec.bold_rows |= {len(rows) - 2, len(rows) - 1}
        spec.row_fills[len(rows) - 1] = _HEADER_FILL
        for e in s.extended:
            rows.append([f"{e.sheet}!{e.row}" if several_sheets and e.sheet else e.row, e.label, e.text, e.owner,
                         e.times, e.deadline,
                         cn_date(e.original_due) if e.original_due else "（未注明）",
                         cn_date(e.due) if e.due else "", e.status + ("（延期后仍逾期）" if e.overdue else "")])
            if e.overdue:
                spec.row_fills[len(rows) - 1] = GRADE_FILLS[Grade.RED]
    return spec


#: rectxl's sheet name → (0-based row, its text): the header row that tells a sheet of that name
#: for one rectxl wrote (after a save that renumbered the sheets, see rectxl.io.marks)
OUTPUT_HEADERS: dict[str, tuple[int, tuple[str, ...]]] = {
    FINDINGS_SHEET: (4, _FINDINGS_HEADER),
    "整改总体情况": (3, _OVERVIEW_HEADER),
    "整改明细": (1, _DETAIL_HEADER),
    "责任单位统计": (1, _UNITS_HEADER),
    "逾期清单": (1, _OVERDUE_HEADER),
}
