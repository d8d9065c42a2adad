"""Workbooks round 13: links whose target is put together, an .xlsb counting from 1904, a picture
in a merged-away cell.

- ``=HYPERLINK("附件\\"&A3&".pdf","查看")`` filled down the 佐证材料 column (one evidence file per
  measure, named after its number): the file it opens is worked out from the row's cells — it had
  been read as the folder ``附件\\`` (.xlsx) or not at all (.xls, .ods, .xlsb), so a missing file
  was never said. ``CONCATENATE(…)`` and a path kept in a helper column (``=HYPERLINK(J3,"查看")``)
  too; Excel keeps a filled-down formula once (a shared formula), LibreOffice's .xls too (SHRFMLA).
- An .xlsb's links (插入 → 超链接: BrtHLink) and HYPERLINK formulas are read as an .xlsx's.
- An .xlsb saved by Excel for Mac (the 1904 date system): calamine counts its dates from 1900, so
  every deadline was four years and a day early (overdue); they read as the days the cells show.
- WPS keeps a 嵌入单元格图片 of a merged 佐证材料 cell in the merged-away cell it was put in; a
  screenshot may be pasted low over a tall merged cell: the picture is the whole merged cell's —
  it had been missing-evidence on each of its rows.

Every workbook is written here from text (SpreadsheetML, OpenDocument XML, BIFF8 and BIFF12 records).
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from rectxl import api
from rectxl.io.link_formula import link_target, moved, parsed_argument
from rectxl.io.reader import read_grids
from rectxl.io.sheet_xml import PICTURE_IN_CELL, PICTURE_OVER_CELL
from tests.test_io_round10 import _label, _rec
from tests.test_io_round11 import (
    BASE,
    DML,
    PICTURE,
    PNG,
    REL,
    ROWS,
    XDR,
    _anchor,
    _brec,
    _findings,
    _ods,
    _rels,
    _wide,
    _wps_picture,
    _xls,
    _xlsb,
    _xlsx,
)

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: each measure's evidence file, named after its 序号 (A3:A7 hold 1 … 5)
FILES = {f"I{r}": f"附件/{r - 2}.pdf" for r in range(3, 8)}


def _missing(path: Path) -> dict[str, str]:
    """Cell → the file evidence-file-missing names there."""
    return {f.cell or "": f.message.split("“")[1].split("”")[0]
            for f in api.check(path).findings if f.code == "evidence-file-missing"}


def _links(path: Path) -> dict[str, str]:
    """Cell → the file its link opens (folders written either way)."""
    return {ref: target.replace("\\", "/") for ref, target in read_grids(path)[0].links.items()}


def _put_files(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"%PDF-1.4")


# -- a link's target put together from the row --------------------------------------------------

def _linked(path: Path, formulas: dict[str, str], extra: dict[str, str] | None = None) -> Path:
    """The ledger with 佐证材料 cells holding the formulas (XML ``<f>`` elements by cell), showing 查看."""
    cells = {ref: f'<c r="{ref}" t="str">{f}<v>查看</v></c>' for ref, f in formulas.items()}
    return _xlsx(path, cells={**cells, **(extra or {})})


@pytest.mark.parametrize("formula", [
    'HYPERLINK("附件\\"&A{r}&".pdf","查看")',
    '_xlfn.HYPERLINK(CONCATENATE("附件/",A{r},".pdf"),"查看")',
    'HYPERLINK( "附件\\" & $A{r} & ".pdf" , "查看" )',
])
def test_a_link_put_together_from_the_rows_number_is_checked_by_its_file(formula: str, tmp_path: Path) -> None:
    """Each evidence cell opens 附件\\<序号>.pdf; only 1.pdf and 3.pdf are there."""
    path = _linked(tmp_path / "台账.xlsx", {f"I{r}": f"<f>{escape(formula.format(r=r))}</f>" for r in range(3, 8)})
    assert _links(path) == FILES
    _put_files(tmp_path, ["附件/1.pdf", "附件/3.pdf"])
    assert _missing(path) == {"I4": "附件/2.pdf", "I6": "附件/4.pdf", "I7": "附件/5.pdf"}
    _put_files(tmp_path, ["附件/2.pdf", "附件/4.pdf", "附件/5.pdf"])
    assert _missing(path) == {}


def test_a_link_filled_down_is_read_at_every_cell(tmp_path: Path) -> None:
    """Excel keeps a formula filled down I3:I7 once, on I3 (``t="shared"``); I4:I7 only name its
    group — each opens its own row's file. A link to a web page filled down is no file."""
    shared = {"I3": '<f t="shared" ref="I3:I7" si="0">HYPERLINK("附件\\"&amp;A3&amp;".pdf","查看")</f>',
              **{f"I{r}": '<f t="shared" si="0"/>' for r in range(4, 8)}}
    path = _linked(tmp_path / "台账.xlsx", shared)
    assert _links(path) == FILES
    _put_files(tmp_path, ["附件/1.pdf", "附件/2.pdf", "附件/3.pdf", "附件/4.pdf"])
    assert _missing(path) == {"I7": "附件/5.pdf"}
    web = {"I3": '<f t="shared" ref="I3:I7" si="0">HYPERLINK("https://pan.example.cn/s/"&amp;A3,"查看")</f>',
           **{f"I{r}": '<f t="shared" si="0"/>' for r in range(4, 8)}}
    assert read_grids(_linked(tmp_path / "网盘.xlsx", web))[0].links == {}


def test_a_link_to_a_path_kept_in_a_helper_column(tmp_path: Path) -> None:
    """=HYPERLINK(J3,"查看"): the path is in J3 (a column right of the ledger)."""
    path = _linked(tmp_path / "台账.xlsx", {"I3": "<f>HYPERLINK(J3,&quot;查看&quot;)</f>"},
                   {"J3": '<c r="J3" t="inlineStr"><is><t>佐证材料\\学习计划.pdf</t></is></c>'})
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _missing(path) == {"I3": "佐证材料/学习计划.pdf"}
    assert _findings(path) == BASE | {("evidence-file-missing", "I3")}


def test_what_a_link_formula_is_worked_out_from() -> None:
    cells = {(2, 0): 1.0, (2, 1): "XC-01", (2, 9): "佐证材料\\a.pdf", (2, 3): None}

    def value(r: int, c: int) -> object:
        return cells.get((r, c), "")

    assert link_target('"附件\\"&A3&".pdf"', value) == "附件\\1.pdf"
    assert link_target('CONCATENATE("附件/",B3,"-",A3,".pdf")', value) == "附件/XC-01-1.pdf"
    assert link_target("J3", value) == "佐证材料\\a.pdf"
    assert link_target('"附件/"&D3&"x.pdf"', value) == "附件/x.pdf"  # an empty cell joins nothing
    for other in ('"附件/"&TEXT(A3,"yyyy年")&".pdf"', '"附件/"&Sheet2!A3', "A3:A5", '"附件/"&LEFT(B3,2)'):
        assert link_target(other, value) is None, other
    assert moved('"A1\\"&A3&$B$3&B$3&$C3', 2, 1) == '"A1\\"&B5&$B$3&C$3&$C5'


def test_an_ods_link_put_together_is_checked_by_its_file(tmp_path: Path) -> None:
    """LibreOffice writes ``of:=HYPERLINK("附件/"&[.A3]&".pdf";"查看")``."""
    cell = ('<table:table-cell table:formula="of:=HYPERLINK(&quot;附件/&quot;&amp;[.A3]&amp;&quot;.pdf&quot;;'
            '&quot;查看&quot;)" office:value-type="string"><text:p>查看</text:p></table:table-cell>')
    path = _ods(tmp_path / "台账.ods", cell)
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _missing(path) == {"I3": "附件/1.pdf"}
    _put_files(tmp_path, ["附件/1.pdf"])
    assert _findings(path) == BASE


# -- .xls: a HYPERLINK formula, filled down (SHRFMLA) -------------------------------------------

def _ptg_str(text: str) -> bytes:
    return bytes([0x17, len(text), 1]) + text.encode("utf-16-le")


#: ="附件\"&A<row>&".pdf" as a shared formula keeps it (ptgRefN: row offset 0, column offset -8)
_SHARED_RGCE = (_ptg_str("附件\\") + bytes([0x4C]) + struct.pack("<hH", 0, 0xC0F8) + b"\x08" + _ptg_str(".pdf")
                + b"\x08" + _ptg_str("查看") + bytes([0x42, 0x02]) + struct.pack("<H", 359))


def _formula(row: int, col: int, rgce: bytes, shown: str = "查看") -> bytes:
    """A FORMULA record with a text result and the STRING record holding it."""
    body = (struct.pack("<HHH", row, col, 15) + b"\x00" * 6 + b"\xff\xff" + struct.pack("<HI", 0x0008, 0)
            + struct.pack("<H", len(rgce)) + rgce)
    return _rec(0x0006, body) + _rec(0x0207, _label(shown))


def test_an_xls_link_formula_filled_down_is_read_at_every_cell(tmp_path: Path) -> None:
    """As LibreOffice saves =HYPERLINK("附件\\"&A3&".pdf","查看") filled down I3:I7: I3's FORMULA
    points (ptgExp) at the SHRFMLA after it; I4:I7 point at it too."""
    exp = b"\x01" + struct.pack("<HH", 2, 8)
    shrfmla = _rec(0x04BC, struct.pack("<HHBBBB", 2, 6, 8, 8, 0, 5) + struct.pack("<H", len(_SHARED_RGCE))
                   + _SHARED_RGCE)
    records = [_formula(2, 8, exp)[:-len(_rec(0x0207, _label("查看")))], shrfmla, _rec(0x0207, _label("查看")),
               *(_formula(r, 8, exp) for r in range(3, 7))]
    path = _xls(tmp_path / "台账.xls", records, i3="")
    assert _links(path) == FILES
    _put_files(tmp_path, ["附件/1.pdf", "附件/2.pdf", "附件/3.pdf", "附件/5.pdf"])
    assert _missing(path) == {"I6": "附件/4.pdf"}


def test_an_xls_link_formula_of_its_own() -> None:
    """A HYPERLINK formula in one cell: its references are the cells they name."""
    rgce = (_ptg_str("附件/") + bytes([0x24]) + struct.pack("<HH", 2, 0xC000) + b"\x08" + _ptg_str(".pdf") + b"\x08"
            + bytes([0x19, 0x40, 0x00, 0x01]) + _ptg_str("查看") + bytes([0x42, 0x02]) + struct.pack("<H", 359))
    assert parsed_argument(rgce, 2, 8) == '"附件/"&A3&".pdf"'
    assert parsed_argument(_SHARED_RGCE, 5, 8) == '"附件\\"&A6&".pdf"'
    assert parsed_argument(_ptg_str("x") + bytes([0x42, 0x01]) + struct.pack("<H", 4), 0, 0) is None  # SUM


# -- .xlsb: links, HYPERLINK formulas, the 1904 date system --------------------------------------

def _xlsb_with(path: Path, cell: bytes = b"", after: bytes = b"", links: list[tuple[str, str]] | None = None,
               rows: dict[int, bytes] | None = None) -> Path:
    """The round-11 .xlsb ledger with I3's text replaced by ``cell`` (a BIFF12 cell record),
    records added at the end of 0-based ``rows``, ``after`` put after the sheet's cells (BrtHLink),
    the sheet's relationships ``links``."""
    base = _xlsb(path.with_name("base_" + path.name), 14)
    with zipfile.ZipFile(base) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.bin"]
    i3 = _brec(6, struct.pack("<II", 8, 0) + _wide("学习计划.pdf"))
    assert i3 in sheet
    sheet = sheet.replace(i3, cell)
    for row, records in (rows or {}).items():
        following = _brec(0, struct.pack("<IIHHBI", row + 1, 0, 300, 0, 0, 0))
        sheet = sheet.replace(following, records + following)
    end = _brec(146) + _brec(130)
    parts["xl/worksheets/sheet1.bin"] = sheet[:-len(end)] + _brec(146) + after + _brec(130)
    if links:
        parts["xl/worksheets/_rels/sheet1.bin.rels"] = (
            f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{rid}" Type="{REL}/hyperlink" Target="{target}" TargetMode="External"/>'
                      for rid, target in links) + "</Relationships>").encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name)
            zf.writestr(info, data)
    base.unlink()
    return path


def _hlink_b(row: int, col: int, rid: str) -> bytes:
    """BrtHLink: the cell, the relationship, no place, tooltip or display text."""
    return _brec(494, struct.pack("<IIII", row, row, col, col) + _wide(rid) + _wide("") + _wide("") + _wide(""))


def test_an_xlsb_link_is_checked_by_the_file_it_opens(tmp_path: Path) -> None:
    """I3 reads 点击查看 and links (插入 → 超链接) to 佐证材料\\佐证2.pdf."""
    shown = _brec(6, struct.pack("<II", 8, 0) + _wide("点击查看"))
    path = _xlsb_with(tmp_path / "台账.xlsb", shown, _hlink_b(2, 8, "rId1"),
                      [("rId1", "%E4%BD%90%E8%AF%81%E6%9D%90%E6%96%99/%E4%BD%90%E8%AF%812.pdf")])
    assert read_grids(path)[0].links == {"I3": "佐证材料/佐证2.pdf"}
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _missing(path) == {"I3": "佐证材料/佐证2.pdf"}
    _put_files(tmp_path, ["佐证材料/佐证2.pdf"])
    assert _missing(path) == {}


def _ptg_str_b(text: str) -> bytes:
    return b"\x17" + struct.pack("<H", len(text)) + text.encode("utf-16-le")


def _fmla_string_b(col: int, rgce: bytes, extra: bytes = b"") -> bytes:
    """BrtFmlaString: the cell, its text result 查看, flags, the parsed formula and its extra bytes."""
    return _brec(8, struct.pack("<II", col, 0) + _wide("查看") + struct.pack("<H", 0) + struct.pack("<I", len(rgce))
                 + rgce + struct.pack("<I", len(extra)) + extra)


#: ="附件\"&A3&".pdf" … in BIFF12: ptgStr (2-byte count), ptgRef (row in 4 bytes), ptgConcat, ptgFuncVar 359
_RGCE_B = (_ptg_str_b("附件\\") + b"\x24" + struct.pack("<IH", 2, 0xC000) + b"\x08" + _ptg_str_b(".pdf") + b"\x08"
           + _ptg_str_b("查看") + bytes([0x42, 0x02]) + struct.pack("<H", 359))


def test_an_xlsb_link_formula_is_checked_by_the_file_it_opens(tmp_path: Path) -> None:
    """I3 holds =HYPERLINK("附件\\"&A3&".pdf","查看")."""
    path = _xlsb_with(tmp_path / "台账.xlsb", _fmla_string_b(8, _RGCE_B))
    assert read_grids(path)[0].links == {"I3": "附件\\1.pdf"}
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _missing(path) == {"I3": "附件/1.pdf"}


def test_an_xlsb_link_formula_filled_down_is_read_at_every_cell(tmp_path: Path) -> None:
    """Filled down I3:I7, the formula is kept once (BrtShrFmla after I3, its references to the
    row's cells relative: ptgRefN, column offset -8); I3, I4 and I6 point at its row (ptgExp)."""
    shared = (_ptg_str_b("附件\\") + b"\x4c" + struct.pack("<iH", 0, 0xFFF8) + b"\x08" + _ptg_str_b(".pdf") + b"\x08"
              + _ptg_str_b("查看") + bytes([0x42, 0x02]) + struct.pack("<H", 359))
    exp = b"\x01" + struct.pack("<I", 2)
    extra_col = struct.pack("<I", 8)  # PtgExtraCol: the formula's column
    shr = _brec(428, struct.pack("<IIII", 2, 6, 8, 8) + struct.pack("<I", len(shared)) + shared + struct.pack("<I", 0))
    path = _xlsb_with(tmp_path / "台账.xlsb", _fmla_string_b(8, exp, extra_col) + shr,
                      rows={3: _fmla_string_b(8, exp, extra_col), 5: _fmla_string_b(8, exp, extra_col)})
    assert _links(path) == {"I3": "附件/1.pdf", "I4": "附件/2.pdf", "I6": "附件/4.pdf"}


def test_an_xlsb_of_the_1904_date_system_reads_its_deadlines(tmp_path: Path) -> None:
    """Excel for Mac's .xlsb: the deadlines (whole days: RK numbers) in a date format with the day.
    They read as in the same ledger counting from 1900 — they had been four years and a day early."""
    _put_files(tmp_path, ["学习计划.pdf", "工作责任清单.docx"])
    mac = _xlsb(tmp_path / "台账.xlsb", 14, None, date1904=True)
    pc = _xlsb(tmp_path / "按1900.xlsb", 14)
    deadlines = [row[6] for row in read_grids(mac)[0].rows[2:]]
    assert deadlines == [row[6] for row in read_grids(pc)[0].rows[2:]]
    assert str(deadlines[0]) == "2024-10-31"
    assert _findings(mac) == _findings(pc) == {("overdue", "G4"), ("overdue", "G6")}
    custom = _xlsb(tmp_path / "自定义.xlsb", 176, 'yyyy"年"m"月"d"日"', date1904=True)
    assert _findings(custom) == {("overdue", "G4"), ("overdue", "G6")}


# -- a picture in a merged-away cell -------------------------------------------------------------

DONE = {("due-soon", "G6")}


def _done_rows() -> list[list[object]]:
    """Rows 3 and 4 done (one issue, I3:I4 merged), no evidence written: only G6 (due soon) is left
    of :data:`BASE`."""
    rows = [list(row) for row in ROWS]
    rows[0][8] = rows[1][8] = ""
    rows[1][7] = "已完成"
    return rows


def test_a_wps_cell_picture_in_a_merged_away_cell_is_the_merged_cells(tmp_path: Path) -> None:
    """WPS keeps the picture of merged I3:I4 in I4 (I3 empty)."""
    merged = '<mergeCells count="1"><mergeCell ref="I3:I4"/></mergeCells>'
    path = _wps_picture(tmp_path / "台账.xlsx", _done_rows(), "I4", merged)
    assert read_grids(path)[0].rows[2][8] == PICTURE_IN_CELL
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _findings(path) == DONE
    unmerged = _wps_picture(tmp_path / "未合并.xlsx", _done_rows(), "I4")
    assert _findings(unmerged) == DONE | {("missing-evidence", "I3")}  # the picture is row 4's alone


def test_a_screenshot_pasted_low_over_a_merged_cell_is_its_evidence(tmp_path: Path) -> None:
    drawing = (f'{DECL}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DML}" xmlns:r="{REL}">'
               f"{_anchor(8, 3, PICTURE.format(id=2))}</xdr:wsDr>")
    path = _xlsx(tmp_path / "台账.xlsx", rows=_done_rows(),
                 sheet_tail='<mergeCells count="1"><mergeCell ref="I3:I4"/></mergeCells><drawing r:id="rId1"/>',
                 sheet_rels=[("rId1", f"{REL}/drawing", "../drawings/drawing1.xml")],
                 parts={"xl/drawings/drawing1.xml": drawing, "xl/media/image1.png": PNG,
                        "xl/drawings/_rels/drawing1.xml.rels": _rels(("rId1", f"{REL}/image", "../media/image1.png"))},
                 types=['<Override PartName="/xl/drawings/drawing1.xml" '
                        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'])
    assert read_grids(path)[0].pictures == {"I3": PICTURE_OVER_CELL}
    _put_files(tmp_path, ["工作责任清单.docx"])
    assert _findings(path) == DONE
