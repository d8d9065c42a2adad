"""Rules on extensions on record (申请延期, DESIGN.md §1.4) and on the warning thresholds.

An extension keeps the original deadline beside the extended one (:mod:`rectxl.core.extension`):
in the 整改时限 cell ("原定…，延期至…") or in a 延期时限 column. Checks:

- ``extended-after-deadline``: the extension was applied for or approved after the deadline then
  in force had passed — only when the ledger says when (a grant date in the cell or a
  延期批准日期 column); rectxl does not guess it;
- ``extended-more-than-once``: "延期至…，再次延期至…", or two dates in the 延期时限 column;
- ``extension-overdue``: not finished by the extended deadline either (these rows are reported
  here instead of under ``overdue``, naming both deadlines);
- ``bad-extension``: a 延期时限 cell that names no date, or one no later than the deadline it
  extends (the measure is then judged against its original deadline).

``bad-warn-days``: 基本信息 预警天数 that cannot be read (one or two numbers: "20,10").
"""

from __future__ import annotations

from collections.abc import Iterator

from rectxl.core import fields as F
from rectxl.core.extension import Extension, extension_of, may_be_extended
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Measure
from rectxl.core.names import INFO_SHEET
from rectxl.core.rules.context import Context
from rectxl.core.rules.deadlines import status_quote
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.text import cn_date
from rectxl.core.timing import info_warn_days, is_extended, is_overdue

__all__: list[str] = []


def _extensions(ctx: Context) -> list[tuple[Measure, Extension]]:
    """Every measure with an extension on record (listed once for the four rules)."""
    found = ctx.cache.get("extensions")
    if found is None:
        feedback = ctx.ledger.info.deadlines_from
        found = ctx.cache["extensions"] = [
            (m, ext) for m in ctx.measures
            if (m.deadline.extended or may_be_extended(m)) and (ext := extension_of(m, feedback)) is not None
        ]
    return found  # type: ignore[return-value]


def _field(m: Measure, ext: Extension) -> str:
    """The cell an extension finding points at: the 延期时限 cell when the column records it, the
    备注, status or progress cell when only that cell does."""
    if F.EXTENSION in ext.source and F.EXTENSION in m.cells:
        return F.EXTENSION
    return ext.source if ext.source in (F.REMARK, F.STATUS, F.PROGRESS) and ext.source in m.cells else F.DEADLINE


@rule(
    "extended-after-deadline", Severity.WARNING,
    "延期是在原整改时限已过之后才申请或批准的（仅当台账写明延期申请或批准日期时检查）。",
    "延期于{granted}申请（批准），晚于当时的整改时限{before}：延期应在整改时限届满前申请，"
    "请说明逾期后才申请延期的原因，并由整改办审核。",
)
def extended_after_deadline(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, ext in _extensions(ctx):
        for granted, before in ext.granted_late():
            field = F.EXTENSION_GRANTED if F.EXTENSION_GRANTED in m.extra else _field(m, ext)
            yield r.at(ctx, m, field, granted=cn_date(granted), before=cn_date(before))
            break


@rule(
    "extended-more-than-once", Severity.WARNING,
    "整改时限延期了不止一次。",
    "整改时限已延期{times}次（{chain}）：多次延期的请说明原因，由整改办严格审核，防止以延期代替整改。",
)
def extended_more_than_once(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, ext in _extensions(ctx):
        if ext.times > 1:
            chain = "→".join(cn_date(d) for d in ((ext.original_due,) if ext.original_due else ()) + ext.dues)
            yield r.at(ctx, m, _field(m, ext), times=ext.times, chain=chain)


@rule(
    "extension-overdue", Severity.ERROR,
    "延期后的整改时限也已过，仍未完成。",
    "【红色预警】延期后仍逾期：{original}延期至{due}，截至{as_of}状态仍为“{status}”。请立即完成整改，"
    "不得以再次延期代替整改。",
)
def extension_overdue(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, ext in _extensions(ctx):
        if ext.due is not None and is_overdue(m, ctx.as_of) and is_extended(m):
            # (an extension only applied for is none: overdue names the deadline in force)
            original = f"原定{cn_date(ext.original_due)}，" if ext.original_due else ""
            yield r.at(ctx, m, _field(m, ext), original=original, due=cn_date(ext.due),
                       as_of=cn_date(ctx.as_of), status=status_quote(m))


@rule(
    "bad-extension", Severity.WARNING,
    "延期时限无法识别为日期，或不晚于原整改时限（此时仍按原整改时限判断）。",
    "延期时限“{value}”{reason}：请填写延期后的具体日期（如“{year}年12月31日”），未延期的请留空；"
    "在改正之前，仍按原整改时限判断是否逾期。",
)
def bad_extension(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, ext in _extensions(ctx):
        if ext.problem is not None and F.EXTENSION in m.cells:
            yield r.at(ctx, m, F.EXTENSION, reason=ext.problem)


@rule(
    "bad-warn-days", Severity.WARNING,
    "基本信息中的预警天数无法识别（应为一个或两个天数，如“20,10”）。",
    "基本信息中的预警天数“{value}”无法识别：请写一个或两个天数，如“20,10”（到期前20天黄色预警、10天橙色"
    "预警）；现按{used}预警。",
)
def bad_warn_days(r: Rule, ctx: Context) -> Iterator[Finding]:
    found, text = info_warn_days(ctx.ledger.info)
    if text is not None and found is None:
        used = "、".join(f"{d}天" for d in ctx.warn_days)
        yield r.finding(ctx, sheet=INFO_SHEET, value=text, used=used)
