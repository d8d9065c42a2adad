"""Round 21: the Excel side and the user's data as office staff meet them — the command line
(``rectxl annotate`` / ``--clear``, ``rectxl summary``) and the add-in's buttons (through the COM
stand-in) on ledgers written the way other offices write them.

- rectxl's sheets carry one mark of ownership (a hidden name local to the sheet) that the command
  line and the add-in both read: a 校验结果 the clerk renamed is the clerk's — left and named by
  both, its mark taken off; a sheet of rectxl's name without the mark is never deleted;
- a ledger sheet protected against formatting: ``annotate -o copy`` colours nothing (as 标记问题
  colours nothing), keeps the owner's protection, writes the findings into 校验结果 and says so;
- dates rectxl writes into its sheets read as the clerk's Excel shows them (2026年3月31日), never
  the ISO text of a date cell (2026-03-31);

Every fixture is built here with openpyxl (or edited as a package, as WPS and LibreOffice write it).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl import excel as rx
from rectxl.cli.commands import main
from rectxl.core.names import FINDINGS_SHEET, OWNER_MARK, SUMMARY_SHEETS
from rectxl.core.rules import Options
from tests import realworld_workbooks as R
from tests.com_standin import Excel, values_of, workbook_of

AS_OF = date(2026, 6, 30)
OPTS = Options(as_of=AS_OF)
SHEET = "问题整改清单"


def _county_ledger(path: Path, *, protect: bool = False) -> Path:
    """A 县直单位's ledger (its own headings): 整改期限 as real date cells, measure 1 overdue, measure 2
    without a 责任人."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(["编号", "反馈问题", "整改措施", "责任领导", "责任人", "整改期限", "进展情况", "完成状态"])
    ws.append([1, "财务报销审核把关不严", "修订财务报销审批办法", "王某", "李某", datetime(2026, 3, 31),
               "已起草修订稿", "正在推进"])
    ws.append([2, "固定资产账实不符", "开展固定资产清查", "王某", None, datetime(2026, 12, 31), "已清查一半",
               "正在推进"])
    for row in (2, 3):
        ws.cell(row, 6).number_format = 'yyyy"年"m"月"d"日"'
    if protect:
        ws.protection.sheet = True  # 保护工作表 as Excel leaves it: formatting cells not allowed
    wb.save(path)
    return path


def _texts(wb: Any, names: list[str]) -> list[str]:
    return [str(c.value) for name in names for row in wb[name].iter_rows() for c in row if c.value is not None]


# -- dates rectxl writes ------------------------------------------------------------------------


def test_date_cells_come_out_as_chinese_dates_in_the_annotated_copy_and_the_summary(tmp_path: Path) -> None:
    path = _county_ledger(tmp_path / "台账.xlsx")
    _, marked, _ = api.annotate(path, tmp_path / "标记.xlsx", OPTS)
    wb = openpyxl.load_workbook(marked)
    texts = _texts(wb, [FINDINGS_SHEET, "整改明细", "逾期清单"])
    assert "2026年3月31日" in _texts(wb, ["整改明细"]) and "2026年3月31日" in _texts(wb, ["逾期清单"])
    assert not any("2026-03-31" in t or "2026-12-31" in t for t in texts)
    assert main(["summary", str(path), "-o", str(tmp_path / "汇总.xlsx"), "--as-of", AS_OF.isoformat()]) == 0
    summary = openpyxl.load_workbook(tmp_path / "汇总.xlsx")
    texts = _texts(summary, ["整改明细", "逾期清单"])
    assert "2026年12月31日" in texts and not any("2026-" in t for t in texts)


def test_date_cells_come_out_as_chinese_dates_from_the_buttons(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_county_ledger(tmp_path / "台账.xlsx"))
    rx.validate(book, OPTS)
    rx.summarize(book, OPTS)
    wb = workbook_of(book).wb
    texts = _texts(wb, [FINDINGS_SHEET, "整改明细", "逾期清单"])
    assert "2026年3月31日" in texts and not any("2026-03-31" in t or "2026-12-31" in t for t in texts)


# -- a protected ledger sheet -------------------------------------------------------------------


def _fills(path: Path) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path)[SHEET]
    return {c.coordinate: (c.fill.fill_type, c.fill.fgColor.rgb) for row in ws.iter_rows() for c in row}


def test_a_copy_of_a_protected_ledger_is_not_coloured_and_says_so(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = _county_ledger(tmp_path / "台账.xlsx", protect=True)
    before, raw = _fills(source), source.read_bytes()
    copy = tmp_path / "标记.xlsx"
    assert main(["annotate", str(source), "-o", str(copy), "--as-of", AS_OF.isoformat()]) == 1
    out = capsys.readouterr().out
    assert f"工作表“{SHEET}”受保护，不允许设置单元格格式" in out and "未标色" in out and "已标色" not in out
    assert "撤销工作表保护" in out and "原文件未改动" in out
    assert source.read_bytes() == raw
    assert _fills(copy) == before  # not a cell of the protected sheet changed its format
    wb = openpyxl.load_workbook(copy)
    assert wb[SHEET].protection.sheet  # the owner's protection kept
    note = " ".join(_texts(wb, [FINDINGS_SHEET])[:6])
    assert f"工作表“{SHEET}”受保护" in note and "问题见本表" in note
    assert any("已逾期" in t for t in _texts(wb, [FINDINGS_SHEET]))  # the findings are there
    # the button agrees: 标记问题 colours nothing there and says so
    excel = Excel(today=AS_OF)
    book = excel.open(source)
    assert rx.flag(book, OPTS) is None
    assert f"“{SHEET}”不允许设置单元格格式" in excel.alerts[-1]["prompt"]
    # and the copy is cleared back to the ledger as it was
    _, cleared, _ = api.clear_marks(copy, tmp_path / "清除.xlsx")
    assert _fills(cleared) == before and openpyxl.load_workbook(cleared).sheetnames == [SHEET]


# -- rectxl's sheets: one mark of ownership ---------------------------------------------------------

KEPT = "三月问题清单"  # the clerk keeps 校验结果 under a name of their own
OWN_ROWS = [["自查事项", "自查结论"], ["财务报销", "已逐项对照"]]


def _marks_in(path: Path) -> int:
    return R.parts(path)["xl/workbook.xml"].count(OWNER_MARK.encode())


def test_the_command_line_keeps_a_renamed_findings_sheet_and_never_deletes_a_users_sheet_of_its_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After annotate the clerk renames 校验结果 to keep it, and pastes the list into a new sheet of
    their own called 校验结果 (rectxl's header row and all): --clear removes the summary sheets, leaves
    both — naming them — and takes its mark off the renamed one."""
    _, marked, _ = api.annotate(_county_ledger(tmp_path / "台账.xlsx"), tmp_path / "标记.xlsx", OPTS)
    assert _marks_in(marked) == 1 + len(SUMMARY_SHEETS)
    wb = openpyxl.load_workbook(marked)
    kept = wb[FINDINGS_SHEET]
    kept.title = KEPT
    mine = wb.create_sheet(FINDINGS_SHEET)
    for row in kept.iter_rows(values_only=True):
        mine.append(list(row))
    edited = tmp_path / "改名.xlsx"
    wb.save(edited)
    assert main(["annotate", "--clear", str(edited), "-o", str(tmp_path / "清除.xlsx")]) == 0
    out = capsys.readouterr().out
    assert f"“{FINDINGS_SHEET}”已改名为“{KEPT}”" in out and "未删除" in out
    assert f"工作表“{FINDINGS_SHEET}”与 rectxl 添加的工作表同名" in out
    cleared = openpyxl.load_workbook(tmp_path / "清除.xlsx")
    assert cleared.sheetnames == [SHEET, KEPT, FINDINGS_SHEET]
    assert _marks_in(tmp_path / "清除.xlsx") == 0  # the renamed sheet is the clerk's now


def _button_marked(folder: Path) -> tuple[Excel, Any]:
    excel = Excel(today=AS_OF)
    book = excel.open(_county_ledger(folder / "台账.xlsx"))
    rx.flag(book, OPTS)
    rx.summarize(book, OPTS)
    book.sheets[FINDINGS_SHEET].name = KEPT
    mine = book.sheets.add(FINDINGS_SHEET, after=book.sheets[len(book.sheets) - 1])
    mine.range("A1").value = OWN_ROWS
    return excel, book


def test_the_button_keeps_a_renamed_findings_sheet_and_never_deletes_a_users_sheet_of_its_name(
        tmp_path: Path) -> None:
    excel, book = _button_marked(tmp_path)
    assert rx.clear(book) is not None
    prompt = str(excel.alerts[-1]["prompt"])
    assert f"“{FINDINGS_SHEET}”已改名为“{KEPT}”" in prompt and "未删除" in prompt
    names = [s.name for s in book.sheets]
    assert names == [SHEET, KEPT, FINDINGS_SHEET]  # the summary sheets gone, the clerk's two kept
    assert values_of(book, FINDINGS_SHEET)[:2] == OWN_ROWS
    assert not book.sheets[KEPT].api.Names.Count  # its mark taken off: the clerk's now


def test_the_command_line_clears_the_buttons_marks_by_the_same_mark(tmp_path: Path) -> None:
    """The workbook the add-in marked, saved, then cleared by the command line: the same sheets
    are kept and deleted as 清除标记 keeps and deletes them."""
    _, book = _button_marked(tmp_path)
    workbook_of(book).Save()
    outcome, cleared, _ = api.clear_marks(tmp_path / "台账.xlsx", tmp_path / "清除.xlsx")
    assert sorted(outcome.removed) == sorted(SUMMARY_SHEETS)
    assert outcome.renamed_own == {KEPT: FINDINGS_SHEET} and FINDINGS_SHEET in outcome.left
    wb = openpyxl.load_workbook(cleared)
    assert wb.sheetnames == [SHEET, KEPT, FINDINGS_SHEET]
    assert [list(r) for r in wb[FINDINGS_SHEET].iter_rows(max_row=2, max_col=2, values_only=True)] == OWN_ROWS
    assert _marks_in(cleared) == 0


def test_pressing_again_never_writes_over_a_users_sheet_of_rectxls_name(tmp_path: Path) -> None:
    """校验台账 pressed again after the clerk renamed rectxl's 校验结果 and made a sheet of their own
    under that name: theirs is not written over — rectxl's list goes to 校验结果(rectxl) — and
    清除标记 then deletes only that one."""
    excel = Excel(today=AS_OF)
    book = excel.open(_county_ledger(tmp_path / "台账.xlsx"))
    rx.validate(book, OPTS)
    book.sheets[FINDINGS_SHEET].name = KEPT
    mine = book.sheets.add(FINDINGS_SHEET, after=book.sheets[len(book.sheets) - 1])
    mine.range("A1").value = OWN_ROWS
    rx.validate(book, OPTS)
    assert values_of(book, FINDINGS_SHEET) == OWN_ROWS
    assert f"详见“{FINDINGS_SHEET}(rectxl)”工作表" in str(excel.alerts[-1]["prompt"])
    rx.clear(book)
    assert [s.name for s in book.sheets] == [SHEET, KEPT, FINDINGS_SHEET]
    assert values_of(book, FINDINGS_SHEET) == OWN_ROWS
