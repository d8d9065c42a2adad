"""Read a ledger file (.xlsx/.xlsm/.xls/.ods) into grids, then a ledger, through the pure core.

python-calamine does the reading (fast, and it reports merged ranges); openpyxl is only tried
when calamine cannot open an OOXML file. Every failure becomes a one-line Chinese
:class:`~rectxl.core.errors.LedgerError`.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import python_calamine as pc

from rectxl.core.errors import LedgerError
from rectxl.core.grid import Grid, ledger_from_grids
from rectxl.core.model import Ledger
from rectxl.core.text import col_index
from rectxl.io.memory import gc_paused
from rectxl.io.ooxml import sheet_parts
from rectxl.io.safety import inspect_package

__all__ = ["LEDGER_SUFFIXES", "file_sha256", "read_grids", "read_ledger", "release_freed_memory", "sibling_files"]

LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sibling_files(path: Path, limit: int = 20000) -> frozenset[str]:
    """Lower-cased names (and relative paths) of the files beside the workbook, for the
    ``evidence-file-missing`` rule. Walks at most ``limit`` entries."""
    root = path.parent
    names: set[str] = set()
    for count, (dirpath, _dirs, files) in enumerate(os.walk(root)):
        if count > 200:
            break
        for name in files:
            rel = (Path(dirpath) / name).relative_to(root).as_posix().lower()
            names.add(rel)
            names.add(name.lower())
            if len(names) > limit:
                return frozenset(names)
    return frozenset(names)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise LedgerError(f"找不到文件:{path}")
    if path.is_dir():
        raise LedgerError(f"{path} 是文件夹,不是台账文件(检查整个文件夹请用 rectxl batch)")
    if path.suffix.lower() not in LEDGER_SUFFIXES:
        raise LedgerError(f"{path.name} 不是 Excel 台账文件(支持 .xlsx、.xlsm、.xls、.ods)")
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except PermissionError:
        raise LedgerError(f"没有权限读取 {path.name}:请检查文件权限,或先在 Excel 中关闭该文件") from None
    except OSError as exc:
        raise LedgerError(f"无法读取 {path.name}:{exc.strerror or exc}") from None
    if size == 0:
        raise LedgerError(f"{path.name} 是空文件(0 字节),可能保存未完成或传输损坏:请重新获取该文件")


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of the workbook at ``path`` as a :class:`Grid` (absolute coordinates)."""
    path = Path(path)
    _check_file(path)
    inspect_package(path)
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise LedgerError(f"{path.name} 设有打开密码(已加密):请在 Excel 中取消密码后另存,再检查") from None
    except Exception as exc:  # calamine raises several types for broken files
        raise LedgerError(_describe_unreadable(path, exc)) from None
    grids: list[Grid] = []
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = wb.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            grids.append(Grid(
                name=meta.name,
                rows=rows,
                merges=merges,
                hidden=meta.visible != pc.SheetVisibleEnum.Visible,
            ))
    except Exception as exc:
        raise LedgerError(_describe_unreadable(path, exc)) from None
    finally:
        wb.close()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _restore_error_values(path, grids)
    return grids


_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*?t="e"[^>]*>(?:<f[^>]*?(?:/>|>.*?</f>))?<v>([^<]*)</v>')
def _restore_error_values(path: Path, grids: list[Grid]) -> None:
    """Put Excel error values (#REF!, #N/A …) back into the grids.

    python-calamine reads error cells as empty strings; a ledger cell showing #REF! is a real
    problem an auditor must see (``cell-error``), so the sheet XML is scanned for ``t="e"`` cells.
    This is a byte-level scan (no XML parser, so nothing to expand), streamed in chunks (a
    100,000-row sheet is ~50 MB of XML) and only regex-matched where ``t="e"`` occurs.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            by_name = {g.name: g for g in grids}
            for name, part in sheet_parts(zf).items():
                grid = by_name.get(name)
                if grid is None:
                    continue
                with zf.open(part) as fh:
                    found = list(_error_cells(fh))
                for col, row, value in found:
                    r, c = int(row) - 1, col_index(col.decode())
                    while len(grid.rows) <= r:
                        grid.rows.append([])
                    cells = grid.rows[r]
                    while len(cells) <= c:
                        cells.append("")
                    cells[c] = value.decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return


def _error_cells(fh: IO[bytes]) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(column, row, error text) of each ``t="e"`` cell of a sheet part, read in chunks; a chunk
    is cut before its last ``<c `` so that no cell is split."""
    tail = b""
    while chunk := fh.read(_CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<c ")
        if cut <= 0:
            tail = data
            continue
        yield from _match_error_cells(data[:cut])
        tail = data[cut:]
    yield from _match_error_cells(tail)


def _match_error_cells(data: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """:data:`_ERROR_CELL` matches in ``data``, tried only at cells whose tag has ``t="e"`` (a
    fast byte search finds those; error cells are rare, so most cells are never matched)."""
    done = -1
    pos = data.find(b't="e"')
    while pos != -1:
        start = data.rfind(b"<c ", 0, pos)
        if start > done:
            m = _ERROR_CELL.match(data, start)
            if m is not None:
                done = start
                yield m.group(1), m.group(2), m.group(3)
        pos = data.find(b't="e"', pos + 5)


_CHUNK = 1 << 22


def _describe_unreadable(path: Path, exc: Exception) -> str:
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(b"\xd0\xcf\x11\xe0") and "EncryptionInfo".encode("utf-16-le") in head:
        return f"{path.name} 设有打开密码(已加密):请在 Excel 中取消密码(文件 → 信息 → 保护工作簿)后另存,再检查"
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() in (".xlsx", ".xlsm"):
        return (f"{path.name} 是加密的或旧版(.xls)格式文件却以 {path.suffix} 结尾:"
                "如设有密码请先在 Excel 中取消密码,否则请另存为 .xlsx 后再检查")
    if not head.startswith(b"PK") and path.suffix.lower() in (".xlsx", ".xlsm", ".ods"):
        return f"{path.name} 不是有效的 Excel 文件(可能是改了扩展名的其他文件或已损坏)"
    return f"{path.name} 已损坏,无法读取(可能未完整下载或传输中断):请重新获取该文件"


def read_ledger(path: Path) -> Ledger:
    """Read the ledger at ``path`` (see :func:`rectxl.core.grid.ledger_from_grids`)."""
    with gc_paused():
        grids = read_grids(Path(path))
        release_freed_memory()
        return ledger_from_grids(grids)


def release_freed_memory() -> None:
    """Give the memory the reader has just freed back to the operating system.

    calamine (Rust) makes a small allocation per cell while parsing; glibc keeps the freed
    blocks in its heap, where Python's own small-object allocator cannot reuse them, so a
    100,000-row ledger would carry ~130 MB of dead heap through validation (a third of the
    peak). ``malloc_trim`` returns it. Linux with glibc only; elsewhere it does nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (e.g. musl)
        return None
