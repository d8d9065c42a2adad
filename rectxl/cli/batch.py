"""``rectxl batch``: arguments, progress display, one call to :func:`rectxl.batch.write_batch`, the summary."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from rectxl.cli.options import LEDGER_FORMATS, WORD_LEDGER_FORMATS, add_force_option, positive_int, seconds
from rectxl.core.rules import Options
from rectxl.io.limits import DEFAULT_TIMEOUT

__all__ = ["add_arguments", "run_command"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``rectxl batch`` (the validation options are added by the caller)."""
    p.add_argument("folder", type=Path, metavar="文件夹",
                   help=f"台账所在文件夹（包括其中的子文件夹），读取其中的 {LEDGER_FORMATS} 文件"
                        f"和{WORD_LEDGER_FORMATS}")
    p.add_argument("-o", "--output", type=Path, metavar="文件",
                   help="汇总工作簿（默认：文件夹旁边的“文件夹名_批量校验汇总.xlsx”）："
                        "整改统计（各单位按逾期数、完成率排序）、单位汇总、全部问题（可跳转到原文件单元格）、无法读取")
    p.add_argument("--json", type=Path, metavar="文件",
                   help="同时写出 JSON 结果（默认与汇总工作簿同名 .json；写 - 则输出到屏幕）")
    p.add_argument("--no-json", action="store_true", help="不写 JSON 结果")
    add_force_option(p)
    p.add_argument("-j", "--workers", type=positive_int, metavar="进程数", help="并行进程数（默认等于 CPU 核数）")
    p.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="秒",
                   help=f"单个台账最长处理时间，超时则跳过并列入“无法读取”（默认 {DEFAULT_TIMEOUT} 秒，0 表示不限）")
    p.add_argument("--no-progress", action="store_true", help="不显示进度（输出不是终端时本来就不显示）")
    p.add_argument("--roster", type=Path, metavar="名单",
                   help="应报送单位名单（.xlsx/.xls/.ods 的“单位名称”列或第一列，通知附件 Word 文档 .docx 中的"
                        "名单表格，或每行一个单位的 .txt）：名单中没有统计到台账的单位列为“未报送”。不指定时，"
                        "文件夹第一层中文件名含“名单”“名录”的表格或 Word 文档即作为名单")


def run_command(args: argparse.Namespace, options: Options) -> int:
    """``rectxl batch``: run, writing the workbook and JSON as results come in; print the summary.
    The exit code is 1 when any ledger has errors or could not be read, else 0."""
    # imported here: building the parser for `rectxl check` loads no process pool
    from rectxl.batch import plan_outputs, write_batch
    from rectxl.core.batch_report import to_text

    outputs = plan_outputs(args.folder, args.output, args.json, no_json=args.no_json, force=args.force)
    show = not args.no_progress and sys.stderr.isatty()
    bar = _ProgressBar(sys.stderr) if show else None
    try:
        result = write_batch(args.folder, outputs, options=options, workers=args.workers, progress=bar,
                             timeout=args.timeout or None, stdout=sys.stdout, roster=args.roster)
    finally:
        if bar is not None:
            bar.close()
    written = [str(outputs.workbook)]
    if outputs.json != "-":
        sys.stdout.write(to_text(result))
        if outputs.json is not None:
            written.append(str(outputs.json))
    print(f"已写入 {'、'.join(written)}", file=sys.stderr)
    return 1 if result.has_errors else 0


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
