"""Desk round 11: the clerk at the ribbon, on a workbook of their own.

A township office's ledger as its clerk keeps it: some cells coloured by hand (a 责任人 cell green
once the person was confirmed, a deadline yellow as 重点), sheets of the clerk's own named 说明,
汇总, 通报 and 校验结果, the 说明 sheet active when a button is pressed. Then what a clerk does
between 标记问题 and 清除标记: sorts the rows, deletes a row, types into a marked cell, renames the
ledger sheet for the month, inserts a column, deletes a second ledger sheet. 清除标记 must give back exactly what
rectxl changed — each colour to the cell it was taken from, wherever that cell went — and say
plainly what it could not give back. A workbook opened from OneDrive is told to be saved on this
computer (not "saved first"). And the auditor's `rectxl check 各乡镇/*.xlsx` is pointed to batch;
`rectxl check … > 结果.txt` on Chinese Windows (stdout in GBK) survives a ledger's ☑ and •.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from rectxl import excel as rx
from rectxl.cli.commands import main
from rectxl.core.rules import Options
from rectxl.excel.remind import remind
from tests import com_standin
from tests.com_standin import Excel, solid_fills, values_of, workbook_of

OPTIONS = Options(as_of=dt.date(2025, 12, 1))
SHEET = "整改台账"
HEADER = ["序号", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
ROWS = [
    [1, "理论学习中心组学习不深入", "完善中心组学习制度", "党政办", None, "2025年8月31日", "正在推进", "正在修订制度"],
    [2, "“三资”管理不规范", "开展村级集体资产清查", "经管站", None, "2025年9月30日", "正在推进", "已清查12个村"],
    [3, "文山会海问题仍然存在", "精简会议文件", "党政办", "刘某", "2026年3月31日", "正在推进", "已起草方案"],
]
#: the clerk's own colours on row 2 (the first measure): E2 green, F2 yellow
OWN = {"E2": "92D050", "F2": "FFFF00"}


def _ledger(folder: Path, *, own: dict[str, str] | None = None, second: bool = False,
            extra: dict[str, list[list[Any]]] | None = None, active: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for ref, color in (own if own is not None else OWN).items():
        ws[ref].fill = PatternFill("solid", fgColor=color)
    if second:
        more = wb.create_sheet("整改台账（二）")
        more.append(HEADER)
        more.append([4, "档案管理不规范", "整理文书档案", "党政办", None, "2025年10月31日", "正在推进", "正在整理"])
    for name, rows in (extra or {}).items():
        sheet = wb.create_sheet(name)
        for row in rows:
            sheet.append(row)
    if active is not None:
        wb.active = wb.sheetnames.index(active)
    path = folder / "东山镇整改台账.xlsx"
    wb.save(path)
    return path


def _fills(book: Any, sheet: str = SHEET) -> dict[str, str]:
    return {ref: color for ref, color in solid_fills(workbook_of(book).wb[sheet]).items() if color}


def _swap_rows(book: Any, a: int, b: int) -> None:
    """Excel's sort as it moves two rows: values and formats together."""
    ws = workbook_of(book).wb[SHEET]
    for c in range(1, ws.max_column + 1):
        x, y = ws.cell(a, c), ws.cell(b, c)
        x.value, y.value = y.value, x.value
        x._style, y._style = copy.copy(y._style), copy.copy(x._style)


def test_a_sort_takes_the_clerks_own_colours_with_their_rows(tmp_path: Path) -> None:
    """标记问题 marks E2, F2 (the clerk had coloured them) and E3, F3 (no colour); the clerk sorts
    the first measure below the second; 清除标记 gives the green and the yellow back to the first
    measure's cells, now on row 3 — they had been put back on row 2, the other measure's."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    assert rx.flag(book, OPTIONS) is not None, excel.alerts
    assert set(_fills(book)) == {"E2", "F2", "E3", "F3"} and _fills(book)["F2"] != OWN["F2"]
    _swap_rows(book, 2, 3)
    assert rx.clear(book) == 4
    assert _fills(book) == {"E3": "92D050", "F3": "FFFF00"}
    assert values_of(book, SHEET)[2][1] == ROWS[0][1]  # row 3 is the first measure's


def test_a_deleted_row_does_not_leave_its_colour_to_the_row_below(tmp_path: Path) -> None:
    """The clerk deletes the first measure's row after 标记问题: the second measure's cells move up
    into E2, F2 with their marks; their own fill (none) comes back, not the deleted row's."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    rx.flag(book, OPTIONS)
    workbook_of(book).wb[SHEET].delete_rows(2)
    assert rx.clear(book) == 2
    assert _fills(book) == {}


def test_a_column_inserted_after_marking_takes_the_marks_across(tmp_path: Path) -> None:
    """The clerk inserts a column (问题类别) before 存在问题 after 标记问题, Excel moving every cell right
    of it one column across, marks and all: 清除标记 follows each mark to where its row's cells went
    — it had given nothing back, said "已清除标记" and dropped the record, leaving the four colours
    for good. Then the rows are also sorted: still each to its own cell."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    rx.flag(book, OPTIONS)
    workbook_of(book).wb[SHEET].insert_cols(2)
    assert set(_fills(book)) == {"F2", "G2", "F3", "G3"}
    assert rx.clear(book) == 4
    assert _fills(book) == {"F2": "92D050", "G2": "FFFF00"}
    assert "4 个单元格恢复原样" in excel.alerts[-1]["prompt"]

    book = Excel().open(_ledger(tmp_path))  # the file as it was (the stand-in changed its copy only)
    rx.flag(book, OPTIONS)
    workbook_of(book).wb[SHEET].insert_cols(1)
    _swap_rows(book, 2, 3)
    assert rx.clear(book) == 4
    assert _fills(book) == {"F3": "92D050", "G3": "FFFF00"}


@pytest.mark.parametrize(("change", "left"), [
    ("insert_cols(5)", {"G2": "FFFF00"}),  # a column inserted right before the marked 责任人 (E)
    ("delete_cols(1)", {"E2": "FFFF00"}),  # 序号 deleted: every mark one column to the left
])
def test_a_column_inserted_or_deleted_beside_the_marks(tmp_path: Path, change: str, left: dict[str, str]) -> None:
    """A column inserted between 责任单位 (D) and the marked 责任人 (E): the text cells left of the
    mark stayed, those right of it moved, so it went one of two ways — the cell showing its
    colour tells which. A column deleted left of the marks takes them all one column back."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path, own={"F2": "FFFF00"}))
    rx.flag(book, OPTIONS)
    ws = workbook_of(book).wb[SHEET]
    name, arg = change.rstrip(")").split("(")
    getattr(ws, name)(int(arg))
    assert rx.clear(book) == 4
    assert _fills(book) == left


def test_a_marked_cell_the_clerk_typed_into_is_given_its_own_colour_back(tmp_path: Path) -> None:
    """After 标记问题 the clerk fills in the missing 责任人 of both measures (the rows' texts change,
    the rows do not move): each cell gets its own colour back and keeps what was typed."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    rx.flag(book, OPTIONS)
    ws = workbook_of(book).wb[SHEET]
    ws["E2"].value, ws["E3"].value = "王某", "李某"
    rx.clear(book)
    assert _fills(book) == OWN
    assert (ws["E2"].value, ws["E3"].value) == ("王某", "李某")


def test_a_renamed_ledger_sheet_is_found_and_cleared(tmp_path: Path) -> None:
    """The clerk renames 整改台账 to 整改台账（12月） after 标记问题: 清除标记 finds the sheet by its
    rows and gives every colour back there, saying so — it had said nothing and left the four
    colours, with no record left to clear them by."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    before = _fills(book)
    rx.flag(book, OPTIONS)
    book.sheets[SHEET].name = "整改台账（12月）"
    assert rx.clear(book) == 4
    assert _fills(book, "整改台账（12月）") == before
    said = excel.alerts[-1]["prompt"]
    assert "4 个单元格恢复原样" in said and "“整改台账”已改名为“整改台账（12月）”" in said, said
    assert [s.name for s in book.sheets] == ["整改台账（12月）"]


def test_a_renamed_sheet_marked_again_keeps_no_old_colour(tmp_path: Path) -> None:
    """标记问题, rename, 标记问题 again: the second press first takes back the first one's colours on
    the renamed sheet, so 清除标记 afterwards leaves the clerk's own colours only."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    rx.flag(book, OPTIONS)
    book.sheets[SHEET].name = "12月台账"
    assert rx.flag(book, OPTIONS) is not None, excel.alerts
    rx.clear(book)
    assert _fills(book, "12月台账") == OWN


def test_a_deleted_ledger_sheet_is_said_to_keep_nothing_to_restore(tmp_path: Path) -> None:
    """Two ledger sheets marked; the clerk deletes the second: the first is cleared, and the alert
    says how many recorded colours were on the sheet that is gone."""
    excel = Excel()
    book = excel.open(_ledger(tmp_path, second=True))
    rx.flag(book, OPTIONS)
    assert _fills(book, "整改台账（二）")
    book.sheets["整改台账（二）"].delete()
    rx.clear(book)
    assert _fills(book) == OWN
    said = excel.alerts[-1]["prompt"]
    assert "工作表“整改台账（二）”已不在工作簿中" in said and "2 个标色单元格无法恢复" in said, said


def test_the_clerks_own_sheets_and_a_non_ledger_active_sheet(tmp_path: Path) -> None:
    """说明 active, the clerk's own 汇总, 通报 and 校验结果: every button pressed twice writes rectxl's
    sheets once each (its 校验结果 under another name), never touches the clerk's, and 清除标记
    leaves exactly the clerk's sheets and colours."""
    extra = {"说明": [["本台账由党政办维护，每月25日前更新"]], "汇总": [["责任单位", "措施数"], ["党政办", 2]],
             "通报": [["关于东山镇巡察整改进展情况的通报（草稿）"]], "校验结果": [["自查日期", "自查人", "结论"]]}
    excel = Excel()
    book = excel.open(_ledger(tmp_path, extra=extra, active="说明"))
    names = [s.name for s in book.sheets]
    mine = {name: values_of(book, name) for name in extra}
    for press in (rx.validate, rx.validate, rx.summarize, rx.summarize, rx.flag, rx.flag):
        assert press(book, OPTIONS) is not None, excel.alerts
    made = [s.name for s in book.sheets if s.name not in names]
    assert made.count("校验结果(rectxl)") == 1 and "整改明细" in made and len(made) == len(set(made))
    assert {name: values_of(book, name) for name in extra} == mine
    rx.clear(book)
    assert [s.name for s in book.sheets] == names and _fills(book) == OWN


# ---------------------------------------------------------------------------------------------
# A workbook opened from OneDrive or SharePoint; the auditor's shell glob
# ---------------------------------------------------------------------------------------------

def test_a_workbook_on_onedrive_is_told_to_be_saved_on_this_computer(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel names a workbook opened from OneDrive/SharePoint by its https address; where xlwings
    cannot map it to a synced folder, 生成通报 and 生成提醒 say so — "请先把工作簿保存" would tell a clerk
    whose workbook is saved to save it."""
    address = "https://d.docs.live.net/5f3a9c/文档/巡察整改/东山镇整改台账.xlsx"
    monkeypatch.setattr(com_standin.Book, "FullName", property(lambda self: address))
    monkeypatch.setattr(com_standin.Book, "Path", property(lambda self: address.rsplit("/", 1)[0]))
    excel = Excel()
    book = excel.open(_ledger(tmp_path))
    for press, what in ((rx.notice, "通报"), (remind, "提醒函")):
        assert press(book, OPTIONS) is None
        said = excel.alerts[-1]["prompt"]
        assert f"网络位置（{address}）" in said and f"无法在旁边写出{what}" in said and "另存为" in said, said
    assert list(tmp_path.iterdir()) == [tmp_path / "东山镇整改台账.xlsx"]


def test_a_new_workbook_is_still_asked_to_be_saved(tmp_path: Path) -> None:
    excel = Excel()
    book = excel.new_book()
    assert rx.notice(book, OPTIONS) is None
    assert excel.alerts[-1]["prompt"] == "请先把工作簿保存到文件夹中，通报会生成在工作簿旁边。"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def test_check_given_several_ledgers_points_to_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`rectxl check 各乡镇/*.xlsx`: one Chinese line saying check takes one ledger and batch takes
    the folder — it had been "无法识别的参数：…" with the file names."""
    first = _ledger(tmp_path)
    (tmp_path / "西河乡").mkdir()
    second = _ledger(tmp_path / "西河乡")
    code, said = _run(["check", str(first), str(second)], capsys)
    assert code == 2 and said.count("\n") == 1
    assert "rectxl check 一次处理一个台账文件" in said and "rectxl batch" in said, said
    assert "东山镇整改台账.xlsx" in said, said
    code, said = _run(["diff", str(first), str(second), str(first)], capsys)
    assert code == 2 and "两期台账" in said, said
    # a word that is no file is still an unknown argument (a date without --as-of)
    code, said = _run(["check", str(first), "2025-12-01"], capsys)
    assert code == 2 and "无法识别的参数：2025-12-01" in said, said
    code, said = _run(["check", str(first), "--as-of", "2025-12-01", "--format", "csv"], capsys)
    assert code == 1 and said == ""


def _gbk_stdout(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """Standard output as Chinese Windows gives it to `rectxl … > 结果.txt`: GBK, strict."""
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk", newline=""))
    return raw


def _checkbox_ledger(folder: Path) -> Path:
    """A ledger pasted from Word: bullets, a ticked box, a circled ⑪ and a name in CJK extension B
    — none of them in GBK."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEADER)
    ws.append([1, "• 理论学习不深入", "• 完善学习制度", "党政办", "", "2025年8月31日", "☑正在推进 □已完成",
               "• 正在修订⑪"])
    ws.append([2, "作风不实", "精简会议", "党政办", "𠮷某", "2025年8月31日", "□正在推进 ☑已完成", "已完成"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "北坡镇整改台账.xlsx"
    wb.save(path)
    return path


def test_a_gbk_stdout_takes_what_gbk_has_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`rectxl check 台账.xlsx > 结果.txt` on Chinese Windows: the ledger's ☑ had ended the run with
    "意外问题（UnicodeEncodeError…）", exit 2 and nothing written. Now the text report has "?" for
    it, and the JSON its escape, which reads back as ☑."""
    path = _checkbox_ledger(tmp_path)
    raw = _gbk_stdout(monkeypatch)
    assert main(["check", str(path), "--as-of", "2025-12-01"]) == 1
    sys.stdout.flush()
    text = raw.getvalue().decode("gbk")
    assert "[overdue]" in text and "状态仍为“?正在推进 □已完成”" in text, text
    raw = _gbk_stdout(monkeypatch)
    assert main(["check", str(path), "--as-of", "2025-12-01", "--format", "json"]) == 1
    sys.stdout.flush()
    data = json.loads(raw.getvalue().decode("gbk"))
    overdue = next(f for f in data["findings"] if f["code"] == "overdue")
    assert "“☑正在推进 □已完成”" in overdue["message"] and overdue["cell"] == "F2"
    raw = _gbk_stdout(monkeypatch)
    assert main(["batch", str(tmp_path), "--as-of", "2025-12-01", "--json", "-", "--no-progress",
                 "-o", str(tmp_path / "汇总.xlsx")]) == 1
    sys.stdout.flush()
    batch = json.loads(raw.getvalue().decode("gbk"))
    assert "☑正在推进" in json.dumps(batch, ensure_ascii=False)
