"""A finding is data: code, severity, where, what was read, and a Chinese message.

Modelled on pydantic's ``ErrorDetails``: the message is rendered from the rule's template, the
rest is machine-readable and stable (codes never change once released).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["SEVERITY_LABELS", "SEVERITY_ORDER", "Finding", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class Finding(BaseModel):
    """One problem found in a ledger (DESIGN.md §3)."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    field: str | None = None
    value: Any = None

    def sort_key(self) -> tuple[int, int, str, str]:
        """Ledger order: by row (sheet-level findings first), then column, then code."""
        col = "".join(ch for ch in (self.cell or "") if ch.isalpha())
        return (self.row or 0, len(col), col, self.code)
