"""``rectxl batch``, ``diff`` and ``check`` round 6: what a 巡察办 auditor misread when a county's
folder came in as units send it — a version stamped "台账11.20" (month and day, no year) in
"10月报送/" and "11月报送/" counted twice instead of once; a company's ledger filed under its short
name ("交投集团_整改台账_20261120", "水务集团整改台账2026.11.18") while its title names the company in
full ("云溪县交通投资集团有限公司") taken for another unit's ledger.

The ledgers are built here with openpyxl (fictional units of a fictional 云溪县).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.batch import run_batch
from rectxl.core.batch_report import batch_notes, read_name, resolve_unit
from rectxl.core.rules import Options
from rectxl.core.units import same_unit_name

AS_OF = date(2026, 11, 30)
OPTS = Options(as_of=AS_OF)
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]


def ledger(path: Path, unit: str, rows: list[list[object]], *, stated: str = "2026年11月25日",
           sheet: str = "整改台账") -> Path:
    """A ledger as a unit sends it: a title row naming the unit, a 填报单位 / 填报日期 row, the header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append([f"{unit}巡察反馈问题整改落实台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([f"填报单位（盖章）：{unit}", None, None, None, None, f"填报日期：{stated}"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def rows(done: int, late: int) -> list[list[object]]:
    """``done`` measures 已完成 and ``late`` overdue ones (due 2026-10-31, 正在推进)."""
    out: list[list[object]] = []
    for n in range(1, done + late + 1):
        finished = n <= done
        out.append([n, f"问题{n}：公务接待管理不规范", f"措施{n}：修订公务接待管理办法", "办公室", "张伟",
                    "2026年10月31日", "已完成" if finished else "正在推进",
                    "已印发办法" if finished else "正在征求意见"])
    return out


# -- a version stamped with its month and day ------------------------------------------------------


@pytest.mark.parametrize(("file", "unit", "period"), [
    ("第一批次/11月报送/南岭整改台账11.20.xlsx", "南岭", (0, 11, 20)),
    ("南岭镇整改台账（11-20）.xlsx", "南岭镇", (0, 11, 20)),
    ("南岭镇整改台账1120.xlsx", "南岭镇", (0, 11, 20)),
    ("南岭镇整改台账 10.8.xlsx", "南岭镇", (0, 10, 8)),
    ("水务集团整改台账2026.11.18.xlsx", "水务集团", (2026, 11, 18)),
])
def test_a_month_and_day_in_a_name_is_the_version_s_date(file: str, unit: str, period: tuple[int, int, int]) -> None:
    named = read_name(file)
    assert (named.unit, named.period) == (unit, period)
    assert "\x00" not in named.key  # the day is no part of the ledger's key ("台账-1", "台账-2" are)


@pytest.mark.parametrize(("file", "unit"), [
    ("附件1-2：东山镇整改台账.xlsx", "东山镇"),
    ("附件3-1 东山镇整改台账.xlsx", "东山镇"),
    ("附件2：县财政局整改台账-定稿.xlsx", "县财政局"),
])
def test_an_attachment_number_with_a_sub_number_is_no_part_of_the_unit(file: str, unit: str) -> None:
    named = read_name(file)
    assert (named.unit, named.names_unit, named.period) == (unit, True, None)


def test_numbers_that_are_no_date_stay_apart() -> None:
    """"台账-1" and "台账-2" are two files, "1.2版" no date."""
    assert read_name("东山镇整改台账-1.xlsx").key != read_name("东山镇整改台账-2.xlsx").key
    assert read_name("东山镇台账1.2版.xlsx").period is None
    assert read_name("东山镇整改台账（13.40）.xlsx").period is None


def test_month_and_day_versions_in_month_folders_counted_once(tmp_path: Path) -> None:
    """南岭乡 sent "南岭整改台账10.20.xlsx" in October and "南岭整改台账11.20.xlsx" in November, each
    in its month's folder: one ledger, the November one, counted — not both "合并统计"."""
    folder = tmp_path / "第五轮巡察整改"
    ledger(folder / "第一批次/10月报送/南岭整改台账10.20.xlsx", "南岭乡", rows(2, 3), stated="2026年10月20日")
    ledger(folder / "第一批次/11月报送/南岭整改台账11.20.xlsx", "南岭乡", rows(4, 1), stated="2026年11月20日")
    ledger(folder / "第一批次/11月报送/白沙镇整改台账.xlsx", "白沙镇", rows(1, 1))
    result = run_batch(folder, options=OPTS, workers=1)
    counted = {r.unit: r.file for r in result.ledgers}
    assert counted == {"南岭乡": "第一批次/11月报送/南岭整改台账11.20.xlsx",
                       "白沙镇": "第一批次/11月报送/白沙镇整改台账.xlsx"}
    assert [s.file for s in result.set_aside] == ["第一批次/10月报送/南岭整改台账10.20.xlsx"]
    assert "以“第一批次/11月报送/南岭整改台账11.20.xlsx”为准" in result.set_aside[0].reason
    totals = result.totals()
    assert (totals["measures"], totals["done"], totals["overdue"]) == (7, 5, 2)
    assert not any(n.code == "files-added-up" for n in batch_notes(result))


# -- a company's short name ------------------------------------------------------------------------


@pytest.mark.parametrize(("full", "short"), [
    ("云溪县交通投资集团有限公司", "交投集团"),
    ("云溪县水务集团有限公司", "水务集团"),
    ("云溪县城市建设投资有限公司", "城投公司"),
    ("云溪县粮食储备有限责任公司", "粮储公司"),
    ("云溪县农业发展集团股份有限公司", "农发集团"),
    ("云溪县城市建设投资集团有限公司", "城投集团"),
    ("云溪县水务集团有限公司", "水务公司"),  # the group is a company too
    ("云溪县城市建设投资集团有限公司", "城投公司"),
])
def test_a_company_and_its_short_name_are_one_unit(full: str, short: str) -> None:
    assert same_unit_name(full, short)
    assert same_unit_name(short, full)


@pytest.mark.parametrize(("a", "b"), [
    ("云溪县水务集团有限公司", "云溪县交通投资集团有限公司"),
    ("云溪县水务集团有限公司供水分公司", "水务集团"),
    ("城投公司", "交投公司"),
])
def test_companies_that_differ_stay_apart(a: str, b: str) -> None:
    assert not same_unit_name(a, b)


def test_a_company_ledger_filed_under_its_short_name_is_counted_under_its_full_name(tmp_path: Path) -> None:
    file = "第三批次（国企）/交投集团_巡察整改台账_20261120.xlsx"
    assert resolve_unit("云溪县交通投资集团有限公司", file) == ("云溪县交通投资集团有限公司", "")
    folder = tmp_path / "国企"
    ledger(folder / "交投集团_巡察整改台账_20261120.xlsx", "云溪县交通投资集团有限公司", rows(2, 1))
    ledger(folder / "水务集团整改台账2026.11.18.xlsx", "云溪县水务集团有限公司", rows(3, 0))
    result = run_batch(folder, options=OPTS, workers=1)
    assert sorted(r.unit for r in result.ledgers) == ["云溪县交通投资集团有限公司", "云溪县水务集团有限公司"]
    assert not any(n.code == "unit-name-mismatch" for n in batch_notes(result))
