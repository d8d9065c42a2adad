"""The Excel buttons, round 5: what a clerk saw go wrong, pressed through the same two harnesses
as the other Excel tests — desktop Excel (the COM stand-in, tests/com_standin.py) and xlwings'
remote-interpreter Book (tests/xlwings_remote.py) — on workbooks built here.

1. A sheet of the user's that only looks like rectxl's output (last month's 整改明细 kept as a
   sheet) is never written over by 生成汇总 nor deleted by 清除标记: rectxl writes 整改明细(rectxl).
2. On the remote engine one press that writes several sheets records them all, and 清除标记
   removes every sheet rectxl made, and says so truthfully.
3. 生成汇总's COM calls and remote actions do not grow with the ledger.
4. A sheet of the user's called rectxl标记 (the record's name) is neither rewritten nor deleted.
5. Links in 校验结果 to a sheet whose name holds ' or " are valid formulas.
6. 生成汇总's alert names the sheets it wrote.
7. Alerts say what happened: nothing coloured on a protected sheet, no 校验结果 deleted when there
   was none."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl import excel as rx
from rectxl.core.names import OWNED_SHEET_TAG
from rectxl.core.rules import Options
from rectxl.core.sheets import FINDINGS_SHEET, MARKS_SHEET, SUMMARY_SHEETS
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_ledger
from tests import xlwings_remote as xr
from tests.com_standin import Excel, values_of, workbook_of
from tests.ledgers import write_simple_ledger

AS_OF = dt.date(2026, 11, 30)
OPTS = Options(as_of=AS_OF)
EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"
RECORD_ALT = f"{MARKS_SHEET}(rectxl)"
#: Excel's formula grammar for HYPERLINK("…","…"): string literals with "" for a "
_LINK = re.compile(r'^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$')


def _row(issue: str, measure: str, **kw: Any) -> dict[str, Any]:
    return {"方面": "第一方面问题,政治建设不够有力", "具体问题": issue, "整改措施": measure, "责任领导": "张局长",
            "责任单位": "办公室", "责任人": "李四", "整改时限": "2026年12月底前", "整改状态": "正在推进", **kw}


ROWS = [
    _row("1.针对理论学习不深问题", "建立学习制度", 整改状态="已完成", 整改进展="已建立。",
         完成时间=dt.datetime(2026, 7, 1)),
    _row("1.针对理论学习不深问题", "开展专题学习", 责任单位=None, 整改时限="2026年8月底前"),
    _row("2.针对调研不深问题", "开展调研", 整改时限="2026年10月底前"),
    _row("2.针对调研不深问题", "形成调研报告", 责任人=None),
]


def _ledger(folder: Path, name: str = "台账.xlsx") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_simple_ledger(folder / name, ROWS)


def _names(book: Any) -> list[str]:
    return [s.name for s in book.sheets]


def _press(payload: dict[str, Any], button: Any, *args: Any) -> tuple[Any, list[dict[str, Any]], dict[str, Any]]:
    """Press ``button`` on the remote engine: its result, its alerts, the workbook afterwards."""
    book = xr.book_from_payload(payload)
    result = button(book, *args)
    acts = xr.actions(book)
    return result, xr.alerts(acts), xr.apply_actions(payload, acts)


def _sheet_names(payload: dict[str, Any]) -> list[str]:
    return [s["name"] for s in payload["sheets"]]


def _full_width(text: str) -> None:
    assert not re.search(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]", text), text


# ---------------------------------------------------------------------------------------------
# 1. A user's sheet that looks like rectxl's output is the user's
# ---------------------------------------------------------------------------------------------

def _with_archived_summary(tmp_path: Path) -> tuple[Path, list[list[Any]]]:
    """The ledger plus last month's 整改明细, as `rectxl summary` wrote it, kept as a sheet with
    its title changed to 【10月底存档】…: rectxl's own header row, and the user's."""
    ledger = _ledger(tmp_path / "src")
    _, summary = api.summary_workbook(ledger, tmp_path / "src" / "十月汇总.xlsx", Options(as_of=dt.date(2026, 10, 31)))
    old = openpyxl.load_workbook(summary)["整改明细"]
    wb = openpyxl.load_workbook(ledger)
    kept = wb.create_sheet("整改明细")
    for row in old.iter_rows(values_only=True):
        kept.append(list(row))
    kept["A1"] = f"【10月底存档】{kept['A1'].value}"
    path = tmp_path / "带10月存档.xlsx"
    wb.save(path)
    rows = [list(r) for r in openpyxl.load_workbook(path)["整改明细"].iter_rows(values_only=True)]
    return path, rows


def test_an_archived_summary_sheet_is_kept_on_the_desktop(tmp_path: Path) -> None:
    path, _ = _with_archived_summary(tmp_path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    mine = values_of(book, "整改明细")
    for _ in range(2):  # pressed twice: the second press rewrites rectxl's own sheets only
        assert rx.summarize(book, OPTS) is not None, excel.alerts
        assert values_of(book, "整改明细") == mine
        assert "整改明细(rectxl)" in excel.alerts[-1]["prompt"]
    assert _names(book).count("整改明细(rectxl)") == 1
    assert str(values_of(book, "整改明细(rectxl)")[0][0]).startswith("整改明细（")
    rx.clear(book)
    assert _names(book) == ["台账", "整改明细"] and values_of(book, "整改明细") == mine
    assert "整改明细(rectxl)" in excel.alerts[-1]["prompt"]


def test_an_archived_summary_sheet_is_kept_on_the_remote_engine(tmp_path: Path) -> None:
    path, _ = _with_archived_summary(tmp_path)
    payload = xr.payload_from_xlsx(path)
    mine = xr.read_values(payload, "整改明细")
    _, alerts, after = _press(payload, rx.summarize, OPTS)
    assert xr.read_values(after, "整改明细") == mine
    assert "整改明细(rectxl)" in alerts[-1]["prompt"]
    _, alerts, cleared = _press(after, rx.clear)
    assert _sheet_names(cleared) == ["台账", "整改明细"]
    assert xr.read_values(cleared, "整改明细") == mine


# ---------------------------------------------------------------------------------------------
# 2. The remote engine: one press, every sheet recorded; 清除标记 removes them all
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("presses", [
    [rx.summarize],
    [rx.summarize, rx.flag],
    [rx.flag, rx.summarize],
    [rx.summarize, rx.summarize],
    [rx.validate, rx.summarize, rx.flag],
])
def test_clear_removes_every_sheet_rectxl_made_on_the_remote_engine(tmp_path: Path, presses: list[Any]) -> None:
    payload = xr.payload_from_xlsx(_ledger(tmp_path))
    original = _sheet_names(payload)
    for button in presses:
        _, _, payload = _press(payload, button, OPTS)
    made = [n for n in _sheet_names(payload) if n not in original and n != MARKS_SHEET]
    record = xr.read_values(payload, MARKS_SHEET)
    assert sorted(r[1] for r in record if r[0] == OWNED_SHEET_TAG) == sorted(made)
    restored, alerts, cleared = _press(payload, rx.clear)
    assert _sheet_names(cleared) == original
    (alert,) = alerts
    assert all(name in alert["prompt"] for name in made), alert
    if rx.flag in presses:
        assert restored and f"{restored} 个单元格恢复原样" in alert["prompt"]
    _, alerts, again = _press(cleared, rx.clear)
    assert "没有 rectxl 的标记" in alerts[-1]["prompt"] and _sheet_names(again) == original


def test_one_summarize_records_its_four_sheets_once(tmp_path: Path) -> None:
    payload = xr.payload_from_xlsx(_ledger(tmp_path))
    book = xr.book_from_payload(payload)
    rx.summarize(book, OPTS)
    acts = xr.actions(book)
    assert [a["args"][1] for a in xr.actions_of(acts, "addSheet")] == [*SUMMARY_SHEETS, MARKS_SHEET]
    record = xr.read_values(xr.apply_actions(payload, acts), MARKS_SHEET)
    assert [r[:2] for r in record[1:]] == [[OWNED_SHEET_TAG, name] for name in SUMMARY_SHEETS]


# ---------------------------------------------------------------------------------------------
# 3. 生成汇总: calls and actions flat with the ledger's size, the sheets looking the same
# ---------------------------------------------------------------------------------------------

def _grown(folder: Path, times: int) -> Path:
    ledger = read_ledger(EXAMPLE)
    big = copy.deepcopy(ledger)
    for _ in range(times - 1):
        big.aspects.extend(copy.deepcopy(a) for a in ledger.aspects)
    folder.mkdir(parents=True, exist_ok=True)
    return write_ledger(folder / f"x{times}.xlsx", big)


def _summarize_calls(path: Path) -> int:
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    excel.calls = 0
    assert rx.summarize(book, OPTS) is not None, excel.alerts
    return int(excel.calls)


def test_summarize_calls_do_not_grow_with_the_ledger(tmp_path: Path) -> None:
    small, big = _summarize_calls(EXAMPLE), _summarize_calls(_grown(tmp_path, 5))
    # 121 → 605 measures: 1,842 → 3,614 calls before they were batched; now within a few percent
    assert big < small * 1.1, (small, big)
    fills: list[int] = []
    for path in (EXAMPLE, _grown(tmp_path, 5)):
        book = xr.book_from_payload(xr.payload_from_xlsx(path, on_uncached_formula="empty"))
        rx.summarize(book, OPTS)
        acts = xr.actions(book)
        fills.append(len(xr.actions_of(acts, "setRangeColor")) + len(xr.actions_of(acts, "setRangeColors")))
    # one colour matrix per sheet, and one more per 10,000 cells (整改明细 ×5 has 700 rows of 13)
    assert fills[1] <= fills[0] + 1, fills


def _looks(ws: Any) -> dict[str, tuple[str | None, bool]]:
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            fill = cell.fill
            color = str(fill.fgColor.rgb)[-6:].upper() if fill is not None and fill.fill_type == "solid" else None
            if color or cell.font.b:
                found[cell.coordinate] = (color, bool(cell.font.b))
    return found


def test_summary_sheets_are_filled_as_the_command_lines(tmp_path: Path) -> None:
    path = _grown(tmp_path, 2)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    rx.summarize(book, OPTS)
    _, cli = api.summary_workbook(path, tmp_path / "cli.xlsx", OPTS)
    wb = openpyxl.load_workbook(cli)
    for name in SUMMARY_SHEETS:
        got, want = _looks(workbook_of(book).wb[name]), _looks(wb[name])
        # the file writer merges the title row across the table; the add-in bolds the row's cells
        got = {ref: v for ref, v in got.items() if not (re.fullmatch(r"[B-Z]1", ref) and v == (None, True))}
        assert {ref: v[0] for ref, v in got.items()} == {ref: v[0] for ref, v in want.items()}, name
        assert {ref for ref, v in got.items() if v[1]} == {ref for ref, v in want.items() if v[1]}, name


# ---------------------------------------------------------------------------------------------
# 4. A user's sheet called rectxl标记
# ---------------------------------------------------------------------------------------------

def _with_users_record_name(tmp_path: Path) -> Path:
    path = _ledger(tmp_path / "src")
    wb = openpyxl.load_workbook(path)
    memo = wb.create_sheet(MARKS_SHEET)
    memo.append(["我的备忘"])
    memo.append(["12月5日前报送整改台账"])
    memo.sheet_state = "hidden"
    out = tmp_path / "用户表名rectxl标记.xlsx"
    wb.save(out)
    return out


def test_a_users_sheet_named_like_the_record_is_kept_on_the_desktop(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_with_users_record_name(tmp_path))
    mine = values_of(book, MARKS_SHEET)
    for button in (rx.validate, rx.flag, rx.summarize, rx.flag):
        assert button(book, OPTS) is not None, excel.alerts
        assert values_of(book, MARKS_SHEET) == mine
    assert RECORD_ALT in _names(book)
    assert rx.clear(book)
    assert _names(book) == ["台账", MARKS_SHEET] and values_of(book, MARKS_SHEET) == mine
    assert workbook_of(book).wb[MARKS_SHEET].sheet_state == "hidden"


def test_a_users_sheet_named_like_the_record_is_kept_on_the_remote_engine(tmp_path: Path) -> None:
    payload = xr.payload_from_xlsx(_with_users_record_name(tmp_path))
    mine = xr.read_values(payload, MARKS_SHEET)
    for button in (rx.validate, rx.flag, rx.summarize):
        _, _, payload = _press(payload, button, OPTS)
        assert xr.read_values(payload, MARKS_SHEET) == mine
    _, _, cleared = _press(payload, rx.clear)
    assert _sheet_names(cleared) == ["台账", MARKS_SHEET] and xr.read_values(cleared, MARKS_SHEET) == mine


# ---------------------------------------------------------------------------------------------
# 5. Links to a sheet whose name holds ' or "
# ---------------------------------------------------------------------------------------------

QUOTED = "台账'2026\"版"


def _quoted_ledger(tmp_path: Path) -> Path:
    path = _ledger(tmp_path / "src")
    wb = openpyxl.load_workbook(path)
    wb["台账"].title = QUOTED
    out = tmp_path / "表名带引号.xlsx"
    wb.save(out)
    return out


def test_links_to_a_sheet_named_with_quotes_work_on_the_desktop(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_quoted_ledger(tmp_path))
    report = rx.validate(book, OPTS)
    assert report is not None and report.findings, excel.alerts
    ws = workbook_of(book).wb[FINDINGS_SHEET]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                and c.value.startswith("=HYPERLINK")]
    assert len(formulas) == sum(1 for f in report.findings if f.cell)
    for formula in formulas:
        m = _LINK.match(formula)
        assert m, formula
        assert m.group(1).replace('""', '"').startswith("#'台账''2026\"版'!")
    shown = [row[4] for row in values_of(book, FINDINGS_SHEET)[5:]]
    assert all(str(v).startswith(f"{QUOTED}!") for v in shown if v), shown
    assert len([v for v in shown if v]) == len(formulas)


def test_links_to_a_sheet_named_with_quotes_work_on_the_remote_engine(tmp_path: Path) -> None:
    payload = xr.payload_from_xlsx(_quoted_ledger(tmp_path))
    book = xr.book_from_payload(payload)
    assert rx.validate(book, OPTS) is not None
    links = [v for a in xr.actions_of(book, "setValues") for row in a["values"] for v in row
             if isinstance(v, str) and v.startswith("=HYPERLINK")]
    assert links and all(_LINK.match(v) for v in links), links


# ---------------------------------------------------------------------------------------------
# 6. 生成汇总 names the sheets it wrote
# ---------------------------------------------------------------------------------------------

def test_summarize_names_the_sheets_it_wrote(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "src")
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("逾期清单").append(["本科室自己的逾期台账"])
    path = tmp_path / "自有逾期清单.xlsx"
    wb.save(path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    rx.summarize(book, OPTS)
    prompt = excel.alerts[-1]["prompt"]
    assert prompt == "已生成汇总表：整改总体情况、整改明细、责任单位统计、逾期清单(rectxl)。"
    _, alerts, _ = _press(xr.payload_from_xlsx(path), rx.summarize, OPTS)
    assert alerts[-1]["prompt"] == prompt
    rx.flag(book, OPTS)
    assert f"“{FINDINGS_SHEET}”" in excel.alerts[-1]["prompt"]  # 标记问题 says where the results are


# ---------------------------------------------------------------------------------------------
# 7. Alerts that say what happened
# ---------------------------------------------------------------------------------------------

def test_a_protected_ledger_is_said_to_have_nothing_coloured(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "src")
    wb = openpyxl.load_workbook(path)
    wb["台账"].protection.sheet = True  # 保护工作表 as Excel leaves it: formatting cells not allowed
    path = tmp_path / "受保护.xlsx"
    wb.save(path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    assert rx.flag(book, OPTS) is None
    prompt = excel.alerts[-1]["prompt"]
    assert "“台账”" in prompt and "工作簿未改动" in prompt and "撤销工作表保护" in prompt
    assert "已标上" not in prompt
    _full_width(prompt)
    assert _names(book) == ["台账"]  # nothing written: no 校验结果, no record
    rx.clear(book)
    assert "没有 rectxl 的标记" in excel.alerts[-1]["prompt"]


def test_clear_after_summarize_names_what_it_deleted(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_ledger(tmp_path))
    rx.summarize(book, OPTS)
    rx.clear(book)
    prompt = excel.alerts[-1]["prompt"]
    assert prompt == f"已清除标记：已删除 rectxl 生成的工作表：{'、'.join(SUMMARY_SHEETS)}。"
    assert FINDINGS_SHEET not in prompt


def test_an_old_record_naming_no_sheet_leaves_the_users_findings_sheet(tmp_path: Path) -> None:
    """A record written before records named sheets (cells only): its colours are undone, and a
    sheet called 校验结果 — rectxl's then, or the user's — is left, and the alert says so."""
    path = _ledger(tmp_path / "src")
    wb = openpyxl.load_workbook(path)
    own = wb.create_sheet(FINDINGS_SHEET)
    own.append(["自查日期", "自查结论"])
    record = wb.create_sheet(MARKS_SHEET)
    for row in (["sheet", "cell", "original_fill"], ["台账", "D3", '{"fill_type": null, "fg": null, "bg": null}']):
        record.append(row)
    record.sheet_state = "hidden"
    wb["台账"]["D3"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFF4B183")
    path = tmp_path / "旧记录.xlsx"
    wb.save(path)
    excel = Excel(today=AS_OF)
    book = excel.open(path)
    mine = values_of(book, FINDINGS_SHEET)
    assert rx.clear(book) == 1
    assert _names(book) == ["台账", FINDINGS_SHEET] and values_of(book, FINDINGS_SHEET) == mine
    prompt = excel.alerts[-1]["prompt"]
    assert f"“{FINDINGS_SHEET}”" in prompt and "未删除" in prompt
    _full_width(prompt)


def test_alerts_give_the_date_as_the_findings_do(tmp_path: Path) -> None:
    excel = Excel(today=AS_OF)
    book = excel.open(_ledger(tmp_path))
    rx.validate(book, OPTS)
    assert "截至2026年11月30日" in excel.alerts[-1]["prompt"]
