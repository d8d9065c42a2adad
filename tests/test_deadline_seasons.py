"""Deadlines named by a festival in quotes, a season, a school term or vacation, an event, and
Excel serials pasted as text (rectxl.core.deadline; DESIGN.md §2 "Deadlines").

The rule behind every reading: a phrase the parser cannot pin to a day is INVALID with a reason,
never the last day of its year (which would hide an overdue measure); a phrase it can read is
never due before the day the office meant.
"""

from __future__ import annotations

from datetime import date

import pytest

from rectxl.core.deadline import (
    R_EVENT,
    R_NO_YEAR,
    R_TERM,
    DeadlineKind,
    extension_steps,
    parse_date,
    parse_deadline,
)

K = DeadlineKind
FB = date(2026, 3, 10)  # a feedback date in the spring term


def _due(cell: str, fb: date | None = FB) -> date | None:
    d = parse_deadline(cell, feedback_date=fb)
    assert d.kind in (K.DATE, K.DATE_AND_LONG_TERM), d
    return d.due


# -- 1. festivals in quotation marks -------------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("2026年“五一”前", date(2026, 4, 30)),
        ('2026年"七一"前', date(2026, 6, 30)),
        ("2026年“十一”前", date(2026, 9, 30)),
        ("2026年‘国庆’前", date(2026, 9, 30)),
        ("2026年「国庆节」前完成", date(2026, 9, 30)),
        ("２０２６年＂八一＂前", date(2026, 7, 31)),
        ("于2026年“七一”前整改到位", date(2026, 6, 30)),
        ("2026年“十一”黄金周前", date(2026, 9, 30)),
        ("2026年十一前完成排查", date(2026, 9, 30)),
        ("2026五一前", date(2026, 4, 30)),
        ("“十一”前", date(2026, 9, 30)),  # the next 国庆 after the feedback date
        ("‘五一’前", date(2026, 4, 30)),
        ("2026年“教师节”前", date(2026, 9, 9)),  # schools
        ("2026年护士节前", date(2026, 5, 11)),  # hospitals
        ("2026年“六一”前", date(2026, 5, 31)),
        ("2027年元宵节前", date(2027, 2, 19)),  # 春节 2027-02-06, 元宵 the 20th
        ("2027年除夕前", date(2027, 2, 4)),
        ("2026年五一完成排查整治", date(2026, 4, 30)),
    ],
)
def test_festival_in_quotes(cell: str, due: date) -> None:
    assert _due(cell) == due


@pytest.mark.parametrize(
    ("quoted", "plain"),
    [
        ("2026年“10月底”前", "2026年10月底前"),
        ("“2026年9月30日”前", "2026年9月30日前"),
        ("2026年“第三季度”", "2026年第三季度"),
        ("“2026年秋季学期”", "2026年秋季学期"),
        ("延期至“2026年底”", "延期至2026年底"),
        ("'2026-09-30", "2026-09-30"),  # Excel's text prefix
    ],
)
def test_quotes_do_not_change_the_reading(quoted: str, plain: str) -> None:
    q, p = parse_deadline(quoted, feedback_date=FB), parse_deadline(plain, feedback_date=FB)
    assert (q.kind, q.due, q.extended) == (p.kind, p.due, p.extended)
    assert q.kind is not K.INVALID


# -- 2. seasons, terms, openings and vacations ---------------------------------------------------

SCHOOL = [
    # seasons: the last day of the season
    ("2026年春季", date(2026, 5, 31)),
    ("2026年夏季", date(2026, 8, 31)),
    ("2026年秋季", date(2026, 11, 30)),
    ("2026年冬季", date(2027, 2, 28)),
    ("2027年冬季", date(2028, 2, 29)),  # a leap year
    ("2026年春天", date(2026, 5, 31)),
    ("2026年春季前完成", date(2026, 2, 28)),  # before spring begins
    ("力争2026年秋季完成校舍维修改造", date(2026, 11, 30)),
    ("2026年秋冬季", date(2027, 2, 28)),
    ("2026春季", date(2026, 5, 31)),
    # terms: by the month their vacation starts
    ("2026年春季学期", date(2026, 7, 31)),
    ("2026年秋季学期", date(2027, 1, 31)),
    ("2026年春学期", date(2026, 7, 31)),
    ("2026年春季学期末", date(2026, 7, 31)),
    ("2026年春季学期期末", date(2026, 7, 31)),
    ("2026年春季学期结束前", date(2026, 7, 31)),
    ("2026年秋季学期内完成", date(2027, 1, 31)),
    ("2026年度秋季学期", date(2027, 1, 31)),
    ("2026—2027学年第一学期", date(2027, 1, 31)),
    ("2026-2027学年第二学期", date(2027, 7, 31)),
    ("2026—2027学年上学期", date(2027, 1, 31)),
    ("2026—2027学年", date(2027, 8, 31)),
    ("2026学年第二学期", date(2027, 7, 31)),
    # before a term opens: the end of the month before
    ("2027年春季学期开学前", date(2027, 2, 28)),
    ("2026年9月开学前", date(2026, 8, 31)),
    ("2026年秋季开学前", date(2026, 8, 31)),
    ("2026年秋季学期开学前完成校园安全隐患排查", date(2026, 8, 31)),
    ("2027年3月开学前", date(2027, 2, 28)),
    ("2028年春季开学前", date(2028, 2, 29)),
    # vacations: 前 before it starts, otherwise by its end
    ("2026年暑假前", date(2026, 7, 31)),
    ("2026年放暑假前", date(2026, 7, 31)),
    ("2026年暑假期间", date(2026, 8, 31)),
    ("2026年暑假", date(2026, 8, 31)),
    ("利用2026年暑期完成食堂改造", date(2026, 8, 31)),
    ("2027年寒假前", date(2027, 1, 31)),
    ("2027年寒假期间", date(2027, 2, 28)),
    # relative years
    ("今年暑假前", date(2026, 7, 31)),
    ("明年春季学期开学前", date(2027, 2, 28)),
    ("今年秋季", date(2026, 11, 30)),
]


@pytest.mark.parametrize(("cell", "due"), SCHOOL)
def test_school_and_season(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due) == (K.DATE, due), d


@pytest.mark.parametrize(("cell", "due"), [row for row in SCHOOL if row[0][:4].isdigit()])
def test_school_and_season_with_a_year_need_no_feedback_date(cell: str, due: date) -> None:
    assert parse_deadline(cell).due == due


@pytest.mark.parametrize(
    ("cell", "fb", "due"),
    [
        # without a year: the first one to end on or after the feedback date
        ("春季", date(2026, 3, 10), date(2026, 5, 31)),
        ("秋季前", date(2026, 12, 1), date(2027, 8, 31)),  # before the next autumn begins
        ("冬季前", date(2026, 1, 10), date(2026, 11, 30)),  # before the next winter, not the one in progress
        ("暑假前", date(2026, 3, 10), date(2026, 7, 31)),
        ("暑假期间", date(2026, 7, 20), date(2026, 8, 31)),
        ("寒假前", date(2026, 9, 1), date(2027, 1, 31)),
        ("寒假前", date(2026, 1, 5), date(2026, 1, 31)),
        ("秋季学期", date(2026, 9, 15), date(2027, 1, 31)),
        ("秋季学期", date(2026, 1, 15), date(2026, 1, 31)),  # the term in progress
        ("春季学期开学前", date(2026, 9, 1), date(2027, 2, 28)),
        ("9月开学前", date(2026, 6, 15), date(2026, 8, 31)),
        ("开学前", date(2026, 6, 15), date(2026, 8, 31)),
        ("开学前", date(2026, 10, 8), date(2027, 2, 28)),
        ("新学期开学前", date(2026, 12, 20), date(2027, 2, 28)),
        ("本学期", date(2026, 1, 20), date(2026, 1, 31)),
        ("本学期末", date(2026, 4, 1), date(2026, 7, 31)),
        ("学期结束前", date(2026, 10, 1), date(2027, 1, 31)),
        ("下学期", date(2026, 4, 1), date(2027, 1, 31)),
        ("下个学期", date(2026, 1, 20), date(2026, 7, 31)),
        # a year's 寒假 (January–February) written after it: the next one
        ("2026年寒假前", date(2026, 1, 5), date(2026, 1, 31)),
        ("2026年寒假前", date(2026, 3, 10), date(2027, 1, 31)),
        ("2026年寒假期间", date(2026, 6, 15), date(2027, 2, 28)),
        # "2026年开学前" is only readable when one of that year's openings is still to come
        ("2026年开学前", date(2026, 3, 10), date(2026, 8, 31)),
    ],
)
def test_school_and_season_by_feedback_date(cell: str, fb: date, due: date) -> None:
    d = parse_deadline(cell, feedback_date=fb)
    assert (d.kind, d.due) == (K.DATE, due), d


def test_never_due_before_the_day_meant() -> None:
    """A school breaks up in July at the latest and opens in late February or September at
    the earliest: the readings are not earlier than those days."""
    for year in range(2024, 2031):
        assert _due(f"{year}年暑假前") >= date(year, 7, 20)  # type: ignore[operator]
        assert _due(f"{year}年春季学期") >= date(year, 7, 20)  # type: ignore[operator]
        assert _due(f"{year}年秋季学期开学前") >= date(year, 8, 31)  # type: ignore[operator]
        assert _due(f"{year}年秋季学期") >= date(year + 1, 1, 20)  # type: ignore[operator]
        assert _due(f"{year}年冬季") > date(year + 1, 2, 27)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("cell", "fb", "reason"),
    [
        ("2026年开学前", None, R_TERM),
        ("2026年开学前", date(2026, 1, 10), R_TERM),  # both openings of 2026 still to come
        ("2026年开学前", date(2026, 10, 10), R_TERM),
        ("暑假前", None, R_NO_YEAR),
        ("春季学期开学前", None, R_NO_YEAR),
    ],
)
def test_school_deadline_that_cannot_be_dated(cell: str, fb: date | None, reason: str) -> None:
    d = parse_deadline(cell, feedback_date=fb)
    assert (d.kind, d.reason) == (K.INVALID, reason), d


# -- the general fallback: an event after a year is not the year's end ---------------------------

@pytest.mark.parametrize(
    "cell",
    [
        "2026年汛期前",  # county offices
        "2026年汛期",
        "2026年防汛期前完成河道清障",
        "2026年春耕前完成",
        "2026年“三夏”前",
        "2026年秋收前",
        "2026年换届前",
        "2026年两会前",
        "2026年年度考核前",
        "2026年验收时",
        "2026年冬季供暖前完成管网检修",  # enterprises
        "2026年“双十一”前",
        "2026年旺季前",
        "2026年审计进场前",
        "2026年冬季流感高发期前",  # hospitals
        "2026年等级评审前",
        "2026年上学期",  # schools: 上学期 is autumn to a school, the first half of the year to others
        "2026年秋季开学后一个月内",
        "2026年寒暑假",
        "2026年汛期前完成河道清障，同步建立长效机制",  # no date to consolidate after
        "汛期前",
        "换届前",
        "换届前完成",
    ],
)
def test_event_after_a_year_is_not_the_year_end(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert d.kind is K.INVALID, d
    assert d.due is None
    assert d.reason == R_EVENT


@pytest.mark.parametrize("cell", ["按时完成", "适时", "近期", "日之前完成", "下一阶段"])
def test_words_that_are_no_event_keep_the_general_reason(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert d.kind is K.INVALID and d.reason != R_EVENT, d


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("2026年汛期前完成排查，2026年10月底前整改到位", date(2026, 10, 31)),
        ("2026年完成全部整改任务", date(2026, 12, 31)),
        ("2026年完成整改后长期保持", date(2026, 12, 31)),
        ("2026年建立健全长效机制", date(2026, 12, 31)),
        ("2026年底前", date(2026, 12, 31)),
        ("2026年内", date(2026, 12, 31)),
        ("2026年", date(2026, 12, 31)),
        ("2026年9月1日开学前", date(2026, 9, 1)),
        ("2026年第三季度末", date(2026, 9, 30)),
        ("2027年春节前完成整改", date(2027, 2, 5)),
    ],
)
def test_year_with_words_of_doing_is_still_read(cell: str, due: date) -> None:
    assert _due(cell) == due


# -- 3. extensions follow the same readings ------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "due", "original"),
    [
        ("延期至2027年春季学期", date(2027, 7, 31), None),
        ("延期至2027年春季学期开学前", date(2027, 2, 28), None),
        ("原定2026年春季学期，延期至2026年秋季学期", date(2027, 1, 31), date(2026, 7, 31)),
        ("原定2026年暑假前，延期至2026年9月开学前", date(2026, 8, 31), date(2026, 7, 31)),
        ("2026年6月底前完成，延期至2026年秋季", date(2026, 11, 30), date(2026, 6, 30)),
        ("顺延至2026年“十一”前", date(2026, 9, 30), None),
    ],
)
def test_extension_to_a_term_or_season(cell: str, due: date, original: date | None) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.original_due) == (K.DATE, due, True, original), d


def test_extension_to_a_term_is_invalid_when_the_term_is_not_a_date() -> None:
    d = parse_deadline("延期至2026年汛期后", feedback_date=FB)
    assert d.kind is K.INVALID and d.extended is False


def test_extension_steps_through_terms() -> None:
    steps = extension_steps("原定2026年春季学期，延期至2026年秋季学期，再次延期至2027年暑假前", feedback_date=FB)
    assert steps == (date(2026, 7, 31), date(2027, 1, 31), date(2027, 7, 31))


# -- 4. an Excel serial stored as text -----------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("46203", date(2026, 6, 30)),
        (" 46203 ", date(2026, 6, 30)),
        ("46203\n", date(2026, 6, 30)),
        ("'46203", date(2026, 6, 30)),
        ("４６２０３", date(2026, 6, 30)),
        ("46203.75", date(2026, 6, 30)),  # a serial with a time
        ("36526", date(2000, 1, 1)),
        ("73415", date(2100, 12, 31)),
        # other digit strings are what they were
        ("20261231", date(2026, 12, 31)),
        ("2026", date(2026, 12, 31)),
        ("2026.9.30", date(2026, 9, 30)),
    ],
)
def test_serial_as_text(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due) == (K.DATE, due), d
    assert parse_date(cell) == due
    assert d == parse_deadline(cell)  # no feedback date needed


@pytest.mark.parametrize("cell", ["36525", "73416", "12345", "462031", "4620", "46203号"])
def test_other_digit_strings_are_not_serials(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert d.kind is K.INVALID, d


def test_serial_as_text_reads_like_the_number() -> None:
    for n in (36526, 45199, 46203, 50000, 73415):
        assert parse_deadline(str(n)).due == parse_deadline(n).due
