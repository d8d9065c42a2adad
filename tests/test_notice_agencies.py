"""Notices written the way other agencies write them, read as a careful reader would: issues
labelled "问题1：", unnumbered issue paragraphs "针对“…”问题，…", four-level notices (aspect /
category / issue / measure), contacts with a bracketed postcode, a navigation bar above the
title, a summary table printed at the top (text and .docx), and progress written once per issue.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rectxl.core.model import Status
from rectxl.core.notice import ParsedNotice, parse_notice
from rectxl.core.notice.parse import TABLE_KEY
from rectxl.io.docx_read import read_notice_docx

HEAD = """中共柳溪县市场监督管理局党组关于县委第七轮巡察整改进展情况的通报

　　县委第四巡察组于2024年4月8日至6月7日对县市场监督管理局党组开展了常规巡察，2024年7月19日向局党组反馈了巡察意见。现将整改进展情况公布如下。
"""

TAIL = """
　　下一步，局党组将紧盯未完成事项，持续巩固整改成效。

　　欢迎社会各界对巡察整改落实情况进行监督。联系电话：0743-5528816；电子邮箱：lxscjg_xc@163.com。

中共柳溪县市场监督管理局党组
2024年10月28日
"""


def _parse(body: str) -> ParsedNotice:
    return parse_notice(HEAD + body + TAIL)


def _counts(parsed: ParsedNotice) -> tuple[int, int, int, list[int]]:
    ledger = parsed.ledger
    issues = list(ledger.issues())
    aspects = sum(1 for a in ledger.aspects if a.title is not None)
    categories = sum(1 for a in ledger.aspects for c in a.categories if c.title)
    return aspects, categories, len(issues), [len(i.measures) for i in issues]


# ---------------------------------------------------------------------------
# 1. Issues labelled "问题1：" / "问题一："
# ---------------------------------------------------------------------------

LABELLED_CIRCLED = """
一、在服务全县高质量发展大局方面

问题1：涉企检查“多头跑、重复查”现象仍然存在。
①建立跨部门联合抽查清单，全年联合抽查企业126户。
②推行“综合查一次”，涉企检查频次同比下降31%。

问题2：食品安全风险隐患排查不彻底。
①对校园周边食品经营户开展拉网式排查。②建立问题隐患清单，已销号47项。③正在建设智慧监管平台。

二、在落实全面从严治党责任方面

问题3：执法办案廉洁风险防控薄弱。
①修订行政处罚案件集体讨论规则。
②对近两年办结案件开展评查，发现问题9个，已全部整改。
"""

LABELLED_ORDINAL = """
一、在服务全县高质量发展大局方面

问题一：涉企检查“多头跑、重复查”现象仍然存在。
一是建立跨部门联合抽查清单，全年联合抽查企业126户。二是推行“综合查一次”，涉企检查频次同比下降31%。

问题二：食品安全风险隐患排查不彻底。
一是对校园周边食品经营户开展拉网式排查。二是建立问题隐患清单，已销号47项。三是正在建设智慧监管平台。

二、在落实全面从严治党责任方面

问题三：执法办案廉洁风险防控薄弱。
一是修订行政处罚案件集体讨论规则。二是对近两年办结案件开展评查，发现问题9个，已全部整改。
"""


@pytest.mark.parametrize("body", [LABELLED_CIRCLED, LABELLED_ORDINAL], ids=["circled", "ordinal"])
def test_issues_labelled_wenti_are_issues_and_their_items_measures(body: str) -> None:
    parsed = _parse(body)
    assert _counts(parsed) == (2, 0, 3, [2, 3, 2])
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3]
    assert issues[0].title == "涉企检查“多头跑、重复查”现象仍然存在"
    assert issues[2].measures[0].text == "修订行政处罚案件集体讨论规则。"
    assert parsed.ledger.info.extra.get("未归类文字") is None
    assert parsed.complete and not any("编号不连续" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 2. Unnumbered issue paragraphs that open by naming their problem
# ---------------------------------------------------------------------------

NAMED_PARAGRAPHS = """
　　一、整改工作推进情况

　　局党组召开专题会议4次研究整改，反馈的2个方面5个问题已完成整改4个。

　　二、反馈问题整改落实情况

　　（一）关于落实监管职责方面

　　针对“特种设备安全监管存在盲区”问题，局党组组织对全县电梯、锅炉开展全覆盖检验，督促整改隐患32处。该问题已整改完成。

　　针对“价格监督检查不够有力”问题，开展民生商品价格专项检查，查处价格违法案件6件。该问题已整改完成。

　　关于“知识产权保护宣传不足”的问题，在重点商圈设立宣传点8个，开展进企业宣讲12场。

　　（二）关于队伍建设方面

　　针对“基层所人员力量薄弱”问题，通过公开招录补充执法人员7名，目前岗位培训正在推进。

　　针对“执法人员业务培训不系统”问题，制定年度培训计划，已开展专题培训5期。该问题已整改完成。

　　三、下一步工作打算

　　局党组将持续用力，巩固整改成果。
"""


def test_unnumbered_named_paragraphs_are_separate_issues() -> None:
    parsed = _parse(NAMED_PARAGRAPHS)
    assert _counts(parsed) == (2, 0, 5, [1, 1, 1, 1, 1])
    titles = [i.title for i in parsed.ledger.issues()]
    assert titles == [
        "针对“特种设备安全监管存在盲区”问题",
        "针对“价格监督检查不够有力”问题",
        "关于“知识产权保护宣传不足”的问题",
        "针对“基层所人员力量薄弱”问题",
        "针对“执法人员业务培训不系统”问题",
    ]
    first = next(parsed.ledger.measures())
    assert first.text.startswith("局党组组织对全县电梯、锅炉开展全覆盖检验")
    assert [m.status for m in parsed.ledger.measures()][3] is Status.IN_PROGRESS


def test_named_issue_lines_with_a_label_line_each() -> None:
    body = """
（一）关于落实监管职责方面
关于“特种设备安全监管存在盲区”的问题
整改情况：组织对全县电梯、锅炉开展全覆盖检验，督促整改隐患32处。
关于“价格监督检查不够有力”的问题
整改情况：开展民生商品价格专项检查，查处价格违法案件6件。
（二）关于队伍建设方面
关于“基层所人员力量薄弱”的问题
整改情况：通过公开招录补充执法人员7名。
"""
    parsed = _parse(body)
    assert _counts(parsed) == (2, 0, 3, [1, 1, 1])
    assert [i.title for i in parsed.ledger.issues()][1] == "关于“价格监督检查不够有力”的问题"
    assert list(parsed.ledger.measures())[1].text == "开展民生商品价格专项检查，查处价格违法案件6件。"


def test_a_section_of_named_paragraphs_without_aspects() -> None:
    body = """
一、整改工作推进情况
局党组召开专题会议4次研究整改。
二、反馈问题整改落实情况
针对“网络交易监管手段落后”问题，建成网络交易监测平台，已监测网店1200余家。该问题已整改完成。
针对“消费投诉处置不及时”问题，实行投诉分级限时办理，平均办结时间缩短至5天。该问题已整改完成。
三、下一步工作打算
局党组将持续用力，巩固整改成果。
"""
    parsed = _parse(body)
    assert _counts(parsed)[2:] == (2, [1, 1])
    assert [i.title for i in parsed.ledger.issues()] == [
        "针对“网络交易监管手段落后”问题", "针对“消费投诉处置不及时”问题"]
    assert parsed.complete


def test_numbered_issue_opening_with_its_named_problem() -> None:
    body = """
二、反馈问题整改落实情况
（一）关于落实监管职责方面
1.针对“特种设备安全监管存在盲区”问题，组织对全县电梯、锅炉开展全覆盖检验，督促整改隐患32处。
2.针对“价格监督检查不够有力”问题，开展民生商品价格专项检查，查处价格违法案件6件。
"""
    parsed = _parse(body)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["针对“特种设备安全监管存在盲区”问题", "针对“价格监督检查不够有力”问题"]
    assert [m.text for m in issues[0].measures] == ["组织对全县电梯、锅炉开展全覆盖检验，督促整改隐患32处。"]


# ---------------------------------------------------------------------------
# 3. Four levels: （一）…方面 / 1.类别 / （1）针对“…”问题。一是…
# ---------------------------------------------------------------------------

FOUR_LEVELS = """
　　一、整改工作推进情况

　　局党组召开专题会议4次研究整改。

　　二、反馈问题整改情况

　　（一）贯彻落实上级决策部署方面

　　1.优化营商环境工作有差距

　　（1）针对“企业开办环节偏多”问题。一是推行企业开办“一窗通办”。二是将开办时间压缩至1个工作日。

　　（2）针对“个体工商户帮扶措施落实不够”问题。一是出台个体工商户分型分类帮扶办法。二是开展“个转企”培育，已转企18户。三是建立帮扶联系人制度。

　　2.质量强县建设推进缓慢

　　（3）针对“品牌培育工作滞后”问题。一是制定品牌培育三年行动方案。二是新增省级知名品牌3个。

　　（二）落实全面从严治党责任方面

　　3.监督执纪问责偏软

　　（4）针对“对执法人员日常监督不到位”问题。一是建立执法全过程记录抽查制度。二是开展执法案卷评查2次。三是对2名执法不规范人员进行提醒谈话。

　　三、下一步工作打算

　　局党组将持续用力，巩固整改成果。
"""


def test_four_level_notice_keeps_every_issue() -> None:
    parsed = _parse(FOUR_LEVELS)
    assert _counts(parsed) == (2, 3, 4, [2, 3, 2, 3])
    ledger = parsed.ledger
    assert [c.title for a in ledger.aspects for c in a.categories] == [
        "优化营商环境工作有差距", "质量强县建设推进缓慢", "监督执纪问责偏软"]
    issues = list(ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3, 4]
    assert issues[1].title == "针对“个体工商户帮扶措施落实不够”问题"
    assert issues[1].measures[2].text == "建立帮扶联系人制度。"
    assert parsed.warnings == []


def test_issues_that_cannot_be_told_from_measures_are_warned_about() -> None:
    """Only one of three （1） items enumerates 一是…: the levels stay issue / measure, and the
    reader is told that issues may have been merged instead of losing them silently."""
    body = """
二、反馈问题整改情况
（一）贯彻落实上级决策部署方面
1.优化营商环境工作有差距
（1）针对“企业开办环节偏多”问题。一是推行企业开办“一窗通办”。二是将开办时间压缩至1个工作日。
（2）针对“登记窗口服务不规范”问题。整改情况：已修订窗口服务规范。
（3）针对“年报公示率偏低”问题。整改情况：已开展年报集中辅导3场。
"""
    parsed = _parse(body)
    assert any("并入" in w and "层级" in w for w in parsed.warnings), parsed.warnings


# ---------------------------------------------------------------------------
# 4. Contacts: a postcode in brackets after the address; 来信请寄
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("closing, word, address, postcode", [
    ("联系电话：0743-5528816；邮政信箱：柳溪县城东大道18号县市场监管局机关党委（邮编：416100）；"
     "电子邮箱：lxscjg_xc@163.com。", "邮政信箱", "柳溪县城东大道18号县市场监管局机关党委", "416100"),
    ("联系电话:0743-5528816;通信地址:柳溪县城东大道18号县市场监管局机关党委(邮政编码:416100);"
     "电子邮箱:lxscjg_xc@163.com。", "通信地址", "柳溪县城东大道18号县市场监管局机关党委", "416100"),
    ("监督电话：0743-5528816；来信请寄：柳溪县城东大道18号县市场监管局纪检组（邮编416100）；"
     "电子邮箱：lxscjg_xc@163.com。", "来信请寄", "柳溪县城东大道18号县市场监管局纪检组", "416100"),
], ids=["youbian_fullwidth", "youzheng_bianma_ascii", "laixin_qingji"])
def test_address_with_a_bracketed_postcode(closing: str, word: str, address: str, postcode: str) -> None:
    text = (HEAD + LABELLED_ORDINAL + TAIL).replace(
        "联系电话：0743-5528816；电子邮箱：lxscjg_xc@163.com。", closing)
    info = parse_notice(text).ledger.info
    assert (info.address, info.postcode, info.phone, info.email) == (
        address, postcode, "0743-5528816", "lxscjg_xc@163.com")
    assert info.extra[word] == address


# ---------------------------------------------------------------------------
# 5. A navigation bar above the title
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("bar", [
    "首页 | 局情概况 | 信息公开 | 政策法规 | 党建工作 | 公众参与",
    "网站首页丨走进市场监管丨政务公开丨办事服务",
], ids=["pipes", "cjk_bars"])
def test_navigation_bar_is_not_part_of_the_title(bar: str) -> None:
    parsed = parse_notice(bar + "\n" + HEAD + LABELLED_CIRCLED + TAIL)
    assert parsed.ledger.info.title == "中共柳溪县市场监督管理局党组关于县委第七轮巡察整改进展情况的通报"
    assert _counts(parsed)[2] == 3


# ---------------------------------------------------------------------------
# 6. A summary table printed at the top
# ---------------------------------------------------------------------------

TITLE = "中共柳溪县市场监督管理局党组关于县委第七轮巡察整改进展情况的通报"
PREAMBLE = ("县委第四巡察组于2024年4月8日至6月7日对县市场监督管理局党组开展了常规巡察，"
            "2024年7月19日向局党组反馈了巡察意见。现将整改进展情况公布如下。")
TABLE = [
    ["序号", "反馈方面", "问题数", "整改措施数", "已完成措施数"],
    ["一", "服务发展大局", "2", "4", "4"],
    ["二", "全面从严治党", "1", "2", "2"],
    ["合计", "", "3", "6", "6"],
]
#: sections 一、二、三 with seed-like items (read alike before and after the table fixes)
SECTIONS = """一、整改工作推进情况
局党组召开专题会议4次研究整改，反馈的3个问题已全部完成整改。
二、反馈问题整改落实情况
（一）关于服务发展大局方面
1.涉企检查“多头跑、重复查”问题。一是建立跨部门联合抽查清单。二是推行“综合查一次”。
2.食品安全风险隐患排查不彻底问题。一是开展拉网式排查。二是已销号隐患47项。
（二）关于全面从严治党方面
3.执法办案廉洁风险防控薄弱问题。一是修订案件集体讨论规则。二是开展案卷评查2次。
三、下一步工作打算
局党组将持续用力，巩固整改成果。"""


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _assert_table_kept_apart(parsed: ParsedNotice, caption: str) -> None:
    info = parsed.ledger.info
    assert info.title == TITLE
    assert info.preamble == PREAMBLE
    assert info.section_one == "局党组召开专题会议4次研究整改，反馈的3个问题已全部完成整改。"
    assert caption in info.extra[TABLE_KEY] and "合计" in info.extra[TABLE_KEY]
    assert _counts(parsed) == (2, 0, 3, [2, 2, 2])


@pytest.mark.parametrize("layout", ["table_first", "preamble_first"])
def test_summary_table_does_not_leak_into_title_or_preamble(layout: str) -> None:
    table = "柳溪县市场监管局巡察整改情况统计表\n" + _tsv(TABLE)
    front = f"{table}\n{PREAMBLE}" if layout == "table_first" else f"{PREAMBLE}\n{table}"
    parsed = parse_notice(f"{TITLE}\n{front}\n{SECTIONS}{TAIL}")
    _assert_table_kept_apart(parsed, "巡察整改情况统计表")


def test_summary_table_in_a_word_file(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(PREAMBLE)
    document.add_paragraph("表1　巡察反馈问题整改情况汇总")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in (SECTIONS + TAIL).splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    path = tmp_path / "通报.docx"
    document.save(str(path))
    _assert_table_kept_apart(parse_notice(read_notice_docx(path)), "巡察反馈问题整改情况汇总")


# ---------------------------------------------------------------------------
# 7. Progress written once for the whole issue
# ---------------------------------------------------------------------------

ISSUE_PROGRESS = """
二、反馈问题整改落实情况
（一）服务发展大局方面
1.巡察指出“涉企收费清理不彻底”的问题。
整改措施：一是全面梳理涉企收费目录；二是对违规收费单位责令退费；三是建立收费公示制度。
整改进展：收费目录已公布，退还企业费用23.6万元，公示制度已建立。该问题已完成整改。
2.巡察指出“广告监测覆盖不全”的问题。
整改措施：一是扩大户外广告监测范围；二是引入第三方监测服务。
整改进展：户外广告监测已覆盖城区主干道，第三方监测服务正在招标中。
3.巡察指出“计量器具检定不及时”的问题。
整改措施：（1）对集贸市场计量器具开展集中检定；（2）建立计量器具到期提醒台账。
整改进展：集中检定计量器具860台件，提醒台账已建立。已完成整改。
"""


def test_progress_for_the_whole_issue_says_done() -> None:
    parsed = _parse(ISSUE_PROGRESS)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [3, 2, 2]
    assert [m.status for m in issues[0].measures] == [Status.DONE] * 3
    assert [m.status for m in issues[2].measures] == [Status.DONE] * 2
    assert Status.DONE not in {m.status for m in issues[1].measures}  # still being tendered
    assert all(m.status_inferred for m in parsed.ledger.measures())
