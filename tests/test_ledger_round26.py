"""Round twenty-six: ledgers as other county, township and city offices write them, built here with
openpyxl the way a clerk would (units, people and texts are fictional)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "json"])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def _counts(ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    """The 已完成/正在推进/未启动 figures of the summary's 整改总体情况 sheet."""
    out = tmp_path / "汇总.xlsx"
    main(["summary", str(ledger), "-o", str(out)])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(out)["整改总体情况"]
    return {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] in ("已完成", "正在推进", "未启动")}


def _font_ledger(path: Path, legend: str, reds: Sequence[bool], statuses: Sequence[str | None]) -> Path:
    """A natural-resources bureau keying its statuses by FONT colour: the rows not yet done typed in
    red (Excel's standard red, picked from the font-colour button), the rest left black."""
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县自然资源局关于县委第二巡察组反馈意见整改落实情况台账"])
    ws.append(["填报单位：县自然资源局办公室", None, None, None, "填报时间：2026年11月25日"])
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "责任人", "整改时限", "整改情况"])
    rows = [("耕地保护责任落实不到位", "开展耕地保护专项督查", "耕保股", "陈刚", "2026年6月30日",
             "开展督查2轮，整改问题图斑15个"),
            ("不动产登记窗口效率不高", "推行一窗受理", "登记中心", "李娜", "2026年9月30日", "窗口改造中"),
            ("矿山修复进展缓慢", "编制矿山修复方案", "矿管股", "王涛", "2027年3月31日", "方案正在编制")]
    for i, (row, red, status) in enumerate(zip(rows, reds, statuses, strict=True), 1):
        ws.append([i, *row[:-1], status if status is not None else row[-1]])
        if red:
            for c in range(1, 8):
                ws.cell(ws.max_row, c).font = Font(name="宋体", color="FFFF0000")
    ws.append([legend])
    wb.save(path)
    return path


@pytest.mark.parametrize("legend", ["说明：红色字体为未完成事项，黑色字体为已完成事项。",
                                    "注：字体为红色的为未完成，字体为黑色的为已完成"])
def test_statuses_kept_as_font_colours_are_read_by_the_legend(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    ledger = _font_ledger(tmp_path / "台账.xlsx", legend, [False, True, True], [None, None, None])
    findings = _check(ledger, capsys)
    codes = [(f["code"], f["cell"]) for f in findings]
    # the black row is done (its deadline passed, nothing overdue), the red row past its deadline is
    # overdue, the red row still ahead is going on; the reading is said once, naming the font colour
    assert sorted(c for c in codes if c[0] in ("overdue", "status-from-colour", "bad-status")) == [
        ("overdue", "F5"), ("status-from-colour", "G4")]
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "字体颜色" in said and "红色为正在推进" in said and "黑色为已完成" in said
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def test_rows_marked_red_alone_and_words_over_font_colours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "标红的为未完成": only red is keyed — the black rows say their status in words; a red row whose
    # cell says 已完成 in words stays done (the clerk changed the word, not the colour)
    ledger = _font_ledger(tmp_path / "台账.xlsx", "备注：标红的为未完成。", [False, True, True],
                          ["已完成", "已完成", None])
    codes = {(f["code"], f["cell"]) for f in _check(ledger, capsys)}
    assert ("status-from-colour", "G6") in codes and not {c for c, _ in codes} & {"bad-status", "missing-status"}
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 2, "正在推进": 1, "未启动": 0}


def test_a_font_legend_reads_the_fonts_not_the_fills(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the office fills its key problem's row red as well; its legend keys the FONT colours: the
    # black-typed row is done, whatever its fill
    from openpyxl.styles import PatternFill

    ledger = _font_ledger(tmp_path / "台账.xlsx", "说明：红色字体为未完成事项，黑色字体为已完成事项。",
                          [False, True, True], [None, None, None])
    wb = openpyxl.load_workbook(ledger)
    for c in range(1, 8):
        wb.active.cell(4, c).fill = PatternFill("solid", fgColor="FFFF0000")
    wb.save(ledger)
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def _town_ledger(path: Path, statuses: Sequence[str], filled: str = "填报日期：2026年11月20日",
                 deadlines: Sequence[Any] | None = None, title: str = "中共某镇委员会巡察反馈问题整改台账") -> Path:
    """A township's ledger: a title, the day it was filled in, a 整改状态 column typed by hand."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([title])
    ws.append([filled])
    ws.append(["序号", "问题", "整改措施", "责任人", "完成时限", "整改状态", "进展情况"])
    rows = [("村级财务公开不及时", "规范村务公开栏", "纪委书记 贺军"),
            ("集体经济薄弱", "发展村集体经济项目", "副镇长 严丽"),
            ("矛盾纠纷调处不力", "建立矛盾纠纷多元化解机制", "政法委员 鲁强"),
            ("人居环境整治反复", "开展人居环境整治月活动", "副镇长 严丽")]
    deadlines = deadlines or ["2027年6月30日"] * len(statuses)
    for i, (row, status, due) in enumerate(zip(rows, statuses, deadlines, strict=False), 1):
        ws.append([i, *row, due, status, None])
    wb.save(path)
    return path


def test_a_plan_not_yet_drawn_up_is_not_started(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # nothing done yet — not even the plan: not started (尚未制定方案 had read 正在推进); 尚未完成
    # is still going on
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["尚未制定方案", "方案尚未制定", "暂未研究部署", "尚未完成"])
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 0, "正在推进": 1, "未启动": 3}


_YEARLESS = ["12月第二周", "11月底", "12月31日前", "12月中旬"]


def test_the_year_of_an_inspection_told_in_a_sentence_to_its_month_reads_yearless_deadlines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # no 反馈日期, no 填报日期: the sentence under the title says when the group inspected, to the month
    said = "县委第三巡察组于2026年3月至5月对镇党委开展了常规巡察"
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["正在推进"] * 4, said, _YEARLESS)
    found = {(f["code"], f["cell"]): f["message"] for f in _check(ledger, capsys)}
    assert not [c for c in found if c[0] == "bad-deadline"]
    assert "巡察结束日期（2026年5月31日" in found[("deadline-year-assumed", "E4")]


def test_a_yearless_deadline_with_nothing_to_give_the_year_says_where_to_write_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["正在推进"] * 4, "填报单位：某镇党政办", _YEARLESS)
    told = {f["cell"]: f["message"] for f in _check(ledger, capsys) if f["code"] == "bad-deadline"}
    assert set(told) == {"E4", "E5", "E6", "E7"}
    # the rows above the header (1–2) are where a 填报日期 or the title's year would give it
    assert "第1至2行" in told["E4"] and "填报日期" in told["E4"] and "标题" in told["E4"]


def _explained_ledger(path: Path, lines: Sequence[str], sheet: str = "说明") -> Path:
    """A market-regulation bureau's workbook: a 说明 sheet first — its 基本信息 as 键：值 lines, then
    the 填报要求 — and the ledger after it, its deadlines counted from the feedback."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for line in lines:
        ws.append([line])
    ls = wb.create_sheet("整改台账")
    ls.append(["序号", "存在问题", "整改措施", "责任科室", "责任人", "整改时限", "整改状态", "整改进展"])
    ls.append([1, "食品抽检覆盖面不足", "扩大抽检批次", "食品科", "赵敏", "反馈后3个月内", "已完成", "抽检420批次"])
    ls.append([2, "特种设备监管存在盲区", "开展特种设备隐患排查", "特设科", "钱坤", "12月底前", "正在推进",
               "已排查电梯312台"])
    wb.save(path)
    return path


_EXPLAINED = ["填报说明", "一、基本信息", "被巡察单位：县市场监督管理局", "巡察组：县委第四巡察组",
              "反馈时间：2026年6月15日", "二、填报要求", "填报时间：每月25日前报送县委巡察办",
              "单位名称：请填写全称，加盖公章",
              "整改状态：从“已完成”“正在推进”“未启动”中选择"]


def test_the_facts_on_an_explanation_sheet_are_read_and_its_instructions_are_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _explained_ledger(tmp_path / "台账.xlsx", _EXPLAINED)
    main(["check", str(ledger), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    # the feedback date dates "反馈后3个月内" and gives "12月底前" its year; 每月25日前 is no report date
    assert [f["cell"] for f in out["findings"] if f["code"] in ("bad-deadline", "info-date-unreadable")] == []
    assert out["summary"]["as_of_source"] == "今天"
    notice = tmp_path / "通报.txt"
    main(["notice", str(ledger), "-o", str(notice)])
    text = notice.read_text("utf-8")
    assert "2026年6月15日，县委第四巡察组向县市场监督管理局反馈了巡察意见" in text
    assert "请填写全称" not in text


@pytest.mark.parametrize(("filled", "title"), [
    ("填报日期：2026年11月20日", "中共某镇委员会巡察反馈问题整改台账"),
    ("填报单位：某镇党政办", "中共某镇委员会2026年巡察反馈问题整改台账"),
])
def test_next_year_written_in_a_ledger_giving_a_year_but_no_feedback_date(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], filled: str, title: str) -> None:
    # "明年一季度", "次年6月底": the year after the one the ledger gives (its report date's, its title's) —
    # they had been bad-deadline, as though only a feedback date could say which year is 明年
    deadlines = ["明年一季度", "次年6月底", "12月底前", "年内"]
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["正在推进"] * 4, filled, deadlines, title=title)
    findings = _check(ledger, capsys)
    assert [f["cell"] for f in findings if f["code"] == "bad-deadline"] == []
    said = next(f["message"] for f in findings if f["code"] == "deadline-year-assumed")
    assert "读作2027年3月31日" in said


def test_work_nearly_finished_or_still_being_prepared_is_going_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # nearly finished (即将完成, 接近尾声) and being prepared (前期准备阶段) are going on; to begin soon
    # (近期启动) has not begun — all four had been unread (bad-status)
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["即将完成", "接近尾声", "处于前期准备阶段", "近期启动"])
    assert not [f for f in _check(ledger, capsys) if f["code"] == "bad-status"]
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 0, "正在推进": 3, "未启动": 1}


def test_the_year_in_the_deadline_column_name_reads_its_deadlines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A transport bureau names its deadline column 整改时限（2026年） and writes 9月底, 12月15日前 under
    it: the year is the column's (every one had been bad-deadline), and said where it came from."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某县交通运输局巡察整改台账"])
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限（2026年）", "整改状态"])
    ws.append([1, "党组会议议事规则执行不严", "修订议事规则", "办公室", "刘洋", "9月底", "正在推进"])
    ws.append([2, "意识形态阵地管理薄弱", "开展阵地排查", "办公室", "刘洋", "12月15日前", "正在推进"])
    wb.save(tmp_path / "台账.xlsx")
    main(["check", str(tmp_path / "台账.xlsx"), "--format", "json", "--as-of", "2026-11-20"])
    found = {(f["code"], f["cell"]): f["message"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not [c for c in found if c[0] == "bad-deadline"]
    assert "2026年9月30日" in found[("overdue", "F3")] and ("overdue", "F4") not in found
    assert "表头“整改时限（2026年）”" in found[("deadline-year-assumed", "F3")]


def test_not_closed_beside_an_account_of_finished_work_is_that_work_not_yet_closed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sub-district's 整改清单: a two-row header (责任清单 over 牵头领导/牵头单位/配合单位, 时间节点 over
    计划/实际完成时间), its 销号情况 the only status column, the 整改落实情况 telling how far each got.
    "未销号" beside "已完成…整改到位" or "整改已见成效" is the work done (or mostly) and not yet closed
    — it had been read 正在推进 whatever the account said."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["某街道党工委巡察反馈问题整改清单"])
    ws.append(["序号", "问题清单", "任务清单", "责任清单", None, None, "时间节点", None, "整改落实情况", "销号情况"])
    ws.append([None, None, None, "牵头领导", "牵头单位", "配合单位", "计划完成时间", "实际完成时间", None, None])
    for cells in ("A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:H2", "I2:I3", "J2:J3"):
        ws.merge_cells(cells)
    ws.freeze_panes = "A4"
    ws.append(["（一）", "党的建设方面"])
    ws.append(["1", "党员发展程序不严", "规范党员发展流程", "党工委副书记 周强", "党建办", None, "2026年8月31日",
               "2026年8月20日", "已修订发展党员工作细则，完成整改", "未销号"])
    ws.append(["2", "基层党组织“三会一课”不规范", "开展专项检查", "党工委副书记 周强", "党建办", "各社区",
               "2026年12月31日", None, "整改已见成效", "未销号"])
    ws.append(["（二）", "民生保障方面"])
    ws.append(["3", "低保动态管理不及时", "开展低保对象核查", "副主任 吴敏", "民政办", "各社区", "2026年12月31日", None,
               "核查低保户120户，正在推进", "未销号"])
    wb.save(tmp_path / "清单.xlsx")
    out = tmp_path / "汇总.xlsx"
    main(["summary", str(tmp_path / "清单.xlsx"), "-o", str(out), "--as-of", "2026-11-20"])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(out)["整改总体情况"]
    counts = {r[0]: r[1] for r in sheet.iter_rows(values_only=True)
              if r[0] in ("已完成", "其中：已销号", "基本完成", "正在推进")}
    assert counts == {"已完成": 1, "其中：已销号": 0, "基本完成": 1, "正在推进": 1}


@pytest.mark.parametrize("legend", ["说明：字体标红的为未完成整改事项，其余为已完成",
                                    "注：红字部分为正在整改事项，黑字部分为已完成事项"])
def test_more_ways_of_keying_statuses_by_font_colour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    ledger = _font_ledger(tmp_path / "台账.xlsx", legend, [False, True, True], ["已完成", None, None])
    codes = {(f["code"], f["cell"]) for f in _check(ledger, capsys)}
    assert ("status-from-colour", "G5") in codes and not {c for c, _ in codes} & {"bad-status", "missing-status"}
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def test_the_rest_keyed_by_a_legend_is_every_row_in_no_colour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "其余为已完成": the rows typed in no colour are done
    legend = "说明：字体标红的为未完成整改事项，其余为已完成。"
    ledger = _font_ledger(tmp_path / "台账.xlsx", legend, [False, True, True], [None, None, None])
    findings = _check(ledger, capsys)
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "其余为已完成" in said and "红色为正在推进" in said
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


def test_a_feedback_month_told_in_a_sentence_dates_the_deadlines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "县委第三巡察组2026年6月反馈": the feedback to its month — 反馈后3个月内 and 11月底 read from it
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["正在推进"] * 4, "县委第三巡察组2026年6月反馈",
                          [*_YEARLESS[:3], "反馈后3个月内"])
    main(["check", str(ledger), "--format", "json", "--as-of", "2026-11-20"])
    found = {(f["code"], f["cell"]): f["message"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not [c for c in found if c[0] == "bad-deadline"]
    assert "2026年9月30日" in found[("overdue", "E7")]


def test_a_report_day_without_its_year_takes_the_title_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "填报日期：11月20日" under a title "2026年…整改台账": the figures stand at 2026年11月20日, not today
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["正在推进"] * 4, "填报日期：11月20日", _YEARLESS,
                          title="2026年中共某镇委员会巡察反馈问题整改台账")
    main(["check", str(ledger), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["as_of"] == "2026-11-20" and "填报日期" in summary["as_of_source"]


def test_a_font_keyed_ledger_exported_without_its_colours_says_font_colour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exported as .csv, a legend keying statuses by font colour is told as such (it had said 底色)."""
    csv = tmp_path / "台账.csv"
    csv.write_text("\n".join([
        "县自然资源局巡察反馈问题整改台账,,,,,,",
        "说明：红色字体为未完成事项，黑色字体为已完成事项。,,,,,,",
        "序号,存在问题,整改措施,责任股室,责任人,整改时限,整改情况",
        "1,耕地保护责任落实不到位,开展耕地保护专项督查,耕保股,陈刚,2026年6月30日,",
        "2,矿山修复进展缓慢,编制矿山修复方案,矿管股,王涛,2027年3月31日,"]) + "\n", encoding="utf-8")
    told = {f["cell"]: f["message"] for f in _check(csv, capsys) if f["code"] in ("bad-status", "missing-status")}
    assert set(told) == {"G4", "G5"}
    assert all("字体颜色" in m and "底色" not in m and "红色为正在推进" in m for m in told.values())
