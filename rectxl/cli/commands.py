"""The ``rectxl`` command line: parse arguments, call one library function, render the result.

Exit codes: 0 no errors found, 1 errors found, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

from rectxl.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    LEDGER_FILE_FORMATS,
    LEDGER_FORMATS,
    WORD_LEDGER_FORMATS,
    Parser,
    add_force_option,
    add_validation_options,
    as_of_date,
    non_negative_int,
    options_from,
    warn_days,
)
from rectxl.core.errors import RectxlError
from rectxl.core.findings import Severity
from rectxl.core.rules import RULES
from rectxl.core.text import cn_date
from rectxl.core.version import __version__

__all__ = ["build_parser", "main"]



def _written(path: Path) -> None:
    print(f"已写入 {path}", file=sys.stderr)


# -- commands ------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from rectxl import api
    from rectxl.core import report

    result = api.check(args.ledger, options_from(args))
    if args.output is not None:
        _written(api.write_report(result, args.output, format=args.format, force=args.force))
    elif args.format == "json":
        sys.stdout.write(report.to_json(result))
    elif args.format == "csv":
        sys.stdout.write(report.to_csv(result))
    elif args.format == "markdown":
        sys.stdout.write(report.to_markdown(result))
    elif args.format == "html":
        sys.stdout.write(report.to_html(result))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(report.to_text(result, color=color))
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    from rectxl import api

    if args.clear:
        outcome, target, backup = api.clear_marks(args.ledger, args.output, in_place=args.in_place,
                                                  force=args.force)
        if backup:
            print(f"已备份原文件到 {backup}")
        print(f"已清除标记（{outcome.restored}个单元格恢复原样），写入 {target}")
        if outcome.moved:
            print(f"  其中 {outcome.moved} 个标记已不在原来的单元格（随排序，或插入、删除行或列移动过），"
                  "已在其现在的位置恢复。")
        if outcome.renamed:
            print("  其中台账工作表" + "、".join(f"“{old}”已改名为“{new}”" for old, new in outcome.renamed.items())
                  + "，已在改名后的工作表中恢复。")
        if outcome.kept:
            print(f"  {outcome.kept} 个标记过的单元格在标记后被改了底色，保留了您设置的颜色，未作改动。")
        if outcome.astray:
            from rectxl.io.marks import unplaced_note

            print("  注意：" + unplaced_note(outcome))
        if outcome.gone:
            print(f"  {outcome.gone} 个标记已找不到（所在的行或列已删除，或已改动得无法辨认），"
                  "表中也没有它们的标记颜色，无需恢复。")
        for name, count in outcome.lost.items():
            print(f"  注意：标记过的台账工作表“{name}”已不在工作簿中（已删除，或改名后内容也变了），"
                  f"其中 {count} 个单元格的标记无法恢复。")
        for name, refs in outcome.copies.items():
            from rectxl.core.follow import copied_note

            print(f"  注意：{copied_note(name, refs)}。")
        if outcome.unresolved:
            print(f"  注意：{len(outcome.unresolved)} 个单元格（{'、'.join(outcome.unresolved[:20])}"
                  f"{'等' if len(outcome.unresolved) > 20 else ''}）仍是 rectxl 的标记底色，"
                  "但它们的标记已不在原来的单元格，无法确定原来的底色，未作改动；这些单元格仍记录在标记中："
                  "请在 Excel 中手动设置它们的底色，之后可再次清除标记。")
        from rectxl.core.follow import kept_own_note

        kept: dict[str, list[str]] = {}
        for now, given in outcome.renamed_own.items():
            kept.setdefault(given, []).append(now)
        for given, names in kept.items():
            print(f"  注意：{kept_own_note(given, names, copied=given in outcome.removed)}。")
        if outcome.left:
            print(f"  注意：工作表“{'”“'.join(outcome.left)}”与 rectxl 添加的工作表同名，但无法确认是 rectxl 添加的"
                  "（可能已被改动或替换），未删除：如确认不再需要，请手动删除。")
        return EXIT_OK
    result, target, backup = api.annotate(args.ledger, args.output, options_from(args), in_place=args.in_place,
                                          summary=not args.no_summary, force=args.force)
    from rectxl.io.xlsx_out import written_marks

    cells, pending, protected, covered, findings_sheet, refused, uncoloured, unseen = written_marks(target)
    if backup:
        print(f"已备份原文件到 {backup}")
    marked = (f"{cells} 个问题单元格已标色" if cells else "台账工作表受保护，未标色" if refused else
              "没有需要标色的单元格" if result.findings else "未发现问题，未标色")
    print(f"已写入 {target}：校验结果 {len(result.findings)} 条（错误 {result.count(Severity.ERROR)} 条），{marked}"
          + ("" if args.no_summary else "，并生成汇总表"))
    if unseen:
        print(f"  注意：{unseen}（“{findings_sheet}”工作表中逐条注明）。")
    if covered:
        print(f"  注意：其中 {covered} 个单元格设有台账自己的条件格式，条件成立时显示条件格式的填充色，"
              f"rectxl 的标记颜色会被盖住：请以“{findings_sheet}”工作表为准（其中列出了这些单元格）。")
    if refused:
        from rectxl.io.marks import refused_note

        print(f"  注意：{refused_note(refused, uncoloured)}问题见“{findings_sheet}”工作表；原文件未改动。"
              "如需标色，请先在 Excel 或 WPS 中撤销工作表保护（审阅 → 撤销工作表保护）后再标记。")
    if pending:
        print(f"  注意：上次标记中有 {pending} 个单元格无法确定原来的底色，仍记录在标记中，清除标记时会再次处理。")
    if protected:
        print(f"  注意：原台账设有保护（{'；'.join(protected)}）。rectxl 只写了这个副本：在其中照常标色、添加工作表，"
              "保护设置原样保留；原文件未改动。")
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from rectxl import api

    result, target = api.summary_workbook(args.ledger, args.output, options_from(args), force=args.force)
    print(f"已写入汇总表 {target}（截至{cn_date(result.as_of)}）")
    return EXIT_OK


def cmd_notice(args: argparse.Namespace) -> int:
    from rectxl import api

    ledger, target = api.notice(args.ledger, args.output, force=args.force,
                                omit_not_started=args.omit_not_started, as_of=args.as_of)
    from rectxl.core.notice.render import told_apart_note, told_measures
    from rectxl.core.summary import told_aspects, unfilled_status_column, unknown_statuses, unpublished

    issues = sum(1 for _ in ledger.issues())
    measures = told_measures(ledger)
    aspects = told_aspects(ledger)
    left_out = "，未启动的措施未写入" if args.omit_not_started else ""
    print(f"已生成通报 {target}（{f'{aspects}个方面' if aspects else ''}{issues}个问题{measures}项措施{left_out}）")
    if apart := told_apart_note(ledger):
        print(f"说明：{apart}（rectxl check、summary 按台账行计）。")
    from rectxl.core.notice.render import placeholder_note
    from rectxl.io.notice_file import written_notice_text

    if unfilled := placeholder_note(written_notice_text(target)):
        print(f"待补充：{unfilled}。")
    if not measures:
        print("注意：台账中没有读到任何整改措施，通报的第二部分只有待填写的占位：请先运行 rectxl check，"
              "看表头是否被识别（可用 --column 原列名=标准列名 指明），再生成通报。")
        return EXIT_FINDINGS
    if gaps := unpublished(ledger):
        print(f"注意：{'；'.join(gaps)}。请先运行 rectxl check 核对台账的层级（问题与措施），再生成通报。")
        code = EXIT_FINDINGS
    else:
        code = EXIT_OK
    from rectxl.core.notice.render import restated
    from rectxl.core.rules.info import stated_totals_disagreements

    # (a sentence saying how far the round got is counted again from the ledger: no disagreement left)
    for part, said, actual in stated_totals_disagreements(restated(ledger, args.as_of)):
        print(f"注意：基本信息“{part}”写着“{said}”，而台账中{actual}，通报照写了这一段，与按台账写出的统计"
              "对不上：请核对后改正（rectxl check 的 info-totals-mismatch 同样列出），再生成通报。")
        code = EXIT_FINDINGS
    from rectxl.core.rules.structure import heading_count_disagreements, issue_in_blocks
    from rectxl.core.text import shorten

    for level, title, note, actual, _ in heading_count_disagreements(ledger):
        print(f"注意：{level}“{title}”写着“{note}”，{actual}，通报照写了这句话，与逐项列出的问题"
              "对不上：请核对后改正（rectxl check 的 heading-count-mismatch 同样列出），再生成通报。")
        code = EXIT_FINDINGS
    if (again := issue_in_blocks(ledger)) is not None:
        where = f"“{again.sheet}”表第{again.row}行" if again.sheet else f"第{again.row}行"
        print(f"注意：问题{again.number}“{shorten(again.title, 16)}”的措施在台账中分在不相连的几处（{where}又出现，"
              "多见于按单位或状态重新排序后），通报中这个问题和它所在的方面写了不止一次：请先把同一问题的各行排在一起"
              "（rectxl check 的 issue-number-gap 同样列出），再生成通报。")
        code = EXIT_FINDINGS
    if blank := unfilled_status_column(ledger):
        print(f"注意：台账“整改状态”列的{blank}项措施都没有填写（或无法识别）整改状态，通报没有写完成情况的总数句"
              "（截至…巡察反馈的…个问题已完成整改…个），读者也看不出哪些措施已经完成。请先填写整改状态"
              "（rectxl check 的 missing-status 逐条列出），再生成通报。")
        return EXIT_FINDINGS
    if unknown := unknown_statuses(ledger):
        shown = "、".join(unknown[:10]) + ("等" if len(unknown) > 10 else "")
        from rectxl.core.notice.render import totals_paragraph
        from rectxl.core.notice.totals import PARTS_KEY

        if ledger.info.extra.get(PARTS_KEY, "").strip().startswith("否") or totals_paragraph(ledger) is None:
            # a notice not told in parts, or read back from one (its statuses no clerk's), has no
            # totals sentence: nothing to add up
            told = "通报照写了它们的进展，但台账没有写明它们的状态"
        else:
            told = "通报中的完成情况统计没有计入它们，合计对不上"
        print(f"注意：{len(unknown)} 项措施的整改状态未填写或无法识别，{told}：{shown}。请先填写或改正整改状态"
              "（rectxl check 的 missing-status、bad-status 逐条列出），再生成通报。")
        return EXIT_FINDINGS
    return code


def cmd_parse_notice(args: argparse.Namespace) -> int:
    """Exit 0: a complete notice whose stated totals agree; 1: a notice cut short (what is there
    is parsed), stated totals that disagree, or no issue found in it; 2 (from main): not a
    notice, or unreadable."""
    from rectxl import api

    parsed = api.parse_notice_file(args.notice, args.output, force=getattr(args, "force", False))
    led = parsed.ledger
    aspects = sum(1 for a in led.aspects if a.title is not None)
    categories = sum(1 for a in led.aspects for c in a.categories if c.title)
    print(f"解析结果：{aspects}个方面，{categories}个类别，{sum(1 for _ in led.issues())}个问题，"
          f"{sum(1 for _ in led.measures())}项措施" + ("" if parsed.complete else "（通报不完整，只解析了已有部分）"))
    for check in parsed.total_checks:
        mark = {True: "一致", False: "不一致", None: "无法核对"}[check.ok]
        print(f"  通报所述{check.label}：{mark}。{check.message}")
    for warning in parsed.warnings:
        print(f"  注意：{warning}")
    if args.output and any(m.status_inferred for m in led.measures()):
        print("  说明：各项措施的状态是按通报措辞推断的，写入台账“推断状态”列，仅供参考，“整改状态”列留空待核实。")
    if args.output:
        print(f"已写入台账 {args.output}")
    else:
        print("未写入文件：加 -o 台账.xlsx 可把解析结果写成台账。")
    if not parsed.complete or any(c.ok is False for c in parsed.total_checks) or next(led.issues(), None) is None:
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from rectxl import api
    from rectxl.core.diff import render_diff_text

    diff = api.diff(args.old, args.new, as_of_old=args.as_of_old or args.as_of,
                    as_of_new=args.as_of_new or args.as_of)
    if args.output is not None:
        target, fmt = api.write_diff(diff, args.output, inputs=(args.old, args.new), format=args.format,
                                     force=args.force)
        if fmt == "xlsx":
            print(f"已写入 {target}：变化 {len(diff.changes)} 处，值得注意 {len(diff.regressions)} 处")
        else:
            _written(target)
        for warning in diff.warnings:
            print(f"注意：{warning}", file=sys.stderr)
    elif args.format == "json":
        from rectxl.io.diff_out import write_diff_json

        write_diff_json(diff, sys.stdout)
    elif args.format == "csv":
        from rectxl.core.diff import diff_csv

        sys.stdout.write(diff_csv(diff))
    else:
        sys.stdout.write(render_diff_text(diff))
    return EXIT_FINDINGS if diff.regressions or diff.warnings else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from rectxl import api

    if args.file is not None and args.output is not None and args.file != args.output:
        print(f"用法错误：输出文件写了两个（{args.file} 和 -o {args.output}）：请只写一个", file=sys.stderr)
        return EXIT_USAGE
    target = api.new_ledger(args.output or args.file, force=args.force)
    print(f"已生成空白台账模板 {target}")
    return EXIT_OK


def cmd_remind(args: argparse.Namespace) -> int:
    from rectxl import api
    from rectxl.core.letters import unaddressed_note
    from rectxl.core.rules import Options

    due_soon = args.due_soon_days
    options = Options(as_of=args.as_of, warn_days=args.warn or ((due_soon,) if due_soon is not None else None),
                      due_soon_days=15 if due_soon is None else due_soon)
    done = api.remind(args.ledger, args.output, options, final_days=args.final_days, letter=args.letter,
                      force=args.force)
    days = "、".join(f"{d}天" for d in done.warn_days)
    when = f"截至{cn_date(done.as_of)}（来源：{done.as_of_source}；预警天数 {days}）"
    if done.unreadable:
        shown = "、".join(done.unreadable[:10]) + ("等" if len(done.unreadable) > 10 else "")
        print(f"注意：{len(done.unreadable)} 项未完成的措施整改时限无法识别，无法判断是否到期，未纳入提醒：{shown}。"
              "请先改正整改时限（rectxl check 的 bad-deadline 逐条列出）。")
    # measures left out for a deadline that cannot be read: the letters are not all there is (as a
    # notice with unreadable statuses), so the run ends 1
    ends = EXIT_FINDINGS if done.unreadable else EXIT_OK
    if not done.rows:
        print(f"{when}没有{'其他' if done.unreadable else ''}临期或逾期的整改措施，未生成提醒函。")
        return ends
    for unit, target in done.letters:
        counts = "，".join(f"{letter.kind} {len(letter.items)} 项" for letter in unit.letters)
        print(f"已写入 {target}（{counts}）")
    if note := unaddressed_note(done.rows, done.no_unit_column):
        print(f"注意：{note}")
    print(f"已写入提醒清单 {done.list_path}（{len(done.rows)} 行）")
    print(f"{when}：{len(done.letters)} 个责任单位需要发函。")
    return ends


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

_FILE = "文件"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the arguments of that command alone (the others
    are listed with their help, as ``rectxl --help`` shows them).

    What ``only`` buys: building every command's arguments — and importing ``rectxl.cli.batch`` for
    its own — is ~10 ms of each run, a tenth of ``rectxl check`` on a small ledger."""
    parser = Parser(
        prog="rectxl",
        description="巡察整改台账校验与整改进展情况通报生成工具",
        epilog="退出码：0 未发现错误；1 发现错误；2 用法错误或文件无法读取。"
               "输出文件默认写在输入文件旁边、以它命名；已有的文件不会被覆盖（除非加 --force）。",
    )
    parser.add_argument("--version", action="version", version=f"rectxl {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser, title="命令",
                                help="以下之一；rectxl 命令 --help 查看它的用法")

    p = sub.add_parser("check", help="校验台账，列出全部问题", description="校验一个台账文件，按严重程度列出全部问题。")
    if only in (None, "check"):  # the other commands' arguments are not built
        p.add_argument("ledger", type=Path, metavar="台账", help=f"台账文件（{LEDGER_FILE_FORMATS}）")
        p.add_argument("--format", choices=["text", "json", "csv", "markdown", "html"], metavar="格式",
                       help="输出格式：text、json、csv、markdown 或 html（默认 text；写文件时由扩展名决定："
                            ".txt、.json、.csv、.md、.html）")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE, help="写入文件而不是屏幕（格式按扩展名）")
        add_force_option(p)
        add_validation_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("annotate", help="生成带校验结果、标色和汇总表的台账副本",
                       description="校验台账，写出一个副本：增加“校验结果”工作表（可点击跳转到单元格）、"
                                   "给问题单元格标色（逾期红，临期按预警天数黄、橙，缺责任人浅橙，长期坚持而时限已过蓝，其他错误紫）并生成汇总表。"
                                   "加 --clear 则去除这些标记和工作表，恢复原样。")
    if only in (None, "annotate"):
        p.add_argument("ledger", type=Path, metavar="台账", help="台账文件（.xlsx/.xlsm）")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE,
                       help="输出文件（默认：台账旁边的“原文件名_校验.xlsx”，--clear 时为“原文件名_已清除标记.xlsx”）")
        p.add_argument("--in-place", action="store_true",
                       help="直接写回原文件（先在原文件旁自动备份；工作簿在 Excel/WPS 中打开时拒绝）")
        add_force_option(p)
        p.add_argument("--clear", action="store_true", help="清除 rectxl 的标色和工作表")
        p.add_argument("--no-summary", action="store_true", help="不生成汇总表")
        add_validation_options(p)
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("summary", help="按通报结构生成汇总表",
                       description="按通报的结构生成汇总工作簿：整改总体情况、整改明细、责任单位统计、逾期清单。")
    if only in (None, "summary"):
        p.add_argument("ledger", type=Path, metavar="台账", help="台账文件")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE,
                       help="输出文件 .xlsx（默认：台账旁边的“原文件名_整改汇总.xlsx”）")
        add_force_option(p)
        add_validation_options(p)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("notice", help="由台账生成整改进展情况通报（.docx/.txt/.md）",
                       description="按已发布通报的结构生成《整改进展情况的通报》：导语、一、二（逐项整改情况）、三、"
                                   "联系方式和落款取自“基本信息”表，缺少的以【请填写…】标出。"
                                   ".docx 为公文格式（GB/T 9704）。")
    if only in (None, "notice"):
        p.add_argument("ledger", type=Path, metavar="台账", help="台账文件")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE,
                       help="输出文件，按扩展名生成 .docx、.txt 或 .md（默认：台账旁边的“原文件名_通报.docx”）")
        p.add_argument("--omit-not-started", action="store_true",
                       help="不写入状态为“未启动”的整改措施（默认写成“计划于…前…”“拟…”）")
        p.add_argument("--as-of", type=as_of_date, metavar="日期",
                       help="截至日期（通报中“截至…”的日期；时限已过的未启动措施不再写成“计划于…前”）；"
                            "默认取基本信息中的报告日期，没有时写“截至目前”，并按今天判断时限是否已过")
        add_force_option(p)
    p.set_defaults(func=cmd_notice)

    p = sub.add_parser("parse-notice", help="把已发布的通报解析回台账",
                       description="解析已发布的整改进展情况通报（.txt/.md/.docx/.pdf/.ofd，或从网站另存的网页 .html）"
                                   "："
                                   "方面、类别、问题、一是二是等措施，按措辞推断状态，并核对通报中写明的总数（如“33个问题…148项整改措施”）。"
                                   "通报所述总数与解析结果不一致、或未解析出任何问题时退出码为 1。")
    if only in (None, "parse-notice"):
        p.add_argument("notice", type=Path, metavar="通报",
                       help="通报文件（.txt/.md/.docx/.pdf/.ofd/.html；文本可为 UTF-8、GBK 或 UTF-16 编码）")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE,
                       help="把解析结果写成台账 .xlsx（不加 -o 只显示解析结果，不写任何文件）")
        add_force_option(p)
    p.set_defaults(func=cmd_parse_notice)

    p = sub.add_parser("diff", help="对比两期台账的变化",
                       description="对比同一台账的两个版本（如9月和10月报送的台账）：新增、删除的措施，"
                                   "状态、时限、责任单位/领导/责任人的变化，措施内容修改，整改进展的更新，两期的完成情况统计，"
                                   "进展与上期一字未改、只改了日期或没有新内容的未完成措施（进展未更新），"
                                   "并列出值得注意的变化（已完成又改回未完成、未注明延期的时限延后、删除已完成措施、删除未完成措施等）；"
                                   "有值得注意的变化时退出码为 1。")
    if only in (None, "diff"):
        p.add_argument("old", type=Path, metavar="上期台账", help="上期台账文件")
        p.add_argument("new", type=Path, metavar="本期台账", help="本期台账文件")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE,
                       help="写入文件而不是屏幕：.xlsx 生成“变化汇总”“变化明细”两张表，.json 写 JSON，"
                            ".csv 每处变化一行（可用 Excel 直接打开），其他扩展名写文本")
        p.add_argument("--format", choices=["text", "json", "csv"], metavar="格式",
                       help="屏幕输出的格式：text、json 或 csv（默认 text；写文件时由扩展名决定）")
        add_force_option(p)
        p.add_argument("--as-of-old", type=as_of_date, metavar="日期",
                       help="上期的截至日期（统计逾期）；默认取上期基本信息中的报告日期，否则为今天")
        p.add_argument("--as-of-new", type=as_of_date, metavar="日期",
                       help="本期的截至日期；默认取本期基本信息中的报告日期，否则为今天")
        p.add_argument("--as-of", type=as_of_date, metavar="日期",
                       help="两期共用的截至日期（按同一天比较逾期）；--as-of-old、--as-of-new 另写的以另写的为准")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("batch", help="并行校验整个文件夹的台账并汇总",
                       description=f"校验文件夹（含子文件夹）中的全部台账（{LEDGER_FORMATS}，以及"
                                   f"{WORD_LEDGER_FORMATS}），按 CPU 核数并行；"
                                   "生成汇总工作簿（整改统计（按逾期数、完成率排序）、单位汇总、全部问题（可跳转到原文件单元格）、"
                                   "无法读取）和 JSON。"
                                   "无法读取的文件列出原因后跳过，不会中断；~$ 临时文件、隐藏文件和 rectxl 生成的文件"
                                   "不检查。有台账存在错误或无法读取时退出码为 1。")
    if only in (None, "batch"):
        from rectxl.cli.batch import add_arguments

        add_arguments(p)
        add_validation_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("remind", help="生成提醒函、督办通知（告诫书）和提醒清单",
                       description="按责任单位生成催办文书（公文格式 .docx）：临期措施（预警天数内到期）的提醒函，"
                                   "逾期措施的督办通知（或告诫书，含最后整改期限），以及按单位、按责任人的提醒清单（.xlsx）。"
                                   "没有临期或逾期措施的单位不发函。发文机关（基本信息的“发文机关”，否则党组织名称、单位名称）、"
                                   "联系人、联系电话取自“基本信息”，缺少的以【请填写…】标出。"
                                   "有未完成的措施因整改时限无法识别而未纳入提醒时，逐条列出并以退出码 1 结束。")
    if only in (None, "remind"):
        p.add_argument("ledger", type=Path, metavar="台账", help="台账文件")
        p.add_argument("-o", "--output", type=Path, metavar="文件夹",
                       help="输出文件夹（默认：台账旁边的“原文件名_提醒_截至日期”文件夹，不存在时自动创建）")
        p.add_argument("--as-of", type=as_of_date, metavar="日期",
                       help="截至日期（判断临期、逾期，也是发文日期）；默认取基本信息中的报告日期，否则为今天")
        p.add_argument("--warn", type=warn_days, metavar="天数",
                       help="预警天数，如 20,10：20天内到期的发提醒函（10天内为橙色预警）；"
                            "默认取基本信息中的“预警天数”，否则为 15")
        p.add_argument("--due-soon-days", type=non_negative_int, default=None, metavar="天数",
                       help="只用一个预警天数时可用此项（同 --warn 15）")
        p.add_argument("--final-days", type=non_negative_int, default=15, metavar="天数",
                       help="督办通知、告诫书的最后整改期限：截至日期后多少天（默认 15）")
        p.add_argument("--letter", choices=["督办通知", "告诫书"], default="督办通知", metavar="文书",
                       help="逾期措施发督办通知还是告诫书（默认 督办通知）")
        add_force_option(p)
    p.set_defaults(func=cmd_remind)

    p = sub.add_parser("new", help="生成空白台账模板", description="生成带下拉列表和条件格式的空白台账模板。")
    if only in (None, "new"):
        p.add_argument("file", type=Path, nargs="?", metavar=_FILE,
                       help="输出文件（与 -o 相同，二者写一个即可）：rectxl new 城关镇整改台账.xlsx")
        p.add_argument("-o", "--output", type=Path, metavar=_FILE, help="输出文件（默认：当前文件夹中的“新台账.xlsx”）")
        add_force_option(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("addin", help="构建、安装或卸载 Excel 加载项（整改台账选项卡）", add_help=False,
                       description="Excel 加载项：rectxl addin build（由 macros/ 生成 workbooks/rectxl.xlam）、"
                                   "rectxl addin install（安装到 Excel 启动文件夹）、rectxl addin uninstall、"
                                   "rectxl addin doctor（逐项检查安装是否完好）。")
    if only in (None, "addin"):
        p.add_argument("args", nargs=argparse.REMAINDER, metavar="子命令",
                       help="build | install | uninstall | doctor，及其参数（rectxl addin --help 查看）")
    p.set_defaults(func=cmd_addin)

    p = sub.add_parser("codes", help="列出全部检查代码及说明", description="列出全部检查代码、严重程度及说明。")
    p.set_defaults(func=cmd_codes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    as_program = argv is None  # ``rectxl …`` / ``python -m rectxl …``, not a call from Python
    if as_program:
        from rectxl.io.memory import short_lived_process

        short_lived_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = bool(os.environ.get("RECTXL_DEBUG"))
    with warnings.catch_warnings():
        if not debug:  # openpyxl's UserWarnings and the like are for developers, not for users
            warnings.simplefilter("ignore")
        code = _run(argv, debug)
    if as_program and code in (EXIT_OK, EXIT_FINDINGS):
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process at once after a command that succeeded.

    What this buys: a normal interpreter exit frees every object one by one — for a 100,000-
    measure ledger that is seconds of deallocating a heap the kernel is about to drop anyway
    (measured ~1–2 s of ``rectxl check`` at 100k). Output is flushed and ``atexit`` handlers run
    first, so nothing written and no registered clean-up is lost; an error path exits normally.
    """
    import atexit

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # let the ordinary exit report (or silence) what could not be written
    atexit._run_exitfuncs()
    os._exit(code)


def _run(argv: list[str], debug: bool) -> int:
    if argv[:1] == ["addin"]:  # its own parser, with its own --help
        from rectxl.addin.cli import main as addin_main

        return addin_main(argv[1:])
    # top-level options take no value: the first word not an option is the command
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only=command)
    args, extra = parser.parse_known_args(argv)
    if extra:
        several = _several_files(command, extra)
        if several is None:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        parser.exit(EXIT_USAGE, f"用法错误：{several}\n")
    _fit_stdout(args)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code = func(args)
        sys.stdout.flush()  # a full disk behind a redirected stdout shows here, not at exit
        return code
    except RectxlError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `rectxl check … | head`: the reader has gone, nothing to say
        _silence_stdout()
        return EXIT_USAGE
    except OSError as exc:  # a full disk, a too-long name, a read-only file met outside the writers
        if debug:
            raise
        from rectxl.io.atomic import describe_os_error

        _silence_stdout()
        print(f"错误：{describe_os_error(exc, _os_error_path(exc), writing=True)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # never a traceback for a user; RECTXL_DEBUG=1 shows it
        if debug:
            raise
        from pydantic import ValidationError

        if isinstance(exc, ValidationError):
            print(f"错误：选项的值不合要求（{exc.error_count()} 处）：" + "；".join(
                f"{'.'.join(str(p) for p in e['loc'])}：{e['msg']}" for e in exc.errors()), file=sys.stderr)
            return EXIT_USAGE
        print(f"错误：处理时发生意外问题（{type(exc).__name__}: {exc}）。"
              "请把该文件和此信息反馈给维护人员；设置 RECTXL_DEBUG=1 可查看详细信息。", file=sys.stderr)
        return EXIT_USAGE


def _json_escape(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: characters the encoding has not, as JSON escapes (a character beyond
    the BMP as its surrogate pair, as JSON spells it)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


_JSON_ESCAPE = "rectxl-json-escape"
codecs.register_error(_JSON_ESCAPE, _json_escape)


def _fit_stdout(args: argparse.Namespace) -> None:
    """Standard output in an encoding that cannot hold every character a ledger has — Chinese
    Windows writes a redirected ``rectxl check 台账.xlsx > 结果.txt`` in GBK, which has no ☑, •
    or ⑪ — takes such a character as "?" in text and as its escape (\\u2611) in JSON, which reads
    back as the very character. It had ended the run with UnicodeEncodeError, the file empty."""
    stream = sys.stdout
    try:
        if codecs.lookup(stream.encoding or "utf-8").name.startswith("utf"):
            return
    except (AttributeError, LookupError):
        return
    json_out = (getattr(args, "format", None) == "json" and getattr(args, "output", None) is None) \
        or str(getattr(args, "json", "")) == "-"
    if isinstance(stream, io.TextIOWrapper):  # not a stream a caller put in place of it
        with suppress(ValueError, OSError):
            stream.reconfigure(errors=_JSON_ESCAPE if json_out else "replace")


#: what each command takes, for the line saying it was given more (``rectxl check *.xlsx``)
_TAKES = {"check": "一个台账文件", "annotate": "一个台账文件", "summary": "一个台账文件", "notice": "一个台账文件",
          "remind": "一个台账文件", "parse-notice": "一个通报文件", "diff": "两期台账（先旧后新）",
          "batch": "一个文件夹"}


#: what a file named on the command line ends with (a word that is not, e.g. a date, is no file)
_FILE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".xltx", ".ods", ".et", ".csv", ".docx", ".doc", ".wps", ".txt",
                  ".md", ".html", ".htm", ".pdf", ".zip", ".rar", ".7z", ".json"}


def _several_files(command: str | None, extra: list[str]) -> str | None:
    """What to say when a command taking one file was given several (a shell's ``*.xlsx``, a
    folder's files dragged in), or None when ``extra`` is not a list of files."""
    takes = _TAKES.get(command or "")
    if takes is None or not all(Path(a).suffix.lower() in _FILE_SUFFIXES or Path(a).exists() for a in extra):
        return None
    shown = "、".join(Path(a).name for a in extra[:3]) + (f"等 {len(extra)} 个" if len(extra) > 3 else "")
    said = f"rectxl {command} 一次处理{takes}，另外多给了：{shown}"
    if command == "check":
        return (f"{said}。要校验多个台账，请把它们放在一个文件夹中运行 rectxl batch 文件夹（子文件夹也会检查，"
                "结果汇总成一个工作簿，每条问题注明文件、工作表和单元格）；或逐个运行 rectxl check")
    if command == "batch":
        return f"{said}。请给出台账所在的文件夹（其中的子文件夹也会检查）"
    if command == "diff":
        return f"{said}。每次对比两期，请分几次运行"
    return f"{said}。请逐个运行"


def _os_error_path(exc: OSError) -> Path | None:
    return Path(exc.filename) if isinstance(exc.filename, str) else None


def _silence_stdout() -> None:
    """Stdout cannot be written (a full disk, a closed pipe): drop what is buffered so that
    Python's exit does not fail again on it with an English traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
