"""A 整改情况 column that tells the work and closes with how far it got ("已于6月完成审计，发现问题
12个，已整改完毕"): the notice publishes the cell whole. Its status is read from the close, and the
progress left without it had ended the published sentence on "发现问题12个" — the reader was not
told the 12 were put right."""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from tests.followup_ledgers import write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况", "完成时间")


def _row(issue: int, measure: str, account: str) -> dict[str, object]:
    return {"issue": issue, "整改措施": measure, "责任单位": "财政所", "责任人": "赵敏",
            "整改时限": "2026年6月30日", "整改情况": account, "完成时间": "2026年6月28日"}


def _notice(tmp_path: Path, rows: list[dict[str, object]]) -> str:
    ledger = write_ledger(tmp_path / "白沙镇整改台账.xlsx", HEADER, rows, unit="某某县白沙镇")
    _, out = api.notice(ledger, tmp_path / "通报.txt")
    return Path(out).read_text(encoding="utf-8")


def test_the_words_closing_a_done_account_are_published(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        _row(1, "开展村级财务专项审计", "已于6月完成审计，发现问题12个，已整改完毕"),
        _row(2, "清理违规发放的津补贴", "清退违规发放津补贴4.2万元，均已整改到位。"),
    ])
    assert "开展村级财务专项审计，已于6月完成审计，发现问题12个，已整改完毕。" in text
    assert "清理违规发放的津补贴，清退违规发放津补贴4.2万元，均已整改到位。" in text


def test_a_stage_still_to_come_is_not_published(tmp_path: Path) -> None:
    text = _notice(tmp_path, [_row(1, "开展村级财务专项审计", "发现问题12个，已整改完毕，待验收")])
    assert "待验收" not in text
    assert "开展村级财务专项审计，发现问题12个" in text
