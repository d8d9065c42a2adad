"""Notices round nineteen: what a notice says survives parse-notice → ledger → notice, and the notice
rendered from a ledger says each thing once.

- a measure a notice said goes on "（持续推进）" is written back 持续推进, not 长期坚持 (another thing);
- "将问题线索移交县纪委监委" with the progress "问题线索已移交" is not told twice;
- a village's 公示 numbering its problems （一）（二） is numbered so again, not 1. 2.

Every notice and ledger here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.cli import main
from rectxl.core.rules import Options
from tests.test_notice_round17 import _book

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, name: str, notice: str) -> str:
    """The notice parsed into a ledger and written again: the text a reader would get."""
    source = tmp_path / f"{name}.txt"
    source.write_text(notice, encoding="utf-8")
    ledger = tmp_path / f"{name}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{name}_通报.txt"
    api.notice(ledger, out)
    return out.read_text(encoding="utf-8")


WATER = """中共清河县水务局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至4月25日，县委第二巡察组对县水务局党组进行了巡察。2025年5月20日，县委第二巡察组向县水务局党组反馈了巡察意见。现将整改进展情况予以通报。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组。
二、巡察反馈问题整改落实情况
（一）关于落实上级决策部署方面
1.关于河湖长制巡河不到位的问题。一是修订河湖长巡河考核细则，明确巡河频次（已完成）。二是开展河道“清四乱”排查，清理乱堆乱放点位37处（持续推进）。
2.关于农村饮水工程管护不力的问题。一是对全县58处集中供水工程逐一体检（已完成）。二是建立水质季度抽检制度（常态化推进）。
（二）关于全面从严治党方面
3.关于工程项目变更审批不严的问题。一是修订工程变更管理办法（已完成）。二是对2023年以来的19项变更逐项复核（已完成）。
三、下一步工作打算
局党组将持续巩固整改成果。
中共清河县水务局党组
2025年12月5日
"""


def test_a_measure_said_to_go_on_keeps_its_own_words(tmp_path: Path) -> None:
    told = _section_two(_round_trip(tmp_path, "水务局", WATER))
    assert told[1] == ("1.关于河湖长制巡河不到位的问题。一是修订河湖长巡河考核细则，明确巡河频次，已完成。"
                       "二是开展河道“清四乱”排查，清理乱堆乱放点位37处，持续推进。")
    assert told[2].endswith("二是建立水质季度抽检制度，常态化推进。")
    assert "长期坚持" not in "".join(told)


def test_the_parsed_ledger_keeps_the_status_word_the_notice_said(tmp_path: Path) -> None:
    source = tmp_path / "水务局.txt"
    source.write_text(WATER, encoding="utf-8")
    api.parse_notice_file(source, tmp_path / "台账.xlsx")
    ledger = api.read_ledger(tmp_path / "台账.xlsx")
    said = [(m.text[:8], m.status_text, m.status.value if m.status else None) for m in ledger.measures()]
    assert said[1] == ("开展河道“清四乱", "持续推进", "长期坚持")
    assert said[3] == ("建立水质季度抽检", "常态化推进", "长期坚持")
    assert [s for _, s, _ in said].count("已完成") == 4


def _ledger(path: Path, rows: list[list[object]], merges: list[str]) -> Path:
    """A ledger with a 整改进展 column and a 基本信息 sheet (as of 2025-11-20)."""
    return _book(path, [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"], *rows], merges)


def _notice_of(path: Path) -> list[str]:
    out = path.with_name(path.stem + "_通报.txt")
    api.notice(path, out)
    return _section_two(out.read_text(encoding="utf-8"))


def test_a_clue_handed_over_is_not_told_twice(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "自然资源局.xlsx", [
        [1, "违规办理不动产登记", "将问题线索移交县纪委监委", "登记中心", "2025年5月31日", "已完成", "问题线索已移交"],
        [None, None, "对涉及的14宗登记逐一复查", "登记中心", "2025年8月31日", "已完成", "已复查14宗，更正2宗"],
        [2, "土地出让金催缴不力", "追缴欠缴土地出让金", "利用股", "2025年12月31日", "正在推进", "台账已建立"],
    ], ["A2:A3", "B2:B3"])
    told = _notice_of(path)
    assert told[1] == ("1.违规办理不动产登记。一是将问题线索移交县纪委监委，已完成。"
                       "二是对涉及的14宗登记逐一复查，已复查14宗，更正2宗。")
    # another thing named done is news, not the measure again
    assert told[2] == "2.土地出让金催缴不力。追缴欠缴土地出让金，台账已建立，正在推进。"


VILLAGE = """中共柳塘村总支部委员会关于巡察反馈问题整改情况的公示
根据镇党委统一部署，2025年4月8日至4月30日，镇党委第一巡察组对柳塘村党总支开展了巡察，并于2025年5月16日反馈了巡察意见。现将整改情况公示如下：
（一）村务监督委员会履职不到位的问题。整改情况：已调整村务监督委员会成员2名，每月召开一次村务监督例会。
（二）集体经济合同管理混乱的问题。整改情况：已清理村集体经济合同31份，收回到期鱼塘2口，重新公开发包。
（三）党员积分管理流于形式的问题。整改情况：已修订党员积分管理办法，每季度公示积分情况，此项工作长期坚持。
公示期：2025年11月10日至11月17日。如有异议，请向镇纪委反映。联系电话：0736-5521130。
中共柳塘村总支部委员会
2025年11月10日
"""


def test_a_village_notice_numbers_its_problems_as_it_did(tmp_path: Path) -> None:
    text = _round_trip(tmp_path, "柳塘村", VILLAGE)
    problems = [line.strip(R) for line in text.splitlines() if "的问题。" in line]
    assert [p[:4] for p in problems] == ["（一）村", "（二）集", "（三）党"]
    assert problems[1] == "（二）集体经济合同管理混乱的问题。已清理村集体经济合同31份，收回到期鱼塘2口，重新公开发包。"
    # read again, the same three problems in the same order
    again = tmp_path / "again.txt"
    again.write_text(text, encoding="utf-8")
    issues = [i.title for i in api.parse_notice_file(again).ledger.issues()]
    assert issues == ["村务监督委员会履职不到位的问题", "集体经济合同管理混乱的问题", "党员积分管理流于形式的问题"]


def test_a_notice_with_aspects_keeps_numbering_its_problems_1_2(tmp_path: Path) -> None:
    """（一） is the aspects' mark there: the problems stay 1. 2. under them."""
    told = _section_two(_round_trip(tmp_path, "水务局", WATER))
    assert [t[:2] for t in told] == ["（一", "1.", "2.", "（二", "3."]


TOWN = """中共桂溪镇委员会关于巡察整改进展情况的通报
根据县委统一部署，2025年4月7日至5月23日，县委第四巡察组对桂溪镇党委开展了常规巡察。2025年6月18日，县委第四巡察组向桂溪镇党委反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
镇党委召开专题会议，逐条研究反馈意见，明确班子成员分工负责。
二、反馈问题整改情况
（一）关于基层党组织建设方面
本方面共反馈问题2个，已完成整改2个。
1.关于软弱涣散村党组织整顿不彻底的问题。一是选派驻村第一书记2名（已完成）。二是对4个村的“两委”班子开展专项分析研判（已完成）。
2.关于党员发展把关不严的问题。一是对近三年发展的23名党员档案逐一核查（已完成）。
（二）关于作风建设方面
本方面共反馈问题3个，已完成整改1个。
3.关于“一卡通”惠民补贴发放不规范的问题。一是对全镇补贴发放情况开展排查（已完成）。二是追回违规领取补贴1.6万元（正在推进）。
三、下一步工作打算
镇党委将持续巩固整改成果，建立长效机制。
中共桂溪镇委员会
2025年11月28日
"""


def test_the_count_said_under_an_aspect_is_written_again(tmp_path: Path) -> None:
    told = _section_two(_round_trip(tmp_path, "桂溪镇", TOWN))
    assert told[:2] == ["（一）关于基层党组织建设方面", "本方面共反馈问题2个，已完成整改2个。"]
    at = told.index("（二）关于作风建设方面")
    assert told[at + 1] == "本方面共反馈问题3个，已完成整改1个。"
    assert told[at + 2].startswith("3.关于“一卡通”惠民补贴发放不规范的问题。")


def test_a_count_under_an_aspect_that_the_issues_listed_do_not_bear_out_is_a_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "桂溪镇.txt"
    source.write_text(TOWN, encoding="utf-8")
    ledger = tmp_path / "桂溪镇台账.xlsx"
    api.parse_notice_file(source, ledger)
    report = api.check(ledger, Options())
    (finding,) = [f for f in report.findings if f.code == "heading-count-mismatch"]
    assert finding.severity.value == "warning"
    assert "关于作风建设方面" in finding.message and "其下列出1个问题" in finding.message
    assert "本方面共反馈问题3个" in finding.message
    assert finding.cell is not None and finding.row is not None
    sheet = load_workbook(ledger)[finding.sheet or "台账"]
    assert "关于作风建设方面" in str(sheet[finding.cell].value)
    # the notice written from it says so and exits 1
    assert main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")]) == 1
    assert "heading-count-mismatch" in capsys.readouterr().out


def test_a_clerks_count_after_an_aspect_is_checked_and_not_published(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "卫健局.xlsx", [
        ["一、医疗服务方面（共3个问题）", None, None, None, None, None, None],
        [1, "家庭医生签约服务不实", "开展签约服务质量回访", "基层股", "2025年9月30日", "已完成", "回访签约居民600户"],
        [2, "基层药品配备不足", "调整基层用药目录", "医政股", "2025年10月31日", "已完成", "增补药品42种"],
    ], [])
    report = api.check(path, Options())
    (finding,) = [f for f in report.findings if f.code == "heading-count-mismatch"]
    assert "医疗服务方面" in finding.message and "（共3个问题）" in finding.message
    assert "其下列出2个问题" in finding.message
    told = _notice_of(path)
    assert "（一）医疗服务方面" in told and not any("共3个问题" in t for t in told)


#: three problems, six measures: four done, two kept up for the long term (长期坚持)
KEPT_UP = [
    [1, "安全生产隐患排查不彻底", "开展危化品企业隐患大排查", "安监股", "2025年6月30日", "已完成",
     "排查企业37家，整改隐患112处"],
    [None, None, "建立隐患排查季度通报制度", "安监股", "长期坚持", "长期坚持", "每季度通报1次"],
    [2, "执法检查计划执行不到位", "修订年度执法检查计划", "执法大队", "2025年5月31日", "已完成", "已印发"],
    [None, None, "对未完成检查的9家企业补充检查", "执法大队", "2025年8月31日", "已完成", "补查9家"],
    [3, "应急演练流于形式", "组织开展综合应急演练", "应急股", "2025年9月30日", "已完成", "演练2次"],
    [None, None, "将应急演练纳入年度考核", "应急股", "长期坚持", "长期坚持", "已纳入考核细则"],
]


def _kept_up_ledger(tmp_path: Path, section_one: str, *, done_and_on: bool = False) -> Path:
    rows = [list(r) for r in KEPT_UP]
    if done_and_on:
        for r in rows:
            r[5] = "已完成并长期坚持" if r[5] == "长期坚持" else r[5]
    path = _ledger(tmp_path / "应急管理局.xlsx", rows, ["A2:A3", "B2:B3", "A4:A5", "B4:B5", "A6:A7", "B6:B7"])
    wb = load_workbook(path)
    wb["基本信息"].append(["组织领导情况", section_one])
    wb.save(path)
    return path


def test_long_term_work_is_not_counted_done_by_a_paragraph_beside_rectxls_totals(tmp_path: Path) -> None:
    path = _kept_up_ledger(tmp_path, "局党组逐项制定整改措施6项，截至目前已完成6项，整改完成率100%。")
    told = _notice_of(path)
    # rectxl's own totals sentence keeps them apart
    assert "6项整改措施已完成4项、长期坚持2项，整改措施完成率66.7%。" in told[0]
    messages = [f.message for f in api.check(path, Options()).findings if f.code == "info-totals-mismatch"]
    assert len(messages) == 2
    assert any("“已完成6项”" in m and "已完成的措施为4项，另有2项为长期坚持" in m for m in messages)
    assert any("“整改完成率100%”" in m and "66.7%" in m and "另有2项为长期坚持" in m for m in messages)


def test_work_done_and_kept_up_is_counted_done(tmp_path: Path) -> None:
    path = _kept_up_ledger(tmp_path, "局党组逐项制定整改措施6项，截至目前已完成6项，整改完成率100%。", done_and_on=True)
    assert [f for f in api.check(path, Options()).findings if f.code == "info-totals-mismatch"] == []
    assert "6项整改措施已全部完成" in _notice_of(path)[0]


def test_a_notice_counting_long_term_work_done_is_told_so_when_parsed(tmp_path: Path) -> None:
    notice = WATER.replace("局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组。",
                           "局党组对反馈的2个方面3个问题制定整改措施6项，截至目前已完成6项。")
    source = tmp_path / "水务局.txt"
    source.write_text(notice, encoding="utf-8")
    parsed = api.parse_notice_file(source)
    (done,) = [c for c in parsed.total_checks if c.item == "done"]
    assert done.ok is False and done.parsed == 4
    assert "另2项写明长期坚持" in done.message and "已完成4项、长期坚持2项" in done.message
