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
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from rectxl.core.units import GENERIC_PLACES, canonical_unit, same_unit_name, split_units, unit_core, unit_parts

__all__ = ["COMPILATION_NAMED", "canonical_unit", "cluster", "compiled_units", "looks_like_roster", "names_a_part",
           "not_on_roster", "owners_of_others", "preferred_name", "roster_units", "same_unit_name", "unit_core"]

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


# -- the roster of the units that must report (应报送单位名单) -----------------------------------------

#: a file whose name says it lists units, not a ledger ("应报送单位名单", "被巡察单位名录", "单位花名册")
_ROSTER_NAME = re.compile(r"名单|名录|花名册|单位(?:清单|一览表?|列表)")
_LEDGER_NAME = re.compile(r"台账|台帐|问题|措施|整改(?:清单|情况|进展)|销号")
#: the header of the column that names the units ("单位名称", "被巡察单位", "责任单位", "部门")
_UNIT_HEADER = re.compile(r"单位|部门|名称|乡镇|机构|党组织|对象")
#: how a unit's name ends: what a roster without a header lists is told from its title and notes so
_UNIT_LIKE = re.compile(r"(?:局|委|办|院|所|站|中心|馆|部|会|联|协|厅|处|室|队|社|公司|集团|学校|中学|小学|镇|乡|街道"
                        r"|办事处|村|社区|园区|开发区|林场|农场|厂|银行|台|团|署|司|政府|党组|党委|党工委|支部|总支|人大|中)$")
#: what a file name says besides its unit when it names a part of the unit's ledger: the bureau's own
#: offices or the units under it (局机关, 机关本级, 直属学校, 二级单位, 下属企业), a body of it (党委, 纪委)
_PART_ENDS = re.compile(r"(?:机关|本级|单位|部分|企业|科室|股室|处室|部门|子公司|分公司)$")


def names_a_part(said: str) -> str:
    """The part of a unit's ledger that what its file name says besides the unit names ("局机关",
    "直属学校", "二级单位", "党委"; of "\x00局机关\x00改" too), "" when it names none (a version's
    mark: "改", "已改", "退回重报", "终稿", "11月")."""
    for token in said.split("\x00"):
        token = token.strip()
        if token and (_PART_ENDS.search(token) is not None or _UNIT_LIKE.search(token) is not None):
            return token
    return ""


#: a header of another column ("联系人", "单位性质", "单位代码"): not the units' names
_OTHER_HEADER = re.compile(r"序号|编号|代码|联系|电话|手机|性质|类别|类型|级别|备注|地址|邮箱|人数|负责人|说明"
                           r"|主管|上级|归口|隶属|所属|书记|领导|姓名|职务|主任")
#: a header of a ledger's column: a sheet with one is a ledger, whatever its file is called
_LEDGER_HEADER = re.compile(r"整改|问题|措施|时限")
#: a row that is not a unit: a group heading ("一、县直部门（20个）", "乡镇（8个）"), a total, a note
_NOT_A_UNIT = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])|[(（]\d+个[)）]$"
                         r"|^(?:合计|小计|总计|共计|注[:：]|说明[:：]|填表|制表)")


#: a count, not a name ("5个", "共12个单位")
_COUNT = re.compile(r"^(?:共|计)?\d+个(?:单位|部门)?$")


def looks_like_roster(file_name: str) -> bool:
    """``file_name`` (without its folder) names a list of units rather than a ledger: 应报送单位名单.xlsx,
    被巡察单位名录.xls — not 整改台账（附责任单位名录）.xlsx."""
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _ROSTER_NAME.search(stem) is not None and _LEDGER_NAME.search(stem) is None


def _text(value: object) -> str:
    return "".join(str(value).split()) if value is not None else ""


def roster_units(rows: Sequence[Sequence[object]]) -> list[str] | None:
    """The units a roster sheet (or a text file's lines, one row each) lists, in order, each once:
    the column headed 单位名称 / 被巡察单位 / 责任单位 … (among the first 10 rows) from the row below its
    header — every such column, left to right, of a list printed in two halves side by side ("县直单位"
    | "乡镇"); without such a header, the column with most texts that are not numbers. Group headings
    ("一、县直部门"), totals and notes are passed over; a cell listing several units ("东山镇、西河镇")
    gives each. None for a ledger's sheet (a header naming 整改措施, 问题 …): its workbook is no roster."""
    texts = [[_text(v) for v in row] for row in rows]
    columns: list[int] = []
    start, headed = 0, False
    for r, row in enumerate(texts[:10]):
        heads = [c for c, t in enumerate(row)
                 if t and len(t) <= 12 and _UNIT_HEADER.search(t) and not _OTHER_HEADER.search(t)
                 and not _ROSTER_NAME.search(t)]
        if heads and any(_LEDGER_HEADER.search(t) for t in row):
            return None  # a ledger's header (责任单位 beside 整改措施): not a roster
        if heads:
            columns, start, headed = heads, r + 1, True
            break
    if not columns:
        width = max((len(row) for row in texts), default=0)
        worded = [sum(1 for row in texts if c < len(row) and row[c] and not row[c].replace(".", "").isdigit())
                  for c in range(width)]
        if not worded or max(worded) == 0:
            return []
        columns = [worded.index(max(worded))]
    units: dict[str, None] = {}
    for column, row in ((c, row) for c in columns for row in texts[start:]):
        cell = row[column] if column < len(row) else ""
        first = next((t for t in row if t), "")
        if not cell or _NOT_A_UNIT.search(cell) or _NOT_A_UNIT.search(first):
            continue
        if not headed and not _UNIT_LIKE.search(cell):
            continue  # no header said which column: a title, a header or a note above the units
        for part in re.split(r"[、,，;；]", cell):
            if len(re.findall(r"[\u4e00-\u9fff]", part)) >= 2 and not _COUNT.match(part):
                units.setdefault(canonical_unit(part), None)
    return list(units)


def not_on_roster(roster: Sequence[str], units: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the roster's units none of ``units`` is, those of ``units`` the roster does not list), each
    in order; one unit spelled two ways (县人社局 / 县人力资源和社会保障局) is one."""
    items = [(u, True) for u in roster] + [(u, False) for u in units]
    missing: list[str] = []
    unlisted: list[str] = []
    for group in cluster(items, lambda item: item[0]):
        listed = [u for u, on in group if on]
        if not listed:
            unlisted.extend(u for u, _ in group)
        elif len(listed) == len(group):
            missing.extend(listed)
    order = {u: i for i, u in enumerate(roster)}
    return sorted(missing, key=lambda u: order[u]), unlisted


#: how many units of their own a ledger's 责任单位 cells must name, besides the ledger's unit, for it
#: to be a compilation of other units' ledgers (the 巡察办's 全县台账汇总)
_COMPILED_UNITS = 2


def owners_of_others(owner_cells: Iterable[str], own: str) -> dict[str, int] | None:
    """The measures of each 责任单位 cell (cell → count) of a ledger whose cells name at least two
    units of their own — named with their place (县水利局, 城关镇党委) — besides its own unit
    ``own``: a ledger that may compile other units' ledgers. None for a unit's ledger (its own
    unit, its offices: 党政办, 财政所)."""
    cells = Counter(owner_cells)
    others: set[str] = set()
    for cell in cells:
        for unit in split_units(cell):
            if unit_parts(unit)[0] and not (own and same_unit_name(unit, own)):
                others.add(unit_core(unit))
    return dict(cells) if len(others) >= _COMPILED_UNITS else None


#: a file named as a compilation of many units' ledgers ("全县巡察整改台账（汇总）", "整改台账汇总表")
COMPILATION_NAMED = re.compile(r"汇总|合并|总台账|全[县区市镇乡]|各单位|各部门")


def compiled_units(owners: Mapping[str, int], own: str, measures: int,
                   unit_of: Callable[[str], str | None], named: bool = False) -> tuple[list[str], int, list[str]]:
    """The units whose ledgers a ledger compiles (the 巡察办's 全县台账汇总 in the folder of the units'
    own ledgers): at least two units, each counted with a ledger of its own (``unit_of``: the
    unit counted under a name, None if none), lead at least half of its ``measures`` — then it
    is no unit's ledger, and counting it would count those measures twice. Returned with how many
    measures they lead, and the units it names that have no ledger of their own (their measures,
    set aside with it, are counted nowhere); empty otherwise (a unit's ledger with a few measures
    led jointly: "县委办、县财政局"), and for a ledger whose own unit leads some of its measures
    unless it is ``named`` a compilation (:data:`COMPILATION_NAMED`) — a bureau's ledger whose
    schools, each sending its own, lead most measures is still the bureau's."""
    counted: dict[str, None] = {}
    alone: dict[str, None] = {}
    covered = 0
    for cell, n in owners.items():
        units = split_units(cell)
        if units and any(own and same_unit_name(u, own) for u in units) and not named:
            return [], 0, []
        if not units or any(own and same_unit_name(u, own) for u in units):
            continue
        found = [unit_of(u) for u in units]
        if any(c is not None for c in found):
            covered += n
            counted.update(dict.fromkeys(c for c in found if c is not None))
        alone.update(dict.fromkeys(canonical_unit(u) for u, c in zip(units, found, strict=True)
                                   if c is None and unit_parts(u)[0]))
    if len(counted) >= _COMPILED_UNITS and 2 * covered >= measures > 0:
        return list(counted), covered, list(alone)
    return [], 0, []
