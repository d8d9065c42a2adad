"""The summary's totals sentence adds up: an issue none of whose measures has a status read is
said as 状态未明确 among the issues, as its measure is among the measures — "4个问题正在整改2个、
需长期坚持1个" had left one issue unaccounted for."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from rectxl import api
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态")


def _row(issue: int, measure: str, status: str) -> dict[str, object]:
    return {"issue": issue, "整改措施": measure, "责任单位": "党政办", "责任人": "李明",
            "整改时限": "2026年12月31日", "整改状态": status}


def test_issues_with_no_status_read_are_counted_in_the_summary(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "白沙镇整改台账.xlsx", HEADER, [
        _row(1, "制定年度学习计划", "已完成"),
        _row(1, "开展学习研讨交流", "正在推进"),
        _row(2, "建立村级财务公开制度", "长期坚持"),
        _row(3, "逐案制定化解方案", ""),
    ], unit="某某县白沙镇")
    _, out = api.summary_workbook(ledger, tmp_path / "汇总.xlsx")
    sheet = openpyxl.load_workbook(out)["整改总体情况"]
    texts = [str(c.value) for c in sheet["A"] if c.value]
    sentence = next(t for t in texts if t.startswith("截至") and "问题" in t)
    issues_part = sentence.split("；")[0]
    assert "3个问题" in issues_part and "状态未明确1个" in issues_part, sentence
    counted = sum(int(n) for n in re.findall(r"(\d+)个", issues_part.split("问题", 1)[1]))
    assert counted == 3, sentence
