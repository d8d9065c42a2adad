"""The workbook's structure inside its package: which sheets there are and where they live, and
adding or removing a whole sheet with its entries in ``workbook.xml``, the workbook's
relationships and ``[Content_Types].xml`` — byte-level edits (:mod:`rectxl.io.xmlbytes`), so the
rest of those parts stays as it was.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from rectxl.core.errors import RectxlError
from rectxl.io.ooxml import target_part
from rectxl.io.package import Package
from rectxl.io.xmlbytes import (
    Element,
    apply_edits,
    attr_local,
    elements,
    escape_attr,
    escape_text,
    first,
    set_attr,
)

__all__ = ["CT_CHART", "CT_DRAWING", "CT_STYLES", "CT_WORKSHEET", "Book", "Rel", "SheetRef"]

CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"

_TRANSITIONAL = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_STRICT = {
    "main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class Rel:
    id: str
    type: str  # last segment of the relationship type: worksheet, styles, drawing …
    target: str  # resolved part name (or the URL of an external target)
    external: bool
    element: Element


@dataclass
class SheetRef:
    name: str
    sheet_id: int
    rid: str
    state: str
    part: str | None  # None for a sheet whose relationship is missing
    index: int
    element: Element


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    """The part a relationship of ``source_part`` names by ``target`` (percent-decoded)."""
    return target_part(source_part, unquote(target))


class Book:
    """The workbook part of ``pkg`` and what hangs off it."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        main = [r for r in self.rels("") if r.type == "officeDocument" and not r.external]
        part = main[0].target if main else "xl/workbook.xml"
        if not pkg.has(part):
            raise RectxlError(f"{pkg.path.name} 中找不到工作簿部件（文件已损坏或不是 Excel 工作簿），无法写入")
        self.part = pkg.find(part) or part
        head = pkg.read(self.part)[:4096]
        self.strict = _STRICT["main"].encode() in head
        self.ns = _STRICT if self.strict else _TRANSITIONAL

    # -- relationships ---------------------------------------------------------------------

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` ("" for the package's own)."""
        name = "_rels/.rels" if part == "" else rels_name(part)
        if not self.pkg.has(name):
            return []
        xml = self.pkg.read(name)
        out = []
        for e in elements(xml, "Relationship"):
            target = e.get("Target") or ""
            external = e.get("TargetMode") == "External"
            out.append(Rel(e.get("Id") or "", (e.get("Type") or "").rsplit("/", 1)[-1],
                           target if external else resolve(part or "/", target), external, e))
        return out

    def add_rel(self, part: str, kind: str, target_part: str) -> str:
        """Add a relationship of type ``kind`` from ``part`` to ``target_part``; returns its Id."""
        name = rels_name(part)
        xml = self.pkg.read(name) if self.pkg.has(name) else (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="' + _PACKAGE_RELS.encode() + b'"></Relationships>')
        taken = {e.get("Id") for e in elements(xml, "Relationship")}
        n = 1
        while f"rIdRectxl{n}" in taken:
            n += 1
        rid = f"rIdRectxl{n}"
        target = posixpath.relpath(target_part, posixpath.dirname(part) or ".")
        root = first(xml, "Relationships")
        if root is None:
            raise RectxlError(f"{self.pkg.path.name} 中的 {name} 已损坏，无法写入")
        element = (f'<{root.prefix.decode()}Relationship Id="{rid}" Type="{self.ns["rel"]}/{kind}" '
                   f'Target="{escape_attr(target)}"/>').encode()
        self.pkg.write(name, _insert_into(xml, root, element))
        return rid

    # -- sheets ----------------------------------------------------------------------------

    def sheets(self) -> list[SheetRef]:
        xml = self.pkg.read(self.part)
        rels = {r.id: r for r in self.rels(self.part)}
        out: list[SheetRef] = []
        container = first(xml, "sheets")
        if container is None:
            return out
        for i, e in enumerate(elements(xml, "sheet", container.tag_end, container.content_end)):
            rid = attr_local(e.attrs, "id") or ""
            rel = rels.get(rid)
            try:
                sheet_id = int(e.get("sheetId") or 0)
            except ValueError:
                sheet_id = 0
            out.append(SheetRef(e.get("name") or "", sheet_id, rid, e.get("state") or "visible",
                                self.pkg.find(rel.target) if rel and not rel.external else None, i, e))
        return out

    def sheet(self, name: str) -> SheetRef | None:
        return next((s for s in self.sheets() if s.name == name), None)

    def add_sheet(self, name: str, xml: bytes, *, state: str = "visible", rels: bytes | None = None) -> SheetRef:
        """Append sheet ``name`` with worksheet XML ``xml`` (and its relationships part)."""
        folder = posixpath.join(posixpath.dirname(self.part), "worksheets")
        part = self.pkg.free_name(folder + "/sheet{}.xml")
        self.pkg.write(part, xml)
        if rels is not None:
            self.pkg.write(rels_name(part), rels)
        self.add_override(part, CT_WORKSHEET)
        rid = self.add_rel(self.part, "worksheet", part)
        book = self.pkg.read(self.part)
        existing = self.sheets()
        sheet_id = max((s.sheet_id for s in existing), default=0) + 1
        container = first(book, "sheets")
        if container is None:
            raise RectxlError(f"{self.pkg.path.name} 的工作簿部件中没有工作表列表（文件已损坏），无法写入")
        p = container.prefix.decode()
        state_attr = "" if state == "visible" else f' state="{state}"'
        element = (f'<{p}sheet xmlns:r="{self.ns["rel"]}" name="{escape_attr(name)}" sheetId="{sheet_id}"'
                   f'{state_attr} r:id="{rid}"/>').encode()
        self.pkg.write(self.part, _insert_into(book, container, element))
        added = self.sheet(name)
        assert added is not None
        return added

    def remove_sheet(self, ref: SheetRef) -> list[str]:
        """Remove sheet ``ref``, its entries, and the parts only it used; returns the parts removed."""
        fresh = next((s for s in self.sheets() if s.name == ref.name and s.sheet_id == ref.sheet_id), None)
        if fresh is None:
            return []
        ref = fresh
        book = self.pkg.read(self.part)
        k = ref.index
        edits: list[tuple[int, int, bytes]] = [(ref.element.start, ref.element.end, b"")]
        names = first(book, "definedNames")
        if names is not None:
            for e in elements(book, "definedName", names.tag_end, names.content_end):
                local = e.get("localSheetId")
                if local is None or not local.isdigit():
                    continue
                if int(local) == k:
                    edits.append((e.start, e.end, b""))
                elif int(local) > k:
                    tag = book[e.start:e.tag_end]
                    edits.append((e.start, e.tag_end, set_attr(tag, "localSheetId", str(int(local) - 1))))
        for view in elements(book, "workbookView"):
            tag = book[view.start:view.tag_end]
            new = tag
            for key in ("activeTab", "firstSheet"):
                value = view.get(key)
                if value is not None and value.isdigit() and int(value) >= k and int(value) > 0:
                    new = set_attr(new, key, str(int(value) - 1 if int(value) > k else 0))
            if new != tag:
                edits.append((view.start, view.tag_end, new))
        book = apply_edits(book, edits)
        self.pkg.write(self.part, book)
        self._remove_rel(self.part, ref.rid)
        removed: list[str] = []
        if ref.part is not None:
            self._remove_part_tree(ref.part, removed)
        self.remove_overrides(removed)
        return removed

    def _remove_rel(self, part: str, rid: str) -> None:
        name = rels_name(part)
        if not self.pkg.has(name):
            return
        xml = self.pkg.read(name)
        for e in elements(xml, "Relationship"):
            if e.get("Id") == rid:
                self.pkg.write(name, xml[: e.start] + xml[e.end:])
                return

    def _remove_part_tree(self, part: str, removed: list[str]) -> None:
        """Remove ``part``, its relationships part and, recursively, the internal targets that no
        remaining relationship points at."""
        stored = self.pkg.find(part)
        if stored is None:
            return
        targets = [r.target for r in self.rels(stored) if not r.external]
        self.pkg.remove(stored)
        removed.append(stored)
        own_rels = self.pkg.find(rels_name(stored))
        if own_rels is not None:
            self.pkg.remove(own_rels)
            removed.append(own_rels)
        still = self._referenced()
        for target in targets:
            if target.lower() not in still:
                self._remove_part_tree(target, removed)

    def _referenced(self) -> set[str]:
        out: set[str] = set()
        for name in self.pkg.names():
            source = _source_of(name)
            if source is None:
                continue
            for r in self.rels(source):
                if not r.external:
                    out.add(r.target.lower())
        return out

    # -- defined names ---------------------------------------------------------------------

    def local_names(self, name: str) -> list[tuple[int, str, Element]]:
        """The sheet-level defined names called ``name`` (Excel compares names without case):
        (the 0-based index of their sheet, their formula text, their element)."""
        import html

        book = self.pkg.read(self.part)
        container = first(book, "definedNames")
        found: list[tuple[int, str, Element]] = []
        if container is None or container.empty:
            return found
        for e in elements(book, "definedName", container.tag_end, container.content_end):
            local = e.get("localSheetId")
            if (e.get("name") or "").casefold() != name.casefold() or local is None or not local.isdigit():
                continue
            text = html.unescape(book[e.tag_end:e.content_end].decode("utf-8", "replace"))
            found.append((int(local), text, e))
        return found

    def remove_defined_names(self, found: list[Element]) -> None:
        """Cut out defined names (elements :meth:`local_names` gave, the part unchanged since)."""
        if found:
            self.pkg.write(self.part, apply_edits(self.pkg.read(self.part), [(e.start, e.end, b"") for e in found]))

    def add_defined_name(self, name: str, local_sheet: int, text: str, *, hidden: bool = False) -> str | None:
        """Add a sheet-level defined name (e.g. ``_xlnm.Print_Titles``); says whether the
        ``<definedNames>`` list had to be "created" or "opened" (was ``<definedNames/>``) for it."""
        book = self.pkg.read(self.part)
        sheets = first(book, "sheets")
        if sheets is None:
            return None
        p = sheets.prefix.decode()
        shut = ' hidden="1"' if hidden else ""
        element = (f'<{p}definedName name="{escape_attr(name)}" localSheetId="{local_sheet}"{shut}>'
                   f"{escape_text(text)}</{p}definedName>").encode()
        container = first(book, "definedNames")
        if container is not None:
            self.pkg.write(self.part, _insert_into(book, container, element))
            return "opened" if container.empty else None
        at = None
        for later in _AFTER_DEFINED_NAMES:
            found = first(book, later, sheets.end)
            if found is not None and (at is None or found.start < at):
                at = found.start
        root = first(book, "workbook")
        if at is None:
            at = root.content_end if root is not None else len(book)
        block = f"<{p}definedNames>".encode() + element + f"</{p}definedNames>".encode()
        self.pkg.write(self.part, book[:at] + block + book[at:])
        return "created"

    def tidy_defined_names(self, how: str) -> None:
        """Undo :meth:`add_defined_name`'s "created" / "opened" once the list is empty again."""
        book = self.pkg.read(self.part)
        container = first(book, "definedNames")
        if container is None or container.empty:
            return
        if first(book, "definedName", container.tag_end, container.content_end) is not None:
            return
        if container.content_end != container.tag_end:  # something else inside (whitespace, comments)
            return
        if how == "created":
            self.pkg.write(self.part, book[: container.start] + book[container.end:])
        elif how == "opened":
            tag = book[container.start:container.tag_end]
            self.pkg.write(self.part, book[: container.start] + tag[:-1] + b"/>" + book[container.end:])

    # -- content types ---------------------------------------------------------------------

    def add_override(self, part: str, content_type: str) -> None:
        xml = self.pkg.read("[Content_Types].xml")
        root = first(xml, "Types")
        if root is None:
            raise RectxlError(f"{self.pkg.path.name} 中的 [Content_Types].xml 已损坏，无法写入")
        element = (f'<{root.prefix.decode()}Override PartName="/{escape_attr(part)}" '
                   f'ContentType="{content_type}"/>').encode()
        self.pkg.write("[Content_Types].xml", _insert_into(xml, root, element))

    def remove_overrides(self, parts: list[str]) -> None:
        if not parts:
            return
        wanted = {p.lower() for p in parts}
        xml = self.pkg.read("[Content_Types].xml")
        edits = [(e.start, e.end, b"") for e in elements(xml, "Override")
                 if unquote(e.get("PartName") or "").lstrip("/").lower() in wanted]
        if edits:
            self.pkg.write("[Content_Types].xml", apply_edits(xml, edits))

    def content_type(self, part: str) -> str | None:
        xml = self.pkg.read("[Content_Types].xml")
        for e in elements(xml, "Override"):
            if unquote(e.get("PartName") or "").lstrip("/").lower() == part.lower():
                return e.get("ContentType")
        ext = part.rsplit(".", 1)[-1].lower()
        for e in elements(xml, "Default"):
            if (e.get("Extension") or "").lower() == ext:
                return e.get("ContentType")
        return None


#: what follows <definedNames> in a workbook part (schema order)
_AFTER_DEFINED_NAMES = ("calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                        "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")


def _insert_into(xml: bytes, container: Element, element: bytes) -> bytes:
    """``xml`` with ``element`` appended as the last child of ``container`` (no whitespace added,
    so cutting ``element`` out again gives back the same bytes)."""
    if container.empty:
        tag = xml[container.start:container.tag_end]
        opened = tag[:-2] + b">" if tag.endswith(b"/>") else tag
        return (xml[: container.start] + opened + element + b"</" + container.qname + b">"
                + xml[container.end:])
    at = container.content_end
    return xml[:at] + element + xml[at:]


def _source_of(rels: str) -> str | None:
    """The part whose relationships part is ``rels`` ("" for the package), or None."""
    folder, base = posixpath.split(rels)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    source = base[: -len(".rels")]
    return posixpath.join(posixpath.dirname(folder), source) if source else ""
