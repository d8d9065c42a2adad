"""The notice as a 巡察办 reviews it: wording that contradicts the status, notes to the office,
column labels, planned dates, overdue plans, traditional characters, bare measures, the date it is
signed on. Fictional ledgers built here (openpyxl) or measures made directly."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from rectxl import api
from rectxl.core.deadline import parse_deadline
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice.render import measure_sentence, notice_blocks, section_two_blocks
from rectxl.core.status import read_status

AS_OF = date(2026, 11, 30)
HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"]


def _m(text: str, status: str = "", progress: str = "", deadline: str = "2026年12月31日") -> Measure:
    """A measure as the reader makes it from its cells."""
    reading = read_status(status)
    return Measure(text=text, status=reading.status, status_text=status, stage=reading.stage,
                   continuing=reading.continuing, progress=progress,
                   deadline=parse_deadline(deadline, feedback_date=date(2026, 5, 20)))


def _say(text: str, status: str = "", progress: str = "", deadline: str = "2026年12月31日", *,
         as_of: date | None = AS_OF) -> str:
    return measure_sentence(_m(text, status, progress, deadline), as_of=as_of, statuses=True)


def _book(path: Path, rows: Sequence[Sequence[Any]], info: Sequence[Sequence[Any]] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    for row in [HEADER, *rows]:
        ws.append(list(row))
    if info:
        sheet = wb.create_sheet("基本信息")
        for row in info:
            sheet.append(list(row))
    wb.save(path)
    return path


def _notice(tmp_path: Path, rows: Sequence[Sequence[Any]], info: Sequence[Sequence[Any]] = (),
            as_of: date | None = AS_OF) -> str:
    path = _book(tmp_path / "台账.xlsx", rows, info)
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=as_of, today=AS_OF)
    return out.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# 1. the status column says how far the work got
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "progress", "expected"), [
    ("正在推进", "已完成", "完善值班制度，正在推进"),         # the progress's word says more: not published
    ("推进中", "完成", "完善值班制度，正在推进"),
    ("已完成", "正在推进", "完善值班制度，已完成"),          # nor less
    ("基本完成", "已完成", "完善值班制度，已基本完成"),
    ("已完成", "已完成，待验收", "完善值班制度，已完成"),      # a stage still to come: not the status
    ("已完成，待验收", "", "完善值班制度，已完成"),
    ("已整改，待销号", "", "完善值班制度，已完成"),
    ("已完成", "已整改，等待销号", "完善值班制度，已完成"),
])
def test_the_status_column_decides_the_wording(status: str, progress: str, expected: str) -> None:
    assert _say("完善值班制度", status, progress) == expected


def test_a_status_going_on_in_its_cell_is_one_sentence() -> None:
    assert _say("规范印章管理", "已完成，并长期坚持") == "规范印章管理，已完成并长期坚持"
    assert _say("规范印章管理。", "已完成", "已完成，并长期坚持。") == "规范印章管理，已完成并长期坚持。"
    assert _say("规范印章管理", "已完成", "长期坚持") == "规范印章管理，已完成并长期坚持"
    said = _say("规范印章管理", "已完成", "已完成。下一步将每季度抽查用印登记")
    assert said == "规范印章管理，已完成。下一步将每季度抽查用印登记"
    said = _say("规范印章管理", "已完成。后续将纳入年度考核")
    assert said.startswith("规范印章管理，已完成。后续将纳入年度考核")


def test_a_measure_counted_done_never_reads_as_planned_or_under_way() -> None:
    said = _say("对超标准配车问题开展谈话提醒", "已完成", "拟于12月对相关人员开展谈话提醒")
    assert said.startswith("对超标准配车问题开展谈话提醒，已完成。拟于12月")
    assert _say("清理闲置资产", "已完成", "正在核对资产卡片") == "清理闲置资产，已完成"
    assert _say("清理闲置资产", "已完成", "尚未完成资产处置") == "清理闲置资产，已完成"
    assert _say("清理闲置资产", "已完成", "资产卡片核对中") == "清理闲置资产，已完成"
    # "下一步将" + the measure again says nothing the status does not
    assert _say("组织业务培训", "已完成", "下一步将组织业务培训") == "组织业务培训，已完成"
    # a result that merely says something was not found is a result, not "not done"
    assert "未发现" in _say("开展自查", "已完成", "未发现违规问题")


def test_the_totals_and_the_sentences_agree(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        [1, "值班制度不健全", "完善值班制度", "办公室", "2026年12月31日", "正在推进", "已完成"],
        [2, "值班制度不健全", "开展值班抽查", "办公室", "2026年9月30日", "已完成", "正在推进"],
    ])
    assert "完善值班制度，正在推进。" in text and "开展值班抽查，已完成。" in text
    assert "已完成1项、正在推进1项" in text


# ---------------------------------------------------------------------------
# 2. notes to the office are not published
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("progress", "kept", "gone"), [
    ("已修订会议制度（见附件3）并印发", "已修订会议制度并印发", "附件"),
    ("已召开培训会2场，详见佐证材料4-2，参训80人", "已召开培训会2场，参训80人", "佐证"),
    ("已建立物资台账。佐证材料：台账复印件", "已建立物资台账", "佐证"),
    ("已走访商户40家（10月更新）", "已走访商户40家", "更新"),
    ("改造工程已完工70%（待核实）", "改造工程已完工70%", "核实"),
    ("已开展警示教育1次，备注：需补充签到表", "已开展警示教育1次", "备注"),
    ("已召开推进会，相关材料已上传整改系统", "已召开推进会", "上传"),
    ("已建立（联系人：李四，电话13912345678）", "", "139"),
    ("已公示，联系人李四，手机：13912345678，佐证不全", "已公示", "佐证"),
    ("已召开推进会3次，需补充会议记录", "已召开推进会3次", "补充"),
    ("已召开推进会3次。附件：会议纪要", "已召开推进会3次", "附件"),
])
def test_notes_to_the_office_are_left_out_wherever_they_stand(progress: str, kept: str,
                                                               gone: str) -> None:
    said = _say("落实值守责任", "已完成", progress)
    assert gone not in said
    assert not re.search(r"1[3-9]\d{9}", said)  # never a mobile number
    assert kept in said


def test_notes_about_the_work_itself_are_kept() -> None:
    assert "经核实，问题属实" in _say("核查信访线索", "已完成", "经核实，问题属实，已立案1件")
    assert "另有2万元正在追缴" in _say("追回违规资金", "正在推进", "已追回5万元（注：另有2万元正在追缴）")
    assert "电话回访群众30户" in _say("开展满意度回访", "已完成", "电话回访群众30户")
    assert "建立联系群众制度" in _say("建立联系群众制度", "已完成")


def test_a_mobile_number_is_never_published(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        [1, "服务不到位", "设立服务专线", "办公室", "2026年9月30日", "已完成",
         "已设立服务专线，负责人王五13700001111"],
    ])
    assert not re.search(r"1[3-9]\d{9}", text)
    assert "已设立服务专线" in text


# ---------------------------------------------------------------------------
# 3. column labels, list marks and lines
# ---------------------------------------------------------------------------

def test_column_labels_are_not_published() -> None:
    assert _say("措施3：修订采购办法", "已完成", "已印发新办法") == "修订采购办法，已印发新办法"
    assert _say("举措1:规范合同审查", "已完成").startswith("规范合同审查")
    assert _say("任务2：清理往来款项", "正在推进").startswith("清理往来款项")
    said = _say("措施：规范公车使用；进展：已安装定位设备12台", "已完成")
    assert said == "规范公车使用，已安装定位设备12台"
    assert _say("完善值班制度", "已完成", "进展：已印发值班表") == "完善值班制度，已印发值班表"


def test_a_cell_of_only_a_list_mark_is_no_measure() -> None:
    assert _say("二是", "已完成", "已完成") == ""
    issue = Issue(title="制度执行不严", measures=[_m("完善值班制度", "已完成"), _m("三是", "已完成")])
    ledger = Ledger(info=LedgerInfo(), aspects=[Aspect(title=None, categories=[
        Category(title=None, issues=[issue])])])
    paragraph = section_two_blocks(ledger, as_of=AS_OF)[-1].text
    assert "三是" not in paragraph and "已完成。" in paragraph


def test_colons_and_brackets_of_the_cell_do_not_leak() -> None:
    assert _say("开展票据清理：", "已完成", "清理票据300张") == "开展票据清理，清理票据300张"
    assert _say("开展示范点建设\n（分三批推进）", "正在推进") == "开展示范点建设（分三批推进），正在推进"
    assert _say("完善制度\n加强监督", "正在推进") == "完善制度；加强监督，正在推进"


def test_a_result_does_not_name_the_actions_object_again() -> None:
    assert _say("制定年度培训计划", "已完成", "已印发年度培训计划") == "制定年度培训计划，已印发"
    # the result being the action again is :func:`_combine`'s to decide
    said = _say("建立工作台账", "已完成", "已建立工作台账，登记事项20条")
    assert said == "已建立工作台账，登记事项20条"


# ---------------------------------------------------------------------------
# 4/5. planned dates, and plans whose date has passed
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("deadline", "when"), [
    ("2027年春节前", "2027年2月5日"),
    ("2027年春季", "2027年5月底"),
    ("2027年1-3月", "2027年3月底"),
    ("2027年7月至12月", "2027年12月底"),
    ("2027年上半年", "2027年6月底"),
    ("2027年第二季度", "2027年6月底"),
    ("2027年4月", "2027年4月底"),
    ("2027年", "2027年底"),
    ("2027年底前", "2027年底"),
    ("2027年6月15日", "2027年6月15日"),
])
def test_a_planned_measure_names_the_computed_due_date(deadline: str, when: str) -> None:
    m = _m("建设档案室", "未启动", "", deadline)
    assert m.deadline.due is not None
    assert measure_sentence(m, as_of=AS_OF) == f"计划于{when}前建设档案室"


def test_a_verb_opening_with_ni_is_no_plan() -> None:
    for verb in ("拟定", "拟订", "拟制"):
        said = _say(f"{verb}收费标准调整方案", "未启动", "", "2027年6月30日")
        assert said == f"计划于2027年6月30日前{verb}收费标准调整方案"
    assert _say("拟于明年开展评估", "未启动", "", "2027年6月30日") == "拟于明年开展评估"


def test_a_not_started_measure_past_its_deadline_is_not_a_plan() -> None:
    assert _say("建设监测平台", "未启动", "", "2026年10月底前") == "建设监测平台，尚未启动"
    assert _say("建设监测平台", "未启动", "", "立行立改") == "建设监测平台，尚未启动"
    said = _say("建设监测平台", "未启动", "计划12月完成选址", "2026年10月31日")
    assert said == "建设监测平台，尚未启动，计划12月完成选址"
    # without a date to judge by, or with a long-term deadline, it stays planned work
    said = _say("建设监测平台", "未启动", "", "2026年10月31日", as_of=None)
    assert said == "计划于2026年10月31日前建设监测平台"
    assert _say("建设监测平台", "未启动", "", "长期坚持") == "拟建设监测平台"


def test_an_overdue_plan_reads_as_the_totals_count_it(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        [1, "档案管理不规范", "建设档案室", "办公室", "2026年9月30日", "未启动", ""],
        [2, "档案管理不规范", "开展档案数字化", "办公室", "2027年6月", "未启动", ""],
    ])
    assert "建设档案室，尚未启动。" in text and "拟建设档案室" not in text
    assert "计划于2027年6月底前开展档案数字化" in text
    assert "尚未启动2项" in text


# ---------------------------------------------------------------------------
# 6. simplified characters, no pictographs
# ---------------------------------------------------------------------------

def test_traditional_characters_are_published_simplified(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        [1, "檔案管理不規範", "開展檔案專項審核", "辦公室", "2026年9月30日", "已完成",
         "已審核檔案120卷，發現問題3個"],
    ])
    assert "1.档案管理不规范。" in text
    assert "开展档案专项审核，已审核档案120卷，发现问题3个。" in text


def test_pictographs_are_not_published() -> None:
    assert _say("开展账务检查", "已完成", "已检查账簿40本👍") == "开展账务检查，已检查账簿40本"
    assert _say("✅开展账务检查", "已完成") == "开展账务检查，已完成"
    # English words are the clerk's; a template's English status word is not
    assert "OA" in _say("上线OA系统", "已完成")
    said = _say("上线OA系统", "已完成", "Done，用户已达200人")
    assert said == "上线OA系统，用户已达200人"


# ---------------------------------------------------------------------------
# 7. a measure with no readable status is never printed bare
# ---------------------------------------------------------------------------

def test_a_measure_without_a_status_does_not_read_as_done(tmp_path: Path) -> None:
    text = _notice(tmp_path, [
        [1, "会风不实", "精简会议", "办公室", "2026年9月30日", "已完成", "已精简会议3个"],
        [2, "会风不实", "压缩文件", "办公室", "2026年9月30日", "", ""],
        [3, "会风不实", "规范简报", "办公室", "2026年9月30日", "看情况", ""],
        [4, "会风不实", "清理微信群", "办公室", "2026年9月30日", "", "已清理工作群6个"],
    ])
    assert "压缩文件，【请填写整改进展】" in text
    assert "规范简报，【请填写整改进展】" in text
    assert "清理微信群，已清理工作群6个" in text
    assert not re.search(r"[是。]压缩文件。", text)


def test_a_ledger_with_no_statuses_at_all_is_printed_as_written() -> None:
    issue = Issue(title="会风不实", measures=[Measure(text="精简会议"), Measure(text="压缩文件")])
    ledger = Ledger(info=LedgerInfo(), aspects=[Aspect(title=None, categories=[
        Category(title=None, issues=[issue])])])
    assert section_two_blocks(ledger)[-1].text == "1.会风不实。一是精简会议。二是压缩文件。"


# ---------------------------------------------------------------------------
# 8. the date the notice is signed on
# ---------------------------------------------------------------------------

def _ledger(report_date: date | None) -> Ledger:
    issue = Issue(title="会风不实", measures=[_m("精简会议", "已完成")])
    return Ledger(info=LedgerInfo(party_org="中共某县档案馆党支部", report_date=report_date),
                  aspects=[Aspect(title=None, categories=[Category(title=None, issues=[issue])])])


def test_the_notice_is_signed_on_its_as_of_date() -> None:
    blocks = notice_blocks(_ledger(date(2026, 11, 20)), as_of=AS_OF)
    assert blocks[-1].text == "2026年11月30日"
    assert any("截至2026年11月30日" in b.text for b in blocks)
    # no as-of date: the 报告日期 (成文日期) of 基本信息
    assert notice_blocks(_ledger(date(2026, 11, 20)))[-1].text == "2026年11月20日"
    assert notice_blocks(_ledger(None))[-1].text == "【请填写成文日期】"


def test_the_signature_date_from_the_command(tmp_path: Path) -> None:
    text = _notice(tmp_path, [[1, "会风不实", "精简会议", "办公室", "2026年9月30日", "已完成", ""]],
                   info=[["报告日期", "2026-11-20"], ["党组织名称", "中共某县档案馆党支部"]])
    assert text.rstrip().endswith("2026年11月30日")
