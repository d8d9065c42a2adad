"""What a rule sees: the ledger, the options, and facts the I/O edge gathered for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pydantic import BaseModel, Field

from rectxl.core import fields as F
from rectxl.core.findings import Severity
from rectxl.core.model import Issue, Ledger, Measure

__all__ = ["OWNER_LEVELS", "Context", "Options"]

#: owner level → (field, the rule that reports it missing)
OWNER_LEVELS = {
    F.OWNER_UNIT: "missing-owner-unit",
    F.LEAD: "missing-lead",
    F.OWNER_PERSON: "missing-owner-person",
}


class Options(BaseModel):
    """Validation options (the CLI's flags and the Excel buttons map onto these)."""

    as_of: date | None = Field(None, description="as-of date; default 报告日期, else today")
    due_soon_days: int = Field(15, ge=0, description="window of the due-soon warning, in days")
    required_owners: frozenset[str] = Field(
        frozenset({F.OWNER_UNIT}),
        description="owner levels (责任单位/责任领导/责任人) whose absence is an error, not a warning",
    )
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
    def issues(self) -> list[Issue]:
        """The ledger's issues in order, listed once."""
        return list(self.ledger.issues())

    def severity_for(self, code: str, severity: Severity) -> Severity:
        """A rule's severity, raised to error for owner levels the options require."""
        for level, owner_code in OWNER_LEVELS.items():
            if code == owner_code and level in self.options.required_owners:
                return Severity.ERROR
        return severity
