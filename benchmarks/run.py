"""rectxl benchmarks: every figure a ratio against a baseline measured in the same run.

    python -m benchmarks.run                   # the full suite (see benchmarks/RESULTS.md for timing)
    python -m benchmarks.run --quick           # a smoke run in seconds (tests/test_benchmarks_smoke.py)
    python -m benchmarks.run --markdown benchmarks/RESULTS.md

Ledgers of 1,000 / 10,000 / 100,000 measures and a folder of 1,000 unit ledgers of ~150 measures
are generated once (realistic text, merged hierarchy, Chinese dates, ~10% defects; see
``benchmarks/generate.py``) and cached under ``benchmarks/out/``. Each operation runs in a fresh
subprocess, so its wall time includes starting Python and its peak memory (the process's own
high-water mark, VmHWM, read as it exits) is its own:

- ``rectxl check`` ÷ a bare python-calamine read of the same sheet (time; goal ≤ 2.0 at 100k)
  and its peak memory ÷ the bare read's (goal ≤ 2.0);
- ``rectxl annotate`` ÷ a bare zip copy of the same file (every member read and written again), time
  and memory, and ÷ an openpyxl load + save (what annotate used to cost; goal ≤ 1.5);
- growth: ``rectxl check`` at 100k ÷ at 10k (goal ≤ 11, i.e. linear);
- ``rectxl batch`` on the folder (goal ≤ 30 s on 2 cores), with one worker and on a tenth of the
  files, to show how cost grows with files and cores;
- the number of xlwings actions ``rectxl.excel.validate`` queues on the bundled example and on
  a 5,000-measure ledger (must not grow per data row);
- desktop Excel's reading path (``Workbook.SaveCopyAs`` → the file reader) on the 5,000-measure
  ledger, and the COM calls ``rectxl.excel.validate`` makes there and on the example, through
  the COM stand-in (tests/com_standin.py) with xlwings' real Windows engine.

Repeated runs (check: best of 3 below 100k, of 2 at 100k; annotate: best of 2 at 1k, once from
10k) alternate between the operation and its baseline so that a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(ROOT))

from benchmarks.batch_scale import compare as compare_batch  # noqa: E402
from benchmarks.batch_scale import province  # noqa: E402
from benchmarks.generate import LAYOUTS, cached_folder, cached_layout_ledger, cached_ledger  # noqa: E402

PY = sys.executable
BARE_READ = ("import sys, python_calamine as pc; "
             "pc.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name(sys.argv[2]).to_python()")
BARE_OPENPYXL = "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])"
#: a bare copy of the package: every member read and written again, compressed (what an edit of the
#: package that changes nothing would cost) — the baseline of ``rectxl annotate``
BARE_ZIP_COPY = ("import sys, zipfile\n"
                 "src = zipfile.ZipFile(sys.argv[1])\n"
                 "with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as dst:\n"
                 "    for info in src.infolist():\n"
                 "        dst.writestr(info.filename, src.read(info))")
XLWINGS_ACTIONS = """
import json, os, sys
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
sys.path.insert(0, sys.argv[1])
from tests import xlwings_remote as xr
import rectxl.excel as rx
counts = {}
for path in sys.argv[2:]:
    book = xr.book_from_xlsx(path, harness_extras=True)
    report = rx.validate(book)
    acts = xr.actions(book)
    counts[path] = {"actions": len(acts), "measures": report.measures if report else None,
                    "findings": len(report.findings) if report else None,
                    "funcs": sorted({a["func"] for a in acts})}
print(json.dumps(counts))
"""
DESKTOP_PATH = """
import json, os, sys, tempfile, time
from pathlib import Path
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
sys.path.insert(0, sys.argv[1])
from tests.com_standin import Excel, workbook_of
import rectxl.excel as rx
from rectxl.excel.book_io import saved_copy
from rectxl.io.reader import read_ledger
out = {}
for path in sys.argv[2:]:
    excel = Excel()
    book = excel.open(path)
    sheets = len(book.sheets)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        workbook_of(book).SaveCopyAs(str(Path(tmp) / Path(path).name))
        copy_s = time.perf_counter() - start
    with saved_copy(book) as copy:
        start = time.perf_counter()
        read_ledger(copy)
        read_s = time.perf_counter() - start
    excel.calls = 0
    start = time.perf_counter()
    report = rx.validate(book)
    validate_s = time.perf_counter() - start
    calls = excel.calls
    excel.calls = 0
    flagged = rx.flag(book)  # 标记问题, then 清除标记: their calls, against the cells marked
    flag_calls = excel.calls
    excel.calls = 0
    restored = rx.clear(book)
    out[path] = {"calls": calls, "measures": report.measures if report else None, "sheets": sheets,
                 "copy_s": copy_s, "read_s": read_s, "validate_s": validate_s,
                 "flag_calls": flag_calls if flagged else None, "clear_calls": excel.calls, "marked": restored}
print(json.dumps(out))
"""


#: Runs ``-m module args…`` or ``-c code args…`` like ``python`` does and, at exit, writes the
#: process's peak resident memory (VmHWM) to the file named by $RECTXL_BENCH_HWM. The kernel's
#: ru_maxrss of a child also counts the parent's memory at the moment it was spawned (it is kept
#: across exec), which would credit this runner's own memory to every operation.
WRAPPER = """
import atexit, os, runpy, sys
def _peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(os.environ["RECTXL_BENCH_HWM"], "w") as out:
        out.write(kb)
atexit.register(_peak)
mode, target, *args = sys.argv[1:]
if mode == "-m":
    sys.argv = [target, *args]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c", *args]
    exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})
"""


@dataclass
class Sample:
    seconds: float
    rss_mb: float


def measure(cmd: list[str], *, ok: tuple[int, ...] = (0, 1), cwd: Path | None = None) -> Sample:
    """Wall time and peak resident memory of ``cmd`` (``[python, -m|-c, …]``) in a fresh process."""
    assert cmd[0] == PY and cmd[1] in ("-m", "-c"), cmd
    with tempfile.NamedTemporaryFile(prefix="rectxl-hwm-", delete=False) as hwm:
        pass
    env = {**os.environ, "RECTXL_BENCH_HWM": hwm.name}
    try:
        start = time.perf_counter()
        proc = subprocess.run([PY, "-c", WRAPPER, *cmd[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              cwd=cwd, env=env)
        seconds = time.perf_counter() - start
        if proc.returncode not in ok:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                               f"{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        kb = Path(hwm.name).read_text().strip()
    finally:
        os.unlink(hwm.name)
    return Sample(seconds, int(kb) / 1024 if kb else float("nan"))


def best(samples: list[Sample]) -> Sample:
    return Sample(min(s.seconds for s in samples), min(s.rss_mb for s in samples))


def alternate(first: list[str], second: list[str], repeat: int) -> tuple[Sample, Sample]:
    """Run two commands ``repeat`` times, alternating; the best of each."""
    a: list[Sample] = []
    b: list[Sample] = []
    for _ in range(repeat):
        a.append(measure(first))
        b.append(measure(second))
    return best(a), best(b)


def batch_command() -> list[str]:
    """``rectxl batch`` once the command line has it, else ``python -m rectxl.batch``."""
    probe = subprocess.run([PY, "-m", "rectxl", "batch", "--help"], capture_output=True)
    return [PY, "-m", "rectxl", "batch"] if probe.returncode == 0 else [PY, "-m", "rectxl.batch"]


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")))
        mem = f"{mem_kb / 2**20:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        mem = "RAM unknown"
    from importlib.metadata import version

    versions = (f"Python {platform.python_version()}, python-calamine {version('python-calamine')}, "
                f"openpyxl {version('openpyxl')}")
    return (f"{os.cpu_count()} CPUs ({cpu or platform.processor() or platform.machine()}), {mem}, "
            f"{platform.system()} {platform.release()}, {versions}")


def fmt_n(n: int) -> str:
    return f"{n:,}"


def run(args: argparse.Namespace) -> list[str]:
    quick = args.quick
    default_sizes = [100, 1000] if quick else [1000, 10_000, 100_000]
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else default_sizes
    annotate_sizes = ([int(s) for s in args.annotate_sizes.split(",") if s] if args.annotate_sizes is not None
                      else sizes)
    files = args.folder if args.folder is not None else (8 if quick else 1000)
    xl_size = 500 if quick else 5000
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    started = time.perf_counter()
    say(f"rectxl benchmarks — {datetime.now():%Y-%m-%d %H:%M}{' (quick)' if quick else ''}")
    say(f"machine: {machine()}")
    say("")
    # rectxl is measured as installed: pip compiles its bytecode at install time, an editable
    # checkout (or PYTHONDONTWRITEBYTECODE=1) would otherwise recompile every module in every run
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "rectxl")], check=True, stdout=subprocess.DEVNULL)
    say("generating / reusing ledgers under benchmarks/out/ …")
    t = time.perf_counter()
    ledgers = {n: cached_ledger(n) for n in sorted(set(sizes) | set(annotate_sizes) | {xl_size})}
    folder = cached_folder(files) if files else None
    say(f"  ready in {time.perf_counter() - t:.0f} s")
    say("")

    tmp = Path(tempfile.mkdtemp(prefix="rectxl-bench-"))
    rows: dict[int, dict[str, float]] = {}
    try:
        say("| measures | file MB | bare read s | check s | time ratio (goal ≤ 2.0 at 100k) | "
            "bare read MB | check MB | memory ratio (goal ≤ 1.5 at 100k) |")
        say("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            path = ledgers[n]
            repeat = args.repeat or (1 if quick else (2 if n >= 100_000 else 3))
            read, check = alternate([PY, "-c", BARE_READ, str(path), "台账"],
                                    [PY, "-m", "rectxl", "check", str(path), "--format", "json"], repeat)
            rows[n] = {"read": read.seconds, "check": check.seconds, "read_mb": read.rss_mb, "check_mb": check.rss_mb}
            say(f"| {fmt_n(n)} | {path.stat().st_size / 2**20:.1f} | {read.seconds:.2f} | {check.seconds:.2f} | "
                f"**{check.seconds / read.seconds:.2f}** | {read.rss_mb:.0f} | {check.rss_mb:.0f} | "
                f"**{check.rss_mb / read.rss_mb:.2f}** |")
        if len(sizes) >= 2:
            lo, hi = sizes[-2], sizes[-1]
            say("")
            say(f"growth {fmt_n(hi)} ÷ {fmt_n(lo)} measures ({hi // lo}× the rows): rectxl check "
                f"**{rows[hi]['check'] / rows[lo]['check']:.2f}** (goal ≤ 11), bare read "
                f"{rows[hi]['read'] / rows[lo]['read']:.2f}; per 1,000 measures at {fmt_n(hi)}: check "
                f"{1000 * rows[hi]['check'] / hi:.3f} s")
        example = ROOT / "workbooks" / "示例台账.xlsx"
        repeat = args.repeat or (1 if quick else 3)
        read, check = alternate([PY, "-c", BARE_READ, str(example), "台账"],
                                [PY, "-m", "rectxl", "check", str(example), "--format", "json"], repeat)
        say("")
        say(f"check on the bundled example: {check.seconds:.2f} s vs bare-read process {read.seconds:.2f} s → "
            f"**{check.seconds / read.seconds:.2f}×** (goal ≤ 4)")
        # growth with the ledger's own structure: issue rows and merged ranges scale with the issues
        # (a scan of every merged range per row once made 2,000 issues take seconds)
        layout_issues = (100, 1000) if quick else (200, 2000)
        growth = []
        for layout in LAYOUTS:
            lo_s, hi_s = (best([measure([PY, "-m", "rectxl", "check", str(cached_layout_ledger(k, layout)),
                                         "--format", "json"]) for _ in range(repeat)]).seconds
                          for k in layout_issues)
            growth.append(f"{layout} {lo_s:.2f} → {hi_s:.2f} s, **{hi_s / lo_s:.2f}**")
        say(f"growth of check with county layouts, {fmt_n(3 * layout_issues[0])} → {fmt_n(3 * layout_issues[1])} "
            f"measures (10× the rows; goal ≤ 11, start-up included): " + "; ".join(growth))
        ops_sizes = ([int(x) for x in args.ops_sizes.split(",") if x] if args.ops_sizes is not None
                     else ([1000] if quick else [10_000, 100_000]))
        op_seconds: dict[str, dict[int, float]] = {}
        for ops_size in ops_sizes:
            say("")
            say(f"| operation at {fmt_n(ops_size)} measures | baseline s | operation s | "
                "time ratio (goal ≤ 5 at 10k) | baseline MB | operation MB | memory ratio |")
            say("|---|---:|---:|---:|---:|---:|---:|")
            path = cached_ledger(ops_size)
            read_cmd = [PY, "-c", BARE_READ, str(path), "台账"]
            two_reads = [PY, "-c", BARE_READ + "; " + BARE_READ.split("; ", 1)[1], str(path), "台账"]
            ops = [
                ("`check --format json`", read_cmd, [PY, "-m", "rectxl", "check", str(path), "--format", "json"]),
                ("`summary -o x.xlsx`", read_cmd,
                 [PY, "-m", "rectxl", "summary", str(path), "-o", str(tmp / "summary.xlsx"), "--force"]),
                ("`notice -o x.docx`", read_cmd,
                 [PY, "-m", "rectxl", "notice", str(path), "-o", str(tmp / "notice.docx"), "--force"]),
                ("`remind -o folder`", read_cmd,
                 [PY, "-m", "rectxl", "remind", str(path), "-o", str(tmp / "remind"), "--force"]),
                ("`diff a a --format json` (baseline: two reads)", two_reads,
                 [PY, "-m", "rectxl", "diff", str(path), str(path), "--format", "json"]),
            ]
            for label, base_cmd, op_cmd in ops:
                repeat = args.repeat or (1 if quick or ops_size >= 100_000 else 2)
                base, op = alternate(base_cmd, op_cmd, repeat)
                op_seconds.setdefault(label, {})[ops_size] = op.seconds
                say(f"| {label} | {base.seconds:.2f} | {op.seconds:.2f} | **{op.seconds / base.seconds:.2f}** | "
                    f"{base.rss_mb:.0f} | {op.rss_mb:.0f} | {op.rss_mb / base.rss_mb:.2f} |")
        if len(ops_sizes) >= 2:
            lo, hi = ops_sizes[-2], ops_sizes[-1]
            say("")
            say(f"growth {fmt_n(hi)} ÷ {fmt_n(lo)} measures (goal ≤ 11): " + "; ".join(
                f"{label} **{times[hi] / times[lo]:.2f}**" for label, times in op_seconds.items()))
        if annotate_sizes:
            say("")
            say("| measures | bare zip copy s | annotate s | time ratio | zip copy MB | annotate MB | memory ratio | "
                "openpyxl load+save s | openpyxl time ratio (goal ≤ 1.5) |")
            say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for n in annotate_sizes:
                path = ledgers[n]
                repeat = args.repeat or (1 if quick or n >= 10_000 else 2)
                base, ann = alternate([PY, "-c", BARE_OPENPYXL, str(path), str(tmp / "openpyxl.xlsx")],
                                      [PY, "-m", "rectxl", "annotate", str(path), "-o", str(tmp / "annotated.xlsx"),
                                       "--force"],
                                      repeat)
                copy = best([measure([PY, "-c", BARE_ZIP_COPY, str(path), str(tmp / "zipcopy.xlsx")])
                             for _ in range(repeat)])
                say(f"| {fmt_n(n)} | {copy.seconds:.2f} | {ann.seconds:.2f} | **{ann.seconds / copy.seconds:.2f}** | "
                    f"{copy.rss_mb:.0f} | {ann.rss_mb:.0f} | **{ann.rss_mb / copy.rss_mb:.2f}** | "
                    f"{base.seconds:.2f} | {ann.seconds / base.seconds:.2f} |")
        if folder is not None:
            say("")
            cmd = batch_command()
            all_files = sorted(p for p in folder.iterdir() if p.suffix == ".xlsx")
            tenth = tmp / "folder-tenth"
            tenth.mkdir()
            for p in all_files[: max(1, len(all_files) // 10)]:
                shutil.copy(p, tenth / p.name)
            cores = os.cpu_count() or 1
            compared = compare_batch(folder, cores, repeat=args.repeat or (1 if quick else 2))
            full = measure([*cmd, str(folder), "-o", str(tmp / "batch.xlsx"), "--workers", str(cores)])
            summary = json.loads((tmp / "batch.json").read_text("utf-8"))["totals"]
            part = measure([*cmd, str(tenth), "-o", str(tmp / "batch-tenth.xlsx"), "--workers", str(cores)])
            one = measure([*cmd, str(folder), "-o", str(tmp / "batch-1.xlsx"), "--workers", "1"])
            n_files = len(all_files)
            say(f"rectxl batch, {fmt_n(n_files)} ledgers ({fmt_n(summary['measures'])} measures, "
                f"{fmt_n(summary['by_severity']['error'] + summary['by_severity']['warning'])} errors and warnings):")
            say(f"- {cores} workers: **{compared['batch_s']:.1f} s** vs a loop of bare python-calamine reads of the "
                f"same files on the same workers {compared['bare_read_s']:.1f} s → time ratio "
                f"**{compared['ratio']:.2f}** (goal ≤ 1.5; CPU ratio {compared['cpu_ratio']:.2f}); a loop of "
                f"`rectxl.api.check` alone {compared['check_loop_s']:.1f} s ({compared['check_ratio']:.2f}× the reads, "
                f"batch {compared['batch_over_check']:.2f}× it); peak {compared['batch']['parent_mb']:.0f} MB main "
                f"process, {compared['batch']['workers_mb']:.0f} MB largest worker")
            say(f"- 1 worker: {one.seconds:.1f} s → {cores} workers are {one.seconds / full.seconds:.2f}× faster")
            say(f"- {len(list(tenth.iterdir()))} ledgers (a tenth): {part.seconds:.1f} s → "
                f"{n_files // max(1, len(list(tenth.iterdir())))}× the files cost "
                f"{full.seconds / part.seconds:.2f}× the time")
        if args.province:
            say("")
            found = province(args.province)
            say(f"province: {fmt_n(found['ledgers'])} ledgers ({fmt_n(found['measures'])} measures, "
                f"{fmt_n(found['findings'])} findings) on {found['workers']} workers: **{found['seconds']:.0f} s**, "
                f"peak {found['peak_mb']:.0f} MB main process, {found['workers_peak_mb']:.0f} MB largest worker; "
                f"CPU {found['parent_cpu_s']:.0f} s main, {found['workers_cpu_s']:.0f} s workers; sheets "
                f"{'、'.join(found['sheets'])}; workbook {found['workbook_mb']:.1f} MB, JSON {found['json_mb']:.1f} MB")
        say("")
        proc = subprocess.run([PY, "-c", XLWINGS_ACTIONS, str(ROOT), str(ROOT / "workbooks" / "示例台账.xlsx"),
                               str(ledgers[xl_size])], capture_output=True, text=True, encoding="utf-8")
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        counts = json.loads(proc.stdout.strip().splitlines()[-1])
        (ex, ex_n), (big, big_n) = [(c["actions"], c["measures"]) for c in counts.values()]
        verdict = "the same: no growth per data row" if ex == big else "DIFFERENT"
        say(f"xlwings actions queued by rectxl.excel.validate: bundled example ({ex_n} measures) **{ex}**, "
            f"{fmt_n(big_n)}-measure ledger **{big}** — {verdict}")
        say("")
        tenth = cached_ledger(xl_size // 10)  # the same layout (sheets) with a tenth of the rows
        proc = subprocess.run([PY, "-c", DESKTOP_PATH, str(ROOT), str(ROOT / "workbooks" / "示例台账.xlsx"),
                               str(tenth), str(ledgers[xl_size])], capture_output=True, text=True, encoding="utf-8")
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        ex_d, small_d, big_d = json.loads(proc.stdout.strip().splitlines()[-1]).values()
        same = "the same: no growth per data row" if small_d["calls"] == big_d["calls"] else "DIFFERENT"
        say(f"desktop Excel reading path (SaveCopyAs to a temporary file → the file reader), "
            f"{fmt_n(big_d['measures'])} measures: reading the copy **{big_d['read_s']:.2f} s**; "
            f"Excel's own SaveCopyAs is not measured here (the COM stand-in's, openpyxl, took "
            f"{big_d['copy_s']:.2f} s); rectxl.excel.validate through the stand-in "
            f"{big_d['validate_s']:.2f} s in all")
        say(f"COM calls made by rectxl.excel.validate: bundled example ({ex_d['measures']} measures, "
            f"{ex_d['sheets']} sheets) "
            f"**{ex_d['calls']}**; generated ledgers ({big_d['sheets']} sheets) of {fmt_n(small_d['measures'])} and "
            f"{fmt_n(big_d['measures'])} measures **{small_d['calls']}** and **{big_d['calls']}** — {same}")
        say("COM calls of 标记问题 / 清除标记 against the cells they mark and restore: "
            + "; ".join(f"{fmt_n(d['measures'])} measures, {fmt_n(d['marked'])} cells: **{d['flag_calls']}** / "
                        f"**{d['clear_calls']}**" for d in (ex_d, small_d, big_d)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say("")
    say(f"total benchmark time: {time.perf_counter() - started:.0f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="rectxl 性能基准(与裸读取器同场比较)")
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition (a few seconds)")
    parser.add_argument("--sizes", help="comma-separated ledger sizes (default 1000,10000,100000)")
    parser.add_argument("--annotate-sizes", help="sizes for annotate vs openpyxl (default: the same; '' for none)")
    parser.add_argument("--ops-sizes",
                        help="ledger sizes for summary/notice/diff vs their baselines "
                             "(default 10000,100000; '' to skip)")
    parser.add_argument("--folder", type=int, help="ledgers in the batch folder (default 1000; 0 to skip)")
    parser.add_argument("--province", type=int, default=0,
                        help="also run a generated province of this many ledgers through rectxl batch (e.g. 10000)")
    parser.add_argument("--repeat", type=int, help="repetitions per operation (default: 3, 2 at 100k)")
    parser.add_argument("--markdown", type=Path, help="also write the results to this Markdown file")
    args = parser.parse_args(argv)
    lines = run(args)
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
