"""Extensions and the other ways clerks write a deadline that must not read as a false overdue
(DESIGN.md §2 "Deadlines"): a 明年/次年 after an earlier date, extension wording outside the
usual 延期至, a time of day or a weekday after the day, a dated 长效机制 stage, and an extension
that is only a possibility. Phrases as county offices and enterprises write them."""

from __future__ import annotations

from datetime import date

import pytest

from rectxl.core.deadline import DeadlineKind, extension_steps, parse_deadline

K = DeadlineKind
FB = date(2026, 6, 15)


# -- 1. 明年/次年 after an earlier date counts from that date --------------------------------------

@pytest.mark.parametrize(
    ("cell", "due", "original"),
    [
        ("原定9月底，延期至明年3月底", date(2027, 3, 31), date(2026, 9, 30)),
        ("原定2026年9月底，延期至明年3月底", date(2027, 3, 31), date(2026, 9, 30)),
        ("2026年9月底（延期至明年3月底）", date(2027, 3, 31), date(2026, 9, 30)),
        ("原定11月底，延期至次年1月底", date(2027, 1, 31), date(2026, 11, 30)),
        ("原定9月底，延期至12月底，再次延期至次年3月底", date(2027, 3, 31), date(2026, 9, 30)),
        ("原定2026年10月31日，经县委巡察办同意延期至次年4月30日", date(2027, 4, 30), date(2026, 10, 31)),
        ("2026年12月底前（因资金未到位，申请延期至明年6月底）", date(2027, 6, 30), date(2026, 12, 31)),
        ("原定2026年11月底，顺延至下一年3月底", date(2027, 3, 31), date(2026, 11, 30)),
        ("原定2026年9月底，推迟至来年一季度", date(2027, 3, 31), date(2026, 9, 30)),
        ("原定2026年9月底，延期至明年上半年", date(2027, 6, 30), date(2026, 9, 30)),
        ("原定2026年9月底，延期至明年底", date(2027, 12, 31), date(2026, 9, 30)),
        ("原整改时限2026年12月底，延期至次年6月30日", date(2027, 6, 30), date(2026, 12, 31)),
        ("2026年11月30日→次年3月31日", date(2027, 3, 31), date(2026, 11, 30)),
        ("原定2026年9月底，延期至当年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        # a 次年 after a later year: the year after it, not after the feedback year
        ("原定2027年9月底，延期至次年3月底", date(2028, 3, 31), date(2027, 9, 30)),
        # 今年 is the year of the feedback date, as alone
        ("原定2026年9月底，延期至今年11月底", date(2026, 11, 30), date(2026, 9, 30)),
        # 明年 twice, both from today: one year
        ("原定明年3月底，延期至明年6月底", date(2027, 6, 30), date(2027, 3, 31)),
    ],
)
def test_next_year_after_a_date_counts_from_it(cell: str, due: date, original: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.original_due) == (K.DATE, due, True, original), d
    assert extension_steps(cell, feedback_date=FB)[-1] == due


@pytest.mark.parametrize("feedback", [date(2026, 6, 15), date(2026, 12, 20), date(2027, 1, 10), date(2027, 2, 1)])
def test_next_year_after_a_written_year_does_not_move_with_the_feedback_date(feedback: date) -> None:
    """Read in January 2027, the cell written in 2026 still means March 2027 (not a false
    overdue, nor March 2028)."""
    d = parse_deadline("原定2026年9月底，延期至明年3月底", feedback_date=feedback)
    assert (d.due, d.original_due) == (date(2027, 3, 31), date(2026, 9, 30))


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("2026年9月底前完成自查，次年3月底前整改到位", date(2027, 3, 31)),
        ("明年3月底前完成自查，6月底前整改到位", date(2027, 6, 30)),
        ("明年3月底前自查，明年6月底前整改", date(2027, 6, 30)),
        ("明年6月底", date(2027, 6, 30)),
        ("次年3月底前", date(2027, 3, 31)),
    ],
)
def test_next_year_in_stages(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (K.DATE, due, False), d


def test_extension_steps_with_next_year() -> None:
    steps = extension_steps("原定9月底，延期至12月底，再次延期至次年3月底", feedback_date=FB)
    assert steps == (date(2026, 9, 30), date(2026, 12, 31), date(2027, 3, 31))
    steps = extension_steps("延期至2027年12月底，再次延期至次年3月底", feedback_date=FB)
    assert steps == (None, date(2027, 12, 31), date(2028, 3, 31))


# -- 2. extension wording --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "due", "original"),
    [
        ("原定2026年9月底，变更为2026年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定2026年9月底，改为2026年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定2026年9月底，调至2026年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定2026年9月底，展期至2026年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定2026年8月底，展期到2026年10月底", date(2026, 10, 31), date(2026, 8, 31)),
        ("原定2026年9月30日，整改时限变更为2026年12月31日", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定2026年9月30日，现改为2026年11月30日前", date(2026, 11, 30), date(2026, 9, 30)),
        ("原定2026年9月底，调至2026年11月底前完成", date(2026, 11, 30), date(2026, 9, 30)),
        ("2026年9月底 延期：2026年12月底", date(2026, 12, 31), date(2026, 9, 30)),
        ("2026年9月底（延期：2026年12月底）", date(2026, 12, 31), date(2026, 9, 30)),
        ("2026年9月30日（延期后：2026年12月31日）", date(2026, 12, 31), date(2026, 9, 30)),
        ("2026年9月30日（延期后：12月31日）", date(2026, 12, 31), date(2026, 9, 30)),
        ("2026年9月30日\n延期：2026年12月31日", date(2026, 12, 31), date(2026, 9, 30)),
        ("2026年9月30日（延期）2026年12月31日", date(2026, 12, 31), date(2026, 9, 30)),
        ("原定9月底，延期3个月", date(2026, 12, 31), date(2026, 9, 30)),  # a month end stays one
        ("更改为2026年12月底", date(2026, 12, 31), None),
        ("变更为2026年12月31日", date(2026, 12, 31), None),
        ("经批准，整改时限更改为2026年12月31日", date(2026, 12, 31), None),
        ("（延期）2026年12月底", date(2026, 12, 31), None),
        ("（已延期）2026年12月底前完成", date(2026, 12, 31), None),
        ("延期：2026年12月底", date(2026, 12, 31), None),
        ("延期时限：2026年12月31日", date(2026, 12, 31), None),
        ("延期时限：2026.12.31", date(2026, 12, 31), None),
        ("延长期限：2026年12月31日", date(2026, 12, 31), None),
        ("已延期，2026年12月底", date(2026, 12, 31), None),
        ("已经延期，2026年12月31日前完成", date(2026, 12, 31), None),
        ("经批准延期，2026年12月底", date(2026, 12, 31), None),
        ("同意延期：2026年12月底", date(2026, 12, 31), None),
    ],
)
def test_extension_wording(cell: str, due: date, original: date | None) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.original_due) == (K.DATE, due, True, original), d


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("不得延期，2026年9月底前必须完成", date(2026, 9, 30)),
        ("未延期，2026年9月底", date(2026, 9, 30)),
        ("不予延期：2026年9月底", date(2026, 9, 30)),
        ("不同意延期：2026年9月底", date(2026, 9, 30)),
        ("2026年9月底前完成整改，不予延期", date(2026, 9, 30)),
        ("边查边改到2026年底", date(2026, 12, 31)),
        ("2026年9月底前协调至县自然资源局完成", date(2026, 9, 30)),
        ("2026年9月底（已申请延期）", date(2026, 9, 30)),  # applied for: the date in force
    ],
)
def test_words_near_an_extension_that_are_none(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (K.DATE, due, False), d


# -- 3. a time of day or a weekday after the day -----------------------------------------------

@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("2026年9月30日24时前", date(2026, 9, 30)),  # the end of September 30, not October 1
        ("2026年9月30日24时", date(2026, 9, 30)),
        ("2026年9月30日18时前", date(2026, 9, 30)),
        ("2026年9月30日17时前", date(2026, 9, 30)),
        ("2026年9月30日12时", date(2026, 9, 30)),
        ("2026年9月30日 18:00", date(2026, 9, 30)),
        ("2026年12月31日24:00前", date(2026, 12, 31)),
        ("9月30日18:00前", date(2026, 9, 30)),
        ("2026年9月30日下午6点前", date(2026, 9, 30)),
        ("2026年9月30日下班前", date(2026, 9, 30)),
        ("2026.9.30 18:00", date(2026, 9, 30)),
        ("2026/9/30 18:00前", date(2026, 9, 30)),
        ("2026年9月30日 星期三", date(2026, 9, 30)),
        ("2026年9月30日星期三", date(2026, 9, 30)),
        ("2026/9/30 星期三", date(2026, 9, 30)),  # Excel's built-in Chinese long date
        ("2026年9月30日 周三", date(2026, 9, 30)),
        ("2026年9月30日（星期三）", date(2026, 9, 30)),
        ("2026年9月30日（星期三）18:00前", date(2026, 9, 30)),
        ("2026年9月30日 星期三 18:00", date(2026, 9, 30)),
    ],
)
def test_time_of_day_and_weekday_do_not_change_the_day(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due) == (K.DATE, due), d


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("反馈后2周内", date(2026, 6, 29)),
        ("两周内", date(2026, 6, 29)),
        ("2026-09-30 00:00:00", date(2026, 9, 30)),
    ],
)
def test_weeks_and_times_elsewhere_are_unchanged(cell: str, due: date) -> None:
    assert parse_deadline(cell, feedback_date=FB).due == due


# -- 4. a dated stage that builds a 长效机制 ---------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "kind", "due"),
    [
        ("2026年6月底前完成问题整改，12月底前建立长效机制", K.DATE, date(2026, 12, 31)),
        ("2026年9月底前完成整改，12月底前健全长效机制", K.DATE, date(2026, 12, 31)),
        ("2026年8月底前完成排查整治，11月底前建立长效机制", K.DATE, date(2026, 11, 30)),
        ("2026年7月底前整改到位，年底前形成长效机制", K.DATE, date(2026, 12, 31)),
        ("2026年9月底前完成，年底前建立健全长效管理制度", K.DATE, date(2026, 12, 31)),
        ("2026年9月底前完成，并建立长效机制", K.DATE, date(2026, 9, 30)),
        ("2026年9月底前完成，并形成长效机制", K.DATE, date(2026, 9, 30)),
        # consolidating is the deliberate rule: due at the first date, then going on
        ("2026年9月底前完成，12月底前巩固提升", K.DATE_AND_LONG_TERM, date(2026, 9, 30)),
        ("2026年3月底前完成，6月底前巩固成果、建立长效机制", K.DATE_AND_LONG_TERM, date(2026, 3, 31)),
        ("2026年底前建立长效机制，长期坚持", K.DATE_AND_LONG_TERM, date(2026, 12, 31)),
        ("2026年9月底前完成，长效推进", K.DATE_AND_LONG_TERM, date(2026, 9, 30)),
    ],
)
def test_a_long_term_mechanism_is_a_thing_to_build(cell: str, kind: DeadlineKind, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due) == (kind, due), d


# -- 5. an extension that is only a possibility ------------------------------------------------------

@pytest.mark.parametrize(
    "cell",
    [
        "2026年9月30日前完成，如未完成延期至12月底",
        "2026年9月30日前完成，如未能按期完成，延期至12月底",
        "2026年9月30日前完成，若未完成则延期至12月底",
        "2026年9月30日前完成（如未完成，延期至12月底）",
        "2026年9月30日前完成（如遇特殊情况延期至10月底）",
        "9月底前完成，如未完成延期至12月底",
    ],
)
def test_an_extension_only_if_not_done_is_none(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.original_due) == (K.DATE, date(2026, 9, 30), False, None), d
    assert extension_steps(cell, feedback_date=FB) == ()
