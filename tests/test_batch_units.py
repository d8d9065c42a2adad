"""``rectxl batch`` tells units apart by what their ledgers say, not by file names alone: files
with generic names ("整改台账.xlsx", "附件3(1).xlsx") that declare different units are two units;
one unit spelled two ways ("县气象局" / "气象局", "中共梅岭镇委员会" / "梅岭镇") is one unit, of
which only the newest readable version counts; units of which nothing could be read are listed.

The ledgers are built here with openpyxl (fictional units): a 台账 sheet, optionally a title row
above the header and a 基本信息 sheet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl.batch import BatchOutputs, run_batch, write_batch
from rectxl.core.batch_report import BatchResult, batch_notes, newest_version, round_rows, to_json, to_text
from rectxl.core.batch_units import canonical_unit, cluster, same_unit_name
from rectxl.core.rules import Options

AS_OF = date(2026, 11, 30)
OPTS = Options(as_of=AS_OF)
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
BASE = datetime(2026, 11, 20, 9, 0).timestamp()


def ledger(path: Path, measures: int, *, title: str | None = None, unit: str | None = None,
           report_date: date | None = None, done: int = 0, hours: float = 0) -> Path:
    """A ledger of ``measures`` measures (the first ``done`` 已完成), with a title row ``title``
    above the header, a 基本信息 naming ``unit`` and ``report_date`` when given; modified ``hours``
    after a fixed time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for n in range(1, measures + 1):
        finished = n <= done
        ws.append([n, f"问题{n}：制度执行不严格", f"措施{n}：健全工作制度", "综合股", "王五", "2026年12月31日",
                   "已完成" if finished else "正在推进", "已印发制度" if finished else "正在起草"])
    info = {"反馈日期": date(2026, 6, 18)}
    if unit is not None:
        info["单位名称"] = unit  # type: ignore[assignment]
    if report_date is not None:
        info["报告日期"] = report_date
    if unit is not None or report_date is not None:
        sheet = wb.create_sheet("基本信息")
        for key, value in info.items():
            sheet.append([key, value])
    wb.save(path)
    os.utime(path, (BASE + hours * 3600,) * 2)
    return path


def units(result: BatchResult) -> dict[str, int]:
    """Each unit of the 整改统计 ranking and its measures (units with nothing counted: 0)."""
    return {row.unit: row.measures for row in round_rows(result)}


# -- different units under generic names -------------------------------------------------------------


def test_generic_names_declaring_different_units_are_two_units_not_versions(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    # a WeChat folder: the second file came as "(1)"; one names its unit in the title, one in 基本信息
    ledger(folder / "县直单位" / "微信文件" / "整改台账.xlsx", 4, title="县气象局巡察反馈问题整改台账")
    ledger(folder / "县直单位" / "微信文件" / "整改台账(1).xlsx", 3, unit="县档案馆", hours=2)
    # two offices' 附件3, forwarded into one folder
    ledger(folder / "县直单位" / "附件3.xlsx", 5, unit="县供销合作社")
    ledger(folder / "县直单位" / "附件3(1).xlsx", 2, title="填报单位（盖章）：县侨务办公室", hours=1)
    result = run_batch(folder, options=OPTS, workers=2)
    assert units(result) == {"县气象局": 4, "县档案馆": 3, "县供销合作社": 5, "县侨务办公室": 2}
    assert result.set_aside == [] and len(result.ledgers) == 4
    assert not [n for n in batch_notes(result) if n.code == "versions"]
    assert "另一版本" not in to_text(result)


def test_generic_names_without_a_unit_inside_stay_versions_of_the_folders_ledger(tmp_path: Path) -> None:
    folder = tmp_path / "乡镇"
    ledger(folder / "竹溪乡" / "整改台账.xlsx", 3)
    ledger(folder / "竹溪乡" / "整改台账(1).xlsx", 4, hours=5)
    result = run_batch(folder, options=OPTS, workers=1)
    assert units(result) == {"竹溪乡": 4}
    (aside,) = result.set_aside
    assert aside.file == "竹溪乡/整改台账.xlsx" and "修改时间最新" in aside.reason


# -- one unit spelled two ways ------------------------------------------------------------------------


def test_one_unit_spelled_two_ways_counts_once_the_newest(tmp_path: Path) -> None:
    folder = tmp_path / "十一月"
    old = "县直单位/县气象局巡察整改台账（11月）.xlsx"
    final = "县直单位/气象局-整改台账-终稿.xlsx"
    ledger(folder / old, 6, unit="县气象局", done=1, hours=3)
    ledger(folder / final, 6, unit="县气象局", done=4)
    # a township's ledger in its folder and once more loose beside it, its Party committee declared
    ledger(folder / "乡镇" / "梅岭镇" / "整改台账.xlsx", 5, unit="中共梅岭镇委员会")
    ledger(folder / "乡镇" / "梅岭镇整改台账（11月）.xlsx", 5, unit="梅岭镇", done=2, hours=6)
    result = run_batch(folder, options=OPTS, workers=2)
    assert units(result) == {"县气象局": 6, "梅岭镇": 5}
    assert result.totals()["measures"] == 11 and result.totals()["done"] == 6
    assert sorted(r.file for r in result.ledgers) == ["乡镇/梅岭镇整改台账（11月）.xlsx", final]
    reasons = {s.file: s.reason for s in result.set_aside}
    assert set(reasons) == {old, "乡镇/梅岭镇/整改台账.xlsx"}
    assert f"以“{final}”为准" in reasons[old] and "终稿" in reasons[old]
    assert "以“乡镇/梅岭镇整改台账（11月）.xlsx”为准" in reasons["乡镇/梅岭镇/整改台账.xlsx"]
    text = to_text(result)
    assert "合并统计" not in text and "中共梅岭镇委员会" not in text.split("未统计的副本")[0]
    with_errors = text.split("有错误的台账（")[1].split("\n\n")[0] if "有错误的台账（" in text else ""
    assert old not in with_errors  # the outdated file is not reported as a ledger with errors


def test_the_unit_is_shown_under_one_name(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "县人力资源和社会保障局整改台账.xlsx", 2, unit="县人社局")  # short in 基本信息
    ledger(folder / "县统计局整改台账.xlsx", 2, unit="县统计局党组")
    ledger(folder / "乡镇" / "竹溪乡" / "巡察整改台账.xlsx", 2, unit="中共竹溪乡委员会")
    result = run_batch(folder, options=OPTS, workers=1)
    assert set(units(result)) == {"县人力资源和社会保障局", "县统计局", "竹溪乡"}
    data = json.loads(to_json(result))
    assert {r["unit"] for r in data["round"]} == {r["unit"] for r in data["ledgers"]} == set(units(result))


def test_units_of_two_places_are_never_made_one(tmp_path: Path) -> None:
    folder = tmp_path / "全市"
    ledger(folder / "县直" / "县气象局整改台账.xlsx", 2, unit="县气象局")
    ledger(folder / "市直" / "市气象局整改台账.xlsx", 3, unit="市气象局", hours=1)
    ledger(folder / "县直" / "县档案馆整改台账.xlsx", 4, unit="县档案馆")
    result = run_batch(folder, options=OPTS, workers=1)
    assert units(result) == {"县气象局": 2, "市气象局": 3, "县档案馆": 4} and result.set_aside == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("县气象局", "气象局", True),
    ("中共梅岭镇委员会", "梅岭镇", True),
    ("梅岭镇党委", "梅岭镇", True),
    ("县发改局", "县发展和改革局", True),
    ("青石县人力资源和社会保障局党组", "县人社局", True),
    ("县气象局", "市气象局", False),
    ("梅岭镇", "梅岭镇中心小学", False),
    ("县委", "县委办", False),
    ("县档案馆", "县气象局", False),
])
def test_spellings_of_one_unit(a: str, b: str, same: bool) -> None:
    assert same_unit_name(a, b) is same and same_unit_name(b, a) is same


def test_a_name_that_could_be_either_of_two_units_joins_neither() -> None:
    groups = cluster(["县气象局", "市气象局", "气象局", "县气象局党组"], lambda name: name)
    assert groups == [["县气象局", "县气象局党组"], ["市气象局"], ["气象局"]]


@pytest.mark.parametrize(("name", "shown"), [
    ("中共梅岭镇委员会", "梅岭镇"), ("梅岭镇党委", "梅岭镇"), ("县统计局党组", "县统计局"),
    ("县直机关党委", "县直机关党委"), ("县 气象局", "县气象局"), ("县委办公室", "县委办公室"),
])
def test_the_name_a_unit_is_shown_under(name: str, shown: str) -> None:
    assert canonical_unit(name) == shown


# -- which version counts -------------------------------------------------------------------------------


def test_a_corrupt_newest_version_falls_back_to_the_newest_readable_one(tmp_path: Path) -> None:
    folder = tmp_path / "乡镇"
    good = "竹溪乡/竹溪乡整改台账.xlsx"
    broken = "竹溪乡/竹溪乡整改台账（修改稿）.xlsx"
    ledger(folder / good, 5, unit="竹溪乡", done=2)
    data = ledger(folder / "tmp.xlsx", 6).read_bytes()
    (folder / broken).write_bytes(data[: len(data) // 2])  # cut short in transfer
    (folder / "tmp.xlsx").unlink()
    result = run_batch(folder, options=OPTS, workers=2)
    assert units(result) == {"竹溪乡": 5} and [r.file for r in result.ledgers] == [good]
    (skipped,) = result.skipped
    assert skipped.file == broken and f"已改为统计可以读取的上一版本“{good}”" in skipped.reason
    assert result.set_aside == []
    (note,) = [n for n in batch_notes(result) if n.code == "newest-version-unreadable"]
    assert broken in note.message and good in note.message and "请重新获取" in note.message
    assert note.message in to_text(result)


def test_a_resent_copy_that_differs_and_is_newer_wins(tmp_path: Path) -> None:
    folder = tmp_path / "县档案馆"
    ledger(folder / "整改台账.xlsx", 4, unit="县档案馆", done=1)
    ledger(folder / "整改台账(1).xlsx", 4, unit="县档案馆", done=3, hours=6)
    result = run_batch(folder, options=OPTS, workers=1)
    assert [r.file for r in result.ledgers] == ["整改台账(1).xlsx"] and result.totals()["done"] == 3
    (aside,) = result.set_aside
    assert aside.file == "整改台账.xlsx" and "修改时间最新" in aside.reason


def test_the_date_a_ledger_states_decides_before_its_modification_time(tmp_path: Path) -> None:
    folder = tmp_path / "县气象局"
    # the older ledger was re-saved later (opened and saved again), but says it is of October
    ledger(folder / "县气象局整改台账.xlsx", 3, unit="县气象局", report_date=date(2026, 10, 25), hours=9)
    ledger(folder / "县气象局整改台账(1).xlsx", 3, unit="县气象局", report_date=date(2026, 11, 25), done=2)
    result = run_batch(folder, options=OPTS, workers=1)  # --as-of given: still the ledgers' own dates
    assert [r.file for r in result.ledgers] == ["县气象局整改台账(1).xlsx"]
    (aside,) = result.set_aside
    assert "台账中填写的日期最新（2026年11月25日）" in aside.reason


def test_a_copy_and_its_original_of_one_time_prefer_the_original() -> None:
    ordered, why = newest_version([("台账 - 副本.xlsx", BASE), ("台账.xlsx", BASE)])
    assert ordered[0] == "台账.xlsx" and "副本" in why
    # a "(1)" is the file received again under its name: the later one (tests/test_files_round17.py)
    ordered, why = newest_version([("台账(1).xlsx", BASE), ("台账.xlsx", BASE)])
    assert ordered[0] == "台账(1).xlsx" and "(1)" in why
    ordered, why = newest_version([("台账(1).xlsx", BASE + 60), ("台账.xlsx", BASE)])
    assert ordered[0] == "台账(1).xlsx" and "修改时间最新" in why
    # a backup stays older whatever its time says
    ordered, why = newest_version([("台账.备份-20261120-101010.xlsx", BASE + 60), ("台账.xlsx", BASE)])
    assert ordered[0] == "台账.xlsx" and "备份" in why


# -- units with nothing counted ----------------------------------------------------------------------------


def test_units_with_nothing_counted_are_listed_with_why(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "县气象局" / "县气象局整改台账.xlsx", 3, unit="县气象局")
    (folder / "县档案馆").mkdir()
    (folder / "县档案馆" / "县档案馆整改台账.xlsx").write_bytes(b"")
    with zipfile.ZipFile(folder / "县供销社整改台账.zip", "w") as zf:
        zf.writestr("台账.xlsx", b"PK")
    (folder / "~$县气象局整改台账.xlsx").write_bytes(b"\x00lock")  # a lock file names no missing unit
    (folder / "关于报送整改情况的通知.docx").write_bytes(b"PK")
    out = tmp_path / "输出"
    out.mkdir()
    result = write_batch(folder, BatchOutputs(out / "汇总.xlsx", out / "汇总.json"), options=OPTS, workers=1)
    assert units(result) == {"县气象局": 3, "县档案馆": 0, "县供销社": 0}
    rows = {row.unit: row for row in round_rows(result)}
    assert rows["县档案馆"].reason.startswith("无可读取的台账") and "县档案馆整改台账.xlsx" in rows["县档案馆"].reason
    assert "压缩包" in rows["县供销社"].reason and "解压" in rows["县供销社"].reason
    assert next(iter(rows)) == "县气象局"  # ranked units first, then those to chase
    text = to_text(result)
    assert "没有统计到台账的单位（2" in text and "县档案馆：无可读取的台账" in text
    data = json.loads((out / "汇总.json").read_text("utf-8"))
    assert [(r["unit"], r["measures"], bool(r["reason"])) for r in data["round"]] == [
        ("县气象局", 3, False), ("县档案馆", 0, True), ("县供销社", 0, True)]
    ws = load_workbook(out / "汇总.xlsx")["整改统计"]
    assert ws["N1"].value == "说明"
    listed = {r[1]: r for r in ws.iter_rows(min_row=2, max_row=4, values_only=True)}
    assert listed["县档案馆"][3] == 0 and str(listed["县档案馆"][13]).startswith("无可读取的台账")


def test_a_unit_whose_only_unreadable_file_has_a_readable_version_is_not_listed_as_missing(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "县档案馆整改台账.xlsx", 2, unit="县档案馆")
    (folder / "县档案馆整改台账（终稿）.xlsx").write_bytes(b"")
    result = run_batch(folder, options=OPTS, workers=1)
    assert units(result) == {"县档案馆": 2}


# -- the outputs stay what the run counted ------------------------------------------------------------------


def test_the_streamed_outputs_hold_the_counted_version_only(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "县气象局整改台账.xlsx", 3, unit="县气象局")
    ledger(folder / "气象局整改台账（终稿）.xlsx", 2, unit="县气象局")
    ledger(folder / "县档案馆整改台账.xlsx", 2, unit="县档案馆")
    kept = run_batch(folder, options=OPTS, workers=2)
    out = tmp_path / "输出"
    out.mkdir()
    result = write_batch(folder, BatchOutputs(out / "汇总.xlsx", out / "汇总.json"), options=OPTS, workers=2)
    assert [r.file for r in result.ledgers] == [r.file for r in kept.ledgers]
    assert sorted(r.file for r in kept.ledgers) == ["县档案馆整改台账.xlsx", "气象局整改台账（终稿）.xlsx"]
    data = json.loads((out / "汇总.json").read_text("utf-8"))
    expected = json.loads(to_json(kept))
    data.pop("seconds"), expected.pop("seconds")
    assert data == expected
    files = {row[2] for row in load_workbook(out / "汇总.xlsx")["全部问题"].iter_rows(min_row=2, values_only=True)}
    assert "县气象局整改台账.xlsx" not in files


def test_batch_help_names_every_format_it_reads() -> None:
    proc = subprocess.run([sys.executable, "-m", "rectxl", "batch", "--help"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0 and ".et" in proc.stdout and ".ods" in proc.stdout
