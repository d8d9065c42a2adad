"""What python-calamine does not report about an .xlsb (Excel binary workbook, BIFF12), read from
its records: numbers read as their cells show them — a deadline typed 2025年6月 is kept as the
date 2025-06-01 shown ``yyyy"年"m"月"`` and read as June (due at its end), a year-like number in a
format of fixed decimals as the digits it shows ("2025.10") — as :mod:`rectxl.io.sheet_xml` reads
an .xlsx and :mod:`rectxl.io.biff` an .xls ([MS-XLSB] 2.4: BrtFmt, BrtXF, BrtRowHdr, BrtCellRk,
BrtCellReal, BrtFmlaNum, BrtWbProp, BrtBundleSh)."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator

from rectxl.io.biff import rk_number
from rectxl.io.ooxml import part_rels
from rectxl.io.sheet_xml import SheetExtras, ShownAs, shown_of_formats, shown_text

__all__ = ["xlsb_extras", "xlsb_workbook"]

_ROW_HDR, _CELL_RK, _CELL_REAL, _FMLA_NUM = 0, 2, 5, 9
_FMT, _XF, _BEGIN_CELL_XFS, _END_CELL_XFS = 44, 47, 617, 618
_WB_PROP, _BUNDLE_SH = 153, 156
#: parts larger than this are not scanned (calamine's own limits guard the read)
_MAX_PART = 256 << 20


def xlsb_workbook(zf: zipfile.ZipFile) -> str | None:
    """The binary workbook part of the package (``xl/workbook.bin``), if it is an .xlsb."""
    for kind, target in part_rels(zf, "").values():
        if kind == "officeDocument" and target.lower().endswith(".bin") and target in zf.NameToInfo:
            return target
    return None


def xlsb_extras(zf: zipfile.ZipFile, book: str) -> dict[str, SheetExtras]:
    """Sheet name → what its cells show that calamine does not say (see the module), for the
    .xlsb whose workbook part is ``book``."""
    rels = part_rels(zf, book)
    sheets: dict[str, str] = {}
    date1904 = False
    for kind, body in _records(_read(zf, book)):
        if kind == _WB_PROP and len(body) >= 4:
            date1904 = bool(struct.unpack_from("<I", body, 0)[0] & 0x01)
        elif kind == _BUNDLE_SH and len(body) >= 12:
            rid, at = _wide(body, 8, nullable=True)
            name, _ = _wide(body, at)
            if rid in rels and rels[rid][0] == "worksheet":
                sheets[name] = rels[rid][1]
    styles = next((t for kind, t in rels.values() if kind == "styles"), None)
    shown = _shown_formats(_read(zf, styles)) if styles else {}
    if not shown:
        return {}
    return {name: _sheet(_read(zf, part), shown, date1904) for name, part in sheets.items()}


def _read(zf: zipfile.ZipFile, part: str) -> bytes:
    info = zf.NameToInfo.get(part)
    return zf.read(info) if info is not None and info.file_size <= _MAX_PART else b""


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, body) in order: a type of one or two bytes and a size of up to four, each
    seven bits a byte, the high bit saying another byte follows."""
    pos, end = 0, len(data)
    while pos < end:
        kind = data[pos]
        pos += 1
        if kind & 0x80 and pos < end:
            kind = (kind & 0x7F) | (data[pos] & 0x7F) << 7
            pos += 1
        size = shift = 0
        for _ in range(4):
            if pos >= end:
                return
            byte = data[pos]
            pos += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if pos + size > end:
            return
        yield kind, data[pos:pos + size]
        pos += size


def _wide(body: bytes, at: int, nullable: bool = False) -> tuple[str, int]:
    """An XLWideString at ``at`` (a count of UTF-16 characters, then them) and where it ends; a
    nullable one whose count is 0xFFFFFFFF is ""."""
    count = struct.unpack_from("<I", body, at)[0]
    if nullable and count == 0xFFFFFFFF:
        return "", at + 4
    return body[at + 4:at + 4 + 2 * count].decode("utf-16-le", "replace"), at + 4 + 2 * count


def _shown_formats(styles: bytes) -> dict[int, ShownAs]:
    """The cell formats (BrtXF in the cell XFs) whose numbers are read as shown, by index."""
    codes: dict[int, str] = {}
    formats: list[int | None] = []
    in_cell_xfs = False
    for kind, body in _records(styles):
        if kind == _FMT and len(body) >= 6:
            codes[struct.unpack_from("<H", body, 0)[0]] = _wide(body, 2)[0]
        elif kind == _BEGIN_CELL_XFS:
            in_cell_xfs = True
        elif kind == _END_CELL_XFS:
            in_cell_xfs = False
        elif kind == _XF and in_cell_xfs and len(body) >= 4:
            formats.append(struct.unpack_from("<H", body, 2)[0])
    return shown_of_formats(codes, formats)


def _sheet(data: bytes, shown: dict[int, ShownAs], date1904: bool) -> SheetExtras:
    extras = SheetExtras()
    row = 0
    for kind, body in _records(data):
        if kind == _ROW_HDR and len(body) >= 4:
            row = struct.unpack_from("<I", body, 0)[0]
        elif kind in (_CELL_REAL, _FMLA_NUM, _CELL_RK) and len(body) >= 12:
            col, style = struct.unpack_from("<II", body, 0)
            how = shown.get(style & 0xFFFFFF)
            if how is None:
                continue
            if kind == _CELL_RK:
                value = rk_number(struct.unpack_from("<I", body, 8)[0])
            elif len(body) >= 16:
                value = struct.unpack_from("<d", body, 8)[0]
            else:
                continue
            text = shown_text(repr(value), how, date1904)
            if text is not None:
                extras.shown[(row, col)] = text
    return extras
