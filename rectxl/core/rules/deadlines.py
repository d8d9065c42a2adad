"""Rules on 整改时限 and 完成时间: missing, unreadable, overdue, due soon, completed late."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Measure
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.status import Status
from rectxl.core.text import cn_date
from rectxl.core.timing import effective_due, is_open, is_overdue

__all__: list[str] = []


def _dated(ctx: Context) -> list[tuple[Measure, date]]:
    """Every measure with a due date, and that date (four rules need them: listed once)."""
    dated = ctx.cache.get("dated")
    if dated is None:
        dated = ctx.cache["dated"] = [(m, due) for m in ctx.measures if (due := effective_due(m)) is not None]
    return dated  # type: ignore[return-value]


@rule(
    "missing-deadline", Severity.ERROR,
    "整改措施没有填写整改时限。",
    "第{row}行未填写整改时限:请填写具体日期(如“2023年9月30日前”)、“立行立改”或“长期坚持”。",
)
def missing_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    if F.DEADLINE not in ctx.ledger.columns:
        return
    for m in ctx.measures:
        if m.deadline.kind is DeadlineKind.EMPTY:
            yield r.at(ctx, m, F.DEADLINE)


@rule(
    "bad-deadline", Severity.ERROR,
    "整改时限无法识别为日期、立行立改或长期坚持。",
    "整改时限“{value}”无法识别({reason}):请改为“2023年9月30日”“2023年9月底前”“立行立改”或“长期坚持”等写法。",
)
def bad_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.deadline.kind is DeadlineKind.INVALID:
            yield r.at(ctx, m, F.DEADLINE, reason=m.deadline.reason or "格式不符")


@rule(
    "overdue", Severity.ERROR,
    "已过整改时限(或立行立改)但尚未完成。",
    "已逾期:整改时限为{due},截至{as_of}状态仍为“{status}”。请尽快完成整改并更新状态,确需延期的请履行延期手续并写明“延期至…”。",
)
def overdue(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if is_overdue(m, ctx.as_of):
            due = "立行立改" if m.deadline.kind is DeadlineKind.IMMEDIATE else _fmt(m.deadline.due)
            yield r.at(ctx, m, F.DEADLINE, due=due, as_of=_fmt(ctx.as_of),
                       status=m.status_text or "未填写")


@rule(
    "due-today", Severity.WARNING,
    "今天(截止日期)到期但尚未完成。",
    "今天({due})到期,状态为“{status}”:请今天内完成并更新状态,或履行延期手续。",
)
def due_today(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, due in _dated(ctx):
        if due == ctx.as_of and is_open(m):
            yield r.at(ctx, m, F.DEADLINE, due=_fmt(ctx.as_of), status=m.status_text or "未填写")


@rule(
    "due-soon", Severity.WARNING,
    "距整改时限不足 N 天(默认 15 天,可配置)且尚未完成。",
    "还有{days}天到期(整改时限{due}):请抓紧推进,按期完成。",
)
def due_soon(r: Rule, ctx: Context) -> Iterator[Finding]:
    window = ctx.options.due_soon_days
    for m, due in _dated(ctx):
        if 0 < (due - ctx.as_of).days <= window and is_open(m):
            yield r.at(ctx, m, F.DEADLINE, days=(due - ctx.as_of).days, due=_fmt(due))


@rule(
    "completed-late", Severity.INFO,
    "完成时间晚于整改时限。",
    "完成时间{done}晚于整改时限{due}:如经批准延期,请在整改时限中注明“延期至…”。",
)
def completed_late(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, due in _dated(ctx):
        if m.completed_on is not None and m.completed_on > due:
            yield r.at(ctx, m, F.COMPLETED, done=_fmt(m.completed_on), due=_fmt(due))


@rule(
    "completion-in-future", Severity.ERROR,
    "完成时间晚于截至日期(还没到的日子不能已完成)。",
    "完成时间{done}晚于截至日期{as_of}:请核对完成时间是否填错。",
)
def completion_in_future(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.completed_on is not None and m.completed_on > ctx.as_of:
            yield r.at(ctx, m, F.COMPLETED, done=_fmt(m.completed_on), as_of=_fmt(ctx.as_of))


@rule(
    "missing-completion-date", Severity.WARNING,
    "状态为已完成,但完成时间为空(仅当有完成时间列时检查)。",
    "第{row}行状态为已完成,但未填写完成时间:请补填实际完成日期。",
)
def missing_completion_date(r: Rule, ctx: Context) -> Iterator[Finding]:
    if F.COMPLETED not in ctx.ledger.columns:
        return
    for m in ctx.measures:
        if m.status is Status.DONE and not m.completed_text:
            yield r.at(ctx, m, F.COMPLETED)


@rule(
    "bad-completion-date", Severity.WARNING,
    "完成时间填写了内容,但不是可识别的日期。",
    "完成时间“{value}”不是可识别的日期:请填写如“2023年9月30日”或“2023-09-30”。",
)
def bad_completion_date(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.completed_text and m.completed_on is None:
            yield r.at(ctx, m, F.COMPLETED)


@rule(
    "deadline-before-feedback", Severity.WARNING,
    "整改时限早于巡察反馈日期(整改不可能在问题反馈前到期)。",
    "整改时限{due}早于反馈日期{feedback}:请核对年份是否填错。",
)
def deadline_before_feedback(r: Rule, ctx: Context) -> Iterator[Finding]:
    feedback = ctx.ledger.info.feedback_date
    if feedback is None:
        return
    for m, due in _dated(ctx):
        if due < feedback:
            yield r.at(ctx, m, F.DEADLINE, due=_fmt(due), feedback=_fmt(feedback))


def _fmt(d: date | None) -> str:
    return cn_date(d) if d else "(无)"
