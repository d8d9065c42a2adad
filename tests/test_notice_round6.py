"""Notices in the styles of still more offices (round 6): the supervision sentence and the
contacts written at the end of the next steps' paragraph (…。欢迎广大干部群众监督。监督电话：…),
a 联系人： line; totals where a count in a given state is a part (2个问题正在持续推进) and the
whole is counted after its noun (共梳理问题8个), 立行立改 counts, a done count said in the next
sentence; a description listed 一是…二是… before 整改情况：; problems listed inside a heading's
paragraph and answered 针对问题一，…; issues (and table cells) naming their aspect before a colon;
headings labelled 反馈问题：; 措施1： labels; the items only in an appendix table typed with spaces.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rectxl.core.notice import ParsedNotice, parse_notice, render_notice
from rectxl.core.notice.totals import extract_stated_totals
from rectxl.io.notice_file import read_notice_file

HEAD = """中共松岗县文化和旅游局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2024年9月2日至10月31日，县委第二巡察组对县文化和旅游局党组进行了巡察，2024年11月26日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，对反馈的2个问题逐项制定整改措施。
二、巡察反馈问题整改情况
1.文物安全巡查不到位的问题。一是建立文物巡查台账，已完成；二是聘请文物保护员12名，已完成。
2.旅游市场监管不严的问题。一是开展旅游市场专项整治，已完成；二是建立旅游投诉快速处置机制，正在推进。
三、下一步工作打算
"""
SIGNED = """中共松岗县文化和旅游局党组
2025年1月20日
"""


def _parsed(three: str) -> ParsedNotice:
    return parse_notice(HEAD + three + SIGNED)


# ---------------------------------------------------------------------------
# 1. The closing written at the end of the next steps' paragraph
# ---------------------------------------------------------------------------

CLOSINGS = {
    "supervision then phone": (
        "局党组将持续巩固整改成果。欢迎广大干部群众监督。监督电话：0731-5512345。\n",
        {"phone": "0731-5512345"}),
    "phone and email after the plan": (
        "局党组将持续推进未完成事项，巩固整改成效。欢迎广大干部群众对巡察整改落实情况进行监督。"
        "联系电话：0731-5512345；电子邮箱：sgwlj@163.com。\n",
        {"phone": "0731-5512345", "email": "sgwlj@163.com"}),
    "ascii full stops": (
        "局党组将继续巩固整改成效.联系电话:0731-5512345.邮编:410600.电子邮箱:sgwlj@163.com.\n",
        {"phone": "0731-5512345", "postcode": "410600", "email": "sgwlj@163.com"}),
    "a contact person's line": (
        "局党组将持续抓好整改落实。\n联系人：刘老师，联系电话：0731-5512345，电子邮箱：sgwlj@163.com。\n",
        {"phone": "0731-5512345", "email": "sgwlj@163.com"}),
}


@pytest.mark.parametrize("three", list(CLOSINGS), ids=list(CLOSINGS))
def test_contacts_at_the_end_of_the_next_steps_are_read(three: str) -> None:
    text, expected = CLOSINGS[three]
    parsed = _parsed(text)
    info = parsed.ledger.info
    for field, value in expected.items():
        assert getattr(info, field) == value
    # the next steps keep their plan and lose the closing
    assert info.section_three is not None and info.section_three.startswith("局党组将")
    assert not any(w in info.section_three for w in ("欢迎", "电话", "邮箱", "联系人"))
    assert [len(i.measures) for i in parsed.ledger.issues()] == [2, 2]


def test_a_notice_rendered_again_gives_its_phone_once_and_no_placeholder() -> None:
    parsed = _parsed(CLOSINGS["supervision then phone"][0])
    again = render_notice(parsed.ledger)
    assert again.count("0731-5512345") == 1
    assert "请填写联系电话" not in again
    assert again.count("欢迎") == 1


def test_a_plan_that_only_mentions_welcome_later_in_its_words_keeps_them() -> None:
    # 欢迎 inside a sentence of the plan is not the closing
    parsed = _parsed("局党组将把群众是否欢迎、是否满意作为检验整改成效的标准。\n")
    assert parsed.ledger.info.section_three == "局党组将把群众是否欢迎、是否满意作为检验整改成效的标准。"


# ---------------------------------------------------------------------------
# 2. Totals: a part in a given state, the whole counted after its noun, 立行立改
# ---------------------------------------------------------------------------

TOTALS = {
    "镇党委对巡察反馈的三个方面问题全面认领，共梳理问题8个，制定整改措施19条。截至目前，已完成整改6个，"
    "2个问题正在持续推进，整改完成率75%。": dict(aspects=3, issues=8, measures=19, done=6, rate=75.0),
    "截至目前，5个问题已完成整改，2个问题正在推进。": dict(issues=None, done=5),
    "巡察反馈问题4个，目前已完成整改3个，1个问题正在整改中。": dict(issues=4, done=3),
    "巡察反馈的6个问题已完成整改5个。": dict(issues=6, done=5),
    "巡察反馈的6个问题已全部完成整改。": dict(issues=6),
    "25项整改措施已完成15项、基本完成1项、正在推进2项。": dict(measures=25, done=15),
    "巡察期间，督促立行立改5个问题。巡察反馈问题23个，已完成整改20个，整改完成率87%。":
        dict(issues=23, done=20, rate=87.0),
    "截至目前，巡察反馈的3个方面6个问题，已完成整改5个；其中立行立改问题2个，已全部整改到位。通过整改，"
    "建立完善制度8项，追责问责3人，挽回经济损失45.6万元。": dict(aspects=3, issues=6, measures=None, done=5),
    "共8个问题已完成整改。": dict(issues=None, done=8),
}


@pytest.mark.parametrize("sentence", list(TOTALS), ids=range(len(TOTALS)))
def test_stated_totals_of_other_offices(sentence: str) -> None:
    stated = extract_stated_totals([sentence])
    for item, value in TOTALS[sentence].items():
        assert getattr(stated, item) == value, item


# ---------------------------------------------------------------------------
# 3. A description of the problem listed 一是…二是… before 整改情况：
# ---------------------------------------------------------------------------

DESCRIBED = """（一）关于落实立德树人根本任务方面
1.思想政治工作体系不够健全的问题
巡视指出：一是“三全育人”综合改革推进不够有力；二是辅导员队伍配备不足；三是课程思政覆盖面不广。
整改情况：一是制定“三全育人”综合改革实施方案；二是新增专职辅导员15名；三是立项建设课程思政示范课程40门。
2.人才培养质量不够高的问题
巡视指出：部分专业设置与区域产业需求契合度不高。
整改情况：一是撤销停招专业4个；二是走访用人单位210家。
"""


def test_a_described_problems_list_is_no_measure() -> None:
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡视反馈问题整改情况\n" + DESCRIBED
                          + "三、下一步工作打算\n学校党委将持续推进整改。\n" + SIGNED)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [3, 2]
    texts = [m.text for i in issues for m in i.measures]
    assert texts[0].startswith("制定“三全育人”综合改革实施方案")
    assert not any("辅导员队伍配备不足" in t or "整改情况" in t for t in texts)
    assert "辅导员队伍配备不足" in issues[0].intro


# ---------------------------------------------------------------------------
# 4. Problems listed inside a heading's paragraph, then answered one by one
# ---------------------------------------------------------------------------

LISTED_INLINE = (
    "（一）党的领导弱化方面。巡察反馈的问题主要有：一是学习贯彻党的创新理论不深入；二是落实乡村振兴战略有差距；"
    "三是意识形态工作责任制落实不到位。整改情况：针对问题一，镇党委修订理论学习中心组学习制度，全年开展集中学习"
    "12次，已完成整改。针对问题二，制定产业发展三年行动计划，已完成整改。针对问题三，建立意识形态工作联席会议制度，"
    "目前正在推进。\n"
    "（二）全面从严治党不力方面。巡察指出的主要问题是：一是村级财务管理混乱；二是惠民资金发放监管不严。"
    "整改情况：一是聘请第三方对13个村财务进行审计，已完成；二是对惠民资金发放情况逐户核查，目前正在核查中。\n"
)
LISTED_LINES = """（一）党的领导弱化方面
巡察反馈的问题主要有：一是学习贯彻党的创新理论不深入；二是落实乡村振兴战略有差距；三是意识形态工作责任制落实不到位。
整改情况：针对第一个问题，镇党委修订理论学习中心组学习制度，全年开展集中学习12次，已完成整改。针对第二个问题，制定产业发展三年行动计划，已完成整改。针对第三个问题，建立意识形态工作联席会议制度，目前正在推进。
（二）全面从严治党不力方面
存在的主要问题：一是村级财务管理混乱；二是惠民资金发放监管不严。
整改情况：一是聘请第三方对13个村财务进行审计，已完成；二是对惠民资金发放情况逐户核查，目前正在核查中。
"""


@pytest.mark.parametrize("body", [LISTED_INLINE, LISTED_LINES], ids=["one paragraph", "lines"])
def test_problems_listed_in_a_heading_paragraph_are_issues(body: str) -> None:
    parsed = parse_notice(HEAD.split("二、")[0] + "二、具体问题整改情况\n" + body
                          + "三、下一步打算\n镇党委将持续抓好剩余问题的整改。\n" + SIGNED)
    aspects = parsed.ledger.aspects
    assert [a.title for a in aspects] == ["党的领导弱化方面", "全面从严治党不力方面"]
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["学习贯彻党的创新理论不深入", "落实乡村振兴战略有差距",
                                         "意识形态工作责任制落实不到位", "村级财务管理混乱", "惠民资金发放监管不严"]
    assert [len(i.measures) for i in issues] == [1] * 5
    assert issues[0].measures[0].text.startswith("镇党委修订理论学习中心组学习制度")
    assert [i.measures[0].status.value for i in issues] == ["已完成", "已完成", "正在推进", "已完成", "正在推进"]
    assert not parsed.unplaced


def test_a_listed_problem_left_unanswered_keeps_the_paragraph_as_it_was() -> None:
    # two problems, three answers: not paired by guess
    body = ("（一）党的领导弱化方面。巡察反馈的问题主要有：一是理论学习不深入；二是乡村振兴有差距。"
            "整改情况：一是修订学习制度；二是制定行动计划；三是开展专题调研。\n")
    parsed = parse_notice(HEAD.split("二、")[0] + "二、具体问题整改情况\n" + body
                          + "三、下一步打算\n镇党委将持续抓好整改。\n" + SIGNED)
    assert not any(i.title == "理论学习不深入" for i in parsed.ledger.issues())


# ---------------------------------------------------------------------------
# 5. Issues that name their aspect before a colon; group headings labelled 反馈问题：
# ---------------------------------------------------------------------------

def _docx_notice(path: Path) -> Path:
    document = docx.Document()
    for text in HEAD.split("二、")[0].splitlines():
        document.add_paragraph(text)
    document.add_paragraph("二、巡察反馈问题整改落实情况")
    rows = [("序号", "反馈问题", "整改措施", "整改进展", "完成情况"),
            ("1", "党的领导方面：文艺精品创作引导不够", "制定文艺精品创作扶持办法", "已印发", "已完成"),
            ("2", "党的领导方面：意识形态阵地管理不严", "开展文化阵地专项检查", "检查场所46处", "已完成"),
            ("3", "全面从严治党方面：专项资金监管不严", "开展专项资金使用检查", "追回资金3.2万元，检查仍在进行",
             "正在推进")]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in ("三、下一步工作打算", "局党组将持续巩固整改成果。", *SIGNED.split()):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_table_whose_problem_cells_name_their_aspect(tmp_path: Path) -> None:
    parsed = parse_notice(read_notice_file(_docx_notice(tmp_path / "通报.docx")))
    aspects = parsed.ledger.aspects
    assert [a.title for a in aspects] == ["党的领导方面", "全面从严治党方面"]
    assert [[i.title for i in a.issues()] for a in aspects] == [
        ["文艺精品创作引导不够", "意识形态阵地管理不严"], ["专项资金监管不严"]]
    assert [m.status.value for i in parsed.ledger.issues() for m in i.measures] == ["已完成", "已完成", "正在推进"]


def test_issue_lines_naming_their_aspect_and_prefixed_only_some_stay_as_written() -> None:
    body = ("1.党的领导方面：文艺精品创作引导不够。一是制定扶持办法，已完成；二是设立创作基金，已完成。\n"
            "2.意识形态阵地管理不严。一是开展文化阵地专项检查，已完成；二是建立巡查制度，已完成。\n")
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡察反馈问题整改情况\n" + body
                          + "三、下一步工作打算\n局党组将持续巩固整改成果。\n" + SIGNED)
    assert [a.title for a in parsed.ledger.aspects] == [None]
    assert next(i.title for i in parsed.ledger.issues()) == "党的领导方面：文艺精品创作引导不够"


def test_group_headings_labelled_feedback_problem() -> None:
    body = """（一）反馈问题：落实意识形态工作责任制不到位
1.文化阵地管理不严
整改状态：完成
整改情况：一是开展文化阵地专项检查；二是建立巡查制度。
（二）反馈问题：执行中央八项规定精神有差距
2.公务接待不规范
整改状态：阶段性完成
整改情况：一是修订公务接待管理办法；二是清退超标准费用，仍在核查中。
"""
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡察反馈问题整改进展情况\n" + body
                          + "三、下一步工作打算\n局党组将持续巩固整改成果。\n" + SIGNED)
    assert [a.title for a in parsed.ledger.aspects] == ["落实意识形态工作责任制不到位", "执行中央八项规定精神有差距"]
    assert [i.title for i in parsed.ledger.issues()] == ["文化阵地管理不严", "公务接待不规范"]


# ---------------------------------------------------------------------------
# 6. 措施1：labels; the items in an appendix typed with spaces; a done count said next
# ---------------------------------------------------------------------------

def test_numbered_measure_labels_are_no_words_of_the_measure() -> None:
    body = ("问题一：文艺精品创作引导不够。\n措施1：制定文艺精品创作扶持办法（已完成）。\n"
            "措施2：设立创作基金（正在推进）。\n问题二：意识形态阵地管理不严。\n举措一：开展文化阵地专项检查（已完成）。\n")
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡察反馈问题具体整改情况\n" + body
                          + "三、下一步工作打算\n局党组将持续巩固整改成果。\n" + SIGNED)
    measures = [m for i in parsed.ledger.issues() for m in i.measures]
    assert [m.text for m in measures] == ["制定文艺精品创作扶持办法。", "设立创作基金。", "开展文化阵地专项检查。"]
    assert [m.status.value for m in measures] == ["已完成", "正在推进", "已完成"]
    assert not any(m.status_inferred for m in measures)


APPENDIX = """附件
巡察反馈问题整改情况表
序号　　反馈问题　　整改措施　　整改进展
1　　文物安全巡查不到位　　建立文物巡查台账，聘请文物保护员　　已完成
2　　旅游市场监管不严　　开展旅游市场专项整治　　正在推进，已办结投诉12件
3　　公共文化设施利用率低　　推行错时开放　　已完成
"""


def test_items_only_in_an_appendix_table_typed_with_spaces() -> None:
    text = (HEAD.split("二、")[0].replace("对反馈的2个问题", "对反馈的3个问题")
            + "二、巡察反馈问题整改情况\n具体整改情况见附件。\n三、下一步工作打算\n局党组将持续巩固整改成果。\n"
            + SIGNED + APPENDIX)
    parsed = parse_notice(text)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["文物安全巡查不到位", "旅游市场监管不严", "公共文化设施利用率低"]
    assert [m.status.value for i in issues for m in i.measures] == ["已完成", "正在推进", "已完成"]
    assert parsed.ledger.info.section_two_intro is None  # the pointer to the appendix is gone
    assert "通报附件" not in parsed.ledger.info.extra
    assert next(c for c in parsed.total_checks if c.item == "issues").ok is True
    assert not any("只公布了整改总数" in w for w in parsed.warnings)


def test_a_done_count_in_the_sentence_after_the_totals() -> None:
    stated = extract_stated_totals(["局党组对巡察反馈的2个方面4个问题逐条认领，制定整改措施7项。"
                                    "目前已完成5项，正在推进2项。"])
    assert (stated.measures, stated.done, stated.done_unit) == (7, 5, "措施")
    # a count after a sentence that counted nothing of the round is none
    assert extract_stated_totals(["局党组召开会议5次。目前已完成3项工作。"]).done is None


# ---------------------------------------------------------------------------
# 7. A status tag opening an issue; a unit that speaks of itself; a month for a date
# ---------------------------------------------------------------------------

def test_a_status_tag_opening_an_issue_is_its_status() -> None:
    body = ("1.【已完成】文物安全巡查不到位的问题。建立文物巡查台账，聘请文物保护员12名。\n"
            "2.【正在推进】旅游市场监管不严的问题。开展旅游市场专项整治，建立投诉快速处置机制。\n")
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡察反馈问题整改情况\n" + body
                          + "三、下一步工作打算\n局党组将持续巩固整改成果。\n" + SIGNED)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["文物安全巡查不到位的问题", "旅游市场监管不严的问题"]
    assert [(m.status.value, m.status_inferred) for i in issues for m in i.measures] == [
        ("已完成", False), ("正在推进", False)]


@pytest.mark.parametrize(("title", "visited", "unit"), [
    ("中共松岗县文化和旅游局党组关于县委巡察整改进展情况的通报", "我局党组", "松岗县文化和旅游局党组"),
    ("松岗县人民医院关于县委巡察整改进展情况的公告", "我院党委", "松岗县人民医院党委"),
    ("松岗县城市建设投资集团有限公司关于县委巡察整改进展情况的通报", "本公司", "松岗县城市建设投资集团有限公司"),
])
def test_a_unit_that_speaks_of_itself_is_named_by_the_title(title: str, visited: str, unit: str) -> None:
    head = HEAD.replace("中共松岗县文化和旅游局党组关于县委巡察整改进展情况的通报", title).replace(
        "对县文化和旅游局党组进行了巡察", f"对{visited}进行了巡察")
    parsed = parse_notice(head + "局党组将持续巩固整改成果。\n" + SIGNED)
    assert parsed.ledger.info.unit_name == unit


def test_a_notice_signed_with_a_month_has_its_signature() -> None:
    parsed = parse_notice(HEAD + "局党组将持续巩固整改成果。\n中共松岗县文化和旅游局党组\n2025年1月\n")
    info = parsed.ledger.info
    assert info.party_org == "中共松岗县文化和旅游局党组"
    assert info.report_date is not None and (info.report_date.year, info.report_date.month) == (2025, 1)
    assert info.section_three == "局党组将持续巩固整改成果。"


def test_measures_and_their_progress_listed_1_2_3_lose_their_numbers() -> None:
    body = """（一）文物安全巡查不到位的问题
整改措施：1.建立文物巡查台账；2.聘请文物保护员；3.引入文物安全监测平台。
整改进展：1.已建立台账；2.已聘请文物保护员12名；3.平台正在建设中。
（二）旅游市场监管不严的问题
整改措施：（1）开展旅游市场专项整治；（2）建立投诉快速处置机制。
整改进展：（1）已办结投诉35件；（2）机制已建立运行。
"""
    parsed = parse_notice(HEAD.split("二、")[0] + "二、巡察反馈问题整改落实情况\n" + body
                          + "三、下一步工作打算\n局党组将持续巩固整改成果。\n" + SIGNED)
    measures = [m for i in parsed.ledger.issues() for m in i.measures]
    assert [m.text.rstrip("。；") for m in measures] == [
        "建立文物巡查台账", "聘请文物保护员", "引入文物安全监测平台", "开展旅游市场专项整治", "建立投诉快速处置机制"]
    assert measures[1].progress.startswith("已聘请文物保护员12名")
    assert [m.status.value for m in measures] == ["已完成", "已完成", "正在推进", "已完成", "已完成"]


def test_a_font_size_bar_followed_by_a_print_link_is_page_debris() -> None:
    head = HEAD.replace("\n", "\n【字体：大 中 小】 打印本页\n", 1)
    parsed = parse_notice(head + "局党组将持续巩固整改成果。\n" + SIGNED)
    assert parsed.ledger.info.title == "中共松岗县文化和旅游局党组关于县委巡察整改进展情况的通报"
