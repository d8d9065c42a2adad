"""Round 30, lead: ledgers and notices as other offices write them (see the closing note)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl.api import check
from tests.test_workbook_quirks import _sheet_book


@pytest.mark.parametrize(("said", "as_of"), [("（截至十月底）", date(2026, 10, 31)),
                                              ("（截至二〇二六年十月三十一日）", date(2026, 10, 31)),
                                              ("（截止到11月份末）", date(2026, 11, 30))])
def test_a_title_standing_at_a_day_written_in_chinese_numerals_dates_the_check(tmp_path: Path, said: str,
                                                                              as_of: date) -> None:
    """A title says the day its figures stand at in Chinese numerals ("截至十月底") as a notice does;
    the ledger is judged on that day. It had been ignored in a ledger (read only in notices), the
    ledger judged on the day of the check and a measure due after that day counted overdue."""
    report = check(_sheet_book(tmp_path / "县水利局.xlsx", title="台账", rows=[
        [f"县水利局巡察整改台账{said}"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展", "整改状态"],
        [1, "河道采砂监管不到位", "开展河道非法采砂专项整治", "河湖股", "2026年12月2日", "已巡查12处", "正在推进"]]),
        today=date(2026, 12, 3))
    assert report.as_of == as_of
    assert not [f for f in report.findings if f.code == "overdue"]
