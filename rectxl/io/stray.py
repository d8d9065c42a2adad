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

from rectxl.core.text import col_index
from rectxl.io.inflated import InflatedParts, open_part
from rectxl.io.ooxml import part_rels, workbook_part
from rectxl.io.xmlbytes import apply_edits, elements, first

__all__ = ["MAX_PART", "MAX_STRAYS", "StrayCell", "judged", "stray_cells", "without_cells"]

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
    from rectxl.io.safety import MAX_CELLS

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
    if not cells:
        return []
    last_row = _data_end(sorted({c[0] for c in cells}), _ROW_GAP)
    last_col = _data_end(sorted({c[1] for c in cells}), _COL_GAP)
    far = [c for c in cells if c[0] > last_row or c[1] > last_col]
    if len(far) > MAX_STRAYS or last_row * max(last_col, 16) > MAX_CELLS:
        return None
    return [StrayCell(f"{_letters(col)}{row}", start, end, _shown(attrs, body, strings))
            for row, col, start, end, attrs, body in far]


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
