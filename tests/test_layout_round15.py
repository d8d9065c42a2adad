"""Ledger layouts round fifteen: how offices not met before number their aspects and issues, and
name their sheets.

An aspect heading numbered "1、…方面", "Ⅰ、…", "一是…方面" over its issues; issues labelled
①, 【问题1】, 第1条 in their own cell. Every workbook is built here with openpyxl; units, people and
texts are fictional."""

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

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]
HEADER = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]


def _book(path: Path, sheets: dict[str, tuple[Rows, Sequence[str]]], unit: str = "某某县交通运输局") -> Path:
    """The round-14 workbook (tests/test_layout_round14.py) with a 基本信息 sheet of ``unit``."""
    book(path, sheets)
    wb = load_workbook(path)
    info = wb.create_sheet("基本信息")
    for key, value in {"单位名称": unit, "反馈日期": date(2025, 3, 1), "报告日期": AS_OF}.items():
        info.append([key, value])
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _aspects(path: Path) -> list[tuple[int | None, str | None, list[tuple[int | None, str, list[str]]]]]:
    return [(a.number, a.title, [(i.number, i.title, [m.text for m in i.measures]) for i in a.issues()])
            for a in api.read_ledger(path).aspects]


# -- aspects numbered 1、 / Ⅰ、 / 一是 / 第一部分 on their own row ---------------------------------------

#: the second aspect's issue is written across its own row, "1、会风文风不实": numbered alike, it
#: names no aspect and stays an issue
@pytest.mark.parametrize(("first", "second"), [
    ("1、政治建设方面", "2、作风建设方面"),
    ("Ⅰ、政治建设方面", "Ⅱ、作风建设方面"),
    ("一是政治建设方面", "二是作风建设方面"),
])
def test_aspect_heading_rows_numbered_as_other_offices_do(tmp_path: Path, first: str, second: str) -> None:
    rows: list[list[Any]] = [["某某县交通运输局巡察整改台账"], HEADER, [first],
                             [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
                             [2, "意识形态工作薄弱", "开展研判", "办公室", "张某", "2025年6月30日", "已完成"],
                             [second], ["1、会风文风不实"],
                             [None, None, "精简会议", "办公室", "王某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "交通局.xlsx", {"台账": (rows, ["A1:G1", "A3:G3", "A6:G6", "A7:G7"])})
    assert _findings(path) == []
    assert _aspects(path) == [
        (1, "政治建设方面", [(1, "学习贯彻不深入", ["制定学习计划"]), (2, "意识形态工作薄弱", ["开展研判"])]),
        (2, "作风建设方面", [(1, "会风文风不实", ["精简会议"])])]


def test_aspect_column_numbered_in_arabic_or_roman(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["方面", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
                             ["1.政治建设",
                               "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
                             ["Ⅱ．作风建设", "会风文风不实", "精简会议", "办公室", "王某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "交通局.xlsx", {"台账": (rows, [])})
    assert [(n, t) for n, t, _ in _aspects(path)] == [(1, "政治建设"), (2, "作风建设")]


# -- issues labelled ①, 【问题1】, 第1条 in their own cell -------------------------------------------

@pytest.mark.parametrize("label", ["①②③", "【问题{}】", "第{}条 ", "[问题{}]"])
def test_issue_labels_give_the_issue_its_number(tmp_path: Path, label: str) -> None:
    def mark(n: int) -> str:
        return label[n - 1] if "{}" not in label else label.format(n)
    rows: list[list[Any]] = [["问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]]
    texts = [("学习贯彻不深入", "制定学习计划"), ("意识形态工作薄弱", "开展研判"), ("会风文风不实", "精简会议")]
    for n, (issue, measure) in enumerate(texts, start=1):
        rows.append([mark(n) + issue, measure, "办公室", "张某", "2025年6月30日", "已完成"])
    path = _book(tmp_path / "交通局.xlsx", {"台账": (rows, [])})
    assert _findings(path) == []
    assert [issues for _, _, issues in _aspects(path)] == [
        [(n, issue, [measure]) for n, (issue, measure) in enumerate(texts, start=1)]]


# -- sheets named 第一方面 / 第二方面, the aspect named in the title above the header ---------------------

@pytest.mark.parametrize("title", ["{}", "{}问题整改台账", "某某县交通运输局巡察反馈{}问题整改台账"])
def test_sheet_named_by_number_takes_its_aspect_from_its_title(tmp_path: Path, title: str) -> None:
    sheets: dict[str, tuple[Rows, Sequence[str]]] = {}
    for name, aspect, issue, measure in [("第一方面", "政治建设方面", "学习贯彻不深入", "制定学习计划"),
                                         ("第二方面", "作风建设方面", "会风文风不实", "精简会议")]:
        rows = [[title.format(aspect)], HEADER, [1, issue, measure, "办公室", "张某", "2025年6月30日", "已完成"]]
        sheets[name] = (rows, ["A1:G1"])
    path = _book(tmp_path / "交通局.xlsx", sheets)
    assert _findings(path) == []
    assert [(n, t) for n, t, _ in _aspects(path)] == [(1, "政治建设方面"), (2, "作风建设方面")]


# -- one measure broken over two lines in its cell --------------------------------------------------

def test_one_measure_broken_over_lines_is_one_measure(tmp_path: Path) -> None:
    """"组织全体执法人员\\n开展执法业务培训" sets people to work on the next line, "制定学习计划并\\n…"
    goes on: one measure each, read and told as one; two whole measures a line each stay two."""
    rows: list[list[Any]] = [
        HEADER,
        [1, "执法能力不足", "组织全体执法人员\n开展执法业务培训", "法规科", "李某", "2025年6月30日", "已完成"],
        [2, "学习贯彻不深入", "制定学习计划并\n按月督促落实", "办公室", "张某", "2025年6月30日", "已完成"],
        [3, "主题党日不规范", "督促各党支部\n按月开展主题党日", "机关党委", "王某", "2025年6月30日", "已完成"],
        [4, "帮扶不到位", "开展政策宣传\n建立帮扶台账", "办公室", "张某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "交通局.xlsx", {"台账": (rows, [])})
    report = api.check(path, Options(as_of=AS_OF))
    assert [(f.code, f.cell) for f in report.findings if f.code == "measures-in-one-cell"] == [
        ("measures-in-one-cell", "C5")]
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = out.read_text(encoding="utf-8")
    assert "组织全体执法人员开展执法业务培训" in text
    assert "制定学习计划并按月督促落实" in text
    assert "督促各党支部按月开展主题党日" in text


# -- a 回头看 ledger saying in its 回头看发现问题 column that nothing was found again --------------------

LOOKBACK_HEADER = ["序号", "原问题", "回头看发现问题", "再整改措施", "责任单位", "责任人", "整改时限", "整改情况"]


@pytest.mark.parametrize(("found", "rest"), [
    ("原问题已整改到位，回头看未发现新问题", [None] * 5),
    ("原问题已整改到位，回头看未发现新问题", ["/"] * 5),
    ("未发现问题反弹", [None] * 5),
    ("无", [None, None, None, None, "已整改到位"]),
])
def test_nothing_found_again_is_no_issue(tmp_path: Path, found: str, rest: list[Any]) -> None:
    rows: list[list[Any]] = [
        ["县林业局党组巡察整改“回头看”问题整改台账"], LOOKBACK_HEADER,
        [1, "林地占用审批把关不严", "部分项目未恢复植被", "督促业主限期恢复植被", "资源股", "钱进", "2025年11月底前",
         "正在推进"],
        [2, "项目资金拨付滞后", found, *rest]]
    path = _book(tmp_path / "林业局.xlsx", {"回头看台账": (rows, ["A1:H1"])})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(c.title, [i.title for i in c.issues]) for a in ledger.aspects for c in a.categories] == [
        ("林地占用审批把关不严", ["部分项目未恢复植被"]), ("项目资金拨付滞后", [])]
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = out.read_text(encoding="utf-8")
    assert "项目资金拨付滞后" in text and "（二）" in text
    assert (found if found != "无" else rest[-1]) in text


def test_a_problem_found_again_without_a_measure_is_still_told(tmp_path: Path) -> None:
    rows: list[list[Any]] = [LOOKBACK_HEADER,
                             [1, "护林员管理松散", "考勤未落实", "建立考勤", "护林站", "孙虎", "8月底前", "已完成"],
                             [2, "项目资金拨付滞后", "部分资金仍未拨付到位", None, None, None, None, None],
                             [3, "林地占用审批把关不严", "未发现问题反弹", None, None, None, None, None]]
    path = _book(tmp_path / "林业局.xlsx", {"回头看台账": (rows, [])})
    assert _findings(path) == [("issue-without-measure", "C3")]


# -- a task naming a 问题编号 the 问题清单 lacks -------------------------------------------------------

def test_a_task_naming_a_number_the_problem_list_lacks_is_told_so(tmp_path: Path) -> None:
    problems: Rows = [["巡察反馈问题清单"], ["问题编号", "方面", "问题描述"],
                      [1, "一、政治建设方面", "学习贯彻不深入"], [2, None, "意识形态责任制落实不力"],
                      [3, "二、作风建设方面", "文风会风不实"]]
    tasks: Rows = [["整改任务清单"], ["序号", "问题编号", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
                   [1, 1, "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
                   [2, 2, "开展意识形态研判", "宣传科", "李某", "2025年6月30日", "已完成"],
                   [3, 3, "精简会议文件", "办公室", "王某", "2025年6月30日", "已完成"],
                   [4, 4, "清退超标准接待费用", "办公室", "王某", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "两张清单.xlsx", {"问题清单": (problems, ["A1:C1", "B3:B4"]),
                                              "任务清单": (tasks, ["A1:G1"])})
    report = api.check(path, Options(as_of=AS_OF))
    told = [f for f in report.findings if f.severity.value != "info"]
    assert [(f.code, f.sheet, f.cell) for f in told] == [("measure-without-issue", "任务清单", "B6")]
    assert "问题编号“4”" in told[0].message and "问题清单" in told[0].message
    assert "具体问题" not in told[0].message


# -- a 街道 ledger: one measure merged over a row per 社区, each with its own status -------------------

def test_a_measure_merged_over_a_row_per_community_is_each_ones_share(tmp_path: Path) -> None:
    """The measure written once over three 社区 rows, each with its own status: 南山社区's 正在推进,
    past its deadline, had been hidden under 东风社区's 已完成 (one measure, read at its anchor). A unit
    on the row below with no status of its own (the status merged too) helps: one measure still."""
    head = ["序号", "反馈问题", "整改措施", "责任社区", "责任人", "完成时限", "完成情况"]
    rows: Rows = [["某某街道党工委巡察整改落实台账"], head,
                  [1, "网格化管理不到位", "重新划分网格并配齐网格员", "东风社区", "赵某", "2025年6月30日", "已完成"],
                  [None, None, None, "西湖社区", "钱某", "2025年6月30日", "已完成"],
                  [None, None, None, "南山社区", "孙某", "2025年6月30日", "正在推进"],
                  [2, "社区“两委”学习不经常", "建立每月集中学习制度", "街道党政办", "李某", "2025年6月30日", "已完成"],
                  [None, None, None, "各社区", "周某", None, None]]
    merges = ["A1:G1", "A3:A5", "B3:B5", "C3:C5", "A6:A7", "B6:B7", "C6:C7", "F6:F7", "G6:G7"]
    path = _book(tmp_path / "街道.xlsx", {"台账": (rows, merges)})
    assert _findings(path) == [("overdue", "F5")]
    ledger = api.read_ledger(path)
    first = next(ledger.aspects[0].issues())
    assert [(m.text, m.owner_unit) for m in first.measures] == [
        ("重新划分网格并配齐网格员", "东风社区"), ("重新划分网格并配齐网格员", "西湖社区"),
        ("重新划分网格并配齐网格员", "南山社区")]
    assert [len(i.measures) for a in ledger.aspects for i in a.issues()] == [3, 1]


# -- a 国企 ledger: 责任子公司 beside 责任部门 -----------------------------------------------------------

@pytest.mark.parametrize("company", ["责任子公司", "涉及二级单位", "责任分公司"])
def test_a_group_ledger_names_its_company_beside_the_department(tmp_path: Path, company: str) -> None:
    head = ["序号", "问题类别", "具体问题", "整改措施", company, "责任部门", "责任人", "整改时限", "整改状态"]
    rows: Rows = [["某某县城投集团党委巡察整改台账"], head,
                  [1, "一、党的建设方面", "基层党组织建设薄弱", "规范支部设置", "城投建设公司", "党群工作部", "冯某",
                   "2025年6月30日", "已完成"],
                  [2, "二、经营管理方面", "工程结算审核不严", "开展结算复审", "城投置业公司", "审计部", "蒋某",
                   "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "城投.xlsx", {"台账": (rows, ["A1:I1"])})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [m.owner_unit for a in ledger.aspects for i in a.issues() for m in i.measures] == ["党群工作部", "审计部"]


# -- two visible copies of a small ledger -----------------------------------------------------------

def _small(status: str) -> tuple[Rows, Sequence[str]]:
    return ([["某某县交通运输局巡察整改台账"], HEADER,
             [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
             [2, "会风文风不实", "精简会议", "办公室", "王某", "2025年12月31日", status]], ["A1:G1"])


@pytest.mark.parametrize(("older", "newer"), [("台账", "台账 (2)"), ("8月", "9月"), ("2025年8月", "2025年9月")])
def test_two_copies_of_a_small_ledger_are_read_once(tmp_path: Path, older: str, newer: str) -> None:
    path = _book(tmp_path / "交通局.xlsx", {older: _small("正在推进"), newer: _small("已完成")})
    report = api.check(path, Options(as_of=AS_OF))
    assert [f.code for f in report.findings if f.severity.value != "info"] == ["ledger-copy-set-aside"]
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.text, m.sheet) for m in measures] == [("制定学习计划", newer), ("精简会议", newer)]
    # sheets per unit with the same two measures word for word are no copies: both are read
    units = _book(tmp_path / "科室.xlsx", {"办公室": _small("已完成"), "财务股": _small("已完成")})
    assert len([m for a in api.read_ledger(units).aspects for i in a.issues() for m in i.measures]) == 4


# -- each measure's progress on the row under it, in the measure column ----------------------------

def test_progress_written_on_the_row_under_its_measure(tmp_path: Path) -> None:
    rows: Rows = [["某某县水利局巡察整改台账"], HEADER,
                  [1, "河道采砂监管不严", "开展河道采砂专项整治", "河道股", "韩某", "2025年6月30日", "已完成"],
                  [None, None, "整改进展：已查处非法采砂2起", None, None, None, None],
                  [2, "工程质量监管缺位", "建立质量巡查制度", "建管股", "杨某", "2025年6月30日", "已完成"],
                  [None, None, "进展情况：已印发巡查制度", None, None, None, None],
                  [None, None, "开展质量抽检", "建管股", "杨某", "2025年12月31日", "正在推进"]]
    path = _book(tmp_path / "水利局.xlsx", {"台账": (rows, ["A1:G1", "A3:A4", "B3:B4", "A5:A7", "B5:B7"])})
    assert _findings(path) == []
    measures = [(m.text, m.progress) for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert measures == [("开展河道采砂专项整治", "已查处非法采砂2起"), ("建立质量巡查制度", "已印发巡查制度"),
                        ("开展质量抽检", "")]


# -- an aspect numbered Ⅰ / 第一部分 in the 序号 column, named in the next ---------------------------

@pytest.mark.parametrize(("first", "second"), [("Ⅰ", "Ⅱ"), ("Ⅰ、", "Ⅱ、"), ("第一部分", "第二部分")])
def test_aspect_numbered_in_the_number_column(tmp_path: Path, first: str, second: str) -> None:
    rows: Rows = [["某某县教育局巡察整改台账"], HEADER,
                  [first, "政治建设方面", None, None, None, None, None],
                  [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
                  [second, "作风建设方面", None, None, None, None, None],
                  [2, "会风文风不实", "精简会议", "办公室", "王某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "教育局.xlsx", {"台账": (rows, ["A1:G1"])})
    assert _findings(path) == []
    assert _aspects(path) == [(1, "政治建设方面", [(1, "学习贯彻不深入", ["制定学习计划"])]),
                              (2, "作风建设方面", [(2, "会风文风不实", ["精简会议"])])]


# -- 一、(一)、1. all in the 序号 column, beside one 问题及整改措施 column ------------------------------

def test_outline_numbers_in_the_first_column_number_the_aspects(tmp_path: Path) -> None:
    head = ["序号", "问题及整改措施", "责任单位", "责任人", "整改时限", "整改状态"]
    rows: Rows = [["某某镇党委巡察整改台账"], head,
                  ["一、", "政治建设方面", None, None, None, None],
                  ["（一）", "学习贯彻不深入", None, None, None, None],
                  ["1.", "制定年度学习计划", "党政办", "张某", "2025年6月30日", "已完成"],
                  ["2.", "开展专题读书班", "党政办", "张某", "2025年6月30日", "已完成"],
                  ["二、", "作风建设方面", None, None, None, None],
                  ["（一）", "会风文风不实", None, None, None, None],
                  ["1.", "精简会议文件", "党政办", "王某", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "镇.xlsx", {"台账": (rows, ["A1:F1"])})
    assert _findings(path) == []
    assert _aspects(path) == [(1, "政治建设方面", [(1, "学习贯彻不深入", ["制定年度学习计划", "开展专题读书班"])]),
                              (2, "作风建设方面", [(1, "会风文风不实", ["精简会议文件"])])]
