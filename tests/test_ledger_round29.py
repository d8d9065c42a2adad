"""Round twenty-nine: ledgers as other offices write them (a county civil-affairs bureau, a tax
branch, a township health centre, a human-resources bureau, a public-security bureau …), built here
with openpyxl the way a clerk would (units, people and texts are fictional)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from rectxl.io.reader import read_ledger


def _check(path: Path, capsys: pytest.CaptureFixture[str], as_of: str = "2026-11-20") -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "json", "--as-of", as_of])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def _ledger(path: Path, title: str, header: list[str], rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([title])
    ws.append(["填报单位（盖章）：　　　　　　填报时间：2026年11月18日"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# -- a measure dropped (已终止, 已取消, 经研究不予整改) is not finished work ------------------------------

_CIVIL = ["序号", "巡察反馈问题", "具体整改措施", "责任科室", "完成时限", "整改状态", "整改进展", "说明"]


@pytest.mark.parametrize("word", ["已终止", "已取消", "该措施已撤销", "已作废", "不再整改", "经研究不予整改",
                                  "经局党组研究，不予整改", "已取消（并入第1项措施）", "经县委巡察办同意，终止整改"])
def test_a_measure_said_dropped_is_not_counted_done(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # a civil-affairs bureau writes that a measure was dropped: rectxl must not count it 已完成 (it
    # had: "已终止" read as an action done); the clerk is told what the cell says and what to do
    # (beside it, "已取消"/"已停止" said of a measure whose own action is to cancel or stop something:
    # that action done)
    path = _ledger(tmp_path / "民政局.xlsx", "县民政局巡察整改台账", _CIVIL, [
        [1, "低保动态管理不到位", "开展低保对象入户核查", "社会救助股", "2026年9月", "已完成", "核查1260户", None],
        [2, "低保信息化水平不高", "建设低保信息比对平台", "社会救助股", "2026年12月", word, "市级平台统一建设", None],
        [3, "养老机构补贴发放不规范", "取消不合规养老机构的运营补贴", "养老服务股", "2026年10月", "已取消",
         "已取消2家机构补贴", None],
        [4, "殡葬服务收费不规范", "停止收取遗体接运附加费", "社会事务股", "2026年8月", "已停止", "9月起停止收取", None],
    ])
    found = _check(path, capsys)
    (bad,) = [f for f in found if f["code"] == "bad-status"]
    assert bad["cell"] == "F5"
    assert "不再整改" in bad["message"] and "无法识别" not in bad["message"] and "备注" in bad["message"]
    assert not [f for f in found if f["code"] == "overdue"]
    assert [m.status and str(m.status) for m in read_ledger(path).measures()] == ["已完成", None, "已完成", "已完成"]


# -- closure decided after a check named before it, a comma between ---------------------------------

@pytest.mark.parametrize("word", ["经县纪委监委审查，准予销号", "经审核，予以销号", "经县委巡察办审核，同意销号",
                                  "经研究，同意销号", "经核查，整改到位，同意销号"])
def test_closure_decided_after_the_check_is_closed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # a tax branch's 整改结果 column: the check, a comma, then the decision to close — 已销号 (it had
    # been a bad status: "经巡察办审核同意销号" without the comma was read, with it not)
    path = _ledger(tmp_path / "税务分局.xlsx", "某县税务局第一税务分局巡察整改台账",
                   ["编号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改结果", "佐证资料"], [
                       [1, "留抵退税办理超时限", "逐户核实留抵退税办理时限", "纳税服务股", "2026.9.30", word, None],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    (closed,) = [f for f in found if f["code"] == "closed-without-evidence"]
    assert closed["cell"] == "G4"
    (m,) = read_ledger(path).measures()
    assert (str(m.status), m.stage) == ("已完成", "已销号")


@pytest.mark.parametrize("word", ["经审查，不予销号", "不同意销号", "不予销号"])
def test_closure_refused_is_work_still_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # the acceptor refused to close it: the work is to be put right — going on, and overdue past its
    # deadline (it had been a bad status)
    path = _ledger(tmp_path / "税务分局.xlsx", "某县税务局第一税务分局巡察整改台账",
                   ["编号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改结果"], [
                       [1, "定额调整不及时", "对定额户开展全面复核", "税源管理股", "2026.10.31", word],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    (overdue,) = [f for f in found if f["code"] == "overdue"]
    assert overdue["cell"] == "E4"


# -- 延期原因 is why the deadline was put back, not the extended deadline ---------------------------

@pytest.mark.parametrize("header", ["延期原因", "申请延期理由", "延期事由", "延期原因说明", "逾期情况说明"])
def test_a_column_of_why_the_deadline_was_put_back_is_a_remark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    # a human-resources bureau keeps 延期时限 and beside it why: the reason is a note on the
    # measure (it had been read as a second 延期时限 column, the extended deadline lost)
    path = _ledger(tmp_path / "人社局.xlsx", "县人力资源和社会保障局巡察反馈问题整改清单",
                   ["序号", "存在的问题", "整改措施", "责任股室", "整改时限", "延期时限", header, "完成情况"], [
                       [1, "重复领取待遇问题未及时清理", "开展重复领取养老待遇专项清理", "社保中心", "2026年9月30日",
                        "2027年3月31日", "涉及跨省数据比对，需省厅协调", "延期整改"],
                       [2, "就业补贴审核把关不严", "对就业补贴发放开展回头看", "就业股", "2026年8月31日", None, None,
                        "正在推进"],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("duplicate-header", "bad-extension", "column-not-understood")]
    assert [f["cell"] for f in found if f["code"] in ("overdue", "extension-overdue")] == ["E5"]
    first, _ = read_ledger(path).measures()
    assert first.remark == "涉及跨省数据比对，需省厅协调"


# -- a 序号 "一（1）" numbers an issue under its part -------------------------------------------------

def test_numbers_written_part_then_bracketed_issue_are_not_a_gap(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a township health centre numbers its issues 一（1）, 一（2）, 二（1）: the issues of part 一, then
    # of part 二 — no repeated number (it had: "问题序号1与前面的问题重复")
    path = _ledger(tmp_path / "卫生院.xlsx", "某镇中心卫生院巡察反馈问题整改落实情况台账",
                   ["序号", "巡察反馈问题", "整改措施", "责任科室", "整改时限", "整改完成情况"], [
                       ["一（1）", "医疗废物处置不规范", "建立医疗废物交接登记台账", "公卫科", "即知即改", "已整改"],
                       ["一（2）", "药品耗材线下采购", "线下采购品种纳入平台采购", "药剂科", "2026年12月底前",
                        "正推进"],
                       ["二（1）", "绩效分配向一线倾斜不够", "修订绩效考核分配方案", "办公室", "2026年12月", "正推进"],
                       ["二（2）", "家庭医生签而不约", "对签约居民开展随访", "公卫科", "2026年12月", "正推进"],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "issue-number-gap"], found
    assert len(list(read_ledger(path).issues())) == 4


# -- status words other offices write: the work then its result, 工作/任务 as subject, 了, 延期 sent up --

@pytest.mark.parametrize(("word", "done"), [
    ("整改已完毕", True), ("处理已完结", True), ("清退已完毕", True), ("完成了", True), ("完成了整改", True),
    ("工作已完成", True), ("任务已完成", True), ("各项工作已完成", True),
    ("已报延期", False), ("报请延期", False), ("已提交延期申请", False), ("工作正在推进", False),
])
def test_status_words_of_other_offices(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str, done: bool) -> None:
    # a transport bureau's 完成情况: each word read (they had been bad statuses); past the deadline,
    # the done ones are not overdue and the others are
    path = _ledger(tmp_path / "交通运输局.xlsx", "县交通运输局巡察整改落实台账",
                   ["序号", "反馈问题", "整改措施", "责任单位", "完成时限", "完成情况"], [
                       [1, "农村公路养护资金使用不规范", "开展养护资金专项审计", "公路事业发展中心",
                        "2026年9月30日", word],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ([] if done else ["E4"])


# -- a unit written short for an entry of the 责任单位名录 (马院, 县纪委) -----------------------------

def test_a_unit_written_short_for_a_directory_entry_is_joined_with_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a university's ledger writes 马院 and 县纪委 where its 名录 lists 马克思主义学院 and 县纪委监委:
    # the finding names the entry it stands for and the summary counts it there (it had said only
    # "不在名录中", and counted 马院 as a unit of its own beside 马克思主义学院)
    from datetime import date

    from rectxl.core.summary import summarize

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["某学院党委巡察整改台账"])
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "思政课教学质量不高", "开展思政课集体备课", "马克思主义学院", "2026年12月31日", "正在推进"])
    ws.append([2, "思政课教师队伍不足", "引进思政课专任教师", "马院", "2026年12月31日", "正在推进"])
    ws.append([3, "警示教育针对性不强", "开展警示教育大会", "县纪委", "2026年12月31日", "正在推进"])
    ws.append([4, "校园安全管理存在漏洞", "开展校园安全隐患排查", "保卫处", "2026年12月31日", "正在推进"])
    wd = wb.create_sheet("责任单位名录")
    for unit in ["责任单位", "马克思主义学院", "县纪委监委", "党委办公室", "党政办公室", "保卫处"]:
        wd.append([unit])
    path = tmp_path / "学院.xlsx"
    wb.save(path)
    found = [f for f in _check(path, capsys) if f["code"] in ("unknown-owner-unit", "owner-unit-variant")]
    assert [(f["code"], f["cell"]) for f in found] == [("unknown-owner-unit", "D4"), ("unknown-owner-unit", "D5")]
    assert "“马克思主义学院”" in found[0]["message"] and "“县纪委监委”" in found[1]["message"]
    units = {u.unit: u.counts.measures for u in summarize(read_ledger(path), date(2026, 11, 20)).units}
    assert units == {"马克思主义学院": 2, "县纪委监委": 1, "保卫处": 1}


def test_a_short_name_that_could_be_two_directory_entries_is_not_guessed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 党办 beside a 名录 of 党委办公室 and 党政办公室: which one is not for rectxl to guess
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "公文处理不规范", "开展公文培训", "党办", "2026年12月31日", "正在推进"])
    ws.append([2, "思政课教师队伍不足", "引进思政课专任教师", "马院", "2026年12月31日", "正在推进"])
    wd = wb.create_sheet("责任单位名录")
    for unit in ["责任单位", "党委办公室", "党政办公室", "马克思主义学院"]:
        wd.append([unit])
    path = tmp_path / "学院.xlsx"
    wb.save(path)
    found = [f for f in _check(path, capsys) if f["code"] == "unknown-owner-unit"]
    assert [f["cell"] for f in found] == ["D2", "D3"]
    assert "党委办公室" not in found[0]["message"] and "“马克思主义学院”" in found[1]["message"]


# -- a 佐证材料清单 sheet beside the ledger is no copy of it -------------------------------------------

@pytest.mark.parametrize("listed", [3, 2])
def test_an_evidence_list_sheet_is_not_a_copy_of_the_ledger(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], listed: int) -> None:
    # a natural-resources bureau files its evidence on a second sheet (序号 | 对应问题 | 整改措施 |
    # 佐证材料名称 | 页码): it is not "同一台账的不同期次" set aside (ledger-copy-set-aside, as it had
    # been told), nor a second ledger sheet whose rows lack owners and deadlines
    rows = [["1", "违法用地查处不及时", "逐宗核查卫片图斑", "执法大队", "2026年12月31日", "正在推进", "见清单1"],
            ["2", "矿产资源开发监管不严", "开展矿山专项检查", "矿管股", "2026年9月30日", "已完成", "见清单2"],
            ["3", "测绘资质管理不规范", "清理测绘单位资质", "测绘股", "2026年8月31日", "已完成", "见清单3"]]
    path = _ledger(tmp_path / "自然资源局.xlsx", "县自然资源局巡察整改台账",
                   ["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态", "佐证材料"], rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("佐证材料清单")
    ws.append(["佐证材料清单"])
    ws.append(["序号", "对应问题", "整改措施", "佐证材料名称", "页码"])
    for i, row in enumerate(rows[-listed:], 1):
        ws.append([i, row[1], row[2], f"{row[2]}材料", f"{i * 5 - 4}-{i * 5}"])
    wb.save(path)
    main(["check", str(path), "--format", "json", "--as-of", "2026-11-20"])
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] == []
    assert [m.sheet for m in read_ledger(path).measures()] == ["整改台账"] * 3


# -- closure and evidence columns under other offices' names -----------------------------------------

@pytest.mark.parametrize(("closure", "closed"), [("验收销号情况", "已验收销号"), ("销号意见", "同意销号"),
                                                 ("销号审核意见", "经审核，同意销号")])
@pytest.mark.parametrize("evidence", ["证明资料", "支撑资料"])
def test_closure_and_evidence_columns_of_other_offices(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], closure: str, closed: str, evidence: str) -> None:
    # a veterans-affairs bureau: 完成情况, then whether it was closed (验收销号情况 had been read as the
    # acceptor's name, 销号意见 not at all) and the evidence (证明资料 had not been read): a closed row
    # with no evidence is the error an auditor looks for
    path = _ledger(tmp_path / "退役军人事务局.xlsx", "县退役军人事务局巡察整改台账",
                   ["序号", "问题", "整改措施", "责任股室", "整改时限", "完成情况", evidence, closure], [
                       [1, "优抚对象信息核查不及时", "开展优抚对象信息全面核查", "优抚股", "2026年8月31日", "已完成",
                        None, closed],
                       [2, "服务站建设不规范", "规范村级服务站建设", "服务中心", "2026年9月30日", "已完成", "验收表",
                        "未销号"],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("column-not-understood", "closed-without-acceptor")]
    assert [(f["code"], f["cell"]) for f in found if f["severity"] != "info"] == [("closed-without-evidence", "G4")]
    first, second = read_ledger(path).measures()
    assert first.evidence == "" and second.evidence == "验收表"


def test_the_discipline_commission_written_without_its_second_name_is_one_unit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 县纪委 beside 县纪委监委 (one office under two names): one unit, told as two spellings and
    # counted once — 市纪委监委 stays another unit (they had been two units, nothing told)
    from datetime import date

    from rectxl.core.summary import summarize

    path = _ledger(tmp_path / "县委办.xlsx", "县委办公室巡察整改台账",
                   ["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改状态"], [
                       [1, "警示教育针对性不强", "开展警示教育大会", "县纪委监委", "2026年12月31日", "正在推进"],
                       [2, "廉政谈话流于形式", "开展廉政谈话", "县纪委监委", "2026年12月31日", "正在推进"],
                       [3, "监督执纪偏宽偏软", "开展专项监督", "县纪委", "2026年12月31日", "正在推进"],
                       [4, "政治生态研判不深", "配合开展政治生态研判", "市纪委监委", "2026年12月31日", "正在推进"],
                   ])
    variants = [f for f in _check(path, capsys) if f["code"] == "owner-unit-variant"]
    assert [(f["cell"], f["value"]) for f in variants] == [("D6", "县纪委")]
    assert "“县纪委监委”" in variants[0]["message"]
    units = {u.unit: u.counts.measures for u in summarize(read_ledger(path), date(2026, 11, 20)).units}
    assert units == {"县纪委监委": 3, "市纪委监委": 1}



@pytest.mark.parametrize("account", ["已立案查处12宗，结案9宗", "受理信访件20件，办结15件",
                                     "排查矛盾纠纷30件，化解28件"])
def test_cases_closed_counted_against_those_opened(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], account: str) -> None:
    # a public-security bureau's 整改情况 counts the cases opened and those closed: 9 of 12 closed is
    # work going on, overdue past its deadline (it had been read 已完成 from "已立案"); all closed is done
    path = _ledger(tmp_path / "公安局.xlsx", "县公安局巡察整改台账",
                   ["序号", "存在问题", "整改措施", "责任部门", "整改时限", "整改情况"], [
                       [1, "涉黄涉赌案件查处不力", "开展专项打击行动", "治安大队", "2026年9月30日", account],
                       [2, "电信诈骗案件侦办不力", "开展专项侦办行动", "刑侦大队", "2026年9月30日",
                        "已立案侦办8起，结案8起"],
                   ])
    found = _check(path, capsys)
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["E4"]
    assert [str(m.status) for m in read_ledger(path).measures()] == ["正在推进", "已完成"]


@pytest.mark.parametrize("word", ["坚持常抓", "抓常抓长", "坚持落实", "坚持整改"])
def test_work_kept_at_is_long_term(tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # a forestry farm writes how it keeps at the work ("坚持常抓", "抓常抓长"): 长期坚持, as 常抓不懈 is
    # (it had been a bad status)
    path = _ledger(tmp_path / "林场.xlsx", "某国有林场巡察整改任务清单",
                   ["序号", "问题", "整改任务", "责任科室", "完成时间节点", "完成情况"], [
                       [1, "护林员巡护不到位", "落实护林员网格化巡护", "资源管护科", "长期坚持", word],
                   ])
    assert _check(path, capsys) == []
    (m,) = read_ledger(path).measures()
    assert str(m.status) == "长期坚持"


@pytest.mark.parametrize(("word", "done"), [("已审议通过", True), ("已招标", False), ("已制定初稿", False),
                                            ("已召开专题会议研究", False)])
def test_a_decision_made_is_done_and_a_step_taken_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str, done: bool) -> None:
    # a development-zone committee's 整改状态: the rules passed (已审议通过) are done; tendered, a draft
    # written, a meeting held to study it — the work itself still to come, overdue past the deadline
    # (all had been bad statuses)
    path = _ledger(tmp_path / "开发区.xlsx", "某经济开发区管委会巡察整改台账",
                   ["序号", "问题", "整改措施", "责任部门", "完成时限", "整改状态"], [
                       [1, "园区物业管理制度缺失", "制定园区物业管理办法", "规划建设局", "2026年9月30日", word],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ([] if done else ["E4"])


# -- a sheet per inspection group: the notice names every group ------------------------------------

def test_a_sheet_per_inspection_group_names_every_group_in_the_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a development zone keeps the first and the second group's feedback on a sheet each, each titled
    # with its group: the notice says both groups inspected and fed back (it had named the first only)
    wb = openpyxl.Workbook()
    for k, (name, group, row) in enumerate([
            ("一组反馈问题", "第一", [1, "招商引资项目落地率低", "建立项目全周期跟踪服务机制", "招商局",
                                  "2026年12月31日", "正在推进"]),
            ("二组反馈问题", "第二", [1, "土地闲置问题突出", "对闲置土地逐宗制定处置方案", "规划建设局",
                                  "2026年12月31日", "正在推进"])]):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"县委{group}巡察组反馈某经济开发区管委会问题整改台账"])
        ws.append(["填报单位：某经济开发区管委会　　填报时间：2026年11月20日"])
        ws.append(["序号", "问题", "整改措施", "责任部门", "完成时限", "整改状态"])
        ws.append(row)
    path = tmp_path / "开发区.xlsx"
    wb.save(path)
    main(["notice", str(path), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "县委第一巡察组、第二巡察组对某经济开发区管委会进行了巡察" in text
    assert "县委第一巡察组、第二巡察组向某经济开发区管委会反馈了巡察意见" in text


@pytest.mark.parametrize("word", ["待办", "未办", "未办理", "暂未办理"])
def test_not_yet_handled_is_not_started(tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # a supply-and-marketing co-op's 是否办结 column: not yet handled (未办理) is 未启动, as 待办理 is
    # (未办理 had read 正在推进, 待办 had been a bad status); 未办结 stays going on
    path = _ledger(tmp_path / "供销社.xlsx", "县供销合作社联合社巡察反馈问题整改台账",
                   ["序号", "反馈问题", "整改措施", "责任部门", "办结时限", "是否办结"], [
                       [1, "基层社空壳化", "对5个基层社进行改造提升", "业务指导部", "2027年6月30日", word],
                       [2, "财务报销审核不严", "修订财务管理办法", "财务部", "2027年6月30日", "未办结"],
                   ])
    assert not [f for f in _check(path, capsys) if f["code"] == "bad-status"]
    assert [str(m.status) for m in read_ledger(path).measures()] == ["未启动", "正在推进"]
