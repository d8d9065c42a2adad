"""Ledger layouts round nineteen: header words as other county offices write them.

A 问题编码 column of codes beside the issue's description; a status headed 整改到位情况; a single
整改责任 / 责任清单 column naming the unit; 下一步措施 beside the measures. Every workbook is built
here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.api import Options
from tests.test_layout_round14 import book
from tests.test_layout_round15 import _book as round15_book

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]


def _book(path: Path, rows: Rows, merges: Sequence[str] = ()) -> Path:
    """One sheet 台账 and a 基本信息 of a 林业局 (tests/test_layout_round15.py's workbook)."""
    return round15_book(path, {"台账": (rows, merges)}, unit="某某县林业局")


def _loud(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _issues(path: Path) -> list[tuple[str, list[str]]]:
    return [(i.title, [m.text for m in i.measures]) for a in api.read_ledger(path).aspects for i in a.issues()]


# -- a 问题编码 column of codes beside the description -----------------------------------------------

@pytest.mark.parametrize("head", ["问题编码", "问题代码"])
def test_a_code_column_beside_the_issue_is_no_issue_text(tmp_path: Path, head: str) -> None:
    rows: Rows = [[head, "问题描述", "整改措施", "责任单位", "整改时限", "整改状态"],
                  ["LY-01", "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  ["LY-02", "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"])]
    assert _loud(path) == []
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert "林长制落实不到位" in text and "LY-01" not in text


# -- the status headed 整改到位情况 -------------------------------------------------------------------

def test_a_status_headed_as_whether_it_was_put_right_is_the_status(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改到位情况"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已整改到位"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年6月30日", "正在整改"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _loud(path) == [("overdue", "E3")]
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    assert "2项整改措施已完成1项" in notice.read_text(encoding="utf-8")


# -- a single 整改责任 / 责任清单 column naming the unit (and its leader) ------------------------------

def _unit_rows(path: Path) -> list[tuple[Any, ...]]:
    """The 责任单位统计 sheet of the summary workbook: unit, measures, done."""
    _, out = api.summary_workbook(path, path.with_name("汇总.xlsx"), Options(as_of=AS_OF))
    ws = load_workbook(out)["责任单位统计"]
    return [row[:3] for row in ws.iter_rows(min_row=3, values_only=True) if row[0]]


@pytest.mark.parametrize("head", ["整改责任", "责任清单"])
def test_one_column_of_the_duty_names_the_units(tmp_path: Path, head: str) -> None:
    rows: Rows = [["序号", "问题清单", "任务清单", head, "完成时限", "完成情况"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "张副局长、防火办", "2025年12月31日", "正在推进"],
                  [3, "野生动物保护执法偏软", "开展专项执法", "责任领导：李副局长\n责任单位：森林公安\n责任人：赵某",
                   "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _loud(path) == []
    assert sorted(_unit_rows(path)) == [("林政股", 1, 1), ("森林公安", 1, 0), ("防火办", 1, 0)]


# -- 下一步措施 beside the measures -------------------------------------------------------------------

@pytest.mark.parametrize("left", [False, True])
def test_next_steps_beside_the_measures_are_no_measures(tmp_path: Path, left: bool) -> None:
    head = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "下一步措施"]
    rows: list[list[Any]] = [
        head, [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成", "巩固成果"],
        [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进", "持续开展宣传"]]
    if left:  # 下一步措施 written before the measures
        rows = [[r[0], r[1], r[6], *r[3:6], r[2]] for r in rows]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"])]
    assert _loud(path) == []


def test_next_steps_alone_are_the_measures(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改进展", "下一步整改措施", "责任单位", "完成时限", "整改状态"],
                  [1, "林长制落实不到位", "已建立巡林台账", "建立林长考核机制", "林政股", "2025年12月31日", "正在推进"]]
    assert _issues(_book(tmp_path / "林业局.xlsx", rows)) == [("林长制落实不到位", ["建立林长考核机制"])]


# -- short names under a group label: 责任 over 领导 | 单位 | 人, 完成 over 情况 | 时间 -----------------------

DUTY_TOP = ["序号", "问题", "整改", None, "责任", None, None, "完成", None]
DUTY_NAMES = [None, None, "措施", "时限", "领导", "单位", "人", "情况", "时间"]
DUTY_ROWS: Rows = [
    [1, "林长制落实不到位", "建立林长巡林台账", "2025年6月30日", "张局长", "林政股", "王某", "已完成", "2025年7月20日"],
    [2, "森林防火宣传不足", "开展防火宣传进村入户", "2025年8月31日", "李副局长", "防火办", "赵某", "正在推进", None]]


def test_short_names_under_a_group_label_are_read_with_it(tmp_path: Path) -> None:
    rows: Rows = [["某某县林业局巡察整改台账"], DUTY_TOP, DUTY_NAMES, *DUTY_ROWS]
    path = _book(tmp_path / "林业局.xlsx", rows, ["A1:I1", "A2:A3", "B2:B3", "C2:D2", "E2:G2", "H2:I2"])
    report = api.check(path, Options(as_of=AS_OF))
    assert [(f.code, f.cell) for f in report.findings] == [("completed-late", "I4"), ("overdue", "D5")]
    _, out = api.summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF))
    ws = load_workbook(out)["逾期清单"]
    head = [c.value for c in ws[2]]
    listed = [row for row in ws.iter_rows(min_row=3, values_only=True) if row[0]]
    measure, person = head.index("整改措施"), head.index("责任人")
    assert [(row[measure], row[person]) for row in listed] == [("开展防火宣传进村入户", "赵某")]


# -- the columns numbered under the header as a form labels them ---------------------------------------

@pytest.mark.parametrize("label", ["{}", "（{}）", "第{}列"])
@pytest.mark.parametrize("numbers", ["123456", "①②③④⑤⑥", "一二三四五六"])
def test_columns_numbered_with_labels_under_the_header_are_no_measure(tmp_path: Path, label: str, numbers: str) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"], [label.format(n) for n in numbers],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"])]
    assert _loud(path) == []


# -- a signature line whose labels are filled in in the cells after them ---------------------------------

@pytest.mark.parametrize("foot", [
    ["主要负责人签字：", None, "分管负责人签字：", None, "填报人：", "王某"],
    [None, "填报人：", "王某", "联系电话：", 13812345678, "审核人：李某"],
    ["单位负责人：", "赵某", "填表人：", "王某", "填表日期：", "2025年9月30日"],
])
def test_a_signature_line_filled_in_beside_its_labels_is_no_measure(tmp_path: Path, foot: list[Any]) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年6月30日", "已完成"], foot]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert [(i.number, i.title, len(i.measures)) for a in api.read_ledger(path).aspects for i in a.issues()] == [
        (1, "林长制落实不到位", 1), (2, "森林防火宣传不足", 1)]
    assert _loud(path) == []


# -- one sheet per aspect, named with its count ---------------------------------------------------------

HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]
FIRST_ASPECT: Rows = [[1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                      [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年6月30日", "已完成"]]
SECOND_ASPECT: Rows = [[1, "野生动物保护执法偏软", "开展专项执法", "森林公安", "2025年6月30日", "已完成"]]


@pytest.mark.parametrize(("first", "second", "titles"), [
    ("第一方面问题（2个）", "第二方面问题（1个）", ["第一方面", "第二方面"]),
    ("第一方面（共2个问题）", "第二方面（共1个问题）", ["第一方面", "第二方面"]),
    ("一、党的领导方面（2个）", "二、从严治党方面（1个）", ["党的领导方面", "从严治党方面"]),
])
def test_sheets_named_by_their_aspect_and_its_count(tmp_path: Path, first: str, second: str,
                                                     titles: list[str]) -> None:
    path = round15_book(tmp_path / "林业局.xlsx", {first: ([HEADER, *FIRST_ASPECT], []),
                                                  second: ([HEADER, *SECOND_ASPECT], [])}, unit="某某县林业局")
    ledger = api.read_ledger(path)
    assert [(a.number, a.title, len(list(a.issues()))) for a in ledger.aspects] == [
        (1, titles[0], 2), (2, titles[1], 1)]
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert f"（一）{titles[0]}" in text and f"（二）{titles[1]}" in text and "个）" not in text


@pytest.mark.parametrize("names", [("一", "二"), ("1", "2"), ("第一方面", "第二方面")])
def test_sheets_named_by_a_number_take_their_aspect_from_the_title(tmp_path: Path, names: tuple[str, str]) -> None:
    path = round15_book(tmp_path / "林业局.xlsx", {
        names[0]: ([["党的领导方面"], HEADER, *FIRST_ASPECT], ["A1:F1"]),
        names[1]: ([["某某县林业局巡察反馈全面从严治党方面问题整改台账"], HEADER, *SECOND_ASPECT], ["A1:F1"])},
        unit="某某县林业局")
    ledger = api.read_ledger(path)
    assert [(a.number, a.title, [i.number for i in a.issues()]) for a in ledger.aspects] == [
        (1, "党的领导方面", [1, 2]), (2, "全面从严治党方面", [1])]
    assert _loud(path) == []


# -- a two-row header with its labels not merged (centred across their columns, or left as typed) ------

@pytest.mark.parametrize("merges", [[], ["C1:D1", "E1:G1", "H1:I1"]], ids=["no-merge", "groups-merged"])
def test_a_two_row_header_whose_single_names_are_not_merged_down(tmp_path: Path, merges: list[str]) -> None:
    path = _book(tmp_path / "林业局.xlsx", [DUTY_TOP, DUTY_NAMES, *DUTY_ROWS], merges)
    ledger = api.read_ledger(path)
    assert [(i.number, i.title, [(m.text, m.lead, m.owner_unit, m.owner_person) for m in i.measures])
            for a in ledger.aspects for i in a.issues()] == [
        (1, "林长制落实不到位", [("建立林长巡林台账", "张局长", "林政股", "王某")]),
        (2, "森林防火宣传不足", [("开展防火宣传进村入户", "李副局长", "防火办", "赵某")])]
    report = api.check(path, Options(as_of=AS_OF))
    assert [(f.code, f.cell) for f in report.findings] == [("completed-late", "I3"), ("overdue", "D4")]


def test_a_group_label_over_its_columns_unmerged(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任", None, None, "整改时限", "完成情况"],
                  [None, None, None, "领导", "单位", "人", None, None],
                  *([r[0], r[1], r[2], *r[4:7], r[3], r[7]] for r in DUTY_ROWS)]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert [(m.lead, m.owner_unit, m.owner_person) for m in api.read_ledger(path).measures()] == [
        ("张局长", "林政股", "王某"), ("李副局长", "防火办", "赵某")]
    assert _loud(path) == [("overdue", "G4")]


def test_unmerged_groups_with_a_column_rectxl_does_not_read(tmp_path: Path) -> None:
    # 整改情况 typed over 是否完成 | 完成时间 | 未完成原因: the cause is known and not read, the
    # group still names its other columns — and 完成时限 over 计划 | 实际 beside it
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "完成时限", None, "整改情况", None, None],
                  [None, None, None, None, "计划", "实际", "是否完成", "完成时间", "未完成原因"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "2025年7月20日", "是",
                   "2025年7月20日", None],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", None, "否", None,
                   "宣传物资未到位"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert [(m.owner_unit, m.completed_on) for m in api.read_ledger(path).measures()] == [
        ("林政股", date(2025, 7, 20)), ("防火办", None)]
    report = api.check(path, Options(as_of=AS_OF))
    assert ("completed-late", "F3") in [(f.code, f.cell) for f in report.findings]
    assert _loud(path) == [("duplicate-header", "H2")]  # 实际 and 完成时间: two columns of the day it was done


# -- issues numbered under their aspect's number: 一.1, 二-3, 一（2） -------------------------------------

@pytest.mark.parametrize("mark", ["{}.{}", "{}-{}", "{}（{}）"])
def test_issues_numbered_under_the_aspects_number(tmp_path: Path, mark: str) -> None:
    rows: Rows = [["编号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"], ["一", "党的领导方面"],
                  [mark.format("一", 1), "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  [None, None, "开展专题研讨", "办公室", "2025年6月30日", "已完成"],
                  [mark.format("一", 3), "意识形态工作薄弱", "开展研判", "办公室", "2025年6月30日", "已完成"],
                  ["二", "全面从严治党方面"],
                  [mark.format("二", 1), "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "林业局.xlsx", rows, ["B2:F2", "B6:F6", "A3:A4", "B3:B4"])
    ledger = api.read_ledger(path)
    assert [(a.number, a.title, [(i.number, len(i.measures)) for i in a.issues()]) for a in ledger.aspects] == [
        (1, "党的领导方面", [(1, 2), (3, 1)]), (2, "全面从严治党方面", [(1, 1)])]
    assert _loud(path) == [("issue-number-gap", "A5")]


# -- 整改要求: the measures when no column names them, else what the measures are to achieve ---------------

@pytest.mark.parametrize("with_measures", [False, True])
def test_what_the_rectification_requires(tmp_path: Path, with_measures: bool) -> None:
    head = ["序号", "问题", "整改要求", "责任单位", "完成时限", "完成情况"]
    rows: list[list[Any]] = [head, [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                             [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进"]]
    if with_measures:  # 整改要求 | 整改措施: the requirement beside the measures
        rows = [[*r[:2], "全面落实林长制" if k else "整改措施", *r[2:]] for k, r in enumerate(rows)]
        rows[0][2:4] = ["整改要求", "整改措施"]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"])]
    report = api.check(path, Options(as_of=AS_OF))
    assert [(f.code, f.cell) for f in report.findings] == []


def test_a_requirement_beside_the_goal_is_no_second_goal_column(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改目标", "整改要求", "整改措施", "责任单位", "完成时限", "完成情况"],
                  [1, "林长制落实不到位", "林长制有效落实", "全面落实林长制", "建立林长巡林台账", "林政股",
                   "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"])]
    assert _loud(path) == []


# -- the day the ledger stands at, in brackets closing its title -----------------------------------------

def test_the_day_in_brackets_after_the_title_is_the_report_date(tmp_path: Path) -> None:
    rows: Rows = [["某某县林业局巡察整改台账（2025年9月30日）"], HEADER,
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进"]]
    path = book(tmp_path / "林业局.xlsx", {"台账": (rows, ["A1:F1"])})
    report = api.check(path, today=date(2026, 3, 1))
    assert (report.as_of, report.as_of_source) == (date(2025, 9, 30), "标题行中的日期")
    assert [f.code for f in report.findings if f.severity.value != "info"] == []  # not overdue on 1 March


def test_a_period_in_brackets_after_the_title_is_no_report_date(tmp_path: Path) -> None:
    rows: Rows = [["某某县林业局巡察整改台账（巡察时间：2025年3月10日至2025年5月20日）"], HEADER,
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"]]
    path = book(tmp_path / "林业局.xlsx", {"台账": (rows, ["A1:F1"])})
    assert api.read_ledger(path).info.report_date is None


# -- the account of the work and its evidence in one column ------------------------------------------

@pytest.mark.parametrize("head", ["整改进展及佐证材料", "整改成效及佐证", "进展情况及佐证资料"])
def test_progress_and_evidence_in_one_column_is_the_progress(tmp_path: Path, head: str) -> None:
    rows: Rows = [[*HEADER, head],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成",
                   "已建立巡林台账，开展巡林126次（佐证：巡林台账）"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进",
                   "已在12个村开展宣传"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert "开展巡林126次" in text and "已在12个村开展宣传" in text
    assert _loud(path) == []


@pytest.mark.parametrize("head", ["整改进展情况及存在问题", "落实情况及存在的问题", "推进情况和遇到的困难"])
def test_progress_and_what_holds_it_up_in_one_column_is_the_progress(tmp_path: Path, head: str) -> None:
    rows: Rows = [[*HEADER, head],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成", "开展巡林126次"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进",
                   "已在12个村开展宣传，存在宣传物资不足问题"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"])]
    assert [m.progress for m in api.read_ledger(path).measures()] == [
        "开展巡林126次", "已在12个村开展宣传，存在宣传物资不足问题"]
    assert _loud(path) == []


# -- the measures and how far each got in one column: 整改措施及完成情况 -----------------------------------

def test_measures_and_their_status_in_one_column(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施及完成情况", "责任单位", "整改时限"],
                  [1, "林长制落实不到位", "建立林长巡林台账，已完成", "林政股", "2025年6月30日"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户，正在推进", "防火办", "2025年6月30日"],
                  [3, "野生动物保护执法偏软", "开展专项执法", "森林公安", "2025年12月31日"]]
    path = _book(tmp_path / "林业局.xlsx", rows)
    assert _issues(path) == [("林长制落实不到位", ["建立林长巡林台账"]), ("森林防火宣传不足", ["开展防火宣传进村入户"]),
                             ("野生动物保护执法偏软", ["开展专项执法"])]
    assert [code for code, _ in _loud(path)] == ["missing-status", "overdue"]
    assert ("overdue", "E3") in _loud(path)
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert "建立林长巡林台账，已完成。" in text and "开展防火宣传进村入户，正在推进。" in text


# -- a 项次 column numbering the issues ---------------------------------------------------------------

def test_a_column_headed_xiangci_numbers_the_issues(tmp_path: Path) -> None:
    rows: Rows = [["项次", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成"],
                  [None, None, "开展林长制考核", "林政股", "2025年6月30日", "已完成"],
                  [3, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "林业局.xlsx", rows, ["A2:A3", "B2:B3"])
    assert [i.number for a in api.read_ledger(path).aspects for i in a.issues()] == [1, 3]
    assert _loud(path) == [("issue-number-gap", "A4")]


# -- the status merged across into the 完成时间 cell ------------------------------------------------------

@pytest.mark.parametrize(("status", "told"), [("正在推进，已完成宣传5场", []),
                                              ("已完成", [("missing-completion-date", "F3")])])
def test_a_status_merged_across_the_completion_cell_gives_no_day(tmp_path: Path, status: str,
                                                                  told: list[tuple[str, str]]) -> None:
    rows: Rows = [[*HEADER, "完成时间", "整改进展"],
                  [1, "林长制落实不到位", "建立林长巡林台账", "林政股", "2025年6月30日", "已完成", "2025年6月20日",
                   "已建立台账"],
                  [2, "森林防火宣传不足", "开展防火宣传进村入户", "防火办", "2025年12月31日", status, None, None]]
    path = _book(tmp_path / "林业局.xlsx", rows, ["F3:G3" if told else "F3:H3"])
    report = api.check(path, Options(as_of=AS_OF))
    assert [(f.code, f.cell) for f in report.findings if f.severity.value != "info"] == told
