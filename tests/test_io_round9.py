"""Workbooks written by other programs read like the Excel-saved original (probe round 9).

A county ledger is built as Excel saves it, then saved again as other programs save it: an .xls
as Excel 97–2003, WPS and LibreOffice write BIFF8 (built here record by record), an .ods as
LibreOffice writes it, an .xlsx with shared and array formulas, ISO dates (``t="d"``), the 1904
date system, phonetic runs, a table's totals row, print titles, a ``veryHidden`` stale copy, as an
.xlsm, encrypted, and sent inside a .zip. What a user checks: the same findings (codes and cells)
as the original, and a clear Chinese message for a file that cannot be read as it is.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl import api
from rectxl.addin.cfb import write_compound_file
from rectxl.core.errors import LedgerError
from rectxl.core.rules import Options
from rectxl.io.reader import read_grids

from .ledgers import inject_formula

OPTS = Options(as_of=date(2026, 11, 30))
SHEET = "整改台账"
PART = "xl/worksheets/sheet1.xml"
HEADER = ["序号", "问题类别", "反馈问题", "整改举措", "牵头股室", "责任人", "完成时限", "整改状态", "进展情况"]
ROWS: list[list[object]] = [
    [1, "一、政治建设方面", "学习贯彻党的创新理论不深入", "制定年度学习计划", "办公室", "张伟", 2024.10, "已完成",
     "已印发学习计划。"],
    [2, None, "意识形态工作责任制落实不到位", "开展专题研讨", "办公室", "张伟", 2024.12, "正在推进",
     "已开展2次。"],
    [3, None, "党支部“三会一课”记录不规范", "修订工作责任清单", "党建股", "李娜", "2024年9月底前", "已完成",
     "已修订。"],
    [4, "二、作风建设方面", "公务接待审批不严", "完善公务接待审批制度", "财务股", "王强", 2025.06, "正在推进",
     "正在起草。"],
    [5, None, "项目资金拨付滞后", "建立资金拨付台账", "计财股", "刘洋", "2026年12月底前", "未启动", ""],
]
#: what the Excel-saved ledger gives: the deadlines typed 2024.12 and 2025.06 in ``0.00`` cells
#: have passed while the work goes on (2024.10 is read as October, not bad-deadline "2024.1")
EXPECTED = {("overdue", SHEET, "G4"), ("overdue", SHEET, "G6")}


def _findings(path: Path) -> set[tuple[str, str, str]]:
    return {(f.code, f.sheet or "", f.cell or "") for f in api.check(path, OPTS).findings}


def _ledger(path: Path) -> Path:
    """The ledger as Excel saves it: a title row, deadlines typed as 2024.10 in cells formatted
    ``0.00``, an aspect merged down, and the status of row 5 a formula whose cached value is text."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws["A1"] = "县农业农村局巡察反馈问题整改落实台账"
    ws.merge_cells("A1:I1")
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for r in range(3, 8):
        ws.cell(r, 7).number_format = "0.00"
    ws.merge_cells("B3:B5")
    wb.save(path)
    inject_formula(path, SHEET, "H5", 'IF(1,"已完成","")', "已完成")
    return path


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = _ledger(tmp_path_factory.mktemp("orig") / "台账.xlsx")
    assert _findings(path) == EXPECTED
    return path


# -- .xls as Excel 97–2003, WPS and LibreOffice write it ------------------------------------------

def _rec(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _short_text(text: str) -> bytes:  # ShortXLUnicodeString, UTF-16
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def _text(text: str) -> bytes:  # XLUnicodeString, UTF-16
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def _xf(fmt: int) -> bytes:
    return struct.pack("<HHHBBBBIIH", 0, fmt, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0)


def _biff8(cells: dict[tuple[int, int], object], formats: dict[tuple[int, int], int],
           hidden_cols: tuple[int, ...] = ()) -> bytes:
    """A one-sheet BIFF8 workbook stream as Excel writes it. ``cells`` (0-based row, col) hold
    text (LABEL), numbers (NUMBER, or RK for whole numbers), ``("=", text)`` a formula whose result
    is text (a FORMULA record marked 0xFFFF, its text in the STRING record after it), ``("#", code)``
    an error value (BOOLERR); ``formats``: the cell's number format (0: General, 2: ``0.00``)."""
    bof_globals = _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    fonts = _rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _short_text("宋体"))
    xfs = b"".join(_rec(0x00E0, _xf(0)) for _ in range(15)) + _rec(0x00E0, _xf(0)) + _rec(0x00E0, _xf(2))
    name = _short_text(SHEET)
    head = bof_globals + _rec(0x0042, struct.pack("<H", 1200)) + fonts * 5 + xfs
    boundsheet_len = 4 + 4 + 2 + len(name)
    eof = _rec(0x000A, b"")
    sheet_at = len(head) + boundsheet_len + len(eof)
    boundsheet = _rec(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + name)
    body = [_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06)),
            _rec(0x0208, struct.pack("<HHHHHHI", 5, 0, 9, 300, 0, 0, 0x0120))]  # row 6 hidden (fDyZero)
    body += [_rec(0x007D, struct.pack("<HHHHHH", c, c, 2560, 15, 0x0001, 0)) for c in hidden_cols]  # COLINFO
    for (r, c), value in sorted(cells.items()):
        xf = 16 if formats.get((r, c)) == 2 else 15
        if isinstance(value, tuple) and value[0] == "=":
            result = b"\x00\x00\x00\x00\x00\x00\xff\xff"
            rgce = b"\x17" + _short_text(str(value[1]))  # the formula: the text constant (ptgStr)
            body.append(_rec(0x0006, struct.pack("<HHH", r, c, xf) + result + struct.pack("<HIH", 0, 0, len(rgce))
                             + rgce))
            body.append(_rec(0x0207, _text(str(value[1]))))
        elif isinstance(value, tuple) and value[0] == "#":
            body.append(_rec(0x0205, struct.pack("<HHHBB", r, c, xf, int(str(value[1])), 1)))
        elif isinstance(value, int | float):
            body.append(_rec(0x0203, struct.pack("<HHHd", r, c, xf, float(value))))
        elif value is not None:
            # a LABEL record (Excel writes LABELSST; calamine reads both)
            body.append(_rec(0x0204, struct.pack("<HHH", r, c, 15) + _text(str(value))))
    body.append(eof)
    return head + boundsheet + eof + b"".join(body)


def _xls(path: Path, cells: dict[tuple[int, int], object], formats: dict[tuple[int, int], int],
         hidden_cols: tuple[int, ...] = ()) -> Path:
    stream = _biff8(cells, formats, hidden_cols)
    stream += b"\x00" * max(0, 4096 - len(stream))  # a stream past the mini-stream cutoff, as Excel's are
    path.write_bytes(write_compound_file({"Workbook": stream}))
    return path


def _grid_cells() -> tuple[dict[tuple[int, int], object], dict[tuple[int, int], int]]:
    cells: dict[tuple[int, int], object] = {(0, 0): "县农业农村局巡察反馈问题整改落实台账"}
    formats: dict[tuple[int, int], int] = {}
    for c, word in enumerate(HEADER):
        cells[(1, c)] = word
    for r, row in enumerate(ROWS, 2):
        for c, value in enumerate(row):
            if value is not None:
                cells[(r, c)] = value
        formats[(r, 6)] = 2
    cells[(4, 7)] = ("=", "已完成")
    return cells, formats


def test_xls_reads_a_formulas_text_and_a_deadline_shown_with_fixed_decimals(original: Path, tmp_path: Path) -> None:
    cells, formats = _grid_cells()
    path = _xls(tmp_path / "台账.xls", cells, formats)
    grid = read_grids(path)[0]
    assert grid.rows[2][6] == "2024.10" and grid.rows[5][6] == "2025.06"  # as the cells show them
    assert grid.rows[4][7] == "已完成"
    assert _findings(path) == _findings(original) == EXPECTED


def test_a_hidden_row_is_read_in_every_format(original: Path, tmp_path: Path) -> None:
    """DESIGN §2 reads hidden rows: a clerk hiding an unfinished measure does not hide it from the
    check (row 6, overdue, is hidden in the .xls and the .ods as in the .xlsx)."""
    hidden = _variant(original, tmp_path / "台账.xlsx",
                      lambda parts: parts.update({PART: parts[PART].replace(b'<row r="6"', b'<row r="6" hidden="1"')}))
    cells, formats = _grid_cells()
    for path in (hidden, _xls(tmp_path / "台账.xls", cells, formats), _ods(tmp_path / "台账.ods", _ods_rows())):
        assert ("overdue", SHEET, "G6") in _findings(path), path.suffix


def test_xls_error_values_are_cell_errors(tmp_path: Path) -> None:
    cells, formats = _grid_cells()
    cells[(3, 4)] = ("#", 0x2A)  # #N/A where a VLOOKUP found no unit
    cells[(5, 5)] = ("#", 0x17)  # #REF!
    found = _findings(_xls(tmp_path / "台账.xls", cells, formats))
    assert {("cell-error", SHEET, "E4"), ("cell-error", SHEET, "F6")} <= found
    assert ("missing-owner-unit", SHEET, "E4") not in found  # an error value is not an empty cell


def test_xls_hidden_column_of_last_month_is_not_read(tmp_path: Path) -> None:
    """Last month's 整改状态 hidden beside this month's: the visible one is read, in an .xls as in an
    .xlsx — not 未启动 from the hidden column (status-text-mismatch) with a duplicate-header on the
    visible one."""
    cells: dict[tuple[int, int], object] = {}
    header = ["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改状态", "进展情况"]
    rows = [[1, "学习制度执行不严格", "建立学习制度", "办公室", "张伟", "2025年6月底前", "正在推进", "已完成",
             "已建立。"],
            [2, "公务接待审批不严", "完善接待审批制度", "财务股", "王强", "2025年12月底前", "未启动", "正在推进",
             "正在起草。"]]
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            cells[(r, c)] = value
    xls = _xls(tmp_path / "台账.xls", cells, {}, hidden_cols=(6,))
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    for row in [header, *rows]:
        ws.append(row)
    ws.column_dimensions["G"].hidden = True
    wb.save(tmp_path / "台账.xlsx")
    found = _findings(xls)
    assert found == _findings(tmp_path / "台账.xlsx")
    # the hidden column is no second column the clerk sees: no duplicate-header either
    assert ("overdue", SHEET, "F3") in found and "duplicate-header" not in {code for code, _, _ in found}


def test_xls_named_et_is_read_alike(original: Path, tmp_path: Path) -> None:
    cells, formats = _grid_cells()
    assert _findings(_xls(tmp_path / "台账.et", cells, formats)) == EXPECTED


# -- .ods as LibreOffice writes it ----------------------------------------------------------------

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
           'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple) and value[0] == "#":
        return (f'<table:table-cell table:formula="of:=[.Z1]" office:value-type="string" office:string-value="" '
                f'calcext:value-type="error"><text:p>{value[1]}</text:p></table:table-cell>')
    if isinstance(value, float) and value != int(value):  # a number LibreOffice shows with 0.00
        return (f'<table:table-cell table:style-name="ce2" office:value-type="float" office:value="{value!r}" '
                f'calcext:value-type="float"><text:p>{value:.2f}</text:p></table:table-cell>')
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{value}</text:p>'
            "<office:annotation><text:p>批注：核实</text:p></office:annotation></table:table-cell>")


def _ods(path: Path, rows: list[list[object]]) -> Path:
    body = "".join(("<table:table-row table:visibility=\"collapse\">" if r == 5 else "<table:table-row>")
                   + "".join(_ods_cell(v) for v in row) + "</table:table-row>" for r, row in enumerate(rows))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
               f'<office:body><office:spreadsheet><table:table table:name="{SHEET}">'
               f'<table:table-column table:number-columns-repeated="9"/>{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def _ods_rows() -> list[list[object]]:
    rows: list[list[object]] = [["县农业农村局巡察反馈问题整改落实台账"], list(HEADER)]
    rows += [list(row) for row in ROWS]
    rows[2][1] = rows[3][1] = rows[4][1] = "一、政治建设方面"
    return rows


def test_ods_reads_a_deadline_shown_with_fixed_decimals(original: Path, tmp_path: Path) -> None:
    path = _ods(tmp_path / "台账.ods", _ods_rows())
    grid = read_grids(path)[0]
    assert grid.rows[2][6] == "2024.10" and grid.rows[2][3] == "制定年度学习计划"  # no comment text in a cell
    assert _findings(path) == EXPECTED


def test_ods_error_values_are_cell_errors_as_libreoffice_shows_them(tmp_path: Path) -> None:
    rows = _ods_rows()
    rows[3][4] = ("#", "#N/A")
    rows[5][5] = ("#", "Err:502")  # LibreOffice's own: an invalid argument
    found = _findings(_ods(tmp_path / "台账.ods", rows))
    assert {("cell-error", SHEET, "E4"), ("cell-error", SHEET, "F6")} <= found
    message = next(f.message for f in api.check(tmp_path / "台账.ods", OPTS).findings if f.cell == "F6")
    assert "Err:502" in message


# -- .xlsx as other programs write it -------------------------------------------------------------

Change = Callable[[dict[str, bytes]], None]


def _variant(src: Path, dst: Path, change: Change) -> Path:
    with zipfile.ZipFile(src) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    change(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


def _cell(parts: dict[str, bytes], ref: str, xml: str) -> None:
    new, n = re.subn(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)'.encode(), xml.encode(), parts[PART], count=1)
    assert n, ref
    parts[PART] = new


def _iso_dates(parts: dict[str, bytes]) -> None:  # t="d", as Google Sheets and some exporters write
    _cell(parts, "G4", '<c r="G4" t="d"><v>2024-12-31T00:00:00</v></c>')
    _cell(parts, "G6", '<c r="G6" t="d"><v>2025-06-30</v></c>')


def _date1904(parts: dict[str, bytes]) -> None:  # Excel for Mac's 1904 date system
    book = parts["xl/workbook.xml"]
    parts["xl/workbook.xml"] = re.sub(rb"<workbookPr\b[^>]*?/>", b'<workbookPr date1904="1"/>', book)
    styles = parts["xl/styles.xml"]
    m = re.search(rb'<cellXfs count="(\d+)">(.*?)</cellXfs>', styles, re.S)
    assert m is not None
    n = int(m.group(1))
    parts["xl/styles.xml"] = (styles[:m.start()] + b'<cellXfs count="%d">' % (n + 1) + m.group(2)
                              + b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
                              + b"</cellXfs>" + styles[m.end():])
    for ref, day in (("G4", date(2024, 12, 31)), ("G6", date(2025, 6, 30))):
        _cell(parts, ref, f'<c r="{ref}" s="{n}"><v>{(day - date(1904, 1, 1)).days}</v></c>')


def _shared_and_array(parts: dict[str, bytes]) -> None:
    _cell(parts, "H5", '<c r="H5" t="str"><f t="shared" ref="H5:H6" si="0">IF(1,"已完成","")</f><v>已完成</v></c>')
    _cell(parts, "H6", '<c r="H6" t="str"><f t="shared" si="0"/><v>正在推进</v></c>')
    _cell(parts, "H4", '<c r="H4" t="str"><f t="array" ref="H4">IF(1,"正在推进","")</f><v>正在推进</v></c>')


def _phonetic(parts: dict[str, bytes]) -> None:  # Japanese Excel's furigana runs: never part of the text
    _cell(parts, "H3", '<c r="H3" t="inlineStr"><is><r><t>已完成</t></r><rPh sb="0" eb="3"><t>イカンセイ</t></rPh>'
                       '<phoneticPr fontId="1"/></is></c>')
    _cell(parts, "E3", '<c r="E3" t="inlineStr"><is><t>办公室</t><rPh sb="0" eb="3"><t>ジムショ</t></rPh></is></c>')


def _text_dates(parts: dict[str, bytes]) -> None:  # WPS: a date typed 2024/12/31 kept as text
    _cell(parts, "G4", '<c r="G4" t="inlineStr"><is><t>2024/12/31</t></is></c>')
    _cell(parts, "G6", '<c r="G6" t="inlineStr"><is><t>2025/6/30</t></is></c>')


def _print_titles(parts: dict[str, bytes]) -> None:
    names = (f"<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'{SHEET}'!$1:$2"
             f"</definedName><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
             f"'{SHEET}'!$A$2:$I$7</definedName></definedNames>").encode()
    wb = re.sub(rb"<definedNames/>|<definedNames>.*?</definedNames>", b"", parts["xl/workbook.xml"], flags=re.S)
    parts["xl/workbook.xml"] = wb.replace(b"</sheets>", b"</sheets>" + names)


def _macro_enabled(parts: dict[str, bytes]) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    parts["xl/vbaProject.bin"] = write_compound_file({"VBA/dir": b"\x01\x00", "PROJECT": b'ID="{0}"\r\n'})


def _totals_row(parts: dict[str, bytes]) -> None:  # a table's totals row under the measures
    parts[PART] = parts[PART].replace(b"</sheetData>", (
        '<row r="8"><c r="A8" t="inlineStr"><is><t>汇总</t></is></c><c r="D8"><f>SUBTOTAL(103,D3:D7)</f><v>5</v></c>'
        '<c r="H8"><f>SUBTOTAL(103,H3:H7)</f><v>5</v></c></row></sheetData>').encode())


def _chart_sheet_first(parts: dict[str, bytes]) -> None:  # a chart of the progress as the first tab
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"<sheets>", f'<sheets><sheet xmlns:r="{rel}" name="整改进度图" sheetId="5" r:id="rId50"/>'.encode())
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", (
        f'<Relationship Id="rId50" Type="{rel}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
    ).encode())
    parts["xl/chartsheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.chartsheet+xml"/></Types>')


VARIANTS: dict[str, Change] = {
    "a chart sheet first": _chart_sheet_first,
    "ISO dates (t=d)": _iso_dates,
    "1904 date system": _date1904,
    "shared and array formulas": _shared_and_array,
    "phonetic runs": _phonetic,
    "dates typed as text (WPS)": _text_dates,
    "print titles and a filter": _print_titles,
    "a totals row": _totals_row,
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_xlsx_as_other_programs_write_it_gives_the_same_findings(variant: str, original: Path,
                                                                  tmp_path: Path) -> None:
    assert _findings(_variant(original, tmp_path / "台账.xlsx", VARIANTS[variant])) == EXPECTED


def test_xlsm_with_a_vba_project_reads_alike(original: Path, tmp_path: Path) -> None:
    assert _findings(_variant(original, tmp_path / "台账.xlsm", _macro_enabled)) == EXPECTED


def _placeholder_results(parts: dict[str, bytes]) -> None:
    """As xlsxwriter (pandas' engine) writes formulas: the result 0 stored for each, and Excel asked
    to compute them all on opening."""
    parts["xl/workbook.xml"] = re.sub(rb"<calcPr\b[^>]*/>", b'<calcPr calcId="124519" fullCalcOnLoad="1"/>',
                                      parts["xl/workbook.xml"])
    _cell(parts, "H5", '<c r="H5"><f>IF(COUNTA(B5:G5)>5,"已完成","")</f><v>0</v></c>')
    _cell(parts, "E7", '<c r="E7"><f>VLOOKUP(A7,单位!A:B,2,0)</f><v>0</v></c>')


def test_a_formulas_placeholder_zero_is_no_value(original: Path, tmp_path: Path) -> None:
    """The status and the unit are formulas xlsxwriter never computed: formula-uncomputed, as for
    openpyxl's formulas without a result — not a status of 0 (overdue, "状态仍为“0%”") or a unit
    named 0."""
    found = _findings(_variant(original, tmp_path / "台账.xlsx", _placeholder_results))
    assert found == EXPECTED | {("formula-uncomputed", SHEET, "H5"), ("formula-uncomputed", SHEET, "E7")}

    def without_result(parts: dict[str, bytes]) -> None:
        _cell(parts, "H5", '<c r="H5"><f>IF(COUNTA(B5:G5)>5,"已完成","")</f></c>')
        _cell(parts, "E7", '<c r="E7"><f>VLOOKUP(A7,单位!A:B,2,0)</f></c>')
    assert _findings(_variant(original, tmp_path / "openpyxl.xlsx", without_result)) == found


def test_a_computed_zero_stays_zero_when_excel_saved_the_results(original: Path, tmp_path: Path) -> None:
    def computed(parts: dict[str, bytes]) -> None:
        parts["xl/workbook.xml"] = re.sub(rb"<calcPr\b[^>]*/>", b'<calcPr calcId="191029"/>', parts["xl/workbook.xml"])
        _cell(parts, "A7", '<c r="A7"><f>COUNTIF(H3:H6,"未启动")</f><v>0</v></c>')
    found = _findings(_variant(original, tmp_path / "台账.xlsx", computed))
    assert not any(code == "formula-uncomputed" for code, _, _ in found)


def _stale_copy(state: str) -> Change:
    """A stale copy of the ledger before it, hidden (``state``), every status 未启动."""
    def change(parts: dict[str, bytes]) -> None:
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"<sheets>", (
            f'<sheets><sheet xmlns:r="{rel}" name="旧台账" sheetId="9" state="{state}" r:id="rId9"/>').encode())
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", (
            f'<Relationship Id="rId9" Type="{rel}/worksheet" Target="worksheets/sheet9.xml"/></Relationships>'
        ).encode())
        parts["xl/worksheets/sheet9.xml"] = re.sub(
            rb'<c r="H([3-7])"[^>]*?(?:/>|>.*?</c>)',
            lambda m: b'<c r="H' + m.group(1) + b'" t="inlineStr"><is><t>' + "未启动".encode() + b"</t></is></c>",
            parts[PART])
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
            b'<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.spreadsheetml.worksheet+xml"/></Types>'))
    return change


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_stale_copy_is_not_read_and_very_hidden_says_how_to_show_it(state: str, original: Path,
                                                                            tmp_path: Path) -> None:
    path = _variant(original, tmp_path / "台账.xlsx", _stale_copy(state))
    report = api.check(path, OPTS)
    assert {(f.code, f.sheet or "", f.cell or "") for f in report.findings} == EXPECTED | {
        ("hidden-ledger-sheet-unread", "旧台账", "")}
    message = next(f.message for f in report.findings if f.code == "hidden-ledger-sheet-unread")
    assert ("Alt+F11" in message) == (state == "veryHidden")


# -- files that cannot be read as they are ---------------------------------------------------------

@pytest.mark.parametrize("utf8", [True, False])
def test_a_ledger_sent_inside_a_zip_is_named_with_advice_to_unpack(utf8: bool, original: Path,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "东山镇整改材料.zip"
    name = "整改材料/东山镇整改台账.xlsx"
    gbk = name.encode("gbk")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(name if utf8 else "x" * len(gbk), original.read_bytes())
        zf.writestr("整改材料/佐证材料.pdf", b"%PDF-1.4")
    if not utf8:  # as Windows' own "send to compressed folder" writes Chinese names: GBK, no UTF-8 flag
        path.write_bytes(path.read_bytes().replace(b"x" * len(gbk), gbk))
    with pytest.raises(LedgerError) as err:
        api.check(path, OPTS)
    message = str(err.value)
    assert "压缩包" in message and "东山镇整改台账.xlsx" in message and "解压" in message
    assert "佐证材料" not in message


def test_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"")
    with pytest.raises(LedgerError, match="空文件"):
        api.check(path, OPTS)
