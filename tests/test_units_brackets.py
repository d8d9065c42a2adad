"""Lists inside brackets in a 责任单位 cell: the names a clerk puts in brackets after a unit are
not units of the cell's own list — "党政办（李四、王五）" is 党政办 and two people, "财务股（配合：
审计股、纪检组）" is 财务股 with two co-owners; 责任单位统计 had counted “党政办（李四” and “王五）”."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rectxl import api
from rectxl.core.rules import Options
from rectxl.core.units import split_names, unit_people, unit_roles


@pytest.mark.parametrize(("cell", "roles", "people"), [
    ("党政办（李四、王五）", [("党政办", "lead")], ("", "李四、王五")),
    ("党政办(李四,王五)、财政所", [("党政办", "lead"), ("财政所", "lead")], ("", "李四、王五")),
    ("财务股（配合：审计股、纪检组）", [("财务股", "lead"), ("审计股", "co"), ("纪检组", "co")], ("", "")),
    ("自然资源所（协办单位：林业站、水利站）", [("自然资源所", "lead"), ("林业站", "co"), ("水利站", "co")], ("", "")),
    # the role in the bracket is the bracket's units' alone: a unit after it leads
    ("财务股（配合单位：审计股，纪检组）、办公室",
     [("财务股", "lead"), ("审计股", "co"), ("纪检组", "co"), ("办公室", "lead")], ("", "")),
    # units listed inside a bracket as what the name covers: the name kept whole, not cut in two
    ("各村（社区）", [("各村（社区）", "lead")], ("", "")),
    ("各乡镇（东山镇、西山镇）", [("各乡镇（东山镇、西山镇）", "lead")], ("", "")),
])
def test_a_list_in_brackets_is_read_for_what_it_lists(cell: str, roles: list[tuple[str, str]],
                                                       people: tuple[str, str]) -> None:
    assert unit_roles(cell) == roles
    assert unit_people(cell) == people
    assert not any(n.endswith(("（", "(")) or n.startswith(("）", ")")) or n.count("（") != n.count("）")
                   for n in split_names(cell))


def test_the_summary_counts_each_unit_once_whole(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "会议记录不规范", "统一会议记录本", "王局长", "党政办（李四、王五）", "2026年12月31日", "正在推进",
               "已印制"])
    ws.append([None, None, "清理往来账款", "王局长", "财务股（配合：审计股、纪检组）", "2026年12月31日", "正在推进",
               "已清理一半"])
    ws.append([2, "档案管理混乱", "整理2023年档案", "王局长", "党政办", "2026年12月31日", "已完成", "已整理120卷"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    out = tmp_path / "汇总.xlsx"
    api.summary_workbook(path, out, Options(as_of=None))
    rows = list(openpyxl.load_workbook(out)["责任单位统计"].iter_rows(min_row=3, values_only=True))
    units = {r[0]: r[1] for r in rows if r[0] and r[0] not in ("合计", "总计")}
    assert units.get("党政办") == 2 and units.get("财务股") == 1
    assert not [u for u in units if "（" in str(u) or "）" in str(u) or u in ("李四", "王五")], units
