"""The ``rectxl`` command line (``rectxl.cli:main``)."""

from rectxl.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
