"""Rectification deadlines (整改时限): parse every form a ledger uses into a :class:`Deadline`.

Pure and defensive: :func:`parse_deadline` and :func:`parse_date` never raise; anything that
cannot be understood becomes ``DeadlineKind.INVALID`` with a short Chinese ``reason``.

Accepted forms (after NFKC width folding, traditional characters folded to simplified,
whitespace removal and Chinese-numeral conversion, so ``２０２３年９月``, ``二〇二三年九月底``,
``2023 年 9 月``, ``長期堅持`` all work):

- day: ``2023年9月30日``, ``2023.9.30``, ``2023/9/30``, ``2023-09-30`` (optionally with a
  time ``00:00:00``; a time of day or a weekday after the day does not change it:
  ``2023年9月30日24时前``, ``9月30日18:00前``, ``2023年9月30日 星期六``, ``2023/9/30 星期六``),
  ``20230930``, ``202309`` (September 2023, as a system's export writes a period), ``23.9.30``,
  ``2023年9月上旬/中旬/下旬`` (10th / 20th / month end), ``2023年9月中`` (15th),
  ``2023年9月上中旬``/``中上旬`` (20th), ``2023年9月上半月/下半月`` (15th / month end);
  ``9.30`` / ``9/30`` take the feedback year;
- the turn of two months, the later one's 上旬: ``2023年11月末12月初`` (``11月底至12月初``,
  ``11月下旬12月上旬``) Dec 10; a week of a month, its seventh day: ``2023年12月第二周`` Dec 14
  (``第5周`` the month's end); a week of the year, its ISO Sunday: ``2023年第47周``, ``第47周``
  (without a year the first one to end on or after the feedback date);
- the start of a year, the end of February (January and February, 春节 among them, as 月初 is the
  上旬): ``2027年初``, ``明年初``, ``年初`` (the next one after the feedback date);
- month (its last day): ``2023年9月``, ``2023年9月底``, ``2023年9月份``, ``2023-9``,
  ``2023.9``;
- quarter (its last day): ``2023年第三季度``, ``2023年三季度``, ``2023年第3季``,
  ``2023年Q3``, ``2023Q3``;
- half year: ``2023年上半年`` (June 30), ``2023年下半年`` / ``2023年底`` (Dec 31),
  ``2023年年中`` (June 30);
- year (Dec 31): ``2024年``, ``2024年度``, ``2023年底``, ``2023年年底``, ``2023年末``,
  ``2023年内``, ``23年底``, ``2023年年终``, ``岁末``, a bare ``2024``;
- without a year (needs ``feedback_date``): ``9月底前``, ``9月30日前``, ``三季度``,
  ``上半年``, ``年中`` take the feedback year, or the NEXT year when the month is earlier than the
  feedback month; ``年底``/``今年底``/``本年内`` take the feedback year, ``明年6月底``/
  ``次年`` the following one; ``本月底``/``下月底`` the feedback month / the month after,
  ``本季度末``/``下季度内`` its quarter / the quarter after;
  after another date, ``次年``/``下一年`` (and ``明年``/``来年`` when that date's year is written)
  is the year after IT: ``原定2026年9月底，延期至明年3月底`` is March 2027 whenever it is read;
- ranges (the end wins): ``2023年7月至12月``, ``2023年7月—12月``,
  ``2023年7月-2023年12月``, ``2023年3月16日至5月31日``, ``2023年8—9月``,
  ``2023—2025年``, ``2023.7.1-2023.12.31``; lists (the last wins): ``2023年三、四季度``, ``2023.9.30/2023.12.31``;
- words after the date do not change it: ``2023年11月底前完成全部整改任务``,
  ``10月底前完成并形成长效机制`` (长效机制 is a thing to build, not "long term");
- several stages (the latest wins; a stage without a year takes the year of the stage
  before): ``8月底前完成自查,12月底前整改到位``, ``2024年3月自查,6月底前整改到位``,
  ``2024年6月底前完成整改,12月底前建立长效机制`` (Dec 31); a later stage that consolidates
  (``…,12月底前巩固提升``) leaves the deadline at the first date, going on after it;
  recurring schedules (``每季度报告``, ``每月底前报送``) are not deadlines;
- festivals (due the day before): ``2026年国庆节前`` (Sep 30), ``2026年“五一”前``,
  ``2026年十一前`` (十一 is 国庆), ``2027年春节前``, ``七一前``, ``2026年教师节前``; the lunar ones
  (春节, 元宵, 除夕, 端午, 中秋) for 2018–2040 only; without a year the first one after the
  feedback date; ``年前`` (``过年前``) with no year before it is ``春节前`` — before the lunar new
  year, as offices say it, never earlier than Dec 31 — and the overdue and due-soon messages say
  so (``2026年年前``, ``今年年前`` keep Dec 31); ``腊月底前`` (``腊月内``, ``农历腊月底``) is by 除夕, as
  ``春节前`` is — ``2026年腊月`` is the last month of 2026's lunar year, so 除夕 in early 2027
  (``腊月前``, before that month begins, is not read);
- seasons, school terms and vacations, read as the last day of a month so that a measure is
  never overdue before the day its office meant (schools break up in July and January, open
  in September and in late February or early March):

  - a season is its last day: ``2026年春季`` (or ``春天``, ``春``) May 31, ``夏季`` Aug 31,
    ``秋季`` Nov 30, ``冬季`` the last day of February 2027 (winter runs December–February);
    ``2026年秋冬季`` the later one; ``前``/``底``/``内`` do not change it (as ``9月前`` is Sep 30);
  - a term is due by the month its vacation starts: ``2026年春季学期`` (``…期末``, ``…结束前``)
    July 31, ``2026年秋季学期`` January 31, 2027 (the term that opens in autumn 2026);
    ``2026—2027学年第一学期`` (``上学期``) January 31, 2027, ``第二学期`` July 31, 2027, the
    whole ``2026—2027学年`` August 31, 2027 (``2026学年`` is 2026—2027);
  - before a term opens, the end of the month before: ``2026年秋季开学前`` and ``2026年9月开学前``
    Aug 31, ``2027年春季学期开学前`` (``3月开学前``) the last day of February 2027; ``开学前``
    alone is the next opening after the feedback date, and ``2026年开学前`` INVALID unless only
    one of that year's openings is still to come;
  - vacations: ``暑假前`` (``放暑假前``) July 31, ``暑假``/``暑假期间`` Aug 31; ``寒假前``
    January 31, ``寒假``/``寒假期间`` the end of February — of the year written, the school
    calendars' naming (``2026年寒假`` is January–February 2026), but the next one when the
    feedback date is already past it;
  - ``本学期``/``学期末`` the term in progress on the feedback date (to January 31 or July 31),
    ``下学期`` the one after; without a year, a season or vacation is the first one to end on or
    after the feedback date;
- relative to the feedback date: ``反馈后2个月内``, ``反馈之日起3个月内``,
  ``反馈后30日内``, ``30天内``, ``3个月内``, ``两周内``, ``半年内``, ``1年内``, ``2个月``,
  ``用两个月时间`` (months: same day N months later, clamped to the month end); working days
  (``收到反馈意见后15个工作日内``: Monday to Friday less the statutory holidays, see
  :func:`_after_working_days`);
- immediate: ``立行立改``, ``即知即改``, ``立即整改``, ``立查立改``, ``立知立改``,
  ``即查即改``, ``边巡边改`` (put right while the inspectors were there), ``马上就改``, ``马上就办``,
  ``当即整改``, ``立即`` — due on the feedback date
  when it is known;
- long term: ``长期坚持``, ``长期推进``, ``持续推进``, ``持续整改``, ``持续抓好``, ``长期``,
  ``常态化``, ``常态长效``, ``久久为功``, ``常抓不懈``, ``长期有效`` …;
- date + long term (DATE_AND_LONG_TERM): ``2023年12月底前完成并长期坚持``,
  ``短期:9月底;长期:长期坚持``, ``长期坚持(2023年底前取得阶段性成效)``, ``2023年9月30日-长期``;
  a year that starts a later part before long-term words is when the work goes on, not a deadline
  (``2026年12月31日前，2027年持续推进``: Dec 31 2026 and long term);
  a date the work starts on is no deadline (``2023年7月起，长期坚持``, ``2023年7月开始，长期坚持``:
  LONG_TERM; ``2023年7月开始`` alone INVALID);
- at once + long term (IMMEDIATE_AND_LONG_TERM, due on the feedback date *and* ongoing):
  ``立行立改、长期坚持``, ``立即整改并长期坚持``, ``近期:立即整改;长期:常态化推进``;
- ``立行立改,2023年7月底前完成`` is DATE (an explicit date beats "immediate");
- extensions: ``延期至2024年3月底``, ``延期到…``, ``延长至…``, ``顺延至…``, ``推迟至…``,
  ``展期至…``, ``调整为…``, before a date also ``变更为…``, ``改为…``, ``调至…``, ``延期：…``,
  ``延期时限：…``, ``(延期后：…)``, ``已延期，…``, ``(延期)2024年3月底``,
  ``2023年9月30日→2023年12月31日(延期)``: DATE with ``extended=True``; the
  last extension wins, and the date named before the first one is ``original_due``
  (``原定9月底,延期至12月底`` → due Dec 31, original_due Sep 30); an extension that is only a
  possibility is none (``如遇特殊情况延期至…``, ``如未完成延期至…``);
- prefixes ``于/在/截至/截止/计划/力争/确保/最迟/不晚于/原定…`` and suffixes
  ``前/之前/以前/底/末/内/完成/整改到位/为止…`` are ignored; an unparseable parenthetical
  remark is dropped; quotation marks do not change a date (``2026年“10月底”前``);
- Excel values: ``date``/``datetime`` objects, Excel serial numbers 18264–73415
  (1950-01-01 … 2100-12-31), also pasted as text (``"46203"``, ``" 46203 "``), integers
  ``20230930`` and a numeric year ``2024``.

Empty: blank cells and cells of dashes or slashes only (``/``, ``—``, ``-``, ``——``).

Invalid: impossible dates (``2023年2月30日``, ``2023年13月``), years outside 1900–2100,
``待定``, ``另行通知``, vague words without a number (``尽快``, ``年内尽快``, ``适时``), an event
or a period with no date of its own (``2026年汛期前``, ``2026年换届前``, ``2026年春耕前``,
``2026年上学期``, ``2026年“双十一”前``: never the year's last day, which would hide an overdue
measure), placeholders (``无``), relative or year-less forms without a feedback date (``春节前``,
``暑假前``), bools, anything else. A year followed by words of doing is still that year
(``2026年完成全部整改任务``, ``2026年整改到位后长期保持``).
"""

from __future__ import annotations

import calendar
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rectxl.core.status import read_status
from rectxl.core.text import (
    LazyPattern,
    cn_date,
    cn_zero,
    normalize_text,
    parse_chinese_number,
    symbol_run,
    to_simplified,
)

__all__ = [
    "AS_OF_SAID",
    "AS_OF_WHEN",
    "Deadline",
    "DeadlineKind",
    "as_of_day",
    "dated_entries",
    "deadlines_in_items",
    "earliest_day",
    "extension_steps",
    "format_deadline",
    "item_deadlines",
    "latest_day_of",
    "month_alone",
    "parse_date",
    "parse_day",
    "parse_day_range",
    "parse_deadline",
    "parse_deadline_in_year",
    "part_deadlines",
    "without_dates",
]

#: no rectification deadline or completion date falls before 2000 (巡察 ledgers of this kind
#: began in the 2010s): a year like 1926 is a slip for 2026, refused rather than read as overdue
MIN_YEAR = 2000
MAX_YEAR = 2100
# Excel serial numbers accepted as dates: 2000-01-01 .. 2100-12-31 (MIN_YEAR .. MAX_YEAR).
_EXCEL_EPOCH = date(1899, 12, 30)
MIN_SERIAL = (date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days  # 36526
MAX_SERIAL = (date(2100, 12, 31) - _EXCEL_EPOCH).days  # 73415
_MAX_TEXT = 200  # longer cells are not deadlines


class DeadlineKind(StrEnum):
    """What a 整改时限 cell says."""

    EMPTY = "empty"
    DATE = "date"
    IMMEDIATE = "immediate"
    LONG_TERM = "long_term"
    DATE_AND_LONG_TERM = "date_and_long_term"
    IMMEDIATE_AND_LONG_TERM = "immediate_and_long_term"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A parsed deadline cell (a frozen record: equal cells parse to equal, hashable deadlines)."""

    text: str
    kind: DeadlineKind
    due: date | None = None
    extended: bool = False
    reason: str | None = None
    #: the deadline before an extension, when the cell names it ("原定9月底，延期至12月底")
    original_due: date | None = None

    @property
    def has_due(self) -> bool:
        """True when there is a concrete due date to check against."""
        return self.due is not None


# ---------------------------------------------------------------------------
# Reasons (user-facing, Simplified Chinese with full-width punctuation: they go into messages)
# ---------------------------------------------------------------------------

R_UNKNOWN = "无法识别的整改时限"
R_NO_YEAR = "缺少年份且未提供反馈日期"
R_NO_FEEDBACK = "按反馈日期推算的时限，但未提供反馈日期"
R_BAD_MONTH = "月份无效"
R_BAD_DAY = "日期不存在"
R_YEAR_RANGE = f"年份超出合理范围，应在{MIN_YEAR}—{MAX_YEAR}年之间"
R_TBD = "时限待定，请明确具体整改时限"
R_NOTICE = "时限为“另行通知”，请明确具体整改时限"
R_PLACEHOLDER = "未填写有效的整改时限"
R_EXTENSION = "延期后的时限无法识别"
R_NUMBER = "数值无法识别为日期"
R_AMBIGUOUS_MONTH = "是数字，分不清是1月还是10月（Excel 会把“2025.10”存成2025.1），请写成“2025年10月”这样的文字"
#: an Excel date serial stored as text: five digits, maybe with a time as a fraction ("46203.5")
_TEXT_SERIAL = LazyPattern(r"\d{5}(?:\.\d+)?")
#: a year and month Excel keeps as a number: 2025.06 (repr "2025.06"), 2025.11
_YEAR_DOT_MONTH = LazyPattern(r"(\d{4})\.(\d{1,2})")
#: a month and day Excel keeps as a number: "10.31" typed is 10.31, "9.30" typed is 9.3
_MONTH_DOT_DAY = LazyPattern(r"(1[0-2]|[1-9])\.(\d{1,2})")
R_AMBIGUOUS_DAY = "是数字，分不清是几日：Excel 会把输入的“9.30”存成9.3、“10.10”存成10.1"
R_BOOL = "不是有效的日期"
R_FESTIVAL = "节日时限超出可推算的年份，请写明具体日期"
R_LETTER = "日期中混有字母（如把数字0写成了字母O）"
R_EVENT = "写的是事件或时段，推算不出具体日期，请写明年月日"
R_TERM = "未写明是春季还是秋季开学，推算不出具体日期"
R_SCHOOL_YEAR = "学年的起止年份不相连"
R_TERM_CLASS = "写的是整改期限的类别，不是完成时限，推算不出到期日"
R_VAGUE = "没有写明何时完成，推算不出到期日"


class _DateError(Exception):
    """A recognised date shape with impossible values."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Result(NamedTuple):
    kind: DeadlineKind
    due: date | None = None
    reason: str | None = None


# ---------------------------------------------------------------------------
# Date helpers
# ---------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    """The last day of ``month``: what a date written to its month means as a deadline."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    month += 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _make(year: int, month: int, day: int | None) -> date:
    """Build a date; ``day=None`` means the month's last day.  Raises _DateError."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _DateError(R_YEAR_RANGE)
    if not 1 <= month <= 12:
        raise _DateError(f"{R_BAD_MONTH}（{year}年{month}月）")
    if day is None:
        return month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError:
        raise _DateError(f"{R_BAD_DAY}（{year}年{month}月{day}日）") from None


def _check_range(d: date) -> date:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise _DateError(R_YEAR_RANGE)
    return d


# ---------------------------------------------------------------------------
# Text folding
# ---------------------------------------------------------------------------

_TIME_SUFFIX = re.compile(
    r"(?<=\d)(?:[tT]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[zZ]|[+-]\d{2}:?\d{2})?(?=\s*(?:前|之前|以前)?\s*$)"
)
#: a time of day after a day: "9月30日24时前", "9月30日 18:00", "9月30日下午5点", "9月30日下班前" (the
#: day is the deadline; 24时 is the end of that day, not the next one)
_CLOCK = LazyPattern(
    r"(?<=[日号])\s*(?:下班|(?:上午|下午|中午|晚上|晚|凌晨|早上)?\s*\d{1,2}"
    r"(?:[时点](?:\d{1,2}分|半|整)?|:\d{2}(?::\d{2})?))")
#: a weekday after a date ("2026年9月30日 星期三", Excel's Chinese long date "2026/9/30 星期三")
_WEEKDAY = LazyPattern(
    r"(?:(?<=[日号])\s*\(?(?:星期|礼拜|周)|(?<=\d)\s*\(?(?:星期|礼拜)|(?<=\d)\s+\(?周)"
    r"[一二三四五六日天1-7]\)?")
_WS = re.compile(r"\s+")
_DASHES = re.compile(r"[—–―‒−~〜﹘]+")
_BRACKET_MAP = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")"})
#: quotation marks around a date word do not change it ("2026年“五一”前", "2026年'国庆'前")
_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")
_CN_NUM = re.compile(r"[〇零○一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+(?=[年月日号季个天周星])")
#: the capital numerals of money ("2026年陆月底", "贰零贰陆年"), as the plain ones
_CAPITALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾", "一二三四五六七八九十")
#: a half year as a company's plan writes it ("2026H1", "2026年H2"), after its year
_HALF_CODE = LazyPattern(r"(\d{4})年?h([12])(?![0-9a-z])")
_HALF_YEAR_WITHIN = re.compile(r"(?<![上下\d年])半年(?=内|以内|之内|时间|$)")
#: the inspection's rectification period named with its length ("巡察整改期（3个月）内",
#: "集中整改期内(2个月)", "巡视整改期3个月内"): that long from the feedback date
_NAMED_PERIOD_LENGTH = LazyPattern(
    r"(?:巡[察视]|集中)?整改(?:期|周期)(?:内)?(?:为)?\(?(\d{1,3}(?:个月|个工作日|天|日|周|个星期))\)?(?:内|以内|之内)?")
#: a period whose end the cell does not say ("本届任期内", "巡察整改期内"): no date of its own
_NAMED_PERIOD = re.compile(r"(?:本届|本轮|本次|这届)?(?:任期|(?:巡[察视]|集中)?整改期)"
                           r"(?:内|以内|之内|届满前|结束前|末)?(?:完成|到位|整改到位)?")
# "三、四季度" / "7、8月": a list of quarters or months ends with its last one
_LISTED = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]+)(?:、(?:\d{1,2}|[一二三四五六七八九十]+))*、"
    r"(?=(?:\d{1,2}|[一二三四五六七八九十]+)(?:季|月))"
)
# "近期:" "短期:" "长期:" labels of a two-part deadline ("短期:9月底;长期:长期坚持")
_LABEL = re.compile(r"(?:近期|短期|中期|远期|长期)(?:目标|任务|要求)?:")
_ARROW = re.compile(r"→|⇒|=>|->|➡|⟶")


def _cn_sub(m: re.Match[str]) -> str:
    n = parse_chinese_number(m.group(0).translate(_CAPITALS))
    return m.group(0) if n is None else str(n)


#: a date typed with a Chinese full stop or a comma between its numbers ("2024。9。30", "2024,9,30")
_ODD_SEPARATORS = re.compile(r"(?<!\d)(\d{4})[。,，、](\d{1,2})[。,，、](\d{1,2})(?!\d)")
#: a letter typed for a digit inside a number ("9月3O日": O for 0; l or I for 1)
_LETTER_IN_NUMBER = re.compile(r"\d[OoIl]|[OoIl]\d")
#: a year on one line and its month on the next ("2026年\n6月底前", a cell narrowed in Excel): one
#: date, not a year then a month of the year after it
_YEAR_LINE = LazyPattern(r"(\d{2,4}年)[ \t\u3000]*\n\s*"
                        r"(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})月|[上下]半年|第?[一二三四1-4]季度|年?[底末内中])")


#: a date said to be when the work starts ("2026年7月开始", "自2026年7月1日始"): written as 起 is,
#: so that it is no deadline ("2026年7月开始，长期坚持" is long term, as "2026年7月起，长期坚持" is)
_START = LazyPattern(r"(?<=[\d年月日号旬初])(?:开始|起始|始)")
#: a slash between two dates written with dots or dashes ("2026.9.30/2026.12.31", the deadline and
#: the one it was put back to; "2026.9/2026.12"): two parts, as "2026年9月30日/2026年12月31日" are
_DATE_SLASH = LazyPattern(r"(\d{4}[.\-]\d{1,2}(?:[.\-]\d{1,2})?)/(?=\d{4}[.\-年])")


#: 元月, January, after a year or at the start ("2025年元月底前", "元月10日前")
_FIRST_MONTH = LazyPattern(r"(?:(?<=年)|^)元月")


#: an item's number as one character ("①2026年6月底前；②长期坚持", "⑴…", "⒈…", "❶…"): NFKC would make
#: ① a bare "1" and glue it to the year ("12026年"); it separates the items as a semicolon does
_ITEM_CHARS = re.compile("[\u2460-\u249b\u2776-\u2793]")
#: an item's number opening a part ("1.2026年6月底前；2.长期坚持", "(2)12月底前", "3)立行立改", "一.…",
#: "第1项…", "措施2.…"):
#: not a date's own figures — it is followed by a year, a month, or words ("9.30", "26.12.31" are dates)
_ARABIC_ITEM = LazyPattern(r"(?:^|(?<=[;,]))(?:\(\d{1,2}\)|\d{1,2}[.、)]|[一二三四五六七八九十]{1,3}\."
                           r"|第\d{1,2}[项条点][.、):]?|(?:措施|任务|事项)\d{1,2}[.、):]?)"
                           r"(?=\d{4}(?:年|[./-]\d)|\d{1,2}月|[^\d.])")

#: the number of a next item, after a space or straight after the words that end a deadline
_NEXT_ITEM = LazyPattern(r"(?:\s+|(?<=[前止底末]))(?=(?:\d{1,2}[.、)]|\(\d{1,2}\))"
                         r"(?:\d{4}(?:年|[./-]\d)|\d{1,2}月|[^\d.\s]))")


def _fold(text: str) -> str:
    if _ITEM_CHARS.search(text):
        text = _ITEM_CHARS.sub(";", text)
    s = to_simplified(unicodedata.normalize("NFKC", text))
    if (k := symbol_run(s)) and k < len(s):
        s = s[k:]  # "★2026年6月底前", "📌2026年6月底前": a mark before the date
    s = _ODD_SEPARATORS.sub(r"\1.\2.\3", s)
    if "始" in s:
        s = _START.sub("起", s)
    if "/" in s:
        s = _DATE_SLASH.sub(r"\1;", s)
    if "星期" in s or "周" in s or "礼拜" in s:
        s = _WEEKDAY.sub("", s)
    s = _TIME_SUFFIX.sub("", s)
    if ("时" in s or "点" in s or ":" in s or "下班" in s) and ("日" in s or "号" in s):
        s = _CLOCK.sub("", s)
    if "\n" in s:
        s = _YEAR_LINE.sub(r"\1", s)
        s = s.replace("\n", ";")  # a line break separates two parts, like a semicolon
    if s[:1].isdigit() or s[:1] == "(":
        # the next item's number after a space or right after the last one's deadline ("1.2026年6月底前
        # 2.长期坚持", "1.2026年6月底前2.长期坚持"): a new part, as after a semicolon
        s = _NEXT_ITEM.sub(";", s)
    s = _WS.sub("", s).lower()
    if s[:1].isdigit() or s[:1] in "第措任事一二三四五六七八九十" or "(" in s or ";" in s or "," in s:
        s = _ARABIC_ITEM.sub("", s)
    s = _LISTED.sub("", s)
    s = _LABEL.sub(";", s)
    s = s.translate(_BRACKET_MAP).translate(_QUOTES)
    s = _DASHES.sub("—", s)
    s = _HALF_YEAR_WITHIN.sub("6个月", s)
    s = s.replace("半个月", "15天")
    if "h" in s:
        s = _HALF_CODE.sub(lambda m: f"{m[1]}年{'上' if m[2] == '1' else '下'}半年", s)  # "2026H1": first half
    if "元月" in s:
        s = _FIRST_MONTH.sub("1月", s)  # "2025年元月": January ("元旦" stays a festival)
    if "年前" in s:
        s = _LUNAR_YEAR_END.sub(r"\1春节前", s)
    if _CN_NUM.search(s):
        s = _CN_NUM.sub(_cn_sub, cn_zero(s))
    if "整改" in s and "期" in s:
        s = _NAMED_PERIOD_LENGTH.sub(r"\1内", s)
    if "初" in s:
        s = _TURN_OF_MONTH.sub(_turn_of_month, s)  # "11月末12月初": the later one, 12月上旬
        s = _YEAR_START.sub(_year_start, s)  # "2027年初": by the end of February
    if ("周" in s or "星期" in s) and "月" in s:
        s = _WEEK_OF_MONTH.sub(_week_of_month, s)  # "12月第2周": the 14th
    if "腊月" in s:
        s = _LAST_LUNAR_MONTH.sub(_lunar_year_end, s)
    if "终" in s or "岁" in s:
        s = _YEAR_END_WORDS.sub("年底", s)  # "年终前", "岁末": the year's end, as "年底前" is
    return s


#: the turn of two months ("11月末12月初", "11月底至12月初", "11月下旬12月上旬"): by the start of the
#: later one, its 上旬 (a year before the first month is the later one's too, or the next when the
#: later month is January: "2026年12月末1月初" is early January 2027)
_TURN_OF_MONTH = LazyPattern(r"(?:(\d{4})年)?(\d{1,2})月(?:末|底|下旬)(?:至|到|—|-|、|或)?(\d{1,2})月(?:初|上旬)")


def _turn_of_month(m: re.Match[str]) -> str:
    later = int(m[3])
    if m[1] is None:
        return f"{later}月上旬"
    return f"{int(m[1]) + (1 if later < int(m[2]) else 0)}年{later}月上旬"


#: the start of a year ("年初", "2027年初", "明年初", "年初前"): read as the end of February — the
#: first two months, the 春节 holiday among them, so a measure is never overdue before its office
#: meant (as 月初 is the 上旬, the first third of the month); a year-less 年初 is the next one
#: (February of the feedback year, or of the year after once February is past); not 年初步, 年初期
_YEAR_START = LazyPattern(r"((?:\d{4}|\d{2}|[今本当明次来]|下一?)年)?年?初(?![步期始稿次])(?<=年初)")


def _year_start(m: re.Match[str]) -> str:
    return f"{m[1]}2月底" if m[1] else "2月底"


#: a week of a month ("12月第2周", "12月第二个星期"): to the end of its seventh day ("第2周" the 14th;
#: the 5th week is the month's end)
_WEEK_OF_MONTH = LazyPattern(r"(\d{1,2})月份?(?:的)?第([1-5])(?:周|个星期|星期|个周)")


def _week_of_month(m: re.Match[str]) -> str:
    return f"{m[1]}月底" if m[2] == "5" else f"{m[1]}月{7 * int(m[2])}日"


#: other words for the year's end ("年终前", "2026年年终", "岁末", "岁尾")
_YEAR_END_WORDS = LazyPattern(r"年终|岁末|岁尾")


#: the last month of the lunar year, to its end ("腊月底前", "2026年腊月底", "农历腊月内"): by 除夕, the
#: eve of the next 春节 — of the year after the one written, as 2026's 腊月 runs into 2027
#: ("腊月前", before it begins, is not read)
_LAST_LUNAR_MONTH = LazyPattern(
    r"(?:(\d{4})年)?(?:农历)?腊月(?:(?:底|末|内|份|三十|廿九|二十九|30|29)日?|(?![前之以]))")


def _lunar_year_end(m: re.Match[str]) -> str:
    return f"{int(m[1]) + 1}年春节" if m[1] else "春节"


# ---------------------------------------------------------------------------
# Affixes
# ---------------------------------------------------------------------------


def _by_length(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Longest first, ties in a fixed order: a pattern joined from them is the same text in every
    process (a set's order is not), so the compiled pattern is found in the pattern store."""
    return tuple(sorted(set(tokens), key=lambda t: (-len(t), t)))


_PUNCT = (",", ";", "、", ".", "。", "!", "?", ":", "…", "(", ")", '"', "'", "“", "”")
_PREFIXES = _by_length(
    (
        *"""
        整改时限 完成时限 整改期限 时限要求 时限 期限 计划于 计划在 计划 原计划 预计于 预计在 预计
        力争于 力争在 力争 争取于 争取在 争取 确保于 确保在 确保 要求于 要求在 要求 原定于 原定
        应于 应在 须于 需于 须在 需在 必须于 必须在 务必于 务必在 务必 须 需 最迟于 最迟在 最迟 最晚于
        最晚 不晚于 不迟于 不超过 最迟不超过 不得晚于 不得超过 限期至 限期于 限期在 原时限 原定时限
        原计划于 原计划在 原整改时限 用 在于 此后 之后 然后 再 届时 整改期为 整改期 整改周期为 整改周期
        限期为 限期 限于 限在 限 为期 利用 原则上 原则上于 原则上在 一般于 一般在
        截至到 截至 截止到 截止于 截止 并于 并在 并且 并 且 已于 已经 已 于 在 至 到
        """.split(),
        *_PUNCT,
    )
)
_SUFFIXES = _by_length(
    (
        *"""
        前完成整改 之前完成 以前完成 前完成 完成整改 整改完成 整改到位 全面完成 全部完成 整改 完成 时间
        期间 期限
        到位 落实 为止 截止 结束 之前 以前 以内 之内 前 底 末 内 止 并且 并 且 和 及
        """.split(),
        *_PUNCT,
    )
)


#: a stage named before its date: "第一阶段2026年8月31日前…", "第二步…", "第1批…"
_STAGE_NAME = LazyPattern(r"第[一二三四五六七八九十\d]{1,3}(?:阶段|步|批|期|轮)")


#: a label typed straight before its date, with no colon ("截止日期2026年6月30日", "完成期限…",
#: "阶段性目标2026年6月底前完成", "时间节点为…", "短期2026年9月，长期坚持"): what the date is, not part of it
_GLUED_LABEL = LazyPattern(
    r"(?:(?:阶段性?|近期|短期|中期|首期|初期)(?:整改)?(?:目标|任务|成效|成果)|(?:整改)?(?:目标|任务)"
    r"|(?:计划|预计|要求|规定|最终|最后)?(?:截止|截至|完成|整改|办结|落实|整改完成)(?:日期|时间|时限|期限|节点)"
    r"|时间节点|节点|近期|短期|中期)(?:为|是)?(?=\d|(?:今|本|明|次)年|年[底末内中]|[上下]半年)")
#: an item's number before its date ("一是2026年6月底前；二是2026年12月底前", "(二)…", "②…")
_ITEM_MARK = LazyPattern(r"(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]{1,3}|[①-⑳]"
                         r"|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")


def _strip_prefix(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        if s.startswith("第") and (m := _STAGE_NAME.match(s)) is not None:
            s, changed = s[m.end():], True
            continue
        if not ("0" <= s[0] <= "9") and (m := _GLUED_LABEL.match(s) or _ITEM_MARK.match(s)) is not None:
            s, changed = s[m.end():], True
            continue
        for tok in _PREFIXES:
            if s.startswith(tok):
                s = s[len(tok) :]
                changed = True
                break
    return s


def _strip_tail(s: str, tokens: tuple[str, ...]) -> str:
    """``s`` without any run of ``tokens`` at its end (longest first, as ``tokens`` are sorted)."""
    changed = True
    while changed and s:
        changed = False
        for tok in tokens:
            if s.endswith(tok):
                s = s[: -len(tok)]
                changed = True
                break
    return s


def _strip_suffix(s: str) -> str:
    return _strip_tail(s, _SUFFIXES)


def _strip(s: str) -> str:
    return _strip_suffix(_strip_prefix(s))


_CONNECTORS = _by_length(("并且", "并", "且", "和", "及", "同时", *_PUNCT))


def _strip_light(s: str) -> str:
    """Strip prefixes and trailing connectors/punctuation, keeping meaningful suffixes
    such as 内 (needed by "30日内")."""
    return _strip_tail(_strip_prefix(s), _CONNECTORS)


# ---------------------------------------------------------------------------
# Single-date grammar
# ---------------------------------------------------------------------------

# A year: 2023年 / 23年 / 今年 / 本年 / 当年 / 明年 / 次年 / 下一年 / 来年 / bare 年.
_Y = r"(?P<Y>(?:(?P<y>\d{4}|\d{2})|(?P<ry>今|本|当|全|明|次|下一?|来))?年)"

_P_YMD = re.compile(rf"(?:{_Y})?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?:日|号)?")
_P_YM = re.compile(rf"(?:{_Y})?(?P<m>\d{{1,2}})月份?"
                   r"(?P<x>上中旬|中上旬|中下旬|下中旬|上旬|中旬|下旬|上半月|下半月|中|初)?")
_P_HALF = re.compile(rf"(?:{_Y}度?)?(?P<h>上半年|下半年|上半|下半|年中|中)")
_P_Q = re.compile(rf"(?:{_Y}度?)?第?(?P<q>[1-4])(?:季度|季)")
_P_QX = re.compile(rf"(?:{_Y}度?|(?P<y2>\d{{4}}|\d{{2}}))?第?q(?P<q>[1-4])(?:季度|季)?")
_P_YEAR = re.compile(rf"{_Y}(?:度|年)?")
_P_BARE_YEAR = re.compile(r"(?P<y>\d{4})")
_P_ISO_YMD = re.compile(r"(?P<y>\d{4})[./\-](?P<m>\d{1,2})[./\-](?P<d>\d{1,2})(?:日|号)?")
_P_ISO_YM = re.compile(r"(?P<y>\d{4})[./\-](?P<m>\d{1,2})月?")
_P_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_P_SHORT_YMD = re.compile(r"(?P<y>\d{2})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})")  # 26.12.31
_P_REL_MONTH = re.compile(r"(?P<rm>本|当|这个?|下个?|次)?月"
                          r"(?:(?P<x>上旬|中旬|下旬|中|初)|(?<!^月)(?P<d>\d{1,2})[日号])?")
#: the quarter of the feedback date, or the one after it ("本季度末", "下季度内")
_P_REL_QUARTER = re.compile(r"(?P<rq>本|当|这个?|下个?|次)?季度?")
#: the week of the feedback date, or the one after it ("本周内", "下周", "下周五前"): its Sunday, or
#: the weekday named — the latest day the clerk can mean
_P_REL_WEEK = LazyPattern(r"(?P<rw>本|当|这个?|下个?|次)(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])?")
_WEEKDAY_NO = {c: k for k, c in enumerate("一二三四五六日")} | {"天": 6}
#: a week of the year by its number ("第47周", "2026年第47周"): its Sunday, the ISO week's last day
_P_ISO_WEEK = LazyPattern(rf"(?:{_Y})?第(?P<w>\d{{1,2}})周")
# "8.31" / "8/31": month and day, the year from the feedback date
_P_MD = re.compile(r"(?P<m>\d{1,2})[./\-](?P<d>\d{1,2})(?:日|号)?")

#: 月初 is read as 上旬: a deadline of "12月初" is kept by the 10th
#: 上半月 is the first half of the month, to the 15th
_XUN_DAY = {"上旬": 10, "初": 10, "中旬": 20, "中": 15, "上中旬": 20, "中上旬": 20,
            "上半月": 15}  # 中下旬, 下中旬, 下旬, 下半月: the end

#: "年前" with no year before it (or "过年前", "农历年前"): before the (lunar) new year, as clerks and
#: offices say it — 春节前, which is never earlier than Dec 31 (a measure is not overdue before the
#: day its office meant); "2026年前", "今年年前", "年底前" keep the calendar year's end
_LUNAR_YEAR_END = LazyPattern(r"(^|[;,，；、于在争保前])(?:过|农历)?年前(?!后|\d)")


def says_lunar_year_end(value: object) -> bool:
    """Does a deadline write "年前" with no year before it (read as 春节前, :data:`_LUNAR_YEAR_END`) —
    a reading the messages name, as an office may have meant the calendar year's end?"""
    if not isinstance(value, str) or "年前" not in value:
        return False
    return _LUNAR_YEAR_END.search(_WS.sub("", unicodedata.normalize("NFKC", value))) is not None


# A festival as a deadline ("春节前", "2025年国庆节前", "七一前", "十一前"): due the day before it.
_P_FESTIVAL = LazyPattern(
    rf"(?:{_Y}度?|(?P<y2>\d{{4}}))?(?P<f>元旦|春节|清明节?|五一|劳动节|端午节?|七一|建党节|八一|建军节|中秋节?|国庆节?|"
    r"十一|除夕|元宵节?|三八|妇女节|植树节|五四|青年节|护士节|六一|儿童节|医师节|教师节|"
    # a lunar day named for its festival ("正月十五前" is 元宵, "大年三十前" 除夕; 八月十五 only as 农历)
    r"(?:农历)?(?:正月初一|大年初一|正月十五|大年三十|年三十|五月初五)|农历八月十五)"
    r"(?:黄金周|假期|长假|节假日|假日|放假|节)?")
#: what a festival deadline holds (a cheap test before the pattern)
_FESTIVAL_WORDS = ("元旦", "春节", "清明", "五一", "劳动", "端午", "七一", "建党", "八一", "建军", "中秋", "国庆",
                   "十一", "除夕", "元宵", "三八", "妇女", "植树", "五四", "青年", "护士", "六一", "儿童", "医师",
                   "教师", "正月", "大年", "年三十", "初五", "农历")
#: a lunar day written for its festival ("正月十五" is 元宵)
_LUNAR_DAY = {"正月初一": "春节", "大年初一": "春节", "正月十五": "元宵", "大年三十": "除夕", "年三十": "除夕",
              "五月初五": "端午", "八月十五": "中秋"}
#: another name of a festival ("十一" is 国庆, "六一" 儿童节)
_FESTIVAL_ALIAS = {"十一": "国庆", "三八": "妇女", "五四": "青年", "六一": "儿童"}
#: festivals on a fixed day of the Gregorian year (清明 falls on April 4 or 5: the 4th is kept)
_FIXED_FESTIVAL = {"元旦": (1, 1), "清明": (4, 4), "五一": (5, 1), "劳动": (5, 1), "七一": (7, 1),
                   "建党": (7, 1), "八一": (8, 1), "建军": (8, 1), "国庆": (10, 1), "妇女": (3, 8),
                   "植树": (3, 12), "青年": (5, 4), "护士": (5, 12), "儿童": (6, 1), "医师": (8, 19),
                   "教师": (9, 10)}
#: festivals a fixed number of days from 春节 (除夕 the day before it, 元宵 the 15th of the first month)
_SPRING_OFFSET = {"除夕": -1, "元宵": 14}
#: festivals of the lunar calendar: their Gregorian dates, 2018–2040 (from the lunardate package;
#: a deadline in a year outside the table is unreadable, not guessed)
_LUNAR_FESTIVAL = {
    "春节": ("0216 0205 0125 0212 0201 0122 0210 0129 0217 0206 0126 0213 0203 0123 0211 0131 0219 0208 0128 "
             "0215 0204 0124 0212"),
    "端午": ("0618 0607 0625 0614 0603 0622 0610 0531 0619 0609 0528 0616 0605 0624 0612 0601 0620 0610 0530 "
             "0618 0607 0527 0614"),
    "中秋": ("0924 0913 1001 0921 0910 0929 0917 1006 0925 0915 1003 0922 0912 1001 0919 0908 0927 0916 1004 "
             "0924 0913 1002 0920"),
}
_LUNAR_FIRST_YEAR = 2018


def _festival(name: str, year: int) -> date | None:
    """The date of festival ``name`` (its first two characters) in ``year``."""
    if name in _FIXED_FESTIVAL:
        month, day = _FIXED_FESTIVAL[name]
        return date(year, month, day)
    if name in _SPRING_OFFSET:
        spring = _festival("春节", year)
        return None if spring is None else spring + timedelta(days=_SPRING_OFFSET[name])
    days = _LUNAR_FESTIVAL[name].split()
    k = year - _LUNAR_FIRST_YEAR
    if not 0 <= k < len(days):
        return None
    return date(year, int(days[k][:2]), int(days[k][2:]))


def _holidays(year: int) -> frozenset[date]:
    """The statutory public holidays (法定节假日) of ``year`` that fall on a weekday: 元旦, 春节
    (初一 to 初三, from 2025 with 除夕), 清明 (April 4), 劳动节 (May 1, from 2025 also May 2),
    端午, 中秋, 国庆 (October 1–3). The lunar ones only for the years of the table."""
    days = [date(year, 1, 1), date(year, 4, 4), date(year, 5, 1), *(date(year, 10, d) for d in (1, 2, 3))]
    if year >= 2025:
        days.append(date(year, 5, 2))
    for name in ("春节", "端午", "中秋"):
        if (day := _festival(name, year)) is not None:
            days.append(day)
            if name == "春节":
                days += [day + timedelta(days=k) for k in (1, 2, *((-1,) if year >= 2025 else ()))]
    return frozenset(d for d in days if d.weekday() < 5)


def _after_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start``: Monday to Friday, less the statutory holidays.

    The State Council's yearly 调休 (weekend days worked, weekdays taken off next to a holiday)
    is not known ahead: a deadline across a long holiday may come a day or two off its official
    count, which is the clerk's own reckoning too; without the holidays it would be a week early
    across 国庆 or 春节."""
    day, left = start, n
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in _holidays(day.year):
            left -= 1
    return day


def _festival_eve(m: re.Match[str], fb: date | None) -> date | None:
    """The day before the festival: of the year written, else the first one after ``fb``."""
    lunar = m["f"].removeprefix("农历")
    name = _LUNAR_DAY[lunar] if lunar in _LUNAR_DAY else _FESTIVAL_ALIAS.get(m["f"][:2], m["f"][:2])
    groups = m.groupdict()
    if groups.get("y") or groups.get("y2") or groups.get("Y") is not None:
        day = _festival(name, _year_of(m, fb, 1 if name == "元旦" else 12))
    else:
        if fb is None:
            raise _DateError(R_NO_YEAR)
        day = next((d for year in (fb.year, fb.year + 1) if (d := _festival(name, year)) and d > fb), None)
    if day is None:
        raise _DateError(R_FESTIVAL)
    return day - timedelta(days=1)

# Seasons, school terms and vacations ("2026年秋季", "2027年春季学期开学前", "暑假前", "本学期末").
# The readings (see the module docstring) never fall before the day a school or an office means.
_P_SCHOOL = LazyPattern(
    rf"(?:{_Y}度?|(?P<y2>\d{{4}}))?(?:"
    r"(?P<into>入)?[春夏秋冬]?(?P<sea>[春夏秋冬])(?:季|天)?(?P<term>学期)?(?P<open>开学)?"
    r"|(?P<om>\d{1,2})月份?开学"
    r"|(?:新学期|新学年|下一?个?学期|下一?学年|新一学期)?(?P<anyopen>开学)"
    r"|放?(?P<vac>[暑寒])(?:假|期)(?P<off>放假)?"
    r"|(?P<rel>本|这个?|当前|下个?|下一个?)?(?P<cur>学期))"
    r"(?P<mode>前|之前|以前|期间|期间内|内|之内|以内|底前|末前|期末前|底|末|期末|结束|结束前)?")
#: a school year: "2026—2027学年第一学期", "2026-2027学年度", "2026学年第二学期" (the year it starts)
_P_SCHOOL_YEAR = LazyPattern(
    r"(?P<a>\d{4})(?:[—\-~/至到](?P<b>\d{4}))?学年度?(?:(?P<n>第一|第1|上|第二|第2|下)学期)?"
    r"(?:前|之前|以前|期间|内|之内|以内|底|末|期末|结束|结束前)?")
#: the school year under way on the feedback date, or the next ("本学年", "学年末", "下学年"): to August 31
_P_REL_SCHOOL_YEAR = LazyPattern(r"(?P<rel>本|这个?|当前|下个?|下一个?)?学年度?"
                                 r"(?:末|底|结束|结束前|内|之内|以内|前|末前|底前)?")
#: what a school or season deadline holds (a cheap test before the patterns)
_SCHOOL_WORDS = ("季", "学", "暑", "寒", "春", "夏", "秋", "冬")
#: words after a school deadline that do not change it ("暑假前完成整改")
_SCHOOL_FILLER = _by_length((
    "完成整改", "整改完成", "整改到位", "全面完成", "全部完成", "基本完成", "完成", "整改", "到位", "落实",
    "并且", "并", "且", "和", "及", *_PUNCT))
def _school_year(m: re.Match[str]) -> date:
    first = int(m["a"])
    if m["b"] is not None and int(m["b"]) != first + 1:
        raise _DateError(R_SCHOOL_YEAR)
    n = m["n"]
    if n is None:  # the whole school year: to August 31 (it ends when the autumn term opens)
        return _make(first + 1, 8, 31)
    if n in ("第一", "第1", "上"):  # the autumn term: to January 31
        return _make(first + 1, 1, 31)
    return _make(first + 1, 7, 31)  # the spring term: to July 31


def _school_day(what: str, year: int) -> date:
    """The last day of ``what`` (a key of :data:`_SCHOOL_DAY`, or "开学N" for "N月开学前") in the
    school or calendar year that ``year`` names."""
    if what.startswith("开学"):  # "9月开学前": by the end of the month before
        month = int(what[2:])
        return _make(year - 1, 12, None) if month == 1 else _make(year, month - 1, None)
    offset, month = _SCHOOL_DAY[what]
    return _make(year + offset, month, None)


#: (years after the one written, month) whose last day a season, term or vacation is read as
_SCHOOL_DAY = {
    "春": (0, 5), "夏": (0, 8), "秋": (0, 11), "冬": (1, 2),  # seasons: 冬 runs to February
    # before a season (冬季前, 入冬前): by the end of the month before it begins — 冬季前 is the
    # winter's eve (供暖、防冻 ready when it comes), never the end of a winter already under way
    "春前": (0, 2), "夏前": (0, 5), "秋前": (0, 8), "冬前": (0, 11),
    "春学期": (0, 7), "秋学期": (1, 1),  # a term: by the month its vacation starts
    "春开学": (0, 2), "秋开学": (0, 8),  # before the term opens: by the end of the month before
    "暑假前": (0, 7), "暑假": (0, 8), "寒假前": (0, 1), "寒假": (0, 2),  # 前: before it starts
}


def _school(s: str, fb: date | None) -> date | None:
    """A season, school term, school opening or vacation (prefixes stripped, not the suffixes
    that say before or during: "暑假前" is not "暑假期间"). None if not one. Raises _DateError."""
    s = _strip_tail(s, _SCHOOL_FILLER)
    if "学年" in s:
        if (rel := _P_REL_SCHOOL_YEAR.fullmatch(s)) is not None and (rel["rel"] or s != "学年"):
            if fb is None:
                raise _DateError(R_NO_FEEDBACK)
            end = _make(fb.year if fb.month < 9 else fb.year + 1, 8, 31)  # the one under way ends then
            return _make(end.year + 1, 8, 31) if (rel["rel"] or "").startswith("下") else end
        if (m := _P_SCHOOL_YEAR.fullmatch(s)) is not None:
            return _school_year(m)
    m = _P_SCHOOL.fullmatch(s)
    if m is None:
        return None
    dated = m["Y"] is not None or bool(m["y2"])
    if m["cur"] is not None:  # 本学期 / 下学期: the term in progress on the feedback date, or the next
        if dated:
            return None
        if fb is None:
            raise _DateError(R_NO_FEEDBACK)
        ahead = [d for y in (fb.year, fb.year + 1) for month in (1, 7) if (d := _make(y, month, 31)) >= fb]
        return ahead[1] if (m["rel"] or "").startswith("下") else ahead[0]
    if m["sea"] is not None:
        what = m["sea"] + ("开学" if m["open"] else "学期" if m["term"] else
                           "前" if m["into"] or m["mode"] in ("前", "之前", "以前") else "")
        if what not in _SCHOOL_DAY:
            return None  # a summer or winter term: not one every school has
    elif m["om"] is not None:
        what = "开学" + m["om"]
        if not 1 <= int(m["om"]) <= 12:
            raise _DateError(f"{R_BAD_MONTH}（{m['om']}月）")
    elif m["vac"] is not None:
        before = m["off"] is not None or m["mode"] in ("前", "之前", "以前")
        what = m["vac"] + "假" + ("前" if before else "")
    else:  # 开学 alone: spring or autumn, whichever comes next
        if fb is None:
            raise _DateError(R_NO_YEAR if not dated else R_TERM)
        years = (_year_of(m, fb, 12),) if dated else (fb.year, fb.year + 1)
        ahead = [d for y in years for term in ("春开学", "秋开学") if (d := _school_day(term, y)) >= fb]
        if not ahead or (dated and len(ahead) > 1):
            raise _DateError(R_TERM)  # "2026年开学前" with both openings to come
        return ahead[0]
    if dated:
        year = _year_of(m, fb, 12)
        d = _school_day(what, year)
        if what.startswith("寒") and fb is not None and d < fb:
            d = _school_day(what, year + 1)  # "2026年寒假" written after it: the next one
        return d
    if fb is None:
        raise _DateError(R_NO_YEAR)
    for year in (fb.year - 1, fb.year, fb.year + 1):  # the winter or the term in progress first
        try:
            if (d := _school_day(what, year)) >= fb:
                return d
        except _DateError:
            continue  # a year out of range
    raise _DateError(R_YEAR_RANGE)


_REL_PREFIX = (
    r"(?:(?:自|从)?(?:巡察|巡视)?组?(?:收到)?反馈(?:意见)?(?:下发|印发|送达|交办|通报)?"
    r"(?:后|之日起|之日后|之日|起|以后|之后)?)"
)
_P_RELATIVE = re.compile(
    rf"(?P<p>{_REL_PREFIX})?(?P<n>\d{{1,3}})(?P<u>个工作日|工作日|个月|月|日|天|周|个星期|星期|个年|年)"
    r"(?P<nei>内|以内|之内)?(?:前|完成|整改完成|完成整改)*"
)


def _year_of(m: re.Match[str], fb: date | None, month: int) -> int:
    """Resolve the year of a match; ``month`` drives next-year rollover for year-less forms."""
    groups = m.groupdict()
    y = groups.get("y") or groups.get("y2")
    if y:
        year = int(y)
        return 2000 + year if len(y) == 2 else year
    if fb is None:  # "明年6月", "次年3月": a year after the one it was written in, the feedback's
        raise _DateError(R_NO_FEEDBACK if groups.get("ry") in ("明", "次", "下", "下一", "来") else R_NO_YEAR)
    if groups.get("Y") is not None:  # 今年 / 明年 / bare 年
        ry = groups.get("ry") or "今"
        return fb.year + (0 if ry in ("今", "本", "当", "全") else 1)  # 全年: the year's work, done by its end
    return fb.year + (1 if month < fb.month else 0)


#: a year and a month with the 月 left off ("2026年12")
_P_YEAR_MONTH_NO_WORD = LazyPattern(r"(?P<y>\d{4})年(?P<m>1[0-2]|0?[1-9])")


def _single(s: str, fb: date | None) -> date | None:
    """Parse one date expression (affixes already stripped).  None if not a date shape."""
    if not s:
        return None
    if m := _P_ISO_YMD.fullmatch(s):
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _P_COMPACT.fullmatch(s):
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _P_SHORT_YMD.fullmatch(s):
        return _make(2000 + int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _P_YEAR_MONTH_NO_WORD.fullmatch(s):  # "2026年12": the 月 left off
        return _make(int(m["y"]), int(m["m"]), None)
    if m := _P_ISO_YM.fullmatch(s):
        return _make(int(m["y"]), int(m["m"]), None)
    if m := _P_BARE_YEAR.fullmatch(s):
        return _make(int(m["y"]), 12, None)
    if m := _P_YMD.fullmatch(s):
        month = int(m["m"])
        return _make(_year_of(m, fb, month), month, int(m["d"]))
    if m := _P_YM.fullmatch(s):
        month = int(m["m"])
        year = _year_of(m, fb, month)
        x = m["x"]
        return _make(year, month, _XUN_DAY.get(x) if x else None)
    if m := _P_Q.fullmatch(s) or _P_QX.fullmatch(s):
        month = int(m["q"]) * 3
        return _make(_year_of(m, fb, month), month, None)
    m = _P_HALF.fullmatch(s)
    if m and (m["Y"] is not None or m["h"] in ("上半年", "下半年", "年中")):
        month = 6 if m["h"] in ("上半年", "上半", "年中", "中") else 12
        if m["Y"] == "年" and fb is not None:  # "年中" with no year: the next June 30, as "上半年" is
            return _make(fb.year + (1 if month < fb.month else 0), month, None)
        return _make(_year_of(m, fb, month), month, None)
    if m := _P_YEAR.fullmatch(s):
        return _make(_year_of(m, fb, 12), 12, None)
    if m := _P_MD.fullmatch(s):
        month = int(m["m"])
        return _make(_year_of(m, fb, month), month, int(m["d"]))
    if any(word in s for word in _FESTIVAL_WORDS) and (m := _P_FESTIVAL.fullmatch(s)):
        return _festival_eve(m, fb)
    if "周" in s and (m := _P_ISO_WEEK.fullmatch(s)):
        return _iso_week_end(m, fb)
    if m := _P_REL_MONTH.fullmatch(s):
        if fb is None:
            raise _DateError(R_NO_FEEDBACK)  # "下月底", "本周内", "下季度": counted from the feedback
        # "月底前" with no month named: the month it was written in, as "本月底前" is
        base = fb if m["rm"] in (None, "本", "当", "这", "这个") else _add_months(fb.replace(day=1), 1)
        x = m["x"]
        if m["d"]:  # "下月15日前", "本月25日前": that day of the month
            return _make(base.year, base.month, int(m["d"]))
        return _make(base.year, base.month, _XUN_DAY.get(x) if x else None)
    if ("周" in s or "星期" in s or "礼拜" in s) and (m := _P_REL_WEEK.fullmatch(s)):
        if fb is None:
            raise _DateError(R_NO_FEEDBACK)  # "下月底", "本周内", "下季度": counted from the feedback
        monday = fb - timedelta(days=fb.weekday()) + timedelta(weeks=0 if m["rw"] in ("本", "当", "这", "这个") else 1)
        return monday + timedelta(days=_WEEKDAY_NO[m["wd"]] if m["wd"] else 6)
    if m := _P_REL_QUARTER.fullmatch(s):
        if fb is None:
            raise _DateError(R_NO_FEEDBACK)  # "下月底", "本周内", "下季度": counted from the feedback
        later = 0 if m["rq"] in (None, "本", "当", "这", "这个") else 3
        end = _add_months(fb.replace(day=1), 2 - (fb.month - 1) % 3 + later)
        return _make(end.year, end.month, None)
    return None


def _iso_week_end(m: re.Match[str], fb: date | None) -> date:
    """The Sunday of ISO week ``m["w"]`` of the year written, or, with no year, the first such week
    to end on or after the feedback date."""
    week = int(m["w"])
    if m["Y"] is not None:
        years = [_year_of(m, fb, 12)]
    elif fb is None:
        raise _DateError(R_NO_YEAR)
    else:
        years = [fb.year, fb.year + 1]
    for year in years:
        try:
            end = date.fromisocalendar(year, week, 7)
        except ValueError:
            raise _DateError(R_UNKNOWN) from None
        if fb is None or m["Y"] is not None or end >= fb:
            return _check_range(end)
    return _check_range(end)


def _relative(s: str, fb: date | None) -> date | None:
    m = _P_RELATIVE.fullmatch(s)
    if m is None:
        return None
    unit = m["u"]
    if not m["p"] and not m["nei"] and unit not in ("个月", "个星期", "周", "天", "个工作日") and not (
            unit in ("年", "个年") and int(m["n"]) <= 5):
        # "15日" is a day of the month, "26年" a year written short; "1年" (a 整改周期) is one year
        return None
    if unit == "月" and not m["p"]:
        return None  # "9月内" means within September, not nine months
    if fb is None:
        raise _DateError(R_NO_FEEDBACK)
    n = int(m["n"])
    try:
        if unit in ("个工作日", "工作日"):
            return _check_range(_after_working_days(fb, n))
        if unit in ("个月", "月"):
            return _check_range(_add_months(fb, n))
        if unit in ("年", "个年"):
            return _check_range(_add_months(fb, 12 * n))
        days = n * 7 if unit in ("周", "个星期", "星期") else n
        return _check_range(fb + timedelta(days=days))
    except (ValueError, OverflowError):
        raise _DateError(R_YEAR_RANGE) from None


_RANGE_SEP = re.compile(r"至|到|—")
_LEAD_YEAR = re.compile(r"(\d{4})年|^(\d{4})(?!\d)")
_LAST_MONTH = re.compile(r"(\d{1,2})月(?!.*月)|^\d{4}[./\-](\d{1,2})")
_HAS_YEAR = re.compile(r"\d{4}|年")
_B_MONTH = re.compile(r"^(\d{1,2})月")
#: an end written as month and day with a dot or a slash ("2026.3.10-5.20": 5.20 is May the 20th)
_B_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})$")
_B_DAY_ONLY = re.compile(r"^\d{1,2}(?:日|号)$")


def _range_end(s: str, fb: date | None) -> date | None:
    """The end of a range ``A至B``; B may borrow its year (and month) from A."""
    m = _RANGE_SEP.search(s)
    if m is not None:
        a, b = s[: m.start()], s[m.end() :]
    elif s.count("-") == 1:
        a, _, b = s.partition("-")
    else:
        return None
    a, b = _strip(a), _strip(b)
    if not a or not b:
        return None
    if not _HAS_YEAR.search(b):
        ym = _LEAD_YEAR.search(a)
        if ym is not None:
            year = int(ym.group(1) or ym.group(2))
            mm = _LAST_MONTH.search(a)
            a_month = int(mm.group(1) or mm.group(2)) if mm else None
            if _B_DAY_ONLY.match(b):
                if a_month is None:
                    return None
                b = f"{year}年{a_month}月{b}"
            elif (dotted := _B_DOTTED.match(b)) is not None:
                month = int(dotted.group(1))
                b = f"{year + (a_month is not None and month < a_month)}年{month}月{dotted.group(2)}日"
            else:
                bm = _B_MONTH.match(b)
                if bm and a_month is not None and int(bm.group(1)) < a_month:
                    year += 1
                b = f"{year}年{b}"
    return _single(b, fb)


def _date_expr(s: str, fb: date | None) -> date | None:
    """Any date expression: relative, single date or range end.  None if not one."""
    s = _strip_prefix(s)
    if not s:
        return None
    if (d := _relative(s, fb)) is not None:
        return d
    t = _strip_suffix(s)
    if (d := _single(t, fb)) is not None:
        return d
    if (d := _relative(t, fb)) is not None:  # "2个月时间"
        return d
    if any(word in s for word in _SCHOOL_WORDS) and (d := _school(s, fb)) is not None:
        return d
    return _range_end(t, fb)


# ---------------------------------------------------------------------------
# Phrases
# ---------------------------------------------------------------------------

#: long term: 长期/持续/常态化/长效 (not 长效机制, a thing to build by a date) …
_LONG_TERM = re.compile(
    r"(?:需要?|须|仍需)?(?:长期性?|持续性?|常态化?|长效化?(?!(?:管理|工作|监管|治理)?(?:机制|制度))|久久为功|常抓不懈|持之以恒|"
    r"坚持不懈|一以贯之|常抓常管|长效常态|常态长效)"
    r"(?:坚持|推进|整改|执行|落实|开展|有效|抓好|抓实|深化|巩固|推动|跟踪|做好|保持|任务|工作)*"
)
#: at once: 立行立改, 即知即改, 马上就改, 当即整改 …
_IMMEDIATE = re.compile(
    r"立行立改|即知即改|立即整改|立查立改|立知立改|即查即改|立改立行|边查边改|边改边查|马上就改|马上就办|"
    r"边巡边改|边察边改|边督边改|边审边改|"
    # put right while the inspectors were there, or before they fed back ("巡察期间已整改", "已于巡察期间
    # 整改", "巡视中已整改到位", "反馈前已整改")
    # — not a problem found there, "巡察中发现的问题于2027年6月底前整改完毕"
    r"(?:在|已于|已在|于)?(?:巡[察视]|督[查察])(?:期间|中|过程中)(?:已经?|即)?(?:整改|完成|办结)?(?:到位|完毕|完成)?(?:整改)?"
    r"(?![^，,；;。]*?(?:发现|指出|反映|查出|提出|反馈))|"
    r"(?:巡[察视])?反馈(?:前|之前)(?:已经?)?(?:整改|完成)(?:到位|完毕|完成)?|"
    r"立整立改|立行立整|即整即改|即改即办|立说立改|立说立行|现场整改|当场整改|现场纠正|当场纠正|立即纠正|"
    r"马上整改|即时整改|当即整改|立即|当即|即刻|立刻|马上|即时|即办|"
    # from this day on ("即日起", "自即日起整改"): at once — or, before long-term words, only when
    # the work begins ("即日起长期坚持" is long term)
    r"(?:自|从)?即日(?:起|开始|始)?(?:整改|执行|落实|实施)?"
)
_FROM_TODAY = LazyPattern(r"(?:自|从)?即日(?:起|开始|始)?(?:整改|执行|落实|实施)?")
#: where a date starts (after an extension word that only counts when a date follows it)
_DATE_AHEAD = (r"(?=\d{4}|\d{2}年|\d{1,2}月|\d{1,2}[./]\d|(?:今|本|当|明|次|下[一1]?|来)年|年[底末内中]|[上下]半年"
               r"|第?[1-4]季|q[1-4]|[本下]个?月)")
_EXTENSION = re.compile(
    r"(?:延期|延长|顺延|推迟|延后|调整|展期|放宽|宽限)(?:至|到|为)|延至|延到|"
    r"(?:延期|展期)(?=\d{4}[年.\-/])|(?:新|调整后的?|延期后的?|变更后的?)(?:整改)?(?:时限|期限)(?:为|是)?:?|"
    # "延期：2026年12月底", "延期时限：…", "延期后：…" (not "延期3个月", "不得延期：…")
    r"(?<![不未无勿禁免])(?<!不[予准得再])(?<!不同意)(?:延期|延长|顺延|展期)(?:后?的?(?:整改)?(?:时限|期限|日期|时间)(?:为|是)?:?|后的?:?|:)"
    + _DATE_AHEAD + "|"
    # "已延期，2026年12月底" (not "不得延期，2026年9月底前完成")
    r"(?:已经?|经批准|批准|同意|准予|予以)(?:延期|延长|顺延|展期)[,;]" + _DATE_AHEAD + "|"
    # "变更为…", "改为…", "更改为…", "调至…" (not "整改到…", "边查边改到…", "协调至…")
    r"(?<![整立边即就协抽选借])(?:变更|更改|修改|改|调)(?:为|至|到)" + _DATE_AHEAD + "|"
    # "(延期)2026年12月底": the remark before the date
    r"\((?:已经?|经批准)?(?:延期|延长|顺延|展期)(?:整改)?\)" + _DATE_AHEAD + "|"
    + _ARROW.pattern)
#: the deadline in force with the original in brackets after it
_ORIGINAL_AFTER = LazyPattern(
    r"(?P<new>[^()]+?)\((?:原定|原计划|原时限|原整改时限|原定时限)(?:为|是)?:?(?P<old>[^()]+)\)")
#: a completion date with the deadline in a note after it
_DUE_IN_NOTE = LazyPattern(r"(?:实际)?完成(?:时间|日期)[^()]*\((?:整改)?(?:时限|期限)(?:为|是)?:?(?P<due>[^()]+)\)")
#: a date marked as extended in brackets after it ("(延期)", "(已延期)", "(经批准延期)")
#: (not "(已申请延期)": applied for, the date may be the original one)
_EXTENSION_NOTED = LazyPattern(r"(?P<new>[^()]*\d[^()]*)\((?:已经?|经批准)?(?:延期|延长)(?:整改)?\)")
#: an extension by a span, counted from the deadline before it ("延期两个月", "顺延30天")
_EXTENDED_BY = re.compile(r"(?:延期|延长|顺延|推迟|延后)(\d{1,3})个?(月|天|日|周)")
#: an extension that is only a possibility ("如遇特殊情况延期至10月底")
_IF_WORDS = r"(?:如遇|如需|如有|如果|如未|如不能|如无法|若|确需)"
_IF = re.compile(_IF_WORDS + r"[^;,。]*$")
#: that possibility in brackets, dropped before the dates are read ("，如未完成延期至12月底")
_IF_CLAUSE = re.compile(rf"\({_IF_WORDS}[^()]*\)|[,;]{_IF_WORDS}.*$")
_TBD = re.compile(r"待定|待确定|暂定|未定")
_LATER_NOTICE = re.compile(r"另行通知|另行确定|另行安排|另定|视情况|根据情况|根据实际")
#: no commitment to a date: "尽快" "适时" … (unless a number says when)
_VAGUE = re.compile(r"尽快|尽早|适时|随时|择机|视情")
_PLACEHOLDERS = frozenset("\\ 无 暂无 空 无时限 n/a na null none x × 0 #n/a nan nat".split())
#: a cell of dashes or slashes only is an empty cell ("/", "—", "-", "——")
_BLANK_MARKS = re.compile(r"[/\-—_~·・]+")
#: a status word before the deadline in brackets ("已完成（2026年12月31日前）", "正在推进（12月底前）"):
#: the other order of "2026年9月30日（已完成）"
_STATUS_THEN_DUE = LazyPattern(r"(?P<status>[^\d()]{1,12})\((?P<due>[^()]*\d[^()]*)\)(?P<more>\([^\d()]{2,10}\))?")
#: the class of a measure's term with no date (短期, 中期, 限期整改, "短期内完成", "中期任务"):
#: how long the work is to take, as an office sorts its measures, not the day it is due
_TERM_CLASS = LazyPattern(r"(?:短期|中期|限期)(?:内|以内)?(?:整改|完成|整改完成|完成整改|见效|任务|目标|推进)?"
                          r"(?:类|项目)?")
_PARENTHETICAL = LazyPattern(r"\([^()]*\)?")
#: parts of a cell: "8月底前完成自查,12月底前整改到位" has two; "/" only outside a date
_PARTS = re.compile(r"[,;。、+&:]|(?<!\d)/|/(?!\d)")
#: a recurring schedule, not a deadline ("每季度报告进展", "每月底前报送")
_RECURRING = re.compile(r"^(?:每|定期|按月|按季|按年|逐月|逐季|常年)")
#: a check or report kept up after the date, in a clause of its own ("…完成，此后每年开展一次",
#: "…完成，以后每季度检查一次", "…建立制度，每半年报告一次") — not the progress reported while the work
#: goes on ("…前完成，每月报送进展": a date)
_RECURRING_AFTER = re.compile(r"[，,；;。]\s*(?:此后|以后|之后|今后|并|且)?(?:每|定期|按月|按季|按年|逐月|逐季)"
                              r"(?:一?年|半年|一?个?季度?|一?个?月|周)?(?:至少)?(?:开展|检查|报告|报送|通报|梳理|排查|"
                              r"分析|研判|公示|公开|更新|调度|督查|自查|复查|评估|考核|召开|组织)"
                              # (not the work's own progress reported until it is done: "每月报送进展")
                              r"(?!(?:整改)?(?:工作)?(?:进展|进度))")
#: characters that continue a date, so a date's tail cannot start with one
_DATE_CHARS = frozenset("0123456789年月日号季度旬第半上下中底末前内个天周星期至到—-./q起后之以初")
#: (also the last characters of a season, term, vacation or festival: "2026年暑假", "2026年五一")
_DATE_END = re.compile(r"[\d年月日号度底末前内旬季止期间假学天春夏秋冬节一四八旦明午庆宵夕]$")
#: last characters of a head that may be cut inside a word ("2026年春|耕前", "2026年冬季|供暖前")
_OPEN_END = frozenset("季期间假学天春夏秋冬节一四八旦明午庆宵夕")
#: an event or a period named after a year ("2026年换届前", "2026年汛期", "2026年验收时")
_EVENT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:前|之前|以前|后|之后|以后|期间|时|季|期|假|节|届)")
#: words of doing, so what ends in 前/后 is a stage of the work, not an event ("2026年整改到位后"),
#: and date words, so it is a date cut short ("月底前")
_ACTION = LazyPattern(r"完成|整改|到位|落实|办结|销号|实现|建成|建立|健全|制定|出台|取得|达到|形成|解决|推进|开展|完善|"
                      r"[年月日号旬底]")
#: a year, then words ("2026年汛期前"): where an unreadable cell names an event
_YEAR_THEN_WORDS = LazyPattern(r"(?:\d{4}|\d{2}|[今本当明次来]|下一?)?年(?:年度|度)?(?=[\u4e00-\u9fff])")


#: an event without a year: only as a time before or after it ("换届前"; not "适时", "近期")
_EVENT_BEFORE = LazyPattern(r"[\u4e00-\u9fff]{2,10}?(?:前|之前|以前|后|之后|以后|期间)")


def _names_event(s: str, pos: int = 0) -> bool:
    """True when ``s`` at ``pos`` names an event or a period, not what is to be done."""
    m = _EVENT.match(s, pos)
    return m is not None and _ACTION.search(m.group(0)) is None


#: the flood or rainy season named ("汛前", "汛期前", "主汛期前", "防汛期", "雨季前")
_FLOOD_SEASON = re.compile(r"汛|雨季")


def _is_event(part: str) -> bool:
    """True when a part of a cell that names no date names an event: after a year
    ("2026年汛期前完成排查"), or as the whole part ("换届前完成")."""
    if (year := _YEAR_THEN_WORDS.match(part)) is not None:
        return _names_event(part, year.end())
    m = _EVENT_BEFORE.fullmatch(_strip_tail(part, _SCHOOL_FILLER))
    return m is not None and _ACTION.search(m.group(0)) is None
#: a part without a year that takes the year of the part before ("2027年3月自查,6月底前整改")
_YEARLESS_START = re.compile(r"^(?:(\d{1,2})月|第?[1-4]季|q[1-4]|年底|年末|年内|年中|上半年|下半年)")


#: after a year, a month or quarter whose number is not one ("X月底", "某月", "?月", "几季度"; not
#: "每月", "各季度", "下半月" …)
_UNREAD_MONTH = re.compile(r"(?![每各逐按分全当本次下上前后第])[^\d年月日号,;、()]{1,2}(?:月|季度)")


def _part_date(part: str, fb: date | None) -> date | None:
    """The date one part of a cell names; the words after the date do not change it
    ("2026年11月底前完成全部整改任务", "3个月内整改到位"). Raises _DateError."""
    part = _strip_prefix(part)
    if not part or _RECURRING.match(part):
        return None
    if (d := _date_expr(part, fb)) is not None:
        return d
    if "(" in part:
        cleaned = _strip(_PARENTHETICAL.sub("", part))
        if cleaned and cleaned != part and (d := _date_expr(cleaned, fb)) is not None:
            return d
    for k in range(len(part) - 1, 0, -1):  # the longest head that is a date, cut before a word
        if part[k] in _DATE_CHARS or not _DATE_END.search(part, 0, k):
            continue
        if part[k - 1] in _OPEN_END and _names_event(part, k):
            continue  # "2026年春耕前": the head "2026年春" is cut from the event "春耕"
        if _P_YEAR.fullmatch(_strip(part[:k])) and _names_event(part, k):
            return None  # "2026年汛期前": before an event in that year, not the year's end
        if _UNREAD_MONTH.match(part, k) and _P_YEAR.fullmatch(_strip(part[:k])):
            raise _DateError(R_BAD_MONTH)  # "2026年X月底", "2026年某月": a month it does not say

        if (d := _date_expr(part[:k], fb)) is not None:
            return d
    return None


#: a year named from the date before it: 明年/次年/下一年/来年 the year after, 当年 the same
_REL_YEAR = LazyPattern(r"(?<![第每再这\d二三四五六七八九十])(明|次|下[一1]?|来|当)年")
_REL_YEAR_WORDS = ("明年", "次年", "下年", "下1年", "下一年", "来年", "当年")
#: a date whose year is written (in figures, or as 次年/当年 of one that is): a 明年 after it
#: counts from it; after "9月底" or "明年3月" (the year of today) it counts from the feedback year
_YEAR_WRITTEN = LazyPattern(r"\d{4}|\d{2}年|(?<![第每再这\d二三四五六七八九十])(?:次|下[一1]?|当)年")
#: any year a part names, so that the year of another part is not put in front of it
_ANY_YEAR = LazyPattern(r"\d{4}|\d{2}年|(?:今|本|当|明|次|下[一1]?|来)年")


def _anchor_years(s: str, before: date | None, written: bool, fb: date | None) -> str:
    """``s`` with a year named from another written in figures.

    次年/下一年 is the year after ``before`` (the date named before it), 当年 its year; 明年/来年
    the year after ``before`` when that date's year is ``written`` ("原定2026年9月底，延期至明年
    3月底": 2027 even when read in 2027), else the year after the feedback date ("明年3月底前自查，
    明年6月底前整改": one year). Without a date before, from the feedback date; without either,
    ``s`` is unchanged (and read as before)."""
    if not any(word in s for word in _REL_YEAR_WORDS):
        return s

    def year(m: re.Match[str]) -> str:
        word = m.group(1)
        base = before if before is not None and (written or word not in ("明", "来")) else fb
        return m.group(0) if base is None else f"{base.year + (word != '当')}年"

    return _REL_YEAR.sub(year, s)


def _dates(s: str, fb: date | None) -> list[date]:
    """Every date the parts of ``s`` name; a year-less part takes the year of the part before
    it, and a 次年/明年 counts from it (see :func:`_anchor_years`). Raises _DateError."""
    found: list[date] = []
    year: int | None = None
    last_month = 0
    written = False
    start = 0
    for sep in [*_PARTS.finditer(s), None]:
        end = sep.start() if sep is not None else len(s)
        part, before_part = s[start:end], s[:start]
        start = sep.end() if sep is not None else len(s)
        part = _strip_prefix(part)
        if not part:
            continue
        raw = part
        part = _anchor_years(part, found[-1] if found else None, written, fb)
        m = _YEARLESS_START.match(part)
        prefixed = year is not None and m is not None and not re.search(r"\d{4}", part)
        if prefixed and m is not None and year is not None:
            if m.group(1) is not None:
                month = int(m.group(1))
                # a note in brackets after the deadline names a step within it ("2026年9月30日前
                # （节点：8月底前完成初稿）"): its year, not the next — a later stage rolls over
                noted = before_part.count("(") > before_part.count(")")
                part = f"{year + (1 if month < last_month and not noted else 0)}年{part}"
            else:
                part = f"{year}年{part}"
        d = _part_date(part, fb)
        if d is None:
            continue
        found.append(d)
        written = prefixed or _YEAR_WRITTEN.search(raw) is not None
        if re.search(r"\d{4}|\d{2}年", part):
            year, last_month = d.year, d.month
    return found


_CONSOLIDATE_WORDS = ("巩固", "提升", "深化", "常态化", "长效")
#: a later stage that consolidates what is done rather than doing it ("…,12月底前巩固提升")
#: (not 建立/健全/形成长效机制: a thing to build, by its own date — "…,12月底前建立长效机制")
_CONSOLIDATE_STAGE = LazyPattern(
    r"[,;、][^,;、]*(?:巩固|提升|深化|常态化|长效(?!(?:管理|工作|监管|治理)?(?:机制|制度)))")


#: the day a recurring schedule starts on, before it ("2026年7月起每季度", "自2026年起,每年开展",
#: "即日起每月"): the schedule is the deadline — long term — not the start, nor "at once"
_START_THEN_RECURRING = LazyPattern(
    r"^(?:自|从)?(?:即日|\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?"
    r"|\d{1,2}月(?:\d{1,2}[日号])?|[今本明次]年)(?:起|开始|始)[,;:]?\s*(?=每|定期|按月|按季|按年|逐月|逐季|常年)")


#: a date named before that year ("2026年12月31日前", "年底前", "上半年")
_DATE_BEFORE = LazyPattern(r"\d|年底|年末|年内|年中|半年|季度|月")
#: a year that starts a later part and is followed by long-term words ("，2027年持续推进", "；明年起长期
#: 坚持", "，2027年及以后持续巩固"): when the work goes on after the date before it, not a deadline
_YEAR_GOING_ON = LazyPattern(r"(?<=[,;、。])(?:\d{4}|\d{2}|[今本明次来]|下一?)年(?:度)?"
                             r"(?:起|以后|及以后|及今后|以来|后)?"
                             r"(?=(?:需要?|须|仍需|要|将|继续|坚持)?(?:长期|持续|常态|长效|久久为功|常抓不懈|持之以恒|坚持不懈))")


def _core(s: str, fb: date | None) -> _Result:
    """Parse a folded string without extension handling."""
    if "起" in s and (start := _START_THEN_RECURRING.match(s)) is not None:
        return _recurring(s[start.end():], fb)
    written = s.strip("".join(_PUNCT))
    has_lt = _LONG_TERM.search(s) is not None
    if has_lt and "年" in s and (lead := _YEAR_GOING_ON.search(s)) is not None and (
            _DATE_BEFORE.search(s, 0, lead.start())):
        # "2026年12月31日前，2027年持续推进": due at the first date, the work going on in 2027
        s = s[:lead.start()] + s[lead.end():]
    if has_lt:
        # "2024年9月30日至长期", "2024.9.30—长期", "2026年6月30日-长期": the date stands, the dash is no range
        s = _LONG_TERM.sub(";", s)
        s = re.sub(r"(?:至|到|—|~|-)+;", ";", s)
    has_imm = _IMMEDIATE.search(s) is not None
    if has_imm and has_lt and "即日" in s and _IMMEDIATE.search(_FROM_TODAY.sub(";", s)) is None:
        has_imm = False  # "即日起长期坚持": long term from this day on, nothing due at once
    if has_imm:
        s = _IMMEDIATE.sub(";", s)
    if any(word in s for word in _CONSOLIDATE_WORDS) and (tail := _CONSOLIDATE_STAGE.search(s)) is not None \
            and re.search(r"\d", s[:tail.start()]):
        # "2025年6月30日前完成,12月底前巩固提升": due when it is to be done, then it goes on
        s, has_lt, consolidating = s[:tail.start()], True, not has_lt
    else:
        consolidating = False
    s = _strip_light(s)
    try:
        dates = _dates(s, fb)
    except _DateError as exc:
        return _Result(DeadlineKind.INVALID, reason=exc.reason)
    if dates:  # an explicit date beats "immediate"; the last stage is the deadline
        if _VAGUE.search(s) and not re.search(r"\d", s):
            return _Result(DeadlineKind.INVALID, reason=R_VAGUE)  # "年内尽快": no commitment
        due = max(dates)
        if not has_lt and _RECURRING_AFTER.search(written):
            has_lt = True  # "2026年12月31日前完成，此后每年开展一次": due then, kept up after it
        return _Result(DeadlineKind.DATE_AND_LONG_TERM if has_lt else DeadlineKind.DATE, due)
    if consolidating:  # "2026年汛期前完成…,建立长效机制": no date to consolidate after
        has_lt = False
    if not has_imm and _RECURRING.match(s):
        return _recurring(s, fb)
    if has_imm:
        kind = DeadlineKind.IMMEDIATE_AND_LONG_TERM if has_lt else DeadlineKind.IMMEDIATE
        return _Result(kind, fb)
    if has_lt:
        return _Result(DeadlineKind.LONG_TERM)
    s = s.strip("".join(_PUNCT))
    if not s:
        return _Result(DeadlineKind.INVALID, reason=R_PLACEHOLDER)
    if _TBD.search(s):
        return _Result(DeadlineKind.INVALID, reason=R_TBD)
    if _LATER_NOTICE.search(s):
        return _Result(DeadlineKind.INVALID, reason=R_NOTICE)
    if s in _PLACEHOLDERS:
        return _Result(DeadlineKind.INVALID, reason=R_PLACEHOLDER)
    if _NAMED_PERIOD.fullmatch(written):
        return _Result(DeadlineKind.INVALID, reason=R_EVENT)  # "本届任期内", "巡察整改期内"
    if _TERM_CLASS.fullmatch(written):
        return _Result(DeadlineKind.INVALID, reason=R_TERM_CLASS)  # "短期", "中期", "限期整改"
    if _VAGUE.search(s) or "近期" in s:
        return _Result(DeadlineKind.INVALID, reason=R_VAGUE)  # "尽快", "近期完成"
    if _IN_STEP_WITH.fullmatch(s):
        # "与年度考核同步", "随换届一并完成", "结合年终述职进行": in step with an event — a day only the
        # event knows, as "换届前" is
        return _Result(DeadlineKind.INVALID, reason=R_EVENT)
    if _FLOOD_SEASON.search(s):
        # "汛前", "主汛期前", "雨季前": the season starts on a day each province sets (April to
        # June) — an event, as "2026年汛期前" is, not a word rectxl does not know
        return _Result(DeadlineKind.INVALID, reason=R_EVENT)
    for part in _PARTS.split(s):
        if _is_event(_strip_prefix(part)):
            return _Result(DeadlineKind.INVALID, reason=R_EVENT)  # "2026年汛期前", "换届前"
    return _Result(DeadlineKind.INVALID, reason=R_UNKNOWN)


#: a deadline kept in step with an event ("与年度考核同步", "同换届工作同步推进", "随年终总结一并完成",
#: "结合年度述职进行")
_IN_STEP_WITH = LazyPattern(r"(?:(?:与|同|随|跟|伴随)(?!步)[\u4e00-\u9fff]{2,12}?(?:同步|同时|一并|一起|一同)"
                            r"|(?:结合|随|伴随)[\u4e00-\u9fff]{0,8}?(?:考核|换届|述职|总结|考评|评议|巡察|督查|审计|"
                            r"民主生活会|组织生活会)(?:工作)?)(?:进行|推进|完成|开展|实施|落实|整改|报告)?")


#: a yearly checkpoint ("每年12月底前", "每年6月30日前报送")
_YEARLY = LazyPattern(r"每年度?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|底|末|份)?")


def _recurring(s: str, fb: date | None) -> _Result:
    """A cell that is a schedule and nothing else ("每月", "每季度报告", "每年12月底前"): work that
    recurs is long term; a yearly one is also due by its first checkpoint on or after the feedback
    date, so a year that passed with the work not done is still seen."""
    m = _YEARLY.match(s)
    if m is None or fb is None:
        return _Result(DeadlineKind.LONG_TERM)
    month = int(m["m"])
    for year in (fb.year, fb.year + 1):
        try:
            due = _make(year, month, int(m["d"]) if m["d"] else None)
        except _DateError:
            return _Result(DeadlineKind.LONG_TERM)
        if due >= fb:
            return _Result(DeadlineKind.DATE_AND_LONG_TERM, due)
    return _Result(DeadlineKind.LONG_TERM)


def _original_due(head: str, fb: date | None) -> date | None:
    """The deadline named before the first extension marker ("原定9月底,延期至12月底")."""
    res = _core(head, fb)
    if res.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        return res.due
    return None


#: words joining one extension to the next ("延期至12月底，再次延期至…")
_AGAIN = re.compile(r"(?:后又|后再|又再|再次|再度|第[2-9二三四五]次|二次|又|再)$")


def _step_text(part: str) -> str:
    """The new deadline of one extension step, up to the next ("12月底，再次" → "12月底")."""
    cut = min((j for j in (part.find("("), part.find(")")) if j >= 0), default=len(part))
    return _AGAIN.sub("", part[:cut].rstrip("".join(_PUNCT) + ";"))


def _step_written(step: str, written: bool) -> bool:
    """Whether the year of an extension step is written (a year-less one keeps the step's before)."""
    return _YEAR_WRITTEN.search(step) is not None or (written and _ANY_YEAR.search(step) is None)


def _extension_due(part: str, before: date | None, written: bool, fb: date | None) -> _Result:
    """The deadline an extension names, after ``before`` (the deadline it replaces): 次年/明年
    count from it, and a year-less date is the next one after it ("原定2024年12月底，延期至6月底")."""
    part = _anchor_years(part, before, written, fb)
    res = _core(part, fb)
    if before is not None and _ANY_YEAR.search(part) is None:
        dated = _core(f"{before.year}年{part}", fb)
        if dated.due is not None and dated.due < before:
            dated = _core(f"{before.year + 1}年{part}", fb)
        if dated.due is not None:
            res = dated
    return res


@lru_cache(maxsize=65536)
def _parse_text(text: str, fb: date | None) -> Deadline:
    if not text:
        return Deadline(text="", kind=DeadlineKind.EMPTY)
    if len(text) > _MAX_TEXT:
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_UNKNOWN)
    s = _fold(text)
    if _BLANK_MARKS.fullmatch(s):
        return Deadline(text=text, kind=DeadlineKind.EMPTY)
    if s.strip("".join(_PUNCT) + ";") == "" or s in _PLACEHOLDERS:
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_PLACEHOLDER)
    s = _IF_CLAUSE.sub("", s)
    if _LETTER_IN_NUMBER.search(s) and re.search(r"\d", s):
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_LETTER)
    if "(" in s and (noted := _DUE_IN_NOTE.fullmatch(s)) is not None:
        s = noted["due"]  # "完成时间2026.5.20(时限2026.6.30)": the deadline is the one labelled so
    was = _ORIGINAL_AFTER.fullmatch(s) if "(" in s else None
    asked = _EXTENSION_NOTED.fullmatch(s) if "(" in s and was is None else None
    if was is not None and not _EXTENSION.search(was["new"]):
        # "2025年7月31日(原定2025年5月31日)": the deadline in force, the original after it
        s = "".join(("原定", was["old"], ",", "延期至", was["new"]))  # as _fold writes a comma
    elif asked is not None and not _EXTENSION.search(asked["new"]):
        # "2025年3月底(已申请延期)": the date is the extended one; the original is not said
        s = f"延期至{asked['new']}"
    extensions = [m for m in _EXTENSION.finditer(s) if not _IF.search(s, 0, m.start())]
    ext = extensions[-1] if extensions else None  # the last extension wins
    if ext is None and (by := _EXTENDED_BY.search(s)) is not None and not _IF.search(s, 0, by.start()):
        original = _original_due(s[: by.start()], fb)
        if original is not None:  # "2024年9月30日，延期两个月"
            n, unit = int(by.group(1)), by.group(2)
            days = n * (7 if unit == "周" else 1)
            due = _add_months(original, n) if unit == "月" else original + timedelta(days=days)
            if unit == "月" and original == month_end(original.year, original.month):
                due = month_end(due.year, due.month)  # "原定9月底，延期3个月": to the end of December
            return Deadline(text=text, kind=DeadlineKind.DATE, due=due, extended=True, original_due=original)
    if ext is not None:
        tail = s[ext.end() :]
        cut = min((i for i in (tail.find("("), tail.find(")")) if i >= 0), default=len(tail))
        head = s[: extensions[0].start()]
        original = _original_due(head, fb) if head else None
        before, written = original, _YEAR_WRITTEN.search(head) is not None
        for mark, after in pairwise(extensions):  # the steps before the last
            step = _step_text(s[mark.end() : after.start()])
            got = _extension_due(step, before, written, fb)
            if got.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) and got.due is not None:
                before, written = got.due, _step_written(step, written)
        res = _extension_due(tail[:cut], before, written, fb)
        if res.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
            kind = res.kind
            if kind is DeadlineKind.DATE and _LONG_TERM.search(s[: ext.start()] + tail[cut:]):
                kind = DeadlineKind.DATE_AND_LONG_TERM
            return Deadline(text=text, kind=kind, due=res.due, extended=True, original_due=original)
        if res.kind in (DeadlineKind.LONG_TERM, DeadlineKind.IMMEDIATE):  # "调整为长期坚持"
            return Deadline(text=text, kind=res.kind, due=res.due, extended=True)
        reason = res.reason if res.reason not in (None, R_UNKNOWN, R_PLACEHOLDER) else None
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=reason or R_EXTENSION)
    if "(" in s and (said := _STATUS_THEN_DUE.fullmatch(s)) is not None and not _LONG_TERM.search(said["status"]) \
            and read_status(said["status"]).status is not None:
        # "已完成（2026年12月31日前）": the status, then the deadline in brackets — and what goes on after
        # it in brackets of its own ("（长期坚持）"), a part of the deadline
        s = said["due"] + (f",{said['more'][1:-1]}" if said["more"] and _LONG_TERM.search(said["more"]) else "")
    res = _core(s, fb)
    if res.kind is DeadlineKind.INVALID and "(" in s and (labelled := _STATUS_THEN_DUE.fullmatch(s)) is not None \
            and not labelled["more"] and not _TBD.search(labelled["status"]) \
            and not _LATER_NOTICE.search(labelled["status"]):
        # "限期整改（2026年9月底前）", "短期（9月底前）": the class of the measure's term, then its date
        dated = _core(labelled["due"], fb)
        if dated.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
            res = dated
    if res.kind is DeadlineKind.INVALID and (parts := part_deadlines(text, feedback_date=fb)):
        # "1.2025年6月底前；2.9月底前": one date for each measure of the row, numbered as they are
        return Deadline(text=text, kind=DeadlineKind.DATE, due=max(parts))
    return Deadline(text=text, kind=res.kind, due=res.due, reason=res.reason)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _from_date(d: date) -> Deadline:
    text = d.isoformat()
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_YEAR_RANGE)
    return Deadline(text=text, kind=DeadlineKind.DATE, due=d)


def _from_number(value: numbers.Real, feedback_date: date | None = None) -> Deadline:
    f = float(value)
    if math.isnan(f):
        return Deadline(text="", kind=DeadlineKind.EMPTY)
    text = normalize_text(f) if isinstance(value, float) else normalize_text(value)
    if not math.isfinite(f):
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_NUMBER)
    if f.is_integer():
        n = int(f)
        if 19000101 <= n <= 21001231:
            try:
                return _from_date(_make(n // 10000, n // 100 % 100, n % 100))
            except _DateError as exc:
                return Deadline(text=text, kind=DeadlineKind.INVALID, reason=exc.reason)
        if MIN_YEAR <= n <= MAX_YEAR:
            return Deadline(text=text, kind=DeadlineKind.DATE, due=date(n, 12, 31))
        if (period := _year_month(n)) is not None:
            return Deadline(text=text, kind=DeadlineKind.DATE, due=period)
    if MIN_SERIAL <= f < MAX_SERIAL + 1:
        return _from_date(_EXCEL_EPOCH + timedelta(days=math.floor(f)))
    if (m := _MONTH_DOT_DAY.fullmatch(repr(f))) is not None:
        # "10.31" typed into a cell Excel keeps as a number: a month and day, read as the text it
        # shows; one decimal of 1–3 may be a day whose 0 Excel dropped (9.3 typed as "9.30")
        if len(m.group(2)) == 1 and m.group(2) in "123":
            return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_AMBIGUOUS_DAY)
        return _parse_text(text, feedback_date)
    if MIN_YEAR <= f < MAX_YEAR + 1 and (m := _YEAR_DOT_MONTH.fullmatch(repr(f))) is not None:
        # "2025.06" typed into a cell Excel keeps as a number: year and month
        year, month = int(m.group(1)), m.group(2)
        if month == "1":  # 2025.1: January, or "2025.10" with its 0 dropped by Excel
            return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_AMBIGUOUS_MONTH)
        if 1 <= int(month) <= 12:
            return Deadline(text=text, kind=DeadlineKind.DATE, due=month_end(year, int(month)))
    return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_NUMBER)


def _year_month(n: int) -> date | None:
    """The last day of the month a number written yyyymm names (202609: September 2026, as a system's
    export writes a period); ``None`` for any other number (no Excel date serial has six digits)."""
    if MIN_YEAR * 100 + 1 <= n <= MAX_YEAR * 100 + 12 and 1 <= n % 100 <= 12:
        return month_end(n // 100, n % 100)
    return None


def _text_serial(text: str) -> Deadline | None:
    """An Excel date serial a clerk pasted as text ("46203", " 46203 ", "'46203"): read like the
    number. Other digit strings are not serials ("20261231" is a date, "2026" a year)."""
    s = unicodedata.normalize("NFKC", text).strip().lstrip("'")
    if len(s) == 6 and s.isdigit() and (period := _year_month(int(s))) is not None:
        return Deadline(text=text, kind=DeadlineKind.DATE, due=period)  # "202609" pasted as text
    if len(s) < 5 or not s[:5].isdigit() or (m := _TEXT_SERIAL.fullmatch(s)) is None:
        return None
    n = float(m.group(0))
    if not MIN_SERIAL <= n < MAX_SERIAL + 1:
        return None
    return replace(_from_date(_EXCEL_EPOCH + timedelta(days=math.floor(n))), text=text)


def _is_missing(value: object) -> bool:
    """NaN, pandas NaT / NA and similar "missing" markers (without importing pandas)."""
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)
    except Exception:
        return False


_CONTAINERS = (list, tuple, dict, set, frozenset, bytes, bytearray)


def parse_deadline(value: object, *, feedback_date: date | None = None) -> Deadline:
    """Parse a 整改时限 cell.  Never raises.

    ``feedback_date`` (反馈日期) supplies the year for year-less forms, the base for
    relative forms ("反馈后2个月内") and the due date of IMMEDIATE deadlines.
    """
    try:
        if value is None:
            return Deadline(text="", kind=DeadlineKind.EMPTY)
        if isinstance(value, str):
            text = normalize_text(value)
            return _text_serial(text) or _parse_text(text, feedback_date)
        if isinstance(value, bool):
            return Deadline(text=normalize_text(value), kind=DeadlineKind.INVALID, reason=R_BOOL)
        if _is_missing(value):
            return Deadline(text="", kind=DeadlineKind.EMPTY)
        if isinstance(value, datetime):
            return _from_date(value.date())
        if isinstance(value, date):
            return _from_date(value)
        if isinstance(value, numbers.Real):
            return _from_number(value, feedback_date)
        if isinstance(value, _CONTAINERS):
            return Deadline(text=normalize_text(value), kind=DeadlineKind.INVALID, reason=R_UNKNOWN)
        return _parse_text(normalize_text(value), feedback_date)
    except Exception:
        try:
            text = normalize_text(value)
        except Exception:
            text = ""
        return Deadline(text=text, kind=DeadlineKind.INVALID, reason=R_UNKNOWN)


#: what counts from the feedback or from the day it is read, not from a year: "本月", "下季度",
#: "明年", "次年", "开学前" (the next opening), "2个月内", "反馈后…" ("今年", "本年度" are the year)
_COUNTED_FROM = LazyPattern(r"(?:本|当|这个?|下个?|上个?)(?:月|季|周|学期)|(?<![\d—\-~/至到])学年"
                            r"|(?:下个?|次|明|来|上个?)年|开学|反馈"
                            r"|(?:^|[^\d年月一二三四五六七八九十])(?:月|季度?)(?:底|末|中|初|上旬|中旬|下旬)|即日"
                            r"|巡察后|巡视后"
                            r"|\d+\s*(?:个月|个?工作日|天|周|个?星期)|\d+\s*[日年](?:内|以内|之内)"
                            r"|[一二两三四五六七八九十半]+个?(?:月|周|星期|年)(?:内|以内|之内)")


#: the year after the one a deadline was written in ("明年3月", "次年一季度", "来年")
_NEXT_YEAR = LazyPattern(r"(?:明|次|来|下一)年")


def parse_deadline_in_year(value: object, year_from: date) -> Deadline | None:
    """A deadline written without its year ("9月底前", "年底前", "春节前") in a ledger that gives
    no feedback date, read with the year ``year_from`` gives (see ``LedgerInfo.year_from``), as
    :func:`parse_deadline` reads it after a feedback date on that day; ``None`` for any other
    value — one that reads without a year, one that does not read at all, and one that counts
    from the feedback or from the day it is read ("2个月内", "下月底"), which no year stands in for.
    "明年3月", "次年一季度" are the year after the one ``year_from`` gives: the year the ledger was
    written in, as the feedback's would be."""
    if isinstance(value, float) and _MONTH_DOT_DAY.fullmatch(repr(value)) is not None \
            and parse_deadline(value).reason == R_NO_YEAR:
        value = normalize_text(value)  # 10.31 kept as a number: the month and day it shows (not 9.3)
    if not isinstance(value, str):
        return None
    folded = _fold(value)
    next_year = _NEXT_YEAR.search(folded) is not None
    if _COUNTED_FROM.search(_NEXT_YEAR.sub("年", folded) if next_year else folded) is not None:
        return None
    plain = parse_deadline(value)
    if plain.kind is not DeadlineKind.INVALID or plain.reason not in (R_NO_YEAR, R_NO_FEEDBACK if next_year else None):
        return None
    dated = parse_deadline(value, feedback_date=year_from)
    return dated if dated.kind is not DeadlineKind.INVALID else None


#: a 完成时间 naming the month of the report or the one before ("本月", "上月", "上个月底", "本月已完成")
_MONTH_OF_REPORT = LazyPattern(r"(?P<which>本|当|这个?|上个?)月份?(?:初|中旬|上旬|下旬|中|底|末)?(?:内|份)?"
                               r"(?:已经?)?(?:完成|办结|整改完成)?")


def completed_in_report_month(value: object, report: date | None) -> date | None:
    """The day a 完成时间 of "本月" or "上月" stands for, counted from the ``report`` date (a monthly
    report's "finished this month / last month"): the first day of that month — the day no
    finding can count as late or early when the work was not (a completion in the month of a
    deadline on its 5th is not told late); ``None`` for anything else or with no report date."""
    if report is None or not isinstance(value, str) or "月" not in value or (
            m := _MONTH_OF_REPORT.fullmatch(_fold(value))) is None:
        return None
    first = report.replace(day=1)
    return first if not m["which"].startswith("上") else (first - timedelta(days=1)).replace(day=1)


def parse_date(value: object, *, feedback_date: date | None = None) -> date | None:
    """Parse a single date (a 完成时间 cell); None if blank or not a single date.

    Accepts every form :func:`parse_deadline` turns into a plain ``DATE`` (Excel dates and
    serials, all string forms); a month/quarter/year means its last day.
    """
    d = parse_deadline(value, feedback_date=feedback_date)
    return d.due if d.kind is DeadlineKind.DATE else None


#: a time of day after a date, as a meeting's date is written: 上午, 下午3时, 14:30, 上午9点30分 (folded)
_TIME_OF_DAY = LazyPattern(r"(?<=[日号\d])\s*(?:[上下中晚早]午|晚上|早上|凌晨)?"
                           r"\s*(?:\d{1,2}\s*[:时点]\s*(?:\d{1,2}\s*分?|半)?)?\s*$")


def parse_day(value: object) -> date | None:
    """:func:`parse_date` of a day written with the time of day it was on ("2026年5月10日下午",
    "2026.5.10 14:30": the feedback meeting's): the day, the time left aside."""
    day = parse_date(value)
    if day is None and isinstance(value, str):
        text = _fold(value).strip()
        match = _TIME_OF_DAY.search(text)
        if match is not None and match.start() > 0 and match.group().strip():
            day = parse_date(text[:match.start()])
    return day


#: the start of a period as a day or a month, written with its year (folded): 2026年3月10日, 2026.3.10, 2026年3月
_PLAIN_START = LazyPattern(r"\d{4}(?:年\d{1,2}月(?:\d{1,2}[日号]?)?|[./-]\d{1,2}(?:[./-]\d{1,2})?)")


def latest_day_of(month: int, day: int, today: date) -> date:
    """The latest ``month``/``day`` on or before ``today`` (a day written without its year, "截至11月20日",
    read on 2026年12月3日 is 2026年11月20日; read on 2026年11月10日, 2025年11月20日). Raises ValueError
    for a day no year has."""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    if (month, day) == (2, 29):
        while not calendar.isleap(year):
            year -= 1
    return date(year, month, day)


#: a date that starts with its year (folded): 2026年10月31日, 2026年10月底, 2026.10.31
_YEARED = LazyPattern(r"\d{4}\s*[年./-]")

_AS_OF_NUMBER = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
#: the day a report stands at, as written after 截至 (what :func:`as_of_day` reads): "2026年10月31日",
#: "2026年10月底", "2026年10月", "10月31日", "十月底", "11月份末" — a month without its year only with
#: its day or its end ("截至10月，" is no day)
AS_OF_WHEN = (r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*" + _AS_OF_NUMBER
              + r"\s*月(?:\s*" + _AS_OF_NUMBER + r"\s*[日号]|份?[底末]|份)?"
              r"|" + _AS_OF_NUMBER + r"\s*月(?:\s*" + _AS_OF_NUMBER + r"\s*[日号]|份?[底末])")
#: a text saying the day its figures stand at: "截至2026年10月31日", "截止到10月底", "截至十月末"
#: (``when`` for :func:`as_of_day`) — the one reading of it, in a ledger's title or header and in a notice
AS_OF_SAID = LazyPattern(r"截[至止](?:到|至)?\s*(?P<when>" + AS_OF_WHEN + ")")
#: how many years back a day written without its year is looked for (2月29日: the last leap year)
_AS_OF_YEARS_BACK = 8


def as_of_day(text: str, signed: date | None) -> date | None:
    """The day a report states its figures on ("截至2026年10月31日", "截止10月底", "截至2026年10月":
    ``text`` is what follows 截至, :data:`AS_OF_WHEN`), read against the day it is ``signed`` (or
    checked): a month's end or a month alone is its last day, a day without its year the latest on
    or before the signing (a notice signed 2027年1月8日 "截至12月31日" speaks of 2026; "截至2月底" is
    the 29th in a leap year; "截至2月29日" the last leap year's). ``None`` for text that is no such
    date, or one written without its year when the signing day is not known."""
    s = _fold(text).strip()
    if not s or len(s) > 20:
        return None
    if _YEARED.match(s):
        return parse_date(s)
    if signed is None:
        return None
    for year in range(signed.year, signed.year - _AS_OF_YEARS_BACK, -1):
        day = parse_date(f"{year}年{s}")
        if day is not None and day <= signed:
            return day
    return None


def parse_day_range(value: object) -> tuple[date, date] | tuple[None, None] | None:
    """The first and last day of a period written in one cell, as 基本信息's 巡察时间 is
    ("2026年3月10日至5月20日", "2026.3.10—2026.5.20", "2026年3月至5月"): the end borrows the
    start's year (and month) when it does not write its own, a month alone runs from its first
    day to its last. ``(None, None)`` for a range not written so ("3月上旬至5月", no year, a start
    after the end); ``None`` for a cell that is no range (one day, words)."""
    if not isinstance(value, str) or len(value) > 60:
        return None
    s = _PARENTHETICAL.sub("", _fold(normalize_text(value))).lstrip("自从于")  # "自…至…（集中巡察）"
    m = _RANGE_SEP.search(s)
    if m is not None:
        first = s[: m.start()].rstrip("起")  # "2026年3月10日起至5月20日"
    elif s.count("-") == 1:  # "2026.3.10-5.20" (an ISO date's own dashes would be more than one)
        first = s.partition("-")[0]
    else:
        return None
    first = _strip(first)
    start = parse_day(first) if _PLAIN_START.fullmatch(first) else None  # not "3月上旬", "年初"
    try:
        end = _range_end(s, None) if start is not None else None
    except _DateError:  # no year anywhere, a day that does not exist
        end = None
    if start is None or end is None:
        return None, None
    start = earliest_day(first, start)  # "2026年3月至5月": from March the 1st
    return (start, end) if start <= end else (None, None)


#: a date written as its month or its year alone: 2025年6月, 2025年6月份, 2025年 (folded)
#: (also 2025.6, 2025-06, 2025/6, 2025.6月: the month written with a dot, a dash or a slash)
_MONTH_OR_YEAR = LazyPattern(r"(?:(?:\d{4}|\d{2})年(?:(\d{1,2})月份?)?|\d{4}\s*[./-]\s*(\d{1,2})\s*(?:月份?|[.．])?)"
                             r"(?:前|之前|以前)?")


#: a date given to its month, no day: 2025年4月, 25年4月, 2025年4月份, 2025.4, 2025-04, 2025/4 (folded)
_MONTH_ALONE = LazyPattern(r"(?:\d{4}\s*(?:年\s*\d{1,2}\s*月份?|[./-]\s*\d{1,2})|\d{2}\s*年\s*\d{1,2}\s*月份?)")


def month_alone(value: object) -> bool:
    """Whether ``value`` is a date written to its month only ("2025年4月", "2025.4") — a day
    :func:`parse_date` fills in (the month's last) that nobody wrote."""
    return isinstance(value, str) and len(value) < 16 and _MONTH_ALONE.fullmatch(_fold(value).strip()) is not None


def earliest_day(text: str, on: date) -> date:
    """The earliest day that ``on``, read from ``text``, may mean: a date written as its month or
    its year alone (``2025年6月`` — typed so, or shown so by its cell's format — ``2025年``) is
    some day of it, and :func:`parse_date` reads it as the last; a 完成时间 written so is not
    later than a day of that month (its first is returned), nor one "by" it (``2025年6月前``). Any
    other text: ``on``."""
    m = _MONTH_OR_YEAR.fullmatch(_fold(text)) if text and len(text) < 16 else None
    if m is None:
        return on
    return on.replace(day=1) if m.group(1) or m.group(2) else on.replace(month=1, day=1)


def extension_steps(value: object, *, feedback_date: date | None = None) -> tuple[date | None, ...]:
    """The deadlines a cell names one extension after another: the original first, then each
    extended deadline (``None`` where a step names no date). ``()`` when the cell names no
    extension. ``"原定9月底，延期至12月底，再次延期至次年3月底"`` → (9-30, 12-31, 3-31 next year);
    ``"延期至2024年3月底"`` → (None, 2024-03-31). A step without a year takes the year of the
    step before it (or of ``feedback_date``)."""
    if not isinstance(value, str):
        return ()
    text = normalize_text(value)
    if not text or len(text) > _MAX_TEXT:
        return ()
    s = _IF_CLAUSE.sub("", _fold(text))
    marks = [m for m in _EXTENSION.finditer(s) if not _IF.search(s, 0, m.start())]  # not "如遇…延期至"
    if not marks:
        return ()
    head = s[: marks[0].start()]
    original = _original_due(head, feedback_date) if head else None
    steps: list[date | None] = [original]
    previous = original or feedback_date
    before, written = original, _YEAR_WRITTEN.search(head) is not None
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(s)
        part = _step_text(s[mark.end() : end])
        res = _core(_anchor_years(part, before, written, feedback_date), previous)
        due = res.due if res.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) else None
        steps.append(due)
        if due is not None:
            before, written = due, _step_written(part, written)
        previous = due or previous
    return tuple(steps)


#: what parts a cell of several deadlines, one a measure: "；" or a new line
_MEASURE_PARTS = re.compile(r"[;；\n]+")


def part_deadlines(value: object, *, feedback_date: date | None = None) -> tuple[date, ...]:
    """The date each part of a 整改时限 cell names, when it names one for each of several measures
    listed in one row ("2025年6月底前；9月底前" → (2025-06-30, 2025-09-30), a part without its
    year taking the year of the one before); ``()`` unless it is two parts or more, each a date."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return ()
    parts = [p for p in _MEASURE_PARTS.split(normalize_text(value)) if p.strip()]
    if len(parts) < 2:
        return ()
    marks = [re.match(rf"\s*(?:{k}\s*[.、．]|[（(]{k}[)）]|{chr(0x2460 + k - 1)})\s*", p)
             for k, p in enumerate(parts, 1)]
    if all(marks):  # "1.2025年6月底前；2.9月底前": numbered as the measures are
        parts = [p[m.end():] for p, m in zip(parts, marks, strict=True) if m is not None]
    try:
        found = _dates(_strip_light(_fold("；".join(parts))), feedback_date)
    except _DateError:
        return ()
    return tuple(found) if len(found) == len(parts) else ()


def item_deadlines(value: object, *, feedback_date: date | None = None) -> tuple[Deadline, ...]:
    """The deadline of each measure a 整改时限 cell lists one a part ("；" or a new line), when each
    part is a date, "at once" or long term: ``"1.2026年9月底前；2.立行立改；3.长期坚持"`` → (DATE
    Sep 30, IMMEDIATE due ``feedback_date``, LONG_TERM); a part without its year takes the year of
    the date before it, as in :func:`part_deadlines`. ``()`` unless there are two parts or more,
    each read so (a part of two stages, or of words that are no deadline, is not one measure's)."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return ()
    text = normalize_text(value)
    if not _MEASURE_PARTS.search(text):
        if not (text[:1].isdigit() or text[:1] in "(（"):
            return ()
        text = _NEXT_ITEM.sub(";", unicodedata.normalize("NFKC", text))  # "1.2026年6月底前 2.长期坚持"
    parts = [p for p in _MEASURE_PARTS.split(text) if p.strip()]
    if len(parts) < 2:
        return ()
    read: list[tuple[bool, bool, bool]] = []  # (long term, at once, dated) of each part
    dated: list[str] = []
    for part in parts:
        s = _fold(part)
        if (lt := _LONG_TERM.search(s) is not None):
            s = _LONG_TERM.sub("", s)
        if (imm := _IMMEDIATE.search(s) is not None):
            s = _IMMEDIATE.sub("", s)
        s = _strip_light(s)
        if s:
            dated.append(s)
        elif not (lt or imm):
            return ()
        read.append((lt, imm and not s, bool(s)))
    try:
        found = _dates(";".join(dated), feedback_date) if dated else []
    except _DateError:
        return ()
    if len(found) != len(dated):
        return ()
    dues = iter(found)
    out = []
    due: date | None
    for part, (lt, imm, has_date) in zip(parts, read, strict=True):
        if has_date:
            kind, due = (DeadlineKind.DATE_AND_LONG_TERM if lt else DeadlineKind.DATE), next(dues)
        elif imm:
            kind, due = (DeadlineKind.IMMEDIATE_AND_LONG_TERM if lt else DeadlineKind.IMMEDIATE), feedback_date
        else:
            kind, due = DeadlineKind.LONG_TERM, None
        out.append(Deadline(text=part.strip(), kind=kind, due=due))
    return tuple(out)


#: a deadline written inside a measure's own words ("清理账目，2026年9月底前完成", "于10月31日前建立台账"):
#: a date "by" which, so that a date the text only mentions ("2025年以来") is none
_DUE_IN_WORDS = LazyPattern(
    r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月(?:\d{1,2}[日号])?|\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?)"
    r"(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)")


def deadlines_in_items(items: list[str], *, feedback_date: date | None = None) -> tuple[Deadline, ...]:
    """The deadline each of several measures names in its own words ("1.清理账目，2026年9月底前完成；
    2.开展专项检查，12月底前完成" → Sep 30, Dec 31), as :func:`item_deadlines` reads a 整改时限 cell of
    them; ``()`` unless each names exactly one."""
    if len(items) < 2:
        return ()
    found = []
    for item in items:
        said = _DUE_IN_WORDS.findall(unicodedata.normalize("NFKC", item).replace(" ", ""))
        if len(said) != 1:
            return ()
        found.append(said[0])
    return item_deadlines("；".join(found), feedback_date=feedback_date)


def format_deadline(d: Deadline) -> str:
    """Canonical Chinese rendering that :func:`parse_deadline` reads back to the same
    kind and due date (IMMEDIATE's due needs the same feedback date)."""
    ext = "延期至" if d.extended else ""
    if d.extended and d.original_due is not None:
        ext = f"原定{cn_date(d.original_due)}，延期至"
    if d.kind is DeadlineKind.EMPTY:
        return ""
    if d.kind is DeadlineKind.DATE and d.due is not None:
        return f"{ext}{cn_date(d.due)}"
    if d.kind is DeadlineKind.DATE_AND_LONG_TERM and d.due is not None:
        return f"{ext}{cn_date(d.due)}前完成并长期坚持"
    if d.kind is DeadlineKind.IMMEDIATE:
        return "立行立改"
    if d.kind is DeadlineKind.IMMEDIATE_AND_LONG_TERM:
        return "立行立改并长期坚持"
    if d.kind is DeadlineKind.LONG_TERM:
        return "长期坚持"
    return d.text


#: the month an entry of a progress log kept month by month in one cell opens with: "9月：",
#: "10月份：", "2026年10月：", "2026.10 ", "2026-10：", "【10月进展】", "（11月）", "10月进展：" — not
#: a day ("10月20日") or a part of a month ("10月底前"): a plan's deadline
_ENTRY_MONTH = re.compile(
    r"[【\[（(]?\s*(?:(?P<year>20\d{2})\s*(?:年|[.\-/])\s*)?(?P<month>1[0-2]|0?[1-9])(?![\d.\-/])\s*(?:月份?(?![\d日号底初中末上下前内起以]))?"
    r"(?:进展|进度|情况|整改进展|整改情况|更新)?\s*[】\]）)]?\s*[:：，,、]?\s*")
#: where an entry of such a log begins: the start of a line, or a bracketed month within a line
_ENTRY_START = re.compile(r"(?:^|\n)\s*|(?=[【\[（(]\s*(?:20\d{2}\s*(?:年|[.\-/])\s*)?(?:1[0-2]|0?[1-9])\s*月)")


def dated_entries(text: str) -> list[tuple[str, str]] | None:
    """A progress cell kept as a log, month by month ("9月：已制定方案。\n10月：已检查企业12家。",
    "2026.9 已完成采购计划\n2026.10 已采购冲锋舟2艘", "【9月进展】…【10月进展】…"): each entry's month
    as a reader says it ("9月", "2026年10月") and what it says, in order; ``None`` for any other
    text — fewer than two entries, or a part that opens with no month. A month is one by 月 or
    by its year ("2026.10"): "（1）…", "3次", "12家" open no entry; nor does a plan's deadline
    ("10月底前完成…", "12月31日前…")."""
    if "月" not in text and "." not in text and "-" not in text and "/" not in text:
        return None
    pieces = [p for p in _ENTRY_START.split(text) if p and p.strip()]
    if len(pieces) < 2:
        return None
    out: list[tuple[str, str]] = []
    for piece in pieces:
        m = _ENTRY_MONTH.match(piece)
        if m is None:
            return None
        head, said = m.group(0), piece[m.end():].strip()
        if not said or not ("月" in head or m.group("year")):
            return None
        month = int(m.group("month"))
        out.append((f"{m.group('year')}年{month}月" if m.group("year") else f"{month}月", said))
    return out


#: a day, a month or a year as an account dates itself ("截至10月底，", "2026年11月30日", "本月",
#: "2026.10.31", "截止到目前"): what an account copied forward changes, and nothing else
_ACCOUNT_DATE = re.compile(
    r"(?:截至|截止到?|到|至)?\s*(?:(?:20\d{2}\s*年\s*)?(?:1[0-2]|0?[1-9])\s*月(?:份)?\s*(?:(?:[12]\d|3[01]|0?[1-9])\s*[日号])?"
    r"(?:底|末|初|上旬|中旬|下旬|中)?|20\d{2}\s*年(?:底|末|初)?|20\d{2}[.\-/](?:1[0-2]|0?[1-9])(?:[.\-/]\d{1,2})?"
    r"|[本上当]月(?:底|末|初)?|目前|当前|现阶段"
    # a month written in Chinese numerals ("十月份", "十一月中旬", "十一月二十日")
    r"|(?:二〇\S{2}年|20\d{2}\s*年\s*)?(?:十[一二]?|[一二三四五六七八九])月(?:份)?(?:(?:[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])[日号])?"
    r"(?:底|末|初|上旬|中旬|下旬)?)\s*[，,：:]?")


def without_dates(text: str) -> str:
    """``text`` without the days, months and years it is dated by ("截至10月底，已走访7个乡镇" →
    "已走访7个乡镇"): two accounts that differ only in those say the same."""
    if "月" not in text and "年" not in text and "目前" not in text and "当前" not in text \
            and "现阶段" not in text and not any(c in text for c in ".-/"):
        return text
    return _ACCOUNT_DATE.sub("", text)
