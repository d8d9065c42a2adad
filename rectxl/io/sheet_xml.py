"""What python-calamine does not report about an .xlsx sheet, read from the sheet's XML.

- **Excel error values** (#REF!, #N/A …): calamine reads them as empty strings, but a ledger
  cell showing #REF! is a real problem an auditor must see (``cell-error``).
- **Formulas whose value was never computed**: a workbook written by a script (openpyxl,
  pandas) stores the formula and no result; calamine reads an empty cell, which is *not* an
  empty cell (``formula-uncomputed``). A computed empty-text result carries ``t="str"``.
- **Hidden columns**: a helper column a clerk hid is never a ledger column.

A byte-level scan (no XML parser, so nothing to expand), streamed in chunks (a 100,000-row sheet
is ~50 MB of XML); regexes run only at the few cells a fast byte search points at. The part's
spelling — a namespace prefix (``<x:c>``, as the .NET OpenXML SDK writes), single quotes,
attributes in any order — is read from its first bytes (:mod:`rectxl.io.sml_dialect`). A cell
without ``r`` (allowed, and written by some exporters) is placed as Excel and calamine place it:
after the cell before it, in the row after the row before it; for that the part is read once
more, counting rows and cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import IO

from rectxl.core.text import col_index
from rectxl.io.sml_dialect import HEAD, Dialect, compiled, dialect_of

__all__ = ["SheetExtras", "scan_sheet"]

_CHUNK = 1 << 22
_ATTR = re.compile(rb"""([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"\s*([A-Za-z]{1,3})(\d+)\s*")
#: what may follow an element's name in its tag
_NAME_END = frozenset(b" \t\r\n/>")
#: how many ``<c…`` look-alikes (``<color>``, ``<charset>`` in rich text) the search for a
#: marker's cell steps back over
_BACK = 64


@dataclass
class SheetExtras:
    """Per sheet: error cells (0-based row, col → text), uncomputed formula cells, hidden columns."""

    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    uncomputed: set[tuple[int, int]] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


class _NoRef(Exception):
    """A marked cell has no ``r``: its place needs the rows and cells before it counted."""


class _Scan:
    """The markers and patterns of one part's dialect."""

    def __init__(self, d: Dialect):
        self.cell_starts = d.literals(b"c")
        self.formula_starts = d.literals(b"f")
        quotes = (b'"', b"'") if d.single or d.loose else (b'"',)
        #: an error cell's ``t="e"`` (loosely spaced parts: its value ``"e"``, checked at the cell)
        self.error_marks = tuple((x + b"e" + x) if d.loose else (b"t=" + x + b"e" + x) for x in quotes)
        self.cell = compiled(d.tag(b"c") + rb"(?=[\s/>])([^>]*?)(?:/>|>(.*?)" + d.end_tag(b"c") + b")", re.S)
        self.formula = compiled(d.tag(b"f") + rb"[\s/>]")
        self.value = compiled(d.tag(b"v") + rb"(?:\s[^>]*)?>([^<]*)" + d.end_tag(b"v")
                              + b"|" + d.tag(b"v") + rb"(?:\s[^>]*)?/>")
        self.col = compiled(d.tag(b"col") + rb"(?=[\s/>])[^>]*>")
        #: a row's start tag, or a whole cell, in document order (to count rows and cells)
        self.token = compiled(d.tag(b"row") + rb"(?=[\s/>])([^>]*?)/?>|" + self.cell.pattern, re.S)

    def cut(self, data: bytes) -> int:
        """Where the last cell's start tag of ``data`` begins (or some earlier ``<c…``); -1: none."""
        return max(data.rfind(lit) for lit in self.cell_starts)

    def cell_at(self, data: bytes, pos: int) -> re.Match[bytes] | None:
        """The cell that holds offset ``pos``, if any."""
        end = pos
        for _ in range(_BACK):
            start = max(data.rfind(lit, 0, end) for lit in self.cell_starts)
            if start < 0:
                return None
            m = self.cell.match(data, start)
            if m is not None:
                return m if m.end() > pos else None
            end = start
        return None


def scan_sheet(fh: IO[bytes]) -> SheetExtras:
    """Scan one worksheet part (an open binary stream)."""
    first = fh.read(_CHUNK)
    scan = _Scan(dialect_of(first[:HEAD]))
    extras = SheetExtras()
    try:
        for data in _chunks(fh, first, scan):
            _scan(data, extras, scan)
    except _NoRef:
        fh.seek(0)
        extras = SheetExtras()
        _count_scan(fh, extras, scan)
    return extras


def _chunks(fh: IO[bytes], first: bytes, scan: _Scan) -> Iterator[bytes]:
    """The part in pieces, each cut before its last cell's start tag so that no cell is split."""
    tail = b""
    chunk = first
    while chunk:
        data = tail + chunk
        cut = scan.cut(data)
        if cut <= 0:
            tail = data
        else:
            yield data[:cut]
            tail = data[cut:]
        chunk = fh.read(_CHUNK)
    yield tail


def _scan(data: bytes, extras: SheetExtras, scan: _Scan) -> None:
    _hidden_cols(data, extras, scan)
    for marker in (*scan.error_marks, *scan.formula_starts):
        is_formula = marker in scan.formula_starts
        pos = data.find(marker)
        while pos != -1:
            after = pos + len(marker)
            # ``<f>``, ``<f t="shared" …/>``: never ``<family>``, ``<font>`` of a rich-text run
            if not is_formula or (data[after:after + 1] and data[after] in _NAME_END):
                cell = scan.cell_at(data, pos)
                if cell is not None:
                    _note(cell.group(1), cell.group(2) or b"", extras, scan, None)
            pos = data.find(marker, after)


def _hidden_cols(data: bytes, extras: SheetExtras, scan: _Scan) -> None:
    if b"hidden" not in data:
        return
    for col in scan.col.finditer(data):
        attrs = _attrs(col.group())
        if attrs.get(b"hidden", b"").strip() in (b"1", b"true"):
            try:
                first, last = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
            except ValueError:
                continue
            if 0 <= last - first < 16384:
                extras.hidden_cols.update(range(first - 1, last))


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    """The attributes of a start tag by qualified name (the values not unescaped)."""
    out: dict[bytes, bytes] = {}
    for m in _ATTR.finditer(tag):
        out[m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
    return out


def _note(tag: bytes, body: bytes, extras: SheetExtras, scan: _Scan, where: tuple[int, int] | None) -> None:
    """Record the cell (its start tag's attributes, its content) if it is an error or an
    uncomputed formula; ``where`` (0-based row, col) is its place when counted, else its ``r``
    says (no ``r``: :class:`_NoRef`)."""
    attrs = _attrs(tag)
    kind = attrs.get(b"t", b"n").strip()
    formula = kind != b"e" and scan.formula.search(body) is not None
    if kind != b"e" and not formula:
        return
    if where is None:
        ref = _REF.fullmatch(attrs.get(b"r", b""))
        if ref is None:
            raise _NoRef
        where = (int(ref.group(2)) - 1, col_index(ref.group(1).decode().upper()))
    value = scan.value.search(body)
    if kind == b"e":
        if value is not None and value.group(1):
            extras.errors[where] = _text(value.group(1))
    elif value is None or (not value.group(1) and kind != b"str"):
        extras.uncomputed.add(where)


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return unescape(text) if "&" in text else text


def _count_scan(fh: IO[bytes], extras: SheetExtras, scan: _Scan) -> None:
    """The scan again, placing every cell by counting: a row without ``r`` follows the row before
    it, a cell without ``r`` the cell before it (as Excel and calamine read them)."""
    row, col = 0, -1
    first = fh.read(_CHUNK)
    for data in _chunks(fh, first, scan):
        _hidden_cols(data, extras, scan)
        for m in scan.token.finditer(data):
            if m.group(1) is not None:  # a row
                r = _attrs(m.group(1)).get(b"r", b"").strip()
                row = int(r) if r.isdigit() else row + 1
                col = -1
                continue
            attrs = _attrs(m.group(2))
            ref = _REF.fullmatch(attrs.get(b"r", b""))
            if ref is not None:
                col = col_index(ref.group(1).decode().upper())
                here = (int(ref.group(2)) - 1, col)
            else:
                col += 1
                here = (row - 1, col)
            body = m.group(3) or b""
            if b"e" in m.group(2) or any(f in body for f in scan.formula_starts):
                _note(m.group(2), body, extras, scan, here)
