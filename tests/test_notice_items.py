"""Measures listed without numbers after a label, each closing with its own status
("整改情况：开展排查，已完成；建立机制，已完成；修订办法，正在推进。"): one measure each, with its
status — they had been one measure, read as the least advanced status of the three. A "；"
list whose items do not each say how far they got stays one account.

The notice is written for this file about a fictional unit (tests/test_notice_closing.py)."""

from __future__ import annotations

import pytest

from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.status import Status
from tests.test_notice_closing import _NOTICE

_ITEM = "1.耕地保护责任落实不到位问题。一是开展违法占地专项排查，已完成；二是建立耕地保护网格化巡查机制，已完成。"


def _measures(body: str) -> list[tuple[str, Status | None]]:
    parsed = parse_notice(_NOTICE.format(closing="").replace(_ITEM, body))
    (issue,) = [i for a in parsed.ledger.aspects for i in a.issues()]
    return [(m.text, m.status) for m in issue.measures]


@pytest.mark.parametrize("label", ["整改情况", "整改措施及进展", "整改落实情况"])
def test_items_closing_with_their_status_are_measures(label: str) -> None:
    body = (f"1.耕地保护责任落实不到位问题。{label}：开展违法占地专项排查，已完成；建立耕地保护网格化巡查机制，"
            "已完成；修订耕地保护考核办法，正在推进。")
    assert _measures(body) == [("开展违法占地专项排查，已完成。", Status.DONE),
                               ("建立耕地保护网格化巡查机制，已完成。", Status.DONE),
                               ("修订耕地保护考核办法，正在推进。", Status.IN_PROGRESS)]


def test_a_status_in_brackets_closes_an_item_too() -> None:
    body = "1.耕地保护责任落实不到位问题。整改情况：开展违法占地专项排查（已完成）；修订耕地保护考核办法（持续推进）。"
    assert [s for _, s in _measures(body)] == [Status.DONE, Status.LONG_TERM]


@pytest.mark.parametrize("body", [
    # one account of the work: the pieces say what was done, not each how far it got
    "1.耕地保护责任落实不到位问题。整改情况：已开展违法占地专项排查；已建立耕地保护网格化巡查机制。",
    # a result after the status is no second measure
    "1.耕地保护责任落实不到位问题。整改情况：对全县耕地开展排查，共发现问题12处，已完成；整改率100%。",
])
def test_an_account_in_one_piece_stays_one_measure(body: str) -> None:
    assert len(_measures(body)) == 1


def test_the_rendered_notice_numbers_them() -> None:
    body = ("1.耕地保护责任落实不到位问题。整改情况：开展违法占地专项排查，已完成；修订耕地保护考核办法，"
            "正在推进。")
    text = render_notice(parse_notice(_NOTICE.format(closing="").replace(_ITEM, body)).ledger)
    assert "一是开展违法占地专项排查" in text and "二是修订耕地保护考核办法" in text


def test_a_status_stated_apart_is_printed_once_after_the_measures() -> None:
    # "整改措施：A；B。整改进展：已完成。": the status is stated once for the issue; rendered again
    # (through the API, and through the ledger parse-notice writes) it is said once, after them
    body = ("1.耕地保护责任落实不到位问题。\n整改措施：开展违法占地专项排查；建立耕地保护网格化巡查机制。\n"
            "整改进展：已完成。")
    parsed = parse_notice(_NOTICE.format(closing="").replace(_ITEM, body))
    assert [s for _, s in _measures(body)] == [Status.DONE, Status.DONE]
    text = render_notice(parsed.ledger)
    assert "一是开展违法占地专项排查。二是建立耕地保护网格化巡查机制。已完成。" in text


_SHORTFALL = _NOTICE.format(closing="").replace("（一）贯彻落实党的路线方针政策方面\n\n" + _ITEM, """\
{category}

1.耕地保护责任落实不到位问题。一是开展违法占地专项排查，已完成；二是修订耕地保护考核办法，正在推进。

2.执法监督不到位问题。一是建立巡查机制，长期坚持。
""")


@pytest.mark.parametrize("category", ["（一）监督执纪不力问题", "（一）制度执行不严格问题",
                                      "（一）学习贯彻不深入的问题", "（一）整改不到位问题"])
def test_a_category_named_by_a_shortfall_is_no_status_group(category: str) -> None:
    # "…不力问题" had been read as a group of issues "not done": every measure under it stated 正在推进
    parsed = parse_notice(_SHORTFALL.format(category=category))
    measures = [m for a in parsed.ledger.aspects for i in a.issues() for m in i.measures]
    assert [m.status for m in measures] == [Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM]
    assert [a.title for a in parsed.ledger.aspects] == [category[3:]]


@pytest.mark.parametrize(("category", "status"), [("（一）已完成整改的问题", Status.DONE),
                                                  ("（一）需长期坚持的问题", Status.LONG_TERM)])
def test_a_group_named_by_how_far_it_got_still_states_it(category: str, status: Status) -> None:
    parsed = parse_notice(_SHORTFALL.format(category=category).replace("，正在推进", "").replace("，已完成", "")
                          .replace("，长期坚持", ""))
    measures = [m for a in parsed.ledger.aspects for i in a.issues() for m in i.measures]
    assert {m.status for m in measures} == {status}


def test_items_whose_last_clause_says_how_far_they_got() -> None:
    body = ("1.耕地保护责任落实不到位问题。整改情况：开展违法占地专项排查，已完成；建立巡查机制，持续推进中；"
            "修订考核办法，目前正在征求意见。")
    assert [s for _, s in _measures(body)] == [Status.DONE, Status.LONG_TERM, Status.IN_PROGRESS]
