"""Extensions on record (申请延期): the original deadline stays on record beside the extended one.

A ledger records an extension in one of three ways (DESIGN.md §1.4, §2):

- in the 整改时限 cell: "原定2026年9月30日，延期至2026年12月31日", "延期至2027年3月底",
  "2026年9月底前→2026年12月底前（延期）", "延期至12月底，再次延期至次年3月底";
- in a 延期时限 column, the 整改时限 cell keeping the original: "2026年12月31日", two dates
  ("2026年12月31日；2027年3月31日": extended twice), a date with when it was approved
  ("2026年12月31日（2026年10月8日经县委巡察办批准）");
- in the 备注 cell, where a ledger has no place for it: "经县委巡察办批准，延期至2027年6月30日",
  "延期至2026年12月底" — read only when the 整改时限 cell and a 延期时限 column say nothing of it,
  and not when the remark says it was refused ("申请延期至…，未获批准"), is still awaiting the answer
  ("申请延期至12月底，待县委巡察办批复") or only asks ("申请延期至2026年6月30日", with no cell saying it
  was approved): an application is not an approval; failing the remark, the status cell
  ("未办结（已延期至2025年12月）") or the progress, read the same way.

When the extension was applied for or approved is read from the same cells ("2026年10月8日申请延期
至…", "（批准日期：2026年10月8日）") or from a 延期批准日期 column; without it, whether an extension came
after the original deadline had passed cannot be told from one ledger and is not guessed.

Pure: :func:`extension_of` reads a :class:`~rectxl.core.model.Measure`; results are cached per cell text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind, extension_steps, parse_date, parse_deadline
from rectxl.core.model import Measure
from rectxl.core.text import LazyPattern, normalize_text, to_simplified

__all__ = ["Extension", "applied_for_only", "extended_due", "extension_of", "extension_refused", "extension_unapproved",
           "may_be_extended"]

#: deadlines an extension can move (a long-term or missing deadline has nothing to extend)
_EXTENDABLE = (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM, DeadlineKind.IMMEDIATE,
               DeadlineKind.IMMEDIATE_AND_LONG_TERM)
#: a 延期时限 cell that says there is no extension
_NONE = LazyPattern(r"^(?:无|否|没有|未延期|不延期|无需延期|不需要延期|未申请|未申请延期|[/\-—_～~·]+)$")

_DATE = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
         r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号])")
_GRANT_WORD = r"(?:提出申请|申请|报批|批准|批复|同意|审批|审定)"
#: "2026年10月8日申请延期至…", "于10月8日经县委巡察办批准" — a date followed by who granted it
_GRANT_AFTER = re.compile(rf"(?:于|在)?({_DATE})\s*(?:[,，]?\s*经[^,，;；。()（）]{{0,20}}?)?{_GRANT_WORD}")
#: "批准日期：2026年10月8日", "申请时间为2026.10.8"
_GRANT_BEFORE = re.compile(rf"{_GRANT_WORD}(?:延期)?(?:日期|时间)?\s*[:：为于]?\s*({_DATE})")
#: "延期至2027年6月30日", "延长整改时限到年底", "顺延至12月底前" in a remark: the new deadline
_REMARK_STEP = LazyPattern(r"(?:延期|延长|顺延|推迟|延后)(?:整改|完成)?(?:时限|期限|时间)?\s*(?:至|到)\s*"
                          r"([^,，;；。()（）\n]{2,20})")
_REFUSED = LazyPattern(r"未获?(?:批准|同意|通过)|不予|驳回|不同意|未予")
#: an extension asked for and still awaiting its answer ("申请延期至12月底，待县委巡察办批复"): the
#: deadline in force is still the one before it — an application is not an approval
_AWAITED = LazyPattern(r"待[^,，;；。()（）]{0,8}?(?:批复|审批|批准|同意)|尚未(?:获得?)?(?:批复|批准|同意)"
                      r"|(?:审批|批复)中|未(?:收到)?批复")
_SEPARATORS = LazyPattern(r"[;；\n]|(?<!\d)[,，、](?!\d)")


@dataclass(frozen=True)
class Extension:
    """An extension on record for one measure."""

    #: the deadline before the first extension (``None`` when the ledger does not say)
    original_due: date | None
    #: each extended deadline, in the order granted (the last is the one in force)
    dues: tuple[date, ...]
    #: when extensions were applied for or approved, where the ledger says
    granted_on: tuple[date, ...] = ()
    #: where it is recorded: the 整改时限 cell, the 延期时限 column, or both
    source: str = F.DEADLINE
    #: why the 延期时限 column cannot be used ("无法识别" …), ``None`` when it can
    problem: str | None = None

    @property
    def due(self) -> date | None:
        """The deadline in force: the last extended one."""
        return self.dues[-1] if self.dues else None

    @property
    def times(self) -> int:
        """How many times the deadline was extended."""
        return len(self.dues)

    def granted_late(self) -> list[tuple[date, date]]:
        """(granted on, deadline then in force) for every extension granted after that deadline
        had passed. Grant dates are matched to the latest extensions (a ledger records when the
        last extension was approved more often than the first)."""
        deadlines: list[date | None] = [self.original_due, *self.dues[:-1]]
        pairs = list(zip(deadlines[-len(self.granted_on):], self.granted_on, strict=False)) if self.granted_on else []
        return [(granted, before) for before, granted in pairs if before is not None and granted > before]


def _fold(text: str) -> str:
    """Width folded, traditional characters simplified (申請延期 reads as 申请延期)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def _grants(text: str) -> tuple[str, tuple[date, ...]]:
    """The text without its grant phrases, and the dates they name."""
    found: list[tuple[int, date]] = []

    def take(m: re.Match[str]) -> str:
        d = parse_date(m.group(1).replace(" ", ""))
        if d is None:
            return m.group(0)
        found.append((m.start(), d))
        return "；"

    text = _GRANT_AFTER.sub(take, text)
    text = _GRANT_BEFORE.sub(take, text)
    return text, tuple(d for _, d in sorted(found))


@lru_cache(maxsize=16384)
def _in_deadline(text: str, feedback: date | None) -> tuple[tuple[date | None, ...], tuple[date, ...]]:
    cleaned, granted = _grants(_fold(text))
    return extension_steps(cleaned, feedback_date=feedback), granted


@lru_cache(maxsize=16384)
def _in_column(text: str, base: date | None) -> tuple[tuple[date, ...], tuple[date, ...], str | None]:
    """(extended deadlines, grant dates, problem) of a 延期时限 cell."""
    cleaned, granted = _grants(_fold(text))
    cleaned = re.sub(r"[(（][^()（）]*[)）]", "", cleaned)  # remarks: "(经批准)"
    steps = extension_steps(cleaned, feedback_date=base)
    dues: list[date] = [d for d in steps[1:] if d is not None] if steps else []
    if not steps:
        previous = base
        for part in _SEPARATORS.split(cleaned):
            part = part.strip()
            if not part:
                continue
            parsed = parse_deadline(part, feedback_date=previous)
            if parsed.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) and parsed.due is not None:
                dues.append(parsed.due)
                previous = parsed.due
    if not dues:
        return (), granted, "无法识别为日期"
    return tuple(dues), granted, None


@lru_cache(maxsize=4096)
def _in_remark(text: str, base: date | None) -> tuple[date, ...]:
    """The extended deadlines a 备注 cell states, in order (none when it says it was refused, or
    that the answer is awaited)."""
    folded = _fold(text)
    if _REFUSED.search(folded) or _AWAITED.search(folded):
        return ()
    dues: list[date] = []
    for match in _REMARK_STEP.finditer(folded):
        parsed = parse_deadline(match.group(1).strip(), feedback_date=dues[-1] if dues else base)
        if parsed.kind in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM) and parsed.due is not None:
            dues.append(parsed.due)
    return tuple(dues)


#: the cells a clerk may note an extension in, where the ledger has no place for it, in order: the
#: 备注, the status cell ("未办结（已延期至2025年12月）") and the progress
_NOTED_FIELDS = (F.REMARK, F.STATUS, F.PROGRESS)


def _noted_texts(m: Measure) -> tuple[str, str, str]:
    """The texts of :data:`_NOTED_FIELDS` of ``m``."""
    return m.remark, m.status_text, m.progress


def _noted(m: Measure) -> tuple[tuple[str, str], ...]:
    """(field, text) of each of :data:`_NOTED_FIELDS`."""
    return tuple(zip(_NOTED_FIELDS, _noted_texts(m), strict=True))


def _notes_extension(m: Measure) -> bool:
    """A noted cell has the words an extension is noted with (what ``_REMARK_STEP`` needs): a
    cheap character test first — progress texts are long, and "延伸", "延续" are no extension,
    which would otherwise send every such measure through :func:`extension_of`."""
    return any(text and ("延" in text or "推迟" in text) and _EXTENSION_WORD.search(text) is not None
               for text in _noted_texts(m))


#: the words of an extension noted in a cell (the ones ``_REMARK_STEP`` opens with)
_EXTENSION_WORD = re.compile(r"延期|延长|顺延|推迟|延后")


#: an extension asked for ("已申请延期", "报请县委巡察办延长整改时限", "延期申请已上报") …
_ASKED = re.compile(r"(?:申请|报批|请示|报请|提请)[^,，;；。]{0,15}?(?:延期|延长|顺延|展期)"
                    r"|(?:延期|延长|顺延|展期)[^,，;；。]{0,6}?(?:申请|请示)"
                    # "需延长整改时间", "拟延期至…", "需要顺延完成时限": the office says it needs more time —
                    # for the work's time limit, not another thing lengthened ("拟延长窗口服务时间", "需延长质保期")
                    r"|(?<![无不])(?:需要?|拟|请求|恳请)(?:适当)?(?:延期"
                    r"|(?:延长|顺延|展期)(?=(?:整改|完成|办理|办结)?(?:时限|期限|时间|日期)|至|到))")
#: … and granted ("经县委巡察办同意", "已获批准", "已报县委巡察办批准"; not "待批复")
_GRANTED = LazyPattern(r"(?<![待未])(?:获批|批准|同意|批复|准予|核准)")


def extension_refused(text: str) -> bool:
    """The text says an extension was refused ("申请延期至12月底，未获批准")."""
    return _REFUSED.search(_fold(text)) is not None


def extension_unapproved(texts: tuple[str, ...]) -> str:
    """The first of ``texts`` (a measure's cells) asking for an extension, when none of them says it
    was granted, or one says it was refused or is still awaiting the answer ("已申请延期，待批复"):
    an application is not an approval. "" when no cell asks for one, or one says it was granted."""
    asked = next((t for t in texts if t and _ASKED.search(_fold(t))), "")
    if not asked:
        return ""
    folded = [_fold(t) for t in texts if t]
    if any(_REFUSED.search(f) or _AWAITED.search(f) for f in folded):
        return asked
    return "" if any(_GRANTED.search(f) for f in folded) else asked


def applied_for_only(m: Measure) -> str:
    """The cell asking for the extension that the 整改时限 cell records ("2026年9月底（已申请延期至
    2026年12月底）"), when no cell of the measure says it was granted — "" otherwise. Such a step is
    no extension: the deadline before it stays in force, as for one asked for in 备注 (DESIGN §1.4)."""
    d = m.deadline
    if not d.extended or d.original_due is None:
        return ""
    return extension_unapproved((d.text, m.remark, m.status_text, m.progress))


def may_be_extended(m: Measure) -> bool:
    """Cheap test before :func:`extension_of`: the measure has a column, a remark, a status or a
    progress that could record an extension (nearly every measure has none)."""
    return bool(m.extra) or _notes_extension(m)


def _column_text(m: Measure, field: str) -> tuple[str, date | None]:
    """A column's text and, when the cell holds an Excel date, that date."""
    raw = m.raw.get(field)
    if isinstance(raw, datetime):
        return normalize_text(raw), raw.date()
    if isinstance(raw, date):
        return raw.isoformat(), raw
    return m.extra.get(field, ""), None


def extension_of(m: Measure, feedback_date: date | None = None) -> Extension | None:
    """The extension on record for ``m``, ``None`` when there is none.

    ``feedback_date`` gives the year of a year-less step in the 整改时限 cell ("延期至12月底");
    a year-less date in the 延期时限 column takes the year of the deadline it extends."""
    deadline = m.deadline
    steps: tuple[date | None, ...] = ()
    granted: tuple[date, ...] = ()
    if deadline.extended and deadline.text:
        steps, granted = _in_deadline(deadline.text, feedback_date)
    original = steps[0] if steps else None
    dues = [d for d in steps[1:] if d is not None]
    if not steps and deadline.kind in _EXTENDABLE:
        original = deadline.due
    source = F.DEADLINE if steps else ""
    problem = None
    text, as_date = _column_text(m, F.EXTENSION)
    if (text or as_date) and not _NONE.match(_fold(text).replace(" ", "")) and deadline.kind in _EXTENDABLE:
        base = dues[-1] if dues else original
        col_dues: tuple[date, ...]
        col_granted: tuple[date, ...]
        if as_date is not None:
            col_dues, col_granted, problem = (as_date,), (), None
        else:
            col_dues, col_granted, problem = _in_column(text, base)
        if not col_dues:
            later: list[date] = []
        elif dues:  # the 整改时限 cell states an extension already: the column may repeat it
            later = sorted(d for d in set(col_dues) if d > dues[-1])
        elif base is not None and max(col_dues) <= base:
            problem, later = "不晚于原整改时限", []
        else:
            later = sorted(set(col_dues))
        dues += later
        granted += col_granted
        source = f"{F.DEADLINE}、{F.EXTENSION}" if source and later else (source or F.EXTENSION)
    g_text, g_date = _column_text(m, F.EXTENSION_GRANTED)
    if g_date is not None:
        granted += (g_date,)
    elif g_text:
        # "2025年6月20日", or an account of the approval ("经…同意延期至…（2025年6月20日批复）")
        rest, stated = _grants(_fold(g_text))
        rest = _REMARK_STEP.sub("；", rest)  # the day it was extended to is no day it was granted on
        granted += stated + tuple(d for part in _SEPARATORS.split(rest) if (d := parse_date(part.strip())))
    if not dues and problem is None and deadline.kind in _EXTENDABLE:
        base = original
        noted_cells = (*_noted(m), (F.EXTENSION_GRANTED, g_text))
        # an extension applied for ("申请延期至2026年6月30日") is none until a cell, or the 延期批准日期
        # column, says it was granted: the original deadline stays in force (DESIGN §1.4)
        approved = g_date is not None or any(_GRANTED.search(_fold(t)) for _, t in noted_cells if t)
        for field, noted in noted_cells:
            if noted and not approved and _ASKED.search(_fold(noted)):
                continue
            later = [d for d in _in_remark(noted, base) if base is None or d > base] if noted else []
            if later:
                dues, source = later, field
                break
    if not dues and problem is None:
        return None
    return Extension(original_due=original, dues=tuple(dues), granted_on=tuple(sorted(set(granted))),
                     source=source or F.EXTENSION, problem=problem)


def extended_due(m: Measure) -> date | None:
    """The deadline in force after an extension recorded in the 延期时限 column or the 备注 cell
    (``None`` when there is none: an extension written in the 整改时限 cell is already its due
    date)."""
    if m.deadline.kind not in _EXTENDABLE:
        return None
    if F.EXTENSION not in m.extra and (m.deadline.extended or not (
            _notes_extension(m) or _EXTENSION_WORD.search(m.extra.get(F.EXTENSION_GRANTED, "")))):
        return None
    ext = extension_of(m)
    if ext is None or not ext.dues:
        return None
    return ext.due
