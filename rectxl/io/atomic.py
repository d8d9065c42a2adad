"""Safe writes: a temporary file in the target's folder, moved into place only when complete.

A crash, a full disk or a killed process never leaves a half-written workbook behind, and the
temporary file is removed on failure.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rectxl.core.errors import UnsafeWriteError

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "ensure_not_input"]


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeWriteError(f"输出文件夹不存在:{folder}")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=target.suffix + ".tmp",
                                        dir=folder)
    except OSError as exc:
        raise UnsafeWriteError(_write_error(folder, exc)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates the file owner-only; give the output the mode a normal new file (or the file
    # it replaces) would have, so a shared folder's colleagues can still open it
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
    except OSError:
        pass
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise UnsafeWriteError(_write_error(folder, exc)) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(target, text.encode(encoding))


def ensure_not_input(output: Path, *inputs: Path) -> None:
    """Refuse to write an output over one of the inputs (use ``--in-place`` for that)."""
    for source in inputs:
        try:
            same = Path(output).resolve() == Path(source).resolve()
        except OSError:
            same = False
        if same:
            raise UnsafeWriteError(
                f"输出文件与输入文件相同({Path(output).name}):为保护原台账,请用 -o 指定另一个文件名,"
                "或明确使用 --in-place(会先自动备份)"
            )


def _write_error(folder: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"无法写入文件夹 {folder}:没有写权限或为只读,请换一个输出位置"
    if exc.errno == errno.ENOSPC:
        return f"无法写入文件夹 {folder}:磁盘空间已满,请清理空间后重试(原文件未改动)"
    return f"写入 {folder} 失败:{exc.strerror or exc}"
