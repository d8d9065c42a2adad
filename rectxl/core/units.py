"""Owner units (责任单位) as text: the units a cell names and a spelling-insensitive key, shared
by the rules, the summary sheets, the diff and the ledger writer."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rectxl.core.text import LazyPattern

__all__ = [
    "canonical_unit",
    "directory_unit",
    "is_person_name",
    "one_unit",
    "people_by_unit",
    "people_of_units",
    "same_unit_name",
    "split_names",
    "split_units",
    "unit_core",
    "unit_key",
    "unit_parts",
    "unit_people",
    "unit_roles",
    "unit_spellings",
    "unit_with_person",
]

#: between units: marks, line breaks, two spaces, a + between two names ("财政所+农经站"; not "+李明",
#: a value written to look like a formula), or a space or 和/及/与 between two names that each end in a
#: kind of unit ("财政所 审计办", "应急办和各村")
_UNIT_SEP = re.compile(r"[、,，;；/／\n]+|\s{2,}|(?<=[\u4e00-\u9fff])[+＋](?=[\u4e00-\u9fff])")
#: an item's number before a unit ("1.党政办\n2.财政所", "（1）党政办（2）财政所", "①党政办②财政所"), as a
#: cell lists the units of numbered measures: a separator, never part of the unit's name
_ITEM_NUMBER = LazyPattern(r"(?:^|(?<=[\s、,，;；/／]))\d{1,2}\s*[.．、)）](?!\d)|[(（]\d{1,2}[)）]|[\u2460-\u2473]")
_NAME_BOUNDARY = LazyPattern(
    r"(?<=[\u4e00-\u9fff][所办局委室科股站队部处院校会司中心村组区镇乡])(?:\s|和|及|与)(?=\S{2})")
#: — the label naming the unit by its kind too: "责任站所：", "牵头股室：", "配合科室：", "主责部门："
_UNIT_ROLE = re.compile(r"^(?:(?:牵头|配合|责任|主责|承办)"
                        r"(?:单位|(?:部门|科室|股室|处室|站所|中心|科|股|处|室|办)(?=\s*[:：]))?|协办|主办)[:：]?")
#: a role after the unit ("党政办牵头", "财政所配合", "(配合)") or a person in brackets ("信访办（张某）"),
#: or "等相关单位" after the last unit
#: how a part with a note after the unit ends (a cheap test before the pattern)
_NOTE_ENDS = (")", "）", "牵头", "配合", "协办", "主办", "负责", "单位", "部门", "科室", "等")
_UNIT_NOTE = LazyPattern(r"(?:[(（](?:牵头|配合|协办|主办|负责)[)）]"
                        r"|[(（](?:分管|责任人|负责人|联系人|经办人|具体责任人)[\u4e00-\u9fff]{0,4}[:：]?\s*"
                        r"[\u4e00-\u9fff]{2,4}[)）]"
                        r"|[(（][\u4e00-\u9fff]{1,3}(?<![区室科股所办局站队部处院校会村组心司委道镇乡街])[)）]"
                        r"|(?<=\S{2})(?:牵头|配合|协办|主办|负责)|等(?:相关|有关)?(?:单位|部门|科室)?)$")


def split_units(text: str) -> list[str]:
    """``"办公室、财务科(配合)"`` → ``["办公室", "财务科"]``: the units a cell names — not the
    people a clerk wrote beside them ("党政办/李某", "基层卫生股 王某", "医政股（张某）")."""
    return list(_units(text))


@lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    """:func:`split_units`, once per distinct cell text (a ledger repeats a few dozen units): the
    units of :func:`unit_roles`, whatever their role."""
    return tuple(unit for unit, _ in _roles(text))


def split_names(text: str) -> list[str]:
    """The names a cell lists, split as :func:`split_units` splits units, people kept
    (``"张三、李四"`` → ``["张三", "李四"]``) — without the phone number or the post a clerk wrote
    beside a person ("张三 13812345678", "李四（联系电话：0855-3621008）", "王五（办公室主任）",
    "副局长 赵六" → 张三, 李四, 王五, 赵六), a post or a number alone being no one."""
    names = [name for name in (_person_alone(name) for name, _ in _all_roles(_PHONE_LINE.sub("", text))) if name]
    people = [name for name in names if not _is_post(name)]
    return list(dict.fromkeys(people or names))  # a post is kept when the cell names no one else ("局长")


#: a phone number, with what labels it ("联系电话：", "手机"), in brackets or not
_PHONE = LazyPattern(r"[(（]?\s*(?:联系)?(?:电话|手机|座机|tel|Tel|TEL)?\s*[:：]?\s*(?:\+?86[-\s]?)?"
                    r"(?:0\d{2,3}[-\s]?)?\d{7,11}(?:转\d{1,5})?\s*[)）]?")
#: a line (or a list item) holding only a phone number
_PHONE_LINE = LazyPattern(r"(?m)^[\s(（]*(?:联系)?(?:电话|手机)?\s*[:：]?\s*(?:0\d{2,3}[-\s]?)?\d{7,11}[\s)）]*$")
#: a post written beside a person's name, in brackets, after a space or a slash, or before it
_POST = (r"(?:[\u4e00-\u9fff]{0,6}?(?:局长|科长|股长|所长|站长|队长|主任|书记|镇长|乡长|县长|部长|院长|委员|干事|科员"
         r"|主席|经理|会计|出纳|负责人|联络员|专干|分管领导|分管|常委|处长|组长|秘书长|校长|馆长|社长|专员|调研员))")
_POST_AFTER = LazyPattern(rf"(?:[(（]{_POST}[)）]|[\s/／]+{_POST})$")
_POST_BEFORE = LazyPattern(rf"^{_POST}[\s:：/／]+(?=[\u4e00-\u9fff]{{2,4}}$)")
_POST_ALONE = LazyPattern(rf"^{_POST}$")


def _person_alone(name: str) -> str:
    """``name`` without a phone number or post beside it; "" when nothing but a number is left."""
    text = _PHONE.sub("", name).strip(" ,，;；/／:：")
    text = _POST_BEFORE.sub("", _POST_AFTER.sub("", text)).strip()
    return "" if text.isdigit() else text


def _is_post(name: str) -> bool:
    """``name`` is a post, not a person ("副局长", "办公室主任") — a leader named by it is a person
    (赵书记, 王副县长)."""
    return _POST_ALONE.match(name) is not None and _TITLED_LEADER.match(name) is None


#: common surnames a person's name written beside a unit opens with (not those that open a unit's
#: short name as often: 林业, 文旅, 卫健, 纪检, 金融, 史志, 安监, 司法, 国资, 高新, 江北 …)
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏"
                      "吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤")
#: how a unit's name ends (a part ending so is a unit, whatever it opens with), a village's
#: too when written without its 村 (张庄, 李营, 王集, 刘湾)
_UNIT_LAST = frozenset("所办局委室科股站队部处院校会司心村组区镇乡街道馆社联厂团库场网台"
                       "庄营集湾坝岗店屯寨堡铺沟坪塘滩洼峪坡圩")
#: a person written short (张某, 欧阳某某), or labelled: in brackets after the unit (（分管领导：刘某）)
#: or on a line of a 责任主体 cell of its own ("责任领导：副局长 王某\n责任单位：法规股\n责任人：李某")
_SHORT_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,2}某{1,2}$")
_PERSON_LABELS = "分管|责任领导|牵头领导|主要领导|具体责任人|责任人|负责人|联系人|经办人"
_LEAD_LABELS = ("分管", "责任领导", "牵头领导", "主要领导")
_LABELLED_PERSON = re.compile(rf"[(（]({_PERSON_LABELS})[\u4e00-\u9fff]{{0,4}}[:：]?\s*"
                              r"([\u4e00-\u9fff]{2,4})[)）]$")
_PERSON_FIELD = re.compile(rf"^({_PERSON_LABELS})[\u4e00-\u9fff]{{0,4}}?[:：]\s*(\S.*)$")
_BRACKETED_PERSON = re.compile(r"[(（]([\u4e00-\u9fff]{2,3})[)）]$")
#: a leader named by title: 张副镇长, 王书记, 副县长 王某, 局长赵某
_TITLES = "书记|镇长|乡长|县长|区长|市长|局长|主任|部长|院长|所长|站长|科长|股长|处长|主席|经理|董事长"
_TITLED_LEADER = re.compile(rf"^(?:[{''.join(sorted(_SURNAMES))}](?:常务)?副?(?:{_TITLES})"
                            rf"|(?:常务)?副?(?:{_TITLES})\s*[\u4e00-\u9fff]{{2,3}})$")
_BRACKETED_LEADER = re.compile(r"[(（]([^（()）]{3,9})[)）]$")


#: a unit with its person glued on by a colon or a dash ("县水利局：赵强副局长", "县住建局—冯涛",
#: "县财政局－孙丽（副局长）"): the unit, and what follows it
_GLUED_PERSON = LazyPattern(r"^(\S{2,}?)\s*(?:[:：]|[—－–-]+)\s*(\S.{1,14})$")
#: a post written after a name ("赵强副局长", "孙丽（副局长）", "冯涛 局长")
_GLUED_POST = LazyPattern(rf"\s*(?:[(（][^（()）]{{1,12}}[)）]|(?:常务)?副?(?:{_TITLES}))$")


def _unit_beside_person(part: str) -> str:
    """``part`` without the person glued after its unit by a colon or a dash — the name alone or
    with its post ("县水利局：赵强副局长" → "县水利局"); ``part`` itself otherwise (a label
    "牵头单位：办公室", a unit "县委办—县财政局")."""
    m = _GLUED_PERSON.match(part)
    if m is None or m.group(1)[-1] not in _UNIT_LAST:
        return part
    name = _GLUED_POST.sub("", m.group(2)).strip()
    return m.group(1) if _is_person(name) or _TITLED_LEADER.match(m.group(2)) else part


def _is_person(part: str) -> bool:
    """A part of an owner cell that names a person, not a unit: 张某, or a name of two or three
    characters opening with a common surname and ending in no kind of unit (李四, 王建国)."""
    if _SHORT_PERSON.match(part) or _PERSON_FIELD.match(part) or _TITLED_LEADER.match(part):
        return True
    return (2 <= len(part) <= 3 and part[0] in _SURNAMES and part[-1] not in _UNIT_LAST
            and all("\u4e00" <= ch <= "\u9fff" for ch in part))


def is_person_name(text: str) -> bool:
    """``text`` is a person's name (张三, 王建国, 张某), not a unit's (李营村, 王集)."""
    return _is_person(text)


def unit_people(text: str) -> tuple[str, str]:
    """(lead, person) an owner-unit cell names beside its units: ``"医政股（张某）"`` → ``("", "张某")``,
    ``"党政办/李某"`` → ``("", "李某")``, ``"规财股（分管领导：刘某）"`` → ``("刘某", "")``; empty
    strings when the cell names units only."""
    return _people(text)


def people_of_units(text: str) -> dict[str, tuple[str, str]]:
    """(lead, person) each unit of an owner-unit cell has beside it: ``"东山镇（张三）、西河镇"`` →
    ``{"东山镇": ("", "张三")}`` — the people :func:`unit_people` reads from the cell, each kept with
    the unit written before it ("办公室/张三", "党政办（李四、王五）"); a unit written with no one is
    not in the result."""
    leads: dict[str, list[str]] = {}
    people: dict[str, list[str]] = {}
    current: str | None = None
    for piece, _ in _pieces(text):
        for part in (_NAME_BOUNDARY.split(piece) if any(c in piece for c in " 和及与") else [piece]):
            part = part.strip()
            if not part:
                continue
            found = _person_part(part)
            if found is None:
                units = [u for u, _ in _roles(part) if not _is_person(u)]
                current = units[0] if len(units) == 1 else None
                if current is not None:  # "医政股（张某）", "规财股（分管领导：刘某）" left whole
                    lead, person = _people(part)
                    leads.setdefault(current, []).extend(split_names(lead) if lead else [])
                    people.setdefault(current, []).extend(split_names(person) if person else [])
            elif current is not None:
                (leads if found[0] else people).setdefault(current, []).append(found[1])
    named = {u: ("、".join(dict.fromkeys(leads.get(u, []))), "、".join(dict.fromkeys(people.get(u, []))))
             for u in dict.fromkeys([*leads, *people])}
    return {u: pair for u, pair in named.items() if any(pair)}


def _person_part(part: str) -> tuple[bool, str] | None:
    """(is a leader, name) for a part of an owner cell naming a person ("分管领导：刘某", "张某",
    "（副局长王某）"), else ``None``."""
    if (m := _PERSON_FIELD.match(part) or _LABELLED_PERSON.search(part)) is not None:
        return m.group(1) in _LEAD_LABELS, m.group(2).strip()
    if (m := _BRACKETED_LEADER.search(part)) is not None and _TITLED_LEADER.match(m.group(1)) and (
            m.start() == 0):
        return True, m.group(1)
    if _TITLED_LEADER.match(part):
        return True, part
    if _is_person(part):
        return False, part
    return None


@lru_cache(maxsize=8192)
def _people(text: str) -> tuple[str, str]:
    if all(_is_person(name) for name, _ in _roles(text)):
        return "", ""  # people only, in the unit's column: what the clerk wrote there is kept as is
    leads: list[str] = []
    people: list[str] = []
    for piece, _ in _pieces(text):
        for part in (_NAME_BOUNDARY.split(piece) if any(c in piece for c in " 和及与") else [piece]):
            part = part.strip()
            if (m := _PERSON_FIELD.match(part) or _LABELLED_PERSON.search(part)) is not None:
                (leads if m.group(1) in _LEAD_LABELS else people).append(m.group(2).strip())
            elif (m := _BRACKETED_LEADER.search(part)) is not None and _TITLED_LEADER.match(m.group(1)):
                leads.append(m.group(1))
            elif (m := _BRACKETED_PERSON.search(part)) is not None and _is_person(m.group(1)):
                people.append(m.group(1))
            elif _TITLED_LEADER.match(part):
                leads.append(part)
            elif _is_person(part):
                people.append(part)
    return "、".join(dict.fromkeys(leads)), "、".join(dict.fromkeys(people))


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
    """:func:`unit_roles`, once per distinct cell text: the parts of :func:`_all_roles` that are
    units, not the people written beside them (a cell naming no unit keeps what it names)."""
    parts = tuple((_unit_beside_person(unit) if any(c in unit for c in ":：—－–-") else unit, role)
                  for unit, role in _all_roles(text))  # (the people are kept for split_names)
    return tuple(pair for pair in parts if not _is_person(pair[0])) or parts


@lru_cache(maxsize=8192)
def _all_roles(text: str) -> tuple[tuple[str, str], ...]:
    """Every part a cell lists with its role, people included."""
    found: list[tuple[str, str | None, int, bool]] = []  # unit, role, run, role written bare after it
    label: str | None = None  # the role of the last "牵头单位：" / "配合单位：" label
    run = 0  # units joined by 、 (or a space, 和) are one run; other marks start the next
    for piece, listed in _pieces(text):
        parts = _NAME_BOUNDARY.split(piece) if any(c in piece for c in " \u3000和及与") else [piece]
        for part in parts:
            part = part.strip()
            role: str | None = None
            bare = False
            if _PERSON_FIELD.match(part):  # "责任人：李某": a person, not the 责任 of a unit
                found.append((part, None, run, False))
                continue
            head = _UNIT_ROLE.match(part)
            if head is not None and head.group():
                label = "co" if any(w in head.group() for w in _CO_WORDS) else "lead"
                part = part[head.end():].strip()
            if part.endswith((")", "）")) and (m := _BRACKETED_LEADER.search(part)) is not None \
                    and _TITLED_LEADER.match(m.group(1)):
                part = part[:m.start()].strip()  # "县财政局（王副县长）": the leader in charge, no unit
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


#: a bracket holding a list ("党政办（李四、王五）", "财务股（配合：审计股、纪检组）")
_BRACKETED_LIST = LazyPattern(r"[(（]([^（()）]*[、,，;；/／][^（()）]*)[)）]")
_BRACKET_ROLE = LazyPattern(r"^(?:配合|协办|协助)(?:单位|部门)?[:：]")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The pieces of an owner cell between its separators, each with whether a 、 (or a space)
    ends it — a list of one run — and no separator inside brackets taken for one: a bracket
    listing people after a unit gives those people ("党政办（李四、王五）"), one listing co-owners
    after a role gives them, co-operating ("财务股（配合：审计股、纪检组）"); any other bracket
    ("各乡镇（东山镇、西山镇）") stays in its piece, whole."""
    if any(c in text for c in "(（.．、)）") or any("\u2460" <= c <= "\u2473" for c in text):
        text = _ITEM_NUMBER.sub("\n", text).strip()
    if "(" in text or "（" in text:
        text = _BRACKETED_LIST.sub(_unbracket, text)
    pieces: list[tuple[str, bool]] = []
    pos = start = depth = 0
    for sep in _UNIT_SEP.finditer(text):
        depth += sum(text.count(c, pos, sep.start()) for c in "(（") - sum(
            text.count(c, pos, sep.start()) for c in ")）")
        pos = sep.start()
        if depth > 0:
            continue  # inside brackets: no separator of the cell's list
        pieces.append((text[start:sep.start()], sep.group().strip("、") == ""))
        start = sep.end()
    pieces.append((text[start:], False))
    return pieces


def _unbracket(m: re.Match[str]) -> str:
    inner = m.group(1).strip()
    if (role := _BRACKET_ROLE.match(inner)) is not None:
        # each co-owner marked as one ("审计股（配合）"): the role holds for them alone
        co = [n.strip() for n in _UNIT_SEP.split(inner[role.end():]) if n.strip()]
        return "".join(f"、{n}（配合）" for n in co)
    names = [n.strip() for n in _UNIT_SEP.split(inner) if n.strip()]
    if names and all(_is_person(n) for n in names):
        return "、" + "、".join(names)
    return m.group()


@lru_cache(maxsize=8192)
def unit_key(unit: str) -> str:
    """Spelling-insensitive key: NFKC (full-width → half-width), no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", unit)
    if "X" in text or "x" in text:
        text = _LETTER_PLACE.sub("", text)  # "XX县城投集团": a template's place, as "××县" is
    return "".join(ch for ch in text if ch.isalnum())


#: a template's place written in letters ("XX县", "xx市"; "××县" is dropped as punctuation): no place
_LETTER_PLACE = re.compile(r"(?<![A-Za-z])[Xx]{1,3}(?=[省市县区镇乡州旗])")


#: what a unit's name may open with and be written without: the Party body it belongs to
#: (党委组织部 / 组织部, 县委宣传部 / 宣传部)
_ORG_PREFIX = LazyPattern(r"^(?:中共)?(?:[\u4e00-\u9fff]{0,4}?(?:党委|党组|党工委|县委|市委|区委|州委|旗委))"
                          r"(?!办公室$)")  # 党委办公室 and 办公室 are two offices
#: a bracketed second name after a unit's ("学生工作部（处）", "党委办公室(校长办公室)")
_SECOND_NAME = LazyPattern(r"[（(][^）)]{1,8}[）)]$")


#: an office inside the unit in brackets after it ("普查中心（财务室）", "医保经办中心（服务大厅）"):
#: a part of the unit, not its second name
_SUB_OFFICE = LazyPattern(r"(?:中心|局|院|集团|公司|所|站|队|馆|校|社)[（(][^）)]{1,8}(?:室|股|科|组|班|厅)[）)]$")


def one_unit(a: str, b: str) -> bool:
    """Two spellings of one unit: the same, or one the other shortened (:func:`_same_unit`) —
    a bracketed second name left off ("学生工作部（处）" / "学工部"), or the Party body it belongs
    to ("党委组织部" / "组织部"; not "县委组织部" / "市委组织部", which both name theirs)."""
    second_a, second_b = _SECOND_NAME.search(a.strip()), _SECOND_NAME.search(b.strip())
    if second_a and second_b and unit_key(second_a.group()) != unit_key(second_b.group()):
        # "办公室（人事科）" / "办公室（财务室）": two offices named in the brackets, not one unit's
        # second name left off
        ka, kb = unit_key(a), unit_key(b)
    else:
        ka, kb = (unit_key(s if _SUB_OFFICE.search(s.strip()) else _SECOND_NAME.sub("", s.strip())) or unit_key(s)
                  for s in (a, b))
    if ka == kb or _TOWN_GOVERNMENT.sub(r"\1", ka) == _TOWN_GOVERNMENT.sub(r"\1", kb):
        return True  # "东山镇人民政府" / "东山镇": a town's government is the town
    if "纪委监委" in ka or "纪委监委" in kb:
        # "县纪委" / "县纪委监委": the discipline commission and the supervisory commission work as one
        # office, written with or without the second name
        if ka.replace("纪委监委", "纪委") == kb.replace("纪委监委", "纪委"):
            return True
    pa, pb = _ORG_PREFIX.match(ka), _ORG_PREFIX.match(kb)
    if pa is not None and pb is None and len(ka) - pa.end() >= 2:
        ka = ka[pa.end():]
    elif pb is not None and pa is None and len(kb) - pb.end() >= 2:
        kb = kb[pb.end():]
    short, long = sorted((ka, kb), key=len)
    return short == long or _same_unit(short, long) or _place_prefixed(short, long)


#: the level of government a unit's name may open with and be written without in its own
#: county's ledger (县财政局 / 财政局, 青山县财政局 / 县财政局, 镇财政所 / 财政所)
_LEVELS = ("省", "市", "县", "区", "旗", "镇", "乡", "街道")
_PLACE = LazyPattern(r"^[\u4e00-\u9fff]{0,4}?(?:省|市|县|区|旗|镇|乡|街道)$")
#: what ends in 区 and is no place but a part of one (社区卫生服务中心 is no 卫生服务中心)
_NO_PLACE = ("社区", "小区", "园区", "景区", "校区", "片区", "辖区", "矿区", "库区", "营区", "病区", "林区", "牧区",
             "灾区")
#: how the name left after the place ends: a government body (局, 委, 所 …), not a word of the place
_BODY_LAST = frozenset("局委办院所站队部处室科股心厅")


def _place_prefixed(short: str, long: str) -> bool:
    """``long`` is ``short`` with the place (its level of government) before it: 县财政局 /
    财政局, 青山县财政局 / 县财政局 — not 市财政局 / 县财政局, two units, nor 社区卫生服务中心 /
    卫生服务中心."""
    if len(short) < 3 or not long.endswith(short) or short[-1] not in _BODY_LAST:
        return False
    place = long[: len(long) - len(short)]
    if short.startswith(_LEVELS) and not place.endswith(_LEVELS):
        place += short[0]  # 青山 + 县财政局: the place and the level the shorter name keeps
    return bool(_PLACE.match(place)) and not place.endswith(_NO_PLACE)


#: words an abbreviation drops without naming another unit (党政综合办公室 / 党政办)
_FILLER_WORDS = ("综合",)
#: a join inside what an abbreviation drops: the rest of one word and the start of the next
#: (住房和城乡建设局 / 住建局, 发展和改革局 / 发改局)
_JOINS = LazyPattern("[和与及]")


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


#: the place a unit's name may open with (县纪委, 市财政局): a short form keeps the word after it
_PLACE_FIRST = frozenset("省市县区州盟旗镇乡")


def _shortens(short: str, long: str) -> bool:
    """``short`` (a key) could be ``long`` (a key) shortened, loosely: the same first character,
    the same kind of unit last (办 for 办公室), the rest a subsequence in order — 马院 / 马克思主义学院,
    县纪委 / 县纪委监委, 党办 / 党委办公室. Too loose to join two spellings a ledger writes; used only
    to find which one entry of a 责任单位名录 a spelling the 名录 does not list stands for."""
    if not 2 <= len(short) < len(long) or short[0] != long[0]:
        return False
    if short[0] in _PLACE_FIRST and short[1:2] != long[1:2]:
        # 县委 is the county committee, not 县纪委监委 shortened: after the place, the unit's own first word
        return False
    if short[-1] != long[-1]:
        if not (short.endswith("办") and long.endswith("办公室")):
            return False
        long = long[:-2]
    at = 1
    for ch in short[1:]:
        found = long.find(ch, at)
        if found < 0:
            return False
        at = found + 1
    return True


def directory_unit(unit: str, directory: Iterable[str]) -> str | None:
    """The one entry of the 责任单位名录 ``directory`` that ``unit`` names: the entry itself when
    listed (however spaced or bracketed), else the single entry it is written for — shortened (马院
    for 马克思主义学院, 县纪委 for 县纪委监委, 耕保股 for 耕地保护股) or with its place or Party body
    (:func:`one_unit`). ``None`` when the 名录 lists no such unit, or several it could be (党办 beside
    党委办公室 and 党政办公室)."""
    key = unit_key(unit)
    if not key:
        return None
    entries = [e for e in dict.fromkeys(directory) if unit_key(e)]
    for entry in entries:
        if unit_key(entry) == key:
            return entry
    found = [e for e in entries if one_unit(unit, e)] or [e for e in entries if _shortens(key, unit_key(e))]
    return found[0] if len(found) == 1 else None


def unit_spellings(counts: Counter[str], keep: Iterable[str] = ()) -> dict[str, str]:
    """Spelling → the spelling to use instead, for every unit written more than one way.

    ``counts`` is how often each spelling occurs (in ledger order); the most common spelling of
    a unit is kept (the first written on a tie). Spellings that differ in width, spacing or
    punctuation are one unit; so are an abbreviation and its full name (:func:`_same_unit`)
    unless ``keep`` (the 责任单位名录) lists both as units of their own. A unit whose spellings are
    none of them in the 名录 but stand for one of its entries (:func:`directory_unit`: 马院 for
    马克思主义学院) is counted under the 名录's spelling."""
    keep = tuple(keep)
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
        if keep and not any(unit_key(s) in listed for s in group) and (
                entries := {e for s in group if (e := directory_unit(s, keep)) is not None}) and len(entries) == 1:
            (entry,) = entries
            variants.update({s: entry for s in group})  # 马院 → the 名录's 马克思主义学院
        elif len(group) > 1:
            best = max(group, key=lambda s: (counts[s], -group.index(s)))
            variants.update({s: best for s in group if s != best})
    return variants


# -- one inspected unit, however its name is written ----------------------------------------------------
#
# The one home of "these two names name one unit" for whole units (a batch run's units, a ledger's
# 单位名称 against its file's name): :func:`same_unit_name`. Owner units inside a ledger (股室) use
# :func:`one_unit`, which it builds on.

#: the Party committee of a place, written around its name ("中共东山镇委员会", "中共青石县委")
_WRAPPED = LazyPattern(r"^(?:中共|中国共产党)(.{2,}?)(?:委员会|委)$")
#: how a place's name ends (a 委员会 around it is the place's Party committee)
_PLACE_END = ("镇", "乡", "街道", "县", "区", "市", "旗", "州", "村", "社区", "办事处", "场")
_PARTY_HEAD = LazyPattern(r"^(?:中共|中国共产党)")
#: how a unit's name ends once its Party body is taken off (not "县直" of 县直机关党委)
_UNIT_END = LazyPattern(r"(?:局|委|办|院|所|站|股|科|组|专班|中心|馆|部|会|联|协|厅|处|室|队|社|公司|集团"
                       r"|学校|中学|小学|镇|乡|街道|办事处|村|社区|园区|开发区|林场|农场|厂|银行|台|团|署|司|县|区|市|旗)$")
_PARTY_TAIL = LazyPattern(r"(?:机关)?(?:党组|党委|党工委|党总支|党支部)$")
#: the place a unit's name may open with and be written without ("县财政局" / "财政局",
#: "青石县财政局"); not the 市 of 市场监管局, nor of its short name 市监局 (市监所)
_PLACE_HEAD = LazyPattern(
    r"^(?:[县区旗](?=..)|市(?![场政民]|监(?:局|所|分局))(?=..)|[\u4e00-\u9fff]{1,4}?(?:省|自治区|自治州|县|区|旗))")
#: the Communist Youth League committee of a place, written in full or short ("共青团清河县委员会",
#: "团县委", "共青团青石县委")
_LEAGUE = LazyPattern(r"^(?:中国)?共(?:产主义)?青(?:年)?团(.{0,8}?[省市县区旗州])?委(?:员会)?$|^团([省市县区旗州])委$")
#: the CPPCC committee of a place and its bodies, the place written inside ("政协清河县委员会办公室",
#: "中国人民政治协商会议清河县委员会"): the place, and what follows 委员会 (办公室, 提案委 …)
_CPPCC = LazyPattern(r"^(?:中国人民政治协商会议|政协)(.{1,8}?[省市县区旗州])委员会(.*)$")
#: a vertically managed office's system written before its place ("国家税务总局清河县税务局")
_SYSTEM_HEAD = LazyPattern(r"^[\u4e00-\u9fff]{2,8}?总局(?=[\u4e00-\u9fff]{1,6}?[省市县区旗])")
#: the full names of bodies that are usually written short (群团组织, 政法机关 …): full → short
_SHORT_NAMES = (
    ("妇女联合会", "妇联"), ("残疾人联合会", "残联"), ("科学技术协会", "科协"), ("工商业联合会", "工商联"),
    ("工商联合会", "工商联"), ("归国华侨联合会", "侨联"), ("文学艺术界联合会", "文联"), ("社会科学界联合会", "社科联"),
    ("红十字会", "红会"), ("纪律检查委员会", "纪委"), ("纪委监委", "纪委"), ("纪委监察委", "纪委"),
    ("监察委员会", "监委"), ("人民法院", "法院"), ("人民检察院", "检察院"), ("人民武装部", "人武部"),
    ("人民政府", "政府"), ("管理委员会", "管委会"), ("机构编制委员会办公室", "编办"), ("政法委员会", "政法委"),
    # the people's congress is its standing committee's organ: 县人大 / 县人大常委会, 县人大办 / 县人大常委会办公室
    ("人民代表大会常务委员会", "人大"), ("人大常委会", "人大"), ("人民代表大会", "人大"),
)
#: a 委员会 at the end of a unit's name, which its short name writes 委
_COMMITTEE = LazyPattern("委员会$")
#: a zone's 管委会 is the zone ("清河经济开发区管委会" / "开发区")
_ZONE_BOARD = LazyPattern(r"(开发区|园区|新区|高新区|示范区|景区|合作区|试验区)管委会$")
#: a company's legal form, which its short name leaves off ("云溪县水务集团有限公司" / "水务集团",
#: "城市建设投资有限责任公司" / "城投公司"): the kind of unit it is, 集团 or 公司
_LEGAL_FORM = LazyPattern(r"(集团)?(?:股份)?有限(?:责任)?公司$")
#: what may come before a unit's name inside a longer name of it and name no other unit: the
#: Party committee it belongs to ("县委宣传部" / "宣传部")
_PARTY_BODY = LazyPattern(r"^[\u4e00-\u9fff]{0,4}?(?:委|党委|党组|党工委)$")
#: a unit at the head of a longer name: the body a sub-unit belongs to ("财政局国库集中支付中心")
_PARENT = LazyPattern(r"^[\u4e00-\u9fff]{2,}?(?:局|委|办|院|部|厅|署|会)(?=[\u4e00-\u9fff]{3,}$)")


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
    Party body around it taken off ("中共东山镇委员会", "东山镇党委" → 东山镇; "县水利局党组" → 县水利局),
    a town's government as the town ("东山镇人民政府" → 东山镇), a second name in brackets left off."""
    text = canonical_unit(name)
    second = _SECOND_NAME.search(text)
    if (second is not None and len(text[: second.start()]) >= 3 and _UNIT_END.search(text[: second.start()])
            and _UNIT_END.search(inner := second.group()[1:-1]) and not inner.endswith(_OFFICE_ENDS)):
        text = text[: second.start()]  # "县融媒体中心（县广播电视台）": one unit's two names, not an office of it
    key = unit_key(text)
    core = _PARTY_TAIL.sub("", _PARTY_HEAD.sub("", key))
    core = _TOWN_GOVERNMENT.sub(r"\1", core)
    return core if len(core) >= 2 else key


#: how an office inside a unit ends ("办公室（人事科）" and "办公室（财务室）" are two offices)
_OFFICE_ENDS = ("室", "股", "科", "组", "班", "厅", "处")
#: a town's government or a street's office, the town or street itself as an inspected unit
#: ("东山镇人民政府", "东山镇政府" → 东山镇; "城关街道办事处" → 城关街道) — not a county's (县人民政府 is no 县)
_TOWN_GOVERNMENT = re.compile(r"^(.{2,}?(?:镇|乡|街道))(?:人民政府|政府|办事处)$")


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` written shorter: the same first and last character, the others in
    order (人社局 / 人力资源和社会保障局, 发改局 / 发展和改革局)."""
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


#: a place written alone, standing for whichever county (district …) the collection is of
GENERIC_PLACES = ("县", "市", "区", "旗")


def _short_form(rest: str, legal_form: bool = False) -> str:
    """A unit's name (without its place) with the full name of a body usually written short
    made short: "妇女联合会" → 妇联, "人民法院" → 法院, "开发区管理委员会" → 开发区, and — unless
    ``legal_form`` — a company's legal form left off ("水务集团有限公司" → 水务集团, "粮食储备有限责任公司"
    → 粮食储备公司)."""
    for full, short in _SHORT_NAMES:
        if rest.endswith(full):
            rest = rest[: -len(full)] + short
            break
        if rest.endswith(full + "办公室"):  # its office: "人民政府办公室" → 政府办公室 (政府办)
            rest = rest[: -len(full) - 3] + short + "办公室"
            break
    if not legal_form and rest.endswith("公司"):
        rest = _LEGAL_FORM.sub(lambda m: m.group(1) or "公司", rest)
    return _ZONE_BOARD.sub(r"\1", rest)


@lru_cache(maxsize=16384)
def unit_parts(name: str, legal_form: bool = False) -> tuple[str, str]:
    """A unit's core (:func:`unit_core`) as the place it opens with ("" if none; "县" alone stands
    for any county) and the rest, a body usually written short in its short form:
    "青石县财政局" → ("青石县", "财政局"), "财政局" → ("", "财政局"), "清河县妇女联合会" → ("清河县",
    "妇联"), "共青团清河县委员会" → ("清河县", "团委"), "团县委" → ("县", "团委"), "政协清河县委员会办公室" →
    ("清河县", "政协办公室"), "县人大常委会" → ("县", "人大"), "云溪县水务集团有限公司" →
    ("云溪县", "水务集团") (with ``legal_form``: "水务集团有限公司")."""
    core = unit_core(name)
    league = _LEAGUE.match(core)
    if league is not None:
        return league.group(1) or league.group(2) or "", "团委"
    cppcc = _CPPCC.match(core)
    if cppcc is not None:
        return cppcc.group(1), _short_form("政协" + cppcc.group(2), legal_form)
    core = _SYSTEM_HEAD.sub("", core)
    m = _PLACE_HEAD.match(core)
    if m is not None and len(core) - m.end() >= 2:
        return core[: m.end()], _short_form(core[m.end():], legal_form)
    return "", _short_form(core, legal_form)


def _places_agree(a: str, b: str) -> bool:
    """Two places a unit's name opens with may be one: the same, one left off, or "县" beside
    "青石县" — never "青石县" and "白云县", nor "县" and "市"."""
    if not a or not b or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in GENERIC_PLACES and long.endswith(short)


def _within(short: str, long: str) -> bool:
    """``short`` names ``long`` by its own name with what is before it left off — a name within the
    full one ("开发区" / "清河经济开发区", "宣传部" / "委宣传部"), or a sub-unit's name shortened after
    the body it belongs to ("国库支付中心" / "财政局国库集中支付中心") — never a unit of its own written
    before it ("梅岭镇中心小学" is no 中心小学, "财政局国库中心" no 财政局)."""
    if len(short) < 3 or _UNIT_END.search(short) is None:
        return False
    if long.endswith(short):
        head = long[: -len(short)]
        return _PARTY_BODY.match(head) is not None or _UNIT_END.search(head) is None
    parent = _PARENT.match(long)
    return parent is not None and _abbreviates(short, long[parent.end():])


@lru_cache(maxsize=65536)
def same_unit_name(a: str, b: str) -> bool:
    """``a`` and ``b`` name one unit: the same once the Party body around them is taken off, or
    one the other written shorter — the place left off ("财政局" / "县财政局" / "青石县财政局"), an
    abbreviation ("县发改局" / "县发展和改革局", "应急局" / "县应急管理局"), the short name of a body
    usually written short ("妇联" / "清河县妇女联合会", "团县委" / "共青团清河县委员会", "县法院" /
    "清河县人民法院"), a name within the full one ("开发区" / "清河经济开发区管委会") — never two places'
    units ("县气象局" / "市气象局", "和县财政局" / "永和县财政局") nor two kinds of unit ("梅岭镇" /
    "梅岭镇中心小学", "财政局" / "财政局国库集中支付中心")."""
    if unit_core(a) == unit_core(b):
        return bool(unit_core(a))
    (pa, ra), (pb, rb) = unit_parts(a), unit_parts(b)
    if not ra or not rb or not _places_agree(pa, pb):
        return False
    if _short_of(ra, rb):
        return True
    # a 委员会 written 委 ("卫健委" / "卫生健康委员会", "发改委" / "发展和改革委员会")
    if ra.endswith("委员会") != rb.endswith("委员会") and _short_of(_COMMITTEE.sub("委", ra), _COMMITTEE.sub("委", rb)):
        return True
    # a company's short name may keep the kind its legal form names ("水务公司" / "水务集团有限公司")
    return (ra.endswith(("公司", "集团")) or rb.endswith(("公司", "集团"))) and _short_of(
        unit_parts(a, legal_form=True)[1], unit_parts(b, legal_form=True)[1])


def _short_of(a: str, b: str) -> bool:
    """One of two units' rests (:func:`unit_parts`) is the other, or the other written shorter."""
    x, y = sorted((a, b), key=len)
    return x == y or _abbreviates(x, y) or one_unit(x, y) or _within(x, y)


#: what joins a unit written beside a person ("东山镇：张三", "东山镇-张三", "张三（东山镇）")
_PERSON_UNIT_GLUE = " :：-—－/／()（）"


def _spellings_of(unit: str) -> list[str]:
    """How a unit may be written beside its person: in full, as its ranking shows it, and without
    the kind of unit it is (东山镇 → 东山), longest first."""
    forms = {unit, canonical_unit(unit)}
    for form in list(forms):
        for end in (*_PLACE_END, *_UNIT_LAST):
            if form.endswith(end) and len(form) - len(end) >= 2:
                forms.add(form[: -len(end)])
    return sorted(forms, key=len, reverse=True)


#: a person with a unit beside it, bracketed after ("张三（东山镇）") or before and marked off ("东山镇：张三")
_PERSON_THEN_UNIT = LazyPattern(r"^(?P<person>[^（()）]+?)\s*[（(](?P<unit>[^（()）]+)[)）]$")
_UNIT_THEN_PERSON = LazyPattern(r"^(?P<unit>[^:：\-—－/／\s]+?)\s*[:：\-—－/／\s]\s*(?P<person>[^:：\-—－/／\s]+)$")


def unit_with_person(text: str) -> tuple[str, str] | None:
    """(unit, person) of a 责任人 cell naming both, the unit first and marked off ("党政办 刘洋",
    "财政所：郑华", "农经站-钱进") or one bracketed after the other ("刘洋（党政办）", "党政办（刘洋）"); None for a
    person alone, a post and a name ("党委书记 陈刚": a post is no unit) or anything else."""
    text = text.strip()
    for pattern in (_UNIT_THEN_PERSON, _PERSON_THEN_UNIT):
        if (m := pattern.match(text)) is None:
            continue
        # (the bracket either way: "刘洋（党政办）", "党政办（刘洋）")
        for unit, person in ((m["unit"], m["person"]), (m["person"], m["unit"])):
            if _is_person(person) and _UNIT_END.search(unit) is not None and not _is_person(unit):
                return unit, person
    return None


def _person_of(name: str, unit: str) -> str | None:
    """The person ``name`` writes beside ``unit`` ("张三（东山镇）", "东山镇：张三", "东山镇张三" → 张三),
    the unit written as the cell of units writes it or another way (东山镇 / 东山镇人民政府); None
    when ``name`` does not name ``unit``."""
    for pattern in (_PERSON_THEN_UNIT, _UNIT_THEN_PERSON):
        m = pattern.match(name)
        if m is not None and _is_person(m["person"]) and (
                m["unit"] in _spellings_of(unit) or same_unit_name(m["unit"], unit)):
            return m["person"]
    for form in _spellings_of(unit):
        if name.startswith(form):
            rest = name[len(form):].strip(_PERSON_UNIT_GLUE)
        elif name.rstrip(")）").endswith(form):
            rest = name.rstrip(")）")[: -len(form)].strip(_PERSON_UNIT_GLUE)
        else:
            continue
        if rest and _is_person(rest):
            return rest
    return None


def people_by_unit(units: Iterable[str], text: str) -> dict[str, list[str]]:
    """The people of ``text`` (a 责任人 or 责任领导 cell) each of ``units`` (the units leading one
    measure) has: a person written with a unit ("张三（东山镇）", "东山镇：张三", "东山镇 张三" on a
    line of its own) is that unit's; names listed as many as the units, none written with a unit
    ("东山镇、西河镇" with "张三、李四"), pair with them in order; otherwise every unit has them all.
    The names of a unit left without a person of its own are those written with no unit."""
    units = list(dict.fromkeys(units))
    names = split_names(text)
    own: dict[str, list[str]] = {u: [] for u in units}
    if len(units) < 2:
        unit = units[0] if units else ""
        return {u: [_person_of(n, unit) or n for n in names] for u in units}
    free: list[str] = []
    current: str | None = None  # a unit written on its own, heading the names after it
    for name in names:
        found = next(((u, p) for u in units if (p := _person_of(name, u)) is not None), None)
        heading = None if found else next((u for u in units if same_unit_name(name, u)), None)
        if found is not None:
            own[found[0]].append(found[1])
        elif heading is not None:
            current = heading
        elif current is not None:
            own[current].append(name)
        else:
            free.append(name)
    if not any(own.values()):
        if len(free) == len(units):
            return {u: [n] for u, n in zip(units, free, strict=True)}
        return {u: list(free) for u in units}
    return {u: own[u] or list(free) for u in units}
