"""Summaries in the notice's structure: totals, aspect → category → issue → measure, per owner
unit, and the overdue list. Pure: computed from a ledger and an as-of date.

An issue's status is derived from its measures (:func:`issue_status`); completion rate is the
share of measures marked 已完成, closure rate (销号率) the share closed (已销号, a part of 已完成).
Each measure also has a warning grade (红/橙/黄/蓝/绿, :func:`rectxl.core.timing.grade`) under
the office's thresholds, and the extended measures are listed with both deadlines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter, itemgetter

from rectxl.core.closure import closure_stage
from rectxl.core.counts import COUNT_FIELDS, Counts
from rectxl.core.deadline import DeadlineKind
from rectxl.core.extension import extension_of
from rectxl.core.model import Issue, Ledger, Measure
from rectxl.core.numbering import measure_body
from rectxl.core.rules.deadlines import late_listed_items, part_words
from rectxl.core.status import Stage, Status, items_done
from rectxl.core.text import chinese_number, cn_count, cn_date, percent_text, shorten
from rectxl.core.timing import (
    DEFAULT_WARN_DAYS,
    Grade,
    effective_due,
    is_extended,
    is_overdue,
    resolve_warn_days,
)
from rectxl.core.units import split_units, unit_spellings

__all__ = [
    "DetailRow",
    "ExtendedRow",
    "Summary",
    "UnitRow",
    "detail_rows",
    "issue_status",
    "notice_totals_sentence",
    "summarize",
    "summary_and_rows",
    "told_aspects",
    "totals_sentence",
    "unfilled_status_column",
    "unknown_statuses",
    "unpublished",
]


def issue_status(issue: Issue) -> Status | None:
    """An issue's status from its measures: all 已完成 → 已完成; all finished or continuing →
    长期坚持; none started → 未启动; all at least 基本完成 → 基本完成; otherwise 正在推进."""
    statuses = [m.status for m in issue.measures]
    if not statuses or any(s is None for s in statuses):
        return None
    kinds = set(statuses)
    if kinds == {Status.DONE}:
        return Status.DONE
    if kinds <= {Status.DONE, Status.LONG_TERM}:
        return Status.LONG_TERM
    if kinds == {Status.NOT_STARTED}:
        return Status.NOT_STARTED
    if kinds <= {Status.DONE, Status.MOSTLY_DONE, Status.LONG_TERM}:
        return Status.MOSTLY_DONE
    return Status.IN_PROGRESS


# Plain slotted records (a 100,000-measure ledger has over 130,000 detail rows; a pydantic model
# costs several times as much to build, and importing pydantic alone costs ~0.1 s).

@dataclass(slots=True, kw_only=True)
class UnitRow:
    unit: str
    counts: Counts


@dataclass(slots=True, kw_only=True)
class DetailRow:
    """One line of 整改明细: level 1 aspect, 2 category, 3 issue, 4 measure."""

    level: int
    label: str  # 第一方面问题 / (一) / 1. / 一是
    text: str
    counts: Counts
    status: str = ""
    owner: str = ""
    lead: str = ""
    #: a measure's 责任人 (the person who does it)
    person: str = ""
    deadline: str = ""
    due: date | None = None
    overdue: bool = False
    row: int | None = None  # ledger row (measures and issues)
    #: a measure's warning grade (红/橙/黄/蓝/绿), "" when it has none
    grade: str = ""
    #: a measure's closure stage (待验收/已验收/已销号), "" when none
    stage: str = ""
    #: the sheet of ``row`` (a ledger over several sheets)
    sheet: str = ""


#: deadlines due at once (立行立改), counted from the feedback date
_AT_ONCE = (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM)


@dataclass(slots=True, kw_only=True)
class ExtendedRow:
    """A measure whose deadline was extended: both deadlines kept on record."""

    row: int
    sheet: str = ""
    label: str = ""  # the notice's numbering: "3.二是"
    text: str
    owner: str = ""
    deadline: str = ""  # the 整改时限 cell as written
    original_due: date | None = None
    due: date | None = None  # the deadline in force
    times: int = 1
    status: str = ""
    overdue: bool = False


@dataclass(slots=True, kw_only=True)
class Summary:
    as_of: date
    aspects: int
    categories: int
    issues: int
    issue_status: dict[str, int] = field(default_factory=dict)
    #: issues whose every measure is closed (已销号)
    issues_closed: int = 0
    counts: Counts
    per_aspect: list[tuple[str, Counts]] = field(default_factory=list)
    #: the categories' counts, in ledger order (a ledger of 问题类别 and no 方面 is broken down by them)
    per_category: list[tuple[str, Counts]] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    overdue: list[DetailRow] = field(default_factory=list)
    #: measures listed in one cell of a row not overdue as a whole, each past its own deadline and
    #: by its own status not done (labelled "1.一是第2项"): the item-deadline-passed warning's
    late_items: list[DetailRow] = field(default_factory=list)
    extended: list[ExtendedRow] = field(default_factory=list)
    #: the warning thresholds the grades were counted with, largest first
    warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS
    #: 巡察 or 巡视, as the totals sentence names the round (:attr:`~rectxl.core.model.LedgerInfo.inspection_word`)
    word: str = "巡察"
    #: whose problems the totals count ("巡察反馈的", a 回头看's "巡察整改“回头看”发现的"; see
    #: :attr:`~rectxl.core.model.LedgerInfo.problems_source`)
    source: str = "巡察反馈的"
    #: the sheets the measures were read from, in ledger order (a Word ledger's tables 表格1, 表格2 …)
    sheets: tuple[str, ...] = ()


def _aspect_label(n: int) -> str:
    return f"第{chinese_number(n)}方面问题"


# -- one pass over the ledger ------------------------------------------------------------------
#
# Every measure is counted once (:meth:`Counts.of` of that measure alone); an issue's, a
# category's, an aspect's, a unit's and the ledger's counts are sums of those. Counts' fields are
# all tallies of measures, so the sum over a set of measures is what :meth:`Counts.of` of the set
# gives — without walking each measure again for every level it belongs to.

_AS_TUPLE = attrgetter(*COUNT_FIELDS)
#: a single measure's grade value from its counts (the grade fields count :func:`timing.grade`):
#: the count tuple's grade fields → the grade's word
_GRADE_FIELDS = (("red", Grade.RED), ("orange", Grade.ORANGE), ("yellow", Grade.YELLOW), ("blue", Grade.BLUE),
                 ("green", Grade.GREEN))
_GRADES = itemgetter(*(COUNT_FIELDS.index(attr) for attr, _ in _GRADE_FIELDS))
_GRADE_OF = {tuple(int(i == k) for i in range(len(_GRADE_FIELDS))): g.value for k, (_, g) in enumerate(_GRADE_FIELDS)}
_OVERDUE = COUNT_FIELDS.index("overdue")
_EXTENDED = COUNT_FIELDS.index("extended")
_ZERO = (0,) * len(COUNT_FIELDS)


def _total(parts: list[tuple[int, ...]]) -> tuple[int, ...]:
    """Field-wise sum of count tuples."""
    if not parts:
        return _ZERO
    if len(parts) == 1:
        return parts[0]
    return tuple(map(sum, zip(*parts, strict=True)))


def _counts(t: tuple[int, ...]) -> Counts:
    return Counts(**dict(zip(COUNT_FIELDS, t, strict=True)))


def _status_text(m: Measure) -> str:
    """A measure's status as the detail sheets show it: the normalised word, and which items are
    done when the cell gives one status per item ("1.已完成\n2.正在推进" → 正在推进（第1项已完成）)."""
    if m.status is None:
        return m.status_text
    # (no status cell: the progress the status was read from, "（1）已整改…（2）整改中…")
    done = items_done(m.status_text or m.progress) if m.status is not Status.DONE else ""
    return f"{m.status.value}（{done}）" if done else m.status.value



@dataclass(slots=True)
class _Pass:
    """What one walk over a ledger gives: the detail rows (when asked for), the overdue measures'
    rows, the extended measures, per-aspect and per-owner-text counts, issue statuses."""

    rows: list[DetailRow]
    overdue: list[DetailRow]
    late_items: list[DetailRow]
    extended: list[ExtendedRow]
    aspect_totals: list[tuple[int, ...]]
    #: each titled category's title and counts
    category_totals: list[tuple[str, tuple[int, ...]]]
    #: owner-unit cell text → the counts of each measure naming it so, in first-seen order
    owners: dict[str, list[tuple[int, ...]]]
    issue_counts: dict[str, int]
    issues: int
    issues_closed: int


def _walk(ledger: Ledger, as_of: date, warn: tuple[int, ...], *, all_rows: bool) -> _Pass:
    """The numbering of :func:`detail_rows`; with ``all_rows`` False only the overdue measures'
    rows are made (what :func:`summarize` needs)."""
    rows: list[DetailRow] = []
    overdue: list[DetailRow] = []
    late_items: list[DetailRow] = []
    extended: list[ExtendedRow] = []
    aspect_totals: list[tuple[int, ...]] = []
    category_totals: list[tuple[str, tuple[int, ...]]] = []
    owners: dict[str, list[tuple[int, ...]]] = {}
    issue_counts: dict[str, int] = {}
    issues = issues_closed = 0
    feedback = ledger.info.deadlines_from
    has_categories = any(c.title for a in ledger.aspects for c in a.categories)
    run_on = ledger.numbers_issues_on()  # as the notice numbers them
    category_no = issue_no = 0
    closed = Stage.CLOSED
    for a_i, aspect in enumerate(ledger.aspects, 1):
        a_row = None
        if all_rows and aspect.title is not None:  # a ledger without aspects has no aspect row
            a_row = DetailRow(level=1, label=_aspect_label(a_i) if has_categories else f"（{chinese_number(a_i)}）",
                              text=aspect.title or "", counts=Counts())
            rows.append(a_row)
        if not run_on and aspect.title is not None:
            issue_no = 0
        a_parts: list[tuple[int, ...]] = []
        for category in aspect.categories:
            c_row = None
            if category.title:
                category_no += 1
                if all_rows:
                    c_row = DetailRow(level=2, label=f"（{chinese_number(category_no)}）", text=category.title,
                                      counts=Counts(), status=category.note)
                    rows.append(c_row)
            c_parts: list[tuple[int, ...]] = []
            for issue in category.issues:
                issue_no += 1
                issues += 1  # the extended list numbers issues on through the ledger
                status = issue_status(issue)
                key = status.value if status else _UNREAD
                issue_counts[key] = issue_counts.get(key, 0) + 1
                i_row = None
                if all_rows:
                    i_row = DetailRow(level=3, label=f"{issue_no}.", text=issue.title, counts=Counts(),
                                      status=status.value if status else "", row=issue.row)
                    rows.append(i_row)
                i_parts: list[tuple[int, ...]] = []
                all_closed = bool(issue.measures)
                for m_i, m in enumerate(issue.measures, 1):
                    c = Counts.of((m,), as_of, warn)
                    t = _AS_TUPLE(c)
                    i_parts.append(t)
                    owner = owners.get(m.owner_unit)
                    if owner is None:
                        owners[m.owner_unit] = [t]
                    else:
                        owner.append(t)
                    stage = closure_stage(m)
                    if stage is not closed:
                        all_closed = False
                    late = bool(t[_OVERDUE])
                    if all_rows or late:
                        row = DetailRow(
                            level=4, label=f"{chinese_number(m_i)}是", text=measure_body(m.text), counts=c,
                            status=_status_text(m), owner=m.owner_unit,
                            lead=m.lead, person=m.owner_person, deadline=m.deadline.text, due=effective_due(m),
                            overdue=late, row=m.row,
                            grade=_GRADE_OF.get(_GRADES(t), ""), stage=stage.value if stage else "")
                        if all_rows:
                            rows.append(row)
                        if late:
                            # in 逾期清单: numbered as the notice numbers it ("2.三是"), with its sheet,
                            # and a 立行立改 due on the feedback date (as the letters count it)
                            overdue.append(replace(
                                row, label=f"{issues}.{row.label}", sheet=m.sheet,
                                due=row.due or (feedback if m.deadline.kind in _AT_ONCE else None)))
                    if not late:
                        late_items.extend(
                            DetailRow(level=4, label=f"{issues}.{chinese_number(m_i)}是第{k + 1}项", text=item,
                                      counts=c, status=status.value, owner=m.owner_unit, lead=m.lead,
                                      person=m.owner_person, deadline=part_words(part), due=part.due, overdue=True,
                                      row=m.row, sheet=m.sheet)
                            for k, item, part, status in late_listed_items(m, as_of, feedback))
                    if t[_EXTENDED]:
                        extended.append(_extended_row(m, f"{issues}.{chinese_number(m_i)}是", feedback, late))
                if all_closed:
                    issues_closed += 1
                i_total = _total(i_parts)
                if i_row is not None:
                    i_row.counts = _counts(i_total)
                c_parts.append(i_total)
            c_total = _total(c_parts)
            if category.title:
                category_totals.append((category.title, c_total))
            if c_row is not None:
                c_row.counts = _counts(c_total)
            a_parts.append(c_total)
        a_total = _total(a_parts)
        if a_row is not None:
            a_row.counts = _counts(a_total)
        aspect_totals.append(a_total)
    return _Pass(rows, overdue, late_items, extended, aspect_totals, category_totals, owners, issue_counts, issues,
                 issues_closed)


def _extended_row(m: Measure, label: str, feedback: date | None, late: bool) -> ExtendedRow:
    ext = extension_of(m, feedback)
    return ExtendedRow(
        row=m.row, sheet=m.sheet, label=label, text=measure_body(m.text), owner=m.owner_unit, deadline=m.deadline.text,
        original_due=ext.original_due if ext else m.deadline.original_due,
        due=effective_due(m), times=ext.times if ext else 1, status=_status_text(m), overdue=late,
    )


def detail_rows(ledger: Ledger, as_of: date, warn_days: tuple[int, ...] | None = None) -> list[DetailRow]:
    """Aspect → category → issue → measure rows numbered as the notice numbers them: afresh,
    categories running on, issues running on when there are categories and restarting per aspect
    when there are none (the ledger's own issue numbers are not repeated; the row is). Grades
    under ``warn_days`` (default: 基本信息 预警天数, else 15 days)."""
    return _walk(ledger, as_of, resolve_warn_days(ledger.info, warn_days), all_rows=True).rows


def issue_closed(issue: Issue) -> bool:
    """Every measure of the issue is closed (已销号)."""
    return bool(issue.measures) and all(closure_stage(m) is Stage.CLOSED for m in issue.measures)


def extended_rows(ledger: Ledger, as_of: date) -> list[ExtendedRow]:
    """The measures whose deadline was extended, in ledger order, with both deadlines."""
    feedback = ledger.info.deadlines_from
    found: list[ExtendedRow] = []
    issue_no = 0
    for aspect in ledger.aspects:
        for issue in aspect.issues():
            issue_no += 1
            for m_i, m in enumerate(issue.measures, 1):
                if is_extended(m):
                    found.append(_extended_row(m, f"{issue_no}.{chinese_number(m_i)}是", feedback,
                                               is_overdue(m, as_of)))
    return found


def summary_and_rows(ledger: Ledger, as_of: date, warn_days: tuple[int, ...] | None = None
                     ) -> tuple[Summary, list[DetailRow]]:
    """:func:`summarize` and :func:`detail_rows` of one ledger, date and thresholds, from one walk
    over the ledger (what the summary sheets need)."""
    warn = resolve_warn_days(ledger.info, warn_days)
    found = _walk(ledger, as_of, warn, all_rows=True)
    return _summary(ledger, as_of, warn, found), found.rows


def unknown_statuses(ledger: Ledger) -> list[str]:
    """The measures whose status cannot be read ("台账!G12“见进展”") or is not filled in
    ("台账!G13（未填写）", a formula never computed included), when the notice states totals (some
    measure has a status): the totals leave them out, so a notice published with them does not
    add up."""
    from rectxl.core import fields as F

    measures = list(ledger.measures())
    if all(m.status is None for m in measures):
        return []  # no totals are stated (no status column, or none filled in)

    def where(m: Measure) -> str:
        said = f"“{m.status_text}”" if m.status_text.strip() else "（未填写）"
        cell = m.cells.get(F.STATUS)
        if cell is None:  # no status column: the row ("台账第11行", never "台账!11")
            return f"{m.sheet}第{m.row}行{said}" if m.sheet else f"第{m.row}行{said}"
        return f"{m.sheet}!{cell}{said}" if m.sheet else f"第{m.row}行{said}"

    return [where(m) for m in measures if m.status is None]


def unfilled_status_column(ledger: Ledger) -> int:
    """The number of measures of a ledger that has a status column with not one status in it
    (every cell blank or unreadable), else 0: its notice can state no totals — no
    "截至…已完成整改…个" — and says of no measure how far it got. A ledger read back from a
    published notice (its 推断状态 column beside the blank one) is not a clerk's: 0."""
    from rectxl.core import fields as F

    measures = list(ledger.measures())
    columns = [ledger.columns, *(s.columns for s in ledger.sheets)]
    if not measures or not any(F.STATUS in c for c in columns) \
            or any(F.INFERRED_STATUS in c for c in columns) or any(m.status is not None for m in measures):
        return 0
    return len(measures)


def unpublished(ledger: Ledger) -> list[str]:
    """What the notice cannot publish as the ledger means it: issues whose measures were not read
    (the notice prints their titles alone) and measures under no issue (left out) — each a
    sentence for the clerk, empty when there is none."""
    bare = [i for i in ledger.issues() if not i.measures]
    said = []
    if bare:
        names = "、".join(f"“{shorten(i.title, 16)}”" for i in bare[:5]) + ("等" if len(bare) > 5 else "")
        said.append(f"{len(bare)}个问题没有读到整改措施（{names}），通报中只有问题标题")
    if ledger.orphans:
        said.append(f"{len(ledger.orphans)}项整改措施不属于任何问题，没有写入通报")
    return said


def summarize(ledger: Ledger, as_of: date, *, warn_days: tuple[int, ...] | None = None) -> Summary:
    """Totals, per-aspect and per-unit counts, the overdue and the extended lists, as of
    ``as_of``. Grades under ``warn_days`` (default: 基本信息 预警天数, else 15 days)."""
    warn = resolve_warn_days(ledger.info, warn_days)
    return _summary(ledger, as_of, warn, _walk(ledger, as_of, warn, all_rows=False))


def _summary(ledger: Ledger, as_of: date, warn: tuple[int, ...], found: _Pass) -> Summary:
    # spelling variants of one unit (耕保股 / 耕地保护股) count as one unit, under its most used
    # spelling — the same grouping the owner-unit-variant rule reports. Counted per distinct
    # owner-unit text (a ledger repeats a few dozen), in the order the measures first write them.
    written: Counter[str] = Counter()
    for text, parts in found.owners.items():
        for u in split_units(text):
            written[u] += len(parts)
    canonical = unit_spellings(written, keep=ledger.owner_units or ())
    by_unit: dict[str, list[tuple[int, ...]]] = {}
    for text, parts in found.owners.items():
        total = _total(parts)
        for unit in dict.fromkeys(canonical.get(u, u) for u in split_units(text)) or ["（未填写）"]:
            by_unit.setdefault(unit, []).append(total)
    units = [UnitRow(unit=unit, counts=_counts(_total(parts))) for unit, parts in by_unit.items()]
    return Summary(
        as_of=as_of,
        aspects=sum(1 for a in ledger.aspects if a.title is not None),  # as the notice counts them
        categories=sum(1 for a in ledger.aspects for c in a.categories if c.title),
        issues=found.issues,
        issue_status=found.issue_counts,
        issues_closed=found.issues_closed,
        counts=_counts(_total(found.aspect_totals)),
        per_aspect=[
            (a.title or (f"第{chinese_number(a.number)}方面" if a.number else "（未分方面）"), _counts(total))
            for a, total in zip(ledger.aspects, found.aspect_totals, strict=True)
        ],
        per_category=[(title, _counts(total)) for title, total in found.category_totals],
        units=sorted(units, key=lambda r: (-r.counts.measures, r.unit)),
        overdue=found.overdue,
        late_items=found.late_items,
        extended=found.extended,
        warn_days=warn,
        word=ledger.info.inspection_word,
        source=ledger.info.problems_source,
        sheets=tuple(dict.fromkeys(i.sheet for i in ledger.issues())),
    )


#: the key of the issues with no status read among the issue counts
_UNREAD = "未明确"
#: issue statuses in the order the totals sentence names them: (status, words)
_ISSUE_WORDS = (
    (Status.MOSTLY_DONE, "基本完成整改"),
    (Status.IN_PROGRESS, "正在整改"),
    (Status.LONG_TERM, "需长期坚持"),
    (Status.NOT_STARTED, "尚未启动整改"),
)
_MEASURE_WORDS = (
    ("mostly_done", "基本完成"),
    ("in_progress", "正在推进"),
    ("long_term", "长期坚持"),
    ("not_started", "尚未启动"),
)


def _status_sentence(as_of_text: str, aspects: int, issues: int, issue_status: dict[str, int],
                     c: Counts, *, internal: bool, issues_closed: int = 0, source: str = "巡察反馈的") -> str:
    """"截至X，{source}X个方面X个问题已完成整改X个、……；X项整改措施已完成X项、……，整改措施
    完成率X%。" — 已销号 counted apart ("已完成整改5个（其中已销号3个）"); ``internal`` adds what
    only the office's own sheets say (overdue, unknown, extended, 销号率)."""
    scope = f"{cn_count(aspects)}个方面" if aspects else ""
    closed_issues = f"（其中已销号{issues_closed}个）" if issues_closed else ""
    issue_parts = [f"已完成整改{issue_status.get(Status.DONE.value, 0)}个{closed_issues}"]
    issue_parts += [f"{words}{n}个" for status, words in _ISSUE_WORDS
                    if (n := issue_status.get(status.value, 0))]
    closed = f"（其中已销号{c.closed}项）" if c.closed else ""
    measure_parts = [f"已完成{c.done}项{closed}"]
    measure_parts += [f"{words}{n}项" for attr, words in _MEASURE_WORDS if (n := getattr(c, attr))]
    # "已完成整改0个、正在整改8个" reads as no notice does: none done is said by the others
    if not issue_status.get(Status.DONE.value) and len(issue_parts) > 1:
        issue_parts = issue_parts[1:]
    if not c.done and len(measure_parts) > 1:
        measure_parts = measure_parts[1:]
    if internal and c.unknown:
        measure_parts.append(f"状态未明确{c.unknown}项")
        if (unread := issues - sum(n for key, n in issue_status.items() if key != _UNREAD)) > 0:
            # an issue none of whose measures has a status read is in no count: said, so that the
            # counts add up to the issues ("4个问题正在整改2个、需长期坚持1个" left one unaccounted)
            issue_parts.append(f"状态未明确{unread}个")
    # a notice with no measure done yet says so by its counts: "整改措施完成率0%" is no news
    rate = f"，整改措施完成率{percent_text(c.rate)}" if internal or c.done else ""
    if not internal and issues and issue_status.get(Status.DONE.value) == issues:
        # "2个问题已完成整改2个" is said as a notice says it: 已全部完成整改
        issue_parts = [f"已全部完成整改{closed_issues}"]
    if not internal and c.measures and c.done == c.measures:
        measure_parts, rate = [f"已全部完成{closed}"], ""
    text = (f"截至{as_of_text}，{source}{scope}{issues}个问题{'、'.join(issue_parts)}；"
            f"{c.measures}项整改措施{'、'.join(measure_parts)}{rate}")
    if internal and c.closed:
        text += f"、销号率{percent_text(c.closure_rate)}"
    if internal and c.overdue:
        text += f"；已逾期未完成{c.overdue}项"
    if internal and c.extended:
        text += f"；已延期{c.extended}项"
    return text + "。"


def _told_aspects(aspects: int, categories: int) -> int:
    """How many 方面 the totals sentence counts: the ledger's aspects, or, when it has none, its
    问题类型 (categories under no aspect), which the notice heads as its aspects ("（一）党的建设方面")
    — "巡察反馈的6个问题" above three such headings left them uncounted."""
    return aspects or categories


def told_aspects(ledger: Ledger) -> int:
    """How many 方面 the notice of ``ledger`` counts (:func:`_told_aspects`)."""
    return _told_aspects(sum(1 for a in ledger.aspects if a.title is not None),
                         sum(1 for a in ledger.aspects for c in a.categories if c.title))


def totals_sentence(s: Summary) -> str:
    """The totals as the summary sheet states them (with overdue and unknown statuses):
    "截至2023年9月20日，巡察反馈的两个方面3个问题已完成整改1个、……"."""
    return _status_sentence(cn_date(s.as_of), _told_aspects(s.aspects, s.categories), s.issues, s.issue_status,
                            s.counts, internal=True, issues_closed=s.issues_closed, source=s.source)


def notice_totals_sentence(ledger: Ledger, as_of: date | None = None, *, as_of_text: str | None = None) -> str:
    """The totals sentence a published notice opens its section 二 with, from the ledger's
    statuses ("截至目前" when ``as_of`` is not known); nothing about overdue measures."""
    issues = list(ledger.issues())
    issue_counts: dict[str, int] = {}
    for issue in issues:
        status = issue_status(issue)
        if status is not None:
            issue_counts[status.value] = issue_counts.get(status.value, 0) + 1
    counts = Counts.of(ledger.measures(), as_of or date.min)
    return _status_sentence(as_of_text or (cn_date(as_of) if as_of else "目前"), told_aspects(ledger), len(issues),
                            issue_counts, counts, internal=False,
                            issues_closed=sum(1 for i in issues if issue_closed(i)), source=ledger.info.problems_source)
