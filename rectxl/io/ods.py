"""Merged cells and hidden columns of an OpenDocument spreadsheet (.ods), which python-calamine
does not report: read from ``content.xml`` so that an .ods ledger gives the same findings as the
.xlsx it was saved from (owners and deadlines merged over several measures are shared, not
missing)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

__all__ = ["OdsSheet", "ods_layout"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_T = f"{{{_TABLE}}}"
#: repeated empty rows/columns past this are the sheet's unused area, not cells to walk
_MAX_REPEAT = 10_000


class OdsSheet:
    """Merges (0-based inclusive first_row, first_col, last_row, last_col) and hidden columns."""

    def __init__(self) -> None:
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_cols: set[int] = set()


def ods_layout(path: Path) -> dict[str, OdsSheet]:
    """Sheet name → its merges and hidden columns."""
    sheets: dict[str, OdsSheet] = {}
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        current: OdsSheet | None = None
        row = col = 0
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
                elif tag in (_T + "table-cell", _T + "covered-table-cell") and current is not None:
                    rows_span = int(el.get(_T + "number-rows-spanned", "1"))
                    cols_span = int(el.get(_T + "number-columns-spanned", "1"))
                    if tag == _T + "table-cell" and (rows_span > 1 or cols_span > 1):
                        current.merges.append((row, col, row + rows_span - 1, col + cols_span - 1))
                    col += min(int(el.get(_T + "number-columns-repeated", "1")), _MAX_REPEAT)
            elif tag == _T + "table-row":
                row += min(int(el.get(_T + "number-rows-repeated", "1")), _MAX_REPEAT)
                el.clear()
            elif tag == _T + "table":
                current = None
                el.clear()
    return sheets
