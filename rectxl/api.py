"""The library's front door: one function per job, used by the CLI and the Excel entry points.

``from rectxl.api import check`` — read a ledger file, validate it, return the report.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rectxl.core.errors import RectxlError
from rectxl.core.model import Ledger
from rectxl.core.rules import Options
from rectxl.core.validate import Report, Source, validate
from rectxl.io.atomic import atomic_write_bytes, ensure_not_input
from rectxl.io.reader import file_sha256, read_ledger
from rectxl.io.reader import sibling_files as list_siblings
from rectxl.io.safety import refuse_lossy_write

if TYPE_CHECKING:  # the writers, the notice and the diff are imported where used (faster start-up)
    from rectxl.core.diff import LedgerDiff
    from rectxl.core.notice.parse import ParsedNotice

__all__ = [
    "annotate", "backup_copy", "check", "check_ledger", "clear", "diff", "ensure_outputs_apart", "notice",
    "parse_notice_file", "summary_workbook",
]


def check(path: Path | str, options: Options | None = None, *, today: date | None = None,
          sibling_files: frozenset[str] | None = None) -> Report:
    """Read and validate the ledger file at ``path`` (``rectxl check``, and each ledger of a batch).

    ``sibling_files``: the file names beside it, when the caller has listed them already."""
    path = Path(path)
    ledger = read_ledger(path)
    return check_ledger(ledger, options, path=path, today=today, sibling_files=sibling_files)


def check_ledger(
    ledger: Ledger,
    options: Options | None = None,
    *,
    path: Path | None = None,
    today: date | None = None,
    sibling_files: frozenset[str] | None = None,
) -> Report:
    """Validate an already-read ledger; with ``path``, evidence files and the hash are checked."""
    source = Source(path=str(path), sha256=file_sha256(path)) if path else Source()
    files = sibling_files if sibling_files is not None or path is None else list_siblings(path)
    return validate(ledger, options, sibling_files=files, source=source, today=today)


def backup_copy(path: Path, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<stem>.备份-YYYYmmdd-HHMMSS<suffix>`` beside it (before an in-place write)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.备份-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.备份-{stamp}-{n}{path.suffix}")
    atomic_write_bytes(target, path.read_bytes())
    return target


def _output_for(path: Path, output: Path | None, in_place: bool, suffix: str) -> tuple[Path, Path | None]:
    """Where a workbook output goes; with ``in_place`` the input, after a timestamped backup."""
    if in_place:
        if output is not None and output.resolve() != path.resolve():
            raise RectxlError("--in-place 与 -o 不能同时指定不同的文件")
        return path, backup_copy(path)
    target = output or path.with_name(f"{path.stem}_{suffix}{path.suffix}")
    ensure_not_input(target, path)
    return target, None


def annotate(
    path: Path | str,
    output: Path | None = None,
    options: Options | None = None,
    *,
    in_place: bool = False,
    summary: bool = True,
    today: date | None = None,
) -> tuple[Report, Path, Path | None]:
    """Validate ``path`` and write the annotated workbook; returns (report, output, backup)."""
    path = Path(path)
    ledger = read_ledger(path)
    report = check_ledger(ledger, options, path=path, today=today)
    refuse_lossy_write(path)
    target, backup = _output_for(path, output, in_place, "校验")
    from rectxl.io.xlsx_out import annotate_file

    annotate_file(path, target, report, ledger, summary=summary)
    return report, target, backup


def clear(path: Path | str, output: Path | None = None, *, in_place: bool = False) -> tuple[int, Path, Path | None]:
    """Remove rectxl's highlights and sheets; returns (cells restored, output, backup)."""
    path = Path(path)
    refuse_lossy_write(path)
    target, backup = _output_for(path, output, in_place, "已清除标记")
    from rectxl.io.xlsx_out import clear_file

    restored = clear_file(path, target)
    return restored, target, backup


def summary_workbook(
    path: Path | str, output: Path, options: Options | None = None, *, today: date | None = None
) -> tuple[Report, Path]:
    """Write the summary sheets of the ledger at ``path`` to a new workbook ``output``."""
    path = Path(path)
    ledger = read_ledger(path)
    report = check_ledger(ledger, options, path=path, today=today)
    ensure_not_input(output, path)
    from rectxl.io.xlsx_out import write_summary_file

    write_summary_file(output, report, ledger)
    return report, output


NOTICE_SUFFIXES = (".docx", ".txt", ".md")


def notice(path: Path | str, output: Path) -> tuple[Ledger, Path]:
    """Render the notice for the ledger at ``path`` as .docx, .txt or .md (by ``output``'s suffix)."""
    from rectxl.core.notice import render_notice
    from rectxl.io.atomic import atomic_write_text
    from rectxl.io.docx_notice import write_notice_docx

    path, output = Path(path), Path(output)
    suffix = output.suffix.lower()
    if suffix not in NOTICE_SUFFIXES:
        raise RectxlError(f"通报只能输出为 .docx、.txt 或 .md,而不是“{output.suffix or '(无扩展名)'}”")
    ledger = read_ledger(path)
    ensure_not_input(output, path)
    if suffix == ".docx":
        write_notice_docx(ledger, output)
    else:
        atomic_write_text(output, render_notice(ledger, style="markdown" if suffix == ".md" else "text"))
    return ledger, output


def parse_notice_file(path: Path | str, output: Path | None = None) -> ParsedNotice:
    """Parse a published notice (.txt/.md/.docx) into a ledger; with ``output``, write it as .xlsx."""
    from rectxl.core.notice import parse_notice
    from rectxl.io.docx_notice import read_notice_docx
    from rectxl.io.ledger_xlsx import write_ledger

    path = Path(path)
    if not path.is_file():
        raise RectxlError(f"找不到文件:{path}")
    if path.suffix.lower() == ".docx":
        text = read_notice_docx(path)
    else:
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise RectxlError(f"{path.name} 不是 UTF-8 或 GBK 编码的文本,无法读取")
    parsed = parse_notice(text)
    if output is not None:
        if Path(output).suffix.lower() not in (".xlsx", ".xlsm"):
            raise RectxlError("解析结果只能写成 .xlsx 台账")
        ensure_not_input(Path(output), path)
        write_ledger(Path(output), parsed.ledger)
    return parsed


def ensure_outputs_apart(output: Path | None, *inputs: Path) -> None:
    """Refuse an output path that is one of the inputs (a no-op without an output)."""
    if output is not None:
        ensure_not_input(output, *inputs)


def diff(old: Path | str, new: Path | str, *, as_of_old: date | None = None,
         as_of_new: date | None = None) -> LedgerDiff:
    """What changed between two versions of a ledger file."""
    from rectxl.core.diff import diff_ledgers

    old, new = Path(old), Path(new)
    return diff_ledgers(read_ledger(old), read_ledger(new), as_of_old=as_of_old, as_of_new=as_of_new,
                        old_name=old.name, new_name=new.name)
