"""The Excel entry points as desktop Excel runs them (RunPython → xlwings' Windows engine → COM),
through the COM stand-in (tests/com_standin.py): on the bundled example, the messy ledger and
every county-style ledger they give exactly ``rectxl check``'s findings, write the same sheets as
the command line, keep text as text, and set up new ledgers where a user can find them."""

from __future__ import annotations

import copy
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl import excel as rx
from rectxl.core.findings import Finding
from rectxl.core.rules import Options
from rectxl.core.sheets import FINDINGS_SHEET, MARKS_SHEET, OUTPUT_SHEETS, SUMMARY_SHEETS, SheetSpec, highlight_cells
from rectxl.core.validate import Report
from rectxl.excel import book_io, places
from rectxl.io.docx_read import read_notice_docx
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_grids, read_ledger
from rectxl.io.xlsx_out import write_spec as write_spec_file
from tests import xlwings_remote as xr
from tests.com_standin import ERROR_CODES, Excel, TimeType, entered, solid_fills, values_of, workbook_of
from tests.county_ledgers import BUILDERS
from tests.ledgers import MESSY_AS_OF, write_messy_ledger, write_simple_ledger

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "workbooks" / "示例台账.xlsx"
FIXTURES = ["example", "messy", *BUILDERS]


def _build(name: str, folder: Path) -> tuple[Path, Options]:
    folder.mkdir(parents=True, exist_ok=True)
    if name == "example":
        target = folder / EXAMPLE.name
        target.write_bytes(EXAMPLE.read_bytes())
        return target, Options()
    if name == "messy":
        return write_messy_ledger(folder / "台账.xlsx"), Options(as_of=MESSY_AS_OF)
    case = BUILDERS[name](folder)
    return case.path, Options(as_of=case.as_of)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Options]]:
    root = tmp_path_factory.mktemp("fixtures")
    return {name: _build(name, root / name) for name in FIXTURES}


def _key(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [(f.code, f.severity, f.sheet, f.cell, f.row, f.field, f.message, f.value) for f in findings]


def _norm(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rows(rows: list[list[Any]]) -> list[list[Any]]:
    out = [[_norm(v) for v in row] for row in rows]
    for row in out:
        while row and row[-1] == "":
            row.pop()
    while out and not out[-1]:
        out.pop()
    return out


def _file_rows(path: Path, sheet: str) -> list[list[Any]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return _rows([list(row) for row in ws.iter_rows(values_only=True)])


def _fills(path_or_book: Path | xw.Book, sheet: str) -> dict[str, str | None]:
    """Every cell's solid fill colour (RRGGBB) of ``sheet``."""
    if isinstance(path_or_book, Path):
        return solid_fills(openpyxl.load_workbook(path_or_book)[sheet])
    return solid_fills(workbook_of(path_or_book).wb[sheet])


# ---------------------------------------------------------------------------------------------
# Every entry point, every fixture: the command line's answers
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FIXTURES)
def test_validate_gives_the_cli_findings_and_sheet(built: dict[str, tuple[Path, Options]], name: str,
                                                    tmp_path: Path) -> None:
    path, options = built[name]
    cli = api.check(path, options)
    excel = Excel()
    book = excel.open(path)
    report = rx.validate(book, options)
    assert report is not None, excel.alerts
    assert _key(report.findings) == _key(cli.findings)
    assert (report.measures, report.issues, report.aspects, report.sheets) == \
           (cli.measures, cli.issues, cli.aspects, cli.sheets)
    (alert,) = excel.alerts
    assert f"共发现 {len(cli.findings)} 条问题" in alert["prompt"] or not cli.findings
    # the 校验结果 sheet reads as the command line's (rows 0 and 2 name the source and its hash)
    _, annotated, _ = api.annotate(path, tmp_path / "cli.xlsx", options)
    excel_rows = _rows(values_of(book, FINDINGS_SHEET))
    cli_rows = _file_rows(annotated, FINDINGS_SHEET)
    assert excel_rows[1] == cli_rows[1]
    assert excel_rows[3:] == cli_rows[3:]
    assert len(excel_rows) == 5 + len(cli.findings)
    # the workbook keeps its name and path: the copy was read, not a "save as"
    assert workbook_of(book).FullName == str(path.resolve())
    assert workbook_of(book).copies and not any(p.exists() for p in workbook_of(book).copies)


@pytest.mark.parametrize("name", FIXTURES)
def test_flag_then_clear(built: dict[str, tuple[Path, Options]], name: str) -> None:
    path, options = built[name]
    cli = api.check(path, options)
    ledger = read_ledger(path)
    sheets = [s.name for s in ledger.sheets]  # every sheet the ledger was read from is marked
    excel = Excel()
    book = excel.open(path)
    before = {sheet: _fills(book, sheet) for sheet in sheets}
    report = rx.flag(book, options)
    assert report is not None, excel.alerts
    assert _key(report.findings) == _key(cli.findings)
    expected_total = 0
    for sheet in sheets:
        after = _fills(book, sheet)
        changed = {ref: color for ref, color in after.items() if before[sheet].get(ref) != color}
        expected = {ref: h.color.upper() for ref, h in highlight_cells(cli, sheet).items()}
        assert changed == {ref: color for ref, color in expected.items() if before[sheet].get(ref) != color}
        assert {ref for ref in expected if after.get(ref) != expected[ref]} == set()
        expected_total += len(expected)
    names = [ws.title for ws in workbook_of(book).wb.worksheets]
    assert FINDINGS_SHEET in names and MARKS_SHEET in names
    restored = rx.clear(book)
    assert restored == expected_total
    assert {sheet: _fills(book, sheet) for sheet in sheets} == before
    assert not set(OUTPUT_SHEETS) & {ws.title for ws in workbook_of(book).wb.worksheets}


def _with_users_sheets(path: Path, folder: Path) -> Path:
    """The ledger at ``path`` with two sheets of the user's own named like rectxl's: a 校验结果 the
    office keeps of its self-inspection and its own 整改总体情况."""
    wb = openpyxl.load_workbook(path)
    own = wb.create_sheet(FINDINGS_SHEET)
    own.append(["自查日期", "自查人", "自查结论"])
    own.append(["2026-11-01", "李敏", "台账已逐项核对"])
    summary = wb.create_sheet(SUMMARY_SHEETS[0])
    summary.append(["本单位整改总体情况（手工统计）"])
    summary.append(["已完成", 12])
    out = folder / "自有工作表.xlsx"
    wb.save(out)
    return out


def test_the_buttons_never_touch_a_users_sheet_named_like_theirs(built: dict[str, tuple[Path, Options]],
                                                                 tmp_path: Path) -> None:
    """校验台账, 标记问题, 生成汇总 and 清除标记 write and remove rectxl's own sheets only: the user's
    校验结果 and 整改总体情况 keep their content, and rectxl's go under "(rectxl)" names."""
    path, options = built[FIXTURES[0]]
    path = _with_users_sheets(path, tmp_path)
    excel = Excel()
    book = excel.open(path)
    mine = {name: values_of(book, name) for name in (FINDINGS_SHEET, SUMMARY_SHEETS[0])}
    assert rx.clear(book) == 0 and "没有 rectxl 的标记" in excel.alerts[-1]["prompt"]  # never marked
    for press in (rx.validate, rx.flag, rx.summarize, rx.validate, rx.flag):
        assert press(book, options) is not None, excel.alerts
        assert {name: values_of(book, name) for name in mine} == mine
        if press is rx.validate:  # the alert names the sheet written, not the user's
            assert f"“{FINDINGS_SHEET}(rectxl)”" in excel.alerts[-1]["prompt"], excel.alerts[-1]
    names = [ws.title for ws in workbook_of(book).wb.worksheets]
    # 标记问题 pressed again after 生成汇总 kept the summary sheets
    assert f"{FINDINGS_SHEET}(rectxl)" in names and f"{SUMMARY_SHEETS[0]}(rectxl)" in names
    assert all(name in names for name in SUMMARY_SHEETS[1:])
    assert names.count(f"{FINDINGS_SHEET}(rectxl)") == 1  # a second press rewrites its own sheet
    rx.clear(book)
    left = [ws.title for ws in workbook_of(book).wb.worksheets]
    assert FINDINGS_SHEET in left and SUMMARY_SHEETS[0] in left
    assert not [n for n in left if "(rectxl)" in n or n == MARKS_SHEET]
    assert {name: values_of(book, name) for name in mine} == mine


def test_clear_leaves_a_cell_the_user_recoloured_after_flag(built: dict[str, tuple[Path, Options]]) -> None:
    """标记问题, then the clerk colours one of the marked cells blue (it is dealt with): 清除标记
    gives every other cell its colour back and leaves the blue one as the clerk made it."""
    path, options = built[FIXTURES[0]]
    ledger = read_ledger(path)
    excel = Excel()
    book = excel.open(path)
    before = _fills(book, ledger.sheet)
    assert rx.flag(book, options) is not None, excel.alerts
    marked = sorted(ref for ref, color in _fills(book, ledger.sheet).items() if before.get(ref) != color)
    assert len(marked) >= 2
    book.sheets[ledger.sheet].range(marked[0]).color = "#00B0F0"
    rx.clear(book)
    after = _fills(book, ledger.sheet)
    assert after[marked[0]] == "00B0F0"
    assert {ref: after.get(ref) for ref in marked[1:]} == {ref: before.get(ref) for ref in marked[1:]}


def test_the_command_line_clears_what_the_add_in_marked_and_nothing_of_the_users(
        built: dict[str, tuple[Path, Options]], tmp_path: Path) -> None:
    """标记问题 in Excel, saved; then `rectxl annotate --clear`: the add-in's record names its sheets,
    so the user's own 校验结果 stays, with its content."""
    path, options = built[FIXTURES[0]]
    path = _with_users_sheets(path, tmp_path)
    excel = Excel()
    book = excel.open(path)
    assert rx.flag(book, options) is not None, excel.alerts
    workbook_of(book).Save()
    _, cleared, _ = api.clear(path, tmp_path / "已清除.xlsx")
    wb = openpyxl.load_workbook(cleared)
    assert FINDINGS_SHEET in wb.sheetnames and f"{FINDINGS_SHEET}(rectxl)" not in wb.sheetnames
    assert MARKS_SHEET not in wb.sheetnames
    assert next(wb[FINDINGS_SHEET].iter_rows(values_only=True)) == ("自查日期", "自查人", "自查结论")


def test_the_buttons_leave_what_the_command_line_marked_to_the_command_line(
        built: dict[str, tuple[Path, Options]], tmp_path: Path) -> None:
    """`rectxl annotate`, then 清除标记 (or 标记问题, 校验台账, 生成汇总) in Excel: the command line's
    record holds cell formats only it can give back, so every button refuses and says how to
    clear — the user's own 校验结果 and the marked cells are left as they are."""
    path, options = built[FIXTURES[0]]
    path = _with_users_sheets(path, tmp_path)
    _, annotated, _ = api.annotate(path, tmp_path / "已标记.xlsx", options)
    excel = Excel()
    book = excel.open(annotated)
    names = [s.name for s in book.sheets]
    own = values_of(book, FINDINGS_SHEET)
    outcomes = [rx.clear(book), rx.flag(book, options), rx.validate(book, options), rx.summarize(book, options)]
    assert outcomes == [None] * 4 and len(excel.alerts) == 4
    assert all("rectxl annotate --clear" in alert["prompt"] for alert in excel.alerts), excel.alerts
    assert [s.name for s in book.sheets] == names and values_of(book, FINDINGS_SHEET) == own
    _, cleared, _ = api.clear(annotated, tmp_path / "已清除.xlsx")  # the command line still clears it
    assert openpyxl.load_workbook(cleared).sheetnames == openpyxl.load_workbook(path).sheetnames


def _two_sheets_second_protected(folder: Path, *, structure: bool = False) -> Path:
    """台账（一） open and 台账（二） protected against formatting (as Excel's 保护工作表 leaves it by
    default); with ``structure`` the workbook's structure is protected too."""
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "台账（一）"
    second = wb.create_sheet("台账（二）")
    header = ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    for ws, rows in ((first, [[1, "学习不深入", "完善学习制度", None, "2023年8月31日", "正在推进"]]),
                     (second, [[2, "作风不实", "精简会议", None, "2023年8月31日", "正在推进"]])):
        ws.append(header)
        for row in rows:
            ws.append(row)
    second.protection.sheet = True
    if structure:
        wb.security.lockStructure = True
    path = folder / "受保护.xlsx"
    wb.save(path)
    return path


def test_a_protected_sheet_is_named_and_what_was_coloured_is_undone(tmp_path: Path) -> None:
    """标记问题 where 台账（二） is protected: the clerk is told to unprotect it, and nothing is
    coloured (台账（一） neither); 清除标记 finds nothing to undo."""
    path = _two_sheets_second_protected(tmp_path)
    excel = Excel()
    book = excel.open(path)
    before = _fills(book, "台账（一）")
    assert rx.flag(book, Options(as_of=dt.date(2023, 9, 20))) is None
    assert "“台账（二）”" in excel.alerts[-1]["prompt"] and "撤销工作表保护" in excel.alerts[-1]["prompt"]
    assert _fills(book, "台账（一）") == before and MARKS_SHEET not in [s.name for s in book.sheets]
    rx.clear(book)
    assert _fills(book, "台账（一）") == before and MARKS_SHEET not in [s.name for s in book.sheets]


def test_a_protected_workbook_structure_is_said_plainly(tmp_path: Path) -> None:
    path = _two_sheets_second_protected(tmp_path, structure=True)
    excel = Excel()
    book = excel.open(path)
    names = [s.name for s in book.sheets]
    for press in (rx.validate, rx.summarize):
        assert press(book, Options(as_of=dt.date(2023, 9, 20))) is None
        assert "保护工作簿" in excel.alerts[-1]["prompt"], excel.alerts[-1]
    assert [s.name for s in book.sheets] == names


def test_the_buttons_say_which_findings_are_in_hidden_rows_as_the_command_line_does(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [
        {"具体问题": "1.学习不深入", "整改措施": "完善学习制度", "责任单位": "办公室", "整改时限": "2023年8月31日",
         "整改状态": "正在推进"},
        {"具体问题": "2.作风不实", "整改措施": "精简会议", "责任单位": "办公室", "整改时限": "2023年8月31日",
         "整改状态": "正在推进"}])
    wb = openpyxl.load_workbook(path)
    wb.worksheets[0].row_dimensions[3].hidden = True  # the clerk hid the second measure's row
    wb.save(path)
    options = Options(as_of=dt.date(2023, 9, 20))
    excel = Excel()
    book = excel.open(path)
    assert rx.validate(book, options) is not None, excel.alerts
    _, annotated, _ = api.annotate(path, tmp_path / "标记.xlsx", options)
    cli_note = openpyxl.load_workbook(annotated)[FINDINGS_SHEET]["A3"].value
    button_note = values_of(book, FINDINGS_SHEET)[2][0]
    # the same note under the SHA-256 line (which the button leaves 未知: the book may not be saved)
    assert "已隐藏" in str(cli_note) and str(button_note).split("\n")[1:] == str(cli_note).split("\n")[1:]


def test_marks_a_sort_moved_are_cleared_where_they_went(tmp_path: Path) -> None:
    """标记问题, then the clerk sorts the rows (by 责任单位, say), then 清除标记: the colours went
    with their cells, and are found there by their text (as `rectxl annotate --clear` does)."""
    path = write_simple_ledger(tmp_path / "台账.xlsx", [
        {"具体问题": "1.学习不深入", "整改措施": "完善学习制度", "责任单位": "组织股", "整改时限": "2023年8月31日",
         "整改状态": "正在推进"},
        {"具体问题": "2.作风不实", "整改措施": "精简会议", "责任单位": "办公室", "整改时限": "2023年12月31日",
         "整改状态": "已完成"}])
    excel = Excel()
    book = excel.open(path)
    sheet = workbook_of(book).wb.worksheets[0]
    before = _fills(book, sheet.title)
    assert rx.flag(book, Options(as_of=dt.date(2023, 9, 20))) is not None, excel.alerts
    assert _fills(book, sheet.title) != before
    for c in range(1, sheet.max_column + 1):  # the two measure rows swapped, formats and all
        a, b = sheet.cell(2, c), sheet.cell(3, c)
        a.value, b.value = b.value, a.value
        a._style, b._style = copy.copy(b._style), copy.copy(a._style)
    rx.clear(book)
    assert _fills(book, sheet.title) == before


@pytest.mark.parametrize("name", FIXTURES)
def test_summarize_writes_the_cli_summary_sheets(built: dict[str, tuple[Path, Options]], name: str,
                                                 tmp_path: Path) -> None:
    path, options = built[name]
    excel = Excel()
    book = excel.open(path)
    report = rx.summarize(book, options)
    assert report is not None, excel.alerts
    _, out = api.summary_workbook(path, tmp_path / "s.xlsx", options)
    for sheet in SUMMARY_SHEETS:
        assert _rows(values_of(book, sheet)) == _file_rows(out, sheet), sheet


@pytest.mark.parametrize("name", FIXTURES)
def test_notice_equals_the_cli_notice(built: dict[str, tuple[Path, Options]], name: str, tmp_path: Path) -> None:
    path, _ = built[name]
    excel = Excel()
    book = excel.open(path)
    written = rx.notice(book)
    assert written is not None, excel.alerts
    try:
        assert written.parent == path.parent and written.suffix == ".docx"
        _, cli = api.notice(path, tmp_path / "cli.docx")
        assert read_notice_docx(written) == read_notice_docx(cli)
        assert rx.notice(book) == written.with_name(f"{written.stem}(2).docx")  # never over a file
    finally:
        for p in path.parent.glob("*整改进展情况通报*.docx"):
            p.unlink()


def test_self_test_reports_versions_and_a_dry_run(built: dict[str, tuple[Path, Options]]) -> None:
    path, _ = built["example"]
    excel = Excel()
    book = excel.open(path)
    text = rx.self_test(book)
    assert text is not None
    (alert,) = excel.alerts
    assert alert["prompt"] == text
    from rectxl.core.version import __version__

    assert f"rectxl：{__version__}" in text and f"xlwings：{xw.__version__}" in text
    assert f"Python：{sys.version.split()[0]}" in text
    assert f"{api.check(path).measures} 项措施" in text and "SaveCopyAs" in text
    workbook = workbook_of(book)
    assert workbook.saved and [ws.title for ws in workbook.wb.worksheets] == \
           openpyxl.load_workbook(path).sheetnames  # nothing written


# ---------------------------------------------------------------------------------------------
# The reading path: merges, error cells, unsaved edits, what SaveCopyAs leaves alone
# ---------------------------------------------------------------------------------------------

def test_all_merged_areas_of_the_example_are_found() -> None:
    excel = Excel()
    book = excel.open(EXAMPLE)
    with book_io.saved_copy(book) as copy:
        assert copy is not None
        grids = {g.name: g for g in read_grids(copy)}
    expected = {(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
                for r in openpyxl.load_workbook(EXAMPLE)["台账"].merged_cells.ranges}
    assert len(expected) > 50  # 74 in the example as generated by scripts/make_example.py today
    assert set(grids["台账"].merges) == expected


def test_merges_decide_findings_so_the_values_alone_are_not_enough(built: dict[str, tuple[Path, Options]]) -> None:
    """The control: read as values only (what the remote engine's payload allows), the messy ledger
    gives other findings — the desktop path's parity is not a coincidence."""
    path, options = built["messy"]
    remote = rx.validate(xr.book_from_xlsx(path), options)
    assert remote is not None
    assert _key(remote.findings) != _key(api.check(path, options).findings)


def _error_ledger(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "1.问题一", "措施一", "办公室", dt.datetime(2023, 9, 30), "已完成"])
    ws.append([2, "1.问题一", "措施二", "#N/A", dt.datetime(2023, 9, 30), "正在推进"])
    ws.append([3, "2.问题二", "措施三", "办公室", "#DIV/0!", "正在推进"])
    wb.save(path)
    return path


def test_error_cells_are_reported_as_the_cli_reports_them(tmp_path: Path) -> None:
    path = _error_ledger(tmp_path / "台账.xlsx")
    options = Options(as_of=dt.date(2023, 9, 1))
    cli = api.check(path, options)
    errors = {(f.code, f.cell) for f in cli.findings if f.code == "cell-error"}
    assert errors == {("cell-error", "D3"), ("cell-error", "E4")}
    excel = Excel()
    book = excel.open(path)
    # COM hands error cells to Python as the CVErr integers, which xlwings turns into None
    assert book.sheets["台账"]["E4"].raw_value == ERROR_CODES["#DIV/0!"] == -2146826281
    assert book.sheets["台账"]["E4"].value is None
    report = rx.validate(book, options)
    assert report is not None and _key(report.findings) == _key(cli.findings)
    remote = rx.validate(xr.book_from_xlsx(path), options)  # the remote path sees them too
    assert remote is not None and {(f.code, f.cell) for f in remote.findings if f.code == "cell-error"} == errors


def test_unsaved_edits_are_read_and_the_workbook_keeps_its_state(tmp_path: Path) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    options = Options(as_of=MESSY_AS_OF)
    excel = Excel()
    book = excel.open(path)
    workbook = workbook_of(book)
    book.sheets["台账"]["G6"].value = "孙七"  # the missing handler, typed in and not saved
    assert workbook.Saved is False
    with book_io.saved_copy(book) as copy:
        assert copy is not None and copy.name == "台账.xlsx" and copy.parent != path.parent
        assert (workbook.FullName, workbook.Path, workbook.Name, workbook.Saved) == \
               (str(path.resolve()), str(path.resolve().parent), "台账.xlsx", False)
    assert not copy.exists() and not copy.parent.exists()
    report = rx.validate(book, options)
    assert report is not None
    before = {(f.code, f.cell) for f in api.check(path, options).findings}
    after = {(f.code, f.cell) for f in report.findings}
    assert ("missing-owner-person", "G6") in before - after
    assert openpyxl.load_workbook(path)["台账"]["G6"].value is None  # the file on disk is untouched


def test_a_csv_workbook_is_refused_with_advice(tmp_path: Path) -> None:
    excel = Excel()
    book = excel.open(write_messy_ledger(tmp_path / "台账.xlsx"))
    workbook_of(book).file_format = 6  # xlCSV: SaveCopyAs would write CSV
    assert rx.validate(book) is None
    (alert,) = excel.alerts
    assert "不是 Excel 工作簿格式" in alert["prompt"] and "另存为 Excel 工作簿（.xlsx）" in alert["prompt"]


def test_a_failing_save_copy_is_a_chinese_alert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    excel = Excel()
    book = excel.open(write_messy_ledger(tmp_path / "台账.xlsx"))
    monkeypatch.setattr(book_io.tempfile, "mkdtemp", lambda prefix="": str(tmp_path / "gone" / "x"))
    assert rx.validate(book) is None
    (alert,) = excel.alerts
    assert alert["prompt"].startswith("无法读取当前工作簿：Excel 未能保存临时副本")


def _mac_save_copy(excel: Excel, sandbox: Path) -> Any:
    """The add-in's RectxlSaveCopy as macros/rectxl.bas writes it: a copy in Excel's temp folder
    under the workbook format's extension, or "format:N" for a format rectxl cannot read."""

    def rectxl_save_copy(book_name: str, file_name: str) -> str:
        workbook = excel.book_named(book_name)
        ext = book_io.FILE_FORMATS.get(workbook.file_format, "")
        if not ext:
            return f"format:{workbook.file_format}"
        target = sandbox / f"{file_name}{ext}"
        workbook.SaveCopyAs(str(target))
        return str(target)

    return rectxl_save_copy


@pytest.mark.parametrize(("file_format", "named"), [(6, "CSV 文本"), (44, "网页（HTML）表格"),
                                                    (46, "Excel 2003 XML 表格"), (-4158, "文本文件")])
def test_excel_for_mac_names_the_format_it_cannot_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       file_format: int, named: str) -> None:
    """A CSV, a web page or an Excel 2003 XML table open in Excel for Mac: the add-in answers with
    the workbook's format, and the alert names it as the Windows one does (it said only "不是
    Excel 工作簿格式（可能是 CSV 或文本文件）")."""
    excel = Excel()
    book = excel.open(write_messy_ledger(tmp_path / "台账.xlsx"))
    workbook_of(book).file_format = file_format
    sandbox = tmp_path / "sandbox-tmp"
    sandbox.mkdir()
    excel.macros[book_io.MAC_SAVE_COPY_MACRO] = _mac_save_copy(excel, sandbox)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert rx.validate(book) is None
    monkeypatch.undo()
    (alert,) = excel.alerts
    assert f"“台账.xlsx”是{named}，不是 Excel 工作簿格式" in alert["prompt"], alert["prompt"]
    assert "另存为 Excel 工作簿（.xlsx）" in alert["prompt"]
    assert list(sandbox.iterdir()) == []


def test_macos_path_reads_the_copy_the_add_in_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS Python asks the add-in's RectxlSaveCopy (VBA) for the copy; here the stand-in's
    Application.Run plays that macro (as macros/rectxl.bas writes it: Excel's temp folder, the
    workbook's format)."""
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    options = Options(as_of=MESSY_AS_OF)
    excel = Excel()
    book = excel.open(path)
    sandbox = tmp_path / "sandbox-tmp"
    sandbox.mkdir()

    monkeypatch.setattr(sys, "platform", "darwin")
    assert rx.validate(book, options) is None  # the add-in is not loaded
    assert "需要 rectxl 加载项" in excel.alerts[-1]["prompt"]
    excel.macros[book_io.MAC_SAVE_COPY_MACRO] = _mac_save_copy(excel, sandbox)
    report = rx.validate(book, options)
    monkeypatch.undo()
    assert report is not None and _key(report.findings) == _key(api.check(path, options).findings)
    assert list(sandbox.iterdir()) == []  # the copy is deleted


# ---------------------------------------------------------------------------------------------
# COM calls: a fixed number per button press, whatever the ledger's size
# ---------------------------------------------------------------------------------------------

def _validate_calls(path: Path) -> tuple[int, int]:
    excel = Excel()
    book = excel.open(path)
    excel.calls = 0
    report = rx.validate(book)
    assert report is not None, excel.alerts
    return excel.calls, report.measures


def test_com_calls_of_validate_do_not_grow_per_row(tmp_path: Path) -> None:
    ledger = read_ledger(EXAMPLE)
    big = copy.deepcopy(ledger)
    for _ in range(9):
        big.aspects.extend(copy.deepcopy(a) for a in ledger.aspects)
    big_path = write_ledger(tmp_path / "big.xlsx", big)
    small_calls, small_n = _validate_calls(EXAMPLE)
    big_calls, big_n = _validate_calls(big_path)
    assert big_n == 10 * small_n
    # a fixed count: the findings sheet, the hidden record naming it rectxl's, formats, the alert
    assert big_calls == small_calls < 400


# ---------------------------------------------------------------------------------------------
# Text written back stays text
# ---------------------------------------------------------------------------------------------

TRICKY = ["6月30日", "2024.6", "001", "=1+1", "TRUE", "#N/A", "12%", "2024-06-30", "1/2", "'引号", "-5",
          "1,234", "2023年9月", "8:30", "(12)", "¥12", "台账!H7", "2023年9月底前"]


def test_the_stand_in_coerces_text_as_excel_does() -> None:
    today = dt.date(2024, 3, 1)
    got = {text: entered(text, today=today) for text in TRICKY}
    assert (got["6月30日"].kind, got["6月30日"].value) == ("date", dt.datetime(2024, 6, 30))
    assert (got["2024.6"].kind, got["2024.6"].value) == ("number", 2024.6)
    assert (got["001"].kind, got["001"].value) == ("number", 1.0)
    assert (got["=1+1"].kind, got["=1+1"].cached) == ("formula", 2.0)
    assert (got["TRUE"].kind, got["#N/A"].kind, got["12%"].value) == ("bool", "error", 0.12)
    assert got["2024-06-30"].value == dt.datetime(2024, 6, 30) and got["1/2"].value == dt.datetime(2024, 1, 2)
    assert (got["'引号"].kind, got["'引号"].value) == ("text", "引号")
    assert got["(12)"].value == -12 and got["¥12"].value == 12 and got["8:30"].kind == "date"
    assert [got[t].kind for t in ("台账!H7", "2023年9月底前")] == ["text", "text"]
    assert all(entered(text, "@").kind == "text" and entered(text, "@").value == text for text in TRICKY)


def test_text_written_back_stays_text(tmp_path: Path) -> None:
    spec = SheetSpec("文本", [["原文"], *([t] for t in TRICKY)], 0, [20])
    excel = Excel(today=dt.date(2024, 3, 1))
    book = excel.new_book()
    book_io.write_spec(book, spec)
    wb = openpyxl.Workbook()
    write_spec_file(wb, spec)
    wb.save(tmp_path / "file.xlsx")
    assert _rows(values_of(book, "文本")) == _file_rows(tmp_path / "file.xlsx", "文本")
    shown = [row[0] for row in values_of(book, "文本")[1:]]
    assert all(isinstance(v, str) for v in shown)
    # exactly the text, as the file writer shows it — a date cell's ISO text as the date a Chinese
    # office reads (round 21: rectxl.core.report.cell_text)
    assert shown == [t if t != "2024-06-30" else "2024年6月30日" for t in TRICKY]
    # the control: the same text written plainly is re-interpreted by Excel
    sheet = book.sheets["文本"]
    sheet["B2"].options(transpose=True).value = TRICKY
    plain = [row[1] for row in values_of(book, "文本")[1:]]
    assert isinstance(plain[0], TimeType) and plain[1] == 2024.6 and plain[2] == 1.0 and plain[3] == 2.0


def test_findings_sheet_echoes_tricky_cell_contents_as_text(tmp_path: Path) -> None:
    rows = [
        {"具体问题": "1.问题", "整改措施": "措施一", "责任单位": "001", "整改时限": "6月30日", "整改状态": "2024.6"},
        {"具体问题": "1.问题", "整改措施": "措施二", "责任单位": "办公室", "整改时限": "=1+1", "整改状态": "TRUE"},
    ]
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows)
    options = Options(as_of=dt.date(2024, 3, 1))
    excel = Excel(today=dt.date(2024, 3, 1))
    book = excel.open(path)
    report = rx.validate(book, options)
    assert report is not None and _key(report.findings) == _key(api.check(path, options).findings)
    (tmp_path / "out").mkdir()
    _, annotated, _ = api.annotate(path, tmp_path / "out" / "cli.xlsx", options)
    excel_rows = _rows(values_of(book, FINDINGS_SHEET))
    assert excel_rows[3:] == _file_rows(annotated, FINDINGS_SHEET)[3:]
    echoed = {row[7] for row in excel_rows[5:] if len(row) > 7}
    assert {"6月30日", "2024.6"} <= echoed


# ---------------------------------------------------------------------------------------------
# 新建台账
# ---------------------------------------------------------------------------------------------

@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    monkeypatch.setattr(sys, "platform", "linux")
    yield tmp_path / "home"


def _ledger_opened(excel: Excel, target: Path) -> None:
    assert excel.ActiveWorkbook is not None and excel.active is excel.book_named(target.name)
    assert excel.active.FullName == str(target.resolve())
    header = api.check(target)  # a ledger rectxl reads: no header problem
    assert header.sheets


def test_new_ledger_beside_a_saved_workbook_never_over_a_file(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "台账们"
    folder.mkdir()
    excel = Excel()
    book = excel.open(write_messy_ledger(folder / "台账.xlsx"))
    target = rx.new_ledger(book)
    assert target == folder / "新台账.xlsx"
    _ledger_opened(excel, target)
    assert excel.alerts == []  # the new workbook is in front of the user
    again = rx.new_ledger(book)
    assert again == folder / "新台账(2).xlsx" and target.read_bytes() and again.is_file()
    assert not home.exists()


def test_new_ledger_with_no_workbook_open(home: Path) -> None:
    """No workbook open: the add-in adds a blank one (RunPython needs an active workbook); the new
    ledger goes to Documents, opens, and the untouched blank workbook is closed again."""
    excel = Excel()
    blank = excel.new_book()
    blank.set_mock_caller()
    try:
        target = rx.new_ledger()  # the book that called RunPython
    finally:
        delattr(xw.Book, "_mock_caller")
    assert target == home / "Documents" / "新台账.xlsx"
    _ledger_opened(excel, target)
    assert [b.name for b in excel.books] == ["新台账.xlsx"]  # 工作簿1 is gone
    (alert,) = excel.alerts
    assert str(target) in alert["prompt"] and "文档" in alert["prompt"]
    (home / "Documents" / "新台账.xlsx").touch()
    excel2 = Excel()
    assert rx.new_ledger(excel2.new_book()) == home / "Documents" / "新台账(2).xlsx"


def test_new_ledger_keeps_an_unsaved_workbook_with_changes(home: Path) -> None:
    excel = Excel()
    book = excel.new_book()
    book.sheets[0]["A1"].value = "草稿"
    target = rx.new_ledger(book)
    assert target == home / "Documents" / "新台账.xlsx"
    assert sorted(b.name for b in excel.books) == sorted(["工作簿1", "新台账.xlsx"])
    assert workbook_of(book).wb.active["A1"].value == "草稿"


def test_documents_folder_uses_the_windows_known_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moved = tmp_path / "OneDrive" / "文档"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(places, "_known_documents_folder", lambda: moved)
    assert places.documents_folder() == moved and moved.is_dir()
    monkeypatch.setattr(places, "_known_documents_folder", lambda: None)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "h"))
    assert places.documents_folder() == tmp_path / "h" / "Documents"


def test_notice_needs_a_saved_workbook(home: Path) -> None:
    excel = Excel()
    assert rx.notice(excel.new_book()) is None
    (alert,) = excel.alerts
    assert alert["prompt"] == "请先把工作簿保存到文件夹中，通报会生成在工作簿旁边。"


def test_alerts_use_full_width_punctuation(built: dict[str, tuple[Path, Options]]) -> None:
    import re

    path, options = built["messy"]
    excel = Excel()
    book = excel.open(path)
    rx.validate(book, options)
    rx.flag(book, options)
    rx.summarize(book, options)
    rx.clear(book)
    rx.clear(book)
    assert len(excel.alerts) == 5
    for alert in excel.alerts:
        assert not re.search(r"[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]", alert["prompt"]), alert["prompt"]


def test_report_source_names_the_open_workbook(built: dict[str, tuple[Path, Options]]) -> None:
    path, options = built["messy"]
    excel = Excel()
    report: Report | None = rx.validate(excel.open(path), options)
    assert report is not None and report.source.path == "台账.xlsx" and report.source.sha256 is None


def test_fill_of_a_flagged_cell_is_restored(tmp_path: Path) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["台账"]["H7"].fill = PatternFill("solid", fgColor="FF00B0F0")
    wb.save(path)
    excel = Excel()
    book = excel.open(path)
    rx.flag(book, Options(as_of=MESSY_AS_OF))
    assert _fills(book, "台账")["H7"] != "00B0F0"
    rx.clear(book)
    assert _fills(book, "台账")["H7"] == "00B0F0"
