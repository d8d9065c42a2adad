"""Notices round fourteen: notices as other offices write them, read back and written again.

What now reads right:
- a 回头看 (the inspectors' second look, a year on) is named as the round it is: a ledger titled
  "…巡察整改“回头看”发现问题整改台账" (or a notice so titled) gets a notice whose title, preamble,
  二、 heading and totals sentence say "巡察整改“回头看”发现的N个问题", not "巡察反馈的"; the summary
  sheet's totals sentence says it too; rendered, parsed and rendered again it is the same notice;
- a paragraph of its own stating the round's totals after the last issue ("截至10月31日，“回头看”
  发现的3个问题已完成整改2个……") is the section's totals sentence — checked against the items —
  and no part of the last measure;
- an issue's measures counted as they were made ("共制定3项措施，已完成2项，1项正在推进",
  "制定整改措施5条，已完成4条，其余1条正在推进", "针对该问题共明确整改任务4项，目前已完成4项") are
  counted as "已完成2项，1项正在推进" is, and the sentence is no words of the last measure.

Every ledger and notice here is written for this file about fictional units.
"""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from rectxl.core.notice import parse_notice
from rectxl.core.notice.render import render_notice
from rectxl.core.status import Status
from rectxl.core.summary import summarize, totals_sentence
from tests.followup_ledgers import AS_OF, write_ledger

D, P, L = Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM


def _notice(body: str, *, org: str = "中共某某县财政局党组", title: str = "关于巡察整改进展情况的通报",
            preamble: str = "", heading: str = "巡察反馈问题整改情况") -> str:
    preamble = preamble or ("根据县委统一部署，2025年3月10日至5月9日，县委第三巡察组对县财政局党组进行了巡察。"
                            "2025年6月18日，巡察组反馈了巡察意见。现将整改进展情况予以公布。")
    return (f"{org}{title}\n\n{preamble}\n\n一、整改工作开展情况\n\n召开专题会议研究部署整改工作。\n\n"
            f"二、{heading}\n\n{body}\n\n三、下一步工作打算\n\n将持续巩固整改成果。\n\n{org}\n2025年10月15日\n")


# -- a 回头看 -------------------------------------------------------------------------------------

_AGAIN_HEADER = ("方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
_A1, _A2 = "一、原巡察反馈问题整改不到位方面", "二、“回头看”新发现问题方面"
_I1, _I2 = "1.针对“三资”管理不规范问题整改不彻底的问题", "2.针对涉农资金拨付不及时的问题"


def _again_ledger(path: Path, title: str) -> Path:
    rows = [
        {"方面": _A1, "具体问题": _I1, "整改措施": "开展农村集体资产清查", "责任单位": "农经站",
         "整改时限": "2026年9月底前", "整改状态": "已完成", "整改进展": "已完成全县12个村的清查"},
        {"方面": _A1, "具体问题": _I1, "整改措施": "修订村级财务管理制度", "责任单位": "农经站",
         "整改时限": "2026年12月底前", "整改状态": "正在推进", "整改进展": "已形成征求意见稿"},
        {"方面": _A2, "具体问题": _I2, "整改措施": "梳理滞拨资金并拨付到位", "责任单位": "计财股",
         "整改时限": "2026年8月底前", "整改状态": "已完成", "整改进展": "已拨付资金320万元"},
    ]
    return write_ledger(path, _AGAIN_HEADER, rows, unit="某某县农业农村局", title=title)


def test_a_second_look_ledger_gets_a_second_look_notice(tmp_path: Path) -> None:
    ledger = api.read_ledger(_again_ledger(tmp_path / "台账.xlsx", "某某县农业农村局巡察整改“回头看”发现问题整改台账"))
    text = render_notice(ledger)
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    assert "回头看" in lines[0] and lines[0].endswith("整改进展情况的通报")
    assert "“回头看”" in lines[1]  # the preamble names the round
    assert "二、巡察整改“回头看”发现问题整改落实情况" in lines
    totals = next(line for line in lines if line.startswith("截至"))
    assert "“回头看”发现的两个方面2个问题已完成整改1个" in totals and "巡察反馈的" not in totals
    # the summary sheet counts the same problems
    assert "巡察整改“回头看”发现的两个方面2个问题" in totals_sentence(summarize(ledger, AS_OF))


def test_a_second_look_notice_reads_back_as_it_was_written(tmp_path: Path) -> None:
    ledger = api.read_ledger(_again_ledger(tmp_path / "台账.xlsx", "某某县农业农村局巡察整改“回头看”发现问题整改台账"))
    first = render_notice(ledger)
    parsed = parse_notice(first)
    assert parsed.ledger.info.second_look
    assert [c.ok for c in parsed.total_checks if c.item in ("issues", "measures")] == [True, True]
    assert render_notice(parsed.ledger) == first
    # through the files the clerk handles: notice → parse-notice → ledger → notice
    (tmp_path / "通报.txt").write_text(first, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "解析.xlsx")
    assert render_notice(api.read_ledger(tmp_path / "解析.xlsx")) == first


def test_a_first_round_ledger_keeps_its_words(tmp_path: Path) -> None:
    # a ledger whose progress plans a 回头看 of the unit's own work is no second-look round
    path = write_ledger(tmp_path / "台账.xlsx", _AGAIN_HEADER, [
        {"方面": _A1, "具体问题": _I2, "整改措施": "梳理滞拨资金并拨付到位", "责任单位": "计财股",
         "整改时限": "2026年8月底前", "整改状态": "已完成", "整改进展": "已拨付到位，下一步将开展整改“回头看”"}],
        unit="某某县农业农村局")
    text = render_notice(api.read_ledger(path))
    assert "回头看”发现" not in text and "截至2026年11月20日，巡察反馈的" in text
    assert "关于巡察整改进展情况的通报" in text


def test_a_totals_paragraph_after_the_last_issue_is_the_sections_totals() -> None:
    body = ("（一）关于原巡察反馈问题整改不到位方面\n\n"
            "1.针对“三资”管理不规范问题整改不彻底的问题。一是开展农村集体资产清查，已完成全县12个村的清查。"
            "二是修订村级财务管理制度，已印发执行。\n\n"
            "（二）关于新发现问题方面\n\n"
            "2.针对涉农资金拨付不及时的问题。一是梳理滞拨资金，已全部拨付到位。二是建立资金拨付月报制度，长期坚持。\n\n"
            "截至2025年10月31日，“回头看”发现的2个问题已完成整改2个；制定的4项整改措施已完成3项。")
    parsed = parse_notice(_notice(body, title="关于巡察整改“回头看”发现问题整改进展情况的通报",
                                  heading="“回头看”发现问题整改落实情况"))
    last = list(parsed.ledger.measures())[-1]
    assert last.text.startswith("建立资金拨付月报制度") and "截至" not in last.text + last.progress
    assert last.status == L
    assert (parsed.stated_totals.issues, parsed.stated_totals.measures) == (2, 4)
    assert [c.ok for c in parsed.total_checks if c.item in ("issues", "measures")] == [True, True]
    assert parsed.ledger.info.second_look
    # an aspect's count of its problems, under it, is the aspect's
    grouped = parse_notice(_notice("（一）关于预算管理方面\n\n1.关于预算执行慢的问题。一是建立通报制度，已完成。\n\n"
                                   "2.关于政府采购不规范的问题。一是修订采购制度，正在推进。\n\n"
                                   "目前，该方面2个问题已整改完成1个。\n\n"
                                   "（二）关于干部队伍方面\n\n3.关于培训不足的问题。一是举办培训班2期，已完成。"))
    assert grouped.ledger.info.section_two_intro is None
    # an issue's own count of its measures stays the issue's
    own = parse_notice(_notice("1.关于政府采购管理不规范的问题。一是修订政府采购内控制度，已完成。二是建立台账。\n\n"
                               "截至目前，该问题2项整改措施已完成1项。"))
    assert own.ledger.info.section_two_intro is None
    assert any("2项整改措施已完成1项" in m.text + m.progress + m.remark for m in own.ledger.measures())


# -- an issue's measures counted as made -----------------------------------------------------------


def test_measures_counted_as_made_are_a_count() -> None:
    body = ("（一）关于落实上级决策部署方面\n\n"
            "1.关于政府采购管理不规范的问题。一是修订政府采购内控制度；二是开展采购项目专项检查；"
            "三是建立采购档案管理台账。共制定3项措施，已完成2项，1项正在推进。\n\n"
            "2.关于预算执行进度慢的问题。一是建立预算执行通报制度；二是约谈执行进度滞后单位；三是调整低效项目资金。"
            "制定整改措施3条，已完成2条，其余1条正在推进。\n\n"
            "3.关于国有资产管理不到位的问题。一是全面清查国有资产，已完成；二是建立资产处置审批制度；"
            "三是开展资产账实核对。针对该问题共明确整改任务3项，目前已完成3项。")
    parsed = parse_notice(_notice(body))
    issues = list(parsed.ledger.issues())
    for issue in issues:
        assert len(issue.measures) == 3
        last = issue.measures[-1]
        assert "制定" not in last.text and "明确" not in last.text  # the count is no words of the measure
    # which two of three are done is not said: none is guessed; the counts are kept in 备注
    assert [m.status for m in issues[0].measures] == [None, None, None]
    assert all("已完成2项" in m.remark for m in issues[0].measures)
    assert all("已完成2条" in m.remark for m in issues[1].measures)
    assert any("第1个问题" in w and "已完成2项" in w for w in parsed.warnings)
    # all three done: each is
    assert [m.status for m in issues[2].measures] == [D, D, D]


# -- rates with two decimals, and a second rate of the measures ----------------------------------


def _counted(totals: str, issues: int, last_done: bool = False) -> str:
    """Section 二: the totals sentence, then ``issues`` issues of two measures each, all done but the
    last issue's second measure (unless ``last_done``)."""
    items = [f"{i}.关于问题{i}的问题。一是建立制度{i}，已完成。二是开展检查{i}，"
             f"{'已完成' if i < issues or last_done else '正在推进'}。" for i in range(1, issues + 1)]
    return "\n\n".join([totals, *items])


def _rates(parsed_checks: list) -> list[tuple[bool | None, str]]:
    return [(c.ok, c.message) for c in parsed_checks if c.item == "rate"]


def test_rates_with_two_decimals_are_quoted_and_computed_as_stated() -> None:
    parsed = parse_notice(_notice(_counted(
        "截至目前，巡察反馈的3个问题已完成整改2个，整改完成率为66.67%；6项整改措施已完成5项，措施完成率83.33%。", 3)))
    (issue_ok, issue_rate), (measure_ok, measure_rate) = _rates(parsed.total_checks)
    assert issue_ok and "完成率66.67%" in issue_rate and "2÷3计算为66.67%" in issue_rate
    assert measure_ok and "措施完成率83.33%" in measure_rate and "5÷6计算为83.33%" in measure_rate
    assert parsed.stated_totals.measure_rate == 83.33


def test_a_wrong_rate_of_the_measures_after_a_right_one_is_caught() -> None:
    parsed = parse_notice(_notice(_counted(
        "截至目前，巡察反馈的8个问题已完成整改7个，整改完成率87.50%；16项整改措施已完成15项，完成率97.50%。", 8)))
    checks = _rates(parsed.total_checks)
    assert checks[0][0] is True
    assert checks[1][0] is False and "15÷16计算为93.75%" in checks[1][1]


def test_both_done_counts_after_one_verb_are_read() -> None:
    # "已完成整改2个问题、5项措施": the rate is the measures' (5÷6), no false mismatch
    parsed = parse_notice(_notice(_counted(
        "截至目前，巡察反馈的3个问题、6项整改措施，已完成整改2个问题、5项措施，完成率83.3%。", 3)))
    assert (parsed.stated_totals.done_issues, parsed.stated_totals.done_measures) == (2, 5)
    assert [ok for ok, _ in _rates(parsed.total_checks)] == [True]
    assert not any(c.ok is False for c in parsed.total_checks)


# -- measures listed after a joined label; owners and deadlines written among the measures ---------


def test_a_list_after_a_joined_label_is_the_measures() -> None:
    # "整改措施及进展：1.…；2.…；3.…" as a 医保局 writes it — with decimals in the counts
    body = ("（一）医保基金监管不到位的问题\n"
            "整改措施及进展：1.开展定点医药机构全覆盖检查，追回违规资金56.8万元；2.建立基金监管智能监控系统，"
            "已上线运行；3.开展打击欺诈骗保宣传月活动，已完成。\n"
            "（二）医保待遇落实不精准的问题\n"
            "主要措施及成效：1.对特殊人群参保情况进行比对核查，已核查2.3万人；2.修订门诊慢特病认定流程，正在推进。")
    issues = list(parse_notice(_notice(body)).ledger.issues())
    assert [len(i.measures) for i in issues] == [3, 2]
    assert issues[0].measures[0].text.startswith("开展定点医药机构全覆盖检查")
    assert issues[1].measures[1].status == P


def test_owners_and_deadline_on_one_line_parted_by_a_full_width_space() -> None:
    body = ("（一）医保基金监管不到位的问题\n"
            "责任领导：张某某\u3000责任股室：基金监管股\u3000整改时限：2025年9月底前\n"
            "整改措施：一是开展定点医药机构全覆盖检查，已完成；二是建立智能监控系统，已上线运行。\n"
            "（二）经办服务不便民的问题\n"
            "责任单位：经办中心，整改时限：长期坚持\n"
            "整改措施：一是推进“一站式”结算，已完成；二是开展窗口作风专项整治，长期坚持。")
    first, second = parse_notice(_notice(body)).ledger.issues()
    for m in first.measures:
        assert (m.lead, m.owner_unit, m.deadline.text) == ("张某某", "基金监管股", "2025年9月底前")
    assert [(m.owner_unit, m.deadline.text) for m in second.measures] == [("经办中心", "长期坚持")] * 2


def test_a_deadline_sentence_among_the_measures_is_their_deadline() -> None:
    body = ("一、关于党的领导弱化方面\n\n"
            "①贯彻落实安全生产决策部署不到位。整改措施：一是召开安全生产专题会议4次；二是开展建筑工地安全大检查，"
            "排查整改隐患213处。整改时限：立行立改。目前已整改完成。\n\n"
            "②城市更新项目推进迟缓。整改措施：一是建立项目周调度机制；二是对6个滞后项目实行挂图作战。"
            "责任单位：城建科。整改时限：2025年12月底前。目前正在推进。")
    parsed = parse_notice(_notice(body, heading="巡察反馈问题整改情况"))
    first, second = parsed.ledger.issues()
    assert [m.deadline.text for m in first.measures] == ["立行立改", "立行立改"]
    assert [m.status for m in first.measures] == [D, D]
    assert all("时限" not in m.text + m.progress for m in [*first.measures, *second.measures])
    assert [(m.owner_unit, m.deadline.text) for m in second.measures] == [("城建科", "2025年12月底前")] * 2
    assert [m.status for m in second.measures] == [P, P]


# -- a line broken after a comma; two sections of issues in a 回头看 ----------------------------------


def test_a_line_ending_on_a_comma_goes_on_in_the_line_below() -> None:
    # copied from a PDF: the measure's last words broken onto a line of their own
    body = ("一、关于贯彻落实党的路线方针政策方面\n"
            "1.林长制工作推进缓慢。\n"
            "（1）建立县乡村三级林长巡林台账，已完成；（2）开展林长制工作督查2次，通报问题11个，\n"
            "已全部整改。\n"
            "2.森林防火责任落实不到位。\n"
            "（1）修订森林防火责任制考核办法，层层签订责任书126份，\n"
            "正在推进。")
    first, second = parse_notice(_notice(body)).ledger.issues()
    assert first.measures[1].text == "开展林长制工作督查2次，通报问题11个，已全部整改。"
    assert second.measures[0].text.endswith("126份，正在推进。") and second.measures[0].status == P


_TWO_SECTIONS = """某某市交通投资集团有限公司党委关于市委巡察整改“回头看”反馈问题整改情况的通报

根据市委统一部署，2025年5月12日至6月30日，市委第二巡察组对集团党委开展了巡察整改“回头看”，并于2025年8月5日反馈了“回头看”情况。现将整改情况公布如下。

一、整改工作组织情况

集团党委召开专题会议，对“回头看”反馈的3个问题逐项制定整改措施。

二、原巡察反馈问题整改不到位问题的整改情况

1.关于工程变更管理不规范问题整改不彻底的问题。一是修订工程变更管理办法，已印发；二是对变更项目开展复查，已完成。

2.关于欠薪问题化解不到位的问题。一是建立农民工工资专户管理台账，已完成；二是清偿拖欠工资320万元，其余80万元正在协调。

三、“回头看”新发现问题的整改情况

3.关于合同管理不规范的问题。一是开展合同专项清理，已清理合同213份；二是上线合同管理系统，正在推进。

四、下一步工作打算

集团党委将持续深化整改。

中共某某市交通投资集团有限公司委员会
2025年11月25日
"""


def test_two_sections_of_issues_are_two_aspects_and_read_back_the_same() -> None:
    parsed = parse_notice(_TWO_SECTIONS)
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["原巡察反馈问题整改不到位问题的整改情况",
                                                  "“回头看”新发现问题的整改情况"]
    assert [i.number for i in ledger.issues()] == [1, 2, 3]
    assert ledger.info.second_look
    text = render_notice(ledger)
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    at = lines.index("（一）原巡察反馈问题整改不到位问题的整改情况")
    assert lines[at - 1].startswith("二、") and lines[at + 1].startswith("1.")
    assert lines[lines.index("（二）“回头看”新发现问题的整改情况") + 1].startswith("3.关于合同管理不规范的问题")
    assert render_notice(parse_notice(text).ledger) == text


# -- several measures listed in one ledger cell ----------------------------------------------------

_CELL_HEADER = ("方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
_CELL_ASPECT = "一、贯彻落实上级决策部署方面"


def _cell_ledger(path: Path) -> Path:
    rows = [
        # three measures in one cell, all done: three measures, each done
        {"方面": _CELL_ASPECT, "具体问题": "1.理论学习不深入的问题",
         "整改措施": "1.制定年度学习计划；2.开展专题读书班；3.建立学习督查通报制度", "责任单位": "办公室",
         "整改时限": "2026年9月底前", "整改状态": "已完成", "整改进展": "已全部完成"},
        # two in one cell, the progress answering each: each as far as its answer says
        {"方面": _CELL_ASPECT, "具体问题": "2.项目资金管理不规范的问题",
         "整改措施": "（1）开展项目资金专项检查\n（2）修订项目资金管理办法", "责任单位": "计财股",
         "整改时限": "2026年12月底前", "整改状态": "正在推进", "整改进展": "（1）已完成检查\n（2）正在征求意见"},
        # two in one cell, the progress telling of the work as a whole: one measure, as told
        {"方面": _CELL_ASPECT, "具体问题": "3.档案管理不规范的问题", "整改措施": "1.补充完善档案；2.建立定期检查制度",
         "责任单位": "办公室", "整改时限": "2026年12月底前", "整改状态": "正在推进",
         "整改进展": "已补充档案186卷，检查制度正在起草"},
    ]
    return write_ledger(path, _CELL_HEADER, rows, unit="某某县水利局")


def test_measures_listed_in_one_cell_are_told_and_counted_one_by_one(tmp_path: Path) -> None:
    ledger = api.read_ledger(_cell_ledger(tmp_path / "台账.xlsx"))
    text = render_notice(ledger)
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    first = next(line for line in lines if line.startswith("1."))
    assert "一是制定年度学习计划" in first and "二是开展专题读书班" in first and "三是建立学习督查通报制度" in first
    second = next(line for line in lines if line.startswith("2."))
    assert "一是开展项目资金专项检查，已完成检查" in second and "二是修订项目资金管理办法" in second
    third = next(line for line in lines if line.startswith("3."))
    assert "二是" not in third  # told as a whole: one measure
    totals = next(line for line in lines if line.startswith("截至"))
    # 3 + 2 + 1 measures, as the section numbers them; done: the three, and the check of issue 2
    assert "6项整改措施已完成4项、正在推进2项" in totals
    # the published notice read back counts what it states
    parsed = parse_notice(text)
    assert sum(1 for _ in parsed.ledger.measures()) == 6
    assert [c.ok for c in parsed.total_checks if c.item in ("issues", "measures")] == [True, True]


def test_the_notice_command_reports_the_measures_the_notice_counts(tmp_path: Path) -> None:
    import subprocess
    import sys
    path = _cell_ledger(tmp_path / "台账.xlsx")
    out = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(path), "-o", str(tmp_path / "通报.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert "3个问题6项措施" in out


# -- headings over unnumbered problems, each named in a paragraph of its own -----------------------


def test_headings_over_paragraphs_naming_problems_group_the_issues() -> None:
    # a 乡镇党委's layout: "（一）关于…的问题" heads paragraphs "针对…问题。" each followed by its
    # measures a line each and "目前，该问题已整改完成。"; the notice ends "特此通报。"
    body = ("（一）关于落实乡村振兴战略不力的问题\n\n"
            "针对村集体经济“空壳村”问题。\n一是制定村集体经济发展规划，指导5个村发展特色种植产业。\n"
            "二是盘活闲置资产，村集体年增收28万元。\n目前，该问题已整改完成。\n\n"
            "针对人居环境整治不到位问题。\n一是开展“清垃圾、清沟渠”专项行动12次。\n"
            "二是建立村庄保洁长效机制。\n目前，该问题正在整改。\n\n"
            "（二）关于全面从严治党不到位的问题\n\n"
            "针对村级财务管理不规范问题。\n一是开展村级财务专项审计，整改问题23个。\n"
            "二是推行村级财务“一本账”管理。\n目前，该问题已整改完成。")
    text = (f"中共某某镇委员会关于巡察整改情况的通报\n\n2025年4月15日至5月30日，县委第三巡察组对某某镇党委进行了巡察，"
            f"并于2025年7月1日反馈了巡察意见。现将整改情况公布如下：\n\n一、整改工作开展情况\n\n镇党委召开专题会议。\n\n"
            f"二、反馈问题整改情况\n\n{body}\n\n特此通报。\n\n中共某某镇委员会\n2025年10月12日\n")
    ledger = parse_notice(text).ledger
    assert [a.title for a in ledger.aspects] == ["关于落实乡村振兴战略不力的问题", "关于全面从严治党不到位的问题"]
    issues = list(ledger.issues())
    assert [i.title for i in issues] == ["针对村集体经济“空壳村”问题", "针对人居环境整治不到位问题",
                                         "针对村级财务管理不规范问题"]
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert [m.status for m in issues[1].measures] == [P, P]
    assert all("特此通报" not in m.text + m.progress for m in ledger.measures())


def test_measures_counted_as_made_and_all_done_are_each_done() -> None:
    for tail in ("该问题共3项措施，已全部完成。", "3项措施均已完成。", "共制定整改措施3条，均已完成。"):
        parsed = parse_notice(_notice("1.关于政府采购管理不规范的问题。一是修订政府采购内控制度；"
                                      f"二是开展采购项目专项检查；三是建立采购档案管理台账。{tail}"))
        measures = list(parsed.ledger.measures())
        assert [m.status for m in measures] == [D, D, D], tail
        assert measures[-1].text == "建立采购档案管理台账。", tail
    # "制定的3项措施中已完成2项、1项正在推进": a count; which is which is not said
    parsed = parse_notice(_notice("1.关于政府采购管理不规范的问题。一是修订政府采购内控制度；二是开展采购项目专项检查；"
                                  "三是建立采购档案管理台账。制定的3项措施中已完成2项、1项正在推进。"))
    assert [m.status for m in parsed.ledger.measures()] == [None, None, None]
    assert all("已完成2项" in m.remark for m in parsed.ledger.measures())


def test_a_status_line_after_a_progress_line_opening_with_a_status_word() -> None:
    # "整改进展：正在推进，已覆盖8个支部。" then "完成情况：正在推进": the progress is the progress,
    # the status line the issue's status — not both kept as progress
    body = ("（一）党的建设方面\n问题1：党员教育管理不严格。\n整改措施：开展党员积分制管理。\n"
            "整改进展：正在推进，已覆盖8个支部。\n完成情况：正在推进\n"
            "问题2：项目审批效率不高。\n整改措施：推行并联审批。\n整改进展：已推行并联审批。\n完成情况：已完成")
    first, second = parse_notice(_notice(body)).ledger.issues()
    (m,) = first.measures
    assert (m.text, m.progress, m.status) == ("开展党员积分制管理。", "正在推进，已覆盖8个支部。", P)
    assert (second.measures[0].progress, second.measures[0].status) == ("已推行并联审批。", D)
