"""The JSON of ``rectxl batch`` (:func:`rectxl.core.batch_report.to_json`), written as the results
come in: each ledger's entry goes to a temporary file at once (its findings are not kept), and
at the end the head — which holds the totals, known only then — the entries and the tail are
written to the target (a file, replaced atomically, or a stream such as stdout).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO, TextIO

from rectxl.core.batch_report import BatchResult, LedgerResult, json_head, json_tail, ledger_json
from rectxl.io.atomic import atomic_path

__all__ = ["JsonSink"]


class JsonSink:
    """A :class:`~rectxl.core.batch_report.BatchSink` writing the JSON to ``target``: a path, or
    an open text stream (written only at :meth:`close`)."""

    def __init__(self, target: Path | TextIO) -> None:
        self.target = target
        self._spool: IO[str] | None = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self._count = 0

    def add(self, ledger: LedgerResult) -> None:
        assert self._spool is not None
        self._spool.write(ledger_json(ledger, first=self._count == 0))
        self._count += 1

    def close(self, result: BatchResult) -> None:
        spool = self._spool
        assert spool is not None
        try:
            if isinstance(self.target, Path):
                with atomic_path(self.target) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
                    self._write(result, spool, out)
            else:
                self._write(result, spool, self.target)
                self.target.flush()
        finally:
            self.abort()

    def _write(self, result: BatchResult, spool: IO[str], out: IO[str]) -> None:
        out.write(json_head(result))
        spool.seek(0)
        shutil.copyfileobj(spool, out, 1 << 20)
        out.write(json_tail(result, ledgers=self._count))

    def abort(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
