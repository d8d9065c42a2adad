"""Round twenty-eight: workbooks as clerks keep them — marked, sorted and typed into, coloured by
conditional formats, saved by WPS, LibreOffice and Excel — through ``rectxl check``,
``rectxl annotate`` / ``--clear`` and the Excel buttons (the COM stand-in). Built here with
openpyxl the way a county office would (units, people and texts are fictional)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from rectxl import excel as rx
from rectxl.core.rules import Options
from rectxl.core.sheets import MARKS_SHEET
from tests.com_standin import Excel, solid_fills, workbook_of

SHEET = "整改台账"
GREEN, YELLOW = "92D050", "FFFF00"


def _civil_affairs_ledger(path: Path) -> Path:
    """A civil-affairs bureau's ledger: a merged title, two measures without 责任人 (one of them
    the clerk had filled green), deadlines passed, the clerk's own yellow on a 备注."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["县民政局巡察整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "问题描述", "整改措施", "责任科室", "责任人", "整改时限", "整改状态", "备注"])
    for row in ([1, "社会救助审核不严", "开展低保复核", "救助股", "刘洋", "2026年6月30日", "正在推进", ""],
                [2, "养老机构消防隐患", "全面排查整治", "养老股", None, "2026年8月31日", "正在推进", "重点"],
                [3, "殡葬改革推进慢", "制定实施方案", "社事股", "陈华", "2027年6月30日", "正在推进", ""],
                [4, "婚姻登记窗口服务差", "开展作风整顿", "婚登处", None, "2026年5月31日", "已完成", ""],
                [5, "专项资金管理不规范", "规范资金拨付", "计财股", "黄丽", "2026年3月31日", "正在推进", ""]):
        ws.append(row)
    ws["H4"].fill = PatternFill("solid", fgColor=YELLOW)
    ws["E4"].fill = PatternFill("solid", fgColor=GREEN)  # the clerk's green, on a cell rectxl marks
    wb.save(path)
    return path


def _fills(book: Any) -> dict[str, str]:
    return {ref: c for ref, c in solid_fills(workbook_of(book).wb[SHEET]).items() if c}


def _sort_by_office(ws: Any) -> None:
    """Excel's 排序 by 责任科室: the measure rows reordered, values and formats together."""
    rows = [[(ws.cell(r, c).value, copy.copy(ws.cell(r, c)._style)) for c in range(1, 9)] for r in range(3, 8)]
    rows.sort(key=lambda row: str(row[3][0]))
    for i, row in enumerate(rows):
        for c, (value, style) in enumerate(row, 1):
            ws.cell(3 + i, c).value, ws.cell(3 + i, c)._style = value, style


def _row_of(ws: Any, office: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == office)


@pytest.mark.parametrize("moved", ["sorted", "row inserted above"])
def test_marks_moved_and_typed_into_never_give_the_clerks_fill_to_another_row(tmp_path: Path, moved: str) -> None:
    """标记问题, then the clerk sorts the rows (or inserts a 填报单位 row above the table) and fills
    in the missing 责任人 and retouches each 问题描述 — two cells of every marked row changed, so
    no mark can be followed by its row's texts. 清除标记 had given the clerk's green to whichever
    cell now stood at the recorded address (another row's 责任人) and left the green row in
    rectxl's orange, saying nothing. Now: no fill lands on a row it was not on; the cells it
    cannot tell apart keep rectxl's colour, are named, and stay on record — a later clear, once
    the clerk has set them by hand, finishes."""
    excel = Excel()
    book = excel.open(_civil_affairs_ledger(tmp_path / "民政局台账.xlsx"))
    assert rx.flag(book, Options(as_of=dt.date(2026, 12, 1))) is not None, excel.alerts
    ws = workbook_of(book).wb[SHEET]
    if moved == "sorted":
        _sort_by_office(ws)
    else:
        ws.insert_rows(2)
        ws["A2"] = "填报单位：县民政局"
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, 4).value and ws.cell(r, 1).value != "序号":
            ws.cell(r, 2).value = f"{ws.cell(r, 2).value}（已整改）"
            if ws.cell(r, 5).value is None:
                ws.cell(r, 5).value = "待定"
    elderly, marriage = _row_of(ws, "养老股"), _row_of(ws, "婚登处")
    rx.clear(book)
    said = excel.alerts[-1]["prompt"]
    fills = _fills(book)
    # the clerk's green is on no other row's cell; the yellow 备注 kept, on its row
    assert fills.get(f"E{marriage}") != GREEN and fills[f"H{elderly}"] == YELLOW
    assert GREEN not in {c for ref, c in fills.items() if ref != f"E{elderly}"}
    # the two 责任人 cells still in rectxl's colour are named, and kept on record
    stuck = sorted({f"E{elderly}", f"E{marriage}"}, key=lambda ref: int(ref[1:]))
    assert {fills[ref] for ref in stuck} == {"F4B183"}
    assert f"（{'、'.join(stuck)}）" in said and "未作改动" in said
    assert any(name.startswith(MARKS_SHEET) for name in workbook_of(book).wb.sheetnames)
    # every deadline mark is given back (the overdue colour of a moved row too)
    assert not {ref for ref, c in fills.items() if ref.startswith("F")}
    # the clerk sets the two cells by hand; the next clear finds nothing more and drops the record
    ws[f"E{elderly}"].fill = PatternFill("solid", fgColor=GREEN)
    ws[f"E{marriage}"].fill = PatternFill(fill_type=None)
    rx.clear(book)
    assert _fills(book) == {f"E{elderly}": GREEN, f"H{elderly}": YELLOW}
    assert not any(name.startswith(MARKS_SHEET) for name in workbook_of(book).wb.sheetnames)
