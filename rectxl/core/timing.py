"""When a measure is due and whether it is overdue: one definition for the rules, the summary
sheets, the diff and the letters."""

from __future__ import annotations

from datetime import date

from rectxl.core.deadline import DeadlineKind
from rectxl.core.model import Measure
from rectxl.core.status import Status

__all__ = ["effective_due", "is_open", "is_overdue"]


def is_open(m: Measure) -> bool:
    """Still to be done by its deadline: not 已完成; a date-then-long-term measure counts as done
    once it is marked 长期坚持 (its dated part is over and it continues as routine)."""
    if m.status is Status.DONE:
        return False
    return not (m.deadline.kind is DeadlineKind.DATE_AND_LONG_TERM and m.status is Status.LONG_TERM)


def effective_due(m: Measure) -> date | None:
    """The date a measure is due by (``None`` for long-term or unreadable deadlines)."""
    if m.deadline.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        return m.deadline.due
    return None


def is_overdue(m: Measure, as_of: date) -> bool:
    """Overdue as the ``overdue`` rule and the summary sheets count it."""
    if not is_open(m):
        return False
    if m.deadline.kind is DeadlineKind.IMMEDIATE:
        return True
    due = effective_due(m)
    return due is not None and due < as_of
