"""Ledgers as offices the earlier rounds did not imitate write them, round seven: a 政法委 or a
人大机关 naming both the 主要领导 and the 分管领导, a 公安局 or a village with an 整改责任人 over the
具体责任人, a 市委's 牵头单位 beside the 责任单位 (a 街道's 牵头科室 beside the 责任社区), the
rectification period written with its length (巡察整改期（3个月）内), a term of office as a deadline,
an Excel error value in a required cell, headers such as 验收标准, 分管副局长, 问题性质, and titles
naming a 机关 or a 中共××市委.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.deadline import R_EVENT, DeadlineKind, parse_deadline
from rectxl.core.status import Stage, Status, read_status
from tests.test_ledger_round6 import _book, _serious

# -- 主要领导 beside 分管领导 -----------------------------------------------------------------------

LEADERS_HEADER = ["序号", "巡察反馈问题", "整改措施", "主要领导", "分管领导", "责任委室", "具体责任人", "完成时限",
                  "整改进度"]


def _leaders_rows(lead: str = "副主任 石某") -> list[list[Any]]:
    return [
        [1, "代表建议办理质量不高，重答复轻落实", "建立代表建议办理跟踪督办机制", "党组书记 范某", lead,
         "人事代表工作委员会", "姚某", "2026年8月31日", "已完成"],
        [None, None, "开展代表建议办理“回头看”", "党组书记 范某", "副主任 石某", "人事代表工作委员会", "姚某",
         "2027年6月30日", "整改中（进度60%）"],
        [2, "机关干部队伍年龄结构老化", "制定机关干部队伍建设规划", "党组书记 范某", "秘书长 邵某", "办公室", "金某",
         "2026年10月31日", "已完成"],
    ]


def test_the_leader_in_charge_is_the_lead_beside_the_head_of_the_unit(tmp_path: Path) -> None:
    path = _book(tmp_path / "人大机关.xlsx", [LEADERS_HEADER, *_leaders_rows()], ["A2:A3", "B2:B3"])
    assert _serious(path) == []  # no duplicate-header
    leads = [m.lead for m in api.read_ledger(path).measures()]
    assert leads == ["副主任 石某", "副主任 石某", "秘书长 邵某"]


def test_a_blank_leader_in_charge_is_missing_though_the_head_is_named(tmp_path: Path) -> None:
    path = _book(tmp_path / "人大机关.xlsx", [LEADERS_HEADER, *_leaders_rows(lead="")], ["A2:A3", "B2:B3"])
    assert _serious(path) == [("missing-lead", "E2")]


def test_two_row_header_of_both_leaders_under_a_group(tmp_path: Path) -> None:
    rows = [
        ["序号", "存在问题", "整改措施", "责任主体", None, None, None, "整改时限", "整改状态"],
        [None, None, None, "主要领导", "分管领导", "责任股室", "具体责任人", None, None],
        [1, "社区矫正监管存在漏洞", "规范社区矫正对象请销假审批", "局长 宁某", "副局长 欧阳某", "社区矫正股", "钱某",
         "2026年8月31日", "已完成"],
        [2, "行政复议案件办理质量不高", "建立行政复议决定书网上公开制度", "局长 宁某", "副局长 车某", "行政复议股",
         "骆某", "2027年3月31日", "正在推进"],
    ]
    path = _book(tmp_path / "司法局.xlsx", rows, ["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2", "I1:I2"])
    assert _serious(path) == []
    assert [m.lead for m in api.read_ledger(path).measures()] == ["副局长 欧阳某", "副局长 车某"]


def test_a_head_of_unit_column_alone_is_still_the_lead(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "主要负责人", "责任单位", "责任人", "整改时限", "整改状态"],
            [1, "制度执行不严", "修订议事规则", "书记 甲某", "办公室", "乙某", "2026年6月30日", "已完成"]]
    path = _book(tmp_path / "单位.xlsx", rows)
    assert _serious(path) == []
    (m,) = api.read_ledger(path).measures()
    assert (m.lead, m.owner_person) == ("书记 甲某", "乙某")


# -- 整改责任人 over 具体责任人 ----------------------------------------------------------------------

POLICE_HEADER = ["序号", "巡察反馈问题", "整改措施", "整改责任人", "责任单位", "具体责任人", "整改时限", "整改状态"]


def test_the_person_is_the_one_doing_the_work_and_the_one_over_them_leads(tmp_path: Path) -> None:
    rows = [
        POLICE_HEADER,
        ["1-1", "执法办案不够规范", "开展受立案突出问题专项整治", "副局长 程某", "法制大队", "孟某", "2026年第三季度",
         "已完成（待验收）"],
        ["1-2", None, "全面推行受案立案网上流转", "副局长 程某", "法制大队", "", "2027年第一季度", "整改中（进度60%）"],
        ["2-1", "涉案财物管理不规范", "清理历年积存涉案财物", "副局长 邓某", "城关派出所", "邹某", "2026年6月30日",
         "已完成"],
    ]
    path = _book(tmp_path / "公安局.xlsx", rows, ["B2:B3"])
    # the blank 具体责任人 is found (it had read 整改责任人 and warned of a duplicate header)
    assert _serious(path) == [("missing-owner-person", "F3")]
    ms = list(api.read_ledger(path).measures())
    assert [(m.lead, m.owner_person) for m in ms] == [
        ("副局长 程某", "孟某"), ("副局长 程某", ""), ("副局长 邓某", "邹某")]


def test_three_levels_named_keep_the_named_leader(tmp_path: Path) -> None:
    rows = [["序号", "存在问题", "整改措施", "责任领导", "责任单位", "整改责任人", "具体责任人", "整改时限",
             "整改状态"],
            [1, "往来款清理不及时", "清理三年以上往来款", "副局长 甲某", "财务科", "科长 丁某", "丙某", "2026年6月30日",
             "已完成"]]
    path = _book(tmp_path / "局.xlsx", rows)
    assert _serious(path) == []
    (m,) = api.read_ledger(path).measures()
    assert (m.lead, m.owner_person) == ("副局长 甲某", "丙某")


# -- 牵头单位 beside 责任单位 ------------------------------------------------------------------------

@pytest.mark.parametrize(("lead_header", "other_header"), [("牵头单位", "责任单位"), ("牵头科室", "责任社区")])
def test_the_lead_unit_owns_and_the_other_units_co_operate(tmp_path: Path, lead_header: str,
                                                           other_header: str) -> None:
    rows = [["序号", "存在问题", "整改措施", "分管领导", lead_header, other_header, "责任人", "整改时限", "整改情况"],
            [1, "老旧小区安全隐患整治不彻底", "完善网格员考核办法", "副主任 包某", "平安建设办公室", "各社区", "唐某",
             "2026年6月30日", "已完成"],
            [None, None, "加装智能烟感报警装置", "副主任 包某", "", "翠竹社区", "黎某", "2027年6月30日", "正在推进"]]
    path = _book(tmp_path / "街道.xlsx", rows, ["A2:A3", "B2:B3"])
    assert _serious(path) == [("missing-owner-unit", "E3")]
    ms = list(api.read_ledger(path).measures())
    assert [m.owner_unit for m in ms] == ["平安建设办公室", ""]
    assert ms[1].extra.get(F.CO_OWNER) == "翠竹社区"


# -- headers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "field"), [
    ("验收标准", F.GOAL), ("完成标志", F.GOAL), ("整改完成标准", F.GOAL),
    ("整改是否到位", F.STATUS), ("分管副局长", F.LEAD), ("分管院长", F.LEAD), ("主要负责人", F.LEAD),
    ("发现途径", F.ISSUE_SOURCE), ("问题性质", F.CATEGORY), ("共性/个性", F.CATEGORY),
    ("验收人", F.ACCEPTOR), ("具体负责人", F.OWNER_PERSON),
])
def test_header_names_of_these_offices(header: str, field: str) -> None:
    assert F.field_for_header(header) == field


def test_an_acceptance_standard_is_no_acceptor(tmp_path: Path) -> None:
    rows = [["序号", "问题性质", "问题描述", "整改措施", "验收标准", "分管副局长", "责任单位", "整改时限",
             "整改是否到位", "整改进展说明"],
            [1, "共性问题", "议事规则不健全", "修订党组议事规则", "形成制度文件", "甲某", "办公室", "2026年6月30日",
             "是", "已印发议事规则"],
            [2, "个性问题", "往来款清理不及时", "清理三年以上往来款", "完成清理报告", "甲某", "财务股", "2027年6月30日",
             "否", "已完成初步梳理"]]
    path = _book(tmp_path / "局.xlsx", rows)
    assert _serious(path) == []
    ms = list(api.read_ledger(path).measures())
    assert [m.extra.get(F.GOAL) for m in ms] == ["形成制度文件", "完成清理报告"]
    assert F.ACCEPTOR not in ms[0].extra


# -- deadlines --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "due"), [
    ("巡察整改期（3个月）内", date(2026, 7, 10)),
    ("巡察整改期内（3个月）", date(2026, 7, 10)),
    ("巡视整改期3个月内", date(2026, 7, 10)),
    ("集中整改期（2个月）内", date(2026, 6, 10)),
    ("整改期2个月", date(2026, 6, 10)),
])
def test_the_rectification_period_with_its_length(text: str, due: date) -> None:
    d = parse_deadline(text, feedback_date=date(2026, 4, 10))
    assert (d.kind, d.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize("text", ["本届任期内", "任期内", "本届任期内完成", "巡察整改期内", "集中整改期内"])
def test_a_period_whose_end_is_not_written_says_so(text: str) -> None:
    d = parse_deadline(text, feedback_date=date(2026, 4, 10))
    assert (d.kind, d.reason) == (DeadlineKind.INVALID, R_EVENT)


def test_a_united_front_ledger_due_within_the_rectification_period(tmp_path: Path) -> None:
    rows = [
        ["中共××市委统战部巡察整改落实情况台账"],
        ["反馈时间：2026年4月10日", None, None, None, None, "报送时间：2026年11月27日"],
        ["序号", "问题", "整改措施", "牵头领导", "责任科室", "整改时限", "完成情况"],
        [1, "宗教活动场所管理存在薄弱环节", "对全市宗教活动场所开展安全隐患排查", "副部长 钟某", "民族宗教科",
         "巡察整改期（3个月）内", "已完成"],
        [2, "新的社会阶层人士统战工作抓手不多", "成立新的社会阶层人士联谊会", "副部长 谢某", "新的社会阶层人士工作科",
         "巡察整改期（3个月）内", "正在推进"],
    ]
    path = _book(tmp_path / "统战部.xlsx", rows)
    assert _serious(path) == [("overdue", "F5")]  # due 2026-07-10, three months after the feedback


# -- an Excel error value is one finding, not also a blank ---------------------------------------

def test_an_error_value_is_not_also_reported_blank(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
            [1, "代偿率偏高", "对代偿项目开展追偿", "风险管理部", "#N/A", "#N/A", "正在推进"],
            [2, "资产管理不规范", "开展闲置资产清理盘活", "#DIV/0!", "毛某", "2027年3月31日", "正在推进"]]
    path = _book(tmp_path / "担保集团.xlsx", rows)
    assert _serious(path) == [("cell-error", "D3"), ("cell-error", "E2"), ("cell-error", "F2")]


# -- titles: a 机关, a 中共××市委 --------------------------------------------------------------------

def _titled(tmp_path: Path, title: str) -> Path:
    rows = [[title], ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "监督工作刚性不足", "健全审议意见跟踪反馈机制", "办公室", "2026年6月30日", "已完成"]]
    return _book(tmp_path / "台账.xlsx", rows)


@pytest.mark.parametrize(("title", "unit", "org"), [
    ("市人大常委会机关党组落实市委巡察反馈意见整改工作台账", "市人大常委会机关", "市人大常委会机关党组"),
    ("政协××市委员会机关落实巡察反馈问题整改台账", "政协××市委员会机关", None),
    ("中共××市委落实省委第五巡视组反馈意见整改任务台账", "中共××市委", "中共××市委"),
    ("中共××县委政法委员会巡察整改台账", "中共××县委政法委员会", "中共××县委政法委员会"),
])
def test_the_unit_a_title_names(tmp_path: Path, title: str, unit: str, org: str | None) -> None:
    info = api.read_ledger(_titled(tmp_path, title)).info
    assert (info.unit_name, info.party_org) == (unit, org)


# -- statuses ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "status", "stage"), [
    ("已完成整改，待验收销号", Status.DONE, Stage.AWAITING),  # had read 已销号
    ("已完成（待验收销号）", Status.DONE, Stage.AWAITING),
    ("已完成，申请验收并销号", Status.DONE, Stage.AWAITING),
    ("已验收销号", Status.DONE, Stage.CLOSED),
    ("已完成并销号", Status.DONE, Stage.CLOSED),
    ("未达序时进度", Status.IN_PROGRESS, None),  # had been unreadable
    ("尚未达序时进度", Status.IN_PROGRESS, None),
    ("滞后于序时进度", Status.IN_PROGRESS, None),
    ("已完成（待验收）", Status.DONE, Stage.AWAITING),
    ("整改中（进度60%）", Status.IN_PROGRESS, None),
    ("已完成阶段性目标", Status.MOSTLY_DONE, None),
])
def test_statuses_of_these_offices(text: str, status: Status, stage: Stage | None) -> None:
    reading = read_status(text)
    assert (reading.status, reading.stage) == (status, stage)


def test_a_row_awaiting_acceptance_and_closure_is_not_closed(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态", "佐证材料"],
            [1, "员工行为管理存在漏洞", "开展员工异常行为排查", "合规管理部", "2026年6月30日", "已完成整改，待验收销号",
             None]]
    path = _book(tmp_path / "农商行.xlsx", rows)
    # closed without evidence is an error; done awaiting closure without evidence only a warning
    assert _serious(path) == [("missing-evidence", "G2")]
