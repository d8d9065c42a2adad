"""Statuses, deadlines and the desk commands (remind, summary) on ledgers written the way other
offices write them (round 15): a ledger drawn up before its 反馈会, … Units, people and texts are
fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rectxl import api
from rectxl.core.letters import plan_reminders
from rectxl.core.rules.context import Options
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import write_ledger

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展"]


def _row(n: int, measure: str, deadline: object, status: str, **more: object) -> dict[str, object]:
    row: dict[str, object] = {"序号": n, "issue": 1 + (n - 1) % 4, "整改措施": measure, "责任单位": "办公室",
                              "责任人": "李明", "整改时限": deadline, "整改状态": status}
    row.update(more)
    return row


# -- 立行立改 before the feedback ---------------------------------------------------------------------

def _before_feedback(tmp_path: Path) -> Path:
    rows = [_row(1, "立即清理违规发放的津补贴", "立行立改", "正在推进"),
            _row(2, "制定津补贴发放管理办法", "2025年9月30日前", "正在推进")]
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows,
                        info={"反馈日期": date(2025, 7, 15), "报告日期": date(2025, 7, 1)})


def test_nothing_is_chased_before_the_feedback_is_given(tmp_path: Path) -> None:
    """A ledger drawn up ahead of the 反馈会: its 立行立改 measure is not yet due, so no 督办通知."""
    ledger = read_ledger(_before_feedback(tmp_path))
    plan = plan_reminders(ledger, as_of=date(2025, 7, 1))
    assert [item for unit in plan.units for letter in unit.letters for item in letter.items] == []
    assert plan.rows == []
    codes = {f.code for f in api.check(_before_feedback(tmp_path), Options(as_of=date(2025, 7, 1))).findings}
    assert "overdue" not in codes


def test_at_once_is_overdue_from_the_feedback_on(tmp_path: Path) -> None:
    found = api.check(_before_feedback(tmp_path), Options(as_of=date(2025, 7, 16))).findings
    assert [(f.code, f.row) for f in found if f.code == "overdue"] == [("overdue", 4)]
