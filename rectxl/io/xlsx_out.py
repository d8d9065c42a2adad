"""Write output sheets and highlights into .xlsx files with openpyxl (the file-side renderer of
:mod:`rectxl.core.sheets`), and remove them again exactly (清除标记).

Colouring a flagged cell is the only change made to a user's own sheet. The original fill of
every coloured cell is recorded in the very-hidden sheet ``rectxl标记`` so that clearing puts
back exactly what was there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Color, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookT
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import Outline
from openpyxl.worksheet.worksheet import Worksheet

from rectxl.core.errors import RectxlError
from rectxl.core.model import Ledger
from rectxl.core.report import safe_cell_text
from rectxl.core.sheets import (
    FINDINGS_SHEET,
    MARKS_SHEET,
    OUTPUT_SHEETS,
    SheetSpec,
    findings_sheet,
    highlight_cells,
    summary_sheets,
)
from rectxl.core.validate import Report
from rectxl.io.atomic import atomic_path
from rectxl.io.memory import gc_paused

__all__ = [
    "annotate_file",
    "clear_file",
    "clear_workbook",
    "load_for_edit",
    "write_spec",
    "write_summary_file",
]

_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")


def load_for_edit(path: Path) -> WorkbookT:
    """Load a workbook to write into, keeping its VBA project when it is an .xlsm."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise RectxlError(f"{path.name} 是 {path.suffix} 格式,只能在 .xlsx/.xlsm 台账上标记:请在 Excel 中另存为 .xlsx"
                          "后再标记(检查、汇总和生成通报可直接使用 .xls/.ods)")
    try:
        return load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", rich_text=True)
    except Exception as exc:
        raise RectxlError(f"无法打开 {path.name} 进行写入:{type(exc).__name__}") from None


def write_spec(wb: WorkbookT, spec: SheetSpec) -> Worksheet:
    """(Re)create sheet ``spec.name`` at the end of ``wb`` with the spec's values and formats."""
    if spec.name in wb.sheetnames:
        del wb[spec.name]
    ws = wb.create_sheet(spec.name)
    # The table below the header is written wrapped, every cell up to the sheet's width: built
    # with its style rather than styled afterwards (the 整改明细 sheet of a 100,000-measure
    # ledger has over a million cells). Alignments are registered in the order of assignment.
    width = max((len(row) for row in spec.rows), default=0) or 1
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wb._alignments.add(header_alignment)
    wrapped = StyleArray()
    wrapped.alignmentId = wb._alignments.add(Alignment(vertical="top", wrap_text=True))
    for i, row in enumerate(spec.rows):
        values = [safe_cell_text(v) for v in row]
        if i <= spec.header_row:
            ws.append(values)
        else:
            ws.append([Cell(ws, value=v, style_array=wrapped) for v in values]
                      + [Cell(ws, style_array=wrapped) for _ in range(width - len(values))])
    bold = Font(bold=True)
    for r in sorted(spec.bold_rows):
        for c in range(1, width + 1):
            ws.cell(r + 1, c).font = bold
    for c, col_width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = col_width
    ncols = len(spec.widths)
    for c in range(1, width + 1):
        cell = ws.cell(spec.header_row + 1, c)
        cell.fill = _HEADER_FILL
        cell.alignment = header_alignment
    for r, color in spec.row_fills.items():
        fill = PatternFill("solid", fgColor=color)
        for c in range(1, ncols + 1):
            ws.cell(r + 1, c).fill = fill
    for (r, c), color in spec.cell_fills.items():
        ws.cell(r + 1, c + 1).fill = PatternFill("solid", fgColor=color)
    link_font = Font(color="0563C1", underline="single")
    for (r, c), (sheet, ref) in spec.links.items():
        cell = ws.cell(r + 1, c + 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{ref}", display=str(cell.value))
        cell.font = link_font
    for r, c in spec.percent_cells:
        ws.cell(r + 1, c + 1).number_format = "0%"
    if spec.outline:
        ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=False)
        for r, level in spec.outline.items():
            ws.row_dimensions[r + 1].outline_level = level
    ws.freeze_panes = ws.cell(spec.header_row + 2, 1)
    if spec.autofilter and len(spec.rows) > spec.header_row + 1:
        ws.auto_filter.ref = f"A{spec.header_row + 1}:{get_column_letter(ncols)}{len(spec.rows)}"
    if spec.chart:
        title, first, last = spec.chart
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.y_axis.title = "完成率"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=first + 1, max_row=last + 1), titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last + 1))
        chart.height = max(6.0, 1.2 * (last - first + 1) + 3)
        chart.width = 18
        ws.add_chart(chart, f"I{spec.header_row + 1}")
    return ws


def _color_dict(color: Color | None) -> dict[str, Any] | None:
    if color is None:
        return None
    return {"type": color.type, "value": color.value, "tint": color.tint}


def _color_from(data: dict[str, Any] | None) -> Color | None:
    if data is None:
        return None
    kind = data["type"]
    kwargs: dict[str, Any] = {"tint": data["tint"]}
    if kind == "rgb":
        kwargs["rgb"] = data["value"]
    elif kind == "theme":
        kwargs["theme"] = data["value"]
    elif kind == "indexed":
        kwargs["indexed"] = data["value"]
    else:
        kwargs["auto"] = data["value"]
    return Color(**kwargs)


def _fill_json(fill: PatternFill) -> str:
    return json.dumps({"fill_type": fill.fill_type, "fg": _color_dict(fill.fgColor),
                       "bg": _color_dict(fill.bgColor)})


def _fill_from(text: str) -> PatternFill:
    data = json.loads(text)
    return PatternFill(fill_type=data["fill_type"], fgColor=_color_from(data["fg"]), bgColor=_color_from(data["bg"]))


def clear_workbook(wb: WorkbookT) -> int:
    """Undo rectxl's marks: restore recorded fills, drop rectxl's sheets. Returns cells restored."""
    restored = 0
    if MARKS_SHEET in wb.sheetnames:
        marks = wb[MARKS_SHEET]
        for sheet, ref, fill in marks.iter_rows(min_row=2, values_only=True):
            if sheet in wb.sheetnames and ref and fill:
                wb[str(sheet)][str(ref)].fill = _fill_from(str(fill))
                restored += 1
    for name in OUTPUT_SHEETS:
        if name in wb.sheetnames:
            del wb[name]
    return restored


def _mark(wb: WorkbookT, sheet: str, cells: dict[str, Any]) -> None:
    ws = wb[sheet]
    marks = wb.create_sheet(MARKS_SHEET)
    marks.append(["sheet", "cell", "original_fill"])
    for ref, highlight in cells.items():
        cell = ws[ref]
        marks.append([sheet, ref, _fill_json(cell.fill)])
        cell.fill = PatternFill("solid", fgColor=highlight.color)
    marks.sheet_state = "veryHidden"


def annotate_file(source: Path, output: Path, report: Report, ledger: Ledger, *, summary: bool = True) -> Path:
    """Write a copy of ``source`` to ``output`` with 校验结果, highlights and summary sheets.

    openpyxl builds an object per cell; the garbage collector is paused meanwhile (see
    :func:`rectxl.io.memory.gc_paused`): with it running, loading and saving a 100,000-row ledger
    takes a third longer."""
    with gc_paused():
        return _annotate_file(source, output, report, ledger, summary=summary)


def _annotate_file(source: Path, output: Path, report: Report, ledger: Ledger, *, summary: bool) -> Path:
    wb = load_for_edit(source)
    clear_workbook(wb)
    if ledger.sheet not in wb.sheetnames:
        raise RectxlError(f"工作簿中找不到台账工作表“{ledger.sheet}”")
    write_spec(wb, findings_sheet(report))
    if summary:
        for spec in summary_sheets(report, ledger):
            write_spec(wb, spec)
    _mark(wb, ledger.sheet, highlight_cells(report, ledger.sheet))
    wb.active = wb.sheetnames.index(FINDINGS_SHEET)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == FINDINGS_SHEET
    _save(wb, output)
    return output


def clear_file(source: Path, output: Path) -> int:
    """Write ``source`` without rectxl's marks and sheets to ``output``; returns cells restored."""
    wb = load_for_edit(source)
    if MARKS_SHEET not in wb.sheetnames and not any(n in wb.sheetnames for n in OUTPUT_SHEETS):
        raise RectxlError(f"{source.name} 中没有 rectxl 的标记,无需清除")
    restored = clear_workbook(wb)
    wb.active = 0
    for i, ws in enumerate(wb.worksheets):
        ws.sheet_view.tabSelected = i == 0
    _save(wb, output)
    return restored


def write_summary_file(output: Path, report: Report, ledger: Ledger) -> Path:
    """A new workbook holding only the summary sheets."""
    wb = Workbook()
    default = wb.active
    for spec in summary_sheets(report, ledger):
        write_spec(wb, spec)
    if default is not None:
        wb.remove(default)
    _save(wb, output)
    return output


def _save(wb: WorkbookT, output: Path) -> None:
    try:
        with atomic_path(output) as tmp:
            wb.save(tmp)
    finally:
        # openpyxl keeps an .xlsm's VBA parts in an in-memory zip it never closes; close it now
        # rather than whenever the garbage collector gets to the workbook
        if wb.vba_archive is not None:
            wb.vba_archive.close()

