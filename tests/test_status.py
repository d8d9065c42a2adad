"""Table-driven tests for rectxl.core.status."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rectxl.core.status import STATUS_ALIASES, Status, parse_status
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


# Every synonym DESIGN.md §2 lists, verbatim.
DESIGN_SYNONYMS = [
    ("已完成", D),
    ("已整改", D),
    ("已完成整改", D),
    ("完成", D),
    ("已办结", D),
    ("已销号", D),
    ("整改完成", D),
    ("基本完成", M),
    ("阶段性完成", M),
    ("部分完成", M),
    ("基本完成取得阶段性成果", M),
    ("正在推进", P),
    ("推进中", P),
    ("整改中", P),
    ("正在整改", P),
    ("未完成", P),
    ("尚未整改到位", P),
    ("延期整改", P),
    ("长期坚持", L),
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
        "√",
        "。",
        float("nan"),
        0,
        1,
        3.5,
        "abc",
        "已完成并长期坚持",  # ambiguous between 已完成 and 长期坚持: not guessed
        "大部分已完成",  # no substring guessing
        "完成了一半",
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
        (True, "True"),
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
