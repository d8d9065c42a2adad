"""The labels a notice numbers things with: 第一方面 / (一) / 1., read off a cell's text.

Pure string helpers shared by the ledger reader (to strip numbering typed into cells), the
summary sheets and the notice renderer/parser (to write and read it back).
"""

from __future__ import annotations

import re

from rectxl.core.text import parse_chinese_number

__all__ = [
    "split_aspect_label",
    "split_category_label",
    "split_issue_label",
]

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
