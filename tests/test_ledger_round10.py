"""Ledgers round ten: a 乡镇党委, a 街道党工委, 县直部门, a state-owned group's 三张清单 and a
县林业局 write their ledgers the way this repository had not seen.

A 整改落实情况 column holding the status and the account together (已于2025年6月完成并销号。…,
未销号，…, 已整改，待验收。…, 持续推进中（已完成70%），…) is read row by row and, when every row
states its status, no column is missing; a long-term word with a share done (持续推进中（已完成70%）)
is as far as the share says, not 长期坚持 (which is never overdue); a 责任清单 kept on a sheet of
its own is joined to the 任务清单 by 任务编号; an extension noted in the status cell (未办结（已延期至
2025年12月）) moves the deadline as one noted in the 备注 does; the 基本信息 naming 白沙镇 and the
title 中共白沙镇委员会, the committee signs the notice.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.api import Options
from rectxl.core.notice import render_notice
from rectxl.core.status import Stage, Status, StatusReading, read_status, split_opening_reading

D, M, P, L = Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS, Status.LONG_TERM
AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]


def _info(unit: str) -> list[list[str]]:
    return [["单位名称", unit], ["反馈日期", "2025年4月10日"], ["报告日期", "2025年9月30日"]]


def _workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def _findings(path: Path, as_of: date = AS_OF) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=as_of))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


# -- a long-term word with a share done ----------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    # the share says the work has an end and how near it is: 70% is mostly done, 30% going on
    ("持续推进中（已完成70%）", StatusReading(M, None, True)),
    ("持续推进中，已完成70%", StatusReading(M, None, True)),
    ("持续整改（完成30%）", StatusReading(P, None, True)),
    ("长期坚持（已完成70%）", StatusReading(M, None, True)),
    ("持续推进，完成100%", StatusReading(D, None, True)),
    # no share: long term as before
    ("持续推进中", StatusReading(L)),
    ("持续推进，已建立月调度机制", StatusReading(L, rest="已建立月调度机制")),
    ("持续整改，已完成阶段性任务", StatusReading(L, rest="已完成阶段性任务")),
])
def test_a_long_term_word_with_a_share_done_is_as_far_as_the_share(cell: str, expected: StatusReading) -> None:
    assert read_status(cell) == expected


# -- a progress cell opening with its status (no status column) ---------------------------------

@pytest.mark.parametrize(("cell", "status", "stage", "progress"), [
    ("已于2025年6月完成并销号。制定学习计划1份。", D, Stage.CLOSED, "制定学习计划1份。"),
    ("未销号，台账已建立，仍有2个项目未拨付。", P, None, "台账已建立，仍有2个项目未拨付。"),
    ("尚未销号，积分制度已印发。", P, None, "积分制度已印发。"),
    ("已整改，待验收。已出台考评办法。", D, Stage.AWAITING, "已出台考评办法。"),
    ("已完成未销号，清理挂牌42块。", D, Stage.AWAITING, "清理挂牌42块。"),
    ("持续推进中（已完成70%），已清理5个村。", M, None, "已完成70%，已清理5个村。"),
    ("已完成，验收未通过，重新整改。", P, None, "验收未通过，重新整改。"),
    ("已完成。下一步，将持续加强日常监督", D, None, "下一步，将持续加强日常监督"),
])
def test_a_progress_cell_opening_with_its_status(cell: str, status: Status, stage: Stage | None,
                                                 progress: str) -> None:
    reading, rest = split_opening_reading(cell, by_rules=True)
    assert (reading.status, reading.stage, rest) == (status, stage, progress)


TOWNSHIP: Rows = [
    ["中共白沙镇委员会落实县委第二巡察组反馈意见整改台账"],
    ["填报单位：中共白沙镇委员会", None, None, None, None, None, "填报日期：2025年9月30日"],
    ["序号", "问题", "整改措施", "牵头领导", "责任股室", "具体承办人", "整改时限", "整改落实情况"],
    [1, "党委理论学习中心组学习不规范", "制定年度学习计划，每月集中学习一次", "李书记", "党政办", "王某",
     "2025年6月30日", "已于2025年6月完成并销号。制定学习计划1份。"],
    [2, "村级财务管理不规范", "开展村级财务专项清理", "张镇长", "财政所", "赵某", "2025年第三季度",
     "持续推进中（已完成70%），已清理5个村。"],
    [3, "项目资金拨付滞后", "建立项目资金拨付台账，按月调度", "张镇长", "经发办", "钱某", "巡察反馈后2个月内",
     "未销号，台账已建立，仍有2个项目未拨付。"],
    [4, "党员发展程序不严", "对近三年发展党员档案逐一复核", "李书记", "党建办", "孙某", "2025年12月31日",
     "已整改，待验收。复核档案32份。"],
]


def test_a_township_ledger_with_the_status_in_its_account(tmp_path: Path) -> None:
    """Every 整改落实情况 cell opens with its status: no header-missing; the 70% share due today
    is due today (it had been 长期坚持, never due), 未销号 two months after the feedback is overdue
    (it had been 未填写)."""
    path = _workbook(tmp_path / "白沙镇.xlsx", {"整改台账": TOWNSHIP, "基本信息": _info("白沙镇")})
    assert _findings(path) == [("due-today", "G5"), ("overdue", "G6")]
    overdue = next(f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "overdue")
    assert "2025年6月10日" in overdue.message and "正在推进" in overdue.message
    ledger = api.read_ledger(path)
    assert [(m.status, m.stage) for m in ledger.measures()] == [
        (D, "已销号"), (M, None), (P, None), (D, "待验收")]
    text = render_notice(ledger, as_of=AS_OF)
    # the title row's committee signs for the 基本信息's 白沙镇
    assert text.startswith("中共白沙镇委员会关于巡察整改进展情况的通报")
    assert text.rstrip().splitlines()[-3] == "中共白沙镇委员会"
    assert "4项整改措施已完成2项（其中已销号1项）、基本完成1项、正在推进1项" in text
    assert "3.项目资金拨付滞后。建立项目资金拨付台账，按月调度。台账已建立，仍有2个项目未拨付。" in text


def test_one_account_without_its_status_keeps_the_column_missing(tmp_path: Path) -> None:
    rows = [list(r) for r in TOWNSHIP]
    rows[6][7] = "复核档案32份。"  # an account alone: its status is nowhere
    path = _workbook(tmp_path / "白沙镇.xlsx", {"整改台账": rows, "基本信息": _info("白沙镇")})
    assert ("header-missing", None) in _findings(path)


# -- 问题清单 + 任务清单 + 责任清单 -----------------------------------------------------------------

def _three_lists(path: Path) -> Path:
    return _workbook(path, {
        "问题清单": [["问题编号", "问题描述"], ["1", "“三重一大”决策制度执行不严"], ["2", "违规发放津补贴"]],
        "任务清单": [["任务编号", "问题编号", "整改任务", "完成时限", "完成情况", "整改进展"],
                 ["1.1", "1", "修订“三重一大”决策实施办法", "2025年6月30日", "已完成", "办法已印发"],
                 ["2.1", "2", "清退违规发放的津补贴", "2025年8月31日", "正在推进", "已清退12.3万元"],
                 ["2.2", "2", "建立薪酬发放审核机制", "2025年12月31日", "正在推进", None]],
        "责任清单": [["任务编号", "责任领导", "责任部门", "责任人"],
                 ["1.1", "董事长 李某", "综合办公室", "周某"],
                 ["2.1", "总经理 王某", "财务部", "吴某"],
                 ["2.1", "总经理 王某", "人力资源部", "郑某"]],
        "基本信息": _info("县交投集团"),
    })


def test_a_responsibility_list_is_joined_to_the_tasks_by_code(tmp_path: Path) -> None:
    """The 责任清单's 责任领导 | 责任部门 | 责任人 go with the task of the same 任务编号 (two rows of
    one task: both units); a task the 责任清单 lacks has no unit — header-missing had been said
    for the whole ledger."""
    path = _three_lists(tmp_path / "交投集团.xlsx")
    ledger = api.read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["任务清单"]
    assert [(m.owner_unit, m.lead, m.owner_person) for m in ledger.measures()] == [
        ("综合办公室", "董事长 李某", "周某"), ("财务部、人力资源部", "总经理 王某", "吴某、郑某"), ("", "", "")]
    codes = _findings(path)
    assert ("overdue", "D3") in codes
    assert sorted(c for c, _ in codes if c.startswith("missing")) == [
        "missing-lead", "missing-owner-person", "missing-owner-unit"]
    # the joined columns have no cell on the 任务清单 (they were written after its last column): the
    # findings name the task's row, not an empty cell right of the table that annotate would colour
    report = api.check(path)
    missing = [f for f in report.findings if f.code.startswith("missing")]
    assert [(f.sheet, f.row, f.cell) for f in missing] == [("任务清单", 4, None)] * 3


def test_a_responsibility_list_of_other_codes_is_not_joined(tmp_path: Path) -> None:
    path = _three_lists(tmp_path / "交投集团.xlsx")
    wb = load_workbook(path)
    duties = wb["责任清单"]
    for r in range(2, duties.max_row + 1):
        duties.cell(r, 1).value = f"ZR-{r}"  # numbered on its own: nothing to join by
    wb.save(path)
    missing = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "header-missing"]
    assert [(f.sheet, f.field) for f in missing] == [("任务清单", "责任单位")]
    assert "工作表“责任清单”有“责任部门”列" in missing[0].message


# -- an extension noted in the status cell ---------------------------------------------------------

FORESTRY: Rows = [
    ["县林业局巡察整改台账"],
    ["序号", "问题", "整改措施", "责任领导", "责任单位", "办结时限", "办结情况"],
    [1, "生态护林员管理松散", "开展护林员考核", "副局长", "资源股", "2025年6月30日", "已办结（2025.6.15）"],
    [2, "林木采伐审批不规范", "规范审批流程", "局长", "审批股", "2025年7月31日", "正在办理"],
    [3, "森林防火投入不足", "争取防火专项资金", "副局长", "防火办", "2025年8月31日", "未办结（已延期至2025年12月）"],
]


def test_an_extension_noted_in_the_status_cell_moves_the_deadline(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "林业局.xlsx", {"整改台账": FORESTRY, "基本信息": _info("县林业局")})
    assert _findings(path) == [("overdue", "F4")]
    assert _findings(path, date(2026, 1, 30)) == [("extension-overdue", "G5"), ("overdue", "F4")]
    later = next(f for f in api.check(path, Options(as_of=date(2026, 1, 30))).findings
                 if f.code == "extension-overdue")
    assert "原定2025年8月31日，延期至2025年12月31日" in later.message
    first = next(api.read_ledger(path).measures())
    assert (first.status, first.completed_on) == (D, date(2025, 6, 15))


def test_a_refused_extension_in_the_status_cell_moves_nothing(tmp_path: Path) -> None:
    rows = [list(r) for r in FORESTRY]
    rows[4][6] = "未办结（申请延期至2025年12月，未获批准）"
    path = _workbook(tmp_path / "林业局.xlsx", {"整改台账": rows, "基本信息": _info("县林业局")})
    assert _findings(path) == [("overdue", "F4"), ("overdue", "F5")]


# -- a month and 完成 in the status cell -------------------------------------------------------------

EDUCATION: Rows = [
    ["县教育局党组巡察整改台账"],
    ["序号", "具体问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "整改状态"],
    [1, "食堂管理不规范", "推行食堂承包公开招标", "副局长", "后勤股", "甲", "2025年7月31日", "2025年6月完成"],
    [2, "校舍维修滞后", "完成校舍排危改造", "副局长", "基建办", "乙", "2025年12月31日", "2025年12月完成"],
    [3, "教师培训流于形式", "修订教师培训考核办法", "副局长", "师训股", "丙", "2025年8月31日", "2025.8完成"],
]


def test_a_month_and_done_in_the_status_cell_is_done_by_the_report_date(tmp_path: Path) -> None:
    """"2025年6月完成" by a report of 2025年9月30日 is done then (it had been bad-status); "2025年12月完成"
    is the month it is to be done in — going on, not yet due."""
    path = _workbook(tmp_path / "教育局.xlsx", {"整改台账": EDUCATION, "基本信息": _info("县教育局")})
    assert _findings(path) == []
    assert [(m.status, m.completed_on) for m in api.read_ledger(path).measures()] == [
        (D, date(2025, 6, 30)), (P, None), (D, date(2025, 8, 31))]


def test_a_month_and_done_without_a_report_date_stays_unread(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "教育局.xlsx", {"整改台账": EDUCATION})
    assert ("bad-status", "H3") in _findings(path)


# -- facts above the table, each key in a cell of its own ------------------------------------------

def test_facts_above_the_table_with_the_value_in_the_next_cell(tmp_path: Path) -> None:
    """单位名称 | 县统计局 | 反馈日期 | 2025年4月10日 | 填报日期 | 2025年9月30日 over the header, no 基本信息
    sheet: 反馈后2个月内 counts from 4月10日 (it had been bad-deadline, no feedback date), the report
    date is the as-of date and the unit names the notice."""
    path = _workbook(tmp_path / "统计局.xlsx", {"整改台账": [
        ["县统计局巡察整改台账"],
        ["单位名称", "县统计局", "反馈日期", "2025年4月10日", "填报日期：", "2025年9月30日"],
        ["序号", "问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改状态"],
        [1, "统计数据质量不高", "开展数据质量核查", "局长", "综合股", "巡察反馈后2个月内", "已完成"],
        [2, "统计执法检查不力", "开展统计执法检查", "副局长", "执法队", "巡察反馈后3个月内", "正在推进"],
    ]})
    report = api.check(path, Options())
    assert report.as_of == AS_OF
    assert [(f.code, f.cell) for f in report.findings if f.severity.value != "info"] == [("overdue", "F5")]
    ledger = api.read_ledger(path)
    assert (ledger.info.unit_name, ledger.info.feedback_date) == ("县统计局", date(2025, 4, 10))
    assert "2025年4月10日，【请填写巡察组】向县统计局反馈了巡察意见" in render_notice(ledger, as_of=AS_OF)


# -- a 问题清单 of a number and the problem, tasks coded by their issue --------------------------------

ISSUES: Rows = [["序号", "问题"], [1, "意识形态责任制落实不到位"], [2, "督查检查过多过频"]]


@pytest.mark.parametrize("tasks", [
    # 任务编号 beginning with the issue's number, no 问题编号 column
    [["任务编号", "整改任务", "责任股室", "完成时限", "完成情况"],
     ["1-1", "制定意识形态工作责任清单", "办公室", "2025年6月30日", "已完成"],
     ["1-2", "开展意识形态专题研判", "办公室", "2025年7月31日", "已完成"],
     ["2-1", "精简督查检查事项", "督查室", "2025年8月31日", "未完成"]],
    # a 对应问题序号 column of its own
    [["任务编号", "对应问题序号", "整改任务", "责任股室", "完成时限", "完成情况"],
     ["R1", 1, "制定意识形态工作责任清单", "办公室", "2025年6月30日", "已完成"],
     ["R2", 1, "开展意识形态专题研判", "办公室", "2025年7月31日", "已完成"],
     ["R3", 2, "精简督查检查事项", "督查室", "2025年8月31日", "未完成"]],
])
def test_tasks_under_a_bare_issue_list(tmp_path: Path, tasks: Rows) -> None:
    """问题清单 of 序号 | 问题 only (the header search had passed it over: 0个问题, every task
    measure-without-issue and header-missing 具体问题)."""
    path = _workbook(tmp_path / "发改局.xlsx", {"问题清单": ISSUES, "任务清单": tasks,
                                             "基本信息": _info("县发改局党组")})
    ledger = api.read_ledger(path)
    assert [(i.title, [m.text for m in i.measures]) for i in ledger.issues()] == [
        ("意识形态责任制落实不到位", ["制定意识形态工作责任清单", "开展意识形态专题研判"]),
        ("督查检查过多过频", ["精简督查检查事项"])]
    overdue = "E4" if len(tasks[0]) == 6 else "D4"
    assert _findings(path) == [("overdue", overdue)]


def test_task_codes_of_no_listed_issue_are_left_alone(tmp_path: Path) -> None:
    tasks = [["任务编号", "整改任务", "责任股室", "完成时限", "完成情况"],
             ["8-1", "制定意识形态工作责任清单", "办公室", "2025年6月30日", "已完成"],
             ["9-1", "精简督查检查事项", "督查室", "2025年8月31日", "已完成"]]
    path = _workbook(tmp_path / "发改局.xlsx", {"问题清单": ISSUES, "任务清单": tasks})
    codes = {c for c, _ in _findings(path)}
    assert "measure-without-issue" in codes


@pytest.mark.parametrize(("cell", "status", "progress"), [
    # the day the account is given as of, then its status
    ("截至9月底，已完成整改，共清理账户3个。", D, "共清理账户3个。"),
    ("截至目前，正在推进，已完成60%。", P, "已完成60%。"),
    ("目前，已完成整改。", D, ""),
    # no status after it: unread; a plan is no status
    ("截至9月底，共清理账户3个。", None, "截至9月底，共清理账户3个。"),
    ("到年底，完成全部整改", None, "到年底，完成全部整改"),
])
def test_an_account_given_as_of_a_day(cell: str, status: Status | None, progress: str) -> None:
    reading, rest = split_opening_reading(cell, by_rules=True)
    assert (reading.status, rest) == (status, progress)


# -- 销号情况 beside accounts that open with their status ---------------------------------------------

WATER: Rows = [
    ["县水利局巡察整改台账"],
    ["序号", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改落实情况", "销号情况"],
    [1, "河长制落实不到位", "开展河长巡河督查", "副局长", "河长办", "2025年6月30日",
     "已完成。督查巡河记录120份。", "已销号"],
    [2, "水利工程质量监管弱", "开展在建工程质量检查", "副局长", "建管股", "2025年7月31日",
     "已完成。检查工程8个。", "未销号"],
    [3, "水资源费征收不足", "开展欠费清缴", "局长", "水政股", "2025年12月31日", "正在推进，已清缴40万元。", "未销号"],
]


def test_a_closure_column_beside_accounts_is_whether_it_was_closed(tmp_path: Path) -> None:
    """The accounts say how far the work got; 销号情况 whether it was closed. A finished measure not
    yet closed (未销号) is no unfinished one: it had been overdue with a status-text-mismatch."""
    path = _workbook(tmp_path / "水利局.xlsx", {"整改台账": WATER, "基本信息": _info("县水利局党组")})
    assert _findings(path) == []
    assert [m.status for m in api.read_ledger(path).measures()] == [D, D, P]
    text = render_notice(api.read_ledger(path), as_of=AS_OF)
    assert "3项整改措施已完成2项（其中已销号1项）、正在推进1项" in text
    rows = [list(r) for r in WATER]
    rows[4][7] = "已销号"  # closed while the account says it goes on
    path = _workbook(tmp_path / "水利局2.xlsx", {"整改台账": rows, "基本信息": _info("县水利局党组")})
    assert ("closure-flag-unfinished", "H5") in _findings(path)


def test_a_closure_column_alone_is_still_the_status(tmp_path: Path) -> None:
    rows = [[c for k, c in enumerate(r) if k != 6] for r in WATER]
    path = _workbook(tmp_path / "水利局.xlsx", {"整改台账": rows, "基本信息": _info("县水利局党组")})
    assert [m.status for m in api.read_ledger(path).measures()] == [D, P, P]


# -- 牵头领导 beside 分管领导 ------------------------------------------------------------------------

def test_the_leader_in_charge_beside_the_leading_one(tmp_path: Path) -> None:
    """牵头领导 | 分管领导 (the head leading, the deputy in charge): the deputy is the measure's lead,
    the 牵头领导 column is not read — it had been a duplicate-header warning on a correct ledger."""
    path = _workbook(tmp_path / "住建局.xlsx", {"整改台账": [
        ["县住建局巡察整改台账"],
        ["序号", "巡察反馈问题", "整改措施", "牵头领导", "分管领导", "整改责任单位", "具体负责人", "整改时限",
         "整改状态"],
        [1, "建筑市场监管不严", "开展建筑市场专项检查", "局长", "副局长甲", "建筑股", "张某", "2025年6月30日",
         "已完成"],
        [2, "物业维修资金管理不规范", "开展维修资金专项审计", "局长", "副局长乙", "房管股", "李某", "2025年12月31日",
         "正在推进"],
    ], "基本信息": _info("县住建局党组")})
    assert _findings(path) == []
    assert [m.lead for m in api.read_ledger(path).measures()] == ["副局长甲", "副局长乙"]


def test_annotate_colours_no_cell_outside_the_task_table(tmp_path: Path) -> None:
    path = _three_lists(tmp_path / "交投集团.xlsx")
    _, out, _ = api.annotate(path, tmp_path / "校验.xlsx")
    ws = load_workbook(out)["任务清单"]
    outside = [c.coordinate for row in ws.iter_rows() for c in row
               if c.column > 6 and c.fill is not None and c.fill.fgColor.rgb not in (None, "00000000")]
    assert outside == []


def test_a_completion_date_opening_the_account_is_the_completion_date(tmp_path: Path) -> None:
    # no status column: "已完成（2025年6月），修订制度3项。" gives the status, the date it was done and the
    # progress — the date had been left at the start of the progress
    path = _workbook(tmp_path / "台账.xlsx", {"台账": [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改落实情况"],
        [1, "制度不健全", "修订制度", "办公室", "2025年6月30日", "已完成（2025年6月），修订制度3项。"],
        [2, "台账不规范", "规范台账", "办公室", "2025年6月30日", "已完成（2025年5月20日）。规范台账12本。"],
        [3, "学习不深入", "开展学习", "办公室", "2025年6月30日", "已完成，2025年共开展学习6次。"],
        [4, "研讨不经常", "开展研讨", "办公室", "2025年6月30日", "正在推进，2025年6月，开展研讨2次。"],
    ]})
    got = [(m.status, m.completed_on, m.progress) for m in api.read_ledger(path).measures()]
    assert got == [(D, date(2025, 6, 30), "修订制度3项。"), (D, date(2025, 5, 20), "规范台账12本。"),
                   (D, None, "2025年共开展学习6次。"), (P, None, "2025年6月，开展研讨2次。")]
    findings = {f.code for f in api.check(path, Options(as_of=date(2025, 7, 15))).findings}
    assert not findings & {"completed-late", "completion-in-future", "status-text-mismatch"}, findings


@pytest.mark.parametrize("status", ["计划2025年12月完成", "预计年底前完成整改", "拟于2025年9月底前完成",
                                    "力争上半年完成"])
def test_a_planned_completion_in_the_status_cell_is_work_going_on(tmp_path: Path, status: str) -> None:
    # it had been bad-status; as work going on, a passed deadline makes it overdue
    path = _workbook(tmp_path / "台账.xlsx", {"台账": [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "制度不健全", "修订制度", "办公室", "2025年6月30日", status],
    ]})
    (m,) = api.read_ledger(path).measures()
    assert m.status is P
    codes = {f.code for f in api.check(path, Options(as_of=date(2025, 7, 15))).findings}
    assert "bad-status" not in codes and "overdue" in codes


def test_a_planned_completion_is_read_by_the_status_reader_itself() -> None:
    # one home for status words: the reader every cell, notice and button goes through
    assert read_status("计划2025年12月完成，目前已完成方案起草") == StatusReading(P, rest="目前已完成方案起草")
    assert read_status("计划下月启动").status is Status.NOT_STARTED  # a start planned: not started, as before
    assert read_status("计划完成").status is None  # no time given: not read as either
