"""Statuses and deadlines as other offices write them (round 23): deadline cells that number the
measures they belong to ("1.2026年9月底前；2.长期坚持", "①…②…"), and what the findings say about
them. Checked as an auditor runs it (``rectxl check --format json``). Units, people and texts are
fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rectxl.core.deadline import DeadlineKind, parse_deadline
from tests.followup_ledgers import FindingsByRow, check_by_row, write_ledger
from tests.followup_ledgers import codes_at as _codes
from tests.followup_ledgers import said_at as _said

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展",
          "佐证材料", "备注"]
FEEDBACK, REPORT = date(2026, 6, 15), date(2026, 11, 20)


def _row(n: int, deadline: object, status: object, **more: object) -> dict[str, object]:
    row: dict[str, object] = {
        "序号": n, "issue": 1 + (n - 1) % 4, "整改措施": f"规范村级财务报销审批流程（第{n}项）", "责任单位": "农经站",
        "责任人": "吴立新", "整改时限": deadline, "整改状态": status, "佐证材料": "会议纪要"}
    row.update(more)
    return row


def _ledger(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某镇人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})


def _check(path: Path) -> FindingsByRow:
    """:func:`check_by_row` as of the ledgers' 报告日期 (the header is row 3, the first measure row 4)."""
    return check_by_row(path, "--as-of", REPORT.isoformat())


# -- a deadline cell numbered as the measures are ----------------------------------------------------------

def test_a_numbered_deadline_cell_keeps_its_dates_beside_a_long_term_item(tmp_path: Path) -> None:
    """"1.2026年9月底前；2.长期坚持" is a date for the first measure and long term for the second: the
    numbers are no part of the date (they were read as "long term" only, so nothing was ever overdue)."""
    found = _check(_ledger(tmp_path, [
        _row(1, "1.2026年9月底前；2.长期坚持", "正在推进"),
        _row(2, "1）2026年9月30日前\n2）持续推进", "正在推进"),
        _row(3, "①2026年10月底前；②长期坚持", "正在推进"),
        _row(4, "(1)2026年8月底前；(2)2026年10月底前完成并长期坚持", "正在推进"),
        _row(5, "①2026年9月30日前", "正在推进"),
        # not yet due: nothing to say
        _row(6, "1.2026年12月底前；2.长期坚持", "正在推进"),
    ]))
    for row, due in ((4, "2026年9月30日"), (5, "2026年9月30日"), (6, "2026年10月31日"), (7, "2026年10月31日"),
                     (8, "2026年9月30日")):
        said = _said(found, row, "overdue")
        assert due in said, found.get(row)
    assert not {"overdue", "bad-deadline"} & _codes(found, 9), found.get(9)
    assert "bad-deadline" not in _codes(found, 8), found.get(8)


def test_numbers_of_items_are_not_read_as_figures_of_a_date() -> None:
    for text, kind, due in (
        ("1.2026年6月底前；2.2026年9月底前完成并长期坚持", DeadlineKind.DATE_AND_LONG_TERM, date(2026, 9, 30)),
        ("1．2026年6月底前；2．长期坚持", DeadlineKind.DATE_AND_LONG_TERM, date(2026, 6, 30)),
        ("⑴2026年6月底前；⑵2026年9月底前", DeadlineKind.DATE, date(2026, 9, 30)),
        # a date's own figures stay a date
        ("26.12.31", DeadlineKind.DATE, date(2026, 12, 31)),
        ("2026年6月底前，12.31前", DeadlineKind.DATE, date(2026, 12, 31)),
    ):
        got = parse_deadline(text, feedback_date=FEEDBACK)
        assert (got.kind, got.due) == (kind, due), text


# -- the findings name the measure that is late ----------------------------------------------------------

def test_the_overdue_warning_names_the_listed_measures_that_are_late(tmp_path: Path) -> None:
    """A row lists two measures, each with its own deadline in the 整改时限 cell, numbered alike: the
    overdue warning says which of them is late, not only the row's date."""
    found = _check(_ledger(tmp_path, [
        _row(1, "1.2026年9月底前；2.长期坚持", "正在推进", 整改措施="1.清退超标准发放的误餐补助；2.健全财务审核制度"),
        _row(2, "1.2026年8月31日前；2.2026年10月31日前", "正在推进",
             整改措施="1.补齐村务公开栏内容\n2.开展“三资”专项清查"),
        # one deadline for both: the row's date says it all
        _row(3, "1.2026年9月底前；2.2026年9月底前", "正在推进", 整改措施="1.清理闲置资产；2.收回出租土地"),
        # the first is done on its own (the status cell numbered as the measures): only the second is late
        _row(4, "1.2026年8月31日前；2.2026年10月31日前", "1.已完成；2.正在推进",
             整改措施="1.补齐村务公开栏内容；2.开展“三资”专项清查"),
    ]))
    said = _said(found, 4, "overdue")
    assert "第1项“清退超标准发放的误餐补助”" in said and "第2项" not in said, found.get(4)
    said = _said(found, 5, "overdue")
    assert "第1项“补齐村务公开栏内容”2026年8月31日" in said and "第2项“开展“三资”专项清查”2026年10月31日" in said, said
    said = _said(found, 6, "overdue")
    assert said and "第1项" not in said, found.get(6)
    said = _said(found, 7, "overdue")
    assert "第2项“开展“三资”专项清查”" in said and "第1项" not in said, found.get(7)


def test_a_measure_due_at_once_beside_a_later_date_is_named_when_it_is_not_done(tmp_path: Path) -> None:
    """"1.立行立改；2.2026年12月底前": the first measure was due at once, the second is not due yet —
    the row is not overdue as a whole, but the first is named as past its deadline."""
    found = _check(_ledger(tmp_path, [
        _row(1, "1.立行立改；2.2026年12月底前", "正在推进", 整改措施="1.退还违规收取的押金；2.修订资产租赁管理办法"),
        _row(2, "1.2026年9月底前；2.长期坚持", "正在推进", 整改措施="1.清退超标准发放的误餐补助；2.健全财务审核制度"),
    ]))
    said = _said(found, 4, "item-deadline-passed")
    assert "第1项“退还违规收取的押金”" in said and "立行立改" in said, found.get(4)
    assert "overdue" not in _codes(found, 4), found.get(4)
    # the cell gives each measure its own deadline: the notice of one cell of measures says so
    assert "时限已分别写明" in _said(found, 5, "measures-in-one-cell"), found.get(5)


# -- statuses written with the day after the done word, and the older 部份 -----------------------------------

def test_a_status_giving_the_day_after_the_done_word_is_done_on_that_day(tmp_path: Path) -> None:
    """"已完成于2026年10月15日" is finished on that day (as "已于2026年10月15日完成" is); "部份完成" (the older
    way to write 部分) is part done — both were unreadable (bad-status)."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年10月31日前", "已完成于2026年10月15日"),
        _row(2, "2026年12月31日前", "整改完成于2026年12月10日"),
        _row(3, "2026年9月30日前", "已整改，办结于10月15日"),
        _row(4, "2026年10月31日前", "部份完成"),
        _row(5, "2026年12月31日前", "部份整改"),
        # a day to come is no day finished
        _row(6, "2026年12月31日前", "完成于12月底前"),
    ]))
    for row in range(4, 9):
        assert "bad-status" not in _codes(found, row), found.get(row)
    assert not _codes(found, 4) & {"overdue", "missing-completion-date"}, found.get(4)
    assert "2026年12月10日" in _said(found, 5, "completion-in-future"), found.get(5)
    assert "2026年10月15日" in _said(found, 6, "completed-late"), found.get(6)
    assert "overdue" in _codes(found, 7), found.get(7)  # part done is not done
    assert "overdue" not in _codes(found, 8), found.get(8)
    assert "bad-status" in _codes(found, 9), found.get(9)


def test_measures_that_give_their_own_deadlines_in_their_words_are_named_when_one_passes(tmp_path: Path) -> None:
    """One 整改时限 for the row, and each listed measure its own date in its words ("…，2026年9月底前完成"):
    the first measure's date has passed while the row's has not — it is named, as it is when the
    整改时限 cell lists the dates."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年12月底前", "正在推进",
             整改措施="1.收回被占用的村集体房屋，2026年9月底前完成；2.修订村级资产租赁办法，2026年12月底前完成"),
        _row(2, "2026年12月31日前", "正在推进",
             整改措施="一是于9月30日前补签租赁合同；二是12月底前完成租金收缴"),
        # dates the measure only mentions are no deadlines
        _row(3, "2026年12月底前", "正在推进", 整改措施="1.对2025年以来的村级账目进行清理；2.开展专项检查"),
        # the measures' dates do not end where the row's does: which one holds is not clear
        _row(4, "2026年11月25日前", "正在推进",
             整改措施="1.追缴欠缴承包费，2026年9月底前完成；2.完善合同管理制度，2026年12月底前完成"),
    ]))
    said = _said(found, 4, "item-deadline-passed")
    assert "第1项“收回被占用的村集体房屋" in said and "2026年9月30日已过" in said, found.get(4)
    said = _said(found, 5, "item-deadline-passed")
    assert "第1项“于9月30日前补签租赁合同" in said, found.get(5)
    for row in (6, 7):
        assert "item-deadline-passed" not in _codes(found, row), found.get(row)


# -- the lunar year's last month, and a matter put to the body above ----------------------------------------

def test_the_last_lunar_month_is_due_by_the_eve_of_the_spring_festival() -> None:
    """"腊月底前" is by 除夕 (the eve of 春节); the 腊月 of 2026 ends in February 2027 (春节 2027 is
    February 6). Before, "2026年腊月底前" was refused with a wrong reason (月份无效)."""
    for text, fb in (("腊月底前", FEEDBACK), ("2026年腊月底前", None), ("农历腊月内完成", FEEDBACK),
                     ("二〇二六年腊月底", None)):
        got = parse_deadline(text, feedback_date=fb)
        assert (got.kind, got.due) == (DeadlineKind.DATE, date(2027, 2, 5)), text
    # before the month begins is not its end
    assert parse_deadline("农历腊月前", feedback_date=FEEDBACK).kind is DeadlineKind.INVALID
    # fed back in January 2026, before that year's 春节 (February 17): this 腊月 ends on February 16
    assert parse_deadline("腊月底前", feedback_date=date(2026, 1, 10)).due == date(2026, 2, 16)


def test_a_matter_put_to_the_body_above_is_in_progress(tmp_path: Path) -> None:
    """"已提请上级" (as "已提请上级研究" is): waiting for the body above, not finished — and not
    unreadable. "已上报上级" may be the report of finished work: still asked about."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年10月31日前", "已提请上级"),
        _row(2, "2026年12月31日前", "已提请主管部门协调"),
        _row(3, "2026年10月31日前", "已上报上级"),
    ]))
    assert "“已提请上级”" in _said(found, 4, "overdue"), found.get(4)
    assert not _codes(found, 5) & {"bad-status", "overdue"}, found.get(5)
    assert "bad-status" in _codes(found, 6), found.get(6)


# -- a 完成时间 written to its month with a two-digit year --------------------------------------------------

def test_a_completion_month_with_a_two_digit_year_is_that_month_not_its_last_day(tmp_path: Path) -> None:
    """"26年10月" as 完成时间 is some day of October 2026, as "2026年10月" is: not later than a deadline in
    that month, and quoted as the month (before, it was October 31 — a day nobody wrote)."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月底前", "已完成", 完成时间="26年10月"),
        _row(2, "2026年10月20日前", "已完成", 完成时间="26年10月"),
        _row(3, "2026年11月10日前", "已完成", 完成时间="26年11月份"),
    ]))
    said = _said(found, 4, "completed-late")
    assert "完成时间2026年10月晚于" in said and "10月31日" not in said, found.get(4)
    for row in (5, 6):
        assert not _codes(found, row) & {"completed-late", "completion-in-future"}, found.get(row)


def test_numbered_deadlines_run_on_with_a_space_or_nothing_between_them(tmp_path: Path) -> None:
    """"1.2026年9月底前 2.长期坚持" (a space, as a narrowed cell wraps it) and "1.2026年9月底前2.长期坚持"
    are the same two deadlines as with a semicolon between them: the 2 is the next item's number,
    not a figure of the date (the cells were read as long term only, and never overdue)."""
    found = _check(_ledger(tmp_path, [
        _row(1, "1.2026年9月底前 2.长期坚持", "正在推进", 整改措施="1.清退超标准发放的误餐补助；2.健全财务审核制度"),
        _row(2, "1、2026年9月底前2、长期坚持", "正在推进"),
        _row(3, "1.2026年8月31日 2.2026年12月31日", "正在推进", 整改措施="1.补齐村务公开栏内容；2.开展“三资”专项清查"),
    ]))
    said = _said(found, 4, "overdue")
    assert "2026年9月30日" in said and "第1项“清退超标准发放的误餐补助”" in said, found.get(4)
    assert "2026年9月30日" in _said(found, 5, "overdue"), found.get(5)
    assert "bad-deadline" not in _codes(found, 6), found.get(6)
    assert "第1项“补齐村务公开栏内容”" in _said(found, 6, "item-deadline-passed"), found.get(6)


# -- a done row whose progress says it goes on to schedule ----------------------------------------------------

def test_a_done_row_whose_progress_goes_on_to_schedule_is_asked_about(tmp_path: Path) -> None:
    """"目前正按序时推进" (going on to the timetable) under 已完成 is a contradiction, as "正按计划推进" already
    was; a done row kept up ("已整改到位并长效推进") is not."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年12月31日前", "已完成", 整改进展="目前正按序时推进", 完成时间="2026年10月15日"),
        _row(2, "2026年12月31日前", "已完成", 整改进展="已制定工作方案，正按时间节点推进", 完成时间="2026年10月15日"),
        _row(3, "2026年12月31日前", "已完成", 整改进展="已整改到位并长效推进", 完成时间="2026年10月15日"),
    ]))
    assert "“目前正按序时推进”" in _said(found, 4, "status-text-mismatch"), found.get(4)
    assert "正按时间节点推进" in _said(found, 5, "status-text-mismatch"), found.get(5)
    assert "status-text-mismatch" not in _codes(found, 6), found.get(6)


def test_a_measure_due_at_once_is_named_once_in_the_overdue_warning(tmp_path: Path) -> None:
    """"①立行立改；②长期坚持": the first measure, due at once, is late — named after 立行立改, not after
    the whole cell quoted and bracketed again."""
    found = _check(_ledger(tmp_path, [
        _row(1, "①立行立改；②长期坚持", "正在推进", 整改措施="①退还违规收取的押金；②健全资产租赁制度"),
    ]))
    said = _said(found, 4, "overdue")
    assert "整改时限为立行立改（第1项“退还违规收取的押金”）" in said, found.get(4)


def test_half_a_month_is_read_as_its_last_day() -> None:
    """"2026年12月上半月" is by December 15, "下半月" by the month's end (both were unreadable)."""
    for text, due in (("2026年12月上半月", date(2026, 12, 15)), ("12月上半月前完成", date(2026, 12, 15)),
                      ("2026年10月下半月", date(2026, 10, 31))):
        got = parse_deadline(text, feedback_date=FEEDBACK)
        assert (got.kind, got.due) == (DeadlineKind.DATE, due), text


def test_short_status_words_other_offices_use_are_read(tmp_path: Path) -> None:
    """"刚启动" (just begun) is going on, "百分之八十"/"八成" (a share in words, as "80%" is) mostly done,
    "整改已完成待审计" done and waiting for its audit — all were bad-status errors."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年10月31日前", "刚启动"),
        _row(2, "2026年12月31日前", "百分之八十"),
        _row(3, "2026年12月31日前", "八成"),
        _row(4, "2026年10月31日前", "整改已完成待审计", 完成时间="2026年10月20日"),
    ]))
    for row in range(4, 8):
        assert "bad-status" not in _codes(found, row), found.get(row)
    assert "“刚启动”" in _said(found, 4, "overdue"), found.get(4)
    assert "overdue" not in _codes(found, 7), found.get(7)


def test_mid_year_without_a_year_is_the_next_june_as_the_first_half_is(tmp_path: Path) -> None:
    """Fed back in June 2026 and checked in November, a year-less "年中前" is June 30, 2027 (as "上半年"
    is): before, it was June 30, 2026 — overdue the day it was written, and before the feedback."""
    late_feedback = date(2026, 9, 20)
    assert parse_deadline("年中前", feedback_date=late_feedback).due == date(2027, 6, 30)
    assert parse_deadline("年中", feedback_date=date(2026, 3, 1)).due == date(2026, 6, 30)
    assert parse_deadline("2026年年中", feedback_date=late_feedback).due == date(2026, 6, 30)
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, [_row(1, "年中前", "正在推进")], unit="某某镇人民政府",
                        info={"反馈日期": late_feedback, "报告日期": REPORT})
    found = _check(path)
    assert not _codes(found, 4) & {"overdue", "deadline-before-feedback"}, found.get(4)


def test_other_words_for_the_year_end_are_the_year_end() -> None:
    """"年终前", "今年年终前", "岁末" are December 31, as "年底前" is ("年终前" was refused as an event,
    "岁末" as unreadable)."""
    for text in ("年终前", "2026年年终前", "今年年终前", "岁末", "2026年岁末前"):
        got = parse_deadline(text, feedback_date=FEEDBACK)
        assert (got.kind, got.due) == (DeadlineKind.DATE, date(2026, 12, 31)), text


def test_a_done_status_with_its_day_run_on_gives_that_day(tmp_path: Path) -> None:
    """"已完成2026年10月15日" (no space before the day) is done on October 15, as "已完成 2026年10月15日"
    is: before, the day was missed and missing-completion-date asked for a day the cell gives."""
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年10月10日前", "已完成2026年10月15日"),
        _row(2, "2026年12月31日前", "已整改到位2026.10.15"),
    ]))
    assert "2026年10月15日" in _said(found, 4, "completed-late"), found.get(4)
    for row in (4, 5):
        assert not _codes(found, row) & {"missing-completion-date", "bad-status"}, found.get(row)


def test_items_numbered_in_other_ways_are_not_read_into_the_date(tmp_path: Path) -> None:
    """"一.2026年9月底前；二.长期坚持", "第1项2026年9月底前；第2项长期坚持", "措施1.…；措施2.…" give the first
    measure its date (they were read as long term only, never overdue); "第3季度末前" is still a quarter."""
    found = _check(_ledger(tmp_path, [
        _row(1, "一.2026年9月底前；二.长期坚持", "正在推进"),
        _row(2, "第1项2026年9月底前；第2项长期坚持", "正在推进"),
        _row(3, "措施1.2026年9月底前；措施2.长期坚持", "正在推进"),
    ]))
    for row in (4, 5, 6):
        assert "2026年9月30日" in _said(found, row, "overdue"), found.get(row)
    assert parse_deadline("第3季度末前", feedback_date=FEEDBACK).due == date(2026, 9, 30)


def test_a_day_in_full_width_figures_in_the_status_is_said_to_come_from_the_status(tmp_path: Path) -> None:
    """"已完成（2026．10．15）" (full-width stops): the 完成时间 is read from the status cell, and the finding
    says so (and points there), as it does for "已完成（2026.10.15）"; before, it pointed at the empty
    完成时间 cell."""
    found = _check(_ledger(tmp_path, [_row(1, "2026年10月10日前", "已完成（２０２６．１０．１５）")]))
    assert "完成时间2026年10月15日（整改状态中所写）" in _said(found, 4, "completed-late"), found.get(4)
