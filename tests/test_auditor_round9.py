"""``rectxl batch``, ``diff`` and ``check`` round 9: what a 县委巡察办 auditor misread in a county's
inbox and in two months of one bureau's ledger — two units' ledgers sent in one workbook (one
sheet each) counted as one unit without a word; a 情况报告 .docx sent beside a town's ledger
answered with "请向该单位索取 Excel 台账" although the ledger was checked; 县政府办 / 县人民政府办公室
and 县卫健委 / 县卫生健康委员会 taken for two units (a false 单位名称不一致 note); a deadline put off
with the extension written in the progress ("经县委巡察办同意延期至2024年12月底") flagged as put off
without saying so; rows sorted again after numbering (1、3、4、2、5) reported as three gaps
("是否漏填了问题") where nothing is missing.

The ledgers are built here with openpyxl (fictional units of a fictional 清河县).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from rectxl.api import check
from rectxl.batch import run_batch
from rectxl.core.batch_report import batch_notes, read_name, round_rows, to_json
from rectxl.core.diff import ChangeKind, RegressionKind, diff_ledgers
from rectxl.core.letters import plan_reminders
from rectxl.core.rules import Options
from rectxl.core.units import same_unit_name
from rectxl.io.reader import read_ledger

HEADER = ["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况", "进展情况"]


def _sheet(ws: object, unit: str, rows: list[list[object]], stated: str = "2024年11月15日") -> None:
    ws.append([f"{unit}巡察反馈问题整改落实台账"])  # type: ignore[attr-defined]
    ws.append([f"填报单位（盖章）：{unit}", None, None, None, None, None, f"填报日期：{stated}"])  # type: ignore[attr-defined]
    ws.append(HEADER)  # type: ignore[attr-defined]
    for row in rows:
        ws.append(row)  # type: ignore[attr-defined]


def _rows(unit: str, done: int, late: int) -> list[list[object]]:
    out: list[list[object]] = []
    for n in range(1, done + late + 1):
        finished = n <= done
        out.append([n, f"{n}.“三重一大”决策制度执行不严格", f"修订“三重一大”事项清单{n}", "王明", unit, "李华",
                    "2024年10月31日", "已完成" if finished else "正在整改",
                    "已印发清单" if finished else "正在征求意见"])
    return out


def _ledger(path: Path, unit: str, done: int = 2, late: int = 1, *, sheets: tuple[str, ...] = ()) -> Path:
    """One unit's ledger; with ``sheets``, one sheet per name, each a ledger of the unit it names."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if not sheets:
        ws.title = "整改台账"
        _sheet(ws, unit, _rows(unit, done, late))
    for k, name in enumerate(sheets):
        sheet = ws if k == 0 else wb.create_sheet(name)
        sheet.title = name
        _sheet(sheet, unit if k == 0 else name, _rows(name, done + k, late))
    wb.save(path)
    return path


# -- two units in one workbook ---------------------------------------------------------------------


def test_two_units_sent_in_one_workbook_are_noted(tmp_path: Path) -> None:
    inbox = tmp_path / "报送"
    _ledger(inbox / "部门/县教体局、县卫健局整改台账.xlsx", "县教育和体育局",
            sheets=("县教育和体育局", "县卫生健康局"))
    _ledger(inbox / "部门/县审计局整改台账.xlsx", "县审计局")
    result = run_batch(inbox, workers=1)
    notes = [n for n in batch_notes(result) if n.code == "units-in-one-file"]
    assert [n.files for n in notes] == [["部门/县教体局、县卫健局整改台账.xlsx"]]
    assert "2 个单位的台账（工作表“县教育和体育局”“县卫生健康局”）" in notes[0].message
    assert "请各单位分别报送" in notes[0].message
    assert '"units-in-one-file"' in to_json(result)


def test_a_town_s_ledger_on_a_sheet_per_office_is_one_unit(tmp_path: Path) -> None:
    """Sheets named after a town's offices (党政办, 财政所) are its own ledger, not other units'."""
    inbox = tmp_path / "报送"
    _ledger(inbox / "桃源镇整改台账.xlsx", "桃源镇", sheets=("党政办", "财政所"))
    _ledger(inbox / "县审计局整改台账.xlsx", "县审计局")
    result = run_batch(inbox, workers=1)
    assert [n for n in batch_notes(result) if n.code == "units-in-one-file"] == []


# -- a report sent beside the ledger ---------------------------------------------------------------


def _docx(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_a_report_beside_the_unit_s_ledger_asks_for_nothing(tmp_path: Path) -> None:
    inbox = tmp_path / "报送"
    _ledger(inbox / "乡镇/石门乡/石门乡整改台账.xlsx", "石门乡")
    _docx(inbox / "乡镇/石门乡/石门乡党委关于巡察反馈问题整改情况的报告.docx", "石门乡党委关于巡察整改情况的报告")
    _docx(inbox / "乡镇/柳江镇/柳江镇巡察整改台账.docx", "柳江镇巡察整改台账")  # sent instead of the ledger
    result = run_batch(inbox, workers=1)
    reasons = {s.file: s.reason for s in result.ignored}
    beside = reasons["乡镇/石门乡/石门乡党委关于巡察反馈问题整改情况的报告.docx"]
    assert "索取" not in beside.replace("不另索取台账", "")
    assert "该单位（石门乡）的台账已检查（乡镇/石门乡/石门乡整改台账.xlsx）" in beside
    assert "请向该单位（柳江镇）索取 Excel 台账" in reasons["乡镇/柳江镇/柳江镇巡察整改台账.docx"]
    uncounted = {row.unit: row.reason for row in round_rows(result) if row.reason}
    assert list(uncounted) == ["柳江镇"] and "请向该单位索取 Excel 台账" in uncounted["柳江镇"]


# -- one unit, written short ---------------------------------------------------------------------


@pytest.mark.parametrize(("short", "full", "same"), [
    ("县政府办", "县人民政府办公室", True),
    ("县政府办", "清河县人民政府办公室", True),
    ("桃源镇政府办", "桃源镇人民政府办公室", True),
    ("县法院办", "县人民法院办公室", True),
    ("县卫健委", "县卫生健康委员会", True),
    ("县发改委", "县发展和改革委员会", True),
    ("县民委", "县民族宗教事务委员会", True),
    ("村委会", "村民委员会", True),
    ("县卫健委", "县卫生健康局", False),
    ("县教委", "县教育局", False),
    ("县政府办", "县人大常委会办公室", False),
    ("县水利局", "县自然资源局", False),
])
def test_an_office_and_a_committee_written_short(short: str, full: str, same: bool) -> None:
    assert same_unit_name(short, full) is same
    assert same_unit_name(full, short) is same


def test_a_file_named_short_for_a_ledger_titled_in_full_is_no_mismatch(tmp_path: Path) -> None:
    inbox = tmp_path / "报送"
    _ledger(inbox / "县政府办整改台账.xlsx", "县人民政府办公室")
    _ledger(inbox / "县卫健委整改台账.xlsx", "清河县卫生健康委员会")
    _ledger(inbox / "县水利局整改台账.xlsx", "县自然资源局")  # a template not changed: still said
    result = run_batch(inbox, workers=1)
    mismatched = [n.files for n in batch_notes(result) if n.code == "unit-name-mismatch"]
    assert mismatched == [["县水利局整改台账.xlsx"]]
    assert len(round_rows(result)) == 3


# -- diff: an extension written in the progress ----------------------------------------------------

DIFF_HEADER = ["序号", "巡察反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改进度", "整改成效"]


def _period(path: Path, stated: str, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["县农业农村局巡察反馈问题整改台账"])
    ws.append(["填报单位：县农业农村局", None, None, None, None, f"填报日期：{stated}"])
    ws.append(DIFF_HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("progress", "silent"), [
    ("因系统升级，经县委巡察办同意延期至2024年12月底", False),
    ("已申请延期，待批复", False),
    ("受汛期影响，完成时间顺延至12月底", False),
    ("延至12月底", False),
    ("经研究展期至年底", False),
    ("已报县委巡察办批准，完成时限调整为12月底", False),
    ("原定10月召开的推进会推迟召开，正在设计台账样式", True),
    ("正在设计台账样式", True),
])
def test_an_extension_written_in_the_progress(tmp_path: Path, progress: str, silent: bool) -> None:
    issue = "1.公务用车管理不规范，派车单填写不全"
    sep = _period(tmp_path / "9月.xlsx", "2024年9月30日", [
        [1, issue, "建立公务用车使用登记台账", "办公室", "陈晨", "2024年9月30日", "正在推进", "正在设计台账样式"]])
    octo = _period(tmp_path / "10月.xlsx", "2024年10月31日", [
        [1, issue, "建立公务用车使用登记台账", "办公室", "陈晨", "2024年12月31日", "正在推进", progress]])
    d = diff_ledgers(read_ledger(sep), read_ledger(octo))
    kinds = [r.kind for r in d.regressions]
    assert (RegressionKind.SILENT_EXTENSION in kinds) is silent


def test_two_months_as_a_clerk_updates_them(tmp_path: Path) -> None:
    """Rows sorted again, an issue renumbered, a column added: what moved is said, and only that."""
    p1, p2, p3 = "1.理论学习流于形式", "2.食堂账目不清，收支未定期公示", "3.干部人事档案材料缺失"
    sep = _period(tmp_path / "9月.xlsx", "2024年9月30日", [
        [1, p1, "制定年度学习计划", "办公室", "李华", "2024年9月30日", "正在推进", "已起草"],
        [2, p2, "清理食堂账目并公示", "后勤服务中心", "孙丽", "2024年10月15日", "正在推进", "已清理至3月"],
        [3, p3, "补齐缺失档案材料", "人事股", "周敏", "2024年8月31日", "已完成", "已补齐12份"],
    ])
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append([*DIFF_HEADER, "佐证材料"])
    ws.append([1, p1, "制定年度学习计划", "办公室", "李华", "2024年9月30日", "已完成", "已印发", "学习计划"])
    ws.append([2, p3.replace("3.", "2."), "补齐缺失档案材料", "人事股", "周敏", "2024年8月31日", "正在推进",
               "复核发现仍缺3份", ""])
    ws.append([3, p2.replace("2.", "3."), "清理食堂账目并公示", "后勤服务中心", "孙丽", "2024年11月30日",
               "正在推进", "已清理至6月", ""])
    wb.save(tmp_path / "10月.xlsx")
    d = diff_ledgers(read_ledger(sep), read_ledger(tmp_path / "10月.xlsx"))
    assert not d.added and not d.removed
    flagged = {(r.kind, r.measure) for r in d.regressions}
    assert flagged == {(RegressionKind.STATUS_REGRESSED, "补齐缺失档案材料"),
                       (RegressionKind.SILENT_EXTENSION, "清理食堂账目并公示")}


# -- check: rows sorted again after numbering --------------------------------------------------------


def _numbered(path: Path, numbers: list[int]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "巡察反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    topics = {1: "理论学习流于形式", 2: "公务用车管理不规范", 3: "食堂账目不清", 4: "档案材料缺失", 5: "资金拨付滞后"}
    for k, n in enumerate(numbers):
        topic = topics[n] if n not in numbers[:k] else "会议费报销不规范"  # a number given twice: another issue
        ws.append([n, f"{n}.{topic}", f"针对{topic}制定整改方案", "办公室", "李华", "2024年12月31日", "正在推进"])
    wb.save(path)
    return path


def _gaps(path: Path) -> list[tuple[str, str]]:
    report = check(path, Options(as_of=date(2024, 10, 31)))
    return [(f.cell or "", f.message) for f in report.findings if f.code == "issue-number-gap"]


def test_issues_sorted_again_are_said_once_not_as_gaps(tmp_path: Path) -> None:
    gaps = _gaps(_numbered(tmp_path / "台账.xlsx", [1, 3, 4, 2, 5]))
    assert len(gaps) == 1
    cell, message = gaps[0]
    assert cell == "A3"
    assert "问题序号3顺序不对" in message and "依次为1、3、4、2、5，没有缺漏或重复" in message
    assert "漏填" not in message


@pytest.mark.parametrize(("numbers", "said"), [
    ([1, 2, 4, 5], "问题序号4不连续"),   # a real gap
    ([1, 2, 2, 3], "与前面的问题重复"),   # a repeat
])
def test_a_gap_or_a_repeat_is_still_said_as_one(tmp_path: Path, numbers: list[int], said: str) -> None:
    gaps = _gaps(_numbered(tmp_path / "台账.xlsx", numbers))
    assert gaps and said in gaps[0][1]
    assert all("顺序不对" not in m for _, m in gaps)


def test_issues_in_order_give_no_finding(tmp_path: Path) -> None:
    assert _gaps(_numbered(tmp_path / "台账.xlsx", [1, 2, 3, 4, 5])) == []


def test_a_unit_written_short_then_in_full_is_a_respelling_not_a_new_owner(tmp_path: Path) -> None:
    issue = "1.违规发放津补贴"
    sep = _period(tmp_path / "9月.xlsx", "2024年9月30日", [
        [1, issue, "全面清理津补贴发放", "县人社局", "何静", "2024年12月31日", "正在推进", ""],
        [2, issue, "追缴违规发放资金", "县卫健委", "何静", "2024年12月31日", "正在推进", ""]])
    octo = _period(tmp_path / "10月.xlsx", "2024年10月31日", [
        [1, issue, "全面清理津补贴发放", "县人力资源和社会保障局", "何静", "2024年12月31日", "正在推进", ""],
        [2, issue, "追缴违规发放资金", "县财政局", "何静", "2024年12月31日", "正在推进", ""]])
    d = diff_ledgers(read_ledger(sep), read_ledger(octo))
    respelled = [(c.old, c.new) for c in d.of_kind(ChangeKind.OWNER_SPELLING)]
    moved = [(c.old, c.new) for c in d.of_kind(ChangeKind.OWNER) if c.field == "责任单位"]
    assert respelled == [("县人社局", "县人力资源和社会保障局")]
    assert moved == [("县卫健委", "县财政局")]


# -- remind: two units leading one measure ---------------------------------------------------------


def test_units_leading_a_measure_together_are_each_told_of_the_other(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "配合单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "1.河道采砂监管缺位", "开展联合执法", "县水利局、县自然资源局", "", "赵刚", "2024年11月10日",
               "正在推进"])
    ws.append([2, "2.校园食品安全隐患", "开展校园食堂专项检查", "县市场监管局", "县教体局", "孙丽", "2024年11月20日",
               "正在推进"])
    wb.save(tmp_path / "台账.xlsx")
    plan = plan_reminders(read_ledger(tmp_path / "台账.xlsx"), as_of=date(2024, 11, 15), warn_days=(20, 10))
    letters = {u.unit: u.letters[0] for u in plan.units}
    assert list(letters) == ["县水利局", "县自然资源局", "县市场监管局"]
    for unit, other in (("县水利局", "县自然资源局"), ("县自然资源局", "县水利局")):
        assert letters[unit].table()[0][2] == f"开展联合执法（共同牵头单位：{other}）"
        assert letters[unit].copy_line == f"抄送：{other}。"
    assert letters["县市场监管局"].table()[0][2] == "开展校园食堂专项检查（配合单位：县教体局）"
    assert letters["县市场监管局"].copy_line == "抄送：县教体局。"


# -- a unit named in brackets, or before the round it answers -----------------------------------------


@pytest.mark.parametrize(("file", "unit"), [
    ("【县档案馆】整改台账.xlsx", "县档案馆"),
    ("2024年巡察整改台账（县统计局）.xlsx", "县统计局"),
    ("部门/巡察整改台账（县统计局）（终稿）.xlsx", "县统计局"),
    ("县统计局落实县委第三巡察组反馈意见整改台账.xlsx", "县统计局"),
    ("县统计局关于县委第三巡察组反馈问题的整改台账.xlsx", "县统计局"),
    ("东山镇/巡察整改台账（党政办）.xlsx", "东山镇"),  # in a unit's folder: a part of the town's ledger
])
def test_the_unit_a_name_gives_in_brackets_or_before_the_round(file: str, unit: str) -> None:
    named = read_name(file)
    assert (named.unit, named.names_unit) == (unit, True)


def test_a_file_named_with_the_unit_in_brackets_counts_under_it(tmp_path: Path) -> None:
    inbox = tmp_path / "报送"
    _ledger(inbox / "【县档案馆】整改台账.xlsx", "县档案馆")
    _ledger(inbox / "2024年巡察整改台账（县统计局）.xlsx", "县档案馆", 3)  # the template of another unit, unchanged
    result = run_batch(inbox, workers=1)
    assert sorted(r.unit for r in round_rows(result)) == ["县档案馆", "县统计局"]
    assert [n.files for n in batch_notes(result) if n.code == "unit-name-mismatch"] == [
        ["2024年巡察整改台账（县统计局）.xlsx"]]
