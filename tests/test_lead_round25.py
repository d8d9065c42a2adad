"""Round twenty-five, the lead's own findings: ledgers written the way other offices write them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main

_HEADER = ["序号", "反馈问题", "具体表现", "整改措施", "牵头领导", "责任股室", "具体责任人", "完成时限",
           "整改进度", "是否销号", "佐证材料", "备注"]


def _water_ledger(path: Path, rows: Sequence[Sequence[Any]], filled: str = "2026年11月25日",
                  unit: str = "某县水利局") -> Path:
    """A county water bureau's ledger: a merged title, the unit and the day on the second row, a
    是否销号 column and a 佐证材料 column; 一、二、 rows name the aspects."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([f"中共{unit}党组关于县委第三巡察组反馈意见整改落实情况台账"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位（盖章）：县水利局办公室", None, None, None, None, None, None, None, f"填报时间：{filled}"])
    ws.append(_HEADER)
    ws.append(["一、贯彻落实党的路线方针政策和党中央决策部署方面"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _sheet_ledger(path: Path, sheet: str, rows: Sequence[Sequence[Any]]) -> Path:
    """A one-sheet ledger of ``rows`` as typed (title and note rows, the header, the measures)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _notice_text(ledger: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The notice ``rectxl notice`` writes for ``ledger``, as plain text."""
    out = ledger.with_name("通报.txt")
    main(["notice", str(ledger), "-o", str(out)])
    capsys.readouterr()
    return out.read_text("utf-8")


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "json"])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


@pytest.mark.parametrize("progress", ["已制定方案，待实施", "交流方案已制定，待组织实施", "已印发通知，尚待落实"])
def test_a_step_done_with_the_work_still_to_carry_out_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], progress: str) -> None:
    ledger = _water_ledger(tmp_path / "台账.xlsx", [
        (1, "学习贯彻治水重要论述不深入", "专题学习次数少", "组织干部赴先进县区交流学习", "副局长 赵强", "人事股",
         "孙丽", "2027年3月底前", progress, "否", None, None)])
    findings = _check(ledger, capsys)
    # the plan is made, the visit is not: going on, so no evidence is asked for and nothing contradicts
    assert [f["code"] for f in findings if f["code"] in ("missing-evidence", "status-text-mismatch")] == []
    main(["summary", str(ledger), "-o", str(tmp_path / "汇总.xlsx")])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["整改总体情况"]
    counts = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] in ("已完成", "正在推进")}
    assert counts == {"已完成": 0, "正在推进": 1}


def test_sections_named_gu_and_ke_in_the_person_column_are_the_units(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bureau with no 责任单位 column writes its 股/科 before the person: "基金监管股 何平"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县医保局巡察反馈问题整改台账（截至2026年11月20日）"])
    ws.append(["序号", "问题", "整改措施", "责任人", "整改时限", "整改落实情况", "整改状态"])
    ws.append([1, "医保基金监管存在薄弱环节", "开展定点医药机构专项检查", "基金监管股 何平", "2026年9月底前",
               "已检查定点机构86家", "已完成"])
    ws.append([2, "待遇核定把关不严", "复核近两年特殊病种认定", "待遇保障科 罗佳", "2027年1月底前",
               "已复核312人次", "推进中"])
    ws.append([3, "内控制度不健全", "修订内部控制制度汇编", "办公室 罗佳", "2027年3月", "初稿已完成", "推进中"])
    wb.save(tmp_path / "台账.xlsx")
    assert [f["code"] for f in _check(tmp_path / "台账.xlsx", capsys)
            if f["code"] in ("missing-owner-unit", "header-missing")] == []
    main(["summary", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "汇总.xlsx")])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["责任单位统计"]
    units = {r[0]: r[1] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert units == {"基金监管股": 1, "待遇保障科": 1, "办公室": 1}


def _latest_day(month: int, day: int) -> date:
    today = date.today()
    return date(today.year if (month, day) <= (today.month, today.day) else today.year - 1, month, day)


@pytest.mark.parametrize(("said", "expected"), [
    ("整改落实情况（截至11月20日）", lambda: _latest_day(11, 20)),
    ("截止到2026年10月31日进展情况", lambda: date(2026, 10, 31)),
])
def test_the_day_a_column_name_says_the_figures_stand_at_is_the_as_of_date(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str, expected: Any) -> None:
    """An education bureau's list: no 填报日期 anywhere, only the progress column's name says the day."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "问题整改清单"
    ws.append(["县教育体育局党组巡察整改落实情况清单"])
    ws.append(["序号", "问题描述", "整改措施", "整改责任单位（部门）", "责任领导", "整改完成时限", said, "完成状态"])
    ws.append([1, "校外培训治理不力", "联合市场监管部门开展专项治理", "校外培训监管股", "副局长 施琴",
               "2026年12月", "检查机构28家", "进行中"])
    wb.save(tmp_path / "清单.xlsx")
    main(["check", str(tmp_path / "清单.xlsx"), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["as_of"] == expected().isoformat()
    assert "表头" in summary["as_of_source"]


def _justice_ledger(path: Path, legend: str, fills: Sequence[str], statuses: Sequence[str | None]) -> Path:
    """A justice bureau's ledger keyed by colour: a note above the header says which colour is which
    status; each row filled with its colour (Excel's standard colours, as picked from the ribbon)."""
    from openpyxl.styles import PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县司法局巡察反馈问题整改台账"])
    ws.append([legend])
    ws.append(["序号", "存在问题", "整改措施", "责任科室", "责任人", "完成时限", "整改情况"])
    rows = [("普法宣传针对性不强", "制定分众化普法清单", "普法科", "郑伟", "2026年9月"),
            ("人民调解员培训不足", "开展全员轮训", "基层科", "冯丽", "2026年12月"),
            ("社区矫正档案不规范", "开展档案专项检查", "社区矫正科", "魏强", "2026年10月")]
    for i, (row, fill, status) in enumerate(zip(rows, fills, statuses, strict=True), 1):
        ws.append([i, *row, status])
        for c in range(1, 8):
            ws.cell(ws.max_row, c).fill = PatternFill("solid", fgColor=fill)
    wb.save(path)
    return path


@pytest.mark.parametrize("legend", ["说明：已完成的标注绿色，正在推进的标注黄色，未启动的标注红色。",
                                    "图例：绿色—已完成  黄色—推进中  红色—未启动"])
def test_statuses_kept_as_row_colours_are_read_by_the_legend(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    ledger = _justice_ledger(tmp_path / "台账.xlsx", legend, ["92D050", "FFC000", "FF0000"],
                             ["已制定清单并印发", "已培训2期", None])
    findings = _check(ledger, capsys)
    codes = [(f["code"], f["cell"]) for f in findings]
    # no status word anywhere: the colours are the statuses — nothing unreadable, nothing missing;
    # the red row, not started and past its deadline, is overdue; the reading is said once
    assert ("bad-status", "G4") not in codes and ("missing-status", "G6") not in codes
    assert sorted(c for c in codes if c[0] in ("overdue", "status-from-colour")) == [
        ("overdue", "F6"), ("status-from-colour", "G4")]
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "3项" in said and "绿色为已完成" in said and "红色为未启动" in said
    main(["summary", str(ledger), "-o", str(tmp_path / "汇总.xlsx")])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["整改总体情况"]
    counts = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] in ("已完成", "正在推进", "未启动")}
    assert counts == {"已完成": 1, "正在推进": 1, "未启动": 1}


def test_colours_without_a_legend_and_words_over_colours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # no legend: the colours mean nothing rectxl can read, the statuses stay unread
    bare = _justice_ledger(tmp_path / "无图例.xlsx", "填报说明：每月25日前报送。", ["92D050", "FFC000", "FF0000"],
                           ["已完成", None, None])
    assert {f["code"] for f in _check(bare, capsys)} >= {"missing-status"}
    # a status written in words wins over the row's colour (the clerk changed the word, not the fill)
    worded = _justice_ledger(tmp_path / "文字.xlsx", "绿色为已完成，黄色为正在推进，红色为未启动",
                             ["92D050", "FFC000", "FF0000"], ["已完成", "已完成", "正在推进"])
    codes = {f["code"] for f in _check(worded, capsys)}
    assert "status-from-colour" not in codes and "overdue" in codes


def test_a_folder_split_evenly_between_dates_names_every_file(tmp_path: Path) -> None:
    """Two offices dated the 20th, two the 25th: no date is the folder's, so each file is named (it
    had named only those of one date, leaving the other two to be guessed)."""
    from rectxl.batch import run_batch
    from rectxl.core.batch_report import batch_notes
    from rectxl.core.rules import Options

    folder = tmp_path / "报送"
    folder.mkdir()
    for name, day in (("县水利局.xlsx", "2026年11月20日"), ("县林业局.xlsx", "2026年11月20日"),
                      ("县财政局.xlsx", "2026年11月25日"), ("县统计局.xlsx", "2026年11月25日")):
        row = (1, "河长制落实不到位", "巡河记录不全", "建立巡河问题清单", "副局长 赵强", "河湖股",
               "周涛", "2027年3月底前", "正在推进", "否", None, None)
        _water_ledger(folder / name, [row], filled=day, unit=name.removesuffix(".xlsx"))
    result = run_batch(folder, options=Options(), workers=1)
    (note,) = [n for n in batch_notes(result) if n.code == "as-of-differs"]
    assert sorted(note.files) == ["县林业局.xlsx", "县水利局.xlsx", "县统计局.xlsx", "县财政局.xlsx"]
    assert "县财政局.xlsx" in note.message and "县水利局.xlsx" in note.message


def test_a_measure_listed_in_one_cell_past_its_own_deadline_is_in_the_overdue_sheet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A health-insurance bureau lists three measures in one cell, each with its own deadline and
    status, one a line: the second is past its deadline and still going on, the row's last deadline
    is ahead. The check warns of it; the summary's 逾期清单 now lists it too, apart from the rows
    (it had listed nothing, and a clerk working from the sheet never saw it)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县医保局巡察反馈问题整改台账（截至2026年11月20日）"])
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改落实情况", "整改状态"])
    ws.append([1, "医保基金监管存在薄弱环节",
               "1.开展定点医药机构专项检查；\n2.建立违规问题线索移交机制；\n3.追回违规使用基金。", "基金监管股", "何平",
               "1.2026年9月底前；\n2.2026年10月底前；\n3.2026年12月底前",
               "1.已检查定点机构86家；\n2.正在与县纪委监委会商；\n3.已追回基金32.6万元。",
               "1.已完成\n2.正在推进\n3.正在推进"])
    ws.append([2, "干部作风不实", "开展作风纪律专项整治", "办公室", "罗佳", "2026年8月底前", "已查摆问题9个", "整改中"])
    wb.save(tmp_path / "台账.xlsx")
    assert "item-deadline-passed" in {f["code"] for f in _check(tmp_path / "台账.xlsx", capsys)}
    main(["summary", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "汇总.xlsx")])
    capsys.readouterr()
    rows = [[v for v in r if v is not None] for r in openpyxl.load_workbook(tmp_path / "汇总.xlsx")["逾期清单"]
            .iter_rows(values_only=True)]
    overdue_rows = [r for r in rows if r and isinstance(r[0], int)]
    # the whole row overdue (row 4) once; the listed measure (row 3's second) once, with its own date
    assert [(r[0], r[2]) for r in overdue_rows] == [(4, "开展作风纪律专项整治"), (3, "建立违规问题线索移交机制")]
    assert overdue_rows[1][5:8] == ["2026年10月31日", 20, "正在推进"]
    heading = next(r[0] for r in rows if r and isinstance(r[0], str) and r[0].startswith("一格多项措施"))
    assert "1项" in heading and "不计入已逾期" in heading


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_a_colour_keyed_ledger_saved_by_libreoffice_or_wps_is_read_by_its_legend(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    """The colour-keyed ledger saved as .ods or .xls (as LibreOffice, WPS and old Excel keep them):
    the cell styles' backgrounds (.ods) and the cell formats' solid fills in the workbook's palette
    (.xls) are read as the .xlsx's fills are — they had given bad-status and missing-status."""
    from tests.followup_ledgers import soffice_convert

    ledger = _justice_ledger(tmp_path / "台账.xlsx", "说明：已完成的标注绿色，正在推进的标注黄色，未启动的标注红色。",
                             ["92D050", "FFFF00", "FF0000"], ["已制定清单并印发", "已培训2期", None])
    saved = soffice_convert(ledger, tmp_path / suffix, suffix)
    found = {(f["code"], f["cell"]) for f in _check(saved, capsys)}
    assert ("status-from-colour", "G4") in found and ("overdue", "F6") in found
    assert not {c for c, _ in found} & {"bad-status", "missing-status"}


def test_a_colour_keyed_ledger_exported_without_its_colours_is_told_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exported as .csv, the legend's words stay and the colours are gone: the status findings say
    the sheet keys its statuses by colour and what to do — not only "请填写"."""
    csv = tmp_path / "台账.csv"
    csv.write_text("\n".join([
        "县司法局巡察反馈问题整改台账,,,,,,",
        "说明：已完成的标注绿色，正在推进的标注黄色，未启动的标注红色。,,,,,,",
        "序号,存在问题,整改措施,责任科室,责任人,完成时限,整改情况",
        "1,普法宣传针对性不强,制定分众化普法清单,普法科,郑伟,2026年9月,已制定清单并印发",
        "2,社区矫正档案不规范,开展档案专项检查,社区矫正科,魏强,2026年10月,"]) + "\n", encoding="utf-8")
    told = {f["cell"]: f["message"] for f in _check(csv, capsys) if f["code"] in ("bad-status", "missing-status")}
    assert set(told) == {"G4", "G5"}
    assert all("底色" in m and "绿色为已完成" in m and "请用 .xlsx" in m for m in told.values())


@pytest.mark.parametrize(("title", "group", "unit"), [
    ("中共某县审计局党组关于十五届县委第四轮巡察第二巡察组反馈意见整改落实情况台账", "县委第二巡察组", "某县审计局"),
    ("某市统计局落实市委第三轮巡察工作第一巡察组反馈意见整改台账", "市委第一巡察组", "某市统计局"),
    # the committee's round without a group's number: its 巡察组 (it had been the placeholder)
    ("某县卫健委党组2026年县委第一轮巡察反馈问题整改台账", "县委巡察组", "某县卫健委"),
    # "关于 <group> 巡察 <unit> …": the unit is the one inspected (it had been "关于市委第二巡察组巡察某区城管局")
    ("关于市委第二巡察组巡察某区城管局党组反馈意见整改情况台账", "市委第二巡察组", "某区城管局"),
])
def test_the_group_a_title_names_after_the_round_inspects_in_the_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str, group: str, unit: str) -> None:
    """A title naming the round between the committee and its group: the notice's preamble names the
    committee's group (it had said only "第二巡察组", and "根据上级党组织统一部署"), and the unit."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "整改台账", [
        [title], ["巡察时间：2026年3月10日至5月10日    反馈时间：2026年6月18日    填报时间：2026年11月26日"],
        ["序号", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改进展", "整改状态"],
        [1, "审计整改督促不力", "建立审计整改跟踪台账", "副局长 龚平", "法规审理股", "2026年9月底",
         "已建立台账，跟踪问题42个", "已完成"]])
    preamble = _notice_text(ledger, capsys).split("\n\n")[1]
    body = group[:2]
    assert f"根据{body}统一部署" in preamble and f"，{group}对{unit}进行了巡察" in preamble
    assert f"，{group}向{unit}反馈" in preamble


def test_periods_written_with_dots_give_the_inspection_dates_and_the_deadline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"巡察时间：2026.3.10-5.10" (the end without its year, as typed), and a deadline "2026.9.1—12.31"
    (a period whose end is the deadline): read as the office meant them — they were unreadable."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["中共某县财政局党组巡察整改台账"])
    ws.append(["巡察时间：2026.3.10-5.10  反馈日期：2026/6/18  填报日期：2026/11/20"])
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "预算执行进度慢", "开展预算执行专项督导", "预算股", "2026.9.1—12.31", "正在推进"])
    wb.save(tmp_path / "台账.xlsx")
    assert "bad-deadline" not in {f["code"] for f in _check(tmp_path / "台账.xlsx", capsys)}
    main(["notice", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    assert "2026年3月10日至5月10日" in (tmp_path / "通报.txt").read_text("utf-8")
    # the period's end is the deadline: overdue after it, as of a day in January
    main(["check", str(tmp_path / "台账.xlsx"), "--format", "json", "--as-of", "2027-01-05"])
    late = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "overdue"]
    assert [f["cell"] for f in late] == ["E4"] and "2026年12月31日" in late[0]["message"]


def test_a_yes_no_column_asking_whether_done_on_time_is_the_status(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A civil-affairs bureau keeps only 是否按期完成 (是/否) beside its progress: that is its status
    column — it had been "not understood", and 整改状态 reported missing."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某区民政局巡察整改台账（填报时间：2026年11月25日）"])
    ws.append(["序号", "问题表现形式", "整改措施", "牵头单位", "整改时间", "进展情况", "是否按期完成"])
    ws.append([1, "三会一课不规范", "建立三会一课记录台账", "机关党委", "2026年10月底", "已建立台账并每月检查", "是"])
    ws.append([2, "低保动态管理不及时", "开展低保对象全面复核", "社会救助股", "2026年10月底",
               "已复核1200户，剩余300户正在复核", "否"])
    ws.append([3, "养老机构安全隐患", "开展养老机构消防安全排查", "养老服务股", "2026年12月底", "已排查8家", "否"])
    wb.save(tmp_path / "台账.xlsx")
    found = [(f["code"], f["cell"]) for f in _check(tmp_path / "台账.xlsx", capsys)]
    assert ("header-missing", None) not in found and not any(c == "column-not-understood" for c, _ in found)
    assert [c for c in found if c[0] == "overdue"] == [("overdue", "E4")]


def test_the_progress_column_is_the_one_named_so_not_the_outcome_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """进展情况 | 整改成效: the account of the work is 进展情况 — the notice had published the outcome
    ("组织生活规范开展") in place of what was done."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "台账", [
        ["某区民政局巡察整改台账（填报时间：2026年11月25日）"],
        ["序号", "问题表现形式", "整改措施", "牵头单位", "整改时间", "进展情况", "整改成效", "整改状态"],
        [1, "三会一课不规范", "建立三会一课记录台账", "机关党委", "2026年10月底", "已建立台账并每月检查",
         "组织生活规范开展", "已完成"]])
    notice = _notice_text(ledger, capsys)
    assert "建立三会一课记录台账，已建立台账并每月检查" in notice


@pytest.mark.parametrize("remark", ["整改完成后将长期坚持", "上月已完成自查", "已完成方案制定"])
def test_a_remark_telling_a_step_or_what_follows_is_no_contradiction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], remark: str) -> None:
    """备注 telling what comes after the work or a step of it beside 正在推进: not the measure said done."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "台账", [
        ["某县林业局巡察整改台账（填报时间：2026年11月25日）"],
        ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改进展", "整改状态", "备注"],
        [1, "林长制落实不到位", "开展林长制专项督查", "资源股", "2026年12月", "已督查5个乡镇", "正在推进", remark],
        [2, "护林员管理不规范", "清理不符合条件的护林员", "保护股", "2026年12月", "已清理12人", "正在推进",
         "该项已办结"]])
    said = [f["cell"] for f in _check(ledger, capsys) if f["code"] == "remark-status-mismatch"]
    assert said == ["H4"]  # the remark saying the measure itself is done still is


@pytest.mark.parametrize("remark", ["剩余2个村尚未完成", "尚有1项未整改", "部分未完成"])
def test_a_remark_telling_part_left_undone_beside_done_is_pointed_at(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], remark: str) -> None:
    """备注 "剩余2个村尚未完成" beside 已完成: the remark says part of the work is left (it had been read
    as no status, so the contradiction went unsaid); "剩余资金尚未拨付" (a thing, not the work) is none."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "台账", [
        ["某县林业局巡察整改台账（填报时间：2026年11月25日）"],
        ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改进展", "整改状态", "备注"],
        [1, "松材线虫病防治不力", "开展疫木清理", "保护股", "2026年10月", "已清理疫木1.2万株", "已完成", remark],
        [2, "造林补贴兑付慢", "兑付造林补贴", "计财股", "2026年10月", "已兑付", "已完成", "剩余资金尚未拨付"]])
    said = [f["cell"] for f in _check(ledger, capsys) if f["code"] == "remark-status-mismatch"]
    assert said == ["H3"]


@pytest.mark.parametrize(("today", "as_of"), [(date(2027, 1, 5), date(2026, 11, 20)),
                                              (date(2026, 11, 10), date(2025, 11, 20))])
def test_a_day_said_without_its_year_is_dated_by_the_checks_own_today(
        tmp_path: Path, today: date, as_of: date) -> None:
    """"截至11月20日" read by a check told what today is (the API's ``today``): the latest 11月20日 on or
    before that day — not before the machine's clock."""
    from rectxl.api import check

    ledger = _sheet_ledger(tmp_path / "清单.xlsx", "清单", [
        ["县统计局巡察整改台账（截至11月20日）"],
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "统计数据质量不高", "开展数据质量核查", "综合股", "2027年6月底", "推进中"]])
    assert check(ledger, today=today).as_of == as_of


@pytest.mark.parametrize("said", [
    "县委第三巡察组于2026年3月10日至5月10日对我局进行了巡察，并于2026年6月18日反馈了巡察意见。",
    "2026年3月10日至5月10日，县委第三巡察组对我局开展巡察，6月18日反馈意见。",
])
def test_the_inspection_told_in_a_sentence_above_the_table_dates_the_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str) -> None:
    """A sentence above the table telling when the group inspected and fed back (no 巡察时间 key): the
    notice's preamble gives those dates — it had left them to be filled in."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "台账", [
        ["某县财政局党组巡察整改台账"], [said],
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "预算执行进度慢", "开展预算执行专项督导", "预算股", "2026年12月", "正在推进"]])
    preamble = _notice_text(ledger, capsys).split("\n\n")[1]
    assert "2026年3月10日至5月10日" in preamble and "2026年6月18日" in preamble and "【请填写" not in preamble


def test_a_cover_sheet_of_keys_and_values_is_the_ledgers_basic_information(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 封面 sheet before the table, keys in one column and values in the next (被巡察单位, 巡察组,
    巡察时间, 反馈时间, 填报时间): read as 基本信息 — the notice had placeholders for all of it."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    for row in (["县统计局巡察整改情况台账"], ["被巡察单位", "县统计局"], ["巡察组", "县委第二巡察组"],
                ["巡察时间", "2026年3月10日至5月10日"], ["反馈时间", "2026年6月18日"], ["填报时间", "2026年11月26日"]):
        cover.append(row)
    ws = wb.create_sheet("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "统计数据质量不高", "开展数据质量核查", "综合股", "2026年12月", "推进中"])
    wb.save(tmp_path / "台账.xlsx")
    notice = _notice_text(tmp_path / "台账.xlsx", capsys)
    assert notice.startswith("县统计局关于巡察整改进展情况的通报")
    assert ("2026年3月10日至5月10日，县委第二巡察组对县统计局进行了巡察。2026年6月18日，县委第二巡察组向县统计局反馈"
            in notice)
    assert notice.rstrip().endswith("2026年11月26日")


@pytest.mark.parametrize("status", ["已提交审核", "已报批", "已提交县纪委审查"])
def test_work_sent_up_for_review_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], status: str) -> None:
    """Sent up for review or approval (已提交审核, 已报批): the decision is to come — going on, as
    已报请审批 already was (these had been bad-status)."""
    ledger = _sheet_ledger(tmp_path / "台账.xlsx", "台账", [
        ["某县自然资源局巡察整改台账（填报时间：2026年11月25日）"],
        ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [1, "违法用地查处不力", "修订违法用地查处工作规程", "执法大队", "2026年12月", status]])
    assert [f["code"] for f in _check(ledger, capsys) if f["code"] in ("bad-status", "missing-status")] == []
