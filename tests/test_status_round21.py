"""Statuses and deadlines as other offices write them (round 21): an extension applied for but not
yet approved, finished work waiting for approval (待审批), the day finished and 长期坚持 in brackets
after a done word, a long-term measure never started, a 完成时间 that cannot be right, and statuses
given item by item in one cell. Checked as an auditor runs it (``rectxl check --format json``, the
summary workbook through openpyxl, the notice as text). Units, people and texts are fictional."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.followup_ledgers import FindingsByRow, check_by_row, write_ledger
from tests.followup_ledgers import codes_at as _codes
from tests.followup_ledgers import said_at as _said

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间", "整改进展",
          "佐证材料", "备注"]
FEEDBACK, REPORT = date(2026, 6, 15), date(2026, 11, 20)


def _row(n: int, deadline: object, status: object, done: object = None, **more: object) -> dict[str, object]:
    row: dict[str, object] = {
        "序号": n, "issue": 1 + (n - 1) % 4, "整改措施": f"规范集体“三资”管理台账（第{n}项）", "责任单位": "经管站",
        "责任人": "周建华", "整改时限": deadline, "整改状态": status, "完成时间": done,
        "佐证材料": "会议纪要、制度文件"}
    row.update(more)
    return row


def _ledger(tmp_path: Path, rows: list[dict[str, object]], **info: object) -> Path:
    return write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某街道办事处",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT, **info})


def _check(path: Path) -> FindingsByRow:
    """:func:`check_by_row` as of the ledgers' 报告日期 (the header is row 3, the first measure row 4)."""
    return check_by_row(path, "--as-of", REPORT.isoformat())


# -- an extension applied for is not an extension granted ----------------------------------------------

def test_an_extension_applied_for_keeps_the_original_deadline_until_it_is_approved(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "正在推进", 备注="申请延期至2026年12月30日"),
        _row(2, "2026年9月30日", "申请延期至2026年12月30日"),
        _row(3, "2026年9月30日", "正在推进", 整改进展="已向县委巡察办申请延期至2026年12月底，正在推进"),
        # granted: the extended deadline is in force
        _row(4, "2026年9月30日", "正在推进", 备注="经县委巡察办批准延期至2026年12月30日"),
        _row(5, "2026年9月30日", "正在推进，同意延期至2026年12月30日"),
        _row(6, "2026年9月30日", "正在推进", 备注="申请延期至2026年12月30日，已获县委巡察办批准"),
    ]))
    for row in (4, 5, 6):
        said = _said(found, row, "overdue")
        assert said and "2026年9月30日" in said and "未写明延期已获批准" in said, found.get(row)
    for row in (7, 8, 9):
        assert "overdue" not in _codes(found, row), found.get(row)


# -- finished, waiting for approval ----------------------------------------------------------------------

def test_finished_work_waiting_for_approval_is_done_and_not_yet_closed(tmp_path: Path) -> None:
    words = ["已完成待审批", "已完成，待审批", "整改完成待审批", "已办结（待县委巡察办审批）", "已整改到位待评估",
             "已完成，待上级认定"]
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成，待验收销号", date(2026, 9, 10)),  # read so before: the yardstick
        *(_row(n, "2026年9月30日", word, date(2026, 9, 10)) for n, word in enumerate(words, 2)),
        *(_row(n, "2026年9月30日", word) for n, word in enumerate(words, 2 + len(words))),
        _row(2 + 2 * len(words), "2026年9月30日", "整改方案待审批"),  # a plan awaiting approval: going on
    ]))
    told = _codes(found, 4)
    assert "awaiting-acceptance" in told, found.get(4)
    for k, word in enumerate(words):
        assert _codes(found, 5 + k) == told, (word, found.get(5 + k))
        bare = 5 + len(words) + k  # no day finished: a done row asked for it, not an unreadable status
        assert _codes(found, bare) == {"missing-completion-date"}, (word, found.get(bare))
    assert "overdue" in _codes(found, 5 + 2 * len(words))


def _notice(path: Path) -> str:
    """The notice ``rectxl notice -o …txt`` writes."""
    out = path.with_name("通报.txt")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(path), "-o", str(out), "--as-of",
                           REPORT.isoformat()], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


# -- the day finished and 长期坚持 in brackets after the done word ---------------------------------------------

def test_a_done_word_with_the_day_and_long_term_in_brackets_keeps_both(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成（2026年8月前）（长期坚持）"),
        _row(2, "2026年9月30日", "已完成（2026.8）（并长期坚持）"),
        _row(3, "2026年7月31日", "已完成（2026年9月前），长期坚持"),  # finished in September: after its deadline
    ])
    found = _check(path)
    for row in (4, 5, 6):  # the day is the completion: not asked for it
        assert "missing-completion-date" not in _codes(found, row), found.get(row)
    assert not _codes(found, 4) and not _codes(found, 5), (found.get(4), found.get(5))
    # quoted as written, and where
    assert "完成时间2026年9月前（整改状态中所写）晚于" in _said(found, 6, "completed-late"), found.get(6)
    text = _notice(path)
    assert "（第1项），已完成并长期坚持。" in text and "（第2项），已完成并长期坚持。" in text, text
    assert "（长期坚持）" not in text and "2026年8月前" not in text, text


# -- 长期坚持 and 未启动 in one row ---------------------------------------------------------------------------

def test_a_long_term_measure_not_started_is_told_as_it_never_falls_due(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "长期坚持", "未启动"),
        _row(2, "常态化推进", "尚未启动"),
        _row(3, "2026年12月31日", "未启动（长期坚持）"),
        _row(4, "长期坚持", "正在推进"),  # begun: nothing to tell
        _row(5, "2026年12月31日前完成并长期坚持", "未启动"),  # dated: its deadline warns in time
    ])
    found = _check(path)
    for row in (4, 5, 6):
        said = _said(found, row, "long-term-not-started")
        assert said and "长期坚持" in said and "请尽快启动" in said, found.get(row)
    assert "“未启动（长期坚持）”" in _said(found, 6, "long-term-not-started")
    for row in (7, 8):
        assert "long-term-not-started" not in _codes(found, row), found.get(row)
    # a ledger drawn up before the feedback: nothing is started yet, nothing to tell
    early = _check(_ledger(tmp_path, [_row(1, "长期坚持", "未启动")], 反馈日期=date(2026, 11, 25)))
    assert "long-term-not-started" not in _codes(early, 4), early.get(4)


# -- a 完成时间 that cannot be right -------------------------------------------------------------------------

def test_a_completion_year_that_cannot_be_right_is_told_with_the_year_meant(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成", "2062年3月"),  # typed 2062 for 2026
        _row(2, "2026年9月30日", "已完成", date(2016, 8, 20)),  # 2016 for 2026
        _row(3, "2026年9月30日", "已完成", date(2026, 3, 1)),  # before the feedback
        _row(4, "2026年9月30日", "已完成", date(2026, 3, 1), 备注="巡察期間邊巡邊改"),  # (traditional characters)
        _row(5, "立行立改", "已完成", date(2026, 3, 1)),
        _row(6, "2026年9月30日", "已完成", date(2026, 9, 1)),
    ])
    found = _check(path)
    future = _said(found, 4, "completion-in-future")
    assert "“2062年”是否应为“2026年”" in future, found.get(4)
    assert "completed-late" not in _codes(found, 4), found.get(4)  # no "late" for a year never meant
    early = _said(found, 5, "completion-before-feedback")
    assert "2026年6月15日" in early and "“2016年”是否应为“2026年”" in early, found.get(5)
    assert "completion-before-feedback" in _codes(found, 6), found.get(6)
    for row in (7, 8, 9):
        assert "completion-before-feedback" not in _codes(found, row), found.get(row)
    # the inspection's own start, when 基本信息 gives it: work finished while the inspectors were there is not told
    during = _check(_ledger(tmp_path, [_row(1, "2026年9月30日", "已完成", date(2026, 5, 10)),
                                       _row(2, "2026年9月30日", "已完成", date(2026, 3, 1))],
                            巡察开始=date(2026, 4, 1)))
    assert "completion-before-feedback" not in _codes(during, 4), during.get(4)
    assert "巡察开始日期2026年4月1日" in _said(during, 5, "completion-before-feedback"), during.get(5)


# -- one status per item in one cell ---------------------------------------------------------------------

def _detail_status(path: Path) -> dict[int, str]:
    """The 状态 column of the 整改明细 sheet ``rectxl summary`` writes, by ledger row."""
    from openpyxl import load_workbook

    out = path.with_name("汇总.xlsx")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "summary", str(path), "-o", str(out), "--force",
                           "--as-of", REPORT.isoformat()],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(out)["整改明细"]
    header = next(r for r in ws.iter_rows(values_only=True) if "状态" in r)
    at, row_at = header.index("状态"), header.index("台账行")
    return {r[row_at]: r[at] for r in ws.iter_rows(values_only=True) if r[0] == "措施"}


def test_statuses_given_item_by_item_say_which_items_are_done(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "1.已完成\n2.正在推进"),
        _row(2, "2026年9月30日", "①已整改；②整改中；③已办结"),
        _row(3, "2026年12月31日", "①已完成；②持续推进", 整改措施="①修订集体资产管理制度；②开展“三资”专项清理"),
        _row(4, "2026年12月31日", "（1）已完成（2）已完成", date(2026, 9, 1)),
    ])
    found = _check(path)
    # the measure is not done while an item is open: overdue, and the finding says which items are done
    assert "“正在推进（第1项已完成）”" in _said(found, 4, "overdue"), found.get(4)
    assert "“正在推进（第1、3项已完成）”" in _said(found, 5, "overdue"), found.get(5)
    assert not _codes(found, 7) & {"overdue", "bad-status", "missing-completion-date"}, found.get(7)
    status = _detail_status(path)
    assert status == {4: "正在推进（第1项已完成）", 5: "正在推进（第1、3项已完成）", 6: "长期坚持（第1项已完成）",
                      7: "已完成"}, status
    # the notice tells each listed item by its own status: the first done, the second kept up
    text = _notice(path)
    assert "一是修订集体资产管理制度，已完成。二是开展“三资”专项清理，长期坚持。" in text, text


# -- on schedule, a first stage, the goals set ------------------------------------------------------------

def test_on_schedule_is_going_on_a_first_stage_is_staged_and_the_set_goals_done(tmp_path: Path) -> None:
    on_schedule = ["已完成序时进度", "达到年度序时进度要求", "序时进度正常", "按时限推进"]
    staged = ["已完成初步整改", "已完成第一阶段任务", "完成一期工程"]
    path = _ledger(tmp_path, [
        *(_row(n, "2026年9月30日", word) for n, word in enumerate(on_schedule, 1)),
        *(_row(n, "2026年9月30日", word) for n, word in enumerate(staged, 1 + len(on_schedule))),
        _row(8, "2026年9月30日", "完成既定目标"),
    ])
    found = _check(path)
    for k, word in enumerate(on_schedule + staged):
        row = 4 + k  # not done by its deadline, whatever the words say of the schedule or the stage
        assert "overdue" in _codes(found, row) and "bad-status" not in _codes(found, row), (word, found.get(row))
        assert "missing-completion-date" not in _codes(found, row), (word, found.get(row))
    assert _codes(found, 11) == {"missing-completion-date"}, found.get(11)
    status = _detail_status(path)
    assert [status[4 + k] for k in range(len(on_schedule) + len(staged))] == (
        ["正在推进"] * len(on_schedule) + ["基本完成"] * len(staged)), status


def test_the_summary_counts_an_extension_granted_not_one_applied_for(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "正在推进", 备注="申请延期至2026年12月30日"),
        _row(2, "2026年9月30日", "正在推进", 备注="经县委巡察办批准延期至2026年12月30日"),
    ])
    _detail_status(path)  # writes 汇总.xlsx beside the ledger
    ws = load_workbook(path.with_name("汇总.xlsx"))["整改总体情况"]
    cells = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert cells["已延期"] == 1 and cells["已逾期"] == 1, cells
    sentence = next(text for text in cells if str(text).startswith("截至2026年11月20日"))
    assert "已延期1项" in sentence and "申请延期" not in sentence, sentence


def test_an_extension_said_with_no_date_is_named_in_the_overdue_finding(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "正在整改（延期）"),
        _row(2, "2026年9月30日", "已延期"),
        _row(3, "2026年9月30日", "正在推进", 备注="已延期"),
        _row(4, "2026年9月30日", "正在推进", 备注="不得延期"),  # no extension said
    ]))
    for row in (4, 5):
        assert "（整改状态写着延期，但未写明延期至何时：按原时限判断）" in _said(found, row, "overdue"), found.get(row)
    assert "（备注写着“已延期”，但未写明延期至何时：按原时限判断）" in _said(found, 6, "overdue"), found.get(6)
    said = _said(found, 7, "overdue")
    assert said and "延期至何时" not in said, found.get(7)


def test_a_deadline_years_ahead_is_told_as_a_likely_slip_of_the_year(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2062年3月", "正在推进"),  # 2026 typed 2062: never overdue, never warned
        _row(2, "2036年12月31日", "正在推进"),
        _row(3, "2028年12月底前", "正在推进"),  # a project over two years: not told
        _row(4, "长期坚持", "长期坚持"),
    ]))
    said = _said(found, 4, "deadline-far-ahead")
    assert "2062年3月31日" in said and "“2062年”是否应为“2026年”" in said, found.get(4)
    assert "“2036年”是否应为“2026年”" in _said(found, 5, "deadline-far-ahead"), found.get(5)
    for row in (6, 7):
        assert "deadline-far-ahead" not in _codes(found, row), found.get(row)


# -- a schedule from a day on ------------------------------------------------------------------------------

def test_a_schedule_from_a_day_on_is_long_term_not_unreadable_nor_due_at_once(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年7月起每季度", "正在推进"),
        _row(2, "自2026年7月起，每季度开展一次", "正在推进"),
        _row(3, "即日起每月", "正在推进"),  # every month from today: not due at once
        _row(4, "2026年起，每年9月底前", "正在推进"),  # a yearly checkpoint: September has passed
        _row(5, "2026年7月起", "正在推进"),  # a start and nothing due: still unreadable
    ]))
    for row in (4, 5, 6):
        assert not _codes(found, row) & {"bad-deadline", "overdue"}, found.get(row)
    assert "2026年9月30日" in _said(found, 7, "overdue"), found.get(7)
    assert "bad-deadline" in _codes(found, 8), found.get(8)


def test_a_deadline_cell_with_a_status_the_date_and_long_term_in_brackets_keeps_the_date(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "正在推进（2026年9月底前）（持续推进）", "正在推进"),  # the date passed: overdue
        _row(2, "已完成（2026年12月31日前）（长期坚持）", "已完成", date(2026, 10, 8)),
    ]))
    assert "2026年9月30日" in _said(found, 4, "overdue"), found.get(4)
    assert not _codes(found, 5), found.get(5)


def test_cleared_to_the_bottom_closed_off_the_list_and_results_to_keep_up(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    finished = date(2026, 11, 10)
    path = _ledger(tmp_path, [
        _row(1, "2026年12月31日", "见底清零", finished),
        _row(2, "2026年12月31日", "尚未见底清零"),
        _row(3, "2026年12月31日", "整改完成待巩固", finished),
        _row(4, "2026年12月31日", "已挂账销号", finished),
    ])
    found = _check(path)
    for row in (4, 6):
        assert not _codes(found, row), found.get(row)
    assert not _codes(found, 5) & {"bad-status", "missing-status"}, found.get(5)
    assert "bad-status" not in _codes(found, 7), found.get(7)
    assert _detail_status(path) == {4: "已完成", 5: "正在推进", 6: "已完成", 7: "已完成"}
    ws = load_workbook(path.with_name("汇总.xlsx"))["整改总体情况"]
    cells = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert cells["其中：已销号"] == 1, cells
    assert "（第3项），已完成并长期坚持。" in _notice(path)


def test_a_yes_in_part_and_an_about_before_the_share_are_read(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年12月31日", "是（部分）"),  # a 是否完成 column: yes, in part
        _row(2, "2026年12月31日", "部分是"),
        _row(3, "2026年12月31日", "约完成70%"),
        _row(4, "2026年12月31日", "大约完成九成"),
    ])
    found = _check(path)
    for row in (4, 5, 6, 7):
        assert "bad-status" not in _codes(found, row), found.get(row)
    assert _detail_status(path) == {4: "正在推进", 5: "正在推进", 6: "基本完成", 7: "基本完成"}


def test_a_timing_note_after_the_done_word_is_not_published_as_the_progress(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "立行立改", "已完成（立行立改）", date(2026, 6, 20), 整改措施="规范公务接待审批"),
        _row(2, "2026年9月30日", "已完成（超期）", date(2026, 10, 20), 整改措施="清理闲置办公用房"),
        _row(3, "2026年9月30日", "已办结（按期完成）", date(2026, 9, 20), 整改措施="修订财务报销制度"),
        _row(4, "立行立改", "立行立改，已完成", date(2026, 6, 20), 整改措施="退还违规收取费用"),
        _row(5, "2026年9月30日", "已完成，超期", date(2026, 10, 20), 整改措施="补齐党建工作台账"),
    ])
    text = _notice(path)
    for measure in ("规范公务接待审批", "清理闲置办公用房", "修订财务报销制度", "退还违规收取费用", "补齐党建工作台账"):
        assert f"{measure}，已完成。" in text, text
    assert "超期" not in text and "，立行立改。" not in text, text
    found = _check(path)
    assert "completed-late" in _codes(found, 5), found.get(5)  # the late finish is told where it belongs


def test_a_progress_telling_its_items_one_by_one_says_which_are_done_where_no_status_column_is(
        tmp_path: Path) -> None:
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改落实情况"]
    path = write_ledger(tmp_path / "台账.xlsx", header, [
        {"序号": 1, "issue": 1, "整改措施": "1.修订村级财务制度；2.清理不合规合同", "责任单位": "经管站",
         "整改时限": "2026年9月30日", "整改落实情况": "（1）已整改，印发制度2项（2）整改中，已清理3份"},
    ], unit="某某街道办事处", info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    found = _check(path)
    assert "“正在推进（第1项已完成）”" in _said(found, 4, "overdue"), found.get(4)
    assert _detail_status(path) == {4: "正在推进（第1项已完成）"}


def test_an_extension_applied_for_in_traditional_characters_is_not_one_granted(tmp_path: Path) -> None:
    found = _check(_ledger(tmp_path, [
        _row(1, "2026年9月30日", "正在推進", 备注="申請延期至2026年12月30日"),
        _row(2, "2026年9月30日", "正在推進", 备注="經縣委巡察辦批准延期至2026年12月30日"),
    ]))
    assert "未写明延期已获批准" in _said(found, 4, "overdue"), found.get(4)
    assert "overdue" not in _codes(found, 5), found.get(5)


def test_a_dated_closure_after_the_done_word_is_closed(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "已完成（2026年9月25日销号）", date(2026, 9, 20)),
        _row(2, "2026年9月30日", "已完成，2026年9月25日销号", date(2026, 9, 20)),
    ])
    found = _check(path)
    for row in (4, 5):
        assert "bad-status" not in _codes(found, row), found.get(row)
    _detail_status(path)
    ws = load_workbook(path.with_name("汇总.xlsx"))["整改总体情况"]
    cells = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert cells["其中：已销号"] == 2, cells


def test_item_statuses_numbered_as_headings_are_read_item_by_item(tmp_path: Path) -> None:
    path = _ledger(tmp_path, [
        _row(1, "2026年9月30日", "一、已完成\n二、整改中"),
        _row(2, "2026年9月30日", "一、已完成；二、整改中；三、已办结"),
    ])
    found = _check(path)
    assert "“正在推进（第1项已完成）”" in _said(found, 4, "overdue"), found.get(4)
    assert "“正在推进（第1、3项已完成）”" in _said(found, 5, "overdue"), found.get(5)
    assert _detail_status(path) == {4: "正在推进（第1项已完成）", 5: "正在推进（第1、3项已完成）"}
