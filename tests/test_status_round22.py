"""Statuses and deadlines as other offices write them (round 22): a term's class (短期, 中期, 限期整改)
in place of a date or before it in brackets, the day finished said in brackets before an account of
the work, a 销号 day beside the day the work was finished, and a ledger whose only year is its title's
or the as-of date. Checked as an auditor runs it (``rectxl check --format json``). Units, people and
texts are fictional."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.followup_ledgers import check_by_row, write_ledger
from tests.followup_ledgers import codes_at as _codes
from tests.followup_ledgers import said_at as _said

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展",
          "佐证材料", "备注"]
FEEDBACK, REPORT = date(2026, 5, 20), date(2026, 11, 25)


def _row(n: int, deadline: object, status: object, done: object = None, **more: object) -> dict[str, object]:
    row: dict[str, object] = {
        "序号": n, "issue": 1 + (n - 1) % 4, "整改措施": f"完善村级财务审核流程（第{n}项）", "责任单位": "财政所",
        "责任人": "钱丽萍", "整改时限": deadline, "整改状态": status, "完成时间": done,
        "佐证材料": "制度文本、会议记录"}
    row.update(more)
    return row


def _ledger(tmp_path: Path, rows: list[dict[str, object]], *, title: str | None = None,
            **info: object) -> Path:
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某乡人民政府", title=title,
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT, **info})


#: (the header is row 3, the first measure row 4)
_check = check_by_row


# -- 短期 / 中期 / 限期整改: the class of the term, not its date ---------------------------------------------

def test_a_term_class_before_its_date_in_brackets_is_that_date(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "限期整改（2026年9月底前）", "正在推进"),
        _row(2, "短期（2026年9月30日前）", "正在推进"),
        _row(3, "中期（2026年12月）", "正在推进"),
        _row(4, "近期(2026年12月31日前)", "正在推进"),
    ]))
    for row in (4, 5):
        assert "bad-deadline" not in _codes(found, row), found.get(row)
        assert "2026年9月30日" in _said(found, row, "overdue"), found.get(row)
    for row in (6, 7):
        assert not _codes(found, row) & {"bad-deadline", "overdue"}, found.get(row)


def test_a_term_class_without_a_date_is_told_as_one(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "短期", "正在推进"),
        _row(2, "中期整改", "正在推进"),
        _row(3, "近期完成", "正在推进"),
        _row(4, "尽快", "正在推进"),
        _row(5, "中长期", "正在推进"),  # medium to long term: no due date, as 长期 has none
    ]))
    for row in (4, 5):
        said = _said(found, row, "bad-deadline")
        assert "整改期限的类别" in said and "不是完成时限" in said, found.get(row)
    for row in (6, 7):
        said = _said(found, row, "bad-deadline")
        assert "没有写明何时完成" in said, found.get(row)
    assert "bad-deadline" not in _codes(found, 8), found.get(8)


# -- the day finished, told in the status cell --------------------------------------------------------------

def test_the_day_in_brackets_after_the_done_word_is_the_day_finished_before_an_account(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成（2026年10月20日）（召开专题会议2次）"),
        _row(2, "2026年9月30日", "已完成（2026年10月）修订制度3项"),
        _row(3, "2026年12月31日", "已完成（2026年9月前）（印发通知1份）"),
        _row(4, "2026年12月31日", "已完成（召开专题会议2次）"),  # no day: the 完成时间 is asked for
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5):
        assert "missing-completion-date" not in _codes(found, row), found.get(row)
        assert "completed-late" in _codes(found, row), found.get(row)  # finished in October, due in September
    assert not _codes(found, 6) & {"missing-completion-date", "completed-late"}, found.get(6)
    assert "missing-completion-date" in _codes(found, 7), found.get(7)


def test_the_day_of_the_closure_is_not_the_day_finished(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        # finished on the 12th (in time), closed on the 20th: not late
        _row(1, "2026年10月15日", "2026年10月20日销号，已于10月12日完成"),
        _row(2, "2026年10月15日", "已销号（销号时间：2026年10月20日），完成时间2026年10月12日"),
        # only the closure's day: the day finished is still to be filled in, and the message says why
        _row(3, "2026年10月15日", "已于10月20日销号"),
        # finished and closed on one day: that day
        _row(4, "2026年10月15日", "已于10月20日整改完成并销号"),
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5):
        assert not _codes(found, row) & {"completed-late", "missing-completion-date"}, found.get(row)
    said = _said(found, 6, "missing-completion-date")
    assert "10月20日" in said and "销号" in said, found.get(6)
    assert "completed-late" not in _codes(found, 6), found.get(6)
    assert "completed-late" in _codes(found, 7), found.get(7)


# -- a step done and the work going on -------------------------------------------------------------------

def test_a_step_done_beside_work_going_on_is_going_on(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年12月31日", "已制定方案正在推进"),
        _row(2, "2026年12月31日", "方案已印发正在实施"),
        _row(3, "2026年12月31日", "正在推进（已制定方案）"),
        _row(4, "2026年12月31日", "整改中（已召开专题会议）"),
        _row(5, "2026年12月31日", "已完成（部分完成）"),  # the cell contradicts itself: asked
        _row(6, "2026年12月31日", "已完成正在推进"),  # two options run together: asked
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5, 6, 7):
        assert "bad-status" not in _codes(found, row), found.get(row)
        assert "missing-completion-date" not in _codes(found, row), found.get(row)
    for row in (8, 9):
        assert "bad-status" in _codes(found, row), found.get(row)
    found = _check(_ledger(tmp_path, [_row(1, "2026年10月31日", "已制定方案正在推进")]), "--as-of", REPORT.isoformat())
    assert "overdue" in _codes(found, 4), found.get(4)  # read going on: its deadline has passed


# -- status and progress at odds: the message quotes what the progress says -----------------------------------

def test_a_mismatch_quotes_the_clause_of_the_progress_not_one_character(tmp_path: Path) -> None:
    finished = date(2026, 10, 9)
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年12月31日", "已完成", finished, 整改进展="拟于12月召开专题会议研究部署。"),
        _row(2, "2026年12月31日", "未启动", 整改进展="已完成前期摸底，形成问题清单。"),
        _row(3, "2026年12月31日", "已完成", finished, 整改进展="目前仍在推进中，预计年底完成。"),
        _row(4, "2026年12月31日", "已完成", finished, 整改进展="正在起草管理办法；已征求意见2次。"),
        # normal wording: the next step after the work done
        _row(5, "2026年12月31日", "已完成", finished, 整改进展="已印发管理办法。下一步将持续跟踪问效。"),
    ]), "--as-of", REPORT.isoformat())
    expected = {4: "拟于12月召开专题会议研究部署", 5: "已完成前期摸底", 6: "目前仍在推进中", 7: "正在起草管理办法"}
    for row, clause in expected.items():
        assert f"整改进展写着“{clause}”" in _said(found, row, "status-text-mismatch"), found.get(row)
    assert "status-text-mismatch" not in _codes(found, 8), found.get(8)


# -- a finding on the day finished points at the cell that says it -----------------------------------------

def _cells(path: Path, code: str) -> dict[int, tuple[str, str]]:
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--format", "json",
                           "--as-of", REPORT.isoformat()],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    return {f["row"]: (f["cell"], f["message"]) for f in json.loads(proc.stdout)["findings"] if f["code"] == code}


def test_a_day_finished_told_in_the_status_is_quoted_at_the_status_cell(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成（2026年10月20日）"),  # late, told in the status
        _row(2, "2026年9月30日", "2026.10.18已完成"),
        _row(3, "2026年9月30日", "已完成", date(2026, 10, 20)),  # in the 完成时间 column: as before
        _row(4, "2026年12月31日", "已完成（2026年4月）"),  # before the feedback (May 20)
    ])
    late = _cells(path, "completed-late")
    assert late[4][0] == "H4" and "（整改状态中所写）" in late[4][1], late
    assert late[5][0] == "H5", late
    assert late[6][0] == "I6" and "所写" not in late[6][1], late
    early = _cells(path, "completion-before-feedback")
    assert early[7][0] == "H7" and "2026年4月（整改状态中所写）" in early[7][1], early


# -- statuses joined by + or &, and a plan's time in brackets ---------------------------------------------

def test_a_done_word_joined_to_long_term_by_a_plus_is_done_and_continuing(tmp_path: Path) -> None:
    finished = date(2026, 9, 8)
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成+长期坚持", finished),
        _row(2, "2026年9月30日", "已整改＆持续巩固", finished),
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5):
        assert "bad-status" not in _codes(found, row), found.get(row)


def _notice_text(path: Path) -> str:
    out = path.with_name("通报.txt")
    subprocess.run([sys.executable, "-m", "rectxl", "notice", str(path), "-o", str(out)],
                   capture_output=True, text=True, encoding="utf-8", timeout=120)
    return out.read_text(encoding="utf-8")


def test_when_work_going_on_is_to_be_done_is_its_progress_not_dropped(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年12月31日", "正在推进（预计12月中旬完成）"),
        _row(2, "2026年12月31日", "整改中(计划2026年12月底前完成验收)"),
    ])
    text = _notice_text(path)
    assert "预计12月中旬完成" in text and "计划2026年12月底前完成验收" in text, text


# -- a deadline counted from the feedback, in a ledger that does not give it ------------------------------

def test_a_deadline_a_year_or_month_after_the_feedback_asks_for_the_feedback_date(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "次年3月", "正在推进"),
        _row(2, "明年6月底前", "正在推进"),
        _row(3, "下月底", "正在推进"),
    ], 反馈日期=None), "--as-of", REPORT.isoformat())
    # 次年/明年: the year after the one the report date gives (round 26: it had asked for the feedback
    # date too), said once; 下月 counts from a day no year stands in for
    assert "读作2027年3月31日" in _said(found, 4, "deadline-year-assumed"), found.get(4)
    for row in (4, 5):
        assert "bad-deadline" not in _codes(found, row), found.get(row)
    said = _said(found, 6, "bad-deadline")
    assert "按反馈日期推算" in said and "未提供反馈日期" in said, found.get(6)
    assert "缺少年份" not in said, found.get(6)


def test_work_set_in_motion_or_in_its_last_stage_is_going_on(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年10月31日", "收尾阶段"),
        _row(2, "2026年10月31日", "已安排部署"),
        _row(3, "2026年12月31日", "扫尾中"),
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5):
        assert "bad-status" not in _codes(found, row) and "overdue" in _codes(found, row), found.get(row)
    assert not _codes(found, 6), found.get(6)


# -- 完成情况 as 按期完成 / 延期完成 / 未完成 -------------------------------------------------------------

def test_work_finished_after_its_extension_is_done_and_one_still_to_finish_is_not(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "延期完成", date(2026, 10, 28), 备注="经批准延期至2026年10月31日"),
        _row(2, "2026年9月30日", "按期完成", date(2026, 9, 25)),
        _row(3, "2026年9月30日", "申请延期完成"),
        _row(4, "2026年9月30日", "未完成"),
    ]), "--as-of", REPORT.isoformat())
    for row in (4, 5):
        assert not _codes(found, row) & {"overdue", "bad-status", "completion-date-unfinished"}, found.get(row)
    for row in (6, 7):
        assert "overdue" in _codes(found, row), found.get(row)
