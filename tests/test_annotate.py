"""The annotated workbook: findings sheet, highlights, summary sheets — and clearing them leaves
the ledger exactly as it was."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.errors import UnsafeWriteError
from rectxl.core.rules import Options
from rectxl.core.sheets import FINDINGS_SHEET, HIGHLIGHTS, MARKS_SHEET, SUMMARY_SHEETS
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_ledger
from tests.ledgers import MESSY_AS_OF, write_messy_ledger
from tests.workbook_compare import fingerprint, soffice, soffice_convert

COLORS = {h.key: h.color for h in HIGHLIGHTS}


@pytest.fixture
def template_ledger(tmp_path: Path) -> Path:
    """A ledger in rectxl's own layout (validations, conditional formats, merges) that a clerk
    filled in and decorated: one flagged cell already carries the clerk's own fill."""
    source = write_messy_ledger(tmp_path / "messy.xlsx")
    path = write_ledger(tmp_path / "台账.xlsx", read_ledger(source))
    wb = load_workbook(path)
    ws = wb["台账"]
    ws["I5"].fill = PatternFill("solid", fgColor="00B050")  # the clerk's own green on a deadline
    wb.save(path)
    return path


def _fill(ws, ref: str) -> str:  # type: ignore[no-untyped-def]
    fill = ws[ref].fill
    return fill.fgColor.rgb[-6:] if fill.fill_type == "solid" else ""


def test_annotate_then_clear_is_identical(template_ledger: Path, tmp_path: Path) -> None:
    before = fingerprint(template_ledger)
    _, annotated, _ = api.annotate(template_ledger, tmp_path / "a.xlsx", Options(as_of=MESSY_AS_OF))
    assert fingerprint(annotated) != before
    restored, cleared, _ = api.clear(annotated, tmp_path / "c.xlsx")
    assert restored > 0
    assert fingerprint(cleared) == before


def test_annotate_twice_does_not_stack(template_ledger: Path, tmp_path: Path) -> None:
    _, first, _ = api.annotate(template_ledger, tmp_path / "a1.xlsx", Options(as_of=MESSY_AS_OF))
    _, second, _ = api.annotate(first, tmp_path / "a2.xlsx", Options(as_of=MESSY_AS_OF))
    _, cleared, _ = api.clear(second, tmp_path / "c.xlsx")
    assert fingerprint(cleared) == fingerprint(template_ledger)


def test_findings_sheet_and_highlights(template_ledger: Path, tmp_path: Path) -> None:
    report, out, _ = api.annotate(template_ledger, tmp_path / "a.xlsx", Options(as_of=MESSY_AS_OF))
    wb = load_workbook(out)
    assert wb.sheetnames[:1] == ["台账"]
    assert set(wb.sheetnames) >= {FINDINGS_SHEET, *SUMMARY_SHEETS, MARKS_SHEET}
    assert wb[MARKS_SHEET].sheet_state == "veryHidden"
    ws = wb[FINDINGS_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    assert "截至日期：2023年9月20日" in rows[1][0]
    assert report.source.sha256 and report.source.sha256 in rows[2][0]
    header = rows[4]
    assert header[:5] == ("序号", "严重程度", "代码", "问题说明", "单元格")
    body = rows[5:]
    assert len(body) == len(report.findings)
    assert [r[2] for r in body] == [f.code for f in report.findings]
    # the cell column links to the cell
    for i, f in enumerate(report.findings, start=6):
        cell = ws.cell(i, 5)
        if f.cell:
            assert cell.hyperlink is not None and cell.hyperlink.location == f"'台账'!{f.cell}"
    assert ws.freeze_panes == "A6" and ws.auto_filter.ref
    # legend cells carry the colours
    assert [ws.cell(4, c).fill.fgColor.rgb[-6:] for c in range(2, 2 + len(HIGHLIGHTS))] == [h.color for h in HIGHLIGHTS]
    ledger = wb["台账"]
    cols = {ledger.cell(2, c).value: ledger.cell(2, c).column_letter for c in range(1, len(F.TEMPLATE_COLUMNS) + 1)}
    rows_by_measure: dict[str, int] = {}
    for m in read_ledger(template_ledger).measures():
        rows_by_measure.setdefault(m.text, m.row)
    overdue_row = rows_by_measure["开展保密检查"]
    assert _fill(ledger, f"{cols[F.DEADLINE]}{overdue_row}") == COLORS["overdue"]
    assert _fill(ledger, f"{cols[F.OWNER_UNIT]}{overdue_row}") == COLORS["owner"]
    assert _fill(ledger, f"{cols[F.DEADLINE]}{rows_by_measure['指定专人跟进学习']}") == COLORS["due"]
    assert _fill(ledger, f"{cols[F.STATUS]}{rows_by_measure['开展调研']}") == COLORS["error"]
    # an unflagged cell keeps the clerk's own fill
    assert _fill(ledger, "I5") in ("00B050", COLORS["overdue"], COLORS["due"])


def test_summary_numbers_match_a_hand_count(tmp_path: Path) -> None:
    from tests.ledgers import write_simple_ledger

    rows = [
        {F.ASPECT: "一、政治建设", F.CATEGORY: "(一)学习问题", F.ISSUE_NO: 1, F.ISSUE: "针对甲问题",
         F.MEASURE: "甲1", F.OWNER_UNIT: "办公室", F.DEADLINE: "2023年8月底", F.STATUS: "已完成"},
        {F.ASPECT: "一、政治建设", F.CATEGORY: "(一)学习问题", F.ISSUE_NO: 1, F.ISSUE: "针对甲问题",
         F.MEASURE: "甲2", F.OWNER_UNIT: "办公室、财务科", F.DEADLINE: "2023年8月底", F.STATUS: "正在推进"},
        {F.ASPECT: "一、政治建设", F.CATEGORY: "(二)制度问题", F.ISSUE_NO: 2, F.ISSUE: "针对乙问题",
         F.MEASURE: "乙1", F.OWNER_UNIT: "财务科", F.DEADLINE: "长期坚持", F.STATUS: "长期坚持"},
        {F.ASPECT: "二、作风建设", F.CATEGORY: "(三)作风问题", F.ISSUE_NO: 3, F.ISSUE: "针对丙问题",
         F.MEASURE: "丙1", F.OWNER_UNIT: "纪检组", F.DEADLINE: "2023年12月底", F.STATUS: "已完成"},
    ]
    path = write_simple_ledger(tmp_path / "t.xlsx", rows)
    _, out = api.summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=date(2023, 9, 20)))
    wb = load_workbook(out)
    assert wb.sheetnames == list(SUMMARY_SHEETS)
    overview = {r[0]: r[1] for r in wb["整改总体情况"].iter_rows(values_only=True) if r and r[0]}
    assert overview["问题方面"] == 2 and overview["问题类别"] == 3 and overview["问题"] == 3
    assert overview["整改措施"] == 4 and overview["已完成"] == 2 and overview["正在推进"] == 1
    assert overview["长期坚持"] == 1 and overview["已逾期"] == 1 and overview["措施完成率"] == 0.5
    rate_cell = next(r[1] for r in wb["整改总体情况"].iter_rows() if r[0].value == "措施完成率")
    assert rate_cell.number_format.endswith("%")  # a number shown as a percentage, not text
    sentence = wb["整改总体情况"]["A3"].value
    assert sentence == ("截至2023年9月20日，巡察反馈的两个方面3个问题已完成整改1个、正在整改1个、需长期坚持1个；"
                        "4项整改措施已完成2项、正在推进1项、长期坚持1项，整改措施完成率50%；已逾期未完成1项。")
    units = {r[0]: r[1:] for r in wb["责任单位统计"].iter_rows(min_row=3, values_only=True)}
    assert units["办公室"][:3] == (2, 1, 0) and units["财务科"][:1] == (2,) and units["纪检组"][1] == 1
    assert units["财务科"][6] == 1  # 甲2 overdue counts for both its units
    detail = list(wb["整改明细"].iter_rows(min_row=3, values_only=True))
    assert [(r[0], r[1]) for r in detail] == [
        ("方面", "第一方面问题"), ("类别", "（一）"), ("问题", "1."), ("措施", "一是"), ("措施", "二是"),
        ("类别", "（二）"), ("问题", "2."), ("措施", "一是"),
        ("方面", "第二方面问题"), ("类别", "（三）"), ("问题", "3."), ("措施", "一是"),
    ]
    assert detail[2][3] == "正在推进" and detail[6][3] == "长期坚持" and detail[10][3] == "已完成"
    levels = [wb["整改明细"].row_dimensions[r].outline_level for r in range(3, 15)]
    assert levels == [0, 1, 2, 3, 3, 1, 2, 3, 0, 1, 2, 3]
    overdue = list(wb["逾期清单"].iter_rows(min_row=3, values_only=True))
    assert [(r[2], r[6], r[7]) for r in overdue] == [("甲2", "2023年8月31日", 20)]
    assert wb["整改总体情况"]._charts, "completion-per-aspect chart"


def test_in_place_keeps_a_backup(template_ledger: Path) -> None:
    original = template_ledger.read_bytes()
    _, out, backup = api.annotate(template_ledger, None, Options(as_of=MESSY_AS_OF), in_place=True)
    assert out == template_ledger and backup is not None
    assert backup.read_bytes() == original and "备份" in backup.name
    assert FINDINGS_SHEET in load_workbook(out).sheetnames


def test_never_writes_over_the_input_without_in_place(template_ledger: Path) -> None:
    original = template_ledger.read_bytes()
    with pytest.raises(UnsafeWriteError, match="输出文件与输入文件相同"):
        api.annotate(template_ledger, template_ledger, Options(as_of=MESSY_AS_OF))
    assert template_ledger.read_bytes() == original


def test_cli_annotate_default_output_name(template_ledger: Path) -> None:
    import sys

    proc = subprocess.run([sys.executable, "-m", "rectxl", "annotate", str(template_ledger), "--as-of", "2023-09-20"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert (template_ledger.parent / "台账_校验.xlsx").exists()


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_annotated_workbook(template_ledger: Path, tmp_path: Path) -> None:
    _, out, _ = api.annotate(template_ledger, tmp_path / "标记.xlsx", Options(as_of=MESSY_AS_OF))
    pdf = soffice_convert(out, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "逾期清单" in text or "已逾期" in text
    assert "overdue" in text
