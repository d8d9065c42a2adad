"""Summaries in the notice's structure: totals, aspect → category → issue → measure, per owner
unit, and the overdue list. Pure: computed from a ledger and an as-of date.

An issue's status is derived from its measures (:func:`issue_status`); completion rate is the
share of measures marked 已完成, closure rate (销号率) the share closed (已销号, a part of 已完成).
Each measure also has a warning grade (红/橙/黄/蓝/绿, :func:`rectxl.core.timing.grade`) under
the office's thresholds, and the extended measures are listed with both deadlines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, Field

from rectxl.core.closure import closure_stage
from rectxl.core.extension import extension_of
from rectxl.core.model import Issue, Ledger, Measure
from rectxl.core.status import Stage, Status
from rectxl.core.text import chinese_number, cn_count, cn_date, percent_text
from rectxl.core.timing import (
    DEFAULT_WARN_DAYS,
    Grade,
    effective_due,
    grade,
    is_extended,
    is_overdue,
    resolve_warn_days,
)
from rectxl.core.units import split_units, unit_spellings

__all__ = [
    "Counts",
    "DetailRow",
    "ExtendedRow",
    "Summary",
    "UnitRow",
    "detail_rows",
    "issue_status",
    "notice_totals_sentence",
    "summarize",
    "totals_sentence",
]


class Counts(BaseModel):
    """Status counts over a set of measures."""

    measures: int = 0
    done: int = 0
    mostly_done: int = 0
    in_progress: int = 0
    long_term: int = 0
    not_started: int = 0
    unknown: int = 0
    overdue: int = 0
    #: of the 已完成: accepted and not yet closed (已验收), and closed (已销号)
    accepted: int = 0
    closed: int = 0
    #: measures whose deadline was extended (延期)
    extended: int = 0
    #: warning grades (:class:`~rectxl.core.timing.Grade`); red is the same as overdue
    red: int = 0
    orange: int = 0
    yellow: int = 0
    blue: int = 0
    green: int = 0

    @property
    def rate(self) -> float:
        """Completion rate: share of measures 已完成 (0 when there are none)."""
        return self.done / self.measures if self.measures else 0.0

    @property
    def closure_rate(self) -> float:
        """Closure rate (销号率): share of measures 已销号 (0 when there are none)."""
        return self.closed / self.measures if self.measures else 0.0

    @classmethod
    def of(cls, measures: Iterable[Measure], as_of: date,
           warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS) -> Counts:
        # counted in a plain dict, the model built once (setting a model's field per measure
        # goes through pydantic's __setattr__: 30 µs a measure in a 100,000-row summary)
        counts = dict.fromkeys(_COUNT_FIELDS, 0)
        for m in measures:
            _count(counts, m, as_of, warn_days)
        return cls(**counts)

    def add(self, m: Measure, as_of: date, warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS) -> None:
        counts = self.model_dump()
        _count(counts, m, as_of, warn_days)
        for key, value in counts.items():
            setattr(self, key, value)


_COUNT_FIELDS = tuple(Counts.model_fields)
_GRADE_ATTR = {Grade.RED: "red", Grade.ORANGE: "orange", Grade.YELLOW: "yellow", Grade.BLUE: "blue",
               Grade.GREEN: "green"}
_STAGE_ATTR = {Stage.ACCEPTED: "accepted", Stage.CLOSED: "closed"}


def _count(counts: dict[str, int], m: Measure, as_of: date, warn_days: tuple[int, ...]) -> None:
    counts["measures"] += 1
    counts[(_STATUS_ATTR.get(m.status) if m.status else None) or "unknown"] += 1
    if is_overdue(m, as_of):
        counts["overdue"] += 1
    found = grade(m, as_of, warn_days)
    if found is not None:
        counts[_GRADE_ATTR[found]] += 1
    if m.status is Status.DONE and (m.stage or m.extra):
        stage = closure_stage(m)
        attr = _STAGE_ATTR.get(stage) if stage is not None else None
        if attr is not None:
            counts[attr] += 1
    if is_extended(m):
        counts["extended"] += 1
_STATUS_ATTR = {
    Status.DONE: "done",
    Status.MOSTLY_DONE: "mostly_done",
    Status.IN_PROGRESS: "in_progress",
    Status.LONG_TERM: "long_term",
    Status.NOT_STARTED: "not_started",
}


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


class UnitRow(BaseModel):
    unit: str
    counts: Counts


class DetailRow(BaseModel):
    """One line of 整改明细: level 1 aspect, 2 category, 3 issue, 4 measure."""

    level: int
    label: str  # 第一方面问题 / (一) / 1. / 一是
    text: str
    counts: Counts
    status: str = ""
    owner: str = ""
    lead: str = ""
    deadline: str = ""
    due: date | None = None
    overdue: bool = False
    row: int | None = None  # ledger row (measures and issues)
    #: a measure's warning grade (红/橙/黄/蓝/绿), "" when it has none
    grade: str = ""
    #: a measure's closure stage (待验收/已验收/已销号), "" when none
    stage: str = ""


class ExtendedRow(BaseModel):
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


class Summary(BaseModel):
    as_of: date
    aspects: int
    categories: int
    issues: int
    issue_status: dict[str, int] = Field(default_factory=dict)
    #: issues whose every measure is closed (已销号)
    issues_closed: int = 0
    counts: Counts
    per_aspect: list[tuple[str, Counts]] = Field(default_factory=list)
    units: list[UnitRow] = Field(default_factory=list)
    overdue: list[DetailRow] = Field(default_factory=list)
    extended: list[ExtendedRow] = Field(default_factory=list)
    #: the warning thresholds the grades were counted with, largest first
    warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS


def _aspect_label(n: int) -> str:
    return f"第{chinese_number(n)}方面问题"


def detail_rows(ledger: Ledger, as_of: date, warn_days: tuple[int, ...] | None = None) -> list[DetailRow]:
    """Aspect → category → issue → measure rows numbered as the notice numbers them: afresh,
    categories running on, issues running on when there are categories and restarting per aspect
    when there are none (the ledger's own issue numbers are not repeated; the row is). Grades
    under ``warn_days`` (default: 基本信息 预警天数, else 15 days)."""
    warn = resolve_warn_days(ledger.info, warn_days)
    rows: list[DetailRow] = []
    has_categories = any(c.title for a in ledger.aspects for c in a.categories)
    category_no = issue_no = 0
    for a_i, aspect in enumerate(ledger.aspects, 1):
        a_measures = [m for i in aspect.issues() for m in i.measures]
        rows.append(DetailRow(level=1, label=_aspect_label(a_i) if has_categories
                              else f"（{chinese_number(a_i)}）",
                              text=aspect.title or "", counts=Counts.of(a_measures, as_of, warn)))
        if not has_categories:
            issue_no = 0
        for category in aspect.categories:
            if category.title:
                category_no += 1
                c_measures = [m for i in category.issues for m in i.measures]
                rows.append(DetailRow(level=2, label=f"（{chinese_number(category_no)}）",
                                      text=category.title, counts=Counts.of(c_measures, as_of, warn)))
            for issue in category.issues:
                issue_no += 1
                status = issue_status(issue)
                rows.append(DetailRow(level=3, label=f"{issue_no}.",
                                      text=issue.title, counts=Counts.of(issue.measures, as_of, warn),
                                      status=status.value if status else "", row=issue.row))
                for m_i, m in enumerate(issue.measures, 1):
                    found = grade(m, as_of, warn)
                    stage = closure_stage(m)
                    rows.append(DetailRow(
                        level=4, label=f"{chinese_number(m_i)}是", text=m.text,
                        counts=Counts.of([m], as_of, warn), status=m.status.value if m.status else m.status_text,
                        owner=m.owner_unit, lead=m.lead, deadline=m.deadline.text,
                        due=effective_due(m), overdue=is_overdue(m, as_of), row=m.row,
                        grade=found.value if found else "", stage=stage.value if stage else "",
                    ))
    return rows


def issue_closed(issue: Issue) -> bool:
    """Every measure of the issue is closed (已销号)."""
    return bool(issue.measures) and all(closure_stage(m) is Stage.CLOSED for m in issue.measures)


def extended_rows(ledger: Ledger, as_of: date) -> list[ExtendedRow]:
    """The measures whose deadline was extended, in ledger order, with both deadlines."""
    feedback = ledger.info.feedback_date
    found: list[ExtendedRow] = []
    issue_no = 0
    for aspect in ledger.aspects:
        for issue in aspect.issues():
            issue_no += 1
            for m_i, m in enumerate(issue.measures, 1):
                if not is_extended(m):
                    continue
                ext = extension_of(m, feedback)
                found.append(ExtendedRow(
                    row=m.row, sheet=m.sheet, label=f"{issue_no}.{chinese_number(m_i)}是", text=m.text,
                    owner=m.owner_unit, deadline=m.deadline.text,
                    original_due=ext.original_due if ext else m.deadline.original_due,
                    due=effective_due(m), times=ext.times if ext else 1,
                    status=m.status.value if m.status else m.status_text, overdue=is_overdue(m, as_of),
                ))
    return found


def summarize(ledger: Ledger, as_of: date, *, rows: list[DetailRow] | None = None,
              warn_days: tuple[int, ...] | None = None) -> Summary:
    """Totals, per-aspect and per-unit counts, the overdue and the extended lists, as of
    ``as_of``; ``rows`` are :func:`detail_rows` of the same ledger, date and thresholds when the
    caller has them. Grades under ``warn_days`` (default: 基本信息 预警天数, else 15 days)."""
    warn = resolve_warn_days(ledger.info, warn_days)
    measures = list(ledger.measures())
    issues = list(ledger.issues())
    issue_counts: dict[str, int] = {}
    for issue in issues:
        status = issue_status(issue)
        key = status.value if status else "未明确"
        issue_counts[key] = issue_counts.get(key, 0) + 1
    # spelling variants of one unit (耕保股 / 耕地保护股) count as one unit, under its most used
    # spelling — the same grouping the owner-unit-variant rule reports
    written = Counter(u for m in measures for u in split_units(m.owner_unit))
    canonical = unit_spellings(written, keep=ledger.owner_units or ())
    by_unit: dict[str, list[Measure]] = {}
    for m in measures:
        for unit in dict.fromkeys(canonical.get(u, u) for u in split_units(m.owner_unit)) or ["(未填写)"]:
            by_unit.setdefault(unit, []).append(m)
    units = {unit: Counts.of(unit_measures, as_of, warn) for unit, unit_measures in by_unit.items()}
    names = {unit: unit for unit in by_unit}
    overdue = [r for r in (rows if rows is not None else detail_rows(ledger, as_of, warn))
               if r.level == 4 and r.overdue]
    return Summary(
        as_of=as_of,
        aspects=len(ledger.aspects),
        categories=sum(1 for a in ledger.aspects for c in a.categories if c.title),
        issues=len(issues),
        issue_status=issue_counts,
        issues_closed=sum(1 for issue in issues if issue_closed(issue)),
        counts=Counts.of(measures, as_of, warn),
        per_aspect=[
            (a.title or f"第{chinese_number(i)}方面",
             Counts.of([m for x in a.issues() for m in x.measures], as_of, warn))
            for i, a in enumerate(ledger.aspects, 1)
        ],
        units=sorted((UnitRow(unit=names[k], counts=c) for k, c in units.items()),
                     key=lambda r: (-r.counts.measures, r.unit)),
        overdue=overdue,
        extended=extended_rows(ledger, as_of),
        warn_days=warn,
    )


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
                     c: Counts, *, internal: bool, issues_closed: int = 0) -> str:
    """"截至X，巡察反馈的X个方面X个问题已完成整改X个、……；X项整改措施已完成X项、……，整改措施
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
    if internal and c.unknown:
        measure_parts.append(f"状态未明确{c.unknown}项")
    text = (f"截至{as_of_text}，巡察反馈的{scope}{issues}个问题{'、'.join(issue_parts)}；"
            f"{c.measures}项整改措施{'、'.join(measure_parts)}，整改措施完成率{percent_text(c.rate)}")
    if internal and c.closed:
        text += f"、销号率{percent_text(c.closure_rate)}"
    if internal and c.overdue:
        text += f"；已逾期未完成{c.overdue}项"
    if internal and c.extended:
        text += f"；申请延期{c.extended}项"
    return text + "。"


def totals_sentence(s: Summary) -> str:
    """The totals as the summary sheet states them (with overdue and unknown statuses):
    "截至2023年9月20日，巡察反馈的两个方面3个问题已完成整改1个、……"."""
    return _status_sentence(cn_date(s.as_of), s.aspects, s.issues, s.issue_status, s.counts,
                            internal=True, issues_closed=s.issues_closed)


def notice_totals_sentence(ledger: Ledger, as_of: date | None = None) -> str:
    """The totals sentence a published notice opens its section 二 with, from the ledger's
    statuses ("截至目前" when ``as_of`` is not known); nothing about overdue measures."""
    issues = list(ledger.issues())
    issue_counts: dict[str, int] = {}
    for issue in issues:
        status = issue_status(issue)
        if status is not None:
            issue_counts[status.value] = issue_counts.get(status.value, 0) + 1
    counts = Counts.of(ledger.measures(), as_of or date.min)
    aspects = sum(1 for a in ledger.aspects if a.title is not None)
    return _status_sentence(cn_date(as_of) if as_of else "目前", aspects, len(issues), issue_counts,
                            counts, internal=False, issues_closed=sum(1 for i in issues if issue_closed(i)))
