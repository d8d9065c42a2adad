"""Ledgers round twenty-five: ledgers as county clerks really write them — statuses that wait on
others, shares of the work done, loose deadlines, other offices' column headers, a remark that
contradicts the status. Every workbook is built here; units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger

AS_OF = date(2026, 11, 30)

_HEAD = ["序号", "巡察反馈问题", "整改措施", "责任单位", "责任领导", "责任人", "整改时限", "整改状态", "整改进展",
         "备注"]


def _ledger(path: Path, rows: list[list[Any]], head: list[str] | None = None,
            title: str = "柳溪镇巡察反馈问题整改落实台账") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([title])
    ws.append(head or _HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.cell) for f in api.check(path, Options(as_of=AS_OF)).findings)


def _unit_table(path: Path, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """The summary workbook's 责任单位统计 sheet: unit → column → figure."""
    _, out = api.summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF), force=True)
    rows = list(openpyxl.load_workbook(out)["责任单位统计"].iter_rows(values_only=True))
    head = list(rows[1])
    return {r[0]: dict(zip(head, r, strict=False)) for r in rows[2:] if r[0]}


def _row(n: int, measure: str, status: str, *, unit: str = "党政综合办", deadline: Any = "2026年12月31日",
         progress: str | None = None, remark: str | None = None) -> list[Any]:
    return [n, f"第{n}项问题：村组道路养护管理不到位。", measure, unit, "郑副镇长", "吴晓燕", deadline, status,
            progress, remark]


# -- 1. statuses waiting on others ----------------------------------------------------------------

def test_statuses_waiting_on_others_count_as_going_on(tmp_path: Path) -> None:
    """需上级协调, 暂不具备整改条件, 已上报待批, 列入明年计划: the unit cannot finish the measure alone
    and waits — going on, not an unreadable status. 需长期坚持解决 is long-term work, not done."""
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(1, "争取县交通局资金硬化通组道路3.2公里。", "需县级层面统筹协调解决", progress="已完成道路测量。"),
        _row(2, "对危桥进行加固改造。", "暂不具备整改条件", progress="待汛期结束后施工。"),
        _row(3, "建设集镇污水管网。", "已上报县政府待批复", progress="已编制项目建议书。"),
        _row(4, "新建便民服务中心。", "列入明年计划", progress="已完成选址。"),
        _row(5, "更新村级道路养护设备。", "已纳入2027年计划", progress="已询价。"),
        _row(6, "调整养护经费预算。", "已报请审批", progress="已测算经费。"),
        _row(7, "建立道路养护巡查制度并坚持每月巡查。", "需长期坚持解决", progress="每月巡查1次。"),
        _row(8, "清理道路两侧堆放杂物。", "待多部门协调", progress="已摸排堆放点12处。"),
    ])
    assert [c for c in _findings(path) if c[0] in ("bad-status", "status-text-mismatch")] == []
    table = _unit_table(path, tmp_path)["党政综合办"]
    assert (table["已完成"], table["正在推进"], table["长期坚持"]) == (0, 7, 1)



def test_more_of_the_waiting_family_reads_as_going_on_or_long_term(tmp_path: Path) -> None:
    """The same family in other words: the body above named as the one to solve it, money sought
    or awaited, conditions not ripe — going on; work spread over the years — long term."""
    going_on = ["需县级层面解决", "需争取上级资金支持", "等待上级专项资金下达", "条件不成熟", "需多部门联合推进",
                "已申请上级资金"]
    long_term = ["需逐年推进", "分年度解决", "需长期逐步解决"]
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(n, f"第{n}项道路养护措施。", said, progress="已完成前期摸底。")
        for n, said in enumerate([*going_on, *long_term], 1)])
    assert [c for c in _findings(path) if c[0] == "bad-status"] == []
    table = _unit_table(path, tmp_path)["党政综合办"]
    assert (table["正在推进"], table["长期坚持"]) == (len(going_on), len(long_term))


# -- 2. a share of the work done ------------------------------------------------------------------

_SHARES = [("整改中，已完成70%", "正在推进（已完成70%）"), ("已完成约80%", "正在推进（已完成约80%）"),
           ("完成进度60%", "正在推进（完成进度60%）"), ("已完成70%的工作量", "正在推进（已完成70%）"),
           ("进度已完成60%", "正在推进（已完成60%）"), ("推进中，已完成约四成", "推进中（已完成约四成）"),
           ("已完成约85%工程量", "正在推进（已完成约85%）")]


def test_a_share_done_reads_as_far_as_the_bracketed_share(tmp_path: Path) -> None:
    """整改中，已完成70% / 已完成70%的工作量 / 进度已完成60%: how far the work got, as 正在推进（已完成70%）
    says it — never 已完成 for the word 已完成 in it, never unreadable for the words around the share."""
    loose = _ledger(tmp_path / "写法一.xlsx", [
        _row(n, f"第{n}段通组道路硬化。", said, progress="施工队伍已进场。") for n, (said, _) in enumerate(_SHARES, 1)])
    bracketed = _ledger(tmp_path / "写法二.xlsx", [
        _row(n, f"第{n}段通组道路硬化。", said, progress="施工队伍已进场。") for n, (_, said) in enumerate(_SHARES, 1)])
    assert [c for c in _findings(loose) if c[0] in ("bad-status", "status-text-mismatch")] == []
    loose_table = _unit_table(loose, tmp_path)["党政综合办"]
    assert (loose_table["已完成"], loose_table["基本完成"], loose_table["正在推进"]) == (0, 4, 3)
    assert loose_table == _unit_table(bracketed, tmp_path)["党政综合办"]



def test_going_on_beside_all_or_nothing_done_stays_going_on(tmp_path: Path) -> None:
    """"正在推进，已完成100%" — the clerk's word against the share: never settled as 已完成 by rectxl
    (the share stays the account, for the clerk to put right); "整改中，完成0%" is not 未启动."""
    path = _ledger(tmp_path / "写法三.xlsx", [
        _row(1, "第1段通组道路硬化。", "正在推进，已完成100%", progress="施工队伍已进场。"),
        _row(2, "第2段通组道路硬化。", "整改中，完成0%", progress="施工队伍已进场。"),
    ])
    table = _unit_table(path, tmp_path)["党政综合办"]
    assert (table["已完成"], table["未启动"], table["正在推进"]) == (0, 0, 2)


# -- 3. deadlines written loosely -----------------------------------------------------------------

def _deadline_findings(path: Path, as_of: date) -> dict[str, tuple[str, str]]:
    """整改时限 cell → (finding code, message) for the deadline findings of ``path`` as of ``as_of``."""
    report = api.check(path, Options(as_of=as_of))
    return {f.cell: (f.code, f.message) for f in report.findings
            if f.code in ("overdue", "due-soon", "bad-deadline") and f.cell}


def test_loose_deadlines_are_due_when_the_clerk_meant(tmp_path: Path) -> None:
    """11月末12月初 is due by early December (the later month), 12月第二周 by the 14th, 12月中上旬 by
    the 20th, 第47周 on that ISO week's Sunday, 2027年初 by the end of February; "2026年12月31日前，
    2027年持续推进" is due at the end of 2026 and goes on — not at the end of 2027."""
    cells = ["2026年11月末12月初", "2026年12月第二周", "2026年12月中上旬", "2026年第47周", "2027年初前完成",
             "2026年12月31日前，2027年持续推进"]
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(n, f"第{n}批村组道路坑槽修补。", "正在推进", deadline=cell, progress="已排查坑槽。")
        for n, cell in enumerate(cells, 1)])
    december = _deadline_findings(path, date(2026, 12, 15))
    assert {cell: code for cell, (code, _) in december.items()} == {
        "G3": "overdue", "G4": "overdue", "G5": "due-soon", "G6": "overdue"}
    assert "2026年12月10日" in december["G3"][1]
    assert "2026年12月14日" in december["G4"][1]
    assert "2026年12月20日" in december["G5"][1]
    assert "2026年11月22日" in december["G6"][1]
    february = _deadline_findings(path, date(2027, 2, 15))
    # 年初 runs to the end of February: due soon, not overdue; the 2026 deadline is past
    assert february["G7"][0] == "due-soon" and "2027年2月28日" in february["G7"][1]
    assert february["G8"][0] == "overdue" and "2026年12月31日" in february["G8"][1]



def test_a_week_of_a_month_and_a_year_after_the_deadline_read_as_meant(tmp_path: Path) -> None:
    """12月份第二周 and 12月第1个星期 name a week as 12月第二周 does (not the month's end, not unreadable);
    "年底前完成，明年长期坚持" is due at this year's end and goes on — 明年 is when it goes on."""
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(1, "修补村组道路坑槽。", "正在推进", deadline="2026年12月份第二周", progress="已排查坑槽。"),
        _row(2, "更换破损护栏。", "正在推进", deadline="2026年12月第1个星期", progress="已采购护栏。"),
        _row(3, "建立道路养护长效机制。", "正在推进", deadline="年底前完成，明年长期坚持", progress="已起草制度。"),
    ])
    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet("基本信息")
    info.append(["反馈日期", date(2026, 6, 15)])
    wb.save(path)
    found = _deadline_findings(path, date(2026, 12, 20))
    assert {cell: code for cell, (code, _) in found.items()} == {"G3": "overdue", "G4": "overdue", "G5": "due-soon"}
    assert "2026年12月14日" in found["G3"][1] and "2026年12月7日" in found["G4"][1]
    assert "2026年12月31日" in found["G5"][1]


# -- 4. other offices' column headers -------------------------------------------------------------

@pytest.mark.parametrize(("lead", "person", "account"), [
    ("分管院长", "责任医生", "办理结果"),
    ("责任校长", "责任教师", "办理情况"),
    ("分管副局长", "责任民警", "落实结果"),
    ("分管副院长", "具体承办人", "办理结果"),
])
def test_headers_named_by_post_and_by_what_was_done_are_read(
        tmp_path: Path, lead: str, person: str, account: str) -> None:
    """A hospital's, a school's, a police station's ledger: 责任医生 / 责任教师 / 责任民警 name the person,
    分管院长 / 责任校长 / 分管副局长 the leader, 办理结果 / 落实结果 the account of the work — read as
    such, never a second 责任单位 nor an unknown column. The account read as progress: an overdue row
    reads its status from the status column and the summary names its leader."""
    head = ["序号", "存在问题", "整改措施", "责任科室", lead, person, "完成时限", "整改状态", account, "备注"]
    rows = [
        [1, "门诊收费公示不规范。", "更新收费公示栏并开展自查。", "医务科", "周建华", "刘芳", "2026年10月31日",
         "正在推进", "已更新公示栏2处，自查正在开展。", None],
        [2, "耗材出入库登记不全。", "建立耗材出入库台账。", "总务科", "周建华", "陈立", "2026年12月31日", "已完成",
         "已建立台账并每月盘点。", None],
    ]
    path = _ledger(tmp_path / "台账.xlsx", rows, head=head, title="县人民医院巡察反馈问题整改台账")
    report = api.check(path, Options(as_of=AS_OF))
    codes = {f.code for f in report.findings}
    assert not codes & {"header-missing", "column-not-understood", "duplicate-header"}
    measures = read_ledger(path).measures()
    assert [(m.owner_unit, m.lead, m.owner_person, m.progress) for m in measures] == [
        ("医务科", "周建华", "刘芳", "已更新公示栏2处，自查正在开展。"),
        ("总务科", "周建华", "陈立", "已建立台账并每月盘点。")]


# -- 5. a remark that contradicts the status ------------------------------------------------------

def test_a_remark_saying_done_beside_a_status_going_on_is_pointed_at(tmp_path: Path) -> None:
    """备注 "该项已办结" beside 整改状态 正在推进 (the clerk updated one and forgot the other), and the
    reverse: found at the 备注 cell, both words named. A remark telling a step done, a history or
    an extension is no contradiction."""
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(1, "修订村级财务报账制度。", "正在推进", progress="制度初稿已形成。", remark="该项已办结"),
        _row(2, "清退违规发放的误工补贴。", "未启动", progress="已摸清发放名单。", remark="已整改到位，凭证已归档"),
        _row(3, "更换村委会门前破损路灯。", "已完成", progress="已更换路灯6盏。", remark="尚未完成，待县财政资金拨付"),
        _row(4, "规范村务公开栏内容。", "正在推进", progress="已统一公开栏样式。", remark="已召开专题会议研究"),
        _row(5, "补齐村级会议记录。", "已完成", progress="已补齐记录12本。", remark="原为正在推进，10月已完成"),
        _row(6, "整改扶贫项目资产登记。", "已完成", progress="已登记资产37项。", remark="已完成，佐证见附件"),
        _row(7, "硬化村部停车场。", "正在推进", progress="已完成招标。", remark="经批准延期至2027年3月"),
    ])
    report = api.check(path, Options(as_of=AS_OF))
    found = {f.cell: f.message for f in report.findings if f.code == "remark-status-mismatch"}
    assert sorted(found) == ["J3", "J4", "J5"]
    assert "已办结" in found["J3"] and "正在推进" in found["J3"]
    assert "已整改到位" in found["J4"] and "未启动" in found["J4"]
    assert "尚未完成" in found["J5"] and "已完成" in found["J5"]



def test_a_remark_about_money_or_the_check_to_come_is_no_contradiction(tmp_path: Path) -> None:
    """资金已到位 tells of the money, not the measure; 尚未完成验收 of a finished measure's check to come:
    neither contradicts the status. The measure itself said finished or going on still does."""
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(1, "硬化村部停车场。", "正在推进", progress="施工队已进场。", remark="资金已到位"),
        _row(2, "更换破损路灯。", "已完成", progress="已更换路灯6盏。", remark="尚未完成验收"),
        _row(3, "维修村级文化广场。", "已完成", progress="已完成维修。", remark="资金尚未到位，已垫付"),
        _row(4, "清理道路堆放杂物。", "正在推进", progress="已清理3处。", remark="此项已全部整改完毕"),
        _row(5, "补齐道路养护台账。", "已完成", progress="已补齐台账。", remark="目前仍在推进中"),
    ])
    found = sorted(f.cell for f in api.check(path, Options(as_of=AS_OF)).findings
                   if f.code == "remark-status-mismatch")
    assert found == ["J6", "J7"]


# -- 6. one measure, several units --------------------------------------------------------------

def test_a_measure_naming_several_units_counts_once_for_each(tmp_path: Path) -> None:
    """Units on lines of their own, numbered as the measures are ("1.党政综合办\\n2.财政所", "（1）…（2）…")
    or joined with "+": the measure counts once for EACH unit in the summary's 责任单位统计, and
    remind lists it under each — never under "1.党政综合办" or "财政所+经管站" as a unit of its own."""
    path = _ledger(tmp_path / "柳溪镇.xlsx", [
        _row(1, "清理村级历史债务。", "正在推进", unit="1.党政综合办\n2.财政所", deadline="2026年11月20日",
             progress="已完成债务摸底。"),
        _row(2, "规范村级公章使用登记。", "正在推进", unit="（1）党政综合办（2）农经站", deadline="2026年12月5日",
             progress="已制定登记表。"),
        _row(3, "规范村级票据管理。", "已完成", unit="财政所+农经站", deadline="2026年12月31日",
             progress="已收回空白票据。"),
        _row(4, "整治村部周边环境。", "正在推进", unit="党政综合办\n农经站", deadline="2027年3月31日",
             progress="已清理杂物。"),
    ])
    table = _unit_table(path, tmp_path)
    assert {unit: row["措施数"] for unit, row in table.items()} == {"党政综合办": 3, "财政所": 2, "农经站": 3}
    assert (table["财政所"]["已完成"], table["财政所"]["逾期"]) == (1, 1)
    reminders = api.remind(path, tmp_path / "提醒", Options(as_of=AS_OF))
    assert sorted((row.unit, row.kind, row.item.measure) for row in reminders.rows) == [
        ("党政综合办", "临期", "规范村级公章使用登记。"), ("党政综合办", "逾期", "清理村级历史债务。"),
        ("农经站", "临期", "规范村级公章使用登记。"), ("财政所", "逾期", "清理村级历史债务。")]
