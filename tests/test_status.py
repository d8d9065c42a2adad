"""Table-driven tests for rectxl.core.status."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rectxl.core.status import STATUS_ALIASES, Stage, Status, StatusReading, parse_status, read_status
from rectxl.core.text import fold_text, normalize_text

D, M, P, L, N = (
    Status.DONE,
    Status.MOSTLY_DONE,
    Status.IN_PROGRESS,
    Status.LONG_TERM,
    Status.NOT_STARTED,
)


def test_status_values_are_the_chinese_labels() -> None:
    assert [s.value for s in Status] == ["已完成", "基本完成", "正在推进", "长期坚持", "未启动"]
    assert Status("已完成") is Status.DONE


# Every synonym DESIGN.md §2 lists, verbatim (and a few it used to list).
DESIGN_SYNONYMS = [
    ("已完成", D),
    ("已整改", D),
    ("整改到位", D),
    ("已办结", D),
    ("已落实", D),
    ("整改已完成", D),
    ("已完成整改", D),
    ("完成", D),
    ("已销号", D),
    ("整改完成", D),
    ("基本完成", M),
    ("阶段性完成", M),
    ("取得阶段性成效", M),
    ("大部分完成", M),
    ("部分完成", P),  # part done is not mostly done (tests/data/status_cases.tsv)
    ("基本完成取得阶段性成果", M),
    ("正在推进", P),
    ("推进中", P),
    ("整改中", P),
    ("正在落实", P),
    ("正在整改", P),
    ("未完成", P),
    ("尚未整改到位", P),
    ("延期整改", P),
    ("整改未到位", P),
    ("整改不够彻底", P),
    ("长期坚持", L),
    ("需长期坚持", L),
    ("常态化推进", L),
    ("长期推进", L),
    ("持续推进", L),
    ("持续整改", L),
    ("持续坚持", L),
    ("未启动", N),
    ("未开始", N),
]


@pytest.mark.parametrize(("text", "expected"), DESIGN_SYNONYMS)
def test_design_synonyms(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize(("status", "alias", "note"), STATUS_ALIASES)
def test_every_documented_alias(status: Status, alias: str, note: str) -> None:
    assert parse_status(alias) is status, note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whitespace: surrounding, full-width U+3000, NBSP, inner, tabs, newlines
        ("  已完成  ", D),
        ("\u3000已完成\u3000", D),
        ("\u00a0已完成\u00a0", D),
        ("已 完 成", D),
        ("已\u3000完成", D),
        ("\t正在推进\n", P),
        ("基本\u3000完成", M),
        ("长期\u00a0坚持", L),
        # trailing punctuation and decorative marks
        ("已完成整改。", D),
        ("已完成。", D),
        ("已完成;", D),
        ("已完成!", D),
        ("√已完成", D),
        ("√ 已完成", D),
        ("✔已完成", D),
        ("已完成✓", D),
        ("☑已完成", D),
        ("【已完成】", D),
        ("(已完成)", D),
        ("(已完成)", D),
        ("“已完成”", D),
        ("●正在推进", P),
        # width folding
        ("已完成.", D),
        # 是否完成 column
        ("是", D),
        ("否", P),
        (" 是 ", D),
        # the DESIGN phrase with punctuation inside
        ("基本完成,取得阶段性成果", M),
        ("基本完成,取得阶段性成果", M),
        ("基本完成、取得阶段性成果", M),
        # the Status enum itself
        (Status.LONG_TERM, L),
        (Status.NOT_STARTED, N),
        # Excel booleans in a 是否完成 column
        (True, D),
        (False, P),
    ],
)
def test_spelling_variants(text: object, expected: Status) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "未完成",
        "尚未完成",
        "未完成整改",
        "整改未完成",
        "尚未整改到位",
        "未整改到位",
        "未整改完成",
    ],
)
def test_negations_are_never_done(text: str) -> None:
    assert parse_status(text) is Status.IN_PROGRESS


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "\u3000\u3000",
        "。",
        float("nan"),
        3.5,  # a number that is no fraction (0–1: a percentage, see status_cases.tsv)
        "2",
        "abc",
        "已完成前期摸底",  # 已完成 + an object that is no status word: not guessed
        "完成整改方案",  # likewise
        "已完成?",  # a question mark expresses doubt
        "已完成?",
        "是否",
        "待定",
        date(2023, 9, 30),
        datetime(2023, 9, 30),
        object(),
        ["已完成"],
    ],
)
def test_blank_or_unrecognised_is_none(value: object) -> None:
    assert parse_status(value) is None


class _Explodes:
    def __str__(self) -> str:
        raise RuntimeError("boom")


def test_parse_status_never_raises_on_hostile_objects() -> None:
    assert parse_status(_Explodes()) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("abc", "abc"),
        ("普通文本", "普通文本"),
        ("  已完成  ", "已完成"),
        ("\u3000\u3000已完成\u3000", "已完成"),
        ("\u00a0已完成\u00a0", "已完成"),
        ("a\u3000\u3000b", "a b"),
        ("a \u00a0\t b", "a b"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("第一行  \n  第二行", "第一行\n第二行"),
        ("\ufeff标题", "标题"),
        ("零\u200b宽", "零宽"),
        ("(一)全角括号保留", "(一)全角括号保留"),
        ("2023年9月30日", "2023年9月30日"),
        (3.0, "3"),
        (3.5, "3.5"),
        (-2.0, "-2"),
        (float("nan"), ""),
        (45199, "45199"),
        (True, "TRUE"),
        (date(2023, 9, 30), "2023-09-30"),
        (datetime(2023, 9, 30), "2023-09-30"),
        (datetime(2023, 9, 30, 14, 5), "2023-09-30 14:05:00"),
        (Status.DONE, "已完成"),
    ],
)
def test_normalize_text(value: object, expected: str) -> None:
    got = normalize_text(value)
    assert got == expected
    assert type(got) is str


def test_normalize_text_never_raises() -> None:
    assert normalize_text(_Explodes()) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("２０２３年 ９ 月", "2023年9月"),
        (" 已\u3000完 成 ", "已完成"),
        ("(一)", "(一)"),
        (None, ""),
    ],
)
def test_fold_text(value: object, expected: str) -> None:
    assert fold_text(value) == expected


# -- read_status: stage, continuing and the narrative after the status word ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("已完成", StatusReading(D)),
        ("已完成并长期坚持", StatusReading(D, None, True)),  # done, and the work continues
        ("大部分已完成", StatusReading(M)),
        ("已完成，待验收", StatusReading(D, Stage.AWAITING)),
        ("已完成，尚未验收", StatusReading(D, Stage.AWAITING)),
        ("验收合格", StatusReading(D, Stage.ACCEPTED)),
        ("已验收待销号", StatusReading(D, Stage.ACCEPTED)),
        ("已销号，长期坚持", StatusReading(D, Stage.CLOSED, True)),
        ("长期坚持，常抓不懈", StatusReading(L)),
        ("基本完成，并持续推进", StatusReading(M, None, True)),
        ("已完成。召开专题会2次", StatusReading(D, rest="召开专题会2次")),
        ("正在推进，已形成初稿", StatusReading(P, rest="已形成初稿")),
        ("已完成\n1.印发方案；\n2.召开会议。", StatusReading(D, rest="1.印发方案；\n2.召开会议。")),
        ("整改中 已完成前期摸底调查", StatusReading(P, rest="已完成前期摸底调查")),
        ("召开专题会议2次，已完成", StatusReading(D, rest="召开专题会议2次")),
        ("整改完成（附佐证材料）", StatusReading(D, rest="附佐证材料")),
        ("已完成。召開專題會議兩次", StatusReading(D, rest="召開專題會議兩次")),  # rest as typed
        ("已完成（部分完成）", StatusReading(None)),  # contradicts itself: not guessed
        ("见附件", StatusReading(None)),
        (True, StatusReading(D)),
        (None, StatusReading(None)),
        (3, StatusReading(None)),
    ],
)
def test_read_status(text: object, expected: StatusReading) -> None:
    assert read_status(text) == expected


def test_read_status_is_cached_per_text() -> None:
    assert read_status("已完成，并长期坚持") is read_status("已完成，并长期坚持")
    assert read_status(" 已完成，并长期坚持 ") is read_status("已完成，并长期坚持")


def test_read_status_never_raises_on_hostile_objects() -> None:
    assert read_status(_Explodes()) == StatusReading(None)


@pytest.mark.parametrize("word", ["完成", "整改到位", "办结", "落实", "整改完毕", "解决", "完成整改任务"])
@pytest.mark.parametrize("negation", ["未", "尚未", "没有", "还未", "仍未", "暂未", "整改未", "目前尚未"])
def test_a_negated_done_word_is_never_done(negation: str, word: str) -> None:
    assert parse_status(negation + word) in (P, N)
    assert parse_status(f"{negation}{word}，下一步将加快推进") in (P, N)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("長期堅持", "长期坚持"),
        ("正在推進", "正在推进"),
        ("已辦結", "已办结"),
        ("已銷號", "已销号"),
        ("尚未啟動", "尚未启动"),
        ("整改不徹底", "整改不彻底"),
        ("基本完成，取得階段性成效", "基本完成，取得阶段性成效"),
    ],
)
def test_traditional_characters_read_like_simplified(traditional: str, simplified: str) -> None:
    got, want = read_status(traditional), read_status(simplified)
    assert (got.status, got.stage, got.continuing) == (want.status, want.stage, want.continuing)
    assert want.status is not None


def test_to_simplified_table_is_one_to_one() -> None:
    from rectxl.core.text import _SIMPLIFIED, _TRADITIONAL, to_simplified

    assert len(_TRADITIONAL) == len(_SIMPLIFIED) == len(set(_TRADITIONAL))
    assert not set(_TRADITIONAL) & set(_SIMPLIFIED)
    assert to_simplified("長期堅持問題進內個辦實動開階銷號驗收") == "长期坚持问题进内个办实动开阶销号验收"
    assert to_simplified("显著已完成abc") == "显著已完成abc"


# Phrases that are in no table and in no list in the code: the rules must read them by their
# structure (a held-out list of real cells is run the same way).
UNSEEN = [
    ("已清退到位", StatusReading(D)),
    ("问题已整改完毕", StatusReading(D)),
    ("已按时完成整改任务", StatusReading(D)),
    ("2026年6月底已整改到位", StatusReading(D)),
    ("已于2026年5月完成", StatusReading(D)),
    ("已完成，已建立长效机制", StatusReading(D, rest="已建立长效机制")),
    ("整改基本完成，剩余1项", StatusReading(M, rest="剩余1项")),
    ("初步整改到位", StatusReading(M)),
    ("完成90%", StatusReading(M)),
    ("完成50%", StatusReading(P)),
    ("正在组织实施", StatusReading(P)),
    ("按计划有序推进中", StatusReading(P)),
    ("施工中", StatusReading(P)),
    ("尚有2项未完成", StatusReading(P)),
    ("未按期整改到位", StatusReading(P)),
    ("落实不到位", StatusReading(P)),
    ("已申请延期至12月", StatusReading(P)),
    ("作为长期任务持续推进", StatusReading(L)),
    ("持续抓好落实", StatusReading(L)),
    ("暂未着手", StatusReading(N)),
    ("计划下月启动", StatusReading(N)),
    ("已完成，未销号", StatusReading(D, Stage.AWAITING)),
    ("已整改，待巡察办验收", StatusReading(D, Stage.AWAITING)),
    ("完成整改并申请销号", StatusReading(D, Stage.AWAITING)),
    ("已完成并通过验收", StatusReading(D, Stage.ACCEPTED)),
    ("已辦結銷號", StatusReading(D, Stage.CLOSED)),
    ("已完成，已申请验收并长期坚持", StatusReading(D, Stage.AWAITING, True)),
    ("否（正在整改）", StatusReading(P)),
    ("已完成（部分）", StatusReading(Status.IN_PROGRESS)),  # part of it done: still in progress
    ("已完成一半", StatusReading(P)),  # half of it done, as 完成50%: still in progress
    ("无需整改", StatusReading(None)),
    ("档案管理不规范问题", StatusReading(None)),  # the problem, typed into the status column
    ("挂图作战、对账销号", StatusReading(None)),  # a slogan, not a finished state
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN, ids=[t for t, _ in UNSEEN])
def test_unseen_phrases_read_by_their_structure(text: str, expected: StatusReading) -> None:
    assert read_status(text) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("按期推进", Status.IN_PROGRESS),
    ("如期推进", Status.IN_PROGRESS),
    ("已完成阶段性任务", Status.MOSTLY_DONE),
    ("完成阶段性目标", Status.MOSTLY_DONE),
    # deferred or paused work is not finished: it counts as in progress (and can be overdue)
    ("暂缓整改", Status.IN_PROGRESS),
    ("经批准暂缓实施", Status.IN_PROGRESS),
    ("暂停推进，待政策明确后恢复", Status.IN_PROGRESS),
    ("已列入长期整改", Status.LONG_TERM),
    ("已纳入常态化管理", Status.LONG_TERM),
    ("已完成（阶段性）", Status.MOSTLY_DONE),  # a stage of it done
    ("待整改", Status.NOT_STARTED),
    ("达到序时进度", Status.IN_PROGRESS),
])
def test_more_wording_from_county_ledgers(cell: str, expected: Status) -> None:
    assert parse_status(cell) is expected


@pytest.mark.parametrize(("mark", "status"), [
    ("√", Status.DONE), ("✓", Status.DONE), ("✔", Status.DONE), ("☑", Status.DONE), (" √ ", Status.DONE),
    ("×", Status.IN_PROGRESS), ("✗", Status.IN_PROGRESS), ("✘", Status.IN_PROGRESS), ("☒", Status.IN_PROGRESS),
])
def test_a_mark_alone_answers_is_it_done(mark: str, status: Status) -> None:
    """A 是否完成 / 是否办结 cell ticked or crossed (how many township ledgers answer it): a tick is
    是, a cross is 否; beside a word the mark is decoration and the word decides."""
    assert parse_status(mark) is status
    if status is Status.DONE:
        assert parse_status(f"{mark}正在推进") is Status.IN_PROGRESS


@pytest.mark.parametrize(("text", "status"), [
    ("已完成90%以上", Status.MOSTLY_DONE),
    ("整改完成率100%", Status.DONE),
    ("完成0%", Status.NOT_STARTED),
    ("0%", Status.NOT_STARTED),
    ("2024.3.20已完成", Status.DONE),
    ("2024-03-20已完成", Status.DONE),
])
def test_percentages_and_dates_as_clerks_write_them(text: str, status: Status) -> None:
    assert parse_status(text) is status
