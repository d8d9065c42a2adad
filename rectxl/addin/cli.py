"""Command line for the add-in: ``python -m rectxl.addin build|install|uninstall``.

The main ``rectxl`` CLI can delegate to :func:`main` (``rectxl addin ...``) or call the
plain functions of :mod:`rectxl.addin` itself. Exit codes follow the project: 0 success,
2 bad usage or a file that cannot be read or written.
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
    default_addin_dir,
    find_addin,
    install_addin,
    post_install_message,
    uninstall_addin,
)

__all__ = ["build_parser", "main"]


def build_parser(prog: str = "rectxl addin") -> argparse.ArgumentParser:
    """The argument parser of the ``addin`` command."""
    parser = argparse.ArgumentParser(prog=prog, description="整改台账 Excel 加载项（rectxl.xlam）")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="由 macros/ 生成 rectxl.xlam")
    p_build.add_argument("--macros", type=Path, default=None, help="macros 目录")
    p_build.add_argument("--out", type=Path, default=None, help="输出的 .xlam 文件")
    p_install = sub.add_parser("install", help="把 rectxl.xlam 安装到 Excel 启动文件夹")
    p_install.add_argument("--file", type=Path, default=None, help="要安装的 .xlam 文件")
    p_install.add_argument(
        "--dir", type=Path, default=None, help="目标文件夹（默认 Excel 启动文件夹）"
    )
    p_uninstall = sub.add_parser("uninstall", help="从 Excel 启动文件夹删除 rectxl.xlam")
    p_uninstall.add_argument(
        "--dir", type=Path, default=None, help="目标文件夹（默认 Excel 启动文件夹）"
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
            print(post_install_message(installed))
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
