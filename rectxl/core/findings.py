"""A finding is data: code, severity, where, what was read, and a Chinese message.

Modelled on pydantic's ``ErrorDetails``: the message is rendered from the rule's template, the
rest is machine-readable and stable (codes never change once released). A plain frozen record:
a large ledger yields tens of thousands of findings, and ``rectxl check`` does not import
pydantic at all (its import alone is several times a small ledger's bare read).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["SEVERITY_LABELS", "SEVERITY_ORDER", "Finding", "Severity", "json_value"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a ledger (DESIGN.md §3)."""

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    field: str | None = None
    value: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data, keys in DESIGN.md §3's order."""
        return {"code": self.code, "severity": self.severity.value, "message": self.message,
                "sheet": self.sheet, "cell": self.cell, "row": self.row, "field": self.field,
                "value": json_value(self.value)}

    def sort_key(self) -> tuple[int, int, str, str]:
        """Ledger order: by row (sheet-level findings first), then column, then code."""
        col = "".join(ch for ch in (self.cell or "") if ch.isalpha())
        return (self.row or 0, len(col), col, self.code)


def json_value(value: Any) -> Any:
    """A finding's value as JSON holds it: scalars as they are, a date as its ISO text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
