"""Ledgers round thirteen: a 县审计局, a 市住建局, a 区卫健委 and a 县林业局 write their ledgers the way
this repository had not seen.

The label typed before an issue in its cell ("巡察指出：", "存在问题：", "具体表现：") is no part of it,
and "…。整改措施：…" after it is the row's measure; statuses 已履职, 已召开, 已成立 are done; one row
listing two measures with a deadline each ("2025年6月底前；9月底前") says when the earlier one has
passed; progress kept month by month is read from the newest month that says something of the row;
a status ticked with marks (完成（√）, ●/○ keyed in the header) reads as the status the mark stands
for; a 回头看 ledger's issues are what the second look found, under the issue first fed back.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.api import Options
from rectxl.core.deadline import DeadlineKind, parse_deadline, part_deadlines
from rectxl.core.notice import render_notice
from rectxl.core.status import Status, read_status
from tests.test_county_ledgers2 import _book

AS_OF = date(2025, 9, 30)
Rows = Sequence[Sequence[Any]]


def _workbook(path: Path, sheets: dict[str, Rows], merges: dict[str, list[str]] | None = None) -> Path:
    return _book(path, {name: (rows, (merges or {}).get(name, [])) for name, rows in sheets.items()})


def _findings(path: Path, as_of: date = AS_OF) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=as_of))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _measures(path: Path) -> list[tuple[str, str, Status | None, str]]:
    return [(i.title, m.text, m.status, m.progress)
            for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]


# -- the issue cell: a label before it, the measure after it ---------------------------------------

AUDIT: Rows = [
    ["县审计局党组巡察整改台账"],
    ["填报单位：县审计局党组", None, None, "反馈日期：2025年4月15日", None, None, "填报日期：2025年9月30日"],
    ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态"],
    [1, "巡察指出：学习贯彻党的二十大精神不深入", "制定党组理论学习中心组年度学习计划", "局长", "办公室",
     "2025年6月底前",
     "已履职"],
    [2, "存在问题：意识形态工作研判不够", "每季度专题研判意识形态工作", "局长", "办公室", "长期坚持", "已落实到位"],
    [3, "具体表现：审计整改跟踪不到位，部分问题屡审屡犯", "建立审计整改销号台账", "副局长", "法规股", "2025年8月底前",
     "已按要求整改"],
    [4, "公务用车管理不规范。整改措施：修订公务用车管理办法", None, "副局长", "办公室", "两个月内", "已整改（待验收）"],
    [5, "巡察组发现，财务报销审核不严", "清理2023年以来报销凭证", "副局长", "财务股", "2025年12月底前", "部分完成"],
]


def test_the_label_before_an_issue_and_the_measure_after_it(tmp_path: Path) -> None:
    """"巡察指出：…" had been the issue's title, and so the notice's "1.巡察指出：…。"; the measure written
    after the issue in its cell ("…。整改措施：修订…", the measure column blank) had left the issue
    without a measure."""
    path = _workbook(tmp_path / "审计局.xlsx", {"整改台账": AUDIT})
    assert _findings(path) == []
    assert [(title, text, status) for title, text, status, _ in _measures(path)] == [
        ("学习贯彻党的二十大精神不深入", "制定党组理论学习中心组年度学习计划", Status.DONE),
        ("意识形态工作研判不够", "每季度专题研判意识形态工作", Status.DONE),
        ("审计整改跟踪不到位，部分问题屡审屡犯", "建立审计整改销号台账", Status.DONE),
        ("公务用车管理不规范", "修订公务用车管理办法", Status.DONE),
        ("财务报销审核不严", "清理2023年以来报销凭证", Status.IN_PROGRESS),
    ]
    text = render_notice(api.read_ledger(path), as_of=AS_OF)
    assert "1.学习贯彻党的二十大精神不深入。" in text
    assert "4.公务用车管理不规范。修订公务用车管理办法" in text
    assert "巡察指出" not in text and "存在问题：" not in text and "具体表现：" not in text and "整改措施：" not in text


def test_a_label_alone_and_a_detail_further_on_stay_as_written(tmp_path: Path) -> None:
    rows = [list(r) for r in AUDIT[2:4]] + [
        [2, "基层党组织软弱涣散。具体表现：个别村党支部长期不开展组织生活", "开展软弱涣散党组织整顿", "局长", "办公室",
         "2025年12月底前", "正在推进"]]
    path = _workbook(tmp_path / "审计局.xlsx", {"台账": rows})
    assert [t for t, *_ in _measures(path)] == [
        "学习贯彻党的二十大精神不深入", "基层党组织软弱涣散。具体表现：个别村党支部长期不开展组织生活"]


@pytest.mark.parametrize(("cell", "status"), [
    ("已履职", Status.DONE), ("已履责", Status.DONE), ("已召开", Status.DONE), ("已成立", Status.DONE),
    ("已下发", Status.DONE), ("已配齐", Status.DONE), ("已配备到位", Status.DONE), ("已归档", Status.DONE),
    ("已落实到位", Status.DONE), ("已按要求整改", Status.DONE), ("部分完成", Status.IN_PROGRESS),
    ("已完成阶段性任务", Status.MOSTLY_DONE), ("整改中（已完成80%）", Status.MOSTLY_DONE),
    # a narrative after the word is still the progress
    ("已召开动员会，正在制定方案", Status.IN_PROGRESS), ("正在推进，已召开会议", Status.IN_PROGRESS),
])
def test_done_words_other_offices_use(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


def test_a_done_status_awaiting_acceptance() -> None:
    reading = read_status("已整改（待验收）")
    assert (reading.status, str(reading.stage)) == (Status.DONE, "待验收")


# -- deadlines as an event, a term, a span --------------------------------------------------------

@pytest.mark.parametrize("cell", ["本届任期内", "下次党委会前", "巡察整改期内", "换届前", "下一次民主生活会前"])
def test_a_deadline_naming_no_date_is_reported(tmp_path: Path, cell: str) -> None:
    rows = [list(r) for r in AUDIT[:4]]
    rows[3][5] = cell
    path = _workbook(tmp_path / "审计局.xlsx", {"台账": rows})
    report = api.check(path, Options(as_of=AS_OF))
    (found,) = [f for f in report.findings if f.code == "bad-deadline"]
    assert found.cell == "F4" and "推算不出具体日期" in found.message


def test_a_span_counts_from_the_feedback_date() -> None:
    fb = date(2025, 4, 15)
    assert parse_deadline("两个月内", feedback_date=fb).due == date(2025, 6, 15)
    assert parse_deadline("年底前完成大头、明年6月前全部完成", feedback_date=fb).due == date(2026, 6, 30)


# -- one row, two measures, a deadline each ---------------------------------------------------------

@pytest.mark.parametrize(("cell", "dates"), [
    ("2025年6月底前；9月底前", (date(2025, 6, 30), date(2025, 9, 30))),
    ("2025年5月31日前\n12月31日前", (date(2025, 5, 31), date(2025, 12, 31))),
    ("1.2025年6月底前；2.9月底前", (date(2025, 6, 30), date(2025, 9, 30))),
    ("（1）2025年10月底前\n（2）次年3月底前", (date(2025, 10, 31), date(2026, 3, 31))),
    ("2025年6月底前", ()),
    ("年底前完成大头、明年6月前全部完成", ()),
])
def test_the_deadline_of_each_measure_a_row_lists(cell: str, dates: tuple[date, ...]) -> None:
    assert part_deadlines(cell, feedback_date=date(2025, 4, 15)) == dates
    if dates:  # numbered as the measures are, the cell had been a bad deadline
        deadline = parse_deadline(cell, feedback_date=date(2025, 4, 15))
        assert (deadline.kind, deadline.due) == (DeadlineKind.DATE, max(dates))


def test_the_earlier_of_two_deadlines_in_one_row_has_passed(tmp_path: Path) -> None:
    """"1.…；2.…" with "2025年6月底前；9月底前" and 正在推进 on 1 August: the row was due at the end
    of September and nothing was said, though the first measure's June date had passed; the info
    said the two measures share one deadline."""
    rows = [
        ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态"],
        [1, "干部教育培训针对性不强", "1.制定年度培训计划；2.开展业务轮训", "副局长", "人事股",
         "2025年6月底前；9月底前",
         "正在推进"],
        [2, "制度不健全", "1.修订差旅费管理办法\n2.修订公务接待管理办法", "副局长", "办公室",
         "2025年5月31日前\n12月31日前",
         "已完成"],
    ]
    path = _workbook(tmp_path / "审计局.xlsx", {"台账": rows})
    report = api.check(path, Options(as_of=date(2025, 8, 1)))
    (passed,) = [f for f in report.findings if f.code == "item-deadline-passed"]
    assert passed.cell == "F2" and passed.severity.value == "warning"
    assert ("整改时限分别为2025年6月30日、2025年9月30日：第1项“制定年度培训计划”的时限2025年6月30日已过"
            in passed.message)
    info = [f.message for f in report.findings if f.code == "measures-in-one-cell"]
    assert len(info) == 2 and all("共用一个责任单位和整改状态（时限已分别写明）" in m for m in info)
    # all dates passed: the row is overdue, as before — not both
    assert _findings(path, date(2025, 10, 8)) == [("overdue", "F2")]


# -- progress kept month by month ----------------------------------------------------------------

MONTHS: Rows = [
    ["市住建局巡察整改推进台账"],
    ["序号", "问题", "整改措施", "责任科室", "责任人", "整改时限", "2025年7月整改进展", "2025年8月整改进展",
     "2025年9月整改进展"],
    [1, "城建档案管理不规范", "开展城建档案专项清理", "档案科", "张明", "2025年8月底前", "正在推进，已制定清理方案",
     "正在推进，清理档案1200卷", "已完成，已全部清理归档"],
    [2, "工程款拨付审核不严", "修订工程款拨付管理办法", "财务科", "李华", "2025年12月底前", "正在推进，已起草初稿",
     "正在推进，征求意见中", None],
    [3, "安全生产监管存在盲区", "开展建筑工地安全大检查", "安监科", "王强", "长期坚持", "长期坚持，检查工地32个", None,
     "长期坚持，检查工地41个"],
    [4, "物业企业监管不到位", "建立物业企业信用评价制度", "房管科", "赵丽", "2025年8月底前", "未启动", None, None],
]


def test_progress_month_by_month_reads_the_newest_month_that_says_something(tmp_path: Path) -> None:
    """A row September's column says nothing of had no progress and no status (no status column):
    now August's "正在推进，征求意见中" and July's "未启动" — overdue at the end of August."""
    path = _workbook(tmp_path / "住建局.xlsx", {"台账": MONTHS})
    assert _findings(path) == [("overdue", "F6")]
    assert [(s, p) for *_, s, p in _measures(path)] == [
        (Status.DONE, "已全部清理归档"), (Status.IN_PROGRESS, "征求意见中"), (Status.LONG_TERM, "检查工地41个"),
        (Status.NOT_STARTED, "")]
    report = api.check(path, Options(as_of=AS_OF))
    (late,) = [f for f in report.findings if f.code == "overdue"]
    assert "状态仍为“未启动”" in late.message


def test_progress_month_by_month_beside_a_status_column(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任科室", "责任人", "整改时限", "整改状态", "7月进展", "8月进展", "9月进展"],
            [1, "工程款拨付审核不严", "修订工程款拨付管理办法", "财务科", "李华", "2025年12月底前", "正在推进",
             "已起草初稿",
             "征求意见中", None],
            [2, "物业企业监管不到位", "建立物业企业信用评价制度", "房管科", "赵丽", "2025年10月底前", "正在推进",
             None, None,
             "已完成调研"]]
    path = _workbook(tmp_path / "住建局.xlsx", {"台账": rows})
    assert [p for *_, p in _measures(path)] == ["征求意见中", "已完成调研"]
    ledger = api.read_ledger(path)
    assert [m.cells["整改进展"] for m in ledger.measures()] == ["I2", "J3"]


# -- a status ticked with marks -----------------------------------------------------------------

def _ticked(header: str, marks: Sequence[str | None]) -> Rows:
    rows: list[list[Any]] = [["区卫健委党委巡察整改台账"],
                             ["序号", "问题", "整改措施", "责任科室", "责任人", "整改时限", header, "佐证材料"]]
    body = [
        ("医疗机构药品采购监管不严", "开展药品采购专项检查", "医政科", "刘洋", "2025年6月底前", "检查通报"),
        ("基层医疗卫生机构绩效考核流于形式", "修订绩效考核办法", "基层卫生科", "陈静", "2025年12月底前", None),
        ("公共卫生应急物资储备不足", "补充应急物资储备", "疾控科", "周平", "2025年8月底前", None),
        ("医德医风教育不经常", "每季度开展医德医风专题教育", "人事科", "吴敏", "长期坚持", "培训记录"),
    ]
    for k, ((issue, measure, unit, person, due, evidence), mark) in enumerate(zip(body, marks, strict=True), 1):
        rows.append([k, issue, measure, unit, person, due, mark, evidence])
    return rows


@pytest.mark.parametrize(("header", "marks"), [
    ("是否完成", ["是", "否", "否", "是"]),
    ("完成（√）", ["√", None, None, "√"]),
    ("是否完成（打√）", ["✔", None, None, "✔"]),
    ("完成情况（●已完成 ○未完成）", ["●", "○", "○", "●"]),
    ("完成情况", ["●", "○", "○", "●"]),
    ("完成情况（已完成打√，未完成打×）", ["√", "×", "×", "√"]),
])
def test_a_status_ticked_with_marks(tmp_path: Path, header: str, marks: list[str | None]) -> None:
    """完成（√） had not been read as a column (header-missing, and each row overdue as 未填写); ● and
    ○ under 完成情况 had been bad statuses. Each form now reads the same: done, not done."""
    path = _workbook(tmp_path / "卫健委.xlsx", {"台账": _ticked(header, marks)})
    assert _findings(path) == [("overdue", "F5")]
    assert [s for *_, s, _ in _measures(path)] == [Status.DONE, Status.IN_PROGRESS, Status.IN_PROGRESS, Status.DONE]


# -- a 回头看 ledger ------------------------------------------------------------------------------

LOOKBACK: Rows = [
    ["县林业局党组巡察整改“回头看”问题整改台账"],
    ["序号", "原问题", "回头看发现问题", "再整改措施", "责任单位", "责任人", "整改时限", "整改情况"],
    [1, "林地占用审批把关不严", "部分违法占用林地项目未恢复植被", "督促项目业主限期恢复植被", "资源股", "钱进",
     "2025年11月底前", "正在推进"],
    [2, "生态护林员管理松散", "护林员考勤制度仍未落实", "建立护林员巡护APP考勤", "护林站", "孙虎", "2025年8月底前",
     "已完成"],
    [2, "生态护林员管理松散", "护林员考勤制度仍未落实", "每月通报巡护考勤结果", "护林站", "孙虎", "长期坚持",
     "长期坚持"],
    [3, "项目资金拨付滞后", None, None, None, None, None, "原问题已整改到位，回头看未发现新问题"],
]


def test_a_lookback_ledger_rectifies_what_the_second_look_found(tmp_path: Path) -> None:
    """原问题 beside 回头看发现问题 had been two issue columns (duplicate-header, the original read as
    the issue), and an original issue the second look found put right an issue without a measure.
    Now the issues are what was found again, under the original issue as their heading."""
    path = _workbook(tmp_path / "林业局.xlsx", {"回头看台账": LOOKBACK}, {"回头看台账": ["B4:B5", "C4:C5"]})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(c.title, [i.title for i in c.issues]) for a in ledger.aspects for c in a.categories] == [
        ("林地占用审批把关不严", ["部分违法占用林地项目未恢复植被"]),
        ("生态护林员管理松散", ["护林员考勤制度仍未落实"]),
        # nothing found again: the heading, with what the row says of it (tests/test_followthrough_round13.py)
        ("项目资金拨付滞后", []),
    ]
    text = render_notice(ledger, as_of=AS_OF)
    assert "（一）林地占用审批把关不严" in text and "（二）生态护林员管理松散" in text
    assert "（三）项目资金拨付滞后" in text and "原问题已整改到位，回头看未发现新问题。" in text
    assert "2.护林员考勤制度仍未落实。一是建立护林员巡护APP考勤，已完成。二是每月通报巡护考勤结果，长期坚持。" in text


def test_the_second_look_named_in_a_note_of_the_issue_header(tmp_path: Path) -> None:
    rows = [["序号", "上轮巡察反馈问题", "存在问题（回头看）", "整改措施", "责任单位", "责任人", "整改时限",
             "整改状态"],
            [1, "林地占用审批把关不严", "部分项目未恢复植被", "督促业主恢复植被", "资源股", "钱进", "2025年11月底前",
             "正在推进"]]
    path = _workbook(tmp_path / "林业局.xlsx", {"台账": rows})
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    assert [(c.title, [i.title for i in c.issues]) for a in ledger.aspects for c in a.categories] == [
        ("林地占用审批把关不严", ["部分项目未恢复植被"])]


# -- one sheet per aspect, named by its field alone ------------------------------------------------

def test_sheets_named_by_their_field_alone_are_the_aspects(tmp_path: Path) -> None:
    """"政治建设" | "党风廉政建设" (no 一、, no 方面) had been read as one ledger with no aspects; sheets
    numbered as aspects ("一、政治建设") already were."""
    head = ["序号", "巡察反馈问题", "整改措施", "责任部门", "责任人", "完成时限", "整改状态"]
    sheets: dict[str, Rows] = {
        "政治建设": [head, [1, "贯彻落实上级决策部署打折扣", "建立督办机制", "党委办公室", "郑涛", "2025年9月底前",
                          "已完成"]],
        "党风廉政建设": [head, [2, "招投标管理存在廉洁风险", "开展招投标专项审计", "审计部", "孙立", "2025年12月底前",
                             "正在推进"]],
        "说明": [["本表由各部门填报"]],
    }
    ledger = api.read_ledger(_workbook(tmp_path / "集团.xlsx", sheets))
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("政治建设", ["贯彻落实上级决策部署打折扣"]), ("党风廉政建设", ["招投标管理存在廉洁风险"])]
    text = render_notice(ledger, as_of=AS_OF)
    assert "（一）政治建设方面" in text and "（二）党风廉政建设方面" in text
    # sheets named by period are no aspects
    by_month = {"10月": sheets["政治建设"], "11月": sheets["党风廉政建设"]}
    months = api.read_ledger(_workbook(tmp_path / "月报.xlsx", by_month))
    assert [a.title for a in months.aspects] == [None]
