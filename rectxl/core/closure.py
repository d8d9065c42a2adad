"""Acceptance and closure (验收 → 销号) of a finished measure (DESIGN.md §1.5).

A measure is done (已完成), then accepted by someone other than its owner (已验收), then closed
(已销号). The stage is what the status cell says ("已完成，已销号", "验收合格", "待验收") or, for a
measure marked 已完成, what the ledger's 验收日期 / 销号日期 columns record, or its yes/no columns
是否验收 / 是否销号 — whichever goes further. Pure.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from rectxl.core import fields as F
from rectxl.core.deadline import parse_date
from rectxl.core.model import Measure
from rectxl.core.status import Stage, Status
from rectxl.core.text import LazyPattern

__all__ = ["CLOSURE_FIELDS", "FLAG_FIELDS", "closure_date", "closure_flag", "closure_stage", "flag_says",
           "is_accepted", "is_closed"]

#: the columns that record acceptance and closure
CLOSURE_FIELDS = (F.ACCEPTOR, F.ACCEPTED, F.CLOSED, F.ACCEPTED_FLAG, F.CLOSED_FLAG)
#: the yes/no columns, and the stage a yes in each records
FLAG_FIELDS = {F.ACCEPTED_FLAG: Stage.ACCEPTED, F.CLOSED_FLAG: Stage.CLOSED}
_NO = LazyPattern(r"否|未|没|不|待|尚|暂|拟|申请|[×✗✘xXnN○◇☐□]|^(?:FALSE|0)$", re.I)
#: (a filled mark ● ■ ticks a yes/no column as √ does; TRUE and 1 are an Excel check box's or a
#: 1/0 column's yes)
_YES = LazyPattern(r"是|已|[√✓✔☑yY●■◆◉★▲]|销号|验收|通过|合格|^(?:TRUE|1)$", re.I)
_ORDER = {Stage.AWAITING: 1, Stage.ACCEPTED: 2, Stage.CLOSED: 3}
#: the column's own question written before the answer in each cell ("是否销号：是", "是否验收:否"):
#: its 否 is the question's, not the answer
_FLAG_KEY = LazyPattern(r"是否[^：:；;，,。\s]{0,6}\s*[:：]")


def closure_date(m: Measure, field: str) -> tuple[date | None, str]:
    """The date in ``m``'s 验收日期 or 销号日期 cell (``None`` when blank or not a date) and the
    cell's text ("" when blank)."""
    raw = m.raw.get(field)
    text = m.extra.get(field, "")
    if isinstance(raw, datetime):
        return raw.date(), text or raw.date().isoformat()
    if isinstance(raw, date):
        return raw, text or raw.isoformat()
    if not text:
        return None, ""
    return parse_date(raw if raw not in (None, "") else text), text


def closure_flag(m: Measure, field: str) -> bool | None:
    """What ``m``'s 是否验收 / 是否销号 cell says: yes (是, √, ●, TRUE, 1, 已销号, 通过, or a date),
    no (否, ×, ○, FALSE, 0, 未销号, 待验收), ``None`` when blank or neither."""
    return flag_says(m.raw.get(field), m.extra.get(field, ""))


def flag_says(raw: object, text: str) -> bool | None:
    """What a 是否验收 / 是否销号 cell says, from its value as read and its text (:func:`closure_flag`)."""
    if isinstance(raw, date):
        return True
    if isinstance(raw, bool):
        return raw  # an Excel check box, TRUE or FALSE
    text = _FLAG_KEY.sub("", text).strip()
    if not text:
        return None
    if _NO.search(text):
        return False
    if _YES.search(text) or parse_date(text) is not None:
        return True
    return None


def closure_stage(m: Measure) -> Stage | None:
    """How far closure has gone: ``None`` for a measure not marked 已完成 (a closure date on
    unfinished work is a finding, not a stage). A 验收日期/销号日期 cell counts when it holds a date."""
    if m.status is not Status.DONE:
        return None
    stage = Stage(m.stage) if m.stage else None
    if (F.CLOSED in m.extra and closure_date(m, F.CLOSED)[0] is not None) or (
            F.CLOSED_FLAG in m.extra and closure_flag(m, F.CLOSED_FLAG)):
        recorded = Stage.CLOSED
    elif (F.ACCEPTED in m.extra and closure_date(m, F.ACCEPTED)[0] is not None) or (
            F.ACCEPTED_FLAG in m.extra and closure_flag(m, F.ACCEPTED_FLAG)):
        recorded = Stage.ACCEPTED
    else:
        return stage
    if stage is None or _ORDER[recorded] > _ORDER[stage]:
        return recorded
    return stage


def is_closed(m: Measure) -> bool:
    """已销号."""
    return closure_stage(m) is Stage.CLOSED


def is_accepted(m: Measure) -> bool:
    """已验收 or further (已销号)."""
    return closure_stage(m) in (Stage.ACCEPTED, Stage.CLOSED)
