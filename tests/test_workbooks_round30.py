"""Round thirty: the Excel features clerks' ledgers really carry, read, marked and cleared.

- a ledger a program wrote and no spreadsheet ever computed: a formula of the sheet's own cells
  (``=ROW()-2`` numbering the rows, ``=D5`` repeating the unit above) is read as Excel would show
  it, not named uncomputed, and so is an IF choosing by them (``=IF(G5<>"","已完成","正在推进")``); one
  that needs Excel (TODAY, another sheet, a function not worked out) still is; a 整改时限 or 报告日期
  written =DATE(2026,12,31) is the day it shows;
- a 整改时限 worked out from today's date (``=TODAY()+30``, ``=EDATE(TODAY(),3)``, filled down), in an
  .xlsx computed or not, an .xls, an .ods: named (deadline-from-today), never read as a day;
- the add-in's buttons on a workbook whose first sheet is a chart sheet;
- marks in rows an autofilter hides or a collapsed group folds away: the CLI and 标记问题 say how
  many cannot be seen and how to show them.

Every workbook is built here; units, people and texts are fictional."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl.cli import main

AS_OF = "2026-10-20"


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]  # type: ignore[no-any-return]


# -- formulas a program wrote and nothing computed --------------------------------------------------

HEAD = ["编号", "存在问题", "整改举措", "牵头科室", "具体责任人", "完成时间节点", "目前进度"]


def _exported(path: Path) -> Path:
    """A 市场监管局 ledger as a reporting system's export writes it (openpyxl keeps no value for a
    formula): the numbers counted from the row, the 牵头科室 repeated from the row above, one status
    worked out by IF from the deadline."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改清单"
    ws.append(["县市场监管局落实县委第四巡察组反馈意见整改清单"])
    ws.append(HEAD)
    rows = [
        ["食品抽检不合格批次后处置不到位", "逐批次建立核查处置档案", "食品安全协调科", "孙某",
         datetime(2026, 9, 15), "已办结"],
        ["特种设备隐患排查存在盲区", "开展电梯、锅炉隐患全覆盖排查", "特种设备安全监察科", "周某",
         datetime(2026, 8, 31), "推进中"],
        ["行政处罚案卷归档不及时", "每月集中归档并通报进度", "=D4", "吴某", datetime(2027, 1, 31), "推进中"],
        ["投诉举报办结超时", "建立超时件预警提醒", "=D5", "郑某", datetime(2026, 12, 31),
         '=IF(F6<TODAY(),"已逾期","推进中")'],
    ]
    for row in rows:
        ws.append(["=ROW()-2", *row])
    for r in range(3, 7):
        ws.cell(r, 6).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return path


def test_a_programs_formulas_of_the_sheets_own_cells_are_read_as_excel_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _exported(tmp_path / "市场监管局整改清单.xlsx")
    found = _check(path, capsys)
    # the IF needs Excel (and today's date): named, and only it
    assert [f["cell"] for f in found if f["code"] == "formula-uncomputed"] == ["G6"]
    assert [f["code"] for f in found if f["severity"] == "error" and f["code"] != "formula-uncomputed"] == ["overdue"]
    ledger = api.read_ledger(path)
    assert [i.number for i in ledger.issues()] == [1, 2, 3, 4]
    assert [m.owner_unit for m in ledger.measures()] == ["食品安全协调科", "特种设备安全监察科", "特种设备安全监察科",
                                                         "特种设备安全监察科"]


def test_a_formula_of_a_cell_nothing_computed_stays_unknown(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """=D4 of a D4 that is itself a look-up no program computed: not read as empty, named."""
    path = _exported(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["整改清单"]
    ws["D4"] = "=VLOOKUP(E4,人员!$A:$B,2,FALSE)"
    wb.save(path)
    found = _check(path, capsys)
    assert sorted(f["cell"] for f in found if f["code"] == "formula-uncomputed") == ["D4", "D5", "D6", "G6"]


def _status_by_formula(path: Path, formula: str) -> Path:
    """A 应急管理局 ledger its reporting system exported: the 整改状态 worked out by ``formula`` (of
    the row ``{r}``) from whether a 完成时间 is written or the 完成率 is whole, never computed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "问题清单", "整改措施", "责任单位", "责任人", "整改时限", "完成时间", "完成率", "整改状态"])
    rows = [
        ["安全生产执法检查频次不足", "制定年度执法检查计划", "执法大队", "曹某", datetime(2026, 6, 30),
         datetime(2026, 6, 20), 1],
        ["应急物资储备台账不实", "开展物资储备清查盘点", "救灾物资股", "严某", datetime(2026, 9, 30), None, 0.6],
        ["防汛预案演练流于形式", "组织实战化防汛演练", "防汛办", "华某", datetime(2027, 4, 30), None, 0.2],
    ]
    for n, row in enumerate(rows, start=1):
        r = n + 1
        ws.append([n, *row, formula.format(r=r)])
        ws.cell(r, 6).number_format = ws.cell(r, 7).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return path


@pytest.mark.parametrize("formula", ['=IF(G{r}<>"","已完成",IF(H{r}>=1,"已完成","正在推进"))',
                                     '=IF(OR(NOT(ISBLANK(G{r})),H{r}>=1),"已完成","正在推进")',
                                     '=IF(AND(LEN(G{r})=0,H{r}<1),"正在推进","已完成")'])
def test_a_status_an_if_works_out_from_the_row_is_read_as_excel_shows_it(
        formula: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _status_by_formula(tmp_path / "应急管理局整改台账.xlsx", formula)
    found = _check(path, capsys)
    assert [(f["code"], f["cell"]) for f in found if f["severity"] == "error"] == [("overdue", "F3")]
    ledger = api.read_ledger(path)
    assert [m.status.value if m.status else None for m in ledger.measures()] == ["已完成", "正在推进", "正在推进"]


def test_a_deadline_a_script_wrote_as_date_is_read_as_the_day(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """整改时限 written by a script as =DATE(…) (one a month past its end, as DATE allows), never
    computed: read as the days Excel shows — overdue where past, not uncomputed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "巡察指出问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"])
    ws.append([1, "农村危房改造档案不全", "逐户补齐改造档案", "村镇建设股", "邓某", "=DATE(2026,8,31)", "推进中"])
    ws.append([2, "建筑工地扬尘管控不力", "建立扬尘巡查台账", "质安站", "许某", "=DATE(2026,13,31)", "推进中"])
    ws.append([3, "物业服务投诉办理慢", "设立投诉办理时限", "房管股", "傅某",
               '=IF(G4="已完成",DATE(2026,6,30),DATE(2026,9,30))', "推进中"])
    path = tmp_path / "住建局台账.xlsx"
    wb.save(path)
    found = _check(path, capsys)
    assert [(f["code"], f["cell"]) for f in found if f["severity"] == "error"] == [("overdue", "F2"), ("overdue", "F4")]
    assert "整改时限为2026年8月31日" in found[0]["message"]
    assert [m.deadline.due for m in api.read_ledger(path).measures()] == [date(2026, 8, 31), date(2027, 1, 31),
                                                                          date(2026, 9, 30)]


def test_a_report_date_a_script_wrote_as_date_is_the_as_of_date(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "巡察指出问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"])
    ws.append([1, "农村危房改造档案不全", "逐户补齐改造档案", "村镇建设股", "邓某", datetime(2026, 11, 30), "推进中"])
    info = wb.create_sheet("基本信息")
    info.append(["单位名称", "县住房和城乡建设局"])
    info.append(["报告日期", "=DATE(2026,12,4)"])
    wb.save(tmp_path / "住建局台账.xlsx")
    report = api.check(tmp_path / "住建局台账.xlsx")
    assert report.as_of == date(2026, 12, 4)  # not today's date, not uncomputed
    assert [(f.code, f.cell) for f in report.findings if f.severity.value == "error"] == [("overdue", "F2")]


# -- the add-in's buttons on a workbook opening on a chart sheet ------------------------------------


def _charted(path: Path) -> Path:
    """A 街道办 ledger whose first tab is a chart sheet of its progress (as clerks put the picture
    the leaders look at first), kept as an Excel table with a drop-down status, a frozen heading,
    print titles, and a very hidden sheet of the drop-down's words last."""
    from openpyxl.chart import PieChart, Reference
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题整改台账"
    ws.append(["序号", "反馈问题", "整改措施", "责任科室", "责任人", "整改时限", "整改状态"])
    for row in (
        [1, "社区公益性岗位人员考勤流于形式", "推行岗位人员打卡与月度公示", "社区事务办", "冯某", datetime(2026, 9, 30),
         "已整改"],
        [2, "老旧小区加装电梯补助审核不严", "逐户复核补助申报材料", "城建办", "褚某", datetime(2026, 8, 15), "整改中"],
        [3, "辖区餐饮油烟投诉反复", "建立油烟治理联合巡查机制", "综合执法队", "卫某", datetime(2027, 2, 28), "整改中"],
    ):
        ws.append(row)
    for r in range(2, 5):
        ws.cell(r, 6).number_format = 'yyyy"年"m"月"d"日"'
    table = Table(displayName="整改台账表", ref="A1:G4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)
    words = wb.create_sheet("下拉选项")
    for word in ("已整改", "整改中", "未启动"):
        words.append([word])
    words.sheet_state = "veryHidden"
    valid = DataValidation(type="list", formula1="下拉选项!$A$1:$A$3", allow_blank=True)
    ws.add_data_validation(valid)
    valid.add("G2:G100")
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"
    chart = wb.create_chartsheet("进度图", 0)
    pie = PieChart()
    pie.add_data(Reference(ws, min_col=1, min_row=2, max_row=4))
    chart.add_chart(pie)
    wb.save(path)
    return path


def _cells(wb: Any) -> dict[tuple[str, str], tuple[Any, str | None, str]]:
    return {(ws.title, c.coordinate): (c.value, c.fill.fgColor.rgb if c.fill.fill_type else None, c.number_format)
            for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def test_the_buttons_mark_and_give_back_a_workbook_opening_on_a_chart_sheet(tmp_path: Path) -> None:
    import re

    from rectxl import excel as rx
    from rectxl.core.rules import Options
    from tests.com_standin import Excel, workbook_of

    options = Options(as_of=date.fromisoformat(AS_OF))
    excel = Excel(today=options.as_of)
    book = excel.open(_charted(tmp_path / "街道整改台账.xlsx"))
    wb = workbook_of(book).wb
    tabs, before = list(wb.sheetnames), _cells(wb)
    assert rx.validate(book, options) is not None
    assert rx.flag(book, options) is not None
    assert "已标记 1 个单元格" in str(excel.alerts[-1]["prompt"])
    fill = wb["问题整改台账"]["F3"].fill  # 整改中 past 2026年8月15日: red
    assert fill.fill_type == "solid" and fill.fgColor.rgb != before[("问题整改台账", "F3")][1]
    assert rx.summarize(book, options) is not None
    assert rx.notice(book, options) is not None
    assert rx.clear(book) is not None
    assert wb.sheetnames == tabs  # the chart sheet first, the very hidden sheet kept
    assert _cells(wb) == before
    ws = wb["问题整改台账"]
    assert list(ws.tables) == ["整改台账表"] and ws.freeze_panes == "C2"
    assert [str(v.sqref) for v in ws.data_validations.dataValidation] == ["G2:G100"]
    prompts = [re.sub(r"\S+\.docx", "", str(a["prompt"])) for a in excel.alerts]  # (the notice's path)
    assert len(prompts) == 5 and not [p for p in prompts if re.search(r"(?!rectxl)\b[A-Za-z]{3,}", p)]


# -- a deadline worked out from today's date --------------------------------------------------------


def _moving(path: Path) -> Path:
    """A 卫健局 ledger whose template gave new measures "30 days from today" as their 整改时限 (and one
    three months on), the last row filled down by Excel from the one above it (a shared formula)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改落实台账"
    ws.append(["序号", "问题表现", "整改措施", "责任股室", "责任人", "整改期限", "落实情况"])
    ws.append([1, "村卫生室药品进销存台账不全", "统一配发进销存登记本", "基层卫生股", "何某", datetime(2026, 8, 31),
               "推进中"])
    ws.append([2, "家庭医生签约服务随访不实", "按月抽查随访记录", "基层卫生股", "吕某", "=TODAY()+30", "推进中"])
    ws.append([3, "医疗废物转运交接不规范", "完善交接联单制度", "医政医管股", "施某", "=EDATE(TODAY(),3)", "推进中"])
    ws.append([4, "职业病危害申报不及时", "开展申报情况专项核查", "职业健康股", "张某", "=EDATE(TODAY(),3)", "推进中"])
    for r in range(2, 6):
        ws.cell(r, 6).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return path


def _as_excel_saves_it(path: Path) -> None:
    """The formulas as Excel keeps them once computed, on 2026年6月1日: each with the day it worked out
    then, and F5 filled down from F4 (``<f t="shared" si="0">`` on F4, the cell below naming the
    group only)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for old, new in (('<f>TODAY()+30</f><v></v>', '<f>TODAY()+30</f><v>46204</v>'),
                     ('<c r="F4" s="1"><f>EDATE(TODAY(),3)</f><v></v>',
                      '<c r="F4" s="1"><f t="shared" ref="F4:F5" si="0">EDATE(TODAY(),3)</f><v>46266</v>'),
                     ('<c r="F5" s="1"><f>EDATE(TODAY(),3)</f><v></v>',
                      '<c r="F5" s="1"><f t="shared" si="0"/><v>46266</v>')):
        assert old in xml
        xml = xml.replace(old, new)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.parametrize("computed", [False, True])
def test_a_deadline_worked_out_from_today_is_named_not_read_as_a_day(
        computed: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _moving(tmp_path / "卫健局整改台账.xlsx")
    if computed:  # the days Excel worked out then (2026年7月1日, 2026年9月1日) are past the 20th of October
        _as_excel_saves_it(path)
    found = _check(path, capsys)
    assert [(f["code"], f["cell"]) for f in found if f["severity"] == "error"] == [
        ("overdue", "F2"), ("deadline-from-today", "F3"), ("deadline-from-today", "F4"),
        ("deadline-from-today", "F5")]
    moving = next(f for f in found if f["cell"] == "F3")
    assert "永远不会显示逾期" in moving["message"] and "固定的日期" in moving["message"]


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_deadline_worked_out_from_today_is_named_in_an_xls_and_an_ods(
        kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from tests.followup_ledgers import soffice_convert

    path = soffice_convert(_moving(tmp_path / "卫健局整改台账.xlsx"), tmp_path / kind, kind)
    found = _check(path, capsys)
    assert [(f["code"], f["cell"]) for f in found if f["severity"] == "error"] == [
        ("overdue", "F2"), ("deadline-from-today", "F3"), ("deadline-from-today", "F4"),
        ("deadline-from-today", "F5")]


# -- marks the clerk cannot see ---------------------------------------------------------------------


def _filtered(path: Path) -> Path:
    """A 自然资源局 ledger the clerk left filtered to their own 股室 (the other rows hidden by the
    filter), with the sub-measures of issue 3 grouped and folded away."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "责任人", "完成时限", "整改进度"])
    for row in (
        [1, "违法占地案件查处不到位", "对积案逐宗建档督办", "执法监察大队", "林某", datetime(2026, 12, 31), "正在推进"],
        [2, "不动产登记窗口办件超时", "推行容缺受理", "登记中心", "黄某", datetime(2026, 7, 31), "正在推进"],
        [3, "矿山生态修复进度滞后", "制定修复工作方案", "执法监察大队", "林某", datetime(2026, 6, 30), "已完成"],
        [None, None, "完成复绿工程验收", "执法监察大队", "林某", datetime(2026, 9, 30), "正在推进"],
    ):
        ws.append(row)
    for r in range(2, 6):
        ws.cell(r, 6).number_format = 'yyyy"年"m"月"d"日"'
    ws.auto_filter.ref = "A1:G5"
    ws.auto_filter.add_filter_column(3, ["执法监察大队"])
    ws.row_dimensions[3].hidden = True  # 登记中心's row, hidden by the filter
    ws.row_dimensions[5].outline_level = 1  # the second measure of issue 3, folded into its group
    ws.row_dimensions[5].hidden = True
    wb.save(path)
    return path


def test_annotate_says_marks_the_filter_and_a_folded_group_hide(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _filtered(tmp_path / "自然资源局台账.xlsx")
    assert main(["annotate", str(path), "--as-of", AS_OF]) == 1
    out = capsys.readouterr().out
    assert "2 个问题单元格已标色" in out  # F3 and F5, both overdue
    assert "其中 2 个标色单元格当前看不到：清除筛选（“数据”→“清除”）、点击左侧的“+”展开分组后可见" in out


def test_the_mark_button_says_marks_the_filter_hides(tmp_path: Path) -> None:
    from rectxl import excel as rx
    from rectxl.core.rules import Options
    from tests.com_standin import Excel

    options = Options(as_of=date.fromisoformat(AS_OF))
    excel = Excel(today=options.as_of)
    book = excel.open(_filtered(tmp_path / "自然资源局台账.xlsx"))
    assert rx.flag(book, options) is not None
    prompt = str(excel.alerts[-1]["prompt"])
    assert prompt.startswith("已标记 2 个单元格")
    assert "其中 2 个标色单元格当前看不到：清除筛选（“数据”→“清除”）、点击左侧的“+”展开分组后可见。" in prompt
