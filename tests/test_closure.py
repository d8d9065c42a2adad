"""Acceptance and closure (验收 → 销号): the checks an auditor makes, exactly where they apply and
nowhere else, and 已销号 counted apart from 已完成 in the summary sheets and the notice."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.closure import closure_stage
from rectxl.core.findings import Severity
from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.rules import RULES, Options
from rectxl.core.status import Stage
from rectxl.core.summary import notice_totals_sentence
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import AS_OF, CLOSURE_HEADER, write_closure_ledger, write_ledger

CLOSURE_CODES = {
    "closed-without-evidence": Severity.ERROR,
    "closed-without-acceptor": Severity.WARNING,
    "accepted-by-owner": Severity.WARNING,
    "closed-before-completion": Severity.ERROR,
    "closed-before-acceptance": Severity.ERROR,
    "closure-date-in-future": Severity.ERROR,
    "bad-closure-date": Severity.WARNING,
    "closure-date-unfinished": Severity.WARNING,
    "awaiting-acceptance": Severity.INFO,
}


@pytest.fixture
def closure(tmp_path: Path):  # type: ignore[no-untyped-def]
    return write_closure_ledger(tmp_path / "自然资源局台账.xlsx")


def test_codes_are_registered_with_their_severities() -> None:
    for code, severity in CLOSURE_CODES.items():
        assert RULES[code].severity is severity, code
        assert RULES[code].description.endswith("。") and "," not in RULES[code].description


def test_closure_findings_exactly(closure) -> None:  # type: ignore[no-untyped-def]
    report = api.check(closure.path)
    assert report.as_of == AS_OF
    got = {(f.code, f.row) for f in report.findings if f.code in closure.codes}
    assert got == set(closure.expected)
    # the only other finding: a finished row without its completion date
    others = {(f.code, f.row) for f in report.findings if f.code not in closure.codes}
    assert others == {("missing-completion-date", 15)}
    by = {(f.code, f.row): f for f in report.findings}
    # each finding points at the cell to fix (L 佐证材料, M 验收人, N 验收时间, O 销号时间)
    assert by[("closed-without-evidence", 5)].cell == "L5" and by[("closed-without-evidence", 5)].field == F.EVIDENCE
    assert by[("closed-without-acceptor", 6)].cell == "M6"
    assert by[("closed-before-completion", 7)].cell == "N7"
    assert by[("closed-before-acceptance", 8)].cell == "O8"
    assert by[("closure-date-unfinished", 9)].cell == "O9"
    assert by[("awaiting-acceptance", 10)].cell == "N10"
    assert by[("accepted-by-owner", 12)].cell == "M12"
    assert by[("bad-closure-date", 13)].value == "待定"
    assert by[("closure-date-in-future", 14)].cell == "O14"
    assert by[("closed-without-evidence", 5)].message == (
        "第5行已销号，但未列出佐证材料：验收、销号应以佐证材料为依据，请补充佐证材料（会议纪要、制度文件、照片等），或撤回销号。")
    assert by[("closed-before-completion", 7)].message == (
        "验收日期2026年8月10日早于完成时间2026年8月20日：措施应先完成、再验收、后销号，请核对日期。")
    assert by[("accepted-by-owner", 12)].message == (
        "验收人“陈静”与责任人“陈静”相同：验收应由责任单位以外的人员进行，请核实验收人。")
    assert by[("awaiting-acceptance", 10)].message == (
        "已完成80天（完成时间2026年9月1日）仍未验收：请及时组织验收、销号（超过30天即提示）。")
    # closed without evidence is reported once, as the stronger finding, not also as missing-evidence
    assert ("missing-evidence", 5) not in by


def test_stages_read_from_status_words_and_dates(closure) -> None:  # type: ignore[no-untyped-def]
    ledger = read_ledger(closure.path)
    stages = {m.row: closure_stage(m) for m in ledger.measures()}
    assert stages == {
        4: Stage.CLOSED, 5: Stage.CLOSED, 6: Stage.ACCEPTED, 7: Stage.ACCEPTED, 8: Stage.CLOSED, 9: None,
        10: None, 11: None, 12: Stage.ACCEPTED, 13: None, 14: Stage.CLOSED, 15: None,
    }


def test_accept_days_is_an_option(closure) -> None:  # type: ignore[no-untyped-def]
    def waiting(days: int) -> list[int | None]:
        report = api.check(closure.path, Options(accept_days=days))
        return [f.row for f in report.findings if f.code == "awaiting-acceptance"]

    assert waiting(90) == []
    # 80 and 15 days; r13 (验收时间 "待定", not a date) was done 10 days ago: not more than 10
    assert waiting(10) == [10, 11]


def test_awaiting_acceptance_only_where_the_ledger_tracks_closure(tmp_path: Path) -> None:
    header = ("具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "完成时间", "佐证材料")
    rows = [{"具体问题": "1.针对学习不深入问题", "整改措施": "建立学习制度", "责任单位": "办公室",
             "整改时限": "2026年8月底前", "整改状态": "已完成", "完成时间": date(2026, 6, 30), "佐证材料": "制度"}]
    path = write_ledger(tmp_path / "无销号.xlsx", header, rows)
    assert not [f for f in api.check(path).findings if f.code in CLOSURE_CODES]


def test_acceptor_checked_only_where_the_ledger_has_the_column(tmp_path: Path) -> None:
    """An auditor asks who accepted a closed measure where the ledger's form records it; a form
    without a 验收人 column is not a fault of each closed row (nothing is reported)."""
    header = ("具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "完成时间", "佐证材料", "销号日期")
    rows = [{"具体问题": "1.针对学习不深入问题", "整改措施": f"措施{i}", "责任单位": "办公室",
             "整改时限": "2026年8月底前", "整改状态": "已销号", "完成时间": date(2026, 8, 1),
             "佐证材料": "纪要、销号审批表", "销号日期": date(2026, 8, 20)} for i in range(3)]
    path = write_ledger(tmp_path / "无验收人列.xlsx", header, rows)
    assert not [f for f in api.check(path).findings if f.code in CLOSURE_CODES]
    path2 = write_ledger(tmp_path / "有验收人列.xlsx", (*header, "验收人"), rows)
    found = [f for f in api.check(path2).findings if f.code in CLOSURE_CODES]
    assert [(f.code, f.row, f.cell) for f in found] == [("closed-without-acceptor", r, f"I{r}") for r in (4, 5, 6)]


def test_summary_sheets_count_closed_apart_from_done(closure, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report, out = api.summary_workbook(closure.path, tmp_path / "汇总.xlsx")
    assert (report.counts.done, report.counts.accepted, report.counts.closed) == (11, 3, 4)
    wb = load_workbook(out)
    overview = {r[0]: r[1] for r in wb["整改总体情况"].iter_rows(values_only=True) if r and r[0]}
    assert overview["已完成"] == 11 and overview["其中：已验收待销号"] == 3 and overview["其中：已销号"] == 4
    assert overview["措施销号率"] == round(4 / 12, 4)
    sentence = wb["整改总体情况"]["A3"].value
    assert sentence == ("截至2026年11月20日，巡察反馈的一个方面4个问题已完成整改3个（其中已销号1个）、正在整改1个；"
                        "12项整改措施已完成11项（其中已销号4项）、正在推进1项，整改措施完成率91.7%、销号率33.3%。")
    units = wb["责任单位统计"]
    header = [c.value for c in units[2]]
    assert header[9:11] == ["已销号", "销号率"]
    rows = {r[0]: r for r in units.iter_rows(min_row=3, values_only=True)}
    assert rows["办公室"][9] == 3  # r4, r5, r14
    assert rows["执法监察大队"][9] == 1 and rows["耕地保护股"][9] == 0
    detail = [r for r in wb["整改明细"].iter_rows(min_row=3, values_only=True) if r[0] == "措施"]
    assert [r[12] for r in detail] == ["已销号", "已销号", "已验收", "已验收", "已销号", None, None, None,
                                       "已验收", None, "已销号", None]


def test_notice_counts_closed_apart_and_still_parses(closure) -> None:  # type: ignore[no-untyped-def]
    ledger = read_ledger(closure.path)
    assert notice_totals_sentence(ledger, AS_OF) == (
        "截至2026年11月20日，巡察反馈的一个方面4个问题已完成整改3个（其中已销号1个）、正在整改1个；"
        "12项整改措施已完成11项（其中已销号4项）、正在推进1项，整改措施完成率91.7%。")
    text = render_notice(ledger, as_of=AS_OF)
    assert "已完成11项（其中已销号4项）" in text
    parsed = parse_notice(text)
    assert parsed.total_checks and all(c.ok is not False for c in parsed.total_checks), parsed.total_checks


def test_check_command_reports_closure_findings(closure) -> None:  # type: ignore[no-untyped-def]
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(closure.path), "--format", "json",
                           "--accept-days", "60"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 1  # errors found (closed without evidence, dates out of order)
    import json

    codes = {(f["code"], f["row"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("awaiting-acceptance", 10) in codes and ("closed-without-evidence", 5) in codes
    assert {c for c, _ in codes} >= {"closed-before-completion", "closed-before-acceptance"}


def test_header_aliases_of_the_closure_columns(tmp_path: Path) -> None:
    assert F.field_for_header("验收时间") == F.ACCEPTED and F.field_for_header("验收责任人") == F.ACCEPTOR
    assert F.field_for_header("销号时间") == F.CLOSED and F.field_for_header("延期批准时间") == F.EXTENSION_GRANTED
    assert F.field_for_header("申请延期时间") == F.EXTENSION_GRANTED and F.field_for_header("延期时限") == F.EXTENSION
    assert list(CLOSURE_HEADER).count("验收人") == 1


def test_yes_no_closure_columns_of_a_county_ledger(tmp_path: Path) -> None:
    """A township's ledger records closure in yes/no columns ("是否验收", "是否已销号") rather than
    dates: a 是 is a stage reached, and is checked as one."""
    from openpyxl import Workbook

    assert F.field_for_header("是否已销号") == F.CLOSED_FLAG and F.field_for_header("是否通过验收") == F.ACCEPTED_FLAG
    assert F.field_for_header("销号情况") == F.STATUS  # "已销号"/"未销号" there is a status
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "反馈问题", "整改举措", "牵头单位", "完成时限", "完成情况", "佐证资料", "是否验收",
               "是否已销号"])
    ws.append([1, "村级财务公开不及时", "每季度公开一次村务财务", "经管站", "2026年6月30日", "已完成", "公开照片",
               "是", "是"])
    ws.append([2, "集体资产台账不全", "清查登记集体资产", "经管站", "2026年6月30日", "已完成", None, "√", "是"])
    ws.append([3, "惠民资金发放滞后", "建立资金发放台账", "民政办", "2027年6月30日", "正在推进", None, "否", "是"])
    ws.append([4, "党员活动室管理不规范", "制定活动室管理制度", "党建办", "2026年6月30日", "已完成", "制度文件",
               "待验收", "否"])
    path = tmp_path / "某镇巡察整改台账.xlsx"
    wb.save(path)
    report = api.check(path, Options(as_of=date(2026, 11, 30)))
    got = {(f.code, f.row) for f in report.findings}
    assert not any(c == "column-not-understood" for c, _ in got), got
    # closed without evidence (row 3), closed while still in progress (row 4, the 是否已销号 cell)
    assert ("closed-without-evidence", 3) in got
    by = {(f.code, f.row): f for f in report.findings}
    flag = by[("closure-flag-unfinished", 4)]
    assert flag.cell == "I4" and flag.value == "是"
    assert flag.message == ("第4行的“是否销号”为“是”，但状态为“正在推进”：未完成的措施不能验收、销号，请核对整改状态，"
                            "或把“是否销号”改为“否”。")
    ledger = read_ledger(path)
    stages = [closure_stage(m) for m in ledger.measures()]
    assert stages == [Stage.CLOSED, Stage.CLOSED, None, None]
    # the notice counts the two closed measures apart
    assert "其中已销号2项" in notice_totals_sentence(ledger, date(2026, 11, 30))
