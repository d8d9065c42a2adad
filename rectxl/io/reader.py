"""Read a ledger file (.xlsx/.xlsm/.xls/.ods) into grids, then a ledger, through the pure core.

python-calamine does the reading (fast, and it reports merged ranges); openpyxl is only tried
when calamine cannot open an OOXML file. Every failure becomes a one-line Chinese
:class:`~rectxl.core.errors.LedgerError`.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from html import unescape
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote

import python_calamine as pc

from rectxl.core.errors import LedgerError, NoLedgerTable
from rectxl.core.grid import Grid, ledger_from_grids
from rectxl.core.legend import REST, colour_legend, colour_status
from rectxl.core.model import Ledger
from rectxl.core.names import MARKS_SHEET, RECORD_TAG
from rectxl.core.text import LazyPattern, col_index, col_letter
from rectxl.io import xmlbytes
from rectxl.io.cond_formats import colour_rules, conditional_colours, ods_colour_rule
from rectxl.io.exported import CSV_SUFFIXES, EXPORT_SUFFIXES, HTML, TEXT, XML_2003_MARK, kind_of, read_exported
from rectxl.io.fills import (
    PALETTE,
    RunColours,
    colour_of,
    colour_word,
    fill_colours,
    font_colours,
    names_colour,
    names_font_colour,
    shared_run_colours,
    theme_colours,
)
from rectxl.io.inflated import InflatedParts
from rectxl.io.limits import check_ledger_file, check_regular_file
from rectxl.io.memory import gc_paused, settle
from rectxl.io.ooxml import open_package, part_rels, sheet_parts, workbook_part
from rectxl.io.safety import inspect_package
from rectxl.io.sheet_xml import (
    OBJECT_IN_CELL,
    PICTURE_IN_CELL,
    PICTURE_OVER_CELL,
    SheetExtras,
    ShownAs,
    is_file_target,
    rich_text_cells,
    scan_sheet,
    shown_formats,
)
from rectxl.io.stray import StrayCell
from rectxl.io.word97 import LEGACY_WORD_SUFFIXES, is_legacy_word, read_legacy_word_grids

__all__ = ["LEDGER_SUFFIXES", "WORD_FILE_SUFFIXES", "WORD_LEDGER_SUFFIXES", "exported_kind", "file_sha256",
           "is_word_ledger", "read_grids", "read_ledger", "release_freed_memory", "saved_in_utf16",
           "sibling_files"]

#: .et: WPS 表格 saves in its own name what is nearly always an .xls (BIFF) inside; .ett, its
#: template, is read the same way (offices keep the ledger they fill each month as one)
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".et", ".ett")
#: a ledger kept as a Word table (:mod:`rectxl.io.docx_ledger`); in a folder (``rectxl batch``) a
#: Word document with no ledger table (a 方案, 报告, 通报) is listed as a document, not an error
WORD_LEDGER_SUFFIXES = (".docx", ".docm")
#: Word's other names: read as a Word ledger when the file is a .docx inside (renamed, or saved so
#: by WPS), else refused with the advice to save it as .docx (a binary .doc, an .rtf)
_WORD_NAMES = (".doc", ".wps", ".dot", ".dotx", ".dotm", ".wpt")
#: every name a Word document goes by: a ledger under one is told as a Word document, whatever is inside
WORD_FILE_SUFFIXES = (*WORD_LEDGER_SUFFIXES, *_WORD_NAMES)


def exported_kind(path: Path) -> str | None:
    """What exported table (:mod:`rectxl.io.exported`) ``path`` holds under a workbook's name or a
    table's own (.csv, .html, .xml), None for anything else; a FIFO or a device is refused first."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in LEDGER_SUFFIXES + EXPORT_SUFFIXES + LEGACY_WORD_SUFFIXES + (".txt",):
        return None
    check_regular_file(path, what="台账文件", folder_hint="（检查整个文件夹请用 rectxl batch）")
    kind = kind_of(path)
    if suffix == ".txt":  # Excel's 另存为 "文本文件(制表符分隔)" or "Unicode 文本": a table, else no ledger
        return kind if kind == TEXT else None
    # a .doc that is a web page: what Word's 另存为网页 and many systems' 导出Word write
    return kind if suffix not in LEGACY_WORD_SUFFIXES or kind == HTML else None


def is_word_ledger(path: Path) -> bool:
    """Whether ``path`` is read as a ledger kept as a Word table: a .docx (.docm), or a Word file
    of another name that is a .docx inside."""
    suffix = Path(path).suffix.lower()
    if suffix in WORD_LEDGER_SUFFIXES:
        return True
    if suffix not in _WORD_NAMES:
        return False
    from rectxl.io.file_kind import OOXML_WORD, OOXML_WORD_MACRO, sniff

    try:
        return sniff(Path(path)) in (OOXML_WORD, OOXML_WORD_MACRO)
    except OSError:
        return False


#: what a file's first bytes say it is, whatever its name
_ZIP, _OLE = b"PK", b"\xd0\xcf\x11\xe0"


def file_sha256(path: Path) -> str:
    import hashlib  # here, not at the top: batch alone needs it, and its import is 3 ms of every check

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sibling_files(path: Path, limit: int = 20000) -> frozenset[str]:
    """Lower-cased names (and relative paths) of the files beside the workbook, for the
    ``evidence-file-missing`` rule. Walks at most ``limit`` entries."""
    root = path.parent
    names: set[str] = set()
    for count, (dirpath, _dirs, files) in enumerate(os.walk(root)):
        if count > 200:
            break
        for name in files:
            rel = (Path(dirpath) / name).relative_to(root).as_posix().lower()
            names.add(rel)
            names.add(name.lower())
            if len(names) > limit:
                return frozenset(names)
    return frozenset(names)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise LedgerError(f"找不到文件：{path}")
    if path.is_dir():
        raise LedgerError(f"{path} 是文件夹，不是台账文件（检查整个文件夹请用 rectxl batch）")
    if path.suffix.lower() in _ARCHIVE_SUFFIXES:
        raise LedgerError(_archive_message(path))
    if path.suffix.lower() not in LEDGER_SUFFIXES + WORD_LEDGER_SUFFIXES:
        advice = ""
        if path.suffix.lower() == ".txt":
            advice = ("：其中没有表格（制表符或逗号分隔的行）；如果它是已发布通报的文字，"
                      "请用 rectxl parse-notice 把它解析回台账")
        elif path.suffix.lower() in (".csv", ".tsv", ".xml", ".fods", ".htm", ".html", ".xltx", ".xltm"):
            advice = "：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查"
        elif path.suffix.lower() in (*_WORD_NAMES, ".rtf"):
            advice = "：用 Word 表格做的台账，请在 Word 或 WPS 中打开它，另存为 .docx（Word 文档）后再检查"
        elif path.suffix.lower() in (".dps", ".dpt", ".ppt", ".pptx", ".odp"):
            raise LedgerError(f"{path.name} 是演示文稿（幻灯片，{path.suffix}），不是台账：请选择 Excel 台账再检查")
        raise LedgerError(f"{path.name} 不是 Excel 台账文件（支持 .xlsx、.xlsm、.xls、.ods、WPS 的 .et、"
                          f"业务系统导出的 .csv 和网页表格，以及 Word 表格 .docx、.doc、WPS 文字 .wps）{advice}")
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except PermissionError:
        raise LedgerError(f"没有权限读取 {path.name}：请检查文件权限，或先在 Excel 中关闭该文件") from None
    except OSError as exc:
        raise LedgerError(f"无法读取 {path.name}：{exc.strerror or exc}") from None
    if size == 0:
        raise LedgerError(f"{path.name} 是空文件（0 字节），可能保存未完成或传输损坏：请重新获取该文件")


#: archives a ledger arrives in by e-mail
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")


def _archive_message(path: Path) -> str:
    """What to do with a ledger sent inside an archive: unpack it first — naming the workbooks a
    .zip holds (their names as Windows wrote them, in GBK, when the zip does not say UTF-8)."""
    inside: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                name = info.filename
                if not info.flag_bits & 0x800:
                    try:
                        name = name.encode("cp437").decode("gb18030")
                    except (UnicodeEncodeError, UnicodeDecodeError):
                        pass
                base = name.rstrip("/").rsplit("/", 1)[-1]
                if base.lower().endswith(LEDGER_SUFFIXES) and not base.startswith(("~$", ".~")):
                    inside.append(base)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        pass
    what = f"，内有 {'、'.join(inside[:3])}" if inside else ""
    if len(inside) > 3:
        what += f" 等 {len(inside)} 个工作簿"
    return f"{path.name} 是压缩包{what}：请先解压，再检查解压出的台账（检查整个文件夹请用 rectxl batch）"


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of the workbook at ``path`` as a :class:`Grid` (absolute coordinates)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if is_word_ledger(path):
        return _docx_grids(path)
    if (exported := exported_kind(path)) is not None:
        return read_exported(path, exported)
    if is_legacy_word(path):  # a Word 97 .doc or a WPS .wps: converted by LibreOffice, or told to save .docx
        check_regular_file(path, what="台账文件", folder_hint="（检查整个文件夹请用 rectxl batch）")
        return read_legacy_word_grids(path)
    parts = InflatedParts()  # the package opened, each sheet's XML inflated, once for the scans below
    try:
        check_ledger_file(path, parts)  # not a regular file, a non-UTF-8 name, a Word document, stray cells
        _check_file(path)
        inspect_package(path, parts)
        kind = _package_kind(path, parts)
        if kind == "ooxml" and _has_utf16_parts(path, parts):
            parts.close()
            return _read_as_utf8(path)
        extras = _sheet_extras(path, parts) if kind == "ooxml" else {}
        renamed = kind == "ooxml" and _needs_standard_names(path, parts)
        strays = _strays(path, parts) if kind == "ooxml" else {}
        strays, copy = _ods_strays(path, parts) if kind == "ods" else (strays, None)
        if kind == "ooxml" and strays:
            copy = _without_strays(path, renamed, strays)
        elif kind == "":
            strays, copy = _xls_strays(path)
    finally:
        parts.close()  # the XML is not held while calamine parses
    try:
        wb = _open_workbook(path, suffix, kind, renamed, copy)
    except pc.PasswordError:
        where = "LibreOffice 或 WPS" if kind == "ods" else "Excel"
        raise LedgerError(f"{path.name} 设有打开密码（已加密）：请在 {where} 中取消密码后另存，再检查") from None
    except Exception as exc:  # calamine raises several types for broken files
        raise LedgerError(_describe_unreadable(path, exc)) from None
    except BaseException as exc:  # calamine's panic on a damaged part (pyo3's PanicException)
        raise _unreadable_or_reraise(path, exc) from None
    grids: list[Grid] = []
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = wb.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            grids.append(Grid(
                name=meta.name,
                rows=rows,
                merges=merges,
                hidden=meta.visible != pc.SheetVisibleEnum.Visible,
                very_hidden=meta.visible == pc.SheetVisibleEnum.VeryHidden,
                strays=tuple((c.ref, c.text) for c in strays.get(meta.name, ())),
            ))
    except Exception as exc:
        raise LedgerError(_describe_unreadable(path, exc)) from None
    except BaseException as exc:
        raise _unreadable_or_reraise(path, exc) from None
    finally:
        wb.close()
    if extras:
        _add_sheet_extras(grids, extras)
    elif kind == "ods":
        _add_ods_layout(path if copy is None else copy, grids)
    elif kind == "":
        _add_xls_extras(path, grids)
    if kind == "ooxml":
        _add_fills(path, grids)
    return grids


def _docx_grids(path: Path) -> list[Grid]:
    """A ledger kept as a Word table (:mod:`rectxl.io.docx_ledger`), after the guards a notice's
    .docx goes through (a regular file, no zip bomb)."""
    from rectxl.io.docx_ledger import read_docx_grids  # python-docx: only a Word ledger needs it
    from rectxl.io.limits import check_notice_file

    check_regular_file(path, what="台账文件", folder_hint="（检查整个文件夹请用 rectxl batch）")
    check_notice_file(path)
    return read_docx_grids(path)


def _unreadable_or_reraise(path: Path, exc: BaseException) -> BaseException:
    """What to raise for ``exc`` out of calamine: a panic of its Rust code on a damaged part
    (pyo3's ``PanicException``, a BaseException) is an unreadable file, said in one Chinese line
    like any other (it had ended ``rectxl check`` with a Rust backtrace); an interrupt is itself."""
    if type(exc).__name__ == "PanicException":
        return LedgerError(_describe_unreadable(path, Exception(str(exc))))
    return exc


def _package_kind(path: Path, parts: InflatedParts) -> str:
    """"ooxml" (.xlsx/.xlsm), "ods" or "" (BIFF, or not a package) — by content, not by name: an
    .xlsx sent as .xls or .et has its error cells, hidden columns and formulas read all the same."""
    with path.open("rb") as fh:
        if fh.read(2) != _ZIP:
            return ""
    try:
        names = set(parts.zip(path).namelist())
    except (zipfile.BadZipFile, OSError):
        return ""
    if "[Content_Types].xml" in names or "/[Content_Types].xml" in names:
        return "ooxml"
    return "ods" if "content.xml" in names else ""


def _needs_standard_names(path: Path, parts: InflatedParts) -> bool:
    from rectxl.io.part_names import needs_standard_names

    try:
        return needs_standard_names(parts.zip(path))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return False


def _strays(path: Path, parts: InflatedParts) -> dict[str, list[StrayCell]]:
    """Sheet name → the stray cells the guards found far outside its data (nearly always none)."""
    if not any(parts.strays.values()):
        return {}
    by_part = {part: name for name, part in parts.sheets(parts.zip(path)).items()}
    return {by_part[part]: cells for part, cells in parts.strays.items() if cells and part in by_part}


def _ods_strays(path: Path, parts: InflatedParts) -> tuple[dict[str, list[StrayCell]], IO[bytes] | None]:
    """The stray cells of an .ods by sheet name (:func:`rectxl.io.stray.ods_strays`) and a copy
    without them for calamine (None: there are none); refuses one whose far cells are many."""
    from rectxl.io.stray import MAX_PART, ods_may_stray, ods_strays, ods_without_cells

    try:
        zf = parts.zip(path)
        info = zf.getinfo("content.xml")
        if info.file_size > MAX_PART:
            return {}, None
        with parts.open(zf, info) as fh:
            xml = fh.read(MAX_PART + 1)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}, None  # the reader says what is wrong with it
    if len(xml) > MAX_PART or not ods_may_stray(xml):
        return {}, None
    found = ods_strays(xml)
    if found is None:
        raise LedgerError(
            f"{path.name} 的数据区域过大：工作表中远离数据的地方还有大量单元格，多半是误粘贴留下的；"
            "请在 LibreOffice 或 WPS 中删除多余的行和列后保存，再检查")
    return (found, ods_without_cells(zf, xml, found)) if found else ({}, None)


def _xls_strays(path: Path) -> tuple[dict[str, list[StrayCell]], IO[bytes] | None]:
    """The stray cells of an .xls by sheet name (:func:`rectxl.io.biff.xls_strays`) and a copy
    whose records of them calamine skips (None: there are none)."""
    import io

    from rectxl.io.biff import xls_strays

    found, data = xls_strays(path)
    if data is None:
        return {}, None
    named = {name: [StrayCell(ref, 0, 0, text) for ref, text in cells] for name, cells in found.items()}
    return named, io.BytesIO(data)


def _open_workbook(path: Path, suffix: str, kind: str = "", renamed: bool = True,
                   copy: IO[bytes] | None = None) -> pc.CalamineWorkbook:
    """The workbook as its content says, not its name: calamine picks its reader by the
    extension, and offices send .xlsx files named .xls, .xls files named .xlsx, .ods files named
    .xlsx, and WPS's .et (an .xls inside). A name that disagrees with the content is read by
    content. A package whose workbook or shared strings are not where calamine looks (their names
    are the relationships' to choose) is read from a copy with the usual names
    (:func:`rectxl.io.part_names.standard_copy`) — ``renamed``: whether the scans found it so
    (True when not known)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if copy is not None:  # the package without its stray cells (rectxl.io.stray)
        return pc.CalamineWorkbook.from_filelike(copy)
    if kind == "ooxml" and renamed:
        from rectxl.io.part_names import standard_copy

        copy = standard_copy(path)
        if copy is not None:
            return pc.CalamineWorkbook.from_filelike(copy)
    by_name = {".xlsx": _ZIP, ".xlsm": _ZIP, ".ods": _ZIP, ".xls": _OLE}.get(suffix)
    agrees = {".xlsx": "ooxml", ".xlsm": "ooxml", ".ods": "ods"}.get(suffix, kind) == kind
    if by_name is not None and head.startswith(by_name) and agrees:
        return pc.CalamineWorkbook.from_path(str(path))
    with path.open("rb") as fh:
        return pc.CalamineWorkbook.from_filelike(fh)


def _without_strays(path: Path, renamed: bool, strays: Mapping[str, list[StrayCell]]) -> IO[bytes]:
    """A copy of the package at ``path`` without its stray cells (and with the usual part names
    when ``renamed``): the user's file is never changed."""
    from rectxl.io.part_names import standard_copy
    from rectxl.io.stray import without_cells

    copy = standard_copy(path) if renamed else None
    with zipfile.ZipFile(copy) if copy is not None else open_package(path) as zf:
        by_name = sheet_parts(zf)
        return without_cells(zf, {by_name[name]: cells for name, cells in strays.items() if name in by_name})


def _sheet_extras(path: Path, parts: InflatedParts) -> dict[str, SheetExtras]:
    """What calamine does not report (:mod:`rectxl.io.sheet_xml`), by sheet name: Excel error
    values, uncomputed formula cells, hidden columns, year-like numbers shown with fixed
    decimals and dates shown without their day (of an .xlsb, the last two:
    :mod:`rectxl.io.xlsb`)."""
    found: dict[str, SheetExtras] = {}
    try:
        zf = parts.zip(path)
        from rectxl.io.xlsb import xlsb_extras, xlsb_workbook  # small; an .xlsb alone needs it

        book = xlsb_workbook(zf)
        if book is not None:  # an .xlsb: its records, not XML
            return xlsb_extras(zf, book)
        shown = _shown_formats(zf)
        placeholders, date1904 = _workbook_flags(zf)
        names: dict[str, str] | None = None
        for name, part in parts.sheets(zf).items():
            with parts.open(zf, zf.getinfo(part)) as fh:
                found[name] = scan_sheet(fh, shown, zero_is_placeholder=placeholders, date1904=date1904)
            if any(_NAMED.fullmatch(source) for _, source, _ in found[name].lists):
                names = _defined_names(zf) if names is None else names
                found[name].lists = [(boxes, names.get(source.lstrip("=").casefold(), source), strict)
                                     for boxes, source, strict in found[name].lists]
            found[name].links.update(_file_links(zf, parts, part))  # over a HYPERLINK formula's
            found[name].pictures = {**_floating_pictures(zf, part), **_embedded_objects(zf, parts, part)}
            found[name].totals = _totals_rows(zf, part)
            found[name].pivots = _pivot_cells(zf, part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return found
    return found


_HYPERLINK = re.compile(rb"""<(?:[\w.-]+:)?hyperlink\b[^>]*?>""")
_LINK_REF = re.compile(rb"""\sref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)""")
_LINK_ID = re.compile(rb"""\s[\w.-]+:id\s*=\s*["']([^"']+)["']""")


def _after_cells(zf: zipfile.ZipFile, parts: InflatedParts, part: str) -> tuple[bytes, int]:
    """The sheet at ``part`` and where its cells end: what follows them (hyperlinks, embedded
    objects) is looked for from there."""
    with parts.open(zf, zf.getinfo(part)) as fh:
        xml = fh.read()
    return xml, max(0, xml.rfind(b"sheetData>"))


def _from_cell(anchor: bytes) -> str | None:
    """A1 of the cell an anchor's ``from`` names (its top-left corner's cell)."""
    cell = _FROM_CELL.search(anchor)
    return None if cell is None else f"{col_letter(int(cell.group(1)))}{int(cell.group(2)) + 1}"


def _file_links(zf: zipfile.ZipFile, parts: InflatedParts, part: str) -> dict[str, str]:
    """Cell (A1) → the file its hyperlink opens, for the sheet at ``part``: read only when the
    sheet has a hyperlink relationship (a link to a file always has one)."""
    rels = {rid: target for rid, (kind, target) in part_rels(zf, part).items() if kind == "hyperlink"
            and is_file_target(target)}
    if not rels:
        return {}
    xml, after = _after_cells(zf, parts, part)
    links: dict[str, str] = {}
    for m in _HYPERLINK.finditer(xml, after):
        ref, rid = _LINK_REF.search(m.group()), _LINK_ID.search(m.group())
        if ref is not None and rid is not None and rid.group(1).decode() in rels:
            links[(ref.group(1) + ref.group(2)).decode()] = unquote(rels[rid.group(1).decode()])
    return links


#: a drawing's anchor of a cell (anchors do not nest); it anchors a picture when it holds an ``xdr:pic``
#: (not a chart, a shape or a text box)
_CELL_ANCHOR = re.compile(rb"<(?:[\w.-]+:)?(?:two|one)CellAnchor\b.*?</(?:[\w.-]+:)?(?:two|one)CellAnchor\s*>", re.S)
_PICTURE = re.compile(rb"<(?:[\w.-]+:)?pic>")
_FROM_CELL = re.compile(rb"<(?:[\w.-]+:)?from>\s*<(?:[\w.-]+:)?col>\s*(\d+)\s*<.*?<(?:[\w.-]+:)?row>\s*(\d+)\s*<", re.S)
#: a drawing larger than this is not looked into (a sheet of pictures, not a ledger's screenshots)
_DRAWING_LIMIT = 8 << 20


def _floating_pictures(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Cell (A1) → :data:`PICTURE_OVER_CELL` for each cell of the sheet at ``part`` a floating
    picture has its top-left corner in (a screenshot pasted over a 佐证材料 cell)."""
    drawings = [t for kind, t in part_rels(zf, part).values() if kind == "drawing" and t in zf.NameToInfo]
    found: dict[str, str] = {}
    for target in drawings:
        if zf.getinfo(target).file_size > _DRAWING_LIMIT:
            continue
        try:
            xml = zf.read(target)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            continue
        for anchor in _CELL_ANCHOR.finditer(xml):
            cell = _from_cell(anchor.group())
            if cell is not None and _PICTURE.search(anchor.group()) is not None:
                found[cell] = PICTURE_OVER_CELL
    return found


#: an embedded object of a sheet (``<oleObjects>``), where it has content: its ``objectPr``'s anchor
_OLE_OBJECT = re.compile(rb"<(?:[\w.-]+:)?oleObject\b[^>]*(?<!/)>.*?</(?:[\w.-]+:)?oleObject\s*>", re.S)


def _embedded_objects(zf: zipfile.ZipFile, parts: InflatedParts, part: str) -> dict[str, str]:
    """Cell (A1) → :data:`OBJECT_IN_CELL` for each cell of the sheet at ``part`` an embedded file's
    icon (插入 → 对象: a scanned PDF in the 佐证材料 cell) has its top-left corner in; read only
    when the sheet's relationships hold an embedding."""
    if not any(kind in ("oleObject", "package") for kind, _ in part_rels(zf, part).values()):
        return {}
    xml, after = _after_cells(zf, parts, part)
    cells = (_from_cell(obj.group()) for obj in _OLE_OBJECT.finditer(xml, after))
    return {cell: OBJECT_IN_CELL for cell in cells if cell is not None}


_RANGE = LazyPattern(r"\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)")


#: the most cells a table's totals rows or a pivot table's location are taken to cover (a ledger's
#: have a few hundred; the set of them is built cell by cell): a larger span is a damaged or crafted
#: part, passed over
_SPAN_CELLS_MAX = 200_000


def _related_spans(zf: zipfile.ZipFile, part: str, kind: str, element: str,
                   size: int) -> Iterator[tuple[bytes, int, int, int, int]]:
    """The parts of ``kind`` related to the sheet at ``part`` (its tables, its pivot tables) that
    are at most ``size`` bytes: the attributes of each one's ``element`` holding a ``ref`` range,
    and that range as 0-based first row, first column, last row, last column."""
    for found, target in part_rels(zf, part).values():
        if found != kind or target not in zf.NameToInfo or zf.getinfo(target).file_size > size:
            continue
        try:
            at = xmlbytes.first(zf.read(target), element)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            continue
        span = _RANGE.fullmatch((xmlbytes.attr(at.attrs, "ref") or "").strip().upper()) if at else None
        if at is not None and span is not None:
            yield (at.attrs, int(span.group(2)) - 1, col_index(span.group(1)), int(span.group(4)) - 1,
                   col_index(span.group(3)))


def _cells(top: int, left: int, bottom: int, right: int) -> set[tuple[int, int]]:
    """The cells of a range (0-based, inclusive), none for one of more than :data:`_SPAN_CELLS_MAX`."""
    if (bottom - top + 1) * (right - left + 1) > _SPAN_CELLS_MAX:
        return set()
    return {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}


def _totals_rows(zf: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """The cells (0-based) of the totals rows of the Excel tables (ListObjects) on the sheet at
    ``part``: the last ``totalsRowCount`` rows of each table's range. A totals row holds the
    table's SUBTOTAL of a column and at most a label (汇总, 合计, or none): no measure."""
    cells: set[tuple[int, int]] = set()
    for attrs, top, left, bottom, right in _related_spans(zf, part, "table", "table", 1 << 20):
        count = xmlbytes.attr(attrs, "totalsRowCount")
        if count and count.isdigit() and int(count) >= 1:
            cells |= _cells(max(top, bottom - int(count) + 1), left, bottom, right)
    return cells


def _pivot_cells(zf: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """The cells (0-based) of the pivot tables (数据透视表) on the sheet at ``part``: each one's
    ``location`` range. A pivot table counts the ledger's rows ("责任单位 | 整改状态 | 计数项:整改
    措施", laid out as a table): it is never the ledger itself."""
    cells: set[tuple[int, int]] = set()
    for _, top, left, bottom, right in _related_spans(zf, part, "pivotTable", "location", 4 << 20):
        cells |= _cells(top, left, bottom, right)
    return cells


#: ``<calcPr … fullCalcOnLoad="1">``: the writer asks Excel to compute every formula on opening
_FULL_CALC = re.compile(rb"""<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']""")
#: ``<workbookPr date1904="1"/>``: the workbook's dates count from 1904 (Excel for Mac)
_DATE_1904 = re.compile(rb"""<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']""")


#: a list's source that is a defined name (名称管理器: ``=状态选项``), not a cell reference
_NAMED = re.compile(r"=?(?![A-Za-z]{1,3}\d+$)[^\W\d][\w.]*")
_DEFINED_NAME = re.compile(rb"<(?:[\w.-]+:)?definedName\b([^>]*)>([^<]*)<")


def _defined_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """The workbook's defined names (casefolded) that name a range of cells → the range
    (``选项!$A$1:$A$3``); a name of one sheet's own (``localSheetId``) is left out."""
    book = workbook_part(zf)
    if book is None or book not in zf.NameToInfo:
        return {}
    try:
        with zf.open(book) as fh:
            head = fh.read(1 << 22)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}
    out: dict[str, str] = {}
    for m in _DEFINED_NAME.finditer(head):
        attrs = dict(re.findall(rb"""([\w:.-]+)\s*=\s*["']([^"']*)["']""", m.group(1)))
        if b"localSheetId" in attrs or b"name" not in attrs:
            continue
        out[unescape(attrs[b"name"].decode("utf-8", "replace")).casefold()] = unescape(
            m.group(2).decode("utf-8", "replace")).strip()
    return out


def _workbook_flags(zf: zipfile.ZipFile) -> tuple[bool, bool]:
    """Whether the workbook asks Excel to compute every formula when it is opened
    (``fullCalcOnLoad``), as the writers that compute nothing do — xlsxwriter (pandas' engine)
    stores 0 as every formula's result, openpyxl none; Excel and WPS drop the flag when they
    save, having computed the results — and whether its dates count from 1904."""
    book = workbook_part(zf)
    if book is None or book not in zf.NameToInfo:
        return False, False
    try:
        with zf.open(book) as fh:
            head = fh.read(1 << 20)  # calcPr comes after the sheets and names
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False, False
    return _FULL_CALC.search(head) is not None, _DATE_1904.search(head) is not None


def _shown_formats(zf: zipfile.ZipFile) -> dict[int, ShownAs]:
    """The cell formats of the workbook whose numbers are read as they show (:func:`shown_formats`),
    read from the styles part the workbook's relationships name."""
    book = workbook_part(zf)
    target = next((t for kind, t in part_rels(zf, book).values() if kind == "styles"), None) if book else None
    if target is None or target not in zf.NameToInfo:
        return {}
    try:
        return shown_formats(zf.read(target))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}


#: how many rows at the top (title, notes, header) and at the foot of a sheet a colour legend is
#: looked for in
_LEGEND_ROWS = 20


def _legend_texts(grid: Grid) -> list[str]:
    """The texts of the first and last :data:`_LEGEND_ROWS` rows of ``grid``, where a legend is written."""
    return [v for row in (*grid.rows[:_LEGEND_ROWS], *grid.rows[_LEGEND_ROWS:][-_LEGEND_ROWS:]) for v in row
            if isinstance(v, str)]


def _legend_kind(grid: Grid) -> str | None:
    """What the legend among ``grid``'s first or last rows keys its statuses by: "font" (its text
    names a font colour: "红色字体为未完成事项"), "either" (only "标红的为未完成": the font's colour
    or the fill's), "fill" (it names a colour: "已完成的标注绿色…"), None (it names none)."""
    texts = _legend_texts(grid)
    # (a text naming a font colour keys a status by it: "白纸黑字" in a measure's text is no legend)
    kinds = {kind for v in texts if (kind := names_font_colour(v)) is not None and colour_legend([v])}
    # (a legend the ledger's reader keys, however it names its colours — "已完成（绿）" —, has them read)
    fill = any((names_colour(v) or colour_legend([v])) and names_font_colour(v) is None for v in texts)
    if kinds:
        return "font" if kinds == {"font"} and not fill else "either"
    return "fill" if fill else None


def _add_fills(path: Path, grids: list[Grid]) -> None:
    """The fill colours of the sheets whose first or last rows name a colour ("说明：已完成的标注
    绿色…"), by the colours' words (:attr:`Grid.fills`) — their font colours instead when the legend
    names the font's ("红色字体为未完成事项"; both, the fill first, for a bare "标红的…"): without a
    legend a ledger's colours mean nothing rectxl can read, and looking for them costs another pass
    over the sheet's XML — so only such a sheet pays it, after the read."""
    named = {g.name: kind for g in grids if (kind := _legend_kind(g)) is not None}
    if not named:
        for grid in grids:
            grid.fills_read = True  # (no legend to read them by: nothing to say of them either)
        return
    try:
        with open_package(path) as zf:
            book = workbook_part(zf)
            if book is None or book.endswith(".bin"):
                from rectxl.io.xlsb import xlsb_workbook

                if (binary := xlsb_workbook(zf)) is not None:  # an .xlsb: the colours its records keep
                    _add_xlsb_colours(zf, binary, grids, named)
                return
            for grid in grids:
                grid.fills_read = True  # (an .xlsx keeps its fills where rectxl reads them)
            targets = {kind: t for kind, t in (part_rels(zf, book) if book else {}).values() if t in zf.NameToInfo}
            if "styles" not in targets:
                return
            theme = zf.read(targets["theme"]) if "theme" in targets else None
            styles = zf.read(targets["styles"])
            fills = fill_colours(styles, theme)
            fonts = font_colours(styles, theme)
            by_kind = {"fill": fills, "font": fonts, "either": {**fonts, **fills}}
            theme_rgb = theme_colours(theme)
            shared: dict[int, RunColours] | None = None
            by_fill: set[str] = set()  # the sheets whose fills are read (rectxl's marks are fills)
            parts = sheet_parts(zf)
            for grid in grids:
                kind = named.get(grid.name)
                if kind is None or (part := parts.get(grid.name)) is None or part not in zf.NameToInfo:
                    continue
                if by_kind[kind]:
                    with zf.open(part) as fh:
                        grid.fills = scan_sheet(fh, fills=by_kind[kind]).fills
                    grid.colours_by_font = kind != "fill"
                # the colours its conditional formats show, over the cells' own (as Excel shows them)
                shown = _conditional_colours(zf, part, styles, theme_rgb, grid)
                if kind != "font":
                    grid.fills = {**grid.fills, **shown["font"], **shown["fill"]} if kind == "either" else {
                        **grid.fills, **shown["fill"]}
                if kind == "fill" and _fonts_instead(grid, grid.fills):
                    kind, grid.fills = "font", {}
                    if fonts:
                        with zf.open(part) as fh:
                            grid.fills = scan_sheet(fh, fills=fonts).fills
                    grid.colours_by_font = True
                if kind == "font":
                    grid.fills = {**grid.fills, **shown["font"]}
                    grid.colours_by_font = grid.colours_by_font or bool(shown["font"])
                grid.conditional_unread = tuple(shown["unread"])
                if kind != "font":
                    by_fill.add(grid.name)
                if kind != "fill" and shared is None:
                    shared = _rich_shared(zf, targets.get("sharedStrings"), theme_rgb)
                # (part of a cell's text typed in a colour: the runs of its rich text keep their fonts)
                if kind != "fill" and (shared or _has_inline_runs(zf, part)):
                    with zf.open(part) as fh:
                        rich = rich_text_cells(fh, shared or {}, theme_rgb)
                    if rich:
                        grid.fills = _with_run_colours(grid.fills, rich, fonts, fills if kind == "either" else {},
                                                       shown["fill"] if kind == "either" else {})
                        grid.colours_by_font = True
                if kind == "either" and grid.colours_by_font:
                    # "标绿色的为已完成" reads fonts and fills alike: the statuses are keyed by the fonts'
                    # colours only when a colour the legend keys is a font's (LibreOffice gives every font
                    # its black, and splits "稽核药店38家" into runs, each in it)
                    with zf.open(part) as fh:
                        filled = {**(scan_sheet(fh, fills=fills).fills if fills else {}), **shown["fill"]}
                    legend = colour_legend(_legend_texts(grid))
                    grid.colours_by_font = any(place not in filled and colour_status(legend, word) is not None
                                               for place, word in grid.fills.items())
            if (record := next((g for g in grids if _is_marks_record(g)), None)) is not None:
                _own_marks_undone([g for g in grids if g.name in by_fill], record, theme_rgb)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return


def _conditional_colours(zf: zipfile.ZipFile, part: str, styles: bytes, theme_rgb: list[str],
                         grid: Grid) -> dict[str, Any]:
    """The colour words the conditional formats of the sheet ``part`` show on ``grid``'s cells, as
    fills ("fill") and as font colours ("font") — evaluated on the cells' values and today's date
    as Excel would show them when the clerk opens the file —, and the rules that colour cells but
    could not be evaluated ("unread", said by the check rather than read as no colour)."""
    empty: dict[str, Any] = {"fill": {}, "font": {}, "unread": []}
    xml = zf.read(part)
    if b"conditionalFormatting" not in xml:
        return empty
    rules = colour_rules(xml, styles, lambda attrs: colour_of(attrs, theme_rgb))
    return _evaluated(rules, grid) if rules else empty


def _evaluated(rules: list[Any], grid: Grid) -> dict[str, Any]:
    """The colours ``rules`` show on ``grid``'s cells today (:func:`_conditional_colours`)."""
    rows = grid.rows
    cols = max((len(row) for row in rows), default=0)

    def value(r: int, c: int) -> Any:
        return rows[r][c] if r < len(rows) and c < len(rows[r]) else ""

    today = date.today()
    fill, unread = conditional_colours(rules, value, today, rows=len(rows), cols=cols)
    font, unread_font = conditional_colours(rules, value, today, by_font=True, rows=len(rows), cols=cols)
    return {"fill": fill, "font": font, "unread": list(dict.fromkeys([*unread, *unread_font]))}


def _ods_style_colours(path: Path | IO[bytes]) -> tuple[dict[str, str], dict[str, str]]:
    from rectxl.io.ods import ods_style_colours

    try:
        return ods_style_colours(path)
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}, {}


def _ods_conditional_colours(conditions: list[Any], styles: tuple[dict[str, str], dict[str, str]],
                             grid: Grid) -> dict[str, Any]:
    """:func:`_conditional_colours` of an .ods: its conditions (:attr:`OdsSheet.conditions`) with the
    colours of the named styles they apply (``styles``: background, font words)."""
    rules = []
    for priority, (value, style, ranges, base) in enumerate(conditions):
        fill, font = styles[0].get(style), styles[1].get(style)
        if value == "colorScale":
            fill = ""
        rules.append(ods_colour_rule(value, ranges, base, fill, font, priority))
    return _evaluated(rules, grid)


#: a legend's words saying its colours are the cells' fills, not their fonts
_FILL_WORDS = ("底", "填充", "背景")


def _fonts_instead(grid: Grid, found: Mapping[tuple[int, int], str]) -> bool:
    """The legend of ``grid`` names colours without saying of what ("红色标注的为未完成", "红色加粗
    的为未完成", "黄色为正在推进") and no cell is filled in one it keys (``found``: the fills): the
    clerk typed them — the fonts' colours are read."""
    texts = _legend_texts(grid)
    if any(word in text for text in texts for word in _FILL_WORDS):
        return False
    legend = colour_legend(texts)
    return bool(set(legend) - {REST}) and not any(colour_status(legend, w) is not None for w in set(found.values()))


def _is_marks_record(grid: Grid) -> bool:
    """``grid`` is rectxl's record of its marks (the very hidden sheet annotate and 标记问题 write)."""
    rows = grid.rows
    return (len(rows) > 1 and [str(v) for v in rows[0][:3]] == ["sheet", "cell", "original_fill"]
            and (grid.name.startswith(MARKS_SHEET) or rows[1][:1] == [RECORD_TAG]))


def _own_marks_undone(grids: list[Grid], record: Grid, theme: list[str]) -> None:
    """The fills of the cells rectxl marked (``record``) on the sheets ``grids`` whose fills are
    read, as the clerk had them: a cell still in
    rectxl's highlight is read in its recorded original fill — rectxl's orange on a missing 责任人
    is no clerk's colour keying a status (a row of a ledger marked, then checked again, had read
    橙 as 黄 or 红); a cell the clerk re-coloured since keeps the clerk's colour."""
    import json

    by_name = {g.name: g for g in grids}
    for row in record.rows[1:]:
        row = [*row, "", "", ""][:3]
        grid = by_name.get(str(row[0]))
        ref = re.fullmatch(r"([A-Z]{1,3})([1-9]\d*)", str(row[1]))
        if grid is None or ref is None or not isinstance(row[2], str):
            continue
        try:
            data = json.loads(row[2])
        except ValueError:
            continue
        at = (int(ref.group(2)) - 1, col_index(ref.group(1)))
        if not isinstance(data, dict) or at not in grid.fills or not isinstance(data.get("h"), str):
            continue
        if grid.fills[at] != colour_word(data["h"][-6:]):
            continue  # (re-coloured by the clerk since)
        fills = dict(grid.fills)
        if (word := _recorded_fill_word(data, theme)) is None:
            del fills[at]
        else:
            fills[at] = word
        grid.fills = fills


def _recorded_fill_word(data: Mapping[str, object], theme: list[str]) -> str | None:
    """The colour word of a mark's recorded original fill (``fill_type``, ``fg``: rgb, theme with
    tint, or indexed), None for no fill."""
    fg = data.get("fg")
    if data.get("fill_type") in (None, "none", "gray125") or not isinstance(fg, dict):
        return None
    kind, value = fg.get("type"), fg.get("value")
    tint = fg.get("tint") if isinstance(fg.get("tint"), int | float) else 0.0
    if kind == "rgb" and isinstance(value, str) and len(value) >= 6:
        return colour_word(value[-6:])
    if kind == "theme" and isinstance(value, int) and 0 <= value < len(theme) and theme[value]:
        return colour_word(theme[value], float(tint or 0.0))
    if kind == "indexed" and isinstance(value, int) and 0 <= value < len(PALETTE):
        return colour_word(PALETTE[value])
    return None


def _rich_shared(zf: zipfile.ZipFile, part: str | None, theme: list[str]) -> dict[int, RunColours]:
    """The rich-text shared strings of the workbook whose runs have fonts of their own, by index."""
    if part is None or part not in zf.NameToInfo:
        return {}
    shared = zf.read(part)
    # (without a run's properties, ``rPr``, no run has a colour of its own)
    return shared_run_colours(shared, theme) if b"rPr" in shared else {}


def _has_inline_runs(zf: zipfile.ZipFile, part: str) -> bool:
    """The sheet holds an inline string with runs of their own fonts (WPS writes its text inline)."""
    with zf.open(part) as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            if b"rPr" in tail + chunk[:3]:
                return True
            if b"rPr" in chunk:
                return True
            tail = chunk[-2:]
    return False


def _with_run_colours(colours: Mapping[tuple[int, int], str],
                      rich: Mapping[tuple[int, int], tuple[int | None, RunColours]],
                      fonts: Mapping[int, str], fills: Mapping[int, str],
                      shown: Mapping[tuple[int, int], str] | None = None) -> dict[tuple[int, int], str]:
    """The cells' font colours ``colours`` (by their formats) with those of the rich-text cells
    ``rich`` read from their runs: a cell with part of its text typed red is red, whatever its
    format's font (a cell filled with a colour, under a legend that reads fills too, keeps its fill
    — its format's, or the one a conditional format shows on it, ``shown``: LibreOffice saves
    "稽核药店38家" as runs, one per script, each in the font's black)."""
    found = dict(colours)
    for place, (style, runs) in rich.items():
        if (style is not None and style in fills) or (shown and place in shown):
            continue
        word = runs.word(fonts.get(style or 0))
        if word is None:
            found.pop(place, None)
        else:
            found[place] = word
    return found


def _add_lists(grids: list[Grid], extras: dict[str, SheetExtras]) -> None:
    """Each sheet's drop-down lists as their words (:attr:`Grid.lists`): a list typed in
    (``"已整改,整改中,未整改"``) or the cells it names, on its own sheet or another
    (``选项!$A$1:$A$3``); a list from a defined name or a function is not worked out."""
    by_name = {grid.name: grid for grid in grids}
    for grid in grids:
        found = extras.get(grid.name)
        if found is None or not found.lists:
            continue
        lists: list[tuple[int, int, int, int, tuple[str, ...], bool]] = []
        for boxes, source, strict in found.lists:
            words = _list_words(source, grid, by_name)
            if words:
                lists.extend((*box, words, strict) for box in boxes)
        grid.lists = tuple(lists)


#: a list's source naming cells: ``$L$1:$L$5``, ``选项!$A$1:$A$3``, ``'状态 选项'!A1:A5``, a whole
#: column (``选项!$A:$A``: its rows left out)
_LIST_RANGE = LazyPattern(r"=?(?:(?:'((?:[^']|'')+)'|([^'!:$\s]+))!)?"
                         r"\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?", re.IGNORECASE)
#: cells of a list's range looked at, at most (a column named down to row 1048576 has few filled)
_LIST_CELLS = 1000


_LIST_COMMA = re.compile("[,，]")


def _list_words(source: str, grid: Grid, by_name: dict[str, Grid]) -> tuple[str, ...]:
    """The words of a drop-down list's source (nothing when it cannot be worked out)."""
    if source.startswith('"') and source.endswith('"') and len(source) > 1:
        # a comma typed full-width (完成，推进中: Chinese input left on) parts the words as WPS
        # reads it; Excel would show one word, which no clerk meant
        words = _LIST_COMMA.split(source[1:-1].replace('""', '"'))
    elif (m := _LIST_RANGE.fullmatch(source)) is not None:
        name = m.group(1).replace("''", "'") if m.group(1) else m.group(2)
        sheet = by_name.get(name) if name else grid
        if sheet is None:
            return ()
        whole = m.group(4) is None  # $A:$A — a whole column (as $A$1:$A$1048576 is, nearly)
        if whole != (m.group(5) is not None and m.group(6) is None):
            return ()  # A1:B (half a range) or A (no range): not a list's cells
        r0, c0 = 0 if whole else int(m.group(4)) - 1, col_index(m.group(3).upper())
        r1 = len(sheet.rows) - 1 if whole else int(m.group(6)) - 1 if m.group(6) else r0
        c1 = col_index(m.group(5).upper()) if m.group(5) else c0
        # the rows the sheet has (a range named down to row 1048576 holds its few words at the top)
        r1 = min(r1, len(sheet.rows) - 1)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > _LIST_CELLS:
            return ()
        words = [str(sheet.value(r, c)) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                 if sheet.value(r, c) is not None]
    else:
        return ()
    return tuple(dict.fromkeys(w.strip() for w in words if w.strip()))


def _add_sheet_extras(grids: list[Grid], extras: dict[str, SheetExtras]) -> None:
    """Put what :func:`_sheet_extras` found back onto the grids: error values into the cells, a
    year-like number shown with fixed decimals as the text it shows ("2025.10"), a picture in a
    cell as :data:`PICTURE_IN_CELL` (whatever its formula cached, even nothing)."""
    for grid in grids:
        found = extras.get(grid.name)
        if found is None:
            continue
        anchor = _MergeAnchors(grid, found)
        pictures = [(anchor(at), text) for at, text in found.shown.items() if text == PICTURE_IN_CELL]
        for (r, c), value in (*found.errors.items(), *pictures):
            _put(grid, r, c, value)
        for (r, c), day in found.dates.items():  # a date calamine counted from the wrong day 0
            if r < len(grid.rows) and c < len(grid.rows[r]) and isinstance(grid.rows[r][c], float | int | date):
                grid.rows[r][c] = day
        for (r, c), text in found.shown.items():  # a year-like number, a month, as its format shows it
            # (an .xlsb's whole number — an RK — calamine gives as an int, whatever its format)
            if (r < len(grid.rows) and c < len(grid.rows[r]) and isinstance(grid.rows[r][c], float | int | str | date)
                    and not isinstance(grid.rows[r][c], bool)):
                grid.rows[r][c] = text
        for r, c in (*found.totals, *found.pivots):  # a table's totals row, a pivot table: counts, no measure
            if r < len(grid.rows) and c < len(grid.rows[r]):
                grid.rows[r][c] = ""
        for r, c in found.today:  # =TODAY(): read as a date left blank is, today (not the day cached)
            if r < len(grid.rows) and c < len(grid.rows[r]) and isinstance(grid.rows[r][c], float | int | date):
                grid.rows[r][c] = ""
        _link_words(grid, found)
        for r, c in found.uncomputed:  # no value (a writer's placeholder 0 is none either)
            if r < len(grid.rows) and c < len(grid.rows[r]):
                grid.rows[r][c] = ""
        grid.uncomputed = frozenset(found.uncomputed)
        grid.today_text = frozenset(found.today_text)
        grid.from_today = frozenset(found.from_today)
        grid.hidden_cols = frozenset(found.hidden_cols)
        grid.hidden_rows = frozenset(found.hidden_rows)
        grid.links = {**_computed_links(grid, found.link_formulas), **found.links}
        grid.pictures = {_a1(anchor(_place_of(ref))): text for ref, text in found.pictures.items()}
    _add_lists(grids, extras)


def _computed_links(grid: Grid, formulas: dict[str, str]) -> dict[str, str]:
    """Cell (A1) → the file its HYPERLINK formula opens, for the formulas whose target is put
    together from the sheet's cells (:mod:`rectxl.io.link_formula`); web pages are no file."""
    if not formulas:
        return {}
    from rectxl.io.link_formula import link_target

    def value(r: int, c: int) -> object:
        return grid.rows[r][c] if 0 <= r < len(grid.rows) and 0 <= c < len(grid.rows[r]) else ""

    out: dict[str, str] = {}
    for ref, argument in formulas.items():
        target = link_target(argument, value, _place_of(ref))
        if target is not None and is_file_target(target):
            out[ref] = target
    return out


def _link_words(grid: Grid, found: SheetExtras) -> None:
    """What the formulas no program computed show (a workbook written by an export keeps no value
    for them), worked out from the sheet's values as a link's file is (:mod:`rectxl.io.link_formula`):
    a HYPERLINK's words (its second argument), and a formula of the sheet's cells, ROW() and IF
    (``=ROW()-2``, ``=D4``, ``=IF(G5<>"","已完成","正在推进")``) — the cell is read as that, not as a
    formula without a value. One that needs what is not worked out (a cell still unknown, another
    sheet, TODAY()) stays unknown."""
    if not found.link_words:
        return
    from rectxl.io.link_formula import formula_value

    unknown = object()  # a cell no program computed (yet): no formula is worked out from it

    def value(r: int, c: int) -> object:
        if (r, c) in found.uncomputed:
            return unknown
        return grid.rows[r][c] if 0 <= r < len(grid.rows) and 0 <= c < len(grid.rows[r]) else ""

    waiting = [at for at in found.link_words if at in found.uncomputed]
    for _ in range(_FORMULA_PASSES):  # again while one worked out lets another (=D5 of a D5 worked out after it)
        if not waiting:
            break
        left = []
        for r, c in waiting:
            shown = formula_value(found.link_words[(r, c)], value, (r, c))
            if shown is None:
                left.append((r, c))
                continue
            found.uncomputed.discard((r, c))
            _put(grid, r, c, shown)
        if len(left) == len(waiting):
            break
        waiting = left


#: how many times the formulas no program computed are gone over: one refers to a cell worked out
#: later (further down, or right) — a chain upwards longer than this stays unknown (named), in bounded time
_FORMULA_PASSES = 8


def _put(grid: Grid, r: int, c: int, value: object) -> None:
    """Set cell (``r``, ``c``) of ``grid`` to ``value``, the rows and cells before it made empty
    where calamine's grid ends short of it."""
    while len(grid.rows) <= r:
        grid.rows.append([])
    cells = grid.rows[r]
    while len(cells) <= c:
        cells.append("")
    cells[c] = value


class _MergeAnchors:
    """Where a picture in a cell is read: the top-left cell of the merged range it lies in, when
    that cell holds nothing — a picture WPS keeps in a merged-away cell of a merged 佐证材料 cell
    (嵌入单元格图片 there), or one pasted low over a tall merged cell, is the whole cell's. The
    merges are indexed by column on first use, for the few columns pictures are in."""

    def __init__(self, grid: Grid, found: SheetExtras):
        self.grid, self.found = grid, found
        self.by_col: dict[int, dict[int, tuple[int, int]]] = {}

    def __call__(self, at: tuple[int, int]) -> tuple[int, int]:
        r, c = at
        if c not in self.by_col:
            self.by_col[c] = {row: (r0, c0) for r0, c0, r1, c1 in self.grid.merges if c0 <= c <= c1
                              for row in range(r0, min(r1, r0 + _MAX_MERGE_ROWS) + 1)}
        anchor = self.by_col[c].get(r)
        if anchor is None or anchor == at:
            return at
        r0, c0 = anchor
        rows = self.grid.rows
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
        taken = self.found.shown.get(anchor) == PICTURE_IN_CELL or _a1(anchor) in self.found.pictures
        return anchor if (value is None or value == "") and not taken else at


#: how far down a merged range pictures are followed to its top-left cell (a range merged down a
#: whole column is no ledger cell)
_MAX_MERGE_ROWS = 10_000


def _place_of(ref: str) -> tuple[int, int]:
    """0-based (row, col) of an A1 reference."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]) - 1, col_index(letters)


def _a1(at: tuple[int, int]) -> str:
    return f"{col_letter(at[1])}{at[0] + 1}"


def _add_ods_layout(path: Path | IO[bytes], grids: list[Grid]) -> None:
    """Merged ranges, hidden columns, error values and numbers shown with fixed decimals of an
    .ods (calamine reports none of them for OpenDocument)."""
    from lxml import etree  # only OpenDocument needs an XML parser (faster start-up for .xlsx)

    from rectxl.io.ods import ods_layout

    try:
        layout = ods_layout(path)
    except (KeyError, zipfile.BadZipFile, OSError, etree.LxmlError):
        return
    extras: dict[str, SheetExtras] = {}
    styles: tuple[dict[str, str], dict[str, str]] | None = None
    for grid in grids:
        sheet = layout.get(grid.name)
        if sheet is not None:
            grid.merges = grid.merges or sheet.merges
            if (kind := _legend_kind(grid)) is not None:
                fills, fonts, unread = sheet.fills, sheet.fonts, []
                if sheet.conditions:  # the colours its conditional formats show, over the cells' own
                    if styles is None:
                        styles = _ods_style_colours(path)
                    shown = _ods_conditional_colours(sheet.conditions, styles, grid)
                    fills, fonts, unread = {**fills, **shown["fill"]}, {**fonts, **shown["font"]}, shown["unread"]
                _colours_by_legend(grid, kind, fills, fonts)
                if sheet.conditional and not sheet.conditions:  # (LibreOffice writes both: its own read)
                    unread.append(_NOT_READ_IN.format(kind=".ods"))
                grid.conditional_unread = tuple(unread)
            else:
                grid.fills, grid.fills_read = sheet.fills, True
            extras[grid.name] = SheetExtras(errors=sheet.errors, hidden_cols=sheet.hidden_cols, shown=sheet.shown,
                                            links=sheet.links, pictures=sheet.pictures,
                                            link_formulas=sheet.link_formulas, lists=sheet.lists,
                                            today=sheet.today, today_text=sheet.today_text,
                                            from_today=sheet.from_today,
                                            hidden_rows=sheet.hidden_rows)
    _add_sheet_extras(grids, extras)


def _add_xls_extras(path: Path, grids: list[Grid]) -> None:
    """Formulas' text results, error values, numbers shown with fixed decimals and hidden columns
    of an .xls (:mod:`rectxl.io.biff`: calamine reads the first as 0, the second as empty cells)."""
    from rectxl.io.biff import xls_extras  # only a BIFF workbook needs it

    kinds = {g.name: kind for g in grids if (kind := _legend_kind(g)) is not None}
    extras = xls_extras(path, fills=bool(kinds))
    if extras:
        _add_sheet_extras(grids, extras)
    conditional: list[Grid] = []
    for grid in grids:
        if (kind := kinds.get(grid.name)) is not None and (found := extras.get(grid.name)) is not None:
            _colours_by_legend(grid, kind, found.fills, found.fonts)
            if found.conditional:
                conditional.append(grid)
    if conditional:  # the colours its conditional formats show: read from LibreOffice's .xlsx of it
        _colours_by_conversion(path, conditional)


#: what conditional-colours-unread names for a sheet of a format whose conditional formats rectxl
#: could not evaluate (``why``: LibreOffice is missing, or could not convert the file)
_NOT_READ_HERE = ("本表的条件格式（{kind} 文件中的条件格式要用 LibreOffice 转换后读取，{why}），"
                  "另存为 .xlsx 后可按规则读取")


def _add_xlsb_colours(zf: zipfile.ZipFile, book: str, grids: list[Grid], named: Mapping[str, str]) -> None:
    """:func:`_add_fills` of an .xlsb (:func:`rectxl.io.xlsb.xlsb_colours`): its cells' fills and
    fonts by the legend's kind; its conditional formats are named, not evaluated."""
    from rectxl.io.xlsb import xlsb_colours

    found = xlsb_colours(zf, book, set(named))
    for grid in grids:
        grid.fills_read = True  # (read where a legend keys them: none for a sheet without one)
        if (kind := named.get(grid.name)) is None or (colours := found.get(grid.name)) is None:
            continue
        _colours_by_legend(grid, kind, colours.fills, colours.fonts)
        if grid.colours_by_font and colours.rich:  # (part of a cell's text typed in a colour)
            grid.fills = _with_run_colours(grid.fills, colours.rich, colours.font_styles,
                                           colours.fill_styles if kind == "either" else {})
        if colours.conditional:
            grid.conditional_unread = (_NOT_READ_IN.format(kind=".xlsb"),)


#: what conditional-colours-unread names for a sheet of a format whose conditional formats rectxl
#: does not evaluate (an .xlsb's; an .ods's written only in LibreOffice's own way)
_NOT_READ_IN = "本表的条件格式；{kind} 文件中的条件格式 rectxl 不读取，另存为 .xlsx 后可按规则读取"


def _colours_by_conversion(path: Path, grids: list[Grid]) -> bool:
    """The colours of ``grids`` — sheets of the .xls at ``path`` whose legend keys their statuses
    by colour and which have conditional formats (rectxl does not evaluate an .xls's) — read from
    the .xlsx LibreOffice makes of the file (:func:`rectxl.io.word97.converted`) as an .xlsx's
    are, on the values read from the clerk's file; whether they were. Without LibreOffice the
    sheets say why their conditional formats were not read (conditional-colours-unread)."""
    from rectxl.io.word97 import ConversionFailed, converted

    if not grids:
        return False
    try:
        with converted(path, "xlsx") as copy:
            _add_fills(copy, grids)
    except ConversionFailed as exc:
        for grid in grids:
            grid.conditional_unread = (_NOT_READ_HERE.format(why=exc.why, kind=path.suffix.lower() or ".xls"),)
        return False
    return True


def _colours_by_legend(grid: Grid, kind: str, fills: dict[tuple[int, int], str],
                       fonts: dict[tuple[int, int], str]) -> None:
    """Give ``grid`` the colours its legend keys (``kind``, :func:`_legend_kind`): the cells' fills,
    their fonts' colours, or both (a bare "标红的…": the fill first)."""
    if kind == "fill" and _fonts_instead(grid, fills):
        kind = "font"  # (the legend's colours are in no fill: typed)
    grid.fills = fills if kind == "fill" else fonts if kind == "font" else {**fonts, **fills}
    grid.fills_read = True
    grid.colours_by_font = kind != "fill"


def _describe_unreadable(path: Path, exc: Exception) -> str:
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    from rectxl.io.file_kind import is_encrypted_ole, text_table  # only for a file that cannot be read

    if is_encrypted_ole(path, head):
        return f"{path.name} 设有打开密码（已加密）：请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存，再检查"
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() in (".xlsx", ".xlsm"):
        return (f"{path.name} 是加密的或旧版（.xls）格式文件却以 {path.suffix} 结尾："
                "如设有密码请先在 Excel 中取消密码，否则请另存为 .xlsx 后再检查")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<") and XML_2003_MARK.search(head):
        return (f"{path.name} 实际是 Excel 2003 XML 表格（XML 电子表格），不是 {path.suffix} 工作簿："
                "请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查")
    if text.startswith(b"<") and re.search(rb"(?i)<(?:html|table)", head):
        return (f"{path.name} 实际是网页（HTML）表格，多是业务系统导出时存成了 {path.suffix}：请在 Excel 或 WPS 中"
                "打开它，另存为 .xlsx 后再检查")
    table = text_table(head)
    if table is not None:
        kind, encoding = table
        space = "" if kind.startswith("制") else " "
        return (f"{path.name} 实际是{space}{kind}（{encoding} 编码），不是 Excel 工作簿，"
                f"多是业务系统导出时存成了 {path.suffix}：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查")
    if path.suffix.lower() in (".et", ".ett"):
        return f"{path.name} 是 WPS 表格文件（{path.suffix}），无法直接读取：请在 WPS 中另存为 .xlsx 后再检查"
    if not head.startswith(b"PK") and path.suffix.lower() in (".xlsx", ".xlsm", ".ods"):
        if path.name.startswith(("~$", ".~")):
            prefix = path.name[:2]
            return (f"{path.name} 是 Excel/WPS 打开工作簿时生成的临时锁定文件（{prefix} 开头），不是台账，也没有损坏："
                    f"请检查它旁边去掉“{prefix}”的同名台账（锁定文件说明该台账曾在打开状态，关闭后会自动删除）")
        return f"{path.name} 不是有效的 Excel 文件（可能是改了扩展名的其他文件或已损坏）"
    if _lock_file_beside(path):
        return (f"{path.name} 读取失败，文件不完整；旁边有它的临时锁定文件（~$ 或 .~ 开头），"
                "它可能仍在 Excel、WPS 或 LibreOffice 中打开，或正在保存：请等保存完成并关闭该文件后再检查，"
                "如仍失败请重新获取该文件")
    return f"{path.name} 已损坏，无法读取（可能未完整下载或传输中断）：请重新获取该文件"


#: how an XML part saved as UTF-16 starts: a byte order mark, or "<" as two bytes
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")


#: parts no reader of rectxl's or calamine's opens (document properties, the theme, drawings)
_NOT_READ = ("docProps/", "xl/theme/", "xl/drawings/", "xl/charts/", "customXml/", "xl/media/")


def saved_in_utf16(path: Path) -> bool:
    """Whether the package at ``path`` holds XML parts saved as UTF-16 (see :func:`_has_utf16_parts`)."""
    parts = InflatedParts()
    try:
        return _has_utf16_parts(path, parts)
    finally:
        parts.close()


def _has_utf16_parts(path: Path, parts: InflatedParts) -> bool:
    """Whether the package holds XML parts saved as UTF-16 (valid OPC, and what some exporters
    built on .NET write; Excel and LibreOffice read them): calamine reads such a sheet as empty or
    not at all, and rectxl's own scans read UTF-8."""
    try:
        zf = parts.zip(path)
        for info in zf.infolist()[:200]:
            name = info.filename
            if name.endswith((".xml", ".rels")) and info.file_size >= 2 and not name.startswith(_NOT_READ):
                with zf.open(info) as fh:
                    if fh.read(2) in _UTF16_STARTS:
                        return True
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        return False
    return False


#: the encoding an XML declaration names, UTF-16 (rewritten when the part is saved as UTF-8)
_DECLARED_UTF16 = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])utf-?16(?:le|be)?(["'])""", re.IGNORECASE)


def _read_as_utf8(path: Path) -> list[Grid]:
    """The sheets of a package whose XML parts are UTF-16, read from a copy (in a temporary folder,
    under the same name) with those parts saved as UTF-8 — what Excel would save. A part that is
    not valid UTF-16 (or is too large to convert) leaves the file refused with a Chinese line."""
    import io
    import tempfile

    refused = LedgerError(f"{path.name} 中的表格内容以 UTF-16 编码保存（一些业务系统导出 Excel 时这样写），"
                          "但其中有内容无法按 UTF-16 读出：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查")
    out = io.BytesIO()
    try:
        with open_package(path) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in zf.infolist():
                if info.file_size > _MAX_UTF16_PART:
                    raise refused
                data = zf.read(info)
                if info.filename.endswith((".xml", ".rels")) and data[:2] in _UTF16_STARTS:
                    codec = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
                        "utf-16-le" if data[:1] == b"<" else "utf-16-be")
                    try:
                        text = data.decode(codec)
                    except UnicodeDecodeError:
                        raise refused from None
                    data = _DECLARED_UTF16.sub(r"\1UTF-8\2", text, count=1).encode("utf-8")
                copy.writestr(info.filename, data)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        raise refused from None
    with tempfile.TemporaryDirectory(prefix="rectxl-") as folder:
        converted = Path(folder) / path.name
        converted.write_bytes(out.getvalue())
        return read_grids(converted)


#: a part larger than this (uncompressed) is not converted from UTF-16 (the package guards, run
#: before, bound the package as a whole)
_MAX_UTF16_PART = 256 << 20


def _lock_file_beside(path: Path) -> bool:
    """Whether the owner file Excel, WPS or LibreOffice keeps beside an open workbook is there."""
    from rectxl.io.outputs import lock_file

    return lock_file(path) is not None


def read_ledger(path: Path, column_map: Iterable[str | tuple[str, str]] = ()) -> Ledger:
    """Read the ledger at ``path`` (see :func:`rectxl.core.grid.ledger_from_grids`);
    ``column_map`` maps the ledger's own header words to rectxl's columns (原列名=标准列名)."""
    with gc_paused():
        grids = read_grids(Path(path))
        if sum(len(g.rows) for g in grids) > _TRIM_ROWS:
            release_freed_memory()
        try:
            ledger = ledger_from_grids(grids, column_map)
        except LedgerError as exc:
            if Path(path).suffix.lower() in CSV_SUFFIXES:  # a text file in the folder, no ledger's table
                raise NoLedgerTable(str(exc)) from None
            if not is_word_ledger(Path(path)) and not is_legacy_word(Path(path)):
                raise
            # a Word document's tables are no ledger: it may be the notice itself
            raise NoLedgerTable(f"{exc}（{Path(path).name} 是 Word 文档，rectxl 把其中的表格当作台账读取；"
                              "如果它是整改通报，请用 rectxl parse-notice 解析）") from None
        del grids
        settle()
        return ledger


#: sheets of more rows than this leave enough of calamine's freed heap behind to give it back
_TRIM_ROWS = 20_000


def release_freed_memory() -> None:
    """Give the memory the reader has just freed back to the operating system.

    calamine (Rust) makes a small allocation per cell while parsing; glibc keeps the freed
    blocks in its heap, where Python's own small-object allocator cannot reuse them, so a
    100,000-row ledger would carry ~130 MB of dead heap through validation (a third of the
    peak). ``malloc_trim`` returns it. Linux with glibc only; elsewhere it does nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # here: only Linux needs it, and importing it is a few ms of every start

        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (e.g. musl)
        return None
