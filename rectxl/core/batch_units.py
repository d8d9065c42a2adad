"""Inspected units' names as a batch run compares them: one unit spelled several ways
("县财政局" / "财政局", "中共东山镇委员会" / "东山镇" / "东山镇党委", "县发改局" / "县发展和改革局")
is one unit, shown under one name; two different units are never made one by a chain of
look-alikes ("县林业局" / "林业局" / "市林业局"). Pure: used by :mod:`rectxl.core.batch_report`
and :mod:`rectxl.batch`. Whether two names name one unit is :func:`rectxl.core.units.same_unit_name`
(re-exported here with :func:`~rectxl.core.units.canonical_unit` and :func:`~rectxl.core.units.unit_core`).

Grouping is done in buckets (:func:`_buckets`), so that a province's 10,000 units are not
compared pair by pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from rectxl.core.units import GENERIC_PLACES, canonical_unit, same_unit_name, unit_core, unit_parts

__all__ = ["canonical_unit", "cluster", "preferred_name", "same_unit_name", "unit_core"]

T = TypeVar("T")


def _place_key(place: str) -> str:
    return "" if place in GENERIC_PLACES else place


#: an office or a committee written in full, as its short name ends ("政府办公室" / "政府办",
#: "卫生健康委员会" / "卫健委"): looked up under the short name's last character
_FULL_ENDS = re.compile(r"(?<=.)(?:办公室|委员会)$")


def _looked_up(rest: str) -> str:
    """The rest of a unit's name (:func:`~rectxl.core.units.unit_parts`) as :func:`cluster` looks it
    up: a 办公室 or 委员会 at its end written as its short name writes it (办, 委)."""
    return _FULL_ENDS.sub(lambda m: m.group(0)[0], rest)


def cluster(items: Sequence[T], name: Callable[[T], str | None],
            apart: Callable[[T], Hashable] = lambda item: None) -> list[list[T]]:
    """``items`` grouped by the unit ``name`` gives them (None: a group of its own), in order of
    first appearance. Only items of one ``apart`` value are grouped. An item joins a group when its
    name is one unit with every name already in it; one that could join two groups ("气象局" beside
    "县气象局" and "市气象局") stays alone: a chain of look-alikes never makes two units one.

    Names are looked up, not compared pair by pair: by the first and last character of what follows
    their place (and, for a name without a place, by its last three characters), and by the place
    (a province's 1,000 "X县财政局" are 1,000 lookups, not a million comparisons)."""
    groups: list[list[T]] = []
    names: list[dict[str, None]] = []  # each group's distinct names
    by_place: dict[tuple[Hashable, str, str, str], dict[int, None]] = {}  # groups, in order
    by_rest: dict[tuple[Hashable, str, str], dict[int, None]] = {}
    #: by the last three characters, for a name within a fuller one ("开发区" / "清河经济开发区")
    by_tail: dict[tuple[Hashable, str], dict[int, None]] = {}
    exact: dict[tuple[Hashable, str], int] = {}  # one spelling (its core) joins its group at once
    for item in items:
        unit = name(item)
        core = unit_core(unit) if unit else ""
        if not unit or not core:
            groups.append([item])
            names.append({})
            continue
        where = apart(item)
        place, rest = unit_parts(unit)
        rest = _looked_up(rest)
        first, last = rest[0], rest[-1]
        fits: list[int] = []
        if (where, core) in exact:
            fits = [exact[where, core]]
        else:
            if _place_key(place):
                candidates = [*by_place.get((where, first, last, place), ()),
                              *by_place.get((where, first, last, ""), ())]
            else:
                candidates = [*by_rest.get((where, first, last), ()), *by_tail.get((where, rest[-3:]), ())]
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
        if not _place_key(place):
            by_tail.setdefault((where, rest[-3:]), {})[g] = None
    return groups


def preferred_name(names: Iterable[str]) -> str:
    """The name to show for one unit written several ways: the most common spelling (shown as
    :func:`canonical_unit`), the fullest on a tie ("县发展和改革局" rather than "县发改局"), then the first."""
    shown = [canonical_unit(n) for n in names]
    return max(shown, key=lambda s: (shown.count(s), len(s), -shown.index(s))) if shown else ""
