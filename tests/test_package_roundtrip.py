"""annotate and --clear edit the workbook package: every part rectxl does not own comes through
byte for byte, and clearing gives back the very same parts (DESIGN.md §6, issue 12)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl.core.errors import LedgerError, RectxlError
from rectxl.core.names import FINDINGS_SHEET, MARKS_SHEET, SUMMARY_SHEETS
from rectxl.core.rules import Options
from rectxl.core.sheets import HIGHLIGHTS
from rectxl.io.package import Package
from rectxl.io.sheet_cells import locate, restore, restyle, tidy_rows
from tests import realworld_workbooks as R
from tests.ledgers import MESSY_AS_OF
from tests.workbook_compare import soffice, soffice_convert

OPTS = Options(as_of=MESSY_AS_OF)
#: the parts annotate may change in a user's workbook (everything else is copied raw)
EDITED = {R.LEDGER_PART, "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")

BUILDERS: dict[str, Callable[[Path], Path]] = {
    "openpyxl": R.openpyxl_saved,
    "libreoffice": R.libreoffice_saved,
    "hand-edited": R.hand_edited,
    "strict": R.strict_ooxml,
}


def _build(name: str, folder: Path) -> Path:
    if name == "libreoffice" and soffice() is None:
        pytest.skip("LibreOffice not installed")
    return BUILDERS[name](folder)


def _infos(path: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as zf:
        return zf.infolist()


def _raw(path: Path, info: zipfile.ZipInfo) -> bytes:
    """A member's compressed bytes, as stored."""
    with path.open("rb") as fh:
        fh.seek(info.header_offset + 26)
        n, m = int.from_bytes(fh.read(2), "little"), int.from_bytes(fh.read(2), "little")
        fh.seek(info.header_offset + 30 + n + m)
        return fh.read(info.compress_size)


def _findings(path: Path) -> list[tuple[str, str | None, str | None, str]]:
    return [(f.code, f.cell, str(f.value), f.message) for f in api.check(path, OPTS).findings]


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_annotate_then_clear_gives_back_every_part(kind: str, tmp_path: Path) -> None:
    source = _build(kind, tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    assert R.parts(annotated) != R.parts(source)
    restored, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    assert restored > 0
    before, after = R.parts(source), R.parts(cleared)
    assert list(after) == list(before)  # same parts, same order
    assert [n for n in before if before[n] != after[n]] == []  # byte-identical (styles.xml included)
    assert [(i.filename, i.compress_type) for i in _infos(cleared)] == \
        [(i.filename, i.compress_type) for i in _infos(source)]


def test_annotate_changes_only_what_rectxl_owns(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    src_infos = {i.filename: i for i in _infos(source)}
    out_infos = _infos(annotated)
    # the user's parts first, in their order; rectxl's appended after them
    assert [i.filename for i in out_infos[: len(src_infos)]] == list(src_infos)
    for info in out_infos[: len(src_infos)]:
        original = src_infos[info.filename]
        assert info.compress_type == original.compress_type and info.date_time == original.date_time
        if info.filename in EDITED:
            continue
        # copied raw: the very same compressed bytes
        assert _raw(annotated, info) == _raw(source, original), info.filename
    for name in R.CARRIED_PARTS:
        assert name in src_infos
    # what Excel, WPS and openpyxl would lose is still in the ledger sheet
    sheet = R.parts(annotated)[R.LEDGER_PART]
    for marker in (b"_xlfn.DISPIMG", b'vm="1"', b"x14:dataValidations", b"x14:sparklineGroups",
                   b'r:id="rIdPs1"', b'<picture r:id="rIdBg1"/>', b"<f>"):
        assert marker in sheet, marker
    book = R.parts(annotated)["xl/workbook.xml"]
    assert b'readOnlyRecommended="1"' in book


def test_the_ledger_sheet_changes_only_in_style_attributes(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)

    def without_styles(xml: bytes) -> bytes:
        xml = re.sub(rb'<c r="[A-Z]+\d+" s="\d+"/>', b"", xml)  # cells rectxl created
        return re.sub(rb' s="\d+"', b"", xml)

    before = R.parts(source)[R.LEDGER_PART]
    after = R.parts(annotated)[R.LEDGER_PART]
    assert before != after
    assert without_styles(after) == without_styles(before)


def test_flagged_cells_missing_from_the_xml_are_created_and_removed_again(tmp_path: Path) -> None:
    from tests.ledgers import write_messy_ledger

    source = write_messy_ledger(tmp_path / "messy.xlsx")  # empty cells are not in its XML at all
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    before, after = R.parts(source)["xl/worksheets/sheet1.xml"], R.parts(annotated)["xl/worksheets/sheet1.xml"]
    created = [ref for ref in re.findall(rb'<c r="([A-Z]+\d+)" s="\d+"/>', after) if b'r="' + ref + b'"' not in before]
    assert created
    _, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(source)


def test_check_after_annotate_in_place_gives_the_same_findings(tmp_path: Path) -> None:
    built = R.hand_edited(tmp_path / "in", own_sheet=False)
    # without its "read-only recommended" flag (with it --in-place is refused, see
    # tests/test_annotate_workflows.py)
    source = R.rezip(built, tmp_path / "in" / "台账_可改.xlsx", lambda name, data: data.replace(
        b'<fileSharing readOnlyRecommended="1"/>', b"") if name == "xl/workbook.xml" else data)
    cells = R.flagged_cells(R.openpyxl_saved(tmp_path / "ref", decorate=False))
    before = _findings(source)
    # the formula-fed deadline is read from its cached value, and flagged
    assert any(cell == cells["due_soon_deadline"] for _code, cell, _v, _m in before)
    _, out, backup = api.annotate(source, None, OPTS, in_place=True)
    assert out == source and backup is not None
    assert _findings(source) == before
    restored, _, _ = api.clear(source, None, in_place=True)
    assert restored > 0 and _findings(source) == before
    assert R.parts(source) == R.parts(backup)


@needs_soffice
@pytest.mark.parametrize("kind", ["hand-edited", "strict"])
def test_libreoffice_opens_the_annotated_workbook(kind: str, tmp_path: Path) -> None:
    source = _build(kind, tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    pdf = soffice_convert(annotated, "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "overdue" in text and "开展保密检查" in text


def test_a_users_sheet_with_rectxls_name_is_never_replaced_or_removed(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    user_part = _sheet_part(source, "整改明细")
    user_xml = R.parts(source)[user_part]
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    assert "整改明细" in wb.sheetnames and "整改明细(rectxl)" in wb.sheetnames
    assert R.parts(annotated)[user_part] == user_xml
    assert wb["整改明细(rectxl)"]["A2"].value == "层级"
    note = " ".join(str(v) for row in wb[FINDINGS_SHEET].iter_rows(max_row=3, values_only=True) for v in row if v)
    assert "“整改明细”改名为“整改明细(rectxl)”" in note
    _, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    names = load_workbook(cleared).sheetnames
    assert "整改明细" in names and "整改明细(rectxl)" not in names
    assert R.parts(cleared)[user_part] == user_xml


def test_check_ignores_rectxls_renamed_sheets(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    before = _findings(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    assert _findings(annotated) == before


def _sheet_part(path: Path, name: str) -> str:
    from rectxl.io.workbook_parts import Book

    with Package(path) as pkg:
        ref = Book(pkg).sheet(name)
        assert ref is not None and ref.part is not None
        return ref.part


def test_clear_on_a_workbook_rectxl_never_marked_deletes_nothing(tmp_path: Path) -> None:
    source = R.openpyxl_saved(tmp_path)  # has the user's own 整改明细
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RectxlError, match=r"没有 rectxl 的标记，无需清除.*整改明细.*未删除"):
        api.clear(source, tmp_path / "清除.xlsx")
    with pytest.raises(RectxlError, match="没有 rectxl 的标记"):
        api.clear(source, None, in_place=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, no backup
    assert "整改明细" in load_workbook(source).sheetnames


def test_clear_keeps_a_fill_the_user_changed_after_annotate(tmp_path: Path) -> None:
    source = R.openpyxl_saved(tmp_path / "in")
    cells = R.flagged_cells(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    # the clerk re-colours one flagged cell and saves (the whole file rewritten, formats renumbered)
    wb = load_workbook(annotated)
    wb["台账"][cells["missing_owner"]].fill = PatternFill("solid", fgColor="92D050")
    resaved = tmp_path / "改色.xlsx"
    wb.save(resaved)
    _, cleared, _ = api.clear(resaved, tmp_path / "清除.xlsx")
    original, result = load_workbook(source)["台账"], load_workbook(cleared)
    ws = result["台账"]
    assert ws[cells["missing_owner"]].fill.fgColor.rgb.endswith("92D050")  # the clerk's colour kept
    def fill(cell):  # type: ignore[no-untyped-def]
        return cell.fill.fill_type, cell.fill.fgColor.rgb

    assert fill(ws[cells["due_soon_deadline"]]) == fill(original[cells["due_soon_deadline"]])
    assert ws[cells["overdue_deadline"]].fill.tagname == "gradientFill"  # the gradient back
    assert ws["I5"].fill.fgColor.rgb.endswith("00B050")
    assert FINDINGS_SHEET not in result.sheetnames and "整改明细" in result.sheetnames


def test_clear_keeps_a_format_changed_without_a_resave(tmp_path: Path) -> None:
    source = R.openpyxl_saved(tmp_path / "in")
    cells = R.flagged_cells(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    ref = cells["due_soon_deadline"]
    changed = R.rezip(annotated, tmp_path / "改.xlsx", lambda name, data: re.sub(
        rb'(<c r="' + ref.encode() + rb'"[^>]*?) s="\d+"', rb'\1 s="0"', data) if name == R.LEDGER_PART else data)
    restored, cleared, _ = api.clear(changed, tmp_path / "清除.xlsx")
    xml = R.parts(cleared)[R.LEDGER_PART]
    assert re.search(rb'<c r="' + ref.encode() + rb'" s="0"', xml)
    before = R.parts(source)[R.LEDGER_PART]
    cell = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*>')
    assert cell.sub(b"", xml) == cell.sub(b"", before)  # every other cell exactly as it was
    assert restored == len(_record(annotated)) - 1


def _record(path: Path) -> list[tuple[str, ...]]:
    wb = load_workbook(path)
    assert wb[MARKS_SHEET].sheet_state == "veryHidden"
    return [tuple(str(v or "") for v in row) for row in wb[MARKS_SHEET].iter_rows(min_row=3, values_only=True)]


def test_the_record_lists_cells_and_sheets(tmp_path: Path) -> None:
    source = R.openpyxl_saved(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    rows = list(wb[MARKS_SHEET].iter_rows(values_only=True))
    assert rows[0] == ("sheet", "cell", "original_fill")  # the form the Excel add-in reads
    head = json.loads(rows[1][2])
    assert [name for name, _id in head["sheets"]] == [FINDINGS_SHEET, "整改总体情况", "整改明细(rectxl)",
                                                      "责任单位统计", "逾期清单"]
    cells = {r[1]: json.loads(r[2]) for r in rows[2:]}
    gradient = cells[R.flagged_cells(source)["overdue_deadline"]]
    assert gradient["fill_type"] == "gradient" and "gradientFill" in gradient["fill"]
    warning = next(h for h in HIGHLIGHTS if h.key == "warning")
    assert warning.color in {c["h"] for c in cells.values()}  # warnings get the light colour
    legend = [v for v in next(r for r in wb[FINDINGS_SHEET].iter_rows(values_only=True)
                              if r[0] and str(r[0]).startswith("标记颜色")) if v]
    assert warning.label in legend


def test_annotate_twice_then_clear_is_byte_identical(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    _, first, _ = api.annotate(source, tmp_path / "一.xlsx", OPTS)
    _, second, _ = api.annotate(first, tmp_path / "二.xlsx", OPTS)
    assert len(load_workbook(second).sheetnames) == len(load_workbook(first).sheetnames)
    assert R.parts(second)["xl/styles.xml"] == R.parts(first)["xl/styles.xml"]  # formats do not pile up
    _, cleared, _ = api.clear(second, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(source)


def test_marks_of_an_earlier_rectxl_are_cleared(tmp_path: Path) -> None:
    """A record written by the openpyxl-era CLI or the Excel add-in: fills as JSON, no sheet list."""
    source = R.openpyxl_saved(tmp_path / "in", decorate=False)
    cells = R.flagged_cells(source)
    wb = load_workbook(source)
    ws = wb["台账"]
    ws[cells["owner_ok"]].fill = PatternFill("solid", fgColor="FFC000")  # the clerk's own fill
    records = [["sheet", "cell", "original_fill"]]
    for key, color in (("overdue_deadline", "FF7C80"), ("owner_ok", "F4B183")):
        fill = ws[cells[key]].fill
        records.append(["台账", cells[key], json.dumps({
            "fill_type": fill.fill_type,
            "fg": {"type": "rgb", "value": fill.fgColor.rgb, "tint": 0} if fill.fill_type else None,
            "bg": None})])
        ws[cells[key]].fill = PatternFill("solid", fgColor=color)
    wb.create_sheet(FINDINGS_SHEET).append(["台账校验结果"])
    own = wb.create_sheet("整改明细")
    own.append(["本单位自己的表"])
    marks = wb.create_sheet(MARKS_SHEET)
    for row in records:
        marks.append(row)
    marks.sheet_state = "hidden"  # as the Excel add-in leaves it
    legacy = tmp_path / "旧标记.xlsx"
    wb.save(legacy)
    restored, cleared, _ = api.clear(legacy, tmp_path / "清除.xlsx")
    assert restored == 2
    out = load_workbook(cleared)
    assert out.sheetnames == ["台账", "基本信息", "责任单位名录", "填写说明", "整改明细"][: len(out.sheetnames)] \
        or "整改明细" in out.sheetnames
    assert FINDINGS_SHEET not in out.sheetnames and MARKS_SHEET not in out.sheetnames
    assert "整改明细" in out.sheetnames  # not provably rectxl's: kept
    assert out["台账"][cells["owner_ok"]].fill.fgColor.rgb.endswith("FFC000")
    assert out["台账"][cells["overdue_deadline"]].fill.fill_type is None


def test_clear_refuses_a_hostile_package(tmp_path: Path) -> None:
    from tests.test_hostile import billion_laughs

    path = billion_laughs(tmp_path)
    with pytest.raises(LedgerError, match="XML 实体声明"):
        api.clear(path, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_summary_sheets_in_the_ledger_match_the_summary_workbook(tmp_path: Path) -> None:
    """One layout, two writers: the sheets annotate writes as XML and the ones openpyxl writes
    for ``rectxl summary`` look the same (values, bold, fills, number formats, merges, heights,
    widths, panes, printing)."""
    source = R.openpyxl_saved(tmp_path / "in", decorate=False)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    _, summary = api.summary_workbook(source, tmp_path / "汇总.xlsx", OPTS)
    a, s = load_workbook(annotated), load_workbook(summary)
    for name in SUMMARY_SHEETS:
        assert _look(a[name]) == _look(s[name]), name
    assert a["整改总体情况"]._charts and s["整改总体情况"]._charts


def _look(ws):  # type: ignore[no-untyped-def]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            fill = c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None
            cells[c.coordinate] = (c.value, bool(c.font.b), fill, c.number_format if c.value is not None else None,
                                   bool(c.alignment.wrap_text), c.font.color.rgb[-6:] if c.font.color is not None
                                   and isinstance(c.font.color.rgb, str) else None)
    return {
        "cells": {k: v for k, v in cells.items() if v != (None, False, None, None, False, None)},
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
        "levels": {k: d.outline_level for k, d in ws.row_dimensions.items() if d.outline_level},
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "print": (ws.page_setup.orientation, str(ws.page_setup.paperSize), ws.page_setup.fitToWidth,
                  ws.print_title_rows, ws.print_options.horizontalCentered),
    }


def test_cells_and_rows_are_created_and_removed_exactly() -> None:
    xml = (b'<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1" s="3" t="s"><x:v>0</x:v></x:c>'
           b'<x:c r="C1" /></x:row><!-- <x:row r="2"><x:c r="A2"/></x:row> --><x:row r="3" /><x:row r="5" '
           b'spans="1:2"><x:c r="B5"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    refs = ["A1", "B1", "D1", "C1", "A3", "A2", "B2", "A9", "A5", "C5"]
    spots = locate(xml, refs)
    styled, changes = restyle(xml, spots, {r: 10 + i for i, r in enumerate(refs)})
    assert b'<x:row r="2"><x:c r="A2" s="15"/><x:c r="B2" s="16"/></x:row>' in styled
    assert b'<x:c r="A1" s="10" t="s">' in styled and b'<x:row r="3" ><x:c r="A3" s="14"/></x:row>' in styled
    again = locate(styled, refs)
    back = restore(styled, again, {c.ref: c.original for c in changes}, {c.ref for c in changes if c.created})
    back = tidy_rows(back, {int(c.ref[1:]): c.created for c in changes if c.created in (2, 3)})
    assert back == xml


def test_the_package_writer_copies_members_raw(tmp_path: Path) -> None:
    source = R.hand_edited(tmp_path / "in")
    copy = tmp_path / "copy.xlsx"
    with Package(source) as pkg:
        pkg.write("xl/new.xml", b"<x/>")
        pkg.remove("xl/new.xml")
        pkg.save(copy)
    with zipfile.ZipFile(copy) as zf:
        assert zf.testzip() is None
    assert [(_raw(copy, i), i.filename, i.compress_type, i.date_time) for i in _infos(copy)] == \
        [(_raw(source, i), i.filename, i.compress_type, i.date_time) for i in _infos(source)]
    # a zip written with data descriptors (a streaming writer) is copied too
    streamed = tmp_path / "streamed.xlsx"
    with zipfile.ZipFile(source) as zin, streamed.open("wb") as raw:
        class Unseekable:
            def __init__(self) -> None:
                self.n = 0

            def write(self, b: bytes) -> int:
                self.n += len(b)
                return raw.write(b)

            def flush(self) -> None:
                raw.flush()

            def tell(self) -> int:
                return self.n

        with zipfile.ZipFile(Unseekable(), "w", zipfile.ZIP_DEFLATED) as zout:  # type: ignore[arg-type]
            for info in zin.infolist():
                zout.writestr(info.filename, zin.read(info))
    assert any(i.flag_bits & 0x08 for i in _infos(streamed))
    _, annotated, _ = api.annotate(streamed, tmp_path / "标记.xlsx", OPTS)
    _, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(streamed)


def test_cli_annotate_a_workbook_with_a_chart_and_a_libreoffice_drawing(tmp_path: Path) -> None:
    """What the openpyxl-era writer refused (charts, pictures, LibreOffice's empty drawing part)
    is now simply kept."""
    import sys

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    source = R.libreoffice_saved(tmp_path / "in")
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(source, work / "台账.xlsx")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "annotate", "台账.xlsx", "--as-of", "2023-09-20"],
                          capture_output=True, text=True, cwd=work, timeout=120)
    assert proc.returncode == 1, proc.stderr
    out = work / "台账_校验.xlsx"
    before, after = R.parts(source), R.parts(out)
    drawings = [n for n in before if n.startswith(("xl/drawings/", "xl/charts/", "xl/comments"))]
    assert drawings and all(after[n] == before[n] for n in drawings)


def _sort_rows_as_excel_does(path: Path, first: int, last: int, out: Path) -> None:
    """Excel's 排序: the rows ``first``–``last`` of 台账 reversed, each cell taking its value and its
    format along (saved by openpyxl, which renumbers the formats as Excel's save does)."""
    from copy import copy

    wb = load_workbook(path)
    ws = wb["台账"]
    rows = [[(c.value, copy(c._style)) for c in ws[r]] for r in range(first, last + 1)]
    for r, cells in zip(range(first, last + 1), reversed(rows), strict=True):
        for c, (value, style) in enumerate(cells, start=1):
            ws.cell(r, c).value = value
            ws.cell(r, c)._style = style
    wb.save(out)


def test_clear_follows_marks_that_moved_with_a_sort(tmp_path: Path) -> None:
    """标记 → the clerk sorts the table → 清除标记: every mark is gone wherever its cell went, and
    the cell the user had coloured yellow is yellow again (not left red, not its neighbour)."""
    from datetime import date

    from rectxl.core import fields as F
    from tests.ledgers import write_simple_ledger

    # rows 2–7; the measures still in progress (rows 2, 4 and 6) are overdue and marked red
    rows = [{F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: f"整改措施{n}", F.OWNER_UNIT: "办公室",
             F.OWNER_PERSON: "李四", F.DEADLINE: f"2026年{n}月30日", F.STATUS: "正在推进" if n % 2 else "长期坚持"}
            for n in range(3, 9)]
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows)
    wb = load_workbook(path)
    deadline = wb["台账"][1].index(next(c for c in wb["台账"][1] if c.value == F.DEADLINE)) + 1
    yellow = PatternFill("solid", fgColor="FFFFFF00")
    wb["台账"].cell(4, deadline).fill = yellow  # the user's own colour on 2026年5月30日 (marked red)
    wb.save(path)
    _, annotated, _ = api.annotate(path, tmp_path / "标记.xlsx", Options(as_of=date(2026, 11, 20)))
    sorted_path = tmp_path / "排序后.xlsx"
    _sort_rows_as_excel_does(annotated, 2, 7, sorted_path)
    outcome, cleared, _ = api.clear_marks(sorted_path, tmp_path / "清除.xlsx")
    assert outcome.moved > 0 and outcome.unresolved == []
    ws = load_workbook(cleared)["台账"]
    colors = {h.color.upper() for h in HIGHLIGHTS}
    left = [c.coordinate for row in ws.iter_rows() for c in row
            if c.fill.fill_type == "solid" and str(c.fill.fgColor.rgb)[-6:].upper() in colors]
    assert left == []
    (was_yellow,) = [c for c in next(ws.iter_cols(min_col=deadline, max_col=deadline)) if c.value == "2026年5月30日"]
    assert was_yellow.fill.fill_type == "solid" and str(was_yellow.fill.fgColor.rgb).endswith("FFFF00")
    others = [c for c in next(ws.iter_cols(min_col=deadline, max_col=deadline, min_row=2))
              if c.value != "2026年5月30日"]
    assert all(c.fill.fill_type is None for c in others)


def test_a_marked_cell_not_in_the_file_keeps_its_columns_format(tmp_path: Path) -> None:
    """A blank 责任人 the clerk never typed in is not in the file: it shows its column's format
    (仿宋, a border). Marked, it keeps that format and gains only the fill; cleared, it is gone
    again and the workbook is as it was."""
    from datetime import date

    from openpyxl.styles import Border, Font, Side

    from rectxl.core import fields as F
    from tests.ledgers import write_simple_ledger

    rows = [{F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: "建立学习制度", F.OWNER_UNIT: "办公室",
             F.OWNER_PERSON: None, F.DEADLINE: "2027年6月30日", F.STATUS: "正在推进"}]
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows)
    wb = load_workbook(path)
    ws = wb["台账"]
    column = next(c.column_letter for c in ws[1] if c.value == F.OWNER_PERSON)
    thin = Side(style="thin")
    ws.column_dimensions[column].font = Font(name="仿宋_GB2312", size=14)
    ws.column_dimensions[column].border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(path)
    _, annotated, _ = api.annotate(path, tmp_path / "标记.xlsx", Options(as_of=date(2026, 11, 20)))
    cell = load_workbook(annotated)["台账"][f"{column}2"]
    assert cell.fill.fill_type == "solid"  # marked (missing-owner-person)
    assert cell.font.name == "仿宋_GB2312" and cell.border.left.style == "thin"
    _, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(cleared) as after:
        assert {n: before.read(n) for n in before.namelist()} == {n: after.read(n) for n in after.namelist()}


def test_every_sheet_of_a_ledger_is_marked_and_cleared(tmp_path: Path) -> None:
    """A ledger kept over 台账（一） and 台账（二）: the cells at fault are coloured on both sheets,
    and clearing gives back the workbook as it was, byte for byte."""
    from rectxl.core.sheets import highlight_cells
    from tests.county_ledgers import BUILDERS

    case = BUILDERS["two_sheets"](tmp_path)
    report = api.check(case.path, Options(as_of=case.as_of))
    sheets = {f.sheet for f in report.findings if f.cell and highlight_cells(report, f.sheet or "")}
    assert {"台账（一）", "台账（二）"} <= sheets
    _, annotated, _ = api.annotate(case.path, tmp_path / "标记.xlsx", Options(as_of=case.as_of))
    wb = load_workbook(annotated)
    for sheet in ("台账（一）", "台账（二）"):
        for ref, highlight in highlight_cells(report, sheet).items():
            fill = wb[sheet][ref].fill
            assert fill.fill_type == "solid" and str(fill.fgColor.rgb).endswith(highlight.color.upper()), (sheet, ref)
    _, cleared, _ = api.clear(annotated, tmp_path / "清除.xlsx")
    with zipfile.ZipFile(case.path) as before, zipfile.ZipFile(cleared) as after:
        assert {n: before.read(n) for n in before.namelist()} == {n: after.read(n) for n in after.namelist()}
