"""Test helper: drive rectxl's Excel entry points without Excel.

xlwings' remote interpreter builds a ``Book`` from the JSON *payload* an Excel client posts
(``xw.Book(json=payload)``); every write is queued as an *action* in ``book.json()["actions"]``
instead of touching a workbook. This module

* builds that payload from an ``.xlsx`` fixture exactly as the clients shipped with xlwings
  0.37.8 serialise a workbook (see ``docs/dev/xlwings-remote.md``),
* opens it as a remote ``xw.Book``,
* queries the queued actions, and
* replays them onto a copy of the payload (``apply_actions``) so a test can assert the values
  and formats Excel would end up with.

Import it as ``from tests import xlwings_remote as xr``. Importing it sets
``XLWINGS_LICENSE_KEY=noncommercial`` if unset and makes sure xlwings' ``remote`` engine is
registered, even if xlwings was imported earlier without a key.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import openpyxl
import xlwings as xw
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "Client",
    "UnsupportedActionError",
    "actions",
    "actions_of",
    "address_of",
    "alerts",
    "apply_actions",
    "book_from_payload",
    "book_from_xlsx",
    "cell_format",
    "ensure_remote_engine",
    "frozen_at",
    "merged_ranges",
    "payload_from_xlsx",
    "read_values",
]

Client = Literal["Office.js", "VBA"]

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# Dates/datetimes as the remote engine writes them (Engine.prepare_xl_data_element)
_WRITTEN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$")
# Office.js reports worksheet visibility with these strings
_VISIBILITY = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}


class UnsupportedActionError(NotImplementedError):
    """``apply_actions`` met an action it does not emulate."""


# --------------------------------------------------------------------------------------------
# engine / book
# --------------------------------------------------------------------------------------------


def ensure_remote_engine() -> None:
    """Make ``xw.Book(json=...)`` work in this process.

    xlwings validates the licence when it is *first imported*; without ``XLWINGS_LICENSE_KEY``
    it silently skips the ``remote`` engine and ``xw.Book(json=...)`` raises ``LicenseError``.
    If that already happened, register the engine now (the key is set first).
    """
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    if any(engine.name == "remote" for engine in xw.engines):
        return
    from xlwings.pro import _xlremote

    xw.engines.add(xw.Engine(impl=_xlremote.engine))


ensure_remote_engine()


def book_from_payload(payload: Mapping[str, Any]) -> xw.Book:
    """``xw.Book(json=...)`` on a deep copy (the engine mutates its payload, e.g. sheets.add)."""
    ensure_remote_engine()
    return xw.Book(json=copy.deepcopy(dict(payload)))


def book_from_xlsx(
    path: Path | str,
    *,
    active_sheet: str | None = None,
    client: Client = "Office.js",
    **kwargs: Any,
) -> xw.Book:
    """Remote ``xw.Book`` for an .xlsx, as if ``client`` had posted it from Excel."""
    return book_from_payload(
        payload_from_xlsx(Path(path), active_sheet=active_sheet, client=client, **kwargs)
    )


# --------------------------------------------------------------------------------------------
# payload
# --------------------------------------------------------------------------------------------


def _iso(value: dt.datetime, client: Client) -> str:
    """A date cell as the clients send it: wall-clock time, ISO 8601, 'Z' appended.

    Office.js: ``new Date(Math.round((serial - 25569) * 86400 * 1000)).toISOString()``
    (millisecond precision). VBA: ``Format$(date, "yyyy-mm-ddTHH:mm:ss.000Z")``.
    """
    value = value.replace(tzinfo=None)
    if client == "VBA":
        value = value.replace(microsecond=0) + dt.timedelta(
            seconds=round(value.microsecond / 1_000_000)
        )
        return value.strftime("%Y-%m-%dT%H:%M:%S") + ".000Z"
    value = value.replace(microsecond=0) + dt.timedelta(
        milliseconds=round(value.microsecond / 1000)
    )
    return value.strftime("%Y-%m-%dT%H:%M:%S") + f".{value.microsecond // 1000:03d}Z"


def _number(value: float) -> int | float:
    # Excel stores doubles; both clients JSON-encode integral ones without a fraction, so
    # Python's json.loads hands the engine an int (1, not 1.0).
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _empty(client: Client) -> Any:
    # Office.js Range.values has "" for an empty cell; VBA-JSON encodes Empty as null.
    return "" if client == "Office.js" else None


def _serialise(value: Any, client: Client) -> Any:
    if value is None:
        return _empty(client)
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return _iso(value, client)
    if isinstance(value, dt.date):
        return _iso(dt.datetime.combine(value, dt.time()), client)
    if isinstance(value, dt.time):
        return _iso(dt.datetime.combine(_EXCEL_EPOCH.date(), value), client)
    if isinstance(value, dt.timedelta):
        return _iso(_EXCEL_EPOCH + value, client)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, int | str):
        return value  # error cells arrive from openpyxl as "#N/A", "#DIV/0!", ...
    return str(value)


def _is_uncached_formula(formula_cell: Any, value: Any) -> bool:
    if value is not None:
        return False
    raw = formula_cell.value
    return formula_cell.data_type == "f" or (isinstance(raw, str) and raw.startswith("="))


def _address(min_col: int, min_row: int, max_col: int, max_row: int, absolute: bool) -> str:
    d = "$" if absolute else ""
    first = f"{d}{get_column_letter(min_col)}{d}{min_row}"
    if (min_col, min_row) == (max_col, max_row):
        return first
    return f"{first}:{d}{get_column_letter(max_col)}{d}{max_row}"


def _tables(ws: Worksheet, client: Client) -> list[dict[str, Any]]:
    absolute = client == "VBA"  # VBA sends ListObject.Range.Address (absolute)
    result = []
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        headers = 1 if table.headerRowCount is None else int(table.headerRowCount)
        totals = int(table.totalsRowCount or 0)
        body_first, body_last = min_row + headers, max_row - totals
        style = table.tableStyleInfo.name if table.tableStyleInfo is not None else None
        result.append(
            {
                "name": table.displayName or table.name,
                "range_address": _address(min_col, min_row, max_col, max_row, absolute),
                "header_row_range_address": (
                    _address(min_col, min_row, max_col, min_row, absolute) if headers else None
                ),
                "data_body_range_address": (
                    _address(min_col, body_first, max_col, body_last, absolute)
                    if body_last >= body_first
                    else None
                ),
                "total_row_range_address": (
                    _address(min_col, max_row, max_col, max_row, absolute) if totals else None
                ),
                "show_headers": bool(headers),
                "show_totals": bool(totals),
                "table_style": style,
                "show_autofilter": table.autoFilter is not None,
            }
        )
    return result


def _pictures(ws: Worksheet) -> list[dict[str, Any]]:
    return [
        {"name": f"Picture {ix}", "width": img.width * 0.75, "height": img.height * 0.75}
        for ix, img in enumerate(getattr(ws, "_images", []), start=1)
    ]


def _names(
    wb: openpyxl.Workbook, sheet_index: dict[str, int], client: Client
) -> list[dict[str, Any]]:
    """Named *ranges* only (both clients skip constants/formulas); hidden _xlnm.* skipped."""

    def entry(defn: Any, scope: str | None) -> dict[str, Any] | None:
        if defn.name.startswith("_xlnm.") or defn.hidden:
            return None
        try:
            destinations = list(defn.destinations)
        except Exception:  # not a range reference
            return None
        if len(destinations) != 1 or destinations[0][0] not in sheet_index:
            return None
        target_sheet, coord = destinations[0]
        name = defn.name
        if scope is not None and client == "VBA":
            name = f"{scope}!{name}"  # Excel's Name.Name for a sheet-scoped name
        return {
            "name": name,
            "sheet_index": sheet_index[target_sheet],
            "address": coord.replace("$", ""),
            "book_scope": scope is None,
            "scope_sheet_name": scope,
            "scope_sheet_index": None if scope is None else sheet_index[scope],
        }

    result = [entry(defn, None) for defn in wb.defined_names.values()]
    for ws in wb.worksheets:
        if isinstance(ws, Worksheet):
            result += [entry(defn, ws.title) for defn in ws.defined_names.values()]
    return [item for item in result if item is not None]


def _selection(ws: Worksheet) -> str:
    try:
        sqref = str(ws.sheet_view.selection[0].sqref or "A1")
    except (IndexError, AttributeError):
        return "A1"
    return sqref.replace(" ", ",")  # Excel writes multi-area selections space-separated


def payload_from_xlsx(
    path: Path,
    *,
    active_sheet: str | None = None,
    client: Client = "Office.js",
    selection: str | None = None,
    on_uncached_formula: Literal["error", "empty"] = "error",
    harness_extras: bool = False,
) -> dict[str, Any]:
    """The JSON payload an Excel client would post for the workbook at ``path``.

    Values are the *cached* results (``data_only=True``), laid out from A1 to the last cell of
    the used range, exactly like the clients: dates/times as ISO strings ending in ``Z``,
    integral numbers as ``int``, errors as ``"#N/A"``-style strings, empty cells as ``""``
    (Office.js) or ``None`` (VBA). Merged ranges, hidden rows, formats and formulas are *not*
    part of any client's payload.

    ``client="Office.js"`` (default) additionally emits the per-sheet keys newer Office.js
    clients send and the 0.37.8 engine reads (``visibility``, ``used_range_address``,
    ``show_gridlines``, ``notes``, ...), which unlock ``sheet.visible``,
    ``range.horizontal_alignment`` and friends. ``client="VBA"`` reproduces ``Remote.bas``.

    A formula cell without a cached value (a workbook written by openpyxl and never opened in
    Excel) would be empty here but computed in Excel, so it raises ``ValueError`` unless
    ``on_uncached_formula="empty"``.

    ``harness_extras=True`` adds per-sheet keys no real client sends: ``_merged_ranges``
    (``["A1:L1", ...]``), ``_hidden_rows`` (1-based) and ``_hidden_columns`` (1-based). The
    engine ignores them; code under test can only see them through ``sheet.api`` (a dict on
    the remote engine), so use them only if you deliberately support that test-only path.
    """
    path = Path(path)
    values_wb = openpyxl.load_workbook(path, data_only=True)
    formulas_wb = openpyxl.load_workbook(path, data_only=False)
    sheets = [ws for ws in values_wb.worksheets if isinstance(ws, Worksheet)]  # no chartsheets
    sheet_index = {ws.title: ix for ix, ws in enumerate(sheets)}

    if active_sheet is None:
        active = values_wb.active
        active_ix = sheet_index.get(active.title, 0) if active is not None else 0
    else:
        if active_sheet not in sheet_index:
            raise KeyError(f"no worksheet {active_sheet!r} in {path.name}")
        active_ix = sheet_index[active_sheet]

    uncached: list[str] = []
    sheet_payloads = []
    for ws in sheets:
        fws = formulas_wb[ws.title]
        has_cells = bool(ws._cells)
        # read the extent before iter_rows(), which materialises every cell it visits
        extent = (ws.min_column, ws.min_row, ws.max_column, ws.max_row)
        if has_cells:
            rows = [
                [_serialise(v, client) for v in row]
                for row in ws.iter_rows(
                    min_row=1,
                    min_col=1,
                    max_row=extent[3],
                    max_col=extent[2],
                    values_only=True,
                )
            ]
            for (row, col), fcell in fws._cells.items():
                if _is_uncached_formula(fcell, ws.cell(row, col).value):
                    uncached.append(f"{ws.title}!{fcell.coordinate}")
        else:
            rows = [[]] if client == "VBA" else [[""]]

        sheet: dict[str, Any]
        if client == "VBA":
            sheet = {"name": ws.title, "pictures": _pictures(ws), "tables": _tables(ws, client)}
            sheet["values"] = rows
        else:
            sheet = {
                "name": ws.title,
                "values": rows,
                "pictures": _pictures(ws),
                "tables": _tables(ws, client),
                # keys below: read by the 0.37.8 engine, sent by newer Office.js clients
                "visibility": _VISIBILITY.get(ws.sheet_state, "Visible"),
                "used_range_address": (
                    _address(*extent, False)
                    if has_cells
                    else None
                ),
                "show_gridlines": ws.sheet_view.showGridLines is not False,
                "notes": [
                    {"address": cell.coordinate}
                    for row in ws.iter_rows()
                    for cell in row
                    if cell.comment is not None
                ],
                "shapes": [],
                "charts": [],
                "pivot_tables": [],
                "print_area": None,
            }
        if harness_extras:
            sheet["_merged_ranges"] = sorted(
                (str(rng) for rng in ws.merged_cells.ranges),
                key=lambda a: (range_boundaries(a)[1], range_boundaries(a)[0]),
            )
            sheet["_hidden_rows"] = sorted(
                r for r, dim in ws.row_dimensions.items() if dim.hidden
            )
            sheet["_hidden_columns"] = sorted(
                {c for dim in ws.column_dimensions.values() if dim.hidden
                 for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1)}
            )
        sheet_payloads.append(sheet)

    if uncached and on_uncached_formula == "error":
        shown = ", ".join(uncached[:10]) + (" ..." if len(uncached) > 10 else "")
        raise ValueError(
            f"{path.name}: formula cells without a cached value ({shown}); Excel would show "
            "their results. Write the values instead, or pass on_uncached_formula='empty'."
        )

    if selection is None:
        selection = _selection(sheets[active_ix]) if sheets else "A1"
    return {
        "client": client,
        "version": xw.__version__,
        "book": {"name": path.name, "active_sheet_index": active_ix, "selection": selection},
        "names": _names(values_wb, sheet_index, client),
        "sheets": sheet_payloads,
    }


# --------------------------------------------------------------------------------------------
# actions
# --------------------------------------------------------------------------------------------

ActionSource = xw.Book | Mapping[str, Any] | Sequence[Mapping[str, Any]]


def actions(source: ActionSource) -> list[dict[str, Any]]:
    """The queued actions: ``book.json()["actions"]`` (also accepts that dict or a list)."""
    if isinstance(source, xw.Book):
        return list(source.json()["actions"])
    if isinstance(source, Mapping):
        return list(source["actions"])
    return [dict(action) for action in source]


def actions_of(
    source: ActionSource,
    func: str | Iterable[str] | None = None,
    *,
    sheet_position: int | None = None,
) -> list[dict[str, Any]]:
    """Actions filtered by ``func`` name(s) and/or 0-based ``sheet_position``."""
    funcs = {func} if isinstance(func, str) else (set(func) if func is not None else None)
    return [
        action
        for action in actions(source)
        if (funcs is None or action["func"] in funcs)
        and (sheet_position is None or action.get("sheet_position") == sheet_position)
    ]


def address_of(action: Mapping[str, Any]) -> str:
    """A1 address (no ``$``) of a range action, e.g. ``"H12"`` or ``"A1:F3"``."""
    if action.get("start_row") is None:
        raise ValueError(f"{action['func']} does not target a range")
    r0, c0 = action["start_row"] + 1, action["start_column"] + 1
    return _address(c0, r0, c0 + action["column_count"] - 1, r0 + action["row_count"] - 1, False)


def alerts(source: ActionSource) -> list[dict[str, str]]:
    """``book.app.alert(...)`` calls as dicts (prompt, title, buttons, mode, callback)."""
    keys = ("prompt", "title", "buttons", "mode", "callback")
    return [dict(zip(keys, action["args"], strict=True)) for action in actions_of(source, "alert")]


# --------------------------------------------------------------------------------------------
# apply_actions
# --------------------------------------------------------------------------------------------

# Actions that only change formatting/layout: recorded on the sheet (key _HARNESS_OPS) and
# interpreted by cell_format / merged_ranges / frozen_at.
_FORMAT_ACTIONS = frozenset(
    {
        "setRangeColor",
        "setRangeColors",
        "setFontProperty",
        "setNumberFormat",
        "setWrapText",
        "setHorizontalAlignment",
        "setVerticalAlignment",
        "setBorderProperty",
        "rangeClearFormats",
        "setColumnWidth",
        "setRowHeight",
        "setRowHidden",
        "setColumnHidden",
        "rangeMerge",
        "rangeUnmerge",
        "addHyperlink",
        "rangeClear",
        "sheetClear",
        "sheetClearFormats",
        "freezePaneAtRange",
        "freezePaneUnfreeze",
        "addNote",
        "setNoteText",
        "deleteNote",
    }
)
# Actions with no effect on the workbook's stored state (UI only).
_NOOP_ACTIONS = frozenset(
    {"alert", "rangeSelect", "setAutofit", "setSheetAutofit", "calculate", "setScreenUpdating"}
)
_HARNESS_OPS = "_harness_ops"


def _client(payload: Mapping[str, Any]) -> Client:
    return "VBA" if payload.get("client") == "VBA" else "Office.js"


def _stored(value: Any, client: Client) -> Any:
    """What the client would send back for a value written by setValues/setFormula."""
    if value is None or value == "":
        return _empty(client)  # assigning "" empties the cell
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]  # Excel's text prefix: the rest is stored as text, never re-interpreted
    if isinstance(value, str) and _WRITTEN_DATE.match(value):
        # Excel parses the date strings xlwings writes into real dates
        return _iso(dt.datetime.fromisoformat(value), client)
    if isinstance(value, float) and not isinstance(value, bool):
        return _number(value)
    return value  # includes formulas ("=..."), kept verbatim, never evaluated


def _grid(sheet: dict[str, Any]) -> list[list[Any]]:
    values = sheet.get("values") or [[]]
    if values == [[]]:
        values = []
    sheet["values"] = values
    return values


def _resize(sheet: dict[str, Any], nrows: int, ncols: int, client: Client) -> list[list[Any]]:
    grid = _grid(sheet)
    width = max([ncols, *(len(row) for row in grid)])
    for row in grid:
        row.extend([_empty(client)] * (width - len(row)))
    while len(grid) < nrows:
        grid.append([_empty(client)] * width)
    return grid


def _grow_used_range(sheet: dict[str, Any], action: Mapping[str, Any]) -> None:
    if "used_range_address" not in sheet:
        return
    r0, c0 = action["start_row"] + 1, action["start_column"] + 1
    r1, c1 = r0 + action["row_count"] - 1, c0 + action["column_count"] - 1
    if sheet["used_range_address"]:
        min_col, min_row, max_col, max_row = range_boundaries(sheet["used_range_address"])
        r0, c0, r1, c1 = min(r0, min_row), min(c0, min_col), max(r1, max_row), max(c1, max_col)
    sheet["used_range_address"] = _address(c0, r0, c1, r1, False)


def _write_block(sheet: dict[str, Any], action: Mapping[str, Any], client: Client) -> None:
    values = action["values"]
    nrows, ncols = action["row_count"], action["column_count"]
    if not isinstance(values, list):  # setFormula with one formula for a bigger range
        values = [[values] * ncols for _ in range(nrows)]
    r0, c0 = action["start_row"], action["start_column"]
    grid = _resize(sheet, r0 + len(values), c0 + max(len(row) for row in values), client)
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            grid[r0 + i][c0 + j] = _stored(value, client)
    _grow_used_range(sheet, action)


def _clear_block(sheet: dict[str, Any], action: Mapping[str, Any], client: Client) -> None:
    """Empty the cells of ``action``'s rectangle that exist in the grid (never grows it)."""
    grid = _grid(sheet)
    r0, c0 = action["start_row"], action["start_column"]
    for r in range(r0, min(len(grid), r0 + action["row_count"])):
        row = grid[r]
        for c in range(c0, min(len(row), c0 + action["column_count"])):
            row[c] = _empty(client)


def _new_sheet(name: str, client: Client) -> dict[str, Any]:
    if client == "VBA":
        return {"name": name, "pictures": [], "tables": [], "values": [[]]}
    return {
        "name": name,
        "values": [[""]],
        "pictures": [],
        "tables": [],
        "visibility": "Visible",
        "used_range_address": None,
        "show_gridlines": True,
        "notes": [],
        "shapes": [],
        "charts": [],
        "pivot_tables": [],
        "print_area": None,
    }


def _record(sheet: dict[str, Any], action: Mapping[str, Any]) -> None:
    op = {key: action.get(key) for key in ("func", "args", "start_row", "start_column")}
    op["row_count"] = action.get("row_count")
    op["column_count"] = action.get("column_count")
    if op["start_row"] is None:  # sheet-level action: whole sheet
        op.update(start_row=0, start_column=0, row_count=MAX_ROWS, column_count=MAX_COLUMNS)
    sheet.setdefault(_HARNESS_OPS, []).append(op)


def apply_actions(payload: Mapping[str, Any], source: ActionSource) -> dict[str, Any]:
    """Replay actions onto a deep copy of ``payload`` and return it.

    Cell values change as Excel would store them and then report them in the next payload
    (dates written as ``"2024-01-02"`` come back as ISO strings, ``None``/``""`` as empty,
    formulas stay as their text because nothing is calculated). Format/layout actions are
    recorded per sheet for ``cell_format``/``merged_ranges``/``frozen_at``. The result can be
    fed to ``book_from_payload``/``read_values``. Any action not listed in
    docs/dev/xlwings-remote.md raises ``UnsupportedActionError``.
    """
    out = copy.deepcopy(dict(payload))
    client = _client(out)
    sheets: list[dict[str, Any]] = out["sheets"]
    book = out["book"]
    for action in actions(source):
        func = action["func"]
        args = action.get("args") or []
        pos: Any = action.get("sheet_position")
        sheet: Any = sheets[pos] if pos is not None else None
        if func in ("setValues", "setFormula"):
            _write_block(sheet, action, client)
        elif func in ("rangeClearContents", "rangeClear"):
            _clear_block(sheet, action, client)
            if func == "rangeClear":
                _record(sheet, action)
        elif func in ("sheetClearContents", "sheetClear"):
            whole = {"start_row": 0, "start_column": 0, "row_count": MAX_ROWS,
                     "column_count": MAX_COLUMNS}
            _clear_block(sheet, whole, client)
            if func == "sheetClear":
                _record(sheet, action)
        elif func == "addHyperlink":
            # Hyperlinks.Add(TextToDisplay=...) / range.hyperlink replace the cell's text
            text = args[1] if len(args) > 1 and args[1] is not None else args[0]
            block = [[text] * action["column_count"] for _ in range(action["row_count"])]
            _write_block(sheet, {**action, "values": block}, client)
            _record(sheet, action)
        elif func == "rangeMerge":
            # Excel keeps only the top-left value of each merged area (across=True: each row)
            for r0, c0, nr, nc in _merge_parts(action):
                right_of_anchor = {"start_row": r0, "start_column": c0 + 1, "row_count": 1,
                                   "column_count": nc - 1}
                below_anchor = {"start_row": r0 + 1, "start_column": c0, "row_count": nr - 1,
                                "column_count": nc}
                _clear_block(sheet, right_of_anchor, client)
                _clear_block(sheet, below_anchor, client)
            _record(sheet, action)
        elif func in ("addNote", "deleteNote"):
            notes = sheet.setdefault("notes", [])
            key = args[0].replace("$", "").upper()
            notes[:] = [n for n in notes if n["address"].replace("$", "").upper() != key]
            if func == "addNote":
                notes.append({"address": key})
            _record(sheet, action)
        elif func in _FORMAT_ACTIONS:
            _record(sheet, action)
        elif func in _NOOP_ACTIONS:
            pass
        elif func == "addSheet":
            ix, name = int(args[0]), args[1]
            sheets.insert(ix, _new_sheet(name, client))
            book["active_sheet_index"] = ix  # what the engine assumes after sheets.add()
        elif func == "sheetDelete":
            del sheets[pos]
            active = book["active_sheet_index"]
            if active > pos:
                book["active_sheet_index"] = active - 1
            elif active == pos:
                book["active_sheet_index"] = min(pos, len(sheets) - 1)
        elif func == "setSheetName":
            sheet["name"] = args[0]
        elif func == "activateSheet":
            book["active_sheet_index"] = int(args[0])
        elif func == "setSheetVisibility":
            sheet["visibility"] = args[0]
        elif func == "setShowGridlines":
            sheet["show_gridlines"] = bool(args[0])
        elif func == "setSheetPosition":
            active_name = sheets[book["active_sheet_index"]]["name"]
            sheets.insert(int(args[0]), sheets.pop(pos))
            book["active_sheet_index"] = [s["name"] for s in sheets].index(active_name)
        else:
            raise UnsupportedActionError(
                f"apply_actions does not emulate {func!r}; see docs/dev/xlwings-remote.md"
            )
    return out


# --------------------------------------------------------------------------------------------
# reading results
# --------------------------------------------------------------------------------------------


def _sheet(payload: Mapping[str, Any], sheet: str | int) -> dict[str, Any]:
    if isinstance(sheet, int):
        return payload["sheets"][sheet]
    for item in payload["sheets"]:
        if item["name"] == sheet:
            return item
    raise KeyError(sheet)


def read_values(
    payload: Mapping[str, Any], sheet: str | int, address: str | None = None
) -> list[list[Any]]:
    """Cell values as the remote engine decodes them (``.options(ndim=2).value``).

    ``address`` defaults to A1..last cell of the payload's grid. ``sheet`` is a name or a
    0-based index.
    """
    book = book_from_payload(payload)
    try:
        ws = book.sheets[sheet]
        if address is None:
            grid = _sheet(payload, sheet).get("values") or [[]]
            nrows, ncols = len(grid), max((len(row) for row in grid), default=0)
            if nrows == 0 or ncols == 0:
                return []
            rng = ws.range((1, 1), (nrows, ncols))
        else:
            rng = ws.range(address)
        return rng.options(ndim=2).value
    finally:
        book.close()


def _cells(address: str) -> tuple[int, int, int, int]:
    """0-based (row, col, nrows, ncols) of an A1 address (cell, range, 'A:A' or '2:2')."""
    min_col, min_row, max_col, max_row = range_boundaries(address.replace("$", ""))
    min_col, max_col = min_col or 1, max_col or MAX_COLUMNS
    min_row, max_row = min_row or 1, max_row or MAX_ROWS
    return min_row - 1, min_col - 1, max_row - min_row + 1, max_col - min_col + 1


def _covers(op: Mapping[str, Any], row: int, col: int) -> bool:
    return (
        op["start_row"] <= row < op["start_row"] + op["row_count"]
        and op["start_column"] <= col < op["start_column"] + op["column_count"]
    )


_ALIGNMENT_JS2PY = {
    "General": "general",
    "Left": "left",
    "Center": "center",
    "Right": "right",
    "Fill": "fill",
    "Justify": "justify",
    "CenterAcrossSelection": "center_across_selection",
    "Distributed": "distributed",
    "Top": "top",
    "Bottom": "bottom",
}


def cell_format(payload: Mapping[str, Any], sheet: str | int, address: str) -> dict[str, Any]:
    """Formatting of one cell after ``apply_actions`` (only what actions set; the fixture's own
    formats are unknown). Keys present only when set: ``color`` (fill ``#RRGGBB`` or ``None``
    after ``color = None``), ``font`` (dict: bold/italic/size/name/color), ``number_format``,
    ``wrap_text``, ``horizontal_alignment``, ``vertical_alignment``, ``borders``
    ({side: {attr: value}}), ``hyperlink`` ({address, text_to_display, screen_tip}),
    ``column_width``, ``row_height``, ``row_hidden``, ``column_hidden``, ``note`` (text).
    """
    row, col, _, _ = _cells(address)
    result: dict[str, Any] = {}
    for op in _sheet(payload, sheet).get(_HARNESS_OPS, []):
        if not _covers(op, row, col):
            continue
        func, args = op["func"], op["args"]
        if func in ("rangeClearFormats", "sheetClearFormats", "rangeClear", "sheetClear"):
            # ClearFormats keeps hyperlinks and notes; Clear ("clear all") drops them too
            kept = ["column_width", "row_height", "row_hidden", "column_hidden"]
            if func in ("rangeClearFormats", "sheetClearFormats"):
                kept += ["hyperlink", "note"]
            result = {k: v for k, v in result.items() if k in kept}
        elif func == "setRangeColor":
            result["color"] = args[0]
        elif func == "setRangeColors":
            color = args[0][row - op["start_row"]][col - op["start_column"]]
            if color != "keep":
                result["color"] = color
        elif func == "setFontProperty":
            result.setdefault("font", {})[args[0]] = args[1]
        elif func == "setNumberFormat":
            result["number_format"] = args[0]
        elif func == "setWrapText":
            result["wrap_text"] = args[0]
        elif func == "setHorizontalAlignment":
            result["horizontal_alignment"] = _ALIGNMENT_JS2PY.get(args[0], args[0])
        elif func == "setVerticalAlignment":
            result["vertical_alignment"] = _ALIGNMENT_JS2PY.get(args[0], args[0])
        elif func == "setBorderProperty":
            result.setdefault("borders", {}).setdefault(args[0], {})[args[1]] = args[2]
        elif func == "addHyperlink":
            keys = ("address", "text_to_display", "screen_tip")
            result["hyperlink"] = dict(zip(keys, args, strict=False))
        elif func == "setColumnWidth":
            result["column_width"] = args[0]
        elif func == "setRowHeight":
            result["row_height"] = args[0]
        elif func == "setRowHidden":
            result["row_hidden"] = args[0]
        elif func == "setColumnHidden":
            result["column_hidden"] = args[0]
        elif func in ("addNote", "setNoteText"):
            result["note"] = args[1]
        elif func == "deleteNote":
            result.pop("note", None)
    return result


def _merge_parts(action: Mapping[str, Any]) -> list[tuple[int, int, int, int]]:
    rect = (action["start_row"], action["start_column"], action["row_count"],
            action["column_count"])
    if action["args"][0]:  # merge(across=True): one area per row
        return [(rect[0] + i, rect[1], 1, rect[3]) for i in range(rect[2])]
    return [rect]


def merged_ranges(payload: Mapping[str, Any], sheet: str | int) -> list[str]:
    """Ranges merged by ``range.merge()`` actions (``across=True`` merges row by row)."""
    merged: list[tuple[int, int, int, int]] = []
    for op in _sheet(payload, sheet).get(_HARNESS_OPS, []):
        rect = (op["start_row"], op["start_column"], op["row_count"], op["column_count"])
        if op["func"] == "rangeMerge":
            merged = [m for m in merged if not _overlaps(m, rect)] + _merge_parts(op)
        elif op["func"] in ("rangeUnmerge", "rangeClear", "sheetClear"):
            merged = [m for m in merged if not _overlaps(m, rect)]
    return [_address(c + 1, r + 1, c + nc, r + nr, False) for r, c, nr, nc in merged]


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return not (
        a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
    )


def frozen_at(payload: Mapping[str, Any], sheet: str | int) -> str | None:
    """Argument of the last ``sheet.freeze_panes.freeze_at(...)`` (``None`` if unfrozen)."""
    state = None
    for op in _sheet(payload, sheet).get(_HARNESS_OPS, []):
        if op["func"] == "freezePaneAtRange":
            state = op["args"][0]
        elif op["func"] == "freezePaneUnfreeze":
            state = None
    return state
