"""Ledgers built to look like the workbooks offices really send: saved by openpyxl, by
LibreOffice, and hand-edited (zipfile + byte edits) to carry what Excel and WPS write and openpyxl
does not model — cached formula values, WPS cell pictures (``xl/cellimages.xml`` + ``DISPIMG``),
Excel 365 place-in-cell pictures (``xl/richData`` + ``vm``), x14 data validations pointing at
another sheet, sparklines, customXml (OA metadata), printer settings, a sheet background picture,
the read-only-recommended flag, a chart, a comment box with its size, a gradient fill on a cell
rectxl flags, and a user's own sheet named 整改明细.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import GradientFill, PatternFill

from rectxl.core import fields as F
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_ledger
from tests.ledgers import write_messy_ledger
from tests.workbook_compare import soffice_convert

__all__ = [
    "LEDGER_PART",
    "flagged_cells",
    "hand_edited",
    "libreoffice_saved",
    "measure_rows",
    "openpyxl_saved",
    "parts",
    "rezip",
    "strict_ooxml",
]

LEDGER_PART = "xl/worksheets/sheet1.xml"
#: what the hand-edited workbook carries, by part name (each must come through untouched)
CARRIED_PARTS = (
    "xl/cellimages.xml", "xl/_rels/cellimages.xml.rels", "xl/media/wps_image1.png",
    "xl/metadata.xml", "xl/richData/rdrichvalue.xml", "xl/richData/rdrichvaluestructure.xml",
    "xl/richData/rdRichValueTypes.xml", "xl/richData/richValueRel.xml",
    "xl/richData/_rels/richValueRel.xml.rels", "xl/media/incell_image1.png",
    "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels",
    "xl/printerSettings/printerSettings1.bin", "xl/media/background1.png",
)

X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS17 = "http://schemas.microsoft.com/office/2017/06/relationships"
MS22 = "http://schemas.microsoft.com/office/2022/10/relationships"
CT_XL = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def png(color: tuple[int, int, int]) -> bytes:
    """A 1×1 PNG of ``color``."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\x00" + bytes(color)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(src: Path, dst: Path, edit: Callable[[str, bytes], bytes] | None = None,
          add: dict[str, bytes] | None = None) -> Path:
    """Copy ``src`` to ``dst`` part by part (same order and compression), ``edit`` applied, ``add``
    appended (pictures and printer settings stored uncompressed, as Excel stores them)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, edit(info.filename, data) if edit else data, compress_type=info.compress_type)
        for name, data in (add or {}).items():
            stored = name.endswith((".png", ".bin"))
            zout.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return dst


def measure_rows(path: Path) -> dict[str, int]:
    rows: dict[str, int] = {}
    for m in read_ledger(path).measures():
        rows.setdefault(m.text, m.row)
    return rows


def flagged_cells(path: Path) -> dict[str, str]:
    """A few cells rectxl flags in the template ledger: name → A1 reference."""
    ledger = read_ledger(path)
    rows = measure_rows(path)
    cols = ledger.columns
    return {
        "overdue_deadline": f"{cols[F.DEADLINE]}{rows['开展保密检查']}",
        "missing_owner": f"{cols[F.OWNER_UNIT]}{rows['开展保密检查']}",
        "due_soon_deadline": f"{cols[F.DEADLINE]}{rows['指定专人跟进学习']}",
        "owner_ok": f"{cols[F.OWNER_UNIT]}{rows['指定专人跟进学习']}",
    }


def openpyxl_saved(folder: Path, name: str = "台账.xlsx", *, decorate: bool = True, own_sheet: bool = True) -> Path:
    """rectxl's template layout (validations, conditional formats, merges) filled in and saved by
    openpyxl; with ``decorate``: a clerk's own fill, a gradient fill on a flagged cell, a comment
    with its box size, a chart on the ledger sheet, and the clerk's own sheet named 整改明细."""
    folder.mkdir(parents=True, exist_ok=True)
    messy = write_messy_ledger(folder / "messy_source.xlsx")
    path = write_ledger(folder / name, read_ledger(messy))
    messy.unlink()
    if not decorate:
        return path
    cells = flagged_cells(path)
    wb = load_workbook(path)
    ws = wb["台账"]
    ws["I5"].fill = PatternFill("solid", fgColor="00B050")  # the clerk's own green
    ws[cells["overdue_deadline"]].fill = GradientFill(stop=("FFFFFF", "4472C4"))
    comment = Comment("请核实整改时限", "审核人")
    comment.width, comment.height = 320, 140
    ws[cells["due_soon_deadline"]].comment = comment
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=3, max_row=8))
    ws.add_chart(chart, "P2")
    if own_sheet:
        own = wb.create_sheet("整改明细")
        own.append(["本单位自己的整改明细（不是 rectxl 生成的）"])
        own.append(["序号", "事项", "进展"])
        own.append([1, "完善制度", "已完成"])
    wb.save(path)
    return path


def libreoffice_saved(folder: Path) -> Path:
    """The decorated ledger opened and saved again by LibreOffice (which writes an empty drawing
    part for the comment, its own styles and shared strings)."""
    source = openpyxl_saved(folder / "lo-src", "台账.xlsx")
    out = soffice_convert(source, "xlsx", folder / "lo-out")
    target = folder / "台账_lo.xlsx"
    out.rename(target)
    return target


def _cell_span(xml: bytes, ref: str) -> re.Match[bytes]:
    m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', xml, re.S)
    assert m is not None, ref
    return m


def _style_of(cell: bytes) -> bytes:
    m = re.search(rb' s="(\d+)"', cell)
    return b' s="' + m.group(1) + b'"' if m else b""


def _formula_cell(xml: bytes, ref: str, formula: str, cached: str) -> bytes:
    """Cell ``ref`` as a formula with a cached text value (as Excel saves it), keeping its style."""
    m = _cell_span(xml, ref)
    esc = cached.replace("&", "&amp;").replace("<", "&lt;")
    new = (b'<c r="' + ref.encode() + b'"' + _style_of(m.group(0)) + b' t="str"><f>'
           + formula.replace("&", "&amp;").replace("<", "&lt;").encode() + b"</f><v>" + esc.encode() + b"</v></c>")
    return xml[: m.start()] + new + xml[m.end():]


def _text_of_cell(path: Path, ref: str) -> str:
    value = load_workbook(path)["台账"][ref].value
    return "" if value is None else str(value)


def hand_edited(folder: Path, *, own_sheet: bool = True) -> Path:
    """The decorated openpyxl ledger, then edited the way Excel 365 and WPS leave a workbook."""
    source = openpyxl_saved(folder / "src", "台账.xlsx", own_sheet=own_sheet)
    cells = flagged_cells(source)
    due_text = _text_of_cell(source, cells["due_soon_deadline"])
    owner_text = _text_of_cell(source, cells["owner_ok"])
    rows = measure_rows(source)
    picture_row = rows["开展调研"]

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", (
                b'<Default Extension="png" ContentType="image/png"/>'
                b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
                b'spreadsheetml.printerSettings"/>'
                b'<Override PartName="/xl/cellimages.xml" '
                b'ContentType="application/vnd.wps-officedocument.cellimage+xml"/>'
                b'<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                b'spreadsheetml.sheetMetadata+xml"/>'
                b'<Override PartName="/xl/richData/rdrichvalue.xml" '
                b'ContentType="application/vnd.ms-excel.rdrichvalue+xml"/>'
                b'<Override PartName="/xl/richData/rdrichvaluestructure.xml" '
                b'ContentType="application/vnd.ms-excel.rdrichvaluestructure+xml"/>'
                b'<Override PartName="/xl/richData/rdRichValueTypes.xml" '
                b'ContentType="application/vnd.ms-excel.rdrichvaluetypes+xml"/>'
                b'<Override PartName="/xl/richData/richValueRel.xml" '
                b'ContentType="application/vnd.ms-excel.richvaluerel+xml"/>'
                b'<Override PartName="/customXml/itemProps1.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
                b"</Types>"))
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", (
                '<Relationship Id="rIdWps1" Type="http://www.wps.cn/officeDocument/2020/cellImage" '
                'Target="cellimages.xml"/>'
                f'<Relationship Id="rIdMeta1" Type="{REL}/sheetMetadata" Target="metadata.xml"/>'
                f'<Relationship Id="rIdRv1" Type="{MS17}/rdRichValue" '
                'Target="richData/rdrichvalue.xml"/>'
                f'<Relationship Id="rIdRv2" Type="{MS17}/rdRichValueStructure" '
                'Target="richData/rdrichvaluestructure.xml"/>'
                f'<Relationship Id="rIdRv3" Type="{MS17}/rdRichValueTypes" '
                'Target="richData/rdRichValueTypes.xml"/>'
                f'<Relationship Id="rIdRv4" Type="{MS22}/richValueRel" '
                'Target="richData/richValueRel.xml"/>'
                f'<Relationship Id="rIdCx1" Type="{REL}/customXml" Target="../customXml/item1.xml"/>'
                "</Relationships>").encode())
        if name == "xl/workbook.xml":
            return re.sub(rb"<workbookPr\b", b'<fileSharing readOnlyRecommended="1"/><workbookPr', data, count=1)
        if name == "xl/worksheets/_rels/sheet1.xml.rels":
            return data.replace(b"</Relationships>", (
                f'<Relationship Id="rIdPs1" Type="{REL}/printerSettings" '
                'Target="../printerSettings/printerSettings1.bin"/>'
                f'<Relationship Id="rIdBg1" Type="{REL}/image" Target="../media/background1.png"/>'
                "</Relationships>").encode())
        if name == LEDGER_PART:
            xml = _formula_cell(data, cells["due_soon_deadline"], f'"{due_text}"', due_text)
            xml = _formula_cell(xml, cells["owner_ok"], "基本信息!B2&\"\"", owner_text)
            # a WPS cell picture in 佐证材料 and an Excel 365 picture in 备注 (an error cell with vm)
            evidence = f"M{picture_row}"
            m = _cell_span(xml, evidence) if re.search(rb'<c r="' + evidence.encode() + rb'"', xml) else None
            wps = (f'<c r="{evidence}" t="str"><f>_xlfn.DISPIMG("ID_3F2A9C",1)</f>'
                   f'<v>=DISPIMG("ID_3F2A9C",1)</v></c>').encode()
            if m is not None:
                xml = xml[: m.start()] + wps + xml[m.end():]
            else:
                row = re.search(rb'<row r="' + str(picture_row).encode() + rb'"[^>]*>(.*?)</row>', xml, re.S)
                assert row is not None
                xml = xml[: row.end() - 6] + wps + xml[row.end() - 6:]
            row = re.search(rb'<row r="' + str(picture_row).encode() + rb'"[^>]*>(.*?)</row>', xml, re.S)
            assert row is not None
            xml = xml[: row.end() - 6] + f'<c r="O{picture_row}" t="e" vm="1"><v>#VALUE!</v></c>'.encode() \
                + xml[row.end() - 6:]
            # printer settings, background picture, x14 validation and sparklines
            if b"<pageSetup" in xml:
                xml = re.sub(rb"<pageSetup\b", b'<pageSetup r:id="rIdPs1"', xml, count=1)
            else:
                xml = re.sub(rb"(<pageMargins\b[^>]*/>)", rb'\1<pageSetup paperSize="9" r:id="rIdPs1"/>', xml, count=1)
            xml = xml.replace(b"</worksheet>", (
                '<picture r:id="rIdBg1"/>'
                f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
                f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" allowBlank="1" '
                'showErrorMessage="1"><x14:formula1><xm:f>责任单位名录!$A$2:$A$30</xm:f></x14:formula1>'
                "<xm:sqref>G3:G200</xm:sqref></x14:dataValidation></x14:dataValidations></ext>"
                f'<ext uri="{{05C60535-1F16-4fd2-B633-F4F36F0B64E0}}" xmlns:x14="{X14}">'
                f'<x14:sparklineGroups xmlns:xm="{XM}"><x14:sparklineGroup displayEmptyCellsAs="gap">'
                '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>台账!C3:C8</xm:f>'
                "<xm:sqref>P1</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>"
                "</x14:sparklineGroups></ext></extLst></worksheet>").encode())
            if b'xmlns:r="' not in xml[:2000]:
                xml = xml.replace(b"<worksheet ", f'<worksheet xmlns:r="{REL}" '.encode(), 1)
            return xml
        return data

    add = {
        "xl/cellimages.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            f'xmlns:r="{REL}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr>'
            '<xdr:cNvPr id="2" name="ID_3F2A9C" descr="整改照片"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill>'
            '<a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm>'
            '<a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>").encode(),
        "xl/_rels/cellimages.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/image" Target="media/wps_image1.png"/></Relationships>').encode(),
        "xl/media/wps_image1.png": png((200, 30, 30)),
        "xl/metadata.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata">'
            b'<metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" '
            b'pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" '
            b'clearComments="1" assign="1" coerce="1"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="1">'
            b'<bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk>'
            b'</futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>'
        ),
        "xl/richData/rdrichvalue.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1">'
            b'<rv s="0"><v>0</v><v>5</v></rv></rvData>'),
        "xl/richData/rdrichvaluestructure.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1">'
            b'<s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s>'
            b"</rvStructures>"),
        "xl/richData/rdRichValueTypes.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<rvTypesInfo xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata2"><global>'
            b'<keyFlags><key name="_Self"><flag name="ExcludeFromFile" value="1"/></key></keyFlags></global>'
            b"</rvTypesInfo>"),
        "xl/richData/richValueRel.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" '
            f'xmlns:r="{REL}"><rel r:id="rId1"/></richValueRels>').encode(),
        "xl/richData/_rels/richValueRel.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/image" Target="../media/incell_image1.png"/></Relationships>'
        ).encode(),
        "xl/media/incell_image1.png": png((30, 120, 200)),
        "customXml/item1.xml": '<OAData xmlns="urn:oa:metadata"><DocNo>粤卫巡改〔2023〕12号</DocNo></OAData>'.encode(),
        "customXml/itemProps1.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            b'<ds:datastoreItem ds:itemID="{6A1B2C3D-0000-4000-8000-000000000001}" '
            b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
            b'<ds:schemaRef ds:uri="urn:oa:metadata"/></ds:schemaRefs></ds:datastoreItem>'),
        "customXml/_rels/item1.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>'
        ).encode(),
        "xl/printerSettings/printerSettings1.bin": b"\x00\x01PRINTER-DEVMODE\x00" * 40,
        "xl/media/background1.png": png((240, 240, 200)),
    }
    target = folder / "台账_真实.xlsx"
    rezip(source, target, edit, add)
    return target


def strict_ooxml(folder: Path) -> Path:
    """The plain template ledger rewritten in Strict OOXML namespaces (as Excel's "Strict Open
    XML Spreadsheet" saves it)."""
    source = openpyxl_saved(folder / "strict-src", "台账.xlsx", decorate=False)
    swaps = [
        (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ]

    def edit(name: str, data: bytes) -> bytes:
        for old, new in swaps:
            data = data.replace(old, new)
        return data

    return rezip(source, folder / "台账_strict.xlsx", edit)
