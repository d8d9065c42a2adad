"""``rectxl diff``, ``batch`` and ``remind`` round 12: what a 县委巡察办 auditor misread in the
monthly versions and in a county's inbox — a measure split in two with both parts reworded shown as
an unrelated deletion and two additions, two measures merged into a reworded one likewise; a county
run with ``--as-of`` silent about three units that sent last month's ledger again under this month's
name; a town's folder holding the very file another town sent, the second town vanishing from the
counts; a town's ledger filed in a folder of the month or of the attachments inside the town's folder
counted under "10月报送" or "附件1"; ``rectxl remind`` on a unit's ledger with only a 牵头领导 column
asking the clerk to fill in a 责任单位 column that is not there.

The ledgers are built here with openpyxl (fictional units of a fictional 清河县).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.batch import run_batch
from rectxl.core.batch_report import batch_notes, read_name, round_rows
from rectxl.core.diff import ChangeKind, RegressionKind, diff_ledgers, render_diff_text
from rectxl.core.letters import plan_reminders, unaddressed_note
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger

D = dt.datetime
H = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改进展", "佐证材料"]
I1 = "农村集体“三资”监管不严，部分村账目混乱"
I2 = "河长制工作落实不到位"
I3 = "办公用房超标准使用"


def _ledger(path: Path, rows: list[list[object]], *, sheet: str = "整改台账", title: str = "县农业农村局巡察整改台账",
            above: tuple[str, ...] = (), header: list[str] = H, info: tuple[tuple[str, object], ...] = ()) -> Path:
    """A ledger: its title, the lines ``above`` the header (填报日期：…), the rows, and a 基本信息 sheet."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append([title])
    for line in above:
        ws.append([line])
    ws.append(header)
    for row in rows:
        ws.append(row)
    if info:
        facts = wb.create_sheet("基本信息")
        for key, value in info:
            facts.append([key, value])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _diff(tmp_path: Path, old: list[list[object]], new: list[list[object]], sheet: str = "整改台账"):  # type: ignore[no-untyped-def]
    a = _ledger(tmp_path / "9月.xlsx", old, info=(("报告日期", D(2025, 9, 30)),))
    b = _ledger(tmp_path / "10月.xlsx", new, sheet=sheet, info=(("报告日期", D(2025, 10, 31)),))
    return diff_ledgers(read_ledger(a), read_ledger(b))


OLD = [
    [1, I1, "建立健全农村集体“三资”监管制度并开展专项清查", "经管站", "李明", D(2025, 12, 31), "正在推进", ""],
    [2, I2, "开展河道巡查", "河长办", "王芳", D(2025, 12, 31), "正在推进", ""],
    [2, I2, "建立巡河台账", "河长办", "王芳", D(2025, 12, 31), "正在推进", ""],
    [3, I3, "腾退超标办公用房", "办公室", "赵强", D(2025, 8, 31), "已完成", "腾退清单.pdf"],
]
SPLIT = [
    [1, I1, "修订完善村级财务管理制度", "经管站", "李明", "2025年12月底", "正在推进", ""],
    [1, I1, "组织对全县村集体资产资源开展清产核资", "经管站", "李明", "2025年12月31日前", "正在推进", ""],
]
MERGED = [[2, I2, "落实河湖日常巡查制度并逐河建档", "河长办", "王芳", "2025年12月31日", "正在推进", ""]]


# -- a measure split in two, both parts reworded ------------------------------------------------------


def test_a_measure_split_into_two_reworded_parts_names_the_old_and_the_new(tmp_path: Path) -> None:
    d = _diff(tmp_path, OLD, [*SPLIT, *OLD[1:]])
    removed = d.of_kind(ChangeKind.REMOVED)
    assert [(c.measure, c.new) for c in removed] == [
        ("建立健全农村集体“三资”监管制度并开展专项清查",
         "拆分为：修订完善村级财务管理制度；组织对全县村集体资产资源开展清产核资")]
    assert [(c.measure, c.old) for c in d.of_kind(ChangeKind.ADDED)] == [
        ("修订完善村级财务管理制度", "拆分自：建立健全农村集体“三资”监管制度并开展专项清查"),
        ("组织对全县村集体资产资源开展清产核资", "拆分自：建立健全农村集体“三资”监管制度并开展专项清查")]
    text = render_diff_text(d)
    assert ("建立健全农村集体“三资”监管制度并开展专项清查：已拆分为现第3行的“修订完善村级财务管理制度”、"
            "现第4行的“组织对全县村集体资产资源开展清产核资”2项措施（措施内容已改写，请核对）（原第3行）") in text
    assert ("修订完善村级财务管理制度：由原第3行的措施“建立健全农村集体“三资”监管制度并开展专项清查”"
            "拆分改写而来（现第3行）") in text
    assert not d.regressions


@pytest.mark.parametrize("other", [
    [1, I1, "组织对全县村集体资产资源开展清产核资", "财务股", "李明", "2025年12月31日", "正在推进", ""],
    [1, I1, "组织对全县村集体资产资源开展清产核资", "经管站", "李明", "2026年6月30日", "正在推进", ""],
    [1, I1, "组织对全县村集体资产资源开展清产核资", "经管站", "孙磊", "2025年12月31日", "正在推进", ""],
])
def test_new_measures_given_to_another_unit_person_or_date_are_no_split(tmp_path: Path,
                                                                      other: list[object]) -> None:
    # another office, another person or another deadline: new tasks, not the old one rewritten
    d = _diff(tmp_path, OLD, [SPLIT[0], other, *OLD[1:]])
    assert [c.new for c in d.of_kind(ChangeKind.REMOVED)] == [""]
    assert all(not c.old for c in d.of_kind(ChangeKind.ADDED))
    assert "拆分" not in render_diff_text(d)


# -- two measures merged into one reworded --------------------------------------------------------------


def test_two_measures_merged_into_a_reworded_one_are_said_merged(tmp_path: Path) -> None:
    d = _diff(tmp_path, OLD, [OLD[0], *MERGED, OLD[3]])
    assert [(c.measure, c.new) for c in d.of_kind(ChangeKind.REMOVED)] == [
        ("开展河道巡查", "并入：落实河湖日常巡查制度并逐河建档"),
        ("建立巡河台账", "并入：落实河湖日常巡查制度并逐河建档")]
    (added,) = d.of_kind(ChangeKind.ADDED)
    assert added.old == "合并自：开展河道巡查；建立巡河台账"
    text = render_diff_text(d)
    assert ("落实河湖日常巡查制度并逐河建档：由原第4行的“开展河道巡查”、第5行的“建立巡河台账”2项措施"
            "合并改写而来（现第4行）") in text
    assert "开展河道巡查：已并入现第4行的措施“落实河湖日常巡查制度并逐河建档”（原第4行）" in text
    assert not d.regressions


def test_a_merge_of_measures_already_overdue_still_says_the_deletion(tmp_path: Path) -> None:
    late = [[*r[:5], D(2025, 9, 15), *r[6:]] if r[1] == I2 else r for r in OLD]
    merged = [[*MERGED[0][:5], "2025年9月15日", *MERGED[0][6:]]]
    d = _diff(tmp_path, late, [OLD[0], *merged, OLD[3]])
    assert [(r.kind, r.measure) for r in d.regressions] == [
        (RegressionKind.UNFINISHED_REMOVED, "开展河道巡查"), (RegressionKind.UNFINISHED_REMOVED, "建立巡河台账")]


# -- what a clerk retypes without changing anything ---------------------------------------------------------


def test_dates_retyped_as_text_a_renamed_sheet_and_rows_sorted_by_unit_are_no_change(tmp_path: Path) -> None:
    retyped = [[*r[:5], f"{r[5].year}年{r[5].month}月底", *r[6:]] for r in OLD]  # type: ignore[attr-defined]
    d = _diff(tmp_path, OLD, sorted(retyped, key=lambda r: str(r[3])), sheet="2025年10月")
    assert not d.changes
    assert not d.regressions


# -- a county's folder ------------------------------------------------------------------------------------


def _unit_ledger(path: Path, unit: str | None, stated: str, done: int = 1) -> Path:
    rows: list[list[object]] = [
        [i, f"{unit or path.parent.name}问题{i}：制度执行不严格", f"完善制度并抓好落实第{i}项", "办公室", "张三",
         "2025年12月31日", "已完成" if i <= done else "正在推进", ""] for i in (1, 2, 3)]
    return _ledger(path, rows, title=f"{unit}巡察整改台账" if unit else "巡察反馈问题整改台账",
                   above=(f"填报日期：{stated}",))


UNITS = ["县财政局", "县教育局", "县民政局", "县司法局", "县审计局", "县统计局", "县林业局", "县水利局"]
RESENT = ["县审计局", "县林业局"]


def test_ledgers_dated_a_month_before_the_others_are_named_when_as_of_is_given(tmp_path: Path) -> None:
    inbox = tmp_path / "10月报送"
    for unit in UNITS:
        _unit_ledger(inbox / f"{unit}巡察整改台账（10月）.xlsx", unit,
                     "2025年9月30日" if unit in RESENT else "2025年10月31日")
    result = run_batch(inbox, workers=1, options=Options(as_of=dt.date(2025, 10, 31)))
    (note,) = [n for n in batch_notes(result) if n.code == "earlier-period"]
    assert note.files == [f"{u}巡察整改台账（10月）.xlsx" for u in RESENT]
    assert note.message.startswith("2 个台账中填写的日期早于多数台账的 2025年10月31日（6 个台账）20 天以上，"
                                   "可能是上期台账重新报送（只改了文件名）：2025年9月30日：")
    assert "县审计局巡察整改台账（10月）.xlsx（县审计局）" in note.message
    # without --as-of each ledger is evaluated on its own date, which the as-of note already says
    again = run_batch(inbox, workers=1)
    assert [n.code for n in batch_notes(again) if n.code in ("earlier-period", "as-of-differs")] == ["as-of-differs"]


def test_ledgers_dated_within_days_of_each_other_are_one_period(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for k, unit in enumerate(UNITS):
        _unit_ledger(inbox / f"{unit}整改台账.xlsx", unit, f"2025年10月{25 + k % 6}日")
    result = run_batch(inbox, workers=1, options=Options(as_of=dt.date(2025, 10, 31)))
    assert not [n for n in batch_notes(result) if n.code == "earlier-period"]


def test_one_file_in_two_towns_folders_leaves_the_second_town_without_a_ledger(tmp_path: Path) -> None:
    inbox = tmp_path / "乡镇"
    first = _unit_ledger(inbox / "东山镇" / "巡察整改台账.xlsx", None, "2025年10月31日")
    (inbox / "西河镇").mkdir()
    (inbox / "西河镇" / "巡察整改台账.xlsx").write_bytes(first.read_bytes())
    _unit_ledger(inbox / "南岭乡" / "巡察整改台账.xlsx", None, "2025年10月31日")
    # a copy of a unit's own ledger in a backup folder stays a plain copy
    (inbox / "南岭乡" / "备份").mkdir()
    (inbox / "南岭乡" / "备份" / "巡察整改台账.xlsx").write_bytes((inbox / "南岭乡" / "巡察整改台账.xlsx").read_bytes())
    result = run_batch(inbox, workers=1, options=Options(as_of=dt.date(2025, 10, 31)))
    rows = {r.unit: r for r in round_rows(result)}
    assert sorted(rows) == ["东山镇", "南岭乡", "西河镇"]
    assert rows["东山镇"].measures == 3
    assert rows["西河镇"].reason == (
        "没有本单位的台账（“西河镇/巡察整改台账.xlsx”与“东山镇/巡察整改台账.xlsx”（东山镇）内容完全相同），"
        "未统计：请核实该单位是否报错了文件，请其报送本单位的台账")
    reasons = {s.file: s.reason for s in result.set_aside}
    assert reasons["南岭乡/备份/巡察整改台账.xlsx"] == (
        "与“南岭乡/巡察整改台账.xlsx”内容完全相同（重复文件），只统计一次")
    (note,) = [n for n in batch_notes(result) if n.code == "copies-of-another-unit"]
    assert note.message.startswith(
        "西河镇/巡察整改台账.xlsx（西河镇）与 东山镇/巡察整改台账.xlsx（东山镇）是同一个文件")


def test_a_stray_copy_in_a_town_s_folder_beside_its_own_ledger_leaves_it_counted(tmp_path: Path) -> None:
    inbox = tmp_path / "乡镇"
    first = _unit_ledger(inbox / "东山镇" / "巡察整改台账.xlsx", None, "2025年10月31日")
    (inbox / "西河镇").mkdir()
    (inbox / "西河镇" / "巡察整改台账(1).xlsx").write_bytes(first.read_bytes())
    _unit_ledger(inbox / "西河镇" / "巡察整改台账.xlsx", None, "2025年10月31日", done=2)
    result = run_batch(inbox, workers=1, options=Options(as_of=dt.date(2025, 10, 31)))
    assert {r.unit: (r.files, r.reason) for r in round_rows(result)} == {
        "东山镇": (["东山镇/巡察整改台账.xlsx"], ""), "西河镇": (["西河镇/巡察整改台账.xlsx"], "")}
    (note,) = [n for n in batch_notes(result) if n.code == "copies-of-another-unit"]
    assert note.message.endswith("已按“东山镇”统计一次，“西河镇”的台账按 西河镇/巡察整改台账.xlsx 统计")


@pytest.mark.parametrize(("file", "unit"), [
    ("东山镇/10月报送/巡察整改台账.xlsx", "东山镇"),
    ("乡镇/西河镇/附件/附件1.xlsx", "西河镇"),
    ("南岭乡/2025年10月/台账（终稿）.xlsx", "南岭乡"),
    ("县直单位/县财政局/整改台账.xlsx", "县财政局"),
])
def test_a_folder_of_the_month_or_the_attachments_in_a_unit_s_folder_names_no_unit(file: str, unit: str) -> None:
    n = read_name(file)
    assert (n.unit, n.names_unit, n.by_folder) == (unit, True, True)


def test_towns_ledgers_one_folder_deeper_count_under_the_towns(tmp_path: Path) -> None:
    inbox = tmp_path / "乡镇"
    _unit_ledger(inbox / "东山镇" / "9月报送" / "巡察整改台账.xlsx", None, "2025年9月30日", done=0)
    _unit_ledger(inbox / "东山镇" / "10月报送" / "巡察整改台账.xlsx", None, "2025年10月31日", done=2)
    _unit_ledger(inbox / "西河镇" / "附件" / "附件1.xlsx", None, "2025年10月31日")
    result = run_batch(inbox, workers=1, options=Options(as_of=dt.date(2025, 10, 31)))
    rows = {r.unit: (r.files, r.done) for r in round_rows(result)}
    assert rows == {"东山镇": (["东山镇/10月报送/巡察整改台账.xlsx"], 2), "西河镇": (["西河镇/附件/附件1.xlsx"], 1)}
    assert [s.file for s in result.set_aside] == ["东山镇/9月报送/巡察整改台账.xlsx"]


# -- rectxl remind ------------------------------------------------------------------------------------------


def _remind_ledger(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    return _ledger(path, rows, title="县审计局落实县委第二巡察组反馈意见整改台账", header=header,
                   info=(("单位名称", "县审计局"), ("报告日期", D(2025, 10, 31))))


LEADERS = [[1, "会议制度执行不严", "修订议事规则", "张国庆", "2025年10月20日", "正在推进"],
           [2, "干部考核流于形式", "完善考核办法", "李建华", "2025年11月8日", "正在推进"],
           [3, "信访积案化解慢", "逐案包案化解", "张国庆", "2025年12月30日", "正在推进"]]


def test_a_ledger_naming_only_its_leaders_says_it_has_no_unit_column(tmp_path: Path) -> None:
    path = _remind_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "牵头领导", "整改时限", "整改进展"],
                          LEADERS)
    plan = plan_reminders(read_ledger(path))
    assert plan.no_unit_column
    assert [(r.item.row, r.lead, r.kind) for r in plan.rows] == [(3, "张国庆", "逾期"), (4, "李建华", "临期")]
    assert "台账未设责任单位、责任人列" in plan.title
    assert unaddressed_note(plan.rows, plan.no_unit_column) == (
        "台账没有“责任单位”列，2 项临期或逾期的措施没有发函对象，只列入了提醒清单：整改台账!第3行、整改台账!第4行。"
        "如需按单位发函，请在台账中增加“责任单位”列并填写后重新生成。")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "remind", str(path), "-o", str(tmp_path / "函")],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0
    assert "注意：台账没有“责任单位”列，2 项临期或逾期的措施没有发函对象" in proc.stdout
    assert "请补填责任单位" not in proc.stdout


def test_a_blank_unit_cell_still_asks_for_the_unit(tmp_path: Path) -> None:
    rows = [[*r[:3], "", r[3], *r[4:]] for r in LEADERS]
    rows[2][3] = "法规股"
    path = _remind_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "牵头领导", "整改时限",
                                                  "整改进展"], rows)
    plan = plan_reminders(read_ledger(path))
    assert not plan.no_unit_column
    assert unaddressed_note(plan.rows, plan.no_unit_column).endswith("请补填责任单位后重新生成。")


def test_due_today_long_term_and_one_person_in_two_units(tmp_path: Path) -> None:
    header = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改进展"]
    rows: list[list[object]] = [
        [1, "意识形态工作责任制落实不到位", "定期研判意识形态形势", "县文联", "孙丽", "长期坚持", "正在推进"],
        [1, "意识形态工作责任制落实不到位", "建立阵地管理制度", "县文联", "孙丽", "长期坚持", "长期坚持"],
        [2, "专项资金使用不规范", "清理专项资金支出凭证", "县财政局", "王磊", "2025年10月31日", "正在推进"],
        [3, "工程项目审批不严", "复核在建项目审批手续", "县住建局", "王磊", "2025年10月15日", "正在推进"],
    ]
    plan = plan_reminders(read_ledger(_remind_ledger(tmp_path / "台账.xlsx", header, rows)))
    letters = {u.unit: [(letter.kind, [(i.measure, i.days) for i in letter.items]) for letter in u.letters]
               for u in plan.units}
    assert letters == {"县财政局": [("提醒函", [("清理专项资金支出凭证", 0)])],
                       "县住建局": [("督办通知", [("复核在建项目审批手续", 16)])]}
