"""What a rule sees: the ledger, the options, and facts the I/O edge gathered for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pydantic import BaseModel, Field

from rectxl.core import fields as F
from rectxl.core.findings import Severity
from rectxl.core.model import Issue, Ledger, LedgerSheet, Measure
from rectxl.core.timing import resolve_warn_days

__all__ = ["OWNER_LEVELS", "Context", "Options"]

#: owner level → (field, the rule that reports it missing)
OWNER_LEVELS = {
    F.OWNER_UNIT: "missing-owner-unit",
    F.LEAD: "missing-lead",
    F.OWNER_PERSON: "missing-owner-person",
}


class Options(BaseModel):
    """Validation options (the CLI's flags and the Excel buttons map onto these)."""

    as_of: date | None = Field(None, description="as-of date; default 报告日期，else today")
    due_soon_days: int = Field(15, ge=0, description="window of the due-soon warning, in days")
    warn_days: tuple[int, ...] | None = Field(
        None, description="graded warning thresholds, e.g. (20, 10): 黄 within 20 days, 橙 within 10; "
                          "None = 基本信息 预警天数, else due_soon_days alone")
    accept_days: int = Field(30, ge=0, description="days a finished measure may wait for acceptance (验收)")
    required_owners: frozenset[str] = Field(
        frozenset({F.OWNER_UNIT}),
        description="owner levels （责任单位/责任领导/责任人） whose absence is an error, not a warning",
    )
    column_map: tuple[str, ...] = Field(
        (), description="the ledger's own header words mapped to rectxl's columns：原列名=标准列名")
    select: frozenset[str] | None = Field(None, description="only run these codes")
    ignore: frozenset[str] = Field(frozenset(), description="skip these codes")


@dataclass
class Context:
    """Everything a rule may look at. Pure: no file or Excel access happens through it."""

    ledger: Ledger
    options: Options
    as_of: date
    #: names of files beside the workbook (lower-cased), ``None`` when not known (e.g. in Excel)
    sibling_files: frozenset[str] | None = None
    cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def measures(self) -> list[Measure]:
        """The ledger's measures in order, listed once (most rules walk all of them)."""
        return list(self.ledger.measures())

    @cached_property
    def sheets(self) -> list[LedgerSheet]:
        """The sheets the ledger was read from (one made of the ledger's own fields when it was
        not read from a workbook, e.g. a parsed notice)."""
        if self.ledger.sheets:
            return self.ledger.sheets
        led = self.ledger
        return [LedgerSheet(name=led.sheet, header_row=led.header_row, columns=led.columns,
                            duplicate_columns=led.duplicate_columns)]

    def has_column(self, m: Measure, field_name: str) -> bool:
        """``m``'s sheet has a column for ``field_name`` (ledgers over several sheets may differ)."""
        return field_name in m.cells if m.cells else field_name in self.ledger.columns

    @cached_property
    def warn_days(self) -> tuple[int, ...]:
        """The warning thresholds in force, largest first (options, else 基本信息 预警天数, else
        the due-soon window alone)."""
        return resolve_warn_days(self.ledger.info, self.options.warn_days, self.options.due_soon_days)

    @cached_property
    def issues(self) -> list[Issue]:
        """The ledger's issues in order, listed once."""
        return list(self.ledger.issues())

    def severity_for(self, code: str, severity: Severity) -> Severity:
        """A rule's severity, raised to error for owner levels the options require."""
        for level, owner_code in OWNER_LEVELS.items():
            if code == owner_code and level in self.options.required_owners:
                return Severity.ERROR
        return severity
