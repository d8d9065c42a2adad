"""A workbook written as it goes, for ``rectxl batch``'s 汇总 (:mod:`rectxl.io.batch_out`).

Each sheet is streamed into the package (a zip member written while the rows arrive): a sheet of
a million findings is never held in memory. Its hyperlinks, which the worksheet XML lists after
the rows and whose targets live in the sheet's relationships part, are spooled to temporary
files meanwhile. The workbook part, the styles and the document properties come last, when the
sheets' order and names are known (the order of the parts in the zip does not matter).

Cells are written as inline strings, numbers and booleans; text exactly as it is, less what XML
cannot hold (:func:`rectxl.core.report.cell_text`, :func:`rectxl.io.xmlbytes.xml_safe`): an inline
string is never a formula, and a text that starts like one ("=…", "-3") gets its format's copy with
Excel's text prefix (quotePrefix), so that it stays text when the user edits the cell (:func:`inline`).
The cell formats are fixed (:data:`PLAIN` … :data:`BOLD_PERCENT`, then the same with the prefix),
with Excel's own Hyperlink cell style and rectxl's wrapped-text style ``rectxl 换行``.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rectxl.core.report import cell_text
from rectxl.core.text import CELL_TEXT_LIMIT, col_letter
from rectxl.io.outputs import OUTPUT_PROPERTY
from rectxl.io.xmlbytes import escape_attr, escape_text, xml_safe

__all__ = [
    "BOLD",
    "BOLD_PERCENT",
    "HEADER",
    "LINK",
    "MAX_TEXT",
    "PERCENT",
    "PLAIN",
    "WRAP",
    "SheetStream",
    "XlsxStream",
    "attr_text",
    "cell",
    "inline",
    "quote_sheet",
    "text_xml",
]

#: Excel refuses a file with a longer cell text (counted as Excel counts; cut by ``cell_text``)
MAX_TEXT = CELL_TEXT_LIMIT
#: deflate level of the package: 1 is several times faster than zlib's default and the XML still
#: shrinks about tenfold
COMPRESSLEVEL = 1
#: the cell formats (``s``): header cells get :data:`HEADER` or a colour of :data:`HEADER_FILLS`
PLAIN, HEADER, LINK, WRAP, PERCENT, BOLD, BOLD_PERCENT = 0, 1, 2, 3, 4, 5, 6
#: format ``n + QUOTED`` is format ``n`` with Excel's text prefix (for a text starting like a formula)
QUOTED = 7
#: header fills beside the standard one (RRGGBB) get the formats after the quoted ones
HEADER_FILL = "D9E1F2"
LINK_COLOR = "0563C1"
WRAP_STYLE = "rectxl 换行"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = _REL + "/hyperlink"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
#: rows gathered before they are encoded and written
_FLUSH_ROWS = 512
#: a text :func:`text_xml` writes as it is: no markup character, no carriage return, nothing XML
#: cannot hold
_PLAIN_TEXT = re.compile("[^&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]*")
#: characters XML cannot hold (in an attribute: a link's target or location)
_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def attr_text(text: str) -> str:
    """``text`` as an attribute value (characters XML cannot hold dropped)."""
    return escape_attr(_INVALID.sub("", text))


def quote_sheet(name: str) -> str:
    """A sheet name as written in a reference (``'台账'!A1``)."""
    return "'" + name.replace("'", "''") + "'"


def text_xml(value: Any) -> str:
    """A text as it goes between ``<t>`` tags: never a formula, nothing XML cannot hold, escaped
    (a carriage return as a character reference: a literal one would be read as a line feed)."""
    text = str(cell_text(value))
    if _PLAIN_TEXT.fullmatch(text) is not None and "_x" not in text:
        return text  # nothing to drop, escape or keep literal (most texts; cut by cell_text)
    text = escape_text(xml_safe(text))
    return text.replace("\r", "&#13;") if "\r" in text else text


def cell(ref: str, value: Any, style: int = PLAIN) -> str:
    """One ``<c>`` element (empty text or None: nothing, unless the cell has a format)."""
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, float) and math.isfinite(value):  # as openpyxl writes it (0.0 → 0)
        return f'<c r="{ref}"{s}><v>{value:.16g}</v></c>'
    return inline(ref, text_xml(value), s)


#: a cell's format attribute → the same format with the text prefix
_QUOTED_ATTR = {"": f' s="{QUOTED}"', **{f' s="{n}"': f' s="{n + QUOTED}"' for n in range(1, QUOTED)}}
#: how an escaped text starting like a formula opens (a carriage return is escaped as &#13;)
_FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\n", "&#13;")


def inline(ref: str, escaped: str, s: str = "") -> str:
    """An inline-string cell of text already passed through :func:`text_xml` (``s``: `` s="3"`` or "").
    A text that starts like a formula gets its format's quoted copy (:data:`QUOTED`)."""
    if not escaped:
        return f'<c r="{ref}"{s}/>' if s else ""
    if escaped.startswith(_FORMULA_OPENINGS):
        s = _QUOTED_ATTR.get(s, s)
    # (more often than needed — after any reference — which changes nothing)
    space = ' xml:space="preserve"' if escaped[0] in " \t\n&" or escaped[-1] in " \t\n;" or "\n" in escaped else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


class SheetStream:
    """One worksheet being written: rows in order, then :meth:`close`. Rows are counted
    (:attr:`rows`, the header included); a row is XML the caller built for row :attr:`next_row`."""

    def __init__(self, book: XlsxStream, name: str, part: str, widths: list[float],
                 header: list[tuple[str, int]]) -> None:
        self.book = book
        self.name = name
        self.part = part
        self.rows = 0
        self.ncols = max(len(widths), len(header), 1)
        # no Zip64 fields (Excel asks to repair a package whose local and central headers differ
        # in them, as Python's force_zip64 writes them): a part stays below 2 GiB (:attr:`size`)
        self._out: IO[bytes] = book.zf.open(part, "w")
        self.written = 0
        self._buffer: list[str] = []
        self._links: IO[bytes] | None = None
        self._rels: IO[bytes] | None = None
        self._nlinks = 0
        self._links_bytes = 0
        self.filter_ref: str | None = None
        cols = "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>' for c, w in enumerate(widths, start=1))
        self.written += self._out.write((
            f'{_XML_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr fitToPage="1"/></sheetPr>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
            '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>").encode("utf-8"))
        letters = [col_letter(c) for c in range(len(header))]
        self.add("".join(cell(f"{letters[c]}1", text, style) for c, (text, style) in enumerate(header)))

    @property
    def next_row(self) -> int:
        return self.rows + 1

    def add(self, cells: str, attrs: str = "") -> int:
        """Append row :attr:`next_row` made of ``cells`` (XML); its number."""
        self.rows += 1
        self._buffer.append(f'<row r="{self.rows}"{attrs}>{cells}</row>')
        if len(self._buffer) >= _FLUSH_ROWS:
            self._flush()
        return self.rows

    def add_rows(self, rows_xml: list[str], count: int) -> None:
        """Append ``count`` complete ``<row>`` elements the caller numbered from :attr:`next_row`."""
        self.rows += count
        self._buffer.extend(rows_xml)
        if len(self._buffer) >= _FLUSH_ROWS:
            self._flush()

    def link(self, ref: str, target: str, location: str | None = None) -> None:
        """A hyperlink at ``ref`` to the file ``target`` (a relative path, "/"), at ``location`` in it."""
        if self._links is None:
            self._links = tempfile.TemporaryFile()
            self._rels = tempfile.TemporaryFile()
        assert self._rels is not None
        self._nlinks += 1
        rid = f"rId{self._nlinks}"
        where = f' location="{attr_text(location)}"' if location else ""
        self._links_bytes += self._links.write(f'<hyperlink ref="{ref}" r:id="{rid}"{where}/>'.encode())
        self._rels.write(f'<Relationship Id="{rid}" Type="{_HYPERLINK}" Target="{attr_text(target)}" '
                         'TargetMode="External"/>'.encode())

    def links(self, links_xml: str, rels_xml: str, count: int) -> None:
        """Hyperlinks the caller wrote, numbered ``rId{n}`` from :attr:`next_link` (``count`` of them)."""
        if self._links is None:
            self._links = tempfile.TemporaryFile()
            self._rels = tempfile.TemporaryFile()
        assert self._rels is not None
        self._nlinks += count
        self._links_bytes += self._links.write(links_xml.encode("utf-8"))
        self._rels.write(rels_xml.encode("utf-8"))

    @property
    def next_link(self) -> int:
        return self._nlinks + 1

    @property
    def size(self) -> int:
        """Bytes of the part so far, rows not yet encoded left out (at most :data:`_FLUSH_ROWS`
        and the last :meth:`add_rows`)."""
        return self.written + self._links_bytes

    def autofilter(self, last_row: int | None = None) -> None:
        """An autofilter over the header and the rows up to ``last_row`` (default: every row so far)."""
        self.filter_ref = f"A1:{col_letter(self.ncols - 1)}{max(last_row or self.rows, 1)}"

    def _flush(self) -> None:
        self.written += self._out.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def close(self) -> None:
        """Finish the worksheet part and write its relationships."""
        self._flush()
        out = self._out
        out.write(b"</sheetData>")
        if self.filter_ref:
            out.write(f'<autoFilter ref="{self.filter_ref}"/>'.encode())
        if self._links is not None:
            out.write(b"<hyperlinks>")
            self._links.seek(0)
            shutil.copyfileobj(self._links, out, 1 << 20)
            out.write(b"</hyperlinks>")
            self._links.close()
        # printed as a summary sheet prints (DESIGN.md §4): A4 landscape, one page wide, the header
        # row repeated on every page (the print titles: :meth:`XlsxStream.finish`)
        out.write(b'<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                  b'<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
                  b"</worksheet>")
        out.close()
        if self._rels is not None:
            folder, name = self.part.rsplit("/", 1)
            with self.book.zf.open(f"{folder}/_rels/{name}.rels", "w") as rels:
                rels.write(f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">'.encode())
                self._rels.seek(0)
                shutil.copyfileobj(self._rels, rels, 1 << 20)
                rels.write(b"</Relationships>")
            self._rels.close()
        self.book.sheets.append(self)
        self.book.open_sheet = None

    def discard(self) -> None:
        for spool in (self._links, self._rels):
            if spool is not None:
                spool.close()
        try:
            self._out.close()
        except (OSError, ValueError):
            pass


class XlsxStream:
    """A new workbook at ``path`` (a new file), its sheets written one at a time
    (:meth:`sheet`), then :meth:`finish` with the sheets' order."""

    def __init__(self, path: Path, *, header_fills: tuple[str, ...] = ()) -> None:
        self.zf = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL)
        self.sheets: list[SheetStream] = []
        self.open_sheet: SheetStream | None = None
        self.header_fills = header_fills

    def header_style(self, fill: str | None) -> int:
        """The format of a header cell filled with ``fill`` (one of ``header_fills``; None: the standard)."""
        return HEADER if fill is None else 2 * QUOTED + self.header_fills.index(fill)

    def sheet(self, name: str, header: list[str], widths: list[float],
              fills: dict[str, str] | None = None) -> SheetStream:
        """Start the sheet ``name`` with its bold, filled ``header`` row, frozen below it."""
        if self.open_sheet is not None:
            raise RuntimeError(f"sheet {self.open_sheet.name} is still being written")
        fills = fills or {}
        part = f"xl/worksheets/sheet{len(self.sheets) + 1}.xml"
        cells = [(h, self.header_style(fills.get(h))) for h in header]
        self.open_sheet = SheetStream(self, name, part, widths, cells)
        return self.open_sheet

    def finish(self, order: list[str], *, kind: str) -> None:
        """Write the workbook part (sheets in ``order``), styles, properties (with rectxl's output
        marker ``kind``) and content types; close the package."""
        if self.open_sheet is not None:
            self.open_sheet.close()
        by_name = {s.name: s for s in self.sheets}
        sheets = [by_name[name] for name in order]
        zf = self.zf
        entries = "".join(f'<sheet name="{escape_attr(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                          for i, s in enumerate(sheets, start=1))
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape_text(quote_sheet(s.name))}!{_absolute(s.filter_ref)}</definedName>"
            for i, s in enumerate(sheets) if s.filter_ref)
        names += "".join(  # the header row printed on every page
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{escape_text(quote_sheet(s.name))}!$1:$1'
            "</definedName>" for i, s in enumerate(sheets))
        zf.writestr("xl/workbook.xml", (
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{entries}</sheets>" + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'))
        rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="/{s.part}"/>'
                       for i, s in enumerate(sheets, start=1))
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        zf.writestr("xl/_rels/workbook.xml.rels",
                    f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>')
        zf.writestr("xl/styles.xml", self._styles())
        zf.writestr("docProps/custom.xml", (
            f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{OUTPUT_PROPERTY}">'
            f"<vt:lpwstr>{escape_text(kind)}</vt:lpwstr></property></Properties>"))
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        zf.writestr("docProps/core.xml", (
            f'{_XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>rectxl</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'))
        zf.writestr("docProps/app.xml", (
            f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>rectxl</Application></Properties>"))
        zf.writestr("_rels/.rels", (
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{_REL}/custom-properties" Target="docProps/custom.xml"/>'
            "</Relationships>"))
        office = "application/vnd.openxmlformats-officedocument"
        overrides = "".join(f'<Override PartName="/{s.part}" ContentType="{_CT_SHEET}"/>' for s in sheets)
        zf.writestr("[Content_Types].xml", (
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-'
            'properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties+xml"/>'
            f'<Override PartName="/docProps/custom.xml" ContentType="{office}.custom-properties+xml"/>'
            f"{overrides}</Types>"))
        zf.close()

    def discard(self) -> None:
        """Give up (the caller removes the file)."""
        if self.open_sheet is not None:
            self.open_sheet.discard()
            self.open_sheet = None
        try:
            self.zf.close()
        except (OSError, ValueError, RuntimeError):
            pass

    def _styles(self) -> str:
        fills = "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="00{c}"/></patternFill></fill>'
                        for c in (HEADER_FILL, *self.header_fills))
        # the formats, in the order of PLAIN … BOLD_PERCENT, the same quoted, then one header format
        # per extra fill
        base = ' borderId="0"'
        xfs = [
            f'<xf numFmtId="0" fontId="0" fillId="0"{base} xfId="0"/>',
            f'<xf numFmtId="0" fontId="1" fillId="2"{base} xfId="0" applyFont="1" applyFill="1"/>',
            f'<xf numFmtId="0" fontId="2" fillId="0"{base} xfId="1" applyFont="1"/>',
            f'<xf numFmtId="0" fontId="0" fillId="0"{base} xfId="2" applyAlignment="1">'
            '<alignment vertical="top" wrapText="1"/></xf>',
            f'<xf numFmtId="9" fontId="0" fillId="0"{base} xfId="0" applyNumberFormat="1"/>',
            f'<xf numFmtId="0" fontId="1" fillId="0"{base} xfId="0" applyFont="1"/>',
            f'<xf numFmtId="9" fontId="1" fillId="0"{base} xfId="0" applyFont="1" applyNumberFormat="1"/>',
        ]
        xfs += [xf.replace(' xfId="', ' quotePrefix="1" xfId="', 1) for xf in xfs]
        xfs += [f'<xf numFmtId="0" fontId="1" fillId="{3 + i}"{base} xfId="0" applyFont="1" applyFill="1"/>'
                for i in range(len(self.header_fills))]
        return (
            f'{_XML_HEAD}<styleSheet xmlns="{_MAIN}">'
            '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            f'<font><u/><sz val="11"/><color rgb="FF{LINK_COLOR}"/><name val="Calibri"/><family val="2"/></font>'
            "</fonts>"
            f'<fills count="{3 + len(self.header_fills)}"><fill><patternFill patternType="none"/></fill>'
            f'<fill><patternFill patternType="gray125"/></fill>{fills}</fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyFont="1"/>'
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">'
            '<alignment vertical="top" wrapText="1"/></xf></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="3"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            '<cellStyle name="Hyperlink" xfId="1" builtinId="8"/>'
            f'<cellStyle name="{escape_attr(WRAP_STYLE)}" xfId="2"/></cellStyles>'
            '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
            'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')


def _absolute(ref: str | None) -> str:
    """``A1:J5`` → ``$A$1:$J$5``."""
    out = []
    for part in (ref or "A1").split(":"):
        letters = part.rstrip("0123456789")
        out.append(f"${letters}${part[len(letters):]}")
    return ":".join(out)
