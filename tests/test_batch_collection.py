"""``rectxl batch`` over a collection as the 巡察办 really receives it, checked the way an auditor
checks the summary: which units are ranked and with how many measures, what was set aside and
why, and that every file of the folder is accounted for.

The ledgers are built here with openpyxl: a 台账 sheet and a 基本信息 sheet, as units fill in the
template (often leaving the template's 单位名称 as it was).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.batch import BatchOutputs, run_batch, write_batch
from rectxl.core.batch_report import (
    BatchResult,
    batch_notes,
    newest_version,
    read_name,
    resolve_unit,
    to_json,
    to_text,
)
from rectxl.core.rules import Options
from rectxl.core.text import fold
from rectxl.io.reader import LEDGER_SUFFIXES

AS_OF = date(2026, 11, 20)
TEMPLATE_UNIT = "青石县农业农村局党组"
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]


def ledger(path: Path, unit: str | None, measures: int, *, report_date: date | None = AS_OF,
           done: int = 0) -> Path:
    """A unit's ledger of ``measures`` measures (the first ``done`` of them 已完成), one issue each,
    its 基本信息 naming ``unit`` (None: no 单位名称) and ``report_date`` (None: none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEADER)
    for n in range(1, measures + 1):
        status = "已完成" if n <= done else "正在推进"
        ws.append([n, f"问题{n}：制度执行不严格", f"措施{n}：建立健全制度", "办公室", "张三", "2026年12月31日", status,
                   "已完成" if n <= done else "正在落实"])
    info = wb.create_sheet("基本信息")
    info.append(["反馈日期", date(2026, 6, 30)])
    if unit is not None:
        info.append(["单位名称", unit])
    if report_date is not None:
        info.append(["报告日期", report_date])
    wb.save(path)
    return path


def units(result: BatchResult) -> dict[str, int]:
    """Each ranked unit and its measures, as the 整改统计 sheet shows them."""
    from rectxl.core.batch_report import round_rows

    return {row.unit: row.measures for row in round_rows(result)}


def every_file(folder: Path) -> set[str]:
    """Every file under ``folder`` — hidden folders counted as one entry ("x/"), as batch lists them."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        for name in list(dirnames):
            if name.startswith(".") or name == "__MACOSX" or (base / name).is_symlink():
                found.add((base / name).relative_to(folder).as_posix() + "/")
                dirnames.remove(name)
        found |= {(base / name).relative_to(folder).as_posix() for name in filenames}
    return found


def accounted(data: dict[str, object]) -> list[str]:
    """The files a batch JSON mentions (ledgers, unreadable, set aside, not checked)."""
    entries = [*data["ledgers"], *data["skipped"], *data["set_aside"], *data["ignored"]]  # type: ignore[misc]
    return [entry["file"] for entry in entries]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", "batch", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=300)


# -- one file, one ledger: a 单位名称 left from the template ---------------------------------------


def test_a_template_unit_name_left_unchanged_does_not_merge_three_units(tmp_path: Path) -> None:
    folder = tmp_path / "11月报送"
    ledger(folder / "县文旅局整改台账.xlsx", TEMPLATE_UNIT, 3)
    ledger(folder / "县商务局整改台账.xlsx", TEMPLATE_UNIT, 4)
    ledger(folder / "附件2：县科技局巡察整改台账（11月）.xlsx", TEMPLATE_UNIT, 5)
    result = run_batch(folder, options=Options(), workers=2)
    assert units(result) == {"县文旅局": 3, "县商务局": 4, "县科技局": 5}
    (note,) = batch_notes(result)
    assert note.code == "unit-name-mismatch" and len(note.files) == 3
    assert f"“{TEMPLATE_UNIT}”" in note.message and "按文件名" in note.message
    text = to_text(result)
    assert "请注意（1）：" in text and "沿用了模板" in text
    data = json.loads(to_json(result))
    assert {r["unit"] for r in data["ledgers"]} == {"县文旅局", "县商务局", "县科技局"}
    assert [n["code"] for n in data["notes"]] == ["unit-name-mismatch"]


@pytest.mark.parametrize(("declared", "file", "unit", "conflict"), [
    ("县水利局党组", "县水利局整改台账.xlsx", "县水利局党组", False),
    ("青石镇党委", "附件2：青石镇巡察整改台账（11月）（终稿）.xlsx", "青石镇党委", False),
    ("中共青石县水利局党组", "01_县水利局/巡察整改台账.xlsx", "中共青石县水利局党组", False),
    ("青石县人力资源和社会保障局党组", "县人社局 整改台账（第二期）.xlsx", "青石县人力资源和社会保障局党组", False),
    ("县市场监督管理局党组", "附件2：中共青石县委巡察工作领导小组办公室关于报送县市场监督管理局党组巡察反馈问题整改落实"
     "情况及整改台账（截至2026年11月20日）的报告附件（最终修改稿）（已审核）（报送版）.xlsx", "县市场监督管理局党组",
     False),
    ("区卫生健康局", "二区/丙单位台账.xlsx", "区卫生健康局", False),  # 丙单位 is no unit's name
    ("白云镇党委", "11月报送/附件2.xlsx", "白云镇党委", False),  # nor 附件2, nor the folder 11月报送
    ("白云镇党委", "乡镇/巡察整改台账.xlsx", "白云镇党委", False),  # 乡镇 holds many units
    (TEMPLATE_UNIT, "县文旅局整改台账.xlsx", "县文旅局", True),
    (TEMPLATE_UNIT, "东山镇/巡察整改台账.xlsx", "东山镇", True),  # the folder says whose
    (None, "县统计局台账_已清除标记.xlsx", "县统计局", False),
])
def test_the_unit_a_ledger_is_counted_under(declared: str | None, file: str, unit: str, conflict: bool) -> None:
    assert resolve_unit(declared, file) == (unit, declared if conflict else "")


# -- several versions of one unit's ledger -------------------------------------------------------


def test_three_versions_of_one_ledger_count_the_final_one_only(tmp_path: Path) -> None:
    folder = tmp_path / "县水利局"
    ledger(folder / "县水利局整改台账.xlsx", "县水利局党组", 2)
    ledger(folder / "县水利局整改台账（修改稿）.xlsx", "县水利局党组", 3)
    final = "附件2：县水利局巡察整改台账（11月）（终稿）.xlsx"
    ledger(folder / final, "县水利局党组", 4, done=1)
    out = tmp_path / "汇总"
    out.mkdir()
    result = write_batch(folder, BatchOutputs(out / "汇总.xlsx", out / "汇总.json"), options=Options(), workers=2)
    assert [r.file for r in result.ledgers] == [final]
    assert units(result) == {"县水利局": 4} and result.totals()["measures"] == 4  # shown without 党组
    reasons = {s.file: s.reason for s in result.set_aside}
    assert set(reasons) == {"县水利局整改台账.xlsx", "县水利局整改台账（修改稿）.xlsx"}
    assert all(f"以“{final}”为准" in r and "终稿" in r and "未统计" in r for r in reasons.values())
    (note,) = batch_notes(result)
    assert note.code == "versions" and note.files[0] == final and "收到 3 个不同版本" in note.message
    data = json.loads((out / "汇总.json").read_text("utf-8"))
    assert data["totals"]["set_aside"] == 2 and [s["file"] for s in data["set_aside"]] == sorted(reasons)
    assert data["notes"][0]["code"] == "versions"
    wb = load_workbook(out / "汇总.xlsx")
    rows = list(wb["整改统计"].iter_rows(min_row=2, values_only=True))
    assert rows[0][1:4] == ("县水利局", final, 4)
    assert rows[2][1] == "请注意" and "收到 3 个不同版本" in rows[3][1]
    listed = list(wb["无法读取"].iter_rows(min_row=2, values_only=True))
    heading = listed.index((None, "未统计的副本和旧版本", "原因"))
    assert [r[1] for r in listed[heading + 1:]] == sorted(reasons)


def test_monthly_versions_count_the_latest_month_and_identical_names_the_latest_saved(tmp_path: Path) -> None:
    folder = tmp_path / "收集"
    ledger(folder / "10月报送" / "附件2：青石镇巡察整改台账（10月）.xlsx", "青石镇党委", 2)
    ledger(folder / "11月报送" / "附件2：青石镇巡察整改台账（11月）.xlsx", "青石镇党委", 3)
    old = ledger(folder / "第一次" / "县林业局整改台账.xlsx", "县林业局党组", 5)
    ledger(folder / "第二次" / "县林业局整改台账.xlsx", "县林业局党组", 6)
    os.utime(old, (datetime(2026, 11, 1).timestamp(),) * 2)
    result = run_batch(folder, options=Options(), workers=1)
    assert units(result) == {"青石镇": 3, "县林业局": 6}
    reasons = {s.file: s.reason for s in result.set_aside}
    assert "文件名中的日期最新" in reasons["10月报送/附件2：青石镇巡察整改台账（10月）.xlsx"]
    # the folders' order says which was sent later, whatever the files' modification times
    assert "“第二次”的次序最新" in reasons["第一次/县林业局整改台账.xlsx"]


def test_a_ledger_sent_in_parts_is_added_up_and_said_so(tmp_path: Path) -> None:
    folder = tmp_path / "乡镇"
    ledger(folder / "石门镇" / "石门镇巡察整改台账（第一部分）.xlsx", "石门镇党委", 3)
    ledger(folder / "石门镇" / "石门镇巡察整改台账（第二部分）.xlsx", "石门镇党委", 2)
    result = run_batch(folder, options=Options(), workers=1)
    assert units(result) == {"石门镇": 5} and result.set_aside == []
    (note,) = batch_notes(result)
    assert note.code == "files-added-up" and "2 个台账文件合并统计" in note.message


def test_attachments_numbered_by_the_office_are_different_ledgers(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "附件1.xlsx", "白云镇党委", 2)
    ledger(folder / "附件2.xlsx", "红旗乡党委", 3)
    ledger(folder / "巡察整改台账-1.xlsx", "石门镇党委", 4)
    ledger(folder / "巡察整改台账-2.xlsx", "青石镇党委", 5)
    result = run_batch(folder, options=Options(), workers=1)
    assert units(result) == {"白云镇": 2, "红旗乡": 3, "石门镇": 4, "青石镇": 5}
    assert result.set_aside == [] and batch_notes(result) == []


@pytest.mark.parametrize(("names", "newest", "why"), [
    (["县水利局整改台账.xlsx", "县水利局整改台账（修改稿）.xlsx", "附件2：县水利局巡察整改台账（11月）（终稿）.xlsx"],
     "附件2：县水利局巡察整改台账（11月）（终稿）.xlsx", "文件名标明“终稿”"),
    (["县水利局整改台账（初稿）.xlsx", "县水利局整改台账.xlsx"], "县水利局整改台账.xlsx", "其他版本标明“初稿”"),
    (["县水利局台账_20261020.xlsx", "县水利局台账_20261120.xlsx"], "县水利局台账_20261120.xlsx", "日期最新"),
    (["县水利局整改台账（第二稿）.xlsx", "县水利局整改台账（第三稿）.xlsx"], "县水利局整改台账（第三稿）.xlsx",
     "稿次最新"),
    (["县水利局整改台账 - 副本.xlsx", "县水利局整改台账.xlsx"], "县水利局整改台账.xlsx", "副本或备份"),
    (["县水利局整改台账.备份-20261120-101010.xlsx", "县水利局整改台账.xlsx"], "县水利局整改台账.xlsx", "副本或备份"),
])
def test_the_newest_version_by_its_name(names: list[str], newest: str, why: str) -> None:
    assert len({read_name(n).key for n in names}) == 1  # versions of one ledger
    ordered, reason = newest_version([(n, 1_700_000_000.0) for n in names])
    assert ordered[0] == newest and why in reason


def test_parts_and_units_are_not_versions() -> None:
    keys = {read_name(n).key for n in ["石门镇台账（第一部分）.xlsx", "石门镇台账（第二部分）.xlsx", "石门镇台账.xlsx",
                                       "白云镇台账.xlsx", "东山镇/巡察整改台账.xlsx", "西山镇/巡察整改台账.xlsx"]}
    assert len(keys) == 6


# -- rectxl's own files, told by their content -----------------------------------------------------


def test_rectxl_outputs_are_recognised_by_their_content_not_their_names(tmp_path: Path) -> None:
    """A unit's own ledger called "…_校验.xlsx" and a cleared copy are ledgers; rectxl's annotated
    copy beside its ledger is rectxl's output; a cleared copy beside its ledger is a copy of it."""
    folder = tmp_path / "报送"
    ledger(folder / "县水利局整改台账_校验.xlsx", "县水利局党组", 2)
    ledger(folder / "县统计局台账_已清除标记.xlsx", "县统计局党组", 3)
    original = ledger(folder / "县财政局整改台账.xlsx", "县财政局党组", 4)
    api.annotate(original, folder / "县财政局整改台账_校验.xlsx", Options())
    api.clear(folder / "县财政局整改台账_校验.xlsx", folder / "县财政局整改台账_校验_已清除标记.xlsx")
    result = run_batch(folder, options=Options(), workers=2)
    assert units(result) == {"县水利局": 2, "县统计局": 3, "县财政局": 4}
    assert [r.file for r in result.ledgers if r.unit == "县财政局"] == ["县财政局整改台账.xlsx"]
    ignored = {s.file: s.reason for s in result.ignored}
    assert list(ignored) == ["县财政局整改台账_校验.xlsx"]
    assert "带校验标记的副本" in ignored["县财政局整改台账_校验.xlsx"]
    assert [s.file for s in result.set_aside] == ["县财政局整改台账_校验_已清除标记.xlsx"]
    assert "rectxl 生成" not in to_text(result).split("未检查（")[0]  # no ledger was called rectxl's


# -- every file accounted for ------------------------------------------------------------------------


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """A folder as unpacked from units' e-mails: ledgers and everything else that comes with them."""
    folder = tmp_path / "11月报送"
    good = ledger(folder / "县水利局整改台账.xlsx", "县水利局党组", 3)
    ledger(folder / ".县隐藏台账.xlsx", "县隐藏单位党组", 2)
    (folder / "~$县水利局整改台账.xlsx").write_bytes(b"\x0cadministrator" + b"\x00" * 40)
    (folder / ".~lock.县水利局整改台账.xlsx#").write_text("张三,host,host,20.11.2026 10:00;", encoding="utf-8")
    (folder / "__MACOSX").mkdir()
    (folder / "__MACOSX" / "._县水利局整改台账.xlsx").write_bytes(b"\x00\x05\x16\x07")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]", encoding="utf-8")
    (folder / "乡镇").mkdir()
    (folder / "乡镇" / "._白云镇整改台账.xlsx").write_bytes(b"\x00\x05\x16\x07")
    with zipfile.ZipFile(folder / "县直单位台账打包.zip", "w") as zf:
        zf.write(good, "县交通运输局整改台账.xlsx")
    (folder / "县林业局整改台账.et").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (folder / "县医保局整改台账.csv").write_text("具体问题,整改措施\n问题1,措施1\n", encoding="utf-8-sig")
    shutil.copy(good, folder / "县水利局整改台账 - 副本.xlsx")
    ledger(tmp_path / "上月" / "县水利局整改台账.xlsx", "县水利局党组", 1)
    (folder / "上月的链接").symlink_to(tmp_path / "上月", target_is_directory=True)
    return folder


def test_every_file_of_the_folder_is_in_the_report(collection: Path, tmp_path: Path) -> None:
    proc = run_cli(str(collection), "-o", str(tmp_path / "汇总.xlsx"), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    mentioned = accounted(data)
    assert sorted(mentioned) == sorted(every_file(collection))  # each file once, none left out
    reasons = {s["file"]: fold(s["reason"]) for s in data["ignored"] + data["set_aside"]}
    assert "临时锁定文件" in reasons["~$县水利局整改台账.xlsx"]
    assert "临时锁定文件" in reasons[".~lock.县水利局整改台账.xlsx#"]
    assert "隐藏文件" in reasons[".县隐藏台账.xlsx"] and "去掉文件名开头的" in reasons[".县隐藏台账.xlsx"]
    assert "隐藏文件夹" in reasons[".git/"] and "macOS" in reasons["__MACOSX/"]
    assert "macOS" in reasons["乡镇/._白云镇整改台账.xlsx"]
    assert "压缩包" in reasons["县直单位台账打包.zip"] and "请解压" in reasons["县直单位台账打包.zip"]
    assert "重复文件" in reasons["县水利局整改台账 - 副本.xlsx"]
    assert "链接" in reasons["上月的链接/"]
    if ".et" not in LEDGER_SUFFIXES:  # once the reader reads WPS files, the .et is checked like any ledger
        assert "WPS 表格文件" in reasons["县林业局整改台账.et"] and "另存为 .xlsx" in reasons["县林业局整改台账.et"]
    # a system's CSV export is a ledger as Excel opens it
    assert [r["file"] for r in data["ledgers"]] == ["县医保局整改台账.csv", "县水利局整改台账.xlsx"]
    out = fold(proc.stdout)
    assert all(fold(name) in out for name in ("县直单位台账打包.zip", ".县隐藏台账.xlsx", "~$县水利局整改台账.xlsx"))


def test_a_folder_without_a_ledger_says_what_it_found(tmp_path: Path) -> None:
    folder = tmp_path / "onlyet"
    folder.mkdir()
    (folder / "县林业局整改台账.et").write_text("not a workbook", encoding="utf-8")
    with zipfile.ZipFile(folder / "县直单位台账打包.zip", "w") as zf:
        zf.writestr("县交通运输局整改台账.xlsx", b"PK")
    (folder / ".隐藏.xlsx").write_bytes(b"PK")
    proc = run_cli(str(folder), "-o", str(tmp_path / "汇总.xlsx"), cwd=tmp_path)
    if ".et" in LEDGER_SUFFIXES:  # the .et is read (and found unreadable): a run, not this message
        assert proc.returncode == 1, proc.stderr
        return
    assert proc.returncode == 2 and not (tmp_path / "汇总.xlsx").exists()
    err = fold(proc.stderr)
    assert "没有找到 Excel 台账" in err and "找到 3 个文件,均未检查" in err
    assert "县林业局整改台账.et:WPS 表格文件" in err and "县直单位台账打包.zip:压缩包" in err
    assert ".隐藏.xlsx:隐藏文件" in err
    (tmp_path / "空").mkdir()
    proc = run_cli(str(tmp_path / "空"), "-o", str(tmp_path / "汇总.xlsx"), cwd=tmp_path)
    assert proc.returncode == 2 and "文件夹是空的" in proc.stderr


# -- as-of dates ---------------------------------------------------------------------------------


def test_ledgers_evaluated_on_different_dates_are_said_to_be(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "县水利局整改台账.xlsx", "县水利局党组", 2)
    ledger(folder / "县林业局整改台账.xlsx", "县林业局党组", 2)
    ledger(folder / "县财政局整改台账-报送版.xlsx", "县财政局党组", 2, report_date=None)
    result = run_batch(folder, options=Options(), workers=1, today=date(2026, 11, 30))
    (note,) = batch_notes(result)
    assert note.code == "as-of-differs" and note.files == ["县财政局整改台账-报送版.xlsx"]
    assert "2026年11月20日 2 个台账（报告日期）" in note.message
    assert "2026年11月30日 1 个台账（未填报告日期，按今天计算）：县财政局整改台账-报送版.xlsx" in note.message
    assert "--as-of" in note.message and note.message in to_text(result)
    same = run_batch(folder, options=Options(as_of=AS_OF), workers=1)
    assert batch_notes(same) == []  # one date given for all: nothing to say
