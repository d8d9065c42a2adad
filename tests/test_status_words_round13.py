"""Status and deadline words of a 信访 and 县直 ledger that rectxl did not read: 已化解 (a dispute
resolved), a done verb under a negation in the status cell ("未建立", "尚未出台", "未召开" — the
work not finished, as 未落实 says, not a word to reject), and 边巡边改 (put right while the
inspectors were there: due at once, like 立行立改)."""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from rectxl.core.notice import parse_notice
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import AS_OF, write_ledger

HEADER = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展", "佐证材料")


def _row(issue: int, measure: str, deadline: str, status: str, progress: str = "",
         evidence: str = "") -> dict[str, str]:
    return {"issue": issue, "整改措施": measure, "责任单位": "信访股", "责任人": "周敏", "整改时限": deadline,
            "整改状态": status, "整改进展": progress, "佐证材料": evidence}


ROWS = [
    _row(1, "逐案化解重复信访积案3件", "2026年9月30日前", "已化解", "3件积案均已息访罢诉，签订息诉协议", "息诉协议3份"),
    _row(2, "建立信访事项办理质效回访制度", "2026年12月31日前", "未建立", "制度初稿已起草，待局党组会审议"),
    _row(2, "出台领导干部接访下访工作办法", "2026年10月31日前", "尚未出台", "已征求各股室意见"),
    _row(3, "召开信访工作专题民主生活会", "2026年8月31日前", "未召开", "会前谈心谈话已完成"),
    _row(4, "纠正窗口工作人员推诿扯皮问题", "边巡边改", "已边巡边改", "巡察期间已对2名工作人员批评教育", "谈话记录"),
    _row(4, "规范来访登记台账", "边巡边改", "已完成", "已按新格式重新登记", "登记台账"),
]


def _findings(tmp_path: Path) -> list[tuple[str, str]]:
    ledger = write_ledger(tmp_path / "县信访局整改台账.xlsx", HEADER, ROWS, unit="某某县信访局")
    report = api.check(ledger)
    assert report.as_of == AS_OF
    return [(f.code, f.cell or "") for f in report.findings if f.severity.value in ("error", "warning")]


def test_resolved_and_negated_done_words_read_as_statuses_not_rejected(tmp_path: Path) -> None:
    found = _findings(tmp_path)
    assert not [f for f in found if f[0] in ("bad-status", "missing-status")], found
    # the three unfinished measures past their dates are overdue, as any unfinished measure is;
    # the one due at the end of the year is not
    overdue = sorted(cell for code, cell in found if code == "overdue")
    assert overdue == ["G6", "G7"]  # 尚未出台 (due 10-31) and 未召开 (due 08-31), as of 2026-11-20


def test_put_right_during_the_inspection_is_due_at_once(tmp_path: Path) -> None:
    found = _findings(tmp_path)
    assert not [f for f in found if f[0] == "bad-deadline"], found
    ledger = read_ledger(tmp_path / "县信访局整改台账.xlsx")
    deadlines = {m.text[:4]: m.deadline.kind.value for m in ledger.measures()}
    assert deadlines["纠正窗口"] == deadlines["规范来访"] == "immediate"
    statuses = {m.text[:4]: m.status.value if m.status else None for m in ledger.measures()}
    assert statuses == {"逐案化解": "已完成", "建立信访": "正在推进", "出台领导": "正在推进", "召开信访": "正在推进",
                        "纠正窗口": "已完成", "规范来访": "已完成"}


def test_a_notice_counting_one_measure_as_continuing_makes_it_long_term() -> None:
    """"目前2项已完成、1项持续推进" after measures that say which two are done: the count is read (it
    had stayed in the last measure's text, "目前" taken with its "2项" for a lead), and the third is
    长期坚持, as 持续推进 is wherever it stands as a status (not 正在推进)."""
    text = ("中共某某县信访局党组关于巡察整改进展情况的通报\n\n"
            "根据县委统一部署，县委第二巡察组对县信访局党组进行了常规巡察。2026年3月18日，巡察组反馈了巡察意见。"
            "现将整改进展情况予以公布。\n\n一、整改工作开展情况\n\n局党组召开专题会议研究部署整改工作。\n\n"
            "二、巡察反馈问题整改情况\n\n（一）关于信访工作责任落实方面\n\n"
            "1.重复信访化解不力的问题。一是逐案化解重复信访积案3件，已完成；二是建立领导包案制度，已完成；"
            "三是开展信访积案“回头看”。目前2项已完成、1项持续推进。\n\n"
            "三、下一步工作打算\n\n持续巩固整改成果。\n\n中共某某县信访局党组\n2026年11月20日\n")
    parsed = parse_notice(text)
    measures = list(parsed.ledger.measures())
    assert [m.status for m in measures] == [Status.DONE, Status.DONE, Status.LONG_TERM]
    assert "目前" not in measures[-1].text  # the count is no part of the last measure


def test_an_account_in_the_status_column_is_asked_to_lead_with_its_status(tmp_path: Path) -> None:
    """A 派出所 ledger with no 整改状态 column: its 整改情况 accounts are read for a status, and one
    that does not open with a status word is told to — not to pick from a drop-down it does not
    have; a short unreadable word still gets the drop-down advice."""
    header = ("序号", "方面", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "完成时间", "整改情况")
    rows = [
        {"issue": 1, "整改措施": "清点警用装备并建立电子台账", "责任单位": "装备财务室", "责任人": "王强",
         "整改时限": "2026年9月30日", "完成时间": "2026年9月15日",
         "整改情况": "已完成。清点装备2130件，台账动态更新。"},
        {"issue": 2, "整改措施": "集中整理执法档案", "责任单位": "法制室", "责任人": "李伟",
         "整改时限": "2026年10月31日", "完成时间": "2026年10月20日",
         "整改情况": "共整理归档执法卷宗860卷，逐卷编目。"},
        {"issue": 3, "整改措施": "开展辅警队伍教育整顿", "责任单位": "政工室", "责任人": "张敏",
         "整改时限": "2026年12月31日", "整改情况": "待定"},
    ]
    ledger = write_ledger(tmp_path / "城关派出所整改台账.xlsx", header, rows, unit="某某县公安局城关派出所")
    bad = {f.cell: f.message for f in api.check(ledger).findings if f.code == "bad-status"}
    # the account opening with 已完成 is read; so is the one beside its completion date (round 14:
    # a 完成时间 on or before the report date says it is done — it had been bad-status)
    assert set(bad) == {"I6"}
    # a short word that is no status is asked for one of the five (the sheet has no drop-down list)
    assert "请填写“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”之一" in bad["I6"]
