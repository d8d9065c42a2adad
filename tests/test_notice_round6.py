"""Notices in the styles of still more offices (round 6): the supervision sentence and the
contacts written at the end of the next steps' paragraph (…。欢迎广大干部群众监督。监督电话：…),
a 联系人： line; totals where a count in a given state is a part (2个问题正在持续推进) and the
whole is counted after its noun (共梳理问题8个), 立行立改 counts.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

import pytest

from rectxl.core.notice import ParsedNotice, parse_notice, render_notice
from rectxl.core.notice.totals import extract_stated_totals

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
