"""A ledger or a notice kept in a Word 97-2003 document (.doc, or a WPS 文字 .wps saved so):
converted to .docx by LibreOffice, then read.

Offices still save their 整改台账 from old templates as binary .doc files, which python-docx cannot
open, and many offices publish their 通报 for download as a .doc. When LibreOffice is installed
(``soffice`` on the PATH, or ``libreoffice``), the file is converted headless into a temporary
folder (its own user profile, so that conversions running side by side in ``rectxl batch`` and an
office's open LibreOffice do not block one another) and the .docx it makes is read as any Word
ledger or notice; the temporary folder is removed at once. Without LibreOffice, or when the
conversion fails, the user is told in Chinese to save the file as .docx — never a crash, never a
file passed over in silence.

The same conversion (:func:`converted`) makes an .xlsx of an .xls or .xlsb whose legend keys its
statuses by colour, for the colours those formats keep where rectxl does not read them (an .xls's
conditional formats, an .xlsb's fills): the values are still read from the clerk's file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rectxl.core.errors import LedgerError
from rectxl.core.grid import Grid

__all__ = ["LEGACY_WORD_SUFFIXES", "ConversionFailed", "LegacyWordError", "as_docx", "converted", "is_legacy_word",
           "kind_name", "read_legacy_word_grids", "soffice"]

#: the names a Word 97-2003 document goes by: .doc, WPS 文字's own .wps (a Word 97 document inside,
#: but for the oldest WPS versions), and their templates (.dot, WPS's .wpt)
LEGACY_WORD_SUFFIXES = (".doc", ".wps", ".dot", ".wpt")
#: how the user is told what the file is, by its name
_KIND_NAMES = {".wps": "WPS 文字文档", ".wpt": "WPS 文字模板"}
#: seconds one conversion may take (LibreOffice's first start in a fresh profile is the slow part)
CONVERT_TIMEOUT = 180


def is_legacy_word(path: Path) -> bool:
    """Whether ``path`` is named as a Word 97-2003 document and is no .docx inside (a renamed .docx
    is read as one directly)."""
    if Path(path).suffix.lower() not in LEGACY_WORD_SUFFIXES:
        return False
    from rectxl.io.file_kind import ZIP_MAGIC

    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(ZIP_MAGIC)) != ZIP_MAGIC
    except OSError:
        return True  # the reader says why it cannot be opened


def soffice() -> str | None:
    """LibreOffice's command on this machine, or ``None`` when it is not installed."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def kind_name(path: Path | str) -> str:
    """What the binary word-processor file at ``path`` is called to the user ("Word 97-2003 文档",
    "WPS 文字文档"), by its name."""
    return _KIND_NAMES.get(Path(path).suffix.lower(), "Word 97-2003 文档")


class LegacyWordError(LedgerError):
    """A Word 97-2003 document that could not be converted; ``why`` says why, in a clause
    ("本机未安装 LibreOffice，无法自动转换")."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path.name} 是 {kind_name(path)}（{path.suffix}），{why}：请在 Word 或 WPS 中打开它，"
                         "“另存为”Word 文档（.docx）后再检查")
        self.why = why


def _save_as_docx(path: Path, why: str) -> LedgerError:
    return LegacyWordError(path, why)


class ConversionFailed(Exception):
    """LibreOffice could not make a .docx of the file; ``why`` says why, in a clause."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@contextmanager
def as_docx(path: Path) -> Iterator[Path]:
    """The document at ``path`` converted to .docx by LibreOffice, in a temporary folder removed
    when the block ends; :class:`ConversionFailed` when LibreOffice is missing or fails."""
    with converted(path, "docx") as copy:
        yield copy


@contextmanager
def converted(path: Path, target: str) -> Iterator[Path]:
    """The file at ``path`` converted by LibreOffice to ``target`` ("docx"; "xlsx" for the colours
    of an .xls or .xlsb, :func:`rectxl.io.reader.read_grids`), in a temporary folder removed when
    the block ends; :class:`ConversionFailed` when LibreOffice is missing or fails. The one home of
    rectxl's LibreOffice conversions."""
    # (subprocess, tempfile and shutil only for a .doc: every other run of rectxl starts without them)
    import shutil
    import subprocess
    import tempfile

    command = soffice()
    if command is None:
        raise ConversionFailed("本机未安装 LibreOffice，rectxl 无法自动转换、读取")
    with tempfile.TemporaryDirectory(prefix="rectxl-doc-") as work:
        folder = Path(work)
        # an ASCII name: no encoding of the clerk's to go wrong; a Word 97 document under WPS's name
        # is named .doc, so LibreOffice never takes it for a Microsoft Works file (also .wps)
        source = folder / f"document{_convert_suffix(path)}"
        shutil.copyfile(path, source)
        try:
            done = subprocess.run(
                [command, "--headless", "--norestore", "--nolockcheck",
                 f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                 "--convert-to", target, "--outdir", str(folder / "out"), str(source)],
                stdin=subprocess.DEVNULL, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionFailed(f"用 LibreOffice 转换超过 {CONVERT_TIMEOUT} 秒仍未完成") from None
        except OSError as exc:
            raise ConversionFailed(f"无法启动 LibreOffice 转换（{exc.strerror or exc}）") from None
        copy = folder / "out" / f"document.{target}"
        if done.returncode != 0 or not copy.is_file():
            if path.suffix.lower() in (".wps", ".wpt"):  # WPS 2000 and earlier kept their own format
                raise ConversionFailed("用 LibreOffice 转换失败（可能是早期 WPS 版本的文件格式，或文件已损坏）")
            raise ConversionFailed("用 LibreOffice 转换失败（文件可能已损坏）")
        yield copy


def _convert_suffix(path: Path) -> str:
    """The name LibreOffice is given the file under: .doc for a Word 97 document whatever it is
    called (a WordDocument stream inside), else its own."""
    suffix = path.suffix.lower()
    if suffix in (".wps", ".wpt", ".dot"):
        from rectxl.io.file_kind import ole_streams

        if "WordDocument" in ole_streams(path):
            return ".doc"
    return suffix


def read_legacy_word_grids(path: Path) -> list[Grid]:
    """The tables of the Word 97-2003 document at ``path`` as sheets (see the module text)."""
    from rectxl.io.docx_ledger import read_docx_grids
    from rectxl.io.file_kind import ENCRYPTED, sniff

    try:
        if sniff(path) == ENCRYPTED:
            raise LedgerError(f"{path.name} 设有打开密码（已加密）：请在 Word 或 WPS 中取消密码，另存为 .docx 后再检查")
    except OSError as exc:
        raise LedgerError(f"无法读取 {path.name}：{exc.strerror or exc}") from None
    try:
        with as_docx(path) as converted:
            try:
                return read_docx_grids(converted)
            except LedgerError as exc:
                # the reader names the temporary copy: say it of the clerk's file
                raise type(exc)(str(exc).replace(converted.name, path.name)) from None
    except ConversionFailed as exc:
        raise _save_as_docx(path, exc.why) from None
