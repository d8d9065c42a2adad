"""A package opened once, each worksheet part inflated once, for the scans before the reader.

Three byte-level scans read a ledger's sheet XML before python-calamine does: stray far cells
(:mod:`rectxl.io.limits`), the used area (:mod:`rectxl.io.safety`) and what calamine does not
report (:mod:`rectxl.io.sheet_xml`). Streamed separately they inflated a 100,000-row sheet (~50 MB
of XML) three times, ~0.2 s each; sharing one inflation is what this module buys. A part is kept
only when its size is what the zip says and below :data:`MAX_SHARED`; anything else is streamed
as before, so the size and ratio guards still see every hostile part exactly as they did. The
zip's directory and the workbook's sheet list are read once too: on a folder of small ledgers
those fixed costs, paid by each scan, were a millisecond a file.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rectxl.io.ooxml import open_package, sheet_parts

if TYPE_CHECKING:
    from rectxl.io.stray import StrayCell

__all__ = ["MAX_SHARED", "InflatedParts", "open_part", "open_zip", "package_sheets"]

#: parts larger than this (uncompressed) are streamed by each scan instead of held in memory
MAX_SHARED = 128 << 20


class InflatedParts:
    """Inflated parts of one package by name (make one per file read; drop it before parsing)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._zip: zipfile.ZipFile | None = None
        self._sheets: dict[str, str] | None = None
        #: sheet part → its stray cells (:mod:`rectxl.io.stray`), found by the guards, read around by the reader
        self.strays: dict[str, list[StrayCell]] = {}

    def zip(self, path: Path) -> zipfile.ZipFile:
        """The package at ``path``, opened on first use (raises as :class:`zipfile.ZipFile` does)."""
        if self._zip is None:
            self._zip = open_package(path)
        return self._zip

    def sheets(self, zf: zipfile.ZipFile) -> dict[str, str]:
        """:func:`~rectxl.io.ooxml.sheet_parts` of the package, read once."""
        if self._sheets is None:
            self._sheets = sheet_parts(zf)
        return self._sheets

    def close(self) -> None:
        """Close the package and drop what was inflated."""
        if self._zip is not None:
            self._zip.close()
        self._zip, self._sheets, self._data = None, None, {}

    def open(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
        """A binary stream over ``info``'s bytes: from memory once it was inflated, else the zip's."""
        data = self._data.get(info.filename)
        if data is None:
            if info.file_size > MAX_SHARED:
                return zf.open(info)
            with zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
            if len(data) != info.file_size:  # it lies about its size: the scans' own guards say so
                return zf.open(info)
            self._data[info.filename] = data
        return io.BytesIO(data)  # shares ``data``: BytesIO copies only when written to


def open_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, parts: InflatedParts | None) -> IO[bytes]:
    """``info``'s bytes through ``parts`` when the caller shares them, else streamed from the zip."""
    return parts.open(zf, info) if parts is not None else zf.open(info)


def open_zip(path: Path, parts: InflatedParts | None) -> contextlib.AbstractContextManager[zipfile.ZipFile]:
    """The package at ``path`` for a ``with`` block: the shared one (left open) or a new one."""
    return contextlib.nullcontext(parts.zip(path)) if parts is not None else open_package(path)


def package_sheets(zf: zipfile.ZipFile, parts: InflatedParts | None) -> dict[str, str]:
    """Sheet name → worksheet part, read once when the caller shares ``parts``."""
    return parts.sheets(zf) if parts is not None else sheet_parts(zf)
