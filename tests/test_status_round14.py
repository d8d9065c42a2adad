"""Status and deadline words of ledgers written the way other offices write them (round 14):
consolidating and dynamic-clearing words (巩固提升中, 已动态清零), a year's or a stage's target met
(已完成年度目标), a share in brackets after 整改中 read as the same share alone, work handed on or
only drafted (已交办, 已立案, 已形成初稿), built and in use (已建成, 已投用); a ledger with no
status column whose 整改情况 holds only accounts beside a 完成时间; and deadlines that name no
year in a ledger stating only its 报告日期, or a flood season. Units, people and texts are
fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.deadline import R_EVENT, parse_deadline
from rectxl.core.status import Status, read_status
from tests.followup_ledgers import AS_OF, write_ledger

D, M, P, L = Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS, Status.LONG_TERM


# -- status words ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "status", "continuing"), [
    # keeping up what was put right: long-term work, as 持续巩固 is
    ("巩固提升", L, False), ("巩固提升中", L, False), ("巩固整改成果", L, False),
    # the list cleared and kept clear: done, and going on
    ("动态清零", D, True), ("已动态清零", D, True),
    ("动态管理", L, False), ("滚动推进", L, False),
    # a year's or a stage's part of the task: staged, as 已完成阶段性目标 is
    ("已完成年度目标", M, False), ("年度目标已完成", M, False), ("已完成2026年度任务", M, False),
    ("阶段完成", M, False), ("完成阶段性整改", M, False), ("已完成大部分", M, False),
    # begun, not done
    ("已交办", P, False), ("已立案", P, False), ("已纳入年度计划", P, False), ("已列入2027年预算", P, False),
    ("已形成初稿", P, False), ("已完成初稿", P, False),
    # built, in use, handed to the body that deals with it
    ("已建成", D, False), ("已投入使用", D, False), ("已上线", D, False), ("已移交纪委", D, False),
    ("已移送县纪委监委处理", D, False),
])
def test_status_words_other_offices_use(cell: str, status: Status, continuing: bool) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.continuing, reading.rest) == (status, continuing, "")


@pytest.mark.parametrize(("cell", "status", "stage"), [
    # a decision still to come, or a step of a project: going on
    ("已上会研究", P, None), ("已报县政府审批", P, None), ("方案已报批", P, None), ("已达序时进度", P, None),
    ("超序时进度", P, None), ("项目已开工", P, None), ("已完成招投标", P, None), ("已完成立项", P, None),
    # done: discipline given, money paid out, accounts and rules set up, works accepted
    ("已给予党内警告处分", D, None), ("已拨付", D, None), ("已建账立制", D, None), ("已竣工验收", D, "已验收"),
    ("已完成大部分整改", M, None), ("已上线运行", D, None), ("系统已上线", D, None), ("已给予诫勉谈话", D, None),
])
def test_status_words_of_county_bureaus_and_companies(cell: str, status: Status, stage: str | None) -> None:
    """Status cells of a 县发改局, a 城投公司 and a 县卫健局 that had been bad-status."""
    reading = read_status(cell)
    assert (reading.status, reading.stage, reading.rest) == (status, stage, "")


@pytest.mark.parametrize(("bracketed", "alone"), [
    ("整改中（已完成80%）", "已完成80%"), ("正在推进（完成90%）", "完成90%"),
    ("推进中（已完成三分之二）", "已完成三分之二"),
])
def test_a_share_in_brackets_after_in_progress_reads_as_the_share(bracketed: str, alone: str) -> None:
    """"整改中（已完成80%）" and "已完成80%" say the same: how far it got (80% is 基本完成 by the
    same rule as everywhere else)."""
    assert read_status(bracketed).status is read_status(alone).status is not None



# -- a ledger with no status column: accounts and a completion date --------------------------------

def _account_row(issue: int, measure: str, deadline: str, finished: str | None, account: str) -> dict[str, object]:
    return {"issue": issue, "整改措施": measure, "责任单位": "法制室", "责任人": "李伟", "整改时限": deadline,
            "完成时间": finished, "整改情况": account, "佐证材料": "相关台账"}


ACCOUNTS = [
    # a completion date on or before the report date: done, whatever the account says
    _account_row(1, "集中整理执法档案", "2026年10月31日", "2026年10月20日", "共整理归档执法卷宗860卷，逐卷编目。"),
    _account_row(1, "约谈相关责任人", "2026年8月31日", "2026年9月10日", "约谈3名责任人，下发整改通知书。"),
    # the account says it is finished
    _account_row(2, "完善档案管理制度", "2026年10月31日", None, "已建立档案借阅登记制度并印发执行。"),
    _account_row(2, "清理闲置资产", "2026年9月30日", None, "闲置资产已全部清理处置完毕。"),
    _account_row(3, "开展专项培训", "2026年9月30日", None, "已于8月完成全员培训，参训120人次。"),
    # the account says it goes on, or only what comes next
    _account_row(3, "推进档案信息系统建设", "2026年12月31日", None, "目前已完成方案起草，待局党组会审议。"),
    _account_row(4, "健全档案管理长效机制", "2026年12月31日", None, "下一步将结合年度考核逐步推开。"),
    # nothing a person could read a status from
    _account_row(4, "加强执法监督", "2026年12月31日", None, "组织专题学习，强化思想认识。"),
]
ACCOUNT_HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "完成时间", "整改情况",
                  "佐证材料")


@pytest.mark.parametrize(("status_word", "finished_word"), [("整改情况", "完成时间"), ("整改落实情况", "实际完成时间")])
def test_accounts_beside_a_completion_date_are_read_as_a_person_reads_them(
        tmp_path: Path, status_word: str, finished_word: str) -> None:
    """A 法制室 ledger with no 整改状态 column: its 整改情况 (or 整改落实情况) accounts and 完成时间
    say how far each measure got — every row had been bad-status (or, read as progress, overdue)."""
    rename = {"整改情况": status_word, "完成时间": finished_word}
    header = tuple(rename.get(h, h) for h in ACCOUNT_HEADER)
    rows = [{rename.get(k, k): v for k, v in row.items()} for row in ACCOUNTS]
    ledger = write_ledger(tmp_path / "法制室整改台账.xlsx", header, rows, unit="某某县公安局")
    report = api.check(ledger)
    assert report.as_of == AS_OF
    measures = list(api.read_ledger(ledger).measures())
    assert [m.status for m in measures] == [D, D, D, D, D, P, P, None]
    found = {(f.code, f.row) for f in report.findings if f.severity.value in ("error", "warning")}
    # (no overdue: the finished rows are read as finished; with 整改落实情况 as the progress column the
    # missing 整改状态 column is still said once, at the header — a status read is not a status stated)
    assert not {code for code, row in found if row != 11} - {"missing-completion-date", "header-missing"}, found
    # the finished one with its date after the deadline is completed-late, as any done row is
    assert ("completed-late", 5) in {(f.code, f.row) for f in report.findings}
    assert measures[0].completed_on == date(2026, 10, 20)
    # the account is the progress the notice writes
    assert measures[2].progress == "已建立档案借阅登记制度并印发执行。"
    if status_word == "整改落实情况":  # the missing column says which rows were read how
        (missing,) = [f for f in report.findings if f.code == "header-missing"]
        assert "按完成时间或进展的叙述推断" in missing.message


def test_an_unreadable_account_is_asked_for_its_status_or_its_completion_date(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "法制室整改台账.xlsx", ACCOUNT_HEADER, ACCOUNTS, unit="某某县公安局")
    bad = [f for f in api.check(ledger).findings if f.code == "bad-status"]
    assert [f.cell for f in bad] == ["I11"]
    assert "请在开头写明状态" in bad[0].message and "完成时间" in bad[0].message


# -- a deadline without its year, in a ledger giving no feedback date --------------------------------

def _deadline_row(issue: int, measure: str, deadline: str, status: str = "正在推进") -> dict[str, object]:
    return {"issue": issue, "整改措施": measure, "责任单位": "办公室", "责任人": "王某", "整改时限": deadline,
            "整改状态": status, "整改进展": "", "佐证材料": ""}


HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展", "佐证材料")

YEARLESS = [
    _deadline_row(1, "修订机关财务管理制度", "9月底前"),
    _deadline_row(1, "开展干部作风专项整治", "12月底前"),
    _deadline_row(2, "完成农村危房改造", "第四季度"),
    _deadline_row(2, "清理闲置办公用房", "2个月内"),  # counted from the feedback: no year stands in for it
    _deadline_row(3, "整治村容村貌", "今年底"),  # the year the ledger is written in
    _deadline_row(3, "规范公务用车管理", "2026年10月31日前", "已完成"),
]


def test_a_deadline_without_its_year_takes_the_report_dates_year_and_says_so(tmp_path: Path) -> None:
    """基本信息 with a 报告日期 and no 反馈日期: "9月底前" had been bad-deadline on every row; the
    ledger is written in the report's year, so it is 2026年9月30日 — overdue on 2026-11-20 — and
    rectxl says once where the year came from."""
    ledger = write_ledger(tmp_path / "乡政府整改台账.xlsx", HEADER, YEARLESS, unit="某某乡人民政府",
                          info={"反馈日期": None})
    report = api.check(ledger)
    measures = list(api.read_ledger(ledger).measures())
    assert [m.deadline.due for m in measures] == [date(2026, 9, 30), date(2026, 12, 31), date(2026, 12, 31), None,
                                                  date(2026, 12, 31), date(2026, 10, 31)]
    codes = [(f.code, f.cell) for f in report.findings]
    assert ("overdue", "G4") in codes
    assert [c for c in codes if c[0] == "bad-deadline"] == [("bad-deadline", "G7")]
    said = [f for f in report.findings if f.code == "deadline-year-assumed"]
    assert [f.cell for f in said] == ["G4"]
    assert "报告日期" in said[0].message and "2026年9月30日" in said[0].message and "4项" in said[0].message


def test_the_inspections_end_gives_the_year_before_the_report_date(tmp_path: Path) -> None:
    """巡察结束 in November 2025, the report in 2026: "3月底前" is the March after the inspection."""
    rows = [_deadline_row(1, "修订机关财务管理制度", "3月底前", "已完成")]
    ledger = write_ledger(tmp_path / "乡政府整改台账.xlsx", HEADER, rows, unit="某某乡人民政府",
                          info={"反馈日期": None, "巡察结束": date(2025, 11, 28)})
    assert [m.deadline.due for m in api.read_ledger(ledger).measures()] == [date(2026, 3, 31)]


# -- deadlines as other offices write them ----------------------------------------------------------

@pytest.mark.parametrize(("cell", "due"), [
    ("半年", date(2026, 12, 18)), ("用半年时间", date(2026, 12, 18)),  # as "6个月" and "半年内" are
    ("2026年12", date(2026, 12, 31)),  # the 月 left off
])
def test_durations_and_months_written_short(cell: str, due: date) -> None:
    assert parse_deadline(cell, feedback_date=date(2026, 6, 18)).due == due


def test_the_flood_season_without_a_year_is_an_event_like_with_one() -> None:
    """"汛前" (a 水利局's word) is the flood season's start, which each province sets: the same
    advice as "2026年汛期前" (write the day), not "a word rectxl does not know"."""
    cells = ("汛前", "主汛期前", "雨季前")
    assert {parse_deadline(c, feedback_date=date(2026, 6, 18)).reason for c in cells} == {R_EVENT}


# -- causes and accounts ------------------------------------------------------------------------------

def test_a_cause_before_the_status_is_not_the_status() -> None:
    """"因资金未到位，暂未启动": the 未 of the cause is not the work's (it had read 正在推进, and then
    status-text-mismatch against its own words)."""
    reading = read_status("因资金未到位，暂未启动。")
    assert (reading.status, reading.rest) == (Status.NOT_STARTED, "因资金未到位")


@pytest.mark.parametrize("account", [
    "经核查，相关款项已全部退回。", "已将违规发放的补贴1.2万元全部收回并上缴国库。",
    "制定《公务接待管理办法》，于2026年8月印发实施。",
])
def test_accounts_saying_money_returned_or_a_document_issued_are_done(tmp_path: Path, account: str) -> None:
    rows = [_account_row(1, "清退违规发放津补贴", "2026年12月31日", None, account)]
    ledger = write_ledger(tmp_path / "财务股整改台账.xlsx", ACCOUNT_HEADER, rows, unit="某某县财政局")
    assert [m.status for m in api.read_ledger(ledger).measures()] == [D]


def test_a_month_done_without_its_year_is_read_as_with_one(tmp_path: Path) -> None:
    """"10月完成" in the status column of a ledger fed back in June 2026 and reported in November:
    done in October 2026, as "2026年10月完成" is (it had been bad-status); "12月完成" is still to come."""
    rows = [_deadline_row(1, "修订机关财务管理制度", "2026年12月31日", "10月完成"),
            _deadline_row(2, "开展干部作风专项整治", "2026年12月31日", "12月完成")]
    ledger = write_ledger(tmp_path / "县直单位整改台账.xlsx", HEADER, rows)
    measures = list(api.read_ledger(ledger).measures())
    assert [(m.status, m.completed_on) for m in measures] == [(D, date(2026, 10, 31)), (P, None)]
    assert not [f for f in api.check(ledger).findings if f.code == "bad-status"]


def test_a_step_noted_in_brackets_is_within_the_deadline_not_a_year_later() -> None:
    """"2026年9月30日前（节点：8月底前完成初稿）": the note's August is 2026's — it had been read as
    August 2027, pushing the due date a year on (and no overdue); stages written in order still
    roll over ("2026年11月启动，3月底前完成" is March 2027)."""
    fb = date(2026, 6, 18)
    assert parse_deadline("2026年9月30日前（节点：8月底前完成初稿）", feedback_date=fb).due == date(2026, 9, 30)
    assert parse_deadline("2026年11月启动，3月底前完成", feedback_date=fb).due == date(2027, 3, 31)
