"""The workbook's styles part: rectxl appends the cell formats it needs and touches nothing else.

A highlighted cell gets a new cell format (``xf``) cloned from its own — the same font, border,
number format, alignment and protection — with a new solid fill. rectxl's own sheets get a few
formats of their own (bold, header fill, wrapped text, link font, percent). New fonts, fills and
formats are appended at the end of their lists (byte-level, :mod:`rectxl.io.xmlbytes`), so every
existing index keeps its meaning. :func:`revert` takes them out again when nothing uses them any
more, giving back the original bytes; otherwise they stay (unused formats are harmless).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from rectxl.io.package import Package
from rectxl.io.sml_dialect import HEAD, compiled, dialect_of
from rectxl.io.workbook_parts import CT_STYLES, Book
from rectxl.io.xmlbytes import Element, apply_edits, attr, elements, escape_attr, first, remove_attr, set_attr

__all__ = ["HEADER_FILL", "MAX_XFS", "Look", "Styles", "fill_description", "fill_rgb", "formats_filled",
           "referenced_xfs", "revert", "sha256"]

HEADER_FILL = "D9E1F2"
#: the most cell formats a workbook may have (Excel's limit)
MAX_XFS = 65490
LINK_COLOR = "0563C1"
#: the containers of a styles part, in schema order
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
          "tableStyles", "colors", "extLst")
_CHILD = {"numFmts": "numFmt", "fonts": "font", "fills": "fill", "borders": "border", "cellStyleXfs": "xf",
          "cellXfs": "xf"}
_MINIMAL = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<styleSheet xmlns="%s"></styleSheet>')
_FONT_PARTS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(sz|color|name|family|charset|scheme)\b[^>]*?/>")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Look:
    """A cell format of rectxl's own sheets."""

    bold: bool = False
    link: bool = False
    fill: str | None = None  # RRGGBB
    align: str | None = None  # "wrap" (top, wrapped) or "center" (centred, wrapped)
    number_format: str | None = None
    #: Excel's "text prefix" (quotePrefix): text starting like a formula stays text when the user
    #: edits the cell (F2, Enter) — it is text in the file either way
    quote: bool = False


#: Excel's built-in number formats rectxl uses (no numFmt element needed)
_BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49}


class Styles:
    """Appends formats to the styles part of ``book``; :meth:`finish` writes the part."""

    def __init__(self, pkg: Package, book: Book):
        self.pkg = pkg
        self.book = book
        rel = next((r for r in book.rels(book.part) if r.type == "styles" and not r.external), None)
        self.added = rel is None or not pkg.has(rel.target)
        if self.added:
            self.part = "xl/styles.xml" if not pkg.has("xl/styles.xml") else pkg.free_name("xl/styles{}.xml")
            ns = book.ns["main"].encode()
            xml = _MINIMAL % ns
        else:
            assert rel is not None
            self.part = pkg.find(rel.target) or rel.target
            xml = pkg.read(self.part)
        self.before = sha256(xml)
        root = first(xml, "styleSheet")
        if root is None:
            from rectxl.core.errors import RectxlError

            raise RectxlError(f"{pkg.path.name} 的样式部件已损坏，无法写入")
        self.p = root.prefix.decode()
        self.xml = xml
        self.counts: dict[str, str | None] = {}
        self.base: dict[str, int] = {}
        self.inserted: list[str] = []
        self.children: dict[str, list[bytes]] = {}
        for name, child in _CHILD.items():
            container = _container(xml, name)
            self.counts[name] = container.get("count") if container is not None else None
            self.children[name] = [] if container is None or container.empty else [
                xml[e.start:e.end] for e in elements(xml, child, container.tag_end, container.content_end)]
            self.base[name] = len(self.children[name])
        self.numfmts: dict[str, int] = {}  # format code → id, for the custom formats there are
        for element in self.children["numFmts"]:
            fid, code = attr(element, "numFmtId"), attr(element, "formatCode")
            if fid and fid.isdigit() and code is not None:
                self.numfmts.setdefault(code, int(fid))
        self.new: dict[str, list[bytes]] = {name: [] for name in _CHILD}
        #: the highest cell format index the workbook's sheets pointed at beyond its formats
        #: (:meth:`reserve`); -1: none
        self.high = -1
        self._reserved = True  # the formats Excel takes for granted first (below), then the sheets'
        self._cache: dict[Any, int] = {}
        p = self.p
        # the lists must hold what Excel takes for granted: a font, fills 0 (none) and 1 (gray125), a
        # border, a cell style format and a cell format
        if not self.children["fonts"]:
            self._append("fonts", f'<{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font>'.encode())
        while len(self.children["fills"]) + len(self.new["fills"]) < 2:
            kind = "none" if not self.children["fills"] and not self.new["fills"] else "gray125"
            self._append("fills", f'<{p}fill><{p}patternFill patternType="{kind}"/></{p}fill>'.encode())
        if not self.children["borders"]:
            self._append("borders", f"<{p}border><{p}left/><{p}right/><{p}top/><{p}bottom/><{p}diagonal/></{p}border>"
                         .encode())
        if not self.children["cellStyleXfs"]:
            self._append("cellStyleXfs", f'<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.encode())
        if not self.children["cellXfs"]:
            self._append("cellXfs", f'<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.encode())
        self._reserved = False

    # -- reading ---------------------------------------------------------------------------

    def _get(self, name: str, index: int) -> bytes | None:
        have = self.children[name]
        if 0 <= index < len(have):
            return have[index]
        extra = index - len(have)
        if 0 <= extra < len(self.new[name]):
            return self.new[name][extra]
        return None

    def xf(self, index: int) -> bytes:
        """The ``xf`` element of cell format ``index`` (format 0 for an index out of range)."""
        return self._get("cellXfs", index) or self._get("cellXfs", 0) or b"<xf/>"

    def fill_of_xf(self, index: int) -> bytes:
        """The ``fill`` element a cell with format ``index`` shows."""
        tag = _start_tag(self.xf(index))
        fill_id = attr(tag, "fillId")
        fill = self._get("fills", int(fill_id)) if fill_id and fill_id.isdigit() else None
        return fill or self._get("fills", 0) or b""

    @property
    def xf_count(self) -> int:
        return len(self.children["cellXfs"]) + len(self.new["cellXfs"])

    def reserve(self, high: int) -> None:
        """Keep cell format indices up to ``high`` for the cells, rows and columns that point at
        them: a sheet may point past the last format (an exporter writing the sheet and the styles
        apart), and Excel shows such a cell in the default format — so must it after rectxl has
        appended its own. The list is filled up to ``high`` with copies of format 0 (at most
        :data:`MAX_XFS` formats, Excel's limit), rectxl's formats come after them, and
        :func:`revert` cuts the copies out again with them. Done before the first cell format is
        appended, for every index the workbook's sheets point at (:func:`referenced_xfs`)."""
        self.high = max(self.high, high)
        fill = min(high + 1, MAX_XFS) - self.xf_count
        if fill > 0:
            self.new["cellXfs"].extend([self.xf(0)] * fill)

    # -- appending -------------------------------------------------------------------------

    def _append(self, name: str, element: bytes) -> int:
        if name == "cellXfs" and not self._reserved:
            self._reserved = True
            parts = [s.part for s in self.book.sheets() if s.part is not None]
            self.reserve(referenced_xfs(self.pkg, parts, above=self.xf_count))
        self.new[name].append(element)
        return len(self.children[name]) + len(self.new[name]) - 1

    def solid_fill(self, color: str) -> int:
        key = ("fill", color)
        if key not in self._cache:
            p = self.p
            self._cache[key] = self._append("fills", (
                f'<{p}fill><{p}patternFill patternType="solid"><{p}fgColor rgb="FF{color}"/>'
                f'<{p}bgColor indexed="64"/></{p}patternFill></{p}fill>').encode())
        return self._cache[key]

    def fill(self, element: bytes) -> int:
        """The index of fill ``element`` (an existing identical one, or appended)."""
        key = ("fill-xml", element)
        if key not in self._cache:
            for i, existing in enumerate(self.children["fills"]):
                if existing == element:
                    self._cache[key] = i
                    break
            else:
                self._cache[key] = self._append("fills", element)
        return self._cache[key]

    def with_fill(self, xf_index: int, fill_id: int) -> int:
        """A cell format like ``xf_index`` showing fill ``fill_id``."""
        key = ("xf", xf_index, fill_id)
        if key not in self._cache:
            element = self.xf(xf_index)
            tag = _start_tag(element)
            new_tag = set_attr(set_attr(tag, "fillId", str(fill_id)), "applyFill", "1")
            self._cache[key] = self._append("cellXfs", new_tag + element[len(tag):])
        return self._cache[key]

    def highlight(self, xf_index: int, color: str) -> int:
        """A cell format like ``xf_index`` with a solid ``color`` (RRGGBB) fill."""
        return self.with_fill(xf_index, self.solid_fill(color))

    def look(self, look: Look) -> int:
        """The cell format of ``look`` (appended once)."""
        if look in self._cache:
            return self._cache[look]
        p = self.p
        font = 0
        if look.link:
            font = self._font("link")
        elif look.bold:
            font = self._font("bold")
        fill = self.solid_fill(look.fill) if look.fill else 0
        numfmt = self.number_format(look.number_format) if look.number_format else 0
        attrs = f'numFmtId="{numfmt}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
        attrs += "".join(f' {k}="1"' for k, on in (("applyNumberFormat", numfmt), ("applyFont", font),
                                                    ("applyFill", fill), ("applyAlignment", look.align),
                                                    ("quotePrefix", look.quote)) if on)
        if look.align == "wrap":
            body = f'<{p}alignment vertical="top" wrapText="1"/>'
        elif look.align == "center":
            body = f'<{p}alignment horizontal="center" vertical="center" wrapText="1"/>'
        else:
            body = ""
        element = f"<{p}xf {attrs}>{body}</{p}xf>" if body else f"<{p}xf {attrs}/>"
        self._cache[look] = self._append("cellXfs", element.encode())
        return self._cache[look]

    def number_format(self, code: str) -> int:
        """The id of number format ``code`` (built in, existing, or appended)."""
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        if code not in self.numfmts:
            fid = max([163, *self.numfmts.values()]) + 1
            self.numfmts[code] = fid
            self.new["numFmts"].append(
                f'<{self.p}numFmt numFmtId="{fid}" formatCode="{escape_attr(code)}"/>'.encode())
        return self.numfmts[code]

    def _font(self, kind: str) -> int:
        key = ("font", kind)
        if key in self._cache:
            return self._cache[key]
        p = self.p
        base = self._get("fonts", 0) or b""
        parts = {m.group(1): m.group(0) for m in _FONT_PARTS.finditer(base)}
        if kind == "link":
            parts[b"color"] = f'<{p}color rgb="FF{LINK_COLOR}"/>'.encode()
            head = f"<{p}u/>".encode()
        else:
            head = f"<{p}b/>".encode()
        body = b"".join(parts[k] for k in (b"sz", b"color", b"name", b"family", b"charset", b"scheme") if k in parts)
        self._cache[key] = self._append("fonts", f"<{p}font>".encode() + head + body + f"</{p}font>".encode())
        return self._cache[key]

    # -- writing ---------------------------------------------------------------------------

    def finish(self) -> bytes:
        """Write the part (with its relationship and content type when rectxl adds it)."""
        xml = self.xml
        if not any(self.new.values()):
            self.after = self.before
            return xml
        for name in _CHILD:
            appended = self.new[name]
            if not appended:
                continue
            container = _container(xml, name)
            if container is None:
                xml = _insert_container(xml, name, self.p)
                self.inserted.append(name)
                container = _container(xml, name)
                assert container is not None
            tag = xml[container.start:container.tag_end]
            total = len(self.children[name]) + len(appended)
            if container.get("count") is not None:
                tag = set_attr(tag, "count", str(total))
            if container.empty:
                tag = tag[:-2] + b">"
                body = tag + b"".join(appended) + b"</" + container.qname + b">"
                xml = xml[: container.start] + body + xml[container.end:]
            else:
                xml = (xml[: container.start] + tag + xml[container.tag_end:container.content_end]
                       + b"".join(appended) + xml[container.content_end:])
        self.pkg.write(self.part, xml)
        if self.added:
            self.book.add_override(self.part, CT_STYLES)
            self.book.add_rel(self.book.part, "styles", self.part)
        self.after = sha256(xml)
        return xml

    def record(self) -> dict[str, Any]:
        return {"part": self.part, "added": self.added, "before": self.before, "after": self.after,
                "base": self.base, "counts": self.counts, "inserted": self.inserted,
                **({"high": self.high} if self.high >= 0 else {})}


def revert(xml: bytes, record: dict[str, Any]) -> bytes | None:
    """The styles part as it was before rectxl appended to it, or None when ``xml`` is no longer
    exactly what rectxl wrote (then the appended formats stay). A container that held nothing
    before may have been written ``<numFmts count="0"/>`` (openpyxl does): both forms are tried."""
    if sha256(xml) != record.get("after"):
        return None
    return _revert(xml, record, self_closing=False) or _revert(xml, record, self_closing=True)


def _revert(xml: bytes, record: dict[str, Any], *, self_closing: bool) -> bytes | None:
    for name in reversed(_CHILD):
        container = _container(xml, name)
        if container is None:
            if record["base"].get(name):
                return None
            continue
        if name in record.get("inserted", []):
            xml = xml[: container.start] + xml[container.end:]
            continue
        keep = int(record["base"].get(name, 0))
        found = [] if container.empty else list(elements(xml, _CHILD[name], container.tag_end, container.content_end))
        if len(found) < keep:
            return None
        if len(found) == keep:
            continue
        tag = xml[container.start:container.tag_end]
        count = record["counts"].get(name)
        tag = remove_attr(tag, "count") if count is None else set_attr(tag, "count", count)
        if keep == 0 and self_closing:
            xml = xml[: container.start] + tag[:-1].rstrip() + b"/>" + xml[container.end:]
            continue
        xml = apply_edits(xml, [(container.start, container.tag_end, tag),
                                (found[keep].start, container.content_end, b"")])
    return xml if sha256(xml) == record.get("before") else None


def referenced_xfs(pkg: Package, parts: list[str], above: int = 0) -> int:
    """The highest cell format index at least ``above`` that a cell, row or column of the
    worksheet ``parts`` points at (-1: none). Byte searches for the numbers from ``above`` up (a
    100,000-row sheet has 1.4 million ``s`` attributes, nearly all of them below: they are not
    looked at one by one), in the part's spelling (single quotes, loose spacing)."""
    high = -1
    number = _at_least(max(above, 0))
    for part in parts:
        if not pkg.has(part):
            continue
        xml = pkg.read(part)
        d = dialect_of(xml[:HEAD])
        head = xml[: xml.find(b"sheetData")]  # the columns' styles come before the cells
        for name, where in ((b"s", xml), (b"style", head)):
            pattern = compiled(d.attr(name) + rb"\s*0*(" + number + rb")\s*" + d.quote)
            for m in pattern.finditer(where):
                high = max(high, int(m.group(1)))
    return high


def _at_least(n: int) -> bytes:
    """A regex (bytes) for the decimal numbers from ``n`` up, written without leading zeros."""
    digits = str(n)
    k = len(digits)
    alternatives = [rb"[1-9]\d{%d,}" % k, digits.encode()]
    for i, ch in enumerate(digits):
        if ch != "9":
            alternatives.append(f"{digits[:i]}[{int(ch) + 1}-9]".encode() + rb"\d{%d}" % (k - i - 1))
    return b"|".join(alternatives)


def _container(xml: bytes, name: str) -> Element | None:
    root = first(xml, "styleSheet")
    if root is None or root.empty:
        return None
    return first(xml, name, root.tag_end, root.content_end)


def _insert_container(xml: bytes, name: str, p: str) -> bytes:
    root = first(xml, "styleSheet")
    assert root is not None
    if root.empty:
        tag = xml[root.start:root.tag_end]
        xml = xml[: root.start] + tag[:-2].rstrip() + b"></" + root.qname + b">" + xml[root.end:]
        root = first(xml, "styleSheet")
        assert root is not None
    at = root.content_end
    for later in _ORDER[_ORDER.index(name) + 1:]:
        found = first(xml, later, root.tag_end, root.content_end)
        if found is not None:
            at = found.start
            break
    return xml[:at] + f'<{p}{name} count="0"/>'.encode() + xml[at:]


def _start_tag(element: bytes) -> bytes:
    end = element.find(b">")
    return element[: end + 1]


_FG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?fgColor\b([^>]*?)/?>")
_PATTERN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?patternFill\b([^>]*?)/?>")


def fill_rgb(fill: bytes) -> str | None:
    """RRGGBB of a solid pattern fill given as RGB, else None."""
    pattern = _PATTERN.search(fill)
    if pattern is None or attr(pattern.group(1), "patternType") != "solid":
        return None
    fg = _FG.search(fill)
    rgb = attr(fg.group(1), "rgb") if fg else None
    return rgb[-6:].upper() if rgb else None


def _color(fill: bytes, local: bytes) -> dict[str, Any] | None:
    m = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?" + local + rb"\b([^>]*?)/?>", fill)
    if m is None:
        return None
    attrs = m.group(1)
    tint = float(attr(attrs, "tint") or 0)
    for kind in ("rgb", "theme", "indexed", "auto"):
        value = attr(attrs, kind)
        if value is not None:
            parsed: Any = value if kind == "rgb" else (value in ("1", "true") if kind == "auto" else int(value))
            return {"type": kind, "value": parsed, "tint": tint}
    return None


def formats_filled(xml: bytes, colours: set[str]) -> set[int]:
    """The cell formats of the styles part ``xml`` whose fill is solid in one of ``colours`` (RRGGBB)."""
    lists: dict[str, list[bytes]] = {}
    for name in ("fills", "cellXfs"):
        container = _container(xml, name)
        lists[name] = [] if container is None or container.empty else [
            xml[e.start:e.end] for e in elements(xml, _CHILD[name], container.tag_end, container.content_end)]
    solid = {i for i, fill in enumerate(lists["fills"]) if fill_rgb(fill) in colours}
    out = set()
    for i, xf in enumerate(lists["cellXfs"]):
        fill_id = attr(_start_tag(xf), "fillId")
        if fill_id is not None and fill_id.isdigit() and int(fill_id) in solid:
            out.add(i)
    return out


def fill_description(fill: bytes) -> dict[str, Any]:
    """The fill as the marks sheet has always recorded it (``fill_type``, ``fg``, ``bg``), which
    the Excel add-in's 清除标记 reads."""
    if re.search(rb"<(?:[A-Za-z_][\w.-]*:)?gradientFill\b", fill):
        return {"fill_type": "gradient", "fg": None, "bg": None}
    pattern = _PATTERN.search(fill)
    kind = attr(pattern.group(1), "patternType") if pattern else None
    return {"fill_type": None if kind in (None, "none") else kind,
            "fg": _color(fill, b"fgColor"), "bg": _color(fill, b"bgColor")}
