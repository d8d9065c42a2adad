"""Run every registered rule over a ledger and collect the findings (lazy, then report)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rectxl.core import fields as F
from rectxl.core.counts import Counts
from rectxl.core.deadline import latest_day_of
from rectxl.core.findings import SEVERITY_ORDER, Finding, Severity
from rectxl.core.model import Ledger, Measure
from rectxl.core.rules import RULES, Context, Options
from rectxl.core.rules.context import SiblingFiles
from rectxl.core.version import __version__

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Report", "Source", "resolve_as_of", "validate"]


@dataclass(slots=True)
class Source:
    """Where the ledger came from (filled in by the I/O edge)."""

    path: str | None = None
    sha256: str | None = None
    #: the ledger is kept as a Word table (its sheets are the document's tables: 表格1, 表格2 …)
    word: bool = False
    #: the ledger is a table a business system exported as text (a web page, an Excel 2003 XML
    #: spreadsheet, a CSV) — what it is, in the clerk's words; "" for a workbook
    exported: str = ""
    #: how such a table's cells are cited ("按 Excel 打开它时的行列": as Excel shows it opened)
    exported_places: str = ""


@dataclass(slots=True)
class Report:
    """The result of a validation: every finding plus what the summary reports."""

    findings: list[Finding]
    as_of: date
    #: where the as-of date came from：参数/报告日期/今天
    as_of_source: str
    source: Source = field(default_factory=Source)
    measures: int = 0
    issues: int = 0
    aspects: int = 0
    #: the ledger sheets read, in order
    sheets: list[str] = field(default_factory=list)
    #: 基本信息 单位名称 (or what the reader took from a title row), for batch reports
    unit: str | None = None
    #: the warning thresholds the grades were judged with (options, 基本信息 预警天数, or 15), largest first
    warn_days: tuple[int, ...] = (15,)
    #: the measures checked, for :attr:`counts` (counted when first asked: only batch reports use them)
    counted: list[Measure] = field(default_factory=list, repr=False, compare=False)
    _counts: Counts | None = field(default=None, repr=False, compare=False)

    @property
    def counts(self) -> Counts:
        """Status counts of the measures as of ``as_of`` (the summary's, for batch reports)."""
        if self._counts is None:
            self._counts = Counts.of(self.counted, self.as_of, self.warn_days)
        return self._counts

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dataframe(self) -> pd.DataFrame:
        """The findings as a pandas DataFrame, one row per finding (columns as in the JSON output),
        for analysts: ``report.to_dataframe().groupby("code").size()``."""
        import pandas as pd  # imported here: only analysts need it

        columns = ["code", "severity", "message", "sheet", "cell", "row", "field", "value"]
        return pd.DataFrame([f.to_dict() for f in self.findings], columns=columns)

    def summary(self) -> dict[str, Any]:
        """The JSON ``summary`` object (schema in docs/findings.schema.json)."""
        by_code = Counter(f.code for f in self.findings)
        return {
            "file": self.source.path,
            "sha256": self.source.sha256,
            "rectxl_version": __version__,
            "as_of": self.as_of.isoformat(),
            "as_of_source": self.as_of_source,
            "sheets": self.sheets,
            "aspects": self.aspects,
            "issues": self.issues,
            "measures": self.measures,
            "total": len(self.findings),
            "by_severity": {s.value: self.count(s) for s in Severity},
            "by_code": dict(sorted(by_code.items())),
        }


def resolve_as_of(ledger: Ledger, as_of: date | None, today: date | None = None) -> tuple[date, str]:
    """The as-of date and where it came from, decided once for every job (DESIGN.md §3):
    ``--as-of``, else 报告日期 in 基本信息 (or the title row's 填报日期), else today."""
    if as_of is not None:
        return as_of, "参数"
    if ledger.info.report_date is not None:
        said = ledger.info.report_date
        if ledger.info.report_date_unyeared and today is not None:
            said = latest_day_of(said.month, said.day, today)  # "截至11月20日": the year by this check's today
        if ledger.info.report_month_only and (now := today or date.today()) < said \
                and (now.year, now.month) == (said.year, said.month):
            said = now  # "（2026年11月更新）" read on 11月20日: the figures stand at today, not the month's end
        return said, ledger.info_source.get("report_date", "报告日期")
    return (today or date.today()), "今天"


def _once_each(findings: list[Finding]) -> list[Finding]:
    """The findings without repeats: measures written side by side on one row (整改措施1 |
    整改措施2) share its deadline and status cells, and what is wrong there is said once."""
    seen: set[tuple[Any, ...]] = set()
    kept: list[Finding] = []
    for f in findings:
        key = (f.code, f.sheet, f.cell, f.row, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def validate(
    ledger: Ledger,
    options: Options | None = None,
    *,
    sibling_files: SiblingFiles = None,
    source: Source | None = None,
    today: date | None = None,
) -> Report:
    """Check ``ledger`` against every selected rule; findings come back in ledger order."""
    options = options or Options()
    as_of, as_of_source = resolve_as_of(ledger, options.as_of, today)
    ctx = Context(ledger=ledger, options=options, as_of=as_of, sibling_files=sibling_files)
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if options.select is not None and code not in options.select:
            continue
        if code in options.ignore:
            continue
        findings.extend(rule.check(ctx))
    measures = ctx.measures
    if any(m.cells.get(F.MEASURE) != a.cells.get(F.MEASURE) for a, m in pairwise(measures)
           if a.row == m.row and a.sheet == m.sheet):
        findings = _once_each(findings)
    # ledger order: sheet by sheet as the ledger was read ("台账（一）" before "台账（二）", not row 5 of
    # each before row 6 of either), what concerns no sheet read (the workbook, 基本信息) first
    sheet_rank = {s.name: i for i, s in enumerate(ledger.sheets)}
    findings.sort(key=lambda f: (sheet_rank.get(f.sheet or "", -1), f.sort_key(), SEVERITY_ORDER[f.severity]))
    return Report(
        findings=findings,
        as_of=as_of,
        as_of_source=as_of_source,
        source=source or Source(),
        measures=len(ctx.measures),
        issues=len(ctx.issues),
        aspects=sum(1 for a in ledger.aspects if a.title is not None),  # as the summary and notice count them
        sheets=[s.name for s in ledger.sheets] or [ledger.sheet],
        unit=(ledger.info.unit_name or "").strip() or None,
        warn_days=ctx.warn_days,
        counted=ctx.measures,
    )
