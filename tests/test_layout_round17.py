"""Ledger layouts round seventeen: workbooks written the way other offices write them.

A 汇总 sheet beside the same rows copied out per 科室; sheets named 第一方面 | 第二方面 with no
title row; one issue per aspect sheet numbered "1"; a merged measure whose rows report its
sub-steps. Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from rectxl import api
from rectxl.api import Options
from tests.test_layout_round14 import book

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]
HEADER = ["序号", "问题", "整改措施", "责任科室", "整改时限", "整改状态"]
TITLE = ["某某县人民医院巡察整改台账"]
ROWS = [["1", "医疗质量管理不到位", "开展医疗质量专项检查", "医务科", "2025年6月30日", "已完成"],
        ["2", "药品管理不规范", "规范药品采购流程", "药剂科", "2025年6月30日", "已完成"],
        ["3", "护理记录不完整", "开展护理文书检查", "护理部", "2025年12月31日", "正在推进"]]


def _book(path: Path, sheets: dict[str, tuple[Rows, Sequence[str]]]) -> Path:
    book(path, sheets)
    wb = load_workbook(path)
    info = wb.create_sheet("基本信息")
    for key, value in {"单位名称": "某某县人民医院", "反馈日期": date(2025, 3, 1), "报告日期": AS_OF}.items():
        info.append([key, value])
    wb.save(path)
    return path


def _counts(path: Path) -> tuple[int, int]:
    ledger = api.read_ledger(path)
    issues = [i for a in ledger.aspects for i in a.issues()]
    return len(issues), sum(len(i.measures) for i in issues)


def _loud(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


# -- a 汇总 sheet beside the same rows copied out per 科室 ----------------------------------------

def test_summary_sheet_beside_its_rows_per_unit_is_read_once(tmp_path: Path) -> None:
    path = _book(tmp_path / "医院.xlsx", {
        "汇总": ([TITLE, HEADER, *ROWS[:2]], ["A1:F1"]),
        "医务科": ([TITLE, HEADER, ROWS[0]], ["A1:F1"]),
        "药剂科": ([TITLE, HEADER, ROWS[1]], ["A1:F1"])})
    assert _counts(path) == (2, 2)
    report = api.check(path, Options(as_of=AS_OF))
    told = {f.sheet: f for f in report.findings if f.code == "ledger-copy-set-aside"}
    assert set(told) == {"医务科", "药剂科"}
    assert all("汇总" in f.message and f.severity.value == "info" for f in told.values())
    assert _loud(path) == []


def test_whole_sheet_not_named_as_summary_holding_every_unit_sheet(tmp_path: Path) -> None:
    # no title rows; the whole is the last sheet, called 台账
    path = _book(tmp_path / "医院.xlsx", {
        "医务科": ([HEADER, ROWS[0]], []), "药剂科": ([HEADER, ROWS[1]], []), "护理部": ([HEADER, ROWS[2]], []),
        "台账": ([HEADER, *ROWS], [])})
    assert _counts(path) == (3, 3)


def test_unit_sheets_sharing_a_measure_are_all_read(tmp_path: Path) -> None:
    # sheets per 科室 with no 汇总: one shares its only row's measure with another — both are read
    shared = ["1", "医疗质量管理不到位", "建立长效机制", "医务科", "2025年6月30日", "已完成"]
    path = _book(tmp_path / "医院.xlsx", {
        "医务科": ([HEADER, shared], []),
        "药剂科": ([HEADER, ["1", "药品管理不规范", "建立长效机制", "药剂科", "2025年6月30日", "已完成"],
                           ROWS[2]], [])})
    assert _counts(path) == (3, 3)


# -- a merged measure whose rows report its sub-steps under one status ------------------------------

def test_merged_measure_rows_reporting_substeps_of_one_status_stay_one_measure(tmp_path: Path) -> None:
    rows: Rows = [TITLE, HEADER,
                  ["1", "制度建设滞后", "完善内控制度", "办公室", "2025年12月31日", "已制定方案"],
                  [None, None, None, None, None, "已组织学习"],
                  ["2", "学习不深入", "开展集中学习", "办公室", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, ["A1:F1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4"])})
    ledger = api.read_ledger(path)
    first = next(i for a in ledger.aspects for i in a.issues())
    assert [m.text for m in first.measures] == ["完善内控制度"]
    assert "已制定方案" in first.measures[0].progress and "已组织学习" in first.measures[0].progress
    assert _counts(path) == (2, 2)
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    assert "完善内控制度，已制定方案；已组织学习" in notice.read_text(encoding="utf-8")


# -- sheets named 第一方面 | 第二方面 with no title row, one issue numbered "1" ---------------------

ASPECT_HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]


def _aspect_sheets(path: Path, names: tuple[str, str]) -> Path:
    return _book(path, {
        names[0]: ([ASPECT_HEADER, ["1", "党的领导弱化", "召开专题会议", "办公室", "2025年6月30日", "已完成"]], []),
        names[1]: ([ASPECT_HEADER, ["1", "作风不实", "开展作风整顿", "纪检组", "2025年6月30日", "已完成"],
                    ["2", "会议多", "精简会议", "办公室", "2025年6月30日", "已完成"]], [])})


def test_sheets_named_by_their_number_alone_are_the_aspects_headings(tmp_path: Path) -> None:
    path = _aspect_sheets(tmp_path / "医院.xlsx", ("第一方面", "第二方面"))
    ledger = api.read_ledger(path)
    assert [(a.number, a.title) for a in ledger.aspects] == [(1, "第一方面"), (2, "第二方面")]
    notice = tmp_path / "通报.md"
    api.notice(path, notice, as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert "两个方面" in text and text.index("第一方面") < text.index("党的领导弱化") < text.index("第二方面")


def test_single_issue_of_an_aspect_sheet_keeps_its_number(tmp_path: Path) -> None:
    for names in (("第一方面", "第二方面"), ("一、党的领导方面", "二、全面从严治党方面")):
        path = _aspect_sheets(tmp_path / f"{names[0]}.xlsx", names)
        ledger = api.read_ledger(path)
        assert [[i.number for i in a.issues()] for a in ledger.aspects] == [[1], [1, 2]]
        assert _loud(path) == []


def test_single_issue_sheet_numbered_one(tmp_path: Path) -> None:
    path = _book(tmp_path / "医院.xlsx", {"台账": ([TITLE, HEADER, ROWS[2]], ["A1:F1"])})
    assert [i.number for a in api.read_ledger(path).aspects for i in a.issues()] == [3]


# -- a form of one block per problem (项目 | 内容) ---------------------------------------------------

BLOCKS: Rows = [["问题", "医疗质量管理不到位"],
                ["整改措施", "开展医疗质量专项检查"],
                ["责任科室", "医务科", "责任人", "张某"],
                ["完成时限", "2025年6月30日", "整改状态", "已完成"],
                ["问题", "药品管理不规范"],
                ["整改措施", "规范药品采购流程"],
                ["责任科室", None, "责任人", "李某"],
                ["完成时限", "2025年12月31日", "整改状态", "正在推进"]]


def test_form_missing_owner_unit_names_the_row_of_its_cell(tmp_path: Path) -> None:
    path = book(tmp_path / "医院.xlsx", {"台账": ([TITLE, ["项目", "内容"], *BLOCKS], ["A1:D1"])})
    report = api.check(path, Options(as_of=AS_OF))
    found = [f for f in report.findings if f.code == "missing-owner-unit"]
    assert [(f.cell, f.row) for f in found] == [("B9", 9)]
    assert "第9行" in found[0].message and "第7行" not in found[0].message


def test_form_straight_under_its_title_keeps_the_title_and_filing_row(tmp_path: Path) -> None:
    # no 项目 | 内容 row: the title (and a 填报 row) stand right above the first block
    path = book(tmp_path / "医院.xlsx", {"台账": ([["某某县人民医院巡视反馈问题整改台账"], *BLOCKS], ["A1:D1"])})
    ledger = api.read_ledger(path)
    assert ledger.info.unit_name == "某某县人民医院" and ledger.info.round_word == "巡视"
    assert sum(len(i.measures) for a in ledger.aspects for i in a.issues()) == 2
    filing = ["填报单位：某某县人民医院", None, "填报日期：2025年9月30日"]
    path = book(tmp_path / "医院2.xlsx", {"台账": ([TITLE, filing, *BLOCKS], ["A1:D1"])})
    assert api.read_ledger(path).info.report_date == AS_OF


def test_unit_sheets_copied_without_the_issue_column_are_parts_of_the_summary(tmp_path: Path) -> None:
    unit_header = ["序号", "整改措施", "责任科室", "整改时限", "整改状态"]
    path = _book(tmp_path / "医院.xlsx", {
        "汇总表": ([TITLE, HEADER, *ROWS[:2]], ["A1:F1"]),
        "医务科": ([unit_header, ["1", *ROWS[0][2:]]], []),
        "药剂科": ([unit_header, ["1", *ROWS[1][2:]]], [])})
    assert _counts(path) == (2, 2)
    assert _loud(path) == []


def test_progress_written_row_by_row_under_a_merged_measure_is_kept_whole(tmp_path: Path) -> None:
    header = [*HEADER, "整改进展"]
    rows: Rows = [TITLE, header,
                  ["1", "制度建设滞后", "完善内控制度", "办公室", "2025年12月31日", "正在推进", "3月制定方案"],
                  [None, None, None, None, None, None, "5月组织学习"],
                  [None, None, None, None, None, None, "8月修订制度2项"],
                  ["2", "学习不深入", "开展集中学习", "办公室", "2025年12月31日", "正在推进", "已学习4次"]]
    merges = ["A1:G1", "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:E5", "F3:F5"]
    ledger = api.read_ledger(_book(tmp_path / "医院.xlsx", {"台账": (rows, merges)}))
    first = next(i for a in ledger.aspects for i in a.issues())
    assert [m.text for m in first.measures] == ["完善内控制度"]
    assert all(step in first.measures[0].progress for step in ("3月制定方案", "5月组织学习", "8月修订制度2项"))


def test_sheets_numbered_in_brackets_before_a_field_are_aspects(tmp_path: Path) -> None:
    path = _aspect_sheets(tmp_path / "医院.xlsx", ("（一）政治建设", "(二)作风建设"))
    assert [(a.number, a.title, len(list(a.issues()))) for a in api.read_ledger(path).aspects] == [
        (1, "政治建设", 1), (2, "作风建设", 2)]
    # sheets per unit numbered so are no aspects
    path = _aspect_sheets(tmp_path / "局.xlsx", ("（一）办公室", "（二）财务股"))
    assert [a.title for a in api.read_ledger(path).aspects] == [None]


def test_growing_monthly_copies_are_periods_not_parts(tmp_path: Path) -> None:
    # 8月 ⊂ 9月 ⊂ 10月: the older months are set aside as older copies (a warning), not as parts
    path = _book(tmp_path / "医院.xlsx", {
        "8月": ([HEADER, ROWS[0]], []), "9月": ([HEADER, *ROWS[:2]], []), "10月": ([HEADER, *ROWS], [])})
    assert _counts(path) == (3, 3)
    report = api.check(path, Options(as_of=AS_OF))
    told = [f for f in report.findings if f.code == "ledger-copy-set-aside"]
    assert {f.sheet for f in told} == {"8月", "9月"} and all("分出" not in f.message for f in told)


def test_form_from_the_sheets_first_row_with_no_title_is_read(tmp_path: Path) -> None:
    path = _book(tmp_path / "医院.xlsx", {"台账": (BLOCKS, [])})
    ledger = api.read_ledger(path)
    assert [(i.title, [m.text for m in i.measures]) for a in ledger.aspects for i in a.issues()] == [
        ("医疗质量管理不到位", ["开展医疗质量专项检查"]), ("药品管理不规范", ["规范药品采购流程"])]
    assert _loud(path) == [("missing-owner-unit", "B7")]


def test_unit_copy_further_along_than_the_summary_is_told(tmp_path: Path) -> None:
    # 药剂科 marked its measure done on its own sheet; the 汇总 still says 正在推进
    done = [*ROWS[2][:5], "已完成"]
    path = _book(tmp_path / "医院.xlsx", {
        "汇总": ([TITLE, HEADER, *ROWS], ["A1:F1"]),
        "医务科": ([TITLE, HEADER, ROWS[0]], ["A1:F1"]),
        "护理部": ([TITLE, HEADER, done], ["A1:F1"])})
    assert _counts(path) == (3, 3)
    report = api.check(path, Options(as_of=AS_OF))
    told = {f.sheet: f for f in report.findings if f.code == "ledger-copy-set-aside"}
    assert told["医务科"].severity.value == "info"
    assert told["护理部"].severity.value == "warning"
    assert "开展护理文书检查" in told["护理部"].message and "已完成" in told["护理部"].message


def test_single_issue_labelled_in_words_or_circled_keeps_its_number(tmp_path: Path) -> None:
    for n, labels in enumerate((("①", "①", "②"), ("（1）", "（1）", "（2）"), ("一", "一", "二"))):
        one = [labels[0], "党的领导弱化", "召开专题会议", "办公室", "2025年6月30日", "已完成"]
        two = [[labels[1], "作风不实", "开展作风整顿", "纪检组", "2025年6月30日", "已完成"],
               [labels[2], "会议多", "精简会议", "办公室", "2025年6月30日", "已完成"]]
        path = _book(tmp_path / f"医院{n}.xlsx", {"第一方面": ([ASPECT_HEADER, one], []),
                                                 "第二方面": ([ASPECT_HEADER, *two], [])})
        assert [[i.number for i in a.issues()] for a in api.read_ledger(path).aspects] == [[1], [1, 2]], labels


def test_a_measure_two_units_share_copied_to_both_units_sheets(tmp_path: Path) -> None:
    # 开展护理文书检查 is 医务科's and 护理部's: its row copied to both sheets (护理部's inside 医务科's)
    shared = ["3", "护理记录不完整", "开展护理文书检查", "医务科、护理部", "2025年12月31日", "正在推进"]
    path = _book(tmp_path / "医院.xlsx", {
        "汇总": ([TITLE, HEADER, *ROWS[:2], shared], ["A1:F1"]),
        "医务科": ([TITLE, HEADER, ROWS[0], shared], ["A1:F1"]), "护理部": ([TITLE, HEADER, shared], ["A1:F1"]),
        "药剂科": ([TITLE, HEADER, ROWS[1]], ["A1:F1"])})
    assert _counts(path) == (3, 3)
    assert _loud(path) == []
