"""rectxl — 巡察整改台账 (rectification ledger) validation and 整改进展情况通报 (progress notice).

    >>> from rectxl import check, read_ledger
    >>> report = check("台账.xlsx")
"""

__version__ = "0.1.0"

from rectxl.api import annotate, check, check_ledger, clear, summary_workbook
from rectxl.findings import Finding, Severity
from rectxl.io.reader import read_ledger
from rectxl.model import Ledger
from rectxl.rules import RULES, Options
from rectxl.validate import Report, validate

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
