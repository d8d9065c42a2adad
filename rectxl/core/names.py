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
    "OWNER_MARK",
    "RECORD_TAG",
    "SUMMARY_SHEETS",
    "is_rectxl_sheet",
    "owner_mark_name",
    "owner_mark_text",
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
#: rectxl's mark of ownership on each sheet it makes — one concept for the command line and the
#: Excel add-in: a hidden defined name local to the sheet (``localSheetId``; ``Worksheet.Names``
#: in Excel) holding the name rectxl gave the sheet as a text constant. It goes with the sheet
#: when the user renames it (and with a copy the user makes of it): a sheet is rectxl's to delete
#: when it carries the mark *and* still has the name rectxl gave it; a renamed one (or a copy) is
#: the user's from then on — left, named, its mark taken off; a sheet of rectxl's name without the
#: mark (the user's own 校验结果) is never deleted.
OWNER_MARK = "_rectxl_sheet"


def owner_mark_text(name: str) -> str:
    """The formula text of :data:`OWNER_MARK` for a sheet rectxl names ``name``: a text constant."""
    return '"' + name.replace('"', '""') + '"'


def owner_mark_name(text: str) -> str | None:
    """The sheet name an :data:`OWNER_MARK`'s formula text holds ('"校验结果"', '="校验结果"'), or None."""
    text = text.strip().removeprefix("=").strip()
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        return None
    return text[1:-1].replace('""', '"')


def is_rectxl_sheet(name: str) -> bool:
    """A sheet rectxl writes: one of :data:`OUTPUT_SHEETS`, or one of them renamed because the
    user already had a sheet of that name ("整改明细(rectxl)", "校验结果（rectxl2）")."""
    name = name.strip()
    if name in OUTPUT_SHEETS:
        return True
    base, sep, tail = name.replace("（", "(").replace("）", ")").rpartition("(rectxl")
    number = tail.removesuffix(")")
    return bool(sep) and tail.endswith(")") and base.strip() in OUTPUT_SHEETS and (number == "" or number.isdigit())
