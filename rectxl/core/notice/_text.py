"""Small text helpers shared by the notice parser, the totals extractor and the renderer.

Nothing here opens files. Width folding for *detection* (:data:`FOLD`) is length-preserving
(one character in, one character out), so a match on the folded line can be used to slice the
original line and the notice's own wording is kept untouched.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from rectxl.core.deadline import parse_date
from rectxl.core.numbering import chinese_number, parse_chinese_number

__all__ = [
    "CN_NUM",
    "END_PUNCT",
    "FOLD",
    "NUM",
    "cn_date",
    "cn_date_range",
    "fold",
    "normalize_for_compare",
    "ordinal",
    "to_date",
    "to_int",
]

#: full-width ASCII (U+FF01–FF5E) → ASCII and the ideographic space → space, 1:1
FOLD = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " ", "\u00a0": " "}
)

#: a Chinese numeral as notices write them (一 … 九十九, 一百 …)
CN_NUM = "[零一二三四五六七八九十百两〇]+"
#: a count in a stated total: digits or a Chinese numeral
NUM = rf"(\d{{1,6}}|{CN_NUM})"

#: characters that already end a segment, so the renderer adds no "。" after them
END_PUNCT = frozenset("。.;;,,::!!??…")

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """Length-preserving width folding for pattern detection."""
    return text.translate(FOLD)


def normalize_for_compare(text: str) -> str:
    """NFKC (full-width punctuation and digits to ASCII) and every whitespace removed.

    Two renderings of the same notice compare equal under this key whatever their
    punctuation width, indentation or line breaks.
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def to_int(text: str) -> int | None:
    """``"33"`` / ``"三十三"`` → 33; ``None`` when it is not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text) if len(text) <= 9 else None
    return parse_chinese_number(text)


def to_date(text: str) -> date | None:
    """A single Chinese/ISO date ("2023年6月27日", "二〇二四年五月十三日"), else ``None``."""
    try:
        return parse_date(text)
    except Exception:  # parse_date promises not to raise; stay defensive anyway
        return None


def cn_date(d: date) -> str:
    """``date(2024, 5, 13)`` → ``"2024年5月13日"``."""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_date_range(start: date, end: date) -> str:
    """``"2023年3月16日至5月31日"`` (the end's year is omitted when it is the same)."""
    if start.year == end.year:
        return f"{cn_date(start)}至{end.month}月{end.day}日"
    return f"{cn_date(start)}至{cn_date(end)}"


def ordinal(n: int) -> str:
    """The measure marker ``一是`` / ``十二是``."""
    return f"{chinese_number(n)}是"
