"""Workbooks as they arrive in the real world, read as Excel reads them (probe z3).

Every variant here is built from the bundled example by rewriting its package parts: valid
SpreadsheetML that Excel and LibreOffice open — a namespace prefix on every element (.NET
OpenXML SDK), attributes in another order and single-quoted, cells without ``r``, rows not in
ascending order, rich-text inline strings, parts with non-standard names — and files whose name
says another format than their content. What a user checks: the same findings (codes and cells)
as the original, a clear Chinese refusal, annotate → clear giving back every part byte for byte.
"""

from __future__ import annotations

import collections
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from rectxl import api
from rectxl.core.errors import LedgerError, RectxlError
from rectxl.core.rules import Options
from rectxl.core.text import col_index
from rectxl.io.reader import read_grids

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "示例台账.xlsx"
LEDGER = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OPTS = Options(as_of=date(2026, 11, 20))

Part = Callable[[str, bytes], "tuple[str, bytes] | None"]


# -- building variants ----------------------------------------------------------------------------

def _rewrite(src: Path, dst: Path, change: Part) -> Path:
    """A copy of package ``src`` at ``dst``, each part through ``change`` (None: left out)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            out = change(info.filename, zin.read(info))
            if out is not None:
                zout.writestr(out[0], out[1])
    return dst


def _only(part: str, fn: Callable[[bytes], bytes]) -> Part:
    return lambda name, data: (name, fn(data) if name == part else data)


def _sheets(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _with_errors(xml: bytes) -> bytes:
    """The ledger with a #N/A in H5 and a formula never computed in J7 (as scripts write them)."""
    xml = re.sub(rb'<c r="H5"([^>]*?) t="inlineStr"><is>.*?</is></c>', rb'<c r="H5"\1 t="e"><v>#N/A</v></c>', xml)
    return re.sub(rb'<c r="J7"([^>]*?) t="inlineStr"><is>.*?</is></c>', rb'<c r="J7"\1><f>K7&amp;""</f></c>', xml)


def _prefixed(xml: bytes, prefix: bytes = b"x") -> bytes:
    """Every unprefixed element put under ``prefix`` (as the .NET OpenXML SDK writes)."""
    xml = re.sub(rb"<(/?)([A-Za-z_][\w.-]*)(?=[\s/>])", lambda m: b"<" + m.group(1) + prefix + b":" + m.group(2), xml)
    return xml.replace(b'xmlns="' + MAIN.encode() + b'"', b"xmlns:" + prefix + b'="' + MAIN.encode() + b'"')


def _loose_cells(xml: bytes) -> bytes:
    """Each cell's attributes reversed and single-quoted, and ``r`` left out where the cell follows
    the one before it (where Excel would place it anyway)."""
    root = etree.fromstring(xml)
    for row in root.iter(f"{{{MAIN}}}row"):
        prev = -1
        for c in row.iter(f"{{{MAIN}}}c"):
            col = col_index(re.match(r"[A-Z]+", c.get("r"))[0])  # type: ignore[index]
            if col == prev + 1:
                del c.attrib["r"]
            prev = col
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def flip(m: re.Match[bytes]) -> bytes:
        attrs = re.findall(rb'([\w:]+)="([^"]*)"', m.group(2))
        return m.group(1) + b"".join(b" " + k + b"='" + v + b"'" for k, v in reversed(attrs)) + m.group(3)
    return re.sub(rb"(<c)((?:\s+[\w:]+=\"[^\"]*\")*)(\s*/?>)", flip, xml)


def _workbook_loose(xml: bytes) -> bytes:
    """workbook.xml prefixed, its relationships prefix spelled ``rel``, ``r:id`` before ``name``."""
    xml = xml.replace(b'xmlns:r="', b'xmlns:rel="').replace(b" r:id=", b" rel:id=")
    xml = re.sub(rb'(<sheet)((?:\s+[\w:]+="[^"]*")*)(\s*/>)',
                 lambda m: m.group(1) + b"".join(reversed(re.findall(rb'\s+[\w:]+="[^"]*"', m.group(2)))) + m.group(3),
                 xml)
    return _prefixed(xml)


def _findings(path: Path) -> set[tuple[str, str, str]]:
    return {(f.code, f.sheet or "", f.cell or "") for f in api.check(path, OPTS).findings}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    return _rewrite(EXAMPLE, folder / "台账.xlsx", _only(LEDGER, _with_errors))


@pytest.fixture(scope="module")
def base_findings(base: Path) -> set[tuple[str, str, str]]:
    found = _findings(base)
    assert ("cell-error", "台账", "H5") in found and ("formula-uncomputed", "台账", "J7") in found
    return found


# -- 1. any spelling of the sheet and workbook XML ------------------------------------------------

VARIANTS: dict[str, Part] = {
    "prefixed sheets": lambda n, d: (n, _prefixed(d) if _sheets(n) else d),
    "prefixed sheets and workbook": lambda n, d: (n, _prefixed(d) if _sheets(n) else
                                                  _workbook_loose(d) if n == "xl/workbook.xml" else d),
    "attributes reversed, single quotes, no r": _only(LEDGER, _loose_cells),
    "all of them": lambda n, d: (n, _prefixed(_loose_cells(d)) if n == LEDGER else _prefixed(d) if _sheets(n) else
                                 _workbook_loose(d) if n == "xl/workbook.xml" else d),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_any_spelling_gives_the_same_findings(variant: str, base: Path, base_findings: set, tmp_path: Path) -> None:
    path = _rewrite(base, tmp_path / "台账.xlsx", VARIANTS[variant])
    assert _findings(path) == base_findings


def test_hidden_column_is_seen_under_a_prefix(base: Path, tmp_path: Path) -> None:
    def hide(xml: bytes) -> bytes:  # the 佐证材料 column (M) hidden: its header is no ledger column
        return xml.replace(b'<col width="24" customWidth="1" min="13" max="13"/>',
                           b'<col width="24" customWidth="1" min="13" max="13" hidden="1"/>')
    plain = _rewrite(base, tmp_path / "plain.xlsx", _only(LEDGER, hide))
    prefixed = _rewrite(plain, tmp_path / "prefixed.xlsx", lambda n, d: (n, _prefixed(d) if _sheets(n) else d))
    with zipfile.ZipFile(plain) as zf:
        assert b'hidden="1"' in zf.read(LEDGER)
    assert read_grids(prefixed)[0].hidden_cols == read_grids(plain)[0].hidden_cols == {12}
    assert _findings(prefixed) == _findings(plain)


@pytest.mark.parametrize("prefixed", [False, True])
def test_a_stray_far_cell_is_refused_with_or_without_a_prefix(prefixed: bool, base: Path, tmp_path: Path) -> None:
    part = "xl/worksheets/sheet3.xml"

    def stray(xml: bytes) -> bytes:
        # more than a few strays: one alone is read around (tests/test_workbook_round16.py)
        return xml.replace(b"</sheetData>", b"".join(b'<row r="%d"><c r="XFD%d" t="n"><v>1</v></c></row>' % (r, r)
                                                     for r in range(5000, 5030)) + b"</sheetData>")
    path = _rewrite(base, tmp_path / "台账.xlsx",
                    lambda n, d: (n, _prefixed(stray(d)) if prefixed and n == part else stray(d) if n == part
                                  else _prefixed(d) if prefixed and _sheets(n) else d))
    with pytest.raises(LedgerError, match="数据区域过大"):
        read_grids(path)


# -- 2. rows not in ascending order ---------------------------------------------------------------

def _reversed_rows(xml: bytes) -> bytes:
    """The rows below the header written last first (valid XML; some writers do it)."""
    start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
    rows = re.findall(rb"<row\b.*?</row>|<row\b[^>]*/>", xml[start:end], re.S)
    assert b"".join(rows) == xml[start:end]
    return xml[:start] + b"".join(rows[:2] + rows[:1:-1]) + xml[end:]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _styled(xml: bytes) -> dict[str, bytes]:
    return {m.group(1).decode(): m.group(2) for m in re.finditer(rb'<c r="([A-Z]+\d+)"[^>]*?\ss="(\d+)"', xml)}


def test_annotate_on_unordered_rows_marks_the_right_cells(base: Path, tmp_path: Path) -> None:
    unordered = _rewrite(base, tmp_path / "乱序.xlsx", _only(LEDGER, _reversed_rows))
    assert _findings(unordered) == _findings(base)
    _, marked_plain, _ = api.annotate(base, tmp_path / "plain_标记.xlsx", OPTS)
    _, marked, _ = api.annotate(unordered, tmp_path / "乱序_标记.xlsx", OPTS)
    xml = _parts(marked)[LEDGER]
    numbers = [int(n) for n in re.findall(rb'<row\b[^>]*?\br="(\d+)"', xml)]
    assert not [n for n, k in collections.Counter(numbers).items() if k > 1]  # no duplicate rows
    assert len(numbers) == len(re.findall(rb"<row\b", _parts(unordered)[LEDGER]))
    assert _styled(xml) == _styled(_parts(marked_plain)[LEDGER])  # the same cells, the same formats
    _, cleared, _ = api.clear(marked, tmp_path / "乱序_清除.xlsx")
    assert _parts(cleared) == _parts(unordered)


def test_a_missing_row_goes_in_its_place_among_unordered_rows() -> None:
    from rectxl.io.sheet_cells import locate, restyle

    xml = (b'<worksheet xmlns="' + MAIN.encode() + b'"><sheetData><row r="9"><c r="A9"/></row>'
           b'<row r="3"><c r="C3"/><c r="A3"/></row><row r="5"><c r="A5"/></row></sheetData></worksheet>')
    spots = locate(xml, ["A3", "B3", "A4", "A5", "A10"])
    out, _changes = restyle(xml, spots, {"A3": 7, "B3": 7, "A4": 7, "A5": 7, "A10": 7})
    rows = re.findall(rb'<row r="(\d+)"', out)
    assert rows == [b"9", b"3", b"4", b"5", b"10"]
    assert b'<row r="3"><c r="B3" s="7"/><c r="C3"/><c r="A3" s="7"/></row>' in out


# -- 3. rich-text inline strings are no formulas --------------------------------------------------

def _rich(xml: bytes) -> bytes:
    """Every inline string as rich text runs (digits in Calibri, the rest in 宋体), as WPS writes."""
    def runs(m: re.Match[bytes]) -> bytes:
        return (b"<is><r><rPr><rFont val=\"Calibri\"/><family val=\"2\"/><sz val=\"11\"/></rPr><t></t></r>"
                b"<r><rPr><rFont val=\"\xe5\xae\x8b\xe4\xbd\x93\"/><charset val=\"134\"/><family val=\"3\"/>"
                b"<color rgb=\"FF000000\"/></rPr><t" + m.group(1) + b"</t></r></is>")
    return re.sub(rb"<is><t(.*?)</t></is>", runs, xml, flags=re.S)


@pytest.mark.parametrize("prefixed", [False, True])
def test_rich_text_runs_are_not_taken_for_formulas(prefixed: bool, base: Path, base_findings: set,
                                                   tmp_path: Path) -> None:
    path = _rewrite(base, tmp_path / "台账.xlsx",
                    lambda n, d: (n, (_prefixed(_rich(d)) if prefixed else _rich(d)) if _sheets(n) else d))
    with zipfile.ZipFile(path) as zf:
        assert b"<family" in zf.read(LEDGER) or b"<x:family" in zf.read(LEDGER)
    assert _findings(path) == base_findings


# -- 4. the format by content, parts by their relationships ---------------------------------------

def _renamed_parts(wb: str | None, sst: str | None) -> Part:
    """The workbook part (and the shared strings) under other names, the relationships following."""
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if sst and name == "xl/sharedStrings.xml":
            name = sst
        if sst and name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b'Target="sharedStrings.xml"', f'Target="{sst.removeprefix("xl/")}"'.encode())
        if wb and name == "xl/workbook.xml":
            name = wb
        elif wb and name == "xl/_rels/workbook.xml.rels":
            name = f"xl/_rels/{wb.rsplit('/', 1)[1]}.rels"
        elif wb and name == "_rels/.rels":
            data = data.replace(b'Target="xl/workbook.xml"', f'Target="/{wb}"'.encode())
        elif wb and name == "[Content_Types].xml":
            data = data.replace(b'PartName="/xl/workbook.xml"', f'PartName="/{wb}"'.encode())
        return name, data
    return change


def _shared_strings(src: Path, dst: Path) -> Path:
    """``src`` with its inline strings moved into a shared-strings part, as Excel keeps them."""
    strings: dict[bytes, int] = {}

    def share(m: re.Match[bytes]) -> bytes:
        index = strings.setdefault(m.group(2), len(strings))
        return m.group(1) + b't="s"><v>' + str(index).encode() + b"</v></c>"

    with zipfile.ZipFile(src) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    for name in [n for n in parts if _sheets(n)]:
        parts[name] = re.sub(rb'(<c\b[^>]*?)t="inlineStr"><is>(.*?)</is></c>', share, parts[name], flags=re.S)
    sst = b"".join(b"<si>" + text + b"</si>" for text in strings)
    parts["xl/sharedStrings.xml"] = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN.encode()
                                     + f'" count="{len(strings)}" uniqueCount="{len(strings)}">'.encode()
                                     + sst + b"</sst>")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="' + REL.encode()
        + b'/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


def test_workbook_and_shared_strings_under_other_names_are_read(tmp_path: Path) -> None:
    src = _shared_strings(EXAMPLE, tmp_path / "共享字符串.xlsx")
    expected = _findings(src)
    assert expected == _findings(EXAMPLE)
    for i, (wb, sst) in enumerate([("xl/workbook2.xml", None), (None, "xl/SharedStrings1.xml"),
                                   ("xl/main.xml", "xl/strings/text.xml")]):
        path = _rewrite(src, tmp_path / f"改名{i}.xlsx", _renamed_parts(wb, sst))
        with zipfile.ZipFile(path) as zf:
            assert ("xl/workbook.xml" in zf.namelist()) == (wb is None)
        assert _findings(path) == expected
        assert [g.rows for g in read_grids(path)] == [g.rows for g in read_grids(src)]


def _ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet."""
    rows = [["问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            ["1.学习不深入", "一是组织专题学习", "办公室", "2026年6月30日", "正在推进"]]
    body = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in row)
        + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="台账">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_named_xlsx_is_read_as_ods(tmp_path: Path) -> None:
    ods = _ods(tmp_path / "台账.ods")
    renamed = tmp_path / "台账.xlsx"
    renamed.write_bytes(ods.read_bytes())
    assert [g.rows for g in read_grids(renamed)] == [g.rows for g in read_grids(ods)]
    assert read_grids(renamed)[0].rows[1][2] == "办公室"
    with pytest.raises(RectxlError, match=r"实际是 \.ods 格式"):
        api.annotate(renamed, tmp_path / "标记.xlsx", OPTS)


TEXT = "问题,整改措施,责任单位,整改时限,整改状态\n1.学习不深入,一是组织专题学习,办公室,2026年6月30日,正在推进\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("gbk"),
    b"\xef\xbb\xbf" + TEXT.encode(),
    TEXT.replace(",", "\t").encode("gbk"),
], ids=["CSV GBK", "CSV UTF-8", "制表符 GBK"])
def test_a_text_table_named_xls_is_read_as_excel_opens_it(data: bytes, tmp_path: Path) -> None:
    """A business system's text export under an .xls name (it used to be refused): read as one sheet."""
    path = tmp_path / "导出.xls"
    path.write_bytes(data)
    (grid,) = read_grids(path)
    assert grid.name == "导出"
    assert grid.rows == [["问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                         ["1.学习不深入", "一是组织专题学习", "办公室", "2026年6月30日", "正在推进"]]


def test_spreadsheetml_2003_named_xls_is_read_sheet_by_sheet(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    path.write_text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台账"><Table>'
                    '<Row><Cell><Data ss:Type="String">问题</Data></Cell></Row></Table></Worksheet></Workbook>',
                    encoding="utf-8")
    assert [(g.name, g.rows) for g in read_grids(path)] == [("台账", [["问题"]])]


def test_annotate_names_an_xlsx_named_xls(base: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "台账.xls"
    renamed.write_bytes(base.read_bytes())
    assert _findings(renamed) == _findings(base)
    with pytest.raises(RectxlError, match=r"实际是 \.xlsx 格式，只是扩展名为 \.xls"):
        api.annotate(renamed, tmp_path / "标记.xlsx", OPTS)


# -- 5. the minor ones ----------------------------------------------------------------------------

def test_a_truncated_file_beside_a_lock_file_may_still_be_open(base: Path, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(base.read_bytes()[: base.stat().st_size // 2])
    with pytest.raises(LedgerError, match="已损坏"):
        read_grids(path)
    (tmp_path / "~$台账.xlsx").write_bytes(b"\x00" * 165)
    with pytest.raises(LedgerError, match="可能仍在 Excel、WPS 或 LibreOffice 中打开"):
        read_grids(path)
