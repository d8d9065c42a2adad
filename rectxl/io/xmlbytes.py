"""Byte-level edits of XML parts: find an element, change one attribute, insert or cut an element —
leaving every other byte of the part as it was.

rectxl changes a handful of attributes and elements in the user's parts. Parsing a part and
serialising it again would rewrite the rest of it too (quoting, namespace prefixes, character
references, whitespace); editing the bytes keeps the rest identical, so that ``annotate`` followed
by ``--clear`` gives back the very same bytes. Comments and CDATA sections are skipped, never
matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from rectxl.core.text import LazyPattern

__all__ = [
    "Element",
    "apply_edits",
    "attr",
    "attr_local",
    "elements",
    "escape_attr",
    "escape_text",
    "first",
    "remove_attr",
    "set_attr",
    "xml_safe",
]

_QNAME = rb"(?:[A-Za-z_][\w.-]*:)?"
_ATTRS = re.compile(rb"""([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
_PATTERNS: dict[bytes, re.Pattern[bytes]] = {}


def _pattern(local: bytes) -> re.Pattern[bytes]:
    pattern = _PATTERNS.get(local)
    if pattern is None:
        pattern = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<(" + _QNAME + re.escape(local)
                             + rb")(?=[\s/>])([^>]*?)(/?)>", re.S)
        _PATTERNS[local] = pattern
    return pattern


@dataclass
class Element:
    """One element found in a part, by byte offsets."""

    start: int  # the '<' of the start tag
    tag_end: int  # just after the start tag's '>'
    end: int  # just after the element ('/>' or its end tag)
    qname: bytes
    attrs: bytes  # the start tag's attribute text
    empty: bool

    @property
    def prefix(self) -> bytes:
        return self.qname[: self.qname.index(b":") + 1] if b":" in self.qname else b""

    @property
    def content_end(self) -> int:
        """Offset of the end tag (== ``end`` for an empty element)."""
        return self.end if self.empty else self.end - len(self.qname) - 3

    def get(self, name: str) -> str | None:
        return attr(self.attrs, name)


def elements(xml: bytes, local: str, start: int = 0, end: int | None = None) -> Iterator[Element]:
    """Elements named ``local`` (any prefix) between ``start`` and ``end``, in document order.
    Elements nested inside a found element are not searched."""
    pattern = _pattern(local.encode())
    stop = len(xml) if end is None else end
    pos = start
    while True:
        m = pattern.search(xml, pos, stop)
        if m is None:
            return
        if m.group(1) is None:  # a comment, CDATA section or processing instruction
            pos = m.end()
            continue
        qname = m.group(1)
        if m.group(3):
            elem_end = m.end()
        else:
            close = re.compile(rb"</" + re.escape(qname) + rb"\s*>").search(xml, m.end(), stop)
            if close is None:
                raise ValueError(f"unclosed element {qname.decode(errors='replace')}")
            elem_end = close.end()
        yield Element(m.start(), m.end(), elem_end, qname, m.group(2), bool(m.group(3)))
        pos = elem_end


def first(xml: bytes, local: str, start: int = 0, end: int | None = None) -> Element | None:
    return next(elements(xml, local, start, end), None)


def _attr_span(attrs: bytes, name: str) -> re.Match[bytes] | None:
    key = name.encode()
    for m in _ATTRS.finditer(attrs):
        if m.group(1) == key:
            return m
    return None


def attr(attrs: bytes, name: str) -> str | None:
    """The (unescaped) value of attribute ``name`` (a qualified name as written, e.g. ``r:id``)."""
    m = _attr_span(attrs, name)
    return None if m is None else unescape(m.group(2)[1:-1].decode("utf-8", "replace"))


def attr_local(attrs: bytes, local: str) -> str | None:
    """The value of the first attribute whose local name is ``local`` (any prefix)."""
    key = local.encode()
    for m in _ATTRS.finditer(attrs):
        name = m.group(1)
        if name == key or name.endswith(b":" + key):
            return unescape(m.group(2)[1:-1].decode("utf-8", "replace"))
    return None


_TAG_NAME = re.compile(rb"<[^\s/>]+")


def _name_end(tag: bytes) -> int:
    m = _TAG_NAME.match(tag)
    return m.end() if m else 0


def set_attr(tag: bytes, name: str, value: str) -> bytes:
    """Start tag ``tag`` (``<x a="1">``, whole) with attribute ``name`` set to ``value``: the old
    value replaced in its own quotes, or `` name="value"`` added just before the tag's end."""
    head = _name_end(tag)
    m = _attr_span(tag[head:], name)
    encoded = escape_attr(value).encode()
    if m is not None:
        s, e = head + m.start(2) + 1, head + m.end(2) - 1
        return tag[:s] + encoded + tag[e:]
    cut = len(tag) - (2 if tag.endswith(b"/>") else 1)
    return tag[:cut] + b" " + name.encode() + b'="' + encoded + b'"' + tag[cut:]


def remove_attr(tag: bytes, name: str) -> bytes:
    """``tag`` without attribute ``name`` and the one whitespace character before it (the exact
    inverse of :func:`set_attr` adding it)."""
    head = _name_end(tag)
    m = _attr_span(tag[head:], name)
    if m is None:
        return tag
    s, e = head + m.start(), head + m.end()
    return tag[: s - 1] + tag[e:]


def apply_edits(xml: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Replace each (start, end) span of ``xml`` by its bytes; spans must not overlap."""
    if not edits:
        return xml
    edits = sorted(edits, key=lambda e: (e[0], e[1]))
    out: list[bytes] = []
    pos = 0
    for start, end, data in edits:
        if start < pos:
            raise ValueError("overlapping edits")
        out.append(xml[pos:start])
        out.append(data)
        pos = end
    out.append(xml[pos:])
    return b"".join(out)


_INVALID = LazyPattern("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE_LOOKALIKE = LazyPattern(r"_(x[0-9A-Fa-f]{4}_)")


def xml_safe(text: str) -> str:
    """``text`` without characters XML cannot hold, with literal ``_xHHHH_`` kept literal (Excel
    would read it as an escaped character)."""
    text = _INVALID.sub("", text)
    if "_x" in text:
        text = _ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
    return text


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
