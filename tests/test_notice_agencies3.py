"""Notices in yet more offices' styles, read as a careful reader would: a decimal outline
("1. / 2.1 / 2.1.1"), Word heading styles without numbering, issues labelled "反馈问题N：" with the
inspectors' words quoted, owners and deadlines in brackets after a measure or an issue, notes
after the signature, list bullets, issues grouped by the leader or unit who leads them, an
aspect's count sentence, a deadline named in a measure ("预计…完成"), partly finished work, a
totals table aligned with spaces, a short notice of counts only, and issues numbered on across
aspects.

Every notice here is written for this file about fictional units (not copied from any real one).
Each parse is also rendered and parsed again: the issues and measures must come back the same.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from rectxl.core.model import Ledger, Status
from rectxl.core.notice import ParsedNotice, infer_status, parse_notice, render_notice
from rectxl.core.notice.totals import StatedTotals, table_totals
from rectxl.io.notice_file import read_notice_file

HEAD = """中共松岭县交通运输局党组关于县委巡察整改进展情况的通报

　　根据县委统一部署，2024年3月11日至5月10日，县委第三巡察组对县交通运输局党组开展了巡察，2024年6月14日反馈了巡察意见。现将整改进展情况公布如下。
"""

TAIL = """
　　欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0745-6612345；电子邮箱：sljtj@163.com。

中共松岭县交通运输局党组
2024年11月18日
"""


def _parse(body: str) -> ParsedNotice:
    return parse_notice(HEAD + body + TAIL)


def _issues(ledger: Ledger) -> list[tuple[str, int]]:
    return [(i.title, len(i.measures)) for i in ledger.issues()]


def _aspects(ledger: Ledger) -> list[str | None]:
    return [a.title for a in ledger.aspects]


def _statuses(ledger: Ledger) -> list[Status | None]:
    return [m.status for m in ledger.measures()]


def _assert_stable(parsed: ParsedNotice) -> ParsedNotice:
    """parse → render → parse gives the same aspects, issues, measures and owners."""
    text = render_notice(parsed.ledger)
    back = parse_notice(text)
    first, again = parsed.ledger, back.ledger
    assert _aspects(again) == _aspects(first)
    assert _issues(again) == _issues(first)
    for m, n in zip(first.measures(), again.measures(), strict=True):
        assert n.text.startswith(m.text.rstrip("。；;")), (m.text, n.text)
    assert not back.unplaced
    return back


# ---------------------------------------------------------------------------
# 1. A decimal outline: "1. section / 2.1 aspect / 2.1.1 issue"
# ---------------------------------------------------------------------------

OUTLINE = """
1. 压实整改主体责任情况

局党组召开专题会议研究整改，对反馈的2个方面3个问题制定整改措施7项。

2. 巡察反馈问题整改落实情况

2.1 服务交通强县建设方面

2.1.1 农村公路养护资金使用不规范的问题。一是开展资金专项清查，已完成。二是修订资金管理办法。三是追回挪用资金8.6万元。

2.1.2 客运站安全检查流于形式的问题。一是开展客运站隐患排查，整改隐患14处，已完成。二是建立安全检查月通报制度，长期坚持。

2.2 全面从严治党方面

2.2.1 工程招标监管有漏洞的问题。一是对在建项目招标文件开展复查，正在推进。二是推行电子招标，已完成。

3. 下一步工作打算

局党组将巩固整改成果，推动交通事业发展。
"""


def test_decimal_outline_reads_as_section_aspect_issue() -> None:
    parsed = _parse(OUTLINE)
    ledger = parsed.ledger
    info = ledger.info
    assert info.heading_one == "压实整改主体责任情况"
    assert info.heading_two == "巡察反馈问题整改落实情况"
    assert info.heading_three == "下一步工作打算"
    assert info.section_three == "局党组将巩固整改成果，推动交通事业发展。"
    assert _aspects(ledger) == ["服务交通强县建设方面", "全面从严治党方面"]
    assert _issues(ledger) == [("农村公路养护资金使用不规范的问题", 3),
                               ("客运站安全检查流于形式的问题", 2), ("工程招标监管有漏洞的问题", 2)]
    assert [i.number for i in ledger.issues()] == [1, 2, 1]
    first = next(ledger.issues()).measures
    assert first[2].text == "追回挪用资金8.6万元。"
    assert _statuses(ledger)[-2:] == [Status.IN_PROGRESS, Status.DONE]
    assert all(c.ok for c in parsed.total_checks)
    assert parsed.complete and not parsed.warnings
    _assert_stable(parsed)


def test_an_amount_at_a_line_start_is_no_outline_number() -> None:
    body = OUTLINE.replace("追回挪用资金8.6万元。", "追回挪用资金。\n2.5万元已退回县财政专户。")
    ledger = _parse(body).ledger
    assert _issues(ledger)[0] == ("农村公路养护资金使用不规范的问题", 3)
    assert "2.5万元已退回县财政专户" in next(ledger.issues()).measures[2].text


# ---------------------------------------------------------------------------
# 2. Word heading styles with no numbering: the heading level is the hierarchy
# ---------------------------------------------------------------------------

def _heading_docx(path: Path, style_names: tuple[str, str, str]) -> None:
    document = docx.Document()
    h1, h2, h3 = style_names
    if h1 != "Heading 1":  # a document whose heading styles carry Chinese names
        for name, base in zip(style_names, ("Heading 1", "Heading 2", "Heading 3"), strict=True):
            style = document.styles.add_style(name, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.element.get_or_add_pPr().append(
                document.styles[base].element.pPr.find(docx.oxml.ns.qn("w:outlineLvl")).__copy__())
    document.add_heading("中共松岭县交通运输局党组关于县委巡察整改进展情况的通报", level=0)
    document.add_paragraph("根据县委统一部署，县委第三巡察组于2024年3月对县交通运输局党组开展了巡察，"
                           "2024年6月14日反馈了巡察意见。现将整改进展情况公布如下。")
    for text, style in [
        ("压实整改主体责任情况", h1),
        ("局党组对反馈的2个方面3个问题制定整改措施6项。", None),
        ("巡察反馈问题整改落实情况", h1),
        ("服务交通强县建设方面", h2),
        ("农村公路养护资金使用不规范", h3),
        ("一是开展养护资金专项清查，已完成。二是修订养护资金管理办法，已印发。", None),
        ("客运站安全检查流于形式", h3),
        ("一是开展客运站隐患排查，整改隐患14处。二是建立安全检查月通报制度，长期坚持。", None),
        ("全面从严治党方面", h2),
        ("工程招标监管有漏洞", h3),
        ("一是对在建项目招标文件开展复查，正在推进。二是推行电子招标，已完成。", None),
        ("下一步工作打算", h1),
        ("局党组将巩固整改成果。", None),
        ("中共松岭县交通运输局党组", None),
        ("2024年11月18日", None),
    ]:
        document.add_paragraph(text, style=style)
    document.save(str(path))


@pytest.mark.parametrize("names", [("Heading 1", "Heading 2", "Heading 3"),
                                   ("标题 1", "标题 2", "标题 3")], ids=["english", "chinese"])
def test_word_heading_styles_are_section_aspect_issue(tmp_path: Path,
                                                      names: tuple[str, str, str]) -> None:
    path = tmp_path / "通报.docx"
    _heading_docx(path, names)
    parsed = parse_notice(read_notice_file(path))
    ledger = parsed.ledger
    assert ledger.info.title == "中共松岭县交通运输局党组关于县委巡察整改进展情况的通报"
    assert ledger.info.heading_one == "压实整改主体责任情况"
    assert ledger.info.section_three == "局党组将巩固整改成果。"
    assert _aspects(ledger) == ["服务交通强县建设方面", "全面从严治党方面"]
    assert _issues(ledger) == [("农村公路养护资金使用不规范", 2), ("客运站安全检查流于形式", 2),
                               ("工程招标监管有漏洞", 2)]
    assert ledger.info.report_date == date(2024, 11, 18)
    assert parsed.complete and all(c.ok for c in parsed.total_checks)
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 3. "反馈问题N：“…。”" then "整改情况：…": each label is an issue, titled by the quoted words
# ---------------------------------------------------------------------------

QUOTED = """
　　一、整改工作组织情况
　　公司党委对巡察反馈的2个方面3个问题制定整改措施7条。
　　二、巡察反馈问题整改落实情况
　　（一）服务地方发展方面
　　反馈问题1：“主业投资比重偏低，重点项目推进迟缓。”
　　整改情况：一是修订年度投资计划，已经董事会审议通过。二是建立重点项目周调度制度，已执行。
　　反馈问题2：“融资成本管控不力，存量债务结构不合理。”
　　整改情况：一是置换高息债务1.2亿元，已完成。二是建立融资成本季度分析制度，长期坚持。
　　（二）全面从严治党方面
　　反馈问题3：“公务用车管理不规范。”
　　整改情况：一是收回超标配备车辆3台。二是修订公务用车管理办法，已印发。三是开展专项检查，已完成。
　　三、下一步工作打算
　　公司党委将持续抓好整改落实。
"""


@pytest.mark.parametrize("label", ["反馈问题", "问题", "巡察反馈问题"])
def test_labelled_issues_with_quoted_titles_are_each_an_issue(label: str) -> None:
    parsed = _parse(QUOTED.replace("反馈问题", label))
    ledger = parsed.ledger
    assert _issues(ledger) == [("主业投资比重偏低，重点项目推进迟缓", 2),
                               ("融资成本管控不力，存量债务结构不合理", 2), ("公务用车管理不规范", 3)]
    assert [i.number for i in ledger.issues()] == [1, 2, 3]
    assert not any(q in i.title for i in ledger.issues() for q in "“”")
    assert all(i.intro == "整改情况：" for i in ledger.issues())
    assert parsed.complete and not parsed.warnings
    assert all(c.ok for c in parsed.total_checks)
    _assert_stable(parsed)


def test_numbered_issue_titled_by_a_quotation() -> None:
    body = QUOTED.replace("反馈问题1：", "1.").replace("反馈问题2：", "2.").replace("反馈问题3：", "3.")
    titles = [t for t, _ in _issues(_parse(body).ledger)]
    assert titles[1] == "融资成本管控不力，存量债务结构不合理"


def test_a_title_opening_with_a_quoted_name_keeps_its_quotes() -> None:
    body = QUOTED.replace("反馈问题3：“公务用车管理不规范。”", "反馈问题3：“三重一大”制度执行不严的问题。")
    assert _issues(_parse(body).ledger)[2] == ("“三重一大”制度执行不严的问题", 3)


# ---------------------------------------------------------------------------
# 4-5. Owners and deadlines in brackets: after each measure, or once after the issue
# ---------------------------------------------------------------------------

PER_MEASURE = """
　　二、巡察反馈问题整改落实情况
　　（一）关于党的政治建设方面
　　1.课程思政落实有差距的问题。一是修订人才培养方案，已完成。（责任单位：教务处、各学院）二是新增专职思政课教师12名。（责任单位：马克思主义学院；责任领导：副校长周文）三是建设校外实践基地6个（牵头单位：学生工作部）。
　　2.意识形态阵地管理不严的问题。一是对讲座论坛实行“一会一报”，已全面执行。（责任单位：党委宣传部）二是开展教材专项排查，排查教材260种。（责任单位：教务处）
　　三、下一步工作打算
　　学校党委将巩固整改成果。
"""


def test_owner_bracket_after_each_measure_is_that_measures_owner() -> None:
    parsed = _parse(PER_MEASURE)
    ledger = parsed.ledger
    assert _issues(ledger) == [("课程思政落实有差距的问题", 3), ("意识形态阵地管理不严的问题", 2)]
    measures = list(ledger.measures())
    assert [m.owner_unit for m in measures] == ["教务处、各学院", "马克思主义学院", "学生工作部",
                                                "党委宣传部", "教务处"]
    assert measures[1].lead == "副校长周文" and measures[0].lead == ""
    assert [m.text for m in measures[:3]] == ["修订人才培养方案，已完成。", "新增专职思政课教师12名。",
                                              "建设校外实践基地6个。"]
    assert not any("责任单位" in m.text or "（" in m.text for m in measures)
    assert not parsed.warnings
    _assert_stable(parsed)


ISSUE_TAIL = """
　　二、巡察反馈问题整改落实情况
　　（一）乡村振兴方面
　　1.农田水利设施管护不到位的问题。一是开展设施质量排查，已完成。二是修复损毁渠道，已修复11处。三是建立管护机制，正在推进。（责任单位：农田建设股；完成时限：2024年12月31日）
　　2.项目资金监管不力的问题。一是开展专项审计，已完成。二是追回违规资金6.3万元。（责任单位：计划财务股；配合单位：各乡镇农业服务中心；责任领导：副局长陈海；完成时限：立行立改）
　　3.干部作风不实的问题。一是开展作风专项整治，已完成。二是建立下乡服务登记制度，长期坚持。（责任单位：办公室、人事股，完成时限：2024年8月底前完成并长期坚持）
　　三、下一步工作打算
　　局党组将持续抓好整改。
"""


def test_owner_and_deadline_bracket_after_an_issue_applies_to_every_measure() -> None:
    parsed = _parse(ISSUE_TAIL)
    ledger = parsed.ledger
    issues = list(ledger.issues())
    assert _issues(ledger) == [("农田水利设施管护不到位的问题", 3), ("项目资金监管不力的问题", 2),
                               ("干部作风不实的问题", 2)]
    assert {m.owner_unit for m in issues[0].measures} == {"农田建设股"}
    assert {m.deadline.due for m in issues[0].measures} == {date(2024, 12, 31)}
    assert {m.lead for m in issues[1].measures} == {"副局长陈海"}
    assert {m.extra.get("配合单位") for m in issues[1].measures} == {"各乡镇农业服务中心"}
    assert {m.deadline.kind.value for m in issues[1].measures} == {issues[1].measures[0].deadline.kind.value}
    assert issues[1].measures[0].deadline.text == "立行立改"
    assert {m.owner_unit for m in issues[2].measures} == {"办公室、人事股"}
    assert issues[2].measures[1].deadline.text == "2024年8月底前完成并长期坚持"
    assert issues[2].measures[1].deadline.due == date(2024, 8, 31)
    assert issues[0].measures[2].text == "建立管护机制，正在推进。"
    assert issues[0].measures[2].status is Status.IN_PROGRESS  # not "完成" of 完成时限
    assert not any("（" in m.text for m in ledger.measures())
    _assert_stable(parsed)


def test_a_bracket_that_names_no_owner_stays_in_the_measure() -> None:
    body = ISSUE_TAIL.replace("（责任单位：农田建设股；完成时限：2024年12月31日）", "（含3座泵站）")
    measure = next(_parse(body).ledger.issues()).measures[2]
    assert measure.text == "建立管护机制，正在推进。（含3座泵站）" and measure.owner_unit == ""


# ---------------------------------------------------------------------------
# 7, 13. Statuses: a long-term status word, and part of the work done
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "status"), [
    ("开展示范创建活动，持续推进。", Status.LONG_TERM),
    ("建立动态管理机制，每年复核一次（持续推进中）。", Status.LONG_TERM),
    ("选树先进典型，持续推进中。", Status.LONG_TERM),
    ("推进信息系统建设（正在推进，预计2025年6月底完成）。", Status.IN_PROGRESS),
    ("清退不符合条件家庭21户（已完成）。", Status.DONE),
    ("局党组将持续推进城市管理工作高质量发展。", Status.IN_PROGRESS),  # work named, not a status
    ("对排查发现的23处设施损毁问题进行修复，已修复19处。", Status.IN_PROGRESS),
    ("对12个滞后项目实行挂图作战，目前已有9个项目恢复正常进度。", Status.IN_PROGRESS),
    ("发现问题21个，已整改21个。", Status.DONE),
    ("对全县23个村开展排查，已排查出问题9个。", Status.DONE),  # 9 problems found, not 9 of 23
    ("开展违法建设专项治理，拆除违法建设4.2万平方米。", Status.DONE),
])
def test_status_from_wording(text: str, status: Status) -> None:
    assert infer_status(text) is status


# ---------------------------------------------------------------------------
# 6. Notes after the signature: the body stops at them, 落款 and 日期 are kept
# ---------------------------------------------------------------------------

NOTED_BODY = """
　　一、整改工作组织情况
　　局党组对反馈的1个方面2个问题制定整改措施4条[1]。
　　二、巡察反馈问题整改落实情况
　　（一）落实医保政策方面
　　1.基金监管不严的问题。一是开展“双随机、一公开”[2]检查，检查机构42家。二是上线智能监控系统，已运行。
　　2.落实“三重一大”※决策制度不严格的问题。一是修订集体决策制度，已印发。二是开展决策情况自查，已完成。
　　三、下一步工作打算
　　局党组将持续抓好整改。
"""

NOTES = """
注释：
[1] 整改措施数以县委巡察办备案的整改方案为准。
[2] “双随机、一公开”指随机抽取检查对象、随机选派检查人员。
※ “三重一大”指重大事项决策、重要干部任免、重大项目安排和大额度资金使用。
"""


@pytest.mark.parametrize("where", ["after-signature", "before-signature"])
def test_notes_block_keeps_signature_and_drops_markers(where: str) -> None:
    if where == "after-signature":
        text = HEAD + NOTED_BODY + TAIL + NOTES
    else:
        closing, signature = TAIL.rsplit("\n中共", 1)
        text = HEAD + NOTED_BODY + closing + NOTES + "\n中共" + signature
    parsed = parse_notice(text)
    info = parsed.ledger.info
    assert info.party_org == "中共松岭县交通运输局党组"
    assert info.report_date == date(2024, 11, 18)
    assert info.phone == "0745-6612345"
    assert info.section_three == "局党组将持续抓好整改。"
    assert info.section_one == "局党组对反馈的1个方面2个问题制定整改措施4条。"
    assert _issues(parsed.ledger) == [("基金监管不严的问题", 2), ("落实“三重一大”决策制度不严格的问题", 2)]
    assert next(parsed.ledger.measures()).text == "开展“双随机、一公开”检查，检查机构42家。"
    assert "[2] “双随机、一公开”指" in info.extra["注释"]
    assert parsed.complete and not parsed.unplaced
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 8-9. List bullets and Markdown list marks are no part of a measure
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("bullet", ["● ", "■ ", "— ", "- ", "• ", "◆"])
def test_bullets_are_no_part_of_the_measure(bullet: str) -> None:
    body = f"""
　　二、巡察反馈问题整改落实情况
　　（一）教育优先发展方面
1．义务教育优质均衡推进不力的问题
{bullet}制定优质均衡发展三年行动方案，已印发。
{bullet}组建教育集团4个，覆盖中小学19所。
{bullet}实施薄弱学校改造工程，正在推进
2．课后服务质量不高的问题
{bullet}建立课后服务评价机制，已完成。
　　三、下一步工作打算
　　局党组将巩固整改成果。
"""
    parsed = _parse(body)
    ledger = parsed.ledger
    assert _issues(ledger) == [("义务教育优质均衡推进不力的问题", 3), ("课后服务质量不高的问题", 1)]
    texts = [m.text for m in ledger.measures()]
    assert texts[0] == "制定优质均衡发展三年行动方案，已印发。"
    assert texts[2] == "实施薄弱学校改造工程，正在推进。"  # an item without its full stop stays apart
    rendered = render_notice(ledger)
    assert "一是制定优质均衡发展三年行动方案" in rendered
    assert bullet.strip() not in rendered.split("二、")[1].split("三、")[0]
    _assert_stable(parsed)


def test_markdown_notice_with_list_items(tmp_path: Path) -> None:
    text = """# 中共松岭县司法局党组关于县委巡察整改进展情况的通报

根据县委统一部署，县委第五巡察组于2024年5月对县司法局党组开展了巡察，2024年8月16日反馈了巡察意见。现将整改进展情况公布如下。

## 一、整改工作组织开展情况

局党组对反馈的1个方面2个问题制定整改措施5条。

## 二、巡察反馈问题整改落实情况

### （一）贯彻落实决策部署方面

#### 1. 法治政府示范创建推进不力的问题

- 制定示范创建工作方案，已印发。
- 开展规范性文件清理，废止文件7件。
- 推进执法“三项制度”落实，**正在推进**。

#### 2. 公共法律服务体系不健全的问题

- 建成村级公共法律服务室58个。
- 推行“一村一法律顾问”，持续推进。

## 三、下一步工作打算

局党组将巩固整改成果。

中共松岭县司法局党组

2024年12月3日
"""
    path = tmp_path / "通报.md"
    path.write_text(text, encoding="utf-8")
    parsed = parse_notice(read_notice_file(path))
    ledger = parsed.ledger
    assert _issues(ledger) == [("法治政府示范创建推进不力的问题", 3), ("公共法律服务体系不健全的问题", 2)]
    assert [m.text for m in ledger.measures()][2] == "推进执法“三项制度”落实，正在推进。"
    assert _statuses(ledger) == [Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE,
                                 Status.LONG_TERM]
    assert not any(m.text.startswith("-") for m in ledger.measures())
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 10. Issues grouped by the leader or the unit that leads them
# ---------------------------------------------------------------------------

PER_LEADER = """
　　一、整改工作组织开展情况
　　局党组实行“班子成员包问题”机制，反馈的3个问题由2名局领导分别领办。
　　二、巡察反馈问题整改落实情况
　　（一）党组书记、局长王建平领办的问题（2个）
　　1.耕地保护责任落实不到位问题。整改情况：一是制定耕地保护考核细则，已印发。二是开展违法占地专项整治，查处案件9宗。
　　2.执行民主集中制不严格问题。整改情况：一是修订党组会议议事规则，已印发执行。
　　（二）党组成员、副局长赵雪梅领办的问题（1个）
　　3.规划审批效率不高问题。整改情况：一是推行“多审合一”改革，审批时限压缩三成。二是建立审批超时预警机制，持续推进。
　　三、下一步工作打算
　　局党组将持续深化整改。
"""


def test_issues_grouped_by_leader_give_each_measure_its_lead() -> None:
    parsed = _parse(PER_LEADER)
    ledger = parsed.ledger
    assert _aspects(ledger) == ["党组书记、局长王建平领办的问题", "党组成员、副局长赵雪梅领办的问题"]
    assert [m.lead for m in ledger.measures()] == ["王建平"] * 3 + ["赵雪梅"] * 2
    assert _statuses(ledger)[-1] is Status.LONG_TERM
    assert not parsed.warnings  # the counts in brackets agree with the issues listed
    back = _assert_stable(parsed)
    assert [m.lead for m in back.ledger.measures()] == ["王建平"] * 3 + ["赵雪梅"] * 2


def test_issues_grouped_by_the_unit_that_leads_them() -> None:
    body = (PER_LEADER.replace("党组书记、局长王建平领办的问题（2个）", "办公室牵头整改的问题")
            .replace("党组成员、副局长赵雪梅领办的问题（1个）", "国土空间规划股牵头整改的问题"))
    ledger = _parse(body).ledger
    assert [m.owner_unit for m in ledger.measures()] == ["办公室"] * 3 + ["国土空间规划股"] * 2
    assert all(m.lead == "" for m in ledger.measures())


def test_a_group_count_that_disagrees_is_warned_about() -> None:
    parsed = _parse(PER_LEADER.replace("领办的问题（1个）", "领办的问题（2个）"))
    assert any("称有2个问题，正文列出1个" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 11. An aspect's count sentence is no part of its title
# ---------------------------------------------------------------------------

ASPECT_COUNTS = """
　　二、具体问题整改情况
　　（一）贯彻落实决策部署方面。该方面共2个问题，已整改完成1个，1个正在推进。
　　1.食品安全责任落实不够有力问题。一是制定包保督导清单，已完成。二是开展校园食品安全检查，检查食堂52家。
　　2.营商环境举措不多问题。一是推行“一件事一次办”，正在推进。
　　（二）全面从严治党方面。该方面共1个问题，已全部整改完成。
　　3.财务管理不规范问题。一是修订财务报销办法，已印发执行。
　　三、下一步工作打算
　　局党组将持续跟踪推进。
"""


def test_aspect_count_sentence_is_checked_not_kept_in_the_title() -> None:
    parsed = _parse(ASPECT_COUNTS)
    assert _aspects(parsed.ledger) == ["贯彻落实决策部署方面", "全面从严治党方面"]
    assert not parsed.warnings
    _assert_stable(parsed)
    wrong = _parse(ASPECT_COUNTS.replace("该方面共1个问题", "该方面共2个问题"))
    assert any("全面从严治党方面”称有2个问题，正文列出1个" in w for w in wrong.warnings)


# ---------------------------------------------------------------------------
# 12. A measure that says when it will be done has that deadline
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "due"), [
    ("推进信息系统建设，正在推进，预计2025年6月底完成。", date(2025, 6, 30)),
    ("推进信息系统建设（正在推进，预计2025年3月底完成）。", date(2025, 3, 31)),
    ("推进信息系统建设，预计2024年12月底前完成。", date(2024, 12, 31)),
    ("推进信息系统建设，力争2025年上半年建成投用。", date(2025, 6, 30)),
])
def test_planned_completion_date_is_the_deadline(words: str, due: date) -> None:
    body = ASPECT_COUNTS.replace("推行“一件事一次办”，正在推进。", words)
    measure = list(_parse(body).ledger.measures())[2]
    assert measure.deadline.due == due
    assert measure.status is Status.IN_PROGRESS
    first = next(_parse(body).ledger.measures())
    assert not first.deadline.text  # a measure that names no date has none


def test_a_date_a_measure_was_done_on_is_no_deadline() -> None:
    body = ASPECT_COUNTS.replace("推行“一件事一次办”，正在推进。", "上线审批平台，已于2024年10月正式运行。")
    assert not list(_parse(body).ledger.measures())[2].deadline.text


# ---------------------------------------------------------------------------
# 14. A totals table aligned with spaces: its 合计 row read, the table kept as a table
# ---------------------------------------------------------------------------

SPACED_TABLE = """
　　一、整改工作开展情况
　　镇党委制定整改方案，建立整改台账。截至2024年10月31日，整改完成情况如下表：
方面　　　　　　　　　　问题数　已完成　正在推进　完成率
党的领导方面　　　　　　2　　　　2　　　　0　　　　100%
全面从严治党方面　　　　2　　　　1　　　　1　　　　50%
合计　　　　　　　　　　4　　　　3　　　　1　　　　75%
　　二、巡察反馈问题整改落实情况
　　（一）党的领导方面
　　1.乡村振兴政策落实不到位的问题。一是制定年度工作清单，已完成。
　　2.防返贫监测机制运行不畅的问题。一是开展监测户排查，已完成。
　　（二）全面从严治党方面
　　3.村级财务管理不规范的问题。一是开展村级财务审计，已完成。
　　4.“三资”管理存在漏洞的问题。一是开展清产核资，正在推进。
　　三、下一步工作打算
　　镇党委将巩固整改成果。
"""


def test_space_aligned_totals_table_is_read_and_kept_as_a_table() -> None:
    parsed = _parse(SPACED_TABLE)
    info = parsed.ledger.info
    assert info.section_one == "镇党委制定整改方案，建立整改台账。截至2024年10月31日，整改完成情况如下表："
    table = info.extra["通报所附统计表"].split("\n")
    assert table[0].split("\t") == ["方面", "问题数", "已完成", "正在推进", "完成率"]
    assert table[-1].split("\t") == ["合计", "4", "3", "1", "75%"]
    stated = parsed.stated_totals
    assert (stated.aspects, stated.issues, stated.done_issues, stated.rate) == (2, 4, 3, 75.0)
    rate = next(c for c in parsed.total_checks if c.item == "rate")
    assert rate.ok
    assert all(c.ok is not False for c in parsed.total_checks)
    assert _issues(parsed.ledger)[0] == ("乡村振兴政策落实不到位的问题", 1)
    rendered = render_notice(parsed.ledger)
    assert "合计\t4\t3\t1\t75%" in rendered  # a row of the table, not a paragraph of prose
    assert rendered.index("如下表：") < rendered.index("合计\t4") < rendered.index("二、")
    back = _assert_stable(parsed)
    assert back.ledger.info.extra["通报所附统计表"] == info.extra["通报所附统计表"]
    assert back.ledger.info.section_one == info.section_one


def test_two_lines_of_prose_with_wide_gaps_are_no_table() -> None:
    body = SPACED_TABLE.replace("方面　　　　　　　　　　问题数　已完成　正在推进　完成率\n", "").replace(
        "党的领导方面　　　　　　2　　　　2　　　　0　　　　100%\n", "").replace(
        "全面从严治党方面　　　　2　　　　1　　　　1　　　　50%\n", "").replace(
        "合计　　　　　　　　　　4　　　　3　　　　1　　　　75%\n",
        "联系人：李明　　电话：6612345　　邮箱：lm@163.com\n联系人：王芳　　电话：6612346　　邮箱：wf@163.com\n")
    info = _parse(body).ledger.info
    assert "通报所附统计表" not in info.extra
    assert "联系人：李明" in (info.section_one or "")


# ---------------------------------------------------------------------------
# 15. A complete short notice of counts only
# ---------------------------------------------------------------------------

COUNTS_ONLY = """
　　局党组成立整改工作领导小组，建立问题、任务、责任“三张清单”。巡察反馈的2个方面8个问题，细化为26项整改措施。截至2024年10月31日，8个问题已完成整改6个，整改完成率75%；26项整改措施已完成22项。
　　下一步，局党组将对尚未完成的整改事项紧盯不放，确保整改取得实效。
"""


def test_counts_only_notice_is_complete_and_files_next_steps_under_three() -> None:
    parsed = _parse(COUNTS_ONLY)
    info = parsed.ledger.info
    assert parsed.complete
    assert not list(parsed.ledger.issues())
    assert info.section_three == "下一步，局党组将对尚未完成的整改事项紧盯不放，确保整改取得实效。"
    assert "下一步" not in (info.section_one or "")
    assert info.section_one is not None and "三张清单" in info.section_one
    assert any("只公布了整改总数" in w for w in parsed.warnings)
    assert not any("不完整" in w for w in parsed.warnings)
    assert [c.item for c in parsed.total_checks] == ["rate"] and parsed.total_checks[0].ok
    assert info.party_org == "中共松岭县交通运输局党组"


def test_counts_only_notice_whose_totals_disagree() -> None:
    parsed = _parse(COUNTS_ONLY.replace("整改完成率75%", "整改完成率90%"))
    assert parsed.complete and parsed.total_checks[0].ok is False


def test_counts_only_text_cut_short_is_still_incomplete() -> None:
    parsed = parse_notice(HEAD + COUNTS_ONLY.split("下一步")[0].rstrip("　\n"))
    assert not parsed.complete
    assert any("不完整" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 16. Issues numbered on across the aspects stay so when printed again
# ---------------------------------------------------------------------------

def test_issue_numbers_running_on_across_aspects_are_kept_on_render() -> None:
    parsed = _parse(ASPECT_COUNTS)
    assert [i.number for i in parsed.ledger.issues()] == [1, 2, 3]
    rendered = render_notice(parsed.ledger)
    assert "3.财务管理不规范问题。" in rendered
    back = _assert_stable(parsed)
    assert [i.number for i in back.ledger.issues()] == [1, 2, 3]


def test_issue_numbers_restarting_per_aspect_restart_on_render() -> None:
    parsed = _parse(ASPECT_COUNTS.replace("3.财务管理", "1.财务管理"))
    assert "1.财务管理不规范问题。" in render_notice(parsed.ledger)


# ---------------------------------------------------------------------------
# Edges of the fixes above
# ---------------------------------------------------------------------------

def test_outline_sub_items_under_numbered_issues_are_measures() -> None:
    body = """
　　二、巡察反馈问题整改落实情况
　　（一）服务发展方面
1.农村公路养护资金使用不规范的问题。
1.1 开展资金专项清查，已完成。
1.2 修订资金管理办法，已印发。
2.客运站安全检查流于形式的问题。
2.1 开展隐患排查，整改隐患14处。
　　三、下一步工作打算
　　局党组将巩固整改成果。
"""
    parsed = _parse(body)
    assert _issues(parsed.ledger) == [("农村公路养护资金使用不规范的问题", 2), ("客运站安全检查流于形式的问题", 1)]
    assert next(parsed.ledger.measures()).text == "开展资金专项清查，已完成。"
    _assert_stable(parsed)


def test_planned_date_with_before_needs_no_verb() -> None:
    body = ASPECT_COUNTS.replace("推行“一件事一次办”，正在推进。", "计划于2025年3月底前对闲置资金清理收回。")
    measure = list(_parse(body).ledger.measures())[2]
    assert measure.deadline.due == date(2025, 3, 31)


def test_a_closing_note_after_the_date_is_no_footnote() -> None:
    parsed = parse_notice(HEAD + ASPECT_COUNTS + TAIL + "注：本通报公开期限为30天。\n")
    assert "注释" not in parsed.ledger.info.extra
    assert parsed.ledger.info.party_org == "中共松岭县交通运输局党组"


def test_a_group_heading_naming_no_one_gives_no_owner() -> None:
    body = PER_LEADER.replace("党组书记、局长王建平领办的问题（2个）", "上级交办的问题")
    ledger = _parse(body).ledger
    assert [m.lead for m in ledger.measures()][:3] == ["", "", ""]
    assert all(m.owner_unit == "" for m in ledger.measures())


@pytest.mark.parametrize(("header", "total", "unit"), [
    (["方面", "问题数", "已完成", "完成率"], ["合计", "4", "3", "75%"], "问题"),
    (["方面", "问题数", "整改措施数", "已完成"], ["合计", "4", "9", "3"], "措施"),
    (["方面", "问题数", "已完成措施数", "完成率"], ["合计", "4", "3", "75%"], "措施"),
])
def test_table_total_row_says_what_its_done_column_counts(header: list[str], total: list[str],
                                                          unit: str) -> None:
    stated = table_totals(StatedTotals(issues=5), [header, ["一方面", "3", "2", "1"], total])
    assert stated.issues == 5  # the prose's count wins
    assert stated.done_unit == unit and stated.done == 3
    assert stated.aspects == 1
