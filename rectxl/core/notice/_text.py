"""Text helpers of the notice parser: the detection copy of a line, and dates as notices write
them (the rest of Chinese-text handling is :mod:`rectxl.core.text`)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rectxl.core.deadline import parse_date
from rectxl.core.numbering import PARENTHESISED
from rectxl.core.text import LazyPattern, fold, to_simplified

__all__ = ["DATE", "DATE_NUMERIC", "DATE_SHORT", "detect", "short_date", "to_date"]


@lru_cache(maxsize=8192)
def detect(text: str) -> str:
    """The copy of ``text`` that patterns are matched on: full-width forms folded to ASCII,
    traditional characters to simplified and ⑴⑵⑶ to ①②③, **one character for one**, so that
    a span found in the copy is the same span of the original (the notice's own text is what
    is kept).

    Cached: the parser looks at an issue's body several times (title, labels, measures,
    statuses), and folding it is most of the cost of parsing."""
    folded = fold(text).translate(PARENTHESISED)
    simple = to_simplified(folded)
    if len(simple) == len(folded):
        return simple
    # a folding that changed the length: apply it character by character instead
    return "".join(s if len(s := to_simplified(c)) == 1 else c for c in folded)


def to_date(text: str) -> date | None:
    """A single Chinese/ISO date ("2023年6月27日", "二〇二四年五月十三日"), else ``None``."""
    try:
        return parse_date(text)
    except Exception:  # parse_date promises not to raise; stay defensive anyway
        return None


#: a full date as notices write it (on the detection copy): 2025年6月12日, 二〇二四年五月十三日
DATE = (r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,4})\s*日")
#: a date written in figures (on the detection copy): 2023-12-05, 2023.12.5, 2023/12/05 (a
#: decimal such as "1.5" or a range "2023-2024" is none: the day is required, and no digit follows)
DATE_NUMERIC = (r"(?<![\d.])\d{4}\s*(?:-\s*\d{1,2}\s*-|\.\s*\d{1,2}\s*\.|/\s*\d{1,2}\s*/)\s*\d{1,2}"
                r"(?!\.?\d)")
#: a date without its year: 7月2日
DATE_SHORT = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,4})\s*日"
_YEAR = LazyPattern(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年")


def short_date(text: str, year: int) -> date | None:
    """A date written with or without its year; ``year`` is used when it has none."""
    if _YEAR.match(text):
        return to_date(text)
    if not 1900 <= year <= 2999:
        return None
    return to_date(f"{year}年{text.strip()}")
