"""Ledgers round twenty-three: workbooks as other county, township and city offices and companies
make them — a dated snapshot sheet beside the live ledger, a clerk's old column hidden, titles and
report dates built by formulas, and more. Every workbook is built here; units, people and texts
are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from rectxl.api import check, summary_workbook
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger

AS_OF = date(2026, 11, 30)

_HEAD = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展",
         "佐证材料"]


def _rows() -> list[list[Any]]:
    return [
        [1, "理论学习流于形式。", "制定年度学习计划，每月集中学习一次。", "王书记", "办公室", "李明", "2026年6月30日",
         "已完成", "已制定计划并印发。", "学习计划"],
        [2, "财务审批把关不严。", "修订财务审批制度。", "赵局长", "财务股", "陈芳", "2026年12月31日", "正在推进",
         "已形成初稿。", None],
        [3, "档案管理混乱。", "聘请专业机构整理档案。", "赵局长", "办公室", "李明", "2026年9月30日", "正在推进",
         "已整理一半。", None],
    ]


def _ledger_sheet(ws: Any, rows: list[list[Any]], title: str = "东山县水利局巡察反馈问题整改台账") -> None:
    ws.append([title])
    ws.merge_cells("A1:J1")
    ws.append(_HEAD)
    for r in rows:
        ws.append(r)


def _findings(path: Path) -> list[Any]:
    return list(check(path, Options(as_of=AS_OF)).findings)


def test_the_undated_sheet_is_read_before_its_dated_snapshot(tmp_path: Path) -> None:
    """台账 and 台账（11月30日） holding the same rows: the clerk keeps filling in 台账, the dated sheet
    is the copy kept on that day. rectxl had read the dated copy (the later sheet), so the overdue
    row was pointed at in the snapshot, where fixing it changes nothing."""
    path = tmp_path / "水利局台账.xlsx"
    wb = openpyxl.Workbook()
    live = wb.active
    live.title = "台账"
    _ledger_sheet(live, _rows())
    _ledger_sheet(wb.create_sheet("台账（11月30日）"), _rows())
    wb.save(path)
    findings = _findings(path)
    overdue = [f for f in findings if f.code == "overdue"]
    assert [(f.sheet, f.cell) for f in overdue] == [("台账", "G5")]
    aside = [f for f in findings if f.code == "ledger-copy-set-aside"]
    assert [f.sheet for f in aside] == ["台账（11月30日）"]
    # the message says why this one was read, not the other
    assert "未标日期" in aside[0].message and "只校验了“台账”" in aside[0].message
    assert read_ledger(path).sheets[0].name == "台账"


def test_the_summary_says_which_of_two_copies_it_counted(tmp_path: Path) -> None:
    """The summary workbook counted one of two copies of the ledger without saying which."""
    path = tmp_path / "水利局台账.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    _ledger_sheet(wb.active, _rows())
    _ledger_sheet(wb.create_sheet("台账（11月30日）"), _rows())
    wb.save(path)
    _, out = summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF))
    lines = [str(c.value) for c in openpyxl.load_workbook(out)["整改总体情况"]["A"] if c.value]
    assert any("读取工作表：台账" in line and "“台账（11月30日）”" in line for line in lines)


def test_a_hidden_old_copy_of_a_column_is_no_duplicate_header(tmp_path: Path) -> None:
    """A clerk keeps last round's 整改措施 as a hidden column left of the current one: rectxl read
    the visible column but still told duplicate-header, asking to delete a column nobody sees."""
    path = tmp_path / "隐藏旧列.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["东山县水利局巡察反馈问题整改台账"])
    ws.append([*_HEAD[:2], "整改措施", *_HEAD[2:]])
    for k, row in enumerate(_rows(), 1):
        ws.append([*row[:2], f"第一稿措施{k}", *row[2:]])
    ws.column_dimensions["C"].hidden = True
    wb.save(path)
    findings = _findings(path)
    assert "duplicate-header" not in {f.code for f in findings}
    # the visible column is the one read
    assert [(f.code, f.cell) for f in findings if f.code == "overdue"] == [("overdue", "H5")]
    measures = [m.text for a in read_ledger(path).aspects for c in a.categories for i in c.issues for m in i.measures]
    assert measures[0].startswith("制定年度学习计划")


def test_two_visible_columns_of_one_name_are_still_told(tmp_path: Path) -> None:
    """Two visible 整改措施 columns: the clerk is still asked which one is meant."""
    path = tmp_path / "两列措施.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([*_HEAD[:2], "整改措施", *_HEAD[2:]])
    for k, row in enumerate(_rows(), 1):
        ws.append([*row[:2], f"第一稿措施{k}", *row[2:]])
    wb.save(path)
    assert ("duplicate-header", "D1") in {(f.code, f.cell) for f in _findings(path)}
