"""rectxl — 巡察整改台账 (rectification ledger) validation and 整改进展情况通报 (progress notice).

    >>> from rectxl import check, read_ledger
    >>> report = check("台账.xlsx")
"""

from rectxl.api import annotate, check, check_ledger, clear, summary_workbook
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Ledger
from rectxl.core.rules import RULES, Options
from rectxl.core.validate import Report, validate
from rectxl.core.version import __version__
from rectxl.io.reader import read_ledger

__all__ = [
    "RULES",
    "Finding",
    "Ledger",
    "Options",
    "Report",
    "Severity",
    "__version__",
    "annotate",
    "check",
    "check_ledger",
    "clear",
    "read_ledger",
    "summary_workbook",
    "validate",
]
