"""Notices round twenty: what a notice says survives parse-notice → ledger → notice.

- a measure tagged with the office's own status words (（已办结）, （阶段性完成）, （已销号）) is written
  back in those words, not as 已完成 / 已基本完成.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

from rectxl import api

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, source: Path) -> tuple[Path, list[str]]:
    ledger = tmp_path / f"{source.stem}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{source.stem}_通报.txt"
    api.notice(ledger, out)
    return ledger, _section_two(out.read_text(encoding="utf-8"))


MARKET = """中共白沙县市场监督管理局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第三巡察组对县市场监督管理局党组开展了常规巡察。2025年5月22日，县委第三巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案，明确责任分工。
二、反馈问题整改落实情况
（一）关于履行监管职责方面
1.关于食品小作坊监管缺位的问题。一是对全县126家小作坊开展拉网式检查（已办结）。二是建立小作坊“红黑榜”公示制度（阶段性完成）。
2.关于投诉举报处置超时的问题。一是清理积压投诉举报件83件（已办结）。二是修订投诉举报处置流程（已整改到位）。
（二）关于作风纪律方面
3.关于执法人员持证上岗不规范的问题。一是组织执法资格培训考试（基本完成）。二是收回过期执法证件5本（已销号）。
三、下一步工作打算
局党组将坚持标本兼治，巩固整改成果。
中共白沙县市场监督管理局党组
2025年12月1日
"""


def test_the_notices_own_status_words_are_written_back(tmp_path: Path) -> None:
    source = tmp_path / "市场监管局.txt"
    source.write_text(MARKET, encoding="utf-8")
    ledger, told = _round_trip(tmp_path, source)
    assert told[1] == ("1.关于食品小作坊监管缺位的问题。一是对全县126家小作坊开展拉网式检查，已办结。"
                       "二是建立小作坊“红黑榜”公示制度，阶段性完成。")
    assert told[2].endswith("二是修订投诉举报处置流程，已整改到位。")
    assert told[4].endswith("二是收回过期执法证件5本，已销号。")
    # the ledger's status column says what the notice said, and still counts it done
    said = [(m.status_text, m.status.value if m.status else None) for m in api.read_ledger(ledger).measures()]
    assert said[-1] == ("已销号", "已完成")
    assert said[1] == ("阶段性完成", "基本完成")
