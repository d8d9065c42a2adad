"""Excel parity round 10: the clerk's own workbook features, through annotate and the add-in.

A county bureau's ledger as its clerk keeps it: a merged title row and a 填报 row above the header,
a drop-down of the office's own status words (已办结 | 在办 | 未整改), a conditional format painting a
row red once it is overdue, an autofilter with rows filtered out, a collapsed group of rows, frozen
panes, notes, links to the evidence files, a defined name, a print area and print titles, a sheet
protected with its input cells unlocked, deadlines typed as text in cells formatted as text, a
progress cell of over 8,000 characters, measures and progress written over several lines, and a
second sheet counting the first by unit (a summary, not a ledger).

What is checked: the office's words read as their statuses, the text dates as dates, the summary
sheet is not read; annotate changes only the marked cells' styles and rectxl's own sheets and
--clear gives every part back; and 校验结果 (annotate's and the add-in's) says *how* a finding's row
is hidden — filtered out (clearing the filter shows it: Excel's 取消隐藏 does not), folded into a
group (its "+" shows it) or hidden by hand — so the clerk knows what to do to see it.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from rectxl import api
from rectxl import excel as rx
from rectxl.core.names import FINDINGS_SHEET
from rectxl.core.rules import Options
from rectxl.io.marks import hidden_in, ledger_rows
from rectxl.io.reader import read_ledger
from tests.com_standin import Excel, values_of
from tests.workbook_compare import soffice, soffice_convert

OPTS = Options(as_of=date(2025, 12, 1))
HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "完成时间",
          "整改进展", "佐证材料"]
LONG = "按照县委巡察办要求，逐月开展统计数据质量核查。" * 400  # 9,200 characters
ROWS = [
    ["1", "统计执法检查流于形式", "1.修订统计执法检查办法；\n2.开展“双随机”抽查", "王副局长", "法规股", "李明",
     "2025-06-30", "已办结", "2025-06-20", "已修订办法并印发。", "佐证1.pdf"],
    [None, None, "开展统计造假专项治理", "王副局长", "法规股", "李明", "2025.10.31", "在办", None,
     "已排查企业32家，正在整改。", None],
    ["2", "财务报销审核不严", "规范差旅费报销审核流程", "赵副局长", "办公室", "陈红", "2025-09-30", "在办", None,
     LONG, "佐证2.pdf"],
    [None, None, "开展财务专项自查", "赵副局长", "办公室", "陈红", "2025-08-31", "未整改", None, None, None],
    ["3", "档案管理不规范", "整理2020年以来文书档案", "赵副局长", "办公室", "", "2026-03-31", "在办", None,
     "已整理2020—2022年档案。\n2023年以后正在整理。", None],
    [None, None, "建立档案借阅登记制度", "赵副局长", "办公室", "陈红", "2025-07-31", "已办结", "2025-07-15",
     "已建立制度。", "佐证3.pdf"],
]
#: the ledger's rows 4…9; rows 6 and 7 filtered out (责任单位 = 法规股 only), 8 and 9 a collapsed group
FILTERED, FOLDED = (6, 7), (8, 9)


def bureau_ledger(folder: Path, *, criteria: bool = True, name: str = "统计局台账.xlsx") -> Path:
    """The clerk's workbook (see the module's docstring); without ``criteria`` the autofilter has
    none and rows 6 and 7 are hidden by hand."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["县统计局落实县委第二巡察组反馈意见整改台账"])
    ws.merge_cells("A1:K1")
    ws["A1"].font = Font(size=16, bold=True)
    ws.append(["填报单位（盖章）：县统计局", None, None, None, None, None, None, None, "填报日期：2025年12月1日"])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    n = ws.max_row
    for r in range(4, n + 1):
        for c in "BCJ":
            ws[f"{c}{r}"].alignment = Alignment(wrap_text=True, vertical="top")
        for c in "GI":
            ws[f"{c}{r}"].number_format = "@"
        for c in "HIJK":
            ws[f"{c}{r}"].protection = Protection(locked=False)
    status = DataValidation(type="list", formula1='"已办结,在办,未整改"', allow_blank=True, showErrorMessage=True,
                            errorTitle="输入错误", error="请从下拉列表中选择")
    ws.add_data_validation(status)
    status.add("H4:H200")
    ws.conditional_formatting.add(f"A4:K{n}", FormulaRule(formula=['AND($H4<>"已办结",DATEVALUE($G4)<TODAY())'],
                                                          fill=PatternFill("solid", bgColor="FFC7CE")))
    ws.auto_filter.ref = f"A3:K{n}"
    if criteria:
        ws.auto_filter.add_filter_column(4, ["法规股"])
    for r in FILTERED:
        ws.row_dimensions[r].hidden = True
    ws.row_dimensions.group(FOLDED[0], FOLDED[-1], outline_level=1, hidden=True)
    ws.freeze_panes = "D4"
    ws["G5"].comment = Comment("经县委巡察办同意，时限可能调整", "巡察办")
    ws["J6"].comment = Comment("进展请补充数据", "局办公室")
    for r in (4, 6, 9):
        ws[f"K{r}"].hyperlink = f"佐证材料/{ws[f'K{r}'].value}"
        ws[f"K{r}"].style = "Hyperlink"
    ws.print_area = f"A1:K{n}"
    ws.print_title_rows = "3:3"
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.autoFilter = False
    ws.protection.password = "1234"
    wb.defined_names["状态选项"] = DefinedName("状态选项", attr_text="汇总!$B$1:$D$1")
    summary = wb.create_sheet("汇总")
    for row in (["责任单位", "已办结", "在办", "未整改", "合计"], ["法规股", 1, 1, 0, 2], ["办公室", 1, 2, 1, 4],
                ["合计", 2, 3, 1, 6]):
        summary.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    evidence = folder / "佐证材料"
    evidence.mkdir(exist_ok=True)
    for i in (1, 2, 3):
        (evidence / f"佐证{i}.pdf").write_bytes(b"%PDF-1.4\n")
    path = folder / name
    wb.save(path)
    return path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def unstyled(xml: bytes) -> bytes:
    """A sheet part without its cells' format indices and the empty cells rectxl created."""
    return re.sub(rb' s="\d+"', b"", re.sub(rb'<c r="[A-Z]+\d+" s="\d+"/>', b"", xml))


def hidden_note(path: Path) -> str:
    """The line of 校验结果's header block naming the hidden findings."""
    block = str(load_workbook(path)[FINDINGS_SHEET]["A3"].value)
    return next(line for line in block.split("\n") if "已隐藏" in line)


# -- what is read ---------------------------------------------------------------------------------


def test_the_offices_status_words_and_text_dates_read_right(tmp_path: Path) -> None:
    report = api.check(bureau_ledger(tmp_path), OPTS)
    assert report.sheets == ["台账"]  # 汇总 counts the ledger: it is not one
    assert (report.issues, report.measures) == (3, 6)
    codes = {(f.code, f.cell) for f in report.findings}
    assert {cell for c, cell in codes if c == "overdue"} == {"G5", "G6", "G7"}
    assert not {c for c, _ in codes} & {"bad-status", "bad-date", "missing-status", "evidence-file-missing"}
    by_cell = {f.cell: f.message for f in report.findings}
    assert "2025年10月31日" in by_cell["G5"] and "“在办”" in by_cell["G5"]
    assert "“未整改”" in by_cell["G7"]
    assert ("missing-owner-person", "F8") in codes


# -- annotate and --clear -------------------------------------------------------------------------


def test_annotate_keeps_every_feature_and_clear_gives_the_workbook_back(tmp_path: Path) -> None:
    source = bureau_ledger(tmp_path)
    _, marked, _ = api.annotate(source, None, OPTS)
    before, after = parts(source), parts(marked)
    changed = sorted(n for n in before if before[n] != after.get(n))
    assert changed == sorted({"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml",
                              "xl/_rels/workbook.xml.rels", "[Content_Types].xml"})
    ledger_part = after["xl/worksheets/sheet1.xml"]
    assert unstyled(ledger_part) == unstyled(before["xl/worksheets/sheet1.xml"])
    for feature in (b"<autoFilter", b"<filterColumn", b'outlineLevel="1"', b"<sheetProtection", b'state="frozen"',
                    b"<dataValidation", b"<conditionalFormatting", b"<hyperlinks", b'<mergeCell ref="A1:K1"'):
        assert feature in ledger_part, feature
    book = load_workbook(marked)
    ws = book["台账"]
    assert ws["J6"].value == LONG and ws["C4"].value == ROWS[0][2] and ws["J8"].value == ROWS[4][9]
    assert ws["G5"].value == "2025.10.31" and ws["G5"].comment is not None and ws["K4"].hyperlink is not None
    assert ws.protection.sheet and ws.row_dimensions[8].outlineLevel == 1
    assert "状态选项" in book.defined_names
    _, cleared, _ = api.clear(marked, tmp_path / "清除.xlsx")
    assert parts(cleared) == before


@pytest.mark.skipif(not soffice(), reason="LibreOffice not installed")
def test_a_libreoffice_save_is_marked_and_cleared_part_by_part(tmp_path: Path) -> None:
    saved = soffice_convert(bureau_ledger(tmp_path / "src"), "xlsx", tmp_path / "lo")
    _, marked, _ = api.annotate(saved, tmp_path / "标记.xlsx", OPTS)
    before, after = parts(saved), parts(marked)
    assert unstyled(after["xl/worksheets/sheet1.xml"]) == unstyled(before["xl/worksheets/sheet1.xml"])
    note = hidden_note(marked)
    assert "台账!G6（该单元格所在行已被筛选隐藏）" in note and "台账!F8（该单元格所在行已折叠在分组中）" in note
    _, cleared, _ = api.clear(marked, tmp_path / "清除.xlsx")
    assert parts(cleared) == before
    # LibreOffice opens both
    for path in (marked, cleared):
        assert soffice_convert(path, "csv", tmp_path / "csv" / path.stem).stat().st_size > 0


# -- how a hidden finding is said to be hidden -----------------------------------------------------


def test_filtered_out_and_folded_rows_are_told_apart(tmp_path: Path) -> None:
    _, marked, _ = api.annotate(bureau_ledger(tmp_path), None, OPTS)
    note = hidden_note(marked)
    assert "请先在台账中清除筛选（“数据”→“清除”）或点击左侧的“+”展开分组再核对" in note
    assert "台账!G6（该单元格所在行已被筛选隐藏）、台账!G7（该单元格所在行已被筛选隐藏）" in note
    assert "台账!F8（该单元格所在行已折叠在分组中）" in note
    assert "取消隐藏" not in note


def test_rows_hidden_by_hand_under_a_filter_without_criteria_say_unhide(tmp_path: Path) -> None:
    _, marked, _ = api.annotate(bureau_ledger(tmp_path, criteria=False), None, OPTS)
    note = hidden_note(marked)
    assert "请先在台账中取消隐藏或点击左侧的“+”展开分组再核对" in note
    assert "台账!G6（该单元格所在行已隐藏）" in note and "筛选" not in note


def test_the_add_in_reads_the_saved_copy_the_same(tmp_path: Path) -> None:
    source = bureau_ledger(tmp_path)
    seen = hidden_in(source, {"台账"}, ledger_rows(read_ledger(source)))["台账"]
    assert (seen.filtered, seen.folded) == (frozenset(FILTERED), frozenset(FOLDED))
    excel = Excel()
    book = excel.open(source)
    report = rx.validate(book, OPTS)
    assert report is not None, excel.alerts
    block = "\n".join(str(v) for row in values_of(book, FINDINGS_SHEET)[:4] for v in row if v)
    assert "台账!G7（该单元格所在行已被筛选隐藏）" in block and "台账!F8（该单元格所在行已折叠在分组中）" in block
    assert "清除筛选" in block


def test_rows_filtered_out_of_a_table_are_said_to_be_filtered(tmp_path: Path) -> None:
    """A ledger kept as a table (套用表格格式): the filter is in the table's part, not the sheet's."""
    from openpyxl.worksheet.filters import AutoFilter, FilterColumn, Filters
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEADER)
    for row in ROWS:
        ws.append([v if v is not None else "" for v in row[:10]] + ["无"])
    table = Table(displayName="整改台账", ref=f"A1:K{ws.max_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.autoFilter = AutoFilter(ref=f"A1:K{ws.max_row}",
                                  filterColumn=[FilterColumn(colId=7, filters=Filters(filter=["已办结"]))])
    ws.add_table(table)
    for r in (3, 4, 5):  # the 在办/未整改 rows of issues 1 and 2, filtered out
        ws.row_dimensions[r].hidden = True
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    _, marked, _ = api.annotate(path, None, OPTS)
    note = hidden_note(marked)
    assert "台账!G3（该单元格所在行已被筛选隐藏）" in note and "清除筛选" in note and "取消隐藏" not in note
    _, cleared, _ = api.clear(marked, tmp_path / "清除.xlsx")
    assert parts(cleared) == parts(path)


# -- links to the evidence files ----------------------------------------------------------------


def test_the_file_an_evidence_link_opens_is_the_one_looked_for(tmp_path: Path) -> None:
    """佐证材料 written as "点击查看" or the document's title, linked to the file (插入→超链接): the
    linked file is looked for, not the cell's words; a link to a folder of evidence, a web page
    or a place in the workbook is no file to look for."""
    path = bureau_ledger(tmp_path)
    wb = load_workbook(path)
    ws = wb["台账"]
    ws.protection.sheet = False
    ws["K4"].value, ws["K4"].hyperlink = "点击查看", "佐证材料/执法检查办法.pdf"  # not there
    ws["K6"].value, ws["K6"].hyperlink = "差旅费报销制度", "佐证材料/佐证2.pdf"  # there, by another name
    ws["K9"].value, ws["K9"].hyperlink = "佐证3.pdf", "file:///D:/整改/佐证材料/佐证3.pdf"  # there, absolute
    ws["K5"].value, ws["K5"].hyperlink = "见文件夹", "佐证材料/"
    ws["K7"].value, ws["K7"].hyperlink = "见网站", "https://www.example.gov.cn/tjj/zgbg.pdf"
    ws["K8"].value = "档案目录.xlsx"  # no link: the name in the cell, as before
    wb.save(path)
    found = {f.cell: f.message for f in api.check(path, OPTS).findings if f.code == "evidence-file-missing"}
    assert found == {
        "K4": "佐证材料“佐证材料/执法检查办法.pdf”在台账所在文件夹中找不到：请把文件放到台账旁边，或改正文件名。",
        "K8": "佐证材料“档案目录.xlsx”在台账所在文件夹中找不到：请把文件放到台账旁边，或改正文件名。",
    }
    # the marked copy is checked the same (the add-in reads its saved copy as the command line does)
    _, marked, _ = api.annotate(path, None, OPTS)
    assert {f.cell for f in api.check(marked, OPTS).findings if f.code == "evidence-file-missing"} == {"K4", "K8"}
