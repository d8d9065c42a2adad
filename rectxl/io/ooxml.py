"""Small, parser-free look-ups inside an OOXML workbook package (sheet name → part).

The workbook part is found as the spec says — through the package's ``officeDocument``
relationship (``xl/workbook.xml`` when there is none) — and read whatever its spelling: a
namespace prefix (``<x:sheet>``), any prefix for the relationships namespace, attributes in any
order, either quote (:mod:`rectxl.io.xmlbytes`).
"""

from __future__ import annotations

import posixpath
import re
import weakref
import zipfile
from os import PathLike
from urllib.parse import unquote

from rectxl.io.xmlbytes import attr, elements, first

__all__ = ["open_package", "part_rels", "sheet_parts", "slash_names", "target_part", "workbook_part"]

#: the relationships namespace, transitional and strict
_REL_NAMESPACES = (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                   b"http://purl.oclc.org/ooxml/officeDocument/relationships")
_DECL = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']""")
_ATTRS = re.compile(rb"""([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DEFAULT_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?workbook(?=[\s/>])")


def open_package(path: str | PathLike[str]) -> zipfile.ZipFile:
    """The zip at ``path`` with its members named as :func:`slash_names` names them (raises as
    :class:`zipfile.ZipFile` does)."""
    return slash_names(zipfile.ZipFile(path))


def slash_names(zf: zipfile.ZipFile) -> zipfile.ZipFile:
    """``zf`` with its members named with ``/``, as OPC names parts, where the zip writes Windows
    separators (``xl\\worksheets\\sheet1.xml``: some exporters on Windows do; Excel, WPS and
    calamine read them as the parts they are). A member keeps the name it is stored under in
    ``orig_filename`` (what :mod:`zipfile` reads it by, and what a copy of it writes)."""
    if any("\\" in name for name in zf.NameToInfo):
        zf.NameToInfo = {}
        for info in zf.filelist:
            info.filename = info.filename.replace("\\", "/")
            zf.NameToInfo.setdefault(info.filename, info)
    return zf


def _find(zf: zipfile.ZipFile, name: str) -> str | None:
    """The member named ``name`` — as written, percent-decoded, or in another case (OPC part
    names are case-insensitive URIs)."""
    names = zf.NameToInfo
    for candidate in (name, unquote(name)):
        if candidate in names:
            return candidate
    lower = unquote(name).lower()
    return next((n for n in names if n.lower() == lower), None)


def target_part(source_part: str, target: str) -> str:
    """The name of the part that a relationship of ``source_part`` ("" for the package's own)
    names by its internal ``target``: relative to the source's folder, or absolute (``/xl/…``);
    a ``./`` or ``../`` step anywhere is taken (as Excel and LibreOffice take it), and none goes
    above the package's root. "" for the root itself."""
    folder = posixpath.dirname(source_part).strip("/")
    joined = posixpath.normpath(posixpath.join("/" + folder, target))
    return joined.lstrip("/")


def part_rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of ``part`` ("" for the package's own): Id → (type, resolved target part
    name, as the member is named when it exists). Read once per open package (not to be changed)."""
    known = _RELS_OF.setdefault(zf, {})
    if part not in known:
        known[part] = _part_rels(zf, part)
    return known[part]


#: what :func:`part_rels`, :func:`workbook_part` and :func:`sheet_parts` read, per open package: the reader's scans each
#: ask for them (what that buys: a package's relationships read once, not five to eight times —
#: on a folder of small ledgers, a millisecond a file)
_RELS_OF: weakref.WeakKeyDictionary[zipfile.ZipFile, dict[str, dict[str, tuple[str, str]]]] = (
    weakref.WeakKeyDictionary())
_WORKBOOK_OF: weakref.WeakKeyDictionary[zipfile.ZipFile, str | None] = weakref.WeakKeyDictionary()
_SHEETS_OF: weakref.WeakKeyDictionary[zipfile.ZipFile, dict[str, str]] = weakref.WeakKeyDictionary()


def _part_rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels") if part else "_rels/.rels"
    member = _find(zf, rels_name)
    if member is None:
        return {}
    xml = zf.read(member)
    rels: dict[str, tuple[str, str]] = {}
    for e in elements(xml, "Relationship"):
        target = e.get("Target") or ""
        if e.get("TargetMode") == "External":
            resolved = target
        else:
            joined = target_part(part, target)
            resolved = _find(zf, joined) or unquote(joined)
        rels[e.get("Id") or ""] = ((e.get("Type") or "").rsplit("/", 1)[-1], resolved)
    return rels


def workbook_part(zf: zipfile.ZipFile) -> str | None:
    """The workbook part: the target of the package's ``officeDocument`` relationship that is a
    workbook, else ``xl/workbook.xml``; None when the package has neither (a Word document …).
    Read once per open package."""
    try:
        return _WORKBOOK_OF[zf]
    except KeyError:
        pass
    part = _WORKBOOK_OF[zf] = _workbook_part(zf)
    return part



def _workbook_part(zf: zipfile.ZipFile) -> str | None:
    for kind, target in part_rels(zf, "").values():
        member = _find(zf, target) if kind == "officeDocument" else None
        if member is not None and member != _DEFAULT_WORKBOOK and _is_workbook(zf, member):
            return member
    return _find(zf, _DEFAULT_WORKBOOK)


def _is_workbook(zf: zipfile.ZipFile, member: str) -> bool:
    """Whether part ``member`` is a SpreadsheetML workbook (its root element says)."""
    try:
        with zf.open(member) as fh:
            head = fh.read(4096)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False
    return _WORKBOOK_ROOT.search(head) is not None


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part name (``xl/worksheets/sheet1.xml``); raises KeyError when the
    package has no workbook part. Read once per open package (not to be changed)."""
    try:
        return _SHEETS_OF[zf]
    except KeyError:
        pass
    sheets = _SHEETS_OF[zf] = _sheet_parts(zf)
    return sheets


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    part = workbook_part(zf)
    if part is None:
        raise KeyError(_DEFAULT_WORKBOOK)
    workbook = zf.read(part)
    rels = part_rels(zf, part)
    rel_prefixes = {p + b":" for p, uri in _DECL.findall(workbook[:1 << 16]) if uri in _REL_NAMESPACES}
    out: dict[str, str] = {}
    try:
        container = first(workbook, "sheets")
        if container is None:
            return out
        for e in elements(workbook, "sheet", container.tag_end, container.content_end):
            name, rid = attr(e.attrs, "name"), _rel_id(e.attrs, rel_prefixes)
            if name is not None and rid in rels:
                out[name] = rels[rid][1]
    except ValueError:  # an unclosed element: a damaged part, read as far as it goes
        pass
    return out


def _rel_id(attrs: bytes, prefixes: set[bytes]) -> str | None:
    """The sheet's relationship id: its ``id`` attribute in the relationships namespace (``r:id``
    as Excel writes it, under whatever prefix the part declares)."""
    fallback = None
    for m in _ATTRS.finditer(attrs):
        qname = m.group(1)
        if not qname.endswith(b":id"):
            continue
        value = (m.group(2) if m.group(2) is not None else m.group(3)).decode("utf-8", "replace")
        if qname[:-2] in prefixes:
            return value
        fallback = fallback or value
    return fallback
