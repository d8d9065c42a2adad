"""Round thirty: ledgers as other offices write them (a county procuratorate, a water-resources
bureau, a transport bureau, a meteorological bureau, a grain reserve …), built here with openpyxl
the way a clerk would (units, people and texts are fictional)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from rectxl.io.reader import read_ledger
from tests.test_ledger_round29 import _check, _ledger


def _statuses(path: Path) -> list[str | None]:
    return [m.status and str(m.status) for m in read_ledger(path).measures()]


# -- 整改进度（%） of shares beside 整改情况 of accounts: the shares are the status -----------------------

@pytest.mark.parametrize("account_header", ["整改情况", "完成情况"])
def test_shares_are_the_status_beside_an_account_named_as_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], account_header: str) -> None:
    # a procuratorate keeps how far each measure got in 整改进度（%） (100, 0.8 typed in a cell
    # formatted as a percentage, "80%") and writes what was done in 整改情况: the shares are the
    # status (it had read the accounts as statuses — three bad statuses and a missing one, no
    # overdue measure found)
    path = _ledger(tmp_path / "检察院.xlsx", "县人民检察院党组巡察整改台账",
                   ["编号", "存在问题", "整改措施", "责任部门", "整改时限", "整改进度（%）", account_header], [
                       [1, "公益诉讼线索摸排不深", "开展线索排查", "第四检察部", "2026年8月底", 100, "排查线索45条"],
                       [2, "检察建议跟踪不够", "建立跟踪回访机制", "第二检察部", "2026年10月底", 0.4, "初稿已形成"],
                       [3, "案件评查流于形式", "修订评查办法", "案件管理部", "2026年9月底", "80%", "已征求意见"],
                       [4, "干警培训针对性不强", "制定年度培训计划", "政治部", "2026年12月底", 0, None],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("bad-status", "missing-status")]
    assert sorted(f["cell"] for f in found if f["code"] == "overdue") == ["E5", "E6"]
    assert _statuses(path) == ["已完成", "正在推进", "基本完成", "未启动"]
    assert [m.progress for m in read_ledger(path).measures()][:2] == ["排查线索45条", "初稿已形成"]


# -- a 整改类型 column and no deadline column: the kind is the deadline -----------------------------------

@pytest.mark.parametrize("kind_header", ["整改类型", "整改方式"])
def test_a_kind_column_alone_gives_the_deadlines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind_header: str) -> None:
    # a water-resources bureau keeps no 整改时限 column, only how each measure is to be done: the
    # kinds are the deadlines — 即知即改 due at once (unfinished: overdue), 长期整改 kept up, a
    # 限时整改 naming no date told at its cell (it had been "缺少必需列“整改时限”" and a bad
    # deadline quoting “None” at no cell)
    path = _ledger(tmp_path / "水利局.xlsx", "县水利局巡察整改工作台账",
                   ["序号", "问题", "整改措施", "责任股室", kind_header, "整改状态", "整改成效"], [
                       [1, "巡河记录不实", "开展巡河记录核查", "河湖管理股", "即知即改", "已完成", "核查记录320份"],
                       [2, "水库鉴定滞后", "完成小型水库安全鉴定", "水利工程股", "限时整改", "推进中", "已完成8座"],
                       [3, "水资源费征收不严", "健全征收台账", "水资源股", "长期整改", "持续推进", "已建立台账"],
                       [4, "防汛物资储备不足", "补充防汛物资", "防汛办", "即知即改", "正在采购", None],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "header-missing"]
    (bad,) = [f for f in found if f["code"] == "bad-deadline"]
    assert bad["cell"] == "E5" and "限时整改" in bad["message"] and "None" not in bad["message"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["E7"]


# -- one cell naming the owner, the person and the deadline ------------------------------------------

@pytest.mark.parametrize("header", ["责任单位、责任人及完成时限", "牵头单位及完成时间", "责任主体和整改时限"])
def test_an_owner_cell_naming_the_deadline_gives_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    # a transport bureau writes who answers and by when in one cell ("县交通运输局运输股 赵某
    # 2026年9月30日前"): the deadline is read from it, at that cell, and the unit without it (it had
    # been "缺少必需列“整改时限”", no overdue measure found)
    path = _ledger(tmp_path / "交通局.xlsx", "县交通运输局巡察反馈意见整改台账",
                   ["序号", "反馈问题", "整改措施", header, "完成情况"], [
                       [1, "养护资金不规范", "开展专项审计", "县交通运输局财务股 王某某 2026年6月底前", "已完成"],
                       [2, "治超不力", "联合治超", "县交通运输执法大队/李某/2026年12月底前", "正在整改"],
                       [3, "客运站安全隐患", "完成消防设施改造", "县交通运输局运输股　赵某　2026年9月30日前", "整改中"],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("header-missing", "missing-deadline", "bad-deadline")]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["D6"]
    measures = read_ledger(path).measures()
    assert [m.deadline.due and m.deadline.due.isoformat() for m in measures] == [
        "2026-06-30", "2026-12-31", "2026-09-30"]
    assert not [m.owner_unit for m in measures if "2026" in m.owner_unit]


# -- a completion month written with a dot, a dash or a slash is some day of that month --------------

@pytest.mark.parametrize("month", ["2026.11", "2026-11", "2026/11", "2026.11月"])
def test_a_completion_month_in_the_month_of_the_report_is_not_in_the_future(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str) -> None:
    # a meteorological bureau writes when work was done to the month ("2026.11"): checked on
    # 20 November, it may have been done on any day before — no completion-in-future (it had been
    # read as 30 November, "晚于截至日期"); December is still in the future
    path = _ledger(tmp_path / "气象局.xlsx", "县气象局巡察整改台账",
                   ["序号", "问题", "整改措施", "责任科室", "整改时限", "整改状态", "完成时间"], [
                       [1, "观测站维护不到位", "开展自动站巡检", "观测科", "2026年11月", "已完成", month],
                       [2, "预警发布不及时", "优化预警发布流程", "预报科", "2026年12月", "已完成", "2026.12"],
                   ])
    found = _check(path, capsys)
    assert [f["cell"] for f in found if f["code"] == "completion-in-future"] == ["G5"]


# -- 正在推进 past its date, the 备注 saying the work is long term -------------------------------------

@pytest.mark.parametrize("remark", ["此项为长期任务", "持续推进，长期坚持", "该项属长期性工作", "常态化推进"])
def test_a_remark_naming_long_term_work_is_no_overdue(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], remark: str) -> None:
    # an audit bureau keeps a standing rule 正在推进 with a date long gone and writes in 备注 that it
    # is long-term work: not red overdue (nor in the summary's 逾期清单) but the question the ledger
    # asks of 长期坚持 past a plain date, quoting the remark (it had been overdue, the remark unread);
    # a remark only saying the work goes on ("持续推进中"), or work not started, stays overdue
    path = _ledger(tmp_path / "审计局.xlsx", "县审计局巡察整改台账",
                   ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改状态", "备注"], [
                       [1, "审计质量控制不严", "执行三级复核制度", "审理股", "2026年5月31日", "正在推进", remark],
                       [2, "整改跟踪不到位", "建立跟踪督办机制", "办公室", "2026年6月30日", "正在推进", "持续推进中"],
                       [3, "审计人员培训不足", "开展业务培训", "人事股", "2026年9月30日", "未启动", remark],
                   ])
    found = _check(path, capsys)
    assert sorted(f["cell"] for f in found if f["code"] == "overdue") == ["E5", "E6"]
    (asked,) = [f for f in found if f["code"] == "long-term-past-deadline"]
    assert asked["cell"] == "E4" and remark in asked["message"] and "正在推进" in asked["message"]
    out = tmp_path / "汇总.xlsx"
    main(["summary", str(path), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    overdue_sheet = openpyxl.load_workbook(out)["逾期清单"]
    listed = [row[2] for row in overdue_sheet.iter_rows(min_row=3, values_only=True) if row[2]]
    assert listed == ["建立跟踪督办机制", "开展业务培训"]


# -- 联系电话 and 督办情况 are the office's own columns, not columns rectxl failed to understand ---------

@pytest.mark.parametrize(("phone", "pressed"),
                         [("联系电话", "督办情况"), ("手机号码", "督办人"), ("联系方式", "催办记录")])
def test_contact_and_supervision_record_columns_are_not_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], phone: str, pressed: str) -> None:
    # a statistics bureau keeps each person's phone and who pressed them: nothing to check, nothing
    # to map — no "rectxl 不认识" note on them (there had been one per column); an inspecting group's
    # opinion (督导组意见), which may carry a verdict, is still pointed out
    header = ["序号", "问题", "整改措施", "责任股室", "责任人", phone, "整改时限", "整改状态", pressed, "督导组意见"]
    path = _ledger(tmp_path / "统计局.xlsx", "县统计局巡察整改台账", header, [
        [1, "数据质量不高", "开展数据质量核查", "综合股", "胡某", "13800000001", "2026年9月", "已完成", "已督办", None],
        [2, "执法检查少", "开展执法检查", "法规股", "马某", "13800000002", "2026年12月", "正在推进", "10月督办一次",
         "抓紧推进"],
    ])
    found = _check(path, capsys)
    assert [f["cell"] for f in found if f["code"] == "column-not-understood"] == ["J3"]


# -- a share done is published as the status it stands for, not as a bare number ---------------------

@pytest.mark.parametrize("share", ["85%", 85, "90％"])
def test_a_share_mostly_done_reads_in_the_notice_as_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], share: Any) -> None:
    # a grain reserve keeps 整改进度（%） beside its 整改进展: a measure 85% done was published
    # "…，计划已报批，85%。" — the number where the notice says how far the work got; it reads
    # "已基本完成", as the same share does with no progress beside it
    path = _ledger(tmp_path / "粮库.xlsx", "县粮食储备库巡察整改台账",
                   ["序号", "问题", "整改措施", "责任人", "责任股室", "整改时限", "整改进度（%）", "整改进展"], [
                       [1, "储备粮轮换不及时", "制定轮换计划", "叶某", "仓储股", "2026年12月", share, "计划已报批"],
                       [2, "出入库台账不规范", "规范出入库台账", "余某", "仓储股", "2026年9月", 100, "已规范"],
                   ])
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "1.储备粮轮换不及时。制定轮换计划，计划已报批，已基本完成。" in text
    measures = [line for line in text.splitlines() if line.strip().startswith(("1.", "2."))]
    assert len(measures) == 2 and not [line for line in measures if "%" in line or "％" in line]


# -- a 填报单位 left blank names no unit "填报时间" --------------------------------------------------------

@pytest.mark.parametrize("line", ["填报单位（盖章）：　　　　　　填报时间：2026年11月18日",
                                  "报送单位：      报送日期：2026年11月18日",
                                  "填报单位:\u3000\u3000\u3000填表日期:2026年11月18日"])
def test_a_blank_filler_unit_does_not_name_the_next_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str) -> None:
    # a water station's clerk leaves the 填报单位 of the template's stamp line blank under a title
    # naming no unit: the notice asks for the unit's name (it had been signed "填报时间关于巡察整改
    # 进展情况的通报", the next label read as the unit); the date beside it is still the report date
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["巡察反馈问题整改落实台账"])
    ws.append([line])
    ws.append(["序号", "问题", "整改措施", "责任股室", "整改时限", "整改状态"])
    ws.append([1, "农村供水水质检测不足", "开展水质抽检", "供水股", "2026年9月", "已完成"])
    path = tmp_path / "水务站.xlsx"
    wb.save(path)
    info = read_ledger(path).info
    assert not info.unit_name and info.report_date is not None and info.report_date.isoformat() == "2026-11-18"
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    assert out.read_text(encoding="utf-8").splitlines()[0] == "【请填写单位名称】关于巡察整改进展情况的通报"


# -- a title naming a reserve, a party school, a forest farm … names the unit ------------------------

@pytest.mark.parametrize(("title", "signed"), [
    ("县粮食储备库巡察整改台账", "县粮食储备库"),
    ("中共某县委党校巡察反馈问题整改台账", "中共某县委党校"),
    ("县国有青龙山林场落实巡察反馈意见整改台账", "县国有青龙山林场"),
    ("县自来水厂巡察整改工作台账", "县自来水厂"),
    ("县乌兰牧骑艺术团巡察整改台账", "县乌兰牧骑艺术团"),
    ("县气象台巡察整改台账", "县气象台"),
])
def test_a_title_naming_a_unit_of_another_kind_signs_the_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str, signed: str) -> None:
    # the title names the unit inspected as these units end their names (储备库, 党校, 林场, 水厂,
    # 艺术团, 气象台): the notice is signed by it (it had asked “【请填写单位名称】”)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["填报日期：2026年11月18日"])
    ws.append(["序号", "问题", "整改措施", "责任科室", "整改时限", "整改状态"])
    ws.append([1, "内控制度不健全", "修订内控制度", "办公室", "2026年9月", "已完成"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    assert out.read_text(encoding="utf-8").splitlines()[0] == f"{signed}关于巡察整改进展情况的通报"


# -- a yes/no column's no, then which no: "否（未启动）" ------------------------------------------------

@pytest.mark.parametrize("said", ["否（未启动）", "否(尚未开始)", "未完成（暂未启动）", "否，尚未启动"])
def test_a_no_saying_not_begun_is_not_started(tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # an archives bureau answers 是否完成 with 否 and says in brackets which no: not begun (it had been
    # a bad status, while "否（正在推进）" read as going on)
    path = _ledger(tmp_path / "档案馆.xlsx", "县档案馆巡察整改台账",
                   ["序号", "问题", "整改措施", "责任科室", "整改时限", "是否完成", "备注"], [
                       [1, "档案数字化滞后", "推进馆藏档案数字化", "技术科", "2026年10月31日", "否（正在推进）", None],
                       [2, "库房温湿度不达标", "更换库房空调", "保管科", "2026年10月31日", said, None],
                       [3, "借阅登记不规范", "规范借阅登记", "利用科", "2026年8月31日", "是（已完成）", None],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    assert sorted(f["cell"] for f in found if f["code"] == "overdue") == ["E4", "E5"]
    assert _statuses(path) == ["正在推进", "未启动", "已完成"]


# -- a plan or the groundwork done is work going on --------------------------------------------------

@pytest.mark.parametrize("said", ["已完成方案", "已完成实施方案", "已完成摸排", "已完成征求意见"])
def test_a_plan_or_groundwork_done_is_going_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # a housing fund centre writes that a step was done, as "已完成设计" or "已完成调研" are read: the
    # work goes on (it had been a bad status), and past its date it is overdue
    path = _ledger(tmp_path / "公积金中心.xlsx", "县住房公积金管理中心巡察整改台账",
                   ["序号", "问题", "整改措施", "责任科室", "整改时限", "整改状态"], [
                       [1, "提取审核把关不严", "修订提取审核办法", "归集科", "2026年10月31日", said],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-status"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["E4"]
    assert _statuses(path) == ["正在推进"]


# -- a check or clean-up kept going is long-term work ------------------------------------------------

@pytest.mark.parametrize("said", ["持续清理", "常态化排查", "持续优化", "长期巡查"])
def test_a_check_kept_going_is_long_term(tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    # a tobacco monopoly bureau keeps clearing and checking, as "持续整治" or "常态化监管" say: 长期坚持
    # under a long-term deadline, no finding (it had been a bad status)
    path = _ledger(tmp_path / "烟草局.xlsx", "县烟草专卖局巡察整改台账",
                   ["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态"], [
                       [1, "无证经营查处不力", "开展无证经营专项清理", "专卖管理科", "长期坚持", said],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] in ("bad-status", "overdue")]
    assert _statuses(path) == ["长期坚持"]


# -- the stamp line written "单位（盖章）：…党组" or "填表单位：…" names who signs ---------------------------

@pytest.mark.parametrize("line", ["单位（盖章）：县司法局党组　　　　　　　2026年11月18日",
                                  "填表单位：县司法局党组　　　填表日期：2026年11月18日",
                                  "上报单位（盖章）:县司法局党组  上报时间:2026年11月18日"])
def test_the_stamp_line_names_the_party_group_that_signs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str) -> None:
    # a justice bureau's template heads its stamp line 单位（盖章） or 填表单位: the party group named there
    # signs the notice, as under 填报单位 (it had been signed by the bureau the title names)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县司法局巡察整改台账"])
    ws.append([line])
    ws.append(["序号", "问题", "整改措施", "责任股室", "完成时限", "整改状态"])
    ws.append([1, "社区矫正监管不严", "开展矫正对象排查", "社区矫正股", "2026年10月", "已完成"])
    path = tmp_path / "司法局.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "县司法局党组关于巡察整改进展情况的通报"
    assert "县司法局党组" in lines[-3:]
    # the unit a table's amounts are in ("单位：万元") is no one to sign
    ws.cell(2, 1, "单位：万元")
    wb.save(path)
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-20", "--force"])
    capsys.readouterr()
    assert out.read_text(encoding="utf-8").splitlines()[0] == "县司法局关于巡察整改进展情况的通报"


# -- a deadline saying the work was put right during the inspection ----------------------------------

@pytest.mark.parametrize("due", ["巡察期间已整改", "已于巡察期间整改", "巡视中已整改到位", "反馈前已整改"])
def test_a_deadline_of_the_inspection_itself_is_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], due: str) -> None:
    # an agriculture bureau writes in its 整改时限 that the work was put right while the inspectors
    # were there (or before they fed back): due at once, as 边巡边改 is — no bad deadline (it had been
    # "无法识别"), and a measure so dated still going on is overdue
    path = _ledger(tmp_path / "农业农村局.xlsx", "县农业农村局巡察整改台账",
                   ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改状态"], [
                       [1, "惠农补贴公示不及时", "补充公示补贴名单", "计财股", due, "已完成"],
                       [2, "农机购置补贴核查不严", "开展补贴机具核查", "农机股", due, "正在推进"],
                   ])
    found = _check(path, capsys)
    assert not [f for f in found if f["code"] == "bad-deadline"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["E5"]


# -- a completion day struck out under a long-term deadline ------------------------------------------

@pytest.mark.parametrize("struck", ["——", "/", "无"])
def test_a_struck_out_completion_day_of_long_term_work_is_not_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], struck: str) -> None:
    # a housing fund centre marks a long-term measure done and strikes out its 实际完成时间: kept-up
    # work has no day it was finished, and the clerk said so — no missing-completion-date (there had
    # been one); under a date the struck-out day is still asked for
    path = _ledger(tmp_path / "公积金中心.xlsx", "县住房公积金管理中心巡察整改台账",
                   ["序号", "问题", "整改措施", "责任科室", "整改时限", "实际完成时间", "整改状态"], [
                       [1, "政策宣传不到位", "常态化开展政策宣传", "归集科", "长期坚持", struck, "已完成"],
                       [2, "贷款审核不严", "修订贷款审核办法", "信贷科", "2026年9月30日", struck, "已完成"],
                   ])
    found = _check(path, capsys)
    assert [f["cell"] for f in found if f["code"] == "missing-completion-date"] == ["F5"]
