"""What a clerk is told to do with a status that is missing or cannot be read depends on the sheet:
one whose status column has no drop-down list (most county ledgers) is asked to fill in one of the
five words — "请从下拉列表选择" had sent the clerk looking for a list that is not there; one with a
drop-down is asked to pick from it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from rectxl import api
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态")


def _ledger(path: Path) -> Path:
    rows = [
        {"issue": 1, "整改措施": "制定年度学习计划", "责任单位": "党政办", "责任人": "李明",
         "整改时限": "2026年12月31日", "整改状态": ""},
        {"issue": 2, "整改措施": "开展村级财务专项审计", "责任单位": "财政所", "责任人": "赵敏",
         "整改时限": "2026年12月31日", "整改状态": "待定"},
    ]
    return write_ledger(path, HEADER, rows, unit="某某县白沙镇")


def _advice(path: Path) -> dict[str, str]:
    return {f.code: f.message for f in api.check(path).findings if f.code in ("missing-status", "bad-status")}


def test_a_sheet_with_no_drop_down_is_asked_to_fill_in_a_status(tmp_path: Path) -> None:
    found = _advice(_ledger(tmp_path / "白沙镇整改台账.xlsx"))
    assert set(found) == {"missing-status", "bad-status"}
    for message in found.values():
        assert "下拉列表" not in message, message
        assert "请填写“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”之一" in message, message


def test_a_sheet_with_a_drop_down_is_asked_to_pick_from_it(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "白沙镇整改台账.xlsx")
    wb = load_workbook(path)
    ws = wb["台账"]
    listed = DataValidation(type="list", formula1='"已完成,基本完成,正在推进,长期坚持,未启动"', allow_blank=True)
    listed.add("H4:H5")
    ws.add_data_validation(listed)
    wb.save(path)
    found = _advice(path)
    assert set(found) == {"missing-status", "bad-status"}
    assert all("请从下拉列表选择" in message for message in found.values()), found
