"""Inspected units' names as a batch run compares them: one unit spelled several ways
("县财政局" / "财政局", "中共东山镇委员会" / "东山镇" / "东山镇党委", "县发改局" / "县发展和改革局")
is one unit, shown under one name; two different units are never made one by a chain of
look-alikes ("县林业局" / "林业局" / "市林业局"). Pure: used by :mod:`rectxl.core.batch_report`
and :mod:`rectxl.batch`.

Grouping is done in buckets (:func:`_buckets`), so that a province's 10,000 units are not
compared pair by pair.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from rectxl.core.units import one_unit, unit_key

__all__ = ["canonical_unit", "cluster", "preferred_name", "same_unit_name", "unit_core"]

T = TypeVar("T")

#: the Party committee of a place, written around its name ("中共东山镇委员会", "中共青石县委")
_WRAPPED = re.compile(r"^(?:中共|中国共产党)(.{2,}?)(?:委员会|委)$")
#: how a place's name ends (a 委员会 around it is the place's Party committee)
_PLACE_END = ("镇", "乡", "街道", "县", "区", "市", "旗", "州", "村", "社区", "办事处", "场")
_PARTY_HEAD = re.compile(r"^(?:中共|中国共产党)")
#: how a unit's name ends once its Party body is taken off (not "县直" of 县直机关党委)
_UNIT_END = re.compile(r"(?:局|委|办|院|所|站|中心|馆|部|会|联|协|厅|处|室|队|社|公司|集团|学校|中学|小学|镇|乡|街道"
                       r"|办事处|村|社区|园区|开发区|林场|农场|厂|银行|台|团|署|司|县|区|市|旗)$")
_PARTY_TAIL = re.compile(r"(?:机关)?(?:党组|党委|党工委|党总支|党支部)$")
#: the place a unit's name may open with and be written without ("县财政局" / "财政局",
#: "青石县财政局"); not the 市 of 市场监管局
_PLACE_HEAD = re.compile(r"^(?:[县区旗](?=..)|市(?![场政民])(?=..)|[\u4e00-\u9fff]{1,4}?(?:省|自治区|自治州|县|区|旗))")


def canonical_unit(name: str) -> str:
    """The name a unit is shown under: as written (NFKC, no spaces), without the Party body around
    it — a place's Party committee is shown as the place ("中共东山镇委员会", "东山镇党委" → 东山镇),
    a unit's 党组 as the unit ("县卫生健康局党组" → 县卫生健康局) — so that one unit is one name
    and the units of a ranking are named alike."""
    text = "".join(unicodedata.normalize("NFKC", name).split())
    m = _WRAPPED.match(text)
    if m is not None and m.group(1).endswith(_PLACE_END):
        return m.group(1)
    bare = _PARTY_TAIL.sub("", _PARTY_HEAD.sub("", text))
    if bare != text and len(bare) >= 2 and _UNIT_END.search(bare):
        return bare
    return text or name


@lru_cache(maxsize=16384)
def unit_core(name: str) -> str:
    """A unit's name as compared with another spelling of it: its key (:func:`unit_key`), the
    Party body around it taken off ("中共东山镇委员会", "东山镇党委" → 东山镇; "县水利局党组" → 县水利局)."""
    key = unit_key(canonical_unit(name))
    core = _PARTY_TAIL.sub("", _PARTY_HEAD.sub("", key))
    return core if len(core) >= 2 else key


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` written shorter: the same first and last character, the others in
    order (人社局 / 人力资源和社会保障局, 发改局 / 发展和改革局)."""
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


#: a place written alone, standing for whichever county (district …) the collection is of
_GENERIC_PLACES = ("县", "市", "区", "旗")


@lru_cache(maxsize=16384)
def _split(name: str) -> tuple[str, str]:
    """A unit's core (:func:`unit_core`) as the place it opens with ("" if none; "县" alone stands
    for any county) and the rest: "青石县财政局" → ("青石县", "财政局"), "财政局" → ("", "财政局")."""
    core = unit_core(name)
    m = _PLACE_HEAD.match(core)
    if m is not None and len(core) - m.end() >= 2:
        return core[: m.end()], core[m.end():]
    return "", core


def _places_agree(a: str, b: str) -> bool:
    """Two places a unit's name opens with may be one: the same, one left off, or "县" beside
    "青石县" — never "青石县" and "白云县", nor "县" and "市"."""
    if not a or not b or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in _GENERIC_PLACES and long.endswith(short)


@lru_cache(maxsize=65536)
def same_unit_name(a: str, b: str) -> bool:
    """``a`` and ``b`` name one unit: the same once the Party body around them is taken off, or
    one the other written shorter — the place left off ("财政局" / "县财政局" / "青石县财政局"), an
    abbreviation ("县发改局" / "县发展和改革局", "应急局" / "县应急管理局") — never two places' units
    ("县气象局" / "市气象局", "和县财政局" / "永和县财政局") nor two kinds of unit ("梅岭镇" /
    "梅岭镇中心小学")."""
    if unit_core(a) == unit_core(b):
        return bool(unit_core(a))
    (pa, ra), (pb, rb) = _split(a), _split(b)
    if not ra or not rb or not _places_agree(pa, pb):
        return False
    x, y = sorted((ra, rb), key=len)
    return x == y or _abbreviates(x, y) or one_unit(x, y)


def _place_key(place: str) -> str:
    return "" if place in _GENERIC_PLACES else place


def cluster(items: Sequence[T], name: Callable[[T], str | None],
            apart: Callable[[T], Hashable] = lambda item: None) -> list[list[T]]:
    """``items`` grouped by the unit ``name`` gives them (None: a group of its own), in order of
    first appearance. Only items of one ``apart`` value are grouped. An item joins a group when its
    name is one unit with every name already in it; one that could join two groups ("气象局" beside
    "县气象局" and "市气象局") stays alone: a chain of look-alikes never makes two units one.

    Names are looked up, not compared pair by pair: by the first and last character of what follows
    their place, and by the place (a province's 1,000 "X县财政局" are 1,000 lookups, not a million
    comparisons)."""
    groups: list[list[T]] = []
    names: list[dict[str, None]] = []  # each group's distinct names
    by_place: dict[tuple[Hashable, str, str, str], dict[int, None]] = {}  # groups, in order
    by_rest: dict[tuple[Hashable, str, str], dict[int, None]] = {}
    exact: dict[tuple[Hashable, str], int] = {}  # one spelling (its core) joins its group at once
    for item in items:
        unit = name(item)
        core = unit_core(unit) if unit else ""
        if not unit or not core:
            groups.append([item])
            names.append({})
            continue
        where = apart(item)
        place, rest = _split(unit)
        first, last = rest[0], rest[-1]
        fits: list[int] = []
        if (where, core) in exact:
            fits = [exact[where, core]]
        else:
            if _place_key(place):
                candidates = [*by_place.get((where, first, last, place), ()),
                              *by_place.get((where, first, last, ""), ())]
            else:
                candidates = list(by_rest.get((where, first, last), ()))
            for g in dict.fromkeys(candidates):
                if all(same_unit_name(unit, other) for other in names[g]):
                    fits.append(g)
        if len(fits) == 1:
            g = fits[0]
            groups[g].append(item)
            names[g][unit] = None
        else:
            g = len(groups)
            groups.append([item])
            names.append({unit: None})
        exact.setdefault((where, core), g)
        by_place.setdefault((where, first, last, _place_key(place)), {})[g] = None
        by_rest.setdefault((where, first, last), {})[g] = None
    return groups


def preferred_name(names: Iterable[str]) -> str:
    """The name to show for one unit written several ways: the most common spelling (shown as
    :func:`canonical_unit`), the fullest on a tie ("县发展和改革局" rather than "县发改局"), then the first."""
    shown = [canonical_unit(n) for n in names]
    return max(shown, key=lambda s: (shown.count(s), len(s), -shown.index(s))) if shown else ""
