"""Notices round thirty: parse-notice reads a notice as it reaches an auditor — saved from a
government site's article page or a WeChat 公众号 article, copied to text, printed from Word to PDF —
with its counts and statuses written as other agencies write them.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from rectxl import api
from rectxl.cli import main
from rectxl.core.rules import Options

_TODAY = date(2026, 12, 3)


def _checks(parsed: api.ParsedNotice) -> dict[str, list[bool | None]]:
    out: dict[str, list[bool | None]] = {}
    for c in parsed.total_checks:
        out.setdefault(c.item, []).append(c.ok)
    return out


# ---------------------------------------------------------------------------
# each problem told in one account, the measures counted in the summary
# ---------------------------------------------------------------------------

_STREET = """中共石桥街道工作委员会关于巡察整改进展情况的通报

根据区委统一安排，区委第二巡察组于2026年4月至5月对石桥街道党工委开展了常规巡察，6月20日反馈了巡察意见。现将整改进展情况公布如下：

一、整改总体情况

街道党工委对巡察反馈的2个方面5个问题照单全收，研究制定整改措施17条。截至目前，5个问题已完成整改4个，1个问题正在按序时推进；17条措施已完成15条。

二、整改具体情况

（一）关于基层党建方面

1.社区党组织活动阵地利用率不高。

整改情况：对辖区7个党群服务站重新规划功能分区，全年开展活动96场。已完成。

2.在职党员进社区报到后参与度低。

整改情况：推行“报到—认领—评价”闭环管理，报到党员认领微心愿213个。已完成。

（二）关于民生实事方面

3.老旧小区加装电梯推进缓慢。

整改情况：已加装电梯11部，另有4个单元因住户意见不一仍在协调。正在推进。

4.农贸市场周边占道经营反弹。

整改情况：设置临时疏导点2处，联合城管执法中队常态巡查。已完成。

5.辖区学校周边交通拥堵。

整改情况：增设护学岗3个，错峰放学方案已实施。已完成。

中共石桥街道工作委员会
2026年11月30日
"""


def test_measures_done_counted_over_problems_told_in_one_account_each_are_not_a_mismatch(
        tmp_path: Path, capsys) -> None:
    """"17条措施已完成15条" over five problems each told in one paragraph: the paragraphs are no
    count of measures — the done count cannot be checked against them, neither by parse-notice
    (which had said 15 ≠ 5 and exited 1) nor by check on the ledger written (info-totals-mismatch)."""
    (tmp_path / "通报.txt").write_text(_STREET, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    checks = _checks(parsed)
    assert checks["issues"] == [True] and checks["done"] == [True, None]
    assert [m.status.value for m in parsed.ledger.measures() if m.status] == [
        "已完成", "已完成", "正在推进", "已完成", "已完成"]
    assert main(["parse-notice", str(tmp_path / "通报.txt"), "-o", str(tmp_path / "台账.xlsx")]) == 0
    assert "不一致" not in capsys.readouterr().out
    report = api.check(tmp_path / "台账.xlsx", Options(), today=_TODAY)
    assert not [f for f in report.findings if f.code == "info-totals-mismatch"]


def test_a_notice_written_again_keeps_its_count_of_measures_it_does_not_list(tmp_path: Path) -> None:
    """The same notice written again from the ledger it gave: "17条措施已完成15条" stays as published
    — it had been "restated" from the five accounts ("5条措施已完成4条") beside "整改措施17条" one
    sentence before, a notice contradicting itself."""
    (tmp_path / "通报.txt").write_text(_STREET, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=_TODAY)
    text = written.read_text(encoding="utf-8")
    assert "研究制定整改措施17条" in text and "17条措施已完成15条" in text
    assert "5个问题已完成整改4个" in text
    again = api.parse_notice_file(written)
    assert False not in [ok for oks in _checks(again).values() for ok in oks]


def test_an_account_closing_it_goes_on_keeps_the_status_stated_before_it(tmp_path: Path) -> None:
    """"完成情况：阶段性完成。已组建…，其余…，持续推进。": the last clause says the work goes on — the
    status is the one stated (it had read 长期坚持 from the clause, and the notice written again
    said so); "已完成。…，持续推进。" stays done."""
    (tmp_path / "通报.txt").write_text("""中共丰源县供销合作社党组关于巡察整改进展情况的通报

一、反馈问题整改情况
（一）服务“三农”主责主业方面
1.基层供销社网点覆盖不足。
完成情况：阶段性完成。已恢复重建基层社3个，其余乡镇结合“千村万店”工程布点，持续推进。
2.农资储备管理不规范。
完成情况：已完成。修订农资储备管理办法，建立出入库台账，持续推进。
3.社有资产出租合同管理混乱。
完成情况：正在推进。已清理合同41份，持续推进。

中共丰源县供销合作社党组
2026年11月12日
""", encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    assert [str(m.status) for m in parsed.ledger.measures()] == ["基本完成", "已完成", "正在推进"]
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=_TODAY)
    assert [str(m.status) for m in api.parse_notice_file(written).ledger.measures()] == [
        "基本完成", "已完成", "正在推进"]
