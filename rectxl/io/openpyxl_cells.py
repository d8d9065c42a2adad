"""Text into openpyxl cells, exactly and never as a formula.

openpyxl takes a text starting with "=" for a formula and "#N/A" for an error value. rectxl writes
what a clerk or a notice wrote, so a cell it fills keeps the text as it is (control characters
removed, :func:`rectxl.core.report.cell_text`), as a string; and a text starting like a formula
("=…", "+…", "-3", "@…") gets Excel's text prefix (``quotePrefix``) on its format — what Excel
keeps for a cell typed with a leading ``'`` — so that it stays text when the user edits the cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from rectxl.core.report import cell_text, looks_like_formula

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["append_text_row", "keep_text", "set_text"]


def keep_text(cell: Cell) -> Cell:
    """``cell`` holding a text stays that text: a string, with the text prefix when it starts like
    a formula. Cells of other values are left as they are."""
    if cell.data_type in ("f", "e"):  # inferred from text: it stays the text it is
        cell.data_type = "s"
    value = cell.value
    if isinstance(value, str) and looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def set_text(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """``ws.cell(row, column, value)`` with text kept as text (:func:`keep_text`); a date stays a
    date cell (a ledger rectxl writes: the caller gives it its Chinese date format)."""
    return keep_text(ws.cell(row, column, value if isinstance(value, date) else cell_text(value)))


def append_text_row(ws: Worksheet, values: Iterable[Any]) -> int:
    """``ws.append(values)`` with text kept as text (:func:`keep_text`); the row number written."""
    texts = [cell_text(v) for v in values]
    ws.append(texts)
    # the row append wrote, as append counts it: ``ws.max_row`` (and ``ws[row]``, through
    # ``max_column``) scan every cell of the sheet, which made a list of 5,000 rows take a minute
    row: int = ws._current_row
    for column in range(1, len(texts) + 1):
        keep_text(ws.cell(row, column))
    return row
