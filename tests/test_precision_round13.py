"""Precision round thirteen: correct ledgers, as a 县人民检察院, a 乡镇卫生院, a 公安局交警大队 and an
经济开发区管委会 write them, come out clean.

What had been misread: a cell saying "as the row above" — "同上" or the ditto mark "〃" under
责任领导, 责任单位, 责任人 or 整改时限 of the second measure of an issue — was the text itself: the
deadline was bad-deadline, and the measure's owner was a unit named "同上" (counted apart in every
summary); a 延期审批情况 column (经县委巡察办同意延期至…（…批复）) beside the 延期时限 column was read
as a second 延期时限 (duplicate-header), and alone its extension was not read at all (the measure
was overdue). A wrong row put in the ledgers is reported, and only it.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.api import Options
from rectxl.core.extension import extension_of
from tests.test_county_ledgers2 import _book

Rows = Sequence[Sequence[Any]]
REPORT = date(2025, 11, 30)


def _ledger(tmp_path: Path, rows: Rows, merges: Sequence[str] = ()) -> Path:
    return _book(tmp_path / "台账.xlsx", {"整改台账": (rows, merges)})


def _findings(path: Path, as_of: date = REPORT) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=as_of))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


# -- "同上" and "〃": the cell above, as a merged cell reads its anchor ------------------------------

PROCURATORATE_HEAD: Rows = [
    ["××县人民检察院党组巡察整改落实情况台账"],
    ["填报日期：2025年11月30日"],
    ["序号", "存在的问题", "整改措施", "分管领导", "承办部门", "经办人", "整改时限", "整改结果", "进展情况",
     "佐证材料"],
]


def _procuratorate(second_deadline: str = "〃", second_status: str = "已完成") -> Rows:
    return [
        *PROCURATORATE_HEAD,
        [1, "法律监督主责主业聚焦不够", "开展刑事诉讼监督专项活动", "副检察长 杨某", "第一检察部", "朱某",
         "2025年9月30日", "已完成", "监督立案12件、撤案8件，纠正漏捕漏诉9人。", "专项活动总结"],
        [None, None, "建立侦查活动监督平台", "同上", "同上", "同上", second_deadline, second_status,
         "平台已于9月上线运行。", "平台截图"],
        [2, "公益诉讼办案质量不高", "开展公益诉讼案件质量评查", "副检察长 秦某", "第五检察部", "许某",
         "2025年12月31日", "正在推进", "已评查案件45件，评查工作将于12月完成。", "/"],
        [None, None, "建立公益诉讼线索移送机制", "〃", "〃", "〃", "〃", "正在推进", "已与8家行政机关会签意见稿。",
         "/"],
    ]


MERGES = ["A4:A5", "B4:B5", "A6:A7", "B6:B7"]


def test_ditto_marks_read_as_the_cell_above(tmp_path: Path) -> None:
    """"同上" and "〃" under the leader, unit, person and deadline of an issue's second measure are
    the first measure's — the deadline had been bad-deadline, the unit one named "同上"."""
    path = _ledger(tmp_path, _procuratorate(), MERGES)
    assert _findings(path) == []
    ledger = api.read_ledger(path)
    owners = [(m.row, m.lead, m.owner_unit, m.owner_person, m.deadline.due) for m in ledger.measures()]
    assert owners == [
        (4, "副检察长 杨某", "第一检察部", "朱某", date(2025, 9, 30)),
        (5, "副检察长 杨某", "第一检察部", "朱某", date(2025, 9, 30)),
        (6, "副检察长 秦某", "第五检察部", "许某", date(2025, 12, 31)),
        (7, "副检察长 秦某", "第五检察部", "许某", date(2025, 12, 31)),
    ]
    assert "同上" not in {m.owner_unit for m in ledger.measures()}


@pytest.mark.parametrize("mark", ["同上", "同上。", "〃", "〃〃", "″", "同前", "同 上"])
def test_each_ditto_mark_in_the_deadline(tmp_path: Path, mark: str) -> None:
    path = _ledger(tmp_path, _procuratorate(second_deadline=mark), MERGES)
    assert _findings(path) == []


def test_a_deadline_taken_from_above_is_checked_as_its_own(tmp_path: Path) -> None:
    """The wrong row: the second measure, due "同上" (2025年9月30日), is still going on two months
    later — overdue, at its own cell, and nothing else is reported."""
    path = _ledger(tmp_path, _procuratorate(second_status="正在推进"), MERGES)
    assert _findings(path) == [("overdue", "G5")]


def test_a_ditto_mark_with_nothing_above_is_still_unreadable(tmp_path: Path) -> None:
    rows = [*PROCURATORATE_HEAD,
            [1, "检务保障管理不规范", "清理规范办案用房和办公用房", "政治部主任 何某", "检务保障部", "吕某", "同上",
             "已完成", "腾退超标办公用房3间共62平方米。", "腾退情况说明"]]
    assert _findings(_ledger(tmp_path, rows)) == [("bad-deadline", "G4")]


def test_ditto_marks_in_a_clinic_ledger_with_a_goal_column(tmp_path: Path) -> None:
    """A 乡镇卫生院: 同上 for the second measure's person, office and deadline under a merged issue
    and goal; the wrong row (done, no evidence) is the only finding, with the warning the measure
    due in 11 days deserves."""
    rows = [
        ["石岭乡卫生院落实乡党委巡察反馈意见整改台账"],
        ["填报日期：2025年12月20日"],
        ["序号", "问题", "整改目标", "整改措施", "责任人", "责任科室", "整改时限", "整改状态", "完成时间", "整改情况",
         "佐证材料"],
        [1, "家庭医生签约服务流于形式", "签约服务履约率达到90%以上", "对签约居民开展履约回访", "副院长 黎某", "公卫科",
         "2025年12月31日", "正在推进", None, "已回访签约居民2300户，履约率提升至86%。", None],
        [None, None, None, "完善签约服务考核办法", "同上", "同上", "同上", "已完成", "2025年11月5日",
         "考核办法已印发。", "考核办法"],
        [2, "医疗废物处置不规范", "医疗废物100%规范处置", "与有资质单位签订处置协议，建立转运台账", "院长 潘某", "院办",
         "2025年10月31日", "已完成", "2025年9月10日", "已签订处置协议，转运台账每日登记。", None],
    ]
    path = _ledger(tmp_path, rows, ["A4:A5", "B4:B5", "C4:C5"])
    assert _findings(path, date(2025, 12, 20)) == [("due-soon", "G4"), ("missing-evidence", "K6")]


# -- 延期审批情况: the approval of an extension ------------------------------------------------------

ZONE_HEAD: Rows = [
    ["××经济开发区党工委落实县委巡察反馈意见整改台账"],
    ["填报时间：2025年11月30日"],
]
ZONE_TAIL: Rows = [
    [2, "招商引资项目履约监管不严", "对已签约项目开展履约情况评估", "管委会副主任 段某", "招商服务局", "雷某",
     "2025年10月31日", "已完成", "评估签约项目42个，对6个未履约项目启动退出程序。", "履约评估报告"],
]


@pytest.mark.parametrize("header", ["延期审批情况", "延期批复情况", "延期申请及审批情况"])
def test_an_approval_column_beside_the_extended_deadline(tmp_path: Path, header: str) -> None:
    """延期时限 | 延期审批情况: the extension is read from the first, its approval day from the
    second — it had been duplicate-header (two 延期时限 columns)."""
    rows = [
        *ZONE_HEAD,
        ["序号", "问题", "整改措施", "分管领导", "责任部门", "责任人", "整改时限", "延期时限", header,
         "整改状态", "整改进展", "佐证材料"],
        [1, "闲置低效用地处置不力", "开展批而未供、供而未用土地专项清理", "党工委委员、管委会副主任 顾某",
         "规划建设局（国土分局）", "潘某", "2025年6月30日", "2026年6月30日",
         "经县委巡察办同意延期至2026年6月30日（2025年6月20日批复）", "正在推进",
         "已处置闲置土地326亩，剩余218亩正在协商收回。", None],
        [2, "招商引资项目履约监管不严", "对已签约项目开展履约情况评估", "管委会副主任 段某", "招商服务局", "雷某",
         "2025年10月31日", None, None, "已完成", "评估签约项目42个，对6个未履约项目启动退出程序。", "履约评估报告"],
    ]
    path = _ledger(tmp_path, rows)
    assert _findings(path) == []
    first = next(iter(api.read_ledger(path).measures()))
    ext = extension_of(first)
    assert ext is not None
    assert (ext.original_due, ext.due, ext.granted_on) == (date(2025, 6, 30), date(2026, 6, 30), (date(2025, 6, 20),))


def test_an_approval_column_alone_carries_the_extension(tmp_path: Path) -> None:
    """Only 延期审批情况, no 延期时限 column: "经县委巡察办同意延期至2026年6月30日" extends the
    deadline (the measure had been overdue); one extended to a day already past is overdue."""
    header = ["序号", "问题", "整改措施", "分管领导", "责任部门", "责任人", "整改时限", "延期审批情况", "整改状态",
              "整改进展", "佐证材料"]
    row = [1, "闲置低效用地处置不力", "开展批而未供、供而未用土地专项清理", "副主任 顾某", "规划建设局（国土分局）",
           "潘某", "2025年6月30日", "经县委巡察办同意延期至2026年6月30日", "正在推进", "已处置闲置土地326亩。", None]
    path = _ledger(tmp_path, [*ZONE_HEAD, header, row])
    assert _findings(path) == []
    late = _ledger(tmp_path, [*ZONE_HEAD, header, [*row[:7], "经县委巡察办同意延期至2025年9月30日", *row[8:]]])
    assert [code for code, _ in _findings(late)] == ["extension-overdue"]


# -- "——" and "/" under 验收人, 验收意见 and 销号时间 of a measure not yet closed ---------------------

def _water(closed_on_second: str = "——") -> Rows:
    return [
        ["县自来水有限公司党支部巡察整改台账"],
        ["填报日期：2025年11月30日"],
        ["序号", "问题", "整改措施", "责任人", "责任部门", "整改时限", "整改状态", "完成时间", "整改情况", "佐证材料",
         "验收人", "验收意见", "销号时间"],
        [1, "水费收缴管理不规范", "开展水费欠费清理", "副经理 郭某", "营业所", "2025年10月31日", "已完成", "2025年10月",
         "清理欠费用户312户，收回欠费48万元。", "欠费清理台账", "支部书记 黄某", "同意销号", "2025年11月20日"],
        [2, "二次供水设施管护不到位", "开展二次供水设施清洗消毒", "副经理 郭某", "供水管理所", "2025年12月31日",
         "正在推进", "——", "已清洗消毒水箱46个，剩余18个。", "——", "——", "——", closed_on_second],
        [3, "工程项目管理不规范", "修订工程项目管理办法", "经理 吴某", "工程部", "2026年3月31日", "正在推进", "/",
         "管理办法已起草。", "/", "/", "/", "/"],
    ]


def test_placeholders_in_the_closure_columns_are_blank(tmp_path: Path) -> None:
    """"——" and "/" where a measure going on has no closure day yet — they had been
    bad-closure-date ("不是可识别的日期")."""
    assert _findings(_ledger(tmp_path, _water())) == []


def test_a_closure_day_on_a_measure_going_on_is_still_reported(tmp_path: Path) -> None:
    """The wrong row: a 销号时间 written on a measure still going on."""
    assert _findings(_ledger(tmp_path, _water("2025年11月25日"))) == [("closure-date-unfinished", "M5")]


# -- statuses written at length beside a column of accounts ---------------------------------------

def test_long_statuses_beside_accounts(tmp_path: Path) -> None:
    """整改状态 ("整改中（已完成80%）", "基本完成（剩余2019年以前档案）") beside 整改情况 (the accounts),
    no 整改进展 column: the statuses are the status, the accounts the progress — it had been
    duplicate-header (two status columns), only the first read."""
    rows = [
        ["市医疗保险服务中心巡察整改台账"],
        ["填报日期：2025年11月30日"],
        ["序号", "问题", "整改措施", "责任科室", "责任人", "整改期限", "整改状态", "完成时间", "整改情况", "佐证材料"],
        [1, "医保待遇审核不严", "开展医保待遇享受资格核查", "待遇审核科", "科长 龙某", "2025年12月31日",
         "整改中（已完成80%）", None, "已核查参保人员4.2万人，停发不符合条件待遇23人。", None],
        [2, "异地就医备案办理慢", "推行异地就医备案“网上办”", "异地就医科", "科长 杨某", "2025年10月31日", "已完成",
         "2025.10", "网上备案率达到91%。", "系统截图"],
        [3, "档案管理不规范", "开展参保档案数字化", "办公室（档案室）", "主任 邵某", "2026年6月30日",
         "基本完成（剩余2019年以前档案）", None, "已数字化档案3.6万卷。", None],
    ]
    path = _ledger(tmp_path, rows)
    assert _findings(path) == []
    measures = list(api.read_ledger(path).measures())
    assert [m.progress for m in measures] == [
        "已核查参保人员4.2万人，停发不符合条件待遇23人。", "网上备案率达到91%。", "已数字化档案3.6万卷。"]
    assert measures[1].status is not None and measures[1].status.value == "已完成"


# -- an office inside the unit, in brackets -------------------------------------------------------

def test_an_office_in_brackets_is_part_of_the_unit_not_its_second_name(tmp_path: Path) -> None:
    """"普查中心（财务室）" beside "普查中心": the finance office of the centre, not the centre
    written another way — it had been owner-unit-variant. A unit's bracketed second name
    ("学生工作部（处）" / "学生工作部") is still one unit written two ways."""
    rows = [
        ["县统计局普查中心巡察整改台账"],
        ["数据截至：2026年1月10日"],
        ["序号", "问题", "整改措施", "责任人", "责任单位", "整改时限", "整改状态", "完成时间", "整改情况", "佐证材料",
         "备注"],
        [1, "普查数据录入审核不严", "建立数据录入“双人复核”制度", "主任 田某", "普查中心", "2025年6月30日", "已完成",
         "2025年5月12日", "制度已印发执行。", "制度文件", "已销号"],
        [2, "普查资料归档不及时", "完成第五次经济普查资料归档", "副主任 余某", "普查中心", "2025年12月31日", "已完成",
         "2025年12月28日", "归档资料312卷。", "归档目录", None],
        [3, "普查经费使用不规范", "开展普查经费专项审计整改", "主任 田某", "普查中心（财务室）", "2026年3月31日",
         "正在推进", None, "审计发现问题7个，已整改5个。", None, None],
    ]
    assert _findings(_ledger(tmp_path, rows), date(2026, 1, 10)) == []
    rows[5][4] = "普查中心（处）"
    assert _findings(_ledger(tmp_path, rows), date(2026, 1, 10)) == [("owner-unit-variant", "E6")]


# -- 联系电话 under a 责任主体 group label ----------------------------------------------------------

def _insurance(second_unit: str = "待遇保障股") -> Rows:
    return [
        ["县医疗保障局巡察整改台账"],
        ["填报日期：2025年11月30日"],
        ["序号", "问题", "整改措施", "责任主体", None, None, None, "完成时限", None, "整改状态", "整改情况",
         "佐证材料", "验收情况", None, None],
        [None, None, None, "牵头领导", "责任部门", "责任人", "联系电话", "计划", "实际", None, None, None,
         "验收人", "验收时间", "验收意见"],
        [1, "定点医药机构协议管理不严", "开展协议管理专项检查", "副局长 邹某", "医药服务管理股", "股长 温某",
         "0771-6660001", "2025年9月30日", "2025年9月25日", "已完成", "检查定点机构86家，解除协议2家。", "检查通报",
         "纪检组 莫某", "2025年10月15日", "同意销号"],
        [2, "医保政策宣传不到位", "开展医保政策“进村入户”宣传", "副局长 邹某", second_unit, "股长 罗某",
         "0771-6660002", "2025年12月31日", "——", "正在推进", "已开展宣传活动42场。", "——", "——", "——", "——"],
    ]


INSURANCE_MERGES = ["A3:A4", "B3:B4", "C3:C4", "D3:G3", "H3:I3", "J3:J4", "K3:K4", "L3:L4", "M3:O3"]


def test_a_phone_column_under_the_owner_group_is_no_second_unit(tmp_path: Path) -> None:
    """责任主体 over 牵头领导 | 责任部门 | 责任人 | 联系电话: the phone numbers are not read — they had
    been a second 责任单位 column ("责任主体联系电话", duplicate-header)."""
    path = _ledger(tmp_path, _insurance(), INSURANCE_MERGES)
    assert _findings(path) == []
    assert [m.owner_unit for m in api.read_ledger(path).measures()] == ["医药服务管理股", "待遇保障股"]


def test_a_blank_unit_beside_the_phone_is_reported(tmp_path: Path) -> None:
    """The wrong row: no 责任部门 on the second measure — the phone beside it does not stand in."""
    path = _ledger(tmp_path, _insurance(second_unit=""), INSURANCE_MERGES)
    assert _findings(path) == [("missing-owner-unit", "E6")]


# -- 边巡边改, and two offices in brackets after one name -----------------------------------------

def test_put_right_during_the_inspection(tmp_path: Path) -> None:
    """"边巡边改" in 整改时限 (done while the inspectors were there, before the feedback): at once,
    as 立行立改 — it had been bad-deadline."""
    rows = [
        ["县统计局党组巡察整改台账"],
        ["反馈时间：2025年6月10日", None, None, None, None, "填报时间：2025年11月30日"],
        ["序号", "问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "整改状态", "完成时间", "整改情况",
         "佐证材料"],
        [1, "统计档案室防火设施缺失", "配齐档案室消防器材", "副局长 易某", "办公室", "主任 童某", "边巡边改",
         "已完成", "2025年5月20日", "巡察期间即配齐灭火器6具、烟感报警器2个。", "采购凭证、照片"],
        [2, "统计报表报送不及时", "建立报表报送提醒制度", "副局长 易某", "综合股", "股长 柳某", "边督边改",
         "正在推进", None, "已起草提醒制度。", None],
    ]
    path = _ledger(tmp_path, rows)
    assert _findings(path) == [("overdue", "G5")]  # the wrong row: due at once, still going on
    assert [m.deadline.kind.name for m in api.read_ledger(path).measures()] == ["IMMEDIATE", "IMMEDIATE"]


def test_two_offices_bracketed_after_one_name_are_two_units(tmp_path: Path) -> None:
    """"办公室（人事科）" and "办公室（财务室）": two offices of the 办公室 — they had been one unit
    written two ways (owner-unit-variant); "办公室(财务室)" beside "办公室（财务室）" still is."""
    def rows(third: str) -> Rows:
        return [
            ["县融媒体中心巡察整改台账"],
            ["填报日期：2025年11月30日"],
            ["序号", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改状态", "整改进展",
             "佐证材料"],
            [1, "财务报销审核不严", "开展财务报销专项检查", "副主任 包某", "办公室（财务室）", "柳某", "2025年9月30日",
             "已完成", "检查报销凭证1260份。", "检查报告"],
            [2, "财务制度不健全", "修订财务报销管理规定", "副主任 包某", "办公室（财务室）", "柳某", "2025年10月31日",
             "已完成", "规定已修订。", "管理规定"],
            [3, "采编人员结构老化", "实施青年采编人才引进计划", "主任 文某", third, "柳某", "2026年6月30日",
             "正在推进", "已引进采编人员3名。", None],
        ]
    assert _findings(_ledger(tmp_path, rows("办公室（人事科）"))) == []
    assert _findings(_ledger(tmp_path, rows("办公室(财务室)"))) == [("owner-unit-variant", "E6")]
