"""Parsing published notices (rectxl.core.notice.parse_notice): both seeds, other agencies' layouts,
stated totals, status inference and non-notices."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pytest

from rectxl.core.errors import RectxlError
from rectxl.core.model import Status
from rectxl.core.notice import (
    UNPLACED_KEY,
    NoticeParseError,
    extract_stated_totals,
    infer_status,
    normalize_for_compare,
    parse_notice,
    render_section_two,
)
from tests.seeds import seed_text


@pytest.fixture(scope="module")
def seed000():
    return parse_notice(seed_text("000"))


@pytest.fixture(scope="module")
def seed004():
    return parse_notice(seed_text("004"))


# ---------------------------------------------------------------------------
# Seed 000: 第X方面 / (一) categories / issues numbered across the notice
# ---------------------------------------------------------------------------

# Measures per issue, counted by hand from the seed's "一是…二是…" (issue 1: 一是…三是,
# issue 9: 一是…五是, issue 16: 一是…七是, issue 22: 一是…九是).
SEED000_MEASURES = [3, 4, 2, 4, 4, 3, 4, 3, 5, 2, 2, 3, 3, 6, 4, 7, 3, 5, 2, 4, 5, 9, 5, 5,
                    3, 3, 5, 4, 2, 3, 2, 2, 3]


def test_seed000_structure(seed000) -> None:
    ledger = seed000.ledger
    assert len(ledger.aspects) == 3
    categories = [c for a in ledger.aspects for c in a.categories]
    assert len(categories) == 12
    assert [c.number for c in categories] == list(range(1, 13))
    assert [len(a.categories) for a in ledger.aspects] == [5, 4, 3]
    issues = list(ledger.issues())
    assert len(issues) == 33
    assert [i.number for i in issues] == list(range(1, 34))
    assert [len(i.measures) for i in issues] == SEED000_MEASURES
    assert sum(SEED000_MEASURES) == 124
    assert len(list(ledger.measures())) == 124
    assert all(i.measure_style == "ordinal" and i.intro == "" for i in issues)
    assert seed000.warnings == []


def test_seed000_titles_and_measure_text(seed000) -> None:
    ledger = seed000.ledger
    assert ledger.aspects[0].number == 1
    assert ledger.aspects[0].title == "破局攻坚能力不强,推动全区卫生健康事业高质量发展有差距"
    assert ledger.aspects[2].title == "基层组织建设薄弱,推动新时代卫生健康队伍建设有差距"
    first_cat = ledger.aspects[0].categories[0]
    assert first_cat.title == "学思践悟习近平新时代中国特色社会主义思想不扎实问题"
    assert ledger.aspects[1].categories[0].number == 6  # category numbers run on
    issue1 = first_cat.issues[0]
    assert issue1.title == "针对理论学习自觉性不强问题"
    assert [m.text for m in issue1.measures] == [
        "已建立区卫生健康局党组“第一议题”学习制度,对学习的内容、频次、参加范围以及学习形式进行全面规范。",
        "已指定专人跟进“第一议题”学习,负责学习内容的提前整理、领学领导的具体安排以及学习过程的记录等事宜。",
        "已借鉴区委区政府的学习安排,制定了我局“第一议题”学习计划,并已按要求落实学习。",
    ]
    for m in issue1.measures:
        assert m.progress == m.text
        assert m.status is Status.DONE
        assert m.deadline.kind == "empty"
    issue9 = next(i for i in ledger.issues() if i.number == 9)
    assert issue9.title == "针对应急医疗物资保障存在底数不清、保障不强、管理不好等问题"
    assert issue9.measures[0].text.startswith("下发物资管理整改通知,要求各单位")
    assert issue9.measures[4].text == (
        "疫情期间采购的高清半球摄像头,已收集到基层单位的使用需求,按实际需求调整调拨。")


def test_seed000_info(seed000) -> None:
    info = seed000.ledger.info
    assert info.title is None  # the seed starts with its preamble
    assert info.preamble and info.preamble.startswith("根据区委统一部署")
    assert info.inspection_group == "区委第三巡察组"
    assert info.inspection_start == date(2023, 3, 16)
    assert info.inspection_end == date(2023, 5, 31)
    assert info.feedback_date == date(2023, 6, 27)
    assert info.unit_name == "区卫生健康局党组(含代管的区红十字会和区计生协会)"
    assert info.heading_one == "提高政治站位,强化整改责任,全力推进巡察整改"
    assert info.heading_two == "强化政治担当,突出问题导向,逐项落实巡察整改措施"
    assert info.heading_three == "加强政治引领,保持整改力度,巩固深化巡察整改成效"
    assert info.section_one and info.section_one.count("\n") == 3  # (一)…(四)
    assert info.section_three and info.section_three.startswith("经过三个月的集中整改")
    assert info.section_three.endswith("提供坚强政治保证。")
    assert info.phone == "020-89206961"
    assert info.address == "广东省广州市海珠区南洲路331号广州市海珠区卫生健康局802室"
    assert info.postcode == "510280"
    assert info.email == "gzhzqwsj@126.com"
    assert info.party_org == "中共广州市海珠区卫生健康局党组"
    assert info.report_date == date(2024, 5, 13)


def test_seed000_stated_totals_and_checks(seed000) -> None:
    stated = seed000.stated_totals
    assert (stated.aspects, stated.issues, stated.measures) == (3, 33, 148)
    assert stated.done is None and stated.rate is None
    assert stated.evidence["measures"] == "148项整改措施"
    checks = {c.item: c for c in seed000.total_checks}
    assert set(checks) == {"aspects", "issues", "measures"}
    assert checks["aspects"].ok is True and checks["aspects"].parsed == 3
    assert checks["issues"].ok is True and checks["issues"].parsed == 33
    # The notice says 148 measures but enumerates 124 (一是…): reported, not raised.
    m = checks["measures"]
    assert (m.stated, m.parsed, m.ok) == (148, 124, False)
    assert "148" in m.message and "124" in m.message and "相差24项" in m.message


# ---------------------------------------------------------------------------
# Seed 004: (一)…方面 aspects, no categories, numbers restart per aspect, plain issues
# ---------------------------------------------------------------------------

SEED004_MEASURES = [[1, 4, 3, 3, 4], [1, 1, 4, 6], [3, 3, 4]]


def test_seed004_structure(seed004) -> None:
    ledger = seed004.ledger
    assert [a.title for a in ledger.aspects] == [
        "关于落实上级决策部署方面", "落实全面从严治党责任方面", "落实新时代党的组织路线方面"]
    assert [a.number for a in ledger.aspects] == [1, 2, 3]
    for aspect in ledger.aspects:
        assert len(aspect.categories) == 1 and aspect.categories[0].title is None
    per_aspect = [[len(i.measures) for i in a.issues()] for a in ledger.aspects]
    assert per_aspect == SEED004_MEASURES
    assert [[i.number for i in a.issues()] for a in ledger.aspects] == [
        [1, 2, 3, 4, 5], [1, 2, 3, 4], [1, 2, 3]]
    assert len(list(ledger.issues())) == 12
    assert len(list(ledger.measures())) == 37
    assert seed004.warnings == []


def test_seed004_plain_issue(seed004) -> None:
    issue = next(seed004.ledger.aspects[0].issues())
    assert issue.title == "夯实政治理论学习"
    assert issue.measure_style == "plain"
    (only,) = issue.measures
    assert only.text.startswith("常态化严格执行“第一议题”学习制度")
    assert only.text.endswith("强化党性修养。")
    assert only.status is Status.LONG_TERM  # 常态化
    assert "1.夯实政治理论学习。常态化严格执行" in render_section_two(seed004.ledger)
    issue2 = list(seed004.ledger.aspects[0].issues())[1]
    assert issue2.title == "弥补差距,致力推动保健工作高质量发展"
    assert issue2.measures[0].text == (
        "加强保健联络人员配备。实行保健联系人服务模式,增加配备保健联络人员,"
        "统筹管理服务对象的日常保健联络、健康管理及健康咨询。")


def test_seed004_info_drops_web_debris(seed004) -> None:
    info = seed004.ledger.info
    assert info.title == "中共深圳市保健委员会办公室委员会关于七届市委第八轮巡察整改进展情况的通报"
    assert info.preamble and info.preamble.startswith("根据市委统一部署")
    assert "来源" not in (info.preamble or "") and "打印" not in (info.preamble or "")
    assert info.inspection_group == "市委第二巡察组"
    assert info.unit_name == "市保健办党委"
    assert (info.inspection_start, info.inspection_end) == (date(2024, 4, 8), date(2024, 6, 21))
    assert info.feedback_date == date(2024, 9, 29)
    assert info.heading_one == "党委履行巡察整改主体责任情况"
    assert info.heading_two == "巡察整改任务落实情况"
    assert info.heading_three == "下一步工作打算"
    assert info.phone == "82283784"
    assert info.address == "深圳市罗湖区东门北路1019号深圳市保健办A401"
    assert info.postcode == "518020"
    assert info.email == "szsbjb-jjjc@wjw.sz.gov.cn"
    assert info.extra["公开期限"] == "2025年9月18日至10月18日"
    assert info.party_org == "中共深圳市保健委员会办公室委员会"
    assert info.report_date == date(2025, 9, 18)


def test_seed004_states_no_totals(seed004) -> None:
    assert seed004.stated_totals.is_empty()
    assert seed004.total_checks == []


# ---------------------------------------------------------------------------
# Other agencies' layouts
# ---------------------------------------------------------------------------

CENTRAL_STYLE = """\
中共某某市某某局党组关于巡视整改进展情况的通报
发布时间:2024-01-05  来源:某某网
【字体:大 中 小】【打印】【关闭】

  根据中央统一部署,2023年4月10日至6月30日,中央第三巡视组对某某局党组进行了常规巡视。2023年9月1日,中央第三巡视组向某某局党组反馈了巡视意见。按照巡视工作有关要求,现将巡视整改进展情况予以公布。

  一、提高政治站位,扛起整改责任

  局党组把巡视整改作为重大政治任务。巡视反馈的25个问题,已完成整改19个,整改完成率76%。

  二、巡视反馈问题整改落实情况

  (一)在“贯彻落实党中央决策部署”方面

  1.关于“学习贯彻不够深入”的问题

  整改情况:一是制定学习计划,已完成专题学习12次;二是将于2024年6月底前完成制度修订。

  2.关于“重点任务推进不力”的问题

  整改情况:正在推进项目建设。

  (二)在“全面从严治党”方面

  3.关于“监督责任落实不到位”的问题。巡视指出:监督检查频次不够。整改情况:一是已开展专项检查。二是持续开展谈心谈话,常态化运用第一种形态。

  三、下一步工作打算

  持续巩固整改成果。

  欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:010-12345678;通信地址:北京市某某区某某路1号,邮政编码:100000;电子邮箱:jubao@example.gov.cn。

  中共某某市某某局党组

  二〇二四年一月五日
"""


def test_central_style_notice() -> None:
    parsed = parse_notice(CENTRAL_STYLE)
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == [
        "在“贯彻落实党中央决策部署”方面", "在“全面从严治党”方面"]
    issues = list(ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3]
    assert issues[0].title == "关于“学习贯彻不够深入”的问题"
    assert issues[0].intro == "整改情况:"
    assert issues[0].measure_style == "ordinal"
    assert [m.text for m in issues[0].measures] == [
        "制定学习计划,已完成专题学习12次;", "将于2024年6月底前完成制度修订。"]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.IN_PROGRESS]
    assert issues[1].measure_style == "plain" and issues[1].intro == "整改情况:"
    assert [m.text for m in issues[1].measures] == ["正在推进项目建设。"]
    assert issues[2].title == "关于“监督责任落实不到位”的问题"
    assert issues[2].intro == "巡视指出:监督检查频次不够。整改情况:"
    assert [m.status for m in issues[2].measures] == [Status.DONE, Status.LONG_TERM]
    info = ledger.info
    assert info.title == "中共某某市某某局党组关于巡视整改进展情况的通报"
    assert info.inspection_group == "中央第三巡视组"
    assert info.feedback_date == date(2023, 9, 1)
    assert info.report_date == date(2024, 1, 5)  # Chinese-numeral date
    assert info.phone == "010-12345678"
    assert info.address == "北京市某某区某某路1号"
    assert info.postcode == "100000"
    # stated totals: 25 issues, 19 done, 76% — the rate agrees with 19/25
    stated = parsed.stated_totals
    assert (stated.issues, stated.done, stated.done_unit, stated.rate) == (25, 19, "问题", 76.0)
    checks = {c.item: c for c in parsed.total_checks}
    # 3 problems numbered 1–3 of the 25 it says: a part listed, not a mismatch (round 21)
    assert checks["issues"].ok is None and checks["issues"].parsed == 3
    assert checks["rate"].ok is True and checks["rate"].parsed == 76.0
    assert checks["done"].ok is None  # statuses are inferred, not decisive


RESTART_STYLE = """\
某某县委巡察整改进展情况的通报
根据县委统一部署,县委第一巡察组对某某乡党委开展了巡察。
一、整改工作开展情况
乡党委高度重视,成立整改领导小组。
二、整改落实情况
一、在落实党的路线方针政策方面
(一)学习贯彻不深入问题
1、理论学习不系统。
(1)制定年度学习计划。
(2)已开展集中学习8次。
2、调查研究不够。已开展调研3次。
二、在全面从严治党方面
(二)监督执纪问题
3、谈话提醒不及时。一是已建立谈话制度;二是拟开展廉政教育。
三、下一步工作打算
持续抓好整改。
某某乡党委
2024年3月1日
"""


def test_aspects_restarted_inside_section_two() -> None:
    parsed = parse_notice(RESTART_STYLE)
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["在落实党的路线方针政策方面", "在全面从严治党方面"]
    assert [c.title for a in ledger.aspects for c in a.categories] == [
        "学习贯彻不深入问题", "监督执纪问题"]
    issues = list(ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3]
    assert issues[0].measure_style == "paren"
    assert [m.text for m in issues[0].measures] == ["制定年度学习计划。", "已开展集中学习8次。"]
    assert issues[1].measure_style == "plain"
    assert [m.text for m in issues[1].measures] == ["已开展调研3次。"]
    assert [m.text for m in issues[2].measures] == ["已建立谈话制度;", "拟开展廉政教育。"]
    assert ledger.info.heading_three == "下一步工作打算"
    assert ledger.info.section_three == "持续抓好整改。"
    assert ledger.info.party_org == "某某乡党委"
    assert ledger.info.report_date == date(2024, 3, 1)
    rendered = render_section_two(ledger)  # the renderer writes full-width punctuation
    assert normalize_for_compare(rendered.splitlines()[0]) == normalize_for_compare(
        "第一方面，在落实党的路线方针政策方面的问题")
    assert normalize_for_compare("1.理论学习不系统。(1)制定年度学习计划。(2)已开展集中学习8次。") in (
        normalize_for_compare(rendered))


ASCII_STYLE = (
    "二、整改落实情况\n"
    "(一)关于班子建设方面\n"
    "1.议事规则不健全.(1)已修订议事规则;(2)拟于6月底前完成培训.\n"
    "２．制度执行不严格。一是已开展检查。\n"
)


def test_ascii_and_fullwidth_punctuation() -> None:
    ledger = parse_notice(ASCII_STYLE).ledger
    (aspect,) = ledger.aspects
    assert aspect.title == "关于班子建设方面"
    i1, i2 = aspect.issues()
    # an ASCII "." ends the title like "。" does
    assert i1.title == "议事规则不健全"
    assert [m.text for m in i1.measures] == ["已修订议事规则;", "拟于6月底前完成培训."]
    assert i2.number == 2 and i2.title == "制度执行不严格"
    assert [m.text for m in i2.measures] == ["已开展检查。"]


def test_paren_issues_directly_under_aspect() -> None:
    text = ("二、整改情况\n(一)关于作风建设方面\n"
            "(1)会风文风不实。已精简会议。\n(2)督查检查过多。已合并检查。\n")
    ledger = parse_notice(text).ledger
    assert [(i.number, i.title) for i in ledger.issues()] == [
        (1, "会风文风不实"), (2, "督查检查过多")]


def test_chinese_numeral_totals() -> None:
    stated = extract_stated_totals(["巡察反馈的两个方面三十三个问题,细化为一百零五条整改措施,"
                                    "已整改到位二十个,完成率达百分之六十"])
    assert (stated.aspects, stated.issues, stated.measures, stated.done, stated.rate) == (
        2, 33, 105, 20, 60.0)


def test_rate_mismatch_is_reported() -> None:
    text = CENTRAL_STYLE.replace("整改完成率76%", "整改完成率90%")
    check = next(c for c in parse_notice(text).total_checks if c.item == "rate")
    assert check.ok is False and check.stated == 90.0 and check.parsed == 76.0
    assert "不一致" in check.message


def test_numbering_gap_warns() -> None:
    text = "二、整改情况\n(一)关于作风方面\n1.问题甲。已整改。\n3.问题乙。已整改。\n"
    parsed = parse_notice(text)
    assert any("编号" in w for w in parsed.warnings)


def test_measure_ordinal_gap_warns() -> None:
    text = "二、整改情况\n1.问题甲。一是已整改。三是已建立制度。\n"
    parsed = parse_notice(text)
    assert len(next(parsed.ledger.issues()).measures) == 1
    assert any("序号" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# Not a notice
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "",
    "   \n\n\u3000",
    "hello world",
    "一、总体情况\n三、下一步打算\n",
    "二、整改落实情况\n这里没有编号的问题,也没有方面。\n",
    "二、整改落实情况\n(一)关于某某方面\n",
    "【打印】\n来源:某某网 日期:2024-01-01\n",
])
def test_not_a_notice_raises_one_chinese_sentence(text: str) -> None:
    with pytest.raises(NoticeParseError) as info:
        parse_notice(text)
    assert isinstance(info.value, RectxlError)
    message = str(info.value)
    assert message.endswith("。") and "\n" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_non_string_input_raises_notice_error() -> None:
    with pytest.raises(NoticeParseError):
        parse_notice(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Status from wording
# ---------------------------------------------------------------------------

STATUS_TABLE = [
    ("已建立学习制度。", Status.DONE),
    ("完成新《章程》的修订。", Status.DONE),
    ("制订了干部选拔任用工作流程。", Status.DONE),
    ("相关案件已办结。", Status.DONE),
    ("拟会同区委编办重新研究政策。", Status.IN_PROGRESS),
    ("将于2024年完成系统建设。", Status.IN_PROGRESS),
    ("3家专科医院将陆续完成建设。", Status.IN_PROGRESS),
    ("下一步继续优化流程。", Status.IN_PROGRESS),
    ("目前正在各单位跟班学习。", Status.IN_PROGRESS),
    ("已建立机制,持续推进落实。", Status.LONG_TERM),  # in place and kept up, as the row below
    ("逐步追加预算支付药品费用。", Status.IN_PROGRESS),
    ("赤岗中心尚未完成建设。", Status.IN_PROGRESS),
    ("已完成建设并长期坚持。", Status.LONG_TERM),
    ("持续坚持“第一议题”制度。", Status.LONG_TERM),
    ("常态化开展廉政教育。", Status.LONG_TERM),
    ("改善了大门口长期拥堵问题。", Status.DONE),  # a bare 长期 describes the problem
    ("将心理健康项目纳入年度体检。", Status.IN_PROGRESS),  # 将 = 把, no completion word
    ("加强保健联络人员配备。", Status.IN_PROGRESS),  # nothing said: never claim done
    ("为了提高质量,加强培训。", Status.IN_PROGRESS),  # 为了 is not a completion
]


@pytest.mark.parametrize(("text", "expected"), STATUS_TABLE)
def test_infer_status(text: str, expected: Status) -> None:
    assert infer_status(text) is expected


# ---------------------------------------------------------------------------
# Front matter: the feedback date is the date of 反馈; group and unit; debris
# ---------------------------------------------------------------------------

BODY = "二、巡察反馈问题整改情况\n（一）关于作风建设方面\n1.会风文风不实问题。已精简会议。\n"


@pytest.mark.parametrize(("preamble", "signature", "feedback"), [
    ("根据省委统一部署，省委第二巡视组于2026年3月10日至5月8日对蘅水市进行了巡视，"
     "并于7月2日向蘅水市委反馈了巡视意见。", "2026年10月15日", date(2026, 7, 2)),
    ("根据省委统一部署，省委第五巡视组于3月10日至5月8日对省水利厅党组进行了巡视，"
     "并于7月2日反馈了巡视意见。", "2026年9月28日", date(2026, 7, 2)),
    ("2024年11月4日至12月20日，县委第一巡察组对县财政局党组进行了巡察，1月16日反馈了巡察意见。",
     "2025年4月28日", date(2025, 1, 16)),  # the year turns
    ("根據縣委統一部署，2024年10月8日至11月29日，縣委第一巡察組對縣交通運輸局黨組進行了巡察。"
     "2025年1月16日，縣委第一巡察組向縣交通運輸局黨組反饋了巡察意見。", "2025年4月28日",
     date(2025, 1, 16)),
    ("根据县委统一部署，2025年9月8日至10月24日，县委第一巡察组对枫渚镇党委进行了巡察，"
     "2025年11月18日反馈了巡察意见。", "2026年1月9日", date(2025, 11, 18)),
    ("根据党中央统一部署，2024年4月至6月，中央第三巡视组对某某省进行了常规巡视，9月10日向省委反馈了"
     "巡视意见。", "2025年1月20日", date(2024, 9, 10)),
    ("根据县委统一部署，县委第三巡察组对某某乡党委开展了巡察。", "2025年3月1日", None),
])
def test_feedback_date_is_the_date_of_feedback(preamble: str, signature: str,
                                               feedback: date | None) -> None:
    text = f"某某关于巡察整改进展情况的通报\n{preamble}\n{BODY}某某党委\n{signature}\n"
    assert parse_notice(text).ledger.info.feedback_date == feedback


def test_group_and_unit_when_the_group_is_followed_by_dates() -> None:
    text = ("通报\n根据省委统一部署，省委第二巡视组于2026年3月10日至5月8日对蘅水市进行了巡视，"
            "并于7月2日向蘅水市委反馈了巡视意见。\n" + BODY)
    info = parse_notice(text).ledger.info
    assert (info.inspection_group, info.unit_name) == ("省委第二巡视组", "蘅水市")
    assert (info.inspection_start, info.inspection_end) == (date(2026, 3, 10), date(2026, 5, 8))
    text = text.replace("于2026年3月10日至5月8日", "于2025年4月")
    assert parse_notice(text).ledger.info.unit_name == "蘅水市"


WEB_COPY = """\
您的位置：首页 > 信息公开 > 巡察整改
【字号：大 中 小】 【打印本页】 【关闭窗口】
某某县财政局网站
中共某某县财政局党组关于巡察整改进展情况的通报
来源：某某县财政局    发布时间：2025-10-22 16:30    浏览次数：
中共某某县财政局党组关于巡察整改进展情况的通报
（转载）
根据县委统一部署，县委第一巡察组对县财政局党组进行了巡察，2025年6月20日反馈了巡察意见。
二、巡察反馈问题整改情况
（一）关于预算管理方面
1.预算执行不严问题。一是修订预算管理办法。
二是开展预算执行专项检查2次。
— 2 —
2.政府采购不规范问题。已完成采购档案整理。
分享到：
扫一扫在手机打开当前页
"""


def test_page_debris_and_a_title_printed_twice_are_removed() -> None:
    parsed = parse_notice(WEB_COPY)
    info = parsed.ledger.info
    assert info.title == "中共某某县财政局党组关于巡察整改进展情况的通报"
    assert info.preamble and info.preamble.startswith("根据县委统一部署")
    issues = list(parsed.ledger.issues())
    assert [m.text for m in issues[0].measures] == ["修订预算管理办法。", "开展预算执行专项检查2次。"]
    assert [m.text for m in issues[1].measures] == ["已完成采购档案整理。"]
    assert parsed.unplaced == []


# ---------------------------------------------------------------------------
# Stated totals: only the round's totals
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("prose", "want"), [
    ("坚持“解决一个问题、完善一套制度、规范一个领域”的整改思路。班子成员分别领办2个问题，实行“整改一个、"
     "销号一个”。细化形成86条整改任务。截至目前，巡察反馈的25个问题已完成整改19个，完成率76%，"
     "其余6个问题正在加紧推进。",
     {"issues": 25, "measures": 86, "done_issues": 19, "rate": 76.0}),
    ("对照巡视反馈的五方面10个问题，逐项形成10条整改任务，制定“86”项整改措施。截至2025年12月31日，"
     "“86”项整改措施已完成“74”项，其余12项正在持续推进。",
     {"aspects": 5, "issues": 10, "measures": 86, "done_measures": 74}),
    ("巡察反馈的3个方面11个问题，制定整改举措45项。", {"aspects": 3, "issues": 11, "measures": 45}),
    ("梳理整改事项30项，已办结27项。", {"measures": 30, "done_measures": 27}),
    ("对正在推进的4项整改措施，紧盯时间节点。其余6个问题正在推进。", {}),
    ("省委巡视组移交的27件问题线索已全部办结。", {}),
    ("一方面加强学习，另一方面强化整改。", {}),
    ("对上轮巡察反馈的8个问题开展“回头看”，对整改不到位的2个问题重新整改。", {}),
    ("区委巡察组反馈的3个方面6个问题已全部制定整改措施，截至9月30日，已完成整改5个，剩余1个持续推进。",
     {"aspects": 3, "issues": 6, "done_issues": 5}),
    ("對巡察反饋的2個方面9個問題逐項制定整改措施22項。已完成整改7個問題，整改完成率77.8%。",
     {"aspects": 2, "issues": 9, "measures": 22, "done_issues": 7, "rate": 77.8}),
])
def test_stated_totals_only_from_the_rounds_totals(prose: str, want: dict) -> None:
    stated = extract_stated_totals([prose])
    keys = ("aspects", "issues", "measures", "done_issues", "done_measures", "rate")
    got = {k: v for k, v in asdict(stated).items() if k in keys and v is not None}
    assert got == want, stated.evidence


def test_done_counts_of_both_units_and_the_rate_check() -> None:
    text = ("通报\n根据安排，县委巡察组进行了巡察。局党组对反馈的2个问题制定整改措施4项，已完成整改措施3项，"
            "完成率75%。\n二、整改落实情况\n（一）关于作风方面\n1.问题甲。一是已完成A。二是已完成B。\n"
            "2.问题乙。一是已完成C。二是拟于明年完成D。\n")
    parsed = parse_notice(text)
    stated = parsed.stated_totals
    assert (stated.issues, stated.measures, stated.done_measures, stated.rate) == (2, 4, 3, 75.0)
    checks = {c.item: c for c in parsed.total_checks}
    assert checks["rate"].ok is True and checks["done"].parsed == 3
    assert "推断" in checks["done"].message


# ---------------------------------------------------------------------------
# Statuses guessed from prose are marked
# ---------------------------------------------------------------------------

def test_parsed_statuses_are_marked_inferred() -> None:
    ledger = parse_notice(CENTRAL_STYLE).ledger
    assert all(m.status_inferred and m.status_text == "" for m in ledger.measures())


@pytest.mark.parametrize(("text", "expected"), [
    ("开展专项整治，持续5个月，查处问题12个。", Status.DONE),  # a duration, not "ongoing"
    ("建立网格员每月走访制度，此项工作持续推进。", Status.IN_PROGRESS),
    ("开展专题研讨4次，班子成员撰写研讨材料22篇。", Status.DONE),  # results counted
    ("已完成整改。镇纪委对2名村干部进行了提醒谈话。", Status.DONE),
    ("將農村公路養護資金納入年度預算，此項工作長期堅持。", Status.LONG_TERM),  # traditional
])
def test_infer_status_more(text: str, expected: Status) -> None:
    assert infer_status(text) is expected


# ---------------------------------------------------------------------------
# Partial notices: what is there, and a warning; not a notice: an error
# ---------------------------------------------------------------------------

FULL = """\
中共某某县审计局党组关于巡察整改进展情况的通报
根据县委统一部署，县委第一巡察组对县审计局党组进行了巡察，2025年7月18日反馈了巡察意见。
一、加强组织领导
对巡察反馈的2个方面4个问题制定整改措施8项。
二、巡察反馈问题整改落实情况
（一）关于贯彻落实上级决策部署方面
1.审计项目计划统筹不够问题。一是修订计划管理办法。二是建立审计项目库。
2.审计整改跟踪不到位问题。一是建立审计整改台账。二是开展联合督查1次。
（二）关于落实全面从严治党责任方面
3.审计廉政风险防控不严问题。一是梳理廉政风险点。二是推行廉政回访制度。
4.审计质量控制不严问题。一是修订质量控制办法。二是开展案卷评查。
三、下一步工作打算
继续抓好整改。
中共某某县审计局党组
2025年12月8日
"""


def test_complete_notice() -> None:
    parsed = parse_notice(FULL)
    assert parsed.complete is True and parsed.warnings == []
    assert all(c.ok for c in parsed.total_checks)


def test_cut_short_mid_measure_returns_what_is_there() -> None:
    cut = FULL[:FULL.index("二是开展联合督查") + 6]
    parsed = parse_notice(cut)
    assert parsed.complete is False
    ledger = parsed.ledger
    assert [len(i.measures) for i in ledger.issues()] == [2, 2]
    assert ledger.info.title and ledger.info.feedback_date == date(2025, 7, 18)
    (warning,) = [w for w in parsed.warnings if "不完整" in w]
    assert "第2个问题处中断" in warning and "2个问题" in warning and "通报称2个方面、4个问题、8项整改措施" in warning


def test_title_and_preamble_only_is_a_partial_notice() -> None:
    head = FULL[:FULL.index("二、")]
    parsed = parse_notice(head)
    assert parsed.complete is False
    assert list(parsed.ledger.issues()) == []
    assert parsed.ledger.info.title == "中共某某县审计局党组关于巡察整改进展情况的通报"
    assert parsed.stated_totals.issues == 4
    assert any("没有找到逐项整改情况" in w for w in parsed.warnings)


def test_cut_inside_the_aspects_keeps_the_hierarchy_reached() -> None:
    cut = FULL[:FULL.index("1.审计项目")]
    parsed = parse_notice(cut)
    assert parsed.complete is False
    assert [a.title for a in parsed.ledger.aspects] == ["关于贯彻落实上级决策部署方面"]


def test_text_that_cannot_be_placed_is_kept() -> None:
    text = FULL.replace("1.审计项目", "巡察指出，该局审计计划统筹不足。\n1.审计项目")
    parsed = parse_notice(text)
    assert parsed.unplaced == ["巡察指出，该局审计计划统筹不足。"]
    assert parsed.ledger.info.extra[UNPLACED_KEY] == "巡察指出，该局审计计划统筹不足。"
    assert any("原样保留" in w for w in parsed.warnings)
    assert len(list(parsed.ledger.issues())) == 4


# ---------------------------------------------------------------------------
# Other layouts: labels, plain paragraphs, PDF line breaks, tables
# ---------------------------------------------------------------------------

def test_measure_and_progress_labels_pair_up() -> None:
    text = ("二、具体问题整改情况\n一、在生态环境方面\n（一）大气污染防治不力问题\n"
            "整改措施：一是制定攻坚方案。二是开展专项执法。\n整改进展：一是方案已印发。二是查处案件46起。\n"
            "（二）水环境治理缓慢问题\n整改措施：一是建立交办机制。二是整治排污口。\n"
            "整改进展：两项措施均已完成。\n")
    issues = list(parse_notice(text).ledger.issues())
    assert [(m.text, m.progress) for m in issues[0].measures] == [
        ("制定攻坚方案。", "方案已印发。"), ("开展专项执法。", "查处案件46起。")]
    assert [m.progress for m in issues[1].measures] == [
        "建立交办机制。", "整治排污口。两项措施均已完成。"]
    assert issues[0].intro == "整改措施："


def test_plain_paragraphs_and_pdf_line_breaks() -> None:
    text = ("二、巡视反馈问题的整改落实情况\n（一）关于贯彻落实决策部署方面的问题\n"
            "1.关于推动高质量发展不够有力\n的问题。\n制定制造业高质量发展行动计划，新增专精特新企业\n46家。\n"
            "深化科技体制改革，出台若干措施。\n2.关于风险防范薄弱的问题。\n建立债务风险监测预警机制。\n")
    issues = list(parse_notice(text).ledger.issues())
    assert issues[0].title == "关于推动高质量发展不够有力的问题"
    assert [m.text for m in issues[0].measures] == [
        "制定制造业高质量发展行动计划，新增专精特新企业46家。", "深化科技体制改革，出台若干措施。"]
    assert [m.text for m in issues[1].measures] == ["建立债务风险监测预警机制。"]


MD_TABLE = """\
中共某某区审计局党组关于巡察整改情况的通报
根据区委统一部署，区委第二巡察组于2025年3月1日至4月30日对区审计局党组进行了巡察，并于2025年6月1日反馈了巡察意见。
二、巡察反馈问题整改落实情况
| 序号 | 问题 | 整改措施 | 责任科室 | 整改时限 | 完成情况 |
|---|---|---|---|---|---|
| 1 | 审计计划统筹不够问题 | 一是修订审计计划管理办法；二是建立项目库 | 法规审理股 | 2025年8月底前 | 已完成 |
| 2 | 审计整改跟踪不到位问题 | 建立审计整改台账，实行对账销号 | 综合股 | 立行立改 | 正在推进，已建立台账 |
|  |  | 开展联合督查1次 | 综合股 | 2025年9月底前 | 已完成 |
中共某某区审计局党组
2025年10月1日
"""


def test_a_table_with_a_status_column() -> None:
    ledger = parse_notice(MD_TABLE).ledger
    issues = list(ledger.issues())
    assert [(i.number, i.title) for i in issues] == [
        (1, "审计计划统筹不够问题"), (2, "审计整改跟踪不到位问题")]
    rows = [(m.text, m.owner_unit, m.deadline.due, m.status, m.status_inferred, m.progress)
            for m in ledger.measures()]
    assert rows == [
        ("修订审计计划管理办法；", "法规审理股", date(2025, 8, 31), Status.DONE, False, "修订审计计划管理办法；"),
        ("建立项目库", "法规审理股", date(2025, 8, 31), Status.DONE, False, "建立项目库"),
        ("建立审计整改台账，实行对账销号", "综合股", date(2025, 6, 1), Status.IN_PROGRESS, False,
         "已建立台账"),
        ("开展联合督查1次", "综合股", date(2025, 9, 30), Status.DONE, False, "开展联合督查1次"),
    ]
    # a status the table states is the office's own entry, kept as written
    assert [m.status_text for m in ledger.measures()][2] == "正在推进，已建立台账"


def test_tab_rows_without_a_ledger_header_stay_text() -> None:
    text = FULL.replace("继续抓好整改。", "联系人\t张三\t电话\t12345678")
    parsed = parse_notice(text)
    assert len(list(parsed.ledger.issues())) == 4
    assert "张三" in (parsed.ledger.info.section_three or "")
