"""Round twenty-seven: workbooks as WPS, LibreOffice and Excel save them — read as the clerk sees
them, and marked and cleared touching only what rectxl owns. Built here with openpyxl the way a
clerk's office would (units, people and texts are fictional)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from rectxl.cli import main
from tests.test_ledger_round26 import _check, _counts
from tests.workbook_compare import soffice, soffice_convert

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")




_RED = InlineFont(rFont="仿宋_GB2312", color="FFFF0000")
_BLACK = InlineFont(rFont="仿宋_GB2312")


def _market_ledger(path: Path, legend: str) -> Path:
    """A market-supervision bureau keying what is not yet done in red type — the clerk typed the
    new progress into the cell and coloured just those words red (selecting them in the cell: the
    cell's text becomes rich text, its format's font stays black)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改落实台账"
    ws.append(["县市场监督管理局巡察反馈问题整改落实台账"])
    ws.append(["填报科室：综合办公室", None, None, None, None, "填表时间：2026年11月25日"])
    ws.append(["编号", "反馈问题", "整改举措", "牵头科室", "经办人", "完成期限", "整改情况"])
    ws.append([1, "食品抽检覆盖面不足", "扩大农贸市场抽检批次", "食品安全科", "周敏", "2026年6月30日",
               "全年完成抽检1200批次"])
    # past its deadline, the not-done words in red: overdue
    ws.append([2, "特种设备隐患排查不彻底", "开展电梯安全专项检查", "特设科", "吴军", "2026年8月31日",
               CellRichText([TextBlock(_BLACK, "检查电梯312台，"), TextBlock(_RED, "发现隐患27处")])])
    # the measure's whole text typed red in the cell (one run of its own font): not done, still ahead
    ws.append([3, "投诉举报办结不及时", CellRichText([TextBlock(_RED, "建立投诉限时办结机制")]), "消保科",
               "郑洁", "2027年3月31日", "制度草案已提交局务会审议"])
    ws.append([legend])
    wb.save(path)
    return path


def _as_excel_saves(path: Path) -> Path:
    """``path`` with its text in a shared-strings part, as Excel and WPS save it (openpyxl writes
    its rich text inline): each ``<is>`` becomes an ``<si>`` and its cell ``t="s"``."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    strings: list[bytes] = []

    def shared(m: re.Match[bytes]) -> bytes:
        strings.append(m.group(2))
        return m.group(1) + b' t="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is>(.*?)</is></c>', shared, parts[sheet])
    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="' + main_ns
                                     + b'" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
                                     + b"".join(b"<si>" + si + b"</si>" for si in strings) + b"</sst>")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("legend", ["说明：红色字体为未完成事项，黑色字体为已完成事项。",
                                    "注：标红的为未完成，其余为已完成"])
@pytest.mark.parametrize("saved", ["shared", "inline"])
def test_statuses_typed_red_in_part_of_a_cells_text_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str, saved: str) -> None:
    ledger = _market_ledger(tmp_path / "台账.xlsx", legend)
    if saved == "shared":
        _as_excel_saves(ledger)
        with zipfile.ZipFile(ledger) as zf:
            assert b"<r><rPr>" in zf.read("xl/sharedStrings.xml")
    findings = _check(ledger, capsys)
    # the row whose progress is partly red is not done: past its deadline, overdue (it had been read
    # black — 已完成 — and nothing was told); the measure typed red is going on
    assert ("overdue", "F5") in {(f["code"], f["cell"]) for f in findings}
    assert not {f["code"] for f in findings} & {"bad-status", "missing-status"}
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def _water_ledger(path: Path) -> Path:
    """A water-affairs bureau typing the rows not yet done in red — whole rows (the font button on
    the selected row), and one row where only the words still open are red — saved by Excel."""
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "问题整改台账"
    ws.append(["县水利局巡察反馈问题整改台账（截至2026年11月28日）"])
    ws.append(["序号", "问题表现", "整改措施", "责任股室", "具体责任人", "完成时限", "整改推进情况"])
    ws.append([1, "河长制巡河记录不全", "补齐巡河日志并按月通报", "河湖股", "蒋涛", "2026年5月31日",
               "建立巡河月报，通报3期"])
    ws.append([2, "农村饮水工程管护缺位", "落实村级管水员", "农水股", "韩梅", "2026年8月31日", "聘用管水员46名"])
    for c in range(1, 8):
        ws.cell(4, c).font = Font(name="仿宋_GB2312", color="FFFF0000")
    ws.append([3, "水土保持方案审批超时", "压缩审批时限至10个工作日", "水保站", "冯磊", "2026年9月30日",
               CellRichText([TextBlock(_BLACK, "修订审批流程，"), TextBlock(_RED, "限时办结制度待局务会通过")])])
    ws.append([4, "防汛物资台账不清", "全面盘点防汛物资", "防汛办", "邓洁", "2027年4月30日", "盘点方案已印发"])
    for c in range(1, 8):
        ws.cell(6, c).font = Font(name="仿宋_GB2312", color="FFFF0000")
    ws.append(["备注：红色字体为未完成事项，黑色字体为已完成事项。"])
    wb.save(path)
    return path


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_font_keyed_ledger_saved_as_xls_or_ods_is_read_by_its_font_colours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """Saved as .xls (as WPS and old Excel keep it) or .ods by LibreOffice, the red rows — whole
    rows typed red, and the row with only its open words red — read as the .xlsx does: they had
    been told bad-status with “save as .xlsx”, the overdue rows not told."""
    ledger = _water_ledger(tmp_path / "水利局台账.xlsx")
    saved = soffice_convert(ledger, fmt, tmp_path / "lo")
    want = {("overdue", "F4"), ("overdue", "F5")}
    for path in (ledger, saved):
        findings = _check(path, capsys)
        codes = {(f["code"], f["cell"]) for f in findings}
        assert want <= codes, path.name
        assert not {c for c, _ in codes} & {"bad-status", "missing-status"}, path.name
        said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
        assert "字体颜色" in said and "红色为正在推进" in said
        assert _counts(path, tmp_path, capsys) == {"已完成": 1, "正在推进": 3, "未启动": 0}


def _progress_coloured_ledger(path: Path, legend: str, how: str) -> Path:
    """A township's ledger with no status column, its clerk colouring only the 整改进展 cell of
    the rows not yet done (``how``: "fill", yellow; "font", typed red) under the legend."""
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["中共某镇委员会巡察反馈问题整改台账（2026年11月26日）"])
    ws.append(["序号", "反馈问题", "整改措施", "责任办", "责任人", "整改时限", "整改进展"])
    ws.append([1, "村级财务公开不及时", "按季度公开村务财务", "经管站", "潘明", "2026年6月30日", "公开2次"])
    ws.append([2, "人居环境整治反弹", "开展村庄清洁行动", "农业办", "田甜", "2026年9月30日", "清理垃圾点12处"])
    ws.append([3, "网格员履职不到位", "修订网格员考核办法", "综治办", "卢刚", "2027年1月31日", "考核办法起草"])
    for r in (4, 5):
        cell = ws.cell(r, 7)
        if how == "fill":
            cell.fill = PatternFill("solid", fgColor="FFFFFF00")
        else:
            cell.font = Font(color="FFFF0000")
    ws.append([legend])
    wb.save(path)
    return path


@pytest.mark.parametrize(("legend", "how"), [("注：黄色为正在推进，其余为已完成。", "fill"),
                                             ("说明：红色字体为未完成，黑色字体为已完成。", "font")])
def test_a_row_coloured_only_in_its_progress_cell_reads_that_colour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str, how: str) -> None:
    # the one coloured cell of the row (not its status or measure) gives the row its status — it
    # had been read as the rows in no colour (已完成), the row past its deadline not told overdue
    ledger = _progress_coloured_ledger(tmp_path / "镇台账.xlsx", legend, how)
    codes = {(f["code"], f["cell"]) for f in _check(ledger, capsys)}
    assert ("overdue", "F4") in codes
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


@pytest.mark.parametrize("legend", ["说明：整改进展填充黄色的为正在推进，其余为已完成。",
                                    "注：标注黄色的为正在推进事项，未标色的为已完成",
                                    "备注：黄色底纹为正在推进，其余为已完成。"])
def test_a_legend_naming_the_colour_after_its_verb_or_as_a_shading_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    # the colour named after the verb that puts it on (标注黄色的, 填充黄色的) or as the cells'
    # shading (黄色底纹): the legend had not been read — every row bad-status, no overdue told
    ledger = _progress_coloured_ledger(tmp_path / "镇台账.xlsx", legend, "fill")
    findings = _check(ledger, capsys)
    codes = {(f["code"], f["cell"]) for f in findings}
    assert ("overdue", "F4") in codes and not {c for c, _ in codes} & {"bad-status", "missing-status"}
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "黄色为正在推进" in said
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


@pytest.mark.parametrize("legend", ["说明：用红色字体标注的为未完成事项，其余为已完成。",
                                    "注：表中红字为正在整改，黑字为已整改到位",
                                    "备注：红色字体部分为尚未完成整改的内容，黑色字体为已完成。",
                                    "整改未完成的以红色字体标出，其余为已完成",
                                    # naming only a colour, not whether filled or typed: no cell is
                                    # filled in it, so the fonts are the statuses (they had been read
                                    # as no colour, 其余为已完成)
                                    "注：红色加粗的为未完成事项，其余为已完成。",
                                    "备注：红色标注的为未完成，其余为已完成",
                                    # the colour a verb makes of the text: 加红, 显红 (lead, round 27)
                                    "备注：加红的为未完成事项，其余为已完成",
                                    "注：显红的为未完成，其余为已完成"])
def test_a_font_legend_worded_with_its_verb_or_its_place_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    # "用红色字体标注的", "表中红字", "红色字体部分为…的内容", "以红色字体标出": the legend had not
    # keyed red — the red rows were told bad-status (or read done), the overdue one not told
    ledger = _progress_coloured_ledger(tmp_path / "镇台账.xlsx", legend, "font")
    findings = _check(ledger, capsys)
    codes = {(f["code"], f["cell"]) for f in findings}
    assert ("overdue", "F4") in codes and not {c for c, _ in codes} & {"bad-status", "missing-status"}
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "字体颜色" in said and "红色为正在推进" in said
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def _audit_ledger(path: Path) -> Path:
    """An audit bureau filling its rows not yet done red ("其余为已完成"); one done row lacks its
    责任人, which rectxl marks orange."""
    from openpyxl.styles import PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县审计局巡察反馈问题整改台账（2026年11月20日）"])
    ws.append(["序号", "存在问题", "整改措施", "责任科室", "责任人", "完成时限", "整改情况"])
    ws.append([1, "审计整改跟踪不到位", "建立整改销号台账", "法规科", None, "2026年6月30日", "销号台账已建立"])
    ws.append([2, "审计质量控制薄弱", "修订审计质量控制办法", "审理科", "秦岚", "2026年8月31日", "办法修订中"])
    for c in range(1, 8):
        ws.cell(4, c).fill = PatternFill("solid", fgColor="FFFF0000")
    ws.append([3, "档案管理不规范", "开展审计档案整理", "办公室", "章平", "2027年6月30日", "整理档案80卷"])
    ws.append(["注：红色为未完成，其余为已完成。"])
    wb.save(path)
    return path


def test_a_marked_copy_is_read_as_the_ledger_not_by_rectxls_own_colours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The clerk works on in the marked copy (or presses 校验台账/生成汇总 after 标记问题): rectxl's
    orange on the missing 责任人 is no colour of the clerk's legend — the done row had been read
    正在推进 (橙 taken for 红), told overdue and status-text-mismatch, counted in the summary."""
    ledger = _audit_ledger(tmp_path / "审计局台账.xlsx")
    marked = tmp_path / "审计局台账_校验.xlsx"
    main(["annotate", str(ledger), "-o", str(marked)])
    capsys.readouterr()
    with zipfile.ZipFile(marked) as zf:  # (the done row's 责任人 cell is coloured by rectxl)
        assert "rectxl标记" in zf.read("xl/workbook.xml").decode()
    before = sorted((f["code"], f["cell"]) for f in _check(ledger, capsys))
    assert sorted((f["code"], f["cell"]) for f in _check(marked, capsys)) == before
    assert ("overdue", "F3") not in before
    assert _counts(marked, tmp_path, capsys) == _counts(ledger, tmp_path, capsys) == {
        "已完成": 2, "正在推进": 1, "未启动": 0}


def test_the_buttons_read_a_ledger_they_marked_by_the_clerks_colours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """标记问题, then 生成汇总 in the same workbook (the add-in reads Excel's copy of it, marks and
    record included): the summary counts the done row done, as the unmarked ledger's does."""
    from datetime import date

    from rectxl import excel as rx
    from rectxl.core.rules import Options
    from tests.com_standin import Excel, workbook_of

    ledger = _audit_ledger(tmp_path / "审计局台账.xlsx")
    wanted = _counts(ledger, tmp_path, capsys)
    book = Excel(today=date(2026, 11, 20)).open(ledger)
    rx.flag(book, Options())
    rx.summarize(book, Options())
    sheet = workbook_of(book).wb["整改总体情况"]
    got = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] in ("已完成", "正在推进", "未启动")}
    assert got == wanted == {"已完成": 2, "正在推进": 1, "未启动": 0}




@needs_soffice
def test_a_legend_naming_only_a_colour_reads_the_fonts_of_an_xls_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _progress_coloured_ledger(tmp_path / "镇台账.xlsx", "备注：红色标注的为未完成，其余为已完成", "font")
    saved = soffice_convert(ledger, "xls", tmp_path / "lo")
    assert ("overdue", "F4") in {(f["code"], f["cell"]) for f in _check(saved, capsys)}
    assert _counts(saved, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}
