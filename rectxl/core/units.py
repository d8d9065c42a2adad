"""Owner units (责任单位) as text: the units a cell names and a spelling-insensitive key, shared
by the rules, the summary sheets, the diff and the ledger writer."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rectxl.core.text import LazyPattern

__all__ = ["one_unit", "split_units", "unit_key", "unit_roles", "unit_spellings"]

#: between units: marks, line breaks, two spaces, or a space or 和/及/与 between two names that each
#: end in a kind of unit ("财政所 审计办", "应急办和各村")
_UNIT_SEP = re.compile(r"[、,，;；/／\n]+|\s{2,}")
_NAME_BOUNDARY = LazyPattern(
    r"(?<=[\u4e00-\u9fff][所办局委室科股站队部处院校会司中心村组区镇乡])(?:\s|和|及|与)(?=\S{2})")
_UNIT_ROLE = re.compile(r"^(?:牵头(?:单位)?|配合(?:单位)?|责任(?:单位)?|协办|主办)[:：]?")
#: a role after the unit ("党政办牵头", "财政所配合", "(配合)") or a person in brackets ("信访办（张某）"),
#: or "等相关单位" after the last unit
#: how a part with a note after the unit ends (a cheap test before the pattern)
_NOTE_ENDS = (")", "）", "牵头", "配合", "协办", "主办", "负责", "单位", "部门", "科室", "等")
_UNIT_NOTE = LazyPattern(r"(?:[(（](?:牵头|配合|协办|主办|负责)[)）]"
                        r"|[(（][\u4e00-\u9fff]{1,3}(?<![区室科股所办局站队部处院校会村组心司委道镇乡街])[)）]"
                        r"|(?<=\S{2})(?:牵头|配合|协办|主办|负责)|等(?:相关|有关)?(?:单位|部门|科室)?)$")


def split_units(text: str) -> list[str]:
    """``"办公室、财务科(配合)"`` → ``["办公室", "财务科"]``: the units a cell names."""
    return list(_units(text))


@lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    """:func:`split_units`, once per distinct cell text (a ledger repeats a few dozen units): the
    units of :func:`unit_roles`, whatever their role."""
    return tuple(unit for unit, _ in _roles(text))


#: the role words of :data:`_UNIT_ROLE` / :data:`_UNIT_NOTE` that make a unit a co-owner (配合单位);
#: 协助 is read here too ("财务股协助", "财务股（协助）")
_CO_WORDS = ("配合", "协办", "协助")


def unit_roles(text: str) -> list[tuple[str, str]]:
    """The units a cell names, each with its role: ``"lead"`` (牵头/责任/主办, or not marked) or
    ``"co"`` (配合/协办/协助) — the units of :func:`split_units`, read with the same patterns.

    ``"业务股、财务股（配合）"`` → ``[("业务股", "lead"), ("财务股", "co")]``;
    ``"人事股牵头，机关党委配合"`` → ``[("人事股", "lead"), ("机关党委", "co")]``;
    ``"牵头单位：办公室；配合单位：财务股、人事股"``: a label holds for the units after it;
    ``"办公室牵头，财务股、人事股配合"``: a role written after a list of units (no brackets) is
    the whole list's, when another unit of the cell leads. A cell whose units are all unmarked
    names leads only."""
    return list(_roles(text))


@lru_cache(maxsize=8192)
def _roles(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`unit_roles`, once per distinct cell text."""
    found: list[tuple[str, str | None, int, bool]] = []  # unit, role, run, role written bare after it
    label: str | None = None  # the role of the last "牵头单位：" / "配合单位：" label
    run = 0  # units joined by 、 (or a space, 和) are one run; other marks start the next
    pos = 0
    pieces = []
    for sep in _UNIT_SEP.finditer(text):
        pieces.append((text[pos:sep.start()], sep.group().strip("、") == ""))
        pos = sep.end()
    pieces.append((text[pos:], False))
    for piece, listed in pieces:
        parts = _NAME_BOUNDARY.split(piece) if any(c in piece for c in " 和及与") else [piece]
        for part in parts:
            part = part.strip()
            role: str | None = None
            bare = False
            head = _UNIT_ROLE.match(part)
            if head is not None and head.group():
                label = "co" if any(w in head.group() for w in _CO_WORDS) else "lead"
                part = part[head.end():].strip()
            note = _UNIT_NOTE.search(part) if part.endswith(_NOTE_ENDS) else None
            if note is not None:
                words = note.group()
                if any(w in words for w in _CO_WORDS):
                    role, bare = "co", not words.startswith(("(", "（"))
                elif any(w in words for w in ("牵头", "主办", "负责")):
                    role = "lead"
                part = part[:note.start()].strip()
            elif part.endswith("协助") and len(part) > 3:
                role, bare, part = "co", True, part[:-2].strip()
            if part:
                found.append((part, role or label, run, bare))
        if not listed:
            run += 1
    # "财务股、人事股配合": the run's unmarked units co-operate too, when a unit of another run leads
    for i, (_unit, role, r, bare) in enumerate(found):
        if role == "co" and bare and any(o != "co" for _, o, r2, _ in found if r2 != r):
            for k in range(i - 1, -1, -1):
                if found[k][2] != r or found[k][1] is not None:
                    break
                found[k] = (found[k][0], "co", r, False)
    # "县教体局（牵头）/各学校": beside a unit marked as the lead, the unmarked ones co-operate
    if any(role == "lead" for _, role, _, _ in found):
        return tuple((unit, role or "co") for unit, role, _, _ in found)
    return tuple((unit, role or "lead") for unit, role, _, _ in found)


@lru_cache(maxsize=8192)
def unit_key(unit: str) -> str:
    """Spelling-insensitive key: NFKC (full-width → half-width), no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", unit)
    return "".join(ch for ch in text if ch.isalnum())


#: what a unit's name may open with and be written without: the Party body it belongs to
#: (党委组织部 / 组织部, 县委宣传部 / 宣传部)
_ORG_PREFIX = LazyPattern(r"^(?:中共)?(?:[\u4e00-\u9fff]{0,4}?(?:党委|党组|党工委|县委|市委|区委|州委|旗委))"
                          r"(?!办公室$)")  # 党委办公室 and 办公室 are two offices
#: a bracketed second name after a unit's ("学生工作部（处）", "党委办公室(校长办公室)")
_SECOND_NAME = LazyPattern(r"[（(][^）)]{1,8}[）)]$")


def one_unit(a: str, b: str) -> bool:
    """Two spellings of one unit: the same, or one the other shortened (:func:`_same_unit`) —
    a bracketed second name left off ("学生工作部（处）" / "学工部"), or the Party body it belongs
    to ("党委组织部" / "组织部"; not "县委组织部" / "市委组织部", which both name theirs)."""
    ka, kb = (unit_key(_SECOND_NAME.sub("", s.strip())) or unit_key(s) for s in (a, b))
    if ka == kb:
        return True
    pa, pb = _ORG_PREFIX.match(ka), _ORG_PREFIX.match(kb)
    if pa is not None and pb is None and len(ka) - pa.end() >= 2:
        ka = ka[pa.end():]
    elif pb is not None and pa is None and len(kb) - pb.end() >= 2:
        kb = kb[pb.end():]
    short, long = sorted((ka, kb), key=len)
    return short == long or _same_unit(short, long)


#: words an abbreviation drops without naming another unit (党政综合办公室 / 党政办)
_FILLER_WORDS = ("综合",)
#: a join inside what an abbreviation drops: the rest of one word and the start of the next
#: (住房和城乡建设局 / 住建局, 发展和改革局 / 发改局)
_JOINS = re.compile("[和与及]")


def _same_unit(short: str, long: str) -> bool:
    """``short`` is another way of writing ``long``: 办 for 办公室 (党政综合办 / 党政综合办公室,
    党政办 / 党政综合办公室), or an abbreviation keeping the first character, the kind of unit and
    the order of the rest, dropping a character here and there (耕保股 / 耕地保护股), or more where
    two words are joined (住建局 / 住房和城乡建设局).

    Not when the longer name has a whole word more: 干部股 / 干部监督股, 村委会 / 村务监督委员会,
    各社区 / 各村社区 are other units, and calling them one would tell the clerk to rewrite a
    correct name and merge two units' counts."""
    if short.endswith("办") and long.endswith("办公室"):
        head, long_head = short[:-1], long[:-3]
        if head == long_head or (long_head.startswith(head) and long_head[len(head):] in _FILLER_WORDS):
            return True
    # a two-character name is too short to say which longer one it shortens: 院办 is no 院感办,
    # 党办 no 党建办, 纪委 no 纪工委
    if len(short) < 3 or len(short) >= len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    if long.endswith(short[1:]):
        return False  # 各社区 / 各村社区: a whole word more, not the same name shortened
    at = 1
    for ch in short[1:-1] + short[-1]:  # a subsequence, in order, with gaps of one character
        found = long.find(ch, at, len(long) if ch == short[-1] and at < len(long) else len(long) - 1)
        if found < 0:
            return False
        dropped = long[at:found]
        if len(dropped) > 1 and dropped not in _FILLER_WORDS and not _JOINS.search(dropped):
            return False  # a dropped word, not a dropped character
        at = found + 1
    return at == len(long)


def unit_spellings(counts: Counter[str], keep: Iterable[str] = ()) -> dict[str, str]:
    """Spelling → the spelling to use instead, for every unit written more than one way.

    ``counts`` is how often each spelling occurs (in ledger order); the most common spelling of
    a unit is kept (the first written on a tie). Spellings that differ in width, spacing or
    punctuation are one unit; so are an abbreviation and its full name (:func:`_same_unit`)
    unless ``keep`` (the 责任单位名录) lists both as units of their own."""
    listed = {unit_key(u) for u in keep}
    groups: list[list[str]] = []  # spellings of one unit, in first-seen order
    keys: list[str] = []
    for spelling in counts:
        key = unit_key(spelling)
        for i, group_key in enumerate(keys):
            if key == group_key or (one_unit(spelling, groups[i][0]) and not {key, group_key} <= listed):
                groups[i].append(spelling)
                break
        else:
            groups.append([spelling])
            keys.append(key)
    variants: dict[str, str] = {}
    for group in groups:
        if len(group) > 1:
            best = max(group, key=lambda s: (counts[s], -group.index(s)))
            variants.update({s: best for s in group if s != best})
    return variants
