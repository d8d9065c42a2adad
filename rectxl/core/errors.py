"""Errors a user can act on. Their message is one line of Simplified Chinese."""

from __future__ import annotations

__all__ = ["LedgerError", "RectxlError", "UnsafeWriteError"]


class RectxlError(Exception):
    """Base class: ``str(exc)`` is the Chinese message shown to the user (exit code 2)."""


class LedgerError(RectxlError):
    """The input cannot be read as a ledger (unreadable file, no header row, …)."""


class UnsafeWriteError(RectxlError):
    """An output cannot be written without losing something of the user's."""
