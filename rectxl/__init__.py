"""rectxl — 巡察整改台账 (rectification ledger) validation and 整改进展情况通报 (progress notice).

    >>> import rectxl
    >>> report = rectxl.check("台账.xlsx")             # read and validate a ledger file
    >>> report.to_dataframe()                          # the findings, for analysts
    >>> rectxl.notice("台账.xlsx", "通报.docx")        # render the notice

The names below are loaded on first use, so ``import rectxl.core.model`` (or the command line)
does not pull in the readers and writers it does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rectxl.core.version import __version__

if TYPE_CHECKING:
    from rectxl.api import annotate, check, check_ledger, clear, diff, notice, parse_notice_file, summary_workbook
    from rectxl.core.diff import LedgerDiff, diff_ledgers
    from rectxl.core.findings import Finding, Severity
    from rectxl.core.model import Ledger
    from rectxl.core.notice import ParsedNotice, parse_notice, render_notice
    from rectxl.core.rules import RULES, Options
    from rectxl.core.validate import Report, validate
    from rectxl.io.reader import read_ledger

#: public name → the module that defines it
_WHERE = {
    "annotate": "rectxl.api", "check": "rectxl.api", "check_ledger": "rectxl.api", "clear": "rectxl.api",
    "diff": "rectxl.api", "notice": "rectxl.api", "parse_notice_file": "rectxl.api",
    "summary_workbook": "rectxl.api",
    "LedgerDiff": "rectxl.core.diff", "diff_ledgers": "rectxl.core.diff",
    "Finding": "rectxl.core.findings", "Severity": "rectxl.core.findings",
    "Ledger": "rectxl.core.model",
    "ParsedNotice": "rectxl.core.notice", "parse_notice": "rectxl.core.notice", "render_notice": "rectxl.core.notice",
    "RULES": "rectxl.core.rules", "Options": "rectxl.core.rules",
    "Report": "rectxl.core.validate", "validate": "rectxl.core.validate",
    "read_ledger": "rectxl.io.reader",
}

__all__ = [
    "RULES",
    "Finding",
    "Ledger",
    "LedgerDiff",
    "Options",
    "ParsedNotice",
    "Report",
    "Severity",
    "__version__",
    "annotate",
    "check",
    "check_ledger",
    "clear",
    "diff",
    "diff_ledgers",
    "notice",
    "parse_notice",
    "parse_notice_file",
    "read_ledger",
    "render_notice",
    "summary_workbook",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rectxl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
