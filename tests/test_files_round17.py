"""Round 17, the auditor's folder: files named the way other offices name their versions
("南坪乡整改台账2.0.xlsx", "…第二版", "…V1.1", "…二稿", "…新") are versions of one unit's ledger,
not a second unit's, and a downloaded "(2)" copy of one time is taken as the later one. Ledgers are
built here with openpyxl (fictional units)."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl.batch import run_batch
from rectxl.core.batch_report import newest_version, read_name
from rectxl.core.rules import Options

OPTS = Options(as_of=date(2026, 11, 30))
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
BASE = datetime(2026, 11, 20, 9, 0).timestamp()


def ledger(path: Path, measures: int, *, done: int = 0, hours: float = 0, unit: str | None = None) -> Path:
    """A ledger of ``measures`` measures (the first ``done`` 已完成), modified ``hours`` after a fixed time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEADER)
    for n in range(1, measures + 1):
        finished = n <= done
        ws.append([n, f"问题{n}：村务公开不及时", f"措施{n}：完善公开制度", "党政办", "李四", "2026年12月31日",
                   "已完成" if finished else "正在推进", "已公开" if finished else "正在整理"])
    if unit is not None:
        info = wb.create_sheet("基本信息")
        info.append(["单位名称", unit])
    wb.save(path)
    os.utime(path, (BASE + hours * 3600, BASE + hours * 3600))
    return path


@pytest.mark.parametrize("name", [
    "南坪乡整改台账2.0.xlsx", "南坪乡整改台账ver2.xlsx",
    "南坪乡整改台账第二版.xlsx", "南坪乡整改台账第2稿.xlsx", "南坪乡整改台账二稿.xlsx", "南坪乡整改台账2.xlsx",
    "南坪乡整改台账新.xlsx", "南坪乡整改台账改.xlsx", "南坪乡整改台账修改后.xlsx", "南坪乡整改台账二次修改.xlsx",
    "南坪乡整改台账改2.xlsx",
])
def test_a_version_glued_to_the_name_is_no_part_of_the_unit(name: str) -> None:
    named = read_name(name)
    assert named.unit == "南坪乡" and named.names_unit


@pytest.mark.parametrize(("older", "newer"), [
    ("南坪乡整改台账.xlsx", "南坪乡整改台账2.0.xlsx"),
    ("南坪乡整改台账V1.1.xlsx", "南坪乡整改台账2.0版.xlsx"),
    ("南坪乡整改台账.xlsx", "南坪乡整改台账第二版.xlsx"),
    ("南坪乡整改台账 1.0.xlsx", "南坪乡整改台账 2.0.xlsx"),
    ("南坪乡整改台账（2.0版）.xlsx", "南坪乡整改台账（3.1版）.xlsx"),
    ("南坪乡整改台账一稿.xlsx", "南坪乡整改台账二稿.xlsx"),
    ("南坪乡整改台账改1.xlsx", "南坪乡整改台账改2.xlsx"),
    ("南坪乡整改台账修改.xlsx", "南坪乡整改台账二次修改.xlsx"),
])
def test_the_numbered_version_is_the_newer(older: str, newer: str) -> None:
    ordered, why = newest_version([(older, BASE + 3600), (newer, BASE)])  # the older one re-saved later
    assert ordered[0] == newer and "稿次" in why


def test_a_folder_with_two_versions_counts_the_unit_once(tmp_path: Path) -> None:
    folder = tmp_path / "报送"
    ledger(folder / "南坪乡整改台账.xlsx", 4, done=1, hours=5, unit="南坪乡")
    ledger(folder / "南坪乡整改台账2.0.xlsx", 4, done=3, unit="南坪乡")
    ledger(folder / "东山镇整改台账.xlsx", 2, done=2, unit="东山镇")
    result = run_batch(folder, options=OPTS, workers=1)
    counted = {r.file: r for r in result.ledgers}
    assert set(counted) == {"南坪乡整改台账2.0.xlsx", "东山镇整改台账.xlsx"}
    assert result.totals()["done"] == 5
    (aside,) = result.set_aside
    assert aside.file == "南坪乡整改台账.xlsx"


@pytest.mark.parametrize(("files", "newest"), [
    (["终稿.xlsx", "终稿(2).xlsx"], "终稿(2).xlsx"),
    (["东山镇整改台账（1）.xlsx", "东山镇整改台账.xlsx", "东山镇整改台账（2）.xlsx"], "东山镇整改台账（2）.xlsx"),
])
def test_a_file_received_again_of_one_time_is_the_later(files: list[str], newest: str) -> None:
    ordered, why = newest_version([(f, BASE) for f in files])  # unzipped: one time for all
    assert ordered[0] == newest and "后收到" in why
    # a copy Windows numbers ("- 副本 (2)") was copied here, not received: the original stays first
    ordered, why = newest_version([("终稿 - 副本 (2).xlsx", BASE), ("终稿.xlsx", BASE)])
    assert ordered[0] == "终稿.xlsx" and "副本" in why


def test_the_re_sent_file_of_an_unzipped_folder_is_counted(tmp_path: Path) -> None:
    folder = tmp_path / "西河镇"
    ledger(folder / "终稿.xlsx", 3, done=1, unit="西河镇")
    ledger(folder / "终稿(2).xlsx", 3, done=3, unit="西河镇")
    result = run_batch(folder, options=OPTS, workers=1)
    assert [r.file for r in result.ledgers] == ["终稿(2).xlsx"] and result.totals()["done"] == 3
    (aside,) = result.set_aside
    assert aside.file == "终稿.xlsx" and "后收到" in aside.reason


# -- diff: dates as a user reads them ----------------------------------------------------------------------


def diff_ledger(path: Path, deadlines: list[object], statuses: list[str], *, report: date | None = None) -> Path:
    """A ledger of two measures with these 整改时限 (date cells or words) and statuses."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEADER)
    for n, (due, status) in enumerate(zip(deadlines, statuses, strict=True), start=1):
        ws.append([n, f"问题{n}：村务公开不及时", f"措施{n}：完善公开制度", "党政办", "李四", due, status, "正在整理"])
    info = wb.create_sheet("基本信息")
    info.append(["单位名称", "南坪乡"])
    if report is not None:
        info.append(["报告日期", report])
    wb.save(path)
    return path


def test_diff_text_writes_date_cells_as_dates_in_chinese(tmp_path: Path) -> None:
    from rectxl import api
    from rectxl.core.diff import render_diff_text

    old = diff_ledger(tmp_path / "9月.xlsx", [datetime(2026, 10, 31), date(2026, 9, 30)], ["正在推进", "正在推进"],
                      report=date(2026, 9, 30))
    new = diff_ledger(tmp_path / "11月.xlsx", ["2027年3月底前", date(2026, 12, 31)], ["正在推进", "正在推进"],
                      report=date(2026, 11, 30))
    text = render_diff_text(api.diff(old, new))
    assert "2026年10月31日 → 2027年3月底前" in text
    assert "整改时限由“2026年9月30日”改为“2026年12月31日”" in text
    assert "截至2026年9月30日（来源：报告日期）" in text
    assert "2026-" not in text


def test_last_periods_ledger_without_a_date_is_counted_as_of_its_file(tmp_path: Path) -> None:
    from rectxl import api

    due = [date(2026, 10, 31), date(2026, 11, 15)]
    new = diff_ledger(tmp_path / "南坪乡台账（本期）.xlsx", due, ["已完成", "已完成"], report=date(2026, 11, 30))
    # named after its month: as of that month's end, not as of today (nothing was overdue then)
    named = diff_ledger(tmp_path / "南坪乡台账9月.xlsx", due, ["正在推进", "正在推进"])
    side = api.diff(named, new).old
    assert side.as_of == date(2026, 9, 30) and "文件名" in side.as_of_source
    assert side.counts.overdue == 0
    # no date in its name: as of the day it was last saved
    saved = diff_ledger(tmp_path / "南坪乡台账.xlsx", due, ["正在推进", "正在推进"])
    stamp = datetime(2026, 11, 5, 17, 0).timestamp()
    os.utime(saved, (stamp, stamp))
    side = api.diff(saved, new).old
    assert side.as_of == date(2026, 11, 5) and "修改日期" in side.as_of_source
    assert side.counts.overdue == 1
    # the date an option gives still comes first
    assert api.diff(saved, new, as_of_old=date(2026, 10, 1)).old.as_of == date(2026, 10, 1)


# -- check: a column an Excel Table named by itself ------------------------------------------------------


@pytest.mark.parametrize("auto", ["列1", "Column2", "列 3", "Unnamed: 9"])
def test_an_empty_column_a_table_named_by_itself_is_no_column_to_tell_of(tmp_path: Path, auto: str) -> None:
    from rectxl import api

    path = tmp_path / "南坪乡整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append([*HEADER, auto, "督办意见"])
    for n in range(1, 4):
        ws.append([n, f"问题{n}：村务公开不及时", f"措施{n}：完善公开制度", "党政办", "李四", date(2026, 12, 31),
                   "正在推进", "正在整理", None, "按时完成" if n == 1 else None])
    wb.save(path)
    unknown = [f.value for f in api.check(path, Options(as_of=date(2026, 11, 30))).findings
               if f.code == "column-not-understood"]
    assert unknown == ["督办意见"]  # a column the office named is still told of
    ws.cell(3, len(HEADER) + 1, "已于11月上报")  # one it wrote in, though auto-named, is told of too
    wb.save(path)
    unknown = [f.value for f in api.check(path, Options(as_of=date(2026, 11, 30))).findings
               if f.code == "column-not-understood"]
    assert unknown == [auto, "督办意见"]


# -- clearing marks from a format rectxl never marks -------------------------------------------------------


def test_clearing_an_ods_says_clearing_not_marking(tmp_path: Path) -> None:
    from rectxl import api
    from rectxl.core.errors import RectxlError
    from tests.test_io_round5 import _ods

    ods = _ods(tmp_path / "台账.ods")
    before = ods.read_bytes()
    with pytest.raises(RectxlError) as caught:
        api.clear(ods)
    message = str(caught.value)
    assert "清除标记" in message and "后再标记" not in message and "LibreOffice 或 WPS" in message
    assert ods.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["台账.ods"]


def test_clearing_an_xls_renamed_xlsx_says_clearing(tmp_path: Path) -> None:
    from rectxl import api
    from rectxl.core.errors import RectxlError

    fake = tmp_path / "台账_校验.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)  # an OLE file: an .xls renamed
    with pytest.raises(RectxlError) as caught:
        api.clear(fake)
    message = str(caught.value)
    assert "实际是 .xls" in message and "后再清除标记" in message and "后再标记" not in message


def test_a_year_and_month_with_a_dot_is_the_files_date() -> None:
    older, newer = "东山镇整改台账2025.12.xlsx", "东山镇整改台账2026.1.xlsx"
    assert read_name(older).unit == read_name(newer).unit == "东山镇"
    ordered, why = newest_version([(older, BASE + 3600), (newer, BASE)])
    assert ordered[0] == newer and "文件名中的日期最新" in why


# -- an .xls's link chosen by a condition -----------------------------------------------------------------


@pytest.mark.parametrize("shared", [False, True], ids=["each cell", "filled down"])
def test_an_xls_link_chosen_by_a_condition_is_checked_by_its_file(shared: bool, tmp_path: Path) -> None:
    """=IF(J4="","未上传",HYPERLINK("佐证材料/"&A4&".pdf","查看")) saved as .xls: the rows showing 查看
    open 佐证材料/1.pdf, 3.pdf, …; only 1.pdf is there — as in an .xlsx or .ods, the auditor is told
    of the others; rows showing 未上传 open nothing."""
    from rectxl import api
    from tests.followup_ledgers import soffice_convert
    from tests.test_workbook_round16 import OPTIONS, _chosen_links

    path = soffice_convert(_chosen_links(tmp_path / "台账.xlsx", shared=shared), tmp_path / "xls", "xls")
    (path.parent / "佐证材料").mkdir()
    (path.parent / "佐证材料" / "1.pdf").write_bytes(b"%PDF")
    missing = {f.cell: f.message for f in api.check(path, OPTIONS).findings if f.code == "evidence-file-missing"}
    assert set(missing) == {"L6", "L8", "L10"}
    assert all(f"佐证材料/{n}.pdf" in missing[c] for c, n in (("L6", 3), ("L8", 5), ("L10", 7)))


def test_batch_notes_write_the_ledgers_dates_in_chinese(tmp_path: Path) -> None:
    from rectxl.core.batch_report import batch_notes

    folder = tmp_path / "报送"
    for unit, day in (("东山镇", date(2026, 11, 20)), ("西河镇", date(2026, 11, 20)), ("南坪乡", date(2026, 10, 8))):
        path = ledger(folder / f"{unit}整改台账.xlsx", 2, unit=unit)
        book = load_workbook(path)
        book["基本信息"].append(["报告日期", day])
        book.save(path)
    result = run_batch(folder, options=Options(), workers=1)
    notes = {n.code: n.message for n in batch_notes(result)}
    assert "2026年11月20日 2 个台账（报告日期）" in notes["as-of-differs"]
    assert "2026年10月8日 1 个台账（报告日期）：南坪乡整改台账.xlsx" in notes["as-of-differs"]
    assert not any("2026-1" in message for message in notes.values())
