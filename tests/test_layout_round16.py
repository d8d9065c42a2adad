"""Ledger layouts round sixteen: numbers, owners and aspects as other offices write them.

Issues numbered ①②③ (⑴⑵, (1)(2)) in the 序号 column; a 科室 tick matrix; one sheet per aspect
named only by its number; a measure merged over a row per 社区. Every workbook is built here with
openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.api import Options
from rectxl.batch import run_batch
from rectxl.core import fields as F
from tests.test_layout_round14 import book
from tests.test_layout_round15 import _book as round15_book
from tests.test_layout_round15 import _findings

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]
HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]


def _book(path: Path, sheets: dict[str, tuple[Rows, Sequence[str]]]) -> Path:
    """The round-14 workbook with a 基本信息 sheet of a 卫健局 (tests/test_layout_round15.py's)."""
    return round15_book(path, sheets, unit="某某县卫生健康局")


def _issues(path: Path) -> list[tuple[int | None, str]]:
    return [(i.number, i.title) for a in api.read_ledger(path).aspects for i in a.issues()]


# -- issues numbered ①②③ in the 序号 column -----------------------------------------------------

@pytest.mark.parametrize("labels", [("①", "②", "③"), ("⑴", "⑵", "⑶"), ("(1)", "(2)", "(3)"),
                                    ("（1）", "（2）", "（3）"), ("1）", "2）", "3）"), ("一", "二", "三"),
                                    ("一、", "二、", "三、"), ("问题一", "问题二", "问题三"),
                                    ("第1项", "第2项", "第3项")])
def test_issues_numbered_with_circled_or_bracketed_labels(tmp_path: Path, labels: tuple[str, ...]) -> None:
    rows: Rows = [HEADER,
                  [labels[0], "医疗质量管理不到位", "开展医疗质量专项检查", "医务科", "2025年6月30日", "已完成"],
                  [labels[1], "药品管理不规范", "规范药品采购流程", "药剂科", "2025年6月30日", "已完成"],
                  [labels[2], "护理记录不完整", "开展护理文书检查", "护理部", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    assert _issues(path) == [(1, "医疗质量管理不到位"), (2, "药品管理不规范"), (3, "护理记录不完整")]
    assert _findings(path) == []


def test_circled_labels_skipping_one_are_a_gap(tmp_path: Path) -> None:
    rows: Rows = [HEADER, ["一、政治建设方面"],
                  ["①", "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["②", "意识形态工作薄弱", "开展研判", "办公室", "2025年6月30日", "已完成"],
                  ["④", "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, ["A2:F2"])})
    ledger = api.read_ledger(path)
    assert [(a.title, [i.number for i in a.issues()]) for a in ledger.aspects] == [("政治建设方面", [1, 2, 4])]
    assert [code for code, _ in _findings(path)] == ["issue-number-gap"]


def test_chinese_numbers_heading_aspects_in_the_number_column_stay_aspects(tmp_path: Path) -> None:
    rows: Rows = [HEADER, ["一、", "政治建设方面"],
                  ["一", "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["二", "意识形态工作薄弱", "开展研判", "办公室", "2025年6月30日", "已完成"],
                  ["二、", "作风建设方面"],
                  ["一", "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    ledger = api.read_ledger(path)
    assert [(a.number, a.title, [i.number for i in a.issues()]) for a in ledger.aspects] == [
        (1, "政治建设方面", [1, 2]), (2, "作风建设方面", [1])]
    assert _findings(path) == []


def test_bracketed_marks_under_a_plain_number_still_mark_measures(tmp_path: Path) -> None:
    rows: Rows = [HEADER,
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["(1)", None, "开展集中学习", "办公室", "2025年6月30日", "已完成"],
                  [2, "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    assert _issues(path) == [(1, "学习贯彻不深入"), (2, "会风文风不实")]


# -- one measure merged over a row per 社区, its deadline and status merged too ---------------------

def test_a_measure_merged_over_units_sharing_its_status_is_owned_by_them_all(tmp_path: Path) -> None:
    """The 社区 on the rows under the measure had been dropped: the measure was 南山社区's alone, and
    北湖社区 got no reminder of it."""
    head = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]
    rows: Rows = [head,
                  [1, "社区网格管理不到位", "开展网格员培训", "南山社区", "赵某", "2025年12月31日", "正在推进"],
                  [None, None, None, "北湖社区", "钱某"],
                  [None, None, None, "东城社区", "孙某"],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "李某", "2025年6月30日", "已完成"]]
    merges = ["A2:A4", "B2:B4", "C2:C4", "F2:F4", "G2:G4"]
    path = _book(tmp_path / "街道.xlsx", {"台账": (rows, merges)})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(m.text, m.owner_unit, m.owner_person) for a in ledger.aspects for i in a.issues() for m in i.measures] == [
        ("开展网格员培训", "南山社区、北湖社区、东城社区", "赵某、钱某、孙某"), ("规范档案管理", "党政办", "李某")]


# -- a hospital's 科室 tick matrix -------------------------------------------------------------------

@pytest.mark.parametrize("merged_down", [True, False])
def test_units_ticked_under_their_label_own_the_measure(tmp_path: Path, merged_down: bool) -> None:
    """责任科室 over 医务科 | 护理部 | 药剂科, a √ under each of the row's 科室 (配合科室 alike): the owner had
    been read as "√" from the first column, the others told duplicate-header."""
    rows: Rows = [["序号", "问题", "整改措施", "责任科室", None, None, "配合科室", None, "完成时限", "整改状态"],
                  [None, None, None, "医务科", "护理部", "药剂科", "院办", "财务科"],
                  [1, "医疗质量管理不到位", "开展质量检查", "√", "√", None, "√", None, "2025年6月30日", "已完成"],
                  [2, "药品管理不规范", "规范药品采购流程", None, None, "✓", "√", "√", "2025年6月30日", "已完成"],
                  [3, "护理文书不规范", "开展护理文书检查", None, None, None, None, None, "2025年6月30日", "已完成"]]
    merges = ["D1:F1", "G1:H1"] + (["A1:A2", "B1:B2", "C1:C2", "I1:I2", "J1:J2"] if merged_down else [])
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, merges)})
    ledger = api.read_ledger(path)
    assert [(m.owner_unit, m.extra.get("配合单位", "")) for a in ledger.aspects for i in a.issues()
            for m in i.measures] == [("医务科、护理部", "院办"), ("药剂科", "院办、财务科"), ("", "")]
    assert _findings(path) == [("missing-owner-unit", "D5")]


# -- files a county office numbered by their place in its list ---------------------------------------

def test_a_file_numbered_by_its_place_in_the_list_is_its_units(tmp_path: Path) -> None:
    """"第1个 东山镇.xlsx" had been counted as the unit "第1个东山镇", "2025年第二轮巡察整改台账-北山乡" as
    "2025年北山乡" (the round named without its 巡察组)."""
    folder = tmp_path / "收件"
    folder.mkdir()
    for name, town in (("第1个 东山镇", "东山镇"), ("第2家_西河镇整改台账", "西河镇"), ("序号3-南湖乡", "南湖乡"),
                       ("2025年第二轮巡察整改台账-北山乡", "北山乡"), ("县委第三轮巡察石门镇整改台账", "石门镇")):
        rows: Rows = [HEADER, [1, "学习贯彻不深入", "制定学习计划", f"{town}党政办", "2025年6月30日", "已完成"]]
        book(folder / f"{name}.xlsx", {"台账": (rows, [])})
    result = run_batch(folder, options=Options(as_of=AS_OF), workers=1)
    assert sorted(r.unit for r in result.ledgers) == ["东山镇", "北山乡", "南湖乡", "石门镇", "西河镇"]


# -- the status kept in the 备注 column --------------------------------------------------------------

@pytest.mark.parametrize("progress", [False, True])
def test_status_words_kept_in_the_remarks_column_are_the_status(tmp_path: Path, progress: bool) -> None:
    """No 整改状态 column, the 备注 holding 已完成 / 正在推进 alone: it had been header-missing, and the
    rows past their deadline overdue with a status "未写明"."""
    head = ["序号", "问题", "整改措施", "责任单位", "整改时限", *(["整改进展"] if progress else []), "备注"]
    said = ["已印发学习计划", "已起草初稿", "会议同比减少三成"]
    rows: Rows = [head, *([n, issue, measure, "办公室", due, *([said[n - 1]] if progress else []), status]
                          for n, issue, measure, due, status in [
                              (1, "学习贯彻不深入", "制定学习计划", "2025年6月30日", "已完成"),
                              (2, "意识形态工作薄弱", "建立研判机制", "2025年12月31日", "正在推进"),
                              (3, "会风文风不实", "精简会议", "2025年6月30日", "已完成")])]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    assert _findings(path) == []
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [m.status.value if m.status else None for m in measures] == ["已完成", "正在推进", "已完成"]


def test_a_remark_saying_more_than_a_status_stays_a_remark(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "备注"],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成", "已完成"],
                  [2, "意识形态工作薄弱", "建立研判机制", "办公室", "2025年12月31日", "正在推进", "需市局协调"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.status_text, m.remark) for m in measures] == [("已完成", "已完成"), ("正在推进", "需市局协调")]


# -- a header of three rows, with group labels over group labels ------------------------------------

@pytest.mark.parametrize("merged_down", [True, False])
def test_a_three_row_header_with_columns_merged_down_over_it(tmp_path: Path, merged_down: bool) -> None:
    """整改措施 and 整改时限 written in the top row, merged down over three rows, beside 责任主体 over
    责任领导 | 责任单位 over 牵头科室 | 责任人: the top row's columns had been lost (header-missing 整改措施
    and 整改时限, every issue without measure)."""
    rows: Rows = [["某某县民政局巡察反馈问题整改落实台账"],
                  ["序号", "巡察反馈问题", None, "整改措施", "责任主体", None, None, "整改时限", "整改完成情况", None],
                  [None, "问题类别", "具体问题", None, "责任领导", "责任单位", None, None, "完成状态", "进展情况"],
                  [None, None, None, None, None, "牵头科室", "责任人"],
                  [1, "一、党的建设方面", "学习贯彻不深入", "制定学习计划", "王某", "办公室", "张某", "2025年6月30日",
                   "已完成", "已印发计划"],
                  [2, "一、党的建设方面", "组织生活不规范", "规范三会一课", "王某", "机关党委", "李某", "2025年12月",
                   "正在推进", "已开展检查"]]
    merges = ["A1:J1", "A2:A4", "B2:C2", "D2:D4", "E2:G2", "H2:H4", "I2:J2", "B3:B4", "C3:C4", "E3:E4", "F3:G3",
              "I3:I4", "J3:J4"]
    if not merged_down:  # only the group labels merged across, the cells under a column's name left blank
        merges = [m for m in merges if m[1] == m[4]]
    path = _book(tmp_path / "民政局.xlsx", {"台账": (rows, merges)})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(a.title, i.number, i.title, m.text, m.lead, m.owner_unit, m.owner_person, m.deadline.text, m.progress)
            for a in ledger.aspects for i in a.issues() for m in i.measures] == [
        ("党的建设方面", 1, "学习贯彻不深入", "制定学习计划", "王某", "办公室", "张某", "2025年6月30日", "已印发计划"),
        ("党的建设方面", 2, "组织生活不规范", "规范三会一课", "王某", "机关党委", "李某", "2025年12月", "已开展检查")]


# -- an aspect heading leading in with a colon --------------------------------------------------------

def test_an_aspect_heading_ending_on_a_colon_is_published_without_it(tmp_path: Path) -> None:
    """"一、政治建设方面存在的问题：" over its issues had been published "（一）政治建设方面存在的问题：" —
    a heading closing on a colon."""
    rows: Rows = [["某某县卫生健康局巡察整改台账"], HEADER, ["一、政治建设方面存在的问题："],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["二、作风建设方面存在的问题："],
                  [2, "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, ["A1:F1", "A3:F3", "A5:F5"])})
    assert [(a.number, a.title) for a in api.read_ledger(path).aspects] == [
        (1, "政治建设方面存在的问题"), (2, "作风建设方面存在的问题")]
    out = tmp_path / "通报.txt"
    api.notice(path, out, as_of=AS_OF)
    text = out.read_text(encoding="utf-8")
    assert "（一）政治建设方面存在的问题\n" in text and "问题：" not in text


# -- 整改时限 over 立行立改 | 限期整改 | 长期坚持 ---------------------------------------------------------

def test_a_deadline_ticked_or_dated_under_its_kind(tmp_path: Path) -> None:
    """A tick under 立行立改 or 长期坚持, the date under 限期整改: the deadline had been read as "√"
    (bad-deadline), the dates as missing, and the columns told duplicate-header."""
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", None, None, "整改状态"],
                  [None, None, None, None, "立行立改", "限期整改", "长期坚持"],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "√", None, None, "已完成"],
                  [2, "会风文风不实", "精简会议", "办公室", None, date(2025, 12, 31), None, "正在推进"],
                  [3, "公务接待不规范", "落实接待制度", "办公室", None, None, "√", "长期坚持"],
                  [4, "意识形态工作薄弱", "健全研判机制", "办公室", None, None, "2025年6月底前完成", "已完成"]]
    merges = ["E1:G1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "H1:H2"]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, merges)})
    assert _findings(path) == []
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.deadline.kind.value, m.deadline.due) for m in measures] == [
        ("immediate", date(2025, 3, 1)), ("date", date(2025, 12, 31)), ("long_term", None),
        ("date_and_long_term", date(2025, 6, 30))]


# -- a form of one block per problem, its fields labelled in rows (项目 | 内容) --------------------------

def test_a_form_labelling_each_field_in_its_row_is_read_block_by_block(tmp_path: Path) -> None:
    """问题 | …, 整改措施 | …, 责任科室 | … 责任人 | …, 完成时限 | … 整改状态 | …, one block per problem:
    the workbook had been refused (no header); findings point at the form's own cells."""
    rows: Rows = [["某某县人民医院巡察反馈问题整改台账"],
                  ["项目", "内容"],
                  ["问题", "医疗质量管理不到位"],
                  ["整改措施", "开展医疗质量专项检查"],
                  ["责任科室", "医务科", "责任人", "张某"],
                  ["完成时限", "2025年6月30日", "整改状态", "正在推进"],
                  ["问题", "药品管理不规范"],
                  ["整改措施", "规范药品采购流程"],
                  ["责任科室", None, "责任人", "李某"],
                  ["完成时限", "2025年12月31日", "整改状态", "正在推进"]]
    merges = ["A1:D1", "B2:D2", "B3:D3", "B4:D4", "B7:D7", "B8:D8"]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, merges)})
    ledger = api.read_ledger(path)
    assert [(i.title, m.text, m.owner_unit, m.owner_person, m.deadline.due, m.status_text)
            for a in ledger.aspects for i in a.issues() for m in i.measures] == [
        ("医疗质量管理不到位", "开展医疗质量专项检查", "医务科", "张某", date(2025, 6, 30), "正在推进"),
        ("药品管理不规范", "规范药品采购流程", "", "李某", date(2025, 12, 31), "正在推进")]
    assert _findings(path) == [("missing-owner-unit", "B9"), ("overdue", "B6")]


def test_a_form_block_listing_two_measures_gives_each_its_row(tmp_path: Path) -> None:
    rows: Rows = [["某某县人民医院巡察反馈问题整改清单"],
                  ["序号", 1], ["存在问题", "医疗质量管理不到位"], ["整改措施", "开展医疗质量专项检查"],
                  ["整改措施", "完善质控制度"], ["责任科室", "医务科"], ["整改时限", "2025年12月31日"],
                  ["整改情况", "正在推进"],
                  ["序号", 2], ["存在问题", "药品管理不规范"], ["整改措施", "规范药品采购流程"], ["责任科室", "药剂科"],
                  ["整改时限", "2025年6月30日"], ["整改情况", "已完成"]]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, ["A1:B1"])})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(i.number, i.title, [(m.text, m.owner_unit) for m in i.measures]) for a in ledger.aspects
            for i in a.issues()] == [
        (1, "医疗质量管理不到位", [("开展医疗质量专项检查", "医务科"), ("完善质控制度", "医务科")]),
        (2, "药品管理不规范", [("规范药品采购流程", "药剂科")])]


# -- headings "（一）关于…方面" with nothing above them -----------------------------------------------------

def test_bracketed_headings_naming_aspects_with_none_above_are_the_aspects(tmp_path: Path) -> None:
    """Seed 004 groups its issues by "（一）关于…方面": a ledger heading them so (no "一、" above) had two
    categories of one unnamed aspect — the notice's totals said no "两个方面"."""
    rows: Rows = [["某某县卫生健康局巡察整改台账"], HEADER, ["（一）关于政治建设方面"],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["（二）关于作风建设方面"],
                  [2, "会风文风不实", "精简会议", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, ["A1:F1", "A3:F3", "A5:F5"])})
    ledger = api.read_ledger(path)
    assert [(a.number, a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        (1, "关于政治建设方面", ["学习贯彻不深入"]), (2, "关于作风建设方面", ["会风文风不实"])]
    out = tmp_path / "通报.txt"
    api.notice(path, out, as_of=AS_OF)
    assert "巡察反馈的两个方面2个问题" in out.read_text(encoding="utf-8")


def test_bracketed_headings_under_an_aspect_stay_its_categories(tmp_path: Path) -> None:
    rows: Rows = [HEADER, ["一、政治建设方面"], ["（一）理论学习方面"],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
                  ["（二）意识形态方面"],
                  [2, "意识形态工作薄弱", "开展研判", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, ["A2:F2", "A3:F3", "A5:F5"])})
    ledger = api.read_ledger(path)
    assert [(a.title, [c.title for c in a.categories]) for a in ledger.aspects] == [
        ("政治建设方面", ["理论学习方面", "意识形态方面"])]


# -- header words: 班子成员, 经办科室 --------------------------------------------------------------------

@pytest.mark.parametrize(("lead", "unit"), [("责任班子成员", "责任科室"), ("分管领导", "经办科室"),
                                            ("联系班子成员", "经办股室")])
def test_a_member_of_the_leading_group_leads_and_the_office_doing_it_owns(tmp_path: Path, lead: str,
                                                                        unit: str) -> None:
    """责任班子成员 had been read as a second 责任单位 column, 经办科室 as the person (医务科 a 责任人, the
    measure without a unit)."""
    rows: Rows = [["序号", "问题", "整改措施", lead, unit, "责任人", "完成时限", "整改状态"],
                  [1, "医疗质量管理不到位", "开展质量检查", "王某", "医务科", "张某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, [])})
    assert _findings(path) == []
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.lead, m.owner_unit, m.owner_person) for m in measures] == [("王某", "医务科", "张某")]


# -- 整改措施及时限: each measure naming its deadline ----------------------------------------------------

@pytest.mark.parametrize("head", ["整改措施及时限", "措施及完成时限", "整改任务及时间节点"])
def test_measures_naming_their_deadlines_in_one_column(tmp_path: Path, head: str) -> None:
    """The column had been read as the deadline alone: header-missing 整改措施 and every issue without a
    measure."""
    rows: Rows = [["序号", "问题", head, "责任单位", "整改状态"],
                  [1, "学习贯彻不深入", "制定年度学习计划，2025年6月底前完成", "办公室", "已完成"],
                  [2, "意识形态工作薄弱", "建立研判机制（2025年12月31日前）", "办公室", "正在推进"],
                  [3, "会风文风不实", "精简会议，立行立改", "办公室", "已完成"],
                  [4, "公务接待不规范", "严格执行公务接待制度", "办公室", "正在推进"]]
    path = _book(tmp_path / "卫健局.xlsx", {"台账": (rows, [])})
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.text, m.deadline.kind.value, m.deadline.due) for m in measures] == [
        ("制定年度学习计划，2025年6月底前完成", "date", date(2025, 6, 30)),
        ("建立研判机制（2025年12月31日前）", "date", date(2025, 12, 31)),
        ("精简会议，立行立改", "immediate", date(2025, 3, 1)),
        ("严格执行公务接待制度", "empty", None)]
    assert _findings(path) == [("missing-deadline", "C5")]


# -- a measure merged over the rows of its stages --------------------------------------------------

def test_a_measure_merged_over_its_stages_reads_each_stage(tmp_path: Path) -> None:
    """推进污水管网改造 over a stage done by June and one due in August still going on: the second stage,
    overdue, had been hidden under the first row's 已完成."""
    rows: Rows = [HEADER,
                  [1, "基础设施建设滞后", "推进污水管网改造", "住建股", "2025年6月30日", "已完成"],
                  [None, None, None, "住建股", "2025年8月31日", "正在推进"],
                  [2, "台账资料不规范", "规范档案管理", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "住建局.xlsx", {"台账": (rows, ["A2:A3", "B2:B3", "C2:C3"])})
    assert _findings(path) == [("overdue", "E3")]
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.text, m.deadline.due, m.status_text) for m in measures] == [
        ("推进污水管网改造", date(2025, 6, 30), "已完成"), ("推进污水管网改造", date(2025, 8, 31), "正在推进"),
        ("规范档案管理", date(2025, 6, 30), "已完成")]


def test_a_measure_merged_over_rows_saying_the_same_is_one_measure(tmp_path: Path) -> None:
    rows: Rows = [HEADER,
                  [1, "基础设施建设滞后", "推进污水管网改造", "住建股", "2025年6月30日", "已完成"],
                  [None, None, None, "住建股", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "住建局.xlsx", {"台账": (rows, ["A2:A3", "B2:B3", "C2:C3"])})
    assert _findings(path) == []
    assert [len(i.measures) for a in api.read_ledger(path).aspects for i in a.issues()] == [1]


# -- a street office's matrix: each 社区's status under its name -------------------------------------

def test_each_units_status_in_its_column_is_that_units_share(tmp_path: Path) -> None:
    """各社区整改情况 over 南山社区 | 北湖社区 | 东城社区, each cell that 社区's status: it had been
    header-missing 责任单位, duplicate-header, and 北湖社区's 正在推进 past the deadline hidden."""
    rows: Rows = [["序号", "问题", "整改措施", "完成时限", "各社区整改情况", None, None],
                  [None, None, None, None, "南山社区", "北湖社区", "东城社区"],
                  [1, "网格管理不到位", "开展网格员培训", "2025年6月30日", "已完成", "正在推进", "已完成"],
                  [2, "台账资料不规范", "规范档案管理", "2025年6月30日", "已完成", None, "已完成"]]
    merges = ["E1:G1", "A1:A2", "B1:B2", "C1:C2", "D1:D2"]
    path = _book(tmp_path / "街道.xlsx", {"台账": (rows, merges)})
    ledger = api.read_ledger(path)
    assert [(m.text, m.owner_unit, m.status_text, m.cells[F.STATUS]) for a in ledger.aspects for i in a.issues()
            for m in i.measures] == [
        ("开展网格员培训", "南山社区", "已完成", "E3"), ("开展网格员培训", "北湖社区", "正在推进", "F3"),
        ("开展网格员培训", "东城社区", "已完成", "G3"), ("规范档案管理", "南山社区", "已完成", "E4"),
        ("规范档案管理", "东城社区", "已完成", "G4")]
    assert _findings(path) == [("overdue", "D3")]


def test_ticks_under_status_words_are_still_the_status(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况", None, None],
                  [None, None, None, None, None, "已完成", "正在推进", "未启动"],
                  [1, "网格管理不到位", "开展网格员培训", "党政办", "2025年6月30日", "√", None, None],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "2025年12月31日", None, "√", None]]
    merges = ["F1:H1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2"]
    path = _book(tmp_path / "街道.xlsx", {"台账": (rows, merges)})
    ledger = api.read_ledger(path)
    assert [(m.owner_unit, m.status_text) for a in ledger.aspects for i in a.issues() for m in i.measures] == [
        ("党政办", "已完成"), ("党政办", "正在推进")]
    assert _findings(path) == []


def test_units_marked_filled_lead_and_hollow_help(tmp_path: Path) -> None:
    """● under the 科室 that leads, ○ under those that help: the owners are the ● ones (the ○ had made
    the matrix no matrix at all, the owner "●")."""
    rows: Rows = [["序号", "问题", "整改措施", "责任科室", None, None, "完成时限", "整改状态"],
                  [None, None, None, "医务科", "护理部", "药剂科"],
                  [1, "医疗质量管理不到位", "开展质量检查", "●", "○", "○", "2025年6月30日", "已完成"],
                  [2, "药品管理不规范", "规范药品采购流程", "○", None, "●", "2025年6月30日", "已完成"]]
    merges = ["D1:F1", "A1:A2", "B1:B2", "C1:C2", "G1:G2", "H1:H2"]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, merges)})
    assert [m.owner_unit for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures] == [
        "医务科", "药剂科"]
    assert _findings(path) == []


def test_a_form_per_problem_on_sheets_of_their_own(tmp_path: Path) -> None:
    """A 销号表 per problem, a sheet each, its first row "问题 | … | 责任科室 | …": that row had been taken
    for a header (the problem's text and the 科室 columns not understood, 整改措施 and 完成时限 issues)."""
    def form(issue: str, measure: str, unit: str, due: str, status: str) -> tuple[Rows, Sequence[str]]:
        return ([["巡察反馈问题整改销号表"], ["问题", issue, "责任科室", unit], ["整改措施", measure],
                 ["完成时限", due, "整改状态", status]], ["A1:D1", "B3:D3"])
    path = _book(tmp_path / "医院.xlsx", {
        "问题一": form("医疗质量管理不到位", "开展医疗质量专项检查", "医务科", "2025年6月30日", "已完成"),
        "问题二": form("药品管理不规范", "规范药品采购流程", "药剂科", "2025年8月31日", "正在推进")})
    ledger = api.read_ledger(path)
    assert [(i.title, m.text, m.owner_unit, m.status_text) for a in ledger.aspects for i in a.issues()
            for m in i.measures] == [("医疗质量管理不到位", "开展医疗质量专项检查", "医务科", "已完成"),
                                     ("药品管理不规范", "规范药品采购流程", "药剂科", "正在推进")]
    assert [(f.code, f.sheet, f.cell) for f in api.check(path, Options(as_of=AS_OF)).findings
            if f.severity.value != "info"] == [("overdue", "问题二", "B4")]
