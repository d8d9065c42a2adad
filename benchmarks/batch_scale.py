"""``rectxl batch`` at province scale, against loops that only read the same files.

    python -m benchmarks.batch_scale                           # 1,000 ledgers, then a 10,000-ledger province
    python -m benchmarks.batch_scale --folder 1000 --province 0 --repeat 3
    python -m benchmarks.batch_scale --folder 0 --province 10000 --workers 2

Every figure comes from fresh processes timed in the same run, on the same number of worker
processes with the same chunking as ``rectxl batch`` (:func:`chunk_size`):

- :func:`bare_read_loop`: each file read with python-calamine
  (``CalamineWorkbook.from_path(p).get_sheet_by_name('台账').to_python()``) — the floor;
- :func:`check_loop`: each file through :func:`rectxl.api.check`, results thrown away — what
  validating costs before anything is collected or written;
- :func:`batch`: ``python -m rectxl batch FOLDER -o … --workers N`` with its workbook and JSON;
- :func:`compare`: the three, alternated ``repeat`` times (best of each), and the ratios;
- :func:`province`: a generated folder of ``count`` unit ledgers (~150 measures each, see
  :func:`benchmarks.generate.cached_folder`) through ``rectxl batch``: time, peak memory of the
  main process and of the largest worker, ledgers, measures, findings, sheets written.

Peak memory: the main process's own high-water mark (VmHWM, read as it exits) and the largest
worker's (``getrusage(RUSAGE_CHILDREN).ru_maxrss``; a forked worker's figure includes what it
shares with the main process at the fork).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: python benchmarks/batch_scale.py
    sys.path.insert(0, str(ROOT))

PY = sys.executable
_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

#: Runs ``-m module args…`` like ``python -m`` and, at exit, writes to $RECTXL_BENCH_STATS the
#: process's peak resident memory (VmHWM), the largest child's (ru_maxrss) and the CPU seconds.
_WRAPPER = """
import atexit, json, os, resource, runpy, sys
def _stats():
    with open("/proc/self/status") as status:
        kb = int(next(line.split()[1] for line in status if line.startswith("VmHWM")))
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["RECTXL_BENCH_STATS"], "w") as out:
        json.dump({"hwm_kb": kb, "children_maxrss_kb": kids.ru_maxrss, "cpu": me.ru_utime + me.ru_stime,
                   "children_cpu": kids.ru_utime + kids.ru_stime}, out)
atexit.register(_stats)
target, *args = sys.argv[1:]
sys.argv = [target, *args]
runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


@dataclass
class Run:
    """One timed process: wall seconds, peak MB of the main process and of the largest worker,
    CPU seconds of each."""

    seconds: float
    parent_mb: float
    workers_mb: float
    parent_cpu: float
    workers_cpu: float


def chunk_size(files: int, workers: int) -> int:
    """The files per chunk ``rectxl batch`` sends a worker (:func:`rectxl.batch.run_batch`)."""
    return max(1, min(16, files // (workers * 8)))


def ledger_files(folder: Path) -> list[str]:
    """The spreadsheets under ``folder`` (hidden files and lock files left out), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith((".", "~$")) and name.lower().endswith(_SUFFIXES):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def measure(module: str, *args: str, ok: tuple[int, ...] = (0, 1)) -> Run:
    """Time ``python -m module args…`` in a fresh process, with its peak memory and CPU."""
    with tempfile.NamedTemporaryFile(prefix="rectxl-stats-", suffix=".json", delete=False) as stats:
        pass
    env = {**os.environ, "RECTXL_BENCH_STATS": stats.name}
    try:
        start = time.perf_counter()
        proc = subprocess.run([PY, "-c", _WRAPPER, module, *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, cwd=ROOT)
        seconds = time.perf_counter() - start
        if proc.returncode not in ok:
            raise RuntimeError(f"{module} {' '.join(args)} exited {proc.returncode}: "
                               f"{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        data = json.loads(Path(stats.name).read_text() or "{}")
    finally:
        os.unlink(stats.name)
    return Run(seconds, data.get("hwm_kb", 0) / 1024, data.get("children_maxrss_kb", 0) / 1024,
               data.get("cpu", 0.0), data.get("children_cpu", 0.0))


# -- the loops (run in their own process: python -m benchmarks.batch_scale --loop …) -------------


def _read_chunk(paths: list[str]) -> int:
    import python_calamine as pc

    for path in paths:
        try:
            pc.CalamineWorkbook.from_path(path).get_sheet_by_name("台账").to_python()
        except Exception:  # a file rectxl batch would list as unreadable
            pass
    return len(paths)


def _check_chunk(paths: list[str]) -> int:
    from rectxl.api import check
    from rectxl.io.reader import sibling_files

    siblings: dict[str, frozenset[str]] = {}  # listed once per folder, as rectxl batch does
    for path in paths:
        folder = os.path.dirname(path)
        if folder not in siblings:
            siblings[folder] = sibling_files(Path(path))
        try:
            check(path, sibling_files=siblings[folder])
        except Exception:  # a file rectxl batch would list as unreadable
            pass
    return len(paths)


def _loop(kind: str, folder: Path, workers: int) -> int:
    """Every file of ``folder`` read (``kind`` "read") or checked ("check") on ``workers``
    processes, in chunks as ``rectxl batch`` sends them."""
    from concurrent.futures import ProcessPoolExecutor

    if kind == "check":
        import rectxl.api  # noqa: F401 - imported before the fork, as rectxl batch does
    files = ledger_files(folder)
    size = chunk_size(len(files), workers)
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    work = _read_chunk if kind == "read" else _check_chunk
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(work, chunks))


def bare_read_loop(folder: Path, workers: int) -> float:
    """Seconds for a fresh process to read every ledger of ``folder`` with python-calamine on
    ``workers`` processes (the floor ``rectxl batch`` is measured against)."""
    return loop_run("read", folder, workers).seconds


def check_loop(folder: Path, workers: int) -> float:
    """Seconds for a fresh process to run :func:`rectxl.api.check` on every ledger of ``folder``
    on ``workers`` processes, keeping nothing (the folder's file names listed once, as
    ``rectxl batch`` lists them)."""
    return loop_run("check", folder, workers).seconds


def loop_run(kind: str, folder: Path, workers: int) -> Run:
    """The read ("read") or check ("check") loop as a :class:`Run` (time, memory, CPU)."""
    return measure("benchmarks.batch_scale", "--loop", kind, str(folder), str(workers))


def batch(folder: Path, workers: int, out: Path | None = None) -> Run:
    """``rectxl batch`` on ``folder`` with ``workers`` processes, the workbook and JSON written to
    ``out`` (a folder; default a temporary one, removed after)."""
    if out is None:
        with tempfile.TemporaryDirectory(prefix="rectxl-batch-") as tmp:
            return batch(folder, workers, Path(tmp))
    return measure("rectxl", "batch", str(folder), "-o", str(out / "汇总.xlsx"), "--force", "--workers",
                   str(workers), "--no-progress")


def compare(folder: Path, workers: int, repeat: int = 1) -> dict[str, Any]:
    """The bare read loop, the check loop and ``rectxl batch`` on ``folder``, alternated ``repeat``
    times (a busy machine slows all alike); the best time of each and the ratios, of wall time
    and of CPU time (all processes: steadier than wall time on a shared machine)."""
    reads: list[Run] = []
    checks: list[Run] = []
    batches: list[Run] = []
    for _ in range(repeat):
        reads.append(loop_run("read", folder, workers))
        checks.append(loop_run("check", folder, workers))
        batches.append(batch(folder, workers))
    read, check, run = (min(runs, key=lambda r: r.seconds) for runs in (reads, checks, batches))
    cpu = {name: min(r.parent_cpu + r.workers_cpu for r in runs)
           for name, runs in (("read", reads), ("check", checks), ("batch", batches))}
    return {
        "files": len(ledger_files(folder)),
        "workers": workers,
        "bare_read_s": read.seconds,
        "check_loop_s": check.seconds,
        "batch_s": run.seconds,
        "ratio": run.seconds / read.seconds,
        "check_ratio": check.seconds / read.seconds,
        "batch_over_check": run.seconds / check.seconds,
        "cpu_s": cpu,
        "cpu_ratio": cpu["batch"] / cpu["read"],
        "batch": asdict(run),
    }


def province(count: int = 10_000, workers: int | None = None) -> dict[str, Any]:
    """A generated province of ``count`` unit ledgers (made once under ``benchmarks/out/``) through
    ``rectxl batch``: seconds, peak MB (main process, largest worker), ledgers, measures,
    findings, the sheets and sizes of the outputs."""
    from benchmarks.generate import cached_folder

    workers = workers or os.cpu_count() or 1
    start = time.perf_counter()
    folder = cached_folder(count)
    generated = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="rectxl-province-") as tmp:
        out = Path(tmp)
        run = batch(folder, workers, out)
        with (out / "汇总.json").open(encoding="utf-8") as fh:
            totals = json.load(fh)["totals"]
        with zipfile.ZipFile(out / "汇总.xlsx") as zf:
            from rectxl.io.ooxml import sheet_parts

            sheets = list(sheet_parts(zf))
        workbook_mb = (out / "汇总.xlsx").stat().st_size / 2**20
        json_mb = (out / "汇总.json").stat().st_size / 2**20
    return {
        "ledgers": totals["ledgers"],
        "skipped": totals["skipped"],
        "measures": totals["measures"],
        "findings": sum(totals["by_severity"].values()),
        "workers": workers,
        "seconds": run.seconds,
        "peak_mb": run.parent_mb,
        "workers_peak_mb": run.workers_mb,
        "parent_cpu_s": run.parent_cpu,
        "workers_cpu_s": run.workers_cpu,
        "sheets": sheets,
        "workbook_mb": workbook_mb,
        "json_mb": json_mb,
        "generate_s": generated,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="rectxl batch 大规模基准（与裸读取循环同场比较）")
    parser.add_argument("--folder", type=int, default=1000, help="ledgers in the compared folder (0: skip)")
    parser.add_argument("--province", type=int, default=10_000, help="ledgers in the province run (0: skip)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=2, help="alternations of the comparison (best of each)")
    parser.add_argument("--loop", nargs=3, metavar=("KIND", "FOLDER", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.loop:
        kind, folder, workers = args.loop
        print(_loop(kind, Path(folder), int(workers)))
        return 0
    if args.folder:
        from benchmarks.generate import cached_folder

        folder = cached_folder(args.folder)
        c = compare(folder, args.workers, args.repeat)
        b = c["batch"]
        print(f"{c['files']:,} ledgers, {c['workers']} workers (best of {args.repeat}):")
        print(f"- bare python-calamine read loop {c['bare_read_s']:.2f} s; rectxl.api.check loop "
              f"{c['check_loop_s']:.2f} s ({c['check_ratio']:.2f}×); rectxl batch {c['batch_s']:.2f} s")
        print(f"- batch ÷ bare read loop **{c['ratio']:.2f}** (goal ≤ 1.5); batch ÷ check loop "
              f"{c['batch_over_check']:.2f}")
        cpu = c["cpu_s"]
        print(f"- CPU seconds, all processes: read loop {cpu['read']:.1f}, check loop {cpu['check']:.1f}, batch "
              f"{cpu['batch']:.1f} → batch ÷ read loop {c['cpu_ratio']:.2f}")
        print(f"- batch peak {b['parent_mb']:.0f} MB main process, {b['workers_mb']:.0f} MB largest worker; "
              f"CPU {b['parent_cpu']:.1f} s main, {b['workers_cpu']:.1f} s workers")
    if args.province:
        p = province(args.province, args.workers)
        print(f"province of {p['ledgers']:,} ledgers ({p['measures']:,} measures, {p['findings']:,} findings, "
              f"{p['skipped']} unreadable), {p['workers']} workers: **{p['seconds']:.1f} s**, peak "
              f"**{p['peak_mb']:.0f} MB** main process, {p['workers_peak_mb']:.0f} MB largest worker; CPU "
              f"{p['parent_cpu_s']:.1f} s main, {p['workers_cpu_s']:.1f} s workers")
        print(f"- outputs: workbook {p['workbook_mb']:.1f} MB (sheets {'、'.join(p['sheets'])}), "
              f"JSON {p['json_mb']:.1f} MB; folder generated/reused in {p['generate_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
