"""What happens to a marked ledger between 标记 and 清除标记 in an office: the clerk fixes the
flagged cells and saves in Excel, WPS or LibreOffice (every save rewrites the styles and may
renumber the sheets), deletes or inserts a sheet, marks again. After annotate → edit → save →
clear every cell shows the fill it had before annotate, rectxl's sheets are gone, and nothing of
the user's is lost. Also: text rectxl writes is the text itself, permissions and protections
are kept, a user's own sheet called ``rectxl标记`` is theirs, and the messages say what happened.

LibreOffice (headless) stands in for "opened and saved by an office program"; openpyxl's re-save
renumbers formats and sheets the same way and runs where LibreOffice is not installed.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.protection import WorkbookProtection

from rectxl import api
from rectxl.cli.commands import main
from rectxl.core import fields as F
from rectxl.core.errors import RectxlError
from rectxl.core.names import FINDINGS_SHEET, MARKS_SHEET, SUMMARY_SHEETS
from rectxl.core.rules import Options
from rectxl.core.sheets import HIGHLIGHTS
from rectxl.io.atomic import atomic_copy
from tests import realworld_workbooks as R
from tests.ledgers import write_simple_ledger
from tests.workbook_compare import soffice, soffice_convert

AS_OF = date(2026, 11, 20)
OPTS = Options(as_of=AS_OF)
LEDGER_PART = "xl/worksheets/sheet1.xml"
RECTXL_COLORS = {h.color.upper() for h in HIGHLIGHTS}
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")

#: I2 (overdue, no fill of its own) and I3 (overdue, the clerk's own yellow) are marked red; F2…F5
#: (no 责任领导) and H4 (no 责任人, a cell not in the file) the owner colour; G3's unit starts with "-"
ROWS = [
    {F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: "建立学习制度", F.OWNER_UNIT: "办公室",
     F.OWNER_PERSON: "李四", F.DEADLINE: "2026年3月30日", F.STATUS: "正在推进"},
    {F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: "开展专题学习", F.OWNER_UNIT: "-计划财务股",
     F.OWNER_PERSON: "王五", F.DEADLINE: "2026年5月30日", F.STATUS: "正在推进"},
    {F.ISSUE_NO: 2, F.ISSUE: "台账管理不规范", F.MEASURE: "完善台账", F.OWNER_UNIT: "办公室",
     F.OWNER_PERSON: None, F.DEADLINE: "2027年6月30日", F.STATUS: "正在推进"},
    {F.ISSUE_NO: 2, F.ISSUE: "台账管理不规范", F.MEASURE: "建立长效机制", F.OWNER_UNIT: "人事股",
     F.OWNER_PERSON: "赵六", F.DEADLINE: "2027年6月30日", F.STATUS: "正在推进"},
]
YELLOW = "FFFF00"
GREEN = "00B050"


def build_ledger(folder: Path, name: str = "台账.xlsx") -> Path:
    """The clerk's ledger: a yellow fill of their own on a deadline rectxl marks red, a green one
    on a cell it does not mark, and a sheet of their own notes."""
    folder.mkdir(parents=True, exist_ok=True)
    path = write_simple_ledger(folder / name, ROWS)
    wb = load_workbook(path)
    ws = wb["台账"]
    ws["I3"].fill = PatternFill("solid", fgColor="FF" + YELLOW)
    ws["E5"].fill = PatternFill("solid", fgColor="FF" + GREEN)
    notes = wb.create_sheet("笔记")
    notes.append(["本单位自己的笔记"])
    wb.save(path)
    return path


def fills(path: Path, sheet: str = "台账") -> dict[str, tuple[str | None, str | None]]:
    """Every cell's fill as a user sees it: (pattern, RRGGBB) — the alpha byte left out, which
    programs write differently for the same colour."""
    ws = load_workbook(path)[sheet]
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill
            if fill.fill_type is None:
                continue
            rgb = fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None
            out[c.coordinate] = (fill.fill_type, rgb[-6:].upper() if rgb else None)
    return out


def rectxl_coloured(path: Path, sheet: str = "台账") -> list[str]:
    return sorted(ref for ref, (kind, rgb) in fills(path, sheet).items() if kind == "solid" and rgb in RECTXL_COLORS)


def values(path: Path, sheet: str = "台账") -> dict[str, Any]:
    ws = load_workbook(path)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def sheet_names(path: Path) -> list[str]:
    return load_workbook(path).sheetnames


def set_texts(src: Path, dst: Path, texts: dict[str, str], part: str = LEDGER_PART) -> Path:
    """The clerk types new text into cells (each keeps its format), as a byte edit of the part."""
    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        for ref, text in texts.items():
            m = re.search(rb'<c r="' + ref.encode() + rb'"([^>]*?)(/>|>.*?</c>)', data, re.S)
            assert m, ref
            attrs = re.sub(rb'\st="[^"]*"', b"", m.group(1))
            cell = (b'<c r="' + ref.encode() + b'"' + attrs + b' t="inlineStr"><is><t>' + text.encode("utf-8")
                    + b"</t></is></c>")
            data = data[: m.start()] + cell + data[m.end():]
        return data
    return R.rezip(src, dst, edit)


def lo_save(path: Path, folder: Path) -> Path:
    """Opened and saved by LibreOffice (formats renumbered, sheets renumbered, shared strings)."""
    out = soffice_convert(path, "xlsx", folder)
    target = folder / ("lo_" + path.name)
    out.rename(target)
    return target


def record_rows(path: Path) -> list[tuple[Any, ...]]:
    wb = load_workbook(path)
    name = next(n for n in wb.sheetnames if n.startswith(MARKS_SHEET) and wb[n].sheet_state != "visible")
    return list(wb[name].iter_rows(values_only=True))


def cli(*args: str) -> int:
    return main(list(args))


# -- 1. fixed cells, saved by an office program, cleared -------------------------------------------


@pytest.mark.parametrize("saver", ["none", "openpyxl", "libreoffice"])
def test_cells_the_clerk_fixed_get_their_own_fill_back(saver: str, tmp_path: Path) -> None:
    """The clerk fixes both red deadlines (one had their own yellow) and saves; 清除标记 gives
    each cell its fill from before 标记 — not rectxl's red, whatever the text is now."""
    source = build_ledger(tmp_path / "in")
    before = fills(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    assert {"I2", "I3"} <= set(rectxl_coloured(annotated))
    fixed = set_texts(annotated, tmp_path / "已改.xlsx", {"I2": "延期至2027年3月底", "I3": "2027年6月30日"})
    if saver == "openpyxl":
        wb = load_workbook(fixed)
        wb.save(fixed)
    elif saver == "libreoffice":
        if soffice() is None:
            pytest.skip("LibreOffice not installed")
        fixed = lo_save(fixed, tmp_path / "lo")
    outcome, cleared, _ = api.clear_marks(fixed, tmp_path / "清除.xlsx")
    assert outcome.unresolved == [] and outcome.moved == 0
    assert fills(cleared) == before  # the yellow back on I3, nothing left red on I2
    assert rectxl_coloured(cleared) == []
    assert values(cleared)["I2"] == "延期至2027年3月底"  # the clerk's text kept
    assert sheet_names(cleared) == ["台账", "笔记"]  # rectxl's sheets and its record gone


def test_a_fixed_cell_keeps_the_rest_of_its_new_format(tmp_path: Path) -> None:
    """The clerk fixes a cell and also makes it bold (its format changes, saved by Excel or
    openpyxl): the fill goes back to what it was, the bold stays."""
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    cell = wb["台账"]["I3"]
    cell.value = "2027年6月30日"
    cell.font = Font(bold=True)
    wb.save(tmp_path / "已改.xlsx")
    _, cleared, _ = api.clear_marks(tmp_path / "已改.xlsx", tmp_path / "清除.xlsx")
    ws = load_workbook(cleared)["台账"]
    assert ws["I3"].font.b and fills(cleared)["I3"] == ("solid", YELLOW)


@needs_soffice
def test_marking_again_after_a_libreoffice_save_leaves_no_stale_colour(tmp_path: Path) -> None:
    """标记 → fix → save in LibreOffice → 标记 again → 清除标记: the ledger's fills as before
    the first 标记, and the second 标记 coloured only what is still wrong."""
    source = build_ledger(tmp_path / "in")
    before = fills(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    fixed = lo_save(set_texts(annotated, tmp_path / "已改.xlsx", {"I2": "2027年3月31日", "I3": "2027年6月30日"}),
                    tmp_path / "lo")
    _, again, _ = api.annotate(fixed, tmp_path / "再标记.xlsx", OPTS)
    assert "I2" not in rectxl_coloured(again) and "I3" not in rectxl_coloured(again)
    assert fills(again)["I3"] == ("solid", YELLOW)
    assert sheet_names(again).count(FINDINGS_SHEET) == 1 and not [n for n in sheet_names(again) if "(rectxl" in n]
    _, cleared, _ = api.clear_marks(again, tmp_path / "清除.xlsx")
    assert fills(cleared) == before
    assert sheet_names(cleared) == ["台账", "笔记"]


def test_the_exact_round_trip_stays_byte_identical(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    _, again, _ = api.annotate(annotated, tmp_path / "再标记.xlsx", OPTS)
    _, cleared, _ = api.clear_marks(again, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(source)


def test_marks_that_cannot_be_told_apart_stay_on_record(tmp_path: Path) -> None:
    """A row inserted above the marks, both marked texts, their measures, people and statuses
    changed (saved by openpyxl): their rows' texts are no longer theirs, and the red cells cannot be told apart
    (one was yellow before). They are left, named without claiming a sort, and the record keeps
    them — after the clerk sets their fills, clearing finishes. (With the measures unchanged, each
    mark is followed to its row: tests/test_marks_round12.py.)"""
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    ws = wb["台账"]
    ws.insert_rows(2)  # openpyxl moves the cells (and their formats) down
    ws["I3"].value, ws["I4"].value = "2027年3月31日", "2027年4月30日"
    for cell in (c for row in ws.iter_rows(min_row=3, max_row=4) for c in row):
        if cell.value in ("建立学习制度", "开展专题学习", "李四", "王五", "正在推进"):
            cell.value += "（修订）"
    wb.save(tmp_path / "插入行.xlsx")
    outcome, cleared, _ = api.clear_marks(tmp_path / "插入行.xlsx", tmp_path / "清除.xlsx")
    assert sorted(outcome.unresolved) == ["I3", "I4"]
    assert {"I3", "I4"} <= set(rectxl_coloured(cleared))
    rows = record_rows(cleared)  # the record is still there, holding the two marks only
    assert len(rows) == 4 and all(json.loads(r[2]).get("pending") for r in rows[2:])
    assert FINDINGS_SHEET not in sheet_names(cleared)
    # marked again: the two marks are carried into the new record, not taken for the user's fill
    _, again, _ = api.annotate(cleared, tmp_path / "再标记.xlsx", OPTS)
    assert sum(1 for r in record_rows(again)[2:] if json.loads(r[2]).get("pending")) == 2
    assert not {"I3", "I4"} & {r[1] for r in record_rows(again)[2:] if not json.loads(r[2]).get("pending")}
    outcome, _, _ = api.clear_marks(again, tmp_path / "再清除.xlsx")
    assert sorted(outcome.unresolved) == ["I3", "I4"]
    # the clerk gives the two cells their colours by hand: the next clear drops the record
    wb = load_workbook(cleared)
    wb["台账"]["I3"].fill = PatternFill(fill_type=None)
    wb["台账"]["I4"].fill = PatternFill("solid", fgColor="FF" + YELLOW)
    wb.save(tmp_path / "手工.xlsx")
    outcome, final, _ = api.clear_marks(tmp_path / "手工.xlsx", tmp_path / "最终.xlsx")
    assert outcome.unresolved == [] and rectxl_coloured(final) == []
    assert [n for n in load_workbook(final).sheetnames if n.startswith(MARKS_SHEET)] == []


def test_the_clear_message_claims_no_sort(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    fixed = set_texts(annotated, tmp_path / "已改.xlsx", {"I2": "2027年3月31日"})
    wb = load_workbook(fixed)
    wb.save(fixed)
    assert cli("annotate", str(fixed), "--clear", "-o", str(tmp_path / "清除.xlsx")) == 0
    out = capsys.readouterr().out
    assert "已清除标记" in out and "排序" not in out and "注意" not in out


# -- 2. sheets renumbered by a save ----------------------------------------------------------------


def _delete_sheet_and_save(path: Path, name: str, target: Path, saver: str) -> Path:
    wb = load_workbook(path)
    del wb[name]
    wb.save(target)
    if saver == "libreoffice":
        return lo_save(target, target.parent / "lo")
    return target


@pytest.mark.parametrize("saver", ["openpyxl", "libreoffice"])
def test_rectxls_sheets_are_removed_after_a_save_renumbered_them(saver: str, tmp_path: Path) -> None:
    """The clerk deletes a sheet of their own and saves (the sheets are numbered anew): clearing
    still removes rectxl's sheets, and marking again does not add 校验结果(rectxl) beside them."""
    if saver == "libreoffice" and soffice() is None:
        pytest.skip("LibreOffice not installed")
    source = build_ledger(tmp_path / "in")
    wb = load_workbook(source)
    wb.create_sheet("党组会议记录", 1).append(["会议记录"])
    wb.save(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    saved = _delete_sheet_and_save(annotated, "党组会议记录", tmp_path / "删表.xlsx", saver)
    outcome, cleared, _ = api.clear_marks(saved, tmp_path / "清除.xlsx")
    assert sorted(outcome.removed) == sorted([FINDINGS_SHEET, *SUMMARY_SHEETS]) and outcome.left == []
    assert sheet_names(cleared) == ["台账", "笔记"]
    _, again, _ = api.annotate(saved, tmp_path / "再标记.xlsx", OPTS)
    assert not [n for n in sheet_names(again) if "(rectxl" in n]


def test_a_users_sheet_of_rectxls_name_stays_after_renumbering(tmp_path: Path) -> None:
    """The user's own 整改明细 (rectxl's became 整改明细(rectxl)) survives a renumbering save and
    the clear; a rectxl sheet the user rewrote is left, and named."""
    source = build_ledger(tmp_path / "in")
    wb = load_workbook(source)
    wb.create_sheet("整改明细").append(["本单位自己的整改明细"])
    wb.save(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    del wb["笔记"]
    wb["逾期清单"]["A2"] = "我的表头"  # rectxl's 逾期清单 turned into the clerk's own table
    wb.save(tmp_path / "改.xlsx")
    outcome, cleared, _ = api.clear_marks(tmp_path / "改.xlsx", tmp_path / "清除.xlsx")
    assert outcome.left == ["逾期清单"]
    assert sheet_names(cleared) == ["台账", "整改明细", "逾期清单"]
    assert load_workbook(cleared)["整改明细"]["A1"].value == "本单位自己的整改明细"


def test_the_cli_names_the_sheets_it_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    del wb["笔记"]
    wb["逾期清单"]["A2"] = "我的表头"
    wb.save(tmp_path / "改.xlsx")
    assert cli("annotate", str(tmp_path / "改.xlsx"), "--clear", "-o", str(tmp_path / "清除.xlsx")) == 0
    assert "“逾期清单”" in capsys.readouterr().out


# -- 3. text rectxl writes is the text itself ------------------------------------------------------


def test_text_starting_like_a_formula_is_written_as_it_is(tmp_path: Path) -> None:
    """"-计划财务股" reads "-计划财务股" in every sheet rectxl adds (no "'" shown), is a string
    cell (never a formula), and its format keeps it text when edited in Excel."""
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    wb = load_workbook(annotated)
    for name, column in (("整改明细", 8), ("责任单位统计", 1), ("逾期清单", 4)):
        found = [row[column - 1] for row in wb[name].iter_rows(values_only=True) if "-计划财务股" in row]
        assert found, name
    assert "'-计划财务股" not in json.dumps([[c for c in r] for r in wb["整改明细"].iter_rows(values_only=True)],
                                           ensure_ascii=False, default=str)
    with zipfile.ZipFile(annotated) as zf:
        texts = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
        styles = zf.read("xl/styles.xml")
    assert "<t>-计划财务股</t>".encode() in texts and "'-计划财务股".encode() not in texts
    assert b'quotePrefix="1"' in styles and not re.search(rb"<f[\s>]", texts)


def test_cell_contents_in_the_findings_sheet_are_the_clerks_text(tmp_path: Path) -> None:
    rows = [{**ROWS[0], F.DEADLINE: "-", F.OWNER_UNIT: "@办公室"}]
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows)
    report, annotated, _ = api.annotate(path, tmp_path / "标记.xlsx", OPTS)
    echoed = [row[7] for row in load_workbook(annotated)[FINDINGS_SHEET].iter_rows(min_row=6, values_only=True)]
    wanted = {str(f.value) for f in report.findings if isinstance(f.value, str) and f.value.startswith(("-", "@"))}
    assert wanted and wanted <= set(echoed)


# -- 4. permissions ------------------------------------------------------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@posix_only
def test_an_output_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    os.chmod(source, 0o600)
    api.annotate(source, None, OPTS, in_place=True)
    assert stat.S_IMODE(source.stat().st_mode) == 0o600


@posix_only
def test_a_marked_copy_is_no_more_readable_than_the_ledger(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    os.chmod(source, 0o600)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    assert stat.S_IMODE(annotated.stat().st_mode) & 0o077 == 0
    os.chmod(annotated, 0o640)
    _, cleared, _ = api.clear_marks(annotated, tmp_path / "清除.xlsx")
    assert stat.S_IMODE(cleared.stat().st_mode) & 0o007 == 0
    os.chmod(source, 0o444)  # a read-only ledger: its marked copy is still the owner's to edit
    _, copy, _ = api.annotate(source, tmp_path / "只读的副本.xlsx", OPTS)
    assert stat.S_IMODE(copy.stat().st_mode) & 0o600 == 0o600


@posix_only
def test_atomic_copy_keeps_the_permissions(tmp_path: Path) -> None:
    source = tmp_path / "a.xlsx"
    source.write_bytes(b"PK")
    for mode in (0o600, 0o640, 0o664):
        os.chmod(source, mode)
        target = tmp_path / f"b{mode:o}.xlsx"
        atomic_copy(source, target)
        assert stat.S_IMODE(target.stat().st_mode) == mode and target.read_bytes() == b"PK"


@posix_only
def test_the_in_place_backup_is_no_more_readable_than_the_original(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    os.chmod(source, 0o600)
    _, _, backup = api.annotate(source, None, OPTS, in_place=True)
    assert backup is not None and stat.S_IMODE(backup.stat().st_mode) == 0o600


# -- 5. protections ------------------------------------------------------------------------------


def _protect(path: Path, kind: str) -> Path:
    if kind in ("structure", "sheet"):
        wb = load_workbook(path)
        if kind == "structure":
            wb.security = WorkbookProtection(lockStructure=True)
        else:
            wb["台账"].protection.sheet = True  # formatting cells not allowed (the default)
        wb.save(path)
        return path
    sharing = (b'<fileSharing readOnlyRecommended="1"/>' if kind == "read-only"
               else b'<fileSharing userName="\xe5\xb7\xa1\xe5\xaf\x9f\xe5\x8a\x9e" reservationPassword="CC3D"/>')
    tmp = path.with_name("p_" + path.name)
    R.rezip(path, tmp, lambda name, data: re.sub(rb"<workbookPr\b", sharing + b"<workbookPr", data, count=1)
            if name == "xl/workbook.xml" else data)
    tmp.replace(path)
    return path


PROTECTIONS = {"structure": "工作簿结构已锁定", "sheet": "工作表“台账”受保护", "read-only": "建议以只读方式打开",
               "password": "修改权限密码"}


@pytest.mark.parametrize("kind", list(PROTECTIONS))
def test_in_place_refuses_a_protected_workbook(kind: str, tmp_path: Path) -> None:
    source = _protect(build_ledger(tmp_path / "in"), kind)
    before = source.read_bytes()
    with pytest.raises(RectxlError) as error:
        api.annotate(source, None, OPTS, in_place=True)
    message = str(error.value)
    assert PROTECTIONS[kind] in message and "--in-place" in message and "副本" in message
    assert source.read_bytes() == before


def test_the_early_check_refuses_before_any_backup(tmp_path: Path) -> None:
    """ensure_editable(in_place=True) — what api.annotate calls before it makes the backup."""
    from rectxl.io.xlsx_out import ensure_editable

    source = _protect(build_ledger(tmp_path / "in"), "structure")
    ensure_editable(source)
    with pytest.raises(RectxlError, match="工作簿结构已锁定"):
        ensure_editable(source, in_place=True, sheets=["台账"])


def test_a_refused_in_place_leaves_no_backup(tmp_path: Path) -> None:
    source = _protect(build_ledger(tmp_path / "in"), "password")
    with pytest.raises(RectxlError):
        api.annotate(source, None, OPTS, in_place=True)
    assert sorted(p.name for p in source.parent.iterdir()) == [source.name]


@pytest.mark.parametrize("kind", list(PROTECTIONS))
def test_a_copy_of_a_protected_workbook_says_what_it_went_through(kind: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = _protect(build_ledger(tmp_path / "in"), kind)
    before = source.read_bytes()
    code = cli("annotate", str(source), "-o", str(tmp_path / "标记.xlsx"), "--as-of", AS_OF.isoformat())
    assert code in (0, 1)
    out = capsys.readouterr().out
    assert PROTECTIONS[kind] in out and "原文件未改动" in out
    assert source.read_bytes() == before
    note = load_workbook(tmp_path / "标记.xlsx")[FINDINGS_SHEET][3]
    assert any(c.value and PROTECTIONS[kind] in str(c.value) for c in note)
    with zipfile.ZipFile(tmp_path / "标记.xlsx") as zf, zipfile.ZipFile(source) as zs:
        assert zf.read("xl/workbook.xml").count(b"Protection") == zs.read("xl/workbook.xml").count(b"Protection")
        assert (b"sheetProtection" in zf.read(LEDGER_PART)) == (b"sheetProtection" in zs.read(LEDGER_PART))


def test_a_sheet_protection_that_allows_formatting_is_no_obstacle(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    wb = load_workbook(source)
    wb["台账"].protection.sheet = True
    wb["台账"].protection.formatCells = False  # formatting cells allowed
    wb.save(source)
    _, out, backup = api.annotate(source, None, OPTS, in_place=True)
    assert out == source and backup is not None


# -- 6. a user's own sheet called rectxl标记 -------------------------------------------------------


def _with_users_record_named_sheet(folder: Path) -> Path:
    source = build_ledger(folder)
    wb = load_workbook(source)
    own = wb.create_sheet(MARKS_SHEET)
    own.append(["sheet", "cell", "original_fill"])
    own.append(["我的笔记"])
    own.sheet_state = "hidden"
    wb.save(source)
    return source


def test_a_users_hidden_sheet_named_like_the_record_is_kept(tmp_path: Path) -> None:
    source = _with_users_record_named_sheet(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    names = sheet_names(annotated)
    assert MARKS_SHEET in names and f"{MARKS_SHEET}(rectxl)" in names
    assert load_workbook(annotated)[MARKS_SHEET]["A2"].value == "我的笔记"
    _, cleared, _ = api.clear_marks(annotated, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(source)
    with pytest.raises(RectxlError, match="没有 rectxl 的标记"):
        api.clear_marks(source, tmp_path / "清除2.xlsx")
    _, in_place, _ = api.annotate(source, None, OPTS, in_place=True)
    assert load_workbook(in_place)[MARKS_SHEET]["A2"].value == "我的笔记"


# -- 7. the findings sheet and the messages ---------------------------------------------------------


def test_the_colour_legend_wraps(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    ws = load_workbook(annotated)[FINDINGS_SHEET]
    legend = [c for c in ws[4] if c.value]
    assert legend[0].value == "标记颜色：" and len(legend) == len(HIGHLIGHTS) + 1
    assert all(c.alignment.wrap_text for c in legend)
    height = ws.row_dimensions[4].height
    assert height is not None and height >= 15 * 4  # the longest label in its narrow column


def test_findings_in_hidden_rows_and_columns_are_pointed_out(tmp_path: Path) -> None:
    source = build_ledger(tmp_path / "in")
    wb = load_workbook(source)
    wb["台账"].row_dimensions[3].hidden = True
    wb["台账"].column_dimensions["H"].hidden = True
    wb.save(source)
    _, annotated, _ = api.annotate(source, tmp_path / "标记.xlsx", OPTS)
    note = " ".join(str(c.value) for c in load_workbook(annotated)[FINDINGS_SHEET][3] if c.value)
    assert "台账!I3（该单元格所在行已隐藏）" in note
    assert "台账!H4（该单元格所在列已隐藏）" in note
    assert "台账!I2" not in note


def test_the_annotate_message_says_what_was_done(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = build_ledger(tmp_path / "in")
    assert cli("annotate", str(source), "-o", str(tmp_path / "a.xlsx"), "--as-of", AS_OF.isoformat(),
               "--no-summary") in (0, 1)
    out = capsys.readouterr().out
    assert "个问题单元格已标色" in out and "汇总表" not in out
    assert [n for n in sheet_names(tmp_path / "a.xlsx") if n in SUMMARY_SHEETS] == []
    clean = [{**row, F.LEAD: "张三", F.OWNER_PERSON: "李四", F.DEADLINE: "2027年6月30日"} for row in ROWS]
    path = write_simple_ledger(tmp_path / "好台账.xlsx", clean)
    assert cli("annotate", str(path), "-o", str(tmp_path / "b.xlsx"), "--as-of", AS_OF.isoformat()) == 0
    out = capsys.readouterr().out
    assert "已标色" not in out and "未发现问题" in out and "并生成汇总表" in out
