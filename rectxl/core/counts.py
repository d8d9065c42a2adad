"""Status counts over a set of measures: how many are done, overdue, at each warning grade.

Shared by validation (every report carries them, for batch reports), the summary sheets and the
notice's totals sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date

from rectxl.core.closure import closure_stage
from rectxl.core.model import Measure
from rectxl.core.status import Stage, Status
from rectxl.core.timing import DEFAULT_WARN_DAYS, Grade, grade, is_extended, is_overdue

__all__ = ["COUNT_FIELDS", "STATUS_ATTR", "Counts", "Rates"]


class Rates:
    """Completion and closure rates of anything that counts ``measures``, ``done`` and ``closed``."""

    __slots__ = ()
    measures: int
    done: int
    closed: int

    @property
    def rate(self) -> float:
        """Completion rate (完成率): share of measures 已完成 (0 when there are none)."""
        return self.done / self.measures if self.measures else 0.0

    @property
    def closure_rate(self) -> float:
        """Closure rate (销号率): share of measures 已销号 (0 when there are none)."""
        return self.closed / self.measures if self.measures else 0.0


@dataclass(slots=True)
class Counts(Rates):
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


    @classmethod
    def of(cls, measures: Iterable[Measure], as_of: date,
           warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS) -> Counts:
        counts = dict.fromkeys(COUNT_FIELDS, 0)
        for m in measures:
            _count(counts, m, as_of, warn_days)
        return cls(**counts)

    def add(self, m: Measure, as_of: date, warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS) -> None:
        counts = asdict(self)
        _count(counts, m, as_of, warn_days)
        for key, value in counts.items():
            setattr(self, key, value)


COUNT_FIELDS = tuple(f.name for f in fields(Counts))
_GRADE_ATTR = {Grade.RED: "red", Grade.ORANGE: "orange", Grade.YELLOW: "yellow", Grade.BLUE: "blue",
               Grade.GREEN: "green"}
_STAGE_ATTR = {Stage.ACCEPTED: "accepted", Stage.CLOSED: "closed"}


def _count(counts: dict[str, int], m: Measure, as_of: date, warn_days: tuple[int, ...]) -> None:
    counts["measures"] += 1
    counts[(STATUS_ATTR.get(m.status) if m.status else None) or "unknown"] += 1
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
STATUS_ATTR = {
    Status.DONE: "done",
    Status.MOSTLY_DONE: "mostly_done",
    Status.IN_PROGRESS: "in_progress",
    Status.LONG_TERM: "long_term",
    Status.NOT_STARTED: "not_started",
}
