"""Output sheets as data: the layout of 校验结果 and the summary sheets, and which ledger cells
to colour. Pure — two renderers write these specs: openpyxl for files (``rectxl.io.xlsx_out``)
and xlwings for a live workbook (``rectxl.excel``), so both produce the same sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rectxl.core.findings import SEVERITY_LABELS, Severity
from rectxl.core.model import Ledger
from rectxl.core.names import FINDINGS_SHEET, MARKS_SHEET, OUTPUT_SHEETS, SUMMARY_SHEETS
from rectxl.core.summary import DetailRow, Summary, detail_rows, summarize, totals_sentence
from rectxl.core.validate import Report

__all__ = [
    "FINDINGS_SHEET",
    "HIGHLIGHTS",
    "MARKS_SHEET",
    "OUTPUT_SHEETS",
    "SUMMARY_SHEETS",
    "Highlight",
    "SheetSpec",
    "findings_sheet",
    "highlight_cells",
    "summary_sheets",
]



@dataclass(frozen=True)
class Highlight:
    key: str
    label: str
    color: str  # RRGGBB


#: colour categories, in priority order (a cell with several findings takes the first)
HIGHLIGHTS = (
    Highlight("overdue", "已逾期", "FF7C80"),
    Highlight("owner", "缺少责任人/责任单位", "F4B183"),
    Highlight("due", "临期(15天内或今天到期)", "FFE699"),
    Highlight("error", "其他错误", "C9B3E6"),
)
_CODE_HIGHLIGHT = {
    "overdue": "overdue",
    "missing-owner-unit": "owner", "missing-lead": "owner", "missing-owner-person": "owner",
    "due-soon": "due", "due-today": "due",
}


def highlight_cells(report: Report, sheet: str) -> dict[str, Highlight]:
    """Cell (A1) → colour category for findings in ``sheet``; only errors beyond the named codes."""
    order = {h.key: i for i, h in enumerate(HIGHLIGHTS)}
    by_key = {h.key: h for h in HIGHLIGHTS}
    cells: dict[str, Highlight] = {}
    for f in report.findings:
        if not f.cell or f.sheet != sheet:
            continue
        key = _CODE_HIGHLIGHT.get(f.code) or ("error" if f.severity is Severity.ERROR else None)
        if key is None:
            continue
        current = cells.get(f.cell)
        if current is None or order[key] < order[current.key]:
            cells[f.cell] = by_key[key]
    return cells


@dataclass
class SheetSpec:
    """A sheet to write: values plus the few formats that make it readable."""

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
    #: (row, col) 0-based cells shown as percentages
    percent_cells: list[tuple[int, int]] = field(default_factory=list)
    autofilter: bool = True
    chart: tuple[str, int, int] | None = None  # (title, first data row, last data row), cols A/B


def _as_of_line(report: Report) -> str:
    return f"截至日期:{report.as_of.isoformat()}(来源:{report.as_of_source})"


def findings_sheet(report: Report) -> SheetSpec:
    """校验结果: a header block (as-of, counts, SHA-256, colour legend), then one row per finding
    in ledger order with a link from the cell column to the cell."""
    counts = ",".join(f"{SEVERITY_LABELS[s]}{report.count(s)}条" for s in Severity)
    rows: list[list[Any]] = [
        [f"台账校验结果 — {report.source.path or ''}".rstrip(" —")],
        [f"{_as_of_line(report)};共{len(report.findings)}条:{counts};"
         f"{report.aspects}个方面{report.issues}个问题{report.measures}项措施"],
        [f"源文件 SHA-256:{report.source.sha256 or '(未知)'}"],
        ["标记颜色:", *(h.label for h in HIGHLIGHTS)],
        ["序号", "严重程度", "代码", "问题说明", "单元格", "行", "列名", "单元格内容"],
    ]
    header = len(rows) - 1
    spec = SheetSpec(FINDINGS_SHEET, rows, header, [6, 9, 22, 70, 12, 6, 10, 30])
    for i, f in enumerate(report.findings, 1):
        value = f.value
        if isinstance(value, date):
            value = value.isoformat()
        rows.append([i, SEVERITY_LABELS[f.severity], f.code, f.message,
                     f"{f.sheet}!{f.cell}" if f.cell else (f.sheet or ""), f.row, f.field or "",
                     "" if value is None else value])
        if f.cell and f.sheet:
            spec.links[(len(rows) - 1, 4)] = (f.sheet, f.cell)
    spec.bold_rows = {0, header}
    spec.cell_fills = {(3, c): h.color for c, h in enumerate(HIGHLIGHTS, start=1)}
    return spec


def summary_sheets(report: Report, ledger: Ledger) -> list[SheetSpec]:
    """整改总体情况, 整改明细, 责任单位统计, 逾期清单 for ``ledger`` as of the report's date."""
    rows = detail_rows(ledger, report.as_of)
    summary = summarize(ledger, report.as_of, rows=rows)
    return [_overview(report, summary), _detail(rows), _units(summary), _overdue(summary)]


def _pct(rate: float) -> str:
    return f"{rate:.0%}"


def _overview(report: Report, s: Summary) -> SheetSpec:
    c = s.counts
    rows: list[list[Any]] = [
        ["整改总体情况"],
        [_as_of_line(report)],
        [totals_sentence(s)],
        ["项目", "数量"],
        ["问题方面", s.aspects], ["问题类别", s.categories], ["问题", s.issues],
        ["整改措施", c.measures], ["已完成", c.done], ["基本完成", c.mostly_done],
        ["正在推进", c.in_progress], ["长期坚持", c.long_term], ["未启动", c.not_started],
        ["状态未明确", c.unknown], ["已逾期", c.overdue], ["措施完成率", _pct(c.rate)],
        [],
        ["方面", "完成率", "措施", "已完成", "正在推进", "长期坚持", "逾期"],
    ]
    first = len(rows)
    for title, counts in s.per_aspect:
        rows.append([title, round(counts.rate, 4), counts.measures, counts.done,
                     counts.in_progress + counts.mostly_done, counts.long_term, counts.overdue])
    spec = SheetSpec("整改总体情况", rows, 3, [40, 12, 8, 8, 10, 10, 8], autofilter=False)
    spec.bold_rows = {0, 3, first - 1}
    spec.percent_cells = [(r, 1) for r in range(first, len(rows))]
    if s.per_aspect:
        spec.chart = ("各方面整改完成率", first, len(rows) - 1)
    return spec


def _detail(rows_in: list[DetailRow]) -> SheetSpec:
    rows: list[list[Any]] = [
        ["整改明细(方面 → 类别 → 问题 → 措施)"],
        ["层级", "编号", "内容", "状态", "措施数", "已完成", "逾期", "责任单位", "责任领导", "整改时限", "台账行"],
    ]
    spec = SheetSpec("整改明细", rows, 1, [6, 12, 60, 10, 8, 8, 6, 16, 10, 16, 8])
    level_names = {1: "方面", 2: "类别", 3: "问题", 4: "措施"}
    for d in rows_in:
        rows.append([level_names[d.level], d.label, d.text, d.status, d.counts.measures, d.counts.done,
                     d.counts.overdue, d.owner, d.lead, d.deadline, d.row])
        r = len(rows) - 1
        if d.level > 1:
            spec.outline[r] = d.level - 1
        if d.level <= 2:
            spec.bold_rows.add(r)
        if d.level == 4 and d.overdue:
            spec.row_fills[r] = HIGHLIGHTS[0].color
    spec.bold_rows |= {0, 1}
    return spec


def _units(s: Summary) -> SheetSpec:
    rows: list[list[Any]] = [
        ["责任单位统计"],
        ["责任单位", "措施数", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "逾期", "完成率"],
    ]
    for u in s.units:
        c = u.counts
        rows.append([u.unit, c.measures, c.done, c.mostly_done, c.in_progress, c.long_term,
                     c.not_started, c.overdue, _pct(c.rate)])
    spec = SheetSpec("责任单位统计", rows, 1, [24, 8, 8, 8, 8, 8, 8, 8, 8])
    spec.bold_rows = {0, 1}
    return spec


def _overdue(s: Summary) -> SheetSpec:
    rows: list[list[Any]] = [
        ["逾期清单"],
        ["台账行", "编号", "整改措施", "责任单位", "责任领导", "整改时限", "到期日", "逾期天数", "状态"],
    ]
    for d in s.overdue:
        days = (s.as_of - d.due).days if d.due else ""
        rows.append([d.row, d.label, d.text, d.owner, d.lead, d.deadline,
                     d.due.isoformat() if d.due else "立行立改", days, d.status])
    spec = SheetSpec("逾期清单", rows, 1, [8, 6, 60, 16, 10, 16, 12, 8, 10])
    spec.bold_rows = {0, 1}
    return spec
