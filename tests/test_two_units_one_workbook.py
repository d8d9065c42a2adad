"""A workbook with one sheet per unit — a school district's 二中 | 三中, each titled with its own
school — holds two ledgers whose measures are much alike; they are not two periods of one ledger
(ledger-copy-set-aside had read only the second, and 9 measures were lost)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

import rectxl

HEADER = ["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
MEASURES = [("1", "师德师风建设抓得不实", "开展师德师风专题教育", "已完成", "已开展专题教育2次"),
            ("1", "师德师风建设抓得不实", "建立教师违规补课举报台账", "已完成", "已建立台账"),
            ("2", "食堂经费管理不规范", "规范食堂物资采购验收", "正在推进", "已修订采购验收办法"),
            ("2", "食堂经费管理不规范", "每月公示食堂收支", "已完成", "已按月公示"),
            ("3", "意识形态工作责任制落实不到位", "每学期研判意识形态形势", "正在推进", "已研判1次")]


def _workbook(path: Path, titles: tuple[str, str], names: tuple[str, str]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, title in zip(names, titles, strict=True):
        ws = wb.create_sheet(name)
        ws.append([title])
        ws.append(HEADER)
        for no, issue, measure, status, progress in MEASURES:
            ws.append([no, issue, measure, "王校长", "政教处", "李老师", "2027年6月30日", status, progress])
    wb.save(path)
    return path


def test_sheets_titled_with_two_units_are_both_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "城区学校整改台账（二中、三中）.xlsx",
                     ("云溪县第二中学巡察反馈问题整改落实台账", "云溪县第三中学巡察反馈问题整改落实台账"),
                     ("二中", "三中"))
    report = rectxl.check(path, rectxl.Options(as_of=date(2026, 11, 30)))
    assert report.sheets == ["二中", "三中"]
    assert report.measures == 2 * len(MEASURES)
    assert not [f for f in report.findings if f.code == "ledger-copy-set-aside"]


def test_two_months_of_one_units_ledger_are_still_one_read(tmp_path: Path) -> None:
    title = "云溪县第二中学巡察反馈问题整改落实台账"
    path = _workbook(tmp_path / "二中整改台账.xlsx", (title, title), ("10月", "11月"))
    report = rectxl.check(path, rectxl.Options(as_of=date(2026, 11, 30)))
    assert report.sheets == ["11月"]
    assert report.measures == len(MEASURES)
    assert [f.sheet for f in report.findings if f.code == "ledger-copy-set-aside"] == ["10月"]
