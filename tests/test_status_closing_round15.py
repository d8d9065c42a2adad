"""A status cell telling the work and closing with what it found put right — "已开展自查并整改到位",
"已开展专项检查，发现问题已整改", "…，对发现问题全部整改到位" — is done, and the notice publishes what it
found put right; such cells had been bad-status. What is left to do after it ("…，剩余2个正在整改") or
a result not yet reached ("发现问题尚未整改") is not done."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.status import Status, read_status
from tests.followup_ledgers import write_ledger


@pytest.mark.parametrize("cell", [
    "已开展自查并整改到位",
    "已开展专项检查，发现问题已整改",
    "已开展专项检查，发现问题均已整改到位",
    "已对全局公务用车开展清查，对发现问题全部整改到位。",
    "已约谈3名股室负责人并整改完毕",
])
def test_work_closing_with_its_problems_put_right_is_done(cell: str) -> None:
    assert read_status(cell).status is Status.DONE


@pytest.mark.parametrize("cell", [
    "已开展专项检查，发现问题已整改，剩余2个正在整改",
    "已开展自查，发现问题尚未整改",
    "开展自查并整改",
])
def test_what_is_left_or_still_to_do_is_not_done(cell: str) -> None:
    assert read_status(cell).status is not Status.DONE


def test_the_notice_publishes_the_account_whole(tmp_path: Path) -> None:
    header = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "佐证材料")
    ledger = write_ledger(tmp_path / "县机关事务局整改台账.xlsx", header, [
        {"issue": 1, "整改措施": "开展公务用车使用情况专项检查", "责任单位": "车管科", "责任人": "孙强",
         "整改时限": "2026年9月30日", "整改状态": "已开展专项检查，发现问题已整改", "佐证材料": "检查记录"},
    ], unit="某某县机关事务服务中心")
    codes = {f.code for f in api.check(ledger).findings}
    assert not codes & {"bad-status", "overdue", "status-text-mismatch"}, codes
    _, out = api.notice(ledger, tmp_path / "通报.txt")
    line = next(t for t in Path(out).read_text(encoding="utf-8").splitlines() if "公务用车" in t)
    # the check restating the measure is said done; what it found, put right, is published
    assert line.endswith("开展公务用车使用情况专项检查，已完成，发现问题已整改。"), line
