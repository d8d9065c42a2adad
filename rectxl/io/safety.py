"""Checks that protect rectxl and the user's files from hostile packages.

``inspect_package`` refuses zip bombs, XML entity declarations and sheets whose used area would
need an enormous grid before any parser sees the file — unless a few stray cells far outside the
data make it so (:mod:`rectxl.io.stray`: the reader reads around them). (There is no longer a check for parts
"a re-save would lose": ``annotate`` and ``--clear`` edit the package and copy every part they do
not change byte for byte — see :mod:`rectxl.io.marks`.)
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from rectxl.core.text import col_index
from rectxl.io.inflated import InflatedParts, open_part, open_zip, package_sheets
from rectxl.io.ooxml import workbook_part
from rectxl.io.sml_dialect import HEAD, Dialect, compiled, dialect_of
from rectxl.io.stray import judged

__all__ = ["MAX_CELLS", "MAX_RATIO", "MAX_UNCOMPRESSED", "inspect_package"]


# -- reading: refuse hostile packages before any parser sees them -------------------------------

#: refuse a package that would expand to more than this many bytes in all
MAX_UNCOMPRESSED = 1 << 30
#: refuse a member that expands more than this many times (real sheet XML: 5–40×; a styles part
#: of thousands of copied, identical cell formats: ~200×; deflate's most, a padded bomb: ~1000×)
MAX_RATIO = 500
#: members smaller than this are never judged by their ratio
RATIO_FLOOR = 1 << 20
#: refuse a sheet whose used area (rows × columns) is larger than this many cells
MAX_CELLS = 30_000_000
#: columns assumed when no cell lies beyond column Z (ledgers have 5–16 columns)
_NARROW = 16
#: a sheet reaching past this column over more than this many cells is looked at for stray cells
#: far to the right (a ledger's 100,000 rows of 16 columns never is)
_WIDE, _WIDE_AREA = 64, 1_000_000
_CHUNK = 1 << 22
#: bytes of a part that is not a sheet worth looking at (an XML declaration and a DTD come first)
_PROLOGUE = 8192
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def inspect_package(path: Path, parts: InflatedParts | None = None) -> None:
    """Refuse an .xlsx/.xlsm/.ods that is a zip bomb, declares XML entities (billion laughs) or
    has a sheet whose used area would need an enormous grid (many cells far away; a few stray
    ones, at XFD1048576, are read around: :mod:`rectxl.io.stray`).

    Reads the package in bounded chunks: memory stays small whatever the file claims (``parts``
    shares the sheet parts' inflation with the reader's other scans). Raises
    :class:`~rectxl.core.errors.LedgerError` with a Chinese message.
    """
    from rectxl.core.errors import LedgerError

    try:
        opened = open_zip(path, parts)
    except zipfile.BadZipFile:
        return  # not a zip: the reader reports it
    with opened as zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise LedgerError(f"{path.name} 解压后超过 {MAX_UNCOMPRESSED >> 20} MB，疑似压缩炸弹，已拒绝读取")
        for info in infos:
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise LedgerError(
                    f"{path.name} 中的 {info.filename} 压缩比异常（{info.file_size // max(info.compress_size, 1)}:1），"
                    "疑似压缩炸弹，已拒绝读取")
        sheets = {}
        if workbook_part(zf) is not None:
            try:
                sheets = {part: name for name, part in package_sheets(zf, parts).items()}
            except KeyError:
                sheets = {}
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            sheet = sheets.get(info.filename)
            _scan_part(zf, info, path, sheet, LedgerError, parts if sheet is not None else None)


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, sheet: str | None,
               error: type[Exception], parts: InflatedParts | None = None) -> None:
    """Stream one XML part: no DTD/entities; actual size as declared; a sane used area."""
    max_row = max_col = 0
    read = 0
    tail = b""
    # a part that is not a sheet is judged by its prologue alone: inflate no more of it than that
    size = _CHUNK if sheet is not None else _PROLOGUE
    patterns: tuple[re.Pattern[bytes], re.Pattern[bytes]] | None = None
    with open_part(zf, info, parts) as fh:
        first = True
        while chunk := fh.read(size):
            read += len(chunk)
            if read > info.file_size + _CHUNK or read > MAX_UNCOMPRESSED:
                raise error(f"{path.name} 中的 {info.filename} 实际解压大小与声明不符，疑似恶意构造的文件，已拒绝读取")
            data = tail + chunk
            if first and _DTD.search(data[:4096]):
                raise error(f"{path.name} 含有 XML 实体声明（Excel 从不写入），疑似恶意构造的文件，已拒绝读取")
            first = False
            if sheet is None:
                if len(data) > _PROLOGUE or read >= info.file_size:
                    break  # non-sheet parts: only the prologue matters
                tail = data
                continue
            if patterns is None:
                patterns = _patterns(dialect_of(data[:HEAD]))
            rows, wide = patterns
            # the rows' numbers compared in C (a Python loop over a match per row was most of this scan)
            max_row = max(max_row, max(map(int, rows.findall(data)), default=0))
            for m in wide.finditer(data):
                max_col = max(max_col, col_index(m.group(1).decode()) + 1)
            tail = data[-64:]
    if sheet is None:
        return
    area = max_row * max(max_col, _NARROW)
    # a cell far to the right under the limit still costs seconds and a gigabyte (XFD5 beside 1,800
    # rows): a few such are read around too (rectxl.io.stray); a sheet without them is read as it is
    far_right = area > _WIDE_AREA and max_col > _WIDE
    found = judged(zf, info, parts) if area > MAX_CELLS or far_right else []
    if area > MAX_CELLS and found is None:
        raise error(
            f"工作表“{sheet}”的数据区域过大（约{max_row}行×{max(max_col, _NARROW)}列），"
            "多半是远处有零星单元格；请在 Excel 中删除多余的行和列后保存，再检查")


def _patterns(d: Dialect) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """For a sheet part written in dialect ``d``: a row holding cells (its ``r`` as group 1), and
    a cell beyond column Z (only ``<c>`` elements carry letters in ``r``)."""
    q = d.quote
    row = compiled(d.tag(b"row") + rb"(?=[\s/>])[^>]*?" + d.attr(b"r") + rb"(\d+)" + q
                   + rb"[^>]*(?<!/)>(?!" + d.end_tag(b"row") + b")")
    return row, compiled(d.attr(b"r") + rb"([A-Z]{2,3})\d")
