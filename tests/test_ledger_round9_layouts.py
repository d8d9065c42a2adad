"""Ledgers as offices the earlier rounds did not imitate lay them out, round nine: an enterprise's
“三张清单” in one table (问题清单 | 任务清单 | 责任清单 as group labels over the columns, 完成情况
merged down beside them), the people a clerk writes into the 责任单位 cell (办公室（张三）, 党政办/李四,
规财股（分管领导：刘某）, a 责任主体 cell of labelled lines), a sheet per aspect holding one issue,
and what header-missing tells a village clerk with only a 责任人 column or a clerk whose status is
in the 整改落实情况 prose.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from rectxl import api
from rectxl.core.rules import Options
from rectxl.core.units import split_names, split_units, unit_people
from tests.test_county_ledgers2 import _book as _workbook

AS_OF = date(2026, 11, 30)

Rows = list[list[Any]]


def _findings(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


# -- 三张清单 in one table: the group row above the column names ----------------------------------

THREE_LISTS_TITLE = ["清江市城投集团巡察整改“三张清单”"]
THREE_LISTS_GROUPS = ["问题清单", None, "任务清单", None, None, "责任清单", None, None, "完成情况"]
THREE_LISTS_NAMES = ["序号", "问题", "整改措施", "整改目标", "完成时限", "牵头领导", "责任部门", "责任人", None]
THREE_LISTS_ROWS: Rows = [
    [1, "对“三重一大”事项集体决策执行不严", "修订“三重一大”决策制度实施细则", "制度修订印发", "2026年9月30日",
     "董事长 林某", "综合部", "黄某", "已完成"],
    [None, None, "建立决策事项督办台账", "决策落实闭环", "2027年6月30日", "董事长 林某", "综合部", "黄某", "正在推进"],
    [2, "工程项目结算审核不严", "开展已完工项目结算复审", "追回多付款项", "2026年10月31日", "总经理 韩某",
     "工程管理部", "邓某", "正在推进"],
]


def test_a_column_merged_down_beside_the_group_labels_of_three_lists_is_read(tmp_path: Path) -> None:
    """问题清单 | 任务清单 | 责任清单 merged across the names below them, 完成情况 merged down over
    both header rows: the status is 完成情况 — it had been header-missing 整改状态, and the overdue
    row said its status was 未填写."""
    path = _workbook(tmp_path / "城投集团.xlsx", {"整改台账": (
        [THREE_LISTS_TITLE, THREE_LISTS_GROUPS, THREE_LISTS_NAMES, *THREE_LISTS_ROWS],
        ["A1:I1", "A2:B2", "C2:E2", "F2:H2", "I2:I3", "A4:A5", "B4:B5"])})
    ledger = api.read_ledger(path)
    assert ledger.sheets[0].columns["整改状态"] == "I"
    assert ledger.sheets[0].header_row == 3
    assert [(m.text, m.status.value if m.status else None) for i in ledger.issues() for m in i.measures] == [
        ("修订“三重一大”决策制度实施细则", "已完成"), ("建立决策事项督办台账", "正在推进"),
        ("开展已完工项目结算复审", "正在推进")]
    report = api.check(path, Options(as_of=AS_OF))
    overdue = [f for f in report.findings if f.code == "overdue"]
    assert [(f.cell, "正在推进" in f.message) for f in overdue] == [("E6", True)]
    assert not [f for f in report.findings if f.code in ("header-missing", "column-not-understood")]


def test_a_title_merged_across_above_the_header_names_no_column(tmp_path: Path) -> None:
    """A one-row header under a title merged across and a note merged down beside it: only a
    row that groups columns is the upper row of the header."""
    path = _workbook(tmp_path / "台账.xlsx", {"台账": (
        [["清江县统计局巡察整改台账", None, None, None, None, None, "整改情况"],
         ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", None],
         [1, "统计数据质量不高", "开展数据质量核查", "执法股", "2026年12月31日", "正在推进", None]],
        ["A1:F1", "G1:G2"])})
    ledger = api.read_ledger(path)
    assert ledger.sheets[0].columns["整改状态"] == "F"
    assert "整改进展" not in ledger.sheets[0].columns and _findings(path) == []


# -- people written into the 责任单位 cell -------------------------------------------------------

def test_the_people_a_clerk_writes_beside_the_unit_are_no_units(tmp_path: Path) -> None:
    rows: Rows = [
        ["清江县卫生健康局巡察整改台账"],
        ["序号", "问题", "整改措施", "责任单位（责任人）", "整改时限", "整改状态"],
        [1, "医疗废物处置不规范", "开展医疗废物处置专项检查", "医政股（张某）", "2026年12月31日", "正在推进"],
        [2, "药品采购“两票制”执行不严", "开展药品采购专项督查", "党政办/李四", "2026年9月30日", "已完成"],
        [3, "家庭医生签约服务不实", "核查签约服务真实性", "基层卫生股 王建国", "2026年12月31日", "正在推进"],
        [4, "公立医院绩效考核不科学", "修订绩效考核方案", "规财股（分管领导：刘某）", "2027年3月31日", "正在推进"],
    ]
    path = _workbook(tmp_path / "卫健局.xlsx", {"台账": (rows, ["A1:F1"])})
    ledger = api.read_ledger(path)
    assert [(m.owner_person, m.lead) for i in ledger.issues() for m in i.measures] == [
        ("张某", ""), ("李四", ""), ("王建国", ""), ("", "刘某")]
    assert _findings(path) == []
    out = tmp_path / "汇总.xlsx"
    api.summary_workbook(path, out, Options(as_of=AS_OF))
    units = [r[0] for r in load_workbook(out)["责任单位统计"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert sorted(units) == sorted(["医政股", "党政办", "基层卫生股", "规财股"])


def test_a_responsibility_cell_of_labelled_lines_names_its_unit_lead_and_person(tmp_path: Path) -> None:
    """责任主体 written 责任领导：… / 责任单位：… / 责任人：… on three lines of one cell: the unit is the
    责任单位 line alone (the 责任人 line had been a unit “人：李某”)."""
    cell = "责任领导：副局长 王某\n责任单位：法规股\n责任人：李某"
    assert split_units(cell) == ["法规股"] and unit_people(cell) == ("副局长 王某", "李某")
    rows: Rows = [
        ["序号", "巡察反馈问题", "整改措施", "责任主体", "整改时限", "整改状态"],
        [1, "审计发现问题整改跟踪不到位", "建立审计整改销号制度", cell, "2026年9月30日", "已完成"],
        [2, "审计项目质量控制不严", "实行审计项目三级复核", "责任领导：局长 赵某\n责任单位：审理股\n责任人：钱某",
         "2026年12月31日", "正在推进"],
    ]
    path = _workbook(tmp_path / "审计局.xlsx", {"台账": (rows, [])})
    measures = [m for i in api.read_ledger(path).issues() for m in i.measures]
    assert [(m.lead, m.owner_person) for m in measures] == [("副局长 王某", "李某"), ("局长 赵某", "钱某")]
    assert _findings(path) == []


def test_names_alone_stay_as_written() -> None:
    """A cell naming only people (a 责任人 column, a village ledger's 责任单位 holding a name) is
    split as before; units with a surname's first character are units (林业站, 黄河办)."""
    assert split_names("张三、李四") == ["张三", "李四"]
    assert split_units("李四") == ["李四"] and unit_people("李四") == ("", "")
    assert split_units("林业站、黄河办 王某") == ["林业站", "黄河办"]
    assert split_units("镇农办、张庄、李营") == ["镇农办", "张庄", "李营"]  # villages without their 村
    assert split_units("财政所 审计办") == ["财政所", "审计办"]
    assert unit_people("县教体局（牵头）/各学校") == ("", "")


def test_a_person_beside_the_unit_does_not_hide_a_blank_person_column_s_own_value(tmp_path: Path) -> None:
    """The 责任人 column, when filled, is the person; the unit cell's person only stands in for a
    blank one."""
    rows: Rows = [
        ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
        [1, "档案管理不规范", "开展档案专项清理", "办公室（张三）", "赵六", "2026年12月31日", "正在推进"],
        [2, "公车使用登记不全", "完善公车使用登记", "办公室（张三）", None, "2026年12月31日", "正在推进"],
    ]
    path = _workbook(tmp_path / "台账.xlsx", {"台账": (rows, [])})
    assert [m.owner_person for i in api.read_ledger(path).issues() for m in i.measures] == ["赵六", "张三"]
    assert _findings(path) == []


# -- a sheet per aspect, one of them holding a single issue ----------------------------------------

def test_a_sheet_of_one_issue_goes_on_numbering_the_issues(tmp_path: Path) -> None:
    header = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    path = _workbook(tmp_path / "分表.xlsx", {
        "政治建设": ([["一、党的政治建设方面存在的问题"], header,
                   [1, "传达学习上级精神不及时", "建立第一议题制度", "办公室", "2026年9月30日", "已完成"],
                   [None, None, "每月开展学习情况通报", "办公室", "长期坚持", "长期坚持"],
                   [2, "意识形态责任制落实不到位", "制定意识形态工作责任清单", "办公室", "2026年12月31日", "正在推进"]],
                  ["A1:F1", "A3:A4", "B3:B4"]),
        "思想建设": ([["二、党的思想建设方面存在的问题"], header,
                   [3, "理论学习不深入", "制定中心组学习计划", "办公室", "2026年12月31日", "正在推进"]], ["A1:F1"]),
    })
    ledger = api.read_ledger(path)
    assert [(a.title, [(i.number, i.title) for i in a.issues()]) for a in ledger.aspects] == [
        ("党的政治建设方面存在的问题", [(1, "传达学习上级精神不及时"), (2, "意识形态责任制落实不到位")]),
        ("党的思想建设方面存在的问题", [(3, "理论学习不深入")])]
    assert _findings(path) == []


def test_a_single_row_alone_in_its_ledger_keeps_its_issue_number(tmp_path: Path) -> None:
    """One sheet, one numbered row: its 序号 is its issue's number (round 17: an extract of issue 7, or
    an aspect's sheet of one issue — round 9 had read it as a row number and dropped it)."""
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                  [7, "理论学习不深入", "制定中心组学习计划", "办公室", "2026年12月31日", "正在推进"]]
    ledger = api.read_ledger(_workbook(tmp_path / "台账.xlsx", {"台账": (rows, [])}))
    assert [i.number for i in ledger.issues()] == [7]


# -- what header-missing tells the clerk ----------------------------------------------------------

def test_a_village_ledger_naming_only_people_is_told_what_to_add(tmp_path: Path) -> None:
    """DESIGN requires 责任单位; a village's ledger with only 责任人 is told the people there cannot
    stand for it, and how to point rectxl at a column that does name units."""
    rows: Rows = [["柳湾村党支部巡察整改台账"],
                  ["序号", "问题", "整改措施", "责任人", "完成时限", "整改情况"],
                  [1, "“三务”公开不及时", "每月公开村务财务", "村支书 马某", "2026年9月30日", "已完成"],
                  [2, "集体资金管理不规范", "清理村集体往来账", "村会计 周某", "2026年12月31日", "正在推进"]]
    path = _workbook(tmp_path / "柳湾村.xlsx", {"台账": (rows, ["A1:F1"])})
    missing = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "header-missing"]
    assert [f.field for f in missing] == ["责任单位"]
    message = missing[0].message
    assert "责任人（D列）写的是人" in message and "--column 原列名=责任单位" in message
    assert message.endswith("。") and "," not in message


def test_a_ledger_telling_its_status_in_the_progress_prose_is_told_which_rows_were_read(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任股室", "整改时限", "整改落实情况"],
                  [1, "住房保障资格审核不严", "开展保障对象资格复核", "住房保障股", "2026年9月30日",
                   "已完成。共复核保障对象312户。"],
                  [2, "物业管理投诉多", "建立物业服务质量考评机制", "物业股", "2026年10月31日",
                   "已起草考评办法，正在征求意见。"]]
    path = _workbook(tmp_path / "住建局.xlsx", {"台账": (rows, [])})
    findings = api.check(path, Options(as_of=AS_OF)).findings
    missing = [f for f in findings if f.code == "header-missing"]
    assert [f.field for f in missing] == ["整改状态"]
    assert "进展列（F列）开头写明状态的行" in missing[0].message
    assert [f.cell for f in findings if f.code == "overdue"] == ["E3"]  # the account states no status


def test_a_person_column_alone_gets_the_hint_on_any_ledger(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任人", "整改时限", "整改状态"],
                  [1, "学习不深入", "完善学习制度", "张某", "2026年12月31日", "正在推进"]]
    path = _workbook(tmp_path / "台账.xlsx", {"台账": (rows, [])})
    missing = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "header-missing"]
    assert [f.field for f in missing] == ["责任单位"]
    assert "责任人（D列）写的是人" in missing[0].message


def test_a_ledger_missing_a_column_nothing_stands_in_for_has_the_plain_message(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "责任单位", "整改状态"],
                  [1, "学习不深入", "完善学习制度", "办公室", "正在推进"]]
    path = _workbook(tmp_path / "台账.xlsx", {"台账": (rows, [])})
    missing = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "header-missing"]
    assert [f.field for f in missing] == ["整改时限"]
    assert missing[0].message.endswith("）。")


# -- shapes read right already (kept so): spaced and broken header words after instructions ------

def test_spaced_and_broken_header_words_below_an_instructions_block(tmp_path: Path) -> None:
    rows: Rows = [
        ["清江县自然资源局巡察反馈问题整改台账"],
        ["填报要求："], ["1.问题按巡察反馈意见逐条填写；"], ["2.整改措施要具体可行，一项措施一行；"],
        ["3.整改时限须明确到日；"], ["4.整改状态只能填写“已完成”“正在推进”“长期坚持”；"],
        ["填报单位（盖章）：", None, None, "填报时间：2026年11月25日"],
        ["序  号", "问 题", "整改\n措施", "责 任 单 位", "责任\n领导", "整改\n时限", "整 改\n状 态"],
        [1, "耕地保护责任落实不到位", "开展耕地“非农化”排查", "耕保股", "副局长 何某", "2026年12月31日", "正在推进"],
        [None, None, "建立耕地保护网格化监管机制", "耕保股", "副局长 何某", "2026年9月30日", "已完成"],
        [2, "矿产资源监管不力", "开展非法采矿专项整治", "矿管股", "副局长 许某", "2026年10月31日", "已完成"],
        ["合计", "2个问题", "3项措施", None, None, None, "已完成2项"],
        ["填报说明：整改状态以月底实际为准。"],
    ]
    path = _workbook(tmp_path / "自然资源局.xlsx", {
        "说明": ([["填报说明"], ["1.本表由各责任单位于每月25日前报送。"]], []),
        "整改台账": (rows, ["A1:G1", "A9:A10", "B9:B10", "A13:G13"])})
    ledger = api.read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["整改台账"] and ledger.sheets[0].header_row == 8
    assert [(i.number, i.title, len(i.measures)) for i in ledger.issues()] == [
        (1, "耕地保护责任落实不到位", 2), (2, "矿产资源监管不力", 1)]
    assert _findings(path) == []


def test_a_responsibility_list_on_a_sheet_of_its_own_is_joined_by_task_code(tmp_path: Path) -> None:
    """三张清单 on three sheets: 问题清单, 任务清单 (任务编号 | 问题编号 | 整改任务 | …) and 责任清单
    (任务编号 | 责任领导 | 责任部门 | 责任人). The 责任清单 is joined to the tasks by 任务编号 (ledger
    round 10; round 9 had only named it in header-missing); the 责任清单 is no ledger."""
    path = _workbook(tmp_path / "能源集团.xlsx", {
        "问题清单": ([["问题编号", "问题描述"], ["WT-01", "“第一议题”制度落实不到位"],
                  ["WT-02", "招投标管理存在廉洁风险"]], []),
        "任务清单": ([["任务编号", "问题编号", "整改任务", "完成时限", "完成情况"],
                  ["RW-01", "WT-01", "建立“第一议题”学习台账", "2026年6月30日", "已完成"],
                  ["RW-02", "WT-02", "修订招标采购管理办法", "2026年12月31日", "正在推进"]], []),
        "责任清单": ([["任务编号", "责任领导", "责任部门", "责任人"],
                  ["RW-01", "党委副书记 周某", "党委工作部", "陈某"],
                  ["RW-02", "总经理 吴某", "物资采购中心", "郑某"]], []),
        "说明": ([["填报说明"], ["整改状态填写：已完成、正在推进"]], []),
    })
    ledger = api.read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["任务清单"]
    assert [(i.title, len(i.measures)) for i in ledger.issues()] == [
        ("“第一议题”制度落实不到位", 1), ("招投标管理存在廉洁风险", 1)]
    assert [(m.owner_unit, m.owner_person) for m in ledger.measures()] == [
        ("党委工作部", "陈某"), ("物资采购中心", "郑某")]
    assert not [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "header-missing"]


# -- one column holding two things: 责任领导及责任单位, 完成情况及佐证 -----------------------------

def test_a_column_named_for_two_things_is_the_required_one(tmp_path: Path) -> None:
    """责任领导及责任单位 holds the unit a ledger must name (the name beside it is the leader's),
    完成情况及佐证 the status — they had been read as the 责任领导 and the 佐证材料, and the ledger
    lacked 责任单位 and 整改状态."""
    rows: Rows = [["清江乡党委巡察整改台账"],
                  ["序号", "存在问题", "整改措施", "责任领导及责任单位", "完成时限", "完成情况及佐证"],
                  [1, "惠民资金发放不及时", "建立惠民资金发放台账", "王某/财政所", "2026年9月30日",
                   "已完成，佐证：发放台账"],
                  [2, "矛盾纠纷排查不到位", "每月开展矛盾纠纷排查", "李某/综治中心", "长期坚持", "长期坚持"]]
    path = _workbook(tmp_path / "清江乡.xlsx", {"台账": (rows, ["A1:F1"])})
    ledger = api.read_ledger(path)
    assert ledger.sheets[0].columns["责任单位"] == "D" and ledger.sheets[0].columns["整改状态"] == "F"
    measures = [m for i in ledger.issues() for m in i.measures]
    assert [(m.lead, m.owner_person, m.status.value if m.status else None) for m in measures] == [
        ("王某", "", "已完成"), ("李某", "", "长期坚持")]
    assert _findings(path) == []


def test_a_joined_name_of_two_required_columns_or_of_none_reads_as_before() -> None:
    from rectxl.core.fields import field_for_header

    assert field_for_header("分管领导/责任人") == "责任领导"  # no required column among them
    # the day it was done and its evidence: the day (the evidence is read after it, tests/test_layout_round20.py)
    assert field_for_header("完成时间及佐证") == "完成时间"
    assert field_for_header("责任单位及责任人") == "责任单位"


# -- several measures in one cell, a status per item in the status cell ---------------------------

def test_a_status_per_item_gives_the_measure_the_least_advanced_one() -> None:
    from rectxl.core.status import read_status

    cases = {
        "1.已完成；2.正在推进。": ("正在推进", ""),
        "（1）已完成；（2）已完成。": ("已完成", ""),
        "1.已完成\n2.未启动": ("正在推进", ""),
        "①已完成②长期坚持": ("长期坚持", ""),
        "1.已完成，印发制度；2.正在推进，已起草初稿。": ("正在推进", "印发制度；已起草初稿"),
        "一是已完成；二是正在推进": ("正在推进", ""),
    }
    readings = {text: read_status(text) for text in cases}
    assert {text: (r.status.value if r.status else None, r.rest) for text, r in readings.items()} == cases


def test_a_notice_of_measures_listed_in_one_cell_with_a_status_each_reads_as_sentences(tmp_path: Path) -> None:
    """Measures numbered in one cell and their statuses numbered in the status cell: the notice had
    printed the list marks left over from the status cell (“开展全员轮训，2.”, “…平台，（2）。”)."""
    rows: Rows = [["清江区司法局巡察整改台账"],
                  ["序号", "存在问题", "整改措施", "责任科室", "整改时限", "整改情况"],
                  [1, "人民调解员培训不足", "1.制定年度培训计划；2.开展全员轮训。", "基层科", "2026年12月31日",
                   "1.已完成；2.正在推进。"],
                  [2, "社区矫正监管有漏洞", "（1）开展矫正对象排查；（2）建立信息化监管平台。", "矫正科",
                   "2026年10月31日", "（1）已完成；（2）已完成。"]]
    path = _workbook(tmp_path / "司法局.xlsx", {"台账": (rows, ["A1:F1"])})
    statuses = [m.status.value if m.status else None for i in api.read_ledger(path).issues() for m in i.measures]
    assert statuses == ["正在推进", "已完成"]
    codes = {f.code for f in api.check(path, Options(as_of=AS_OF)).findings}
    assert "measures-in-one-cell" in codes and "overdue" not in codes
    text = _notice_text(path, tmp_path / "通报.txt")
    # each listed measure told with its own status, as the status cell numbers them (round 14: a
    # cell's listed measures are told one by one when how far each got is known)
    assert "1.人民调解员培训不足。一是制定年度培训计划，已完成。二是开展全员轮训，正在推进。" in text
    assert "2.社区矫正监管有漏洞。一是开展矫正对象排查，已完成。二是建立信息化监管平台，已完成。" in text
    assert "，2." not in text and "（2）。" not in text


def _notice_text(path: Path, out: Path) -> str:
    api.notice(path, out, as_of=AS_OF)
    return out.read_text(encoding="utf-8")


def test_a_leader_named_by_title_beside_the_unit_is_the_lead() -> None:
    """分管领导 written into the 责任单位 cell by title: 张副镇长、党政办, 县财政局（王副县长）,
    副局长 王某、法规股 — the leader, not a unit (县财政局（王副县长） had been a unit of its own
    beside 县财政局); a unit named for a post (办公室主任, 书记室) stays a unit."""
    cases = {"张副镇长、党政办": (["党政办"], ("张副镇长", "")),
             "县财政局（王副县长）": (["县财政局"], ("王副县长", "")),
             "副局长 王某、法规股": (["法规股"], ("副局长 王某", ""))}
    assert {cell: (split_units(cell), unit_people(cell)) for cell in cases} == cases
    assert split_units("办公室主任") == ["办公室主任"] and split_units("书记室") == ["书记室"]
