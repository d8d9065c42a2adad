"""Statuses, deadlines and the desk commands (remind, summary) on ledgers written the way other
offices write them (round 15): a ledger drawn up before its 反馈会; status words of hospitals,
schools, companies and street offices (已开展专项检查, 已督促…整改, 暂无进展, 已批评教育) … Units, people and texts are
fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.deadline import parse_deadline
from rectxl.core.letters import plan_reminders
from rectxl.core.rules.context import Options
from rectxl.core.status import Status, read_status
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import write_ledger

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展"]


def _row(n: int, measure: str, deadline: object, status: str, **more: object) -> dict[str, object]:
    row: dict[str, object] = {"序号": n, "issue": 1 + (n - 1) % 4, "整改措施": measure, "责任单位": "办公室",
                              "责任人": "李明", "整改时限": deadline, "整改状态": status}
    row.update(more)
    return row


# -- 立行立改 before the feedback ---------------------------------------------------------------------

def _before_feedback(tmp_path: Path) -> Path:
    rows = [_row(1, "立即清理违规发放的津补贴", "立行立改", "正在推进"),
            _row(2, "制定津补贴发放管理办法", "2025年9月30日前", "正在推进")]
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows,
                        info={"反馈日期": date(2025, 7, 15), "报告日期": date(2025, 7, 1)})


def test_nothing_is_chased_before_the_feedback_is_given(tmp_path: Path) -> None:
    """A ledger drawn up ahead of the 反馈会: its 立行立改 measure is not yet due, so no 督办通知."""
    ledger = read_ledger(_before_feedback(tmp_path))
    plan = plan_reminders(ledger, as_of=date(2025, 7, 1))
    assert [item for unit in plan.units for letter in unit.letters for item in letter.items] == []
    assert plan.rows == []
    codes = {f.code for f in api.check(_before_feedback(tmp_path), Options(as_of=date(2025, 7, 1))).findings}
    assert "overdue" not in codes


def test_at_once_is_overdue_from_the_feedback_on(tmp_path: Path) -> None:
    found = api.check(_before_feedback(tmp_path), Options(as_of=date(2025, 7, 16))).findings
    assert [(f.code, f.row) for f in found if f.code == "overdue"] == [("overdue", 4)]


# -- status words of hospitals, schools, companies and street offices ----------------------------

D, P, N = Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED


@pytest.mark.parametrize(("cell", "status"), [
    # an action begun, or others told to act: begun, nothing says it is finished
    ("已开展专项检查", P), ("已组织开展专项检查", P), ("已开工建设", P), ("已督促相关科室整改", P),
    ("已责令整改", P), ("已申报", P),
    # a part of it put right
    ("已整改（部分）", P), ("已落实(部分)", P),
    # nothing to report: not begun; no real progress: begun
    ("无进展", N), ("暂无进展", N), ("目前无进展", N), ("暂无实质性进展", P),
    # a meeting held, a notice issued, talks and reproofs given, a check or training held: done
    ("已召开专题会议", D), ("已下发通知", D), ("已下发整改通知书", D), ("已提醒谈话", D), ("已批评教育", D),
    ("已书面检查", D), ("已全面排查", D), ("已排查完毕", D), ("已核实", D), ("已培训", D), ("已组织学习", D),
])
def test_status_words_other_offices_use(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, "")


@pytest.mark.parametrize("cell", [
    # a begun action with a completion after it is not read as begun (the clerk is asked)
    "已开展自查并整改到位", "已开展专项检查，发现问题已整改",
    # a cell contradicting itself stays unread
    "已完成（正在推进）",
])
def test_a_begun_action_followed_by_more_is_not_read_as_begun(cell: str) -> None:
    assert read_status(cell).status is not P


def test_a_ledger_of_such_words_has_no_bad_status(tmp_path: Path) -> None:
    words = ["已开展专项检查", "已督促相关科室整改", "暂无进展", "已召开专题会议", "已批评教育", "已核实"]
    rows = [_row(i, f"措施{i}：开展相关工作", "2026年12月31日前", w) for i, w in enumerate(words, start=1)]
    found = api.check(write_ledger(tmp_path / "台账.xlsx", HEADER, rows), Options()).findings
    assert [f.row for f in found if f.code == "bad-status"] == []


# -- people written beside the towns in the unit cell ----------------------------------------------

_TOWNS = ["序号", "方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"]


@pytest.mark.parametrize(("cell", "people"), [
    ("东山镇（张三）、西河镇", {"东山镇": "张三", "西河镇": ""}),
    ("东山镇、西河镇（李四）", {"东山镇": "", "西河镇": "李四"}),
    ("东山镇（张三）、西河镇（李四）", {"东山镇": "张三", "西河镇": "李四"}),
    ("东山镇/张三，西河镇/李四", {"东山镇": "张三", "西河镇": "李四"}),
])
def test_each_town_has_only_the_person_written_with_it(tmp_path: Path, cell: str, people: dict[str, str]) -> None:
    """No 责任人 column: the person written with one town is not the other town's."""
    rows = [{"序号": 1, "issue": 1, "整改措施": "整治村级财务", "责任单位": cell, "整改时限": "2026年10月31日",
             "整改状态": "正在推进"}]
    ledger = read_ledger(write_ledger(tmp_path / "台账.xlsx", _TOWNS, rows))
    plan = plan_reminders(ledger, as_of=date(2026, 10, 25))
    assert {row.unit: row.person for row in plan.rows} == people
    sent = {u.unit: it.handler for u in plan.units for letter in u.letters for it in letter.items}
    assert sent == people


# -- a yearless 完成时间 takes the year a yearless deadline takes ------------------------------------

def _yearless(tmp_path: Path, info: dict[str, object]) -> list[tuple[date | None, date | None]]:
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间"]
    rows = [_row(1, "开展自查", "10月31日前", "已完成", 完成时间="9月25日"),
            _row(2, "开展复查", "12月底前", "已完成", 完成时间="11月5日")]
    ledger = read_ledger(write_ledger(tmp_path / "台账.xlsx", header, rows, info=info))
    return [(m.deadline.due, m.completed_on) for issue in ledger.issues() for m in issue.measures]


def test_a_yearless_completion_takes_the_year_of_the_inspection_as_the_deadlines_do(tmp_path: Path) -> None:
    """No 反馈日期, the inspection ended 2026-05-30, reported on 2027-11-20: "10月31日前" is 2026 (as
    the info finding says), and "9月25日" done under it is 2026 too — not 2027, a year late."""
    info: dict[str, object] = {"反馈日期": None, "巡察结束日期": date(2026, 5, 30), "报告日期": date(2027, 11, 20)}
    assert _yearless(tmp_path, info) == [(date(2026, 10, 31), date(2026, 9, 25)),
                                         (date(2026, 12, 31), date(2026, 11, 5))]
    path = tmp_path / "台账.xlsx"
    assert [f.row for f in api.check(path, Options()).findings if f.code == "completed-late"] == []


def test_a_yearless_completion_is_not_after_the_report(tmp_path: Path) -> None:
    """Reported on 2026-09-10 with no 反馈日期: "9月25日" done is the year before's, not a day to come."""
    info: dict[str, object] = {"反馈日期": None, "报告日期": date(2026, 9, 10)}
    assert [done for _, done in _yearless(tmp_path, info)] == [date(2025, 9, 25), date(2025, 11, 5)]


# -- 年前: before the (lunar) new year -------------------------------------------------------------

@pytest.mark.parametrize(("text", "feedback", "due"), [
    # fed back in June: the Spring Festival after it (2027-02-06), due the day before
    ("年前", date(2026, 6, 18), date(2027, 2, 5)), ("年前完成", date(2026, 6, 18), date(2027, 2, 5)),
    ("力争年前整改到位", date(2026, 6, 18), date(2027, 2, 5)), ("过年前", date(2026, 6, 18), date(2027, 2, 5)),
    # fed back in January: the festival a month later, not the end of the year
    ("年前", date(2026, 1, 10), date(2026, 2, 16)),
    ("8月底前完成自查，年前整改到位", date(2026, 6, 18), date(2027, 2, 5)),
    # the calendar year's end when the year is written
    ("2026年年前", date(2026, 6, 18), date(2026, 12, 31)), ("今年年前", date(2026, 6, 18), date(2026, 12, 31)),
    ("年底前", date(2026, 6, 18), date(2026, 12, 31)),
])
def test_nianqian_is_before_the_spring_festival(text: str, feedback: date, due: date) -> None:
    assert parse_deadline(text, feedback_date=feedback).due == due


def test_the_message_says_how_nianqian_was_read(tmp_path: Path) -> None:
    """A school fed back on 2026-01-10 wrote 年前: overdue after 2026-02-16, and the message says the
    deadline was read as 春节前 and what to write for the calendar year's end."""
    rows = [_row(1, "完成食堂改造", "年前", "正在推进"), _row(2, "完成图书馆改造", "年底前", "正在推进")]
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某县第一中学",
                        info={"反馈日期": date(2026, 1, 10), "报告日期": date(2026, 2, 20)})
    found = [f for f in api.check(path, Options()).findings if f.code in ("overdue", "due-soon")]
    assert [(f.code, f.row) for f in found] == [("overdue", 4)]
    assert "2026年2月16日" in found[0].message and "春节前" in found[0].message
    assert "2026年12月31日前" in found[0].message
    soon = [f for f in api.check(path, Options(as_of=date(2026, 2, 10))).findings if f.code == "due-soon"]
    assert [f.row for f in soon] == [4] and "春节前" in soon[0].message


# -- the summary's 逾期清单 names who does the work ---------------------------------------------------

def test_the_overdue_list_names_the_person_responsible(tmp_path: Path) -> None:
    """An auditor chasing an overdue measure needs the 责任人, not only the unit and its leader; a
    逾期清单 written before the column is still told for rectxl's by its first columns."""
    from openpyxl import load_workbook

    from rectxl.core.sheets import OUTPUT_HEADERS

    header = [*HEADER[:5], "责任领导", *HEADER[5:]]
    rows = [_row(1, "清理违规发放津补贴", "2026年9月30日前", "正在推进", 责任人="周敏", 责任领导="王副院长"),
            _row(2, "修订财务报销制度", "2026年12月31日前", "正在推进", 责任人="吴刚", 责任领导="王副院长")]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, unit="某某县人民医院")
    _, out = api.summary_workbook(path, tmp_path / "汇总.xlsx")
    sheet = load_workbook(out)["逾期清单"]
    table = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    column = table[0].index("责任人")
    assert [(r[2], r[column]) for r in table[1:] if r[0] is not None] == [("清理违规发放津补贴", "周敏")]
    row, signature = OUTPUT_HEADERS["逾期清单"]
    assert row == 1 and tuple(table[0][:len(signature)]) == signature


@pytest.mark.parametrize(("cell", "status"), [
    # a hospital's, a school's, a state company's and a street office's words
    ("已建立台账", D), ("已建档", D), ("已组织全院职工学习", D), ("已扣发绩效", D), ("已退回违规收取费用", D),
    ("已清退多收费用", D), ("已完成账务调整", D), ("已调账", D), ("已经党委会审议通过", D), ("方案已印发", D),
    ("制度已修订", D), ("已张贴", D), ("已更换", D), ("已安装", D), ("已采购", D), ("已维修", D), ("已发文", D),
    ("已召开专题民主生活会", D),
    # handed up for a decision, not yet due: going on
    ("已报上级主管部门", P), ("未到期", P), ("尚未到期", P),
])
def test_status_words_of_hospitals_schools_and_companies(cell: str, status: Status) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, "")


@pytest.mark.parametrize(("cell", "status"), [
    # a count done of a total: going on until all of it is done
    ("已完成3项/共4项", P), ("共4项，已完成3项", P), ("已整改2个（共5个）", P), ("已完成3项，共4项", P),
    ("共4项已完成4项", D),
])
def test_a_count_done_of_a_total(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize(("cell", "status"), [
    # a share of the task ("…任务的80%") reads as the share alone; 自查自纠 done as 自查 is
    ("已完成整改任务的80%", Status.MOSTLY_DONE), ("已完成计划的60%", P), ("已完成任务的100%", D),
    ("已自查自纠", D),
])
def test_a_share_of_the_task_and_self_checks(cell: str, status: Status) -> None:
    assert read_status(cell).status is status
