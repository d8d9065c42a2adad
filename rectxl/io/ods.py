"""What python-calamine does not report about an OpenDocument spreadsheet (.ods), read from
``content.xml`` so that an .ods ledger gives the same findings as the .xlsx it was saved from:
merged cells (owners and deadlines merged over several measures are shared, not missing), hidden
columns, error values (``#REF!``, LibreOffice's ``Err:502``: calamine reads an empty cell) and a
year-like number shown with fixed decimals (a deadline typed 2024.10 in a ``0.00`` cell: the
number is 2024.1, the cell shows — and the file keeps as its text — ``2024.10``); likewise a date
shown without its day (a deadline typed 2025年6月, kept as 2025-06-01 and shown ``2025年6月``) is
read as the month it shows, as :mod:`rectxl.io.sheet_xml` reads it in an .xlsx. A cell's link to a
file (插入 → 超链接, or ``=HYPERLINK("佐证材料/佐证2.pdf";"点击查看")``) is the file its 佐证材料 is,
as in an .xlsx; so is a picture or an embedded file anchored to the cell (a screenshot pasted
over an empty 佐证材料 cell is its evidence)."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote

from lxml import etree

from rectxl.core.text import col_letter, parse_chinese_number
from rectxl.io.fills import RunColours, colour_word
from rectxl.io.link_formula import chosen_link, first_argument, moved
from rectxl.io.sheet_xml import OBJECT_IN_CELL, PICTURE_OVER_CELL, is_file_target, is_today_formula, reads_today

__all__ = ["OdsSheet", "ods_layout"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_T = f"{{{_TABLE}}}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_TEXT_A = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}a"
_TEXT_SPAN = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}span"
_TEXT_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}style-name"
_HREF = "{http://www.w3.org/1999/xlink}href"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
#: how many repeated rows or columns of one filled cell are noted (a style carried down an unused
#: area is no ledger's colour)
_MAX_FILLED = 64
#: ``of:=HYPERLINK(…)``: a link written as a formula (its target read by :mod:`rectxl.io.link_formula`)
_HYPERLINK = re.compile(r"^(?:\w+:)?=\s*HYPERLINK\s*\(", re.IGNORECASE)
#: a number as a cell shows it with fixed decimals: a year, a dot, digits
_YEAR_DECIMAL = re.compile(r"(19\d\d|20\d\d|2100)\.\d+")
#: a date as a cell shows it without its day: 2025年6月, 2025-06, 2025/6, 二〇二五年六月 ([DBNum1]), or
#: its year alone (2025年)
_NO_DAY = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*(?:年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"
                     r"|[-/.]\s*(\d{1,2})|年?)")
#: repeated empty rows/columns past this are the sheet's unused area, not cells to walk
_MAX_REPEAT = 10_000


class OdsSheet:
    """Merges (0-based inclusive first_row, first_col, last_row, last_col), hidden columns, error
    cells (0-based row, col → the error the cell shows) and year-like numbers shown with fixed
    decimals (row, col → the text shown)."""

    def __init__(self) -> None:
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_cols: set[int] = set()
        #: 0-based rows hidden (collapsed, or filtered out)
        self.hidden_rows: set[int] = set()
        self.errors: dict[tuple[int, int], str] = {}
        self.shown: dict[tuple[int, int], str] = {}
        #: cell (A1) → the file its link opens, relative to the folder the document is in
        self.links: dict[str, str] = {}
        #: cell (A1) → a HYPERLINK formula's first argument put together from cells (Excel's syntax)
        self.link_formulas: dict[str, str] = {}
        #: 0-based cells whose formula is today's date (see :attr:`SheetExtras.today`)
        self.today: set[tuple[int, int]] = set()
        #: 0-based cells whose formula puts today's date into a text (see :attr:`SheetExtras.today_text`)
        self.today_text: set[tuple[int, int]] = set()
        #: 0-based cells whose number or date formula is worked out from today's (see
        #: :attr:`SheetExtras.from_today`)
        self.from_today: set[tuple[int, int]] = set()
        #: cell (A1) → what a picture or an embedded file anchored to the cell reads as
        self.pictures: dict[str, str] = {}
        #: drop-down lists (数据验证 → 序列): the 0-based ranges each applies to and its source, as
        #: an .xlsx writes it (``"已完成,正在推进"``, ``'选项'!$A$1:$A$3``)
        self.lists: list[tuple[tuple[tuple[int, int, int, int], ...], str, bool]] = []
        #: 0-based cells filled with a colour a legend may name → its word (:mod:`rectxl.io.fills`)
        self.fills: dict[tuple[int, int], str] = {}
        #: 0-based cells whose text is typed in such a colour (its cell style's font, or the
        #: spans of part of its text) → its word
        self.fonts: dict[tuple[int, int], str] = {}
        #: the sheet has conditional formats of an older writer (cell styles with style:map): not read
        self.conditional = False
        #: its conditional formats (格式 → 条件格式), in order: (the condition, e.g.
        #: "formula-is([.$F3]<TODAY())" or "colorScale"; the style it applies; the 0-based ranges
        #: (first row, last row, first col, last col) it covers; its base cell, 0-based)
        self.conditions: list[tuple[str, str, tuple[tuple[int, int, int, int], ...], tuple[int, int] | None]] = []
        #: the list each run of columns had in the row above (its place in :attr:`lists`)
        self._open: dict[tuple[int, int, str, bool], int] = {}

    def add_list(self, row: int, col: int, rows: int, cols: int, listed: tuple[str, bool]) -> None:
        """Cells (``rows`` × ``cols`` from ``row``, ``col``) under a list: the range of the same
        columns and list just above them grows (a column's cells, one range, not one a row)."""
        key = (col, cols, *listed)
        at = self._open.get(key)
        if at is not None:
            (r0, c0, r1, c1), = self.lists[at][0]
            if r1 + 1 == row:
                self.lists[at] = (((r0, c0, row + rows - 1, c1),), *listed)
                return
        self._open[key] = len(self.lists)
        self.lists.append((((row, col, row + rows - 1, col + cols - 1),), *listed))


_ODS_RANGE = re.compile(r"\.\$?([A-Z]{1,3})\$?(\d+)(?::[^ ]*?\.\$?([A-Z]{1,3})\$?(\d+))?")


def _ods_ranges(address: str) -> tuple[tuple[int, int, int, int], ...]:
    """"整改台账.F3:整改台账.F6 整改台账.A1" as (first row 1-based, last row, first col, last col 0-based)."""
    from rectxl.core.text import col_index

    found = []
    for m in _ODS_RANGE.finditer(address):
        c1, r1 = col_index(m.group(1)), int(m.group(2))
        c2, r2 = (col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
        found.append((min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)))
    return tuple(found)


def ods_style_colours(path: Path | IO[bytes]) -> tuple[dict[str, str], dict[str, str]]:
    """The named cell styles' background and font colour words (a conditional format applies one)."""
    with zipfile.ZipFile(path) as zf:
        return _named_cell_styles(zf)


def _cell_style_colours(el: Any) -> tuple[str | None, str | None]:
    """A cell style's background and font colour words: None where it sets none (left to its parent
    style), "" where it sets one no legend names (transparent, white, black, the automatic colour)."""
    props = el.find(_STYLE + "table-cell-properties")
    background = props.get(_FO + "background-color") if props is not None else None
    fill = None if background is None else (colour_word(background[1:7]) or "") if background.startswith("#") else ""
    text = el.find(_STYLE + "text-properties")
    colour = text.get(_FO + "color") if text is not None else None
    if colour is None:
        window = text.get(_STYLE + "use-window-font-color") if text is not None else None
        font = "" if window == "true" else None
    else:
        font = (colour_word(colour[1:7]) or "") if colour.startswith("#") else ""
    return fill, font


def _named_cell_styles(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """The named cell styles of ``styles.xml`` (a style the clerk made, "已完成" filled green, or one
    of LibreOffice's, "Good"/"Bad"), each with its background's and font's colour words as its
    parents give them when it does not set them itself."""
    own: dict[str, tuple[str | None, str | None, str]] = {}
    shown_as: dict[str, str] = {}  # a style's display name → its name
    try:
        with zf.open("styles.xml") as fh:
            for _, el in etree.iterparse(fh, events=("end",), tag=_STYLE + "style", resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False):
                if el.get(_STYLE + "family") == "table-cell":
                    own[el.get(_STYLE + "name", "")] = (*_cell_style_colours(el),
                                                        el.get(_STYLE + "parent-style-name", ""))
                    if (display := el.get(_STYLE + "display-name")) is not None:
                        shown_as[display] = el.get(_STYLE + "name", "")
                el.clear()
    except (KeyError, etree.XMLSyntaxError):
        return {}, {}

    def resolved(name: str, which: int) -> str:
        seen: set[str] = set()
        while name in own and name not in seen:
            seen.add(name)
            value = own[name][which]
            if value is not None:
                return value
            name = own[name][2]
        return ""

    fills = {name: word for name in own if (word := resolved(name, 0))}
    fonts = {name: word for name in own if (word := resolved(name, 1))}
    # (a conditional format names its style by the display name: "ConditionalStyle_1" for the
    # style:name "ConditionalStyle_5f_1")
    for display, name in shown_as.items():
        if name in fills:
            fills.setdefault(display, fills[name])
        if name in fonts:
            fonts.setdefault(display, fonts[name])
    return fills, fonts


def ods_layout(path: Path | IO[bytes]) -> dict[str, OdsSheet]:
    """Sheet name → its merges, hidden columns, error cells and numbers shown with fixed decimals."""
    sheets: dict[str, OdsSheet] = {}
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        current: OdsSheet | None = None
        row = col = 0
        rows_repeated = 1
        #: a validation's name → its list's source (those that are lists), and whether it refuses
        #: what it does not list
        lists: dict[str, tuple[str, bool]] = {}
        #: a named range's name (casefolded) → its cells, as an .xlsx writes them
        named: dict[str, str] = {}
        #: a cell style's name → the colour word of its background (styles come before the tables)
        filled: dict[str, str] = {}
        #: a cell style's name → the colour word of its font; a text style's (a span's) → its word,
        #: None for a colour naming none (black)
        typed: dict[str, str] = {}
        # the named cell styles (styles.xml: "已完成", "Good" …) a cell's style inherits its colours from
        named_fill, named_font = _named_cell_styles(zf)
        #: the cell styles carrying conditions (style:map): a conditional format
        mapped: set[str] = set()
        targets: tuple[tuple[int, int, int, int], ...] = ()  # the conditional format being read
        filled.update(named_fill)
        typed.update(named_font)
        spans: dict[str, str | None] = {}
        parser = etree.iterparse(fh, events=("start", "end"), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
        for event, el in parser:
            tag = el.tag
            if event == "start":
                if tag == _T + "table":
                    current = sheets.setdefault(el.get(_T + "name", ""), OdsSheet())
                    row = col = 0
                elif tag == _T + "table-column" and current is not None:
                    repeat = min(int(el.get(_T + "number-columns-repeated", "1")), _MAX_REPEAT)
                    if el.get(_T + "visibility") == "collapse":
                        current.hidden_cols.update(range(col, col + repeat))
                    col += repeat
                elif tag == _T + "table-row":
                    col = 0
                    rows_repeated = min(int(el.get(_T + "number-rows-repeated", "1")), _MAX_REPEAT)
                    if current is not None and el.get(_T + "visibility") in ("collapse", "filter"):
                        current.hidden_rows.update(range(row, row + rows_repeated))
                elif tag == _CALCEXT + "conditional-format" and current is not None:
                    targets = _ods_ranges(el.get(_CALCEXT + "target-range-address", ""))
                elif tag == _CALCEXT + "condition" and current is not None and targets:
                    base = _ods_ranges(el.get(_CALCEXT + "base-cell-address", ""))
                    current.conditions.append((el.get(_CALCEXT + "value", ""),
                                               el.get(_CALCEXT + "apply-style-name", ""),
                                               targets, (base[0][0] - 1, base[0][2]) if base else None))
                elif tag in (_CALCEXT + "color-scale", _CALCEXT + "date-is") and current is not None and targets:
                    current.conditions.append(("colorScale" if tag.endswith("color-scale") else "timePeriod", "",
                                               targets, None))
                elif tag in (_T + "table-cell", _T + "covered-table-cell") and current is not None:
                    rows_span = int(el.get(_T + "number-rows-spanned", "1"))
                    cols_span = int(el.get(_T + "number-columns-spanned", "1"))
                    if tag == _T + "table-cell" and (rows_span > 1 or cols_span > 1):
                        current.merges.append((row, col, row + rows_span - 1, col + cols_span - 1))
            elif tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = min(int(el.get(_T + "number-columns-repeated", "1")), _MAX_REPEAT)
                if current is not None and tag == _T + "table-cell":
                    _note_value(el, current, row, col, repeat)
                    if mapped and el.get(_T + "style-name", "") in mapped:
                        current.conditional = True  # (a conditional style of an older writer)
                    if filled and (word := filled.get(el.get(_T + "style-name", ""))) is not None:
                        for r in range(row, row + min(rows_repeated, _MAX_FILLED)):
                            for c in range(col, col + min(repeat, _MAX_FILLED)):
                                current.fills[(r, c)] = word
                    if (typed or spans) and (word := _font_word(el, typed, spans)) is not None:
                        for r in range(row, row + min(rows_repeated, _MAX_FILLED)):
                            for c in range(col, col + min(repeat, _MAX_FILLED)):
                                current.fonts[(r, c)] = word
                    listed = lists.get(el.get(_T + "content-validation-name", "")) if lists else None
                    if listed is not None:
                        current.add_list(row, col, rows_repeated, repeat, listed)
                col += repeat
            elif tag == _STYLE + "style" and el.get(_STYLE + "family") == "table-cell":
                name = el.get(_STYLE + "name", "")
                if el.find(_STYLE + "map") is not None:
                    mapped.add(name)
                fill, font = _cell_style_colours(el)
                parent = el.get(_STYLE + "parent-style-name", "")
                # what the style leaves unsaid, its named parent style gives (LibreOffice writes only
                # the direct formatting into a cell's automatic style)
                fill = named_fill.get(parent, "") if fill is None else fill
                font = named_font.get(parent, "") if font is None else font
                if fill:
                    filled[name] = fill
                if font:
                    typed[name] = font
            elif tag == _STYLE + "style" and el.get(_STYLE + "family") == "text":
                text = el.find(_STYLE + "text-properties")
                colour = text.get(_FO + "color", "") if text is not None else ""
                if colour.startswith("#"):
                    spans[el.get(_STYLE + "name", "")] = colour_word(colour[1:7])
            elif tag == _T + "named-range":  # (after the tables: the lists naming it are set at the end)
                address = _LIST_CELLS.fullmatch(f"[{el.get(_T + 'cell-range-address', '')}]")
                if address is not None:
                    sheet, first, last = address.groups()
                    named[el.get(_T + "name", "").casefold()] = (f"{sheet}!" if sheet else "") + first + (
                        f":{last}" if last else "")
            elif tag == _T + "content-validation":
                source = _list_source(el.get(_T + "condition", ""))
                if source is not None:
                    error = el.find(_T + "error-message")
                    strict = (error is not None and error.get(_T + "display") == "true"
                              and error.get(_T + "message-type", "stop") == "stop")
                    lists[el.get(_T + "name", "")] = (source, strict)
            elif tag == _T + "table-row":
                row += min(int(el.get(_T + "number-rows-repeated", "1")), _MAX_REPEAT)
                el.clear()
            elif tag == _T + "table":
                current = None
                el.clear()
    if named:
        for sheet in sheets.values():
            sheet.lists = [(boxes, named.get(source.casefold(), source), strict)
                           for boxes, source, strict in sheet.lists]
    return sheets


def _note_value(cell: etree._Element, sheet: OdsSheet, row: int, col: int, repeat: int) -> None:
    """Record an error cell, or a year-like number whose text shows more decimals than the number,
    and the file a cell's link opens."""
    formula = cell.get(_T + "formula")
    if formula and ("TODAY" in formula or "NOW" in formula):
        if is_today_formula(_excel_syntax(formula)):
            sheet.today.update((row, c) for c in range(col, col + min(repeat, 256)))
        elif cell.get(_OFFICE + "value-type") == "string" and reads_today(formula):
            sheet.today_text.update((row, c) for c in range(col, col + min(repeat, 256)))
        if cell.get(_OFFICE + "value-type") != "string" and reads_today(formula):
            sheet.from_today.update((row, c) for c in range(col, col + min(repeat, 256)))
    target = _link_target(cell)
    if target is not None:
        for c in range(col, col + min(repeat, 256)):
            sheet.links[f"{col_letter(c)}{row + 1}"] = target
    elif "HYPERLINK" in cell.get(_T + "formula", "").upper():
        formula = _excel_syntax(cell.get(_T + "formula", ""))
        argument = first_argument(formula)
        if argument is None and (chosen := chosen_link(formula)) is not None and _cell_text(cell) == chosen[1]:
            argument = chosen[0][0]  # a link a condition chose, shown by its words: the one the cell opens
            literal = _QUOTED.fullmatch(argument)
            if literal is not None and is_file_target(named := literal.group(1).replace('""', '"')):
                for c in range(col, col + min(repeat, 256)):
                    sheet.links[f"{col_letter(c)}{row + 1}"] = named
        if argument is not None and _QUOTED.fullmatch(argument) is None:
            for c in range(col, col + min(repeat, 256)):
                sheet.link_formulas[f"{col_letter(c)}{row + 1}"] = moved(argument, 0, c - col)
    for frame in cell.iterchildren(_DRAW + "frame"):  # anchored to the cell (a screenshot, a scanned PDF)
        kinds = {child.tag for child in frame}
        shown = (PICTURE_OVER_CELL if _DRAW + "image" in kinds
                 else OBJECT_IN_CELL if kinds & {_DRAW + "object", _DRAW + "object-ole"} else None)
        if shown is not None:
            sheet.pictures.setdefault(f"{col_letter(col)}{row + 1}", shown)
    kind = cell.get(_CALCEXT + "value-type")
    if kind == "error":
        text = _cell_text(cell)
        if text:
            for c in range(col, col + min(repeat, 256)):
                sheet.errors[(row, c)] = text
        return
    if cell.get(_OFFICE + "value-type") == "date":
        shown = _date_without_day(cell.get(_OFFICE + "date-value", ""), _cell_text(cell))
        if shown is not None:
            for c in range(col, col + min(repeat, 256)):
                sheet.shown[(row, c)] = shown
        return
    if cell.get(_OFFICE + "value-type") != "float":
        return
    value = cell.get(_OFFICE + "value", "")
    if "." not in value:
        return
    text = _cell_text(cell)
    if text == value or not _YEAR_DECIMAL.fullmatch(text):
        return
    try:
        same = Decimal(text) == Decimal(value)
    except InvalidOperation:
        return
    if same:
        for c in range(col, col + min(repeat, 256)):
            sheet.shown[(row, c)] = text


def _link_target(cell: etree._Element) -> str | None:
    """The file a cell's link opens (the first link in its text, else a HYPERLINK formula's target),
    as a path from the document's folder: OpenDocument writes a relative link from inside the
    package, so a file beside the document is ``../佐证.pdf``. None: no link, or not to a file."""
    target = None
    for p in cell.iterchildren(_TEXT_P):
        link = next(p.iter(_TEXT_A), None)
        if link is not None and link.get(_HREF):
            target = unquote(link.get(_HREF, ""))
            if not re.match(r"[a-z][\w+.-]+:|/", target, re.IGNORECASE):  # relative: from inside the package
                target = target[3:] if target.startswith("../") else target
            break
    if target is None:
        formula = cell.get(_T + "formula", "")
        argument = first_argument(_excel_syntax(formula)) if _HYPERLINK.match(formula) else None
        quoted = _QUOTED.fullmatch(argument) if argument is not None else None
        target = quoted.group(1).replace('""', '"') if quoted is not None else None
    return target if target is not None and is_file_target(target) else None


#: a validation's list: ``of:cell-content-is-in-list("已完成";"正在推进")`` or of cells
#: (``[$选项.$A$1:.$A$3]``, ``[.$L$1:.$L$5]``, a whole column ``[$选项.$A:.$A]``)
_IN_LIST = re.compile(r"(?:\w+:)?cell-content-is-in-list\((.*)\)\s*", re.S)
_LIST_CELLS = re.compile(r"\[\$?(?:('(?:[^']|'')+'|[^.\[\]']*))\.(\$?[A-Za-z]{1,3}\$?\d*)"
                         r"(?::\$?(?:'(?:[^']|'')+'|[^.\[\]']*)\.(\$?[A-Za-z]{1,3}\$?\d*))?\]")


def _list_source(condition: str) -> str | None:
    """A validation's list as an .xlsx writes its source: ``"已完成,正在推进"``,
    ``'选项'!$A$1:$A$3``; None when the validation is no list (or a list of anything else)."""
    m = _IN_LIST.fullmatch(condition.strip())
    if m is None:
        return None
    body = m.group(1).strip()
    if re.fullmatch(r"[^\W\d][\w.]*", body):  # a named range (worked out once the names are read)
        return body
    if (cells := _LIST_CELLS.fullmatch(body)) is not None:
        sheet, first, last = cells.groups()
        return (f"{sheet}!" if sheet else "") + first + (f":{last}" if last else "")
    words = re.findall(r'"((?:[^"]|"")*)"', body)
    if not words or re.sub(r'"(?:[^"]|"")*"', "", body).strip(" ;") != "":
        return None
    return '"' + ",".join(w.replace('""', '"') for w in words) + '"'


#: a reference to a cell of the sheet as OpenFormula writes it: ``[.A3]``, ``[.$A$3]``
_ODF_REF = re.compile(r"\[\.(\$?[A-Za-z]{1,3}\$?\d+)\]")
#: a text in quotes, alone or in a formula
_QUOTED = re.compile(r'\s*"((?:[^"]|"")*)"\s*')


def _excel_syntax(formula: str) -> str:
    """An OpenFormula (``of:=HYPERLINK("附件/"&[.A3]&".pdf";"查看")``) as Excel writes it: its
    references to the sheet's cells bare, its arguments apart by commas (texts in quotes kept)."""
    body = re.sub(r"^\w+:", "", formula)
    parts = re.split(r'("(?:[^"]|"")*")', body)
    return "".join(part if i % 2 else _ODF_REF.sub(r"\1", part).replace(";", ",") for i, part in enumerate(parts))


def _date_without_day(value: str, text: str) -> str | None:
    """A date cell (``value`` its ISO date) that shows its year and month but not its day, as the
    month ("2025年6月"; its year alone: "2025年"); None when it shows its day or anything else."""
    m = _NO_DAY.fullmatch(text)
    year = parse_chinese_number(m.group(1), "digits") if m is not None else None
    if m is None or year is None or not value.startswith(str(year)):
        return None
    written = m.group(2) or m.group(3)
    if written is None:
        return f"{year}年"
    month = parse_chinese_number(written, "count")
    return f"{year}年{month}月" if month is not None and value[5:7] == f"{month:02d}" else None


def _font_word(cell: etree._Element, typed: dict[str, str], spans: dict[str, str | None]) -> str | None:
    """The colour word of the font ``cell``'s text is typed in: its cell style's, or — part of its
    text typed in a colour (spans of a text style with a colour of its own) — the one colour its
    spans show beside black (:class:`rectxl.io.fills.RunColours`)."""
    own = typed.get(cell.get(_T + "style-name", ""))
    if not spans:
        return own
    words: set[str] = set()
    inherits = coloured = False
    for p in cell.iterchildren(_TEXT_P):
        if (p.text or "").strip():
            inherits = True
        for span in p.iter(_TEXT_SPAN):
            style = span.get(_TEXT_STYLE, "")
            if (span.text or "").strip():
                if style in spans:
                    coloured = True
                    if (word := spans[style]) is not None:
                        words.add(word)
                else:
                    inherits = True
            if (span.tail or "").strip():
                inherits = True
    return RunColours(frozenset(words), inherits).word(own) if coloured else own


def _cell_text(cell: etree._Element) -> str:
    """The text a cell shows: its paragraphs, one a line (not those of a comment on it)."""
    return "\n".join("".join(p.itertext()) for p in cell.iterchildren(_TEXT_P)).strip()
