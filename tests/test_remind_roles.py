"""``rectxl remind`` and the units that only co-operate (配合单位): a unit marked 配合/协办/协助 in the
责任单位 cell, or named in a 配合单位 column, is not written to as if it led the work — the lead gets
the letter, the co-operating units are named beside the measure and under 抄送, and the 提醒清单
counts the measure once, under its lead, with the co-operating units in 配合单位."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.core.letters import plan_reminders
from rectxl.core.rules import Options
from rectxl.core.units import split_units, unit_roles
from rectxl.io.reader import read_ledger

AS_OF = date(2027, 4, 20)
HEADER = ("序号", "具体问题", "整改措施", "责任单位", "配合单位", "分管领导", "责任人", "整改时限", "整改状态")


@pytest.mark.parametrize(("cell", "roles"), [
    ("规划股、征收股（配合）", [("规划股", "lead"), ("征收股", "co")]),
    ("法规股牵头，稽查大队配合", [("法规股", "lead"), ("稽查大队", "co")]),
    ("政工股（牵头）、信息中心（协办）", [("政工股", "lead"), ("信息中心", "co")]),
    ("牵头单位：办公室；配合单位：审批股、监察室", [("办公室", "lead"), ("审批股", "co"), ("监察室", "co")]),
    # a role written after a list of units is the whole list's when another unit leads
    ("综合股牵头，审批股、监察室配合", [("综合股", "lead"), ("审批股", "co"), ("监察室", "co")]),
    # ... and only its own unit's when none else would lead
    ("综合股、审批股配合", [("综合股", "lead"), ("审批股", "co")]),
    ("执法大队协助", [("执法大队", "co")]),
    ("主办：办公室 协办：财务股", [("办公室", "lead"), ("财务股", "co")]),
    # nothing marked: every unit leads (two units sharing a measure)
    ("办公室、财务股", [("办公室", "lead"), ("财务股", "lead")]),
    ("应急办、综治中心等相关单位", [("应急办", "lead"), ("综治中心", "lead")]),
    ("信访办（张某）", [("信访办", "lead")]),
    ("各村（社区）", [("各村（社区）", "lead")]),
])
def test_the_role_of_each_unit_a_cell_names(cell: str, roles: list[tuple[str, str]]) -> None:
    assert unit_roles(cell) == roles


@pytest.mark.parametrize("cell", ["规划股、征收股（配合）", "法规股牵头，稽查大队配合", "应急办和各村", "财政所 审计办",
                                  "牵头单位：办公室；配合单位：审批股、监察室"])
def test_the_units_are_the_units_split_units_reads(cell: str) -> None:
    assert [u for u, _ in unit_roles(cell)] == split_units(cell)


def _ledger(path: Path, rows: list[dict[str, Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(list(HEADER))
    for k, row in enumerate(rows, start=1):
        ws.append([k, *(row.get(h) for h in HEADER[1:])])
    info = wb.create_sheet("基本信息")
    for pair in (("单位名称", "某某市市场监督管理局"), ("巡察组", "市委第一巡察组"), ("反馈日期", date(2026, 11, 2)),
                 ("报告日期", AS_OF), ("联系人", "周敏"), ("联系电话", "0731-5550123")):
        info.append(list(pair))
    wb.save(path)
    return path


def _m(text: str, unit: str, person: str, deadline: Any, co: str | None = None, status: str = "正在推进",
       issue: str = "1.针对食品安全监管存在薄弱环节问题") -> dict[str, Any]:
    return {"具体问题": issue, "整改措施": text, "责任单位": unit, "配合单位": co, "分管领导": "钱副局长",
            "责任人": person, "整改时限": deadline, "整改状态": status}


ROWS = [
    # overdue, owned by 规划股 with 征收股 co-operating: one 督办通知, to 规划股
    _m("完成校园周边食品经营户全覆盖检查", "规划股、征收股（配合）", "孙悦", date(2027, 3, 31)),
    # due in 10 days, 法规股 leads, 稽查大队 co-operates: one 提醒函, to 法规股
    _m("修订行政处罚裁量基准", "法规股牵头，稽查大队配合", "冯涛", date(2027, 4, 30)),
    # due in 5 days, 征收股 leads this one itself (co-operating on the first): its own 提醒函
    _m("建立农贸市场快检数据台账", "征收股", "陈晨", date(2027, 4, 25)),
    # due in 8 days, the co-operating unit in the 配合单位 column
    _m("开展网络订餐平台专项抽检", "稽查大队", "韩雪", date(2027, 4, 28), co="信息中心"),
    # done: no letter for anyone
    _m("公布投诉举报处理流程", "综合股", "杨帆", date(2027, 3, 31), status="已完成"),
]


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return _ledger(tmp_path / "市场监管局台账.xlsx", ROWS)


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]


def test_letters_go_to_the_lead_units_only(ledger: Path) -> None:
    plan = plan_reminders(read_ledger(ledger), as_of=AS_OF, warn_days=(15,))
    assert [(u.unit, u.kinds) for u in plan.units] == [("规划股", "督办通知"), ("法规股", "提醒函"),
                                                      ("征收股", "提醒函"), ("稽查大队", "提醒函")]
    measures = {u.unit: [it.measure for letter in u.letters for it in letter.items] for u in plan.units}
    assert measures["征收股"] == ["建立农贸市场快检数据台账"]  # not the measure it co-operates on
    assert measures["稽查大队"] == ["开展网络订餐平台专项抽检"]
    assert "信息中心" not in measures and "综合股" not in measures


def test_the_lead_letter_names_the_co_operating_units(ledger: Path, tmp_path: Path) -> None:
    done = api.remind(ledger, tmp_path / "文书", Options(warn_days=(15,), as_of=AS_OF))
    files = {u.unit: p for u, p in done.letters}
    assert sorted(p.name for p in files.values()) == [
        "征收股_提醒函.docx", "法规股_提醒函.docx", "稽查大队_提醒函.docx", "规划股_督办通知.docx"]
    urging = _paragraphs(files["规划股"])
    assert urging[1] == "规划股："
    assert "你股牵头负责的巡察反馈问题整改措施中，有1项已超过整改时限仍未完成" in urging[2]
    assert urging[-1] == "抄送：征收股。"
    ((_, row),) = [t[:2] for t in _tables(files["规划股"])]
    assert row[2] == "完成校园周边食品经营户全覆盖检查（配合单位：征收股）" and row[6] == "孙悦"

    reminder = _paragraphs(files["法规股"])
    assert reminder[1] == "法规股：" and reminder[-1] == "抄送：稽查大队。"
    assert _tables(files["法规股"])[0][1][2] == "修订行政处罚裁量基准（配合单位：稽查大队）"
    assert _paragraphs(files["稽查大队"])[-1] == "抄送：信息中心。"
    # a letter with no co-operating unit has no 抄送
    assert not any(p.startswith("抄送") for p in _paragraphs(files["征收股"]))
    # each letter is addressed to its own (lead) unit, never to one only co-operating
    assert {unit: _paragraphs(path)[1] for unit, path in files.items()} == {
        "规划股": "规划股：", "法规股": "法规股：", "征收股": "征收股：", "稽查大队": "稽查大队："}


def test_the_list_counts_each_measure_once_under_its_lead(ledger: Path, tmp_path: Path) -> None:
    done = api.remind(ledger, tmp_path / "文书", Options(warn_days=(15,), as_of=AS_OF))
    assert done.list_path is not None
    wb = load_workbook(done.list_path)
    rows = [(r[1], r[2], r[7], r[11]) for r in wb["提醒清单"].iter_rows(min_row=3, values_only=True)]
    assert rows == [
        ("规划股", "孙悦", "完成校园周边食品经营户全覆盖检查", "征收股"),
        ("法规股", "冯涛", "修订行政处罚裁量基准", "稽查大队"),
        ("征收股", "陈晨", "建立农贸市场快检数据台账", None),
        ("稽查大队", "韩雪", "开展网络订餐平台专项抽检", "信息中心"),
    ]
    totals = {r[0]: r[2:] for r in wb["提醒统计"].iter_rows(min_row=2, values_only=True) if r[1] == "（合计）"}
    # one threshold (15 days): what is due soon is 黄色预警
    assert totals == {"规划股": (1, 0, 0, 1), "法规股": (0, 0, 1, 1), "征收股": (0, 0, 1, 1), "稽查大队": (0, 0, 1, 1)}


def test_a_list_of_co_operating_units_and_spellings_of_one_unit(tmp_path: Path) -> None:
    rows = [
        _m("规范许可档案管理", "综合股牵头，审批股、监察室配合", "杨帆", date(2027, 4, 30)),
        # 监察室 written two ways: one co-operating unit
        _m("建立许可事项办理时限预警", "审批股", "吴迪", date(2027, 4, 29), co="监 察 室"),
    ]
    plan = plan_reminders(read_ledger(_ledger(tmp_path / "台账.xlsx", rows)), as_of=AS_OF, warn_days=(15,))
    assert [u.unit for u in plan.units] == ["综合股", "审批股"]
    first = plan.units[0].letters[0]
    assert first.items[0].co_owner == "审批股、监察室" and first.copies == ["审批股", "监察室"]
    assert plan.units[1].letters[0].items[0].co_owner == "监察室"
    assert "抄送：审批股、监察室。" in first.text()


def test_a_unit_marked_co_operating_everywhere_gets_no_letter(tmp_path: Path) -> None:
    """A cell naming only a co-operating unit has no lead to write to: the measure stays in the
    提醒清单 (with the unit under 配合单位) and is named as having no one to address."""
    from rectxl.core.letters import NO_UNIT, unaddressed

    rows = [_m("开展食品抽检结果公示", "信息中心（配合）", "赵琳", date(2027, 3, 1))]
    plan = plan_reminders(read_ledger(_ledger(tmp_path / "台账.xlsx", rows)), as_of=AS_OF, warn_days=(15,))
    assert plan.units == []
    (row,) = plan.rows
    assert row.unit == NO_UNIT and row.item.co_owner == "信息中心"
    assert unaddressed(plan.rows) == ["台账!第2行"]
