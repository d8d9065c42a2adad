"""What every ``rectxl`` command shares: the Chinese-speaking argument parser, argument types
(dates, codes, owner levels) and the validation options."""

from __future__ import annotations

import argparse
from datetime import date
from typing import NoReturn

from rectxl.core import fields as F
from rectxl.core.rules import RULES, Options

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "Parser", "add_validation_options", "as_of_date", "options_from"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse with its usage errors in Chinese and exit code 2."""

    def error(self, message: str) -> NoReturn:
        for en, zh in _ARGPARSE_ZH:
            message = message.replace(en, zh)
        self.exit(EXIT_USAGE, f"用法错误:{message}(运行 {self.prog} --help 查看用法)\n")


_ARGPARSE_ZH = [
    ("the following arguments are required", "缺少参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("invalid choice", "无效的选项"),
    ("expected one argument", "需要一个参数值"),
    ("argument ", "参数 "),
    ("invalid", "无效的"),
    ("choose from", "可选"),
]


def as_of_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对,应为 YYYY-MM-DD,如 2023-09-20") from None


def _codes(text: str) -> frozenset[str]:
    codes = frozenset(c.strip() for c in text.split(",") if c.strip())
    unknown = codes - set(RULES)
    if unknown:
        raise argparse.ArgumentTypeError(f"未知的检查代码:{'、'.join(sorted(unknown))}(rectxl codes 可列出全部代码)")
    return codes


_OWNER_LEVEL = {"责任单位": F.OWNER_UNIT, "责任领导": F.LEAD, "责任人": F.OWNER_PERSON,
                "unit": F.OWNER_UNIT, "lead": F.LEAD, "person": F.OWNER_PERSON}


def _levels(text: str) -> frozenset[str]:
    levels = set()
    for part in text.replace("、", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if part not in _OWNER_LEVEL:
            raise argparse.ArgumentTypeError(f"未知的责任人层级“{part}”(可选:责任单位、责任领导、责任人)")
        levels.add(_OWNER_LEVEL[part])
    return frozenset(levels)


def add_validation_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=as_of_date, metavar="YYYY-MM-DD",
                   help="截至日期(判断逾期、临期);默认取基本信息中的报告日期,否则为今天")
    p.add_argument("--due-soon-days", type=int, default=15, metavar="N",
                   help="距整改时限 N 天内未完成的给出临期提醒(默认 15)")
    p.add_argument("--require", type=_levels, default=frozenset({F.OWNER_UNIT}), metavar="层级",
                   help="缺失即为错误的责任人层级,逗号分隔:责任单位,责任领导,责任人(默认 责任单位)")
    p.add_argument("--select", type=_codes, metavar="CODES", help="只运行这些检查(代码逗号分隔)")
    p.add_argument("--ignore", type=_codes, default=frozenset(), metavar="CODES",
                   help="跳过这些检查(代码逗号分隔)")


def options_from(args: argparse.Namespace) -> Options:
    return Options(as_of=args.as_of, due_soon_days=args.due_soon_days,
                   required_owners=args.require, select=args.select, ignore=args.ignore)
