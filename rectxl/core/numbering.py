"""The numbering a notice uses: 第一方面 / (一) / 1. / 一是, in both directions.

Pure string helpers shared by the ledger reader (to strip numbering typed into cells), the
summary sheets and the notice renderer/parser (to write and read it back).
"""

from __future__ import annotations

import re

__all__ = [
    "chinese_number",
    "parse_chinese_number",
    "split_aspect_label",
    "split_category_label",
    "split_issue_label",
]

_DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"两": 2, "〇": 0}


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


def parse_chinese_number(text: str) -> int | None:
    """Inverse of :func:`chinese_number` for 1–999 (also plain digits); ``None`` if not a number."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _VALUES and c not in "十百" for c in text):
        return None
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


_CN = "[零一二三四五六七八九十百两〇]+"
_ASPECT_RE = re.compile(rf"^\s*(?:第({_CN}|\d+)方面(?:问题)?\s*[,，、:：.．]?|({_CN})\s*[、.．]|[(（]({_CN})[)）])\s*")
_CATEGORY_RE = re.compile(rf"^\s*[(（]({_CN}|\d+)[)）]\s*[、.．]?\s*")
_ISSUE_RE = re.compile(r"^\s*(?:问题)?(\d+)\s*[.．、,，)）:：]\s*")


def _split(regex: re.Pattern[str], text: str) -> tuple[int | None, str]:
    m = regex.match(text)
    if not m:
        return None, text.strip()
    number_text = next((g for g in m.groups() if g), "")
    return parse_chinese_number(number_text), text[m.end():].strip()


def split_aspect_label(text: str) -> tuple[int | None, str]:
    """``"第一方面问题,破局…"`` / ``"一、…"`` / ``"(一)…"`` → ``(1, "破局…")``."""
    return _split(_ASPECT_RE, text)


def split_category_label(text: str) -> tuple[int | None, str]:
    """``"(三)持续深化…问题"`` → ``(3, "持续深化…问题")``."""
    return _split(_CATEGORY_RE, text)


def split_issue_label(text: str) -> tuple[int | None, str]:
    """``"12.针对…问题"`` / ``"12、…"`` → ``(12, "针对…问题")``."""
    return _split(_ISSUE_RE, text)
