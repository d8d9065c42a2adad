"""Names of the sheets rectxl reads and writes (shared by the reader and the writers)."""

from __future__ import annotations

__all__ = [
    "COLUMN_MAP_SHEET",
    "DIRECTORY_SHEET",
    "FINDINGS_SHEET",
    "INFO_SHEET",
    "LEDGER_SHEET",
    "MARKS_SHEET",
    "OUTPUT_SHEETS",
    "OWNED_SHEET_TAG",
    "RECORD_TAG",
    "SUMMARY_SHEETS",
    "is_rectxl_sheet",
]

LEDGER_SHEET = "台账"
INFO_SHEET = "基本信息"
DIRECTORY_SHEET = "责任单位名录"
#: optional sheet mapping a ledger's own header words to rectxl's columns (原列名 | 标准列名)
COLUMN_MAP_SHEET = "列名对照"
FINDINGS_SHEET = "校验结果"
SUMMARY_SHEETS = ("整改总体情况", "整改明细", "责任单位统计", "逾期清单")
#: hidden sheet recording which cells rectxl coloured and their original fill (for 清除标记)
MARKS_SHEET = "rectxl标记"
#: every sheet rectxl adds to a workbook (never read as a ledger, removed by 清除标记)
OUTPUT_SHEETS = (FINDINGS_SHEET, *SUMMARY_SHEETS, MARKS_SHEET)
#: first cell of a row of :data:`MARKS_SHEET` naming a sheet rectxl made (the Excel add-in's
#: record): only the sheets so named are ever rewritten or removed, never a user's own 校验结果
OWNED_SHEET_TAG = "#rectxl-sheet"
#: the first row of a record written by the command line (``rectxl annotate``): its JSON head
#: names the sheets and the cell formats it changed, which only the command line can give back
RECORD_TAG = "#rectxl"


def is_rectxl_sheet(name: str) -> bool:
    """A sheet rectxl writes: one of :data:`OUTPUT_SHEETS`, or one of them renamed because the
    user already had a sheet of that name ("整改明细(rectxl)", "校验结果（rectxl2）")."""
    name = name.strip()
    if name in OUTPUT_SHEETS:
        return True
    base, sep, tail = name.replace("（", "(").replace("）", ")").rpartition("(rectxl")
    number = tail.removesuffix(")")
    return bool(sep) and tail.endswith(")") and base.strip() in OUTPUT_SHEETS and (number == "" or number.isdigit())
