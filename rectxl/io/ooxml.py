"""Small, parser-free look-ups inside an OOXML workbook package (sheet name → part)."""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

__all__ = ["part_rels", "sheet_parts"]

_SHEET_ENTRY = re.compile(r'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL_ENTRY = re.compile(r"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def part_rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of ``part``: Id → (type, resolved target part name)."""
    folder = PurePosixPath(part).parent
    rels_name = str(folder / "_rels" / (PurePosixPath(part).name + ".rels"))
    try:
        xml = zf.read(rels_name).decode("utf-8", "replace")
    except KeyError:
        return {}
    rels: dict[str, tuple[str, str]] = {}
    for attrs in _REL_ENTRY.findall(xml):
        a = dict(_ATTR.findall(attrs))
        target = a.get("Target", "")
        if a.get("TargetMode") == "External":
            resolved = target
        elif target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            parts: list[str] = []
            for piece in (folder / target).parts:
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece != ".":
                    parts.append(piece)
            resolved = "/".join(parts)
        rels[a.get("Id", "")] = (a.get("Type", "").rsplit("/", 1)[-1], resolved)
    return rels


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part name (``xl/worksheets/sheet1.xml``)."""
    workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = part_rels(zf, "xl/workbook.xml")
    out: dict[str, str] = {}
    for name, rid in _SHEET_ENTRY.findall(workbook):
        if rid in rels:
            out[_unescape(name)] = rels[rid][1]
    return out


def _unescape(text: str) -> str:
    """XML character references in an attribute value (a sheet named “A&B” is ``A&amp;B``)."""
    if "&" not in text:
        return text
    from html import unescape  # only a name with a reference needs it

    return unescape(text)
