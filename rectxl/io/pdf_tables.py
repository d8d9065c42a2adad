"""A notice PDF's pages read from where their words and rules stand, ruled tables a row a line.

A notice that publishes its problems in a table (序号 | 反馈问题 | 整改措施 | 整改进展 | 整改状态),
printed to PDF by Word, WPS or LibreOffice, keeps no table in its text: pypdf gives each line of each
cell as a line of its own, the cells of a row one after the other, and no reader could tell which
words were in which cell. The page still draws the table's rules, and each word where it stands:
the rules give the cells (a rule missing between two cells merges them, as a problem's cell merged
down over its measures' rows, or an aspect's heading across the table), and the words in a cell are
its text. The table is then written as a Word table is read (:mod:`rectxl.io.docx_read`): one line a
row, the cells separated by tabs, a cell merged down empty on its lower rows, a row that is one cell
across the table a line of text — what the notice parser reads as a table.

Only a table drawn with rules on every side of its cells is read so (three columns or more, two rows
or more). The page's other lines are read from the same words, each with where it starts and ends
against the page's margins (:class:`PdfLine`), for the reader to join a paragraph's wrapped lines; a
line with gaps of two characters between its words (a table drawn without rules) joins nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from unicodedata import east_asian_width

from rectxl.core.status import read_status

__all__ = ["PdfLine", "page_lines", "placed_lines", "row_split_over_pages"]

#: how far apart (points) two rules may stand and still be one rule of the table
_SNAP = 2.5
#: a stroke or a filled box thinner than this (points) is a rule
_THIN = 3.0
#: a horizontal rule shorter than this is no cell's border (a dash, an underline of a figure)
_MIN_RULE = 15.0
#: how a cell's lines end when the line after them is a new paragraph of the cell, not a wrap
#: (as :mod:`rectxl.io.docx_read` joins a cell's paragraphs)
_CELL_ENDS = ("。", "；", ";", "！", "？", "：", ":", "，", ",")


@dataclass(slots=True)
class _Word:
    """A piece of text as the page shows it: where it starts (its baseline), its size, its text."""

    x: float
    y: float
    size: float
    text: str
    #: how wide the piece is set, when the file says it (an OFD's glyph advances); else estimated
    width: float | None = None

    @property
    def end(self) -> float:
        """Where the piece ends: its width as set, else :func:`_advance` of each character."""
        if self.width is not None:
            return self.x + self.width
        return self.x + sum(_advance(ch, self.size) for ch in self.text)


def _advance(ch: str, size: float) -> float:
    """How far a character moves the pen, as estimated: a Chinese character, a full-width mark and
    the symbols a Chinese font sets as wide (■, ①, ※) an em; a Latin letter, a figure, a space and
    the quotation marks set in the Latin font half of one."""
    return size if ch not in _QUOTES and east_asian_width(ch) in "WFA" else size * 0.5


@dataclass(slots=True)
class _Rule:
    at: float  # y of a horizontal rule, x of a vertical one
    lo: float
    hi: float


@dataclass
class _Page:
    """The words and rules of one page, collected while pypdf reads its content."""

    words: list[_Word] = field(default_factory=list)
    across: list[_Rule] = field(default_factory=list)  # horizontal
    down: list[_Rule] = field(default_factory=list)  # vertical
    _lines: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    _boxes: list[list[tuple[float, float]]] = field(default_factory=list)
    _point: tuple[float, float] = (0.0, 0.0)
    _start: tuple[float, float] = (0.0, 0.0)

    #: a word was set at an angle or mirrored (a stamp's text, a turned table): not read by place
    slanted: bool = False

    def text(self, text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        if abs(b) > 1e-6 * max(abs(a), 1.0) or a <= 0 or d <= 0:
            self.slanted = True
        x, y = _apply(cm, tm[4], tm[5])
        scale = (abs(tm[0] * cm[0] + tm[1] * cm[2]) or abs(tm[0]) or 1.0)
        self.words.append(_Word(x, y, (size or 1.0) * scale, text))

    def operator(self, op: bytes, args: list[Any], cm: Sequence[float], _tm: Sequence[float]) -> None:
        try:
            numbers = [float(a) for a in args]
        except (TypeError, ValueError):
            return
        if op == b"m" and len(numbers) >= 2:
            self._point = self._start = _apply(cm, numbers[0], numbers[1])
        elif op == b"l" and len(numbers) >= 2:
            point = _apply(cm, numbers[0], numbers[1])
            self._lines.append((self._point, point))
            self._point = point
        elif op == b"h":
            self._lines.append((self._point, self._start))
            self._point = self._start
        elif op == b"re" and len(numbers) >= 4:
            x, y, w, h = numbers[:4]
            self._boxes.append([_apply(cm, x, y), _apply(cm, x + w, y), _apply(cm, x + w, y + h),
                                _apply(cm, x, y + h)])
        elif op in (b"S", b"s", b"B", b"B*", b"b", b"b*"):  # stroked: every line and box edge is drawn
            for box in self._boxes:
                self._lines.extend(zip(box, box[1:] + box[:1], strict=True))
            for a, b in self._lines:
                self._segment(a, b)
            self._clear()
        elif op in (b"f", b"F", b"f*"):  # filled: a thin box is a rule (how Word draws borders)
            boxes = self._boxes + ([[a for a, _ in self._lines]] if self._lines else [])
            for box in boxes:
                xs, ys = [p[0] for p in box], [p[1] for p in box]
                if max(ys) - min(ys) < _THIN <= max(xs) - min(xs):
                    self.across.append(_Rule((max(ys) + min(ys)) / 2, min(xs), max(xs)))
                elif max(xs) - min(xs) < _THIN <= max(ys) - min(ys):
                    self.down.append(_Rule((max(xs) + min(xs)) / 2, min(ys), max(ys)))
            self._clear()
        elif op == b"n":
            self._clear()

    def _segment(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        if abs(a[1] - b[1]) < 1.0 and abs(a[0] - b[0]) >= 1.0:
            self.across.append(_Rule((a[1] + b[1]) / 2, min(a[0], b[0]), max(a[0], b[0])))
        elif abs(a[0] - b[0]) < 1.0 and abs(a[1] - b[1]) >= 1.0:
            self.down.append(_Rule((a[0] + b[0]) / 2, min(a[1], b[1]), max(a[1], b[1])))

    def _clear(self) -> None:
        self._lines, self._boxes = [], []


def _apply(cm: Sequence[float], x: float, y: float) -> tuple[float, float]:
    """The point (x, y) in the page's space: the current transformation matrix applied."""
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _cluster(values: list[float]) -> list[float]:
    """The values, those within :data:`_SNAP` of each other taken as one (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


@dataclass
class _Table:
    xs: list[float]  # the column edges, left to right
    ys: list[float]  # the row edges, top to bottom (descending y)
    across: list[_Rule]
    down: list[_Rule]

    def has_across(self, y: float, x: float) -> bool:
        return any(abs(r.at - y) <= _SNAP and r.lo - _SNAP <= x <= r.hi + _SNAP for r in self.across)

    def has_down(self, x: float, y: float) -> bool:
        return any(abs(r.at - x) <= _SNAP and r.lo - _SNAP <= y <= r.hi + _SNAP for r in self.down)

    def holds(self, w: _Word) -> bool:
        return self.xs[0] - _SNAP <= w.x <= self.xs[-1] and self.ys[-1] <= w.y <= self.ys[0]


def _tables(page: _Page) -> list[_Table]:
    """The ruled tables of the page: rules that meet, with three columns or more and two rows."""
    across = [r for r in page.across if r.hi - r.lo >= _MIN_RULE]
    down = [r for r in page.down if r.hi - r.lo >= _THIN]
    rules: list[tuple[bool, _Rule]] = [(True, r) for r in across] + [(False, r) for r in down]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (flat_i, a) in enumerate(rules):
        if not flat_i:
            continue
        for j, (flat_j, b) in enumerate(rules):
            if not flat_j and a.lo - _SNAP <= b.at <= a.hi + _SNAP and b.lo - _SNAP <= a.at <= b.hi + _SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[bool, _Rule]]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    tables = []
    for group in groups.values():
        flat = [r for is_flat, r in group if is_flat]
        upright = [r for is_flat, r in group if not is_flat]
        xs, ys = _cluster([r.at for r in upright]), _cluster([r.at for r in flat])
        if len(xs) >= 4 and len(ys) >= 3:
            tables.append(_Table(xs, ys[::-1], flat, upright))
    return tables


def _lines_of(words: list[_Word]) -> list[list[_Word]]:
    """The words in lines, top to bottom, each line left to right (a line: words whose baselines
    stand within a third of their size of each other)."""
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: -w.y):
        if lines and abs(lines[-1][0].y - w.y) <= max(w.size, lines[-1][0].size) / 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x) for line in lines]


def _marks_in_place(line: list[_Word]) -> list[_Word]:
    """The line with each quotation mark drawn over a space left for it inside a run of Chinese
    text put into that space: LibreOffice and Word set “” in the Latin font and write the run with a
    space where each mark is printed, the mark after it ("规范 三会一" at 262.9, "“" at 284.9)."""
    runs = [w for w in line if w.text.strip(_QUOTES + " ")]
    out = []
    for w in line:
        marks = [c for c in w.text if c in _QUOTES]
        if marks and not w.text.strip(_QUOTES + " "):  # "“", or "“ ”": the marks of one run, in order
            run = next((r for r in runs if r.x < w.x < r.end), None)
            at = _char_at(run, w.x) if run is not None else None
            if run is not None and at is not None and run.text[at] == " ":
                spaces = [k for k in range(at, len(run.text)) if run.text[k] == " "][:len(marks)]
                if len(spaces) == len(marks):
                    chars = list(run.text)
                    for k, mark in zip(spaces, marks, strict=True):
                        chars[k] = mark
                    run.text = "".join(chars)
                    continue
        out.append(w)
    return out


#: quotation marks a PDF may set in its Latin font
_QUOTES = "“”‘’"


def _char_at(run: _Word, x: float) -> int | None:
    """The index of the character of ``run`` printed at ``x`` (within a third of its size)."""
    at = run.x
    for i, ch in enumerate(run.text):
        if abs(at - x) <= run.size / 3:
            return i
        at += _advance(ch, run.size)
    return None


def _line_text(line: list[_Word]) -> str:
    """A line's words joined: a space where the page leaves one between Latin words, or leaves a
    gap of a character or more (the columns of a table drawn without rules)."""
    line = _marks_in_place(line)
    out = ""
    previous: _Word | None = None
    for w in line:
        if previous is not None and ((gap := w.x - previous.end) > w.size * 0.8 or (
                gap > w.size * 0.25 and out[-1:].isascii() and out[-1:].isalnum()
                and w.text[:1].isascii() and w.text[:1].isalnum())):
            out += " "
        out += w.text
        previous = w
    return out


def _gapped(line: list[_Word]) -> bool:
    """The line leaves a gap of two characters or more between its words: a row of a table drawn
    without rules (its columns), never a wrapped paragraph's line."""
    reached = None  # the furthest any word before reaches
    for w in sorted(line, key=lambda w: w.x):
        if reached is not None and w.x - reached > w.size * 2:
            return True
        reached = w.end if reached is None else max(reached, w.end)
    return False


def _cell_text(words: list[_Word], right: float) -> str:
    """A cell's text: its lines joined, as wrapped; a line ending well short of the cell's right
    edge ends a paragraph of the cell, joined as a Word cell's paragraphs are (with "；")."""
    out = ""
    short = False  # the line before ended short of the edge: a paragraph ended there
    for line in _lines_of(words):
        text = _line_text(line).strip()
        if not text:
            continue
        if out and short and not out.endswith(_CELL_ENDS):
            out += "；"
        out += text
        short = right - max(w.end for w in line) > line[-1].size * 4  # (a wrap may leave two characters
        # and the cell's margins: a closing mark never opens a line, the character before it moves with it)
    return out


def _rows(table: _Table, words: list[_Word]) -> list[str]:
    """The table's rows, a line each: cells separated by tabs, a merged cell once."""
    rows, cols = len(table.ys) - 1, len(table.xs) - 1
    region = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while region[cell] != cell:
            region[cell] = region[region[cell]]
            cell = region[cell]
        return cell

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            region[max(ra, rb)] = min(ra, rb)  # the top-left cell names the merged one

    for r in range(rows):
        mid_y = (table.ys[r] + table.ys[r + 1]) / 2
        for c in range(cols):
            mid_x = (table.xs[c] + table.xs[c + 1]) / 2
            if c + 1 < cols and not table.has_down(table.xs[c + 1], mid_y):
                join((r, c), (r, c + 1))
            if r + 1 < rows and not table.has_across(table.ys[r + 1], mid_x):
                join((r, c), (r + 1, c))
    inside: dict[tuple[int, int], list[_Word]] = {}
    for w in words:
        c = min(max(bisect_right(table.xs, w.x + _SNAP) - 1, 0), cols - 1)
        r = min(max(sum(1 for y in table.ys[1:] if w.y < y), 0), rows - 1)
        inside.setdefault(find((r, c)), []).append(w)
    right: dict[tuple[int, int], float] = {}
    for (r, c) in region:
        top = find((r, c))
        right[top] = max(right.get(top, 0.0), table.xs[c + 1])
    out = []
    for r in range(rows):
        cells: list[str] = []
        seen: set[tuple[int, int]] = set()
        for c in range(cols):
            top = find((r, c))
            if top in seen:
                continue
            seen.add(top)
            cells.append(_cell_text(inside.get(top, []), right[top]) if top[0] == r else "")
        if any(cells):
            out.append("\t".join(cells) if len(cells) > 1 else cells[0])
    return out


@dataclass(slots=True)
class PdfLine:
    """A line of a page as it stands: its text; a table's row (cells separated by tabs), or a line
    of text that reaches the right margin (``full``: a wrapped paragraph's line) and may start
    right of the left one (``indented``: a paragraph's first line, a centred or right-set line)."""

    text: str
    row: bool = False
    full: bool = False
    indented: bool = False


def page_lines(page: Any) -> list[PdfLine]:
    """The page's lines top to bottom, read from where its words stand: each ruled table a row a
    line (see the module text), each other line with where it starts and ends against the page's
    margins. A page whose words cannot be read by place — none reported, or words set at an angle
    (a table turned on its page) — gives pypdf's own text's lines, unmarked."""
    seen = _Page()
    text = page.extract_text(visitor_text=seen.text, visitor_operand_before=seen.operator) or ""
    plain = [PdfLine(line) for line in text.splitlines()]
    if not seen.words or seen.slanted:
        return plain
    try:
        return _placed_lines(seen)
    except (ArithmeticError, IndexError, ValueError):  # a page drawn some way not foreseen: as before
        return plain


def placed_lines(words: list[tuple[float, float, float, str, float | None]],
                 rules: Sequence[tuple[tuple[float, float], tuple[float, float]]] = ()) -> list[PdfLine]:
    """:func:`page_lines` of a page read by another reader (an OFD's): its ``words`` as (x, y of the
    baseline, size, text, width or ``None``) and the straight ``rules`` it draws as their two ends,
    in points with y growing up the page, as a PDF's."""
    seen = _Page()
    seen.words = [_Word(x, y, size, text, width) for x, y, size, text, width in words if text.strip()]
    for a, b in rules:
        seen._segment(a, b)
    if not seen.words:
        return []
    return _placed_lines(seen)


def _placed_lines(seen: _Page) -> list[PdfLine]:
    """:func:`page_lines` of a page whose words stand upright where they are."""
    tables = _tables(seen)
    placed: list[tuple[float, int, PdfLine]] = []  # (y, order, line): tables and text, top to bottom
    in_table: list[list[_Word]] = [[] for _ in tables]
    rest: list[_Word] = []
    for w in seen.words:
        n = next((n for n, t in enumerate(tables) if t.holds(w)), None)
        (rest if n is None else in_table[n]).append(w)
    for n, (table, words) in enumerate(zip(tables, in_table, strict=True)):
        placed += [(table.ys[0], n * 10_000 + k, PdfLine(row, row="\t" in row))
                   for k, row in enumerate(_rows(table, words))]
    lines = _lines_of(rest)
    if lines:
        left = min(line[0].x for line in lines)
        right = max(max(w.end for w in line) for line in lines)
        for k, line in enumerate(lines):
            size = max(w.size for w in line)
            placed.append((line[0].y, -1_000_000 + k, PdfLine(
                _line_text(line), full=right - max(w.end for w in line) <= size * 1.5 and not _gapped(line),
                indented=line[0].x - left >= size * 0.9 or _gapped(line))))
    placed.sort(key=lambda p: (-p[0], p[1]))
    return [line for _, _, line in placed]


#: how a cell's text ends when its sentence is over (what follows it on the next page is no part of it)
_SENTENCE_ENDS = ("。", "；", ";", "！", "？", "!", "?")


def row_split_over_pages(above: str, below: str) -> str | None:
    """The table row ``above`` (the last line of a page) and ``below`` (the first of the next) as
    one row, when ``below`` is the rest of ``above``'s cells carried over the page break (a row
    whose long cells did not fit: "对第2所学校开展安全管理" / "专项督导"), else ``None``.

    Carried over: the same cells (or fewer, the empty ones at the end); text only in cells whose
    text above runs on (no full stop); and a cell left empty below that had text above (the short
    cells — 序号, the status — ended on the first page). A new row under a problem merged down from
    the page before fills its own cells."""
    upper, lower = above.split("\t"), below.split("\t")
    if len(lower) < 2 or len(lower) > len(upper):
        return None
    # (the piece carried over may draw no rule between its empty cells: they read as one, at its end)
    lower += [""] * (len(upper) - len(lower))
    if not any(lower):
        return None
    runs_on = all(not b or (a and not a.endswith(_SENTENCE_ENDS)) for a, b in zip(upper, lower, strict=True))
    # a cell that ended above, after the first carried over (序号 and 问题 empty before it are
    # merged down, as under any problem's second measure)
    first = next(j for j, b in enumerate(lower) if b)
    ended = any(a and not b for a, b in zip(upper[first + 1:], lower[first + 1:], strict=True))
    # a whole status in the last cell is a row's own ("\t\t开展回头看\t\t已完成"), not carried over
    own_status = bool(lower[-1]) and read_status(lower[-1]).status is not None and len(lower[-1]) <= 6
    if not (runs_on and ended) or own_status:
        return None
    return "\t".join(a + b for a, b in zip(upper, lower, strict=True))
