"""Ledger layouts round fourteen: how offices not met before lay out their ledgers.

A ledger printed page by page (or pasted together from several tables) writes its header again
over each part — one header row or two, with the row numbering the columns under it; a note row
("备注：本方面…") closes one aspect before the next one's heading.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl import api
from rectxl.api import Options

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]


def book(path: Path, sheets: dict[str, tuple[Rows, Sequence[str]]], hidden: Sequence[str] = ()) -> Path:
    wb = Workbook()
    default = wb.active
    for name, (rows, merges) in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for rng in merges:
            ws.merge_cells(rng)
        if name in hidden:
            ws.sheet_state = "hidden"
    if default is not None:
        wb.remove(default)
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _tree(path: Path) -> list[tuple[str | None, str, list[str]]]:
    return [(a.title, i.title, [m.text for m in i.measures])
            for a in api.read_ledger(path).aspects for i in a.issues()]


# -- the header written again over each printed page -----------------------------------------------

HEADER = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]


def test_header_repeated_on_each_page_is_no_measure(tmp_path: Path) -> None:
    rows: Rows = [
        ["某某县民政局巡察整改台账"],
        HEADER,
        [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
        [2, "意识形态工作薄弱", "每季度研判意识形态", "办公室", "张某", "2025年6月30日", "已完成"],
        HEADER,
        [3, "会风文风不实", "精简会议文件", "办公室", "王某", "2025年12月31日", "正在推进"],
        [None, None, "控制发文数量", "办公室", "王某", "2025年12月31日", "正在推进"],
    ]
    path = book(tmp_path / "民政局.xlsx", {"台账": (rows, ["A1:G1", "A6:A7", "B6:B7"])})
    assert _findings(path) == []
    assert [(i, ms) for _, i, ms in _tree(path)] == [
        ("学习贯彻不深入", ["制定学习计划"]), ("意识形态工作薄弱", ["每季度研判意识形态"]),
        ("会风文风不实", ["精简会议文件", "控制发文数量"])]


def test_two_row_header_repeated_with_its_column_numbers(tmp_path: Path) -> None:
    top = ["序号", "反馈问题", "整改措施", "责任主体", None, None, "整改时限", "整改状态"]
    sub = [None, None, None, "责任领导", "责任部门", "责任人", None, None]
    numbers = [1, 2, 3, 4, 5, 6, 7, 8]
    rows: Rows = [
        ["中共某某学院委员会巡察整改台账"], top, sub, numbers,
        [1, "理论学习流于形式", "制定中心组学习计划", "党委书记", "学院办公室", "王某", "2025年4月30日", "已完成"],
        top, sub, numbers,
        [None, None, "开展专题研讨4次", "党委书记", None, "王某", "2025年12月31日", "正在推进"],
    ]
    merges = ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:G3", "H2:H3",
              "A6:A7", "B6:B7", "C6:C7", "D6:F6", "G6:G7", "H6:H7"]
    path = book(tmp_path / "学院.xlsx", {"台账": (rows, merges)})
    # the second measure (row 9) is issue 1's, and its 责任部门 is really missing
    assert _findings(path) == [("missing-owner-unit", "E9")]
    assert [(i, ms) for _, i, ms in _tree(path)] == [
        ("理论学习流于形式", ["制定中心组学习计划", "开展专题研讨4次"])]


# -- a note row between two aspects ------------------------------------------------------------------

def test_note_row_between_aspects_keeps_the_next_aspect(tmp_path: Path) -> None:
    rows: Rows = [
        ["某某县统计局巡察整改台账"],
        HEADER,
        ["一、政治建设方面"],
        [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
        ["备注：本方面问题措施已于2025年6月全部制定"],
        [],
        ["二、作风建设方面"],
        ["（一）会风文风"],
        [2, "会风文风不实", "精简会议文件", "办公室", "王某", "2025年12月31日", "正在推进"],
        ["填表说明：整改状态填写已完成、正在推进或长期坚持"],
        ["一、本表一式两份"],
    ]
    path = book(tmp_path / "统计局.xlsx", {"台账": (rows, ["A1:G1", "A3:G3", "A5:G5", "A7:G7", "A8:G8",
                                                          "A10:G10", "A11:G11"])})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(a.number, a.title) for a in ledger.aspects] == [(1, "政治建设方面"), (2, "作风建设方面")]
    assert [c.title for c in ledger.aspects[1].categories] == ["会风文风"]
    assert [i.title for a in ledger.aspects for i in a.issues()] == ["学习贯彻不深入", "会风文风不实"]


# -- 问题清单 and 任务清单 on two sheets -----------------------------------------------------------------

def test_a_problem_list_gives_the_aspects_and_an_untasked_problem_is_found(tmp_path: Path) -> None:
    problems: Rows = [
        ["巡察反馈问题清单"],
        ["问题编号", "方面", "问题描述"],
        [1, "一、政治建设方面", "学习贯彻不深入"],
        [2, None, "意识形态责任制落实不力"],
        [3, "二、作风建设方面", "文风会风不实"],
        [4, None, "公务接待超标准"],
    ]
    tasks: Rows = [
        ["整改任务清单"],
        ["序号", "问题编号", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
        [1, 1, "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
        [2, 1, "开展专题学习", "办公室", "张某", "长期坚持", "长期坚持"],
        [3, 2, "开展意识形态研判", "宣传科", "李某", "2025年6月30日", "已完成"],
        [4, 4, "清退超标准接待费用", "办公室", "王某", "2025年12月31日", "正在推进"],
    ]
    path = book(tmp_path / "两张清单.xlsx", {"问题清单": (problems, ["A1:C1", "B3:B4", "B5:B6"]),
                                              "任务清单": (tasks, ["A1:G1"])})
    ledger = api.read_ledger(path)
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("政治建设方面", ["学习贯彻不深入", "意识形态责任制落实不力"]),
        ("作风建设方面", ["文风会风不实", "公务接待超标准"])]
    report = api.check(path, Options(as_of=AS_OF))
    # problem 3 was fed back and given no task: found on the problem list, where it is written
    assert [(f.code, f.sheet, f.cell) for f in report.findings if f.severity.value != "info"] == [
        ("issue-without-measure", "问题清单", "C5")]


# -- header words not met before ----------------------------------------------------------------------

def test_a_goal_and_task_column_is_the_measures_when_no_other_names_them(tmp_path: Path) -> None:
    header = ["序号", "存在的主要问题", "整改目标任务", "整改责任领导", "责任单位（部门）", "具体责任人",
              "完成时限（年月日）", "整改完成情况"]
    rows: Rows = [
        ["某某区发改局巡察整改台账"], header,
        [1, "项目储备不足", "建立重大项目储备库，年内储备项目20个", "王某", "投资科", "张某", "2025年6月30日",
         "已完成"],
        [2, "招商质效不高", "开展产业链精准招商", "李某", "招商科", "赵某", "2025年12月31日", "正在推进"],
    ]
    path = book(tmp_path / "发改局.xlsx", {"台账": (rows, ["A1:H1"])})
    assert _findings(path) == []
    assert [ms for _, _, ms in _tree(path)] == [["建立重大项目储备库，年内储备项目20个"], ["开展产业链精准招商"]]
    # beside a 整改措施 column, it stays the goal
    header = ["序号", "问题", "整改目标任务", "整改措施", "责任单位", "整改时限", "整改状态"]
    rows = [header, [1, "项目储备不足", "储备项目20个", "建立项目储备库", "投资科", "2025年6月30日", "已完成"]]
    path = book(tmp_path / "发改局2.xlsx", {"台账": (rows, [])})
    assert _findings(path) == []
    (measure,) = api.read_ledger(path).measures()
    assert measure.text == "建立项目储备库" and "储备项目20个" in measure.extra.values()


def test_a_number_column_headed_in_english_numbers_the_issues(tmp_path: Path) -> None:
    for word in ("No.", "序号No.", "NO"):
        rows: Rows = [
            [word, "问题", "整改措施", "责任部门", "完成时限", "完成情况"],
            [1, "采购管理不规范", "修订采购制度", "采购部", "2025年6月30日", "已完成"],
            [2, "合同管理不规范", "建立合同台账", "法务部", "2025年6月30日", "已完成"],
            [4, "资金支付审批不严", "修订资金支付审批流程", "财务部", "2025年6月30日", "已完成"],
        ]
        path = book(tmp_path / "公司.xlsx", {"台账": (rows, [])})
        report = api.check(path, Options(as_of=AS_OF))
        assert [(f.code, f.cell) for f in report.findings] == [("issue-number-gap", "A4")], word


# -- a template's example rows left in ---------------------------------------------------------------

def test_the_templates_example_rows_left_under_the_header_are_no_measures(tmp_path: Path) -> None:
    for label, note in (("例", "（此行为填写示例，正式填报时请删除）"), ("示例", None), ("【样例】", "以下为填写样例")):
        rows: list[list[Any]] = [["某某县交通运输局巡察整改台账"], list(HEADER)]
        merges = ["A1:G1"]
        if note:
            rows.append([note])
            merges.append("A3:G3")
        rows += [[label, "××方面存在××问题", "制定××制度", "××股", "××", "2025年6月30日", "已完成"],
                 [1, "公路养护资金使用不规范", "开展养护资金专项清查", "财务股", "张某", "2025年6月30日", "已完成"],
                 [2, "治超执法不严格", "开展联合治超行动", "路政大队", "李某", "2025年8月31日", "正在推进"]]
        path = book(tmp_path / "交通局.xlsx", {"台账": (rows, merges)})
        assert _tree(path) == [(None, "公路养护资金使用不规范", ["开展养护资金专项清查"]),
                               (None, "治超执法不严格", ["开展联合治超行动"])], label
        assert _findings(path) == [("overdue", "F6" if note else "F5")], label
    # "例行检查…" is work, not an example; a heading alone is an aspect
    rows = [HEADER, ["一、安全生产方面"],
                  [1, "例行检查流于形式", "修订例行检查制度", "安监股", "张某", "2025年6月30日", "已完成"]]
    path = book(tmp_path / "应急局.xlsx", {"台账": (rows, ["A2:G2"])})
    assert _tree(path) == [("安全生产方面", "例行检查流于形式", ["修订例行检查制度"])]


# -- the issue's number written as its label ------------------------------------------------------------

def test_issue_numbers_written_as_labels_are_the_issues_numbers(tmp_path: Path) -> None:
    for labels in (("问题1", "问题2", "问题4"), ("第一个问题", "第二个问题", "第四个问题"),
                   ("问题（1）", "问题（2）", "问题（4）")):
        rows: Rows = [
            ["问题编号", "问题描述", "整改措施", "责任单位", "整改时限", "整改状态"],
            [labels[0], "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
            [labels[1], "会风文风不实", "精简会议文件", "办公室", "2025年6月30日", "已完成"],
            [labels[2], "公车管理不规范", "修订公车管理办法", "财务股", "2025年6月30日", "已完成"],
        ]
        path = book(tmp_path / "台账.xlsx", {"台账": (rows, [])})
        assert [i.number for i in api.read_ledger(path).issues()] == [1, 2, 4], labels
        report = api.check(path, Options(as_of=AS_OF))
        assert [(f.code, f.cell) for f in report.findings] == [("issue-number-gap", "A4")], labels


# -- a category written alone on its row, not merged -------------------------------------------------

def test_a_category_alone_on_its_unmerged_row_heads_the_issues_below(tmp_path: Path) -> None:
    rows: Rows = [
        HEADER,
        ["一、政治建设方面"],
        [None, "（一）学习贯彻方面"],
        [1, "理论学习不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
        [None, "（二）意识形态方面"],
        [2, "意识形态研判不够", "每季度开展研判", "办公室", "张某", "2025年6月30日", "已完成"],
    ]
    path = book(tmp_path / "台账.xlsx", {"台账": (rows, ["A2:G2"])})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(a.title, [(c.number, c.title, [i.title for i in c.issues]) for c in a.categories])
            for a in ledger.aspects] == [
        ("政治建设方面", [(1, "学习贯彻方面", ["理论学习不深入"]), (2, "意识形态方面", ["意识形态研判不够"])])]
    # with no aspect above: a heading all the same, not an issue without a measure — and, each a
    # 方面 with nothing above it, the aspects (seed 004's "（一）关于…方面")
    path = book(tmp_path / "台账2.xlsx", {"台账": (rows[:1] + rows[2:], [])})
    assert _findings(path) == []
    assert [a.title for a in api.read_ledger(path).aspects] == ["学习贯彻方面", "意识形态方面"]
    # an issue on its own row, its measures below with no issue of their own, stays the issue
    rows = [HEADER, ["一、政治建设方面"], [None, "（一）理论学习不深入"],
            [None, None, "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
            [None, None, "开展专题学习", "办公室", "张某", "2025年6月30日", "已完成"]]
    path = book(tmp_path / "台账3.xlsx", {"台账": (rows, ["A2:G2"])})
    assert _findings(path) == []
    assert _tree(path) == [("政治建设方面", "理论学习不深入", ["制定学习计划", "开展专题学习"])]


# -- a status per issue beside a status per measure ---------------------------------------------------

def test_the_measures_own_status_is_read_beside_the_issues(tmp_path: Path) -> None:
    rows: Rows = [
        ["序号", "问题", "问题整改情况", "整改措施", "责任单位", "整改时限", "措施完成情况"],
        [1, "学习贯彻不深入", "已完成", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
        [None, None, None, "开展专题学习", "办公室", "2025年9月30日", "已完成"],
        [2, "会风文风不实", "正在推进", "精简会议文件", "办公室", "2025年8月31日", "已完成"],
        [None, None, None, "控制发文数量", "办公室", "2025年8月31日", "正在推进"],
    ]
    path = book(tmp_path / "台账.xlsx", {"台账": (rows, ["A2:A3", "B2:B3", "C2:C3", "A4:A5", "B4:B5", "C4:C5"])})
    measures = list(api.read_ledger(path).measures())
    assert [(m.text, str(m.status)) for m in measures] == [
        ("制定学习计划", "已完成"), ("开展专题学习", "已完成"), ("精简会议文件", "已完成"),
        ("控制发文数量", "正在推进")]
    # the measure still in progress past its deadline is overdue, at its own status's row; no column is
    # a duplicate to delete
    assert _findings(path) == [("overdue", "F5")]


# -- 整改时限 over 开始时间 | 完成时间 -----------------------------------------------------------------------

def test_the_end_of_the_time_allowed_is_the_deadline(tmp_path: Path) -> None:
    for start, end in (("开始时间", "完成时间"), ("起始日期", "截止日期"), ("计划开始时间", "计划完成时间")):
        rows: Rows = [
            ["序号", "问题", "整改措施", "责任单位", "整改时限", None, "整改状态"],
            [None, None, None, None, start, end, None],
            [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年4月1日", "2025年6月30日", "已完成"],
            [2, "会风文风不实", "精简会议文件", "办公室", "2025年4月1日", "2025年8月31日", "正在推进"],
        ]
        merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"]
        path = book(tmp_path / "台账.xlsx", {"台账": (rows, merges)})
        assert [m.deadline.due for m in api.read_ledger(path).measures()] == [
            date(2025, 6, 30), date(2025, 8, 31)], start
        # overdue since August 31, said at that cell; nothing said of the start date
        assert _findings(path) == [("overdue", "F4")], start
        assert not api.check(path, Options(as_of=AS_OF)).findings[1:], start
    # one header row: 计划开始时间 | 计划完成时间 — the second is the deadline
    rows = [["序号", "问题", "整改措施", "责任单位", "计划开始时间", "计划完成时间", "整改状态"],
            [1, "学习贯彻不深入", "制定学习计划", "办公室", "2025年4月1日", "2025年6月30日", "已完成"],
            [2, "会风文风不实", "精简会议文件", "办公室", "2025年4月1日", "2025年8月31日", "正在推进"]]
    path = book(tmp_path / "台账2.xlsx", {"台账": (rows, [])})
    assert [m.deadline.due for m in api.read_ledger(path).measures()] == [date(2025, 6, 30), date(2025, 8, 31)]
    assert _findings(path) == [("overdue", "F3")]


# -- the issue copied onto each of its measures' rows ------------------------------------------------

def test_an_issue_copied_onto_each_row_with_a_mark_more_is_one_issue(tmp_path: Path) -> None:
    for numbered in (True, False):
        rows: list[list[Any]] = [
            list(HEADER),
            [1, "理论学习中心组学习不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
            [1, "理论学习中心组学习不深入。", "开展专题学习", "办公室", "张某", "2025年6月30日", "已完成"],
            [1, " 理论学习中心组学习不深入； ", "建立学习档案", "办公室", "张某", "2025年6月30日", "已完成"],
            [2, "会风文风不实", "精简会议文件", "办公室", "王某", "2025年6月30日", "已完成"],
        ]
        if not numbered:
            rows = [row[1:] for row in rows]
        path = book(tmp_path / "台账.xlsx", {"台账": (rows, [])})
        assert [(i, len(ms)) for _, i, ms in _tree(path)] == [("理论学习中心组学习不深入", 3), ("会风文风不实", 1)]
        assert _findings(path) == [], numbered


# -- a column name written once over a number column and a text column ------------------------------

def test_a_name_over_a_number_column_and_a_text_column_reads_the_text(tmp_path: Path) -> None:
    rows: Rows = [
        ["某某县财政局巡察整改台账"],
        ["序号", "问题", "整改措施", None, "责任单位", "整改时限", "整改状态"],
        [1, "学习贯彻不深入", "1", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
        [None, None, "2", "开展专题学习", "办公室", "2025年6月30日", "已完成"],
        [2, "会风文风不实", "（1）", "精简会议文件", "办公室", "2025年8月31日", "正在推进"],
    ]
    path = book(tmp_path / "财政局.xlsx", {"台账": (rows, ["A1:G1", "C2:D2", "A3:A4", "B3:B4"])})
    assert [(i, ms) for _, i, ms in _tree(path)] == [
        ("学习贯彻不深入", ["制定学习计划", "开展专题学习"]), ("会风文风不实", ["精简会议文件"])]
    assert _findings(path) == [("overdue", "F5")]
    # the issues numbered the same way: their numbers are read
    rows = [["问题", None, "整改措施", "责任单位", "整改时限", "整改状态"],
            ["1", "学习贯彻不深入", "制定学习计划", "办公室", "2025年6月30日", "已完成"],
            ["3", "会风文风不实", "精简会议文件", "办公室", "2025年6月30日", "已完成"]]
    path = book(tmp_path / "财政局2.xlsx", {"台账": (rows, ["A1:B1"])})
    assert [(i.number, i.title) for i in api.read_ledger(path).issues()] == [(1, "学习贯彻不深入"), (3, "会风文风不实")]
    assert _findings(path) == [("issue-number-gap", "A3")]


# -- a 督办 ledger's words: 反馈事项 | 整改事项 | 办理情况; 存在不足, 取得成效 -----------------------------------

def test_matters_fed_back_and_matters_to_rectify_are_issues_and_measures(tmp_path: Path) -> None:
    rows: Rows = [
        ["某某县信访局巡察反馈意见整改督办台账"],
        ["序号", "反馈事项", "整改事项", "承办单位", "办结时限", "办理情况"],
        [1, "信访积案化解不力", "开展积案化解攻坚行动", "办信科", "2025年6月30日", "已办结。化解积案12件"],
        [2, "网上信访办理不及时", "建立网上信访日调度机制", "网信科", "2025年8月31日", "正在办理，已建立机制"],
    ]
    path = book(tmp_path / "信访局.xlsx", {"台账": (rows, ["A1:F1"])})
    assert [(i, ms) for _, i, ms in _tree(path)] == [
        ("信访积案化解不力", ["开展积案化解攻坚行动"]), ("网上信访办理不及时", ["建立网上信访日调度机制"])]
    assert [(str(m.status), m.progress) for m in api.read_ledger(path).measures()] == [
        ("已完成", "化解积案12件"), ("正在推进", "已建立机制")]
    assert _findings(path) == [("overdue", "E4")]


def test_what_was_found_wanting_is_the_issue_and_what_it_achieved_the_progress(tmp_path: Path) -> None:
    rows: Rows = [
        ["序号", "存在不足", "整改措施", "责任股室", "整改时限", "整改状态", "取得成效", "整改不足原因"],
        [1, "理论学习不够深入", "制定学习计划", "办公室", "2025年6月30日", "已完成", "集中学习12次", None],
        [2, "服务群众意识不强", "开展作风整顿", "办公室", "2025年8月31日", "正在推进", "已开展整顿", "人员调整"],
    ]
    path = book(tmp_path / "台账.xlsx", {"台账": (rows, [])})
    assert [(i, ms) for _, i, ms in _tree(path)] == [
        ("理论学习不够深入", ["制定学习计划"]), ("服务群众意识不强", ["开展作风整顿"])]
    assert [m.progress for m in api.read_ledger(path).measures()] == ["集中学习12次", "已开展整顿"]
    assert _findings(path) == [("overdue", "E3")]


# -- a subtotal row named for its part, or with its count after it -------------------------------------

def test_subtotal_rows_with_their_part_or_count_are_no_measures(tmp_path: Path) -> None:
    for label in ("合计（2个问题3项措施）", "本方面小计", "一、政治建设方面小计：2项", "小  计（3项）", "总计 3项"):
        rows: Rows = [
            HEADER,
            ["一、政治建设方面"],
            [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
            [None, None, "开展专题学习", "办公室", "张某", "2025年6月30日", "已完成"],
            [label, None, "2项"],
            [2, "会风文风不实", "精简会议文件", "办公室", "王某", "2025年8月31日", "正在推进"],
        ]
        path = book(tmp_path / "台账.xlsx", {"台账": (rows, ["A2:G2", "A3:A4", "B3:B4"])})
        assert [(i, ms) for _, i, ms in _tree(path)] == [
            ("学习贯彻不深入", ["制定学习计划", "开展专题学习"]), ("会风文风不实", ["精简会议文件"])], label
        assert _findings(path) == [("overdue", "F6")], label


# -- 反馈问题 | 具体问题 ------------------------------------------------------------------------------------

def test_the_specific_issue_is_read_under_the_problem_fed_back(tmp_path: Path) -> None:
    rows: Rows = [
        ["序号", "反馈问题", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "一、贯彻落实党的路线方针政策不够到位", "1.理论学习不深入", "制定学习计划", "办公室", "2025年6月30日",
         "已完成"],
        [2, None, "2.意识形态研判不够", "每季度开展研判", "办公室", "2025年6月30日", "已完成"],
        [3, "二、全面从严治党不够有力", "3.廉政教育不经常", "开展警示教育", "纪检组", "2025年8月31日", "正在推进"],
    ]
    path = book(tmp_path / "台账.xlsx", {"台账": (rows, ["B2:B3"])})
    assert [(a, i, ms) for a, i, ms in _tree(path)] == [
        ("贯彻落实党的路线方针政策不够到位", "理论学习不深入", ["制定学习计划"]),
        ("贯彻落实党的路线方针政策不够到位", "意识形态研判不够", ["每季度开展研判"]),
        ("全面从严治党不够有力", "廉政教育不经常", ["开展警示教育"])]
    # no column to delete; the late measure is found at its row
    assert _findings(path) == [("overdue", "F4")]


# -- one table per aspect, one under the other on one sheet --------------------------------------------

def test_one_table_per_aspect_on_one_sheet(tmp_path: Path) -> None:
    for first, second in (("一、政治建设方面问题整改台账", "二、作风建设方面问题整改台账"),
                          ("一、政治建设方面", "二、作风建设方面")):
        rows: Rows = [
            ["某某县农业农村局巡察整改台账"], [first], HEADER,
            [1, "学习贯彻不深入", "制定学习计划", "办公室", "张某", "2025年6月30日", "已完成"],
            [2, "意识形态研判不够", "每季度开展研判", "办公室", "张某", "2025年6月30日", "已完成"],
            [], [second], HEADER,
            [3, "会风文风不实", "精简会议文件", "办公室", "王某", "2025年8月31日", "正在推进"],
        ]
        path = book(tmp_path / "农业农村局.xlsx", {"台账": (rows, ["A1:G1", "A2:G2", "A7:G7"])})
        ledger = api.read_ledger(path)
        assert [(a.number, a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
            (1, "政治建设方面", ["学习贯彻不深入", "意识形态研判不够"]), (2, "作风建设方面", ["会风文风不实"])], first
        assert _findings(path) == [("overdue", "F9")], first
