"""Round 22: workbooks as other programs write them, read, marked, cleared and written by rectxl."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.core.rules import Options
from tests import realworld_workbooks as R
from tests.workbook_compare import soffice, soffice_convert

AS_OF = Options(as_of=date(2026, 11, 20))
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")


def _ledger(path: Path) -> Path:
    """A small ledger of two problems: one measure overdue, one with no unit."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间"])
    ws.append([1, "制度执行不到位", "修订请销假制度", "办公室", "张敏", "2026年9月30日", "正在推进", None])
    ws.append([2, "台账管理不规范", "建立资产台账", None, "刘洋", "2026年8月31日", "已完成", "2026年8月20日"])
    ws.append([3, "学习流于形式", "制定年度学习计划", "人事股", "陈静", "2026年12月31日", "正在推进", None])
    wb.save(path)
    return path


@pytest.mark.parametrize("target", ["../xl/worksheets/sheet1.xml", "./worksheets/sheet1.xml",
                                    "/xl/worksheets/../worksheets/sheet1.xml"])
def test_a_sheet_named_by_a_dotted_relative_path_is_read_marked_and_cleared(target: str, tmp_path: Path) -> None:
    """A package whose workbook names its sheet by a path with a ./ or ../ step (valid OPC; Excel
    and LibreOffice open it) had been called damaged by check and annotate."""
    plain = _ledger(tmp_path / "plain.xlsx")

    def dotted(name: str, data: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b'Target="/xl/worksheets/sheet1.xml"', f'Target="{target}"'.encode())
            assert target.encode() in data
        return data

    source = R.rezip(plain, tmp_path / "台账.xlsx", dotted)
    report = api.check(source, AS_OF)
    assert sorted((f.code, f.cell) for f in report.findings if f.severity == "error") == [
        ("missing-owner-unit", "D3"), ("overdue", "F2")]
    _, marked, _ = api.annotate(source, tmp_path / "标记.xlsx", AS_OF)
    assert [f.cell for f in api.check(marked, AS_OF).findings] == [f.cell for f in report.findings]
    _, cleared, _ = api.clear(marked, tmp_path / "清除.xlsx")
    assert R.parts(cleared) == R.parts(source)


def _excel_length(text: str) -> int:
    """A text's length as Excel's LEN counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def test_a_measure_longer_than_a_cell_is_cut_to_what_excel_counts(tmp_path: Path) -> None:
    """A Word ledger's measure pasted from a long report, with a character beyond the BMP in it
    (👍, or 𠮷 in a name): Excel holds 32,767 UTF-16 units in a cell, and the summary had cut the
    text at 32,767 characters — 32,768 units, a cell Excel "repairs" when it opens the file."""
    measure = "召开专题会议👍𠮷" + "逐项推进整改" * 6000
    doc = Document()
    doc.add_paragraph("县财政局巡察整改台账")
    table = doc.add_table(rows=1, cols=7)
    header = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in (["1", "制度执行不到位", measure, "办公室", "张敏", "2026年9月30日", "正在推进"],
                   ["2", "台账管理不规范", "建立资产台账", "财务股", "刘洋", "2026年8月31日", "已完成"]):
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    source = tmp_path / "台账.docx"
    doc.save(str(source))
    _, written = api.summary_workbook(source, tmp_path / "汇总.xlsx", AS_OF)
    long_cells = [(ws.title, c.value) for ws in load_workbook(written) for row in ws.iter_rows()
                  for c in row if isinstance(c.value, str) and len(c.value) > 30_000]
    assert long_cells, "the long measure is in the summary"
    for sheet, text in long_cells:
        assert _excel_length(text) <= 32_767, sheet
        assert measure.startswith(text)  # cut at its end, never half a character
        assert _excel_length(text) >= 32_766


@pytest.mark.parametrize("formula", ["TODAY()", "NOW()", "INT(NOW())"])
def test_a_report_date_of_today_is_the_day_the_ledger_is_read(formula: str, tmp_path: Path) -> None:
    """报告日期 typed as =TODAY(): the file keeps the day it was last saved (20 November), and
    Excel shows the day it is opened. rectxl had judged the ledger as of the day cached — an
    auditor checking it on 2 December saw a measure due 30 November as still "due soon", where the
    clerk's own Excel (and rectxl's Excel button, which reads Excel's recomputed copy) says overdue."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "制度执行不到位", "修订请销假制度", "办公室", "张敏", date(2026, 11, 30), "正在推进"])
    ws["F2"].number_format = "yyyy-mm-dd"
    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    info.append(["单位名称", "县档案局"])
    info.append(["报告日期", f"={formula}"])
    info["B3"].number_format = "yyyy-mm-dd"
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)

    def saved_on_20_november(name: str, data: bytes) -> bytes:  # as Excel keeps the value computed
        if name == "xl/worksheets/sheet2.xml":
            old = f"<f>{formula}</f><v></v>".encode()
            assert old in data
            data = data.replace(old, f"<f>{formula}</f><v>46346</v>".encode())
        return data

    source = R.rezip(plain, tmp_path / "台账.xlsx", saved_on_20_november)
    report = api.check(source, today=date(2026, 12, 2))
    assert report.as_of == date(2026, 12, 2)
    assert [(f.code, f.cell) for f in report.findings if f.severity == "error"] == [("overdue", "F2")]
    assert "formula-uncomputed" not in {f.code for f in report.findings}


def test_a_report_date_computed_from_a_fixed_day_keeps_its_value(tmp_path: Path) -> None:
    """Only a formula that is today's date is read anew: =DATE(2026,11,20) or =TODAY()-10 (not
    today alone) keep the value the file holds."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "制度执行不到位", "修订请销假制度", "办公室", "张敏", date(2026, 11, 30), "正在推进"])
    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    info.append(["报告日期", "=DATE(2026,11,20)"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    source = R.rezip(plain, tmp_path / "台账.xlsx", lambda name, data: data.replace(
        b"<f>DATE(2026,11,20)</f><v></v>", b"<f>DATE(2026,11,20)</f><v>46346</v>"))
    report = api.check(source, today=date(2026, 12, 2))
    assert report.as_of == date(2026, 11, 20)
    assert report.as_of_source == "报告日期"


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls:MS Excel 97", "ods"])
def test_a_report_date_of_today_saved_as_xls_or_ods_is_the_day_the_ledger_is_read(fmt: str, tmp_path: Path) -> None:
    """The same =TODAY() 报告日期 in a workbook LibreOffice saved as .xls or .ods (it keeps the day
    it saved): read as the day of the check, as in an .xlsx."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "制度执行不到位", "修订请销假制度", "办公室", "张敏", "2026年11月30日", "正在推进"])
    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    info.append(["报告日期", "=TODAY()"])
    info["B2"].number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "台账.xlsx")
    source = soffice_convert(tmp_path / "台账.xlsx", fmt, tmp_path / "out")
    day = date(2031, 1, 15)  # not the day LibreOffice saved it
    report = api.check(source, today=day)
    assert (report.as_of, report.as_of_source) == (day, "今天")


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml"])
def test_a_workbook_saved_in_utf16_is_named_for_what_it_is(part: str, tmp_path: Path) -> None:
    """A part written as UTF-16 (valid OPC; some exporters built on .NET write it; LibreOffice and
    Excel open it) had been read as an empty workbook (a UTF-16 sheet) or called damaged, with the
    advice to download the file again — which gives the same file. It is now read as Excel reads
    it (round 23; it had been refused with the advice to save it as .xlsx): the same findings as
    the workbook saved in UTF-8."""
    plain = _ledger(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(plain) as zf:
        assert part in zf.namelist()

    def utf16(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        return data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    source = R.rezip(plain, tmp_path / "导出台账.xlsx", utf16)

    def found(path: Path) -> list[tuple[str, str | None, str | None]]:
        return [(f.code, f.sheet, f.cell) for f in api.check(path, AS_OF).findings]

    assert found(source) == found(plain) and found(plain)
