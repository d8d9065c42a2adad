"""Excel's documented limits on what rectxl writes into a workbook: 校验结果 carries a hyperlink
per finding, and a sheet may hold at most 66,530 of them (past that Excel reports the file as
damaged and drops them). The limit is lowered here so that a small ledger reaches it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.core import sheets

EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"


def test_findings_past_the_link_limit_are_listed_without_links(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = shutil.copy(EXAMPLE, tmp_path / "台账.xlsx")
    full, _, _ = api.annotate(ledger, tmp_path / "全部.xlsx", today=date(2026, 11, 30))
    linked = sum(1 for f in full.findings if f.cell and f.sheet)
    assert linked > 5
    monkeypatch.setattr(sheets, "MAX_SHEET_LINKS", 5)
    report, out, _ = api.annotate(ledger, tmp_path / "校验.xlsx", today=date(2026, 11, 30))
    ws = load_workbook(out)[sheets.FINDINGS_SHEET]
    links = [c for row in ws.iter_rows() for c in row if c.hyperlink is not None]
    assert len(links) == 5
    # every finding is still listed, with its cell written out
    cells = [row[4] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(cells) == len(report.findings) == len(full.findings)
    assert [c.value for c in links] == [c for c in cells if c and "!" in c][:5]
    notes = "\n".join(str(c.value) for row in ws.iter_rows(max_row=6) for c in row if isinstance(c.value, str))
    first_unlinked = [i for i, f in enumerate(report.findings, 1) if f.cell and f.sheet][5]
    assert f"最多只能有5个超链接，第{first_unlinked}条起" in notes


def test_below_the_limit_every_cell_is_linked_and_no_note(tmp_path: Path) -> None:
    report, out, _ = api.annotate(shutil.copy(EXAMPLE, tmp_path / "台账.xlsx"), tmp_path / "校验.xlsx",
                                  today=date(2026, 11, 30))
    ws = load_workbook(out)[sheets.FINDINGS_SHEET]
    assert sum(1 for row in ws.iter_rows() for c in row if c.hyperlink is not None) == sum(
        1 for f in report.findings if f.cell and f.sheet)
    assert "超链接" not in "".join(str(c.value) for row in ws.iter_rows(max_row=6) for c in row if c.value)
