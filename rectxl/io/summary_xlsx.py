"""rectxl's own new workbooks (the summary workbook of ``rectxl summary``), written as a package
directly: the worksheet XML is generated row by row and streamed into the zip.

The package is the one openpyxl saves for the same :class:`~rectxl.core.sheets.SheetSpec` list
built with :func:`rectxl.io.xlsx_out.write_spec` — the same parts, and in every part the same XML
as canonical XML (C14N): cells, cell formats and their numbering, fonts, fills, number formats,
widths, heights, outline levels, merges, panes, filters, print setup, defined names, the chart,
the document properties (tests/test_summary.py compares the two, part by part). What this buys:
openpyxl builds and styles a Python object per cell (the 整改明细 sheet of a 100,000-measure
ledger has 1.7 million cells) and its import alone costs ~0.5 s; this writer formats each row
as text once. Text is written as UTF-8 rather than openpyxl's character references (``&#25972;``
— the same characters, a third of the bytes to compress).

One difference, where openpyxl fails: characters XML cannot hold (U+FFFE, a lone surrogate) are
dropped instead of stopping the save. (openpyxl's output is the one it writes with lxml, as here.)

A spec using what this writer does not reproduce — links, a value that is not text, a number or
a boolean (a date, say), two sheets of one name — raises :class:`Unsupported` (the caller writes
to a temporary file, so nothing half-written is left) and the caller uses openpyxl instead.
"""

from __future__ import annotations

import math
import queue
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rectxl.core.report import cell_text, looks_like_formula
from rectxl.core.sheets import SheetSpec
from rectxl.core.text import CELL_TEXT_LIMIT, col_letter
from rectxl.io.xlsx_theme import theme_xml

__all__ = ["Unsupported", "write_workbook"]


class Unsupported(Exception):
    """The specs use something only the openpyxl writer renders (the message says what)."""


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: the application openpyxl names in docProps/app.xml (kept: the package is the one it wrote)
_APPLICATION = "Microsoft Excel Compatible / Openpyxl 3.1.5"

#: write_spec's header fill, and the alignments it registers first in every workbook (ids 1, 2)
_HEADER_FILL = "D9E1F2"
_CENTER, _WRAP = 1, 2
_ALIGNMENTS = {_CENTER: '<alignment horizontal="center" vertical="center" wrapText="1"/>',
               _WRAP: '<alignment vertical="top" wrapText="1"/>'}
_BOLD = "bold"
#: openpyxl's built-in number formats (openpyxl.styles.numbers.BUILTIN_FORMATS): code → id
_BUILTIN_FORMATS = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, '"$"#,##0_);("$"#,##0)': 5,
    '"$"#,##0_);[Red]("$"#,##0)': 6, '"$"#,##0.00_);("$"#,##0.00)': 7, '"$"#,##0.00_);[Red]("$"#,##0.00)': 8,
    "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15,
    "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21,
    "m/d/yy h:mm": 22, "#,##0_);(#,##0)": 37, "#,##0_);[Red](#,##0)": 38, "#,##0.00_);(#,##0.00)": 39,
    "#,##0.00_);[Red](#,##0.00)": 40, r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)': 41,
    r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)': 42,
    r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)': 43,
    r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)': 44, "mm:ss": 45, "[h]:mm:ss": 46,
    "mmss.0": 47, "##0.0E+0": 48, "@": 49,
}
_CUSTOM_FORMATS_FROM = 164
#: openpyxl cuts a cell's text at Excel's limit
_MAX_TEXT = CELL_TEXT_LIMIT
#: characters a text needs more than copying for: XML's specials, CR (kept as &#13;, as lxml
#: writes it), and the characters XML cannot hold (openpyxl fails on those; they are dropped)
_ESCAPE_LOOKALIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_SPECIAL = re.compile("[&<>\r\ud800-\udfff\ufffe\uffff]")
_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: rows of XML collected before they are encoded and handed to the zip stream
_ROWS_PER_CHUNK = 1000
#: integers written as str() writes them (openpyxl's 16 significant digits give the same digits)
_EXACT = 10**16


def _num(value: float) -> str:
    """A number as openpyxl writes it (``safe_string``: 16 significant digits; NaN/inf empty)."""
    return f"{value:.16g}" if math.isfinite(value) else ""


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    value = _INVALID.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _argb(color: str) -> str:
    """An RRGGBB colour as openpyxl stores it (AARRGGBB, alpha 00)."""
    return color if len(color) == 8 else "00" + color


def _quote(sheet: str) -> str:
    """A sheet name in a reference, as openpyxl quotes it (always)."""
    return "'" + sheet.replace("'", "''") + "'"


class _Slot:
    """A cell format as the cells of a row layout use it: numbered the first time a cell using it
    is saved (openpyxl numbers cell formats as it saves the cells), as it is or with Excel's text
    prefix (``quotePrefix``, for a text that starts like a formula)."""

    __slots__ = ("key", "plain", "quoted")

    def __init__(self, key: tuple[int, int, int, int]) -> None:
        self.key = key
        self.plain: str | None = None  # ' s="N"', or "" for the default format
        self.quoted: str | None = None

    def attr(self, styles: _Styles) -> str:
        if self.plain is None:
            self.plain = f' s="{styles.xf((*self.key, 0))}"' if any(self.key) else ""
        return self.plain

    def quoted_attr(self, styles: _Styles) -> str:
        if self.quoted is None:
            self.quoted = f' s="{styles.xf((*self.key, 1))}"'
        return self.quoted


class _Styles:
    """The workbook's fonts, fills, number formats and cell formats, numbered in the order openpyxl
    numbers them: fonts, fills and number formats as write_spec assigns them (every sheet first),
    cell formats as the cells using them are saved."""

    def __init__(self) -> None:
        self.fonts: dict[str, int] = {"": 0}
        self.fills: dict[str, int] = {"": 0, "gray125": 1}
        self.formats: dict[str, int] = {}  # custom format code → id
        self.xfs: dict[tuple[int, int, int, int, int], int] = {(0, 0, 0, 0, 0): 0}
        self.slots: dict[tuple[int, int, int, int], _Slot] = {}

    def font(self, kind: str) -> int:
        return self.fonts.setdefault(kind, len(self.fonts))

    def fill(self, color: str) -> int:
        return self.fills.setdefault(_argb(color), len(self.fills))

    def number_format(self, code: str) -> int:
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        return self.formats.setdefault(code, _CUSTOM_FORMATS_FROM + len(self.formats))

    def xf(self, key: tuple[int, int, int, int, int]) -> int:
        """The cell format of (number format, font, fill, alignment, text prefix), numbered when
        first used."""
        return self.xfs.setdefault(key, len(self.xfs))

    def slot(self, key: tuple[int, int, int, int]) -> _Slot:
        """The one :class:`_Slot` of the cell format ``key`` (not yet numbered)."""
        found = self.slots.get(key)
        if found is None:
            found = self.slots[key] = _Slot(key)
        return found

    def xml(self) -> str:
        out = [f'<styleSheet xmlns="{_MAIN_NS}">']
        out.append(f'<numFmts count="{len(self.formats)}">')  # written even when empty, as openpyxl does
        out.extend(f'<numFmt numFmtId="{i}" formatCode="{_attr(code)}"/>' for code, i in self.formats.items())
        out.append("</numFmts>")
        fonts = {"": '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/>'
                     '<scheme val="minor"/></font>', _BOLD: '<font><b val="1"/></font>'}
        out.append(f'<fonts count="{len(self.fonts)}">{"".join(fonts[k] for k in self.fonts)}</fonts>')
        fills = ["<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>']
        fills += [f'<fill><patternFill patternType="solid"><fgColor rgb="{argb}"/></patternFill></fill>'
                  for argb in list(self.fills)[2:]]
        out.append(f'<fills count="{len(fills)}">{"".join(fills)}</fills>')
        out.append('<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>')
        out.append('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>')
        out.append(f'<cellXfs count="{len(self.xfs)}">')
        for numfmt, font, fill, align, quoted in self.xfs:
            apply = ' applyAlignment="1"' if align else ""
            head = (f'<xf numFmtId="{numfmt}" fontId="{font}" fillId="{fill}" borderId="0"{apply} pivotButton="0" '
                    f'quotePrefix="{quoted}" xfId="0"')
            out.append(f"{head}>{_ALIGNMENTS[align]}</xf>" if align else f"{head}/>")
        out.append("</cellXfs>")
        out.append('<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>'
                   '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
                   'defaultPivotStyle="PivotStyleLight16"/>'
                   f"<colors><indexedColors>{_INDEXED_COLORS}</indexedColors></colors></styleSheet>")
        return "".join(out)


#: openpyxl's indexed colour table, written into every styles part it saves
_INDEXED_COLORS = "".join(f'<rgbColor rgb="00{c}"/>' for c in (
    "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF "
    "00FFFF 800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 "
    "0066CC CCCCFF 000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF "
    "FF99CC CC99FF FFCC99 3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 "
    "993300 993366 333399 333333").split())


# -- one sheet -----------------------------------------------------------------------------------

@dataclass
class _Sheet:
    """One spec, with what write_spec would do to each row gathered by row."""

    spec: SheetSpec
    width: int
    ncols: int
    bold: set[int]
    banner: set[int]
    merge: bool
    fills_by_row: dict[int, list[tuple[int, int]]]
    percent_by_row: dict[int, list[int]]
    row_fills: dict[int, int]
    header_fill: int
    bold_font: int
    percent: int
    freeze_row: int
    #: signature of a row's cells → [(column, its cell format, merged away)], as saved
    layouts: dict[tuple[Any, ...], list[tuple[int, _Slot, bool]]] = field(default_factory=dict)


def _register(spec: SheetSpec, styles: _Styles) -> _Sheet:
    """What write_spec registers for ``spec``, in its order (fonts, fills, number formats)."""
    if spec.links:
        raise Unsupported("links")
    if not spec.widths:
        raise Unsupported("a sheet without column widths")
    width = max((len(row) for row in spec.rows), default=0) or 1
    ncols = len(spec.widths)
    bold_font = styles.font(_BOLD) if spec.bold_rows else 0
    header_fill = styles.fill(_HEADER_FILL)
    row_fills = {r: styles.fill(color) for r, color in spec.row_fills.items()}
    fills_by_row: dict[int, list[tuple[int, int]]] = {}
    for (r, c), color in spec.cell_fills.items():
        fills_by_row.setdefault(r, []).append((c, styles.fill(color)))
    percent_by_row: dict[int, list[int]] = {}
    for r, c in spec.percent_cells:
        percent_by_row.setdefault(r, []).append(c)
    percent = styles.number_format(spec.percent_format) if spec.percent_cells else 0
    return _Sheet(spec, width, ncols, set(spec.bold_rows), set(spec.merged_rows), ncols > 1, fills_by_row,
                  percent_by_row, row_fills, header_fill, bold_font, percent, spec.header_row + 1)


def _layout(sheet: _Sheet, i: int, styles: _Styles) -> list[tuple[int, _Slot, bool]]:
    """Row ``i``'s cells as write_spec makes them, in its order of operations: the row appended
    (wrapped below the header), bold rows, the banner (merged away right of column A), the
    header's fill and alignment, row fills, cell fills, percentages, the frozen pane's cell."""
    spec, width, ncols = sheet.spec, sheet.width, sheet.ncols
    # column → [number format, font, fill, alignment, merged away] as write_spec leaves the cell
    cells: dict[int, list[Any]] = {}
    if i < len(spec.rows):
        if i > spec.header_row:
            cells = {j: [0, 0, 0, _WRAP, False] for j in range(width)}
        else:
            cells = {j: [0, 0, 0, 0, False] for j in range(len(spec.rows[i]))}

    def cell(j: int) -> list[Any]:
        found = cells.get(j)
        if found is None:
            found = cells[j] = [0, 0, 0, 0, False]
        return found

    if i in sheet.bold:
        for j in range(width):
            cell(j)[1] = sheet.bold_font
    if i in sheet.banner:
        cell(0)[3] = _WRAP
        if sheet.merge:
            for j in range(1, ncols):
                cells[j] = [0, 0, 0, 0, True]
    if i == spec.header_row:
        for j in range(width):
            c = cell(j)
            c[2], c[3] = sheet.header_fill, _CENTER
    if i in sheet.row_fills:
        for j in range(ncols):
            cell(j)[2] = sheet.row_fills[i]
    for j, fill in sheet.fills_by_row.get(i, ()):
        cell(j)[2] = fill
    for j in sheet.percent_by_row.get(i, ()):
        cell(j)[0] = sheet.percent
    if i == sheet.freeze_row:
        cell(0)
    out = []
    for j in sorted(cells):
        numfmt, font, fill, align, merged = cells[j]
        out.append((j, styles.slot((numfmt, font, fill, align)), merged))
    return out


def _signature(sheet: _Sheet, i: int) -> tuple[Any, ...]:
    spec = sheet.spec
    # what the appended row made: nothing (-2), a wrapped cell per column (-1), or, above the
    # table, a plain cell per value (their number) — numbers only (True would equal 1 in a key)
    if i >= len(spec.rows):
        base = -2
    elif i > spec.header_row:
        base = -1
    else:
        base = len(spec.rows[i])
    fills = sheet.fills_by_row.get(i)
    percent = sheet.percent_by_row.get(i)
    return (base, i in sheet.bold, i in sheet.banner, i == spec.header_row, sheet.row_fills.get(i),
            tuple(fills) if fills else None, tuple(percent) if percent else None, i == sheet.freeze_row)


def _value_xml(value: Any) -> str:
    """What follows a cell's reference and format: the type and value of a cell holding
    ``value`` (not None, as write_spec holds it: before :func:`cell_text`), as openpyxl's lxml
    writer writes them — text always as a string, even "=…" or "#N/A"; a date as
    :func:`cell_text` writes it (2026年3月31日)."""
    if isinstance(value, date):
        value = cell_text(value)
    kind = type(value)
    if kind is str:
        text = cell_text(value)
        if not text:
            return ' t="inlineStr"/>'
        space = ' xml:space="preserve"' if text != text.strip() else ""
        if "_x" in text:  # a literal "_x0041_" stays literal (Excel reads it as an escaped "A")
            text = _ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
        return f' t="inlineStr"><is><t{space}>{_text(text)}</t></is></c>'
    if kind is int or kind is float:
        return f' t="n"><v>{_num(value)}</v></c>'
    if kind is bool:
        return f' t="b"><v>{int(value)}</v></c>'
    raise Unsupported(f"a {kind.__name__} value")


#: text that goes into a cell as it is: no formula-like start, no control or XML-special or
#: invalid character, no space at either end, not an error code (they start with #)
_PLAIN = re.compile(r"[^\s=+\-@#&<>\x00-\x1f\ud800-\udfff\ufffe\uffff]"
                    r"(?:[^&<>\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]*"
                    r"[^\s&<>\x00-\x1f\ud800-\udfff\ufffe\uffff])?")
#: what a text starting like a formula opens with (a cheap test before looks_like_formula)
_FORMULA_START_CHARS = frozenset("=+-@\t\r\n")
#: texts shorter than this are remembered once formatted (labels, statuses, units, dates repeat)
_SHORT = 40


def _sheet_rows(sheet: _Sheet, styles: _Styles) -> Iterator[str]:
    """The rows of <sheetData>, in chunks of text.

    The inner loop is the writer's hot path (a cell of 整改明细 per iteration): plain text, small
    integers and empty cells are formatted inline; anything else goes through :func:`_value_xml`."""
    spec = sheet.spec
    heights, outline = spec.row_heights, spec.outline
    dims = set(heights) | set(outline)  # rows openpyxl keeps dimensions of: written even when empty
    last = max([len(spec.rows) - 1, *_touched(sheet), *dims])
    heads = [f'<c r="{col_letter(j)}' for j in range(_last_col(sheet) + 1)]
    layouts = sheet.layouts
    plain = _PLAIN.fullmatch
    known: dict[str, str] = {}  # short text → its cell XML after the format
    chunk: list[str] = []
    for i in range(last + 1):
        sig = _signature(sheet, i)
        layout = layouts.get(sig)
        if layout is None:
            layout = layouts[sig] = _layout(sheet, i, styles)
        if not layout and i not in dims:
            continue
        n = i + 1
        values = spec.rows[i] if i < len(spec.rows) else ()
        nvalues = len(values)
        attrs = ""
        if i in heights:
            attrs = (f' ht="{_num(heights[i])}"' if heights[i] else "") + ' customHeight="1"'
        level = outline.get(i)
        if level:
            attrs += f' outlineLevel="{level}"'
        parts = [f'<row r="{n}"{attrs}>']
        at = f'{n}"'
        for j, slot, merged in layout:
            # the cell's format, numbered as this cell is saved (a quoted text's below instead)
            value: Any = None if merged or j >= nvalues else values[j]
            kind = type(value)
            if kind is not str or value[:1] not in _FORMULA_START_CHARS or not looks_like_formula(value):
                style = slot.plain
                if style is None:
                    style = slot.attr(styles)
            else:
                style = slot.quoted_attr(styles)  # "=…" stays text when the cell is edited
            if kind is str:
                tail = known.get(value)
                if tail is None:
                    # (a date cell's "2026-03-31" goes through cell_text: 2026年3月31日)
                    if (len(value) <= _MAX_TEXT // 2 and plain(value) is not None and "_x" not in value
                            and value[4:5] != "-"):
                        tail = f' t="inlineStr"><is><t>{value}</t></is></c>'
                    else:
                        tail = _value_xml(value)
                    if len(value) < _SHORT:
                        known[value] = tail
            elif kind is int and -_EXACT < value < _EXACT:
                tail = f' t="n"><v>{value}</v></c>'
            elif value is None:
                if style:
                    parts.append(f'{heads[j]}{at}{style} t="n"/>')
                continue
            else:
                tail = _value_xml(value)
            parts.append(f"{heads[j]}{at}{style}{tail}")
        parts.append("</row>")
        chunk.append("".join(parts))
        if len(chunk) >= _ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def _touched(sheet: _Sheet) -> set[int]:
    """Rows write_spec makes cells in besides the rows it appends."""
    spec = sheet.spec
    return (sheet.bold | sheet.banner | set(sheet.row_fills) | set(sheet.fills_by_row) | set(sheet.percent_by_row)
            | {spec.header_row, sheet.freeze_row})


def _last_col(sheet: _Sheet) -> int:
    """The last column (0-based) holding a cell write_spec made (the header row spans the width)."""
    wide = sheet.ncols if (sheet.merge and sheet.banner) or sheet.row_fills else 0
    return max([sheet.width - 1, wide - 1, *(c for cells in sheet.fills_by_row.values() for c, _ in cells),
                *(c for cols in sheet.percent_by_row.values() for c in cols)])


def _dimension(sheet: _Sheet) -> str:
    """openpyxl's dimension: the rows and columns of every cell made, written or not."""
    spec = sheet.spec
    made = {i for i in range(min(len(spec.rows), spec.header_row + 1)) if spec.rows[i]} | _touched(sheet)
    if len(spec.rows) > spec.header_row + 1:
        made |= {spec.header_row + 1, len(spec.rows) - 1}
    return f"A{min(made) + 1}:{col_letter(_last_col(sheet))}{max(made) + 1}"


def _merged_refs(sheet: _Sheet) -> list[str]:
    """The merged ranges in the order openpyxl writes them: it keeps them in a set of ranges that
    hash as their (min row, min col, max row, max col) — a set of those tuples, filled in the same
    order, iterates alike."""
    ranges: set[tuple[int, int, int, int]] = set()
    for r in sorted(sheet.banner):
        ranges.add((r + 1, 1, r + 1, sheet.ncols))
    last = col_letter(sheet.ncols - 1)
    return [f"A{r}:{last}{r}" for r, _, _, _ in ranges]


def _sheet_xml(sheet: _Sheet, styles: _Styles, drawing: bool) -> Iterator[str]:
    spec = sheet.spec
    setup = spec.print_setup
    rows = _sheet_rows(sheet, styles)
    summary = "0" if spec.outline else "1"
    fit = '<pageSetUpPr fitToPage="1"/>' if setup.fit_width or setup.fit_height else "<pageSetUpPr/>"
    top = f"A{spec.header_row + 2}"
    yield (f'{_HEAD}<worksheet xmlns="{_MAIN_NS}"><sheetPr><outlinePr summaryBelow="{summary}" '
           f'summaryRight="{summary}"/>{fit}</sheetPr><dimension ref="{_dimension(sheet)}"/>'
           f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{spec.header_row + 1}" topLeftCell="{top}" '
           'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/>'
           '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><cols>'
           + "".join(f'<col width="{_num(w)}" customWidth="1" min="{c}" max="{c}"/>'
                     for c, w in enumerate(spec.widths, start=1))
           + "</cols><sheetData>")
    yield from rows
    tail = ["</sheetData>"]
    last_col = col_letter(sheet.ncols - 1)
    if spec.autofilter and len(spec.rows) > spec.header_row + 1:
        tail.append(f'<autoFilter ref="A{spec.header_row + 1}:{last_col}{len(spec.rows)}"/>')
    if sheet.merge and sheet.banner:
        refs = _merged_refs(sheet)
        tail.append(f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs)
                    + "</mergeCells>")
    tail.append(f'<printOptions horizontalCentered="{int(setup.center_horizontally)}"/>')
    top_m, bottom_m, left_m, right_m = (cm / 2.54 for cm in setup.margins_cm)
    tail.append(f'<pageMargins left="{_num(left_m)}" right="{_num(right_m)}" top="{_num(top_m)}" '
                f'bottom="{_num(bottom_m)}" header="0.3" footer="0.3"/>')
    fit_attrs = (f' fitToHeight="{setup.fit_height}" fitToWidth="{setup.fit_width}"'
                 if setup.fit_width or setup.fit_height else "")
    orientation = "landscape" if setup.landscape else "portrait"
    tail.append(f'<pageSetup orientation="{orientation}" paperSize="{setup.paper_size}"{fit_attrs}/>')
    if setup.footer:
        tail.append(f"<headerFooter><oddHeader></oddHeader><oddFooter>{_text('&C' + setup.footer)}</oddFooter>"
                    "<evenHeader></evenHeader><evenFooter></evenFooter><firstHeader></firstHeader>"
                    "<firstFooter></firstFooter></headerFooter>")
    if spec.page_breaks:
        breaks = sorted(spec.page_breaks)
        tail.append(f'<rowBreaks count="{len(breaks)}" manualBreakCount="{len(breaks)}">'
                    + "".join(f'<brk id="{r + 1}" min="0" max="16383" man="1"/>' for r in breaks) + "</rowBreaks>")
    if drawing:
        tail.append(f'<drawing xmlns:r="{_REL_NS}" r:id="rId1"/>')
    tail.append("</worksheet>")
    yield "".join(tail)


# -- the chart of 整改总体情况 ---------------------------------------------------------------------

_CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_EMU_PER_CM = 360000


def _chart_xml(spec: SheetSpec, title: str, first: int, last: int) -> str:
    """The bar chart write_spec adds (column B by column A, categories top to bottom, the value
    axis below the bars), as openpyxl writes it."""
    def ref(col: str) -> str:
        cells = f"${col}${first + 1}" if first == last else f"${col}${first + 1}:${col}${last + 1}"
        return _text(f"{_quote(spec.name)}!{cells}")

    def rich(text: str) -> str:
        return (f'<tx><rich><a:bodyPr xmlns:a="{_DRAWING_NS}"/><a:p xmlns:a="{_DRAWING_NS}"><a:pPr><a:defRPr/>'
                f"</a:pPr><a:r><a:t>{_text(text)}</a:t></a:r></a:p></rich></tx>")

    return (f'<chartSpace xmlns="{_CHART_NS}"><chart><title>{rich(title)}</title><plotArea><barChart>'
            '<barDir val="bar"/><grouping val="clustered"/><ser><idx val="0"/><order val="0"/><spPr>'
            f'<a:ln xmlns:a="{_DRAWING_NS}"><a:prstDash val="solid"/></a:ln></spPr>'
            f"<cat><numRef><f>{ref('A')}</f></numRef></cat><val><numRef><f>{ref('B')}</f></numRef></val></ser>"
            f'<dLbls><numFmt formatCode="{_attr(spec.percent_format)}"/><showLegendKey val="0"/><showVal val="1"/>'
            '<showCatName val="0"/><showSerName val="0"/><showPercent val="0"/></dLbls><gapWidth val="150"/>'
            '<axId val="10"/><axId val="100"/></barChart><catAx><axId val="10"/><scaling>'
            '<orientation val="maxMin"/></scaling><delete val="0"/><axPos val="l"/><majorTickMark val="none"/>'
            '<minorTickMark val="none"/><crossAx val="100"/><lblOffset val="100"/></catAx><valAx><axId val="100"/>'
            '<scaling><orientation val="minMax"/><max val="1"/><min val="0"/></scaling><delete val="0"/>'
            f'<axPos val="l"/><majorGridlines/><title>{rich("完成率")}</title>'
            '<numFmt formatCode="0%" sourceLinked="0"/><majorTickMark val="none"/><minorTickMark val="none"/>'
            '<crossAx val="10"/><crosses val="max"/><majorUnit val="0.2"/></valAx></plotArea>'
            '<plotVisOnly val="1"/><dispBlanksAs val="gap"/></chart></chartSpace>')


def _drawing_xml(spec: SheetSpec, first: int, last: int) -> str:
    """The drawing anchoring the chart at column A of :attr:`SheetSpec.chart_row`, sized as
    write_spec sizes it (centimetres → EMU as openpyxl converts them)."""
    height = max(6.0, 1.4 * (last - first + 1) + 3)
    width = min(28.0, max(16.0, 0.2 * sum(spec.widths)))
    anchor = spec.chart_row if spec.chart_row is not None else len(spec.rows) + 1
    return (f'<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor>'
            f"<from><col>0</col><colOff>0</colOff><row>{anchor}</row><rowOff>0</rowOff></from>"
            f'<ext cx="{int(width * _EMU_PER_CM)}" cy="{int(height * _EMU_PER_CM)}"/><graphicFrame>'
            '<nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/>'
            f'<a:graphic xmlns:a="{_DRAWING_NS}"><a:graphicData uri="{_CHART_NS}">'
            f'<c:chart xmlns:c="{_CHART_NS}" xmlns:r="{_REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>'
            "</graphicFrame><clientData/></oneCellAnchor></wsDr>")


def _rels_xml(rels: list[tuple[str, str]]) -> str:
    """A relationships part: (type, target) numbered rId1, rId2, … in order."""
    return (f'<Relationships xmlns="{_PKG_REL_NS}">'
            + "".join(f'<Relationship Type="{kind}" Target="{_attr(target)}" Id="rId{i}"/>'
                      for i, (kind, target) in enumerate(rels, start=1))
            + "</Relationships>")


# -- the package ---------------------------------------------------------------------------------

_CT = "application/vnd.openxmlformats-officedocument."
_CT_SHEET = _CT + "spreadsheetml.worksheet+xml"
_CT_DRAWING = _CT + "drawing+xml"
_CT_CHART = _CT + "drawingml.chart+xml"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _workbook_xml(sheets: list[_Sheet]) -> str:
    names = []
    for idx, sheet in enumerate(sheets):
        spec = sheet.spec
        quoted = _quote(spec.name)
        if spec.autofilter and len(spec.rows) > spec.header_row + 1:
            ref = f"$A${spec.header_row + 1}:${col_letter(sheet.ncols - 1)}${len(spec.rows)}"
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{idx}" hidden="1">'
                         f"{_text(quoted)}!{ref}</definedName>")
        first, last = spec.print_title_rows
        names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{idx}">'
                     f"{_text(quoted)}!${first + 1}:${last + 1}</definedName>")
    entries = "".join(f'<sheet xmlns:r="{_REL_NS}" name="{_attr(s.spec.name)}" sheetId="{i}" state="visible" '
                      f'r:id="rId{i}"/>' for i, s in enumerate(sheets, start=1))
    return (f'<workbook xmlns="{_MAIN_NS}"><workbookPr/><workbookProtection/><bookViews><workbookView '
            'visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" '
            'tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>'
            f'<sheets>{entries}</sheets><definedNames>{"".join(names)}</definedNames>'
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _core_xml(now: datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    w3cdtf = ('xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:type="dcterms:W3CDTF"')
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">'
            '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">openpyxl</dc:creator>'
            f"<dcterms:created {w3cdtf}>{stamp}</dcterms:created><dcterms:modified {w3cdtf}>{stamp}"
            "</dcterms:modified></cp:coreProperties>")


def _custom_xml(kind: str) -> str:
    return ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">'
            '<property name="rectxl-output" fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2">'
            '<vt:lpwstr xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{_text(kind)}</vt:lpwstr></property></Properties>")


def _content_types(overrides: list[tuple[str, str]]) -> str:
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
            + "</Types>")


#: a sheet with more rows is written with ZIP64 sizes (its XML could pass 2 GiB; smaller ones
#: stay in the classic zip format, as openpyxl writes them)
_ZIP64_ROWS = 200_000


def _stream(zf: zipfile.ZipFile, name: str, texts: Iterator[str], *, large: bool) -> None:
    """Write ``texts`` into member ``name``, compressed by a second thread while the next chunk
    is formatted. What it buys: deflate releases the GIL, so on two cores the compression (a
    third of the writer's time at level 6) overlaps the formatting instead of following it. The
    queue is short: memory holds a few chunks, never the sheet."""
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def deflate() -> None:
        try:
            with zf.open(name, "w", force_zip64=large) as out:
                while (chunk := chunks.get()) is not None:
                    out.write(chunk)
        except BaseException as exc:  # handed to the caller's thread below
            failed.append(exc)
            while chunks.get() is not None:  # let the producer finish
                pass

    worker = threading.Thread(target=deflate, name=f"rectxl-deflate-{name}", daemon=True)
    worker.start()
    try:
        for text in texts:
            chunks.put(text.encode("utf-8"))
    finally:
        chunks.put(None)
        worker.join()
    if failed:
        raise failed[0]


def write_workbook(target: Path, specs: list[SheetSpec], kind: str, *, compresslevel: int = 6,
                   now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
    """Write ``specs`` as a new workbook at ``target`` (a fresh file: the caller writes to a
    temporary path and moves it into place), marked as rectxl's ``kind`` of output
    (:func:`rectxl.io.outputs.output_kind`). Raises :class:`Unsupported` for specs only openpyxl
    renders."""
    styles = _Styles()
    sheets = [_register(spec, styles) for spec in specs]  # what write_spec registers, sheet by sheet
    names = {s.spec.name.casefold() for s in sheets}
    if len(names) != len(sheets) or not sheets or "sheet" in names:  # write_spec would rename or replace
        raise Unsupported("sheet names")
    overrides = [("/xl/styles.xml", _CT + "spreadsheetml.styles+xml"), ("/xl/theme/theme1.xml", _CT + "theme+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", _CT + "extended-properties+xml"),
                 ("/docProps/custom.xml", _CT + "custom-properties+xml")]
    charts: list[str] = []
    stamp = now()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        def put(name: str, text: str) -> None:
            zf.writestr(name, text.encode("utf-8"))

        put("docProps/app.xml", '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'extended-properties"><Application>{_APPLICATION}</Application><AppVersion>3.1</AppVersion>'
            "</Properties>")
        put("docProps/core.xml", _core_xml(stamp))
        put("xl/theme/theme1.xml", theme_xml())
        put("docProps/custom.xml", _custom_xml(kind))
        for n, sheet in enumerate(sheets, start=1):
            chart = sheet.spec.chart
            part = f"xl/worksheets/sheet{n}.xml"
            _stream(zf, part, _sheet_xml(sheet, styles, drawing=chart is not None),
                    large=len(sheet.spec.rows) > _ZIP64_ROWS)
            overrides.append(("/" + part, _CT_SHEET))
            if chart is not None:
                title, first, last = chart
                charts.append(_chart_xml(sheet.spec, title, first, last))
                drawing = f"xl/drawings/drawing{len(charts)}.xml"
                put(drawing, _drawing_xml(sheet.spec, first, last))
                put(f"xl/drawings/_rels/drawing{len(charts)}.xml.rels",
                    _rels_xml([(_DOC_RELS + "chart", f"/xl/charts/chart{len(charts)}.xml")]))
                put(f"xl/worksheets/_rels/sheet{n}.xml.rels", _rels_xml([(_DOC_RELS + "drawing", "/" + drawing)]))
                overrides.append(("/" + drawing, _CT_DRAWING))
        for n, chart_xml in enumerate(charts, start=1):
            put(f"xl/charts/chart{n}.xml", chart_xml)
            overrides.append((f"/xl/charts/chart{n}.xml", _CT_CHART))
        put("xl/styles.xml", styles.xml())
        put("_rels/.rels", _rels_xml([
            (_DOC_RELS + "officeDocument", "xl/workbook.xml"),
            (_PKG_REL_NS + "/metadata/core-properties", "docProps/core.xml"),
            (_DOC_RELS + "extended-properties", "docProps/app.xml"),
            (_DOC_RELS + "custom-properties", "docProps/custom.xml")]))
        put("xl/workbook.xml", _workbook_xml(sheets))
        put("xl/_rels/workbook.xml.rels", _rels_xml(
            [(_DOC_RELS + "worksheet", f"/xl/worksheets/sheet{n}.xml") for n in range(1, len(sheets) + 1)]
            + [(_DOC_RELS + "styles", "styles.xml"), (_DOC_RELS + "theme", "theme/theme1.xml")]))
        overrides.append(("/xl/workbook.xml", _CT + "spreadsheetml.sheet.main+xml"))
        put("[Content_Types].xml", _content_types(overrides))
