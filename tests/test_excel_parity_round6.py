"""Excel parity round 6: rectxl reads and quotes cells as Excel shows them.

- a number a clerk typed as "2025.10" (kept by Excel as 2025.1) in a column formatted to show two
  decimals is read as Excel shows it: October;
- the macOS add-in saves a copy of a Strict Open XML or Excel 97–2003 workbook under the right
  extension, as the Windows path does;
- a cell, row or column pointing at a cell format the styles part does not have never lands on
  rectxl's highlight, and clear gives the styles part back byte for byte;
- a TRUE/FALSE cell is quoted TRUE/FALSE, as Excel shows it.

Every fixture is built here: ledgers written with openpyxl (and one saved by LibreOffice), and
packages written from XML text.
"""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from oletools.olevba import VBA_Parser
from openpyxl import Workbook

from rectxl import api
from rectxl import excel as rx
from rectxl.core import fields as F
from rectxl.core.rules import Options
from rectxl.excel import book_io
from tests.com_standin import Excel
from tests.ledgers import CANONICAL, MESSY_AS_OF, write_messy_ledger
from tests.test_io_round6 import saved_strict
from tests.workbook_compare import soffice_convert

ROOT = Path(__file__).resolve().parents[1]

AS_OF = Options(as_of=date(2024, 3, 1))
_BASE = {F.ISSUE: "公务接待审批不严", F.LEAD: "王副局长", F.OWNER_UNIT: "办公室", F.OWNER_PERSON: "李明"}


def _ledger(path: Path, rows: list[dict[str, Any]], formats: dict[str, str] | None = None) -> Path:
    """A one-sheet ledger (header on row 1); ``formats``: field → the number format of its
    cells below the header."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(CANONICAL)
    for row in rows:
        ws.append([{**_BASE, **row}.get(c) for c in CANONICAL])
    for name, code in (formats or {}).items():
        col = CANONICAL.index(name) + 1
        for r in range(2, len(rows) + 2):
            ws.cell(r, col).number_format = code
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _messages(path: Path, code: str) -> dict[str | None, str]:
    return {f.cell: f.message for f in api.check(path, AS_OF).findings if f.code == code}


# -- 1. a number shown with fixed decimals -------------------------------------------------------

_YEAR_MONTH_ROWS = [
    {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: 2025.1, F.STATUS: "正在推进"},   # typed 2025.10
    {F.MEASURE: "开展专项检查", F.DEADLINE: 2023.1, F.STATUS: "正在推进"},       # typed 2023.10
    {F.MEASURE: "建立接待台账", F.DEADLINE: 2025.06, F.STATUS: "正在推进"},
]


@pytest.mark.parametrize("code", ["0.00", "#,##0.00", "0.00_ ", '0.00"前"', "[$-804]0.00;[Red]-0.00",
                                  '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '])
def test_a_year_month_number_shown_with_two_decimals_reads_as_shown(tmp_path: Path, code: str) -> None:
    """A clerk typed “2025.10”; Excel keeps 2025.1 and the office set the column to show two
    decimals so that it reads 2025.10 again: rectxl reads what the cell shows — October."""
    path = _ledger(tmp_path / "台账.xlsx", _YEAR_MONTH_ROWS, {F.DEADLINE: code})
    report = api.check(path, AS_OF)
    codes = {(f.code, f.cell) for f in report.findings if f.field == F.DEADLINE}
    assert ("bad-deadline", "I2") not in codes and ("bad-deadline", "I3") not in codes
    assert ("overdue", "I3") in codes and ("overdue", "I2") not in codes  # October 2023 has passed
    assert "2023年10月31日" in _messages(path, "overdue")["I3"]
    assert ("overdue", "I4") not in codes  # 2025.06 stays June 2025


def test_a_year_month_number_with_one_decimal_or_general_is_read_as_before(tmp_path: Path) -> None:
    """2025.1 shown with one decimal is January (the cell shows 2025.1); shown in General, a dropped
    0 cannot be told from January: still asked about; a date or percent format is no year.month."""
    one = _ledger(tmp_path / "一位.xlsx", _YEAR_MONTH_ROWS, {F.DEADLINE: "0.0"})
    assert "2023年1月31日" in _messages(one, "overdue")["I3"]
    assert not _messages(one, "bad-deadline")
    general = _ledger(tmp_path / "常规.xlsx", _YEAR_MONTH_ROWS)
    assert set(_messages(general, "bad-deadline")) == {"I2", "I3"}
    assert "1月还是10月" in _messages(general, "bad-deadline")["I2"]
    percent = _ledger(tmp_path / "百分比.xlsx", _YEAR_MONTH_ROWS, {F.DEADLINE: "0.00%"})
    assert set(_messages(percent, "bad-deadline")) >= {"I2", "I3"}


def test_amounts_and_shares_shown_with_decimals_keep_their_numbers(tmp_path: Path) -> None:
    """Only year-like numbers are read as shown: a share of 0.85 in a 0.00 column is still a share."""
    path = _ledger(tmp_path / "台账.xlsx", [
        {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: "2023年12月底", F.STATUS: 0.85},
    ], {F.STATUS: "0.00"})
    from rectxl.io.reader import read_grids

    (grid,) = read_grids(path)
    assert grid.rows[1][CANONICAL.index(F.STATUS)] == 0.85


def test_a_sheet_written_under_a_prefix_and_without_cell_references_reads_as_shown(tmp_path: Path) -> None:
    """The .NET OpenXML SDK's spelling (``<x:c>``) and cells without ``r`` (placed by counting)."""
    path = _ledger(tmp_path / "台账.xlsx", _YEAR_MONTH_ROWS, {F.DEADLINE: "0.00"})
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = re.sub(rb'(<c) r="I\d+"', rb"\1", sheet)  # placed after the cell before it (H: 责任人)
    sheet = re.sub(rb"<(/?)(worksheet|sheetData|row|c|v|is|t|sheetPr|dimension|sheetViews|sheetView|selection|"
                   rb"sheetFormatPr|pageMargins|outlinePr|pageSetUpPr)\b", rb"<\1x:\2", sheet)
    sheet = sheet.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="')
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    assert sheet.count(b"<x:c s=") == 3
    assert "2023年10月31日" in _messages(path, "overdue")["I3"]
    assert not _messages(path, "bad-deadline")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_ledger_saved_by_libreoffice_reads_as_shown(tmp_path: Path) -> None:
    source = _ledger(tmp_path / "src" / "台账.xlsx", _YEAR_MONTH_ROWS, {F.DEADLINE: "0.00"})
    saved = soffice_convert(source, "xlsx", tmp_path / "lo")
    with zipfile.ZipFile(saved) as zf:
        assert b"2025.1<" in zf.read("xl/worksheets/sheet1.xml")  # still the number Excel keeps
    assert "2023年10月31日" in _messages(saved, "overdue")["I3"]
    assert not _messages(saved, "bad-deadline")


# -- 4. TRUE and FALSE as Excel shows them ------------------------------------------------------


def test_a_true_or_false_deadline_is_quoted_as_excel_shows_it(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", [
        {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: True, F.STATUS: "正在推进"},
        {F.MEASURE: "开展专项检查", F.DEADLINE: "2023年12月底", F.STATUS: False},
        {F.MEASURE: "建立接待台账", F.DEADLINE: False, F.STATUS: "正在推进"},
    ])
    bad = _messages(path, "bad-deadline")
    assert "“TRUE”" in bad["I2"] and "“FALSE”" in bad["I4"]
    assert "“FALSE”" in _messages(path, "overdue")["I3"]
    every = " ".join(f.message for f in api.check(path, AS_OF).findings)
    assert "True" not in every and "False" not in every


def test_a_number_in_a_date_cell_is_quoted_as_excel_shows_it(tmp_path: Path) -> None:
    """A completion date typed as 3 is quoted “3” (Excel shows no “.0”)."""
    path = _ledger(tmp_path / "台账.xlsx", [
        {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: "2023年12月底", F.STATUS: "已完成",
         F.COMPLETED: 3.0, F.EVIDENCE: "会议纪要"},
    ])
    message = _messages(path, "bad-completion-date")["K2"]
    assert "“3”" in message and "3.0" not in message


# -- 2. the macOS add-in's copy of a Strict Open XML or Excel 97-2003 workbook ------------------

_SAVE_COPY = "Public Function RectxlSaveCopy(ByVal bookName As String, ByVal fileName As String) As String"


def _vba_extensions(source: str) -> dict[int, str]:
    """RectxlSaveCopy's ``Select Case wb.FileFormat``: format → the copy's extension."""
    body = source[source.index(_SAVE_COPY):]
    body = body[: body.index("End Function")]
    return {int(code): ext for codes, ext in re.findall(r'Case ([-\d, ]+): ext = "(\.\w+)"', body)
            for code in codes.split(",")}


def _built_vba(path: Path) -> str:
    parser = VBA_Parser(str(path))
    try:
        return next(text for _, name, _, text in parser.extract_macros() if name == "VBA/rectxl").replace("\r\n", "\n")
    finally:
        parser.close()


def test_the_mac_add_in_copies_strict_and_97_2003_workbooks_under_their_extension() -> None:
    """Excel reports a Strict Open XML workbook as FileFormat 61, an .xlt as 17 and an “Excel 97 and
    95” workbook as 43: the add-in's RectxlSaveCopy names their copies .xlsx and .xls (it returned
    "" — “not an Excel workbook” — for them), in the text and in the add-in built from it, and
    agrees with the Windows path format for format."""
    text = _vba_extensions((ROOT / "macros" / "rectxl.bas").read_text(encoding="ascii"))
    assert {k: text.get(k) for k in (61, 17, 43)} == {61: ".xlsx", 17: ".xls", 43: ".xls"}
    assert text == book_io.FILE_FORMATS
    for built in (ROOT / "workbooks" / "rectxl.xlam", ROOT / "rectxl" / "data" / "rectxl.xlam"):
        assert _vba_extensions(_built_vba(built)) == text


def test_a_strict_workbook_open_in_excel_for_mac_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS the buttons ask the add-in's RectxlSaveCopy for the copy: played here by the
    stand-in's Application.Run with the extensions macros/rectxl.bas gives each format."""
    vba = _vba_extensions((ROOT / "macros" / "rectxl.bas").read_text(encoding="ascii"))
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    options = Options(as_of=MESSY_AS_OF)
    expected = [(f.code, f.cell) for f in api.check(path, options).findings]
    sandbox = tmp_path / "sandbox-tmp"
    sandbox.mkdir()
    excel = Excel()
    book = excel.open(path)
    saved_strict(book, monkeypatch)

    def rectxl_save_copy(book_name: str, file_name: str) -> str:
        ext = vba.get(excel.book_named(book_name).file_format, "")
        if not ext:
            return f"format:{excel.book_named(book_name).file_format}"
        target = sandbox / f"{file_name}{ext}"
        excel.book_named(book_name).SaveCopyAs(str(target))
        return str(target)

    monkeypatch.setattr(sys, "platform", "darwin")
    excel.macros[book_io.MAC_SAVE_COPY_MACRO] = rectxl_save_copy
    report = rx.validate(book, options)
    monkeypatch.undo()
    assert report is not None, excel.alerts
    assert [(f.code, f.cell) for f in report.findings] == expected and expected
    assert list(sandbox.iterdir()) == []



# -- 3. cell formats the styles part does not have ---------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _out_of_range_package(path: Path) -> Path:
    """A ledger whose sheet points at cell formats its styles part (15 of them) does not have: a
    cell at 250 and one at 20, a row at 300 (customFormat), a column at 400 — as an exporter that
    writes the sheet and the styles part apart leaves them; Excel shows such cells in the default
    format."""
    xfs = "".join(f'<xf numFmtId="0" fontId="0" fillId="0" borderId="{i % 2}" xfId="0"/>' for i in range(15))
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
              '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
              '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'
              '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
              f'</cellStyleXfs><cellXfs count="15">{xfs}</cellXfs>'
              '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')

    def cell(ref: str, text: str | None, s: int) -> str:
        if text is None:
            return f'<c r="{ref}" s="{s}"/>'
        return f'<c r="{ref}" s="{s}" t="inlineStr"><is><t>{text}</t></is></c>'

    rows = [CANONICAL,
            ["", "", "1", "公务接待审批不严", "修订公务接待管理办法", "王副局长", "办公室", "李明", "2023年12月底",
             "正在推进", "", "已起草", "", ""],
            ["", "", "", "", "开展专项检查", "王副局长", "", "李明", "视情况而定", "正在推进", "", "", "", ""]]
    styles_of = {(2, 9): 250, (2, 3): 20, (3, 9): 1}
    body = []
    for r, values in enumerate(rows, 1):
        cells = "".join(cell(f"{chr(65 + c)}{r}", v or None, styles_of.get((r, c), 1)) for c, v in enumerate(values))
        body.append(f'<row r="{r}">{cells}</row>')
    body.append('<row r="4" s="300" customFormat="1"/>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">'
             '<cols><col min="1" max="14" width="14" customWidth="1"/>'
             '<col min="15" max="15" width="9" style="400"/></cols>'
             f'<sheetData>{"".join(body)}</sheetData></worksheet>')
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_R}">'
            '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_R}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_R}/styles" Target="styles.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/styles.xml": styles,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in parts.items():
            out.writestr(name, text.encode("utf-8"))
    return path


def _cell_xfs(styles: bytes) -> list[bytes]:
    block = styles[styles.index(b"<cellXfs"):styles.index(b"</cellXfs>")]
    return re.findall(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", block[block.index(b">") + 1:], re.S)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_a_cell_pointing_past_the_styles_never_shows_rectxls_highlight(tmp_path: Path) -> None:
    source = _out_of_range_package(tmp_path / "台账.xlsx")
    report, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", AS_OF)
    marked = {f.cell for f in report.findings}
    assert {"I2", "I3"} <= marked and "D2" not in marked
    out = _parts(annotated)
    xfs = _cell_xfs(out["xl/styles.xml"])
    # every index the sheet pointed at before shows the default format, as it did: none of rectxl's
    # formats (a solid fill) sits at 15–400
    assert len(xfs) > 400
    assert all(b"fillId=\"0\"" in xf or b"fillId" not in xf for xf in xfs[15:401])
    sheet = out["xl/worksheets/sheet1.xml"]
    assert re.search(rb'<c r="D2" s="20"', sheet) and re.search(rb'<row r="4" s="300"', sheet)
    assert re.search(rb'<col min="15" max="15" width="9" style="400"/>', sheet)
    new_i2 = int(re.search(rb'<c r="I2" s="(\d+)"', sheet).group(1))
    assert new_i2 > 400 and b'fillId="0"' not in xfs[new_i2]
    # 清除标记 gives every part back byte for byte, the styles part included
    restored, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    assert restored == len(marked)
    assert _parts(cleared) == _parts(source)
