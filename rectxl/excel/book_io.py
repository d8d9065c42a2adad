"""A live workbook (an ``xlwings.Book``) in, sheet specs and colours out.

**Reading.** Desktop Excel (COM on Windows, RunPython's engine) is read the way ``rectxl check``
reads a file, by construction: Excel writes the workbook's current state — unsaved edits
included — to a temporary file with ``Workbook.SaveCopyAs`` (which changes neither the open
workbook's path nor its saved state), and that file goes through the file reader
(:func:`rectxl.io.reader.read_ledger`). Merged cells, error cells, uncomputed formulas, hidden
columns, several ledger sheets, title rows and the 列名对照 sheet are therefore read exactly as the
command line reads them. On macOS, Excel is sandboxed and the AppleScript bridge has no
SaveCopyAs: the add-in's VBA function ``RectxlSaveCopy`` (macros/rectxl.bas) saves the copy into
Excel's own temporary folder and returns its path.

xlwings' remote-interpreter Book (``xw.Book(json=...)``) has no file behind it: its payload holds
cell values only — no merges, hidden columns or formulas. That engine is rectxl's *test harness*
for the write side (the buttons never use it); it is read as values (:func:`grids_from_book`),
so a ledger with merged cells can read differently there. See docs/dev/xlwings-remote.md.

**Writing** is batched and engine-neutral: each output sheet is one 2-D ``value`` write (hyperlinks
are ``HYPERLINK`` formulas inside that block) plus a fixed number of format calls; highlights are
one colour call per contiguous run. Text is written with a leading apostrophe, Excel's
text prefix, so Excel stores it as text and never turns "6月30日" into a date, "2024.6" into a
number or "001" into 1 (the apostrophe is not part of the cell's value).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from rectxl.core.errors import RectxlError
from rectxl.core.grid import Grid
from rectxl.core.names import FINDINGS_SHEET, OWNED_SHEET_TAG, RECORD_TAG
from rectxl.core.report import cell_text
from rectxl.core.sheets import MARKS_SHEET, Highlight, SheetSpec
from rectxl.core.text import col_letter

__all__ = [
    "FILE_FORMATS",
    "TEXT_PREFIX",
    "book_path",
    "clear_marks",
    "color_runs",
    "grids_from_book",
    "has_marks",
    "is_desktop",
    "saved_copy",
    "show_sheet",
    "write_marks",
    "write_spec",
]

#: Excel's ``XlFileFormat`` → the extension the file reader needs for a copy in that format
#: (``SaveCopyAs`` always writes the workbook's own format, whatever the name says)
FILE_FORMATS = {
    51: ".xlsx",  # xlOpenXMLWorkbook
    52: ".xlsm",  # xlOpenXMLWorkbookMacroEnabled
    54: ".xlsx",  # xlOpenXMLTemplate (the same package as .xlsx)
    53: ".xlsm",  # xlOpenXMLTemplateMacroEnabled
    50: ".xlsb",  # xlExcel12
    56: ".xls",   # xlExcel8
    -4143: ".xls",  # xlWorkbookNormal
    60: ".ods",   # xlOpenDocumentSpreadsheet
}
#: Excel's text prefix: a value written as "'6月30日" is stored as the text "6月30日"
TEXT_PREFIX = "'"
#: the add-in's VBA function that saves a copy on macOS (see macros/rectxl.bas)
MAC_SAVE_COPY_MACRO = "rectxl.xlam!RectxlSaveCopy"
_ADDRESS = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def is_desktop(book: Any) -> bool:
    """True for a workbook open in desktop Excel (COM or AppleScript), False for xlwings' remote
    interpreter (a JSON payload, used by the tests)."""
    try:
        return str(book.app.engine.type) != "remote"
    except Exception:
        return False


def book_path(book: Any) -> Path | None:
    """Where the workbook is saved, or None for a new, never-saved workbook (or no file)."""
    try:
        full = str(book.fullname or "")
    except Exception:  # the remote engine; a OneDrive/SharePoint URL xlwings cannot map to a folder
        return None
    path = Path(full) if full else None
    if path is None or not path.is_absolute() or not path.parent.is_dir():
        return None
    return path


def _copy_name(book: Any, suffix: str) -> str:
    """The temporary copy's file name: the workbook's own name (the reader's messages show it)."""
    stem = Path(str(book.name)).stem or "工作簿"
    return f"{stem}{suffix}"


@contextmanager
def saved_copy(book: Any) -> Iterator[Path | None]:
    """The workbook's current state as a file (deleted afterwards), or None on the remote engine.

    Windows: ``Workbook.SaveCopyAs`` through COM into a new temporary folder. macOS: the add-in's
    ``RectxlSaveCopy`` (Excel may only write inside its sandbox). The open workbook keeps its
    path, its name and its saved/unsaved state."""
    if not is_desktop(book):
        yield None
        return
    if sys.platform == "darwin":
        path = _save_copy_mac(book)
        try:
            yield path
        finally:
            path.unlink(missing_ok=True)
        return
    folder = Path(tempfile.mkdtemp(prefix="rectxl-"))
    try:
        yield _save_copy_com(book, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unsupported_format(book: Any) -> RectxlError:
    return RectxlError(f"“{book.name}”不是 Excel 工作簿格式（可能是 CSV 或文本文件），rectxl 无法按台账读取："
                       "请先另存为 Excel 工作簿（.xlsx），再点此按钮。")


def _save_copy_com(book: Any, folder: Path) -> Path:
    workbook = book.api
    suffix = FILE_FORMATS.get(int(workbook.FileFormat))
    if suffix is None:
        raise _unsupported_format(book)
    target = folder / _copy_name(book, suffix)
    try:
        workbook.SaveCopyAs(str(target))
    except Exception as exc:  # a COM error: disk full, no permission, …
        raise RectxlError(f"无法读取当前工作簿：Excel 未能保存临时副本（{exc}）。") from None
    if not target.is_file():
        raise RectxlError(f"无法读取当前工作簿：Excel 没有写出临时副本（{target}）。")
    return target


def _save_copy_mac(book: Any) -> Path:
    name = f"rectxl-{uuid.uuid4().hex[:12]}"
    try:
        written = book.app.macro(MAC_SAVE_COPY_MACRO)(book.name, name)
    except Exception as exc:
        raise RectxlError("在 macOS 上读取工作簿需要 rectxl 加载项（rectxl.xlam）："
                          f"请运行 rectxl addin install 并重新启动 Excel（{exc}）。") from None
    if not written:
        raise _unsupported_format(book)
    path = Path(str(written))
    if not path.is_file():
        raise RectxlError(f"无法读取当前工作簿：Excel 没有写出临时副本（{path}）。")
    return path


def grids_from_book(book: Any) -> list[Grid]:
    """Every worksheet of a remote-engine book as a :class:`Grid` of values (one read each, from
    A1; error cells as their text, "#N/A", like the file reader). The payload has no merges,
    hidden columns or formulas, so the grids have none: this is the test harness's path only."""
    grids: list[Grid] = []
    for sheet in book.sheets:
        last = sheet.used_range.last_cell
        values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2, err_to_str=True).value or []
        rows = [[_cell(v) for v in row] for row in values]
        grids.append(Grid(name=sheet.name, rows=rows))
    return grids


def _cell(value: Any) -> Any:
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def show_sheet(sheet: Any) -> None:
    """Make ``sheet`` the active sheet of its workbook. Through the engine's own sheet object:
    ``xlwings.Sheet.activate`` would also activate the workbook and bring Excel's window to the
    front, which on Windows raises "Could not activate App!" when another Excel instance is
    the active one."""
    sheet.impl.activate()


def _sheet(book: Any, name: str) -> Any | None:
    for sheet in book.sheets:
        if sheet.name == name:
            return sheet
    return None


def _shown(value: Any) -> Any:
    """What the cell is to show: the text exactly (less the control characters a cell cannot
    hold, as the file writer does), other values as they are (dates stay dates, numbers numbers).
    A text starting like a formula stays text through the prefix :func:`_written` puts in front."""
    return "" if value is None else cell_text(value)


def _written(value: Any) -> Any:
    """``value`` as it is written through ``Range.Value``: non-empty text behind Excel's text
    prefix, so that Excel keeps it as text (never a date, number, boolean or formula)."""
    if isinstance(value, str) and value:
        return TEXT_PREFIX + value
    return value


# -- the record: which cells rectxl coloured, which sheets it made ----------------------------

#: the record sheet's header (the file writer's record has the same, see rectxl.io.marks)
_RECORD_HEADER = ["sheet", "cell", "original_fill"]


def _sheets(book: Any) -> dict[str, Any]:
    """The book's sheets by name, in one pass (each sheet's name is a call into Excel)."""
    return {sheet.name: sheet for sheet in book.sheets}


#: what the buttons say of a workbook the command line marked
MARKED_BY_THE_COMMAND_LINE = (
    "这个工作簿中的标记和结果表是 rectxl 命令行（rectxl annotate）写入的，Excel 按钮无法原样撤销它们："
    "请先运行 rectxl annotate --clear 清除（或打开标记前的原文件），再使用按钮。")


def _record_rows(marks: Any | None) -> list[list[str]]:
    """The rows of rectxl's record sheet (without its header): coloured cells and made sheets.

    A record the command line wrote (its head row ``#rectxl``) keeps cell formats and sheets only
    it can give back exactly: no button writes over it or clears it (a :class:`RectxlError`)."""
    if marks is None:
        return []
    last = marks.used_range.last_cell
    rows = marks.range((1, 1), (last.row, max(last.column, 3))).options(ndim=2).value or []
    if len(rows) > 1 and rows[1] and rows[1][0] == RECORD_TAG:
        raise RectxlError(MARKED_BY_THE_COMMAND_LINE)
    return [["" if v is None else str(v) for v in [*row, "", "", ""][:3]] for row in rows[1:]]


def _write_record(book: Any, marks: Any | None, rows: list[list[Any]]) -> None:
    """Write the record (``marks``: the record sheet, None to add it, hidden)."""
    if marks is None:
        marks = book.sheets.add(MARKS_SHEET, after=book.sheets[len(book.sheets) - 1])
    else:
        marks.clear()
    marks.range((1, 1)).value = [[_written(v) for v in row] for row in [_RECORD_HEADER, *rows]]
    marks.visible = False


def _owned_sheets(rows: list[list[str]]) -> list[str]:
    return [name for tag, name, _ in rows if tag == OWNED_SHEET_TAG and name]


def _target_sheet(sheets: dict[str, Any], spec: SheetSpec, owned: list[str]) -> str:
    """The name to write ``spec`` under: its own name, unless a sheet of that name is the
    user's — then "校验结果(rectxl)", "校验结果(rectxl2)" … (as the file writer names them)."""
    for n in range(1, 100):
        name = spec.name if n == 1 else f"{spec.name}(rectxl{'' if n == 2 else n - 1})"
        sheet = sheets.get(name)
        if sheet is None or name in owned or _made_by_rectxl(sheet, spec):
            return name
    raise RectxlError(f"工作簿中已有太多名为“{spec.name}”的工作表，无法写入 rectxl 的结果")


def _made_by_rectxl(sheet: Any, spec: SheetSpec) -> bool:
    """A sheet an earlier rectxl wrote without recording it: it holds rectxl's own header row."""
    header = [str(v) for v in spec.rows[spec.header_row]] if len(spec.rows) > spec.header_row else []
    if not header:
        return False
    row = spec.header_row + 1
    found = sheet.range((row, 1), (row, len(header))).options(ndim=1).value or []
    return [("" if v is None else str(v)) for v in found] == header


def write_spec(book: Any, spec: SheetSpec) -> Any:
    """Write ``spec`` as sheet ``spec.name`` in a few batched calls: replacing the sheet an
    earlier run made, never a sheet of the user's (see :func:`_target_sheet`); the sheet is
    recorded as rectxl's, so that 清除标记 removes it and nothing else."""
    sheets = _sheets(book)
    record = _record_rows(sheets.get(MARKS_SHEET))
    owned = _owned_sheets(record)
    name = _target_sheet(sheets, spec, owned)
    sheet = sheets.get(name)
    if sheet is None:
        try:
            sheet = book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])
        except Exception as exc:  # a COM error: the workbook's structure is protected
            raise RectxlError(f"无法在工作簿中添加“{name}”工作表（工作簿结构可能受保护）：请先撤销工作簿保护"
                              "（审阅 → 保护工作簿）再试；台账本身没有被改动。") from exc
    else:
        sheet.clear()
    if name not in owned:
        _write_record(book, sheets.get(MARKS_SHEET), [*record, [OWNED_SHEET_TAG, name, ""]])
    width = max(len(spec.widths), max((len(r) for r in spec.rows), default=0))
    shown = [[_shown(v) for v in row] + [""] * (width - len(row)) for row in spec.rows]
    block = [[_written(v) for v in row] for row in shown]
    for (r, c), (target_sheet, ref) in spec.links.items():
        text = str(shown[r][c]).replace('"', '""')
        target = str(target_sheet).replace("'", "''")
        block[r][c] = f'=HYPERLINK("#\'{target}\'!{ref}","{text}")'
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
            sheet.range(f"{col_letter(c)}{min(rows) + 1}:{col_letter(c)}{max(rows) + 1}").number_format = \
                spec.percent_format
    if len(spec.rows) > header:  # the table's long texts wrapped, in one call
        sheet.range(f"A{header}:{last}{len(spec.rows)}").wrap_text = True
    # spec.print_setup (orientation, fit to one page wide, print titles) is not applied here:
    # xlwings reaches PageSetup only through desktop Excel's COM object (sheet.api.PageSetup),
    # which the remote engine does not have; the file writer (rectxl.io.xlsx_out) applies it.
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


def _fill_record(color: Any, highlight: str, text: str = "", row: str = "") -> str:
    """The marks sheet's ``original_fill`` in the file writer's JSON form (no fill keys when the
    engine cannot read it), with ``h``, the colour rectxl gave the cell, ``v``, the cell's text,
    and ``row``, its row's texts (by which 清除标记 finds a mark a sort moved)."""
    found: dict[str, Any] = {"h": highlight}
    if color is None:
        found = {"fill_type": None, "fg": None, "bg": None, "h": highlight}
    elif isinstance(color, tuple | list) and len(color) == 3:
        rgb = "FF" + "".join(f"{int(v):02X}" for v in color)
        solid = {"type": "rgb", "value": rgb, "tint": 0.0}
        found = {"fill_type": "solid", "fg": solid, "bg": solid, "h": highlight}
    if text:
        found["v"] = text
    if row:
        found["row"] = row
    return json.dumps(found, ensure_ascii=False)


def _sheet_texts(sheet: Any) -> dict[int, dict[str, str]]:
    """The text cells of ``sheet``'s used range: row → column letter → text (one call)."""
    try:
        used = sheet.used_range
        values = used.options(ndim=2).value or []
        top, left = used.row, used.column
    except Exception:  # an engine that cannot tell: marks are then followed by address only
        return {}
    found: dict[int, dict[str, str]] = {}
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip():
                found.setdefault(top + i, {})[col_letter(left + j - 1)] = v
    return found


def _row_key(texts: dict[int, dict[str, str]], row: int) -> str:
    """A row told by its texts, column by column (a sorted row keeps them)."""
    cells = texts.get(row, {})
    return "\u241f".join(f"{c}={cells[c]}" for c in sorted(cells, key=lambda c: (len(c), c)))


def _place(ref: str) -> tuple[str, int] | None:
    m = _ADDRESS.fullmatch(ref)
    return (m.group(1), int(m.group(2))) if m is not None else None


def _original_fills(sheet: Any, runs: list[tuple[str, str | None]]) -> dict[str, Any]:
    """Each cell's fill before it is marked (``...`` where the engine cannot read formats): one
    call per run of cells when they all show one fill (none, most often), a call per cell only
    where they differ — Excel answers a mixed range with Null, which xlwings cannot convert."""
    found: dict[str, Any] = {}
    for address, _ in runs:
        refs = _refs(address)
        try:
            color = sheet.range(address).color if len(refs) > 1 else ...
        except NotImplementedError:  # the remote engine cannot read formats
            found.update(dict.fromkeys(refs, ...))
            continue
        except Exception:  # a mixed range
            color = ...
        if color is not ...:
            found.update(dict.fromkeys(refs, color))
            continue
        for ref in refs:
            try:
                found[ref] = sheet.range(ref).color
            except NotImplementedError:
                found[ref] = ...
    return found


def write_marks(book: Any, cells_by_sheet: Mapping[str, dict[str, Highlight]]) -> int:
    """Colour the cells of each ledger sheet and record them (with their original fill where the
    engine can read it) in the hidden marks sheet. Returns the number of colour calls.

    The record is written before any cell is coloured: a sheet that refuses a colour half-way
    (protected against formatting) leaves only colours 清除标记 can give back, and the clerk is
    told which sheet to unprotect."""
    records: list[list[Any]] = []
    runs_by_sheet: list[tuple[str, Any, list[tuple[str, str | None]]]] = []
    sheets = _sheets(book)
    for ledger_sheet, cells in cells_by_sheet.items():
        sheet = sheets.get(ledger_sheet)
        if sheet is None or not cells:
            continue
        texts = _sheet_texts(sheet)
        runs = color_runs({ref: f"#{h.color}" for ref, h in cells.items()})
        originals = _original_fills(sheet, runs)
        for ref, highlight in cells.items():
            col, row = _place(ref) or ("", 0)
            records.append([ledger_sheet, ref, _fill_record(originals[ref], highlight.color.upper(),
                                                            texts.get(row, {}).get(col, ""), _row_key(texts, row))])
        runs_by_sheet.append((ledger_sheet, sheet, runs))
    marks = sheets.get(MARKS_SHEET)
    made = [[OWNED_SHEET_TAG, name, ""] for name in _owned_sheets(_record_rows(marks))]
    _write_record(book, marks, [*records, *made])
    calls = 0
    for name, sheet, runs in runs_by_sheet:
        try:
            for address, color in runs:
                sheet.range(address).color = color
                calls += 1
        except Exception as exc:  # a COM error: Excel refused the format
            raise RectxlError(
                f"工作表“{name}”不允许设置单元格格式（可能受保护），标记没有全部完成：请先撤销该工作表的保护"
                "（审阅 → 撤销工作表保护）再点“标记问题”；已标上的颜色可用“清除标记”恢复。") from exc
    return calls


def has_marks(book: Any) -> bool:
    """rectxl coloured cells or made sheets in ``book`` (its record sheet is there)."""
    return _sheet(book, MARKS_SHEET) is not None


def _restore_color(record: str) -> tuple[str | None, str, str]:
    """(the colour to put back, None for no fill; the colour rectxl gave, "" when not recorded;
    the texts of the cell's row when it was marked, "" when not recorded)."""
    try:
        data = json.loads(record) if record else None
    except ValueError:
        return None, "", ""
    fg = (data or {}).get("fg") or {}
    given = str((data or {}).get("h") or "").upper()
    row = str((data or {}).get("row") or "")
    if data and data.get("fill_type") == "solid" and fg.get("type") == "rgb":
        return "#" + str(fg["value"])[-6:], given, row
    return None, given, row


def _shows(sheet: Any, address: str, color: str) -> bool | None:
    """The cells at ``address`` all show ``color`` (hex); None when the engine cannot tell."""
    try:
        current = sheet.range(address).color
    except NotImplementedError:  # the remote engine cannot read formats
        return None
    if not isinstance(current, tuple | list) or len(current) != 3:
        return False
    return "".join(f"{int(v):02X}" for v in current) == color


def _restore_moved(sheet: Any, moved: dict[str, tuple[str | None, str, str]]) -> int:
    """Marks a sort (or an inserted row) carried away from their cells: each found in its column
    on the row that now holds its row's texts, where it still shows rectxl's colour, and given
    its own fill back there."""
    if not moved:
        return 0
    texts = _sheet_texts(sheet)
    rows: dict[str, list[int]] = {}
    for r in texts:
        rows.setdefault(_row_key(texts, r), []).append(r)
    restored = 0
    for ref, (back, given, key) in moved.items():
        place = _place(ref)
        if place is None or not given:
            continue
        for r in rows.get(key, []):
            there = f"{place[0]}{r}"
            if there not in moved and _shows(sheet, there, given):
                sheet.range(there).color = back or None
                restored += 1
                break
    return restored


def _refs(address: str) -> list[str]:
    """The cells of a vertical run "F4:F9" (or one cell "F4")."""
    m = _ADDRESS.fullmatch(address)
    if m is None or m.group(3) is None:
        return [address]
    return [f"{m.group(1)}{r}" for r in range(int(m.group(2)), int(m.group(4)) + 1)]


def clear_marks(book: Any, *, keep_sheets: bool = False) -> int:
    """Undo rectxl's colours (restoring recorded fills) and delete the sheets it recorded as its
    own, then its record; cells restored. A record of an earlier rectxl names no sheets: the
    校验结果 that always came with it is removed, nothing else. With ``keep_sheets`` only the
    colours are undone: rectxl's sheets stay, and the record keeps naming them (标记问题 pressed
    again after 生成汇总 keeps the summary)."""
    restored = 0
    sheets = _sheets(book)
    rows = _record_rows(sheets.get(MARKS_SHEET))
    by_sheet: dict[str, dict[str, tuple[str | None, str, str]]] = {}
    for sheet_name, ref, fill in rows:
        if sheet_name and ref and sheet_name != OWNED_SHEET_TAG:
            by_sheet.setdefault(sheet_name, {})[ref] = _restore_color(fill)
    for sheet_name, cells in by_sheet.items():
        sheet = sheets.get(sheet_name)
        if sheet is None:
            continue
        # a run of cells is given its colour back only while it shows rectxl's: a cell the user
        # re-coloured, or another cell sorted into its place, keeps what it shows
        keys = {ref: f"{back or ''}|{given}" for ref, (back, given, _) in cells.items()}
        away: list[str] = []  # marked cells no longer showing rectxl's colour where they were
        for address, key in color_runs(keys):
            back, given = (key or "|").split("|")
            if given and _shows(sheet, address, given) is False:
                refs = [r for r in _refs(address) if _shows(sheet, r, given) is not False]
                away += [r for r in _refs(address) if r not in refs]
            else:
                refs = _refs(address)
            for ref in [address] if len(refs) == len(_refs(address)) else refs:
                sheet.range(ref).color = back or None
            restored += len(refs)
        restored += _restore_moved(sheet, {ref: cells[ref] for ref in away if cells[ref][2]})
    owned = _owned_sheets(rows) or ([FINDINGS_SHEET] if by_sheet else [])
    if keep_sheets:
        _write_record(book, sheets.get(MARKS_SHEET), [[OWNED_SHEET_TAG, name, ""] for name in _owned_sheets(rows)])
        return restored
    for name in [*owned, MARKS_SHEET]:
        sheet = sheets.get(name)
        if sheet is not None:
            sheet.delete()
    return restored

