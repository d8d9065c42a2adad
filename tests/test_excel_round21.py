"""Round 21: the Excel side and the user's data as office staff meet them — the command line
(``rectxl annotate`` / ``--clear``, ``rectxl summary``) and the add-in's buttons (through the COM
stand-in) on ledgers written the way other offices write them.

- rectxl's sheets carry one mark of ownership (a hidden name local to the sheet) that the command
  line and the add-in both read: a 校验结果 the clerk renamed is the clerk's — left and named by
  both, its mark taken off; a sheet of rectxl's name without the mark is never deleted;
- a ledger sheet protected against formatting: ``annotate -o copy`` colours nothing (as 标记问题
  colours nothing), keeps the owner's protection, writes the findings into 校验结果 and says so;
- a workbook as WPS writes it (inline strings, the 1904 date system, dates typed as text, a cached
  #N/A, merged title, hidden and very hidden sheets, print area, list validation, conditional
  format, a full-width sheet name): annotate changes only cell formats and appends rectxl's parts,
  --clear gives every part back byte for byte — also after LibreOffice saved the marked copy;
- dates rectxl writes into its sheets read as the clerk's Excel shows them (2026年3月31日), never
  the ISO text of a date cell (2026-03-31); a ledger rectxl writes keeps real date cells, shown so;
- a copy the clerk made of 校验结果 is kept and called a copy; a button pressed again never writes
  over a sheet of the clerk's under rectxl's name; sheets an earlier add-in made are marked;
- a 1904-date-system workbook's unplaced date mark is named by the date it showed;
- ``rectxl clean`` / ``clear`` / ``mark`` point the clerk to ``rectxl annotate [--clear]``.

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


# -- a workbook as WPS writes it: annotate and --clear leave everything of the user's ------------

WPS_SHEET = "巡察整改台账（第二轮）"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument."
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NS = f'xmlns="{_MAIN}" xmlns:r="{_OFFICE}"'


def _is(ref: str, text: str, s: int | None = None) -> str:
    st = f' s="{s}"' if s else ""
    return f'<c r="{ref}"{st} t="inlineStr"><is><t>{text}</t></is></c>'


def _n(ref: str, v: int, s: int | None = None) -> str:
    st = f' s="{s}"' if s else ""
    return f'<c r="{ref}"{st}><v>{v}</v></c>'


def _rels(*rels: tuple[str, str]) -> str:
    return (f'{_HEAD}<Relationships xmlns="{_PKG}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
                      for i, (kind, target) in enumerate(rels, 1)) + "</Relationships>")


def _wps_ledger(path: Path) -> Path:
    """A 县财政局's ledger as WPS 表格 writes it: no shared strings (inline strings), the 1904 date
    system, a date typed as text behind an apostrophe (2026.3.31), a VLOOKUP with a cached #N/A, a
    merged title row, a hidden and a very hidden sheet, a print area and print titles, a list
    validation and a conditional format on the status column, a sheet name in full-width brackets."""
    import zipfile

    due = 46112 - 1462  # 2026-03-31 in the 1904 date system
    header = ["序号", "巡察反馈问题", "整改措施", "责任单位", "责任人", "完成时限", "整改进展", "整改状态"]
    rows = [
        _is("A1", "某某县财政局巡察整改落实台账", 1),
        "".join(_is(f"{c}2", h, 2) for c, h in zip("ABCDEFGH", header, strict=True)),
        _n("A3", 1) + _is("B3", "政府采购程序不规范") + _is("C3", "修订政府采购内控制度") + _is("D3", "采购股")
        + _is("E3", "张某") + _n("F3", due, 3) + _is("G3", "已起草") + _is("H3", "正在推进"),
        _n("A4", 2) + _is("B4", "专项资金拨付滞后") + _is("C4", "建立资金拨付台账") + _is("D4", "预算股")
        + '<c r="E4" t="e"><f>VLOOKUP(D4,人员!A:B,2,0)</f><v>#N/A</v></c>' + _is("F4", "2026.3.31", 4)
        + _is("G4", "已建立台账") + _is("H4", "正在推进"),
        _n("A5", 3) + _is("B5", "国有资产管理不严") + _is("C5", "开展资产清查") + _is("D5", "资产股")
        + _is("E5", "001", 4) + _is("F5", "2026年12月31日") + _is("G5", "已完成清查") + _is("H5", "已完成"),
    ]
    data = "".join(f'<row r="{i}">{row}</row>' for i, row in enumerate(rows, 1))
    sheet1 = (f'{_HEAD}<worksheet {_NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H5"/>'
              '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
              '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
              '<sheetFormatPr defaultRowHeight="14.25"/><cols><col min="1" max="1" width="6" customWidth="1"/>'
              f'<col min="2" max="8" width="18" customWidth="1"/></cols><sheetData>{data}</sheetData>'
              '<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>'
              '<conditionalFormatting sqref="H3:H100"><cfRule type="containsText" dxfId="0" priority="1" '
              'operator="containsText" text="已完成"><formula>NOT(ISERROR(SEARCH("已完成",H3)))</formula></cfRule>'
              '</conditionalFormatting><dataValidations count="1"><dataValidation type="list" allowBlank="1" '
              'showInputMessage="1" showErrorMessage="1" sqref="H3:H100"><formula1>"未启动,正在推进,已完成"</formula1>'
              '</dataValidation></dataValidations>'
              '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
              '<pageSetup paperSize="9" orientation="landscape"/></worksheet>')
    people, template = (f'{_HEAD}<worksheet {_NS}><sheetData><row r="1">{cells}</row></sheetData></worksheet>'
                        for cells in (_is("A1", "采购股") + _is("B1", "张某"), _is("A1", "模板")))
    area = f"'{WPS_SHEET}'"
    workbook = (f'{_HEAD}<workbook {_NS}><workbookPr date1904="1"/>'
                '<bookViews><workbookView windowWidth="28800" windowHeight="12300"/></bookViews>'
                f'<sheets><sheet name="{WPS_SHEET}" sheetId="1" r:id="rId1"/>'
                '<sheet name="人员" sheetId="2" state="hidden" r:id="rId2"/>'
                '<sheet name="模板" sheetId="3" state="veryHidden" r:id="rId3"/></sheets><definedNames>'
                f'<definedName name="_xlnm.Print_Area" localSheetId="0">{area}!$A$1:$H$5</definedName>'
                f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{area}!$2:$2</definedName>'
                '<definedName name="状态列表">"未启动,正在推进,已完成"</definedName></definedNames>'
                '<calcPr calcId="144525"/></workbook>')
    font = '<sz val="11"/><name val="宋体"/><charset val="134"/>'
    styles = (f'{_HEAD}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="176" '
              'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>'
              f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
              '<fills count="3"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
              '<fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1">'
              '<alignment horizontal="center"/></xf>'
              '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>'
              '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyNumberFormat="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
              '<dxfs count="1"><dxf><font><color rgb="FF006100"/></font><fill><patternFill>'
              '<bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs></styleSheet>')
    worksheet = _CT + "spreadsheetml.worksheet+xml"
    types = (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{worksheet}"/>'
                       for i in (1, 2, 3))
             + f'<Override PartName="/xl/styles.xml" ContentType="{_CT}spreadsheetml.styles+xml"/>'
             f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/></Types>')
    app = (f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>WPS 表格</Application><AppVersion>12.1.0.15712</AppVersion></Properties>")
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": _rels((f"{_OFFICE}/officeDocument", "xl/workbook.xml"),
                             (f"{_OFFICE}/extended-properties", "docProps/app.xml")),
        "docProps/app.xml": app, "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _rels(*((f"{_OFFICE}/worksheet", f"worksheets/sheet{i}.xml") for i in (1, 2, 3)),
                                            (f"{_OFFICE}/styles", "styles.xml")),
        "xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet1, "xl/worksheets/sheet2.xml": people,
        "xl/worksheets/sheet3.xml": template,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return path


def _canonical(data: bytes) -> bytes:
    from lxml import etree

    return etree.tostring(etree.fromstring(data), method="c14n")


def test_a_wps_workbook_is_marked_and_cleared_leaving_everything_of_the_users(tmp_path: Path) -> None:
    import zipfile

    from lxml import etree

    source = _wps_ledger(tmp_path / "财政局台账.xlsx")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    before, after = R.parts(source), R.parts(marked)
    # the marked copy: the ledger's cells changed in their format only, every other part of the
    # user's as it was (the workbook part: rectxl's sheets and names appended)
    assert {n for n in before if before[n] != after[n]} == {
        "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml"}
    main_ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    old, new = (etree.fromstring(parts["xl/worksheets/sheet1.xml"]) for parts in (before, after))
    for tree in (old, new):
        for c in tree.iter(main_ns + "c"):
            c.attrib.pop("s", None)
    assert etree.tostring(old, method="c14n") == etree.tostring(new, method="c14n")
    workbook = etree.fromstring(after["xl/workbook.xml"])
    states = {e.get("name"): e.get("state") for e in workbook.iter(main_ns + "sheet")}
    assert (states[WPS_SHEET], states["人员"], states["模板"]) == (None, "hidden", "veryHidden")
    assert workbook.find(main_ns + "workbookPr").get("date1904") == "1"
    with zipfile.ZipFile(marked) as zf:
        assert "xl/sharedStrings.xml" not in zf.namelist()
    fills = _fills_of(marked, WPS_SHEET)
    assert fills["F3"] and fills["F4"] and fills["E4"]  # the 1904 date, the date typed as text, the #N/A
    assert "2026年3月31日" in _texts(openpyxl.load_workbook(marked), ["逾期清单"])
    # --clear: every part exactly as it was, lxml-canonical and byte for byte
    _, cleared, _ = api.clear_marks(marked, tmp_path / "清除.xlsx")
    back = R.parts(cleared)
    assert sorted(back) == sorted(before)
    assert all(_canonical(back[n]) == _canonical(before[n]) for n in before if n.endswith((".xml", ".rels")))
    assert back == before


def _fills_of(path: Path, sheet: str) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
            for row in ws.iter_rows() for c in row}


def test_a_wps_workbook_is_marked_and_cleared_by_the_buttons(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_wps_ledger(tmp_path / "财政局台账.xlsx"))
    wb = workbook_of(book).wb
    before = {c.coordinate: (c.value, c.fill.fill_type) for row in wb[WPS_SHEET].iter_rows() for c in row}
    rx.flag(book, OPTS)
    assert "已标记 3 个单元格" in str(excel.alerts[-1]["prompt"])
    rx.clear(book)
    assert {c.coordinate: (c.value, c.fill.fill_type) for row in wb[WPS_SHEET].iter_rows() for c in row} == before
    assert [s.name for s in book.sheets] == [WPS_SHEET, "人员", "模板"]


def test_a_wps_workbook_marked_then_saved_by_libreoffice_clears_to_what_the_user_had(tmp_path: Path) -> None:
    """The marked copy saved again by LibreOffice (formats and sheets renumbered, every part
    rewritten): --clear finds rectxl's sheets by their marks, deletes them, and the clerk's cells,
    fills, validation, conditional format, print area and titles and hidden sheets are as they were."""
    from tests.workbook_compare import soffice_convert

    source = _wps_ledger(tmp_path / "财政局台账.xlsx")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    saved = soffice_convert(marked, "xlsx", tmp_path / "lo")
    assert _marks_in(saved) == 1 + len(SUMMARY_SHEETS)  # LibreOffice keeps rectxl's marks
    outcome, cleared, _ = api.clear_marks(saved, tmp_path / "清除.xlsx")
    assert outcome.restored == 3 and not outcome.left and not outcome.renamed_own
    assert _marks_in(cleared) == 0

    def seen(path: Path) -> tuple[Any, ...]:
        wb = openpyxl.load_workbook(path)
        ws = wb[WPS_SHEET]
        return (wb.sheetnames, [s.sheet_state != "visible" for s in wb.worksheets], ws.print_area,
                ws.print_title_rows, [str(v.sqref) for v in ws.data_validations.dataValidation],
                [str(f.sqref) for f in ws.conditional_formatting], [str(m) for m in ws.merged_cells.ranges],
                {c.coordinate: (c.value, c.fill.fgColor.rgb if c.fill.fill_type else None)
                 for row in ws.iter_rows() for c in row})

    assert seen(cleared) == seen(soffice_convert(source, "xlsx", tmp_path / "lo_src"))


def test_a_sheet_an_earlier_add_in_made_is_marked_when_written_again(tmp_path: Path) -> None:
    """校验结果 made by an add-in before the marks (none on it), then 生成汇总 and 校验台账 with this one:
    清除标记 still deletes every sheet rectxl made — 校验结果 is not taken for the clerk's because the
    summary sheets carry marks and it did not."""
    excel = Excel(today=AS_OF)
    book = excel.open(_county_ledger(tmp_path / "台账.xlsx"))
    rx.validate(book, OPTS)
    book.sheets[FINDINGS_SHEET].api.Names.Item(1).Delete()  # as the earlier add-in left it
    rx.summarize(book, OPTS)
    rx.validate(book, OPTS)
    rx.clear(book)
    assert [s.name for s in book.sheets] == [SHEET]
    assert "未删除" not in str(excel.alerts[-1]["prompt"])


def test_a_ledger_rectxl_writes_keeps_real_date_cells_in_chinese_format(tmp_path: Path) -> None:
    """A ledger rectxl writes (from a notice, or one read and written again): 整改时限 and 基本信息's
    反馈日期 and 报告日期 stay date cells (sortable, the grade colours' ISNUMBER test), shown 2026年4月10日."""
    from rectxl.io.ledger_xlsx import write_ledger
    from rectxl.io.reader import read_ledger

    path = _county_ledger(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet("基本信息")
    for pair in [("单位名称", "某某县财政局"), ("反馈日期", date(2026, 4, 10)), ("报告日期", AS_OF)]:
        info.append(list(pair))
    wb.save(path)
    written = openpyxl.load_workbook(write_ledger(tmp_path / "写出.xlsx", read_ledger(path)))
    dates = [c for ws in written.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, datetime)]
    assert {c.value.date() for c in dates} >= {date(2026, 3, 31), date(2026, 12, 31), date(2026, 4, 10), AS_OF}
    assert all(c.number_format == 'yyyy"年"m"月"d"日"' for c in dates)


@pytest.mark.parametrize(("typed", "said"), [("clean", "rectxl annotate --clear"),
                                             ("清除标记", "rectxl annotate --clear"),
                                             ("mark", "rectxl annotate 台账.xlsx")])
def test_a_command_typed_by_what_it_does_is_pointed_to_annotate(typed: str, said: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`rectxl clean 台账.xlsx` (or clear, 清除标记, mark): the clerk is told which command does it."""
    path = _county_ledger(tmp_path / "台账.xlsx")
    raw = path.read_bytes()
    try:
        code = main([typed, str(path)])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    assert said in capsys.readouterr().err and path.read_bytes() == raw


def test_one_protected_ledger_sheet_of_two_leaves_both_uncoloured_as_the_button_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """台账（一） open, 台账（二） protected against formatting: the copy colours neither (标记问题
    colours neither), names the protected one and counts every cell left uncoloured."""
    from tests.test_excel_desktop import _two_sheets_second_protected

    source = _two_sheets_second_protected(tmp_path)
    copy = tmp_path / "标记.xlsx"
    main(["annotate", str(source), "-o", str(copy), "--as-of", "2023-09-20"])
    out = capsys.readouterr().out
    assert "工作表“台账（二）”受保护" in out and "“台账（一）”" not in out and "（4 个问题单元格未标色" in out
    for name in ("台账（一）", "台账（二）"):
        ws = openpyxl.load_workbook(copy)[name]
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.fill.fill_type]


def test_a_copy_the_clerk_made_of_a_findings_sheet_is_kept_and_called_a_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's 移动或复制 → 建立副本 of 校验结果 copies its names local to the sheet, rectxl's mark with
    them: --clear deletes rectxl's 校验结果 and keeps the clerk's copy, calling it a copy."""
    from openpyxl.workbook.defined_name import DefinedName

    _, marked, _ = api.annotate(_county_ledger(tmp_path / "台账.xlsx"), tmp_path / "标记.xlsx", OPTS)
    wb = openpyxl.load_workbook(marked)
    copy = wb.copy_worksheet(wb[FINDINGS_SHEET])
    copy.title = f"{FINDINGS_SHEET} (2)"
    for name, defined in wb[FINDINGS_SHEET].defined_names.items():  # as Excel copies them
        copy.defined_names[name] = DefinedName(name, attr_text=defined.attr_text, hidden=defined.hidden)
    wb.save(tmp_path / "副本.xlsx")
    assert main(["annotate", "--clear", str(tmp_path / "副本.xlsx"), "-o", str(tmp_path / "清除.xlsx")]) == 0
    out = capsys.readouterr().out
    assert f"“{FINDINGS_SHEET}”已删除，您复制出的“{FINDINGS_SHEET} (2)”视为您自己的工作表" in out
    assert openpyxl.load_workbook(tmp_path / "清除.xlsx").sheetnames == [SHEET, f"{FINDINGS_SHEET} (2)"]


def test_an_unplaced_date_mark_of_a_1904_workbook_is_named_by_the_date_it_showed(tmp_path: Path) -> None:
    """A mark recorded without its row's texts (an earlier rectxl) on a date cell the clerk then
    changed and re-coloured, in a workbook of the 1904 date system (as WPS keeps one from Excel
    for Mac): --clear names it with the date the cell showed when marked — 2026年3月31日, not the
    serial number read from 1900 (2022年3月30日)."""
    import json
    import re
    import zipfile

    _, marked, _ = api.annotate(_wps_ledger(tmp_path / "财政局台账.xlsx"), tmp_path / "标记.xlsx", OPTS)
    parts = R.parts(marked)
    record = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and b"#rectxl" in data)

    from xml.sax.saxutils import escape, unescape

    def older(m: re.Match[bytes]) -> bytes:  # the mark of F3 as an earlier rectxl recorded it: no row
        data = json.loads(unescape(m.group(1).decode()))
        data.pop("row", None)
        return b"<t>" + escape(json.dumps(data, ensure_ascii=False)).encode() + b"</t>"

    parts[record], count = re.subn(rb'<t>(\{[^<]*?"v":"44650"[^<]*)</t>', older, parts[record])
    assert count == 1 and b'"row"' in parts[record]  # the other marks keep their rows
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<c r="F3" s="\d+"><v>44650</v></c>', b'<c r="F3"><v>44700</v></c>', parts[sheet])
    edited = tmp_path / "改过.xlsx"
    with zipfile.ZipFile(edited, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    outcome, _, _ = api.clear_marks(edited, tmp_path / "清除.xlsx")
    assert outcome.unplaced == [f"{WPS_SHEET}!F3（标记时为日期2026年3月31日）"]
