"""The file a ``HYPERLINK`` formula opens when its target is put together from the row's cells.

A clerk who keeps one evidence file per measure, named after its number, writes the link once and
fills it down: ``=HYPERLINK("附件\\"&A3&".pdf","查看")``, ``=HYPERLINK(CONCATENATE("佐证材料/",B3,
".pdf"),"点击查看")``, or ``=HYPERLINK(J3,"查看")`` with the path in a helper column. The cell shows
its second words ("查看"); the file is the first argument's value, worked out here from the sheet's
values as Excel would: text in quotes, cells of the same sheet (a whole number as its digits),
joined by ``&``, ``CONCATENATE`` or ``CONCAT``. Anything else (another sheet, another function, a
range) gives no target — the link is not guessed.

A formula filled down is kept once, on its first cell (a shared formula, ``t="shared"``): the
cells below have its text with their relative references moved (:func:`moved`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from datetime import date
from typing import Any

from rectxl.core.text import col_index, col_letter

__all__ = ["first_argument", "link_target", "moved", "parsed_argument"]

#: a cell reference of the sheet (A1, $A$1), not followed by ( (a function) or ! / : (another sheet, a range)
_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(!:])")
#: a text in quotes ("" inside it is one ")
_STRING = re.compile(r'"((?:[^"]|"")*)"')
_TOKEN = re.compile(r'\s*(?:"(?P<s>(?:[^"]|"")*)"|(?P<f>(?:_xlfn\.)?(?:CONCATENATE|CONCAT))\s*\(|'
                    r"(?P<r>\$?[A-Z]{1,3}\$?\d{1,7})(?![\w(!:])|(?P<n>\d+(?:\.\d+)?)(?![\w(])|(?P<p>[&,)]))",
                    re.IGNORECASE)


def first_argument(formula: str) -> str | None:
    """The first argument of the ``HYPERLINK(…)`` ``formula`` opens with (its text as written), up
    to the comma at its own depth; None when the formula is no such call."""
    m = re.match(r"\s*=?\s*(?:_xlfn\.)?HYPERLINK\s*\(", formula, re.IGNORECASE)
    if m is None:
        return None
    depth, pos = 0, m.end()
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
                return formula[m.end():pos]
            depth -= 1
        elif ch == "," and depth == 0:
            return formula[m.end():pos]
        pos += 1
    return None


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


def link_target(argument: str, value: Callable[[int, int], Any]) -> str | None:
    """The text the first argument ``argument`` of a HYPERLINK works out to, ``value(row, col)``
    (0-based) giving a cell of the sheet; None when it is not text put together from quoted
    texts, cells and numbers by ``&``, CONCATENATE or CONCAT."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = argument.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    out, rest = _join(tokens, 0, value)
    return out if out is not None and rest == len(tokens) else None


def _join(tokens: list[tuple[str, str]], at: int, value: Callable[[int, int], Any]) -> tuple[str | None, int]:
    """Terms joined by ``&`` from token ``at``: (their text, where they end)."""
    out = ""
    while True:
        term, at = _term(tokens, at, value)
        if term is None:
            return None, at
        out += term
        if at < len(tokens) and tokens[at] == ("p", "&"):
            at += 1
            continue
        return out, at


def _term(tokens: list[tuple[str, str]], at: int, value: Callable[[int, int], Any]) -> tuple[str | None, int]:
    if at >= len(tokens):
        return None, at
    kind, text = tokens[at]
    if kind == "s":
        return text.replace('""', '"'), at + 1
    if kind == "n":
        return _shown(float(text)), at + 1
    if kind == "r":
        m = _REF.fullmatch(text.upper())
        if m is None:
            return None, at
        cell = _shown(value(int(m.group(4)) - 1, col_index(m.group(2))))
        return cell, at + 1
    if kind == "f":  # CONCATENATE(a, b, …)
        out, at = "", at + 1
        while True:
            part, at = _join(tokens, at, value)
            if part is None or at >= len(tokens):
                return None, at
            out += part
            if tokens[at] == ("p", ","):
                at += 1
            elif tokens[at] == ("p", ")"):
                return out, at + 1
            else:
                return None, at
    return None, at


def _shown(cell: Any) -> str | None:
    """A cell's value as ``&`` joins it: text as it is, a whole number as its digits; a date (its
    serial in Excel) or anything else gives no text."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, str):
        return cell
    if isinstance(cell, date):
        return None
    return None


#: the built-in functions a link's target may be put together with, by their number in the
#: binary formats ([MS-XLS] 2.5.198.17 Ftab): CONCATENATE, and HYPERLINK itself
_CONCATENATE, _HYPERLINK = 336, 359


def parsed_argument(rgce: bytes, row: int, col: int, biff12: bool = False) -> str | None:
    """The first argument of the HYPERLINK call a parsed formula ``rgce`` of an .xls (BIFF8) or,
    ``biff12``, an .xlsb is, written as text (``"附件\\"&A3&".pdf"``), its references made
    absolute from the cell (``row``, ``col``, 0-based) the formula is in (a shared formula's
    relative references, ptgRefN); None for any other formula. The tokens read ([MS-XLS]
    2.5.198, [MS-XLSB] 2.5.97): ptgStr, ptgRef, ptgRefN, ptgConcat, ptgInt, ptgNum, ptgParen,
    ptgAttr (spaces), ptgFuncVar."""
    stack: list[str] = []
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
            elif ptg == 0x08:  # ptgConcat
                right, left = stack.pop(), stack.pop()
                stack.append(f"{left}&{right}")
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
                if rgce[pos] not in (0x01, 0x40):
                    return None
                pos += 3
            elif ptg in (0x22, 0x42, 0x62):  # ptgFuncVar (of any class)
                count, tab = rgce[pos] & 0x7F, int.from_bytes(rgce[pos + 1:pos + 3], "little") & 0x7FFF
                pos += 3
                if count > len(stack) or not count:
                    return None
                args, stack = stack[-count:], stack[:-count]
                if tab == _HYPERLINK:
                    return args[0] if pos == end and not stack else None
                if tab != _CONCATENATE:
                    return None
                stack.append("CONCATENATE(" + ",".join(args) + ")")
            else:
                return None
    except (IndexError, UnicodeDecodeError, struct.error):
        return None
    return None


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
