"""The summary: one walk over a ledger gives its detail rows and its summary, and every count is
what :meth:`Counts.of` gives over the measures it covers; the summary workbook, written directly
as a package (rectxl.io.summary_xlsx), is the workbook openpyxl saves from the same sheets
(write_spec) — every part the same canonical XML — and LibreOffice reads the two alike."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import canonicalize

import pytest

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.closure import closure_stage
from rectxl.core.counts import Counts
from rectxl.core.model import Ledger, Measure
from rectxl.core.sheets import PrintSetup, SheetSpec, summary_sheets
from rectxl.core.summary import (
    detail_rows,
    extended_rows,
    issue_closed,
    issue_status,
    summarize,
    summary_and_rows,
)
from rectxl.core.timing import effective_due, grade, is_overdue, resolve_warn_days
from rectxl.core.units import split_units, unit_spellings
from rectxl.io.summary_xlsx import Unsupported, write_workbook
from rectxl.io.xlsx_out import write_specs_with_openpyxl
from tests import followup_ledgers as fl
from tests.ledgers import MESSY_AS_OF, write_messy_ledger, write_simple_ledger
from tests.test_output_stability import _county, _followup  # the same fixture builders

ROOT = Path(__file__).resolve().parents[1]
_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _units_ledger(folder: Path) -> tuple[Path, date | None]:
    """Owner units written several ways (耕保股 / 耕地保护股 / full-width), several units in a cell,
    a blank owner, a unit listed in 责任单位名录, an issue of several measures."""
    def row(n: int, text: str, owner: str | None, status: str, deadline: str = "2023年8月底前") -> dict[str, Any]:
        return {F.ASPECT: "一、政治建设", F.ISSUE_NO: n, F.ISSUE: f"针对问题{n}", F.MEASURE: text, F.LEAD: "张局长",
                F.OWNER_UNIT: owner, F.OWNER_PERSON: "李四", F.DEADLINE: deadline, F.STATUS: status}
    rows = [row(1, "措施甲", "耕地保护股", "已完成"), row(1, "措施乙", "耕保股", "正在推进"),
            row(1, "措施丙", "耕地保护股、办公室（配合）", "正在推进", "立行立改"),
            row(2, "措施丁", None, "未启动"), row(2, "措施戊", "办 公 室", "基本完成", "长期坚持"),
            row(3, "措施己", "财务科,办公室", "已完成"), row(3, "措施庚", "财务科", "长期坚持")]
    path = write_simple_ledger(folder / "台账.xlsx", rows, info={"反馈日期": date(2023, 6, 27)},
                               directory=["办公室", "财务科", "耕地保护股"])
    return path, date(2023, 9, 20)


LEDGERS: dict[str, Callable[[Path], tuple[Path, date | None]]] = {
    "messy": lambda folder: (write_messy_ledger(folder / "台账.xlsx"), MESSY_AS_OF),
    "example": lambda folder: (ROOT / "workbooks" / "示例台账.xlsx", None),
    "units": _units_ledger,
    "county_two_sheets": _county("two_sheets"),
    "county_township_wps": _county("township_wps"),
    "followup_closure": _followup(fl.write_closure_ledger),
    "followup_extension": _followup(fl.write_extension_ledger),
    "followup_warning": _followup(fl.write_warning_ledger),
}


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Ledger, api.Report]]:
    out = {}
    for name, build in LEDGERS.items():
        folder = tmp_path_factory.mktemp(name)
        path, as_of = build(folder)
        ledger = api.read_ledger(path)
        out[name] = (ledger, api.check_ledger(ledger, None, path=path, today=as_of))
    return out


# -- the counts ------------------------------------------------------------------------------------

def _expected_rows(ledger: Ledger, as_of: date, warn: tuple[int, ...]) -> list[tuple[Any, ...]]:
    """(level, counts, measure facts) of every detail row, from the definitions: Counts.of over
    the measures a row covers, and each measure's grade, overdue, due date and stage."""
    out: list[tuple[Any, ...]] = []
    for aspect in ledger.aspects:
        if aspect.title is not None:  # a ledger without aspects has no aspect row
            out.append((1, Counts.of([m for i in aspect.issues() for m in i.measures], as_of, warn), None))
        for category in aspect.categories:
            if category.title:
                out.append((2, Counts.of([m for i in category.issues for m in i.measures], as_of, warn), None))
            for issue in category.issues:
                out.append((3, Counts.of(issue.measures, as_of, warn), None))
                for m in issue.measures:
                    found, stage = grade(m, as_of, warn), closure_stage(m)
                    facts = (found.value if found else "", is_overdue(m, as_of), effective_due(m),
                             stage.value if stage else "", m.row)
                    out.append((4, Counts.of([m], as_of, warn), facts))
    return out


def _expected_units(ledger: Ledger, as_of: date, warn: tuple[int, ...]) -> list[tuple[str, Counts]]:
    measures = list(ledger.measures())
    written = Counter(u for m in measures for u in split_units(m.owner_unit))
    canonical = unit_spellings(written, keep=ledger.owner_units or ())
    by_unit: dict[str, list[Measure]] = {}
    for m in measures:
        for unit in dict.fromkeys(canonical.get(u, u) for u in split_units(m.owner_unit)) or ["（未填写）"]:
            by_unit.setdefault(unit, []).append(m)
    rows = [(unit, Counts.of(ms, as_of, warn)) for unit, ms in by_unit.items()]
    return sorted(rows, key=lambda r: (-r[1].measures, r[0]))


@pytest.mark.parametrize("name", list(LEDGERS))
def test_every_count_is_counts_of_the_measures_it_covers(ledgers: dict[str, Any], name: str) -> None:
    ledger, report = ledgers[name]
    as_of = report.as_of
    for thresholds in (report.warn_days, (20, 10), None):
        warn = resolve_warn_days(ledger.info, thresholds)
        summary, rows = summary_and_rows(ledger, as_of, thresholds)
        facts = [(r.level, r.counts, (r.grade, r.overdue, r.due, r.stage, r.row) if r.level == 4 else None)
                 for r in rows]
        assert facts == _expected_rows(ledger, as_of, warn)
        assert [(r.level, r.label, r.text, r.status) for r in detail_rows(ledger, as_of, thresholds)] == \
            [(r.level, r.label, r.text, r.status) for r in rows]
        measures = list(ledger.measures())
        issues = list(ledger.issues())
        assert summary.counts == Counts.of(measures, as_of, warn)
        assert [c for _, c in summary.per_aspect] == [
            Counts.of([m for i in a.issues() for m in i.measures], as_of, warn) for a in ledger.aspects]
        assert [(u.unit, u.counts) for u in summary.units] == _expected_units(ledger, as_of, warn)
        late = [r for r in rows if r.level == 4 and r.overdue]
        assert [(r.row, r.text, r.counts) for r in summary.overdue] == [(r.row, r.text, r.counts) for r in late]
        # 逾期清单 numbers a measure as the extended list does ("2.三是"), on its sheet
        assert all(o.label.endswith(r.label) and o.label.split(".")[0].isdigit() and o.sheet
                   for o, r in zip(summary.overdue, late, strict=True))
        assert summary.extended == extended_rows(ledger, as_of)
        assert summary.issues == len(issues)
        assert summary.issues_closed == sum(issue_closed(i) for i in issues)
        assert summary.issue_status == dict(Counter(
            (s.value if (s := issue_status(i)) else "未明确") for i in issues))
        assert summary.warn_days == warn
        # the summary alone (what the diff asks for) is the one written with the rows
        assert summarize(ledger, as_of, warn_days=thresholds) == summary


def test_the_units_ledger_groups_spellings_and_counts_shared_measures_once_per_unit(
        ledgers: dict[str, Any]) -> None:
    ledger, report = ledgers["units"]
    summary, _ = summary_and_rows(ledger, report.as_of)
    units = {u.unit: u.counts.measures for u in summary.units}
    assert units["（未填写）"] == 1
    assert sum(units.values()) > len(list(ledger.measures()))  # a measure of two units counts for both
    assert "耕保股" not in units  # one unit under its most used spelling


# -- the workbook ----------------------------------------------------------------------------------

_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _canonical_parts(path: Path) -> dict[str, str]:
    """Every part as canonical XML (attribute order, character references and empty-element
    spelling do not count), the document's time stamps masked."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            out = StringIO()
            canonicalize(z.read(name).decode("utf-8"), out=out)
            text = out.getvalue()
            parts[name] = _STAMP.sub("<time>", text) if name == "docProps/core.xml" else text
        assert z.testzip() is None
    return parts


def _assert_same_workbook(reference: Path, written: Path) -> None:
    a, b = _canonical_parts(reference), _canonical_parts(written)
    assert list(a) == list(b)  # the same parts, in the same order
    for name in a:
        assert a[name] == b[name], name


@pytest.mark.parametrize("name", list(LEDGERS))
def test_the_summary_workbook_is_the_one_openpyxl_saves(ledgers: dict[str, Any], name: str,
                                                         tmp_path: Path) -> None:
    ledger, report = ledgers[name]
    specs = summary_sheets(report, ledger)
    write_specs_with_openpyxl(tmp_path / "openpyxl.xlsx", specs, "summary")
    write_workbook(tmp_path / "direct.xlsx", specs, "summary")
    _assert_same_workbook(tmp_path / "openpyxl.xlsx", tmp_path / "direct.xlsx")


def _odd_values() -> list[SheetSpec]:
    rows: list[list[Any]] = [
        ["标题 & <说明>"], [], ["甲", "乙", "丙", "丁"],
        [None, "", " 前有空格", "后有空格 "], ["a\r\nb", "&<>\"'", "#N/A", "=SUM(A1)"],
        ["+1", "x" * 40000, 0, -5], [10**17, 1.5, 0.1 + 0.2, float("nan")],
        [float("inf"), True, False, "_x"], ["\u3000全角", "tab\tin", "-", "@x"], ["#REF!", "#", "=", "a\nb"],
    ]
    spec = SheetSpec("值'类型", rows, 2, [10, 20.5, 8, 8])
    spec.bold_rows = {0, 2, 5}
    spec.percent_cells = [(6, 1), (6, 2)]
    return [spec]


def _print_and_layout() -> list[SheetSpec]:
    rows: list[list[Any]] = [["横幅一"], ["横幅二很长" * 30], ["a", "b", "c"], [1, 2, 3], [4, 5], [], [7, 8, 9, 10]]
    spec = SheetSpec("二", rows, 2, [12, 14, 16], autofilter=False, percent_format="0%",
                     print_setup=PrintSetup(landscape=False, fit_width=0, fit_height=0, center_horizontally=False,
                                            footer="", title_rows=None))
    spec.page_breaks = {3, 5}
    spec.row_heights = {0: 40.5, 4: 22}
    spec.outline = {3: 1, 4: 2, 6: 1}
    spec.merged_rows = {0, 1}
    spec.percent_cells = [(3, 0), (4, 1)]
    spec.cell_fills = {(3, 5): "ff0000", (4, 1): "FF00FF00", (2, 0): "123456"}
    spec.row_fills = {6: "abcdef", 3: "D9E1F2"}
    spec.bold_rows = {1, 4}
    return [spec]


def _charts() -> list[SheetSpec]:
    one = SheetSpec("图一", [["总"], ["项", "值"], ["甲方面", 0.5]], 1, [40, 12])
    one.chart = ("完成率 & 图", 2, 2)
    two = SheetSpec("图二", [["t"], ["h", "v"], ["x", 0.1], ["y", 0.9], ["z", 1]], 1, [10, 10, 10])
    two.chart, two.chart_row = ("二", 2, 4), 9
    two.percent_cells = [(2, 1), (3, 1), (4, 1)]
    return [one, two]


def _edges() -> list[SheetSpec]:
    only_header = SheetSpec("空", [["标题"], ["a", "b"]], 1, [8, 8, 8])
    only_header.merged_rows = {0}
    header_first = SheetSpec("怪", [["h1", "h2"], ["x"]], 0, [5])
    header_first.merged_rows, header_first.bold_rows = {0}, {0, 3}
    banners = SheetSpec("多横幅", [[f"横幅{i}"] for i in range(40)] + [["h1", "h2", "h3"], ["a", 1, 2]], 40, [5, 6, 7])
    banners.merged_rows = set(range(40))  # openpyxl keeps merges in a set: its order is kept too
    banners.cell_fills = {(3, 2): "C6EFCE", (41, 2): "C6EFCE"}  # a merged-away cell, filled
    banners.row_fills = {5: "FFC000"}
    banners.row_heights = {2: 0, 41: 30}
    banners.outline = {41: 0}
    return [only_header, header_first, banners]


@pytest.mark.parametrize("build", [_odd_values, _print_and_layout, _charts, _edges])
def test_any_sheet_layout_is_written_as_openpyxl_writes_it(build: Callable[[], list[SheetSpec]],
                                                          tmp_path: Path) -> None:
    """Beyond the summary's own sheets: odd values (formula-like, error-like, spaces at the ends,
    CR, over-long, NaN, booleans), printing variants, merges, fills beyond the table, charts."""
    write_specs_with_openpyxl(tmp_path / "openpyxl.xlsx", build(), "diff")
    write_workbook(tmp_path / "direct.xlsx", build(), "diff")
    _assert_same_workbook(tmp_path / "openpyxl.xlsx", tmp_path / "direct.xlsx")


def test_what_the_direct_writer_does_not_reproduce_is_refused(tmp_path: Path) -> None:
    dated = SheetSpec("日期", [["t"], ["h"], [date(2024, 1, 1)]], 1, [10])
    linked = SheetSpec("链接", [["t"], ["h"], ["A1"]], 1, [10])
    linked.links[(2, 0)] = ("台账", "A1")
    twice = [SheetSpec("同名", [["t"]], 0, [10]), SheetSpec("同名", [["u"]], 0, [10])]
    for specs in ([linked], twice):
        with pytest.raises(Unsupported):
            write_workbook(tmp_path / "x.xlsx", specs, "summary")
    # a date is written as a Chinese office reads it, by both writers (rectxl.core.report.cell_text)
    write_workbook(tmp_path / "d.xlsx", [dated], "summary")
    import openpyxl

    assert openpyxl.load_workbook(tmp_path / "d.xlsx")["日期"]["A3"].value == "2024年1月1日"


def test_a_summary_the_direct_writer_refuses_is_written_by_openpyxl(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from rectxl.io import xlsx_out

    linked = SheetSpec("链接", [["t"], ["h"], [date(2024, 1, 1)]], 1, [10])
    linked.links[(2, 0)] = ("台账", "A1")
    monkeypatch.setattr(xlsx_out, "summary_sheets", lambda report, ledger: [linked])
    xlsx_out.write_summary_file(tmp_path / "s.xlsx", None, None)  # type: ignore[arg-type]
    cell = openpyxl.load_workbook(tmp_path / "s.xlsx")["链接"]["A3"]
    assert cell.value == "2024年1月1日" and cell.hyperlink is not None
    assert [p.name for p in tmp_path.iterdir()] == ["s.xlsx"]  # no temporary file left behind


def test_rectxl_summary_imports_neither_openpyxl_nor_pydantic(tmp_path: Path) -> None:
    code = ("import sys\nfrom rectxl import api\n"
            f"api.summary_workbook({str(ROOT / 'workbooks' / '示例台账.xlsx')!r}, {str(tmp_path / 's.xlsx')!r})\n"
            "print(sorted(m for m in ('openpyxl', 'pydantic', 'numpy', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "s.xlsx").is_file()


@pytest.mark.skipif(_SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_summary_workbook_as_the_openpyxl_one(ledgers: dict[str, Any], tmp_path: Path) -> None:
    assert _SOFFICE is not None
    ledger, report = ledgers["example"]
    specs = summary_sheets(report, ledger)
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    csv = {}
    for side, write in (("openpyxl", write_specs_with_openpyxl), ("direct", write_workbook)):
        folder = tmp_path / side
        folder.mkdir()
        write(folder / "汇总.xlsx", specs, "summary")
        subprocess.run([_SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                        "--convert-to", every_sheet, "--outdir", str(folder / "csv"), str(folder / "汇总.xlsx")],
                       check=True, capture_output=True, timeout=240)
        csv[side] = {p.name: p.read_bytes() for p in sorted((folder / "csv").iterdir())}
    assert len(csv["openpyxl"]) == 4  # one file per sheet
    assert csv["openpyxl"] == csv["direct"]


def test_text_that_looks_like_an_excel_escape_stays_literal(tmp_path: Path) -> None:
    """openpyxl writes "_x0041_" as it is, and Excel shows it as "A"; rectxl's writer escapes the
    underscore (as the annotate writer does), so the clerk's text reads back unchanged."""
    import zipfile

    spec = SheetSpec("表", [["标题"], ["a"], ["编号_x0041_与_X1234_"]], 1, [10])
    write_workbook(tmp_path / "x.xlsx", [spec], "summary")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "编号_x005F_x0041_与_X1234_" in sheet


def test_a_ledger_that_names_no_aspect_says_none(tmp_path: Path) -> None:
    """No 方面 column and no aspect rows: the summary does not invent "一个方面" (the notice says
    "巡察反馈的2个问题…" of the same ledger) and its per-aspect table says the measures are unsorted."""
    from rectxl.core import fields as F
    from rectxl.core.summary import notice_totals_sentence, totals_sentence
    from rectxl.io.reader import read_ledger

    rows = [{F.ISSUE: "1.学习制度落实不到位", F.MEASURE: "制定学习计划", F.OWNER_UNIT: "办公室",
             F.DEADLINE: "2026年12月31日", F.STATUS: "已完成"},
            {F.ISSUE: "2.财务审核不严", F.MEASURE: "开展票据自查", F.OWNER_UNIT: "财务股",
             F.DEADLINE: "2026年12月31日", F.STATUS: "正在推进"}]
    columns = [F.ISSUE, F.MEASURE, F.OWNER_UNIT, F.DEADLINE, F.STATUS]
    ledger = read_ledger(write_simple_ledger(tmp_path / "台账.xlsx", rows, columns=columns))
    s = summarize(ledger, date(2026, 11, 20))
    assert s.aspects == 0 and [label for label, _ in s.per_aspect] == ["（未分方面）"]
    assert "方面" not in totals_sentence(s)
    tail = notice_totals_sentence(ledger, date(2026, 11, 20)).split("巡察反馈的", 1)[1]
    assert totals_sentence(s).split("巡察反馈的", 1)[1].startswith(tail.rstrip("。"))


def test_the_per_aspect_table_and_the_overdue_list_as_a_reviewer_reads_them(tmp_path: Path) -> None:
    """整改总体情况's table by aspect has a column per status, so each row adds up to its measures;
    逾期清单 numbers a measure as the notice does ("10.三是") and counts a 立行立改 measure's days
    from the feedback date, as the 督办通知 does."""
    from openpyxl import load_workbook

    from rectxl.io.reader import read_ledger

    source = ROOT / "workbooks" / "示例台账.xlsx"
    _, out = api.summary_workbook(source, tmp_path / "汇总.xlsx")
    wb = load_workbook(out)
    overview = wb["整改总体情况"]
    rows = [[c.value for c in r] for r in overview.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r[0] == "方面")
    assert rows[head][:9] == ["方面", "完成率", "措施", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "逾期"]
    for r in rows[head + 1:]:
        if r[0]:
            assert sum(r[3:8]) <= r[2]  # the statuses of an aspect's measures (状态未明确 apart)
    ledger = read_ledger(source)
    unknown = sum(1 for m in ledger.measures() if m.status is None)
    assert sum(r[2] - sum(r[3:8]) for r in rows[head + 1:] if r[0]) == unknown
    late = []
    for r in wb["逾期清单"].iter_rows(min_row=3, values_only=True):
        if r[0] is None:
            break  # the 延期清单 below
        late.append(list(r))
    at_once = [r for r in late if r[5] == "立行立改"]
    assert at_once and all(isinstance(r[7], int) and r[7] > 0 for r in at_once)
    assert late and all(re.fullmatch(r"\d+\.[一二三四五六七八九十]+是", str(r[1])) for r in late)


def test_the_summary_runs_no_rule_and_writes_what_a_checked_ledger_gives(tmp_path: Path) -> None:
    # the sheets need the as-of date and the grades, not the findings: summary_workbook runs no rule,
    # and its sheets are those of the ledger as check reads it (the example carries errors)
    example = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"
    report, out = api.summary_workbook(example, tmp_path / "汇总.xlsx")
    checked = api.check(example)
    assert checked.findings and not report.findings
    assert (report.as_of, report.as_of_source, report.warn_days, report.measures, report.issues, report.aspects) == (
        checked.as_of, checked.as_of_source, checked.warn_days, checked.measures, checked.issues, checked.aspects)
    from rectxl.io.reader import read_ledger
    from rectxl.io.summary_xlsx import write_workbook

    write_workbook(tmp_path / "由校验结果生成.xlsx", summary_sheets(checked, read_ledger(example)), "summary",
                   compresslevel=3)
    with zipfile.ZipFile(out) as a, zipfile.ZipFile(tmp_path / "由校验结果生成.xlsx") as b:
        sheets = [n for n in a.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(a.read(n) == b.read(n) for n in sheets)
