"""Workbooks for tests/test_layout_round21.py, laid out as a county bureau's office lays its ledger
out: a sheet per aspect named 第一方面 / 第二方面, a landscape title over rows 1–3 (附件 | the title
naming the aspect in brackets | 填报单位：…（盖章） 填报时间：…), a two-row header whose 责任主体 spans
牵头领导 | 责任股室 | 责任人, 序号 and the issue merged over their measures, the status kept in 备注
beside a 整改进展 account, and a 合计 row under each table. Units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

#: (measure, leader, unit, person, deadline, progress, 备注)
Measure = tuple[str, str, str, str, str, str, str]
Sheet = tuple[str, str, Sequence[tuple[str, Sequence[Measure]]]]

MEDICAL_SECURITY: Sequence[Sheet] = [
    ("第一方面", "党的政治建设方面", [
        ("医保基金监管“两个责任”落实不到位", [
            ("开展定点医药机构专项检查", "分管副局长 周某", "基金监管股", "吴某", "2026年6月30日",
             "检查定点机构46家，追回基金12.3万元", "已完成"),
            ("建立基金监管约谈制度", "分管副局长 周某", "基金监管股", "吴某", "2026年12月31日", "制度已起草",
             "正在推进")]),
        ("党组理论学习中心组学习不够深入", [
            ("制定党组理论学习中心组年度学习计划", "局长 郑某", "办公室", "冯某", "2026年3月31日", "计划已印发",
             "已完成")])]),
    ("第二方面", "全面从严治党方面", [
        ("公务用车管理不规范", [
            ("修订公务用车管理办法", "分管副局长 陈某", "办公室", "冯某", "2026年6月30日", "已印发", "已完成")])]),
]


def bureau_workbook(path: Path, sheets: Sequence[Sheet] = MEDICAL_SECURITY, unit: str = "县医疗保障局") -> Path:
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for name, aspect, issues in sheets:
        ws = wb.create_sheet(name)
        ws.page_setup.orientation = "landscape"
        ws["A1"] = "附件2"
        ws["A2"] = f"{unit}党组落实县委第三巡察组反馈意见整改台账（{aspect}）"
        ws.merge_cells("A2:I2")
        ws["A3"] = f"填报单位：{unit}（盖章）                    填报时间：2026年9月25日"
        ws.merge_cells("A3:I3")
        heads = ["序号", "巡察反馈问题", "整改措施", "责任主体", None, None, "整改时限", "整改进展", "备注"]
        for c, v in enumerate(heads, 1):
            if v:
                ws.cell(4, c, v)
        for c, v in ((4, "牵头领导"), (5, "责任股室"), (6, "责任人")):
            ws.cell(5, c, v)
        ws.merge_cells("D4:F4")
        for col in "ABCGHI":
            ws.merge_cells(f"{col}4:{col}5")
        row, count = 6, 0
        for k, (issue, measures) in enumerate(issues, 1):
            first = row
            for measure in measures:
                for c, v in enumerate(measure, 3):
                    ws.cell(row, c, v)
                row, count = row + 1, count + 1
            ws.cell(first, 1, k)
            ws.cell(first, 2, issue)
            if row - 1 > first:
                ws.merge_cells(f"A{first}:A{row - 1}")
                ws.merge_cells(f"B{first}:B{row - 1}")
        ws.cell(row, 1, "合计")
        ws.cell(row, 2, f"{len(issues)}个问题")
        ws.cell(row, 3, f"{count}项措施")
        ws.merge_cells(f"C{row}:I{row}")
    wb.save(path)
    return path
