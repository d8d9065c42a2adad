"""Ledgers round eleven: a 市公安局, a 市卫健委, a 村 after a 巡村, a 市属国企's three lists, a 机关党委
and a 农商银行 write their ledgers the way this repository had not seen.

A feedback month in the title rows (反馈时间：2025年4月) is the feedback date, and the notice says
the month, not a day nobody wrote; a 问题类型 naming a field alone (政治建设) heads its issues as
that field's 方面; a task the separate 责任清单 does not list is to be added there; measures written
side by side in numbered columns (整改措施1 | 整改措施2) are each a measure; issues put right at once
at the foot of a village ledger (a 立行立改问题 heading, no measure written) are neither an aspect nor
issues without measures; a title naming a village or a 机关党委 names who signs.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.api import Options
from rectxl.core.grid import _TITLE_DATE
from rectxl.core.notice import render_notice
from rectxl.core.notice.render import field_aspect
from rectxl.core.status import Status
from tests.test_county_ledgers2 import _book
from tests.test_ledger_round10 import _findings

D, P, L = Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM
AS_OF = date(2025, 9, 30)  # (tests.test_ledger_round10's _findings checks as of the same day)
Rows = Sequence[Sequence[Any]]


def _workbook(path: Path, sheets: dict[str, Rows], merges: dict[str, list[str]] | None = None) -> Path:
    return _book(path, {name: (rows, (merges or {}).get(name, [])) for name, rows in sheets.items()})


# -- a feedback month in the title rows; a 问题类型 naming a field alone ---------------------------

POLICE: Rows = [
    ["市公安局党委落实市委第三巡察组反馈意见整改台账"],
    ["填报单位：中共××市公安局委员会", None, None, None, "反馈时间：2025年4月", None, None,
     "填报日期：2025年9月30日"],
    ["序号", "问题类型", "存在问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改情况"],
    [1, "政治建设", "学习贯彻重要指示批示精神不够及时", "建立第一议题学习制度", "局长", "政治部", "12月底前",
     "已整改到位"],
    [2, "政治建设", "意识形态工作责任制落实不到位", "每半年专题研究意识形态工作一次", "政委", "政治部", "长期",
     "常态化推进"],
    [3, "全面从严治党", "执法监督管理存在薄弱环节", "开展执法突出问题专项整治", "副局长", "法制支队", "2025.12",
     "整改中（60%）"],
    [4, "基层党组织建设", "党员发展程序把关不严", "逐一复核近三年党员发展档案", "政委", "机关党委", "巡察反馈后3个月内",
     "未启动"],
    [5, "基层党组织不够规范问题", "所队党支部“三会一课”不规范", "开展支部规范化建设达标活动", "政委", "机关党委",
     "2025年12月31日前", "阶段性完成"],
]


def test_a_feedback_month_in_the_title_rows(tmp_path: Path) -> None:
    """反馈时间：2025年4月 had not been read (the title's date needed its day): 12月底前 and 巡察反馈后3个月内
    were bad deadlines. Now the year and the three months count from April, the 未启动 measure due
    at the end of July is overdue, and the notice says "2025年4月，…反馈了巡察意见" — no day made up."""
    path = _workbook(tmp_path / "公安局.xlsx", {"整改台账": POLICE})
    assert _findings(path) == [("overdue", "G7")]
    ledger = api.read_ledger(path)
    # the feedback is a start (April's first day), deadlines counted from it run from April's end
    assert (ledger.info.feedback_date, ledger.info.feedback_month_only) == (date(2025, 4, 1), True)
    assert ledger.info.deadlines_from == date(2025, 4, 30)
    assert [m.deadline.due for m in ledger.measures()][::2] == [date(2025, 12, 31), date(2025, 12, 31),
                                                                 date(2025, 12, 31)]
    text = render_notice(ledger, as_of=AS_OF)
    assert "2025年4月，市委第三巡察组向市公安局反馈了巡察意见。" in text
    # a 问题类型 naming a field alone is that field's 方面; one saying a problem is left as written
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("（")][:4] == [
        "（一）政治建设方面", "（二）全面从严治党方面", "（三）基层党组织建设方面", "（四）基层党组织不够规范问题"]


def test_a_feedback_month_in_the_info_sheet(tmp_path: Path) -> None:
    rows = [list(r) for r in POLICE[2:5]]
    info = [["单位名称", "市公安局"], ["反馈日期", "2025年4月"], ["报告日期", "2025年9月30日"]]
    path = _workbook(tmp_path / "公安局.xlsx", {"台账": rows, "基本信息": info})
    assert "2025年4月，" in render_notice(api.read_ledger(path), as_of=AS_OF)


@pytest.mark.parametrize(("text", "said"), [
    ("反馈时间：2025年4月", "2025年4月"),
    ("反馈时间：2025年4月份", "2025年4月份"),
    ("反馈日期：2025.4", "2025.4"),
    ("反馈时间：2025年4月10日", "2025年4月10日"),
    ("填报日期：2025-09-30", "2025-09-30"),
    # the start of a range of months is no date of its own
    ("反馈时间：2025年4月至6月", None),
    ("反馈时间：2025.4-2025.6", None),
])
def test_a_title_date_given_to_its_month(text: str, said: str | None) -> None:
    m = _TITLE_DATE.search(text)
    assert (m.group("date") if m else None) == said


@pytest.mark.parametrize(("title", "heading"), [
    ("政治建设", "政治建设方面"),
    ("党的领导", "党的领导方面"),
    ("选人用人", "选人用人方面"),
    ("意识形态", "意识形态方面"),
    ("上轮巡察整改", "上轮巡察整改方面"),
    ("作风建设方面", "作风建设方面"),
    ("落实主体责任不到位", "落实主体责任不到位"),
    ("党建工作薄弱", "党建工作薄弱"),
    ("共性问题", "共性问题"),
])
def test_a_field_named_alone_is_its_aspect(title: str, heading: str) -> None:
    assert field_aspect(title) == heading


# -- a task the separate 责任清单 does not list -------------------------------------------------------

def test_a_task_missing_from_the_duty_list_is_to_be_added_there(tmp_path: Path) -> None:
    """A 市属国企二级公司's 问题清单 | 任务清单 | 责任清单: the task XC-2025-02-2 is not on the 责任清单.
    The findings had told the clerk to fill the unit "in row 5" of the 任务清单, which has no such
    column; they now say to add the task to the 责任清单 (and a listed task's empty cell is to be
    filled in its row there)."""
    issues = [["问题清单"], ["问题编号", "问题描述"],
              ["XC-2025-01", "党委前置研究讨论重大经营管理事项清单不完善"], ["XC-2025-02", "工程项目招投标管理不规范"]]
    tasks = [["任务清单"], ["任务编号", "问题编号", "整改任务", "完成时限", "完成情况"],
             ["XC-2025-01-1", "XC-2025-01", "修订党委前置研究事项清单", "2025年12月31日前", "已销号"],
             ["XC-2025-02-1", "XC-2025-02", "开展招投标项目专项检查", "2025年度内", "待验收"],
             ["XC-2025-02-2", "XC-2025-02", "建立招投标负面清单", "次年3月底", "未启动"]]
    duties = [["责任清单"], ["任务编号", "责任领导", "责任部门", "责任人"],
              ["XC-2025-01-1", "党委书记", "党群工作部", "王某"],
              ["XC-2025-02-1", "总经理", "工程管理部", None]]
    info = [["单位名称", "××城投集团建设有限公司"], ["反馈日期", "2025年5月20日"]]
    path = _workbook(tmp_path / "城投建设.xlsx",
                     {"问题清单": issues, "任务清单": tasks, "责任清单": duties, "基本信息": info})
    found = {(f.code, f.row): f.message for f in api.check(path, Options(as_of=AS_OF)).findings
             if f.code.startswith("missing-")}
    assert set(found) == {("missing-owner-unit", 5), ("missing-lead", 5), ("missing-owner-person", 5),
                          ("missing-owner-person", 4)}
    assert found[("missing-owner-unit", 5)] == (
        "第5行未填写责任单位：请在“责任清单”中补上任务“XC-2025-02-2”（该表中没有这项任务）并填写牵头负责的科室或单位"
        "（多个单位用“、”分隔）。")
    assert found[("missing-owner-person", 4)] == (
        "第4行未填写责任人：请在“责任清单”任务“XC-2025-02-1”一行中填写具体经办人。")
    ledger = api.read_ledger(path)
    assert "计划于2026年3月底前建立招投标负面清单" in render_notice(ledger, as_of=AS_OF)


# -- measures side by side in numbered columns -----------------------------------------------------

HEALTH: Rows = [
    ["市卫生健康委员会党组落实市委巡察反馈意见整改台账"],
    ["反馈时间：2025年3月18日", None, None, None, None, "截至时间：2025年9月30日"],
    ["问题编号", "反馈问题", "整改措施1", "整改措施2", "责任处室", "完成时限", "整改进度"],
    ["WJ-01", "公立医院党建工作与业务工作融合不够", "建立党建与业务工作同谋划同部署机制",
     "开展党支部书记“双带头人”培育工程",
     "机关党委", "阶段目标2025年9月，长期坚持", "100%"],
    ["WJ-02", "医疗卫生领域不正之风专项整治不深入", "开展医药购销领域专项整治", "建立医德医风考评档案", "医政医管处",
     "2026年春节前", 0.6],
    ["WJ-03", "基层医疗机构药品采购管理不规范", "组织开展药品采购专项检查", None, "药政处", "下次党委会前", "30%"],
]


def test_measures_in_numbered_columns_are_each_a_measure(tmp_path: Path) -> None:
    """整改措施1 | 整改措施2: the second column had been a duplicate header and dropped (3 measures
    where the bureau wrote 5). Each is a measure with its row's unit, deadline and status; what is
    wrong with the shared deadline is said once."""
    path = _workbook(tmp_path / "卫健委.xlsx", {"整改台账": HEALTH})
    assert _findings(path) == [("bad-deadline", "F6")]
    ledger = api.read_ledger(path)
    assert [(m.text[:6], m.cell("整改措施"), m.owner_unit, m.status) for m in ledger.measures()] == [
        ("建立党建与业", "C4", "机关党委", D), ("开展党支部书", "D4", "机关党委", D),
        ("开展医药购销", "C5", "医政医管处", P), ("建立医德医风", "D5", "医政医管处", P),
        ("组织开展药品", "C6", "药政处", P)]
    text = render_notice(ledger, as_of=AS_OF)
    assert "5项整改措施已完成2项、正在推进3项" in text
    assert ("2.医疗卫生领域不正之风专项整治不深入。一是开展医药购销领域专项整治，正在推进。"
            "二是建立医德医风考评档案，正在推进。") in text


def test_measures_under_a_group_header_numbered_one_by_one(tmp_path: Path) -> None:
    """整改措施 over 措施一 | 措施二 | 措施三 (a two-row header of a state-owned group)."""
    rows = [
        ["××交通投资集团有限公司党委巡察整改台账"],
        ["序号", "巡察发现问题", "整改措施", None, None, "责任部门", "完成时限", "整改情况"],
        [None, None, "措施一", "措施二", "措施三", None, None, None],
        [1, "“三重一大”决策程序执行不严格", "修订决策实施办法", "建立决策事项清单", "开展决策执行专项检查",
         "党委办公室",
         "2025年8月31日", "已完成"],
        [2, "工程分包管理不规范", "开展在建项目分包专项排查", "修订分包管理办法", None, "工程管理部", "2025年12月31日",
         "正在推进"],
    ]
    merges = ["A1:H1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3", "H2:H3"]
    path = _workbook(tmp_path / "交投.xlsx", {"整改台账": rows}, {"整改台账": merges})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [len(i.measures) for a in ledger.aspects for i in a.issues()] == [3, 2]


def test_two_measure_columns_of_one_number_are_not_split(tmp_path: Path) -> None:
    """Two columns both named 整改措施 (no number) stay a duplicate header, as before."""
    rows = [["序号", "问题", "整改措施", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "问题甲", "措施甲", "措施乙", "办公室", "2025年12月31日", "正在推进"]]
    path = _workbook(tmp_path / "重复.xlsx", {"台账": rows})
    assert ("duplicate-header", "D1") in _findings(path)
    assert len(list(api.read_ledger(path).measures())) == 1


# -- a village's 巡村 ledger: issues put right at once at its foot ------------------------------------

VILLAGE: Rows = [
    ["柳溪村党支部巡村反馈问题整改台账（县委第二巡察组于2025年5月12日反馈）"],
    ["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况", "备注"],
    [1, "村务公开不及时，公开内容不全面", "每季度更新村务公开栏", "村委会", "村委会主任", "12月底前", "已整改到位",
     None],
    [2, "集体资产资源台账不清", "对集体资产资源全面清查登记", "村委会", "村支书", "2025年12月31日前", "部分整改", None],
    [3, "“三会一课”记录不规范", "规范会议记录本", "村党支部", "村支书", "长期", "常态化推进", None],
    ["立行立改问题", None, None, None, None, None, None, None],
    [4, "村便民服务中心工作人员脱岗", None, "村委会", "村委会主任", "立行立改", "已整改", "已建立坐班制度"],
    [5, "村部公示栏破损", None, "村委会", "村委会主任", "即知即改", "已整改", None],
    [6, "村级微权力清单未上墙", None, "村党支部", "村支书", "2025年6月30日", "已整改", None],
    ["合计", "6个问题", "3项措施", None, None, None, None, None],
    ["填报人：李某某", None, "审核人：张某某", None, "联系电话：13800000000", None, None, None],
]


def test_a_village_ledger_with_issues_put_right_at_once(tmp_path: Path) -> None:
    """The 立行立改问题 heading had been an aspect ("（一）立行立改问题", numbering restarted, the
    totals "一个方面"), and its issues, with no measure written, issues without measures printed
    bare. An issue due at once that says how far it got is its own measure (立行立改，已完成); one
    with a date and no measure is still an issue without a measure. The village signs."""
    path = _workbook(tmp_path / "柳溪村.xlsx", {"整改台账": VILLAGE}, {"整改台账": ["A1:H1", "A6:H6"]})
    assert _findings(path) == [("issue-without-measure", "B9")]
    ledger = api.read_ledger(path)
    assert [a.title for a in ledger.aspects] == [None]
    text = render_notice(ledger, as_of=AS_OF)
    assert text.startswith("柳溪村党支部关于巡察整改进展情况的通报")
    assert "（一）" not in text
    assert "4.村便民服务中心工作人员脱岗。立行立改，已完成。" in text
    assert "5.村部公示栏破损。即知即改，已完成。" in text
    assert "巡察反馈的6个问题" in text


def test_an_issue_put_right_at_once_saying_so_in_its_account_column(tmp_path: Path) -> None:
    """No status column: the 整改落实情况 cell opens with the status and goes on with the account
    ("已整改到位，已约谈…"). An issue due 即知即改 with no measure written is put right at once all the
    same — it had been an issue without a measure, the status read only from a 整改状态 cell."""
    rows = [["序号", "反馈问题", "整改举措", "责任科室", "完成时限", "整改落实情况"],
            [1, "公务接待超标准", None, "办公室", "即知即改", "已整改到位，已约谈相关人员并退缴费用0.3万元"],
            [2, "档案管理不规范", "开展档案专项清理", "档案室", "2025年12月31日", "正在推进，已清理档案120卷"]]
    path = _workbook(tmp_path / "落实情况.xlsx", {"台账": rows})
    assert not [f for f in _findings(path) if f[0] == "issue-without-measure"]
    first = next(iter(api.read_ledger(path).measures()))
    assert (first.text, first.status, first.progress) == ("即知即改", Status.DONE, "已约谈相关人员并退缴费用0.3万元")


def test_a_heading_over_every_issue_is_still_an_aspect(tmp_path: Path) -> None:
    """A ledger grouped by how its issues are put right from its first row on keeps the groups."""
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            ["立行立改问题", None, None, None, None, None],
            [1, "问题甲", "措施甲", "办公室", "立行立改", "已完成"],
            ["限期整改问题", None, None, None, None, None],
            [2, "问题乙", "措施乙", "办公室", "2025年12月31日", "正在推进"]]
    path = _workbook(tmp_path / "分类.xlsx", {"台账": rows}, {"台账": ["A2:F2", "A4:F4"]})
    assert [a.title for a in api.read_ledger(path).aspects] == ["立行立改问题", "限期整改问题"]


# -- a 机关党委 names itself in the title -----------------------------------------------------------

def test_a_party_committee_of_the_organs_signs(tmp_path: Path) -> None:
    rows = [
        ["市发展和改革委员会机关党委巡察整改落实台账"],
        ["反馈时间：2025年5月", None, None, None, None, None, "更新时间：2025年10月15日"],
        ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成进度"],
        ["1", "2", "3", "4", "5", "6", "7"],
        [1, "支部主题党日活动形式单一", "每季度开展一次实践活动", "机关党委书记", "机关党委办公室", "2025年12月底",
         0.6],
        [2, "党员积分管理流于形式", "修订党员积分管理办法", "机关纪委书记", "机关纪委", "12月底前", 1],
        ["合计", None, "2项", None, None, None, None],
    ]
    path = _workbook(tmp_path / "发改委机关党委.xlsx", {"台账": rows}, {"台账": ["A1:G1"]})
    assert _findings(path, date(2025, 10, 15)) == []
    text = render_notice(api.read_ledger(path))
    assert text.startswith("市发展和改革委员会机关党委关于巡察整改进展情况的通报")
    assert "2025年5月，" in text
    assert text.rstrip().splitlines()[-3] == "市发展和改革委员会机关党委"


# -- 是 | 否 ticked under two questions ----------------------------------------------------------------

def test_yes_no_ticks_under_the_status_and_the_closure_question(tmp_path: Path) -> None:
    """是否整改到位 over 是 | 否 beside 是否销号 over 是 | 否 (a 县人民医院's form): the four tick columns
    had been one run of repeated words, read as none — two duplicate headers, every row without a
    status. The first pair is the status, a tick under the second 是 closes the measure."""
    rows = [
        ["县人民医院党委巡察反馈问题整改台账"],
        ["序号", "问题", "整改措施", "责任科室", "责任人", "整改时限", "是否整改到位", None, "是否销号", None],
        [None, None, None, None, None, None, "是", "否", "是", "否"],
        [1, "医疗设备采购论证不充分", "建立大型设备采购论证制度", "设备科", "王某", "2025年6月30日", "√", None, "√",
         None],
        [2, "医德医风考评流于形式", "修订医德医风考评细则", "医务科", "李某", "2025年12月31日", None, "√", None, "√"],
        [3, "药品购销问题治理不彻底", "开展药品购销专项检查", "药剂科", "赵某", "2025年8月31日", None, "√", None, "√"],
    ]
    merges = ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:H2", "I2:J2"]
    path = _workbook(tmp_path / "医院.xlsx", {"台账": rows}, {"台账": merges})
    assert _findings(path) == [("overdue", "F6")]
    ledger = api.read_ledger(path)
    assert [(m.status, m.cell("整改状态")) for m in ledger.measures()] == [(D, "G4"), (P, "H5"), (P, "H6")]
    assert "3项整改措施已完成1项（其中已销号1项）、正在推进2项" in render_notice(ledger, as_of=AS_OF)


# -- a share done per measure under a rate's name ---------------------------------------------------

def test_a_rate_column_is_the_status_when_there_is_no_other(tmp_path: Path) -> None:
    """完成比例 of 1, 0.6, 0 per measure and no status column (a 税务局's ledger): it had been a
    column not understood, the status missing on every row; it says how far each measure got, as
    完成进度（%） does. A 合计 row's rate is no measure."""
    rows = [
        ["国家税务总局××市税务局党委巡察整改台账"],
        ["问题编号", "具体问题", "整改措施", "责任领导", "责任部门", "整改时限", "完成比例", "整改进展"],
        ["SW-01", "税费服务便利化举措落实不到位", "推行非接触式办税清单", "副局长甲", "纳税服务科", "2025年6月底前", 1,
         "清单已发布"],
        ["SW-02", "执法风险内控机制不健全", "完善内控监督平台预警规则", "副局长乙", "督察内审科", "2025年12月底前", 0.6,
         "已新增规则12条"],
        ["SW-03", "青年干部培养机制不完善", "建立青年干部导师帮带制度", "副局长丙", "人事教育科", "2025年第四季度",
         "0%",
         None],
        ["合计", None, 3, None, None, None, 0.53, None],
    ]
    path = _workbook(tmp_path / "税务.xlsx", {"台账": rows}, {"台账": ["A1:H1"]})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [m.status for m in ledger.measures()] == [D, P, Status.NOT_STARTED]
    assert "计划于2025年12月底前建立青年干部导师帮带制度" in render_notice(ledger, as_of=AS_OF)


def test_a_rate_column_beside_a_status_column_is_not_read(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "完成率"],
            [1, "问题甲", "措施甲", "办公室", "2025年12月31日", "正在推进", 1],
            [2, "问题乙", "措施乙", "办公室", "2025年12月31日", "已完成", 0.5]]
    path = _workbook(tmp_path / "完成率.xlsx", {"台账": rows})
    assert [m.status for m in api.read_ledger(path).measures()] == [P, D]


def test_a_row_of_column_letters_under_the_header(tmp_path: Path) -> None:
    """A B C … under the header (a 区城管局's form): the row had been read as an issue "B" with the
    measure "C", a bad deadline "G" and a bad status "H"."""
    rows = [
        ["区城市管理局党组巡察整改台账"],
        ["序号", "问题", "整改措施", "分管领导", "责任科室", "责任人", "整改时限", "整改状态", "整改进展"],
        ["A", "B", "C", "D", "E", "F", "G", "H", "I"],
        [1, "执法人员文明执法意识不强", "开展文明执法专题培训", "副局长甲", "执法大队", "张某", "2025年6月30日",
         "已完成",
         "培训2期"],
        [2, "市容环境卫生考核不严", "修订环卫作业考核办法", "副局长乙", "环卫科", "李某", "2025年12月31日前", "未完成",
         "已形成征求意见稿"],
    ]
    path = _workbook(tmp_path / "城管.xlsx", {"台账": rows})
    assert _findings(path) == []
    assert [i.title for a in api.read_ledger(path).aspects for i in a.issues()] == [
        "执法人员文明执法意识不强", "市容环境卫生考核不严"]


def test_the_issue_and_its_measures_in_one_labelled_cell(tmp_path: Path) -> None:
    """问题及整改措施 holding "问题：…\\n措施：…" on each row (a 县医保局's ledger): every row had been a
    measure without an issue, and the sheet missing its 具体问题 column."""
    rows = [
        ["序号", "问题及整改措施", "责任股室", "责任人", "整改时限", "整改状态", "整改进展"],
        [1, "问题：医保基金监管存在漏洞\n措施：1.开展定点医药机构专项检查；\n2.建立基金监管联席会议制度。",
         "基金监管股", "张某",
         "2025年12月31日", "正在推进", "已检查定点机构32家"],
        [2, "存在问题：医保经办服务效率不高\n整改措施：推行医保业务“一站式”结算", "经办中心", "李某", "2025年6月30日",
         "已完成", "一站式结算窗口已开通"],
    ]
    path = _workbook(tmp_path / "医保.xlsx", {"台账": rows})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    issues = [i for a in ledger.aspects for i in a.issues()]
    assert [(i.title, i.cells["具体问题"], [m.text for m in i.measures]) for i in issues] == [
        ("医保基金监管存在漏洞", "B2", ["1.开展定点医药机构专项检查；\n2.建立基金监管联席会议制度。"]),
        ("医保经办服务效率不高", "B3", ["推行医保业务“一站式”结算"])]
    assert "2.医保经办服务效率不高。推行医保业务“一站式”结算，一站式结算窗口已开通。" in render_notice(
        ledger, as_of=AS_OF)
