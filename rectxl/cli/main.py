"""The ``rectxl`` command line: parse arguments, call one library function, render the result.

Exit codes: 0 no errors found, 1 errors found, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rectxl.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    add_validation_options,
    as_of_date,
    options_from,
)
from rectxl.core.errors import RectxlError
from rectxl.core.findings import Severity
from rectxl.core.rules import RULES
from rectxl.core.version import __version__

__all__ = ["build_parser", "main"]



def _emit(text: str, output: Path | None, *, bom: bool = False) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from rectxl.io.atomic import atomic_write_text

    atomic_write_text(output, text, encoding="utf-8-sig" if bom else "utf-8")
    print(f"已写入 {output}", file=sys.stderr)


# -- commands ------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from rectxl import api
    from rectxl.core import report

    result = api.check(args.ledger, options_from(args))
    if args.format == "json":
        _emit(report.to_json(result), args.output)
    elif args.format == "csv":
        _emit(report.to_csv(result), args.output, bom=True)
    else:
        color = args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        _emit(report.to_text(result, color=color), args.output)
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    from rectxl import api

    if args.clear:
        restored, target, backup = api.clear(args.ledger, args.output, in_place=args.in_place)
        if backup:
            print(f"已备份原文件到 {backup}")
        print(f"已清除标记({restored}个单元格恢复原样),写入 {target}")
        return EXIT_OK
    result, target, backup = api.annotate(args.ledger, args.output, options_from(args),
                                          in_place=args.in_place, summary=not args.no_summary)
    if backup:
        print(f"已备份原文件到 {backup}")
    print(f"已写入 {target}:校验结果 {len(result.findings)} 条(错误 {result.count(Severity.ERROR)} 条),"
          "问题单元格已标色,并生成汇总表")
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from rectxl import api

    result, target = api.summary_workbook(args.ledger, args.output, options_from(args))
    print(f"已写入汇总表 {target}(截至 {result.as_of.isoformat()})")
    return EXIT_OK


def cmd_notice(args: argparse.Namespace) -> int:
    from rectxl import api

    ledger, target = api.notice(args.ledger, args.output)
    issues = sum(1 for _ in ledger.issues())
    measures = sum(1 for _ in ledger.measures())
    print(f"已生成通报 {target}({len(ledger.aspects)}个方面{issues}个问题{measures}项措施)")
    return EXIT_OK


def cmd_parse_notice(args: argparse.Namespace) -> int:
    from rectxl import api

    parsed = api.parse_notice_file(args.notice, args.output)
    led = parsed.ledger
    categories = sum(1 for a in led.aspects for c in a.categories if c.title)
    print(f"解析结果:{len(led.aspects)}个方面,{categories}个类别,{sum(1 for _ in led.issues())}个问题,"
          f"{sum(1 for _ in led.measures())}项措施")
    for check in parsed.total_checks:
        mark = {True: "一致", False: "不一致", None: "无法核对"}[check.ok]
        print(f"  通报所述{check.label}:{mark}。{check.message}")
    for warning in parsed.warnings:
        print(f"  注意:{warning}")
    if args.output:
        print(f"已写入台账 {args.output}")
    return EXIT_FINDINGS if any(c.ok is False for c in parsed.total_checks) else EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from rectxl import api
    from rectxl.core.diff import render_diff_text

    diff = api.diff(args.old, args.new, as_of_old=args.as_of_old, as_of_new=args.as_of_new)
    if args.format == "json":
        api.ensure_outputs_apart(args.output, args.old, args.new)
        _emit(diff.model_dump_json(indent=2) + "\n", args.output)
    elif args.output is not None and args.output.suffix.lower() in (".xlsx", ".xlsm"):
        from rectxl.io.diff_out import write_diff_file

        write_diff_file(args.output, diff, inputs=(args.old, args.new))
        print(f"已写入 {args.output}:变化 {len(diff.changes)} 处,值得注意 {len(diff.regressions)} 处")
    else:
        api.ensure_outputs_apart(args.output, args.old, args.new)
        _emit(render_diff_text(diff), args.output)
    return EXIT_FINDINGS if diff.regressions else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from rectxl.io.atomic import ensure_not_input
    from rectxl.io.ledger_xlsx import write_ledger

    if args.output.exists() and not args.force:
        raise RectxlError(f"{args.output} 已存在:为避免覆盖已有台账,请换一个文件名,或加 --force")
    ensure_not_input(args.output)
    write_ledger(args.output)
    print(f"已生成空白台账模板 {args.output}")
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from rectxl.cli.batch import run_command

    return run_command(args, options_from(args))


def cmd_addin(args: argparse.Namespace) -> int:
    from rectxl.addin.cli import main as addin_main

    return addin_main(args.args)


def cmd_codes(args: argparse.Namespace) -> int:
    from rectxl.core.findings import SEVERITY_LABELS

    for code, rule in RULES.items():
        print(f"{code:<26} {SEVERITY_LABELS[rule.severity]}  {rule.description}")
    return EXIT_OK


# -- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="rectxl",
        description="巡察整改台账校验与整改进展情况通报生成工具",
        epilog="退出码:0 未发现错误;1 发现错误;2 用法错误或文件无法读取。",
    )
    parser.add_argument("--version", action="version", version=f"rectxl {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)

    p = sub.add_parser("check", help="校验台账,列出全部问题", description="校验一个台账文件,按严重程度列出全部问题。")
    p.add_argument("ledger", type=Path, help="台账文件(.xlsx/.xlsm/.xls/.ods)")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text", help="输出格式(默认 text)")
    p.add_argument("-o", "--output", type=Path, help="写入文件而不是屏幕")
    add_validation_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("annotate", help="生成带校验结果、标色和汇总表的台账副本",
                       description="校验台账,写出一个副本:增加“校验结果”工作表(可点击跳转到单元格)、"
                                   "给问题单元格标色(逾期红、临期黄、缺责任人橙、其他错误紫)并生成汇总表。"
                                   "加 --clear 则去除这些标记和工作表,恢复原样。")
    p.add_argument("ledger", type=Path, help="台账文件(.xlsx/.xlsm)")
    p.add_argument("-o", "--output", type=Path, help="输出文件(默认:原文件名_校验.xlsx)")
    p.add_argument("--in-place", action="store_true", help="直接写回原文件(会先自动备份)")
    p.add_argument("--clear", action="store_true", help="清除 rectxl 的标色和工作表")
    p.add_argument("--no-summary", action="store_true", help="不生成汇总表")
    add_validation_options(p)
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("summary", help="按通报结构生成汇总表",
                       description="按通报的结构生成汇总工作簿:整改总体情况、整改明细、责任单位统计、逾期清单。")
    p.add_argument("ledger", type=Path, help="台账文件")
    p.add_argument("-o", "--output", type=Path, default=Path("整改汇总.xlsx"), help="输出文件(默认 整改汇总.xlsx)")
    add_validation_options(p)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("notice", help="由台账生成整改进展情况通报(.docx/.txt/.md)",
                       description="按已发布通报的结构生成《整改进展情况的通报》:导语、一、二(逐项整改情况)、三、"
                                   "联系方式和落款取自“基本信息”表,缺少的以【请填写…】标出。"
                                   ".docx 为公文格式(GB/T 9704)。")
    p.add_argument("ledger", type=Path, help="台账文件")
    p.add_argument("-o", "--output", type=Path, default=Path("整改进展情况通报.docx"),
                   help="输出文件,按扩展名生成 .docx、.txt 或 .md(默认 整改进展情况通报.docx)")
    p.set_defaults(func=cmd_notice)

    p = sub.add_parser("parse-notice", help="把已发布的通报解析回台账",
                       description="解析已发布的整改进展情况通报(.txt/.md/.docx):方面、类别、问题、一是二是等措施,"
                                   "按措辞推断状态,并核对通报中写明的总数(如“33个问题…148项整改措施”)。"
                                   "通报所述总数与解析结果不一致时退出码为 1。")
    p.add_argument("notice", type=Path, help="通报文件(.txt/.md/.docx)")
    p.add_argument("-o", "--output", type=Path, help="写出台账 .xlsx")
    p.set_defaults(func=cmd_parse_notice)

    p = sub.add_parser("diff", help="对比两期台账的变化",
                       description="对比同一台账的两个版本(如9月和10月报送的台账):新增、删除的措施,"
                                   "状态、时限、责任单位/领导/责任人的变化,措施内容修改,两期的完成情况统计,"
                                   "并列出值得注意的变化(已完成又改回未完成、未注明延期的时限延后、删除已完成措施等);"
                                   "有值得注意的变化时退出码为 1。")
    p.add_argument("old", type=Path, help="上期台账文件")
    p.add_argument("new", type=Path, help="本期台账文件")
    p.add_argument("-o", "--output", type=Path,
                   help="写入文件而不是屏幕:.xlsx 生成“变化汇总”“变化明细”两张表,其他扩展名写文本")
    p.add_argument("--format", choices=["text", "json"], default="text", help="屏幕或文本文件的格式(默认 text)")
    p.add_argument("--as-of-old", type=as_of_date, metavar="YYYY-MM-DD",
                   help="上期的截至日期(统计逾期);默认取上期基本信息中的报告日期,否则为今天")
    p.add_argument("--as-of-new", type=as_of_date, metavar="YYYY-MM-DD",
                   help="本期的截至日期;默认取本期基本信息中的报告日期,否则为今天")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("batch", help="并行校验整个文件夹的台账并汇总",
                       description="校验文件夹(含子文件夹)中的全部台账(.xlsx/.xlsm/.xls/.ods),按 CPU 核数并行;"
                                   "生成汇总工作簿(单位汇总、全部问题(可跳转到原文件单元格)、无法读取)和 JSON。"
                                   "无法读取的文件列出原因后跳过,不会中断;~$ 临时文件、隐藏文件和 rectxl 生成的文件"
                                   "不检查。有台账存在错误或无法读取时退出码为 1。")
    from rectxl.cli.batch import add_arguments

    add_arguments(p)
    add_validation_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("new", help="生成空白台账模板", description="生成带下拉列表和条件格式的空白台账模板。")
    p.add_argument("-o", "--output", type=Path, default=Path("新台账.xlsx"), help="输出文件(默认 新台账.xlsx)")
    p.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("addin", help="构建、安装或卸载 Excel 加载项(整改台账选项卡)", add_help=False,
                       description="Excel 加载项:rectxl addin build(由 macros/ 生成 workbooks/rectxl.xlam)、"
                                   "rectxl addin install(安装到 Excel 启动文件夹)、rectxl addin uninstall。")
    p.add_argument("args", nargs=argparse.REMAINDER, help="build | install | uninstall,及其参数(-h 查看)")
    p.set_defaults(func=cmd_addin)

    p = sub.add_parser("codes", help="列出全部检查代码及说明", description="列出全部检查代码、严重程度及说明。")
    p.set_defaults(func=cmd_codes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["addin"]:  # its own parser, with its own --help
        from rectxl.addin.cli import main as addin_main

        return addin_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return func(args)
    except RectxlError as exc:
        print(f"错误:{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for a user; RECTXL_DEBUG=1 shows it
        if os.environ.get("RECTXL_DEBUG"):
            raise
        print(f"错误:处理时发生意外问题({type(exc).__name__}: {exc})。"
              "请把该文件和此信息反馈给维护人员;设置 RECTXL_DEBUG=1 可查看详细信息。", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
