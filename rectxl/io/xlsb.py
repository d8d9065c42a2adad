"""What python-calamine does not report about an .xlsb (Excel binary workbook, BIFF12), read from
its records: numbers read as their cells show them — a deadline typed 2025年6月 is kept as the
date 2025-06-01 shown ``yyyy"年"m"月"`` and read as June (due at its end), a year-like number in a
format of fixed decimals as the digits it shows ("2025.10") — as :mod:`rectxl.io.sheet_xml` reads
an .xlsx and :mod:`rectxl.io.biff` an .xls ([MS-XLSB] 2.4: BrtFmt, BrtXF, BrtRowHdr, BrtCellRk,
BrtCellReal, BrtFmlaNum, BrtWbProp, BrtBundleSh)."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from rectxl.core.text import col_letter
from rectxl.io.biff import TODAY_CALL, is_today_parsed, rk_number
from rectxl.io.fills import RunColours
from rectxl.io.ooxml import part_rels
from rectxl.io.sheet_xml import (
    SheetExtras,
    ShownAs,
    add_parsed_link,
    date_of_serial,
    dated_formats,
    is_file_target,
    shown_of_formats,
    shown_text,
)

__all__ = ["XlsbColours", "xlsb_colours", "xlsb_extras", "xlsb_workbook"]

_ROW_HDR, _CELL_RK, _CELL_REAL, _FMLA_NUM = 0, 2, 5, 9
_FMT, _XF, _BEGIN_CELL_XFS, _END_CELL_XFS = 44, 47, 617, 618
_WB_PROP, _BUNDLE_SH = 153, 156
#: a formula's cell (its result text, number, truth value or error), a shared formula, a hyperlink
_FMLA_STRING, _FMLA_BOOL, _FMLA_ERROR, _SHR_FMLA, _HLINK = 8, 10, 11, 428, 494
#: a call of HYPERLINK (ptgFuncVar of any class, 1 or 2 arguments, Ftab 359) somewhere in a sheet
_HYPERLINK_CALL = re.compile(rb"[\x22\x42\x62][\x01\x02]\x67\x01")
#: the styles' fonts and fills (BrtFont, BrtFill) and the cells' records (BrtCellBlank … BrtFmlaError,
#: BrtCellIsst): each begins with its column and its cell format; a conditional format's start
_FONT, _FILL = 43, 45
_CELLS = frozenset(range(1, 12))
_CELL_ISST, _SST_ITEM = 7, 19
_BEGIN_CF = 461
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
    shown, dated = _shown_formats(_read(zf, styles)) if styles else ({}, set())
    if not date1904:
        dated = set()  # calamine reads a date of the 1900 system as it is
    out: dict[str, SheetExtras] = {}
    for name, part in sheets.items():
        links = {rid: target for rid, (kind, target) in part_rels(zf, part).items()
                 if kind == "hyperlink" and is_file_target(target)}
        data = b""
        if shown or dated or links:
            data = _read(zf, part)
            out[name] = _sheet(data, shown, dated, date1904)
        if links:
            _hyperlinks(data, links, out[name])
        data = data or _read(zf, part)
        if _HYPERLINK_CALL.search(data):
            _formula_links(data, out.setdefault(name, SheetExtras()))
        if TODAY_CALL.search(data):
            _today_formulas(data, out.setdefault(name, SheetExtras()))
    return out


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


def _shown_formats(styles: bytes) -> tuple[dict[int, ShownAs], set[int]]:
    """The cell formats (BrtXF in the cell XFs) whose numbers are read as shown, by index, and
    those that show a date."""
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
    return shown_of_formats(codes, formats), dated_formats(codes, formats)


def _sheet(data: bytes, shown: dict[int, ShownAs], dated: set[int], date1904: bool) -> SheetExtras:
    """A sheet's numbers read as shown, and (``dated``: the cell formats showing a date, in a
    workbook counting from 1904) its dates: calamine reads an .xlsb's serials from 1900 — a whole
    number (an RK, as Excel keeps a day) even as a plain number, which the ledger reads as a
    1900 serial — so every date would be four years and a day early."""
    extras = SheetExtras()
    row = 0
    for kind, body in _records(data):
        if kind == _ROW_HDR and len(body) >= 4:
            row = struct.unpack_from("<I", body, 0)[0]
        elif kind in (_CELL_REAL, _FMLA_NUM, _CELL_RK) and len(body) >= 12:
            col, style = struct.unpack_from("<II", body, 0)
            how = shown.get(style & 0xFFFFFF)
            if how is None and style & 0xFFFFFF not in dated:
                continue
            if kind == _CELL_RK:
                value = rk_number(struct.unpack_from("<I", body, 8)[0])
            elif len(body) >= 16:
                value = struct.unpack_from("<d", body, 8)[0]
            else:
                continue
            if style & 0xFFFFFF in dated:
                day = date_of_serial(value, date1904)
                if day is not None:
                    extras.dates[(row, col)] = day
            text = shown_text(repr(value), how, date1904) if how is not None else None
            if text is not None:
                extras.shown[(row, col)] = text
    return extras


def _hyperlinks(data: bytes, targets: dict[str, str], extras: SheetExtras) -> None:
    """The files the sheet's links (BrtHLink: its cells, the relationship naming the target) open."""
    from urllib.parse import unquote

    for kind, body in _records(data):
        if kind != _HLINK or len(body) < 20:
            continue
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIII", body, 0)
        rid, _ = _wide(body, 16, nullable=True)
        target = targets.get(rid)
        if target is None:
            continue
        for row in range(first_row, min(last_row, first_row + 255) + 1):
            for col in range(first_col, min(last_col, first_col + 255) + 1):
                extras.links[f"{col_letter(col)}{row + 1}"] = unquote(target)


def _formula_links(data: bytes, extras: SheetExtras) -> None:
    """The links of the sheet's ``=HYPERLINK(…)`` formulas (BrtFmlaString/Num/Bool/Error: the
    cell, its result, flags, then the parsed formula; a filled-down one's cells point with ptgExp
    at the row of the BrtShrFmla holding it)."""
    row = 0
    shared: list[tuple[int, int, int, int, bytes]] = []
    filled: list[tuple[int, int, int]] = []
    for kind, body in _records(data):
        if kind == _ROW_HDR and len(body) >= 4:
            row = struct.unpack_from("<I", body, 0)[0]
        elif kind in (_FMLA_STRING, _FMLA_NUM, _FMLA_BOOL, _FMLA_ERROR) and len(body) >= 8:
            col = struct.unpack_from("<I", body, 0)[0]
            if kind == _FMLA_STRING:
                at = 8 + 4 + 2 * struct.unpack_from("<I", body, 8)[0]
            else:
                at = 8 + {_FMLA_NUM: 8, _FMLA_BOOL: 1, _FMLA_ERROR: 1}[kind]
            at += 2  # grbitFlags
            if at + 4 > len(body):
                continue
            rgce = body[at + 4:at + 4 + struct.unpack_from("<I", body, at)[0]]
            if rgce[:1] == b"\x01" and len(rgce) >= 5:  # ptgExp: a cell of a shared formula
                filled.append((row, col, struct.unpack_from("<I", rgce, 1)[0]))
            elif _HYPERLINK_CALL.search(rgce):
                add_parsed_link(extras, rgce, row, col, biff12=True)
        elif kind == _SHR_FMLA and len(body) >= 20:
            first_row, last_row, first_col, last_col = struct.unpack_from("<IIII", body, 0)
            rgce = body[20:20 + struct.unpack_from("<I", body, 16)[0]]
            if _HYPERLINK_CALL.search(rgce):
                shared.append((first_row, last_row, first_col, last_col, rgce))
    for row, col, anchor in filled:
        formula = next((f for r0, r1, c0, c1, f in shared if r0 == anchor and r0 <= row <= r1 and c0 <= col <= c1),
                       None)
        if formula is not None:
            add_parsed_link(extras, formula, row, col, biff12=True)



def _today_formulas(data: bytes, extras: SheetExtras) -> None:
    """The cells whose formula is today's date (=TODAY(), =NOW(), =INT(NOW())) and the texts a
    formula builds with it (="截至"&TEXT(TODAY(),"yyyy年m月d日")): what they cache is the day the
    file was last computed (see :attr:`SheetExtras.today`), as in an .xlsx."""
    row = 0
    for kind, body in _records(data):
        if kind == _ROW_HDR and len(body) >= 4:
            row = struct.unpack_from("<I", body, 0)[0]
        elif kind in (_FMLA_STRING, _FMLA_NUM) and len(body) >= 8:
            col = struct.unpack_from("<I", body, 0)[0]
            at = 8 + (4 + 2 * struct.unpack_from("<I", body, 8)[0] if kind == _FMLA_STRING else 8) + 2
            if at + 4 > len(body):
                continue
            rgce = body[at + 4:at + 4 + struct.unpack_from("<I", body, at)[0]]
            if kind == _FMLA_NUM and is_today_parsed(rgce):
                extras.today.add((row, col))
            elif kind == _FMLA_STRING and TODAY_CALL.search(rgce):
                extras.today_text.add((row, col))
            if kind == _FMLA_NUM and TODAY_CALL.search(rgce):  # a day worked out from today's (or it)
                extras.from_today.add((row, col))



@dataclass
class XlsbColours:
    """What :func:`xlsb_colours` reads of one sheet: the colour words of its cells' fills and fonts,
    the font colours of the runs of its rich-text cells (cell → its format, the runs' colours), and
    whether it has conditional formats; ``fill_styles``/``font_styles``: cell format → word."""

    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    rich: dict[tuple[int, int], tuple[int | None, RunColours]] = field(default_factory=dict)
    conditional: bool = False
    fill_styles: dict[int, str] = field(default_factory=dict)
    font_styles: dict[int, str] = field(default_factory=dict)


def xlsb_colours(zf: zipfile.ZipFile, book: str, names: set[str]) -> dict[str, XlsbColours]:
    """Sheet name (of ``names``) → its colours (:class:`XlsbColours`), for the .xlsb whose workbook
    part is ``book`` — read from the styles' BrtFill and BrtFont through the cell formats (BrtXF's
    iFont, iFill) each cell record names, and from the runs (StrRun: where each begins, its font) of
    the shared strings (BrtSSTItem) its BrtCellIsst cells show ([MS-XLSB] 2.4.48, 2.4.63, 2.4.324,
    2.4.726, 2.5.52 BrtColor, 2.5.121 RichStr)."""
    from rectxl.io.fills import theme_colours

    rels = part_rels(zf, book)
    target = {kind: t for kind, t in rels.values()}
    theme_rgb = theme_colours(_read(zf, target["theme"]) if "theme" in target else None)
    fills, fonts, font_words = (_format_colours(_read(zf, target["styles"]), theme_rgb) if "styles" in target
                                else ({}, {}, []))
    shared = _rich_shared(_read(zf, target["sharedStrings"]), font_words) if "sharedStrings" in target else {}
    sheets = _sheet_parts(zf, book, rels)
    out = {}
    for name in names:
        part = sheets.get(name)
        if part is None:
            continue
        found = XlsbColours(fill_styles=fills, font_styles=fonts)
        row = 0
        for kind, body in _records(_read(zf, part)):
            if kind == _ROW_HDR and len(body) >= 4:
                row = struct.unpack_from("<I", body, 0)[0]
            elif kind in _CELLS and len(body) >= 8:
                col, style = struct.unpack_from("<II", body, 0)
                style &= 0xFFFFFF
                if (word := fills.get(style)) is not None:
                    found.fills[(row, col)] = word
                if (word := fonts.get(style)) is not None:
                    found.fonts[(row, col)] = word
                if kind == _CELL_ISST and len(body) >= 12 and (runs := shared.get(
                        struct.unpack_from("<I", body, 8)[0])) is not None:
                    found.rich[(row, col)] = (style, runs)
            elif kind == _BEGIN_CF:
                found.conditional = True
        out[name] = found
    return out


def _rich_shared(data: bytes, font_words: list[str | None]) -> dict[int, RunColours]:
    """Shared string index → the colours of its runs, for the rich strings (BrtSSTItem's RichStr:
    flags, the text, then its runs when fRichStr; text before the first run shows in the cell's font)."""
    found: dict[int, RunColours] = {}
    index = 0
    for kind, body in _records(data):
        if kind != _SST_ITEM:
            continue
        if len(body) >= 5 and body[0] & 0x01:
            at = 1 + 4 + 2 * struct.unpack_from("<I", body, 1)[0]
            if at + 4 <= len(body):
                count = struct.unpack_from("<I", body, at)[0]
                # (as many runs as the record holds: a damaged count must not walk billions of them)
                runs = [struct.unpack_from("<HH", body, at + 4 + 4 * k)
                        for k in range(min(count, (len(body) - at - 4) // 4))]
                if runs:
                    words = frozenset(w for _, font in runs if font < len(font_words) and (w := font_words[font]))
                    found[index] = RunColours(words=words, inherits=runs[0][0] > 0)
        index += 1
    return found


def _sheet_parts(zf: zipfile.ZipFile, book: str, rels: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Sheet name → its part (BrtBundleSh: the relationship, then the name)."""
    sheets: dict[str, str] = {}
    for kind, body in _records(_read(zf, book)):
        if kind == _BUNDLE_SH and len(body) >= 12:
            rid, at = _wide(body, 8, nullable=True)
            name, _ = _wide(body, at)
            if rid in rels and rels[rid][0] == "worksheet":
                sheets[name] = rels[rid][1]
    return sheets


def _format_colours(styles: bytes, theme: list[str]) -> tuple[dict[int, str], dict[int, str], list[str | None]]:
    """Cell format index → the colour word of its solid fill, and of its font (see
    :func:`rectxl.io.fills.fill_colours`); the fonts' colour words in order (a run names its font)."""
    fill_words: list[str | None] = []
    font_words: list[str | None] = []
    formats: list[tuple[int, int]] = []
    in_cell_xfs = False
    for kind, body in _records(styles):
        if kind == _FILL and len(body) >= 12:
            pattern = struct.unpack_from("<I", body, 0)[0]
            fill_words.append(_colour_word(body, 4, theme) if pattern not in (0, 17) else None)  # none, gray125
        elif kind == _FONT and len(body) >= 20:
            font_words.append(_colour_word(body, 12, theme))
        elif kind == _BEGIN_CELL_XFS:
            in_cell_xfs = True
        elif kind == _END_CELL_XFS:
            in_cell_xfs = False
        elif kind == _XF and in_cell_xfs and len(body) >= 8:
            font, fill = struct.unpack_from("<HH", body, 4)
            formats.append((font, fill))
    fills = {i: word for i, (_, fill) in enumerate(formats)
             if fill < len(fill_words) and (word := fill_words[fill]) is not None}
    fonts = {i: word for i, (font, _) in enumerate(formats)
             if font < len(font_words) and (word := font_words[font]) is not None}
    return fills, fonts, font_words


def _colour_word(body: bytes, at: int, theme: list[str]) -> str | None:
    """The colour word of the BrtColor at ``at``: an RGB, an index into the legacy palette or a
    theme colour with its tint (xColorType 2, 1, 3; 0, automatic, names none)."""
    from rectxl.io.fills import PALETTE, colour_word

    if at + 8 > len(body):
        return None
    kind, index = body[at] >> 1, body[at + 1]
    tint = struct.unpack_from("<h", body, at + 2)[0] / 32767
    if kind == 2:
        return colour_word(body[at + 4:at + 7].hex().upper())
    if kind == 1 and index < len(PALETTE):
        return colour_word(PALETTE[index])
    if kind == 3 and index < len(theme) and theme[index]:
        return colour_word(theme[index], tint)
    return None
