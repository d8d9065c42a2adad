"""Parse a published 整改进展情况的通报 (plain text, or the paragraphs of a .docx) into a ledger.

Pure: takes a string, returns a :class:`ParsedNotice`; never opens files. For ANY input
string :func:`parse_notice` either returns or raises :class:`NoticeParseError` (a
:class:`~rectxl.core.errors.RectxlError` with one Chinese sentence) — never anything else.

Layout understood (DESIGN.md §4; both seeds in ``shared/seeds`` are the reference):

- title lines, web-page debris ("来源:… 日期:…", "【打印】", "【关闭】" …, dropped), preamble;
- top-level sections ``一、`` … ``二、`` … ``三、`` (``、``, ``.`` or ``.``);
- in section 二, aspects as ``第一方面问题,…`` / ``(一)在“…”方面`` / ``(一)关于…方面`` /
  ``一、在…方面`` (numbering restarts inside section 二), categories ``(一)…问题``;
  **aspect or category?** if section 二 has ``第X方面`` lines or restarted ``一、…方面``
  lines, its ``(一)`` lines are categories; otherwise ``(一)`` lines are the aspects;
- issues ``1.…`` / ``1、…`` (numbers run on or restart per aspect — kept as written); an issue
  title is the text after ``N.`` up to the first ``。`` (or up to the first measure marker);
- measures: the ``一是…二是…`` segments (``ordinal``), else ``(1)…(2)…`` sub-items on their
  own lines or inline (``paren``), else the whole remaining text as one measure (``plain``);
  text between the title and the first marker (e.g. ``整改情况:``) is kept as the issue's
  ``intro``; ``(1)`` lines directly under an aspect/category (no current issue) are issues;
- after section 三: the supervision sentence, contact details (电话, 邮寄地址/邮政信箱, 邮编,
  电子邮箱, 公开期限), the signature (落款) and its date;
- ASCII or full-width punctuation and digits, full-width-space indents, blank lines, and
  Markdown produced by :func:`rectxl.core.notice.render_notice` (``#`` headings, ``**``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from rectxl.core.errors import RectxlError
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice._text import to_date
from rectxl.core.notice.totals import StatedTotals, TotalCheck, check_totals, extract_stated_totals
from rectxl.core.status import Status
from rectxl.core.text import CN_NUM, fold, normalize_for_compare, normalize_text, ordinal, to_int

__all__ = [
    "NoticeParseError",
    "ParsedNotice",
    "infer_status",
    "normalize_for_compare",
    "parse_notice",
]


class NoticeParseError(RectxlError):
    """The text cannot be read as a 整改进展情况通报; ``str(exc)`` is one Chinese sentence."""


class ParsedNotice(BaseModel):
    """A notice read back: the ledger, the totals its prose states, and their checks."""

    ledger: Ledger
    stated_totals: StatedTotals = Field(default_factory=StatedTotals)
    total_checks: list[TotalCheck] = Field(default_factory=list)
    #: things worth a look that did not stop parsing (Chinese sentences)
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------
# Status from wording
# ---------------------------------------------------------------------------

# The rule, applied to a measure's text, first match wins:
#  1. a negation (尚未/暂未/还未/未完成/未能/未到位/仍在)                 -> 正在推进
#  2. a long-term phrase: 长期坚持/长期推进/长期执行/长期开展/长期保持, 持续坚持,
#     常态化 (a bare 长期 is not enough: "长期拥堵问题" describes the problem)  -> 长期坚持
#  3. forward-looking words: 拟, 下一步, 正在, 持续, 逐步, 继续, and 将 only as a future
#     marker (将于/将在/将继续/将持续/将陆续/将进一步/将按…, 还将/也将/仍将/即将/并将) —
#     a bare 将 is usually 把 ("将…纳入…"), which says nothing about progress   -> 正在推进
#  4. completion words: 已, 完成, 办结, 销号, 到位, 了 (not 为了/除了/了解)    -> 已完成
#  5. nothing of the above                                                      -> 正在推进
#     (conservative: never claim a completion the text does not state)
_NEGATION = re.compile(r"尚未|暂未|还未|未完成|未能|未到位|仍在")
_LONG_TERM = re.compile(r"长期(?:坚持|推进|执行|开展|保持)|持续坚持|常态化")
_FORWARD = re.compile(
    r"(?<![模草虚])拟|下一步|正在|持续|逐步|继续"
    r"|(?:还|也|仍|即|并)将"
    r"|将(?:于|在|继续|持续|陆续|进一步|按照?|会|要|尽快|适时|加快|逐步|根据|结合|不断)"
)
_DONE = re.compile(r"已|完成|办结|销号|到位|(?<![为除])了(?!解)")


def infer_status(text: str) -> Status:
    """The status a measure's wording implies (rule documented above ``_NEGATION``)."""
    if _NEGATION.search(text):
        return Status.IN_PROGRESS
    if _LONG_TERM.search(text):
        return Status.LONG_TERM
    if _FORWARD.search(text):
        return Status.IN_PROGRESS
    if _DONE.search(text):
        return Status.DONE
    return Status.IN_PROGRESS


# ---------------------------------------------------------------------------
# Line patterns (matched on the width-folded line; slices taken from the original)
# ---------------------------------------------------------------------------

_TOP_CN = "[一二三四五六七八九十]+"
_TOP = re.compile(rf"^({_TOP_CN})\s*[、.]\s*")
_FANG = re.compile(rf"^第({CN_NUM}|\d{{1,3}})方面(?:存在的问题|的问题|问题)?\s*[,、:.。;]?\s*")
_PAREN_CN = re.compile(rf"^\(\s*({CN_NUM})\s*\)\s*[、.]?\s*")
_PAREN_DIGIT = re.compile(r"^\(\s*(\d{1,3})\s*\)\s*[、.]?\s*")
_ISSUE = re.compile(r"^(\d{1,4})\s*[.、]\s*(?!\d)")
_DATE_LINE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,4})\s*日$"
)
_CLOSING = re.compile(
    r"^(?:欢迎|联系方式|联系电话|监督电话|举报电话|邮寄地址|通信地址|通讯地址|邮政信箱|"
    r"电子邮箱|电子邮件|邮编|邮政编码|公开期限|公示期限)"
)
_ORG_END = re.compile(r"(?:党组|党委|委员会|党总支|党支部|纪委|党工委|办公室|党组织)$")
_ASPECT_TEXT = re.compile(r"方面(?:的?问题|存在的问题)?[:。.]?$")
_LABEL = re.compile(r"(?:整改情况|整改进展情况|整改进展|整改落实情况|整改措施|整改结果)\s*[:]")
_DEBRIS = re.compile(
    r"^(?:"
    r"(?:来源|信息来源|发布时间|发布日期|发布机构|日期|时间|作者|编辑|责任编辑|浏览次数|浏览量|"
    r"点击数|点击量|阅读次数|访问量|字号|字体|分享到|索引号|文号)\s*[:].{0,80}"
    r"|(?:[【\[]\s*(?:打印|关闭|关闭窗口|打印本页|打印此页|收藏|返回顶部|字体|字号|纠错|保存|分享|"
    r"[大中小\s]+)(?:\s*[:][^】\]]*)?\s*[】\]]\s*)+"
    r"|打印本页|关闭窗口|返回顶部|分享到:?|扫一扫在手机打开当前页|(?:上一篇|下一篇)\s*[:].*"
    r")$"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]#<>|])")

#: characters after which a measure marker (一是 / (1)) may start
_SEP = frozenset("。.;,:!?、\n ")


def _clean_lines(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalize_text(raw)
        if not line:
            continue
        if line.startswith("#"):
            line = _MD_HEADING.sub("", line)
        if "**" in line:
            line = line.replace("**", "")
        if "\\" in line:
            line = _MD_ESCAPE.sub(r"\1", line)
        line = line.strip()
        if not line or _DEBRIS.match(fold(line)):
            continue
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------
# Issue bodies → title, intro, measures
# ---------------------------------------------------------------------------

def _marker_at(folded: str, marker: str, start: int) -> int:
    """First index >= start of ``marker`` at the beginning or right after a separator."""
    idx = folded.find(marker, start)
    while idx >= 0:
        if idx == 0 or folded[idx - 1] in _SEP:
            return idx
        idx = folded.find(marker, idx + 1)
    return -1


def _enumeration(text: str, kind: Literal["ordinal", "paren"]) -> list[tuple[int, int]]:
    """(start, marker length) of 一是/二是… or (1)/(2)… in sequence, starting at 1."""
    folded = fold(text)
    found: list[tuple[int, int]] = []
    pos, n = 0, 1
    while n <= 99:
        marker = ordinal(n) if kind == "ordinal" else f"({n})"
        idx = _marker_at(folded, marker, pos)
        if idx < 0:
            break
        found.append((idx, len(marker)))
        pos, n = idx + len(marker), n + 1
    return found


def _join(text: str) -> str:
    return "".join(part.strip() for part in text.split("\n"))


@dataclass
class _RawIssue:
    number: int | None
    head: str
    more: list[str] = field(default_factory=list)


_TITLE_TRAIL = ",,::;;. "


def _split_title(head: str, rest_lines: list[str]) -> tuple[str, str]:
    """Title = text up to the first 。 of the first line, or up to the first measure
    marker / 整改情况 label when that comes first; returns (title, rest of the body)."""
    folded = fold(head)
    label = _LABEL.search(folded)
    candidates = [i for i in (
        _marker_at(folded, "一是", 0),
        _marker_at(folded, "(1)", 0),
        label.start() if label else -1,
    ) if i > 0]
    marker = min(candidates) if candidates else -1
    period = next((i for i, ch in enumerate(folded) if ch == "。" or (
        ch == "." and not (0 < i < len(folded) - 1 and folded[i - 1].isdigit()
                           and folded[i + 1].isdigit()))), -1)
    more = "\n".join(rest_lines)
    if period >= 0 and (marker < 0 or period < marker):
        title, rest = head[:period], head[period + 1:]
    elif marker > 0:
        title, rest = head[:marker], head[marker:]
    else:
        title, rest = head, ""
    if more:
        rest = f"{rest}\n{more}" if rest else more
    return title.strip().rstrip(_TITLE_TRAIL), rest.strip()


def _build_issue(raw: _RawIssue, warnings: list[str]) -> Issue:
    title, rest = _split_title(raw.head, raw.more)
    style: Literal["ordinal", "paren", "plain"] = "plain"
    segments: list[str] = []
    intro = ""
    marks = _enumeration(rest, "ordinal")
    if marks:
        style = "ordinal"
    else:
        marks = _enumeration(rest, "paren")
        if marks:
            style = "paren"
    if marks:
        intro = rest[:marks[0][0]]
        for k, (start, length) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(rest)
            segments.append(_join(rest[start + length:end]))
    else:
        if (m := _LABEL.match(fold(rest))) is not None:
            intro, rest = rest[:m.end()], rest[m.end():]
        body = _join(rest)
        segments = [body] if body else []
    label = f"第{raw.number}个问题" if raw.number is not None else f"问题“{title[:20]}”"
    if style == "ordinal":
        for seg in segments:
            if re.search(r"[。;]\s*[二三四五六七八九十]+是", fold(seg)):
                warnings.append(f"{label}的措施序号(一是、二是……)可能不连续,请核对原文。")
                break
    measures = [Measure(text=s, progress=s, status=infer_status(s)) for s in segments if s]
    return Issue(title=title, number=raw.number, intro=_join(intro), measure_style=style,
                 measures=measures)


# ---------------------------------------------------------------------------
# Whole notice
# ---------------------------------------------------------------------------

def _top_number(folded_line: str) -> int | None:
    m = _TOP.match(folded_line)
    return to_int(m.group(1)) if m else None


def _is_item_start(folded_line: str) -> bool:
    return bool(_ISSUE.match(folded_line) or _PAREN_CN.match(folded_line)
                or _PAREN_DIGIT.match(folded_line))


def _looks_like_aspect(folded: Sequence[str], j: int) -> bool:
    """A restarted ``一、在…方面`` line inside section 二: says 方面 and an item follows."""
    m = _TOP.match(folded[j])
    if not m:
        return False
    rest = folded[j][m.end():]
    if "方面" not in rest:
        return False
    if not (_ASPECT_TEXT.search(rest) or rest.startswith(("在", "关于"))):
        return False
    return j + 1 < len(folded) and _is_item_start(folded[j + 1])


def _date_in(text: str, pattern: re.Pattern[str]) -> date | None:
    m = pattern.search(text)
    return to_date(m.group(1)) if m else None


_D = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月" \
     r"(?:\d{1,2}|[一二三四五六七八九十]{1,4})日"
_D_SHORT = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,4})日"
_RANGE = re.compile(rf"({_D})\s*(?:至|到|—|-|~|―)+\s*((?:{_D})|(?:{_D_SHORT}))")
_VISIT = re.compile(
    r"(?P<group>[^,;。、\s]{1,30}?巡[察视](?:第[^,;。组]{1,4})?组)\s*(?:对|进驻)"
    r"(?P<unit>[^,;。]{1,60}?)(?:开展了|进行了|开展|进行|实施了|实施)"
)
_FEEDBACK = re.compile(rf"({_D})\s*,?[^。;]{{0,60}}?反馈")
_PHONE = re.compile(r"(?:联系电话|监督电话|举报电话|联系方式|电话)\s*[:]?\s*(?:电话\s*[:]?\s*)?"
                    r"(\d[\d\-()—、/ ]*\d)")
_ADDRESS = re.compile(r"(?:邮寄地址|通信地址|通讯地址|来信地址|邮政信箱|地址)\s*[:]\s*"
                      r"([^;\n]+?)\s*(?=[,;。]?\s*(?:邮编|邮政编码|电子邮箱|电子邮件|$|[;\n]))")
_POSTCODE = re.compile(r"(?:邮编|邮政编码)\s*[:]?\s*(\d{6})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_PERIOD = re.compile(r"(?:公开期限|公示期限)\s*[:]\s*([^。\n]+)")


_PLACEHOLDER_FIELDS = (
    "title", "preamble", "section_one", "section_three", "party_org", "phone", "address",
    "postcode", "email", "inspection_group", "unit_name",
)


def _preamble_facts(info: LedgerInfo, preamble: str) -> None:
    text = fold(preamble)
    if (m := _RANGE.search(text)) is not None:
        start = to_date(m.group(1))
        end_text = m.group(2)
        if start is not None and "年" not in end_text:
            end_text = f"{start.year}年{end_text}"
        end = to_date(end_text)
        if start and end and start <= end:
            info.inspection_start, info.inspection_end = start, end
    if (m := _VISIT.search(text)) is not None:
        s, e = m.span("group")
        info.inspection_group = preamble[s:e].strip()
        s, e = m.span("unit")
        info.unit_name = preamble[s:e].strip()
    info.feedback_date = _date_in(text, _FEEDBACK)


_ADDRESS_TRAIL = ",,;;。"


def _closing_facts(info: LedgerInfo, closing: str) -> None:
    text = fold(closing)
    if (m := _PHONE.search(text)) is not None:
        info.phone = closing[m.start(1):m.end(1)].strip()
    if (m := _ADDRESS.search(text)) is not None:
        info.address = closing[m.start(1):m.end(1)].strip().rstrip(_ADDRESS_TRAIL)
    if (m := _POSTCODE.search(text)) is not None:
        info.postcode = m.group(1)
    if (m := _EMAIL.search(text)) is not None:
        info.email = m.group(0)
    if (m := _PERIOD.search(text)) is not None:
        info.extra["公开期限"] = closing[m.start(1):m.end(1)].strip()


def _check_numbers(aspects: list[Aspect], warnings: list[str]) -> None:
    numbers = [i.number for a in aspects for i in a.issues() if i.number is not None]
    if not numbers or numbers == list(range(1, len(numbers) + 1)):
        return
    per_aspect = [[i.number for i in a.issues() if i.number is not None] for a in aspects]
    if all(ns == list(range(1, len(ns) + 1)) for ns in per_aspect):
        return  # numbering restarts per aspect (seed 004)
    shown = "、".join(map(str, numbers[:60]))
    warnings.append(f"问题编号不连续或有重复({shown}),请核对原文。")


def _parse_notice(text: str) -> ParsedNotice:
    """:func:`parse_notice` without the safety net (used by the property tests)."""
    lines = _clean_lines(text)
    folded = [fold(line) for line in lines]
    n = len(lines)

    i2 = next((j for j in range(n) if _top_number(folded[j]) == 2), None)
    if i2 is None:
        raise NoticeParseError(
            "没有找到“二、”部分(逐项整改落实情况),这段文字看起来不是巡察整改进展情况通报。")
    i1 = next((j for j in range(i2) if _top_number(folded[j]) == 1), None)

    # The signature date (落款日期): the first line after 二、 that is only a date.
    i_date = next((j for j in range(i2 + 1, n) if _DATE_LINE.match(folded[j])), None)
    i_sig: int | None = None
    cand = (i_date - 1) if i_date is not None else (n - 1)
    if cand > i2:
        line = folded[cand]
        if (len(line) <= 60 and not line.endswith(("。", ";", ":", ","))
                and not _CLOSING.match(line) and not _TOP.match(line)
                and not _is_item_start(line) and not _FANG.match(line)
                and (i_date is not None or _ORG_END.search(line))):
            i_sig = cand
    stop = min(j for j in (i_sig, i_date, n) if j is not None)
    i_closing = next((j for j in range(i2 + 1, stop) if _CLOSING.match(folded[j])), stop)

    # Section 二 and where 三 starts (minding 一、二、… aspects restarted inside 二).
    restart: set[int] = set()
    i3: int | None = None
    for j in range(i2 + 1, i_closing):
        num = _top_number(folded[j])
        if num is None:
            continue
        if (num == 1 or restart) and _looks_like_aspect(folded, j):
            restart.add(j)
        elif num >= 3:
            i3 = j
            break
    end2 = i3 if i3 is not None else i_closing
    categories_mode = bool(restart) or any(_FANG.match(folded[j]) for j in range(i2 + 1, end2))

    warnings: list[str] = []
    intro_lines: list[str] = []
    aspects: list[Aspect] = []
    raw_issues: dict[int, list[_RawIssue]] = {}  # id(category) → raw issues
    categories: dict[int, Category] = {}
    current: _RawIssue | None = None
    paren_issues = False

    def aspect(number: int | None, title: str | None) -> Aspect:
        nonlocal current, paren_issues
        a = Aspect(title=title, number=number)
        aspects.append(a)
        current, paren_issues = None, False
        return a

    def category(number: int | None, title: str | None) -> Category:
        nonlocal current, paren_issues
        if not aspects:
            aspect(None, None)
        c = Category(title=title, number=number)
        aspects[-1].categories.append(c)
        categories[id(c)] = c
        raw_issues[id(c)] = []
        current, paren_issues = None, False
        return c

    def add_issue(number: int | None, head: str) -> None:
        nonlocal current
        if not aspects or not aspects[-1].categories:
            category(None, None)
        current = _RawIssue(number=number, head=head)
        raw_issues[id(aspects[-1].categories[-1])].append(current)

    for j in range(i2 + 1, end2):
        line, f = lines[j], folded[j]
        if (m := _FANG.match(f)) is not None:
            aspect(to_int(m.group(1)), line[m.end():].strip())
        elif j in restart and (m := _TOP.match(f)) is not None:
            aspect(to_int(m.group(1)), line[m.end():].strip())
        elif (m := _PAREN_CN.match(f)) is not None:
            if categories_mode:
                category(to_int(m.group(1)), line[m.end():].strip())
            else:
                aspect(to_int(m.group(1)), line[m.end():].strip())
        elif (m := _ISSUE.match(f)) is not None:
            add_issue(to_int(m.group(1)), line[m.end():].strip())
        elif (m := _PAREN_DIGIT.match(f)) is not None and (current is None or paren_issues):
            add_issue(to_int(m.group(1)), line[m.end():].strip())
            paren_issues = True
        elif current is not None:
            current.more.append(line)
        elif not aspects:
            intro_lines.append(line)
        else:
            add_issue(None, line)  # an unnumbered paragraph directly under an aspect

    for a in aspects:
        for c in a.categories:
            c.issues = [_build_issue(r, warnings) for r in raw_issues[id(c)]]
    if not any(True for a in aspects for _ in a.issues()):
        raise NoticeParseError(
            "“二、”部分没有找到编号的问题(如“1.…”),无法按巡察整改进展情况通报解析。")
    _check_numbers(aspects, warnings)

    # Front matter: title lines, then the preamble.
    front = lines[: i1 if i1 is not None else i2]
    k = 0
    while (k < len(front) and len(front[k]) <= 80 and not front[k].endswith("。")
           and not front[k].startswith("根据")):
        k += 1
    title = "".join(front[:k]) or None
    preamble = "\n".join(front[k:]) or None

    info = LedgerInfo.model_validate({"title": title, "preamble": preamble})
    if i1 is not None:
        m1 = _TOP.match(folded[i1])
        info.heading_one = lines[i1][m1.end():].strip() if m1 else None
        info.section_one = "\n".join(lines[i1 + 1:i2]) or None
    m2 = _TOP.match(folded[i2])
    info.heading_two = lines[i2][m2.end():].strip() if m2 else None
    info.section_two_intro = "\n".join(intro_lines) or None
    if i3 is not None:
        m3 = _TOP.match(folded[i3])
        info.heading_three = lines[i3][m3.end():].strip() if m3 else None
        info.section_three = "\n".join(lines[i3 + 1:i_closing]) or None
    closing = "\n".join(lines[i_closing:stop])
    if preamble:
        _preamble_facts(info, preamble)
    if closing:
        _closing_facts(info, closing)
    if i_sig is not None:
        info.party_org = lines[i_sig]
    if i_date is not None:
        info.report_date = to_date(folded[i_date].replace(" ", ""))

    for name in _PLACEHOLDER_FIELDS:  # a rendered notice's 【请填写…】 means "not known"
        value = getattr(info, name)
        if isinstance(value, str) and "【请填写" in value:
            setattr(info, name, None)

    ledger = Ledger(info=info, aspects=aspects, sheet="通报")
    prose = [preamble or "", info.section_one or "", info.section_two_intro or "",
             info.section_three or ""]
    stated = extract_stated_totals(prose)
    return ParsedNotice(ledger=ledger, stated_totals=stated,
                        total_checks=check_totals(stated, ledger), warnings=warnings)


def parse_notice(text: str) -> ParsedNotice:
    """Parse a notice's text into a :class:`ParsedNotice`.

    Raises :class:`NoticeParseError` (one Chinese sentence) when the text is not a notice —
    no ``二、`` section, or nothing numbered in it — and for nothing else: an unexpected
    internal failure is also reported as :class:`NoticeParseError`.
    """
    if not isinstance(text, str):
        raise NoticeParseError("通报内容必须是文本。")
    try:
        return _parse_notice(text)
    except NoticeParseError:
        raise
    except Exception as exc:  # safety net; the property tests run _parse_notice unguarded
        raise NoticeParseError(
            f"通报解析失败(内部错误:{type(exc).__name__}),请将该通报反馈给维护人员。"
        ) from exc
