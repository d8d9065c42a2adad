"""Graded warnings (红/橙/黄/蓝/绿) and extensions on record: the thresholds from the options or
基本信息, the grades in the findings, the highlights and the summary sheets, the extended deadline
used everywhere — and the ``rectxl new`` template's conditional formats giving the same colours
as ``rectxl check --warn`` (evaluated by LibreOffice)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.core.findings import Severity
from rectxl.core.rules import RULES, Options
from rectxl.core.sheets import GRADE_FILLS, highlight_cells
from rectxl.core.timing import Grade, grade, parse_warn_days, resolve_warn_days, warn_grade
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import AS_OF, soffice_convert, write_extension_ledger, write_warning_ledger

R, OR, Y, B, G = Grade.RED, Grade.ORANGE, Grade.YELLOW, Grade.BLUE, Grade.GREEN
#: the warning ledger's grades by row under 20,10 (see write_warning_ledger)
GRADES_20_10 = {4: R, 5: R, 6: OR, 7: OR, 8: OR, 9: Y, 10: Y, 11: None, 12: B, 13: B, 14: G}

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")


def _grades(path: Path, warn: tuple[int, ...] | None = None) -> dict[int, Grade | None]:
    ledger = read_ledger(path)
    thresholds = resolve_warn_days(ledger.info, warn)
    return {m.row: grade(m, AS_OF, thresholds) for m in ledger.measures()}


# -- thresholds --------------------------------------------------------------------------------


def test_thresholds_are_read_as_offices_write_them() -> None:
    assert parse_warn_days("20,10") == parse_warn_days("20，10") == parse_warn_days("10、20天") == (20, 10)
    assert parse_warn_days("15") == parse_warn_days(15) == (15,)
    assert parse_warn_days("30,20,10") is None and parse_warn_days("尽快") is None and parse_warn_days("") is None
    assert [warn_grade(d, (20, 10)) for d in (-1, 0, 10, 11, 20, 21)] == [None, OR, OR, Y, Y, None]
    assert [warn_grade(d, (15,)) for d in (0, 15, 16)] == [Y, Y, None]  # one threshold: no orange


def test_grades_under_the_thresholds_of_基本信息(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx")
    assert _grades(path) == GRADES_20_10
    report = api.check(path)
    assert report.warn_days == (20, 10)
    c = report.counts
    assert (c.red, c.orange, c.yellow, c.blue, c.green) == (2, 3, 2, 2, 1)


def test_options_override_基本信息_and_due_soon_days_stays_the_single_threshold(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx")
    assert api.check(path, Options(warn_days=(30, 5))).warn_days == (30, 5)
    assert _grades(path, (30, 5))[11] is Y and _grades(path, (30, 5))[8] is Y
    without = write_warning_ledger(tmp_path / "无预警天数.xlsx", warn=None)
    report = api.check(without, Options(due_soon_days=15))
    assert report.warn_days == (15,)
    assert [f.row for f in report.findings if f.code == "due-soon"] == [7, 8, 9]  # 5, 10, 11 days: ≤15
    assert all("【黄色预警】" in f.message for f in report.findings if f.code in ("due-soon", "due-today"))


def test_due_soon_names_the_grade_and_keeps_its_code(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx")
    report = api.check(path)
    soon = [(f.row, f.message) for f in report.findings if f.code in ("due-soon", "due-today")]
    assert soon == [
        (6, "【橙色预警】今天（2026年11月20日）到期，状态为“正在推进”：请今天内完成并更新状态，或履行延期手续。"),
        (7, "【橙色预警】还有5天到期（整改时限2026年11月25日）：请抓紧推进，按期完成。"),
        (8, "【橙色预警】还有10天到期（整改时限2026年11月30日）：请抓紧推进，按期完成。"),
        (9, "【黄色预警】还有11天到期（整改时限2026年12月1日）：请抓紧推进，按期完成。"),
        (10, "【黄色预警】还有20天到期（整改时限2026年12月10日）：请抓紧推进，按期完成。"),
    ]
    assert [f.row for f in report.findings if f.code == "overdue"] == [4, 5]
    assert all(f.message.startswith("【红色预警】已逾期") for f in report.findings if f.code == "overdue")


def test_highlights_take_the_grade_colours(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx")
    cells = highlight_cells(api.check(path), "台账")
    colours = {ref: h.color for ref, h in cells.items() if ref.startswith("G")}
    assert colours == {
        "G4": GRADE_FILLS[R], "G5": GRADE_FILLS[R], "G6": GRADE_FILLS[OR], "G7": GRADE_FILLS[OR], "G8": GRADE_FILLS[OR],
        "G9": GRADE_FILLS[Y], "G10": GRADE_FILLS[Y], "G13": GRADE_FILLS[B],  # 长期坚持 past its date: blue
    }


def test_bad_warn_days_falls_back_and_says_so(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx", warn="30,20,10")
    report = api.check(path)
    assert report.warn_days == (15,)
    (f,) = [f for f in report.findings if f.code == "bad-warn-days"]
    assert f.severity is Severity.WARNING and f.sheet == "基本信息" and f.value == "30,20,10"
    assert f.message == ("基本信息中的预警天数“30,20,10”无法识别：请写一个或两个天数，如“20,10”（到期前20天黄色预警、"
                         "10天橙色预警）；现按15天预警。")


def test_summary_has_a_预警_table_per_owner_unit(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx")
    _, out = api.summary_workbook(path, tmp_path / "汇总.xlsx")
    ws = load_workbook(out)["责任单位统计"]
    assert ws["A1"].value == "责任单位统计（预警：逾期红色，到期前10天内橙色、20天内黄色，长期坚持蓝色，已完成绿色）"
    header = [c.value for c in ws[2]]
    assert header[11:16] == ["红", "橙", "黄", "蓝", "绿"]
    assert [ws.cell(2, c).fill.fgColor.rgb[-6:] for c in range(12, 17)] == [GRADE_FILLS[g] for g in (R, OR, Y, B, G)]
    rows = {r[0]: r[11:16] for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows == {"耕地保护股": (2, 2, 1, 1, 1), "办公室": (0, 1, 1, 1, 0)}
    detail = [r for r in load_workbook(out)["整改明细"].iter_rows(min_row=3, values_only=True) if r[0] == "措施"]
    assert [r[11] for r in detail] == ["红", "红", "橙", "橙", "橙", "黄", "黄", None, "蓝", "蓝", "绿"]


def test_check_command_takes_warn(tmp_path: Path) -> None:
    path = write_warning_ledger(tmp_path / "预警.xlsx", warn=None)
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--warn", "20,10", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    found = {f["row"]: f["message"][:6] for f in json.loads(proc.stdout)["findings"] if f["code"] == "due-soon"}
    assert found == {7: "【橙色预警】", 8: "【橙色预警】", 9: "【黄色预警】", 10: "【黄色预警】"}
    bad = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--warn", "明天"],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert bad.returncode == 2 and "无法识别预警天数“明天”" in bad.stderr


# -- extensions on record -------------------------------------------------------------------------


EXTENSION_CODES = {"extended-after-deadline": Severity.WARNING, "extended-more-than-once": Severity.WARNING,
                   "extension-overdue": Severity.ERROR, "bad-extension": Severity.WARNING,
                   "bad-warn-days": Severity.WARNING}


def test_extension_codes_are_registered() -> None:
    for code, severity in EXTENSION_CODES.items():
        assert RULES[code].severity is severity


def test_extension_findings_exactly(tmp_path: Path) -> None:
    case = write_extension_ledger(tmp_path / "延期.xlsx")
    report = api.check(case.path)
    got = {(f.code, f.row) for f in report.findings if f.code in case.codes}
    assert got == set(case.expected)
    assert {f.code for f in report.findings} <= case.codes  # nothing else to say about this ledger
    by = {(f.code, f.row): f for f in report.findings}
    assert by[("extended-after-deadline", 7)].cell == "J7"  # the 延期批准时间 cell
    assert by[("extended-after-deadline", 7)].message == (
        "延期于2026年9月15日申请（批准），晚于当时的整改时限2026年8月31日：延期应在整改时限届满前申请，"
        "请说明逾期后才申请延期的原因，并由整改办审核。")
    assert by[("extension-overdue", 7)].cell == "I7"  # the 延期时限 cell: the deadline in force
    assert by[("extension-overdue", 7)].message.startswith(
        "【红色预警】延期后仍逾期：原定2026年8月31日，延期至2026年10月31日，截至2026年11月20日状态仍为“正在推进”。")
    assert by[("extended-more-than-once", 9)].cell == "H9"  # written in the 整改时限 cell
    assert "已延期2次（2026年7月31日→2026年9月30日→2026年12月5日）" in by[("extended-more-than-once", 9)].message
    assert "已延期2次（2026年10月31日→2026年12月31日→2027年3月31日）" in by[("extended-more-than-once", 10)].message
    assert "还有15天到期（整改时限2026年12月5日）" in by[("due-soon", 9)].message  # against the last extension
    assert by[("bad-extension", 12)].message.startswith("延期时限“2026年10月31日”不晚于原整改时限")
    # row 4: its original deadline (Sep 30) has passed, but it was extended to Dec 31 in time
    assert not [f for f in report.findings if f.row == 4]
    assert report.counts.extended == 6  # rows 4, 6, 7, 8, 9, 10


def test_summary_lists_extended_measures(tmp_path: Path) -> None:
    case = write_extension_ledger(tmp_path / "延期.xlsx")
    _, out = api.summary_workbook(case.path, tmp_path / "汇总.xlsx")
    ws = load_workbook(out)["逾期清单"]
    values = [r for r in ws.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(values) if r[0] and str(r[0]).startswith("延期清单"))
    assert values[at][0] == "延期清单（6项：原整改时限与延期后的时限）"
    listed = [(r[0], r[4], r[6], r[7], r[8]) for r in values[at + 2:]]
    assert listed == [
        (4, 1, "2026年9月30日", "2026年12月31日", "正在推进"),
        (6, 1, "2026年8月31日", "2026年10月31日", "已完成"),
        (7, 1, "2026年8月31日", "2026年10月31日", "正在推进（延期后仍逾期）"),
        (8, 1, "2026年10月15日", "2026年12月31日", "正在推进"),
        (9, 2, "2026年7月31日", "2026年12月5日", "正在推进"),
        (10, 2, "2026年10月31日", "2027年3月31日", "正在推进"),
    ]
    overview = {r[0]: r[1] for r in load_workbook(out)["整改总体情况"].iter_rows(values_only=True) if r and r[0]}
    assert overview["已延期"] == 6 and overview["已逾期"] == 4  # rows 5, 7, 11, 13


# -- the template's conditional formats agree with rectxl ----------------------------------------

#: (整改时限, 整改状态) filled into a `rectxl new` template, and the grade rectxl gives (as of
#: 2026-11-20, 预警天数 20,10)
TEMPLATE_ROWS: list[tuple[Any, str, Grade | None]] = [
    (date(2026, 11, 10), "正在推进", R),
    ("立行立改", "基本完成", R),
    (date(2026, 11, 20), "正在推进", OR),
    (date(2026, 11, 30), "正在推进", OR),
    (date(2026, 12, 1), "未启动", Y),
    (date(2026, 12, 10), "正在推进", Y),
    (date(2026, 12, 11), "正在推进", None),
    ("长期坚持", "正在推进", B),
    (date(2026, 9, 30), "长期坚持", B),
    (date(2026, 10, 31), "已完成", G),
    ("立行立改、长期坚持", "长期坚持", B),
    ("持续推进", "已完成", G),
    (date(2026, 12, 5), "", Y),  # no status yet: still open
]
#: a deadline written as text with digits: rectxl reads it (10 days: orange); Excel's formats
#: cannot, and leave it uncoloured rather than colour it wrong
TEXT_DATE_ROW = ("2026年11月底前", "正在推进", OR)


def _filled_template(tmp_path: Path) -> Path:
    template = api.new_ledger(tmp_path / "新台账.xlsx")
    wb = load_workbook(template)
    info = wb["基本信息"]
    keys = {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}
    assert info.cell(keys["预警天数"], 2).value == "20,10"  # the new template's own setting
    info.cell(keys["报告日期"], 2).value = AS_OF
    ws = wb["台账"]
    for r, (deadline, status, _) in enumerate([*TEMPLATE_ROWS, TEXT_DATE_ROW], start=3):
        ws.cell(r, 4, "1.针对耕地保护“田长制”落实不到位的问题")
        ws.cell(r, 5, f"整改措施{r - 2}")
        ws.cell(r, 7, "耕地保护股")
        ws.cell(r, 9, deadline)
        ws.cell(r, 10, status or None)
    path = tmp_path / "已填台账.xlsx"
    wb.save(path)
    return path


def _deadline_rules(path: Path) -> list[tuple[Grade, str]]:
    """The conditional formats on the 整改时限 column, in priority order, as (grade, formula)."""
    ws = load_workbook(path)["台账"]
    by_fill = {colour: g for g, colour in GRADE_FILLS.items()}
    rules = sorted(((r.priority, r) for cf in ws.conditional_formatting if str(cf.sqref).startswith("I3:")
                    for r in cf.rules), key=lambda x: x[0])
    assert all(r.stopIfTrue for _, r in rules)
    return [(by_fill[r.dxf.fill.fgColor.rgb[-6:]], r.formula[0]) for _, r in rules]


def test_template_has_one_format_per_grade_driven_by_基本信息(tmp_path: Path) -> None:
    path = api.new_ledger(tmp_path / "新台账.xlsx")
    rules = _deadline_rules(path)
    assert [g for g, _ in rules] == [G, R, B, OR, Y]
    assert all("RECTXL_ASOF" in f for g, f in rules if g in (R, OR, Y))
    names = load_workbook(path).defined_names
    assert names["RECTXL_ASOF"].attr_text == "IF(ISNUMBER('基本信息'!$B$8),INT('基本信息'!$B$8),TODAY())"
    assert "'基本信息'!$B$21" in names["RECTXL_WARN_TEXT"].attr_text
    info = load_workbook(path)["基本信息"]
    assert (info["A8"].value, info["A21"].value, info["B21"].value) == ("报告日期", "预警天数", "20,10")


@needs_soffice
def test_template_colours_agree_with_rectxl_check(tmp_path: Path) -> None:
    path = _filled_template(tmp_path)
    # what rectxl says: the command line with --warn 20,10, and the grades behind it
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--warn", "20,10", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    findings = json.loads(proc.stdout)["findings"]
    said: dict[int, Grade] = {}
    for f in findings:
        if f["code"] == "overdue":
            said[f["row"]] = R
        elif f["code"] in ("due-soon", "due-today"):
            said[f["row"]] = OR if f["message"].startswith("【橙色预警】") else Y
    grades = _grades(path, (20, 10))
    expected = {r: g for r, (_, _, g) in enumerate([*TEMPLATE_ROWS, TEXT_DATE_ROW], start=3)}
    assert grades == expected
    assert said == {r: g for r, g in expected.items() if g in (R, OR, Y)}
    # what Excel shows: each format's formula evaluated by LibreOffice for every row (helper
    # cells in a copy), the first true one (in priority order) giving the colour
    rules = _deadline_rules(path)
    wb = load_workbook(path)
    ws = wb["台账"]
    rows = range(3, 3 + len(expected))
    for r in rows:
        for k, (_, formula) in enumerate(rules):
            ws.cell(r, 30 + k, "=" + re.sub(r"(\$[A-Z]+)3(?![0-9])", rf"\g<1>{r}", formula))
    probe = tmp_path / "probe" / "探针.xlsx"
    probe.parent.mkdir()
    wb.save(probe)
    out = soffice_convert(probe, tmp_path / "probe", "csv:Text - txt - csv (StarCalc):44,34,76")
    table = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    shown: dict[int, Grade | None] = {}
    for r in rows:
        results = table[r - 1][29:29 + len(rules)]
        assert all(v in ("TRUE", "FALSE") for v in results), (r, results)  # no formula errors
        shown[r] = next((g for (g, _), v in zip(rules, results, strict=True) if v == "TRUE"), None)
    text_row = 3 + len(TEMPLATE_ROWS)
    assert shown[text_row] is None  # a text date: no colour, never a wrong one
    assert {r: g for r, g in shown.items() if r != text_row} == {r: g for r, g in expected.items() if r != text_row}


# -- round statistics in `rectxl batch` -------------------------------------------------------------


def test_batch_round_statistics_worst_first(tmp_path: Path) -> None:
    from rectxl.batch import run_batch
    from rectxl.core.batch_report import round_rows, to_json, to_text
    from rectxl.io.batch_out import WRITTEN_SHEETS, is_batch_workbook, write_workbook
    from tests.followup_ledgers import write_round_folder

    folder = tmp_path / "第三轮巡察"
    write_round_folder(folder)
    result = run_batch(folder, options=Options(), workers=1)
    assert not result.skipped
    rows = [(r.unit, r.measures, r.done, round(r.rate, 4), r.closed, round(r.closure_rate, 4), r.overdue, r.red,
             r.orange, r.yellow, r.extended) for r in round_rows(result)]
    assert rows == [
        ("县林业局", 4, 2, 0.5, 1, 0.25, 2, 2, 0, 0, 0),
        ("县医疗保障局", 4, 2, 0.5, 0, 0.0, 1, 1, 0, 1, 0),
        ("县水利局", 5, 4, 0.8, 3, 0.6, 0, 0, 1, 0, 1),
    ]
    data = json.loads(to_json(result))
    assert [(r["unit"], r["rate"], r["closure_rate"], r["overdue"], r["orange"], r["yellow"], r["extended"])
            for r in data["round"]] == [("县林业局", 0.5, 0.25, 2, 0, 0, 0), ("县医疗保障局", 0.5, 0.0, 1, 0, 1, 0),
                                        ("县水利局", 0.8, 0.6, 0, 1, 0, 1)]
    assert data["round"][0]["files"] == ["01_县林业局/县林业局巡察整改台账.xlsx"]
    assert data["totals"]["closed"] == 4 and data["totals"]["extended"] == 1 and data["totals"]["red"] == 3
    text = to_text(result)
    assert "整改进度（逾期多、完成率低的单位在前）：" in text
    assert ("  1. 县林业局：措施 4 项，完成率 50%，销号率 25%；逾期 2 项，橙色预警 0 项，黄色预警 0 项，"
            "延期 0 项") in text
    out = write_workbook(result, tmp_path / "汇总.xlsx")
    wb = load_workbook(out)
    assert tuple(wb.sheetnames) == WRITTEN_SHEETS and wb.sheetnames[0] == "整改统计" and is_batch_workbook(out)
    ws = wb["整改统计"]
    assert [c.value for c in ws[1]] == ["排序", "被巡察单位", "台账文件", "措施数", "已完成", "完成率", "已销号",
                                        "销号率", "逾期（红）", "橙色预警", "黄色预警", "延期", "截至日期"]
    table = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[3], r[5], r[7], r[8], r[9], r[10], r[11]) for r in table] == [
        (1, "县林业局", 4, 0.5, 0.25, 2, 0, 0, 0),
        (2, "县医疗保障局", 4, 0.5, 0, 1, 0, 1, 0),
        (3, "县水利局", 5, 0.8, 0.6, 0, 1, 0, 1),
    ]
    assert ws["F2"].number_format == "0%" and ws["C2"].hyperlink.target.endswith("县林业局巡察整改台账.xlsx")


def test_an_extension_written_only_in_the_remark_moves_the_deadline(tmp_path: Path) -> None:
    """Ledgers with no 延期时限 column write the extension in 备注: a granted one moves the deadline
    (no false 逾期), a refused one does not, and a passed extension is 延期后仍逾期 at the 备注 cell."""
    from openpyxl import Workbook

    from rectxl.core.timing import effective_due

    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "存在问题", "整改措施", "责任科室", "完成时限", "整改进度", "备注"])
    rows = [
        ("经县委巡察办批准，延期至2025年6月30日", date(2025, 6, 30)),
        ("申请延期至2025年6月30日，未获批准", date(2024, 6, 30)),
        ("申请延长整改时限到年底", date(2024, 6, 30)),  # applied for, not approved: no extension
        ("延期至2024年9月30日", date(2024, 9, 30)),
        ("涉及资金延期支付问题已解决", date(2024, 6, 30)),  # 延期 here is no extension
    ]
    for n, (remark, _) in enumerate(rows, 1):
        ws.append([n, f"问题{n}", f"措施{n}", "财务股", "2024年6月30日", "正在推进", remark])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [effective_due(m) for m in ledger.measures()] == [due for _, due in rows]
    report = api.check(path, Options(as_of=date(2024, 12, 31)))
    got = {(f.code, f.cell) for f in report.findings if f.severity is not Severity.INFO}
    assert got == {("overdue", "E3"), ("overdue", "E4"), ("extension-overdue", "G5"), ("overdue", "E6")}
