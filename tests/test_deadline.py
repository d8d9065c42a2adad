"""Table-driven tests for rectxl.core.deadline."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, datetime
from decimal import Decimal

import pytest

from rectxl.core.deadline import (
    Deadline,
    DeadlineKind,
    format_deadline,
    parse_date,
    parse_deadline,
)

K = DeadlineKind
# Feedback dates of the two seed notices (seed 000: 2023年6月27日, seed 004: 2024年9月29日).
FB = date(2023, 6, 27)
FB_004 = date(2024, 9, 29)
NOV = date(2023, 11, 15)


# (cell text, expected kind, expected due) — parsed with feedback_date=FB.
DATED = [
    # full dates
    ("2023年9月30日", date(2023, 9, 30)),
    ("2023年9月30号", date(2023, 9, 30)),
    ("2023年09月30日", date(2023, 9, 30)),
    ("2023年9月30日前", date(2023, 9, 30)),
    ("2023年9月30日之前", date(2023, 9, 30)),
    ("2023年9月30日以前", date(2023, 9, 30)),
    ("2023年9月30日前完成", date(2023, 9, 30)),
    ("2023年9月30日以前完成", date(2023, 9, 30)),
    ("2023年9月30日完成", date(2023, 9, 30)),
    ("2023年9月30日前完成整改", date(2023, 9, 30)),
    ("2023年9月30日前整改到位", date(2023, 9, 30)),
    ("于2023年9月30日前完成", date(2023, 9, 30)),
    ("截至2023年9月30日", date(2023, 9, 30)),
    ("2023年9月30日。", date(2023, 9, 30)),
    ("2023.9.30", date(2023, 9, 30)),
    ("2023.09.30", date(2023, 9, 30)),
    ("2023/9/30", date(2023, 9, 30)),
    ("2023/09/30", date(2023, 9, 30)),
    ("2023-09-30", date(2023, 9, 30)),
    ("2023-9-30", date(2023, 9, 30)),
    ("2023-09-30 00:00:00", date(2023, 9, 30)),
    ("2023-09-30T00:00:00", date(2023, 9, 30)),
    ("2023/9/30 0:00", date(2023, 9, 30)),
    ("20230930", date(2023, 9, 30)),
    ("2023.9.30前", date(2023, 9, 30)),
    # month = its last day
    ("2023年9月", date(2023, 9, 30)),
    ("2023年9月份", date(2023, 9, 30)),
    ("2023年9月底", date(2023, 9, 30)),
    ("2023年9月底前", date(2023, 9, 30)),
    ("2023年9月底(前)", date(2023, 9, 30)),
    ("2023年9月底(前)", date(2023, 9, 30)),
    ("2023年9月末", date(2023, 9, 30)),
    ("2023年9月前", date(2023, 9, 30)),
    ("2023年9月底之前完成", date(2023, 9, 30)),
    ("2023-9", date(2023, 9, 30)),
    ("2023-09", date(2023, 9, 30)),
    ("2023.9", date(2023, 9, 30)),
    ("2023/12", date(2023, 12, 31)),
    ("2023年2月", date(2023, 2, 28)),
    ("2024年2月", date(2024, 2, 29)),  # leap year
    ("2024年2月底前", date(2024, 2, 29)),
    ("2024年2月29日", date(2024, 2, 29)),
    ("2000年2月", date(2000, 2, 29)),
    ("2100年2月", date(2100, 2, 28)),
    ("2023年4月", date(2023, 4, 30)),
    ("2023年12月", date(2023, 12, 31)),
    ("2023年9月上旬", date(2023, 9, 10)),
    ("2023年9月中旬", date(2023, 9, 20)),
    ("2023年9月下旬", date(2023, 9, 30)),
    # year end
    ("2023年底", date(2023, 12, 31)),
    ("2023年底前", date(2023, 12, 31)),
    ("2023年底(前)", date(2023, 12, 31)),
    ("2023年年底", date(2023, 12, 31)),
    ("2023年年底前", date(2023, 12, 31)),
    ("2023年末", date(2023, 12, 31)),
    ("2023年内", date(2023, 12, 31)),
    ("2023年度", date(2023, 12, 31)),
    ("2024年", date(2024, 12, 31)),
    ("2024年前", date(2024, 12, 31)),
    ("2024", date(2024, 12, 31)),
    ("23年底", date(2023, 12, 31)),
    # half years
    ("2023年上半年", date(2023, 6, 30)),
    ("2023年下半年", date(2023, 12, 31)),
    ("2023年上半年前", date(2023, 6, 30)),
    ("2023年年中", date(2023, 6, 30)),
    # quarters
    ("2023年第一季度", date(2023, 3, 31)),
    ("2023年第二季度", date(2023, 6, 30)),
    ("2023年第三季度", date(2023, 9, 30)),
    ("2023年第四季度", date(2023, 12, 31)),
    ("2023年三季度", date(2023, 9, 30)),
    ("2023年三季度末", date(2023, 9, 30)),
    ("2023年第3季度", date(2023, 9, 30)),
    ("2023年第3季", date(2023, 9, 30)),
    ("2023年Q3", date(2023, 9, 30)),
    ("2023年q3", date(2023, 9, 30)),
    ("2023Q3", date(2023, 9, 30)),
    ("2023 Q4", date(2023, 12, 31)),
    ("2024年一季度", date(2024, 3, 31)),
    # full-width digits/punctuation, Chinese numerals, spaces
    ("２０２３年９月", date(2023, 9, 30)),
    ("２０２３年９月３０日", date(2023, 9, 30)),
    ("２０２３．９．３０", date(2023, 9, 30)),
    ("２０２３／９／３０", date(2023, 9, 30)),
    ("２０２３－０９－３０", date(2023, 9, 30)),
    ("２０２３年Ｑ３", date(2023, 9, 30)),
    ("2023年九月底", date(2023, 9, 30)),
    ("2023年十二月底", date(2023, 12, 31)),
    ("2023年十月", date(2023, 10, 31)),
    ("2023年十一月", date(2023, 11, 30)),
    ("2023年九月三十日", date(2023, 9, 30)),
    ("2023年十二月三十一日", date(2023, 12, 31)),
    ("二〇二三年九月底", date(2023, 9, 30)),
    ("二○二三年十二月", date(2023, 12, 31)),
    ("2023 年 9 月 30 日 前", date(2023, 9, 30)),
    ("\u30002023年9月底\u3000", date(2023, 9, 30)),
    ("2023年\u00a09月底", date(2023, 9, 30)),
    # no year: from the feedback date (2023-06-27)
    ("9月底前", date(2023, 9, 30)),
    ("9月30日前", date(2023, 9, 30)),
    ("9月底", date(2023, 9, 30)),
    ("九月底", date(2023, 9, 30)),
    ("十二月底", date(2023, 12, 31)),
    ("7月底", date(2023, 7, 31)),  # seed 000 phrasing
    ("6月底前", date(2023, 6, 30)),  # same month as the feedback: same year
    ("3月底前", date(2024, 3, 31)),  # earlier month than the feedback: next year
    ("年底前", date(2023, 12, 31)),
    ("今年底", date(2023, 12, 31)),
    ("本年度内", date(2023, 12, 31)),
    ("明年6月底", date(2024, 6, 30)),
    ("次年3月", date(2024, 3, 31)),
    ("三季度", date(2023, 9, 30)),
    ("下半年", date(2023, 12, 31)),
    ("本月底", date(2023, 6, 30)),
    ("下月底", date(2023, 7, 31)),
    # ranges: the end wins
    ("2023年7月至12月", date(2023, 12, 31)),
    ("2023年7月—12月", date(2023, 12, 31)),
    ("2023年7月——12月", date(2023, 12, 31)),
    ("2023年7月-12月", date(2023, 12, 31)),
    ("2023年7月~12月", date(2023, 12, 31)),
    ("2023年7月～12月", date(2023, 12, 31)),
    ("2023年7月到12月", date(2023, 12, 31)),
    ("2023年7月-2023年12月", date(2023, 12, 31)),
    ("2023年7月至2024年3月", date(2024, 3, 31)),
    ("2023年11月至2月", date(2024, 2, 29)),  # wraps into the next year
    ("2023年7月1日至31日", date(2023, 7, 31)),
    ("2023.7.1-2023.12.31", date(2023, 12, 31)),
    ("2023-07-01至2023-12-31", date(2023, 12, 31)),
    ("7月至9月", date(2023, 9, 30)),
    # relative to the feedback date (2023-06-27)
    ("反馈后2个月内", date(2023, 8, 27)),
    ("反馈后两个月内", date(2023, 8, 27)),
    ("反馈之日起3个月内", date(2023, 9, 27)),
    ("自反馈之日起3个月内", date(2023, 9, 27)),
    ("巡察反馈后3个月内完成", date(2023, 9, 27)),
    ("反馈后30日内", date(2023, 7, 27)),
    ("反馈后30天内", date(2023, 7, 27)),
    ("反馈后三十日内", date(2023, 7, 27)),
    ("30日内", date(2023, 7, 27)),
    ("3个月内", date(2023, 9, 27)),
    ("两周内", date(2023, 7, 11)),
    ("半年内", date(2023, 12, 27)),
    ("反馈后半年内", date(2023, 12, 27)),
    ("1年内", date(2024, 6, 27)),
    ("反馈后6个月", date(2023, 12, 27)),
    # extension markers with a date but no extension (prefix words)
    ("力争2023年底前完成", date(2023, 12, 31)),
    ("计划于2023年9月底前完成", date(2023, 9, 30)),
    ("最迟2023年9月底", date(2023, 9, 30)),
    ("不晚于2023年9月30日", date(2023, 9, 30)),
    # an explicit date beats "immediate"
    ("立行立改,2023年7月底前完成", date(2023, 7, 31)),
    # an unparseable remark in brackets is dropped
    ("2023年9月底(根据工作进度)", date(2023, 9, 30)),
]


@pytest.mark.parametrize(("text", "due"), DATED)
def test_dates(text: str, due: date) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.reason) == (K.DATE, due, False, None)
    assert d.has_due


# Exact date phrasings used in the two seed notices.
SEED_PHRASES = [
    ("2023年3月16日至5月31日", date(2023, 5, 31)),
    ("2023年6月27日", date(2023, 6, 27)),
    ("2024年5月13日", date(2024, 5, 13)),
    ("2023年9月", date(2023, 9, 30)),
    ("2023年8—9月", date(2023, 9, 30)),
    ("2023—2025年", date(2025, 12, 31)),
    ("2018—2023年", date(2023, 12, 31)),
    ("2022年10月", date(2022, 10, 31)),
    ("2023年7月12日", date(2023, 7, 12)),
    ("2024年", date(2024, 12, 31)),
    ("2023年度", date(2023, 12, 31)),
    ("截至2023年9月", date(2023, 9, 30)),
    ("2024年4月8日至6月21日", date(2024, 6, 21)),
    ("2024年9月29日", date(2024, 9, 29)),
    ("2025年6月", date(2025, 6, 30)),
    ("2025年3月", date(2025, 3, 31)),
    ("2024年7月", date(2024, 7, 31)),
    ("2025年9月18日至10月18日", date(2025, 10, 18)),
    ("2025-09-18", date(2025, 9, 18)),
    ("2025年9月18日", date(2025, 9, 18)),
]


@pytest.mark.parametrize(("text", "due"), SEED_PHRASES)
def test_seed_phrases(text: str, due: date) -> None:
    assert parse_deadline(text, feedback_date=FB_004).due == due
    assert parse_deadline(text).kind is K.DATE


@pytest.mark.parametrize(
    ("text", "feedback", "due"),
    [
        # next-year rollover: month earlier than the feedback month -> next year
        ("9月底前", NOV, date(2024, 9, 30)),
        ("9月30日前", NOV, date(2024, 9, 30)),
        ("九月底", NOV, date(2024, 9, 30)),
        ("11月底前", NOV, date(2023, 11, 30)),  # same month: same year
        ("12月底前", NOV, date(2023, 12, 31)),
        ("1月底", NOV, date(2024, 1, 31)),
        ("2月底", NOV, date(2024, 2, 29)),  # leap year after rollover
        ("上半年", NOV, date(2024, 6, 30)),
        ("一季度", NOV, date(2024, 3, 31)),
        ("年底前", NOV, date(2023, 12, 31)),
        ("9月底前", FB_004, date(2024, 9, 30)),
        ("3月底前", FB_004, date(2025, 3, 31)),
        # months: same day N months later, clamped to the month end
        ("反馈后1个月内", date(2024, 1, 31), date(2024, 2, 29)),
        ("反馈后1个月内", date(2023, 1, 31), date(2023, 2, 28)),
        ("反馈后3个月内", date(2023, 11, 30), date(2024, 2, 29)),
        ("反馈后2个月内", date(2023, 12, 31), date(2024, 2, 29)),
        ("反馈后12个月内", date(2024, 2, 29), date(2025, 2, 28)),
        ("反馈后30日内", date(2024, 2, 1), date(2024, 3, 2)),
        ("反馈后30日内", date(2023, 12, 15), date(2024, 1, 14)),
        ("反馈后2个月内", FB_004, date(2024, 11, 29)),
        ("反馈之日起3个月内", FB_004, date(2024, 12, 29)),
        ("反馈后4个月内", FB_004, date(2025, 1, 29)),
        ("反馈后5个月内", FB_004, date(2025, 2, 28)),  # 29 -> clamp
    ],
)
def test_feedback_relative(text: str, feedback: date, due: date) -> None:
    d = parse_deadline(text, feedback_date=feedback)
    assert (d.kind, d.due) == (K.DATE, due)


@pytest.mark.parametrize(
    "text",
    [
        "立行立改",
        "即知即改",
        "立即整改",
        "立查立改",
        "立知立改",
        "即查即改",
        "马上就改",
        "立即",
        "已立行立改",
        "立行立改。",
        " 立行立改 ",
        "立即完成",
        "当即整改",
        "立行立改,马上就办",
    ],
)
def test_immediate(text: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.reason) == (K.IMMEDIATE, FB, None)
    assert d.has_due
    d = parse_deadline(text)
    assert (d.kind, d.due) == (K.IMMEDIATE, None)
    assert not d.has_due


@pytest.mark.parametrize(
    "text",
    [
        "立行立改并长期坚持",  # due at once *and* ongoing (DESIGN.md §2)
        "立行立改,长期坚持",
        "立行立改、长期坚持",
        "即知即改,久久为功",
        "立行立改\n长期坚持",
        "近期:立即整改;长期:常态化推进",
    ],
)
def test_immediate_and_long_term(text: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.reason) == (K.IMMEDIATE_AND_LONG_TERM, FB, None)
    d = parse_deadline(text)
    assert (d.kind, d.due) == (K.IMMEDIATE_AND_LONG_TERM, None)


@pytest.mark.parametrize("text", ["/", "-", "—", "——", "／", " / ", "--"])
def test_dash_or_slash_only_is_empty(text: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.reason) == (K.EMPTY, None, None)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # words after the date do not change it
        ("2023年11月底前完成全部整改任务", date(2023, 11, 30)),
        ("2023年10月底前完成并形成长效机制", date(2023, 10, 31)),
        ("9月底前建立健全相关制度", date(2023, 9, 30)),
        ("2023.12.31前完成问题清零", date(2023, 12, 31)),
        # several stages: the last one is the deadline, a year-less stage takes the year before
        ("8月底前完成自查,12月底前整改到位", date(2023, 12, 31)),
        ("2024年3月底前完成自查,6月底前整改到位", date(2024, 6, 30)),
        ("2024年11月底前完成自查,2月底前整改到位", date(2025, 2, 28)),
        ("分阶段推进,2023年底前全部完成", date(2023, 12, 31)),
        # durations from the feedback date (2023-06-27)
        ("2个月", date(2023, 8, 27)),
        ("用两个月时间", date(2023, 8, 27)),
        ("3个月内整改到位", date(2023, 9, 27)),
        # month.day without a year
        ("8.31前", date(2023, 8, 31)),
        ("9/30", date(2023, 9, 30)),
        # lists of quarters or months end with the last one
        ("2023年三、四季度", date(2023, 12, 31)),
        ("2023年10、11月", date(2023, 11, 30)),
        # more prefixes
        ("须在2023年9月20日前完成", date(2023, 9, 20)),
        ("最迟不超过2023年10月31日", date(2023, 10, 31)),
        ("限期至2023年8月31日", date(2023, 8, 31)),
        # traditional characters
        ("2023年12月底前完成並整改到位", date(2023, 12, 31)),
    ],
)
def test_date_with_tail_stages_and_durations(text: str, due: date) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (K.DATE, due, False)


@pytest.mark.parametrize(
    "text",
    [
        "年内尽快",  # no commitment to a date
        "尽快完成",
        "长期坚持,每季度报告进展",  # a schedule, not a deadline (long term, see below)
    ],
)
def test_vague_or_schedule_is_not_a_date(text: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert d.kind in (K.INVALID, K.LONG_TERM)
    assert d.due is None


@pytest.mark.parametrize(
    ("text", "original", "due"),
    [
        ("2023年9月30日→2023年12月31日(延期)", date(2023, 9, 30), date(2023, 12, 31)),
        ("原定9月底,延期至12月底", date(2023, 9, 30), date(2023, 12, 31)),
        ("2023年9月底(已申请延期至2023年12月底)", date(2023, 9, 30), date(2023, 12, 31)),
        ("原时限2023年8月,延期至2023年11月30日", date(2023, 8, 31), date(2023, 11, 30)),
        ("2023年9月底\n延期至2023年11月底", date(2023, 9, 30), date(2023, 11, 30)),
        ("延期至2024年3月底", None, date(2024, 3, 31)),
        ("时限调整至2023年12月31日", None, date(2023, 12, 31)),
    ],
)
def test_extension_keeps_the_original_due(text: str, original: date | None, due: date) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended, d.original_due) == (K.DATE, due, True, original)
    back = parse_deadline(format_deadline(d))
    assert (back.kind, back.due, back.extended, back.original_due) == (K.DATE, due, True, original)


@pytest.mark.parametrize(
    "text",
    [
        "长期坚持",
        "持续推进",
        "长期",
        "持续整改",
        "长期推进",
        "持续坚持",
        "长期整改",
        "常态化推进",
        "长期坚持。",
        " 长期 坚持 ",
        "需长期坚持",
        "长期坚持,定期检查",
        "持续推进,久久为功",
    ],
)
def test_long_term(text: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.reason) == (K.LONG_TERM, None, None)
    assert not d.has_due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2023年12月底前完成并长期坚持", date(2023, 12, 31)),
        ("2023年12月底前完成,长期坚持", date(2023, 12, 31)),
        ("2023年12月底前完成,并长期坚持", date(2023, 12, 31)),
        ("2023年9月底前完成并持续推进", date(2023, 9, 30)),
        ("2023年底前完成,持续整改", date(2023, 12, 31)),
        ("2023年9月30日前完成并长期坚持", date(2023, 9, 30)),
        ("2023年12月31日前完成并长期坚持", date(2023, 12, 31)),
        ("长期坚持,2023年底前完成", date(2023, 12, 31)),
        ("长期坚持并于2023年底前完成", date(2023, 12, 31)),
        ("持续推进至2023年底", date(2023, 12, 31)),
        ("9月底前完成并长期坚持", date(2023, 9, 30)),
        ("反馈后2个月内完成并长期坚持", date(2023, 8, 27)),
        ("2023年上半年完成,长期坚持", date(2023, 6, 30)),
    ],
)
def test_date_and_long_term(text: str, due: date) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (K.DATE_AND_LONG_TERM, due, False)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("延期至2024年3月底", K.DATE, date(2024, 3, 31)),
        ("延期到2024年3月底", K.DATE, date(2024, 3, 31)),
        ("延期至2024年3月31日", K.DATE, date(2024, 3, 31)),
        ("已延期至2024年3月底", K.DATE, date(2024, 3, 31)),
        ("延长至2024年6月", K.DATE, date(2024, 6, 30)),
        ("顺延至2024年一季度", K.DATE, date(2024, 3, 31)),
        ("推迟至2024年底", K.DATE, date(2024, 12, 31)),
        ("调整为2024年6月底", K.DATE, date(2024, 6, 30)),
        ("延期至2024.3.31", K.DATE, date(2024, 3, 31)),
        ("2023年9月底(已延期至2024年3月底)", K.DATE, date(2024, 3, 31)),
        ("2023年9月底(已延期至2024年3月底)", K.DATE, date(2024, 3, 31)),
        ("2023年9月底,延期至2024年3月底", K.DATE, date(2024, 3, 31)),
        ("原定2023年9月底,经批准延期至2024年3月底前完成", K.DATE, date(2024, 3, 31)),
        ("延期至2024年3月底,再延期至2024年6月底", K.DATE, date(2024, 6, 30)),
        ("延期至2024年3月底前完成并长期坚持", K.DATE_AND_LONG_TERM, date(2024, 3, 31)),
        ("长期坚持(已延期至2024年3月底)", K.DATE_AND_LONG_TERM, date(2024, 3, 31)),
        ("延期至2024年3月底(长期坚持)", K.DATE_AND_LONG_TERM, date(2024, 3, 31)),
        ("延期至12月底", K.DATE, date(2023, 12, 31)),
    ],
)
def test_extended(text: str, kind: DeadlineKind, due: date) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (kind, due, True)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023年2月30日", "日期不存在（2023年2月30日）"),
        ("2023年2月29日", "日期不存在（2023年2月29日）"),  # not a leap year
        ("2023年4月31日", "日期不存在（2023年4月31日）"),
        ("2023年13月", "月份无效（2023年13月）"),
        ("2023年0月", "月份无效（2023年0月）"),
        ("2023-13-01", "月份无效（2023年13月）"),
        ("2023.2.30", "日期不存在（2023年2月30日）"),
        ("20230230", "日期不存在（2023年2月30日）"),
        ("2023年13月底前完成并长期坚持", "月份无效（2023年13月）"),
        ("9999年", "年份超出合理范围，应在2000—2100年之间"),
        ("1800年12月", "年份超出合理范围，应在2000—2100年之间"),
        ("待定", "时限待定，请明确具体整改时限"),
        ("时限待定", "时限待定，请明确具体整改时限"),
        ("另行通知", "时限为“另行通知”，请明确具体整改时限"),
        ("视情况而定", "时限为“另行通知”，请明确具体整改时限"),
        ("无", "未填写有效的整改时限"),
        ("。", "未填写有效的整改时限"),
        ("abc", "无法识别的整改时限"),
        ("尽快", "没有写明何时完成，推算不出到期日"),
        ("下一步", "无法识别的整改时限"),
        ("第5季度", "无法识别的整改时限"),
        ("2023年第5季度", "无法识别的整改时限"),
        ("延期至另行通知", "时限为“另行通知”，请明确具体整改时限"),
        ("延期至某日", "延期后的时限无法识别"),
        ("x" * 500, "无法识别的整改时限"),
    ],
)
def test_invalid(text: str, reason: str) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.reason) == (K.INVALID, None, reason)
    assert not d.has_due
    assert d.text == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9月底前", "缺少年份且未提供反馈日期"),
        ("9月30日前", "缺少年份且未提供反馈日期"),
        ("年底前", "缺少年份且未提供反馈日期"),
        ("三季度", "缺少年份且未提供反馈日期"),
        ("2023年7月-12月", None),  # has a year: fine without feedback date
        ("反馈后2个月内", "按反馈日期推算的时限，但未提供反馈日期"),
        ("30日内", "按反馈日期推算的时限，但未提供反馈日期"),
    ],
)
def test_needs_feedback_date(text: str, reason: str | None) -> None:
    d = parse_deadline(text)
    if reason is None:
        assert (d.kind, d.due) == (K.DATE, date(2023, 12, 31))
    else:
        assert (d.kind, d.reason) == (K.INVALID, reason)


@pytest.mark.parametrize(
    ("value", "kind", "due", "text"),
    [
        (None, K.EMPTY, None, ""),
        ("", K.EMPTY, None, ""),
        ("   ", K.EMPTY, None, ""),
        ("\u3000", K.EMPTY, None, ""),
        (float("nan"), K.EMPTY, None, ""),
        (date(2023, 9, 30), K.DATE, date(2023, 9, 30), "2023-09-30"),
        (datetime(2023, 9, 30, 17, 30), K.DATE, date(2023, 9, 30), "2023-09-30"),
        (datetime(2024, 2, 29), K.DATE, date(2024, 2, 29), "2024-02-29"),
        (45199, K.DATE, date(2023, 9, 30), "2023-09-30"),  # Excel serial
        (45199.0, K.DATE, date(2023, 9, 30), "2023-09-30"),
        (45199.75, K.DATE, date(2023, 9, 30), "2023-09-30"),  # serial with a time
        (45351, K.DATE, date(2024, 2, 29), "2024-02-29"),
        (36526, K.DATE, date(2000, 1, 1), "2000-01-01"),
        (73415, K.DATE, date(2100, 12, 31), "2100-12-31"),
        (20230930, K.DATE, date(2023, 9, 30), "2023-09-30"),  # yyyymmdd number
        (2024, K.DATE, date(2024, 12, 31), "2024"),  # a year typed as a number
        (2024.0, K.DATE, date(2024, 12, 31), "2024"),
        (18263, K.INVALID, None, "18263"),
        (73416, K.INVALID, None, "73416"),
        (0, K.INVALID, None, "0"),
        (-1.5, K.INVALID, None, "-1.5"),
        (13.14, K.INVALID, None, "13.14"),  # no month 13 (3.14 is March 14th as Excel keeps "3.14")
        (3.14, K.DATE, date(2024, 3, 14), "3.14"),
        (20230230, K.INVALID, None, "20230230"),
        (float("inf"), K.INVALID, None, "inf"),
        (True, K.INVALID, None, "TRUE"),
        (False, K.INVALID, None, "FALSE"),
        (date(1, 1, 1), K.INVALID, None, "0001-01-01"),
        (Decimal("45199"), K.INVALID, None, "45199"),
        (object, K.INVALID, None, "<class 'object'>"),
        (["2023年9月"], K.INVALID, None, "['2023年9月']"),
    ],
)
def test_non_string_values(value: object, kind: DeadlineKind, due: date | None, text: str) -> None:
    d = parse_deadline(value, feedback_date=FB)
    assert (d.kind, d.due, d.text) == (kind, due, text)
    if kind is K.INVALID:
        assert d.reason


def test_pandas_missing_values_are_empty() -> None:
    pd = pytest.importorskip("pandas")
    assert parse_deadline(pd.NaT).kind is K.EMPTY
    assert parse_deadline(pd.NA).kind is K.EMPTY
    assert parse_deadline(pd.Timestamp("2023-09-30 12:00")).due == date(2023, 9, 30)


def test_numpy_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert parse_deadline(np.float64(45199.0)).due == date(2023, 9, 30)
    assert parse_deadline(np.int64(45199)).due == date(2023, 9, 30)
    assert parse_deadline(np.float64("nan")).kind is K.EMPTY
    assert parse_deadline(np.array([1, 2])).kind is K.INVALID


class _Hostile:
    def __str__(self) -> str:
        raise RuntimeError("boom")

    def __ne__(self, other: object) -> bool:
        raise RuntimeError("boom")

    __hash__ = None  # type: ignore[assignment]


def test_never_raises_on_hostile_objects() -> None:
    d = parse_deadline(_Hostile())
    assert d.kind in (K.EMPTY, K.INVALID)
    assert parse_date(_Hostile()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 2023年9月底 ", "2023年9月底"),
        ("2023年\u30009月底", "2023年 9月底"),
        ("延期至2024年3月底", "延期至2024年3月底"),
    ],
)
def test_text_is_the_normalised_original(text: str, expected: str) -> None:
    assert parse_deadline(text).text == expected


@pytest.mark.parametrize(
    ("text", "kind", "due", "extended"),
    [
        ("调整为长期坚持", K.LONG_TERM, None, True),
        ("2023年9月底\n长期坚持", K.DATE_AND_LONG_TERM, date(2023, 9, 30), False),
        ("2023年9月底前完成\n并长期坚持", K.DATE_AND_LONG_TERM, date(2023, 9, 30), False),
        ("反馈后立即整改", K.IMMEDIATE, FB, False),
    ],
)
def test_misc_phrases(text: str, kind: DeadlineKind, due: date | None, extended: bool) -> None:
    d = parse_deadline(text, feedback_date=FB)
    assert (d.kind, d.due, d.extended) == (kind, due, extended)


def test_repeated_text_is_cached() -> None:
    assert parse_deadline("2023年9月底前") is parse_deadline("2023年9月底前")
    assert parse_deadline(" 2023年9月底前 ") is parse_deadline("2023年9月底前")


def test_cache_keys_on_feedback_date() -> None:
    assert parse_deadline("9月底前", feedback_date=FB).due == date(2023, 9, 30)
    assert parse_deadline("9月底前", feedback_date=NOV).due == date(2024, 9, 30)
    assert parse_deadline("9月底前").kind is K.INVALID


def test_deadline_is_frozen() -> None:
    d = parse_deadline("2023年9月底")
    with pytest.raises(FrozenInstanceError):
        d.due = date(2024, 1, 1)  # type: ignore[misc]
    assert d == Deadline(text="2023年9月底", kind=K.DATE, due=date(2023, 9, 30))
    assert hash(d) == hash(Deadline(text="2023年9月底", kind=K.DATE, due=date(2023, 9, 30)))


@pytest.mark.parametrize(
    ("deadline", "rendered"),
    [
        (Deadline(text="", kind=K.EMPTY), ""),
        (Deadline(text="2023年9月底", kind=K.DATE, due=date(2023, 9, 30)), "2023年9月30日"),
        (
            Deadline(text="延期至2024年3月底", kind=K.DATE, due=date(2024, 3, 31), extended=True),
            "延期至2024年3月31日",
        ),
        (Deadline(text="即知即改", kind=K.IMMEDIATE), "立行立改"),
        (Deadline(text="即知即改", kind=K.IMMEDIATE, due=FB), "立行立改"),
        (Deadline(text="持续推进", kind=K.LONG_TERM), "长期坚持"),
        (
            Deadline(
                text="2023年12月底前完成并长期坚持",
                kind=K.DATE_AND_LONG_TERM,
                due=date(2023, 12, 31),
            ),
            "2023年12月31日前完成并长期坚持",
        ),
        (
            Deadline(text="x", kind=K.DATE_AND_LONG_TERM, due=date(2024, 3, 31), extended=True),
            "延期至2024年3月31日前完成并长期坚持",
        ),
        (Deadline(text="待定", kind=K.INVALID, reason="时限待定"), "待定"),
    ],
)
def test_format_deadline(deadline: Deadline, rendered: str) -> None:
    assert format_deadline(deadline) == rendered
    back = parse_deadline(
        rendered, feedback_date=deadline.due if deadline.kind is K.IMMEDIATE else None
    )
    if deadline.kind is not K.INVALID:
        assert (back.kind, back.due, back.extended) == (
            deadline.kind,
            deadline.due,
            deadline.extended,
        )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023年9月30日", date(2023, 9, 30)),
        ("2023-09-30", date(2023, 9, 30)),
        ("2023/9/30", date(2023, 9, 30)),
        ("2023.9.30", date(2023, 9, 30)),
        ("20230930", date(2023, 9, 30)),
        ("2023-09-30 14:20:00", date(2023, 9, 30)),
        ("２０２３年９月３０日", date(2023, 9, 30)),
        ("2023年9月", date(2023, 9, 30)),
        ("9月30日", date(2023, 9, 30)),
        (date(2023, 9, 30), date(2023, 9, 30)),
        (datetime(2023, 9, 30, 8, 0), date(2023, 9, 30)),
        (45199, date(2023, 9, 30)),
        (45199.5, date(2023, 9, 30)),
        (None, None),
        ("", None),
        (float("nan"), None),
        ("已完成", None),
        ("立行立改", None),
        ("长期坚持", None),
        ("2023年12月底前完成并长期坚持", None),
        ("2023年2月30日", None),
        ("待定", None),
        (True, None),
        (12.5, date(2023, 12, 5)),  # "12.5" typed, kept by Excel as a number: December 5th
        (13.5, None),
        (12.1, None),  # December 1st, or "12.10" with its 0 dropped
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value, feedback_date=FB) == expected


def test_parse_date_without_feedback_needs_a_year() -> None:
    assert parse_date("9月30日") is None
    assert parse_date("2023年9月30日") == date(2023, 9, 30)


@pytest.mark.parametrize(("text", "kind", "due", "original"), [
    # a date typed with a Chinese full stop or commas is that date, not the year's end
    ("2024。9。30", DeadlineKind.DATE, date(2024, 9, 30), None),
    ("2024,9,30", DeadlineKind.DATE, date(2024, 9, 30), None),
    # a date running on to 长期 keeps its date
    ("2024年9月30日至长期", DeadlineKind.DATE_AND_LONG_TERM, date(2024, 9, 30), None),
    ("2024.9.30—长期", DeadlineKind.DATE_AND_LONG_TERM, date(2024, 9, 30), None),
    # a year-less new date is the next one after the old deadline
    ("原定2024年12月底，延期至6月底", DeadlineKind.DATE, date(2025, 6, 30), date(2024, 12, 31)),
    # extensions written without 至
    ("2024年9月30日;延期2024年12月31日", DeadlineKind.DATE, date(2024, 12, 31), date(2024, 9, 30)),
    ("2024年9月30日（已延期，新时限2024年12月31日）", DeadlineKind.DATE, date(2024, 12, 31), date(2024, 9, 30)),
    ("2024年9月30日，延期两个月", DeadlineKind.DATE, date(2024, 11, 30), date(2024, 9, 30)),
    ("2024年9月30日，顺延15天", DeadlineKind.DATE, date(2024, 10, 15), date(2024, 9, 30)),
    # an extension that is only a possibility is none
    ("2024年9月30日前完成（如遇特殊情况延期至10月底）", DeadlineKind.DATE, date(2024, 9, 30), None),
    ("2024年9月30日前完成，如遇特殊情况，延期至10月底", DeadlineKind.DATE, date(2024, 9, 30), None),
])
def test_deadlines_as_clerks_type_them(text: str, kind: DeadlineKind, due: date, original: date | None) -> None:
    d = parse_deadline(text, feedback_date=date(2024, 3, 15))
    assert (d.kind, d.due, d.original_due) == (kind, due, original)
    assert d.extended is (original is not None)


def test_a_letter_typed_for_a_digit_is_no_date() -> None:
    """"9月3O日" (the letter O): not quietly the 3rd — unreadable, and the reason says why."""
    d = parse_deadline("2024年9月3O日")
    assert d.kind is DeadlineKind.INVALID and d.reason and "字母" in d.reason


@pytest.mark.parametrize(("value", "due"), [
    (2026.06, date(2026, 6, 30)),  # "2026.06" typed into a cell Excel keeps as a number
    (2026.11, date(2026, 11, 30)),
    (2026.2, date(2026, 2, 28)),  # "2026.20" is no month: February
    (2026.1, None),  # January, or "2026.10" with its 0 dropped: asked, not guessed
    (2026.13, None),
])
def test_a_year_and_month_kept_as_a_number(value: float, due: date | None) -> None:
    got = parse_deadline(value)
    if due is None:
        assert got.kind is DeadlineKind.INVALID and got.reason
    else:
        assert (got.kind, got.due) == (DeadlineKind.DATE, due)
    if value == 2026.1:
        assert "1月还是10月" in (got.reason or "")


@pytest.mark.parametrize(
    ("text", "feedback", "due"),
    [
        # Monday 2026-06-15; 端午 is Friday 2026-06-19: 16, 17, 18, 22, 23
        ("5个工作日内", date(2026, 6, 15), date(2026, 6, 23)),
        ("收到反馈意见后15个工作日内", date(2026, 6, 15), date(2026, 7, 7)),
        ("反馈之日起十个工作日", date(2026, 6, 15), date(2026, 6, 30)),
        # across 中秋 (Friday 2026-09-25) and 国庆 (October 1–2 on weekdays)
        ("15个工作日内完成整改", date(2026, 9, 20), date(2026, 10, 14)),
        # across 春节 2027 (初一 is Saturday 2027-02-06: 除夕 is Friday the 5th, 初三 Monday the 8th)
        ("10个工作日内", date(2027, 1, 29), date(2027, 2, 16)),
    ],
)
def test_working_days_skip_weekends_and_statutory_holidays(text: str, feedback: date, due: date) -> None:
    d = parse_deadline(text, feedback_date=feedback)
    assert (d.kind, d.due) == (K.DATE, due)


def test_working_days_without_a_feedback_date_say_what_is_missing() -> None:
    d = parse_deadline("15个工作日内", feedback_date=None)
    assert (d.kind, d.reason) == (K.INVALID, "按反馈日期推算的时限，但未提供反馈日期")
