"""Write a ledger diff (:mod:`rectxl.core.diff`) as an .xlsx workbook: 变化汇总 and 变化明细."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from rectxl.core.diff import LedgerDiff, diff_sheets
from rectxl.io.atomic import atomic_path, ensure_not_input
from rectxl.io.outputs import mark_output
from rectxl.io.xlsx_out import write_spec

__all__ = ["write_diff_file"]


def write_diff_file(path: Path, diff: LedgerDiff, *, inputs: Sequence[Path] = ()) -> Path:
    """Write a new workbook at ``path`` holding the diff sheets, atomically. ``inputs`` (the two
    ledgers compared) are protected: writing over one of them raises ``UnsafeWriteError``."""
    path = Path(path)
    ensure_not_input(path, *inputs)
    wb = Workbook()
    default = wb.active
    for spec in diff_sheets(diff):
        write_spec(wb, spec)
    if default is not None:
        wb.remove(default)
    wb.active = 0
    mark_output(wb, "diff")  # batch knows it for rectxl's own, not a ledger
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path
