"""The Excel entry points through xlwings' remote-interpreter Book (no Excel needed): what they
write where, which cells they colour, which alerts appear — and that the 校验结果 sheet equals the
one the command line writes for the same ledger.

The remote Book's payload carries cell values only (no merges, hidden columns or formulas), so the
comparisons with the command line on ledgers with merged cells go through the desktop path — the
COM stand-in (tests/com_standin.py; more in tests/test_excel_desktop.py) — and the remote ones
use a ledger without merges."""

from __future__ import annotations

import copy
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl import excel as rx
from rectxl.core.findings import Severity
from rectxl.core.rules import Options
from rectxl.core.sheets import FINDINGS_SHEET, HIGHLIGHTS, MARKS_SHEET, SUMMARY_SHEETS
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_ledger
from tests import xlwings_remote as xr
from tests.com_standin import Excel, values_of
from tests.ledgers import MESSY_AS_OF, MESSY_EXPECTED, write_messy_ledger, write_simple_ledger

OPTS = Options(as_of=MESSY_AS_OF)
_LINK = re.compile(r'^=HYPERLINK\("#\'([^\']+)\'!([A-Z]+\d+)","(.*)"\)$')


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return write_messy_ledger(tmp_path / "台账.xlsx")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(__file__).parents[1] / "workbooks" / "示例台账.xlsx"


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    """A ledger without merged cells (what the remote payload can carry in full), with defects."""
    def row(issue: str, measure: str, **kw: Any) -> dict[str, Any]:
        return {"方面": "第一方面问题,政治建设不够有力", "具体问题": issue, "整改措施": measure, "责任领导": "张局长",
                "责任单位": "办公室", "责任人": "李四", "整改时限": "2023年12月底前", "整改状态": "正在推进", **kw}

    rows = [
        row("1.针对理论学习不深问题", "建立学习制度", 整改状态="已完成", 整改进展="已建立。", 佐证材料="制度.pdf",
            完成时间=datetime(2023, 7, 1)),
        row("1.针对理论学习不深问题", "开展专题学习", 责任单位=None, 整改时限="2023年8月底前"),
        row("1.针对理论学习不深问题", "制定学习计划", 整改时限="6月30日", 整改状态="完成了吗"),
        row("3.针对调研不深问题", "开展调研", 责任人=None, 整改时限=datetime(2023, 9, 25), 整改状态="已完成"),
    ]
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "制度.pdf").write_bytes(b"%PDF")  # a remote Book has no folder to look in
    return write_simple_ledger(tmp_path / "plain" / "台账.xlsx", rows)


def _payload(path: Path) -> dict[str, Any]:
    return xr.payload_from_xlsx(path)


def _shown(value: Any) -> Any:
    """What a cell shows: a HYPERLINK formula shows its text; Excel turns an ISO date text
    written into a cell into that date."""
    if isinstance(value, str) and (m := _LINK.match(value)):
        return m.group(3)
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value


def _sheet_values(payload: dict[str, Any], name: str) -> list[list[Any]]:
    rows = [[_shown(v) for v in row] for row in xr.read_values(payload, name)]
    while rows and all(v in (None, "") for v in rows[-1]):
        rows.pop()
    return [[("" if v is None else v) for v in row] for row in rows]


def _file_values(path: Path, name: str) -> list[list[Any]]:
    ws = load_workbook(path)[name]
    return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]


def test_validate_writes_findings_sheet_with_links_and_alert(messy: Path) -> None:
    payload = _payload(messy)
    book = xr.book_from_payload(payload)
    report = rx.validate(book, OPTS)
    assert report is not None
    assert {(f.code, f.row) for f in report.findings} >= MESSY_EXPECTED - {("evidence-file-missing", 11)}
    acts = xr.actions(book)
    # the findings sheet, and the hidden sheet recording it as rectxl's (清除标记 removes only those)
    assert [a["args"][1] for a in xr.actions_of(acts, "addSheet")] == [FINDINGS_SHEET, MARKS_SHEET]
    after = xr.apply_actions(payload, acts)
    rows = xr.read_values(after, FINDINGS_SHEET)
    links = [v for row in rows for v in row if isinstance(v, str) and v.startswith("=HYPERLINK")]
    assert len(links) == sum(1 for f in report.findings if f.cell)
    assert "=HYPERLINK(\"#'台账'!H7\",\"台账!H7\")" in links
    (alert,) = xr.alerts(acts)
    assert alert["title"] == "整改台账" and f"共发现 {len(report.findings)} 条问题" in alert["prompt"]
    assert f"错误 {report.count(Severity.ERROR)} 条，警告 {report.count(Severity.WARNING)} 条" in alert["prompt"]
    # the user's ledger sheet is not written at all
    assert not [a for a in acts if a["sheet_position"] == 0 and a["func"] != "activateSheet"]


def test_findings_sheet_equals_the_cli_one(messy: Path, tmp_path: Path) -> None:
    # with the evidence files present the file-side check has nothing extra to say
    for name in ("学习制度.pdf", "会议纪要.pdf"):
        (messy.parent / name).write_bytes(b"%PDF")
    book = Excel().open(messy)  # desktop Excel (the COM stand-in): merged cells and all
    rx.validate(book, OPTS)
    excel_rows = _sheet_values_of_rows(values_of(book, FINDINGS_SHEET))
    _, out, _ = api.annotate(messy, tmp_path / "cli.xlsx", OPTS)
    cli_rows = _file_values(out, FINDINGS_SHEET)
    # every expected finding but the missing evidence file (now present)
    assert len(excel_rows) == len(cli_rows) == 5 + len(MESSY_EXPECTED - {("evidence-file-missing", 11)})
    # rows 1 and 3 name the source (the CLI knows the file and its SHA-256, Excel the open book)
    assert excel_rows[1] == cli_rows[1]
    assert excel_rows[3:] == cli_rows[3:]  # colour legend, header and every finding row


def test_findings_sheet_equals_the_cli_one_on_the_remote_engine(plain: Path, tmp_path: Path) -> None:
    payload = _payload(plain)
    book = xr.book_from_payload(payload)
    report = rx.validate(book, OPTS)
    assert report is not None and len(report.findings) >= 5
    excel_rows = _sheet_values(xr.apply_actions(payload, book), FINDINGS_SHEET)
    _, out, _ = api.annotate(plain, tmp_path / "cli.xlsx", OPTS)
    cli_rows = _file_values(out, FINDINGS_SHEET)
    assert len(excel_rows) == len(cli_rows) == 5 + len(report.findings)
    assert excel_rows[1] == cli_rows[1]
    assert excel_rows[3:] == cli_rows[3:]
    # the echoed "6月30日" stays text: written with Excel's text prefix, not re-read as a date
    assert any(row[-1] == "6月30日" for row in excel_rows[5:])
    assert any(v == "'6月30日" for a in xr.actions_of(book, "setValues") for row in a["values"] for v in row)


def _sheet_values_of_rows(rows: list[list[Any]]) -> list[list[Any]]:
    out = [[_shown(int(v) if isinstance(v, float) and v.is_integer() else v) for v in row] for row in rows]
    while out and all(v in (None, "") for v in out[-1]):
        out.pop()
    return [[("" if v is None else v) for v in row] for row in out]


def test_flag_colours_runs_and_clear_restores(messy: Path) -> None:
    payload = _payload(messy)
    book = xr.book_from_payload(payload)
    report = rx.flag(book, OPTS)
    assert report is not None
    acts = xr.actions(book)
    colours = [a for a in xr.actions_of(acts, "setRangeColor") if a["sheet_position"] == 0]
    overdue = f"#{HIGHLIGHTS[0].color}"
    coloured = {xr.address_of(a): a["args"][0] for a in colours}
    assert coloured["H7"] == overdue and coloured["H9"] == overdue
    assert coloured["F9"] == f"#{HIGHLIGHTS[1].color}"
    assert coloured["H6"] == f"#{HIGHLIGHTS[2].color}"
    after = xr.apply_actions(payload, acts)
    marks = xr.read_values(after, MARKS_SHEET)
    assert marks[0] == ["sheet", "cell", "original_fill"]
    assert {r[1] for r in marks[1:]} >= {"H7", "H9", "F9", "H6"}
    # press 清除标记 on the flagged book
    flagged = xr.book_from_payload(after)
    restored = rx.clear(flagged)
    # every recorded cell restored (the record's "#rectxl-sheet" rows name rectxl's sheets, no cells)
    assert restored == len([r for r in marks[1:] if r[0] != "#rectxl-sheet"])
    clear_acts = xr.actions(flagged)
    cleared = {xr.address_of(a) for a in xr.actions_of(clear_acts, "setRangeColor") if a["args"] == [None]}
    assert {"H7", "F9", "H6"} <= cleared or any(":" in c for c in cleared)
    final = xr.apply_actions(after, clear_acts)
    assert [s["name"] for s in final["sheets"]] == [s["name"] for s in payload["sheets"]]


def test_clear_with_nothing_to_clear_is_a_plain_alert(messy: Path) -> None:
    book = xr.book_from_payload(_payload(messy))
    assert rx.clear(book) == 0
    (alert,) = xr.alerts(book)
    assert "没有 rectxl 的标记" in alert["prompt"]
    assert [a["func"] for a in xr.actions(book)] == ["alert"]


def test_no_ledger_sheet_is_a_plain_alert(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "电话"])
    wb.save(tmp_path / "x.xlsx")
    book = xr.book_from_xlsx(tmp_path / "x.xlsx")
    assert rx.validate(book) is None
    (alert,) = xr.alerts(book)
    assert "找不到台账表头" in alert["prompt"]
    assert [a["func"] for a in xr.actions(book)] == ["alert"]


def test_summarize_writes_the_summary_sheets(plain: Path, tmp_path: Path) -> None:
    payload = _payload(plain)
    book = xr.book_from_payload(payload)
    rx.summarize(book, OPTS)
    after = xr.apply_actions(payload, book)
    _, out = api.summary_workbook(plain, tmp_path / "s.xlsx", OPTS)
    for name in SUMMARY_SHEETS:
        excel_rows = _sheet_values(after, name)
        file_rows = _file_values(out, name)
        assert _normalise(excel_rows) == _normalise(file_rows), name


def _normalise(rows: list[list[Any]]) -> list[list[str]]:
    out = []
    for row in rows:
        cells = [str(_shown(v)) for v in row]
        while cells and cells[-1] == "":
            cells.pop()
        out.append(cells)
    return out


def test_notice_needs_a_saved_workbook(messy: Path) -> None:
    book = xr.book_from_payload(_payload(messy))
    assert rx.notice(book, OPTS) is None
    (alert,) = xr.alerts(book)
    assert "请先把工作簿保存" in alert["prompt"]


def test_entry_points_on_the_bundled_example(tmp_path: Path) -> None:
    example = Path(__file__).parents[1] / "workbooks" / "示例台账.xlsx"
    payload = _payload(example)
    book = xr.book_from_payload(payload)
    report = rx.flag(book)
    assert report is not None and report.measures == 121  # the example's rows under its header
    after = xr.apply_actions(payload, book)
    rows = _sheet_values(after, FINDINGS_SHEET)
    assert len(rows) - 5 == len(report.findings)


def test_action_count_does_not_grow_per_row(tmp_path: Path) -> None:
    """validate writes the same number of xlwings actions for 121 measures as for ten times as
    many; flag adds one action per contiguous coloured run, not per cell or row."""
    example = Path(__file__).parents[1] / "workbooks" / "示例台账.xlsx"
    ledger = read_ledger(example)
    big = copy.deepcopy(ledger)
    for _ in range(9):
        big.aspects.extend(copy.deepcopy(a) for a in ledger.aspects)
    big_path = write_ledger(tmp_path / "big.xlsx", big)
    counts = {}
    for name, path in (("example", example), ("big", big_path)):
        book = xr.book_from_payload(_payload(path))
        report = rx.validate(book)
        assert report is not None
        counts[name] = (len(xr.actions(book)), report.measures)
    assert counts["big"][1] == 10 * counts["example"][1]
    assert counts["big"][0] == counts["example"][0] < 30
    other = {}
    for name, path in (("example", example), ("big", big_path)):
        book = xr.book_from_payload(_payload(path))
        report = rx.flag(book)
        assert report is not None
        acts = xr.actions(book)
        runs = [a for a in xr.actions_of(acts, "setRangeColor") if a["sheet_position"] == 0]
        assert 0 < len(runs) <= len({f.cell for f in report.findings if f.cell})
        other[name] = len(acts) - len(runs)
    assert other["big"] == other["example"] < 30
