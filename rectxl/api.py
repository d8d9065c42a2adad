"""The library's front door: one function per job, used by the CLI and the Excel entry points.

``from rectxl.api import check`` — read a ledger file, validate it, return the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rectxl.io.reader import file_sha256, read_ledger, sibling_files
from rectxl.model import Ledger
from rectxl.rules import Options
from rectxl.validate import Report, Source, validate

__all__ = ["check", "check_ledger"]


def check(path: Path | str, options: Options | None = None, *, today: date | None = None) -> Report:
    """Read and validate the ledger file at ``path``."""
    path = Path(path)
    ledger = read_ledger(path)
    return check_ledger(ledger, options, path=path, today=today)


def check_ledger(
    ledger: Ledger,
    options: Options | None = None,
    *,
    path: Path | None = None,
    today: date | None = None,
) -> Report:
    """Validate an already-read ledger; with ``path``, evidence files and the hash are checked."""
    source = Source(path=str(path), sha256=file_sha256(path)) if path else Source()
    files = sibling_files(path) if path else None
    return validate(ledger, options, sibling_files=files, source=source, today=today)
