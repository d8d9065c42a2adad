"""An account of the work that leaves the rest for later ("主体工程已完工，其余年内完成") is work
going on — in a ledger with no status column it had been read as done, and a measure past its
deadline with work still left was not overdue. Tick boxes ticked twice are no account: they stay
bad-status."""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改落实情况")


def _row(issue: int, measure: str, deadline: str, account: str) -> dict[str, object]:
    return {"issue": issue, "整改措施": measure, "责任单位": "城建股", "责任人": "钱军",
            "整改时限": deadline, "整改落实情况": account}


def test_the_rest_left_for_later_is_work_going_on(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "县住建局整改台账.xlsx", HEADER, [
        _row(1, "改造老旧小区雨污管网", "2026年9月30日", "主体工程已完工，其余年内完成。"),
        _row(1, "整治背街小巷路面破损", "2026年9月30日", "已修复路面1200平方米，其余的按计划推进"),
        _row(2, "清理违规占道经营", "2026年9月30日", "已全部清理完毕，其余2处均已整改。"),
    ], unit="某某县住房和城乡建设局")
    statuses = [m.status.value if m.status else None for m in api.read_ledger(ledger).measures()]
    assert statuses == ["正在推进", "正在推进", "已完成"]
    overdue = sorted(f.cell for f in api.check(ledger).findings if f.code == "overdue")
    assert overdue == ["G4", "G5"]  # past 2026-09-30 on the report date 2026-11-20, work left
