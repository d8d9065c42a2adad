"""rectxl's own sheets (:class:`rectxl.core.sheets.SheetSpec`) as worksheet XML, written directly.

The same layout the openpyxl renderer gives (:func:`rectxl.io.xlsx_out.write_spec`): the header
block, a filled and centred header row, wrapped body cells, bold rows, coloured rows and cells,
links to cells, percentages, outline levels, frozen panes, an autofilter; landscape printing one
page wide. Text is written as it is, as inline strings (:func:`rectxl.core.report.cell_text`: an
inline string is never a formula, so no ``'`` is put in front of "=…"); a text that starts like a
formula gets Excel's text prefix (``quotePrefix``) on its format, so it stays text when the user
edits the cell. The completion chart of
整改总体情况 is built by openpyxl's chart classes (no workbook is saved) and linked in through a
drawing part.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from rectxl.core.report import cell_text, looks_like_formula
from rectxl.core.sheets import SheetSpec
from rectxl.core.text import CELL_TEXT_LIMIT, col_letter
from rectxl.io.styles_part import HEADER_FILL, Look, Styles
from rectxl.io.xmlbytes import escape_attr, escape_text, xml_safe

__all__ = ["chart_parts", "print_titles", "quote_sheet", "render_sheet"]

#: Excel refuses a file with a longer cell text (counted as Excel counts: :func:`clip_cell_text`)
MAX_TEXT = CELL_TEXT_LIMIT


def quote_sheet(name: str) -> str:
    """A sheet name as written in a reference (``'台账'!A1``)."""
    return "'" + name.replace("'", "''") + "'"


def _cell(ref: str, value: Any, style: int | None) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float) and not (isinstance(value, float) and not math.isfinite(value)):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    text = xml_safe(str(cell_text(value)))
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape_text(text)}</t></is></c>'


def render_sheet(spec: SheetSpec, styles: Styles, *, main_ns: str, rel_ns: str,
                 drawing_rid: str | None = None) -> bytes:
    """The worksheet XML of ``spec``; its cell formats are appended to ``styles``."""
    width = max((len(row) for row in spec.rows), default=0) or 1
    ncols = max(len(spec.widths), 1)
    letters = [col_letter(c) for c in range(max(width, ncols))]
    percent = getattr(spec, "percent_format", "0%")
    merged_rows: set[int] = set(getattr(spec, "merged_rows", set()))
    heights: dict[int, float] = dict(getattr(spec, "row_heights", {}))
    looks: dict[tuple[int, int], Look] = {}

    def change(r: int, c: int, **kw: Any) -> None:
        base = looks.get((r, c)) or Look(align="wrap" if r > spec.header_row else None)
        looks[(r, c)] = replace(base, **kw)

    # the order of write_spec: bold rows, banners, header, row fills, cell fills, links, percentages
    for r in sorted(spec.bold_rows):
        for c in range(width):
            change(r, c, bold=True)
    for r in merged_rows:
        change(r, 0, align="wrap")
    for r in sorted(getattr(spec, "wrapped_rows", ())):
        for c in range(len(spec.rows[r]) if r < len(spec.rows) else 0):
            change(r, c, align="wrap")
    for c in range(width):
        change(spec.header_row, c, fill=HEADER_FILL, align="center")
    for r, color in spec.row_fills.items():
        for c in range(ncols):
            change(r, c, fill=color)
    for (r, c), color in spec.cell_fills.items():
        change(r, c, fill=color)
    for r, c in spec.links:
        change(r, c, link=True, bold=False)
    for r, c in spec.percent_cells:
        change(r, c, number_format=percent)
    wrap = styles.look(Look(align="wrap"))
    reach: dict[int, int] = {}  # row → last styled column
    for r, c in looks:
        if c >= reach.get(r, -1):
            reach[r] = c

    rows: list[str] = []
    for i, row in enumerate(spec.rows):
        n = i + 1
        body = i > spec.header_row
        cells = list(row) + [None] * (width - len(row)) if body else list(row)
        if reach.get(i, -1) >= len(cells):
            cells += [None] * (reach[i] + 1 - len(cells))
        parts: list[str] = []
        for j, value in enumerate(cells):
            look = looks.get((i, j))
            if isinstance(value, str) and looks_like_formula(cell_text(value)):
                look = replace(look or Look(align="wrap" if body else None), quote=True)
            style = styles.look(look) if look is not None else (wrap if body else None)
            parts.append(_cell(f"{letters[j] if j < len(letters) else col_letter(j)}{n}", value, style))
        attrs = ""
        if i in heights:
            attrs += f' ht="{heights[i]}" customHeight="1"'
        level = spec.outline.get(i)
        if level:
            attrs += f' outlineLevel="{level}"'
        rows.append(f'<row r="{n}"{attrs}>{"".join(parts)}</row>')

    setup = getattr(spec, "print_setup", None)
    last_col = letters[max(width, ncols) - 1]
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<worksheet xmlns="{main_ns}" xmlns:r="{rel_ns}">',
        "<sheetPr>",
        '<outlinePr summaryBelow="0" summaryRight="0"/>' if spec.outline else "",
        '<pageSetUpPr fitToPage="1"/>' if setup is None or setup.fit_width or setup.fit_height else "",
        "</sheetPr>",
        f'<dimension ref="A1:{last_col}{max(len(spec.rows), 1)}"/>',
    ]
    top = f"A{spec.header_row + 2}"
    out.append(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{spec.header_row + 1}" '
               f'topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
               f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews>')
    levels = max(spec.outline.values(), default=0)
    outline = f' outlineLevelRow="{levels}"' if levels else ""
    out.append(f'<sheetFormatPr defaultRowHeight="15"{outline}/>')
    if spec.widths:
        out.append("<cols>" + "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>'
                                      for c, w in enumerate(spec.widths, start=1)) + "</cols>")
    out.append("<sheetData>" + "".join(rows) + "</sheetData>")
    if spec.autofilter and len(spec.rows) > spec.header_row + 1:
        out.append(f'<autoFilter ref="A{spec.header_row + 1}:{letters[ncols - 1]}{len(spec.rows)}"/>')
    if merged_rows and ncols > 1:
        merges = "".join(f'<mergeCell ref="A{r + 1}:{letters[ncols - 1]}{r + 1}"/>' for r in sorted(merged_rows))
        out.append(f'<mergeCells count="{len(merged_rows)}">{merges}</mergeCells>')
    if spec.links:
        links = []
        for (r, c), (sheet, ref) in sorted(spec.links.items()):
            value = spec.rows[r][c] if c < len(spec.rows[r]) else ""
            display = escape_attr(xml_safe(str(cell_text(value))))
            location = escape_attr(f"{quote_sheet(sheet)}!{ref}")
            links.append(f'<hyperlink ref="{letters[c]}{r + 1}" location="{location}" display="{display}"/>')
        out.append("<hyperlinks>" + "".join(links) + "</hyperlinks>")
    out.append(_print_xml(setup))
    if drawing_rid:
        out.append(f'<drawing r:id="{drawing_rid}"/>')
    out.append("</worksheet>")
    return "".join(out).encode("utf-8")


def _print_xml(setup: Any) -> str:
    """printOptions, pageMargins, pageSetup and headerFooter of a :class:`PrintSetup`."""
    if setup is None:
        return ('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>')
    out = '<printOptions horizontalCentered="1"/>' if setup.center_horizontally else ""
    top, bottom, left, right = (cm / 2.54 for cm in setup.margins_cm)
    out += (f'<pageMargins left="{left!r}" right="{right!r}" top="{top!r}" bottom="{bottom!r}" header="0.3" '
            f'footer="0.3"/>')
    orientation = "landscape" if setup.landscape else "portrait"
    out += (f'<pageSetup paperSize="{setup.paper_size}" orientation="{orientation}" fitToWidth="{setup.fit_width}"'
            f' fitToHeight="{setup.fit_height}"/>')
    if setup.footer:
        out += f"<headerFooter><oddFooter>{escape_text('&C' + setup.footer)}</oddFooter></headerFooter>"
    return out


def print_titles(spec: SheetSpec, sheet_name: str) -> str | None:
    """The ``_xlnm.Print_Titles`` formula of ``spec`` (rows repeated on every printed page)."""
    rows = getattr(spec, "print_title_rows", None)
    if rows is None:
        return None
    first, last = rows
    return f"{quote_sheet(sheet_name)}!${first + 1}:${last + 1}"


def chart_parts(spec: SheetSpec, sheet_name: str) -> tuple[bytes, bytes] | None:
    """(drawing XML, chart XML) of ``spec.chart``: the chart :func:`rectxl.io.xlsx_out.write_spec`
    builds (one chart code for both writers), taken from a throwaway openpyxl sheet — no workbook
    is saved. The drawing's relationship to the chart is ``rId1``."""
    if not spec.chart:
        return None
    from openpyxl import Workbook
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.xml.functions import tostring

    from rectxl.io.xlsx_out import write_spec

    ws = write_spec(Workbook(), replace(spec, name=sheet_name))
    charts = ws._charts
    if not charts:
        return None
    drawing = SpreadsheetDrawing()
    drawing.charts.append(charts[0])
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return head + tostring(drawing._write()), head + tostring(charts[0]._write())
