"""The rule registry: one rule = one code, one severity, one description, one small function.

A rule is a generator over a :class:`~rectxl.core.rules.context.Context` yielding findings; the
registry is keyed by code (frictionless-style checks) and validation collects every finding
before reporting (pandera-style lazy validation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rectxl.core.findings import Finding, Severity, json_value
from rectxl.core.text import cn_date, normalize_text, shorten

if TYPE_CHECKING:
    from rectxl.core.model import Measure
    from rectxl.core.rules.context import Context

__all__ = ["RULES", "Rule", "row_of", "rule"]

RuleFunc = Callable[["Rule", "Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered check. ``template`` is a ``str.format`` template for the Chinese message."""

    code: str
    severity: Severity
    description: str
    template: str
    func: RuleFunc

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from self.func(self, ctx)

    def finding(
        self,
        ctx: Context,
        *,
        row: int | None = None,
        cell: str | None = None,
        field: str | None = None,
        value: Any = None,
        severity: Severity | None = None,
        sheet: str | None = None,
        quoted: Any = None,
        **params: Any,
    ) -> Finding:
        """Build a finding for this rule with its message rendered from the template; ``sheet``
        defaults to the (first) ledger sheet; ``quoted``, when given, is the value as the message
        quotes it (a date cell as the clerk reads it, where ``value`` keeps its ISO form)."""
        sheet = sheet or ctx.ledger.sheet
        return Finding(
            code=self.code,
            severity=severity or ctx.severity_for(self.code, self.severity),
            message=self.template.format(value=_short(value if quoted is None else quoted), field=field, cell=cell,
                                         row=row, sheet=sheet,
                                         year=ctx.as_of.year, **params),
            sheet=sheet,
            cell=cell,
            row=row,
            field=field,
            value=value,
        )

    def at(self, ctx: Context, measure: Measure, field: str, **params: Any) -> Finding:
        """A finding at ``measure``'s cell for ``field``, its value as read."""
        cell = measure.cell(field)
        raw = measure.raw.get(field)
        return self.finding(
            ctx,
            row=row_of(cell) or measure.row,
            cell=cell,
            field=field,
            value=json_value(raw),
            sheet=measure.sheet or None,
            quoted=cn_date(raw) if isinstance(raw, date) else None,  # a date cell: 2026年7月15日, not 2026-07-15
            **params,
        )


def row_of(cell: str | None) -> int | None:
    if not cell:
        return None
    number = cell.lstrip(_LETTERS)  # an A1 reference: column letters, then the row
    if number.isascii() and number.isdigit():
        return int(number)
    digits = "".join(ch for ch in cell if ch.isdigit())
    return int(digits) if digits else None


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _short(value: Any, limit: int = 60) -> Any:
    """A value as quoted in a message: long text is cut (the finding keeps it whole); a TRUE/FALSE
    cell or a number as Excel shows it (``TRUE``, ``3`` for 3.0)."""
    if isinstance(value, bool | float):
        value = normalize_text(value)
    return shorten(value, limit) if isinstance(value, str) else value




#: code → rule, in the catalogue's order
RULES: dict[str, Rule] = {}


def rule(code: str, severity: Severity, description: str, template: str) -> Callable[[RuleFunc], Rule]:
    """Register the decorated function as the rule for ``code``."""

    def register(func: RuleFunc) -> Rule:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code!r}")
        RULES[code] = Rule(code, severity, description, template, func)
        return RULES[code]

    return register
