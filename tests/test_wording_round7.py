"""How rectxl reads the words clerks write in the status, deadline and progress cells (wording
round 7): typing slips (已完戍, 已整政), a bilingual template's English options (Done, In progress),
tick boxes after their options (已完成√ 正在推进□), a finished day before the verb (2026.9.30完成),
work done on the spot (当即整改到位), consolidation in brackets after a done word (完成（正在巩固）);
a mark before a deadline (★2026年6月底前) and a year on one line with its month on the next; and a
check of finished work planned (拟于下月开展“回头看”) beside 已完成, or a step after it (正在准备
验收材料) beside 正在推进."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import rectxl
from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.status import Status, read_status
from tests.ledgers import write_simple_ledger

AS_OF = date(2026, 11, 30)


@pytest.mark.parametrize(("cell", "status"), [
    ("已完戍", Status.DONE),  # 戍 for 成
    ("已整政", Status.DONE),  # 政 for 改
    ("已整政完成", Status.DONE),
    ("整政到位", Status.DONE),
    ("Done", Status.DONE),
    ("Completed.", Status.DONE),
    ("ｄｏｎｅ", Status.DONE),
    ("In progress", Status.IN_PROGRESS),
    ("Ongoing", Status.IN_PROGRESS),
    ("Not started", Status.NOT_STARTED),
    ("当即整改到位", Status.DONE),
    ("已当场整改到位", Status.DONE),
    ("已退缴", Status.DONE),
    ("2026.9.30完成", Status.DONE),
    ("2026年9月30日已整改到位", Status.DONE),
    ("已完成√ 正在推进□", Status.DONE),  # the box after its option
    ("已完成□ 正在推进√", Status.IN_PROGRESS),
    ("已完成☑ 正在推进□ 未启动□", Status.DONE),
])
def test_status_words(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", [
    "调整政策",  # 整政 inside a word is no slip of 整改 (已调整政策 is an action done: round 16)
    "2026年12月完成", "2026年9月30日前完成",  # a month, or a day "before": maybe the plan
    "当场整改",  # how, not whether it is done
    "已完成（正在推进）",  # contradicts itself
    "□已完成 □正在推进",  # nothing ticked
])
def test_not_read_as_a_status(cell: str) -> None:
    assert read_status(cell).status is None


@pytest.mark.parametrize("cell", ["完成（正在巩固）", "已完成（巩固提升中）", "整改完毕（持续巩固整改成果）"])
def test_consolidation_in_brackets_after_done(cell: str) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.continuing, reading.rest) == (Status.DONE, True, "")


@pytest.mark.parametrize(("cell", "due"), [
    ("★2026年6月底前", date(2026, 6, 30)),
    ("√ 2026年6月30日", date(2026, 6, 30)),
    ("2026年\n6月底前", date(2026, 6, 30)),  # not June of the year after
    ("2026年\n底前", date(2026, 12, 31)),
    ("2026年\n6月底前完成自查\n12月底前整改到位", date(2026, 12, 31)),
])
def test_deadline_marks_and_line_breaks(cell: str, due: date) -> None:
    for fb in (None, date(2026, 3, 15)):
        d = parse_deadline(cell, feedback_date=fb)
        assert (d.kind, d.due) == (DeadlineKind.DATE, due)


def test_deadline_mark_before_long_term() -> None:
    assert parse_deadline("※长期坚持").kind is DeadlineKind.LONG_TERM


def _check(tmp_path: Path, rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [{
        F.ASPECT: "一、落实全面从严治党责任方面", F.ISSUE: f"{i}.公务接待审批不规范",
        F.MEASURE: "修订公务接待管理办法",
        F.LEAD: "王院长", F.OWNER_UNIT: "院办", F.OWNER_PERSON: "李某", F.DEADLINE: "★2026年10月底前",
        F.STATUS: status, F.PROGRESS: progress, F.EVIDENCE: "会议纪要",
        F.COMPLETED: "2026.9.30完成" if read_status(status).status is Status.DONE else None}
        for i, (status, progress) in enumerate(rows, 1)])
    report = rectxl.check(path, rectxl.Options(as_of=AS_OF))
    return [(f.code, f.cell or "") for f in report.findings if f.severity.value in ("error", "warning")]


def test_ledger_of_round7_wordings_is_clean(tmp_path: Path) -> None:
    rows = [
        ("已完戍", "已修订《公务接待管理办法》并印发执行。"),
        ("Done", "已修订《公务接待管理办法》。"),
        ("已完成√ 正在推进□", "已召开院长办公会审议通过新办法。"),
        ("完成（正在巩固）", "已修订办法，正在常态化执行。"),
        ("已完成", "已完成整改，拟于下月开展“回头看”。"),
        ("已完成", "已完成整改，正积极推进“回头看”。"),
        ("已整政到位", "已清退超标准接待费用1.2万元。"),
    ]
    assert _check(tmp_path, rows) == []


def test_ledger_mismatches_still_found(tmp_path: Path) -> None:
    rows = [
        ("正在推进", "已整改完毕。正在准备验收材料。"),  # done, a step after it going on
        ("已完成", "已启动招标程序，待评标后签订合同。"),  # waiting for the contract
        ("正在推进", "已召开专题会议，正在修订制度。"),  # no mismatch
    ]
    found = _check(tmp_path, rows)
    assert [cell for code, cell in found if code == "status-text-mismatch"] == ["L2", "L3"]
    assert [cell for code, cell in found if code == "overdue"] == ["I2", "I4"]  # 正在推进 past October


@pytest.mark.parametrize(("cell", "status"), [
    ("已完\n成", Status.DONE),  # a word broken over two lines of a narrow cell
    ("整改\n中", Status.IN_PROGRESS),
    ("长期\n坚持", Status.LONG_TERM),
    ("长期坚持类", Status.LONG_TERM),  # the status as a class of measures
    ("已完成类", Status.DONE),
    ("资金已全部追回", Status.DONE),  # the money as the subject
    ("款项已退还", Status.DONE),
    ("已建章立制", Status.DONE),
    ("按时序进度推进", Status.IN_PROGRESS),
    ("推进顺利", Status.IN_PROGRESS),
    ("进展正常", Status.IN_PROGRESS),
    ("拟整改", Status.NOT_STARTED),
])
def test_more_status_words(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["已完成\n正在推进", "已完成\n未启动", "资金", "分类", "拟整改方案"])
def test_options_and_fragments_stay_unread(cell: str) -> None:
    assert read_status(cell).status is None


@pytest.mark.parametrize(("cell", "due"), [
    ("2026年陆月底", date(2026, 6, 30)),  # the capital numerals of money
    ("贰零贰陆年陆月底", date(2026, 6, 30)),
    ("2026年叁季度", date(2026, 9, 30)),
    ("限2026年6月底前", date(2026, 6, 30)),
    ("2026年每月", date(2026, 12, 31)),  # every month of the year: by its end, as before
    ("2026年陆续完成", date(2026, 12, 31)),  # 陆续 is no numeral
])
def test_deadline_numerals_and_prefixes(cell: str, due: date) -> None:
    assert parse_deadline(cell).due == due


@pytest.mark.parametrize("cell", ["2026年X月底", "2026年某月底", "2026年？月"])
def test_a_month_it_does_not_say_is_not_the_years_end(cell: str) -> None:
    d = parse_deadline(cell)
    assert (d.kind, d.due) == (DeadlineKind.INVALID, None)
