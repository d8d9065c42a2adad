"""The labels a notice numbers things with: 第一方面 / (一) / 1., read off a cell's text, and
the enumerations inside a text (一是…二是…, (1)…(2)…, ①②, 1.…2.…).

Pure string helpers shared by the ledger reader (to strip numbering typed into cells), the
summary sheets and the notice renderer/parser (to write and read it back).
"""

from __future__ import annotations

import re
from typing import Literal

from rectxl.core.text import CIRCLED_NUM, ROMAN, ROMAN_SMALL, LazyPattern, fold, label_number, ordinal, to_int

__all__ = [
    "CIRCLED",
    "PARENTHESISED",
    "EnumKind",
    "count_sentence",
    "enumerated_items",
    "enumeration",
    "issue_body",
    "item_mark_end",
    "marker_at",
    "measure_body",
    "names_a_field",
    "note_count",
    "split_aspect_label",
    "split_category_label",
    "split_count_note",
    "split_heading_count",
    "split_issue_label",
    "with_count",
]

_CN = "[零一二三四五六七八九十百两〇]+"
_ROMAN = f"[{ROMAN}{ROMAN_SMALL}]"
#: an aspect's number: 第一方面 / 第一部分 / 一、 / (一) — and as other offices number them, 1、 /
#: Ⅰ、 / 一是 (the text being known to name an aspect: its cell, its heading row)
_ASPECT_RE = re.compile(
    rf"^\s*(?:第({_CN}|\d+)(?:方面|部分)(?:问题)?\s*[,，、:：.．]?|({_CN})\s*[、.．]|[(（]({_CN})[)）]"
    rf"|(\d{{1,2}})\s*[、.．](?![\d.．])|({_ROMAN})\s*[、.．]?|({_CN})是(?![否非])\s*[,，、:：]?)\s*")
_CATEGORY_RE = re.compile(rf"^\s*[(（]({_CN}|\d+)[)）]\s*[、.．]?\s*")
# an issue's number: 12. / 12、 / 问题12： — or in Chinese numerals, 一、 / 问题一：, as some clerks
# number the issues in the 问题 column (the aspects being in a column or a row of their own)
#: — or as other offices label them: 【问题1】 / 第1条 / 第一条： / ① (one, not a list ①…②…) / 问题1 …
_ISSUE_RE = re.compile(rf"^\s*(?:(?:问题)?(\d+|{_CN}(?=\s*[、.．:：]))\s*[.．、,，)）:：](?![\d.．])"
                       rf"|[【\[]\s*问题\s*(\d+|{_CN})\s*[】\]]\s*[、.．:：]?|第\s*(\d+|{_CN})\s*条\s*[、.．:：,，]?"
                       rf"|([{CIRCLED_NUM}])(?!.*[{CIRCLED_NUM}])\s*[、.．]?|问题\s*(\d+)(?=\s))\s*", re.S)


#: a count written after a heading: "…方面（共2个问题、3项措施）", "（3个问题）", "（2个）", "（5项措施）";
#: group 1 the issues it counts, when it counts them
_COUNT_NOTE = LazyPattern(
    r"\s*[(（]\s*(?:共|计|合计)?\s*(?:(\d{1,3})\s*个(?:具体)?(?:问题)?|\d{1,4}\s*(?:项|条)(?:整改)?措施)"
    r"(?:\s*[,，、;；]\s*(?:共|计)?\s*\d{1,4}\s*(?:个|项|条)(?:整改)?(?:问题|措施))?\s*[)）]\s*$")


def split_count_note(title: str) -> tuple[str, int | None]:
    """A heading without the count a clerk or a notice wrote after it, and the issues it counts
    (``None`` when it counts none, or there is no count): ``"…方面（共2个问题）"`` → ``("…方面", 2)``."""
    if not title.endswith((")", "）")):  # nearly every heading: no count to look for
        return title, None
    m = _COUNT_NOTE.search(title)
    if m is None or m.start() == 0:
        return title, None
    return title[:m.start()].rstrip(), int(m.group(1)) if m.group(1) else None


#: a sentence of counts after a heading: "该方面共3个问题，已整改完成2个。" — group 1, 2 or 3 the
#: issues it counts
_COUNT_SENTENCE = LazyPattern(r"^(?:(?:该|本|此)方面|其中)?[^。]{0,8}?(?:共|计|有|涉及|包括)\s*(?:(\d{1,3})\s*个"
                             r"(?:具体)?问题|(?:巡察|巡视)?(?:反馈|发现|收到|指出)?的?问题\s*(\d{1,3})\s*个)"
                             # a unit's count under its heading: "巡察反馈问题12个，已完成整改10个"
                             r"|^(?:巡察|巡视)?组?(?:反馈|发现|指出)的?问题\s*(\d{1,3})\s*个")


def count_sentence(text: str) -> int | None:
    """The issues a sentence of counts written after a heading counts ("该方面共反馈问题2个，已完成
    整改1个。" → 2), else ``None``."""
    m = _COUNT_SENTENCE.match(text.strip())
    return None if m is None else int(m.group(1) or m.group(2) or m.group(3))


def split_heading_count(title: str) -> tuple[str, str, int | None]:
    """A heading, the count written with it as written — a note "（共2个问题）" or a sentence after it
    "该方面共反馈问题2个，已完成整改1个。" — and the issues it counts: ``("…方面", "（共2个问题）", 2)``;
    ``(title, "", None)`` when it has none."""
    cut, count = split_count_note(title)
    if cut != title:
        return cut, title[len(cut):].strip(), count
    end = title.find("。")
    if 0 < end < len(title) - 1 and len(rest := title[end + 1:].strip()) <= 80 \
            and (count := count_sentence(rest)) is not None:
        return title[:end].rstrip(), rest, count
    return title, "", None


def note_count(note: str) -> int | None:
    """The issues a count written with a heading counts (:func:`split_heading_count`'s note:
    "（共2个问题）" → 2, "该方面共反馈问题2个，…" → 2), else ``None``."""
    if note[:1] in "(（":
        m = _COUNT_NOTE.fullmatch(note)
        return int(m.group(1)) if m is not None and m.group(1) else None
    return count_sentence(note)


def with_count(title: str, note: str) -> str:
    """A heading with the count written with it (:func:`split_heading_count` read back): a note in
    brackets after it, a sentence after its full stop."""
    if not note:
        return title
    if note[:1] in "(（":
        return f"{title}{note}"
    return f"{title.rstrip('。.')}。{note}"


def _split(regex: re.Pattern[str], text: str) -> tuple[int | None, str]:
    m = regex.match(text)
    if not m:
        return None, text.strip()
    number_text = next((g for g in m.groups() if g), "")
    return label_number(number_text), text[m.end():].strip()


def _heading(regex: re.Pattern[str], text: str) -> tuple[int | None, str]:
    """An aspect's or category's number and title, without the clerk's count after it nor the colon
    it leads in with ("一、政治建设方面存在的问题：" over its issues)."""
    # the count first: after a label alone ("第一方面问题（2个）", a sheet's name) it is all that is left
    number, title = _split(regex, split_count_note(text)[0])
    return number, split_count_note(title)[0].rstrip(":： ")


def split_aspect_label(text: str) -> tuple[int | None, str]:
    """``"第一方面问题,破局…"`` / ``"一、…"`` / ``"(一)…"`` → ``(1, "破局…")``; a count the clerk
    added ("（共2个问题、3项措施）") is no part of the title."""
    return _heading(_ASPECT_RE, text)


def split_category_label(text: str) -> tuple[int | None, str]:
    """``"(三)持续深化…问题"`` → ``(3, "持续深化…问题")``."""
    return _heading(_CATEGORY_RE, text)


#: an issue numbered under its aspect: 1.1 / 2-3 / 1.2、 (not an amount: "2.5万元…")
_DOTTED_ISSUE_RE = re.compile(r"^\s*\d{1,2}\s*[.．\-－]\s*(\d{1,3})(?![\d.．])\s*[、.．:：]?\s*(?![万亿元%％倍个项年])")


def split_issue_label(text: str) -> tuple[int | None, str]:
    """``"12.针对…问题"`` / ``"12、…"`` / ``"问题十二：…"`` → ``(12, "针对…问题")``; ``"2.1 …"``
    (the first issue of aspect 2) → ``(1, "…")``."""
    if (m := _DOTTED_ISSUE_RE.match(text)) is not None and m.end() < len(text):
        return int(m.group(1)), text[m.end():].strip()
    return _split(_ISSUE_RE, text)


#: the label a clerk types before the issue in its own cell: who found it ("巡察指出：", "巡视组
#:发现，") or what the cell is ("存在问题：", "问题描述：", "具体表现：", "主要表现：")
_ISSUE_BODY_LABEL = re.compile(
    r"^\s*(?:(?:巡察|巡视)(?:组|反馈)?(?:指出|发现|认为)(?:的问题)?\s*[:：,，]?"
    r"|(?:存在的?|反馈的?|巡察反馈的?|巡视反馈的?|具体|主要)?问题(?:描述|表现)?\s*[:：]"
    r"|(?:具体|主要|问题)表现\s*[:：])\s*")
#: the measure written after the issue in the same cell ("…不规范。整改措施：修订…")
_ISSUE_MEASURE_TAIL = re.compile(r"(?:^|[\n。；;.])\s*(?:整改|具体)?(?:措施|举措)\s*[:：]\s*(?P<measure>.+)$", re.S)


def issue_body(text: str) -> tuple[str, str]:
    """A 问题 cell's issue without the label typed before it, and the measure written after it
    under its own label: ``"巡察指出：学习不深入"`` → ``("学习不深入", "")``; ``"公车管理不规范。
    整改措施：修订管理办法"`` → ``("公车管理不规范", "修订管理办法")``. A label left with nothing
    after it, or a measure label that opens the cell, is no label: the text is returned as is."""
    body = text
    if (label := _ISSUE_BODY_LABEL.match(body)) is not None and body[label.end():].strip():
        body = body[label.end():]
    measure = ""
    if (tail := _ISSUE_MEASURE_TAIL.search(body)) is not None and body[:tail.start()].strip():
        body, measure = body[:tail.start()], tail["measure"].strip()
    return body.strip(), measure


#: an aspect named by its field alone ("政治建设", "全面从严治党", "选人用人", "上轮巡察整改",
#: "党的领导"): short, ending in the field's noun, no shortfall said in it
_BARE_FIELD = LazyPattern(r"^[\u4e00-\u9fff“”]{0,10}"
                         r"(?:建设|治党|纪律|用人|管理|作风|监督|整改|工作|领导|意识形态|责任)$")
_SHORTFALL = LazyPattern(r"[不未缺弱差乱松软虚慢低难欠失]|问题|滞后")


def names_a_field(title: str) -> bool:
    """Does ``title`` name a field of the feedback alone ("政治建设", "党风廉政建设"), as a 问题类型
    cell or a sheet of a ledger kept one sheet per aspect names its aspect?"""
    return len(title) >= 4 and _BARE_FIELD.match(title) is not None and not _SHORTFALL.search(title)


#: a short label and nothing more ("医德医风", "审计质量"): no punctuation, no number, no sentence
_BARE_LABEL = LazyPattern(r"[\u4e00-\u9fff“”]{2,10}")


def names_fields_alike(titles: list[str]) -> bool:
    """Do the headings of one level of a ledger ("医德医风" | "财务管理" | "党建工作", a 问题类别
    column's values) name fields alike — each a short label saying no shortfall, and at least one
    of them a field :func:`names_a_field` knows? Then every one of them is a field's label, headed
    as the others are ("医德医风方面" beside "财务管理方面")."""
    return bool(titles) and any(names_a_field(t) for t in titles) and all(
        t.endswith("方面") or (_BARE_LABEL.fullmatch(t) is not None and not _SHORTFALL.search(t)) for t in titles)


# ---------------------------------------------------------------------------
# Enumerations inside a text
# ---------------------------------------------------------------------------

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: parenthesised numbers ⑴…⒇ (U+2474…U+2487) as the circled ①…⑳ they stand for: the same
#: "(1)" marker, one character for one (a span found in the translated text is the original's)
PARENTHESISED = str.maketrans({chr(0x2474 + k): CIRCLED[k] for k in range(20)})
#: what a marker follows when it is not at the start (on the folded text)
_SEP = frozenset("。.;,:!?、\n )）】")
#: what after "2." makes it a decimal ("2.5万元"), not a marker: a digit, unless it opens a month or
#: a year ("2.6月18日已组织培训", "3.2026年起…": a list's item opening with a date)
_DECIMAL_TAIL = r"\d(?!\d{0,3}[年月])"
_DECIMAL_AT = re.compile(rf"(?m)^[ \t]*(\d{{1,3}})\s*[.、](?!{_DECIMAL_TAIL})\s*")
_DECIMAL_NEXT = re.compile(_DECIMAL_TAIL)

#: 一是… (``ordinal``), (1)… or ①… (``paren``), 1.… opening a line (``decimal``), 1.… after
#: any separator (``inline``, as a table cell runs them on)
EnumKind = Literal["ordinal", "paren", "decimal", "inline"]


#: the first 一是 right after who acts, with no mark between: "局党组一是…", "镇党委一是…", "我局一是…"
_SUBJECT_FIRST = re.compile(r"(?:党组|党委|党工委|党总支|党支部|委员会|领导班子|我们|我[局委院办校所司])(?P<mark>一是)")


def marker_at(folded: str, marker: str, start: int) -> int:
    """First index >= start of ``marker`` at the beginning or right after a separator."""
    idx = folded.find(marker, start)
    while idx >= 0:
        if idx == 0 or folded[idx - 1] in _SEP:
            return idx
        idx = folded.find(marker, idx + 1)
    return -1


def enumeration(folded: str, kind: EnumKind) -> list[tuple[int, int]]:
    """(start, marker length) of each marker of ``kind`` in ``folded`` (a text folded to ASCII
    punctuation), numbered 1, 2, 3… in sequence; empty when there is no marker 1."""
    found: list[tuple[int, int]] = []
    if kind == "inline":
        pos, n = 0, 1
        while n <= 99:
            idx = next((i for i in (marker_at(folded, f"{n}{p}", pos) for p in ".、")
                        if i >= 0 and not _DECIMAL_NEXT.match(folded, i + len(str(n)) + 1)), -1)
            if idx < 0 or (idx > 0 and folded[idx - 1].isdigit()):
                break
            found.append((idx, len(str(n)) + 1))
            pos, n = idx + len(str(n)) + 1, n + 1
        return found
    if kind == "decimal":
        n = 1
        for m in _DECIMAL_AT.finditer(folded):
            if to_int(m.group(1)) == n:
                found.append((m.start(1), m.end() - m.start(1)))
                n += 1
        return found
    pos, n = 0, 1
    while n <= 99:
        marker = ordinal(n) if kind == "ordinal" else f"({n})"
        idx = marker_at(folded, marker, pos)
        if n == 1 and kind == "ordinal" and (said := _SUBJECT_FIRST.search(folded)) is not None \
                and (idx < 0 or said.start("mark") < idx):
            idx = said.start("mark")  # "针对此问题，局党组一是…；二是…": after the one acting
        if idx < 0 and kind == "paren" and n <= len(CIRCLED):
            marker = CIRCLED[n - 1]  # a circled number is a marker wherever it stands
            idx = folded.find(marker, pos)
        if idx < 0 and kind == "paren" and (n == 1 or folded[found[-1][0]:][:1].isdigit()):
            # "整改情况：1）…；2）…": the number closed by a bracket alone, after a separator, as
            # the list's first was (never "(1)…2)…" mixed)
            marker = f"{n})"
            idx = marker_at(folded, marker, pos)
            if idx > 0 and folded[idx - 1] in ")）":
                idx = -1  # "…（见附件）1)": what closes a bracket is no list's separator
        if idx < 0:
            break
        found.append((idx, len(marker)))
        pos, n = idx + len(marker), n + 1
    if not found and kind == "ordinal":
        return _first_second(folded)
    return found


def _first_second(folded: str) -> list[tuple[int, int]]:
    """The markers of a list counted "第一，…；第二，…；第三，…" (or "第一、"), as 一是、二是 are:
    two at least, each after a separator (not "第一时间", "第二批")."""
    found: list[tuple[int, int]] = []
    pos = 0
    for n in range(1, 100):
        number = ordinal(n).removesuffix("是")
        idx = min((i for i in (marker_at(folded, f"第{number}{p}", pos) for p in ",、") if i >= 0), default=-1)
        if idx < 0:
            break
        found.append((idx, len(number) + 2))
        pos = idx + len(number) + 2
    return found if len(found) >= 2 else []


#: what may stand before a cell's list: a label ("整改措施：")
_LIST_LABEL = LazyPattern(r"^(?:整改|具体|主要)?(?:措施|举措|进展|情况)?\s*:?$")
_LIST_OPENS = re.compile(r"[\s\u3000]*(?:[一二三四五六七八九十\d(（①-⑳⑴-⒇１-９]|整改|具体|主要|措施|举措|进展|情况)")
_ITEM_TRIM = " \t\n\u3000。.;；,，、"


def _run_on(folded: str) -> list[tuple[int, int]]:
    """The markers of a list a clerk ran together with no mark between its items ("（1）修订办法
    （2）安装定位", "一是建立台账二是开展测试"): only when the cell opens with the first marker, each
    next one is taken wherever it stands (not a decimal: "2.5万元")."""
    head = folded.lstrip()
    start = len(folded) - len(head)
    for first, nth in (("(1)", "({})"), ("一是", None), ("1.", "{}."), ("1、", "{}、")):
        if not head.startswith(first):
            continue
        found = [(start, len(first))]
        pos = start + len(first)
        for n in range(2, 100):
            marker = ordinal(n) if nth is None else nth.format(n)
            idx = folded.find(marker, pos)
            while idx > 0 and (folded[idx - 1].isdigit() or folded[idx + len(marker):][:1].isdigit()):
                idx = folded.find(marker, idx + 1)
            if idx < 0:
                break
            found.append((idx, len(marker)))
            pos = idx + len(marker)
        return found
    return []


#: one item's marker opening a cell: "1." "2、" "1）" (not "1.5"), "一、", "（1）", "(一)", "①", "⑴"
_ONE_ITEM = re.compile(r"[ \t\u3000]*(?:\d{1,2}[.．、)）](?![\d０-９])|[一二三四五六七八九十]{1,2}[、.．]"
                       r"|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|[①-⑳⑴-⒇])[ \t\u3000]*")


def item_mark_end(text: str) -> int:
    """Where the text of a cell opening with one item's marker begins ("1.已完成" → 2, "（1）已完成"
    → 3, "①已完成" → 1); 0 when it opens with none."""
    m = _ONE_ITEM.match(text)
    return m.end() if m else 0


def measure_body(text: str) -> str:
    """A measure cell without the number its clerk gave it within its issue ("2.开展“县管校聘”改革"
    → "开展“县管校聘”改革"), for the sheets and letters that number the measure themselves
    (一是, 序号); a cell listing several items ("1.制定规范；2.印制记录本") keeps its marks."""
    end = item_mark_end(text)
    if not end or not text[end:].strip() or enumerated_items(text) is not None:
        return text
    return text[end:]


def enumerated_items(text: str) -> list[str] | None:
    """The items of a cell that lists several things, numbered from its start — "1.制定规范；
    2.印制记录本", "（1）…\n（2）…", "一是…；二是…", "①…②…" — without their markers and the
    marks between them; ``None`` when the cell is no such list (one item, or a list that does
    not open the cell: "召开会议2次，1.5万元…")."""
    if not _LIST_OPENS.match(text):  # nearly every cell: no list (the rule runs on every measure)
        return None
    folded = fold(text).translate(PARENTHESISED)  # ⑴⑵ as ①②
    if len(folded) != len(text):
        return None
    for kind in ("ordinal", "paren", "decimal", "inline"):
        marks = enumeration(folded, kind)  # type: ignore[arg-type]
        if len(marks) >= 2:
            break
    else:
        marks = _run_on(folded)
        if len(marks) < 2:
            return None
    if not _LIST_LABEL.match(folded[:marks[0][0]].strip()):
        return None
    items = []
    for k, (start, length) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        item = " ".join(line.strip(" \t\u3000") for line in text[start + length:end].splitlines())
        items.append(item.strip(_ITEM_TRIM))
    return [item for item in items if item] if sum(1 for i in items if i) >= 2 else None
