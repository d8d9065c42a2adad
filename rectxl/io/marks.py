"""标记与清除标记 as edits of the workbook package (DESIGN.md §6).

``annotate`` changes exactly this in the user's workbook:

- in the ledger sheet's part, the ``s`` (cell format) attribute of each flagged cell — a cell
  that is not in the XML is created as ``<c r="…" s="…"/>`` (a missing row likewise);
- in the styles part, new cell formats appended (each flagged cell's own format with the highlight
  fill; the formats of rectxl's sheets), with the fonts and fills they need;
- rectxl's sheets appended (校验结果 and the summary sheets, the summary chart's drawing and chart
  parts), each with its entries in ``workbook.xml``, the workbook's relationships and
  ``[Content_Types].xml``; a sheet name the user already has gets ``(rectxl)`` added;
- the record of all this, in the very hidden sheet ``rectxl标记``: which cells, their original
  ``s`` (or that rectxl created them), the format rectxl gave them, their original fill (in the
  form the Excel add-in reads), which sheets rectxl added (name and sheetId: rectxl's sheets are
  only those), and the styles part's digests before and after.

Every other part is copied byte for byte (:class:`rectxl.io.package.Package`). ``docProps/app.xml``
(the sheet titles a file browser may show) is left alone; Excel rewrites it at its next save.

``--clear`` restores the recorded ``s`` of every cell that still carries rectxl's format (a cell
the user re-coloured since keeps the user's colour), cuts out the cells and rows rectxl created,
and removes exactly rectxl's sheets with their entries and parts. When nothing else changed the
styles part, the appended formats are cut out again too and every part is byte-identical to the
original; otherwise they stay (unused formats change nothing a user sees). When the workbook was
saved by Excel or WPS in between (formats renumbered), a cell counts as rectxl's while it shows
the highlight colour, and gets its recorded original fill back on its current format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from rectxl.core.errors import RectxlError
from rectxl.core.model import Ledger
from rectxl.core.names import FINDINGS_SHEET, MARKS_SHEET, OWNED_SHEET_TAG, SUMMARY_SHEETS
from rectxl.core.sheets import HIGHLIGHTS, SheetSpec, findings_sheet, highlight_cells, summary_sheets
from rectxl.core.text import col_index
from rectxl.core.validate import Report
from rectxl.core.version import __version__
from rectxl.io.package import Package
from rectxl.io.sheet_cells import NEW_ROW, OPENED_ROW, locate, restore, restyle, tidy_rows
from rectxl.io.sheet_writer import chart_parts, print_titles, render_sheet
from rectxl.io.styles_part import Styles, fill_description, fill_rgb, referenced_xfs, revert
from rectxl.io.workbook_parts import CT_CHART, CT_DRAWING, Book, SheetRef, rels_name
from rectxl.io.xmlbytes import escape_attr, escape_text, xml_safe

__all__ = ["AnnotateOutcome", "ClearOutcome", "Record", "annotate_package", "clear_package", "find_record"]

RECORD_HEADER = ["sheet", "cell", "original_fill"]
RECORD_TAG = "#rectxl"
RECORD_FORMAT = 1
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class AnnotateOutcome:
    cells: int = 0
    #: rectxl's sheet name → the name used because the user has a sheet of that name
    renamed: dict[str, str] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)


@dataclass
class ClearOutcome:
    restored: int = 0
    #: cells the user re-coloured after annotate (their colour kept)
    kept: int = 0
    #: of ``restored``: marks found away from their cell, moved there by a sort or an inserted row
    moved: int = 0
    #: cells still showing rectxl's colour whose own format could not be told (left as they are)
    unresolved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: sheets with rectxl's names that were left because rectxl cannot tell they are its own
    left: list[str] = field(default_factory=list)


@dataclass
class Record:
    sheet: SheetRef  # the record sheet itself
    head: dict[str, Any] | None  # None: a record written before rectxl edited packages
    cells: list[tuple[str, str, dict[str, Any]]]  # (sheet, cell, data)
    #: the sheets an Excel add-in's record names as rectxl's (OWNED_SHEET_TAG rows)
    owned: list[str] = field(default_factory=list)


# -- reading the record ----------------------------------------------------------------------


def find_record(pkg: Package, book: Book) -> Record | None:
    """rectxl's record in the workbook, or None if rectxl never marked it."""
    for ref in book.sheets():
        if ref.state not in ("hidden", "veryHidden") or not ref.name.startswith(MARKS_SHEET) or ref.part is None:
            continue
        rows = _sheet_values(pkg, book, ref.part)
        if not rows or [str(v) for v in rows[0][:3]] != RECORD_HEADER:
            continue
        head: dict[str, Any] | None = None
        body = rows[1:]
        if body and body[0][:1] == [RECORD_TAG]:
            head = _json(body[0][2] if len(body[0]) > 2 else "")
            if head is None:
                continue
            body = body[1:]
        cells = []
        owned = []
        for row in body:
            row = [*row, "", "", ""][:3]
            if row[0] == OWNED_SHEET_TAG:
                owned.append(str(row[1]))
            elif row[0] and row[1]:
                cells.append((row[0], row[1], _json(row[2]) or {}))
        return Record(ref, head, cells, owned)
    return None


def _json(text: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(element: Any) -> str:
    """The text of an ``<is>`` or ``<si>``: its ``t`` elements, phonetic runs left out."""
    parts: list[str] = []
    for node in element.iter():
        if _local(node.tag) == "t" and not any(_local(a.tag) == "rPh" for a in node.iterancestors()):
            parts.append(node.text or "")
    return "".join(parts)


def _sheet_values(pkg: Package, book: Book, part: str, columns: int = 3) -> list[list[str]]:
    """The text of the first ``columns`` columns of a (small) sheet, row by row."""
    try:
        root = etree.fromstring(pkg.read(part), _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return []
    shared: list[str] | None = None
    rows: dict[int, list[str]] = {}
    last_row = 0
    for row in root.iter():
        if _local(row.tag) != "row":
            continue
        r = row.get("r")
        number = int(r) if r and r.isdigit() else last_row + 1
        last_row = number
        values = [""] * columns
        col = -1
        for c in row:
            if _local(c.tag) != "c":
                continue
            ref = c.get("r") or ""
            m = re.match(r"([A-Za-z]+)", ref)
            col = col_index(m.group(1).upper()) if m else col + 1
            if col >= columns:
                continue
            kind = c.get("t")
            value = ""
            if kind == "inlineStr":
                value = "".join(_text_of(e) for e in c if _local(e.tag) == "is")
            else:
                v = next((e.text or "" for e in c if _local(e.tag) == "v"), "")
                if kind == "s":
                    if shared is None:
                        shared = _shared_strings(pkg, book)
                    value = shared[int(v)] if v.isdigit() and int(v) < len(shared) else ""
                else:
                    value = v
            values[col] = value
        rows[number] = values
    return [rows.get(n, [""] * columns) for n in range(1, max(rows, default=0) + 1)]


def _shared_strings(pkg: Package, book: Book) -> list[str]:
    rel = next((r for r in book.rels(book.part) if r.type == "sharedStrings" and not r.external), None)
    if rel is None or not pkg.has(rel.target):
        return []
    try:
        root = etree.fromstring(pkg.read(rel.target), _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return []
    return [_text_of(si) for si in root if _local(si.tag) == "si"]


_COL = re.compile(rb"<(?:[\w.-]+:)?col\b[^>]*>")
_ATTR_NUM = {name: re.compile(rb"\s" + name + rb'="(\d+)"') for name in (b"min", b"max", b"style", b"s")}


def _column_styles(xml: bytes) -> dict[int, int]:
    """0-based column → the format its ``<col style>`` gives cells not in the file."""
    styles: dict[int, int] = {}
    head = xml[: xml.find(b"sheetData")]
    for m in _COL.finditer(head):
        tag = m.group()
        low, high, style = (_ATTR_NUM[k].search(tag) for k in (b"min", b"max", b"style"))
        if low and high and style and int(high.group(1)) - int(low.group(1)) < 16384:
            for c in range(int(low.group(1)) - 1, int(high.group(1))):
                styles[c] = int(style.group(1))
    return styles


def _row_style(xml: bytes, spot: Any) -> int:
    """The format a row with ``customFormat`` gives its cells not in the file (0 if none)."""
    if spot.row_state == "missing" or spot.row_start < 0:
        return 0
    tag = xml[spot.row_start:spot.row_tag_end]
    style = _ATTR_NUM[b"s"].search(tag)
    custom = re.search(rb'\scustomFormat="(1|true)"', tag)
    return int(style.group(1)) if style and custom else 0


_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")
_PREFIX = re.compile(rb"<(/?)[\w.-]+:")


def _cell_texts(pkg: Package, book: Book, xml: bytes, spots: dict[str, Any]) -> dict[str, str]:
    """The text of each located cell of a sheet part (shared strings looked up, "" for an empty
    cell), read from the cell's own bytes: what lets a mark that moved with a sort be told apart
    from its neighbours'."""
    shared: list[str] | None = None
    texts: dict[str, str] = {}
    for ref, spot in spots.items():
        if not spot.found or spot.empty:
            texts[ref] = ""
            continue
        end = _CELL_END.search(xml, spot.tag_end)
        if end is None:
            continue
        try:
            # the cell alone, its element names unprefixed (its namespace is declared above it)
            cell = etree.fromstring(_PREFIX.sub(rb"<\1", xml[spot.start:end.end()]), _SAFE_PARSER)
        except etree.XMLSyntaxError:
            continue
        kind = cell.get("t")
        if kind == "inlineStr":
            texts[ref] = "".join(_text_of(e) for e in cell if _local(e.tag) == "is")
            continue
        v = next((e.text or "" for e in cell if _local(e.tag) == "v"), "")
        if kind == "s":
            shared = _shared_strings(pkg, book) if shared is None else shared
            v = shared[int(v)] if v.isdigit() and int(v) < len(shared) else ""
        texts[ref] = v
    return texts


# -- annotate --------------------------------------------------------------------------------


def _free_sheet_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    n = 1
    while True:
        candidate = f"{name}(rectxl{'' if n == 1 else n})"
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def _mark_sheet(pkg: Package, book: Book, styles: Styles, name: str, part: str,
                cells: dict[str, Any]) -> list[list[Any]]:
    """Colour ``cells`` of the sheet ``name`` (its ``part``); its rows of the record."""
    xml = pkg.read(part)
    try:
        spots = locate(xml, cells)
    except ValueError:
        raise RectxlError(f"台账工作表“{name}”的内容无法解析（文件可能已损坏），未写入") from None
    formats: dict[str, int] = {}
    inherited = _column_styles(xml)
    for ref, highlight in cells.items():
        spot = spots[ref]
        if spot.found:
            base = int(spot.s) if spot.s and spot.s.isdigit() else 0
        else:  # a cell not in the file shows its row's format, else its column's: so must its mark
            base = _row_style(xml, spot) or inherited.get(spot.col, 0)
        formats[ref] = styles.highlight(base, highlight.color)
    texts = _cell_texts(pkg, book, xml, spots)
    xml, changes = restyle(xml, spots, formats)
    pkg.write(part, xml)
    rows = []
    for change in changes:
        base = int(change.original) if change.original and change.original.isdigit() else 0
        fill = styles.fill_of_xf(base)
        data = {**fill_description(fill), "s": change.original, "new": change.created, "m": change.new,
                "h": cells[change.ref].color, "fill": fill.decode("utf-8", "replace"),
                "v": texts.get(change.ref, "")}
        rows.append([name, change.ref, json.dumps(data, ensure_ascii=False, separators=(",", ":"))])
    return rows


def annotate_package(pkg: Package, report: Report, ledger: Ledger, *, summary: bool = True) -> AnnotateOutcome:
    """Mark ``pkg`` (an open package) in place: highlights, rectxl's sheets, the record."""
    book = Book(pkg)
    prior = find_record(pkg, book)
    if prior is not None:
        clear_package(pkg, book, prior)
    target = book.sheet(ledger.sheet)
    if target is None or target.part is None or not pkg.has(target.part):
        raise RectxlError(f"工作簿中找不到台账工作表“{ledger.sheet}”，无法标记")
    outcome = AnnotateOutcome()
    styles = Styles(pkg, book)

    # the flagged cells, on every sheet the ledger was read from
    record_rows: list[list[Any]] = []
    parts: dict[str, str] = {}
    for name in dict.fromkeys([ledger.sheet, *(s.name for s in ledger.sheets)]):
        sheet = book.sheet(name)
        if sheet is None or sheet.part is None or not pkg.has(sheet.part):
            continue
        parts[name] = sheet.part
        record_rows += _mark_sheet(pkg, book, styles, name, sheet.part, highlight_cells(report, name))
    outcome.cells = len(record_rows)

    # rectxl's sheets, under names the user does not use
    specs = [findings_sheet(report), *(summary_sheets(report, ledger) if summary else [])]
    taken = {s.name.casefold() for s in book.sheets()}
    named: list[SheetSpec] = []
    for spec in specs:
        name = _free_sheet_name(spec.name, taken)
        taken.add(name.casefold())
        if name != spec.name:
            outcome.renamed[spec.name] = name
            spec = replace(spec, name=name)
        named.append(spec)
    if outcome.renamed:
        note = "；".join(f"“{old}”改名为“{new}”" for old, new in outcome.renamed.items())
        findings = named[0]
        findings.rows[2] = [*findings.rows[2], f"工作簿中已有同名工作表，rectxl 的工作表{note}"]
    added: list[list[Any]] = []
    names_created: str | None = None
    for spec in named:
        rels, rid = None, None
        charts = None if book.strict else chart_parts(spec, spec.name)
        if charts is not None:
            drawing = pkg.free_name("xl/drawings/drawing{}.xml")
            chart = pkg.free_name("xl/charts/chart{}.xml")
            pkg.write(drawing, charts[0])
            pkg.write(chart, charts[1])
            pkg.write(rels_name(drawing), _rels_xml(book.ns["rel"] + "/chart", "../charts/" + chart.rsplit("/", 1)[1]))
            book.add_override(drawing, CT_DRAWING)
            book.add_override(chart, CT_CHART)
            rels = _rels_xml(book.ns["rel"] + "/drawing", "../drawings/" + drawing.rsplit("/", 1)[1])
            rid = "rId1"
        sheet_xml = render_sheet(spec, styles, main_ns=book.ns["main"], rel_ns=book.ns["rel"], drawing_rid=rid)
        sheet = book.add_sheet(spec.name, sheet_xml, rels=rels)
        titles = print_titles(spec, sheet.name)
        if titles is not None:
            names_created = book.add_defined_name("_xlnm.Print_Titles", sheet.index, titles) or names_created
        added.append([sheet.name, sheet.sheet_id])
        outcome.sheets.append(sheet.name)
    styles.finish()

    # the record
    head = {"format": RECORD_FORMAT, "rectxl": __version__, "sheet": ledger.sheet, "part": target.part,
            "parts": parts,
            "sheets": added, "renamed": outcome.renamed, "styles": styles.record(),
            "defined_names_created": names_created}
    rows = [RECORD_HEADER, [RECORD_TAG, "", json.dumps(head, ensure_ascii=False, separators=(",", ":"))],
            *record_rows]
    marks_name = _free_sheet_name(MARKS_SHEET, taken)
    book.add_sheet(marks_name, _record_xml(rows, book.ns["main"]), state="veryHidden")
    return outcome


def _rels_xml(kind: str, target: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{kind}" Target="{escape_attr(target)}"/></Relationships>').encode()


def _record_xml(rows: list[list[Any]], main_ns: str) -> bytes:
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main_ns}"><sheetData>']
    for i, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{"ABC"[j]}{i}" t="inlineStr"><is><t>{escape_text(xml_safe(str(v)))}</t></is></c>'
            for j, v in enumerate(row) if v != "")
        out.append(f'<row r="{i}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


# -- clear -----------------------------------------------------------------------------------


def clear_package(pkg: Package, book: Book, record: Record) -> ClearOutcome:
    """Undo rectxl's marks in ``pkg`` (an open package) in place."""
    if record.head is None:
        return _clear_legacy(pkg, book, record)
    outcome = ClearOutcome()
    head = record.head
    styles_record: dict[str, Any] = head.get("styles") or {}
    styles = Styles(pkg, book)
    exact = bool(styles_record) and styles.before == styles_record.get("after")
    by_sheet: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for sheet_name, ref, data in record.cells:
        by_sheet.setdefault(sheet_name, []).append((ref, data))
    parts: dict[str, str] = {**(head.get("parts") or {}), str(head.get("sheet", "")): str(head.get("part", ""))}
    for sheet_name, cells in by_sheet.items():
        sheet = book.sheet(sheet_name)
        if sheet is None:  # renamed since: found by its part
            sheet = next((s for s in book.sheets() if s.part == parts.get(sheet_name)), None)
        if sheet is not None and sheet.part is not None:
            _clear_sheet(pkg, book, sheet.part, cells, styles, exact, outcome)
    appended = any(styles.new.values()) and not exact
    if appended:
        styles.finish()
    owned = {(str(name), int(sheet_id)) for name, sheet_id in head.get("sheets", [])}
    for sheet in book.sheets():
        if (sheet.name, sheet.sheet_id) in owned:
            outcome.removed.append(sheet.name)
            book.remove_sheet(sheet)
    _remove_record_sheet(book, record)
    if head.get("defined_names_created"):
        book.tidy_defined_names(str(head["defined_names_created"]))
    if exact:
        _revert_styles(pkg, book, styles, styles_record)
    return outcome


def _clear_sheet(pkg: Package, book: Book, part: str, cells: list[tuple[str, dict[str, Any]]],
                 styles: Styles, exact: bool, outcome: ClearOutcome) -> None:
    """Undo the marks recorded for one sheet (its ``part``)."""
    xml = pkg.read(part)
    wanted = [ref for ref, _data in cells if re.fullmatch(r"[A-Z]{1,3}\d+", ref)]
    try:
        spots = locate(xml, wanted)
    except ValueError:
        spots = {}
    targets: dict[str, str | None] = {}
    remove: set[str] = set()
    rows: dict[int, int] = {}

    def ours(data: dict[str, Any], current: str | None) -> bool:
        """The cell's format is the one rectxl gave the recorded cell (or shows its colour)."""
        if exact:
            return current == str(data.get("m"))
        return (current is not None and current.isdigit()
                and fill_rgb(styles.fill_of_xf(int(current))) == str(data.get("h", "")).upper())

    def undo(ref: str, data: dict[str, Any], current: str | None) -> None:
        if int(data.get("new") or 0):
            targets[ref] = None
            remove.add(ref)
        elif exact:
            original = data.get("s")
            targets[ref] = None if original is None else str(original)
        else:
            assert current is not None
            fill = str(data.get("fill") or "").encode()
            fill_id = styles.fill(fill) if fill else 0
            targets[ref] = str(styles.with_fill(int(current), fill_id))
        outcome.restored += 1

    away: list[dict[str, Any]] = []  # recorded cells whose mark is no longer where it was put
    # the text each cell had when marked: a marked cell sorted into another marked cell's place
    # is not that cell (a record written before rectxl kept the texts has none)
    now = _cell_texts(pkg, book, xml, spots) if any("v" in data for _ref, data in cells) else {}
    for ref, data in cells:
        spot = spots.get(ref)
        moved_in = "v" in data and ref in now and now[ref] != data["v"]
        if spot is None or not spot.found or not ours(data, spot.s) or moved_in:
            away.append({**data, "col": re.sub(r"\d+", "", ref)})
            if spot is not None and spot.found:
                outcome.kept += 1
            continue
        undo(ref, data, spot.s)
        created = int(data.get("new") or 0)
        if created in (NEW_ROW, OPENED_ROW):
            rows[spot.row] = created
    if away:
        spots.update(_follow_moved_marks(xml, away, set(targets), ours, undo, outcome,
                                         lambda found: _cell_texts(pkg, book, xml, found)))
    xml = tidy_rows(restore(xml, spots, targets, remove), rows)
    pkg.write(part, xml)


_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*>")
_R_ATTR = re.compile(rb'\sr="([A-Z]{1,3}\d+)"')
_S_ATTR = re.compile(rb'\ss="(\d+)"')


def _follow_moved_marks(xml: bytes, away: list[dict[str, Any]], done: set[str],
                        ours: Callable[[dict[str, Any], str | None], bool],
                        undo: Callable[[str, dict[str, Any], str | None], None], outcome: ClearOutcome,
                        texts_of: Callable[[dict[str, Any]], dict[str, str]]) -> dict[str, Any]:
    """Marks that moved with their cells — the rows sorted, a row inserted above — found by
    their format in the column they were put in, and undone when every recorded cell of that
    column and colour the mark could be had the same original format, or when the cell's text
    is the text one of them had when it was marked (else listed as unresolved). Returns the
    spots of the cells undone."""
    found: dict[str, str] = {}
    columns = {str(d["col"]) for d in away}
    for m in _CELL_START.finditer(xml):
        tag = m.group()
        r, s = _R_ATTR.search(tag), _S_ATTR.search(tag)
        if r is None or s is None:
            continue
        ref = r.group(1).decode()
        if ref not in done and re.sub(r"\d+", "", ref) in columns:
            found[ref] = s.group(1).decode()
    moved: dict[str, dict[str, Any]] = {}
    unsure: dict[str, list[dict[str, Any]]] = {}
    for ref, current in found.items():
        column = re.sub(r"\d+", "", ref)
        could_be = [d for d in away if d["col"] == column and ours(d, current)]
        if not could_be:
            continue
        plans = {(int(d.get("new") or 0) > 0, d.get("s"), d.get("fill")) for d in could_be}
        if len(plans) == 1:
            moved[ref] = could_be[0]
        else:
            unsure[ref] = could_be
    if unsure:  # the cells' texts, recorded when they were marked, tell which mark is which
        texts = texts_of(locate(xml, list(unsure)))
        for ref, could_be in unsure.items():
            same = [d for d in could_be if "v" in d and d["v"] == texts.get(ref)]
            if len({(d.get("s"), d.get("fill")) for d in same}) == 1:
                moved[ref] = same[0]
            else:
                outcome.unresolved.append(ref)
    spots = locate(xml, list(moved)) if moved else {}
    for ref, data in moved.items():
        spot = spots.get(ref)
        if spot is not None and spot.found:
            undo(ref, data, spot.s)
            outcome.moved += 1
    return spots


def _remove_record_sheet(book: Book, record: Record) -> None:
    ref = next((s for s in book.sheets() if s.name == record.sheet.name and s.sheet_id == record.sheet.sheet_id), None)
    if ref is not None:
        book.remove_sheet(ref)


def _revert_styles(pkg: Package, book: Book, styles: Styles, record: dict[str, Any]) -> None:
    """Cut rectxl's formats out of the styles part again when no cell uses them any more."""
    parts = [s.part for s in book.sheets() if s.part is not None]
    used = referenced_xfs(pkg, parts)
    base = int((record.get("base") or {}).get("cellXfs", 0))
    if record.get("added"):
        if used < 0:
            _remove_added_part(book, styles.part)
        return
    if used >= base:
        return
    original = revert(pkg.read(styles.part), record)
    if original is not None:
        pkg.write(styles.part, original)


def _remove_added_part(book: Book, part: str) -> None:
    pkg = book.pkg
    pkg.remove(part)
    book.remove_overrides([part])
    for rel in book.rels(book.part):
        if rel.target.lower() == part.lower():
            xml = pkg.read(rels_name(book.part))
            pkg.write(rels_name(book.part), xml[: rel.element.start] + xml[rel.element.end:])
            break


# -- records written before rectxl edited packages (openpyxl-era CLI, the Excel add-in) -----------


def _fill_xml(data: dict[str, Any], p: str) -> bytes | None:
    """A ``fill`` element from a recorded fill description (None: no fill)."""
    kind = data.get("fill_type")
    if not kind or kind == "gradient":
        return None

    def color(name: str, value: dict[str, Any] | None) -> str:
        if not value:
            return ""
        kind = value.get("type")
        v = value.get("value")
        if kind == "auto":
            text = f'auto="{1 if v else 0}"'
        elif kind in ("rgb", "theme", "indexed"):
            text = f'{kind}="{escape_attr(str(v))}"'
        else:
            return ""
        tint = value.get("tint") or 0
        if tint:
            text += f' tint="{tint}"'
        return f"<{p}{name} {text}/>"

    inner = color("fgColor", data.get("fg")) + color("bgColor", data.get("bg"))
    return (f'<{p}fill><{p}patternFill patternType="{escape_attr(str(kind))}">{inner}</{p}patternFill></{p}fill>'
            .encode())


def _clear_legacy(pkg: Package, book: Book, record: Record) -> ClearOutcome:
    """A record of an earlier rectxl: cells with their original fill (no format index), and no
    list of rectxl's sheets — so only the sheets that record always came with are removed."""
    outcome = ClearOutcome()
    styles = Styles(pkg, book)
    colors = {h.color.upper() for h in HIGHLIGHTS}
    by_sheet: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for sheet, ref, data in record.cells:
        by_sheet.setdefault(sheet, []).append((ref, data))
    for sheet, cells in by_sheet.items():
        ref_sheet = book.sheet(sheet)
        if ref_sheet is None or ref_sheet.part is None:
            continue
        xml = pkg.read(ref_sheet.part)
        wanted = [ref for ref, _ in cells if re.fullmatch(r"[A-Z]{1,3}\d+", ref)]
        try:
            spots = locate(xml, wanted)
        except ValueError:
            continue
        targets: dict[str, str | None] = {}
        for ref, data in cells:
            spot = spots.get(ref)
            if spot is None or not spot.found or not spot.s or not spot.s.isdigit():
                continue
            current = int(spot.s)
            if fill_rgb(styles.fill_of_xf(current)) not in colors:
                outcome.kept += 1
                continue
            fill = _fill_xml(data, styles.p)
            targets[ref] = str(styles.with_fill(current, styles.fill(fill) if fill else 0))
            outcome.restored += 1
        pkg.write(ref_sheet.part, restore(xml, spots, targets, set()))
    if any(styles.new.values()):
        styles.finish()
    sheets = book.sheets()
    names = [s.name for s in sheets]
    owned = [FINDINGS_SHEET] if FINDINGS_SHEET in names else []
    if record.owned:  # the Excel add-in's record names its sheets: those and no other
        owned = [name for name in record.owned if name in names]
    # the openpyxl-era CLI wrote 校验结果 followed by the four summary sheets, all at once
    elif owned:
        at = names.index(FINDINGS_SHEET)
        if names[at + 1: at + 1 + len(SUMMARY_SHEETS)] == list(SUMMARY_SHEETS):
            owned += list(SUMMARY_SHEETS)
    for name in owned:
        found = book.sheet(name)
        if found is not None:
            outcome.removed.append(name)
            book.remove_sheet(found)
    outcome.left = [n for n in SUMMARY_SHEETS if n in names and n not in owned]
    _remove_record_sheet(book, record)
    return outcome
