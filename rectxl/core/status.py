"""Rectification statuses (整改状态) and general cell-text normalisation.

``normalize_text`` is the shared whitespace clean-up for any cell text; ``parse_status``
maps the many spellings clerks type into the five normalised statuses of DESIGN.md §2.

Matching is *exact* after normalisation (NFKC width folding, all whitespace removed,
decorative check marks and trailing punctuation dropped) — never substring guessing, so
"未完成" can never become 已完成.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from rectxl.core.text import fold_text

__all__ = ["STATUS_ALIASES", "Status", "parse_status"]


class Status(StrEnum):
    """The five normalised statuses; values are the Chinese labels used in ledgers/notices."""

    DONE = "已完成"
    MOSTLY_DONE = "基本完成"
    IN_PROGRESS = "正在推进"
    LONG_TERM = "长期坚持"
    NOT_STARTED = "未启动"


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
