"""Ledgers round nine: how the status, progress and deadline cells of offices the earlier rounds
did not imitate are worded — a 乡镇纪委, a 县医院, a 中学, a state-owned company's subsidiary, a
街道, a 市直部门 and a 高校学院.

Closure steps listed together (已完成，待验收、销号) are still to come; 基本完成待验收 is mostly
done; a done word with the rules set up beside it (已整改完毕并建章立制) is done; 尚需持续巩固 is
long term; a share in words (完成约七成, 完成百分之八十, 完成过半) is read as its percentage; a
progress cell opening with a status the rules read (未完全整改到位，…) gives the status where no
status column is; a deadline year before 2000 (1926年6月) is a slip and refused.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.api import Options
from rectxl.cli import main
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.status import Stage, Status, StatusReading, read_status

D, M, P, L, N = Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS, Status.LONG_TERM, Status.NOT_STARTED
REPORT = date(2024, 11, 20)
INFO = [("反馈日期", "2024年4月15日"), ("报告日期", "2024年11月20日")]


def _book(path: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]],
          merges: Sequence[str] = (), info: Sequence[tuple[str, str]] = INFO) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    if info:
        sheet = wb.create_sheet("基本信息")
        for key, value in info:
            sheet.append([key, value])
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options())
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _statuses(path: Path) -> list[tuple[str | None, str | None]]:
    return [(m.status.value if m.status else None, m.stage) for m in api.read_ledger(path).measures()]


# -- closure steps, one cell at a time -----------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    # two steps still to come, listed with 、 or /: waiting, not closed
    ("已完成，待验收、销号", StatusReading(D, Stage.AWAITING)),
    ("已整改，待验收、销号", StatusReading(D, Stage.AWAITING)),
    ("已完成，申请验收/销号", StatusReading(D, Stage.AWAITING)),
    ("已验收、销号", StatusReading(D, Stage.CLOSED)),
    ("已验收未销号", StatusReading(D, Stage.ACCEPTED)),
    # the one to check it named before both steps: waiting, not closed
    ("整改已完成，待巡察办验收销号", StatusReading(D, Stage.AWAITING)),
    ("已完成，待县委巡察办验收、销号", StatusReading(D, Stage.AWAITING)),
    ("已完成，已进入验收阶段", StatusReading(D, Stage.AWAITING)),
    ("整改完成，验收通过，未销号", StatusReading(D, Stage.ACCEPTED)),
    # a second look (复核, 复查) by whoever checks the work is its acceptance
    ("整改完成待复核", StatusReading(D, Stage.AWAITING)),
    ("已完成，待复查", StatusReading(D, Stage.AWAITING)),
    ("已完成，复核通过", StatusReading(D, Stage.ACCEPTED)),
    ("已通过复核", StatusReading(D, Stage.ACCEPTED)),
    ("申请销号", StatusReading(D, Stage.AWAITING)),
    ("已销号", StatusReading(D, Stage.CLOSED)),
    # mostly done, its acceptance to come: mostly done (基本完成已销号 still contradicts itself)
    ("基本完成待验收", StatusReading(M)),
    ("基本完成，待验收", StatusReading(M, rest="待验收")),
    ("基本完成已销号", StatusReading(None)),
])
def test_closure_words(cell: str, expected: StatusReading) -> None:
    assert read_status(cell) == expected


@pytest.mark.parametrize(("cell", "status"), [
    # the rules set up beside the work done add nothing to it
    ("已整改完毕并建章立制", D),
    ("已整改并建章立制", D),
    ("完成整改并建立制度", D),
    ("已整改完成并形成制度", D),
    ("建章立制", None),  # no work said done
    ("正在推进并完善制度", P),
    # still to be kept up
    ("尚需持续巩固", L),
    ("尚需持续推进", L),
    ("仍须长期坚持", L),
    # a share in words
    ("完成约七成", M),
    ("已完成七成", M),
    ("完成九成", M),
    ("已完成8成", M),
    ("完成百分之八十", M),
    ("完成百分之百", D),
    ("完成约三成", P),
    ("完成过半", P),
    ("完成一半", P),
    ("已完成一半", P),
    ("整改进度约六成", P),
    ("完成进度：70%", M),
    ("进入收尾阶段", P),
    ("已形成闭环", D),
    # the measure's own verb, said done (公示收费标准 → 已公示; 修订制度 → 已健全制度)
    ("已公示", D),
    ("已备案", D),
    ("已通报", D),
    ("已完成清理", D),
    ("已整章建制", D),
    ("已健全制度", D),
    ("已建立长效机制", D),
    ("正在公示", P),
    ("已结项", D),
    # a full amount returned
    ("已全额清退", D),
    ("已足额缴纳", D),
    ("已如数上缴", D),
    # at once, and said done
    ("已立行立改", D),
    ("均已即知即改", D),
    # as of a date
    ("截至2024年10月已完成", D),
    ("2024年5月已完成", D),
])
def test_status_words(cell: str, status: Status | None) -> None:
    assert read_status(cell).status is status


def test_the_mechanism_kept_going_is_done_and_continuing() -> None:
    assert read_status("整改完成（长效机制持续推进）") == StatusReading(D, continuing=True)
    assert read_status("已完成，长效机制常态化运行") == StatusReading(D, continuing=True)


# -- a township 纪委's ledger: closure chains counted right ------------------------------------

def test_township_closure_chain_is_counted_as_waiting(tmp_path: Path) -> None:
    path = _book(tmp_path / "柳河镇纪委.xlsx", "柳河镇纪委巡察反馈问题整改台账",
                 ["序号", "反馈问题", "整改措施", "责任单位", "责任人", "完成时限", "整改状态"], [
        [1, "村级小微权力监督不到位", "制定村级小微权力清单", "镇纪委", "赵某", "2024年6月底前",
         "已完成，待验收、销号"],
        [None, None, "开展村务公开专项检查", "镇纪委", "赵某", "2024年9月底前", "已验收未销号"],
        [2, "信访件办理不及时", "建立信访件台账", "镇纪委", "钱某", "2024年10月底前", "已销号"],
        [None, None, "每季度通报办理情况", "镇纪委", "钱某", "长期坚持，每季度报告", "持续推进"],
        [3, "谈话函询质量不高", "修订谈话函询工作规程", "镇纪委", "孙某", "2024年年底前", "申请销号"],
    ], ["A3:A4", "B3:B4", "A5:A6", "B5:B6"])
    assert _statuses(path) == [("已完成", "待验收"), ("已完成", "已验收"), ("已完成", "已销号"),
                               ("长期坚持", None), ("已完成", "待验收")]
    assert _findings(path) == []
    counts = Counter((m.stage or "") for m in api.read_ledger(path).measures())
    assert counts["已销号"] == 1 and counts["待验收"] == 2


# -- a county hospital: shares in words, mostly done awaiting acceptance, ranges -----------------

def test_hospital_shares_in_words_and_overdue(tmp_path: Path) -> None:
    path = _book(tmp_path / "县医院.xlsx", "平江县人民医院巡察反馈问题整改落实台账",
                 ["序号", "存在问题", "整改措施", "责任科室", "整改时限", "完成情况"], [
        [1, "医疗耗材采购管理不规范", "修订耗材采购管理制度", "设备科", "2024年6月—12月", "完成约七成"],
        [None, None, "开展耗材使用专项审计", "审计科", "2024年第三季度末", "基本完成待验收"],
        [2, "医德医风建设薄弱", "开展医德医风专题教育", "党办", "立行立改", "2024年5月已完成"],
        [None, None, "建立医德考评档案", "人事科", "2024.10", "已整改完毕并建章立制"],
        [3, "药品回扣问题治理不彻底", "开展药品回扣专项治理", "纪检监察室", "2024年10月底前", "未完全整改到位"],
    ], ["A3:A4", "B3:B4", "A5:A6", "B5:B6"])
    assert [s for s, _ in _statuses(path)] == ["基本完成", "基本完成", "已完成", "已完成", "正在推进"]
    # the range 2024年6月—12月 ends in December: not yet due; the third quarter's end has passed
    assert _findings(path) == [("overdue", "E4"), ("overdue", "E7")]


# -- a school and a street office: every status read, none left as bad-status -------------------

@pytest.mark.parametrize(("name", "rows", "overdue"), [
    ("城关中学", [
        ["课后服务收费不规范", "清退违规收取的课后服务费", "总务处", "即知即改", "已全额清退"],
        [None, "公示课后服务收费标准", "总务处", "2024年9月开学前", "整改完成（长效机制持续推进）"],
        ["师德师风问题处理偏软", "修订师德考核办法", "政教处", "2025年春节前", "尚需持续巩固"],
        [None, "开展师德师风警示教育", "政教处", "十月底前", "完成百分之八十"],
        ["食堂管理不严", "引入第三方食品检测", "后勤处", "2024年12月", "完成一半"],
    ], ["D6"]),
    ("向阳街道", [
        ["社区网格员管理松散", "修订网格员考核细则", "综治办", "2024年8月底前", "已整改并建章立制"],
        [None, "开展网格员业务培训", "综治办", "2024年9月—10月", "完成过半"],
        ["低保审核把关不严", "开展低保对象入户核查", "民政科", "2024年10月底前", "已完成七成"],
        [None, "清退不符合条件的低保户", "民政科", "立行立改", "完成整改并建立制度"],
        ["居民议事会流于形式", "完善议事规则", "社区党委", "2025年春节前", "尚需持续推进"],
    ], ["D4", "D5"]),
])
def test_every_status_is_read(tmp_path: Path, name: str, rows: list[list[Any]], overdue: list[str]) -> None:
    path = _book(tmp_path / f"{name}.xlsx", f"{name}巡察整改工作台账",
                 ["反馈问题", "整改措施", "责任单位", "整改时限", "整改状态"], rows, ["A3:A4", "A5:A6"])
    assert all(s is not None for s, _ in _statuses(path))
    assert _findings(path) == [("overdue", cell) for cell in overdue]


# -- a city bureau with no status column: the progress opens with the status ---------------------

def test_progress_opening_with_a_status_the_rules_read(tmp_path: Path) -> None:
    path = _book(tmp_path / "市住建局.xlsx", "市住建局巡察反馈问题整改落实情况台账",
                 ["序号", "问题", "整改措施", "责任科室", "完成时限", "整改落实情况"], [
        [1, "工程变更审批不规范", "修订工程变更管理办法", "建管科", "2024年6月30日",
         "已完成。2024年6月印发《工程变更管理办法》。"],
        [None, None, "建立资金使用公示制度", "物业科", "2024年10月31日", "未完全整改到位，公示制度已起草。"],
        [2, "干部作风不实", "开展作风纪律专项整治", "机关党委", "2024年12月31日", "尚需持续巩固，已开展专项检查2次。"],
        [None, None, "开展作风问题回头看", "机关党委", "2024年12月31日", "已在8个科室开展自查。"],
    ], ["A3:A4", "B3:B4", "A5:A6", "B5:B6"])
    measures = list(api.read_ledger(path).measures())
    assert [(m.status.value if m.status else None, m.progress) for m in measures] == [
        ("已完成", "2024年6月印发《工程变更管理办法》。"),
        ("正在推进", "公示制度已起草。"),
        ("长期坚持", "已开展专项检查2次。"),
        # an account, no status word: a bare 已 before an action says it began, not that the work
        # is finished (round 14 reads an account as done only when it says so)
        (None, "已在8个科室开展自查。"),
    ]
    overdue = [f for f in api.check(path, Options()).findings if f.code == "overdue"]
    assert [(f.cell, "未完全整改到位" in f.message or "正在推进" in f.message) for f in overdue] == [("E4", True)]


# -- deadlines -----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["1926年6月", "1926年6月底前", "1999年12月31日", "1926.6", "1926-06-30"])
def test_a_year_before_2000_is_refused(cell: str) -> None:
    d = parse_deadline(cell, feedback_date=date(2026, 4, 15))
    assert d.kind is DeadlineKind.INVALID and "年份超出合理范围" in (d.reason or "")


def test_a_slipped_year_is_bad_deadline_not_overdue(tmp_path: Path) -> None:
    path = _book(tmp_path / "学院.xlsx", "机械工程学院巡察整改台账",
                 ["序号", "问题", "整改措施", "责任单位", "完成时限", "整改情况"], [
        [1, "科研经费报销不规范", "开展科研经费报销自查", "学院办公室", "1926年6月", "已完成"],
        [None, None, "建立科研助理制度", "学院办公室", "1924年10月", "正在推进"],
    ], ["A3:A4", "B3:B4"], info=[])
    assert _findings(path) == [("bad-deadline", "E3"), ("bad-deadline", "E4")]


@pytest.mark.parametrize(("cell", "kind", "due"), [
    ("2024年底前", DeadlineKind.DATE, date(2024, 12, 31)),
    ("2025年春节前", DeadlineKind.DATE, date(2025, 1, 28)),
    ("第三季度末", DeadlineKind.DATE, date(2024, 9, 30)),
    ("立行立改", DeadlineKind.IMMEDIATE, date(2024, 4, 15)),
    ("即知即改", DeadlineKind.IMMEDIATE, date(2024, 4, 15)),
    ("长期坚持，每季度报告", DeadlineKind.LONG_TERM, None),
    ("2024.10", DeadlineKind.DATE, date(2024, 10, 31)),
    ("24年10月", DeadlineKind.DATE, date(2024, 10, 31)),
    ("十月底前", DeadlineKind.DATE, date(2024, 10, 31)),
    ("2024年6月—12月", DeadlineKind.DATE, date(2024, 12, 31)),
    ("2024年6月～2024年12月", DeadlineKind.DATE, date(2024, 12, 31)),
    # the quarter of the feedback date (April 15), or the one after it
    ("本季度末", DeadlineKind.DATE, date(2024, 6, 30)),
    ("本季度内完成", DeadlineKind.DATE, date(2024, 6, 30)),
    ("下季度末前", DeadlineKind.DATE, date(2024, 9, 30)),
    ("原则上2024年底前", DeadlineKind.DATE, date(2024, 12, 31)),
    # 元月 is January; 元旦 stays the festival
    ("2025年元月底前", DeadlineKind.DATE, date(2025, 1, 31)),
    ("元月10日前", DeadlineKind.DATE, date(2025, 1, 10)),
    ("2025年元旦前", DeadlineKind.DATE, date(2024, 12, 31)),
])
def test_deadlines_read(cell: str, kind: DeadlineKind, due: date | None) -> None:
    d = parse_deadline(cell, feedback_date=date(2024, 4, 15))
    assert (d.kind, d.due) == (kind, due)


def test_summary_counts_what_a_clerk_checks(tmp_path: Path) -> None:
    path = _book(tmp_path / "物流公司.xlsx", "XX能源集团物流公司巡察反馈问题整改台账",
                 ["序号", "巡察反馈问题", "整改措施", "责任部门", "整改期限", "整改状态"], [
        [1, "招投标管理不规范", "修订招标采购管理办法", "物资部", "24年10月", "2024年9月已完成"],
        [None, None, "开展招标项目回头看", "审计部", "2024年6月—12月", "完成九成"],
        [2, "三重一大决策制度执行不严", "修订三重一大决策实施细则", "综合办", "2024年7月31日", "已完成整改，申请销号"],
        [None, None, "建立决策事项台账", "综合办", "立行立改", "已整改，待验收、销号"],
        [3, "安全生产责任落实不到位", "开展安全生产大检查", "安环部", "第三季度末", "逾期未完成"],
    ], ["A3:A4", "B3:B4", "A5:A6", "B5:B6"])
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(path), "-o", str(out)]) == 0
    ws = load_workbook(out)["整改总体情况"]
    counts = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row[0] and row[1] is not None}
    assert (counts["已完成"], counts["基本完成"], counts["正在推进"], counts["其中：已销号"],
            counts["状态未明确"], counts["已逾期"]) == (3, 1, 1, 0, 0, 1)


# -- an acceptance that found the work wanting ---------------------------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    ("已完成，验收时发现问题，正在整改", P),
    ("已完成，复查中发现新问题", P),
    ("已完成，验收时发现问题，现已整改到位", D),  # found and put right since
    ("已完成，检查发现问题", D),  # what a check the measure is found
    ("已完成，经复查未发现新问题", D),
])
def test_an_acceptance_finding_problems_reopens_the_work(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


# -- a done row whose progress gives a share in words -------------------------------------------

def test_a_done_row_whose_progress_gives_a_share_in_words_is_flagged(tmp_path: Path) -> None:
    path = _book(tmp_path / "统计局.xlsx", "县统计局巡察整改台账",
                 ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"], [
        [1, "统计数据质量不高", "开展数据质量核查", "综合股", "2024年12月底前", "已完成", "已完成七成"],
        [None, None, "建立数据审核制度", "综合股", "2024年12月底前", "已完成", "已完成百分之八十，其余年内完成"],
        [2, "统计执法不严", "开展统计执法检查", "执法队", "2024年12月底前", "已完成", "共检查企业30家，完成百分之百"],
        [None, None, "公开执法结果", "执法队", "2024年12月底前", "正在推进", "完成一半"],
    ], ["A3:A4", "B3:B4", "A5:A6", "B5:B6"])
    assert _findings(path) == [("status-text-mismatch", "G3"), ("status-text-mismatch", "G4")]


# -- hedges and what is left -------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    ("已初见成效", M),
    ("多数已完成", M),
    ("尚未形成闭环", P),
    ("未见明显成效", P),
    ("仅剩1项未完成", P),
    # a count of what is left unrectified: the rest is done, so the work goes on (not unstarted)
    ("尚有2项未整改", P),
    ("只剩2个未整改", P),
    ("还有3户未整改", P),
    ("尚未整改", N),
])
def test_hedges_and_what_is_left(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


def test_progress_opening_with_a_share_said_done(tmp_path: Path) -> None:
    path = _book(tmp_path / "区卫健委.xlsx", "区卫健委巡察反馈问题整改落实台账",
                 ["序号", "问题", "整改措施", "责任科室", "完成时限", "整改进展"], [
        [1, "医疗机构监管不到位", "开展医疗机构专项检查", "医政科", "2024年10月31日", "完成约七成，剩余部分年内完成。"],
        [None, None, "建立监管台账", "医政科", "2024年12月31日", "已完成80%，正在补充完善。"],
        [None, None, "开展执法培训", "医政科", "2024年12月31日", "80%，其余年内完成。"],
    ], ["A3:A5", "B3:B5"])
    measures = list(api.read_ledger(path).measures())
    assert [(m.status.value if m.status else None, m.progress) for m in measures] == [
        ("基本完成", "剩余部分年内完成。"),
        ("基本完成", "正在补充完善。"),
        # a bare figure says nothing of what it counts; "其余年内完成" says the rest is to come (round
        # 14: an account with no status column is read as it says)
        ("正在推进", "80%，其余年内完成。"),
    ]
    assert [f.cell for f in api.check(path, Options()).findings if f.code == "overdue"] == ["E3"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("已完成整改并举一反三开展自查", StatusReading(D, rest="并举一反三开展自查")),
    ("已整改到位并对相关人员进行了提醒谈话", StatusReading(D, rest="并对相关人员进行了提醒谈话")),
    ("已完成并长期坚持", StatusReading(D, continuing=True)),
    ("已完成并已销号", StatusReading(D, Stage.CLOSED)),
])
def test_a_status_run_on_with_bing_into_a_further_action(cell: str, expected: StatusReading) -> None:
    assert read_status(cell) == expected
