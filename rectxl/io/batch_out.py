"""The 汇总 workbook of ``rectxl batch`` (sheets 整改统计, 单位汇总, 全部问题, 无法读取).

整改统计 is the round statistics per inspected unit, worst first
(:func:`rectxl.core.batch_report.round_rows`): measures, 完成率, 销号率, overdue, orange and
yellow warnings, extensions.

Every text written into a cell — file names, units, messages, cell values, skip reasons — goes
through :func:`rectxl.core.report.safe_cell_text` (file names come from whoever filled the
folder: ``=HYPERLINK(…).xlsx`` must stay text). The workbook carries rectxl's output marker
(:func:`rectxl.io.outputs.mark_output`), so that a later batch over a folder holding it skips it.
"""

from __future__ import annotations

import os
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from rectxl.core.batch_report import BatchResult, round_rows
from rectxl.core.findings import SEVERITY_LABELS, Severity
from rectxl.core.report import safe_cell_text
from rectxl.core.sheets import GRADE_FILLS
from rectxl.core.timing import Grade
from rectxl.io.atomic import atomic_path
from rectxl.io.ooxml import sheet_parts
from rectxl.io.outputs import mark_output

__all__ = ["BATCH_SHEETS", "WRITTEN_SHEETS", "is_batch_workbook", "write_workbook"]

ROUND_SHEET = "整改统计"
UNIT_SHEET = "单位汇总"
FINDINGS_SHEET = "全部问题"
SKIPPED_SHEET = "无法读取"
_WRAP_STYLE = "rectxl 换行"
_UNIT_HEADER = ["序号", "单位", "文件", "措施数", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "状态不明",
                "逾期", "完成率", "错误", "警告", "提示", "截至日期"]
_ROUND_HEADER = ["排序", "被巡察单位", "台账文件", "措施数", "已完成", "完成率", "已销号", "销号率", "逾期（红）",
                 "橙色预警", "黄色预警", "延期", "截至日期"]
#: header cells of 整改统计 coloured as the grades they count (逾期 red, 橙 orange, 黄 yellow)
_ROUND_FILLS = {"逾期（红）": GRADE_FILLS[Grade.RED], "橙色预警": GRADE_FILLS[Grade.ORANGE],
                "黄色预警": GRADE_FILLS[Grade.YELLOW]}
_FINDING_HEADER = ["序号", "单位", "文件", "严重程度", "代码", "问题说明", "单元格", "行", "列名", "单元格内容"]


def write_workbook(result: BatchResult, output: Path) -> Path:
    """The 汇总 workbook (sheets 单位汇总, 全部问题, 无法读取), links relative to ``output``'s folder.

    Written with openpyxl's streaming writer (one pass, little memory, however many findings);
    saved atomically.
    """
    from openpyxl import Workbook
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    output = Path(output)
    base = output.resolve().parent
    folder = Path(result.folder).resolve()
    wb = Workbook(write_only=True)
    mark_output(wb, "batch")
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    # named styles: assigned by name, cheaper per cell than a font or an alignment
    wb.add_named_style(NamedStyle(_WRAP_STYLE, alignment=Alignment(vertical="top", wrap_text=True)))

    @cache
    def target(rel: str) -> str:
        path = folder / rel
        try:
            return Path(os.path.relpath(path, base)).as_posix()
        except ValueError:  # another drive (Windows): an absolute link
            return path.as_posix()

    @cache
    def linkable(rel: str) -> bool:  # a name shown decoded (GBK) is not the file's real name
        return os.path.lexists(folder / rel)

    def sheet(title: str, header: list[str], widths: list[float]) -> Any:
        ws = wb.create_sheet(title)
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "A2"
        cells = []
        for name in header:
            cell = WriteOnlyCell(ws, name)
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor=_ROUND_FILLS[name]) if name in _ROUND_FILLS else header_fill
            cells.append(cell)
        ws.append(cells)
        return ws

    def text(ws: Any, value: Any) -> Any:
        return WriteOnlyCell(ws, safe_cell_text(value))

    def link(ws: Any, label: str, rel: str, location: str | None = None) -> Any:
        cell = text(ws, label)
        if linkable(rel):
            cell.hyperlink = Hyperlink(ref="", target=target(rel), location=location)
            cell.style = "Hyperlink"  # Excel's own link style
        return cell

    ranked = sheet(ROUND_SHEET, _ROUND_HEADER, [6, 28, 36, 8, 8, 8, 8, 8, 10, 10, 10, 8, 12])
    percent = "0%"
    rows = round_rows(result)
    for i, row in enumerate(rows, start=1):
        rate, closure = WriteOnlyCell(ranked, round(row.rate, 4)), WriteOnlyCell(ranked, round(row.closure_rate, 4))
        rate.number_format = closure.number_format = percent
        files = link(ranked, row.files[0], row.files[0]) if len(row.files) == 1 else text(ranked, "、".join(row.files))
        ranked.append([i, text(ranked, row.unit), files, row.measures, row.done, rate, row.closed, closure,
                       row.overdue, row.orange, row.yellow, row.extended, text(ranked, row.as_of)])
    if rows:
        ranked.auto_filter.ref = f"A1:{get_column_letter(len(_ROUND_HEADER))}{len(rows) + 1}"

    units = sheet(UNIT_SHEET, _UNIT_HEADER, [6, 28, 36, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12])
    for i, r in enumerate(result.ledgers, start=1):
        c = r.counts
        rate = WriteOnlyCell(units, round(r.rate, 4))
        rate.number_format = percent
        units.append([i, safe_cell_text(r.unit), link(units, r.file, r.file), c["measures"], c["done"],
                      c["mostly_done"], c["in_progress"], c["long_term"], c["not_started"], c["unknown"],
                      c["overdue"], rate, r.by_severity["error"], r.by_severity["warning"], r.by_severity["info"],
                      safe_cell_text(r.as_of)])
    t = result.totals()
    total_rate = WriteOnlyCell(units, t["rate"])
    total_rate.number_format = percent
    totals = ["", f"合计（{t['ledgers']} 个台账）", "", t["measures"], t["done"], t["mostly_done"], t["in_progress"],
              t["long_term"], t["not_started"], t["unknown"], t["overdue"], total_rate,
              t["by_severity"]["error"], t["by_severity"]["warning"], t["by_severity"]["info"], ""]
    total_cells = []
    for value in totals:
        cell = value if isinstance(value, Cell) else WriteOnlyCell(units, value)
        cell.font = bold
        total_cells.append(cell)
    units.append(total_cells)
    units.auto_filter.ref = f"A1:{get_column_letter(len(_UNIT_HEADER))}{len(result.ledgers) + 1}"

    findings = sheet(FINDINGS_SHEET, _FINDING_HEADER, [7, 24, 30, 8, 22, 70, 12, 6, 10, 30])
    n = 0
    for r in result.ledgers:
        unit = safe_cell_text(r.unit)
        for f in r.findings:
            n += 1
            message = text(findings, f["message"])
            message.style = _WRAP_STYLE
            value = f["value"]
            if f["cell"] and f["sheet"]:  # one link per finding: to the cell, in the source file
                file_cell: Any = text(findings, r.file)
                sheet_name = str(f["sheet"]).replace("'", "''")
                where = link(findings, f"{f['sheet']}!{f['cell']}", r.file, f"'{sheet_name}'!{f['cell']}")
            else:
                file_cell, where = link(findings, r.file, r.file), text(findings, f["sheet"] or "")
            findings.append([
                n, unit, file_cell, SEVERITY_LABELS[Severity(f["severity"])], text(findings, f["code"]), message,
                where, f["row"], text(findings, f["field"] or ""), "" if value is None else safe_cell_text(value),
            ])
    findings.auto_filter.ref = f"A1:{get_column_letter(len(_FINDING_HEADER))}{n + 1}"

    skipped = sheet(SKIPPED_SHEET, ["序号", "文件", "原因"], [6, 40, 90])
    for i, s in enumerate(result.skipped, start=1):
        skipped.append([i, link(skipped, s.file, s.file), text(skipped, s.reason)])
    if not result.skipped:
        skipped.append(["", "（无）", "所有台账文件均已读取"])
    with atomic_path(output) as tmp:
        wb.save(tmp)
    return output


#: the sheets of a 汇总 workbook written before 整改统计 existed — exactly what
#: :func:`rectxl.io.outputs.output_kind` recognises in a workbook without rectxl's marker
BATCH_SHEETS = (UNIT_SHEET, FINDINGS_SHEET, SKIPPED_SHEET)
#: the sheets written now (the workbook carries the marker)
WRITTEN_SHEETS = (ROUND_SHEET, *BATCH_SHEETS)


def is_batch_workbook(path: Path) -> bool:
    """A workbook ``rectxl batch`` wrote (its sheets are exactly 整改统计, 单位汇总, 全部问题, 无法读取,
    or the last three, as earlier versions wrote them)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return tuple(sheet_parts(zf)) in (WRITTEN_SHEETS, BATCH_SHEETS)
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
