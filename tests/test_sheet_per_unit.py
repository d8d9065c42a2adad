"""A ledger kept a sheet per 股室 (办公室 | 财务股 | 人事股), no 责任单位 column: every measure of a
sheet is the unit its name names — it had been three header-missing errors, and no unit in the
summary or the letters. Sheets not named as units (Sheet1, 台账（一）, an aspect's name) or a
sheet with its own 责任单位 column are read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.api import check
from rectxl.io.reader import read_ledger


def _workbook(path: Path, names: list[str], *, unit_column: bool = False) -> Path:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name in names:
        ws = wb.create_sheet(name)
        ws.append([f"{name}巡察整改台账"])
        unit = ["责任单位"] if unit_column else []
        ws.append(["序号", "问题", "整改措施", *unit, "责任人", "整改时限", "整改状态"])
        for i in range(1, 3):
            ws.append([i, f"{name}问题{i}：制度执行不严格", f"完善制度第{i}项（{name}）",
                       *(["综合股"] if unit_column else []), "张三", "2025年6月底前", "已完成"])
    wb.save(path)
    return path


def test_each_sheet_is_its_units(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "台账.xlsx", ["办公室", "财务股", "城关镇", "县委办"])
    report = check(path)
    assert "header-missing" not in {f.code for f in report.findings}
    ledger = read_ledger(path)
    assert [(m.sheet, m.owner_unit) for m in ledger.measures()][::2] == [
        ("办公室", "办公室"), ("财务股", "财务股"), ("城关镇", "城关镇"), ("县委办", "县委办")]
    assert [s.unit_from_name for s in ledger.sheets] == ["办公室", "财务股", "城关镇", "县委办"]


@pytest.mark.parametrize("names", [["Sheet1", "Sheet2"], ["台账（一）", "台账（二）"], ["政治建设方面", "作风建设方面"],
                                   ["办公室"]])
def test_sheets_not_named_as_units_still_lack_the_column(tmp_path: Path, names: list[str]) -> None:
    report = check(_workbook(tmp_path / "台账.xlsx", names))
    missing = [f for f in report.findings if f.code == "header-missing" and f.field == "责任单位"]
    assert len(missing) == len(names)


def test_a_sheets_own_unit_column_is_read(tmp_path: Path) -> None:
    ledger = read_ledger(_workbook(tmp_path / "台账.xlsx", ["办公室", "财务股"], unit_column=True))
    assert {m.owner_unit for m in ledger.measures()} == {"综合股"}
    assert all(s.unit_from_name is None for s in ledger.sheets)


def test_a_sheet_named_as_its_units_ledger(tmp_path: Path) -> None:
    # "财务股台账", "办公室整改台账": the unit's name, then what the sheet is
    ledger = read_ledger(_workbook(tmp_path / "台账.xlsx", ["办公室整改台账", "财务股台账"]))
    assert {(m.sheet, m.owner_unit) for m in ledger.measures()} == {
        ("办公室整改台账", "办公室"), ("财务股台账", "财务股")}
