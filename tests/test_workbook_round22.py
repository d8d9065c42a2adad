"""Round 22: workbooks as other programs write them, read, marked, cleared and written by rectxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl import api
from rectxl.core.rules import Options
from tests import realworld_workbooks as R

AS_OF = Options(as_of=__import__("datetime").date(2026, 11, 20))


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
