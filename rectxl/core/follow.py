"""Following a mark to the cell it is on now (清除标记, the add-in's and the command line's).

When a cell is marked, the texts of its row are recorded with it (:func:`row_key`). Between
marking and clearing, the clerk may sort the rows, insert or delete rows and columns: the mark
went with its cell, and its row's texts — in whatever columns they stand now — tell where.
:func:`follow` is that rule, given the sheet's text cells as they are now; the caller reads them
(from Excel through xlwings, or from the sheet's XML) and tells whether a cell shows a mark's
colour (``shows``), which only matters when a column was inserted or deleted right beside it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from rectxl.core.text import CELL_TEXT_LIMIT, cell_length, col_index, col_letter

__all__ = ["CELL_LIMIT", "SEPARATOR", "copied_note", "follow", "kept_own_note", "mark_json", "place", "resembles",
           "row_cells", "row_key", "stuck_note", "text_print"]

#: between the cells of a row key (U+241F SYMBOL FOR UNIT SEPARATOR: in no ledger's text)
SEPARATOR = "\u241f"
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")
#: the most characters a cell holds: Excel keeps the first 32,767 of a longer text (and repairs a
#: file holding one), so a mark's record — written into one cell — must not be longer
CELL_LIMIT = CELL_TEXT_LIMIT
#: a text longer than this is recorded by its start, its length and a digest (:func:`text_print`)
_LONG_TEXT = 500


def text_print(text: str) -> str:
    """``text`` as a mark's record keeps it: itself, or — longer than 500 characters (a 完成情况
    pasted from a report) — its first 40 characters, its length and a digest, which tell it
    from any other text as well and keep a row of such cells within one cell's 32,767 characters."""
    if len(text) <= _LONG_TEXT:
        return text
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{text[:40]}…〔{len(text)}:{digest}〕"


def copied_note(sheet: str, cells: list[str], *, limit: int = 20) -> str:
    """What 清除标记 (the add-in's and the command line's) says of ``cells`` left in rectxl's colour
    on a copy of a marked row — the clerk's, not rectxl's: named, and left as the copy has them."""
    shown = "、".join(cells[:limit]) + ("等" if len(cells) > limit else "")
    return (f"工作表“{sheet}”中有 {len(cells)} 个单元格仍是 rectxl 的标记底色（{shown}）：它们在标记后复制出来的行上"
            "（像是标记后复制的台账或行），不是 rectxl 标记的单元格，未作改动（保留复制时带过去的格式）；"
            "如不需要这些颜色，请手动清除")


def stuck_note(sheet: str, cells: list[str], *, limit: int = 20) -> str:
    """What 清除标记 says of ``cells`` left in rectxl's colour because the marked rows were both
    moved (sorted, rows inserted or deleted) and typed into: which of them had which fill cannot be
    told, so none is changed, and the marks stay on record."""
    shown = "、".join(cells[:limit]) + ("等" if len(cells) > limit else "")
    return (f"注意：工作表“{sheet}”中有 {len(cells)} 个单元格仍是 rectxl 的标记底色（{shown}）：标记后这些行既排过序"
            "（或插入、删除过行）又改过内容，无法确定它们各自原来的底色，未作改动；请在 Excel 中手动设置它们的底色，"
            "这些标记仍记录在工作簿中，之后可再次清除标记")


def kept_own_note(given: str, now: list[str], *, copied: bool = False) -> str:
    """What a clear (the command line's and 清除标记's alike) says of rectxl's sheet ``given`` that
    the user renamed to ``now`` — or, ``copied``, made copies of (``given`` itself deleted): left,
    the user's from then on."""
    names = "、".join(f"“{n}”" for n in now)
    if copied:
        return (f"rectxl 生成的工作表“{given}”已删除，您复制出的{names}视为您自己的工作表，未删除"
                "（如不需要请手动删除）")
    return (f"rectxl 生成的工作表“{given}”已改名为{names}，改名后视为您自己的工作表，未删除"
            "（如不需要请手动删除）")


def mark_json(data: Mapping[str, Any]) -> str:
    """A mark's record (JSON) as it fits the one cell it is written into (:data:`CELL_LIMIT`):
    without its row's texts, then without its cell's text, when it would not (a row of dozens of
    long cells) — the mark is then found by its address alone, its fill still given back."""
    text = ""
    for drop in ((), ("row",), ("row", "v")):
        text = json.dumps({k: v for k, v in data.items() if k not in drop}, ensure_ascii=False,
                          separators=(",", ":"))
        if cell_length(text) <= CELL_LIMIT:  # (as Excel counts: 𠮷 is two)
            break
    return text


def place(ref: str) -> tuple[str, int] | None:
    """("E", 12) for "E12"; None for anything else."""
    m = _REF.fullmatch(ref)
    return (m.group(1), int(m.group(2))) if m is not None else None


def row_key(texts: Mapping[int, Mapping[str, str]], row: int) -> str:
    """A row told by its text cells, column by column: "B=学习不深入␟C=完善学习制度…" (a sorted
    row keeps them; numbers and dates are no text cells; a long text by its :func:`text_print`)."""
    cells = texts.get(row, {})
    return SEPARATOR.join(f"{c}={text_print(cells[c])}" for c in sorted(cells, key=lambda c: (len(c), c)))


def row_cells(key: str) -> list[tuple[int, str]]:
    """A row key's text cells as (0-based column, text), left to right."""
    cells = []
    for part in key.split(SEPARATOR) if key else []:
        col, _, text = part.partition("=")
        cells.append((col_index(col), text))
    return cells


def _shifted(column: int, was: list[tuple[int, str]], now: list[tuple[int, str]]) -> list[int]:
    """Where a cell of ``column`` may have gone in a row whose text cells were ``was`` and are
    ``now`` (the same texts, maybe in other columns: a column inserted or deleted): moved as its
    nearest text cells left and right of it moved — one column when they moved alike, two when a
    column was inserted or deleted right beside it (which side it went with, its colour tells)."""
    left = [i for i, (c, _) in enumerate(was) if c <= column][-1:]
    right = [i for i, (c, _) in enumerate(was) if c >= column][:1]
    offsets = dict.fromkeys(now[i][0] - was[i][0] for i in left + right)
    return [column + offset for offset in offsets if column + offset >= 0]


def follow(keys: Mapping[str, str], texts: Mapping[int, Mapping[str, str]],
           shows: Callable[[str, str], bool | None], nowhere: list[str] | None = None,
           colours: Mapping[str, str] | None = None) -> dict[str, str]:
    """The recorded marks (cell → its row key when marked, "" when not recorded) by the cell each
    is on now: {cell now: cell recorded}. A mark is where it was while its row there still holds
    the texts recorded with it; else it went with its row — a sort, an inserted or deleted row
    moves it down the sheet, an inserted or deleted column across — and is followed to the row
    holding those texts now (``texts``: row → column letter → text), onto the cell that moved as
    the text cells beside it did (of two, the one that ``shows(cell, recorded cell)`` its colour:
    False only when it surely does not). A mark whose row is nowhere (the clerk typed into it)
    stays where it was, unless another mark came to that cell (its own row was deleted: nothing
    to give back there). The marks whose row is nowhere are listed in ``nowhere`` when given.
    Rows holding the very same texts (twins) may have been swapped by a sort: a mark on one is
    looked for by its colour on the others — unless every twin is marked alike in its column
    (``colours``: each recorded mark's colour), when the sort changed nothing to see."""
    rows: dict[tuple[str, ...], list[int]] = {}
    for r in texts:
        rows.setdefault(tuple(text for _, text in row_cells(row_key(texts, r))), []).append(r)
    placed: dict[str, str] = {}
    unplaced: list[tuple[str, str]] = []
    for ref, key in keys.items():
        spot = place(ref)
        if spot is None or not key:
            placed[ref] = ref
        elif row_key(texts, spot[1]) == key:
            twins = rows.get(tuple(text for _, text in row_cells(key)), [])
            alike = colours is not None and all(
                keys.get(other := f"{spot[0]}{r}") == key and colours.get(other) == colours.get(ref) for r in twins)
            placed[ref if alike else _twin(ref, spot, twins, placed, shows)] = ref
        else:
            unplaced.append((ref, spot[0]))
    edited: list[str] = []
    for ref, col in unplaced:
        was = row_cells(keys[ref])
        there = None
        for r in rows.get(tuple(text for _, text in was), []):
            there = _landing(ref, col, r, was, row_cells(row_key(texts, r)), placed, shows)
            if there is not None:
                break
        if there is None:
            edited.append(ref)
        else:
            placed[there] = ref
    # a row the clerk also typed into (one text cell changed, filled in or emptied): the one row
    # of those no recorded row's texts tell that differs from the mark's so
    known = {key for key in keys.values() if key}
    loose = {r: row_cells(key) for r in texts if (key := row_key(texts, r)) not in known} if edited else {}
    # each such row by its texts and by its texts less any one: the rows one edit away from a
    # mark's are among those filed under its texts or its texts less one
    filed: dict[tuple[str, ...], set[int]] = {}
    for r, cells in loose.items():
        now = tuple(text for _, text in cells)
        filed.setdefault(now, set()).add(r)
        for i in range(len(now)):
            filed.setdefault(now[:i] + now[i + 1:], set()).add(r)
    for ref in list(edited):
        at = place(ref)
        was = row_cells(keys[ref])
        texts_was = tuple(text for _, text in was)
        rows_near = set(filed.get(texts_was, ()))
        for i in range(len(texts_was)):
            rows_near |= filed.get(texts_was[:i] + texts_was[i + 1:], set())
        near = [(r, pair) for r in sorted(rows_near) if (pair := _one_edit(was, loose[r])) is not None]
        if len(near) != 1 or at is None:
            continue
        r, (before, after) = near[0]
        there = _landing(ref, at[0], r, before, after, placed, shows)
        if there is not None:
            placed[there] = ref
            edited.remove(ref)
    for ref in edited:
        placed.setdefault(ref, ref)
    if nowhere is not None:
        nowhere += edited
    return placed


def resembles(key: str, texts: Mapping[int, Mapping[str, str]], row: int) -> bool:
    """Row ``row`` of ``texts`` (row → column letter → text) still holds most of the texts recorded
    with a mark (its row ``key``), in whatever columns: the marked row, typed into in a cell or two
    since (a mark :func:`follow` could not place when more than one of its cells changed)."""
    was = [text for _, text in row_cells(key)]
    if not was:
        return False
    now = list(texts.get(row, {}).values())
    common = sum(min(was.count(t), now.count(t)) for t in set(was))
    return 2 * common > len(was)


def _twin(ref: str, spot: tuple[str, int], rows: list[int], placed: Mapping[str, str],
          shows: Callable[[str, str], bool | None]) -> str:
    """Where the mark recorded at ``ref`` is, its row (``spot``) still holding the texts recorded
    with it: there — unless other ``rows`` hold the very same texts (two measures written alike, told
    apart only by a date or a number) and a sort swapped them: then, the mark's cell surely not
    showing its colour, the twin row's cell of its column that does."""
    if len(rows) < 2 or (ref not in placed and shows(ref, ref) is not False):
        return ref
    free = [there for r in rows if r != spot[1] and (there := f"{spot[0]}{r}") not in placed]
    showing = next((there for there in free if shows(there, ref) is True), None)
    if showing is not None:
        return showing
    # its own cell taken by its twin's mark: a free twin cell rather than the other mark's
    return free[0] if ref in placed and free else ref


def _landing(ref: str, col: str, r: int, was: list[tuple[int, str]], now: list[tuple[int, str]],
             placed: Mapping[str, str], shows: Callable[[str, str], bool | None]) -> str | None:
    """The cell of row ``r`` the mark recorded at ``ref`` (column ``col``) went to, its row's text
    cells having been ``was`` and being ``now``: of two (a column inserted or deleted right beside
    it), the one showing its colour — none when neither does (its own column was deleted); never
    one another mark was placed on."""
    spots = [f"{col_letter(c)}{r}" for c in _shifted(col_index(col), was, now)]
    if len(spots) > 1:
        spots = [spot for spot in spots if shows(spot, ref) is not False]
    return next((spot for spot in spots if spot not in placed), None)


def _one_edit(was: list[tuple[int, str]], now: list[tuple[int, str]]
              ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """``was`` and ``now`` (a row's text cells) without the one cell whose text differs — changed,
    filled in or emptied — so that the rest pair up; None when they differ otherwise (or not)."""
    a, b = [t for _, t in was], [t for _, t in now]
    if len(a) == len(b):
        odd = [i for i in range(len(a)) if a[i] != b[i]]
        if len(odd) == 1:
            return was[:odd[0]] + was[odd[0] + 1:], now[:odd[0]] + now[odd[0] + 1:]
        return None
    if abs(len(a) - len(b)) != 1:
        return None
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    i = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    if longer[i + 1:] != shorter[i:]:
        return None
    return (was[:i] + was[i + 1:], now) if len(a) > len(b) else (was, now[:i] + now[i + 1:])


def rows_held(keys: set[str], texts: Mapping[int, Mapping[str, str]]) -> int:
    """How many of the row ``keys`` (marked rows, by their texts) a sheet of ``texts`` holds."""
    return len(keys & {row_key(texts, r) for r in texts}) if keys else 0


def best_holder(keys: set[str], sheets: Mapping[str, Callable[[], Mapping[int, Mapping[str, str]]]]) -> str | None:
    """Of ``sheets`` (name → its text cells, read when asked), the one holding most of the marked
    rows ``keys``: what a marked ledger sheet renamed since became. None when none holds any."""
    best: tuple[int, str] | None = None
    for name, texts_of in sheets.items() if keys else ():
        score = rows_held(keys, texts_of())
        if score and (best is None or score > best[0]):
            best = (score, name)
    return None if best is None else best[1]
