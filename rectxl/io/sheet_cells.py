"""The style index (``s``) of chosen cells in a worksheet part, read and changed byte-level.

This is the only change rectxl makes to a user's sheet. A cell that is not in the XML (an empty,
unformatted cell) is created as ``<c r="F7" s="…"/>`` in its place; a missing row likewise. Each
change is recorded (:class:`CellChange`) so that it can be undone to the same bytes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rectxl.core.text import col_index, col_letter
from rectxl.io.xmlbytes import apply_edits, first, remove_attr, set_attr

__all__ = ["EXISTING", "NEW_CELL", "NEW_ROW", "OPENED_ROW", "CellChange", "Spot", "locate", "restore", "restyle",
           "tidy_rows"]

_ROW = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(/?)((?:[A-Za-z_][\w.-]*:)?row)(?=[\s/>])([^>]*?)(/?)>", re.S)
_CELL = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<((?:[A-Za-z_][\w.-]*:)?c)(?=[\s/>])([^>]*?)(/?)>", re.S)
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")
_S_ATTR = re.compile(rb"""\ss\s*=\s*["']([^"']*)["']""")
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")

#: how a cell came to carry rectxl's format (``CellChange.created``)
EXISTING, NEW_CELL, NEW_ROW, OPENED_ROW = 0, 1, 2, 3


@dataclass
class Spot:
    """Where a wanted cell is in the part."""

    ref: str
    row: int
    col: int
    start: int = -1  # the cell's start tag, when the cell exists
    tag_end: int = -1
    empty: bool = False
    s: str | None = None
    insert_at: int = -1  # where a missing cell (or row) goes
    row_state: str = "present"  # present | closed (a self-closing <row/>) | missing
    row_start: int = -1
    row_tag_end: int = -1
    cell_prefix: bytes = b""
    row_prefix: bytes = b""

    @property
    def found(self) -> bool:
        return self.start >= 0


@dataclass
class CellChange:
    """One cell rectxl restyled: its original ``s`` (None: none) and how it was created."""

    ref: str
    original: str | None
    created: int
    new: int


def _split(ref: str) -> tuple[int, int]:
    m = _REF.fullmatch(ref.strip())
    if not m:
        raise ValueError(f"bad cell reference {ref!r}")
    return int(m.group(2)), col_index(m.group(1).upper())


def locate(xml: bytes, refs: Iterable[str]) -> dict[str, Spot]:
    """Find each cell of ``refs`` in worksheet part ``xml`` (or where it would go).

    Rows are found by their number, not by their order: a part whose rows (or a row whose cells)
    are not ascending — valid XML, and some writers do it — is read as well. A missing row goes
    just before the row of the next higher number (the end of ``sheetData`` if none), a missing
    cell before the cell of the next higher column: in an ascending part, its place in order."""
    wanted: dict[int, dict[int, Spot]] = {}
    spots: dict[str, Spot] = {}
    for ref in refs:
        row, col = _split(ref)
        spot = Spot(ref, row, col)
        spots[ref] = spot
        wanted.setdefault(row, {})[col] = spot
    if not spots:
        return spots
    data = first(xml, "sheetData")
    if data is None:
        raise ValueError("worksheet without sheetData")
    prefix = data.prefix
    seen: set[int] = set()
    starts: list[tuple[int, int, bytes]] = []  # every row: (number, tag start, prefix)
    prev = 0
    open_row: tuple[int, int, bytes] | None = None  # (row, content start, row qname)
    if not data.empty:
        for m in _ROW.finditer(xml, data.tag_end, data.content_end):
            if m.group(2) is None:
                continue
            if m.group(1):  # </row>
                if open_row is not None:
                    number, content, qname = open_row
                    _locate_cells(xml, content, m.start(), wanted[number], qname)
                    open_row = None
                continue
            r = _R_ATTR.search(m.group(3))
            number = int(r.group(1)) if r and r.group(1).isdigit() else prev + 1
            prev = number
            prefix = m.group(2)[:-3]
            starts.append((number, m.start(), prefix))
            if number not in wanted or number in seen:
                continue
            seen.add(number)
            if m.group(4):
                for spot in wanted[number].values():
                    spot.row_state, spot.row_start, spot.row_tag_end = "closed", m.start(), m.end()
                    spot.cell_prefix = prefix
            else:
                open_row = (number, m.end(), m.group(2))
                for spot in wanted[number].values():  # the row's own tag (its format, if any)
                    spot.row_start, spot.row_tag_end = m.start(), m.end()
    missing = sorted(set(wanted) - seen)
    if missing:
        starts.sort()
        numbers = [number for number, _start, _prefix in starts]
        for row in missing:
            i = bisect.bisect_right(numbers, row)
            if i < len(starts):
                at, row_prefix = starts[i][1], starts[i][2]
            else:
                at = data.content_end if not data.empty else data.start
                row_prefix = prefix
            for spot in wanted[row].values():
                spot.row_state, spot.insert_at, spot.row_prefix = "missing", at, row_prefix
    return spots


def _locate_cells(xml: bytes, start: int, end: int, wanted: dict[int, Spot], row_qname: bytes) -> None:
    prev = -1
    prefix = row_qname[:-3]
    seen: set[int] = set()
    starts: list[tuple[int, int, bytes]] = []  # every cell: (column, tag start, prefix)
    for m in _CELL.finditer(xml, start, end):
        if m.group(1) is None:
            continue
        prefix = m.group(1)[:-1]
        attrs = m.group(2)
        r = _R_ATTR.search(attrs)
        ref = _REF.fullmatch(r.group(1).decode("ascii", "replace")) if r else None
        col = col_index(ref[1].upper()) if ref else prev + 1
        prev = col
        starts.append((col, m.start(), prefix))
        if col in wanted and col not in seen:
            seen.add(col)
            spot = wanted[col]
            s = _S_ATTR.search(attrs)
            spot.start, spot.tag_end, spot.empty = m.start(), m.end(), bool(m.group(3))
            spot.s = s.group(1).decode("ascii", "replace") if s else None
            spot.cell_prefix = prefix
    missing = sorted(set(wanted) - seen)
    if missing:
        starts.sort()
        cols = [col for col, _start, _prefix in starts]
        for col in missing:
            i = bisect.bisect_right(cols, col)
            spot = wanted[col]
            if i < len(starts):
                spot.insert_at, spot.cell_prefix = starts[i][1], starts[i][2]
            else:
                spot.insert_at, spot.cell_prefix = end, prefix


def _new_cell(spot: Spot, s: int) -> bytes:
    return b"<" + spot.cell_prefix + b'c r="' + f'{col_letter(spot.col)}{spot.row}" s="{s}"/>'.encode()


def restyle(xml: bytes, spots: dict[str, Spot], styles: dict[str, int]) -> tuple[bytes, list[CellChange]]:
    """Give each cell of ``styles`` (ref → cell format index) that format; returns the new part and
    what was changed."""
    edits: list[tuple[int, int, bytes]] = []
    changes: list[CellChange] = []
    new_cells: dict[int, list[tuple[int, bytes]]] = {}  # offset → (col, <c/>)
    new_rows: dict[int, dict[int, list[Spot]]] = {}  # offset → row → cells
    closed: dict[int, list[Spot]] = {}  # a self-closing row's offset → cells
    for ref, s in styles.items():
        spot = spots[ref]
        if spot.found:
            tag = xml[spot.start:spot.tag_end]
            edits.append((spot.start, spot.tag_end, set_attr(tag, "s", str(s))))
            changes.append(CellChange(ref, spot.s, EXISTING, s))
        elif spot.row_state == "present":
            new_cells.setdefault(spot.insert_at, []).append((spot.col, _new_cell(spot, s)))
            changes.append(CellChange(ref, None, NEW_CELL, s))
        elif spot.row_state == "closed":
            closed.setdefault(spot.row_start, []).append(spot)
            changes.append(CellChange(ref, None, OPENED_ROW, s))
        else:
            spot.cell_prefix = spot.row_prefix
            new_rows.setdefault(spot.insert_at, {}).setdefault(spot.row, []).append(spot)
            changes.append(CellChange(ref, None, NEW_ROW, s))
    for at, cells in new_cells.items():
        edits.append((at, at, b"".join(data for _col, data in sorted(cells))))
    for at, rows in new_rows.items():
        out: list[bytes] = []
        for row in sorted(rows):
            prefix = rows[row][0].row_prefix
            out.append(b"<" + prefix + b'row r="' + str(row).encode() + b'">')
            out.extend(_new_cell(c, styles[c.ref]) for c in sorted(rows[row], key=lambda c: c.col))
            out.append(b"</" + prefix + b"row>")
        edits.append((at, at, b"".join(out)))
    for start, opened in closed.items():
        spot = opened[0]
        tag = xml[spot.row_start:spot.row_tag_end]
        body = b"".join(_new_cell(c, styles[c.ref]) for c in sorted(opened, key=lambda c: c.col))
        qname = re.match(rb"<([^\s/>]+)", tag)
        assert qname is not None
        edits.append((start, spot.row_tag_end, tag[:-2] + b">" + body + b"</" + qname.group(1) + b">"))
    return apply_edits(xml, edits), changes


def restore(xml: bytes, spots: dict[str, Spot], targets: dict[str, str | None],
            remove: set[str]) -> bytes:
    """Set ``s`` of the cells in ``targets`` (None: drop the attribute) and cut out the cells in
    ``remove`` (cells rectxl created, still empty)."""
    edits: list[tuple[int, int, bytes]] = []
    for ref, value in targets.items():
        spot = spots[ref]
        if not spot.found:
            continue
        tag = xml[spot.start:spot.tag_end]
        if ref in remove and spot.empty and _only_r_and_s(tag):
            edits.append((spot.start, spot.tag_end, b""))
            continue
        new = remove_attr(tag, "s") if value is None else set_attr(tag, "s", value)
        edits.append((spot.start, spot.tag_end, new))
    return apply_edits(xml, edits)


def _only_r_and_s(tag: bytes) -> bool:
    names = re.findall(rb"""([^\s=/<>]+)\s*=\s*(?:"[^"]*"|'[^']*')""", tag)
    return sorted(names) == [b"r", b"s"]


def tidy_rows(xml: bytes, rows: dict[int, int]) -> bytes:
    """Rows rectxl created (``NEW_ROW``) or opened (``OPENED_ROW``) that hold no cell any more:
    cut out, or closed again (``<row …/>``), as they were."""
    if not rows:
        return xml
    data = first(xml, "sheetData")
    if data is None or data.empty:
        return xml
    edits: list[tuple[int, int, bytes]] = []
    prev = 0
    open_row: tuple[int, int, int] | None = None  # (row, tag start, tag end)
    for m in _ROW.finditer(xml, data.tag_end, data.content_end):
        if m.group(2) is None:
            continue
        if m.group(1):
            if open_row is not None:
                number, start, tag_end = open_row
                if m.start() == tag_end:  # nothing between <row …> and </row>
                    if rows[number] == NEW_ROW:
                        edits.append((start, m.end(), b""))
                    else:
                        edits.append((start, m.end(), xml[start:tag_end - 1] + b"/>"))
                open_row = None
            continue
        r = _R_ATTR.search(m.group(3))
        number = int(r.group(1)) if r and r.group(1).isdigit() else prev + 1
        prev = number
        if number in rows and not m.group(4):
            open_row = (number, m.start(), m.end())
    return apply_edits(xml, edits)
