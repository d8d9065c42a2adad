"""Rectification statuses (整改状态) and general cell-text normalisation.

``normalize_text`` is the shared whitespace clean-up for any cell text; ``parse_status``
maps the many spellings clerks type into the five normalised statuses of DESIGN.md §2.

Matching is *exact* after normalisation (NFKC width folding, all whitespace removed,
decorative check marks and trailing punctuation dropped) — never substring guessing, so
"未完成" can never become 已完成.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from enum import StrEnum
from functools import lru_cache

__all__ = ["STATUS_ALIASES", "Status", "fold_text", "normalize_text", "parse_status"]


class Status(StrEnum):
    """The five normalised statuses; values are the Chinese labels used in ledgers/notices."""

    DONE = "已完成"
    MOSTLY_DONE = "基本完成"
    IN_PROGRESS = "正在推进"
    LONG_TERM = "长期坚持"
    NOT_STARTED = "未启动"


# ---------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Status parsing
# ---------------------------------------------------------------------------

#: (status, accepted spelling, where it comes from).  Spellings are compared after
#: :func:`fold_text` and removal of decorative marks / trailing punctuation.
STATUS_ALIASES: tuple[tuple[Status, str, str], ...] = (
    # 已完成
    (Status.DONE, "已完成", "label"),
    (Status.DONE, "已整改", "DESIGN"),
    (Status.DONE, "已完成整改", "DESIGN"),
    (Status.DONE, "完成", "DESIGN"),
    (Status.DONE, "已办结", "DESIGN"),
    (Status.DONE, "已销号", "DESIGN"),
    (Status.DONE, "整改完成", "DESIGN"),
    (Status.DONE, "完成整改", "word-order variant of 整改完成"),
    (Status.DONE, "已整改完成", "variant of 已完成整改"),
    (Status.DONE, "整改已完成", "variant of 已完成整改"),
    (Status.DONE, "已整改到位", "opposite of DESIGN 尚未整改到位"),
    (Status.DONE, "整改到位", "opposite of DESIGN 尚未整改到位"),
    (Status.DONE, "已全部完成", "全部 = fully"),
    (Status.DONE, "全部完成", "全部 = fully"),
    (Status.DONE, "办结", "variant of 已办结"),
    (Status.DONE, "已完结", "synonym of 已办结"),
    (Status.DONE, "已结办", "synonym of 已办结"),
    (Status.DONE, "销号", "variant of 已销号"),
    (Status.DONE, "已销号完成", "variant of 已销号"),
    (Status.DONE, "是", "是否完成 column: yes"),
    # 基本完成
    (Status.MOSTLY_DONE, "基本完成", "label"),
    (Status.MOSTLY_DONE, "阶段性完成", "DESIGN"),
    (Status.MOSTLY_DONE, "部分完成", "DESIGN"),
    (Status.MOSTLY_DONE, "基本完成取得阶段性成果", "DESIGN"),
    (Status.MOSTLY_DONE, "已基本完成", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "基本完成整改", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "已基本完成整改", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "整改基本完成", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "已阶段性完成", "variant of 阶段性完成"),
    (Status.MOSTLY_DONE, "已部分完成", "variant of 部分完成"),
    (Status.MOSTLY_DONE, "基本完成,取得阶段性成果", "DESIGN with comma"),
    (Status.MOSTLY_DONE, "基本完成并取得阶段性成果", "DESIGN with 并"),
    (Status.MOSTLY_DONE, "取得阶段性成果", "tail of the DESIGN phrase"),
    (Status.MOSTLY_DONE, "取得阶段性成效", "synonym of 取得阶段性成果"),
    # 正在推进
    (Status.IN_PROGRESS, "正在推进", "label"),
    (Status.IN_PROGRESS, "推进中", "DESIGN"),
    (Status.IN_PROGRESS, "整改中", "DESIGN"),
    (Status.IN_PROGRESS, "正在整改", "DESIGN"),
    (Status.IN_PROGRESS, "未完成", "DESIGN"),
    (Status.IN_PROGRESS, "尚未整改到位", "DESIGN"),
    (Status.IN_PROGRESS, "延期整改", "DESIGN"),
    (Status.IN_PROGRESS, "正在推进中", "variant of 正在推进"),
    (Status.IN_PROGRESS, "正在整改中", "variant of 正在整改"),
    (Status.IN_PROGRESS, "整改推进中", "variant of 推进中"),
    (Status.IN_PROGRESS, "进行中", "synonym of 推进中"),
    (Status.IN_PROGRESS, "正在进行", "synonym of 正在推进"),
    (Status.IN_PROGRESS, "正在进行中", "synonym of 正在推进"),
    (Status.IN_PROGRESS, "未完成整改", "variant of 未完成"),
    (Status.IN_PROGRESS, "尚未完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "尚未完成整改", "variant of 未完成"),
    (Status.IN_PROGRESS, "整改未完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "未整改到位", "variant of 尚未整改到位"),
    (Status.IN_PROGRESS, "未整改完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "已延期", "variant of 延期整改"),
    (Status.IN_PROGRESS, "延期", "variant of 延期整改"),
    (Status.IN_PROGRESS, "否", "是否完成 column: no (started but not done)"),
    # 长期坚持
    (Status.LONG_TERM, "长期坚持", "label"),
    (Status.LONG_TERM, "长期推进", "DESIGN"),
    (Status.LONG_TERM, "持续推进", "DESIGN"),
    (Status.LONG_TERM, "持续整改", "DESIGN"),
    (Status.LONG_TERM, "持续坚持", "DESIGN"),
    (Status.LONG_TERM, "长期", "short form, also a deadline phrase"),
    (Status.LONG_TERM, "长期整改", "synonym of 持续整改"),
    (Status.LONG_TERM, "长期执行", "synonym of 长期坚持"),
    (Status.LONG_TERM, "需长期坚持", "variant of 长期坚持"),
    (Status.LONG_TERM, "长期坚持中", "variant of 长期坚持"),
    (Status.LONG_TERM, "持续推进中", "variant of 持续推进"),
    (Status.LONG_TERM, "常态化推进", "synonym of 持续推进"),
    # 未启动
    (Status.NOT_STARTED, "未启动", "label"),
    (Status.NOT_STARTED, "未开始", "DESIGN"),
    (Status.NOT_STARTED, "尚未启动", "variant of 未启动"),
    (Status.NOT_STARTED, "暂未启动", "variant of 未启动"),
    (Status.NOT_STARTED, "未启动整改", "variant of 未启动"),
    (Status.NOT_STARTED, "尚未开始", "variant of 未开始"),
    (Status.NOT_STARTED, "暂未开始", "variant of 未开始"),
    (Status.NOT_STARTED, "未开展", "synonym of 未开始"),
    (Status.NOT_STARTED, "尚未开展", "synonym of 未开始"),
)

_LOOKUP: dict[str, Status] = {}
for _status, _alias, _note in STATUS_ALIASES:
    _LOOKUP[_alias.replace(",", "")] = _status
del _status, _alias, _note

# Decorative marks clerks put before/after a status ("√已完成", "已完成✔", "【已完成】"),
# plus trailing punctuation ("已完成整改。").
_DECOR = "√✓✔☑■□●○◎▲△★☆※·•*#-—_~"
_BRACKETS = "()[]{}<>【】〔〕「」『』《》〈〉\"'“”‘’"
_TRAIL_PUNCT = ".,;:!、。;:!…"  # not "?": "已完成?" expresses doubt
_STRIP_CHARS = _DECOR + _BRACKETS + _TRAIL_PUNCT
_COMMA = re.compile(r"[,,、;]")


@lru_cache(maxsize=4096)
def _parse_status_text(key: str) -> Status | None:
    s = key.strip(_STRIP_CHARS)
    if not s:
        return None
    s = _COMMA.sub("", s)
    return _LOOKUP.get(s)


def parse_status(value: object) -> Status | None:
    """Map a status cell to one of the five :class:`Status` values.

    Returns ``None`` for blank or unrecognised values (the caller reports ``bad-status``
    for non-blank ones).  A bool (an Excel TRUE/FALSE in a 是否完成 column) maps like
    是/否: ``True`` -> 已完成, ``False`` -> 正在推进; other non-string values (numbers,
    dates, objects) give ``None``.  Never raises.
    """
    try:
        if isinstance(value, Status):
            return value
        if isinstance(value, bool):
            return Status.DONE if value else Status.IN_PROGRESS
        if not isinstance(value, str):
            return None  # numbers, dates, containers, arbitrary objects
        key = fold_text(value)
        if not key:
            return None
        return _parse_status_text(key)
    except Exception:
        return None
