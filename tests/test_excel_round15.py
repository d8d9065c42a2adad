"""Excel front end, round 15: the ribbon buttons on workbooks written as other offices write them.

- an enterprise's 三张清单 (问题清单 on one sheet, 任务清单 on another): a problem given no task is
  an error told on the 问题清单 — 标记问题 (and ``rectxl annotate``) colour that cell as they colour
  the 任务清单's, and 清除标记 gives it back.

Every fixture is built here with openpyxl; the desktop buttons run through the COM stand-in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl import excel as rx
from rectxl.core.findings import Severity
from rectxl.core.rules import Options
from tests.com_standin import Excel, solid_fills, workbook_of

AS_OF = date(2025, 12, 20)


def _key(report: Any) -> list[tuple[str, str | None, str | None, str]]:
    return sorted((f.code, f.sheet, f.cell, f.message) for f in report.findings)


# -- 问题清单 | 任务清单 on two sheets ------------------------------------------------------------------

def _two_lists(path: Path) -> Path:
    """A 国企's 问题清单 and 任务清单: problem 3 (文风会风不实) was given no task; the clerk had shaded
    the 问题清单's number column grey."""
    wb = openpyxl.Workbook()
    problems = wb.active
    assert problems is not None
    problems.title = "问题清单"
    for row in [["巡察反馈问题清单"], ["问题编号", "方面", "问题描述"],
                [1, "一、政治建设方面", "学习贯彻不深入"], [2, None, "意识形态责任制落实不力"],
                [3, "二、作风建设方面", "文风会风不实"], [4, None, "公务接待超标准"]]:
        problems.append(row)
    for ref in ("A1:C1", "B3:B4", "B5:B6"):
        problems.merge_cells(ref)
    grey = PatternFill("solid", fgColor="FFD9D9D9")
    for r in range(3, 7):
        problems.cell(r, 1).fill = grey
    problems["C5"].fill = PatternFill("solid", fgColor="FFDDEBF7")  # the clerk's own blue, to be given back
    tasks = wb.create_sheet("任务清单")
    for row in [["整改任务清单"], ["序号", "问题编号", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
                [1, 1, "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
                [2, 1, "开展专题学习", "办公室", "张某", "长期坚持", "长期坚持"],
                [3, 2, "开展意识形态研判", "宣传科", "李某", "2025年6月30日", "已完成"],
                [4, 4, "清退超标准接待费用", "办公室", "王某", "2025年12月31日", "正在推进"]]:
        tasks.append(row)
    tasks.merge_cells("A1:G1")
    info = wb.create_sheet("基本信息")
    for pair in [("单位名称", "某某集团公司"), ("反馈日期", date(2025, 3, 10)), ("报告日期", AS_OF)]:
        info.append(list(pair))
    wb.save(path)
    return path


def test_a_problem_with_no_task_is_coloured_on_the_problem_list_and_cleared(tmp_path: Path) -> None:
    path = _two_lists(tmp_path / "集团公司整改清单.xlsx")
    options = Options(as_of=AS_OF)
    cli = api.check(path, options)
    (error,) = [f for f in cli.findings if f.severity is Severity.ERROR]
    assert (error.code, error.sheet, error.cell) == ("issue-without-measure", "问题清单", "C5")
    before = {name: solid_fills(openpyxl.load_workbook(path)[name]) for name in ("问题清单", "任务清单")}

    excel = Excel(today=AS_OF)
    book = excel.open(path)
    report = rx.flag(book, options)
    assert report is not None and _key(report) == _key(cli)
    wb = workbook_of(book).wb
    coloured = {name: {ref for ref, fill in solid_fills(wb[name]).items() if fill != before[name].get(ref)}
                for name in ("问题清单", "任务清单")}
    # the error is coloured where it is told, and nothing else on that sheet
    assert coloured["问题清单"] == {"C5"}
    assert coloured["任务清单"] == {"F6"}  # due in 11 days
    assert "已标记 2 个单元格" in excel.alerts[-1]["prompt"]
    # the command line colours the same cells
    _, out, _ = api.annotate(path, tmp_path / "校验.xlsx", options)
    marked = solid_fills(openpyxl.load_workbook(out)["问题清单"])
    assert {ref for ref, fill in marked.items() if fill != before["问题清单"].get(ref)} == {"C5"}

    rx.clear(book)
    assert "2 个单元格恢复原样" in excel.alerts[-1]["prompt"]
    assert {name: solid_fills(wb[name]) for name in ("问题清单", "任务清单")} == before


# -- 基本信息's dates as clerks write them -----------------------------------------------------------

def _feedback_ledger(path: Path, feedback: object) -> Path:
    """A 乡镇 ledger whose deadlines count from the feedback (反馈后2个月内), its 基本信息's 反馈日期
    written as ``feedback``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "村级财务管理不规范", "清理村级往来账款", "经管站", "周某", "反馈后2个月内", "正在推进"])
    info = wb.create_sheet("基本信息")
    for pair in [("单位名称", "某某镇"), ("反馈日期", feedback), ("报告日期", date(2026, 11, 20))]:
        info.append(list(pair))
    wb.save(path)
    return path


def test_a_feedback_day_with_its_time_of_day_is_read(tmp_path: Path) -> None:
    """The feedback meeting's date as the notice of it is copied: "2026年5月10日下午" is 10 May."""
    for written in ("2026年5月10日下午", "2026.5.10 14:30", "2026年5月10日上午9点30分"):
        path = _feedback_ledger(tmp_path / "镇台账.xlsx", written)
        assert api.read_ledger(path).info.feedback_date == date(2026, 5, 10), written
        report = api.check(path)
        (overdue,) = [f for f in report.findings if f.code == "overdue"]
        assert "2026年7月10日" in overdue.message
        assert not [f for f in report.findings if f.code in ("bad-deadline", "info-date-unreadable")]


def test_a_feedback_date_no_calendar_has_is_told_on_the_button_as_on_the_command_line(tmp_path: Path) -> None:
    """"2026年13月5日" (a slip for 2026年3月5日): rectxl cannot count 反馈后2个月内 from it — it had said
    nothing of the 基本信息 cell, only that the deadline could not be dated."""
    path = _feedback_ledger(tmp_path / "镇台账.xlsx", "2026年13月5日")
    cli = api.check(path)
    (told,) = [f for f in cli.findings if f.code == "info-date-unreadable"]
    assert (told.sheet, told.cell, told.severity) == ("基本信息", "B2", Severity.WARNING)
    assert "反馈日期" in told.message and "2026年13月5日" in told.message and "读不出日期" in told.message
    excel = Excel(today=date(2026, 11, 20))
    report = rx.validate(excel.open(path))
    assert report is not None and _key(report) == _key(cli)
    # a correct one gives no such finding
    assert not [f for f in api.check(_feedback_ledger(tmp_path / "对的.xlsx", "2026年5月10日")).findings
                if f.code == "info-date-unreadable"]


# -- 生成提醒's alert ------------------------------------------------------------------------------------

def test_the_reminder_button_says_its_date_as_the_other_buttons_do(tmp_path: Path) -> None:
    """校验台账 says "截至2026年11月20日"; 生成提醒 had said "截至 2026-11-20，预警天数 15天" — a clerk
    reads the date the same way on every button."""
    from rectxl.excel.remind import remind

    path = _feedback_ledger(tmp_path / "镇台账.xlsx", "2026年5月10日")
    excel = Excel(today=date(2026, 11, 20))
    book = excel.open(path)
    rx.validate(book)
    assert "截至2026年11月20日" in excel.alerts[-1]["prompt"]
    assert remind(book) is not None
    said = excel.alerts[-1]["prompt"]
    assert said.startswith("截至2026年11月20日（预警天数 15天）：已生成 1 份文书"), said
    assert "2026-11-20" not in said.split("在文件夹")[0]


# -- a ledger with no status column ------------------------------------------------------------------

def test_an_overdue_account_that_says_no_status_is_not_called_unfilled(tmp_path: Path) -> None:
    """A 镇 ledger keeps only 整改落实情况 (no 整改状态 column); a row's account says "详见附件整改报告".
    Past its deadline it is overdue, and the message says its status is not stated — it had said
    the status was “未填写”, as if the clerk had left a status cell blank; the button says the same."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改落实情况"])
    ws.append([1, "项目管理不严", "开展项目专项检查", "城建办", "吴某", "2026年8月31日", "详见附件整改报告"])
    ws.append([2, "项目管理不严", "建立项目台账", "城建办", "吴某", "2026年8月31日", "正在推进，已完成60%"])
    info = wb.create_sheet("基本信息")
    for pair in [("单位名称", "某某镇"), ("报告日期", date(2026, 11, 20))]:
        info.append(list(pair))
    path = tmp_path / "镇台账.xlsx"
    wb.save(path)
    cli = api.check(path)
    said = {f.cell: f.message for f in cli.findings if f.code == "overdue"}
    assert "状态仍为“未写明”" in said["F2"] and "未填写" not in said["F2"]
    assert "状态仍为“正在推进”" in said["F3"]
    report = rx.validate(Excel(today=date(2026, 11, 20)).open(path))
    assert report is not None and _key(report) == _key(cli)


def test_a_date_of_basic_info_that_cannot_be_read_is_coloured_and_cleared(tmp_path: Path) -> None:
    """标记问题 colours every cell it counts: the unreadable 反馈日期 of 基本信息 too (it had said
    "警告 1 条" and coloured nothing), as ``rectxl annotate`` does; 清除标记 gives the sheet back."""
    path = _feedback_ledger(tmp_path / "镇台账.xlsx", "2026年13月5日")
    before = solid_fills(openpyxl.load_workbook(path)["基本信息"])
    excel = Excel(today=date(2026, 11, 20))
    book = excel.open(path)
    report = rx.flag(book)
    assert report is not None
    counted = [f for f in report.findings if f.severity is not Severity.INFO and f.cell]
    wb = workbook_of(book).wb
    coloured = {(name, ref) for name in ("台账", "基本信息")
                for ref, fill in solid_fills(wb[name]).items() if fill is not None}
    assert ("基本信息", "B2") in coloured and {(f.sheet, f.cell) for f in counted} == coloured
    _, out, _ = api.annotate(path, tmp_path / "校验.xlsx")
    assert solid_fills(openpyxl.load_workbook(out)["基本信息"])["B2"] is not None
    rx.clear(book)
    assert solid_fills(wb["基本信息"]) == before
