"""Test ledgers built as real .xlsx files (openpyxl), the way clerks' ledgers really look."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl.core import fields as F

__all__ = [
    "CANONICAL",
    "MESSY_AS_OF",
    "MESSY_EXPECTED",
    "inject_formula",
    "write_messy_ledger",
    "write_simple_ledger",
]

CANONICAL = list(F.TEMPLATE_COLUMNS)
MESSY_AS_OF = date(2023, 9, 20)


def write_simple_ledger(
    path: Path,
    rows: Sequence[dict[str, Any]],
    *,
    info: dict[str, Any] | None = None,
    directory: Sequence[str] | None = None,
    columns: Sequence[str] = CANONICAL,
    copy_after: str | None = None,
    self_check: str | None = None,
) -> Path:
    """A plain ledger: header on row 1 with ``columns``, then one row per dict (keys = fields);
    with ``copy_after``, the same sheet again under that name (a later month's copy); with
    ``self_check``, a sheet of that name with other measures (the unit's own 自查问题)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    for sheet in (ws, *([wb.create_sheet(copy_after)] if copy_after else [])):
        sheet.append(list(columns))
        for row in rows:
            sheet.append([row.get(c) for c in columns])
    if self_check is not None:
        own = wb.create_sheet(self_check)
        own.append(list(columns))
        for k, row in enumerate(rows, 1):
            own.append([{**row, F.ISSUE: "公务接待审批不严", F.MEASURE: f"自查整改措施{k}"}.get(c) for c in columns])
    if info is not None:
        si = wb.create_sheet("基本信息")
        for key, value in info.items():
            si.append([key, value])
    if directory is not None:
        sd = wb.create_sheet("责任单位名录")
        sd.append(["责任单位"])
        for unit in directory:
            sd.append([unit])
    wb.save(path)
    return path


def write_messy_ledger(path: Path) -> Path:
    """Every DESIGN.md §2 mess at once: title row, blank row, two-row header with a merged 责任主体,
    header aliases, merged aspect/issue cells, a lead and an owner shared by a merge, full-width
    spaces, an Excel date, a hidden row and column, a blank row inside a merged block, a footer,
    trailing formatted rows, a formula with a cached value. Findings expected: MESSY_EXPECTED."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws["A1"] = "区卫生健康局巡察整改台账"
    ws.merge_cells("A1:L1")
    top = ["序号", "问题方面", "巡察反馈问题", "措施", "责任主体", None, None,
           "　完成时限　", "完成情况", "进展情况", "佐证资料", "完成时间"]
    for c, v in enumerate(top, start=1):
        ws.cell(3, c, v)
    for c, v in zip((5, 6, 7), ("分管领导", "责任科室", "经办人"), strict=True):
        ws.cell(4, c, v)
    ws.merge_cells("E3:G3")
    for col in "ABCDHIJKL":
        ws.merge_cells(f"{col}3:{col}4")
    data: dict[int, list[Any]] = {
        5: [1, "第一方面问题,政治建设不够有力", "1.针对理论学习自觉性不强问题", "建立第一议题学习制度",
            "张局长", "办公室", "李四", "2023年9月底前", "已完成", "已建立制度。", "学习制度.pdf", date(2023, 7, 10)],
        6: [2, None, None, "指定专人跟进学习", None, None, None, date(2023, 9, 25), "　整改中　", "正在推进",
            None, None],
        7: [3, None, None, "制定学习计划", None, "　财务科 ", "王五", "立行立改", "推进中", "拟于下月制定", None, None],
        9: [4, None, "2.针对保密工作有不足问题", "开展保密检查", None, None, "赵六", "2023年8月", "正在推进",
            None, None, None],
        10: [5, None, None, "开展保密检查", "张局长", "保密办", "赵六", "2023年12月底前完成并长期坚持", "已完成",
             "已开展检查,下一步将常态化", None, None],
        11: [6, "第二方面问题,作风建设有差距", "4.针对会议过多问题", "精简会议", "张局长", "办公室", "李四",
             "待定", "已完成", "已精简", "会议纪要.pdf", date(2023, 10, 1)],
        12: [7, None, "5.针对文风不实问题", None, None, "办公室", None, None, None, None, None, None],
        13: [8, None, "6.针对调研不深问题", "开展调研", "张局长", "办 公室", "李四", None, "完成了吗",
             None, None, None],
        14: [9, "第三方面问题,组织建设薄弱", None, "加强支部建设", "张局长", "办公室", "李四", "长期坚持", "长期坚持",
             "持续推进", None, None],
        16: ["填表人:张三    审核人:李四"],
    }
    for r, values in data.items():
        for c, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(r, c, v)
    ws.merge_cells("B5:B10")
    ws.merge_cells("C5:C7")
    ws.merge_cells("E5:E7")  # one lead shared by three measures: not missing
    ws.merge_cells("F5:F6")  # one owner unit shared by two measures: not missing
    ws.merge_cells("C9:C10")
    ws.merge_cells("B11:B13")
    ws.row_dimensions[9].hidden = True
    ws.column_dimensions["G"].hidden = True
    for r in range(17, 40):  # trailing rows that only carry formatting
        ws.cell(r, 4).number_format = "@"
    ws["L6"].number_format = "yyyy-mm-dd"
    info = wb.create_sheet("基本信息")
    info.append(["单位名称", "区卫生健康局"])
    info.append(["反馈日期", date(2023, 6, 27)])
    info.append(["报告日期", MESSY_AS_OF])
    units = wb.create_sheet("责任单位名录")
    for unit in ("责任单位", "办公室", "财务科"):
        units.append([unit])
    wb.save(path)
    inject_formula(path, "台账", "I5", '"已完成"', "已完成")
    return path


#: (code, row) the messy ledger must produce — and nothing else (as of MESSY_AS_OF, with the
#: evidence file 学习制度.pdf present beside the workbook).
MESSY_EXPECTED = {
    ("missing-owner-person", 6), ("due-soon", 6),
    ("overdue", 7),
    ("missing-lead", 9), ("missing-owner-unit", 9), ("overdue", 9),
    # row 10 says 已完成 and "已开展检查,下一步将常态化": next steps beside 已完成 are normal wording
    ("duplicate-measure", 10), ("missing-evidence", 10),
    ("missing-completion-date", 10), ("unknown-owner-unit", 10),
    ("issue-number-gap", 11), ("bad-deadline", 11), ("completion-in-future", 11),
    ("evidence-file-missing", 11),
    ("issue-without-measure", 12),
    ("missing-deadline", 13), ("bad-status", 13), ("owner-unit-variant", 13),
    ("measure-without-issue", 14),
}


def inject_formula(path: Path, sheet: str, ref: str, formula: str, cached: str | float) -> None:
    """Turn cell ``ref`` into a formula with a cached value, as Excel saves it (openpyxl cannot)."""
    with zipfile.ZipFile(path) as zin:
        names = zin.namelist()
        parts = {n: zin.read(n) for n in names}
    wb_xml = parts["xl/workbook.xml"].decode()
    index = re.findall(r"<sheet [^>]*name=\"([^\"]+)\"", wb_xml).index(sheet) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    xml = parts[part].decode()
    cell = re.search(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', xml)
    if isinstance(cached, str):
        new = f'<c r="{ref}" t="str"><f>{formula}</f><v>{cached}</v></c>'
    else:
        new = f'<c r="{ref}"><f>{formula}</f><v>{cached}</v></c>'
    assert cell is not None, ref
    xml = xml[: cell.start()] + new + xml[cell.end():]
    parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            zout.writestr(n, parts[n])
