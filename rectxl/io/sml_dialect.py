"""How one worksheet part is spelled, so that the byte-level scans read it as Excel does.

SpreadsheetML is XML: the same sheet may be written with the main namespace as the default
(``<row r="2"><c r="A2">``, what Excel writes) or under a prefix (``<x:row><x:c r="A2">``, what
the .NET OpenXML SDK writes), with double or single quotes, attributes in any order, and cells or
rows without their ``r`` attribute. The scans of :mod:`rectxl.io.sheet_xml`,
:mod:`rectxl.io.safety` and :mod:`rectxl.io.limits` run over 50 MB of XML for a 100,000-row
sheet, so they search literal bytes (``<row``, `` r="``), not an every-spelling regex (4× slower).
A :class:`Dialect` is read from the first bytes of a part — its root element declares the
namespace, and a writer spells every element of a part alike — and gives the scans the literal
patterns for that spelling; the usual spelling gets exactly the patterns it always had.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["HEAD", "MAIN_NAMESPACES", "Dialect", "dialect_of"]

#: the SpreadsheetML main namespace, transitional and strict
MAIN_NAMESPACES = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                   b"http://purl.oclc.org/ooxml/spreadsheetml/main")
#: bytes of a part read to tell its dialect
HEAD = 1 << 16

_DECL = re.compile(rb"""xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']([^"']*)["']""")
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?(?:worksheet|chartsheet|dialogsheet|macrosheet)(?=[\s/>])")
#: an attribute after a line break or tab: a tag spread over lines (text that looks like it only
#: makes the scans use the loose patterns, which read every spelling)
_BROKEN_TAG = re.compile(rb"[\t\r\n][\t\r\n ]*[A-Za-z_][\w:.-]*\s*=")


@dataclass(frozen=True)
class Dialect:
    """The spelling of one part: element prefixes of the main namespace (``b""`` for none, else
    ``b"x:"``), whether attribute values are single-quoted, whether attributes are spaced loosely."""

    prefixes: tuple[bytes, ...] = (b"",)
    single: bool = False
    loose: bool = False

    def tag(self, local: bytes) -> bytes:
        """A regex (bytes) for the start of element ``local``'s tags: ``<row`` or ``<(?:x:)row``."""
        if self.prefixes == (b"",):
            return b"<" + local
        if len(self.prefixes) == 1:
            return b"<" + re.escape(self.prefixes[0]) + local
        return b"<(?:" + b"|".join(re.escape(p) for p in self.prefixes) + b")" + local

    def end_tag(self, local: bytes) -> bytes:
        """A regex (bytes) for element ``local``'s end tag."""
        return b"</" + self.tag(local)[1:] + rb"\s*>"

    def literals(self, local: bytes) -> tuple[bytes, ...]:
        """The literal starts of element ``local``'s tags (``b"<row"``, ``b"<x:row"``)."""
        return tuple(b"<" + p + local for p in self.prefixes)

    def attr(self, name: bytes) -> bytes:
        """A regex (bytes) for `` name="`` as this part writes it (the quote included)."""
        if self.loose:
            return rb"\s" + name + rb"""\s*=\s*["']"""
        return b" " + name + (b"""=["']""" if self.single else b'="')

    @property
    def quote(self) -> bytes:
        """A regex (bytes) for the closing quote of an attribute value."""
        return b"""["']""" if self.single or self.loose else b'"'


#: the dialect of nearly every part (Excel, WPS, LibreOffice, openpyxl)
PLAIN = Dialect()


@functools.lru_cache(maxsize=8)
def dialect_of(head: bytes) -> Dialect:
    """The dialect of a part, from its first :data:`HEAD` bytes (kept: the reader's three scans of
    a part each ask for it, with the same bytes)."""
    head = head[:HEAD]
    prefixes = {(p + b":" if p else b"") for p, uri in _DECL.findall(head) if uri in MAIN_NAMESPACES}
    if not prefixes:  # no declaration seen: the root element's own prefix
        m = _ROOT.search(head)
        prefixes = {m.group(1) + b":" if m is not None and m.group(1) else b""}
    single = b"='" in head or b"= '" in head
    return _dialect(tuple(sorted(prefixes)), single, _loose(head))


def _loose(head: bytes) -> bool:
    """Whether the part spaces its attributes loosely: whitespace around ``=``, or a tag spread
    over lines. Byte searches first (what this buys: a regex over every tag of the head cost ~3 ms
    a part, a third of checking a small ledger); the XML declaration's line break is no sign."""
    body = head[head.find(b"?>") + 2:] if head.startswith(b"<?xml") else head
    if b" =" in body or b"= " in body:
        return True
    if b"\n" not in body and b"\t" not in body and b"\r" not in body:
        return False
    return _BROKEN_TAG.search(body) is not None


@functools.lru_cache(maxsize=64)
def _dialect(prefixes: tuple[bytes, ...], single: bool, loose: bool) -> Dialect:
    return Dialect(prefixes, single, loose)


@functools.lru_cache(maxsize=256)
def compiled(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]:
    """``re.compile`` of a dialect's pattern, kept (the scans build the same few again and again)."""
    return re.compile(pattern, flags)
