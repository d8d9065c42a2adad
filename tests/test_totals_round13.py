"""Totals round 13: the numbers of the 汇总 sheets and of the notice's totals sentence as the 巡察办
checks them — a completion rate rounded as Excel shows it (a half up), one unit written with and
without its county (县财政局 / 财政局) counted once in 责任单位统计, and a measure written once for
two issues (its cell merged down over both) counted for each. Ledgers written as a county 财政局
writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from rectxl.core.text import percent_text

HEADER = ["序号", "方面", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况", "整改进展", "佐证材料"]


def _row(no: int, issue: str, measure: str | None, status: str, *, unit: str = "办公室",
         deadline: str = "2026年10月底", progress: str = "") -> list[Any]:
    return [no, "一、落实全面从严治党责任方面", issue, measure, unit, "张某", deadline, status, progress, "会议纪要"]


def _ledger(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["青山县财政局党组巡察整改台账"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    for merge in merges:
        ws.merge_cells(merge)
    info = wb.create_sheet("基本信息")
    for key, value in (("单位名称", "青山县财政局党组"), ("反馈日期", "2026年5月20日"), ("报告日期", "2026年11月30日")):
        info.append([key, value])
    wb.save(path)
    return path


def _notice(ledger: Path, tmp_path: Path) -> str:
    out = tmp_path / "通报.txt"
    main(["notice", str(ledger), "-o", str(out), "--force"])
    return out.read_text(encoding="utf-8")


def _summary(ledger: Path, tmp_path: Path) -> openpyxl.Workbook:
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(ledger), "-o", str(out), "--force"]) == 0
    return openpyxl.load_workbook(out)


def _sheet_rows(wb: openpyxl.Workbook, name: str) -> list[list[Any]]:
    return [[v for v in row if v is not None] for row in wb[name].iter_rows(values_only=True)
            if any(v is not None for v in row)]


def _findings(ledger: Path, capsys: pytest.CaptureFixture[str]) -> set[tuple[str, str]]:
    import json

    capsys.readouterr()  # what earlier commands printed
    main(["check", str(ledger), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    return {(f["code"], f.get("cell") or "") for f in data["findings"] if f["severity"] != "info"}


# -- a completion rate at a half: as Excel's 0.0% shows the sheet's number ---------------------------

@pytest.mark.parametrize(("measures", "done", "said"), [(16, 1, "6.3%"), (80, 13, "16.3%"), (6, 1, "16.7%"),
                                                         (8, 5, "62.5%"), (3, 2, "66.7%")])
def test_completion_rate_rounds_a_half_up(tmp_path: Path, measures: int, done: int, said: str) -> None:
    rows = [_row(i, f"问题{i}", f"措施{i}", "已完成" if i <= done else "正在推进", deadline="2026年12月底",
                 progress="已开展" if i <= done else "推进中") for i in range(1, measures + 1)]
    ledger = _ledger(tmp_path / "台账.xlsx", rows)
    notice = _notice(ledger, tmp_path)
    assert f"{measures}项整改措施已完成{done}项、正在推进{measures - done}项，整改措施完成率{said}。" in notice
    sheet = _sheet_rows(_summary(ledger, tmp_path), "整改总体情况")
    assert any(f"整改措施完成率{said}" in str(r[0]) for r in sheet)  # the sentence on the sheet
    rate = next(r[1] for r in sheet if r[0] == "措施完成率")
    assert rate == pytest.approx(done / measures, abs=1e-4)  # the number Excel shows as said


def test_a_share_short_of_the_whole_is_not_printed_as_all_or_none() -> None:
    assert percent_text(1999 / 2000) == "99.9%"
    assert percent_text(1 / 3000) == "0.1%"
    assert (percent_text(1.0), percent_text(0.0), percent_text(0.75)) == ("100%", "0%", "75%")


# -- one unit written with and without its county -------------------------------------------------

def test_a_unit_with_and_without_its_county_is_counted_once(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows = [_row(1, "预算执行进度慢", "建立预算执行通报制度", "已完成", unit="县财政局", progress="已印发"),
            _row(2, "政府采购监管不严", "开展政府采购专项检查", "已完成", unit="财政局", progress="已检查"),
            _row(3, "国有资产底数不清", "开展资产清查", "正在推进", unit="县财政局", deadline="2026年12月底",
                 progress="已清查60%"),
            _row(4, "审计整改不到位", "建立审计整改台账", "已完成", unit="县财政局、县审计局", progress="已建立"),
            _row(5, "专项资金绩效评价流于形式", "开展绩效评价复核", "已完成", unit="审计局", progress="已复核"),
            _row(6, "非税收入征缴不及时", "清缴历年欠缴非税收入", "正在推进", unit="市财政局", deadline="2026年12月底",
                 progress="已清缴3笔")]
    ledger = _ledger(tmp_path / "台账.xlsx", rows)
    units = {r[0]: r[1:4] for r in _sheet_rows(_summary(ledger, tmp_path), "责任单位统计")[2:]}
    # 措施数, 已完成, 基本完成: 县财政局 rows 3, 4, 5, 7; 县审计局 rows 6, 7; 市财政局 a unit of its own
    assert units == {"县财政局": [4, 3, 0], "县审计局": [2, 2, 0], "市财政局": [1, 0, 0]}
    found = _findings(ledger, capsys)
    assert {("owner-unit-variant", "E4"), ("owner-unit-variant", "E7")} <= found
    assert ("owner-unit-variant", "E8") not in found


# -- a measure written once for two issues ----------------------------------------------------------

def test_a_measure_merged_over_two_issues_is_each_issues_measure(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    rows = [_row(1, "财务报销审核不严", "修订财务报销管理制度", "已完成", progress="已印发新制度"),
            _row(2, "公务卡使用不规范", None, "已完成", progress="已印发新制度"),
            _row(3, "固定资产账实不符", "开展固定资产清查", "正在推进", deadline="2026年12月底",
                 progress="已清查办公设备")]
    ledger = _ledger(tmp_path / "台账.xlsx", rows, merges=("D3:D4",))
    assert not {code for code, _ in _findings(ledger, capsys)} & {"issue-without-measure", "measure-without-issue"}
    notice = _notice(ledger, tmp_path)
    assert "3个问题已完成整改2个、正在整改1个；3项整改措施已完成2项、正在推进1项，整改措施完成率66.7%。" in notice
    second = next(line for line in notice.splitlines() if "公务卡使用不规范" in line)
    assert "修订财务报销管理制度" in second


# -- one sheet per aspect, the rows naming it in full -----------------------------------------------

def test_a_sheet_named_for_its_aspect_is_one_aspect_with_its_rows(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sheets = (("政治建设", "一、政治建设方面", 3), ("作风建设", "二、作风建设方面", 2))
    for k, (sheet, aspect, issues) in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = sheet
        ws.append(HEADER)
        for i in range(1, issues + 1):
            row = _row(i, f"{sheet}问题{i}", f"{sheet}措施{i}", "已完成" if i == 1 else "正在推进",
                       deadline="2026年12月底", progress="已开展" if i == 1 else "推进中")
            row[1] = aspect
            ws.append(row)
    info = wb.create_sheet("基本信息")
    info.append(["报告日期", "2026年11月30日"])
    wb.save(tmp_path / "台账.xlsx")
    notice = _notice(tmp_path / "台账.xlsx", tmp_path)
    assert "巡察反馈的两个方面5个问题已完成整改2个、正在整改3个；5项整改措施已完成2项、正在推进3项" in notice
    headings = [line.strip() for line in notice.splitlines() if line.strip().startswith("（")]
    assert headings[:2] == ["（一）政治建设方面", "（二）作风建设方面"]
    sheet = _sheet_rows(_summary(tmp_path / "台账.xlsx", tmp_path), "整改总体情况")
    assert ["问题方面", 2] in sheet


# -- 问题类别 and no 方面 -----------------------------------------------------------------------------

def test_a_ledger_of_categories_without_aspects_is_broken_down_by_category(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "问题类别", "存在问题", "整改措施", "责任单位", "整改时限", "整改情况", "整改进展"])
    first, second = "（一）主体责任落实不到位问题", "（二）财经纪律执行不严问题"
    for no, category, status in ((1, first, "已完成"), (2, first, "已完成"), (3, second, "正在推进")):
        ws.append([no, category, f"问题{no}", f"措施{no}", "办公室", "2026年12月底", status, "已开展"])
    info = wb.create_sheet("基本信息")
    info.append(["报告日期", "2026年11月30日"])
    wb.save(tmp_path / "台账.xlsx")
    sheet = _sheet_rows(_summary(tmp_path / "台账.xlsx", tmp_path), "整改总体情况")
    assert ["问题方面", 0] in sheet and ["问题类别", 2] in sheet
    at = sheet.index(["类别", "完成率", "措施", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "逾期"])
    assert sheet[at + 1:at + 3] == [["主体责任落实不到位问题", 1, 2, 2, 0, 0, 0, 0, 0],
                                    ["财经纪律执行不严问题", 0, 1, 0, 0, 1, 0, 0, 0]]
