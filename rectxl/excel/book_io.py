"""A live workbook (an ``xlwings.Book``) as grids in, sheet specs and colours out.

Reading goes through the same grid → ledger core as files. Writing is batched: each output
sheet is one 2-D ``value`` write (hyperlinks are ``HYPERLINK`` formulas inside that block), plus
a fixed number of format calls per sheet; highlights are one colour call per contiguous run.
Everything here works on both xlwings engines: COM (desktop Excel through RunPython) and the
remote interpreter (``xw.Book(json=...)``, used by the tests).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from rectxl.core.grid import Grid
from rectxl.core.report import safe_cell_text
from rectxl.core.sheets import MARKS_SHEET, OUTPUT_SHEETS, Highlight, SheetSpec
from rectxl.core.text import col_index, col_letter

__all__ = [
    "MERGED_RANGES_KEY",
    "clear_marks",
    "color_runs",
    "grids_from_book",
    "has_marks",
    "write_marks",
    "write_spec",
]

#: per-sheet payload key under which a remote client may send the sheet's merged ranges
#: (A1 addresses). xlwings' own clients send none; desktop Excel is asked through COM instead.
MERGED_RANGES_KEY = "_merged_ranges"
_ADDRESS = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def _parse_range(address: str) -> tuple[int, int, int, int] | None:
    m = _ADDRESS.fullmatch(address.split("!")[-1].strip())
    if not m:
        return None
    c0, r0 = col_index(m.group(1)), int(m.group(2)) - 1
    c1 = col_index(m.group(3)) if m.group(3) else c0
    r1 = int(m.group(4)) - 1 if m.group(4) else r0
    return r0, c0, r1, c1


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a live sheet, where the engine can tell them (see module docstring)."""
    api = sheet.api
    if isinstance(api, dict):  # remote engine: only what the client sent
        addresses = api.get(MERGED_RANGES_KEY) or []
    else:
        addresses = _com_merged_addresses(api)
    return [r for a in addresses if (r := _parse_range(a)) is not None]


def _com_merged_addresses(ws: Any) -> list[str]:
    """Desktop Excel: find merged areas with ``Range.Find`` on the MergeCells format, one call
    per merged area (not per cell). Not exercised by the test suite (no Excel here)."""
    try:
        used = ws.UsedRange
        if used.MergeCells is False:
            return []
        app = ws.Application
        app.FindFormat.Clear()
        app.FindFormat.MergeCells = True
        seen: list[str] = []
        cell = used.Find(What="", After=used.Cells(used.Cells.Count), SearchFormat=True)
        while cell is not None:
            area = cell.MergeArea
            address = area.Address
            if address in seen:
                break
            seen.append(address)
            cell = used.Find(What="", After=area.Cells(area.Cells.Count), SearchFormat=True)
        app.FindFormat.Clear()
        return seen
    except Exception:  # an engine without FindFormat: no merge information
        return []


def grids_from_book(book: Any) -> list[Grid]:
    """Every worksheet as a :class:`Grid`: values in one read from A1, plus merged ranges."""
    grids: list[Grid] = []
    for sheet in book.sheets:
        last = sheet.used_range.last_cell
        values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value or []
        rows = [[_cell(v) for v in row] for row in values]
        grids.append(Grid(name=sheet.name, rows=rows, merges=_merged_ranges(sheet)))
    return grids


def _cell(value: Any) -> Any:
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sheet(book: Any, name: str) -> Any | None:
    for sheet in book.sheets:
        if sheet.name == name:
            return sheet
    return None


def _display(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else safe_cell_text(value)


def write_spec(book: Any, spec: SheetSpec) -> Any:
    """Write ``spec`` as sheet ``spec.name`` (replacing an earlier one) in a few batched calls."""
    sheet = _sheet(book, spec.name)
    if sheet is None:
        sheet = book.sheets.add(spec.name, after=book.sheets[len(book.sheets) - 1])
    else:
        sheet.clear()
    width = max(len(spec.widths), max((len(r) for r in spec.rows), default=0))
    block = [[_display(v) for v in row] + [""] * (width - len(row)) for row in spec.rows]
    for (r, c), (target_sheet, ref) in spec.links.items():
        text = str(block[r][c]).replace('"', '""')
        block[r][c] = f'=HYPERLINK("#\'{target_sheet}\'!{ref}","{text}")'
    sheet.range((1, 1)).value = block
    last = col_letter(width - 1)
    for r in sorted(spec.bold_rows):
        sheet.range(f"A{r + 1}:{last}{r + 1}").font.bold = True
    header = spec.header_row + 1
    sheet.range(f"A{header}:{last}{header}").color = "#D9E1F2"
    for r, color in spec.row_fills.items():
        sheet.range(f"A{r + 1}:{last}{r + 1}").color = f"#{color}"
    for (r, c), color in spec.cell_fills.items():
        sheet.range((r + 1, c + 1)).color = f"#{color}"
    for c, w in enumerate(spec.widths):
        sheet.range(f"{col_letter(c)}1").column_width = w
    if spec.percent_cells:
        rows = [r for r, _ in spec.percent_cells]
        cols = {c for _, c in spec.percent_cells}
        for c in cols:
            sheet.range(f"{col_letter(c)}{min(rows) + 1}:{col_letter(c)}{max(rows) + 1}").number_format = "0%"
    try:
        sheet.freeze_panes.freeze_at(f"A{header + 1}")
    except (NotImplementedError, AttributeError):  # desktop Excel has no freeze_panes in xlwings
        pass
    return sheet


def color_runs(cells: Mapping[str, str | None]) -> list[tuple[str, str | None]]:
    """Group cells (A1 → colour) into vertical runs of one colour: [(A1 range, colour)], one call each."""
    by_column: dict[tuple[str, str | None], list[int]] = {}
    for ref, color in cells.items():
        m = _ADDRESS.fullmatch(ref)
        if m:
            by_column.setdefault((m.group(1), color), []).append(int(m.group(2)))
    runs: list[tuple[str, str | None]] = []
    for (col, color), rows in sorted(by_column.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        rows.sort()
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            runs.append((f"{col}{start}" if start == prev else f"{col}{start}:{col}{prev}", color))
            if r is not None:
                start = prev = r
    return runs


def _fill_record(color: Any) -> str:
    """The marks sheet's ``original_fill`` in the file writer's JSON form ("" = not known)."""
    if color is None:
        return json.dumps({"fill_type": None, "fg": None, "bg": None})
    if isinstance(color, tuple | list) and len(color) == 3:
        rgb = "FF" + "".join(f"{int(v):02X}" for v in color)
        solid = {"type": "rgb", "value": rgb, "tint": 0.0}
        return json.dumps({"fill_type": "solid", "fg": solid, "bg": solid})
    return ""


def write_marks(book: Any, ledger_sheet: str, cells: dict[str, Highlight]) -> int:
    """Colour ``cells`` of ``ledger_sheet`` and record them (with their original fill where the
    engine can read it) in the hidden marks sheet. Returns the number of colour calls."""
    sheet = _sheet(book, ledger_sheet)
    assert sheet is not None
    records: list[list[Any]] = [["sheet", "cell", "original_fill"]]
    for ref in cells:
        try:
            original = sheet.range(ref).color
        except NotImplementedError:  # the remote engine cannot read formats
            original = ...
        records.append([ledger_sheet, ref, "" if original is ... else _fill_record(original)])
    runs = color_runs({ref: f"#{h.color}" for ref, h in cells.items()})
    for address, color in runs:
        sheet.range(address).color = color
    marks = _sheet(book, MARKS_SHEET)
    if marks is None:
        marks = book.sheets.add(MARKS_SHEET, after=book.sheets[len(book.sheets) - 1])
    else:
        marks.clear()
    marks.range((1, 1)).value = records
    marks.visible = False
    return len(runs)


def has_marks(book: Any) -> bool:
    return any(_sheet(book, name) is not None for name in OUTPUT_SHEETS)


def _restore_color(record: str) -> str | None:
    try:
        data = json.loads(record) if record else None
    except ValueError:
        return None
    fg = (data or {}).get("fg") or {}
    if data and data.get("fill_type") == "solid" and fg.get("type") == "rgb":
        return "#" + str(fg["value"])[-6:]
    return None


def clear_marks(book: Any) -> int:
    """Undo rectxl's colours (restoring recorded fills) and delete its sheets; cells restored."""
    restored = 0
    marks = _sheet(book, MARKS_SHEET)
    if marks is not None:
        last = marks.used_range.last_cell
        rows = marks.range((1, 1), (last.row, max(last.column, 3))).options(ndim=2).value or []
        by_sheet: dict[str, dict[str, str | None]] = {}
        for sheet_name, ref, fill in rows[1:]:
            if sheet_name and ref:
                by_sheet.setdefault(str(sheet_name), {})[str(ref)] = _restore_color(str(fill or ""))
        for sheet_name, cells in by_sheet.items():
            sheet = _sheet(book, sheet_name)
            if sheet is None:
                continue
            for address, color in color_runs(cells):
                sheet.range(address).color = color
            restored += len(cells)
    for name in OUTPUT_SHEETS:
        sheet = _sheet(book, name)
        if sheet is not None:
            sheet.delete()
    return restored

