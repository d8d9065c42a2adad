"""Statuses and deadlines as other offices write them (round 16): a short cell saying an action
was done (已开设专栏), a case reported to the discipline body to deal with, a draft only, the month
a monthly report says the work was done in, … Units, people and texts are fictional."""

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
D, P, N = Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED


def _row(n: int, measure: str, deadline: object, status: object, **more: object) -> dict[str, object]:
    row: dict[str, object] = {"序号": n, "issue": 1 + (n - 1) % 4, "整改措施": measure, "责任单位": "办公室",
                              "责任人": "李明", "整改时限": deadline, "整改状态": status}
    row.update(more)
    return row


def _codes(path: Path, as_of: date) -> list[tuple[str, int | None]]:
    return [(f.code, f.row) for f in api.check(path, Options(as_of=as_of)).findings]


# -- statuses a clerk means plainly ------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    # one action done to something, in the perfect: done
    ("已开设专栏", D), ("已开设曝光台", D), ("已更换门锁", D), ("已安装监控", D), ("已开通举报热线", D),
    ("已设置意见箱", D), ("已悬挂标识牌", D), ("已注销账户", D), ("已成立领导小组", D), ("已经关停", D),
    # reported to the discipline body or the police to deal with: handed on, as 已移送 is
    ("已报县纪委处理", D), ("已上报县纪委监委查处", D), ("已报送公安机关依法处理", D),
    # only drafted: to be passed and issued
    ("制度已起草", P), ("办法已拟定", P), ("已起草完毕", P),
    # the month or week a monthly report says it was done in; the coming one is the plan
    ("上月已完成", D), ("本月完成", D), ("当月已办结", D), ("上周已整改到位", D),
    ("下月完成", P), ("本月底前完成", P),
])
def test_status_words_a_clerk_means_plainly(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, "")


@pytest.mark.parametrize(("done", "not_done"), [
    # beside an action done: a step of the work, a part or a count of it, something found, a date
    # passed, a notice received, more still to come — none of them says the work is done
    ("已开设专栏", "已完成前期摸底"), ("已更换门锁", "已整改一半"), ("已注销账户", "已整改3项"),
    ("已安装监控", "已发现问题"), ("已悬挂标识牌", "已过期"), ("已设置意见箱", "已收到整改通知"),
    ("已开设专栏", "已开设专栏并拟长期坚持"),
    ("已报县纪委处理", "已报送县纪委"), ("已报县纪委处理", "已报上级主管部门"),
])
def test_an_action_done_is_told_from_a_step_towards_it(done: str, not_done: str) -> None:
    assert read_status(done).status is D
    assert read_status(not_done).status is not D


def test_a_street_office_ledger_reads_without_bad_status(tmp_path: Path) -> None:
    rows = [_row(1, "开设廉政教育专栏", "2026年8月31日前", "已开设专栏", 完成时间=date(2026, 7, 20)),
            _row(2, "对违规发放补贴问题线索进行移交", "2026年7月31日前", "已报县纪委处理", 完成时间=date(2026, 7, 10)),
            _row(3, "修订社区财务管理制度", "2026年12月31日前", "制度已起草"),
            _row(4, "更换办事大厅门禁", "2026年9月30日前", "上月已完成", 完成时间=date(2026, 8, 28))]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某街道办事处",
                        info={"反馈日期": date(2026, 6, 15), "报告日期": date(2026, 9, 10)})
    codes = _codes(path, date(2026, 9, 10))
    assert [c for c in codes if c[0] in ("bad-status", "overdue", "missing-status")] == []
    statuses = [m.status for m in api.read_ledger(path).measures()]
    assert statuses == [D, D, P, D]


# -- deadlines as other offices write them -------------------------------------------------------------

@pytest.mark.parametrize(("cell", "fb", "due"), [
    # before a season: the end of the month before it begins, the next one to come
    ("冬季前", date(2026, 6, 15), date(2026, 11, 30)),
    ("冬季前完成供暖设施检修", date(2026, 12, 15), date(2027, 11, 30)),  # not the winter under way
    ("入冬前", date(2026, 1, 10), date(2026, 11, 30)),
    ("2026年冬季前", date(2026, 6, 15), date(2026, 11, 30)),
    ("秋季前", date(2026, 6, 15), date(2026, 8, 31)),
    # the month or quarter it was written in, as 本月底前 is
    ("月底前", date(2026, 6, 15), date(2026, 6, 30)),
    ("月底前完成", date(2026, 12, 15), date(2026, 12, 31)),
    ("季度末", date(2026, 7, 20), date(2026, 9, 30)),
    # the next term's opening: the next opening after the feedback
    ("下学期开学前", date(2026, 6, 15), date(2026, 8, 31)),
    ("下学期开学前", date(2026, 10, 8), date(2027, 2, 28)),
])
def test_deadlines_counted_from_the_feedback(cell: str, fb: date, due: date) -> None:
    deadline = parse_deadline(cell, feedback_date=fb)
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize(("cell", "kind"), [
    ("即日起", DeadlineKind.IMMEDIATE), ("自即日起", DeadlineKind.IMMEDIATE), ("即日起整改", DeadlineKind.IMMEDIATE),
    ("即日起长期坚持", DeadlineKind.LONG_TERM),  # from today on, and kept up: nothing due at once
])
def test_from_this_day_on_is_at_once(cell: str, kind: DeadlineKind) -> None:
    deadline = parse_deadline(cell, feedback_date=date(2026, 6, 15))
    assert deadline.kind is kind
    assert deadline.due == (date(2026, 6, 15) if kind is DeadlineKind.IMMEDIATE else None)


def test_a_season_eve_and_a_month_end_in_a_ledger(tmp_path: Path) -> None:
    """A township's ledger fed back in December: 冬季前 is before next winter — not overdue in March
    — and 月底前 is this December's end, overdue in January; neither is bad-deadline."""
    rows = [_row(1, "完成供暖管网改造", "冬季前", "正在推进"),
            _row(2, "清退违规发放的取暖补贴", "月底前", "正在推进"),
            _row(3, "立即停止违规公车私用", "即日起", "已完成", 完成时间=date(2026, 12, 16))]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某镇人民政府",
                        info={"反馈日期": date(2026, 12, 15), "报告日期": date(2027, 3, 10)})
    codes = _codes(path, date(2027, 3, 10))
    assert [c for c in codes if c[0] in ("bad-deadline", "overdue")] == [("overdue", 5)]


# -- a completion date written without its year --------------------------------------------------------

def test_a_yearless_completion_before_the_feedback_is_no_day_to_come(tmp_path: Path) -> None:
    """完成时间 "3月5日" in a ledger fed back in June and reported in September: done on 5 March of
    that year (put right while the inspectors were there) — it had been read as next year's, and
    completion-in-future quoted 2027年3月5日, a year the clerk never wrote."""
    rows = [_row(1, "清理违规发放的津补贴", "2026年9月30日前", "已完成", 完成时间="3月5日"),
            _row(2, "修订财务管理制度", "10月31日前", "已完成", 完成时间="8月20日")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows,
                        info={"反馈日期": date(2026, 6, 15), "报告日期": date(2026, 9, 30)})
    found = api.check(path, Options(as_of=date(2026, 9, 30))).findings
    assert [f.code for f in found if f.code in ("completion-in-future", "completed-late")] == []
    assert not any("2027" in f.message for f in found)
    assert [m.completed_on for m in api.read_ledger(path).measures()] == [date(2026, 3, 5), date(2026, 8, 20)]


# -- the dates of 基本信息 in their order ---------------------------------------------------------------

def _info_findings(tmp_path: Path, info: dict[str, object]) -> list[tuple[str, str | None, str]]:
    rows = [_row(1, "清理违规发放的津补贴", "反馈后3个月内", "正在推进")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, info={"报告日期": date(2026, 9, 1), **info})
    found = api.check(path, Options(as_of=date(2026, 9, 1))).findings
    return [(f.sheet, f.cell, f.message) for f in found if f.code == "info-dates-out-of-order"]


def test_an_inspection_ending_before_it_began_is_told(tmp_path: Path) -> None:
    found = _info_findings(tmp_path, {"巡察开始": date(2026, 5, 10), "巡察结束": date(2026, 4, 20),
                                      "反馈日期": date(2026, 6, 15)})
    assert len(found) == 1
    sheet, cell, message = found[0]
    assert sheet == "基本信息" and cell is not None and cell.startswith("B")
    assert "巡察结束" in message and "2026年4月20日" in message and "2026年5月10日" in message


def test_a_feedback_before_the_inspection_ended_is_told(tmp_path: Path) -> None:
    found = _info_findings(tmp_path, {"巡察开始": date(2026, 3, 1), "巡察结束": date(2026, 4, 20),
                                      "反馈日期": date(2025, 6, 15)})
    assert [("反馈日期" in m and "2025年6月15日" in m) for _, _, m in found] == [True]


def test_dates_in_their_order_say_nothing(tmp_path: Path) -> None:
    """In order, or a report drawn up ahead of the 反馈会, or a feedback given to its month: no finding —
    beside an inspection that ends before it begins (so the test fails before the rule)."""
    assert _info_findings(tmp_path, {"巡察开始": date(2026, 3, 1), "巡察结束": date(2026, 4, 20),
                                     "反馈日期": date(2026, 9, 15)}) == []
    assert _info_findings(tmp_path, {"巡察结束": date(2026, 4, 20), "反馈日期": "2026年4月"}) == []
    assert len(_info_findings(tmp_path, {"巡察开始": date(2026, 5, 1), "巡察结束": date(2026, 4, 30)})) == 1


# -- words of a hospital, a school district, a state company, a bank branch, a street office ----------

@pytest.mark.parametrize(("cell", "status"), [
    # money handed back (退还 is no "still")
    ("已全部退还患者", D), ("已退还学生资料费", D),
    # a whole task said done (not a step of it)
    ("已完成维修", D), ("已完成系统改造", D), ("已完成清收", D),
    # a lawsuit or the courts' process: the case goes on
    ("已起诉", P), ("已进入司法程序", P), ("已申请强制执行", P), ("已向法院提起诉讼", P),
    # within the time allowed: not yet due, going on
    ("未到整改期限", P), ("在整改期限内", P), ("整改期内", P),
    # the school's term as a monthly report's month
    ("本学期已完成", D), ("下学期完成", P),
    # sent to the discipline body: waiting for its word; people or money in place
    ("已报送纪委", P), ("人员已到位", D),
])
def test_status_words_of_other_offices(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, "")


@pytest.mark.parametrize(("done", "step"), [
    ("已完成维修", "已完成前期摸底"), ("已完成系统改造", "已完成方案编制"), ("已完成清收", "已完成第一阶段整改"),
    ("已完成维修", "已起诉并胜诉"),
])
def test_a_task_done_is_told_from_a_step_of_it(done: str, step: str) -> None:
    assert read_status(done).status is D
    assert read_status(step).status is not D


@pytest.mark.parametrize(("cell", "due"), [
    ("短期2026年9月，长期坚持", date(2026, 9, 30)),
    ("短期2026年9月底前完成；长期坚持", date(2026, 9, 30)),
    ("近期2026年8月底前，长期常态化推进", date(2026, 8, 31)),
])
def test_a_short_term_date_labelled_without_a_colon(cell: str, due: date) -> None:
    """"短期" typed straight before its date, as "短期：…" is read: the date, then kept up — it had
    been read as long term alone, so the short-term date was never overdue."""
    deadline = parse_deadline(cell, feedback_date=date(2026, 6, 15))
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE_AND_LONG_TERM, due)


@pytest.mark.parametrize(("cell", "status"), [
    # the month or day it was done, before the status ("8月份已完成", "9.15已完成")
    ("8月份已完成", D), ("9.15已完成", D),
    # waiting to be dealt with: not begun, as 待整改 is
    ("待落实", N), ("待处理", N), ("待办理", N),
    # the cause named by what is wanting, then the status
    ("因资金问题暂缓", P), ("受资金限制延期", P),
])
def test_a_status_after_its_day_or_its_cause(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, "")


# -- no 反馈日期: the year of a deadline and of a completion date agree ---------------------------------

def test_a_february_report_dates_a_yearless_deadline_as_its_completion(tmp_path: Path) -> None:
    """No 反馈日期, a report of 10 February 2027: "10月5日" done can only be 2026's, and so is
    "10月31日前" — it had been read as 2027-10-31 (eight months ahead, nothing overdue) beside a
    completion a year before it; "3月底前" is the coming March."""
    rows = [_row(1, "清理违规发放的津补贴", "10月31日前", "已完成", 完成时间="10月5日"),
            _row(2, "修订财务管理制度", "10月31日前", "正在推进"),
            _row(3, "开展警示教育", "3月底前", "正在推进")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, info={"反馈日期": None, "报告日期": date(2027, 2, 10)})
    measures = list(api.read_ledger(path).measures())
    assert [m.deadline.due for m in measures] == [date(2026, 10, 31), date(2026, 10, 31), date(2027, 3, 31)]
    assert measures[0].completed_on == date(2026, 10, 5)
    found = api.check(path).findings
    assert [(f.code, f.row) for f in found if f.code in ("overdue", "due-soon", "completed-late")] == [("overdue", 5)]
    said = [f.message for f in found if f.code == "deadline-year-assumed"]
    assert len(said) == 1 and "2027年2月10日" in said[0] and "2026年10月31日" in said[0]


@pytest.mark.parametrize(("cell", "due"), [
    ("2026年H1", date(2026, 6, 30)), ("2026H1前完成", date(2026, 6, 30)), ("2026年H2", date(2026, 12, 31)),
])
def test_a_half_year_as_a_company_plan_writes_it(cell: str, due: date) -> None:
    """"2026H1" is the first half of 2026 — it had been read as the year's end."""
    assert parse_deadline(cell).due == due


@pytest.mark.parametrize(("cell", "status"), [
    ("Y", D), ("N", P), ("Yes", D), ("No", P),  # a 是否完成 column exported as Y / N, read as 是 / 否
    ("已还款", D), ("已组织处理", D),  # 还 of 还款 is no "still"; 组织处理 is a discipline given
])
def test_a_bank_s_yes_no_and_discipline_words(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize(("cell", "status", "continuing"), [
    # put among the everyday work, or done on a schedule: kept up, as a recurring deadline is
    ("纳入日常监管", Status.LONG_TERM, False), ("已转入日常监管", Status.LONG_TERM, False),
    ("常态化监管", Status.LONG_TERM, False), ("按月推进", Status.LONG_TERM, False),
    ("每季度通报", Status.LONG_TERM, False), ("定期督查", Status.LONG_TERM, False),
    ("跟踪问效", Status.LONG_TERM, False),
    # done, then kept up
    ("整改已完成，转入日常管理", D, True), ("已完成，定期督查", D, True),
])
def test_work_kept_up_as_everyday_work(cell: str, status: Status, continuing: bool) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.continuing, reading.rest) == (status, continuing, "")


@pytest.mark.parametrize(("cell", "fb", "due"), [
    # the school year under way on the feedback date ends on August 31; the next one a year later
    ("本学年", date(2026, 6, 15), date(2026, 8, 31)), ("学年末", date(2026, 10, 8), date(2027, 8, 31)),
    ("本学年内完成", date(2026, 10, 8), date(2027, 8, 31)), ("下学年", date(2026, 6, 15), date(2027, 8, 31)),
    # before the end of the term, the new school year's opening
    ("本学期末前", date(2026, 10, 8), date(2027, 1, 31)), ("新学年开学前", date(2026, 6, 15), date(2026, 8, 31)),
])
def test_a_school_district_s_school_year(cell: str, fb: date, due: date) -> None:
    deadline = parse_deadline(cell, feedback_date=fb)
    assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize(("cell", "rest"), [
    # an action done, then what it says of it: done, the rest its narrative
    ("已安装监控，运行正常", "运行正常"), ("已开设专栏（见附件）", "见附件"),
    ("已开设专栏，已发布信息5条", "已发布信息5条"),
    # a count of people, meetings or money after the action
    ("已处理3人", ""), ("已约谈3人次", ""), ("已追回资金2.5万元", ""), ("已安装监控设备12台", ""),
])
def test_an_action_done_with_its_narrative(cell: str, rest: str) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (D, rest)


@pytest.mark.parametrize(("done", "unread"), [
    # beside an action done with its narrative: something still to do or not right after it, a count of
    # the problems' items, an account of a task — left for the clerk
    ("已安装监控，运行正常", "已开设专栏，但未正常更新"), ("已开设专栏（见附件）", "已开设专栏，待审核后上线"),
    ("已处理3人", "已整改3项"), ("已追回资金2.5万元", "已完成轮岗交流12人。"),
])
def test_an_action_with_more_to_do_is_left_for_the_clerk(done: str, unread: str) -> None:
    assert read_status(done).status is D
    assert read_status(unread).status is None


def test_a_date_worked_out_from_words_says_which_words(tmp_path: Path) -> None:
    """Overdue and due-soon name the date rectxl worked out from "月底前", "冬季前", "2026H1" — and the
    words it came from, so that a clerk who wrote none of its figures sees why (a date written keeps
    its message as it was)."""
    rows = [_row(1, "完成供暖管网改造", "冬季前", "正在推进"), _row(2, "清退取暖补贴", "月底前", "正在推进"),
            _row(3, "整治村容村貌", "2026H1", "正在推进"), _row(4, "修订财务制度", "2026年9月30日前", "正在推进")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows,
                        info={"反馈日期": date(2026, 6, 20), "报告日期": date(2026, 11, 25)})
    said = {f.row: f.message for f in api.check(path).findings if f.code in ("overdue", "due-soon")}
    assert "2026年11月30日，按“冬季前”推算" in said[4]
    assert "2026年6月30日（按“月底前”推算）" in said[5]
    assert "2026年6月30日（按“2026H1”推算）" in said[6]
    assert "推算" not in said[7]


@pytest.mark.parametrize("cell", [
    # asked, told or sent on; the groundwork; a date reached: the decision or the work is still to come
    "已讨论", "已请示", "已沟通", "已汇报", "已告知", "已发函", "已转交", "已交县财政局", "已下达任务", "已分解任务",
    "已细化措施", "已摸清底数", "已进场", "已签合同", "已排期", "已到期", "已提出整改意见", "已测算",
])
def test_a_step_told_in_the_perfect_is_not_done(cell: str) -> None:
    assert read_status(cell).status is not D


def test_a_status_column_of_the_days_work_was_finished(tmp_path: Path) -> None:
    """A 完成情况 column holding the day each measure was finished (an Excel date, "2026.8.20",
    "8月20日"): done on that day, as "2026年8月完成" is — each had been bad-status; a day after the
    report date is the day planned (going on), and a word is still read as a word."""
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况", "整改进展"]
    rows: list[dict[str, object]] = [
        {"序号": 1, "issue": 1, "整改措施": "清退违规发放的补贴", "责任单位": "财务股", "责任人": "李明",
         "整改时限": "2026年9月30日前", "完成情况": date(2026, 8, 20)},
        {"序号": 2, "issue": 2, "整改措施": "修订财务管理制度", "责任单位": "办公室", "责任人": "王芳",
         "整改时限": "2026年9月30日前", "完成情况": "2026.9.15"},
        {"序号": 3, "issue": 3, "整改措施": "开展廉政培训", "责任单位": "人事股", "责任人": "赵强",
         "整改时限": "2026年12月31日前", "完成情况": "8月20日"},
        {"序号": 4, "issue": 4, "整改措施": "整治办公用房", "责任单位": "办公室", "责任人": "王芳",
         "整改时限": "2026年12月31日前", "完成情况": "2026.12.20"},
    ]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows,
                        info={"反馈日期": date(2026, 6, 20), "报告日期": date(2026, 10, 25)})
    measures = list(api.read_ledger(path).measures())
    assert [m.status for m in measures] == [D, D, D, P]
    assert [m.completed_on for m in measures] == [date(2026, 8, 20), date(2026, 9, 15), date(2026, 8, 20), None]
    assert [f.code for f in api.check(path).findings if f.severity.value == "error"] == []


@pytest.mark.parametrize("cell", [
    "已对相关责任人进行问责", "已对相关责任人进行经济处罚", "已对2名干部进行诫勉谈话", "已对责任人给予党内警告处分",
    "已对3名责任人作出组织处理",
])
def test_discipline_given_to_whom_it_names(cell: str) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (D, "")


def test_a_completion_month_is_quoted_as_the_month(tmp_path: Path) -> None:
    """完成时间 "2026年8月" after a deadline of July 31: late, and said so by its month — it had been
    quoted as 2026年8月31日, a day the clerk never wrote."""
    rows = [_row(1, "清退违规发放的补贴", "2026年7月31日前", "已完成", 完成时间="2026年8月"),
            _row(2, "修订财务管理制度", "2026年7月31日前", "已完成", 完成时间="2026年8月20日")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows,
                        info={"反馈日期": date(2026, 6, 20), "报告日期": date(2026, 10, 25)})
    said = [f.message for f in api.check(path).findings if f.code == "completed-late"]
    assert len(said) == 2
    assert said[0].startswith("完成时间2026年8月晚于") and "8月31日" not in said[0]
    assert said[1].startswith("完成时间2026年8月20日晚于")


@pytest.mark.parametrize("cell", ["已交巡察办验收", "已提交县巡察办验收", "已送县纪委验收", "已完成，已交巡察办验收"])
def test_work_handed_in_for_acceptance_awaits_it(cell: str) -> None:
    """Handed in to be checked: done, awaiting acceptance (待验收), as 待巡察办验收 is."""
    reading = read_status(cell)
    assert (reading.status, reading.stage) == (D, Stage.AWAITING)


def test_a_yes_no_column_answered_with_yi_and_wei(tmp_path: Path) -> None:
    """A 是否整改到位 column answered 已 / 未, as 是 / 否 answer it: done, and not yet (overdue when
    its deadline has passed) — each had been bad-status."""
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "是否整改到位"]
    rows: list[dict[str, object]] = [
        {"序号": 1, "issue": 1, "整改措施": "清退违规发放的补贴", "责任单位": "财务股", "责任人": "李明",
         "整改时限": "2026年9月30日前", "是否整改到位": "已"},
        {"序号": 2, "issue": 2, "整改措施": "修订财务管理制度", "责任单位": "办公室", "责任人": "王芳",
         "整改时限": "2026年9月30日前", "是否整改到位": "未"},
    ]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows,
                        info={"反馈日期": date(2026, 6, 20), "报告日期": date(2026, 10, 25)})
    assert [m.status for m in api.read_ledger(path).measures()] == [D, P]
    assert [(f.code, f.row) for f in api.check(path).findings if f.severity.value == "error"] == [("overdue", 5)]
