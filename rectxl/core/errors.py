"""Errors a user can act on. Their message is one line of Simplified Chinese."""

from __future__ import annotations

__all__ = ["LedgerError", "NoLedgerTable", "RectxlError", "UnsafeWriteError"]


class RectxlError(Exception):
    """Base class: ``str(exc)`` is the Chinese message shown to the user (exit code 2)."""


class LedgerError(RectxlError):
    """The input cannot be read as a ledger (unreadable file, no header row, …)."""


class NoLedgerTable(LedgerError):
    """A file opened as a ledger holds no table that is one: a Word 情况报告 or the notice, a
    workbook of statistics (各单位问题数、完成率)."""


class UnsafeWriteError(RectxlError):
    """An output cannot be written without losing something of the user's."""
