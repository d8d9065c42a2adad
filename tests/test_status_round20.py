"""Statuses and deadlines as other offices write them (round 20): the status word first and the
deadline in brackets after it ("已完成（2026年12月31日前）"), the day the work was finished written as
eight figures before the done word ("20261020已完成"), and finished work sent for review
("已完成待审核", "已完成，待审核"). Checked as an auditor runs it: ``rectxl check --format json``.
Units, people and texts are fictional."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.followup_ledgers import write_ledger
from tests.test_status_round19 import FEEDBACK, HEADER, REPORT, _codes, _row


def _check(tmp_path: Path, rows: list[dict[str, object]]) -> dict[int, list[tuple[str, str]]]:
    """(code, message) of every finding ``rectxl check --format json`` prints, by the row of the
    sheet (the header is row 3, the first measure row 4)."""
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows, unit="某某镇人民政府",
                        info={"反馈日期": FEEDBACK, "报告日期": REPORT})
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--format", "json",
                           "--as-of", REPORT.isoformat()],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.stdout, proc.stderr
    found: dict[int, list[tuple[str, str]]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        found.setdefault(f.get("row") or 0, []).append((f["code"], f["message"]))
    return found


# -- the status word, then the deadline in brackets ----------------------------------------------------

def test_a_status_word_then_the_deadline_in_brackets_is_read_as_the_date_then_the_status(tmp_path: Path) -> None:
    found = _check(tmp_path, [
        _row(1, "已完成（2026年12月31日前）", "已完成", date(2026, 10, 8)),
        _row(2, "已办结(2026-09-30)", "已完成", date(2026, 9, 25)),
        _row(3, "正在推进（2026年12月底前）", "正在推进"),
        _row(4, "已整改【2026.8.31】", "正在推进"),  # due in August, still going on: overdue
        _row(5, "2026年12月31日（已完成）", "已完成", date(2026, 10, 8)),  # the other order, as before
    ])
    for row in (4, 5, 6, 8):
        assert not _codes(found, row), found.get(row)
    assert "bad-deadline" not in _codes(found, 7)
    overdue = [message for code, message in found.get(7, []) if code == "overdue"]
    assert overdue and "2026年8月31日" in overdue[0]


# -- the day it was finished, as eight figures -----------------------------------------------------------

def test_an_eight_figure_day_before_the_done_word_is_the_completion(tmp_path: Path) -> None:
    told = ["20261020已完成", "2026-10-20已完成", "20260915 已整改到位", "已于20260920完成整改",
            "20261399已完成"]  # the last: no such day, not read as one
    found = _check(tmp_path, [_row(n, "2026年9月30日", status) for n, status in enumerate(told, 1)])
    for row in (4, 5):  # finished after the deadline: told so with the day, not asked for it
        assert "missing-completion-date" not in _codes(found, row), found.get(row)
        late = [message for code, message in found.get(row, []) if code == "completed-late"]
        assert late and "2026年10月20日" in late[0]
    for row in (6, 7):  # on time
        assert not _codes(found, row) & {"missing-completion-date", "completed-late", "bad-status"}, found.get(row)
    assert "completed-late" not in _codes(found, 8)


# -- finished, waiting for its review -----------------------------------------------------------------

def test_finished_work_sent_for_review_is_done_and_awaiting_as_awaiting_its_check_is(tmp_path: Path) -> None:
    words = ["已完成待审核", "已完成，待审核", "整改到位，等待审核", "已完成（待县纪委审查）", "已整改完毕待审定"]
    found = _check(tmp_path, [
        _row(1, "2026年9月30日", "已整改待核实", date(2026, 9, 10)),
        *(_row(n, "2026年9月30日", word, date(2026, 9, 10)) for n, word in enumerate(words, 2)),
        *(_row(n, "2026年9月30日", word) for n, word in enumerate(words, 2 + len(words))),
        _row(2 + 2 * len(words), "2026年9月30日", "整改方案待审核"),  # a plan awaiting approval: going on
    ])
    told = sorted(_codes(found, 4))
    assert told, found.get(4)  # finished over 30 days ago and not yet accepted: told so
    for k in range(len(words)):
        assert sorted(_codes(found, 5 + k)) == told, (words[k], found.get(5 + k))
        # without the day it was finished: a done row asked for it, not an unreadable status
        bare = 5 + len(words) + k
        assert _codes(found, bare) == {"missing-completion-date"}, (words[k], found.get(bare))
    assert "overdue" in _codes(found, 5 + 2 * len(words))
