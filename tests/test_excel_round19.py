"""The workbook the clerk has open, round 19: 标记问题 / 清除标记 (the add-in, through the COM stand-in)
and ``rectxl annotate`` / ``--clear`` on workbooks as clerks leave them.

- a row whose cells together hold more than a cell's 32,767 characters (a 完成情况 pasted from a
  report): the record of the marks still fits its cells, and clearing gives back exactly;
- a ledger sheet protected (with a password or without): 标记问题 says so and changes nothing;
  a sheet protected after marking: 清除标记 says so and changes nothing, then clears once lifted;
- the record sheet shown again (取消隐藏) and renamed, rectxl's 校验结果 renamed: clearing still clears, and
  the renamed sheet is named;
- a marked row the clerk copied (below the table, onto a sheet of their own): the copy keeps its
  colour and formats, and its cells are named;
- dates rectxl writes are Chinese dates (2026年12月1日);
- a ledger kept in LibreOffice (.ods, saved as .xlsx; a marked copy through .ods and back).

Every fixture is built here with openpyxl.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl import excel as rx
from rectxl.cli.commands import main
from rectxl.core.errors import RectxlError
from rectxl.core.names import FINDINGS_SHEET, MARKS_SHEET
from rectxl.core.rules import Options
from tests import realworld_workbooks as R
from tests.com_standin import Excel, solid_fills, workbook_of
from tests.workbook_compare import soffice, soffice_convert

AS_OF = date(2026, 12, 1)
OPTS = Options(as_of=AS_OF)
SHEET = "整改落实台账"
BLUE = "DDEBF7"  # the clerk's own fill on a deadline rectxl marks


def _street_ledger(path: Path, *, progress: str = "已召开专题会议部署", issue: str = "社区网格员队伍管理松散",
                   protect: str | None = None) -> Path:
    """A 街道办's ledger: measure 1 is overdue (its 完成时限 filled blue by the clerk), measure 2 has
    no 具体责任人. ``protect``: the sheet protected as Excel's 保护工作表 leaves it ("" without a
    password)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(["序号", "巡察反馈问题", "整改举措", "牵头单位", "具体责任人", "完成时限", "推进情况", "整改状态"])
    ws.append([1, issue, "建立网格员考勤制度", "综治中心", "孙某", "2026年11月15日", progress, "正在推进"])
    ws.append([2, "老旧小区消防通道堵塞", "开展消防通道专项清理", "应急办", None, "2027年3月31日", "已清理通道6处",
               "正在推进"])
    ws["F2"].fill = PatternFill("solid", fgColor="FF" + BLUE)
    if protect is not None:
        ws.protection.sheet = True  # formatting cells not allowed, as Excel leaves it
        if protect:
            ws.protection.password = protect
    info = wb.create_sheet("基本信息")
    for pair in [("单位名称", "某某街道办事处"), ("反馈日期", date(2026, 4, 10)), ("报告日期", AS_OF)]:
        info.append(list(pair))
    wb.save(path)
    return path


def _file_fills(path: Path, sheet: str = SHEET) -> dict[str, str | None]:
    return solid_fills(openpyxl.load_workbook(path)[sheet])


def _book_fills(book: Any, sheet: str = SHEET) -> dict[str, str | None]:
    return solid_fills(workbook_of(book).wb[sheet])


def _names(book: Any) -> list[str]:
    return [s.name for s in book.sheets]


def _prompt(excel: Excel) -> str:
    return str(excel.alerts[-1]["prompt"])


def _annotated(folder: Path) -> tuple[dict[str, str | None], Any]:
    """The ledger's fills before, and the workbook ``rectxl annotate`` wrote, open in openpyxl."""
    path = _street_ledger(folder / "街道台账.xlsx")
    before = _file_fills(path)
    _, marked, _ = api.annotate(path, folder / "标记.xlsx", OPTS)
    return before, openpyxl.load_workbook(marked)


def _marked(path: Path) -> tuple[dict[str, str | None], Excel, Any]:
    """The ledger's fills before, and the workbook open in Excel after 标记问题."""
    before = _file_fills(path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    rx.flag(book, OPTS)
    return before, excel, book


# -- 1. a row longer than a cell ----------------------------------------------------------------


def _long_row_ledger(path: Path) -> Path:
    # 具体问题 and 推进情况 as pasted from the 巡察 report and the 街道's 整改报告: 45,000 characters together
    issue = "社区网格员队伍管理松散，考勤制度形同虚设，部分网格员长期不在岗。" * 800
    progress = "街道党工委召开专题会议研究部署，逐一约谈网格员并建立考勤台账；" * 650
    return _street_ledger(path, issue=issue, progress=progress)


def test_a_row_longer_than_a_cell_is_marked_and_cleared_exactly_by_the_buttons(tmp_path: Path) -> None:
    before, excel, book = _marked(_long_row_ledger(tmp_path / "街道台账.xlsx"))
    assert "已标记 2 个单元格" in _prompt(excel)
    assert _book_fills(book)["F2"] != BLUE
    rx.clear(book)
    assert "2 个单元格恢复原样" in _prompt(excel)
    assert _book_fills(book) == before  # F2 has the clerk's blue back
    assert _names(book) == [SHEET, "基本信息"]


def test_a_row_longer_than_a_cell_is_recorded_within_a_cell_and_cleared_exactly(tmp_path: Path) -> None:
    path = _long_row_ledger(tmp_path / "街道台账.xlsx")
    before = _file_fills(path)
    _, marked, _ = api.annotate(path, tmp_path / "标记.xlsx", OPTS)
    wb = openpyxl.load_workbook(marked)
    record = next(wb[n] for n in wb.sheetnames if n.startswith(MARKS_SHEET))
    longest = max(len(str(c.value)) for row in record.iter_rows() for c in row if c.value is not None)
    assert longest <= 32_767  # Excel opens the file without repairing (and cutting) the record
    outcome, cleared, _ = api.clear_marks(marked, tmp_path / "清除.xlsx")
    assert outcome.restored == 2
    assert _file_fills(cleared) == before and openpyxl.load_workbook(cleared).sheetnames == [SHEET, "基本信息"]


def test_marks_on_long_rows_are_followed_after_a_sort(tmp_path: Path) -> None:
    """The two measures, each with a long 推进情况, swapped by a sort after marking (saved by
    openpyxl): each mark is found on its row and given back there."""
    path = _long_row_ledger(tmp_path / "街道台账.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws["G3"] = "应急办牵头组织物业公司、社区开展消防通道清理，已清理堵塞通道6处；" * 30  # > 500 characters
    wb.save(path)
    before = _file_fills(path)
    _, marked, _ = api.annotate(path, tmp_path / "标记.xlsx", OPTS)
    wb = openpyxl.load_workbook(marked)
    ws = wb[SHEET]
    from copy import copy

    rows = [[(c.value, copy(c._style)) for c in ws[r]] for r in (2, 3)]
    for r, cells in zip((3, 2), rows, strict=True):
        for c, (value, style) in enumerate(cells, start=1):
            ws.cell(r, c).value = value
            ws.cell(r, c)._style = style
    sorted_path = tmp_path / "排序后.xlsx"
    wb.save(sorted_path)
    outcome, cleared, _ = api.clear_marks(sorted_path, tmp_path / "清除.xlsx")
    assert outcome.restored == 2 and outcome.moved == 2
    swapped = {f"{col}{5 - int(row)}": fill for ref, fill in before.items()
               for col, row in [(ref[0], ref[1:])] if row in ("2", "3")}
    after = _file_fills(cleared)
    assert {ref: after[ref] for ref in swapped} == swapped  # the clerk's blue went with its row


# -- 2. a protected ledger sheet ------------------------------------------------------------------


@pytest.mark.parametrize("password", ["", "jd2026"])
def test_marking_a_protected_sheet_says_so_and_changes_nothing(password: str, tmp_path: Path) -> None:
    path = _street_ledger(tmp_path / "街道台账.xlsx", protect=password)
    before = _file_fills(path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    assert rx.flag(book, OPTS) is None
    prompt = _prompt(excel)
    assert prompt.startswith("工作表受保护") and f"“{SHEET}”" in prompt and "工作簿未改动" in prompt
    assert "撤销工作表保护" in prompt
    assert _names(book) == [SHEET, "基本信息"] and _book_fills(book) == before
    assert workbook_of(book).Saved  # Excel would not even ask to save
    # the command line: a copy, marked as the clerk asked, says the protection; in place, refused
    source = path.read_bytes()
    with pytest.raises(RectxlError, match=f"工作表“{SHEET}”受保护"):
        api.annotate(path, None, OPTS, in_place=True)
    assert path.read_bytes() == source


def test_clearing_a_sheet_protected_after_marking_says_so_then_clears(tmp_path: Path) -> None:
    before, excel, book = _marked(_street_ledger(tmp_path / "街道台账.xlsx"))
    marked = _book_fills(book)
    book.sheets[SHEET].api.Protect(Password="jd2026")
    assert rx.clear(book) is None
    prompt = _prompt(excel)
    assert prompt.startswith("工作表受保护") and "“清除标记”未执行" in prompt and "意外" not in prompt
    assert _book_fills(book) == marked and FINDINGS_SHEET in _names(book)
    book.sheets[SHEET].api.Unprotect(Password="jd2026")
    assert rx.clear(book) == 2
    assert _book_fills(book) == before and _names(book) == [SHEET, "基本信息"]


# -- 3. the record shown again, rectxl's sheet renamed --------------------------------------------


def test_the_buttons_clear_after_the_record_is_shown_and_the_findings_renamed(tmp_path: Path) -> None:
    before, excel, book = _marked(_street_ledger(tmp_path / "街道台账.xlsx"))
    record = next(s for s in book.sheets if s.name.startswith(MARKS_SHEET))
    record.visible = True  # 取消隐藏
    record.name = "标记记录"  # and renamed too
    book.sheets[FINDINGS_SHEET].name = "街道问题清单"
    assert rx.clear(book) == 2
    prompt = _prompt(excel)
    assert f"“{FINDINGS_SHEET}”已改名" in prompt and "“街道问题清单”" in prompt and "未删除" in prompt
    assert _book_fills(book) == before
    assert _names(book) == [SHEET, "基本信息", "街道问题清单"]  # the record gone, the renamed sheet named


def test_the_command_line_clears_after_the_record_is_shown_and_the_findings_renamed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, wb = _annotated(tmp_path)
    for ws in wb.worksheets:
        if ws.title.startswith(MARKS_SHEET):
            ws.sheet_state = "visible"
            ws.title = "标记记录"
    wb[FINDINGS_SHEET].title = "街道问题清单"
    shown = tmp_path / "取消隐藏.xlsx"
    wb.save(shown)
    assert main(["annotate", "--clear", str(shown), "-o", str(tmp_path / "清除.xlsx")]) == 0
    out = capsys.readouterr().out
    # round 21: as 清除标记 does, the renamed sheet is the user's — left and named, never deleted
    assert "（2个单元格恢复原样）" in out and f"“{FINDINGS_SHEET}”已改名为“街道问题清单”" in out and "未删除" in out
    assert _file_fills(tmp_path / "清除.xlsx") == before
    assert openpyxl.load_workbook(tmp_path / "清除.xlsx").sheetnames == [SHEET, "基本信息", "街道问题清单"]


# -- 4. a marked row the clerk copied ---------------------------------------------------------------


def _copy_row(source: Any, row: int, target: Any, to_row: int) -> None:
    """The clerk copies a row and pastes it (values and formats, rectxl's colour included)."""
    from copy import copy

    for cell in source[row]:
        pasted = target.cell(to_row, cell.column)
        pasted.value, pasted._style = cell.value, copy(cell._style)


def test_a_marked_row_copied_below_keeps_its_colour_and_is_named_by_the_buttons(tmp_path: Path) -> None:
    before, excel, book = _marked(_street_ledger(tmp_path / "街道台账.xlsx"))
    wb = workbook_of(book).wb
    coloured = _book_fills(book)["F2"]
    _copy_row(wb[SHEET], 2, wb[SHEET], 9)  # 留底: measure 1 pasted below the table
    notes = wb.create_sheet("报街道党工委")
    _copy_row(wb[SHEET], 1, notes, 1)
    _copy_row(wb[SHEET], 3, notes, 2)
    rx.clear(book)
    prompt = _prompt(excel)
    assert f"工作表“{SHEET}”中有 1 个单元格仍是 rectxl 的标记底色（F9）" in prompt
    assert "工作表“报街道党工委”中有 1 个单元格仍是 rectxl 的标记底色（E2）" in prompt
    after = _book_fills(book)
    assert {ref: after[ref] for ref in before} == before  # the marked cells given back
    assert after["F9"] == coloured and _book_fills(book, "报街道党工委")["E2"] is not None  # the copies kept


def test_a_marked_row_copied_below_keeps_its_colour_and_is_named_by_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, wb = _annotated(tmp_path)
    coloured = solid_fills(wb[SHEET])["F2"]
    _copy_row(wb[SHEET], 2, wb[SHEET], 9)
    wb[SHEET]["F9"].font = openpyxl.styles.Font(bold=True)  # and the clerk's own bold on the copy
    copied = tmp_path / "复制.xlsx"
    wb.save(copied)
    assert main(["annotate", "--clear", str(copied), "-o", str(tmp_path / "清除.xlsx")]) == 0
    assert f"工作表“{SHEET}”中有 1 个单元格仍是 rectxl 的标记底色（F9）" in capsys.readouterr().out
    cleared = openpyxl.load_workbook(tmp_path / "清除.xlsx")[SHEET]
    after = solid_fills(cleared)
    assert {ref: after[ref] for ref in before} == before
    assert after["F9"] == coloured and cleared["F9"].font.b


# -- 6. dates in what rectxl writes ----------------------------------------------------------------


def test_what_rectxl_writes_gives_chinese_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """截至日期 above 校验结果 and the summary, the 逾期清单's due day, and the command line's words:
    2026年12月1日, never 2026-12-01."""
    path = _street_ledger(tmp_path / "街道台账.xlsx")
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    rx.summarize(book, OPTS)
    rx.validate(book, OPTS)
    wb = workbook_of(book).wb
    texts = [str(c.value) for name in (FINDINGS_SHEET, "整改总体情况", "逾期清单")
             for row in wb[name].iter_rows() for c in row if c.value is not None]
    assert any("截至日期：2026年12月1日" in t for t in texts)
    assert "2026年11月15日" in texts  # measure 1's due day in 逾期清单
    assert not any("2026-1" in t for t in texts)
    as_of = ["--as-of", "2026-12-01"]
    main(["summary", str(path), "-o", str(tmp_path / "汇总.xlsx"), *as_of])
    main(["check", str(path), *as_of])
    main(["remind", str(path), "-o", str(tmp_path / "提醒"), *as_of])
    out = capsys.readouterr().out
    assert "（截至2026年12月1日）" in out and "截至日期：2026年12月1日" in out and "截至2026年12月1日（" in out
    assert "2026-12-01" not in out


# -- 7. workbooks LibreOffice saved ------------------------------------------------------------------


def _values(path: Path, sheet: str = SHEET) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
def test_a_ledger_kept_in_libreoffice_is_marked_and_cleared_exactly(tmp_path: Path) -> None:
    """The 街道's ledger kept as .ods (refused with advice), saved as .xlsx by LibreOffice: annotate
    then --clear gives it back byte for byte, and 标记问题 then 清除标记 cell for cell; a marked copy
    passed through .ods and back (LibreOffice renumbers formats and sheets, drops very hidden) clears
    to the same cells — with rows longer than a cell."""
    ods = soffice_convert(_long_row_ledger(tmp_path / "街道台账.xlsx"), "ods", tmp_path / "ods")
    with pytest.raises(RectxlError, match=r"另存为 \.xlsx 后再标记"):
        api.annotate(ods, tmp_path / "x.xlsx", OPTS)
    ledger = soffice_convert(ods, "xlsx", tmp_path / "lo")
    before, values = _file_fills(ledger), _values(ledger)
    assert before["F2"] == BLUE
    _, marked, _ = api.annotate(ledger, tmp_path / "标记.xlsx", OPTS)
    _, cleared, _ = api.clear_marks(marked, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(ledger)
    back = soffice_convert(soffice_convert(marked, "ods", tmp_path / "m_ods"), "xlsx", tmp_path / "m_xlsx")
    outcome, cleared, _ = api.clear_marks(back, tmp_path / "清除2.xlsx")
    assert outcome.restored == 2 and not outcome.unresolved
    assert _file_fills(cleared) == before and _values(cleared) == values
    assert openpyxl.load_workbook(cleared).sheetnames == [SHEET, "基本信息"]
    excel = Excel(today=AS_OF)
    book = excel.open(ledger)
    rx.flag(book, OPTS)
    rx.clear(book)
    assert "2 个单元格恢复原样" in _prompt(excel) and _book_fills(book) == before


def test_clear_in_place_of_a_sheet_protected_since_marking_is_refused_as_the_button_is(tmp_path: Path) -> None:
    """The command line as 清除标记 in Excel: a ledger marked in place, its sheet protected since
    (with a password), is not cleared in place — the file stays as it is, and a cleared copy is
    written without --in-place; a copy rectxl marked through its owner's protection is cleared in
    place as it was marked."""
    path = _street_ledger(tmp_path / "街道台账.xlsx")
    before = _file_fills(path)
    api.annotate(path, None, OPTS, in_place=True)
    wb = openpyxl.load_workbook(path)
    wb[SHEET].protection.sheet = True
    wb[SHEET].protection.password = "jd2026"
    wb.save(path)
    protected = path.read_bytes()
    with pytest.raises(RectxlError, match=f"工作表“{SHEET}”受保护.*清除标记后的副本"):
        api.clear_marks(path, None, in_place=True)
    assert path.read_bytes() == protected
    outcome, cleared, _ = api.clear_marks(path, tmp_path / "清除.xlsx")
    assert outcome.restored == 2 and _file_fills(cleared) == before
    assert openpyxl.load_workbook(cleared)[SHEET].protection.sheet  # the owner's protection kept
    marked_copy = tmp_path / "受保护_标记.xlsx"
    # a copy of a protected ledger is not coloured (round 21, as 标记问题): its sheets are cleared in place
    api.annotate(_street_ledger(tmp_path / "受保护.xlsx", protect="jd2026"), marked_copy, OPTS)
    outcome, cleared, _ = api.clear_marks(marked_copy, None, in_place=True)
    assert cleared == marked_copy and outcome.restored == 0 and _file_fills(cleared) == before
    assert openpyxl.load_workbook(cleared).sheetnames == [SHEET, "基本信息"]


def test_clearing_a_workbook_whose_structure_was_locked_since_says_so(tmp_path: Path) -> None:
    """审阅 → 保护工作簿 after 标记问题: rectxl's sheets cannot be deleted — 清除标记 says so and
    changes nothing (it had failed half-way with an unexpected-problem alert, the colours given
    back and the sheets left); the command line refuses --in-place alike."""
    before, excel, book = _marked(_street_ledger(tmp_path / "街道台账.xlsx"))
    marked, names = _book_fills(book), _names(book)
    book.api.Protect(Password="jd2026", Structure=True)
    assert rx.clear(book) is None
    prompt = _prompt(excel)
    assert prompt.startswith("工作簿结构受保护") and "“清除标记”未执行" in prompt
    assert _book_fills(book) == marked and _names(book) == names
    book.api.Unprotect(Password="jd2026")
    assert rx.clear(book) == 2 and _book_fills(book) == before
    path = _street_ledger(tmp_path / "命令行.xlsx")
    api.annotate(path, None, OPTS, in_place=True)
    wb = openpyxl.load_workbook(path)
    wb.security = openpyxl.workbook.protection.WorkbookProtection(lockStructure=True)
    wb.save(path)
    with pytest.raises(RectxlError, match="工作簿结构已锁定"):
        api.clear_marks(path, None, in_place=True)
