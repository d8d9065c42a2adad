"""A single date as a notice writes it (the rest of Chinese-text handling is rectxl.core.text)."""

from __future__ import annotations

from datetime import date

from rectxl.core.deadline import parse_date

__all__ = ["to_date"]


def to_date(text: str) -> date | None:
    """A single Chinese/ISO date ("2023年6月27日", "二〇二四年五月十三日"), else ``None``."""
    try:
        return parse_date(text)
    except Exception:  # parse_date promises not to raise; stay defensive anyway
        return None
