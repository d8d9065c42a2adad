"""Rules on acceptance and closure (验收 → 销号, DESIGN.md §1.5): a finished measure is accepted by
someone other than its owner, on the evidence, and only then closed.

What an auditor checks, and how rectxl decides:

- accepted or closed without evidence (``closed-without-evidence``, error) — when the ledger has
  a 佐证材料 column (as ``missing-evidence``, which it replaces for these rows);
- accepted or closed without who accepted it (``closed-without-acceptor``) — only when the ledger
  has a 验收人 column. A ledger without one records acceptance elsewhere (a 销号审批表 among the
  evidence, the 督导组's "同意销号" in a remark), or not at all by its own form: that is the
  office's form to change, not a fault of each closed row, so nothing is reported for it;
- accepted by the owner itself (``accepted-by-owner``): 验收人 names the 责任人 or the 责任单位;
- dates out of order: accepted or closed before the work was completed
  (``closed-before-completion``), closed before it was accepted (``closed-before-acceptance``),
  a date after the as-of date (``closure-date-in-future``), a date that is not a date
  (``bad-closure-date``), a date on a measure that is not finished (``closure-date-unfinished``),
  and a 是否验收/是否销号 of 是 on one (``closure-flag-unfinished``);
- finished long ago and still not accepted (``awaiting-acceptance``, info): only in ledgers that
  track closure (a 验收人/验收日期/销号日期 column, or a status that names a closure stage), and
  only when the 完成时间 says how long ago; the number of days is an option (default 30).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rectxl.core import fields as F
from rectxl.core.closure import CLOSURE_FIELDS, FLAG_FIELDS, closure_date, closure_flag, closure_stage
from rectxl.core.deadline import earliest_day
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Measure
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.status import Stage, Status
from rectxl.core.text import cn_date, is_placeholder
from rectxl.core.units import split_units, unit_key

__all__: list[str] = []

_DATE_FIELDS = {F.ACCEPTED: "验收日期", F.CLOSED: "销号日期"}
_STAGE_WORDS = {Stage.ACCEPTED: "验收", Stage.CLOSED: "销号"}


def _accepted_or_closed(m: Measure) -> Stage | None:
    stage = closure_stage(m)
    return stage if stage in (Stage.ACCEPTED, Stage.CLOSED) else None


def _dates(ctx: Context) -> list[tuple[Measure, str, date | None, str]]:
    """Every filled 验收日期 / 销号日期 cell: (measure, field, the date or None, the text); a cell
    saying there is nothing to write ("——", "/", "无") on unfinished work is as blank."""
    found = ctx.cache.get("closure-dates")
    if found is None:
        found = ctx.cache["closure-dates"] = [
            (m, f, *closure_date(m, f)) for m in ctx.with_extra for f in _DATE_FIELDS
            # "——", "/" under a measure still going on: no day to write yet (on finished work, a
            # day left out is asked for)
            if f in m.extra and not (m.status is not Status.DONE and is_placeholder(m.extra[f]))
        ]
    return found  # type: ignore[return-value]


@rule(
    "closed-without-evidence", Severity.ERROR,
    "已验收或已销号，但佐证材料为空（仅当有佐证材料列时检查）。",
    "第{row}行已{stage}，但未列出佐证材料：验收、销号应以佐证材料为依据，请补充佐证材料（会议纪要、"
    "制度文件、照片等），或撤回{stage}。",
)
def closed_without_evidence(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.done:  # only 已完成 has a closure stage
        stage = _accepted_or_closed(m)
        if stage is not None and (not m.evidence or is_placeholder(m.evidence)) and ctx.has_column(m, F.EVIDENCE):
            yield r.at(ctx, m, F.EVIDENCE, stage=_STAGE_WORDS[stage])


@rule(
    "closed-without-acceptor", Severity.WARNING,
    "已验收或已销号，但验收人为空（仅当有验收人列时检查）。",
    "第{row}行已{stage}，但未填写验收人：请填写验收人（应为责任单位以外的人员，如分管领导、整改办或"
    "纪检监察人员）。",
)
def closed_without_acceptor(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.done:  # only 已完成 has a closure stage
        stage = _accepted_or_closed(m)
        if stage is not None and ctx.has_column(m, F.ACCEPTOR) and not m.extra.get(F.ACCEPTOR):
            yield r.at(ctx, m, F.ACCEPTOR, stage=_STAGE_WORDS[stage])


@rule(
    "accepted-by-owner", Severity.WARNING,
    "验收人就是该措施的责任人或责任单位（应由责任单位以外的人员验收）。",
    "验收人“{value}”与{who}“{name}”相同：验收应由责任单位以外的人员进行，请核实验收人。",
)
def accepted_by_owner(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.with_extra:
        acceptor = m.extra.get(F.ACCEPTOR)
        if not acceptor:
            continue
        names = split_units(acceptor)
        for who, owner in (("责任人", m.owner_person), ("责任单位", m.owner_unit)):
            keys = {unit_key(o) for o in split_units(owner)}
            same = [n for n in names if unit_key(n) in keys]
            if same:
                yield r.at(ctx, m, F.ACCEPTOR, who=who, name="、".join(same))
                break


@rule(
    "closed-before-completion", Severity.ERROR,
    "验收日期或销号日期早于完成时间（应先完成、再验收、后销号）。",
    "{what}{on}早于完成时间{done}：措施应先完成、再验收、后销号，请核对日期。",
)
def closed_before_completion(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, field, on, _ in _dates(ctx):
        if on is not None and m.completed_on is not None and on < m.completed_on and on < earliest_day(
                m.completed_text, m.completed_on):
            yield r.at(ctx, m, field, what=_DATE_FIELDS[field], on=cn_date(on), done=cn_date(m.completed_on))


@rule(
    "closed-before-acceptance", Severity.ERROR,
    "销号日期早于验收日期（应先验收后销号）。",
    "销号日期{closed}早于验收日期{accepted}：应先验收、后销号，请核对日期。",
)
def closed_before_acceptance(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.with_extra:
        if F.CLOSED not in m.extra or F.ACCEPTED not in m.extra:
            continue
        closed, _ = closure_date(m, F.CLOSED)
        accepted, _ = closure_date(m, F.ACCEPTED)
        if closed is not None and accepted is not None and closed < accepted:
            yield r.at(ctx, m, F.CLOSED, closed=cn_date(closed), accepted=cn_date(accepted))


@rule(
    "closure-date-in-future", Severity.ERROR,
    "验收日期或销号日期晚于截至日期。",
    "{what}{on}晚于截至日期{as_of}：还没到的日子不能已验收或已销号，请核对日期是否填错。",
)
def closure_date_in_future(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, field, on, _ in _dates(ctx):
        if on is not None and on > ctx.as_of:
            yield r.at(ctx, m, field, what=_DATE_FIELDS[field], on=cn_date(on), as_of=cn_date(ctx.as_of))


@rule(
    "bad-closure-date", Severity.WARNING,
    "验收日期或销号日期填写了内容，但不是可识别的日期。",
    "{what}“{value}”不是可识别的日期：请填写如“{year}年9月30日”或“{year}-09-30”；尚未{verb}的请留空。",
)
def bad_closure_date(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, field, on, _ in _dates(ctx):
        if on is None:
            yield r.at(ctx, m, field, what=_DATE_FIELDS[field], verb=_DATE_FIELDS[field][:2])


@rule(
    "closure-date-unfinished", Severity.WARNING,
    "填写了验收日期或销号日期，但整改状态不是已完成。",
    "第{row}行填写了{what}“{value}”，但状态为“{status}”：未完成的措施不能验收、销号，请核对整改状态，"
    "或删除该日期。",
)
def closure_date_unfinished(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m, field, on, _ in _dates(ctx):
        if on is not None and m.status in (Status.IN_PROGRESS, Status.NOT_STARTED, Status.MOSTLY_DONE):
            yield r.at(ctx, m, field, what=_DATE_FIELDS[field], status=m.status_text)


@rule(
    "closure-flag-unfinished", Severity.WARNING,
    "“是否验收”或“是否销号”填了“是”，但整改状态不是已完成。",
    "第{row}行的“{what}”为“{value}”，但状态为“{status}”：未完成的措施不能验收、销号，请核对整改状态，"
    "或把“{what}”改为“否”。",
)
def closure_flag_unfinished(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.with_extra:
        if m.status not in (Status.IN_PROGRESS, Status.NOT_STARTED, Status.MOSTLY_DONE):
            continue
        for field in FLAG_FIELDS:
            if field in m.extra and closure_flag(m, field):
                yield r.at(ctx, m, field, what=field, status=m.status_text)
                break


def _tracks_closure(ctx: Context) -> bool:
    """The ledger records acceptance or closure (a column for it, or a status naming a stage)."""
    if any(f in s.columns for s in ctx.sheets for f in CLOSURE_FIELDS):
        return True
    return any(m.stage for m in ctx.measures)


@rule(
    "awaiting-acceptance", Severity.INFO,
    "已完成超过 N 天（默认 30 天，可配置）仍未验收（仅在记录验收、销号的台账中提示）。",
    "已完成{days}天（完成时间{done}）仍未验收：请及时组织验收、销号（超过{limit}天即提示）。",
)
def awaiting_acceptance(r: Rule, ctx: Context) -> Iterator[Finding]:
    if not _tracks_closure(ctx):
        return
    limit = ctx.options.accept_days
    for m in ctx.done:
        if m.completed_on is None or _accepted_or_closed(m) is not None:
            continue
        days = (ctx.as_of - m.completed_on).days
        if days > limit:
            field = F.ACCEPTED if ctx.has_column(m, F.ACCEPTED) else F.STATUS
            yield r.at(ctx, m, field, days=days, done=cn_date(m.completed_on), limit=limit)
