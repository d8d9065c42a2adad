"""What Excel, WPS and LibreOffice put into a workbook that is no clerk's mistake: Excel's ``<v/>``
for a formula whose result is empty text, a Chinese Excel table's 汇总 totals row, a 填表示例
sheet beside the ledger, a styles part bloated by copied formats. Each workbook is built here
(openpyxl, and the package edited as text)."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl import api
from rectxl.core.rules import Options

AS_OF = date(2026, 11, 20)
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "佐证材料"]
ROWS: list[list[Any]] = [
    [1, "学习制度落实不严", "修订学习制度", "办公室", "李娜", "2026年10月31日", "正在推进", None],
    [2, "公务用车管理不规范", "开展公务用车专项检查", "办公室", "王强", "2026年12月31日", "正在推进", None],
    [3, "档案管理不规范", "完成档案整理", "档案室", "赵敏", "2026年9月30日", "已完成", "档案目录"],
]


def _ledger(path: Path, rows: list[list[Any]] | None = None, *,
            extra_sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    wb = Workbook()
    for name, content in (extra_sheets or {}).items():
        ws = wb.create_sheet(name, 0)
        for row in content:
            ws.append(row)
    ws = wb["Sheet"]
    ws.title = "台账"
    ws.append(HEADER)
    for row in rows if rows is not None else ROWS:
        ws.append(row)
    wb.active = wb.sheetnames.index("台账")
    wb.save(path)
    return path


def _codes(path: Path) -> list[tuple[str, str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.sheet or "", f.cell) for f in report.findings)


def test_an_empty_text_formula_result_saved_by_excel_is_no_uncomputed_formula(tmp_path: Path) -> None:
    """Excel writes ``=IFERROR(VLOOKUP(…),"")`` that found nothing as ``<c t="str"><f>…</f><v/></c>``:
    the value is known (empty), not a formula Excel never computed."""
    path = _ledger(tmp_path / "台账.xlsx")
    with zipfile.ZipFile(path) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # H2 (佐证材料 of an open measure): a formula whose cached result is empty text, as Excel saves it
    formula = '<c r="H2" t="str"><f>IFERROR(VLOOKUP(A2,目录!A:B,2,0),"")</f><v/></c>'
    sheet = re.sub(r'<c r="H2"[^>]*/>|(<c r="G2"[^>]*>.*?</c>)',
                   lambda m: m.group(1) + formula if m.group(1) else "", sheet, count=2)
    assert '<v/></c>' in sheet, sheet[:2000]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    codes = _codes(path)
    assert not [c for c in codes if c[0] == "formula-uncomputed"], codes
    assert ("overdue", "台账", "F2") in codes


def test_a_totals_row_labelled_huizong_is_not_a_measure(tmp_path: Path) -> None:
    rows = [*ROWS, ["汇总", None, None, None, None, None, "1项已完成", None]]
    ledger = api.read_ledger(_ledger(tmp_path / "台账.xlsx", rows))
    assert sum(1 for _ in ledger.measures()) == 3


def test_an_example_sheet_beside_the_ledger_is_not_read(tmp_path: Path) -> None:
    example = [HEADER, [1, "示例：某某问题", "示例：某某措施", "某某股", "某某", "2025年3月31日", "正在推进", None]]
    path = _ledger(tmp_path / "台账.xlsx", extra_sheets={"填表示例（请勿在此表填写）": example})
    report = api.check(path, Options(as_of=AS_OF))
    assert report.measures == 3 and report.sheets == ["台账"]
    assert all(f.sheet == "台账" for f in report.findings)


def test_a_styles_part_of_thousands_of_copied_formats_is_read_not_refused(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx")
    with zipfile.ZipFile(path) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    styles = parts["xl/styles.xml"].decode()
    xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment wrapText="1"/></xf>'
    styles = re.sub(r'<cellXfs count="(\d+)">', lambda m: f'<cellXfs count="{int(m.group(1)) + 12000}">'
                    + xf * 12000, styles, count=1)
    parts["xl/styles.xml"] = styles.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/styles.xml")
        assert info.file_size > 1 << 20 and info.file_size > 200 * info.compress_size  # as WPS leaves them
    assert ("overdue", "台账", "F2") in _codes(path)


def test_an_xlsx_sent_as_xls_or_et_has_its_error_cells_and_hidden_columns_read(tmp_path: Path) -> None:
    """Offices rename files (and WPS saves .et): the package is read by what it is, so an error
    value is reported as one, and last month's hidden status column is not read instead of the
    visible one."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改状态"])
    ws.append([1, "学习制度落实不严", "修订学习制度", "#N/A", "2026年10月31日", "已完成", "正在推进"])
    ws["D2"].data_type = "e"
    ws.column_dimensions["F"].hidden = True  # October's status, hidden; November's is G
    wb.save(tmp_path / "台账.xlsx")
    for name in ("台账.xls", "台账.et"):
        (tmp_path / name).write_bytes((tmp_path / "台账.xlsx").read_bytes())
        codes = _codes(tmp_path / name)
        assert ("cell-error", "台账", "D2") in codes, (name, codes)
        assert ("overdue", "台账", "E2") in codes, (name, codes)


def test_a_report_date_that_is_a_formula_never_computed_is_said_not_silently_today(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", extra_sheets={"基本信息": [["单位名称", "县档案局"],
                                                                     ["报告日期", "=WORKDAY(DATE(2026,11,23),-1)"]]})
    report = api.check(path)  # openpyxl saves the formula without a value, as scripts do
    found = [(f.code, f.sheet, f.cell, f.field) for f in report.findings if f.code == "formula-uncomputed"]
    assert found == [("formula-uncomputed", "基本信息", "B2", "报告日期")]


def _sheet_book(path: Path, rows: list[list[Any]], title: str = "导出数据") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_systems_export_sorted_by_deadline_groups_measures_by_their_issue_code(tmp_path: Path) -> None:
    """问题编号 "XC-2026-03-001" on every row, the issue's text only on its first (or on every) row,
    the rows sorted by deadline: each measure goes under the issue its code names."""
    header = ["问题编号", "反馈问题", "措施编号", "整改措施", "整改责任单位（部门）", "整改期限（年月日）", "完成情况"]
    a, b = "XC-2026-03-001", "XC-2026-03-002"
    first_only = [header,
                  [a, "民主生活会质量不高", f"{a}-01", "制定问题整改清单", "组织科", "2026-06-30", "完成"],
                  [b, "“三会一课”不规范", f"{b}-01", "开展专项检查", "组织科", "2026-07-31", "完成"],
                  [a, None, f"{a}-02", "开展批评与自我批评培训", "宣传科", "2026-08-31", "进行中"],
                  [b, None, f"{b}-02", "建立量化考核机制", "组织科", "2026-09-30", "未完成"]]
    every_row = [row[:] for row in first_only]
    every_row[3][1], every_row[4][1] = "民主生活会质量不高", "“三会一课”不规范"
    for name, rows in (("first.xlsx", first_only), ("every.xlsx", every_row)):
        ledger = api.read_ledger(_sheet_book(tmp_path / name, rows))
        assert [(i.title, [m.text for m in i.measures]) for i in ledger.issues()] == [
            ("民主生活会质量不高", ["制定问题整改清单", "开展批评与自我批评培训"]),
            ("“三会一课”不规范", ["开展专项检查", "建立量化考核机制"])], name


def test_what_a_web_system_leaves_in_cells_is_read_as_the_text_it_shows(tmp_path: Path) -> None:
    rows = [["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "学习不深入", "完善学习制度", "财务科&nbsp;", "<span>2026年10月31日</span>", "<p>已完成</p>"],
            [2, "作风不实", "精简会议", "财务科", "2026年10月31日", "✅已完成<br/>召开专题会2次"],
            [3, "档案不全", "补齐档案", "档案室", "2026年10月31日", "🚩正在推进&nbsp;&nbsp;"]]
    path = _sheet_book(tmp_path / "台账.xlsx", rows)
    codes = _codes(path)
    assert [c for c in codes if c[0] in ("bad-status", "bad-deadline", "owner-unit-variant")] == []
    assert [c for c in codes if c[0] == "overdue"] == [("overdue", "导出数据", "E4")]
    ledger = api.read_ledger(path)
    assert [m.owner_unit for m in ledger.measures()][:2] == ["财务科", "财务科"]


def test_traditional_headers_the_inspected_unit_and_a_closure_column(tmp_path: Path) -> None:
    rows = [["序號", "被巡察單位", "問題", "整改措施", "責任單位", "整改時限", "整改狀態", "銷號情況"],
            [1, "市教育局", "學習不深入", "完善學習制度", "辦公室", "2026年12月31日", "正在推進", "已銷號"]]
    path = _sheet_book(tmp_path / "臺賬.xlsx", rows, "臺賬")
    ledger = api.read_ledger(path)
    assert [m.owner_unit for m in ledger.measures()] == ["辦公室"]  # not the unit inspected
    codes = [c[0] for c in _codes(path)]
    assert "header-missing" not in codes and "closure-flag-unfinished" in codes


def test_a_report_sent_back_is_not_done(tmp_path: Path) -> None:
    rows = [["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "学习不深入", "完善学习制度", "办公室", "2026年9月30日", "已完成，被退回"],
            [2, "作风不实", "精简会议", "办公室", "2026年9月30日", "已退回整改"]]
    codes = _codes(_sheet_book(tmp_path / "台账.xlsx", rows))
    assert [c for c in codes if c[0] == "overdue"] == [("overdue", "导出数据", f"E{r}") for r in (2, 3)]
