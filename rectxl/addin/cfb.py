"""A small, deterministic writer for compound files, per [MS-CFB] version 3.

``olefile`` can read compound files and overwrite streams of an existing file, but it
cannot create one, so this module writes them. It implements only what a VBA project
needs: storages and streams, version 3 (512-byte sectors), no DIFAT sectors (so at most
109 FAT sectors, about 7 MB), no timestamps and no CLSIDs. Section numbers refer to
[MS-CFB] (Compound File Binary File Format):

* §2.2 "Compound File Header": signature, minor version 0x003E, major version 3, byte
  order 0xFFFE, sector shift 9, mini sector shift 6, mini stream cutoff 4096, the first
  109 DIFAT entries in the header.
* §2.3 "Compound File FAT Sectors": FAT chains, FATSECT for the FAT's own sectors,
  ENDOFCHAIN, FREESECT for padding.
* §2.4 "Compound File Mini FAT Sectors" and §2.6.3 (the root entry's starting sector and
  size locate the mini stream): streams shorter than the cutoff live in 64-byte mini
  sectors inside the mini stream.
* §2.6 "Compound File Directory Sectors": 128-byte entries; §2.6.1 names (UTF-16, at most
  31 characters, no ``/ \\ : !``); §2.6.4 "Red-Black Tree": siblings form a red-black tree
  ordered by name length, then by upper-cased name.

Layout, in sector order: FAT sectors, directory sectors, mini FAT sectors, the mini
stream, then every large stream. The same input always gives the same bytes. The only
public entry point is :func:`write_compound_file`.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["write_compound_file"]

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
SECTOR_SIZE = 512
MINI_SECTOR_SIZE = 64
MINI_STREAM_CUTOFF = 4096
MAXREGSECT = 0xFFFFFFFA
FATSECT = 0xFFFFFFFD
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF

_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_ENTRIES_PER_SECTOR = SECTOR_SIZE // 128
_IDS_PER_SECTOR = SECTOR_SIZE // 4
_HEADER_DIFAT = 109


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Entry] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN
    size: int = 0


def _sort_key(name: str) -> tuple[int, str]:
    """§2.6.4: shorter names first, then code-point order of the upper-cased names."""
    return (len(name.encode("utf-16-le")) // 2, name.upper())


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or any(c in name for c in "/\\:!"):
        raise ValueError(f"invalid compound file entry name: {name!r}")


def _build_tree(streams: Mapping[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        parts = path.split("/")
        node = root
        for part in parts[:-1]:
            _check_name(part)
            node = node.children.setdefault(part.upper(), _Entry(part, _STORAGE))
            if node.kind != _STORAGE:
                raise ValueError(f"{path!r}: {part!r} is a stream, not a storage")
        _check_name(parts[-1])
        if parts[-1].upper() in node.children:
            raise ValueError(f"duplicate entry: {path!r}")
        node.children[parts[-1].upper()] = _Entry(parts[-1], _STREAM, bytes(data))
    return root


def _flatten(root: _Entry) -> list[_Entry]:
    """Assign stream ids: the root first, then each storage's children, depth first."""
    order = [root]

    def visit(node: _Entry) -> None:
        kids = sorted(node.children.values(), key=lambda e: _sort_key(e.name))
        for kid in kids:
            kid.sid = len(order)
            order.append(kid)
        node.child = _link_siblings(kids)
        for kid in kids:
            if kid.kind == _STORAGE:
                visit(kid)

    visit(root)
    return order


def _link_siblings(kids: list[_Entry]) -> int:
    """Link sorted *kids* as a balanced red-black tree; return the id of its root.

    The tree is built by taking medians, so every level but the deepest is full. Every
    node is black except those on the deepest level of a tree that is not perfect, which
    are red: each red node then has a black parent and every path from the root to a leaf
    crosses the same number of black nodes (§2.6.4).
    """
    if not kids:
        return NOSTREAM
    depth: dict[int, int] = {}

    def build(lo: int, hi: int, level: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = kids[mid]
        depth[mid] = level
        node.left = build(lo, mid, level + 1)
        node.right = build(mid + 1, hi, level + 1)
        return node.sid

    top = build(0, len(kids), 0)
    deepest = max(depth.values())
    perfect = len(kids) == (1 << (deepest + 1)) - 1
    for i, node in enumerate(kids):
        node.color = _RED if (not perfect and depth[i] == deepest) else _BLACK
    return top


def _chain(fat: list[int], start: int, count: int) -> int:
    """Write a contiguous chain of *count* sectors at *start* into *fat*."""
    if count == 0:
        return ENDOFCHAIN
    for i in range(start, start + count - 1):
        fat[i] = i + 1
    fat[start + count - 1] = ENDOFCHAIN
    return start


def _pad(data: bytes, unit: int) -> bytes:
    return data + bytes(-len(data) % unit)


def _dir_entry(entry: _Entry | None) -> bytes:
    if entry is None:  # unused entry
        return bytes(64) + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) + bytes(48)
    name = entry.name.encode("utf-16-le")
    return (
        name.ljust(64, b"\x00")
        + struct.pack("<HBB", len(name) + 2, entry.kind, entry.color)
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + bytes(16)  # CLSID
        + bytes(4)  # state bits
        + bytes(16)  # creation and modified times: zero (allowed, reproducible)
        + struct.pack("<IQ", entry.start, entry.size)
    )


def write_compound_file(streams: Mapping[str, bytes]) -> bytes:
    """Return a compound file holding *streams* (``"Storage/Stream"`` path -> bytes).

    Storages are created from the paths. The result does not depend on the order of
    *streams*.
    """
    root = _build_tree(streams)
    entries = _flatten(root)
    stream_entries = [e for e in entries if e.kind == _STREAM]

    # Mini stream: every stream shorter than the cutoff, in directory order.
    mini_fat: list[int] = []
    mini_stream = bytearray()
    big: list[_Entry] = []
    for entry in stream_entries:
        entry.size = len(entry.data)
        if entry.size == 0:
            entry.start = ENDOFCHAIN
        elif entry.size < MINI_STREAM_CUTOFF:
            count = -(-entry.size // MINI_SECTOR_SIZE)
            mini_fat.extend([FREESECT] * count)
            entry.start = _chain(mini_fat, len(mini_fat) - count, count)
            mini_stream += _pad(entry.data, MINI_SECTOR_SIZE)
        else:
            big.append(entry)
    for entry in entries:
        if entry.kind == _STORAGE:
            entry.start, entry.size = 0, 0

    n_dir = -(-len(entries) // _ENTRIES_PER_SECTOR)
    n_minifat = -(-len(mini_fat) // _IDS_PER_SECTOR)
    n_mini = -(-len(mini_stream) // SECTOR_SIZE)
    n_big = [-(-len(e.data) // SECTOR_SIZE) for e in big]
    n_other = n_dir + n_minifat + n_mini + sum(n_big)
    n_fat = 1
    while n_fat * _IDS_PER_SECTOR < n_fat + n_other:
        n_fat += 1
    if n_fat > _HEADER_DIFAT:
        raise ValueError("compound file too large for a writer without DIFAT sectors")
    total = n_fat + n_other
    if total > MAXREGSECT:
        raise ValueError("compound file too large")

    fat = [FREESECT] * (n_fat * _IDS_PER_SECTOR)
    for i in range(n_fat):
        fat[i] = FATSECT
    pos = n_fat
    dir_start = _chain(fat, pos, n_dir)
    pos += n_dir
    minifat_start = _chain(fat, pos, n_minifat)
    pos += n_minifat
    root.start = _chain(fat, pos, n_mini)
    root.size = len(mini_stream)
    pos += n_mini
    for entry, count in zip(big, n_big, strict=True):
        entry.start = _chain(fat, pos, count)
        pos += count

    difat = list(range(n_fat)) + [FREESECT] * (_HEADER_DIFAT - n_fat)
    header = (
        SIGNATURE
        + bytes(16)  # header CLSID
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)  # reserved
        + struct.pack(
            "<IIIIIIIII",
            0,  # number of directory sectors: MUST be 0 for version 3
            n_fat,
            dir_start,
            0,  # transaction signature
            MINI_STREAM_CUTOFF,
            minifat_start,
            n_minifat,
            ENDOFCHAIN,  # first DIFAT sector: none
            0,  # number of DIFAT sectors
        )
        + struct.pack(f"<{_HEADER_DIFAT}I", *difat)
    )
    assert len(header) == SECTOR_SIZE

    directory = b"".join(_dir_entry(e) for e in entries)
    directory += b"".join(
        _dir_entry(None) for _ in range(n_dir * _ENTRIES_PER_SECTOR - len(entries))
    )
    minifat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    minifat_bytes += struct.pack("<I", FREESECT) * (n_minifat * _IDS_PER_SECTOR - len(mini_fat))

    body = bytearray(header)
    body += struct.pack(f"<{len(fat)}I", *fat)
    body += directory
    body += minifat_bytes
    body += _pad(bytes(mini_stream), SECTOR_SIZE)
    for entry in big:
        body += _pad(entry.data, SECTOR_SIZE)
    assert len(body) == SECTOR_SIZE * (1 + total)
    return bytes(body)
