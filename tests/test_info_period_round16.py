"""基本信息 giving the inspection's whole period in one cell, as county offices write it
("巡察时间 | 2026年3月10日至5月20日"): the notice's preamble says the period, not a placeholder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl import api
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
ROWS = [{"序号": 1, "issue": 1, "整改措施": "开展专题学习", "责任单位": "办公室", "整改时限": "2026年9月30日前",
         "整改状态": "已完成", "整改进展": "已开展专题学习4次"}]


@pytest.mark.parametrize(("key", "value", "start", "end"), [
    ("巡察时间", "2026年3月10日至5月20日", date(2026, 3, 10), date(2026, 5, 20)),
    ("巡察起止时间", "2026.3.10—2026.5.20", date(2026, 3, 10), date(2026, 5, 20)),
    ("巡视期间", "自2026年3月10日起至5月20日", date(2026, 3, 10), date(2026, 5, 20)),
    ("巡察时间", "2026年11月至2027年1月", date(2026, 11, 1), date(2027, 1, 31)),
    ("巡察时间", "2026年3月10日—5月20日（集中巡察）", date(2026, 3, 10), date(2026, 5, 20)),
    # a period's cell under a start's key: the clerk put the whole period there
    ("巡察开始", "2026年3月10日至2026年5月20日", date(2026, 3, 10), date(2026, 5, 20)),
])
def test_period_in_one_cell_is_read(tmp_path: Path, key: str, value: str, start: date, end: date) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS, info={key: value})
    info = read_ledger(path).info
    assert (info.inspection_start, info.inspection_end) == (start, end)


def test_notice_preamble_says_the_period(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS, info={"巡察时间": "2026年3月10日至5月20日"})
    _, out = api.notice(path, tmp_path / "通报.md")
    text = out.read_text(encoding="utf-8")
    assert "2026年3月10日至5月20日，县委第三巡察组" in text
    assert "请填写巡察起止日期" not in text


def test_a_period_not_written_as_dates_is_reported_not_guessed(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS, info={"巡察时间": "2026年3月上旬至5月"})
    report = api.check(path)
    info = read_ledger(path).info
    assert info.inspection_start is None and info.inspection_end is None
    unreadable = [f for f in report.findings if f.code == "info-date-unreadable"]
    assert [f.value for f in unreadable] == ["2026年3月上旬至5月"]
    assert "请改为如“2026年3月10日至5月20日”这样的日期" in unreadable[0].message


def test_period_in_a_title_row_of_a_ledger_without_info_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS)
    wb = load_workbook(path)
    del wb["基本信息"]
    wb["台账"]["A2"] = ("填报单位（盖章）：某某县自然资源局    巡察时间：2026年3月10日至5月20日    "
                        "填报时间：2026年11月18日")
    wb.save(path)
    info = read_ledger(path).info
    assert (info.inspection_start, info.inspection_end) == (date(2026, 3, 10), date(2026, 5, 20))
    assert info.report_date == date(2026, 11, 18)


def test_a_feedback_before_the_period_ended_is_told_at_its_cell(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, ROWS,
                        info={"巡察时间": "2026年3月10日至5月20日", "反馈日期": date(2026, 5, 8)})
    (told,) = [f for f in api.check(path).findings if f.code == "info-dates-out-of-order"]
    assert "巡察时间" in told.message and "2026年5月20日" in told.message
