"""Notices in the styles of still more offices (round 5): issue headings written 【问题一】,
第一个问题：, 第1个问题：, （问题一）, 〔问题1〕, "问题一 " with a space, unnumbered 问题：/反馈问题：
blocks, ⒈, 第一，and 一); "针对这一问题，" after each heading (no title); labelled blocks
问题：/措施：/进展：; PDF copies with page numbers and a running header inside the body; a
government web page with a breadcrumb and a site footer; a status sentence closing an issue;
整改进展：/整改成效： paragraphs; ⑴⑵⑶ markers; a feedback date written 2023-12-05; a signed
notice whose items were not recognised; a completion rate that only agrees with the stated counts.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

import re

import pytest

from rectxl.core.model import Status
from rectxl.core.notice import ParsedNotice, parse_notice

HEAD = """中共桐溪县统计局党组关于县委巡察整改进展情况的通报
按照县委统一部署，2024年4月8日至5月30日，县委第三巡察组对县统计局党组开展了常规巡察，2024年7月11日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作开展情况
局党组召开专题会议，逐条研究整改措施。
二、巡察反馈问题整改情况
"""
TAIL = """三、下一步工作打算
局党组将持续巩固整改成果。
联系电话：0599-7712345。
中共桐溪县统计局党组
2024年11月18日
"""

TITLES = ["统计数据质量把关不严的问题", "统计执法检查覆盖面窄的问题", "基层统计队伍力量薄弱的问题"]


def _issues(parsed: ParsedNotice) -> list:  # type: ignore[type-arg]
    return list(parsed.ledger.issues())


def _texts(parsed: ParsedNotice) -> list[str]:
    return [t for i in _issues(parsed) for m in i.measures for t in (m.text, m.progress)]


def _notice(body: str) -> ParsedNotice:
    return parse_notice(HEAD + body + TAIL)


# ---------------------------------------------------------------------------
# 1. Issue headings
# ---------------------------------------------------------------------------

HEADINGS = {
    "【问题{cn}】{t}\n": "【问题一】",
    "第{cn}个问题：{t}。\n": "第一个问题：",
    "第{n}个问题：{t}。\n": "第1个问题：",
    "（问题{cn}）{t}\n": "（问题一）",
    "〔问题{n}〕{t}\n": "〔问题1〕",
    "问题{cn} {t}\n": "问题一 ",
    "问题：{t}。\n": "问题：",
    "反馈问题：{t}。\n": "反馈问题：",
    "{circ}{t}。\n": "⒈",
    "第{cn}，{t}。\n": "第一，",
    "{cn}）{t}。\n": "一）",
}


@pytest.mark.parametrize("heading", list(HEADINGS), ids=list(HEADINGS.values()))
def test_issue_headings_of_other_offices(heading: str) -> None:
    body = "".join(
        heading.format(cn="一二三"[k], n=k + 1, circ="⒈⒉⒊"[k], t=TITLES[k])
        + f"整改情况：一是复核报表{k + 3}份，已完成。二是约谈填报人员{k + 2}人。\n"
        for k in range(3))
    parsed = _notice(body)
    issues = _issues(parsed)
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert [i.title for i in issues] == TITLES
    assert parsed.complete and not parsed.unplaced
    numbered = not HEADINGS[heading].startswith(("问题：", "反馈问题："))
    assert [i.number for i in issues] == ([1, 2, 3] if numbered else [None, None, None])


def test_signed_notice_without_recognised_items_is_not_called_cut_short() -> None:
    body = "◆统计数据质量把关不严的问题已整改。\n◆统计执法检查覆盖面窄的问题正在整改。\n"
    parsed = _notice(body)
    assert parsed.complete
    assert not any("不完整" in w for w in parsed.warnings)
    assert any("编号写法" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 2. "针对这一问题，" after each heading names no problem
# ---------------------------------------------------------------------------

POINTING_BACK = """第一个问题：统计台账登记不规范。
针对这一问题，一是统一台账格式；二是开展台账交叉检查2次。
第二个问题：统计调查经费管理混乱。
针对这一问题，一是清理经费支出凭证；二是修订经费管理办法；三是聘请第三方审计。
第三个问题：统计宣传工作薄弱。
针对上述问题，一是开设统计开放日，正在筹备中。二是编印统计知识手册。
"""


def test_pointing_back_is_no_title_and_titles_stay_out_of_measures() -> None:
    parsed = _notice(POINTING_BACK)
    issues = _issues(parsed)
    assert [i.title for i in issues] == ["统计台账登记不规范", "统计调查经费管理混乱", "统计宣传工作薄弱"]
    assert [len(i.measures) for i in issues] == [2, 3, 2]
    assert not any("问题：" in t or "针对" in t for t in _texts(parsed))


def test_a_paragraph_naming_its_problem_still_opens_an_issue() -> None:
    body = """（一）关于统计监督方面
针对“数据报送迟缓”的问题，局党组建立了报送提醒机制，按月通报。
针对“台账不全”的问题，局党组补齐各类台账15本。
"""
    issues = _issues(_notice(body))
    assert [i.title for i in issues] == ["针对“数据报送迟缓”的问题", "针对“台账不全”的问题"]


# ---------------------------------------------------------------------------
# 3. Labelled blocks 问题：/措施：/进展：
# ---------------------------------------------------------------------------

BLOCKS = """（一）关于统计数据质量方面
问题：源头数据采集不准确。
措施：一是开展名录库核查；二是培训基层统计员45人次。
进展：已完成整改。
问题：数据审核流于形式。
措施：一是建立三级审核制度；二是开展数据质量抽查。
进展：正在推进。
（二）关于干部作风方面
问题：服务企业意识不强。
措施：一是开展“统计服务进企业”活动；二是公开服务承诺。
进展：需长期坚持。
"""


def test_labelled_blocks_are_one_issue_each_without_their_labels() -> None:
    parsed = _notice(BLOCKS)
    issues = _issues(parsed)
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert [i.title for i in issues] == ["源头数据采集不准确", "数据审核流于形式", "服务企业意识不强"]
    assert not any(re.search(r"(?:问题|措施|进展)：", t) for t in _texts(parsed))
    statuses = [[m.status for m in i.measures] for i in issues]
    assert statuses == [[Status.DONE] * 2, [Status.IN_PROGRESS] * 2, [Status.LONG_TERM] * 2]
    assert not any(m.status_inferred for i in issues for m in i.measures)


def test_problem_label_under_a_numbered_title_describes_it() -> None:
    body = """1.统计档案管理不规范的问题
问题：部分年报资料未按期归档。
整改措施：一是集中清理档案；二是建立归档提醒制度。
2.统计执法不严的问题
问题：对迟报企业处理偏软。
整改措施：一是立案查处迟报企业3家；二是公开曝光典型案例。
"""
    issues = _issues(_notice(body))
    assert [i.title for i in issues] == ["统计档案管理不规范的问题", "统计执法不严的问题"]
    assert [len(i.measures) for i in issues] == [2, 2]


# ---------------------------------------------------------------------------
# 4. PDF copies: page numbers and a running header
# ---------------------------------------------------------------------------

RUNNING = "中共桐溪县统计局党组关于县委巡察整改进展情况的通报"


@pytest.mark.parametrize("page", ["— 4 —", "-4-", "- 4 -", "第 2 页 共 3 页", "第2页/共3页"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_page_numbers_and_running_header_are_dropped(page: str, indent: str) -> None:
    body = (f"{indent}1.统计数据质量把关不严的问题。一是复核报表32份。二是对5家企业立案查处，其余2家正在\n"
            f"{page}\n{RUNNING}\n调查中。\n"
            f"{indent}2.统计执法检查覆盖面窄的问题。一是扩大抽查范围；二是建立执法台账，长期坚持。\n"
            f"{page}\n{RUNNING}\n"
            f"{indent}3.基层统计队伍力量薄弱的问题。一是充实乡镇统计员8名；二是开展业务轮训。\n")
    text = "\n".join(indent + line if line and not line.startswith(("—", "-", "第")) else line
                     for line in (HEAD + body + TAIL).split("\n"))
    parsed = parse_notice(text)
    issues = _issues(parsed)
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    texts = _texts(parsed)
    assert not any("页" in t or "—" in t or "通报" in t or re.search(r"-\s*4", t) for t in texts)
    assert "对5家企业立案查处，其余2家正在调查中。" in [m.text for m in issues[0].measures]
    assert parsed.ledger.info.title == RUNNING


def test_title_repeated_as_a_header_without_page_numbers() -> None:
    body = (f"1.统计数据质量把关不严的问题。一是复核报表32份；二是约谈填报人员。\n{RUNNING}\n"
            "2.统计执法检查覆盖面窄的问题。一是扩大抽查范围；二是建立执法台账。\n")
    parsed = _notice(body)
    assert [len(i.measures) for i in _issues(parsed)] == [2, 2]
    assert not any("通报" in t for t in _texts(parsed))


# ---------------------------------------------------------------------------
# 5. A government web page: breadcrumb and site footer
# ---------------------------------------------------------------------------

WEB = """首页
信息公开
您当前的位置：首页 > 信息公开 > 巡察整改
中共桐溪县统计局党组关于县委巡察整改进展情况的通报
发布时间：2024-11-19 10:02　浏览次数：311
按照县委统一部署，2024年4月8日至5月30日，县委第三巡察组对县统计局党组开展了常规巡察，2024年7月11日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作开展情况
局党组召开专题会议。
二、巡察反馈问题整改情况
1.统计数据质量把关不严的问题。一是复核报表32份；二是约谈填报人员6人。
2.统计执法检查覆盖面窄的问题。一是扩大抽查范围；二是建立执法台账。
三、下一步工作打算
持续巩固整改成果。
联系电话：0599-7712345；电子邮箱：txtj@example.cn。
中共桐溪县统计局党组
2024年11月18日
【打印本页】【关闭窗口】
上一篇：县统计局召开半年工作会
关于我们 | 网站地图 | 联系我们
主办单位：桐溪县人民政府办公室
地址：桐溪县府前路8号　邮编：354000　电话：0599-7700000
"""


def test_web_page_breadcrumb_and_footer_are_not_the_notice() -> None:
    parsed = parse_notice(WEB)
    info = parsed.ledger.info
    assert info.title == RUNNING
    assert info.phone == "0599-7712345"
    assert info.email == "txtj@example.cn"
    assert not info.address and not info.postcode
    assert [len(i.measures) for i in _issues(parsed)] == [2, 2]


# ---------------------------------------------------------------------------
# 6. A status sentence closing the issue
# ---------------------------------------------------------------------------

CLOSING_STATUS = """1.统计数据质量把关不严的问题。一是复核报表32份；二是约谈填报人员；三是修订审核细则。已整改完成。
2.统计执法检查覆盖面窄的问题。一是扩大抽查范围；二是建立执法台账。正在持续推进。
3.基层统计队伍力量薄弱的问题。一是开展业务轮训；二是建立统计员激励机制。需长期坚持。
4.统计宣传工作薄弱的问题。一是开设统计开放日。已完成。二是编印统计知识手册。正在推进。
"""


def test_status_sentence_closing_an_issue_applies_to_all_its_measures() -> None:
    issues = _issues(_notice(CLOSING_STATUS))
    assert [len(i.measures) for i in issues] == [3, 2, 2, 2]
    assert [{m.status for m in i.measures} for i in issues[:3]] == [
        {Status.DONE}, {Status.IN_PROGRESS}, {Status.LONG_TERM}]
    assert not any(m.status_inferred for i in issues[:3] for m in i.measures)
    assert not any("已整改完成" in m.text or "需长期坚持" in m.text for i in issues for m in i.measures)
    # each measure states its own: none is the issue's
    assert [m.status for m in issues[3].measures] == [Status.DONE, Status.IN_PROGRESS]


def test_ascii_full_stops_and_iso_feedback_date() -> None:
    text = (HEAD.replace("2024年7月11日反馈了巡察意见", "并于2024-07-16反馈了巡察意见")
            + "1. 统计数据质量把关不严的问题. 一是复核报表32份; 二是约谈填报人员. 已完成.\n"
            + "2. 统计执法检查覆盖面窄的问题. 一是扩大抽查范围; 二是建立执法台账. 正在推进.\n" + TAIL)
    parsed = parse_notice(text)
    assert str(parsed.ledger.info.feedback_date) == "2024-07-16"
    issues = _issues(parsed)
    assert [[m.status for m in i.measures] for i in issues] == [[Status.DONE] * 2, [Status.IN_PROGRESS] * 2]


# ---------------------------------------------------------------------------
# 7. 整改进展：/整改成效：
# ---------------------------------------------------------------------------

RESULTS = """（一）关于统计数据质量方面
1.统计数据质量把关不严的问题
整改措施：一是全面复核年报数据；二是建立数据质量台账。
整改进展：已完成复核，台账已建立。
整改成效：数据差错率下降至0.3%。
2.统计执法检查覆盖面窄的问题
整改措施：一是扩大抽查范围；二是引入第三方核查；三是公开执法结果。
整改进展：抽查范围已扩大至全部乡镇，第三方核查正在招标，执法结果已公开。
整改成效：查处统计违法案件4起。
"""


def test_results_are_no_measure_progress() -> None:
    parsed = _notice(RESULTS)
    issues = _issues(parsed)
    assert [len(i.measures) for i in issues] == [2, 3]
    assert not any("成效" in t for t in _texts(parsed))
    assert all("数据差错率" in m.remark for m in issues[0].measures)
    # a progress answering each measure in turn is paired with them
    assert [m.progress for m in issues[0].measures] == ["已完成复核。", "台账已建立。"]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.DONE]
    # one that says the issue is still under way stays the issue's (no measure called done)
    assert Status.DONE not in {m.status for m in issues[1].measures}


# ---------------------------------------------------------------------------
# 8. ⑴⑵⑶ markers
# ---------------------------------------------------------------------------


def test_parenthesised_number_markers() -> None:
    body = ("1.统计数据质量把关不严的问题。⑴复核报表32份；⑵约谈填报人员6人；⑶修订审核细则，正在推进。\n"
            "2.统计执法检查覆盖面窄的问题。\n⑴扩大抽查范围。\n⑵建立执法台账。\n")
    parsed = _notice(body)
    issues = _issues(parsed)
    assert [len(i.measures) for i in issues] == [3, 2]
    assert not any(re.search("[⑴-⒇]", t) for t in _texts(parsed))
    assert issues[1].measures[0].text == "扩大抽查范围。"


# ---------------------------------------------------------------------------
# 10. Minor
# ---------------------------------------------------------------------------


def test_full_width_phone_is_read_in_half_width() -> None:
    parsed = parse_notice((HEAD + "1.统计数据质量把关不严的问题。一是复核报表32份；二是约谈填报人员。\n" + TAIL)
                          .replace("0599-7712345", "０５９９－７７１２３４５"))
    assert parsed.ledger.info.phone == "0599-7712345"


def test_rate_agreeing_only_with_stated_counts_is_not_confirmed() -> None:
    head = HEAD.replace("局党组召开专题会议，逐条研究整改措施。",
                        "巡察反馈问题共20个，已完成整改18个，完成率90%。")
    parsed = parse_notice(head + "1.统计数据质量把关不严的问题。一是复核报表32份；二是约谈填报人员。\n"
                          + "2.统计执法检查覆盖面窄的问题。一是扩大抽查范围。\n" + TAIL)
    rate = [c for c in parsed.total_checks if c.item == "rate"]
    assert rate and "一致" not in rate[0].message and "无法按正文核对" in rate[0].message
