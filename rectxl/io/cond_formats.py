"""The cells of a sheet a user's conditional format may paint over.

Excel shows a conditional format's fill *over* a cell's own fill while its condition holds (a
colour scale always): a flagged cell under a rule that colours 已完成 green or whole overdue rows
red may not show rectxl's colour at all. 校验结果 names such cells (DESIGN.md §6), so the clerk
goes by the list, not by the colours. Read by byte scans (the rules follow ``sheetData``; the
Excel 2010 rules — their fill inline — sit in the sheet's ``extLst``).
"""

from __future__ import annotations

import re

from rectxl.core.text import col_index
from rectxl.io.xmlbytes import attr, elements, first

__all__ = ["dxf_fills", "painted_ranges"]

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

