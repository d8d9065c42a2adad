"""The auditor's folder as it really arrives (round 30): ledgers in subfolders per 乡镇/部门 beside
the 巡察办's own statistics table and its merged ledger of every unit, run through ``rectxl batch``.
Units, people and texts are fictional."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl.batch import run_batch

HEADER = ["序号", "问题类型", "反馈问题", "整改举措", "分管领导", "牵头单位", "配合单位", "责任人", "整改期限",
          "整改状态", "进展情况"]

Row = list[Any]


def _unit_rows(unit: str, done: int) -> list[Row]:
    """Four measures of ``unit``'s ledger, the first ``done`` of them finished."""
    texts = [("专项资金拨付滞后，资金台账登记不全", "逐笔核对资金拨付凭证，补登台账"),
             ("干部选任程序执行不严格", "对照选任条例开展程序复查"),
             ("村级财务公开不及时", "督促各村按季度公开财务收支"),
             ("执纪问责偏宽偏软", "对问题线索处置情况开展回头看")]
    return [[i, "一、党的领导弱化方面" if i < 3 else "二、全面从严治党方面", issue, measure, "王建国（副局长）",
             unit, "县委办、县财政局" if i == 1 else "", f"李{i}（办公室主任）",
             "2026年10月31日" if i % 2 else "2027年6月30日", "已完成" if i <= done else "正在推进",
             "已按要求推进"]
            for i, (issue, measure) in enumerate(texts, 1)]


def _ledger(path: Path, reporter: str, rows: list[Row],
            title: str = "中共XX县委第三巡察组反馈意见整改落实台账") -> Path:
    """A ledger as a unit keeps it: a title row, a 报送单位 row with the date, the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([title])
    ws.append([f"报送单位：{reporter}                  报送时间：2026年11月30日"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _statistics(path: Path, header: list[str]) -> Path:
    """The 巡察办's own progress table: one row per unit, counts and rates."""
    wb = Workbook()
    ws = wb.active
    ws.title = "进度统计"
    ws.append(["全县巡察整改进度统计表（截至11月底）"])
    ws.append(header)
    ws.append([1, "城关镇", 4, 2, 2, "50%"][: len(header)])
    ws.append([2, "县水利局", 4, 3, 1, "75%"][: len(header)])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _folder(root: Path) -> Path:
    _ledger(root / "乡镇" / "城关镇" / "城关镇整改台账.xlsx", "城关镇党委", _unit_rows("城关镇党委", 2))
    _ledger(root / "部门" / "县水利局11月台账.xlsx", "县水利局", _unit_rows("县水利局", 3))
    return root


def _batch_json(folder: Path, tmp: Path) -> dict[str, Any]:
    """``rectxl batch FOLDER --json -`` as the auditor runs it, in a process of its own."""
    proc = subprocess.run([sys.executable, "-m", "rectxl", "batch", str(folder), "-o", str(tmp / "汇总.xlsx"),
                           "--json", "-", "--as-of", "2026-12-01", "-j", "1"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.stdout, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_a_statistics_table_in_the_folder_is_no_broken_ledger(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "收件")
    _statistics(folder / "各单位整改进度统计表.xlsx",
                ["序号", "乡镇（部门）", "反馈问题数", "整改措施数", "已完成数", "整改完成率"])
    _statistics(folder / "部门" / "进度汇总.xlsx",
                ["序号", "责任单位", "反馈问题（个）", "已整改（个）", "正在整改（个）", "完成率"])
    result = run_batch(folder, workers=1)
    assert sorted(r.file for r in result.ledgers) == ["乡镇/城关镇/城关镇整改台账.xlsx", "部门/县水利局11月台账.xlsx"]
    assert result.skipped == []  # no ledger reported broken: nothing to chase
    said = {s.file: s.reason for s in result.ignored}
    for name in ("各单位整改进度统计表.xlsx", "部门/进度汇总.xlsx"):
        assert "统计表" in said[name] and "不是整改台账" in said[name], said
    data = _batch_json(folder, tmp_path)
    assert data["totals"]["skipped"] == 0
    assert {i["file"] for i in data["ignored"]} >= {"各单位整改进度统计表.xlsx", "部门/进度汇总.xlsx"}


def test_the_offices_merged_ledger_beside_the_units_ledgers_is_not_counted_twice(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "收件")
    finance = _unit_rows("县财政局", 1)
    _ledger(folder / "部门" / "县财政局台账.xlsx", "县财政局", finance)
    # the office's own 全县汇总: every unit's rows under its 牵头单位, renumbered
    merged = [[n, *row[1:]] for n, row in enumerate(
        [*_unit_rows("城关镇党委", 2), *_unit_rows("县水利局", 3), *finance], 1)]
    _ledger(folder / "全县巡察整改台账（汇总）.xlsx", "县委巡察办", merged,
            title="XX县委巡察反馈问题整改落实情况汇总台账")
    # a unit's ledger with two measures led by other units alone is still that unit's
    office = [*_unit_rows("县委办", 2), *[[i, *r[1:]] for i, r in enumerate(_unit_rows("县委办", 2)[:2], 5)]]
    office[4][5], office[5][5] = "县财政局", "县水利局"
    _ledger(folder / "部门" / "县委办整改台账.xlsx", "县委办", office)

    result = run_batch(folder, workers=1)
    counted = {r.file: r.unit for r in result.ledgers}
    assert "全县巡察整改台账（汇总）.xlsx" not in counted
    assert sorted(counted.values()) == sorted(["城关镇", "县水利局", "县财政局", "县委办"])
    assert result.totals()["measures"] == 4 * 3 + 6  # each unit's measures once
    aside = {s.file: s.reason for s in result.set_aside}
    reason = aside["全县巡察整改台账（汇总）.xlsx"]
    assert reason.startswith("汇总台账") and "12 项措施中有 12 项" in reason and "共 3 个单位" in reason
    data = _batch_json(folder, tmp_path)
    assert data["totals"]["measures"] == 18
    assert "全县巡察整改台账（汇总）.xlsx" not in {r["file"] for r in data["ledgers"]}
    proc = subprocess.run([sys.executable, "-m", "rectxl", "batch", str(folder), "-o", str(tmp_path / "b.xlsx"),
                           "--no-json", "--as-of", "2026-12-01", "-j", "1"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert "整改措施 18 项" in proc.stdout and "未统计的副本、旧版本和汇总台账（1）" in proc.stdout, proc.stdout


def test_a_reporting_unit_left_blank_is_not_read_as_the_next_label(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    for town in ("石桥镇", "河口乡"):
        # the county's form: its title names the inspecting committee, the 报送单位 left blank, the
        # 报送时间 filled in; each town's file in the town's folder
        _ledger(folder / "乡镇" / town / "附件1.xlsx", "", _unit_rows(f"{town}党委", 1))
    result = run_batch(folder, workers=1)
    assert sorted(r.unit for r in result.ledgers) == ["河口乡", "石桥镇"]
    data = _batch_json(folder, tmp_path)
    assert data["notes"] == [], data["notes"]  # no unit named “报送时间” against the folders' names
    assert {r["unit"] for r in data["ledgers"]} == {"河口乡", "石桥镇"}


def _month(path: Path, as_of: str, header: list[str], rows: list[Row]) -> Path:
    """The office's county-wide list for one month: a title, the 截至 date, the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    ws.append(["XX县落实县委巡察反馈意见整改任务清单"])
    ws.append([f"截至{as_of}"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


LIST_HEADER = ["序号", "反馈问题", "整改措施", "县级责任领导", "牵头单位", "配合单位", "具体责任人", "完成时限",
               "推进情况"]
_TASKS = [("乡村振兴衔接项目开工率低", "倒排工期，逐个项目明确开工节点", "王建国"),
          ("河湖“清四乱”不彻底", "开展河道违建专项清理", "张华"),
          ("村级换届遗留问题未清零", "逐村建立问题清单、销号管理", "周敏")]


def _month_diff(tmp_path: Path, old: list[Row], new: list[Row], old_header: list[str]) -> tuple[str, Any]:
    from datetime import date

    from rectxl.core.diff import diff_ledgers, render_diff_text
    from rectxl.io.reader import read_ledger

    a = _month(tmp_path / "10月.xlsx", "2026年10月31日", old_header, old)
    b = _month(tmp_path / "11月.xlsx", "2026年11月30日", LIST_HEADER, new)
    d = diff_ledgers(read_ledger(a), read_ledger(b), as_of_old=date(2026, 10, 31), as_of_new=date(2026, 11, 30),
                     old_name=a.name, new_name=b.name)
    return render_diff_text(d), d


def test_diff_says_the_co_operating_units_changed(tmp_path: Path) -> None:
    co_old = ["各乡镇", "县水利局", "县委组织部"]
    co_new = ["城关镇、河口乡、石桥镇", "县水利局", "县委组织部、县民政局"]

    def rows(co: list[str]) -> list[Row]:
        return [[i, issue, measure, leader, "县农业农村局", c, "李明", "2026年12月31日", "推进中"]
                for i, ((issue, measure, leader), c) in enumerate(zip(_TASKS, co, strict=True), 1)]

    text, d = _month_diff(tmp_path, rows(co_old), rows(co_new), LIST_HEADER)
    owners = [c for c in d.changes if c.kind.value == "责任变化"]
    assert sorted((c.field, c.old, c.new) for c in owners) == [
        ("配合单位", "县委组织部", "县委组织部、县民政局"), ("配合单位", "各乡镇", "城关镇、河口乡、石桥镇")], text
    assert "配合单位 各乡镇 → 城关镇、河口乡、石桥镇" in text


def test_diff_a_co_operating_unit_moved_to_a_column_of_its_own_is_not_dropped(tmp_path: Path) -> None:
    one = ["序号", "反馈问题", "整改措施", "县级责任领导", "责任单位", "具体责任人", "完成时限", "推进情况"]
    old = [[1, *_TASKS[0], "县农业农村局、县财政局", "李明", "2026年12月31日", "推进中"],
           [2, *_TASKS[1], "县水利局", "赵强", "2026年12月31日", "推进中"],
           [3, *_TASKS[2], "县委组织部", "吴刚", "2026年12月31日", "推进中"]]
    # November's list adds a 配合单位 column: 县财政局 written there, 县农业农村局 marked as the lead
    new = [[1, *_TASKS[0], "县农业农村局（牵头）", "县财政局", "李明", "2026年12月31日", "推进中"],
           [2, *_TASKS[1], "县水利局", "", "赵强", "2026年12月31日", "推进中"],
           [3, *_TASKS[2], "县民政局", "", "吴刚", "2026年12月31日", "推进中"]]
    text, d = _month_diff(tmp_path, old, new, one)
    owners = [(c.field, c.old, c.new) for c in d.changes if c.kind.value in ("责任变化", "单位名称写法变化")]
    # the one real change: 县委组织部 no longer leads the third measure
    assert owners == [("责任单位", "县委组织部", "县民政局")], text
    assert "本期新增“配合单位”列" in text


def test_remind_writes_to_the_unit_not_to_the_person_written_beside_it(tmp_path: Path) -> None:
    from docx import Document

    wb = Workbook()
    ws = wb.active
    ws.append(["XX县巡察反馈问题整改台账"])
    ws.append(["截至2026年11月30日"])
    ws.append(["序号", "问题", "整改措施", "责任单位及责任人", "完成时限", "整改进度"])
    ws.append([1, "河湖“清四乱”不彻底", "开展河道违建专项清理", "县水利局：赵强副局长", "2026年11月10日", "推进中"])
    ws.append([2, "城区停车难", "新建公共停车场2处", "县住建局—冯涛", "2026年12月10日", "推进中"])
    ws.append([3, "公务接待清单不全", "逐笔核对接待清单", "县财政局－孙丽（副局长）", "2026年11月20日", "推进中"])
    ledger = tmp_path / "台账.xlsx"
    wb.save(ledger)
    out = tmp_path / "文书"
    proc = subprocess.run([sys.executable, "-m", "rectxl", "remind", str(ledger), "-o", str(out), "--as-of",
                           "2026-12-01"], capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    letters = {p.name: p for p in out.glob("*.docx")}
    assert sorted(letters) == ["县住建局_提醒函.docx", "县水利局_督办通知.docx", "县财政局_督办通知.docx"], proc.stderr
    for name, opening in (("县水利局_督办通知.docx", "你局"), ("县住建局_提醒函.docx", "你局")):
        paragraphs = [p.text for p in Document(str(letters[name])).paragraphs if p.text.strip()]
        unit = name.split("_")[0]
        assert f"{unit}：" in paragraphs, paragraphs  # the addressee line names the unit alone
        assert any(f"{opening}牵头负责的" in p and "有1项" in p for p in paragraphs), paragraphs


def test_a_covering_note_sent_beside_the_ledger_asks_for_no_ledger(tmp_path: Path) -> None:
    from docx import Document

    folder = _folder(tmp_path / "收件")
    _ledger(folder / "部门" / "县民政局" / "县民政局整改台账.xlsx", "县民政局", _unit_rows("县民政局", 2))
    for name in ("县民政局报送说明.docx", "县民政局关于报送巡察整改台账的说明.docx", "县水利局上报说明.docx"):
        doc = Document()
        doc.add_paragraph(f"{name.removesuffix('.docx')}：现将巡察整改台账报送你办，请审阅。")
        doc.save(str(folder / "部门" / name))
    result = run_batch(folder, workers=1)
    said = {s.file: s.reason for s in result.ignored}
    for name, unit in (("县民政局报送说明.docx", "县民政局"), ("县民政局关于报送巡察整改台账的说明.docx", "县民政局"),
                       ("县水利局上报说明.docx", "县水利局")):
        reason = said[f"部门/{name}"]
        assert f"该单位（{unit}）的台账已检查" in reason and "索取 Excel 台账" not in reason, reason


def test_a_merged_ledger_set_aside_names_the_units_that_sent_none_of_their_own(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "收件")
    audit = [[1, "一、党的领导弱化方面", "审计整改督办不力", "建立审计整改对账销号机制", "钱进", "县审计局", "",
              "钱进（局长）", "2027年3月31日", "正在推进", "已起草机制"]]
    merged = [[n, *row[1:]] for n, row in enumerate(
        [*_unit_rows("城关镇党委", 2), *_unit_rows("县水利局", 3), *audit], 1)]
    _ledger(folder / "县委巡察办" / "全县整改台账汇总表.xlsx", "县委巡察办", merged,
            title="XX县委巡察反馈问题整改落实情况汇总台账")
    result = run_batch(folder, workers=1)
    assert result.totals()["measures"] == 8
    reason = {s.file: s.reason for s in result.set_aside}["县委巡察办/全县整改台账汇总表.xlsx"]
    assert "9 项措施中有 8 项" in reason, reason
    assert "其中县审计局（共 1 个单位）在文件夹中没有单独的台账" in reason, reason


def test_a_ledger_whose_unit_nothing_names_is_pointed_out(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "收件")
    # saved straight into the folder from a chat, the county's blank form filled in, no unit written
    _ledger(folder / "整改台账.xlsx", "", _unit_rows("某单位", 1))
    data = _batch_json(folder, tmp_path)
    unknown = [n for n in data["notes"] if n["code"] == "unit-unknown"]
    assert len(unknown) == 1 and unknown[0]["files"] == ["整改台账.xlsx"], data["notes"]
    assert "没有写明单位" in unknown[0]["message"] and "整改台账.xlsx" in unknown[0]["message"]
    # the units' own ledgers are not pointed out
    assert all("城关镇" not in n["message"] and "县水利局" not in n["message"] for n in unknown)
