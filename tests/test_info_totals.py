"""info-totals-mismatch: the paragraphs a clerk writes into 基本信息 for the notice (导语, 一、,
二、导语) state totals the ledger must bear out — the notice publishes them as written, next to
the counts rectxl takes from the ledger. Ledgers written as a county 市场监管局 writes them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rectxl import api, read_ledger, render_notice
from rectxl.cli import main
from rectxl.core.rules import Options

HEADER = ["序号", "问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "整改状态", "整改进展"]

#: two aspects, five issues, nine measures; issues 1, 2 and 4 done in full (3 of 5; 6 of 9 measures)
ROWS = [
    ("一、落实党中央决策部署和上级工作要求方面",),
    (1, "食品安全“两个责任”落实不到位", "制定包保干部督导清单", "王副局长", "食品股", "赵强", "2024年9月30日", "已完成",
     "已印发督导清单，明确包保干部126名"),
    (None, None, "开展包保督导专项检查", "王副局长", "食品股", "赵强", "2024年10月31日", "已完成", "检查企业86家"),
    (2, "特种设备隐患排查不彻底", "对电梯、锅炉开展拉网式排查", "李副局长", "特设股", "孙敏", "2024年10月31日",
     "已完成", "排查电梯412台、锅炉18台，整改隐患23处"),
    (3, "执法案卷不规范", "开展执法案卷评查", "陈副局长", "法规股", "周婷", "2024年11月30日", "已完成", "评查案卷60卷"),
    (None, None, "修订行政处罚自由裁量基准", "陈副局长", "法规股", "周婷", "2025年3月31日", "正在推进",
     "已形成初稿，征求意见中"),
    ("二、全面从严治党方面",),
    (4, "“三重一大”决策程序执行不严", "修订党组议事规则", "局党组书记", "办公室", "吴芳", "2024年9月30日", "已完成",
     "已经党组会审议印发"),
    (None, None, "开展决策事项回头看", "局党组书记", "办公室", "吴芳", "2024年10月31日", "已完成", "梳理决策事项32件"),
    (5, "公务接待管理不规范", "清理2022年以来公务接待费用", "纪检组长", "财务股", "郑洁", "2024年12月31日", "正在推进",
     "已清理2022年度"),
    (None, None, "修订公务接待管理办法", "纪检组长", "财务股", "郑洁", "2025年1月31日", "未启动", ""),
]


def _ledger(path: Path, info: dict[str, str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县市场监督管理局党组巡察整改台账"])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    basic = wb.create_sheet("基本信息")
    basic.append(["项目", "内容"])
    basic.append(["单位名称", "县市场监督管理局党组"])
    basic.append(["报告日期", "2024年11月20日"])
    for key, value in info.items():
        basic.append([key, value])
    wb.save(path)
    return path


def _mismatches(path: Path) -> list[str]:
    report = api.check(path, Options())
    return [f.message for f in report.findings if f.code == "info-totals-mismatch"]


def test_paragraphs_that_agree_with_the_ledger_say_nothing(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", {
        "导语": "2024年4月至6月，县委第一巡察组对县市场监督管理局党组开展了常规巡察，6月28日反馈了2个方面5个问题。",
        "一、": "局党组召开专题会议4次，对反馈的5个问题逐条细化整改措施9条，截至目前已完成整改3个问题，"
               "问题整改完成率60%。",
        "二、导语": "印发制度文件7份，约谈提醒12人次。",
    })
    assert _mismatches(path) == []


def test_counts_that_the_ledger_does_not_bear_out_are_named(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", {
        "导语": "县委第一巡察组反馈了3个方面12个问题。",
        "一、": "局党组对照问题清单，细化整改措施40项，整改完成率85%。",
    })
    messages = _mismatches(path)
    assert any("“导语”写着“3个方面”" in m and "台账中有2个方面" in m for m in messages), messages
    assert any("“导语”写着“12个问题”" in m and "台账中有5个问题" in m for m in messages), messages
    assert any("“一、组织领导情况”写着“整改措施40项”" in m and "台账中有9项整改措施" in m for m in messages), messages
    rate = next(m for m in messages if "完成率85%" in m)
    assert "问题完成率为60%（3/5）" in rate and "措施完成率为66.7%（6/9）" in rate
    assert len(messages) == 4


def test_a_done_count_of_another_date_is_named(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", {"二、导语": "截至2024年10月底，已完成整改4个问题，其余问题正在推进。"})
    (message,) = _mismatches(path)
    assert "“二、导语”写着“已完成整改4个问题”" in message and "已完成的问题为3个" in message


def test_a_rate_of_measures_counting_long_term_as_done_agrees(tmp_path: Path) -> None:
    """Offices count 长期坚持 as done or not: either rate is the ledger's."""
    path = _ledger(tmp_path / "台账.xlsx", {"一、": "整改措施完成率66.7%。"})
    assert _mismatches(path) == []


def test_no_paragraphs_no_finding_and_the_example_agrees(tmp_path: Path) -> None:
    assert _mismatches(_ledger(tmp_path / "台账.xlsx", {})) == []
    example = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"
    assert _mismatches(example) == []


def test_the_notice_would_publish_both_numbers(tmp_path: Path) -> None:
    """Why it is a warning: rendered, the notice carries the clerk's "12个问题" in 一、 and
    rectxl's own count of the ledger's 5 in 二、."""
    path = _ledger(tmp_path / "台账.xlsx", {"一、": "对反馈的12个问题逐条细化整改措施。"})
    text = render_notice(read_ledger(path))
    assert "12个问题" in text and "5个问题" in text
    assert _mismatches(path)



def test_the_notice_command_warns_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`rectxl notice` on such a ledger writes the notice, names the disagreement and exits 1; on a
    ledger whose paragraphs agree it says nothing and exits 0."""
    wrong = _ledger(tmp_path / "台账.xlsx", {"导语": "县委第一巡察组反馈了2个方面8个问题。"})
    assert main(["notice", str(wrong), "-o", str(tmp_path / "通报.txt")]) == 1
    out = capsys.readouterr().out
    assert "注意：基本信息“导语”写着“8个问题”，而台账中有5个问题" in out and "info-totals-mismatch" in out
    assert "8个问题" in (tmp_path / "通报.txt").read_text("utf-8")
    right = _ledger(tmp_path / "台账2.xlsx", {"导语": "县委第一巡察组反馈了2个方面5个问题。"})
    assert main(["notice", str(right), "-o", str(tmp_path / "通报2.txt")]) == 0
    assert "注意" not in capsys.readouterr().out
