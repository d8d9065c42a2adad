"""A batch run's results as data: one record per ledger, per skipped file, and the run's totals,
rendered as JSON and terminal text. Pure: the files are found and read by :mod:`rectxl.batch`,
the 汇总 workbook is written by :mod:`rectxl.io.batch_out`.

A ledger's findings travel as tuples (:data:`FindingRow`, the values of
:meth:`rectxl.core.findings.Finding.to_dict` in :data:`FINDING_KEYS` order): a province of
10,000 ledgers has hundreds of thousands of them, sent from the worker processes and written
as they arrive (:class:`BatchSink`). The JSON is rendered in pieces for the same reason
(:func:`json_head`, :func:`ledger_json`, :func:`json_tail`); :func:`to_json` puts them together.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from rectxl.core.counts import COUNT_FIELDS, Rates
from rectxl.core.findings import Finding, Severity, json_value
from rectxl.core.report import FINDING_FIELDS
from rectxl.core.text import percent_text
from rectxl.core.validate import Report
from rectxl.core.version import __version__

__all__ = [
    "FINDING_KEYS",
    "BatchResult",
    "BatchSink",
    "FindingRow",
    "LedgerResult",
    "RoundRow",
    "Skipped",
    "finding_row",
    "json_head",
    "json_pieces",
    "json_tail",
    "ledger_json",
    "ledger_result",
    "round_rows",
    "to_json",
    "to_text",
]

#: the fields of a :data:`FindingRow`, in order (the keys of a finding in the JSON)
FINDING_KEYS = FINDING_FIELDS
#: one finding as a batch carries it: (code, severity, message, sheet, cell, row, field, value),
#: ``severity`` its text ("error") and ``value`` JSON-ready
FindingRow = tuple[str, str, str, str | None, str | None, int | None, str | None, Any]


def finding_row(f: Finding) -> FindingRow:
    """``f`` as a :data:`FindingRow` (the values of ``f.to_dict()``, without the keys)."""
    return (f.code, f.severity.value, f.message, f.sheet, f.cell, f.row, f.field, json_value(f.value))


@dataclass(slots=True)
class LedgerResult:
    """One ledger read and validated (slotted: a province keeps 10,000 of them)."""

    file: str  # path relative to the folder, with "/"
    unit: str  # 基本信息 单位名称, else the file name without its extension
    as_of: str
    as_of_source: str
    sha256: str
    aspects: int
    issues: int
    counts: dict[str, int]  # Counts: measures, done, mostly_done, in_progress, long_term, …
    by_severity: dict[str, int]
    #: every finding, in ledger order (empty once written, when the run does not keep them)
    findings: list[FindingRow]
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Completion rate: share of measures 已完成."""
        measures = self.counts.get("measures", 0)
        return self.counts.get("done", 0) / measures if measures else 0.0

    @property
    def has_errors(self) -> bool:
        return self.by_severity.get(Severity.ERROR.value, 0) > 0

    def finding_dicts(self) -> list[dict[str, Any]]:
        """The findings as ``rectxl check --format json`` gives them (one dict each)."""
        return [dict(zip(FINDING_KEYS, f, strict=True)) for f in self.findings]


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
        counts: dict[str, int] = dict.fromkeys(COUNT_FIELDS, 0)
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
class RoundRow(Rates):
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


#: what a ledger's file name says besides its unit ("石门镇巡察整改台账（第二部分）" → 石门镇)
_LEDGER_WORDS = re.compile(
    r"(?:[(（][^()（）]*[)）])|(?:关于)?(?:县委|市委|区委)?(?:第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)?"
    r"(?:反馈(?:问题|意见)?)?(?:整改)?(?:落实)?(?:情况)?(?:工作)?台账(?:表)?|[-_ ]?(?:\d{4,8}|副本|最终版|终稿|定稿)$")


def unit_from_path(file: str) -> str:
    """The unit a ledger without a 单位名称 belongs to, from where it lies: its file name without
    the words every ledger's name has ("城关镇巡察整改台账.xlsx" → 城关镇), else — a name that is
    only those words ("巡察整改台账.xlsx") — its folder's ("东山镇/巡察整改台账.xlsx" → 东山镇)."""
    parts = file.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    unit = _LEDGER_WORDS.sub("", stem).strip(" -_")
    if unit:
        return unit
    return parts[-2] if len(parts) > 1 else stem


def ledger_result(file: str, report: Report, *, seconds: float = 0.0) -> LedgerResult:
    """The record of one ledger validated as ``rectxl check`` validates it (the counts and
    severities of ``report.summary()``, the findings as tuples)."""
    by_severity = {s.value: 0 for s in Severity}
    for f in report.findings:
        by_severity[f.severity.value] += 1
    counts = report.counts
    return LedgerResult(
        file=file,
        unit=report.unit or unit_from_path(file),
        as_of=report.as_of.isoformat(),
        as_of_source=report.as_of_source,
        sha256=report.source.sha256 or "",
        aspects=report.aspects,
        issues=report.issues,
        counts={key: getattr(counts, key) for key in COUNT_FIELDS},
        by_severity=by_severity,
        findings=[finding_row(f) for f in report.findings],
        seconds=round(seconds, 4),
    )


class BatchSink(Protocol):
    """Where a run's ledgers go as they are validated, in file order (the 汇总 workbook and the
    JSON are written this way: no list of every finding is held)."""

    def add(self, ledger: LedgerResult) -> None:
        """One more ledger, with its findings."""

    def close(self, result: BatchResult) -> None:
        """The run is over: ``result`` has every ledger (without its findings if they were not
        kept), the skipped and ignored files and the time taken."""

    def abort(self) -> None:
        """The run failed: nothing is written."""


def to_json(result: BatchResult) -> str:
    """The run as JSON::

        {"folder": str, "rectxl_version": str, "workers": int, "seconds": float,
         "totals": {"files", "ledgers", "skipped", "ignored", "ledgers_with_errors",
                    "measures", "done", "mostly_done", "in_progress", "long_term",
                    "not_started", "unknown", "overdue", "accepted", "closed", "extended",
                    "red", "orange", "yellow", "blue", "green", "rate",
                    "by_severity": {"error", "warning", "info"}},
         "ledgers": [{"file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues",
                      "counts": {...as in totals}, "by_severity": {...},
                      "findings": [finding, ...],   # findings as in ``rectxl check --format json``
                      "rate"}],
         "skipped": [{"file", "reason"}],    # ledger files that could not be read
         "ignored": [{"file", "reason"}],    # files that are not ledgers
         "round": [{"unit", "files", "measures", "done", "rate", "closed", "closure_rate",
                    "overdue", "red", "orange", "yellow", "extended", "as_of"}]}

    ``file`` is relative to ``folder``, with "/"; ledgers are sorted by it. ``round``: the round
    statistics per inspected unit, worst first (:func:`round_rows`). Indented, except that each
    finding is one line. The same text, in pieces: :func:`json_head`, then :func:`ledger_json`
    of each ledger, then :func:`json_tail`.
    """
    return "".join(json_pieces(result, result.ledgers))


def json_pieces(result: BatchResult, ledgers: Iterable[LedgerResult]) -> Iterator[str]:
    """:func:`to_json`'s text in pieces, the ledgers (with their findings) taken from ``ledgers``."""
    yield json_head(result)
    count = 0
    for r in ledgers:
        yield ledger_json(r, first=count == 0)
        count += 1
    yield json_tail(result, ledgers=count)


def json_head(result: BatchResult) -> str:
    """The JSON up to the first ledger: folder, version, workers, seconds, totals."""
    head = {
        "folder": result.folder,
        "rectxl_version": __version__,
        "workers": result.workers,
        "seconds": result.seconds,
        "totals": result.totals(),
    }
    return json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "ledgers": ['


_JSON = json.JSONEncoder(ensure_ascii=False)
_TEXT = json.encoder.encode_basestring  # a str as JSON text (the C encoder json.dumps uses)


def _scalar(value: Any) -> str:
    return _TEXT(value) if type(value) is str else str(value) if type(value) is int else _JSON.encode(value)


def _flat(data: dict[str, Any], depth: int) -> str:
    """A dict of scalars as ``json.dumps(…, indent=1)`` writes it ``depth`` levels deep."""
    if not data:
        return "{}"
    pad = "\n" + " " * depth
    return "{" + ",".join(f"{pad}{_TEXT(k)}: {_scalar(v)}" for k, v in data.items()) + "\n" + " " * (depth - 1) + "}"


def ledger_json(r: LedgerResult, *, first: bool) -> str:
    """One entry of ``ledgers`` (after a comma unless it is the ``first``): indented as
    ``json.dumps(…, indent=1)`` would, except that each finding is one line."""
    text = _TEXT
    if r.findings:
        encode, keys = _JSON.encode, FINDING_KEYS
        findings = ("[\n     " + ",\n     ".join([encode(dict(zip(keys, f, strict=True))) for f in r.findings])
                    + "\n    ]")
    else:
        findings = "[]"
    return (("\n  {" if first else ",\n  {")
            + f'\n   "file": {text(r.file)},\n   "unit": {text(r.unit)},\n   "as_of": {text(r.as_of)},'
            f'\n   "as_of_source": {text(r.as_of_source)},\n   "sha256": {text(r.sha256)},'
            f'\n   "aspects": {_scalar(r.aspects)},\n   "issues": {_scalar(r.issues)},'
            f'\n   "counts": {_flat(r.counts, 4)},\n   "by_severity": {_flat(r.by_severity, 4)},'
            f'\n   "findings": {findings},\n   "rate": {_JSON.encode(round(r.rate, 4))}\n  }}')


def json_tail(result: BatchResult, *, ledgers: int) -> str:
    """The JSON after the last of ``ledgers`` ledgers: skipped, ignored, round."""
    tail = {
        "skipped": [asdict(s) for s in result.skipped],
        "ignored": [asdict(s) for s in result.ignored],
        "round": [row.to_dict() for row in round_rows(result)],
    }
    return ("\n ]" if ledgers else "]") + "," + json.dumps(tail, ensure_ascii=False, indent=1)[1:] + "\n"


def to_text(result: BatchResult, *, limit: int = 20) -> str:
    """Totals, the ledgers with errors and every file that could not be read (terminal text)."""
    t = result.totals()
    sev = t["by_severity"]
    lines = [
        f"批量校验：{result.folder}",
        f"台账 {t['ledgers']} 个已校验，{t['skipped']} 个无法读取，另有 {t['ignored']} 个非台账文件未检查"
        f"（用时 {result.seconds:.1f} 秒，{result.workers} 个进程）",
        f"整改措施 {t['measures']} 项：已完成 {t['done']}，基本完成 {t['mostly_done']}，正在推进 {t['in_progress']}，"
        f"长期坚持 {t['long_term']}，未启动 {t['not_started']}；逾期 {t['overdue']}；完成率 {t['rate']:.0%}",
        f"发现问题：错误 {sev['error']} 条，警告 {sev['warning']} 条，提示 {sev['info']} 条；"
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
        lines.append(f"有错误的台账（{len(with_errors)}）：")
        for r in with_errors[:limit]:
            lines.append(f"  {r.file}  {r.unit}：错误 {r.by_severity['error']} 条，逾期 {r.counts['overdue']} 项")
        if len(with_errors) > limit:
            lines.append(f"  ……另有 {len(with_errors) - limit} 个，详见汇总表")
    if result.skipped:
        lines.append("")
        lines.append(f"无法读取（{len(result.skipped)}）：")
        lines.extend(f"  {s.file}：{s.reason}" for s in result.skipped)
    if result.ignored:
        lines.append("")
        lines.append(f"未检查（{len(result.ignored)}）：")
        lines.extend(f"  {s.file}：{s.reason}" for s in result.ignored[:limit])
        if len(result.ignored) > limit:
            lines.append(f"  ……另有 {len(result.ignored) - limit} 个")
    return "\n".join(lines) + "\n"
