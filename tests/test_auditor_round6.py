"""``rectxl batch``, ``diff`` and ``check`` round 6: what a 巡察办 auditor misread when a county's
folder came in as units send it — a version stamped "台账11.20" (month and day, no year) in
"10月报送/" and "11月报送/" counted twice instead of once; a company's ledger filed under its short
name ("交投集团_整改台账_20261120", "水务集团整改台账2026.11.18") while its title names the company in
full ("云溪县交通投资集团有限公司") taken for another unit's ledger; an unfinished, overdue measure
deleted between two months passing without a word; the findings of a ledger on two sheets
interleaved by row number ("二中!G5, 三中!G5, 二中!G7").

The ledgers are built here with openpyxl (fictional units of a fictional 云溪县).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.api import check
from rectxl.batch import run_batch
from rectxl.core.batch_report import batch_notes, read_name, resolve_unit
from rectxl.core.deadline import parse_deadline
from rectxl.core.diff import ChangeKind, RegressionKind, diff_ledgers, render_diff_text
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.report import to_json
from rectxl.core.rules import Options
from rectxl.core.status import parse_status
from rectxl.core.units import same_unit_name
from rectxl.io.reader import read_ledger

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


# -- diff: an unfinished measure deleted ------------------------------------------------------------

DIFF_HEADER = ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"]
I_RECEPTION = "公务接待管理不规范，存在无公函接待现象"
I_FINANCE = "财务报销审核把关不严，部分票据手续不全"


def month(path: Path, rows_: list[list[object]], stated: str) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["青石镇巡察反馈问题整改落实台账"])
    ws.append(["填报单位（盖章）：青石镇", None, None, None, f"填报日期：{stated}"])
    ws.append(DIFF_HEADER)
    for row in rows_:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def months(tmp_path: Path) -> tuple[Path, Path]:
    october = [
        [1, I_RECEPTION, "修订公务接待管理办法，严格执行公函制度", "党政办", "2026年11月30日", "正在推进", "征求意见"],
        [1, I_RECEPTION, "开展接待费用专项清理", "财政所", "2026年10月15日", "正在推进", "已清理一半"],  # r5
        [2, I_FINANCE, "对报销凭证开展全面自查，补齐手续", "财政所", "2026年12月31日", "正在推进", "自查中"],
        [2, I_FINANCE, "组织财务人员开展业务培训", "财政所", "2026年11月15日", "未启动", ""],  # r7
        [2, I_FINANCE, "建立报销审核复核制度", "财政所", "2027年3月31日", "正在推进", "起草中"],  # r8
    ]
    november = [
        [1, I_RECEPTION, "修订公务接待管理办法，严格执行公函制度", "党政办", "2026年11月30日", "正在推进", "待审议"],
        # the overdue 清理 replaced by a new measure with a later deadline
        [1, I_RECEPTION, "制定公函管理细则", "财政所", "2027年1月31日", "正在推进", "已起草"],
        [2, I_FINANCE, "对报销凭证开展全面自查，补齐手续", "财政所", "2026年12月31日", "正在推进", "已自查300份"],
        # 培训 (overdue, never started) and 复核制度 (not yet due) deleted, nothing in their place
    ]
    return (month(tmp_path / "青石镇整改台账（10月）.xlsx", october, "2026年10月25日"),
            month(tmp_path / "青石镇整改台账（11月）.xlsx", november, "2026年11月25日"))


def test_unfinished_measures_deleted_are_noteworthy(months: tuple[Path, Path]) -> None:
    old, new = (read_ledger(p) for p in months)
    d = diff_ledgers(old, new)
    got = {(r.kind, r.measure, r.old_row) for r in d.regressions}
    assert got == {
        (RegressionKind.UNFINISHED_REMOVED, "开展接待费用专项清理", 5),  # overdue, swapped for a new one
        (RegressionKind.UNFINISHED_REMOVED, "组织财务人员开展业务培训", 7),
        (RegressionKind.UNFINISHED_REMOVED, "建立报销审核复核制度", 8),
    }
    training = next(r for r in d.regressions if r.measure == "组织财务人员开展业务培训")
    assert training.message.startswith(
        "上期状态为“未启动”，整改时限“2026年11月15日”，截至本期（2026年11月25日）已逾期10天")
    rule = next(r for r in d.regressions if r.measure == "建立报销审核复核制度")
    assert "逾期" not in rule.message and "请核实删除是否经过批准" in rule.message
    flags = {c.measure: c.flag for c in d.changes if c.kind.value == "删除措施"}
    assert flags == {"开展接待费用专项清理": "删除未完成措施", "组织财务人员开展业务培训": "删除未完成措施",
                     "建立报销审核复核制度": "删除未完成措施"}
    text = render_diff_text(d)
    assert "· 删除未完成措施：[" in text and "值得注意：3处" in text


def test_an_unfinished_measure_rewritten_under_its_issue_is_no_alarm(tmp_path: Path) -> None:
    """A measure not yet due replaced by another under the same issue is a rewrite."""
    old = month(tmp_path / "a.xlsx", [[1, I_RECEPTION, "建立制度", "党政办", "2026年12月31日", "正在推进", "起草"]],
                "2026年10月25日")
    new = month(tmp_path / "b.xlsx", [[1, I_RECEPTION, "开展专项督查检查工作", "党政办", "2026年12月31日",
                                       "正在推进", "督查中"]], "2026年11月25日")
    d = diff_ledgers(read_ledger(old), read_ledger(new))
    assert d.regressions == []


def _issues(*numbered: tuple[int | None, str, str]) -> Ledger:
    """A ledger of one measure per issue: (number, issue, measure)."""
    issues = [Issue(number=n, title=t, row=4 + i, measures=[Measure(
        text=m, row=4 + i, owner_unit="党政办", status=parse_status("正在推进"), status_text="正在推进",
        deadline=parse_deadline("2026年12月31日"))]) for i, (n, t, m) in enumerate(numbered)]
    return Ledger(info=LedgerInfo(report_date=AS_OF), aspects=[Aspect(categories=[Category(issues=issues)])])


def test_an_issue_number_only_one_version_has_is_no_change() -> None:
    """Last month's 序号 could not be read as issue numbers (written on every measure's row), this
    month's could: not "问题序号：（无） → 1" for every issue; a number that changed still is."""
    old = _issues((None, "理论学习流于形式", "制定学习计划"), (None, "干部档案管理不规范", "开展档案专项审核"))
    new = _issues((1, "理论学习流于形式", "制定学习计划"), (2, "干部档案管理不规范", "开展档案专项审核"))
    assert diff_ledgers(old, new).changes == []
    renumbered = _issues((1, "理论学习流于形式", "制定学习计划"), (3, "干部档案管理不规范", "开展档案专项审核"))
    changes = diff_ledgers(new, renumbered).changes
    assert [(c.kind, c.field, c.old, c.new) for c in changes] == [(ChangeKind.ISSUE_CHANGED, "问题序号", "2", "3")]


# -- check: a ledger on two sheets, in sheet order ---------------------------------------------------


def test_findings_of_a_two_sheet_ledger_come_sheet_by_sheet(tmp_path: Path) -> None:
    path = tmp_path / "城区学校整改台账.xlsx"
    wb = Workbook()
    first = wb.active
    assert first is not None
    for ws, who, texts in ((first, "台账（一）", ("制定学习计划", "开展阵地排查", "清理接待费用")),
                           (wb.create_sheet(), "台账（二）", ("补齐报销手续", "开展财务培训", "建立复核制度"))):
        ws.title = who
        ws.append(HEADER)
        base = 1 if who == "台账（一）" else 4
        for n, text in enumerate(texts):
            ws.append([base + n, f"问题{base + n}：{text}不到位", text, "办公室", "张伟", "2026年10月31日",
                       "正在推进", "推进中"])
    wb.save(path)
    report = check(path, OPTS)
    where = [(f["sheet"], f["cell"]) for f in json.loads(to_json(report))["findings"] if f["code"] == "overdue"]
    assert where == [("台账（一）", "F2"), ("台账（一）", "F3"), ("台账（一）", "F4"),
                     ("台账（二）", "F2"), ("台账（二）", "F3"), ("台账（二）", "F4")]
