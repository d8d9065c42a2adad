"""Property tests (hypothesis) for the status and deadline parsers."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from rectxl.core.deadline import (
    DeadlineKind,
    format_deadline,
    parse_date,
    parse_deadline,
)
from rectxl.core.status import Status, parse_status
from rectxl.core.text import normalize_text

FAST = settings(max_examples=200, deadline=None)

DEADLINE_ALPHABET = st.sampled_from(
    list(
        "0123456789０１２３年月日底前后之以完成至到—-~./()（）并长期坚持持续推进立行改即知季度上下半第"
        "Qq一二三四五六七八九十〇延期反馈个内天周起待定 \u3000\u00a0"
    )
)
deadlish_text = st.text(DEADLINE_ALPHABET, max_size=30)
scalars = st.none() | st.floats() | st.integers() | st.booleans()
feedback_dates = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
valid_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))

FULL_WIDTH = str.maketrans("0123456789./-", "０１２３４５６７８９．／－")
CN_MONTH = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


@FAST
@given(st.text())
def test_parsers_never_raise_on_any_text(text: str) -> None:
    d = parse_deadline(text)
    assert isinstance(d.kind, DeadlineKind)
    assert (d.kind is DeadlineKind.INVALID) == (d.reason is not None)
    s = parse_status(text)
    assert s is None or isinstance(s, Status)
    parse_date(text)
    normalize_text(text)


@FAST
@given(deadlish_text, feedback_dates)
def test_parsers_never_raise_on_deadline_like_text(text: str, fb: date | None) -> None:
    d = parse_deadline(text, feedback_date=fb)
    assert (d.kind is DeadlineKind.INVALID) == (d.reason is not None)
    if d.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        assert d.due is not None
    if d.kind in (DeadlineKind.EMPTY, DeadlineKind.LONG_TERM, DeadlineKind.INVALID):
        assert d.due is None
    parse_status(text)


@FAST
@given(scalars, feedback_dates)
def test_parsers_never_raise_on_scalars(value: object, fb: date | None) -> None:
    d = parse_deadline(value, feedback_date=fb)
    assert isinstance(d.kind, DeadlineKind)
    assert parse_status(value) in (None, *Status)
    parse_date(value, feedback_date=fb)
    normalize_text(value)


@FAST
@given(deadlish_text | st.text(max_size=40), feedback_dates)
def test_format_round_trips(text: str, fb: date | None) -> None:
    d = parse_deadline(text, feedback_date=fb)
    if d.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        back = parse_deadline(format_deadline(d))
        assert (back.kind, back.due, back.extended) == (d.kind, d.due, d.extended)


@FAST
@given(valid_dates, st.booleans(), st.booleans())
def test_format_round_trips_constructed(due: date, long_term: bool, extended: bool) -> None:
    kind = DeadlineKind.DATE_AND_LONG_TERM if long_term else DeadlineKind.DATE
    d = parse_deadline(
        format_deadline(replace(parse_deadline(due), kind=kind, extended=extended))
    )
    assert (d.kind, d.due, d.extended) == (kind, due, extended)


def _day_forms(d: date) -> list[object]:
    y, m, dd = d.year, d.month, d.day
    forms: list[object] = [
        f"{y}年{m}月{dd}日",
        f"{y}年{m:02d}月{dd:02d}日",
        f"{y}年{m}月{dd}日前",
        f"{y}年{m}月{dd}日之前完成",
        f"{y}.{m}.{dd}",
        f"{y}/{m}/{dd}",
        f"{y}-{m:02d}-{dd:02d}",
        f"{y}-{m}-{dd}",
        f"{y}{m:02d}{dd:02d}",
        f" {y} 年 {m} 月 {dd} 日 ",
        f"\u3000{y}年{m}月{dd}日\u3000",
        f"{y}-{m:02d}-{dd:02d} 00:00:00",
        f"{y}年{CN_MONTH[m - 1]}月{dd}日",
        d,
        datetime(y, m, dd, 13, 45),
    ]
    forms += [f.translate(FULL_WIDTH) for f in forms[:9] if isinstance(f, str)]
    if d >= date(2000, 1, 1):
        serial = (d - date(1899, 12, 30)).days
        forms += [serial, float(serial), serial + 0.5]
    return forms


@FAST
@given(valid_dates)
def test_every_day_form_round_trips(d: date) -> None:
    for form in _day_forms(d):
        got = parse_deadline(form)
        assert (got.kind, got.due) == (DeadlineKind.DATE, d), form
        assert parse_date(form) == d, form


@FAST
@given(st.integers(2000, 2100), st.integers(1, 12))
def test_every_month_form_round_trips(y: int, m: int) -> None:
    end = date(y, m, calendar.monthrange(y, m)[1])
    forms = [
        f"{y}年{m}月",
        f"{y}年{m}月底",
        f"{y}年{m}月底前",
        f"{y}年{m}月底(前)",
        f"{y}年{m}月末",
        f"{y}-{m}",
        f"{y}.{m}",
        f"{y}/{m:02d}",
        f"{y}年{CN_MONTH[m - 1]}月底",
        f"{y}年{m}月".translate(FULL_WIDTH),
        f"{y}年1月至{m}月",
        f"{y}年1月-{y}年{m}月",
    ]
    for form in forms:
        got = parse_deadline(form)
        assert (got.kind, got.due) == (DeadlineKind.DATE, end), form
    got = parse_deadline(f"{y}年{m}月底前完成并长期坚持")
    assert (got.kind, got.due) == (DeadlineKind.DATE_AND_LONG_TERM, end)
    got = parse_deadline(f"延期至{y}年{m}月底")
    assert (got.kind, got.due, got.extended) == (DeadlineKind.DATE, end, True)


@FAST
@given(st.integers(2000, 2100), st.integers(1, 4))
def test_every_quarter_and_year_form_round_trips(y: int, q: int) -> None:
    end = date(y, q * 3, calendar.monthrange(y, q * 3)[1])
    cn = "一二三四"[q - 1]
    for form in (f"{y}年第{cn}季度", f"{y}年{cn}季度", f"{y}年第{q}季度", f"{y}年Q{q}", f"{y}Q{q}"):
        assert parse_deadline(form).due == end, form
    half = date(y, 6, 30) if q <= 2 else date(y, 12, 31)
    assert parse_deadline(f"{y}年{'上' if q <= 2 else '下'}半年").due == half
    for form in (f"{y}年", f"{y}年底", f"{y}年底前", f"{y}年年底", f"{y}年度"):
        assert parse_deadline(form).due == date(y, 12, 31), form


@FAST
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 12))
def test_year_from_feedback_date(fb: date, m: int) -> None:
    year = fb.year + (1 if m < fb.month else 0)
    end = date(year, m, calendar.monthrange(year, m)[1])
    for form in (f"{m}月底前", f"{m}月", f"{CN_MONTH[m - 1]}月底"):
        assert parse_deadline(form, feedback_date=fb).due == end, form
