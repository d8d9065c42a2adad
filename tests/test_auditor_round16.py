"""Auditor round 16: the 巡察办's commands on what arrives each month from the units.

- ``rectxl diff 9月.xlsx 10月.xlsx -o 变化.csv`` (or ``--format csv``) writes the changes as CSV — one
  row per change, the columns of 变化明细, with the BOM Excel needs to show the Chinese — an auditor's
  .csv had been written as the plain-text report under a .csv name, one column of lines in Excel;
- ``rectxl batch``: a unit's ledger sent again under a name of its own ("东山镇整改台账（改）.xlsx",
  "…(已改)", "…（退回重报）" beside "东山镇整改台账.xlsx") is a version when the two share most of their
  measures — only the newer is counted; the unit's measures had been counted twice (both files added
  up as parts of its ledger). Parts (第一部分 | 第二部分) share few and are still added up. A word of one
  character after a dash ("台账-新", "台账_改") is no part of the unit's name (it had been a unit "东山镇新");
- ``rectxl batch`` / ``check``: a workbook that is no ledger says what it is — a blank one "工作簿是空的", a
  花名册 "不像整改台账" with the header it has (序号、姓名、性别…); one lying beside its unit's ledger is
  listed with the files not checked, as a paper sent with it — it had been an unreadable ledger (exit 1),
  and the bureau that sent a blank workbook was asked for "a file that opens";
- a title naming the inspection group that fed back before the unit ("县委第二巡察组反馈东山镇党委问题整改台账",
  "…巡察组向东山镇党委反馈…") names 东山镇 — the batch had ranked a unit "县委第二巡察组反馈东山镇";
- ``rectxl batch``: the 问题清单 a unit sends with its ledger (附件1, problems and no measure) is set aside
  with why — it had been counted as a second ledger of the unit, its problems each an error
  (issue-without-measure) and header-missing 整改措施 on the unit's row; a unit that sent only its
  problem list is still asked for its ledger;
- ``rectxl diff``: a measure still unfinished past its deadline and declared 长期坚持 this month is called
  out (逾期改为长期坚持) — it no longer counts as overdue, and the diff had listed it as a plain change of
  status;
- a ledger sorted by 责任单位 (its issue written on each row, met again after others) keeps each issue
  once — check had counted 4 issues of 3, and diff against last month's called the second block a new
  issue and its measures moved to "another" issue of the same words;
- ``rectxl diff 台账（10月）.xlsx 台账（9月）.xlsx`` (the order ``*.xlsx`` gives) says the files' names put the
  上期 after the 本期 — every change had been told backwards (状态倒退 where work was finished) unwarned
  when the two ledgers are dated alike;
- ``rectxl batch --roster 应报送单位名单.docx`` (or that file in the folder): the roster the office sent out
  as a Word attachment is read from its table — it had been refused ("不是 Excel 台账文件"), and one in the
  folder passed over as a Word document;
- ``rectxl batch``: a template's placeholder left in the title ("××镇巡察反馈问题整改落实台账", "○○镇…") gives
  way to the unit the file's name names, with the note already given for "XX镇" — it had been ranked as a
  unit "××镇" and the town listed as not reported;
- ``rectxl batch``: last month's ledger lying beside this month's (set aside as an older version) is compared
  with it, and what changed for the worse is noted (状态倒退 1 处 …, with the rectxl diff to run) — the older
  version had only been set aside, the changes an auditor looks for unsaid;
- the clerk's name written before the unit's in a file name ("王丽-白沙镇台账.xlsx") is no part of it — the
  town had been ranked as "王丽白沙镇".

The ledgers are written here with openpyxl, as a 县交通运输局 clerk writes hers (fictional units and people).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.cli.commands import main

D = dt.datetime
_HEADER = ["序号", "巡察反馈问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况"]
_I1 = "“三重一大”事项集体决策制度执行不严格"
_I2 = "工程项目招投标管理不规范"


def _ledger(path: Path, rows: list[list[object]], title: str) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append([title])
    ws.append(_HEADER)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows(min_row=3):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text, as a clerk's "=" before a measure is
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _two_months(tmp_path: Path) -> tuple[Path, Path]:
    september = _ledger(tmp_path / "交通局台账9月.xlsx", [
        [1, _I1, "修订“三重一大”事项决策实施办法", "办公室", "张明", D(2026, 9, 30), "已完成"],
        [None, None, "=建立决策事项台账", "办公室", "张明", D(2026, 12, 31), "正在推进"],
        [2, _I2, "开展2023年以来工程项目招投标专项检查", "建设科", "李强", D(2026, 10, 31), "正在推进"],
        [None, None, "对违规项目责任人追责问责", "建设科", "李强", "立行立改", "已完成"],
    ], "县交通运输局巡察反馈问题整改台账（2026年9月）")
    october = _ledger(tmp_path / "交通局台账10月.xlsx", [
        [1, _I1, "修订“三重一大”事项决策实施办法", "办公室", "张明", D(2026, 9, 30), "正在推进"],
        [None, None, "=建立决策事项台账", "办公室", "张明", D(2026, 12, 31), "已完成"],
        [2, _I2, "开展2023年以来工程项目招投标专项检查", "建设科", "李强", D(2027, 3, 31), "正在推进"],
    ], "县交通运输局巡察反馈问题整改台账（2026年10月）")
    return september, october


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_changes_written_to_a_csv_open_in_excel_one_row_per_change(tmp_path: Path) -> None:
    old, new = _two_months(tmp_path)
    out = tmp_path / "交通局台账变化.csv"
    assert main(["diff", str(old), str(new), "-o", str(out)]) == 1  # changes worth a look
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese of a CSV with a BOM as UTF-8
    rows = _rows(data.decode("utf-8-sig"))
    by_measure = {(r["类型"], r["措施"]): r for r in rows}
    back = by_measure["状态变化", "修订“三重一大”事项决策实施办法"]
    assert (back["原值"], back["新值"], back["值得注意"]) == ("已完成", "正在推进", "状态倒退")
    assert (back["原工作表"], back["原行"], back["新工作表"], back["新行"]) == ("整改台账", "3", "整改台账", "3")
    later = by_measure["时限变化", "开展2023年以来工程项目招投标专项检查"]
    assert later["值得注意"] == "时限延后未注明延期"
    gone = by_measure["删除措施", "对违规项目责任人追责问责"]
    assert gone["值得注意"] == "删除已完成措施" and gone["原行"] == "6" and gone["新行"] == ""
    # a cell a spreadsheet would run as a formula stays text
    assert ("状态变化", "'=建立决策事项台账") in by_measure
    assert all(r["问题"] for r in rows)


def test_the_changes_as_csv_on_the_screen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_months(tmp_path)
    assert main(["diff", str(old), str(new), "--format", "csv"]) == 1
    rows = _rows(capsys.readouterr().out)
    assert {r["类型"] for r in rows} >= {"状态变化", "时限变化", "删除措施"}
    assert not list(tmp_path.glob("*.csv"))


# -- batch: one unit's ledger sent twice under names rectxl does not read as versions ------------------

def _town(path: Path, town: str, month: int, extra: int = 0) -> Path:
    """A town's ledger of the month: five measures, one more done each month, ``extra`` more added."""
    rows: list[list[object]] = [
        [1, "村级财务管理不规范", "开展村级财务专项清理", "党政办", "王丽", D(2026, 12, 31), "已完成"],
        [None, None, "追回违规报销资金", "党政办", "王丽", D(2026, 11, 30), "已完成" if month > 9 else "正在推进"],
        [None, None, "建立村级财务审核制度", "党政办", "赵敏", D(2026, 12, 31), "正在推进"],
        [2, "软弱涣散村党组织整顿不到位", "制定软弱涣散村党组织整顿方案", "组织办", "孙强", D(2026, 12, 31), "已完成"],
        [None, None, "选派第一书记驻村指导", "组织办", "孙强", D(2026, 12, 31), "正在推进"],
        *([None, None, f"开展村干部专题培训第{i + 1}期", "组织办", "孙强", D(2026, 12, 31), "正在推进"]
          for i in range(extra)),
    ]
    return _ledger(path, rows, f"{town}巡察反馈问题整改落实台账（2026年{month}月）")


@pytest.mark.parametrize("newer", ["东山镇整改台账（改）.xlsx", "东山镇整改台账(已改).xlsx",
                                   "东山镇整改台账（按意见修正）.xlsx", "东山镇整改台账（退回重报）.xlsx",
                                   "东山镇整改台账-新.xlsx", "东山镇整改台账_改.xlsx"])
def test_a_ledger_sent_again_under_a_name_of_its_own_is_counted_once(tmp_path: Path, newer: str,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    old = _town(folder / "东山镇整改台账.xlsx", "东山镇", 9)
    _town(folder / newer, "东山镇", 10, extra=1)
    # the parts of a town's ledger (one of its measures written in both) are still added up
    _town(folder / "西河镇整改台账（第一部分）.xlsx", "西河镇", 10)
    _ledger(folder / "西河镇整改台账（第二部分）.xlsx", [
        [3, "意识形态工作责任制落实不到位", "修订意识形态工作责任清单", "党政办", "王丽", D(2026, 12, 31), "正在推进"],
        [None, None, "开展意识形态领域风险排查", "党政办", "王丽", D(2026, 12, 31), "正在推进"],
        [None, None, "建立村级财务审核制度", "党政办", "赵敏", D(2026, 12, 31), "正在推进"],
    ], "西河镇巡察反馈问题整改落实台账（第二部分）")
    week_ago = time.time() - 7 * 86400
    os.utime(old, (week_ago, week_ago))
    out = tmp_path / "汇总.xlsx"
    assert main(["batch", str(folder), "-o", str(out), "--json", str(tmp_path / "汇总.json"), "--as-of",
                 "2026-10-31", "-j", "1", "--no-progress"]) == 0
    text = capsys.readouterr().out
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    counted = {r["file"]: r["counts"]["measures"] for r in data["ledgers"]}
    assert counted == {newer: 6,  # the newer version alone, not 5 + 6 measures
                       "西河镇整改台账（第一部分）.xlsx": 5, "西河镇整改台账（第二部分）.xlsx": 3}
    assert [s["file"] for s in data["set_aside"]] == ["东山镇整改台账.xlsx"]
    assert "东山镇：收到 2 个不同版本的台账（文件名不同，但整改措施大多相同）" in text



# -- batch: what is no ledger, said as such ----------------------------------------------------------------

def _staff_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(["县教育局干部职工花名册"])
    ws.append(["序号", "姓名", "性别", "出生年月", "职务", "联系电话"])
    ws.append([1, "张三", "男", "1980.05", "科员", "13800000000"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_staff_list_beside_a_ledger_and_a_blank_workbook_are_said_to_be_no_ledgers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    _town(folder / "县教育局" / "县教育局整改台账.xlsx", "县教育局", 10)
    staff = _staff_list(folder / "县教育局" / "干部花名册.xlsx")
    Workbook().save(folder / "县卫健局整改台账.xlsx")
    args = ["--json", str(tmp_path / "汇总.json"), "--as-of", "2026-10-31", "-j", "1", "--no-progress"]
    assert main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), *args]) == 1  # the blank one
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    # the staff list is a paper sent with the bureau's ledger, not a ledger that could not be read
    assert [s["file"] for s in data["skipped"]] == ["县卫健局整改台账.xlsx"]
    ignored = {s["file"]: s["reason"] for s in data["ignored"]}
    said = ignored["县教育局/干部花名册.xlsx"]
    assert "姓名" in said and "县教育局整改台账.xlsx" in said
    # the bureau that sent a blank workbook is asked for its ledger, not for "a file that opens"
    chase = {r["unit"]: r["reason"] for r in data["round"] if r["reason"]}
    assert "工作簿是空的" in chase["县卫健局"] and "可以打开" not in chase["县卫健局"]
    capsys.readouterr()
    # the same staff list checked alone: what it is, not only that no header was found
    assert main(["check", str(staff)]) == 2
    err = capsys.readouterr().err
    assert "不像整改台账" in err and "序号、姓名、性别" in err
    # without the blank workbook the round is clean: a staff list is no unreadable ledger
    (folder / "县卫健局整改台账.xlsx").unlink()
    assert main(["batch", str(folder), "-o", str(tmp_path / "汇总2.xlsx"), *args[2:], "--no-json"]) == 0


# -- batch: the unit a title names after the inspection group that fed back -----------------------------

@pytest.mark.parametrize("title", ["县委第二巡察组反馈东山镇党委问题整改台账",
                                   "县委第二巡察组向东山镇党委反馈问题整改台账"])
def test_a_title_naming_the_group_that_fed_back_names_the_town_it_fed_back_to(
        tmp_path: Path, title: str) -> None:
    folder = tmp_path / "十月台账"
    _ledger(folder / "附件2：整改台账.xlsx", [
        [1, "村级财务管理不规范", "开展村级财务专项清理", "党政办", "王丽", D(2026, 12, 31), "正在推进"],
    ], title)
    _town(folder / "西河镇整改台账.xlsx", "西河镇", 10)
    assert main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
                 "--as-of", "2026-10-31", "-j", "1", "--no-progress"]) == 0
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert {r["unit"] for r in data["ledgers"]} == {"东山镇", "西河镇"}


# -- batch: the problem list a unit sends with its ledger ------------------------------------------------

def _problem_list(path: Path, town: str) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题清单"
    ws.append([f"县委第二巡察组反馈{town}党委问题清单"])
    ws.append(["序号", "问题类别", "具体问题", "备注"])
    ws.append([1, "作风建设方面", "村级财务管理不规范", ""])
    ws.append([2, "组织建设方面", "软弱涣散村党组织整顿不到位", ""])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_the_problem_list_sent_with_a_ledger_is_not_counted_as_a_second_ledger(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    _problem_list(folder / "东山镇" / "附件1：巡察反馈问题清单.xlsx", "东山镇")
    _town(folder / "东山镇" / "附件2：整改台账.xlsx", "东山镇", 10)
    _problem_list(folder / "南坪乡" / "附件1：巡察反馈问题清单.xlsx", "南坪乡")  # and nothing else
    assert main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
                 "--as-of", "2026-10-31", "-j", "1", "--no-progress"]) == 1
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    ledgers = {r["file"]: r for r in data["ledgers"]}
    assert "东山镇/附件1：巡察反馈问题清单.xlsx" not in ledgers  # no second ledger of 东山镇, with 2 errors of its own
    assert ledgers["东山镇/附件2：整改台账.xlsx"]["by_severity"]["error"] == 0
    aside = {s["file"]: s["reason"] for s in data["set_aside"]}
    assert "问题清单" in aside["东山镇/附件1：巡察反馈问题清单.xlsx"]
    assert "东山镇/附件2：整改台账.xlsx" in aside["东山镇/附件1：巡察反馈问题清单.xlsx"]
    text = capsys.readouterr().out
    assert "东山镇：2 个台账文件合并统计" not in text
    # a unit that sent its problem list alone is still asked for its ledger
    assert {r["unit"] for r in data["round"] if r["reason"]} == {"南坪乡"}


# -- diff: unfinished work past its deadline declared 长期坚持 -------------------------------------------

def test_overdue_work_declared_long_term_is_called_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        [1, _I2, "开展政府采购专项检查", "财务股", "李华", D(2026, 9, 30), "正在推进"],
        [None, None, "建立采购内控制度", "财务股", "李华", D(2026, 12, 31), "正在推进"],
        [2, _I1, "建立“三重一大”决策台账", "办公室", "张明", D(2026, 9, 30), "已完成"],
    ]
    old = _ledger(tmp_path / "9月.xlsx", rows, "县财政局巡察整改台账（9月）")
    later = [list(r) for r in rows]
    later[0][6] = "长期坚持"  # past its deadline: would be overdue
    later[1][6] = "长期坚持"  # not yet due: a plain change of status
    later[2][6] = "已完成，并长期坚持"
    new = _ledger(tmp_path / "10月.xlsx", later, "县财政局巡察整改台账（10月）")
    assert main(["diff", str(old), str(new), "--as-of-old", "2026-09-30", "--as-of-new", "2026-10-31",
                 "--format", "csv"]) == 1
    flags = {r["措施"]: r["值得注意"] for r in _rows(capsys.readouterr().out) if r["类型"] == "状态变化"}
    assert flags == {"开展政府采购专项检查": "逾期改为长期坚持", "建立采购内控制度": ""}
    assert main(["diff", str(old), str(new), "--as-of-old", "2026-09-30", "--as-of-new", "2026-10-31"]) == 1
    text = capsys.readouterr().out
    notable = text.split("值得注意\n", 1)[1]
    assert "逾期改为长期坚持：" in notable and "开展政府采购专项检查" in notable and "已过31天" in notable
    assert "建立采购内控制度" not in notable


# -- a ledger sorted by 责任单位: an issue written on each row, met again lower down ---------------------

def test_a_ledger_sorted_by_owner_keeps_each_issue_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = "公务接待管理不规范", "政府采购程序不规范", "档案管理混乱"
    header = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]
    by_issue = [
        [1, a, "修订公务接待管理办法", "办公室", "张明", D(2026, 12, 31), "正在推进"],
        [2, a, "清理2025年以来接待费用", "财务股", "李华", D(2026, 12, 31), "正在推进"],
        [3, b, "开展政府采购专项检查", "财务股", "李华", D(2026, 12, 31), "正在推进"],
        [4, c, "整理归档2020年以来文书档案", "办公室", "王芳", D(2026, 9, 30), "已完成"],
    ]
    by_owner = [by_issue[0], by_issue[3], by_issue[1], by_issue[2]]  # 办公室 first, then 财务股

    def save(path: Path, rows: list[list[object]]) -> Path:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["县财政局巡察整改台账"])
        ws.append(header)
        for i, row in enumerate(rows, start=1):
            ws.append([i, *row[1:]])
        wb.save(path)
        return path

    old, new = save(tmp_path / "9月.xlsx", by_issue), save(tmp_path / "10月.xlsx", by_owner)
    assert main(["check", str(new), "--as-of", "2026-10-31", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["issues"] == 3
    # nothing changed but the order of the rows: no issue added, no measure moved
    assert main(["diff", str(old), str(new), "--as-of-old", "2026-10-31", "--as-of-new", "2026-10-31",
                 "--format", "csv"]) == 0
    assert _rows(capsys.readouterr().out) == []


# -- diff: two months given the wrong way round ------------------------------------------------------------

def test_the_months_given_the_wrong_way_round_are_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # both ledgers dated alike (no 报告日期, the same 填报日期 left in the title row): only the names tell
    september = _town(tmp_path / "东山镇整改台账（9月）.xlsx", "东山镇", 9)
    october = _town(tmp_path / "东山镇整改台账（10月）.xlsx", "东山镇", 10)
    files = sorted(tmp_path.glob("*.xlsx"))  # as the shell's *.xlsx gives them: 10月 before 9月
    assert files == [october, september]
    main(["diff", *map(str, files), "--as-of-old", "2026-10-31", "--as-of-new", "2026-10-31"])
    text = capsys.readouterr().out
    assert "上期文件名标明的是10月，本期文件名标明的是9月" in text and "先后没有颠倒" in text
    main(["diff", str(september), str(october), "--as-of-old", "2026-10-31", "--as-of-new", "2026-10-31"])
    assert "颠倒" not in capsys.readouterr().out
    # a December then a January is a new year, not a turn
    december = _town(tmp_path / "东山镇整改台账（12月）.xlsx", "东山镇", 10)
    january = _town(tmp_path / "东山镇整改台账（1月）.xlsx", "东山镇", 10)
    assert main(["diff", str(december), str(january), "--as-of-old", "2026-10-31", "--as-of-new",
                 "2026-10-31"]) == 0
    assert "颠倒" not in capsys.readouterr().out


# -- batch: the roster the office sent out as a Word attachment -------------------------------------------

def _word_roster(path: Path, units: list[str]) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("附件1")
    doc.add_paragraph("2026年第二轮巡察整改台账报送单位名单")
    table = doc.add_table(rows=1, cols=3)
    for cell, word in zip(table.rows[0].cells, ["序号", "单位名称", "联系人"], strict=True):
        cell.text = word
    for i, unit in enumerate(units, start=1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(i), unit, "李敏"
    doc.save(path)
    return path


@pytest.mark.parametrize("given", [True, False])
def test_a_roster_in_a_word_table_tells_who_did_not_report(tmp_path: Path, given: bool,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    _town(folder / "东山镇整改台账.xlsx", "东山镇", 10)
    _town(folder / "西河镇整改台账.xlsx", "西河镇", 10)
    roster = _word_roster((tmp_path if given else folder) / "应报送单位名单.docx",
                          ["东山镇党委", "西河镇党委", "南坪乡党委"])
    args = ["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
            "--as-of", "2026-10-31", "-j", "1", "--no-progress", *(["--roster", str(roster)] if given else [])]
    main(args)
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert data["roster"]["not_reported"] == ["南坪乡"]
    assert data["roster"]["file"] == "应报送单位名单.docx"
    assert "未报送台账 1 个" in capsys.readouterr().out


# -- batch: a template's placeholder unit left in the title -------------------------------------------------

@pytest.mark.parametrize("placeholder", ["××镇", "○○镇", "**镇"])
def test_a_placeholder_unit_left_in_the_title_gives_way_to_the_file_name(tmp_path: Path, placeholder: str,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    _town(folder / "东山镇整改台账.xlsx", "东山镇", 10)
    _town(folder / "西河镇整改台账.xlsx", placeholder, 10)  # "××镇巡察反馈问题整改落实台账"
    roster = tmp_path / "名单.txt"
    roster.write_text("东山镇\n西河镇\n", "utf-8")
    main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
          "--as-of", "2026-10-31", "-j", "1", "--no-progress", "--roster", str(roster)])
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert {r["file"]: r["unit"] for r in data["ledgers"]} == {"东山镇整改台账.xlsx": "东山镇",
                                                               "西河镇整改台账.xlsx": "西河镇"}
    assert data["roster"]["not_reported"] == []
    assert f"标题行中的单位名称是“{placeholder}”" in capsys.readouterr().out


def test_a_list_drawn_from_the_ledger_never_displaces_it(tmp_path: Path) -> None:
    """A 销号清单 of the measures done, sent beside the ledger and saved after it, shares all its measures
    with the ledger but few of the ledger's: it is no version of it."""
    folder = tmp_path / "十月台账"
    ledger = _town(folder / "西河镇" / "附件2：整改台账.xlsx", "西河镇", 10, extra=5)  # 10 measures
    _ledger(folder / "西河镇" / "附件3：销号清单.xlsx", [
        [1, "村级财务管理不规范", "开展村级财务专项清理", "党政办", "王丽", D(2026, 12, 31), "已完成"],
        [None, None, "追回违规报销资金", "党政办", "王丽", D(2026, 11, 30), "已完成"],
        [2, "软弱涣散村党组织整顿不到位", "制定软弱涣散村党组织整顿方案", "组织办", "孙强", D(2026, 12, 31), "已完成"],
    ], "西河镇巡察整改销号清单")
    week_ago = time.time() - 7 * 86400
    os.utime(ledger, (week_ago, week_ago))
    main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
          "--as-of", "2026-10-31", "-j", "1", "--no-progress"])
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert "西河镇/附件2：整改台账.xlsx" in {r["file"] for r in data["ledgers"]}
    assert "西河镇/附件2：整改台账.xlsx" not in {s["file"] for s in data["set_aside"]}


# -- batch: last month's ledger beside this month's says what the unit changed for the worse --------------

def test_last_months_version_beside_this_months_tells_what_changed_for_the_worse(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "十月台账"
    _town(folder / "东山镇" / "东山镇整改台账（9月）.xlsx", "东山镇", 10)
    october = _town(folder / "东山镇" / "东山镇整改台账（10月）.xlsx", "东山镇", 10)
    _town(folder / "西河镇" / "西河镇整改台账（9月）.xlsx", "西河镇", 9)
    _town(folder / "西河镇" / "西河镇整改台账（10月）.xlsx", "西河镇", 10)  # one more done: nothing to say
    from openpyxl import load_workbook

    wb = load_workbook(october)
    ws = wb.active
    assert ws is not None and ws["C3"].value == "开展村级财务专项清理"
    ws["G3"] = "正在推进"  # done in September, not any more
    wb.save(october)
    main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
          "--as-of", "2026-10-31", "-j", "1", "--no-progress"])
    text = capsys.readouterr().out
    assert "东山镇：统计的“东山镇/东山镇整改台账（10月）.xlsx”与上一版“东山镇/东山镇整改台账（9月）.xlsx”相比" in text
    assert "状态倒退 1 处" in text
    notes = json.loads((tmp_path / "汇总.json").read_text("utf-8"))["notes"]
    changed = [n for n in notes if n["code"] == "changes-since-previous-version"]
    assert [n["files"] for n in changed] == [["东山镇/东山镇整改台账（9月）.xlsx",
                                             "东山镇/东山镇整改台账（10月）.xlsx"]]


# -- batch: the clerk's name written before the unit's in the file name -----------------------------------

@pytest.mark.parametrize("file", ["王丽-白沙镇台账.xlsx", "李明华 白沙镇巡察整改台账.xlsx",
                                  "张三_白沙镇整改台账（10月）.xlsx"])
def test_the_clerks_name_before_the_units_is_no_part_of_it(tmp_path: Path, file: str) -> None:
    folder = tmp_path / "十月台账"
    _town(folder / file, "白沙镇", 10)
    _town(folder / "东山镇整改台账.xlsx", "东山镇", 10)
    main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(tmp_path / "汇总.json"),
          "--as-of", "2026-10-31", "-j", "1", "--no-progress"])
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert {r["unit"] for r in data["ledgers"]} == {"白沙镇", "东山镇"}
