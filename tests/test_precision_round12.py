"""Precision round twelve: correct ledgers, as a 县委办, a 县纪委监委机关, a 乡党委, a 街道党工委, a 市直局,
a 国企, a 学院, a 医院, a 中学 and others write them, come out clean.

What had been misread: a report date under a key the title rows had not been searched for
(统计截止时间, 截止时间：2025-10-31, 截至时间, 编制日期, 填表日期, 报告日期 | …) — the check ran as of
today and called unfinished work overdue; a 完成情况 column of accounts beside an 整改落实情况 column
of status words (在办, 已办结) — every status was bad-status; a status telling the parts of the work
apart ("合同清理已完成，公开招租正在推进") — bad-status; a 完成时间 without its year ("9月25日") in a
ledger stating no feedback date — bad-completion-date. A wrong row put in three of the ledgers is
reported, and only it.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.api import Options
from rectxl.core.status import Status, read_status
from tests.test_county_ledgers2 import _book

Rows = Sequence[Sequence[Any]]
REPORT = date(2025, 10, 31)


def _ledger(tmp_path: Path, rows: Rows, name: str = "台账", merges: Sequence[str] = (),
            more: dict[str, Rows] | None = None) -> Path:
    sheets: dict[str, tuple[Rows, Sequence[str]]] = {name: (rows, merges)}
    sheets.update({k: (v, []) for k, v in (more or {}).items()})
    return _book(tmp_path / "台账.xlsx", sheets)


def _findings(path: Path, as_of: date | None = REPORT) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=as_of))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


HEADER = ["序号", "问题", "整改措施", "责任股室", "责任人", "整改时限", "整改状态", "整改进展", "佐证材料"]
BODY: Rows = [
    [1, "预算绩效管理不到位", "建立预算绩效目标审核机制", "预算股", "张三（股长）", "2025年9月底", "已完成",
     "已出台绩效目标审核办法。", "×财发〔2025〕12号"],
    [2, "政府采购监管不严", "开展政府采购领域专项检查", "采购办", "李四、赵六", "2025年12月31日",
     "正在推进", "截至目前，已检查项目58个。", None],
    [3, "国有资产底数不清", "开展行政事业单位国有资产清查", "资产股", "王五 13800000000", "2026年6月",
     "正在推进", "已完成42个单位清查。", None],
]


# -- the report date, under the keys offices write it with ----------------------------------------

@pytest.mark.parametrize("title_row", [
    ["统计截止时间：2025年10月31日"],
    ["单位（盖章）：县财政局", None, None, None, None, "截止时间：2025-10-31"],
    ["截至时间：2025年10月31日"],
    ["编制日期：2025年10月31日"],
    ["填报科室：办公室", None, None, None, None, None, "填表日期：2025年10月31日"],
    ["单位名称", "县财政局", "报告日期", "2025年10月31日"],
    ["统计截至", "2025年10月31日"],
    ["统计截至2025年10月31日"],
])
def test_the_report_date_in_the_title_rows(tmp_path: Path, title_row: list[Any]) -> None:
    """The check runs as of the day the clerk wrote above the table — it had run as of today, and
    the 2025年12月31日 measure still going on was overdue a year later."""
    path = _ledger(tmp_path, [["县财政局党组巡察整改台账"], title_row, HEADER, *BODY])
    report = api.check(path, Options())
    assert report.as_of == REPORT
    assert _findings(path, None) == []


@pytest.mark.parametrize(("title", "second"), [
    ("县财政局党组巡察整改台账", ["填报单位：县财政局", None, None, None, None, None, "2025年10月31日"]),
    ("县财政局党组巡察整改台账", ["填报单位：县财政局", None, None, None, None, None, "日期：2025年10月31日"]),
    ("县财政局党组巡察整改台账", ["时间：2025年10月31日"]),
    ("县财政局党组巡察整改台账（2025年10月31日更新）", ["填报单位：县财政局"]),
    # a keyed date goes first, whatever else the rows hold
    ("县财政局党组巡察整改台账（2025年9月30日更新）", ["填报日期：2025年10月31日"]),
])
def test_a_report_date_written_with_no_key(tmp_path: Path, title: str, second: list[Any]) -> None:
    """The day alone in its cell right of the stamp line, under 日期/时间, or the day the table was
    brought up to in the title: the check had run as of today."""
    path = _ledger(tmp_path, [[title], second, HEADER, *BODY])
    assert api.check(path, Options()).as_of == REPORT
    assert _findings(path, None) == []


def test_a_feedback_date_or_an_inspection_span_is_no_report_date(tmp_path: Path) -> None:
    for second in (["反馈日期：2025年5月20日"], ["巡察时间：2025年3月1日至4月30日"], ["2025年3月1日至4月30日"]):
        path = _ledger(tmp_path, [["县财政局党组巡察整改台账"], second, HEADER, *BODY])
        assert api.check(path, Options()).as_of == date.today(), second


def test_a_completion_time_or_deadline_column_is_no_report_date(tmp_path: Path) -> None:
    """完成时间, 整改时限 above the table are no report date (only the filling-in and as-of keys are)."""
    path = _ledger(tmp_path, [["县财政局党组巡察整改台账"], ["完成时间：2025年10月31日"], HEADER, *BODY])
    assert api.check(path, Options()).as_of != REPORT


# -- status words in the progress column, accounts in the status column ---------------------------

BUREAU: Rows = [
    ["市自然资源和规划局党组落实市委巡察反馈意见整改台账"],
    ["单位（盖章）：市自然资源和规划局", None, None, None, None, "截止时间：2025-10-31"],
    ["序号", "巡察反馈问题", "具体整改措施", "分管领导", "责任科室", "责任人", "计划完成时间", "完成情况",
     "整改落实情况", "佐证资料"],
    [1, "耕地保护监管存在漏洞", "开展耕地“非农化”“非粮化”专项整治", "副局长 孙某", "耕地保护科", "刘某（科长）",
     "2025年第四季度", "已排查图斑326个，整改到位211个。", "在办", None],
    [2, "廉政风险防控机制不健全", "全面梳理岗位廉政风险点，制定防控措施", "党组成员、纪检组长", "局机关各股室",
     "各股室负责人", "2025年9月30日", "梳理风险点138个，制定防控措施156条，汇编成册。", "已办结",
     "《廉政风险防控手册》"],
    [3, "不动产登记办理效率不高", "推行“交房即交证”", "副局长 孙某", "不动产登记中心", "王五 13800000000",
     "2026年3月", "已在3个项目试点。", "在办", None],
    [4, "干部轮岗交流不够", "制定干部轮岗交流计划并实施", "局长", "人事科", "周某", datetime(2025, 8, 31),
     "已完成轮岗交流12人。", "已办结", "任免文件（×自然资党〔2025〕22号）"],
]


def test_status_words_beside_a_column_of_accounts_are_the_status(tmp_path: Path) -> None:
    """完成情况 (named as the status) holds what was done, 整改落实情况 (named as the progress) only
    在办 / 已办结: the words are the status — every row had been bad-status."""
    path = _ledger(tmp_path, BUREAU, name="Sheet1")
    assert _findings(path, None) == []
    measures = list(api.read_ledger(path).measures())
    assert [m.status for m in measures] == [Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS, Status.DONE]
    assert measures[1].progress.startswith("梳理风险点138个")


def test_accounts_in_both_columns_stay_as_named(tmp_path: Path) -> None:
    """A progress column that also tells what was done is no status column: nothing is swapped."""
    rows = [list(r) for r in BUREAU]
    rows[3][8] = "正在推进，已完成60%"
    rows[5][8] = "已办结。经局党组验收。"
    path = _ledger(tmp_path, rows, name="Sheet1")
    assert ("bad-status", "H4") in _findings(path, None)


# -- a status naming the parts of the work ----------------------------------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    ("合同清理已完成，公开招租正在推进", Status.IN_PROGRESS),
    ("制度建设已完成；系统上线正在推进中", Status.IN_PROGRESS),
    ("自查自纠已完成，问题整改已完成", Status.DONE),
    ("方案制定已完成，整治工作基本完成", Status.MOSTLY_DONE),
    ("已报结", Status.DONE),  # reported closed, as a 信访 or 审计 office says it
    # what was no status stays none: a part's work without a status word, a person and a status
    ("一期已完工，二期正在建设", None),
    ("合同清理已完成", None),
])
def test_a_status_naming_the_parts_of_the_work(cell: str, status: Status | None) -> None:
    assert read_status(cell).status is status


def test_a_company_ledger_with_parts_of_the_work_told_apart(tmp_path: Path) -> None:
    rows = [
        ["××市城市建设投资集团有限公司党委巡察整改台账"],
        ["编制日期：2025年10月30日"],
        ["序号", "整改事项", "整改任务", "责任部门", "部门负责人", "计划完成日期", "实际完成日期", "完成情况",
         "支撑材料"],
        [1, "“三重一大”决策制度执行不严格", "修订“三重一大”决策制度实施办法", "党委办公室", "张三（党办主任）",
         "2025-08-31", "2025-08-20", "已完成", "《“三重一大”决策制度实施办法（2025年修订）》"],
        [2, "国有资产出租管理混乱", "清理资产出租合同，统一公开招租", "资产管理部", "陈某", "2025-12-31", None,
         "合同清理已完成，公开招租正在推进", None],
    ]
    path = _ledger(tmp_path, rows, name="问题整改台账")
    assert _findings(path, None) == []
    assert api.check(path, Options()).as_of == date(2025, 10, 30)
    # still unfinished: due at the end of the year, overdue after it
    assert _findings(path, date(2026, 1, 15)) == [("overdue", "F5")]


# -- a completion day written without its year -------------------------------------------------------

def test_a_completion_day_without_its_year(tmp_path: Path) -> None:
    rows = [
        ["县水利局党组巡察整改台账"],
        ["填报日期：2025年10月31日"],
        ["序号", "问题", "整改措施", "责任股室", "责任人", "整改时限", "完成时间", "整改状态", "整改进展", "佐证材料"],
        [1, "水利工程质量监管不严", "开展在建工程质量检查", "建管股", "李四", "2025年9月30日", "9月25日",
         "已完成", "检查工程12个。", "检查报告"],
        [2, "防汛物资储备不足", "补充防汛物资", "防汛办", "赵六", "2025年6月30日", "11月20日", "已完成",
         "补充物资价值86万元。", "入库单"],
    ]
    path = _ledger(tmp_path, rows)
    # 9月25日 is this year's, 11月20日 (not yet come this year) last year's: finished early
    assert [m.completed_on for m in api.read_ledger(path).measures()] == [date(2025, 9, 25), date(2024, 11, 20)]
    assert _findings(path, None) == []


# -- correct ledgers as other offices write them --------------------------------------------------

OFFICE: Rows = [
    ["中共××县委办公室落实县委第二巡察组反馈意见整改台账"],
    ["填报单位：县委办（县档案局）", None, None, None, None, None, "报送时间：2025.10.31"],
    ["序号", "反馈问题", "整改措施", "牵头领导", "责任单位", "责任人", "完成时限", "整改进展情况", "整改状态",
     "佐证材料"],
    [1, "督查督办跟踪问效不及时", "建立重点工作督查督办台账，实行周调度、月通报", "县委常委、办公室主任 陈某", "督查室",
     "张三（督查室主任）", "2025年8月31日以前",
     "一是建立督查督办台账，列明事项42项；二是自2025年7月起每周调度一次，已通报4期。经县委办主任办公会验收，已整改到位。",
     "已整改到位，长期坚持", "《关于建立重点工作督查督办机制的通知》（×委办发〔2025〕18号）"],
    [2, "机要保密管理存在薄弱环节", "开展涉密载体清查，完善保密管理制度", "副主任 刘某", "机要保密科",
     "王五 13800000000", "2025年9月底", "截至目前，清查涉密载体386件，销毁过期载体52件，修订保密管理制度3项。",
     "已完成并建立长效机制",
     "见附件3"],
    [3, "档案管理基础薄弱", "对2020年以来文书档案进行全面清理归档", "副主任 刘某", "县委办（县档案局）", "李四、赵六",
     "2025年12月31日前", "截至10月底，已清理归档文书档案1260卷，占总量的70%。", "正在推进", None],
    [4, "公文处理不够规范", "组织公文处理专题培训", "副主任 孙某", "秘书科", "周七（秘书科科长）", "立行立改",
     "2025年7月15日举办公文处理培训班1期，参训86人次。", "已完成", "培训通知、签到表"],
]
DEADLINES: Rows = [
    ["中共××县委统战部巡察整改台账"],
    ["填报时间：2025年10月31日"],
    ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展", "佐证材料"],
    [1, "领导小组作用发挥不充分", "每半年召开一次领导小组会议", "办公室", "张三", "2025年12月31日以前", "正在推进",
     "6月已召开会议1次。", None],
    [2, "宗教场所安全隐患排查不到位", "开展宗教场所安全隐患排查", "民宗股", "李四", "2025年第四季度末", "正在推进",
     "已排查场所23处。", None],
    [3, "非公经济人士教育引导不够", "举办非公经济人士培训班", "经济科", "王五", "2025年度内", "正在推进",
     "已制定培训方案。", None],
    [4, "统战信息报送质量不高", "建立信息报送通报制度", "办公室", "张三", "2025年11月至12月", "正在推进",
     "正在起草制度。", None],
    [5, "联谊交友制度落实不够", "落实联谊交友制度", "干部科", "赵六", "长期坚持，每年度考核", "长期坚持",
     "已落实联谊交友对象86人。", "联谊交友登记表"],
    [6, "档案资料管理混乱", "规范档案整理", "办公室", "张三", "整改期限：2025年11月30日", "正在推进",
     "已整理档案200卷。", None],
    [7, "执法司法监督不到位", "开展案件评查", "执法监督科", "陈七", "2025年第三季度", "已完成（2025年9月）",
     "评查案件120件。", "评查通报"],
    [8, "综治中心建设滞后", "推进综治中心规范化建设", "综治科", "张三",
     "2025年9月30日（经县委同意延期至2025年12月31日）", "正在推进", "已完成乡级综治中心建设12个。", None],
]
STATUSES: Rows = [
    ["××县住房和城乡建设局党组巡察整改台账"],
    ["填报日期：二〇二五年十月三十一日"],
    ["序号", "问题", "整改措施", "责任股室", "责任人", "整改时限", "整改状态", "整改进展", "佐证材料"],
    [1, "建筑市场监管不力", "开展建筑市场专项整治", "建管股", "张三", "2025年9月30日", "已完结", "查处14起。",
     "整治报告"],
    [2, "物业管理投诉较多", "建立物业服务考评机制", "物业股", "李四", "2025年9月30日", "已按期完成", "首次考评32家。",
     "考评办法"],
    [3, "保障性住房分配不公", "开展保障房资格复核", "住保股", "赵六", "2025年12月31日", "正按计划推进",
     "已复核1200户。", None],
    [4, "工程质量监督不到位", "加强工程质量巡查", "质监站", "周八", "长期坚持", "常态化推进", "已巡查项目46个。",
     "巡查记录"],
    [5, "干部作风不实", "开展作风整顿", "办公室", "吴九", "2025年8月31日", "已完成整改，长期坚持", "处理3人。", "通报"],
    [6, "违建治理不彻底", "开展违建专项治理", "执法大队", "王五", "2025年12月31日", "部分完成", "已拆除违建21处。",
     None],
    [7, "农村公路养护不到位", "落实养护资金", "公路股", "张三", "2025年12月31日", "未完成，已完成80%",
     "已落实资金1200万元。", None],
    [8, "运输市场监管不严", "开展非法营运专项整治", "运管所", "李四", "2026年3月31日", "按序时进度推进",
     "查处非法营运车辆36辆。", None],
]


@pytest.mark.parametrize("rows", [OFFICE, DEADLINES, STATUSES], ids=["县委办", "时限", "状态"])
def test_correct_ledgers_come_out_clean(tmp_path: Path, rows: Rows) -> None:
    path = _ledger(tmp_path, rows)
    assert _findings(path, None) == []
    assert api.check(path, Options()).as_of == REPORT


# -- one wrong row, and only it -------------------------------------------------------------------

@pytest.mark.parametrize(("row", "cell", "expected"), [
    (0, 6, ("overdue", "F4")),                 # 未启动, due at the end of September
    (0, 8, ("missing-evidence", "I4")),        # 已完成 with no evidence
    (2, 4, ("missing-owner-person", "E6")),    # nobody named
])
def test_one_wrong_row_is_reported_alone(tmp_path: Path, row: int, cell: int, expected: tuple[str, str]) -> None:
    rows = [["县财政局党组巡察整改台账"], ["报送日期：2025年10月31日"], HEADER, *[list(r) for r in BODY]]
    wrong = rows[3 + row]
    assert isinstance(wrong, list)
    wrong[cell] = {6: "未启动", 8: None, 4: None}[cell]
    if cell == 6:
        wrong[7] = ""
    path = _ledger(tmp_path, rows)
    assert _findings(path, None) == [expected]


# -- not started, the body it waits on contacted ---------------------------------------------------

@pytest.mark.parametrize(("progress", "flagged"), [
    ("待市局统一部署后开展，已与市局对接。", False),
    ("因上级政策尚未出台，暂未启动，已向县政府汇报。", False),
    ("已列入明年工作计划。", False),
    # work done on it after all: the status is wrong
    ("已与施工单位签订合同。", True),
    ("已与3家企业对接并签约。", True),
])
def test_not_started_waiting_on_another_body(tmp_path: Path, progress: str, flagged: bool) -> None:
    rows = [["县发改局党组巡察整改台账"], ["填报日期：2025年10月31日"], HEADER,
            [1, "项目前期工作滞后", "加快项目前期工作", "项目股", "张三", "2026年6月30日", "未启动", progress, None]]
    path = _ledger(tmp_path, rows)
    assert _findings(path, None) == ([("status-text-mismatch", "H4")] if flagged else [])


# -- a stage done under a date and 长期坚持 that does not say the whole was due ------------------------

@pytest.mark.parametrize(("kind", "deadline", "status", "overdue"), [
    # a 整改类型 of 长期坚持 beside the date: the date is a stage's
    ("长期坚持", "2025年9月30日", "已完成阶段性目标，长期坚持", False),
    (None, "2025年9月30日，长期坚持", "已完成阶段性任务，持续推进", False),
    # "…前完成并长期坚持": all of it was due by the date
    (None, "2025年9月30日前完成并长期坚持", "已完成阶段性目标，长期坚持", True),
    # no stage said done
    ("长期坚持", "2025年9月30日", "基本完成", True),
])
def test_a_stage_done_under_a_long_term_measure(tmp_path: Path, kind: str | None, deadline: str, status: str,
                                                overdue: bool) -> None:
    rows = [["县应急管理局党组巡察整改台账"], ["填报日期：2025年10月31日"],
            ["序号", "问题", "整改措施", "整改类型", "责任股室", "责任人", "整改时限", "整改状态", "整改进展",
             "佐证材料"],
            [1, "应急救援队伍建设滞后", "加强应急救援队伍建设", kind, "救援股", "王五", deadline, status,
             "已组建乡镇应急救援队12支。", "组建文件"]]
    path = _ledger(tmp_path, rows)
    assert _findings(path, None) == ([("overdue", "G4")] if overdue else [])


@pytest.mark.parametrize("key", ["填报日期", "报送时间", "数据截至", "统计时间", "截至时间", "统计截止时间"])
def test_the_report_date_in_the_info_sheet_under_the_title_rows_keys(tmp_path: Path, key: str) -> None:
    """基本信息 keeping the day under the key the title rows use (填报日期, 数据截至…): it had been
    no report date at all, and the check ran as of today."""
    info: Rows = [["单位名称", "县财政局"], [key, "2025年10月31日"], ["反馈日期", "2025年5月20日"]]
    path = _ledger(tmp_path, [HEADER, *BODY], more={"基本信息": info})
    assert api.check(path, Options()).as_of == REPORT
    assert _findings(path, None) == []
