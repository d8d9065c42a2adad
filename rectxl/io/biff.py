"""What python-calamine does not report about an .xls (BIFF8) workbook, read from its records.

An .xls ledger — saved by Excel 97–2003, by WPS, by LibreOffice, or sent as WPS's .et — should
give the same findings as the .xlsx it was saved from; calamine misses three things:

- **a formula whose result is text** (``=IF(…,"已完成","")``, ``=VLOOKUP(…)`` fetching a unit):
  calamine reads the number 0 — the text is in the STRING record after the FORMULA record;
- **error values** (#N/A, #REF! in a BOOLERR record or as a formula's result): calamine reads an
  empty cell, but a cell showing #REF! is a problem an auditor must see (``cell-error``);
- **a year-like number shown with fixed decimals** (a deadline typed 2024.10 in a cell formatted
  ``0.00``): the number is 2024.1, the cell shows 2024.10 — read as the .xlsx reader reads it
  (:func:`rectxl.io.sheet_xml.shown_of_formats`); likewise **a date shown without its day** (a
  deadline typed 2025年6月, kept as 2025-06-01 in a ``yyyy"年"m"月"`` cell) is read as the month;
- **hidden columns** (COLINFO): a helper column, or last month's status column hidden beside this
  month's, is never the ledger's column.
- **links and pictures**: the file a cell's link opens (HLINK), and the cells a picture (a pasted
  screenshot: an OfficeArt picture frame in the sheet's MSODRAWING records) has its top-left
  corner in — a 佐证材料 cell's evidence, as in an .xlsx.
- **fill colours** (asked for when the sheets name a colour, a legend keying statuses by it): each
  cell format's solid fill (XF's fls and icvFore, in the workbook's PALETTE), as the colour's word
  (:func:`rectxl.io.fills.colour_word`); and its **font colour** alike (XF's ifnt, the FONT's icv),
  for a legend keying them by the font ("红色字体为未完成事项").

The compound file is opened with olefile and only its workbook stream (``Workbook``) is read,
record by record; BIFF5 and older (Excel 95) are left to calamine. A
file that is not what this module expects gives nothing (calamine's reading stands).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from rectxl.core.text import col_letter
from rectxl.io.fills import PALETTE, RunColours, colour_word
from rectxl.io.link_formula import parsed_choice
from rectxl.io.sheet_xml import (
    PICTURE_OVER_CELL,
    SheetExtras,
    ShownAs,
    add_formula_link,
    add_parsed_link,
    is_file_target,
    shown_of_formats,
    shown_text,
)

__all__ = ["TODAY_CALL", "is_today_parsed", "rk_number", "xls_extras"]

#: a workbook stream larger than this is not a ledger's (calamine will say what it is)
_MAX_STREAM = 256 << 20
#: record types (MS-XLS §2.3)
_BOF, _EOF, _BOUNDSHEET, _FORMAT, _XF, _CONTINUE = 0x0809, 0x000A, 0x0085, 0x041E, 0x00E0, 0x003C
_FORMULA, _STRING, _BOOLERR, _NUMBER, _RK, _MULRK = 0x0006, 0x0207, 0x0205, 0x0203, 0x027E, 0x00BD
_COLINFO, _DATEMODE, _HLINK, _MSODRAWING, _SHRFMLA = 0x007D, 0x0022, 0x01B8, 0x00EC, 0x04BC
#: a row's record (its height and flags)
_ROW = 0x0208
#: CONDFMT, CONDFMT12: a conditional format on the sheet ([MS-XLS] 2.4.56, 2.4.57)
_CONDFMT = frozenset((0x01B0, 0x0879))
#: the workbook's own colours for the palette's indexes 8–63 ([MS-XLS] 2.4.188 PALETTE)
_PALETTE = 0x0092
#: a font ([MS-XLS] 2.4.122 FONT: its colour, icv, at 4)
_FONT = 0x0031
#: the cell records carrying a format (row, col, ixfe first): LABELSST, LABEL, BLANK, NUMBER, RK,
#: BOOLERR, FORMULA; MULBLANK and MULRK carry one a cell
_XF_CELLS = frozenset((0x00FD, 0x0204, 0x0201, 0x0203, 0x027E, 0x0205, 0x0006))
_MULBLANK = 0x00BE
#: a data validation ([MS-XLS] 2.4.117 DV), the workbooks a formula refers to and their sheets
_DV, _SUPBOOK, _EXTERNSHEET, _LBL = 0x01BE, 0x01AE, 0x0017, 0x0018
#: HYPERLINK's number among the built-in functions (Ftab 359), as a ptgFuncVar holds it
_HYPERLINK_TAB = b"\x67\x01"
#: OfficeArt ([MS-ODRAW]): a shape's FSP (its type in the instance), a cell anchor; a picture frame
_FSP, _CLIENT_ANCHOR, _PICTURE_FRAME = 0xF00A, 0xF010, 75
#: the monikers a hyperlink names its target with ([MS-OSHARED] 2.3.7.2): a URL, a file
_URL_MONIKER = bytes.fromhex("e0c9ea79f9bace118c8200aa004ba90b")
_FILE_MONIKER = bytes.fromhex("0303000000000000c000000000000046")
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


def xls_extras(path: Path, fills: bool = False) -> dict[str, SheetExtras]:
    """Sheet name → what calamine misses on it (``shown``: the text a formula's cell holds, or the
    digits a year-like number shows; ``errors``: error values; ``hidden_cols``; with ``fills``, the
    cells' fill colours), for a BIFF8 workbook at ``path``; empty when the file is not one."""
    try:
        stream = _workbook_stream(Path(path))
        return _scan(stream, fills) if stream else {}
    except (struct.error, IndexError, ValueError, OSError, UnicodeDecodeError):
        return {}


def _workbook_stream(path: Path) -> bytes | None:
    """The ``Workbook`` stream of the compound file ([MS-CFB], read by olefile); None for a file
    that is no compound file, one holding only an Excel 95 ``Book`` stream (calamine alone), or a
    stream too large to be a ledger's."""
    import olefile  # here: only an .xls needs it

    try:
        if not olefile.isOleFile(str(path)):
            return None
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook") or ole.get_size("Workbook") > _MAX_STREAM:
                return None
            return bytes(ole.openstream("Workbook").read())
    except Exception:  # a damaged compound file, refused by olefile in several ways: calamine says what it is
        return None


# -- the workbook stream ([MS-XLS]) -------------------------------------------------------------

def _records(stream: bytes, pos: int) -> list[tuple[int, int, bytes]]:
    """The records of one substream from ``pos`` (its BOF) to its EOF: (type, offset, body)."""
    out = []
    end = len(stream)
    while pos + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        out.append((kind, pos, stream[pos + 4:pos + 4 + length]))
        pos += 4 + length
        if kind == _EOF:
            break
    return out


def _unicode(body: bytes, pos: int, count: int) -> tuple[str, int]:
    """An XLUnicodeString's characters after its length (``count``): (text, offset after it)."""
    flags = body[pos]
    pos += 1
    runs = struct.unpack_from("<H", body, pos)[0] if flags & 0x08 else 0
    pos += 2 if flags & 0x08 else 0
    ext = struct.unpack_from("<I", body, pos)[0] if flags & 0x04 else 0
    pos += 4 if flags & 0x04 else 0
    width = 2 if flags & 0x01 else 1
    raw = body[pos:pos + count * width]
    text = raw.decode("utf-16-le") if width == 2 else raw.decode("latin-1")
    return text, pos + count * width + runs * 4 + ext


def _string_record(body: bytes, continues: list[bytes]) -> str:
    """The text of a STRING record, its characters going on in CONTINUE records (each opening
    with a byte saying whether its characters are one or two bytes wide)."""
    count = struct.unpack_from("<H", body, 0)[0]
    flags = body[2]
    wide = flags & 0x01
    raw, got, parts = body[3:], 0, []
    pieces = [(wide, raw), *((c[0] & 0x01, c[1:]) for c in continues if c)]
    for width_flag, piece in pieces:
        width = 2 if width_flag else 1
        take = min(len(piece) // width, count - got)
        chunk = piece[:take * width]
        parts.append(chunk.decode("utf-16-le") if width == 2 else chunk.decode("latin-1"))
        got += take
        if got >= count:
            break
    return "".join(parts)


def rk_number(value: int) -> float:
    """An RK number (BIFF8's and BIFF12's compressed number): 30 bits of an integer or of a
    double's high bits, maybe in hundredths."""
    if value & 0x02:
        number = float(value >> 2 if value < 1 << 31 else (value >> 2) - (1 << 30))  # a signed 30-bit integer
    else:
        number = struct.unpack("<d", struct.pack("<Q", (value & 0xFFFFFFFC) << 32))[0]
    return number / 100 if value & 0x01 else number


def _scan(stream: bytes, fills: bool = False) -> dict[str, SheetExtras]:
    globals_ = _records(stream, 0)
    if not globals_ or globals_[0][0] != _BOF or struct.unpack_from("<H", globals_[0][2], 0)[0] != 0x0600:
        return {}  # not BIFF8
    codes: dict[int, str] = {}
    formats: list[int | None] = []
    sheets: list[tuple[str, int]] = []
    names: list[str] = []  # every sheet's name, charts too (as EXTERNSHEET counts them)
    internal: list[bool] = []  # each SUPBOOK: is it this workbook's own
    xti: list[tuple[int, int, int]] = []  # EXTERNSHEET: (SUPBOOK, first sheet, last sheet)
    labels: list[bytes] = []  # each defined name's formula (LBL), by its number less one
    date1904 = False
    palette = list(PALETTE)
    solid: list[int | None] = []  # each XF's solid fill, by its palette index
    typed: list[int] = []  # each XF's font (ifnt)
    font_icv: list[int] = []  # each FONT's colour, by its palette index
    for kind, _, body in globals_:
        if kind == _SUPBOOK:
            internal.append(body[2:4] == b"\x01\x04")
        elif kind == _LBL and len(body) >= 15:  # [MS-XLS] 2.4.150: a name of the workbook's own
            flags, count, size, itab = struct.unpack_from("<HxBH2xH", body, 0)
            name_size = count * (2 if body[14] & 0x01 else 1)
            labels.append(b"" if flags & 0x0020 or itab else body[15 + name_size:15 + name_size + size])
        elif kind == _EXTERNSHEET and len(body) >= 2:
            count = struct.unpack_from("<H", body, 0)[0]
            xti = [struct.unpack_from("<Hhh", body, 2 + 6 * k) for k in range(min(count, (len(body) - 2) // 6))]
        if kind == _FORMAT:
            fid, count = struct.unpack_from("<HH", body, 0)
            codes[fid] = _unicode(body, 4, count)[0]
        elif kind == _XF:
            formats.append(struct.unpack_from("<H", body, 2)[0])
            if fills and len(body) >= 20:  # [MS-XLS] 2.4.353: fls (bits 26–31 at 14), icvFore (at 18)
                fls = struct.unpack_from("<I", body, 14)[0] >> 26
                solid.append(struct.unpack_from("<H", body, 18)[0] & 0x7F if fls == 1 else None)
                typed.append(struct.unpack_from("<H", body, 0)[0])
        elif kind == _FONT and fills and len(body) >= 6:
            font_icv.append(struct.unpack_from("<H", body, 4)[0])
        elif kind == _PALETTE and fills and len(body) >= 2:
            count = struct.unpack_from("<H", body, 0)[0]
            for k in range(min(count, 56, (len(body) - 2) // 4)):
                r, g, b = body[2 + 4 * k:5 + 4 * k]
                palette[8 + k] = f"{r:02X}{g:02X}{b:02X}"
        elif kind == _BOUNDSHEET:
            offset, count = struct.unpack_from("<I", body, 0)[0], body[6]
            names.append(_unicode(body, 7, count)[0])
            if body[5] == 0:  # a worksheet (not a chart or macro sheet)
                sheets.append((names[-1], offset))
        elif kind == _DATEMODE:
            date1904 = struct.unpack_from("<H", body, 0)[0] == 1
    shown = shown_of_formats(codes, formats)
    sst_at = next((i for i, (kind, _, _) in enumerate(globals_) if kind == _SST_RECORD), None) if fills else None
    #: cell format → the colour word of its fill
    coloured = {i: word for i, icv in enumerate(solid)
                if icv is not None and icv < len(palette) and (word := colour_word(palette[icv])) is not None}
    #: cell format → the colour word of its font (font 4 is never written: ifnt 5 is the fifth FONT;
    #: icv 0x7FFF, the automatic colour, is past the palette and names none)
    fonts = [palette[icv] if icv < len(palette) else None for icv in font_icv]
    font_of = {i: word for i, ifnt in enumerate(typed)
               if (k := ifnt - (ifnt > 4)) < len(fonts) and (rgb := fonts[k]) is not None
               and (word := colour_word(rgb)) is not None}
    font_words = [colour_word(rgb) if rgb is not None else None for rgb in fonts]
    rich: dict[int, RunColours] = {}
    if sst_at is not None:
        pieces = [globals_[sst_at][2]]
        for kind, _, body in globals_[sst_at + 1:]:
            if kind != _CONTINUE:
                break
            pieces.append(body)
        rich = _rich_strings(pieces, font_words)
    #: a 3-D reference's sheet by its EXTERNSHEET index (of this workbook, one sheet)
    refers = [names[first] if book < len(internal) and internal[book] and first == last and 0 <= first < len(names)
              else None for book, first, last in xti]
    #: a defined name's range by its number less one (a ptgName's), as an .xlsx writes it
    defined = [_area(rgce, refers) for rgce in labels]
    return {name: _sheet(stream, offset, shown, date1904, refers, defined, coloured, font_of, rich)
            for name, offset in sheets if offset < len(stream)}


#: the shared strings ([MS-XLS] 2.4.265 SST)
_SST_RECORD, _SST_CELL = 0x00FC, 0x00FD


class _Pieces:
    """A record's body and the CONTINUE records going on with it, read as one stream (a string's
    characters going on in the next one open it with a byte saying how wide they are)."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces, self.at, self.pos = pieces, 0, 0

    def _next(self) -> None:
        while self.at < len(self.pieces) and self.pos >= len(self.pieces[self.at]):
            self.at, self.pos = self.at + 1, 0
        if self.at >= len(self.pieces):
            raise IndexError("the strings end early")

    def take(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            self._next()
            piece = self.pieces[self.at]
            got = piece[self.pos:self.pos + n - len(out)]
            out += got
            self.pos += len(got)
        return out

    def chars(self, count: int, wide: bool) -> str:
        parts: list[str] = []
        while count > 0:
            if self.at < len(self.pieces) and self.pos >= len(self.pieces[self.at]):
                self._next()
                wide = bool(self.take(1)[0] & 0x01)  # (characters going on in a CONTINUE)
            piece = self.pieces[self.at]
            width = 2 if wide else 1
            n = min(count, (len(piece) - self.pos) // width)
            if n <= 0:
                raise IndexError("a character split between records")
            raw = piece[self.pos:self.pos + n * width]
            parts.append(raw.decode("utf-16-le") if wide else raw.decode("latin-1"))
            self.pos += n * width
            count -= n
        return "".join(parts)


def _rich_strings(pieces: list[bytes], font_words: list[str | None]) -> dict[int, RunColours]:
    """Shared string index → the colours of its runs (part of a cell's text typed red: each run
    from its character on in a font of the workbook's, ``font_words`` their colours' words), for the
    strings with runs in the SST record ``pieces`` (with its CONTINUE records); those before a
    damaged string stand."""
    found: dict[int, RunColours] = {}
    data = _Pieces(pieces)
    try:
        unique = struct.unpack_from("<I", data.take(8), 4)[0]
        for index in range(unique):
            count, flags = struct.unpack("<HB", data.take(3))
            runs = struct.unpack("<H", data.take(2))[0] if flags & 0x08 else 0
            ext = struct.unpack("<I", data.take(4))[0] if flags & 0x04 else 0
            text = data.chars(count, bool(flags & 0x01))
            starts = [struct.unpack_from("<HH", data.take(4)) for _ in range(runs)]
            data.take(ext)
            if not starts:
                continue
            words: set[str] = set()
            inherits = bool(text[:starts[0][0]].strip())  # (before the first run: the cell's font)
            for k, (first, ifnt) in enumerate(starts):
                last = starts[k + 1][0] if k + 1 < len(starts) else len(text)
                font = ifnt - (ifnt > 4)
                if text[first:last].strip() and font < len(font_words) and (word := font_words[font]) is not None:
                    words.add(word)
            found[index] = RunColours(frozenset(words), inherits)
    except (IndexError, struct.error, UnicodeDecodeError):
        pass
    return found


def _sheet(stream: bytes, offset: int, shown: dict[int, ShownAs], date1904: bool,
           refers: list[str | None] | None = None, defined: list[str | None] | None = None,
           coloured: dict[int, str] | None = None, font_of: dict[int, str] | None = None,
           rich: dict[int, RunColours] | None = None) -> SheetExtras:
    extras = SheetExtras()
    records = _records(stream, offset)
    extras.conditional = any(kind in _CONDFMT for kind, _, _ in records)
    if coloured:
        _fills(records, coloured, extras.fills)
    if font_of:
        _fills(records, font_of, extras.fonts)
    if rich:
        for kind, _, body in records:
            if kind == _SST_CELL and len(body) >= 10:
                row, col, xf, index = struct.unpack_from("<HHHI", body, 0)
                if (runs := rich.get(index)) is not None:
                    if (word := runs.word((font_of or {}).get(xf))) is None:
                        extras.fonts.pop((row, col), None)
                    else:
                        extras.fonts[(row, col)] = word
    drawing = [body for i, (kind, _, body) in enumerate(records)
               if kind == _MSODRAWING or (kind == _CONTINUE and i and records[i - 1][0] == _MSODRAWING)]
    if drawing:
        for row, col in _pictures(b"".join(drawing)):
            extras.pictures[f"{col_letter(col)}{row + 1}"] = PICTURE_OVER_CELL
    shared: dict[tuple[int, int], bytes] = {}  # a shared formula's first cell → its parsed formula
    shared_today: dict[tuple[int, int], bytes] = {}  # … of today's date (=EDATE(TODAY(),3) filled down)
    numbers: set[tuple[int, int]] = set()  # the formula cells computed to a number (a day)
    filled: list[tuple[int, int, bytes]] = []  # cells of a shared formula: (row, col, the ptgExp)
    #: links a condition chooses (=IF(…,"未上传",HYPERLINK(…,"查看"))): the cell's, the words opening it
    chosen: list[tuple[int, int, tuple[str, str]]] = []
    for i, (kind, _, body) in enumerate(records):
        if kind == _FORMULA:
            row, col = struct.unpack_from("<HH", body, 0)
            rgce = body[22:22 + struct.unpack_from("<H", body, 20)[0]]
            if rgce[:1] == b"\x01" and len(rgce) >= 5:  # ptgExp: a cell of a shared formula
                filled.append((row, col, rgce))
            elif _HYPERLINK_TAB in rgce:
                add_parsed_link(extras, rgce, row, col)
                if (choice := parsed_choice(rgce, row, col)) is not None:
                    chosen.append((row, col, choice))
            if is_today_parsed(rgce):
                extras.today.add((row, col))
            result = body[6:14]
            if result[6:8] != b"\xff\xff":
                numbers.add((row, col))
                if TODAY_CALL.search(rgce):  # a day worked out from today's
                    extras.from_today.add((row, col))
            if result[6:8] != b"\xff\xff":
                _number(extras, shown, row, col, struct.unpack_from("<H", body, 4)[0],
                        struct.unpack_from("<d", result)[0], date1904)
            elif result[0] == 0:  # text, in the STRING record that follows
                follow = next(((j, b) for j, (k, _, b) in enumerate(records[i + 1:i + 4], i + 1) if k == _STRING), None)
                if follow is not None:
                    j, string = follow
                    continues = []
                    for k, _, b in records[j + 1:]:
                        if k != _CONTINUE:
                            break
                        continues.append(b)
                    extras.shown[(row, col)] = _string_record(string, continues)
                    if TODAY_CALL.search(rgce):  # ="截至"&TEXT(TODAY(),…): a day of the last computing
                        extras.today_text.add((row, col))
            elif result[0] == 2:
                extras.errors[(row, col)] = _ERRORS.get(result[2], "#VALUE!")
            elif result[0] == 3:  # an empty text
                extras.shown[(row, col)] = ""
        elif kind == _SHRFMLA and len(body) >= 10:
            first_row, _, first_col = struct.unpack_from("<HHB", body, 0)
            rgce = body[10:10 + struct.unpack_from("<H", body, 8)[0]]
            if _HYPERLINK_TAB in rgce:
                shared[(first_row, first_col)] = rgce
            if TODAY_CALL.search(rgce):
                shared_today[(first_row, first_col)] = rgce
        elif kind == _HLINK:
            _hyperlink(extras, body)
        elif kind == _DV:
            _validation(extras, body, refers or [], defined or [])
        elif kind == _COLINFO:
            first, last, _, _, flags = struct.unpack_from("<HHHHH", body, 0)
            if flags & 0x0001 and 0 <= last - first < 256:
                extras.hidden_cols.update(range(first, last + 1))
        elif kind == _ROW and len(body) >= 16 and struct.unpack_from("<I", body, 12)[0] & 0x0020:
            extras.hidden_rows.add(struct.unpack_from("<H", body, 0)[0])  # ROW's fDyZero: the row hidden
        elif kind == _BOOLERR and body[7] == 1:
            row, col = struct.unpack_from("<HH", body, 0)
            extras.errors[(row, col)] = _ERRORS.get(body[6], "#VALUE!")
        elif shown and kind == _NUMBER:
            row, col, xf = struct.unpack_from("<HHH", body, 0)
            _number(extras, shown, row, col, xf, struct.unpack_from("<d", body, 6)[0], date1904)
        elif shown and kind == _RK:
            row, col, xf, value = struct.unpack_from("<HHHI", body, 0)
            _number(extras, shown, row, col, xf, rk_number(value), date1904)
        elif shown and kind == _MULRK:
            row, first = struct.unpack_from("<HH", body, 0)
            for k in range((len(body) - 6) // 6):
                xf, value = struct.unpack_from("<HI", body, 4 + 6 * k)
                _number(extras, shown, row, first + k, xf, rk_number(value), date1904)
    for row, col, exp in filled:
        if (row, col) in numbers and (today := shared_today.get(struct.unpack_from("<HH", exp, 1))) is not None:
            extras.from_today.add((row, col))
            if is_today_parsed(today):
                extras.today.add((row, col))
        formula = shared.get(struct.unpack_from("<HH", exp, 1))
        if formula is not None:
            add_parsed_link(extras, formula, row, col)
            if (choice := parsed_choice(formula, row, col)) is not None:
                chosen.append((row, col, choice))
    for row, col, (argument, words) in chosen:
        if extras.shown.get((row, col)) == words:  # it shows the link's words: it opens the link
            add_formula_link(extras, (row, col), argument)
    return extras


def _fills(records: list[tuple[int, int, bytes]], coloured: dict[int, str], found: dict[tuple[int, int], str]) -> None:
    """Note in ``found`` the cells whose format is filled (or typed) in a colour (``coloured``:
    format → the colour's word)."""
    for kind, _, body in records:
        if kind in _XF_CELLS and len(body) >= 6:
            row, col, xf = struct.unpack_from("<HHH", body, 0)
            if (word := coloured.get(xf)) is not None:
                found[(row, col)] = word
        elif kind in (_MULBLANK, _MULRK) and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body, 0)
            step = 2 if kind == _MULBLANK else 6
            for k in range((len(body) - 6) // step):
                if (word := coloured.get(struct.unpack_from("<H", body, 4 + step * k)[0])) is not None:
                    found[(row, first + k)] = word


#: a parsed formula's volatile mark (ptgAttr, bitFVolatile: Excel and LibreOffice start =TODAY() so)
_VOLATILE = b"\x19\x01\x00\x00"
#: ptgFunc (of any class) of TODAY (Ftab 221), of NOW (74), of INT (25)
_FUNC = (0x21, 0x41, 0x61)
_TODAY_FUNC, _NOW_FUNC, _INT_FUNC = b"\xdd\x00", b"\x4a\x00", b"\x19\x00"


#: a call of TODAY or NOW somewhere in a parsed formula (ptgFunc of any class; BIFF8 and BIFF12 alike)
TODAY_CALL = re.compile(rb"[\x21\x41\x61][\xdd\x4a]\x00")


def is_today_parsed(rgce: bytes) -> bool:
    """Whether a parsed formula is today's date alone: =TODAY(), =NOW(), =INT(NOW()) (as
    :func:`rectxl.io.sheet_xml.is_today_formula` reads one written out)."""
    if rgce.startswith(_VOLATILE):
        rgce = rgce[4:]
    if len(rgce) == 3:
        return rgce[0] in _FUNC and rgce[1:] in (_TODAY_FUNC, _NOW_FUNC)
    return (len(rgce) == 6 and rgce[0] in _FUNC and rgce[1:3] == _NOW_FUNC and rgce[3] in _FUNC
            and rgce[4:] == _INT_FUNC)


def _pictures(drawing: bytes) -> set[tuple[int, int]]:
    """The cells (0-based row, col) the pictures of a sheet's drawing (its MSODRAWING records, one
    OfficeArt stream) have their top-left corner in: each picture frame's cell anchor. A container
    is stepped into (its children follow its header), an atom over."""
    found: set[tuple[int, int]] = set()
    shape = None
    pos = 0
    while pos + 8 <= len(drawing):
        head, kind, length = struct.unpack_from("<HHI", drawing, pos)
        pos += 8
        if head & 0x000F == 0x000F:  # a container
            continue
        if kind == _FSP:
            shape = head >> 4
        elif kind == _CLIENT_ANCHOR and shape == _PICTURE_FRAME and length >= 8:
            _flags, col, _dx, row = struct.unpack_from("<HHHH", drawing, pos)
            found.add((row, col))
        pos += length
    return found


def _validation(extras: SheetExtras, body: bytes, refers: list[str | None], defined: list[str | None]) -> None:
    """A DV record that is a drop-down list ([MS-XLS] 2.4.117: valType 3): its ranges and its
    source, as an .xlsx writes it — the words typed in (one ptgStr, NUL between them), a range of
    the sheet (ptgArea) or of another (ptgArea3d, its sheet by ``refers``: EXTERNSHEET), or a
    defined name's (ptgName: ``defined``)."""
    try:
        flags = struct.unpack_from("<I", body, 0)[0]
        if flags & 0x0F != 3:
            return
        pos = 4
        for _ in range(4):  # the prompt's and the error's titles and texts (XLUnicodeString)
            _, pos = _unicode(body, pos + 2, struct.unpack_from("<H", body, pos)[0])
        size = struct.unpack_from("<H", body, pos)[0]
        rgce = body[pos + 4:pos + 4 + size]
        pos += 4 + size
        pos += 4 + struct.unpack_from("<H", body, pos)[0]  # formula2 (none for a list)
        count = struct.unpack_from("<H", body, pos)[0]
        boxes = tuple((r0, c0, r1, c1) for r0, r1, c0, c1 in
                      (struct.unpack_from("<HHHH", body, pos + 2 + 8 * k) for k in range(min(count, 512))))
        source = None
        if flags & 0x80 and rgce[:1] == b"\x17":  # fStrLookup: the words, as one ptgStr
            text, _ = _unicode(rgce, 2, rgce[1])
            source = '"' + ",".join(text.split("\0")) + '"'
        elif rgce[:1] in (b"\x23", b"\x43", b"\x63") and len(rgce) >= 5:  # ptgName
            label = struct.unpack_from("<I", rgce, 1)[0]
            source = defined[label - 1] if 0 < label <= len(defined) else None
        else:
            source = _area(rgce, refers)
    except (struct.error, IndexError, UnicodeDecodeError):
        return
    if source is not None and boxes:  # fShowErrorMsg, errStyle 0 (stop)
        extras.lists.append((boxes, source, bool(flags & 0x80000) and not flags & 0x70))


def _area(rgce: bytes, refers: list[str | None]) -> str | None:
    """A formula that is one range, as an .xlsx writes it: of the sheet (ptgArea: ``A1:A3``) or of
    another (ptgArea3d, its sheet by ``refers``: ``'选项'!A1:A3``); None for any other."""
    try:
        if rgce[:1] in (b"\x25", b"\x45", b"\x65") and len(rgce) >= 9:  # ptgArea
            r0, r1, c0, c1 = struct.unpack_from("<HHHH", rgce, 1)
            return f"{col_letter(c0 & 0x3FFF)}{r0 + 1}:{col_letter(c1 & 0x3FFF)}{r1 + 1}"
        if rgce[:1] in (b"\x3b", b"\x5b", b"\x7b") and len(rgce) >= 11:  # ptgArea3d
            ixti, r0, r1, c0, c1 = struct.unpack_from("<HHHHH", rgce, 1)
            sheet = refers[ixti] if ixti < len(refers) else None
            if sheet is not None:
                name = "'" + sheet.replace("'", "''") + "'"
                return f"{name}!{col_letter(c0 & 0x3FFF)}{r0 + 1}:{col_letter(c1 & 0x3FFF)}{r1 + 1}"
    except struct.error:
        return None
    return None


def _hyperlink(extras: SheetExtras, body: bytes) -> None:
    """An HLINK record ([MS-XLS] 2.4.140): the file the link of its cells opens (a link to a web
    page, a mail address or a place in the workbook is none)."""
    try:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body, 0)
        target = _link_target(body, 24)
    except (struct.error, UnicodeDecodeError):
        return
    if target is None or not is_file_target(target):
        return
    for row in range(first_row, min(last_row, first_row + 255) + 1):
        for col in range(first_col, min(last_col, first_col + 255) + 1):
            extras.links[f"{col_letter(col)}{row + 1}"] = target


def _link_target(body: bytes, pos: int) -> str | None:
    """The target of the Hyperlink Object at ``pos`` ([MS-OSHARED] 2.3.7.1): a file moniker's path
    (its ``..\\`` counted back in, the Unicode path when there is one), a URL moniker's URL, or a
    moniker saved as text. None: the link names a place in the workbook only."""

    def string(at: int) -> tuple[str, int]:  # HyperlinkString: chars with the NUL, UTF-16
        count = struct.unpack_from("<I", body, at)[0]
        return body[at + 4:at + 4 + 2 * count].decode("utf-16-le").rstrip("\0"), at + 4 + 2 * count

    flags = struct.unpack_from("<I", body, pos + 4)[0]
    pos += 8
    if flags & 0x10:  # a display name
        pos = string(pos)[1]
    if flags & 0x80:  # a target frame
        pos = string(pos)[1]
    if not flags & 0x01:  # no moniker
        return None
    if flags & 0x100:  # the moniker saved as text
        return string(pos)[0]
    clsid, pos = body[pos:pos + 16], pos + 16
    if clsid == _URL_MONIKER:
        size = struct.unpack_from("<I", body, pos)[0]
        return body[pos + 4:pos + 4 + size].decode("utf-16-le").split("\0", 1)[0]
    if clsid != _FILE_MONIKER:
        return None
    up, size = struct.unpack_from("<HI", body, pos)
    pos += 6
    path = body[pos:pos + size].split(b"\0", 1)[0].decode("gb18030", "replace")  # the system's code page
    pos += size + 4 + 16 + 4  # endServer, versionNumber, reserved
    unicode_size = struct.unpack_from("<I", body, pos)[0]
    if unicode_size:
        length = struct.unpack_from("<I", body, pos + 4)[0]
        path = body[pos + 10:pos + 10 + length].decode("utf-16-le")
    return "../" * up + path.replace("\\", "/")


def _number(extras: SheetExtras, shown: dict[int, ShownAs], row: int, col: int, xf: int,
            value: float, date1904: bool) -> None:
    """A year-like number in a cell format of fixed decimals (the digits it shows), a date in a
    format without its day (the month it shows)."""
    how = shown.get(xf)
    if how is not None:
        text = shown_text(repr(value), how, date1904)
        if text is not None:
            extras.shown[(row, col)] = text


# -- stray cells far outside a sheet's data (rectxl.io.stray) --------------------------------------------

#: the records of value cells: LABELSST, LABEL, RSTRING, NUMBER, RK, BOOLERR, FORMULA (MULRK apart)
_VALUE_CELLS = frozenset((0x00FD, 0x0204, 0x00D6, _NUMBER, _RK, _BOOLERR, _FORMULA))
_DIMENSIONS, _SST, _LABELSST = 0x0200, 0x00FC, 0x00FD
#: a sheet declaring (DIMENSIONS) more cells than this is looked at for stray cells
_DECLARED_AREA = 250_000
#: the record type a stray cell's record is given in the copy calamine reads: none it knows
_SKIPPED = 0x0000


def xls_strays(path: Path) -> tuple[dict[str, list[tuple[str, str]]], bytes | None]:
    """The stray value cells of the BIFF8 workbook at ``path`` by sheet name — (A1, what it shows),
    by the rule of :func:`rectxl.io.stray.far_cells` — and a copy of the file whose records of them
    calamine skips (None: there are none). Only a sheet whose DIMENSIONS record declares more than
    :data:`_DECLARED_AREA` cells is looked at: an .xls of 65,536 × 256 cells (a key pressed at
    IV65536) costs calamine 8 s and a gigabyte."""
    try:
        stream = _workbook_stream(Path(path))
        if not stream:
            return {}, None
        found, patched = _xls_strays(stream)
        if not found:
            return {}, None
        return found, _with_stream(Path(path), patched)
    except (struct.error, IndexError, ValueError, OSError, UnicodeDecodeError):
        return {}, None


def _xls_strays(stream: bytes) -> tuple[dict[str, list[tuple[str, str]]], bytes]:
    from rectxl.io.stray import far_cells

    globals_ = _records(stream, 0)
    if not globals_ or globals_[0][0] != _BOF or struct.unpack_from("<H", globals_[0][2], 0)[0] != 0x0600:
        return {}, stream
    sheets = [(_unicode(body, 7, body[6])[0], struct.unpack_from("<I", body, 0)[0])
              for kind, _, body in globals_ if kind == _BOUNDSHEET and body[5] == 0]
    sst = next((body for kind, _, body in globals_ if kind == _SST), b"")
    patched = bytearray(stream)
    out: dict[str, list[tuple[str, str]]] = {}
    for name, offset in sheets:
        dims = _dimensions(stream, offset)
        if dims is None or len(dims) < 12:
            continue
        rows, cols = struct.unpack_from("<I", dims, 4)[0], struct.unpack_from("<H", dims, 10)[0]
        if rows * cols <= _DECLARED_AREA:
            continue
        records = _records(stream, offset)
        cells: list[tuple[int, int, int, int, bytes]] = []
        for kind, at, body in records:
            if kind in _VALUE_CELLS or kind == _MULRK:
                row, col = struct.unpack_from("<HH", body, 0)
                last = struct.unpack_from("<H", body, len(body) - 2)[0] if kind == _MULRK else col
                cells.extend((row + 1, c + 1, at, kind, body) for c in {col, last})
        far = far_cells(cells)
        near = {at for _, _, at, _, _ in cells} - {at for _, _, at, _, _ in far or ()}
        far = [cell for cell in far or () if cell[2] not in near]  # (a MULRK run reaching out: kept whole)
        if not far:
            continue
        for _, _, at, _, _ in far:
            struct.pack_into("<H", patched, at, _SKIPPED)
        out[name] = [(f"{col_letter(col - 1)}{row}", _cell_words(kind, body, sst)) for row, col, _, kind, body in far
                     if kind != _MULRK or col - 1 == struct.unpack_from("<H", body, 2)[0]]
    return out, bytes(patched)


def _dimensions(stream: bytes, pos: int) -> bytes | None:
    """The DIMENSIONS record of the sheet substream at ``pos`` (among its first records), its body."""
    for _ in range(64):
        if pos + 4 > len(stream):
            return None
        kind, length = struct.unpack_from("<HH", stream, pos)
        if kind == _DIMENSIONS:
            return stream[pos + 4:pos + 4 + length]
        if kind == _EOF:
            return None
        pos += 4 + length
    return None


def _cell_words(kind: int, body: bytes, sst: bytes) -> str:
    """What a stray cell's record shows, as far as it is read here ("" when not)."""
    try:
        return _words(kind, body, sst)
    except (struct.error, IndexError, UnicodeDecodeError):
        return ""


def _words(kind: int, body: bytes, sst: bytes) -> str:
    if kind == _NUMBER:
        number = struct.unpack_from("<d", body, 6)[0]
        return str(int(number)) if number.is_integer() else repr(number)
    if kind == _RK:
        number = rk_number(struct.unpack_from("<I", body, 6)[0])
        return str(int(number)) if number.is_integer() else repr(number)
    if kind == 0x0204:  # LABEL
        return _unicode(body, 8, struct.unpack_from("<H", body, 6)[0])[0]
    if kind == _LABELSST and len(sst) >= 8:
        index, pos = struct.unpack_from("<I", body, 6)[0], 8
        for k in range(index + 1):  # the strings of the SST record itself (not those going on in CONTINUE)
            count = struct.unpack_from("<H", sst, pos)[0]
            text, pos = _unicode(sst, pos + 2, count)
            if k == index:
                return text
    return ""


def _with_stream(path: Path, stream: bytes) -> bytes:
    """The compound file at ``path`` with its ``Workbook`` stream replaced by ``stream`` (same size)."""
    import io

    import olefile

    data = io.BytesIO(path.read_bytes())
    with olefile.OleFileIO(data, write_mode=True) as ole:
        ole.write_stream("Workbook", stream)
    return data.getvalue()
