"""The cells of a sheet a user's conditional format may paint over.

Excel shows a conditional format's fill *over* a cell's own fill while its condition holds (a
colour scale always): a flagged cell under a rule that colours 已完成 green or whole overdue rows
red may not show rectxl's colour at all. 校验结果 names such cells (DESIGN.md §6), so the clerk
goes by the list, not by the colours. Read by byte scans (the rules follow ``sheetData``; the
Excel 2010 rules — their fill inline — sit in the sheet's ``extLst``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from typing import Any, ClassVar

from rectxl.core.text import col_index
from rectxl.io.xmlbytes import attr, elements, first

__all__ = ["ColourRule", "colour_rules", "conditional_colours", "dxf_fills", "ods_colour_rule", "painted_ranges"]

#: a whole sheet's extent (a range given as J:J or 2:2)
_MAX_ROW, _MAX_COL = 1_048_576, 16_384
_REF = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d+)?")
_COLOUR = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:bgColor|fgColor|stop)\b|<(?:[A-Za-z_][\w.-]*:)?gradientFill\b")
#: rule types that colour the cell's background whatever the dxf (the others need a dxf fill)
_PAINTING_TYPES = {"colorScale"}
Range = tuple[int, int, int, int]  # first row, last row, first column, last column (1-based rows, 0-based columns)


def dxf_fills(styles_xml: bytes) -> list[str | None]:
    """For each differential format of the styles part (in order), the fill colour it sets:
    RRGGBB, "" for a colour given otherwise (a theme colour, a gradient), None for no fill."""
    container = first(styles_xml, "dxfs")
    if container is None or container.empty:
        return []
    return [_paint(styles_xml[e.start:e.end])
            for e in elements(styles_xml, "dxf", container.tag_end, container.content_end)]


def _paint(dxf: bytes) -> str | None:
    fill = first(dxf, "fill")
    if fill is None or _COLOUR.search(dxf, fill.start, fill.end) is None:
        return None
    body = dxf[fill.start:fill.end]
    for local in ("bgColor", "fgColor"):  # a conditional format's solid fill is its bgColor
        colour = first(body, local)
        rgb = colour.get("rgb") if colour is not None else None
        if rgb:
            return rgb[-6:].upper()
    return ""


def painted_ranges(sheet_xml: bytes, fills: list[str | None], own: frozenset[str] = frozenset()) -> list[Range]:
    """The ranges of ``sheet_xml`` under a conditional format that sets a fill (``fills``: from
    :func:`dxf_fills` of the workbook's styles part) in a colour other than ``own`` (RRGGBB: the
    colours rectxl's template colours by, which say what its marks say)."""
    data = first(sheet_xml, "sheetData")
    start = data.end if data is not None else 0
    out: list[Range] = []
    for block in elements(sheet_xml, "conditionalFormatting", start):
        if block.empty:
            continue
        body = sheet_xml[block.tag_end:block.content_end]
        if not any(_rule_paints(body[r.start:r.end], r.attrs, fills, own) for r in elements(body, "cfRule")):
            continue
        sqref = block.get("sqref")
        if sqref is None:  # the Excel 2010 form: <xm:sqref>A1:B2</xm:sqref>
            child = first(body, "sqref")
            sqref = body[child.tag_end:child.content_end].decode("utf-8", "replace") if child else ""
        out += [r for r in map(_range, sqref.split()) if r is not None]
    return out


def _rule_paints(rule: bytes, attrs: bytes, fills: list[str | None], own: frozenset[str]) -> bool:
    if attr(attrs, "type") in _PAINTING_TYPES:
        return True
    dxf_id = attr(attrs, "dxfId")
    if dxf_id is not None and dxf_id.isdigit():
        colour = fills[int(dxf_id)] if int(dxf_id) < len(fills) else None
    else:
        inline = first(rule, "dxf")  # x14:dxf
        colour = _paint(rule[inline.start:inline.end]) if inline is not None else None
    return colour is not None and colour not in own


def _range(text: str) -> Range | None:
    ends = text.split(":")
    if not 1 <= len(ends) <= 2:
        return None
    refs = [_REF.fullmatch(e) for e in ends]
    if any(m is None or not (m.group(1) or m.group(2)) for m in refs):
        return None
    (a, b) = (refs[0], refs[-1])
    assert a is not None and b is not None
    c1 = col_index(a.group(1)) if a.group(1) else 0
    c2 = col_index(b.group(1)) if b.group(1) else _MAX_COL - 1
    r1 = int(a.group(2)) if a.group(2) else 1
    r2 = int(b.group(2)) if b.group(2) else _MAX_ROW
    return (min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2))



# -- the colours a conditional format shows ---------------------------------------------------
#
# A ledger keyed by a legend ("红色为未完成") may be coloured by a conditional format rather than
# by hand: a rule "完成时限 < TODAY() → red fill" on the deadline column, or "单元格值 = 未完成 →
# red" on the status column. The clerk sees those colours, and means them: the rules Excel's
# 条件格式 menu writes for such ledgers (cellIs, the text rules, blanks, and expressions over the
# row's cells — comparisons, AND/OR/NOT, ISNUMBER(SEARCH(…)), TODAY()) are evaluated on the cells'
# values as Excel would; a rule that cannot be (another kind, a function not listed, a reference
# to another sheet) is reported, never guessed.


@dataclass(frozen=True)
class ColourRule:
    """One conditional-format rule that may colour cells: where, what it tests, its colours."""

    ranges: tuple[Range, ...]
    kind: str
    operator: str
    formulas: tuple[str, ...]
    text: str
    #: the colour word of its fill and of its font (None: it sets none; "": one not named)
    fill: str | None
    font: str | None
    priority: int
    stop: bool
    #: the cell its relative references are written for (0-based row, col): the first range's
    #: top-left cell when None (an .xlsx's); an .ods names it (``base-cell-address``)
    base: tuple[int, int] | None = None

    def colour(self, by_font: bool) -> str | None:
        return self.font if by_font else self.fill


def colour_rules(sheet_xml: bytes, styles_xml: bytes, word: Callable[[bytes], str | None]) -> list[ColourRule]:
    """The rules of ``sheet_xml``'s conditional formats (Excel 2010's in its ``extLst`` too) that set
    a fill or a font colour, by priority; ``word``: a colour element's attributes → its colour word
    (None for black, white, greys), with the workbook's theme."""
    dxfs = _dxf_colours(styles_xml, word)
    data = first(sheet_xml, "sheetData")
    start = data.end if data is not None else 0
    rules: list[ColourRule] = []
    for block in elements(sheet_xml, "conditionalFormatting", start):
        if block.empty:
            continue
        body = sheet_xml[block.tag_end:block.content_end]
        sqref = block.get("sqref")
        if sqref is None:  # the Excel 2010 form: <xm:sqref>A1:B2</xm:sqref>
            child = first(body, "sqref")
            sqref = body[child.tag_end:child.content_end].decode("utf-8", "replace") if child else ""
        ranges = tuple(r for r in map(_range, sqref.split()) if r is not None)
        if not ranges:
            continue
        for r in elements(body, "cfRule"):
            rule = body[r.start:r.end]
            dxf_id = attr(r.attrs, "dxfId")
            if dxf_id is not None and dxf_id.isdigit():
                fill, font = dxfs[int(dxf_id)] if int(dxf_id) < len(dxfs) else (None, None)
            elif (inline := first(rule, "dxf")) is not None:
                fill, font = _dxf_colour(rule[inline.start:inline.end], word)
            else:
                fill, font = None, None
            kind = attr(r.attrs, "type") or ""
            if kind in _PAINTING_TYPES:
                fill = ""
            if fill is None and font is None:
                continue
            formulas = tuple(unescape(rule[f.tag_end:f.content_end].decode("utf-8", "replace"))
                             for name in ("formula", "f") for f in elements(rule, name) if not f.empty)
            priority = attr(r.attrs, "priority") or ""
            rules.append(ColourRule(ranges, kind, attr(r.attrs, "operator") or "", formulas,
                                    attr(r.attrs, "text") or "", fill, font,
                                    int(priority) if priority.isdigit() else 1 << 30,
                                    attr(r.attrs, "stopIfTrue") in ("1", "true")))
    return sorted(rules, key=lambda rule: rule.priority)


#: an .ods condition (calcext:condition's ``calcext:value``): its function and argument(s)
_ODS_CONDITION = re.compile(r"(formula-is|contains-text|not-contains-text|begins-with|ends-with|between|not-between)"
                            r"\((.*)\)$|(<=|>=|!=|<|>|=)(.*)$", re.S)
_ODS_KINDS = {"formula-is": "expression", "contains-text": "containsText", "not-contains-text": "notContainsText",
              "begins-with": "beginsWith", "ends-with": "endsWith", "between": "cellIs", "not-between": "cellIs"}
_ODS_OPERATORS = {"=": "equal", "!=": "notEqual", "<": "lessThan", ">": "greaterThan", "<=": "lessThanOrEqual",
                  ">=": "greaterThanOrEqual"}
#: a reference in an OpenDocument formula: [.$F3], [.F3], ['整改 台账'.F3] (another sheet: not read)
_ODS_REF = re.compile(r"\[\.(\$?[A-Z]{1,3}\$?\d+)\]")


def ods_colour_rule(value: str, ranges: tuple[Range, ...], base: tuple[int, int] | None, fill: str | None,
                    font: str | None, priority: int) -> ColourRule:
    """An .ods conditional format's condition (``calcext:value``: "formula-is([.$F3]<TODAY())",
    "contains-text(\"未完成\")", "<TODAY()", "between(1;5)") as the rule an .xlsx would hold;
    one of another kind is kept as such (:func:`conditional_colours` names it unread)."""
    m = _ODS_CONDITION.fullmatch(value.strip())
    if m is None:
        return ColourRule(ranges, value.split("(", 1)[0] or "unknown", "", (), "", fill, font, priority, False, base)

    def excel(formula: str) -> str:
        return _ODS_REF.sub(lambda r: r.group(1), formula).replace(";", ",")

    if m.group(3):
        return ColourRule(ranges, "cellIs", _ODS_OPERATORS[m.group(3)], (excel(m.group(4)),), "", fill, font,
                          priority, False, base)
    name, args = m.group(1), m.group(2)
    kind = _ODS_KINDS[name]
    if kind == "expression":
        return ColourRule(ranges, kind, "", (excel(args),), "", fill, font, priority, False, base)
    if kind == "cellIs":
        parts = tuple(excel(a) for a in re.split(r"[;,](?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", args))
        return ColourRule(ranges, kind, "between" if name == "between" else "notBetween", parts, "", fill, font,
                          priority, False, base)
    text = args.strip()
    text = text[1:-1].replace('""', '"') if len(text) >= 2 and text[0] == text[-1] == '"' else text
    return ColourRule(ranges, kind, "", (), text, fill, font, priority, False, base)


def _dxf_colours(styles_xml: bytes, word: Callable[[bytes], str | None]) -> list[tuple[str | None, str | None]]:
    container = first(styles_xml, "dxfs")
    if container is None or container.empty:
        return []
    return [_dxf_colour(styles_xml[e.start:e.end], word)
            for e in elements(styles_xml, "dxf", container.tag_end, container.content_end)]


def _dxf_colour(dxf: bytes, word: Callable[[bytes], str | None]) -> tuple[str | None, str | None]:
    """A differential format's fill and font colour words (None: it sets none; "": a colour not
    named — white, black, grey —, a gradient)."""
    fill: str | None = None
    box = first(dxf, "fill")
    if box is not None and _COLOUR.search(dxf, box.start, box.end) is not None:
        body = dxf[box.start:box.end]
        if first(body, "gradientFill") is not None:
            fill = ""
        else:  # a conditional format's solid fill is its bgColor (fgColor from some writers)
            colour = first(body, "bgColor") or first(body, "fgColor")
            fill = (word(colour.attrs) or "") if colour is not None else ""
    font: str | None = None
    face = first(dxf, "font")
    if face is not None and not face.empty and (colour := first(dxf, "color", face.tag_end, face.content_end)):
        font = word(colour.attrs) or ""
    return fill, font


class _Unknown(Exception):
    """A rule rectxl does not evaluate."""


class _Error:
    """An Excel error value (#VALUE!: SEARCH finding nothing)."""


_ERROR = _Error()


def conditional_colours(rules: list[ColourRule], value: Callable[[int, int], Any], today: date, *,
                        by_font: bool = False, rows: int, cols: int) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The colour word each cell shows by ``rules`` (0-based (row, col) → word; the first rule by
    priority that holds and sets the colour wins, as in Excel), within ``rows`` × ``cols``;
    ``value``: a cell's value (0-based; "" blank, a date as a date); ``today``: what TODAY() is.
    And the kinds of the rules that colour cells here but could not be evaluated (what rectxl
    could not read: said, never guessed)."""
    shown: dict[tuple[int, int], str] = {}
    decided: set[tuple[int, int]] = set()
    unread: list[str] = []
    for rule in rules:
        colour = rule.colour(by_font)
        if colour is None and not rule.stop:
            continue
        anchor = rule.ranges[0] if rule.base is None else (rule.base[0] + 1, 0, rule.base[1], 0)
        by_row = _row_only(rule)  # ("=$F3<TODAY()" over a whole row: one answer per row)
        for r1, r2, c1, c2 in rule.ranges:
            for r in range(max(r1, 1) - 1, min(r2, rows)):
                answer: bool | None = None
                for c in range(c1, min(c2 + 1, cols)):
                    if (r, c) in decided:
                        continue
                    try:
                        if answer is None or not by_row:
                            answer = _holds(rule, value, today, r, c, anchor)
                        holds = answer
                    except _Unknown:
                        if colour is not None and _describe(rule) not in unread:
                            unread.append(_describe(rule))
                        continue
                    if holds:
                        if colour:
                            shown[(r, c)] = colour
                        if colour is not None or rule.stop:
                            decided.add((r, c))
    return shown, unread


def _row_only(rule: ColourRule) -> bool:
    """The rule's answer is the same across a row: an expression whose references all fix their
    column ($F3)."""
    if rule.kind != "expression" or not rule.formulas or (tokens := _tokens(rule.formulas[0])) is None:
        return False
    return all(text.startswith("$") for kind, text in tokens if kind == "ref")


def _describe(rule: ColourRule) -> str:
    return {"colorScale": "色阶", "duplicateValues": "重复值", "uniqueValues": "唯一值", "top10": "前/后若干项",
            "aboveAverage": "高于/低于平均值", "timePeriod": "发生日期"}.get(
        rule.kind, f"公式“={rule.formulas[0]}”" if rule.formulas else rule.kind or "未知规则")


def _holds(rule: ColourRule, value: Callable[[int, int], Any], today: date, r: int, c: int, anchor: Range) -> bool:
    cell = _excel(value(r, c))
    kind = rule.kind
    if kind == "expression":
        if not rule.formulas:
            raise _Unknown
        return _truth(_Formula(rule.formulas[0], value, today, r - (anchor[0] - 1), c - anchor[2]).evaluate())
    if kind == "cellIs":
        args = [_Formula(f, value, today, r - (anchor[0] - 1), c - anchor[2]).evaluate() for f in rule.formulas]
        if rule.operator in ("between", "notBetween") and len(args) == 2:
            low, high = sorted(args[:2], key=_order) if _comparable(*args) else args[:2]
            inside = _compare(cell, low) >= 0 and _compare(cell, high) <= 0
            return inside if rule.operator == "between" else not inside
        if len(args) != 1 or rule.operator not in _OPERATORS:
            raise _Unknown
        return _OPERATORS[rule.operator](_compare(cell, args[0]))
    text = str(_text(cell)).casefold()
    wanted = rule.text.casefold()
    if kind == "containsText":
        return wanted in text
    if kind == "notContainsText":
        return wanted not in text
    if kind == "beginsWith":
        return text.startswith(wanted)
    if kind == "endsWith":
        return text.endswith(wanted)
    if kind in ("containsBlanks", "notContainsBlanks"):
        return (not text.strip()) == (kind == "containsBlanks")
    raise _Unknown


_OPERATORS: dict[str, Callable[[int], bool]] = {
    "equal": lambda d: d == 0, "notEqual": lambda d: d != 0, "greaterThan": lambda d: d > 0,
    "lessThan": lambda d: d < 0, "greaterThanOrEqual": lambda d: d >= 0, "lessThanOrEqual": lambda d: d <= 0}


def _excel(v: Any) -> Any:
    """A cell's value as Excel compares it: a date as its serial number, blank as ""."""
    if isinstance(v, datetime):
        return (v - datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(v, date):
        return float((v - date(1899, 12, 30)).days)
    if v is None:
        return ""
    if isinstance(v, bool | int | float | str):
        return v
    raise _Unknown


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _order(v: Any) -> tuple[int, Any]:
    """Excel's order of values: numbers, then texts (case ignored), then TRUE/FALSE."""
    if isinstance(v, bool):
        return 2, v
    if isinstance(v, int | float):
        return 0, v
    return 1, str(v).casefold()


def _comparable(*values: Any) -> bool:
    return not any(isinstance(v, _Error) for v in values)


def _compare(a: Any, b: Any) -> int:
    if not _comparable(a, b):
        raise _Unknown
    if a == "" and isinstance(b, int | float) and not isinstance(b, bool):
        a = 0  # a blank cell is 0 beside a number, "" beside a text
    if b == "" and isinstance(a, int | float) and not isinstance(a, bool):
        b = 0
    x, y = _order(a), _order(b)
    return (x > y) - (x < y)


def _truth(v: Any) -> bool:
    if isinstance(v, _Error):
        return False  # (Excel colours nothing where the rule's formula gives an error)
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return v != 0
    raise _Unknown  # a text where a condition should be: #VALUE!


_TOKEN = re.compile(r'\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>"(?:[^"]|"")*")|(?P<ref>\$?[A-Za-z]{1,3}\$?\d+)(?![\w(!])'
                    r'|(?P<name>[A-Za-z_][\w.]*)\s*(?P<call>\()?|(?P<op><>|<=|>=|[-+*/&=<>(),]))')


@functools.lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, Any], ...] | None:
    """A rule's formula as tokens (a function called: "call"), or None when it is not of the subset."""
    tokens: list[tuple[str, Any]] = []
    pos = 0
    text = text.strip().removeprefix("=")
    while pos < len(text.rstrip()):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
        kind = next(k for k in ("num", "str", "ref", "name", "op") if m.group(k) is not None)
        tokens.append(("call" if kind == "name" and m.group("call") else kind, m.group(kind)))
    return tuple(tokens)


class _Formula:
    """A rule's formula evaluated for one cell: the subset a ledger's rules use."""

    FUNCTIONS: ClassVar[frozenset[str]] = frozenset({
        "AND", "OR", "NOT", "ISNUMBER", "ISERROR", "ISBLANK", "SEARCH", "FIND", "LEN", "TRIM", "TODAY",
                 "IF", "DATE", "ISTEXT", "EXACT", "LEFT", "RIGHT", "VALUE"})

    def __init__(self, text: str, value: Callable[[int, int], Any], today: date, dr: int, dc: int) -> None:
        tokens = _tokens(text)
        if tokens is None:
            raise _Unknown
        self.tokens = tokens
        self.i = 0
        self.value, self.today, self.dr, self.dc = value, today, dr, dc

    def evaluate(self) -> Any:
        result = self._comparison()
        if self.i != len(self.tokens):
            raise _Unknown
        return result

    def _peek(self) -> tuple[str, Any]:
        return self.tokens[self.i] if self.i < len(self.tokens) else ("", None)

    def _take(self, op: str) -> bool:
        if self._peek() == ("op", op):
            self.i += 1
            return True
        return False

    def _comparison(self) -> Any:
        left = self._concat()
        for op, test in (("=", lambda d: d == 0), ("<>", lambda d: d != 0), ("<=", lambda d: d <= 0),
                         (">=", lambda d: d >= 0), ("<", lambda d: d < 0), (">", lambda d: d > 0)):
            if self._take(op):
                right = self._concat()
                if not _comparable(left, right):
                    return _ERROR
                if isinstance(left, str) and isinstance(right, str):
                    return test(_compare(left.casefold(), right.casefold()))
                return test(_compare(left, right))
        return left

    def _concat(self) -> Any:
        left = self._sum()
        while self._take("&"):
            right = self._sum()
            left = _ERROR if not _comparable(left, right) else _text(left) + _text(right)
        return left

    def _sum(self) -> Any:
        left = self._product()
        while (op := self._peek()) in (("op", "+"), ("op", "-")):
            self.i += 1
            left = self._arith(left, self._product(), op[1])
        return left

    def _product(self) -> Any:
        left = self._unary()
        while (op := self._peek()) in (("op", "*"), ("op", "/")):
            self.i += 1
            left = self._arith(left, self._unary(), op[1])
        return left

    @staticmethod
    def _arith(a: Any, b: Any, op: str) -> Any:
        a, b = _number(a), _number(b)
        if isinstance(a, _Error) or isinstance(b, _Error):
            return _ERROR
        if op == "/":
            return _ERROR if b == 0 else a / b
        return a + b if op == "+" else a - b if op == "-" else a * b

    def _unary(self) -> Any:
        if self._take("-"):
            v = _number(self._unary())
            return v if isinstance(v, _Error) else -v
        if self._take("+"):
            return self._unary()
        return self._atom()

    def _atom(self) -> Any:
        kind, text = self._peek()
        self.i += 1
        if kind == "num":
            return float(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "ref":
            return _excel(self._cell(text))
        if kind == "name" and text.upper() in ("TRUE", "FALSE"):
            return text.upper() == "TRUE"
        if kind == "op" and text == "(":
            v = self._comparison()
            if not self._take(")"):
                raise _Unknown
            return v
        if kind == "call":
            return self._call(text.upper())
        raise _Unknown

    def _cell(self, ref: str) -> Any:
        m = re.fullmatch(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)", ref)
        assert m is not None
        c = col_index(m.group(2).upper()) + (0 if m.group(1) else self.dc)
        r = int(m.group(4)) - 1 + (0 if m.group(3) else self.dr)
        return self.value(r, c) if r >= 0 and c >= 0 else ""

    def _call(self, name: str) -> Any:
        if name not in self.FUNCTIONS:
            raise _Unknown
        args: list[Any] = []
        raw: list[tuple[str, Any]] = []  # (for ISBLANK: the argument's own token)
        if not self._take(")"):
            while True:
                raw.append(self._peek())
                args.append(self._comparison())
                if self._take(")"):
                    break
                if not self._take(","):
                    raise _Unknown
        return _function(name, args, raw, self.today)


def _number(v: Any) -> Any:
    if isinstance(v, _Error):
        return v
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, int | float):
        return float(v)
    if v == "":
        return 0.0
    try:
        return float(str(v))
    except ValueError:
        return _ERROR


def _function(name: str, args: list[Any], raw: list[tuple[str, Any]], today: date) -> Any:
    if name == "TODAY" and not args:
        return float((today - date(1899, 12, 30)).days)
    if name in ("AND", "OR") and args:
        if any(isinstance(a, _Error) for a in args):
            return _ERROR
        truths = [_truth(a) for a in args]
        return all(truths) if name == "AND" else any(truths)
    if len(args) == 1:
        a = args[0]
        if name == "NOT":
            return a if isinstance(a, _Error) else not _truth(a)
        if name == "ISNUMBER":
            return isinstance(a, int | float) and not isinstance(a, bool)
        if name == "ISTEXT":
            return isinstance(a, str) and (raw[0][0] != "ref" or a != "")  # (a blank cell is no text)
        if name == "ISERROR":
            return isinstance(a, _Error)
        if name == "ISBLANK":
            return raw[0][0] == "ref" and a == ""
        if isinstance(a, _Error):
            return a
        if name == "LEN":
            return float(len(_text(a)))
        if name == "TRIM":
            return " ".join(_text(a).split(" ")).strip() if a != "" else ""
        if name == "VALUE":
            return _number(a)
    if name in ("SEARCH", "FIND") and len(args) in (2, 3):
        if any(isinstance(a, _Error) for a in args):
            return _ERROR
        needle, hay = _text(args[0]), _text(args[1])
        at = (hay.casefold().find(needle.casefold()) if name == "SEARCH" else hay.find(needle))
        return _ERROR if at < 0 else float(at + 1)
    if name == "EXACT" and len(args) == 2:
        return _text(args[0]) == _text(args[1])
    if name in ("LEFT", "RIGHT") and len(args) in (1, 2):
        n = int(_number(args[1])) if len(args) == 2 else 1
        s = _text(args[0])
        return s[:n] if name == "LEFT" else (s[-n:] if n else "")
    if name == "IF" and len(args) in (2, 3):
        return args[1] if _truth(args[0]) else (args[2] if len(args) == 3 else False)
    if name == "DATE" and len(args) == 3:
        try:
            return float((date(*(int(_number(a)) for a in args)) - date(1899, 12, 30)).days)
        except (ValueError, TypeError):
            return _ERROR
    raise _Unknown
