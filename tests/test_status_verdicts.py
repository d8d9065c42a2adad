"""Status cells where a later clause decides: an auditor's verdict after a done word, the
acceptor's closure words, a template's option list, plain done statements and look-alike typos
(rectxl.core.status; DESIGN.md §2 "Statuses")."""

from __future__ import annotations

import pytest

from rectxl.core.status import Stage, Status, StatusReading, read_status

D, M, P, L, N = (
    Status.DONE,
    Status.MOSTLY_DONE,
    Status.IN_PROGRESS,
    Status.LONG_TERM,
    Status.NOT_STARTED,
)
ACCEPTED, CLOSED = Stage.ACCEPTED, Stage.CLOSED


# -- 1. a failed check after a done word ---------------------------------------------------------

FAILED_AFTER_DONE = [
    "已完成，验收未通过，重新整改中",
    "已完成，未通过验收",
    "已完成，但验收不合格",
    "已整改，经复查仍未到位",
    "已完成。经验收，整改不到位，责令重新整改",
    "已完成，未通过县巡察办验收",
    "已整改，复查不合格",
    "已完成，验收结果为不合格",
    "已完成，经复核整改不彻底",
    "已完成，经县委巡察办复查，整改仍不到位",
    "已完成，被巡察办退回整改",
    "已完成，巡察办要求重新整改",
    "已完成，经督查发现问题反弹",
    "已完成，经回头看发现反弹",
    "整改完成。县纪委监委抽查不合格，已退回重新整改",
    "已办结；验收时发现整改不到位，需重新整改",
    "已整改。經驗收不合格，退回重新整改",  # traditional characters
    "已完成（验收不合格）",  # in brackets: not a contradiction to give up on
    "已完成（经复查仍未到位）",
    "基本完成，验收不合格",  # a failed check also undoes 基本完成
    "基本完成，经复查不合格，重新整改",
]


@pytest.mark.parametrize("text", FAILED_AFTER_DONE)
def test_failed_check_overrides_done(text: str) -> None:
    got = read_status(text)
    assert got.status is P, got
    assert got.stage is None, got
    assert got.rest, got  # the verdict stays visible as the narrative


def test_failed_check_keeps_the_narrative_after_the_done_word() -> None:
    got = read_status("已完成。经验收，整改不到位，责令重新整改")
    assert got == StatusReading(P, rest="经验收，整改不到位，责令重新整改")


STILL_DONE = [
    # the negation is about others, not this work
    ("已完成，对未完成任务的单位进行了督办", "对未完成任务的单位进行了督办"),
    ("已完成，对整改不到位的2名干部进行了问责", "对整改不到位的2名干部进行了问责"),
    ("已完成，对验收不合格的3个项目责令重新整改", "对验收不合格的3个项目责令重新整改"),
    ("已完成。召开专题会议，对整改不到位的问题进行再部署", "召开专题会议，对整改不到位的问题进行再部署"),
    ("已完成，检查不合格单位3家已整改", "检查不合格单位3家已整改"),
    # a negation that says nothing went wrong
    ("已完成，未发现新问题", "未发现新问题"),
    ("已完成，未出现反弹", "未出现反弹"),
    ("已完成，经回头看未发现问题反弹", "经回头看未发现问题反弹"),
    ("已完成，持续巩固防止反弹", "持续巩固防止反弹"),
    ("已完成，确保问题不反弹", "确保问题不反弹"),
    ("已完成，经检查不存在问题", "经检查不存在问题"),
    ("已完成，经复查无不合格情况", "经复查无不合格情况"),
    # a redo that was finished, or a later check that passed
    ("已完成，重新整改完毕", "重新整改完毕"),
    ("已完成。验收未通过，重新整改后已验收合格", "验收未通过，重新整改后已验收合格"),
    ("已完成。针对验收不合格问题重新组织整改，现已全部完成", "针对验收不合格问题重新组织整改，现已全部完成"),
    # "not yet" accepted is waiting, not failed
    ("已完成，尚未通过验收", "尚未通过验收"),
    # plain narrative
    ("已完成，下一步将持续巩固整改成果", "下一步将持续巩固整改成果"),
    ("已完成，重新修订了《财务管理制度》", "重新修订了《财务管理制度》"),
]


@pytest.mark.parametrize(("text", "rest"), STILL_DONE)
def test_done_with_an_unrelated_negation_stays_done(text: str, rest: str) -> None:
    assert read_status(text) == StatusReading(D, rest=rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("基本完成，尚未全部完成", M),  # what mostly done means, not a verdict
        ("基本完成，剩余部分仍未完成", M),
        ("长期坚持，验收不合格", L),  # only done words are overridden
        ("正在推进，验收不合格", P),
    ],
)
def test_verdict_only_overrides_done_words(text: str, expected: Status) -> None:
    assert read_status(text).status is expected


# -- 2. closure words -----------------------------------------------------------------------------

CLOSURE = [
    ("同意销号", StatusReading(D, CLOSED)),
    ("准予销号", StatusReading(D, CLOSED)),
    ("予以销号", StatusReading(D, CLOSED)),
    ("经巡察办验收，同意销号", StatusReading(D, CLOSED)),
    ("验收合格，同意销号", StatusReading(D, CLOSED)),
    ("经验收，予以销号", StatusReading(D, CLOSED)),
    ("已完成，经验收合格，同意销号", StatusReading(D, CLOSED)),
    ("已完成，并经验收合格予以销号", StatusReading(D, CLOSED)),
    ("已完成，经县巡察办验收销号", StatusReading(D, CLOSED)),
    ("完成整改，经县巡察办组织验收合格，同意销号", StatusReading(D, CLOSED)),
    ("已完成整改，现已通过验收，准予销号", StatusReading(D, CLOSED)),
    ("已完成，巡察办已同意销号", StatusReading(D, CLOSED)),
    ("已完成，已通过县委巡察办验收", StatusReading(D, ACCEPTED)),
    ("已完成（经县纪委验收）", StatusReading(D, ACCEPTED)),
    ("已完成，巡察办已验收", StatusReading(D, ACCEPTED)),
    ("已完成，县纪委监委已验收", StatusReading(D, ACCEPTED)),
    ("已完成，2026年10月20日验收合格", StatusReading(D, ACCEPTED)),
    ("已完成，已于2026年10月通过验收", StatusReading(D, ACCEPTED)),
    ("经巡察组验收合格", StatusReading(D, ACCEPTED)),
    ("经第三方验收合格", StatusReading(D, ACCEPTED)),
    ("验收已通过", StatusReading(D, ACCEPTED)),
    ("验收均已合格", StatusReading(D, ACCEPTED)),
    ("验收已完成", StatusReading(D, ACCEPTED)),
    ("已完成验收", StatusReading(D, ACCEPTED)),
    ("已完成验收工作", StatusReading(D, ACCEPTED)),
    ("已经县委巡察办验收合格", StatusReading(D, ACCEPTED)),
    # a further step named before 验收 is waiting, not accepted
    ("已完成整改并申请验收", StatusReading(D, Stage.AWAITING)),
    ("完成整改后报请巡察办验收", StatusReading(D, Stage.AWAITING)),
    ("已整改，待巡察办验收", StatusReading(D, Stage.AWAITING)),
]


@pytest.mark.parametrize(("text", "expected"), CLOSURE)
def test_closure_words(text: str, expected: StatusReading) -> None:
    assert read_status(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "已完成，2026年10月验收",  # a date and 验收: when it will be checked, not that it passed
        "已完成，计划2026年10月验收",
        "已完成前期验收准备",  # not a status clause at all
    ],
)
def test_a_date_or_plan_before_acceptance_is_not_acceptance(text: str) -> None:
    assert read_status(text).stage is None


# -- 3. a template's option list ------------------------------------------------------------------

OPTION_LISTS = [
    "已完成,正在推进,未启动",
    "已完成，正在推进，未启动",
    "已完成；正在推进；未启动",
    "已完成 正在推进 未启动",
    "已完成　正在推进　未启动",  # full-width spaces
    "已完成\n正在推进\n未启动",
    "已完成、正在推进、未启动",
    "已完成/基本完成/正在推进/长期坚持/未启动",
    "已完成 正在推进",
    "已完成 未完成",
    "已完成\n未完成",
    "未完成 已完成",
    "已完成，正在推进",
    "正在推进，未启动",
    "请填写：已完成/正在推进/未启动",
    "请选择：已完成，正在推进，未启动",
    "请选择已完成/正在推进/未启动",
    "（请选择）已完成、正在推进、未启动",
    "填报说明：已完成、正在推进、未启动",
    "基本完成/正在推进",  # a slash offers a choice
]


@pytest.mark.parametrize("text", OPTION_LISTS)
def test_option_list_is_no_status(text: str) -> None:
    assert read_status(text) == StatusReading(None)


def test_line_break_and_space_read_alike() -> None:
    assert read_status("已完成\n未完成") == read_status("已完成 未完成")
    assert read_status("已完成\n正在推进") == read_status("已完成，正在推进")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("已完成，正在推进下一阶段工作", StatusReading(D, rest="正在推进下一阶段工作")),
        ("已完成。正在巩固", StatusReading(D, rest="正在巩固")),
        ("已完成。正在推进", StatusReading(D, rest="正在推进")),  # a sentence, not a list
        ("已完成，长期坚持", StatusReading(D, continuing=True)),
        ("已完成 长期坚持", StatusReading(D, continuing=True)),
        ("基本完成，正在推进", StatusReading(M, rest="正在推进")),  # both say the work goes on
        ("正在推进，已完成3项", StatusReading(P, rest="已完成3项")),
        ("已完成 已销号", StatusReading(D, CLOSED)),
        ("已完成，正在推进，未启动。召开会议", StatusReading(D, rest="正在推进，未启动。召开会议")),
    ],
)
def test_status_words_with_more_than_options_are_read(text: str, expected: StatusReading) -> None:
    assert read_status(text) == expected


# -- 4. plain done statements ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "该项整改任务已完成",
        "各项整改措施已落实到位",
        "已完成各项整改",
        "已完成各项整改任务",
        "所有整改任务已完成",
        "上述问题已整改",
        "本项整改任务已办结",
        "该项整改措施已落实",
    ],
)
def test_plain_done_statements(text: str) -> None:
    assert read_status(text) == StatusReading(D)


# -- 5. look-alike typos of 已 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("己完成", D),
        ("巳完成", D),
        ("己整改到位", D),
        ("己经完成", D),
        ("该项工作己完成", D),
        ("己于2026年5月完成", D),
        ("己基本完成", M),
        ("巳销号", D),
    ],
)
def test_lookalike_typos_of_yi(text: str, expected: Status) -> None:
    assert read_status(text).status is expected


@pytest.mark.parametrize("text", ["自己完成", "各单位自己整改", "以完成"])
def test_not_every_ji_is_a_typo(text: str) -> None:
    assert read_status(text).status is None
