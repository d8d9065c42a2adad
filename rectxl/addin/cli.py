"""Command line for the add-in: ``python -m rectxl.addin build|install|uninstall|doctor``.

The main ``rectxl`` CLI can delegate to :func:`main` (``rectxl addin ...``) or call the
plain functions of :mod:`rectxl.addin` itself. Exit codes follow the project: 0 success,
2 bad usage or a file that cannot be read or written; ``doctor`` exits 1 when a check failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from rectxl.addin.build import build_addin, default_macros_dir, default_output
from rectxl.addin.install import (
    AddinError,
    configure_interpreter,
    default_addin_dir,
    find_addin,
    install_addin,
    post_install_message,
    uninstall_addin,
)

__all__ = ["build_parser", "main"]


def build_parser(prog: str = "rectxl addin") -> argparse.ArgumentParser:
    """The argument parser of the ``addin`` command (in Chinese, like the rest of ``rectxl``)."""
    from rectxl.cli.options import Parser

    parser = Parser(prog=prog, description="整改台账 Excel 加载项（rectxl.xlam）")
    sub = parser.add_subparsers(dest="command", required=True, metavar="子命令", parser_class=Parser,
                                title="子命令", help="以下之一；rectxl addin 子命令 --help 查看它的用法")
    p_build = sub.add_parser("build", help="由 macros/ 生成 rectxl.xlam",
                             description="由 macros/ 中的 VBA 和功能区 XML 生成 Excel 加载项 rectxl.xlam。")
    p_build.add_argument("--macros", type=Path, default=None, metavar="文件夹", help="macros 目录")
    p_build.add_argument("--out", type=Path, default=None, metavar="文件", help="输出的 .xlam 文件")
    p_install = sub.add_parser("install", help="把 rectxl.xlam 安装到 Excel 启动文件夹，并设置 xlwings 的解释器",
                               description="把 rectxl.xlam 复制到 Excel 启动文件夹，下次启动 Excel 时加载；"
                                           "并把当前 Python 写入 xlwings 配置的解释器设置（其他设置保持不变）。")
    p_install.add_argument("--file", type=Path, default=None, metavar="文件", help="要安装的 .xlam 文件")
    p_install.add_argument(
        "--dir", type=Path, default=None, metavar="文件夹", help="目标文件夹（默认 Excel 启动文件夹）"
    )
    p_install.add_argument("--python", type=Path, default=None, metavar="解释器",
                           help="写入 xlwings 配置的 Python 解释器（默认当前 Python；其他设置保持不变）")
    p_install.add_argument("--xlwings-conf", type=Path, default=None, metavar="文件",
                           help="xlwings 配置文件（默认 xlwings 的用户配置文件）")
    sub.add_parser("doctor", help="检查 Excel 按钮需要的各项安装，并给出修复方法",
                   description="逐项检查 xlwings 加载项、Python 解释器、rectxl 加载项和宏设置；"
                               "全部通过时退出码为 0，否则为 1。")
    p_uninstall = sub.add_parser("uninstall", help="从 Excel 启动文件夹删除 rectxl.xlam",
                                 description="从 Excel 启动文件夹删除 rectxl.xlam。")
    p_uninstall.add_argument(
        "--dir", type=Path, default=None, metavar="文件夹", help="目标文件夹（默认 Excel 启动文件夹）"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``addin`` command; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "build":
            out = build_addin(args.macros or default_macros_dir(), args.out or default_output())
            print(f"已生成加载项：{out}")
        elif args.command == "install":
            installed = install_addin(args.file or find_addin(), args.dir)
            config, values = configure_interpreter(args.python, args.xlwings_conf)
            print(post_install_message(installed, config, values))
        elif args.command == "doctor":
            from rectxl.addin.doctor import doctor

            return doctor()
        else:
            target = args.dir or default_addin_dir()
            if uninstall_addin(target):
                print(f"已删除加载项：{target}。请重新启动 Excel。")
            else:
                print(f"未安装加载项（{target} 中没有 rectxl.xlam）。")
    except (AddinError, OSError, ValueError, ElementTree.ParseError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0
