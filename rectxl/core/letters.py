"""The letters that chase owners (DESIGN.md §1.4, "五书制"): what goes into them, as data.

Per owner unit (责任单位; a measure owned by two units goes to both), as of a date — to the units
that lead the work: a unit the 责任单位 cell marks as co-operating ("财务股（配合）", "机关党委配合") or
the 配合单位 column names is a co-owner (:func:`rectxl.core.units.unit_roles`). It gets no letter of
its own for the measure: the lead's letter names it beside the measure and under 抄送, and the
提醒清单 lists it under 配合单位, once per lead unit, never as a unit of its own:

- a **提醒函** (reminder) listing its unfinished measures due within the warning thresholds
  (黄/橙: e.g. 20 and 10 days, due today included): issue, measure, deadline, days left, lead
  and handler;
- a **督办通知** (or, by option, a **告诫书**) listing its overdue measures (红, 立行立改 not
  done and measures overdue after an extension included), with a final deadline (最后整改期限,
  by default 15 days after the as-of date);
- a unit with nothing due gets no letter; measures with no owner unit are listed in the
  提醒清单 but go in no letter (there is no one to address).

The letter text comes from 基本信息: who issues it (发文机关 if given, else 党组织名称, else
单位名称), the inspection group, the contact (联系人, 联系电话); a missing fact is a visible
placeholder ``【请填写…】``. Everything rectxl writes uses full-width punctuation; ledger text
(issues, measures) has its punctuation made full-width (:func:`rectxl.core.text.zh_punct`).

Pure: :mod:`rectxl.io.letters_docx` renders a :class:`UnitLetters` as a .docx, and
:func:`reminder_rows` gives the 提醒清单 sheet's rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.extension import extension_of
from rectxl.core.model import PERSON_AND_PHONE_KEYS, PHONE_NUMBER, Ledger, LedgerInfo, Measure
from rectxl.core.text import cn_date, zh_punct
from rectxl.core.timing import (
    DEFAULT_WARN_DAYS,
    GRADE_WORDS,
    Grade,
    effective_due,
    grade,
    is_extended,
    is_open,
    resolve_warn_days,
)
from rectxl.core.units import (
    people_by_unit,
    people_of_units,
    split_names,
    split_units,
    unit_people,
    unit_roles,
    unit_spellings,
)

__all__ = [
    "ESCALATIONS",
    "Letter",
    "LetterItem",
    "ReminderPlan",
    "ReminderRow",
    "UnitLetters",
    "absent_columns",
    "absent_note",
    "address_word",
    "plan_letters",
    "plan_reminders",
    "reminder_rows",
]

#: the letters for overdue measures: 督办通知 (default) or the sterner 告诫书
ESCALATIONS = ("督办通知", "告诫书")
Escalation = Literal["督办通知", "告诫书"]
#: 提醒清单 unit for measures without an owner unit
NO_UNIT = "（未填写责任单位）"
#: 基本信息 keys naming who issues the letters, in order of preference
_ISSUER_KEYS = ("发文机关", "发文单位", "提醒函落款", "督办单位", "整改办", "整改工作领导小组办公室")
_CONTACT_KEYS = ("联系人", "整改办联系人", "经办人")
#: a 配合单位 cell saying there is none
_NO_UNIT_WORDS = frozenset({"无", "暂无", "没有", "不涉及", "——", "—", "-", "－"})


#: how a letter addresses its unit in the body, by the unit name's ending ("你股牵头负责的…",
#: "请你镇…"): longest ending first; any other unit is "你单位"
_ADDRESS_ENDINGS = ("街道办事处", "街道办", "街道", "社区", "中心", "大队", "中队", "支队", "学校", "中学", "小学",
                    "公司", "集团", "管委会", "委员会", "党总支", "支部", "办公室", "股", "室", "科", "局", "镇", "乡",
                    "办", "委", "所", "站", "院", "馆", "队", "村", "部", "处", "厅", "校")
_ADDRESS_AS = {"街道办事处": "街道", "街道办": "街道", "学校": "校", "中学": "校", "小学": "校", "管委会": "委",
               "委员会": "委", "党总支": "总支", "办公室": "办"}
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]*[）)]$")


def address_word(unit: str) -> str:
    """"你股", "你镇", "你局"… as a letter to ``unit`` calls it in its body ("你单位牵头负责的" said
    to a 股室 reads as if sent to another organisation); "你单位" when the name's ending says no kind;
    units addressed together ("各中小学校") by their own name."""
    name = _BRACKETED_TAIL.sub("", unit.strip()).strip()
    if name.startswith("各") and len(name) >= 2:  # 各中小学校, 各村（社区）: many units, named so
        return unit.strip()
    if name.endswith("人民政府") and len(name) > 4:  # 青石镇人民政府: 你镇
        name = name[:-4]
    ending = next((e for e in _ADDRESS_ENDINGS if name.endswith(e) and len(name) > len(e)), None)
    return "你" + _ADDRESS_AS.get(ending, ending) if ending else "你单位"


def _placeholder(what: str) -> str:
    return f"【请填写{what}】"


#: the people's columns a letter's table has when the ledger has them
_PEOPLE = (F.LEAD, F.OWNER_PERSON)


def absent_columns(ledger: Ledger) -> tuple[str, ...]:
    """责任领导 and 责任人, those of them the ledger has no column for (on no sheet it was read from)
    and no measure fills: a letter says so once instead of asking for them on every line."""
    sheets = [s.columns for s in ledger.sheets] or [ledger.columns]
    measures = ledger.measures()
    return tuple(f for f in _PEOPLE if not any(f in columns for columns in sheets)
                 and not any(m.lead if f == F.LEAD else m.owner_person for m in measures))


def absent_note(absent: tuple[str, ...]) -> str:
    """What a letter and the 提醒清单 say once of the columns the ledger does not have."""
    if not absent:
        return ""
    named = "、".join(absent)
    return f"注：台账未设{named}列，请明确每项措施的{named}。"


@dataclass(frozen=True)
class LetterItem:
    """One measure in a letter (and one row of the 提醒清单)."""

    issue: str
    measure: str
    deadline: str  # as the letter states it: "2026年12月10日", "立行立改", "原定…，延期至…"
    due: date | None
    #: days left (0 = due today) in a 提醒函; days overdue in a 督办通知/告诫书 (None: 立行立改)
    days: int | None
    lead: str
    handler: str
    grade: Grade
    status: str
    sheet: str = ""
    row: int = 0
    cell: str | None = None
    #: the units co-operating on the measure (配合单位: marked so in the 责任单位 cell, or in the
    #: 配合单位 column), "、"-joined; they are not sent the letter, the lead is
    co_owner: str = ""
    #: every unit leading the measure together ("县水利局、县自然资源局" in the 责任单位 cell),
    #: "、"-joined, when more than one: each is sent the letter and told of the others
    leads: str = ""

    def joint_leads(self, unit: str) -> list[str]:
        """The units leading the measure with ``unit``."""
        return [u for u in self.leads.split("、") if u and u != unit]

    @property
    def days_text(self) -> str:
        """剩余天数 / 逾期天数 as the 提醒清单 prints it in one column: "5天", "逾期20天"."""
        if self.grade is Grade.RED:
            return "立行立改未完成" if self.days is None else f"逾期{self.days}天"
        return "今日到期" if self.days == 0 else f"{self.days}天"

    @property
    def days_in_letter(self) -> str:
        """The days as the letter's table prints them, under its 剩余天数 or 逾期天数 header: "20天"
        ("逾期20天" under 逾期天数 said it twice, and broke in the 16 mm column: "逾期5" / "天")."""
        if self.grade is Grade.RED and self.days is not None:
            return f"{self.days}天"
        return self.days_text


@dataclass(frozen=True)
class Letter:
    """One letter: its kind, title, text before and after the table, and the table."""

    kind: str  # 提醒函 / 督办通知 / 告诫书
    unit: str
    title: str
    addressee: str
    opening: list[str]
    header: list[str]
    items: list[LetterItem]
    closing: list[str]
    contact: str
    issuer: str
    issued: str  # the date under the signature
    final_due: date | None = None
    #: the columns the ledger does not have (责任领导, 责任人): left out of the table, said once
    #: under it (:attr:`column_note`) rather than a placeholder on every line
    absent: tuple[str, ...] = ()

    @property
    def copies(self) -> list[str]:
        """The units the letter is copied to (抄送): those co-operating on its measures."""
        units = (u for it in self.items for u in [*it.joint_leads(self.unit), *it.co_owner.split("、")] if u)
        return [u for u in dict.fromkeys(units) if u != self.unit]

    def table(self) -> list[list[str]]:
        """The table's rows (without the header): 序号, 问题, 整改措施 (with its 配合单位), 整改时限, days,
        责任领导, 责任人 (those two only when the ledger has the column: :attr:`absent`)."""
        rows = []
        for i, it in enumerate(self.items, 1):
            joint = "、".join(it.joint_leads(self.unit))
            row = [str(i), it.issue, it.measure + (f"（共同牵头单位：{joint}）" if joint else "")
                   + (f"（配合单位：{it.co_owner}）" if it.co_owner else ""),
                   it.deadline, it.days_in_letter]
            if F.LEAD not in self.absent:
                row.append(it.lead or _placeholder(F.LEAD))
            if F.OWNER_PERSON not in self.absent:
                row.append(it.handler or _placeholder(F.OWNER_PERSON))
            rows.append(row)
        return rows

    @property
    def column_note(self) -> str:
        """Under the table, once: the columns the ledger does not have ("" when it has them all)."""
        return absent_note(self.absent)

    @property
    def copy_line(self) -> str:
        """"抄送：财务股、机关党委。" ("" when there is no one to copy)."""
        return f"抄送：{'、'.join(self.copies)}。" if self.copies else ""

    def text(self) -> str:
        """The letter as plain text (tests, previews): title, addressee, paragraphs, the table as
        lines, contact, signature, date."""
        lines = [self.title, self.addressee, *self.opening]
        lines.append("｜".join(self.header))
        lines += ["｜".join(row) for row in self.table()]
        if self.column_note:
            lines.append(self.column_note)
        lines += [*self.closing, self.contact, self.issuer, self.issued]
        if self.copy_line:
            lines.append(self.copy_line)
        return "\n".join(lines)


@dataclass
class UnitLetters:
    """The letters one owner unit gets (a 提醒函, a 督办通知/告诫书, or both)."""

    unit: str
    letters: list[Letter] = field(default_factory=list)
    #: 巡察 or 巡视, as the letters name the round (:attr:`~rectxl.core.model.LedgerInfo.inspection_word`)
    word: str = "巡察"

    @property
    def kinds(self) -> str:
        """"提醒函", "督办通知" or "提醒函和督办通知" (for the file name)."""
        return "和".join(letter.kind for letter in self.letters)


@dataclass(frozen=True)
class ReminderRow:
    """A row of the 提醒清单: one measure due soon or overdue, for one unit and person."""

    unit: str
    person: str
    lead: str
    kind: str  # 逾期 / 临期
    grade: Grade
    item: LetterItem


def _issuer(info: LedgerInfo) -> str:
    for key in _ISSUER_KEYS:
        value = info.extra.get(key, "").strip()
        if value:
            return value
    return (info.party_org or info.unit_name or "").strip() or _placeholder("发文单位")


def _contact(info: LedgerInfo) -> str:
    person = next((v.strip() for k in _CONTACT_KEYS if (v := info.extra.get(k, "")).strip()), "")
    phone = (info.phone or "").strip()
    both = next((v.strip() for k in PERSON_AND_PHONE_KEYS if (v := info.extra.get(k, "")).strip()), "")
    if both and (m := PHONE_NUMBER.search(both)) is not None:  # "李敏 0855-3621008", "李敏，电话13800000000"
        phone = phone or m.group()
        person = person or re.sub(r"[\s,，;；:：、]|电话|手机", "", both[: m.start()] + both[m.end():])
    return f"联系人：{person or _placeholder('联系人')}，联系电话：{phone or _placeholder('联系电话')}。"


def _basis(info: LedgerInfo) -> str:
    group = (info.inspection_group or "").strip()
    return f"按照{group}反馈意见整改工作安排" if group else f"按照{info.inspection_word}反馈意见整改工作安排"


def _deadline_text(m: Measure, feedback: date | None) -> str:
    due = effective_due(m)
    if is_extended(m):
        ext = extension_of(m, feedback)
        if ext is not None and ext.due is not None:
            if ext.original_due is not None:
                return f"原定{cn_date(ext.original_due)}，延期至{cn_date(ext.due)}"
            return f"延期至{cn_date(ext.due)}"
    if due is not None:
        return cn_date(due)
    return zh_punct(m.deadline.text) or _placeholder("整改时限")


def _item(m: Measure, issue: str, as_of: date, found: Grade, feedback: date | None, co_owner: str,
          leads: str = "") -> LetterItem:
    due = effective_due(m)
    if found is Grade.RED:
        at_once = m.deadline.due if due is None else due
        days = (as_of - at_once).days if at_once is not None else None
        if days is not None and days <= 0:
            days = None  # 立行立改 due on the feedback date not yet past: say "立行立改未完成"
    else:
        days = (due - as_of).days if due is not None else None
    return LetterItem(
        issue=zh_punct(issue), measure=zh_punct(m.text), deadline=_deadline_text(m, feedback), due=due, days=days,
        lead=m.lead, handler=m.owner_person, grade=found, status=m.status.value if m.status else m.status_text,
        sheet=m.sheet, row=m.row, cell=m.cell(F.DEADLINE), co_owner=co_owner, leads=leads,
    )


def _roles(m: Measure) -> list[tuple[str, str]]:
    """The measure's units and their roles: the 责任单位 cell's ("lead" or "co"), then the 配合单位
    column's (all "co")."""
    co = [u for u in split_units(m.extra.get(F.CO_OWNER, "")) if u not in _NO_UNIT_WORDS]
    return unit_roles(m.owner_unit) + [(u, "co") for u in co]


def _due_items(ledger: Ledger, as_of: date, warn_days: tuple[int, ...]) -> list[tuple[str, LetterItem]]:
    """(unit, item) for every unfinished measure that is overdue or within the thresholds, per
    lead unit (spelling variants of one unit as one, as the summary counts them); the units
    co-operating on it are the item's :attr:`~LetterItem.co_owner`, not units of their own. A
    measure naming only co-operating units has no lead to write to (:data:`NO_UNIT`)."""
    feedback = ledger.info.deadlines_from
    measures = [(issue.title, m, _roles(m)) for issue in ledger.issues() for m in issue.measures]
    written = Counter(u for _, _, roles in measures for u, _ in roles)
    canonical = unit_spellings(written, keep=ledger.owner_units or ())
    found: list[tuple[str, LetterItem]] = []
    for issue, m, roles in measures:
        if not is_open(m):
            continue
        g = grade(m, as_of, warn_days)
        if g is None or g in (Grade.BLUE, Grade.GREEN):
            continue
        named = [(canonical.get(u, u), role) for u, role in roles]
        leads = list(dict.fromkeys(u for u, role in named if role == "lead"))
        co = [u for u in dict.fromkeys(u for u, role in named if role == "co") if u not in leads]
        item = _item(m, issue, as_of, g, feedback, "、".join(co), "、".join(leads) if len(leads) > 1 else "")
        if len(leads) < 2:
            found.append((leads[0] if leads else NO_UNIT, item))
            continue
        # each unit's own people, when the cells pair them ("东山镇、西河镇" with "张三、李四")
        as_written = [u for u, role in roles if role == "lead"]
        handlers = _people_of(leads, as_written, item.handler)
        heads = _people_of(leads, as_written, item.lead)
        if beside := people_of_units(m.owner_unit):
            # people read from the unit cell ("东山镇（张三）、西河镇" with no 责任人 column): each unit
            # has the people written with it, not the others'
            spelled = as_written if len(as_written) == len(leads) else leads
            in_cell = unit_people(m.owner_unit)
            if item.lead and item.lead == in_cell[0]:
                heads = {u: beside.get(w, ("", ""))[0] for u, w in zip(leads, spelled, strict=True)}
            if item.handler and item.handler == in_cell[1]:
                handlers = {u: beside.get(w, ("", ""))[1] for u, w in zip(leads, spelled, strict=True)}
        found.extend((unit, replace(item, handler=handlers[unit], lead=heads[unit])) for unit in leads)
    return found


def _people_of(leads: list[str], written: list[str], text: str) -> dict[str, str]:
    """The people of ``text`` each lead unit has (:func:`people_by_unit`), "、"-joined; ``leads``
    as the letters name the units, ``written`` as the cell writes them (the same order)."""
    spelled = written if len(written) == len(leads) else leads
    pairs = people_by_unit(spelled, text)
    return {unit: "、".join(pairs.get(w, [])) for unit, w in zip(leads, spelled, strict=True)}


def _by_due(item: LetterItem) -> tuple[date, int]:
    return (item.due or date.min, item.row)


def plan_letters(ledger: Ledger, as_of: date, warn_days: tuple[int, ...], *, final_days: int = 15,
                 escalation: Escalation = "督办通知") -> list[UnitLetters]:
    """The letters each owner unit gets as of ``as_of`` under the thresholds ``warn_days``
    (largest first); units in the order the ledger first names them, units with nothing due
    left out. ``final_days``: the final deadline of a 督办通知/告诫书, counted from ``as_of``."""
    if escalation not in ESCALATIONS:
        raise ValueError(f"escalation must be one of {ESCALATIONS}")
    info = ledger.info
    issuer, contact, basis, today = _issuer(info), _contact(info), _basis(info), cn_date(as_of)
    word = info.inspection_word
    final_due = as_of + timedelta(days=final_days)
    absent = absent_columns(ledger)
    per_unit: dict[str, list[LetterItem]] = {}
    for unit, item in _due_items(ledger, as_of, warn_days):
        if unit != NO_UNIT:
            per_unit.setdefault(unit, []).append(item)
    result: list[UnitLetters] = []
    for unit, items in per_unit.items():
        letters = UnitLetters(unit, word=word)
        soon = sorted((it for it in items if it.grade is not Grade.RED), key=_by_due)
        late = sorted((it for it in items if it.grade is Grade.RED), key=_by_due)
        if soon:
            letters.letters.append(_without(_reminder(unit, soon, warn_days, basis, today, issuer, contact, word),
                                            absent))
        if late:
            letters.letters.append(_without(_escalation(unit, late, escalation, final_due, basis, today, issuer,
                                                        contact, word), absent))
        result.append(letters)
    return result


def _without(letter: Letter, absent: tuple[str, ...]) -> Letter:
    """``letter`` without the columns of its table the ledger does not have (said once under it)."""
    if not absent:
        return letter
    return replace(letter, header=[h for h in letter.header if h not in absent], absent=absent)


def _reminder(unit: str, items: list[LetterItem], warn_days: tuple[int, ...], basis: str, today: str,
              issuer: str, contact: str, word: str = "巡察") -> Letter:
    you = address_word(unit)
    window = max(warn_days)
    orange = sum(1 for it in items if it.grade is Grade.ORANGE)
    due_today = sum(1 for it in items if it.days == 0)
    near = "，".join(part for part in (
        f"{min(warn_days)}天内到期{orange}项，为{GRADE_WORDS[Grade.ORANGE]}" if orange else "",
        f"今日到期{due_today}项" if due_today else "") if part)
    when = "今日到期" if due_today == len(items) else f"将在{window}天内到期{f'（其中{near}）' if near else ''}"
    opening = [f"{basis}，截至{today}，{you}牵头负责的{word}反馈问题整改措施中，有{len(items)}项{when}，具体如下："]
    closing = [
        f"请{you}对照整改时限，倒排工期、压实责任，确保上述整改任务按期完成，并在完成后及时将整改情况和佐证"
        f"材料报送{issuer}，按程序申请验收销号。确因客观原因无法按期完成的，请在整改时限届满前书面申请延期，"
        "说明原因和拟完成时限。",
        "特此提醒。",
    ]
    return Letter(
        kind="提醒函", unit=unit, title=f"关于{word}反馈问题整改事项即将到期的提醒函", addressee=f"{unit}：",
        opening=opening, header=["序号", "问题", "整改措施", "整改时限", "剩余天数", "责任领导", "责任人"],
        items=items, closing=closing, contact=contact, issuer=issuer, issued=today,
    )


def _escalation(unit: str, items: list[LetterItem], kind: Escalation, final_due: date, basis: str, today: str,
                issuer: str, contact: str, word: str = "巡察") -> Letter:
    final = cn_date(final_due)
    you = address_word(unit)
    extended = sum(1 for it in items if it.deadline.startswith(("原定", "延期至")))
    after = f"（其中延期后仍逾期{extended}项）" if extended else ""
    if kind == "告诫书":
        opening = [f"{basis}，截至{today}，{you}牵头负责的{word}反馈问题整改措施中，有{len(items)}项已超过整改"
                   f"时限仍未完成{after}，整改工作推进不力，具体如下："]
        closing = [
            f"现对{you}予以告诫。请{you}切实履行整改主体责任，于{final}前（最后整改期限）完成上述整改任务，"
            f"并将整改情况和佐证材料书面报送{issuer}。逾期仍未完成的，将依规依纪追究相关人员责任。",
        ]
        title = f"关于{word}反馈问题整改逾期事项的告诫书"
    else:
        opening = [f"{basis}，截至{today}，{you}牵头负责的{word}反馈问题整改措施中，有{len(items)}项已超过整改"
                   f"时限仍未完成{after}，具体如下："]
        closing = [
            f"现予以督办。请{you}高度重视，主要负责同志和分管领导要亲自研究，逐项查明逾期原因，于{final}前"
            f"完成整改，并将整改情况和佐证材料书面报送{issuer}。逾期仍未完成的，将予以通报，并视情况启动"
            "问责程序。",
        ]
        title = f"关于{word}反馈问题整改逾期事项的督办通知"
    return Letter(
        kind=kind, unit=unit, title=title, addressee=f"{unit}：", opening=opening,
        header=["序号", "问题", "整改措施", "整改时限", "逾期天数", "责任领导", "责任人"], items=items,
        closing=closing, contact=contact, issuer=issuer, issued=today, final_due=final_due,
    )


def reminder_rows(ledger: Ledger, as_of: date, warn_days: tuple[int, ...]) -> list[ReminderRow]:
    """The 提醒清单: every measure due within the thresholds or overdue, per owner unit and
    person (责任人; each person of "张三、李四" gets the row), sorted by unit (as the ledger first
    names it), person, then overdue before due soon and by date."""
    rows: list[ReminderRow] = []
    order: dict[str, int] = {}
    for unit, item in _due_items(ledger, as_of, warn_days):
        order.setdefault(unit, len(order))
        for person in split_names(item.handler) or [""]:
            kind = "逾期" if item.grade is Grade.RED else "临期"
            rows.append(ReminderRow(unit=unit, person=person, lead=item.lead, kind=kind, grade=item.grade, item=item))
    rank = {Grade.RED: 0, Grade.ORANGE: 1, Grade.YELLOW: 2}
    rows.sort(key=lambda r: (r.unit == NO_UNIT, order[r.unit], r.person, rank[r.grade], *_by_due(r.item)))
    return rows


@dataclass
class ReminderPlan:
    """Everything ``rectxl remind`` (and the Excel 生成提醒 button) writes, before it is written."""

    as_of: date
    as_of_source: str
    warn_days: tuple[int, ...]
    units: list[UnitLetters]
    rows: list[ReminderRow]
    #: the 提醒清单's title row
    title: str
    #: unfinished measures whose 整改时限 cannot be read: no letter can say they are due, so they
    #: are named instead ("台账!G12“2024年Q3”")
    unreadable: list[str] = field(default_factory=list)
    #: the people's columns the ledger does not have (:func:`absent_columns`), said once
    absent: tuple[str, ...] = ()
    #: the ledger has no 责任单位 column (:func:`has_unit_column`): no measure has a unit to write to
    no_unit_column: bool = False


def unaddressed_note(rows: list[ReminderRow], no_unit_column: bool = False, *, limit: int = 10) -> str:
    """What is said of the due or overdue measures no letter goes to (:func:`unaddressed`), "" when
    there are none: 责任单位 left blank — or, a ledger with no 责任单位 column at all (a unit's own
    ledger naming only its 牵头领导), the column to add."""
    orphans = unaddressed(rows)
    if not orphans:
        return ""
    shown = "、".join(orphans[:limit]) + ("等" if len(orphans) > limit else "")
    if no_unit_column:
        return (f"台账没有“责任单位”列，{len(orphans)} 项临期或逾期的措施没有发函对象，只列入了提醒清单：{shown}。"
                "如需按单位发函，请在台账中增加“责任单位”列并填写后重新生成。")
    return (f"{len(orphans)} 项临期或逾期的措施未填写责任单位，没有发函对象，只列入了提醒清单：{shown}。"
            "请补填责任单位后重新生成。")


def has_unit_column(ledger: Ledger) -> bool:
    """The ledger has a 责任单位 column (on a sheet it was read from), or a measure names its unit."""
    sheets = [s.columns for s in ledger.sheets] or [ledger.columns]
    return any(F.OWNER_UNIT in columns for columns in sheets) or any(m.owner_unit for m in ledger.measures())


def unaddressed(rows: list[ReminderRow]) -> list[str]:
    """The due or overdue measures no letter goes to, having no 责任单位 ("台账!第57行"): the
    提醒清单 lists them, the letters cannot."""
    return [f"{r.item.sheet}!第{r.item.row}行" if r.item.sheet else f"第{r.item.row}行"
            for r in rows if r.unit == NO_UNIT]


def plan_reminders(ledger: Ledger, *, as_of: date | None = None, warn_days: tuple[int, ...] | None = None,
                   due_soon_days: int = DEFAULT_WARN_DAYS[0], final_days: int = 15,
                   escalation: Escalation = "督办通知", today: date | None = None,
                   name: str = "") -> ReminderPlan:
    """The letters and the 提醒清单 of ``ledger``, with the as-of date and the thresholds decided
    as ``rectxl check`` decides them (``as_of`` / 报告日期 / today; ``warn_days`` / 基本信息
    预警天数 / ``due_soon_days``). ``name``: the ledger's name for the title when 基本信息 has no
    单位名称."""
    from rectxl.core.validate import resolve_as_of

    when, source = resolve_as_of(ledger, as_of, today)
    warn = resolve_warn_days(ledger.info, warn_days, due_soon_days)
    unit = (ledger.info.unit_name or "").strip() or name
    days = "、".join(f"{d}天" for d in warn)
    absent = absent_columns(ledger)
    no_unit_column = not has_unit_column(ledger)
    columns = ("责任单位", *absent) if no_unit_column else absent
    missing = f"；台账未设{'、'.join(columns)}列" if columns else ""
    return ReminderPlan(
        as_of=when, as_of_source=source, warn_days=warn,
        units=plan_letters(ledger, when, warn, final_days=final_days, escalation=escalation),
        rows=reminder_rows(ledger, when, warn),
        title=f"{unit}{ledger.info.inspection_word}整改提醒清单（截至{cn_date(when)}，预警天数：{days}{missing}）",
        absent=absent, no_unit_column=no_unit_column,
        unreadable=[f"{m.sheet}!{m.cells.get(F.DEADLINE, '')}“{m.deadline.text}”" for m in ledger.measures()
                    if is_open(m) and m.deadline.kind is DeadlineKind.INVALID],
    )
