"""A batch run's results as data: one record per ledger, per skipped file, and the run's totals,
rendered as JSON and terminal text. Pure: the files are found and read by :mod:`rectxl.batch`,
the 汇总 workbook is written by :mod:`rectxl.io.batch_out`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from rectxl.core.findings import Severity
from rectxl.core.summary import Counts
from rectxl.core.text import percent_text
from rectxl.core.validate import Report
from rectxl.core.version import __version__

__all__ = ["BatchResult", "LedgerResult", "RoundRow", "Skipped", "ledger_result", "round_rows", "to_json", "to_text"]


@dataclass
class LedgerResult:
    """One ledger read and validated."""

    file: str  # path relative to the folder, with "/"
    unit: str  # 基本信息 单位名称, else the file name without its extension
    as_of: str
    as_of_source: str
    sha256: str
    aspects: int
    issues: int
    counts: dict[str, int]  # Counts: measures, done, mostly_done, in_progress, long_term, …
    by_severity: dict[str, int]
    findings: list[dict[str, Any]]
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Completion rate: share of measures 已完成."""
        measures = self.counts.get("measures", 0)
        return self.counts.get("done", 0) / measures if measures else 0.0

    @property
    def has_errors(self) -> bool:
        return self.by_severity.get(Severity.ERROR.value, 0) > 0


@dataclass
class Skipped:
    """A file that was not validated, and why (Chinese)."""

    file: str
    reason: str


@dataclass
class BatchResult:
    """Everything a batch run found, in a stable order (by relative path)."""

    folder: str
    ledgers: list[LedgerResult] = field(default_factory=list)
    #: ledger files that could not be read or validated
    skipped: list[Skipped] = field(default_factory=list)
    #: files that are not ledgers (other types, Excel lock files, rectxl's outputs)
    ignored: list[Skipped] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0

    @property
    def has_errors(self) -> bool:
        """Any ledger with an error, or any ledger that could not be read."""
        return bool(self.skipped) or any(r.has_errors for r in self.ledgers)

    def totals(self) -> dict[str, Any]:
        """Sums over all ledgers read (the JSON ``totals`` object)."""
        counts: dict[str, int] = dict.fromkeys(Counts.model_fields, 0)
        severity: dict[str, int] = {s.value: 0 for s in Severity}
        for r in self.ledgers:
            for key in counts:
                counts[key] += r.counts.get(key, 0)
            for key in severity:
                severity[key] += r.by_severity.get(key, 0)
        measures = counts["measures"]
        return {
            "files": len(self.ledgers) + len(self.skipped),
            "ledgers": len(self.ledgers),
            "skipped": len(self.skipped),
            "ignored": len(self.ignored),
            "ledgers_with_errors": sum(1 for r in self.ledgers if r.has_errors),
            **counts,
            "rate": round(counts["done"] / measures, 4) if measures else 0.0,
            "by_severity": severity,
        }


@dataclass
class RoundRow:
    """Round statistics of one inspected unit (its ledgers added up): how far its rectification
    has got, for ranking the units of a round against each other."""

    unit: str
    files: list[str]
    measures: int = 0
    done: int = 0
    closed: int = 0
    overdue: int = 0
    red: int = 0
    orange: int = 0
    yellow: int = 0
    extended: int = 0
    as_of: str = ""

    @property
    def rate(self) -> float:
        """完成率: share of measures 已完成."""
        return self.done / self.measures if self.measures else 0.0

    @property
    def closure_rate(self) -> float:
        """销号率: share of measures 已销号."""
        return self.closed / self.measures if self.measures else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rate"] = round(self.rate, 4)
        data["closure_rate"] = round(self.closure_rate, 4)
        return data


#: the counts a round row adds up
_ROUND_COUNTS = ("measures", "done", "closed", "overdue", "red", "orange", "yellow", "extended")


def round_rows(result: BatchResult) -> list[RoundRow]:
    """Per inspected unit (the ledgers naming the same 单位名称 added up), worst first: most
    overdue measures, then the lowest completion rate, then most orange and yellow warnings, then
    the lowest closure rate; ties by unit name."""
    rows: dict[str, RoundRow] = {}
    for r in result.ledgers:
        row = rows.setdefault(r.unit, RoundRow(unit=r.unit, files=[]))
        row.files.append(r.file)
        for key in _ROUND_COUNTS:
            setattr(row, key, getattr(row, key) + r.counts.get(key, 0))
        row.as_of = max(row.as_of, r.as_of)
    return sorted(rows.values(), key=lambda x: (-x.overdue, x.rate, -x.orange, -x.yellow, x.closure_rate, x.unit))


def ledger_result(file: str, report: Report, *, seconds: float = 0.0) -> LedgerResult:
    """The record of one ledger validated as ``rectxl check`` validates it."""
    summary = report.summary()
    return LedgerResult(
        file=file,
        unit=report.unit or file.rsplit("/", 1)[-1].rsplit(".", 1)[0],
        as_of=summary["as_of"],
        as_of_source=summary["as_of_source"],
        sha256=summary["sha256"] or "",
        aspects=report.aspects,
        issues=report.issues,
        counts=report.counts.model_dump(),
        by_severity=summary["by_severity"],
        findings=[f.model_dump(mode="json") for f in report.findings],
        seconds=round(seconds, 4),
    )


def to_json(result: BatchResult) -> str:
    """The run as JSON::

        {"folder": str, "rectxl_version": str, "workers": int, "seconds": float,
         "totals": {"files", "ledgers", "skipped", "ignored", "ledgers_with_errors",
                    "measures", "done", "mostly_done", "in_progress", "long_term",
                    "not_started", "unknown", "overdue", "accepted", "closed", "extended",
                    "red", "orange", "yellow", "blue", "green", "rate",
                    "by_severity": {"error", "warning", "info"}},
         "ledgers": [{"file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues",
                      "counts": {...as in totals}, "rate", "by_severity": {...},
                      "findings": [finding, ...]}],   # findings as in ``rectxl check --format json``
         "skipped": [{"file", "reason"}],    # ledger files that could not be read
         "ignored": [{"file", "reason"}],    # files that are not ledgers
         "round": [{"unit", "files", "measures", "done", "rate", "closed", "closure_rate",
                    "overdue", "red", "orange", "yellow", "extended", "as_of"}]}

    ``file`` is relative to ``folder``, with "/"; ledgers are sorted by it. ``round``: the round
    statistics per inspected unit, worst first (:func:`round_rows`).
    """
    ledgers = []
    for r in result.ledgers:
        data = asdict(r)
        data.pop("seconds")
        data["rate"] = round(r.rate, 4)
        ledgers.append(data)
    payload = {
        "folder": result.folder,
        "rectxl_version": __version__,
        "workers": result.workers,
        "seconds": result.seconds,
        "totals": result.totals(),
        "ledgers": ledgers,
        "skipped": [asdict(s) for s in result.skipped],
        "ignored": [asdict(s) for s in result.ignored],
        "round": [row.to_dict() for row in round_rows(result)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def to_text(result: BatchResult, *, limit: int = 20) -> str:
    """Totals, the ledgers with errors and every file that could not be read (terminal text)."""
    t = result.totals()
    sev = t["by_severity"]
    lines = [
        f"批量校验:{result.folder}",
        f"台账 {t['ledgers']} 个已校验,{t['skipped']} 个无法读取,另有 {t['ignored']} 个非台账文件未检查"
        f"(用时 {result.seconds:.1f} 秒,{result.workers} 个进程)",
        f"整改措施 {t['measures']} 项:已完成 {t['done']},基本完成 {t['mostly_done']},正在推进 {t['in_progress']},"
        f"长期坚持 {t['long_term']},未启动 {t['not_started']};逾期 {t['overdue']};完成率 {t['rate']:.0%}",
        f"发现问题:错误 {sev['error']} 条,警告 {sev['warning']} 条,提示 {sev['info']} 条;"
        f"有错误的台账 {t['ledgers_with_errors']} 个",
    ]
    ranked = [r for r in round_rows(result) if r.measures]
    if ranked:
        lines.append("")
        lines.append("整改进度（逾期多、完成率低的单位在前）：")
        for i, row in enumerate(ranked[:limit], start=1):
            lines.append(f"  {i}. {row.unit}：措施 {row.measures} 项，完成率 {percent_text(row.rate)}，"
                         f"销号率 {percent_text(row.closure_rate)}；逾期 {row.overdue} 项，橙色预警 {row.orange} 项，"
                         f"黄色预警 {row.yellow} 项，延期 {row.extended} 项")
        if len(ranked) > limit:
            lines.append(f"  ……另有 {len(ranked) - limit} 个单位，详见汇总表")
    with_errors = [r for r in result.ledgers if r.has_errors]
    if with_errors:
        lines.append("")
        lines.append(f"有错误的台账({len(with_errors)}):")
        for r in with_errors[:limit]:
            lines.append(f"  {r.file}  {r.unit}:错误 {r.by_severity['error']} 条,逾期 {r.counts['overdue']} 项")
        if len(with_errors) > limit:
            lines.append(f"  ……另有 {len(with_errors) - limit} 个,详见汇总表")
    if result.skipped:
        lines.append("")
        lines.append(f"无法读取({len(result.skipped)}):")
        lines.extend(f"  {s.file}:{s.reason}" for s in result.skipped)
    if result.ignored:
        lines.append("")
        lines.append(f"未检查({len(result.ignored)}):")
        lines.extend(f"  {s.file}:{s.reason}" for s in result.ignored[:limit])
        if len(result.ignored) > limit:
            lines.append(f"  ……另有 {len(result.ignored) - limit} 个")
    return "\n".join(lines) + "\n"
