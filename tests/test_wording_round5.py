"""Round 5 of clerks' wording in 整改状态 / 整改时限 / 整改进展, read as an auditor would: a deadline
noted as extended with no new date still falls due; labels glued to a date; an unreadable status
is not judged overdue; a status history reads as its latest status; progress contradicting the
status in any numbered item, and not in before-and-after narrative or steps after completion.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.grid import Grid, ledger_from_grids
from rectxl.core.rules import Options
from rectxl.core.rules.statuses import progress_contradiction
from rectxl.core.status import Status, read_status
from rectxl.core.validate import Report, validate

FEEDBACK = date(2025, 4, 10)
AS_OF = date(2025, 12, 5)
D, M, P, L, N = Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS, Status.LONG_TERM, Status.NOT_STARTED


def _row(**overrides: Any) -> dict[str, Any]:
    row = {
        F.ASPECT: "一、党的领导", F.ISSUE_NO: 1, F.ISSUE: "针对制度执行不严问题", F.MEASURE: "修订议事规则",
        F.LEAD: "王副局长", F.OWNER_UNIT: "综合股", F.OWNER_PERSON: "赵六", F.DEADLINE: "2025年12月底前",
        F.STATUS: "正在推进", F.PROGRESS: "正在征求意见", F.EVIDENCE: None, F.COMPLETED: None,
    }
    row.update(overrides)
    return row


def _check(*rows: dict[str, Any]) -> Report:
    columns = list(F.TEMPLATE_COLUMNS)
    grids = [Grid("台账", [columns, *([r.get(c) for c in columns] for r in rows)]),
             Grid("基本信息", [["反馈日期", FEEDBACK]])]
    return validate(ledger_from_grids(grids, ()), Options(as_of=AS_OF), sibling_files=frozenset())


def _codes(report: Report, row: int = 2) -> dict[str, str]:
    return {f.code: f.message for f in report.findings if f.row == row}


# -- deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind", "due"),
    [
        ("截止日期2025年9月30日", DeadlineKind.DATE, date(2025, 9, 30)),
        ("完成时限2025年10月底前", DeadlineKind.DATE, date(2025, 10, 31)),
        ("整改期限2025.8.31", DeadlineKind.DATE, date(2025, 8, 31)),
        ("时间节点为2025年11月", DeadlineKind.DATE, date(2025, 11, 30)),
        ("近期目标2025年7月底前完成，长期坚持", DeadlineKind.DATE_AND_LONG_TERM, date(2025, 7, 31)),
        ("阶段性任务2025年9月底前见效，常态化推进", DeadlineKind.DATE_AND_LONG_TERM, date(2025, 9, 30)),
        ("2025年11月中下旬", DeadlineKind.DATE, date(2025, 11, 30)),
        ("2025年11月上中旬", DeadlineKind.DATE, date(2025, 11, 20)),
        ("巡察反馈意见印发后2个月内", DeadlineKind.DATE, date(2025, 6, 10)),
        ("立整立改", DeadlineKind.IMMEDIATE, FEEDBACK),
        ("当场整改", DeadlineKind.IMMEDIATE, FEEDBACK),
        ("每年6月底前", DeadlineKind.DATE_AND_LONG_TERM, date(2025, 6, 30)),
        ("每年3月底前报送", DeadlineKind.DATE_AND_LONG_TERM, date(2026, 3, 31)),  # March 2025 was before the feedback
        ("每季度", DeadlineKind.LONG_TERM, None),
        ("定期通报", DeadlineKind.LONG_TERM, None),
        ("一是2025年8月底前；二是2025年11月底前", DeadlineKind.DATE, date(2025, 11, 30)),
        ("（一）2025年7月31日前\n（二）2025年10月31日前", DeadlineKind.DATE, date(2025, 10, 31)),
        ("实际完成日期2025.6.1（时限2025.7.31）", DeadlineKind.DATE, date(2025, 7, 31)),
    ],
)
def test_deadline_wording(cell: str, kind: DeadlineKind, due: date | None) -> None:
    d = parse_deadline(cell, feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (kind, due), d


def test_a_recurring_schedule_beside_a_date_is_still_that_date() -> None:
    d = parse_deadline("2025年9月底前完成，每月报送进展", feedback_date=FEEDBACK)
    assert (d.kind, d.due) == (DeadlineKind.DATE, date(2025, 9, 30))


def test_relaxed_to_is_an_extension() -> None:
    d = parse_deadline("原定2025年9月底，放宽至2026年3月", feedback_date=FEEDBACK)
    assert (d.due, d.extended, d.original_due) == (date(2026, 3, 31), True, date(2025, 9, 30))


@pytest.mark.parametrize("cell", ["2025年9月30日（已延期）", "2025年8月底（延期）", "2025年10月（经批准延期）"])
def test_an_extension_noted_without_a_new_date_is_still_overdue(cell: str) -> None:
    found = _codes(_check(_row(**{F.DEADLINE: cell})))
    assert "overdue" in found, found
    assert "未写明延期后的时限" in found["overdue"]
    assert "extension-overdue" not in found


def test_an_extension_with_its_date_is_judged_by_extension_overdue_only() -> None:
    found = _codes(_check(_row(**{F.DEADLINE: "原定2025年6月底，延期至2025年10月底"})))
    assert "extension-overdue" in found and "overdue" not in found


def test_a_staged_goal_before_long_term_keeps_its_date() -> None:
    report = _check(_row(**{F.DEADLINE: "阶段性目标2025年8月底前完成，长期坚持"}),
                    _row(**{F.MEASURE: "建立台账", F.DEADLINE: "2025年8月底前完成", F.STATUS: "长期坚持",
                            F.PROGRESS: "已建立台账"}))
    assert "overdue" in _codes(report, 2)
    assert "long-term-past-deadline" in _codes(report, 3)


# -- statuses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("末完成整改", P),
        ("仍末完成", P),
        ("末开始", N),
        ("月末完成", None),  # 月末 is a time, not a typo
        ("已启动前期工作", P),
        ("待局党组会审议", P),
        ("已提请常委会研究", P),
        ("已收回部分款项，剩下的正在催收", P),
        ("已完成主要任务", M),
        ("受疫情影响暂停实施", P),
        ("推进中→已办结", D),
        ("未启动 -> 正在推进", P),
        ("原：推进中；现：已整改到位", D),
        ("10月：正在推进\n11月：已完成", D),
        ("已完成（原为推进中）", D),
        ("张三", None),
        ("详见附件", None),
    ],
)
def test_status_wording(cell: str, status: Status | None) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["推进中→已办结", "10月：正在推进\n11月：已完成", "原：推进中；现：已整改到位",
                                  "已完成（原为推进中）"])
def test_a_status_history_leaves_no_narrative(cell: str) -> None:
    assert read_status(cell).rest == ""


def test_done_and_kept_up_from_now_on() -> None:
    reading = read_status("已整改，今后常态化推进")
    assert (reading.status, reading.continuing) == (D, True)


def test_a_status_history_is_done_and_raises_nothing_on_an_empty_progress() -> None:
    row = _row(**{F.STATUS: "9月：正在推进\n10月：已完成", F.PROGRESS: None, F.DEADLINE: "2025年9月30日",
                  F.EVIDENCE: "会议纪要", F.COMPLETED: date(2025, 10, 20)})
    found = _codes(_check(row))
    assert not {"overdue", "status-text-mismatch", "bad-status"} & set(found), found


def test_an_unreadable_status_is_not_called_overdue() -> None:
    found = _codes(_check(_row(**{F.STATUS: "详见附件", F.DEADLINE: "2025年6月30日"})))
    assert "overdue" not in found
    assert "bad-status" in found and "2025年6月30日" in found["bad-status"] and "已过" in found["bad-status"]


def test_an_unreadable_status_not_yet_due_says_nothing_of_the_deadline() -> None:
    found = _codes(_check(_row(**{F.STATUS: "同上", F.DEADLINE: "2026年6月30日"})))
    assert "bad-status" in found and "已过" not in found["bad-status"]


# -- progress against status -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "progress"),
    [
        (D, "制度初稿正加紧修改"),
        (D, "违规款项尚在清退"),
        (D, "方案已上报，待县委常委会审议"),
        (D, "准备于下月召开推进会"),
        (D, "预计明年一季度完工"),
        (D, "争取年内全部办结"),
        (D, "近期将印发通知"),
        (D, "项目审批中"),
        (D, "暂无实质进展"),
        (D, "因征地问题，工程暂停"),
        (D, "目前处于招投标阶段"),
        (D, "已完成60%"),
        (D, "11月底前全部完成"),
        (D, "已退还2万元，尚有0.8万元未退还"),
        (D, "一是已召开专题会；二是相关制度还在修订"),
        (D, "（一）已约谈3人；（二）尚未追回违规资金"),
        (D, "1.已開展自查；2.問題台賬正在整理中"),
        (D, "擬於明年初修訂制度"),
        (N, "目前正在起草方案"),
        (N, "已召开动员会"),
        (N, "起草了初稿"),
        (P, "已全部整改完毕，已销号"),
        (P, "已全部完成，等待验收"),
        (P, "尚未启动"),
        (L, "还未开始"),
        (M, "尚未启动"),
    ],
)
def test_progress_contradicting_the_status(status: Status, progress: str) -> None:
    assert progress_contradiction(status, False, progress) is not None


@pytest.mark.parametrize(
    ("status", "progress"),
    [
        (D, "已将在编人员全部纳入考勤系统"),
        (D, "此前未建立台账，现已建立并每月更新"),
        (D, "整改前，仍有2处办公用房超标；现已全部调整到位"),
        (D, "已全部整改到位，正在整理验收资料"),
        (D, "9月已印发，正在按新办法执行"),
        (D, "已完成。下一步将持续巩固"),
        (D, "已建立制度，并将在全县推广"),
        (D, "对尚未整改到位的单位已约谈"),
        (D, "已完成整改，经复查未发现反弹"),
        # what a check found is no state of the work: the check is done
        (D, "抽查在建工地31个，发现未落实扬尘防控措施的4个，均已责令整改"),
        (D, "专项检查已完成，查出未落实“三同时”制度项目3个，已立案查处"),
        (P, "一是已完成摸排；二是正在整改"),
        (P, "已完成初稿，正在征求意见"),
        (P, "已全部完成，正在准备验收材料但仍有1项未到位"),
        (N, "尚未启动，已列入下月计划"),
    ],
)
def test_progress_agreeing_with_the_status(status: Status, progress: str) -> None:
    assert progress_contradiction(status, False, progress) is None


def test_done_and_continuing_allows_the_next_rounds_date() -> None:
    assert progress_contradiction(D, True, "第二轮自查将于12月开展") is None


def test_the_mismatch_points_at_the_cell_the_words_are_in() -> None:
    # the words in the 整改进展 cell: that cell
    report = _check(_row(**{F.STATUS: "已完成", F.PROGRESS: "一是已印发方案；二是正在开展检查",
                            F.EVIDENCE: "方案", F.COMPLETED: date(2025, 11, 1)}))
    found = [f for f in report.findings if f.code == "status-text-mismatch"]
    assert len(found) == 1 and found[0].field == F.PROGRESS and "正在" in found[0].message
    # the words after the status in its own cell, no 整改进展: the status cell
    report = _check(_row(**{F.STATUS: "正在推进，已全部整改完毕", F.PROGRESS: None}))
    found = [f for f in report.findings if f.code == "status-text-mismatch"]
    assert len(found) == 1 and found[0].field == F.STATUS


def test_the_quick_first_character_test_changes_no_reading() -> None:
    import re

    from rectxl.core.rules import statuses

    plain = re.compile(statuses._FUTURE)
    for text in _FIRST_CHAR_SAMPLES:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in statuses.FUTURE_WORDING.finditer(text)]


_FIRST_CHAR_SAMPLES = [
    "制度初稿正加紧修改", "违规款项尚在清退", "方案已上报，待县委常委会审议", "准备于下月召开推进会",
    "预计明年一季度完工", "争取年内全部办结", "近期将印发通知", "项目审批中", "暂无实质进展",
    "因征地问题，工程暂停", "目前处于招投标阶段", "已完成60%", "剩余部分年底前完成",
    "已退还2万元，尚有0.8万元未退还", "拟於明年初修订制度", "下一步将继续推进", "力争年底完成",
    "基本完成", "大部分完成", "申请延期至明年", "搁置", "中止实施", "打算近期召开", "建立未完成事项清单",
    "接待和差旅费报销", "年底前完成", "还有2项", "完成了部分", "其余部分正在追缴", "依然在推进", "一直在整改",
    "处于公示期", "无实质进展", "没有进展", "仍有3户", "余下部分", "整改率90%", "进度85%", "推进中", "仍在核查",
]
