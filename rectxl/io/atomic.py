"""Safe writes: a temporary file in the target's folder, moved into place only when complete.

A crash, a full disk or a killed process never leaves a half-written workbook behind, and the
temporary file is removed on failure. Every operating-system error on the way becomes one
Chinese line (:func:`describe_os_error`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rectxl.core.errors import UnsafeWriteError

__all__ = [
    "MAX_NAME_BYTES",
    "atomic_copy",
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "describe_os_error",
    "ensure_not_input",
    "is_read_only_file",
    "same_file",
]

#: the longest file name (in bytes, UTF-8) the common file systems accept (ext4, NTFS, APFS)
MAX_NAME_BYTES = 255
#: characters of the target's name kept in the temporary file's name (the rest would only make
#: the temporary name longer than the target's, and too long for the file system)
_TMP_STEM_CHARS = 24


@contextmanager
def atomic_path(target: Path, *, like: Path | None = None, same_mode: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    The file ends with the permissions of the file it replaces; a new file gets those a new file
    gets (the umask applies) — but, written from ``like`` (a copy of a workbook), giving the group
    and others no more than ``like`` does, and with ``same_mode`` exactly ``like``'s (a backup): a
    ledger only its owner may read must not leave a copy or backup everyone may read. While it is
    written the temporary file is readable by its owner only."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeWriteError(f"输出文件夹不存在：{folder}")
    tmp, default = _create_temporary(folder, target)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        mode = _final_mode(target, like, same_mode, default)
        if mode is not None:
            try:
                os.chmod(tmp, mode)
            except OSError:
                pass
        os.replace(tmp, target)
    except OSError as exc:
        raise UnsafeWriteError(describe_os_error(exc, target, writing=True)) from None
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass


def _mode_of(path: Path) -> int | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


def _final_mode(target: Path, like: Path | None, same_mode: bool, default: int | None) -> int | None:
    """The permissions the written file gets (None: leave the temporary file's)."""
    replaced = _mode_of(target)
    if replaced is not None:  # the permissions of the file replaced
        return replaced
    source = _mode_of(like) if like is not None else None
    if source is None:
        return default
    if same_mode or default is None:
        return source
    # what the group and others may not do with the source they may not do with the copy; the
    # owner's rights are a new file's (a copy of a read-only ledger can be edited and cleared)
    return default & ~(0o077 & ~source)


def _create_temporary(folder: Path, target: Path) -> tuple[Path, int | None]:
    """An empty new file ``.~<name>.<random>.tmp`` in ``folder`` (created exclusively), and the
    permissions a new file gets there (the umask applied), before it is made private."""
    stem = target.stem[:_TMP_STEM_CHARS]
    for _ in range(100):
        tmp = folder / f".~{stem}.{os.urandom(4).hex()}{target.suffix[:16]}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise UnsafeWriteError(describe_os_error(exc, target, writing=True)) from None
        try:
            default: int | None = stat.S_IMODE(os.fstat(fd).st_mode)
        except OSError:
            default = None
        os.close(fd)
        try:
            os.chmod(tmp, 0o600)
        except OSError:
            pass
        return tmp, default
    raise UnsafeWriteError(f"无法在 {folder} 中创建临时文件，请换一个输出位置")


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to the new file ``target`` atomically, with ``source``'s permissions (the
    backup made before an ``--in-place`` write is no more readable than the original)."""
    with atomic_path(target, like=source, same_mode=True) as tmp:
        tmp.write_bytes(Path(source).read_bytes())


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(target, text.encode(encoding))


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file: the same path after following symbolic links
    and ``..``, or (when both exist) the same file on disk — a hard link, or another spelling on
    a file system that ignores case."""
    try:
        if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def ensure_not_input(output: Path, *inputs: Path) -> None:
    """Refuse to write an output over one of the inputs (whatever the path's spelling)."""
    for source in inputs:
        if same_file(Path(output), Path(source)):
            raise UnsafeWriteError(
                f"输出文件与输入文件相同（{Path(output).name}）：为保护原文件，请用 -o 指定另一个文件名")


def is_read_only_file(path: Path) -> bool:
    """An existing file whose owner may not write it (the "只读" attribute on Windows)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and not st.st_mode & stat.S_IWUSR


def describe_os_error(exc: OSError, path: Path | None = None, *, writing: bool = False) -> str:
    """One Chinese line for an operating-system error while reading or writing ``path``."""
    name = Path(exc.filename).name if path is None and isinstance(exc.filename, str) else (
        Path(path).name if path is not None else "")
    folder = Path(path).parent if path is not None else None
    where = f"“{name}”" if name else "文件"
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"无法写入{where}：磁盘空间已满（或超出配额），请清理空间后重试（原文件未改动）"
    if code == errno.ENAMETOOLONG:
        return f"文件名或路径过长，无法{'写入' if writing else '读取'}{where}：请缩短文件名，或放到较短的文件夹路径下"
    if code == errno.EROFS:
        return f"无法写入{where}：所在磁盘是只读的（如光盘或写保护的 U 盘），请换一个输出位置"
    if code in (errno.EACCES, errno.EPERM):
        if writing and path is not None and is_read_only_file(Path(path)):
            return f"无法写入{where}：该文件是只读的，请在文件属性中取消“只读”，或用 -o 写到另一个文件"
        if writing:
            return f"无法写入文件夹 {folder or '.'}：没有写权限或为只读，请换一个输出位置"
        return f"没有权限读取{where}：请检查文件权限，或先在 Excel/WPS 中关闭该文件"
    if code == errno.ENOENT:
        return f"找不到{'输出文件夹' if writing else '文件'}：{path if path is not None else name}"
    if code == errno.EISDIR:
        return f"{where}是文件夹，不是文件"
    if code in (errno.EBUSY, errno.ETXTBSY):
        return f"{where}正被其他程序占用（可能正在 Excel/WPS 中打开），请关闭后再试"
    if code == errno.EIO:
        return f"{'写入' if writing else '读取'}{where}时发生磁盘读写错误（原文件未改动），请检查磁盘或换一个位置后重试"
    detail = exc.strerror or str(exc)
    return f"{'写入' if writing else '读取'}{where}失败：{detail}"
