"""An .xlsx/.xlsm package as a zip of parts that rectxl edits in place.

Only the parts rectxl changes are decompressed, edited and compressed again; every other part is
copied *raw* — its compressed bytes, name, position, compression method, time stamp and
attributes exactly as they were — so nothing of the user's that rectxl does not understand can
be lost (cached formula values, cell pictures, x14 extensions, printer settings, customXml, VBA…).

The zip writer is written out here (a few dozen lines of the ZIP format) rather than borrowed
from :mod:`zipfile`, whose writer cannot copy a member without recompressing it. Packages that
would need ZIP64 (more than 65,535 parts or 4 GiB) are written by :mod:`zipfile` instead, with
each unchanged part decompressed and recompressed (same bytes, same method).
"""

from __future__ import annotations

import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rectxl.core.errors import RectxlError
from rectxl.io.atomic import atomic_path
from rectxl.io.ooxml import open_package

__all__ = ["EDITABLE_SUFFIXES", "Package", "copy_zip_members"]

#: the formats rectxl writes into (.xls/.ods/.xlsb are read-only inputs)
EDITABLE_SUFFIXES = (".xlsx", ".xlsm")

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sBBHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_LIMIT_32 = 0xFFFFFFFF
_DATA_DESCRIPTOR = 0x08
_CHUNK = 1 << 20


@dataclass
class _Member:
    info: zipfile.ZipInfo | None  # None: a part rectxl adds
    data: bytes | None = None  # None: unchanged, copied raw from the source


class Package:
    """The parts of one workbook package, in their original order. Read with :meth:`read`,
    change with :meth:`write` / :meth:`remove`, then :meth:`save` to a new file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._zip = open_package(self.path)
        except (zipfile.BadZipFile, OSError):
            raise RectxlError(f"{self.path.name} 已损坏或不是有效的 .xlsx 文件，无法写入") from None
        self._members: dict[str, _Member] = {}
        self._folded: dict[str, str] = {}
        for info in self._zip.infolist():
            if info.filename in self._members or info.filename.lower() in self._folded:
                self._zip.close()
                raise RectxlError(f"{self.path.name} 中有重复的部件“{info.filename}”（文件已损坏），无法写入")
            self._members[info.filename] = _Member(info)
            self._folded[info.filename.lower()] = info.filename
        self.comment = self._zip.comment

    # -- reading ---------------------------------------------------------------------------

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return list(self._members)

    def find(self, name: str) -> str | None:
        """The stored name of part ``name`` (part names are case-insensitive in OOXML)."""
        if name in self._members:
            return name
        return self._folded.get(name.lower())

    def has(self, name: str) -> bool:
        return self.find(name) is not None

    def read(self, name: str) -> bytes:
        stored = self.find(name)
        if stored is None:
            raise KeyError(name)
        member = self._members[stored]
        if member.data is not None:
            return member.data
        assert member.info is not None
        try:
            return self._zip.read(member.info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            raise RectxlError(f"{self.path.name} 中的 {stored} 已损坏，无法写入") from None

    def changed(self, name: str) -> bool:
        """Whether part ``name`` was written or added since the package was opened."""
        stored = self.find(name)
        return stored is not None and self._members[stored].data is not None

    # -- editing ---------------------------------------------------------------------------

    def write(self, name: str, data: bytes) -> None:
        """Replace part ``name`` (keeping its place and settings) or add it at the end."""
        stored = self.find(name)
        if stored is not None:
            self._members[stored].data = data
            return
        self._members[name] = _Member(None, data)
        self._folded[name.lower()] = name

    def remove(self, name: str) -> None:
        stored = self.find(name)
        if stored is not None:
            del self._members[stored]
            del self._folded[stored.lower()]

    def free_name(self, pattern: str) -> str:
        """The first ``pattern.format(n)`` (n = 1, 2, …) that names no part."""
        n = 1
        while self.has(pattern.format(n)):
            n += 1
        return pattern.format(n)

    # -- writing ---------------------------------------------------------------------------

    def save(self, target: Path) -> None:
        """Write the package to ``target`` atomically (never half-written): with the permissions of
        the file it replaces, and a new file never more readable than the workbook it came from."""
        with atomic_path(target, like=self.path) as tmp:
            if len(self._members) < 0xFFFF and self._zip.fp is not None:
                try:
                    with tmp.open("wb") as out:
                        self._write_raw(out)
                    return
                except _NeedsZip64:
                    pass
            self._write_zipfile(tmp)

    def _write_raw(self, out: IO[bytes]) -> None:
        src = self._zip.fp
        assert src is not None
        central: list[bytes] = []
        stamp = _dos_time()
        for name, member in self._members.items():
            offset = out.tell()
            if offset > _LIMIT_32:
                raise _NeedsZip64
            info = member.info
            if member.data is None:
                assert info is not None
                local_extra, data_start = _local_header(src, info)
                meta = _Meta.of(info, local_extra)
                out.write(meta.local())
                _copy_range(src, data_start, info.compress_size, out)
            else:
                meta = _Meta.new(name, member.data, info, stamp)
                out.write(meta.local())
                out.write(meta.payload)
            central.append(meta.central(offset))
        start = out.tell()
        for record in central:
            out.write(record)
        size = out.tell() - start
        if start > _LIMIT_32 or size > _LIMIT_32:
            raise _NeedsZip64
        comment = self.comment[:0xFFFF]
        out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, start, len(comment)) + comment)

    def _write_zipfile(self, tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as out:
            for name, member in self._members.items():
                if member.info is None:
                    info = zipfile.ZipInfo(name, time.localtime()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                else:
                    info = _copy_info(member.info)
                data = member.data if member.data is not None else self.read(name)
                out.writestr(info, data)
            out.comment = self.comment


class _NeedsZip64(Exception):
    pass


@dataclass
class _Meta:
    """One member's header fields, as written to the local and central headers."""

    name: bytes
    flags: int
    method: int
    dos_time: int
    dos_date: int
    crc: int
    csize: int
    usize: int
    local_extra: bytes
    central_extra: bytes
    comment: bytes
    create: int  # version made by | system << 8
    extract: int
    internal: int
    external: int
    payload: bytes = b""

    @classmethod
    def of(cls, info: zipfile.ZipInfo, local_extra: bytes) -> _Meta:
        if info.compress_size > _LIMIT_32 or info.file_size > _LIMIT_32:
            raise _NeedsZip64
        y, mo, d, h, mi, s = info.date_time
        return cls(
            name=_raw_name(info), flags=info.flag_bits & ~_DATA_DESCRIPTOR, method=info.compress_type,
            dos_time=h << 11 | mi << 5 | s // 2, dos_date=(y - 1980) << 9 | mo << 5 | d,
            crc=info.CRC, csize=info.compress_size, usize=info.file_size,
            local_extra=_strip_zip64(local_extra), central_extra=_strip_zip64(info.extra),
            comment=info.comment, create=info.create_version | info.create_system << 8,
            extract=info.extract_version, internal=info.internal_attr, external=info.external_attr,
        )

    @classmethod
    def new(cls, name: str, data: bytes, like: zipfile.ZipInfo | None, stamp: tuple[int, int]) -> _Meta:
        method = like.compress_type if like is not None else zipfile.ZIP_DEFLATED
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = zipfile.ZIP_DEFLATED
        if method == zipfile.ZIP_DEFLATED:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            payload = packer.compress(data) + packer.flush()
        else:
            payload = data
        if len(payload) > _LIMIT_32 or len(data) > _LIMIT_32:
            raise _NeedsZip64
        encoded, flags = _encode_name(name)
        if like is not None:
            meta = cls.of(like, b"")
            meta.crc, meta.csize, meta.usize, meta.payload, meta.method = (
                zlib.crc32(data), len(payload), len(data), payload, method)
            meta.flags &= 0x0800  # keep only the UTF-8 name flag (no descriptor, no deflate options)
            meta.local_extra, meta.central_extra = b"", b""
            meta.extract = max(meta.extract, 20)
            return meta
        return cls(name=encoded, flags=flags, method=method, dos_time=stamp[0], dos_date=stamp[1],
                   crc=zlib.crc32(data), csize=len(payload), usize=len(data), local_extra=b"", central_extra=b"",
                   comment=b"", create=20, extract=20, internal=0, external=0o600 << 16, payload=payload)

    def local(self) -> bytes:
        return _LOCAL.pack(b"PK\x03\x04", self.extract, self.flags, self.method, self.dos_time, self.dos_date,
                           self.crc, self.csize, self.usize, len(self.name), len(self.local_extra)
                           ) + self.name + self.local_extra

    def central(self, offset: int) -> bytes:
        return _CENTRAL.pack(b"PK\x01\x02", self.create & 0xFF, self.create >> 8, self.extract, self.flags,
                             self.method, self.dos_time, self.dos_date, self.crc, self.csize, self.usize,
                             len(self.name), len(self.central_extra), len(self.comment), 0, self.internal,
                             self.external, offset) + self.name + self.central_extra + self.comment


def _dos_time() -> tuple[int, int]:
    y, mo, d, h, mi, s = time.localtime()[:6]
    return h << 11 | mi << 5 | s // 2, (max(y, 1980) - 1980) << 9 | mo << 5 | d


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    """The member's name as the zip stores it — with ``/`` where it was stored with Windows
    separators (:func:`~rectxl.io.ooxml.slash_names`), so that the copy is a valid package, which
    LibreOffice and .NET's packaging read too."""
    if info.flag_bits & 0x0800:
        return info.filename.encode("utf-8")
    try:
        return (info.filename if "\\" in info.orig_filename else info.orig_filename).encode("cp437")
    except UnicodeEncodeError:  # a name decoded with another metadata encoding
        return info.filename.encode("utf-8")


def _encode_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x0800


def _strip_zip64(extra: bytes) -> bytes:
    """``extra`` without its ZIP64 field (sizes and offsets are written in 32 bits here)."""
    out = bytearray()
    i = 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        if kind != 0x0001:
            out += extra[i:i + 4 + size]
        i += 4 + size
    return bytes(out)


def _local_header(src: IO[bytes], info: zipfile.ZipInfo) -> tuple[bytes, int]:
    """(local extra field, offset of the data) of ``info``'s member in ``src``."""
    src.seek(info.header_offset)
    header = src.read(_LOCAL.size)
    if len(header) != _LOCAL.size or header[:4] != b"PK\x03\x04":
        raise RectxlError(f"压缩包中 {info.filename} 的记录已损坏，无法写入")
    name_len, extra_len = struct.unpack_from("<HH", header, 26)
    src.seek(info.header_offset + _LOCAL.size + name_len)
    extra = src.read(extra_len)
    return extra, info.header_offset + _LOCAL.size + name_len + extra_len


def _copy_range(src: IO[bytes], start: int, length: int, out: IO[bytes]) -> None:
    src.seek(start)
    left = length
    while left > 0:
        chunk = src.read(min(left, _CHUNK))
        if not chunk:
            raise RectxlError("压缩包被截断（文件不完整），无法写入")
        out.write(chunk)
        left -= len(chunk)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.compress_type = info.compress_type
    new.comment = info.comment
    new.extra = _strip_zip64(info.extra)
    new.create_system = info.create_system
    new.external_attr = info.external_attr
    new.internal_attr = info.internal_attr
    return new


def copy_zip_members(source: Path, target: Path) -> None:
    """A bare copy of a zip, every member decompressed and compressed again (the benchmark's
    baseline for what rewriting a package costs)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            out.writestr(_copy_info(info), src.read(info))


def iter_parts(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every part of the zip at ``path`` (tests compare packages with it)."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            yield info.filename, zf.read(info)
