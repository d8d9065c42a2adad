"""Owner units (责任单位) as text: the units a cell names and a spelling-insensitive key, shared
by the rules, the summary sheets, the diff and the ledger writer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["split_units", "unit_key"]

_UNIT_SEP = re.compile(r"[、,，;；/／\n]+|\s{2,}")
_UNIT_ROLE = re.compile(r"^(?:牵头(?:单位)?|配合(?:单位)?|责任(?:单位)?|协办|主办)[:：]?")


_UNIT_NOTE = re.compile(r"[(（](?:牵头|配合|协办|主办|负责)[)）]$")


def split_units(text: str) -> list[str]:
    """``"办公室、财务科(配合)"`` → ``["办公室", "财务科"]``: the units a cell names."""
    return list(_units(text))


@lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    """:func:`split_units`, once per distinct cell text (a ledger repeats a few dozen units)."""
    units = []
    for part in _UNIT_SEP.split(text):
        part = _UNIT_ROLE.sub("", part.strip())
        part = _UNIT_NOTE.sub("", part).strip()
        if part:
            units.append(part)
    return tuple(units)


@lru_cache(maxsize=8192)
def unit_key(unit: str) -> str:
    """Spelling-insensitive key: NFKC (full-width → half-width), no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", unit)
    return "".join(ch for ch in text if ch.isalnum())
