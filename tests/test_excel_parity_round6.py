"""Excel parity round 6: rectxl reads and quotes cells as Excel shows them.

- a number a clerk typed as "2025.10" (kept by Excel as 2025.1) in a column formatted to show two
  decimals is read as Excel shows it: October;
- the macOS add-in saves a copy of a Strict Open XML or Excel 97–2003 workbook under the right
  extension, as the Windows path does;
- a cell, row or column pointing at a cell format the styles part does not have never lands on
  rectxl's highlight, and clear gives the styles part back byte for byte;
- a TRUE/FALSE cell is quoted TRUE/FALSE, as Excel shows it.

Every fixture is built here: ledgers written with openpyxl (and one saved by LibreOffice), and
packages written from XML text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.rules import Options
from tests.ledgers import CANONICAL

AS_OF = Options(as_of=date(2024, 3, 1))
_BASE = {F.ISSUE: "公务接待审批不严", F.LEAD: "王副局长", F.OWNER_UNIT: "办公室", F.OWNER_PERSON: "李明"}


def _ledger(path: Path, rows: list[dict[str, Any]], formats: dict[str, str] | None = None) -> Path:
    """A one-sheet ledger (header on row 1); ``formats``: field → the number format of its
    cells below the header."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(CANONICAL)
    for row in rows:
        ws.append([{**_BASE, **row}.get(c) for c in CANONICAL])
    for name, code in (formats or {}).items():
        col = CANONICAL.index(name) + 1
        for r in range(2, len(rows) + 2):
            ws.cell(r, col).number_format = code
    wb.save(path)
    return path


def _messages(path: Path, code: str) -> dict[str | None, str]:
    return {f.cell: f.message for f in api.check(path, AS_OF).findings if f.code == code}


# -- 4. TRUE and FALSE as Excel shows them ------------------------------------------------------


def test_a_true_or_false_deadline_is_quoted_as_excel_shows_it(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", [
        {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: True, F.STATUS: "正在推进"},
        {F.MEASURE: "开展专项检查", F.DEADLINE: "2023年12月底", F.STATUS: False},
        {F.MEASURE: "建立接待台账", F.DEADLINE: False, F.STATUS: "正在推进"},
    ])
    bad = _messages(path, "bad-deadline")
    assert "“TRUE”" in bad["I2"] and "“FALSE”" in bad["I4"]
    assert "“FALSE”" in _messages(path, "overdue")["I3"]
    every = " ".join(f.message for f in api.check(path, AS_OF).findings)
    assert "True" not in every and "False" not in every


def test_a_number_in_a_date_cell_is_quoted_as_excel_shows_it(tmp_path: Path) -> None:
    """A completion date typed as 3 is quoted “3” (Excel shows no “.0”)."""
    path = _ledger(tmp_path / "台账.xlsx", [
        {F.MEASURE: "修订公务接待管理办法", F.DEADLINE: "2023年12月底", F.STATUS: "已完成",
         F.COMPLETED: 3.0, F.EVIDENCE: "会议纪要"},
    ])
    message = _messages(path, "bad-completion-date")["K2"]
    assert "“3”" in message and "3.0" not in message
