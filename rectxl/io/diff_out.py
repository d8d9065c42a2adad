"""Write a ledger diff (:mod:`rectxl.core.diff`): the .xlsx workbook (变化汇总 and 变化明细), and
its JSON to a file or a stream piece by piece. The workbook modules (and openpyxl, when needed)
are imported where used: ``rectxl diff --format json`` does not load them."""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rectxl.core.diff import LedgerDiff, diff_json_chunks, diff_sheets
from rectxl.core.sheets import SheetSpec
from rectxl.io.atomic import atomic_path, ensure_not_input
from rectxl.io.memory import gc_paused

__all__ = ["write_diff_file", "write_diff_json", "write_diff_json_file"]


def write_diff_file(path: Path, diff: LedgerDiff, *, inputs: Sequence[Path] = ()) -> Path:
    """Write a new workbook at ``path`` holding the diff sheets, atomically. ``inputs`` (the two
    ledgers compared) are protected: writing over one of them raises ``UnsafeWriteError``."""
    from rectxl.io.summary_xlsx import Unsupported, write_workbook

    path = Path(path)
    ensure_not_input(path, *inputs)
    # the rows of 变化明细 (a few objects per change, none in cycles) are built and written with
    # the cyclic collector paused: its full passes would re-scan them and both ledgers
    with gc_paused():
        specs = diff_sheets(diff)
        try:
            # written directly as a package (rectxl.io.summary_xlsx): the workbook openpyxl saves
            # from the same specs, ~8 times faster (openpyxl builds and styles an object per cell)
            with atomic_path(path) as tmp:
                write_workbook(tmp, specs, "diff", compresslevel=3)
        except Unsupported:
            _write_with_openpyxl(path, specs)
    return path


def _write_with_openpyxl(path: Path, specs: list[SheetSpec]) -> None:
    from openpyxl import Workbook

    from rectxl.io.outputs import mark_output
    from rectxl.io.xlsx_out import write_spec

    wb = Workbook()
    default = wb.active
    for spec in specs:
        write_spec(wb, spec)
    if default is not None:
        wb.remove(default)
    wb.active = 0
    mark_output(wb, "diff")  # batch knows it for rectxl's own, not a ledger
    with atomic_path(path) as tmp:
        wb.save(tmp)


def write_diff_json_file(path: Path, diff: LedgerDiff, *, inputs: Sequence[Path] = ()) -> Path:
    """Write ``diff.model_dump_json(indent=2)`` and a newline to ``path`` as UTF-8, atomically —
    the bytes ``atomic_write_text(path, diff.model_dump_json(indent=2) + "\\n")`` writes, without
    holding the whole JSON (~250 MB for two 100,000-measure ledgers) in memory, twice."""
    path = Path(path)
    ensure_not_input(path, *inputs)
    with atomic_path(path) as tmp, tmp.open("wb") as fh:
        fh.writelines(diff_json_chunks(diff))
        fh.write(b"\n")
    return path


def write_diff_json(diff: LedgerDiff, out: TextIO) -> None:
    """Write ``diff.model_dump_json(indent=2)`` and a newline to a text stream (standard output),
    piece by piece: what ``out.write(diff.model_dump_json(indent=2) + "\\n")`` writes.

    The UTF-8 pieces go to the stream's byte buffer when that changes nothing — a UTF-8 stream
    on a system whose line ends are "\\n" — saving the decoding and re-encoding of the whole
    text; otherwise each piece is decoded and written through the text layer as before."""
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if (buffer is not None and encoding and os.linesep == "\n"
            and codecs.lookup(encoding).name == "utf-8"):
        out.flush()
        buffer.writelines(diff_json_chunks(diff))
        buffer.write(b"\n")
        buffer.flush()
        return
    for chunk in diff_json_chunks(diff):
        out.write(chunk.decode("utf-8"))
    out.write("\n")
