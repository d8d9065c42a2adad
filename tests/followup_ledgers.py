"""Ledgers for follow-through: acceptance and closure (验收 → 销号), extensions on record, graded
warnings and the letters that chase owners — built as a county bureau builds them (a title row, a
填报 row, then the header; 基本信息 with the office's own keys). Units, people and texts are
fictional.

Each builder writes one .xlsx with openpyxl and returns a :class:`FollowupCase` stating the exact
``(code, row)`` findings a careful auditor expects from the rules under test (rows not listed
must not be flagged by them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

__all__ = [
    "AS_OF",
    "FEEDBACK",
    "FindingsByRow",
    "FollowupCase",
    "check_by_row",
    "codes_at",
    "said_at",
    "soffice_convert",
    "write_closure_ledger",
    "write_extension_ledger",
    "write_ledger",
    "write_remind_ledger",
    "write_round_folder",
    "write_warning_ledger",
]

#: the findings of one ``rectxl check``, by the sheet's row: (code, message) of each
FindingsByRow = dict[int, list[tuple[str, str]]]


def check_by_row(path: Path, *args: str) -> FindingsByRow:
    """(code, message) of every finding ``rectxl check --format json`` prints (run as a user runs it,
    in a process of its own, with ``args``), by the row of the sheet."""
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--format", "json", *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.stdout, proc.stderr
    found: FindingsByRow = {}
    for f in json.loads(proc.stdout)["findings"]:
        found.setdefault(f.get("row") or 0, []).append((f["code"], f["message"]))
    return found


def codes_at(found: FindingsByRow, row: int) -> set[str]:
    """The codes found at ``row``."""
    return {code for code, _ in found.get(row, [])}


def said_at(found: FindingsByRow, row: int, code: str) -> str:
    """What the findings of ``code`` at ``row`` say."""
    return "".join(message for c, message in found.get(row, []) if c == code)


#: the as-of date of every case (报告日期 in 基本信息)
AS_OF = date(2026, 11, 20)
#: the feedback date (巡察反馈)
FEEDBACK = date(2026, 6, 18)

ISSUES = {
    1: "1.针对学习贯彻习近平新时代中国特色社会主义思想不够深入的问题",
    2: "2.针对耕地保护“田长制”落实不到位的问题",
    3: "3.针对违法用地查处不及时的问题",
    4: "4.针对干部作风不实、服务意识不强的问题",
}
ASPECTS = dict.fromkeys(ISSUES, "一、贯彻落实党的路线方针政策和上级决策部署方面")


@dataclass(frozen=True)
class FollowupCase:
    path: Path
    expected: frozenset[tuple[str, int]]  # (code, row) of the rules under test
    codes: frozenset[str]  # the codes whose findings ``expected`` lists exactly


def write_ledger(path: Path, header: Sequence[str], rows: Sequence[dict[str, Any]], *,
                 unit: str = "某某县自然资源局", info: dict[str, Any] | None = None,
                 title: str | None = None) -> Path:
    """A county ledger: title row, 填报 row, header on row 3, then one row per dict (keys: header
    words; ``issue`` an ISSUES number filling 方面 and 具体问题)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.cell(1, 1, f"{unit}巡察反馈问题整改落实台账" if title is None else title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1).font = Font(bold=True, size=16)
    if unit:
        ws.cell(2, 1, f"填报单位（盖章）：{unit}巡察整改工作领导小组办公室")
    for c, word in enumerate(header, start=1):
        ws.cell(3, c, word).font = Font(bold=True)
    for r, row in enumerate(rows, start=4):
        values = dict(row)
        n = values.pop("issue", None)
        if n is not None:
            values.setdefault("方面", ASPECTS[n])
            values.setdefault("具体问题", ISSUES[n])
        for c, word in enumerate(header, start=1):
            value = values.get(word)
            if value is not None:
                cell = ws.cell(r, c, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(value, date):
                    cell.number_format = 'yyyy"年"m"月"d"日"'
    si = wb.create_sheet("基本信息")
    base: dict[str, Any] = {
        "单位名称": unit, "党组织名称": f"中共{unit}党组", "巡察组": "县委第三巡察组",
        "反馈日期": FEEDBACK, "报告日期": AS_OF, "联系电话": "0738-1234567",
    }
    base.update(info or {})
    for key, value in base.items():
        if value is not None:
            si.append([key, value])
    wb.save(path)
    return path


CLOSURE_HEADER = ("序号", "方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态",
                  "完成时间", "整改进展", "佐证材料", "验收人", "验收时间", "销号时间", "备注")

_CLOSURE_CODES = frozenset({
    "closed-without-evidence", "closed-without-acceptor", "accepted-by-owner",
    "closed-before-completion", "closed-before-acceptance", "closure-date-in-future", "bad-closure-date",
    "closure-date-unfinished", "awaiting-acceptance", "missing-evidence",
})


def _m(issue: int, text: str, **kw: Any) -> dict[str, Any]:
    row = {"issue": issue, "整改措施": text, "责任领导": "张志刚", "责任单位": "办公室", "责任人": "李明",
           "整改时限": "2026年12月31日前", "整改状态": "正在推进"}
    row.update(kw)
    return row


def write_closure_ledger(path: Path) -> FollowupCase:
    """Measures done, accepted and closed — some properly, some not. Row numbers in comments."""
    ev = "党组会议纪要、学习记录"
    rows = [
        # r4: done → accepted → closed, in order, evidence and acceptor: nothing to say
        _m(1, "建立党组理论学习中心组“第一议题”制度", 整改状态="已销号", 完成时间=date(2026, 8, 15), 佐证材料=ev,
           验收人="王建国", 验收时间=date(2026, 8, 25), 销号时间=date(2026, 9, 5), 整改时限="2026年8月底前"),
        # r5: closed without evidence
        _m(1, "开展专题读书班", 整改状态="已完成，已销号", 完成时间=date(2026, 8, 20), 验收人="王建国",
           验收时间=date(2026, 8, 28), 销号时间=date(2026, 9, 8), 整改时限="2026年8月底前"),
        # r6: accepted (验收合格) without who accepted it
        _m(2, "修订《田长制工作考核办法》", 整改状态="验收合格", 完成时间=date(2026, 9, 10), 佐证材料="考核办法",
           验收时间=date(2026, 9, 20), 整改时限="2026年9月30日前", 责任单位="耕地保护股", 责任人="赵红梅"),
        # r7: accepted before it was completed
        _m(2, "开展耕地“非农化”专项排查", 整改状态="已完成", 完成时间=date(2026, 8, 20), 佐证材料="排查台账",
           验收人="孙立新", 验收时间=date(2026, 8, 10), 整改时限="2026年8月31日", 责任单位="耕地保护股",
           责任人="赵红梅"),
        # r8: closed before it was accepted
        _m(3, "建立违法用地动态巡查机制", 整改状态="已完成", 完成时间=date(2026, 8, 25), 佐证材料="巡查制度",
           验收人="孙立新", 验收时间=date(2026, 9, 10), 销号时间=date(2026, 9, 1), 整改时限="2026年8月31日",
           责任单位="执法监察大队", 责任人="周强"),
        # r9: a 销号 date on work still in progress
        _m(3, "对2025年以来违法用地案件逐案复查", 整改状态="正在推进，已复查12件", 销号时间=date(2026, 10, 10),
           责任单位="执法监察大队", 责任人="周强"),
        # r10: done 80 days ago and still not accepted
        _m(4, "开展作风纪律专项整治", 整改状态="已完成", 完成时间=date(2026, 9, 1), 佐证材料="整治方案、通报",
           整改时限="2026年9月30日前"),
        # r11: done 15 days ago, not yet accepted: too early to say anything
        _m(4, "优化不动产登记办事流程", 整改状态="已完成", 完成时间=date(2026, 11, 5), 佐证材料="流程图",
           整改时限="2026年11月30日前", 责任单位="不动产登记中心", 责任人="陈静"),
        # r12: accepted by the very person who did it
        _m(4, "建立窗口服务“好差评”制度", 整改状态="已验收", 完成时间=date(2026, 10, 8), 佐证材料="制度文件",
           验收人="陈静", 验收时间=date(2026, 10, 20), 整改时限="2026年10月31日前", 责任单位="不动产登记中心",
           责任人="陈静"),
        # r13: 验收时间 that is not a date
        _m(4, "开展群众满意度回访", 整改状态="已完成", 完成时间=date(2026, 11, 10), 佐证材料="回访记录",
           验收人="王建国", 验收时间="待定", 整改时限="2026年11月30日前"),
        # r14: closed on a day still to come
        _m(4, "建立机关考勤通报制度", 整改状态="已销号", 完成时间=date(2026, 11, 1), 佐证材料="考勤通报",
           验收人="王建国", 验收时间=date(2026, 11, 10), 销号时间=date(2026, 12, 1), 整改时限="2026年11月30日前"),
        # r15: done, not accepted, no completion date: how long it waits cannot be told (not flagged)
        _m(4, "建立服务窗口网格化督查台账", 整改状态="已完成", 佐证材料="督查台账", 完成时间=None,
           责任单位="不动产登记中心", 责任人="陈静", 备注="完成时间待补"),
    ]
    for i, row in enumerate(rows, start=1):
        row["序号"] = i
    write_ledger(path, CLOSURE_HEADER, rows)
    expected = {
        ("closed-without-evidence", 5),
        ("closed-without-acceptor", 6),
        ("closed-before-completion", 7),
        ("closed-before-acceptance", 8),
        ("closure-date-unfinished", 9),
        ("awaiting-acceptance", 10),
        ("accepted-by-owner", 12),
        ("bad-closure-date", 13),
        ("closure-date-in-future", 14),
    }
    return FollowupCase(path, frozenset(expected), _CLOSURE_CODES)


EXTENSION_HEADER = ("序号", "方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "延期时限",
                    "延期批准时间", "整改状态", "完成时间", "整改进展", "佐证材料")
_EXTENSION_CODES = frozenset({"extended-after-deadline", "extended-more-than-once", "extension-overdue",
                              "bad-extension", "overdue", "due-soon", "due-today", "completed-late"})


def write_extension_ledger(path: Path) -> FollowupCase:
    """Extensions written in the 整改时限 cell and in a 延期时限 column; 预警天数 20,10."""
    rows = [
        # r4: extended (approved in time) to Dec 31: neither overdue against the original nor due soon
        _m(1, "完善党组理论学习中心组学习计划", 整改时限="2026年9月30日", 延期时限="2026年12月31日",
           延期批准时间=date(2026, 9, 20)),
        # r5: not extended, overdue
        _m(1, "开展党员干部警示教育", 整改时限="2026年10月31日"),
        # r6: finished within the extended deadline: not completed late
        _m(1, "制定领导干部讲党课计划", 整改时限="2026年8月31日", 延期时限="2026年10月31日", 整改状态="已完成",
           完成时间=date(2026, 10, 20), 佐证材料="讲党课计划"),
        # r7: extension approved after the original deadline had passed, and overdue again
        _m(2, "完成永久基本农田核实整改", 整改时限="2026年8月31日", 延期时限="2026年10月31日",
           延期批准时间=date(2026, 9, 15), 责任单位="耕地保护股", 责任人="赵红梅"),
        # r8: granted before the deadline (stated in the cell): nothing to say
        _m(2, "开展耕地占补平衡项目核查", 整改时限="2026年10月15日",
           延期时限="2026年12月31日（2026年10月10日经县委巡察办批准）", 责任单位="耕地保护股", 责任人="赵红梅"),
        # r9: extended twice in the deadline cell; the last one (Dec 5) is due in 15 days: yellow
        _m(3, "完成历史遗留违法用地案件清零",
           整改时限="原定2026年7月31日，延期至2026年9月30日，再次延期至2026年12月5日",
           责任单位="执法监察大队", 责任人="周强"),
        # r10: two dates in the 延期时限 column: extended twice
        _m(3, "建立卫片执法常态化工作机制", 整改时限="2026年10月31日", 延期时限="2026年12月31日；2027年3月31日",
           责任单位="执法监察大队", 责任人="周强"),
        # r11: 延期时限 that names no date: judged against the original, which has passed
        _m(4, "开展“我为群众办实事”实践活动", 整改时限="2026年9月30日", 延期时限="待定"),
        # r12: 延期时限 no later than the deadline it extends; the original (Nov 30) is 10 days off: orange
        _m(4, "建立信访件办理跟踪督办制度", 整改时限="2026年11月30日", 延期时限="2026年10月31日"),
        # r13: "无" in 延期时限 means no extension: overdue against its deadline
        _m(4, "整治窗口单位“吃拿卡要”问题", 整改时限="2026年9月30日", 延期时限="无"),
    ]
    for i, row in enumerate(rows, start=1):
        row["序号"] = i
    write_ledger(path, EXTENSION_HEADER, rows, info={"预警天数": "20,10"})
    expected = {
        ("overdue", 5),
        ("extended-after-deadline", 7), ("extension-overdue", 7),
        ("extended-more-than-once", 9), ("due-soon", 9),
        ("extended-more-than-once", 10),
        ("bad-extension", 11), ("overdue", 11),
        ("bad-extension", 12), ("due-soon", 12),
        ("overdue", 13),
    }
    return FollowupCase(path, frozenset(expected), _EXTENSION_CODES)


WARNING_HEADER = ("方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "完成时间",
                  "整改进展", "佐证材料")


def write_warning_ledger(path: Path, *, warn: str | None = "20,10") -> Path:
    """One measure per grade boundary (as of 2026-11-20), 预警天数 ``warn`` in 基本信息.

    Rows: r4 due Nov 10 (红), r5 立行立改 not done (红), r6 due today (橙), r7 in 5 days (橙),
    r8 in 10 days (橙), r9 in 11 days (黄), r10 in 20 days (黄), r11 in 21 days (none),
    r12 长期坚持 deadline (蓝), r13 长期坚持 status past its date (蓝), r14 done (绿)."""
    def m(text: str, deadline: Any, status: str = "正在推进", unit: str = "耕地保护股", **kw: Any) -> dict[str, Any]:
        row = {"方面": ASPECTS[1], "具体问题": "1.针对耕地保护“田长制”落实不到位的问题", "整改措施": text,
               "责任领导": "张志刚", "责任单位": unit, "责任人": "赵红梅", "整改时限": deadline, "整改状态": status}
        row.update(kw)
        return row

    rows = [
        m("完成耕地保护目标责任书签订", date(2026, 11, 10)),
        m("对撂荒耕地立即开展复耕复种", "立行立改", "基本完成"),
        m("完成田长公示牌更新", date(2026, 11, 20)),
        m("开展田长制培训", date(2026, 11, 25), unit="办公室", 责任人="李明"),
        m("完成耕地卫片图斑核查", date(2026, 11, 30)),
        m("建立耕地保护巡查通报制度", date(2026, 12, 1), unit="办公室", 责任人="李明"),
        m("完成耕地质量等别年度更新", date(2026, 12, 10)),
        m("编制耕地保护专项规划", date(2026, 12, 11)),
        m("常态化开展耕地保护宣传", "长期坚持", unit="办公室", 责任人="李明"),
        m("落实田长巡田制度", date(2026, 9, 30), "长期坚持"),
        m("修订耕地保护考核办法", date(2026, 10, 31), "已完成", 完成时间=date(2026, 10, 25), 佐证材料="考核办法"),
    ]
    return write_ledger(path, WARNING_HEADER, rows, info={"预警天数": warn})


REMIND_HEADER = ("序号", "方面", "具体问题", "整改措施", "分管领导", "责任股室", "经办人", "完成时限", "完成情况",
                 "完成时间", "整改进展", "佐证材料")


def write_remind_ledger(path: Path) -> Path:
    """Three owner units as of 2026-11-20 (预警天数 20,10): 执法监察大队 has two overdue measures
    (one dated, one overdue after an extension), 耕地保护股 two due soon (in 5 and in 15 days), 办公室
    nothing due (done, long term, due next year)."""
    def m(issue: int, text: str, unit: str, lead: str, person: str, deadline: Any, status: str = "正在推进",
          **kw: Any) -> dict[str, Any]:
        row = {"issue": issue, "整改措施": text, "责任股室": unit, "分管领导": lead, "经办人": person,
               "完成时限": deadline, "完成情况": status}
        row.update(kw)
        return row

    rows = [
        m(1, "建立党组理论学习中心组“第一议题”制度", "办公室", "张志刚", "李明", "2026年8月底前", "已完成",
          完成时间=date(2026, 8, 20), 佐证材料="制度文件"),
        m(1, "常态化开展青年干部理论学习", "办公室", "张志刚", "李明", "长期坚持", "长期坚持"),
        m(2, "完成耕地卫片图斑核查整改", "耕地保护股", "刘海波", "赵红梅", date(2026, 11, 25)),
        m(2, "修订田长制考核办法", "耕地保护股", "刘海波", "赵红梅、钱芳", date(2026, 12, 5)),
        m(3, "对2025年以来违法用地案件逐案复查", "执法监察大队", "孙立新", "周强", "2026年10月31日前"),
        m(3, "完成历史遗留违法用地案件清零", "执法监察大队", "孙立新", "吴磊",
          "原定2026年8月31日，延期至2026年11月15日"),
        m(4, "修订机关考勤管理办法", "办公室", "张志刚", "李明", "2027年3月底前"),
    ]
    for i, row in enumerate(rows, start=1):
        row["序号"] = i
    return write_ledger(path, REMIND_HEADER, rows, info={
        "预警天数": "20,10", "发文机关": "某某县自然资源局巡察整改工作领导小组办公室", "联系人": "郑晓燕"})


def write_round_folder(folder: Path) -> dict[str, Path]:
    """Three inspected units' ledgers for one round (as of 2026-11-20, 预警天数 20,10):

    - 县林业局: 4 measures, 2 done (1 closed), 2 overdue;
    - 县水利局: 5 measures, 4 done (3 closed), 1 due in 8 days (橙), 1 extension;
    - 县医疗保障局: 4 measures, 2 done (0 closed), 1 due in 15 days (黄), 1 overdue.
    """
    folder.mkdir(parents=True, exist_ok=True)
    header = ("方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "延期时限", "整改状态",
              "完成时间", "佐证材料", "验收人", "验收日期", "销号日期")

    def m(issue: int, text: str, deadline: Any, status: str = "正在推进", **kw: Any) -> dict[str, Any]:
        row = {"issue": issue, "整改措施": text, "责任领导": "局长", "责任单位": "办公室", "责任人": "张三",
               "整改时限": deadline, "整改状态": status}
        row.update(kw)
        return row

    closed = {"完成时间": date(2026, 8, 1), "佐证材料": "纪要", "验收人": "县委巡察办", "验收日期": date(2026, 8, 10),
              "销号日期": date(2026, 8, 20)}
    done = {"完成时间": date(2026, 11, 1), "佐证材料": "纪要"}
    ledgers = {
        "县林业局": [
            m(1, "健全森林防火责任制", "2026年8月31日", "已销号", **closed),
            m(1, "完成林地变更调查", "2026年11月10日", "已完成", **done),
            m(2, "清理违规占用林地项目", "2026年9月30日"),
            m(3, "整改公益林补偿资金滞留问题", "2026年10月31日"),
        ],
        "县水利局": [
            m(1, "修订河长制工作规则", "2026年8月31日", "已销号", **closed),
            m(1, "开展河道“四乱”清理", "2026年8月31日", "已销号", **closed),
            m(2, "完成小型水库安全鉴定", "2026年8月31日", "已销号", **closed),
            m(2, "建立水资源费征收台账", "2026年11月10日", "已完成", **done),
            m(3, "完成农村饮水工程维修", "2026年10月31日", 延期时限="2026年11月28日"),
        ],
        "县医疗保障局": [
            m(1, "建立定点医药机构稽核制度", "2026年10月31日", "已完成", **done),
            m(1, "追回违规使用医保基金", "2026年11月10日", "已完成", **done),
            m(2, "完善医保经办内控制度", "2026年12月5日"),
            m(3, "开展医保基金专项检查", "2026年9月30日"),
        ],
    }
    paths = {}
    for i, (unit, rows) in enumerate(ledgers.items(), start=1):
        sub = folder / f"0{i}_{unit}"
        sub.mkdir(exist_ok=True)
        paths[unit] = write_ledger(sub / f"{unit}巡察整改台账.xlsx", header, rows, unit=unit,
                                   info={"预警天数": "20,10"})
    return paths


def soffice_convert(source: Path, outdir: Path, target: str) -> Path:
    """Convert ``source`` with LibreOffice (``target``: "pdf", or a csv filter string) into
    ``outdir``, with a private profile (parallel runs do not share one); returns the file."""
    import subprocess

    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=240)
    ext = target.split(":", 1)[0]
    out = outdir / f"{source.stem}.{ext}"
    assert out.is_file(), out
    return out


#: codes whose findings are about 基本信息, not the ledger sheet
INFO_SHEET_CODES = frozenset({"bad-warn-days", "info-totals-mismatch", "info-date-unreadable",
                              "info-dates-out-of-order"})


RuleCase = tuple[list[dict[str, Any]], set[Any], dict[str, Any]]


def followup_rule_cases(ok: Any, done: dict[str, Any]) -> dict[str, RuleCase]:
    """tests/test_rules.py's cases (rows, rows where the code fires, ledger kwargs) for the closure,
    extension and warning codes — as of 2023-09-20, feedback 2023-06-27, ``done`` completed
    2023-08-01 with evidence. Built with that file's ``ok`` row builder."""
    from rectxl.core import fields as F

    closure = {"columns": [*F.TEMPLATE_COLUMNS, F.ACCEPTOR, F.ACCEPTED, F.CLOSED]}
    extension = {"columns": [*F.TEMPLATE_COLUMNS, F.EXTENSION, F.EXTENSION_GRANTED]}
    accepted = {**done, F.STATUS: "已验收", F.ACCEPTOR: "王建国"}
    return {
        "closed-without-evidence": ([ok(**{**done, F.STATUS: "已销号", F.EVIDENCE: None}),
                                     ok(**{**done, F.STATUS: "已销号"}), ok(**{**done, F.EVIDENCE: None})], {2}, {}),
        "closed-without-acceptor": ([ok(**{**accepted, F.ACCEPTOR: None}), ok(**accepted),
                                     ok(**{**done, F.ACCEPTOR: None})], {2}, closure),
        "accepted-by-owner": ([ok(**{**accepted, F.ACCEPTOR: "李四"}), ok(**accepted),
                               ok(**{**accepted, F.ACCEPTOR: "办公室"})], {2, 4}, closure),
        "closed-before-completion": ([ok(**{**accepted, F.ACCEPTED: date(2023, 7, 20)}),
                                      ok(**{**accepted, F.ACCEPTED: date(2023, 8, 1)})], {2}, closure),
        "closed-before-acceptance": ([ok(**{**accepted, F.ACCEPTED: date(2023, 8, 10), F.CLOSED: date(2023, 8, 5)}),
                                      ok(**{**accepted, F.ACCEPTED: date(2023, 8, 10), F.CLOSED: date(2023, 8, 15)})],
                                     {2}, closure),
        "closure-date-in-future": ([ok(**{**accepted, F.CLOSED: date(2023, 9, 21)}),
                                    ok(**{**accepted, F.CLOSED: date(2023, 9, 20)})], {2}, closure),
        "bad-closure-date": ([ok(**{**accepted, F.ACCEPTED: "下周"}), ok(**{**accepted, F.ACCEPTED: "/"}),
                              ok(**{**accepted, F.ACCEPTED: date(2023, 8, 2)})], {2, 3}, closure),
        "closure-date-unfinished": ([ok(**{F.CLOSED: date(2023, 8, 2)}),
                                     ok(**{**accepted, F.CLOSED: date(2023, 8, 2)}),
                                     ok(**{F.STATUS: "长期坚持", F.DEADLINE: "长期坚持",
                                           F.ACCEPTED: date(2023, 8, 2)})], {2}, closure),
        # 是否销号 "是" on unfinished work; 否, a date on finished work, and a yes on finished work are fine
        "closure-flag-unfinished": ([ok(**{F.CLOSED_FLAG: "是"}), ok(**{F.CLOSED_FLAG: "否"}),
                                     ok(**{**done, F.CLOSED_FLAG: "是"}), ok(**{F.ACCEPTED_FLAG: "已验收"}),
                                     ok(**{F.ACCEPTED_FLAG: "待验收"})],
                                    {2, 5}, {"columns": [*F.TEMPLATE_COLUMNS, F.ACCEPTED_FLAG, F.CLOSED_FLAG]}),
        "awaiting-acceptance": ([ok(**done), ok(**{**done, F.COMPLETED: date(2023, 9, 1)}),
                                 ok(**{**accepted, F.ACCEPTED: date(2023, 8, 5)})], {2}, closure),
        "extended-after-deadline": ([ok(**{F.DEADLINE: "2023年8月31日", F.EXTENSION: "2023年12月31日",
                                           F.EXTENSION_GRANTED: date(2023, 9, 5)}),
                                     ok(**{F.DEADLINE: "2023年8月31日", F.EXTENSION: "2023年12月31日",
                                           F.EXTENSION_GRANTED: date(2023, 8, 25)}),
                                     ok(**{F.DEADLINE: "原定2023年8月31日，2023年9月10日申请延期至2023年12月31日"}),
                                     ok(**{F.DEADLINE: "2023年9月10日申请延期至2023年12月31日"}),  # original unknown
                                     ok(**{F.DEADLINE: "原定2023年8月31日，延期至2023年12月31日"})], {2, 4}, extension),
        "extended-more-than-once": ([ok(**{F.DEADLINE: "延期至2023年10月31日，再次延期至2023年12月31日"}),
                                     ok(**{F.DEADLINE: "延期至2023年12月31日"})], {2}, {}),
        "extension-overdue": ([ok(**{F.DEADLINE: "原定2023年7月31日，延期至2023年9月15日"}),
                               ok(**{F.DEADLINE: "原定2023年7月31日，延期至2023年10月31日"}),
                               ok(**{F.DEADLINE: "2023年9月15日"})], {2}, {}),
        "bad-extension": ([ok(**{F.EXTENSION: "待定"}), ok(**{F.EXTENSION: "2024年3月31日"}),
                           ok(**{F.EXTENSION: "2023年11月30日"}), ok(**{F.EXTENSION: "无"})], {2, 4}, extension),
        "bad-warn-days": ([ok()], {None}, {"info": {"预警天数": "二十天"}}),
    }
