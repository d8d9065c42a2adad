"""When a measure is due, whether it is overdue, and its warning grade: one definition for the
rules, the summary sheets, the diff, the batch statistics and the letters.

Warning grades (DESIGN.md §1.4, 红黄蓝绿): 红 overdue; 橙 due within the smaller of the office's
two 预警天数 thresholds (10 in "20,10"); 黄 within the larger (20); 蓝 long term (长期坚持 as a
status, or a long-term deadline that is not overdue and not within a threshold); 绿 done. A measure
further from its deadline, or with no deadline to judge, has no grade. With one threshold (the
default: ``--due-soon-days``, 15) there is no 橙.

Thresholds come from the options (``--warn 20,10``), else from 基本信息 预警天数 ("20,10"), else
``due_soon_days`` alone: :func:`resolve_warn_days`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.extension import applied_for_only, extended_due, may_be_extended
from rectxl.core.model import LedgerInfo, Measure
from rectxl.core.status import Status, box_choices, remark_says_long_term
from rectxl.core.text import LazyPattern

__all__ = [
    "DEFAULT_WARN_DAYS",
    "GRADE_WORDS",
    "Grade",
    "days_left",
    "effective_due",
    "grade",
    "info_warn_days",
    "is_extended",
    "is_open",
    "is_overdue",
    "is_warn_key",
    "long_term_by_remark",
    "long_term_past_due",
    "parse_warn_days",
    "resolve_warn_days",
    "status_unreadable",
    "warn_grade",
]


class Grade(StrEnum):
    """A measure's warning colour; values are the words offices use (红/橙/黄/蓝/绿)."""

    RED = "红"
    ORANGE = "橙"
    YELLOW = "黄"
    BLUE = "蓝"
    GREEN = "绿"


#: how a message or a sheet names a grade
GRADE_WORDS = {
    Grade.RED: "红色预警",
    Grade.ORANGE: "橙色预警",
    Grade.YELLOW: "黄色预警",
    Grade.BLUE: "蓝色（长期坚持）",
    Grade.GREEN: "绿色（已完成）",
}
#: thresholds when neither the options nor 基本信息 name any: the due-soon window alone
DEFAULT_WARN_DAYS: tuple[int, ...] = (15,)
#: 基本信息 keys naming the thresholds ("预警天数", "预警天数（天）", "提前预警天数" …)
_WARN_KEY = re.compile(r"^(?:提前)?预警(?:天数|时限|期限)")
_NUMBER = LazyPattern(r"\d+")
_WARN_TEXT = LazyPattern(r"^\s*\d+\s*(?:天|日)?\s*(?:[,，、;；/\s]\s*\d+\s*(?:天|日)?\s*)?$")

#: deadlines that are (also) long term: a measure marked 长期坚持 under them is on track
_CONTINUES = (DeadlineKind.LONG_TERM, DeadlineKind.DATE_AND_LONG_TERM, DeadlineKind.IMMEDIATE_AND_LONG_TERM)


def status_unreadable(m: Measure) -> bool:
    """A status cell that says something no status can be read from ("见附件", "同上", a name, two
    boxes ticked): whether the work is finished is unknown, so it is not judged overdue or due —
    by the rules (``bad-status`` names the passed deadline instead), the summary, the letters and
    the batch statistics alike. An empty status is not this: it is counted as unfinished; a status
    that is a formula never computed is (its value is unknown: ``formula-uncomputed`` names it)."""
    if m.status is None and m.uncomputed and F.STATUS in m.uncomputed:
        return True
    return m.status is None and bool(m.status_text) and (
        (choices := box_choices(m.status_text)) is None or len(choices[0]) > 1)


#: a deadline's words saying the whole of the work is due by its date ("…前完成并长期坚持")
_WHOLE_DUE = re.compile(r"完成|到位|办结|完毕|落实|见效|整改")


def is_open(m: Measure) -> bool:
    """Still to be finished by its deadline: neither 已完成 nor 长期坚持.

    长期坚持 as a status means the work is in place and continues (DESIGN.md §2): under a deadline
    that is itself long term ("…完成并长期坚持", "立行立改、长期坚持") the measure is on track; under
    a plain date that has passed it is not "overdue — finish it" but a question for the clerk
    (:func:`long_term_past_due`). Under a deadline of a stage and then long term ("2025年底前完成
    阶段性任务，长期坚持"), a status saying the stage is done ("已完成阶段性目标") is on track too —
    not under "…前完成并长期坚持", where the whole of the work was due."""
    if m.status is Status.MOSTLY_DONE:
        # not "…前完成并长期坚持": all of it was due; a date and 长期坚持 saying nothing of finishing
        # ("2025年9月30日，长期坚持", a 整改类型 of 长期坚持 beside the date) dates a stage
        return not (m.deadline.kind is DeadlineKind.DATE_AND_LONG_TERM and "阶段" in m.status_text
                    and ("阶段" in m.deadline.text or not _WHOLE_DUE.search(m.deadline.text)))
    return m.status is not Status.DONE and m.status is not Status.LONG_TERM


def effective_due(m: Measure) -> date | None:
    """The date a measure is due by (``None`` for long-term, at-once or unreadable deadlines): the
    extended deadline when the 延期时限 column or the 备注 records one, else the 整改时限 cell's (whose own
    "延期至…" is already its due date)."""
    if may_be_extended(m):
        extended = extended_due(m)
        if extended is not None:
            return extended
    if m.deadline.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        if m.deadline.extended and applied_for_only(m):
            return m.deadline.original_due  # "9月底（已申请延期至12月底）", not granted: September stands
        return m.deadline.due
    return None


def is_extended(m: Measure) -> bool:
    """The deadline was extended (in the 整改时限 cell or the 延期时限 column)."""
    return (m.deadline.extended and not applied_for_only(m)) or (may_be_extended(m) and extended_due(m) is not None)


def _due_at_once(m: Measure) -> bool:
    if m.deadline.kind not in (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM):
        return False
    return not may_be_extended(m) or extended_due(m) is None  # "立行立改", then extended to a date


def is_overdue(m: Measure, as_of: date) -> bool:
    """Overdue as the ``overdue`` rule and the summary sheets count it: not finished (and its status
    readable), and due at once (立行立改, from the feedback date on when the ledger gives it) or by
    a date before ``as_of``."""
    if not is_open(m) or status_unreadable(m):
        return False
    if long_term_by_remark(m):
        return False  # a question for the clerk (long_term_past_due), not work to finish by the date
    if _due_at_once(m):
        # due from the day the problem is fed back (its ``due``): not before it — a ledger drawn
        # up ahead of the 反馈会 (as of 2025-07-01, feedback 2025-07-15) has nothing overdue yet
        return m.deadline.due is None or m.deadline.due <= as_of
    due = effective_due(m)
    return due is not None and due < as_of


def long_term_by_remark(m: Measure) -> bool:
    """正在推进 under a plain date, its 备注 saying the work is long term ("此项为长期任务", "持续推进，
    长期坚持"): the office keeps it up rather than finishing it by the date — past the date, it is a
    question for the clerk (:func:`long_term_past_due`: is the stage done? then say 长期坚持), not
    an overdue measure."""
    return m.status is Status.IN_PROGRESS and m.deadline.kind is DeadlineKind.DATE and remark_says_long_term(m.remark)


def long_term_past_due(m: Measure, as_of: date) -> bool:
    """Marked 长期坚持 (or 正在推进, its 备注 saying it is long-term work) although its deadline is a
    plain date that has passed (or 立行立改 alone): the staged goal should be confirmed, or the
    deadline written as "…完成并长期坚持"."""
    if long_term_by_remark(m):
        due = effective_due(m)
        return due is not None and due < as_of
    if m.status is not Status.LONG_TERM or m.deadline.kind in _CONTINUES:
        return False
    if m.deadline.kind is DeadlineKind.IMMEDIATE:
        return True
    due = effective_due(m)
    return due is not None and due < as_of


def days_left(m: Measure, as_of: date) -> int | None:
    """Days from ``as_of`` to the measure's due date (negative once it has passed); ``None``
    without a due date."""
    due = effective_due(m)
    return None if due is None else (due - as_of).days


def warn_grade(days: int, warn_days: tuple[int, ...]) -> Grade | None:
    """The grade of an unfinished measure due in ``days`` (0 = today): 橙 within the smaller of
    two thresholds, 黄 within the larger (or the only) one, ``None`` further away or past."""
    if days < 0 or not warn_days:
        return None
    if len(warn_days) > 1 and days <= min(warn_days):
        return Grade.ORANGE
    if days <= max(warn_days):
        return Grade.YELLOW
    return None


def grade(m: Measure, as_of: date, warn_days: tuple[int, ...] = DEFAULT_WARN_DAYS) -> Grade | None:
    """The measure's warning grade as of ``as_of`` (see the module docstring); none for a status
    that cannot be read (:func:`status_unreadable`)."""
    if m.status is Status.DONE:
        return Grade.GREEN
    if status_unreadable(m):
        return None
    if is_overdue(m, as_of):
        return Grade.RED
    if m.status is Status.LONG_TERM:
        return Grade.BLUE
    due = effective_due(m)
    if due is not None:
        found = warn_grade((due - as_of).days, warn_days)
        if found is not None:
            return found
    if m.deadline.kind in _CONTINUES or long_term_by_remark(m):
        return Grade.BLUE  # (正在推进 past its date, the 备注 saying it is long-term work: kept up)
    return None


def parse_warn_days(value: object) -> tuple[int, ...] | None:
    """"20,10" / "20，10" / "20、10天" / "15" / 15 → the thresholds, largest first; ``None`` for
    anything else (more than two numbers, no number, a negative or a zero-only list)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return (int(value),) if value >= 0 and float(value).is_integer() else None
    if isinstance(value, list | tuple):
        numbers = [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool) and v >= 0]
        if len(numbers) != len(value) or not 1 <= len(numbers) <= 2:
            return None
    else:
        text = unicodedata.normalize("NFKC", str(value or ""))
        if not _WARN_TEXT.match(text):
            return None
        numbers = [int(n) for n in _NUMBER.findall(text)]
    return tuple(sorted(set(numbers), reverse=True))


def is_warn_key(key: str) -> bool:
    """A 基本信息 key that names the warning thresholds (预警天数, 预警天数（天）, 提前预警天数 …)."""
    return bool(_WARN_KEY.match(unicodedata.normalize("NFKC", key).replace(" ", "")))


def info_warn_days(info: LedgerInfo) -> tuple[tuple[int, ...] | None, str | None]:
    """The thresholds 基本信息 names (预警天数) and the text as written: (None, None) when it names
    none, (None, text) when the text cannot be read."""
    for key, value in info.extra.items():
        if is_warn_key(key):
            text = str(value).strip()
            if not text:
                continue
            return parse_warn_days(text), text
    return None, None


def resolve_warn_days(info: LedgerInfo | None, warn_days: tuple[int, ...] | None = None,
                      due_soon_days: int = DEFAULT_WARN_DAYS[0]) -> tuple[int, ...]:
    """The thresholds in force: ``warn_days`` (the options), else 基本信息 预警天数, else
    ``due_soon_days`` alone; largest first."""
    if warn_days:
        return tuple(sorted(set(warn_days), reverse=True))
    if info is not None:
        found, _ = info_warn_days(info)
        if found:
            return found
    return (due_soon_days,)
