"""The CSV of findings shows a cell's value as Excel shows it: a TRUE typed into a deadline cell is
TRUE in the value column (it had been Python's True), as the message quotes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import rectxl
from rectxl.core import fields as F
from rectxl.core.report import to_csv
from tests.ledgers import write_simple_ledger


def test_a_boolean_cell_is_true_or_false_as_excel_shows_it(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [{
        F.ASPECT: "一、落实管党治党责任方面", F.ISSUE: "1.议事规则执行不严", F.MEASURE: "修订党组工作规则",
        F.LEAD: "李明", F.OWNER_UNIT: "办公室", F.OWNER_PERSON: "张红", F.DEADLINE: True,
        F.STATUS: "正在推进", F.PROGRESS: "已起草"}])
    report = rectxl.check(path, rectxl.Options(as_of=date(2026, 11, 30)))
    bad = [f for f in report.findings if f.code == "bad-deadline"]
    assert len(bad) == 1 and "“TRUE”" in bad[0].message
    row = next(line for line in to_csv(report).splitlines() if line.startswith("bad-deadline"))
    assert row.endswith(f",TRUE,{path}") and "True" not in row
