"""A ledger kept as a Word table (整改台账.docx): its tables read as sheets.

Many offices keep the 整改台账 (or the 整改清单 attached to an 整改方案) as a table in Word rather
than in Excel. Each table of the document becomes a :class:`~rectxl.core.grid.Grid` named
``表格1``, ``表格2`` … whose rows are the table's rows exactly (row 1 is the table's first row,
column A its first column), so a finding's cell reference points into the table as Word shows it.
Merged cells keep their merges: text in the first cell, the span in ``merges`` — a problem merged
down over its measures reads as it does in a workbook. The paragraphs outside the tables (the
title, "填报单位：…  填报日期：…", "巡察时间：…") are the table's title rows
(:attr:`~rectxl.core.grid.Grid.displaced`): read for the facts written there, holding no row.
A table with no header of its own right after one (Word split the ledger where the clerk pressed
Enter, or she pasted the rest below; a "续表" line between) goes on under that table's header.

The text of a cell is what Word shows (:func:`rectxl.io.docx_read.shown_text`: no tracked
deletions, no hidden text), its paragraphs joined by line breaks as Alt+Enter would; a row
deleted with 修订 on is not read. Rows, cells and paragraphs inside content controls (a
template's 内容控件, a form's repeating row) are read where they stand.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from rectxl.core.errors import LedgerError, NoLedgerTable
from rectxl.core.grid import Grid, aspect_heading, find_header
from rectxl.core.notice.parse import NoticeParseError
from rectxl.core.numbering import split_category_label
from rectxl.io.docx_read import _blocks, _open_document, contained, hidden_styles, shown_text

__all__ = ["TABLE_SHEET", "read_docx_grids"]

#: the name a Word table is read under: 表格1, 表格2 …
TABLE_SHEET = "表格{}"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_VAL = qn("w:val")
#: a row deleted with 修订 on (Word shows it struck through until the change is accepted)
_DELETED_ROW = f"{qn('w:trPr')}/{qn('w:del')}"


def read_docx_grids(path: Path) -> list[Grid]:
    """Every table of the Word document at ``path`` as a sheet (see the module text)."""
    try:
        doc = _open_document(path)
    except NoticeParseError as exc:
        raise LedgerError(str(exc).rstrip("。")) from None
    hidden = hidden_styles(doc)
    grids: list[Grid] = []
    lines: list[tuple[str, ...]] = []  # the paragraphs read since the last table of the ledger
    ledger_table = -1  # the last table of the ledger read (-1: none yet — the last table then)
    #: the header rows and merges of the last table with a header, for a table going on from it
    header: tuple[list[list[Any]], list[tuple[int, int, int, int]]] | None = None
    for block in _blocks(doc.element.body):
        if block.tag == _P:
            if text := shown_text(block, hidden).text.strip():
                lines.append((text,))
        elif block.tag == _TBL:
            rows, merges = _table(block, hidden)
            if not any(v for row in rows for v in row):
                continue
            name = TABLE_SHEET.format(len(grids) + 1)
            grid = Grid(name=name, rows=rows, merges=merges, displaced=tuple(lines))
            if (found := find_header(grid)) is not None:
                top = found.first_row
                header = (rows[top:found.row + 1],
                          [(a - top, b, c - top, d) for a, b, c, d in merges if top <= a and c <= found.row])
            elif header is not None and len(rows[0]) == len(header[0][0]) \
                    and all(_GOES_ON.fullmatch(line[0]) or _heading(line[0]) for line in lines):
                headings = [line[0] for line in lines if not _GOES_ON.fullmatch(line[0])]
                grid = _going_on(name, rows, merges, header, headings)
            else:  # no ledger table (a 整改总体情况 count, the signatures): the lines above it
                grids.append(grid)  # go on to the ledger's table — its title and 填报日期 among them
                continue
            grids.append(grid)
            ledger_table = len(grids) - 1
            lines = []
    if not grids:
        raise NoLedgerTable(f"{path.name} 是 Word 文档，其中没有表格，读不出台账：台账请用 Excel 表格或 Word 表格；"
                          "如果它是整改通报，请用 rectxl parse-notice 解析")
    if lines:  # "填表人：…  填报日期：…" under the last table of the ledger: its title rows too
        last = grids[ledger_table]
        grids[ledger_table] = replace(last, displaced=(*last.displaced, *lines))
    return grids


#: what may stand between a table and the table it goes on from: nothing, a 续表 line, or the
#: heading of the aspect or category its rows are about (:func:`_heading`)
_GOES_ON = re.compile(r"[(（]?续(?:表|上表)?[)）]?[:：]?")


def _heading(text: str) -> bool:
    """A line heading the rows after it: an aspect ("一、…方面") or a category ("（二）…")."""
    return aspect_heading(text) or split_category_label(text)[0] is not None


def _going_on(name: str, rows: list[list[Any]], merges: list[tuple[int, int, int, int]],
              header: tuple[list[list[Any]], list[tuple[int, int, int, int]]], headings: list[str]) -> Grid:
    """A table with no header of its own going on from the last one (Word split the table where
    the clerk pressed Enter, or she went on in a table pasted below): read under that table's
    header rows, each value pointing at its own cell of this table (:attr:`Grid.origin`). The
    headings written between the two ("二、全面从严治党方面", "（二）…") head its rows as an aspect's
    or a category's row across a table does."""
    head, head_merges = header  # (its merges counted from the header's first row)
    width = len(rows[0])
    above = [list(row) for row in head] + [[text] + [None] * (width - 1) for text in headings]
    spans = [(len(head) + i, 0, len(head) + i, width - 1) for i in range(len(headings))]
    k = len(above)
    origin = {(r + k, c): (r, c) for r, row in enumerate(rows) for c in range(len(row))}
    return Grid(name=name, rows=above + rows,
                merges=head_merges + spans + [(a + k, b, c + k, d) for a, b, c, d in merges], origin=origin)


def _table(tbl: Any, hidden: frozenset[str]) -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
    """A table's rows (a cell's text in its first grid column, ``None`` in the columns it spans
    and under it while merged down) and its merges, 0-based inclusive as calamine reports them."""
    rows: list[list[Any]] = []
    merges: list[list[int]] = []
    #: grid column → the merge a cell starting there opened (to continue down a vMerge)
    open_at: dict[int, list[int]] = {}
    for r, tr in enumerate(tr for tr in contained(tbl, (_TR,)) if tr.find(_DELETED_ROW) is None):
        row: list[Any] = []
        col = _int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
        row.extend([None] * col)
        for tc in contained(tr, (_TC,)):
            tcpr = tc.find(qn("w:tcPr"))
            span = max(1, _int(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, 1))
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            continued = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
            above = open_at.get(col)
            if continued and above is not None and above[2] == r - 1:
                above[2] = r
                row.extend([None] * span)
            else:
                row.append("\n".join(_cell_lines(tc, hidden)) or None)
                row.extend([None] * (span - 1))
                merge = [r, col, r, col + span - 1]
                open_at[col] = merge
                merges.append(merge)
            col += span
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    spans = [(a, b, c, d) for a, b, c, d in merges if (a, b) != (c, d)]
    return rows, spans


def _cell_lines(tc: Any, hidden: frozenset[str]) -> list[str]:
    """What a cell shows, a line a paragraph (Alt+Enter's line breaks in a workbook), looking
    inside content controls; a table inside the cell (amounts listed under a measure) a line a
    row, its cells apart by spaces."""
    lines: list[str] = []
    for block in _blocks(tc):
        if block.tag == _P:
            if text := shown_text(block, hidden).text.strip():
                lines.append(text)
        elif block.tag == _TBL:
            for tr in contained(block, (_TR,)):
                cells = (" ".join(_cell_lines(c, hidden)) for c in contained(tr, (_TC,)))
                if line := " ".join(c for c in cells if c):
                    lines.append(line)
    return lines


def _int(el: Any, default: int) -> int:
    try:
        return int(el.get(_VAL)) if el is not None else default
    except (TypeError, ValueError):
        return default
