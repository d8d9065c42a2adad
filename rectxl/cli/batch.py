"""``rectxl batch``: arguments, progress display, one call to :func:`rectxl.batch.run_batch`, outputs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from rectxl.batch import DEFAULT_TIMEOUT, is_not_a_ledger, run_batch
from rectxl.core.batch_report import to_json, to_text
from rectxl.core.errors import RectxlError
from rectxl.core.rules import Options
from rectxl.io.atomic import atomic_write_text
from rectxl.io.batch_out import is_batch_workbook, write_workbook

__all__ = ["add_arguments", "run_command"]


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
    if inside and output.is_file() and is_not_a_ledger(output.name) is None and not is_batch_workbook(output):
        raise RectxlError(f"输出文件 {output} 是所检查文件夹中的台账:为保护原台账,请用 -o 指定另一个文件名")


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
