"""Notices round fifteen: notices and ledgers as other offices write them.

What now reads right:
- a measure numbered under its issue in the ledger (1.1 / 1-2 / 2.1. / （2）2.2) is published
  without its number ("一是精简会议", not "一是1.1精简会议"); an amount or a span of months that
  opens a measure ("2.5万元…", "3-5月…") is no number and stays.

Every ledger and notice here is written for this file about fictional units.
"""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from rectxl.core.notice import parse_notice
from rectxl.core.notice.render import render_notice
from tests.followup_ledgers import write_ledger

_HEADER = ("序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")


def _row(n: int, issue: str, measure: str, status: str = "已完成", progress: str = "") -> dict[str, str]:
    return {"序号": str(n), "具体问题": issue, "整改措施": measure, "责任单位": "办公室",
            "整改时限": "2026年9月底前", "整改状态": status, "整改进展": progress}


def _section_two(text: str) -> list[str]:
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    return lines[start + 1:end]


# -- measures numbered under their issue ---------------------------------------------------------

def test_measures_numbered_under_their_issue_are_published_without_the_number(tmp_path: Path) -> None:
    i1, i2 = "1.会议过多过滥", "2.理论学习不深入"
    rows = [_row(1, i1, "1.1精简会议", progress="已精简会议5个"),
            _row(1, i1, "1-2制定会议管理办法", progress="已印发"),
            _row(2, i2, "2.1 开展专题学习", progress="已学习3次"),
            _row(2, i2, "（2）2.2建立学习台账"),
            _row(2, i2, "2．3．建立学习制度"),
            _row(2, i2, "2.5万元培训经费列入预算"),
            _row(2, i2, "3-5月开展轮训")]
    ledger = api.read_ledger(write_ledger(tmp_path / "台账.xlsx", _HEADER, rows, unit="某某县审计局"))
    text = render_notice(ledger)
    body = "\n".join(_section_two(text))
    for number in ("1.1", "1-2", "2.1", "2.2", "2.3", "2．3"):
        assert number not in body
    assert "一是精简会议" in body or "一是已精简会议5个" in body
    assert "二是制定会议管理办法" in body and "一是开展专题学习" in body and "三是建立学习制度" in body
    assert "四是2.5万元培训经费列入预算" in body and "五是3-5月开展轮训" in body
    # read back and written again, it is the same notice
    assert render_notice(parse_notice(text).ledger) == text

