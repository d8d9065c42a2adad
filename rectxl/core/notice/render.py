"""Render a ledger as the 整改进展情况的通报 — pure, returns strings / blocks.

One renderer: :func:`notice_blocks` builds the notice as a list of :class:`Block`
``(kind, text)`` paragraphs; plain text, Markdown (:func:`render_notice`) and the .docx writer
(:mod:`rectxl.io.docx_notice`) are all made from those blocks. Every block passes through
:func:`rectxl.core.text.zh_punct`: the notice is published with Chinese full-width punctuation
(，：；（一）) whatever the ledger's cells were typed with.

Section 二 follows the seeds exactly:

- a ledger with categories (seed 000): ``第一方面问题，{aspect}`` / ``（{n}）{category}`` (category
  numbers run on across the notice) / ``{n}.{issue}。一是…。二是…。``;
- a ledger without categories (seed 004): ``（{n}）{aspect}`` / ``{n}.{issue}。…``;
- everything is numbered afresh: aspects 一、二…, categories run on, issues run on across the
  notice when there are categories (seed 000) and restart per aspect when there are none (seed
  004) — unless the ledger itself numbers its issues on across the aspects (1–3, then 4–6: many
  notices do), which the notice then keeps. The ledger's own issue numbers are not printed: a
  numbering mistake in the ledger is a finding (``issue-number-gap``), never published;
- an issue's ``measure_style`` decides ``一是…`` / ``（1）…`` / no marker (``None``: ``一是…`` when
  there is more than one measure).

Each measure is one sentence of what was done and how far it got (:func:`measure_sentence`):

- a ledger read back from a published notice (progress equal to the measure, or a status
  inferred from prose) carries the published sentence itself: it is printed as it is, so the
  seeds round-trip — with the progress the notice gave it, when it gave one apart ("整改措施：…
  整改进展：…"), joined to it as one sentence (which then reads back as the measure's text: a
  second round prints the same);
- a clerk's ledger has a measure and a progress column: the measure is the action, the progress
  the result — ``一是建立学习制度，已印发《…》并执行。``. A leading status word in the progress
  (``已完成。召开专题会2次``) is dropped; a progress that already restates the measure is printed
  alone (``已建立学习制度，每月学习1次``); a progress that is only a status word becomes the
  result (``修订议事规则，已完成。``), never a bare ``一是已完成。``; no progress — the measure
  alone. A progress that is only a date ("已完成（2025年5月20日）" leaves "2025年5月20日") says
  when, not what: the status says how far it got. A progress giving the reason the work is not
  finished ("未完成（原因：…）") is published with the outcome it explains (``…，因…，尚未完成``);
  a result repeating the action's last words loses them only when the rest still says something
  done (``开展内部巡查`` + ``内部巡查已完成`` → ``…，已完成``, but ``交叉检查12个支部`` is kept whole,
  and so is ``交叉评查重点案件86件`` after ``开展重点案件交叉评查``: the action's object and a count
  have no verb of their own); a clause of the action the progress says again is left out of the
  action, but its first, main clause only when one clause of the progress says it, and no clause
  left refers back to it ("对敷衍应付的…"): else the action is kept whole, in its order; a progress
  opening with a clause of the action again in no more words (the same verb, or 修订 for 完善) loses
  that opening (``完善值班制度，…`` + ``修订值班制度，9月以来…`` → ``完善值班制度，…。9月以来…``);
- how far the work got is the **status column's** word, the clerk's statement: a status word in
  the progress cell never says more or less than it (status 正在推进, progress "已完成" →
  ``…，正在推进``; status 已完成, progress "正在推进" → ``…，已完成``); a closure stage still to come
  ("已完成，待验收", "已整改，待销号") is the office's bookkeeping and is not published (``…，已完成``);
  a status word going on in the same cell is joined to it (``…，已完成并长期坚持``,
  ``…，已完成。下一步…``). A measure **counted done** never reads as planned or under way: a
  progress saying what comes next ("拟于12月…", "下一步将…") follows ``…，已完成。``; one saying
  the work is under way or not done ("正在整理…", "尚未…") contradicts the count and is left out;
- a measure the clerk marked 未启动 is written as planned work (``计划于2027年3月底前…`` /
  ``拟…``; the date is always the one the deadline parser computed, said as a month's end or a
  day: "2027年上半年" → ``2027年6月底``, "2027年春节前" → ``2027年2月5日``) until its deadline has
  passed (as of the notice's date): then it is no plan but work not started (``…，尚未启动``, as
  the totals count it); or it is left out with ``omit_not_started=True`` (an issue left without
  measures is left out too);
- in a ledger whose clerk states statuses, a measure with no readable status is printed with its
  progress, or with the placeholder ``【请填写整改进展】`` — never bare, which reads as done;
- what is published of a cell is the cell's text for the public: in simplified characters,
  without pictographs, its column label ("措施7：", "进展：" — a cell "措施：…；进展：…" gives the
  action and its progress), a list mark alone ("一是": no measure), and the clerk's notes to the
  office wherever they stand — pointers to the evidence ("（见附件1）", "详见佐证材料2-1",
  "佐证材料：…"), updates ("（11月更新）"), checks still to make ("（待核实）", "备注：需补充照片"),
  uploads ("材料已上传…平台"), contacts ("联系人：…") and any mobile number.

Section 二 opens with a totals sentence built from the clerk's statuses (``截至…，巡察反馈的…个问题
已完成整改…个……``) unless the ledger's statuses were inferred from a notice or the section's own
introduction already states the totals.

A notice about a 巡视 (a provincial or central round: 基本信息's group "省委第五巡视组", or a
title or preamble that says 巡视) says 巡视 wherever rectxl writes the word — title, preamble,
headings, totals, supervision line, placeholders; the word is decided once, by
:attr:`rectxl.core.model.LedgerInfo.inspection_word`, which the summary sheets and the letters use too.

Whatever 基本信息 lacks becomes a visible placeholder ``【请填写…】``. The notice is signed on the
as-of date when one is given (the date its totals are stated on), else on 基本信息's 报告日期 (its
成文日期 is the same field).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate, compress
from typing import Literal, NamedTuple

from rectxl.core import fields as F
from rectxl.core.deadline import Deadline, DeadlineKind, dated_entries, parse_date
from rectxl.core.model import Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice.totals import (
    ALL_DONE_KEY,
    ALL_DONE_PLACE,
    ASPECT_MARK_KEY,
    CLOSING_KEY,
    DATE_STYLE_KEY,
    INTERLUDE_KEY,
    INTERLUDE_PLACE,
    INVITATION_KEY,
    ISSUE_MARK_KEY,
    MEASURE_LABEL_KEY,
    MEASURE_MARK_KEY,
    PARAGRAPH_MEASURES_KEY,
    PART_ONE_KEY,
    PARTS_KEY,
    PHONE_LABEL_KEY,
    SECTION_TWO_CLOSING_KEY,
    SIGNED_KEY,
    STATUS_FORM_KEY,
    STATUS_ONCE_KEY,
    TABLE_IN_TWO,
    TABLE_KEY,
    TABLE_PLACE_KEY,
    TITLE_ALONE_KEY,
    extract_stated_totals,
    restate_totals,
)
from rectxl.core.numbering import CIRCLED, enumerated_items, names_a_field, names_fields_alike
from rectxl.core.rules.structure import measure_items, status_lines
from rectxl.core.status import STATUS_ALIASES, Status, action_first, read_status, timing_note
from rectxl.core.summary import issue_status, notice_totals_sentence
from rectxl.core.text import (
    END_PUNCT,
    TRAD_TO_SIMP,
    LazyPattern,
    chinese_number,
    cn_date,
    cn_date_range,
    cn_numeral_date,
    fold,
    is_placeholder,
    line_goes_on,
    normalize_text,
    ordinal,
    shorten,
    to_simplified,
    zh_punct,
)

__all__ = [
    "CONTACT_LABELS",
    "DEFAULT_HEADINGS",
    "SUPERVISION",
    "Block",
    "BlockKind",
    "compose_preamble",
    "contact_line",
    "contact_lines",
    "default_title",
    "issue_paragraph",
    "listed_apart",
    "measure_sentence",
    "notice_blocks",
    "placeholder_note",
    "render_blocks",
    "render_notice",
    "render_section_two",
    "restated",
    "section_two_blocks",
    "told_apart_note",
    "told_measures",
    "totals_paragraph",
]

BlockKind = Literal[
    "title",      # 通报标题
    "heading1",   # 一、二、三、
    "aspect",     # 第一方面问题，… (ledgers with categories)
    "heading2",   # （一）… on a line of its own: a category, or an aspect when there are none
    "lead",       # （一）xxx。followed by text in the same paragraph (run-in heading)
    "issue",      # 1.问题。一是…二是…
    "row",        # a row of a table the notice printed (its counts by aspect): cells separated by tabs
    "body",       # any other paragraph (preamble, section text)
    "closing",    # supervision sentence, contact details
    "signature",  # 落款
    "date",       # 成文日期
]


class Block(NamedTuple):
    """One paragraph of the notice: what it is, and its text."""

    kind: BlockKind
    text: str


#: the headings and the supervision line of a 巡察 notice; a 巡视 notice says 巡视 in them
#: (:func:`_worded`, the word from :attr:`~rectxl.core.model.LedgerInfo.inspection_word`)
DEFAULT_HEADINGS = ("整改工作组织领导情况", "巡察反馈问题整改落实情况", "下一步工作打算")
SUPERVISION = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"


def _worded(text: str, word: str) -> str:
    """One of rectxl's own sentences about the round (written with 巡察) in ``word``."""
    return text if word == "巡察" else text.replace("巡察", word)

_PAREN_CN = re.compile(r"^\(\s*[零一二三四五六七八九十百]+\s*\)")
_CN = "零一二三四五六七八九十百"
# numbering a clerk typed in front of a measure or an issue: 一是 / (1) / 1. / 1、 / ① / (一) / 一、
# / a measure numbered under its issue, 1.1 / 1-2 / 2.1. / 2.3、 (not an amount or a span of
# months: "2.5万元…", "3-5月…")
_LEADING_MARK = re.compile(
    rf"^(?:[一二三四五六七八九十]+是|\(\d{{1,2}}\)|\d{{1,2}}[.、](?!\d)|[①-⑳]"
    rf"|\d{{1,2}}(?:[.\-]\d{{1,3}}){{1,2}}(?!\d)[.、]?(?![.\d万亿元%倍个项年月日号天次人家条名份户件])"
    rf"|\([{_CN}]{{1,3}}\)|[{_CN}]{{1,3}}、)\s*")
# numbering in front of an aspect: 第一方面(问题)[，：] / 一、 / (一)
_ASPECT_MARK = re.compile(
    rf"^(?:第[{_CN}\d]{{1,3}}(?:个|大)?方面(?:问题)?\s*[,:、]?|[{_CN}]{{1,3}}、|\([{_CN}]{{1,3}}\)"
    rf"|\d{{1,2}}[.、](?!\d))\s*")


def _placeholder(what: str) -> str:
    return f"【请填写{what}】"


#: a placeholder in a notice as written (:func:`_placeholder`; also found in a .docx's XML, whose
#: runs keep each placeholder whole)
_PLACEHOLDER_WRITTEN = re.compile(r"【请填写([^】<]{0,40})】")


def placeholder_note(text: str) -> str | None:
    """What a notice as written (``text``) still asks to be filled in, said for the clerk before it
    is published — "通报中还有3处【请填写…】（巡察起止日期、巡察组、联系电话）…"; ``None`` when none is left."""
    found = [m.group(1) or "数字" for m in _PLACEHOLDER_WRITTEN.finditer(text)]
    if not found:
        return None
    names = list(dict.fromkeys(found))
    shown = "、".join(names[:6]) + ("等" if len(names) > 6 else "")
    return (f"通报中还有{len(found)}处【请填写…】（{shown}），发布前请补上：可在台账“基本信息”表中填写后"
            "重新生成，或在通报中直接填写")


def _end(text: str) -> str:
    return text if text and text[-1] in END_PUNCT else f"{text}。"


#: marks a clerk's sentence ends with that do not end a sentence of a notice ("…18.6万元，")
_OPEN_END = re.compile(r"[，,、]+$")  # (a "；" between 一是…；二是… is the notice's own style)
#: a mark doubled, or a clause mark before the full stop ("…23处。。", "…，。")
_DOUBLED = re.compile(r"([。！？])[。.．]+|[，,、]+(?=[。！？])")


#: what :data:`_DOUBLED` needs: two of its marks side by side
_MAYBE_DOUBLED_END = re.compile(r"[。！？，,、][。.．！？]")


def _sentence(text: str) -> str:
    """A measure's sentence ended as a notice ends it: one full stop, never after a comma."""
    text = text.rstrip("，,、") if text[-1:] != "\n" else _OPEN_END.sub("", text)
    if _MAYBE_DOUBLED_END.search(text):  # (a scan for one character first: most sentences have none)
        text = _DOUBLED.sub(r"\1", text)
    return _end(text)


def _one_paragraph(value: str) -> str:
    """Cell text as one paragraph: lines joined (with "；" where a line has no end mark)."""
    text = normalize_text(value)
    if "\n" not in text:  # one line (nearly every cell): that line, stripped
        return text.strip()
    parts = [p for p in text.split("\n") if p.strip()]
    out = ""
    for part in parts:
        part = part.strip()
        # a line that opens with a bracket ("（分两批推进）") says more of the line before it, and
        # a line ending in an opening bracket goes on: no "；" between them; nor does a phrase the
        # cell's width wrapped ("学习贯彻上级精神\n不及时", "…对\n辖区…": a tail of a few
        # characters, or a line ending where no phrase can)
        if out and out[-1] not in END_PUNCT and part[0] not in _OPENING and out[-1] not in _OPENING \
                and not _wrapped(out, part):
            out += "；"
        out += part
    return out


_OPENING = "（(【[〔《“"


def _wrapped(before: str, line: str) -> bool:
    """``line`` goes on with the phrase ``before`` ends with: a tail of a few characters ("不及时")
    that opens no item, or ``before`` ending on a word no phrase ends with ("…的", "…对")."""
    if _MARK_START.match(fold(line[:1])) and _LEADING_MARK.match(fold(line)):
        return False
    tail = line.rstrip(_TRIM)
    return (len(tail) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in tail)) or before[-1] in _GOES_ON_WITH \
        or line_goes_on(re.split(r"[；;。]", before)[-1])  # "…并", "组织全员" (who is set to the work below)


#: the last character of a line whose phrase goes on on the next ("…的", "…对", "…和")
_GOES_ON_WITH = frozenset("的和与及或跟对把将被给向于从")


#: the characters a mark of :data:`_LEADING_MARK` or :data:`_ASPECT_MARK` can open with (folded)
_MARK_START = re.compile(rf"[{_CN}第(\d①-⑳]")


def _strip_mark(pattern: re.Pattern[str], text: str) -> str:
    # Folding the whole text only to look at its opening is most of the cost of a measure with
    # no mark (nearly all of them): a text whose first character cannot open a mark is returned
    # as it is (``pattern`` is one of the two patterns above, see _MARK_START).
    # Every mark in front goes ("一、1.…" typed over a numbered title): what is written is then
    # what a reader of the notice gets back, and writing it again changes nothing. A text that is
    # only a mark keeps its last one.
    while _MARK_START.match(fold(text[:1])):
        m = pattern.match(fold(text))
        if not m or m.end() >= len(text):
            break
        text = text[m.end():]
    return text


#: pictographs and their joiners ("已检查凭证600份😀", "✅已完成"): never part of a published sentence
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\U000E0000-\U000E007F"
#: the bullets a clerk types in front of a measure ("●制定…", "▲建立…"): never published (not ○ or
#: □, which stand for a zero and a character left out)
_BULLETS = "●■◆◇▲△▶►•◎※▪◉"
#: what :func:`_from_cell` changes, looked for in one pass (nearly every cell has none of it)
_NOT_AS_PUBLISHED = LazyPattern(
    "[" + _EMOJI + _BULLETS + "".join(sorted({chr(c) for c in TRAD_TO_SIMP} - {"-", "]", "\\", "^"})) + "]")
_EMOJI_RUN = LazyPattern(f"[{_EMOJI}{_BULLETS}]+\\s*")


def _from_cell(raw: str) -> str:
    """A cell's text as the notice may publish it: traditional characters in simplified ones
    (檔案 → 档案; a notice is published in simplified characters whatever the clerk typed) and
    without pictographs or bullets. For the texts taken from cells only, never for rectxl's own
    wording. A figure the clerk left to fill in ("培训XX次", "2025年X月", "××人") is a placeholder the
    notice shows as one (【请填写】, highlighted in Word), never printed as if it were a figure."""
    if ("X" in raw or "x" in raw or "×" in raw or "*" in raw or "＊" in raw) and _UNFILLED.search(raw):
        raw = _UNFILLED.sub(_FILL_IN, raw)
    if _NOT_AS_PUBLISHED.search(raw) is None:
        return raw
    return _EMOJI_RUN.sub("", to_simplified(raw))


#: a figure left to fill in: two or more X/×/* ("XX次", "××人"), or one before a unit ("X月", "X次")
#: — not a letter of a word ("X光", "OA系统") nor a multiplication sign between numbers ("3×4")
_UNFILLED = LazyPattern(
    r"(?<![A-Za-z0-9])(?:[Xx]{2,}|[×＊*]{2,}|[Xx×](?=[年月日号次人个项件名家条份期场户万元]))(?![A-Za-z0-9])")
_FILL_IN = "【请填写】"


#: a column's label typed in front of a measure or its progress: "措施7：", "举措1:", "任务：",
#: "整改进展：" (the 问题N： of an issue is the reader's; these are the notice's to strip)
_LABEL = re.compile(
    r"(?:整改|具体)?(?:措施|举措|任务|进展|进度|完成情况|落实情况)(?:情况)?\s*"
    r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})?\s*[:：]\s*")
_LABEL_FIRST = frozenset("整具措举任进完落")
#: the progress's own label inside a measure's cell ("措施：…；进展：…"): the rest is its progress
_PROGRESS_LABEL = LazyPattern(
    r"[。；;，,\s]*(?:整改)?(?:进展|进度|完成情况|落实情况|整改情况)(?:情况)?\s*[:：]\s*")


def _strip_label(text: str) -> str:
    """``text`` without the column label typed in front of it ("措施7：完善…" → "完善…")."""
    while text[:1] in _LABEL_FIRST and (m := _LABEL.match(text)) is not None and m.end() < len(text):
        text = _strip_mark(_LEADING_MARK, text[m.end():])
    return text


def _only_mark(text: str) -> bool:
    """``text`` is only a list mark ("一是", "（1）", "2."): no measure is said in it."""
    if not text or not _MARK_START.match(fold(text[:1])):
        return False
    core = text.rstrip(_TRIM)
    if len(core) <= 3 and all(c in _CN for c in core):
        return True  # "一、", "二.": a numeral with its mark, and nothing numbered
    m = _LEADING_MARK.match(fold(core))
    return m is not None and m.end() >= len(core)


def _measure_text(raw: str) -> str:
    """A measure (or progress) cell as the notice says it: its own numbering gone — a cell that
    lists several things ("1.制定规范；2.印制记录本") says them as one sentence, "；" between; its
    column label gone ("措施7：…"); a cell that is only a list mark ("一是") says nothing."""
    raw = _from_cell(raw)
    if items := enumerated_items(raw):
        return normalize_text("；".join(items))
    text = _strip_label(_strip_mark(_LEADING_MARK, _one_paragraph(raw)))
    return "" if _only_mark(text) else text


# ---------------------------------------------------------------------------
# One measure: what was done and how far it got
# ---------------------------------------------------------------------------

#: status words a progress cell may open with ("已完成。召开专题会2次"), longest first
_STATUS_WORDS = sorted(((fold(alias), status) for status, alias, _ in STATUS_ALIASES
                        if len(alias) >= 2), key=lambda x: -len(x[0]))
#: the same words by their first character (same order): a cell is compared with the few words
#: that can open it, not with every word
_STATUS_WORDS_BY_FIRST: dict[str, list[tuple[str, Status]]] = {
    first: [(w, st) for w, st in _STATUS_WORDS if w[0] == first]
    for first in dict.fromkeys(w[0] for w, _ in _STATUS_WORDS)}
#: how much of a cell :func:`_split_status_word` looks at: a bracket, the longest word, a closing
#: bracket and the separator after it
_STATUS_HEAD = max(len(w) for w, _ in _STATUS_WORDS) + 3
_OPEN_BRACKETS = "【[(〔「"
_CLOSE_BRACKETS = "】])〕」"
_SEPARATORS = "。.,，;；:：、!！ \n"
_GOES_ON = ("并", "且", "但", "同时", "后续", "下一步")
#: the result a status word stands for, when the progress cell says nothing else
_RESULT = {
    Status.DONE: "已完成",
    Status.MOSTLY_DONE: "已基本完成",
    Status.IN_PROGRESS: "正在推进",
    Status.LONG_TERM: "长期坚持",
}
#: the words an office says work kept up for the long term with, as published ("完善…建设，持续
#: 推进"): its own word is printed, not 长期坚持 (常态化推进 is no 长期坚持 of a thing never finished)
_LONG_TERM_WORDS = frozenset(("长期坚持", "持续推进", "常态化推进", "长期推进", "持续整改", "长期执行",
                              "持续坚持", "长期整改", "常态化开展", "持续开展", "常态长效推进"))


#: a sentence already saying the work is kept up ("下一步将常态化开展", "长期坚持")
_KEPT_UP = LazyPattern(r"长期|持续|常态|长效|久久为功|坚持不懈")
#: a progress saying part of the work is still under way ("剩余2家正在施工", "其余3个尚未完工")
_STILL_UNDER_WAY = LazyPattern(r"正在|尚未|仍未|未完成|推进中|进行中|剩余|其余|尚有|还有")


def _long_term_word(status_text: str) -> str:
    """How the office said the work is kept up ("持续推进中" → "持续推进"), when it said it in one
    of :data:`_LONG_TERM_WORDS`; else "长期坚持"."""
    said = _from_cell(status_text).strip().strip(_SEPARATORS).removesuffix("中")
    return said if said in _LONG_TERM_WORDS else _RESULT[Status.LONG_TERM]


def _partly_done_word(status_text: str) -> str:
    """How the office said work was done in part ("阶段性完成", "取得阶段性成效"), when its words
    read as 基本完成 and nothing else; else "已基本完成"."""
    said = _from_cell(status_text).strip().strip(_SEPARATORS)
    reading = read_status(said) if said else None
    if reading is not None and reading.status is Status.MOSTLY_DONE and not reading.rest \
            and said != Status.MOSTLY_DONE.value and _WORDED.search(said):
        return said
    return _RESULT[Status.MOSTLY_DONE]  # (a share alone, "80%" or 0.8, is no word to publish)


#: a status said in words, not a bare share of a 整改进度（%） column ("80%", "0.8")
_WORDED = LazyPattern(r"[\u4e00-\u9fff]")


def _going_on_word(status_text: str) -> str:
    """How the office said work is going on when its word says more than 正在推进 — done in part
    ("部分完成", "部分整改到位"): published as written; else "正在推进"."""
    said = _from_cell(status_text).strip().strip(_SEPARATORS)
    return said if _PART_DONE_WORD.fullmatch(said) else _RESULT[Status.IN_PROGRESS]


#: work done in part, said in a few words ("部分完成", "部分整改", "部分已整改到位")
_PART_DONE_WORD = LazyPattern(r"部分(?:已)?(?:完成|整改|落实|办结)(?:到位)?")
#: a status of work deferred or paused (read as in progress: not finished)
_PAUSED = LazyPattern(r"(?:经批准|已批准|经同意)?(?:暂缓|暂停|中止)(?:整改|实施|推进|办理|执行|处理)?")
_ONGOING = re.compile(r"(?:正在)?((?![已正])[\u4e00-\u9fff]{2,6}?)中")  # 起草中 → 正在起草
#: a plan in words ("拟…", "计划…"); not 拟定/拟制/拟订, which are verbs of their own (拟定于 is a plan)
_PLANNED = re.compile(r"^(?:拟(?![制订]|定(?!于))|计划|将于|将在|准备|预计|下一步)")
#: what a key drops, on the text as typed: all but ASCII letters and digits, CJK, the full-width
#: letters and digits (which fold to ASCII ones), and the clause separators (see _key_parts)
_KEY_DROP_BUT_SEP = re.compile(
    r"[^0-9A-Za-z\u3400-\u9fff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a，,；;]+")
_KEY_SEP = re.compile(r"[，,；;]")
_FULL_WIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_KEY_LEAD = re.compile(r"^(?:目前已?|现已|均已|已经|已)")
_KEY_LEAD_FIRST = "目现均已"  # what _KEY_LEAD's words open with


def _split_status_word(text: str) -> tuple[Status | None, str]:
    """``"已完成。召开专题会2次"`` → (已完成, ``"召开专题会2次"``); ``"已完成"`` → (已完成, "");
    text that does not open with a status word → (None, text)."""
    s = text.strip()
    folded = fold(s[:_STATUS_HEAD])  # only the opening is read (indices below _STATUS_HEAD)
    lead = 1 if folded[:1] in _OPEN_BRACKETS else 0
    for word, status in _STATUS_WORDS_BY_FIRST.get(folded[lead:lead + 1], ()):
        if not folded.startswith(word, lead):
            continue
        cut = lead + len(word)
        if lead and cut < len(s) and folded[cut] in _CLOSE_BRACKETS:
            cut += 1
        elif lead:
            continue
        if cut == len(s) or folded[cut] in _SEPARATORS or (lead and cut > len(word) + lead):
            rest = s[cut:].lstrip(_SEPARATORS)
            if rest.startswith(_GOES_ON):  # "已完成，并长期坚持": the word is part of the result
                return status, s.lstrip(_OPEN_BRACKETS)
            return status, rest
    return None, text


@lru_cache(maxsize=1024)
def _key(text: str) -> str:
    """``text`` folded, without anything but letters, digits and CJK, without a leading 已/现已.

    Cached: a measure's progress is compared with each clause of its text, so the same text is
    keyed many times over (pure function of ``text``)."""
    whole = _key_parts(text)[1]
    return whole[_lead(whole):]


@lru_cache(maxsize=1024)
def _key_parts(text: str) -> tuple[tuple[str, ...], str]:
    """``text``'s key before a leading 已 is stripped, split at the clause separators (one part
    per clause of ``_CLAUSE_SEP.split(text)``), and whole.

    The characters are dropped before folding, and only what is left is folded (when it has any
    full-width letter or digit): the same as folding first, since folding changes only
    full-width forms, one for one, and of those only letters, digits and the separators "，"
    and "；" are kept (folded to "," and ";", still separators). Cached: a measure's text is keyed
    whole (:func:`_from_notice`) and then by clause (:class:`_ActionKey`)."""
    kept = _KEY_DROP_BUT_SEP.sub("", text)
    if _FULL_WIDTH_ALNUM.search(kept):
        kept = fold(kept)
    parts = tuple(_KEY_SEP.split(kept))
    return parts, "".join(parts)


def _lead(kept: str) -> int:
    """How many characters :func:`_key` strips from the front of ``kept`` (已, 现已, 目前已…)."""
    if kept[:1] not in _KEY_LEAD_FIRST:
        return 0
    m = _KEY_LEAD.match(kept)
    return m.end() if m else 0


@lru_cache(maxsize=64)
def _pairs(text: str) -> tuple[int, ...]:
    """``text``'s character pairs in order, ``text[i]`` and ``text[i + 1]`` as one number: their
    code points side by side in 64 bits (the same number, the same pair).

    Read in C from the text's UTF-32 bytes, 8 at a time, once from the first character and once
    from the second: about a third of the cost of making each pair a 2-character string (the
    pairs are a large part of a measure's cost). Cached: a key's pairs are counted against one
    text and then made a set to count another text's pairs against (:func:`_combine` goes both
    ways)."""
    n = len(text)
    if n < 2:
        return ()
    raw = memoryview(text.encode("utf-32-le", "surrogatepass"))
    pairs = [0] * (n - 1)
    pairs[0::2] = raw[:n // 2 * 8].cast("Q").tolist()  # (0, 1), (2, 3), …
    pairs[1::2] = raw[4:4 + (n - 1) // 2 * 8].cast("Q").tolist()  # (1, 2), (3, 4), …
    return tuple(pairs)


@lru_cache(maxsize=32)  # the repeats are within one measure; a pair set is large
def _pairs_in(b: str) -> frozenset[int]:
    """The character pairs occurring in ``b`` (cached for the same reason as :func:`_key`)."""
    return frozenset(_pairs(b))


def _coverage(a: str, b: str) -> float:
    """Share of ``a``'s character pairs that also occur in ``b``."""
    if len(a) < 2:  # no pairs
        return 1.0 if a and a in b else 0.0
    # counted in C (the measure's hot loop): the same count and the same division as a loop
    return sum(map(_pairs_in(b).__contains__, _pairs(a))) / (len(a) - 1)


_CLAUSE_SEP = re.compile(r"([，,；;])")
_TRIM = "。.;；,，、 ：:"
_SEVERAL = re.compile(r"[。；;，,!！?？]")  # marks of an action running over several clauses


def _join(action: str, result: str, separator: str | None = None) -> str:
    """The measure (the action) and its progress (the result) as one sentence: joined by "，",
    or by "。" when either already runs over several clauses."""
    core = action.rstrip(_TRIM)
    result = result.lstrip(_TRIM)
    if separator is None:
        several = _SEVERAL.search(core) or "。" in result.rstrip(_TRIM)
        # a result opening with a word or two of how far it got ("已完成。下一步…") ends the
        # measure's sentence, not one of its own
        separator = "。" if several and len(_FIRST_CLAUSE.split(result, maxsplit=1)[0]) > 4 else "，"
    return f"{core}{separator}{result}"


def _restated_key(p: str, w: str, threshold: float) -> bool:
    """:func:`_restated` on keys."""
    return bool(p) and (p in w or _coverage(p, w) >= threshold)


def _restated(part: str, whole: str, threshold: float) -> bool:
    """``part`` is said again in ``whole`` (the same words, or nearly all of its word pairs)."""
    return _restated_key(_key(part), _key(whole), threshold)


class _ActionKey:
    """An action's key, its clauses' keys, and which of its character pairs occur in the
    result's key ``w``: what :func:`_restated` works out for the action and then again for each
    of its clauses against the same result, made in one pass over the action (keyed once with
    the clause separators kept, then split into the clauses' keys; its pairs looked up once).
    The numbers compared are the same as :func:`_restated`'s, so are the decisions."""

    def __init__(self, action: str, w: str) -> None:
        #: one per clause of ``_CLAUSE_SEP.split(action)``, before a leading 已 is stripped
        self.parts, self.whole = _key_parts(action)
        self.start = _lead(self.whole)
        self.key = self.whole[self.start:]  # == _key(action)
        self.w = w
        self.pairs = _pairs(self.whole)
        #: hits[j]: the pair whole[j] + whole[j + 1] occurs in w
        self.hits = list(map(_pairs_in(w).__contains__, self.pairs))

    def _restated(self, start: int, stop: int, threshold: float) -> bool:
        """``_restated_key(whole[start:stop], w, threshold)``, the pairs counted from ``hits``."""
        p = self.whole[start:stop]
        if not p:
            return False
        if p in self.w:
            return True
        coverage = 0.0 if len(p) < 2 else sum(self.hits[start:stop - 1]) / (len(p) - 1)
        return coverage >= threshold

    def restated(self, threshold: float) -> bool:
        """``_restated(action, result, threshold)``."""
        return self._restated(self.start, len(self.whole), threshold)

    def result_restated(self, threshold: float) -> bool:
        """``_restated_key(w, key, threshold)``: the result said again in the action. The pairs
        of ``w`` that occur in the action's key are those among the key's pairs found in ``w``
        (``hits``): a small set, where :func:`_coverage` would make one of all the key's pairs."""
        w = self.w
        if not w:
            return False
        if w in self.key:
            return True
        if len(w) < 2:
            return False  # _coverage: 0.0, w being no part of the key
        found = frozenset(compress(self.pairs[self.start:], self.hits[self.start:]))
        return sum(map(found.__contains__, _pairs(w))) / (len(w) - 1) >= threshold

    def clauses_restated(self, threshold: float) -> list[bool]:
        """``_restated(clause, result, threshold)`` for each clause of the action.

        A clause key of two characters or more that occurs in ``w`` has all its pairs there
        (coverage 1.0), so the coverage alone decides: counted from running sums of ``hits``."""
        counted = [0, *accumulate(self.hits)]  # counted[j]: hits among the first j pairs
        whole, w = self.whole, self.w
        out = []
        stop = 0
        for part in self.parts:
            start, stop = stop + _lead(part), stop + len(part)
            if stop - start >= 2:
                out.append((counted[stop - 1] - counted[start]) / (stop - start - 1) >= threshold)
            else:
                out.append(stop - start == 1 and whole[start] in w)
        return out


def _drop_restated_clauses(action: str, keys: _ActionKey, said: list[bool] | None = None) -> str:
    """The action without the clauses the result says again ("统一印制记录本" when the result
    is "统一印制记录本120本，已发放"); ``keys`` is the action's :class:`_ActionKey`, ``said`` which
    clauses are left out when decided already (:func:`_compose`)."""
    pieces = _CLAUSE_SEP.split(action)
    clauses = [(pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "")
               for i in range(0, len(pieces), 2)]
    if len(clauses) < 2:
        return action
    if said is None:
        said = keys.clauses_restated(0.8)
    kept = [clause for clause, again in zip(clauses, said, strict=True) if not again]
    return "".join(c + sep for c, sep in kept).rstrip(_TRIM)


#: what is left of a result after the action's last words, when it is only a count ("12个支部",
#: "5人次", "事项42项，…"): nothing done is said in it (a place, a time or a deadline — "在3个乡镇",
#: "于5月", "已…" — opens a clause that says something done, and does not count)
_ONLY_COUNT = re.compile(
    r"(?![已于在至截])[\u4e00-\u9fff]{0,3}?(?:\d|[一二三四五六七八九十两]+[个项次份家条件名人场期批轮宗处])")


def _trim_overlap(action: str, result: str) -> str:
    """"开展内部巡查" + "内部巡查已完成，…" → "已完成，…" (the result opening with the action's
    last words).

    Not when what is left is only a count (:data:`_ONLY_COUNT`): the overlap is then the
    result's own verb or subject — "开展支部记录本交叉检查" + "交叉检查12个支部", "开展回头看" +
    "回头看事项42项，…" — and cutting it would publish "12个支部", a number with nothing done
    to it; the result is kept whole, as a result that shares no words with the action is."""
    core = action.rstrip(_TRIM)
    for k in range(min(len(core), len(result) - 1, 12), 2, -1):
        if core.endswith(result[:k]):
            rest = result[k:].lstrip(_TRIM)
            if rest and (_ONLY_COUNT.match(fold(rest[:8])) or _object_counted(core, rest)
                         or rest[0] in _STILL_THE_PHRASE):
                return result
            return rest or result
    return result


#: what continues the overlap's phrase rather than opening a clause of its own ("集中执行行动中执结案件
#: 318件": "中" is "during" the action; "…的", "…期间")
_STILL_THE_PHRASE = frozenset("中的之里内后前时期间上下以")


#: a clause that is only a thing and its count: the thing (group 1), a number, a measure word
#: ("重点案件86件", "问题线索十二条", "检察官5人次")
_NOUN_COUNT = LazyPattern(r"([^\d]*?)(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)[\u4e00-\u9fff]{0,3}")


def _object_counted(core: str, rest: str) -> bool:
    """``rest``'s first clause is only the action's object and its count: "重点案件86件" left of
    "交叉评查重点案件86件" after "开展重点案件交叉评查" — the result's verb was the overlap, and
    what is left has no verb of its own (a place, a time or 已… opens a clause that says
    something done)."""
    clause = _CLAUSES.split(rest, maxsplit=1)[0]
    m = _NOUN_COUNT.fullmatch(clause)
    if m is None:
        return False
    thing = m.group(1)
    return thing[:1] not in "已于在至截" and len(_key(thing)) >= 2 and _restated(thing, core, 0.8)


def _combine(action: str, result: str, status: Status | None) -> str:
    """The action and its result as one sentence, each clause of the action the result says again
    left out (:func:`_compose` decides first whether that may be done)."""
    keys = _ActionKey(action, _key(result))
    if keys.restated(0.7):  # _restated(action, result, 0.7)
        return result  # the progress already says what was done
    return _combine_clauses(action, result, status, keys)


def _combine_clauses(action: str, result: str, status: Status | None, keys: _ActionKey,
                     said: list[bool] | None = None) -> str:
    """:func:`_combine` of an action the result does not say again as a whole (``keys``: its
    :class:`_ActionKey`; ``said``: which of its clauses the result says again, when known)."""
    w = keys.w
    shorter = _drop_restated_clauses(action, keys, said)
    if not shorter:
        return result
    # _restated(result, action, 0.8) on the shorter action; with every clause kept it lost at
    # most trailing punctuation, so its key is the same
    if shorter == action or shorter == action.rstrip(_TRIM):
        again = keys.result_restated(0.8)
    else:
        again = _restated_key(w, _key(shorter), 0.8)
    if not again and (turned := action_first(result)) is not None:
        # "问题线索已移交" for "将问题线索移交县纪委监委": the thing, then the action done to it —
        # the action said again the other way round, not news after it
        again = _restated_key(_key(turned), _key(shorter), 0.8)
    action = shorter
    if again:
        phrase = _RESULT.get(status) if status else None
        return _join(action, phrase, "，") if phrase else action
    if not _CLAUSE_SEP.search(action):
        first = _CLAUSE_SEP.split(result, maxsplit=1)[0]
        if len(_key(first)) >= 4 and _restated(first, action, 0.8):
            return result  # "已在政务服务网公开办事指南，…" for "编制办事指南并在政务服务网公开"
    return _join(action, _trim_overlap(action, result))


#: verbs saying the same of a rule or a mechanism ("完善…制度" / "修订…制度"): a result's clause
#: opening with one of them says again an action's clause opening with another, on the same object
_REVISE = frozenset(("完善", "健全", "修订", "修改", "修正"))
_REVISE_CHARS = frozenset(w[0] for w in _REVISE)


def _same_verb(a: str, b: str) -> bool:
    return a == b or (a in _REVISE and b in _REVISE)


def _said_in(clause: str, heads: list[str]) -> bool:
    """``clause`` (a key) is one of the action's clauses (their keys, ``heads``) said again: the
    same verb (its first two characters, or one of :data:`_REVISE` for another) done to the same
    object or to part of it ("学习落实台账" of "“第一议题”学习落实台账"): nothing the action does not
    say. A clause with a number in it counts something and is news."""
    if len(clause) < 6 or any(c.isdigit() for c in clause):
        return False
    verb, thing = clause[:2], clause[2:]
    return any(_same_verb(verb, h[:2]) and thing in h[2:] for h in heads)


def _restating_lead(heads: list[str], result: str) -> int:
    """How much of ``result`` opens with the action's clauses said again (:func:`_said_in`;
    ``heads``: the kept clauses' keys): "建立季度通报机制，" of "建立季度通报机制，第三季度通报…"
    for the action "建立班子成员研讨材料季度通报机制，对敷衍应付的进行约谈提醒". Never all of it."""
    pieces = _CLAUSES.split(result)
    cut = 0
    for i in range(0, len(pieces) - 2, 2):
        if not _said_in(_key(pieces[i]), heads):
            break
        cut += len(pieces[i]) + len(pieces[i + 1])
    rest = result[cut:].lstrip(_TRIM)
    if not rest.rstrip(_TRIM) or _FUTURE.match(rest) or _UNDERWAY.match(rest):
        return 0  # what is left would say what is still to come, not what was done
    return cut


def _compose(action: str, result: str, status: Status | None) -> str:
    """The action and its result as one sentence (:func:`_combine`), the action's main clause kept
    unless the result says it again in one place.

    :func:`_combine` leaves out each clause of the action the result says again. Its first, main
    clause only when one clause of the result says it again (then the result, read after the rest
    of the action, says it: "细化阅核事项，经审委会通过修订后的《…清单》，…" for "修订《…清单》，细化
    阅核事项") and what follows it does not refer to it (:data:`_HEADLESS`): a main clause said only
    in bits over the result ("建立班子成员研讨材料质量季度通报机制" for "建立季度通报机制，第三季度
    通报研讨材料质量情况1次，对2名…班子成员…") is kept — left out, the action would be said
    after its result, and "对敷衍应付的进行约谈提醒" would have nothing to refer to.

    What the result opens with that only says a kept clause again is taken from the result
    (:func:`_restating_lead`: "已建立季度通报机制", or "修订…制度" for "完善…制度"). An action of one
    clause, or one the result says again as a whole, is :func:`_combine`'s to decide."""
    keys = _ActionKey(action, _key(result))
    if keys.restated(0.7):
        return result  # the progress already says what was done
    if len(keys.parts) < 2:
        return _combine_clauses(action, result, status, keys)
    said = keys.clauses_restated(0.8)
    if all(said):
        return result  # each clause said again: the result alone
    verb = keys.w[:2]  # the result's first words (a verb, when it opens with one)
    main_kept = False
    if said[0]:
        main = keys.parts[0][_lead(keys.parts[0]):]
        # kept when the result opens with it in no more words (taken from the result instead),
        # or says it only in bits; left out when one clause of the result says it, and more
        main_kept = (_same_verb(verb, main[:2]) and _restating_lead([main], result) > 0) \
            or not _said_in_one(main, result, "" if said[1] else action)
        said[0] = not main_kept
    whole = said[0] and status in _NOT_DONE
    if whole:
        # work not finished whose result says its first clause only ("1.建立作业公示制度 2.每月开展
        # 作业抽查" + "作业公示制度已建立"): left out, the clauses kept would lead and read as done
        # with it ("每月开展作业抽查，作业公示制度已建立") — the action is kept whole, in its order
        said = [False] * len(said)
    cut = 0
    if len(verb) == 2 and (verb in keys.whole or (verb in _REVISE and not _REVISE_CHARS.isdisjoint(keys.whole))):
        # (the result's first words are in the action at all: one pass in C, before the clauses)
        heads = [p[_lead(p):] for p, again in zip(keys.parts, said, strict=True) if not again]
        if any(_same_verb(verb, h[:2]) for h in heads):
            cut = _restating_lead(heads, result)
    if not cut and not main_kept:
        if whole:
            return _join(action, _trim_overlap(action, result))
        return _combine_clauses(action, result, status, keys, said)
    action = _drop_restated_clauses(action, keys, said)
    result = result[cut:].lstrip(_TRIM)
    if not any(c.isdigit() for c in result) and _restated(result, action, 0.8):
        phrase = _RESULT.get(status) if status else None  # (a count in the result is news)
        return _join(action, phrase, "，") if phrase else action
    return _join(action, _trim_overlap(action, result))


#: statuses of work not (wholly) done: a result saying part of it done does not stand for the rest
#: (:func:`_compose`)
_NOT_DONE = frozenset((Status.IN_PROGRESS, Status.MOSTLY_DONE, Status.NOT_STARTED))




#: a clause whose object is a 的 phrase without its noun ("对敷衍应付的进行约谈提醒"): the noun is in
#: the clause before it
_HEADLESS = LazyPattern(r"的(?:进行|予以|给予|一律|严肃|及时|要|将|按|由|须|必须|坚决|依规|依纪|依法)")


def _said_in_one(main: str, result: str, action: str) -> bool:
    """The action's first clause (its key, ``main``) is said again by one clause of ``result``,
    and the clause after it in ``action`` (``""`` when that is left out too) does not refer to
    it (:data:`_HEADLESS`)."""
    after = _CLAUSE_SEP.split(action, maxsplit=2)
    if len(after) > 2 and _HEADLESS.search(_CLAUSE_SEP.split(after[2], maxsplit=1)[0]):
        return False
    pieces = _CLAUSES.split(result)
    return any(_restated_key(main, _key(pieces[i]), 0.8) for i in range(0, len(pieces), 2))


#: a deadline written as a year only ("2027年", "2027年底前"): due at the year's end, said "2027年底"
_YEAR_ONLY = LazyPattern(r"(?:延期至|调整至)?(\d{4})年(?:底|末|内|以内)?(?:前|之前|以前|完成|前完成)?")
#: a deadline written down to the day ("2027年6月30日", "2027.6.30"): said as that day
_HAS_DAY = LazyPattern(r"日|\d[./-]\d{1,2}[./-]\d")


def _when(deadline: Deadline, as_of: date | None) -> str | None:
    """The deadline a planned measure is published with ("计划于{…}前"): always the date the
    deadline parser computed (``deadline.due``), said as a reader says it — "2027年底" for a
    year, "2027年3月底" for the end of a month ("2027年3月", "2027年第一季度", "2027年1-3月"),
    the day itself otherwise ("2027年2月5日" for "2027年春节前"). ``None`` when it has no date
    or the date has passed."""
    due = deadline.due
    if due is None or deadline.kind not in (DeadlineKind.DATE, DeadlineKind.DATE_AND_LONG_TERM):
        return None
    if as_of is not None and due < as_of:
        return None
    text = fold(deadline.text).replace(" ", "")
    if (year := _YEAR_ONLY.fullmatch(text)) is not None and due == date(int(year.group(1)), 12, 31):
        return f"{due.year}年底"
    if (due + timedelta(days=1)).day == 1 and not _HAS_DAY.search(text):
        return f"{due.year}年{due.month}月底"
    return cn_date(due)


def _planned(action: str, deadline: Deadline, as_of: date | None) -> str:
    core = action.rstrip("。.;；,，、 ")
    if _PLANNED.match(core):
        return core
    when = _when(deadline, as_of)
    if when and _OWN_DUE.search(core):
        # "逐案落实包案领导，2026年12月31日前化解": the measure says when itself — "计划于…前" before
        # it would give a second, other date
        return f"拟{core}"
    return f"计划于{when}前{core}" if when else f"拟{core}"


#: a measure saying by when it is done ("2026年12月31日前化解", "年底前完成", "6月底前建成")
_OWN_DUE = LazyPattern(r"(?:\d{4}年|\d{1,2}月(?:\d{1,2}日)?)(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)"
                       r"|[年月][底末](?:前|之前|以前)")


def _key_head(text: str) -> str | None:
    """The opening of :func:`_key` of ``text``, from its first 32 characters; ``None`` when
    those do not settle it (too few characters kept to know what leading 已 is stripped)."""
    if len(text) <= 32:
        return _key(text)
    head = _key_parts(text[:32])[1]
    if len(head) < 3:  # _KEY_LEAD's words are at most 3 characters
        return None
    return head[_lead(head):]


@lru_cache(maxsize=256)
def _same_key(a: str, b: str) -> bool:
    """``_key(a) == _key(b)``, settled by the keys' openings when they differ there: a clerk's
    progress is nearly never the measure again, and keying both whole is a pass over each.
    Cached: a measure is asked whether it was read from a notice (:func:`_from_notice`) four
    times as its issue is written up."""
    ha, hb = _key_head(a), _key_head(b)
    if ha is not None and hb is not None:
        n = min(len(ha), len(hb))
        if ha[:n] != hb[:n]:  # each is the start of its key: the keys differ
            return False
    return _key(a) == _key(b)


def _from_notice(m: Measure) -> bool:
    """A measure read back from a published notice: its text is the published sentence."""
    return m.status_inferred or (bool(m.progress) and _same_key(m.progress, m.text))


#: a progress (or what a status cell leaves after its status word) that is only a date —
#: "已完成（2025年5月20日）", "完成 2025.4.30", "已完成（4月15日）": when the work was done, not
#: what was done (the date is the 完成时间 column's, not the notice's)
_BARE_DATE = re.compile(
    r"(?:于|完成于|截至)?(?:\d{4}[年./-])?\d{1,2}[月./-]\d{1,2}日?(?:前|完成)?"
    r"|(?:于|截至)?\d{4}(?:年\d{1,2}月(?:份|底|末|初|中旬|上旬|下旬)?|[./-]\d{1,2})(?:前|完成)?")
_DATE_TRIM = _TRIM + "()（）[]【】 \u3000"


#: a status word with the date it was reached in brackets after it: "已完成（2025年5月20日）"
_WORD_THEN_DATE = re.compile(r"(.{2,8}?)\s*[(（]([^()（）]{3,16})[)）]")


_DATE_LABEL = re.compile(r"(?:完成|办结|整改完成)(?:时间|日期)\s*[:：]\s*")


def _bare_date(text: str) -> bool:
    """``text`` says nothing but a date (in brackets or not)."""
    if len(text) > 24:  # a date is short: a progress of any length is not folded for nothing
        return False
    core = fold(text).strip(_DATE_TRIM).replace(" ", "")
    return bool(core) and _BARE_DATE.fullmatch(core) is not None


#: a progress giving the reason the work is not finished ("原因：涉及历史遗留问题，需上级审批"),
#: as a status cell "未完成（原因：…）" leaves it
_REASON = re.compile(r"^(?:未完成|未办结)?的?(?:主要)?原因(?:是|为|：|:)\s*")
#: how far an unfinished measure got, said beside the reason it is not finished
_UNFINISHED = {
    Status.IN_PROGRESS: "尚未完成",
    Status.MOSTLY_DONE: "尚未全部完成",
    Status.NOT_STARTED: "尚未启动",
}


#: a reason given without its label ("因县级指导意见尚未出台", "受汛期影响"): not 因此/因地制宜/…
_BECAUSE = LazyPattern(r"(?:因(?![此而地时人势材])|由于|鉴于|受(?=[^，,；;。]{1,16}影响))")
#: what is to be done once the reason is gone ("换届后启动", "待资金到位后实施", "拟明年推进"): said
#: after how far the work got, not as part of the reason
_ONCE_GONE = LazyPattern(r"(?:待|拟|计划|将|预计|准备|争取|下一步|后续)"
                         r"|[^，,；;]{0,12}后(?:再)?(?:启动|实施|推进|开展|办理)"
                         r"|(?:已申请|已报请|申请|经批准)?(?:延期|推迟|顺延|调整)至")


def _with_reason(action: str, result: str, status: Status | None) -> str | None:
    """"追回违规支付工程款" + "原因：涉及历史遗留问题，需上级审批" → "追回违规支付工程款，因涉及
    历史遗留问题，需上级审批，尚未完成": a reason is published with what it is the reason for
    (printed alone, "原因：…" would read as if the work were done); ``None`` when ``result``
    gives no reason or the measure is not unfinished. A measure not started may give its reason
    without the label ("未启动，因县级指导意见尚未出台": without "尚未启动" the sentence would end
    on the reason and never say the work was not begun); what is to be done once the reason is
    gone goes after the outcome ("因支部换届尚未完成，尚未启动，换届后启动")."""
    text = result.strip()
    if text[:1] in "(（" and text[-1:] in ")）":  # "（原因：…）" as the status cell bracketed it
        text = text[1:-1].strip()
    label = _REASON.match(fold(text[:12]))
    said = _UNFINISHED.get(status or Status.IN_PROGRESS)
    if said is None:
        return None
    if label is not None:
        reason = text[label.end():].strip().rstrip(_TRIM)
    elif status is Status.NOT_STARTED and _BECAUSE.match(text):
        reason = text.rstrip(_TRIM)
    else:
        return None
    if not reason:
        return None
    if "。" in reason or ";" in fold(reason):  # several sentences: the reason after the outcome
        return f"{action.rstrip(_TRIM)}，{said}。原因：{reason}"
    because = reason if _BECAUSE.match(reason) else f"因{reason}"
    pieces = _CLAUSES.split(because)
    for i in range(2, len(pieces), 2):
        if _ONCE_GONE.match(pieces[i].strip()):
            cause, then = "".join(pieces[:i - 1]), "".join(pieces[i:])
            return f"{action.rstrip(_TRIM)}，{cause}，{said}，{then}"
    return f"{action.rstrip(_TRIM)}，{because}，{said}"


def _as_published(action: str, progress: str) -> str:
    """A measure read back from a notice, as published: its sentence (``action``), and what the
    notice said of its progress when that is more ("整改措施：… 整改进展：…" paired one for one):
    both, as one sentence, so that the progress is published again and reads back as part of the
    measure (whose sentence is then printed as it is)."""
    if not progress or _same_key(progress, action):
        if progress and action and _lead(_key_parts(progress)[1]) and not _lead(_key_parts(action)[1]):
            # "一是制定学习计划；… 整改进展：已制定学习计划，开展专题学习3次": the measure said done
            # ("已制定学习计划"), in the measure's place (its closing mark) — never the plan again
            ends = "。.；;，,"
            return progress.rstrip(ends) + action[len(action.rstrip(ends)):]
        return action or progress
    if not action:
        return progress
    key, said = _key(action), _key(progress)
    if said.startswith(key) or _restated_key(key, said, 0.7):
        return progress  # the measure with its progress, as one text already (or restated)
    return _join(action, progress)


#: a clerk's note to the office, not to the public: "（红字为本月新增）", "（此项9月新增）"
_CLERK_NOTE = re.compile(r"[（(](?:红字|蓝字|绿字|黄字|标红|标黄|加粗|此项|本项|该项|此段|本段|本月|上月)"
                         r"[^（）()]{0,16}[）)]"
                         # "（此段请办公室补充）", "（请综合科完善）": asking the office for words
                         r"|[（(][^（）()]{0,8}?请[^（）()]{0,8}?(?:补充|完善|修改|审核|审定|核实|填写|把关)[^（）()]{0,8}[）)]"
                         # "（注：佐证材料待补充）": a note on the ledger's papers, not on the work
                         r"|[（(](?:注|备注)\s*[:：][^（）()]{0,24}?(?:佐证|材料|附件|台账|上传|报送|待补|待核|核实"
                         r"|补充|照片|签字)"
                         r"[^（）()]{0,24}[）)]")
#: what any note to the office has in it, looked for once per cell (the notes themselves are found
#: only in a cell that has one of these: :data:`_NOTE_BRACKET`, :data:`_NOTE_CLAUSE`)
_NOTE_HINT = re.compile(
    r"(?=[佐附上备注待需请尚还更新补修填调联电手经红蓝绿黄标加此本该同见1责牵分负承提报统来详参具完审核把])(?:佐证|附件|附表|上表|备注|注\s*[:：]|上传"
    r"|(?:责任人|责任领导|牵头领导|分管领导|责任单位|责任科室|牵头单位|牵头人|负责人|承办人)\s*[:：]"
    r"|(?:待|需|需要|请|尚需|还需)(?:核|确认|补|上传|提供)"
    r"|(?:更新|新增|补充|修改|填报|调整|完善|审核|审定|核实|填写|把关)[）)]|联系人|联系电话|联系方式|电话|手机|经办人(?!员)"
    r"|提供[）)]|报送[）)]|(?:负责|牵头|经办|承办)[）)]"
    r"|统计[）)]|来源"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)|红字|蓝字|绿字|黄字|标红|标黄|加粗|此项|本项|该项|本月|上月|同上|同前|见上"
    r"|详见|参见|具体见|请审|请把关|请修改)")
#: a bracketed note anywhere in a cell: on the ledger's papers ("（见附件1）", "（佐证材料待补充）"),
#: its updates ("（11月更新）"), what is still to check ("（待核实）") or whom to call ("（联系人：…）")
_NOTE_BRACKET = LazyPattern(
    r"[（(【\[][^（）()【】\[\]]{0,40}?(?:佐证|附件|附表|上传|联系人|联系电话|联系方式|电话|手机|经办人(?!员)"
    r"|(?:责任人|责任领导|牵头领导|分管领导|责任单位|责任科室|牵头单位|牵头人|负责人|承办人)\s*[:：]"
    r"|(?:详见|具体见|参见|见)[^（）()【】\[\]]{0,12}?(?:记录|照片|截图|底稿|档案盒|材料|纪要|签到表)"
    r"|(?:待|需|需要|请|尚需|还需)(?:核实|核查|核对|核|确认|补充|补齐|上传|更新))[^（）()【】\[\]]{0,40}[）)】\]]"
    r"|[（(][^（）()]{0,12}?(?:更新|新增|补充|修改|填报|调整)[）)]"
    # where the clerk had the figures from: "（数据截至6月30日，计财股提供）", "（数据来源：财务科）"
    r"|[（(][^（）()]{0,30}?(?:数据来源|来源\s*[:：]|[股科室处办部组队站所心]\s*(?:提供|报送|统计))[^（）()]{0,20}[）)]"
    # who does it: "（张三负责）", "（由李红同志牵头）" — a notice names no clerk
    r"|[（(]由?[\u4e00-\u9fff]{2,3}(?:同志)?(?:具体)?(?:负责|牵头|经办|承办)[）)]")
#: a clause of a cell that is a note to the office, wherever it stands: a pointer to the evidence
#: ("详见佐证材料2-1", "佐证材料：物资台账", "佐证不全", "附件：…"), a remark ("备注：需补充照片"),
#: a contact ("联系人：张三"), what is still to be checked or supplied ("待核实", "需补充照片"), an
#: upload ("材料已上传巡察整改平台"), "同上"
_NOTE_CLAUSE = LazyPattern(
    r"(?:详见|具体见|见|参见|另见)(?:附件|佐证|附表|上表|台账|附)|(?:详见|具体见|参见|另见)"
    r"|(?:佐证|证明|支撑)(?:材料|资料)?\s*(?:[:：]|见|已|待|不全|不足|不够|齐全|缺|未|需|为|有|清单|目录)"
    r"|附件\s*[\d一二三四五六七八九十]*\s*[:：]|(?:备注|注)\s*[:：]"
    r"|(?:联系人|经办人)(?!员)|(?:联系电话|联系方式)\s*[:：]|(?:电话|手机)\s*[:：]?\s*[\d-]{7,}"
    r"|(?:责任人|责任领导|牵头领导|分管领导|责任单位|责任科室|牵头单位|牵头人|负责人|承办人)\s*[:：]"
    r"|(?:待|需|需要|请|尚需|还需)(?:核实|核查|确认)|请(?:审核|审阅|审定|把关|修改|斧正|指正)"
    r"|(?:待|需|需要|请|尚需|还需)(?:补充|补齐|补交|上传|提供|完善)[^，,；;。]{0,6}?"
    r"(?:佐证|照片|材料|资料|附件|图片|截图|签字|签名|记录|台账)"
    r"|[^，,；;。]{0,12}(?:材料|佐证|资料|附件|照片|图片|文件)[^，,；;。]{0,8}上传"
    r"|[^，,；;。]{0,12}上传(?:至|到)?[^，,；;。]{0,12}(?:平台|系统|群)"
    r"|(?:同上|同前|见上)\s*$")
#: a mobile number (an individual's): never published, nor the word that introduced it
_MOBILE = LazyPattern(r"(?:联系)?(?:电话|手机|手机号|方式)?\s*[:：]?\s*(?<!\d)1[3-9]\d{9}(?!\d)")
_CLAUSES = LazyPattern(r"([，,；;。])")
#: a leading English status word left from a template ("Done，已印发制度", "drafting")
_ENGLISH_WORD = LazyPattern(
    r"(?i)^(?:done|completed?|finished|ok|in progress|ongoing|wip|tbd|todo|to do|pending|drafting|n/?a|none)"
    r"(?![a-z])[\s，,。.;；:：]*")


def _without_notes(text: str) -> str:
    """``text`` without the clerk's notes to the office, wherever they stand in it (see
    :data:`_NOTE_BRACKET`, :data:`_NOTE_CLAUSE`), and without any mobile number."""
    return _notes_left_out(text, _NOTE_CLAUSE)


def _prose_without_notes(text: str) -> str:
    """A paragraph of 基本信息's prose (section 一, 三, 二's introduction) without what is for the
    office alone: a contact person and a mobile ("联系人：张三，138…"), a bracketed note ("（此段请
    办公室补充）"), a request to the office ("请审核") — its own sentences, which may name a
    published appendix or a public phone, kept."""
    if _NOTE_HINT.search(text) is None:
        return text
    out = _notes_left_out(text, _PROSE_NOTE)
    return _end(out) if out and text.rstrip()[-1:] in END_PUNCT else out


#: a clause of 基本信息's prose that is a note to the office (:func:`_prose_without_notes`)
_PROSE_NOTE = LazyPattern(r"(?:联系人|经办人)(?!员)|(?:待|需|需要|请|尚需|还需)(?:核实|核查|确认)"
                          r"|请(?:审核|审阅|审定|把关|修改)|(?:备注|注)\s*[:：]")


def _notes_left_out(text: str, clauses: LazyPattern) -> str:
    """:func:`_without_notes` with the clauses that are notes told by ``clauses``."""
    if _NOTE_HINT.search(text) is None:
        return text
    text = _MOBILE.sub("", _NOTE_BRACKET.sub("", _CLERK_NOTE.sub("", text)))
    pieces = _CLAUSES.split(text)
    kept: list[str] = []
    dropped = False
    for i in range(0, len(pieces), 2):
        clause = pieces[i]
        sep = pieces[i + 1] if i + 1 < len(pieces) else ""
        if clauses.match(clause.strip()):
            dropped = True
        elif clause.strip():
            kept.append(clause + sep)
    out = "".join(kept).strip()
    # a clause left out takes the mark before it: what is left ends where its last clause does
    return out.strip("，,；;。") if dropped else out.lstrip("，,；;。")


#: what a clause naming the clerk in charge says of him or her ("由黄磊同志牵头", "何静负责跟踪落实",
#: "经办：何静"): who does the work inside the office, not what was done
_DUTY = LazyPattern(r"同志|负责|牵头|跟踪|经办|承办|对接|联系|督办|具体抓|分管")
_PERSON = LazyPattern(r"[\u4e00-\u9fff]{2,4}")


def _without_person(text: str, people: str) -> str:
    """``text`` without the clauses naming the ledger's 责任人 (``people``, the column's cell:
    "黄磊", "何静、邓超") as the one doing the work: a notice says what the unit did, and names
    no clerk. A clause naming the person for anything else stays."""
    if not text or not people:
        return text
    names = [n for n in re.split(r"[、，,；;/\s]+", people) if _PERSON.fullmatch(n)]
    if not any(n in text for n in names):
        return text
    pieces = _CLAUSES.split(text)
    kept: list[str] = []
    for i in range(0, len(pieces), 2):
        clause = pieces[i]
        sep = pieces[i + 1] if i + 1 < len(pieces) else ""
        if any(n in clause for n in names) and _DUTY.search(clause):
            if sep == "。" and kept:  # the sentence ends where the clause did
                kept[-1] = kept[-1].rstrip("，,；;") + "。"
            continue
        kept.append(clause + sep)
    return "".join(kept).strip().lstrip("，,；;。").rstrip("，,；;")


_DOUBT = LazyPattern(r"[?？]+")
#: a progress that is only a tick, a number or a share ("√", "3", "100%", "Done 80%"): no sentence
_NO_WORDS = re.compile(r"^(?:[√✓✔☑×✗]|[A-Za-z ]*\d+(?:\.\d+)?\s*[%％]?)$")


def _progress_text(raw: str) -> str:
    """A progress cell as the notice can say it: the clerk's notes to the office, pointers to the
    evidence, contacts and placeholders ("无", "/", "待补充") left out; a cell of a number or a
    tick alone says nothing a reader can follow (the status says how far it got). A log kept
    month by month in the cell ("9月：…\n10月：…", "2026.10 …", "【10月进展】…") is told as a notice
    tells how the work went — "9月，…；10月，…" — not in the clerk's labels and lines."""
    if (entries := dated_entries(raw)) is not None:
        raw = "；".join(f"{month}，{said.strip().rstrip(_TRIM)}" for month, said in entries)
    text = _measure_text(raw)
    if not text:
        return ""
    text = _without_notes(text).strip()
    if "?" in text or "？" in text:  # "已完成？", "已培训3次???": the clerk's doubt, no question of the notice
        text = _DOUBT.sub("", text).strip()
    if text[:1].isascii() and text[:1].isalpha():
        text = _ENGLISH_WORD.sub("", text)
    if is_placeholder(text) or _NO_WORDS.match(text):
        return ""
    return text


def _with_closing_done(m: Measure, progress: str) -> str:
    """``progress`` with the words that closed the status cell it was read from, when they say the
    work is done: "已于6月完成审计，发现问题12个，已整改完毕" in a 整改情况 column is published whole
    — its status was read from the close, and the progress left without it ended the sentence on
    "发现问题12个", saying nothing of the 12 being put right. A row with a progress of its own, a
    closing word that is not done or a closure stage still to come ("…，待验收") keeps ``progress``."""
    if m.raw.get(F.PROGRESS) not in (None, ""):
        return progress
    cell = _progress_text(m.status_text)
    if len(cell) <= len(progress) or not cell.startswith(progress):
        return progress
    tail = cell[len(progress):].strip(_SEPARATORS)
    reading = read_status(tail)
    if reading.status is not Status.DONE or reading.rest or _STAGE_ONLY.search(tail):
        return progress
    return cell


#: a closure stage still to come, said after the status ("已完成，待验收", "已整改，待销号"): the
#: office's own bookkeeping of the finished work (验收 → 销号), not how far the work got — the
#: status says that (a stage reached, "已销号", says it is done and is published)
#: a status cell saying what was done to what — 已 then a deed of its own ("已报县纪委处理", "已移交县纪委
#: 监委", "已给予党内警告处分", "已退回违规款项") — not a status said otherwise ("已完成（待验收）", "已按要求
#: 完成", "已于6月完成", "已整改完毕", "已提交巡察办验收", "已经完成"), which the status word says
_DONE_DEED = LazyPattern(
    r"(?:已|均已)(?!经|完成|完毕|整改|落实|办结|办理完|验收|销号|销项|提交|交|送|于|在|按|全部|基本|初步|部分|启动|开展|"
    r"结束|解决|处理完|结案|实施|执行|到位|做|达|[\s\d（(])[\u4e00-\u9fff]{3,}")
_STAGE_ONLY = LazyPattern(
    r"[并且，,、]?(?:待|正在|等待|申请|尚未|未)(?:验收|销号|审核|核验|验收销号|审核销号|对账销号)(?:中)?[。.，,；;]?")
#: the day a closure was done ("2026年9月25日销号", "已于9月25日验收销号"): the office's bookkeeping
#: of work the status says is done, no progress to publish (a bare "已销号" is the office's word: kept)
_STAGE_DONE = LazyPattern(r"(?:已?于?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
                          r"\s*(?:已|已经)?(?:通过)?(?:验收|销号|验收销号|对账销号)(?:完毕|完成)?[。.]?")
#: the same stage closing a longer result, after a mark
_CLOSING_STAGE = LazyPattern(rf"[，,、；;]\s*(?:{_STAGE_ONLY.pattern})$")
#: a result saying what is still to be done ("拟于12月…", "下一步将…"): after the status of a
#: measure counted done, as a sentence of its own, never in its place
_FUTURE = re.compile(r"^(?:拟(?![制订]|定(?!于))|计划|将|下一步|下步|预计|准备|后续|今后|接下来|近期将)")
#: a result saying the work is under way or not done ("正在整理…", "尚未…"): a measure counted done
#: does not publish it
_UNDERWAY = re.compile(r"^(?:目前)?(?:正在|仍在|尚未|仍未|未能|待|还需|仍需|推进中|进行中)")
#: a share of the work done, below all of it ("完成80%", "已完成约60%"): a measure counted done does
#: not publish it
#: a progress saying only when the work going on is to be finished ("预计12月底前完成", "计划11月底前完成处置")
_DUE_TO_FINISH = LazyPattern(r"(?:预计|计划|力争|争取)(?:于|在|到)?[^，,；;。]{0,16}?(?:完成|办结|完工|到位)")
#: a progress saying only what is left ("剩余2个乡镇年底前签订")
_LEFT_TO_DO = LazyPattern(r"(?:剩余|其余|尚余|尚有|还有|余下|剩下)")
#: a status cell counting how far the work got: a figure done beside one left or going on
#: ("已完成3项，剩余2项推进中", "完成改造12户，其余正在施工")
_COUNTED_PART = LazyPattern(r"\d[^，,；;。]{0,6}[，,；;]\s*(?:剩余|其余|尚有|还有|尚余|余下|另有)")
_PART_SHARE = re.compile(r"(?:目前)?(?:已经?)?完成(?:了|约|近)?\s*\d{1,2}(?:\.\d+)?\s*[%％]")
#: how a status word is continued in the same cell ("已完成，并长期坚持", "已完成。下一步…")
_GOES_ON_JOIN = {"并": "", "且": "", "下一步": "。", "后续": "。"}
#: what a measure says that has no status a reader can follow (blank or unreadable) and no
#: progress: a visible placeholder, never the bare measure (which reads as done)
_NO_STATUS = "【请填写整改进展】"


def _goes_on(result: str) -> tuple[Status, str] | None:
    """``"已完成，并长期坚持"`` → (已完成, ``"并长期坚持"``): a status word kept with what it goes on
    to say (:func:`_split_status_word` keeps the two together); ``None`` for any other text."""
    for p in range(2, min(len(result), _STATUS_HEAD + 2)):
        if result.startswith(_GOES_ON, p):
            status, rest = _split_status_word(result[:p])
            if status is not None and not rest.strip(_SEPARATORS):
                return status, result[p:]
            return None
    return None


def _without_repeated_object(action: str, result: str, status: Status | None = None) -> str:
    """"制定学习计划" + "已印发学习计划，…" → "已印发，…": a result doing something else to the
    action's object does not name it again. Only where the cut is safe to publish: the action's
    last clause is a verb and its object (three characters or more), the result's first clause
    names the same object, and what is left is "已" and a verb, or ends as a verb phrase can after
    an action of only a verb before the object. Never:
    "已建立季度清理机制" for "建立…定期清理机制" (another 清理机制: "已建立季度");
    "已完成挂号缴费流程优化" (part of the work);
    "已在殡仪馆公示收费目录" (the verb went too);
    "已印发2026年度学习计划", "已确定9个村的增收项目", "已印发考勤和通报制度" (a cut inside a name);
    nor when the result is the action again ("已建立工作台账" for "建立工作台账": :func:`_combine`).
    The action's own verb said again on less of its object ("已制定考核办法" for "制定养老服务站
    考核办法") says it was done: "已完成" for a measure counted done, else the result as written."""
    last = _CLAUSE_SEP.split(action.rstrip(_TRIM))[-1]
    first = _FIRST_CLAUSE.split(result, maxsplit=1)[0]
    if len(last) < 5 or first[-3:] != last[-3:]:
        return result
    n = 3
    while n < min(len(last), len(first)) and first[-n - 1] == last[-n - 1]:
        n += 1
    head = first[:-n]
    before = len(last) - n  # the action's verb (and what else it says) before the object
    if len(head) < 3 or before < 2 or not all("\u4e00" <= c <= "\u9fff" for c in last[-n:]):
        return result  # 已 and a verb of its own, and a verb of the action's before the object
    if before > 3 and not (len(head) == 3 and head[0] == "已"):
        return result  # a longer action ("健全补贴发放公示制度"): only "已" and a verb ("已起草") is safe
    if not "\u4e00" <= head[-1] <= "\u9fff" or head[-1] in _NOT_AN_END:
        return result
    if head[0] == "已" and last.startswith(head[1:]):  # the action's verb again
        return "已完成" + result[len(first):] if status is Status.DONE else result
    return head + result[len(first):]


_FIRST_CLAUSE = re.compile(r"[，,；;。]")


#: characters a clause cut before its object cannot end on ("…的", "…和", "…至")
_NOT_AN_END = frozenset("的和与及或同跟至到为对在把将被给向于从年月日度")


def _overdue(deadline: Deadline, as_of: date | None) -> bool:
    return as_of is not None and deadline.due is not None and deadline.due < as_of


#: half-width brackets a notice put its statuses in ("(已完成)"), carried through :func:`_as_printed`
#: (which writes every other ASCII bracket full-width) as two private-use characters
_HALF_OPEN, _HALF_CLOSE = "\ue000", "\ue001"
_HALF_KEPT = str.maketrans({"(": _HALF_OPEN, ")": _HALF_CLOSE})
_HALF_BACK = str.maketrans({_HALF_OPEN: "(", _HALF_CLOSE: ")"})
#: a status's own brackets, kept in its status cell when they are not the notice's form ("【已完成】"
#: among "（已完成）")
_OWN_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}


def _own_brackets(words: str) -> bool:
    return len(words) > 2 and _OWN_BRACKETS.get(words[:1]) == words[-1:]


def _bracketed(published: str, words: str, form: str) -> str:
    """``published`` with the status ``words`` in a bracket after it, as the notice's ``form`` (its
    first bracketed status, :data:`STATUS_FORM_KEY`) put them: "建立健全学习制度。（已完成）",
    "…制度（已完成）。", "…制度。【正在推进】"; ``words`` in brackets of their own ("【已完成】")
    keep them. Half-width brackets ("(已完成)") stay half-width in the printed notice."""
    body = form.strip("。")
    before = "。" if form[:1] == "。" else ""
    after = "。" if len(form) > 1 and form[-1:] == "。" else ""
    tag = words if _own_brackets(words) else f"{body[:1]}{words}{body[-1:]}"
    kept = published.rstrip('。.；;，,')
    # a form with no stop of its own ("（已完成）"): the measure's own stop or separator goes after
    # the bracket, as the notice had it ("一是…（已完成）；二是…（正在推进）。")
    sep = "" if before or after else published.rstrip()[len(kept):][:1]
    return f"{kept}{before}{tag.translate(_HALF_KEPT)}{after}{sep}"


def _status_bracketed(m: Measure, form: str) -> str | None:
    """The measure's status as the notice bracketed it after its measures (``form``), when it states
    one in words of its own and its sentence does not say it: the words the notice wrote (in their
    own brackets when the measure had brackets other than the form's)."""
    if not form or m.status is None or m.status_inferred:
        return None
    words = _from_cell(m.status_text).strip().rstrip("。.；;")
    if not words or len(words) > 16 or read_status(words).status is not m.status:
        return None
    return words


def _noted_bracket(m: Measure) -> str | None:
    """The words of the bracket the notice put after a measure when they go on after its status
    with how far it got ("正在推进，计划2025年12月底前完成": the status cell holds them whole, the
    progress their rest), else ``None`` (in a notice read back that brackets its statuses,
    :data:`STATUS_FORM_KEY`: a clerk's cell "未启动，因…" is read so too)."""
    if m.status is None or m.status_inferred or not m.progress or not m.status_text:
        return None
    words = _from_cell(m.status_text).strip().rstrip("。.；;")
    inner = words[1:-1] if _own_brackets(words) else words
    reading = read_status(inner)
    if reading.status is not m.status or not reading.rest or _key(reading.rest) != _key(m.progress):
        return None
    return words


def measure_sentence(m: Measure, *, as_of: date | None = None, statuses: bool = False,
                     status_form: str = "") -> str:
    """One measure as the notice writes it (without its 一是 marker): see the module docstring.

    How far the work got is the status column's word (the clerk's statement): a status word in
    the progress cell never says more or less than it ("正在推进" with a progress "已完成" is
    published "…，正在推进"); a measure counted done never reads as planned or under way (a
    progress "拟于12月…" goes after "已完成。", one saying "正在…" is left out); a closure stage
    ("待验收") is not published; in a ledger whose clerk states statuses (``statuses``, see
    :func:`_clerk_statuses`), a measure with no readable status and no progress is printed with a
    placeholder, never bare (which reads as done). A measure marked 未启动 is published as planned work until
    its deadline has passed (on ``as_of``), and then as not started ("…，尚未启动")."""
    if not _from_notice(m) and (paired := _paired_items(m, as_of, statuses)) is not None:
        return paired
    action = _measure_text(m.text)
    if status_form and (noted := _noted_bracket(m)) is not None:
        # "对投资项目开展后评价（正在推进，计划12月底前完成）": the notice's bracket — so again
        return _bracketed(action, noted, status_form)
    progress = _progress_text(m.progress)
    if _from_notice(m) and (m.status_inferred or not statuses):
        # (in a ledger whose clerk states statuses, a progress copied from the measure is the
        # clerk's: the status says how far it got)
        published = _as_published(action, progress)
        stated = _from_cell(m.status_text).strip() if m.status is not None and not m.status_inferred else ""
        if not stated or _key(stated) in _key(published) or (reading := read_status(stated)).status is not m.status:
            return published
        if (words := _status_bracketed(m, status_form)) is not None:
            # "1.建立健全学习制度。（已完成）": the notice bracketed it after the measure — so again
            return _bracketed(published, words, status_form)
        if reading.rest and _key(reading.rest) not in _key(published):
            # the notice told what was done, then how far it got, after the measure ("建立学习档案，
            # 年底前开展评估。学习档案已建立，正在推进。"): the account is no less published than the word
            return _join(published, stated)
        if not reading.rest and not (
                # "修订考核办法，正在征求意见": the account says it goes on already
                m.status is Status.IN_PROGRESS and _ONGOING_WORDS.search(published)) \
                and not _ends_with_status(published, m.status):
            # the notice stated it apart ("整改措施：A；B。整改进展：已完成。"): said again, in its words
            return _join(published.rstrip("。."), stated, "，")
        return published
    action = _without_person(_without_notes(action), m.owner_person)
    if m.status is Status.DONE and progress:
        progress = _with_closing_done(m, progress)
    progress = _without_person(progress, m.owner_person)
    if progress and m.status is Status.DONE and m.status_text[:1] in "已均" and m.raw.get(F.PROGRESS) in (None, "") \
            and (stated := _from_cell(m.status_text).strip().rstrip("。.；;")).endswith(progress) \
            and _DONE_DEED.match(stated) is not None and _CLOSING_STAGE.search(stated) is None:
        # the account after a deed in the status cell ("已报县纪委处理，给予党内警告处分1人"): the deed too
        progress = stated
    if (":" in action or "：" in action) and (lab := _PROGRESS_LABEL.search(action)) and lab.start():
        # "措施：…；进展：…" in one cell: the action, then its progress
        embedded = _progress_text(action[lab.end():])
        action = action[:lab.start()]
        progress = progress or embedded
    if progress[:2] in ("完成", "办结", "整改") and (dated := _DATE_LABEL.match(progress)) is not None \
            and _bare_date(progress[dated.end():]):
        progress = progress[dated.end():]  # "完成时间：2025年6月": a date, under its column's label
    if progress and _bare_date(progress):
        progress = ""  # "已完成（2025年5月20日）": the status says how far it got
    elif (dated := _WORD_THEN_DATE.fullmatch(progress)) and _bare_date(dated.group(2)) \
            and _split_status_word(dated.group(1))[1] == "":
        progress = dated.group(1)  # the status word in the progress column, dated: the word
    word, result = _split_status_word(progress) if progress else (None, "")
    if word is None and progress[-1:] == "中" and (stem := _split_status_word(progress[:-1]))[0] \
            is not None and not stem[1]:
        word, result = stem  # "常态化推进中", "持续推进中": the status word, going on
    if result and _bare_date(result):
        result = ""
    if not progress and m.status_text:  # "已完成。约谈3个乡镇……" in the status column
        status_word, narrative = _split_status_word(_without_notes(_from_cell(m.status_text)))
        if status_word is not None and narrative and not _bare_date(narrative) and not timing_note(narrative):
            word, result = status_word, narrative  # (not "已完成，超期": when it was done is no result)
        elif status_word is None and m.status in (Status.IN_PROGRESS, Status.MOSTLY_DONE) \
                and _COUNTED_PART.search(narrative) is not None:
            # "已完成3项，剩余2项推进中", "完成改造12户，其余正在施工": the status cell tells how far
            # the work got, counted — published, not reduced to 正在推进
            word, result = m.status, narrative.strip().rstrip("。.；;")
        elif status_word is None and m.status is Status.DONE and _DONE_DEED.match(narrative) is not None \
                and _CLOSING_STAGE.search(narrative) is None:
            # the status cell says what was done, not how far ("已报县纪委处理", "已移交县纪委监委",
            # "已给予党内警告处分1人"): the clerk's words are the result, never reduced to 已完成
            word, result = m.status, narrative.strip().rstrip("。.；;")
    if result and (_STAGE_ONLY.fullmatch(result) or (m.status is Status.DONE and _STAGE_DONE.fullmatch(result))):
        result = ""  # "已完成，待验收", "已完成，2026年9月25日销号": the status says how far it got
    elif result and (stage := _CLOSING_STAGE.search(result)) is not None:
        result = result[:stage.start()]  # "发现问题12个，已整改完毕，待验收": the office's bookkeeping, after it
    # the status column first: the progress's word only stands in for a status not given
    status = m.status or word
    if not action:
        return result  # a status word alone is no measure ("一是已完成" is never published)
    if result and status is not Status.DONE and status is not Status.LONG_TERM and (
            reasoned := _with_reason(action, result, status)) is not None:
        return reasoned
    if status is Status.NOT_STARTED and (not result or _PLANNED.match(result)):
        if _overdue(m.deadline, as_of):  # past its deadline: not a plan any more
            return _join(action, f"尚未启动，{result}" if result else "尚未启动", "，")
        return _join(action, result, "，") if result else _planned(action, m.deadline, as_of)
    if status is Status.NOT_STARTED and result and not _SAYS_NOT_BEGUN.search(result) and m.status is not None:
        # "未启动" with "已申请延期至12月": the work is not begun, which the result does not say
        result = f"尚未启动，{result}"
    if result and word is not None and (going := _goes_on(result)) is not None:
        # "已完成，并长期坚持" / "已完成。下一步…": the status, then what it goes on to say
        tail = going[1]
        phrase = _RESULT.get(status or going[0])
        if phrase is None:
            result = tail.lstrip("并且")
        else:
            glue = next((g for w, g in _GOES_ON_JOIN.items() if tail.startswith(w)), "，")
            return _join(action, f"{phrase}{glue}{tail}", "，")
    if not result:
        # progress was only a status word, or none: the status says how far it got (a measure still
        # in progress is never printed bare, as if it were done)
        if status is None:
            return _join(action, _NO_STATUS, "，") if statuses else action
        phrase = _RESULT.get(status)
        if status is Status.IN_PROGRESS and (paused := _PAUSED.search(m.status_text)) is not None:
            phrase = paused.group(0)  # deferred work is said to be deferred, not to be going on
        elif status is Status.IN_PROGRESS:
            phrase = _going_on_word(m.status_text)
        elif status is Status.DONE and (m.continuing or word is Status.LONG_TERM):
            phrase = "已完成并长期坚持"
        elif status is Status.LONG_TERM:
            phrase = _long_term_word(m.status_text if m.status is not None else progress)
        return _join(action, phrase, "，") if phrase else action
    if status is Status.DONE:
        if _FUTURE.match(result):  # what comes next, after what was done
            done = _join(action, _RESULT[status], "，")
            # "下一步将" + the measure again says nothing more than the measure
            return done if _restated(action, result, 0.7) else f"{done}。{result}"
        if _UNDERWAY.match(result) or _ONGOING.fullmatch(result.rstrip(_TRIM)) \
                or _PART_SHARE.fullmatch(result.rstrip(_TRIM)):
            return _join(action, _RESULT[status], "，")  # contradicts the status: not published
    if word is None and (ongoing := _ONGOING.fullmatch(result.rstrip(_TRIM))):
        return _join(action, _ongoing(ongoing.group(1)), "，")
    if result[:1] == "已":
        result = _without_repeated_object(action, result, status)
    if status is Status.IN_PROGRESS and m.status is Status.IN_PROGRESS and word is None \
            and _DUE_TO_FINISH.match(result) is not None:
        # "正在整改" with "预计12月底前完成": the work goes on, then when it is to be done — the plan
        # alone after the measure would read as if the measure were done
        result = f"{_going_on_word(m.status_text)}，{result}"
    if status is Status.MOSTLY_DONE and m.status is Status.MOSTLY_DONE and _LEFT_TO_DO.match(result) is not None:
        # "基本完成" with "剩余2个乡镇的协议年底前签订": what is left, after the word saying most is done
        result = f"{_partly_done_word(m.status_text)}，{result}"
    said = _compose(action, result, status)
    if status is Status.LONG_TERM and m.status is Status.LONG_TERM and said != action \
            and not _KEPT_UP.search(said):
        # work kept up for the long term, its progress saying what was done so far: the office's
        # word says it goes on ("…，已整改28个，常态化推进") — not 长期坚持 after work still under
        # way ("…，剩余2家正在施工"), which would contradict it: then the progress says it alone
        kept_up = _long_term_word(m.status_text)
        if kept_up != _RESULT[Status.LONG_TERM] or not _STILL_UNDER_WAY.search(result):
            return _join(said, kept_up, "，")
        return said
    if status in (Status.IN_PROGRESS, Status.MOSTLY_DONE) and m.status is not None and said != action \
            and (unfinished := _going_on_word(m.status_text) if status is Status.IN_PROGRESS
                 else _partly_done_word(m.status_text)) \
            and _reads_done(result) and not said.rstrip(_TRIM).endswith((_RESULT[status], unfinished)) \
            and not _ends_saying(said, status):
        # "清理社会组织，已清理8家" for work still going on would read as done (and read back so):
        # the status says it is not (once: "建立学习台账，正在推进" already says it); so for work
        # the office said was done in part, in its words ("…，已建成检测点2个，阶段性完成")
        return _join(said, unfinished, "，")
    if said == action:
        if status is None:
            # the progress restated in the measure, and no status to say how far it got: the
            # progress says it (the bare measure would read as done) — unless it is the measure
            # itself (a notice's measure read back as its own account): a gap to fill, said once
            if result.rstrip(_TRIM) == action.rstrip(_TRIM):
                return _join(action, _NO_STATUS, "，") if statuses else action
            return _join(action, result, "，")
        if (phrase := _long_term_word(m.status_text) if status is Status.LONG_TERM
                else _RESULT.get(status)) is not None:
            # the progress only says the measure again ("建立…制度" for "建立…制度"): the status
            # says how far it got, as for a progress that is only the status word
            return _join(action, phrase, "，")
    return said


def _ends_with_status(said: str, status: Status | None) -> bool:
    """The sentence's last clause is a status word of ``status`` ("…，清理项目7个，已完成"): a
    heading's word for it ("已完成整改") would say it twice."""
    last = re.split(r"[，,；;。]", said.rstrip(_TRIM))[-1].strip()
    reading = read_status(last) if 0 < len(last) <= 8 else None
    return reading is not None and reading.status is status and not reading.rest


def _ends_saying(said: str, status: Status) -> bool:
    """The sentence ends in the office's own short word for work done in part ("…，已整改9个，基本完成",
    "…，阶段性完成"): it is said once, not followed by 已基本完成 again."""
    return status is Status.MOSTLY_DONE and _ends_with_status(said, status)


def _item_status(status: Status | None, answer: str) -> Status | None:
    """How far one of a measure's listed things got: the measure's status when it is done (each
    thing is then), else what the thing's own answer says — done when it opens with 已 ("已建立
    阵地台账" under a measure still in progress), nothing otherwise (its words say it: "培训计划于
    11月开展")."""
    if status is Status.DONE:
        return status
    word = _split_status_word(answer)[0]
    if word is not None:
        return word  # "①已完成；②持续推进": the first thing is done, though the measure goes on
    if status is Status.LONG_TERM:
        return status
    return Status.DONE if answer.lstrip()[:1] == "已" and not _ONGOING_WORDS.search(answer) else None


_ONGOING_WORDS = LazyPattern(r"正在|尚未|仍未|未完成|待|推进中|进行中")
#: words saying the work goes on or what comes next: a sentence with them does not read as done
_AHEAD_WORDS = LazyPattern(r"将|拟|预计|下一步|持续|继续|逐步|陆续|力争|争取|其余|剩余|尚有|还有|%"
                           # what is planned ("计划12月底前完成", "计划于…"), not a plan made ("已制定年度计划，…",
                           # "工作计划并印发": the noun, ending its clause or joined to the next thing)
                           r"|计划(?![，,。；;、)）》]|$|书|表|并|和|及|与|已|的)"
                           # a date set ("定于12月举办"), a clause of work going on ("组织专家评审中")
                           r"|定于|中(?=[，,。；;]|$)")


#: a progress of one short clause saying what was done: "已清理8家", "已建立", "已印发", the thing
#: named first ("作业公示制度已建立", "10个已完工")
_DONE_CLAUSE = LazyPattern(r"(?:[^，,。；;：:（(已未]{1,10})?已[^，,。；;：:（(]{1,14}")


def _reads_done(progress: str) -> bool:
    """Whether the progress of work still going on reads as work done: it says something was done
    ("已清理8家", "作业公示制度已建立", "已建立公示制度，9月、10月各抽查1次") or counts what was
    done ("检查派车记录326条"), and nothing of work going on, still to come or not done ("其余…",
    "…未完成", "拟…")."""
    progress = progress.strip().rstrip("。.;；")
    if _ONGOING_WORDS.search(progress) or _AHEAD_WORDS.search(progress) or "未" in progress:
        return False
    return _DONE_CLAUSE.fullmatch(progress) is not None or _SAYS_DONE.search(progress) is not None


#: a progress saying something was done or counting it
_SAYS_DONE = LazyPattern(r"已|完成|\d")


def _paired_items(m: Measure, as_of: date | None, statuses: bool) -> str | None:
    """A measure cell listing several things ("1.每半年专题研究…\n2.建立…台账\n3.开展…培训")
    whose progress answers them (all, or the first ones) one for one in the same numbering
    ("1.上半年已专题研究1次\n2.已建立台账\n3.培训计划于11月开展"): each thing with its own
    progress, "；" between — not all the things and then all the answers, which leaves the
    reader to pair them. ``None`` for any other measure."""
    things = enumerated_items(_from_cell(m.text))
    if not things:
        return None
    answers = enumerated_items(_from_cell(m.progress))
    if not answers or len(answers) > len(things) or (len(answers) < len(things) and m.status is None):
        return None
    # things the progress does not come to (it answers the first ones, in their numbers) are
    # said with the measure's status: left bare after the others' answers, they would read as
    # done ("…；对违规作业严肃问责，已建立；已开展抽查2次")
    said = [measure_sentence(replace(m, text=thing, progress=answer, status_text="",
                                     status=_item_status(m.status, answer)), as_of=as_of, statuses=statuses)
            .strip().rstrip(_TRIM) for thing, answer in zip(things, answers, strict=False)]
    said += [measure_sentence(replace(m, text=thing, progress=""), as_of=as_of, statuses=statuses)
             .strip().rstrip(_TRIM) for thing in things[len(answers):]]
    said = [t for t in said if t]
    glue = "。" if any("。" in t for t in said) else "；"
    return glue.join(said)


#: a result saying the work is not begun (or not yet done): "尚未启动" would say it twice
_SAYS_NOT_BEGUN = LazyPattern(r"^待|未启动|尚未|暂未|未开展|未实施|未能|暂缓|暂停|未开始|待启动")


#: what is being done to a thing named before it ("平台调试中", "台账建设中")
_DOING = frozenset(
    "调试 测试 建设 施工 审批 审核 审查 招标 采购 起草 修订 编制 制定 运行 报批 公示 验收 开发 安装 部署 核查 "
    "核实 清理 整改 梳理 完善 装修 改造 维修 办理 录入 评估 论证 印制 整理 进行 实施 推进".split())


def _ongoing(doing: str) -> str:
    """"起草中" → "正在起草", "征求意见中" → "正在征求意见", "平台调试中" → "平台正在调试": 正在 goes
    before the verb, which follows the thing when the thing is named first."""
    if len(doing) > 2 and doing[-2:] in _DOING and doing[:2] not in _DOING:
        return f"{doing[:-2]}正在{doing[-2:]}"
    return f"正在{doing}"


def _not_started(m: Measure) -> bool:
    return m.status is Status.NOT_STARTED and not _from_notice(m)


#: a list's numbers inside a measure's sentence, after a colon or a mark ("…工作：一是…；二是…",
#: "…如下：（1）…；（2）…") or a space ("…3次 2、印发…"): in a notice numbering the measures
#: 一是/（1）, said without them (a number after a space becomes the "；" it stood for)
_INNER_MARK = LazyPattern(
    r"(?<=[：:；;，,。])\s*(?:[一二三四五六七八九十]{1,3}是|[（(]\d{1,2}[)）]|\d{1,2}[、．.](?!\d)|[①-⑳])\s*"
    r"|[ \u3000]+(?:\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*")
#: what :data:`_INNER_MARK` needs, found by a scan for its first character (the pattern's own
#: lookbehind makes the engine try every position of the sentence)
_MAYBE_INNER_MARK = re.compile(r"[：:；;，,。]\s*[一二三四五六七八九十（(\d①-⑳]|[ \u3000]+[\d（(①-⑳]")
#: the column's label typed in front of an issue ("问题：", "存在问题：", "问题描述：")
_ISSUE_LABEL = re.compile(r"(?:具体|存在的?|反馈|巡察反馈|巡察发现的?|主要)?问题(?:描述|表现)?\s*[:：]\s*")


def _share_labels(group: list[Measure]) -> list[str] | None:
    """What tells the shares of one measure apart, as the notice names them: each its own unit
    (a measure merged over a row per 社区, or a matrix of the 社区's statuses), else each its own
    deadline (a measure merged over its stages: "2025年6月底前的任务"); ``None`` when neither does
    (rows repeating a measure are no shares of it)."""
    units = [m.owner_unit.strip() for m in group]
    if all(units) and len(set(units)) == len(units):
        return units
    if len(set(units)) == 1:
        whens = [_when(m.deadline, None) for m in group]
        if all(whens) and len({m.deadline.due for m in group}) == len(whens):
            return [f"{w}前的任务" for w in whens]
    return None


def share_groups(measures: list[Measure]) -> list[list[Measure]]:
    """An issue's measures as the notice tells them: consecutive measures of one text that are
    each one unit's (or one stage's) share of it (:func:`_share_labels`) are one measure, told in
    one sentence and counted once; every other measure stands alone. Only the texts of
    neighbours are compared: most measures differ from the one before at once."""
    groups: list[list[Measure]] = []
    for m in measures:
        if groups and m.text and m.text == groups[-1][0].text:
            groups[-1].append(m)
        else:
            groups.append([m])
    if all(len(g) == 1 for g in groups):
        return groups
    return [part for g in groups
            for part in ([g] if len(g) == 1 or _share_labels(g) is not None else [[m] for m in g])]


def _group_sentence(group: list[Measure], as_of: date | None, statuses: bool, status_form: str = "") -> str:
    """One measure's sentence; for the shares of one (:func:`share_groups`), the measure once and
    how far each share got, the shares that got as far named together — "开展网格员培训，南山社区、
    东城社区已完成，北湖社区正在推进" (shares all as far: the measure's sentence alone)."""
    said = [measure_sentence(m, as_of=as_of, statuses=statuses, status_form=status_form).lstrip(_TRIM)
            for m in group]
    if len(group) == 1 or len(set(said)) == 1:
        return said[0]
    labels = _share_labels(group) or []
    # the measure as printed with nothing of how far it got: each share's sentence goes on from it
    bare = measure_sentence(replace(group[0], progress="", status=None, status_text=""), as_of=as_of)
    bare = bare.lstrip(_TRIM).rstrip("。；;")
    cut = len(bare) + 1
    tails = [s[cut:].rstrip("。；;") for s in said]
    if not bare or not all(s.startswith(f"{bare}，") for s in said) or not all(tails):
        # each share's sentence rewords the measure: each said whole, after its unit
        return "；".join(label + s.rstrip("。；;") for label, s in zip(labels, said, strict=True))
    told: dict[str, list[str]] = {}
    for label, tail in zip(labels, tails, strict=True):
        told.setdefault(tail, []).append(label)
    glue = "；" if any("，" in t or "；" in t for t in told) else "，"
    return said[0][:cut] + glue.join("、".join(names) + tail for tail, names in told.items())


def shares_joined(ledger: Ledger) -> Ledger:
    """The ledger as the notice counts it: the shares of one measure (:func:`share_groups`) one
    measure, as far as its least advanced share (an issue's status from its measures, see
    :func:`rectxl.core.summary.issue_status`), so that the totals sentence counts the measures
    section 二 numbers."""
    joined = False
    aspects = []
    for a in ledger.aspects:
        categories = []
        for c in a.categories:
            issues = []
            for i in c.issues:
                groups = share_groups(i.measures)
                if len(groups) != len(i.measures):
                    joined = True
                    i = replace(i, measures=[g[0] if len(g) == 1 else replace(
                        g[0], status=issue_status(Issue(title="", measures=g)), status_text="", progress="")
                        for g in groups])
                issues.append(i)
            categories.append(replace(c, issues=issues))
        aspects.append(replace(a, categories=categories))
    return replace(ledger, aspects=aspects) if joined else ledger


def _paren(i: int, mark: str) -> str:
    """The i-th measure's number as the notice marked its first (:data:`MEASURE_MARK_KEY`)."""
    if mark == "1.":
        return f"{i}."
    return CIRCLED[i - 1] if mark == "①" and i <= len(CIRCLED) else f"（{i}）"


#: a closing bracket → its opening one, as a bracketed status after a measure is printed
_CLOSED_BY = {"）": "（", "】": "【", "]": "[", "〕": "〔", _HALF_CLOSE: _HALF_OPEN}


def issue_paragraph(issue: Issue, number: int, *, as_of: date | None = None,
                    omit_not_started: bool = False, statuses: bool = False, mark: str = "",
                    mark_measures: str = "", status_once: bool = False, status_form: str = "") -> str:
    """``"{n}.{title}。{intro}一是…二是…"`` for one issue (``statuses``: see
    :func:`measure_sentence`; ``mark``: how the notice numbered its problems, see
    :func:`issue_mark`; ``mark_measures``: "（1）" when it numbered their measures so;
    ``status_form``: how it bracketed their statuses, :data:`STATUS_FORM_KEY`)."""
    return _issue_text(issue, number, as_of=as_of, omit_not_started=omit_not_started, statuses=statuses,
                       mark=mark, mark_measures=mark_measures, status_once=status_once,
                       status_form=status_form).translate(_HALF_BACK)


def _issue_text(issue: Issue, number: int, *, as_of: date | None = None,
                omit_not_started: bool = False, statuses: bool = False, mark: str = "",
                mark_measures: str = "", status_once: bool = False, status_form: str = "",
                said_all: str = "", label: str = "", alone: bool = False, paragraphs: bool = False) -> str:
    """:func:`issue_paragraph`, its half-width status brackets as :data:`_HALF_KEPT` marks them (for
    :func:`_as_printed`, which writes them back); ``said_all``: the sentence the notice closed the
    problem's measures with, saying them all done (:data:`ALL_DONE_KEY`) — said again after them, in
    place of a status after each, while each is done; ``label``: the label the notice put on a line
    of its own before the measures (:data:`MEASURE_LABEL_KEY`) — the measures go on a second line
    after it (the problem, a line break, the label and the measures); ``alone``: the notice headed
    the problem with its title alone (:data:`TITLE_ALONE_KEY`) — the title, then the measures on
    lines below; ``paragraphs``: its several measures have no numbers (:data:`PARAGRAPH_MEASURES_KEY`),
    a line each."""
    # (marks off before and after the mark: "：一、…" would print "一、…", read back as a numbering)
    title = _strip_mark(_LEADING_MARK, _one_paragraph(_from_cell(issue.title)).lstrip(_TRIM)).lstrip(_TRIM)
    if title[:4].count("问题") and (named := _ISSUE_LABEL.match(title)) is not None and named.end() < len(title):
        title = title[named.end():]  # "问题：基层党组织软弱涣散。具体表现：…"
    head = issue_mark(number, mark) + (title if alone else _end(title) if title else "")
    measures = [m for m in issue.measures if not (omit_not_started and _not_started(m))]
    once = _from_cell(measures[0].status_text).strip().rstrip("。") if status_once and len(measures) > 1 \
        and len({m.status_text for m in measures}) == 1 \
        and all(_from_notice(m) and not m.status_inferred for m in measures) else ""
    if once:  # the status the notice stated once, after the measures ("…；二是…。已完成。"): said so again
        measures = [replace(m, status_text="") for m in measures]
        if said_all and _key(once) in _key(said_all):
            once = said_all.rstrip("。.")  # as the notice said it: "该问题已整改完成"
    elif said_all and len(measures) > 1 and all(
            m.status is Status.DONE and _from_notice(m) and not m.status_inferred for m in measures):
        # "…。上述措施均已完成。", "…。该问题已整改完成。": the notice's one sentence, not "，已完成"
        # after each measure (each its published sentence, whatever the ledger's other measures are)
        once, measures = said_all.rstrip("。."), [replace(m, status_text="") for m in measures]
        statuses = False
    # a sentence opens with no mark: after "1." or "一是" a leading "." would read back as part of
    # the number, and a measure that is only marks ("。") would read back as no measure
    texts = [t for t in (_group_sentence(g, as_of, statuses, status_form) for g in share_groups(measures)) if t]
    style = issue.measure_style or ("plain" if alone and paragraphs else None) \
        or ("paren" if mark_measures in ("（1）", "①", "1.") and len(texts) > 1 else None) \
        or ("ordinal" if len(texts) > 1 else "plain")
    if style == "plain" and len(texts) > 1 and not alone:
        style = "ordinal"  # several measures cannot be written without markers (but a line each)
    if style != "plain":  # "二是…主要做了三方面工作：一是…" would number inside the numbering
        texts = [_INNER_MARK.sub(lambda m: "；" if m.group(0)[:1].isspace() else "", t)
                 if _MAYBE_INNER_MARK.search(t) else t for t in texts]
    def ended(t: str) -> str:
        """The measure's sentence ended; one closing with its bracketed status ("…制度。（已完成）",
        :data:`STATUS_FORM_KEY`; or in brackets of its own, "…【已完成】") ends there, with no stop
        after it."""
        if not status_form or status_form[-1:] == "。" or t[-1:] not in _CLOSED_BY:
            return _sentence(t)
        opened = t.rfind(_CLOSED_BY[t[-1:]])
        return t if opened > 0 and read_status(t[opened + 1:-1]).status is not None else _sentence(t)
    # "一是…，二是…，三是…。已完成。": measures run on with commas, their status said once after them
    commas = bool(once) and style == "ordinal" and len(texts) == len(measures) > 1 \
        and all(m.text.rstrip()[-1:] in "，," for m in measures[:-1])
    if commas:  # (each but the last closes with its comma, kept so)
        texts = [t.rstrip("。.；;，, ") + "，" for t in texts[:-1]] + texts[-1:]
    if style == "ordinal":
        body = "".join(f"{ordinal(i)}{t if commas and t.endswith('，') else ended(t)}"
                       for i, t in enumerate(texts, 1))
    elif style == "paren":
        body = "".join(f"{_paren(i, mark_measures)}{ended(t)}" for i, t in enumerate(texts, 1))
    else:
        body = ("\n" if alone else "").join(ended(t) for t in texts)
    body += _sentence(once) if once else ""
    # (a list mark opening it would be read back as the numbering of what follows, and lost)
    intro = _strip_mark(_LEADING_MARK, _one_paragraph(_from_cell(issue.intro)))
    if intro and not body:  # an introduction with no measure after it ends as a sentence
        intro = _sentence(intro)
    if label and body and not intro:  # "1.…的问题。" / "整改措施：1.…2.…", as the notice had them
        return f"{head}\n{label}{body}"
    if alone and (intro or body):  # "（一）关于…的问题" / its paragraphs
        return f"{head}\n{intro}{body}"
    return head + intro + body


#: the numberings of problems a notice may keep (:data:`ISSUE_MARK_KEY`), as its first problem's
_ISSUE_MARKS = ("（一）", "一、", "（1）", "问题1：", "问题一：", "【问题1】", "【问题一】")
#: the marks of :data:`_ISSUE_MARKS` that name the problem as such: no heading's mark is mistaken for them
_LABELLED_MARKS = ("问题1：", "问题一：", "【问题1】", "【问题一】")


def issue_mark(number: int, mark: str) -> str:
    """An issue's number as the notice numbered its problems (``mark``: "（一）", "一、", "（1）",
    "问题1：", "问题一：", "【问题1】" or "【问题一】", the first problem's), else "1."."""
    if mark == "（一）":
        return f"（{chinese_number(number)}）"
    if mark == "一、":
        return f"{chinese_number(number)}、"
    if mark == "（1）":
        return f"（{number}）"
    if mark == "问题1：":
        return f"问题{number}："
    if mark == "问题一：":
        return f"问题{chinese_number(number)}："
    if mark == "【问题1】":
        return f"【问题{number}】"
    if mark == "【问题一】":
        return f"【问题{chinese_number(number)}】"
    if mark[-2:] == ".1" and mark[:-2].isdigit():  # "2.1": the problems of the second aspect
        return f"{mark[:-2]}.{number}"
    return f"{number}."


def _issue_mark_of(ledger: Ledger) -> str:
    """How the ledger's notice numbered its problems (:data:`ISSUE_MARK_KEY`), when no heading
    above them is numbered in its place ("（一）" is an aspect's mark, unless the aspects keep their
    "一、": :func:`_aspect_mark_of`): else ""."""
    mark = normalize_text(ledger.info.extra.get(ISSUE_MARK_KEY, "")).strip().replace(":", "：")
    if mark == "1.1":  # numbered within their aspect: only under aspects, with nothing between
        return mark if any(a.title is not None for a in ledger.aspects) \
            and not any(c.title is not None for a in ledger.aspects for c in a.categories) else ""
    if mark not in _ISSUE_MARKS:
        return ""
    if mark in _LABELLED_MARKS:
        return mark
    if any(c.title is not None for a in ledger.aspects for c in a.categories):
        return ""
    if any(a.title is not None for a in ledger.aspects) and (mark == "一、" or not (
            _aspect_mark_of(ledger) or _fang_aspects(ledger))):
        return ""
    return mark


def _fang_aspects(ledger: Ledger) -> bool:
    """The ledger's notice headed its aspects "第一方面问题：…" over its problems, with no categories
    (:data:`ASPECT_MARK_KEY` "第一方面"): they are headed so again, and the problems under them keep
    their own "（一）"."""
    return normalize_text(ledger.info.extra.get(ASPECT_MARK_KEY, "")).strip() in ("第一方面", "第一部分") \
        and not any(c.title is not None for a in ledger.aspects for c in a.categories)


def _aspect_mark_of(ledger: Ledger) -> bool:
    """The ledger's notice, told in no parts 一、二、三, numbered its aspects "一、" (:data:`ASPECT_MARK_KEY`):
    they are numbered so again, as the top level, when there are no categories under them."""
    return normalize_text(ledger.info.extra.get(ASPECT_MARK_KEY, "")).strip() == "一、" \
        and fold(ledger.info.extra.get(PARTS_KEY, "")).strip().startswith("否") \
        and not any(c.title is not None for a in ledger.aspects for c in a.categories)


def totals_paragraph(ledger: Ledger, as_of: date | None = None, *, as_of_text: str | None = None) -> str | None:
    """The totals sentence of section 二 from the clerk's statuses; ``None`` when the statuses
    are not a clerk's (a ledger read back from a notice) or no measure has a status. ``as_of_text``
    says the date otherwise than to the day ("2025年12月")."""
    if not _clerk_statuses(ledger):
        return None
    return notice_totals_sentence(ledger, as_of, as_of_text=as_of_text)


def _clerk_statuses(ledger: Ledger) -> bool:
    """The ledger's statuses are a clerk's (some measure has one, none was inferred from a
    notice's prose, not every measure is a published sentence read back): the totals are printed,
    and a measure without a status is a gap to fill, not a sentence to print bare."""
    measures = list(ledger.measures())
    if not measures or all(m.status is None for m in measures):
        return False
    # (a notice read back that bracketed its statuses: a bracket going on after its status,
    # "（正在推进，计划…完成）", is the notice's too)
    bracketed = bool(normalize_text(ledger.info.extra.get(STATUS_FORM_KEY, "")).strip())
    return not (any(m.status_inferred for m in measures) or all(
        _from_notice(m) or (bracketed and _noted_bracket(m) is not None) for m in measures))


def _published(issue: Issue, omit_not_started: bool) -> bool:
    """False for an issue whose every measure is left out as not started."""
    return not (omit_not_started and issue.measures and all(_not_started(m) for m in issue.measures))


def _aspect_title(text: str | None) -> str:
    return _strip_mark(_ASPECT_MARK, _one_paragraph(_from_cell(text or "")))


#: an aspect's title that is a field's label ("党的政治建设方面", "在…方面", "…方面存在的问题"),
#: not the problem said in words (seed 000's "破局攻坚能力不强，…")
_ASPECT_LABEL = re.compile(r"方面(?P<problem>(?:存在)?的?问题)?$")


def field_aspect(title: str, alike: bool = False) -> str:
    """A ledger's aspect named by its field alone is that field's 方面 in the notice:
    "政治建设" → "政治建设方面" (a heading "（一）政治建设" reads as a slogan, not as the
    aspect of the feedback it is); a title saying a problem or already 方面 is left as it is.
    ``alike``: the headings beside it name fields alike (:func:`names_fields_alike`), so a label
    the field words do not know ("医德医风") is headed as theirs are."""
    if names_a_field(title) or (alike and not title.endswith("方面")):
        return f"{title}方面"
    return title


def aspect_heading(number: int, title: str) -> str:
    """The heading of the ``number``-th aspect of a ledger with categories: seed 000's
    ``第一方面问题，{the problem in words}``; an aspect named as a field
    (``党的政治建设方面``) is ``第一方面，党的政治建设方面的问题`` — not
    ``第一方面问题，党的政治建设方面``, which says 方面 twice with nothing joining them."""
    head = f"第{chinese_number(number)}方面"
    if not title:
        return f"{head}问题"
    if (m := _ASPECT_LABEL.search(title)) is None:
        return f"{head}问题，{title}"
    return f"{head}，{title}" if m.group("problem") else f"{head}，{title}的问题"


#: a sentence pointing to a table below ("具体整改情况见下表。", "整改进展如下表所示：")
_TABLE_POINTER = re.compile(r"[^。！；;!]*(?:下表|下列表格|表格如下|列表如下)[^。！；;!]*[。！；;!:：]?")


def _without_table_pointer(text: str) -> str:
    """Section 二's introduction without a sentence pointing to a table below: the notice prints
    the items as paragraphs, there is no table to see (a notice read back from one whose items
    were a table keeps the sentence in 基本信息)."""
    return _TABLE_POINTER.sub("", text).strip() if "表" in text else text


def _items_apart(m: Measure) -> list[Measure] | None:
    """The measures a row's cell lists ("1.制定学习计划；2.开展读书班；3.建立督查制度", as
    ``measures-in-one-cell`` counts them), each as a measure of its own, when how far each got is
    known: the row's progress answers them one for one ("1.已印发\n2.已开展2期\n3.正在起草"), or says
    no more than the row's status ("已完成", or nothing) — each then has that status. ``None`` for
    any other measure: one whose progress tells of the work as a whole stays one measure, as told."""
    # the cheap tests first: most rows list no measures (``_from_notice`` folds both texts)
    if m.status is None or (items := measure_items(m)) is None or _from_notice(m):
        return None
    answers = enumerated_items(_from_cell(m.progress)) or []
    if len(answers) != len(items) and m.raw.get(F.PROGRESS) in (None, ""):
        # the status cell numbering the items' statuses as the measure cell numbers the items
        # ("1.已完成；2.正在推进。" in a 整改情况 column): each item has its own
        answers = enumerated_items(_from_cell(m.status_text)) or answers
    own = status_lines(m, len(items))  # "已完成\n已完成\n长期坚持": the status cell says each item's
    if len(answers) == len(items):
        statuses = own or [_item_status(m.status, answer) or m.status for answer in answers]
        if not own and m.status is not Status.DONE and all(s is Status.DONE for s in statuses):
            # the row says the work is not all done (正在推进) while every answer opens with 已 ("已专题
            # 研究2次", "已检查3个单位"): what each did so far, not each finished — only a status word an
            # answer states stands, the rest keep the row's status
            statuses = [_split_status_word(answer)[0] or m.status for answer in answers]
        return [replace(m, text=item, progress=answer, status_text="", status=status)
                for item, answer, status in zip(items, answers, statuses, strict=True)]
    progress = _progress_text(m.progress)
    if progress and (_split_status_word(progress)[1] or _split_status_word(progress)[0] is not m.status):
        return None
    if own:
        return [replace(m, text=item, progress="", status_text="", status=status)
                for item, status in zip(items, own, strict=True)]
    return [replace(m, text=item, progress="") for item in items]


def listed_apart(ledger: Ledger) -> Ledger:
    """The ledger as the notice tells it: the measures a cell lists one by one (:func:`_items_apart`),
    so that the totals sentence counts the measures the section numbers (一是、二是…)."""
    split = {id(m): parts for m in ledger.measures() if (parts := _items_apart(m)) is not None}
    if not split:
        return ledger
    aspects = [replace(a, categories=[replace(c, issues=[
        replace(i, measures=[p for m in i.measures for p in split.get(id(m), [m])]) for i in c.issues])
        for c in a.categories]) for a in ledger.aspects]
    return replace(ledger, aspects=aspects)


def told_apart_note(ledger: Ledger) -> str | None:
    """What the notice counts otherwise than the ledger's rows, said plainly — "台账的整改措施共2行，
    其中台账第4行一格列了3项措施，通报逐项写出，计为4项措施" — for the summary (which counts rows) and
    the notice command to say beside their counts; ``None`` when every row is one measure told."""
    apart = [(m, len(parts)) for m in ledger.measures() if (parts := _items_apart(m)) is not None]
    if not apart:
        return _shares_note(ledger)
    rows = sum(1 for _ in ledger.measures())
    told = rows + sum(n - 1 for _, n in apart)
    where = "、".join(f"{m.sheet}第{m.row}行" if m.sheet and m.row else f"“{shorten(m.text, 12)}”"
                     for m, _ in apart[:3]) + ("等" if len(apart) > 3 else "")
    listed = f"一格列了{apart[0][1]}项措施" if len(apart) == 1 else f"{len(apart)}行各在一格里列了几项措施"
    said = f"台账的整改措施共{rows}行，其中{where}{listed}，通报逐项写出，计为{told}项措施"
    if (shares := _shares_note(ledger)) is not None:
        said = f"{said[:said.rindex('，')]}；{shares}"
    return said


def _shares_note(ledger: Ledger) -> str | None:
    """"台账第3行“开展网格员培训”按责任单位分别填写了3份进度，通报合为一项写出，计为2项措施":
    what the notice counts once of the shares of one measure (:func:`share_groups`); ``None``
    when the ledger has none."""
    groups = [g for i in ledger.issues() if len(i.measures) > 1
              for g in share_groups(i.measures) if len(g) > 1]
    if not groups:
        return None
    first = groups[0]
    rows = sorted({m.row for m in first})
    lines = f"第{rows[0]}行" if len(rows) == 1 else f"第{rows[0]}—{rows[-1]}行"
    where = f"{first[0].sheet or '台账'}{lines}的" if first[0].row else "台账中"
    by = "时间节点" if len({m.owner_unit for m in first}) == 1 else "责任单位"
    more = f"等{len(groups)}项措施" if len(groups) > 1 else ""
    return (f"{where}“{shorten(_measure_text(first[0].text), 12)}”{more}按{by}分别填写了进度，"
            f"通报{'各' if more else ''}合为一项写出，计为{told_measures(ledger)}项措施")


def told_measures(ledger: Ledger) -> int:
    """How many measures the notice tells of the ledger: a cell's listed measures one by one
    (:func:`listed_apart`), as section 二 numbers them and its totals sentence counts them."""
    return sum(1 for _ in shares_joined(listed_apart(ledger)).measures())


def section_two_blocks(ledger: Ledger, *, as_of: date | None = None,
                       omit_not_started: bool = False, totals: bool = True,
                       today: date | None = None) -> list[Block]:
    """Section 二's paragraphs (without the ``二、`` heading itself); a cell listing several
    measures whose progress is known item by item is told as that many measures, in the
    paragraphs and in the totals sentence alike (:func:`listed_apart`)."""
    ledger = listed_apart(ledger)
    # a notice read back that was dated to its month ("2025年12月") counts as of that month, not of
    # a day it never named (its 报告日期 is the month's last day)
    to_month = as_of is None and "到月" in fold(ledger.info.extra.get(DATE_STYLE_KEY, ""))
    as_of = as_of or ledger.info.report_date
    # whether a planned measure's deadline has passed is judged on the as-of date, else today
    # (the totals sentence says "截至目前" without a date: today is not the ledger's date)
    when = as_of or today
    table_here = _table_in_two(ledger.info)
    intro = [t for p in _paragraphs(ledger.info.section_two_intro)
             if (t := _prose_without_notes(p) if table_here else _without_table_pointer(_prose_without_notes(p)))]
    blocks: list[Block] = []
    month = f"{as_of.year}年{as_of.month}月" if to_month and as_of is not None else None
    if totals and (sentence := totals_paragraph(shares_joined(ledger), as_of, as_of_text=month)) is not None \
            and extract_stated_totals(intro).is_empty():
        blocks.append(Block("body", sentence))
    blocks += [Block("body", p) for p in intro]
    if table_here:  # "整改完成情况如下表：" and the table, where the notice had them
        blocks += _table_blocks(ledger.info.extra.get(TABLE_KEY))
    statuses = _clerk_statuses(ledger)
    has_categories = any(c.title is not None for a in ledger.aspects for c in a.categories)
    run_on = ledger.numbers_issues_on()
    mark = _issue_mark_of(ledger)
    top_aspects = _aspect_mark_of(ledger)
    fang = _fang_aspects(ledger)
    parts = fang and normalize_text(ledger.info.extra.get(ASPECT_MARK_KEY, "")).strip() == "第一部分"
    by_aspect = mark == "1.1"  # "1.1", "1.2" under the first aspect, "2.1" under the second
    # "1.…方面" over them, as the notice headed its aspects (not "（一）")
    # (or with no problem under them at all: nothing else is numbered "1.")
    decimal = (by_aspect or not any(True for a in ledger.aspects for _ in a.issues())) \
        and normalize_text(ledger.info.extra.get(ASPECT_MARK_KEY, "")).strip() == "1."
    aspect_no = category_no = issue_no = 0
    between = _interludes(ledger.info.extra.get(INTERLUDE_KEY))
    said_all = _all_done_sentences(ledger.info.extra.get(ALL_DONE_KEY))
    label = _measure_label(ledger.info.extra.get(MEASURE_LABEL_KEY))
    alone = fold(ledger.info.extra.get(TITLE_ALONE_KEY, "")).strip() == "是"
    # the problems whose several measures are paragraphs with no numbers, under a title alone
    paragraphs = {int(n) for n in re.findall(r"\d+", ledger.info.extra.get(PARAGRAPH_MEASURES_KEY, ""))} \
        if alone else set()
    listed = 0  # problems passed, told or left out: where a paragraph between them stands
    # the headings of one level named by fields alike ("医德医风" | "财务管理"): all headed as fields
    aspects_alike = names_fields_alike([_aspect_title(a.title) for a in ledger.aspects if a.title is not None])
    categories_alike = names_fields_alike([_aspect_title(c.title) for a in ledger.aspects if a.title is None
                                           for c in a.categories if c.title is not None])
    for aspect in ledger.aspects:
        shown = [[i for i in c.issues if _published(i, omit_not_started)]
                 for c in aspect.categories]
        if any(c.issues for c in aspect.categories) and not any(shown):
            for _ in aspect.issues():  # every measure of the aspect left out
                listed += 1
                blocks += [Block("body", p) for p in between.pop(listed, [])]
            continue
        if aspect.title is not None:
            aspect_no += 1
            title = _aspect_title(aspect.title)
            if statuses:  # a clerk's 问题类型; a notice read back keeps its own heading
                title = field_aspect(title, aspects_alike)
            if has_categories:
                blocks.append(Block("aspect", aspect_heading(aspect_no, title)))
            elif fang:  # "第一方面问题，…" over "（一）…的问题", as the notice had them
                blocks.append(Block("aspect", f"第{chinese_number(aspect_no)}部分：{title}" if parts
                                    else aspect_heading(aspect_no, title)))
                if not run_on or by_aspect:
                    issue_no = 0
            elif top_aspects:  # "一、党的领导弱化方面" over "（一）…的问题", as the notice had them
                blocks.append(Block("heading1", f"{chinese_number(aspect_no)}、{title}"))
                if not run_on or by_aspect:
                    issue_no = 0
            else:
                blocks.append(Block("heading2", f"{aspect_no}.{title}" if decimal
                                    else f"（{chinese_number(aspect_no)}）{title}"))
                if not run_on or by_aspect:
                    issue_no = 0  # numbering restarts per aspect (seed 004)
            blocks = _with_count_note(blocks, aspect.count_note, ledger)
        for category, issues in zip(aspect.categories, shown, strict=True):
            if category.issues and not issues:
                for _ in category.issues:
                    listed += 1
                    blocks += [Block("body", p) for p in between.pop(listed, [])]
                continue
            if category.title is not None:
                category_no += 1
                title = _aspect_title(category.title)
                if statuses and aspect.title is None:  # a 问题类型 under no aspect heads as one
                    title = field_aspect(title, categories_alike)
                blocks.append(Block("heading2", f"（{chinese_number(category_no)}）{title}"))
                blocks = _with_count_note(blocks, category.count_note, ledger)
                if category.note and not issues:  # "原问题已整改到位，回头看未发现新问题"
                    blocks.append(Block("body", _sentence(category.note)))
            told = {id(i) for i in issues}
            for issue in category.issues:
                listed += 1
                if id(issue) in told:
                    issue_no += 1
                    blocks += _issue_blocks(_issue_text(
                        issue, issue_no, as_of=when, omit_not_started=omit_not_started,
                        statuses=statuses, mark=f"{aspect_no}.1" if by_aspect else mark,
                        mark_measures=ledger.info.extra.get(MEASURE_MARK_KEY, "").strip(),
                        status_once=ledger.info.extra.get(STATUS_ONCE_KEY, "").strip() == "是",
                        status_form=normalize_text(ledger.info.extra.get(STATUS_FORM_KEY, "")).strip(),
                        said_all=said_all.get(listed, ""), label=label, alone=alone,
                        paragraphs=listed in paragraphs))
                blocks += [Block("body", p) for p in between.pop(listed, [])]
    blocks += [Block("body", p) for n in sorted(between) for p in between[n]]  # after problems no more
    blocks += [Block("body", p) for p in _paragraphs(ledger.info.extra.get(SECTION_TWO_CLOSING_KEY))]
    return [Block(kind, _as_printed(text)) for kind, text in blocks]


#: a line of :data:`INTERLUDE_KEY`: "第2个问题后：" and the paragraph
_INTERLUDE = LazyPattern(INTERLUDE_PLACE.rstrip("：").replace("{n}", r"\s*(\d{1,4})\s*") + r"\s*[:：]\s*(\S.*)")


def _interludes(text: str | None) -> dict[int, list[str]]:
    """The paragraphs section 二 prints between its problems (:data:`INTERLUDE_KEY`), by the
    number of the problem each follows; a line naming no place goes after the last problem."""
    placed: dict[int, list[str]] = {}
    for line in _paragraphs(text):
        found = _INTERLUDE.fullmatch(normalize_text(line).strip())
        n, said = (int(found.group(1)), found.group(2)) if found else (1 << 30, line)
        placed.setdefault(n, []).append(said)
    return placed


def _measure_label(text: str | None) -> str:
    """The label of :data:`MEASURE_LABEL_KEY` as printed ("整改措施："), or "" for none or one that
    is no label of measures."""
    label = zh_punct(normalize_text(text).strip()).replace(":", "：")
    return label if 0 < len(label) <= 12 and label.endswith("：") and "\n" not in label else ""


def _issue_blocks(text: str) -> list[Block]:
    """A problem's paragraph; with its measures under their label or its title alone on its line
    (:func:`_issue_text`), the title's and those under it."""
    head, *below = text.split("\n")
    return [Block("issue", head)] + [Block("body", p) for p in below if p]


#: a line of :data:`ALL_DONE_KEY`: "第2个问题：" and the sentence
_ALL_DONE_LINE = LazyPattern(ALL_DONE_PLACE.rstrip("：").replace("{n}", r"\s*(\d{1,4})\s*") + r"\s*[:：]\s*(\S.*)")


def _all_done_sentences(text: str | None) -> dict[int, str]:
    """The sentences of :data:`ALL_DONE_KEY` by the place in section 二 of the problem each closes."""
    found = (_ALL_DONE_LINE.fullmatch(normalize_text(line).strip()) for line in _paragraphs(text))
    return {int(m.group(1)): m.group(2) for m in found if m is not None}


def _with_count_note(blocks: list[Block], note: str, ledger: Ledger) -> list[Block]:
    """``blocks`` with the sentence of counts written with the heading just added published again
    as the paragraph under it, where the notice had it ("该方面共反馈问题2个，已完成整改1个。");
    a count in brackets ("（共2个问题）") is the clerk's note, not published — but for a notice read
    back (every measure a published sentence), part of the heading it was printed in ("（一）已完成
    整改的问题（2个）"). (rectxl check's heading-count-mismatch says when the issues listed under
    either are not as many.)"""
    note = zh_punct(note.strip())
    if note[:1] == "（" and all(_from_notice(m) for m in ledger.measures()):
        return [*blocks[:-1], blocks[-1]._replace(text=blocks[-1].text + note)]
    if not note or note[:1] == "（":
        return blocks
    return [*blocks, Block("body", _sentence(note))]


def render_section_two(ledger: Ledger, *, as_of: date | None = None,
                       omit_not_started: bool = False, totals: bool = True) -> str:
    """Section 二 as text, one paragraph per line, exactly in the seeds' shape."""
    return "\n".join(b.text for b in section_two_blocks(
        ledger, as_of=as_of, omit_not_started=omit_not_started, totals=totals))


# ---------------------------------------------------------------------------
# The whole notice
# ---------------------------------------------------------------------------

def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [p.strip() for p in normalize_text(text).split("\n") if p.strip()]


#: a part's heading on a line of its own ("二、整改完成情况"): no sentence, a few words
_PART_HEADING = LazyPattern(r"^\s*[一二三四五六七八九十]、[^。,;:!?]{2,30}$")
_NUMERALS = "一二三四五六七八九十"


def _parts_within(text: str | None) -> int:
    """The highest part number a heading inside ``text`` gives ("二、整改完成情况" told within part
    一's paragraphs: 2), 0 for none — the parts after it are numbered on from it."""
    return max((_NUMERALS.index(fold(p).strip()[0]) + 1 for p in _paragraphs(text)
                if _PART_HEADING.match(fold(p))), default=0)


def _prose_blocks(text: str | None, missing: str) -> list[Block]:
    paragraphs = [t for p in _paragraphs(text) if (t := _prose_without_notes(p))]
    if not paragraphs:
        return [Block("body", _placeholder(missing))]
    blocks: list[Block] = []
    for p in paragraphs:
        if _PART_HEADING.match(fold(p)):
            blocks.append(Block("heading1", p))  # "二、整改完成情况": a part the notice told within 一
        elif _PAREN_CN.match(fold(p)):
            cut = p.find("。")
            kind: BlockKind = "lead" if 0 <= cut < len(p) - 1 else "heading2"
            blocks.append(Block(kind, p))
        else:
            blocks.append(Block("body", p))
    return blocks


def _table_in_two(info: LedgerInfo) -> bool:
    """The notice printed its table of counts under the 二、 heading (:data:`TABLE_PLACE_KEY`)."""
    return normalize_text(info.extra.get(TABLE_PLACE_KEY, "")).strip() == TABLE_IN_TWO \
        and bool(info.extra.get(TABLE_KEY))


def _table_blocks(table: str | None) -> list[Block]:
    """A summary table the notice printed (its counts by aspect, with a 合计 row) printed again
    after section 一: one paragraph a row, its cells separated by tabs as the table's columns, so
    that it reads (and reads back) as a table, not as prose."""
    if not table:
        return []
    rows = [_table_row(row) for row in table.replace("\r", "").split("\n") if row.strip()]
    return [Block("row" if "\t" in row else "body", row) for row in rows]


def _table_row(row: str) -> str:
    """A row of the table with its cells separated by tabs; a row whose tabs became spaces (a
    workbook cell read back with its whitespace collapsed) has them back when it has three or
    more cells (a caption "表1 …汇总" has fewer and stays as written)."""
    row = row.strip()
    if "\t" in row:
        return row
    cells = row.split()
    return "\t".join(cells) if len(cells) >= 3 else row


def _superior(group: str | None) -> str:
    """"区委第三巡察组" → "区委" (who ordered the inspection), "厅党组第一巡察组" → "厅党组";
    "中央第一巡视组" → "党中央"."""
    if group and group.startswith("中央"):
        return "党中央"
    if group and (m := re.match(r"^(.{1,12}?(?:委|党组))(?:第|巡|$)", group)):
        return m.group(1)
    return "上级党组织"


def compose_preamble(info: LedgerInfo) -> str:
    """A standard preamble from 基本信息 (placeholders where a fact is missing), saying 巡视 or
    巡察 as the round was (:attr:`~rectxl.core.model.LedgerInfo.inspection_word`)."""
    word = info.inspection_word
    group = info.inspection_group or _placeholder(f"{word}组")
    unit = info.unit_name or info.party_org or _placeholder(f"被{word}单位")
    if info.inspection_start and info.inspection_end:
        period = cn_date_range(info.inspection_start, info.inspection_end)
    else:
        period = _placeholder(f"{word}起止日期")
    if info.feedback_date and info.feedback_month_only:
        feedback = f"{info.feedback_date.year}年{info.feedback_date.month}月"
    else:
        feedback = cn_date(info.feedback_date) if info.feedback_date else _placeholder("反馈日期")
    if info.second_look:  # a 回头看: the group looked again at the round's work and fed back what it found
        return (f"根据{_superior(info.inspection_group)}统一部署，{period}，{group}对{unit}开展了{word}整改“回头看”。"
                f"{feedback}，{group}向{unit}反馈了“回头看”发现的问题。"
                f"按照{word}工作有关要求，现将“回头看”发现问题整改进展情况予以公布。")
    return (f"根据{_superior(info.inspection_group)}统一部署，{period}，{group}对{unit}进行了{word}。"
            f"{feedback}，{group}向{unit}反馈了{word}意见。"
            f"按照{word}工作有关要求，现将{word}整改进展情况予以公布。")


def default_title(info: LedgerInfo) -> str:
    org = info.party_org or info.unit_name or _placeholder("单位名称")
    if info.second_look:
        return f"{org}关于{info.inspection_word}整改“回头看”发现问题整改进展情况的通报"
    return f"{org}关于{info.inspection_word}整改进展情况的通报"


#: the words a unit may use for each contact detail (the first is rectxl's default)
CONTACT_LABELS: dict[str, tuple[str, ...]] = {
    "phone": ("电话", "联系电话", "监督电话", "举报电话", "来电"),
    "address": ("邮寄地址", "通讯地址", "通信地址", "来信地址", "来信请寄", "来信寄至", "邮政信箱", "地址"),
    "postcode": ("邮编", "邮政编码"),
    "email": ("电子邮箱", "电子邮件", "邮箱"),
}
_CONTACT_OPENERS = ("联系方式", "联系电话", "监督电话", "举报电话", "电话", "来电", "来信", "联系人", "邮政编码",
                    "邮编", "电子邮箱", "电子邮件", "邮箱", "通信地址", "通讯地址", "邮寄地址", "地址", "邮政信箱")


def _contact_label(info: LedgerInfo, field: str) -> str | None:
    """The unit's own word for a contact detail: an ``info.extra`` key among
    :data:`CONTACT_LABELS` whose value is that detail (the 基本信息 row or notice line it was
    read from); ``None`` when the unit's word is not known."""
    value = getattr(info, field)
    if not value:
        return None
    for key, text in info.extra.items():
        word = key.strip().rstrip(":：")
        if word in CONTACT_LABELS[field] and _key(text) == _key(value):
            return word
    return None


#: an e-mail address closing a line: no full stop is glued to it (it would read as part of the address)
_ENDS_WITH_EMAIL = LazyPattern(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\s*$")


#: a phone number in a contact line
_GIVES_PHONE = LazyPattern(r"(?<![\d-])(?:\d{3,4}-)?\d{7,8}(?![\d-])|(?<!\d)1[3-9]\d{9}(?!\d)")


def _as_given(info: LedgerInfo, verbatim: str) -> bool:
    """Whether the contact line as written (``info.extra["联系方式"]``) still gives 基本信息's contact
    details: each detail 基本信息 has is in it, and it gives no phone or e-mail 基本信息 has not. A clerk
    who changed or cleared one there is given the details as 基本信息 has them, not the line as written."""
    key = _key(verbatim)
    if any((value := getattr(info, name)) and _key(value) not in key
           for name in ("phone", "address", "postcode", "email")):
        return False
    return not ((not info.phone and _GIVES_PHONE.search(verbatim)) or (not info.email and "@" in verbatim))


def contact_lines(info: LedgerInfo) -> list[str]:
    """The contact details as :func:`contact_line` gives them; those the notice gave on lines of
    their own ("联系人：…" / "联系电话：…" / "电子邮箱：…", kept so in ``info.extra["联系方式"]``)
    one line each, as written."""
    verbatim = normalize_text(info.extra.get("联系方式", ""))
    lines = [t.strip() for t in verbatim.split("\n") if t.strip()]
    if len(lines) > 1 and _as_given(info, verbatim) and all(fold(t).startswith(_CONTACT_OPENERS) for t in lines):
        return lines
    return [contact_line(info)]


def contact_line(info: LedgerInfo) -> str:
    """The contact details in the unit's own words: ``info.extra["联系方式"]`` as written when
    present (no full stop glued to an e-mail address closing it); otherwise each detail under the
    word it was given in (:func:`_contact_label`), else 电话/邮寄地址/邮编/电子邮箱; placeholders where
    a detail is missing."""
    if (verbatim := normalize_text(info.extra.get("联系方式", ""))) and _as_given(info, verbatim):
        text = _one_paragraph(verbatim)
        if not fold(text).startswith(_CONTACT_OPENERS):
            text = f"联系方式：{text}"
        return text if _ENDS_WITH_EMAIL.search(text) else _end(text)
    phone_label = _contact_label(info, "phone")
    if phone_label is None and info.phone \
            and (said := normalize_text(info.extra.get(PHONE_LABEL_KEY, "")).strip()) in CONTACT_LABELS["phone"]:
        phone_label = said  # "联系电话：…" as the notice read back gave it
    if phone_label in (None, "电话"):
        items = [f"联系方式：电话 {info.phone or _placeholder('联系电话')}"]
    else:
        items = [f"{phone_label}：{info.phone}"]
    for field, missing in (("address", "邮寄地址"), ("postcode", "邮编"), ("email", "电子邮箱")):
        label = _contact_label(info, field) or CONTACT_LABELS[field][0]
        items.append(f"{label}：{getattr(info, field) or _placeholder(missing)}")
    return "；".join(items) + "。"


def restated(ledger: Ledger, as_of: date | None = None) -> Ledger:
    """The ledger with the paragraphs the notice publishes as written (导语, 一、, 二、导语) whose
    sentences state how far the round got counted again from its statuses, in their own words
    (:func:`~rectxl.core.notice.totals.restate_totals`, dated ``as_of``, default 报告日期)."""
    info, when = ledger.info, as_of or ledger.info.report_date
    preamble, one, two = (restate_totals(text, ledger, when) if text else text
                          for text in (info.preamble, info.section_one, info.section_two_intro))
    if (preamble, one, two) == (info.preamble, info.section_one, info.section_two_intro):
        return ledger
    return replace(ledger, info=replace(info, preamble=preamble, section_one=one, section_two_intro=two))


def notice_blocks(ledger: Ledger, *, as_of: date | None = None,
                  omit_not_started: bool = False, today: date | None = None) -> list[Block]:
    """The whole notice as blocks: title, preamble, 一、二、三、, supervision and contacts,
    signature and date — from :class:`~rectxl.core.model.LedgerInfo`, placeholders where missing.

    ``as_of`` (default: 基本信息's 报告日期) dates the totals sentence; ``omit_not_started``
    leaves out the measures marked 未启动 instead of writing them as planned work; ``today``
    (the front ends pass it) tells a planned measure whose deadline has passed when there is
    no as-of date."""
    ledger = restated(ledger, as_of)
    info = ledger.info
    word = info.inspection_word
    h1, h2, h3 = (_worded(h, word) for h in DEFAULT_HEADINGS)
    if info.second_look:
        h2 = f"{word}整改“回头看”发现问题整改落实情况"
    blocks = [Block("title", _one_paragraph(info.title) if info.title else default_title(info))]
    # a preamble paragraph ends as a sentence: without it, a short one would read back as a
    # second line of the title
    preamble = [_end(p) for p in _paragraphs(info.preamble)] or [compose_preamble(info)]
    blocks += [Block("body", p) for p in preamble]
    # a notice not told in parts (a village's 公示: one sentence, then its problems) is written
    # again so: the parts it has, no headings, no placeholders for parts it never had
    parts = not fold(info.extra.get(PARTS_KEY, "")).strip().startswith("否")
    # a notice whose preamble says how the work was organised, its first part the items: its
    # parts numbered as it numbered them, from 一、 (no part 一 it never had, left to fill in)
    part_one = parts and not (fold(info.extra.get(PART_ONE_KEY, "")).strip().startswith("否")
                              and not info.heading_one)
    # (parts the notice told within part 一's paragraphs, "二、整改完成情况", numbered the later ones on)
    numbers = iter(_NUMERALS[max(_parts_within(info.section_one), 1 if part_one else 0):])
    if part_one:
        blocks.append(Block("heading1", f"一、{info.heading_one or h1}"))
        blocks += _prose_blocks(info.section_one, "整改工作组织领导情况")
    else:
        blocks += [b for b in _prose_blocks(info.section_one, "") if info.section_one]
    if not _table_in_two(info):
        blocks += _table_blocks(info.extra.get(TABLE_KEY))
    if parts:
        blocks.append(Block("heading1", f"{next(numbers)}、{info.heading_two or h2}"))
    # section 二 comes with its punctuation made full-width (zh_punct is idempotent: the
    # paragraphs, most of the notice, are not scanned twice)
    two = section_two_blocks(ledger, as_of=as_of, omit_not_started=omit_not_started, today=today,
                             totals=parts) or [Block("body", _placeholder("整改落实情况"))]
    head, blocks = blocks, []
    if parts:
        blocks.append(Block("heading1", f"{next(numbers)}、{info.heading_three or h3}"))
        blocks += _prose_blocks(info.section_three, "下一步工作打算")
    elif info.section_three:
        blocks += _prose_blocks(info.section_three, "")
    if own := _paragraphs(info.extra.get(CLOSING_KEY)):
        blocks += [Block("closing", _end(p)) for p in own]  # the notice's own closing, as it was
    else:
        supervision = _worded(SUPERVISION, word)
        if invitation := normalize_text(info.extra.get(INVITATION_KEY, "")):
            supervision = _end(invitation)  # the notice's own words ("…师生员工和社会各界…")
        if (period := info.extra.get("公开期限")) and _key(period) not in _key(supervision):
            # (an invitation of its own may give the period: "请在…至…期间，通过以下方式反映：")
            supervision += f"公开期限：{_end(period.strip())}"
        blocks.append(Block("closing", supervision))
        blocks += [Block("closing", line) for line in contact_lines(info)]
    blocks.append(Block("signature", info.party_org or _placeholder("落款（党组织名称）")))
    # the notice is signed on the date it states its totals on: the as-of date when one is given
    # (基本信息's 报告日期/成文日期 is one field, read as the as-of date when none is given)
    signed = as_of or _signing_day(info) or info.report_date
    blocks.append(Block("date", _signed_date(signed, fold(info.extra.get(DATE_STYLE_KEY, "")).strip(),
                                             month_only=as_of is None) if signed else _placeholder("成文日期")))
    return [*(Block(kind, _as_printed(text)) for kind, text in head), *two,
            *(Block(kind, _as_printed(text)) for kind, text in blocks)]


def _signing_day(info: LedgerInfo) -> date | None:
    """The day a notice read back was signed on, when it stated its progress as of an earlier one
    (:data:`SIGNED_KEY`; 报告日期 is that earlier day) — while it still follows that day: a 报告日期
    moved on since (next month's notice) is signed on its own day."""
    signed = parse_date(info.extra.get(SIGNED_KEY, "").strip() or None)
    report = info.report_date
    if signed is None or (report is not None and not 0 <= (signed - report).days <= 183):
        return None
    return signed


def _signed_date(day: date, style: str, *, month_only: bool) -> str:
    """The date the notice is signed with, as the notice read back wrote it (:data:`DATE_STYLE_KEY`):
    in Chinese numerals ("二〇二五年十二月一日"), to its month only ("2025年12月" — its own 报告日期
    then stands for the month; a date given with ``--as-of`` is signed to the day)."""
    numerals = "汉字" in style
    if "到月" in style and month_only:
        return (f"{cn_numeral_date(day).split('年')[0]}年{chinese_number(day.month)}月" if numerals
                else f"{day.year}年{day.month}月")
    return cn_numeral_date(day) if numerals else cn_date(day)


#: a mark typed twice or a clause mark before the full stop ("成果，，推动", "万元..", "已建立。。",
#: "；。"), and brackets left empty: one mark, as a notice prints it
_DOUBLED_MARK = LazyPattern(r"[，；、：]+(?=[。！？])|([，；、：])\1+|(?<=[。！？])[。.．，；、]+"
                            r"|(?<=[\u4e00-\u9fff）》”%％])[.．]{2,}(?![.．\d])|（\s*）")
#: what :data:`_DOUBLED_MARK` and :data:`_TYPED_DATE` need, found by a scan for their first
#: character (their own lookbehinds make the engine try every position of a long paragraph): two
#: marks side by side or empty brackets; a year and a typed separator
_MAYBE_DOUBLED = re.compile(r"[，；、：。！？.．][，；、：。！？.．]|（\s*）")
_MAYBE_TYPED_DATE = re.compile(r"(?:19|20)\d\d[./．\-]\d")
#: a date typed with dots, slashes or hyphens in a sentence ("2025.7.15印发", "2025/08/31前")
_TYPED_DATE = LazyPattern(
    r"(?<![\d.．/\-])((?:19|20)\d{2})([./．\-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d]|[.．/\-]\d|日)")
#: a currency sign before an amount ("￥12,680元", "¥3500"): a notice writes the amount in 元
_CURRENCY = LazyPattern(r"[￥¥]\s*(\d[\d,，]*(?:\.\d+)?)\s*((?:[万亿])?元)?")


_CJK_SPACE = LazyPattern(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20“”‘’])[ \u3000]+"
                         r"(?=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20“”‘’])")
_HALF_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for c in range(r[0], r[1] + 1)}


def _as_printed(text: str) -> str:
    """A paragraph as the notice prints it: full-width punctuation (:func:`zh_punct`), each mark
    once, a typed date in words ("2025.7.15" → "2025年7月15日") and an amount without its
    currency sign ("￥12,680元" → "12,680元")."""
    if "￥" in text or "¥" in text:
        text = _CURRENCY.sub(lambda m: m.group(1) + (m.group(2) or "元"), text)
    if any(c in text for c in "./．-") and _MAYBE_TYPED_DATE.search(text) and _TYPED_DATE.search(text):
        text = _TYPED_DATE.sub(lambda m: f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日", text)
    if _FULL_WIDTH_ALNUM.search(text):
        text = text.translate(_HALF_WIDTH)  # "ＯＡ系统已于９月" as printed: "OA系统已于9月"
    text = zh_punct(text)
    if " " in text or "\u3000" in text:  # "…2个。 下一步", "（一）　党的…": no space between Chinese
        text = _CJK_SPACE.sub("", text)
    if _MAYBE_DOUBLED.search(text):
        text = _DOUBLED_MARK.sub(lambda m: m.group(1) or ("。" if m.group(0)[0] in ".．" else ""), text)
    return text.translate(_HALF_BACK) if _HALF_OPEN in text else text


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#<>|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_lead(text: str) -> str:
    """The issue's lead sentence in bold. Its full stop goes after the closing ``**``: CommonMark
    closes emphasis only where the ``**`` is not wedged between a mark and a letter
    ("**…不够。**一是" stays literal asterisks; "**…不够**。一是" is bold)."""
    cut = text.find("。")
    if cut < 0:
        return f"**{_md(text)}**"
    return f"**{_md(text[:cut])}**{_md(text[cut:])}"


def render_blocks(blocks: list[Block], *, style: Literal["text", "markdown"] = "text") -> str:
    """Blocks as plain text (paragraphs indented with two full-width spaces, blank lines
    between) or Markdown (``#`` title, ``##`` 一、, ``###``/``####`` for the levels below)."""
    out: list[str] = []
    if style == "text":
        for kind, text in blocks:
            indent = "" if kind in ("title", "signature", "date") else "\u3000\u3000"
            out.append(indent + text)
        return "\n\n".join(out) + "\n"
    if style != "markdown":
        raise ValueError(f"unknown style {style!r}")
    under_aspect = False
    for at, (kind, text) in enumerate(blocks):
        if kind == "row":  # a table: its first row the header, as the notice printed it
            cells = [_md(c.strip()) for c in text.split("\t")]
            line = "| " + " | ".join(cells) + " |"
            if at == 0 or blocks[at - 1].kind != "row":
                out.append(line + "\n|" + "---|" * len(cells))
            else:
                out[-1] += "\n" + line
        elif kind == "title":
            out.append(f"# {_md(text)}")
        elif kind == "heading1":
            under_aspect = False
            out.append(f"## {_md(text)}")
        elif kind == "aspect":
            under_aspect = True
            out.append(f"### {_md(text)}")
        elif kind == "heading2":
            out.append(("#### " if under_aspect else "### ") + _md(text))
        elif kind in ("lead", "issue"):
            out.append(_md_lead(text))
        else:
            out.append(_md(text))
    return "\n\n".join(out) + "\n"


def render_notice(ledger: Ledger, *, style: Literal["text", "markdown"] = "text",
                  as_of: date | None = None, omit_not_started: bool = False,
                  today: date | None = None) -> str:
    """The whole notice as plain text or Markdown (see :func:`notice_blocks`)."""
    return render_blocks(notice_blocks(ledger, as_of=as_of, omit_not_started=omit_not_started, today=today),
                         style=style)
