"""Round 29 (lead): ledgers, statuses and outputs as other offices write them."""

from __future__ import annotations

from pathlib import Path

from rectxl.api import check
from tests.test_workbook_quirks import _sheet_book


def test_work_said_to_lag_by_degree_is_going_on_and_overdue(tmp_path: Path) -> None:
    """A status saying how far behind the work is (严重滞后, 进度明显滞后, 慢于序时进度,
    序时进度滞后) means it goes on, late: overdue past the deadline. These had been bad statuses
    (nothing overdue), and “严重滞后，已约谈” had read 已完成 from its 已约谈."""
    statuses = ["严重滞后", "进度明显滞后", "慢于序时进度", "序时进度滞后", "有所滞后", "严重滞后，已约谈责任人"]
    report = check(_sheet_book(tmp_path / "县发改局.xlsx", title="整改台账", rows=[
        ["县发改局巡察整改督查台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        *([n, f"重点项目{n}推进缓慢", f"倒排项目{n}工期", "项目股", "2026年10月31日", s]
          for n, s in enumerate(statuses, 1))]))
    assert not [f for f in report.findings if f.code == "bad-status"]
    assert sorted(f.row or 0 for f in report.findings if f.code == "overdue") == list(range(3, 3 + len(statuses)))
    assert report.counts.in_progress == len(statuses) and report.counts.done == 0
