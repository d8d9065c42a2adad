"""What python-calamine does not report about an .xlsx sheet, read from the sheet's XML.

- **Excel error values** (#REF!, #N/A …): calamine reads them as empty strings, but a ledger
  cell showing #REF! is a real problem an auditor must see (``cell-error``).
- **Formulas whose value was never computed**: a workbook written by a script (openpyxl,
  pandas) stores the formula and no result; calamine reads an empty cell, which is *not* an
  empty cell (``formula-uncomputed``). A computed empty-text result carries ``t="str"``.
- **Hidden columns**: a helper column a clerk hid is never a ledger column.

A byte-level scan (no XML parser, so nothing to expand), streamed in chunks (a 100,000-row sheet
is ~50 MB of XML); regexes run only at the few cells a fast byte search points at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from rectxl.core.text import col_index

__all__ = ["SheetExtras", "scan_sheet"]

_CHUNK = 1 << 22
_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
#: a cached value; Excel writes a formula's empty text result as ``<v/>`` (group 1 then None)
_VALUE = re.compile(rb"<v>([^<]*)</v>|<v/>")
_COL = re.compile(rb"<col\b[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


@dataclass
class SheetExtras:
    """Per sheet: error cells (0-based row, col → text), uncomputed formula cells, hidden columns."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    uncomputed: set[tuple[int, int]] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def scan_sheet(fh: IO[bytes]) -> SheetExtras:
    """Scan one worksheet part (an open binary stream)."""
    extras = SheetExtras()
    for data in _chunks(fh):
        _scan(data, extras)
    return extras


def _chunks(fh: IO[bytes]) -> Iterator[bytes]:
    """The part in pieces, each cut before its last ``<c `` so that no cell is split."""
    tail = b""
    while chunk := fh.read(_CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<c ")
        if cut <= 0:
            tail = data
            continue
        yield data[:cut]
        tail = data[cut:]
    yield tail


def _scan(data: bytes, extras: SheetExtras) -> None:
    if b"<col " in data and b"hidden" in data:
        for col in _COL.finditer(data):
            attrs = dict(_ATTR.findall(col.group()))
            if attrs.get(b"hidden") in (b"1", b"true"):
                first, last = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
                if last - first < 16384:
                    extras.hidden_cols.update(range(first - 1, last))
    for marker in (b't="e"', b"<f"):
        done = -1
        pos = data.find(marker)
        while pos != -1:
            start = data.rfind(b"<c ", 0, pos)
            if start > done:
                cell = _CELL.match(data, start)
                if cell is not None and cell.end() > pos:
                    done = start
                    _note(cell, extras)
            pos = data.find(marker, pos + len(marker))


def _note(m: re.Match[bytes], extras: SheetExtras) -> None:
    where = (int(m.group(2)) - 1, col_index(m.group(1).decode()))
    attrs, body = m.group(3), m.group(4) or b""
    value = _VALUE.search(body)
    if b't="e"' in attrs:
        if value is not None and value.group(1):
            extras.errors[where] = value.group(1).decode("utf-8", "replace")
    elif b"<f" in body and (value is None or (not value.group(1) and b't="str"' not in attrs)):
        extras.uncomputed.add(where)
