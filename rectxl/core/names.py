"""Names of the sheets rectxl reads and writes (shared by the reader and the writers)."""

from __future__ import annotations

__all__ = [
    "DIRECTORY_SHEET",
    "FINDINGS_SHEET",
    "INFO_SHEET",
    "LEDGER_SHEET",
    "MARKS_SHEET",
    "OUTPUT_SHEETS",
    "SUMMARY_SHEETS",
]

LEDGER_SHEET = "台账"
INFO_SHEET = "基本信息"
DIRECTORY_SHEET = "责任单位名录"
FINDINGS_SHEET = "校验结果"
SUMMARY_SHEETS = ("整改总体情况", "整改明细", "责任单位统计", "逾期清单")
#: hidden sheet recording which cells rectxl coloured and their original fill (for 清除标记)
MARKS_SHEET = "rectxl标记"
#: every sheet rectxl adds to a workbook (never read as a ledger, removed by 清除标记)
OUTPUT_SHEETS = (FINDINGS_SHEET, *SUMMARY_SHEETS, MARKS_SHEET)
