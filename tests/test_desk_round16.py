"""Letters to units addressed together ("各中小学校", "各乡镇"): the body calls them by that name —
"你校牵头负责的" said to every school at once reads as if to one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from rectxl import api
from rectxl.core.letters import address_word
from tests.followup_ledgers import write_ledger


@pytest.mark.parametrize(("unit", "word"), [
    ("各中小学校", "各中小学校"), ("各乡镇", "各乡镇"), ("各村（社区）", "各村（社区）"), ("城关小学", "你校"),
])
def test_units_addressed_together_are_called_by_their_name(unit: str, word: str) -> None:
    assert address_word(unit) == word


def test_a_letter_to_every_school_says_so(tmp_path: Path) -> None:
    header = ("序号", "方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
    rows = [{"序号": 1, "issue": 1, "整改措施": "组织开展课后服务示范校评选", "责任单位": "各中小学校",
             "整改时限": "2026年11月30日前", "整改状态": "正在推进", "整改进展": "已评选示范校5所"}]
    ledger = write_ledger(tmp_path / "台账.xlsx", header, rows, info={"报告日期": date(2026, 11, 20)})
    api.remind(ledger, output=tmp_path / "提醒")
    (letter,) = (tmp_path / "提醒").glob("*.docx")
    body = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "各中小学校牵头负责的" in body
    assert "你校" not in body
