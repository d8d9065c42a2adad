"""Statuses and deadlines as other offices write them (round 19): a deadline then "-长期坚持", work
said to start on a day before 长期坚持 ("2026年7月开始"), two dotted dates with a slash between them,
the day the work was finished written before the status word ("2026.10.15已完成"), and words of
work going on no list had ("启动中", "征求意见中"). Units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rectxl import api
from rectxl.core.rules.context import Options
from tests.followup_ledgers import write_ledger

HEADER = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况", "完成时间"]
FEEDBACK, REPORT = date(2026, 6, 15), date(2026, 11, 20)


def _row(n: int, deadline: object, status: object, done: object = None) -> dict[str, object]:
    return {"序号": n, "issue": 1 + (n - 1) % 4, "整改措施": f"规范村级财务报账程序（第{n}项）",
            "责任单位": "农经站", "责任人": "陈立新", "整改时限": deadline, "整改情况": status, "完成时间": done}


def _findings(tmp_path: Path, rows: list[dict[str, object]]) -> dict[int, list[tuple[str, str]]]:
    """(code, message) of every finding, by the row of the sheet (the header is row 3)."""
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某乡人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    found: dict[int, list[tuple[str, str]]] = {}
    for f in api.check(path, Options(as_of=REPORT)).findings:
        found.setdefault(f.row or 0, []).append((f.code, f.message))
    return found


def _codes(found: dict[int, list[tuple[str, str]]], row: int) -> set[str]:
    return {code for code, _ in found.get(row, [])}


# -- deadlines ----------------------------------------------------------------------------------------

def test_a_deadline_then_long_term_a_start_and_two_dotted_dates(tmp_path: Path) -> None:
    found = _findings(tmp_path, [
        _row(1, "2026年6月30日前-长期坚持", "正在推进"),  # due June 30, then kept up: overdue
        _row(2, "2026年8月31日-长期", "正在推进"),
        _row(3, "2026年7月开始，长期坚持", "正在推进"),  # a start, no day due: not overdue
        _row(4, "自2026年7月1日始，长期坚持", "正在推进"),
        _row(5, "2026.9.30/2026.12.31", "正在推进"),  # the later day is due: not yet
        _row(6, "2026.6.30/2026.9.30", "正在推进"),
    ])
    assert "overdue" in _codes(found, 4) and "overdue" in _codes(found, 5)
    assert any("2026年8月31日" in message for code, message in found[5] if code == "overdue")
    for row in (6, 7, 8):
        assert not _codes(found, row) & {"overdue", "bad-deadline"}, found.get(row)
    assert "bad-deadline" not in _codes(found, 9)
    assert [message for code, message in found[9] if code == "overdue"] and all(
        "2026年9月30日" in message for code, message in found[9] if code == "overdue")


# -- the day the work was finished, told in the status cell ----------------------------------------------

def test_the_day_finished_written_in_the_status_cell_is_the_completion(tmp_path: Path) -> None:
    found = _findings(tmp_path, [
        _row(1, "2026年9月30日", "2026.10.15已完成"),
        _row(2, "2026年9月30日", "已于10月20日完成整改，下步将常态化开展自查"),
        _row(3, "2026年9月30日", "已完成（完成时间：２０２６．９．２８）"),
        _row(4, "2026年9月30日", "2026年9月已整改到位"),
        # the day of a meeting, not of the finish; "by" a day is no day it was finished
        _row(5, "2026年9月30日", "2026年10月8日召开村务监督委员会会议，已完成"),
        _row(6, "2026年9月30日", "2026年10月20日前已完成"),
    ])
    # finished after the deadline: told so, and not asked for the day the cell already gives
    for row, day in ((4, "2026年10月15日"), (5, "2026年10月20日")):
        assert _codes(found, row) == {"completed-late"}, found.get(row)
        assert day in found[row][0][1]
    for row in (6, 7):  # on time
        assert not _codes(found, row), found.get(row)
    for row in (8, 9):
        assert _codes(found, row) == {"missing-completion-date"}, found.get(row)


# -- words of work going on ---------------------------------------------------------------------------

def test_a_word_of_work_and_zhong_or_cannot_finish_is_going_on(tmp_path: Path) -> None:
    cells = ["征求意见中", "拟定中", "会签中", "拆除中", "过户中", "不能完成", "暂不能按期完成"]
    found = _findings(tmp_path, [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)])
    for row, cell in enumerate(cells, 4):
        # past its deadline and not finished: overdue, quoting the clerk's word — not unreadable
        assert _codes(found, row) == {"overdue"}, (cell, found.get(row))
        assert f"“{cell}”" in found[row][0][1]


# -- 整改时限 and 整改状态 typed into each other's cells ---------------------------------------------------

def test_deadline_and_status_typed_the_wrong_way_round(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, [
        _row(1, "正在推进", "2026年9月30日"),  # the two columns filled the wrong way round
        _row(2, "已完成", "2026.8.31", "2026年8月20日"),
        _row(3, "正在推进", "2026年12月31日"),
        _row(4, "长期坚持", "长期坚持"),  # both a deadline and a status: as it is
        _row(5, "2026年9月30日", "已完成", "2026年9月12日"),  # the right way round
    ], unit="某某乡人民政府", info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    report = api.check(path, Options(as_of=REPORT))
    found = {(f.code, f.row, f.cell) for f in report.findings}
    # told once a row, at the deadline cell holding the status; nothing unreadable
    assert {(code, row, cell) for code, row, cell in found if code == "status-deadline-swapped"} == {
        ("status-deadline-swapped", 4, "G4"), ("status-deadline-swapped", 5, "G5"),
        ("status-deadline-swapped", 6, "G6")}
    assert not {code for code, _, _ in found} & {"bad-deadline", "bad-status", "missing-deadline"}
    # read swapped back: the first is overdue since September 30, the second done — not the other way
    assert ("overdue", 4, "H4") in found
    assert [row for code, row, _ in found if code == "overdue"] == [4]
    assert (report.counts.done, report.counts.in_progress, report.counts.long_term) == (2, 2, 1)


# -- 是否验收 / 是否销号 answered by a check box, 1/0 or a filled mark -------------------------------------

def test_closure_columns_of_check_boxes_ones_and_marks(tmp_path: Path) -> None:
    header = [*HEADER, "是否验收", "是否销号"]
    finished = date(2026, 9, 1)
    rows = [{**_row(n, "2026年9月30日", "已完成", finished), "是否验收": accepted, "是否销号": closed}
            for n, (accepted, closed) in enumerate(
                [(True, True), (True, False), (False, False), (1, 1), (1, 0), ("●", "●"), ("●", "○")], 1)]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, unit="某某乡人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    report = api.check(path, Options(as_of=REPORT))
    # TRUE, 1 and ● say yes, FALSE, 0 and ○ no: three closed, three more accepted, one waiting
    assert (report.counts.closed, report.counts.accepted) == (3, 3)
    assert [f.row for f in report.findings if f.code == "awaiting-acceptance"] == [6]


def test_the_day_finished_opening_the_progress_of_a_ledger_without_status_column(tmp_path: Path) -> None:
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改落实情况", "完成时间"]
    rows = [{**_row(n, "2026年9月30日", None), "整改落实情况": told} for n, told in enumerate([
        "已于2026年10月20日完成整改。修订完善村级财务制度3项。",
        "2026.9.18已完成，召开专题会议2次。",
        "已完成。2026年10月制定印发《村级财务管理办法》。",  # the day of a step, not of the finish
    ], 1)]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, unit="某某乡人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    found = {(f.code, f.row) for f in api.check(path, Options(as_of=REPORT)).findings}
    assert ("completed-late", 4) in found and ("missing-completion-date", 4) not in found
    assert not {code for code, row in found if row == 5}
    assert ("missing-completion-date", 6) in found and ("completed-late", 6) not in found


# -- a 整改进度 column of shares written done / all ----------------------------------------------------

def test_a_progress_column_of_shares_done_of_all(tmp_path: Path) -> None:
    header = [*HEADER[:7], "整改进度"]
    shares = ["3/5", "5/5", "0/3", "已完成2/4项"]
    rows = [{**_row(n, "2026年9月30日", None), "整改进度": share} for n, share in enumerate(shares, 1)]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, unit="某某乡人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    report = api.check(path, Options(as_of=REPORT))
    # three of five is no day (March 5) the work was finished on: it is going on, and overdue
    assert sorted(f.row for f in report.findings if f.code == "overdue") == [4, 6, 7]
    assert (report.counts.done, report.counts.in_progress, report.counts.not_started) == (1, 2, 1)
    assert not [f for f in report.findings if f.code in ("bad-status", "completion-date-unfinished")]


def test_overdue_with_the_status_written_in_the_deadline_cell_says_so(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "2026年9月30日（已整改到位）", None), _row(2, "2026年9月底前，已完成", None),
                                 _row(3, "2026年9月30日（第一阶段）", None)])
    for row, said in ((4, "已整改到位"), (5, "已完成")):
        overdue = [message for code, message in found[row] if code == "overdue"]
        assert overdue and f"整改时限写着“{said}”" in overdue[0] and "请把整改状态填为“已完成”" in overdue[0]
    assert all("整改时限写着" not in message for _, message in found[6])


# -- a status column of codes its header keys ---------------------------------------------------------

def test_status_codes_keyed_in_the_header(tmp_path: Path) -> None:
    header = [*HEADER[:7], "整改状态（1.未启动 2.正在整改 3.已整改）"]
    rows = [{**_row(n, due, None), header[7]: code}
            for n, (due, code) in enumerate([("2026年9月30日", 1), ("2026年9月30日", 2), ("2026年9月30日", 3),
                                              ("2026年12月31日", "2")], 1)]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, unit="某某乡人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    report = api.check(path, Options(as_of=REPORT))
    # 1 is 未启动 here, not the 是否完成 column's yes
    assert (report.counts.not_started, report.counts.in_progress, report.counts.done) == (1, 2, 1)
    assert sorted(f.row for f in report.findings if f.code == "overdue") == [4, 5]
    assert not [f for f in report.findings if f.code == "bad-status"]


def test_a_count_done_with_some_left_or_a_share_after_the_verb_is_going_on(tmp_path: Path) -> None:
    cells = ["已整改3个，还剩2个", "已整改5户，尚剩1户未整改", "完成了2/3", "已完成3/5"]
    found = _findings(tmp_path, [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)]
                      + [_row(5, "2026年9月30日", "已完成5/5", "2026年9月20日")])
    for row, cell in enumerate(cells, 4):
        assert _codes(found, row) == {"overdue"}, (cell, found.get(row))
    assert not _codes(found, 8)  # all of it done, on time


def test_a_year_in_chinese_digits_keyed_with_0_or_o(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "二0二六年九月三十日前", "正在推进"),
                                 _row(2, "二O二六年十二月底前", "正在推进"),
                                 _row(3, "二0二六年九月底前", "已完成", "二0二六年十月八日")])
    assert _codes(found, 4) == {"overdue"} and "2026年9月30日" in found[4][0][1]
    assert not _codes(found, 5)  # due at the end of December: not yet
    assert _codes(found, 6) == {"completed-late"} and "2026年10月8日" in found[6][0][1]


def test_the_day_finished_without_its_year_or_with_slashes(tmp_path: Path) -> None:
    cells = ["10.20已完成", "10月20日完成", "2026/10/20已完成", "（2026.10.20）已完成", "9月已整改到位"]
    found = _findings(tmp_path, [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)])
    for row in (4, 5, 6, 7):  # finished on October 20: late, and not asked for the day the cell gives
        assert _codes(found, row) == {"completed-late"}, found.get(row)
        assert "2026年10月20日" in found[row][0][1]
    assert not _codes(found, 8)


def test_a_yearless_day_finished_is_not_a_day_to_come(tmp_path: Path) -> None:
    # fed back in June, reported in November: "5月已完成" is this May (put right while the inspectors
    # were there), not next May
    found = _findings(tmp_path, [_row(1, "立行立改", "5月已完成"), _row(2, "2026年9月30日", "已于5.20完成整改")])
    assert not _codes(found, 4) & {"completion-in-future", "missing-completion-date"}
    assert not _codes(found, 5)


def test_the_day_finished_in_brackets_after_yu(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "2026年9月30日", "已完成（于2026年10月20日）")])
    assert _codes(found, 4) == {"completed-late"} and "2026年10月20日" in found[4][0][1]


def test_a_deadline_written_as_a_period_yyyymm(tmp_path: Path) -> None:
    # a system's export writes the month due as 202609 (a number, or text)
    found = _findings(tmp_path, [_row(1, 202609, "正在推进"), _row(2, "202612", "正在推进"),
                                 _row(3, 202613, "正在推进")])
    assert _codes(found, 4) == {"overdue"} and "2026年9月30日" in found[4][0][1]
    assert not _codes(found, 5)
    assert "bad-deadline" in _codes(found, 6)  # no 13th month


def test_the_years_target_tasks_done_is_a_stage_as_the_years_tasks_are(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "2026年12月31日", "已完成年度任务"),
                                 _row(2, "2026年12月31日", "已完成年度目标任务")])
    assert _codes(found, 4) == _codes(found, 5)
    assert api.check(tmp_path / "台账.xlsx", Options(as_of=REPORT)).counts.mostly_done == 2


def test_done_and_waiting_for_the_facts_to_be_checked(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "2026年9月30日", "已整改待核实", "2026年9月20日"),
                                 _row(2, "2026年9月30日", "已完成，待县纪委核查", "2026年9月25日"),
                                 _row(3, "2026年9月30日", "待核实")])  # a lead still to look into
    for row in (4, 5):
        assert not _codes(found, row) & {"bad-status", "overdue"}, found.get(row)
    assert "bad-status" in _codes(found, 6)
    assert api.check(tmp_path / "台账.xlsx", Options(as_of=REPORT)).counts.done == 2


def test_steps_done_then_the_work_said_to_go_on_later_in_the_cell(tmp_path: Path) -> None:
    found = _findings(tmp_path, [_row(1, "2026年9月30日", "已制定整改方案，明确责任分工，目前正在按计划推进。"),
                                 _row(2, "2026年9月30日", "已召开专题会议，制定整改方案，目前正在有序推进"),
                                 _row(3, "2026年9月30日", "已建立制度，正在巩固", "2026年9月10日")])
    assert _codes(found, 4) == {"overdue"} and _codes(found, 5) == {"overdue"}
    assert not _codes(found, 6)  # done, then kept up


def test_a_share_of_the_whole_task_done(tmp_path: Path) -> None:
    cells = ["完成总任务量的60%", "已完成全部任务的50%", "完成总工程量的40%"]
    found = _findings(tmp_path, [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)])
    for row, cell in enumerate(cells, 4):
        assert _codes(found, row) == {"overdue"}, (cell, found.get(row))


def test_advanced_said_in_the_perfect_is_still_going_on(tmp_path: Path) -> None:
    cells = ["已稳步推进", "已积极推进", "已按计划推进"]
    found = _findings(tmp_path, [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)]
                      + [_row(4, "2026年9月30日", "已全面落实", "2026年9月15日")])
    for row, cell in enumerate(cells, 4):
        assert _codes(found, row) == {"overdue"}, (cell, found.get(row))
    assert not _codes(found, 7)  # carried out in full: done


def test_effort_said_in_the_perfect_is_not_read_done(tmp_path: Path) -> None:
    # working at it (已着力解决, 已加紧办理, 已多次协调, 已高度重视) says nothing finished: not counted done
    cells = ["已着力解决", "已加紧办理", "已多次协调", "已高度重视"]
    rows = [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)]
    rows += [_row(5, "2026年9月30日", "已逐步整改到位", "2026年9月20日"),
             _row(6, "2026年9月30日", "已开设专栏", "2026年9月20日")]
    found = _findings(tmp_path, rows)
    for row, cell in enumerate(cells, 4):
        assert "bad-status" in _codes(found, row), (cell, found.get(row))
    assert not _codes(found, 8) and not _codes(found, 9)
    assert api.check(tmp_path / "台账.xlsx", Options(as_of=REPORT)).counts.done == 2


def test_a_promise_or_a_position_is_not_read_done(tmp_path: Path) -> None:
    cells = ["已承诺整改", "已表态", "已认识到问题"]
    rows = [_row(n, "2026年9月30日", cell) for n, cell in enumerate(cells, 1)]
    found = _findings(tmp_path, [*rows, _row(4, "2026年9月30日", "已签订承诺书", "2026年9月20日")])
    for row, cell in enumerate(cells, 4):
        assert "bad-status" in _codes(found, row), (cell, found.get(row))
    assert not _codes(found, 7)  # the pledge signed is a thing done
