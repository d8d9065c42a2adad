"""``rectxl batch``: validate every ledger under a folder in parallel and consolidate the results.

For the 巡察办, who collect hundreds of units' ledgers: each ledger (.xlsx/.xlsm/.xls/.xlsb/.ods,
in the folder or its subfolders) is read and validated exactly as ``rectxl check`` does, in
worker processes across the cores. A file that cannot be read is listed with its reason and
never ends the run; Excel lock files (``~$…``), hidden files and rectxl's own outputs are left
alone. The results come back in a stable order (by relative path) and are written as

- a 汇总 workbook: 单位汇总 (one row per unit: measures, done, in progress, long-term, overdue,
  completion rate, errors, warnings), 全部问题 (every finding, with a link to the source file and
  cell) and 无法读取 (files skipped, with the reason);
- JSON (:func:`to_json`, shape documented there);
- a text summary for the terminal (:func:`to_text`).

The core is :func:`run_batch`; the command line is :func:`add_arguments` + :func:`run_command`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rectxl import __version__
from rectxl.errors import RectxlError
from rectxl.findings import SEVERITY_LABELS, Severity
from rectxl.io.reader import LEDGER_SUFFIXES, file_sha256, read_ledger, sibling_files
from rectxl.rules import Options
from rectxl.summary import Counts
from rectxl.validate import Source, validate

__all__ = [
    "BatchResult",
    "LedgerResult",
    "Skipped",
    "add_arguments",
    "find_files",
    "main",
    "run_batch",
    "run_command",
    "to_json",
    "to_text",
    "write_workbook",
]

#: seconds one ledger may take before it is skipped (see :class:`_TimeLimit`)
DEFAULT_TIMEOUT = 300
#: file names rectxl itself writes beside a ledger (annotate, clear, backups, notices)
_OWN_OUTPUT_MARKS = ("_校验.", "_已清除标记.", ".备份-", "_整改进展情况通报.")


# -- results ---------------------------------------------------------------------------------


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


# -- finding the files -------------------------------------------------------------------------


def find_files(folder: Path, *, exclude: Sequence[Path] = ()) -> tuple[list[str], list[Skipped]]:
    """Ledger files under ``folder`` (relative paths, sorted) and the files left alone, with why.

    Hidden files and folders (``.…``) are not looked at; Excel lock files (``~$…``), rectxl's
    own outputs and the paths in ``exclude`` (this run's outputs) are listed as ignored, as is
    every file that is not a spreadsheet.
    """
    excluded = {p.resolve() for p in exclude}
    ledgers: list[str] = []
    ignored: list[Skipped] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            reason = _not_a_ledger(name)
            if reason is None and path.resolve() in excluded:
                reason = "本次批量校验的输出文件"
            if reason is None:
                ledgers.append(rel)
            else:
                ignored.append(Skipped(rel, reason))
    ledgers.sort()
    ignored.sort(key=lambda s: s.file)
    return ledgers, ignored


def _not_a_ledger(name: str) -> str | None:
    if name.startswith("~$"):
        return "Excel 打开文件时生成的临时锁定文件(~$ 开头),不是台账"
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in LEDGER_SUFFIXES:
        return f"不是 Excel 台账文件({suffix or '无扩展名'}),未检查"
    if any(mark in name for mark in _OWN_OUTPUT_MARKS):
        return "rectxl 生成的文件(校验副本、备份或通报),未检查"
    return None


# -- one ledger (runs in a worker process) -------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    root: str
    files: tuple[str, ...]
    options: Options
    today: date
    timeout: float | None


def _check_files(job: _Job) -> list[LedgerResult | Skipped]:
    """Validate each file of a chunk; every failure becomes a :class:`Skipped`, never a crash."""
    return [_check_one(Path(job.root), rel, job.options, job.today, job.timeout) for rel in job.files]


def _check_one(root: Path, rel: str, options: Options, today: date, timeout: float | None) -> LedgerResult | Skipped:
    path = root / rel
    start = time.perf_counter()
    try:
        with _TimeLimit(timeout):
            ledger = read_ledger(path)
            source = Source(path=rel, sha256=file_sha256(path))
            report = validate(ledger, options, sibling_files=_siblings(str(path.parent)), source=source,
                              today=today)
            counts = Counts.of(ledger.measures(), report.as_of)
    except RectxlError as exc:  # LedgerError and friends: already one Chinese line
        return Skipped(rel, str(exc))
    except _TimeUp:
        return Skipped(rel, f"处理超过 {timeout:g} 秒仍未完成,已跳过(文件可能过大或结构异常)")
    except MemoryError:
        return Skipped(rel, "文件过大,内存不足,无法读取")
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader's panic (pyo3 PanicException) must not end the run
        return Skipped(rel, f"读取时发生意外问题({type(exc).__name__}: {exc}),请用 rectxl check 单独检查该文件")
    summary = report.summary()
    return LedgerResult(
        file=rel,
        unit=(ledger.info.unit_name or "").strip() or Path(rel).stem,
        as_of=summary["as_of"],
        as_of_source=summary["as_of_source"],
        sha256=summary["sha256"] or "",
        aspects=report.aspects,
        issues=report.issues,
        counts=counts.model_dump(),
        by_severity=summary["by_severity"],
        findings=[f.model_dump(mode="json") for f in report.findings],
        seconds=round(time.perf_counter() - start, 4),
    )


@lru_cache(maxsize=256)
def _siblings(folder: str) -> frozenset[str]:
    """The file names the ``evidence-file-missing`` rule looks for, once per folder and worker
    (``rectxl check`` lists them for each ledger; a folder of 1,000 ledgers would list it 1,000
    times)."""
    return sibling_files(Path(folder) / "_")


class _TimeUp(Exception):
    pass


class _TimeLimit:
    """Raise :class:`_TimeUp` in this (worker) process after ``seconds`` (Unix, main thread).

    A guard against a pathological file, not a hard limit: it fires when Python code runs, so
    a reader stuck inside native code is interrupted only when it returns."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and hasattr(signal, "setitimer") else None
        self.previous: Any = None

    def __enter__(self) -> None:
        if self.seconds is None:
            return
        try:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
        except ValueError:  # not the main thread: no guard
            self.seconds = None
            return
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _fire(signum: int, frame: object) -> None:
        raise _TimeUp


# -- the run ------------------------------------------------------------------------------------


def run_batch(
    folder: Path,
    *,
    options: Options | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    exclude: Sequence[Path] = (),
    today: date | None = None,
) -> BatchResult:
    """Validate every ledger under ``folder`` with ``workers`` processes (default: one per core).

    ``progress(done, total)`` is called as files finish. Files are sent to the workers in small
    chunks (fewer round trips than one file at a time, still balanced across the cores). If a
    worker process dies (a crash inside a native reader), the files it had not finished are
    retried one by one, each in a process of its own, and the one that dies again is listed as
    skipped.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise RectxlError(f"找不到文件夹:{folder}" if not folder.exists() else f"{folder} 不是文件夹")
    start = time.perf_counter()
    options = options or Options()
    today = today or date.today()
    _siblings.cache_clear()  # the folder may have changed since an earlier run in this process
    files, ignored = find_files(folder, exclude=exclude)
    workers = max(1, min(workers or os.cpu_count() or 1, len(files) or 1))
    outcomes: dict[str, LedgerResult | Skipped] = {}
    done = 0

    def record(batch: list[LedgerResult | Skipped]) -> None:
        nonlocal done
        for outcome in batch:
            outcomes[outcome.file] = outcome
        done += len(batch)
        if progress is not None:
            progress(done, len(files))

    if progress is not None:
        progress(0, len(files))
    if workers == 1:
        for rel in files:
            record(_check_files(_Job(str(folder), (rel,), options, today, timeout)))
    else:
        _run_parallel(folder, files, options, today, timeout, workers, record)
    result = BatchResult(folder=str(folder), ignored=ignored, workers=workers)
    for rel in files:
        outcome = outcomes[rel]
        if isinstance(outcome, LedgerResult):
            result.ledgers.append(outcome)
        else:
            result.skipped.append(outcome)
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _run_parallel(folder: Path, files: list[str], options: Options, today: date, timeout: float | None,
                  workers: int, record: Callable[[list[LedgerResult | Skipped]], None]) -> None:
    size = max(1, min(16, len(files) // (workers * 8)))
    chunks = [tuple(files[i : i + size]) for i in range(0, len(files), size)]
    retry: list[str] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[list[LedgerResult | Skipped]], tuple[str, ...]] = {
            pool.submit(_check_files, _Job(str(folder), chunk, options, today, timeout)): chunk for chunk in chunks
        }
        for future in as_completed(futures):
            try:
                record(future.result())
            except BrokenProcessPool:  # a worker died: every file it had not finished comes back
                retry.extend(futures[future])
    # Each of those alone, in a process of its own: the file that kills it again is the culprit.
    for rel in sorted(retry):
        with ProcessPoolExecutor(max_workers=1) as single:
            try:
                record(single.submit(_check_files, _Job(str(folder), (rel,), options, today, timeout)).result())
            except BrokenProcessPool:
                record([Skipped(rel, "读取该文件时校验进程异常退出(文件可能已损坏或过大),已跳过")])


# -- outputs ------------------------------------------------------------------------------------


def to_json(result: BatchResult) -> str:
    """The run as JSON::

        {"folder": str, "rectxl_version": str, "workers": int, "seconds": float,
         "totals": {"files", "ledgers", "skipped", "ignored", "ledgers_with_errors",
                    "measures", "done", "mostly_done", "in_progress", "long_term",
                    "not_started", "unknown", "overdue", "rate",
                    "by_severity": {"error", "warning", "info"}},
         "ledgers": [{"file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues",
                      "counts": {...as in totals}, "rate", "by_severity": {...},
                      "findings": [finding, ...]}],   # findings as in ``rectxl check --format json``
         "skipped": [{"file", "reason"}],    # ledger files that could not be read
         "ignored": [{"file", "reason"}]}    # files that are not ledgers

    ``file`` is relative to ``folder``, with "/"; ledgers are sorted by it.
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


UNIT_SHEET = "单位汇总"
FINDINGS_SHEET = "全部问题"
SKIPPED_SHEET = "无法读取"
_WRAP_STYLE = "rectxl 换行"
_UNIT_HEADER = ["序号", "单位", "文件", "措施数", "已完成", "基本完成", "正在推进", "长期坚持", "未启动", "状态不明",
                "逾期", "完成率", "错误", "警告", "提示", "截至日期"]
_FINDING_HEADER = ["序号", "单位", "文件", "严重程度", "代码", "问题说明", "单元格", "行", "列名", "单元格内容"]


def write_workbook(result: BatchResult, output: Path) -> Path:
    """The 汇总 workbook (sheets 单位汇总, 全部问题, 无法读取), links relative to ``output``'s folder.

    Written with openpyxl's streaming writer (one pass, little memory, however many findings);
    saved atomically.
    """
    from openpyxl import Workbook
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    from rectxl.io.atomic import atomic_path
    from rectxl.report import safe_cell_text

    output = Path(output)
    base = output.resolve().parent
    folder = Path(result.folder).resolve()
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    # named styles: assigned by name, cheaper per cell than a font or an alignment
    wb.add_named_style(NamedStyle(_WRAP_STYLE, alignment=Alignment(vertical="top", wrap_text=True)))

    @cache
    def target(rel: str) -> str:
        path = folder / rel
        try:
            return Path(os.path.relpath(path, base)).as_posix()
        except ValueError:  # another drive (Windows): an absolute link
            return path.as_posix()

    def sheet(title: str, header: list[str], widths: list[float]) -> Any:
        ws = wb.create_sheet(title)
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "A2"
        cells = []
        for name in header:
            cell = WriteOnlyCell(ws, name)
            cell.font, cell.fill = bold, header_fill
            cells.append(cell)
        ws.append(cells)
        return ws

    def link(ws: Any, text: str, rel: str, location: str | None = None) -> Any:
        cell = WriteOnlyCell(ws, text)
        cell.hyperlink = Hyperlink(ref="", target=target(rel), location=location)
        cell.style = "Hyperlink"  # Excel's own link style
        return cell

    units = sheet(UNIT_SHEET, _UNIT_HEADER, [6, 28, 36, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12])
    percent = "0%"
    for i, r in enumerate(result.ledgers, start=1):
        c = r.counts
        rate = WriteOnlyCell(units, round(r.rate, 4))
        rate.number_format = percent
        units.append([i, safe_cell_text(r.unit), link(units, r.file, r.file), c["measures"], c["done"],
                      c["mostly_done"], c["in_progress"], c["long_term"], c["not_started"], c["unknown"],
                      c["overdue"], rate, r.by_severity["error"], r.by_severity["warning"], r.by_severity["info"],
                      r.as_of])
    t = result.totals()
    total_rate = WriteOnlyCell(units, t["rate"])
    total_rate.number_format = percent
    totals = ["", f"合计({t['ledgers']} 个台账)", "", t["measures"], t["done"], t["mostly_done"], t["in_progress"],
              t["long_term"], t["not_started"], t["unknown"], t["overdue"], total_rate,
              t["by_severity"]["error"], t["by_severity"]["warning"], t["by_severity"]["info"], ""]
    total_cells = []
    for value in totals:
        cell = value if isinstance(value, Cell) else WriteOnlyCell(units, value)
        cell.font = bold
        total_cells.append(cell)
    units.append(total_cells)
    units.auto_filter.ref = f"A1:{get_column_letter(len(_UNIT_HEADER))}{len(result.ledgers) + 1}"

    findings = sheet(FINDINGS_SHEET, _FINDING_HEADER, [7, 24, 30, 8, 22, 70, 12, 6, 10, 30])
    n = 0
    for r in result.ledgers:
        unit = safe_cell_text(r.unit)
        for f in r.findings:
            n += 1
            message = WriteOnlyCell(findings, f["message"])
            message.style = _WRAP_STYLE
            value = f["value"]
            if f["cell"] and f["sheet"]:  # one link per finding: to the cell, in the source file
                file_cell: Any = r.file
                where = link(findings, f"{f['sheet']}!{f['cell']}", r.file, f"'{f['sheet']}'!{f['cell']}")
            else:
                file_cell, where = link(findings, r.file, r.file), f["sheet"] or ""
            findings.append([
                n, unit, file_cell, SEVERITY_LABELS[Severity(f["severity"])], f["code"], message, where,
                f["row"], f["field"] or "", "" if value is None else safe_cell_text(value),
            ])
    findings.auto_filter.ref = f"A1:{get_column_letter(len(_FINDING_HEADER))}{n + 1}"

    skipped = sheet(SKIPPED_SHEET, ["序号", "文件", "原因"], [6, 40, 90])
    for i, s in enumerate(result.skipped, start=1):
        skipped.append([i, link(skipped, s.file, s.file), s.reason])
    if not result.skipped:
        skipped.append(["", "(无)", "所有台账文件均已读取"])
    with atomic_path(output) as tmp:
        wb.save(tmp)
    return output


# -- command line -------------------------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``rectxl batch`` (the validation options are added by the caller)."""
    p.add_argument("folder", type=Path, help="台账所在文件夹(包括其中的子文件夹)")
    p.add_argument("-o", "--output", type=Path, default=Path("批量校验汇总.xlsx"),
                   help="汇总工作簿(默认 批量校验汇总.xlsx):单位汇总、全部问题(可跳转到原文件单元格)、无法读取")
    p.add_argument("--json", type=Path, metavar="FILE",
                   help="同时写出 JSON 结果(默认与汇总工作簿同名 .json;写 - 则输出到屏幕)")
    p.add_argument("--no-json", action="store_true", help="不写 JSON 结果")
    p.add_argument("-j", "--workers", type=int, metavar="N", help="并行进程数(默认等于 CPU 核数)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="秒",
                   help=f"单个台账最长处理时间,超时则跳过并列入“无法读取”(默认 {DEFAULT_TIMEOUT} 秒)")
    p.add_argument("--no-progress", action="store_true", help="不显示进度(输出不是终端时本来就不显示)")


def run_command(args: argparse.Namespace, options: Options) -> int:
    """``rectxl batch``: run, write the workbook and JSON, print the summary; the exit code is 1
    when any ledger has errors or could not be read, else 0."""
    from rectxl.io.atomic import atomic_write_text

    if args.workers is not None and args.workers < 1:
        raise RectxlError("--workers 至少为 1")
    output: Path = args.output
    json_path: Path | None = None if args.no_json else (args.json or output.with_suffix(".json"))
    _refuse_overwriting_a_ledger(output, args.folder)
    show = not args.no_progress and sys.stderr.isatty()
    bar = _ProgressBar(sys.stderr) if show else None
    exclude = [output] + ([json_path] if json_path is not None and str(json_path) != "-" else [])
    try:
        result = run_batch(args.folder, options=options, workers=args.workers, progress=bar,
                           timeout=args.timeout or None, exclude=exclude)
    finally:
        if bar is not None:
            bar.close()
    if not result.ledgers and not result.skipped:
        raise RectxlError(f"{args.folder} 中没有找到 Excel 台账文件(.xlsx、.xlsm、.xls、.ods)")
    write_workbook(result, output)
    written = [str(output)]
    if json_path is not None and str(json_path) == "-":
        sys.stdout.write(to_json(result))
    else:
        sys.stdout.write(to_text(result))
        if json_path is not None:
            atomic_write_text(json_path, to_json(result))
            written.append(str(json_path))
    print(f"已写入 {'、'.join(written)}", file=sys.stderr)
    return 1 if result.has_errors else 0


def _refuse_overwriting_a_ledger(output: Path, folder: Path) -> None:
    """The 汇总 workbook may replace an earlier one, never a ledger in the folder being checked."""
    try:
        inside = output.resolve().is_relative_to(Path(folder).resolve())
    except OSError:
        return
    if inside and output.is_file() and _not_a_ledger(output.name) is None and not _is_batch_workbook(output):
        raise RectxlError(f"输出文件 {output} 是所检查文件夹中的台账:为保护原台账,请用 -o 指定另一个文件名")


def _is_batch_workbook(path: Path) -> bool:
    """A workbook this command wrote (its sheets are exactly 单位汇总, 全部问题, 无法读取)."""
    import zipfile

    from rectxl.io.ooxml import sheet_parts

    try:
        with zipfile.ZipFile(path) as zf:
            return list(sheet_parts(zf)) == [UNIT_SHEET, FINDINGS_SHEET, SKIPPED_SHEET]
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


class _ProgressBar:
    """``已校验 123/1000 个台账 [#####-----] 12%`` on one terminal line, redrawn at most 10×/s."""

    def __init__(self, stream: Any, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // total if total else self.width
        pct = 100 * done // total if total else 100
        self.stream.write(f"\r已校验 {done}/{total} 个台账 [{'#' * filled}{'-' * (self.width - filled)}] {pct}%")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rectxl.batch DIR`` — the same as ``rectxl batch DIR``."""
    from rectxl.cli import _add_validation_options, _options, _Parser

    parser = _Parser(prog="rectxl batch", description="并行校验文件夹中的全部台账并汇总。")
    add_arguments(parser)
    _add_validation_options(parser)
    args = parser.parse_args(argv)
    try:
        return run_command(args, _options(args))
    except RectxlError as exc:
        print(f"错误:{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
