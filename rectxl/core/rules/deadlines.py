"""Rules on 整改时限 and 完成时间: missing, unreadable, overdue, due soon, completed late."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from rectxl.core import fields as F
from rectxl.core.deadline import (
    R_NO_YEAR,
    R_UNKNOWN,
    Deadline,
    DeadlineKind,
    deadlines_in_items,
    earliest_day,
    item_deadlines,
    parse_deadline_in_year,
    says_lunar_year_end,
)
from rectxl.core.extension import extension_of, extension_refused, extension_unapproved
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Measure
from rectxl.core.rules.context import Context
from rectxl.core.rules.owners import holds_error
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.rules.structure import item_statuses, measure_items
from rectxl.core.status import (
    Status,
    closure_day,
    flag_answer_no,
    fraction_as_percent,
    items_done,
    opening_clause,
    read_status,
    split_opening_status,
)
from rectxl.core.text import LazyPattern, cn_date, is_placeholder, shorten, to_simplified
from rectxl.core.timing import (
    GRADE_WORDS,
    Grade,
    effective_due,
    is_extended,
    is_open,
    is_overdue,
    long_term_by_remark,
    long_term_past_due,
    status_unreadable,
    warn_grade,
)

__all__ = ["late_listed_items", "listed_deadlines", "part_words", "past_due", "status_quote"]


def _dated(ctx: Context) -> list[tuple[Measure, date]]:
    """Every measure with a due date, and that date (four rules need them: listed once)."""
    dated = ctx.cache.get("dated")
    if dated is None:
        dated = ctx.cache["dated"] = [(m, due) for m in ctx.measures if (due := effective_due(m)) is not None]
    return dated  # type: ignore[return-value]


@rule(
    "missing-deadline", Severity.ERROR,
    "整改措施没有填写整改时限。",
    "第{row}行未填写整改时限：请填写具体日期（如“{year}年9月30日前”）、“立行立改”或“长期坚持”。",
)
def missing_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if (m.deadline.kind is DeadlineKind.EMPTY and ctx.has_column(m, F.DEADLINE) and F.DEADLINE not in m.uncomputed
                and F.DEADLINE not in m.from_today and not holds_error(ctx, m, F.DEADLINE)):
            yield r.at(ctx, m, F.DEADLINE)


@rule(
    "deadline-from-today", Severity.ERROR,
    "整改时限是由当天日期推算的公式（如 =TODAY()+30、=EDATE(TODAY(),3)），每次打开都会后移，措施永远不会逾期。",
    "第{row}行的整改时限是由当天日期推算的公式（TODAY），每次打开台账都会变成新的日期，这项措施永远不会显示逾期："
    "请改为填写固定的日期（如“{year}年9月30日前”），或写明“立行立改”“长期坚持”。",
)
def deadline_from_today(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if F.DEADLINE in m.from_today:
            yield r.at(ctx, m, F.DEADLINE)


@rule(
    "bad-deadline", Severity.ERROR,
    "整改时限无法识别为日期、立行立改或长期坚持。",
    "整改时限“{value}”无法识别（{reason}）：请改为“{year}年9月30日”“{year}年9月底前”“立行立改”或“长期坚持”等写法{hint}。",
)
def bad_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    header_rows = {s.name: s.header_row for s in ctx.sheets}
    for m in ctx.measures:
        if m.deadline.kind is DeadlineKind.INVALID:
            reason = m.deadline.reason
            if reason in (None, R_UNKNOWN):  # "无法识别（无法识别的整改时限）" said it twice
                reason = "不是日期、立行立改或长期坚持的常见写法"
            hint = ""
            if reason == R_NO_YEAR:
                # nothing in the ledger gives the year: say where a day that would give it is written
                above = header_rows.get(m.sheet, ctx.ledger.header_row) - 1
                where = ("（第1行）" if above == 1 else f"（第1至{above}行）") if above >= 1 else "插入一行"
                hint = (f"；或在表头上方{where}写明填报日期（如“填报日期：{cn_date(ctx.as_of)}”）、在标题中写明年份"
                        f"（如“{ctx.as_of.year}年……整改台账”），或在基本信息中填写反馈日期，没有写年份的时限即按其年份推定")
            yield r.at(ctx, m, F.DEADLINE, reason=reason, hint=hint)


@rule(
    "deadline-year-assumed", Severity.INFO,
    "整改时限没有写年份（或只写“明年”“次年”）、基本信息也没有反馈日期：年份按整改时限列名中的年份（“整改时限（2026年）”）、台账写明的巡察结束日期、报告日期或标题中的年份推定（说一次，在第一处）。",
    "整改时限“{value}”{more}没有写年份，基本信息中也没有反馈日期：已按{source}推定年份，读作{due}。"
    "如不对，请在基本信息中填写反馈日期，或在整改时限中写明年份。",
)
def deadline_year_assumed(r: Rule, ctx: Context) -> Iterator[Finding]:
    info = ctx.ledger.info
    if (year_from := info.year_from) is None:
        return
    day, source = year_from
    read: dict[str, bool] = {}
    found = []
    for m in ctx.measures:
        text = m.deadline.text
        if m.deadline.kind is DeadlineKind.INVALID or not text:
            continue
        if text not in read:
            read[text] = parse_deadline_in_year(text, day) is not None
        if read[text]:
            found.append(m)
    if not found:
        return
    first = found[0]
    if source == "标题中的年份":
        source = f"标题中的年份（{day.year}年）"
    elif source == "表头中的年份":
        source = f"{ctx.ledger.info_source.get('deadline_year', '表头')}中的年份（{day.year}年）"
    elif source == "报告日期" and info.report_date is not None:
        source = f"报告日期（{cn_date(info.report_date)}）前后半年（{day.year}年{day.month}月起的12个月）"
    else:
        source = f"{source}（{cn_date(day)}，此后最近的该日期）"
    more = f"等{len(found)}项措施的时限" if len(found) > 1 else ""
    due = cn_date(first.deadline.due) if first.deadline.due is not None else first.deadline.text
    yield r.at(ctx, first, F.DEADLINE, more=more, source=source, due=due)


@rule(
    "overdue", Severity.ERROR,
    # also: a deadline only noted "（延期）" with no later date is judged by the date written; a status
    # that cannot be read is not judged (bad-status names the deadline that has passed)
    "已过整改时限（或立行立改）但尚未完成（延期后仍逾期的见 extension-overdue）。",
    "【红色预警】已逾期：整改时限为{due}{note}，截至{as_of}状态仍为“{status}”{hint}。请尽快完成整改并更新状态，"
    "确需延期的请履行延期手续并写明“延期至…”。",
)
def overdue(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if not is_overdue(m, ctx.as_of):
            continue
        note = ""
        if is_extended(m):
            if _extension_dated(ctx, m):
                continue  # extension-overdue names both deadlines
            # "2026年6月30日（延期）": marked extended, no other date: the date written still counts
            note = "（注明了延期，但未写明延期后的时限，按所写日期判断）"
        elif asked := extension_unapproved((m.deadline.text, m.remark, m.status_text, m.progress)):
            said = "写明延期未获批准" if extension_refused(asked) else "未写明延期已获批准"
            note = f"（台账写着“{shorten(asked, 30)}”，{said}：按原时限判断）"
        elif said := _extended_undated(m):
            # "正在整改（延期）", "已延期" in the status or the remark: extended to when, the ledger does not say
            where = "整改状态写着延期" if said == m.status_text else f"备注写着“{shorten(said, 30)}”"
            note = f"（{where}，但未写明延期至何时：按原时限判断）"
        at_once = m.deadline.kind in (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM)
        due = _at_once(m) if at_once else _fmt(effective_due(m) or m.deadline.due) + (
            _lunar_note(ctx, m) or _reckoned_note(m))
        if not note and (late := _late_items(ctx, m))[1]:
            # the measure named says which words of the cell are due at once: "立行立改（第1项“…”）"; one
            # late measure due before the row's last date is named with its own ("2026年6月30日（第2项…）")
            own, named = late
            due = (own if own and own != _fmt(effective_due(m) or m.deadline.due) and not at_once
                   else "立行立改" if at_once else due) + named
        yield r.at(ctx, m, F.DEADLINE, due=due, note=note, as_of=_fmt(ctx.as_of),
                   status=status_quote(m), hint=_done_in_progress(m) or _done_in_deadline(m))


_AT_ONCE_KINDS = (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM)
#: how a 整改时限 cell that numbers its measures opens ("1.…", "（1）…", "①…", "一.…", "第1项…", "措施1.…")
_ITEM_OPENS = re.compile(r"\s*(?:[0-9０-９]{1,2}[.、)．）]|[(（\u2460-\u249b第措任事一二三四五六七八九十])")


def _own_deadlines(ctx: Context, m: Measure) -> tuple[list[str], tuple[Deadline, ...]] | None:
    """:func:`listed_deadlines` with the ledger's feedback date."""
    return listed_deadlines(m, ctx.ledger.info.deadlines_from)


def listed_deadlines(m: Measure, fb: date | None) -> tuple[list[str], tuple[Deadline, ...]] | None:
    """The measures a row lists and the deadline its 整改时限 cell gives each, numbered alike
    ("1.清理台账；2.建立制度" with "1.2026年9月底前；2.长期坚持"); ``None`` unless one for each
    (``fb``: the date deadlines counted from the feedback run from)."""
    text = m.deadline.text
    # most rows name one deadline and no dates in the measure: nothing to split (a cheap test first)
    if not (any(c in text for c in ";；\n ") or _ITEM_OPENS.match(text)) and "前" not in m.text:
        return None
    if (items := measure_items(m)) is None:
        return None
    parts = item_deadlines(m.deadline.text, feedback_date=fb)
    if not parts and m.deadline.due is not None and any(c.isdigit() for c in m.text):
        # one date for the row, each measure's own in its words ("1.清理账目，2026年9月底前完成；2.…，
        # 12月底前完成"): theirs, when the last is the row's
        parts = deadlines_in_items(items, feedback_date=fb)
        if parts and max((d.due for d in parts if d.due is not None), default=None) != m.deadline.due:
            return None
    if len(items) != len(parts):
        return None
    return items, parts


def _part_passed(d: Deadline, as_of: date) -> bool:
    if d.kind in _AT_ONCE_KINDS:
        return d.due is None or d.due <= as_of
    return d.due is not None and d.due < as_of


def _passed(parts: tuple[Deadline, ...], own: list[Status | None], as_of: date) -> list[int]:
    """The listed measures whose own deadline has passed and whose own status (if any) is not done."""
    return [k for k, d in enumerate(parts) if _part_passed(d, as_of) and own[k] not in (Status.DONE, Status.LONG_TERM)]


def late_listed_items(m: Measure, as_of: date, fb: date | None) -> list[tuple[int, str, Deadline, Status]]:
    """The listed measures of a row not overdue as a whole (its last deadline still ahead) whose
    own deadline has passed while their own status — the status cell numbered as the items — says
    they are not done: (0-based index, the measure, its deadline, its status). What the
    item-deadline-passed warning names as overdue; a row whose one status covers all its items is
    left out (whether that item is done cannot be read)."""
    if m.deadline.kind not in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) \
            or m.deadline.due is None or m.deadline.due < as_of:
        return []
    # (the cell's text first: most rows list no measures, and that test is the cheapest)
    if (own_dues := listed_deadlines(m, fb)) is None or not is_open(m) or status_unreadable(m) or is_extended(m):
        return []
    items, parts = own_dues
    own = item_statuses(m, len(items)) or [None] * len(items)
    return [(k, items[k], parts[k], status) for k in _passed(parts, own, as_of) if (status := own[k]) is not None]


def part_words(d: Deadline) -> str:
    """One measure's deadline as a message names it ("2026年9月30日", "立行立改", "长期坚持")."""
    if d.kind in _AT_ONCE_KINDS:
        return "立行立改" + ("并长期坚持" if d.kind is DeadlineKind.IMMEDIATE_AND_LONG_TERM else "")
    if d.due is None:
        return "长期坚持"
    return _fmt(d.due) + ("前完成并长期坚持" if d.kind is DeadlineKind.DATE_AND_LONG_TERM else "")


def _late_items(ctx: Context, m: Measure) -> tuple[str, str]:
    """Which of a row's listed measures are late, when its 整改时限 cell gives each its own deadline and
    they are not all one ("（第1项“清理台账”）", "（第1项“清理台账”2026年9月30日、第2项“…”2026年10月31日）");
    "" otherwise — after the one late measure's own deadline ("2026年6月30日"), "" for several. A measure
    whose own status (numbered alike) says it is done is not late."""
    if (own_dues := _own_deadlines(ctx, m)) is None:
        return "", ""
    items, parts = own_dues
    late = _passed(parts, item_statuses(m, len(items)) or [None] * len(items), ctx.as_of)
    if not late or (len(late) == len(parts) and len({(parts[k].kind, parts[k].due) for k in late}) == 1):
        return "", ""  # every measure late by one deadline: the row's says it all
    if len(late) == 1:
        return part_words(parts[late[0]]), f"（第{late[0] + 1}项“{shorten(items[late[0]], 16)}”）"
    return "", "（" + "、".join(f"第{k + 1}项“{shorten(items[k], 16)}”{part_words(parts[k])}" for k in late) + "）"


@rule(
    "item-deadline-passed", Severity.WARNING,
    "一个单元格里列了几项措施、各有时限，其中较早一项的时限已过，而整行的整改状态还不是已完成（看不出这一项是否完成），或这一项自己的整改状态（状态单元格按同样编号逐项填写）不是已完成。",
    "第{row}行列了{count}项措施，整改时限分别为{dues}：第{k}项“{item}”的时限{due}已过（截至{as_of}），{said}",
)
def item_deadline_passed(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.deadline.kind not in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) or not is_open(m):
            continue
        if status_unreadable(m) or is_extended(m) or (own_dues := _own_deadlines(ctx, m)) is None:
            continue
        items, parts = own_dues
        # an item whose own status (the status cell numbered as the items) says it is done is done
        own = item_statuses(m, len(items)) or [None] * len(items)
        passed = _passed(parts, own, ctx.as_of)
        # (all passed: the row is overdue, and says so)
        if passed and m.deadline.due is not None and m.deadline.due >= ctx.as_of:
            k = passed[0]
            if (its := own[k]) is None:
                said = (f"整改状态“{status_quote(m)}”是整行的，看不出这一项是否已完成。"
                        "请把各项措施分行填写，分别写明整改状态。")
            else:  # its own status says it is not done: that item is overdue
                said = f"这一项的整改状态为“{its.value}”，尚未完成。请尽快完成并更新状态，确需延期的请履行延期手续。"
            part = parts[k]
            due = f"“{part_words(part)}”" if part.kind in _AT_ONCE_KINDS else _fmt(part.due)
            yield r.at(ctx, m, F.DEADLINE, count=len(items), dues="、".join(part_words(d) for d in parts), k=k + 1,
                       item=shorten(items[k], 16), due=due, as_of=_fmt(ctx.as_of), said=said)


#: an extension said in a status or a remark, maybe with no date ("已延期", "正在整改（延期）", "延期整改中");
#: not one refused or never made ("不得延期", "未延期", "无延期", "不予延期")
_EXTENDED_SAID = re.compile(r"(?<![不未无没免勿])(?<!不[得予准能再可])(?:延期|延长整改|顺延)")


def _extended_undated(m: Measure) -> str:
    """The status or 备注 cell of a measure not extended that says it was ("已延期", "正在整改（延期）"),
    "" when neither does."""
    return next((text for text in (m.status_text, m.remark)
                 if text and len(text) <= 30 and _EXTENDED_SAID.search(to_simplified(text))), "")


def _extension_dated(ctx: Context, m: Measure) -> bool:
    """Does the ledger record the extended deadline (so ``extension-overdue`` judges the row)?"""
    ext = extension_of(m, ctx.ledger.info.deadlines_from)
    return ext is not None and ext.due is not None


def _at_once(m: Measure) -> str:
    """A deadline of "at once" as a message names it: in the clerk's own words when they are not
    立行立改 itself ("“即日起”（立行立改）", "“马上就办”（立行立改）"), so the clerk finds the cell."""
    own = " ".join(str(m.deadline.text).split())
    return f"“{own}”（立行立改）" if own and own != "立行立改" and len(own) <= 16 else "立行立改"


def past_due(m: Measure, as_of: date) -> str | None:
    """The deadline of an unfinished-or-unknown measure that has passed, as a message names it
    ("2026年6月30日", "立行立改"); ``None`` when it has not passed or there is none."""
    if m.deadline.kind in (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM) and (
            effective_due(m) is None):
        return _at_once(m)
    due = effective_due(m)
    return _fmt(due) if due is not None and due < as_of else None


@rule(
    "long-term-past-deadline", Severity.WARNING,
    "状态为长期坚持（或为正在推进、备注写明是长期任务：“此项为长期任务”“持续推进，长期坚持”，这样的措施不判逾期），"
    "但整改时限是一个已经过去的具体日期（或立行立改）。",
    "{said}，但整改时限“{value}”已过（截至{as_of}）：请确认该项的阶段性目标已经完成；"
    "{advice}把整改时限写成“…前完成并长期坚持”。",
)
def long_term_past_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if long_term_past_due(m, ctx.as_of):
            if long_term_by_remark(m):
                # 正在推进, the 备注 saying "此项为长期任务": no overdue, the same question
                said = f"备注写明“{m.remark.strip()}”，状态为“{m.status_text.strip() or m.status}”"
                advice = "阶段性目标已完成、转入长期坚持的，请把整改状态改为“长期坚持”，并"
            else:
                said, advice = "状态为“长期坚持”", "如需持续推进，请"
            yield r.at(ctx, m, F.DEADLINE, as_of=_fmt(ctx.as_of), said=said, advice=advice)


@rule(
    "due-today", Severity.WARNING,
    "今天（截止日期）到期但尚未完成。",
    "【{grade}】今天（{due}）到期，状态为“{status}”：请今天内完成并更新状态，或履行延期手续。",
)
def due_today(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, due in _dated(ctx):
        if due == ctx.as_of and is_open(m) and not status_unreadable(m):
            yield r.at(ctx, m, F.DEADLINE, due=_fmt(ctx.as_of), status=status_quote(m),
                       grade=GRADE_WORDS[warn_grade(0, ctx.warn_days) or Grade.YELLOW])


@rule(
    "due-soon", Severity.WARNING,
    "距整改时限不足 N 天且尚未完成：按预警天数分黄色、橙色预警（默认 15 天，只有黄色；--warn 20,10 或"
    "基本信息“预警天数”可设两级）。",
    "【{grade}】还有{days}天到期（整改时限{due}）：请抓紧推进，按期完成。",
)
def due_soon(r: Rule, ctx: Context) -> Iterator[Finding]:
    thresholds = ctx.warn_days
    for m, due in _dated(ctx):
        days = (due - ctx.as_of).days
        if days > 0 and is_open(m) and not status_unreadable(m) and (
                found := warn_grade(days, thresholds)) is not None:
            yield r.at(ctx, m, F.DEADLINE, days=days, due=_fmt(due) + (
                _lunar_note(ctx, m, bracketed=False) or _reckoned_note(m, bracketed=False)),
                       grade=GRADE_WORDS[found])


@rule(
    "completed-late", Severity.INFO,
    "完成时间晚于整改时限。",
    "完成时间{done}晚于整改时限{due}：如经批准延期，请在整改时限中注明“延期至…”。",
)
def completed_late(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, due in _dated(ctx):
        # (earliest_day is never later than completed_on: the date compared first is the cheap test)
        if m.completed_on is None or m.completed_on <= due or earliest_day(m.completed_text, m.completed_on) <= due:
            continue
        if not (m.completed_on > ctx.as_of and _year_slip(m.completed_on, ctx.as_of)):  # (completion-in-future: a slip)
            yield r.at(ctx, m, _completion_field(m), done=_done_said(m), due=_fmt(due))


@rule(
    "completion-in-future", Severity.ERROR,
    "完成时间晚于截至日期（还没到的日子不能已完成）。",
    "完成时间{done}晚于截至日期{as_of}：请核对完成时间是否填错{hint}。",
)
def completion_in_future(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.completed_on is not None and m.completed_on > ctx.as_of and earliest_day(
                m.completed_text, m.completed_on) > ctx.as_of and not _planned_unfinished(m):
            yield r.at(ctx, m, _completion_field(m), done=_done_said(m), as_of=_fmt(ctx.as_of),
                       hint=_year_slip(m.completed_on, ctx.as_of))


def _year_slip(day: date, anchor: date) -> str:
    """What a message adds of a year that cannot be meant (2062 in a ledger of 2026, 2016 for 2026):
    the year likely meant, when its digits are the anchor year's in another order or one digit
    from it; "" when the year is the anchor's or near it."""
    if abs(day.year - anchor.year) <= 1:
        return ""
    written, meant = str(day.year), str(anchor.year)
    if sorted(written) == sorted(meant) or sum(a != b for a, b in zip(written, meant, strict=False)) == 1:
        return f"，尤其是年份：“{day.year}年”是否应为“{anchor.year}年”"
    return f"，尤其是年份（{day.year}年）"


@rule(
    "completion-before-feedback", Severity.WARNING,
    "完成时间早于巡察开始日期（基本信息写明时），或早于巡察反馈日期：问题还没有被发现或反馈，整改不会已经完成，"
    "多为年份填错；巡察期间边巡边改的（备注、进展或时限写明边巡边改、立行立改、即知即改）不提示。",
    "完成时间{done}早于{when}{day}：整改不会在问题{what}之前完成，请核对完成时间是否填错{hint}；"
    "如属巡察期间边巡边改，请在备注中注明。",
)
def completion_before_feedback(r: Rule, ctx: Context) -> Iterator[Finding]:
    info = ctx.ledger.info
    if info.inspection_start is not None:
        start, when, what = info.inspection_start, "巡察开始日期", "被发现"
    elif info.feedback_date is not None and not info.feedback_month_only:
        start, when, what = info.feedback_date, "巡察反馈日期", "反馈"
    else:
        return
    for m in ctx.measures:
        if m.completed_on is None or m.completed_on >= start or m.deadline.kind in (
                DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM):
            continue
        if _planned_unfinished(m) or not _year_written(m) or any(_DURING_INSPECTION.search(to_simplified(text))
                                                                 for text in (m.remark, m.progress, m.status_text,
                                                                              m.deadline.text)):
            continue  # (a day with no year was given the year that puts it before the report: no slip of the clerk's)
        yield r.at(ctx, m, _completion_field(m), done=_done_said(m), when=when, day=_fmt(start), what=what,
                   hint=_year_slip(m.completed_on, start))


def _year_written(m: Measure) -> bool:
    """The 完成时间 was given with its year: an Excel date, or a text naming it ("2016年8月", "2062.3")."""
    raw = m.raw.get(F.COMPLETED)
    return isinstance(raw, date) or _FOUR_FIGURES.search(m.completed_text) is not None


_FOUR_FIGURES = LazyPattern(r"(?<!\d)\d{4}(?!\d)|(?<!\d)\d{8}(?!\d)")
#: work put right while the inspectors were there, said so in a cell of the row
_DURING_INSPECTION = LazyPattern(r"边巡边改|立行立改|即知即改|立知立改|巡察期间|巡察过程中|巡察时")


@rule(
    "missing-completion-date", Severity.WARNING,
    "状态为已完成，但完成时间为空（仅当有完成时间列时检查；整改时限为长期坚持、完成时间写“——”“/”“无”的不提示）。",
    "第{row}行状态为已完成，但未填写完成时间{note}：请补填实际完成日期。",
)
def missing_completion_date(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if (m.status is Status.DONE and (not m.completed_text or is_placeholder(m.completed_text))
                and not (m.deadline.kind is DeadlineKind.LONG_TERM and _NOT_APPLICABLE.match(m.completed_text.strip()))
                and ctx.has_column(m, F.COMPLETED) and F.COMPLETED not in m.uncomputed
                and not holds_error(ctx, m, F.COMPLETED)):  # #VALUE!: cell-error names it
            # "已于10月20日销号": the day of the closure, not of the work (done before it)
            said = closure_day(m.status_text) if m.status_text else ""
            note = f"（状态中的“{said}”是验收或销号的日期，不是完成整改的日期）" if said else ""
            yield r.at(ctx, m, F.COMPLETED, note=note)


#: a 完成时间 struck out as not applying ("——", "/", "无", "不适用"): under a long-term deadline, work
#: kept up has no day it was finished, and the clerk said so
_NOT_APPLICABLE = LazyPattern(r"^(?:[—\-－–/／\\·、]+|无|不适用|不涉及)$")


@rule(
    "completion-date-unfinished", Severity.WARNING,
    "填写了完成时间，但整改状态不是已完成（状态是否忘了更新？）。",
    "第{row}行填写了完成时间“{value}”，但状态为“{status}”：如已完成，请把状态改为“已完成”；"
    "如未完成，请删除完成时间。",
)
def completion_date_unfinished(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.completed_on is not None and m.status in (Status.IN_PROGRESS, Status.NOT_STARTED, Status.MOSTLY_DONE) \
                and not _planned_unfinished(m):
            yield r.at(ctx, m, F.COMPLETED, status=m.status_text)


#: a 完成时间 giving the day planned ("预计2026年11月", "计划10月底", "力争年底前")
_PLANNED = LazyPattern(r"^\s*(?:预计|计划|拟|力争|争取|确保|预期|预估)")


def _planned_unfinished(m: Measure) -> bool:
    """A 完成时间 giving the day the work is planned to end, beside a status saying it is not done
    (a clerk's "预计2026年11月" in a row 正在推进): the two agree — no completion to judge."""
    return m.status is not Status.DONE and m.status is not None and _PLANNED.match(m.completed_text) is not None


def _says_unfinished(m: Measure) -> bool:
    """A 完成时间 holding a status word that agrees with the row's unfinished status ("未完成",
    "持续推进" beside 正在推进 or 长期坚持): no date was meant."""
    if m.status in (None, Status.DONE) or len(m.completed_text) > 8:
        return False
    said = read_status(m.completed_text).status
    return said is not None and said is not Status.DONE


@rule(
    "bad-completion-date", Severity.WARNING,
    "完成时间填写了内容，但不是可识别的日期。",
    "完成时间“{value}”不是可识别的日期：请填写如“{year}年9月30日”或“{year}-09-30”。",
)
def bad_completion_date(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.completed_text and m.completed_on is None and not is_placeholder(m.completed_text) \
                and not _says_unfinished(m):
            yield r.at(ctx, m, F.COMPLETED)


@rule(
    "deadline-before-feedback", Severity.WARNING,
    "整改时限早于巡察反馈日期（整改不可能在问题反馈前到期）。",
    "整改时限{due}早于反馈日期{feedback}：请核对年份是否填错。",
)
def deadline_before_feedback(r: Rule, ctx: Context) -> Iterator[Finding]:
    info = ctx.ledger.info
    feedback = info.feedback_date  # given to its month only: the month's first day
    if feedback is None:
        return
    said = f"{feedback.year}年{feedback.month}月" if info.feedback_month_only else _fmt(feedback)
    for m, due in _dated(ctx):
        if due < feedback:
            yield r.at(ctx, m, F.DEADLINE, due=_fmt(due), feedback=said)


@rule(
    "deadline-far-ahead", Severity.WARNING,
    "整改时限在巡察反馈日期五年以后（如2026年的台账写成“2062年3月”；基本信息写明反馈日期时才检查）：多为年份填错，"
    "这样的措施永远不会逾期预警；确属长期任务的，请写“长期坚持”或“…前完成并长期坚持”。",
    "整改时限{due}在{anchor}{years}年以后：请核对年份是否填错{hint}。确属长期任务的，请写“长期坚持”"
    "或“…前完成阶段性任务并长期坚持”。",
)
def deadline_far_ahead(r: Rule, ctx: Context) -> Iterator[Finding]:
    start = ctx.ledger.info.feedback_date
    if start is None:
        return  # (the as-of date may be any day: no year of the ledger's own to measure by)
    anchor = f"巡察反馈日期（{_fmt(start)}）"
    for m, due in _dated(ctx):
        if due.year - start.year > _FAR_YEARS:
            yield r.at(ctx, m, F.DEADLINE, due=_fmt(due), anchor=anchor, years=due.year - start.year,
                       hint=_year_slip(due, start))


#: how many years after the feedback a deadline may be before it is taken for a slip of the year
_FAR_YEARS = 5


#: a deadline written with no figure of its date, or with a code (冬季前, 月底前, 本学年, 2026H1)
_RECKONED = re.compile(r"^[^\d]*$|[a-zA-Z]")


#: a 完成时间 giving its month only ("2026年8月", "8月份", "2026.8")
_MONTH_ONLY = re.compile(r"^\s*(?:\d{4}\s*(?:年|[./-])|\d{2}\s*年)?\s*\d{1,2}\s*(?:月份?)?\s*(?P<by>前|之前|以前)?\s*$")


def _done_said(m: Measure) -> str:
    """The 完成时间 as a message quotes it: its month when the clerk gave the month only ("2026年8月"
    — not the month's last day, a day the clerk never wrote); and where it was written, when that
    is the status or the progress, not the 完成时间 column ("2026年5月（整改状态中所写）")."""
    done = m.completed_on
    assert done is not None
    text = m.completed_text.strip()
    if (month := _MONTH_ONLY.match(text)) and not text.isdigit():
        said = f"{done.year}年{done.month}月{'前' if month['by'] else ''}"  # "已完成（2026年3月前）": by then
    else:
        said = _fmt(done)
    where = _completion_field(m)
    return f"{said}（{where}中所写）" if where != F.COMPLETED else said


def _completion_field(m: Measure) -> str:
    """The field a measure's 完成时间 was read from: the 完成时间 column, or — that cell blank — the
    status or the progress that told the day ("已完成（2026年5月）", "2026.10.15已完成"), the cell a
    finding on it points at."""
    raw = m.raw.get(F.COMPLETED)
    if raw is not None and str(raw).strip():
        return F.COMPLETED
    said = "".join(m.completed_text.split())
    if said:
        for field_name in (F.STATUS, F.PROGRESS):
            # (as written: full-width figures and stops, "2026．10．15", are the day read from it)
            if (value := m.raw.get(field_name)) is not None and said in "".join(
                    unicodedata.normalize("NFKC", str(value)).split()):
                return field_name
    return F.COMPLETED


def _reckoned_note(m: Measure, *, bracketed: bool = True) -> str:
    """What a message says of a date rectxl worked out from words ("冬季前", "月底前", "下学期开学前",
    "2026H1"): which words it came from, so that the clerk who wrote none of its figures sees why."""
    text = m.deadline.text.strip()
    if is_extended(m) or m.deadline.kind is not DeadlineKind.DATE or not text or not _RECKONED.search(text):
        return ""
    note = f"按“{shorten(text, 16)}”推算"
    return f"（{note}）" if bracketed else f"，{note}"


def _lunar_note(ctx: Context, m: Measure, *, bracketed: bool = True) -> str:
    """What a message says of a deadline "年前" it read as 春节前: an office may have meant the
    calendar year's end (that of the year the ledger's deadlines take), which the clerk should
    then write."""
    if is_extended(m) or m.deadline.due is None or not says_lunar_year_end(m.deadline.text):
        return ""
    anchor = ctx.ledger.info.deadlines_from or (found[0] if (found := ctx.ledger.info.year_from) else None)
    write = f"“{anchor.year}年12月31日前”" if anchor is not None else "具体日期"
    note = f"“年前”按春节前推算，如指公历年底，请写明{write}"
    return f"（{note}）" if bracketed else f"，{note}"


def _done_in_progress(m: Measure) -> str:
    """With no status filled in, what the progress says when it opens saying the work is done
    ("已完成。印发制度2项"): the clerk may only have left the status blank."""
    if m.status is not None or m.status_text or not m.progress:
        return ""
    opened, _ = split_opening_status(m.progress)
    if opened is not Status.DONE:
        return ""
    return f"（整改进展写着“{opening_clause(m.progress)}”：如确已完成，请把整改状态填为“已完成”）"


#: the parts of a deadline cell, to find a status written beside the date ("2026年9月30日（已完成）")
_DEADLINE_PARTS = re.compile(r"[，,；;。（()）【】\[\]\s]+")


def _done_in_deadline(m: Measure) -> str:
    """With no status filled in, the status the 整改时限 cell writes beside its date ("2026年9月30日
    （已完成）", "9月底前，已整改到位"): the clerk put it in the wrong cell."""
    if m.status is not None or m.status_text or not m.deadline.text:
        return ""
    for part in _DEADLINE_PARTS.split(m.deadline.text):
        if part and not any(ch.isdigit() for ch in part) and read_status(part).status is Status.DONE:
            return f"（整改时限写着“{part}”：如确已完成，请把整改状态填为“已完成”）"
    return ""


def status_quote(m: Measure) -> str:
    """The status as a message quotes it: the cell as typed, or only the status it states when the
    cell goes on with a narrative ("正在推进\n制度已起草…" → 正在推进)."""
    text = m.status_text
    if not text:  # no status cell: the status read from the progress ("正在推进，已起草…"), if any
        if m.status is not None:
            # the progress telling its items one by one ("（1）已整改…（2）整改中…"): which are done
            done = items_done(m.progress) if m.status is not Status.DONE and m.progress else ""
            return f"{m.status}（{done}）" if done else str(m.status)
        # a ledger with no status column: the account was written, it says no status
        return "未填写" if m.cell(F.STATUS) else "未写明"
    if m.status is not None and ("\n" in text or len(text) > 12):
        # "1.已完成\n2.正在推进": the status, and which items are done ("正在推进（第1项已完成）")
        done = items_done(text) if m.status is not Status.DONE else ""
        return f"{m.status}（{done}）" if done else str(m.status)
    if m.status is not None and not m.swapped and (said := read_status(text).status) is not None \
            and said is not m.status:
        # "未销号" beside "整改已见成效": the row reads 基本完成, the cell's words follow in brackets
        return f"{m.status}（{text}）"
    if flag_answer_no(text):
        return f"未完成（{text}）"  # 是否完成: 否 — the mark alone says nothing to whoever reads the message
    return fraction_as_percent(text) or text


def _fmt(d: date | None) -> str:
    return cn_date(d) if d else "（无）"
