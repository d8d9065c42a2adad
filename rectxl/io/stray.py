"""Stray cells: a few values typed far outside a sheet's data, read around instead of refused.

A clerk presses Ctrl+End (or Ctrl+↓, Ctrl+→) and types, or pastes into the wrong place: one value
at XFD1048576 beside an 80-row ledger. python-calamine would build a grid reaching that cell (a
million rows by 16,384 columns) and abort the process, so the cheap scans of
:mod:`rectxl.io.limits` and :mod:`rectxl.io.safety` flag such a sheet. A flagged sheet is then
looked at cell by cell (:func:`stray_cells`): the value cells' rows and columns, in order, end at
the first gap wider than all that lies before it (and than a floor); the few value cells beyond it
are stray. The reader gives calamine a copy of the package without them (:func:`without_cells`;
the user's file is never changed) and the ledger says where they are and what they held
(``stray-cell-ignored``). A sheet whose far cells are many, or whose data left after them is
still too large, is refused as before; a part larger than :data:`MAX_PART` is not looked at.
Empty formatted cells (``<c r="XFD1048576" s="1"/>``, or openpyxl's ``<c … t="n"></c>``) hold
nothing: calamine builds no grid for them, so they are neither stray nor refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rectxl.core.text import col_index
from rectxl.io.inflated import InflatedParts, open_part
from rectxl.io.ooxml import part_rels, workbook_part
from rectxl.io.xmlbytes import apply_edits, elements, first

__all__ = ["MAX_PART", "MAX_STRAYS", "StrayCell", "far_cells", "judged", "ods_may_stray", "ods_strays",
           "ods_without_cells", "stray_cells", "without_cells"]

#: at most this many far cells are read around; more are data, refused as before
MAX_STRAYS = 20
#: sheet parts larger than this (inflated) are not looked at cell by cell
MAX_PART = 128 << 20
#: a gap between rows (columns) is the data's end only when wider than this
_ROW_GAP, _COL_GAP = 1000, 26

_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)["']""")
_T = re.compile(rb"""(?:^|\s)t\s*=\s*["']([^"']*)["']""")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?(?:v|is|f)(?=[\s/>])")
_TEXT = re.compile(rb"<(?:[\w.-]+:)?(?:t|v)(?:\s[^>]*)?>([^<]*)<", re.S)


_Placed = TypeVar("_Placed", bound=tuple[Any, ...])


@dataclass(frozen=True)
class StrayCell:
    """A value cell far outside its sheet's data: A1, its bytes in the part, what it shows."""

    ref: str
    start: int
    end: int
    text: str


def stray_cells(xml: bytes, strings: Sequence[str] | None = None) -> list[StrayCell] | None:
    """The stray value cells of the sheet part ``xml`` (``strings``: the shared strings, for what
    they show); None when its far cells are not a few strays — too many, written without their
    ``r``, or leaving data too large even without them (the sheet is refused as before). An empty
    list: nothing far holds a value (formatted empty cells only)."""
    data = first(xml, "sheetData")
    if data is None:
        return []
    cells: list[tuple[int, int, int, int, bytes, bytes]] = []
    for cell in elements(xml, "c", data.tag_end, data.content_end):
        if cell.empty:
            continue
        body = xml[cell.tag_end:cell.end]
        if not _VALUE.search(body):
            continue  # formatted, empty: calamine builds nothing for it
        ref = _REF.search(cell.attrs)
        if ref is None:
            return None  # placed by its order: not judged here
        cells.append((int(ref.group(2)), col_index(ref.group(1).decode()) + 1, cell.start, cell.end,
                      cell.attrs, body))
    far = far_cells(cells)
    if far is None:
        return None
    return [StrayCell(f"{_letters(col)}{row}", start, end, _shown(attrs, body, strings))
            for row, col, start, end, attrs, body in far]


def far_cells(cells: Sequence[_Placed]) -> list[_Placed] | None:
    """Of value cells (1-based row and column first), those past the first gap wider than all
    the data before it, in rows or columns; None when they are more than :data:`MAX_STRAYS` or
    the data left is still too large (refused as before)."""
    from rectxl.io.safety import MAX_CELLS

    if not cells:
        return []
    last_row = _data_end(sorted({c[0] for c in cells}), _ROW_GAP)
    last_col = _data_end(sorted({c[1] for c in cells}), _COL_GAP)
    far = [c for c in cells if c[0] > last_row or c[1] > last_col]
    if len(far) > MAX_STRAYS or last_row * max(last_col, 16) > MAX_CELLS:
        return None
    return far


def judged(zf: zipfile.ZipFile, info: zipfile.ZipInfo, parts: InflatedParts | None) -> list[StrayCell] | None:
    """:func:`stray_cells` of the flagged sheet part ``info`` (kept in ``parts`` for the reader,
    which reads around them); None — refuse it — when it is larger than :data:`MAX_PART`."""
    if parts is not None and info.filename in parts.strays:
        return parts.strays[info.filename]
    if info.file_size > MAX_PART:
        return None
    try:
        with open_part(zf, info, parts) as fh:
            xml = fh.read(MAX_PART + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None
    if len(xml) > MAX_PART:
        return None
    try:
        found = stray_cells(xml)
        if found and any(c.text.isdigit() for c in found):
            found = stray_cells(xml, _strings(zf, max(int(c.text) for c in found if c.text.isdigit())))
    except ValueError:  # an unclosed element: the reader reports the broken part
        return None
    if parts is not None and found is not None:
        parts.strays[info.filename] = found
    return found


def _strings(zf: zipfile.ZipFile, wanted: int) -> list[str] | None:
    book = workbook_part(zf)
    if book is None:
        return None
    target = next((t for kind, t in part_rels(zf, book).values() if kind == "sharedStrings"), None)
    if target is None or target not in zf.NameToInfo or zf.getinfo(target).file_size > MAX_PART:
        return None
    return shared_strings(zf.read(target), wanted)


def _data_end(values: list[int], floor: int) -> int:
    """The last of the sorted ``values`` before the first gap wider than ``floor`` and than the
    whole span before it."""
    last = values[0]
    for value in values[1:]:
        if value - last > max(last, floor):
            return last
        last = value
    return last


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _shown(attrs: bytes, body: bytes, strings: Sequence[str] | None) -> str:
    kind = _T.search(attrs)
    texts = [t.decode("utf-8", "replace") for t in _TEXT.findall(body)]
    text = "".join(texts).strip()
    if kind is not None and kind.group(1) == b"s" and strings is not None:
        try:
            return strings[int(text)]
        except (ValueError, IndexError):
            return text
    return text


def shared_strings(xml: bytes, wanted: int) -> list[str]:
    """The first ``wanted`` + 1 shared strings of a ``sharedStrings`` part, as they read."""
    out: list[str] = []
    for item in elements(xml, "si"):
        out.append("".join(t.decode("utf-8", "replace") for t in _TEXT.findall(xml, item.tag_end, item.end)))
        if len(out) > wanted:
            break
    return out


def without_cells(source: zipfile.ZipFile, cells: Mapping[str, Sequence[StrayCell]]) -> io.BytesIO:
    """An in-memory copy of the package ``source`` whose sheet parts (by name) lack ``cells``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dest:
        for info in source.infolist():
            data = source.read(info)
            if cells.get(info.filename):
                data = apply_edits(data, [(c.start, c.end, b"") for c in cells[info.filename]])
            dest.writestr(info.filename, data)
    out.seek(0)
    return out


# -- OpenDocument: the same strays, in content.xml ------------------------------------------------------
# LibreOffice writes a sheet's unused area as repeated empty rows and cells
# (``table:number-rows-repeated="1048492"``): a value written after such a run is far away. calamine
# builds its grid to reach it (a million rows: a gigabyte and half a minute; a million by 16,384
# columns: it fails, and the file was called damaged).

_ODS_BIG_RUN = re.compile(rb"table:number-(rows|columns)-repeated\s*=\s*[\"']\d{4,}[\"']")
_ODS_TAG = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_ODS_VALUE = re.compile(rb"office:value-type\s*=|<text:p\b[^>]*>\s*[^<\s]|<text:span\b[^>]*>\s*[^<\s]")
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")
_ODS_ROWS = re.compile(rb"""table:number-rows-repeated\s*=\s*["'](\d+)["']""")
_ODS_COLS = re.compile(rb"""table:number-columns-repeated\s*=\s*["'](\d+)["']""")
_TAGS = re.compile(rb"<[^>]*>")


def ods_may_stray(xml: bytes) -> bool:
    """Whether a value comes after a long run of empty rows or cells in ``content.xml`` (cheap:
    a run nearly always ends its table or row, as LibreOffice writes the unused area)."""
    for m in _ODS_BIG_RUN.finditer(xml):  # (a literal first: fast over every cell's tag)
        if xml.startswith(b"<table:table-column", xml.rfind(b"<", 0, m.start())):
            continue  # the columns' formats, not cells
        end = xml.find(b"</table:table>" if m.group(1) == b"rows" else b"</table:table-row>", m.end())
        if _ODS_VALUE.search(xml, m.end(), len(xml) if end < 0 else end):
            return True
    return False


@dataclass
class _OdsTable:
    rows: set[int]
    cols: set[int]
    #: (first row, first col, rows, cols, start, end, attrs, body) of each value cell (0-based)
    cells: list[tuple[int, int, int, int, int, int, bytes, bytes]]


def ods_strays(xml: bytes) -> dict[str, list[StrayCell]] | None:
    """Table name → its stray value cells in the OpenDocument ``content.xml`` ``xml`` (the rule of
    :func:`stray_cells`); None when a table's far cells are not a few strays, or its data is too
    large even without them (refused, as an .xlsx is)."""
    from rectxl.io.safety import MAX_CELLS

    tables: dict[str, _OdsTable] = {}
    table: _OdsTable | None = None
    row = col = 0
    rows_run = 1
    pos = 0
    while (m := _ODS_TAG.search(xml, pos)) is not None:
        pos = m.end()
        closing, kind, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if kind == b"table":
            if closing:
                table = None
            elif not empty:
                name = _ODS_NAME.search(attrs)
                table = tables.setdefault(_text_of(name.group(1)) if name else "", _OdsTable(set(), set(), []))
                row = 0
        elif kind == b"table-row":
            if closing:
                row += rows_run
            else:
                run = _ODS_ROWS.search(attrs)
                rows_run, col = (int(run.group(1)) if run else 1), 0
                if empty:
                    row += rows_run
        elif table is not None and not closing:
            run = _ODS_COLS.search(attrs)
            cols_run = int(run.group(1)) if run else 1
            end = pos
            if not empty:
                close = xml.find(b"</table:" + kind + b">", pos)
                end = len(xml) if close < 0 else close + len(kind) + 9
            body = xml[m.end():end]
            if kind == b"table-cell" and (b"office:value-type" in attrs or _ODS_VALUE.search(body)):
                table.rows.update((row, row + rows_run - 1))
                table.cols.update((col, col + cols_run - 1))
                table.cells.append((row, col, rows_run, cols_run, m.start(), end, attrs, body))
            col += cols_run
            pos = end
    out: dict[str, list[StrayCell]] = {}
    for title, t in tables.items():
        if not t.cells:
            continue
        last_row = _data_end(sorted(r + 1 for r in t.rows), _ROW_GAP)
        last_col = _data_end(sorted(c + 1 for c in t.cols), _COL_GAP)
        far = [c for c in t.cells if c[0] + c[2] > last_row or c[1] + c[3] > last_col]
        if sum(c[2] * c[3] for c in far) > MAX_STRAYS or last_row * max(last_col, 16) > MAX_CELLS:
            return None
        out[title] = [StrayCell(f"{_letters(c + 1)}{r + 1}", start, end, _ods_shown(attrs, body))
                     for r, c, _, _, start, end, attrs, body in far]
    return {title: cells for title, cells in out.items() if cells}


def _text_of(raw: bytes) -> str:
    from html import unescape

    return unescape(raw.decode("utf-8", "replace"))


def _ods_shown(attrs: bytes, body: bytes) -> str:
    text = _text_of(_TAGS.sub(b"", body)).strip()
    if text:
        return text
    value = re.search(rb"""office:(?:string-)?value\s*=\s*["']([^"']*)["']""", attrs)
    return _text_of(value.group(1)) if value else ""


def ods_without_cells(source: zipfile.ZipFile, xml: bytes, cells: Mapping[str, Sequence[StrayCell]]) -> io.BytesIO:
    """An in-memory copy of the OpenDocument package ``source`` whose ``content.xml`` (``xml``) has
    ``cells`` emptied (each an empty cell of the same run: the table keeps its shape)."""
    edits = []
    for stray in (c for found in cells.values() for c in found):
        tag = _ODS_TAG.match(xml, stray.start)
        run = _ODS_COLS.search(tag.group(3)) if tag is not None else None
        edits.append((stray.start, stray.end, b"<table:table-cell table:number-columns-repeated=\"%s\"/>" % run.group(1)
                      if run else b"<table:table-cell/>"))
    content = apply_edits(xml, edits)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dest:
        for info in source.infolist():
            if info.filename == "mimetype":
                dest.writestr(info, source.read(info))  # stored, first: as OpenDocument wants it
            else:
                dest.writestr(info.filename, content if info.filename == "content.xml" else source.read(info))
    out.seek(0)
    return out
