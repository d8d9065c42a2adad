"""Ledgers as county bureaus and township committees really build them (tests/county_ledgers.py):
each gives exactly the findings an auditor expects — including the rows that must not be flagged —
and reads the measures, issues, sheets, units and statuses a clerk meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.rules import Options
from rectxl.core.summary import summarize
from rectxl.io.reader import read_ledger
from tests.county_ledgers import BUILDERS, CountyCase


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CountyCase]:
    root = tmp_path_factory.mktemp("county")
    built = {}
    for name, build in BUILDERS.items():
        (root / name).mkdir()
        built[name] = build(root / name)
    return built


@pytest.mark.parametrize("name", list(BUILDERS))
def test_exact_findings(cases: dict[str, CountyCase], name: str) -> None:
    case = cases[name]
    report = api.check(case.path, Options(as_of=case.as_of))
    got = {(f.code, f.sheet or "", f.row or 0) for f in report.findings}
    assert sorted(got - case.expected) == [], "findings an auditor would not raise"
    assert sorted(case.expected - got) == [], "findings an auditor expects"


@pytest.mark.parametrize("name", list(BUILDERS))
def test_what_the_clerk_meant(cases: dict[str, CountyCase], name: str) -> None:
    case = cases[name]
    report = api.check(case.path, Options(as_of=case.as_of))
    assert (report.measures, report.issues) == (case.measures, case.issues)
    assert tuple(report.sheets) == case.sheets_read
    assert report.counts.done == case.done
    ledger = read_ledger(case.path)
    units = {u.unit: u.counts.measures for u in summarize(ledger, case.as_of).units if u.unit != "（未填写）"}
    assert units == case.units


def test_title_rows_give_the_unit_and_report_date(cases: dict[str, CountyCase]) -> None:
    """No 基本信息 sheet: the title row names the unit and 填报日期 is the as-of date (and says so)."""
    case = cases["county_bureau_status_narrative"]
    report = api.check(case.path)
    assert report.as_of == case.as_of
    assert "标题行" in report.as_of_source
    assert report.unit and "自然资源局" in report.unit


def test_status_followed_by_narrative_is_status_then_progress(cases: dict[str, CountyCase]) -> None:
    ledger = read_ledger(cases["county_bureau_status_narrative"].path)
    narrated = [m for m in ledger.measures() if m.status_text.startswith("已完成。")]
    assert narrated, "the fixture has status cells with a narrative"
    for m in narrated:
        assert str(m.status) == "已完成"
        assert m.progress and not m.progress.startswith("已完成。")


def test_a_column_mapping_reads_a_header_nobody_listed(tmp_path: Path) -> None:
    """--column 原列名=标准列名: a header word rectxl does not know is read as the column named."""
    case = BUILDERS["unusual_headers"](tmp_path)
    plain = api.check(case.path, Options(as_of=case.as_of))
    assert any(f.code == "column-not-understood" for f in plain.findings)
    mapped = api.check(case.path, Options(as_of=case.as_of, column_map=("督导组意见=备注",)))
    assert not any(f.code == "column-not-understood" for f in mapped.findings)


def test_column_option_on_the_command_line(tmp_path: Path) -> None:
    """`rectxl check --column 原列名=标准列名`, and a clear usage error (exit 2) for a wrong name."""
    import subprocess
    import sys

    case = BUILDERS["unusual_headers"](tmp_path)

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "rectxl", "check", str(case.path), "--as-of",
                               case.as_of.isoformat(), "--format", "json", *extra],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    codes = [f["code"] for f in __import__("json").loads(run("--column", "督导组意见=备注").stdout)["findings"]]
    assert "column-not-understood" not in codes and "overdue" in codes
    wrong = run("--column", "督导组意见=不存在的列")
    assert wrong.returncode == 2 and "不是 rectxl 的列名" in wrong.stderr and "Traceback" not in wrong.stderr


def test_a_city_department_header_nobody_listed(tmp_path: Path) -> None:
    """Header words of yet another office: 问题清单 | 整改任务 | 牵头领导 | 责任部门 | 配合部门 | 经办人 |
    整改时限 | 整改状态 | 完成情况说明 | 佐证 — every column understood, the 说明 column read as progress."""
    from openpyxl import Workbook

    from rectxl.core import fields as F

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "问题清单", "整改任务", "牵头领导", "责任部门", "配合部门", "经办人", "整改时限", "整改状态",
               "完成情况说明", "佐证"])
    ws.append([1, "政务公开不及时", "建立政务公开审核发布制度", "周副局长", "办公室", "信息中心", "李敏",
               "2026年9月30日", "已完成", "已印发制度并执行", "制度文件"])
    ws.append([2, "专项资金拨付滞后", "对滞后项目逐一督办", "吴副局长", "计划财务科", None, "赵磊",
               "2026年10月底前", "推进中", "已督办4个项目", None])
    path = tmp_path / "市某局台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert set(ledger.columns) >= {F.ISSUE, F.MEASURE, F.LEAD, F.OWNER_UNIT, F.CO_OWNER, F.OWNER_PERSON,
                                   F.DEADLINE, F.STATUS, F.PROGRESS, F.EVIDENCE}
    (first, second) = ledger.measures()
    assert first.progress == "已印发制度并执行" and str(second.status) == "正在推进"
    report = api.check(path, Options(as_of=__import__("datetime").date(2026, 11, 20)))
    assert {(f.code, f.row) for f in report.findings} == {("overdue", 3)}


def test_a_township_list_saved_by_libreoffice(tmp_path: Path) -> None:
    """整改办法 | 承办股室 | 办结时限 | 进度 with "状态\\n说明" cells, saved by LibreOffice: the measures are
    found and an overdue message quotes the status, not the whole narrative cell."""
    from openpyxl import Workbook

    from tests.workbook_compare import soffice, soffice_convert

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "白沙镇党委巡察反馈问题整改清单"
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["编号", "反馈的问题", "整改办法", "分管领导", "承办股室", "承办人", "办结时限", "进度"])
    ws.append([1, "村级财务监管不严", "开展村级财务专项审计", "黄副镇长", "财政所", "刘洋", "2026年9月底",
               "已办结\n完成审计12个村"])
    ws.append([None, None, "建立村级资金支付审批制度", "黄副镇长", "财政所", "刘洋", "2026年10月底前",
               "正在推进\n制度已起草"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    wb.save(tmp_path / "清单.xlsx")
    saved = soffice_convert(tmp_path / "清单.xlsx", "xlsx", tmp_path / "lo")
    report = api.check(saved, Options(as_of=__import__("datetime").date(2026, 11, 20)))
    assert (report.measures, report.issues, report.counts.done) == (2, 1, 1)
    (finding,) = report.findings
    assert (finding.code, finding.cell) == ("overdue", "G5")
    assert "“正在推进”" in finding.message and "制度已起草" not in finding.message


@pytest.mark.parametrize(("name", "aspects"), [
    ("printed_form", ["落实全面从严治党主体责任方面", "严格执行财经纪律方面"]),
    ("sheet_per_aspect", ["贯彻落实上级决策部署不到位方面", "全面从严治党“两个责任”落实不到位方面"]),
    # the 填表人 and 注： lines under the table are no aspect of their own
    ("township_wps", [None]),
])
def test_aspects_as_the_clerk_laid_them_out(cases: dict[str, CountyCase], name: str,
                                             aspects: list[str | None]) -> None:
    """An aspect numbered 一 in the 序号 column beside its title (not merged), an aspect per sheet
    titled above its header; a totals row or a signature line never opens one."""
    ledger = read_ledger(cases[name].path)
    assert [a.title for a in ledger.aspects] == aspects
    assert not any("合计" in m.text or "填表人" in m.text for m in ledger.measures())


def test_the_column_of_accounts_is_the_progress(cases: dict[str, CountyCase]) -> None:
    """是否整改到位 | 整改完成情况: the status is the 是/否, the accounts reach the notice as progress."""
    ledger = read_ledger(cases["two_status_columns"].path)
    first = next(ledger.measures())
    assert str(first.status) == "已完成" and first.progress == "已追回3.2万元，全部上缴县财政。"
    assert not ledger.duplicate_columns


def test_a_status_word_opening_the_progress_is_the_status(cases: dict[str, CountyCase]) -> None:
    ledger = read_ledger(cases["progress_only"].path)
    assert [m.status and str(m.status) for m in ledger.measures()] == ["已完成", "正在推进", "正在推进", None]


def test_sheets_sharing_a_few_generic_measures_are_no_copies(tmp_path: Path) -> None:
    """Two aspects' sheets both ending with "建立长效机制" and "加强督促检查" are one ledger over two
    sheets, not a month's copy of the other: both are read."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "台账（一）"
    second = wb.create_sheet("台账（二）")
    for ws, issue, own in ((first, "学习制度落实不到位", "修订学习制度"), (second, "财务审核不严", "开展票据自查")):
        ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
        for measure in (own, "建立长效机制", "加强督促检查"):
            ws.append([1, issue, measure, "办公室", "2027年6月30日", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["台账（一）", "台账（二）"] and not ledger.set_aside
    assert sum(1 for _ in ledger.measures()) == 6
