"""Workbooks round 16: workbooks as real offices save them.

- One value typed far outside the data (Ctrl+End, then a key: ``a`` at XFD1048576 beside an 80-row
  ledger) is read around — the ledger is checked and the cell named (stray-cell-ignored); it had
  refused the whole ledger with 数据区域过大. Many far cells are still refused before the reader,
  and a far cell that only carries a format (openpyxl writes ``<c r="XFD1048576" s="1" t="n"></c>``)
  is nothing at all — it had been refused too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from rectxl import api
from rectxl.core.errors import LedgerError
from rectxl.core.rules import Options
from rectxl.io.link_formula import link_target
from tests.followup_ledgers import AS_OF, soffice_convert, write_ledger

OPTIONS = Options(as_of=AS_OF)
HEADER = ("序号", "方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态",
          "完成时间", "整改进展", "佐证材料")


def _rows(n: int) -> list[dict[str, Any]]:
    """``n`` measures, a quarter for each of the four issues, every other one done with evidence."""
    out = []
    for i in range(n):
        done = i % 2 == 0
        out.append({"序号": i + 1, "issue": i * 4 // n + 1, "整改措施": f"制定第{i + 1}项制度并组织学习落实",
                    "责任领导": "张志刚", "责任单位": "办公室", "责任人": "李明", "整改时限": date(2026, 12, 31),
                    "整改状态": "已完成" if done else "正在推进", "完成时间": date(2026, 5, 20) if done else None,
                    "整改进展": "已印发制度并组织学习" if done else "正在起草",
                    "佐证材料": "会议记录、制度文件" if done else None})
    return out


def _ledger(path: Path, n: int = 80) -> Path:
    return write_ledger(path, HEADER, _rows(n))


def _edited(path: Path, **cells: Any) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    for ref, value in cells.items():
        if value is Font:
            ws[ref].font = Font(bold=True)
        else:
            ws[ref] = value
    wb.save(path)
    return path


def _codes(path: Path) -> set[tuple[str, str]]:
    return {(f.code, f.cell or "") for f in api.check(path, OPTIONS).findings}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


# -- a stray cell far outside the data ----------------------------------------------------------------

@pytest.mark.parametrize("ref", ["XFD1048576", "A1048576", "XFD50000", "AB1048576", "XFD3"])
def test_one_key_pressed_far_away_is_read_around_and_named(ref: str, tmp_path: Path) -> None:
    """The clerk's 80-row ledger is checked as it would be without the stray key; the auditor is
    told where it is and what it holds."""
    plain = _codes(_ledger(tmp_path / "原样.xlsx"))
    path = _edited(_ledger(tmp_path / "台账.xlsx"), **{ref: "a"})
    report = api.check(path, OPTIONS)
    assert report.measures == 80
    stray = [f for f in report.findings if f.code == "stray-cell-ignored"]
    assert [(f.sheet, f.cell) for f in stray] == [("台账", ref)]
    assert "“a”" in stray[0].message and "未读取" in stray[0].message
    assert {(f.code, f.cell or "") for f in report.findings} - {("stray-cell-ignored", ref)} == plain


def test_a_stray_cell_is_read_around_in_little_memory(tmp_path: Path) -> None:
    """Building the grid to XFD1048576 would take gigabytes (calamine aborts): the reader never does."""
    path = _edited(_ledger(tmp_path / "台账.xlsx"), XFD1048576="1")
    code = ("import sys\n"
            "from rectxl.io.reader import read_ledger\n"
            "ledger = read_ledger(sys.argv[1])\n"
            "assert ledger.stray_cells == [('台账', 'XFD1048576', '1')], ledger.stray_cells\n"
            "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 300_000


def test_a_far_cell_holding_only_a_format_is_nothing(tmp_path: Path) -> None:
    path = _edited(_ledger(tmp_path / "台账.xlsx"), XFD1048576=Font)
    with zipfile.ZipFile(path) as zf:
        assert b'r="XFD1048576"' in zf.read("xl/worksheets/sheet1.xml")
    assert _codes(path) == _codes(_ledger(tmp_path / "原样.xlsx"))


def test_many_far_cells_are_still_refused(tmp_path: Path) -> None:
    """Thirty values far down are no slip of a key: refused before the reader, as before."""
    path = _edited(_ledger(tmp_path / "台账.xlsx"), **{f"A{r}": "x" for r in range(1048540, 1048570)})
    with pytest.raises(LedgerError, match="数据区域过大"):
        api.check(path, OPTIONS)


def test_annotate_then_clear_a_ledger_with_a_stray_cell_gives_the_file_back(tmp_path: Path) -> None:
    path = _edited(_ledger(tmp_path / "台账.xlsx"), XFD1048576="a")
    before = path.read_bytes()
    marked = tmp_path / "标记.xlsx"
    api.annotate(path, marked, OPTIONS)
    assert path.read_bytes() == before
    cleared = tmp_path / "清除.xlsx"
    api.clear(marked, cleared)
    assert _parts(cleared) == _parts(path)


# -- TEXT(date, "yyyymmdd") inside a HYPERLINK --------------------------------------------------------

@pytest.mark.parametrize(("fmt", "shown"), [
    ("yyyymmdd", "20260520"),
    ("yyyy-mm-dd", "2026-05-20"),
    ('yyyy""年""m""月""d""日""', "2026年5月20日"),
    ("yyyy年m月d日", "2026年5月20日"),
    ("yymm", "2605"),
    ("[$-804]yyyy.m.d", "2026.5.20"),
    ("e年mm月", "2026年05月"),
])
def test_a_link_named_by_a_date_cell_is_worked_out(fmt: str, shown: str) -> None:
    """Evidence files named by their completion date (完成时间 in J5): the link opens that file."""
    cells = {(4, 9): date(2026, 5, 20), (4, 0): 3}
    argument = f'"佐证材料/"&TEXT(J5,"{fmt}")&"-"&A5&".pdf"'
    assert link_target(argument, lambda r, c: cells.get((r, c))) == f"佐证材料/{shown}-3.pdf"
    with_time = {**cells, (4, 9): datetime(2026, 5, 20, 15, 30)}
    assert link_target(argument, lambda r, c: with_time.get((r, c))) == f"佐证材料/{shown}-3.pdf"


@pytest.mark.parametrize("argument", [
    '"佐证材料/"&J5&".pdf"',  # the date's serial: the workbook's date system decides it
    '"佐证材料/"&TEXT(J5,"mmm")&".pdf"',  # the month by name
    '"佐证材料/"&TEXT(J5,"[DBNum1]yyyy年m月")&".pdf"',  # figures as words
    '"佐证材料/"&TEXT(J5,"yyyymmdd hh:mm")&".pdf"',  # a time
])
def test_a_date_shown_otherwise_is_not_guessed(argument: str) -> None:
    assert link_target(argument, lambda r, c: date(2026, 5, 20) if (r, c) == (4, 9) else None) is None


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_missing_evidence_named_by_its_date_is_told(suffix: str, tmp_path: Path) -> None:
    """=HYPERLINK("佐证材料/"&TEXT(J4,"yyyymmdd")&"-"&A4&".pdf","查看") filled down the finished
    rows; only the first file is there: the auditor is told of the others, by name."""
    rows = _rows(8)
    for i, row in enumerate(rows):
        row["issue"], row["佐证材料"] = i // 2 + 1, None
    (tmp_path / "src").mkdir()
    path = write_ledger(tmp_path / "src" / "台账.xlsx", HEADER, rows)
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    for r in range(4, 12):
        if ws.cell(r, 10).value is not None:
            ws.cell(r, 12).value = f'=HYPERLINK("佐证材料/"&TEXT(J{r},"yyyymmdd")&"-"&A{r}&".pdf","查看")'
    wb.save(path)
    if suffix != ".xlsx":
        path = soffice_convert(path, tmp_path, suffix.lstrip("."))
    else:
        path = path.replace(tmp_path / "台账.xlsx")
    (tmp_path / "佐证材料").mkdir()
    (tmp_path / "佐证材料" / "20260520-1.pdf").write_bytes(b"%PDF")
    missing = {f.cell: f.message for f in api.check(path, OPTIONS).findings if f.code == "evidence-file-missing"}
    assert set(missing) == {"L6", "L8", "L10"}
    for cell, n in (("L6", 3), ("L8", 5), ("L10", 7)):
        assert f"佐证材料/20260520-{n}.pdf" in missing[cell]


# -- a drop-down list typed with full-width commas -----------------------------------------------------

@pytest.mark.parametrize("source", ['"完成，推进中，未启动"', '"完成，推进中,未启动"', '"完成 ，推进中，未启动"'])
def test_a_list_typed_with_full_width_commas_has_its_words(source: str, tmp_path: Path) -> None:
    """数据验证 → 序列 typed 完成，推进中，未启动 with Chinese input on: three words, as WPS shows
    them. A status picked from it is in the list; one rectxl cannot read is asked for from those
    three words; one pasted past the list (基本完成, which none of them means) is the hint it is."""
    rows = _rows(8)
    for i, row in enumerate(rows):
        row["issue"], row["整改状态"] = i // 2 + 1, "完成" if i % 2 == 0 else "推进中"
    rows[5]["整改状态"], rows[6]["整改状态"], rows[7]["整改状态"] = "基本完成", "已完成", "见附件"
    path = write_ledger(tmp_path / "台账.xlsx", HEADER, rows)
    wb = openpyxl.load_workbook(path)
    listed = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
    listed.add("I4:I200")
    wb["台账"].add_data_validation(listed)
    wb.save(path)
    findings = api.check(path, OPTIONS).findings
    assert {f.cell for f in findings if f.code == "status-not-in-list"} == {"I9"}
    (bad,) = [f for f in findings if f.code == "bad-status"]
    assert bad.cell == "I11" and "“完成”“推进中”“未启动”" in bad.message


# -- the same in a workbook LibreOffice saved as .ods --------------------------------------------------

@pytest.mark.parametrize("ref", ["A1048576", "XFD50000"])
def test_a_stray_cell_in_an_ods_is_read_around_and_named(ref: str, tmp_path: Path) -> None:
    """LibreOffice keeps the empty rows before it as one run (number-rows-repeated="1048492"):
    calamine had built a million rows (a gigabyte, half a minute) or, 16,384 columns wide, failed and
    the file was called damaged."""
    plain = soffice_convert(_ledger(tmp_path / "原样.xlsx"), tmp_path / "plain", "ods")
    path = soffice_convert(_edited(_ledger(tmp_path / "台账.xlsx"), **{ref: "a"}), tmp_path, "ods")
    with zipfile.ZipFile(path) as zf:
        assert b'number-rows-repeated="10484' in zf.read("content.xml") or ref != "A1048576"
    stray = [f for f in api.check(path, OPTIONS).findings if f.code == "stray-cell-ignored"]
    assert [(f.sheet, f.cell) for f in stray] == [("台账", ref)] and "“a”" in stray[0].message
    assert _codes(path) - {("stray-cell-ignored", ref)} == _codes(plain)


def test_many_far_cells_in_an_ods_are_refused_as_too_large(tmp_path: Path) -> None:
    path = soffice_convert(_edited(_ledger(tmp_path / "台账.xlsx"), **{f"XFD{r}": "x" for r in range(50000, 50030)}),
                           tmp_path, "ods")
    with pytest.raises(LedgerError, match="数据区域过大"):
        api.check(path, OPTIONS)


def test_a_stray_cell_far_right_under_the_limit_is_read_around(tmp_path: Path) -> None:
    """XFD5 beside 1,800 rows is under the 30,000,000-cell limit, yet the grid would be 1,800 ×
    16,384 cells (11 s, 1.2 GB): read around and named as well."""
    path = _edited(_ledger(tmp_path / "台账.xlsx", 1800), XFD5="x")
    code = ("import sys\n"
            "from rectxl.io.reader import read_ledger\n"
            "ledger = read_ledger(sys.argv[1])\n"
            "assert ledger.stray_cells == [('台账', 'XFD5', 'x')], ledger.stray_cells\n"
            "assert sum(1 for _ in ledger.measures()) == 1800\n"
            "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 300_000


def _shared(path: Path, ref: str) -> Path:
    """``path`` with the text of ``ref`` kept in a shared strings part, as Excel, WPS and LibreOffice
    keep every text (the cell holds its number)."""
    out = path.with_name("共享.xlsx")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="%s" t="inlineStr"><is><t>([^<]*)</t></is></c>' % ref.encode(),
                              lambda m: b'<c r="%s" t="s"><v>1</v></c>' % ref.encode(), data)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Target="sharedStrings.xml" Type='
                                    b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                    b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            zout.writestr(info, data)
        zout.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                      'count="2" uniqueCount="2"><si><t>台账</t></si><si><r><t>误</t></r><r><t>输入</t></r></si></sst>')
    return out


def test_a_stray_shared_string_is_named_by_its_words(tmp_path: Path) -> None:
    """Excel, WPS and LibreOffice keep the text in the shared strings: the far cell holds its number."""
    path = _shared(_edited(_ledger(tmp_path / "台账.xlsx"), XFD1048576="x"), "XFD1048576")
    with zipfile.ZipFile(path) as zf:
        assert b'<c r="XFD1048576" t="s"><v>1</v></c>' in zf.read("xl/worksheets/sheet1.xml")
    (stray,) = [f for f in api.check(path, OPTIONS).findings if f.code == "stray-cell-ignored"]
    assert stray.cell == "XFD1048576" and "“误输入”" in stray.message


# -- a note under the table ----------------------------------------------------------------------------

@pytest.mark.parametrize(("ref", "note"), [("B85", "填表人：张三"), ("D86", "审核人：李四"), ("N84", "a"),
                                           ("F85", "填报日期：2026年11月20日")])
@pytest.mark.parametrize("sorted_by_unit", [False, True])
def test_a_note_under_the_table_leaves_the_row_numbers_rows(ref: str, note: str, sorted_by_unit: bool,
                                                            tmp_path: Path) -> None:
    """序号 1 … 80 numbers the rows, each measure's row writing its issue again (4 issues of 20
    measures; or, the ledger sorted by unit, the issues' rows taking turns). A 填表人 line under the
    table, or a key pressed beside it, had made the 序号 each row's issue number: 80 issues in the
    summary and the notice, and an issue written again far from its rows no longer told."""
    rows = _rows(80)
    if sorted_by_unit:
        for i, row in enumerate(rows):
            row["issue"] = i % 4 + 1
    plain = api.check(write_ledger(tmp_path / "原样.xlsx", HEADER, rows), OPTIONS)
    assert plain.measures == 80 and (plain.issues == 4 or sorted_by_unit)
    report = api.check(_edited(write_ledger(tmp_path / "台账.xlsx", HEADER, rows), **{ref: note}), OPTIONS)
    assert (report.issues, report.measures) == (plain.issues, 80)
    assert {(f.code, f.cell) for f in report.findings} == {(f.code, f.cell) for f in plain.findings}


# -- a HYPERLINK chosen by a condition -----------------------------------------------------------------

def _chosen_links(path: Path, shared: bool, literal: bool = False) -> Path:
    """=IF(J4="","未上传",HYPERLINK("佐证材料/"&A4&".pdf","查看")) down the 佐证材料 column, each cell
    caching what Excel shows: 查看 on the finished rows (J holds their day), 未上传 on the others;
    ``shared``: kept once and filled down, as Excel saves it."""
    rows = _rows(8)
    for i, row in enumerate(rows):
        row["issue"], row["佐证材料"] = i // 2 + 1, None
    source = write_ledger(path.with_name("src.xlsx"), HEADER, rows)
    wb = openpyxl.load_workbook(source)
    for r in range(4, 12):
        target = f'"佐证材料/{r - 3}.pdf"' if literal else f'"佐证材料/"&A{r}&".pdf"'
        wb["台账"].cell(r, 12).value = f'=IF(J{r}="","未上传",HYPERLINK({target},"查看"))'
    wb.save(source)

    def cached(m: re.Match[bytes]) -> bytes:
        r = int(m.group(1))
        formula = m.group(2)
        if shared:
            formula = b'<f t="shared" ref="L4:L11" si="0">%s</f>' % m.group(3) if r == 4 else b'<f t="shared" si="0"/>'
        return b'<c r="L%d" t="str">%s<v>%s</v></c>' % (r, formula, ("查看" if r % 2 == 0 else "未上传").encode())

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="L(\d+)"[^>]*>(<f>(.*?)</f>)<v\s*/?>(?:</v>)?</c>', cached, data)
            zout.writestr(info, data)
    return path


@pytest.mark.parametrize("kind", ["xlsx", "filled down", "ods", "xlsx, a file named", "ods, a file named"])
def test_a_link_chosen_by_a_condition_is_checked_by_its_file(kind: str, tmp_path: Path) -> None:
    """The finished rows show 查看 and open 佐证材料/1.pdf, 3.pdf, …; only 1.pdf is there: the
    auditor is told of the others — the links had been given up inside IF(…); the rows showing
    未上传 open nothing and are told nothing."""
    path = _chosen_links(tmp_path / "台账.xlsx", shared=kind == "filled down", literal="named" in kind)
    with zipfile.ZipFile(path) as zf:
        assert "<v>查看</v>".encode() in zf.read("xl/worksheets/sheet1.xml")
    if kind.startswith("ods"):
        path = soffice_convert(path, tmp_path, "ods")
    (tmp_path / "佐证材料").mkdir()
    (tmp_path / "佐证材料" / "1.pdf").write_bytes(b"%PDF")
    missing = {f.cell: f.message for f in api.check(path, OPTIONS).findings if f.code == "evidence-file-missing"}
    assert set(missing) == {"L6", "L8", "L10"}
    assert all(f"佐证材料/{n}.pdf" in missing[c] for c, n in (("L6", 3), ("L8", 5), ("L10", 7)))


def test_a_condition_showing_other_words_opens_no_link() -> None:
    from rectxl.io.link_formula import chosen_link

    assert chosen_link('=IFERROR(HYPERLINK("材料/"&A4&".pdf","查看"),"")') == (['"材料/"&A4&".pdf"', '"查看"'], "查看")
    assert chosen_link('=IF(J4="","",HYPERLINK("材料/"&A4&".pdf",A4&"号"))') is None  # words put together
    assert chosen_link('=HYPERLINK("材料/1.pdf","查看")') is None  # no condition: read as it always was


# -- a drop-down list naming a whole column ------------------------------------------------------------

def _listed_by_column(path: Path, source: str) -> Path:
    rows = _rows(8)
    for i, row in enumerate(rows):
        row["issue"], row["整改状态"] = i // 2 + 1, "已整改" if i % 2 == 0 else "整改中"
    rows[5]["整改状态"], rows[7]["整改状态"] = "基本完成", "见附件"
    write_ledger(path, HEADER, rows)
    wb = openpyxl.load_workbook(path)
    options = wb.create_sheet("选项")
    for k, word in enumerate(["已整改", "整改中", "未整改"], 1):
        options.cell(k, 1, word)
    listed = DataValidation(type="list", formula1=source, showErrorMessage=True)
    listed.add("I4:I200")
    wb["台账"].add_data_validation(listed)
    wb.save(path)
    return path


@pytest.mark.parametrize("source", ["选项!$A:$A", "选项!$A$1:$A$1048576", "选项!A:A", "ods"])
def test_a_list_naming_a_whole_column_has_its_words(source: str, tmp_path: Path) -> None:
    """The list's options in a column of their own (选项!$A:$A, or named down to the sheet's last row):
    its three words — it had been no list at all, so an unreadable status was asked for in rectxl's
    words, and 基本完成, which the list has no option for, was never hinted."""
    path = _listed_by_column(tmp_path / "台账.xlsx", "选项!$A:$A" if source == "ods" else source)
    if source == "ods":
        path = soffice_convert(path, tmp_path / "ods", "ods")
        with zipfile.ZipFile(path) as zf:
            assert "[$选项.$A:.$A]".encode() in zf.read("content.xml")
    findings = api.check(path, OPTIONS).findings
    (bad,) = [f for f in findings if f.code == "bad-status"]
    assert bad.cell == "I11" and "“已整改”“整改中”“未整改”" in bad.message
    assert {f.cell for f in findings if f.code == "status-not-in-list"} == {"I9"}


# -- the same in an .xls -------------------------------------------------------------------------------

def test_a_stray_cell_in_an_xls_is_read_around_and_named(tmp_path: Path) -> None:
    """An .xls reaches IV65536 at most — 65,536 × 256 cells: calamine took 8 s and a gigabyte, and
    the reading took 13 s; the cell is read around (the copy calamine reads skips its record) and
    named with the words it holds, its shared string; A65536 too."""
    plain = soffice_convert(_ledger(tmp_path / "原样.xlsx"), tmp_path / "plain", "xls")
    for ref in ("IV65536", "A65536"):
        (tmp_path / ref).mkdir()
        path = soffice_convert(_edited(_ledger(tmp_path / ref / "台账.xlsx"), **{ref: "误输入"}), tmp_path / ref, "xls")
        code = ("import sys\n"
                "from rectxl.io.reader import read_ledger\n"
                "ledger = read_ledger(sys.argv[1])\n"
                f"assert ledger.stray_cells == [('台账', '{ref}', '误输入')], ledger.stray_cells\n"
                "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n")
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert int(proc.stdout.strip()) < 300_000
        assert _codes(path) - {("stray-cell-ignored", ref)} == _codes(plain)


def test_a_stray_cell_whose_words_are_not_read_is_said_plainly() -> None:
    """A stray whose text the reader could not tell (an .xls's string past its SST record) is "its
    content", not an empty quote; a long paste is quoted short."""
    from tests.test_rules import check_rows, ok

    for text, said in (("", "其中的内容未读取"), ("很长的一段说明" * 10, "明很长…”未读取")):
        (found,) = [f for f in check_rows([ok()], strays=(("IV65536", text),)).findings
                    if f.code == "stray-cell-ignored"]
        assert said in found.message and "“”" not in found.message and found.cell == "IV65536"
