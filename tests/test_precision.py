"""Precision: a correct ledger written the way offices write correct ledgers gets no finding.

Each case is wording or a layout that had raised a false warning or error on a ledger correct by
design: a progress narrative about others' failings or a search that found nothing, an evidence
file whose name has spaces or 《》, headers naming the co-operating units or the goal and the
measures together, units whose two-character names look alike, numbering that restarts in each
category. All ledgers are built here; units, people and texts are fictional."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.deadline import parse_deadline
from rectxl.core.rules import Options
from rectxl.core.rules.statuses import FUTURE_WORDING, PAST_WORDING, main_clauses, said_of_the_work
from rectxl.core.status import Status, read_status
from rectxl.core.units import unit_spellings

AS_OF = date(2026, 11, 30)


def _ledger(path: Path, rows: list[list[Any]], *, info: list[list[Any]] | None = None,
            directory: list[str] | None = None, merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    if info:
        si = wb.create_sheet("基本信息")
        for row in info:
            si.append(row)
    if directory:
        sd = wb.create_sheet("责任单位名录")
        sd.append(["责任单位"])
        for unit in directory:
            sd.append([unit])
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in api.check(path, Options(as_of=AS_OF)).findings if f.severity.value != "info"]


@pytest.mark.parametrize("progress", [
    "对县审计局指出的尚未整改到位的3项问题逐项销号，目前3项均已整改到位",  # others' failings, 的
    "对尚未规范落实“三会一课”的3个村党支部逐一约谈",
    "对仍在使用的1台超编车辆已移交机关事务中心",
    "对辖区内正在施工的17个工地开展专项检查，问题全部整改完毕",
    "经逐一排查，暂未发现新增违规问题",  # a search that found nothing
    "研究拟定《乡村振兴行动计划》，已印发实施",  # 拟定: to draft
    "按计划于6月底前完成全部培训",  # a plan kept
    "明确每年将于暑期开展全员轮训，今年7月已轮训1860人",  # a rule adopted
    "原计划于10月底完成，实际于9月25日提前完成",  # a plan compared with
    "对3名拟任中层干部人选暂缓任用",  # 拟任: an appointee
    "因上级系统尚未开放接口，改为线下报送完成",  # a cause
    "整改以来尚未发生违规问题",  # nothing happened
    "完成试点，经验做法将在全县推广",  # what the done work is built on
])
def test_done_wording_about_something_else_is_no_mismatch(progress: str) -> None:
    assert said_of_the_work(FUTURE_WORDING, main_clauses(progress)) is None


@pytest.mark.parametrize(("progress", "word"), [
    ("正在起草实施方案", "正在"), ("尚未完成全部整改", "尚未"), ("拟于12月召开推进会", "拟"),
    ("尚未完成的部分正在推进", "正在"), ("修订稿拟提交12月董事会审议", "拟"),
])
def test_done_with_work_still_going_on_is_a_mismatch(progress: str, word: str) -> None:
    hit = said_of_the_work(FUTURE_WORDING, main_clauses(progress))
    assert hit is not None and hit.group() == word


def test_a_plan_made_is_no_work_done_beside_not_started() -> None:
    assert said_of_the_work(PAST_WORDING, main_clauses("县农业农村局已明确于2027年3月底前出台")) is None
    hit = said_of_the_work(PAST_WORDING, main_clauses("已印发实施方案"))
    assert hit is not None and hit.group() == "已"


def test_done_and_kept_up_may_name_the_next_round(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展", "佐证材料"],
            [1, "理论学习不深入", "开展专题研讨", "办公室", "2026年6月30日前完成并长期坚持", "已完成，长期坚持",
             "已开展研讨3次，第4次研讨将于12月中旬举行", "研讨记录"]]
    assert _findings(_ledger(tmp_path / "台账.xlsx", rows)) == []


def test_evidence_files_named_with_spaces_brackets_and_title_marks_are_found(tmp_path: Path) -> None:
    names = ["1-1 党组会议纪要.pdf", "关于印发《整改工作方案》的通知.pdf", "（2026）8号文件.pdf"]
    (tmp_path / "佐证材料").mkdir()
    for name in names:
        (tmp_path / "佐证材料" / name).write_bytes(b"%PDF-1.4")
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "佐证材料"],
            [1, "决策程序不规范", "修订议事规则", "办公室", "2026年9月30日", "已完成", f"佐证材料/{names[0]}"],
            [2, "方案落实不力", "印发整改方案", "办公室", "2026年9月30日", "已完成", f"见：{names[1]}、{names[2]}"],
            [3, "档案不全", "补齐档案", "档案室", "2026年9月30日", "已完成", "档案目录 2026版.xlsx"]]
    found = _findings(_ledger(tmp_path / "台账.xlsx", rows))
    assert found == [("evidence-file-missing", "G4")]  # the one file that really is missing


@pytest.mark.parametrize(("header", "field"), [
    ("验收意见", F.ACCEPTED_FLAG), ("验收结论", F.ACCEPTED_FLAG), ("协同部门", F.CO_OWNER),
    ("责任单位（配合）", F.CO_OWNER), ("责任单位（牵头）", F.OWNER_UNIT), ("整改目标及措施", F.MEASURE),
    ("措施及成效", F.MEASURE), ("责任办线", F.OWNER_UNIT), ("是否延期", None), ("整改目标", F.GOAL),
    ("责任学校（科室）", F.OWNER_UNIT), ("责任社区", F.OWNER_UNIT), ("责任人", F.OWNER_PERSON),
])
def test_headers_offices_write(header: str, field: str | None) -> None:
    assert F.field_for_header(header) == field


def test_two_character_units_are_no_abbreviations_of_longer_ones() -> None:
    for short, long in (("院办", "院感办"), ("党办", "党建办"), ("纪委", "纪工委"), ("农办", "农经办")):
        assert unit_spellings(Counter({long: 2, short: 1})) == {}, (short, long)
    assert unit_spellings(Counter({"耕地保护股": 2, "耕保股": 1})) == {"耕保股": "耕地保护股"}


def test_on_schedule_is_in_progress_and_a_named_stage_has_its_date() -> None:
    assert read_status("达到序时进度：征求意见稿已形成").status is Status.IN_PROGRESS
    assert read_status("符合序时进度").status is Status.IN_PROGRESS
    d = parse_deadline("第一阶段2026年8月31日前完成平台部署，第二阶段2026年12月31日前全面运行")
    assert d.due == date(2026, 12, 31)


def test_issue_numbers_restarting_in_each_category_are_no_gap(tmp_path: Path) -> None:
    rows = [["问题类别", "序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            ["（一）政治建设", 1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "正在推进"],
            ["（一）政治建设", 2, "落实不到位", "开展督查", "督查室", "2026年12月31日", "正在推进"],
            ["（二）作风建设", 1, "会风不实", "精简会议", "办公室", "2026年12月31日", "正在推进"],
            ["（二）作风建设", 3, "文风不实", "精简文件", "办公室", "2026年12月31日", "正在推进"]]
    assert _findings(_ledger(tmp_path / "台账.xlsx", rows)) == [("issue-number-gap", "B5")]


def test_a_co_operating_unit_from_outside_is_not_checked_against_the_units_list(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "人才引进不规范", "修订引进办法", "人才科牵头，县财政局配合", "2026年12月31日", "正在推进"],
            [2, "培训经费使用不规范", "开展专项检查", "培训科、财务科（配合）", "2026年12月31日", "正在推进"]]
    assert _findings(_ledger(tmp_path / "台账.xlsx", rows, directory=["人才科", "培训科"])) == []
    rows[2][3] = "培训股、财务科（配合）"  # the lead unit misspelt: still found
    assert _findings(_ledger(tmp_path / "台账2.xlsx", rows, directory=["人才科", "培训科"])) == [
        ("unknown-owner-unit", "D3")]


def test_done_with_some_left_is_a_mismatch() -> None:
    hit = said_of_the_work(FUTURE_WORDING, main_clauses("已完成5项，剩余1项"))
    assert hit is not None and hit.group() == "剩余1项"


def test_at_once_written_as_jishi() -> None:
    assert parse_deadline("即时", feedback_date=date(2026, 6, 15)).due == date(2026, 6, 15)


@pytest.mark.parametrize(("cell", "roles"), [
    ("县教体局（牵头）/各学校", [("县教体局", "lead"), ("各学校", "co")]),
    ("各乡镇（街道）", [("各乡镇（街道）", "lead")]),
    ("办公室、财务股", [("办公室", "lead"), ("财务股", "lead")]),
])
def test_unit_roles_as_clerks_write_them(cell: str, roles: list[tuple[str, str]]) -> None:
    from rectxl.core.units import unit_roles

    assert unit_roles(cell) == roles


def test_a_totals_sentence_under_the_table_is_no_aspect(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            ["一、执法办案方面"],
            [1, "案件质量不高", "开展案件评查", "案管办", "2026年12月31日", "正在推进"],
            ["二、队伍建设方面"],
            [2, "培训不足", "开展业务培训", "政治部", "2026年12月31日", "正在推进"],
            ["合计：两个方面2个问题，整改措施2项"]]
    path = _ledger(tmp_path / "台账.xlsx", rows, merges=("A2:F2", "A4:F4", "A6:F6"))
    assert [a.title for a in api.read_ledger(path).aspects] == ["执法办案方面", "队伍建设方面"]
