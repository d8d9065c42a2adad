"""The file a ``HYPERLINK`` formula opens when its target is put together from the row's cells.

A clerk who keeps one evidence file per measure, named after its number, writes the link once and
fills it down: ``=HYPERLINK("附件\\"&A3&".pdf","查看")``, ``=HYPERLINK(CONCATENATE("佐证材料/",B3,
".pdf"),"点击查看")``, or ``=HYPERLINK(J3,"查看")`` with the path in a helper column. The cell shows
its second words ("查看"); the file is the first argument's value, worked out here from the sheet's
values as Excel would: text in quotes, numbers, cells of the same sheet (a whole number as its
digits), joined by ``&``, ``CONCATENATE`` or ``CONCAT``, with ``+ - * /`` and the functions a file
is numbered with: ``ROW()`` (``"佐证材料/"&ROW()-3&".pdf"``), ``COLUMN()``, ``TEXT(A5,"000")``
(``材料\\005.pdf``), ``TEXT(J5,"yyyymmdd")`` of a date cell (``20260520``), ``TRIM``, ``LEN``, and ``IF``
over comparisons of them (``=``, ``<>``, ``<``, ``>``; ``AND``, ``OR``, ``NOT``, ``ISBLANK``: only the
branch taken is worked out); a cell's own value may also be a day (``DATE(2026,12,31)``,
:func:`formula_value`). Anything
else (another sheet, another function, a range, a date joined as it is) gives no target — the
link is not guessed. A workbook written by a program that does not compute (an
export) keeps no value for the cell: the words it shows are worked out the same way.

A link a condition chooses (``=IF(J4="","未上传",HYPERLINK(…,"查看"))``, ``IFERROR(HYPERLINK(…),"")``) is
the cell's when it shows the link's own words (:func:`chosen_link`).

A formula filled down is kept once, on its first cell (a shared formula, ``t="shared"``): the
cells below have its text with their relative references moved (:func:`moved`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from rectxl.core.text import LazyPattern, col_index, col_letter

__all__ = ["arguments", "chosen_link", "first_argument", "formula_value", "link_target", "moved",
           "parsed_argument"]

#: a cell reference of the sheet (A1, $A$1), not followed by ( (a function) or ! / : (another sheet, a range)
_REF = LazyPattern(r"(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(!:])")
#: a text in quotes ("" inside it is one ")
_STRING = LazyPattern(r'"((?:[^"]|"")*)"')
_TOKEN = LazyPattern(r'\s*(?:"(?P<s>(?:[^"]|"")*)"|(?P<f>(?:_xlfn\.)?[A-Z][A-Z0-9.]*)\s*\(|'
                    r"(?P<r>\$?[A-Z]{1,3}\$?\d{1,7})(?![\w(!:])|(?P<n>\d+(?:\.\d+)?)(?![\w(])|"
                    r"(?P<p><>|<=|>=|[-&,()+*/=<>]))\s*",
                    re.IGNORECASE)


def first_argument(formula: str) -> str | None:
    """The first argument of the ``HYPERLINK(…)`` ``formula`` opens with (its text as written), up
    to the comma at its own depth; None when the formula is no such call."""
    found = arguments(formula)
    return found[0] if found else None


def arguments(formula: str) -> list[str] | None:
    """The arguments of the ``HYPERLINK(…)`` ``formula`` opens with, each as written (the link,
    then the words the cell shows, when given); None when the formula is no such call."""
    m = re.match(r"\s*=?\s*(?:_xlfn\.)?HYPERLINK\s*\(", formula, re.IGNORECASE)
    if m is None:
        return None
    depth, pos, start = 0, m.end(), m.end()
    out: list[str] = []
    while pos < len(formula):
        ch = formula[pos]
        if ch == '"':
            s = _STRING.match(formula, pos)
            if s is None:
                return None
            pos = s.end()
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return [*out, formula[start:pos]]
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(formula[start:pos])
            start = pos + 1
        pos += 1
    return [*out, formula[start:]] if out else None


#: a formula choosing what its cell shows: ``IF(…)``, ``IFERROR(…)``, ``IFNA(…)``, ``IFS(…)``
_CONDITION = LazyPattern(r"\s*=?\s*(?:_xlfn\.)?IF(?:ERROR|NA|S)?\s*\(", re.IGNORECASE)
#: a HYPERLINK call inside one
_INNER_HYPERLINK = LazyPattern(r"(?<![\w.])(?:_xlfn\.)?HYPERLINK\s*\(", re.IGNORECASE)


def chosen_link(formula: str) -> tuple[list[str], str] | None:
    """The arguments of a HYPERLINK a condition chooses (``=IF(L4="","",HYPERLINK("佐证材料/"&A4&
    ".pdf","查看"))``, ``=IFERROR(HYPERLINK(…,"查看"),"")``) and the words it shows ("查看"): the
    cell opens that link when it shows those words, and only then (another branch, "" or "未上传",
    opens nothing). None for any other formula, or a link whose words are put together."""
    if not _CONDITION.match(formula):
        return None
    inner = _INNER_HYPERLINK.search(formula)
    given = arguments(formula[inner.start():]) if inner is not None else None
    words = _STRING.fullmatch(given[1].strip()) if given and len(given) > 1 else None
    if given is None or words is None or not words.group(1):
        return None
    return given[:2], words.group(1).replace('""', '"')


def moved(formula: str, rows: int, cols: int) -> str:
    """``formula`` as written in a cell ``rows`` below and ``cols`` right of its own: its relative
    references moved (text in quotes left as it is)."""
    def move(m: re.Match[str]) -> str:
        col_abs, col, row_abs, row = m.groups()
        c = col_index(col.upper()) + (0 if col_abs else cols)
        r = int(row) + (0 if row_abs else rows)
        return f"{col_abs}{col_letter(c)}{row_abs}{r}" if c >= 0 and r >= 1 else m.group()

    parts = _STRING.split(formula)  # quoted texts at the odd places (their inside only)
    return "".join(f'"{part}"' if i % 2 else _REF.sub(move, part) for i, part in enumerate(parts))


def link_target(argument: str, value: Callable[[int, int], Any], at: tuple[int, int] | None = None) -> str | None:
    """The text an argument of a HYPERLINK works out to, ``value(row, col)`` (0-based) giving a cell
    of the sheet and ``at`` the formula's own cell (for ``ROW()``); None when it is not text put
    together, as Excel would, from quoted texts, numbers and cells of the sheet by ``&``, ``+ - * /``
    and the functions a clerk numbers a file with (:data:`_FUNCTIONS`)."""
    out = _worked_out(argument, value, at)
    try:
        return None if out is None else _text(out)
    except _Unknown:  # a day joined as it is
        return None


def formula_value(formula: str, value: Callable[[int, int], Any],
                  at: tuple[int, int] | None = None) -> str | date | None:
    """What a cell's ``formula`` shows, worked out as :func:`link_target` works a link out — and a
    day as a date (``DATE(2026,12,31)``, a date cell named, an ``IF`` choosing one); None when it is
    not worked out here."""
    out = _worked_out(formula, value, at)
    if isinstance(out, _Day):
        return out.day
    try:
        return None if out is None else _text(out)
    except _Unknown:
        return None


def _worked_out(formula: str, value: Callable[[int, int], Any], at: tuple[int, int] | None) -> str | float | None:
    """The value of ``formula`` (its text without ``=``), None when it is not worked out here."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = formula.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            return None
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    reader = _Reader(tokens, value, at)
    try:
        out = reader.compared()
    except (_Unknown, RecursionError):  # (brackets or signs nested past Python's stack: a hostile file)
        return None
    return out if reader.at == len(tokens) else None


class _Unknown(Exception):
    """The formula does something not worked out here: its value is not guessed."""


#: a number format TEXT() may give: digits only, padded with zeros ("000", "0", "#", "0.0")
_DIGITS_FORMAT = LazyPattern(r"([0#]+)(?:\.(0+))?")


class _Reader:
    """Excel's order of operations over the tokens: ``&`` joins sums, sums join products, a
    product of signed terms; a term is a text, a number, a cell, a call or ( … )."""

    def __init__(self, tokens: list[tuple[str, str]], value: Callable[[int, int], Any],
                 at: tuple[int, int] | None):
        self.tokens, self.value, self.cell, self.at = tokens, value, at, 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("", "")

    def take(self, token: tuple[str, str]) -> bool:
        if self.peek() == token:
            self.at += 1
            return True
        return False

    def compared(self) -> str | float:
        """A comparison (``A5=""``, ``F5<46295``), below ``&`` as in Excel: TRUE or FALSE."""
        out = self.joined()
        if (op := self.peek()) in _COMPARING:
            self.at += 1
            out = _compare(out, op[1], self.joined())
        return out

    def joined(self) -> str | float:
        out = self.summed()
        while self.take(("p", "&")):
            out = _text(out) + _text(self.summed())
        return out

    def summed(self) -> str | float:
        out = self.product()
        while self.peek() in (("p", "+"), ("p", "-")):
            sign = self.tokens[self.at][1]
            self.at += 1
            right = _number(self.product())
            out = _number(out) + (right if sign == "+" else -right)
        return out

    def product(self) -> str | float:
        out = self.signed()
        while self.peek() in (("p", "*"), ("p", "/")):
            op = self.tokens[self.at][1]
            self.at += 1
            right = _number(self.signed())
            if op == "/" and right == 0:
                raise _Unknown
            out = _number(out) * right if op == "*" else _number(out) / right
        return out

    def signed(self) -> str | float:
        if self.take(("p", "-")):
            return -_number(self.signed())
        if self.take(("p", "+")):
            return _number(self.signed())
        return self.term()

    def term(self) -> str | float:
        kind, text = self.peek()
        self.at += 1
        if kind == "s":
            return text.replace('""', '"')
        if kind == "n":
            return float(text)
        if kind == "r":
            return _cell(self.value(*_place(text)))
        if kind == "p" and text == "(":
            out = self.compared()
            if not self.take(("p", ")")):
                raise _Unknown
            return out
        if kind == "f":
            return self.call(text.upper().removeprefix("_XLFN."))
        raise _Unknown

    def call(self, name: str) -> str | float:
        if name in ("ROW", "COLUMN"):  # of the formula's own cell, or of the cell named
            kind, text = self.peek()
            if kind == "r" and self.tokens[self.at + 1:self.at + 2] == [("p", ")")]:
                self.at += 2
                place = _place(text)
            elif self.take(("p", ")")) and self.cell is not None:
                place = self.cell
            else:
                raise _Unknown
            return float(place[0] + 1 if name == "ROW" else place[1] + 1)
        if name == "IF":
            return self.chosen()
        args: list[str | float] = []
        if not self.take(("p", ")")):
            while True:
                args.append(self.compared())
                if self.take(("p", ")")):
                    break
                if not self.take(("p", ",")):
                    raise _Unknown
        if name in ("CONCATENATE", "CONCAT") and args:
            return "".join(_text(a) for a in args)
        if name == "TEXT" and len(args) == 2:
            return _formatted(args[0], _text(args[1]))
        if name == "TRIM" and len(args) == 1:
            return re.sub(" +", " ", _text(args[0]).strip(" "))
        if name in ("AND", "OR") and args:
            truths = [_truth(a) for a in args]
            return _Truth(all(truths) if name == "AND" else any(truths))
        if name == "NOT" and len(args) == 1:
            return _Truth(not _truth(args[0]))
        if name == "ISBLANK" and len(args) == 1:
            return _Truth(args[0] == "")
        if name == "DATE" and len(args) == 3:
            return _date_of(*(_number(a) for a in args))
        if name == "LEN" and len(args) == 1:  # (a date: its serial's digits, five in either date system)
            return float(len(str(int(args[0])) if isinstance(args[0], _Day) else _text(args[0])))
        raise _Unknown


    def chosen(self) -> str | float:
        """``IF(condition, then, else)`` (after its bracket): the branch the condition takes, the
        other one not worked out (it may need what is not worked out here: TODAY(), another sheet)."""
        spans: list[tuple[int, int]] = []
        depth, start = 0, self.at
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            if token == ("p", "(") or token[0] == "f":
                depth += 1
            elif token == ("p", ")"):
                if depth == 0:
                    break
                depth -= 1
            elif token == ("p", ",") and depth == 0:
                spans.append((start, self.at))
                start = self.at + 1
            self.at += 1
        else:
            raise _Unknown
        spans.append((start, self.at))
        self.at += 1  # its closing bracket
        if not 2 <= len(spans) <= 3:
            raise _Unknown
        if _truth(self.span(spans[0])):
            return self.span(spans[1])
        return self.span(spans[2]) if len(spans) == 3 else _Truth(False)

    def span(self, span: tuple[int, int]) -> str | float:
        """The value of the tokens in ``span`` (an argument, whole)."""
        first, last = span
        if first == last:
            return ""  # an argument left out (IF(A5="",,"x")): empty
        inner = _Reader(self.tokens[first:last], self.value, self.cell)
        out = inner.compared()
        if inner.at != last - first:
            raise _Unknown
        return out


#: the comparisons a condition is made with
_COMPARING = frozenset(("p", op) for op in ("=", "<>", "<", ">", "<=", ">="))


def _date_of(year: float, month: float, day: float) -> _Day:
    """``DATE(year, month, day)`` as Excel works it out: a month or day past its end runs on into the
    next (DATE(2026,13,1) is 2027年1月1日); a year of two digits or fewer is counted from 1900."""
    if not all(float(v).is_integer() for v in (year, month, day)):
        raise _Unknown
    y, m, d = int(year), int(month), int(day)
    y += 1900 if 0 <= y < 1900 else 0
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    try:
        return _Day(date(y, m, 1) + timedelta(days=d - 1))
    except (ValueError, OverflowError):
        raise _Unknown from None


def _truth(value: str | float) -> bool:
    """A value as a condition: a number (TRUE, FALSE, not 0); text is none (#VALUE!: not worked out)."""
    if isinstance(value, str) or isinstance(value, _Day):
        raise _Unknown
    return bool(value)


class _Truth(float):
    """TRUE or FALSE (a number to arithmetic, as Excel's), joined as its word."""


def _compare(left: str | float, op: str, right: str | float) -> _Truth:
    """``left op right`` as Excel compares: numbers (an empty cell beside a number is 0) by value,
    texts without regard to case; a number and a text are not worked out (Excel ranks text higher)."""
    if isinstance(left, str) and isinstance(right, float) and not left:
        left = 0.0
    if isinstance(right, str) and isinstance(left, float) and not right:
        right = 0.0
    if isinstance(left, str) != isinstance(right, str):
        raise _Unknown
    a, b = (left.casefold(), right.casefold()) if isinstance(left, str) and isinstance(right, str) else (left, right)
    out = {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]  # type: ignore[operator]
    return _Truth(out)


def _place(ref: str) -> tuple[int, int]:
    m = _REF.fullmatch(ref.upper())
    if m is None:
        raise _Unknown
    return int(m.group(4)) - 1, col_index(m.group(2))


class _Day(float):
    """A date cell as a formula sees it: a number (its serial) that ``TEXT`` shows as the date it
    is; joined as it is (``&A5``), its serial depends on the workbook's date system: not guessed."""

    day: date

    def __new__(cls, day: date) -> _Day:
        out = super().__new__(cls, float((day - date(1899, 12, 30)).days))
        out.day = day
        return out


def _cell(cell: Any) -> str | float:
    """A cell's value as a formula sees it: text, a number (an empty cell: empty text) or a date
    (:class:`_Day`); anything else is not worked with."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int | float):
        return float(cell)
    if isinstance(cell, str):
        return cell
    if isinstance(cell, date):  # (a datetime too: its day)
        return _Day(cell if type(cell) is date else date(cell.year, cell.month, cell.day))
    raise _Unknown


def _text(value: str | float) -> str:
    """A value as ``&`` joins it: text as it is, a number as its digits (a date's serial: not known)."""
    if isinstance(value, str):
        return value
    if isinstance(value, _Day):
        raise _Unknown
    if isinstance(value, _Truth):
        return "TRUE" if value else "FALSE"
    return str(int(value)) if value.is_integer() else repr(value)


def _number(value: str | float) -> float:
    """A value as ``+ - * /`` take it: a number, text of a number, an empty cell as 0."""
    if isinstance(value, float):
        return value
    try:
        return float(value) if value.strip() else 0.0
    except ValueError:
        raise _Unknown from None


def _formatted(value: str | float, fmt: str) -> str:
    """``TEXT(value, fmt)`` for the formats a file is numbered with: digits padded with zeros
    ("000" → 005, "0.0"), ``@`` and the general format (as ``&`` joins it)."""
    if fmt in ("@", "") or fmt.lower() in ("general", "g/通用格式"):
        return _text(value)
    if isinstance(value, _Day):
        return _date_text(value.day, fmt)
    m = _DIGITS_FORMAT.fullmatch(fmt)
    if m is None:
        raise _Unknown
    number = _number(value)
    decimals = len(m.group(2) or "")
    text = f"{abs(number):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.zfill(m.group(1).count("0"))
    if m.group(1).count("0") == 0 and whole == "0":
        whole = ""
    return ("-" if number < 0 and float(text) else "") + whole + ("." + fraction if fraction else "")


#: a date format's parts: quoted text, an escaped character, a locale or colour in brackets, the
#: year, month and day (and the era year ``e``), a time part (not worked out)
_DATE_PART = LazyPattern(r'"(?P<q>[^"]*)"|\\(?P<x>.)|\[[^\]]*\]|(?P<y>y+|e+)|(?P<m>m+)|(?P<d>d+)|(?P<t>[hs]|am/pm|a/p)',
                        re.IGNORECASE)


def _date_text(day: date, fmt: str) -> str:
    """``TEXT(day, fmt)`` for a format of the day's figures (``yyyymmdd``, ``yyyy-mm-dd``,
    ``yyyy"年"m"月"d"日"``, ``yyyy年m月d日``, ``yymm``): a time, a month or weekday by name and
    anything else with letters are not worked out."""
    out: list[str] = []
    pos = 0
    for m in _DATE_PART.finditer(fmt):
        literal = fmt[pos:m.start()]
        if re.search(r"[A-Za-z0#?@]", literal):
            raise _Unknown
        out.append(literal)
        pos = m.end()
        kind, text = m.lastgroup, m.group()
        if kind == "q":
            out.append(m.group("q"))
        elif kind == "x":
            out.append(m.group("x"))
        elif kind == "y":
            out.append(f"{day.year % 100:02d}" if len(text) <= 2 and text[0] in "yY" else str(day.year))
        elif kind in ("m", "d") and len(text) <= 2:
            number = day.month if kind == "m" else day.day
            out.append(f"{number:02d}" if len(text) == 2 else str(number))
        elif kind is None:  # a locale or colour shows nothing; [DBNum1] shows figures as words
            if text.lower().startswith("[dbnum"):
                raise _Unknown
            continue
        else:
            raise _Unknown
    tail = fmt[pos:]
    if re.search(r"[A-Za-z0#?@]", tail):
        raise _Unknown
    return "".join(out) + tail


#: the built-in functions a link's target may be put together with, by their number in the
#: binary formats ([MS-XLS] 2.5.198.17 Ftab), and HYPERLINK itself
_CONCATENATE, _HYPERLINK = 336, 359
#: those of a variable count of arguments (ptgFuncVar): how many they take
_VARIABLE = {_CONCATENATE: (1, 255), 8: (0, 1), 9: (0, 1)}
#: and of a fixed count (ptgFunc): TEXT, TRIM
_FIXED = {48: 2, 118: 1}
_NAMES = {_CONCATENATE: "CONCATENATE", 8: "ROW", 9: "COLUMN", 48: "TEXT", 118: "TRIM"}
#: the binary operators (ptgAdd … ptgDiv, ptgConcat) as written
_OPERATORS = {0x03: "+", 0x04: "-", 0x05: "*", 0x06: "/", 0x08: "&"}


#: what may stand in the condition choosing a link (=IF(J4="","未上传",HYPERLINK(…,"查看"))): IF itself,
#: AND, OR (ptgFuncVar); LEN, ISBLANK, NOT, ISERROR, ISNUMBER (ptgFunc) — their values are not worked out
_IF = 1
_CONDITION_VARIABLE = {_IF: (2, 3), 36: (1, 255), 37: (1, 255)}
_CONDITION_FIXED = {32: 1, 129: 1, 38: 1, 3: 1, 2: 1, 128: 1}
#: the comparisons (ptgLt … ptgNe)
_COMPARISONS = range(0x09, 0x0F)


def parsed_choice(rgce: bytes, row: int, col: int, biff12: bool = False) -> tuple[str, str] | None:
    """The first argument of the HYPERLINK a condition chooses in a parsed formula (an .xls's
    ``=IF(J4="","未上传",HYPERLINK("佐证材料/"&A4&".pdf","查看"))``), written as text as
    :func:`parsed_argument` writes it, and the words it shows ("查看"): the cell opens that link
    where it shows those words (:func:`chosen_link` for a formula kept as text). None for any other
    formula, or a link whose words are put together."""
    parsed = _parsed(rgce, row, col, biff12, choosing=True)
    return (parsed[0], parsed[1]) if parsed is not None and parsed[1] is not None else None


def parsed_argument(rgce: bytes, row: int, col: int, biff12: bool = False) -> str | None:
    """The first argument of the HYPERLINK call a parsed formula ``rgce`` of an .xls (BIFF8) or,
    ``biff12``, an .xlsb is, written as text (``"附件\\"&A3&".pdf"``), its references made
    absolute from the cell (``row``, ``col``, 0-based) the formula is in (a shared formula's
    relative references, ptgRefN); None for any other formula. The tokens read ([MS-XLS]
    2.5.198, [MS-XLSB] 2.5.97): ptgStr, ptgRef, ptgRefN, ptgConcat, ptgAdd … ptgDiv, ptgUminus,
    ptgInt, ptgNum, ptgParen, ptgAttr (spaces), ptgFunc and ptgFuncVar (of :data:`_NAMES`)."""
    parsed = _parsed(rgce, row, col, biff12, choosing=False)
    return parsed[0] if parsed is not None and parsed[1] is None else None


def _parsed(rgce: bytes, row: int, col: int, biff12: bool, choosing: bool) -> tuple[str, str | None] | None:
    """(HYPERLINK's first argument, None) when ``rgce`` is that call; ``choosing``: also (its first
    argument, the words it shows) when ``rgce`` is an IF whose branch is that call."""
    stack: list[str] = []
    chosen: tuple[str, str] | None = None
    last = -1  # the last function called
    pos, end = 0, len(rgce)
    try:
        while pos < end:
            ptg = rgce[pos]
            pos += 1
            if ptg == 0x17:  # ptgStr
                if biff12:
                    count = int.from_bytes(rgce[pos:pos + 2], "little")
                    text, pos = rgce[pos + 2:pos + 2 + 2 * count].decode("utf-16-le"), pos + 2 + 2 * count
                else:
                    count, wide = rgce[pos], rgce[pos + 1] & 0x01
                    size = count * (2 if wide else 1)
                    raw = rgce[pos + 2:pos + 2 + size]
                    text, pos = raw.decode("utf-16-le" if wide else "latin-1"), pos + 2 + size
                stack.append('"' + text.replace('"', '""') + '"')
            elif ptg in (0x24, 0x44, 0x64, 0x2C, 0x4C, 0x6C):  # ptgRef, ptgRefN
                r, c, pos = _location(rgce, pos, biff12, ptg & 0x1F == 0x0C, row, col)
                if r < 0 or c < 0:
                    return None
                stack.append(f"{col_letter(c)}{r + 1}")
            elif ptg in _OPERATORS:  # ptgConcat, ptgAdd, ptgSub, ptgMul, ptgDiv
                right, left = stack.pop(), stack.pop()  # (& joins last: what it joins needs no brackets)
                op = _OPERATORS[ptg]
                stack.append(f"{left}&{right}" if op == "&" else f"(({left}){op}({right}))")
            elif ptg == 0x13:  # ptgUminus
                stack.append(f"(-({stack.pop()}))")
            elif ptg == 0x1E:  # ptgInt
                stack.append(str(int.from_bytes(rgce[pos:pos + 2], "little")))
                pos += 2
            elif ptg == 0x1F:  # ptgNum
                number = struct.unpack_from("<d", rgce, pos)[0]
                stack.append(str(int(number)) if number.is_integer() else repr(number))
                pos += 8
            elif ptg == 0x15:  # ptgParen
                continue
            elif ptg == 0x19:  # ptgAttr: only spaces and a volatile mark are no function
                if rgce[pos] not in ((0x01, 0x40, 0x02, 0x08) if choosing else (0x01, 0x40)):  # IF's jumps
                    return None
                pos += 3
            elif choosing and ptg in _COMPARISONS:
                right, left = stack.pop(), stack.pop()
                stack.append(f"({left})?({right})")  # compared: its value is not needed
            elif choosing and ptg in (0x1D, 0x1C):  # ptgBool, ptgErr
                stack.append("?")
                pos += 1
            elif choosing and ptg == 0x16:  # ptgMissArg
                stack.append("")
            elif ptg in (0x22, 0x42, 0x62, 0x21, 0x41, 0x61):  # ptgFuncVar, ptgFunc (of any class)
                variable = _VARIABLE | _CONDITION_VARIABLE if choosing else _VARIABLE
                fixed = _FIXED | _CONDITION_FIXED if choosing else _FIXED
                if ptg & 0x1F == 0x02:
                    count, tab = rgce[pos] & 0x7F, int.from_bytes(rgce[pos + 1:pos + 3], "little") & 0x7FFF
                    pos += 3
                    low, high = (1, 255) if tab == _HYPERLINK else variable.get(tab, (1, 0))
                else:
                    tab = int.from_bytes(rgce[pos:pos + 2], "little") & 0x7FFF
                    pos += 2
                    count = low = high = fixed.get(tab, -1)
                if not low <= count <= high or count > len(stack):
                    return None
                args, stack = stack[len(stack) - count:], stack[:len(stack) - count]
                last = tab
                if tab == _HYPERLINK:
                    if pos == end and not stack:
                        return args[0], None
                    words = _STRING.fullmatch(args[1]) if choosing and len(args) > 1 and chosen is None else None
                    if words is None or not words.group(1):
                        return None  # a link inside another call, or words put together
                    chosen = args[0], words.group(1).replace('""', '"')
                    stack.append("HYPERLINK()")
                    continue
                stack.append(f"{_NAMES.get(tab, '?')}(" + ",".join(args) + ")")
            else:
                return None
    except (IndexError, UnicodeDecodeError, struct.error):
        return None
    return chosen if chosen is not None and last == _IF and len(stack) == 1 else None


def _location(rgce: bytes, pos: int, biff12: bool, offsets: bool, row: int, col: int) -> tuple[int, int, int]:
    """A reference's cell (0-based row, col) and where it ends: BIFF8 keeps a row in 2 bytes and a
    column in the low 8 bits of the next 2, BIFF12 a row in 4 and a column in the low 14 bits;
    the top two bits say the column and the row are relative. In a shared formula (``offsets``)
    a relative row or column is an offset from the formula's cell."""
    if biff12:
        r, c = struct.unpack_from("<iH", rgce, pos)
        pos, col_bits, col_sign = pos + 6, 0x3FFF, 0x2000
    else:
        r, c = struct.unpack_from("<hH", rgce, pos)
        pos, col_bits, col_sign = pos + 4, 0x00FF, 0x0080
    row_relative, col_relative = c & 0x8000, c & 0x4000
    c &= col_bits
    if offsets and col_relative:
        c = col + (c - 2 * col_sign if c & col_sign else c)
    if offsets and row_relative:
        r = row + r
    elif not biff12:
        r &= 0xFFFF
    return r, c, pos
