"""Chinese text, one home: cell-text clean-up, folding keys, numerals, dates as notices write
them, full-width punctuation, column letters, and shortening for messages.

Every part of rectxl that reads or writes Chinese text uses these; nothing here knows about
ledgers, files or Excel.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from typing import Literal

__all__ = [
    "CN_NUM",
    "END_PUNCT",
    "FOLD",
    "NUM",
    "chinese_number",
    "cn_date",
    "cn_date_range",
    "col_index",
    "col_letter",
    "fold",
    "fold_text",
    "normalize_for_compare",
    "normalize_text",
    "ordinal",
    "parse_chinese_number",
    "shorten",
    "to_int",
    "zh_punct",
]

# -- cell text ---------------------------------------------------------------------------------

# Horizontal whitespace that Excel cells pick up (tabs, NBSP, ideographic space U+3000,
# the U+2000 family, narrow NBSP, ...) becomes an ASCII space; zero-width characters and
# the BOM are dropped.
_HSPACE_CHARS = (
    "\t\x0b\x0c\x1c\x1d\x1e\x1f\u0085\u00a0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_TRANSLATE = str.maketrans(
    {
        **{c: " " for c in _HSPACE_CHARS},
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_MULTI_SPACE = re.compile(r" {2,}")
_SPACE_AROUND_NL = re.compile(r" *\n *")
# Text made only of these characters needs no clean-up (fast path for the common case): ASCII
# and Latin-1 letters and punctuation, general punctuation (“” ‘’ — … ※), letterlike symbols,
# arrows, shapes and dingbats (℃ → √ ■ ★ ①), CJK punctuation and ideographs, full-width forms.
# None of them is whitespace, zero-width or a line break, so for such text the slow path below
# would change nothing.
_NEEDS_WORK = re.compile(
    r"[^\x21-\x7e\u00a1-\u00ff\u2010-\u2027\u2030-\u205e\u2100-\u27bf\u3001-\u301f\u3400-\u9fff\uff01-\uff5e]"
)


def normalize_text(value: object) -> str:
    """Return the cell text of *value* with whitespace cleaned up.

    - ``None`` and float NaN (pandas' blank) give ``""``.
    - integral floats render without ``.0`` (``3.0`` -> ``"3"``); dates give ISO form
      (a datetime at midnight gives just the date).
    - tabs, NBSP, the ideographic space U+3000 and other Unicode spaces become ordinary
      spaces; zero-width characters and BOM are removed; ``\\r\\n``/``\\r`` become ``\\n``.
    - leading/trailing whitespace is stripped, runs of spaces collapse to one space, and
      spaces around line breaks are removed. Line breaks themselves are kept.

    No width folding of letters/punctuation is done (see :func:`fold_text` for that), so
    the text stays as the user typed it.
    """
    if value is None:
        return ""
    if type(value) is str:
        s = value
    elif isinstance(value, str):
        s = str.__str__(value)  # plain str from StrEnum / numpy.str_ subclasses
    elif isinstance(value, bool):
        return str(value)
    elif isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    elif isinstance(value, datetime):
        if value.time() == time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    elif isinstance(value, date):
        return value.isoformat()
    else:
        try:
            s = str(value)
        except Exception:
            return ""
    if not _NEEDS_WORK.search(s):
        return s
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = s.translate(_TRANSLATE).strip()
    if "  " in s:
        s = _MULTI_SPACE.sub(" ", s)
    if "\n" in s:
        s = _SPACE_AROUND_NL.sub("\n", s)
    return s


_ALL_SPACE = re.compile(r"\s+")


def fold_text(value: object) -> str:
    """Return a matching key for *value*: :func:`normalize_text`, NFKC width folding
    (full-width digits/letters/punctuation to ASCII) and every whitespace removed."""
    s = normalize_text(value)
    if not s:
        return s
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    return _ALL_SPACE.sub("", s)




# -- numerals ----------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"两": 2, "〇": 0, "○": 0}


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as notices number things)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + (_DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else ""))
    return str(n)


def parse_chinese_number(text: str, mode: Literal["auto", "count", "digits"] = "auto") -> int | None:
    """A Chinese numeral as a number; ``None`` when ``text`` is not one. Plain digits pass through.

    - ``"count"``: positional, as counts and ordinals are written — 十二 → 12, 一百零五 → 105.
    - ``"digits"``: digit by digit, as years are written — 二〇二三 → 2023, 二六 → 26.
    - ``"auto"`` (default): positional when the text has 十 or 百, else digit by digit; so
      二〇二三 → 2023 and 三 → 3 whichever part of rectxl reads them.
    """
    if text.isdigit():
        return int(text) if len(text) <= 9 else None
    if not text or any(c not in _VALUES and c not in "十百" for c in text):
        return None
    if mode == "digits" or (mode == "auto" and "十" not in text and "百" not in text):
        if "十" in text or "百" in text or (len(text) > 1 and "两" in text):
            return None
        return int("".join(str(_VALUES[c]) for c in text))
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES[ch]
    return total + current


def to_int(text: str) -> int | None:
    """``"33"`` / ``"三十三"`` → 33; ``None`` when it is not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text) if len(text) <= 9 else None
    return parse_chinese_number(text)


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


#: ASCII punctuation → the full-width form Chinese text uses
_ZH_PUNCT = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’…—]"
_ASCII_PUNCT_NEAR_CJK = re.compile(rf"(?<={_CJK})\s*([,:;!?])\s*|\s*([,:;!?])\s*(?={_CJK})")
_PAREN_NEAR_CJK = re.compile(rf"\(([^()]*{_CJK}[^()]*)\)")


def zh_punct(text: str) -> str:
    """ASCII , : ; ! ? and ( ) written among Chinese characters in their full-width forms.

    ``"截至9月,已完成(一)"`` → ``"截至9月，已完成（一）"``; ASCII text ("1,000", "10:30",
    "(a)") keeps its punctuation."""
    text = _PAREN_NEAR_CJK.sub(lambda m: f"（{m.group(1)}）", text)
    return _ASCII_PUNCT_NEAR_CJK.sub(lambda m: _ZH_PUNCT[m.group(1) or m.group(2)], text)


# -- cells and messages --------------------------------------------------------------------------


def col_letter(c: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Excel letters → 0-based column index (A → 0, AA → 26)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" (messages quote cells; findings keep them whole)."""
    return text if len(text) <= limit else text[:limit] + "…"
