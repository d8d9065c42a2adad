"""The ``rectxl`` command line (``rectxl.cli:main``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the commands after the pattern store is restored (gettext compiles one)
    import argparse

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; ``argv`` None means as the program (``rectxl …``, ``python -m rectxl``)."""
    if argv is None:
        # before rectxl's modules compile their patterns (rectxl.io.pattern_store says what it buys)
        from rectxl.io.pattern_store import restore

        restore()
    from rectxl.cli.commands import main as run

    return run(argv)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser (see :func:`rectxl.cli.commands.build_parser`)."""
    from rectxl.cli.commands import build_parser as build

    return build(only)
