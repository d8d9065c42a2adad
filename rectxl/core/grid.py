"""Turn sheet grids (cell values plus merged ranges) into a :class:`~rectxl.core.model.Ledger`.

This is the reader's core and it is pure: files (calamine/openpyxl) and a live Excel workbook
(xlwings) each produce :class:`Grid` objects and go through the same code here. It handles the
mess of real ledgers (DESIGN.md §2): title rows, a header row anywhere in the first rows found by
header aliases, two-row headers, merged hierarchy cells, shared merged owners/deadlines, section
rows merged across the sheet, blank and trailing rows, footers, and Excel error values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import pairwise, repeat
from operator import contains, itemgetter
from typing import Any

from rectxl.core import fields as F
from rectxl.core.closure import flag_says
from rectxl.core.deadline import (
    AS_OF_WHEN,
    as_of_day,
    completed_in_report_month,
    earliest_day,
    month_alone,
    parse_date,
    parse_day,
    parse_day_range,
    parse_deadline,
    parse_deadline_in_year,
)
from rectxl.core.errors import LedgerError, NoLedgerTable
from rectxl.core.legend import REST, colour_legend, colour_status, keys_font
from rectxl.core.model import (
    PERSON_AND_PHONE_KEYS,
    PHONE_NUMBER,
    Aspect,
    Category,
    Deadline,
    DeadlineKind,
    Issue,
    Ledger,
    LedgerInfo,
    LedgerSheet,
    Measure,
    SetAsidePart,
)
from rectxl.core.names import COLUMN_MAP_SHEET, DIRECTORY_SHEET, INFO_SHEET, MARKS_SHEET, is_rectxl_sheet
from rectxl.core.numbering import (
    PARENTHESISED,
    enumerated_items,
    issue_body,
    names_a_field,
    names_fields_alike,
    split_aspect_label,
    split_category_label,
    split_count_note,
    split_heading_count,
    split_issue_label,
)
from rectxl.core.status import (
    ACCOUNT_TEXT,
    Stage,
    Status,
    StatusReading,
    box_choices,
    dropped,
    finished_day,
    line_statuses,
    not_started_by_progress,
    read_status,
    share_as_percent,
    split_opening_reading,
    split_opening_status,
    status_beside_not_closed,
    status_phrase,
)
from rectxl.core.text import (
    LazyPattern,
    col_letter,
    fold,
    is_placeholder,
    label_number,
    needs_cleaning,
    normalize_for_compare,
    normalize_text,
    shorten,
    to_int,
    to_simplified,
)
from rectxl.core.units import one_unit, same_unit_name, unit_people, unit_with_person

__all__ = [
    "COLUMN_MAP_SHEET",
    "HEADER_SCAN_ROWS",
    "INFO_KEYS",
    "Grid",
    "HeaderCandidate",
    "HeaderMap",
    "a1",
    "aspect_heading",
    "best_header_candidate",
    "find_header",
    "ledger_from_grids",
    "parse_column_map",
]

#: how many rows from the top are searched for the header row: a sheet may open with a long
#: 填报说明 (twenty rules and more, a line each) or a block of totals above its table
HEADER_SCAN_ROWS = 50

#: an Excel error value, or LibreOffice's own for errors Excel has no value for (Err:502, an invalid argument)
_ERROR_VALUE = re.compile(r"^(?:#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)|Err:5\d\d)$")
_FOOTER = LazyPattern(r"^(?:注|备注|说明|填表人|制表人|制表|审核人|审核|填报人|填报单位|联系人|单位负责人)\s*[:：]?")
#: a cell of a signature or note line under the table: a label with its colon ("填表人：王某",
#: "单位主要负责人（签字）：", "填表日期：2026年11月18日", "注：本表一式两份")
_FOOTER_CELL = LazyPattern(
    r"^\s*(?:(?:注|备注|说明|填表人|填报人|制表人|制表|审核人|审核|审批人|签发人|签发|联系人|联系电话|电话|"
    r"填报单位|报送单位|单位|单位负责人|单位主要负责人|主要负责人|分管领导|负责人|"
    r"填表日期|填报日期|制表日期|报送日期|填表时间|填报时间|报送时间|上报日期|上报时间|填写日期|日期)\s*"
    r"(?:[(（](?:签字|签名|盖章|签章)[)）]|签字|签名|盖章)?\s*[:：]"
    # anyone's signature or the seal, with or without a colon: "主要领导签字：", "分管领导（签字）",
    # "单位（盖章）", "党组书记签名："
    r"|[\u4e00-\u9fff]{0,10}?(?:[(（]\s*(?:签字|签名|盖章|签章|公章)\s*[)）]|签字|签名|盖章|签章)\s*(?:[:：]|$)"
    # the seal's place alone: "（单位盖章）", "（公章）"
    r"|[(（]\s*(?:[\u4e00-\u9fff]{0,6}?)(?:盖章|公章|签章|印章)\s*[)）]\s*$)")
#: what a signature or note line's measure cell can open with (a cheap test before the pattern)
_FOOTER_FIRST = frozenset("注备说填制审签联电单主分负日报（(")
#: a note under (or above) the table, by how it opens: its heading ("填表说明：", "附件：", "抄送：…",
#: "注：", "一、填表说明"), a form's closing line ("此表一式三份…", "以上情况属实。", "（本页无正文）")
#: or who made the form ("县委巡察办制") — never an aspect, an issue or a measure
_NOTE_HEAD = LazyPattern(
    r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]\s*|[(（【]\s*)?"
    r"(?:(?:(?:填表|填报|填写|编制|编写|使用|报送|报表|上报)(?:说明|要求|须知|提示)|说明|注|注意|注意事项|备注|附件\d*"
    r"|附表\d*|附|抄送|抄报|温馨提示|特别提示|提示)\s*(?:[:：)）】]|$|(?=[(（][1１一][)）]|[1１][.．、]|一[、.．]|①))"
    r"|(?:此表|本表|该表)(?!格?中)|以上(?:情况|内容|信息|数据)?(?:属实|无误|真实)"
    r"|[(（]\s*(?:本页无正文|此页无正文|以下无正文)\s*[)）]\s*$"
    r"|[\u4e00-\u9fff]{2,10}(?:办|委|局|部|组|室|处)(?:印)?制\s*$)")
#: what such a note can open with when it stands in the measure column (a cheap test before the
#: pattern: a plain measure row is tested for it)
_NOTE_FIRST = frozenset(r"填编使报上说注备附抄温特提此本该以（(【一二三")  # a set of characters, no message
#: a mark ticking one of a row of status columns (已完成 | 正在推进 | 未完成 with √ in one)
_TICK_MARKS = frozenset({"√", "✓", "✔", "☑", "✅", "●", "■", "◆", "★", "▲", "◉", "是", "1", "Y", "y", "V", "v",
                         "TRUE", "✔️", "☑️"})
#: a hollow mark: a tick — unless the sheet also has filled marks, beside which it says no (● / ○)
_HOLLOW_MARKS = frozenset({"○", "◎", "〇", "O", "o"})
_FILLED_MARKS = frozenset({"●", "■", "◆", "◉", "★", "▲"})
#: a mark saying a status column is not the one (× in 未完成), as good as blank
_UNTICK_MARKS = frozenset({"×", "✗", "✘", "☐", "□", "否", "0", "无", "-", "/", "—", "FALSE", "N", "n", "X", "x"})
#: an issue on a row of its own, merged across: "问题1：…", "问题一、…", "1.…" (its measures below)
_ISSUE_ROW = LazyPattern(r"^\s*(?:问题\s*([0-9]{1,3}(?![0-9])|[0-9]{4}(?![0-9年])|[一二三四五六七八九十]{1,3})"
                        r"\s*[:：、.．]?|([0-9]{1,4})\s*[、.．](?!\d))\s*")
#: a progress's first clause and what ends it ("2025年6月，修订制度3项。" → "2025年6月")
_FIRST_CLAUSE = LazyPattern(r"\s*([^，,。；;]+)\s*(?:[，,。；;]|$)")
#: a 完成时间及佐证 cell: the day it was done first ("2026年5月20日；巡河记录簿", "完成时间：2026.5.20
#: 佐证：…"), then its evidence
_DONE_DAY = (r"(?:(?:完成|办结)(?:时间|日期)\s*[:：]\s*)?(?:已经?于|已?于)?(?P<day>\d{4}\s*[年./\-]\s*\d{1,2}"
             r"(?:\s*[月./\-]\s*\d{1,2}\s*[日号]?|\s*月(?:底|末|份)?)?)\s*(?:已?(?:完成|办结)(?:整改)?)?")
_DAY_THEN_EVIDENCE = LazyPattern(rf"^\s*{_DONE_DAY}[，,。；;：:、\s]*(?P<rest>.*)$", re.S)
#: …or after it, closing the cell ("巡河记录簿（2026年7月15日）", "专项检查通报，2026年5月20日完成")
_EVIDENCE_THEN_DAY = LazyPattern(rf"^(?P<rest>.*?)[，,。；;、\s]*[（(]?{_DONE_DAY}[)）]?[。.]?\s*$", re.S)
#: …or in the middle of a sentence ("整改已于2026年3月15日完成，佐证：会议纪要", "已完成（2026.3.15），佐证：…")
_DAY_WITHIN = LazyPattern(rf"[（(]?{_DONE_DAY}[)）]?")
#: the label a clerk writes before the evidence ("佐证：", "佐证材料为", "附件：", "见")
_EVIDENCE_LABEL = LazyPattern(r"^[，,。；;：:、\s]*(?:(?:整改)?(?:佐证|证明|支撑|备查)(?:材料|资料)?(?:清单|目录)?"
                              r"\s*(?:[:：]|为|是|有)|附件\s*[:：]|(?:详|请)?见\s*)?\s*")
#: what is left of a sentence when its day is taken out ("已完成整改", "整改已", "已")
_DONE_WORDS = LazyPattern(r"^(?:整改|该项|此项)?(?:工作)?(?:已经?|已?于)?(?:全部|按时|按期)?(?:完成|办结)?(?:整改)?$")


def _day_and_evidence(text: str) -> tuple[str, str]:
    """A 完成时间及佐证材料 cell's day the work was done (as written) and its evidence, the words
    saying it was done and the evidence's own label ("佐证：") taken out: "已于2026年3月15日完成，佐证：
    会议纪要" → ("2026年3月15日", "会议纪要"). No day: ("", the cell)."""
    day = _DAY_THEN_EVIDENCE.match(text) or _EVIDENCE_THEN_DAY.match(text)
    if day is not None:
        rest = day["rest"]
    elif (day := _DAY_WITHIN.search(text)) is not None:
        before, after = text[:day.start()], text[day.end():]
        # "整改已于…完成，佐证：…": the words before the day say it was done; others are evidence
        kept = before.strip("，,。；;、 \t\n")
        rest = after if _DONE_WORDS.match(kept) else f"{kept}；{after.lstrip('，,。；;、 ')}".strip("；")
    else:
        return "", text
    evidence = rest.strip()
    if (label := _EVIDENCE_LABEL.match(evidence)) is not None:
        evidence = evidence[label.end():]
    return day["day"].strip(), evidence.strip("，,。；;、 \t\n")
#: a status's leftover that is only a date ("2025年5月20日", "2025.4.30", "4月15日")
_DATE_ONLY = LazyPattern(r"^[\d\s年月日号./\-]{3,16}$")
#: a status cell of a month or a day and 完成, no 已 or 于 ("2024年5月完成", "2025.6完成", "10月20日完成",
#: "10.20完成"): done or planned
_MONTH_DONE = LazyPattern(r"^\s*((?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\d{1,2}\s*[日号]|底|末|份)?|\d{4}\s*[./]\d{1,2}"
                          r"|\d{1,2}\.\d{1,2})\s*(?:前|之前)?完成$")
#: a totals row under the table ("合计", "总  计"): a count of the rows above, never a measure
#: a totals row's label (汇总 is what a Chinese Excel table's totals row says)
#: — also named for its part ("本方面小计", "政治建设方面小计：2项") and with its count after it
#: ("合计（5个问题12项措施）", "小计 3项")
_TOTALS = LazyPattern(r"^\s*(?:本(?:方面|页|类|部分|单位)|[\u4e00-\u9fff、.．]{0,24}?方面(?:问题)?)?\s*"
                     r"(?:(?:合|总|小|共)\s*计|汇\s*总)\s*(?:[:：(（].*|\d+\s*(?:个|项|条).*)?$", re.DOTALL)
_TOTALS_FIRST = "合总小共汇"
#: a totals row of the whole table: 合计, 总计, 共计 (a 小计, or one named for its part, counts a part)
_GRAND_TOTAL = LazyPattern(r"^\s*(?:合|总|共)\s*计")
#: a 序号 cell numbering a section, not an issue: "一", "二、", "（三）", "Ⅰ", "第一部分"
_SECTION_NUMBER = LazyPattern(r"^\s*(?:[一二三四五六七八九十]+[、.．]?|[(（][一二三四五六七八九十]+[)）]"
                             r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ][、.．]?|第[一二三四五六七八九十\d]+(?:部分|方面))\s*$")


@dataclass
class Grid:
    """One sheet as values: ``rows[r][c]`` is sheet cell (r+1, c+1); merges are 0-based inclusive
    ``(first_row, first_col, last_row, last_col)``."""

    name: str
    rows: list[list[Any]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    #: hidden so that only VBA shows it again (``veryHidden``): Excel's 取消隐藏 does not list it
    very_hidden: bool = False
    #: 0-based columns hidden in the sheet (a helper column is never a ledger column)
    hidden_cols: frozenset[int] = frozenset()
    #: 0-based rows hidden in the sheet (read as any other: a clerk hides finished rows to print)
    hidden_rows: frozenset[int] = frozenset()
    #: 0-based (row, col) of cells holding a formula whose value was never computed
    uncomputed: frozenset[tuple[int, int]] = frozenset()
    #: 0-based (row, col) of text cells a formula builds with today's date
    #: (``="截至"&TEXT(TODAY(),"yyyy年m月d日")``): the day the text holds is when it was last
    #: computed — Excel shows the day it is opened
    today_text: frozenset[tuple[int, int]] = frozenset()
    #: 0-based (row, col) of cells whose number or date formula is worked out from today's date
    #: (``=TODAY()+30``, ``=TODAY()``), computed or not: a day that moves each day it is opened
    from_today: frozenset[tuple[int, int]] = frozenset()
    #: 0-based columns rectxl wrote after the sheet's last one from another sheet (a 责任清单 joined by
    #: 任务编号, issue codes read from task codes): no cell of the sheet holds their values
    joined_cols: frozenset[int] = frozenset()
    #: the sheet the 责任清单's columns were joined from (by 任务编号), each data row's task code
    #: (0-based row → code) and the rows whose task that sheet does not list
    duties_from: str | None = None
    task_codes: Mapping[int, str] = field(default_factory=dict)
    unlisted_tasks: frozenset[int] = frozenset()
    #: cell (A1) → the file its hyperlink opens (links to web pages and places in the workbook
    #: are not kept)
    links: Mapping[str, str] = field(default_factory=dict)
    #: 0-based (row, col) → the colour word of the cell's fill (红, 橙, 黄, 绿, 蓝, 紫), read only
    #: when the workbook's text names a colour (a legend may say which status each stands for)
    fills: Mapping[tuple[int, int], str] = field(default_factory=dict)
    #: the reader looked for the sheet's fills (an .xlsx whose rows name a colour): an empty
    #: :attr:`fills` then means no cell is filled with one, not that fills cannot be read
    fills_read: bool = False
    #: :attr:`fills` holds the colours of the cells' fonts, not of their fills: the sheet's legend
    #: keys its statuses by font colour ("红色字体为未完成事项，黑色字体为已完成")
    colours_by_font: bool = False
    #: the conditional-format rules that colour cells of the sheet but that rectxl could not
    #: evaluate (their colours are not in :attr:`fills`), as a clerk would name them: "公式“=…”", "色阶"
    conditional_unread: tuple[str, ...] = ()
    #: cell (A1) → what a picture floating over the sheet, or an embedded file's icon, with its
    #: top-left corner in the cell reads as ("[图片]", "[嵌入对象]"): an empty 佐证材料 cell with a
    #: screenshot pasted over it, or the scanned document embedded in it, holds that evidence
    pictures: Mapping[str, str] = field(default_factory=dict)
    #: the sheet's drop-down lists (数据验证 → 序列): 0-based (first row, first col, last row, last
    #: col) of each range one applies to, its words, and whether it refuses what it does not list
    lists: tuple[tuple[int, int, int, int, tuple[str, ...], bool], ...] = ()
    #: value cells far outside the sheet's data (one key pressed at XFD1048576), not read: (A1, what
    #: each shows) — a grid reaching them would need millions of rows
    strays: tuple[tuple[str, str], ...] = ()
    #: a form laid out as rows (项目 | 内容, one block per problem) read as a table: 0-based (row,
    #: col) of the table rectxl made → the cell of the form holding that value
    origin: Mapping[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    #: a form read as a table: the row above its first block, where the table's header row was put
    #: (its title, or 填报单位 | 填报日期), still read for the facts written above the table
    displaced: tuple[tuple[Any, ...], ...] = ()
    #: a 序号 column numbering issues under their group ("2.1 | 2.2", "（二）1"): 0-based row → the
    #: group's number (read as the issue's category where no heading row names it)
    outline_groups: Mapping[int, int] = field(default_factory=dict)

    def value(self, r: int, c: int) -> Any:
        if r < len(self.rows):
            row = self.rows[r]
            if c < len(row):
                return row[c]
        return None


@dataclass
class HeaderMap:
    """Where the header is and which column holds which field (0-based)."""

    row: int  # 0-based index of the (last) header row
    first_row: int  # 0-based index of the first header row (differs for two-row headers)
    columns: dict[str, int]
    #: field → columns after the first that also claim it (ignored, reported)
    duplicates: dict[str, list[int]] = field(default_factory=dict)
    #: column → text of a visible header cell that names no known column
    unknown: dict[int, str] = field(default_factory=dict)
    #: header text → field, for the columns the user's mapping named
    mapped: dict[str, str] = field(default_factory=dict)

    #: the row under the header numbers the columns (1, 2, 3 …, as printed forms do): not data
    numbered: bool = False
    #: tick columns → the status word each stands for (已完成 | 正在推进 | 未完成, a mark in one of
    #: them per row): together they are the 整改状态 column
    ticks: dict[int, str] = field(default_factory=dict)
    #: a matrix of units under their group's label (责任科室 over 医务科 | 护理部 | 药剂科, a tick under
    #: each unit of the row's): field → {column → the unit it names}; the field's column is the first
    unit_ticks: dict[str, dict[int, str]] = field(default_factory=dict)
    #: a matrix of units' statuses under a status label (各社区整改情况 over 南山社区 | 北湖社区, each
    #: cell that unit's status): column → the unit; each row is a measure per unit with a status
    unit_status: dict[int, str] = field(default_factory=dict)
    #: columns going on with the measure's text (措施内容 | 具体举措): joined to it, row by row
    measure_more: tuple[int, ...] = ()
    #: note columns beside the 备注 (未完成原因 | 下步打算 | 备注): joined to the remark, row by row
    remark_more: tuple[int, ...] = ()
    #: further measure columns numbered after the first (整改措施1 | 整改措施2 | 整改措施3): each
    #: cell of them is a measure of its own, sharing its row's owners, deadline and status
    measure_cols: tuple[int, ...] = ()
    #: field → the columns kept for earlier periods (7月进展 | 8月进展 left of 9月进展), newest
    #: first: a row the latest period's column says nothing of is read from the newest that does
    earlier: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        return self.row + 1 + self.numbered


def a1(r: int, c: int) -> str:
    """0-based (row, col) → ``"H12"``."""
    return f"{col_letter(c)}{r + 1}"


def _repeats_header(row: Sequence[Any], names: Sequence[frozenset[str]], written: Sequence[frozenset[Any]],
                    longest: int) -> bool:
    """``row`` is the header (or one of its rows) written again: every filled cell reads as a
    header cell of its own column did, two at least. ``names[c]`` holds those of column ``c``, as
    :func:`~rectxl.core.fields.header_key` reads them, ``written[c]`` as they were written.

    Asked of every row under the header: a cell written as the header wrote it is taken at once,
    and a text longer than ``longest`` (no header cell's length, give or take its notes) or no
    text is no header cell — only what is left is read as a header is (a regular-expression pass
    per cell, which had cost a tenth of reading a 100,000-row ledger)."""
    matched = 0
    for c, v in enumerate(row):
        if v is None:
            continue
        if type(v) is str:
            if not v:
                continue  # (calamine's empty cell)
            if len(v) > longest:
                return False
            if _blank(v):
                continue
        if c >= len(names) or (v not in written[c] and (type(v) is not str or F.header_key(v) not in names[c])):
            return False
        matched += 1
    return matched >= 2


def _without_header_repeats(grid: Grid, header: HeaderMap) -> Grid:
    """``grid`` with the rows below the header that write it again made blank: a ledger printed
    page by page, or pasted together from several offices' tables, repeats its header (and the
    row numbering its columns) over each part. Such a row is no measure, and no issue or unit
    written in it is carried down to the rows under it. Rows keep their numbers."""
    width = max((len(row) for row in grid.rows[header.first_row: header.row + 1]), default=0)
    names = [frozenset(k for r in range(header.first_row, header.row + 1)
                       if (k := F.header_key(grid.value(r, c)))) for c in range(width)]
    written = [frozenset(v for r in range(header.first_row, header.row + 1)
                         if not _blank(v := grid.value(r, c))) for c in range(width)]
    longest = 2 * max((len(str(v)) for cells in written for v in cells), default=0) + 10
    again = [r for r in range(header.data_start, len(grid.rows))
             if _repeats_header(grid.rows[r], names, written, longest)]
    if not again:
        return grid
    blank = set(again)
    for r in again:  # the row numbering the columns (1, 2, 3 …) under a repeated header
        if r + 1 < len(grid.rows) and r + 1 not in blank and _numbers_the_columns(grid.rows[r + 1]):
            blank.add(r + 1)
    rows = [[None] * len(row) if r in blank else row for r, row in enumerate(grid.rows)]
    merges = [m for m in grid.merges if not all(r in blank for r in range(m[0], m[2] + 1))]
    return replace(grid, rows=rows, merges=merges)


#: the label of a template's example row, in its first cell ("例", "示例", "（样例）", "例：…")
_EXAMPLE_LABEL = LazyPattern(r"^\s*[(（【\[]?\s*(?:举|示|样|范|填写示|填表示|填报示)?例\s*[)）】\]]?\s*(?:[:：]|$)")
#: a line about the example rows ("（此行为填写示例，正式填报时请删除）", "以下为示例", "示例仅供参考")
_EXAMPLE_NOTE = LazyPattern(r"示例|样例|范例|举例|(?:^|[(（])\s*例\s*[)）:：]")


def _without_example_rows(grid: Grid, header: HeaderMap) -> Grid:
    """``grid`` with the rows a template shows how to fill it in with made blank: right under the
    header, rows labelled 例 / 示例 / 样例 in their first cell, and a line alone on its row saying
    they are examples ("（此行为填写示例，正式填报时请删除）"). A clerk who leaves them in has no
    measure there, and no aspect in the line. Rows keep their numbers."""
    blank: list[int] = []
    for r in range(header.data_start, len(grid.rows)):
        texts = [_text(v) for v in grid.rows[r] if not _blank(v)]
        if not texts:
            continue
        if _EXAMPLE_LABEL.match(texts[0]) or (len(texts) == 1 and _EXAMPLE_NOTE.search(texts[0])):
            blank.append(r)
            continue
        break  # the ledger's own rows have begun
    if not any(_EXAMPLE_LABEL.match(next((_text(v) for v in grid.rows[r] if not _blank(v)), "")) for r in blank):
        return grid  # a line alone, with no example row beside it, is the ledger's own
    rows = [[None] * len(row) if r in blank else row for r, row in enumerate(grid.rows)]
    merges = [m for m in grid.merges if not all(r in blank for r in range(m[0], m[2] + 1))]
    return replace(grid, rows=rows, merges=merges)


def _totals_row(row: Sequence[Any]) -> bool:
    """The row opens with a totals label ("合计", "合计：2个问题", "总计"): a count of the rows, no
    issue of its own — nor an issue left unnumbered beside numbered ones."""
    first = next((v for v in row if not _blank(v)), None)
    return type(first) is str and first.lstrip()[:1] in _TOTALS_FIRST and _TOTALS.match(first) is not None


def _footer_line(raw_row: list[Any]) -> bool:
    """Every filled cell of the row is a signature or note label, or what a label ending on its
    colon was filled in with in the cell after it ("填报人：" | "王某", "联系电话：" | 13812345678):
    the foot of the form, no measure."""
    filled = [v for v in raw_row if not _blank(v)]
    labelled = False
    for v in filled:
        if isinstance(v, str) and _FOOTER_CELL.match(v):
            labelled = v.rstrip().endswith((":", "："))
        elif labelled:
            labelled = False  # the label's value, one cell
        else:
            return False
    return bool(filled)


def _heading_count(text: str, title: str) -> tuple[str, str]:
    """An aspect's or category's title without the count the clerk or the notice wrote with it
    (its label's reading, ``title``, has lost a count in brackets already), and that count as
    written: kept apart, so that it is checked against the issues listed under it and published
    again where the notice had it."""
    if not text:
        return title, ""
    note = split_heading_count(text)[1]
    return split_heading_count(title)[0] if note else title, note


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip(" \t\r\n\u3000\xa0"))


def _header_field(text: Any, column_map: dict[str, str]) -> str | None:
    """The field a header cell names: the user's mapping first, then the known names and parts."""
    if not isinstance(text, str) or not text.strip():
        return None
    if column_map:  # no mapping (the common case): no key to fold for it
        mapped = column_map.get(F.header_key(text))
        if mapped is not None:
            return mapped
    return F.field_for_header(text)


def _row_fields(row: Sequence[Any], column_map: dict[str, str]) -> dict[int, str]:
    if column_map:
        return {c: f for c, v in enumerate(row) if (f := _header_field(v, column_map))}
    # no mapping: a cell that is no text names nothing, a short one is looked up once, and a long
    # one with a sentence's punctuation and no bracketed note is data (no column name has a comma)
    return {c: f for c, v in enumerate(row)
            if isinstance(v, str) and (f := _HEADER_FIELDS[v] if len(v) <= 32 else (
                None if _A_SENTENCE.search(v) and not _A_NOTE.search(v) else _header_field(v, column_map)))}


#: punctuation no column name has (see :data:`rectxl.core.fields.ALIASES`), and a bracket, which
#: may hide it in a note the name drops ("整改时限（年，月，日）")
_A_SENTENCE = re.compile(r"[，,。；;]")
_A_NOTE = re.compile(r"[(（]")


class _HeaderFields(dict[str, "str | None"]):
    """Header text → the field it names (no user mapping), filled on first look; bounded."""

    def __missing__(self, text: str) -> str | None:
        if len(self) > 8192:
            self.clear()
        found = self[text] = _header_field(text, {})
        return found


_HEADER_FIELDS = _HeaderFields()


#: a column under a 整改时限 group saying when the work starts or ends (开始时间 | 完成时间, 起始日期 |
#: 截止日期) — not 实际完成时间, when it was done
_START_OR_END = LazyPattern(r"^(?:计划)?(?:开始|起始|启动|完成|结束|截止|办结)(?:时间|日期)?$")
_STARTS = ("开始", "起始", "启动", "计划开始", "计划起始", "计划启动")


def _child_of_group(child: str, label: str, column_map: dict[str, str]) -> tuple[str, str] | None:
    """(name, field) of a column a two-row header names only with its group's label: "计划" and
    "实际" under "完成时限" are 计划完成时限 (the deadline) and 实际完成时限 (when it was done).
    The child's words come first, then after the label; ``None`` when neither names a field, or
    the child alone names a column rectxl does not read (联系电话 under 责任主体 is no 责任单位)."""
    if F.names_unread(child):
        return None
    for name in (child + label, label + child):
        if (found := _header_field(name, column_map)) is not None:
            if found == F.PROGRESS and _tick_word(child) is not None:
                # 已完成 | 正在推进 | 未启动 under 整改进展情况: a status's tick column each (the
                # marks under them tell), no account of the work
                return None
            return name, found
    return None


def _core_fields(found: dict[int, str]) -> set[str]:
    """The distinct fields a candidate header row names, counting only real ledger columns."""
    return {f for f in found.values() if f != F.ROW_NO}


@dataclass
class HeaderCandidate:
    """The row that looked most like a header, and what it lacked (for the error message)."""

    row: int  # 0-based
    fields: list[str]


def best_header_candidate(grid: Grid, column_map: dict[str, str] | None = None) -> HeaderCandidate | None:
    """The row among the first rows naming the most ledger columns, even when it is not enough."""
    best: HeaderCandidate | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        fields = sorted(_core_fields(_row_fields(grid.rows[r], column_map or {})))
        if fields and (best is None or len(fields) > len(best.fields)):
            best = HeaderCandidate(r, fields)
    return best


def find_header(grid: Grid, column_map: dict[str, str] | None = None) -> HeaderMap | None:
    """Find the header row among the first :data:`HEADER_SCAN_ROWS` rows.

    A header cell is recognised by the user's mapping (``column_map``: header text → field), a
    known column name, or the name's meaningful parts. The row naming the most columns, one of
    them the problem or the measure, is the header. The row below it is the second row of a
    two-row header when the header row has a cell merged across several columns above it (a
    group label such as 责任主体 over 责任领导 | 责任股室 | 责任人), or when every non-blank cell of
    it is itself a column name. **A group label never stands for one of its children**: the
    columns under it are named by the second row alone. A hidden column is read when its header
    names a ledger column (clerks hide columns to print) and otherwise passed over in silence (a
    helper column is not a column rectxl failed to understand).
    """
    column_map = column_map or {}
    skip = grid.hidden_cols
    best: tuple[int, int, dict[int, str]] | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        found = _row_fields(grid.rows[r], column_map)
        fields_found = _core_fields(found)
        score = len(fields_found)
        if score >= 2 and ({F.ISSUE, F.MEASURE} & fields_found) and (best is None or score > best[1]):
            best = (r, score, found)
    if best is None:
        return None
    r, _, found = best
    first = r
    texts: dict[int, str] = {c: _text(v) for c, v in enumerate(grid.rows[r]) if not _blank(v)}
    unit_ticks: dict[int, tuple[str, str]] = {}
    # the lower rows of a header of two or three (整改落实 over 完成时限 | 完成情况 over 计划 | 实际 |
    # 已完成 | 正在推进): each row under groups of the row above names their columns
    for _level in range(2):
        if r + 1 >= len(grid.rows):
            break
        below = grid.rows[r + 1]
        groups = _group_spans(grid, r, column_map)
        spans_two = any(r0 == r and r1 == r + 1 for r0, _c0, r1, _c1 in grid.merges)
        non_blank = {c: v for c, v in enumerate(below) if not _blank(v)}
        sub = _row_fields(below, column_map)
        under_groups = [c for c in non_blank if any(c0 <= c <= c1 for c0, c1 in groups)]
        # status words only matter when every other non-blank cell of the row names a column
        words = _tick_words(below) if len(sub) < len(non_blank) >= 2 else {}
        # a second header row: names under a group label, or a row of names — two at least (one
        # name alone, "党的政治建设方面", is an aspect's row under the header) — or of status words,
        # one tick column each, under a label not merged over them
        labels = {c: _text(grid.rows[r][c0]) for c0, c1 in groups for c in range(c0, c1 + 1)
                  if not _blank(grid.rows[r][c0])} if under_groups else {}
        # units under an owner's label, ticked in the rows (责任科室 over 医务科 | 护理部)
        level_ticks = _unit_tick_columns(grid, r + 1, non_blank, labels, sub, column_map) if under_groups else {}
        if non_blank and ((len(sub) == len(non_blank) >= 2) or (under_groups and (spans_two or sub or level_ticks))
                          or (len(words) >= 2 and len(set(sub) | set(words)) == len(non_blank))):
            for c0, c1 in groups:  # the group label names none of its children
                for c in range(c0, c1 + 1):
                    found.pop(c, None)
                    texts.pop(c, None)
            for c, v in non_blank.items():
                texts[c] = _text(v)
                if c in level_ticks:
                    continue  # a unit's name, its column ticked: read with the others under the label
                if c in labels and _header_field(labels[c], column_map) == F.DEADLINE and (
                        sub.get(c) in (None, F.DEADLINE, F.COMPLETED)) and _START_OR_END.match(F.header_key(texts[c])):
                    # 整改时限 over 开始时间 | 完成时间: the time allowed runs to the end the plan
                    # names — the deadline; its start is no column rectxl reads
                    if F.header_key(texts[c]).startswith(_STARTS):
                        found.pop(c, None)
                        texts.pop(c)
                    else:
                        found[c] = F.DEADLINE
                elif c in sub:
                    found[c] = sub[c]
                elif c in labels and (named := _child_of_group(texts[c], labels[c], column_map)):
                    # 完成时限 over 计划 | 实际: the child says which of the group it is
                    texts[c], found[c] = named
            unit_ticks.update(level_ticks)
            r += 1
        else:
            break
    owner_ticks: dict[str, dict[int, str]] = {}
    for c, (field_name, unit) in sorted(unit_ticks.items()):
        texts.pop(c)
        owner_ticks.setdefault(field_name, {})[c] = unit
    unit_status = owner_ticks.pop(_UNIT_STATUS, {})
    for field_name, units in owner_ticks.items():
        found[min(units)] = field_name
    if unit_status:
        found[min(unit_status)] = F.STATUS
    alone = first == r  # no second header row found under r: r may be the lower row of two
    if first > 0 and (upper := _names_above(grid, first, r, column_map, found)):
        # the lower rows of a two- or three-row header named more columns: a column a row above
        # names in a cell merged down over the blank ones below (完成情况 beside 问题清单 | 任务清单 |
        # 责任清单; 整改措施 | 整改时限 over a 责任主体 → 责任单位 → 牵头科室 | 责任人 of three rows)
        for c, (upper_text, upper_field, upper_row) in upper.items():
            texts[c], found[c] = upper_text, upper_field
            first = min(first, upper_row)
    if alone and r > 0:
        _children_of_groups_above(grid, r, texts, found, column_map)
    numbered = r + 1 < len(grid.rows) and _numbers_the_columns(grid.rows[r + 1])
    ticks = _tick_columns(grid, r, r + 1 + numbered, skip)
    if ticks:
        _closure_ticks(ticks, texts, found)
    if ticks and all(found.get(c) in (None, F.STATUS) for c in ticks) and not any(
            f == F.STATUS for c, f in found.items() if c not in ticks):
        # 已完成 | 正在推进 | 未完成, a mark in one of them per row: together they are the status
        # (a group label over them — 整改状态, 完成情况 — stands for none of them)
        for c in ticks:
            found.pop(c, None)
            texts.pop(c, None)
        found[min(ticks)] = F.STATUS
    else:
        ticks = {}
    columns: dict[str, int] = {}
    duplicates: dict[str, list[int]] = {}
    earlier: dict[str, tuple[int, ...]] = {}
    # a field named twice is read from its first visible column: a clerk hides last month's
    # column and adds this month's further right
    for c in sorted(found, key=lambda c: (c in skip, c)):
        if found[c] in columns:
            duplicates.setdefault(found[c], []).append(c)
        else:
            columns[found[c]] = c
    duplicates = {f: sorted(cs) for f, cs in duplicates.items()}
    if F.PROGRESS in duplicates:
        # progress kept month by month (10月进展 | 11月进展 | 截至11月30日进展): the latest is the
        # right-most visible one
        shown = [c for c in (columns[F.PROGRESS], *duplicates[F.PROGRESS]) if c not in skip]
        order = _by_recency(texts, shown)
        if order and order[0] != columns[F.PROGRESS]:
            latest = order[0]
            duplicates[F.PROGRESS] = sorted(c for c in (columns[F.PROGRESS], *duplicates[F.PROGRESS]) if c != latest)
            columns[F.PROGRESS] = latest
        if all(_PERIOD.search(texts.get(c, "")) for c in shown):
            earlier[F.PROGRESS] = tuple(order[1:])
        elif _OUTCOME.search(texts.get(columns[F.PROGRESS], "")) and (accounts := [
                c for c in shown if not _OUTCOME.search(texts.get(c, ""))]):
            # 进展情况 | 整改成效: the account of the work, not the column beside it telling what the
            # work brought (成效, 成果, 效果) — the latest account
            duplicates[F.PROGRESS] = sorted(c for c in (columns[F.PROGRESS], *duplicates[F.PROGRESS])
                                            if c != accounts[-1])
            columns[F.PROGRESS] = accounts[-1]
    _latest_period_status(grid, r, texts, columns, duplicates, skip, earlier)
    _named_status_first(texts, columns, duplicates)
    _measure_status_first(texts, columns, duplicates)
    _next_steps_not_measures(texts, columns, duplicates)
    _task_as_goal(texts, columns, duplicates)
    _matter_to_rectify(texts, columns, duplicates)
    _goal_as_measure(texts, columns, duplicates)
    _requirement_beside_goal(texts, columns, duplicates)
    measure_more = _measure_split(texts, columns, duplicates)
    remark_more = _notes_beside_remark(texts, columns, duplicates)
    measure_cols = _numbered_measures(texts, columns, duplicates)
    _two_level_categories(texts, columns, duplicates)
    _detail_not_issue(texts, columns, duplicates)
    _specific_issue_first(texts, columns, duplicates)
    _lookback_issue(texts, columns, duplicates)
    _closure_not_status(texts, columns, duplicates)
    _kind_not_category(grid, r, columns, duplicates)
    _narrative_status_as_progress(grid, r, columns, duplicates)
    _rate_as_status(grid, r + 1 + numbered, texts, found, columns, skip)
    _status_words_as_status(grid, r + 1 + numbered, columns)
    _status_words_beside_accounts(grid, r + 1 + numbered, columns)
    _completion_as_deadline(grid, r + 1 + numbered, texts, columns)
    _closure_beside_accounts(grid, r + 1 + numbered, texts, columns)
    _shares_beside_status(grid, r, columns, duplicates)
    _responsible_unit_first(texts, columns, duplicates)
    _leader_in_charge_first(texts, columns, duplicates)
    _lead_unit_first(texts, columns, duplicates)
    _specific_person_first(texts, columns, duplicates)
    _bare_words(texts, found, columns, skip)
    _fields_in_measures(texts, columns)
    _fields_in_owner(texts, columns)
    _kind_as_deadline(columns)
    _text_under_spanned_name(grid, first, r, r + 1 + numbered, columns)
    if unit_status and F.OWNER_UNIT not in columns:
        columns[F.OWNER_UNIT] = min(unit_status)  # the units are named over the statuses
    unknown = {c: text for c, text in sorted(texts.items())
               if c not in found and c not in skip and not F.names_quiet(text)}
    if skip:
        # a clerk's old copy of a column, hidden beside the one read (整改措施 kept hidden): the
        # visible column is read, and the hidden one is no second column of that name to remove
        duplicates = {f: left for f, cs in duplicates.items()
                      if (left := [c for c in cs if c not in skip or columns.get(f) in skip])}
    mapped = {text: found[c] for c, text in texts.items()
              if c in found and F.header_key(text) in column_map}
    return HeaderMap(row=r, first_row=first, columns=columns, duplicates=duplicates, unknown=unknown, mapped=mapped,
                     numbered=numbered, ticks=ticks, unit_ticks=owner_ticks, unit_status=unit_status,
                     measure_more=measure_more,
                     remark_more=remark_more,
                     measure_cols=measure_cols,
                     earlier={f: cs for f, cs in earlier.items() if cs and f in columns})


#: the fields whose group label may stand over a column per unit, ticked for the row's units
_UNIT_TICK_FIELDS = frozenset({F.OWNER_UNIT, F.CO_OWNER, F.LEAD})
#: how many data rows tell whether a column under a unit's name holds ticks
_TICK_SAMPLE = 200


#: the field name :func:`_unit_tick_columns` gives the columns of a matrix of units' statuses
_UNIT_STATUS = "\x00unit-status"


def _statuses_under(grid: Grid, r: int, cs: list[int]) -> bool:
    """The cells under a header's row ``r`` in columns ``cs`` are status words, mostly alone (已完成,
    正在推进): at least two, and no more than one in five saying anything else."""
    cells = [_text(row[c]) for row in grid.rows[r + 1:r + 1 + _TICK_SAMPLE] for c in cs
             if c < len(row) and not _blank(row[c])]
    said = sum(1 for t in cells if 2 <= len(t) <= 12 and read_status(t).status is not None)
    return said >= 2 and said >= 0.8 * len(cells)


def _unit_tick_columns(grid: Grid, r: int, non_blank: dict[int, Any], labels: dict[int, str],
                       sub: dict[int, str], column_map: dict[str, str]) -> dict[int, tuple[str, str]]:
    """Column → (field, unit) of a header's second row (``r``) naming units under an owner's group
    label — 责任科室 over 医务科 | 护理部 | 药剂科 — with tick marks under them (√ in the columns of
    the row's units): a matrix of who owns each measure, not columns named 医务科. Two such columns
    at least under one label, their cells in the first rows mostly marks."""
    by_label: dict[str, list[int]] = {}
    for c in non_blank:
        if c in labels and c not in sub:
            by_label.setdefault(labels[c], []).append(c)
    found: dict[int, tuple[str, str]] = {}
    for label, cs in by_label.items():
        if len(cs) < 2:
            continue
        field_name = _header_field(label, column_map)
        if field_name == F.STATUS:
            # 各社区整改情况 over 南山社区 | 北湖社区: each unit's status in its column
            # (not 完成情况 over 已完成 | 正在推进, a tick under one: the status's own tick columns)
            if all(F.field_for_header(_text(non_blank[c])) is None and _tick_word(non_blank[c]) is None for c in cs) \
                    and _statuses_under(grid, r, cs):
                found.update((c, (_UNIT_STATUS, _text(non_blank[c]))) for c in cs)
            continue
        # 整改时限 over 立行立改 | 限期整改 | 长期坚持: a tick, or the date in the 限期整改 column
        kinds = field_name == F.DEADLINE and all(RECTIFY_KINDS.match(F.header_key(_text(non_blank[c]))) for c in cs)
        if field_name is None or (field_name not in _UNIT_TICK_FIELDS and not kinds):
            continue
        rows = grid.rows[r + 1:r + 1 + _TICK_SAMPLE]
        cells = [_text(row[c]) for row in rows if not _totals_row(row) for c in cs
                 if c < len(row) and not _blank(row[c])]
        ticked = sum(1 for t in cells if t in _TICK_MARKS)
        marks = ticked + sum(1 for t in cells if t in _UNTICK_MARKS or t in _HOLLOW_MARKS)
        if ticked and (kinds or marks >= 0.8 * len(cells)):
            found.update((c, (field_name, F.header_key(_text(non_blank[c])) if kinds else _text(non_blank[c])))
                         for c in cs)
    return found


def _names_above(grid: Grid, first: int, r: int, column_map: dict[str, str],
                 found: dict[int, str]) -> dict[int, tuple[str, str, int]]:
    """Column → (text, field, row) of the columns a row above a header found in rows ``first`` to
    ``r`` names: the upper row of a header whose lower rows named more columns — the group labels
    over the lower rows' names (问题清单 | 任务清单 | 责任清单, or 责任主体 over 责任领导 | 责任单位
    over 牵头科室 | 责任人) beside a column written once in a cell merged down over them all
    (完成情况, 整改措施). Only a cell merged down onto blank cells of the rows found counts, one or
    two rows above them, in a column they name none of, and only when its row groups columns too
    (a title merged across is no group)."""
    width = len({c for k in range(first, r + 1) for c, v in enumerate(grid.rows[k]) if not _blank(v)})
    named: dict[int, tuple[str, str, int]] = {}
    for top in range(first - 1, max(first - 3, -1), -1):
        upper = grid.rows[top]
        down = [c0 for r0, c0, r1, c1 in grid.merges if r0 == top and r1 >= first and c0 == c1]
        groups = _group_spans(grid, top, column_map)
        if not any(c1 - c0 + 1 < width for c0, c1 in groups):
            break
        # its columns written over blank cells (not merged down): 整改措施 over the blank cells
        # under it, beside 责任主体 over its group
        grouped = {c for c0, c1 in groups for c in range(c0, c1 + 1)}
        down += [c for c, v in enumerate(upper) if not _blank(v) and c not in grouped and c not in down]
        for c in down:
            if c in found or c in named or c >= len(upper):
                continue
            if all(c >= len(grid.rows[k]) or _blank(grid.rows[k][c]) for k in range(top + 1, r + 1)) and (
                    f := _header_field(upper[c], column_map)) is not None:
                named[c] = (_text(upper[c]), f, top)
    return named


#: the longest name a column under a group label is written with (a longer text is data)
_MAX_CHILD = 8


def _group_spans(grid: Grid, r: int, column_map: dict[str, str]) -> list[tuple[int, int]]:
    """(first, last) columns of the group labels of header row ``r``: merged across the columns
    under them, or written over them without a merge (centred across them, or left in the first):
    a label with blank cells right of it over a name in each column below, each naming a column
    alone or with it (责任 over 领导 | 单位 | 人), or one rectxl knows not to read (未完成原因) — not a
    column name beside a blank spacer column."""
    groups = [(c0, c1) for r0, c0, r1, c1 in grid.merges if r0 == r == r1 and c1 > c0]
    if r + 1 >= len(grid.rows):
        return groups
    top, below = grid.rows[r], grid.rows[r + 1]
    taken = {c for c0, c1 in groups for c in range(c0, c1 + 1)}
    unmerged: list[tuple[int, int]] = []
    for c0, label in enumerate(top):
        if _blank(label) or c0 in taken or c0 >= len(below) or _blank(below[c0]):
            continue
        c1 = c0
        while c1 + 1 < min(len(top), len(below)) and _blank(top[c1 + 1]) and not _blank(below[c1 + 1]):
            c1 += 1
        names = [_text(below[c]) for c in range(c0, c1 + 1)]
        if c1 > c0 and all(len(name) <= _MAX_CHILD and (_header_field(name, column_map) or F.names_unread(name) or (
                _child_of_group(name, _text(label), column_map))) for name in names):
            unmerged.append((c0, c1))
    # the row below a header with such labels names only the columns under them (or under no
    # name): a row filled under the other names too is the first row of data
    taken |= {c for c0, c1 in unmerged for c in range(c0, c1 + 1)}
    if any(not _blank(v) and c < len(top) and not _blank(top[c]) and c not in taken for c, v in enumerate(below)):
        return groups
    return groups + unmerged


def _children_of_groups_above(grid: Grid, r: int, texts: dict[int, str], found: dict[int, str],
                              column_map: dict[str, str]) -> None:
    """Name the cells of header row ``r`` that name nothing alone by the group label over them on
    the row above (merged or not): 责任 over 领导 | 单位 | 人, 完成 over 情况 | 时间 — 责任人 and 完成时间
    (the lower row, naming more columns than the labels, was taken for the header). A label as
    wide as the table is a title, no group."""
    width = sum(not _blank(v) for v in grid.rows[r])
    upper = grid.rows[r - 1]
    for c0, c1 in _group_spans(grid, r - 1, column_map):
        if c1 >= c0 + width - 1 or c0 >= len(upper) or _blank(upper[c0]):
            continue
        for c in range(c0, c1 + 1):
            if c in texts and c not in found and (named := _child_of_group(texts[c], _text(upper[c0]), column_map)):
                texts[c], found[c] = named


def _tick_word(v: Any) -> str | None:
    """The status a header cell names by a bare status word ("已完成", "正在推进", "未完成",
    "是", "否"): the word as a tick column's cell stands for it; ``None`` for any other header.
    Each distinct text is read once (a folder of ledgers from one template repeats them)."""
    return _tick_key(v) if isinstance(v, str) else None


@lru_cache(maxsize=4096)
def _tick_key(v: str) -> str | None:
    key = F.header_key(v)
    if not key or len(key) > 6 or not "\u4e00" <= key[0] <= "\u9fff":
        return None
    return key if read_status(key).status is not None else None


def _tick_words(row: Sequence[Any]) -> dict[int, str]:
    """Column → status word, for the header cells of ``row`` that are bare status words."""
    return {c: w for c, v in enumerate(row) if (w := _tick_word(v)) is not None}


def _closure_ticks(ticks: dict[int, str], texts: dict[int, str], found: dict[int, str]) -> None:
    """是 | 否 ticked under 是否销号 (or 是否验收) beside the status's own tick columns (是否整改到位
    over 是 | 否): the 是 column is that flag, a tick in it a yes; the pair is no status."""
    flags = sorted(c for c in ticks if found.get(c) in (F.CLOSED_FLAG, F.ACCEPTED_FLAG))
    if not flags or len(flags) == len(ticks):
        return
    for c in flags:
        if read_status(ticks.pop(c)).status is not Status.DONE:
            found.pop(c, None)  # the 否 column: no tick in 是 says as much
            texts.pop(c, None)


def _tick_columns(grid: Grid, header_row: int, data_start: int, hidden: frozenset[int]) -> dict[int, str]:
    """Tick columns: two or more adjacent header cells of row ``header_row`` that are bare status
    words (已完成 | 正在推进 | 未完成, 是 | 否), with marks under them (√ ✓ ● ☑ 是 1 …) — mostly
    marks, and some. Column → the status word; empty when there are none."""
    words = {c: w for c, w in _tick_words(grid.rows[header_row]).items() if c not in hidden}
    if len(words) < 2:
        return {}
    runs: list[list[int]] = []
    for c in sorted(words):
        # 是 | 否 | 是 | 否 under two questions (是否整改到位 | 是否销号): a word again starts the next run
        if runs and runs[-1][-1] == c - 1 and words[c] not in {words[d] for d in runs[-1]}:
            runs[-1].append(c)
        else:
            runs.append([c])
    found: dict[int, str] = {}
    for run in runs:
        if len(run) < 2 or len({words[c] for c in run}) < len(run):
            continue
        # a 合计 row counts the ticks ("合计 | … | 3 | 2"): its numbers are no marks
        cells = [_text(row[c]) for row in grid.rows[data_start:] if not _totals_row(row)
                 for c in run if c < len(row) and not _blank(row[c])]
        ticked = sum(1 for t in cells if t in _TICK_MARKS or t in _HOLLOW_MARKS)
        marks = ticked + sum(1 for t in cells if t in _UNTICK_MARKS)
        if ticked and marks >= 0.8 * len(cells):
            found.update((c, words[c]) for c in run)
    return found


#: a cell of a 问题及整改措施 column giving the issue and its measures under their labels
_ISSUE_AND_MEASURE = LazyPattern(
    r"\s*(?:存在的?|反馈的?|巡察反馈)?问题(?:描述|表现)?\s*\d{0,3}\s*[:：]\s*(?P<issue>[^\n]+?)\s*\n\s*"
    r"(?:整改)?(?:措施|举措)\s*[:：]\s*(?P<measure>.+)", re.S)
#: a heading naming how its issues are rectified ("立行立改问题", "即知即改事项", "长期整改类问题")
_KIND_HEADING = LazyPattern(r"(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[)）])?"
                            r"(?:立行立改|即知即改|立知立改|马上就改|限期整改|长期整改|长期坚持)类?(?:的)?(?:问题|事项|清单)?")
#: the ways a measure is to be done, as a 整改类型 column gives them
RECTIFY_KINDS = LazyPattern(r"^(?:立行立改|即知即改|立知立改|马上就改|限期整改|限时整改|长期坚持|长期整改|持续整改|"
                           r"常态化整改|立行立改[、,，和及]?长期坚持)$")


def _kind_not_category(grid: Grid, header_row: int, columns: dict[str, int],
                       duplicates: dict[str, list[int]]) -> None:
    """A column named like a category (整改类别, 类型) whose cells are 立行立改 / 限期整改 / 长期坚持
    says how each measure is to be done, not what group its issue is in (a group label of
    "立行立改" would put every issue in three aspects): read it as 整改类型."""
    if F.RECTIFY_KIND in columns:
        return
    for c in (columns.get(F.CATEGORY), *duplicates.get(F.CATEGORY, ())):
        if c is None:
            continue
        cells = [_text(row[c]) for row in grid.rows[header_row + 1:header_row + 201]
                 if c < len(row) and not _blank(row[c])]
        if cells and sum(1 for t in cells if RECTIFY_KINDS.match(t.replace(" ", ""))) >= 0.6 * len(cells):
            columns[F.RECTIFY_KIND] = c
            if columns.get(F.CATEGORY) == c:
                rest = duplicates.pop(F.CATEGORY, [])
                if rest:
                    columns[F.CATEGORY] = rest[0]
                    if rest[1:]:
                        duplicates[F.CATEGORY] = rest[1:]
                else:
                    del columns[F.CATEGORY]
            else:
                left = [d for d in duplicates[F.CATEGORY] if d != c]
                if left:
                    duplicates[F.CATEGORY] = left
                else:
                    del duplicates[F.CATEGORY]
            return


#: a column kept for one period: 9月状态, 10月份整改状态, 截至11月30日完成情况, 第三季度, 本月
_PERIOD = LazyPattern(r"\d{1,2}\s*月|截至|截止|本月|上月|季度|月报|周报|\d{4}\s*年")


def _latest_period_status(grid: Grid, header_row: int, texts: dict[int, str], columns: dict[str, int],
                          duplicates: dict[str, list[int]], hidden: frozenset[int],
                          earlier: dict[str, tuple[int, ...]]) -> None:
    """Statuses kept month by month (9月状态 | 10月状态 | 11月状态): the latest is the right-most
    visible column with anything in it (this month's may not be filled in yet); the earlier
    months are the record, not columns to remove — a row the latest says nothing of is read from
    the newest that does (``earlier``)."""
    if F.STATUS not in duplicates:
        return
    candidates = [columns[F.STATUS], *duplicates[F.STATUS]]
    if not all(_PERIOD.search(texts.get(c, "")) for c in candidates):
        return
    filled = [c for c in candidates if c not in hidden and _mean_length(grid, c, header_row) > 0]
    if not filled:
        return
    columns[F.STATUS], *before = _by_recency(texts, filled)
    earlier[F.STATUS] = tuple(before)
    del duplicates[F.STATUS]


#: a column telling what the work brought (整改成效, 取得成果, 整改效果), read as progress when no
#: account of the work is kept beside it
_OUTCOME = LazyPattern(r"成效|成果|效果")


#: the month a period's column names ("11月进展", "2026年10月份整改情况", "截至11月30日"): year, month, day
_PERIOD_MONTH = LazyPattern(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月份?(?:\s*(\d{1,2})\s*日)?")


def _by_recency(texts: dict[int, str], cols: list[int]) -> list[int]:
    """The columns of one field kept period by period, the newest first: the right-most is the
    newest, unless each names its month and they fall from left to right (11月进展 | 10月进展 |
    9月进展: the clerk puts this month's first) — with the years named, by the years; without,
    within half a year (12月 | 1月 is December, then the next January)."""
    order = sorted(cols, reverse=True)
    found = [_PERIOD_MONTH.search(texts.get(c, "")) for c in sorted(cols)]
    if len(cols) < 2 or any(m is None for m in found):
        return order
    keys = [(int(m[1] or 0), int(m[2]), int(m[3] or 0)) for m in found if m is not None]
    if all(k[0] for k in keys):
        return [c for _, c in sorted(zip(keys, sorted(cols), strict=True), reverse=True)]
    if any(k[0] for k in keys):
        return order  # some with their year, some without: their order is all that says
    if all(a > b for a, b in pairwise(keys)) and keys[0][1] - keys[-1][1] < 6:
        return sorted(cols)
    return order


def _named_status_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """整改状态 beside 完成进度（%）: the column named as the status (a known name) is the status,
    before one read as it from a word of its name (进度)."""
    if F.STATUS not in duplicates:
        return
    candidates = [columns[F.STATUS], *duplicates[F.STATUS]]
    named = [c for c in candidates if F.ALIASES.get(F.header_key(texts.get(c, ""))) == F.STATUS]
    if named and named[0] != columns[F.STATUS]:
        columns[F.STATUS] = named[0]
        duplicates[F.STATUS] = [c for c in candidates if c != named[0]]


def _measure_status_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """问题整改情况 (one per issue, merged over its measures) beside 措施完成情况 (one per measure): the
    measure's own is the status of each row; the issue's sums them up — a column of its own, not a
    second status column to delete."""
    if F.STATUS not in duplicates:
        return
    candidates = [columns[F.STATUS], *duplicates[F.STATUS]]
    keys = {c: F.header_key(texts.get(c, "")) for c in candidates}
    measures = [c for c in candidates if _NAMES_MEASURE.search(keys[c])]
    issues = [c for c in candidates if "问题" in keys[c] and not _NAMES_MEASURE.search(keys[c])]
    if not measures or not issues:
        return
    columns[F.STATUS] = measures[0]
    rest = [c for c in candidates if c != measures[0] and c not in issues]
    if rest:
        duplicates[F.STATUS] = rest
    else:
        del duplicates[F.STATUS]


#: a header naming the measures (措施完成情况, 任务完成情况, 举措落实状态)
_NAMES_MEASURE = LazyPattern(r"措施|举措|任务")


#: one-word headers of a plain table (措施 | 单位 | 时间 | 情况): the deadline and the status, when
#: no other column is
_BARE_WORDS = {"时间": F.DEADLINE, "情况": F.STATUS}


def _bare_words(texts: dict[int, str], found: dict[int, str], columns: dict[str, int], skip: frozenset[int]) -> None:
    """Read 时间 as the deadline and 情况 as the status where the header names no column of these."""
    for c, text in sorted(texts.items()):
        field_name = _BARE_WORDS.get(F.header_key(text))
        if c not in found and c not in skip and field_name is not None and field_name not in columns:
            found[c] = field_name
            columns[field_name] = c


#: a measures' header saying the column gives their deadlines too (整改措施及时限, 措施及完成时限,
#: 整改任务及时间节点), or how far they got (整改措施及完成情况)
_MEASURE_WITH = ((F.DEADLINE, LazyPattern(r"(?:措施|举措|任务).*(?:时限|期限|时间|节点)")),
                 (F.STATUS, LazyPattern(r"(?:措施|举措|任务).+(?:完成情况|落实情况|整改情况|进度|状态)$")))


def _fields_in_measures(texts: dict[int, str], columns: dict[str, int]) -> None:
    """No 整改时限 column, and the measures' column says it gives their deadlines too (整改措施及时限:
    "制定学习计划，2025年6月底前完成"): the deadline is read from each measure's text, in its cell —
    and, no 整改状态 column, the status when it says how far they got (整改措施及完成情况: "建立巡林台账，
    已完成")."""
    if (c := columns.get(F.MEASURE)) is None:
        return
    for field_name, names in _MEASURE_WITH:
        if field_name not in columns and names.search(F.header_key(texts.get(c, ""))):
            columns[field_name] = c


#: an owner column naming the deadline too: 责任单位、责任人及完成时限, 责任主体及时限, 牵头单位和完成时间
_OWNER_WITH_DUE = LazyPattern(r"(?:单位|部门|科室|股室|处室|主体|责任人|牵头).*(?:时限|期限|时间|节点)")


def _fields_in_owner(texts: dict[int, str], columns: dict[str, int]) -> None:
    """No 整改时限 column, and the owners' column says it gives the deadlines too (责任单位、责任人及
    完成时限: "县住建局 王某某 2026年6月底前"): the deadline is read from each owner cell, in its cell,
    and the unit without it."""
    c = columns.get(F.OWNER_UNIT)
    if c is not None and F.DEADLINE not in columns and _OWNER_WITH_DUE.search(F.header_key(texts.get(c, ""))):
        columns[F.DEADLINE] = c


def _kind_as_deadline(columns: dict[str, int]) -> None:
    """No 整改时限 column, only a 整改类型 one (立行立改 / 限期整改 / 长期坚持): it is all the ledger
    says of when each measure is due — read as the deadline, in its cell (立行立改 due at once,
    长期坚持 kept up; a 限期整改 naming no date is told at its cell, not as a missing column)."""
    if F.DEADLINE not in columns and F.RECTIFY_KIND in columns:
        columns[F.DEADLINE] = columns.pop(F.RECTIFY_KIND)


def _reassign(columns: dict[str, int], duplicates: dict[str, list[int]], field: str, to: str,
              kept: Callable[[int], bool], moved: Callable[[int], bool]) -> None:
    """Of the columns named ``field`` twice, the first ``kept`` one stays ``field`` and the first
    ``moved`` one is read as ``to``; the others stay duplicates. Nothing changes unless both are
    there (and ``to`` is not named already)."""
    if field not in duplicates or to in columns:
        return
    candidates = [columns[field], *duplicates[field]]
    stays = next((c for c in candidates if kept(c)), None)
    goes = next((c for c in candidates if moved(c) and c != stays), None)
    if stays is None or goes is None:
        return
    columns[field], columns[to] = stays, goes
    rest = [c for c in candidates if c not in (stays, goes)]
    if rest:
        duplicates[field] = rest
    else:
        del duplicates[field]


#: the upper and the lower level of a category written over two columns (一级类别 | 二级类别,
#: 问题大类 | 问题小类, 类别（一级） | 类别（二级）)
_UPPER_LEVEL = LazyPattern(r"一级|大类|主类|第一级|上级类")
_LOWER_LEVEL = LazyPattern(r"二级|小类|细类|子类|第二级|下级类")


def _two_level_categories(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]
                          ) -> None:
    """一级类别 | 二级类别 (a 问题类别 in two levels) and no 方面 column: the upper level groups the
    lower as an aspect groups its categories — read as the aspect, not as a second category column
    (duplicate-header) whose values are lost."""
    def level(pattern: LazyPattern) -> Callable[[int], bool]:
        return lambda c: pattern.search(to_simplified(texts.get(c, ""))) is not None

    if F.CATEGORY in duplicates and F.ASPECT not in columns:
        upper, lower = level(_UPPER_LEVEL), level(_LOWER_LEVEL)
        _reassign(columns, duplicates, F.CATEGORY, F.ASPECT, lambda c: lower(c) and not upper(c),
                  lambda c: upper(c) and not lower(c))


def _detail_not_issue(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """具体表现 / 问题表现 beside 问题: the issue is the column that names it, the 表现 column
    shows how it shows itself — read as the issue's detail (问题表现), not as a second issue column."""
    def detail(c: int) -> bool:
        return "表现" in F.header_key(texts.get(c, ""))

    _reassign(columns, duplicates, F.ISSUE, F.ISSUE_DETAIL, lambda c: not detail(c), detail)


#: what a 回头看 ledger writes where the second look found nothing to put right again: "原问题已整改到位，
#: 回头看未发现新问题", "未发现问题反弹", "无新问题", "问题未反弹"
_NOTHING_FOUND_AGAIN = LazyPattern(
    r"(?:未|没有|没|无)再?(?:发现|出现|存在)(?:新的?|其他|类似|同类|此类)?的?问题(?!清单)"
    r"|问题(?:未|没有|无)(?:反弹|回潮|复发)|未(?:发现)?(?:反弹|回潮)|无新(?:发现的?)?问题")
#: a measure cell's label saying it holds the progress of the measure above ("整改进展：", "进展情况：")
_PROGRESS_LINE = re.compile(r"^\s*(?:整改|落实|推进|工作|目前)?(?:进展|进度|完成情况|落实情况|推进情况|整改情况)"
                            r"(?:情况)?\s*[:：]")
#: the header of the issues a 回头看 (a second look) found still there or anew: "回头看发现问题",
#: "复查发现的问题", "新发现问题", "仍存在的问题"
_FOUND_AGAIN = LazyPattern(r"回头看|复查|复核|再次|新发现|仍存在|仍然存在|未整改到位")
#: the header of the issue first fed back, beside it: "原问题", "原反馈问题", "上轮巡察反馈问题"
_FIRST_FOUND = LazyPattern(r"^(?:原|上轮|上一轮|首轮|前次|上次)")


def _specific_issue_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """反馈问题 | 具体问题 (巡察反馈问题 | 具体问题): the issue is the specific one; the problem fed
    back, written once over several of them, is what groups them — read as the category (or the
    aspect, when its cells say "一、…方面"), not as a second issue column to delete."""
    def specific(c: int) -> bool:
        return "具体" in F.header_key(texts.get(c, ""))

    for to in (F.CATEGORY, F.ASPECT):
        if to not in columns:
            _reassign(columns, duplicates, F.ISSUE, to, specific, lambda c: not specific(c))
            return


def _lookback_issue(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """原问题 beside 回头看发现问题 (a 回头看 ledger): the measures (再整改措施) answer what the second
    look found — the issue; the issue first fed back groups them, read as their category."""
    def again(c: int) -> bool:  # (in a note too: "存在问题（回头看）")
        return _FOUND_AGAIN.search(to_simplified(texts.get(c, ""))) is not None

    def first(c: int) -> bool:
        return not again(c) and _FIRST_FOUND.search(F.header_key(texts.get(c, ""))) is not None

    _reassign(columns, duplicates, F.ISSUE, F.CATEGORY, again, first)


#: a header's note naming the 销号 the column records: "备注（销号情况）", "说明（填写是否销号）"
_CLOSURE_NOTE = LazyPattern(r"[(（]\s*(?:请|可)?(?:填写?|注明)?\s*(?:是否)?销号(?:情况|与否)?\s*[)）]")


def _closure_not_status(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """销号情况 beside 完成情况: the status is how far the work got, the 销号 column whether it was
    closed (是否销号); alone, a 销号情况 column is the status ("已销号"/"未销号"). A remark column
    kept for the 销号 (备注（销号情况）) alike."""
    def closure(c: int) -> bool:
        text = texts.get(c, "")
        return "销号" in F.header_key(text) or (
            "销号" in text and _CLOSURE_NOTE.search(to_simplified(text)) is not None)

    _reassign(columns, duplicates, F.STATUS, F.CLOSED_FLAG, lambda c: not closure(c), closure)


#: the header of a column of what is still to be done (下一步措施, 下步打算, 后续整改措施, 今后举措)
_NEXT_STEPS = LazyPattern(r"^(?:下一?步|下阶段|后续|今后|接下来)")


def _next_steps_not_measures(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]
                             ) -> None:
    """整改措施 beside 下一步措施: the measures are what the ledger set out to do, the next steps
    the plan for what is left of them — not a second measure column (duplicate-header), and not
    the measures when written left of them. Alone, a 下一步整改措施 column is the measures (a ledger
    of the issues left over)."""
    if F.MEASURE not in duplicates:
        return
    cols = [columns[F.MEASURE], *duplicates[F.MEASURE]]
    kept = [c for c in cols if not _NEXT_STEPS.match(F.header_key(texts.get(c, "")))]
    if not kept or len(kept) == len(cols):
        return
    columns[F.MEASURE] = kept[0]
    if kept[1:]:
        duplicates[F.MEASURE] = kept[1:]
    else:
        del duplicates[F.MEASURE]


def _task_as_goal(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """整改任务 beside 整改举措 (a company's 整改任务清单): the measures are the 举措, each row's 任务
    is what they achieve — read as the goal (整改目标), not as a second measure column."""
    _reassign(columns, duplicates, F.MEASURE, F.GOAL, lambda c: re.search(r"措施|举措", texts.get(c, "")) is not None,
              lambda c: "任务" in texts.get(c, ""))


def _matter_to_rectify(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """反馈事项 | 整改事项 (a 督办 ledger's words): the matter fed back is the issue, the matter to
    rectify — what is done about it — the measure, when no column names the measures."""
    def to_rectify(c: int) -> bool:
        return F.header_key(texts.get(c, "")).startswith(("整改", "落实", "办理"))

    _reassign(columns, duplicates, F.ISSUE, F.MEASURE, lambda c: not to_rectify(c), to_rectify)


def _goal_as_measure(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """整改目标任务, 目标任务, 整改目标及任务 (整改要求) with no measure column beside it: the tasks the
    issue was split into (what it requires) are the ledger's measures (the goal written with them) —
    not a goal column, leaving every issue without a measure."""
    goal = columns.get(F.GOAL)
    if F.MEASURE in columns or goal is None or not _NAMES_TASKS.search(F.header_key(texts.get(goal, ""))):
        return
    columns[F.MEASURE] = columns.pop(F.GOAL)
    if more := duplicates.pop(F.GOAL, None):
        columns[F.GOAL] = more[0]
        if more[1:]:
            duplicates[F.GOAL] = more[1:]


def _requirement_beside_goal(texts: dict[int, str], columns: dict[str, int],
                             duplicates: dict[str, list[int]]) -> None:
    """整改要求 beside 整改目标 (left of it or right): both say what the work is to achieve — the
    goal's column is read, the requirement's is no second goal column to delete (duplicate-header)."""
    def required(c: int) -> bool:
        return "要求" in F.header_key(texts.get(c, ""))

    if more := duplicates.get(F.GOAL):
        if required(columns[F.GOAL]) and (goals := [c for c in more if not required(c)]):
            # the requirement written first: the goal beside it is the column read
            more = [columns[F.GOAL], *(c for c in more if c != goals[0])]
            columns[F.GOAL] = goals[0]
        if kept := [c for c in more if not required(c)]:
            duplicates[F.GOAL] = kept
        else:
            del duplicates[F.GOAL]


#: a 目标 header that names the tasks too (整改目标任务, 目标及措施), or what is required (整改要求)
_NAMES_TASKS = LazyPattern(r"任务|措施|举措|要求")


#: the header of a measure column that goes on with the one left of it (具体举措, 细化措施)
_MEASURE_DETAIL = LazyPattern(r"具体|细化|详细|分解|明细")
#: the header of a measure column that the one right of it details (措施内容, 整改思路, 主要措施)
_MEASURE_OUTLINE = LazyPattern(r"内容|思路|方向|总体|主要")


def _measure_split(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]
                   ) -> tuple[int, ...]:
    """措施内容 | 具体举措: a measure written over two columns side by side, the right one detailing
    the left — one measure, its text the two joined, not a second measure column (duplicate-header)."""
    if F.MEASURE not in duplicates:
        return ()
    c = columns[F.MEASURE]
    right = c + 1
    if right not in duplicates[F.MEASURE]:
        return ()
    left_h, right_h = F.header_key(texts.get(c, "")), F.header_key(texts.get(right, ""))
    if not (_MEASURE_DETAIL.search(right_h) or _MEASURE_OUTLINE.search(left_h)):
        return ()
    rest = [x for x in duplicates[F.MEASURE] if x != right]
    if rest:
        duplicates[F.MEASURE] = rest
    else:
        del duplicates[F.MEASURE]
    return (right,)


#: the header of the office's own remark column (备注, 说明), not a note of why the work lags
_PLAIN_REMARK = LazyPattern(r"^(?:备注|说明|其他|其它)")


def _notes_beside_remark(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]
                         ) -> tuple[int, ...]:
    """备注 beside 未完成原因, 存在困难及原因 or 下步工作打算: all notes on the measure — one remark,
    the 备注's text followed by the others', not a second 备注 column (duplicate-header)."""
    if F.REMARK not in duplicates:
        return ()
    cols = [columns[F.REMARK], *duplicates.pop(F.REMARK)]
    plain = [c for c in cols if _PLAIN_REMARK.match(F.header_key(texts.get(c, "")))]
    columns[F.REMARK] = plain[0] if plain else cols[0]
    return tuple(c for c in cols if c != columns[F.REMARK])


#: a measure column numbered as one of several (整改措施1, 措施二, 具体措施（3）, 举措2)
_NUMBERED_MEASURE = LazyPattern(r"(?:措施|举措)\s*(?:[（(]\s*)?(?:\d{1,2}|[一二三四五六七八九十])\s*[)）]?")


def _numbered_measures(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]
                       ) -> tuple[int, ...]:
    """整改措施1 | 整改措施2 | 整改措施3: an issue's measures written side by side, one numbered
    column each — every one a measure (not a duplicate header whose others are dropped). The
    columns after the first, in order; ``()`` unless every measure column is numbered so."""
    if F.MEASURE not in duplicates:
        return ()
    cols = [columns[F.MEASURE], *duplicates[F.MEASURE]]
    numbers = {m.group(0) for c in cols if (m := _NUMBERED_MEASURE.search(fold(texts.get(c, "")).replace(" ", "")))}
    if len(numbers) < len(cols):
        return ()  # a column not numbered, or a number twice (a month's copy, not the next measure)
    del duplicates[F.MEASURE]
    return tuple(cols[1:])


def _closure_beside_accounts(grid: Grid, data_start: int, texts: dict[int, str], columns: dict[str, int]) -> None:
    """销号情况 the only status column, beside a 整改落实情况 whose every account opens with its status
    ("已完成。检查工程8个。", "正在推进，…"): the accounts tell how far the work got, the 销号 column
    whether it was closed (是否销号) — its "未销号" on finished work is no unfinished status."""
    status_c, progress_c = columns.get(F.STATUS), columns.get(F.PROGRESS)
    if status_c is None or progress_c is None or F.CLOSED_FLAG in columns \
            or "销号" not in F.header_key(texts.get(status_c, "")):
        return
    seen = 0
    for row in grid.rows[data_start:data_start + 200]:
        v = row[progress_c] if progress_c < len(row) else None
        if _blank(v) or _totals_row(row):  # (a 小计 row's "已完成1项" counts, it tells no measure's status)
            continue
        if split_opening_status(_text(v), by_rules=True)[0] is None:
            return
        seen += 1
    if seen >= 2:
        columns[F.CLOSED_FLAG] = columns.pop(F.STATUS)


#: a column of each measure's share done named as a rate (完成比例, 完成率, 整改完成百分比)
_RATE_HEADER = LazyPattern(r"(?:整改)?完成(?:率|比例|百分比|占比)|整改(?:率|比例)")


def _rate_as_status(grid: Grid, data_start: int, texts: dict[int, str], found: dict[int, str],
                    columns: dict[str, int], skip: frozenset[int]) -> None:
    """No status column, and one named as a rate (完成比例) holding a share per row (1, 0.6, "60%"):
    how far each measure got, the status as 完成进度（%） is — a rate is otherwise a statistics
    table's column, not read."""
    if F.STATUS in columns:
        return
    for c, text in texts.items():
        if c in found or c in skip or not _RATE_HEADER.fullmatch(F.header_key(text)):
            continue
        cells = [row[c] for row in grid.rows[data_start:data_start + 200] if c < len(row) and not _blank(row[c])]
        shares = sum(1 for v in cells if (isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 100)
                     or (isinstance(v, str) and _SHARE.match(v)))
        if len(cells) >= 2 and shares >= 0.8 * len(cells):
            found[c], columns[F.STATUS] = F.STATUS, c
            return


def _status_words_as_status(grid: Grid, data_start: int, columns: dict[str, int]) -> None:
    """A progress column (目前进展, 进展情况) and no status column, every cell of it a status word
    alone (正在推进, 已完成): it is the status column (a progress opening with its status and going
    on with an account stays the progress, its status read from its opening). So is a 备注 (说明)
    column holding status words alone where the office keeps the status there."""
    if F.STATUS in columns:
        return
    for field_name in (F.PROGRESS, F.REMARK):
        if field_name in columns and (seen := _status_words_in(grid, data_start, columns[field_name])) is not None \
                and seen >= 2:
            if field_name == F.REMARK and F.PROGRESS in columns and _status_told_beside_blanks(
                    grid, data_start, columns[F.REMARK], columns[F.PROGRESS]):
                return
            columns[F.STATUS] = columns.pop(field_name)
            return


def _status_told_beside_blanks(grid: Grid, data_start: int, remark_c: int, progress_c: int) -> bool:
    """Whether the progress column (整改落实情况) opens with a status ("已完成。开展巡查12次……") on
    a row whose 备注 is blank: the ledger tells its statuses in the progress, and the few 备注
    cells holding 长期坚持 or 已完成 are remarks beside them, not a status column left half empty."""
    for row in grid.rows[data_start:data_start + 200]:
        if not _blank(row[remark_c] if remark_c < len(row) else None):
            continue
        p = row[progress_c] if progress_c < len(row) else None
        if not _blank(p) and split_opening_status(_text(p))[0] is not None:
            return True
    return False


def _status_words_in(grid: Grid, data_start: int, c: int, *, by_rules: bool = False) -> int | None:
    """How many cells of column ``c`` hold a status word alone (正在推进, 已完成); ``None`` when a
    cell says more (an account). ``by_rules``: a word the rules read as a status and nothing else
    counts too (在办, 已结案, 按计划推进), not only the common spellings."""
    seen = 0
    for row in grid.rows[data_start:data_start + 200]:
        v = row[c] if c < len(row) else None
        if _blank(v) or _totals_row(row):
            continue
        opened, rest = split_opening_status(_text(v), by_rules=by_rules)
        if opened is None or rest.strip("。.；;，, "):
            return None
        seen += 1
    return seen


def _one_reading(found: list[tuple[Grid, HeaderMap]]) -> None:
    """One workbook, one reading of a column its sheets name alike: a progress column (整改进展情况)
    read as the status on the sheets where it holds status words alone is the status too on a
    sheet where it does but too few rows show it (one row, "正在推进") — an aspect per sheet."""
    def named(g: Grid, h: HeaderMap, f: str) -> str | None:
        c = h.columns.get(f)
        if c is None:
            return None
        # the name written lowest over the column (a two-row header's name merged down from its first row)
        cells = [g.rows[r][c] for r in range(h.row, h.first_row - 1, -1) if c < len(g.rows[r])]
        return next((F.header_key(_text(v)) for v in cells if not _blank(v)), None)

    # the status columns named otherwise (整改进展情况, 备注): read as the status for their words
    as_status = {name for g, h in found if (name := named(g, h, F.STATUS)) and F.field_for_header(name) != F.STATUS}
    for g, h in found:
        if F.STATUS in h.columns:
            continue
        for field_name in (F.PROGRESS, F.REMARK):  # (a 备注 holding the statuses on every sheet alike)
            if named(g, h, field_name) in as_status \
                    and _status_words_in(g, h.data_start, h.columns[field_name]) is not None:
                h.columns[F.STATUS] = h.columns.pop(field_name)
                break


def _status_words_beside_accounts(grid: Grid, data_start: int, columns: dict[str, int]) -> None:
    """A status column (完成情况) holding accounts ("梳理风险点138个，汇编成册。") beside a progress
    column (整改落实情况) holding status words alone (已办结, 在办): the office named them the other
    way round — the words are the status, the accounts the progress."""
    status_c, progress_c = columns.get(F.STATUS), columns.get(F.PROGRESS)
    if status_c is None or progress_c is None:
        return
    words = accounts = unread = 0
    for row in grid.rows[data_start:data_start + 200]:
        if _totals_row(row):
            continue  # a 小计 row's "已办结2项": a count, no measure's status
        s = row[status_c] if status_c < len(row) else None
        p = row[progress_c] if progress_c < len(row) else None
        if not _blank(p):
            reading = read_status(_text(p))
            if reading.status is None or reading.rest.strip("。.；;，, ") or len(_text(p).strip()) > 8:
                return
            words += 1
        if not _blank(s):
            # every status cell an account: longer than a status word, most of them no status the
            # rules read (an account may happen to read as one: "已拨付资金380万元，全部到位")
            if len(_text(s).strip()) <= 8:
                return
            accounts += 1
            unread += read_status(_text(s)).status is None
    if words >= 2 and accounts >= 2 and unread >= 2 and 2 * unread >= accounts:
        columns[F.STATUS], columns[F.PROGRESS] = progress_c, status_c


#: a 完成时间 cell that says when work is due, not the day it was done: a span or a bound
#: ("2026年第三季度", "6月底前", "年内", "长期", "立行立改")
_DUE_WORDS = LazyPattern(r"前|底|末|季度|半年|年内|月内|以内|长期|立行立改|持续|常态|即知即改|随时")


def _completion_as_deadline(grid: Grid, data_start: int, texts: dict[int, str], columns: dict[str, int]) -> None:
    """完成时间 (完成日期) with no deadline column beside it, holding when the work is due: a span
    or a bound in some cell (:data:`_DUE_WORDS`: "2026年第三季度", "长期"), or a day on at least
    half the rows whose status says the work is not done ("2026.9.30" | 未完成) — a city
    department's 整改清单 names its deadline so. Read as the 整改时限: read as the day each measure
    was done, every measure would lack a deadline and every unfinished one be "completed" in
    the future. Not 实际完成时间 (the day it was done, by its name)."""
    c = columns.get(F.COMPLETED)
    if c is None or F.DEADLINE in columns or "实际" in texts.get(c, ""):
        return
    status_c = columns.get(F.STATUS)
    unfinished = dated = 0
    for row in grid.rows[data_start:data_start + 500]:
        v = row[c] if c < len(row) else None
        said = "" if _blank(v) else _text(v)
        if said and _DUE_WORDS.search(said):
            break
        s = row[status_c] if status_c is not None and status_c < len(row) else None
        if _blank(s) or (status := read_status(_text(s)).status) is None or status is Status.DONE:
            continue
        unfinished += 1
        dated += bool(said)
    else:
        if not (unfinished and 2 * dated >= unfinished):
            return
    columns[F.DEADLINE] = columns.pop(F.COMPLETED)


def _narrative_status_as_progress(grid: Grid, header_row: int, columns: dict[str, int],
                                  duplicates: dict[str, list[int]]) -> None:
    """Two columns named as the status (是否整改到位 | 整改完成情况) and none as the progress: the
    one holding accounts ("已追回3.2万元。") rather than short status words is the progress."""
    if F.STATUS not in duplicates or F.PROGRESS in columns:
        return
    candidates = [columns[F.STATUS], *duplicates[F.STATUS]]
    lengths = {c: _mean_length(grid, c, header_row) for c in candidates}
    longest = max(candidates, key=lambda c: lengths[c])
    shortest = min(candidates, key=lambda c: lengths[c])
    said_more = [c for c in candidates if _status_words_in(grid, header_row + 1, c, by_rules=True) is None]
    if len(candidates) == 2 and len(said_more) == 1:
        # 整改状态 of status words alone beside 完成情况 of short accounts ("已检查", "清查资产86项"):
        # the accounts are the progress, however short
        longest = said_more[0]
    elif lengths[longest] < 8 or (lengths[longest] < 2 * lengths[shortest] and not (
            _read_share(grid, shortest, header_row) >= 0.8 > 0.5 >= _read_share(grid, longest, header_row))):
        # statuses written out at length ("整改中（已完成80%）", "基本完成（剩余2019年以前档案）")
        # beside the accounts: the column of readable statuses is the status all the same
        return
    columns[F.PROGRESS] = longest
    rest = [c for c in candidates if c != longest]
    columns[F.STATUS] = rest[0]
    if rest[1:]:
        duplicates[F.STATUS] = rest[1:]
    else:
        del duplicates[F.STATUS]


def _read_share(grid: Grid, c: int, header_row: int) -> float:
    """The share of column ``c``'s filled cells (of the first 200) that read as a status."""
    cells = [_text(row[c]) for row in grid.rows[header_row + 1:header_row + 201] if c < len(row) and not _blank(row[c])]
    return sum(read_status(t).status is not None for t in cells) / len(cells) if cells else 0.0


#: a share done, as a 整改进度 column keeps it: 100, 90%, ６０％, 0.6
_SHARE = LazyPattern(r"^\s*\d{1,3}(?:\.\d+)?\s*[%％]?\s*$")


def _shares_beside_status(grid: Grid, header_row: int, columns: dict[str, int],
                          duplicates: dict[str, list[int]]) -> None:
    """整改进度 (90%, 100%) beside 完成情况 (已完成, 正在推进): the status is the column of words,
    the shares say the same thing in numbers — nothing is lost by not reading them, so no second
    status column to remove (a column of shares alone is the status, read as shares)."""
    if F.STATUS not in duplicates:
        return
    def shares(c: int) -> bool:
        cells = [row[c] for row in grid.rows[header_row + 1:] if c < len(row) and not _blank(row[c])]
        return bool(cells) and all(
            (isinstance(v, (int, float)) and not isinstance(v, bool)) or _SHARE.match(_text(v)) for v in cells)
    candidates = [columns[F.STATUS], *duplicates[F.STATUS]]
    if F.PROGRESS not in columns and len(candidates) == 2:
        # 整改进度（%） (100, 0.8, "80%") beside 整改情况 of accounts ("已排查线索45条", "机制初稿已形成"),
        # no progress column: the words are no statuses but the account of the work — the shares are
        # the status, the accounts the progress
        share_cs = [c for c in candidates if shares(c)]
        if len(share_cs) == 1:
            other = next(c for c in candidates if c != share_cs[0])
            if _read_share(grid, other, header_row) < 0.5:
                columns[F.STATUS], columns[F.PROGRESS] = share_cs[0], other
                del duplicates[F.STATUS]
                return
    _set_aside(columns, duplicates, F.STATUS, shares)


#: a column that only names a unit (单位名称, 二级单位, 下属单位, 部门): in a group's or a city's
#: ledger, the company or the bureau a row is about
#: — or named as a group's own companies, whoever the header says answers ("责任子公司", "涉及二级单位",
#: "所属企业"): which company the row is about, beside the 责任部门 that answers for it
_BARE_UNIT = LazyPattern(r"^(?:(?:二级|下属|基层|所属|成员|子)?(?:单位|部门|公司|企业)"
                        r"|(?:责任|涉及|整改|对应)?(?:二级|三级|下属|所属|权属|控股|成员|子|分)(?:单位|公司|企业))(?:名称)?$")


def _responsible_unit_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """单位名称 (燃气公司, 热力公司) beside 责任部门 (管网运行部): the owner is the column that says
    who is responsible; the bare unit column says which company or bureau the row is about (a group's
    ledger of its 二级公司), and is not read. Alone, a 单位名称 column is the owner, as before."""
    if F.OWNER_UNIT not in duplicates:
        return
    def bare(c: int) -> bool:
        return _BARE_UNIT.match(F.header_key(texts.get(c, ""))) is not None

    _set_aside(columns, duplicates, F.OWNER_UNIT, bare)


#: the unit's head (主要领导, 主要负责人, 第一责任人): beside the leader in charge, who answers for
#: every measure alike
_HEAD_OF_UNIT = LazyPattern(r"^(?:主要|第一)(?:领导|负责人|负责同志|责任人|责任领导)")


def _leader_in_charge_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """主要领导 (or 牵头领导) beside 分管领导 (a 人大 or 政法委 ledger names both): the leader of a
    measure is the one in charge of it; the head of the unit stands over them all and is not read.
    Alone, a 主要领导 or 牵头领导 column is the leader, as before."""
    if F.LEAD not in duplicates:
        return
    keys = {c: F.header_key(texts.get(c, "")) for c in (columns[F.LEAD], *duplicates[F.LEAD])}
    in_charge = any(k.startswith("分管") for k in keys.values())
    # 牵头领导 beside 分管领导 (a county's ledger: the 书记 leading, the 副职 in charge): the same
    _set_aside(columns, duplicates, F.LEAD, lambda c: _HEAD_OF_UNIT.match(keys[c]) is not None or (
        in_charge and keys[c].startswith("牵头")))


def _lead_unit_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """牵头单位 beside 责任单位 (a 市委's ledger: 牵头单位 市财政局, 责任单位 各县区), 牵头科室 beside
    责任社区 (a 街道's): the owner is the unit that leads, the other column the units that carry it
    out with it — read as the co-operating units (配合单位), not as a second owner column."""
    def leads(c: int) -> bool:
        return F.header_key(texts.get(c, "")).startswith(("牵头", "整改牵头", "主责", "主办"))

    _reassign(columns, duplicates, F.OWNER_UNIT, F.CO_OWNER, leads, lambda c: not leads(c))


#: the person who does the work (具体责任人, 直接责任人, 经办人, 具体承办人)
_HANDS_ON = LazyPattern(r"^(?:具体|直接)|经办|承办")


def _specific_person_first(texts: dict[int, str], columns: dict[str, int], duplicates: dict[str, list[int]]) -> None:
    """整改责任人 beside 具体责任人: the person is the one who does the work (具体责任人); the
    责任人 over them answers for it — the measure's leader when no column names one, else not read."""
    if F.OWNER_PERSON not in duplicates:
        return
    def hands_on(c: int) -> bool:
        return _HANDS_ON.search(F.header_key(texts.get(c, ""))) is not None

    _reassign(columns, duplicates, F.OWNER_PERSON, F.LEAD, hands_on, lambda c: not hands_on(c))
    if F.OWNER_PERSON in duplicates:
        _set_aside(columns, duplicates, F.OWNER_PERSON, lambda c: not hands_on(c))


def _set_aside(columns: dict[str, int], duplicates: dict[str, list[int]], field: str,
               aside: Callable[[int], bool]) -> None:
    """Of the columns named ``field`` twice, those ``aside`` are not read (and are no duplicates)
    when some are not: the first of the others is ``field``, the rest stay duplicates."""
    candidates = [columns[field], *duplicates[field]]
    kept = [c for c in candidates if not aside(c)]
    if not kept or len(kept) == len(candidates):
        return
    columns[field] = kept[0]
    if kept[1:]:
        duplicates[field] = kept[1:]
    else:
        del duplicates[field]


def _text_under_spanned_name(grid: Grid, first: int, header_row: int, data_start: int, columns: dict[str, int]) -> None:
    """整改措施 (or 问题) written once over two columns, nothing under it: the left one numbers
    the measures ("1", "（2）", "1-1"), the right one holds their text — which is the column read.
    Nothing changes when the left column holds text of its own."""
    for field_name in (F.MEASURE, F.ISSUE):
        c = columns.get(field_name)
        if c is None:
            continue
        span = next((c1 for r0, c0, r1, c1 in grid.merges
                     if c0 == c < c1 and first <= r0 <= header_row and r1 <= header_row), None)
        if span is None:
            continue
        rows = grid.rows[data_start: data_start + 200]
        numbers = [_text(row[c]) for row in rows if c < len(row) and not _blank(row[c])]
        if not numbers or not all(_A_NUMBER.match(t) for t in numbers):
            continue
        taken = set(columns.values())
        for c2 in range(c + 1, span + 1):
            words = [_text(row[c2]) for row in rows if c2 < len(row) and not _blank(row[c2])]
            if c2 not in taken and words and not all(_A_NUMBER.match(t) for t in words):
                columns[field_name] = c2
                if field_name == F.ISSUE and not {F.ISSUE_NO, F.ROW_NO} & columns.keys():
                    columns[F.ISSUE_NO] = c  # "问题" over "3 | …": the issue's number
                break


#: a cell that only numbers a row: "1", "2.", "（3）", "1-2", "2.1", "①"
_A_NUMBER = LazyPattern(r"^\s*[(（]?\s*(?:\d{1,3}(?:\s*[-－.．]\s*\d{1,3})?|[①-⑳])\s*[)）.．、]?\s*$")


def _mean_length(grid: Grid, c: int, header_row: int) -> float:
    """Mean length of the non-blank cells of column ``c`` under the header."""
    texts = [_text(row[c]) for row in grid.rows[header_row + 1:] if c < len(row) and not _blank(row[c])]
    return sum(map(len, texts)) / len(texts) if texts else 0.0


def _numbers_the_columns(row: Sequence[Any]) -> bool:
    """A row of column numbers — 1, 2, 3 … from left to right, at least three — as printed
    forms have under their header, labelled as a form labels them (①, （1）, 一, 第1列); or of
    column letters (A, B, C …, as a form refers to its columns: "H=F-G")."""
    numbers = [v for v in row if not _blank(v)]
    if len(numbers) < 3:
        return False
    letters = [_text(v).strip().upper() for v in numbers]
    if all(len(t) == 1 and "A" <= t <= "Z" for t in letters):
        return letters[0] == "A" and [ord(t) for t in letters] == list(range(65, 65 + len(letters)))
    ints = [_int(v) if (n := _COLUMN_LABEL.fullmatch(_text(v).strip())) is None else label_number(n.group(1))
            for v in numbers]
    return ints == list(range(ints[0] or 0, (ints[0] or 0) + len(ints))) and ints[0] in (0, 1)


#: a column's number as a form labels it: ①, （1）, 一, (一), 第1列, 第三栏
_COLUMN_LABEL = LazyPattern(r"第?\s*[(（]?\s*([一二三四五六七八九十]{1,3}|[①-⑳]|\d{1,2})\s*[)）]?\s*(?:列|栏)?")


class _Filled:
    """Merged-cell lookup: every cell of a merged range reads its top-left value.

    Kept per ledger column (``anchors[c][r]`` is the anchor ``(row, col)`` of a merged-away cell,
    ``None`` for a cell that reads itself), so that each column can be read once, merges filled
    in, before the rows are walked. Merges are applied in file order; a later merge covering an
    earlier one's cell wins, and a merge's own anchor keeps what it had.
    """

    def __init__(self, grid: Grid, start_row: int, columns: Iterable[int]) -> None:
        self.grid = grid
        self.anchors: dict[int, list[tuple[int, int] | None]] = {}
        self.wide_rows: dict[int, int] = {}  # row → width of a horizontal merge anchored in it
        n = len(grid.rows)
        wanted = set(columns)
        for r0, c0, r1, c1 in grid.merges:
            if r1 < start_row:
                continue
            if c1 > c0:
                self.wide_rows[r0] = max(self.wide_rows.get(r0, 0), c1 - c0 + 1)
            lo, hi = max(r0, start_row), min(r1, n - 1)
            if lo > hi:
                continue
            anchor = (r0, c0)
            for c in sorted(wanted.intersection(range(c0, c1 + 1))):
                col = self.anchors.get(c)
                if col is None:
                    col = self.anchors[c] = [None] * n
                keeps = c == c0 and lo <= r0 <= hi
                own = col[r0] if keeps else None
                col[lo : hi + 1] = [anchor] * (hi - lo + 1)
                if keeps:
                    col[r0] = own

    def anchor_of(self, r: int, c: int) -> tuple[int, int] | None:
        """The anchor of merged-away cell (r, c); ``None`` when the cell reads itself."""
        col = self.anchors.get(c)
        return col[r] if col is not None and r < len(col) else None

    def get(self, r: int, c: int) -> tuple[Any, int, int]:
        """(value, anchor row, anchor col) of cell (r, c)."""
        ar, ac = self.anchor_of(r, c) or (r, c)
        return self.grid.value(ar, ac), ar, ac

    def column(self, c: int, table: list[tuple[Any, ...]] | None = None) -> list[Any]:
        """Column ``c`` of every row, merged cells reading their anchor (``None`` past a short row);
        ``table`` is the sheet's columns when already transposed."""
        rows = self.grid.rows
        if table is not None:
            values = list(table[c])
        elif rows and min(map(len, rows)) > c:
            values = list(map(itemgetter(c), rows))
        else:
            values = [row[c] if c < len(row) else None for row in rows]
        anchors = self.anchors.get(c)
        if anchors is not None:
            previous: tuple[int, int] | None = None
            anchor_value: Any = None
            for r, a in enumerate(anchors):
                if a is not None:
                    if a is not previous:  # a merged range is a run of the same anchor
                        previous, anchor_value = a, self.grid.value(a[0], a[1])
                    values[r] = anchor_value
        return values


def _text(v: Any) -> str:
    if type(v) is str:
        return normalize_text(v)
    if type(v) is bool:
        return "TRUE" if v else "FALSE"  # as Excel shows the cell (a 是否完成 tick)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, datetime):
        v = v.date() if v.time() == datetime.min.time() else v
    if isinstance(v, date):
        return v.isoformat()
    return normalize_text(v)


_NO_VALUE = object()


#: a status column kept as a share done: 完成进度（%）, 完成率, 整改进度(百分比)
_PERCENT_HEADER = LazyPattern(r"[%％]|百分比|完成率|进度|比例")


_MARK_CHARS = "√✓✔☑●■◆○◎〇□☐×✗✘◐◑△▲☆★◇▽▼"
#: a header's key to its marks: "（●已完成 ○未完成）", "（●表示完成，○表示未完成）", "（已完成打√，未完成打×）"
_LEGEND_MARK_FIRST = LazyPattern(rf"([{_MARK_CHARS}])\s*(?:表示|为|代表|[=:：\-－—~～])?\s*([\u4e00-\u9fff]{{2,6}})")
_LEGEND_WORD_FIRST = LazyPattern(rf"([\u4e00-\u9fff]{{2,6}}?)的?\s*(?:打|画|划|用|标|为|=|:|：)?\s*([{_MARK_CHARS}])")
#: a mark quoted in a key ("“√”表示已完成", "打「○」"): the mark itself
_QUOTED_MARK = LazyPattern(rf"[“\"'‘「『]\s*([{_MARK_CHARS}])\s*[”\"'’」』]")


#: a header's key to codes for its statuses: "（1=已完成，2=正在推进，3=未启动）", "（A已完成 B推进中）",
#: "（1.已完成 2.正在整改 3.未整改）"
_LEGEND_CODE = LazyPattern(
    r"(?<![\dA-Za-z])([1-9]|[A-Ea-e])\s*(?:[.、．:：=＝]|表示|为|代表)?\s*([\u4e00-\u9fff]{2,6})")


def _mark_legend(header: str) -> dict[str, str]:
    """Mark → status word, as a status column's header keys its marks; empty when it keys none.
    Codes (1, 2, 3 or A, B, C) count when the header keys two or more of them to status words."""
    header = _QUOTED_MARK.sub(r"\1", header)
    for pattern, mark_first in ((_LEGEND_MARK_FIRST, True), (_LEGEND_WORD_FIRST, False)):
        pairs = [(m.group(1), m.group(2)) if mark_first else (m.group(2), m.group(1)) for m in pattern.finditer(header)]
        legend = {mark: word for mark, word in pairs if read_status(word).status is not None}
        if legend:
            return legend
    codes = {m.group(1): m.group(2) for m in _LEGEND_CODE.finditer(header)}
    if len(codes) >= 2 and all(read_status(word).status is not None for word in codes.values()):
        return {**{code.upper(): word for code, word in codes.items()},
                **{code.lower(): word for code, word in codes.items()}}
    return {}


#: a status column's header asking whether the work is done (是否完成, 是否整改到位, 是否办结)
_ASKS_DONE = LazyPattern(r"^是否(?:已|全部)?(?:完成|办结|整改到位|整改完成|完成整改|到位|整改)$")


def _marks_as_statuses(header: str, texts: list[str], start: int, notes: Sequence[str] = ()) -> None:
    """A status column ticked with marks, read as the words they stand for: the marks the header
    keys ("完成情况（●已完成 ○未完成）"), or a note above or under the table keys for a column of
    nothing but marks ("说明：●已完成 ◐基本完成 ○正在推进", two marks keyed at least); a hollow mark
    beside filled ones (● / ○) is not done; a column ticked when done ("完成（√）", "是否完成（打√）",
    or 是否完成 holding nothing but ticks) is not done where it has no mark."""
    legend = _mark_legend(header)
    cells = set(texts[start:])
    if not legend and (marks := cells - {""}) and all(len(m) == 1 and m in _MARK_CHARS for m in marks):
        legend = next((keyed for note in notes if len(keyed := _mark_legend(note)) >= 2 and marks <= keyed.keys()), {})
    if not legend and cells & _FILLED_MARKS and cells & _HOLLOW_MARKS:
        legend = {**dict.fromkeys(_FILLED_MARKS, "已完成"), **dict.fromkeys(_HOLLOW_MARKS, "未完成")}
    unticked = "未完成" if F.TICKED_WHEN_DONE.match(re.sub(r"\s+", "", header)) or (
        # 是否完成 answered with a √ where it is done, and nothing else written: a blank says no
        _ASKS_DONE.match(F.header_key(header)) and (marks := cells - {""}) and marks <= _TICK_MARKS) else ""
    if not legend and not unticked:
        return
    for r in range(start, len(texts)):
        t = texts[r]
        if t in legend:
            texts[r] = legend[t]
        elif not t and unticked:
            texts[r] = unticked


def _as_percentages(values: list[Any], texts: list[str], start: int) -> list[str]:
    """A 完成进度（%） column's numbers as the shares they are: 100 → "100%", 60 → "60%" — when
    any number below the header is above 1 (a column of 0–1 fractions is read as such by the
    status reader, 1 meaning 100%); its shares written done / all as theirs ("3/5" → "60%", not
    the day March 5)."""
    if any("/" in t or "／" in t for t in texts[start:]):
        texts = [t if r < start else share_as_percent(t) or t for r, t in enumerate(texts)]
    numbers = [v for v in values[start:] if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers or max(numbers) <= 1 or max(numbers) > 100 or min(numbers) < 0:
        return texts
    # a fraction among the shares (0.8 beside 100 and 60: a cell formatted as a percentage, or typed
    # so) is the share it shows (80%), no 0.8 per cent of the work
    return [(f"{100 * v:g}%" if 0 < v < 1 else f"{v:g}%")
            if r >= start and isinstance(v, (int, float)) and not isinstance(v, bool) else t
            for r, (v, t) in enumerate(zip(values, texts, strict=True))]


def _texts(values: list[Any]) -> list[str]:
    """:func:`_text` of each value; a run of one object (a merged cell) is converted once, and
    text that needs no cleaning is kept as it is without a call (most cells of a ledger)."""
    texts: list[str] = []
    append = texts.append
    previous: Any = _NO_VALUE
    text = ""
    for v in values:
        if v is not previous:
            previous = v
            text = v if type(v) is str and not needs_cleaning(v) else _text(v)
        append(text)
    return texts


#: marks a copied issue text may end with, or not (。；，、 and their half-width forms)
_TRAILING_MARKS = "。．.；;，,、：:"
#: an issue's number written as its label in a 问题编号 cell: "问题3", "问题（3）", "第三个问题"
_NUMBER_LABEL = re.compile(r"^\s*(?:问题\s*[(（]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]?"
                           r"|第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|项|条)?问题)\s*[.．、:：]?\s*$")


#: an issue's number written as one item's label in the 序号 column: "①", "⑴", "(1)", "（1）", "1）" —
#: or in words: "一", "二、", "问题三", "第4项", "第五条" (group 4)
_ITEM_LABEL = LazyPattern(r"^\s*(?:[(（]\s*(\d{1,3})\s*[)）]|(\d{1,3})\s*[)）]|([①-⑳⑴-⒇])"
                          r"|(?:问题|第)?\s*([一二三四五六七八九十]{1,3}|(?<=[题第])\s*\d{1,3})\s*(?:项|条|个|个问题)?"
                          # 一.1 / 二-3 / 一（2）: the issue numbered under its aspect's number
                          r"|[一二三四五六七八九十]{1,3}\s*(?:[.．\-－—]\s*(\d{1,3})|[(（]\s*(\d{1,3})\s*[)）]))"
                          r"\s*[.．、]?\s*$")


def _labels_as_numbers(grid: Grid, header: HeaderMap) -> Grid:
    """``grid`` with a 序号 column numbering its rows ①②③ (⑴⑵, (1)(2), 1）2）) read as 1, 2, 3 — or
    as it was when the column holds a plain number anywhere (then "(1)" or "①" under "1" marks the
    issue's measures) or no such label. Headings in the column (一、, （一）) are left as written."""
    c = header.columns.get(F.ISSUE_NO, header.columns.get(F.ROW_NO))
    if c is None:
        return grid
    measure_c = header.columns.get(F.MEASURE)
    rows = grid.rows
    labelled: dict[int, int] = {}
    for r in range(header.data_start, len(rows)):
        row = rows[r]
        v = row[c] if c < len(row) else None
        if v is None or v == "":
            continue
        if type(v) is not str or _int(v) is not None:
            return grid  # a plain number (most ledgers: at their first row)
        m = _ITEM_LABEL.match(v)
        if m is None:
            continue  # a heading, a note
        if (words := m.group(4)) is not None:
            # "一、" on a row with no measure heads an aspect (一、 | 政治建设方面): only a measure's row
            # numbers its issue so
            if measure_c is None or measure_c >= len(row) or _blank(row[measure_c]):
                continue
            labelled[r] = to_int(words.strip()) or 0
            continue
        mark = m.group(3)
        labelled[r] = int(m.group(1) or m.group(2) or m.group(5) or m.group(6)) if mark is None else label_number(
            mark.translate(PARENTHESISED)) or 0
    if not labelled:  # one label is a number too: a sheet (an aspect's) of a single issue, ① or 一
        return grid
    rows = list(rows)
    for r, n in labelled.items():
        rows[r] = list(rows[r])
        rows[r][c] = n
    return replace(grid, rows=rows)


#: a 序号 cell numbering a measure under its issue: "1.1", "1-2", "2．1", "（一）1", "一-2", "(二)3", "一（2）" —
#: group 1 (or 2, in Chinese numerals) the issue's number, group 3 the measure's
_OUTLINE_MARK = LazyPattern(r"^\s*(?:(\d{1,3})|[(（]?\s*([一二三四五六七八九十]{1,3})\s*[)）]?)\s*"
                            r"(?:[.．\-－—_]|(?<=[)）])|(?=[(（]))\s*[(（]?\s*(\d{1,3})\s*[)）]?\s*[.．、]?\s*$")


def _outline_mark(v: Any) -> tuple[int, int] | None:
    """The issue's and the measure's numbers of a 序号 cell "1.1" / "1-2" / "（一）1" (a number 1.2
    typed into Excel as a decimal too), else ``None``."""
    if isinstance(v, float) and not v.is_integer() and 0 < v < 1000:
        v = repr(v)  # 1.2 (the clerk's "1.2", a number to Excel)
    if type(v) is not str:
        return None
    m = _OUTLINE_MARK.match(v)
    if m is None:
        return None
    issue = int(m.group(1)) if m.group(1) else to_int(m.group(2))
    return (issue, int(m.group(3))) if issue else None


def _outline_as_issue_numbers(grid: Grid, header: HeaderMap) -> Grid:
    """``grid`` with a 序号 column numbering each measure under its issue ("1.1 | 1.2 | 2.1", "1-1",
    "（一）1") read as the issues' numbers 1, 1, 2 — when each run of one first number stays on one
    issue (its text merged down, written again or left blank below). A run whose rows name several
    issues numbers the issues under their group ("2.1 | 2.2", "（二）1 | （二）2": group 2's issues 1
    and 2): the second numbers are the issues', the first each row's group."""
    c = header.columns.get(F.ISSUE_NO, header.columns.get(F.ROW_NO))
    issue_c = header.columns.get(F.ISSUE)
    if c is None or issue_c is None:
        return grid
    rows = grid.rows
    marks: dict[int, tuple[int, int]] = {}
    grouped = False  # a run of one first number over several issues
    run_issue: tuple[int, str] | None = None  # (first number, its issue's text) of the run being read
    for r in range(header.data_start, len(rows)):
        row = rows[r]
        if _totals_row(row):
            continue
        v = row[c] if c < len(row) else None
        issue = _text(row[issue_c]).rstrip(_TRAILING_MARKS) if issue_c < len(row) and not _blank(row[issue_c]) else ""
        if _blank(v):
            if issue and run_issue is not None and issue != run_issue[1]:
                return grid  # an issue without a mark
            continue
        mark = _outline_mark(v)
        if mark is None:
            if _int(v) is not None:
                return grid  # a plain number: "1" over "1.1", "1.2" — the outline read elsewhere
            continue  # a heading ("一、"), a note
        number = mark[0]
        if run_issue is not None and number == run_issue[0]:
            if issue and run_issue[1] and issue != run_issue[1]:
                grouped = True  # one first number over several issues: their group's
            if issue and not run_issue[1]:
                run_issue = (number, issue)
        else:
            run_issue = (number, issue)
        marks[r] = mark
    if not marks:
        return grid  # (one mark is enough: a sheet or Word table of a single issue's one measure, "1.1")
    rows = list(rows)
    for r, (first, second) in marks.items():
        rows[r] = list(rows[r])
        rows[r][c] = second if grouped else first
    return replace(grid, rows=rows, outline_groups={r: m[0] for r, m in marks.items()} if grouped else {})


def _int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return int(v) if float(v).is_integer() else None
    text = _text(v).rstrip(".．、")
    return int(text) if text.isascii() and text.isdigit() else None


# 基本信息 key aliases → LedgerInfo attribute
_ROUNDS = ("巡察", "巡视")
INFO_KEYS: dict[str, str] = {
    **dict.fromkeys(["单位名称", "被巡察单位", "被巡视单位", "被巡察党组织", "被巡视党组织", "单位"], "unit_name"),
    **dict.fromkeys(["党组织名称", "落款", "署名", "发布单位", "落款单位"], "party_org"),
    **dict.fromkeys([f"{w}{k}" for w in _ROUNDS for k in ("组", "组名称")], "inspection_group"),
    **dict.fromkeys([f"{w}{k}" for w in _ROUNDS for k in ("开始", "开始日期", "开始时间", "进驻日期", "进驻时间",
                                                          "起始日期")], "inspection_start"),
    **dict.fromkeys([f"{w}{k}" for w in _ROUNDS for k in ("结束", "结束日期", "结束时间", "截止日期")],
                    "inspection_end"),
    # the whole period in one cell: "巡察时间 | 2026年3月10日至5月20日"
    **dict.fromkeys([f"{w}{k}" for w in _ROUNDS for k in ("时间", "日期", "期间", "时段", "起止时间", "起止日期",
                                                          "起止", "起讫时间", "起讫日期")], "inspection_period"),
    **dict.fromkeys(["反馈日期", "反馈时间", "意见反馈日期", "反馈意见日期", "意见反馈时间",
                     *(f"{w}{k}" for w in _ROUNDS for k in ("反馈日期", "反馈时间", "意见反馈日期", "意见反馈时间"))],
                    "feedback_date"),
    **dict.fromkeys(["报告日期", "截至日期", "统计截止日期", "截止日期", "通报日期", "成文日期", "发文日期",
                     "落款日期", "数据截至", "统计截至",
                     # the day the form was filled in or the figures stand at, as the title rows say it
                     # (导出: a system's export states its figures as of the moment it was exported)
                     *(f"{w}{k}" for w in ("填报", "报送", "上报", "填表", "编制", "统计", "报告", "截至", "截止",
                                           "导出", "统计截止", "统计截至", "数据截至", "数据截止")
                       for k in ("日期", "时间"))], "report_date"),
    **dict.fromkeys(["联系电话", "电话"], "phone"),
    **dict.fromkeys(["邮寄地址", "通讯地址", "地址", "邮政信箱"], "address"),
    **dict.fromkeys(["邮编", "邮政编码"], "postcode"),
    **dict.fromkeys(["电子邮箱", "邮箱", "电子邮件"], "email"),
    **dict.fromkeys(["通报标题", "标题"], "title"),
    **dict.fromkeys(["导语", "前言", "开头"], "preamble"),
    **dict.fromkeys(["一、", "一", "组织领导情况", "整改工作组织领导情况", "整改工作开展情况", "履行整改主体责任情况"],
                    "section_one"),
    **dict.fromkeys(["三、", "三", "下一步工作", "下一步打算", "下一步工作打算"], "section_three"),
    **dict.fromkeys(["一、标题", "一标题"], "heading_one"),
    **dict.fromkeys(["二、标题", "二标题"], "heading_two"),
    **dict.fromkeys(["二、导语", "二导语"], "section_two_intro"),
    **dict.fromkeys(["三、标题", "三标题"], "heading_three"),
}
#: 基本信息 keys no list names, read by their meaningful parts ("监督电话", "举报电话", "通信地址",
#: "来信地址", "电子信箱", "巡察组别"); the e-mail first, so that 电子信箱 is no address
_INFO_KEY_PARTS = (
    (re.compile(r"(?:电子|E-?mail|e-?mail)(?:邮箱|信箱|邮件)|邮件地址|^E-?mail$|^email$|^邮箱"), "email"),
    (re.compile(r"邮政编码|邮编"), "postcode"),
    # (not 联系人及电话: a person and a number in one cell, which the letters read apart)
    (re.compile(r"^(?!.*(?:联系人|及|和|、)).*(?:电话|手机|热线)(?:号码)?$"), "phone"),
    (re.compile(r"地址$|信箱$"), "address"),
    (re.compile(r"^(?:巡察|巡视)组(?:别|次)?$"), "inspection_group"),
)


def info_attr(key: str, raw_key: str = "") -> str | None:
    """The :class:`LedgerInfo` attribute a 基本信息 key names: a known key, else one read by its parts."""
    attr = INFO_KEYS.get(key) or INFO_KEYS.get(raw_key or key) or INFO_KEYS.get(key.rstrip("、"))
    if attr is None and key and len(key) <= 10:
        attr = next((a for pattern, a in _INFO_KEY_PARTS if pattern.search(key)), None)
    return attr


_DATE_INFO = {"inspection_start", "inspection_end", "feedback_date", "report_date"}
#: keys whose cell may hold the inspection's whole period ("2026年3月10日至5月20日")
_PERIOD_INFO = {"inspection_start", "inspection_end", "inspection_period"}
#: contact facts and the word the notice uses when the unit wrote no other
_CONTACT_LABELS = {"phone": "联系电话", "address": "邮寄地址", "postcode": "邮编", "email": "电子邮箱"}


def _uncomputed_info(grid: Grid) -> dict[str, str]:
    """基本信息's values that are formulas never computed (``=DATE(2026,11,20)`` written by a
    script): cell → key. Read as blank, a 报告日期 among them would silently make today the
    as-of date."""
    found: dict[str, str] = {}
    for r, c in sorted(grid.uncomputed):
        row = grid.rows[r] if r < len(grid.rows) else []
        key = next((_text(v) for v in row[:c] if not _blank(v)), "")
        if key:
            found[f"{col_letter(c)}{r + 1}"] = key
    return found


def _read_info(grid: Grid, notes: bool = False) -> LedgerInfo:
    """Key | value rows: the key is the row's first non-blank cell, the value the cell right of
    it (a third column, e.g. the template's 说明, is never read as a value). ``notes``: a 说明
    sheet, its facts among its instructions (:func:`_note_pairs`): only the facts it gives are read
    — a key rectxl does not know, an instruction ("请填写全称") or a date it cannot read
    ("每月25日前报送") is passed over, not reported."""
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    unread: dict[str, tuple[str, str, str]] = {}
    cells: dict[str, tuple[str, str]] = {}
    # a 报告日期 a formula writes as text, =TEXT(TODAY(),"yyyy年m月d日"): today, as =TODAY() is (the
    # day it holds is when the file was last computed)
    today_refs = {f"{col_letter(c)}{r + 1}" for r, c in grid.today_text}
    for raw_key, value, at in (_note_pairs(grid) if notes else _info_pairs(grid)):
        key = F.header_key(raw_key)
        attr = info_attr(key, raw_key)
        if attr == "report_date" and at in today_refs:
            continue
        if notes and (attr is None or attr in values or _INSTRUCTION.search(_text(value)) or (
                attr in _DATE_INFO | _PERIOD_INFO and parse_day(value) is None and parse_day_range(value) is None)):
            continue
        if attr in _PERIOD_INFO and (span := parse_day_range(value)) is not None:
            if span[0] is not None:
                values["inspection_start"], values["inspection_end"] = span
                cells["inspection_start"] = cells["inspection_end"] = (at, raw_key)
            else:  # a range this reading does not date ("2026年3月上旬至5月"): asked, not guessed
                unread[at] = (attr, raw_key, _text(value))
            continue
        if attr == "inspection_period":  # one day (or one month) in a period's cell: where it began
            attr = "inspection_start"
            if (day := parse_day(value)) is not None and month_alone(value):
                values["inspection_start"], values["inspection_end"] = earliest_day(_text(value), day), day
                cells["inspection_start"] = cells["inspection_end"] = (at, raw_key)
                continue
        if attr in _DATE_INFO:
            values[attr] = parse_day(value)
            if values[attr] is None and re.search(r"[0-9０-９〇零一二三四五六七八九十]", _text(value)):
                unread[at] = (attr, raw_key, _text(value))
            elif values[attr] is not None:
                cells[attr] = (at, raw_key)
            if attr == "feedback_date" and values[attr] is not None and month_alone(value):
                # a start: the month's first day (LedgerInfo.deadlines_from is its last)
                values[attr], values["feedback_month_only"] = values[attr].replace(day=1), True
        elif attr:
            values[attr] = _text(value) if not isinstance(value, str) else value.strip()
            if attr in _CONTACT_LABELS and key != _CONTACT_LABELS[attr]:
                extra[raw_key] = values[attr]  # the unit's own word (邮政信箱, 邮政编码) is published as is
        elif key and key not in ("项目", "内容"):
            extra[raw_key] = _text(value)
    if not values.get("phone") and (both := next((v for k in PERSON_AND_PHONE_KEYS if (v := extra.get(k))), "")) and (
            number := PHONE_NUMBER.search(both)) is not None:
        # "联系人及电话 | 赵敏 0000-1234567": the number is the notice's 联系电话 (the letters name the person)
        values["phone"] = number.group()
    return LedgerInfo(**values, extra=extra, unread_dates=unread, date_cells=cells)


def _info_pairs(grid: Grid) -> Iterator[tuple[str, Any, str]]:
    """基本信息's (key, value, the value's A1) pairs: key | value down the rows — or, where the first
    row is a row of keys (单位名称 | 巡察组 | 反馈日期 …) over a row of values, across them."""
    filled = [(r, row) for r, row in enumerate(grid.rows) if any(not _blank(v) for v in row)]
    if len(filled) >= 2:
        (_, keys), (r1, below) = filled[0], filled[1]
        named = [c for c, v in enumerate(keys) if not _blank(v)]
        known = [c for c in named if info_attr(F.header_key(keys[c]), _text(keys[c])) is not None]
        if len(named) >= 3 and len(known) * 3 >= len(named) * 2 and len(known) >= 3 \
                and sum(c < len(below) and not _blank(below[c]) for c in named) >= 2:
            for c in named:
                if c < len(below) and not _blank(below[c]):
                    yield _text(keys[c]), below[c], f"{col_letter(c)}{r1 + 1}"
            return
    for r, row in enumerate(grid.rows):
        first = next((c for c, v in enumerate(row) if not _blank(v)), None)
        if first is None or first + 1 >= len(row) or _blank(row[first + 1]):
            continue
        yield _text(row[first]), row[first + 1], f"{col_letter(first + 1)}{r + 1}"


#: what the value of a 说明 sheet's key is when it tells how to fill the ledger in, not a fact
#: ("单位名称：请填写全称", "填报时间：每月25日前报送", "整改状态：从……中选择")
_INSTRUCTION = LazyPattern(r"^(?:请|须|需|应|按|如|例如|可|每|要|务必|统一|由|从|以|不得|不要|一律|根据)|填写|填报|"
                           r"报送|写明|注明|选择|选填|格式|为准|加盖")
#: a 说明 sheet's line of 键：值 ("被巡察单位：县市场监督管理局"), after its numbering ("1.", "（一）")
_NOTE_PAIR = LazyPattern(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?"
                         r"(?P<key>[^：:，,。；;\s]{2,10})\s*[：:]\s*(?P<value>\S.*?)\s*$")


def _note_pairs(grid: Grid) -> Iterator[tuple[str, Any, str]]:
    """A 说明 sheet's (key, value, the value's A1) pairs: the 键：值 written in one cell, as well as
    key | value in two."""
    yield from _info_pairs(grid)
    for r, row in enumerate(grid.rows):
        for c, v in enumerate(row):
            if isinstance(v, str) and (m := _NOTE_PAIR.match(v)) is not None:
                yield m.group("key"), m.group("value"), f"{col_letter(c)}{r + 1}"


def _read_directory(grid: Grid) -> list[str]:
    units: list[str] = []
    header = {"责任单位", "单位名称", "单位", "名称", "序号", "责任单位名录", "部门", "科室"}
    for row in grid.rows:
        texts = [_text(v) for v in row if not _blank(v)]
        texts = [t for t in texts if not t.isdigit() and F.header_key(t) not in header]
        if texts:
            units.append(texts[0])
    return units


def parse_column_map(pairs: Iterable[str | tuple[str, str]]) -> dict[str, str]:
    """``["存在的问题=具体问题", ("牵头股室", "责任单位")]`` → header key → field.

    The standard name may be any of rectxl's column names or their aliases; an unknown one is a
    :class:`LedgerError` naming the columns that exist."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        if isinstance(pair, str):
            source, sep, target = pair.replace("＝", "=").partition("=")
            if not sep:
                raise LedgerError(f"列名对照“{pair}”格式不对：应写成“原列名=标准列名”，如“存在的问题=具体问题”")
        else:
            source, target = pair
        field_name = F.field_named(target.strip())
        if field_name is None or field_name == F.ROW_NO:
            names = "、".join(F.ALL_FIELDS)
            raise LedgerError(f"列名对照中的“{target.strip()}”不是 rectxl 的列名：可用的列名为{names}")
        key = F.header_key(source)
        if key:
            mapping[key] = field_name
    return mapping


def _read_column_map(grid: Grid) -> list[tuple[str, str]]:
    """The 列名对照 sheet: rows of 原列名 | 标准列名 (a header row naming them is skipped)."""
    pairs = []
    for row in grid.rows:
        cells = [_text(v) for v in row if not _blank(v)]
        if len(cells) >= 2 and F.header_key(cells[0]) not in ("原列名", "台账列名", "列名"):
            pairs.append((cells[0], cells[1]))
    return pairs


#: sheets that are never a ledger (besides rectxl's own outputs, :func:`is_rectxl_sheet`)
_NOT_LEDGER = {INFO_SHEET, DIRECTORY_SHEET, COLUMN_MAP_SHEET}
#: what other offices call the 基本信息 sheet (read when the workbook has no 基本信息)
_INFO_SHEET_NAMES = ("基本信息表", "基础信息", "基本情况", "基本情况表", "台账信息", "通报信息", "封面", "首页", "封页")
#: a sheet of notes on the ledger, that may give its 基本信息 among the instructions for filling it in
_NOTE_SHEET_NAMES = ("说明", "填报说明", "填表说明", "台账说明", "使用说明", "编制说明")


def _may_be_ledger(grid: Grid) -> bool:
    name = grid.name.strip()
    return name not in _NOT_LEDGER and not is_rectxl_sheet(name)


def _pick_ledgers(grids: Sequence[Grid], column_map: dict[str, str]
                  ) -> tuple[list[tuple[Grid, HeaderMap]], list[str]]:
    """Every sheet whose header matches, in workbook order: the visible ones; the hidden ones
    only when no visible sheet is a ledger (a hidden stale copy is never read instead of the
    visible ledger). Also the names of the hidden ledger sheets left unread."""
    found = []
    for g in grids:
        if not _may_be_ledger(g):
            continue
        h = find_header(g, column_map)
        if h is None or len(_core_fields(dict(enumerate(h.columns)))) <= _FORM_HEADER_FIELDS:
            # a form of one block per problem, its fields labelled in rows (项目 | 内容), whose row
            # "问题 | … | 责任科室 | …" may look like a narrow header
            form = _form_as_table(g, column_map)
            if form is not None and (h is None or len(form[1].columns) > len(h.columns)):
                h = None
                found.append(form)
        if h is not None:
            found.append((g, h))
    _one_reading(found)
    if not found:  # a clerk's own ledger sheet may be called 整改明细, as one of rectxl's sheets is
        named = [(g, h) for g in grids if is_rectxl_sheet(g.name) and g.name.strip() != MARKS_SHEET
                 and (h := find_header(g, column_map)) is not None]
        # …and rectxl's own 逾期清单 beside it, after 生成汇总, is no second ledger: only sheets
        # with the first one's columns are read
        found = [(g, h) for g, h in named if set(h.columns) == set(named[0][1].columns)]
    visible = [(g, h) for g, h in found if not g.hidden]
    if visible or found:
        return visible or found, [g.name for g, _ in found if g.hidden] if visible else []
    if not grids:
        raise LedgerError("找不到台账表头：工作簿中没有任何工作表。请确认这是整改台账，或使用 rectxl new 生成的模板。")
    names = "、".join(g.name for g in grids)
    _refuse_statistics(grids, column_map)
    candidates = [(g, c) for g in grids
                  if _may_be_ledger(g) and (c := best_header_candidate(g, column_map)) is not None]
    if candidates:
        grid, best = max(candidates, key=lambda gc: (len(gc[1].fields), not gc[0].hidden))
        cells = "、".join(_text(v) for v in grid.rows[best.row] if not _blank(v))
        understood = "、".join(best.fields)
        where = (f"找不到台账表头（在各工作表的前{HEADER_SCAN_ROWS}行中查找）：最像表头的是工作表“{grid.name}”"
                 f"第{best.row + 1}行（{shorten(cells, 80)}），")
        mapping = f"用 --column 原列名=标准列名（或“{COLUMN_MAP_SHEET}”工作表）指明"
        if {F.ISSUE, F.MEASURE} & set(best.fields):
            # the problem or the measure named, and no other column: a table of another kind, or a
            # ledger whose other columns are named as rectxl does not know
            raise LedgerError(
                f"{where}其中只认出了“{understood}”一列，没有认出责任单位、整改时限、整改状态等其他列。"
                f"请确认这是整改台账；其他列的列名另有写法时，请{mapping}。")
        raise LedgerError(
            f"{where}其中只认出了{understood}，缺少“具体问题”或“整改措施”列。请把问题列、措施列的列名改为"
            f"“具体问题”“整改措施”，或{mapping}。"
        )
    written = [(g, row) for g in grids if _may_be_ledger(g) for row in g.rows[:HEADER_SCAN_ROWS]
               if sum(not _blank(v) for v in row) >= 2]
    if not written and not any(not _blank(v) for g in grids for row in g.rows for v in row):
        raise LedgerError(f"工作簿是空的，找不到台账表头：工作表（{names}）中没有任何内容。请确认报送的是填写好的"
                          "整改台账，而不是空白文件或模板。")
    if written:  # what the sheet is instead: its first row of several cells (序号、姓名、性别 …)
        grid, row = next(((g, r) for g, r in written if not g.hidden), written[0])
        cells = "、".join(_text(v) for v in row if not _blank(v))
        raise LedgerError(
            f"不像整改台账，找不到台账表头：工作表“{grid.name}”前{HEADER_SCAN_ROWS}行的表头是“{shorten(cells, 60)}”，"
            "没有“具体问题”“整改措施”等列。请确认这是整改台账；列名另有写法（如英文）时，可用 --column "
            f"原列名=标准列名（或“{COLUMN_MAP_SHEET}”工作表）逐列指明，或使用 rectxl new 生成的模板。"
        )
    raise LedgerError(
        f"找不到台账表头：工作表（{names}）的前{HEADER_SCAN_ROWS}行中没有同时包含“具体问题”或“整改措施”"
        "等列名的表头行。请确认这是整改台账；列名另有写法（如英文）时，可用 --column 原列名=标准列名（或"
        f"“{COLUMN_MAP_SHEET}”工作表）逐列指明，或使用 rectxl new 生成的模板。"
    )


#: how many columns of counts or rates (问题数, 完成率) make a row a statistics table's header
_STATISTICS_COLUMNS = 2


def _refuse_statistics(grids: Sequence[Grid], column_map: dict[str, str]) -> None:
    """A workbook whose header names counts and rates (单位 | 问题数 | 已完成 | 完成率) and neither
    the problem nor the measure is a statistics table (a 汇总表 of the units' progress), no ledger
    to be repaired: said so (:class:`NoLedgerTable`), rather than asking to rename its columns."""
    for g in grids:
        if not _may_be_ledger(g):
            continue
        for r, row in enumerate(g.rows[:HEADER_SCAN_ROWS]):
            if sum(F.is_count_header(v) for v in row) < _STATISTICS_COLUMNS:
                continue
            if {F.ISSUE, F.MEASURE} & _core_fields(_row_fields(row, column_map)):
                continue
            cells = "、".join(_text(v) for v in row if not _blank(v))
            raise NoLedgerTable(
                f"不是整改台账，是统计表：工作表“{g.name}”第{r + 1}行的表头（{shorten(cells, 80)}）是问题数、"
                "完成率等统计数，没有逐项列出“具体问题”“整改措施”的列。请检查逐项列出问题和整改措施的整改台账。")


#: how long a form's label is at most ("问题", "整改措施", "责任单位及责任人")
_FORM_LABEL_LENGTH = 12
#: how many columns of a form's row hold its labels and values (two pairs a row: 责任单位 | 医务科 |
#: 完成时限 | 2025年6月30日)
_FORM_WIDTH = 8


#: a header naming this many of the ledger's fields at most may be a form's first row, not a header
_FORM_HEADER_FIELDS = 3
#: the first rows in which a form labels its fields, one a row (at least three of them)
_FORM_LOOK = 60


def _form_label(v: Any, column_map: dict[str, str]) -> str | None:
    """The field a form's cell labels ("整改措施", "责任科室"): a short text naming a column."""
    if type(v) is not str or not 0 < len(label := v.strip()) <= _FORM_LABEL_LENGTH:
        return None
    return _header_field(label, column_map)


def _form_as_table(grid: Grid, column_map: dict[str, str]) -> tuple[Grid, HeaderMap] | None:
    """A sheet laid out as a form — each field of a problem on its own row, labelled (项目 | 内容:
    问题 | …, 整改措施 | …, 责任单位 | …, 完成时限 | …), one block per problem, a block starting
    again where its first label comes again — as a table: a column per label, a row per block at
    the block's first row, each value pointing at its cell of the form (:attr:`Grid.origin`). A
    label written twice in a block (two 整改措施 rows) gives the block a row per item, at the
    item's row, the block's other fields written on each. ``None`` when the sheet labels no problem
    and no measure so."""
    # a title merged across ("巡察反馈问题整改销号表") is no label, though it names the problems
    titles = {r0 for r0, c0, _r1, c1 in grid.merges if c1 > c0 + 1 and c0 == 0}
    first_labels = [f for r, row in enumerate(grid.rows[:_FORM_LOOK]) for v in row[:1]
                    if r not in titles and not _blank(v) and (f := _form_label(v, column_map)) is not None]
    if len(first_labels) < 3 or len(set(first_labels)) < 2:
        return None  # no field labelled in the first column, row after row: no form
    blocks: list[tuple[int, dict[str, list[tuple[int, int, Any]]]]] = []
    labels: dict[str, str] = {}
    opening: str | None = None
    for r, row in enumerate(grid.rows):
        if r in titles:
            continue
        cells = [(c, v, _form_label(v, column_map)) for c, v in enumerate(row[:_FORM_WIDTH]) if not _blank(v)]
        for i, (c, v, f) in enumerate(cells):
            if f is None:
                continue
            # the value: the next cell written, unless it is the next label (a value left blank)
            value_c, value = (cells[i + 1][0], cells[i + 1][1]) if i + 1 < len(cells) and cells[i + 1][2] is None \
                else (c + 1, None)
            if opening is None:
                opening = f
            if f == opening or not blocks:
                blocks.append((r, {}))
            blocks[-1][1].setdefault(f, []).append((r, value_c, value))
            labels.setdefault(f, _text(v))
    if not ({F.ISSUE, F.MEASURE} <= labels.keys() and any(len(block) >= 3 for _, block in blocks)):
        return None
    start = blocks[0][0]
    columns = list(labels)
    rows: list[list[Any]] = [list(row) for row in grid.rows[:max(start - 1, 0)]]
    rows.append(list(labels.values()))
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, block in blocks:
        items = max(block.values(), key=len)
        # a form from the sheet's first row, no title above it: its header takes that row, the
        # first block's table row the block's second (its cells still point at the form's own)
        first = r if r > 0 else 1
        if any(item[0] <= first for item in items[1:]):
            return None
        # a row per item of the field written most often in the block, at the item's row
        for n, at in enumerate([first, *(item[0] for item in items[1:])]):
            while len(rows) < at:
                rows.append([])
            table_row: list[Any] = [None] * len(columns)
            for k, f in enumerate(columns):
                written = block.get(f, [])
                # the item of this row, or the block's one value written on each of its rows
                item = written[n] if n < len(written) else written[0] if len(written) == 1 else None
                if item is not None:
                    table_row[k] = item[2]
                    origin[(at, k)] = (item[0], item[1])
            if len(rows) == at:
                rows.append(table_row)
    above = grid.rows[start - 1] if start > 0 else ()
    displaced = (tuple(above),) if any(not _blank(v) for v in above) else ()
    table = replace(grid, rows=rows, merges=[m for m in grid.merges if m[2] < start - 1], origin=origin,
                    displaced=displaced,
                    uncomputed=frozenset(at for at, cell in origin.items() if cell in grid.uncomputed),
                    from_today=frozenset(at for at, cell in origin.items() if cell in grid.from_today),
                    hidden_cols=frozenset(), lists=())
    header = find_header(table, column_map)
    return (table, header) if header is not None and header.row == max(start - 1, 0) else None


#: a sheet's name that says it holds the whole ledger: 汇总, 总表, 总台账, 全部, 合计
_WHOLE_NAME = LazyPattern(r"汇总|总表|总台账|总清单|全部|合计|全局|全院|全镇")


def _parts_of_whole(picked: list[tuple[Grid, HeaderMap]]
                    ) -> tuple[list[tuple[Grid, HeaderMap]], list[SetAsidePart]]:
    """The sheets to read, and (sheet, the whole it was cut from, its rows whose status differs
    from the whole's) for each sheet set aside whose every row (issue and measure) is a row of a
    larger sheet: a 汇总 sheet beside the rows it holds copied out per unit (汇总 | 医务科 |
    药剂科) — read once, from the 汇总. The larger sheet is a whole when it holds two such sheets or
    more, or its name says so (汇总, 总表)."""
    if len(picked) < 2:
        return picked, []
    # a sheet copied out without the issue column (科室's own list of its measures) matches by measure
    by_issue = all(F.ISSUE in h.columns for _, h in picked)
    rows = [_row_keys(g, h, by_issue) for g, h in picked]
    parts: dict[int, int] = {}
    for i, whole in enumerate(rows):
        if i in parts or not whole:
            continue
        inside = [j for j, part in enumerate(rows) if j != i and j not in parts and part
                  and len(part) < len(whole) and part.keys() <= whole.keys()]
        chain = sorted(inside, key=lambda k: len(rows[k]))
        if len(chain) >= 2 and all(rows[a].keys() <= rows[b].keys() for a, b in pairwise(chain)):
            continue  # 8月 inside 9月 inside 10月: periods of one ledger, growing (see _latest_copies)
        if len(inside) >= 2 or (inside and _WHOLE_NAME.search(picked[i][0].name)):
            parts.update(dict.fromkeys(inside, i))
    if not parts:
        return picked, []
    aside: list[SetAsidePart] = []
    for j, i in sorted(parts.items()):
        # a 科室 brought its own copy further than the 汇总 ("已完成" there, "正在推进" here)
        differ = tuple((key[1], said, rows[i][key]) for key, said in rows[j].items()
                       if said and rows[i][key] and said != rows[i][key])
        aside.append((picked[j][0].name, picked[i][0].name, differ))
    return [p for k, p in enumerate(picked) if k not in parts], aside


def _row_keys(grid: Grid, header: HeaderMap, by_issue: bool = True) -> dict[tuple[str, str], str]:
    """(issue, measure) → status written, of each measure row of a sheet, the issue carried down
    over its measures (("", measure) when not ``by_issue``)."""
    c, ci = header.columns.get(F.MEASURE), header.columns.get(F.ISSUE) if by_issue else None
    cs = header.columns.get(F.STATUS)
    if c is None:
        return {}
    keys: dict[tuple[str, str], str] = {}
    issue = ""
    for row in grid.rows[header.data_start:]:
        if ci is not None and ci < len(row) and not _blank(row[ci]):
            issue = _text(row[ci])
        if c < len(row) and not _blank(row[c]):
            keys.setdefault((issue, _text(row[c])),
                            _text(row[cs]) if cs is not None and cs < len(row) and not _blank(row[cs]) else "")
    return keys


#: a period in a sheet's name: 2024年7月, 2024.07, 7月, 七月
_SHEET_PERIOD = LazyPattern(r"(?:(\d{4})\s*[年./-]\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")


def _latest_copies(picked: list[tuple[Grid, HeaderMap]]
                   ) -> tuple[list[tuple[Grid, HeaderMap]], list[tuple[str, str]], dict[str, str]]:
    """The sheets to read, (sheet, sheet read instead) for each set aside, and why the one read
    was taken when neither names, dates nor progress told them apart (by the set-aside sheet):
    of two sheets holding mostly the same measures — a clerk's 6月台账 beside 7月台账 — only the
    newer is read (see :func:`_newer_first`)."""
    if len(picked) < 2:
        return picked, [], {}
    measures = [_measure_texts(g, h) for g, h in picked]
    keep = list(range(len(picked)))
    set_aside: list[tuple[str, str]] = []
    why: dict[str, str] = {}
    for i in range(len(picked)):
        for j in range(i + 1, len(picked)):
            if i not in keep or j not in keep:
                continue
            a, b = measures[i], measures[j]
            # copies share nearly every measure; sheets of one ledger share at most a few generic
            # ones ("建立长效机制")
            shared = len(a & b)
            if shared < 0.8 * min(len(a), len(b)) or (
                    shared < 3 and not _small_copies(picked[i][0], picked[j][0], a, b)):
                continue
            if _units_differ(picked[i], picked[j]):
                continue  # two units' ledgers in one workbook (二中 | 三中), not two periods of one
            first_newer, reason = _newer_first(picked[i], picked[j])
            older, newer = (j, i) if first_newer else (i, j)
            keep.remove(older)
            set_aside.append((picked[older][0].name, picked[newer][0].name))
            if reason:
                why[picked[older][0].name] = reason
    # 9月 set aside for 10月, then 10月 for 11月: each names the sheet read in the end (11月), not
    # one itself set aside ("只校验了“10月”" when 10月 was not read either)
    instead = dict(set_aside)
    final: dict[str, str] = {}
    for name, read in instead.items():
        while read in instead:
            read = instead[read]
        final[name] = read
    return [picked[k] for k in keep], [(name, final[name]) for name, _ in set_aside], why


def _units_differ(first: tuple[Grid, HeaderMap], second: tuple[Grid, HeaderMap]) -> bool:
    """The two sheets' titles (or 填报单位 rows) name two different units: a school district's
    workbook with a sheet per school ("云溪县第二中学…台账" | "云溪县第三中学…台账") holds two
    ledgers alike in their measures, not two periods of one."""
    ua = _title_facts(*first)[0].get("unit_name")
    ub = _title_facts(*second)[0].get("unit_name")
    return bool(ua and ub) and not same_unit_name(str(ua), str(ub)) and not one_unit(str(ua), str(ub))


#: a sheet's name that marks it as the old one: 原台账, 台账（备份）, 台账-副本, 旧台账, 作废
_OLD_NAME = LazyPattern(r"备份|副本|^原|旧|存档|作废|废弃|bak|backup|copy|old", re.IGNORECASE)


def _newer_first(first: tuple[Grid, HeaderMap], second: tuple[Grid, HeaderMap]) -> tuple[bool, str]:
    """Of two copies of one ledger, whether ``first`` (the one further left) is the newer, and why
    when only the last two rules told: by the period their names give (6月 / 7月), else the dates in
    their title rows (填报日期), else a name marking one as the old copy (原台账, 备份, 副本), else
    the one further along (more measures 已完成: work only moves forward), else the one whose name
    is not stamped with a day or as Excel names a copy — 台账 beside 台账（11月30日） or 台账 (2)
    is the sheet the clerk keeps filling in, the other a copy kept of it — else ``second``, the
    later in the workbook."""
    pa, pb = _period(first[0].name), _period(second[0].name)
    if pa[1] and pb[1] and pa != pb:
        return pa > pb, ""
    da = _title_facts(*first)[0].get("report_date")
    db = _title_facts(*second)[0].get("report_date")
    if da is not None and db is not None and da != db:
        return bool(da > db), ""
    old_a, old_b = bool(_OLD_NAME.search(first[0].name)), bool(_OLD_NAME.search(second[0].name))
    if old_a != old_b:
        return old_b, ""
    done_a, done_b = _done_count(*first), _done_count(*second)
    if done_a != done_b:
        return done_a > done_b, ""
    stamped_a, stamped_b = _stamped_name(first[0].name), _stamped_name(second[0].name)
    if stamped_a != stamped_b:
        live, kept = (second, first) if stamped_a else (first, second)
        return stamped_b, (f"两表完成情况相同，表名未标日期、用途或副本编号的“{live[0].name.strip()}”"
                           f"应是正在填写的台账，“{kept[0].name.strip()}”是留存的副本")
    return False, f"两表完成情况相同，表名也分不出先后，按工作簿中靠后的“{second[0].name.strip()}”"


#: a sheet's name stamped with a day or period (台账（11月30日）, 台账11.30, 台账20261130, 截至…), or
#: naming a copy made from the ledger for a use (台账（打印版）, 报送版, 上报稿)
_STAMPED_NAME = LazyPattern(r"\d\s*月|[一二三四五六七八九十]月|\d{1,4}[.．/-]\d{1,2}|\d{6,8}|截至|截止|季度"
                            r"|打印|报送|上报|送审")


def _stamped_name(name: str) -> bool:
    """A sheet's name stamped with a day or period, naming a copy made for a use (打印版, 报送版),
    or named as Excel names a copy of a sheet."""
    return bool(_STAMPED_NAME.search(name) or _COPY_NAME.search(name))


def _done_count(grid: Grid, header: HeaderMap) -> int:
    c = header.columns.get(F.STATUS)
    if c is None:
        return 0
    return sum(1 for row in grid.rows[header.data_start:]
               if c < len(row) and not _blank(row[c]) and read_status(_text(row[c])).status is Status.DONE)


#: a sheet's name as Excel or WPS names a copy of a sheet ("台账 (2)", "台账（2）", "台账 - 副本", "台账副本")
_COPY_NAME = LazyPattern(r"\s*(?:[(（]\d{1,2}[)）]|[-－_—]?\s*副本\s*\d*)\s*$")


def _small_copies(first: Grid, second: Grid, a: set[str], b: set[str]) -> bool:
    """Two sheets of a small ledger (fewer than three measures shared, most of either) that are
    copies of it: one named as Excel names a copy of the other ("台账 (2)", "台账 - 副本"), or both
    named by a month (8月 | 9月) — sheets per unit ("办公室" | "财务股") may share their measures."""
    if not a or not b:
        return False
    names = [first.name.strip(), second.name.strip()]
    copied = any(_COPY_NAME.sub("", n) == _COPY_NAME.sub("", m) and n != m for n in names for m in names)
    return copied or all(_SHEET_PERIOD.search(n) for n in names)


def _measure_texts(grid: Grid, header: HeaderMap) -> set[str]:
    c = header.columns.get(F.MEASURE)
    if c is None:
        return set()
    return {_text(row[c]) for row in grid.rows[header.data_start:] if c < len(row) and not _blank(row[c])}


def _period(name: str) -> tuple[int, int]:
    """A sheet's period for ordering copies, (year, month) from its name; (0, 0) when it names
    none (then the sheets' order in the workbook decides: the later one is the newer)."""
    m = _SHEET_PERIOD.search(name)
    if m is None:
        return (0, 0)
    return (int(m.group(1) or 0), to_int(m.group(2)) or 0)


#: a unit's name in a title row: the shortest run ending in a kind of unit, before what the title
#: says about it ("XX县自然资源局党组关于…", "XX县自然资源局巡察反馈问题整改落实台账")
_TITLE_UNIT = re.compile(
    # "市委第三巡察组对市住建局党组巡察整改台账", "县委第二巡察组反馈东山镇党委问题清单": the unit
    # inspected, after who inspected it
    # ("关于市委第二巡察组巡察某区城管局党组反馈意见…": the unit the group inspected)
    r"^(?:关于)?(?:.{2,20}?(?:巡察|巡视)组?对|.{2,20}?(?:巡察|巡视)组(?:反馈|向|巡察|巡视))?(?P<cpc>中共)?"
    r"(.{2,40}?(?:委员会|办公室|局|委|办|院|厅|中心|公司|集团|镇|乡|街道|政府|所|站|队|社|馆|部|处"
    # 妇女联合会, 总工会, 个体劳动者协会, 商会, 管委会; 妇联, 工商联; 科协; 学校, 实验小学; 幼儿园; 银行支行
    r"|会|联|科协|学校|小学|中学|大学|幼儿园|银行|支行|分行"
    # 粮食储备库, 县委党校, 国有林场, 自来水厂, 气象台, 艺术团, 监狱
    r"|库|校|场|厂|矿|台|团|署|监狱"
    # a village or community a 巡村 / 巡社区 inspected (柳溪村党支部, 东园社区党委, 某嘎查)
    r"|村|社区|嘎查"
    # 市人大常委会机关, 政协××市委员会机关, 县委机关: the organ's offices, inspected as one unit
    r"|机关))"
    r"(?=党组|党委|党工委|党总支|党支部|机关党委|关于|对照|巡察|巡视|落实|贯彻|整改|反馈|[（(]|$)"
)
#: a unit named in brackets after a ledger's title that opens with who inspected, not whom
#: ("县委第三巡察组反馈问题整改台账（东山镇人民政府）", "…整改清单（单位：县统计局）")
_TITLE_BRACKET_UNIT = LazyPattern(
    r"(?:台账|清单|表)\s*[（(](?:(?:填报|责任|被巡察)?单位[:：]\s*)?(?P<cpc>中共)?"
    r"([^（()）:：]{2,30}?(?:委员会|办公室|局|委|办|院|厅|中心|公司|集团|镇|乡|街道|政府|所|站|队|社|馆|部|处"
    r"|会|联|学校|小学|中学|大学|幼儿园|银行|支行|分行|村|社区|嘎查|机关|库|校|场|厂|矿|台|团|署|监狱))"
    r"(?:党组|党委|党工委|党总支|党支部|机关党委)?[)）]\s*$")
#: a title row that names the ledger ("…整改台账", "…整改清单", "…任务清单", "…整改情况表",
#: "…整改推进表（2026年11月）"), or the notice or report it was sent in ("中共…委员会关于巡察整改进展
#:情况的通报" over its table): the unit it opens with is the unit inspected
_LEDGER_TITLE = LazyPattern(r"台账|清单|表\s*(?:[（(][^）)]*[）)])?\s*$|整改.{0,12}(?:通报|报告)\s*$")
#: the year a ledger's title names ("2026年巡察反馈问题整改台账", "2026年度…"), not a day's ("2026年3月…")
_TITLE_YEAR = LazyPattern(r"(?<!\d)(20\d{2})\s*年度?(?!\s*\d{1,2}\s*月)")
#: the Party organisation after a unit's name in a title ("…局党组", "…镇党委", "…委员会机关党委")
_TITLE_ORG = re.compile(r"(机关党委|机关党总支|机关党支部|党组|党委|党工委|党总支|党支部)")
#: a 单位名称 that is itself a Party organisation: it signs the notice
_PARTY_ORG = re.compile(r"(?:党组|党委|党工委|党总支|党支部|委员会)$|^中共.{1,12}(?<!党)[省市县区州旗盟]委$")
#: a local Party committee named short (××市委, ××县委): with 中共 before it, it is the committee
_LOCAL_COMMITTEE = LazyPattern(r"(?<!党)[省市县区州旗盟]委$")
#: a government commission ends in 委员会 too, and is no Party committee: it signs as its 党组
#: (卫生健康委员会, 发展和改革委员会, 教育委员会 …)
_GOVERNMENT_COMMISSION = LazyPattern(
    r"(?:卫生|健康|卫计|发展|改革|发改|教育|住房|建设|民族|宗教|国有资产|国资|经济|信息化|科学技术|科技|人口|"
    r"计划生育|体育|交通|农业|农村|机构编制|规划|工业|商务|民政|财政|水利|审计|统计|保密)[\u4e00-\u9fff]{0,10}委员会$")
#: "（盖章）" after a 填报单位's name
_STAMP_NOTE = LazyPattern(r"[（(][^)）]*[)）]$")
#: the unit after its key in a title row ("填报单位（盖章）：县财政局") — not the next key of a row whose
#: unit was left blank ("报送单位：          报送时间：2026年11月30日")
#: (the name ends where the line or a gap does — a 填报单位 left blank before "填报时间：…" names no
#: unit "填报时间")
#: (also 填表单位, 上报单位, and a line opening with 单位 alone: "单位（盖章）：县司法局党组")
#: — not the unit of measure a table's amounts are in ("单位：万元")
_FILLER_UNIT = re.compile(r"(?:(?:填报|报送|填表|上报)单位|^\s*单位)\s*(?:[（(][^)）]*[)）])?\s*[:：]\s*"
                          r"(?!(?:万元|亿元|千元|元|个|人|项|户|次|亩|吨|平方米|公里|米|人次|家|[%％])(?:[\s，,；;、|/]|$))"
                          r"(?![^\s:：，,；;]{2,40}\s*[:：])([^\s:：]{2,40})(?=[\s，,；;|/]|$)")
#: a date in the title rows after its key; the date may be its month alone ("反馈时间：2025年4月",
#: as 基本信息 may write it — its last day), not the start of a range of months
#: the key of a report date above the table: who filled the form in when (填报/报送/填表/编制/制表…日期
#: or 时间), the day the figures stand at (统计截止时间, 截至时间, 数据截至, a system's 导出时间) or 报告日期 itself
_REPORT_DATE_KEY = (r"(?:填报|报送|上报|填表|填写|编制|制表|统计|更新|报告|导出)(?:日期|时间)|数据截至|"
                    r"(?:统计|数据)?(?:截至|截止)(?:日期|时间)?")
_TITLE_DATE = re.compile(
    r"(?P<key>" + _REPORT_DATE_KEY + r"|巡察反馈时间|反馈日期|反馈时间)"
    r"\s*[:：]?\s*(?P<date>[0-9０-９〇零○一二三四五六七八九十]{2,4}\s*[年./-]\s*[0-9０-９一二三四五六七八九十]{1,2}"
    r"(?:\s*[月./-]\s*[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９])\s*[日号]?"
    r"|(?:\s*月份?(?![0-9０-９])|(?![0-9０-９月./－-]))(?!\s*[至到—–~－-])))"
)


#: the inspection group a title names: 省委第五巡视组, 县委第三巡察组, 中央第十巡视组, and the groups a
#: university's, a company's or a department's own Party body sends (校党委第三巡察组, 集团公司党委第二巡察组,
#: 厅党组第一巡视组)
_TITLE_GROUP = LazyPattern(r"(?P<body>中央|省委|自治区党委|市委|州委|盟委|县委|区委|旗委|市委巡察办"
                          r"|(?:学校|大学|学院|集团公司|集团|总公司|公司|校|院|厅|局|委|办)?党(?:委|组)|机关工委)?"
                          # the round between the body and its group ("县委第四轮巡察第二巡察组"): not the group's name
                          r"(?:第[一二三四五六七八九十\d]{1,3}轮(?:巡视|巡察)(?:工作)?)?"
                          r"(?P<group>第[一二三四五六七八九十\d]{1,3}(?:轮)?(?:巡视|巡察)组)")
#: a committee's inspection named without its group's number ("落实县委巡察组反馈意见", "2026年县委
#: 第一轮巡察反馈问题"): the committee's 巡察组 (not its 巡察办, the office)
_TITLE_BODY_ROUND = LazyPattern(r"(中央|省委|自治区党委|市委|州委|盟委|县委|区委|旗委)"
                                r"(?:第[一二三四五六七八九十\d]{1,3}轮)?(巡视|巡察)(?!办|工作领导小组)")
#: an inspection's period told in a sentence ("县委第三巡察组于2026年3月10日至5月10日对我局进行了巡察",
#: "2026年3月10日至5月10日，县委第三巡察组对我局开展巡察"): the range, then the inspection within the clause
_PROSE_PERIOD = LazyPattern(r"(?P<period>[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?\s*"
                            r"(?:至|到|—|－|-)\s*(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?)"
                            r"[^。；;]{0,30}?(?:进行了?|开展了?|实施了?)?(?:常规|专项|机动|提级)?(?:巡察|巡视)(?!组|办)")
#: the feedback's day told after the period, its year left out ("，6月18日反馈意见", "并于6月18日反馈了巡察意见")
_PROSE_FEEDBACK = LazyPattern(r"(?<![0-9０-９年])(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日[^，,。；;]{0,12}?反馈")
#: the inspection's period after its key in a title row ("巡察时间：2026年3月10日至5月20日")
_TITLE_PERIOD = LazyPattern(r"(?:巡察|巡视)(?:时间|期间|时段|起止时间|起止日期|起讫时间)\s*[:：]?\s*"
                            r"(?P<period>[^\s，,；;:：]{6,40})")
#: "县委第三巡察组于2024年5月20日反馈": the feedback date, written before the word — the group
#: may stand between them ("（2026年3月15日县委第一巡察组反馈）", "2026年3月15日，县委第一巡察组向…反馈");
#: a day the figures stand at ("截至2026年11月20日巡察反馈问题…") is none
_TITLE_FEEDBACK = LazyPattern(
    r"(?<!截至)(?<!截止)(?P<date>[0-9０-９]{4}\s*[年./-]\s*[0-9０-９]{1,2}\s*(?:[月./-]\s*[0-9０-９]{1,2}\s*[日号]?|月份?))\s*"
    r"[，,]?\s*(?:[^，,。；;（）()]{0,16}?第[一二三四五六七八九十\d]{1,3}(?:轮)?(?:巡视|巡察)组)?\s*"
    r"(?:向[^，,。；;]{0,20}?)?(?:进行了?|作出了?|召开[^，,。；;]{0,10}?)?(?:巡察|巡视)?反馈")


#: a key of the facts above a table written alone in its cell, its value in the next one
#: ("反馈日期 | 2025年4月10日", "单位名称： | 县统计局")
_LONE_KEY = LazyPattern(r"(?P<date>" + _REPORT_DATE_KEY + r"|巡察反馈时间|反馈日期|反馈时间)|"
                        r"(?P<unit>填报单位|报送单位|单位名称|被巡察单位|被巡视单位)")


def _paired_texts(row: Sequence[Any]) -> list[str]:
    """A title row's cells as text, a key alone in its cell joined to the value in the cell after
    it ("单位名称 | 县统计局 | 反馈日期 | 2025年4月10日" → "填报单位：县统计局", "反馈日期：2025年4月10日")."""
    cells = [_text(v) for v in row if not _blank(v)]
    texts: list[str] = []
    i = 0
    while i < len(cells):
        key = cells[i].strip().rstrip(":：").strip()
        if i + 1 < len(cells) and (lone := _LONE_KEY.fullmatch(key)) is not None \
                and _LONE_KEY.fullmatch(cells[i + 1].strip().rstrip(":：").strip()) is None:
            texts.append(f"{'填报单位' if lone.group('unit') else key}：{cells[i + 1].strip()}")
            i += 2
            continue
        texts.append(cells[i])
        i += 1
    return texts


_FULL_DAY = r"(?P<date>[0-9０-９]{4}\s*[年./-]\s*[0-9０-９]{1,2}\s*[月./-]\s*[0-9０-９]{1,2}\s*[日号]?)"
#: a report date written with no key of its own: the day alone in its cell (beside the stamp line),
#: under the bare key 日期 or 时间, or the day the table was brought up to ("…台账（2025年10月31日更新）",
#: or the day alone in brackets closing the title: "…台账（2025年10月31日）")
_LONE_DAY = LazyPattern(r"(?:(?:日期|时间)\s*[:：]\s*)?" + _FULL_DAY)
_UPDATED_ON = LazyPattern(r"(?:(?P<open>[(（])\s*)?" + _FULL_DAY + r"\s*(?(open)[)）]\s*$|(?:更新|止))")


#: the month a title says the table was brought up to, with no day: "（2026年11月更新）", "更新至2026年11月",
#: "2026年11月整改进展", "…台账2026年11月进度", "2026年11月巡察整改进展月报" — not a month naming the
#: inspection or its feedback ("2026年11月份巡察整改台账", "2026年3月巡察反馈问题整改月报")
_YEAR_MONTH = r"(?P<date>[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月)"
_MONTH_UPDATED = LazyPattern(
    _YEAR_MONTH + r"份?(?![0-9０-９]|\s*[至到—–~－-])"
    r"(?:\s*[)）]?\s*更新|(?:巡[察视])?(?:整改|落实|工作)*(?:进展|进度)|(?P<between>[^，,。；;（）()]{0,16}?)月报)")
_UPDATED_TO_MONTH = LazyPattern(r"更新(?:至|到|于)\s*" + _YEAR_MONTH + r"(?!\s*[0-9０-９])")
#: the month alone in brackets closing a title that says it tells progress ("…整改进展情况（2026年11月）")
_MONTH_CLOSING = LazyPattern(r"(?:进展|进度|更新|月报)[^（(]*[（(]\s*" + _YEAR_MONTH + r"份?\s*[)）]\s*$")


def _month_updated(text: str) -> tuple[date, str] | None:
    """The last day of the month a title row says the figures were brought up to (:data:`_MONTH_UPDATED`),
    and the words saying so; ``None`` when it says none."""
    for m in (*_MONTH_UPDATED.finditer(text), *_UPDATED_TO_MONTH.finditer(text), *_MONTH_CLOSING.finditer(text)):
        if m.groupdict().get("between") and re.search(r"反馈|巡[察视]组|[0-9０-９]", m["between"]):
            continue  # "2026年3月巡察反馈问题整改月报": the month of the feedback, not the report's
        if (day := parse_date(m["date"])) is not None:
            return day, m.group(0).strip()
    return None


def _title_facts(grid: Grid, header: HeaderMap) -> tuple[dict[str, Any], dict[str, str]]:
    """单位名称, 报告日期 and 反馈日期 written in the title rows above the header, as county
    ledgers write them ("XX县自然资源局党组关于…台账", "填报单位（盖章）：…  填报日期：2026年11月20日")."""
    facts: dict[str, Any] = {}
    source: dict[str, str] = {}
    unkeyed: date | None = None  # a report date written with no key: used when no key names one
    updated: tuple[date, str] | None = None  # the month alone the title says it was brought up to
    for row in [*(_today_undated(grid, r) for r in range(min(header.first_row, len(grid.rows)))), *grid.displaced]:
        for text in _paired_texts(row):
            if unkeyed is None and (bare := _LONE_DAY.fullmatch(text.strip()) or _UPDATED_ON.search(text)):
                unkeyed = parse_date(bare.group("date"))
            if updated is None and "月" in text:
                updated = _month_updated(text)
            for m in _TITLE_DATE.finditer(text):
                day = parse_date(m.group("date"))
                attr = "feedback_date" if "反馈" in m.group("key") else "report_date"
                if day is not None and attr not in facts:
                    if attr == "feedback_date" and month_alone(m.group("date")):
                        day, facts["feedback_month_only"] = day.replace(day=1), True
                    elif attr == "report_date" and month_alone(m.group("date")):
                        facts["report_month_only"] = True  # "截至2026年11月": not after today
                    facts[attr], source[attr] = day, f"标题行“{m.group('key')}”"
            if "feedback_date" not in facts and "反馈" in text and (fb := _TITLE_FEEDBACK.search(text)):
                if (day := parse_date(fb.group("date"))) is not None:
                    if month_alone(fb.group("date")):  # "2026年6月反馈": from the month's first day
                        day, facts["feedback_month_only"] = day.replace(day=1), True
                    facts["feedback_date"], source["feedback_date"] = day, "标题行“…反馈”"
            if "inspection_start" not in facts and ("巡察" in text or "巡视" in text) \
                    and (period := _TITLE_PERIOD.search(text)) is not None \
                    and (span := parse_day_range(period.group("period"))) is not None and span[0] is not None:
                facts["inspection_start"], facts["inspection_end"] = span
                source["inspection_start"] = source["inspection_end"] = "标题行“巡察时间”"
            elif "inspection_start" not in facts and ("巡察" in text or "巡视" in text) \
                    and (told := _PROSE_PERIOD.search(text)) is not None \
                    and (span := parse_day_range(told.group("period"))) is not None and span[0] is not None:
                # "县委第三巡察组于2026年3月10日至5月10日对我局进行了巡察": the period told in a sentence
                facts["inspection_start"], facts["inspection_end"] = span
                source["inspection_start"] = source["inspection_end"] = "标题行"
                if "feedback_date" not in facts and span[1] is not None \
                        and (said := _PROSE_FEEDBACK.search(text, told.end())) is not None:
                    # "…，6月18日反馈意见": the feedback's day without its year, after the period
                    fb_month, fb_day = int(said["month"]), int(said["day"])
                    fb_year = span[1].year + ((fb_month, fb_day) < (span[1].month, span[1].day))
                    try:
                        fed_back = date(fb_year, fb_month, fb_day)
                    except ValueError:
                        fed_back = None
                    if fed_back is not None:
                        facts["feedback_date"], source["feedback_date"] = fed_back, "标题行“…反馈”"
            if "title_year" not in facts and "年" in text and _LEDGER_TITLE.search(text) \
                    and (year := _TITLE_YEAR.search(text)) is not None:
                facts["title_year"], source["title_year"] = int(year.group(1)), "标题"
            if "inspection_group" not in facts and "组" in text and (group := _TITLE_GROUP.search(text)) is not None:
                # "…落实省委第五巡视组反馈意见整改台账": who inspected (and whether it was a 巡视)
                named = (group["body"] or "") + group["group"]
                facts["inspection_group"], source["inspection_group"] = named, "标题行"
            elif "inspection_group" not in facts and (body := _TITLE_BODY_ROUND.search(text)) is not None \
                    and _LEDGER_TITLE.search(text):
                facts["inspection_group"], source["inspection_group"] = f"{body[1]}{body[2]}组", "标题行"
            unit = _FILLER_UNIT.search(text)
            if unit and "unit_name" not in facts:
                facts["unit_name"], source["unit_name"] = _STAMP_NOTE.sub("", unit.group(1)), "标题行“填报单位”"
            elif unit and "party_org" not in facts and _signs_for(filler := _STAMP_NOTE.sub("", unit.group(1)),
                                                                   facts["unit_name"]):
                # the title names 青石镇, the stamp line 中共青石镇委员会: the committee signs the notice
                facts["party_org"], source["party_org"] = filler, "标题行“填报单位”"
            elif ("unit_name" not in facts and _TITLE_UNIT.match(text) is None
                  and (bracketed := _TITLE_BRACKET_UNIT.search(text)) is not None):
                facts["unit_name"], source["unit_name"] = bracketed.group(2), "标题行"
            elif "unit_name" not in facts and _LEDGER_TITLE.search(text) and (title := _TITLE_UNIT.match(text)):
                # "中共白沙镇委员会关于…": the committee is named with 中共 (白沙镇委员会 alone is no name)
                cpc = "中共" if title.group("cpc") and (title.group(2).endswith(("委员会", "党校"))
                                                      or _LOCAL_COMMITTEE.search(title.group(2))) else ""
                facts["unit_name"], source["unit_name"] = cpc + title.group(2), "标题行"
                if (org := _TITLE_ORG.match(text, title.end(2))) is not None:
                    # "县财政局党组巡察整改台账": the Party organisation inspected, who signs the notice
                    facts["party_org"], source["party_org"] = title.group(2) + org.group(1), "标题行"
    if unkeyed is not None and "report_date" not in facts:
        facts["report_date"], source["report_date"] = unkeyed, "标题行中的日期"
    if "report_date" not in facts:
        _as_of_in_header(grid, header, facts, source)
    _foot_facts(grid, header, facts, source)
    if "report_date" not in facts and updated is not None:
        # "（2026年11月更新）", no day written above the table or under it: the figures stand at the
        # month's end (or today, within the month)
        facts["report_date"], facts["report_month_only"] = updated[0], True
        source["report_date"] = f"标题行“{updated[1]}”"
    return facts, source


#: the day the figures stand at, written in a title or a column's name ("…台账（截至11月20日）",
#: "整改落实情况（截至2026年11月20日）", "截止到11月20日进展") or after a report date's key ("填报日期：11月20日"):
#: ``when`` as :func:`as_of_day` reads it
_AS_OF_IN_HEADER = LazyPattern(r"(?:截[至止](?:到|至)?|(?:" + _REPORT_DATE_KEY + r")\s*[:：])\s*"
                               r"(?P<when>" + AS_OF_WHEN + ")")


def _as_of_in_header(grid: Grid, header: HeaderMap, facts: dict[str, Any], source: dict[str, str]) -> None:
    """The report date a title or the header states as the day the figures stand at, "截至11月20日",
    where no key names one. Written without its year, the day is the latest one not after today
    (a ledger "截至11月20日" checked on 2026年12月3日 stands at 2026年11月20日, checked in January of
    the next year still at that day)."""
    for r in range(min(header.row + 1, len(grid.rows))):
        for v in _today_undated(grid, r):
            if not isinstance(v, str) or (m := _AS_OF_IN_HEADER.search(v)) is None:
                continue
            yeared = as_of_day(m.group("when"), None)  # a day written with its year
            titled = yeared is None and isinstance(facts.get("title_year"), int)
            # "填报日期：11月20日" under "2026年…整改台账": the title's year
            found = yeared or as_of_day(f"{facts['title_year']}年{m.group('when')}" if titled else m.group("when"),
                                        None if titled else date.today())
            if found is None:
                continue
            facts["report_date"] = found
            if yeared is None and not titled:
                facts["report_date_unyeared"] = True  # (the check's own today decides the year)
            said = "标题行" if r < header.first_row else "表头"
            unyeared = "" if yeared is not None else (f"，未写年份，按标题中的年份（{found.year}年）计" if titled
                                                      else "，未写年份，按最近的这一天计")
            source["report_date"] = f"{said}“{shorten(v.strip(), 30)}”{unyeared}"
            return


#: how many rows under the last measure a form's foot may take (填报单位 | 填报日期, the stamp and its date)
_FOOT_ROWS = 8


#: a day or month in a text a formula built from today's date (2026年10月31日, 2026-10-31, 10月31日)
_BUILT_DAY = LazyPattern(r"[0-9０-９]{4}\s*[年./-]\s*[0-9０-９]{1,2}(?:\s*[月./-]\s*[0-9０-９]{1,2}\s*[日号]?|\s*月)?"
                         r"|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]")


def _today_undated(grid: Grid, r: int) -> list[Any]:
    """Row ``r`` of the sheet, the days taken out of the texts a formula builds from today's date
    (a title ="…台账（截至"&TEXT(TODAY(),"yyyy年m月d日")&"）"): the day such a text keeps is when the
    file was last computed, while Excel shows the day it is opened — the day of the check, as a
    报告日期 of =TODAY() is."""
    row = list(grid.rows[r])
    if not grid.today_text or not any(at[0] == r for at in grid.today_text):
        return row
    return [_BUILT_DAY.sub("", v) if (r, c) in grid.today_text and isinstance(v, str) else v
            for c, v in enumerate(row)]


def _foot_facts(grid: Grid, header: HeaderMap, facts: dict[str, Any], source: dict[str, str]) -> None:
    """The report date and the unit a form writes at its foot, under the table, where the title
    rows name neither: "填报单位：县林业局（盖章） | 填报日期：2026年9月28日", or the stamp's line and
    the day alone in a cell beside or under it."""
    if "report_date" in facts and "unit_name" in facts:
        return
    for row in _foot_rows(grid, header):
        for text in _paired_texts(row):
            if "report_date" not in facts:
                keyed = next((m for m in _TITLE_DATE.finditer(text) if "反馈" not in m.group("key")), None)
                lone = None if keyed is not None else _LONE_DAY.fullmatch(text.strip())  # a day alone in its cell
                if (found := keyed or lone) is not None and (day := parse_date(found.group("date"))) is not None:
                    facts["report_date"] = day
                    source["report_date"] = f"表格下方“{keyed.group('key')}”" if keyed else "表格下方的落款日期"
            if "unit_name" not in facts and (unit := _FILLER_UNIT.search(text)) is not None:
                facts["unit_name"], source["unit_name"] = _STAMP_NOTE.sub("", unit.group(1)), "表格下方“填报单位”"


def _foot_rows(grid: Grid, header: HeaderMap) -> list[list[Any]]:
    """The rows of a form's foot, under its last measure (at most :data:`_FOOT_ROWS`, blank rows
    skipped), in order."""
    measure_c = header.columns.get(F.MEASURE)
    foot: list[list[Any]] = []
    for r in range(len(grid.rows) - 1, header.row, -1):
        row = grid.rows[r]
        if all(_blank(v) for v in row):
            continue
        if len(foot) >= _FOOT_ROWS or (measure_c is not None and measure_c < len(row) and not _blank(row[measure_c])
                                       and not _footer_line(row)):
            break  # a measure's row: the table, not its foot
        foot.insert(0, _today_undated(grid, r))
    return foot


def _signs_for(filler: str, unit: str) -> bool:
    """The 填报单位 ``filler`` is the Party organisation of the ``unit`` a title names (中共青石镇委员会
    of 青石镇, 县财政局党组 of 县财政局) — not a government commission, nor the League's committee."""
    return (filler != unit and unit in filler and _PARTY_ORG.search(filler) is not None
            and (filler.startswith("中共") or not filler.endswith("委员会"))
            and not _GOVERNMENT_COMMISSION.search(filler) and not filler.startswith("共青团"))


#: the name Excel, WPS or LibreOffice gives a column of a Table (插入表格) left without one ("列1",
#: "Column2", "列 3"), or pandas an unnamed one ("Unnamed: 9"): no word of the office's
_AUTO_NAMED = LazyPattern(r"^(?:列|column|字段|field|unnamed:?)\s*_?\d{1,3}$", re.IGNORECASE)


def _auto_named_empty(grid: Grid, c: int, text: str, start: int) -> bool:
    """Column ``c`` is headed only by the name a Table gives it and holds nothing below: an empty
    column the Table took in, not a column the office named (nothing to tell it of)."""
    return (_AUTO_NAMED.match(text.strip()) is not None
            and all(c >= len(row) or _blank(row[c]) for row in grid.rows[start:]))


def _column_facts(grid: Grid, header: HeaderMap) -> dict[str, str]:
    """What a column the ledger repeats on every row says of the round: a 被巡察单位 or 巡察组
    column holding one value throughout (a system's export) names the unit or the group."""
    found: dict[str, str] = {}
    for c, text in header.unknown.items():
        attr = INFO_KEYS.get(F.header_key(text))
        if attr not in ("unit_name", "inspection_group"):
            continue
        values = {_text(row[c]) for row in grid.rows[header.data_start:] if c < len(row) and not _blank(row[c])}
        if len(values) == 1:
            found[attr] = values.pop()
    return found


#: the year a deadline column's name gives ("整改时限（2026年）", "2026年完成时限", "完成时限(2026)"): a
#: year alone, not a day ("截至2026年11月20日" names the as-of date)
_COLUMN_YEAR = LazyPattern(r"(?<!\d)(20\d{2})\s*年?(?!\s*\d|\s*年?\s*\d{1,2}\s*[月.\-/])(?:度)?")


def _deadline_column_year(grid: Grid, header: HeaderMap) -> tuple[int, str] | None:
    """The year the 整改时限 column's name gives its deadlines ("整改时限（2026年）"), with the name."""
    c = header.columns.get(F.DEADLINE)
    if c is None:
        return None
    for r in range(header.first_row, header.row + 1):
        text = _text(grid.rows[r][c]) if c < len(grid.rows[r]) and not _blank(grid.rows[r][c]) else ""
        if text and (years := {m.group(1) for m in _COLUMN_YEAR.finditer(text)}) and len(years) == 1:
            return int(years.pop()), text.strip()
    return None


def _round_word(grid: Grid, header: HeaderMap) -> str | None:
    """"巡视" or "巡察" as the ledger names its round: its title rows, its header, its sheet's
    name ("巡视整改台账", "巡视反馈问题"); ``None`` when it names neither, or both."""
    texts = [grid.name, *(_text(v) for row in [*grid.rows[:header.row + 1], *grid.displaced]
                          for v in row if not _blank(v))]
    said = {w for t in texts for w in ("巡视", "巡察") if w in t}
    return said.pop() if len(said) == 1 else None


#: a 回头看 named as the round: above the header anywhere (the title "…巡察整改“回头看”发现问题整改台账"),
#: in a header cell only as whose problems a column holds ("回头看发现问题"; a column "回头看情况" is
#: the unit's own check of its work, in any ledger)
_SECOND_LOOK_PROBLEMS = re.compile(r"回头看[”\"]?(?:发现|反馈|指出)的?问题")


def _second_look(grid: Grid, header: HeaderMap) -> bool:
    """The ledger names its round a 回头看: its sheet's name or a title row above the header, or a
    header cell naming the problems it found."""
    above = [grid.name, *(_text(v) for row in [*grid.rows[:header.row], *grid.displaced]
                          for v in row if not _blank(v))]
    if any("回头看" in fold(t) for t in above):
        return True
    return any(_SECOND_LOOK_PROBLEMS.search(fold(_text(v))) for v in grid.rows[header.row] if not _blank(v))


def ledger_from_grids(grids: Sequence[Grid], column_map: Iterable[str | tuple[str, str]] = ()) -> Ledger:
    """Build a ledger from a workbook's sheets: every ledger sheet in order (the hierarchy runs on
    from one to the next), 基本信息, 责任单位名录 and 列名对照. ``column_map`` adds to 列名对照."""
    by_name = {g.name.strip(): g for g in grids}
    pairs = [*(_read_column_map(by_name[COLUMN_MAP_SHEET]) if COLUMN_MAP_SHEET in by_name else []), *column_map]
    mapping = parse_column_map(pairs)
    info_grid = next((by_name[n] for n in (INFO_SHEET, *_INFO_SHEET_NAMES) if n in by_name), None)
    info = _read_info(info_grid) if info_grid is not None else LedgerInfo()
    if info_grid is None and (notes := next((by_name[n] for n in _NOTE_SHEET_NAMES if n in by_name), None)):
        info = _read_info(notes, notes=True)  # a 说明 sheet's 基本信息 among its 填报要求
    directory = _read_directory(by_name[DIRECTORY_SHEET]) if DIRECTORY_SHEET in by_name else None
    picked, hidden = _pick_ledgers(grids, mapping)
    picked = _without_evidence_lists(_without_examples(picked))
    picked, issue_list = _issue_lists(_issue_codes_from_task_codes(grids, picked, mapping))
    picked = _joined_duty_lists(grids, picked, mapping)
    picked, parts = _parts_of_whole(picked)
    picked, set_aside, set_aside_why = _latest_copies(picked)
    picked, self_check = _feedback_sheets(picked)
    facts, source = _title_facts(*picked[0])
    if isinstance(group := facts.get("inspection_group"), str) and len(picked) > 1:
        # a sheet per inspection group ("县委第一巡察组反馈…" | "县委第二巡察组反馈…"): every group fed
        # back the problems, not only the first sheet's
        groups = [group, *(g for grid_header in picked[1:]
                           if isinstance(g := _title_facts(*grid_header)[0].get("inspection_group"), str))]
        facts["inspection_group"] = _groups_named(groups)
    for attr, value in _column_facts(*picked[0]).items():
        if attr not in facts:
            facts[attr], source[attr] = value, "表中各行相同的一列"
    if (said := _deadline_column_year(*picked[0])) is not None:
        facts["deadline_year"], source["deadline_year"] = said[0], f"表头“{said[1]}”"
    if (word := _round_word(*picked[0])) is not None:
        facts["round_word"] = word
    titled = facts.get("unit_name")
    month_only = facts.pop("feedback_month_only", False)
    unyeared = facts.pop("report_date_unyeared", False)
    month_said = facts.pop("report_month_only", False)
    facts = {k: v for k, v in facts.items() if getattr(info, k) is None}
    if _second_look(*picked[0]):
        facts["second_look_named"] = True
    if month_only and "feedback_date" in facts:
        facts["feedback_month_only"] = True
    if unyeared and "report_date" in facts:
        facts["report_date_unyeared"] = True
    if month_said and "report_date" in facts:
        facts["report_month_only"] = True
    if info.party_org is None and "party_org" not in facts and isinstance(titled, str) and info.unit_name \
            and _signs_for(titled, info.unit_name.strip()):
        # 基本信息 names 白沙镇, the title 中共白沙镇委员会: the committee signs the notice
        facts["party_org"], source["party_org"] = titled, source["unit_name"]
    if facts:
        info = replace(info, **facts)
    if info.party_org is None and info.unit_name and _PARTY_ORG.search(unit := info.unit_name.strip()) \
            and not _GOVERNMENT_COMMISSION.search(unit) and not unit.startswith("共青团"):
        # 单位名称 "县财政局党组" signs too; "柳塘镇委员会" is the 中共 committee ("共青团…委员会"
        # is the League's, no Party committee)
        signs = unit if unit.startswith("中共") or not unit.endswith("委员会") else f"中共{unit}"
        info = replace(info, party_org=signs)
    first, header = picked[0]
    ledger = Ledger(
        info=info,
        info_source={k: v for k, v in source.items() if k in facts},
        sheet=first.name,
        header_row=header.row + 1,
        columns={f: col_letter(c) for f, c in header.columns.items()},
        duplicate_columns={f: [col_letter(c) for c in cs] for f, cs in header.duplicates.items()},
        owner_units=directory,
        set_aside=set_aside,
        set_aside_why=set_aside_why,
        parts_set_aside=parts,
        self_check=self_check,
        hidden_unread=hidden,
        very_hidden=frozenset(g.name for g in grids if g.very_hidden and g.name in hidden),
        unused_column_map=_unused_mapping(mapping, [h for _, h in picked]),
        info_uncomputed=_uncomputed_info(info_grid) if info_grid is not None else {},
        columns_elsewhere=_columns_elsewhere(grids, [g for g, _ in picked], mapping),
        stray_cells=[(g.name, ref, text) for g in grids for ref, text in g.strays],
    )
    previous: _Builder | None = None
    units = _sheet_units(picked)
    # sheets each named by a field alone ("政治建设" | "党风廉政建设"): one sheet per aspect
    # — or named alike, some by a field the words know ("党的领导" | "全面从严治党" | "民生保障"), none by a unit
    # (numbered or not: "1.党的领导" | "2.全面从严治党" | "3.民生保障", "（一）…" | "（二）…")
    names = [_sheet_label(grid.name) for grid, _ in picked]
    by_field = len(picked) > 1 and (all(names_a_field(grid.name.strip()) for grid, _ in picked) or (
        not units and names_fields_alike(names) and not any(_UNIT_SHEET_NAME.fullmatch(name) for name in names)))
    for grid, header in picked:
        grid = _without_example_rows(_without_header_repeats(grid, header), header)
        grid = _labels_as_numbers(_outline_as_issue_numbers(grid, header), header)
        previous = _Builder(grid, header, ledger, previous, issue_list)
        if len(picked) > 1 and (aspect := _sheet_aspect(grid, header, by_field)) is not None:
            previous.start_aspect(aspect)  # one sheet per aspect, named above its header
        elif len(picked) == 1 and (aspect := _aspect_over_header(grid, header)) is not None:
            previous.start_aspect(aspect)  # one table per aspect on one sheet: the first's heading
        if (category := _category_over_header(grid, header, len(picked) > 1)) is not None:
            previous.start_category(category)  # "（一）…方面" above a Word table's header row
        if (issue := _issue_over_header(grid, header)) is not None:
            previous.start_issue(*issue)  # a sheet per issue: "问题1：…" over its measures' table
        if units:
            previous.owned_by(units[grid.name])
        previous.build()
    if issue_list:
        _issues_without_tasks(ledger, issue_list)
    _categories_as_aspects(ledger)
    _without_hidden_copies(ledger, {g.name: g.hidden_rows for g, _ in picked if g.hidden_rows})
    return ledger


def _without_hidden_copies(ledger: Ledger, hidden: Mapping[str, frozenset[int]]) -> None:
    """Drop the measure rows a clerk kept hidden as an old copy of a visible row: the same measure
    (and unit) under the same issue, the row hidden and the other shown. The visible row is the
    one kept up to date; the hidden one, still 未启动 there, is no second measure to count."""
    if not hidden:
        return
    for issue in ledger.issues():
        if len(issue.measures) < 2:
            continue
        hid = [m for m in issue.measures if m.row - 1 in hidden.get(m.sheet, ())]
        if not hid:
            continue
        shown = {("".join(m.text.split()), "".join(m.owner_unit.split()))
                 for m in issue.measures if m.row - 1 not in hidden.get(m.sheet, ())}
        drop = {id(m) for m in hid if ("".join(m.text.split()), "".join(m.owner_unit.split())) in shown}
        if drop:
            issue.measures[:] = [m for m in issue.measures if id(m) not in drop]


def _categories_as_aspects(ledger: Ledger) -> None:
    """A ledger heading its issues only by "（一）关于政治建设方面", "（二）作风建设方面存在的问题" —
    each a 方面, nothing above them — groups them by aspects, as seed 004's notice does: the
    headings are the aspects, not categories of one unnamed aspect."""
    if len(ledger.aspects) != 1 or (only := ledger.aspects[0]).title or only.number is not None:
        return
    categories = only.categories
    if len(categories) < 2 or not all(c.title and _UNNUMBERED_ASPECT.fullmatch(c.title) for c in categories):
        return
    ledger.aspects = [Aspect(title=c.title, number=c.number, categories=[Category(issues=c.issues, note=c.note)])
                      for c in categories]


def _issues_without_tasks(ledger: Ledger, issue_list: Mapping[str, _ListedIssue]) -> None:
    """The issues of a 问题清单 that no task of the 任务清单 names: issues all the same, with no
    measure (an issue fed back and never given a task is what an auditor looks for). Each goes
    beside the listed issue before it, or the one after it, of its own aspect and category."""
    placed = {(i.sheet, i.row): (a, c, i) for a in ledger.aspects for c in a.categories for i in c.issues}
    listed = list(issue_list.values())
    for n, one in enumerate(listed):
        if (one.sheet, one.row) in placed:
            continue
        group = (one.aspect, one.category)
        issue = Issue(title=one.title, number=one.number, sheet=one.sheet, row=one.row, cells={F.ISSUE: one.cell})
        before = next((o for o in reversed(listed[:n]) if (o.sheet, o.row) in placed), None)
        after = next((o for o in listed[n + 1:] if (o.sheet, o.row) in placed), None)
        if before is not None and ((before.aspect, before.category) == group or after is None
                                   or (after.aspect, after.category) != group):
            aspect, category, neighbour = placed[(before.sheet, before.row)]
            if one.aspect and one.aspect != before.aspect:
                # an aspect none of whose issues has a task: its own, after the one before
                number, title = split_aspect_label(one.aspect)
                aspect_new = Aspect(title=title or None, number=number, categories=[Category()])
                ledger.aspects.insert(ledger.aspects.index(aspect) + 1, aspect_new)
                aspect, category = aspect_new, aspect_new.categories[0]
                category.issues.append(issue)
            else:
                category.issues.insert(category.issues.index(neighbour) + 1, issue)
        elif after is not None:
            aspect, category, neighbour = placed[(after.sheet, after.row)]
            category.issues.insert(category.issues.index(neighbour), issue)
        else:
            if not ledger.aspects:
                ledger.aspects.append(Aspect(title=None))
            aspect = ledger.aspects[0]
            if not aspect.categories:
                aspect.categories.append(Category())
            category = aspect.categories[0]
            category.issues.insert(0, issue)
        placed[(one.sheet, one.row)] = (aspect, category, issue)


#: a sheet named as a unit is named ("办公室", "财务股", "县委办", "城关镇", "第一中学"), and nothing more
_UNIT_SHEET_NAME = LazyPattern(
    r"[\u4e00-\u9fff]{1,16}(?:室|股|科|处|局|办|中心|所|队|站|委|部|院|校|学|馆|社区|村|镇|乡|街道|公司|支部|党委|党组)")
#: words of a sheet's name that say what it holds, not whose it is
_NOT_A_UNIT_SHEET = LazyPattern(
    r"台账|问题|方面|清单|汇总|统计|说明|信息|整改|巡察|巡视|目录|对照|附件|填表|模板|示例|样表|名录")


def _sheet_units(picked: list[tuple[Grid, HeaderMap]]) -> dict[str, str]:
    """Sheet name → the unit it names, when the ledger is a sheet per unit: two sheets or more,
    none with a 责任单位 column, each named as a unit (办公室 | 财务股 | 人事股, or 办公室台账 |
    财务股整改台账), no two alike — every measure of a sheet is then that unit's. Else empty."""
    if len(picked) < 2 or any(F.OWNER_UNIT in header.columns for _, header in picked):
        return {}
    names = [_LEDGER_SUFFIX.sub("", grid.name.strip()) for grid, _ in picked]
    if len(set(names)) < len(names) or not all(
            _UNIT_SHEET_NAME.fullmatch(name) and not _NOT_A_UNIT_SHEET.search(name) for name in names):
        return {}
    return {grid.name: name for (grid, _), name in zip(picked, names, strict=True)}


#: what a sheet named by its unit may add after the unit's name ("财务股台账", "办公室整改台账")
_LEDGER_SUFFIX = LazyPattern(r"(?:巡察)?(?:整改)?(?:台账|任务清单|清单)$")


#: what a table's title says after the aspect it is about ("…方面问题整改落实台账", "…方面整改清单")
_TABLE_TITLE_TAIL = LazyPattern(r"(?<=方面)(?:存在的?)?(?:问题)?(?:巡察)?(?:反馈)?(?:问题)?(?:整改)?(?:落实)?(?:情况)?"
                               r"(?:台账|任务清单|清单|明细表|一览表|统计表|表)$")
_TABLE_TITLE_ENDS = ("台账", "清单", "表")


#: how far below a heading merged across the table its first row is looked for
_LOOK_BELOW = 50
#: a category's number: "（一）…", "(2)…"
_CATEGORY_LABEL = re.compile(r"^\s*[(（][一二三四五六七八九十\d]+[)）]")
#: how an aspect heading's number begins (一、 第一方面 Ⅰ、): a cheap test before :func:`_aspect_heading`
_ASPECT_NUMERAL_FIRST = frozenset("一二三四五六七八九十第ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")
#: an issue's own number opening a text: "1.", "2、", "问题3："
_ISSUE_NUMBER_FIRST = LazyPattern(r"^\s*(?:\d{1,3}\s*[、.．](?![\d.．])|问题\s*\d{1,3}\s*[:：、.．])")
#: an aspect's name without a number, alone on its row: "…方面", "…方面问题", "…方面存在的问题"
_UNNUMBERED_ASPECT = LazyPattern(r"[\u4e00-\u9fff“”、（）()]{2,30}方面(?:问题|存在的问题|的问题)?[:：]?")
_ASPECT_LABEL = re.compile(r"^\s*(?:第[一二三四五六七八九十\d]+(?:方面|部分)|[一二三四五六七八九十]+[、.．]"
                           r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]\s*[、.．]?)")
#: a number that heads an aspect only before an aspect's name ("1、政治建设方面", "一是作风建设方面"):
#: before anything else it numbers an issue or a measure
_FIELD_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[、.．](?![\d.．])|[一二三四五六七八九十]+是(?![否非])\s*[,，、:：]?)\s*")


def _aspect_heading(text: str) -> bool:
    """Does ``text`` open with an aspect's number — 第一方面, 第一部分, 一、, Ⅰ、 — or number an
    aspect's name as some offices do ("1、政治建设方面", "2.作风建设方面存在的问题", "一是党的建设")?"""
    if _ASPECT_LABEL.match(text):
        return True
    if (m := _FIELD_NUMBER.match(text)) is None:
        return False
    rest = text[m.end():].strip()
    return bool(_UNNUMBERED_ASPECT.fullmatch(rest)) or names_a_field(rest)


#: (the readers of other layouts — a Word ledger's headings between its tables — ask it too)
aspect_heading = _aspect_heading
#: a sheet of the problems a unit found itself, beside the inspection's feedback
_SELF_CHECK = LazyPattern(r"自查|自纠|举一反三")


def _columns_elsewhere(grids: Sequence[Grid], read: list[Grid], mapping: dict[str, str]
                       ) -> dict[str, tuple[str, str]]:
    """Field → (sheet, header text) of the required columns a sheet not read as the ledger names
    in its first rows (a 责任清单 beside the 任务清单): the clerk is told where the column is."""
    found: dict[str, tuple[str, str]] = {}
    for grid in grids:
        name = grid.name.strip()
        if grid in read or grid.hidden or name in (INFO_SHEET, DIRECTORY_SHEET, COLUMN_MAP_SHEET) \
                or is_rectxl_sheet(name):
            continue
        for row in grid.rows[:HEADER_SCAN_ROWS]:
            named = _row_fields(row, mapping)
            if len(set(named.values())) < 2:
                continue  # a header names two columns at least (not a note "整改状态填写：…")
            if F.ISSUE in named.values() or F.MEASURE in named.values():
                break  # a ledger's own sheet (a copy, a template, a self-check): none of its columns
            for c, f in named.items():
                if f in F.REQUIRED_FIELDS and f not in found:
                    found[f] = (grid.name, _text(row[c]))
    return found


def _unused_mapping(mapping: dict[str, str], headers: list[HeaderMap]) -> list[str]:
    """The header words of ``mapping`` no ledger sheet's header has (a typo in --column)."""
    used = {F.header_key(text) for h in headers for text in h.mapped}
    return [key for key in mapping if key not in used]


@dataclass(frozen=True)
class _ListedIssue:
    """An issue of a separate 问题清单 sheet, by its code ("W-01"): its text and where it is."""

    title: str
    number: int
    sheet: str
    row: int  # 1-based
    cell: str
    #: the aspect and the category the list files it under (its 方面 | 问题类别 columns), if any
    aspect: str = ""
    category: str = ""


def _issue_lists(picked: list[tuple[Grid, HeaderMap]]
                 ) -> tuple[list[tuple[Grid, HeaderMap]], dict[str, _ListedIssue]]:
    """A 问题清单 kept apart from its 任务清单 (an enterprise's 三张清单: 编号 | 问题 on one sheet,
    编号 | 问题编号 | 整改任务 | … on another): the task sheets are the ledger, each task under the
    issue its 问题编号 names; the issue list is read for the issues' texts, not as a ledger sheet
    (it has no measures). Returns the sheets to read and the issues by code; nothing changes
    unless both kinds are there."""
    def is_list(h: HeaderMap) -> bool:
        return F.ISSUE in h.columns and F.MEASURE not in h.columns and (
            F.ROW_NO in h.columns or F.ISSUE_NO in h.columns)

    def is_tasks(h: HeaderMap) -> bool:
        return F.MEASURE in h.columns and F.ISSUE_NO in h.columns and F.ISSUE not in h.columns

    lists = [(g, h) for g, h in picked if is_list(h)]
    if not lists or not any(is_tasks(h) for _, h in picked):
        return picked, {}
    found: dict[str, _ListedIssue] = {}
    for grid, header in lists:
        code_c = header.columns.get(F.ISSUE_NO, header.columns.get(F.ROW_NO))
        issue_c = header.columns[F.ISSUE]
        filled = _Filled(grid, header.data_start, [header.columns[f] for f in (F.ASPECT, F.CATEGORY)
                                                   if f in header.columns])
        # 方面 | 问题类别 written once over their issues (merged down, or left blank below)
        groups = {f: filled.column(header.columns[f]) for f in (F.ASPECT, F.CATEGORY) if f in header.columns}
        carried = dict.fromkeys(groups, "")
        for r in range(header.data_start, len(grid.rows)):
            row = grid.rows[r]
            for f, values in groups.items():
                if text := _text(values[r]) if r < len(values) else "":
                    carried[f] = text
            code = _text(row[code_c]) if code_c is not None and code_c < len(row) else ""
            title = _text(row[issue_c]) if issue_c < len(row) else ""
            if code and title and code not in found:
                found[code] = _ListedIssue(title, len(found) + 1, grid.name, r + 1, f"{col_letter(issue_c)}{r + 1}",
                                           carried.get(F.ASPECT, ""), carried.get(F.CATEGORY, ""))
    if not found:
        return picked, {}
    return [(g, h) for g, h in picked if not is_list(h)], found


#: who answers for a task: the columns a 责任清单 kept apart from its 任务清单 may give
_DUTY_FIELDS = (F.LEAD, F.OWNER_UNIT, F.OWNER_PERSON)


def _joined_duty_lists(grids: Sequence[Grid], picked: list[tuple[Grid, HeaderMap]], mapping: dict[str, str]
                       ) -> list[tuple[Grid, HeaderMap]]:
    """An enterprise's 责任清单 kept on a sheet of its own (任务编号 | 责任领导 | 责任部门 | 责任人),
    beside the 任务清单 that lists the tasks by the same codes: the task sheet is read with those
    columns joined to it by code (written after its last column), where it has none of its own.
    Nothing changes unless most of the task sheet's codes are on the other sheet."""
    read = {id(g) for g, _ in picked}
    duties = [(g.name, *d) for g in grids if id(g) not in read and not g.hidden and _plain_sheet(g)
              and (d := _duty_list(g, mapping)) is not None]
    if not duties:
        return picked
    joined: list[tuple[Grid, HeaderMap]] = []
    for grid, header in picked:
        code_c = header.columns.get(F.ROW_NO)
        lacking = [f for f in _DUTY_FIELDS if f not in header.columns]
        if F.MEASURE not in header.columns or code_c is None or not lacking:
            joined.append((grid, header))
            continue
        codes = [_code(grid.value(r, code_c)) for r in range(header.data_start, len(grid.rows))]
        codes = [c for c in codes if c]
        for name, heads, by_code in duties:
            fields = [f for f in lacking if f in heads]
            if not fields or not codes or 2 * sum(c in by_code for c in codes) < len(codes):
                continue
            added = [(heads[f], [by_code.get(_code(grid.value(r, code_c)), {}).get(f)
                                 for r in range(header.data_start, len(grid.rows))]) for f in fields]
            wider, header = _with_columns(grid, header, added, fields, mapping)
            if wider is not grid:
                # a task the 责任清单 does not list is to be added there, not filled in here
                tasks = {r: c for r in range(header.data_start, len(grid.rows)) if (c := _code(grid.value(r, code_c)))}
                grid = replace(wider, duties_from=name, task_codes=tasks,
                               unlisted_tasks=frozenset(r for r, c in tasks.items() if c not in by_code))
            break
        joined.append((grid, header))
    return joined


def _with_columns(grid: Grid, header: HeaderMap, added: list[tuple[str, list[Any]]], fields: list[str],
                  mapping: dict[str, str]) -> tuple[Grid, HeaderMap]:
    """``grid`` with columns written after its last one (each a header text and a value per data
    row) and its header found again — or ``grid`` as it was when the header does not then name
    ``fields``."""
    width = max((len(row) for row in grid.rows), default=0)
    rows = [list(row) + [None] * (width - len(row)) for row in grid.rows]
    for text, values in added:
        rows[header.row].append(text)
        for r, value in zip(range(header.data_start, len(rows)), values, strict=False):
            rows[r].append(value)
    wider = replace(grid, rows=rows, joined_cols=grid.joined_cols | frozenset(range(width, width + len(added))))
    if (again := find_header(wider, mapping)) is not None and all(f in again.columns for f in fields):
        return wider, again
    return grid, header


#: a task's code naming its issue's before it ("1-2", "W1-2", "2.1"): the issue's code
_TASK_OF_ISSUE = LazyPattern(r"^(.+?)\s*[-－—.．_]\s*\d{1,3}$")


def _issue_codes_from_task_codes(grids: Sequence[Grid], picked: list[tuple[Grid, HeaderMap]],
                                 mapping: dict[str, str]) -> list[tuple[Grid, HeaderMap]]:
    """A 任务清单 beside a 问题清单 the header search passed over (序号 | 问题: a number and the
    problem, no second column to tell it by), and a 任务清单 with no 问题编号 column whose 任务编号
    begin with the issue's number ("1-1", "1-2", "2-1"): the issue list is read as one, and each
    task's issue code is read from its own code (written as a 问题编号 column after the last one),
    so that :func:`_issue_lists` puts every task under its issue. Nothing changes unless most
    tasks' codes begin with a listed issue's."""
    read = {id(g) for g, _ in picked}
    more = [(g, h) for g in grids if id(g) not in read and not g.hidden and _plain_sheet(g)
            and (h := _bare_issue_list(g, mapping)) is not None]
    listed: set[str] = set()
    for grid, header in [*picked, *more]:
        code_c = header.columns.get(F.ISSUE_NO, header.columns.get(F.ROW_NO))
        if F.ISSUE in header.columns and F.MEASURE not in header.columns and code_c is not None:
            listed.update(c for r in range(header.data_start, len(grid.rows)) if (c := _code(grid.value(r, code_c))))
    if not listed:
        return picked
    out: list[tuple[Grid, HeaderMap]] = []
    tasks = False
    for grid, header in picked:
        code_c = header.columns.get(F.ROW_NO)
        if F.MEASURE in header.columns and code_c is not None and not (
                {F.ISSUE, F.ISSUE_NO} & header.columns.keys()):
            issues = [(m.group(1) if (m := _TASK_OF_ISSUE.match(_code(grid.value(r, code_c)))) else None)
                      for r in range(header.data_start, len(grid.rows))]
            coded = [c for c in issues if c is not None]
            if coded and 2 * sum(c in listed for c in coded) >= len(coded):
                grid, header = _with_columns(grid, header, [("问题编号", list(issues))], [F.ISSUE_NO], mapping)
        tasks = tasks or (F.MEASURE in header.columns and F.ISSUE_NO in header.columns
                          and F.ISSUE not in header.columns)
        out.append((grid, header))
    return [*more, *out] if tasks and more else out


def _bare_issue_list(grid: Grid, mapping: dict[str, str]) -> HeaderMap | None:
    """The header of a 问题清单 of a number and the problem alone (序号 | 问题)."""
    for r, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
        named = _row_fields(row, mapping)
        fields = set(named.values())
        if F.ISSUE in fields and fields & {F.ROW_NO, F.ISSUE_NO} and F.MEASURE not in fields:
            columns = {f: c for c, f in reversed(named.items())}
            return HeaderMap(row=r, first_row=r, columns=columns)
    return None


def _plain_sheet(grid: Grid) -> bool:
    name = grid.name.strip()
    return name not in (INFO_SHEET, DIRECTORY_SHEET, COLUMN_MAP_SHEET) and not is_rectxl_sheet(name)


def _code(v: Any) -> str:
    return "" if _blank(v) else _WS_ANY.sub("", _text(v))


_WS_ANY = LazyPattern(r"\s+")


def _duty_list(grid: Grid, mapping: dict[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]] | None:
    """A 责任清单: a header naming a code (任务编号, 序号) and who answers (责任领导, 责任部门, 责任人),
    and neither a problem nor a measure. Returns the header text of each duty field and, by code,
    each row's values (several rows of one code: their values listed with 、)."""
    for r, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
        named = _row_fields(row, mapping)
        fields = set(named.values())
        if F.ISSUE in fields or F.MEASURE in fields:
            return None
        if F.ROW_NO not in fields or not fields & set(_DUTY_FIELDS):
            continue
        code_c = next(c for c, f in named.items() if f == F.ROW_NO)
        columns = {f: c for c, f in reversed(named.items()) if f in _DUTY_FIELDS}
        heads = {f: _text(row[c]) for f, c in columns.items()}
        by_code: dict[str, dict[str, str]] = {}
        for data in grid.rows[r + 1:]:
            code = _code(data[code_c]) if code_c < len(data) else ""
            if not code:
                continue
            entry = by_code.setdefault(code, {})
            for f, c in columns.items():
                value = _text(data[c]) if c < len(data) and not _blank(data[c]) else ""
                if value and value not in entry.get(f, "").split("、"):
                    entry[f] = f"{entry[f]}、{value}" if entry.get(f) else value
        return (heads, by_code) if by_code else None
    return None


#: a sheet showing how to fill the ledger in ("填表示例（请勿在此表填写）", "样表", "模板")
_EXAMPLE_SHEET = LazyPattern(r"示例|样例|范例|样表|模板|模版|填表说明|填报说明|例表")


def _without_examples(picked: list[tuple[Grid, HeaderMap]]) -> list[tuple[Grid, HeaderMap]]:
    """The ledger sheets without those that only show how to fill one in (named 填表示例, 样表 …):
    their example rows are nobody's measures. Every sheet when all are named so."""
    kept = [(g, h) for g, h in picked if not _EXAMPLE_SHEET.search(g.name)]
    return kept or picked


#: the columns a ledger keeps its work in: who does it, by when, how far it got
_WORK_FIELDS = (F.OWNER_UNIT, F.LEAD, F.OWNER_PERSON, F.DEADLINE, F.STATUS, F.PROGRESS, F.COMPLETED)


def _groups_named(groups: list[str]) -> str:
    """The inspection groups of a ledger's sheets, each once, as a notice names them: "县委第一巡察组、
    第二巡察组" (what the later names share with the first before 第 written once)."""
    unique = list(dict.fromkeys(g.strip() for g in groups if g.strip()))
    if len(unique) < 2:
        return unique[0] if unique else ""
    first = unique[0]
    head = first[:first.find("第")] if "第" in first else ""
    return "、".join([first, *(g[len(head):] if head and g.startswith(head + "第") else g for g in unique[1:])])


def _without_evidence_lists(picked: list[tuple[Grid, HeaderMap]]) -> list[tuple[Grid, HeaderMap]]:
    """The ledger sheets without the list of evidence kept beside them (佐证材料清单: 序号 | 对应问题 |
    整改措施 | 佐证材料名称 | 页码): a sheet naming the evidence and none of the work's columns — no
    owner, deadline, status or progress — when another sheet has them. It repeats the ledger's
    measures to file their evidence, and is neither a second ledger nor an older copy of it."""
    def evidence_only(header: HeaderMap) -> bool:
        return F.EVIDENCE in header.columns and not any(f in header.columns for f in _WORK_FIELDS)

    kept = [(g, h) for g, h in picked if not evidence_only(h)]
    return kept if kept and len(kept) < len(picked) else picked


def _feedback_sheets(picked: list[tuple[Grid, HeaderMap]]
                     ) -> tuple[list[tuple[Grid, HeaderMap]], list[str]]:
    """The sheets of the inspection's feedback, and the names of the 自查问题 sheets beside them
    (named so, or titled so above their header); every sheet when all are self-check sheets."""
    def self_check(grid: Grid, header: HeaderMap) -> bool:
        titles = " ".join(_text(v) for row in grid.rows[:header.first_row] for v in row if not _blank(v))
        return bool(_SELF_CHECK.search(grid.name) or _SELF_CHECK.search(titles))

    apart = [k for k, (g, h) in enumerate(picked) if self_check(g, h)]
    if not apart or len(apart) == len(picked):
        return picked, []
    return [p for k, p in enumerate(picked) if k not in apart], [picked[k][0].name for k in apart]


def _aspect_over_header(grid: Grid, header: HeaderMap) -> str | None:
    """The aspect a sheet's first table is about, named alone on a row above its header
    ("一、政治建设方面", "一、政治建设方面问题整改台账") — when the rows below name further aspects
    the same way (a table per aspect, one under the other). ``None`` otherwise."""
    above = next((t[0] for row in grid.rows[:header.first_row]
                  if len(t := [_text(v) for v in row if not _blank(v)]) == 1
                  and _aspect_heading(t[0]) and not _NOTE_HEAD.match(t[0])), None)
    if above is None:
        return None
    for row in grid.rows[header.data_start:]:
        texts = [_text(v) for v in row if not _blank(v)]
        if len(texts) == 1 and _aspect_heading(texts[0]) and not _NOTE_HEAD.match(texts[0]):
            return above
    return None


def _category_over_header(grid: Grid, header: HeaderMap, several: bool) -> str | None:
    """The category ("（一）理论学习方面") a table's rows are about, written alone on the line or row
    nearest above its header — a table of its own among ``several`` (a Word ledger's table per
    category, each under its heading), or one whose rows below head further categories alike.
    ``None`` otherwise (a note "（一）填表说明", a title)."""
    heading = None
    for row in [*grid.displaced, *grid.rows[:header.first_row]]:
        texts = [_text(v) for v in row if not _blank(v)]
        if len(texts) != 1:
            continue
        text = texts[0]
        labelled = _CATEGORY_LABEL.match(text) is not None and not _NOTE_HEAD.match(text) and len(text) <= 60
        heading = text if labelled and split_category_label(text)[1] and not _aspect_heading(text) else None
    if heading is None or several:
        return heading
    for row in grid.rows[header.data_start:]:
        texts = [_text(v) for v in row if not _blank(v)]
        if len(texts) == 1 and _CATEGORY_LABEL.match(texts[0]) and not _NOTE_HEAD.match(texts[0]):
            return heading
    return None


def _issue_over_header(grid: Grid, header: HeaderMap) -> tuple[int | None, int, str] | None:
    """(row, column, text) of the issue a table with no 问题 column is about, written alone and
    labelled as an issue ("问题1：学习贯彻不深入", "【问题2】…") on the row nearest above its header —
    a sheet per issue, its measures in the table; the row is ``None`` for a line written above a
    Word table. ``None`` when the table has its own 问题 column, or nothing above says an issue."""
    if F.ISSUE in header.columns:
        return None
    found = None
    lines = [(None, row) for row in grid.displaced] + [(r, grid.rows[r]) for r in range(header.first_row)]
    for r, row in lines:
        cells = [(c, _text(v)) for c, v in enumerate(row) if not _blank(v)]
        if len(cells) != 1:
            continue
        c, text = cells[0]
        m = _ISSUE_ROW.match(text)
        labelled = m is not None and text.lstrip().startswith("问题") and m.end() < len(text)
        found = (r, c, text) if labelled or _BRACKETED_ISSUE.match(text) else None
    return found


#: an issue labelled in brackets: "【问题2】…"
_BRACKETED_ISSUE = LazyPattern(r"^\s*[【\[]\s*问题\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[】\]]\s*\S")


def _sheet_aspect(grid: Grid, header: HeaderMap, by_field: bool = False) -> str | None:
    """The aspect a sheet of a ledger kept one sheet per aspect is about: a row above the header
    that is only a numbered aspect ("一、…方面", "第二方面：…"), else the sheet's own name when
    it is one ("第三方面", "一、政治建设", or "政治建设" when every sheet read is named by a field
    alone: ``by_field``); None for a sheet that names none."""
    # the rows above the header, and the lines written above a Word table ("一、…方面", then the table)
    above = [*grid.displaced, *grid.rows[:header.first_row]]
    for row in above:
        texts = [_text(v) for v in row if not _blank(v)]
        if len(texts) == 1 and _aspect_heading(texts[0]):
            return texts[0]
    for row in above:
        texts = [_text(v) for v in row if not _blank(v)]
        # the title naming it in brackets: "…整改台账（一、党的领导方面）", "…台账——作风建设方面" —
        # numbered by the sheet's name when the title does not number it (第一方面 | …（党的政治建设方面）)
        if len(texts) == 1 and (m := _TITLE_ASPECT.search(texts[0])) is not None:
            number = _sheet_number(grid.name.strip())
            return m.group(1) if number is None or split_aspect_label(m.group(1))[0] is not None \
                else f"第{number}方面：{m.group(1)}"
    # a title naming the aspect unnumbered ("政治建设方面", "…巡察反馈作风建设方面问题整改台账") over
    # a sheet named by its number alone ("第一方面", or "一", "2"): the sheet numbers it, the title
    # names it
    name = grid.name.strip()
    if (number := _sheet_number(name)) is not None:
        for row in grid.rows[:header.first_row]:
            texts = [_text(v) for v in row if not _blank(v)]
            if len(texts) == 1 and (named := _titled_aspect(texts[0])) is not None:
                return f"第{number}方面：{named}"
    # the sheet's own name: "第三方面", or numbered like an aspect row ("一、政治建设", "二.作风建设"),
    # or an aspect's name ("党的领导方面")
    if by_field:
        return grid.name.strip()
    if _aspect_heading(grid.name) or _UNNUMBERED_ASPECT.fullmatch(grid.name):
        return grid.name
    # numbered in brackets as a category is ("（一）政治建设", "(二)作风建设方面"): the sheet's aspect
    label = _CATEGORY_LABEL.match(name := grid.name.strip())
    rest = name[label.end():].lstrip("、.． ") if label is not None else ""
    return name if rest and (names_a_field(rest) or _UNNUMBERED_ASPECT.fullmatch(rest)) else None


def _sheet_label(name: str) -> str:
    """A sheet's name without the number before it ("1.党的领导", "（三）民生保障" → the field)."""
    name = name.strip()
    if (m := _FIELD_NUMBER.match(name)) is not None or (m := _CATEGORY_LABEL.match(name)) is not None:
        return name[m.end():].lstrip("、.． ")
    return name


def _sheet_number(name: str) -> str | None:
    """The aspect's number a sheet's name says and no more ("第一方面" → "一", "第2部分" → "2", "三、"
    → "三"), as written; ``None`` for any other name."""
    if (bare := _BARE_NUMBER.fullmatch(name)) is not None:
        return bare.group(1)
    if (m := _NUMBERED_SHEET.fullmatch(name)) is not None:
        return m.group(1)
    return None


#: a sheet named by an aspect's number alone: "第一方面", "第二部分"
_NUMBERED_SHEET = LazyPattern(r"第([一二三四五六七八九十\d]+)(?:方面|部分)(?:问题)?")
#: a sheet named by a number and nothing more: "一", "二、", "3"
_BARE_NUMBER = LazyPattern(r"([一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]?")
#: what a title says before the aspect it is about: the unit and who fed it back ("某某局巡察反馈…")
_TITLE_LEAD = LazyPattern(r"^.*(?:反馈|指出|发现|关于|对照)的?")


def _titled_aspect(title: str) -> str | None:
    """The aspect a sheet's title names without a number: "政治建设方面", "政治建设方面问题整改台账",
    "某某县交通运输局巡察反馈政治建设方面问题整改台账" → "政治建设方面"; ``None`` when it names none."""
    text = _TABLE_TITLE_TAIL.sub("", title.strip()) if title.strip().endswith(_TABLE_TITLE_ENDS) else title.strip()
    text = _TITLE_LEAD.sub("", text)
    text = re.sub(r"(?:问题|存在的问题|的问题)?[:：]?$", "", text)
    return text if text.endswith("方面") and _UNNUMBERED_ASPECT.fullmatch(text) else None


#: an aspect named at the end of a sheet's title, in brackets or after a dash
_TITLE_ASPECT = LazyPattern(r"(?:[(（]|——|--|－－)\s*((?:[一二三四五六七八九十]+[、.．])?[\u4e00-\u9fff“”、]{2,30}方面)"
                            r"\s*(?:问题)?[)）]?\s*$")


#: the longest clause closing a measure's text that is read as its status ("已完成", "正在推进中")
_STATUS_CLAUSE = 8
#: what parts a measure's text into clauses, one of them its deadline (or its status)
_DUE_CLAUSES = LazyPattern(r"[，,；;。（）()\n]|完成时限[:：]|时限[:：]")
#: the parts of an owner cell naming its deadline too ("县住建局 王某某 2026年6月底前", "交通局/李某/9月底前")
_OWNER_PIECES = LazyPattern(r"[\s\u3000，,；;、/（）()]+|(?:完成|整改)?时限[:：]|(?:完成|整改)?时间[:：]")
#: what parts the owners a cell lists ("南山社区、北湖社区", "张某，李某")
_OWNER_SEPARATORS = LazyPattern(r"[、，,；;/\s]+")


class _Builder:
    """Walks one sheet's data rows once, carrying the hierarchy down — and on from the sheet
    before (``previous``), so that a ledger split over several sheets reads as one."""

    def __init__(self, grid: Grid, header: HeaderMap, ledger: Ledger, previous: _Builder | None = None,
                 issue_list: Mapping[str, _ListedIssue] | None = None):
        self.grid = grid
        self.issue_list = issue_list or {}
        self.header = header
        self.cols = dict(header.columns)
        # a sheet may hold a single issue (a sheet an aspect, its one issue numbered 1 or 3): its
        # number is the issue's too — unless the sheet goes on from one whose 序号 numbered its rows
        at_least = 2 if previous is not None and F.ROW_NO in previous.cols else 1
        if F.ISSUE_NO not in self.cols and F.ROW_NO in self.cols and (
                _merged_down(grid, self.cols[F.ROW_NO], header)
                or _numbered_with_issues(grid, self.cols[F.ROW_NO], self.cols.get(F.ISSUE), header, at_least,
                                         self.cols.get(F.MEASURE))
                or _repeated_with_issues(grid, self.cols[F.ROW_NO], self.cols.get(F.ISSUE), header)):
            self.cols[F.ISSUE_NO] = self.cols.pop(F.ROW_NO)  # a 序号 per issue numbers the issues
        if F.ASPECT not in self.cols and F.CATEGORY in self.cols and _names_aspects(
                grid, self.cols[F.CATEGORY], header):
            self.cols[F.ASPECT] = self.cols.pop(F.CATEGORY)  # 问题类别 holding "一、…方面": the aspects
        unit_ticks = [c for units in header.unit_ticks.values() for c in units] + list(header.unit_status)
        self.filled = _Filled(grid, header.data_start, [*self.cols.values(), *header.ticks, *unit_ticks])
        self.ledger = ledger
        self.sheet = LedgerSheet(
            name=grid.name,
            header_row=header.row + 1,
            hidden=grid.hidden,
            very_hidden=grid.very_hidden,
            columns={f: col_letter(c) for f, c in self.cols.items()},
            duplicate_columns={f: [col_letter(c) for c in cs] for f, cs in header.duplicates.items()},
            unknown_columns={col_letter(c): text for c, text in header.unknown.items()
                             if not _auto_named_empty(grid, c, text, header.data_start)},
            mapped_columns=header.mapped,
            duties_from=grid.duties_from,
            task_codes={r + 1: c for r, c in grid.task_codes.items()},
            unlisted_tasks=frozenset(r + 1 for r in grid.unlisted_tasks),
            lists=grid.lists,
            conditional_unread="、".join(grid.conditional_unread),
        )
        if self.issue_list and F.ISSUE not in self.cols and F.ISSUE_NO in self.cols:
            self.sheet.issues_from = next(iter(self.issue_list.values())).sheet
        ledger.sheets.append(self.sheet)
        self.feedback = ledger.info.deadlines_from
        year_from = ledger.info.year_from
        self._year_from = year_from[0] if year_from is not None else None
        self.aspect: Aspect | None = previous.aspect if previous else None
        self.category: Category | None = previous.category if previous else None
        self.issue: Issue | None = previous.issue if previous else None
        #: the aspect this sheet's name opened (:meth:`start_aspect`), until a row names one
        self._named_by_sheet: Aspect | None = None
        if previous is not None:
            self._aspect_text = previous._aspect_text
            self._category_text = previous._category_text
            self._issue_key = previous._issue_key
        self.width = max(*self.cols.values(), *header.ticks, *unit_ticks, 0) + 1
        self._deadlines: dict[tuple[type, Any], Deadline] = previous._deadlines if previous else {}
        self._statuses: dict[str, StatusReading] = previous._statuses if previous else {}
        self._status_from_progress = F.STATUS not in self.cols and F.PROGRESS in self.cols
        #: a 回头看 ledger: 原问题 (read as the category) beside what the second look found
        self._lookback = F.CATEGORY in self.cols and F.ISSUE in self.cols and bool(
            _FIRST_FOUND.search(F.header_key(self._header_text(self.cols[F.CATEGORY])))
            and _FOUND_AGAIN.search(to_simplified(self._header_text(self.cols[F.ISSUE]))))
        # "完成时间及佐证材料": the day opening the cell is the day it was done, the rest its evidence
        self._completed_with_evidence = F.COMPLETED in self.cols and F.EVIDENCE not in self.cols and bool(
            re.match(F.DAY_AND_EVIDENCE_HEADER, F.header_key(self._header_text(self.cols[F.COMPLETED]))))
        # "责任领导及责任单位": the name written beside the unit is the leader's
        self._unit_names_lead = F.OWNER_UNIT in self.cols and F.LEAD not in self.cols and "领导" in (
            self._header_text(self.cols[F.OWNER_UNIT]))
        #: issues by their code ("XC-2026-03-001") when a code repeats: rows of one issue need not
        #: be together (a system's export sorted by deadline)
        self._coded: dict[tuple[int, str], Issue] = {}
        self._by_code = F.ISSUE_NO in self.cols and _codes_repeat(grid, self.cols[F.ISSUE_NO], header)
        self._read_columns()
        #: rows of a combined 问题及整改措施 column that are issues (the other columns blank on them)
        self._issue_rows = self._issues_among_measures()

    # -- hierarchy -----------------------------------------------------------------------
    def owned_by(self, unit: str) -> None:
        """Every measure of this sheet, which has no 责任单位 column, is ``unit``'s (the sheet's name)."""
        self._sheet_unit = self.sheet.unit_from_name = unit

    def start_aspect(self, text: str) -> None:
        """Open the aspect ``text`` before the rows are read (the sheet's own aspect)."""
        self._new_aspect(text)
        name = split_count_note(text.strip())[0]  # "第一方面问题（2个）": the count is no part of it
        if self.aspect is not None and self.aspect.title is None and _NUMBERED_SHEET.fullmatch(name):
            # a sheet named "第一方面" (问题) and nothing more: its name is all the aspect is called
            self.aspect.title = name.removesuffix("问题")
        self._aspect_text = text
        self._named_by_sheet = self.aspect

    def start_issue(self, r: int | None, c: int, text: str) -> None:
        """Open the issue ``text`` (row ``r``, column ``c`` of the sheet; ``None``: a line above a
        Word table) before the rows are read: the sheet's own issue, its measures in the table."""
        if self.category is None:
            self._new_category("")
        assert self.category is not None
        number, title = split_issue_label(text)
        self.issue = Issue(title=title, number=number, sheet=self.grid.name, row=r + 1 if r is not None else 0,
                           cells={F.ISSUE: f"{col_letter(c)}{r + 1}"} if r is not None else {})
        self.category.issues.append(self.issue)
        self._issue_key = (None, "")

    def start_category(self, text: str) -> None:
        """Open the category ``text`` before the rows are read (the heading above the table)."""
        self._new_category(text)

    def _new_aspect(self, text: str) -> None:
        # "二、作风建设方面问题整改台账": the title of the aspect's own table — the aspect is 作风建设方面
        text = _TABLE_TITLE_TAIL.sub("", text) if text.endswith(_TABLE_TITLE_ENDS) else text
        number, title = split_aspect_label(text) if text else (None, "")
        title, note = _heading_count(text, title)
        named = self._named_by_sheet
        self._named_by_sheet = None
        if named is not None and named is self.aspect and not named.categories and title:
            # the sheet's name opened the aspect ("政治建设"), its rows name it in full
            # ("一、政治建设方面"): one aspect, as the rows write it — not two, the first empty
            named.title, named.number, named.count_note = title, number, note
            self.category = None
            self.issue = None
            return
        self.aspect = Aspect(title=title or None, number=number, count_note=note)
        self.ledger.aspects.append(self.aspect)
        self.category = None
        self.issue = None

    def _new_category(self, text: str) -> None:
        if self.aspect is None:
            self._new_aspect("")
        assert self.aspect is not None
        number, title = split_category_label(text) if text else (None, "")
        title, note = _heading_count(text, title)
        self.category = Category(title=title or None, number=number, count_note=note)
        self.aspect.categories.append(self.category)
        self.issue = None

    def _section_row(self, r: int, row: list[Any]) -> bool:
        """A row that only names an aspect or category (often merged across the sheet), or that
        numbers it in the 序号 column and names it in the next one ("一 | …方面", unmerged)."""
        non_blank = [v for v in row[: self.width] if not _blank(v)]
        aspect_c = self.cols.get(F.ASPECT)
        if len(non_blank) >= 2 and aspect_c is not None and aspect_c < len(row) and not _blank(row[aspect_c]):
            # "一、…方面" opening its merged 方面 cell on the row of its first category ("（一） | …问题"):
            # the aspect, as its column gives it, then the row as if it held the rest alone
            if (aspect_t := self.texts[F.ASPECT][r]) and (self.aspect is None or aspect_t != self._aspect_text):
                self._new_aspect(aspect_t)
                self._aspect_text = aspect_t
            non_blank = [v for c, v in enumerate(row[: self.width]) if not _blank(v) and c != aspect_c]
        numbered = False
        if len(non_blank) == 2 and (label := self._numbered_section(row, non_blank)) is not None:
            non_blank, numbered = [label], True
        elif len(non_blank) == 2 and (label := self._numbered_aspect(r, row, non_blank)) is not None:
            non_blank = [label]
        if len(non_blank) != 1:
            return False
        text = _text(non_blank[0])
        wide = self._wide(r)
        measure_col = self.cols.get(F.MEASURE)
        if measure_col is not None and not _blank(self.grid.value(r, measure_col)) and not wide \
                and not (_aspect_heading(text) and "方面" in text):
            # (a row holding nothing but "二、政治建设方面" heads an aspect, even in the measure column)
            return False
        if _aspect_heading(text):
            self._new_aspect(text)
            return True
        if _CATEGORY_LABEL.match(text) and (wide or numbered) and self._measures_below_without_issue(r):
            # "（一） | 学习贯彻不深入" over rows of measures naming no issue (1 | | 制定学习计划): an
            # outline in the 序号 column — the issue, numbered by its label, not a category of none
            self._labelled_issue_row(r, text)
            return True
        if _CATEGORY_LABEL.match(text) and (wide or numbered or self._issue_written_below(r)):
            # merged across, "（一） | …" numbered in the 序号 column, or alone on its row over an
            # issue written in full (not the issue itself, its measures in the rows below)
            self._new_category(text)
            return True
        if not wide and _UNNUMBERED_ASPECT.fullmatch(text) and self._value(r, F.MEASURE) == "":
            self._new_aspect(text)  # "在落实党中央决策部署方面" alone on its row (a filled row, not merged)
            return True
        if wide and not self._rows_below(r):
            # merged across with no measure rows under it: a note ("1．序号按…填写", "以上情况属实"),
            # not an aspect nor an issue — and below the data, the rest of the sheet is notes too
            self._footer = self._footer or self._read_any
            return True
        if wide and _ISSUE_ROW.match(text):
            c = next(c for c, v in enumerate(row[: self.width]) if not _blank(v))
            self._issue_row(r, c, text)  # "问题1：…" on its own row, its measures below
            return True
        if wide and self._read_any and (self.aspect is None or self.aspect.title is None) \
                and _KIND_HEADING.fullmatch(fold(text).replace(" ", "")):
            # "立行立改问题" over the last rows of a ledger with no aspects: which of its issues were
            # put right at once (their deadlines say so), no aspect of the feedback
            return True
        if wide:
            self._new_aspect(text)
            return True
        return False

    def _issue_written_below(self, r: int) -> bool:
        """The first row below ``r`` holding anything writes an issue in its own 问题 cell, beside a
        measure: row ``r`` heads issues, it is none of them."""
        issue_c = self.cols.get(F.ISSUE)
        if issue_c is None:
            return False
        for below in range(r + 1, min(len(self.grid.rows), r + 1 + _LOOK_BELOW)):
            raw_row = self.grid.rows[below]
            if all(_blank(v) for v in raw_row):
                continue
            return (not _blank(self.grid.value(below, issue_c)) and self.filled.anchor_of(below, issue_c) is None
                    and bool(self.texts[F.MEASURE][below]))
        return False

    def _measures_below_without_issue(self, r: int) -> bool:
        """The first row below ``r`` holding anything is a measure's whose 问题 cell is blank (or
        merged down from row ``r``): the rows below go on with the issue row ``r`` names."""
        issue_c = self.cols.get(F.ISSUE)
        if issue_c is None or F.MEASURE not in self.cols:
            return False
        for below in range(r + 1, min(len(self.grid.rows), r + 1 + _LOOK_BELOW)):
            if all(_blank(v) for v in self.grid.rows[below]):
                continue
            anchor = self.filled.anchor_of(below, issue_c)
            own = _blank(self.grid.value(below, issue_c)) and (anchor is None or anchor[0] == r)
            return own and bool(self.texts[F.MEASURE][below])
        return False

    def _labelled_issue_row(self, r: int, text: str) -> None:
        """The issue row ``r`` names by its label and title ("（一）学习贯彻不深入", numbered in the 序号
        column or written across the row), its measures in the rows below."""
        if self.category is None:
            self._new_category("")
        assert self.category is not None
        number, title = split_category_label(text)
        c = self.cols[F.ISSUE] if not _blank(self.grid.value(r, self.cols[F.ISSUE])) else next(
            c for c, v in enumerate(self.grid.rows[r][: self.width]) if not _blank(v))
        self.issue = Issue(title=title, number=number, sheet=self.grid.name, row=r + 1,
                           cells={F.ISSUE: f"{col_letter(c)}{r + 1}"})
        self.category.issues.append(self.issue)
        self._issue_key = (None, "")

    def _rows_below(self, r: int, depth: int = 0) -> bool:
        """Row ``r``, a heading merged across the table, has rows of its own under it: the next
        row holding anything is a measure or issue row, or a heading (an aspect's category, an
        issue written across its row) that has them in turn."""
        grid, texts = self.grid, self.texts
        for below in range(r + 1, min(len(grid.rows), r + 1 + _LOOK_BELOW)):
            raw_row = grid.rows[below]
            if all(_blank(v) for v in raw_row):
                continue
            if not self._wide(below):
                first = next((_text(v) for v in raw_row if not _blank(v)), "")
                if _NOTE_FIRST.isdisjoint(first[:1]) or not _NOTE_HEAD.match(first):
                    return bool(texts[F.MEASURE][below] or texts[F.ISSUE][below] or texts[F.ASPECT][below]
                                or texts[F.CATEGORY][below]
                                or (self._numbered_section(raw_row, [v for v in raw_row if not _blank(v)])
                                    is not None))
                return False
            if depth >= 2:
                return False
            text = next((_text(v) for v in raw_row if not _blank(v)), "")
            heading = (_aspect_heading(text) or _CATEGORY_LABEL.match(text) or _ISSUE_ROW.match(text)
                       or _UNNUMBERED_ASPECT.fullmatch(text))
            return bool(heading) and not _NOTE_HEAD.match(text) and self._rows_below(below, depth + 1)
        return False

    def _issue_row(self, r: int, c: int, text: str) -> None:
        """An issue written across its own row ("问题1：乡村振兴项目推进缓慢"), the measure rows below
        it leaving the 问题 column empty (or having none)."""
        if self.category is None:
            self._new_category("")
        assert self.category is not None
        m = _ISSUE_ROW.match(text)
        assert m is not None
        number = to_int(m.group(1) or m.group(2) or "")
        cell = f"{col_letter(c)}{r + 1}"
        self.issue = Issue(title=text[m.end():].strip(), number=number, sheet=self.grid.name, row=r + 1,
                           cells={F.ISSUE: cell})
        self.category.issues.append(self.issue)
        self._issue_key = (None, "")

    def _numbered_aspect(self, r: int, row: list[Any], non_blank: list[Any]) -> str | None:
        """``"1、政治建设方面"`` for a row holding an Arabic number in the 序号 column and an aspect's
        name ("1 | 政治建设方面" over "1.1 | 党组会议记录不规范 | …"): numbered as the issues are, it
        heads them all the same — merged across the table, or over rows writing their own issues."""
        number_c = self.cols.get(F.ISSUE_NO, self.cols.get(F.ROW_NO))
        if number_c is None or number_c >= len(row) or row[number_c] is not non_blank[0]:
            return None
        number = _text(non_blank[0]).rstrip("、.．")
        title = _text(non_blank[1])
        if not number.isdigit() or len(number) > 2 or not _UNNUMBERED_ASPECT.fullmatch(title) \
                or not (self._wide(r) or self._issue_written_below(r)):
            return None
        return f"{number}、{title}"

    def _numbered_section(self, row: list[Any], non_blank: list[Any]) -> str | None:
        """``"一、…方面"`` for a row holding only a Chinese numeral in the 序号 column and a text:
        an aspect (or, for "（一）", a category) numbered apart from the issues' Arabic numbers."""
        number_c = self.cols.get(F.ISSUE_NO, self.cols.get(F.ROW_NO))
        if number_c is None or number_c >= len(row) or row[number_c] is not non_blank[0]:
            return None
        number = _text(non_blank[0])
        if not _SECTION_NUMBER.match(number):
            return None
        title = _text(non_blank[1])
        if number[-1] in "、.．)）":
            return number + title
        return f"{number}、{title}"

    # -- columns -----------------------------------------------------------------------------
    def _read_columns(self) -> None:
        """Read each ledger column once, merged cells filled in (the rows are walked afterwards).

        Per field: ``values`` (as :meth:`_cell` returns them: ``""`` for a blank or an error
        value), ``texts`` (:func:`_text` of each value, for the text fields) and the rows holding
        an Excel error value (recorded in ``ledger.error_cells`` when a row is read). A cell's A1
        reference is made only when something asks for it (:meth:`ref`): a finding, an error.
        """
        n = len(self.grid.rows)
        table = _transpose(self.grid.rows, self.width)
        self.values: dict[str, list[Any]] = {}
        self.texts: dict[str, list[str]] = {}
        self.errors: dict[str, dict[int, str]] = {}
        self.uncomputed: dict[int, set[str]] = {}  # row → fields whose cell is an uncomputed formula
        self.from_today: dict[int, set[str]] = {}  # row → fields whose cell is a day worked out from today's
        #: field → (column letter, the column's merge anchors or None)
        self._where: dict[str, tuple[str, list[tuple[int, int] | None] | None]] = {}
        for field_name, c in self.cols.items():
            if field_name == F.STATUS and self.header.ticks:
                self._read_ticks(table)
                continue
            if field_name in self.header.unit_ticks:
                self._read_unit_ticks(field_name, table)
                continue
            values = self.filled.column(c, table)
            if None in values:
                values = ["" if v is None else v for v in values]
            if field_name == F.COMPLETED and (anchors := self.filled.anchors.get(c)) is not None:
                # the status or progress merged across into the 完成时间 cell ("正在推进，已完成宣传5场"
                # over 整改状态 | 完成时间 | 整改进展): the row says no day it was done
                values = ["" if a is not None and a[1] != c and a[1] in self.cols.values() else v
                          for v, a in zip(values, anchors, strict=False)] + values[len(anchors):]
            if c == self.cols.get(F.STATUS) == self.cols.get(F.MEASURE) and field_name in (F.STATUS, F.MEASURE):
                # 整改措施及完成情况 ("建立巡林台账，已完成"): the measure, then how far it got
                values = [self._status_last(v)[field_name == F.STATUS] for v in values]
            if field_name in (F.DEADLINE, F.OWNER_UNIT) and c == self.cols.get(F.OWNER_UNIT) == self.cols.get(
                    F.DEADLINE):
                # 责任单位、责任人及完成时限 ("县住建局 王某某 2026年6月底前"): the owner, then when it is due
                values = [self._owner_due(v)[field_name == F.DEADLINE] for v in values]
            texts = _texts(values) if field_name in _MEASURE_TEXT else None
            errors = _error_values(values, texts)
            for r in errors:
                values[r] = ""
                if texts is not None:
                    texts[r] = ""
            if field_name in _DITTO_FIELDS:
                _fill_dittos(values, texts, self.header.data_start)
            if field_name == F.DEADLINE and c == self.cols.get(F.MEASURE):
                values = [self._due_in_text(v) for v in values]  # 整改措施及时限: the deadline in the text
            self.values[field_name] = values
            # a column joined from another sheet has no cell here to point a finding at (nor to mark)
            self._where[field_name] = ("" if c in self.grid.joined_cols else col_letter(c), self.filled.anchors.get(c))
            if self.grid.origin:
                self._where[field_name] = self._form_cells(c, n)
            if self.grid.uncomputed:
                for r in range(self.header.data_start, n):
                    if (self.filled.anchor_of(r, c) or (r, c)) in self.grid.uncomputed:
                        self.uncomputed.setdefault(r, set()).add(field_name)
            if self.grid.from_today:
                for r in range(self.header.data_start, n):
                    if (self.filled.anchor_of(r, c) or (r, c)) in self.grid.from_today:
                        self.from_today.setdefault(r, set()).add(field_name)
            if field_name == F.STATUS and texts is not None and _PERCENT_HEADER.search(self._header_text(c)):
                texts = _as_percentages(values, texts, self.header.data_start)
            if field_name == F.STATUS and texts is not None:
                _marks_as_statuses(self._header_text(c), texts, self.header.data_start, self._legend_texts())
            if texts is not None and field_name in self.header.earlier:
                self._from_earlier(field_name, values, texts, table)
            if texts is not None:
                self.texts[field_name] = texts
            if errors:
                self.errors[field_name] = errors
        #: a matrix of units' statuses: (column, unit, the column's texts)
        self._unit_status = [(c, unit, _texts(["" if v is None else v for v in self.filled.column(c, table)]))
                             for c, unit in sorted(self.header.unit_status.items())]
        self._more_rows: frozenset[int] = frozenset()
        if self.header.measure_more and F.MEASURE in self.texts:
            self._join_measure_parts(table)
        if self.header.remark_more and F.REMARK in self.texts:
            self._join_notes(table)
        if F.MEASURE in self.texts:
            self._merged_items_apart()
        #: the further numbered measure columns' texts (整改措施2 | 整改措施3), and their anchors
        self._side_measures = [(c, _texts(["" if v is None else v for v in self.filled.column(c, table)]))
                               for c in self.header.measure_cols]
        blank = [""] * n
        for field_name in _MEASURE_TEXT:
            self.texts.setdefault(field_name, blank)
        self._extra_fields = [f for f in F.EXTRA_FIELDS if f in self.cols]
        self.error_rows = {r for rows in self.errors.values() for r in rows}
        # what the measures keep of this sheet (not the grid nor the texts: those go with the builder)
        self.store = _ColumnStore(self.values, self._where)
        self.ref = self.store.ref

    def _merged_items_apart(self) -> None:
        """A progress (or status) cell merged down over the rows of an issue's measures, numbering
        how far each got as the rows list them ("1.已检查小区45个；\n2.已建立红黑榜" over the rows of
        "1.开展物业服务质量检查" and "2.建立红黑榜制度"): each row reads its own item — not the whole
        cell, told again under every measure."""
        measure_c = self.cols[F.MEASURE]
        measures = self.texts[F.MEASURE]
        for field_name in (F.PROGRESS, F.STATUS):
            c = self.cols.get(field_name)
            anchors = self.filled.anchors.get(c) if c is not None and c != measure_c else None
            if anchors is None or field_name not in self.texts:
                continue
            rows_of: dict[int, list[int]] = {}
            for r in range(self.header.data_start, len(anchors)):
                if (a := anchors[r]) is not None and a[1] == c and self.header.data_start <= a[0] < r:
                    rows_of.setdefault(a[0], [a[0]]).append(r)
            texts, values = self.texts[field_name], self.values[field_name]
            for rows in rows_of.values():
                if not all(measures[r] and self.filled.anchor_of(r, measure_c) is None for r in rows):
                    continue  # (one measure merged over its stages: the cell is the measure's)
                items = enumerated_items(texts[rows[0]])
                if items is not None and len(items) == len(rows):
                    for r, item in zip(rows, items, strict=True):
                        texts[r] = values[r] = item

    def _from_earlier(self, field_name: str, values: list[Any], texts: list[str],
                      table: list[tuple[Any, ...]] | None) -> None:
        """Blank cells of a field kept month by month (7月进展 | 8月进展 | 9月进展) read from the
        newest earlier month that has something for the row, which is then the cell it points at:
        a month not yet filled in leaves the row where it was last reported, not blank."""
        letter, anchors = self._where[field_name]
        found: list[tuple[int, int] | None] | None = None
        for c in self.header.earlier[field_name]:
            older = _texts(["" if v is None else v for v in self.filled.column(c, table)])
            for r in range(self.header.data_start, len(texts)):
                if not texts[r] and older[r]:
                    if found is None:
                        found = list(anchors) if anchors is not None else [None] * len(texts)
                    texts[r], values[r] = older[r], older[r]
                    found[r] = self.filled.anchor_of(r, c) or (r, c)
        if found is not None:
            self._where[field_name] = (letter, found)

    def _form_cells(self, c: int, n: int) -> tuple[str, list[tuple[int, int] | None]]:
        """Where the values of column ``c`` of a table read from a form (项目 | 内容) are in the form:
        each block's cell, and the column its values are mostly written in."""
        origin = self.grid.origin
        anchors = [origin.get((r, c)) for r in range(n)]
        written = [a[1] for a in anchors if a is not None]
        return col_letter(max(set(written), key=written.count) if written else c), anchors

    def _join_measure_parts(self, table: list[tuple[Any, ...]] | None) -> None:
        """The measure's text and the columns going on with it (具体举措) joined, row by row; a row
        whose detail is its own (not merged) is a measure though the measure cell is merged over it
        (one 措施内容 over two 具体举措)."""
        measure, values = self.texts[F.MEASURE], self.values[F.MEASURE]
        own: set[int] = set()
        for c in self.header.measure_more:
            more = _texts(["" if v is None else v for v in self.filled.column(c, table)])
            for r, detail in enumerate(more):
                if not detail or r < self.header.data_start:
                    continue
                if self.filled.anchor_of(r, c) is None:
                    own.add(r)
                head = measure[r]
                measure[r] = detail if not head else head + detail if head[-1] in "：:，,；;。" else f"{head}，{detail}"
                if values[r] == "":
                    values[r] = measure[r]
        self._more_rows = frozenset(own)

    def _join_notes(self, table: list[tuple[Any, ...]] | None) -> None:
        """The remark and the note columns beside it (未完成原因, 下步打算) joined, row by row."""
        remark, values = self.texts[F.REMARK], self.values[F.REMARK]
        for c in self.header.remark_more:
            more = _texts(["" if v is None else v for v in self.filled.column(c, table)])
            for r, note in enumerate(more):
                if not note or r < self.header.data_start or note == remark[r]:
                    continue
                head = remark[r]
                remark[r] = note if not head else f"{head}；{note}" if head[-1] not in "：:，,；;。" else head + note
                values[r] = remark[r]

    def _opens_issue(self, r: int, measure_c: int) -> bool:
        """Row ``r`` opened the current issue, which has no measure yet, and its measure cell is
        merged down from the measure column above: the measure written once for two issues
        ("建立健全…制度" over both) is this issue's measure too, not one it lacks. (A cell merged
        across from the columns before it is no measure.)"""
        issue = self.issue
        if issue is None or issue.measures or issue.row != r + 1 or issue.sheet != self.grid.name:
            return False
        anchor = self.filled.anchor_of(r, measure_c)
        return anchor is not None and anchor[0] < r and anchor[1] == measure_c

    def _measure_merged(self, r: int, measure_c: int) -> bool:
        """Row ``r``'s measure cell is merged from a row above, and the row has no detail of its own
        — nor a unit of its own reporting its own progress (one measure merged over a row per 社区,
        村 or 科室, each with its own status: each row is that unit's share of the work)."""
        anchor = self.filled.anchor_of(r, measure_c)
        return anchor is not None and r not in self._more_rows and not self._units_own_row(r, anchor[0]) \
            and not self._stage_row(r, anchor[0])

    def _stage_row(self, r: int, anchor_r: int) -> bool:
        """Row ``r`` under a measure merged over it says how far it got in a status cell of its own
        other than the measure's first row's, or by a deadline of its own (推进污水管网改造 over 6月底
        已完成 | 12月底 正在推进): a stage of the measure, read as a measure — not hidden under the
        first row's status."""
        status_c = self.cols.get(F.STATUS)
        if status_c is None or self.filled.anchor_of(r, status_c) is not None or not (
                status := self.texts[F.STATUS][r]):
            return False
        first = self.texts[F.STATUS][anchor_r]
        if status != first and (not first or read_status(status).status is not read_status(first).status):
            # sub-steps under one status (已制定方案 | 已组织学习, both done) stay one measure
            return True
        deadline_c = self.cols.get(F.DEADLINE)
        if deadline_c is None or deadline_c == self.cols.get(F.MEASURE) or self.filled.anchor_of(r, deadline_c):
            return False
        deadlines = self.values[F.DEADLINE]
        return deadlines[r] not in ("", None) and deadlines[r] != deadlines[anchor_r]

    def _steps_below(self, r: int, measure_c: int) -> None:
        """Row ``r`` under a measure merged over it reports a sub-step in a status (or progress) cell
        of its own, under the same status as the first row's (已制定方案 | 已组织学习): the measure's
        progress goes on with it ("已组织学习") — it had been lost."""
        anchor = self.filled.anchor_of(r, measure_c)
        if anchor is None or self.issue is None:
            return
        said: list[str] = []
        for f in (F.STATUS, F.PROGRESS):
            c = self.cols.get(f)
            if c is not None and self.filled.anchor_of(r, c) is None and (text := self.texts[f][r]) \
                    and text != self.texts[f][anchor[0]] and not is_placeholder(text):
                said.append(text)
        if not said:
            return
        measure = next((m for m in reversed(self.issue.measures)
                        if m.row == anchor[0] + 1 and m.sheet == self.grid.name), None)
        if measure is None:
            return
        # the first row's own step ("已制定方案") opens the account, unless it holds one already
        first = measure.progress or measure.status_text
        joined = "；".join(said)
        measure.progress = f"{first}；{joined}" if first else joined

    def _owners_below(self, r: int, measure_c: int) -> None:
        """Row ``r`` under a measure merged over it names a unit (or a person) of its own, its status
        merged with the measure's or left blank: one measure several units own ("开展网格员培训" over
        南山社区 | 北湖社区 | 东城社区) — the unit joins the measure's owners, as "南山社区、北湖社区"."""
        issue = self.issue
        anchor = self.filled.anchor_of(r, measure_c)
        if issue is None or not issue.measures or anchor is None:
            return
        measure = issue.measures[-1]
        if measure.row != anchor[0] + 1 or measure.sheet != self.grid.name:
            return
        for field_name, attr in ((F.OWNER_UNIT, "owner_unit"), (F.OWNER_PERSON, "owner_person")):
            c = self.cols.get(field_name)
            if c is None or self.filled.anchor_of(r, c) is not None or not (own := self.texts[field_name][r]):
                continue
            held = getattr(measure, attr)
            if not held:
                continue  # the measure's row names none: not a list of owners to add to
            if own not in _OWNER_SEPARATORS.split(held):
                setattr(measure, attr, f"{held}、{own}")

    def _units_own_row(self, r: int, anchor_r: int) -> bool:
        """Row ``r`` names a unit of its own (its 责任单位 cell not merged, another unit than the
        measure's first row) and says how far that unit got (its own status or progress cell)."""
        owner_c = self.cols.get(F.OWNER_UNIT)
        if owner_c is None or self.filled.anchor_of(r, owner_c) is not None:
            return False
        owner = self.texts[F.OWNER_UNIT][r]
        if not owner or owner == self.texts[F.OWNER_UNIT][anchor_r]:
            return False
        return any((c := self.cols.get(f)) is not None and self.filled.anchor_of(r, c) is None
                   and bool(self.texts[f][r]) for f in (F.STATUS, F.PROGRESS))

    def _read_ticks(self, table: list[tuple[Any, ...]] | None) -> None:
        """The status of each row from its tick columns (已完成 | 正在推进 | 未完成): the status word
        of the one ticked, as its text, the ticked cell as its cell. A row with no tick has no
        status; one ticked twice is written as the form's boxes ("☑已完成 ☑正在推进 ☐未完成"),
        which names no status. Every row's value is the form's boxes, as the row shows them."""
        ticks = self.header.ticks
        cols = sorted(ticks)
        columns = [_texts(self.filled.column(c, table)) for c in cols]
        n = len(self.grid.rows)
        start = self.header.data_start
        hollow_ticks = not any(t in _FILLED_MARKS for col in columns for t in col[start:])
        values: list[Any] = [""] * n
        texts = [""] * n
        anchors: list[tuple[int, int] | None] = [None] * n
        for r in range(start, n):
            chosen = [k for k, col in enumerate(columns)
                      if (t := col[r]) and t not in _UNTICK_MARKS and (hollow_ticks or t not in _HOLLOW_MARKS)]
            values[r] = " ".join(("☑" if k in chosen else "☐") + ticks[c] for k, c in enumerate(cols))
            if not chosen:
                continue
            anchors[r] = (r, cols[chosen[0]])
            texts[r] = ticks[cols[chosen[0]]] if len(chosen) == 1 else values[r]
        self.values[F.STATUS] = values
        self.texts[F.STATUS] = texts
        self._where[F.STATUS] = (col_letter(cols[0]), anchors)

    def _read_unit_ticks(self, field_name: str, table: list[tuple[Any, ...]] | None) -> None:
        """The units of each row from a matrix of unit columns (医务科 | 护理部 | 药剂科 under
        责任科室): the names of the columns ticked, "医务科、护理部"; the first ticked cell is the
        row's cell. A row ticking none names no unit."""
        units = self.header.unit_ticks[field_name]
        cols = sorted(units)
        raw = [self.filled.column(c, table) for c in cols]
        columns = [_texts(["" if v is None else v for v in col]) for col in raw]
        n = len(self.grid.rows)
        values: list[Any] = [""] * n
        anchors: list[tuple[int, int] | None] = [None] * n
        # ● for the unit that leads, ○ for those that help: the filled marks name the owners
        hollow_ticks = not any(t in _FILLED_MARKS for col in columns for t in col[self.header.data_start:])
        for r in range(self.header.data_start, n):
            chosen = [k for k, col in enumerate(columns)
                      if (t := col[r]) and t not in _UNTICK_MARKS and (hollow_ticks or t not in _HOLLOW_MARKS)]
            if not chosen:
                continue
            anchors[r] = (r, cols[chosen[0]])
            if field_name != F.DEADLINE:
                values[r] = "、".join(units[cols[k]] for k in chosen)
                continue
            # a kind of rectification ticked, or the deadline written under its kind (a date under
            # 限期整改; one under 长期坚持 is a stage of work that goes on)
            k = chosen[0]
            kind, text = units[cols[k]], columns[k][r]
            if text in _TICK_MARKS:
                values[r] = kind
            elif kind in ("长期坚持", "长期整改", "持续整改", "常态化整改"):
                values[r] = f"{text}，{kind}"
            else:
                values[r] = raw[k][r]
        self.values[field_name] = values
        if field_name in _MEASURE_TEXT:
            self.texts[field_name] = [v if type(v) is str else _text(v) for v in values]
        self._where[field_name] = (col_letter(cols[0]), anchors)

    def _header_text(self, c: int) -> str:
        """The header of column ``c``: its cell in the header rows (two rows: the lower one first)."""
        for r in range(self.header.row, self.header.first_row - 1, -1):
            row = self.grid.rows[r]
            if c < len(row) and not _blank(row[c]):
                return _text(row[c])
        return ""

    # -- rows ------------------------------------------------------------------------------
    def build(self) -> Ledger:
        grid = self.grid
        measure_c = self.cols.get(F.MEASURE)
        for r in range(self.header.data_start, len(grid.rows)):
            raw_row = grid.rows[r]
            if self._footer and not self._measure_beyond_notes(r, raw_row):
                if not self._heading_beyond_notes(r, raw_row):
                    continue  # under the notes at the foot of the table: "1．整改状态填写…", "填报人：…"
                self._footer = False  # "备注：…" closed an aspect, the next one opens below it
            if r in self._issue_rows:
                self._combined_issue_row(r)
                continue
            if measure_c is not None and self._plain_measure_row(r, raw_row, measure_c):
                self._data_row(r)
                continue
            if all(_blank(v) for v in raw_row):
                continue
            first_text = next((_text(v) for v in raw_row if not _blank(v)), "")
            if _TOTALS.match(first_text):
                if _GRAND_TOTAL.match(first_text):  # 合计, 总计 (not 小计, nor 本方面合计): the whole table's
                    c = next(c for c, v in enumerate(raw_row) if not _blank(v))
                    self.ledger.totals_rows.append((grid.name, r + 1, f"{col_letter(c)}{r + 1}",
                                                    "，".join(_text(v) for v in raw_row if not _blank(v))))
                continue
            if not _NOTE_FIRST.isdisjoint(first_text[:1]) and _NOTE_HEAD.match(first_text) and (
                    self._wide(r) or sum(1 for v in raw_row if not _blank(v)) == 1):
                # "填表说明：" / "附件：…" / "此表一式三份…", alone on its row or merged across it:
                # a note, and below the data everything after it is notes too
                self._footer = self._footer or self._read_any
                continue
            # a note or signature line, in its own cell or merged across the table, or labels only
            # ("单位主要负责人（签字）： | 填表日期：…", "填表人：王某 | 审核人：李某")
            if _FOOTER.match(first_text) and (self._value(r, F.MEASURE) == "" or self._wide(r)):
                continue
            if _footer_line(raw_row):
                continue
            if self._section_row(r, raw_row):
                continue
            self._data_row(r)
        return self.ledger

    def _issues_among_measures(self) -> frozenset[int]:
        """The rows of a combined column (问题及整改措施, 整改问题及措施) that hold an issue: with no
        问题 column, a row whose measure cell has text while the unit, deadline and status are
        blank, the rows below it filling them ("问题1：…" / "（一）…问题" over "1-1 …", "①…").
        Only when the header names the issues too, or every such row is labelled as an issue."""
        measure_c = self.cols.get(F.MEASURE)
        owned = [f for f in (F.OWNER_UNIT, F.DEADLINE, F.STATUS, F.LEAD, F.OWNER_PERSON) if f in self.cols]
        if F.ISSUE in self.cols or measure_c is None or len(owned) < 2:
            return frozenset()
        texts = self.texts[F.MEASURE]
        bare: list[int] = []
        filled = 0
        first: bool | None = None
        for r in range(self.header.data_start, len(self.grid.rows)):
            if not texts[r] or self._wide(r) or self._measure_merged(r, measure_c):
                continue
            is_bare = all(self.values[f][r] == "" or self._merged_over_below(r, f) for f in owned) and any(
                self.values[f][r] == "" for f in owned)
            if not is_bare and _labelled_issue(texts[r]):
                # "问题1：…" with the issue's overall status beside it: no unit nor deadline of its own
                is_bare = all(self.values[f][r] == "" or self._merged_over_below(r, f)
                              for f in (F.OWNER_UNIT, F.DEADLINE) if f in self.cols)
            first = is_bare if first is None else first
            if is_bare:
                bare.append(r)
            else:
                filled += 1
        if not bare or not filled or not first:
            return frozenset()
        named = "问题" in F.header_key(self._header_text(measure_c))
        if not named and not all(_labelled_issue(texts[r]) for r in bare):
            return frozenset()
        return frozenset(bare)

    def _merged_over_below(self, r: int, field_name: str) -> bool:
        """The cell of ``field_name`` in row ``r`` is merged down over the rows below (a unit given
        once for an issue's measures, beside the issue's row)."""
        if self._down_anchors is None:
            # once per sheet: asked for every bare cell of every row, a scan of the merges each time
            # made a ledger of 2,000 issues take seconds (rows × merged ranges)
            self._down_anchors = {(r0, c) for r0, c0, r1, c1 in self.grid.merges if r1 > r0
                                  for c in range(c0, c1 + 1)}
        return (r, self.cols[field_name]) in self._down_anchors

    def _combined_issue_row(self, r: int) -> None:
        """Row ``r`` of a combined column: an aspect heading ("一、…方面") or an issue, its number
        from its label ("问题1：", "（一）", "1.") or the 序号 cell beside it."""
        text = self.texts[F.MEASURE][r]
        if _UNNUMBERED_ASPECT.fullmatch(text) or (_aspect_heading(text) and "方面" in text):
            number_v = self._value(r, F.ISSUE_NO) if F.ISSUE_NO in self.cols else self._value(r, F.ROW_NO)
            if _UNNUMBERED_ASPECT.fullmatch(text) and _SECTION_NUMBER.match(label := _text(number_v)):
                # "一、 | 政治建设方面": numbered in the 序号 cell beside it
                text = label + text if label[-1] in "、.．)）" else f"{label}、{text}"
            self._new_aspect(text)
            self._aspect_text = text
            return
        if self.category is None:
            self._new_category("")
        assert self.category is not None
        number, title = _issue_label(text)
        if number is None:
            number_v = self._value(r, F.ISSUE_NO) if F.ISSUE_NO in self.cols else self._value(r, F.ROW_NO)
            number = _int(number_v) if _int(number_v) is not None else to_int(_text(number_v).strip("、.．()（）"))
        cell = self.ref(F.MEASURE, r)
        self.issue = Issue(title=title, number=number, sheet=self.grid.name, row=r + 1, cells={F.ISSUE: cell})
        self.category.issues.append(self.issue)
        self._issue_key = (None, "")

    def _plain_measure_row(self, r: int, raw_row: list[Any], measure_c: int) -> bool:
        """The common row: its own measure text, not merged and not a section row merged across.
        Such a row is neither blank, a footer nor a section row, so the checks are skipped (a
        row opening with 合计 is looked at: "合计 | 共5个问题12项措施" has text in the measure column)."""
        if measure_c >= len(raw_row) or self.texts[F.MEASURE][r] == "" or r in self.errors.get(F.MEASURE, ()):
            return False
        if _blank(raw_row[measure_c]) or self._measure_merged(r, measure_c):
            return False
        for v in raw_row[:2]:  # a plain loop: this runs for every row of the ledger
            if type(v) is str and (first := v.lstrip()[:1]) and (
                    first in _TOTALS_FIRST or ("计" in v and _TOTALS.match(v))):
                return False
        measure = self.texts[F.MEASURE][r]
        first = measure[:1]
        if (first in _FOOTER_FIRST or "签" in measure or "章" in measure or (
                # the measure cell filled in for the label left of it ("填报人：" | "王某")
                measure_c and type(left := raw_row[measure_c - 1]) is str and left.endswith(("：", ":")))
                ) and _footer_line(raw_row):
            return False
        if first in _NOTE_FIRST and _NOTE_HEAD.match(measure) and (
                sum(1 for v in raw_row if not _blank(v)) == 1):
            return False  # "填表说明：…" written in the measure column, alone on its row
        if first in _ASPECT_NUMERAL_FIRST and "方面" in measure and _aspect_heading(measure) and (
                sum(1 for v in raw_row if not _blank(v)) == 1):
            return False  # "二、政治建设方面" alone on its row, in the measure column: an aspect (_section_row)
        return not self._wide(r)

    def _measure_beyond_notes(self, r: int, raw_row: list[Any]) -> bool:
        """Row ``r``, under a note at the foot of the table, is a measure row all the same: its
        own measure text beside a unit, a deadline or a status (a note line has none of these)."""
        measure_c = self.cols.get(F.MEASURE)
        if measure_c is None or self._wide(r) or self.texts[F.MEASURE][r] == "" or (
                self.filled.anchor_of(r, measure_c) is not None):
            return False
        return any(self.texts[f][r] for f in (F.OWNER_UNIT, F.STATUS)) or (
            F.DEADLINE in self.values and self.values[F.DEADLINE][r] != "")

    def _heading_beyond_notes(self, r: int, raw_row: list[Any]) -> bool:
        """Row ``r``, under a note, heads an aspect or a category of measures: its one text is
        numbered as one ("二、作风建设方面", "（三）…") and the first row below it that is no
        heading is a measure row (a note "备注：本方面…" between two aspects ends neither the
        table nor the next aspect's heading)."""
        non_blank = [v for v in raw_row if not _blank(v)]
        if len(non_blank) != 1:
            return False
        text = _text(non_blank[0])
        if not (_aspect_heading(text) or _CATEGORY_LABEL.match(text)) or _NOTE_HEAD.match(text):
            return False
        for below in range(r + 1, min(len(self.grid.rows), r + 1 + _LOOK_BELOW)):
            row = self.grid.rows[below]
            texts = [_text(v) for v in row if not _blank(v)]
            if not texts:
                continue
            if len(texts) == 1 and (_aspect_heading(texts[0]) or _CATEGORY_LABEL.match(texts[0])):
                continue
            return self._measure_beyond_notes(below, row)
        return False

    def _wide(self, r: int) -> bool:
        """Row ``r`` holds a cell merged across much of the table (a heading, a note)."""
        return self.filled.wide_rows.get(r, 0) >= max(3, len(self.cols) // 2)

    def _value(self, r: int, field_name: str) -> Any:
        """Filled value of ``field_name`` in row ``r`` ('' if no column)."""
        values = self.values.get(field_name)
        if values is None:
            return ""
        self._note_errors(r, (field_name,))
        return values[r]

    def _cell(self, r: int, field_name: str) -> tuple[Any, str]:
        """Filled value and anchor A1 of ``field_name`` in row ``r`` ('' / '' if no column)."""
        values = self.values.get(field_name)
        if values is None:
            return "", ""
        self._note_errors(r, (field_name,))
        return values[r], self.ref(field_name, r)

    def _note_errors(self, r: int, fields: Iterable[str]) -> None:
        """Record the Excel error values (#REF! …) of row ``r``'s cells of ``fields`` as read."""
        if r not in self.error_rows:
            return
        for field_name in fields:
            errors = self.errors.get(field_name)
            if errors and r in errors:
                if ref := self.ref(field_name, r):  # (none for a column joined from another sheet)
                    self.sheet.error_cells[ref] = errors[r]

    def _data_row(self, r: int) -> None:
        texts = self.texts
        if r in self.error_rows:
            self._note_errors(r, _HIERARCHY)
        aspect_t, category_t, issue_t = texts[F.ASPECT][r], texts[F.CATEGORY][r], texts[F.ISSUE][r]
        if self.issue_list and not issue_t and (
                listed := self.issue_list.get(_text(self._value(r, F.ISSUE_NO)))) is not None:
            # a task of a 任务清单: its aspect and category are those the 问题清单 files its issue under
            aspect_t, category_t = aspect_t or listed.aspect, category_t or listed.category
        own_measure = ""
        if not issue_t and F.ISSUE not in self.cols and (both := _ISSUE_AND_MEASURE.match(texts[F.MEASURE][r])):
            # "问题：…\n措施：1.…2.…" in one cell of a 问题及整改措施 column: the issue, then its measures
            issue_t, own_measure = both.group("issue"), both.group("measure")
        if issue_t and not own_measure:
            # "巡察指出：…", "存在问题：…" — the label is no part of the issue; "…。整改措施：…" after
            # it is the row's measure where the measure column says none
            issue_t, written_measure = issue_body(issue_t)
            if written_measure and not texts[F.MEASURE][r] and F.MEASURE in self.cols:
                own_measure = written_measure
        while "\n" in issue_t:
            # "一、…有差距\n1.服务全省重大战略不够有力": the aspect written in the issue's cell above it;
            # "（一）…方面\n1.…" the same with a category's number, the issue numbered below it
            head, _, tail = issue_t.partition("\n")
            head, tail = head.strip(), tail.strip()
            if not tail:
                break
            if not aspect_t and _aspect_heading(head):
                aspect_t, issue_t = head, tail
            elif not category_t and _CATEGORY_LABEL.match(head) and _ISSUE_NUMBER_FIRST.match(tail):
                category_t, issue_t = head, tail
            else:
                break

        if aspect_t and (self.aspect is None or aspect_t != self._aspect_text):
            self._new_aspect(aspect_t)
            self._aspect_text = aspect_t
        found_nothing = self._lookback and not own_measure and bool(issue_t) \
            and (is_placeholder(issue_t) or _NOTHING_FOUND_AGAIN.search(issue_t) is not None) \
            and (not texts[F.MEASURE][r] or is_placeholder(texts[F.MEASURE][r]))
        if found_nothing or (self._lookback and not issue_t and not texts[F.MEASURE][r] and not own_measure):
            # an issue first fed back that the second look found put right ("回头看未发现新问题"):
            # nothing to rectify again — its heading, with what the row says of it (the summary
            # and the notice name it, so that the 回头看 is seen to have covered it)
            if category_t and (self.category is None or category_t != self._category_text):
                self._new_category(category_t)
                self._category_text = category_t
                assert self.category is not None
                self.category.note = next((t for t in (texts[F.PROGRESS][r], texts[F.STATUS][r], issue_t)
                                           if t and not is_placeholder(t)), "")
            return
        if category_t and (self.category is None or category_t != self._category_text):
            self._new_category(category_t)
            self._category_text = category_t
        elif not category_t and (group := self.grid.outline_groups.get(r)) is not None \
                and group != self._outline_group and self._opens_group(group):
            # "2.1 | 2.2" under no heading of group 2: the group opens here, numbered, unnamed
            self._outline_group = group
            self._new_category("")
            assert self.category is not None
            self.category.number = group
            self._category_text = ""
        elif not category_t and self.category is None:
            self._new_category("")
            self._category_text = ""

        issue_no_v = self._value(r, F.ISSUE_NO)
        issue_no = _int(issue_no_v)
        if issue_no is None and type(issue_no_v) is str and (label := _NUMBER_LABEL.match(issue_no_v)):
            issue_no = to_int(label.group(1) or label.group(2))  # "问题3", "第三个问题": issue 3
        code = _text(issue_no_v) if self._by_code and issue_no is None else ""
        if code and not self.issue_list:
            self._coded_issue(r, code, issue_t)
        elif not issue_t and self.issue_list and _text(issue_no_v):
            # a task of a 任务清单, under its issue of the 问题清单 (none: a code the list lacks)
            listed = self.issue_list.get(_text(issue_no_v))
            if listed is None:
                self.issue, self._issue_key = None, (None, "")
                self.ledger.unlisted_codes[(self.grid.name, r + 1)] = (
                    _text(issue_no_v), next(iter(self.issue_list.values())).sheet)
            else:
                self._listed_issue(listed)
        elif issue_t or issue_no is not None:
            # the issue copied onto each of its measures' rows, a full stop or a space more on one
            # ("学习不深入" | "学习不深入。"): one issue, not two under one number
            key = (issue_no, normalize_for_compare(issue_t).rstrip(_TRAILING_MARKS))
            if issue_no is None and key[1] and self.issue is not None and key[1] == self._issue_key[1]:
                # the issue numbered on its first row only (1 | 问题 | no measure), its text merged or
                # copied down over its measures' rows: the same issue, not one without measures
                # and a second of the same words
                key = self._issue_key
            elif not key[1] and self.issue is not None and issue_no == self._issue_key[0]:
                # its number written again on each measure's row (1 | 1 | 2), its text on the first
                # only: the same issue, not a second of no words under one number
                key = self._issue_key
            assert self.category is not None
            # an issue written on each of its rows, met again after others (a ledger sorted by
            # 责任单位): the issue opened before, not a second one of the same words
            again = ((self._issues_seen or {}).get((id(self.category), key))
                     if key[1] and key != self._issue_key else None)
            if again is not None:
                self.issue, self._issue_key = again, key
            elif self.issue is None or key != self._issue_key:
                number, title = split_issue_label(issue_t)
                if number is None and _CATEGORY_LABEL.match(issue_t):
                    number, title = split_category_label(issue_t)  # "（一）…": the issue's own label
                assert self.category is not None
                issue_cell = self._cell(r, F.ISSUE)[1]
                issue_no_cell = self._cell(r, F.ISSUE_NO)[1]
                self.issue = Issue(
                    title=title,
                    number=issue_no if issue_no is not None else number,
                    sheet=self.grid.name,
                    row=r + 1,
                    cells={F.ISSUE: issue_cell, **({F.ISSUE_NO: issue_no_cell} if issue_no_cell else {})},
                )
                if own_measure and not issue_cell:
                    self.issue.cells[F.ISSUE] = self.ref(F.MEASURE, r)
                self.category.issues.append(self.issue)
                self._issue_key = key
                if self._issues_seen is None:
                    self._issues_seen = {}
                self._issues_seen.setdefault((id(self.category), key), self.issue)

        measure_c = self.cols.get(F.MEASURE)
        if measure_c is not None and self._measure_merged(r, measure_c) and not self._opens_issue(r, measure_c):
            self._owners_below(r, measure_c)
            self._steps_below(r, measure_c)
            return  # a measure merged over several rows is one measure: read at its anchor
        if r in self.error_rows:
            self._note_errors(r, (F.MEASURE,))
        measure_t = own_measure or texts[F.MEASURE][r]
        if not measure_t:
            if not (measure_t := self._done_at_once(r)):
                return
        if self._progress_of_measure_above(r, measure_t):
            return
        measure = self._measure(r, measure_t)
        self._read_any = True
        found = [measure, *self._side_measures_of(r, measure)] if self._side_measures else [measure]
        if self._unit_status:
            found = [share for m in found for share in self._unit_shares_of(r, m)]
        if self.issue is None:
            self.ledger.orphans.extend(found)
        else:
            self.issue.measures.extend(found)

    def _opens_group(self, group: int) -> bool:
        """Rows numbered "2.1" start group 2 with no heading naming it: the aspect or category just
        opened above them (二、… | （二）…) is not numbered 2, or has issues already. Under 二、… and
        its （一）…, "2.1" numbers the aspect's issues: the category opened stays theirs."""
        self._outline_group = group
        if self.category is not None and self.category.issues:
            return True
        if self.category is not None and self.category.number is not None:
            return self.category.number != group and (self.aspect is None or self.aspect.number != group)
        return self.aspect is None or self.aspect.number != group

    def _progress_of_measure_above(self, r: int, text: str) -> bool:
        """A row whose measure cell tells how the measure above got on ("整改进展：已查处2起",
        "进展情况：…"), the rest of the row blank or merged from above: a ledger writing each
        measure's progress on the row under it. It is that measure's progress, not a measure."""
        label = _PROGRESS_LINE.match(text)
        if label is None or self.issue is None or not self.issue.measures:
            return False
        for f in (F.OWNER_UNIT, F.OWNER_PERSON, F.DEADLINE, F.STATUS, F.PROGRESS):
            c = self.cols.get(f)
            if c is not None and not _blank(self.grid.value(r, c)) and not is_placeholder(_text(self.grid.value(r, c))):
                return False  # the row says who, when or how far of its own: a measure
        above = self.issue.measures[-1]
        said = text[label.end():].strip()
        if said:
            above.progress = f"{above.progress}；{said}" if above.progress else said
        return True

    def _done_at_once(self, r: int) -> str:
        """An issue's own row with no measure written, due at once (立行立改, 即知即改) and saying how
        far it got: the issue was put right at once, its one measure that word — not an issue
        without a measure. "" for any other row without a measure."""
        if F.MEASURE not in self.cols or self.issue is None or self.issue.row != r + 1 or self.issue.measures \
                or F.DEADLINE not in self.values:
            return ""
        status = self._status(self.texts[F.STATUS][r]).status
        if status is None and self._status_from_progress:  # "已整改到位，已约谈…" in a 整改落实情况 column
            status = split_opening_reading(self.texts[F.PROGRESS][r], by_rules=True)[0].status
        if status is None:
            return ""  # (a status that cannot be read says nothing of how far it got)
        word = _text(self.values[F.DEADLINE][r]).replace(" ", "")
        if self._deadline(word).kind is not DeadlineKind.IMMEDIATE or not RECTIFY_KINDS.match(word):
            return ""
        return word

    def _unit_shares_of(self, r: int, measure: Measure) -> Iterator[Measure]:
        """``measure`` as each unit of a matrix of units' statuses has it (南山社区 已完成, 北湖社区
        正在推进): a share per unit whose cell says something, its status that cell's; the measure
        with no unit nor status when none does."""
        shared = False
        for c, unit, texts in self._unit_status:
            if not (text := texts[r]):
                continue
            shared = True
            reading = self._status(text)
            cell = a1(*(self.filled.anchor_of(r, c) or (r, c)))
            yield replace(measure, owner_unit=unit, status=reading.status, status_text=text, stage=reading.stage,
                          continuing=reading.continuing, progress=reading.rest or measure.progress,
                          status_inferred=False, status_from_account=False,
                          cells=_Override(_Override(measure.cells, F.STATUS, cell), F.OWNER_UNIT, cell),
                          raw=_Override(measure.raw, F.STATUS, text))
        if not shared:
            yield replace(measure, owner_unit="", status=None, status_text="", stage=None, continuing=False)

    def _side_measures_of(self, r: int, measure: Measure) -> Iterator[Measure]:
        """The measures of row ``r`` written in the numbered columns after the first (整改措施2 |
        整改措施3): ``measure`` with each one's text and cell, its row's owners, deadline and status."""
        for c, texts in self._side_measures:
            text = texts[r]
            if not text or self.filled.anchor_of(r, c) is not None:
                continue
            cell = a1(r, c)
            yield replace(measure, text=text, cells=_Override(measure.cells, F.MEASURE, cell),
                          raw=_Override(measure.raw, F.MEASURE, self.grid.value(r, c)))

    def _coded_issue(self, r: int, code: str, issue_t: str) -> None:
        """The issue of code ``code`` in this category: the one already opened (wherever its rows
        were), or a new one from row ``r``."""
        assert self.category is not None
        known = self._coded.get((id(self.category), code))
        if known is None:
            number, title = split_issue_label(issue_t)
            issue_no_cell = self._cell(r, F.ISSUE_NO)[1]
            known = Issue(title=title, number=number, sheet=self.grid.name, row=r + 1,
                          cells={F.ISSUE: self._cell(r, F.ISSUE)[1],
                                 **({F.ISSUE_NO: issue_no_cell} if issue_no_cell else {})})
            self.category.issues.append(known)
            self._coded[(id(self.category), code)] = known
        elif issue_t and not known.title:
            known.title = split_issue_label(issue_t)[1]
        self.issue, self._issue_key = known, (None, code)

    def _listed_issue(self, listed: _ListedIssue) -> None:
        """The issue ``listed`` (of a separate 问题清单), opened the first time a task names it."""
        key = (listed.number, listed.title)
        if self.issue is not None and key == self._issue_key:
            return
        assert self.category is not None
        known = next((i for i in self.category.issues if (i.number, i.title) == key), None)
        if known is None:
            known = Issue(title=listed.title, number=listed.number, sheet=listed.sheet, row=listed.row,
                          cells={F.ISSUE: listed.cell})
            self.category.issues.append(known)
        self.issue, self._issue_key = known, key

    _aspect_text = ""
    _category_text = ""
    #: the group number of the last row numbered "2.1" (:attr:`Grid.outline_groups`)
    _outline_group: int | None = None
    #: the unit every measure of the sheet is, named by the sheet (:meth:`owned_by`)
    _sheet_unit = ""
    #: :meth:`_units_in_person_column`, once decided
    _person_units: bool | None = None
    #: :meth:`_colour_status`'s legend, once read
    _legend: dict[str, Status] | None = None
    #: (row, column) of every cell anchoring a range merged down (:meth:`_merged_over_below`)
    _down_anchors: set[tuple[int, int]] | None = None
    #: a measure was read on this sheet; under it, a note has begun the foot of the table
    _read_any = False
    _footer = False
    _issue_key: tuple[int | None, str] = (None, "")
    #: the issues opened, by category and key (:meth:`read_row`): one written again lower down is that one
    _issues_seen: dict[tuple[int, tuple[int | None, str]], Issue] | None = None

    def _colour_status(self, r: int) -> tuple[str, Status] | None:
        """The status row ``r``'s fill colour stands for by the sheet's legend ("已完成的标注绿色，正在
        推进的标注黄色", written above or under the table or in a column's name): the colour of its
        status cell, else of its measure cell, else the one colour its filled cells share; with the
        colour's word."""
        if self._legend is None:
            self._legend = self._read_legend()
        if not self._legend:
            return None
        fills = self.grid.fills
        colour = next((fills[(r, c)] for f in (F.STATUS, F.MEASURE) if (c := self.cols.get(f)) is not None
                       and (r, c) in fills), None)
        if colour is None:
            found = {fills[(r, c)] for c in range(self.width) if (r, c) in fills}
            colour = next(iter(found)) if len(found) == 1 else None
            if not found and self.grid.colours_by_font and "黑" in self._legend:
                colour = "黑"  # "黑色字体为已完成": a row typed in no colour is in the default black
            elif not found and REST in self._legend:
                colour = REST  # "其余为已完成": a row in no colour
        status = colour_status(self._legend, colour)
        return None if colour is None or status is None else (colour, status)

    def _read_legend(self) -> dict[str, Status]:
        """The sheet's colour legend (:func:`colour_legend`), read from the rows above its first
        measure and under its last."""
        return colour_legend(self._legend_texts())

    def _legend_texts(self) -> list[str]:
        """The texts above the sheet's first measure and under its last, where a legend is written."""
        grid, header = self.grid, self.header
        texts = [v for row in grid.rows[:header.row + 1] for v in row if isinstance(v, str)]
        return texts + [v for row in _foot_rows(grid, header) for v in row if isinstance(v, str)]

    def _units_in_person_column(self) -> bool:
        """This sheet has no 责任单位 column and its 责任人 cells name the unit before the person
        ("党政办 刘洋", "财政所：郑华"; two in three of those filled, two at least): a township's
        way of writing who answers for each measure. Decided once, for the whole sheet."""
        if self._person_units is None:
            self._person_units = False
            if F.OWNER_UNIT not in self.cols and F.OWNER_PERSON in self.cols and not self._sheet_unit:
                filled = [v for v in self.texts[F.OWNER_PERSON][self.header.data_start:] if v]
                named = sum(unit_with_person(v) is not None for v in filled)
                if named >= 2 and 3 * named >= 2 * len(filled):
                    self._person_units = True
                    self.sheet.unit_from_person = self._where[F.OWNER_PERSON][0]
        return self._person_units

    def _measure(self, r: int, text: str) -> Measure:
        if r in self.error_rows:
            self._note_errors(r, self.errors)  # every field of a measure row is read
        t = self.texts
        values = self.values
        status_text = t[F.STATUS][r]
        completed_text = t[F.COMPLETED][r]
        reading = self._status(status_text)
        if "\n" in status_text and (listed := line_statuses(
                status_text, len(enumerated_items(text) or [line for line in text.split("\n") if line.strip()]))):
            reading = listed  # "已完成\n正在推进\n长期坚持" beside the three measures the row lists
        if reading.status is None and status_text and (verb := dropped(status_text)) and verb in text:
            # "已取消" beside "取消违规发放的津贴": the measure's own action done, not the measure dropped
            reading = StatusReading(Status.DONE)
        swapped = self._swapped(r) if reading.status is None and status_text else None
        if swapped is not None:
            status_text, reading = swapped[1], swapped[2]
        inferred = False
        progress = t[F.PROGRESS][r]
        told = ""  # the progress a status was read from, as written
        if self._status_from_progress and reading.status is None:
            # no status column: a progress cell opening with a status word ("已完成。共轮训…") says it,
            # and the rest of the cell is the progress (as in a status cell "已完成。召开专题会2次……")
            reading, after = split_opening_reading(progress, by_rules=True)
            if reading.status is not None:
                told, progress = progress, after
        fields_uncomputed = self.uncomputed.get(r)
        uncomputed = frozenset(fields_uncomputed) if fields_uncomputed else _NONE_UNCOMPUTED
        from_today = frozenset(self.from_today.get(r, ())) & _MOVING_DAYS
        for field_name in uncomputed - from_today:  # (a day of today's: deadline-from-today names it)
            if ref := self.ref(field_name, r):
                self.sheet.uncomputed_cells[ref] = field_name
        deadline = values.get(F.DEADLINE) if F.DEADLINE not in from_today else None  # no day: it moves
        completed = values.get(F.COMPLETED)
        evidence = t[F.EVIDENCE][r]
        if self._completed_with_evidence and completed_text:
            completed_text, evidence = _day_and_evidence(completed_text)
        completed_value = completed_text if self._completed_with_evidence else (
            completed[r] if completed is not None else None)
        completed_on = self._completed(completed_value) if completed_text and completed_value is not None else None
        if reading.status is None and status_text.endswith("完成") and (
                month := _MONTH_DONE.match(status_text)) is not None:
            reading, finished = self._month_done(month.group(1))
            if finished is not None and not completed_text:
                completed_on, completed_text = finished, month.group(1)
        elif reading.status is None and status_text[:1].isdigit() and _DATE_ONLY.match(status_text):
            # a status cell holding a day alone ("2026.8.20", "8月20日", an Excel date): the day the
            # work was finished, when the report date is on or after it — as "2026年8月完成" is
            raw = values.get(F.STATUS)
            reading, finished = self._day_done(raw[r] if raw is not None else status_text)
            if reading.status is not None and self._status_days_are_deadlines():
                # every day in the status column is its row's 整改时限: the deadline column pasted
                # there, not the days the work was finished — unread (bad-status tells it)
                reading, finished = StatusReading(None), None
            if finished is not None and not completed_text:
                completed_on, completed_text = finished, status_text
        rest = reading.rest
        if rest and not completed_text and reading.status is Status.DONE and _DATE_ONLY.match(rest):
            # "已完成（2025年5月20日）", "完成 2025.4.30": the date it was finished, not a progress
            stated = self._deadline(rest)
            if stated.kind is DeadlineKind.DATE:
                completed_on, completed_text, rest = stated.due, rest, ""
        elif reading.status is Status.DONE and not completed_text and (
                said := finished_day(status_text or told))[0]:
            # "2026.10.15已完成", "已于10月20日完成整改", "已完成，完成时间2026年10月20日": the day it was
            # finished, told in the status cell or the progress it was read from (a month is read as
            # "2026年8月完成" is)
            if (finished := self._completed(said[0])) is not None:
                completed_on, completed_text = finished, said[0]
                rest = rest if said[1] or not status_text else ""
        elif self._status_from_progress and reading.status is Status.DONE and not completed_text and progress and (
                (head := _FIRST_CLAUSE.match(progress)) is not None and _DATE_ONLY.match(head.group(1))):
            # "已完成（2025年6月），修订制度3项。" opening the account: the date it was finished, then the progress
            stated = self._deadline(head.group(1))
            if stated.kind is DeadlineKind.DATE:
                completed_on, completed_text, progress = stated.due, head.group(1), progress[head.end():].strip()
        colour = ""
        if self.grid.fills and (reading.status is None or status_phrase(status_text) is None) and (
                coloured := self._colour_status(r)) is not None:
            # no status word (none, or an account of the work: "已培训2期"), the row filled with a colour
            # the sheet's legend keys ("已完成的标注绿色"): the status the clerk gave it; the words in its
            # status cell, an account of the work
            reading, colour = StatusReading(coloured[1]), coloured[0]
            self.sheet.colours_by_font = self.grid.colours_by_font
            if status_text and not progress:
                progress = status_text
        elif reading.status is None and not self.grid.fills_read and self._legend is None:
            self._legend = {}
            if legend := self._read_legend():
                # the sheet keys its colours, but its file keeps no fills rectxl reads (.csv, Word):
                # bad-status and missing-status say so
                self.sheet.colours_unread = "、".join(f"{c}{'' if c == REST else '色'}为{s}" for c, s in legend.items())
                self.sheet.colours_by_font = keys_font(self._legend_texts())
        if reading.status is None and (account := (status_text and not progress and ACCOUNT_TEXT.search(status_text)
                                                   and box_choices(status_text) is None and status_text)
                                                  or (not status_text and self._status_from_progress and progress)):
            # (a form's boxes, ticked twice or not at all, are no account: bad-status and
            # missing-status say which to tick)
            if (read := self._account_status(account, completed_on)) is not None:
                reading, inferred = StatusReading(read), True
                if status_text and not progress:
                    progress = status_text  # the account is the progress its status was read from
        if reading.status is Status.IN_PROGRESS and progress and not_started_by_progress(status_text, progress):
            reading = replace(reading, status=Status.NOT_STARTED)  # a yes/no 完成情况 column's 未完成
        elif reading.status is Status.IN_PROGRESS and progress and (
                beside := status_beside_not_closed(status_text, progress)) is not None:
            reading = beside  # a 销号情况 column's 未销号 beside work done: done, not closed
        if reading.status is None and F.STATUS not in self.cols and (stage := self._closure_recorded(r)) is not None:
            # no status column, and the row marked 是否销号 是 (or given its 销号日期, 验收日期): the work
            # was done, and accepted or closed — not a measure of unknown status
            reading, inferred = StatusReading(Status.DONE, stage=stage), True
        if reading.status is None and F.STATUS not in self.cols and completed_on is not None and (
                (report := self.ledger.info.report_date) is None or completed_on <= report):
            # no status column, the row's 完成时间 given (on or before the report date): the work was
            # done then — not a measure of unknown status, overdue since its deadline
            reading, inferred = StatusReading(Status.DONE), True
        lead, unit, person = t[F.LEAD][r], t[F.OWNER_UNIT][r] or self._sheet_unit, t[F.OWNER_PERSON][r]
        if not unit and person and self._units_in_person_column() and (named := unit_with_person(person)):
            unit, person = named  # "党政办 刘洋" in a 责任人 column, the sheet having no 责任单位 column
        elif unit and not (lead and person):
            # the people a clerk wrote beside the unit ("办公室（张三）", "党政办/李四",
            # "规财股（分管领导：刘某）") are the row's, where their own columns say nothing
            named_lead, named_person = unit_people(unit)
            if self._unit_names_lead and not named_lead:
                named_lead, named_person = named_person, ""
            lead, person = lead or named_lead, person or named_person
        cells: Mapping[str, str] = RowCells(self.store, r)
        as_read: Mapping[str, Any] = RowValues(self.values, r)
        if swapped is not None:
            # each field at the cell it was typed in, its value as typed there
            cells = _Override(_Override(cells, F.STATUS, self.ref(F.DEADLINE, r)), F.DEADLINE, self.ref(F.STATUS, r))
            as_read = _Override(_Override(as_read, F.STATUS, as_read.get(F.DEADLINE)), F.DEADLINE,
                                as_read.get(F.STATUS))
        return Measure(
            text=text,
            sheet=self.grid.name,
            row=r + 1,
            lead=lead,
            owner_unit=unit,
            owner_person=person,
            deadline=swapped[0] if swapped is not None else self._deadline_of(
                r, deadline[r] if deadline is not None else None),
            status=reading.status,
            status_text=status_text,
            status_from_account=inferred,
            status_colour=colour,
            stage=reading.stage,
            continuing=reading.continuing,
            swapped=swapped is not None,
            completed_on=completed_on,
            completed_text=completed_text,
            # "已完成。召开专题会2次……": the leading word is the status, the rest is progress
            progress=progress or rest,
            evidence=evidence or (self.grid.pictures.get(self.ref(F.EVIDENCE, r), "")
                                          if self.grid.pictures and F.EVIDENCE in self.store.where else ""),
            evidence_link=self.grid.links.get(self.ref(F.EVIDENCE, r), "")
            if self.grid.links and F.EVIDENCE in self.store.where else "",
            remark=t[F.REMARK][r],
            uncomputed=uncomputed,
            from_today=from_today,
            extra={f: t[f][r] for f in self._extra_fields if t[f][r]} if self._extra_fields else {},
            cells=cells,
            raw=as_read,
        )

    def _closure_recorded(self, r: int) -> Stage | None:
        """The furthest closure row ``r``'s 是否销号 / 是否验收 / 销号日期 / 验收日期 cells record, if any."""
        for flag, when, stage in ((F.CLOSED_FLAG, F.CLOSED, Stage.CLOSED),
                                  (F.ACCEPTED_FLAG, F.ACCEPTED, Stage.ACCEPTED)):
            if (values := self.values.get(flag)) is not None and flag_says(values[r], self.texts[flag][r]):
                return stage
            if (values := self.values.get(when)) is not None and (
                    isinstance(values[r], date) or (self.texts[when][r] and parse_date(self.texts[when][r]))):
                return stage
        return None

    def _swapped(self, r: int) -> tuple[Deadline, str, StatusReading] | None:
        """Row ``r``'s 整改时限 and 整改状态 typed into each other's cells (时限 "正在推进", 状态
        "2026年9月30日" — a row, or the two columns, filled the wrong way round): the deadline the
        status cell gives, and the text and reading of the status the deadline cell gives; ``None``
        when the deadline cell is no status alone (长期坚持 is a deadline too) or the status cell
        no deadline."""
        deadlines, statuses = self.values.get(F.DEADLINE), self.values.get(F.STATUS)
        if deadlines is None or statuses is None or _blank(deadlines[r]):
            return None
        held = _text(deadlines[r])
        if (reading := self._status(held)).status is None or self._deadline(deadlines[r]).kind is not (
                DeadlineKind.INVALID):
            return None
        due = self._deadline_of(r, statuses[r])
        if due.kind in (DeadlineKind.INVALID, DeadlineKind.EMPTY):
            return None
        return due, held, reading

    def _deadline_of(self, r: int, value: Any) -> Deadline:
        """Row ``r``'s deadline: its 整改时限 cell, and what a 整改类型 column adds (立行立改 with no
        date is due at once; 长期坚持 beside a date is "…完成并长期坚持")."""
        kinds = self.texts.get(F.RECTIFY_KIND)
        kind = kinds[r].replace(" ", "") if kinds is not None else ""
        if not kind or not RECTIFY_KINDS.match(kind):
            return self._deadline(value)
        if value is None or value == "":
            return self._deadline(kind)
        own = self._deadline(value)
        if own.kind in (DeadlineKind.DATE,) and ("长期" in kind or "持续" in kind or "常态" in kind):
            return self._deadline(f"{own.text}，{kind}")
        return own

    def _due_in_text(self, value: Any) -> Any:
        """The deadline a measure's text names in its last clause that reads as one ("制定学习计划，
        2025年6月底前完成" → "2025年6月底前完成", "建立研判机制（2025年12月31日前）", "…，立行立改");
        "" when it names none."""
        if type(value) is not str:
            return value
        if (items := enumerated_items(value)) is not None:
            # "1.开展清理，5月底前完成；2.建立制度，6月底前完成": each measure the cell lists has its
            # own, read as a 整改时限 cell listing them ("5月底前完成；6月底前完成") — not the last one's
            dues = [self._last_due(item) for item in items]
            if all(dues):
                return "；".join(dues)
        return self._last_due(value)

    def _owner_due(self, value: Any) -> tuple[Any, Any]:
        """(the owners, the deadline) of an owner cell naming when the work is due after them
        ("县住建局 王某某 2026年6月底前" → ("县住建局 王某某", "2026年6月底前")); the value and ""
        when no part of it reads as a deadline."""
        if type(value) is not str:
            return ("", value) if isinstance(value, date) else (value, "")
        unread = (DeadlineKind.INVALID, DeadlineKind.EMPTY)
        for piece in reversed(_OWNER_PIECES.split(value)):
            if (piece := piece.strip()) and self._deadline(piece).kind not in unread:
                at = value.rfind(piece)
                end = at + len(piece)
                # the pieces before it that read as a deadline with it: "2026年9月底前完成，并长期坚持" whole
                while (before := value[:at].rstrip(" \u3000\n，,；;、/")) and (
                        prior := _OWNER_PIECES.split(before)[-1].strip()) and (
                        self._deadline(prior).kind not in unread
                        and self._deadline(value[before.rfind(prior):end]).kind not in unread):
                    at = before.rfind(prior)
                owners = (value[:at] + value[end:]).strip(" \u3000\n，,；;、/：:（）()")
                return owners, value[at:end]
        return value, ""

    def _last_due(self, value: str) -> str:
        """The last clause of a text that reads as a deadline; "" when none does."""
        for clause in reversed(_DUE_CLAUSES.split(value)):
            if (clause := clause.strip()) and self._deadline(clause).kind not in (
                    DeadlineKind.INVALID, DeadlineKind.EMPTY):
                return clause
        return ""

    def _status_last(self, value: Any) -> tuple[Any, str]:
        """(the measure, its status) of a measure's text whose last clause says how far it got
        ("建立巡林台账，已完成" → "建立巡林台账", "已完成"); the text and "" when it says none."""
        if type(value) is not str:
            return value, ""
        clauses = _DUE_CLAUSES.split(value.rstrip("。；;，, "))
        last = clauses[-1].strip()
        if len(clauses) < 2 or not last or len(last) > _STATUS_CLAUSE or (
                reading := self._status(last)).status is None or reading.rest:
            return value, ""  # (an account, "已建立制度3项", is no status word)
        return value.rstrip("。；;，, ")[:-len(clauses[-1])].rstrip("，,；;。（( "), last

    def _deadline(self, value: Any) -> Deadline:
        """:func:`parse_deadline`, once per distinct value (a ledger repeats a few dozen phrases)."""
        key = (type(value), value)
        try:
            return self._deadlines[key]
        except KeyError:
            deadline = parse_deadline(value, feedback_date=self.feedback)
            if deadline.kind is DeadlineKind.INVALID and self._year_from is not None and (
                    dated := parse_deadline_in_year(value, self._year_from)) is not None:
                deadline = dated  # "9月底前" with no feedback date: the year the ledger gives (deadline-year-assumed)
            self._deadlines[key] = deadline
            return deadline
        except TypeError:  # unhashable
            return parse_deadline(value, feedback_date=self.feedback)

    def _completed(self, value: Any) -> date | None:
        """:func:`parse_date` of a 完成时间 value, once per distinct value. A day written without its
        year ("9月25日") takes the year a deadline written so takes (the feedback date, else the
        year the ledger gives: deadline-year-assumed) — one rule for both columns — except that a
        day something was finished is not after the report date: such a day is the year before's —
        even before the feedback (work put right while the inspectors were there, or a slip the
        clerk is to check): a year the clerk never wrote is never quoted back as a day to come."""
        if isinstance(value, str) and "月" in value and (
                month := completed_in_report_month(value, self.ledger.info.report_date)) is not None:
            return month  # "本月", "上月": a monthly report's, counted from its report date
        deadline = self._deadline(value)
        if deadline.kind is not DeadlineKind.DATE or deadline.due is None:
            return None
        due, report = deadline.due, self.ledger.info.report_date
        if report is not None and due > report and isinstance(value, str) and (
                parse_deadline(value).kind is not DeadlineKind.DATE):  # the year was not written
            return _year_before(due)
        return due

    def _account_status(self, account: str, completed_on: date | None) -> Status | None:
        """The status of a row whose status cell — or, with no status column, its 整改落实情况 —
        is an account of the work with no status word ("共整理归档执法卷宗860卷，逐卷编目。"), and
        the row's only word on the work (no progress beside it, which may say otherwise): a ledger
        that keeps no 整改状态 column (DESIGN §2 counts 整改情况 among the status headers) says how
        far the work got the way a person reads it.

        Decided so: a completion date (完成时间, 实际完成时间) on or before the ledger's report date
        — any, when it states none — says the work is done, whatever the account goes on to tell;
        else the account's own wording by :func:`read_account` ("已全部清理完毕", "已建立…并印发",
        "已于8月完成" done; "正在…", "下一步将…" going on; "计划于…启动" not begun); else ``None``,
        and bad-status asks for the status. A completion date after the report date says nothing
        (completion-in-future names it). A short word that is no status ("待定") never comes here:
        it is a wrong pick from the list, not an account."""
        report = self.ledger.info.report_date
        if completed_on is not None and (report is None or completed_on <= report):
            return Status.DONE
        from rectxl.core.notice.parse import read_account  # (the notice's reading of prose)

        return read_account(account)

    def _month_done(self, month: str) -> tuple[StatusReading, date | None]:
        """A status cell giving a month and 完成 ("2024年5月完成", or "10月完成", its year read as a
        deadline's is): done then, when that month had ended by the ledger's report date (the day
        it may be finished in), or else the month it is to be done in — going on; unread when the
        ledger states no report date. A day ("10月20日完成") is read the same way."""
        report = self.ledger.info.report_date
        stated = self._deadline(month)
        if report is None or stated.kind is not DeadlineKind.DATE or stated.due is None:
            return StatusReading(None), None
        if stated.due <= report:
            return StatusReading(Status.DONE), stated.due
        return StatusReading(Status.IN_PROGRESS), None

    #: whether the status column's days are its rows' deadlines (:meth:`_status_days_are_deadlines`)
    _days_as_deadlines: bool | None = None

    def _status_days_are_deadlines(self) -> bool:
        """Whether the sheet's status cells holding a day are, two or more of them and every one,
        the day of their row's 整改时限 (the deadline column pasted into the status column): one
        measure finished on its deadline day is common, a whole column of them is a slip."""
        if self._days_as_deadlines is None:
            texts, raw = self.texts[F.STATUS], self.values.get(F.STATUS)
            deadlines = self.values.get(F.DEADLINE)
            same = 0
            for r, text in enumerate(texts):
                if not (text[:1].isdigit() and _DATE_ONLY.match(text)) or self._status(text).status is not None:
                    continue
                day = self._completed(raw[r] if raw is not None else text)
                if day is None:
                    continue
                if deadlines is None or self._deadline_of(r, deadlines[r]).due != day:
                    same = -1
                    break
                same += 1
            self._days_as_deadlines = same >= 2
        return self._days_as_deadlines

    def _day_done(self, value: Any) -> tuple[StatusReading, date | None]:
        """A status cell that is a day (a 完成情况 column filled with the day each measure was
        finished): done on it when the ledger's report date is that day or later; a day after the
        report is the day it is planned for — going on; unread with no report date or no day."""
        report = self.ledger.info.report_date
        day = self._completed(value)
        if report is None or day is None:
            return StatusReading(None), None
        if day <= report:
            return StatusReading(Status.DONE), day
        return StatusReading(Status.IN_PROGRESS), None

    def _status(self, text: str) -> StatusReading:
        """:func:`read_status`, once per distinct text."""
        if text not in self._statuses:
            self._statuses[text] = read_status(text)
        return self._statuses[text]


_NONE_UNCOMPUTED: frozenset[str] = frozenset()
#: the fields read as no day when a formula works them out from today's date (a 整改时限 of
#: ``=TODAY()+30`` moves on each day it is opened: never past)
_MOVING_DAYS = frozenset({F.DEADLINE})


class _ColumnStore:
    """A sheet's ledger columns as read (merged cells filled in) and where each field's cells are."""

    __slots__ = ("values", "where")

    def __init__(self, values: dict[str, list[Any]],
                 where: dict[str, tuple[str, list[tuple[int, int] | None] | None]]) -> None:
        self.values = values
        self.where = where

    def ref(self, field_name: str, r: int) -> str:
        """A1 of the cell holding row ``r``'s value of ``field_name`` (a merged cell's anchor); ""
        for a column joined from another sheet (:attr:`Grid.joined_cols`)."""
        letter, anchors = self.where[field_name]
        if not letter:
            return ""
        anchor = anchors[r] if anchors is not None else None
        return a1(anchor[0], anchor[1]) if anchor is not None else f"{letter}{r + 1}"


class RowCells(Mapping[str, str]):
    """A measure's ``cells`` read from its sheet's columns: field → A1 of the cell holding its
    value, made when asked (a finding) — building a dict per row cost more than all the rules
    together on a 100,000-row ledger."""

    __slots__ = ("_row", "_store")

    def __init__(self, store: _ColumnStore, row: int) -> None:
        self._store = store
        self._row = row

    def __getitem__(self, field_name: str) -> str:
        if field_name not in self._store.values or not (ref := self._store.ref(field_name, self._row)):
            raise KeyError(field_name)  # (a column joined from another sheet: no cell of this one)
        return ref

    def __contains__(self, field_name: object) -> bool:
        return field_name in self._store.values and bool(self._store.where[str(field_name)][0])

    def __iter__(self) -> Iterator[str]:
        return (f for f in self._store.values if self._store.where[f][0])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Override(Mapping[str, Any]):
    """A measure's cells or values with one field's given otherwise (a measure of a further
    numbered measure column: its own text cell, the row's other cells)."""

    __slots__ = ("_base", "_field", "_value")

    def __init__(self, base: Mapping[str, Any], field_name: str, value: Any) -> None:
        self._base, self._field, self._value = base, field_name, value

    def __getitem__(self, field_name: str) -> Any:
        return self._value if field_name == self._field else self._base[field_name]

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        if self._field not in self._base:
            yield self._field

    def __len__(self) -> int:
        return len(self._base) + (self._field not in self._base)


class RowValues(Mapping[str, Any]):
    """A measure's ``raw`` values as read (merged cells filled in), looked up in its sheet's
    columns when asked instead of copied into a dict per row."""

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: dict[str, list[Any]], row: int) -> None:
        self._columns = columns
        self._row = row

    def __getitem__(self, field_name: str) -> Any:
        return self._columns[field_name][self._row]

    def __contains__(self, field_name: object) -> bool:
        return field_name in self._columns

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def _transpose(rows: list[list[Any]], width: int) -> list[tuple[Any, ...]] | None:
    """The sheet's columns in one pass over the rows (instead of one pass per column), when every
    row holds the ledger's columns and the sheet is not much wider; else ``None``."""
    if not rows:
        return None
    lengths = set(map(len, rows))
    if min(lengths) < width or max(lengths) > 2 * width + 8:
        return None
    return list(zip(*rows, strict=False))  # every row has at least `width` cells


def _error_values(values: list[Any], texts: list[str] | None) -> dict[int, str]:
    """Rows whose value is an Excel error value (#REF!, #N/A …, LibreOffice's Err:502) → the error text."""
    if (texts is not None and not any(map(contains, texts, repeat("#")))
            and not any(map(contains, texts, repeat("Err:")))):
        return {}  # the usual column: no "#" or "Err:" anywhere (a text keeps every "#" of its value)
    return {
        r: v.strip() for r, v in enumerate(values)
        if isinstance(v, str) and ("#" in v or "Err:" in v) and _ERROR_VALUE.match(v.strip())
    }


#: the hierarchy cells read for every data row
_HIERARCHY = (F.ASPECT, F.CATEGORY, F.ISSUE_NO, F.ISSUE)
#: the text fields of a measure, read with :func:`_text`
_MEASURE_TEXT = (F.ASPECT, F.CATEGORY, F.ISSUE, F.MEASURE, F.LEAD, F.OWNER_UNIT, F.OWNER_PERSON, F.STATUS,
                 F.COMPLETED, F.PROGRESS, F.EVIDENCE, F.REMARK, *F.EXTRA_FIELDS)


#: the columns whose cell may say "as the row above" (同上, 〃): who answers for a measure, by when,
#: and how far it got — never the texts that tell one measure from the next
_DITTO_FIELDS = frozenset({F.LEAD, F.OWNER_UNIT, F.OWNER_PERSON, F.CO_OWNER, F.DEADLINE, F.STATUS, F.COMPLETED})
#: a cell saying "the same as the cell above": 同上, 同前, 同上行, the ditto mark 〃 (or its look-alikes
#: ″ and 々 typed for it), alone
_DITTO = LazyPattern(r"(?:同上行?|同前|[〃″々]+)[。.]?")
#: a cell of a column's texts joined by NULs that may be a ditto (:data:`_DITTO` decides)
_DITTO_START = LazyPattern(r"(?:^|\x00)\s*[同〃″々]")


def _fill_dittos(values: list[Any], texts: list[str] | None, start: int) -> None:
    """A cell below the header reading "同上" or "〃" takes the value of the nearest cell above it
    that says something itself — as a merged cell reads its anchor (the cell keeps its address)."""
    # one scan of the column's texts first: most columns hold no ditto, and seven columns are asked
    if _DITTO_START.search("\x00".join([v for v in values[start:] if type(v) is str])) is None:
        return
    last: Any = None
    last_text = ""
    for r in range(start, len(values)):
        v = values[r]
        if type(v) is not str or not v:
            if v != "":
                last, last_text = v, texts[r] if texts is not None else ""
            continue
        if _DITTO.fullmatch(v.strip().replace(" ", "")):
            if last is not None:
                values[r] = last
                if texts is not None:
                    texts[r] = last_text
            continue
        last, last_text = v, texts[r] if texts is not None else ""


def _merged_down(grid: Grid, c: int, header: HeaderMap) -> bool:
    """Column ``c`` has a cell merged down over several data rows (a 序号 merged per issue)."""
    return any(c0 <= c <= c1 and r1 > r0 >= header.data_start for r0, c0, r1, c1 in grid.merges)


def _codes_repeat(grid: Grid, c: int, header: HeaderMap) -> bool:
    """Column ``c`` holds issue codes that are no plain numbers ("XC-2026-03-001", "W-01") and
    some of them stand on more than one row: each code names an issue, wherever its rows are."""
    seen: set[str] = set()
    for row in grid.rows[header.data_start:]:
        v = row[c] if c < len(row) else None
        if _blank(v) or _int(v) is not None:
            continue
        text = _text(v)
        if not _is_code(text):
            continue  # "（1）", "1.", "①", "一", "1-1": a list's marks, not codes
        if text in seen:
            return True
        seen.add(text)
    return False


#: an issue code with letters ("XC-2026-03-001", "W-01", "T1")
_LETTER_CODE = LazyPattern(r"[A-Za-z][A-Za-z0-9\-_.]*|[0-9][A-Za-z0-9\-_.]*[A-Za-z][A-Za-z0-9\-_.]*")
_NUMBER_CODE = LazyPattern(r"\d+(?:[-_.]\d+)+")


def _is_code(text: str) -> bool:
    """An issue code, not an enumeration's mark: letters and digits ("XC-2026-03-001", "W-01"),
    or numbers joined by marks with five digits or more ("2026-03-001"; not "1-1", "（1）")."""
    if _LETTER_CODE.fullmatch(text):
        return any(ch.isdigit() for ch in text)
    return bool(_NUMBER_CODE.fullmatch(text)) and sum(ch.isdigit() for ch in text) >= 5


#: a measure's mark in an outline's 序号 column, under its issue's number: (1), ①, 1-1, 1.1
_MEASURE_MARK = LazyPattern(r"[(（]\d{1,2}[)）]|[①-⑳]|\d{1,2}[-－.．]\d{1,2}")


def _numbered_with_issues(grid: Grid, c: int, issue_c: int | None, header: HeaderMap, at_least: int = 2,
                          measure_c: int | None = None) -> bool:
    """Column ``c`` holds a number on each row where an issue starts and nothing on the rows
    that go on with its measures (a 序号 per issue, written once, not merged); ``at_least``
    numbered rows when each is an issue of its own row. A row going on holds a measure (in
    ``measure_c``, when known) and is no line under the table (填表人：… | 审核人：…)."""
    if issue_c is None:
        return False
    numbered = continued = 0
    issues: set[str] = set()
    last = ""
    for row in grid.rows[header.data_start:]:
        number = row[c] if c < len(row) else None
        issue = row[issue_c] if issue_c < len(row) else None
        if _totals_row(row):
            continue  # "合计 | 2个问题" under the header or the table
        if not _blank(number) and _int(number) is not None:
            if _blank(issue) or _text(issue) == last:
                # a number on a row that starts no issue, or a new number beside the issue text
                # written again (each measure's row repeating it): it numbers rows — a note
                # under the table (填表人：…) is no measure's row going on
                return False
            last = _text(issue)
            numbered += 1
            issues.add(last)
        elif _blank(number) and not all(_blank(v) for v in row):
            if _footer_line(row):
                continue  # 填报人： | 王某 under the table
            if not _blank(issue):
                return False  # an issue without a number: the column does not number issues
            if measure_c is None or (measure_c < len(row) and not _blank(row[measure_c])):
                continued += 1
        elif not _blank(number) and _blank(issue) and _MEASURE_MARK.fullmatch(_text(number)):
            continued += 1  # "(1)", "①", "1-1" under "1": the outline's marks for the issue's measures
    # one row per issue, each naming another issue: the 序号 numbers the issues as well as the
    # rows (a 1, 2, 4 is an issue left out)
    return numbered >= at_least and (continued >= 1 or len(issues) == numbered)


def _repeated_with_issues(grid: Grid, c: int, issue_c: int | None, header: HeaderMap) -> bool:
    """Column ``c`` holds the issue's number on every row of the issue (1, 2, 2, 3): a number
    repeats only where its issue goes on (the same text, or a blank cell merged down), and each
    new number starts another issue — not a number per row beside a repeated issue text."""
    if issue_c is None:
        return False
    last: int | None = None
    last_issue = ""
    repeats = 0
    for row in grid.rows[header.data_start:]:
        if _totals_row(row):
            continue
        number = row[c] if c < len(row) else None
        issue = _text(row[issue_c]) if issue_c < len(row) and not _blank(row[issue_c]) else ""
        n = None if _blank(number) else _int(number)
        if n is None:
            if issue:
                return False  # an issue without a number (or with a mark "1-1"): no issue numbers
            continue  # a heading, a note, a blank row
        if n == last:
            if issue and issue != last_issue:
                return False  # one number over two issues: it numbers something else
            repeats += 1
            continue
        if not issue or issue == last_issue:
            return False  # a new number on the same issue: the column numbers rows
        last, last_issue = n, issue
    return repeats >= 1


def _names_aspects(grid: Grid, c: int, header: HeaderMap) -> bool:
    """Column ``c`` (a 问题类别) holds aspect headings ("一、…方面", "（一）党的建设方面") and
    nothing else, and no heading row above the issues names an aspect: the column is the aspect
    (共性问题/个性问题 stay the category)."""
    seen = False
    for row in grid.rows[header.data_start:]:
        v = row[c] if c < len(row) else None
        if _blank(v):
            non_blank = [x for x in row if not _blank(x)]
            if len(non_blank) == 1 and _aspect_heading(_text(non_blank[0])):
                return False  # "二、…" written across its own row: the aspects are there
            continue
        text = _text(v)
        if not (_aspect_heading(text) or _UNNUMBERED_ASPECT.fullmatch(text)):
            return False
        seen = True
    return seen


def _issue_label(text: str) -> tuple[int | None, str]:
    """An issue's number and title from its label: "问题1：…", "1.…", "（一）…问题"."""
    if (m := _ISSUE_ROW.match(text)) is not None and m.end() < len(text):
        return to_int(m.group(1) or m.group(2) or ""), text[m.end():].strip()
    if _CATEGORY_LABEL.match(text):
        return split_category_label(text)
    return split_issue_label(text)


def _labelled_issue(text: str) -> bool:
    """``text`` says it is an issue: "问题1：…", "（一）…问题", "…的问题"."""
    return bool(_ISSUE_ROW.match(text) and text[:2] == "问题") or (
        bool(_CATEGORY_LABEL.match(text)) and text.rstrip("。；;").endswith("问题"))


def _year_before(day: date) -> date:
    """The same day a year earlier (29 February: the 28th)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if (day.month, day.day) == (2, 29) else day.day)
