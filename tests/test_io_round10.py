"""Workbooks round 10: writers rectxl had not seen, and what their cells show.

- A deadline typed 2025年6月 in Chinese Excel is kept as the date 2025-06-01 in a cell shown
  ``yyyy"年"m"月"`` (built-in format 57, or the clerk's own ``yyyy"年"m"月"``, ``[DBNum1]…``,
  ``yyyy/m``, ``mmm-yy``): the clerk, the printout and the notice read June, and rectxl now reads
  the month (due at its end) — it had read 1 June and called the measure overdue on 15 June.
  In an .xlsx (1900 and 1904 date systems, any spelling of the part), an .xls and an .ods alike;
  a 完成时间 written or shown so is some day of that month, never later than a day of it.
- A package whose zip names its parts with Windows separators (``xl\\worksheets\\sheet1.xml``,
  as some exporters on Windows write them; Excel and WPS open it): its error cells and formats are
  read (they had been lost), and annotate/clear write it, the copy named as OPC names parts.
- A picture placed in a cell (Excel 365's 放置在单元格中: a 佐证 screenshot) is kept as a rich value
  whose stand-in is ``#VALUE!``: it is the evidence, not a cell error and no missing evidence.
- An online sheet's export — inline strings, no styles part, no ``<dimension>``, rows and cells
  without ``r``, ``x:``-prefixed elements — is marked and cleared back to the same parts.

Every workbook is written here from text (SpreadsheetML, BIFF8 records, OpenDocument XML).
"""

from __future__ import annotations

import struct
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from rectxl import api
from rectxl.addin.cfb import write_compound_file
from rectxl.core.rules import Options
from rectxl.io.reader import read_grids
from rectxl.io.sheet_xml import PICTURE_IN_CELL

SHEET = "整改台账"
HEADER = ["序号", "问题类别", "反馈问题", "整改举措", "牵头股室", "责任人", "完成时限", "整改状态", "进展情况"]
ROWS: list[list[object]] = [
    [1, "一、政治建设方面", "学习贯彻党的创新理论不深入", "制定年度学习计划", "办公室", "张伟", date(2024, 10, 31),
     "已完成", "已印发学习计划。"],
    [2, "一、政治建设方面", "意识形态工作责任制落实不到位", "开展专题研讨", "办公室", "张伟", date(2024, 12, 31),
     "正在推进", "已开展2次。"],
    [3, "一、政治建设方面", "党支部“三会一课”记录不规范", "修订工作责任清单", "党建股", "李娜", date(2024, 9, 30),
     "已完成", "已修订。"],
    # typed 2025年6月: Excel keeps the first of the month
    [4, "二、作风建设方面", "公务接待审批不严", "完善公务接待审批制度", "财务股", "王强", date(2025, 6, 1), "正在推进",
     "正在起草。"],
    [5, "二、作风建设方面", "项目资金拨付滞后", "建立资金拨付台账", "计财股", "刘洋", date(2026, 12, 31), "未启动", ""],
]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
MID_JUNE, JULY = Options(as_of=date(2025, 6, 15)), Options(as_of=date(2025, 7, 1))


def _findings(path: Path, opts: Options) -> set[tuple[str, str]]:
    return {(f.code, f.cell or "") for f in api.check(path, opts).findings}


def _serial(day: date, date1904: bool = False) -> int:
    return (day - (date(1904, 1, 1) if date1904 else date(1899, 12, 30))).days


def _xlsx(path: Path, *, date_format: int = 14, code: str | None = None, date1904: bool = False,
          prefix: str = "", numbered: bool = True, styles: bool = True, shared: bool = True,
          names: str = "/", cells: dict[str, str] | None = None, rows: list[list[object]] | None = None,
          header: list[str] = HEADER) -> Path:
    """A ledger as exporters write SpreadsheetML: dates in cell format 1 (number format
    ``date_format``, its ``code`` when the workbook defines it), strings shared or inline, the
    elements under ``prefix``, rows and cells with or without ``r``, with or without a styles
    part, the zip's members named with ``names`` as separator; ``cells``: a cell's own XML
    (``{p}`` its prefix, ``{r}`` its ``r`` attribute)."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    strings: list[str] = []
    grid = [["县农业农村局巡察反馈问题整改落实台账"], header, *(rows or ROWS)]
    xml_rows = []
    for r, row in enumerate(grid, 1):
        out = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            at = f' r="{ref}"' if numbered else ""
            if cells and ref in cells:
                out.append(cells[ref].format(p=p, r=at))
            elif isinstance(value, date):
                out.append(f'<{p}c{at} s="1"><{p}v>{_serial(value, date1904)}</{p}v></{p}c>')
            elif isinstance(value, int):
                out.append(f"<{p}c{at}><{p}v>{value}</{p}v></{p}c>")
            elif value and shared:
                strings.append(str(value))
                out.append(f'<{p}c{at} t="s"><{p}v>{len(strings) - 1}</{p}v></{p}c>')
            elif value:
                out.append(f'<{p}c{at} t="inlineStr"><{p}is><{p}t>{escape(str(value))}</{p}t></{p}is></{p}c>')
        number = f' r="{r}"' if numbered else ""
        xml_rows.append(f'<{p}row{number}>{"".join(out)}</{p}row>')
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    book_pr = ' date1904="1"' if date1904 else ""
    parts = {
        "xl/workbook.xml": f'{decl}<{p}workbook {ns} xmlns:r="{REL}"><{p}workbookPr{book_pr}/>'
                           f'<{p}sheets><{p}sheet name="{SHEET}" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>',
        "xl/worksheets/sheet1.xml": (f'{decl}<{p}worksheet {ns}><{p}sheetData>{"".join(xml_rows)}</{p}sheetData>'
                                     f'<{p}mergeCells count="1"><{p}mergeCell ref="A1:I1"/></{p}mergeCells>'
                                     f"</{p}worksheet>"),
    }
    rels = [f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    types = [f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>',
             f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>']
    if strings:
        parts["xl/sharedStrings.xml"] = (f'{decl}<{p}sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
                                         + "".join(f"<{p}si><{p}t>{escape(s)}</{p}t></{p}si>" for s in strings)
                                         + f"</{p}sst>")
        rels.append(f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        types.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>')
    if styles:
        quoted = escape(code or "", {'"': "&quot;"})
        formats = (f'<{p}numFmts count="1"><{p}numFmt numFmtId="{date_format}" formatCode="{quoted}"/>'
                   f"</{p}numFmts>") if code else ""
        parts["xl/styles.xml"] = (
            f'{decl}<{p}styleSheet {ns}>{formats}<{p}fonts count="1"><{p}font><{p}sz val="11"/>'
            f'<{p}name val="宋体"/></{p}font></{p}fonts><{p}fills count="2"><{p}fill>'
            f'<{p}patternFill patternType="none"/></{p}fill><{p}fill><{p}patternFill patternType="gray125"/></{p}fill>'
            f'</{p}fills><{p}borders count="1"><{p}border/></{p}borders>'
            f'<{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p}cellStyleXfs>'
            f'<{p}cellXfs count="2"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            f'<{p}xf numFmtId="{date_format}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            f"</{p}cellXfs></{p}styleSheet>")
        rels.append(f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>')
        types.append(f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = f'{decl}<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    head = {
        "[Content_Types].xml": (
            f'{decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{"".join(types)}</Types>'),
        "_rels/.rels": (f'{decl}<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in {**head, **parts}.items():
            zf.writestr(name.replace("/", names), data)
    return path


# -- a date shown without its day is the month it shows ------------------------------------------

MONTH_FORMATS = {
    "built-in 57 (Chinese Excel)": (57, None),
    "built-in 17 (mmm-yy)": (17, None),
    'custom yyyy"年"m"月"': (176, 'yyyy"年"m"月"'),
    "custom [DBNum1]": (177, '[DBNum1][$-804]yyyy"年"m"月"'),
    "custom yyyy/m;@": (178, "yyyy/m;@"),
}


@pytest.mark.parametrize("shown", list(MONTH_FORMATS))
def test_a_deadline_shown_as_a_month_is_due_at_its_end(shown: str, tmp_path: Path) -> None:
    fid, code = MONTH_FORMATS[shown]
    path = _xlsx(tmp_path / "台账.xlsx", date_format=fid, code=code)
    assert read_grids(path)[0].rows[5][6] == "2025年6月"
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("due-soon", "G6")}
    message = next(f.message for f in api.check(path, MID_JUNE).findings if f.cell == "G6")
    assert "2025年6月30日" in message
    assert _findings(path, JULY) == {("overdue", "G4"), ("overdue", "G6")}


def test_a_date_shown_with_its_day_stays_that_day(tmp_path: Path) -> None:
    """``yyyy"年"m"月"d"日"`` (built-in 31) shows 2025年6月1日: the first of June, overdue by the 15th."""
    path = _xlsx(tmp_path / "台账.xlsx", date_format=31)
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("overdue", "G6")}


@pytest.mark.parametrize("spelling", ["1904 date system", "x: prefix, no r"])
def test_a_month_reads_alike_in_any_date_system_and_spelling(spelling: str, tmp_path: Path) -> None:
    if spelling == "1904 date system":
        path = _xlsx(tmp_path / "台账.xlsx", date_format=57, date1904=True)
    else:
        path = _xlsx(tmp_path / "台账.xlsx", date_format=57, prefix="x", numbered=False)
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("due-soon", "G6")}


def _rec(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _label(text: str) -> bytes:  # XLUnicodeString, UTF-16
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def _xls(path: Path, code: str, date1904: bool = False) -> Path:
    """The ledger as a BIFF8 workbook: the deadlines in a cell format of number format 176,
    ``code`` (as WPS and Excel write a custom format: a FORMAT record)."""
    xf = lambda fmt: _rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, fmt, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))  # noqa: E731
    font = _rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + bytes([2, 1])
                + "宋体".encode("utf-16-le"))
    head = (_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
            + _rec(0x0042, struct.pack("<H", 1200)) + _rec(0x0022, struct.pack("<H", int(date1904))) + font * 5
            + _rec(0x041E, struct.pack("<H", 176) + _label(code)) + xf(0) * 16 + xf(176))
    name = bytes([len(SHEET), 1]) + SHEET.encode("utf-16-le")
    eof = _rec(0x000A, b"")
    at = len(head) + 4 + 6 + len(name) + len(eof)
    body = [_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))]
    for r, row in enumerate([["县农业农村局巡察反馈问题整改落实台账"], HEADER, *ROWS]):
        for c, value in enumerate(row):
            if isinstance(value, date):
                body.append(_rec(0x0203, struct.pack("<HHHd", r, c, 16, float(_serial(value, date1904)))))
            elif isinstance(value, int):
                body.append(_rec(0x0203, struct.pack("<HHHd", r, c, 15, float(value))))
            elif value:
                body.append(_rec(0x0204, struct.pack("<HHH", r, c, 15) + _label(str(value))))
    stream = head + _rec(0x0085, struct.pack("<IBB", at, 0, 0) + name) + eof + b"".join(body) + eof
    path.write_bytes(write_compound_file({"Workbook": stream + b"\x00" * max(0, 4096 - len(stream))}))
    return path


@pytest.mark.parametrize("date1904", [False, True])
def test_xls_reads_a_deadline_shown_as_a_month(date1904: bool, tmp_path: Path) -> None:
    path = _xls(tmp_path / "台账.xls", 'yyyy"年"m"月"', date1904)
    assert read_grids(path)[0].rows[5][6] == "2025年6月"
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("due-soon", "G6")}
    day = _xls(tmp_path / "按日.xls", 'yyyy"年"m"月"d"日"', date1904)
    assert _findings(day, MID_JUNE) == {("overdue", "G4"), ("overdue", "G6")}


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _ods(path: Path, june: str) -> Path:
    """The ledger as LibreOffice saves it: each date cell's value and, in its paragraph, the text
    its format shows; 1 June shown as ``june``."""
    def cell(value: object) -> str:
        if isinstance(value, date):
            shown = june if value == date(2025, 6, 1) else f"{value.year}年{value.month}月{value.day}日"
            return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                    f"<text:p>{shown}</text:p></table:table-cell>")
        if isinstance(value, int):
            return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                    "</table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'
    rows = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in [["县农业农村局巡察反馈问题整改落实台账"], HEADER, *ROWS])
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
               f'<office:body><office:spreadsheet><table:table table:name="{SHEET}">{rows}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    return path


@pytest.mark.parametrize(("june", "expected"), [
    ("2025年6月", ("due-soon", "G6")),
    ("2025-06", ("due-soon", "G6")),
    ("二〇二五年六月", ("due-soon", "G6")),  # [DBNum1]: LibreOffice writes the numerals it shows
    ("2025年6月1日", ("overdue", "G6")),
])
def test_ods_reads_a_deadline_shown_as_a_month(june: str, expected: tuple[str, str], tmp_path: Path) -> None:
    assert _findings(_ods(tmp_path / "台账.ods", june), MID_JUNE) == {("overdue", "G4"), expected}


def test_a_completion_written_or_shown_as_a_month_is_no_later_than_a_day_of_it(tmp_path: Path) -> None:
    """完成时间 2025年6月 (typed, or a date shown so) beside a deadline of 15 June, checked on the
    20th: not completed late, not completed in the future; 2025年8月 is."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态", "完成时间", "整改进展"])
    ws.append([1, "问题一", "措施一", "办公室", date(2025, 6, 15), "已完成", "2025年6月", "已完成。"])
    ws.append([2, "问题二", "措施二", "办公室", date(2025, 6, 15), "已完成", date(2025, 6, 10), "已完成。"])
    ws.append([3, "问题三", "措施三", "办公室", date(2025, 6, 15), "已完成", "2025年8月", "已完成。"])
    ws["G3"].number_format = 'yyyy"年"m"月"'
    wb.save(tmp_path / "台账.xlsx")
    found = _findings(tmp_path / "台账.xlsx", Options(as_of=date(2025, 6, 20)))
    assert found == {("completion-in-future", "G4"), ("completed-late", "G4")}


# -- a zip that names its parts with Windows separators -------------------------------------------

def test_a_package_named_with_backslashes_is_read_and_marked(tmp_path: Path) -> None:
    """E4 holds #N/A: a cell error, not a missing unit (the scans had found no sheet part)."""
    error = {"E4": '<{p}c{r} t="e"><{p}v>#N/A</{p}v></{p}c>'}
    path = _xlsx(tmp_path / "台账.xlsx", date_format=57, names="\\", cells=error)
    with zipfile.ZipFile(path) as zf:
        assert "xl\\worksheets\\sheet1.xml" in zf.namelist()
    assert _findings(path, MID_JUNE) == {("cell-error", "E4"), ("overdue", "G4"), ("due-soon", "G6")}
    marked = tmp_path / "台账_校验.xlsx"
    api.annotate(path, marked, MID_JUNE)
    with zipfile.ZipFile(marked) as zf:
        assert not [n for n in zf.namelist() if "\\" in n]
    ws = openpyxl.load_workbook(marked)[SHEET]  # a valid package (openpyxl, like LibreOffice, reads no other)
    assert ws["G4"].fill.fgColor.rgb != ws["G3"].fill.fgColor.rgb
    cleared = tmp_path / "台账_已清除标记.xlsx"
    api.clear(marked, cleared)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(cleared) as b:
        assert {n.replace("\\", "/"): a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}


# -- a picture placed in a cell -------------------------------------------------------------------

def test_a_picture_placed_in_a_cell_is_evidence_not_an_error(tmp_path: Path) -> None:
    """佐证材料 J3 and J5 (done measures) hold screenshots placed in their cells; J4 a real #VALUE!."""
    cells = {ref: '<{p}c{r} t="e" vm="1"><{p}v>#VALUE!</{p}v></{p}c>' for ref in ("J3", "J5")}
    cells["J4"] = '<{p}c{r} t="e"><{p}f>VALUE("x")</{p}f><{p}v>#VALUE!</{p}v></{p}c>'
    path = _xlsx(tmp_path / "台账.xlsx", date_format=57, header=[*HEADER, "佐证材料"], cells=cells,
                 rows=[[*row, "会议纪要"] for row in ROWS])
    assert read_grids(path)[0].rows[2][9] == PICTURE_IN_CELL == "[单元格图片]"
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("due-soon", "G6"), ("cell-error", "J4")}


# -- an online sheet's export ---------------------------------------------------------------------

def test_an_online_export_without_styles_or_numbers_is_marked_and_cleared(tmp_path: Path) -> None:
    """Inline strings, no styles part, no ``<dimension>``, rows and cells without ``r``, ``x:``
    elements: annotate adds a styles part for its marks, clear gives every part back."""
    path = _xlsx(tmp_path / "导出.xlsx", prefix="x", numbered=False, styles=False, shared=False,
                 rows=[[*row[:6], date(2025, 6, 30) if i == 3 else row[6], *row[7:]] for i, row in enumerate(ROWS)])
    assert _findings(path, MID_JUNE) == {("overdue", "G4"), ("due-soon", "G6")}
    marked = tmp_path / "导出_校验.xlsx"
    api.annotate(path, marked, MID_JUNE)
    ws = openpyxl.load_workbook(marked)[SHEET]
    assert ws["G4"].fill.fgColor.rgb not in (None, "00000000") and ws["G3"].fill.fgColor.rgb == "00000000"
    assert _findings(marked, MID_JUNE) == _findings(path, MID_JUNE)
    cleared = tmp_path / "导出_已清除标记.xlsx"
    api.clear(marked, cleared)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(cleared) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}
