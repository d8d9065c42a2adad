"""No text rectxl writes into a workbook is ever a live formula: run every command that writes a
workbook on inputs whose file names, cells and notice text start like formulas, then read each
written workbook's sheet XML — no ``<f>`` element — and check that the hostile text did arrive.

A string cell of an .xlsx is never a formula, so the sheets ``annotate`` adds hold the text as it
is (no ``'`` shown in front of it), with Excel's text prefix (quotePrefix) on the cell's format so
that editing the cell keeps it text (:func:`assert_literal`); so do the summary, diff, batch, remind
and parse-notice workbooks. Only a CSV report keeps the leading ``'`` (a CSV file is parsed by
whatever opens it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openpyxl import Workbook

from rectxl.core import fields as F
from rectxl.io.ooxml import sheet_parts

HOSTILE = ["=1+41", '=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"]
#: the same, as file names can hold them (no "/")
HOSTILE_NAMES = ["=1+41", '=HYPERLINK("x","y")', "+1", "-1", "@SUM(A1)"]
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_FORMULA_START = ("=", "+", "-", "@")
_F_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=180)


def write_text_ledger(path: Path, rows: list[dict[str, Any]], info: dict[str, Any]) -> Path:
    """A ledger whose cells hold the hostile strings as *text* (openpyxl would otherwise store
    "=1+41" as a formula): what a clerk gets when pasting from a web page into text cells."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    columns = list(F.TEMPLATE_COLUMNS)
    ws.append(columns)
    for r, row in enumerate(rows, start=2):
        for c, name in enumerate(columns, start=1):
            value = row.get(name)
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
    si = wb.create_sheet("基本信息")
    for r, (key, value) in enumerate(info.items(), start=1):
        si.cell(r, 1, key)
        cell = si.cell(r, 2, value)
        if isinstance(value, str):
            cell.data_type = "s"
    wb.save(path)
    return path


def hostile_rows(status: str = "正在推进") -> list[dict[str, Any]]:
    return [
        {F.ISSUE_NO: 1, F.ISSUE: "针对学习不够问题", F.MEASURE: "=1+41", F.OWNER_UNIT: '=HYPERLINK("http://x","y")',
         F.LEAD: "+1", F.OWNER_PERSON: "-1", F.DEADLINE: "=1+41", F.STATUS: "@SUM(A1)", F.PROGRESS: "-1",
         F.EVIDENCE: "=1+41", F.REMARK: "@SUM(A1)"},
        {F.ISSUE_NO: 1, F.ISSUE: "针对学习不够问题", F.MEASURE: '=HYPERLINK("http://x","y")', F.OWNER_UNIT: "+1",
         F.DEADLINE: "2023年8月底前", F.STATUS: status, F.PROGRESS: "+1"},
        {F.ISSUE_NO: 2, F.ISSUE: "针对制度不全问题", F.MEASURE: "@SUM(A1)", F.OWNER_UNIT: "-1",
         F.DEADLINE: "2023年8月底前", F.STATUS: "正在推进", F.PROGRESS: "=1+41"},
    ]


def hostile_info(unit: str | None = '=HYPERLINK("http://x","y")') -> dict[str, Any]:
    info: dict[str, Any] = {"反馈日期": date(2023, 6, 27), "报告日期": date(2023, 9, 20)}
    if unit is not None:
        info["单位名称"] = unit
    return info


HOSTILE_NOTICE = """=HYPERLINK("http://x","y")关于巡察整改进展情况的通报

　　根据区委统一部署，2023年3月16日至5月15日，区委第三巡察组对区卫生健康局进行了巡察。

　　一、整改工作组织领导情况

　　@SUM(A1)

　　二、巡察反馈问题整改落实情况

　　（一）=1+41

　　1.针对+1问题。一是=1+41，已完成。二是@SUM(A1)，正在推进。三是-1。

　　2.针对-1问题。一是+1，已完成。

　　（二）@SUM(A1)

　　1.针对=1+41问题。一是=HYPERLINK("http://x","y")，正在推进。

　　三、下一步工作打算

　　-1

　　中共区卫生健康局党组

　　2023年9月20日
"""


def scan(path: Path, *, skip_sheets: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(formula cells, every text cell) of the workbook at ``path``, sheets in ``skip_sheets``
    (the user's own) left out. Reads the package itself: shared strings, inline strings and
    formula results."""
    formulas: list[str] = []
    texts: list[str] = []
    with zipfile.ZipFile(path) as zf:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in zf.namelist():
            root = etree.fromstring(zf.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]
        for sheet, part in sheet_parts(zf).items():
            if sheet in skip_sheets:
                continue
            xml = zf.read(part)
            if _F_ELEMENT.search(xml):
                formulas.append(f"{sheet}: <f> element in {part}")
            for c in etree.fromstring(xml).iter(f"{_NS}c"):
                ref = f"{sheet}!{c.get('r')}"
                if c.find(f"{_NS}f") is not None:
                    formulas.append(ref)
                kind, v = c.get("t"), c.find(f"{_NS}v")
                if kind == "s" and v is not None and v.text is not None:
                    texts.append(shared[int(v.text)])
                elif kind == "inlineStr":
                    texts.append("".join(t.text or "" for t in c.iter(f"{_NS}t")))
                elif kind == "str" and v is not None:
                    texts.append(v.text or "")
    return formulas, texts


def quote_prefixed(path: Path, *, skip_sheets: frozenset[str] = frozenset()) -> dict[str, bool]:
    """Every string cell starting like a formula → whether its cell format has quotePrefix."""
    out: dict[str, bool] = {}
    with zipfile.ZipFile(path) as zf:
        styles = etree.fromstring(zf.read("xl/styles.xml"))
        xfs = styles.find(f"{_NS}cellXfs")
        quoted = [xf.get("quotePrefix") in ("1", "true") for xf in (xfs if xfs is not None else [])]
        for sheet, part in sheet_parts(zf).items():
            if sheet in skip_sheets:
                continue
            for c in etree.fromstring(zf.read(part)).iter(f"{_NS}c"):
                if c.get("t") != "inlineStr":
                    continue
                text = "".join(t.text or "" for t in c.iter(f"{_NS}t"))
                if text.startswith(_FORMULA_START):
                    s = int(c.get("s") or 0)
                    out[f"{sheet}!{c.get('r')}"] = s < len(quoted) and quoted[s]
    return out


def assert_literal(path: Path, *, skip_sheets: frozenset[str] = frozenset(), arrived: int = 2) -> None:
    """No formula; the hostile strings arrived exactly as they are (at least ``arrived`` of
    them, none with a ``'`` put in front); each formula-like text kept text by quotePrefix."""
    formulas, texts = scan(path, skip_sheets=skip_sheets)
    assert formulas == [], f"{path.name}: {formulas}"
    escaped = [t for t in texts if t.startswith("'") and t[1:].startswith(_FORMULA_START)]
    assert escaped == [], f"{path.name}: text shown with a ' in front {escaped[:5]}"
    found = {h for h in HOSTILE + HOSTILE_NAMES for t in texts if t.startswith(h)}
    assert len(found) >= arrived, f"{path.name}: hostile text did not arrive ({found})"
    prefixed = quote_prefixed(path, skip_sheets=skip_sheets)
    assert prefixed and all(prefixed.values()), [ref for ref, ok in prefixed.items() if not ok][:5]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_text_ledger(tmp_path / "=1+41.xlsx", hostile_rows(), hostile_info())


def test_the_input_really_holds_text_not_formulas(hostile: Path) -> None:
    formulas, texts = scan(hostile)
    assert formulas == [] and {"=1+41", "@SUM(A1)", "+1", "-1"} <= set(texts)


def test_annotate(hostile: Path) -> None:
    proc = run("annotate", hostile.name, "-o", "标记.xlsx", cwd=hostile.parent)
    assert proc.returncode in (0, 1), proc.stderr
    assert_literal(hostile.parent / "标记.xlsx", skip_sheets=frozenset({"台账", "基本信息"}), arrived=4)


def test_annotate_writes_the_echoed_cell_text_as_it_is(hostile: Path) -> None:
    """校验结果's 单元格内容 and the summary sheets show the clerk's text, not "'-1"."""
    from openpyxl import load_workbook

    assert run("annotate", hostile.name, "-o", "标记.xlsx", cwd=hostile.parent).returncode in (0, 1)
    wb = load_workbook(hostile.parent / "标记.xlsx")
    echoed = {row[7] for row in wb["校验结果"].iter_rows(min_row=6, values_only=True)}
    assert "=1+41" in echoed and not [v for v in echoed if isinstance(v, str) and v.startswith("'")]
    units = {row[0] for row in wb["责任单位统计"].iter_rows(min_row=3, values_only=True)}
    assert "+1" in units


def test_the_csv_report_still_escapes(hostile: Path) -> None:
    """A CSV file is parsed by the program opening it: there the leading ' is what keeps "-1" text."""
    proc = run("check", hostile.name, "--format", "csv", cwd=hostile.parent)
    assert proc.returncode in (0, 1), proc.stderr
    assert "'=1+41" in proc.stdout and ",=1+41" not in proc.stdout


def test_annotate_clear(hostile: Path) -> None:
    """Clearing writes no text of rectxl's; the workbook it gives back holds no formula either."""
    assert run("annotate", hostile.name, "-o", "标记.xlsx", cwd=hostile.parent).returncode in (0, 1)
    proc = run("annotate", "--clear", "标记.xlsx", "-o", "清除.xlsx", cwd=hostile.parent)
    assert proc.returncode == 0, proc.stderr
    formulas, _ = scan(hostile.parent / "清除.xlsx")
    assert formulas == []
    with zipfile.ZipFile(hostile.parent / "清除.xlsx") as zf:
        assert list(sheet_parts(zf)) == ["台账", "基本信息"]


def test_summary(hostile: Path) -> None:
    proc = run("summary", hostile.name, "-o", "汇总.xlsx", cwd=hostile.parent)
    assert proc.returncode == 0, proc.stderr
    assert_literal(hostile.parent / "汇总.xlsx", arrived=3)


def test_diff(hostile: Path) -> None:
    rows = [{**row, F.STATUS: "已完成"} for row in hostile_rows()]
    rows.append({**rows[-1], F.MEASURE: "-1"})
    new = write_text_ledger(hostile.parent / "+1.xlsx", rows, hostile_info())
    proc = run("diff", hostile.name, new.name, "-o", "变化.xlsx", cwd=hostile.parent)
    assert proc.returncode in (0, 1), proc.stderr
    assert_literal(hostile.parent / "变化.xlsx", arrived=3)


def test_batch_file_names_units_values_and_reasons(hostile: Path) -> None:
    folder = hostile.parent / "各单位"
    folder.mkdir()
    for name in HOSTILE_NAMES:
        write_text_ledger(folder / f"{name}.xlsx", hostile_rows(), hostile_info(unit=None))
    shutil.copy(hostile, folder / "甲单位.xlsx")
    (folder / "=2+2 坏.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    proc = run("batch", "各单位", "-o", "汇总.xlsx", "--no-json", cwd=hostile.parent)
    assert proc.returncode == 1, proc.stderr
    out = hostile.parent / "汇总.xlsx"
    assert_literal(out, arrived=5)
    _, texts = scan(out)
    assert "=HYPERLINK(\"x\",\"y\").xlsx" in texts  # the file name, as text
    assert any(t.startswith("=2+2 坏.xlsx") for t in texts)  # the skip reason, as text


def test_parse_notice(tmp_path: Path) -> None:
    notice = tmp_path / "通报.txt"
    notice.write_text(HOSTILE_NOTICE, encoding="utf-8")
    proc = run("parse-notice", notice.name, "-o", "台账.xlsx", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert_literal(tmp_path / "台账.xlsx", arrived=3)


def test_new_template() -> None:
    """The template holds no cell formula either (its live formats are conditional formats)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        assert run("new", "-o", "新台账.xlsx", cwd=Path(folder)).returncode == 0
        formulas, texts = scan(Path(folder) / "新台账.xlsx")
        assert formulas == [] and not [t for t in texts if t.startswith(_FORMULA_START)]


def test_the_scan_catches_a_live_formula(tmp_path: Path) -> None:
    """The scanner itself: a workbook written without escaping is caught."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "=1+41"
    ws["A2"] = "@SUM(A1)"
    wb.save(tmp_path / "bad.xlsx")
    formulas, texts = scan(tmp_path / "bad.xlsx")
    assert formulas == ["Sheet: <f> element in xl/worksheets/sheet1.xml", "Sheet!A1"] and "@SUM(A1)" in texts
    with pytest.raises(AssertionError):
        assert_literal(tmp_path / "bad.xlsx")
