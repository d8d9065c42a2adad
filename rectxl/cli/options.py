"""What every ``rectxl`` command shares: the argument parser that speaks Chinese (its help, its
usage line and its errors, argparse's own words included), the argument types (dates, codes,
owner levels, counts) with Chinese messages, and the validation options."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from rectxl.core import fields as F
from rectxl.core.rules import RULES, Options
from rectxl.core.text import LazyPattern

__all__ = [
    "ARGPARSE_ENGLISH",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "LEDGER_FILE_FORMATS",
    "LEDGER_FORMATS",
    "WORD_LEDGER_FORMATS",
    "HelpFormatter",
    "Parser",
    "add_force_option",
    "add_validation_options",
    "as_of_date",
    "display_width",
    "english_left",
    "non_negative_int",
    "options_from",
    "positive_int",
    "seconds",
    "translate_error",
    "warn_days",
    "wrap_display",
]

#: the formats a ledger is read from (one home: check's and batch's help say them)
LEDGER_FORMATS = ".xlsx/.xlsm/.xls/.xlsb/.ods、WPS 的 .et/.ett 和业务系统导出的 .csv"
#: a ledger kept as a Word table (batch opens a folder's Word documents too, and lists those holding
#: no ledger table — 方案, 报告, 通报 — as documents sent instead of a ledger)
WORD_LEDGER_FORMATS = "Word 表格 .docx、.doc 和 WPS 文字 .wps（.doc、.wps 需安装 LibreOffice）"
#: what a command given one ledger reads
LEDGER_FILE_FORMATS = f"{LEDGER_FORMATS}（或导出为网页、Excel 2003 XML 的 .xls），或 {WORD_LEDGER_FORMATS}"

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

#: argparse's own English, none of which may reach a user (tests/test_cli.py checks every help)
ARGPARSE_ENGLISH = (
    "usage:", "positional arguments", "optional arguments", "options:", "show this help message",
    "show program's version", "the following arguments are required", "invalid choice", "unrecognized arguments",
    "expected one argument", "choose from", "error:",
)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout in Chinese: "用法：" for "usage: ", headings with "：", and lines
    wrapped and columns aligned by display width (a Chinese character takes two columns)."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def format_help(self) -> str:
        return _HEADING.sub(r"\1：", super().format_help())

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = display_width(invocation) - len(invocation)
        first, sep, rest = text.partition("\n")
        at = first.find(invocation)
        if extra and at >= 0 and first[at + len(invocation):].strip():
            end = at + len(invocation)
            gap = len(first[end:]) - len(first[end:].lstrip(" "))
            first = first[:end] + first[end + min(extra, max(gap - 2, 0)):]
        return first + sep + rest

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_display(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        text = self._whitespace_matcher.sub(" ", text).strip()
        return "\n".join(indent + line for line in wrap_display(text, width - len(indent)))


#: a heading line argparse writes ("位置参数:", "选项:", "命令:")
_HEADING = re.compile(r"(?m)^(\S[^\n:]*[\u4e00-\u9fff]):$")
#: what a line is never broken inside: a date written in Chinese, a run of printable ASCII (a word,
#: an option, a path), spaces; else one character
_TOKEN = LazyPattern(r"(?:\d+[年月日号])+|[!-~]+|\s+|.", re.S)
_NO_LINE_START = set("，。；：、）》」』”’！？…%")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (East Asian wide and full-width characters: two)."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_display(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, breaking between Chinese characters or at
    spaces (never inside an option or a word; no line starts with closing punctuation)."""
    width = max(width, 20)
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(text):
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        w = display_width(token)
        if line and used + w > width and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + token, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class Parser(argparse.ArgumentParser):
    """argparse in Chinese: group titles, the help option, the usage line and every usage error
    (exit code 2)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False  # added below, in Chinese
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示帮助并退出")

    def error(self, message: str) -> NoReturn:
        chosen = re.search(r"invalid choice: '?(.*?)'? \(choose from", message)
        hint = _COMMAND_HINTS.get((chosen.group(1) if chosen else "").strip().lower(), "")
        self.exit(EXIT_USAGE, f"用法错误：{translate_error(message)}{hint}（运行 {self.prog} --help 查看用法）\n")


#: a command a clerk may try by what it does, → what to run instead
_CLEAR_HINT = "。清除标记请运行 rectxl annotate --clear 台账.xlsx（写出清除标记后的副本；加 --in-place 直接写回原文件）"
_MARK_HINT = "。标记问题请运行 rectxl annotate 台账.xlsx（写出带校验结果和标色的副本）"
_COMMAND_HINTS = {
    **dict.fromkeys(("clean", "clear", "unmark", "uncolor", "reset", "restore", "清除", "清除标记", "去除标记"),
                    _CLEAR_HINT),
    **dict.fromkeys(("mark", "flag", "highlight", "color", "标记", "标记问题"), _MARK_HINT),
}


#: argparse's error messages (Python 3.11–3.13) → Chinese; tried in order on each message
_ERRORS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.S), zh) for p, zh in (
    (r"^the following arguments are required: (.*)$", r"缺少必需的参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^one of the arguments (.*) is required$", r"必须指定以下参数之一：\1"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"选项 \1 不明确，可能是 \2"),
    (r"^unexpected option string: (.*)$", r"意外的选项：\1"),
    (r"^argument (\S+): (.*)$", r"参数 \1：\2"),
    (r"invalid choice: '?(.*?)'? \(choose from (.*)\)$", r"无效的选择“\1”（可选：\2）"),
    (r"expected one argument$", "需要一个值"),
    (r"expected at most one argument$", "最多接受一个值"),
    (r"expected at least one argument$", "至少需要一个值"),
    (r"expected (\d+) arguments?$", r"需要 \1 个值"),
    (r"invalid int value: '?(.*?)'?$", r"“\1”不是整数"),
    (r"invalid float value: '?(.*?)'?$", r"“\1”不是数字"),
    (r"invalid (\S+) value: '?(.*?)'?$", r"“\2”不是有效的值"),
    (r"not allowed with argument (.*)$", r"不能与 \1 同时使用"),
    (r"ignored explicit argument '?(.*?)'?$", r"不接受值“\1”"),
)]


def translate_error(message: str) -> str:
    """An argparse error message in Chinese (an already-Chinese message passes unchanged)."""
    for pattern, zh in _ERRORS:
        message = pattern.sub(zh, message)
    return message.replace("', '", "、").replace("'", "")


# -- argument types ---------------------------------------------------------------------------

_HAS_DAY = LazyPattern(r"[日号]|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|^\s*\d{8}\s*$")


def as_of_date(text: str) -> date:
    """A date as the clerk writes it: 2026-11-29, 2026/11/29, 2026.11.29, 2026年11月29日."""
    from rectxl.core.deadline import parse_date

    parsed = parse_date(text) if _HAS_DAY.search(text) else None
    if parsed is None:
        year = date.today().year
        raise argparse.ArgumentTypeError(
            f"无法识别日期“{text}”：请写成 {year}-11-30、{year}/11/30、{year}.11.30 或 {year}年11月30日")
    return parsed


def non_negative_int(text: str) -> int:
    """A count of days: 0 or more."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数：请写一个不小于 0 的整数，如 15") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数（{value}）：请写一个不小于 0 的整数，如 15")
    return value


def positive_int(text: str) -> int:
    """A number of processes: 1 or more."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数：请写一个正整数，如 4") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"至少为 1（而不是 {value}）：请写一个正整数，如 4")
    return value


def seconds(text: str) -> float:
    """A time limit in seconds: 0 (no limit) or more."""
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是数字：请写秒数，如 300（0 表示不限时）") from None
    if value < 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的秒数：请写不小于 0 的数，如 300（0 表示不限时）")
    return value


def warn_days(text: str) -> tuple[int, ...]:
    """Warning thresholds: "20,10" (黄 within 20 days, 橙 within 10) or one number."""
    from rectxl.core.timing import parse_warn_days

    found = parse_warn_days(text)
    if not found:
        raise argparse.ArgumentTypeError(
            f"无法识别预警天数“{text}”：请写一个或两个天数，如 20,10（到期前20天黄色预警、10天橙色预警）")
    return found


def _codes(text: str) -> frozenset[str]:
    codes = frozenset(c.strip() for c in text.replace("、", ",").replace("，", ",").split(",") if c.strip())
    unknown = codes - set(RULES)
    if unknown:
        raise argparse.ArgumentTypeError(f"未知的检查代码：{'、'.join(sorted(unknown))}（rectxl codes 可列出全部代码）")
    return codes


_OWNER_LEVEL = {"责任单位": F.OWNER_UNIT, "责任领导": F.LEAD, "责任人": F.OWNER_PERSON,
                "unit": F.OWNER_UNIT, "lead": F.LEAD, "person": F.OWNER_PERSON}


def _levels(text: str) -> frozenset[str]:
    levels = set()
    for part in text.replace("、", ",").replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if part not in _OWNER_LEVEL:
            raise argparse.ArgumentTypeError(f"未知的责任人层级“{part}”（可选：责任单位、责任领导、责任人）")
        levels.add(_OWNER_LEVEL[part])
    return frozenset(levels)


def add_validation_options(p: argparse.ArgumentParser) -> None:
    year = date.today().year
    p.add_argument("--as-of", type=as_of_date, metavar="日期",
                   help=f"截至日期（判断逾期、临期），如 {year}-11-30 或 {year}年11月30日；"
                        "默认取基本信息中的报告日期，否则为今天")
    p.add_argument("--due-soon-days", type=non_negative_int, default=None, metavar="天数",
                   help="距整改时限这么多天内未完成的给出临期提醒（默认 15；基本信息写了“预警天数”时按它）")
    p.add_argument("--warn", type=warn_days, metavar="天数",
                   help="分级预警天数，如 20,10：到期前20天内黄色、10天内橙色，逾期红色"
                        "（默认取基本信息中的“预警天数”，否则为 --due-soon-days）")
    p.add_argument("--accept-days", type=non_negative_int, default=30, metavar="天数",
                   help="已完成超过这么多天仍未验收的给出提示（默认 30；只在记录验收、销号的台账中检查）")
    p.add_argument("--require", type=_levels, default=frozenset({F.OWNER_UNIT}), metavar="层级",
                   help="缺失即为错误的责任人层级，逗号分隔：责任单位,责任领导,责任人（默认 责任单位）")
    p.add_argument("--select", type=_codes, metavar="代码", help="只运行这些检查（代码逗号分隔）")
    p.add_argument("--ignore", type=_codes, default=frozenset(), metavar="代码",
                   help="跳过这些检查（代码逗号分隔）")
    p.add_argument("--column", type=_column_pair, action="append", default=[], metavar="原列名=标准列名",
                   help="把台账中 rectxl 不认识的列名对应到标准列名，如 --column 督导组意见=备注（可重复；"
                        "也可写在工作簿的“列名对照”工作表中）")


def add_force_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（默认不覆盖）")


def options_from(args: argparse.Namespace) -> Options:
    """The validation options the flags name; ``--due-soon-days`` given alone is the single
    warning threshold (it then overrides 基本信息 预警天数, as ``--warn`` does)."""
    due_soon = args.due_soon_days
    warn = getattr(args, "warn", None) or ((due_soon,) if due_soon is not None else None)
    return Options(as_of=args.as_of, due_soon_days=15 if due_soon is None else due_soon, warn_days=warn,
                   accept_days=getattr(args, "accept_days", 30),
                   required_owners=args.require, select=args.select, ignore=args.ignore,
                   column_map=tuple(getattr(args, "column", ()) or ()))


def _column_pair(text: str) -> str:
    """``原列名=标准列名``, checked now so that a typo is a usage error, not a failed read."""
    from rectxl.core.errors import LedgerError
    from rectxl.core.grid import parse_column_map

    try:
        parse_column_map([text])
    except LedgerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def english_left(texts: Sequence[str]) -> list[str]:
    """The phrases of :data:`ARGPARSE_ENGLISH` found in ``texts`` (for the tests)."""
    return [phrase for phrase in ARGPARSE_ENGLISH for text in texts if phrase in text]
