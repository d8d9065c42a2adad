"""What changed between two versions of a ledger (``rectxl diff 台账_9月.xlsx 台账_10月.xlsx``).

Pure: two :class:`~rectxl.core.model.Ledger` objects in, a :class:`LedgerDiff` out — no files, no
Excel. :func:`render_diff_text` renders it as Chinese text, :func:`diff_sheets` as sheet specs
(written to .xlsx by :mod:`rectxl.io.diff_out`).

Matching measures across versions is the hard part — rows move when rows are inserted, clerks
edit wording, issues get renumbered. Issues are paired first:

A. same number and same normalised title;
B. same normalised title (the issue was renumbered);
C. similar title (difflib ratio ≥ :data:`ISSUE_SIMILARITY`) *and* at least one identical
   measure in common (the issue was retitled);
D. similar title *and* most of their measures the same measures lightly reworded: more than half
   of the larger issue's measures pair with a measure of the other by similar text (ratio ≥
   :data:`MEASURE_SIMILARITY`), in the same order and with the same owner units (the issue was
   retitled and its measures reworded). Only issues whose measures share a run of
   :data:`_SHINGLE` characters are compared, so the work stays linear.

Then measures, each pass one-to-one and in ledger order:

1. within a pair of issues, identical normalised text;
2. within a pair of issues, the rest by text similarity (ratio ≥ :data:`MEASURE_SIMILARITY`),
   best pair first → "措施内容修改"; then, where as many measures are left on each side, by a
   lower similarity (:data:`LAST_MEASURE_SIMILARITY`: a rewording, clauses reordered);
3. across issues, identical normalised text → "措施调整问题" (moved to another issue).

Whatever is left is added or removed. Text is normalised with NFKC, a leading ordinal
("一是", "1.", "(2)", "①") dropped, and all whitespace and punctuation removed.

Every row a diff cites comes with its sheet (``sheet`` of :class:`MeasureRef` / :class:`IssueRef`,
``old_sheet`` / ``new_sheet`` of :class:`Change` and :class:`Regression`): a ledger read from
several sheets has a row 5 on each. The text and the 变化明细 sheet name the sheet when either
ledger was read from more than one.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from itertools import count
from typing import Any

from pydantic import BaseModel, Field

from rectxl.core import fields as F
from rectxl.core.counts import Counts
from rectxl.core.deadline import Deadline, DeadlineKind, without_dates
from rectxl.core.diff_match import greedy, pair_equal, share_of, similar_pairs, similarity, uncovered
from rectxl.core.extension import extension_refused, extension_unapproved
from rectxl.core.model import Issue, Ledger, Measure
from rectxl.core.sheets import SheetSpec
from rectxl.core.status import Stage, Status, fraction_as_percent
from rectxl.core.text import chinese_number, cn_date, cn_written_date, shorten
from rectxl.core.timing import resolve_warn_days
from rectxl.core.units import same_unit_name, split_names, split_units, unit_key, unit_spellings
from rectxl.core.validate import resolve_as_of

__all__ = [
    "DIFF_SHEETS",
    "ISSUE_SIMILARITY",
    "MEASURE_SIMILARITY",
    "Change",
    "ChangeKind",
    "DiffSide",
    "IssueRef",
    "LedgerDiff",
    "MatchKind",
    "MeasureMatch",
    "MeasureRef",
    "Regression",
    "RegressionKind",
    "diff_csv",
    "diff_json_chunks",
    "diff_ledgers",
    "diff_sheets",
    "normalize_measure_text",
    "render_diff_text",
]

#: minimum difflib ratio for two measures of one issue to count as the same, reworded
MEASURE_SIMILARITY = 0.6
#: the similarity that pairs the measures an issue has left over with as many left in its pair
LAST_MEASURE_SIMILARITY = 0.3
#: minimum difflib ratio for two issue titles (plus a shared measure) to count as one issue
ISSUE_SIMILARITY = 0.6
#: the sheets :func:`diff_sheets` produces
DIFF_SHEETS = ("变化汇总", "变化明细")


class ChangeKind(StrEnum):
    """The type of one change; values are the Chinese labels of 变化明细's 类型 column."""

    ISSUE_ADDED = "新增问题"
    ISSUE_REMOVED = "删除问题"
    ISSUE_CHANGED = "问题变化"
    ADDED = "新增措施"
    REMOVED = "删除措施"
    STATUS = "状态变化"
    DEADLINE = "时限变化"
    OWNER = "责任变化"
    #: the same owner unit written another way (城建股 → 城市建设股): not a change of responsibility
    OWNER_SPELLING = "单位名称写法变化"
    TEXT = "措施内容修改"
    MOVED = "措施调整问题"
    PROGRESS = "进展更新"


_KIND_ORDER = {k: i for i, k in enumerate(ChangeKind)}


class RegressionKind(StrEnum):
    """Changes a reviewer should look at; values are the Chinese labels."""

    STATUS_REGRESSED = "状态倒退"
    SILENT_EXTENSION = "时限延后未注明延期"
    #: put off on the strength of an extension only applied for ("已申请延期，待批复"): until it is
    #: granted, the deadline in force is the old one
    EXTENSION_PENDING = "延期尚未获批"
    #: an extended deadline ("延期至…") put off again
    EXTENDED_AGAIN = "再次延期"
    DEADLINE_DROPPED = "取消整改时限"
    #: unfinished work past its deadline declared 长期坚持 this period: no longer counted overdue,
    #: with nothing saying its staged goal was met
    OVERDUE_MADE_LONG_TERM = "逾期改为长期坚持"
    COMPLETED_REMOVED = "删除已完成措施"
    #: a measure not finished last period gone from this period's ledger (the work dropped, or an
    #: overdue row hidden) — not a rewording, which is paired as 措施内容修改
    UNFINISHED_REMOVED = "删除未完成措施"


class MatchKind(StrEnum):
    """How a measure was matched across versions."""

    SAME = "same"  # pass 1: same issue, same text
    EDITED = "edited"  # pass 2: same issue, similar text
    MOVED = "moved"  # pass 3: another issue, same text


# The records of a diff are plain slotted dataclasses, not pydantic models: a diff of two
# 100,000-measure ledgers holds 300,000 of them, and a model costs 3 garbage-collected objects
# and ~3 µs to build, a slotted record one object, a fifth of the memory and ~0.5 µs. LedgerDiff
# stays a model: it validates, dumps and loads them like any field (the same JSON).


@dataclass(slots=True, kw_only=True)
class IssueRef:
    """An issue as it appears in one version."""

    number: int | None = None
    title: str
    sheet: str = ""
    row: int = 0
    aspect: str = ""
    measures: int = 0

    @property
    def label(self) -> str:
        """``"3.针对…问题"`` (the number is left out when the ledger has none)."""
        return f"{self.number}.{self.title}" if self.number is not None else self.title


#: a status cell of at most this many characters is shown as written; a longer one (a narrative)
#: by what it reads as
_SHORT_STATUS = 12
#: a status this short (是, 否, √, ×, 完成) is shown with what it reads as
_TICK = 2


@dataclass(slots=True, kw_only=True)
class MeasureRef:
    """A measure as it appears in one version: where it is and what it says."""

    sheet: str = ""
    row: int = 0
    issue: IssueRef
    text: str
    status: Status | None = None
    status_text: str = ""
    #: 已验收 / 已销号 of a finished measure (None otherwise)
    stage: str | None = None
    deadline: Deadline
    owner_unit: str = ""
    #: the 配合单位 column's cell ("" when the ledger has none)
    co_owner: str = ""
    lead: str = ""
    owner_person: str = ""
    completed_on: date | None = None
    completed_text: str = ""
    progress: str = ""
    remark: str = ""

    @property
    def status_label(self) -> str:
        """The status as the clerk wrote it ("已销号", "未完成"), when that is a few words; else
        what it reads as; "（空）" for none. A share done kept as a fraction (a cell formatted 0%) is
        shown as the clerk saw it, with what it reads as: "50%（正在推进）"."""
        text = self.status_text.strip()
        percent = fraction_as_percent(text) if text else None
        if percent is not None:
            return percent + (f"（{self.status.value}）" if self.status is not None else "")
        if text and len(text) <= _TICK and self.status is not None and text != self.status.value:
            return f"{text}（{self.status.value}）"  # a 是否完成 column's 是 / 否, a tick √: what it reads as
        if text and len(text) <= _SHORT_STATUS:
            return text
        if self.status is None:
            return text or "（空）"
        return self.status.value + (f"（{self.stage}）" if self.stage else "")


@dataclass(slots=True, kw_only=True)
class Change:
    """One row of 变化明细: a single field of a single measure (or issue) that changed."""

    kind: ChangeKind
    #: 问题 (as labelled in the new version, else the old one)
    issue: str
    #: 措施 text (new, else old); empty for issues
    measure: str = ""
    #: 字段: the canonical column name that changed
    field: str = ""
    old: str = ""
    new: str = ""
    old_row: int | None = None
    new_row: int | None = None
    #: the sheets of ``old_row`` / ``new_row``
    old_sheet: str = ""
    new_sheet: str = ""
    #: the 值得注意 labels this change is part of ("" when none)
    flag: str = ""
    #: a short remark for text output, e.g. "推迟92天", "相似度85%"
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Regression:
    """A change a reviewer should look at (值得注意)."""

    kind: RegressionKind
    message: str
    issue: str
    measure: str
    old_row: int | None = None
    new_row: int | None = None
    old_sheet: str = ""
    new_sheet: str = ""


@dataclass(slots=True, kw_only=True)
class MeasureMatch:
    """A measure present in both versions and how it changed."""

    old: MeasureRef
    new: MeasureRef
    match: MatchKind
    similarity: float = 1.0
    status_changed: bool = False
    deadline_changed: bool = False
    #: canonical owner fields (责任单位/责任领导/责任人) whose value changed
    owners_changed: list[str] = dataclasses.field(default_factory=list)
    #: the 责任单位 names the same units, written another way (城建股 → 城市建设股)
    units_respelled: bool = False
    text_changed: bool = False
    progress_changed: bool = False
    completion_changed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.status_changed or self.deadline_changed or self.owners_changed
                    or self.units_respelled or self.text_changed or self.progress_changed or self.completion_changed
                    or self.match is MatchKind.MOVED)


class DiffSide(BaseModel):
    """Totals of one version as of its as-of date."""

    name: str = ""
    as_of: date
    as_of_source: str = Field(description="参数 / 报告日期 / 今天")
    aspects: int = 0
    issues: int = 0
    counts: Counts
    #: the sheets the ledger was read from, in order
    sheets: list[str] = Field(default_factory=list)


class LedgerDiff(BaseModel):
    """Everything that changed from ``old`` to ``new``."""

    old: DiffSide
    new: DiffSide
    added: list[MeasureRef] = Field(default_factory=list)
    removed: list[MeasureRef] = Field(default_factory=list)
    matched: list[MeasureMatch] = Field(default_factory=list)
    issues_added: list[IssueRef] = Field(default_factory=list)
    issues_removed: list[IssueRef] = Field(default_factory=list)
    #: pairs of matched issues whose number or title changed: (old, new)
    issues_changed: list[tuple[IssueRef, IssueRef]] = Field(default_factory=list)
    #: every change, one per field, sorted by kind then row (the 变化明细 rows)
    changes: list[Change] = Field(default_factory=list)
    regressions: list[Regression] = Field(default_factory=list)
    #: why the two files may not be two periods of one ledger (other units, dates reversed)
    warnings: list[str] = Field(default_factory=list)
    #: columns (责任人, 完成时间 …) this period's ledger has and last period's had not, and the
    #: reverse: what they hold is not listed measure by measure as changed
    columns_added: list[str] = Field(default_factory=list)
    columns_removed: list[str] = Field(default_factory=list)

    def of_kind(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind is kind]

    @property
    def several_sheets(self) -> bool:
        """Either version was read from more than one sheet: a row number needs its sheet."""
        return len(set(self.old.sheets)) > 1 or len(set(self.new.sheets)) > 1

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def progress_unchanged(self) -> list[MeasureMatch]:
        """The measures still 正在推进 or 未启动 whose progress this period is last period's word
        for word: a 台账 copied forward month after month (“原样照抄”), which a reviewer asks about —
        did the work move at all? None when the two are one version (nothing changed, the same
        day: a file compared with itself); two periods judged on one day (``--as-of``) are listed."""
        if not self.changes and self.new.as_of == self.old.as_of:
            return []
        return [mm for mm in self.matched
                if not mm.status_changed and mm.new.progress.strip() and mm.new.status in _UNFINISHED_NOW
                and (not mm.progress_changed or only_dates_changed(mm.old.progress, mm.new.progress)
                     or bool(no_news_added(mm.old.progress, mm.new.progress)))]


def only_dates_changed(old: str, new: str) -> bool:
    """The two progress texts say the same but for the dates they give ("截至10月底，已走访7个" →
    "截至11月底，已走访7个"): an account copied forward with its date moved on."""
    return old != new and normalize_measure_text(without_dates(old)) == normalize_measure_text(without_dates(new))


#: what a month's entry says when it says nothing new (dates, spacing and punctuation already gone):
#: "无新进展", "暂无实质性进展", "同上月", "与上期一致", "持续推进中", "正在按计划推进"
_NO_NEWS = re.compile(
    r"^(?:(?:暂|仍|尚)?(?:无|没有|未有)(?:新|新的|实质性|明显|较大)?(?:进展|进度|变化|更新|情况)"
    # "同上月", "与上月相同" come here as "同", "与相同": the dates took 上月 away
    r"|(?:情况|进展)?同上?(?:月|期)?|(?:与|同)(?:上月|上期|前期|上次)?(?:相同|一致|情况相同)"
    r"|(?:工作)?(?:正在|仍在|继续|持续|按计划|按时序|稳步|有序|加快|全力|积极|扎实)*"
    r"(?:推进|整改|落实|实施|开展)(?:中|当中)?(?:工作)?)$")


def no_news_added(old: str, new: str) -> str:
    """What this period's progress adds to last period's, when that is nothing new: last
    period's account kept (or dropped) and a line saying nothing ("10月：完成初稿。" → "10月：完成
    初稿。11月：持续推进中。", "同上月"). "" otherwise."""
    key_o = normalize_measure_text(without_dates(old))
    key_n = normalize_measure_text(without_dates(new))
    at = key_n.find(key_o) if key_o else -1
    rest = key_n[:at] + key_n[at + len(key_o):] if at >= 0 else key_n
    return rest if rest and _NO_NEWS.match(rest) else ""


#: statuses of work that should move from one period to the next (基本完成 awaits acceptance,
#: 长期坚持 is routine: an unchanged progress is no news for them)
_UNFINISHED_NOW = frozenset({Status.IN_PROGRESS, Status.NOT_STARTED})


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_CIRCLED = re.compile(r"^\s*[\u2460-\u2473\u2776-\u277f\u2780-\u2793]")
#: a measure's number within its issue, which renumbering the issues changes ("1-2.", "(2-1)", "3.2、",
#: "1.1开展…" — not an amount, "1.5万元"), before the ordinals a number alone gives
_SUB_ORDINAL = r"\(?\d{1,3}[-–—]\d{1,3}\)?[.、):]?|\d{1,3}\.\d{1,3}(?:[.、):]|\s|(?![\d万亿千百元亩米个次人户件项平%]))"
_ORDINAL = re.compile(
    rf"^\s*(?:{_SUB_ORDINAL}|[{_CN}]+是|第[{_CN}\d]+[条项点]?[、.,:]?|\d+[.、):]|\(\d+\)|\([{_CN}]+\)|[{_CN}]+、)"
)


class _DropPunctuation(dict[int, str | None]):
    """``str.translate`` table dropping punctuation, separators and control characters (Unicode
    categories P*, Z*, C*); each character's category is looked up once, on first sight."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        kept = None if unicodedata.category(ch)[0] in "PZC" else ch
        self[code] = kept
        return kept


_DROP_PUNCTUATION = _DropPunctuation()


def _char_class(ranges: Iterable[tuple[int, int]], *, negate: bool = False) -> str:
    """A regular expression character class of code point ranges: ``[\\u3000-\\u303f…]``."""
    spans = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
    return f"[^{spans}]" if negate else f"[{spans}]"


#: where Chinese ledgers write besides the CJK ideographs: ASCII and Latin-1, general
#: punctuation, CJK symbols and punctuation, and the vertical, small and full-width forms
_COMMON_BLOCKS = ((0x0000, 0x00FF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFE10, 0xFE6F),
                  (0xFF00, 0xFFEF))
#: the characters of those blocks that :data:`_DROP_PUNCTUATION` drops, found the same way
_COMMON_PUNCTUATION = re.compile(_char_class(
    (c, c) for lo, hi in _COMMON_BLOCKS for c in range(lo, hi + 1) if _DROP_PUNCTUATION[c] is None))
#: any character outside those blocks and the CJK Unified Ideographs
_UNCOMMON = re.compile(_char_class((*_COMMON_BLOCKS, (0x4E00, 0x9FFF)), negate=True))


def _drop_punctuation(text: str) -> str:
    """``text.translate(_DROP_PUNCTUATION)``, faster: ``str.translate`` looks each character of a
    non-ASCII string up in the table one by one (~15 µs for 100 characters); a regular
    expression removes the usual punctuation in one pass (~1 µs), and only text with characters
    from other blocks goes through the table as well."""
    text = _COMMON_PUNCTUATION.sub("", text)
    return text.translate(_DROP_PUNCTUATION) if _UNCOMMON.search(text) else text


#: full-width ASCII forms (，（）：；Ａ１ …) and the ideographic space → their NFKC spelling
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")
_HALF_WIDTH = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (0x3000, *range(0xFF01, 0xFF5F))}


def _half_width(m: re.Match[str]) -> str:
    return _HALF_WIDTH[m.group()]


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster for Chinese text.

    Chinese text is NFKC already but for its full-width punctuation, which sends normalize() down
    its slow path (~12 µs for 100 characters instead of ~0.2). Spelling those characters out
    first changes nothing (each becomes its own compatibility decomposition, a single ASCII
    character, and NFKC decomposes before it composes) and lets normalize() return at once."""
    return unicodedata.normalize("NFKC", _FULL_WIDTH.sub(_half_width, text))


def _normalize(text: str) -> str:
    s = _CIRCLED.sub("", text)
    s = _nfkc(s)
    s = _ORDINAL.sub("", s)
    return _drop_punctuation(s).lower()


@lru_cache(maxsize=65536)
def normalize_measure_text(text: str) -> str:
    """Matching key of a measure or issue text: NFKC, no leading ordinal, no whitespace or
    punctuation, lower case. ``"一是 建立“第一议题”制度。"`` → ``"建立第一议题制度"``."""
    return _normalize(text)


def _names_key(text: str) -> frozenset[str]:
    """Owner cells compared as sets of spelling-insensitive names (order and spacing ignored)."""
    return frozenset(k for k in (unit_key(u) for u in split_units(text)) if k)


def _people_key(text: str) -> frozenset[str]:
    """责任领导 / 责任人 cells compared as sets of people: without the phone number or post written
    beside a name ("王强 13812345678", "李华（股长）" are 王强, 李华)."""
    return frozenset(k for k in (unit_key(u) for u in split_names(text)) if k)


class _Memo(dict[str, Any]):
    """``func(text)`` for each text, computed on first use."""

    def __init__(self, func: Callable[[str], Any]) -> None:
        super().__init__()
        self.func = func

    def __missing__(self, text: str) -> Any:
        value = self[text] = self.func(text)
        return value


class _Texts:
    """The normalised forms of one diff's texts, each computed once.

    Per diff rather than a global cache: a 100,000-measure ledger pair has more distinct texts
    than an LRU cache can sensibly hold (it would thrash), and the memo goes with the diff. The
    comparisons first test the texts as written: most cells of two versions are identical, and
    equal texts have equal normal forms."""

    def __init__(self, units: Iterable[str] = ()) -> None:
        self.key: dict[str, str] = _Memo(_normalize)
        self.names: dict[str, frozenset[str]] = _Memo(_names_key)
        self.people: dict[str, frozenset[str]] = _Memo(_people_key)
        #: the 责任单位名录 of either version: units it lists apart are never one unit respelled
        self.listed = tuple(units)

    def differ(self, a: str, b: str) -> bool:
        """The two texts differ beyond spacing, punctuation, width and a leading ordinal."""
        return a != b and self.key[a] != self.key[b]

    def names_differ(self, a: str, b: str, field: str = F.OWNER_UNIT) -> bool:
        """The two owner cells name different people or units (``field``: the cells' column)."""
        if a == b:
            return False
        if field not in (F.OWNER_UNIT, F.CO_OWNER):
            return self.people[a] != self.people[b]
        return self.names[a] != self.names[b]

    def same_units(self, a: str, b: str) -> bool:
        """The two 责任单位 cells name the same units, some written another way (城建股 /
        城市建设股, 党政办 / 党政综合办公室): one unit as the check rules count it
        (:func:`~rectxl.core.units.unit_spellings`)."""
        ua, ub = split_units(a), split_units(b)
        canonical = unit_spellings(Counter(ua + ub), keep=self.listed)

        def keys(units: list[str]) -> frozenset[str]:
            return frozenset(k for k in (unit_key(canonical.get(u, u)) for u in units) if k)

        if keys(ua) == keys(ub):
            return True
        # a whole unit written short and in full (县人社局 / 县人力资源和社会保障局), unless the 名录
        # lists both
        listed = {unit_key(u) for u in self.listed}

        def one(x: str, y: str) -> bool:
            return same_unit_name(x, y) and not {unit_key(x), unit_key(y)} <= listed

        return (len(ua) == len(ub) > 0 and all(any(one(x, y) for y in ub) for x in ua)
                and all(any(one(x, y) for x in ua) for y in ub))


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def _issue_ref(issue: Issue, aspect: str) -> IssueRef:
    return IssueRef(number=issue.number, title=issue.title, sheet=issue.sheet, row=issue.row, aspect=aspect,
                    measures=len(issue.measures))


def _measure_ref(m: Measure, issue: IssueRef) -> MeasureRef:
    return MeasureRef(sheet=m.sheet, row=m.row, issue=issue, text=m.text, status=m.status,
                      status_text=m.status_text, stage=m.stage, deadline=m.deadline, owner_unit=m.owner_unit,
                      co_owner=m.extra.get(F.CO_OWNER, ""), lead=m.lead, owner_person=m.owner_person,
                      completed_on=m.completed_on, completed_text=m.completed_text, progress=m.progress,
                      remark=m.remark)


#: the shortest title a sheet of its own may shorten an issue's title to and still name it
_SHORT_TITLE = 6


#: a sheet the finished or closed measures are moved to: 已完成事项, 销号清单, 已办结, 已整改到位
_FINISHED_SHEET = re.compile(r"完成|销号|办结|已整改|整改到位|结项|验收")


def _one_list(a: str, b: str) -> bool:
    """Blocks on sheets ``a`` and ``b`` may be one issue: one sheet, or one of them the sheet the
    finished measures were moved to — not two units' or two parts' sheets that were given the
    same feedback (集团本部 | 城建公司, each with its "1.…")."""
    return a == b or bool(_FINISHED_SHEET.search(a) or _FINISHED_SHEET.search(b))


def _same_issue_elsewhere(issue: Issue, title: str, titled: dict[str, list[tuple[Issue, str]]],
                          begun: dict[str, list[tuple[Issue, str]]]) -> tuple[Issue, str] | None:
    """The one issue of the other sheets that ``issue`` (of normalised ``title``) is: the same
    title, or — a sheet 已完成事项 or 销号清单 shortening the titles to their first clause ("河长制
    落实不到位" for "河长制落实不到位，部分河段巡河流于形式") — a title that begins with the other;
    ``None`` when none is, or more than one. ``titled``: the issues so far by title; ``begun``: by
    each beginning of their titles at least :data:`_SHORT_TITLE` long (a look-up per character,
    not a scan of every title)."""
    exact = titled.get(title, [])
    if exact:
        elsewhere = [e for e in exact if e[0].sheet != issue.sheet]
        return elsewhere[0] if len(elsewhere) == 1 and len({e[0].sheet for e in exact}) == 1 else None
    if len(title) < _SHORT_TITLE:
        return None
    found = [e for e in begun.get(title, ()) if e[0].sheet != issue.sheet]
    found += [e for n in range(_SHORT_TITLE, len(title)) for e in titled.get(title[:n], ())
              if e[0].sheet != issue.sheet]
    return found[0] if len(found) == 1 else None


def _issues(ledger: Ledger) -> list[tuple[Issue, IssueRef]]:
    """The ledger's issues, an issue whose rows come in several blocks read as one: rows sorted
    by 责任单位 or by status, finished measures moved to a sheet of their own (a sheet
    已完成事项) split an issue into blocks, which are not issues added. Blocks are one issue when
    they have the same number and title, or — a block on another sheet, which may number its
    rows afresh and shorten the titles — :func:`_same_issue_elsewhere`. The first block
    names the issue (number, sheet, row). Untitled issues are never merged."""
    out: list[tuple[Issue, str]] = []
    numbered: dict[tuple[int | None, str], tuple[Issue, str]] = {}
    titled: dict[str, list[tuple[Issue, str]]] = {}
    begun: dict[str, list[tuple[Issue, str]]] = {}  # by the beginnings of their titles
    sheets: set[str] = set()  # the sheets of the issues so far
    several = len(ledger.sheets) > 1
    for aspect in ledger.aspects:
        for issue in aspect.issues():
            title = normalize_measure_text(issue.title)
            first = numbered.get((issue.number, title)) if title else None
            if first is not None and not _one_list(first[0].sheet, issue.sheet):
                first = None
            if first is None and title and sheets - {issue.sheet}:
                found = _same_issue_elsewhere(issue, title, titled, begun)
                first = found if found is not None and _one_list(found[0].sheet, issue.sheet) else None
            if first is not None:
                first[0].measures.extend(issue.measures)
                continue
            whole = (dataclasses.replace(issue, measures=list(issue.measures)), aspect.title or "")
            out.append(whole)
            sheets.add(issue.sheet)
            if title:
                numbered[(issue.number, title)] = whole
                titled.setdefault(title, []).append(whole)
                for n in range(_SHORT_TITLE, len(title)) if several else ():
                    begun.setdefault(title[:n], []).append(whole)
    return [(issue, _issue_ref(issue, aspect)) for issue, aspect in out]


def _measures(issues: list[tuple[Issue, IssueRef]]) -> tuple[list[MeasureRef], list[range]]:
    """Every measure of the issues, in ledger order, and the positions of each issue's ones."""
    refs: list[MeasureRef] = []
    spans = []
    for issue, ref in issues:
        start = len(refs)
        refs.extend(_measure_ref(m, ref) for m in issue.measures)
        spans.append(range(start, len(refs)))
    return refs, spans


def _match_issues(old: list[Issue], new: list[Issue], texts: _Texts) -> list[tuple[int, int]]:
    used_o: set[int] = set()
    used_n: set[int] = set()
    titles_o = [texts.key[i.title] for i in old]
    titles_n = [texts.key[i.title] for i in new]
    pairs = pair_equal([(i.number, t) for i, t in zip(old, titles_o, strict=True)],
                       [(i.number, t) for i, t in zip(new, titles_n, strict=True)], used_o, used_n)
    pairs += pair_equal(titles_o, titles_n, used_o, used_n)
    # pass C: a candidate needs a measure in common, so only the issues sharing a measure text
    # are compared (an index from measure text to the new issues holding it), not every pair
    measures_o = {a: {texts.key[m.text] for m in old[a].measures}
                  for a in range(len(old)) if a not in used_o}
    measures_n = {b: {texts.key[m.text] for m in new[b].measures}
                  for b in range(len(new)) if b not in used_n}
    holding: dict[str, list[int]] = {}
    for b, keys in measures_n.items():
        for k in keys:
            holding.setdefault(k, []).append(b)
    candidates = []
    for a, keys in measures_o.items():
        for b in sorted({b for k in keys for b in holding.get(k, ())}):
            ratio = similarity(titles_o[a], titles_n[b], ISSUE_SIMILARITY)
            if ratio is not None:
                candidates.append((len(keys & measures_n[b]) + ratio, a, b))
    pairs += [(a, b) for a, b, _ in greedy(candidates, used_o, used_n)]
    pairs += _match_reworded_issues(old, new, titles_o, titles_n, used_o, used_n, texts)
    return pairs


#: the length of the runs of characters (of normalised measure texts) that find the issues
#: whose measures may be the same measures reworded (pass D of :func:`_match_issues`)
_SHINGLE = 4
#: a run found in the measures of more issues than this is a common phrase ("建立健全"), not a sign
#: of which issue is which: it finds no candidates (and keeps the work linear)
_SHINGLE_SPREAD = 8


def _shingles(keys: Iterable[str]) -> set[str]:
    return {k[i:i + _SHINGLE] for k in keys for i in range(max(1, len(k) - _SHINGLE + 1))}


def _reworded_measures(a: Issue, b: Issue, texts: _Texts) -> int:
    """How many measures of ``a`` are measures of ``b`` reworded: pairs of similar text (ratio ≥
    :data:`MEASURE_SIMILARITY`, one-to-one, best first) with the same owner units; 0 unless the
    pairs keep the measures' order."""
    keys_a = [texts.key[m.text] for m in a.measures]
    keys_b = [texts.key[m.text] for m in b.measures]
    found = greedy(similar_pairs(keys_a, keys_b, MEASURE_SIMILARITY), set(), set())
    kept = sorted((i, j) for i, j, _ in found
                  if not texts.names_differ(a.measures[i].owner_unit, b.measures[j].owner_unit))
    order = [j for _, j in kept]
    return len(kept) if order == sorted(order) else 0


def _match_reworded_issues(old: list[Issue], new: list[Issue], titles_o: list[str], titles_n: list[str],
                           used_o: set[int], used_n: set[int], texts: _Texts) -> list[tuple[int, int]]:
    """Pass D: issues still unpaired whose titles are similar and most of whose measures are the
    same measures reworded (:func:`_reworded_measures`: more than half of the larger issue's).
    Candidates are found through an index of the runs of :data:`_SHINGLE` characters of the
    unpaired new issues' measures: more than half of the larger issue's measures must share two
    runs (a short measure's only one) with the other issue, so unrelated issues are never
    compared."""
    rest_o = [a for a in range(len(old)) if a not in used_o and old[a].measures]
    rest_n = [b for b in range(len(new)) if b not in used_n and new[b].measures]
    if not (rest_o and rest_n):
        return []
    holding: dict[str, list[int]] = {}
    for b in rest_n:
        for sh in _shingles(texts.key[m.text] for m in new[b].measures):
            holding.setdefault(sh, []).append(b)
    candidates = []
    for a in rest_o:
        votes: Counter[int] = Counter()  # new issue → measures of ``a`` sharing runs with it
        for m in old[a].measures:
            runs = _shingles([texts.key[m.text]])
            hits: Counter[int] = Counter()
            for sh in runs:
                found = holding.get(sh)
                if found and len(found) <= _SHINGLE_SPREAD:
                    hits.update(found)
            votes.update(b for b, n in hits.items() if n >= min(2, len(runs)))
        size = len(old[a].measures)
        for b in sorted(b for b, n in votes.items() if 2 * n > max(size, len(new[b].measures))):
            ratio = similarity(titles_o[a], titles_n[b], ISSUE_SIMILARITY)
            if ratio is None:
                continue
            k = _reworded_measures(old[a], new[b], texts)
            if 2 * k > max(len(old[a].measures), len(new[b].measures)):
                candidates.append((k + ratio, a, b))
    return [(a, b) for a, b, _ in greedy(candidates, used_o, used_n)]


# ---------------------------------------------------------------------------
# Comparing matched measures
# ---------------------------------------------------------------------------

_EXTENSION_WORDS = re.compile(r"延期|延长|顺延|推迟|延后|延至|展期")
#: an extension granted or asked for, as the progress writes it (not any 推迟 it tells of: "会议推迟召开")
_EXTENSION_GRANTED = re.compile(r"(?:经|已|获|报|申请|请示|批准|同意|准予)[^，。；;,]{0,15}?(?:延期|延长|顺延|展期)"
                                r"|(?:延期|延长|顺延|推迟|延后|延|展期)(?:至|到)"
                                r"|(?:批准|同意)[^。；;]{0,20}?(?:时限|期限)(?:调整|变更)为"
                                # "因涉及土地手续，完成时限调整", "调整整改时限": the move written up, with its reason
                                r"|(?:时限|期限|完成时间|完成日期)(?:已|予以|作|相应)?(?:调整|变更|延后)"
                                r"|调整(?:整改|完成)?(?:时限|期限)"
                                # "2027年1月31日（经批准调整）", "报经县委巡察办同意后变更": the approval in the cell
                                r"|(?:经|已获?|报经)[^，。；;,]{0,15}?(?:批准|同意)[^，。；;,]{0,4}?(?:调整|变更|延后)")
_OWNER_FIELDS = ((F.OWNER_UNIT, "owner_unit"), (F.CO_OWNER, "co_owner"), (F.LEAD, "lead"),
                 (F.OWNER_PERSON, "owner_person"))


_AT_ONCE = (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM)


def _due(d: Deadline) -> date | None:
    """The date a deadline points at (immediate deadlines: the feedback date, when known)."""
    return d.due if d.kind is not DeadlineKind.LONG_TERM else None


def _due_then(d: Deadline, as_of: date | None) -> date | None:
    """The date last period's deadline pointed at: :func:`_due`, and an at-once deadline (立行立改)
    whose feedback date is unknown due by last period's as-of date at the latest — moving it to
    a later date puts it off."""
    due = _due(d)
    if due is None and as_of is not None and d.kind in _AT_ONCE:
        return as_of
    return due


def _deadline_changed(a: Deadline, b: Deadline, texts: _Texts) -> bool:
    if (a.kind, _due(a)) != (b.kind, _due(b)):
        return True
    if a.kind in (DeadlineKind.INVALID, DeadlineKind.EMPTY):
        return texts.differ(a.text, b.text)
    return False


def _extension_worded(m: MeasureRef) -> bool:
    """The new deadline is written up as an extension: in the 整改时限 cell, the remark, or the
    progress saying it was granted or asked for ("经县委巡察办同意延期至12月底", "已申请延期")."""
    return m.deadline.extended or bool(_EXTENSION_WORDS.search(m.deadline.text)
                                       or _EXTENSION_WORDS.search(m.remark)
                                       or any(_EXTENSION_GRANTED.search(t)
                                              for t in (m.deadline.text, m.remark, m.progress))
                                       or extension_unapproved((m.deadline.text, m.remark, m.progress)))


def _extended_already(m: MeasureRef) -> bool:
    """The 整改时限 cell records an extension ("延期至…", "原定…，延期至…"): putting the deadline
    off again is a second extension, not the first one written up."""
    return m.deadline.extended or bool(_EXTENSION_WORDS.search(m.deadline.text))


def _status_changed(a: MeasureRef, b: MeasureRef, texts: _Texts) -> bool:
    if a.status is not None or b.status is not None:  # 已完成 → 已销号 is a change too
        return a.status is not b.status or a.stage != b.stage
    return texts.differ(a.status_text, b.status_text)


def _completion_label(m: MeasureRef) -> str:
    return cn_date(m.completed_on) if m.completed_on else cn_written_date(m.completed_text)


def _compare(old: MeasureRef, new: MeasureRef, kind: MatchKind, ratio: float, texts: _Texts,
             unread: frozenset[str] = frozenset()) -> MeasureMatch:
    """How ``old`` became ``new``. ``unread``: fields one of the two ledgers has no column for —
    a value only the other side has is the column added or taken away, not a change."""
    owners = [f for f, attr in _OWNER_FIELDS if texts.names_differ(getattr(old, attr), getattr(new, attr), f)
              and not (f in unread and not (getattr(old, attr) and getattr(new, attr)))]
    if F.OWNER_UNIT in owners and F.CO_OWNER in unread and not texts.names_differ(_all_units(old), _all_units(new)):
        # a 配合单位 column added (or dropped): the co-operating units moved out of the 责任单位 cell
        # ("县农业农村局、县财政局" → 县农业农村局（牵头） | 县财政局) — no unit dropped or added
        owners.remove(F.OWNER_UNIT)
    respelled = F.OWNER_UNIT in owners and texts.same_units(old.owner_unit, new.owner_unit)
    if respelled:
        owners.remove(F.OWNER_UNIT)
    return MeasureMatch(
        old=old, new=new, match=kind, similarity=round(ratio, 4),
        status_changed=_status_changed(old, new, texts),
        deadline_changed=_deadline_changed(old.deadline, new.deadline, texts),
        owners_changed=owners,
        units_respelled=respelled,
        text_changed=texts.differ(old.text, new.text),
        progress_changed=(texts.differ(old.progress, new.progress)
                          and not (F.PROGRESS in unread and not (old.progress and new.progress))),
        completion_changed=(_completion_changed(old, new, texts)
                            and not (F.COMPLETED in unread
                                     and not (_completion_label(old) and _completion_label(new)))),
    )


def _all_units(m: MeasureRef) -> str:
    """The 责任单位 and 配合单位 cells of a measure as one list of units."""
    return "、".join(c for c in (m.owner_unit, m.co_owner) if c)


def _completion_changed(old: MeasureRef, new: MeasureRef, texts: _Texts) -> bool:
    if old.completed_on or new.completed_on:
        return old.completed_on != new.completed_on
    return texts.differ(old.completed_text, new.completed_text)


#: the fields compared measure by measure that a ledger may have no column for
_OPTIONAL_FIELDS = (F.LEAD, F.OWNER_PERSON, F.CO_OWNER, F.COMPLETED, F.PROGRESS)


def _fields_read(ledger: Ledger) -> set[str]:
    """The optional fields (:data:`_OPTIONAL_FIELDS`) some sheet of the ledger has a column for."""
    cols = set(ledger.columns).union(*(s.columns for s in ledger.sheets))
    return {f for f in _OPTIONAL_FIELDS if f in cols}


def _fields_by_sheet(ledger: Ledger, read: set[str]) -> dict[str, set[str]]:
    """The optional fields each sheet of the ledger has a column for (a ledger read from one
    sheet, or with no sheets recorded: what :func:`_fields_read` found)."""
    if len(ledger.sheets) < 2:
        return {}
    return {s.name: {f for f in _OPTIONAL_FIELDS if f in s.columns} for s in ledger.sheets}


def _merges_and_splits(o_meas: list[MeasureRef], n_meas: list[MeasureRef],
                       pairs: list[tuple[list[int], list[int], list[tuple[int, int]]]], texts: _Texts
                       ) -> tuple[dict[int, int], dict[int, int], dict[int, list[int]]]:
    """Measures merged and split within a pair of issues, as clerks revise them.

    Merged: a measure gone this period whose words a measure of its issue now says in what it
    added to its own words this period ("规范派车审批流程" + "开展公务用车自查" → "规范派车审批流程，
    并开展公务用车自查") — old position → the new measure's. Split: a measure new this period
    that says what a reworded measure of its issue no longer says ("核查处置并公开结果" →
    "核查处置" + "公开核查处置结果") — new position → the old measure's. Split and reworded: the one measure
    gone from its issue this period, and two or more new ones in its place that keep its 责任单位,
    责任人 and 整改时限 ("建立健全“三资”监管制度并开展专项清查" → "修订完善村级财务管理制度" +
    "组织…开展清产核资") — old position → the new measures' positions; two or more gone and one new
    in their place keeping what they were given, merged and reworded ("开展河道巡查" + "建立巡河台账"
    → "落实河湖日常巡查制度并逐河建档"), are merged. ``pairs``: each pair of
    issues' unpaired old measures, unpaired new measures, and reworded measures (old, new)."""
    key = texts.key
    merged: dict[int, int] = {}
    split: dict[int, int] = {}
    for gone, fresh, edits in pairs:
        if not edits:
            continue
        for x in gone:
            k = key[o_meas[x].text]
            for x0, y in edits:
                if len(k) >= _MIN_PART and share_of(
                        k, uncovered(key[n_meas[y].text], key[o_meas[x0].text])) >= _PART_SAID:
                    merged[x] = y
                    break
        for y in fresh:
            k = key[n_meas[y].text]
            for x0, y0 in edits:
                left = uncovered(key[o_meas[x0].text], key[n_meas[y0].text])
                if len(left) >= _MIN_PART and share_of(left, k) >= _PART_SAID:
                    split[y] = x0
                    break
    rewritten: dict[int, list[int]] = {}
    for gone, fresh, _ in pairs:
        left_o = [x for x in gone if x not in merged]
        left_n = [y for y in fresh if y not in split]
        if len(left_o) == 1 and len(left_n) >= 2 and all(_kept_in_place(o_meas[left_o[0]], n_meas[y], texts)
                                                         for y in left_n):
            rewritten[left_o[0]] = left_n
        elif len(left_o) >= 2 and len(left_n) == 1 and all(_kept_in_place(o_meas[x], n_meas[left_n[0]], texts)
                                                           for x in left_o):
            merged.update(dict.fromkeys(left_o, left_n[0]))
    return merged, split, rewritten


def _kept_in_place(old: MeasureRef, new: MeasureRef, texts: _Texts) -> bool:
    """``new`` keeps what ``old`` was given besides its words — its 责任单位, 责任人 and due date:
    a part of it rewritten, not another task."""
    return (texts.same_units(old.owner_unit, new.owner_unit)
            and not texts.names_differ(old.owner_person, new.owner_person)
            and old.deadline.kind is new.deadline.kind and _due(old.deadline) == _due(new.deadline))


#: a merged or split-off part says this many characters at least (normalised) …
_MIN_PART = 4
#: … and this share of them is said by the measure it went into or came out of
_PART_SAID = 0.75


# ---------------------------------------------------------------------------
# Building the diff
# ---------------------------------------------------------------------------


def _deadline_label(d: Deadline) -> str:
    """The deadline as written, plus its due date when the text has no year ("9月底前")."""
    text = _written(d)
    due = _due(d)
    if due is None or d.kind is DeadlineKind.IMMEDIATE or str(due.year) in text:
        return text
    return f"{text}（到期日 {cn_date(due)}）"


def _written(d: Deadline) -> str:
    """A deadline's text as a user reads it: a date cell's in Chinese (2026年10月31日, not 2026-10-31)."""
    return cn_written_date(d.text) if d.text else "（空）"


def _side(ledger: Ledger, as_of: date | None, name: str, dated: tuple[date, str] | None = None) -> DiffSide:
    """The totals :func:`~rectxl.core.summary.summarize` reports for the ledger (aspects, issues,
    counts as of its date), without the per-unit, per-aspect and overdue lists it also builds;
    ``dated`` the date (and its source) its file tells, used in place of today."""
    when, source = resolve_as_of(ledger, as_of)
    if dated is not None and source == "今天":
        when, source = dated
    counts = Counts.of(ledger.measures(), when, resolve_warn_days(ledger.info))
    sheets = ([s.name for s in ledger.sheets] if ledger.sheets
              else [s for s in dict.fromkeys(m.sheet for m in ledger.measures()) if s])
    # an aspect or issue whose rows come in several blocks (rows sorted by unit or status, finished
    # measures on a sheet of their own) counted once
    aspects = len({(a.number, normalize_measure_text(a.title)) for a in ledger.aspects if a.title is not None})
    return DiffSide(name=name, as_of=when, as_of_source=source, aspects=aspects,
                    issues=len(_issues(ledger)), counts=counts, sheets=sheets)


def diff_ledgers(old: Ledger, new: Ledger, *, as_of_old: date | None = None,
                 as_of_new: date | None = None, old_name: str = "", new_name: str = "",
                 old_dated: tuple[date, str] | None = None) -> LedgerDiff:
    """Compare two versions of a ledger. Each side's counts are taken as of its own date:
    ``as_of_*``, else that ledger's 报告日期, else — for the old one — ``old_dated`` (what its file
    tells of its date, and how it tells it: last period's ledger is not counted overdue as of
    today), else today. ``old_name``/``new_name`` (e.g. the file names) only label the output."""
    o_side = _side(old, as_of_old, old_name, old_dated)
    n_side = _side(new, as_of_new, new_name)
    texts = _Texts([*(old.owner_units or ()), *(new.owner_units or ())])
    o_issues, n_issues = _issues(old), _issues(new)
    issue_pairs = _match_issues([i for i, _ in o_issues], [i for i, _ in n_issues], texts)

    # flat measure lists, and the positions in them of each issue's measures
    o_meas, by_issue_o = _measures(o_issues)
    n_meas, by_issue_n = _measures(n_issues)
    used_o: set[int] = set()
    used_n: set[int] = set()
    found: list[tuple[int, int, MatchKind, float]] = []

    def keys(meas: list[MeasureRef], ks: Iterable[int]) -> list[str]:
        return [texts.key[meas[k].text] for k in ks]

    # pass 1: same issue, same text
    for a, b in issue_pairs:
        ks_o, ks_n = by_issue_o[a], by_issue_n[b]
        if [o_meas[k].text for k in ks_o] == [n_meas[k].text for k in ks_n]:
            # texts unchanged, as most are: each pairs with itself (what pair_equal finds), and
            # no text needs normalising (~8 µs each)
            pairs = [(i, i) for i in range(len(ks_o))]
        else:
            pairs = pair_equal(keys(o_meas, ks_o), keys(n_meas, ks_n), set(), set())
        for x, y in pairs:
            used_o.add(ks_o[x])
            used_n.add(ks_n[y])
            found.append((ks_o[x], ks_n[y], MatchKind.SAME, 1.0))
    # pass 2: same issue, similar text, best pair first
    for a, b in issue_pairs:
        xs = [x for x in by_issue_o[a] if x not in used_o]
        ys = [y for y in by_issue_n[b] if y not in used_n]
        if not (xs and ys):
            continue
        good = [(r, xs[i], ys[j]) for r, i, j in similar_pairs(
            keys(o_meas, xs), keys(n_meas, ys), MEASURE_SIMILARITY)]
        found += [(x, y, MatchKind.EDITED, r) for x, y, r in greedy(good, used_o, used_n)]
    # pass 2b: as many measures left on each side of a pair of issues are the same measures
    # reworded ("修订完善议事规则" → "修订议事规则和决策实施办法", clauses put in another order)
    # when their wording is still close: a rewording is not a deletion plus an addition
    for a, b in issue_pairs:
        xs = [x for x in by_issue_o[a] if x not in used_o]
        ys = [y for y in by_issue_n[b] if y not in used_n]
        if not xs or len(xs) != len(ys):
            continue
        good = [(r, xs[i], ys[j]) for r, i, j in similar_pairs(
            keys(o_meas, xs), keys(n_meas, ys), LAST_MEASURE_SIMILARITY)]
        found += [(x, y, MatchKind.EDITED, r) for x, y, r in greedy(good, used_o, used_n)]
    # pass 3: any issue, same text (among the measures still unpaired, in ledger order)
    rest_o = [x for x in range(len(o_meas)) if x not in used_o]
    rest_n = [y for y in range(len(n_meas)) if y not in used_n]
    for i, j in pair_equal(keys(o_meas, rest_o), keys(n_meas, rest_n), set(), set()):
        used_o.add(rest_o[i])
        used_n.add(rest_n[j])
        found.append((rest_o[i], rest_n[j], MatchKind.MOVED, 1.0))

    diff = LedgerDiff(old=o_side, new=n_side)
    paired_o = {a for a, _ in issue_pairs}
    paired_n = {b for _, b in issue_pairs}
    diff.issues_removed = [ref for k, (_, ref) in enumerate(o_issues) if k not in paired_o]
    diff.issues_added = [ref for k, (_, ref) in enumerate(n_issues) if k not in paired_n]
    for a, b in sorted(issue_pairs, key=lambda p: p[1]):
        ro, rn = o_issues[a][1], n_issues[b][1]
        if _renumbered(ro, rn) or texts.differ(ro.title, rn.title):
            diff.issues_changed.append((ro, rn))
    read_o, read_n = _fields_read(old), _fields_read(new)
    diff.columns_added = [f for f in _OPTIONAL_FIELDS if f in read_n - read_o]
    diff.columns_removed = [f for f in _OPTIONAL_FIELDS if f in read_o - read_n]
    # per sheet: a sheet 已完成事项 with fewer columns than the main one (no 责任领导) has not emptied them
    by_sheet_o, by_sheet_n = _fields_by_sheet(old, read_o), _fields_by_sheet(new, read_n)

    def unread(x: int, y: int) -> frozenset[str]:
        return frozenset(by_sheet_o.get(o_meas[x].sheet, read_o) ^ by_sheet_n.get(n_meas[y].sheet, read_n))

    diff.matched = [_compare(o_meas[x], n_meas[y], kind, r, texts, unread(x, y))
                    for x, y, kind, r in sorted(found, key=lambda f: (f[1], f[0]))]
    diff.removed = [m for k, m in enumerate(o_meas) if k not in used_o]
    diff.added = [m for k, m in enumerate(n_meas) if k not in used_n]
    edited = {x: y for x, y, kind, _ in found if kind is MatchKind.EDITED}
    merged, split, rewritten = _merges_and_splits(
        o_meas, n_meas,
        [([x for x in by_issue_o[a] if x not in used_o], [y for y in by_issue_n[b] if y not in used_n],
          [(x, edited[x]) for x in by_issue_o[a] if x in edited])
         for a, b in issue_pairs], texts)
    # measures whose issue has a new measure in their place this period (a measure rewritten
    # beyond recognition, one task replaced by another — not a part split off another measure):
    # removed, but not dropped; so is a measure merged into another
    replaced = {(o_meas[x].sheet, o_meas[x].row) for a, b in issue_pairs
                if any(y not in used_n and y not in split for y in by_issue_n[b]) for x in by_issue_o[a]}
    replaced |= {(o_meas[x].sheet, o_meas[x].row) for x in merged}
    # a measure merged into one finished this period leaves no work behind
    absorbed = {(o_meas[x].sheet, o_meas[x].row) for x, y in merged.items() if n_meas[y].status is Status.DONE}
    diff.regressions = _regressions(diff, replaced, absorbed)
    diff.changes = _changes(diff, texts, {(o_meas[x].sheet, o_meas[x].row): n_meas[y] for x, y in merged.items()},
                            {(n_meas[y].sheet, n_meas[y].row): o_meas[x] for y, x in split.items()},
                            {(o_meas[x].sheet, o_meas[x].row): [n_meas[y] for y in ys] for x, ys in rewritten.items()})
    diff.warnings = _pairing_warnings(old, new, diff, len(o_meas), len(n_meas))
    return diff


def _pairing_warnings(old: Ledger, new: Ledger, diff: LedgerDiff, n_old: int, n_new: int) -> list[str]:
    """What says the two files are not last period's and this period's ledger of one unit: the
    units named differ, the 本期 is dated before the 上期, or hardly a measure is in both."""
    out = []
    a, b = (old.info.unit_name or "").strip(), (new.info.unit_name or "").strip()
    if a and b and unit_key(a) != unit_key(b) and not (unit_key(a) in unit_key(b) or unit_key(b) in unit_key(a)):
        out.append(f"两期台账的单位名称不同（上期：{a}；本期：{b}）：请确认没有选错文件。")
    if diff.new.as_of < diff.old.as_of:
        out.append(f"本期的截至日期（{cn_date(diff.new.as_of)}）早于上期（{cn_date(diff.old.as_of)}）："
                   "请确认两个文件的先后没有颠倒（先写上期，再写本期）。")
    elif diff.new.as_of == diff.old.as_of and (turned := _named_later(diff.old.name, diff.new.name)):
        out.append(f"上期文件名标明的是{turned[0]}，本期文件名标明的是{turned[1]}：请确认两个文件的先后没有颠倒"
                   "（先写上期，再写本期；“10月”的文件名在列表中常排在“9月”之前）。")
    same = sum(1 for m in diff.matched if m.match is not MatchKind.EDITED)
    if min(n_old, n_new) >= 5 and same < 0.2 * min(n_old, n_new):
        out.append(f"两期台账只有{same}项措施相同（上期{n_old}项，本期{n_new}项）：它们可能不是同一台账的两期，"
                   "请确认没有选错文件。")
    return out


def _named_later(old_name: str, new_name: str) -> tuple[str, str] | None:
    """The periods the two files' names state ("台账（10月）.xlsx", "台账20261028.xlsx") when the old
    one's is the later — the files given in the wrong order, as a list sorted by name gives them
    ("…（10月）" before "…（9月）"). Without years, a month up to half a year before is earlier (a
    December then a January is a new year, not a turn)."""
    from rectxl.core.batch_report import read_name

    a, b = read_name(old_name).period, read_name(new_name).period
    if a is None or b is None or not a[1] or not b[1]:
        return None
    if a[0] and b[0]:
        later = a > b
    elif a[0] or b[0]:
        return None
    else:
        later = 0 < (a[1] - b[1]) % 12 <= 6 or (a[1] == b[1] and a[2] > b[2] > 0)

    def said(p: tuple[int, int, int]) -> str:
        return f"{f'{p[0]}年' if p[0] else ''}{p[1]}月{f'{p[2]}日' if p[2] else ''}"

    return (said(a), said(b)) if later else None


def _regression(kind: RegressionKind, message: str, o: MeasureRef | None, n: MeasureRef | None
                ) -> Regression:
    ref = n or o
    assert ref is not None
    return Regression(kind=kind, message=message, issue=ref.issue.label, measure=ref.text,
                      old_row=o.row if o else None, new_row=n.row if n else None,
                      old_sheet=o.sheet if o else "", new_sheet=n.sheet if n else "")


def _match_regressions(mm: MeasureMatch, as_of_old: date | None = None, as_of_new: date | None = None
                       ) -> list[Regression]:
    """值得注意 for a matched measure: status gone backwards, unfinished work past its deadline
    declared 长期坚持, deadline moved silently, put off again after an extension, or dropped.
    ``as_of_old``: last period's as-of date, the latest an at-once deadline (立行立改) of unknown
    feedback date was due by; ``as_of_new``: this period's."""
    o, n = mm.old, mm.new
    out = []
    if o.status is Status.DONE and n.status is not Status.DONE:
        # a measure closed (已销号) last period and reopened is said as such: the auditor signed it off
        out.append(_regression(
            RegressionKind.STATUS_REGRESSED,
            f"上期已销号，本期改为“{n.status_label}”：已销号的事项重新整改，请核实是否整改反弹，"
            "并说明恢复整改的原因" if o.stage == Stage.CLOSED else
            f"上期已完成，本期改为“{n.status_label}”：请核实是否整改反弹或上期误报已完成", o, n))
    due = _due(n.deadline)
    if (n.status is Status.LONG_TERM and o.status not in (Status.DONE, Status.LONG_TERM) and o.status is not None
            and due is not None and as_of_new is not None and due < as_of_new):
        out.append(_regression(
            RegressionKind.OVERDUE_MADE_LONG_TERM,
            f"上期为“{o.status_label}”，本期改为“长期坚持”，而整改时限“{_written(n.deadline)}”截至本期"
            f"（{cn_date(as_of_new)}）已过{(as_of_new - due).days}天：改为长期坚持后不再计为逾期，请核实阶段性"
            "整改目标是否已经完成（已完成的请写“已完成，并长期坚持”，未完成的仍按逾期督办）", o, n))
    if mm.deadline_changed:
        od, nd = _due_then(o.deadline, as_of_old), _due(n.deadline)
        since = "" if od is None or _due(o.deadline) else f"（立行立改按上期截至日期{cn_date(od)}计）"
        if od and nd and nd > od and _extended_already(o):
            out.append(_regression(
                RegressionKind.EXTENDED_AGAIN,
                f"整改时限上期已是延期后的“{_written(o.deadline)}”，本期又改为“{_written(n.deadline)}”，再推迟"
                f"{(nd - od).days}天：请核实再次延期是否经过批准，并说明前次延期未能完成的原因", o, n))
        elif od and nd and nd > od and not _extension_worded(n):
            out.append(_regression(
                RegressionKind.SILENT_EXTENSION,
                f"整改时限由“{_written(o.deadline)}”改为“{_written(n.deadline)}”，推迟{(nd - od).days}天{since}，"
                "但未注明延期：请核实是否履行了延期手续，并写明“延期至…”", o, n))
        elif od and nd and nd > od and (asked := extension_unapproved((n.deadline.text, n.remark, n.progress))):
            out.append(_regression(
                RegressionKind.EXTENSION_PENDING,
                f"整改时限由“{_written(o.deadline)}”改为“{_written(n.deadline)}”，推迟{(nd - od).days}天{since}，"
                + (f"但台账写明延期未获批准（“{_short(asked, 30)}”）：请仍按原时限“{_written(o.deadline)}”督办"
                 if extension_refused(asked) else
                 f"但台账只写明申请了延期（“{_short(asked, 30)}”），没有写明已获批准：延期批准前，"
                 f"请仍按原时限“{_written(o.deadline)}”督办，批准后写明“经…同意延期至…”"), o, n))
        elif (od and nd is None and n.deadline.kind not in _AT_ONCE
              and n.status is not Status.DONE):
            out.append(_regression(
                RegressionKind.DEADLINE_DROPPED,
                f"整改时限由“{_written(o.deadline)}”改为“{_written(n.deadline)}”，不再有到期日："
                "请核实是否经过批准", o, n))
    return out


def _removed_regressions(m: MeasureRef, as_of_new: date | None = None, replaced: bool = False
                         ) -> list[Regression]:
    """值得注意 for a measure last period had and this one has not: finished work gone from the
    ledger, or unfinished work dropped — said with its status and deadline, and whether that
    deadline had passed by this period's as-of date. An unfinished measure ``replaced`` by a new
    one under its issue is a rewrite, unless it was overdue (a late row swapped for a new one
    with a later deadline hides that it is late)."""
    if m.status is Status.DONE:
        return [_regression(
            RegressionKind.COMPLETED_REMOVED,
            "上期已完成的措施在本期台账中被删除：请核实删除原因，已完成的整改不应从台账中消失", m, None)]
    due = _due(m.deadline)
    overdue = due is not None and as_of_new is not None and due < as_of_new
    if replaced and not overdue:
        return []
    late = ""
    if overdue and as_of_new is not None and due is not None:
        late = f"，截至本期（{cn_date(as_of_new)}）已逾期{(as_of_new - due).days}天"
    deadline = f"，整改时限“{_written(m.deadline)}”" if m.deadline.text else ""
    return [_regression(
        RegressionKind.UNFINISHED_REMOVED,
        f"上期状态为“{m.status_label}”{deadline}{late}，本期台账中已没有这项措施：请核实删除是否经过批准"
        "（如已并入其他措施，请在备注中注明），未完成的整改任务不应从台账中消失", m, None)]


def _regressions(diff: LedgerDiff, replaced: set[tuple[str, int]], absorbed: set[tuple[str, int]]
                 ) -> list[Regression]:
    """Every 值得注意; ``replaced``: (sheet, row) of the old measures whose issue has a new measure
    this period or that were merged into another (see :func:`_removed_regressions`);
    ``absorbed``: those merged into a measure finished this period."""
    out = [r for mm in diff.matched for r in _match_regressions(mm, diff.old.as_of, diff.new.as_of)]
    out += [r for m in diff.removed if (m.sheet, m.row) not in absorbed
            for r in _removed_regressions(m, diff.new.as_of, (m.sheet, m.row) in replaced)]
    order = list(RegressionKind)
    return sorted(out, key=lambda r: (order.index(r.kind), r.new_row or 0, r.old_row or 0))


def _flag(regressions: list[Regression], *kinds: RegressionKind) -> str:
    return "、".join(r.kind.value for r in regressions if r.kind in kinds)


def _shift(o: Deadline, n: Deadline, as_of_old: date | None = None) -> str:
    od, nd = _due_then(o, as_of_old), _due(n)
    if od and nd and od != nd:
        return f"{'推迟' if nd > od else '提前'}{abs((nd - od).days)}天"
    return ""


def _changes(diff: LedgerDiff, texts: _Texts, merged: dict[tuple[str, int], MeasureRef],
             split: dict[tuple[str, int], MeasureRef],
             rewritten: dict[tuple[str, int], list[MeasureRef]] | None = None) -> list[Change]:
    """Every change; ``merged``: (sheet, row) of an old measure gone → the measure it was merged
    into; ``split``: (sheet, row) of a new measure → the measure it was split off; ``rewritten``:
    (sheet, row) of an old measure gone → the new measures it was split into, reworded."""
    rewritten = rewritten or {}
    rewritten_from = {(p.sheet, p.row): m for m in diff.removed for p in rewritten.get((m.sheet, m.row), [])}
    merged_from: dict[tuple[str, int], list[MeasureRef]] = {}
    for m in diff.removed:
        into = merged.get((m.sheet, m.row))
        if into is not None:
            merged_from.setdefault((into.sheet, into.row), []).append(m)
    out: list[Change] = []
    several = diff.several_sheets
    for ref in diff.issues_added:
        out.append(Change(kind=ChangeKind.ISSUE_ADDED, issue=ref.label, field=F.ISSUE,
                          new=ref.label, new_row=ref.row, new_sheet=ref.sheet))
    for ref in diff.issues_removed:
        out.append(Change(kind=ChangeKind.ISSUE_REMOVED, issue=ref.label, field=F.ISSUE,
                          old=ref.label, old_row=ref.row, old_sheet=ref.sheet))
    for ro, rn in diff.issues_changed:
        if _renumbered(ro, rn):
            out.append(Change(kind=ChangeKind.ISSUE_CHANGED, issue=rn.label, field=F.ISSUE_NO,
                              old=_num(ro.number), new=_num(rn.number),
                              old_row=ro.row, new_row=rn.row, old_sheet=ro.sheet, new_sheet=rn.sheet))
        if texts.differ(ro.title, rn.title):
            out.append(Change(kind=ChangeKind.ISSUE_CHANGED, issue=rn.label, field=F.ISSUE,
                              old=ro.title, new=rn.title, old_row=ro.row, new_row=rn.row,
                              old_sheet=ro.sheet, new_sheet=rn.sheet))
    gone = {(r.old_sheet, r.old_row): r.kind.value for r in diff.regressions
            if r.kind in (RegressionKind.COMPLETED_REMOVED, RegressionKind.UNFINISHED_REMOVED)}
    for m in diff.added:
        was = split.get((m.sheet, m.row)) or rewritten_from.get((m.sheet, m.row))
        how = "拆分改写而来" if (m.sheet, m.row) in rewritten_from else "拆分出"
        note = f"由原{_at(was.sheet if several else '', was.row)}的措施“{_short(was.text)}”{how}" if was else ""
        joined = merged_from.get((m.sheet, m.row), [])
        if joined:  # a new measure two or more gone ones were merged into, reworded
            note = ("由原" + "、".join(f"{_at(j.sheet if several else '', j.row)}的“{_short(j.text)}”" for j in joined)
                    + f"{len(joined)}项措施合并改写而来")
        out.append(Change(kind=ChangeKind.ADDED, issue=m.issue.label, measure=m.text,
                          field=F.MEASURE, old=f"拆分自：{was.text}" if was else
                          "合并自：" + "；".join(j.text for j in joined) if joined else "", new=m.text,
                          new_row=m.row, new_sheet=m.sheet, note=note))
    for m in diff.removed:
        into = merged.get((m.sheet, m.row))
        parts = rewritten.get((m.sheet, m.row), [])
        note = (f"已并入现{_at(into.sheet if several else '', into.row)}的措施“{_short(into.text)}”" if into
                else "已拆分为" + "、".join(f"现{_at(p.sheet if several else '', p.row)}的“{_short(p.text)}”"
                                          for p in parts) + f"{len(parts)}项措施（措施内容已改写，请核对）"
                if parts else "")
        new = f"并入：{into.text}" if into else "拆分为：" + "；".join(p.text for p in parts) if parts else ""
        out.append(Change(kind=ChangeKind.REMOVED, issue=m.issue.label, measure=m.text,
                          field=F.MEASURE, old=m.text, new=new,
                          old_row=m.row, old_sheet=m.sheet,
                          flag=gone.get((m.sheet, m.row), ""), note=note))
    for mm in diff.matched:
        if not mm.changed:  # most measures: nothing below applies
            continue
        o, n = mm.old, mm.new
        regs = _match_regressions(mm, diff.old.as_of, diff.new.as_of)

        def change(kind: ChangeKind, field: str, old: str, new: str, fl: str = "",
                   note: str = "", o: MeasureRef = o, n: MeasureRef = n) -> Change:
            return Change(kind=kind, issue=n.issue.label, measure=n.text, field=field, old=old,
                          new=new, old_row=o.row, new_row=n.row, old_sheet=o.sheet, new_sheet=n.sheet,
                          flag=fl, note=note)

        if mm.match is MatchKind.MOVED:
            out.append(change(ChangeKind.MOVED, F.ISSUE, o.issue.label, n.issue.label))
        if mm.text_changed:
            out.append(change(ChangeKind.TEXT, F.MEASURE, o.text, n.text,
                              note=f"相似度{mm.similarity:.0%}"))
        if mm.status_changed:
            out.append(change(ChangeKind.STATUS, F.STATUS, o.status_label, n.status_label,
                              _flag(regs, RegressionKind.STATUS_REGRESSED, RegressionKind.OVERDUE_MADE_LONG_TERM)))
        if mm.completion_changed:
            out.append(change(ChangeKind.STATUS, F.COMPLETED, _completion_label(o),
                              _completion_label(n)))
        if mm.deadline_changed:
            out.append(change(ChangeKind.DEADLINE, F.DEADLINE, _deadline_label(o.deadline),
                              _deadline_label(n.deadline),
                              _flag(regs, RegressionKind.SILENT_EXTENSION, RegressionKind.EXTENSION_PENDING,
                                    RegressionKind.EXTENDED_AGAIN, RegressionKind.DEADLINE_DROPPED),
                              note=_shift(o.deadline, n.deadline, diff.old.as_of)))
        for field, attr in _OWNER_FIELDS:
            if field in mm.owners_changed:
                out.append(change(ChangeKind.OWNER, field, getattr(o, attr), getattr(n, attr)))
        if mm.units_respelled:
            out.append(change(ChangeKind.OWNER_SPELLING, F.OWNER_UNIT, o.owner_unit, n.owner_unit,
                              note="同一单位的不同写法，不是责任调整"))
        if mm.progress_changed:
            out.append(change(ChangeKind.PROGRESS, F.PROGRESS, o.progress, n.progress))
    return sorted(out, key=lambda c: (_KIND_ORDER[c.kind], c.new_row or 0, c.old_row or 0))


def _renumbered(old: IssueRef, new: IssueRef) -> bool:
    """The issue's number changed: both versions number it, differently. A number only one side
    has is how that ledger was read (a 序号 written on each measure's row, a ledger without one), not
    a change the clerk made to every issue."""
    return old.number is not None and new.number is not None and old.number != new.number


def _num(n: int | None) -> str:
    return "" if n is None else str(n)


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------

#: records serialised per piece by :func:`diff_json_chunks` (~2–4 MB of JSON)
JSON_BATCH = 1000


def diff_json_chunks(diff: LedgerDiff, batch: int = JSON_BATCH) -> Iterator[bytes]:
    """``diff.model_dump_json(indent=2)``, UTF-8 encoded, in pieces.

    Joined, the pieces are that JSON byte for byte. What it buys: a diff of two 100,000-measure
    ledgers is ~250 MB of JSON; ``model_dump_json`` builds it as bytes, decodes it into a string
    (a second, larger copy; ~1.3 s), and writing encodes it back (a third). The pieces can be
    written as they come, with memory for ~``batch`` records.

    Each top-level field is serialised by the model's own serializer (``include=``); a long list
    is serialised ``batch`` elements at a time, through a shallow copy of the diff holding just
    that slice, and the slices' bodies are joined the way the serializer joins elements."""
    dump = LedgerDiff.__pydantic_serializer__.to_json
    yield b"{"
    for n, name in enumerate(LedgerDiff.model_fields):
        sep = b"," if n else b""
        value = getattr(diff, name)
        if not (isinstance(value, list) and len(value) > batch):
            # b'{\n  "name": <value>\n}' → b'\n  "name": <value>'
            yield sep + dump(diff, indent=2, include={name})[1:-2]
            continue
        head = b'{\n  "%s": [\n' % name.encode()
        tail = b"\n  ]\n}"
        for i in range(0, len(value), batch):
            part = dump(diff.model_copy(update={name: value[i:i + batch]}), indent=2,
                        include={name})
            assert part.startswith(head) and part.endswith(tail), part[:40]
            body = part[len(head):-len(tail)]
            yield (sep + head[1:] if i == 0 else b",\n") + body
        yield tail[:-2]
    yield b"\n}"


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"−{-n}" if n < 0 else "持平")


def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _points(old: float, new: float, *, words: bool = False) -> str:
    d = round((new - old) * 100, 1)
    if d == 0:
        return "持平"
    if words:
        return f"{'提高' if d > 0 else '下降'}{abs(d):.1f}个百分点"
    return f"{'+' if d > 0 else '−'}{abs(d):.1f}个百分点"


def _delta_words(n: int) -> str:
    """Sheet form of a delta: a cell starting with "+" would be escaped as a formula."""
    return f"增加{n}" if n > 0 else (f"减少{-n}" if n < 0 else "持平")


#: (label, unit, getter) of the totals compared in 总体变化 and 变化汇总
_TOTALS: tuple[tuple[str, str, Callable[[DiffSide], int]], ...] = (
    ("方面", "个", lambda s: s.aspects),
    ("问题", "个", lambda s: s.issues),
    ("整改措施", "项", lambda s: s.counts.measures),
    ("已完成", "项", lambda s: s.counts.done),
    ("已销号", "项", lambda s: s.counts.closed),
    ("基本完成", "项", lambda s: s.counts.mostly_done),
    ("正在推进", "项", lambda s: s.counts.in_progress),
    ("长期坚持", "项", lambda s: s.counts.long_term),
    ("未启动", "项", lambda s: s.counts.not_started),
    ("状态未明确", "项", lambda s: s.counts.unknown),
    ("已逾期", "项", lambda s: s.counts.overdue),
    ("已延期", "项", lambda s: s.counts.extended),
)


def _short(text: str, n: int = 40) -> str:
    return shorten(" ".join(text.split()), n - 1)


def _at(sheet: str, row: int) -> str:
    """"第5行", or "“台账（二）”第5行" with the sheet."""
    return f"“{sheet}”第{row}行" if sheet else f"第{row}行"


def _rows(old_row: int | None, new_row: int | None, old_sheet: str = "", new_sheet: str = "") -> str:
    """"（原第4行 → 现第6行）"; with sheets (a ledger read from several): "（现“台账（二）”第5行）"."""
    if old_row and new_row:
        return f"（原{_at(old_sheet, old_row)} → 现{_at(new_sheet, new_row)}）"
    if new_row:
        return f"（现{_at(new_sheet, new_row)}）"
    return f"（原{_at(old_sheet, old_row)}）" if old_row else ""


def _where(c: Change | Regression, sheets: bool) -> str:
    """:func:`_rows` of a change or regression, naming the sheets when ``sheets``."""
    if sheets:
        return _rows(c.old_row, c.new_row, c.old_sheet, c.new_sheet)
    return _rows(c.old_row, c.new_row)


def _side_line(label: str, s: DiffSide) -> str:
    name = f"{s.name}，" if s.name else ""
    return f"{label}：{name}截至{cn_date(s.as_of)}（来源：{s.as_of_source}）"


def _measure_line(c: Change, body: str = "", sheets: bool = False) -> str:
    text = f"{_short(c.measure)}：{body}" if body else _short(c.measure, 60)
    flag = f"【{c.flag}】" if c.flag else ""
    return f"  · [{_short(c.issue, 24)}] {text}{flag}{_where(c, sheets)}"


def _column_lines(diff: LedgerDiff) -> list[str]:
    """"列变化：本期新增“责任人”列…" — said once, not as a change of every measure."""
    out = []
    for cols, what in ((diff.columns_added, "本期新增"), (diff.columns_removed, "本期删去")):
        if cols:
            names = "".join(f"“{c}”" for c in cols)
            out.append(f"  列变化：{what}{names}列（上期{'没有' if what == '本期新增' else '有'}，"
                       "其中的内容不逐项列为变化）")
    return out


def render_diff_text(diff: LedgerDiff) -> str:
    """The diff as Chinese text: 总体变化, 问题变化, then the measure changes by type, and 值得注意
    last. Every line cites the old and/or new row — and its sheet, when either ledger was read
    from several sheets (the sheets read are named under 上期/本期)."""
    o, n = diff.old, diff.new
    sheets = diff.several_sheets
    lines = ["台账变化对比", _side_line("上期", o), _side_line("本期", n)]
    if sheets:
        lines += [f"  {label}读取的工作表：{'、'.join(f'“{s}”' for s in side.sheets)}"
                  for label, side in (("上期", o), ("本期", n)) if side.sheets]
    lines += [*(f"注意：{w}" for w in diff.warnings), ""]

    def line(c: Change, body: str = "") -> str:
        return _measure_line(c, body, sheets)

    def where(c: Change | Regression) -> str:
        return _where(c, sheets)

    section = map(chinese_number, count(1))

    def head(title: str) -> None:
        if lines[-1] != "":
            lines.append("")
        lines.append(f"{next(section)}、{title}")

    def items(entries: list[str]) -> None:
        lines.extend(entries or ["  无。"])

    head("总体变化")
    for label, unit, get in _TOTALS:
        a, b = get(o), get(n)
        if label in ("基本完成", "长期坚持", "未启动", "状态未明确", "方面") and a == b == 0:
            continue
        lines.append(f"  {label}：{a}{unit} → {b}{unit}（{_signed(b - a)}）")
    lines.append(f"  措施完成率：{_pct(o.counts.rate)} → {_pct(n.counts.rate)}"
                 f"（{_points(o.counts.rate, n.counts.rate)}）")
    tally = [f"{k.value}{len(diff.of_kind(k))}处" for k in ChangeKind if diff.of_kind(k)]
    lines.append(f"  变化：{'、'.join(tally) if tally else '两期台账内容一致'}")
    respelled = Counter((c.old, c.new) for c in diff.of_kind(ChangeKind.OWNER_SPELLING))
    for (was, now), k in respelled.items():
        lines.append(f"  单位名称写法变化：{was} → {now}（{k}项措施；视为同一单位，不作责任变化）")
    lines += _column_lines(diff)
    stale = diff.progress_unchanged()
    if stale:
        lines.append(f"  进展未更新：{len(stale)}项正在推进或未启动的措施，"
                     "本期整改进展与上期一字未改、只改了日期或没有新内容（见“进展未更新”部分）")
    if diff.regressions:
        lines.append(f"  值得注意：{len(diff.regressions)}处（见最后一部分）")

    head("问题变化")
    entries = [f"  · 新增问题 {c.new}{where(c)}" for c in diff.of_kind(ChangeKind.ISSUE_ADDED)]
    entries += [f"  · 删除问题 {c.old}{where(c)}" for c in diff.of_kind(ChangeKind.ISSUE_REMOVED)]
    for c in diff.of_kind(ChangeKind.ISSUE_CHANGED):
        what = "序号" if c.field == F.ISSUE_NO else "标题"
        entries.append(f"  · [{_short(c.issue, 24)}] 问题{what}：{c.old or '（无）'} → "
                       f"{c.new or '（无）'}{where(c)}")
    items(entries)

    head("新增措施")
    items([line(c, c.note) for c in diff.of_kind(ChangeKind.ADDED)])
    head("删除措施")
    items([line(c, c.note) for c in diff.of_kind(ChangeKind.REMOVED)])

    head("状态变化")
    entries = []
    for c in diff.of_kind(ChangeKind.STATUS):
        what = "" if c.field == F.STATUS else "完成时间 "
        entries.append(line(c, f"{what}{c.old or '（空）'} → {c.new or '（空）'}"))
    items(entries)

    head("时限变化")
    items([line(c, f"{c.old} → {c.new}" + (f"，{c.note}" if c.note else ""))
           for c in diff.of_kind(ChangeKind.DEADLINE)])

    head("责任变化")
    items([line(c, f"{c.field} {c.old or '（空）'} → {c.new or '（空）'}")
           for c in diff.of_kind(ChangeKind.OWNER)])

    head("措施内容修改")
    entries = []
    for c in diff.of_kind(ChangeKind.TEXT):
        entries.append(f"  · [{_short(c.issue, 24)}]{where(c)}")
        entries.append(f"      原：{c.old}")
        entries.append(f"      新：{c.new}")
    items(entries)

    head("措施调整问题")
    items([line(c, f"由问题“{c.old}”调整到“{c.new}”") for c in diff.of_kind(ChangeKind.MOVED)])

    head("进展更新")
    items([line(c, f"“{_short(c.old) or '（空）'}” → “{_short(c.new) or '（空）'}”")
           for c in diff.of_kind(ChangeKind.PROGRESS)])

    head("进展未更新")
    items([_stale_line(mm, sheets) for mm in stale])

    head("值得注意")
    items([f"  · {r.kind.value}：[{_short(r.issue, 24)}] {_short(r.measure)} —— {r.message}"
           f"{where(r)}" for r in diff.regressions])
    return "\n".join(lines) + "\n"


def _stale_line(mm: MeasureMatch, sheets: bool) -> str:
    """A line of 进展未更新: the measure, its status and the progress said again (or only redated)."""
    o, n = mm.old, mm.new
    said = (f"两期进展均为“{_short(n.progress)}”" if not mm.progress_changed
            else f"两期进展只改了日期：“{_short(o.progress)}” → “{_short(n.progress)}”"
            if only_dates_changed(o.progress, n.progress)
            else f"本期进展没有新内容：“{_short(o.progress)}” → “{_short(n.progress)}”")
    where = _rows(o.row, n.row, o.sheet, n.sheet) if sheets else _rows(o.row, n.row)
    return f"  · [{_short(n.issue.label, 24)}] {_short(n.text)}：{n.status_label}，{said}{where}"


# ---------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------

_FLAG_FILL = "FFC7CE"


def diff_sheets(diff: LedgerDiff) -> list[SheetSpec]:
    """变化汇总 (totals before/after, changes and regressions by type) and 变化明细 (one row per
    change: 类型, 问题, 措施, 字段, 原值, 新值, 原行, 新行, 值得注意)."""
    o, n = diff.old, diff.new
    rows: list[list[Any]] = [
        ["台账变化汇总"],
        [_side_line("上期", o)],
        [_side_line("本期", n)],
        *([f"注意：{w}"] for w in diff.warnings),
        ["项目", "上期", "本期", "变化"],
    ]
    for label, _unit, get in _TOTALS:
        a, b = get(o), get(n)
        rows.append([label, a, b, _delta_words(b - a)])
    rate_row = len(rows)
    rows.append(["措施完成率", round(o.counts.rate, 4), round(n.counts.rate, 4),
                 _points(o.counts.rate, n.counts.rate, words=True)])
    rows += [[line.strip()] for line in _column_lines(diff)]
    rows.append([])
    kinds_head = len(rows)
    rows.append(["变化类型", "处数"])
    for k in ChangeKind:
        rows.append([k.value, len(diff.of_kind(k))])
    rows.append(["进展未更新（正在推进、未启动）", len(diff.progress_unchanged())])
    rows.append([])
    reg_head = len(rows)
    rows.append(["值得注意", "处数"])
    for rk in RegressionKind:
        rows.append([rk.value, sum(1 for r in diff.regressions if r.kind is rk)])
    head_row = 3 + len(diff.warnings)
    summary = SheetSpec(DIFF_SHEETS[0], rows, head_row, [24, 16, 16, 18], autofilter=False)
    summary.bold_rows = {0, head_row, kinds_head, reg_head}
    for i in range(3, head_row):
        summary.row_fills[i] = _FLAG_FILL  # the warnings
    summary.percent_cells = [(rate_row, 1), (rate_row, 2)]  # numbers shown as 40.0%
    for i, rk in enumerate(RegressionKind, start=reg_head + 1):
        if any(r.kind is rk for r in diff.regressions):
            summary.row_fills[i] = _FLAG_FILL

    # a ledger read from several sheets has a row 5 on each: the rows come with their sheet
    sheets = diff.several_sheets
    drows: list[list[Any]] = [
        [f"台账变化明细（上期 {o.name or cn_date(o.as_of)} → "
         f"本期 {n.name or cn_date(n.as_of)}）"],
        _detail_head(sheets),
    ]
    widths: list[float] = [12, 30, 44, 10, 28, 28, *([14, 7, 14, 7] if sheets else [7, 7]), 16]
    detail = SheetSpec(DIFF_SHEETS[1], drows, 1, widths)
    for c in diff.changes:
        drows.append(_detail_row(c, sheets))
        if c.flag:
            detail.row_fills[len(drows) - 1] = _FLAG_FILL
    detail.bold_rows = {0, 1}
    return [summary, detail]


def _detail_head(sheets: bool) -> list[str]:
    """The header of 变化明细 (and of the CSV): the sheets named when ``sheets``."""
    return ["类型", "问题", "措施", "字段", "原值", "新值",
            *(["原工作表", "原行", "新工作表", "新行"] if sheets else ["原行", "新行"]), "值得注意"]


def _detail_row(c: Change, sheets: bool) -> list[Any]:
    """One change as a row of 变化明细 (and of the CSV)."""
    where = ([c.old_sheet if c.old_row else "", c.old_row, c.new_sheet if c.new_row else "", c.new_row]
             if sheets else [c.old_row, c.new_row])
    return [c.kind.value, c.issue, c.measure, c.field, c.old, c.new, *where, c.flag]


def diff_csv(diff: LedgerDiff) -> str:
    """The changes as CSV (``rectxl diff -o 变化.csv``): 变化明细's header and rows, one row per change —
    always with the sheets (a script reads one set of columns) — text escaped against formula
    injection; "\r\n" line ends, as Excel writes CSV. The caller adds the BOM Excel needs to
    read the Chinese of a file (a stream gets none)."""
    import csv  # here: only the CSV output needs it
    import io

    from rectxl.core.report import safe_cell_text

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_detail_head(True))
    for c in diff.changes:
        writer.writerow(["" if v is None else safe_cell_text(v) for v in _detail_row(c, True)])
    return out.getvalue()
