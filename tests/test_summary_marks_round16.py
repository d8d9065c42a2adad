"""The summary's 整改明细 and 逾期清单 number each measure as the notice does (一是, "2.二是"): the
clerk's own number before a measure ("2.开展…") is not printed beside it, where it would contradict
the sheet's numbering; a cell listing several items keeps its marks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from rectxl import api
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
ROWS = [
    {"序号": 1, "issue": 1, "整改措施": "1.制定学习计划", "责任单位": "办公室", "整改时限": "2026年8月31日前",
     "整改状态": "已完成", "整改进展": "已印发"},
    {"issue": 1, "整改措施": "2.开展专题学习", "责任单位": "办公室", "整改时限": "2026年9月30日前",
     "整改状态": "正在推进", "整改进展": "已开展2次"},
    {"序号": 2, "issue": 2, "整改措施": "（1）核查田长制落实情况；（2）通报问题村", "责任单位": "耕保股",
     "整改时限": "2026年10月31日前", "整改状态": "正在推进", "整改进展": "已核查5个村"},
]


def _sheet(path: Path, name: str) -> list[tuple[object, ...]]:
    return list(load_workbook(path)[name].iter_rows(values_only=True))


def test_measures_in_the_summary_carry_the_sheets_numbering_only(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS, info={"报告日期": date(2026, 11, 20)})
    out = tmp_path / "汇总.xlsx"
    api.summary_workbook(ledger, out)
    detail = {(row[1], row[2]) for row in _sheet(out, "整改明细") if row[0] == "措施"}
    assert ("一是", "制定学习计划") in detail
    assert ("二是", "开展专题学习") in detail
    assert ("一是", "（1）核查田长制落实情况；（2）通报问题村") in detail  # a list keeps its marks
    overdue = [(row[1], row[2]) for row in _sheet(out, "逾期清单")[2:]]
    assert ("1.二是", "开展专题学习") in overdue
