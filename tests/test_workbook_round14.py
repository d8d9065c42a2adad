"""Workbooks round 14: links numbered by formula, links no program has computed.

- ``=HYPERLINK("材料\\"&TEXT(A3,"000")&".pdf","佐证")`` and ``=HYPERLINK("佐证材料/"&ROW()-2&".pdf",
  "查看")`` down the 佐证材料 column (evidence files numbered 001, 002 … or by the row): the file is
  worked out from the row as Excel does (TEXT with a format of zeros, ROW(), COLUMN(), + - * /) —
  it had been given up, so a missing file was never said. In .xlsx, .xls (ptgFunc, ptgSub) and .ods
  alike. A link built into the workbook (``"#佐证!A"&ROW()``) is no file.
- A workbook written by a program that does not compute (an OA system's export, a script with
  openpyxl) keeps no value for ``=HYPERLINK(…,"查看")``: the cell reads as the words the link shows,
  worked out as its file is — it had been formula-uncomputed (an error) and missing-evidence on
  every finished row. Words that cannot be worked out (another sheet's cell) stay uncomputed.
- The status column's own drop-down (数据验证 → 序列: typed in, cells of another sheet, a name), read from
  .xlsx, .ods and .xls: a status outside a list that refuses the rest (pasted in) is a hint
  (status-not-in-list: the office's COUNTIF of its list misses it); a status rectxl cannot read is
  asked for from that list — it had been told to choose rectxl's words, which the list lacks.

Every workbook is written here from text (SpreadsheetML, OpenDocument XML, BIFF8 records).
"""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from rectxl import api
from rectxl.core.rules import Options
from rectxl.io.link_formula import link_target, parsed_argument
from rectxl.io.reader import read_grids
from tests.followup_ledgers import AS_OF as FOLLOWUP_AS_OF
from tests.followup_ledgers import soffice_convert, write_ledger
from tests.test_io_round11 import BASE, _findings, _ods, _xls, _xlsx
from tests.test_workbook_round13 import _formula, _linked, _missing, _ptg_str, _put_files

AS_OF = Options(as_of=FOLLOWUP_AS_OF)

# -- a link numbered by TEXT(), ROW() ---------------------------------------------------------------
# A3:A7 hold the 序号 1 … 5; the 佐证材料 cells are I3:I7.


@pytest.mark.parametrize(("formula", "name"), [
    ('HYPERLINK("材料\\"&TEXT(A{r},"000")&".pdf","佐证")', "材料/{n:03d}.pdf"),
    ('HYPERLINK("材料/"&(ROW()-2)&".pdf","佐证")', "材料/{n}.pdf"),
    ('HYPERLINK("材料/第"&TEXT(ROW()-2,"00")&"项.pdf","佐证")', "材料/第{n:02d}项.pdf"),
    ('HYPERLINK(CONCATENATE("材料/",A{r}*10,".pdf"),"佐证")', "材料/{n}0.pdf"),
    ('HYPERLINK("材料/"&TEXT(ROW(A{r})-2,"0")&"-"&COLUMN()&".pdf","佐证")', "材料/{n}-9.pdf"),
])
def test_a_link_numbered_by_a_formula_is_checked_by_its_file(formula: str, name: str, tmp_path: Path) -> None:
    """Files 1, 3 and 5 are there; the auditor is told of 2 and 4 — by the names the links open."""
    path = _linked(tmp_path / "台账.xlsx", {f"I{r}": f"<f>{escape(formula.format(r=r))}</f>" for r in range(3, 8)})
    _put_files(tmp_path, [name.format(n=n) for n in (1, 3, 5)])
    assert _missing(path) == {"I4": name.format(n=2), "I6": name.format(n=4)}
    _put_files(tmp_path, [name.format(n=n) for n in (2, 4)])
    assert _missing(path) == {}


def test_what_a_numbered_link_works_out_to() -> None:
    cells = {(4, 0): 5.0, (4, 1): "XC-05", (4, 2): " 第5项 "}

    def value(r: int, c: int) -> object:
        return cells.get((r, c), "")

    at = (4, 8)  # I5
    assert link_target('"材料\\"&TEXT(A5,"000")&".pdf"', value, at) == "材料\\005.pdf"
    assert link_target('"材料/"&ROW()-3&".pdf"', value, at) == "材料/2.pdf"
    assert link_target('"材料/"&-(-A5)+2*3&".pdf"', value, at) == "材料/11.pdf"  # & joins last
    assert link_target('"材料/"&A5/2&".pdf"', value, at) == "材料/2.5.pdf"
    assert link_target('"材料/"&TEXT(A5,"0.0")&TRIM(C5)&".pdf"', value, at) == "材料/5.0第5项.pdf"
    assert link_target('"#佐证!A"&ROW()', value, at) == "#佐证!A5"
    for other in ('"材料/"&ROW()', '"材料/"&B5+1', '"材料/"&A5/0', '"材料/"&TEXT(A5,"yyyy")'):
        # ROW() with no cell to count from, text that is no number, no quotient, a date format
        assert link_target(other, value) is None, other


def test_a_link_into_the_workbook_numbered_by_row_is_no_file(tmp_path: Path) -> None:
    """``"#佐证!A"&ROW()`` opens a cell of the 佐证 sheet: nothing to look for beside the ledger;
    a numbered file in the same column is."""
    formulas = {"I3": '<f>HYPERLINK("#佐证!A"&amp;ROW(),"见佐证")</f>',
                "I5": '<f>HYPERLINK("材料/"&amp;TEXT(A5,"000")&amp;".pdf","佐证")</f>'}
    path = _linked(tmp_path / "台账.xlsx", formulas)
    assert read_grids(path)[0].links == {"I5": "材料/003.pdf"}
    _put_files(tmp_path, ["材料/003.pdf"])
    assert _findings(path) == BASE


# -- .xls: TEXT() (ptgFunc), ROW() (ptgFuncVar of no argument), ptgSub ------------------------------

def _func(tab: int) -> bytes:
    return bytes([0x41]) + struct.pack("<H", tab)


def _func_var(count: int, tab: int) -> bytes:
    return bytes([0x42, count]) + struct.pack("<H", tab)


_HYPERLINK = _ptg_str("佐证") + _func_var(2, 359)


def test_an_xls_link_numbered_by_text_or_row_is_checked_by_its_file(tmp_path: Path) -> None:
    """As Excel and LibreOffice save =HYPERLINK("材料/"&TEXT(A3,"000")&".pdf","佐证") (I3, I4) and
    =HYPERLINK("材料/"&(ROW()-2)&".pdf","佐证") (I5:I7)."""
    def by_text(row: int) -> bytes:  # A<row+1>: ptgRef, row and column relative
        return (_ptg_str("材料/") + bytes([0x24]) + struct.pack("<HH", row, 0xC000) + _ptg_str("000") + _func(48)
                + b"\x08" + _ptg_str(".pdf") + b"\x08" + _HYPERLINK)

    by_row = (_ptg_str("材料/") + _func_var(0, 8) + bytes([0x1E]) + struct.pack("<H", 2) + b"\x04" + b"\x15"
              + b"\x08" + _ptg_str(".pdf") + b"\x08" + _HYPERLINK)
    assert parsed_argument(by_text(2), 2, 8) == '"材料/"&TEXT(A3,"000")&".pdf"'
    records = [_formula(2, 8, by_text(2), "佐证"), _formula(3, 8, by_text(3), "佐证"),
               *(_formula(r, 8, by_row, "佐证") for r in range(4, 7))]
    path = _xls(tmp_path / "台账.xls", records, i3="")
    _put_files(tmp_path, ["材料/001.pdf", "材料/3.pdf", "材料/5.pdf"])
    assert _missing(path) == {"I4": "材料/002.pdf", "I6": "材料/4.pdf"}


def test_an_ods_link_numbered_by_text_is_checked_by_its_file(tmp_path: Path) -> None:
    """LibreOffice writes ``of:=HYPERLINK("材料/"&TEXT([.A3];"000")&".pdf";"佐证")``."""
    cell = ('<table:table-cell table:formula="of:=HYPERLINK(&quot;材料/&quot;&amp;TEXT([.A3];&quot;000&quot;)&amp;'
            '&quot;.pdf&quot;;&quot;佐证&quot;)" office:value-type="string"><text:p>佐证</text:p></table:table-cell>')
    path = _ods(tmp_path / "台账.ods", cell)
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _missing(path) == {"I3": "材料/001.pdf"}
    _put_files(tmp_path, ["材料/001.pdf"])
    assert _findings(path) == BASE


# -- a HYPERLINK no program computed (an export, a script): the words it shows ---------------------

def _exported(path: Path, evidence: dict[int, str]) -> Path:
    """A county ledger written by a program that does not compute (openpyxl, as an OA system's
    export does): the 佐证材料 cells hold formulas with no value. Rows 4-7 are 已完成."""
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "佐证材料"]
    rows = [{"序号": n, "issue": 1 + n % 4, "整改措施": f"落实第{n}项整改措施", "责任单位": "办公室",
             "责任人": "李明", "整改时限": "2026年10月31日前", "整改状态": "已完成", "佐证材料": evidence.get(n + 3)}
            for n in range(1, 5)]
    return write_ledger(path, header, rows)


def test_a_link_no_program_computed_reads_as_the_words_it_shows(tmp_path: Path) -> None:
    """An exported ledger whose 佐证材料 are =HYPERLINK(…,"查看") with no value: the evidence is
    there (查看) and the file each opens is looked for — no formula-uncomputed, no missing-evidence."""
    path = _exported(tmp_path / "台账.xlsx", {
        4: '=HYPERLINK("材料/"&TEXT(A4,"000")&".pdf","查看")',
        5: '=HYPERLINK("材料/"&TEXT(A5,"000")&".pdf","查看")',
        6: '=HYPERLINK("#佐证!A"&ROW(),"见"&"佐证")',
        7: '=HYPERLINK("材料/会议纪要.pdf")',  # one argument: the cell shows the link
    })
    _put_files(tmp_path, ["材料/001.pdf", "材料/会议纪要.pdf"])
    found = {(f.code, f.cell) for f in api.check(path, AS_OF).findings}
    assert found == {("evidence-file-missing", "I5")}
    grid = read_grids(path)[0]
    assert [row[8] for row in grid.rows[3:7]] == ["查看", "查看", "见佐证", "材料/会议纪要.pdf"]


def test_a_link_whose_words_cannot_be_worked_out_is_still_uncomputed(tmp_path: Path) -> None:
    """Words from another sheet (=HYPERLINK("#佐证!A4",佐证!B4)) are not guessed: the auditor is
    still told the cell keeps no value; the computable cell beside it is read."""
    path = _exported(tmp_path / "台账.xlsx",
                     {4: '=HYPERLINK("#佐证!A4",佐证!B4)', 5: '=HYPERLINK("#佐证!A5","见佐证")'})
    found = {(f.code, f.cell) for f in api.check(path, AS_OF).findings}
    assert ("formula-uncomputed", "I4") in found
    assert not {(code, cell) for code, cell in found if cell == "I5"}


def test_a_link_filled_down_with_no_values_reads_at_every_cell(tmp_path: Path) -> None:
    """A shared formula with no value anywhere (I3 keeps it, I4:I7 name its group): each cell
    shows 查看 and opens its own file."""
    shared = {"I3": '<c r="I3"><f t="shared" ref="I3:I7" si="0">HYPERLINK("附件/"&amp;TEXT(A3,"00")&amp;'
                    '".pdf","查"&amp;"看")</f></c>',
              **{f"I{r}": f'<c r="I{r}"><f t="shared" si="0"/></c>' for r in range(4, 8)}}
    path = _xlsx(tmp_path / "台账.xlsx", cells=shared)
    grid = read_grids(path)[0]
    assert [row[8] for row in grid.rows[2:7]] == ["查看"] * 5
    assert grid.uncomputed == frozenset()
    _put_files(tmp_path, ["附件/01.pdf", "附件/02.pdf", "附件/03.pdf", "附件/05.pdf", "工作责任清单.docx"])
    assert _missing(path) == {"I6": "附件/04.pdf"}


# -- the sheet's own drop-down list (数据验证 → 序列) --------------------------------------------------

def _listed(path: Path, statuses: list[str], *, strict: bool = True, on_sheet: bool = False,
            named: bool = False) -> Path:
    """A county ledger whose 整改状态 column (H4:H100) has its own drop-down: 已整改 / 整改中 /
    未整改 typed in, or (``on_sheet``) the cells of an 选项 sheet, by (``named``) a name of the
    workbook (名称管理器: 状态选项); ``strict``: 出错警告 "停止"."""
    header = ["序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "佐证材料"]
    rows = [{"序号": n, "issue": 1 + n % 4, "整改措施": f"落实第{n}项整改措施", "责任单位": "办公室", "责任人": "李明",
             "整改时限": "2026年12月31日前", "整改状态": status, "佐证材料": "会议纪要"}
            for n, status in enumerate(statuses, 1)]
    write_ledger(path, header, rows)
    wb = openpyxl.load_workbook(path)
    source = '"已整改,整改中,未整改"'
    if on_sheet:
        choices = wb.create_sheet("选项")
        for r, word in enumerate(["已整改", "整改中", "未整改"], 1):
            choices.cell(r, 1, word)
        source = "选项!$A$1:$A$3"
        if named:
            wb.defined_names["状态选项"] = DefinedName("状态选项", attr_text=source)
            source = "状态选项"
    dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=strict)
    wb["台账"].add_data_validation(dv)
    dv.add("H4:H100")
    wb.save(path)
    return path


def _codes(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in api.check(path, AS_OF).findings:
        out.setdefault(f.code, set()).add(f.cell or "")
    return out


@pytest.mark.parametrize(("on_sheet", "named"), [(False, False), (True, False), (True, True)])
def test_a_status_outside_the_sheets_own_list_is_pointed_out(on_sheet: bool, named: bool, tmp_path: Path) -> None:
    """基本完成 pasted into a column whose list holds 已整改 / 整改中 / 未整改 (and refuses the
    rest): a hint — the office's own COUNTIF of its list misses it; a word rectxl cannot read is
    asked for from that list, not from rectxl's words."""
    path = _listed(tmp_path / "台账.xlsx", ["已整改", "整改中", "基本完成", "待定"], on_sheet=on_sheet, named=named)
    found = _codes(path)
    assert found.get("status-not-in-list") == {"H6"}
    (bad,) = [f for f in api.check(path, AS_OF).findings if f.code == "bad-status"]
    assert bad.cell == "H7" and "“已整改”“整改中”“未整改”" in bad.message and "基本完成" not in bad.message
    (hint,) = [f for f in api.check(path, AS_OF).findings if f.code == "status-not-in-list"]
    assert "已整改、整改中、未整改" in hint.message
    # a drop-down whose 出错警告 is off is a suggestion: 基本完成 typed there is the clerk's right
    path = _listed(tmp_path / "建议.xlsx", ["已整改", "整改中", "基本完成"], strict=False, on_sheet=on_sheet)
    assert "status-not-in-list" not in _codes(path)


@pytest.mark.parametrize("target", ["ods", "xls"])
def test_the_sheets_own_list_is_read_from_ods_and_xls(target: str, tmp_path: Path) -> None:
    """The ledger saved by LibreOffice as .ods (table:content-validation, a named range) and .xls
    (DV records, the list on another sheet by EXTERNSHEET, a name by LBL): the same findings as
    the .xlsx."""
    for k, (on_sheet, named) in enumerate([(False, False), (True, False), (True, True)]):
        source = _listed(tmp_path / f"台账{k}.xlsx", ["已整改", "整改中", "基本完成", "待定"],
                         on_sheet=on_sheet, named=named)
        saved = soffice_convert(source, tmp_path / f"{target}{k}", target)
        assert _codes(saved) == _codes(source)
        assert _codes(saved)["status-not-in-list"] == {"H6"}
        # the column's cells under the list are one range (H4:H100), not one a row
        assert [box[:4] for box in read_grids(saved)[0].lists] == [(3, 7, 99, 7)]


def test_a_list_on_another_sheet_as_excel_saves_it(tmp_path: Path) -> None:
    """Excel keeps a list whose source is on another sheet in the sheet's extension list
    (``x14:dataValidation``, its source in ``xm:f``, its cells in ``xm:sqref``)."""
    source = _listed(tmp_path / "原.xlsx", ["已整改", "整改中", "基本完成", "待定"], on_sheet=True)
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
           '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
           "<x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H4:H100</xm:sqref>"
           "</x14:dataValidation></x14:dataValidations></ext></extLst>").encode()
    path = tmp_path / "台账.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<dataValidations.*?</dataValidations>", b"", data, flags=re.S)
                data = data.replace(b"</worksheet>", ext + b"</worksheet>")
            zout.writestr(info, data)
    assert b"x14:dataValidation " in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert _codes(path)["status-not-in-list"] == {"H6"}


def test_a_link_nested_past_any_real_formula_is_not_worked_out(tmp_path: Path) -> None:
    """Brackets or signs nested thousands deep (Excel allows 64 levels; a hostile file) give no
    link and no crash — the cell is read by its words."""
    deep = {"I3": f'<f>HYPERLINK({"(" * 5000}"附件/1.pdf"{")" * 5000},"查看")</f>',
            "I4": f'<f>HYPERLINK("附件/"&amp;{"-" * 5000}1&amp;".pdf","查看")</f>'}
    path = _linked(tmp_path / "台账.xlsx", deep)
    assert read_grids(path)[0].links == {}
    assert _findings(path) >= BASE
