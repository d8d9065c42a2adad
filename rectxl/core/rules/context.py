"""What a rule sees: the ledger, the options, and facts the I/O edge gathered for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from rectxl.core import fields as F
from rectxl.core.errors import RectxlError
from rectxl.core.findings import Severity
from rectxl.core.model import Issue, Ledger, LedgerSheet, Measure
from rectxl.core.status import Status
from rectxl.core.timing import resolve_warn_days

__all__ = ["OWNER_LEVELS", "Context", "Options", "SiblingFiles"]

#: the files beside a workbook: their names, a function that lists them, or unknown (``None``)
SiblingFiles = frozenset[str] | Callable[[], frozenset[str]] | None

#: owner level → (field, the rule that reports it missing)
OWNER_LEVELS = {
    F.OWNER_UNIT: "missing-owner-unit",
    F.LEAD: "missing-lead",
    F.OWNER_PERSON: "missing-owner-person",
}


@dataclass(frozen=True, slots=True)
class Options:
    """Validation options (the CLI's flags and the Excel buttons map onto these).

    A plain frozen record checked on construction (a wrong value is a :class:`RectxlError` with a
    Chinese message): ``rectxl check`` does not import pydantic, whose import alone costs several
    times a small ledger's bare read.
    """

    #: as-of date; default 报告日期，else today
    as_of: date | None = None
    #: window of the due-soon warning, in days
    due_soon_days: int = 15
    #: graded warning thresholds, e.g. (20, 10): 黄 within 20 days, 橙 within 10;
    #: None = 基本信息 预警天数, else due_soon_days alone
    warn_days: tuple[int, ...] | None = None
    #: days a finished measure may wait for acceptance (验收)
    accept_days: int = 30
    #: owner levels （责任单位/责任领导/责任人） whose absence is an error, not a warning
    required_owners: frozenset[str] = frozenset({F.OWNER_UNIT})
    #: the ledger's own header words mapped to rectxl's columns：原列名=标准列名
    column_map: tuple[str, ...] = ()
    #: only run these codes
    select: frozenset[str] | None = None
    #: skip these codes
    ignore: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.as_of is not None and not isinstance(self.as_of, date):
            raise RectxlError(f"截至日期应为日期，而不是“{self.as_of}”")
        for name, label in (("due_soon_days", "临期预警天数"), ("accept_days", "验收期限天数")):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise RectxlError(f"{label}应为不小于 0 的整数，而不是“{value}”")
        if self.warn_days is not None:
            days = tuple(self.warn_days)
            if any(isinstance(d, bool) or not isinstance(d, int) or d < 0 for d in days):
                raise RectxlError(f"预警天数应为不小于 0 的整数，而不是“{'、'.join(map(str, days))}”")
            object.__setattr__(self, "warn_days", days)
        object.__setattr__(self, "required_owners", frozenset(self.required_owners))
        object.__setattr__(self, "column_map", tuple(self.column_map))
        object.__setattr__(self, "ignore", frozenset(self.ignore))
        if self.select is not None:
            object.__setattr__(self, "select", frozenset(self.select))


@dataclass
class Context:
    """Everything a rule may look at. Pure: no file or Excel access happens through it."""

    ledger: Ledger
    options: Options
    as_of: date
    #: names of files beside the workbook (lower-cased), or the edge's function listing them when
    #: a rule first needs them (a folder of thousands of files is not walked for nothing);
    #: ``None`` when not known (e.g. in Excel)
    sibling_files: SiblingFiles = None
    cache: dict[str, object] = field(default_factory=dict)

    def files_beside(self) -> frozenset[str] | None:
        """:attr:`sibling_files`, listed now if they were given as a function."""
        if callable(self.sibling_files):
            self.sibling_files = self.sibling_files()
        return self.sibling_files

    @cached_property
    def measures(self) -> list[Measure]:
        """The ledger's measures in order, listed once (most rules walk all of them)."""
        return list(self.ledger.measures())

    @cached_property
    def done(self) -> list[Measure]:
        """The measures marked 已完成, in order (the closure and evidence rules look at no other)."""
        return [m for m in self.measures if m.status is Status.DONE]

    @cached_property
    def with_extra(self) -> list[Measure]:
        """The measures with a value in a further column (验收人, 验收日期, 销号日期, 延期时限 …), in order."""
        return [m for m in self.measures if m.extra]

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
        if field_name in self._columns_everywhere:
            return True  # the common case, decided once instead of once per measure
        return field_name in m.cells if m.cells else field_name in self.ledger.columns

    @cached_property
    def _columns_everywhere(self) -> frozenset[str]:
        """The fields every sheet the ledger was read from has a column for."""
        sheets = self.ledger.sheets
        if not sheets:
            return frozenset()
        return frozenset.intersection(*(frozenset(s.columns) for s in sheets))

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
