"""The ledger model: 基本信息 metadata and aspects → categories → issues → measures.

Pure data: plain dataclasses (``rectxl check`` does not import pydantic: its import alone is
several times a small ledger's bare read), each measure a slotted record. A measure remembers the
sheet row it came from and, per field, the cell that holds its value (the top-left cell of a
merged range when the value is shared), so every finding can point at the cell a clerk has to
fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from rectxl.core import fields as F
from rectxl.core.deadline import Deadline, DeadlineKind, month_end
from rectxl.core.status import Status
from rectxl.core.text import LazyPattern, col_index

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PERSON_AND_PHONE_KEYS",
    "PHONE_NUMBER",
    "Aspect",
    "Category",
    "Deadline",
    "DeadlineKind",
    "Issue",
    "Ledger",
    "LedgerInfo",
    "LedgerSheet",
    "Measure",
    "SetAsidePart",
    "Status",
]

#: a sheet set aside as a 科室's copy of part of the 汇总: (its name, the 汇总's, (measure, its status
#: there, the 汇总's) of each row whose status differs)
SetAsidePart = tuple[str, str, tuple[tuple[str, str, str], ...]]


#: the two words for an inspection (traditional 巡視 as typed in a notice copied from Hong Kong or
#: Taiwan sites counts as 巡视)
_INSPECTION_WORDS = LazyPattern(r"巡[视視]|巡察")
#: names that say 巡视 about something else: the regulations every 巡察 notice cites
#: ("根据《中国共产党巡视工作条例》…") and the speeches it studies ("关于巡视工作的重要论述")
_NOT_THE_ROUND = LazyPattern(r"巡[视視](?:巡察)?工作条例|关于巡[视視](?:巡察)?工作的?重要论述")
#: a 回头看 (a second look), quoted or not, in simplified or traditional characters
_SECOND_LOOK = LazyPattern(r"回[头頭][看]")
#: the inspecting group a preamble names ("市委第二巡察组", "巡视组", "县委巡察办")
_GROUP = LazyPattern(r"巡[察视視](?:第.{1,4})?[组組办辦]")


#: 基本信息 keys that hold a person and a number together ("李敏 0855-3621008")
PERSON_AND_PHONE_KEYS = ("联系人及电话", "联系人及联系电话", "联系方式", "联系人和电话", "联系人、电话",
                         "联系人/电话", "联系人电话")
#: a telephone number as a clerk writes one: "0855-3621008", "3621008", "13800000000"
PHONE_NUMBER = re.compile(r"(?:\d{3,4}[-－—]?)?\d{7,8}|1\d{10}")


@dataclass(slots=True)
class LedgerInfo:
    """The optional 基本信息 sheet: who was inspected, when, and the notice's free text."""

    #: 单位名称
    unit_name: str | None = None
    #: 党组织名称(落款)
    party_org: str | None = None
    #: 巡察组
    inspection_group: str | None = None
    #: 巡察开始
    inspection_start: date | None = None
    #: 巡察结束
    inspection_end: date | None = None
    #: 反馈日期
    feedback_date: date | None = None
    #: the 反馈日期 was given to its month only ("反馈时间：2025年4月"): ``feedback_date`` is then
    #: the month's first day — the feedback is a start, no earlier than that day (a deadline before
    #: it is before the feedback) — deadlines counted from it run from :attr:`deadlines_from`, and
    #: the notice says the month, not a day nobody wrote
    feedback_month_only: bool = False
    #: 报告日期 (the as-of date)
    report_date: date | None = None
    #: the 报告日期 was written without its year ("截至11月20日" in a title or a column's name): its
    #: year is the latest that puts it on or before the day it is read
    report_date_unyeared: bool = False
    #: the 报告日期 was written to its month alone ("（2026年11月更新）", "截至2026年11月"): the month's
    #: last day, or the day it is read when that is within the month
    report_month_only: bool = False
    #: 联系电话
    phone: str | None = None
    #: 邮寄地址
    address: str | None = None
    #: 邮编
    postcode: str | None = None
    #: 电子邮箱
    email: str | None = None
    #: 通报标题
    title: str | None = None
    #: 导语
    preamble: str | None = None
    #: 一、组织领导情况 (free text)
    section_one: str | None = None
    #: 三、下一步工作 (free text)
    section_three: str | None = None
    # Notice layout remembered by rectxl.core.notice.parse_notice (renderers fall back to defaults)
    #: “一、”标题 (no numeral)
    heading_one: str | None = None
    #: “二、”标题 (no numeral)
    heading_two: str | None = None
    #: “三、”标题 (no numeral)
    heading_three: str | None = None
    #: “二、”标题与第一个方面/问题之间的导语 (free text)
    section_two_intro: str | None = None
    #: other key | value rows
    extra: dict[str, str] = field(default_factory=dict)
    #: dates written in 基本信息 that could not be read ("2026年13月5日", "2026年9月31日"): cell → (the
    #: attribute, the key as written, the value as written); the date is then taken as not given
    unread_dates: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: where each date of 基本信息 that was read stands: attribute (``inspection_start`` …) → (cell,
    #: the key as written), for a finding on it
    date_cells: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: "巡视" or "巡察" as the ledger itself names the round where no group is named (its title
    #: row "…党委巡视整改台账", its sheet "巡视整改台账", a header "巡视反馈问题")
    round_word: str | None = None
    #: the ledger names its round a 回头看 (a second look a year on) in its title rows, its sheet's
    #: name or its header ("…巡察整改“回头看”发现问题整改台账", "回头看发现问题")
    second_look_named: bool = False
    #: the year the ledger's title names ("某某街道2026年巡察反馈问题整改台账"): where a deadline
    #: written without its year takes it when nothing else dates the ledger
    title_year: int | None = None
    #: the year the deadline column's name gives its deadlines ("整改时限（2026年）", "2026年完成时限"):
    #: a deadline written without its year under it is in that year, before anything else dates it
    deadline_year: int | None = None

    @property
    def second_look(self) -> bool:
        """The round is a 回头看 — the inspectors' second look at how the first round's problems were
        put right, feeding back what they found still wrong or anew — as the ledger names it
        (:attr:`second_look_named`), or a notice's title, its 二、 heading, or a sentence of its
        preamble naming the group that did it ("市委第二巡察组对我局开展了巡察整改“回头看”"). A 回头看
        planned as the unit's own check ("下一步将开展整改“回头看”") is no round of its own."""
        if self.second_look_named:
            return True
        if any(_SECOND_LOOK.search(text) for text in (self.title, self.heading_two) if text):
            return True
        return any(_SECOND_LOOK.search(s) and _GROUP.search(s)
                   for s in re.split(r"[。！？\n]", self.preamble or ""))

    @property
    def problems_source(self) -> str:
        """Whose problems the totals count, as a notice says it before "的N个问题": "巡察反馈的",
        "巡视反馈的", or for a 回头看 "巡察整改“回头看”发现的"."""
        word = self.inspection_word
        return f"{word}整改“回头看”发现的" if self.second_look else f"{word}反馈的"

    @property
    def year_from(self) -> tuple[date, str] | None:
        """With no feedback date, where the year of a deadline written without one ("9月底前",
        "年底前", "春节前") comes from, and the name of what gave it: the inspection's end (the
        feedback follows it: a month before it is the next year's, as after a feedback date), or
        else the report date: a ledger reports on deadlines of the months around it, so a month
        takes the year that puts it from six months before the report's month to five after — the
        same year a 完成时间 written without its year takes, that is never after the report
        ("10月31日前" reported in February 2027 is 2026's, as "10月5日" done is; "3月底前" is 2027's);
        ``None`` when the ledger says none of them, or gives its feedback date."""
        if self.deadlines_from is not None:
            return None
        if self.deadline_year is not None:  # "整改时限（2026年）": the column says it
            return date(self.deadline_year, 1, 1), "表头中的年份"
        if self.inspection_end is not None:
            return self.inspection_end, "巡察结束日期"
        if self.report_date is not None:
            month = self.report_date.month - 6  # read as after a feedback date that month
            return date(self.report_date.year + (month <= 0) * -1, month + 12 * (month <= 0), 1), "报告日期"
        if self.title_year is not None:  # "…2026年巡察反馈问题整改台账": the months of that year
            return date(self.title_year, 1, 1), "标题中的年份"
        return None

    @property
    def deadlines_from(self) -> date | None:
        """The day deadlines written from the feedback count from ("反馈后3个月内", the year of
        "9月底前"): the feedback date, or — given to its month only — the month's last day, as a
        deadline written to its month is: "反馈后3个月内" after feedback in 2025年3月 is due
        2025-06-30, never earlier than the clerk may have meant."""
        day = self.feedback_date
        if day is None or not self.feedback_month_only:
            return day
        return month_end(day.year, day.month)

    @property
    def inspection_word(self) -> str:
        """"巡视" when the inspection was a 巡视 (a provincial or central committee's round), else
        "巡察": the one word every sentence rectxl writes about the round uses (the notice's title,
        preamble, headings, totals and supervision line; the summary's totals; the letters).

        Decided from what 基本信息, the ledger's title or a parsed notice says, most telling first:
        the group ("省委第五巡视组"), the notice title, its preamble, the 二、 heading and its
        introduction. The first of them that names the round settles it; a text naming both words
        goes by the one it uses more, the regulations' name (巡视工作条例) not counted."""
        for text in (self.inspection_group, self.title, self.preamble, self.heading_two,
                     self.section_two_intro, self.round_word):
            if not text:
                continue
            words = [w[1] for w in _INSPECTION_WORDS.findall(_NOT_THE_ROUND.sub("", text))]
            if words:
                inspected = sum(1 for w in words if w == "察")
                return "巡视" if len(words) - inspected > inspected else "巡察"
        return "巡察"


@dataclass(slots=True)
class Measure:
    """One 整改措施: one ledger row.

    A plain slotted record, not a pydantic model: a ledger holds up to hundreds of thousands of
    them and every rule walks them all, so building and reading one must cost no more than a
    tuple. The reader fills them from already-normalised cells.
    """

    text: str
    sheet: str = ""
    row: int = 0
    lead: str = ""
    owner_unit: str = ""
    owner_person: str = ""
    deadline: Deadline = field(default_factory=lambda: Deadline(text="", kind=DeadlineKind.EMPTY))
    status: Status | None = None
    status_text: str = ""
    #: the status was inferred from notice prose (rectxl parse-notice), not entered by a clerk
    status_inferred: bool = False
    #: the ledger states no status for the row: it was read from its account of the work or its
    #: completion date (a ledger with no 整改状态 column, see ``grid._account_status``)
    status_from_account: bool = False
    #: the status is the one the row's fill colour stands for by the sheet's legend ("已完成的标注绿色"):
    #: the colour's word (绿, 黄…); "" for a status written in words
    status_colour: str = ""
    #: closure stage the status cell states (待验收 / 已验收 / 已销号), ``None`` when it states none
    stage: str | None = None
    #: the status cell says the work is done and continues ("已完成，并长期坚持")
    continuing: bool = False
    #: the row's 整改时限 and 整改状态 were typed into each other's cells (时限 "正在推进", 状态
    #: "2026年9月30日"): read swapped back, ``cells`` pointing at where each was typed
    swapped: bool = False
    #: fields whose cell holds a formula that was never computed (the value is unknown, not empty)
    uncomputed: frozenset[str] = frozenset()
    #: fields whose cell is a day a formula works out from today's date (``=TODAY()+30``): it moves on
    #: each day the ledger is opened (read as no day)
    from_today: frozenset[str] = frozenset()
    #: other recognised columns (配合单位, 整改目标, 验收人, 验收日期, 销号日期, 延期时限) → cell text
    extra: dict[str, str] = field(default_factory=dict)
    completed_on: date | None = None
    completed_text: str = ""
    progress: str = ""
    evidence: str = ""
    #: the file the evidence cell's hyperlink opens ("佐证材料/办法.pdf"), "" when it has none
    evidence_link: str = ""
    remark: str = ""
    #: field → A1 reference of the cell holding that field's value for this row (the reader
    #: gives a view of its columns, made into references only when asked)
    cells: Mapping[str, str] = field(default_factory=dict)
    #: field → value as read (before normalisation), for findings' ``value``
    raw: Mapping[str, Any] = field(default_factory=dict)

    def cell(self, field: str) -> str | None:
        """The A1 reference of this measure's cell for ``field`` (``None`` if no such column)."""
        return self.cells.get(field)



@dataclass(slots=True)
class Issue:
    """A numbered 问题 ("1.针对…问题") and the measures it was split into."""

    title: str
    number: int | None = None
    sheet: str = ""
    row: int = 0
    cells: dict[str, str] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    #: notice text between the issue title and its first measure (e.g. "整改情况:")
    intro: str = ""
    #: how the notice enumerates the measures: "ordinal" (一是、二是…), "paren" ((1)(2)…),
    #: "plain" (one unnumbered measure); ``None`` = renderer decides (一是… when >1 measure)
    measure_style: Literal["ordinal", "paren", "plain"] | None = None


@dataclass(slots=True)
class Category:
    """A 问题类别 "(一)…问题"; ``title`` is ``None`` for ledgers without categories (seed 004)."""

    title: str | None = None
    number: int | None = None
    issues: list[Issue] = field(default_factory=list)
    #: what the ledger says of a category with nothing to rectify: an issue first fed back that a
    #: 回头看 found put right ("原问题已整改到位，回头看未发现新问题"), heading no issue of its own
    note: str = ""
    #: the count written with its heading, as written: "（共2个问题）", "该类共反馈问题3个，已完成整改3个。"
    count_note: str = ""


@dataclass(slots=True)
class Aspect:
    """A 方面 "第一方面问题,…"; ``title`` is ``None`` when the ledger names no aspects."""

    title: str | None = None
    number: int | None = None
    categories: list[Category] = field(default_factory=list)
    #: the count written with its heading, as written: "（共2个问题）", "该方面共反馈问题2个，已完成整改1个。"
    count_note: str = ""

    def issues(self) -> Iterator[Issue]:
        for category in self.categories:
            yield from category.issues


@dataclass(slots=True)
class LedgerSheet:
    """One sheet the ledger was read from: its header and the cells worth a finding of their own."""

    name: str
    header_row: int = 1
    hidden: bool = False
    #: hidden so that Excel's 取消隐藏 does not list it (``veryHidden``)
    very_hidden: bool = False
    #: field → column letter, for every recognised column of the sheet
    columns: dict[str, str] = field(default_factory=dict)
    #: field → further columns whose header names the same field (only the first is read)
    duplicate_columns: dict[str, list[str]] = field(default_factory=dict)
    #: column letter → header text of a visible header cell that names no known column
    unknown_columns: dict[str, str] = field(default_factory=dict)
    #: where a header word was mapped by the user (原列名 → 标准列名, from --column or 列名对照)
    mapped_columns: dict[str, str] = field(default_factory=dict)
    #: A1 cells holding Excel error values (#REF!, #N/A …) → the error text
    error_cells: dict[str, str] = field(default_factory=dict)
    #: A1 cells of ledger columns holding a formula whose value was never computed → the field
    uncomputed_cells: dict[str, str] = field(default_factory=dict)
    #: the sheet the issues' texts are read from when this one lists only their codes (a 任务清单
    #: beside its 问题清单)
    issues_from: str | None = None
    #: the 责任单位 of every measure of a sheet without that column, named by the sheet itself (a
    #: workbook of a sheet per 股室: 办公室 | 财务股 | 人事股)
    unit_from_name: str | None = None
    #: the column (its letter) whose 责任人 cells name each measure's unit before its person ("党政办 刘洋"),
    #: on a sheet without a 责任单位 column: the unit is read from there
    unit_from_person: str | None = None
    #: the statuses the sheet's colour legend keys ("绿色为已完成、黄色为正在推进") when its file keeps
    #: fills rectxl does not read (a .csv, a Word table …): "" otherwise
    colours_unread: str = ""
    #: the sheet's legend keys its statuses by the colour of the cells' fonts, not their fills
    #: ("红色字体为未完成事项")
    colours_by_font: bool = False
    #: the conditional-format rules colouring the sheet that rectxl could not evaluate, as the
    #: clerk would name them ("公式“=…”、色阶"): their colours were not read — "" when none
    conditional_unread: str = ""
    #: the 责任清单 sheet whose 责任领导/责任部门/责任人 were joined to this one by 任务编号, each
    #: task's code by its row (1-based), and the rows whose task that sheet does not list
    duties_from: str | None = None
    task_codes: dict[int, str] = field(default_factory=dict)
    unlisted_tasks: frozenset[int] = frozenset()
    #: the sheet's drop-down lists: 0-based (first row, first col, last row, last col) of each
    #: range one applies to, its words, and whether it refuses what it does not list
    lists: tuple[tuple[int, int, int, int, tuple[str, ...], bool], ...] = ()

    def list_at(self, cell: str) -> tuple[tuple[str, ...], bool] | None:
        """The words of the drop-down list of ``cell`` (A1), and whether the list refuses what it
        does not list; None: it has none."""
        if not self.lists or not cell:
            return None
        letters = cell.rstrip("0123456789")
        if not letters or letters == cell:
            return None
        r, c = int(cell[len(letters):]) - 1, col_index(letters)
        return next(((words, strict) for r0, c0, r1, c1, words, strict in self.lists
                     if r0 <= r <= r1 and c0 <= c <= c1), None)


@dataclass(slots=True)
class Ledger:
    """A whole ledger: metadata, hierarchy, and where it was read from."""

    info: LedgerInfo = field(default_factory=LedgerInfo)
    #: where 单位名称/报告日期/反馈日期 came from when there is no 基本信息 sheet (e.g. "标题行")
    info_source: dict[str, str] = field(default_factory=dict)
    aspects: list[Aspect] = field(default_factory=list)
    #: the sheets the measures were read from, in order (the first one also fills the fields below)
    sheets: list[LedgerSheet] = field(default_factory=list)
    sheet: str = "台账"
    header_row: int = 1
    #: field → column letter, for every recognised column of the (first) ledger sheet
    columns: dict[str, str] = field(default_factory=dict)
    #: field → further columns whose header names the same field (only the first is read)
    duplicate_columns: dict[str, list[str]] = field(default_factory=dict)
    #: the 责任单位名录 sheet's units, ``None`` when the workbook has no such sheet
    owner_units: list[str] | None = None
    #: measure rows whose issue could not be determined (``measure-without-issue``)
    orphans: list[Measure] = field(default_factory=list)
    #: (sheet, row) of an orphan task naming a 问题编号 its 问题清单 lacks → (that code, the list's sheet)
    unlisted_codes: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    #: (sheet not read, sheet read instead): earlier copies of the ledger kept in the same
    #: workbook (6月台账 beside 7月台账), set aside so that no measure is counted twice
    set_aside: list[tuple[str, str]] = field(default_factory=list)
    #: sheet set aside → why the other was read, when neither names, dates nor progress told
    set_aside_why: dict[str, str] = field(default_factory=dict)
    #: (sheet not read, the sheet it was cut from, (measure, its status there, the 汇总's) of each
    #: row whose status differs): a sheet per unit each of whose rows is a row of the workbook's
    #: 汇总 sheet, set aside so that no measure is counted twice
    parts_set_aside: list[SetAsidePart] = field(default_factory=list)
    #: sheets of problems the unit found itself (举一反三自查问题) beside the feedback's ledger:
    #: not read, so that they are not counted or published as the inspection's feedback
    self_check: list[str] = field(default_factory=list)
    #: hidden sheets that are ledgers too, not read because a visible one is (a stale copy, or the
    #: current ledger hidden by mistake: the clerk is asked which)
    hidden_unread: list[str] = field(default_factory=list)
    #: those of them hidden so that Excel's 取消隐藏 does not list them (``veryHidden``)
    very_hidden: frozenset[str] = frozenset()
    #: header words of a column mapping (--column, 列名对照) that no header of the ledger has
    unused_column_map: list[str] = field(default_factory=list)
    #: 基本信息's values that are formulas never computed: cell → its key (报告日期 …)
    info_uncomputed: dict[str, str] = field(default_factory=dict)
    #: field → (sheet, header text) of a column that a sheet not read as the ledger names (a
    #: 责任清单 of its own beside the 任务清单, listing 责任部门 by 任务编号): said when the ledger
    #: sheets lack that column
    columns_elsewhere: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: (sheet, A1, what it shows) of value cells far outside a sheet's data (one key pressed at
    #: XFD1048576), left unread: a grid reaching them would need millions of rows
    stray_cells: list[tuple[str, str, str]] = field(default_factory=list)
    #: (sheet, row, cell A1, the row's text) of each grand totals row under a table (合计：共3个问题
    #: 5项措施，已完成4项) — no measure, the counts it states checked against the rows
    totals_rows: list[tuple[str, int, str, str]] = field(default_factory=list)

    def issues(self) -> Iterator[Issue]:
        for aspect in self.aspects:
            yield from aspect.issues()

    def measures(self) -> Iterator[Measure]:
        for issue in self.issues():
            yield from issue.measures

    def numbers_issues_on(self) -> bool:
        """Whether the issues are numbered on through the ledger rather than afresh under each
        aspect: there are categories (the seeds' notice numbers on), or the ledger itself numbers
        1–3 under the first aspect, 4–6 under the second … The notice and the summary number the
        issues the same way."""
        if any(c.title is not None for a in self.aspects for c in a.categories):
            return True
        per_aspect = [[i.number for i in a.issues()] for a in self.aspects if a.title is not None]
        per_aspect = [numbers for numbers in per_aspect if numbers]
        numbers = [n for ns in per_aspect for n in ns]
        return (len(per_aspect) > 1 and None not in numbers
                and numbers == list(range(1, len(numbers) + 1)))

    def walk(self) -> Iterator[tuple[Aspect, Category, Issue, Measure | None]]:
        """Every measure with its ancestors; an issue without measures yields ``None`` once."""
        for aspect in self.aspects:
            for category in aspect.categories:
                for issue in category.issues:
                    if not issue.measures:
                        yield aspect, category, issue, None
                    for measure in issue.measures:
                        yield aspect, category, issue, measure

    def to_dataframe(self) -> pd.DataFrame:
        """One row per measure, in ledger order, with the hierarchy and its numbering."""
        import pandas as pd  # imported here: the command line does not need it

        records = []
        for a_i, aspect in enumerate(self.aspects, 1):
            for c_i, category in enumerate(aspect.categories, 1):
                for issue in category.issues:
                    for m_i, m in enumerate(issue.measures, 1):
                        records.append({
                            "row": m.row,
                            "aspect_no": aspect.number or a_i,
                            F.ASPECT: aspect.title,
                            "category_no": category.number or (c_i if category.title else None),
                            F.CATEGORY: category.title,
                            F.ISSUE_NO: issue.number,
                            F.ISSUE: issue.title,
                            "measure_no": m_i,
                            F.MEASURE: m.text,
                            F.LEAD: m.lead,
                            F.OWNER_UNIT: m.owner_unit,
                            F.OWNER_PERSON: m.owner_person,
                            F.DEADLINE: m.deadline.text,
                            "deadline_kind": str(m.deadline.kind),
                            "due": pd.Timestamp(m.deadline.due) if m.deadline.due else pd.NaT,
                            F.STATUS: str(m.status) if m.status else None,
                            F.COMPLETED: pd.Timestamp(m.completed_on) if m.completed_on else pd.NaT,
                            F.PROGRESS: m.progress,
                            F.EVIDENCE: m.evidence,
                        })
        return pd.DataFrame.from_records(records)
