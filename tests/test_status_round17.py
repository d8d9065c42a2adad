"""Statuses and deadlines as other offices write them (round 17): a project approved and to be
built, an audit still to confirm the work, a filing lodged, a problem checked and found untrue, the
status column holding the deadlines by mistake, "本月"/"上月" as a completion date, "12-31",
"正月十五前", the clerk's own words for "at once". Units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.rules.context import Options
from rectxl.core.status import Stage, Status, read_status
from tests.followup_ledgers import write_ledger

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展"]
D, P, L = Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM
FEEDBACK, REPORT = date(2026, 6, 15), date(2026, 9, 10)


def _row(n: int, measure: str, deadline: object, status: object, **more: object) -> dict[str, object]:
    row: dict[str, object] = {"序号": n, "issue": 1 + (n - 1) % 4, "整改措施": measure, "责任单位": "党政办",
                              "责任人": "王芳", "整改时限": deadline, "整改状态": status}
    row.update(more)
    return row


def _ledger(tmp_path: Path, rows: list[dict[str, object]], unit: str = "某某街道办事处") -> Path:
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit=unit,
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})


def _findings(path: Path) -> list[tuple[str, int | None, str]]:
    return [(f.code, f.row, f.message) for f in api.check(path, Options(as_of=REPORT)).findings]


# -- status words of enterprises, streets and villages ------------------------------------------------

@pytest.mark.parametrize(("cell", "status", "stage"), [
    # a project approved, the works to come: going on
    ("已立项待建", P, None), ("已立项", P, None),
    # finished, an audit still to confirm it: done, waiting as for 验收
    ("整改完成待审计确认", D, Stage.AWAITING), ("已完成，待审计确认", D, Stage.AWAITING),
    # a filing lodged with the body that keeps it: the filing was the work
    ("已报国资委备案", D, None), ("已报县财政局备案", D, None),
    # told to the discipline body, for its word: waiting, as 已报送县纪委 is
    ("已向纪委报告", P, None), ("已向县纪委监委报送问题线索", P, None),
    # brought down step by step, for good: long-term work; going on
    ("持续压降中", L, None), ("压降中", P, None), ("持续压减", L, None),
])
def test_status_words_other_offices_write(cell: str, status: Status, stage: Stage | None) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.stage) == (status, stage)


@pytest.mark.parametrize("cell", ["经核查不属实", "经核实不存在该问题", "经核实，反映问题不属实", "经查无此问题",
                                  "问题不成立", "不属实"])
def test_a_problem_checked_and_found_untrue_is_closed(cell: str) -> None:
    # the check closes it; the notice counts it with the done
    assert read_status(cell).status is D


@pytest.mark.parametrize("cell", ["不涉及", "基本属实", "属实"])
def test_untrue_is_not_read_into_other_words(cell: str) -> None:
    assert read_status(cell).status is not D


def test_an_action_done_then_kept_up_is_long_term() -> None:
    reading = read_status("已开设专栏并拟长期坚持")
    assert reading.status is L
    assert read_status("已开设专栏并长期坚持").status is L


def test_an_enterprise_ledger_reads_without_bad_status(tmp_path: Path) -> None:
    rows = [_row(1, "推进职工食堂改造项目", "2026年12月31日前", "已立项待建"),
            _row(2, "清理违规发放的补贴", "2026年8月31日前", "整改完成待审计确认", 完成时间=date(2026, 8, 20)),
            _row(3, "修订投资管理办法并报备", "2026年8月31日前", "已报国资委备案", 完成时间=date(2026, 8, 25)),
            _row(4, "核查反映的违规用车问题", "2026年7月31日前", "经核查不属实", 完成时间=date(2026, 7, 20)),
            _row(5, "压降两金占用", "长期坚持", "持续压降中")]
    codes = [c for c, _, _ in _findings(_ledger(tmp_path, rows, unit="某某县城投公司"))]
    assert "bad-status" not in codes and "overdue" not in codes
    read = {m.row: m.status for m in api.read_ledger(tmp_path / "台账.xlsx").measures()}
    assert [read[r] for r in range(4, 9)] == [P, D, D, D, L]


# -- a status column holding the deadlines ------------------------------------------------------------

def test_a_status_column_of_the_deadlines_is_not_read_as_done(tmp_path: Path) -> None:
    days = [date(2026, 7, 31), date(2026, 8, 31), date(2026, 12, 31), date(2026, 6, 30)]
    rows = [_row(k, f"整改措施{k}", day, day) for k, day in enumerate(days, 1)]
    path = _ledger(tmp_path, rows, unit="某某村")
    found = [(c, row, msg) for c, row, msg in _findings(path) if c == "bad-status"]
    assert [row for _, row, _ in found] == [4, 5, 6, 7]
    assert all("与整改时限" in msg and "误填" in msg for _, _, msg in found)
    assert all(m.status is None for m in api.read_ledger(path).measures())


def test_days_the_work_was_finished_still_read_as_done(tmp_path: Path) -> None:
    # one finished on its deadline day among others finished earlier: the days are completions
    rows = [_row(1, "整改措施1", date(2026, 7, 31), date(2026, 7, 31)),
            _row(2, "整改措施2", date(2026, 8, 31), date(2026, 8, 12)),
            _row(3, "整改措施3", date(2026, 8, 31), date(2026, 7, 5))]
    path = _ledger(tmp_path, rows)
    assert [c for c, _, _ in _findings(path) if c in ("bad-status", "overdue")] == []
    assert {m.row: m.status for m in api.read_ledger(path).measures()} == {4: D, 5: D, 6: D}


# -- 完成时间 of a monthly report -------------------------------------------------------------------------

def test_this_month_and_last_month_as_a_completion_date(tmp_path: Path) -> None:
    rows = [_row(1, "整改措施1", "2026年9月30日前", "已完成", 完成时间="本月"),
            _row(2, "整改措施2", "2026年9月30日前", "已完成", 完成时间="上月"),
            _row(3, "整改措施3", "2026年9月5日前", "已完成", 完成时间="本月")]
    path = _ledger(tmp_path, rows)
    codes = [c for c, _, _ in _findings(path)]
    assert "bad-completion-date" not in codes
    # finished in September for a deadline of 9月5日 may be on time: not told late
    assert "completed-late" not in codes
    on = {m.row: m.completed_on for m in api.read_ledger(path).measures()}
    assert [(on[r].year, on[r].month) for r in (4, 5, 6) if on[r] is not None] == [(2026, 9), (2026, 8), (2026, 9)]


# -- deadlines ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "due"), [
    ("12-31", date(2026, 12, 31)), ("9-30前", date(2026, 9, 30)),
    ("阶段性成效2026年12月底", date(2026, 12, 31)), ("阶段性成果2027年6月底", date(2027, 6, 30)),
    # the 15th of the first lunar month is 元宵: due the day before it, as "元宵节前"
    ("正月十五前", parse_deadline("元宵节前", feedback_date=FEEDBACK).due),
    ("大年三十前", parse_deadline("除夕前", feedback_date=FEEDBACK).due),
])
def test_deadlines_other_offices_write(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (DeadlineKind.DATE, due)


def test_overdue_at_once_quotes_the_clerks_words(tmp_path: Path) -> None:
    rows = [_row(1, "整改措施1", "即日起", "正在推进"), _row(2, "整改措施2", "立行立改", "正在推进")]
    found = [msg for c, _, msg in _findings(_ledger(tmp_path, rows)) if c == "overdue"]
    assert len(found) == 2
    assert "整改时限为“即日起”（立行立改）" in found[0]
    assert "整改时限为立行立改，" in found[1]


@pytest.mark.parametrize(("cell", "due"), [
    # the feedback's week (Monday 15 June 2026) or the next: its Sunday, or the weekday named
    ("本周内", date(2026, 6, 21)), ("下周", date(2026, 6, 28)), ("下周五前", date(2026, 6, 26)),
    ("本周五", date(2026, 6, 19)),
])
def test_a_deadline_of_this_week_or_next(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (DeadlineKind.DATE, due)


def test_a_week_deadline_passed_is_overdue_not_bad(tmp_path: Path) -> None:
    rows = [_row(1, "整改措施1", "本周内", "正在推进"),
            _row(2, "整改措施2", "下周", "已完成", 完成时间=date(2026, 6, 25))]
    codes = [(c, row) for c, row, _ in _findings(_ledger(tmp_path, rows))]
    assert ("overdue", 4) in codes and not [c for c, _ in codes if c == "bad-deadline"]


@pytest.mark.parametrize(("cell", "status"), [
    # a campaign under way: going on, as 整治中 is
    ("专项整治中", P), ("集中整治中", P),
    # paid: done
    ("已交纳", D),
    # sent for review, waiting for it: going on
    ("已报审", P), ("已送审", P), ("待财政评审", P), ("财政评审中", P),
])
def test_village_and_enterprise_statuses(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize(("cell", "due"), [
    # a day of the feedback's month or the next, as "本月底" / "下月中旬" read
    ("本月25日前", date(2026, 6, 25)), ("下月15日前", date(2026, 7, 15)), ("下个月10号", date(2026, 7, 10)),
    ("次月5日前", date(2026, 7, 5)),
])
def test_a_day_of_this_month_or_next(cell: str, due: date) -> None:
    d = parse_deadline(cell, feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize(("cell", "status"), [
    # the thing named, then the action done to it: done, as "已开设专栏" is
    ("专栏已开设", D), ("监控已安装", D), ("门锁已更换", D), ("党纪处分已作出", D), ("合同已解除", D),
])
def test_the_thing_named_before_the_action_done(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["法院已判决", "县纪委已立案", "合同清理已完成", "资料已收集", "问题已发现"])
def test_who_acted_or_a_step_named_first_is_not_done(cell: str) -> None:
    assert read_status(cell).status is not D


def test_a_street_ledger_with_things_named_first(tmp_path: Path) -> None:
    rows = [_row(1, "开设廉政教育专栏", "2026年8月31日前", "专栏已开设", 完成时间=date(2026, 8, 1)),
            _row(2, "在财务室安装监控", "2026年8月31日前", "监控已安装", 完成时间=date(2026, 8, 20))]
    codes = [c for c, _, _ in _findings(_ledger(tmp_path, rows))]
    assert "bad-status" not in codes


def test_a_completion_cell_agreeing_with_an_unfinished_row_is_no_error(tmp_path: Path) -> None:
    # a village clerk writes in 完成时间 that the work is not finished yet, or the day it is planned for
    rows = [_row(1, "整改措施1", "2026年12月31日前", "正在推进", 完成时间="未完成"),
            _row(2, "整改措施2", "长期坚持", "长期坚持", 完成时间="持续推进"),
            _row(3, "整改措施3", "2026年12月31日前", "正在推进", 完成时间="预计2026年11月"),
            _row(4, "整改措施4", "2026年10月31日前", "正在推进", 完成时间="计划10月底"),
            # said done with a day to come, or "not finished" beside 已完成: still told
            _row(5, "整改措施5", "2026年8月31日前", "已完成", 完成时间="预计2026年11月"),
            _row(6, "整改措施6", "2026年8月31日前", "已完成", 完成时间="未完成")]
    found = {(c, row) for c, row, _ in _findings(_ledger(tmp_path, rows, unit="某某村"))}
    told = {c for c, row in found if row in (4, 5, 6, 7) and c.startswith(("completion", "bad-completion"))}
    assert told == set()
    assert ("completion-in-future", 8) in found and ("bad-completion-date", 9) in found


@pytest.mark.parametrize(("cell", "status"), [
    # checked, nothing of the kind found: closed, as 经核查不属实 is
    ("未发现此类问题", D), ("经自查无此问题", D), ("自查未发现问题", D), ("经自查，未发现此类问题", D),
    # put right against the standard: done
    ("已对标整改", D),
    # the procedure going on, a request up for its word, on the agenda: going on
    ("程序推进中", P), ("已请示上级", P), ("已向上级请示", P), ("已列入议事日程", P),
])
def test_more_status_words_of_streets_and_enterprises(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["发现问题3个", "未发现问题整改", "尚未发现"])
def test_found_words_that_close_nothing(cell: str) -> None:
    assert read_status(cell).status is not D


def test_not_concerned_is_told_as_such(tmp_path: Path) -> None:
    rows = [_row(1, "整改措施1", "2026年8月31日前", "不涉及"), _row(2, "整改措施2", "2026年8月31日前", "本单位不涉及")]
    found = [msg for c, _, msg in _findings(_ledger(tmp_path, rows)) if c == "bad-status"]
    assert len(found) == 2
    # what to do with a measure not the unit's, not a list of progress words only, nor a deadline passed
    assert all("不涉及" in msg and "删除" in msg and "已过" not in msg for msg in found)


@pytest.mark.parametrize(("cell", "status"), [
    # the check made, nothing found: closed, the check its account
    ("已开展自查，未发现问题", D), ("组织全面排查，未发现此类问题", D),
])
def test_a_check_made_and_nothing_found(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert reading.status is status and reading.rest == cell.split("，")[0]


@pytest.mark.parametrize("cell", ["拟开展自查，未发现问题", "已开展自查，发现问题3个"])
def test_a_check_to_come_or_finding_something_is_not_closed(cell: str) -> None:
    assert read_status(cell).status is not D


@pytest.mark.parametrize("cell", ["全年", "全年内", "全年度"])
def test_the_whole_year_is_due_at_its_end(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (DeadlineKind.DATE, date(2026, 12, 31))
