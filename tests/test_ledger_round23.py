"""Ledgers round twenty-three: workbooks as other county, township and city offices and companies
make them — a dated snapshot sheet beside the live ledger, a clerk's old column hidden, titles and
report dates built by formulas, and more. Every workbook is built here; units, people and texts
are fictional."""

from __future__ import annotations

import struct
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.api import check, summary_workbook
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger
from tests.workbook_compare import soffice, soffice_convert

AS_OF = date(2026, 11, 30)

_HEAD = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展",
         "佐证材料"]


def _rows() -> list[list[Any]]:
    return [
        [1, "理论学习流于形式。", "制定年度学习计划，每月集中学习一次。", "王书记", "办公室", "李明", "2026年6月30日",
         "已完成", "已制定计划并印发。", "学习计划"],
        [2, "财务审批把关不严。", "修订财务审批制度。", "赵局长", "财务股", "陈芳", "2026年12月31日", "正在推进",
         "已形成初稿。", None],
        [3, "档案管理混乱。", "聘请专业机构整理档案。", "赵局长", "办公室", "李明", "2026年9月30日", "正在推进",
         "已整理一半。", None],
    ]


def _ledger_sheet(ws: Any, rows: list[list[Any]], title: str = "东山县水利局巡察反馈问题整改台账") -> None:
    ws.append([title])
    ws.merge_cells("A1:J1")
    ws.append(_HEAD)
    for r in rows:
        ws.append(r)


def _findings(path: Path) -> list[Any]:
    return list(check(path, Options(as_of=AS_OF)).findings)


def test_the_undated_sheet_is_read_before_its_dated_snapshot(tmp_path: Path) -> None:
    """台账 and 台账（11月30日） holding the same rows: the clerk keeps filling in 台账, the dated sheet
    is the copy kept on that day. rectxl had read the dated copy (the later sheet), so the overdue
    row was pointed at in the snapshot, where fixing it changes nothing."""
    path = tmp_path / "水利局台账.xlsx"
    wb = openpyxl.Workbook()
    live = wb.active
    live.title = "台账"
    _ledger_sheet(live, _rows())
    _ledger_sheet(wb.create_sheet("台账（11月30日）"), _rows())
    wb.save(path)
    findings = _findings(path)
    overdue = [f for f in findings if f.code == "overdue"]
    assert [(f.sheet, f.cell) for f in overdue] == [("台账", "G5")]
    aside = [f for f in findings if f.code == "ledger-copy-set-aside"]
    assert [f.sheet for f in aside] == ["台账（11月30日）"]
    # the message says why this one was read, not the other
    assert "未标日期" in aside[0].message and "只校验了“台账”" in aside[0].message
    assert read_ledger(path).sheets[0].name == "台账"


def test_the_summary_says_which_of_two_copies_it_counted(tmp_path: Path) -> None:
    """The summary workbook counted one of two copies of the ledger without saying which."""
    path = tmp_path / "水利局台账.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    _ledger_sheet(wb.active, _rows())
    _ledger_sheet(wb.create_sheet("台账（11月30日）"), _rows())
    wb.save(path)
    _, out = summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF))
    lines = [str(c.value) for c in openpyxl.load_workbook(out)["整改总体情况"]["A"] if c.value]
    assert any("读取工作表：台账" in line and "“台账（11月30日）”" in line for line in lines)


def test_a_hidden_old_copy_of_a_column_is_no_duplicate_header(tmp_path: Path) -> None:
    """A clerk keeps last round's 整改措施 as a hidden column left of the current one: rectxl read
    the visible column but still told duplicate-header, asking to delete a column nobody sees."""
    path = tmp_path / "隐藏旧列.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["东山县水利局巡察反馈问题整改台账"])
    ws.append([*_HEAD[:2], "整改措施", *_HEAD[2:]])
    for k, row in enumerate(_rows(), 1):
        ws.append([*row[:2], f"第一稿措施{k}", *row[2:]])
    ws.column_dimensions["C"].hidden = True
    wb.save(path)
    findings = _findings(path)
    assert "duplicate-header" not in {f.code for f in findings}
    # the visible column is the one read
    assert [(f.code, f.cell) for f in findings if f.code == "overdue"] == [("overdue", "H5")]
    measures = [m.text for a in read_ledger(path).aspects for c in a.categories for i in c.issues for m in i.measures]
    assert measures[0].startswith("制定年度学习计划")


def test_two_visible_columns_of_one_name_are_still_told(tmp_path: Path) -> None:
    """Two visible 整改措施 columns: the clerk is still asked which one is meant."""
    path = tmp_path / "两列措施.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([*_HEAD[:2], "整改措施", *_HEAD[2:]])
    for k, row in enumerate(_rows(), 1):
        ws.append([*row[:2], f"第一稿措施{k}", *row[2:]])
    wb.save(path)
    assert ("duplicate-header", "D1") in {(f.code, f.cell) for f in _findings(path)}


def _with_cached(path: Path, cell: str, text: str, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """The workbook as Excel saves it: the formula of ``cell`` keeps the text it computed then."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts[part].decode()
    at = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", at)
    formula = sheet[sheet.index("<f>", at):sheet.index("</f>", at) + 4]
    parts[part] = (sheet[:at] + f'<c r="{cell}" t="str">{formula}<v>{text}</v>' + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_a_title_dated_by_a_today_formula_is_as_of_the_day_of_the_check(tmp_path: Path) -> None:
    """The title ="东山县水利局巡察整改台账（截至"&TEXT(TODAY(),"yyyy年m月d日")&"）" was last computed on
    31 October: Excel shows the day it is opened, and so should the check — it had taken the
    cached 31 October as the as-of date, so row 5 (due 30 November, not done) was not overdue."""
    path = tmp_path / "公式标题.xlsx"
    rows = _rows()
    rows[2][6] = "2026年11月20日"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    _ledger_sheet(ws, rows)
    ws["A1"] = '="东山县水利局巡察反馈问题整改台账（截至"&TEXT(TODAY(),"yyyy年m月d日")&"）"'
    wb.save(path)
    _with_cached(path, "A1", "东山县水利局巡察反馈问题整改台账（截至2026年10月31日）")
    report = check(path, today=AS_OF)
    assert report.as_of == AS_OF
    assert ("overdue", "G5") in {(f.code, f.cell) for f in report.findings}
    # the title still names the unit
    assert read_ledger(path).info.unit_name == "东山县水利局"


def test_a_title_with_a_typed_date_still_gives_the_as_of_date(tmp_path: Path) -> None:
    """The same title typed, not computed: its 截至 day is the as-of date, as before."""
    path = tmp_path / "标题.xlsx"
    wb = openpyxl.Workbook()
    _ledger_sheet(wb.active, _rows(), "东山县水利局巡察反馈问题整改台账（截至2026年10月31日）")
    wb.save(path)
    assert check(path, today=AS_OF).as_of == date(2026, 10, 31)


# -- an Excel binary workbook (.xlsb), its records written here ([MS-XLSB] 2.4) -------------------

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


_EPOCH = date(1899, 12, 30)
#: =TODAY() parsed: the volatile mark (ptgAttr), then ptgFunc of TODAY (Ftab 221)
_TODAY_RGCE = b"\x19\x01\x00\x00" + b"\x41\xdd\x00"


class _Today:
    """A cell holding =TODAY(), last computed on ``cached``."""

    def __init__(self, cached: date) -> None:
        self.cached = cached


def _bin_sheet(rows: list[list[Any]]) -> bytes:
    width = max(len(r) for r in rows)
    out = _brec(129) + _brec(148, struct.pack("<IIII", 0, len(rows) - 1, 0, width - 1)) + _brec(145)
    for r, row in enumerate(rows):
        out += _brec(0, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0))
        for c, v in enumerate(row):
            if isinstance(v, _Today):  # BrtFmlaNum in the date format: the day, flags, the formula
                out += _brec(9, struct.pack("<IId", c, 1, float((v.cached - _EPOCH).days)) + struct.pack("<H", 0)
                             + struct.pack("<I", len(_TODAY_RGCE)) + _TODAY_RGCE + struct.pack("<I", 0))
            elif isinstance(v, date):
                out += _brec(5, struct.pack("<IId", c, 1, float((v - _EPOCH).days)))
            elif isinstance(v, int):
                out += _brec(5, struct.pack("<IId", c, 0, float(v)))
            elif v:
                out += _brec(6, struct.pack("<II", c, 0) + _wide(str(v)))
    return out + _brec(146) + _brec(130)


def _xlsb(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """An .xlsb of ``sheets``; cell format 1 shows a date (built-in format 14)."""
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    binary = "application/vnd.ms-excel"

    def rels(*items: tuple[str, str, str]) -> str:
        return (f'{decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{i}" Type="{rel}/{t}" Target="{g}"/>' for i, t, g in items)
                + "</Relationships>")

    book = _brec(131) + _brec(153, struct.pack("<II", 0, 0) + _wide("")) + _brec(143)
    for k, name in enumerate(sheets, 1):
        book += _brec(156, struct.pack("<II", 0, k) + _wide(f"rId{k}") + _wide(name))
    book += _brec(144) + _brec(132)
    xf = [_brec(47, struct.pack("<HHHHHBBHBB", 0xFFFF, f, 0, 0, 0, 0, 0, 0, 0, 0)) for f in (0, 14)]
    styles = _brec(278) + _brec(617, struct.pack("<I", 2)) + b"".join(xf) + _brec(618) + _brec(279)
    n = len(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            f'{decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="bin" ContentType="{binary}.sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.bin" ContentType="{binary}.worksheet"/>'
                      for k in range(1, n + 1))
            + f'<Override PartName="/xl/styles.bin" ContentType="{binary}.styles"/></Types>'))
        zf.writestr("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.bin")))
        zf.writestr("xl/workbook.bin", book)
        zf.writestr("xl/_rels/workbook.bin.rels",
                    rels(*((f"rId{k}", "worksheet", f"worksheets/sheet{k}.bin") for k in range(1, n + 1)),
                         (f"rId{n + 1}", "styles", "styles.bin")))
        for k, rows in enumerate(sheets.values(), 1):
            zf.writestr(f"xl/worksheets/sheet{k}.bin", _bin_sheet(rows))
        zf.writestr("xl/styles.bin", styles)
    return path


def test_an_xlsb_report_date_of_today_is_the_day_of_the_check(tmp_path: Path) -> None:
    """基本信息's 报告日期 =TODAY(), last computed on 1 September: in an .xlsx it reads as the day of
    the check; in an .xlsb it had read as 1 September, so nothing was overdue."""
    rows = _rows()
    path = _xlsb(tmp_path / "台账.xlsb", {
        "台账": [["东山县水利局巡察反馈问题整改台账"], _HEAD, *rows],
        "基本信息": [["项目", "内容"], ["单位名称", "东山县水利局"], ["报告日期", _Today(date(2026, 9, 1))]],
    })
    report = check(path, today=AS_OF)
    assert report.as_of == AS_OF and report.as_of_source == "今天"
    assert ("overdue", "G5") in {(f.code, f.cell) for f in report.findings}


def _in_utf16(plain: Path, path: Path) -> Path:
    """``plain`` as an exporter built on .NET writes it: every XML part in UTF-16, with its mark."""
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
                data = text.encode("utf-16")
            out.writestr(name, data)
    return path


def test_a_workbook_saved_in_utf16_is_checked_and_not_marked(tmp_path: Path) -> None:
    """A system's export whose every part is UTF-16 had been refused (save it as .xlsx first); it is
    read as Excel reads it. annotate, which writes into the parts, says it cannot mark such a file
    instead of calling it damaged."""
    plain = tmp_path / "原台账.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    _ledger_sheet(wb.active, _rows())
    wb.save(plain)
    path = _in_utf16(plain, tmp_path / "系统导出台账.xlsx")
    found = [(f.code, f.sheet, f.cell) for f in _findings(path)]
    assert found == [(f.code, f.sheet, f.cell) for f in _findings(plain)] and ("overdue", "台账", "G5") in found
    from rectxl.api import annotate
    from rectxl.core.errors import RectxlError

    with pytest.raises(RectxlError) as caught:
        annotate(path, tmp_path / "标记.xlsx", Options(as_of=AS_OF))
    assert "UTF-16" in str(caught.value) and "损坏" not in str(caught.value)
    assert not (tmp_path / "标记.xlsx").exists()


def test_outline_numbers_of_an_aspect_keep_its_named_category(tmp_path: Path) -> None:
    """序号 1.1 | 1.2 | 1.3 under 一、 and 2.1 under 二、 number each aspect's issues, with （一）（二）
    category rows between: 2.1 right under 二、 and its （一） had opened a second, unnamed category
    (group 2), leaving （一）廉政风险防控不严 empty and the issue under no named category, and
    issue-number-gap was told at 1.3."""
    path = tmp_path / "审计局台账.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["西河县审计局巡察反馈问题整改落实台账"])
    ws.append(["序号", "问题表现", "整改措施", "整改责任领导", "责任科室", "具体经办人", "完成时限", "整改进度"])
    for row in [
        ["一、", "党的政治建设方面"],
        ["（一）", "理论学习不深入"],
        ["1.1", "中心组学习流于形式。", "制定中心组年度学习计划。", "张局长", "办公室", "刘洋", "2026年6月30日",
         "已完成"],
        ["1.2", "意识形态责任制落实不到位。", "每半年专题研究意识形态工作。", "张局长", "办公室", "刘洋", "长期坚持",
         "持续推进"],
        ["（二）", "落实决策部署有差距"],
        ["1.3", "审计整改跟踪不到位。", "建立审计整改台账，逐项销号。", "王副局长", "法规股", "陈静", "2026年12月31日",
         "正在推进"],
        ["二、", "全面从严治党方面"],
        ["（一）", "廉政风险防控不严"],
        ["2.1", "重点岗位风险排查不全面。", "开展重点岗位风险排查。", "王副局长", "人事股", "赵敏", "2026年12月31日",
         "正在推进"],
    ]:
        ws.append(row)
    wb.save(path)
    ledger = read_ledger(path)
    second = ledger.aspects[1]
    assert [(c.title, [i.title for i in c.issues]) for c in second.categories] == [
        ("廉政风险防控不严", ["重点岗位风险排查不全面。"])]
    assert "issue-number-gap" not in {f.code for f in _findings(path)}


def test_a_report_date_written_as_text_of_today_is_the_day_of_the_check(tmp_path: Path) -> None:
    """基本信息's 报告日期 =TEXT(TODAY(),"yyyy年m月d日") — today's date as text, last computed on 1
    September — had been read as 1 September, as =TODAY() alone no longer is."""
    path = tmp_path / "文本报告日期.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    _ledger_sheet(wb.active, _rows())
    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    info.append(["单位名称", "东山县水利局"])
    info.append(["报告日期", '=TEXT(TODAY(),"yyyy年m月d日")'])
    wb.save(path)
    _with_cached(path, "B3", "2026年9月1日", "xl/worksheets/sheet2.xml")
    report = check(path, today=AS_OF)
    assert (report.as_of, report.as_of_source) == (AS_OF, "今天")
    assert ("overdue", "G5") in {(f.code, f.cell) for f in report.findings}


def test_a_hidden_old_copy_of_a_row_is_not_counted(tmp_path: Path) -> None:
    """The clerk copied a measure's row, updated the copy and hid the old one (still 未启动): the
    hidden row had been counted as a second measure — 未启动 in the summary and the notice — and
    duplicate-measure asked to delete one of two rows the clerk sees only one of."""
    path = tmp_path / "隐藏旧行.xlsx"
    rows = _rows()
    old = list(rows[1])
    old[7], old[8] = "未启动", "尚未开始。"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    _ledger_sheet(ws, [rows[0], old, *rows[1:]])
    ws.row_dimensions[4].hidden = True
    wb.save(path)
    ledger = read_ledger(path)
    assert [m.status_text for m in ledger.measures()] == ["已完成", "正在推进", "正在推进"]
    assert "duplicate-measure" not in {f.code for f in _findings(path)}


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("fmt", ["xls:MS Excel 97", "ods"])
def test_a_hidden_old_copy_of_a_row_is_not_counted_in_xls_or_ods(fmt: str, tmp_path: Path) -> None:
    """The same workbook LibreOffice saved as .xls or .ods: its hidden row had still been counted."""
    path = tmp_path / "隐藏旧行.xlsx"
    rows = _rows()
    old = list(rows[1])
    old[7], old[8] = "未启动", "尚未开始。"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    _ledger_sheet(ws, [rows[0], old, *rows[1:]])
    ws.row_dimensions[4].hidden = True
    wb.save(path)
    saved = soffice_convert(path, fmt, tmp_path / "out")
    assert [m.status_text for m in read_ledger(saved).measures()] == ["已完成", "正在推进", "正在推进"]


def test_a_hidden_row_of_its_own_is_still_counted(tmp_path: Path) -> None:
    """A finished row hidden to print the rest is a measure like any other."""
    path = tmp_path / "隐藏完成行.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    _ledger_sheet(ws, _rows())
    ws.row_dimensions[3].hidden = True
    wb.save(path)
    assert len(list(read_ledger(path).measures())) == 3


def test_a_print_copy_of_the_ledger_is_not_read_before_it(tmp_path: Path) -> None:
    """台账 beside 台账（打印版）, the same rows: the print copy is made from the ledger, which is the
    one filled in — the later sheet had been read."""
    path = tmp_path / "打印版.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    _ledger_sheet(wb.active, _rows())
    _ledger_sheet(wb.create_sheet("台账（打印版）"), _rows())
    wb.save(path)
    assert [f.sheet for f in _findings(path) if f.code == "overdue"] == ["台账"]


def test_a_totals_row_stating_other_counts_than_the_rows_is_told(tmp_path: Path) -> None:
    """合计 | 共3个问题、5项措施，已完成2项 under three issues of four measures, one done: the
    totals row had been passed over in silence, though the clerk's count disagrees with the rows
    (a row deleted, or the total typed by hand and not updated)."""
    path = tmp_path / "合计.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = _rows()
    second = [None, None, "建立学习档案。", *rows[0][3:6], "2026年12月31日", "正在推进", "已建档。", None]
    _ledger_sheet(ws, [rows[0], second, *rows[1:]])
    ws.append(["合计", "共3个问题、5项措施，已完成2项"])
    wb.save(path)
    told = [f for f in _findings(path) if f.code == "totals-row-mismatch"]
    assert {(f.cell, f.value) for f in told} == {("A7", "合计，共3个问题、5项措施，已完成2项")}
    assert {"5项措施", "已完成2项"} == {m for f in told for m in ("5项措施", "已完成2项") if f"“{m}”" in f.message}


def test_a_totals_row_agreeing_with_the_rows_and_subtotals_are_not_told(tmp_path: Path) -> None:
    """A right 合计, and 小计 rows closing each part, are no finding."""
    path = tmp_path / "小计.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = _rows()
    _ledger_sheet(ws, rows[:2])
    ws.append(["小计", "2项措施，已完成1项"])
    ws.append(rows[2])
    ws.append(["小计", "5项措施"])
    ws.append(["合计", "共3个问题、3项措施，已完成1项"])
    wb.save(path)
    assert "totals-row-mismatch" not in {f.code for f in _findings(path)}
