"""annotate / --clear / --in-place on the workbooks clerks really keep (round 9): a ledger under a
table (ListObject) with conditional formats (Excel 2010 data bars, icon sets and rules kept in the
sheet's extLst), drop-down lists (one over another sheet, in x14 form), notes and threaded
comments, defined names and a print area, frozen panes, shared formulas, rich text, an external
link, docProps/custom.xml as WPS writes it, WPS's and Excel 365's extension elements, a protected
sheet of the user's named 校验结果, a long sheet name — and the same as a .xlsm with macros.

The promise checked on each: annotate changes only the styles of the cells it colours and
rectxl's own sheets (every other part byte for byte), --clear gives every part back. And what
the clerk sees: a flagged cell under one of their conditional formats that fills it shows the
format's colour, not rectxl's, and a cell they had filled in one of rectxl's colours looks
flagged — 校验结果 names both (not rectxl's own template's grade formats).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, DataBarRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from rectxl import api
from rectxl.core.errors import RectxlError
from rectxl.core.names import FINDINGS_SHEET
from rectxl.core.rules import Options
from rectxl.core.sheets import GRADE_FILLS
from rectxl.core.timing import Grade
from rectxl.io.marks import hidden_in, ledger_rows
from tests import realworld_workbooks as R
from tests.ledgers import write_simple_ledger
from tests.test_annotate_workflows import ROWS
from tests.workbook_compare import soffice, soffice_convert

AS_OF = date(2026, 11, 20)
OPTS = Options(as_of=AS_OF)
LEDGER_PART = "xl/worksheets/sheet1.xml"
#: the parts annotate may edit in the user's package (all others byte for byte)
EDITED = {LEDGER_PART, "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
MS17 = "http://schemas.microsoft.com/office/2017/10/relationships"
BAR_ID = "{1A2B3C4D-0000-4000-8000-00000000C0DE}"
LONG_NAME = "2026年第一轮巡察反馈问题整改落实情况台账（续）"  # 26 characters

#: ROWS (columns A…N of the plain template order): rectxl flags I2, I3 overdue (red); F2…F5 no
#: 责任领导 and H4 no 责任人 (the owner colour). G5 is 人事股, not flagged.
FLAGGED = {"I2", "I3", "F2", "F3", "F4", "F5", "H4"}
OWNER_COLOUR = "F4B183"  # rectxl's colour for a missing 责任人/责任单位


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def only_styles(xml: bytes) -> bytes:
    """A sheet part without its cells' format indices and the empty cells rectxl created."""
    xml = re.sub(rb'<c r="[A-Z]+\d+" s="\d+"/>', b"", xml)
    return re.sub(rb' s="\d+"', b"", xml)


# -- the clerk's workbook ------------------------------------------------------------------------


def clerks_ledger(folder: Path, name: str = "台账.xlsx") -> Path:
    """What openpyxl can write: table, formats, lists, notes, names, panes, rich text, fills."""
    folder.mkdir(parents=True, exist_ok=True)
    path = write_simple_ledger(folder / name, ROWS, info={"被巡察单位": "某县市场监督管理局", "联系人": "张三"})
    wb = load_workbook(path)
    ws = wb["台账"]
    n = ws.max_row
    ws.conditional_formatting.add(f"J2:J{n}", CellIsRule(operator="equal", formula=['"已完成"'],
                                                         fill=PatternFill("solid", bgColor="C6EFCE")))
    ws.conditional_formatting.add(f"I2:I{n}", FormulaRule(formula=['ISNUMBER(SEARCH("2026",I2))'],
                                                          font=Font(color="9C0006")))  # a font only
    ws.conditional_formatting.add(f"C2:C{n}", DataBarRule(start_type="min", end_type="max", color="638EC6"))
    status = DataValidation(type="list", formula1='"已完成,正在推进,未启动"', allow_blank=True)
    ws.add_data_validation(status)
    status.add("J2:J200")
    ws["I2"].comment = Comment("请核实时限", "巡察办")
    ws["E2"].comment = Comment("措施需细化", "审核人")
    table = Table(displayName="整改台账表", ref=f"A1:N{n}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "C2"
    ws.print_area = f"A1:N{n}"
    ws.print_title_rows = "1:1"
    ws["E3"] = CellRichText([TextBlock(InlineFont(b=True, color="FF0000"), "开展"), "专题学习"])
    for cell in ws[1]:  # the header in the light blue rectxl marks warnings with: no mark either
        cell.fill = PatternFill("solid", fgColor="FFDDEBF7")
    ws["G5"].fill = PatternFill("solid", fgColor="FF" + OWNER_COLOUR)  # the clerk's own, rectxl's colour
    ws["I3"].fill = PatternFill("solid", fgColor="FF" + GRADE_FILLS[Grade.RED])  # theirs too; flagged
    units = wb.create_sheet("单位名录")
    for unit in ("办公室", "人事股", "计划财务股"):
        units.append([unit])
    wb.defined_names["单位名录"] = DefinedName("单位名录", attr_text="单位名录!$A$1:$A$3")
    own = wb.create_sheet(FINDINGS_SHEET)
    own.append(["本单位自己的校验结果（不是 rectxl 生成的）"])
    own.protection.sheet = True
    wb.create_sheet(LONG_NAME).append(["上一轮台账"])
    wb.save(path)
    return path


def office_ledger(folder: Path, *, macros: bool = False) -> Path:
    """:func:`clerks_ledger` as Excel 365 and WPS leave it: threaded comments, an external link,
    WPS's custom properties, extension elements in the workbook and styles parts, x14
    conditional formats and a drop-down list over another sheet in the ledger's extLst, shared
    formulas; with ``macros`` a .xlsm with its VBA project."""
    source = clerks_ledger(folder / "src")

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            if macros:
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"_MACRO_").replace(
                    b"application/vnd.openxmlformats-officedocument._MACRO_",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            return data.replace(b"</Types>", (
                (b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if macros else b"")
                + b'<Override PartName="/xl/threadedComments/threadedComment1.xml" '
                  b'ContentType="application/vnd.ms-excel.threadedcomments+xml"/>'
                  b'<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>'
                  b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
                  b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
                  b'<Override PartName="/docProps/custom.xml" '
                  b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'))
        if name == "_rels/.rels":
            return data.replace(b"</Relationships>", f'<Relationship Id="rIdCustom" Type="{REL}/custom-properties" '
                                                     'Target="docProps/custom.xml"/></Relationships>'.encode())
        if name == "xl/_rels/workbook.xml.rels":
            vba = ('<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                   'Target="vbaProject.bin"/>') if macros else ""
            return data.replace(b"</Relationships>", (
                f'<Relationship Id="rId8" Type="{REL}/externalLink" Target="externalLinks/externalLink1.xml"/>'
                f'<Relationship Id="rId10" Type="{MS17}/person" Target="persons/person.xml"/>{vba}'
                "</Relationships>").encode())
        if name == "xl/workbook.xml":
            data = data.replace(b"<workbook ", f'<workbook xmlns:r="{REL}" '.encode(), 1)
            data = data.replace(b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId8"/>'
                                              b"</externalReferences>")
            data = data.replace(b"<definedNames>", "<definedNames><definedName name=\"外部单位\">"
                                                   "[1]Sheet1!$A$1:$A$5</definedName>".encode())
            data = re.sub(rb"<workbookView\b[^/]*/>", b'<workbookView windowWidth="28800" windowHeight="12300" '
                                                      b'activeTab="2"/>', data)
            if macros:
                data = re.sub(rb"<workbookPr\b", b'<workbookPr codeName="ThisWorkbook"', data, count=1)
            return data.replace(b"</workbook>", (
                b'<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
                b'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                b'<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'))
        if name == "xl/styles.xml":
            data = data.replace(b"<styleSheet ", f'<styleSheet xmlns:mc="{MC}" mc:Ignorable="x14ac" '
                                                 f'xmlns:x14ac="{X14AC}" '.encode(), 1)
            data = data.replace(b'<name val="Calibri"/>', '<name val="宋体"/><charset val="134"/>'.encode(), 1)
            return data.replace(b"</styleSheet>", (
                f'<extLst><ext uri="{{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}}" xmlns:x14="{X14}">'
                '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>').encode())
        if name == "xl/worksheets/_rels/sheet1.xml.rels":
            return data.replace(b"</Relationships>", f'<Relationship Id="rIdTc1" Type="{MS17}/threadedComment" '
                                                     'Target="../threadedComments/threadedComment1.xml"/>'
                                                     "</Relationships>".encode())
        if name == LEDGER_PART:
            return _excel_365_sheet(data, macros)
        return data

    add = {
        "xl/threadedComments/threadedComment1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments '
            'xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
            'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="I2" '
            'dT="2026-11-18T09:30:00.00" personId="{0A1B2C3D-0000-4000-8000-0000000000AA}" '
            'id="{0A1B2C3D-0000-4000-8000-0000000000BB}"><text>请核实时限是否已延期</text></threadedComment>'
            "</ThreadedComments>").encode(),
        "xl/persons/person.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList '
            'xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
            'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="巡察办 王某" '
            'id="{0A1B2C3D-0000-4000-8000-0000000000AA}" userId="王某" providerId="None"/></personList>').encode(),
        "xl/externalLinks/externalLink1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink '
            f'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}">'
            '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet>'
            '<sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>办公室</v></cell></row></sheetData>'
            "</sheetDataSet></externalBook></externalLink>").encode(),
        "xl/externalLinks/_rels/externalLink1.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/externalLinkPath" Target="file:///D:\\巡察整改\\单位名录.xlsx" '
            'TargetMode="External"/></Relationships>').encode(),
        "docProps/custom.xml": (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
            b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV">'
            b"<vt:lpwstr>8F2C7D1E5A3B4C6D9E0F1A2B3C4D5E6F_13</vt:lpwstr></property>"
            b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer">'
            b"<vt:lpwstr>2052-12.1.0.17147</vt:lpwstr></property></Properties>"),
    }
    if macros:
        add["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub RemindOverdue()" * 40
    target = folder / ("台账.xlsm" if macros else "台账_办公.xlsx")
    R.rezip(source, target, edit, add)
    return target


def _excel_365_sheet(xml: bytes, macros: bool) -> bytes:
    """The ledger sheet with Excel 365's namespaces and row heights, shared formulas in 备注 (N), a
    data bar's Excel 2010 half, an icon set and an expression format over 责任领导 (F, a fill
    written inline) kept only in the extLst, and a drop-down list of 单位名录 over 责任人 (H)."""
    xml = xml.replace(b"<worksheet ", f'<worksheet xmlns:r="{REL}" xmlns:mc="{MC}" mc:Ignorable="x14ac" '
                                      f'xmlns:x14ac="{X14AC}" '.encode(), 1)
    xml = re.sub(rb'<row r="(\d+)"', rb'<row r="\1" x14ac:dyDescent="0.25"', xml)
    if macros:
        xml = xml.replace(b"<sheetPr>", b'<sheetPr codeName="Sheet1">', 1)
    for r in (2, 3, 4, 5):
        f = '<f t="shared" ref="N2:N5" si="0">LEN(E2)&amp;"字"</f>' if r == 2 else '<f t="shared" si="0"/>'
        xml = re.sub(rb'(<row r="%d"[^>]*>.*?)(</row>)' % r,
                     lambda m, f=f, r=r: m.group(1) + f'<c r="N{r}" t="str">{f}<v>4字</v></c>'.encode() + m.group(2),
                     xml, count=1, flags=re.S)
    xml = xml.replace(b"</dataBar></cfRule>", (
        f'</dataBar><extLst><ext uri="{{B025F937-C7B1-47D3-B67F-A62EFF666E3E}}" xmlns:x14="{X14}">'
        f"<x14:id>{BAR_ID}</x14:id></ext></extLst></cfRule>").encode(), 1)
    return xml.replace(b"</worksheet>", (
        f'<extLst><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" xmlns:x14="{X14}"><x14:conditionalFormattings>'
        f'<x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="dataBar" id="{BAR_ID}"><x14:dataBar '
        'minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>'
        '<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>'
        "<xm:sqref>C2:C5</xm:sqref></x14:conditionalFormatting>"
        f'<x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="iconSet" priority="4" '
        'id="{2B3C4D5E-0000-4000-8000-00000000C0DF}"><x14:iconSet iconSet="3Stars" custom="1">'
        '<x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo>'
        '<x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule><xm:sqref>E2:E5</xm:sqref>'
        "</x14:conditionalFormatting>"
        f'<x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="expression" priority="5" '
        'id="{3C4D5E6F-0000-4000-8000-00000000C0E0}"><xm:f>单位名录!$A$1=G2</xm:f><x14:dxf><fill><patternFill>'
        '<bgColor rgb="FFFFEB9C"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>F4:F5</xm:sqref>'
        "</x14:conditionalFormatting></x14:conditionalFormattings></ext>"
        f'<ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}"><x14:dataValidations count="1" '
        f'xmlns:xm="{XM}"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1>'
        "<xm:f>单位名录!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H2:H200</xm:sqref></x14:dataValidation>"
        "</x14:dataValidations></ext></extLst></worksheet>").encode())


BUILDERS = {"openpyxl": clerks_ledger, "office": office_ledger,
            "macros": lambda folder: office_ledger(folder, macros=True)}


def findings_notes(path: Path) -> str:
    wb = load_workbook(path)
    name = next(n for n in wb.sheetnames if n.startswith(FINDINGS_SHEET) and n != FINDINGS_SHEET)
    return str(wb[name]["A3"].value)


# -- 1. the package promise -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_annotate_edits_only_styles_and_clear_gives_every_part_back(kind: str, tmp_path: Path) -> None:
    source = BUILDERS[kind](tmp_path / "in")
    _, marked, _ = api.annotate(source, None, OPTS)
    assert marked.name == source.stem + "_校验" + source.suffix  # a .xlsm stays a .xlsm
    before, after = parts(source), parts(marked)
    assert sorted(n for n in before if before[n] != after.get(n)) == sorted(EDITED)
    assert only_styles(after[LEDGER_PART]) == only_styles(before[LEDGER_PART])
    # the user's extensions and links are where they were
    for marker in (b"x14:conditionalFormattings", b"x14:dataValidations", b'<f t="shared" ref="N2:N5" si="0">',
                   BAR_ID.encode(), b"<tableParts", b'state="frozen"') if kind != "openpyxl" else (b"<tableParts",):
        assert marker in after[LEDGER_PART], marker
    book = after["xl/workbook.xml"].decode()
    assert re.search(r"<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'台账'!\$A\$1:\$N\$5<", book)
    assert [n for n in re.findall(r'<sheet [^>]*name="([^"]+)"', book)][:5] == [
        "台账", "基本信息", "单位名录", FINDINGS_SHEET, LONG_NAME]
    if kind != "openpyxl":
        rels = after["xl/_rels/workbook.xml.rels"].decode()
        assert '<externalReference r:id="rId8"/>' in book and 'Id="rId8"' in rels and "externalLink1.xml" in rels
        assert 'activeTab="2"' in book
        ids = re.findall(r'Id="([^"]+)"', rels)
        assert len(ids) == len(set(ids))
    if kind == "macros":
        assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
        assert b"macroEnabled.main+xml" in after["[Content_Types].xml"]
    _, cleared, _ = api.clear(marked, tmp_path / ("清除" + source.suffix))
    assert parts(cleared) == before


def test_a_second_annotate_then_clear_is_still_the_original(tmp_path: Path) -> None:
    source = office_ledger(tmp_path / "in")
    _, once, _ = api.annotate(source, tmp_path / "一.xlsx", OPTS)
    _, twice, _ = api.annotate(once, tmp_path / "二.xlsx", OPTS)
    # the same notes (the digest of the file read aside)
    assert findings_notes(twice).split("\n")[1:] == findings_notes(once).split("\n")[1:]
    _, cleared, _ = api.clear(twice, tmp_path / "清除.xlsx")
    assert parts(cleared) == parts(source)


def test_in_place_on_a_macro_workbook_keeps_it_a_macro_workbook(tmp_path: Path) -> None:
    source = office_ledger(tmp_path / "in", macros=True)
    original = parts(source)
    lock = source.with_name("~$" + source.name)
    lock.write_bytes(b"\x06zhangsan")
    with pytest.raises(RectxlError, match=r"正在 Excel、WPS 或 LibreOffice 中打开.*~\$台账\.xlsm"):
        api.annotate(source, None, OPTS, in_place=True)
    assert parts(source) == original  # and no backup beside it
    assert sorted(p.name for p in source.parent.iterdir() if p.is_file()) == ["~$台账.xlsm", "台账.xlsm"]
    lock.unlink()
    _, out, backup = api.annotate(source, None, OPTS, in_place=True)
    assert out == source and backup is not None and backup.suffix == ".xlsm"
    assert parts(backup) == original
    assert parts(source)["xl/vbaProject.bin"] == original["xl/vbaProject.bin"]
    api.clear(source, None, in_place=True)
    assert parts(source) == original


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_marked_office_workbook(tmp_path: Path) -> None:
    source = office_ledger(tmp_path / "in")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    out = soffice_convert(marked, "xlsx", tmp_path / "lo")
    wb = load_workbook(out)
    assert wb.sheetnames[:5] == ["台账", "基本信息", "单位名录", FINDINGS_SHEET, LONG_NAME]
    assert FINDINGS_SHEET + "(rectxl)" in wb.sheetnames


# -- 2. what the clerk sees ---------------------------------------------------------------------


def test_flagged_cells_under_the_users_fill_formats_are_named(tmp_path: Path) -> None:
    """F4:F5 are under an Excel 2010 rule that fills them (kept in the extLst, its fill inline):
    named. The data bar over C, the icon set over E, the font-only rule over I and the green of
    已完成 over J cover no flagged cell's fill (or none of them is flagged): not named."""
    source = office_ledger(tmp_path / "in")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    notes = findings_notes(marked)
    line = next(s for s in notes.split("\n") if "条件格式" in s)
    assert line.endswith("：台账!F4、台账!F5")
    assert "rectxl 的标记颜色会被盖住" in line and "以本表为准" in line


def test_a_whole_row_rule_and_a_colour_scale_name_every_flagged_cell_under_them(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", ROWS)
    wb = load_workbook(path)
    ws = wb["台账"]
    ws.conditional_formatting.add("A2:N200", FormulaRule(formula=['$J2<>"已完成"'],
                                                         fill=PatternFill("solid", bgColor="FCE4D6")))
    ws.conditional_formatting.add("H2:H300", ColorScaleRule(start_type="min", start_color="FFFFFF",
                                                        end_type="max", end_color="63BE7B"))
    wb.save(path)
    _, marked, _ = api.annotate(path, None, OPTS)
    line = next(s for s in str(load_workbook(marked)[FINDINGS_SHEET]["A3"].value).split("\n") if "条件格式" in s)
    assert line.rsplit("：", 1)[1] == "台账!F2、台账!I2、台账!F3、台账!I3、台账!F4、台账!H4、台账!F5"


def test_rectxls_own_template_formats_are_no_cover(tmp_path: Path) -> None:
    """A ledger from rectxl's template colours its deadlines by grade in rectxl's colours: no note."""
    from rectxl.io.ledger_xlsx import write_ledger
    from rectxl.io.reader import read_ledger

    plain = write_simple_ledger(tmp_path / "plain.xlsx", ROWS)
    path = write_ledger(tmp_path / "台账.xlsx", read_ledger(plain))
    assert b"conditionalFormatting" in parts(path)[LEDGER_PART]
    _, marked, _ = api.annotate(path, None, OPTS)
    assert "条件格式" not in str(load_workbook(marked)[FINDINGS_SHEET]["A3"].value)


def test_a_cell_the_clerk_filled_in_rectxls_colour_is_said_not_to_be_flagged(tmp_path: Path) -> None:
    """G5 (their own orange, not flagged) is named; I3 (their own red, flagged) is not, nor the
    header row they filled in rectxl's light blue."""
    source = clerks_ledger(tmp_path / "in")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    line = next(s for s in findings_notes(marked).split("\n") if "相同的颜色" in s)
    assert line == "注意：以下单元格原来就填有与 rectxl 标记相同的颜色，不是本次发现的问题：台账!G5"
    # marked again: this run's and the last run's colours are rectxl's, G5 still the clerk's
    _, again, _ = api.annotate(marked, tmp_path / "再标记.xlsx", OPTS)
    assert line in findings_notes(again).split("\n")


def test_the_excel_buttons_read_the_same_from_the_saved_copy(tmp_path: Path) -> None:
    """hidden_in (what the add-in's 校验结果 is built from): the cover and the look-alikes of the
    clerk's workbook; none of the look-alikes once rectxl's record is in it (its marks show
    rectxl's colours)."""
    from rectxl.io.reader import read_ledger

    source = office_ledger(tmp_path / "in")
    seen = hidden_in(source, {"台账"}, ledger_rows(read_ledger(source)))["台账"]
    assert seen.lookalike == frozenset({"G5", "I3"})
    assert seen.painted_over("F5") and not seen.painted_over("F3") and not seen.painted_over("C3")
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    assert hidden_in(marked, {"台账"})["台账"].lookalike == frozenset()


def test_whole_columns_and_rows_and_theme_colours_count_as_cover() -> None:
    """sqref J:J and 7:7 (as Excel writes a rule over a whole column or row); a dxf filled in a
    theme colour; a rule over a dxf with a font only does not cover."""
    from rectxl.io.cond_formats import dxf_fills, painted_ranges

    styles = (b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dxfs count="2">'
              b'<dxf><fill><patternFill><bgColor theme="5" tint="0.6"/></patternFill></fill></dxf>'
              b'<dxf><font><b/></font></dxf></dxfs></styleSheet>')
    fills = dxf_fills(styles)
    assert fills == ["", None]
    sheet = (b"<worksheet><sheetData/>"
             b'<conditionalFormatting sqref="J:J 7:7"><cfRule type="expression" dxfId="0" priority="1">'
             b"<formula>TRUE</formula></cfRule></conditionalFormatting>"
             b'<conditionalFormatting sqref="A1:B2"><cfRule type="expression" dxfId="1" priority="2">'
             b"<formula>TRUE</formula></cfRule></conditionalFormatting></worksheet>")
    assert painted_ranges(sheet, fills) == [(1, 1_048_576, 9, 9), (7, 7, 0, 16_383)]


def test_the_cli_says_how_many_marks_a_format_may_cover(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rectxl.cli.commands import main

    source = office_ledger(tmp_path / "in")
    assert main(["annotate", str(source), "-o", str(tmp_path / "标记.xlsx"), "--as-of", AS_OF.isoformat()]) in (0, 1)
    out = capsys.readouterr().out
    assert "7 个问题单元格已标色" in out
    # the clerk has a sheet of their own called 校验结果: the message names rectxl's
    assert "其中 2 个单元格设有台账自己的条件格式" in out and "请以“校验结果(rectxl)”工作表为准" in out
    # no such line for a ledger without such formats
    (tmp_path / "plain").mkdir()
    plain = write_simple_ledger(tmp_path / "plain" / "台账.xlsx", ROWS)
    main(["annotate", str(plain), "--as-of", AS_OF.isoformat()])
    assert "条件格式" not in capsys.readouterr().out


def shared_workbook(folder: Path) -> Path:
    """A legacy shared workbook (审阅 → 共享工作簿): revision headers listing the sheets by id."""
    source = write_simple_ledger(folder / "src.xlsx", ROWS)
    headers = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<headers '
        f'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}" '
        'guid="{233BEE23-EB5C-4542-905D-0230EFFED88B}" diskRevisions="1" revisionId="1" version="2">'
        '<header guid="{233BEE23-EB5C-4542-905D-0230EFFED88B}" dateTime="2026-11-18T09:30:00" maxSheetId="2" '
        'userName="巡察办" r:id="rId1"><sheetIdMap count="1"><sheetId val="1"/></sheetIdMap></header></headers>')
    add = {
        "xl/revisions/revisionHeaders.xml": headers.encode(),
        "xl/revisions/revisionLog1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<revisions '
            f'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}"/>').encode(),
        "xl/revisions/_rels/revisionHeaders.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/revisionLog" Target="revisionLog1.xml"/></Relationships>').encode(),
    }

    def edit(name: str, data: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", f'<Relationship Id="rIdRev" Type="{REL}/revisionHeaders" '
                                                     'Target="revisions/revisionHeaders.xml"/></Relationships>'.encode())
        if name == "[Content_Types].xml":
            ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
            return data.replace(b"</Types>", (
                f'<Override PartName="/xl/revisions/revisionHeaders.xml" ContentType="{ct}.revisionHeaders+xml"/>'
                f'<Override PartName="/xl/revisions/revisionLog1.xml" ContentType="{ct}.revisionLog+xml"/>'
                "</Types>").encode())
        return data

    target = folder / "共享台账.xlsx"
    R.rezip(source, target, edit, add)
    source.unlink()
    return target


def test_a_shared_workbook_is_not_marked_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its revision history lists the sheets and Excel allows no charts or merged cells while it is
    shared: --in-place is refused (how to stop sharing said); a copy is written and says so."""
    from rectxl.cli.commands import main

    source = shared_workbook(tmp_path)
    before = source.read_bytes()
    with pytest.raises(RectxlError) as error:
        api.annotate(source, None, OPTS, in_place=True)
    assert "共享工作簿" in str(error.value) and "取消“允许多用户同时编辑”" in str(error.value)
    assert source.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [source.name]
    main(["annotate", str(source), "--as-of", AS_OF.isoformat()])
    out = capsys.readouterr().out
    assert "共享工作簿" in out and "原文件未改动" in out
    marked = source.with_name("共享台账_校验.xlsx")
    assert "共享工作簿" in str(load_workbook(marked)[FINDINGS_SHEET]["A3"].value)
    _, cleared, _ = api.clear(marked, tmp_path / "清除.xlsx")
    assert parts(cleared) == parts(source)


@pytest.mark.parametrize(("name", "lock"), [
    ("台账.xlsx", ".~台账.xlsx"), ("县市场监管局整改台账.xlsx", ".~市场监管局整改台账.xlsx"),
    ("县市场监管局整改台账.xlsx", ".~场监管局整改台账.xlsx"), ("台账.xlsx", ".~lock.台账.xlsx#"),
    ("台账.xlsx", "~$台账.xlsx")])
def test_in_place_is_refused_while_wps_on_linux_has_the_workbook_open(name: str, lock: str, tmp_path: Path) -> None:
    """WPS on Linux (统信 UOS, 麒麟) keeps ``.~`` + the name beside an open workbook (for a longer
    name with its first one or two characters replaced); Excel and WPS on Windows ``~$``,
    LibreOffice ``.~lock.…#``."""
    from rectxl.io.outputs import lock_file

    folder = tmp_path / "in"
    folder.mkdir()
    source = write_simple_ledger(folder / name, ROWS)
    (folder / lock).write_bytes(b"zhangsan")
    assert lock_file(source) == folder / lock
    before = source.read_bytes()
    with pytest.raises(RectxlError, match=f"发现锁定文件 {re.escape(lock)}"):
        api.annotate(source, None, OPTS, in_place=True)
    assert source.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == sorted([lock, name])


def test_checking_wps_on_linuxs_lock_file_says_what_it_is(tmp_path: Path) -> None:
    from rectxl.core.errors import LedgerError

    lock = tmp_path / ".~台账.xlsx"
    lock.write_bytes(b"\x08zhangsan" + b"\x00" * 40)
    with pytest.raises(LedgerError, match=r"临时锁定文件（\.~ 开头），不是台账.*去掉“\.~”的同名台账"):
        api.check(lock, OPTS)
