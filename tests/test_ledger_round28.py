"""Round twenty-eight: ledgers as other offices write them (a county forestry bureau, a university's
Party committee, a hospital, a village Party branch, a state-owned company …), built here with
openpyxl the way a clerk would (units, people and texts are fictional)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from rectxl.io.reader import read_ledger


def _check(path: Path, capsys: pytest.CaptureFixture[str], as_of: str = "2026-11-30") -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "json", "--as-of", as_of])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


# -- why it is not done, what holds it up, what comes next: notes on the measure ----------------------

@pytest.mark.parametrize("header", ["未完成原因", "存在困难及原因", "未完成原因及下步措施", "下步工作打算",
                                    "推进中存在的问题", "进度滞后原因",
                                    # the cause named after what lags, the hard part of the work
                                    "整改滞后原因", "工作推进滞后原因", "问题整改难点", "推进难点"])
def test_a_column_of_why_it_lags_is_a_remark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    # a forestry bureau's ledger keeps why a measure lags beside its status: an ordinary column, no
    # "column not understood" hint, no second issue or measure column — and what it says (an
    # extension asked for) is read as the 备注 would be
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县林业局巡察整改台账"])
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "完成情况", header, "备注"])
    ws.append([1, "林地管护不到位", "开展林地巡护", "资源股", "2026年6月30日", "已完成", None, "已报备"])
    ws.append([2, "护林员考核流于形式", "修订考核办法", "人事股", "2026年9月30日", "正在推进",
               "需县人社局会签，已申请延期至2026年12月31日", None])
    path = tmp_path / "林业局.xlsx"
    wb.save(path)
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("column-not-understood", "duplicate-header")], found
    assert [m.remark for m in read_ledger(path).measures()] == ["已报备", "需县人社局会签，已申请延期至2026年12月31日"]
    (overdue,) = [f for f in found if f["code"] == "overdue"]
    assert overdue["cell"] == "E4" and "延期" in overdue["message"]


# -- a progress cell opening with a status word the rules know (在办, 已结案, 按计划推进) -------------

def _progress_ledger(path: Path, rows: list[tuple[str | None, str]]) -> Path:
    """A county human-resources bureau: 整改状态 beside an 整改进展 that opens with the status word."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县人社局巡察整改台账"])
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态", "整改进展"])
    for i, (status, progress) in enumerate(rows, 1):
        ws.append([i, f"劳动保障监察问题{i}", f"开展专项整治{i}", "劳动监察大队", "2026年6月30日", status, progress])
    wb.save(path)
    return path


@pytest.mark.parametrize("word", ["已结案", "已办毕", "已到位", "已落实到位", "已解决"])
def test_a_blank_status_beside_progress_opening_with_a_done_word_is_pointed_at(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # the status left blank, the progress opening "已结案。…": the overdue message points at it, as
    # it does for "已完成。…"
    path = _progress_ledger(tmp_path / "人社局.xlsx", [(None, f"{word}。对3名责任人给予诫勉谈话")])
    (overdue,) = [f for f in _check(path, capsys) if f["code"] == "overdue"]
    assert f"整改进展写着“{word}”" in overdue["message"]


@pytest.mark.parametrize("word", ["在办", "按计划推进", "正常推进", "稳步推进", "已结案", "已到位"])
def test_the_notice_drops_the_ledgers_status_word_opening_the_progress(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    # "在办，已完成初稿起草" says the status, then the progress: the notice tells the progress, not
    # the ledger's word for the status (as it does for "已完成，…")
    status = "正在推进" if "推进" in word or word == "在办" else "已完成"
    path = _progress_ledger(tmp_path / "人社局.xlsx", [(status, f"{word}，已完成初稿起草，正在征求意见")])
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "开展专项整治1，已完成初稿起草" in text and f"{word}，" not in text


# -- a clue handed over to the discipline body or the courts ------------------------------------------

@pytest.mark.parametrize("said", ["拟移交县纪委监委", "待移交司法机关处理", "准备移交"])
def test_a_hand_over_to_come_is_going_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # a township's ledger of 违规发放补贴: a clue handed over is the unit's part done (DESIGN is silent:
    # kept done, as 已移交县纪委监委处理 reads); one still to hand over is going on — overdue past its
    # deadline, never a bad status
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改情况"])
    ws.append([1, "违规发放补贴", "核查违规发放补贴问题线索", "镇纪委", "2026年9月30日", said])
    path = tmp_path / "镇.xlsx"
    wb.save(path)
    codes = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in codes and codes.get("overdue") == "E2"


# -- the notice heads the categories of one ledger alike -----------------------------------------------

def test_the_categories_of_one_ledger_are_headed_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a county hospital's 问题类别 column: 医德医风 | 财务管理 | 党建工作 — the notice had headed the
    # two it knew as fields "（二）财务管理方面" and left the first "（一）医德医风"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县人民医院党委巡察反馈问题整改清单"])
    ws.append(["序号", "问题类别", "存在问题", "整改措施", "分管院领导", "责任科室", "整改时限", "整改进度"])
    ws.append([1, "医德医风", "个别医务人员收受红包", "开展医德医风专项整治", "副院长甲", "医务科", "即知即改",
               "已完成"])
    ws.append([2, "财务管理", "医疗设备采购不规范", "修订设备采购管理办法", "院长乙", "设备科", "2026年6月30日",
               "已完成"])
    ws.append([3, "党建工作", "党支部设置不合理", "调整党支部设置", "书记丙", "党办", "2026年12月31日", "按计划推进"])
    path = tmp_path / "医院.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "（一）医德医风方面" in text and "（二）财务管理方面" in text and "（三）党建工作方面" in text


def test_a_sheet_per_feedback_category_named_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a 街道 keeps a sheet per 巡察反馈问题类别: 党的领导 | 全面从严治党 | 民生保障 — the last named by a
    # field the words did not know; every sheet is an aspect, as when all of them are known fields
    wb = openpyxl.Workbook()
    for i, (name, rows) in enumerate([
            ("党的领导", [("意识形态工作责任制落实不到位", "开展意识形态研判", "党政办", "2026年6月30日", "已完成")]),
            ("全面从严治党", [("社区经费使用不规范", "开展社区经费专项审计", "财政所", "2026年12月31日", "正在推进")]),
            ("民生保障", [("低保审核把关不严", "开展低保清理整顿", "社会事务办", "2026年10月31日", "已完成")])]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"某某街道巡察反馈问题整改台账（{name}）"])
        ws.append(["序号", "巡察反馈问题", "整改措施", "责任科室", "完成时限", "整改状态"])
        for j, row in enumerate(rows, 1):
            ws.append([j, *row])
    path = tmp_path / "街道.xlsx"
    wb.save(path)
    summary = tmp_path / "汇总.xlsx"
    main(["summary", str(path), "-o", str(summary), "--as-of", "2026-11-30"])
    sheet = openpyxl.load_workbook(summary)["整改总体情况"]
    assert {r[0]: r[1] for r in sheet.iter_rows(values_only=True)}["问题方面"] == 3
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    capsys.readouterr()
    assert "（三）民生保障方面" in out.read_text(encoding="utf-8")


# -- a 问题类别 in two levels ----------------------------------------------------------------------

def _village_ledger(path: Path, upper: str, lower: str, group: bool) -> Path:
    """A village Party branch: the category in two levels, under a 问题类别 label over both or not."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某某村党总支部巡察整改台账"])
    if group:
        ws.append(["问题类别", None, "序号", "具体问题", "整改措施", "责任单位", "整改期限", "整改情况"])
        ws.append([upper, lower, None, None, None, None, None, None])
        ws.merge_cells("A2:B2")
        for c in "CDEFGH":
            ws.merge_cells(f"{c}2:{c}3")
    else:
        ws.append([upper, lower, "序号", "具体问题", "整改措施", "责任单位", "整改期限", "整改情况"])
    ws.append(["党的建设", "组织生活", 1, "三会一课不规范", "建立三会一课记录台账", "村党总支", "2026年8月31日",
               "已完成"])
    ws.append(["党的建设", "党员管理", 2, "流动党员管理缺位", "建立流动党员联系卡", "村党总支", "2026年12月31日",
               "正在推进"])
    ws.append(["村务管理", "集体资产", 3, "集体资产出租未公开招标", "清理集体资产出租合同", "村委会", "2026年9月30日",
               "已完成"])
    wb.save(path)
    return path


@pytest.mark.parametrize(("upper", "lower", "group"), [
    ("一级类别", "二级类别", True), ("问题大类", "问题小类", False), ("类别（一级）", "类别（二级）", False)])
def test_a_category_in_two_levels(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], upper: str, lower: str, group: bool) -> None:
    # the upper level groups the lower one: read as the aspects over the categories, neither column
    # lost as a duplicate (nor 问题大类 taken for the issue)
    path = _village_ledger(tmp_path / "村.xlsx", upper, lower, group)
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("duplicate-header", "header-missing")], found
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "党的建设方面" in text and "村务管理方面" in text and "（二）党员管理" in text
    assert text.index("党的建设方面") < text.index("（一）组织生活") < text.index("村务管理方面")


# -- a deadline in step with an event ------------------------------------------------------------------

@pytest.mark.parametrize("written", ["与年度考核同步", "随年度考核一并完成", "同换届工作同步推进", "结合年度述职进行"])
def test_a_deadline_in_step_with_an_event_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str) -> None:
    # a company's 完成时间节点 "与年度考核同步": a day only the event knows — the message says it names
    # an event (as for "换届前"), not that the words are not a deadline's usual ones
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "巡察发现问题", "整改举措", "整改责任部门", "配合部门", "完成时间节点", "整改完成情况"])
    ws.append(["1", "安全生产责任制落实不到位", "修订安全生产责任清单", "安全环保部", "人事部", written, "正常推进"])
    path = tmp_path / "公司.xlsx"
    wb.save(path)
    (bad,) = [f for f in _check(path, capsys) if f["code"] == "bad-deadline"]
    assert bad["cell"] == "F2" and "事件" in bad["message"]


# -- status cells: a half done, a time limit not yet reached --------------------------------------------

@pytest.mark.parametrize(("said", "overdue"), [
    ("已过半", True), ("已经过半", True), ("已近半", True),  # a share: going on, not done
    ("整改期限未到", False), ("时限未到", False), ("完成时间未到", False)])  # not yet due: going on
def test_a_half_done_or_a_time_limit_not_reached_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str, overdue: bool) -> None:
    # a county civil-affairs bureau's 整改进度: "已过半" had read as done (an action 过半 done), "整改期限
    # 未到" as no status at all; both are going on — overdue when the deadline has passed
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "具体问题", "整改措施", "责任股室", "完成时限", "整改进度"])
    ws.append([1, "养老机构消防隐患", "开展养老机构消防整治", "养老股", "2026年9月30日" if overdue else "2027年6月30日",
               said])
    path = tmp_path / "民政局.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in found and ("overdue" in found) is overdue
    summary = tmp_path / "汇总.xlsx"
    main(["summary", str(path), "-o", str(summary), "--as-of", "2026-11-30"])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(summary)["整改总体情况"]
    figures = {r[0]: r[1] for r in sheet.iter_rows(values_only=True)}
    assert (figures["已完成"], figures["正在推进"]) == (0, 1)


# -- a column of the deadline's kind, or of the issue's gravity, beside the real ones ---------------------

def test_the_kind_of_deadline_and_the_issues_gravity_are_no_second_deadline_or_issue(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a state-owned company's ledger: 问题等级 (一般/较重/严重) beside 问题, 整改期限类型 (限期整改/立行立改)
    # left of 整改时限 — the kind had been read as the deadline (限期整改: a bad deadline) and the
    # real 整改时限 dropped as a duplicate, so an overdue row went unseen
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "问题", "问题等级", "整改措施", "责任部门", "整改期限类型", "整改时限", "整改状态"])
    ws.append([1, "招投标管理不规范", "较重", "修订招标管理办法", "招采部", "限期整改", "2026年9月30日", "正在推进"])
    ws.append([2, "公车私用", "一般", "开展公车使用检查", "办公室", "立行立改", "2026年3月31日", "已完成"])
    path = tmp_path / "公司.xlsx"
    wb.save(path)
    found = [(f["code"], f["cell"]) for f in _check(path, capsys)]
    assert ("overdue", "G2") in found
    assert not [c for c, _ in found if c in ("bad-deadline", "duplicate-header")], found


@pytest.mark.parametrize("header", ["是否已完成", "是否已整改", "完成与否", "整改到位与否", "是否已办结"])
def test_a_yes_or_no_column_said_with_yi_or_yufou_is_the_status(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    # a township's only status column, "是否已完成" answered 是/否: it had been no column at all
    # (header-missing 整改状态, every row's status unread)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "完成时限", header])
    ws.append([1, "村务公开不及时", "规范村务公开栏", "党政办", "2026年7月31日", "是"])
    ws.append([2, "惠民资金发放滞后", "核查惠民资金发放", "财政所", "2026年9月30日", "否"])
    path = tmp_path / "乡.xlsx"
    wb.save(path)
    found = [(f["code"], f["cell"]) for f in _check(path, capsys)]
    assert "header-missing" not in [c for c, _ in found] and ("overdue", "E3") in found
    assert [m.status.value if m.status else None for m in read_ledger(path).measures()] == ["已完成", "正在推进"]


@pytest.mark.parametrize("said", ["需上级政策支持", "需资金支持", "有待上级政策明确", "待上级政策出台"])
def test_a_status_waiting_on_policy_or_money_from_above_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # a natural-resources bureau's 整改状态 "需上级政策支持": the unit cannot finish it alone, the work
    # goes on (as "需上级部门支持" reads) — overdue past its deadline, not a bad status
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "历史遗留不动产登记问题", "分类处置遗留问题", "登记中心", "2026年9月30日", said])
    path = tmp_path / "自然资源局.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in found and found.get("overdue") == "E2"


@pytest.mark.parametrize("progress", ["已制定整改方案，正在组织实施", "已印发通知，正在督促落实",
                                      "已制定方案，正在抓紧组织推进"])
def test_a_step_done_then_the_work_set_going_is_not_done(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], progress: str) -> None:
    # a ledger keeping only 整改进展情况: "已制定整改方案，正在组织实施" — a step done, the work itself
    # going on (as "…，正在推进" reads); it had read 已完成, so the overdue row was not called overdue
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改进展情况"])
    ws.append([1, "农村人居环境整治不到位", "开展村庄清洁行动", "农业农村局", "2026年9月30日", progress])
    path = tmp_path / "县.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert found.get("overdue") == "E2"


@pytest.mark.parametrize("said", ["按照时间节点推进", "正按照时间节点推进", "按照方案推进", "按既定计划推进"])
def test_going_on_as_planned_said_with_anzhao(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # 按照… is 按… ("按时间节点推进" read 正在推进; "按照时间节点推进" had been a bad status)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "城乡环卫一体化推进缓慢", "完善环卫作业考核办法", "环卫所", "2026年9月30日", said])
    path = tmp_path / "城管局.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in found and found.get("overdue") == "E2"


@pytest.mark.parametrize("said", ["待印发", "待县政府签发", "待会签", "将于年底完成", "将于12月底前完成"])
def test_a_document_awaiting_issue_or_work_to_finish_later_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # "待印发" (the document drafted, only its issuing to come) and "将于年底完成" (as "拟年底前完成"
    # reads) are going on — they had been bad statuses
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "议事规则不健全", "修订党组会议事规则", "办公室", "2026年9月30日", said])
    path = tmp_path / "局.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in found and found.get("overdue") == "E2"


@pytest.mark.parametrize("account", ["经核查，反映问题不属实，已向巡察组说明。", "开展自查自纠，未发现类似问题。",
                                     "经核查，未发现违规问题，已向巡察组反馈。"])
def test_an_account_of_a_problem_checked_and_not_found_is_done(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], account: str) -> None:
    # a ledger whose 整改落实情况 is its only word on the work: the problem checked and found not to be
    # (or nothing of the kind found) is closed by that check — as a status cell "经核查不属实" reads —
    # not a row with no status (bad-status)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改落实情况"])
    ws.append([1, "群众反映村干部优亲厚友", "核查村干部优亲厚友问题", "镇纪委", "2026年9月30日", account])
    path = tmp_path / "镇.xlsx"
    wb.save(path)
    found = {f["code"] for f in _check(path, capsys)}
    assert not found & {"bad-status", "missing-status", "overdue"}, found


@pytest.mark.parametrize("mark", ["{n}.", "（{cn}）"])
def test_sheets_per_category_numbered_are_aspects_each(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], mark: str) -> None:
    # the sheets numbered "1.党的领导" | "2.全面从严治党" | "3.民生保障": the last, a field the words do
    # not know, had been no aspect, and its issues told under the aspect before it
    wb = openpyxl.Workbook()
    for i, name in enumerate(["党的领导", "全面从严治党", "民生保障"]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = mark.format(n=i + 1, cn="一二三"[i]) + name
        ws.append(["序号", "巡察反馈问题", "整改措施", "责任科室", "完成时限", "整改状态"])
        ws.append([1, f"{name}方面问题{i + 1}", f"{name}方面措施{i + 1}", "党政办", "2027年6月30日", "正在推进"])
    path = tmp_path / "街道.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "（三）民生保障方面" in text and text.index("（三）民生保障方面") < text.index("民生保障方面问题3")


def test_closure_said_with_who_checked_it_or_where_the_application_went(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "已完成，经巡察办审核同意销号" is closed (as "巡察办已同意销号" reads; it had been done, not
    # closed); "销号申请已报巡察办" is done and waiting for its closure (it had been a bad status)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态", "佐证材料"])
    ws.append([1, "公务用车管理不规范", "修订公务用车管理办法", "办公室", "2026年6月30日",
               "已完成，经巡察办审核同意销号",
               "管理办法"])
    ws.append([2, "会议费支出超标", "清退超标会议费", "财务股", "2026年6月30日", "销号申请已报巡察办", "退款凭证"])
    path = tmp_path / "局.xlsx"
    wb.save(path)
    assert "bad-status" not in {f["code"] for f in _check(path, capsys)}
    summary = tmp_path / "汇总.xlsx"
    main(["summary", str(path), "-o", str(summary), "--as-of", "2026-11-30"])
    capsys.readouterr()
    figures = {r[0]: r[1] for r in openpyxl.load_workbook(summary)["整改总体情况"].iter_rows(values_only=True)}
    assert (figures["已完成"], figures["其中：已销号"]) == (2, 1)


@pytest.mark.parametrize("said", ["明年实施", "下半年开工", "明年初启动", "次年实施"])
def test_a_status_naming_when_the_work_is_to_start_is_not_started(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # "明年实施" says the work has not begun, as "计划明年启动" does — it had been a bad status
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "老旧小区改造滞后", "实施老旧小区改造", "城建股", "2027年12月31日", said])
    path = tmp_path / "住建局.xlsx"
    wb.save(path)
    assert "bad-status" not in {f["code"] for f in _check(path, capsys)}
    assert [m.status.value if m.status else None for m in read_ledger(path).measures()] == ["未启动"]


@pytest.mark.parametrize("said", ["已动员部署", "已专题部署", "已全面部署", "已召开会议部署"])
def test_work_said_set_in_motion_is_going_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # "已动员部署" is the work set in motion, as "已研究部署" / "已安排部署" read — it had been a bad status
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "安全生产隐患排查不彻底", "开展安全生产大排查", "安监股", "2026年9月30日", said])
    path = tmp_path / "应急局.xlsx"
    wb.save(path)
    found = {f["code"]: f["cell"] for f in _check(path, capsys)}
    assert "bad-status" not in found and found.get("overdue") == "E2"


@pytest.mark.parametrize("deadline", ["2026年6月30日前完成，此后每年开展一次", "2026年6月底前建立制度，每半年报告一次",
                                      "2026年6月底前完成，以后每季度检查一次"])
def test_a_deadline_with_a_check_kept_up_after_it_is_dated_and_long_term(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], deadline: str) -> None:
    # "…前完成，此后每年开展一次" is a date and long-term work after it, as "…前完成并长期坚持" is: a row
    # 长期坚持 past the date is no long-term-past-deadline warning (which asks for that very wording)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "廉政风险排查不深入", "开展廉政风险点排查", "纪检室", deadline, "长期坚持"])
    path = tmp_path / "局.xlsx"
    wb.save(path)
    assert not {f["code"] for f in _check(path, capsys)} & {"long-term-past-deadline", "overdue"}
