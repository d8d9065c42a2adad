"""Workbooks round 11: writers and cell contents rectxl had not seen.

- 佐证材料 linked by a formula, ``=HYPERLINK("佐证材料\\佐证2.pdf","点击查看")`` (a clerk's, or a
  system's export): the file the link opens is the evidence, as with 插入 → 超链接 — the cell had
  been read by its words only ("点击查看"), so a missing file was never found. Links in an .ods
  (LibreOffice writes them ``../佐证材料/…`` from inside the package) and in an .xls (HLINK records)
  are read too: they had not been.
- WPS's 嵌入单元格图片 (``=DISPIMG("ID_…",1)``, the picture in ``xl/cellimages.xml``) reads as
  ``[单元格图片]``, as Excel 365's picture placed in a cell does — not as its formula's words.
- A picture floating over the sheet with its corner in an empty 佐证材料 cell (a screenshot a clerk
  pasted there; in an .ods, anchored to the cell) and a file embedded there (插入 → 对象, a scanned
  PDF shown as its icon) are that row's evidence: no ``missing-evidence``. A chart or a text box
  there is not. An ``=IMAGE(…)`` formula (an online sheet's export) is a picture in its cell.
- An .xlsb deadline typed 2025年6月 (kept as 1 June, shown as the month) is due at the month's end,
  as in .xlsx/.xls/.ods: its cell formats and numbers are read from the binary records — it had
  been 1 June, overdue on the 15th.
- An Excel table's totals row (插入 → 表格 → 汇总行) with no label — a SUBTOTAL count under 整改举措
  — is no measure: it had been read as one, missing its unit, owner, deadline and status.
- Parts other programs keep (WPS cell images, drawings, tables) come back byte for byte after
  annotate and clear.

Every workbook is written here from text (SpreadsheetML, OpenDocument XML, BIFF8 and BIFF12 records).
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
from rectxl.io.sheet_xml import OBJECT_IN_CELL, PICTURE_IN_CELL, PICTURE_OVER_CELL
from tests.test_io_round10 import CT, MAIN, PKG, REL, _label, _rec  # namespaces, BIFF8 records

SHEET = "整改台账"
HEADER = ["序号", "问题类别", "反馈问题", "整改举措", "牵头股室", "责任人", "完成时限", "整改状态", "佐证材料"]
ROWS: list[list[object]] = [
    [1, "一、政治建设方面", "学习贯彻党的创新理论不深入", "制定年度学习计划", "办公室", "张伟", date(2024, 10, 31),
     "已完成", "学习计划.pdf"],
    [2, "一、政治建设方面", "意识形态工作责任制落实不到位", "开展专题研讨", "办公室", "张伟", date(2024, 12, 31),
     "正在推进", ""],
    [3, "一、政治建设方面", "党支部“三会一课”记录不规范", "修订工作责任清单", "党建股", "李娜", date(2024, 9, 30),
     "已完成", "工作责任清单.docx"],
    [4, "二、作风建设方面", "公务接待审批不严", "完善公务接待审批制度", "财务股", "王强", date(2025, 6, 30), "正在推进",
     ""],
    [5, "二、作风建设方面", "项目资金拨付滞后", "建立资金拨付台账", "计财股", "刘洋", date(2026, 12, 31), "未启动", ""],
]
#: what the ledger gives whatever its writer: G4 overdue, G6 due within 15 days
BASE = {("overdue", "G4"), ("due-soon", "G6")}
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360"
                    "000002000100e221bc330000000049454e44ae426082")
MID_JUNE = Options(as_of=date(2025, 6, 15))


def _findings(path: Path) -> set[tuple[str, str]]:
    return {(f.code, f.cell or "") for f in api.check(path, MID_JUNE).findings}


def _rels(*items: tuple[str, str, str]) -> str:
    return (f'{DECL}<Relationships xmlns="{PKG}">'
            + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{escape(g)}"/>' for i, t, g in items)
            + "</Relationships>")


def _xlsx(path: Path, *, cells: dict[str, str] | None = None, rows: list[list[object]] | None = None,
          sheet_tail: str = "", sheet_rels: list[tuple[str, str, str]] | None = None,
          book_rels: list[tuple[str, str, str]] | None = None, parts: dict[str, bytes | str] | None = None,
          types: list[str] | None = None) -> Path:
    """The ledger as SpreadsheetML: ``cells`` a cell's own XML by A1 (also right of the table),
    ``sheet_tail`` what follows ``<sheetData>``, other parts and relationships as given."""
    strings: list[str] = []
    grid = [["县农业农村局巡察反馈问题整改落实台账"], HEADER, *(rows if rows is not None else ROWS)]
    xml_rows = []
    for r, row in enumerate(grid, 1):
        out = []
        own = {ref: xml for ref, xml in (cells or {}).items() if int(ref[1:]) == r}
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if ref in own:
                out.append(own.pop(ref))
            elif isinstance(value, date):
                out.append(f'<c r="{ref}" s="1"><v>{(value - date(1899, 12, 30)).days}</v></c>')
            elif isinstance(value, int):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value:
                strings.append(str(value))
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        out.extend(own[ref] for ref in sorted(own))
        xml_rows.append(f'<row r="{r}">{"".join(out)}</row>')
    files: dict[str, bytes | str] = {
        "xl/workbook.xml": (f'{DECL}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/>'
                            f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/worksheets/sheet1.xml": (f'{DECL}<worksheet xmlns="{MAIN}" xmlns:r="{REL}" xmlns:xdr="{XDR}"><sheetData>'
                                     f'{"".join(xml_rows)}</sheetData>{sheet_tail}</worksheet>'),
        "xl/sharedStrings.xml": (f'{DECL}<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                 + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"),
        "xl/styles.xml": (
            f'{DECL}<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/>'
            '</numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2">'
            '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            'borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
            'xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"),
        "xl/_rels/workbook.xml.rels": _rels((("rId1", f"{REL}/worksheet", "worksheets/sheet1.xml")),
                                            ("rId2", f"{REL}/sharedStrings", "sharedStrings.xml"),
                                            ("rId3", f"{REL}/styles", "styles.xml"), *(book_rels or [])),
        "_rels/.rels": _rels(("rId1", f"{REL}/officeDocument", "xl/workbook.xml")),
        **(parts or {}),
    }
    if sheet_rels:
        files["xl/worksheets/_rels/sheet1.xml.rels"] = _rels(*sheet_rels)
    overrides = [("/xl/workbook.xml", f"{CT}.sheet.main+xml"), ("/xl/worksheets/sheet1.xml", f"{CT}.worksheet+xml"),
                 ("/xl/sharedStrings.xml", f"{CT}.sharedStrings+xml"), ("/xl/styles.xml", f"{CT}.styles+xml")]
    files["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "".join(types or []) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _annotate_and_clear(path: Path, kept: list[str]) -> None:
    """annotate keeps the ``kept`` parts as they were; clear gives every part back."""
    marked = path.with_name(path.stem + "_校验.xlsx")
    api.annotate(path, marked, MID_JUNE)
    cleared = path.with_name(path.stem + "_已清除标记.xlsx")
    api.clear(marked, cleared)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(marked) as m, zipfile.ZipFile(cleared) as c:
        assert {n: m.read(n) for n in kept} == {n: a.read(n) for n in kept}
        assert {n: c.read(n) for n in c.namelist()} == {n: a.read(n) for n in a.namelist()}


# -- a link written as a formula ------------------------------------------------------------------

def _linked(path: Path, formula: str) -> Path:
    cells = {"I3": f'<c r="I3" t="str"><f>{escape(formula)}</f><v>点击查看</v></c>'}
    return _xlsx(path, cells=cells)


def test_a_hyperlink_formula_is_checked_by_the_file_it_opens(tmp_path: Path) -> None:
    """I3 reads 点击查看 (no file name); its link opens 佐证材料\\佐证2.pdf, which is not there; I5
    names a file that is not there either."""
    path = _linked(tmp_path / "台账.xlsx", r'HYPERLINK("佐证材料\佐证2.pdf","点击查看")')
    found = api.check(path, MID_JUNE).findings
    assert {(f.code, f.cell) for f in found} == BASE | {("evidence-file-missing", "I3"),
                                                        ("evidence-file-missing", "I5")}
    assert "佐证材料/佐证2.pdf" in next(f.message for f in found if f.cell == "I3")
    (tmp_path / "佐证材料").mkdir()
    (tmp_path / "佐证材料" / "佐证2.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    assert _findings(path) == BASE


def test_a_hyperlink_formula_to_a_web_page_or_a_place_is_no_file(tmp_path: Path) -> None:
    for n, target in enumerate(("https://pan.example.cn/s/1a2b", "#整改台账!A1", "mailto:xcb@example.cn")):
        path = _linked(tmp_path / f"台账{n}.xlsx", f'_xlfn.HYPERLINK("{target}","点击查看")')
        (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
        assert _findings(path) == BASE, target


def _ods(path: Path, evidence_cell: str) -> Path:
    """The ledger as LibreOffice saves it, I3 being ``evidence_cell``."""
    def cell(value: object) -> str:
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                    f"<text:p>{value.year}年{value.month}月{value.day}日</text:p></table:table-cell>")
        if isinstance(value, int):
            return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                    "</table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'
    grid = [["县农业农村局巡察反馈问题整改落实台账"], HEADER, *ROWS]
    rows = "".join("<table:table-row>" + "".join(evidence_cell if (r, c) == (2, 8) else cell(v)
                                                 for c, v in enumerate(row)) + "</table:table-row>"
                   for r, row in enumerate(grid))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
               'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3">'
               f'<office:body><office:spreadsheet><table:table table:name="{SHEET}">{rows}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    return path


def test_an_ods_link_is_checked_by_the_file_it_opens(tmp_path: Path) -> None:
    """LibreOffice writes a link to 佐证材料/佐证2.pdf beside the document as ``../佐证材料/佐证2.pdf``
    (relative to the inside of the package); a HYPERLINK formula as ``of:=HYPERLINK(…;…)``."""
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    inserted = _ods(tmp_path / "插入.ods", '<table:table-cell office:value-type="string"><text:p>'
                    '<text:a xlink:href="../%E4%BD%90%E8%AF%81%E6%9D%90%E6%96%99/佐证2.pdf" '
                    'xlink:type="simple">'
                    "点击查看</text:a></text:p></table:table-cell>")
    formula = _ods(tmp_path / "公式.ods", '<table:table-cell table:formula="of:=HYPERLINK('
                   '&quot;佐证材料/佐证2.pdf&quot;;&quot;点击查看&quot;)" office:value-type="string">'
                   "<text:p>点击查看</text:p></table:table-cell>")
    assert read_grids(inserted)[0].links == {"I3": "佐证材料/佐证2.pdf"}
    for path in (inserted, formula):
        found = api.check(path, MID_JUNE).findings
        assert {(f.code, f.cell) for f in found} == BASE | {("evidence-file-missing", "I3")}
        assert "佐证材料/佐证2.pdf" in next(f.message for f in found if f.cell == "I3")
    (tmp_path / "佐证材料").mkdir()
    (tmp_path / "佐证材料" / "佐证2.pdf").write_bytes(b"%PDF-1.4")
    assert _findings(inserted) == _findings(formula) == BASE


def _hlink(row: int, col: int, path: str, up: int = 0) -> bytes:
    """An HLINK record as Excel and LibreOffice write a link to a file: a file moniker holding the
    path in the system's code page (``?`` for what it cannot hold) and in UTF-16."""
    display = "点击查看\0".encode("utf-16-le")
    ansi = path.encode("gbk", "replace") + b"\0"
    wide = path.encode("utf-16-le")
    moniker = (bytes.fromhex("0303000000000000c000000000000046") + struct.pack("<HI", up, len(ansi)) + ansi
               + struct.pack("<HH", 0xFFFF, 0xDEAD) + b"\0" * 20 + struct.pack("<IIH", len(wide) + 6, len(wide), 3)
               + wide)
    body = (struct.pack("<HHHH", row, row, col, col) + bytes.fromhex("d0c9ea79f9bace118c8200aa004ba90b")
            + struct.pack("<II", 2, 0x15) + struct.pack("<I", len(display) // 2) + display + moniker)
    return _rec(0x01B8, body)


def _drawing(*shapes: tuple[int, int, int]) -> bytes:
    """A sheet's MSODRAWING record holding OfficeArt shapes (type, 0-based row, col anchored)."""
    def atom(kind: int, body: bytes, instance: int = 0) -> bytes:
        return struct.pack("<HHI", instance << 4 | 0x2, kind, len(body)) + body

    def container(kind: int, body: bytes) -> bytes:
        return struct.pack("<HHI", 0x000F, kind, len(body)) + body

    shapes_xml = b"".join(
        container(0xF004, atom(0xF00A, struct.pack("<II", 1025 + n, 0x0A00), shape)
                  + atom(0xF010, struct.pack("<HHHHHHHHH", 0, col, 38, row, 19, col + 1, 0, row + 1, 0))
                  + atom(0xF011, b""))
        for n, (shape, row, col) in enumerate(shapes))
    return _rec(0x00EC, container(0xF002, atom(0xF008, struct.pack("<II", 2, 1025)) + container(0xF003, shapes_xml)))


def _xls(path: Path, links: list[bytes], i3: str = "点击查看") -> Path:
    """The ledger as a BIFF8 workbook with the HLINK (or other) records ``links``, I3 reading ``i3``."""
    xf = _rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    date_xf = _rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 14, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    font = _rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + bytes([2, 1])
                + "宋体".encode("utf-16-le"))
    head = (_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
            + _rec(0x0042, struct.pack("<H", 1200)) + font * 5 + xf * 16 + date_xf)
    name = bytes([len(SHEET), 1]) + SHEET.encode("utf-16-le")
    eof = _rec(0x000A, b"")
    at = len(head) + 4 + 6 + len(name) + len(eof)
    body = [_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))]
    for r, row in enumerate([["县农业农村局巡察反馈问题整改落实台账"], HEADER, *ROWS]):
        for c, value in enumerate(row):
            if isinstance(value, date):
                body.append(_rec(0x0203, struct.pack("<HHHd", r, c, 16, float((value - date(1899, 12, 30)).days))))
            elif isinstance(value, int):
                body.append(_rec(0x0203, struct.pack("<HHHd", r, c, 15, float(value))))
            elif (r, c) == (2, 8) and i3:
                body.append(_rec(0x0204, struct.pack("<HHH", r, c, 15) + _label(i3)))
            elif value and (r, c) != (2, 8):
                body.append(_rec(0x0204, struct.pack("<HHH", r, c, 15) + _label(str(value))))
    stream = (head + _rec(0x0085, struct.pack("<IBB", at, 0, 0) + name) + eof + b"".join(body) + b"".join(links)
              + eof)
    path.write_bytes(write_compound_file({"Workbook": stream + b"\x00" * max(0, 4096 - len(stream))}))
    return path


def test_an_xls_link_is_checked_by_the_file_it_opens(tmp_path: Path) -> None:
    """I3 (点击查看) links to 佐证材料\\佐证2.pdf, I5 to ..\\工作责任清单.docx (one folder up)."""
    (tmp_path / "台账").mkdir()
    links = [_hlink(2, 8, r"佐证材料\佐证2.pdf"), _hlink(4, 8, "工作责任清单.docx", 1)]
    path = _xls(tmp_path / "台账" / "台账.xls", links)
    assert read_grids(path)[0].links == {"I3": "佐证材料/佐证2.pdf", "I5": "../工作责任清单.docx"}
    found = api.check(path, MID_JUNE).findings
    assert {(f.code, f.cell) for f in found} == BASE | {("evidence-file-missing", "I3"),
                                                        ("evidence-file-missing", "I5")}
    (tmp_path / "台账" / "佐证材料").mkdir()
    (tmp_path / "台账" / "佐证材料" / "佐证2.pdf").write_bytes(b"%PDF-1.4")
    assert _findings(path) == BASE | {("evidence-file-missing", "I5")}


# -- pictures -------------------------------------------------------------------------------------

CELL_IMAGES = (
    f'{DECL}<etc:cellImages xmlns:xdr="{XDR}" xmlns:r="{REL}" xmlns:a="{DML}" '
    'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr>'
    '<xdr:cNvPr id="2" name="ID_4F2A9C0E1B7D4E6F" descr="会议照片"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill>'
    '<a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="952500" cy="635000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
    "</etc:cellImage></etc:cellImages>")


@pytest.mark.parametrize("cell", [
    # an online sheet's export of =IMAGE(url): cached empty, or #NAME? where the function is not known
    '<c r="I3" s="1" t="str"><f>IMAGE("https://lh3.example.com/a1b2")</f><v></v></c>',
    '<c r="I3" t="e"><f>_xlfn.IMAGE("https://lh3.example.com/a1b2")</f><v>#NAME?</v></c>',
    '<c r="I3" t="str"><f>_xlfn.IMAGE("https://lh3.example.com/a1b2")</f></c>',
])
def test_an_image_formula_is_a_picture_in_its_cell(cell: str, tmp_path: Path) -> None:
    rows = [[*row[:8], ""] if i == 0 else row for i, row in enumerate(ROWS)]
    path = _xlsx(tmp_path / "台账.xlsx", rows=rows, cells={"I3": cell})
    assert read_grids(path)[0].rows[2][8] == PICTURE_IN_CELL
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    assert _findings(path) == BASE


def _wps_picture(path: Path, rows: list[list[object]], ref: str, sheet_tail: str = "") -> Path:
    """The ledger with WPS's 嵌入单元格图片 in cell ``ref``: ``=DISPIMG(…)`` caching its own words, the
    picture in xl/cellimages.xml."""
    dispimg = 'DISPIMG(&quot;ID_4F2A9C0E1B7D4E6F&quot;,1)'
    return _xlsx(path, rows=rows, sheet_tail=sheet_tail,
                 cells={ref: f'<c r="{ref}" t="str"><f>_xlfn.{dispimg}</f><v>={dispimg}</v></c>'},
                 parts={"xl/cellimages.xml": CELL_IMAGES, "xl/media/image1.png": PNG,
                        "xl/_rels/cellimages.xml.rels": _rels(("rId1", f"{REL}/image", "media/image1.png"))},
                 book_rels=[("rId9", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml")],
                 types=['<Override PartName="/xl/cellimages.xml" '
                        'ContentType="application/vnd.wps-officedocument.cellimage+xml"/>'])


def test_a_wps_cell_picture_is_evidence_and_its_parts_are_kept(tmp_path: Path) -> None:
    """WPS 嵌入单元格图片 in I3 (a done measure, no other evidence). It reads as the picture;
    annotate and clear keep it."""
    rows = [[*row[:8], ""] if i == 0 else row for i, row in enumerate(ROWS)]
    path = _wps_picture(tmp_path / "台账.xlsx", rows, "I3")
    assert read_grids(path)[0].rows[2][8] == PICTURE_IN_CELL
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    assert _findings(path) == BASE
    _annotate_and_clear(path, ["xl/cellimages.xml", "xl/_rels/cellimages.xml.rels", "xl/media/image1.png"])


def _anchor(col: int, row: int, content: str) -> str:
    return (f'<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>38100</xdr:colOff>'
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>19050</xdr:rowOff></xdr:from><xdr:to><xdr:col>{col + 1}</xdr:col>"
            f"<xdr:colOff>0</xdr:colOff><xdr:row>{row + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>{content}"
            "<xdr:clientData/></xdr:twoCellAnchor>")


PICTURE = ('<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="{id}" name="图片 {id}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/>'
           '</xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch>'
           '</xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>')
SHAPE = ('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{id}" name="文本框 {id}"/><xdr:cNvSpPr txBox="1"/>'
         '</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/>'
         "<a:p><a:r><a:t>待补充</a:t></a:r></a:p></xdr:txBody></xdr:sp>")


def test_a_picture_pasted_over_the_evidence_cell_is_the_evidence(tmp_path: Path) -> None:
    """Rows 3 and 5 are done with 佐证材料 empty: a screenshot's corner is in I3, a text box's in I5,
    a picture's in C4 (another column of another row). Only I3 has its evidence."""
    rows = [[*row[:8], ""] for row in ROWS]
    anchors = (_anchor(8, 2, PICTURE.format(id=2)) + _anchor(8, 4, SHAPE.format(id=3))
               + _anchor(2, 3, PICTURE.format(id=4)))
    drawing = f'{DECL}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DML}" xmlns:r="{REL}">{anchors}</xdr:wsDr>'
    path = _xlsx(tmp_path / "台账.xlsx", rows=rows, sheet_tail='<drawing r:id="rId1"/>',
                 sheet_rels=[("rId1", f"{REL}/drawing", "../drawings/drawing1.xml")],
                 parts={"xl/drawings/drawing1.xml": drawing, "xl/media/image1.png": PNG,
                        "xl/drawings/_rels/drawing1.xml.rels": _rels(("rId1", f"{REL}/image", "../media/image1.png"))},
                 types=['<Override PartName="/xl/drawings/drawing1.xml" '
                        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'])
    assert read_grids(path)[0].pictures == {"I3": PICTURE_OVER_CELL, "C4": PICTURE_OVER_CELL}
    assert next(api.read_ledger(path).measures()).evidence == PICTURE_OVER_CELL == "[图片]"
    assert _findings(path) == BASE | {("missing-evidence", "I5")}
    _annotate_and_clear(path, ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels",
                               "xl/media/image1.png"])


# -- an Excel table's totals row ------------------------------------------------------------------

def _table(path: Path, label: str | None) -> Path:
    columns = "".join(
        f'<tableColumn id="{i + 1}" name="{h}"'
        + (f' totalsRowLabel="{label}"' if i == 0 and label else "")
        + (' totalsRowFunction="count"' if i == 3 else "") + "/>" for i, h in enumerate(HEADER))
    table = (f'{DECL}<table xmlns="{MAIN}" id="1" name="表1" displayName="表1" ref="A2:I8" totalsRowCount="1">'
             f'<autoFilter ref="A2:I7"/><tableColumns count="9">{columns}</tableColumns>'
             '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>')
    totals = {"D8": '<c r="D8"><f>SUBTOTAL(103,表1[整改举措])</f><v>5</v></c>'}
    if label:
        totals["A8"] = f'<c r="A8" t="str"><v>{label}</v></c>'
    return _xlsx(path, rows=[*ROWS, []], cells=totals,
                 sheet_tail='<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
                 sheet_rels=[("rId1", f"{REL}/table", "../tables/table1.xml")],
                 parts={"xl/tables/table1.xml": table},
                 types=[f'<Override PartName="/xl/tables/table1.xml" ContentType="{CT}.table+xml"/>'])


def test_a_tables_totals_row_is_no_measure(tmp_path: Path) -> None:
    """Row 8 is the table's 汇总行: a count under 整改举措, labelled 汇总 or not at all."""
    for name in ("学习计划.pdf", "工作责任清单.docx"):
        (tmp_path / name).write_bytes(b"PK")
    for label in ("汇总", None):
        path = _table(tmp_path / f"台账{label or ''}.xlsx", label)
        assert len(list(api.read_ledger(path).measures())) == 5
        assert _findings(path) == BASE
        _annotate_and_clear(path, ["xl/tables/table1.xml"])
        ws = openpyxl.load_workbook(path.with_name(path.stem + "_校验.xlsx"))[SHEET]
        assert ws["D8"].value == "=SUBTOTAL(103,表1[整改举措])"


def test_a_file_embedded_in_the_evidence_cell_is_the_evidence(tmp_path: Path) -> None:
    """插入 → 对象 → 显示为图标: the scanned PDF embedded over I3 (a done measure whose 佐证材料 is
    empty) is its evidence, as Excel 2010 and later anchor it (``objectPr``); the embedding and
    its icon come back after annotate and clear."""
    rows = [[*row[:8], ""] if i == 0 else row for i, row in enumerate(ROWS)]
    anchor = ('<anchor moveWithCells="1"><from><xdr:col>8</xdr:col><xdr:colOff>76200</xdr:colOff><xdr:row>2</xdr:row>'
              "<xdr:rowOff>38100</xdr:rowOff></from><to><xdr:col>8</xdr:col><xdr:colOff>990600</xdr:colOff>"
              "<xdr:row>2</xdr:row><xdr:rowOff>723900</xdr:rowOff></to></anchor>")
    objects = ('<oleObjects><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
               '<mc:Choice Requires="x14"><oleObject progId="AcroExch.Document.DC" dvAspect="DVASPECT_ICON" '
               f'shapeId="1025" r:id="rId3"><objectPr defaultSize="0" autoPict="0" r:id="rId4">{anchor}</objectPr>'
               '</oleObject></mc:Choice><mc:Fallback><oleObject progId="AcroExch.Document.DC" '
               'dvAspect="DVASPECT_ICON" shapeId="1025" r:id="rId3"/></mc:Fallback></mc:AlternateContent></oleObjects>')
    path = _xlsx(tmp_path / "台账.xlsx", rows=rows, sheet_tail=objects,
                 sheet_rels=[("rId3", f"{REL}/oleObject", "../embeddings/oleObject1.bin"),
                             ("rId4", f"{REL}/image", "../media/image1.png")],
                 parts={"xl/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + bytes(508), "xl/media/image1.png": PNG},
                 types=['<Default Extension="bin" '
                        'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'])
    assert read_grids(path)[0].pictures == {"I3": OBJECT_IN_CELL}
    assert next(api.read_ledger(path).measures()).evidence == "[嵌入对象]"
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    assert _findings(path) == BASE
    _annotate_and_clear(path, ["xl/embeddings/oleObject1.bin", "xl/media/image1.png"])


# -- an .xlsb deadline shown as a month -----------------------------------------------------------

def _varint(n: int) -> bytes:
    out = b""
    while True:
        low, n = n & 0x7F, n >> 7
        if not n:
            return out + bytes([low])
        out += bytes([low | 0x80])


def _brec(kind: int, body: bytes = b"") -> bytes:
    return _varint(kind) + _varint(len(body)) + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _xlsb(path: Path, fmt: int, code: str | None = None, date1904: bool = False) -> Path:
    """The ledger as an Excel binary workbook: the deadlines in cell format 1 (number format
    ``fmt``, its ``code`` when the workbook defines it), as numbers (BrtCellReal) or, the whole
    days the 1904 system keeps, RK numbers (BrtCellRk)."""
    epoch = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
    typed = [[*row[:6], date(2025, 6, 1), *row[7:]] if i == 3 else row for i, row in enumerate(ROWS)]  # 2025年6月
    sheet = _brec(129) + _brec(148, struct.pack("<IIII", 0, len(typed) + 1, 0, 8)) + _brec(145)
    for r, row in enumerate([["县农业农村局巡察反馈问题整改落实台账"], HEADER, *typed]):
        sheet += _brec(0, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0))
        for c, value in enumerate(row):
            if isinstance(value, date) and date1904:
                sheet += _brec(2, struct.pack("<III", c, 1, (value - epoch).days << 2 | 0x02))
            elif isinstance(value, date):
                sheet += _brec(5, struct.pack("<IId", c, 1, float((value - epoch).days)))
            elif isinstance(value, int):
                sheet += _brec(5, struct.pack("<IId", c, 0, float(value)))
            elif value:
                sheet += _brec(6, struct.pack("<II", c, 0) + _wide(str(value)))
    sheet += _brec(146) + _brec(130)
    book = (_brec(131) + _brec(153, struct.pack("<II", int(date1904), 0) + _wide("")) + _brec(143)
            + _brec(156, struct.pack("<II", 0, 1) + _wide("rId1") + _wide(SHEET)) + _brec(144) + _brec(132))
    xf = lambda f: _brec(47, struct.pack("<HHHHHBBHBB", 0xFFFF, f, 0, 0, 0, 0, 0, 0, 0, 0))  # noqa: E731
    formats = (_brec(615, struct.pack("<I", 1)) + _brec(44, struct.pack("<H", fmt) + _wide(code)) + _brec(616)
               if code else b"")
    styles = _brec(278) + formats + _brec(617, struct.pack("<I", 2)) + xf(0) + xf(fmt) + _brec(618) + _brec(279)
    binary = "application/vnd.ms-excel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="bin" ContentType="{binary}.sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.bin" ContentType="{binary}.worksheet"/>'
            f'<Override PartName="/xl/styles.bin" ContentType="{binary}.styles"/></Types>'))
        zf.writestr("_rels/.rels", _rels(("rId1", f"{REL}/officeDocument", "xl/workbook.bin")))
        zf.writestr("xl/workbook.bin", book)
        zf.writestr("xl/_rels/workbook.bin.rels", _rels(("rId1", f"{REL}/worksheet", "worksheets/sheet1.bin"),
                                                        ("rId2", f"{REL}/styles", "styles.bin")))
        zf.writestr("xl/worksheets/sheet1.bin", sheet)
        zf.writestr("xl/styles.bin", styles)
    return path


@pytest.mark.parametrize(("fmt", "code", "date1904"), [
    (57, None, False),  # Chinese Excel's built-in 2025年6月
    (176, 'yyyy"年"m"月"', False),
    (176, 'yyyy"年"m"月"', True),  # Excel for Mac: whole days as RK numbers
])
def test_an_xlsb_deadline_shown_as_a_month_is_due_at_its_end(fmt: int, code: str | None, date1904: bool,
                                                              tmp_path: Path) -> None:
    """G6 was typed 2025年6月 (kept as 1 June): due on 30 June, not overdue on the 15th."""
    for name in ("学习计划.pdf", "工作责任清单.docx"):
        (tmp_path / name).write_bytes(b"PK")
    path = _xlsb(tmp_path / "台账.xlsb", fmt, code, date1904)
    assert read_grids(path)[0].rows[5][6] == "2025年6月"
    assert _findings(path) == BASE
    day = _xlsb(tmp_path / "按日.xlsb", 14)  # 2025/6/1, its day shown: overdue
    assert _findings(day) == {("overdue", "G4"), ("overdue", "G6")}


def test_an_ods_picture_anchored_to_the_evidence_cell_is_the_evidence(tmp_path: Path) -> None:
    """LibreOffice keeps a picture anchored to a cell inside the cell (``draw:frame``)."""
    frame = ('<table:table-cell><draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
             'draw:name="图片 1"><draw:image xlink:href="Pictures/1.png" xlink:type="simple"><text:p/></draw:image>'
             "</draw:frame></table:table-cell>")
    path = _ods(tmp_path / "台账.ods", frame)
    assert read_grids(path)[0].pictures == {"I3": PICTURE_OVER_CELL}
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    assert _findings(path) == BASE
    empty = _ods(tmp_path / "空.ods", "<table:table-cell/>")
    assert _findings(empty) == BASE | {("missing-evidence", "I3")}


def test_an_xlsb_calamine_panics_on_is_an_unreadable_file(tmp_path: Path) -> None:
    """A damaged workbook record (BrtWbProp saying it holds nothing, its bytes left behind) makes
    calamine's Rust code panic — a BaseException, which had ended ``rectxl check`` with a
    traceback: it is an unreadable file, said in one Chinese line (exit 2)."""
    from rectxl.cli import main
    from rectxl.core.errors import LedgerError

    path = _xlsb(tmp_path / "台账.xlsb", 57)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    book = bytearray(parts["xl/workbook.bin"])
    at = book.index(bytes([0x99, 0x01]))  # BrtWbProp (153)
    book[at + 2] = 0
    parts["xl/workbook.bin"] = bytes(book)
    damaged = tmp_path / "损坏.xlsb"
    with zipfile.ZipFile(damaged, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with pytest.raises(LedgerError, match=r"损坏\.xlsb 已损坏，无法读取"):
        api.check(damaged, MID_JUNE)
    assert main(["check", str(damaged)]) == 2


def test_an_xls_picture_over_the_evidence_cell_is_the_evidence(tmp_path: Path) -> None:
    """A screenshot (a picture frame, OfficeArt shape type 75) anchored in I3 of an .xls — as
    LibreOffice and WPS save a pasted picture; a note's text box (202) in I5 is no evidence."""
    (tmp_path / "工作责任清单.docx").write_bytes(b"PK")
    path = _xls(tmp_path / "台账.xls", [_drawing((75, 2, 8), (202, 4, 8))], i3="")
    assert read_grids(path)[0].pictures == {"I3": PICTURE_OVER_CELL}
    assert _findings(path) == BASE
    bare = _xls(tmp_path / "无图.xls", [], i3="")
    assert _findings(bare) == BASE | {("missing-evidence", "I3")}
