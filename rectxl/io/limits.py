"""What rectxl agrees to read: checks made before any reader or parser sees a file.

- Only regular files are opened: a FIFO, a device or a folder named ``x.xlsx`` is refused at
  once (opening a FIFO would wait forever).
- A file name that is not valid UTF-8 (GBK bytes from an archive unpacked on Linux) is named in
  a readable form and refused with advice, rather than failing deep inside a reader.
- A Word document renamed to .xlsx is called what it is.
- A sheet with a stray value cell far below its data (``<c r="A1048576">`` inside ``<row r="2">``:
  python-calamine would build a grid of a million rows, ~1.7 GB, and may abort the process) is
  found by a scan of the sheet XML in chunks, without an XML parser; a few such cells are read
  around (:mod:`rectxl.io.stray`: the reader leaves them out and says where they are), many are
  refused with a Chinese message.
- A notice: a text file above :data:`MAX_NOTICE_TEXT_BYTES` is refused (published notices are
  under 1 MB); a .docx goes through the zip guards of :func:`rectxl.io.safety.inspect_package`
  and its XML may not expand beyond :data:`MAX_DOCX_XML_BYTES`.

Every refusal is a :class:`~rectxl.core.errors.LedgerError` (exit code 2) with one Chinese line.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

from rectxl.core.errors import LedgerError
from rectxl.io.atomic import describe_os_error
from rectxl.io.inflated import InflatedParts, open_part, open_zip, package_sheets
from rectxl.io.ooxml import workbook_part
from rectxl.io.outputs import OUTPUT_LABELS, kind_in_package
from rectxl.io.safety import MAX_RATIO, MAX_UNCOMPRESSED, RATIO_FLOOR, inspect_package
from rectxl.io.sml_dialect import HEAD, Dialect, compiled, dialect_of
from rectxl.io.stray import judged

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_DOCX_XML_BYTES",
    "MAX_NOTICE_PDF_BYTES",
    "MAX_NOTICE_TEXT_BYTES",
    "STRAY_ROW_FLOOR",
    "check_ledger_file",
    "check_notice_file",
    "check_regular_file",
    "display_name",
    "has_undecodable_name",
]

#: a text notice larger than this is refused (the published ones are 20–200 KB)
MAX_NOTICE_TEXT_BYTES = 10 * 1024 * 1024
#: a notice as a PDF carries its fonts (and perhaps a scanned seal): a few MB; this is far above that
MAX_NOTICE_PDF_BYTES = 50 * 1024 * 1024
#: the XML parts of a .docx notice may expand to at most this many bytes in all
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024
#: value cells in rows from here on are looked at; below it a stray cell costs little memory
STRAY_ROW_FLOOR = 100_000
#: seconds one ledger may take in ``rectxl batch`` before it is skipped (here, beside the other
#: limits, so that the command line's help can say it without loading the process pool)
DEFAULT_TIMEOUT = 300
#: a cell is "stray" when its row lies beyond this many times the number of rows the sheet has
_SPARSE = 2
_CHUNK = 1 << 22

_KINDS = (
    (stat.S_ISFIFO, "命名管道（FIFO）"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
    (stat.S_ISSOCK, "套接字"),
)


def display_name(name: str) -> str:
    """``name`` as a person would read it: a name holding undecodable bytes (Python keeps them
    as surrogates) is decoded as GBK/GB18030, the usual source of such names."""
    if not has_undecodable_name(name):
        return name
    raw = os.fsencode(name)
    for encoding in ("gb18030", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def has_undecodable_name(name: str | os.PathLike[str]) -> bool:
    """Whether the path holds bytes that are not UTF-8 (kept by Python as lone surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for ch in os.fspath(name))


def check_regular_file(path: Path, *, what: str = "文件", folder_hint: str = "") -> os.stat_result:
    """Refuse at once anything that is not a regular, readable-by-name file; returns its stat.

    Never opens the file, so a FIFO or a device cannot make rectxl wait."""
    path = Path(path)
    if has_undecodable_name(path):
        raise LedgerError(
            f"文件名“{display_name(str(path))}”不是 UTF-8 编码（多见于在 Linux 上解压 Windows 压缩包），"
            "无法可靠读取：请把文件改名（或用支持 GBK 的工具重新解压）后再试")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise LedgerError(f"找不到文件：{path}") from None
    except OSError as exc:
        raise LedgerError(describe_os_error(exc, path)) from None
    if stat.S_ISDIR(st.st_mode):
        raise LedgerError(f"{path} 是文件夹，不是{what}{folder_hint}")
    if not stat.S_ISREG(st.st_mode):
        kind = next((label for test, label in _KINDS if test(st.st_mode)), "特殊文件")
        raise LedgerError(f"{path.name} 是{kind}，不是普通文件，rectxl 不读取它")
    return st


def check_ledger_file(path: Path, parts: InflatedParts | None = None) -> None:
    """Everything decided before a ledger file is opened by a reader (see the module text);
    ``parts`` shares the sheet parts' inflation with the reader's other scans."""
    path = Path(path)
    check_regular_file(path, what="台账文件", folder_hint="（检查整个文件夹请用 rectxl batch）")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return
    try:
        opened = open_zip(path, parts)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the reader says what it is
    with opened as zf:
        names = set(zf.namelist())
        workbook = workbook_part(zf)
        if workbook is None:
            _refuse_other_office_document(path, names)
            return
        kind = kind_in_package(zf, path.name)
        if kind in ("summary", "diff", "batch", "remind"):
            raise LedgerError(f"{path.name} 是 rectxl 生成的{OUTPUT_LABELS[kind]}，不是台账：请检查原台账文件")
        _refuse_stray_cells(path, zf, workbook, parts)


def _refuse_other_office_document(path: Path, names: set[str]) -> None:
    if "word/document.xml" in names:
        raise LedgerError(
            f"{path.name}：这是 Word 文档（.docx），只是扩展名改成了 {path.suffix}：台账请用 Excel 表格；"
            "如果它是整改通报，请用 rectxl parse-notice 解析")
    if "ppt/presentation.xml" in names:
        raise LedgerError(f"{path.name}：这是 PowerPoint 演示文稿，只是扩展名改成了 {path.suffix}，不是 Excel 台账")


def _refuse_stray_cells(path: Path, zf: zipfile.ZipFile, workbook: str, inflated: InflatedParts | None) -> None:
    infos = {i.filename: i for i in zf.infolist()}
    if sum(i.file_size for i in infos.values()) > MAX_UNCOMPRESSED:
        return  # the zip guards refuse it, with their own message
    book = infos.get(workbook)
    if book is None or book.file_size > 16 << 20:
        return
    try:
        parts = package_sheets(zf, inflated)
    except (KeyError, zipfile.BadZipFile, OSError):
        return
    for sheet, part in parts.items():
        info = infos.get(part)
        if info is None or (info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            continue  # a zip bomb: left to the zip guards
        found = _far_cell(zf, info, inflated)
        if found is not None and judged(zf, info, inflated) is None:
            ref, rows = found
            raise LedgerError(
                f"工作表“{sheet}”的数据区域过大：单元格 {ref} 远在其余数据（共约 {rows} 行）之外，"
                "多半是误输入或粘贴留下的零星内容；请在 Excel 中删除该单元格（或多余的行）后保存，再检查")


def _far_cell(zf: zipfile.ZipFile, info: zipfile.ZipInfo, parts: InflatedParts | None) -> tuple[str, int] | None:
    """The farthest value cell of a sheet part lying beyond :data:`STRAY_ROW_FLOOR` and far
    beyond the sheet's rows, as (reference, number of rows); None if there is none."""
    rows = 0
    far: tuple[int, str] | None = None
    tail = b""
    read = 0
    patterns: tuple[tuple[bytes, ...], re.Pattern[bytes], re.Pattern[bytes]] | None = None
    try:
        with open_part(zf, info, parts) as fh:
            while chunk := fh.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size + _CHUNK:
                    return None  # lies about its size: the zip guards refuse it
                if patterns is None:
                    patterns = _far_patterns(dialect_of(chunk[:HEAD]))
                row_tags, far_cell, hint = patterns
                rows += sum(chunk.count(tag) for tag in row_tags)
                data = tail + chunk
                if hint.search(data):
                    for m in far_cell.finditer(data):
                        row = int(m.group(2))
                        if far is None or row > far[0]:
                            far = (row, (m.group(1) + m.group(2)).decode())
                tail = data[-512:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None  # a broken part: the reader reports it
    if far is not None and far[0] >= STRAY_ROW_FLOOR and far[0] > _SPARSE * rows:
        return far[1], rows
    return None


def _far_patterns(d: Dialect) -> tuple[tuple[bytes, ...], re.Pattern[bytes], re.Pattern[bytes]]:
    """For a sheet part written in dialect ``d``: the literal starts of a row's tag; a value cell
    (not self-closing) in row ≥ 100000 (``r`` may follow other attributes); a quick hint of one."""
    r, q = d.attr(b"r"), d.quote
    far = compiled(d.tag(b"c") + rb"(?=[\s/>])[^>]*?" + r + rb"([A-Z]{1,3})(\d{6,7})" + q + rb"[^>]*(?<!/)>")
    return d.literals(b"row"), far, compiled(r + rb"[A-Z]{1,3}\d{6}")


def check_notice_file(path: Path) -> None:
    """Everything decided before a notice (.docx, .txt, .md, .pdf) is read (see the module text)."""
    path = Path(path)
    st = check_regular_file(path, what="通报文件")
    if path.suffix.lower() == ".docx" or _is_zip(path):  # a .docx under another name too (台账.doc)
        _check_docx(path)
    else:
        pdf = _is_pdf(path)
        limit, what = (MAX_NOTICE_PDF_BYTES, "PDF") if pdf else (MAX_NOTICE_TEXT_BYTES, "文本")
        if st.st_size > limit:
            raise LedgerError(
                f"{path.name} 有 {st.st_size / (1 << 20):.0f} MB，远大于一份通报（通常不足 {5 if pdf else 1} MB），"
                f"rectxl 不读取超过 {limit >> 20} MB 的{what}通报：请确认选对了文件")


def _is_pdf(path: Path) -> bool:
    from rectxl.io.file_kind import PDF, sniff

    try:
        return sniff(path) == PDF
    except OSError:
        return False


def _is_zip(path: Path) -> bool:
    from rectxl.io.file_kind import ZIP_MAGIC

    try:
        with path.open("rb") as fh:
            return fh.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError:
        return False


def _check_docx(path: Path) -> None:
    inspect_package(path)
    try:
        with zipfile.ZipFile(path) as zf:
            xml = sum(i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the .docx reader says so
    if xml > MAX_DOCX_XML_BYTES:
        raise LedgerError(
            f"{path.name} 的文字内容解压后约 {xml >> 20} MB，远大于一份通报，疑似恶意构造的文件，已拒绝读取")
