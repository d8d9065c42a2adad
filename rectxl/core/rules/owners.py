"""Rules on the 三级责任人: owner unit, lead, handler, and the 责任单位名录."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from rectxl.core import fields as F
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import LedgerSheet, Measure
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, row_of, rule
from rectxl.core.text import is_placeholder
from rectxl.core.units import directory_unit, split_units, unit_key, unit_roles, unit_spellings

__all__ = ["holds_error"]


def holds_error(ctx: Context, m: Measure, field_name: str) -> bool:
    """``m``'s cell of ``field_name`` is an Excel error value (#N/A, #REF!): ``cell-error`` names
    it, and it is not also "not filled in" (one mistake, one finding)."""
    cell = m.cell(field_name)
    return bool(cell) and any(cell in sheet.error_cells for sheet in ctx.sheets
                              if sheet.name == (m.sheet or sheet.name))


def _missing(level: str, field_attr: str) -> Callable[[Rule, Context], Iterator[Finding]]:
    """The rule body for one owner level: every measure whose ``field_attr`` is empty."""

    def check(r: Rule, ctx: Context) -> Iterator[Finding]:
        for sheet in ctx.sheets:
            if level not in sheet.columns and level in ctx.options.required_owners and level != F.OWNER_UNIT:
                yield r.finding(ctx, row=sheet.header_row, field=level, row_hint="表头", value=None,
                                sheet=sheet.name, where="")
        duties = {s.name: s for s in ctx.sheets if s.duties_from}
        empty = [m for m in ctx.measures
                 if (not (value := getattr(m, field_attr)) or is_placeholder(value)) and ctx.has_column(m, level)
                 and level not in m.uncomputed and not holds_error(ctx, m, level)]
        # one empty cell merged down over several measures is one cell to fill: one finding, naming its rows
        sharing: dict[tuple[str, str], list[int]] = {}
        for m in empty:
            if cell := m.cell(level):
                sharing.setdefault((m.sheet or "", cell), []).append(m.row)
        for m in empty:
            cell = m.cell(level)
            rows = sharing.get((m.sheet or "", cell), []) if cell else []
            if len(rows) > 1:
                if m.row != rows[0]:
                    continue
                hint = f"第{'、'.join(str(n) for n in rows)}行（共用合并单元格{cell}）"
            else:
                # the row of the cell to fill: a form's (项目 | 内容) field row, not its block's first
                hint = f"第{row_of(cell) or m.row}行"
            yield r.at(ctx, m, level, row_hint=hint, where=_where_duties(duties, m, level))
        if level == F.OWNER_UNIT:
            # a sheet whose 责任人 cells name the unit before the person ("党政办 刘洋"): a row naming
            # only a person or a post ("宣传干事 吴凡") names no unit — pointed at in its 责任人 cell
            by_person = {s.name for s in ctx.sheets if s.unit_from_person}
            for m in ctx.measures:
                if (m.sheet or "") in by_person and not m.owner_unit and m.owner_person:
                    yield r.at(ctx, m, F.OWNER_PERSON, row_hint=f"第{m.row}行",
                               where="在责任人单元格中按“单位 姓名”（如“党政办 刘洋”，与其他行一样）")

    return check


def _where_duties(duties: dict[str, LedgerSheet], m: Measure, level: str) -> str:
    """Where the clerk fills a cell that was read from a 责任清单 on a sheet of its own (joined by
    任务编号): in that sheet's row of the task — or a row to add, when it does not list the task.
    "" for a cell of the measure's own sheet."""
    sheet = duties.get(m.sheet or "")
    if sheet is None or m.cell(level) or sheet.duties_from is None:
        return ""
    code = sheet.task_codes.get(m.row, "")
    if m.row in sheet.unlisted_tasks:
        return f"在“{sheet.duties_from}”中补上任务“{code}”（该表中没有这项任务）并"
    return f"在“{sheet.duties_from}”任务“{code}”一行中"


rule(
    "missing-owner-unit", Severity.ERROR,
    "整改措施没有填写责任单位。",
    "{row_hint}未填写责任单位：请{where}填写牵头负责的科室或单位（多个单位用“、”分隔）。",
)(_missing(F.OWNER_UNIT, "owner_unit"))

rule(
    "missing-lead", Severity.WARNING,
    "有责任领导列，但该措施的责任领导为空。",
    "{row_hint}未填写责任领导：请{where}填写分管该项整改的领导。",
)(_missing(F.LEAD, "lead"))

rule(
    "missing-owner-person", Severity.WARNING,
    "有责任人列，但该措施的责任人为空。",
    "{row_hint}未填写责任人：请{where}填写具体经办人。",
)(_missing(F.OWNER_PERSON, "owner_person"))


@rule(
    "unknown-owner-unit", Severity.WARNING,
    "责任单位不在“责任单位名录”中（仅当工作簿有该表时检查）。",
    "责任单位“{unit}”不在责任单位名录中：{advice}",
)
def unknown_owner_unit(r: Rule, ctx: Context) -> Iterator[Finding]:
    directory = ctx.ledger.owner_units
    if directory is None:
        return
    known = {unit_key(u) for u in directory}
    for m in ctx.measures:
        # the units that lead: a co-operating unit from outside ("县财政局配合") is no unit of the
        # 名录's to be written otherwise
        for unit, role in unit_roles(m.owner_unit):
            if role == "lead" and unit_key(unit) not in known:
                # "马院" for the 名录's 马克思主义学院, "县纪委" for 县纪委监委: which entry it stands for
                entry = directory_unit(unit, directory)
                advice = (f"应是名录中的“{entry}”（简称或另一种写法），按单位统计已计入该单位：请改为规范名称"
                          f"“{entry}”。" if entry else "请改为名录中的规范名称，或先把它加入名录。")
                yield r.at(ctx, m, F.OWNER_UNIT, unit=unit, advice=advice)


@rule(
    "owner-unit-variant", Severity.WARNING,
    "同一个责任单位有两种写法（空格、全半角、括号不同，或简称与全称，如“耕保股”与“耕地保护股”）。",
    "责任单位“{unit}”与“{canonical}”（第{rows}行）应是同一单位：请统一写作一种，否则按单位统计会分成两家。",
)
def owner_unit_variant(r: Rule, ctx: Context) -> Iterator[Finding]:
    measures = ctx.measures
    counts: Counter[str] = Counter()
    rows: dict[str, list[int]] = defaultdict(list)
    for m in measures:
        for unit in split_units(m.owner_unit):
            counts[unit] += 1
            rows[unit].append(m.row)
    directory = list(ctx.ledger.owner_units or ())
    listed = {unit_key(u) for u in directory}
    canonical = unit_spellings(counts, keep=directory)
    if not canonical:
        return
    where: dict[str, str] = {}  # canonical spelling → its first rows, as the message quotes them
    for m in measures:
        for unit in split_units(m.owner_unit):
            best = canonical.get(unit)
            if best is not None and best in counts and not (
                    listed and unit_key(unit) not in listed and unit_key(best) in listed):
                # (a spelling the 名录 does not list, for one it does: unknown-owner-unit names it)
                if best not in where:
                    where[best] = "、".join(str(n) for n in sorted(set(rows[best]))[:5])
                yield r.at(ctx, m, F.OWNER_UNIT, unit=unit, canonical=best, rows=where[best])
