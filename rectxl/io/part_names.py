"""A package whose parts are not where python-calamine looks, given to it with the usual names.

An OOXML package names its parts as it likes: the workbook is whatever the package's
``officeDocument`` relationship points at, the shared strings and styles whatever the workbook's
relationships point at (ECMA-376 Part 2). Excel writes ``xl/workbook.xml``,
``xl/sharedStrings.xml`` and ``xl/styles.xml``, and calamine reads those names only: a package
from another writer (``xl/workbook2.xml``, ``xl/SharedStrings1.xml``) is a valid workbook that
calamine calls broken. The same when the workbook's relationships name a part by a path with a
``.`` or ``..`` step (``../xl/worksheets/sheet1.xml``, ``./worksheets/sheet1.xml``: valid relative
references that Excel and LibreOffice follow, and calamine does not). :func:`standard_copy` gives
calamine an in-memory copy in which those three parts carry the usual names and the workbook's
relationships point at them, each by its plain absolute name; the user's file is never changed.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from rectxl.io.ooxml import open_package, part_rels, target_part, workbook_part
from rectxl.io.xmlbytes import apply_edits, elements, set_attr

__all__ = ["needs_standard_names", "standard_copy"]

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
#: the parts calamine finds by name: relationship type → the name it looks for
_BY_NAME = {"sharedStrings": "xl/sharedStrings.xml", "styles": "xl/styles.xml"}


def needs_standard_names(zf: zipfile.ZipFile) -> bool:
    """Whether calamine needs :func:`standard_copy` of the open package ``zf`` (nearly never)."""
    return bool(_moved(zf)) or _dotted_targets(zf)


def _dotted_targets(zf: zipfile.ZipFile) -> bool:
    """Whether the workbook's relationships name a part through a ``.`` or ``..`` step, which
    calamine looks for literally (and so finds no sheet)."""
    book = workbook_part(zf)
    if book is None:
        return False
    rels = posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels")
    if rels not in zf.NameToInfo:
        return False
    xml = zf.read(rels)
    if b"./" not in xml:
        return False  # the cheap guard: no such step
    for e in elements(xml, "Relationship"):
        target = e.get("Target") or ""
        if e.get("TargetMode") != "External" and {".", ".."} & set(target.split("/")):
            return True
    return False


def _moved(zf: zipfile.ZipFile) -> dict[str, str]:
    """The parts calamine would not find → the names it looks for (empty: none to move)."""
    book = workbook_part(zf)
    if book is None:
        return {}
    names = zf.NameToInfo
    moved = {book: _WORKBOOK}
    for kind, target in part_rels(zf, book).values():
        if kind in _BY_NAME and target in names:
            moved.setdefault(target, _BY_NAME[kind])
    return {old: new for old, new in moved.items() if old != new}


def standard_copy(path: Path) -> io.BytesIO | None:
    """An in-memory copy of the package at ``path`` with its workbook, shared strings and styles
    under the names calamine reads; None when they already are (nearly every file) or when the
    package has no workbook (the reader then reports what it is)."""
    try:
        with open_package(path) as zf:
            return _copy(zf)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return None


def _copy(zf: zipfile.ZipFile) -> io.BytesIO | None:
    moved = _moved(zf)
    if not moved and not _dotted_targets(zf):
        return None
    book = workbook_part(zf)
    assert book is not None  # something to move or retarget: the package has a workbook
    names = set(zf.NameToInfo)
    folder = posixpath.dirname(book)
    rels_old = posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels")
    rels_xml = _retarget(zf.read(rels_old), book, moved) if rels_old in names else None
    taken = set(moved.values()) | ({_WORKBOOK_RELS} if rels_xml is not None else set())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dest:
        for info in zf.infolist():
            name = info.filename
            if name == rels_old and rels_xml is not None:
                dest.writestr(_WORKBOOK_RELS, rels_xml)
            elif name in moved:
                dest.writestr(moved[name], zf.read(info))
            elif name not in taken:  # a part of the usual name nothing points at: left out
                dest.writestr(name, zf.read(info))
    out.seek(0)
    return out


def _retarget(xml: bytes, book: str, moved: dict[str, str]) -> bytes:
    """The workbook's relationships with every internal target absolute (``/xl/…``), so that
    they stay right from the workbook's new place, and the moved parts' targets their new names."""
    edits: list[tuple[int, int, bytes]] = []
    for e in elements(xml, "Relationship"):
        target = e.get("Target") or ""
        if e.get("TargetMode") == "External" or not target:
            continue
        resolved = target_part(book, target)
        new = "/" + moved.get(resolved, resolved)
        tag = xml[e.start:e.tag_end]
        edits.append((e.start, e.tag_end, set_attr(tag, "Target", new)))
    return apply_edits(xml, edits)
