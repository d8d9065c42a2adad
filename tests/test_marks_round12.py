"""Marks round 12: ``rectxl annotate --clear`` follows each mark by its row's texts, as the Excel
add-in's 清除标记 does (one follower, rectxl.core.follow) — after the clerk sorts, inserts or
deletes rows and columns, types into the row, renames the sheet, saves in LibreOffice — and says
what it cannot give back (a deleted row, a re-coloured cell, a copied sheet). And ``rectxl check``
writes Markdown and HTML when asked for them, and its CSV names the ledger file on every row.

The ledger is written as a 县农业农村局 clerk writes one (headers this repo's fixtures do not
use: 反馈问题 | 整改举措 | 牵头单位 | 具体责任人 | 完成时限 | 完成情况 | 工作进展)."""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl.cli.commands import main
from rectxl.core.follow import follow, row_key
from rectxl.core.rules import Options
from tests.workbook_compare import soffice, soffice_convert

OPTS = Options(as_of=__import__("datetime").date(2025, 12, 1))
HEAD = ["序号", "反馈问题", "整改举措", "牵头单位", "具体责任人", "完成时限", "完成情况", "工作进展"]
ROWS = [
    [1, "理论学习流于形式", "建立学习台账", "办公室", None, "2025年8月31日", "推进中", "台账已起草"],
    [2, "项目资金拨付滞后", "清理滞拨资金", "计财股", "王芳", "2025年9月30日", "推进中", "已清理3笔"],
    [3, "村级财务监管薄弱", "开展专项审计", "农经站", None, "2026年6月30日", "推进中", "已制定方案"],
    [4, "执纪问责偏松偏软", "约谈相关责任人", "机关纪委", "赵刚", "2025年10月31日", "推进中", "已约谈2人"],
]
GREEN, YELLOW, BLUE = "92D050", "FFFF00", "00B0F0"
#: the clerk's own fills: green on 理论学习's empty 具体责任人 (which rectxl marks), yellow on 资金's 进展
OWN = {"E2": GREEN, "H3": YELLOW}
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")


def ledger(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(HEAD)
    for row in ROWS:
        ws.append(row)
    for ref, color in OWN.items():
        ws[ref].fill = PatternFill("solid", fgColor=color)
    path = folder / "农业农村局整改台账.xlsx"
    wb.save(path)
    return path


def fills(path: Path, sheet: str = "整改台账") -> dict[str, str]:
    ws = load_workbook(path)[sheet]
    return {c.coordinate: str(c.fill.fgColor.rgb)[-6:] for row in ws.iter_rows() for c in row
            if c.fill is not None and c.fill.fill_type == "solid"}


def marked(tmp_path: Path) -> Path:
    _, out, _ = api.annotate(ledger(tmp_path / "in"), tmp_path / "标记.xlsx", OPTS)
    # rectxl marks 具体责任人 E2, E4 and the overdue 完成时限 F2, F3, F5
    assert set(fills(out)) == {"E2", "E4", "F2", "F3", "F5", "H3"}
    return out


def changed(src: Path, dst: Path, *edits: object) -> Path:
    """The clerk's edits (functions of the workbook) saved with openpyxl."""
    wb = load_workbook(src)
    for edit in edits:
        edit(wb)  # type: ignore[operator]
    wb.save(dst)
    return dst


def swap(a: int, b: int, sheet: str = "整改台账") -> object:
    """Rows a and b swapped, texts and formats: a sort as Excel does it."""
    def edit(wb: Workbook) -> None:
        ws = wb[sheet]
        for col in range(1, ws.max_column + 1):
            x, y = ws.cell(a, col), ws.cell(b, col)
            x.value, y.value = y.value, x.value
            x._style, y._style = copy.copy(y._style), copy.copy(x._style)
    return edit


def clear(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    out = tmp_path / "清除.xlsx"
    assert main(["annotate", "--clear", str(path), "-o", str(out), "--force"]) == 0
    return out, capsys.readouterr().out


# -- the follower, as both front ends use it -------------------------------------------------------


def test_the_follower_finds_a_row_sorted_with_a_column_inserted_and_a_cell_typed_in() -> None:
    before = {2: {"B": "理论学习流于形式", "C": "建立学习台账", "D": "办公室"},
              3: {"B": "项目资金拨付滞后", "C": "清理滞拨资金", "D": "计财股", "E": "王芳"}}
    keys = {"E2": row_key(before, 2), "E3": row_key(before, 3)}
    # rows swapped, a column inserted at B, and 具体责任人 typed into the first row (now row 3)
    now = {2: {"C": "项目资金拨付滞后", "D": "清理滞拨资金", "E": "计财股", "F": "王芳"},
           3: {"C": "理论学习流于形式", "D": "建立学习台账", "E": "办公室", "F": "张三"}}
    assert follow(keys, now, lambda spot, ref: None) == {"F3": "E2", "F2": "E3"}


def test_a_mark_whose_row_is_gone_is_named_nowhere() -> None:
    before = {2: {"B": "甲"}, 3: {"B": "乙"}}
    keys = {"C2": row_key(before, 2), "C3": row_key(before, 3)}
    nowhere: list[str] = []
    # row 2 deleted: 乙 moved up
    assert follow(keys, {2: {"B": "乙"}}, lambda spot, ref: None, nowhere) == {"C2": "C3"}
    assert nowhere == ["C2"]


# -- rectxl annotate --clear -----------------------------------------------------------------------


def test_after_a_sort_the_clerks_own_fill_goes_back_to_its_rows_cell(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Rows 2 and 3 swapped after annotate: 理论学习's 具体责任人 (green before rectxl marked it) is
    E3 now — it gets the green back, E2 (资金's, no fill) none; the clerk's yellow moved to H2."""
    sorted_ = changed(marked(tmp_path), tmp_path / "排序.xlsx", swap(2, 3))
    out, said = clear(sorted_, tmp_path, capsys)
    assert fills(out) == {"E3": GREEN, "H2": YELLOW}
    assert "5个单元格恢复原样" in said and "其中 3 个标记已不在原来的单元格" in said


def test_after_a_column_is_inserted_the_marks_are_given_back_where_they_went(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inserted = changed(marked(tmp_path), tmp_path / "插入列.xlsx", lambda wb: wb["整改台账"].insert_cols(2))
    out, said = clear(inserted, tmp_path, capsys)
    assert fills(out) == {"F2": GREEN, "I3": YELLOW}
    assert "5个单元格恢复原样" in said and "0个" not in said


def test_a_deleted_columns_marks_are_said_gone_the_others_given_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """具体责任人 (E, two marks, one on the clerk's green) deleted: the 完成时限 marks moved to E are
    given back there, the clerk's yellow is at G3, and the two marks of E are said gone."""
    deleted = changed(marked(tmp_path), tmp_path / "删列.xlsx", lambda wb: wb["整改台账"].delete_cols(5))
    out, said = clear(deleted, tmp_path, capsys)
    assert fills(out) == {"G3": YELLOW}
    assert "3个单元格恢复原样" in said and "2 个标记已找不到（所在的行或列已删除" in said


def test_marks_recorded_without_their_rows_say_what_is_left_after_a_column_insert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record of an earlier rectxl (no row texts) and a column inserted since: nothing can be
    followed. It had said "0个单元格恢复原样" and nothing else (round 11's p10c); it says the marks
    are not on their cells, and what to do."""
    from tests.test_desk_round13 import forget_row_texts

    source = marked(tmp_path)
    wb = load_workbook(source)
    forget_row_texts(wb)
    wb["整改台账"].insert_cols(2)
    wb.save(tmp_path / "旧标记插入列.xlsx")
    _, said = clear(tmp_path / "旧标记插入列.xlsx", tmp_path, capsys)
    assert "0个单元格恢复原样" in said
    assert "以下 5 个标记无法确定现在在哪个单元格，未作改动：整改台账!" in said and "请在 Excel 中手动清除" in said
    assert "被改了底色，保留了您设置的颜色" not in said


def test_a_row_sorted_and_typed_into_is_still_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sorted, then 理论学习's 工作进展 updated (its row's texts changed in one cell): its marks are
    still found on row 3 — the overdue red had stayed on F3."""
    def progress(wb: Workbook) -> None:
        wb["整改台账"]["H3"].value = "台账已印发"
    edited = changed(marked(tmp_path), tmp_path / "排序后改进展.xlsx", swap(2, 3), progress)
    out, _ = clear(edited, tmp_path, capsys)
    assert fills(out) == {"E3": GREEN, "H2": YELLOW}


def test_a_row_fixed_in_two_cells_then_sorted_is_found_by_its_colour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """理论学习's 具体责任人 and 完成时限 both fixed, then the rows sorted: its row's texts are no
    longer its own, and 资金's row is on its cell now. Its overdue red (on F3) is found by its
    colour and given back — it had been left red, and the message had said its row was deleted."""
    def fixed(wb: Workbook) -> None:
        wb["整改台账"]["E2"].value, wb["整改台账"]["F2"].value = "张三", "2026年3月31日"
    out, said = clear(changed(marked(tmp_path), tmp_path / "改两格后排序.xlsx", fixed, swap(2, 3)), tmp_path, capsys)
    assert fills(out) == {"E3": GREEN, "H2": YELLOW}
    assert "5个单元格恢复原样" in said and "找不到" not in said


def test_the_flagged_cell_filled_in_gets_its_own_fill_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def person(wb: Workbook) -> None:
        wb["整改台账"]["E2"].value = "张三"
    out, _ = clear(changed(marked(tmp_path), tmp_path / "补责任人.xlsx", person), tmp_path, capsys)
    assert fills(out) == OWN and load_workbook(out)["整改台账"]["E2"].value == "张三"


def test_a_deleted_rows_mark_is_said_gone_not_recoloured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Row 3 (资金, its 完成时限 F3 marked) deleted: 执纪问责 moved up to row 4. Nothing is left
    coloured, and the message says a marked row was deleted — it had said the clerk re-coloured it."""
    deleted = changed(marked(tmp_path), tmp_path / "删行.xlsx", lambda wb: wb["整改台账"].delete_rows(3))
    out, said = clear(deleted, tmp_path, capsys)
    assert fills(out) == {"E2": GREEN}
    assert "1 个标记已找不到（所在的行或列已删除" in said and "改了底色" not in said


def test_a_recoloured_mark_keeps_the_clerks_colour_and_says_so(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    def blue(wb: Workbook) -> None:
        wb["整改台账"]["F3"].fill = PatternFill("solid", fgColor=BLUE)
    out, said = clear(changed(marked(tmp_path), tmp_path / "改色.xlsx", blue), tmp_path, capsys)
    assert fills(out) == {**OWN, "F3": BLUE}
    assert "1 个标记过的单元格在标记后被改了底色，保留了您设置的颜色" in said


def test_a_copy_of_the_marked_ledger_is_named_and_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def copy_sheet(wb: Workbook) -> None:
        wb.copy_worksheet(wb["整改台账"]).title = "整改台账（留底）"
    out, said = clear(changed(marked(tmp_path), tmp_path / "复制.xlsx", copy_sheet), tmp_path, capsys)
    assert fills(out) == OWN
    assert len(fills(out, "整改台账（留底）")) == 6  # the clerk's copy as it was
    assert "工作表“整改台账（留底）”中有 5 个单元格仍是 rectxl 的标记底色" in said


def test_a_renamed_ledger_sheet_is_found_by_its_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def rename(wb: Workbook) -> None:
        wb.create_sheet("说明", 0)
        wb["整改台账"].title = "整改台账（12月）"
    out, said = clear(changed(marked(tmp_path), tmp_path / "改名.xlsx", rename), tmp_path, capsys)
    assert fills(out, "整改台账（12月）") == OWN
    assert load_workbook(out).sheetnames == ["说明", "整改台账（12月）"]
    assert "“整改台账”已改名为“整改台账（12月）”" in said


@needs_soffice
def test_sorted_then_saved_in_libreoffice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet added before the ledger, rows 2 and 5 swapped, saved by LibreOffice (formats and
    sheets renumbered): the green goes back to 理论学习's row, now row 5."""
    def edits(wb: Workbook) -> None:
        wb.create_sheet("说明", 0)
    sorted_ = changed(marked(tmp_path), tmp_path / "排序.xlsx", edits, swap(2, 5))
    (tmp_path / "lo").mkdir()
    saved = soffice_convert(sorted_, "xlsx", tmp_path / "lo")
    out, _ = clear(saved, tmp_path, capsys)
    assert fills(out) == {"E5": GREEN, "H3": YELLOW}


# -- rectxl check -o x.md / x.html, CSV ------------------------------------------------------------


def test_check_writes_markdown_and_html_when_the_file_says_so(tmp_path: Path) -> None:
    source = ledger(tmp_path / "in")
    md, page = tmp_path / "结果.md", tmp_path / "结果.html"
    assert main(["check", str(source), "--as-of", "2025-12-01", "-o", str(md)]) == 1
    assert main(["check", str(source), "--as-of", "2025-12-01", "-o", str(page)]) == 1
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 台账校验结果")
    assert "| 序号 | 严重程度 | 单元格 | 代码 | 问题说明 | 单元格内容 |" in text
    assert "| 2 | 错误 | 整改台账!F2 | overdue |" in text
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert html.count('<tr class="error">') == 3 and html.count('<tr class="warning">') == 2
    assert "<td>整改台账!E4</td><td>missing-owner-person</td>" in html


def test_markdown_keeps_a_finding_with_a_bar_or_a_line_break_on_one_row(tmp_path: Path) -> None:
    from rectxl.core.report import to_html, to_markdown

    folder = tmp_path / "in"
    folder.mkdir()
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(HEAD)
    ws.append([1, "问题|甲", "措施", "办公室", "张三", "2025年8月|底\n前", "推进中", "x"])
    wb.save(folder / "台账.xlsx")
    report = api.check(folder / "台账.xlsx", OPTS)
    rows = [line for line in to_markdown(report).splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1 and "\\|底<br>前" in rows[0]
    assert "<script" not in to_html(report) and "&lt;" not in to_html(report)


def test_check_csv_names_the_ledger_on_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = ledger(tmp_path / "in")
    main(["check", str(source), "--as-of", "2025-12-01", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5 and {r["file"] for r in rows} == {str(source)}
    assert [(r["cell"], r["code"]) for r in rows][:2] == [("E2", "missing-owner-person"), ("F2", "overdue")]
