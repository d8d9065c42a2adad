"""Where an output goes: one rule for every command (DESIGN.md §5).

- By default beside the input and named after it: ``台账.xlsx`` → ``台账_校验.xlsx``,
  ``台账_整改汇总.xlsx``, ``台账_通报.docx``; a folder's batch summary beside the folder.
- An existing file is never replaced without ``--force`` (or ``--in-place``, which writes the
  input itself after a timestamped backup). Through a symbolic link, ``--in-place`` writes the
  link's target and puts the backup beside the target. An Excel/WPS/LibreOffice lock file beside a
  workbook about to be replaced (``~$name``, ``.~name``, ``.~lock.name#``) means it is open: refused.
- No output ever lands on one of the command's inputs — whatever the spelling (symbolic links,
  ``..``, hard links, case on file systems that ignore it).
- The format follows the output's extension where the extension is known (``-o r.csv`` writes
  CSV); an explicit format that contradicts it is refused.

:func:`resolve_output` decides, touching nothing; :func:`backup_original` makes the backup an
in-place write needs. Messages name only the options the calling command has (``offers``).
Also here: the marker rectxl writes into the workbooks it creates, and how to recognise them.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rectxl.core.errors import UnsafeWriteError
from rectxl.io.atomic import MAX_NAME_BYTES, atomic_copy, is_read_only_file, same_file

__all__ = [
    "OUTPUT_LABELS",
    "OUTPUT_PROPERTY",
    "OutputTarget",
    "backup_original",
    "default_output",
    "kind_in_package",
    "lock_file",
    "mark_document",
    "mark_output",
    "output_kind",
    "resolve_output",
]

#: extensions whose files are never plain text (a text format is not written under them)
_BINARY_EXTS = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".docx", ".doc", ".pdf", ".zip", ".wps", ".et"})
_FORMAT_LABELS = {"text": "文本", "json": "JSON", "csv": "CSV", "markdown": "Markdown", "html": "HTML",
                  "xlsx": "Excel 工作簿", "docx": "Word 文档"}


@dataclass(frozen=True)
class OutputTarget:
    """The decision for one output."""

    #: the file to write (for ``--in-place`` through a symbolic link: the link's target)
    path: Path
    #: the format named by the extension (or the explicit/default format for other extensions)
    format: str
    #: write over the input itself (back it up first: :func:`backup_original`)
    in_place: bool = False
    #: an existing file will be replaced (``--force`` or ``--in-place``)
    replaces: bool = False


def default_output(source: Path, suffix: str, ext: str) -> Path:
    """``台账.xlsx`` + ``校验`` → ``台账_校验.xlsx`` beside it (for a folder: beside the folder)."""
    source = Path(source)
    if source.is_dir():
        folder = Path(os.path.abspath(source))
        return folder.parent / f"{folder.name}_{suffix}{ext}"
    return source.with_name(f"{source.stem}_{suffix}{ext}")


def resolve_output(
    source: Path | None,
    output: Path | None,
    *,
    suffix: str,
    formats: Mapping[str, str],
    format: str | None = None,
    fallback: str | None = None,
    default_ext: str | None = None,
    default_name: str | None = None,
    force: bool = False,
    in_place: bool = False,
    inputs: Sequence[Path] = (),
    offers: Collection[str] = ("--force",),
    hint: str = "",
) -> OutputTarget:
    """Decide where an output goes and in which format, or refuse with one Chinese line.

    ``source``: the input the default output is named after (None: ``default_name`` in the
    current folder). ``formats``: the known extensions and the format each writes (their order:
    the first is the default extension unless ``default_ext``). ``format``: the format asked for
    explicitly (``--format``), if any; ``fallback``: the format written under any other
    text extension (None: other extensions are refused). ``inputs``: every input of the command
    (``source`` is one) — never written. ``offers``: the options the command has (``--force``,
    ``--in-place``), named in messages; ``hint``: said when the extension is refused.
    """
    exts = list(formats)
    sources = [Path(p) for p in ((source,) if source is not None else ()) + tuple(inputs)]
    if in_place:
        if source is None:
            raise UnsafeWriteError("--in-place 需要一个输入文件")
        if output is not None and not same_file(Path(output), Path(source)):
            raise UnsafeWriteError("--in-place 与 -o 不能同时指定不同的文件：写回原文件时不要再加 -o")
        target = Path(os.path.realpath(source))
        chosen = _format_for(target, formats, format, fallback, hint)
        _refuse_unwritable(target, offers, replacing=True)
        _refuse_open_workbook(target)
        _refuse_open_workbook(Path(source))  # opened through the link: the lock file is beside it
        return OutputTarget(target, chosen, in_place=True, replaces=True)
    if output is None:
        ext = default_ext or (Path(source).suffix.lower() if source is not None and
                              Path(source).suffix.lower() in formats else exts[0])
        if source is not None:
            path = default_output(Path(source), suffix, ext)
        else:
            path = Path(default_name or f"{suffix}{ext}")
    else:
        path = Path(output)
    _refuse_long_name(path, explicit=output is not None)
    for src in sources:
        if same_file(path, src):
            also = "，或使用 --in-place 写回原文件（会先自动备份）" if "--in-place" in offers else ""
            raise UnsafeWriteError(
                f"输出文件与输入文件相同（{path.name}）：为保护原文件，请用 -o 指定另一个文件名{also}")
    chosen = _format_for(path, formats, format, fallback, hint)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeWriteError(f"输出文件夹不存在：{folder}")
    replaces = os.path.lexists(path)
    if replaces:
        if not force:
            hint = "，或加 --force 覆盖" if "--force" in offers else ""
            raise UnsafeWriteError(f"{path} 已存在：为避免覆盖，请用 -o 指定另一个文件名{hint}")
        _refuse_unwritable(path, offers, replacing=True)
        _refuse_open_workbook(path)
    return OutputTarget(path, chosen, replaces=replaces)


def _format_for(path: Path, formats: Mapping[str, str], explicit: str | None, fallback: str | None,
                hint: str = "") -> str:
    ext = path.suffix.lower()
    if ext in formats:
        named = formats[ext]
        if explicit is not None and explicit != named:
            other = _ext_for(formats, explicit)
            rename = f"或把文件名改为以 {other} 结尾" if other else "或换一个扩展名"
            raise UnsafeWriteError(
                f"--format {explicit} 与输出文件的扩展名 {path.suffix} 不符（{path.suffix} 文件写成 "
                f"{_FORMAT_LABELS.get(named, named)}）：请去掉 --format，{rename}")
        return named
    if fallback is None or ext in _BINARY_EXTS:
        allowed = "、".join(formats)
        raise UnsafeWriteError(
            f"输出文件只能是 {allowed} 格式，而不是“{path.suffix or '（无扩展名）'}”{('：' + hint) if hint else ''}")
    return explicit or fallback


def _ext_for(formats: Mapping[str, str], fmt: str) -> str | None:
    return next((ext for ext, named in formats.items() if named == fmt), None)


def _refuse_long_name(path: Path, *, explicit: bool) -> None:
    size = len(os.fsencode(path.name))
    if size > MAX_NAME_BYTES:
        how = "请换一个较短的文件名" if explicit else "请用 -o 指定一个较短的输出文件名"
        raise UnsafeWriteError(f"输出文件名过长（{size} 字节，最多 {MAX_NAME_BYTES} 字节）：{how}")


def _refuse_unwritable(path: Path, offers: Collection[str], *, replacing: bool) -> None:
    try:
        st = os.stat(path)
    except OSError:
        return
    if not stat.S_ISREG(st.st_mode):
        kind = "文件夹" if stat.S_ISDIR(st.st_mode) else "特殊文件"
        raise UnsafeWriteError(f"{path} 是{kind}，不能作为输出文件：请用 -o 指定另一个文件名")
    if replacing and is_read_only_file(path):
        raise UnsafeWriteError(
            f"{path.name} 是只读文件，未写入：请在文件属性中取消“只读”后再试，或用 -o 写到另一个文件")


def lock_file(path: Path) -> Path | None:
    """The Excel/WPS/LibreOffice lock file beside the workbook at ``path``, if there is one.

    Excel and WPS on Windows write ``~$`` + the name (for a long name replacing its first two
    characters instead); WPS on Linux (统信 UOS, 麒麟) writes ``.~`` + the name, likewise with one
    or two of its first characters replaced; LibreOffice writes ``.~lock.`` + the name + ``#`` — all
    are looked for."""
    path = Path(path)
    candidates = [path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#"),
                  path.with_name(".~" + path.name)]
    if len(path.stem) > 2:
        candidates += [path.with_name("~$" + path.name[2:]), path.with_name(".~" + path.name[1:]),
                       path.with_name(".~" + path.name[2:])]
    try:
        return next((c for c in candidates if os.path.lexists(c)), None)
    except OSError:
        return None


def _refuse_open_workbook(path: Path) -> None:
    lock = lock_file(path)
    if lock is not None:
        raise UnsafeWriteError(
            f"工作簿可能正在 Excel、WPS 或 LibreOffice 中打开，请关闭后再试（发现锁定文件 {lock.name}；"
            "如确认没有打开，可删除该文件）")


def backup_original(path: Path, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<stem>.备份-YYYYmmdd-HHMMSS<suffix>`` beside it (before an in-place write)."""
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.备份-{stamp}{path.suffix}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.stem}.备份-{stamp}-{n}{path.suffix}")
    atomic_copy(path, target)  # the original's permissions: a backup is no more readable than it
    return target


# -- rectxl's own outputs ---------------------------------------------------------------------

#: the custom document property (docProps/custom.xml) naming what rectxl wrote:
#: "summary" (汇总表), "diff" (变化对比), "batch" (批量校验汇总), "annotated-copy" (标记副本),
#: "remind" (提醒清单)
OUTPUT_PROPERTY = "rectxl-output"
OUTPUT_LABELS = {
    "summary": "整改汇总表", "diff": "两期台账变化对比", "batch": "批量校验汇总", "annotated-copy": "带校验标记的副本",
    "remind": "提醒清单", "notice": "整改进展情况通报", "letters": "提醒函或督办通知", "other": "rectxl 输出",
}
_PROPERTY = re.compile(
    rb'<property\b[^>]*\bname="' + OUTPUT_PROPERTY.encode()
    + rb'"[^>]*>\s*<(?:\w+:)?lpwstr\b[^>]*>([^<]*)</(?:\w+:)?lpwstr>')


def mark_output(wb: Any, kind: str) -> None:
    """Record in an openpyxl workbook about to be saved that rectxl wrote it, and as what."""
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name=OUTPUT_PROPERTY, value=kind))


def mark_document(doc: Any, kind: str) -> None:
    """Record in a python-docx document about to be saved that rectxl wrote it, and as what: the
    custom property a workbook carries (:func:`mark_output`), in the package's docProps/custom.xml
    (Word shows it under 文件 → 属性 → 自定义). ``rectxl batch`` reads Word tables as ledgers, and
    the letters' table would otherwise be read as one."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
           f'name="{OUTPUT_PROPERTY}"><vt:lpwstr>{escape(kind)}</vt:lpwstr></property></Properties>')
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"),
                "application/vnd.openxmlformats-officedocument.custom-properties+xml", xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def output_kind(path: Path) -> str | None:
    """What rectxl wrote ``path`` as — ``summary``, ``diff``, ``batch``, ``annotated-copy``, or for
    a .docx ``notice`` or ``letters`` (labels: :data:`OUTPUT_LABELS`) — by the marker it carries or,
    for workbooks written without the marker, by their sheets; None for anything else (a ledger,
    or not a workbook)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return kind_in_package(zf, Path(path).name)
    except (OSError, ValueError, zipfile.BadZipFile):
        return None


def kind_in_package(zf: zipfile.ZipFile, name: str) -> str | None:
    """:func:`output_kind` of an open package whose file is called ``name``."""
    from rectxl.core.names import FINDINGS_SHEET, LEDGER_SHEET, MARKS_SHEET, SUMMARY_SHEETS
    from rectxl.io.ooxml import sheet_parts

    try:
        try:
            info: zipfile.ZipInfo | None = zf.getinfo("docProps/custom.xml")
        except KeyError:
            info = None
        if info is not None and info.file_size < 1 << 20:
            m = _PROPERTY.search(zf.read(info))
            if m is not None:
                kind = m.group(1).decode("utf-8", "replace")
                return kind if kind in OUTPUT_LABELS else "other"
        if zf.getinfo("xl/workbook.xml").file_size > 16 << 20:
            return None
        sheets = tuple(sheet_parts(zf))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    if sheets == tuple(SUMMARY_SHEETS):
        return "summary"
    if (MARKS_SHEET in sheets or FINDINGS_SHEET in sheets) and re.search(r"_校验(?:-\d+)?$", Path(name).stem):
        return "annotated-copy"
    if LEDGER_SHEET in sheets or len(sheets) not in (2, 3):
        return None  # a ledger: the diff module (slow to import) is not needed to say so
    from rectxl.core.diff import DIFF_SHEETS
    from rectxl.io.batch_out import BATCH_SHEETS

    if sheets == tuple(DIFF_SHEETS):
        return "diff"
    if sheets == tuple(BATCH_SHEETS):
        return "batch"
    return None
