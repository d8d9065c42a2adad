"""Parse a published 整改进展情况的通报 (plain text, or the paragraphs of a .docx) into a ledger.

Pure: takes a string, returns a :class:`ParsedNotice`; never opens files. For ANY input
string :func:`parse_notice` either returns or raises :class:`NoticeParseError` (a
:class:`~rectxl.core.errors.RectxlError` with one Chinese sentence) — never anything else.
It raises only for text that is not a notice at all; a notice that is cut short (a copy pasted
from a web page) gives what is there, with ``complete=False`` and a warning.

Every pattern is matched on a *detection copy* of each line — full-width forms folded to ASCII,
traditional characters to simplified, one character for one — and every text kept is sliced
from the notice's own line, so the output keeps the notice's wording and characters.

How the structure is found (DESIGN.md §4; both seeds in ``shared/seeds`` are the reference):

1. **Clean-up.** Blank lines, Markdown marks (``#``, ``**``) and web-page or PDF debris
   (您的位置：首页 > …, 【字号：大 中 小】【打印本页】【关闭窗口】, 来源/发布时间/浏览次数 lines,
   （转载）, site names, document numbers, page numbers "— 2 —", a navigation bar
   "首页 | 机构概况 | …", 发布者：… 点击数：… lines) are dropped; a title printed twice is kept
   once. A PDF copy's page breaks go before lines are rejoined: the page number ("— 3 —",
   "-3-", "第 2 页 共 3 页") and the running header printed beside it (the notice's title, or a
   line printed at two page breaks) are dropped, and a sentence the break cut off is joined
   again; so is the title repeated further down. After the signature, what follows a web page's
   own debris (上一篇, 网站地图 | 联系我们, 主办单位) is the site's footer, not the unit's contact
   details. Dates on debris lines are remembered (the publication date). In a text whose
   paragraphs open indented, a flush-left line under a full-width line that ends no sentence
   is that paragraph going on (hard line breaks of a saved text) and is joined to it. A list
   bullet (●, ■, —, Markdown's "- ", and any run of emoji or symbols a WeChat copy puts
   before a heading: "📌 一、…", "🔸（一）…", "✅整改情况：") is no part of its line. A WeChat
   copy's debris (:mod:`rectxl.core.notice._debris`: 点击蓝字关注我们, the account's name above
   its publication time, END, 编辑/审核/责编/监制, 分享 点赞 在看, 阅读原文) and a site's footer
   (主办单位, ICP 备案) are dropped; so is a list of other articles under "相关链接" / "往期推荐",
   and the numbered lines under "附件：" are attachments, not items. A site's menu above the
   title ("首页 / 走进某某 / 政务服务 …") is not the title: the title is the line that names
   the notice, with the lines above it that open it. Notes printed at the end ("注释：" /
   "[1] …" / "※ …", after the signature or before it) are taken out into
   ``info.extra[NOTES_KEY]`` and their markers ("[1]", "※") out of the text.
2. **Tables.** Tab- or ``|``-separated rows under a header row naming a problem and a measure
   column (a ledger published as a table) become issues carrying their cells: measures and
   progress ("1.…；2.…" paired one for one), owners, deadline, and a stated status. A row whose
   序号 and 问题 cells are empty (merged in the original) or repeat the row above is one more
   measure of the same issue; a row that lost its leading empty cells keeps its last cell under
   the last column. Any other
   table printed before the items (a summary of the round's counts, with its caption "…统计表" /
   "表1 …汇总"; in the preamble or in section 一; separated by tabs, ``|``, or columns aligned
   with spaces) is taken out of the title, preamble and section 一 and kept whole in
   ``info.extra[TABLE_KEY]`` (its rows tab-separated); its 合计 row gives the totals the prose
   does not state (:func:`~rectxl.core.notice.totals.table_totals`).
3. **Front and tail.** Title lines (short, no full stop) come first; the signature date is the
   last line that is only a date (or ends the signature line), the signature (落款) the short
   line above it; the closing (欢迎…监督, 联系电话, 邮政信箱 …) is the first closing line after
   which no item follows. A contact detail given under a word of the unit's own (邮政信箱,
   来信请寄, 联系电话 …) keeps that word in ``info.extra``; a postcode in brackets after the
   address ("…办公室（邮编：425600）") is the postcode, not part of the address; a national
   hotline (举报电话：12380) beside the unit's own number is not its contact phone.
4. **Sections.** Section headings are ``一、…`` lines that are not aspects; without them,
   ``（一）…`` lines naming a section (书记组织落实整改情况, 反馈问题整改情况, 下一步工作打算 …);
   without those, short unnumbered heading lines (整改落实情况 …). The **itemised section** is the
   one whose heading says so (巡察反馈问题整改情况, 整改落实情况, 逐项…, 问题整改 …), else ``二、``,
   else the one with the most items. Headings numbered ``第一部分`` are sections too, stored
   without that numbering. Aspects numbered as sections of their own ("一、总体情况 / 二、关于…
   方面 / 三、关于…方面 / 四、下一步") are the itemised section, with no ``二、`` heading of
   its own; so are top-level aspects "一、在…方面 / 二、在…方面" with no section heading before
   them, up to the heading after them ("下一步工作打算", numbered or not) — a heading naming
   what is not the items (下一步, 组织领导 …) is never taken for the itemised section because its
   "1.…2.…" are many. A notice with no sections at all (aspects straight after
   the preamble, as ``一、在…方面`` or ``（一）在“…”方面``) is itemised from its first aspect
   (or item) on. A ``下一步，…`` paragraph after the last item ends it.
5. **Levels.** Inside, each line is marked by its numbering: ``第X方面`` / ``一、`` / ``（一）``
   (``一)``) / ``1.`` (``⒈``) / ``第一，`` / ``（1）`` (①, ⑴, ``1)`` count as ``（1）``) / ``问题1：``
   (``问题一：``, ``问题一 ``, ``【问题一】``, ``（问题一）``, ``〔问题1〕``, ``第一个问题：``, and an
   unnumbered block ``问题：… 措施：… 进展：…`` — unless each ``问题：`` line only describes the
   numbered item right above it). The kinds, in order
   of first appearance, are the levels. ``问题1：`` lines are the issues, whatever else there is:
   the levels above them are the aspect and the category, the level below them the measure.
   Otherwise ``第X方面`` lines and a first level whose titles say 方面 are **aspects**; a first
   ``（一）``/``一、`` level is also an aspect level when its items have no text of their own and
   the level below reads like issues. Below the aspects: ``（1）`` under ``1.`` are measures (the
   sub-items of layout "1.关于…问题的整改 / （1）…。整改情况：…"), unless the ``（1）`` items
   enumerate measures of their own (一是…) under bare ``1.`` headings — then ``1.`` is the
   category and ``（1）`` the issue; a ``（1）`` line read as a measure that still carries its own
   一是… is warned about (issues may have been merged); ``（一）`` above ``1.`` is a
   category when the ``1.`` items are the issues (they carry 一是… or 整改情况：, or the
   ``（一）`` items have no text of their own), and the issue itself (with ``1.`` measures) when
   the ``（一）`` items carry text or name problems the ``1.`` items do not; otherwise the first
   level is the issue and the next the measure. A decimal outline ("1. / 2.1 / 2.1.1", each
   line under its parent) is read as these kinds: "N." lines naming sections are sections, the
   depths below them aspect, issue and sub-item. A heading's count ("（2个）", "该方面共3个问题，
   …") is no part of its title and is checked against the issues listed; a group named by who
   leads it ("党组书记、局长陈立新领办的问题", "办公室牵头整改的问题") stays an aspect and gives
   its measures their 责任领导 (the name) or 责任单位.
6. **Issues.** The title is the text up to the first ``。`` outside quotes (or up to the first
   measure marker or 整改情况：label; a title broken over two lines by a PDF copy is joined);
   measures are the 一是/二是… segments, else the ``（1）`` sub-items, else ``1.`` lines when
   those are the measure level, else the unnumbered paragraphs (one measure each). An issue that
   opens by naming its problem ("针对“…”问题，医院…"; never one only pointing back at it,
   "针对这一问题，") is titled by that lead, the rest is its
   measure text; an aspect (or an itemised section without aspects) written as unnumbered
   paragraphs that each open so — in words, or with a bold sentence (``**…**``, which is how a
   .docx paragraph's bold runs are read) — is one issue per such paragraph. A description of
   the problem after the title ("主要表现为：一是…；二是…") is part of the title, not measures.
   Text between the title and the first marker (整改情况：, 巡察指出：…整改情况：, a lead-in
   sentence) is the issue's ``intro``. A "整改措施：… 整改进展：…" pair gives the measures their
   text and their progress — per measure when each measure carries its own 整改进展：; a
   measure listing items with "；" answered item by item is one measure per item. Lines
   "责任领导：…", "责任股室：…", "整改时限：…" fill those fields of the issue's measures; so does a
   bracket of such fields ("（责任单位：…；完成时限：…）") after the issue's last measure only,
   while one after each measure is that measure's own — the brackets leave the text. A measure
   that says when it will be done ("预计2025年6月底前完成") has that as its deadline. An issue
   labelled "反馈问题2：“…。”" is titled by the quoted words.
7. Statuses are **inferred** from the wording (:func:`infer_status`) and marked
   ``status_inferred`` (a status a table states in its own column is kept as stated). When the
   issue's progress, written once for the whole issue, says the issue is done ("该问题已完成整改",
   "已完成整改。"), its measures are done, not 正在推进. A status tag after a measure
   ("…办法。（已完成）", "…（正在推进）。", "（长期坚持）") is that measure's status, stated (not
   inferred), and leaves its text. A status **stated** for the whole issue
   ("【正在推进】" after the title, "（已整改到位）" after it, a line "整改状态：已完成",
   "整改情况：已整改。一是…") is taken out of the text and given to its measures as stated (not
   inferred), except a measure that states its own — and, for an issue still in progress, a
   measure that says it was done ("已完成…"). So is a last sentence of the issue that is only a
   status ("一是…；二是…。已整改完成。", "需长期坚持。"), unless another sentence of it is a status
   of its own (each measure stating its own). A "整改成效：…" line beside a 整改进展 is the issue's
   result, no measure's progress: kept as its measures' remark (备注). One progress sentence
   answering the measures clause by clause ("…已印发，…已建立。") is paired with them when its
   clauses agree on how far the work got. Text
   inside the itemised section that fits nowhere is kept — in the warnings and in
   ``info.extra["未归类文字"]`` — never dropped.
8. A whole notice (signed and dated) that states the round's totals but lists no issues is a
   notice of counts only: complete, said so in a warning, its "下一步，…" paragraph section 三,
   its totals checked only against each other.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal
from unicodedata import east_asian_width

from rectxl.core import fields as F
from rectxl.core.deadline import AS_OF_SAID, as_of_day, parse_deadline
from rectxl.core.errors import RectxlError
from rectxl.core.grid import Grid, find_header
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice._debris import (
    ANNEX_HEADING,
    LINK_HEADING,
    PAGE_NUMBER,
    PAGE_NUMBER_FORMS,
    SOCIAL_DEBRIS,
    TIMESTAMP,
    symbol_run,
)
from rectxl.core.notice._text import DATE, DATE_NUMERIC, DATE_SHORT, detect, short_date, to_date
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
    StatedTotals,
    TotalCheck,
    check_totals,
    extract_stated_totals,
    sample_words,
    table_totals,
    total_row_totals,
)
from rectxl.core.numbering import (
    CIRCLED,
    EnumKind,
    count_sentence,
    enumeration,
    item_mark_end,
    marker_at,
    split_count_note,
)
from rectxl.core.status import Status, opening_status, read_status, split_opening_status, status_phrase, unfounded
from rectxl.core.text import CN_NUM, cn_date, normalize_for_compare, normalize_text, ordinal, shorten, to_int

__all__ = [
    "APPENDIX_KEY",
    "NOTES_KEY",
    "TABLE_KEY",
    "UNPLACED_KEY",
    "NoticeParseError",
    "ParsedNotice",
    "infer_status",
    "normalize_for_compare",
    "parse_notice",
]

#: ``info.extra`` key of the text the parser could not place in the hierarchy
UNPLACED_KEY = "未归类文字"


class NoticeParseError(RectxlError):
    """The text cannot be read as a 整改进展情况通报; ``str(exc)`` is one Chinese sentence."""


@dataclass
class ParsedNotice:
    """A notice read back: the ledger, the totals its prose states, and their checks."""

    ledger: Ledger
    stated_totals: StatedTotals = field(default_factory=StatedTotals)
    total_checks: list[TotalCheck] = field(default_factory=list)
    #: things worth a look that did not stop parsing (Chinese sentences)
    warnings: list[str] = field(default_factory=list)
    #: False when the text is recognisably a notice but cut short (the ledger holds what is there)
    complete: bool = True
    #: text of the itemised section that could not be placed as aspect, issue or measure
    unplaced: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Status from wording
# ---------------------------------------------------------------------------

# The rule, applied to a measure's progress (else its text), first match wins:
#  0. a status word the text opens with ("已完成。召开…", "已基本完成，尚有…", "尚未启动")
#                                                                  -> that status
#  0b. a status stated after the account: a last bracket or last clause that is only a status
#     ("…（持续推进中）", "…，持续推进。", "…（已完成）"), or so ending the sentence before what
#     comes next ("…，已完成。下一步将…")                                 -> that status
#  0c. a clause that is only "not begun", nothing said done before it ("…，尚未启动，拟于…")
#                                                                  -> 未启动
#     (持续推进 as a status is 长期坚持, DESIGN §2; inside a sentence it looks ahead)
#  1. a negation (尚未/暂未/还未/未完成/未能/未到位/仍在), or a document only drafted or
#     awaiting approval (已形成初稿, 征求意见稿, 送审稿, 待印发, 审批中)   -> 正在推进
#  1b. part of a larger count done ("对23处…进行修复，已修复19处"), or a count left to do
#     ("剩余80平方米年底前腾退"; not "其余2个均已整改")              -> 正在推进
#  2. a long-term phrase: 长期坚持/长期推进/长期执行/长期开展/长期保持, 持续坚持,
#     常态化 (a bare 长期 is not enough: "长期拥堵问题" describes the problem)  -> 长期坚持
#  3. forward-looking words: 拟, 下一步, 正在, 持续 (not "持续5个月", a duration), 逐步, 继续,
#     预计, 计划 before a date ("计划2024年10月底前投用"), a share done below 100%
#     ("主体工程已完成60%"), and 将 only as a future marker (将于/将在/将继续/将持续/将陆续/
#     将进一步/将按…, 还将/也将/仍将/即将/并将) — a bare 将 is usually 把 ("将…纳入…")
#                                                                  -> 正在推进
#  4. completion words: 已, 完成, 办结, 销号, 到位, 了 (not 为了/除了/了解), 经…审议通过
#     (not 经…审议通过后, a step still ahead)                                 -> 已完成
#  5. a result counted in the past ("开展专题研讨4次", "查处…7个", "培训132人次")   -> 已完成
#  6. nothing of the above                                                      -> 正在推进
#     (conservative: never claim a completion the text does not state)
# The result is a guess: parse_notice marks it ``status_inferred``.
_NEGATION = re.compile(r"尚未|暂未|还未|未完成|未能|未到位|仍在"
                       # begun, or a plan waiting to be carried out ("整改工作已启动", "待资金到位后实施")
                       r"|已启动(?![^。]*(?:完成|完工|办结|到位))|待[^，,。；;]{0,10}?(?:后)?(?:实施|开工|启动|施工)"
                       r"|已报[^，,。；;]{0,12}?(?:审定|审批|审核|批准|批复)"
                       # a document only drafted, or waiting for its approval ("目前已形成初稿")
                       r"|初稿|征求意见稿|送审稿|讨论稿|待印发|待审议|待审批|待批复|审批中|报批中")
_LONG_TERM = re.compile(r"长期(?:坚持|推进|执行|开展|保持)|持续坚持|常态化")
_FORWARD = re.compile(
    r"(?<![模草虚])拟|下一步|正在|(?<![真反公纠改])正(?=按|抓紧|积极|加快|有序|全力|稳步|协调)|逐步|继续"
    r"|持续(?![\d一二三四五六七八九十两半数几多]+\s*(?:个|周)?(?:月|年|天|周|日|小时|次|轮|场|期|届))"
    r"|(?:还|也|仍|即|并)将|预计|计划(?=于|在|到|\d|年底|年内|近期|下半年|明年)"
    r"|(?:完成|进度)\s*(?:了|约|近|率)?\s*(?:为|达到?)?\s*\d{1,2}(?:\.\d+)?\s*%"
    r"|(?:明年|来年|下一?年度?)(?:实施|启动|推进|开工|完成)"
    r"|将(?:于|在|继续|持续|陆续|进一步|按照?|会|要|尽快|适时|加快|逐步|根据|结合|不断)"
)
_DONE = re.compile(r"已|完成|办结|销号|到位|(?<![为除])了(?!解)"
                   # a rule or plan passed by the body that decides it ("经党委会审议通过")
                   r"|(?<![待需须要拟])经[^,;。待拟]{0,14}?(?:审议|审定|研究|会议)通过(?!后)")
_COUNTED = re.compile(
    r"\d+(?:\.\d+)?\s*[万亿]?\s*(?:次|人次|家次|个|家|项|件|起|场|份|名|户|人|篇|条|处|轮|期|元|亩|座|所|批|"
    r"期次|课时|小时|天|平方米|米|公里|千米|吨|台|辆|套|宗|卷|种|类|本|册|株|棵|间|栋)")


#: the last clause of a measure, or a bracket it ends with: "…，持续推进。", "…（已完成）。",
#: "…（正在推进，预计2025年6月底完成）"
_LAST_BRACKET = re.compile(r"[(\[【]([^()\[\]【】]{2,40})[)\]】]\s*[。.;]?\s*$")
_LAST_CLAUSE = re.compile(r"(?:^|[,;。])\s*([^,;。]{2,12}?)\s*[。.;]?\s*$")


def _closing_status(text: str) -> Status | None:
    """A status a measure states after its account, in a bracket ("（持续推进中）") or as its
    last clause ("…，持续推进。"): only words that are nothing but a status count (a clause
    "持续推进城市更新" names work, not its status). Long-term words are read here because as
    a status they mean 长期坚持 (DESIGN §2), where the same words inside a sentence look ahead."""
    det = detect(text)
    for pattern in (_LAST_BRACKET, _LAST_CLAUSE):
        m = pattern.search(det)
        if m is None:
            continue
        words = text[m.start(1):m.end(1)]
        reading = read_status(words)
        if reading.status is not None and (
                (opening_status(words) is not None and (pattern is _LAST_BRACKET or not reading.rest))
                # a last clause that is a status and nothing more: "…。已全面完成", "目前已基本完成整改"
                or (pattern is _LAST_CLAUSE and not reading.rest and _ONLY_STATUS.match(detect(words)))):
            return reading.status
        if (phrase := status_phrase(words)) is not None:
            return phrase  # "…，持续开展。", "…（常态化开展）": a long-term phrase, as a status cell reads it
    return None


#: a clause that is only a status word with what may stand before it ("目前已基本完成整改", "已全面
#: 完成", "均已整改到位"): the state of the work, no account of it
_ONLY_STATUS = re.compile(r"^(?:目前|现|该问题|此问题|上述问题)?(?:已经?|均已|全部|已全部|已全面|全面|基本)*"
                          r"(?:基本)?(?:完成|办结|整改到位|整改完毕|整改完成|销号)(?:整改|任务)?$")


#: a sentence saying what comes next, after the measure's account and its status
_NEXT_STEP = re.compile(r"[。；;](?=\s*(?:下一步|下步|后续|今后|接下来))")
#: a clause that is only "not begun" (on the detection copy: "，" is ","): "…，尚未启动，拟于…"
_NOT_BEGUN = re.compile(r"(?:^|[,;。])\s*(?:目前)?(?:尚|暂|还)?未(?:启动|开展|实施|开始)(?:整改)?\s*(?=[,;。]|$)")


#: a clause planning when the work will begin (on the detection copy): "计划于2026年3月启动",
#: "拟于明年一季度开展", "将于年底前开工", "计划于2027年3月底前开展轮训", "拟开展轮训" (rectxl's
#: own words for a 未启动 measure)
#: a time within a year a plan names: "3月底", "3月15日", "上半年", "第三季度"
_IN_YEAR = r"\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|初|上旬|中旬|下旬)?|[上下]半年|第?[一二三四1-4]季度"
_PLANNED_START = re.compile(
    r"(?:^|[,;。])\s*(?:目前)?(?:计划|拟|准备|预计|将|定于)\s*(?:于|在|到)?\s*"
    rf"(?:(?:\d{{4}}\s*年\s*)?(?:{_IN_YEAR}|年底|年内|年初)|(?:明年|今年|下半年|上半年|近期|年底|年内)[^,;。]{{0,6}}?)?"
    r"\s*(?:前|之前|以前)?\s*(?:正式|全面|集中|统一|陆续)?(?:启动|开工|动工|开始|开展|实施|举办)")


#: a clause telling of a step that only prepares the work (on the detection copy): a meeting held,
#: a plan drawn up, the ground surveyed ("已召开专题会议研究", "已制定实施方案", "已完成前期摸底")
_PREPARED = re.compile(r"^\s*(?:目前|现)?(?:已经?|均已)(?:组织)?(?:召开|举行|制定|拟定|形成|完成|开展|进行)?了?"
                       r"[^,;。]{0,10}?(?:会议|专题会|推进会|协调会|部署会|研究|部署|方案|调研|摸底|摸排|论证)"
                       r"(?:研究|部署|研究部署)?\s*$")


def _planned_start(det: str) -> bool:
    """Whether a measure only says when it will begin ("实施除险加固工程，计划于2026年3月启动"):
    nothing before or after the plan says work was done or is going on — a meeting held or a plan
    drawn up to prepare it ("已召开专题会议研究，拟于2027年一季度启动") is no part of the work."""
    m = _PLANNED_START.search(det)
    if m is None:
        return False
    others = ",".join(c for c in re.split(r"[,;。]", f"{det[:m.start()]},{det[m.end():]}") if not _PREPARED.match(c))
    return not (_DONE.search(others) or _COUNTED.search(others) or _FORWARD.search(others)
                or _NEGATION.search(others) or _LONG_TERM.search(others))


#: a count of things, and one of the same things said to be done ("已修复19处", "已有9个")
_COUNT = re.compile(r"(\d{1,6})\s*(个|处|项|家|户|所|座|台|辆|件|条|名|人|宗|份|套|座|栋|间|公里|亩)")
_DONE_COUNT = re.compile(r"(?:(?:已经?|目前已|现已)(?:有|[\u4e00-\u9fff]{1,3}?)?"
                         # cases closed, counted without 已 ("立案查处12宗，结案9宗", "受理信访件20件，办结15件")
                         r"|(?:结案|办结|审结|执结|销号|化解|销案))\s*(\d{1,6})\s*"
                         r"(个|处|项|家|户|所|座|台|辆|件|条|名|人|宗|份|套|座|栋|间|公里|亩)")


def _partly_done(det: str) -> bool:
    """Work said done for part of a larger number named before it: "对23处损毁设施进行修复，
    已修复19处", "对12个滞后项目挂图作战，目前已有9个项目恢复进度"."""
    for done in _DONE_COUNT.finditer(det):
        for count in _COUNT.finditer(det, 0, done.start()):
            if count.group(2) == done.group(2) and int(count.group(1)) > int(done.group(1)):
                return True
    return False


#: a count of what is left ("剩余80平方米年底前腾退", "其余8宗已立案查处", "尚有3个村未达标"), the
#: part left ("剩余部分按计划推进"), the rest given a time or a plan ("80%，其余年内完成"), or a
#: thing left still waiting or under way ("剩余款项待工程审计结束后拨付", "其余档案正在整理")
_REST = re.compile(r"(?:剩余|其余|尚余|尚有|还有)\s*(?:\d|部分|工作|任务|事项"
                   r"|的?(?=年内|年底|年前|月底|本月|本年|今年|明年|\d{4}年|\d{1,2}月|按计划|正在|将|拟|计划)"
                   r"|[\u4e00-\u9fff]{1,6}?(?=待|正在|仍在|尚未|仍未|将于|拟于|计划于))[^,;。]*")


def _rest_to_do(det: str) -> bool:
    """Work said left to do, counted ("…，已腾退220平方米，剩余80平方米年底前腾退"): not what is
    said done of it too ("其余2个均已整改", "其余全部完成")."""
    return any(not re.search(r"均已|全部|都已|已全|已整改|已完成|已办结|已销号", m.group(0))
               for m in _REST.finditer(det))


#: a last clause keeping up what was set up (on the detection copy): "持续抓好落实", "长期抓好执行",
#: "持续跟踪问效" — not the rectification itself going on ("持续推进整改")
_KEPT_UP = re.compile(r"^\s*(?:持续|长期|坚持|常态化|不断|久久为功)[^,;。整]{0,4}?"
                      r"(?:落实|执行|巩固|问效|运行|保持|监督)\s*$")


def _done_kept_up(det: str) -> bool:
    """Whether a measure's account ends with work done, then what keeps it up ("已建立长效机制，
    持续抓好落实", "台账已建立，持续跟踪问效"): in place and continuing — 长期坚持 as a status
    (DESIGN §2), as "已完成建设并长期坚持" and "已建立长效机制，持续巩固" read."""
    clauses = [c for c in re.split(r"[,;。]", det) if c.strip()]
    return len(clauses) >= 2 and "已" in clauses[-2] and _DONE.search(clauses[-2]) is not None \
        and _KEPT_UP.match(clauses[-1]) is not None


def infer_status(text: str) -> Status:
    """The status a measure's wording implies (rule documented above ``_NEGATION``)."""
    return _inferred(text) or Status.IN_PROGRESS


#: a clause or sentence saying what comes next ("，下一步将…", "。今后…"), to the end of the text
_NEXT_ON = re.compile(r"[，,；;。]\s*(?:下一步|下步|后续|今后|接下来)[\s\S]*$")
#: a clause of intent, not of result ("，确保整改到位", "，力争年底前完成")
_INTENT = re.compile(r"(?:^|(?<=[，,；;。]))\s*(?:以|并|从而)?(?:确保|力争|争取|切实做到|务求)[^，,；;。]*[，,；;。]?")


#: what says a piece of work finished, in a ledger's account (on the detection copy): a word of
#: completion, or a document, body or sum the work was to produce, made ("已建立…制度", "已印发",
#: "已追回"); not a bare 已 before an action ("已在8个科室开展自查": begun)
_ACCOUNT_DONE = re.compile(
    r"完成|完毕|办结|到位|销号|结案|清零|闭环|(?<![为除])了(?!解)"
    r"|已(?:经|全部|全面|均|按期|按要求)?(?:建立|建成|健全|制定|印发|出台|修订|下发|召开|成立|配备|配齐|追回|退还|收回|"
    r"清退|上缴|退缴|整改|纠正|处理|处分|问责|约谈|拆除|归档|签订|移交|移送|补齐|补缴|撤销|取消|公示|通报|调整|更换|"
    r"清理|处置|解决|落实|规范)"
    # money or papers handed back, a document issued, with what it was said of between ("已将违规发放的
    # 补贴1.2万元全部收回", "相关款项已全部退回"), or on a day ("于2026年8月印发实施")
    r"|(?:已|全部|全额|足额)[^,;。]{0,16}?(?:退回|收回|追回|清退|上缴|退缴|补缴|归还|返还|退还)")
#: a document issued or the work done on a day the account names ("于2026年8月印发实施")
_ACCOUNT_DATED = re.compile(r"(?:于|在)\d{4}年\d{1,2}月(?:\d{1,2}日)?[^,;。前]{0,4}?"
                            r"(?:印发|出台|完成|建成|召开|下发|办结)")
#: a part of the work, or a plan for the rest (on the detection copy): "80%", "其余年内完成"
_ACCOUNT_NOT_ALL = re.compile(r"\d{1,2}(?:\.\d+)?\s*%|[一二三四五六七八九]成|过半|一半"
                              r"|(?:其余|剩余|剩下|余下|尚有|还有)(?![^,;。]*(?:均已|全部|都已|已全))")


def read_account(text: str) -> Status | None:
    """The status a ledger's account of the work states, read as a person reads it, or ``None``
    when it states none — for a ledger whose 整改情况 (or 整改落实情况) is its only word on the work.

    The rules of :func:`infer_status` without its fallback: the account's own status word at its
    opening or close; not begun (尚未启动, 计划于…启动); going on (尚未, 正在, 待…, part done, what
    is left); long term; going on by what it says lies ahead (拟, 预计); done by its completion
    words (已…, …完毕, 了) — not by a result counted alone ("复核档案32份": how many, not whether
    all; a notice's prose may be read so, a clerk's ledger is asked). What comes next ("下一步将…") and an
    intent ("确保整改到位") are not read as the state of the work; a done reading the account itself
    contradicts (``status-text-mismatch``: "已完成方案起草，待党组会审议") is going on. An account
    that says none of these ("组织专题学习，强化思想认识") gives ``None``: rectxl does not guess."""
    if unfounded(text.strip()):
        return Status.DONE  # "经核查，反映问题不属实，…", "开展自查，未发现类似问题": closed by the check
    body = _INTENT.sub("", _NEXT_ON.sub("", text.strip()) or text.strip()).strip()
    status = _inferred(body, counted=False) if body else None
    if status is None and body and _ACCOUNT_DATED.search(detect(body)):
        status = Status.DONE
    if status is Status.DONE:
        det = detect(body)
        if not (_ACCOUNT_DONE.search(det) or _ACCOUNT_DATED.search(det)) or _ACCOUNT_NOT_ALL.search(det):
            return None  # "已在8个科室开展自查", "80%，其余年内完成": begun, or part of it — not said finished
        from rectxl.core.rules.statuses import progress_contradiction  # (rules import the model)

        if progress_contradiction(Status.DONE, False, text) is not None:
            return Status.IN_PROGRESS
    return status


def _inferred(text: str, *, counted: bool = True) -> Status | None:
    """:func:`infer_status`, ``None`` where it falls back to 正在推进; a result counted is done
    only when ``counted``."""
    opening = opening_status(text)
    if opening is Status.DONE and read_status(detect(text).split("。", 1)[0]).status is Status.IN_PROGRESS:
        return Status.IN_PROGRESS  # "已完成，剩余2户待明年实施": what its sentence says is left
    if opening is not None:  # "已完成。…下一步将长期坚持": the status word it opens with
        return opening
    closing = _closing_status(text)
    if closing is not None:  # "…（持续推进中）", "…，持续推进。": the status word it ends with
        return closing
    if (step := _NEXT_STEP.search(text)) is not None and (
            stated := _closing_status(text[:step.start()])) is not None:
        return stated  # "…，已完成。下一步将建立常态化巡查机制": the status before what comes next
    text = detect(text)
    if (begun := _NOT_BEGUN.search(text)) is not None and "已" not in text[:begun.start()]:
        return Status.NOT_STARTED  # "…，尚未启动，拟于明年一季度开展": a clause saying only that
    if _planned_start(text):
        return Status.NOT_STARTED  # "…，计划于2026年3月启动": when it will begin, nothing done yet
    if _NEGATION.search(text) or _partly_done(text) or _rest_to_do(text):
        return Status.IN_PROGRESS
    if _LONG_TERM.search(text):
        return Status.LONG_TERM
    if _done_kept_up(text):
        return Status.LONG_TERM  # "…，已建立长效机制，持续抓好落实": in place, and kept up
    if _FORWARD.search(text):
        return Status.IN_PROGRESS
    if _DONE.search(text) or (counted and _COUNTED.search(text)):
        return Status.DONE
    return None


# ---------------------------------------------------------------------------
# Line patterns (matched on the detection copy; slices taken from the original)
# ---------------------------------------------------------------------------

_TOP_CN = "[一二三四五六七八九十]+"
_TOP = re.compile(rf"^({_TOP_CN})\s*[、.]\s*")
_FANG = re.compile(rf"^第({CN_NUM}|\d{{1,3}})方面(?:存在的问题|的问题|问题)?\s*[,、:.。;]?\s*")
_PAREN_CN = re.compile(rf"^(?:\(\s*({CN_NUM})\s*\)|({_TOP_CN})\)(?![\d)]))\s*[、.]?\s*")
_PAREN_DIGIT = re.compile(r"^(?:\(\s*(\d{1,3})\s*\)|(\d{1,2})\)(?!\d))\s*[、.]?\s*")
_CIRCLE = re.compile(rf"^([{CIRCLED}])\s*")
#: "1.…", "1、…", and the one-character "⒈…" (U+2488…U+249B)
_ISSUE = re.compile(r"^(?:(\d{1,3})\s*[.、]\s*(?!\d)|([⒈-⒛])\s*)")
#: an ordinal heading "第一，…" / "第二、…" (not 第一方面, 第一部分: those have no mark after the numeral)
_SEQ = re.compile(r"^第\s*([一二三四五六七八九十]{1,3})\s*[,、:]\s*(?=\S)")
_ISSUE_WORD = r"(?:(?:巡察|巡视)?反馈(?:的)?|具体)?问题"
_ISSUE_NO = rf"(?:{_TOP_CN}|\d{{1,3}})"
#: an issue labelled as such: "问题1：…", "问题一：…", "问题（2）…", "反馈问题2：…", "问题一 …"
#: (a space for the colon), "【问题一】…", "（问题一）…", "〔问题1〕…", "第一个问题：…", "第1个问题："
_NAMED_NUMBER = re.compile(
    rf"^(?:{_ISSUE_WORD}\s*(?:(?P<a>{_ISSUE_NO})\s*[:、.]|\(\s*(?P<b>{_ISSUE_NO})\s*\)\s*[:、.]?"
    rf"|(?P<c>{_ISSUE_NO})\s+(?=\S))"
    rf"|[【〔\[(]\s*{_ISSUE_WORD}\s*(?P<d>{_ISSUE_NO})\s*[】〕\])]\s*[:、.]?"
    rf"|第\s*(?P<e>{_ISSUE_NO})\s*个\s*{_ISSUE_WORD}\s*(?:[:、.,]|\s+(?=\S)|$))\s*(?!\d)")
#: an issue labelled without a number: "问题：…", "反馈问题：…" (a block 问题：/措施：/进展：)
_NAMED_LABEL = re.compile(r"^(?:(?:巡察|巡视)?反馈(?:的)?问题|问题)\s*:\s*(?=\S)")
#: a section numbered as a part: "第一部分 整改工作的组织领导情况"
_PART = re.compile(rf"^第({CN_NUM}|\d{{1,2}})部分\s*[、:.,]?\s*")
#: a line of only a date: the signature's ("2025年6月20日", "2025.06.20", or a month alone,
#: "2025年1月", "二〇二五年一月")
_DATE_LINE = re.compile(rf"^(?:{DATE}|\d{{4}}\s*[-./]\s*\d{{1,2}}\s*[-./]\s*\d{{1,2}}"
                        r"|(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)$")
_CLOSING = re.compile(
    r"^(?:(?:诚挚|诚恳|热诚|真诚|热忱)?欢迎|联系方式|联系电话|监督电话|举报电话|邮寄地址|通信地址|"
    r"通讯地址|来信地址|来信请寄|来信寄至|邮政信箱|电子邮箱|电子邮件|邮编|邮政编码|公开期限|公示期限|意见建议请|如有意见|"
    r"(?:公示|公开)(?:时间|日期|期)\s*(?:为|:)|[\u4e00-\u9fff]{1,6}(?:电话|热线)\s*:\s*[\d(（]|"
    r"联系人\s*:|附\s*件\s*\d{0,2}\s*:\s*\S{2,40}$|特此(?:通报|公告|公布|公示)\s*[。.!]?\s*$)"
)
#: a sentence ends (on the detection copy): a closing may start right after it
_SENTENCE_STOP = re.compile(r"(?:[。;!?]|\.(?!\d))\s*")
_ORG_END = re.compile(r"(?:党组|党委|委员会|党总支|党支部|纪委|党工委|办公室|党组织|公司|集团)$")
#: the words of an aspect's title: "…方面", "在“…”方面", "关于…方面的问题"
_ASPECT_TITLE = re.compile(r"方面(?:的?问题|存在的问题|问题|的整改情况|整改情况)?\s*[:。.;]?$"
                           r"|^(?:在|关于)[^。]{0,60}方面")
#: a short label of a labelled block ("问题：… / 措施：… / 进展：…"): a word of its own, never the end of
#: a longer word ("整改措施及进展：" is one label, "取得进展：" none)
_SHORT = r"(?<![\u4e00-\u9fff])"
#: labels inside an issue: the measure and the progress
_LABEL = re.compile(
    r"(?:整改情况|整改进展情况|整改进展|整改落实情况|(?:整改)?措施(?:及|和|与)(?:进展|成效|完成情况|落实情况)|"
    r"整改措施|整改举措|具体措施|主要措施|整改结果|"
    r"整改成效|进展情况|完成情况|落实情况|工作进展|整改进度"
    rf"|{_SHORT}(?:措施|举措|进展|进度|成效|整改))\s*[:]")
_PROGRESS_LABEL = re.compile(
    r"(?:整改进展情况|整改进展|进展情况|整改成效|完成情况|整改结果|落实情况|工作进展|整改进度"
    rf"|{_SHORT}(?:进展|进度|成效))\s*[:]")
#: the result of the work written after its progress ("整改成效：群众满意度提升至92%"): no
#: measure's progress
_RESULT_LABEL = re.compile(r"(?:^|(?<=[\n]))\s*(?:整改成效|工作成效|取得成效|成效)\s*[:]")
#: a description of the problem before the measures ("巡察指出：…")
_DESCRIPTION = re.compile(r"(?:巡察指出|巡视指出|巡察发现|巡视发现|问题表现|问题描述|存在问题|具体表现|主要表现)\s*[:]")
_INTRO_LABEL = re.compile(
    r"(?:整改情况|整改落实情况|(?:整改)?措施(?:及|和|与)(?:进展|成效|完成情况|落实情况)|整改措施|整改举措|"
    rf"具体措施|主要措施|{_SHORT}(?:措施|举措|整改))\s*[:]")
_MEASURE_LABEL = re.compile(
    rf"(?:(?:整改)?措施(?:及|和|与)(?:进展|成效|完成情况|落实情况)|整改措施|整改举措|具体措施|主要措施"
    rf"|{_SHORT}(?:措施|举措))\s*[:]")
_DEBRIS = re.compile(
    r"^(?:"
    r"(?:(?:您|你)(?:当前|现在|所在|目前)?的?位置|(?:当前|所在|目前)的?位置|当前页面)\s*[:>》].*"
    r"|首页\s*(?:>|》|»|/|\\|>>|→).*|(?:网站|返回)?首页"
    r"|(?:[^|丨。,;:]{1,10}[|丨])*\s*(?:网站)?首页\s*(?:[|丨][^|丨。,;:]{1,10}){2,}"  # a navigation bar
    r"|(?:[^|丨。,;:]{1,10}[|丨]){2,}\s*(?:网站)?首页\s*"
    r"|(?:来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发稿时间|发布机构|发布者|发布人|发布单位|发布部门|"
    r"发文机关|日期|时间|作者|供稿|撰稿|录入|录入者|"
    r"编辑|责任编辑|审核|浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|阅读|访问量|"
    r"字号|字体|分享到|分享|索引号|文号|主题分类|成文日期|信息分类|所属机构)\s*[:].{0,120}"
    r"|(?:[【\[]\s*(?:打印|关闭|关闭窗口|打印本页|打印此页|打印正文|收藏|加入收藏|返回顶部|顶部|字体|字号|"
    r"纠错|保存|分享|我要纠错|[大中小\s]+|默认)(?:\s*[:][^】\]]*)?\s*[】\]]\s*)+"
    # then links of the page's tools, unbracketed ("【字体：大 中 小】 打印本页")
    r"(?:(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|收藏|分享)\s*)*"
    r"|(?:字号|字体)\s*[:]?\s*(?:[大中小默认\s|]|[【\[][大中小默认][】\]])+.*"
    r"|(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|收藏|分享|\|)"
    r"(?:\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|收藏|分享|\|))*"
    r"|扫一扫在手机(?:上)?打开当前页|(?:上一篇|下一篇)\s*[:].*"
    r"|\(?\s*转\s*载\s*\)?|转载自.*|本文转载.*"
    rf"|{PAGE_NUMBER_FORMS}"  # a page number: "— 3 —", "第 2 页 共 3 页"
    r"|.{0,16}[〔\[(]\s*\d{4}\s*[〕\])]\s*\d{1,4}\s*号|\(?\s*此件(?:公开发布|主动公开|依申请公开|不公开)\s*\)?"
    r"|信息公开|党务公开|政务公开|通知公告|工作动态|要闻动态|巡视巡察|巡察工作|巡察整改|"
    r"[^\s,。]{0,14}(?:网站|门户网站|客户端)"
    r")$"
)
_DEBRIS_DATE = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
#: the mark of a Markdown block quote, nested or not ("> 来源：某某民政", ">> …")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
#: a bold sentence a line opens with (Markdown, or a .docx paragraph's bold runs)
_BOLD_LEAD = re.compile(r"^\s*\*\*(.+?)\*\*")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]#<>|])")

#: the words of the itemised section's heading, and of headings that are not it
_ITEMISED = re.compile(
    r"反馈(?:的)?(?:问题|意见)(?:的)?(?:整改|落实)|问题(?:的)?整改|逐项|"
    r"整改(?:任务|措施|事项)?(?:落实|完成|进展|推进)情况|具体整改情况|^整改情况$|^整改落实$")
_NOT_ITEMISED = re.compile(
    r"下一步|下步|打算|今后|书记|主体责任|第一责任|领导班子|班子成员|组织领导|开展情况|工作安排|"
    r"长效|巩固|监督责任")
#: words of a section heading that has no numeral (or a （一） that is a section, not an aspect)
_SECTION_WORDS = re.compile(
    r"整改情况|落实情况|工作打算|下一步|下步|工作安排|整改工作|责任落实|推进情况|组织领导|"
    r"整改成效|主要做法|基本情况|工作开展")
#: the heading of the next steps ("下一步工作打算", "今后工作安排")
_NEXT_HEADING = re.compile(r"下一步|下步|下阶段|今后|打算|工作安排")
#: a paragraph that starts the next steps after the last item ("下一步，…")
_NEXT_STEPS = re.compile(r"^(?:下一步|下步|今后|接下来|下阶段|下一阶段)")
#: after the last problem's account, the whole unit saying what it will do with the round's work
#: ("乡党委将持续巩固整改成果。", "我局将继续抓好后续整改"): the next steps, though not headed so
_ROUND_INTENT = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,10}(?:党委|党组|党工委|党总支|党支部|委员会)|我(?:局|委|乡|镇|街道|院|校|公司|单位|办|厅|区|县|市))"
    r"(?:还|也|仍)?(?:将|要)[^。]{0,30}?(?:整改成果|整改工作|整改任务|巡察整改|后续整改|整改落实|长效机制|整改质效)")
#: an issue title that names a problem
_PROBLEM_END = re.compile(
    r"(?:问题|不够|不到位|不严|不力|不足|不强|不高|不实|不深|不细|不全|不好|不佳|不规范|不完善|"
    r"不健全|不精准|不充分|不及时|不严格|不扎实|不彻底|不明显|不均衡|不平衡|薄弱|缺失|滞后|短板|"
    r"差距|欠缺|偏差|缓慢|较多|较弱|偏弱|偏软|弱化|虚化|淡化|流于形式|有待加强|有待提高|漏洞|"
    r"隐患|风险)(?:的?问题)?(?:的整改|整改情况)?[。.]?$")

#: a paragraph that opens by naming its problem: "针对“…”问题，…", "关于“…”的问题：…" (on the
#: detection copy; the quoted name may itself say 问题, or quote a term: “‘三资’管理…”) — never
#: one that only points back at a problem named before it ("针对这一问题，…", "针对上述问题，…": no
#: title)
_NAMED_LEAD = re.compile(
    r"^(?:针对|关于|对于)\s*(?!(?:这|该|此|上述|以上|前述|上面|前面|那)[一个项些类几]{0,2}\s*(?:反馈)?的?问题)"
    r"(?:[“「『\"](?:[^“”「」『』\"‘’]|‘[^‘’“”]{1,30}’){2,80}[”」』\"]|‘[^‘’]{2,80}’"
    # words with a quoted name among them: "针对村集体经济“空壳村”问题"
    r"|(?:[^,;:。“”\"]|[“「『\"][^“”「」『』\"]{1,30}[”」』\"]){2,40}?)\s*的?问题\s*"
    r"(?P<end>[,:。.]|$)")

#: characters after which a measure marker (一是 / (1)) may start
_TERMINAL = ("。", ";", "!", "?", "…", "”", "」", "』", ")", ".")

Kind = Literal["fang", "top", "pcn", "num", "seq", "pdig", "named", "text"]
_STRUCTURAL: frozenset[str] = frozenset({"fang", "top", "pcn", "num", "seq", "pdig", "named"})
Role = Literal["aspect", "category", "issue", "measure"]


@dataclass
class _Line:
    text: str      # the notice's line (whitespace normalised)
    det: str       # its detection copy (same length)
    kind: Kind = "text"
    number: int | None = None
    cut: int = 0   # where the text after the numbering starts
    #: the cells of a table row (tab- or "|"-separated), before the table is recognised
    cells: list[str] | None = None
    #: a recognised table row: field (rectxl.core.fields) → cell text
    row: dict[str, str] | None = None
    #: length of the bold sentence an unnumbered line opens with ("**…问题。**一是…"), else 0
    lead: int = 0
    #: a table's totals row, no issue: "total" (合计, the round's totals may be read from its
    #: cells) or "subtotal" (小计); else ""
    tally: str = ""
    #: web-page debris (上一篇, 主办单位, ICP 备案 …) was dropped right above this line: after the
    #: signature, the site's footer starts here, not the notice's contact details
    gap: bool = False
    #: a measure numbered "1." under a line that is only a label, renumbered "（1）" as a problem's
    #: measures are (:func:`_numbered_under_label`): the notice numbered them "1."
    relisted: bool = False

    @property
    def body(self) -> str:
        return self.text[self.cut:].strip()

    @property
    def det_body(self) -> str:
        return self.det[self.cut:].strip()


def _classify(text: str) -> _Line:
    det = detect(text)
    line = _Line(text=text, det=det)
    if (m := _FANG.match(det)) is not None:
        line.kind, line.number, line.cut = "fang", to_int(m.group(1)), m.end()
    elif (m := _TOP.match(det)) is not None and not det[m.end(1):].startswith("是"):
        line.kind, line.number, line.cut = "top", to_int(m.group(1)), m.end()
    elif (m := _PAREN_CN.match(det)) is not None:
        line.kind, line.number, line.cut = "pcn", to_int(m.group(1) or m.group(2)), m.end()
    elif (m := _PAREN_DIGIT.match(det)) is not None:
        line.kind, line.number, line.cut = "pdig", to_int(m.group(1) or m.group(2)), m.end()
    elif (m := _CIRCLE.match(det)) is not None:
        line.kind, line.number, line.cut = "pdig", CIRCLED.index(m.group(1)) + 1, m.end()
    elif (m := _ISSUE.match(det)) is not None:
        number = to_int(m.group(1)) if m.group(1) else ord(m.group(2)) - 0x2487
        line.kind, line.number, line.cut = "num", number, m.end()
    elif (m := _NAMED_NUMBER.match(det)) is not None:
        line.kind, line.cut = "named", m.end()
        line.number = to_int(next(g for g in m.group("a", "b", "c", "d", "e") if g))
    elif (m := _NAMED_LABEL.match(det)) is not None:
        line.kind, line.cut = "named", m.end()  # "问题：…": an issue without a number
    elif (m := _SEQ.match(det)) is not None:
        line.kind, line.number, line.cut = "seq", to_int(m.group(1)), m.end()
    elif (m := _PART.match(det)) is not None and m.end() < len(det):
        line.number, line.cut = to_int(m.group(1)), m.end()  # a section heading, numbered 第X部分
        if _is_aspect_title(det[m.end():].strip()):
            line.kind = "fang"  # "第一部分 贯彻落实党的教育方针方面": an aspect, as "第一方面…" is
    return line


_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")


#: the indentation of a line (never a tab: a leading tab is an empty first cell of a table row)
_INDENT = " \u3000\xa0\r"


def _cells(raw: str) -> list[str] | None:
    """The cells of a table row pasted as text (tab-separated, or a Markdown ``| a | b |`` row).

    Leading tabs are empty cells, not indentation: a row "\t\t措施\t状态" is a further measure
    of the issue above, its 序号 and 问题 cells left empty as in a merged table."""
    stripped = raw.strip(_INDENT + "\n")
    if "\t" in stripped:
        parts = stripped.split("\t")
    elif stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        parts = stripped[1:-1].split("|")
    else:
        return None
    cells = [normalize_text(p).replace("**", "").strip() for p in parts]
    filled = sum(1 for c in cells if c)
    # a row with one cell filled still is a row when it has the width of a table (a measure under
    # merged 序号/问题 cells whose status cell is empty)
    return cells if filled >= 2 or (filled == 1 and len(cells) >= 3) else None


#: the first line of a paragraph, indented (two spaces, or a full-width space)
_INDENTED = re.compile(r"^(?:[ \xa0]{2,}|\u3000)")
_SENTENCE_ENDS = ("。", "!", "?", ";", ":", "…", "”", "」", ")")


def _unwrap(raw: list[str]) -> list[str]:
    """Lines broken at a fixed width (a text saved with hard line breaks) joined again.

    A line goes on with the line above when that line ends no sentence and is as wide as the
    text's lines run — "…市委第五巡察组对市司法局党\n组开展了常规巡察" — so that a wrapped unit
    name, phone number ("0795-\n3568210") or preamble is read whole. How wide the lines run is
    known two ways: in a text whose paragraphs open indented, a flush-left line under an
    indented paragraph's full line goes on with it; in any text, lines broken at one width
    (most of the longest lines at the same length and ending mid-sentence, none much longer:
    :func:`_wrap_width`) go on when the line above reaches that width. A numbered line is an
    item, not the rest of the line above — unless the text's numbered items open indented
    paragraphs (then a flush-left "一、二、三、四季度…" is the sentence going on), or the line
    above ends inside an enumeration ("…按照一、" / "二、三、四季度…": so in any text, wrapped
    or not, a line ending on "、" goes on in the next, as one ending on a comma goes on in the
    words below it: "…通报问题11个，" / "已全部整改。"). Table rows, blank lines,
    a notice's title, a date, a signature and a closing line never join."""
    indented = [r.rstrip() for r in raw if _INDENTED.match(r) and r.strip()]
    width = max((len(r) for r in indented), default=0) if len(indented) >= 3 else 0
    width = width if width >= 20 else 0
    wrap, size = _wrap_width(raw)
    front = _front_lines(raw)
    if (not width and wrap is None and not front
            and not any(detect(r.rstrip()).endswith(("、", ",")) for r in raw)):
        return raw
    # numbered items open indented paragraphs: a flush-left numbered line goes on a sentence
    items_indented = bool(width) and any(_classify(r.strip()).kind != "text" for r in indented)
    out: list[str] = []
    last = ""  # the physical line above (for its width and how it ends)
    in_paragraph = False
    for j, r in enumerate(raw):
        text = r.strip()
        above = last.rstrip()
        goes_on = False
        if text and "\t" not in r and "\t" not in last and not (width and _INDENTED.match(r)):
            goes_on = ((in_paragraph and len(above) >= 0.6 * width
                        and _wraps(above, text, numbered=items_indented))
                       or (wrap is not None and bool(above) and size(above) >= wrap - 3
                           and not _title_line(above) and _wraps(above, text, numbered=False))
                       # "…按照一、" / "二、三季度…": a line never ends on an enumeration comma
                       or (detect(above).endswith("、") and _wraps(above, text))
                       # "…通报问题11个，" / "已全部整改。": nor on a comma, before words going on
                       or (detect(above).endswith(",") and _classify(text).kind == "text"
                           and _wraps(above, text))
                       # the preamble broken by hand at no steady width: "…对某某镇党委进" /
                       # "行了巡察，…"
                       or (j - 1 in front and _classify(text).kind == "text"
                           and _wraps(above, text)))
        if goes_on:
            out[-1] = out[-1].rstrip() + text
        else:
            out.append(r)
            in_paragraph = bool(width) and bool(text) and bool(_INDENTED.match(r))
        last = r
    return out


def _front_lines(raw: list[str]) -> set[int]:
    """The lines of the preamble that end mid-sentence (their index in ``raw``): before the first
    section heading (一、 / （一） / 第一部分), a line of a paragraph — with a clause of it ended
    already ("根据县委统一部署，…对某某镇党委进") — that ends on no mark at all. Such a line was
    broken by hand where the text was copied (a WeChat or web copy at no steady width) and goes on
    in the next; a title, a byline or a date line has no clause in it, and a labelled line of the
    page ("来源：…，编辑：…") is none of the preamble. Only the first such paragraph is looked at
    (a notice told without numbered headings has no "front" to end it)."""
    found: set[int] = set()
    for j, r in enumerate(raw):
        text = r.strip()
        if not text or "\t" in r:
            continue
        line = _classify(text)
        if line.kind != "text":
            break
        det = line.det
        if (len(det) >= 15 and "\u4e00" <= det[-1] <= "\u9fff" and re.search(r"[,;。]", det)
                and not _title_line(text) and ":" not in det[:8] and not _is_debris(det, [])):
            found.add(j)  # (not a page's line: "来源：某某县纪委监委，编辑：张三")
        elif found and det.endswith(_SENTENCE_ENDS):
            break  # the preamble's paragraph ended: what follows is no preamble
    return found


def _columns(line: str) -> int:
    """How wide a line prints: a Chinese character or full-width form two columns, a half-width
    digit or letter one — a PDF breaks its lines at a width on the page, so a line holding
    figures ("2025年3月17日") holds more characters than one without."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in line)


def _wrap_width(raw: list[str]) -> tuple[int | None, Callable[[str], int]]:
    """The width a text's lines were broken at, when they were (a text saved with hard line
    breaks), and how a line's width is measured: the longest length that a quarter of the
    lines reach (within two characters) while ending mid-sentence, with hardly a line longer;
    counted in characters (a text broken after so many characters), else in printed columns
    (a PDF copy broken at the page's edge, its lines with figures longer in characters);
    ``None`` for a text whose lines are its paragraphs."""
    lines = [r.rstrip() for r in raw if r.strip() and "\t" not in r and not r.strip().startswith("|")]
    if len(lines) < 6:
        return None, len
    open_lines = [not detect(r).endswith(_SENTENCE_ENDS) for r in lines]
    for size, least, near_by in ((len, 16, 2), (_columns, 32, 3)):
        sizes = [size(r) for r in lines]  # measured once, not once per width tried
        open_lengths = [n for n, is_open in zip(sizes, open_lines, strict=True) if is_open]
        for w in sorted(set(sizes), reverse=True):
            if w < least:
                break
            near = sum(1 for n in open_lengths if w - near_by <= n <= w)
            over = sum(1 for n in sizes if n > w)
            if near >= max(4, len(lines) / 4) and over <= max(2, len(lines) / 10):
                return w, size
    return None, len


#: a notice's title line ("…关于…巡察整改进展情况的通报"): never the start of a wrapped sentence
_TITLE_LINE = re.compile(r"(?:通报|公告|公示|公开|报告)$")


def _title_line(above: str) -> bool:
    det = detect(above.strip())
    return bool(_TITLE_LINE.search(det) and _NOTICE_TITLE.search(det))


def _wraps(above: str, line: str, *, numbered: bool = False) -> bool:
    """Whether ``line`` can be the rest of ``above`` broken off: ``above`` ends no sentence and
    ``line`` is no numbered item (unless ``numbered``, or ``above`` ends inside an enumeration
    "…一、", or ``line`` is one: "一、二、三季度…"), date, contact item or signature ("中共…党组"
    under a phone number written without a full stop)."""
    det, head = detect(above), detect(line)
    if det.endswith(_SENTENCE_ENDS) or _CLOSING.match(head):
        return False
    item = _classify(line)
    if item.kind != "text" and not (numbered or det.endswith(("、", ",")) or _enumerates(item)):
        return False
    return not (_DATE_LINE.match(head.replace(" ", "")) or (len(head) <= 30 and _ORG_END.search(head)))


def _enumerates(item: _Line) -> bool:
    """Whether a numbered line goes on numbering at once ("一、二、三季度…", "1、2月份…"): an
    enumeration inside a sentence, not an item (no item's text opens with the next number)."""
    if item.kind not in ("top", "num") or item.number is None:
        return False
    after = _classify(item.body)
    return after.kind == item.kind and after.number == item.number + 1


#: the gap between two columns of a table aligned with spaces: a full-width space, or two spaces
_COLUMN_GAP = re.compile(r"[ \xa0]*\u3000[ \xa0\u3000]*|[ \xa0]{2,}")
_NUMBER_CELL = re.compile(r"^\d{1,6}(?:\.\d{1,2})?\s*%?$")


_ITEMS_HEADER = re.compile(r"问题.*措施|措施.*(?:进展|情况|时限|状态)")


def _spaced_cells(raw: str) -> list[str] | None:
    """The cells of a row whose columns are aligned with spaces ("合计　　9　　7　　77.8%"), when it
    has three or more."""
    cells = [c.strip() for c in _COLUMN_GAP.split(raw.strip(_INDENT + "\n"))]
    return cells if len(cells) >= 3 and all(cells) else None


def _space_tables(lines: list[_Line], spaced: list[list[str] | None]) -> list[_Line]:
    """Runs of two or more lines with the same number of space-aligned columns, numbers in the
    rows below the first (a summary table typed with spaces), read as table rows like tab-
    separated ones; any other line keeps its text."""
    j = 0
    while j < len(lines):
        width = len(spaced[j] or [])
        k = j
        while k < len(lines) and width and len(spaced[k] or []) == width:
            k += 1
        numeric = sum(1 for r in range(j + 1, k)
                      if sum(bool(_NUMBER_CELL.match(detect(c))) for c in spaced[r] or []) >= 2)
        # a table of the items typed with spaces ("序号　　反馈问题　　整改措施　　整改进展", then
        # rows numbered 1, 2, 3): a header naming the problem and the measures, numbered rows
        items = (k - j >= 2 and _ITEMS_HEADER.search(detect(" ".join(spaced[j] or []))) is not None
                 and all(_ROW_NUMBER.match(detect((spaced[r] or [""])[0])) for r in range(j + 1, k)))
        if k - j >= 2 and (items or numeric >= max(1, (k - j - 1) // 2)):
            for r in range(j, k):
                cells = spaced[r] or []
                lines[r] = _classify("  ".join(cells))
                lines[r].cells = cells
        j = max(k, j + 1)
    return lines


#: a list bullet in front of a line ("● …", "■ …", "— …", Markdown's "- …"): no part of the text
_BULLET = re.compile(r"^(?:[●•·◆◇■□▪▫►▶➢➤√✓★☆○◎◉◦‣⁃]|[-–—*+](?=\s)|—(?![—\d]))\s*")
def _bullet_end(det: str) -> int:
    """Where the text of a line starts after its bullet — a list mark ("●", "—", "- ") or any run
    of emoji and symbols a WeChat copy puts before its headings ("📌 一、…", "🔸（一）…",
    "✅整改情况：…") — else 0."""
    end = m.end() if (m := _BULLET.match(det)) is not None else 0
    return end + symbol_run(det[end:])  # "▶️": the bullet and the selector that makes it emoji


def _item_text(text: str) -> str:
    """A bulleted item as a sentence of its own: one without an end mark is given "。", so that
    it is not run on into the item below it (as a line broken mid-sentence would be)."""
    if _classify(text).kind != "text" or detect(text).rstrip().endswith((*_TERMINAL, ":")):
        return text
    return f"{text}。"


def _link_item(line: _Line) -> bool:
    """A line of a list of links: a numbered or bulleted article title, short, no sentence, no
    contact detail or date of the notice."""
    det = line.det
    return (line.cells is None and len(det) <= 80 and not _CLOSING.match(det)
            and not _DATE_LINE.match(det.replace(" ", ""))
            and (line.kind in _STRUCTURAL or not re.search(r"[。,;:]", det.rstrip("。"))))


def _is_debris(det: str, dates: list[date]) -> bool:
    """Whether a line is page or social-media debris; a date it carries is remembered (the
    publication date)."""
    if not (_DEBRIS.match(det) or SOCIAL_DEBRIS.match(det) or TIMESTAMP.match(det)):
        return False
    if (m := _DEBRIS_DATE.search(det)) is not None:
        found = to_date(f"{m.group(1)}年{m.group(2)}月{m.group(3)}日")
        if found is not None:
            dates.append(found)
    return True


def _is_byline(kept: list[_Line]) -> bool:
    """Whether the last line kept is an account's name printed above its publication time
    ("清风某某" / "2026-11-22 08:30 发表于湖南"): short, one of the first lines, no sentence, no
    title of a notice."""
    if not kept or len(kept) > 3:
        return False
    last = kept[-1]
    return (last.kind == "text" and last.cells is None and len(last.det) <= 20
            and not re.search(r"[。,;:]", last.det) and not _NOTICE_TITLE.search(last.det))


#: the caption of a picture: "图1  整改工作现场照片", "图2-1：…", "（图为整改推进会现场）"
_FIGURE_CAPTION = re.compile(
    r"^(?:[(]?\s*图\s*\d{1,3}(?:\s*[-.]\s*\d{1,2})?(?:\s*[:.、]\s*|\s+|(?=[\u4e00-\u9fff]))"
    r"[^。;]{1,40}|[(]?\s*图为[^。;]{1,40})[。)]?$")


def _clean_lines(text: str) -> tuple[list[_Line], list[date], list[_Line]]:
    """The notice's non-blank lines without debris, the dates the debris carried, and the
    appendix printed after the signature (:func:`_appendix`)."""
    lines: list[_Line] = []
    spaced: list[list[str] | None] = []  # each line's cells if its columns are aligned by spaces
    debris_dates: list[date] = []
    gap = False  # debris was dropped since the last line kept
    marked: list[tuple[int, str]] = []  # lines behind a mark that states a status (✅, ⏳)
    text = text.replace("\u00ad", "")  # soft hyphens: where a word may break, never a character
    for raw in _unwrap(_page_breaks(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))):
        if _MD_RULE.match(raw.strip()) and "-" in raw:
            continue  # the rule under a Markdown table's header
        cells = _cells(raw)
        line = "  ".join(c for c in cells if c) if cells else normalize_text(raw)
        if not line:
            continue
        if line.startswith("#"):
            line = _MD_HEADING.sub("", line)
        elif line.startswith(">") and cells is None:
            line = _MD_QUOTE.sub("", line).strip()  # "> 来源：…": a Markdown quote's mark
            if not line:
                continue
        lead = ""
        if "**" in line:
            if (bold := _BOLD_LEAD.match(line)) is not None:
                lead = _MD_ESCAPE.sub(r"\1", bold.group(1)).strip()
            line = line.replace("**", "")
        if "\\" in line:
            line = _MD_ESCAPE.sub(r"\1", line)
        line = line.strip()
        if not line:
            continue
        if cells is None and (keycap := _KEYCAP.match(line)) is not None:
            # "1️⃣ 乡党委对…", "🔟 …": a WeChat copy's numbering, in keycap emoji
            number = "10" if keycap.group(1) == "🔟" else re.sub(r"[^\d]", "", keycap.group(1))
            line = f"{number}.{line[keycap.end():]}"
        det = detect(line)
        if cells is None and _FIGURE_CAPTION.match(det):
            continue  # the caption under a picture ("图1  整改工作现场照片"): no text of a measure
        if _is_debris(det, debris_dates):
            if TIMESTAMP.match(det) and _is_byline(lines):
                lines.pop()  # the account's name above the time it published the notice
                spaced.pop()
            gap = True
            continue
        if cells is None and (bullet := _bullet_end(det)):
            if bullet >= len(line):
                continue  # a line of symbols only ("👆👆👆", "★★★"): decoration
            mark = det[:bullet].strip(" \u3000\xa0\ufe0f")
            line = line[bullet:].strip()
            # "👇点击“阅读原文”查看更多", "👆点击蓝字关注我们": debris as the words are, before
            # the end mark an item is given
            if _is_debris(detect(line), debris_dates):
                gap = True
                continue
            line = _item_text(line)
            det = detect(line)
            if (said := _MARK_STATUS.get(mark)) is not None:
                marked.append((len(lines), said))
        if cells is None and not _MARK_CHARS.isdisjoint(line[:16]) \
                and (labelled := _LABEL_MARK.match(line)) is not None:
            # "整改进展：✅已完成。…", "完成情况：⏳阶段性完成": the mark stands before the words
            # stating the status, or states it alone ("整改进展：✅ 对…全面清理")
            line = line[:labelled.end(1)] + line[labelled.end():]
            det = detect(line)
            if opening_status(line[labelled.end(1):]) is None:
                marked.append((len(lines), _MARK_STATUS[labelled.group(2)]))
        if (cells is None and not _MARK_CHARS.isdisjoint(line[-14:])
                and (tail := _TRAILING_MARK.search(line)) is not None):
            line = _trailing_mark(line, tail)
        classified = _classify(line)
        classified.cells = cells
        classified.gap, gap = gap, False
        if lead and classified.kind == "text" and line.startswith(lead):
            classified.lead = len(lead)
        lines.append(classified)
        spaced.append(_spaced_cells(raw) if cells is None else None)
    _mark_statuses(lines, marked)
    _circled_under_paren(lines)
    _numbered_under_label(lines)
    body, appendix = _appendix(_space_tables(lines, spaced))
    return _named_ordinals(_run_in(_tables(_outline(_side_lists(body))))), debris_dates, appendix


#: a number written in keycap emoji opening a line: "1️⃣", "1️⃣2️⃣" (12), "🔟"
_KEYCAP = re.compile("^((?:\\d\ufe0f?\u20e3)+|\U0001f51f)\ufe0f?\\s*(?=\\S)")


#: a mark a WeChat copy puts before a measure to say how far it got: a tick (done), an hourglass or
#: arrows going round (going on)
_MARK_STATUS = {**dict.fromkeys(("✅", "✔", "☑", "✓", "√", "🆗"), "已完成"),
                **dict.fromkeys(("⏳", "⌛", "🔄", "🔃"), "正在推进")}


#: a mark after a measure's text saying how far it got, perhaps with the status in words after it
#: ("一是开展专项审计 ✅", "二是建立公开制度 ✅已完成", "三是推进代理规范化 🔄推进中")
_TRAILING_MARK = re.compile("\\s*(" + "|".join(map(re.escape, _MARK_STATUS)) + ")\ufe0f?\\s*"
                           "([\u4e00-\u9fff]{0,8})\\s*[。.]?\\s*$")


_MARK_CHARS = frozenset(k[0] for k in _MARK_STATUS)

#: a mark after a label, before its value: "整改进展：✅已完成。…", "完成情况：⏳ 阶段性完成"
_LABEL_MARK = re.compile("^([^\\s:：，,。；;]{1,10}\\s*[:：])\\s*(" + "|".join(map(re.escape, _MARK_STATUS))
                         + ")\ufe0f?\\s*(?=\\S)")


def _trailing_mark(line: str, tail: re.Match[str]) -> str:
    """A line ending with a status mark (:data:`_TRAILING_MARK`), the status written as a notice
    states it after the text ("…（已完成）。"): the words after the mark when they are a status,
    else the mark's own; a mark before other words is left as it is."""
    words = tail.group(2)
    if words and _status_words(words) is None:
        return line
    head = line[:tail.start()].rstrip("。.；;，, \u3000")
    return f"{head}（{words or _MARK_STATUS[tail.group(1)]}）。" if head else line


def _mark_statuses(lines: list[_Line], marked: list[tuple[int, str]]) -> None:
    """The status a mark before a measure states ("✅ 一是开展专项审计。" is done), written after its
    text as a notice states a status ("…（已完成）"), for a line that states none of its own. When
    a line states another status than its mark ("✅ 三是…，正在推进。"), the marks are the copy's
    bullets and say nothing."""
    said = []
    for j, word in marked:
        line = lines[j]
        if line.kind not in ("text", "pdig") or line.cells is not None or line.det.endswith(":"):
            continue
        own = _closing_status(line.text)
        if own is not None:
            if own.value != word and (word != "正在推进" or own is Status.DONE):
                return
            continue
        said.append((j, word))
    for j, word in said:
        text = lines[j].text.rstrip()
        end = len(text) - len(text.rstrip("。.;；"))
        lines[j] = _classify(f"{text[:len(text) - end]}（{word}）{text[len(text) - end:]}")


def _circled_under_paren(lines: list[_Line]) -> None:
    """Lines numbered ①② under lines numbered （1）（2） ("（1）村级党组织…不到位。" / "① 对全乡…开展
    专项检查" / "② 开展…培训"): the circled numbers are the level below — the measures of the issue
    above, read as its text's list — not more items of the same level (both had been read as
    issues, the measures as issues with none). Only under a （1） line: a heading of another kind
    (一、, （一）, 1.) between them ends it, so that ①② listing the problems of a section whose
    section 一 numbered its points （1）（2） stay items."""
    under = False  # a （1） line is the last numbered line above
    for j, line in enumerate(lines):
        if line.kind == "pdig" and line.cells is None:
            if not _CIRCLE.match(line.det):
                under = True
            elif under:
                lines[j] = replace(line, kind="text", number=None, cut=0)
        elif line.kind in _STRUCTURAL:
            under = False


#: a line that is only the label of a problem's measures or of how far they got ("整改情况：", "整改措施：")
_LABEL_LINE = re.compile(r"^\s*(?:整改|具体|主要)?(?:情况|措施|举措|进展|落实情况|措施及进展|措施及成效)\s*:\s*$")


def _numbered_under_label(lines: list[_Line]) -> None:
    """Lines numbered 1. 2. 3. right under a line that is only a label ("3.…的问题。" / "整改情况：" /
    "1.制定…" / "2.对在建项目…" / "上述措施均已完成。"): the label's list — the measures of the problem
    above, numbered （1）（2） as a problem's measures are — not problems of their own (they had been
    read as problems 1, 2, 3 after problem 3, and the sentence closing them as a measure of the last)."""
    j = 0
    while j < len(lines):
        line = lines[j]
        if line.kind != "text" or line.cells is not None or _LABEL_LINE.match(line.det) is None:
            j += 1
            continue
        k, n = j + 1, 1
        while k < len(lines) and lines[k].kind == "num" and lines[k].number == n and lines[k].cells is None:
            k, n = k + 1, n + 1
        if n > 2:  # a list of two or more
            for i in range(j + 1, k):
                item = lines[i]
                listed = _classify(f"（{item.number}）{item.text[item.cut:].strip()}")
                lines[i] = replace(listed, kind="text", number=None, cut=0, relisted=True)
        j = k


def _page_breaks(raw: list[str]) -> list[str]:
    """The text without what a PDF or Word copy prints at each page break — the page number
    ("— 3 —", "第 2 页 共 3 页") and a running header beside it (the notice's title, or any line
    printed beside two page numbers) — and with a sentence broken by the page break joined
    again ("…其余2宗正在 / — 3 — / 中共…的通报 / 办理中。"). Done before the lines are rejoined
    (:func:`_unwrap`), which would otherwise take a page number for the rest of a line. A line
    repeating the notice's title further down (a header without page numbers) goes too."""
    def key(r: str) -> str:
        return normalize_for_compare(r)

    pages = {j for j, r in enumerate(raw)
             if r.strip() and "\t" not in r and PAGE_NUMBER.match(detect(normalize_text(r)))}
    filled = [j for j, r in enumerate(raw) if r.strip()]
    # the title: the first line, or the first two (a title broken over two lines)
    first = [key(raw[j]) for j in filled[:2]]
    titles = {t for t in (first[:1] + (["".join(first)] if len(first) == 2 else [])) if len(t) >= 8}
    # a line beside a page number → the lines of its words printed beside one (a running header
    # is printed again at each break; one line between two page numbers — the only row of a
    # table's last page — is printed once)
    near: dict[str, set[int]] = {}
    beside: dict[int, int] = {}  # each page number → the lines beside it (their index)
    position = {j: n for n, j in enumerate(filled)}
    for j in pages:
        if detect(raw[j]).strip().isdigit():
            continue  # a bare number: too plain to tell a header by (a column of a table)
        n = position[j]
        for m in (n - 1, n + 1):
            if 0 <= m < len(filled) and filled[m] not in pages:
                k = filled[m]
                near.setdefault(key(raw[k]), set()).add(k)
                beside[k] = j
    dropped = set(pages)
    for k in beside:
        text = key(raw[k])
        if len(text) <= 60 and "。" not in text.rstrip("。") and (
                len(near[text]) >= 2 or text in titles or _title_line(raw[k])):
            dropped.add(k)
    if titles:
        dropped |= {j for j in filled[2:] if key(raw[j]) in titles and _title_line(raw[j])}
    if not dropped:
        return raw
    out: list[str] = []
    broken = False  # the lines before were dropped at a page break
    for j, r in enumerate(raw):
        if j in dropped:
            # a bare number may be a table's cell: only a page number printed as one, or its
            # running header, says a page broke here
            broken = broken or j in beside or (j in pages and not detect(r).strip().isdigit())
            continue
        if not r.strip():
            out.append(r)
            continue
        above = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        if (broken and above is not None and "\t" not in r and _broken_off(out[above])
                and not _INDENTED.match(r) and _wraps(out[above].rstrip(), r.strip())):
            out[above] = out[above].rstrip() + r.strip()  # a sentence broken by the page break
            del out[above + 1:]
        else:
            out.append(r)
        broken = False
    return out


def _broken_off(line: str) -> bool:
    """Whether a line before a page break can be a sentence the break cut off: a paragraph's
    line (long, with a clause already in it), not a heading or the title."""
    det = detect(line.strip())
    return (len(det) >= 20 and "\t" not in line and bool(re.search(r"[,;。]", det))
            and not _title_line(line))


#: the heading of an appendix ("附表：…统计表", "附件1：…", "附件", "附：")
_APPENDIX = re.compile(r"^附\s*(?:[件表录]\s*\d{0,2}|\s*[一二三四五六七八九十]?)\s*(?:[:.、]|$|\s)")
#: the key under which an appendix printed after the signature is kept in ``info.extra``
APPENDIX_KEY = "通报附件"


def _appendix(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The notice without the appendix printed after its signature and date ("附表：…统计表"
    with its rows, "附件1：…"), and the appendix's lines: its rows are no items and its lines no
    closing. The signature is a date line under the signing unit's name (or the two on one
    line); the appendix is the first line after it headed 附表/附件/附, and all that follows."""
    for j in range(len(lines) - 1, 0, -1):
        det = lines[j].det.replace(" ", "")
        above = lines[j - 1]
        signed = (_DATE_LINE.match(det) is not None and above.cells is None and above.kind == "text"
                  and len(above.det) <= 40 and _ORG_END.search(above.det) is not None)
        if not signed and (m := _SIGNED.match(lines[j].det)) is not None:
            signed = _ORG_END.search(m.group(1)) is not None
        if not signed:
            continue
        at = next((k for k in range(j + 1, len(lines))
                   if lines[k].cells is None and _APPENDIX.match(lines[k].det)), None)
        return (lines, []) if at is None else (lines[:at], lines[at:])
    return lines, []


#: a number after a full stop inside a line ("…方面。1.…", "…已完成。2.…", "…。（3）…"): where an
#: item run on into the line above may start
_RUN_IN = re.compile(r"(?:(?<=。)|(?<=[^\d\s]\.))\s*(?:(?P<num>\d{1,3})\s*[.、](?!\d)|\(\s*(?P<pdig>\d{1,3})\s*\))")
#: the same numbering after a colon or a semicolon ("整改情况：1.…；2.…"): a list inside the item
_INNER_LIST = re.compile(r"[:;]\s*(?:(?P<num>\d{1,3})\s*[.、](?!\d)|\(\s*(?P<pdig>\d{1,3})\s*\))")
#: the kinds of items run on into a line of each kind: its siblings, and the issues of a heading
_RUN_IN_KINDS: dict[str, tuple[str, ...]] = {
    "fang": ("num",), "top": ("num",), "pcn": ("num",), "num": ("num",), "pdig": ("pdig",)}


def _run_in(lines: list[_Line]) -> list[_Line]:
    """Items printed on one line with the heading or the item before them ("（一）党的建设方面。
    1.…。整改情况：…。2.…") split into lines of their own.

    A number after a full stop inside a numbered line starts an item when the numbers found so
    form the item sequence: siblings of a numbered line go on from its number ("1.…。2.…"),
    the first issue under a heading is 1 or goes on from the issue above, each next one is one
    more, and the line after them does not number the same again. A line that numbers a list
    after a colon or semicolon ("整改情况：1.…；2.…") is a list of measures: never split."""
    last: dict[str, int] = {}  # the latest number of each kind, at a line's start or split out
    out: list[_Line] = []
    for j, line in enumerate(lines):
        if line.cells is None and line.row is None and line.number is not None:
            if line.kind in ("num", "pdig"):
                last[line.kind] = line.number
            elif line.kind in ("fang", "top", "pcn"):
                last.pop("pdig", None)
        kinds = _RUN_IN_KINDS.get(line.kind, ()) if line.cells is None and line.row is None else ()
        pieces, out_kind = None, ""
        for out_kind in kinds:
            pieces = _run_in_split(line, out_kind, last, lines[j + 1:])
            if pieces:
                break
        if not pieces:
            out.append(line)
            continue
        for k, (start, end) in enumerate(pieces):
            text = line.text[start:end].strip()
            if k == 0 and line.kind != out_kind:
                text = text.rstrip("。. ")  # a heading's full stop, before its first item
            piece = _classify(text)
            if k == 0:
                piece.lead = min(line.lead, len(piece.text))
            out.append(piece)
    return out


def _named_ordinals(lines: list[_Line]) -> list[_Line]:
    """Problems told one after another with 一是、二是 in one paragraph, each opening by naming
    its problem ("（一）关于党的领导弱化方面。一是针对“…”问题，建立…。二是针对“…”问题，对…"): a line
    each, without its 一是 — the paragraphs naming a problem that the issues are read from, as
    when each stands on its own line. Measures told with 一是 (not naming a problem each) stay."""
    out: list[_Line] = []
    for line in lines:
        marks = enumeration(line.det, "ordinal") if line.cells is None and line.row is None else []
        if len(marks) < 2 or not all(_NAMED_LEAD.match(line.det[at + width:]) for at, width in marks):
            out.append(line)
            continue
        head = line.text[:marks[0][0]].strip().rstrip("。. ")
        if head:
            piece = _classify(head)
            piece.lead = min(line.lead, len(piece.text))
            out.append(piece)
        ends = [at for at, _ in marks[1:]] + [len(line.text)]
        out.extend(_classify(line.text[at + width:end].strip()) for (at, width), end in zip(marks, ends, strict=True))
    return out


def _run_in_split(line: _Line, kind: str, last: dict[str, int], below: Sequence[_Line]
                  ) -> list[tuple[int, int]] | None:
    """Where ``line`` splits into the items of ``kind`` run on into it, else ``None``;
    ``last`` is updated with the numbers split out."""
    det = line.det
    if any(m.group(kind) for m in _INNER_LIST.finditer(det)):
        return None
    marks = [(m.start(kind) if m.group(kind) else m.start(), int(m.group(kind)))
             for m in _RUN_IN.finditer(det, line.cut) if m.group(kind)]
    if not marks:
        return None
    starts: list[int] = []
    if kind == line.kind:
        expected = (line.number or 0) + 1
    else:
        expected = 1 if marks[0][1] == 1 else last.get(kind, 0) + 1
    for at, number in marks:
        if number != expected:
            return None  # numbers out of sequence: counts or a list in the text, not items
        at = det.rfind("(", 0, at + 1) if kind == "pdig" else at
        starts.append(at)
        expected += 1
    after = next((b for b in below if b.cells is None and b.row is None and b.kind == kind), None)
    if after is not None and after.number is not None and 1 < after.number < expected:
        return None  # the next line numbers the same items again: the marks were no items
    bounds = [0, *starts, len(det)]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    if any(_classify(line.text[s:e].strip()).kind != kind for s, e in pieces[1:]):
        return None
    last[kind] = expected - 1
    return pieces


def _side_lists(lines: list[_Line]) -> list[_Line]:
    """The lists printed beside the notice, which are none of its items: a list of other
    articles under "相关链接" / "往期推荐" (dropped, with its heading), and the attachments
    listed under "附件：1.…" (kept as plain lines: their "2.…" is no issue)."""
    out = list(lines)
    dropped: set[int] = set()
    j = 0
    while j < len(out):
        det = out[j].det
        if LINK_HEADING.match(det):
            k = j + 1
            while k < len(out) and _link_item(out[k]):
                k += 1
            if k > j + 1:
                dropped.update(range(j, k))
            j = k
        elif ANNEX_HEADING.match(det) and out[j].cells is None:
            k = j + 1
            while (k < len(out) and out[k].kind in _STRUCTURAL and out[k].cells is None
                   and len(out[k].det) <= 80 and "。" not in out[k].det.rstrip("。")):
                out[k] = _Line(text=out[k].text, det=out[k].det)  # an attachment, not an item
                k += 1
            j = k
        else:
            j += 1
    return [line for j, line in enumerate(out) if j not in dropped] if dropped else out


#: a line numbered in a decimal outline: "2.1 …", "2.1.1 …" (an amount such as "4.2万平方米…"
#: is told apart by its unit, and by :func:`_outline`, which wants the outline's parent line)
#: an outline number: "2.1", "2.1.1", or with hyphens as a 问题清单 codes its problems ("1-1", "2-3")
_OUTLINE = re.compile(r"^(\d{1,2}(?:\s*[.\-－–]\s*\d{1,2}){1,3})(?![\d.\-－–%万亿元倍])\s*[、]?\s*")
_OUTLINE_SEP = re.compile(r"\s*[.\-－–]\s*")
#: what an amount's unit opens with ("2.5 万元", "1.2亩"): no outline number is followed by one
_UNIT_START = frozenset("万亿元倍个项年月日亩米吨次人户家所座台辆%公千")


def _outline_path(det: str) -> tuple[list[int], int] | None:
    """The numbers of an outline line ("2.1.1 …" → [2, 1, 1]) and where its text starts."""
    m = _OUTLINE.match(det)
    if m is None or m.end() >= len(det) or det[m.end()] in _UNIT_START:
        return None
    return [int(n) for n in _OUTLINE_SEP.split(m.group(1))], m.end()


def _outline(lines: list[_Line]) -> list[_Line]:
    """Lines numbered "1. / 2.1 / 2.1.1" (a decimal outline, as in engineering documents) given
    the kinds of the usual numbering, so that the levels read as section, aspect and issue.

    An outline line counts only under its parent ("2.1.1" under "2.1", "2.1" under "2." or
    "二、"). When the top "N." lines name sections (…整改落实情况, 下一步工作打算) they are
    sections (``一、``) and the depths below are aspect (``（一）``), issue (``1.``) and sub-item
    (``（1）``); otherwise the "N." lines stay where they are and the next depth is their
    sub-item."""
    found: dict[int, tuple[list[int], int]] = {}
    parents: list[list[int]] = []  # the path of the latest line at each depth
    #: the lines numbered "1.1" right under an aspect's heading ("（一）…方面", "第一部分 …方面")
    under_aspect: set[int] = set()
    aspect_parent = False
    #: "1.…方面" headings over "1.1 …的问题", "1.2 …": the group's problems, numbered within it
    group_heads: dict[int, list[int]] = {}
    for j, line in enumerate(lines):
        if line.cells is not None:
            continue
        if line.kind == "num" and line.number is not None and _group_heading(line):
            parents, aspect_parent = [[line.number]], True
            group_heads[j] = []
            continue
        if line.kind in ("num", "top") and line.number is not None:
            parents, aspect_parent = [[line.number]], False
            continue
        if line.kind in ("fang", "pcn") and line.number is not None:
            # "（一）…方面" / "第一部分 …方面" over "1.1 …的问题", "1.2 …": the aspect's problems
            parents, aspect_parent = [[line.number]], True
            continue
        path = _outline_path(line.det) if line.kind == "text" else None
        if path is None:
            continue
        numbers, _ = path
        depth = len(numbers)
        if len(parents) >= depth - 1 and parents[depth - 2] == numbers[:-1]:
            found[j] = path
            parents = [*parents[:depth - 1], numbers]
            if depth == 2 and aspect_parent:
                under_aspect.add(j)
                if group_heads:
                    group_heads[max(group_heads)].append(j)
    # a "1." heading is a group's when it names an aspect ("…方面") or all its "1.x" lines are problems
    # ("…的问题"); else its "1.1", "1.2" are the items of a numbered problem, as before
    heads = {j for j, kids in group_heads.items() if kids}
    if heads and all(_is_aspect_title(lines[j].det_body.strip())
                     or all(_names_problem(lines[k]) for k in group_heads[j]) for j in heads):
        lines = [replace(line, kind="pcn") if j in heads else line for j, line in enumerate(lines)]
    else:
        under_aspect -= {k for kids in group_heads.values() for k in kids}
    if len(found) < 2:
        return lines
    tops = [j for j, line in enumerate(lines) if line.kind == "num" and line.cells is None]
    sections = (not any(line.kind == "top" for line in lines)
                and (any(_is_itemised(lines[j].det_body) for j in tops)
                     or sum(_is_section_line(lines[j], numbered=True) for j in tops) >= 2))
    depths = sorted({len(numbers) for numbers, _ in found.values()})
    kinds: list[Kind] = ["pcn", "num", "pdig"] if sections else ["pdig"]
    if sections and len(depths) == 1:
        kinds = ["num", "pdig"]
    elif not sections and depths[0] == 2 and {j for j, (n, _) in found.items() if len(n) == 2} == under_aspect:
        kinds = ["num", "pdig"]  # the problems of the aspects above them, numbered by aspect
    out = list(lines)
    if sections:
        for j in tops:
            out[j] = replace(lines[j], kind="top")
    for j, (numbers, cut) in found.items():
        at = depths.index(len(numbers))
        if at >= len(kinds):
            continue
        if kinds[at] == "pdig":  # a sub-item keeps a marker its issue's measures are split at
            out[j] = _classify(f"（{numbers[-1]}）{lines[j].text[cut:].strip()}")
        else:
            out[j] = replace(lines[j], kind=kinds[at], number=numbers[-1], cut=cut)
    return out


def _group_heading(line: _Line) -> bool:
    """A "1." line that is a heading alone ("1.食品安全监管责任落实不到位方面", "2.党的建设"): a title
    of one short sentence at most, naming no problem of its own and telling no work."""
    body = line.det_body.strip()
    end = _sentence_end(body)
    if not body or len(body) > 40 or (0 <= end < len(body) - 1) or _LABEL.search(body):
        return False
    return not _names_problem(line) or _is_aspect_title(body)


def _names_problem(line: _Line) -> bool:
    """An item whose title names a problem ("1.1校园食堂抽检覆盖面不足的问题。…")."""
    return "问题" in _title_of(line)


#: the heading of a notes block ("注释：", "注：" on a line of its own) and a note's line ("[1] …",
#: "※ …", "注1：…")
_NOTES_HEADING = re.compile(r"^(?:注释|注解|附注|注|脚注|尾注)\s*[:]?$")
_NOTE_LINE = re.compile(r"^(?:\[\s*(\d{1,2})\s*\]|(※)|注\s*(\d{1,2})\s*[:.、])\s*\S")
#: "注：…" as the one note under the text
_SINGLE_NOTE = re.compile(r"^注\s*[:]\s*\S")
#: what a closing line speaks of ("注：公开期限…" is the closing, not a note)
_CONTACT_WORDS = re.compile(r"电话|邮箱|邮件|地址|信箱|邮编|公开期限|公示期限|监督")
#: the key under which the notes are kept in ``info.extra``
NOTES_KEY = "注释"


def _footnotes(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """The notice without the notes printed at its end ("注释：/[1] …/※ …", after the signature
    or before it) and the notes' lines. The markers that point to the notes ("[1]", "※") are
    taken out of the text: they are no part of a title or a measure."""
    last = max((j for j, line in enumerate(lines) if line.kind in _STRUCTURAL), default=-1)
    start = len(lines)
    while start - 1 > last and (_NOTE_LINE.match(lines[start - 1].det)
                                or _NOTES_HEADING.match(lines[start - 1].det)):
        start -= 1
    block = list(range(start, len(lines)))
    if not block or not any(_NOTE_LINE.match(lines[j].det) for j in block):
        block = _headed_notes(lines, last)
        if (not block and start - 1 > last and _SINGLE_NOTE.match(lines[-1].det)
                and not _CONTACT_WORDS.search(lines[-1].det)):
            block = [len(lines) - 1]
    if not block:
        return lines, []
    notes = [lines[j].text for j in block]
    markers = {m.group(1) or m.group(2) or m.group(3)
               for j in block if (m := _NOTE_LINE.match(lines[j].det)) is not None}
    kept = [line for j, line in enumerate(lines) if j not in set(block)]
    return [_without_markers(line, markers) for line in kept], notes


def _headed_notes(lines: list[_Line], last: int) -> list[int]:
    """A block "注释：" + note lines after the last item, wherever it stands (before the
    signature, or between the closing lines)."""
    for j in range(last + 1, len(lines)):
        if _NOTES_HEADING.match(lines[j].det):
            k = j + 1
            while k < len(lines) and _NOTE_LINE.match(lines[k].det):
                k += 1
            if k > j + 1:
                return list(range(j, k))
    return []


def _without_markers(line: _Line, markers: set[str]) -> _Line:
    """``line`` without the note markers ("[2]", "※") it carries."""
    if line.cells is not None or not any(ch in line.det for ch in "[※"):
        return line
    numbers = "|".join(re.escape(m) for m in markers if m.isdigit())
    pattern = "|".join(filter(None, [rf"\[\s*(?:{numbers})\s*\]" if numbers else "",
                                     "※" if "※" in markers else ""]))
    if not pattern:
        return line
    spans = [m.span() for m in re.finditer(pattern, line.det)]
    if not spans:
        return line
    text, pos = "", 0
    for start, end in spans:
        text, pos = text + line.text[pos:start], end
    text += line.text[pos:]
    out = _classify(text.strip())
    out.lead = line.lead
    return out


#: the first cell of a table's totals row ("合计 | 4个问题9项措施 | … | 已完成6项"): no issue;
#: a 合计/总计/共计 row states the round's totals, a 小计 row one aspect's
_TOTAL_ROW = re.compile(r"^(?P<word>合\s*计|总\s*计|共\s*计|小\s*计)\s*(?:[:：].*)?$")
#: a cell that only numbers its row ("3", "3.", "3、")
_ROW_NUMBER = re.compile(r"^\d{1,4}\s*[.、]?$")
#: a header cell is a short label: at most this many characters (without its note in brackets)
_HEADER_CELL = 12
#: a header cell of a table of two or three named columns is shorter still ("问题 | 整改措施")
_HEADER_CELL_NARROW = 8
_SENTENCE_MARK = re.compile(r"[。,;!?]")


def _header_key_of(cells: list[str]) -> tuple[str, ...]:
    return tuple(F.header_key(detect(c)) for c in cells)


def _is_header(cells: list[str], found: dict[int, str], first: tuple[str, ...] | None) -> bool:
    """Whether a table row is a header row naming a problem and a measure column.

    Content can name fields too ("公务接待管理不规范的问题" reads as a 具体问题 column, "修订…管理
    办法" as 整改措施), so a header must look like one: the first header repeated (on a new
    page or a second table), or short labels without sentence marks or row numbers, most of
    them column names Recognised, and all cells of a narrow table. A table of measures alone
    ("序号 | 整改措施 | 整改时限 | 整改进展", each issue on a row of its own merged across above its
    measures' rows) names at least three columns, the measure and how it stands among them."""
    fields = set(found.values())
    if F.MEASURE not in fields:
        return False
    if F.ISSUE not in fields and (len(fields) < 3 or not fields & {F.PROGRESS, F.STATUS, F.DEADLINE}):
        return False
    if first is not None and _header_key_of(cells) == first:
        return True
    filled = [(i, F.header_key(detect(c))) for i, c in enumerate(cells) if c.strip()]
    named = sum(1 for i, _ in filled if i in found)
    limit = _HEADER_CELL if named >= 3 else _HEADER_CELL_NARROW
    for _, key in filled:  # without a note in brackets ("完成时限（年月日）")
        if _SENTENCE_MARK.search(key) or _ROW_NUMBER.match(key) or len(key) > limit:
            return False
    if named < 3:
        return named == len(filled)  # "问题 | 整改措施": every cell a short column name
    return named >= max(3, -(-len(filled) * 3 // 4))  # three quarters of its cells, rounded up


#: a column telling what was done for each problem, in a notice's table that has no measure column
_ACCOUNT_HEADERS = ("整改情况", "整改落实情况", "落实情况", "整改措施落实情况")


def _account_as_measure(columns: dict[int, str], cells: list[str]) -> dict[int, str]:
    """A notice's table of problems with no measure column but one telling what was done ("序号 |
    问题类别 | 反馈问题 | 整改情况 | 整改状态"): that account is each problem's measure, as a problem
    answered in a paragraph is."""
    fields = list(columns.values())
    if F.MEASURE in fields or F.ISSUE not in fields:
        return columns
    told = [i for i, f in columns.items() if f in (F.PROGRESS, F.STATUS) and i < len(cells)
            and F.header_key(detect(cells[i])) in _ACCOUNT_HEADERS]
    if len(told) != 1:
        return columns
    return {**columns, told[0]: F.MEASURE}


def _numbers_row(rows: list[tuple[int | None, int | None]], number: int | None) -> bool:
    """Whether a further row of an issue carries a number of its own in the 序号 column (not
    the issue's, printed again): the column numbers rows."""
    if number is None or not rows:
        return False
    issue_number = next((n for at, n in reversed(rows) if at is not None), None)
    return number != issue_number


def _tables(lines: list[_Line]) -> list[_Line]:
    """Table rows under a header naming a problem and a measure column (a ledger published as
    a table) become issue lines carrying their cells; other rows stay plain lines.

    A 合计 row is no issue (its line is marked ``tally``: the round's totals may be read from
    it). A 序号 that numbers every row while 问题 is merged over an issue's rows numbers rows,
    not issues: the issues are then numbered in order (afresh where the row numbers restart)."""
    out: list[_Line] = []
    header: dict[int, str] | None = None
    first: tuple[str, ...] | None = None
    width = 0
    aspect = ""
    last_title = ""
    #: the rows of the current table: (index of its issue line in ``out`` or None, row number)
    rows: list[tuple[int | None, int | None]] = []
    row_numbers = False  # a further row of an issue carries a number of its own

    def settle() -> None:
        nonlocal rows, row_numbers
        if row_numbers:
            count, previous = 0, None
            for at, number in rows:
                if number is not None and previous is not None and number <= previous:
                    count = 0  # the row numbers start again (a second table)
                previous = number if number is not None else previous
                if at is not None:
                    count += 1
                    out[at].number = count
        rows, row_numbers = [], False

    for at, line in enumerate(lines):
        if line.cells is None:
            out.append(line)
            continue
        found = _account_as_measure({i: f for i, c in enumerate(line.cells) if c and (f := F.field_for_header(c))},
                                    line.cells)
        if _is_header(line.cells, found, first):
            if first is None or _header_key_of(line.cells) != first:
                settle()  # a table of other columns: its own rows
                first = _header_key_of(line.cells)
                aspect, last_title = "", ""
            header, width = _account_as_measure(_table_columns(lines, at, found), line.cells), len(line.cells)
            continue
        if header is None:
            out.append(line)
            continue
        filled = [c for c in line.cells if c.strip()]
        if filled and _TOTAL_ROW.match(detect(filled[0]).strip()):
            line.tally = "subtotal" if "小" in detect(filled[0]) else "total"
            out.append(line)  # a totals row: no issue, no measure
            continue
        if (heading := _table_heading(line.cells)) is not None:
            number, aspect = heading  # a row naming an aspect across the table ("| 一 | …方面 | | |")
            out.append(_Line(text=aspect, det=detect(aspect), kind="fang", number=number))
            last_title = ""
            continue
        rec = _record(_aligned(line.cells, width), header)
        if F.ASPECT not in header.values() and rec.get(F.CATEGORY):
            # a table's one grouping column (问题类别: 党的建设方面 | 经营管理方面) groups the
            # problems as the notice's aspects do — its prose counts them so ("2个方面")
            rec[F.ASPECT] = rec.pop(F.CATEGORY)
        if rec.get(F.ASPECT) and rec[F.ASPECT] != aspect:
            aspect = rec[F.ASPECT]
            head = _classify(aspect)
            out.append(_Line(text=head.body or aspect, det=detect(head.body or aspect), kind="fang",
                             number=head.number))
            last_title = ""
        title = rec.get(F.ISSUE, "")
        number = to_int(detect(rec.get(F.ISSUE_NO) or rec.get(F.ROW_NO, "")).strip(" .、"))
        if title and title == last_title and rec.get(F.MEASURE):
            # the issue's cells printed again on each of its rows (a merged cell repeated by
            # Word or a web page): one more measure of the same issue, not a second issue
            out.append(_Line(text=line.text, det=line.det, row=rec))
            row_numbers |= _numbers_row(rows, number)
            rows.append((None, number))
            continue
        last_title = title or last_title
        if title:
            head = _classify(title)
            if head.kind in ("num", "named"):
                number = number if number is not None else head.number
                title = head.body
            rows.append((len(out), number))
            out.append(_Line(text=title, det=detect(title), kind="num", number=number, row=rec))
        elif rec.get(F.MEASURE):
            out.append(_Line(text=line.text, det=line.det, row=rec))  # one more row of the issue
            row_numbers |= _numbers_row(rows, number)
            rows.append((None, number))
        else:
            out.append(line)
    settle()
    return out


def _table_columns(lines: list[_Line], at: int, found: dict[int, str]) -> dict[int, str]:
    """Which column of the table headed by ``lines[at]`` holds which field, decided as a ledger's
    header is (:func:`rectxl.core.grid.find_header`, on the header and the rows under it): two
    columns named alike are told apart by their names and their cells — 整改情况 of accounts beside
    整改状态 of status words is the progress, the latest 10月进展 | 11月进展 the progress, 整改状态
    before 完成进度 the status — not the first of them taken and the other dropped. ``found`` (each
    cell's own field, the first of a field winning) when the header is not read so."""
    rows = [list(lines[at].cells or [])]
    for line in lines[at + 1:at + 1 + _TABLE_SAMPLE]:
        if line.cells is None:
            break
        rows.append(list(line.cells))
    header = find_header(Grid(name="", rows=rows))
    if header is None or header.first_row != 0 or header.row != 0:
        return found
    return {c: f for f, c in header.columns.items()}


#: the rows under a table's header read to tell its columns apart (as a sheet's first rows are)
_TABLE_SAMPLE = 200


#: a cell numbering an aspect: "一", "（一）", "一、", "第一方面"
_ASPECT_NUMBER = re.compile(rf"^(?:\(\s*({CN_NUM})\s*\)|({CN_NUM})\s*[、.]?|第({CN_NUM})方面)$")


def _table_heading(cells: list[str]) -> tuple[int | None, str] | None:
    """A table row that only names an aspect, across the table ("| **一** | **…方面** | | |",
    "| （一）…方面 | | | |"): (its number, its title), else ``None``. Its filled cells are the
    first one or two: a number in Chinese numerals and a title, or one cell numbered as an
    aspect or naming one (…方面) — in the first column, or in the second under the problems'
    heading with the 序号 cell left empty ("| | 一、…方面 | | |")."""
    filled = [c.strip() for c in cells if c.strip()]
    lead = 1 if len(filled) == 1 and len(cells) > 2 and not cells[0].strip() else 0
    if not 1 <= len(filled) <= 2 or [c.strip() for c in cells[lead:lead + len(filled)]] != filled:
        return None
    if len(filled) == 2:
        m = _ASPECT_NUMBER.match(detect(filled[0]).replace(" ", ""))
        if m is None or _SENTENCE_MARK.search(detect(filled[1]).rstrip("。")):
            return None
        return to_int(next(g for g in m.groups() if g)), filled[1]
    head = _classify(filled[0])
    if _SENTENCE_MARK.search(head.det_body.rstrip("。")) or len(head.det_body) > 60:
        return None
    if head.kind in ("fang", "top", "pcn") and head.body:
        return head.number, head.body
    return (None, filled[0]) if _is_aspect_title(head.det) else None


def _aligned(cells: list[str], width: int) -> list[str]:
    """A row narrower than its header whose first cell is filled but no row number lost its
    leading empty cells (a copy that trimmed the line): its cells are the last ones of the row,
    so its last cell stays under the last column (the status). Any other narrow row lost empty
    cells at its end."""
    if len(cells) >= width or not cells[0] or re.fullmatch(r"\d{1,3}[.、]?", detect(cells[0])):
        return cells
    return [""] * (width - len(cells)) + cells


def _record(cells: list[str], header: dict[int, str]) -> dict[str, str]:
    """A table row's cells by field (the first column of a field wins)."""
    rec: dict[str, str] = {}
    for i, cell in enumerate(cells):
        if cell and i in header and header[i] not in rec:
            rec[header[i]] = cell
    return rec


#: the caption of a table ("巡察整改情况统计表", "表1　巡察反馈问题整改情况汇总")
_CAPTION = re.compile(r"^表\s*\d{1,2}|(?:表|汇总|统计|一览)$")


def _front_tables(lines: list[_Line]) -> tuple[list[_Line], list[_Line], int]:
    """The lines without the table printed before the items (a summary of the round's counts,
    with its caption — in the preamble, in section 一 or under the 二、 heading), that table's
    lines (its cells belong to no title, preamble or item), and where it stood among the lines
    kept."""
    first = next((j for j, line in enumerate(lines)
                  if line.cells is None and line.kind in _STRUCTURAL
                  and (line.kind != "top" or _is_aspect_title(line.det_body))), len(lines))
    rows = {j for j in range(first) if lines[j].cells is not None and lines[j].row is None}
    captions = {j - 1 for j in rows if j - 1 not in rows and j > 0 and lines[j - 1].cells is None
                and len(lines[j - 1].det) <= 40 and "。" not in lines[j - 1].det
                and _CAPTION.search(lines[j - 1].det.strip())}
    dropped = rows | captions
    at = min(dropped, default=0)
    return ([line for j, line in enumerate(lines) if j not in dropped],
            [lines[j] for j in sorted(dropped)], sum(1 for j in range(at) if j not in dropped))


# ---------------------------------------------------------------------------
# Issue bodies → title, intro, measures
# ---------------------------------------------------------------------------

def _join(text: str) -> str:
    return "".join(part.strip() for part in text.split("\n"))


_QUOTES_OPEN = "“「『‘"
_QUOTES_CLOSE = "”」』’"


def _sentence_end(det: str) -> int:
    """Index of the first 。 (or an ASCII . not between digits) outside quotes, else -1."""
    depth, ascii_open = 0, False
    first_any = -1
    for i, ch in enumerate(det):
        if ch in _QUOTES_OPEN:
            depth += 1
        elif ch in _QUOTES_CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            ascii_open = not ascii_open
        elif ch == "。" or (ch == "." and not (0 < i < len(det) - 1 and det[i - 1].isdigit()
                                               and det[i + 1].isdigit())):
            if first_any < 0:
                first_any = i
            if depth == 0 and not ascii_open:
                return i
    return first_any  # unbalanced quotes: the first full stop anyway


_TITLE_TRAIL = ",,::;;. "


#: a sentence answering the problem named above it: "针对该问题，…", "针对这一问题，…", "对此，…"
_ANSWER_OPENING = re.compile(
    r"^(?:(?:针对|对于|对|就)\s*(?:这|该|此|上述|以上|前述)[一个项些类]{0,2}\s*(?:反馈)?的?问题|为此|对此)\s*[,:]")


def _continues(line: str) -> bool:
    """A line that goes on with the previous one (a line break of a PDF copy): it starts with
    no numbering, measure marker, label or answer to the problem above ("针对该问题，…")."""
    det = detect(line)
    return not (_classify(line).kind != "text" or marker_at(det, "一是", 0) == 0
                or _ANSWER_OPENING.match(det)
                or _LABEL.match(det) or _PROGRESS_LABEL.match(det) or det.startswith("(1)"))


def _closing_quote(det: str) -> int:
    """Index of the quote that closes the one ``det`` opens with, else -1."""
    depth = 0
    for i, ch in enumerate(det):
        if ch in _QUOTES_OPEN:
            depth += 1
        elif ch in _QUOTES_CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _quoted_title(head: str) -> tuple[str, str] | None:
    """A title that is the inspectors' words in quotes ("反馈问题2：“…监测不及时。”"): (the quoted
    words without the quotes and their full stop, the rest of the line); ``None`` when the
    quotes close before the title ends ("“三重一大”制度执行不严的问题")."""
    det = detect(head)
    i = _closing_quote(det) if det[:1] in _QUOTES_OPEN else -1
    if det[:1] == "【" and "【" not in det[1:(i := det.find("】"))] and i > 4 \
            and _status_words(head[1:i]) is None:
        pass  # "1.【…主责主业不够聚焦】整改情况：…": the title set off in black brackets
    elif i < 0 or det[:1] == "【":
        return None
    rest = head[i + 1:].lstrip(_TITLE_TRAIL + "。")
    after = detect(rest)
    if rest and not (_LABEL.match(after) or marker_at(after, "一是", 0) == 0 or after.startswith("(1)")):
        return None
    title = head[1:i].strip().rstrip(_TITLE_TRAIL + "。")
    return (title, rest) if title else None


def _split_title(head: str, rest_lines: list[str]) -> tuple[str, str]:
    """Title = text up to the first 。 of the first line (outside quotes), or up to the first
    measure marker / 整改情况 label when that comes first; returns (title, rest of the body).

    A first line that breaks off mid-title (a PDF copy: no full stop, no problem word at its
    end) is joined with the lines that go on with it."""
    rest_lines = list(rest_lines)
    if (quoted := _quoted_title(head)) is not None:  # "“…不及时。”\n整改情况：…"
        title, rest = quoted
        more = "\n".join(rest_lines)
        return title, (f"{rest}\n{more}" if rest and more else rest or more).strip()
    while (rest_lines and _sentence_end(detect(head)) < 0 and _continues(rest_lines[0])
           and not _PROBLEM_END.search(detect(head).rstrip(_TITLE_TRAIL))
           and _sentence_end(detect(rest_lines[0])) >= 0 and len(head) >= 12
           and not _LABEL.search(detect(head)) and marker_at(detect(head), "一是", 0) < 0):
        head += rest_lines.pop(0)
    folded = detect(head)
    label = _LABEL.search(folded)
    candidates = [i for i in (
        marker_at(folded, "一是", 0),
        marker_at(folded, "(1)", 0),
        label.start() if label else -1,
    ) if i > 0]
    marker = min(candidates) if candidates else -1
    period = _sentence_end(folded)
    more = "\n".join(rest_lines)
    lead = _NAMED_LEAD.match(folded)
    if lead is not None and (period < 0 or lead.end() <= period) and (marker < 0 or lead.end() <= marker):
        title, rest = head[:lead.start("end")], head[lead.end():]  # "针对“…”问题，医院…"
    elif period >= 0 and (marker < 0 or period < marker):
        title, rest = head[:period], head[period + 1:]
    elif marker > 0:
        title, rest = head[:marker], head[marker:]
    else:
        title, rest = head, ""
    if more:
        rest = f"{rest}\n{more}" if rest.strip() else more
    return title.strip().rstrip(_TITLE_TRAIL), rest.strip()


@dataclass
class _RawIssue:
    number: int | None
    head: str
    more: list[str] = field(default_factory=list)
    #: table rows of this issue (field → cell), when the notice is a table
    rows: list[dict[str, str]] = field(default_factory=list)
    #: a numbered measure line of its own enumerates 一是… (an issue read as a measure?)
    nested: bool = False
    #: length of the bold title the head opens with (an unnumbered issue marked in bold)
    lead: int = 0


#: a closing bracket right before the next measure's marker ("…已完成。（责任单位：教务处）二是…",
#: "整改措施：1.建立健全学习制度。（已完成）2.制定…"): the bracket ends the measure before it, as a
#: full stop would (replaced by one, one character for one, in the copy the markers are looked for in)
_CLOSE_BEFORE_MARK = re.compile(r"[)\]】](?=\s*(?:[二三四五六七八九十]{1,3}是|\(\d{1,2}\)|[2-9]\s*[.、](?!\d)|[②-⑳]))")


#: a list numbered 1. 2. 3. inside a paragraph, opening right after a label ("整改情况：1.…；2.…")
#: or opening the text (a progress list after its label: "整改进展：1.…；2.…")
#: the label a list of measures follows: "整改措施：", "整改情况：", and what offices join to it —
#: "整改措施及进展：", "主要措施及成效：", "整改落实措施和完成情况："
_LABELLED_LIST = re.compile(
    r"(?:^|(?:整改措施|整改情况|具体措施|措施|整改落实情况|落实情况"
    r"|[\u4e00-\u9fff]{0,6}?(?:措施|举措)(?:及|和|与)[\u4e00-\u9fff]{0,4}?(?:进展|成效|情况|效果))\s*:)"
    r"\s*(?P<one>1\s*[.、](?!\d))")


def _segments(text: str, measure_kind: str | None
              ) -> tuple[Literal["ordinal", "paren", "plain"], str, list[str]]:
    """(style, intro, segments) of a measure text: 一是…, (1)…, 1.… lines, or one paragraph."""
    if (described := _description_end(text)) is not None:
        # "巡视指出：一是…；二是…。整改情况：一是…": the description's own list is no measure
        style_, intro_, segments_ = _segments(text[described:], measure_kind)
        return style_, _join(text[:described] + intro_), segments_
    style: Literal["ordinal", "paren", "plain"] = "plain"
    kinds: list[EnumKind] = ["ordinal", "paren"]
    if measure_kind == "num":
        kinds = ["decimal", "ordinal", "paren"]
    elif measure_kind == "cell":
        kinds = ["ordinal", "paren", "inline"]
    marks: list[tuple[int, int]] = []
    enum_copy = _CLOSE_BEFORE_MARK.sub("。", detect(text))
    for kind in kinds:
        marks = enumeration(enum_copy, kind)
        if marks:
            style = "ordinal" if kind == "ordinal" else "paren"
            break
    if (not marks and (listed := _LABELLED_LIST.search(enum_copy)) is not None
            and "\n" not in enum_copy[listed.end():].strip()):
        # "整改情况：1.…；2.…；3.…。": numbers right after a label, the next after a "；", in one
        # paragraph (a list of progress below is paired with it elsewhere)
        marks = enumeration(enum_copy[listed.start("one"):], "inline")
        marks = [(i + listed.start("one"), n) for i, n in marks]
        if len(marks) < 2 or marks[0][0] != listed.start("one") or any(
                enum_copy[:i].rstrip()[-1:] not in (";", "。") for i, _ in marks[1:]):
            marks = []
        else:
            style = "paren"
    if marks:
        intro = text[:marks[0][0]]
        segments = []
        for k, (start, length) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
            segments.append(_join(text[start + length:end]))
        return style, _join(intro), segments
    intro = ""
    folded = detect(text)
    if (m := _LABEL.match(folded)) is not None:
        intro, text = text[:m.end()], text[m.end():]
        if (listed_apart := _semicolon_list(text)) is not None:
            return "plain", _join(intro), listed_apart
    return "plain", _join(intro), _paragraphs(text)


#: one item of a list of measures parted by "；" (on the detection copy): a short action of its own
#: — no clause mark in it — opening with a word, not a figure or a bracket, nor with what was done
#: ("已开展…；已建立…" is the account of the work, told in one piece)
_LIST_ITEM = re.compile(r"(?!已|正在|目前|现已|均|全部|共)[\u4e00-\u9fff][^,;:。!?()\n]{3,29}")


def _semicolon_list(text: str) -> list[str] | None:
    """The measures of a labelled paragraph that lists them parted by "；" without numbering
    them ("整改情况：开展数据质量核查；建立数据审核制度；加强业务培训。"): each a short action with
    no clause of its own, as a reader counts them; ``None`` for an account of the work (its
    clauses have commas, or run long) or a single action."""
    det = detect(text).strip()
    if ";" not in det or "\n" in det:
        return None
    body = det.rstrip("。.")
    parts = body.split(";")
    if len(parts) < 2 or not all(_LIST_ITEM.fullmatch(p.strip()) for p in parts):
        return None
    items, at = [], 0
    for p in parts:
        start = det.index(p, at)
        at = start + len(p) + 1
        items.append(text[start:start + len(p)].strip() + "。")
    return items


def _description_end(text: str) -> int | None:
    """Where the measures start after a description of the problem ("巡察指出：…。整改情况：" →
    the end of 整改情况：), else ``None``: the description is the issue's intro."""
    folded = detect(text)
    if not _DESCRIPTION.match(folded):
        return None
    for m in _INTRO_LABEL.finditer(folded):
        if folded[:m.start()].rstrip(" ")[-1:] in ("。", "\n", ";"):
            return m.end()
    return None


def _paragraphs(text: str) -> list[str]:
    """Unnumbered paragraphs, one measure each; a line that does not end a sentence goes on in
    the next line (a line break of a PDF copy), so it is joined to it."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        current += line
        if detect(line).rstrip().endswith(_TERMINAL):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _progress_split(rest: str) -> tuple[str, str]:
    """("整改措施：… 整改进展：…") → (the measures part, the progress part without its label);
    a progress label counts only at the start of a sentence or line, after some measure text."""
    folded = detect(rest)
    for m in _PROGRESS_LABEL.finditer(folded):
        before = folded[:m.start()].rstrip(" ")
        if before and before[-1] in "。;!?\n":
            return rest[:m.start()].strip(), rest[m.end():].strip()
    if (first := _MEASURES_LABEL.search(folded)) is not None:
        # "整改措施：修订考核办法。\n整改情况：已印发实施，已完成。": after the measures' own label,
        # 整改情况 tells how far they got (it labels the measures only when nothing else does)
        for m in _SITUATION_LABEL.finditer(folded, first.end()):
            before = folded[:m.start()].rstrip(" ")
            if before and before[-1] in "。;!?\n":
                return rest[:m.start()].strip(), rest[m.end():].strip()
    return rest, ""


#: the label of the measures themselves, before a 整改情况 telling how far they got
_MEASURES_LABEL = re.compile(r"(?:^|(?<=[\n。]))\s*(?:整改措施|具体措施|主要措施|整改举措)\s*:")
_SITUATION_LABEL = re.compile(r"整改情况\s*:")


def _pair(segments: list[str], progress: list[str]) -> list[str]:
    """Each measure's progress: paired one for one, else the progress joined to the last."""
    if len(progress) == len(segments):
        return progress
    out = list(segments)
    if progress and out:
        out[-1] = out[-1] + "".join(progress)
    return out


#: a status's leftover that is only a date ("2025年9月", "2025.9.20", "9月15日")
_DATE_ONLY = re.compile(r"^[\d\s年月日号./\-]{3,16}$")
_MARK_NUMBER = re.compile(rf"\d{{1,2}}|{CN_NUM}|[{CIRCLED}]")


def _continued_mark(cell: str, n: int) -> int:
    """Where the text of a cell holding one numbered measure begins when its number is ``n`` —
    "2.修订…", "（2）…", "②…", "二是…" in the row after the measure numbered 1 —; 0 otherwise."""
    folded = detect(cell)
    lead = len(folded) - len(folded.lstrip())
    head = folded[lead:]
    if head.startswith(ordinal(n)):
        return lead + len(ordinal(n))
    k = item_mark_end(head)
    number = _MARK_NUMBER.search(head[:k]) if k else None
    if number is None:
        return 0
    value = CIRCLED.index(number.group(0)) + 1 if number.group(0) in CIRCLED else to_int(number.group(0))
    return lead + k if value == n and k < len(head) else 0


def _table_measures(raw: _RawIssue) -> tuple[Literal["ordinal", "paren", "plain"], list[Measure]]:
    """The measures of an issue published as table rows: the measure cell enumerated, the
    progress cell paired with it, owners, deadline and status from their columns."""
    measures: list[Measure] = []
    first_style: Literal["ordinal", "paren", "plain"] | None = None
    for rec in raw.rows:
        cell = rec.get(F.MEASURE, "")
        style, _, segments = _segments(cell, "cell")
        if style == "plain" and measures and (k := _continued_mark(cell, len(measures) + 1)):
            # a row under merged 序号/问题 cells holding the issue's next measure ("2.修订…" under
            # "1.对…"): its number is the list's, no part of the text
            segments = _paragraphs(cell[k:])
        elif style == "plain" and len(segments) == 1 and (listed := _semicolon_list(cell)) is not None:
            segments = listed  # "开展建筑市场专项检查；建立违法违规行为台账": two measures, as read
        first_style = first_style or style
        status_cell = rec.get(F.STATUS, "")
        reading = read_status(status_cell) if status_cell else None
        if (reading is not None and reading.status is Status.DONE and not rec.get(F.COMPLETED)
                and _DATE_ONLY.match(detect(reading.rest))):
            # "已完成（2025年9月）": when it was done, no progress
            rec = {**rec, F.COMPLETED: reading.rest}
            reading = replace(reading, rest="")
        progress_text = rec.get(F.PROGRESS, "") or (reading.rest if reading else "")
        row_stated: _Stated | None = None
        if progress_text and opening_status(progress_text) is not None:
            # "已完成。取缔…": the progress cell states the row's status, then tells the progress
            # (a status column stating the same, or nothing, leaves the progress its narrative)
            opened = read_status(progress_text)
            if opened.status is not None and (reading is None or reading.status is opened.status):
                cut = progress_text.rfind(opened.rest) if opened.rest else len(progress_text)
                words = progress_text[:cut].strip().rstrip("。.;；,，")
                row_stated = None if reading is not None else _Stated(opened.status, words, opened.continuing)
                progress_text = progress_text[cut:].strip() if opened.rest else ""
        progress = _segments(progress_text, "cell")[2] if progress_text else []
        if not segments:
            segments, progress = progress, []
        if len(segments) > 1 and progress and len(progress) != len(segments):
            # the progress of the whole row, in a cell of its own: each measure's part of it where
            # its clauses answer the measures by their words, else the last measure's progress
            # (not run on into its text)
            paired = _answered_by_words(segments, "".join(progress)) or [*segments[:-1], "".join(progress)]
        else:
            paired = _pair(segments, progress)
        unfinished = (reading is not None and reading.status in (Status.IN_PROGRESS, Status.NOT_STARTED)
                      and len(segments) > 1 and len(progress) == len(segments))
        row: list[Measure] = []
        for seg, prog in zip(segments, paired, strict=True):
            m = Measure(text=seg, progress=prog, lead=rec.get(F.LEAD, ""),
                        owner_unit=rec.get(F.OWNER_UNIT, ""),
                        owner_person=rec.get(F.OWNER_PERSON, ""),
                        evidence=rec.get(F.EVIDENCE, ""), remark=rec.get(F.REMARK, ""),
                        raw={name: rec[name] for name in (F.DEADLINE, F.COMPLETED) if rec.get(name)})
            if reading is not None and reading.status is not None and not unfinished:
                m.status, m.status_text = reading.status, status_cell
            else:
                m.status, m.status_inferred = infer_status(prog), True
            row.append(m)
        if unfinished and reading is not None and reading.status is not None:
            # a row of several measures, each with its own progress, whose status column says
            # the work goes on ("正在整改"): a measure whose progress says it was done ("②已建立")
            # is done, as under an issue stated to be in progress
            row_stated = _Stated(reading.status, status_cell, reading.continuing)
        _apply_stated(row, row_stated)
        measures.extend(row)
    return first_style or "plain", measures


#: two-character words too common in measures to tie a clause of progress to one of them
_COMMON_WORDS = frozenset(
    "建立 完善 开展 加强 推进 落实 制定 健全 进一步 一步 工作 制度 机制 问题 整改 完成 全面 严格 规范 专项 管理 "
    "情况 相关 有关 各项 持续 印发 组织 实施 提升 强化 深入 单位 部门 全县 全市 全区 全镇 已经 目前 正在".split())
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _words(text: str) -> set[str]:
    return {m.group(1) for m in _HAN_PAIR.finditer(text)} - _COMMON_WORDS


def _answered_by_words(segments: list[str], narrative: str, marks: str = ";。,") -> list[str] | None:
    """A progress cell written as one account for a row of measures ("1.开展专项检查；2.建立监测
    机制；3.推进统一采购" | "专项检查已于8月完成…；监测机制已印发实施；统一采购平台正在调试"): its
    clauses (split at "；", else "。", else "，") each naming the words of one measure, in the
    measures' order, are those measures' progress — a measure no clause names keeps its own
    text. ``None`` when a clause names no measure, or two alike, or the order goes back.
    ``marks``: the marks a clause may end at, in the order tried."""
    det = detect(narrative)
    measure_words = [_words(detect(seg)) for seg in segments]
    for mark in marks:
        cuts = [0, *(i + 1 for i, ch in enumerate(det) if ch == mark), len(det)]
        parts = [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1) if det[cuts[k]:cuts[k + 1]].strip(" ;,。.")]
        if len(parts) < 2:
            continue
        owners: list[int] = []
        for a, b in parts:
            said = _words(det[a:b])
            shared = [len(said & words) for words in measure_words]
            best = max(shared)
            if best == 0 or shared.count(best) > 1 or (owners and shared.index(best) < owners[-1]):
                owners = []
                break
            owners.append(shared.index(best))
        if not owners or len(set(owners)) < 2:
            continue
        answers = [""] * len(segments)
        for (a, b), k in zip(parts, owners, strict=True):
            answers[k] += narrative[a:b]
        return [_clause(answer.strip().rstrip(",，")) if answer else seg
                for seg, answer in zip(segments, answers, strict=True)]
    return None


#: a clause saying the whole issue is done: "该问题已完成整改", "已整改完成", "均已整改到位"
_ISSUE_DONE = re.compile(
    r"(?P<subject>(?:该|此|本|这一?)(?:个|项)?问题|该项整改|各项(?:整改)?(?:措施|任务))?\s*"
    r"(?:已经?|均已|已全部|全部已)(?:全部)?(?:完成整改|整改完成|整改到位|整改销号|办结|销号|完成)"
    r"(?:并?(?:已)?销号)?")
_CLAUSE = re.compile(r"[^。;!?\n,]+")
_DONE_WORDS = ("完成", "到位", "办结", "辦結", "销号", "銷號")


def _says_issue_done(text: str, *, explicit: bool) -> bool:
    """Whether ``text`` has a clause that is only a verdict on the whole issue ("该问题已完成整改"
    — with ``explicit``, only one that names the issue as its subject)."""
    if not any(word in text for word in _DONE_WORDS):
        return False
    for clause in _CLAUSE.findall(detect(text)):
        m = _ISSUE_DONE.fullmatch(clause.strip())
        if m is not None and (m.group("subject") or not explicit):
            return True
    return False


#: a line naming an owner or a deadline for the whole issue ("责任领导：…", "责任股室：…",
#: "整改时限：…"); the fields it may fill
_FIELD_LINE = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,8})\s*:\s*(?P<value>\S.*)$")
#: where one field of a line ends and the next begins: "；", two spaces, or — before the next
#: "label：" — one space (a full-width one as Word documents have it) or a comma ("责任领导：张某某　责任
#: 股室：基金监管股　整改时限：2025年9月底前", "责任单位：办公室，完成时限：年底前")
_FIELD_PART = re.compile(r"\s*[;]\s*|\s{2,}|(?:\s*,\s*|\s+)(?=[\u4e00-\u9fff]{2,8}\s*:)")
#: the words such a line opens with: an owner's or a deadline's name, never a measure that
#: happens to end in one ("一是加强组织领导：…")
_FIELD_LABEL = re.compile(
    r"^(?:责任|分管|牵头|主责|主办|配合|协办|协助|整改|完成|办结|具体|直接)[\u4e00-\u9fff]{0,3}?"
    r"(?:领导|单位|部门|科室|股室|处室|责任人|经办人|负责人|人|时限|期限|时间节点|节点)$")
_ISSUE_FIELDS = (F.LEAD, F.OWNER_UNIT, F.OWNER_PERSON, F.DEADLINE, F.CO_OWNER, F.EVIDENCE)


def _field_line(line: str) -> dict[str, str] | None:
    """The owners and deadline a line names ("责任领导：局长", "责任股室：人事股；整改时限：年底前"),
    else ``None`` (any part of the line that is no such field makes it no field line)."""
    det = detect(line)
    found: dict[str, str] = {}
    pos = 0
    for sep in [*_FIELD_PART.finditer(det), None]:
        end = sep.start() if sep is not None else len(det)
        m = _FIELD_LINE.match(det[pos:end])
        field_name = (F.field_for_header(m.group("label"))
                      if m is not None and _FIELD_LABEL.match(m.group("label")) else None)
        if m is None or field_name not in _ISSUE_FIELDS:
            return None
        value = line[pos + m.start("value"):end].strip().rstrip("。;；,，")
        found.setdefault(field_name, value)
        if sep is None:
            break
        pos = sep.end()
    return found or None


#: a bracket after a measure or an issue: "（责任单位：教务处；完成时限：2024年12月底）"
_BRACKET = re.compile(r"[(\[【]\s*([^()\[\]【】]{3,200}?)\s*[)\]】]")
#: where one field of a bracket ends and the next begins: "；" or "，" before "label："
_BRACKET_SEP = re.compile(r"\s*[;,]\s*(?=[\u4e00-\u9fff]{2,8}\s*:)")


def _bracket_fields(text: str) -> dict[str, str] | None:
    """The owners and deadline a bracket's content names ("责任单位：教务处、各学院；完成时限：
    长期坚持"), else ``None`` (a bracket saying anything else is part of the measure)."""
    det = detect(text)
    found: dict[str, str] = {}
    pos = 0
    for sep in [*_BRACKET_SEP.finditer(det), None]:
        end = sep.start() if sep is not None else len(det)
        part = _field_line(text[pos:end])
        if part is None:
            return None
        for name, value in part.items():
            found.setdefault(name, value)
        if sep is None:
            break
        pos = sep.end()
    return found or None


def _take_brackets(text: str) -> tuple[str, dict[str, str]]:
    """``text`` without its owner/deadline brackets, and the fields they name; the full stop
    around a bracket is kept once ("已完成（责任单位：…）。" and "已完成。（责任单位：…）" → "已完成。")."""
    det = detect(text)
    fields: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(det):
        found = _bracket_fields(text[m.start(1):m.end(1)])
        if found is None:
            continue
        for name, value in found.items():
            fields.setdefault(name, value)
        spans.append(m.span())
    if not spans:
        return text, {}
    out, pos = "", 0
    for start, end in spans:
        kept = text[pos:start]
        after = text[end:]
        # one full stop where the bracket stood between the text and its full stop, or after it
        if kept.rstrip().endswith(("。", ".")) and after.lstrip()[:1] in ("。", "."):
            end += len(after) - len(after.lstrip()) + 1
        out += kept
        pos = end
    out += text[pos:]
    return out.strip(), fields


#: a sentence of an issue's account, with the stop that ends it
_FIELD_SENTENCE = re.compile(r"[^。\n]+(?:。|\n|$)")


def _field_sentences(rest: str) -> tuple[str, dict[str, str]]:
    """The owners and deadline an issue's account names in sentences of their own among its
    measures ("整改措施：一是…；二是…。整改时限：立行立改。目前已整改完成。", "…。责任单位：办公室，完成
    时限：年底前。"): (the account without them, field → value). A sentence naming anything besides
    the fields is the account's, as written."""
    det = detect(rest)
    fields: dict[str, str] = {}
    keep: list[str] = []
    for m in _FIELD_SENTENCE.finditer(det):
        found = _field_line(rest[m.start():m.end()].strip().rstrip("。"))
        if found is None:
            keep.append(rest[m.start():m.end()])
        else:
            for name, value in found.items():
                fields.setdefault(name, value)
    return ("".join(keep).strip() if fields else rest), fields


def _field_lines(more: list[str]) -> tuple[dict[str, str], list[str]]:
    """The issue's owner and deadline lines taken out of its body: (field → value, other lines)."""
    fields: dict[str, str] = {}
    rest: list[str] = []
    for line in more:
        found = _field_line(line)
        if found is None:
            rest.append(line)
        else:
            for name, value in found.items():
                fields.setdefault(name, value)
    return fields, rest


#: a status stated for the whole issue: "【正在推进】" after the title, "（已整改到位）" after its
#: full stop, a line "整改状态：已完成", or "整改情况：已整改。一是…"
_STATUS_TAG = re.compile(r"[(\[【〔]\s*(?P<word>[^()\[\]【】〔〕]{2,14}?)\s*[)\]】〕]")
_STATUS_LABEL = re.compile(
    r"(?:^|(?<=[\n。;]))\s*(?:整改状态|整改情况|完成情况|整改进展|进展情况|整改进度|整改结果|整改成效|工作成效|办结情况|"
    r"是否完成|目前状态|当前状态|进展|进度|状态)\s*:\s*")


@dataclass
class _Stated:
    """A status the notice states in words of its own (not guessed from an account of the work)."""

    status: Status
    words: str
    continuing: bool = False
    #: what the notice adds after the status in its bracket ("（正在推进，计划12月底前完成）")
    note: str = ""
    #: the issue was put right at once: "（立行立改，已完成）" — its measures' 整改时限
    at_once: str = ""
    #: the status in a bracket of its own after the measure, as written with the full stop around
    #: it ("。（已完成）", "（已完成）。", "【正在推进】"): :data:`STATUS_FORM_KEY`
    form: str = ""


#: put right at once, beside the status in a bracket: "（立行立改，已完成）", "【已完成·即知即改】"
_AT_ONCE_WORDS = r"立行立改|即知即改|立知立改|立查立改|即查即改|马上就改|立即整改"
_AT_ONCE = re.compile(rf"^\s*(?P<lead>{_AT_ONCE_WORDS})\s*[,、;·]?\s*(?=\S)"
                      rf"|\s*[,、;·]?\s*(?P<tail>{_AT_ONCE_WORDS})\s*$")
#: a section or group of issues put right at once: "二、立行立改问题整改情况"
_AT_ONCE_SECTION = re.compile(rf"(?:{_AT_ONCE_WORDS})(?:的)?(?:问题|事项)")


def _status_words(text: str) -> _Stated | None:
    """``text`` read as nothing but a status ("已整改到位", "已完成，并长期坚持"), which may say
    the work was done at once ("立行立改，已完成": ``at_once``)."""
    at_once = ""
    if (m := _AT_ONCE.search(detect(text))) is not None and (m.group("lead") or m.start() > 0):
        word = m.group("lead") or m.group("tail")
        at_once, text = word, (text[m.end():] if m.group("lead") else text[:m.start()])
    reading = read_status(text)
    if reading.status is None or reading.rest or opening_status(text) is None:
        return None
    return _Stated(reading.status, text.strip().rstrip("。.;；"), reading.continuing, at_once=at_once)


#: a title closing with a bracket saying the problem was put right at once: "…不彻底（立行立改）"
_AT_ONCE_TAG = re.compile(rf"[(\[【〔]\s*(?P<word>{_AT_ONCE_WORDS})(?:类|问题|事项)?\s*[)\]】〕]\s*[。.]?\s*$")


def _title_at_once(title: str) -> str:
    """The word of a 立行立改 tag a title closes with ("…整治不彻底（立行立改）"), else "". The tag
    stays in the title (the notice written again says it there)."""
    m = _AT_ONCE_TAG.search(detect(title))
    if m is None or not title[:m.start()].strip():
        return ""
    return title[m.start("word"):m.end("word")]


def _title_status(title: str) -> tuple[str, _Stated | None]:
    """A title ending with a bracketed status ("关于…的问题【正在推进】") or opening with one
    ("【已完成】…的问题") → (title, status)."""
    det = detect(title)
    if (m := _STATUS_TAG.match(det)) is not None and title[m.end():].strip():
        if (stated := _status_words(title[m.start("word"):m.end("word")])) is not None:
            return title[m.end():].strip(), stated
    tags = list(_STATUS_TAG.finditer(det))
    m = tags[-1] if tags else None
    if m is None or title[m.end():].strip(_TITLE_TRAIL + "。"):
        return title, None
    stated = _status_words(title[m.start("word"):m.end("word")])
    if stated is None:
        return title, None
    return title[:m.start()].rstrip(_TITLE_TRAIL + "。"), stated


#: a closing bracket opening with a status and going on with a note: "（正在推进，计划2025年12月底前
#: 完成）", "（已完成，形成长效机制）"
_NOTED_TAG = re.compile(r"[(\[【〔]\s*(?P<word>[^()\[\]【】〔〕,;]{2,8}?)\s*[,;]\s*"
                        r"(?P<note>[^()\[\]【】〔〕]{2,40}?)\s*[)\]】〕]")


def _closing_tag(text: str, whole: bool = True) -> tuple[str, _Stated | None]:
    """A measure ending with its status in a bracket ("修订…办法。（已完成）", "…（正在推进）。",
    "…（正在推进，计划…完成）": the note after the status is its ``note``) → (the measure without
    the bracket, the status); a bracket saying anything else stays. A bracket reading as a status all
    through ("（已完成，长期坚持）") is one status of those words — unless not ``whole`` (an account's
    bracket, whose note goes on its sentence)."""
    det = detect(text).rstrip()
    tail = len(det) - len(det.rstrip("。.;,"))
    tags = list(_STATUS_TAG.finditer(det, 0, len(det) - tail)) \
        or list(_NOTED_TAG.finditer(det, 0, len(det) - tail))
    m = tags[-1] if tags else None
    if m is None or m.end() != len(det) - tail or m.start() == 0:
        return text, None
    stated = _status_words(text[m.start() + 1:m.end() - 1].strip()) if whole else None
    if stated is None and whole:
        stated = _own_word_status(text[m.start() + 1:m.end() - 1].strip())
    if stated is None and (noted := _NOTED_TAG.fullmatch(det, m.start(), m.end())) is not None \
            and (said := _status_words(text[noted.start("word"):noted.end("word")])) is not None:
        # "（正在推进，计划…完成）": a status, then how far it got ("（已完成，形成长效机制）" reads as
        # a status all through: its words, kept whole)
        stated = replace(said, note=text[noted.start("note"):noted.end("note")].strip())
    elif stated is None and not whole:
        stated = _status_words(text[m.start("word"):m.end("word")])
    if stated is None:
        return text, None
    kept = text[:m.start()].rstrip()
    # "1.建立健全学习制度。（已完成）": the bracket's form, to write it so again
    stop_before = "。" if kept[-1:] in ("。", ".") else ""
    stop_after = "。" if tail and text[m.end():len(det)].strip()[:1] in ("。", ".") else ""
    stated = replace(stated, form=f"{stop_before}{text[m.start():m.end()]}{stop_after}")
    if not kept.endswith(_TERMINAL) and tail:
        kept += text[m.end():len(det)].strip()[:1]  # "…职责（已完成）。" keeps its full stop
    return kept, stated


def _own_word_status(word: str) -> _Stated | None:
    """A short bracket closing a measure that is a status by the rules of a status cell, in a
    word of the office's own rather than a common spelling ("（已竣工）", "（已结束）", "（已化解）"):
    the status, as those words state it; ``None`` for a bracket saying anything else ("（含线上
    培训）", "（见附件）")."""
    if not 2 <= len(word) <= 8 or re.search(r"\d", word):
        return None
    reading = read_status(word)
    if reading.status is None or reading.rest or split_opening_status(word, by_rules=True)[0] is None:
        return None
    return _Stated(reading.status, word, reading.continuing)


#: a measure closing with its status after a dash or in a sentence of its own: "修订…细则——已完成；",
#: "修订…办法。已完成。", "…，已解除2笔。正在推进。"
_CLOSING_STATUS = re.compile(r"(?:—{1,2}|-{2}|[。.!])\s*(?P<words>[^。.!?;—\-\n]{2,14}?)\s*[。.;]?\s*$")


def _closing_status_sentence(text: str) -> tuple[str, _Stated | None]:
    """A measure ending with a status of its own after a dash or full stop ("…细则——已完成；",
    "…办法。已完成。") → (the measure without it, the status); any other last sentence stays."""
    det = detect(text).rstrip()
    m = _CLOSING_STATUS.search(det)
    if m is None or not det[:m.start()].strip():
        return text, None
    stated = _sentence_status(text[m.start("words"):m.end("words")])
    if stated is None:
        return text, None
    kept = text[:m.start()].rstrip()
    if det[m.start()] in "。.!":
        kept += text[m.start()]  # "…办法。已完成。" keeps its full stop
    elif not kept.endswith(_TERMINAL):
        kept += "。" if det.endswith("。") else ("；" if det.endswith(";") else "")
    return kept, stated


#: a done word saying more than 已完成 — the work closed, written off, put right in full ("已办结",
#: "已销号", "已整改到位"): after an account of the work, kept as part of it
_CLOSED_WORD = re.compile(r"(?:均|全部)?已?(?:整改)?(?:办结|结办|完结|销号|销项|闭环|到位|清零)(?:完成)?")


_ORDINAL_MARK = re.compile(r"[一二三四五六七八九十]是")


def _listed_statuses(measures: list[Measure]) -> None:
    """The statuses a notice lists after the measures, one for each in their order ("一是建立…；
    二是开展…。一是已完成，二是正在推进。"): the list had been read into the last measure — it
    leaves that measure's text, and each status is its measure's, stated."""
    if len(measures) < 2:
        return
    last = measures[-1]
    det = detect(last.text)
    at = det.find("一是")
    if at <= 0 or det[:at].rstrip()[-1:] not in ("。", ";"):
        return
    marks = list(_ORDINAL_MARK.finditer(det, at))
    if len(marks) != len(measures) or [to_int(m.group(0)[0]) for m in marks] != list(range(1, len(marks) + 1)):
        return
    said = []
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(det)
        words = last.text[mark.end():end].strip().rstrip("，,；;。. ")
        if (stated := _status_words(words)) is None:
            return
        said.append(stated)
    kept = last.text[:at].rstrip()
    if last.progress == last.text:
        last.progress = kept
    last.text = kept
    for m, stated in zip(measures, said, strict=True):
        m.status, m.status_text, m.status_inferred = stated.status, stated.words, False
        m.continuing = stated.continuing


def _tagged_statuses(measures: list[Measure], forms: list[tuple[Measure, str]] | None = None) -> None:
    """Each measure's own status tag ("（已完成）", "（正在推进）", "（长期坚持）" after it, or
    "——已完成", "。已完成。") is the notice's statement of its status: taken as stated, not
    inferred, and out of the text; a bracket's form ("。（已完成）") goes into ``forms``, with its
    measure."""
    for m in measures:
        text, stated = _closing_tag(m.text)
        if stated is None and m.progress in ("", m.text):
            # its own words, not an account written once for the whole issue and shared
            text, stated = _closing_status_sentence(m.text)
        progress = m.progress
        if stated is not None:
            progress = text if m.progress == m.text else m.progress
        elif m.progress and m.progress != m.text:
            progress, stated = _closing_tag(m.progress, whole=False)
            if stated is not None and not stated.note and progress.strip() \
                    and detect(stated.words) not in detect(progress) and (
                    stated.status is Status.MOSTLY_DONE
                    or (stated.status is Status.DONE and _CLOSED_WORD.fullmatch(detect(stated.words)) is not None)):
                # "整改进展：…已整改9个（已办结）": the account ends saying the work was closed, in
                # the office's word — part of what it published, not only the status column's; so
                # for work done in part ("…已整改9个（基本完成）"), which would read as done without it
                kept = progress.rstrip().rstrip("。.；;，,")
                progress = f"{kept}，{stated.words}{progress.rstrip()[len(kept):][:1] or '。'}"
        if stated is None:
            # "…，建立台账1本，已完成。": the notice states it in the sentence's last clause — stated,
            # not guessed; the sentence is published as it stands, so it keeps its words; so for
            # the measure's own account ("整改措施：修订办法。整改情况：已印发实施，已完成。")
            said = _last_clause_status(m.text if m.progress in ("", m.text) else m.progress)
            if said is None and m.progress not in ("", m.text) and not m.progress.startswith(m.text) \
                    and sum(1 for o in measures if o.progress == m.progress) == 1:
                # "整改成效：已开展宣讲12场，…。目前已完成整改。", "…印发实施，该问题已整改到位。": the
                # measure's own account closes stating its status — stated; the account is published
                # as it stands (not an account of the whole issue run on after its last measure)
                said = _closing_status_sentence(m.progress)[1] or _closing_verdict(m.progress)[1]
            if said is not None:
                m.status, m.status_text, m.status_inferred = said.status, said.words, False
                m.continuing = said.continuing
            continue
        noted = bool(stated.note) and progress == text  # the note of the measure's own bracket
        if stated.note:  # "（正在推进，计划…完成）": the note is how far it got
            if progress == text:
                progress = stated.note
            else:  # "…已整改9个。（已完成，长期坚持）": one sentence, the note after the account
                kept = progress.rstrip().rstrip("。.；;，,")
                progress = f"{kept}，{stated.note}{progress.rstrip()[len(kept):][:1]}"
        m.text, m.progress = text, progress
        m.status, m.status_text, m.status_inferred = stated.status, stated.words, False
        if noted and stated.form:
            # "（正在推进，计划12月底前完成）": the bracket's words whole in the status cell (the note
            # is the progress too), to be bracketed so again
            m.status_text = stated.form.strip("。")[1:-1].strip()
        m.continuing = stated.continuing
        if forms is not None and stated.form:
            forms.append((m, stated.form))


def _leading_status(rest: str) -> tuple[str, _Stated | None]:
    """A body opening with a bracketed status ("（已整改到位）\n整改措施：…") or a status label
    ("整改情况：已整改。一是…"): the body without the status words, and the status."""
    det = detect(rest)
    if (m := _STATUS_TAG.match(det)) is not None:
        stated = _status_words(rest[m.start("word"):m.end("word")])
        if stated is not None:
            return rest[m.end():].lstrip(" 。.;；,，\n"), stated
    if (m := _STATUS_LABEL.match(det)) is not None:
        return _labelled_status(rest, m.start(), m.end())
    if (m := _STATUS_SENTENCE.match(det)) is not None and det[m.end():].strip() \
            and (stated := _status_words(rest[m.start(1):m.end(1)])) is not None:
        # "问题1：…不全。已整改到位。全区小作坊纳入…": a sentence of the status alone after the title
        return rest[m.end():].lstrip(" 。.;；,，\n"), stated
    return rest, None


#: a sentence that may be a status alone, opening an issue's body (on the detection copy)
_STATUS_SENTENCE = re.compile(r"\s*([^。;\n,]{2,10}?)\s*[。;]")


def _tag_status(value: str) -> tuple[int, _Stated] | None:
    """A value opening with a bracketed status ("【已完成】专项行动…", "（正在推进）已修订…"): where
    the narrative starts after it, and the status; ``None`` for any other value."""
    m = _STATUS_TAG.match(detect(value))
    if m is None:
        return None
    stated = _status_words(value[m.start("word"):m.end("word")])
    return None if stated is None else (m.end(), stated)


def _labelled_status(rest: str, start: int, value_at: int, *, noted: bool = False) -> tuple[str, _Stated | None]:
    """The status a label at ``start`` gives ("整改状态：已完成"), removed from ``rest`` with the
    label; narrative after the status ("整改情况：已完成。村党支部…") stays in its place, under
    its label — or, ``noted``, after a label of the status alone ("整改状态：申请延期，预计…"), goes
    with the line into the status's note (a remark on the status, not an account of the work)."""
    end = rest.find("\n", value_at)
    end = len(rest) if end < 0 else end
    value = rest[value_at:end]
    if (tagged := _tag_status(value)) is not None:  # "整改进展：【已完成】专项行动检查企业312家…"
        narrative = value[tagged[0]:].lstrip(" 。.;；,，")
        kept = rest[:value_at] + narrative + rest[end:] if narrative else rest[:start] + rest[end:]
        return kept.strip(), tagged[1]
    if opening_status(value) is None and not (
            _STATUS_ONLY_LABEL.match(detect(rest), start) and _ruled_status(value) is not None):
        return rest, None  # a status-only label reads its value by the rules ("整改状态：申请延期，…")
    reading = read_status(value)
    if reading.status is None:
        return rest, None
    cut = value.rfind(reading.rest) if reading.rest else len(value)
    words = value[:cut].strip().rstrip("。.;；,，")
    narrative = value[cut:].strip() if reading.rest else ""
    if noted and narrative and _STATUS_ONLY_LABEL.match(detect(rest), start):
        return (rest[:start] + rest[end:]).strip(), _Stated(reading.status, words, reading.continuing,
                                                            note=narrative)
    kept = rest[:value_at] + narrative + rest[end:] if narrative else rest[:start] + rest[end:]
    return kept.strip(), _Stated(reading.status, words, reading.continuing)


def _trailing_status(rest: str) -> tuple[str, _Stated | None]:
    """One status line of the whole issue after its measures ("整改状态：已完成"); several such
    lines (one per measure) are the measures' own and are left alone."""
    det = detect(rest)
    found = [m for m in _STATUS_LABEL.finditer(det)
             if m.start() > 0 and (opening_status(line := rest[m.end():].split("\n", 1)[0])
                                   or _tag_status(line) is not None
                                   or (_STATUS_ONLY_LABEL.match(det, m.start()) is not None
                                       and _ruled_status(line) is not None))]
    if len(found) != 1:
        # "整改进展：正在推进，已覆盖8个支部。\n完成情况：正在推进": the progress opens with a status
        # word too, but one line only states the status — that is the issue's
        found = [m for m in found if _STATUS_ONLY_LABEL.match(det, m.start())]
        if len(found) != 1:
            return rest, None
    m = found[0]
    return _labelled_status(rest, m.start(), m.end(), noted=True)


#: a label that states the status alone, as against an account of the progress (整改进展, 整改情况)
_STATUS_ONLY_LABEL = re.compile(r"\s*(?:整改状态|完成情况|是否完成|目前状态|当前状态|办结情况|状态)\s*:")


def _ruled_status(value: str) -> Status | None:
    """The status the value of a status-only label opens with by the rules of a status cell, not
    only its common spellings ("申请延期，预计…", "经批准延期，…": 正在推进)."""
    return split_opening_status(value, by_rules=True)[0]


#: a verdict on the whole issue closing its account ("目前，该问题已完成整改。", "该问题正在持续推进
#: 整改。", "截至目前，此项问题整改已完成。", "…印发实施，该问题已整改到位。"): the issue's stated status
_ISSUE_VERDICT = re.compile(
    r"(?:^|(?<=[。;!?\n,]))\s*(?:(?:目前|当前|现|现已|截至目前|截至[^。;,\n]{2,14}?)\s*,?\s*)?"
    r"(?:该|此|本|这一?)(?:个|项)?问题\s*(?:的?整改)?\s*(?P<word>[^。;!?\n]{2,20}?)\s*[。.]?\s*$")


def _closing_verdict(rest: str) -> tuple[str, _Stated | None]:
    """A body ending with a verdict on the whole issue ("…。目前，该问题已完成整改。"): the body
    without it, and the status it states (as the issue's label "整改进展：已完成。" would)."""
    det = detect(rest)
    m = _ISSUE_VERDICT.search(det)
    if m is None or not det[:m.start()].strip():
        return rest, None
    words = rest[m.start("word"):m.end("word")]
    reading = read_status(words)
    if reading.status is None or reading.rest:
        return rest, None
    return rest[:m.start()].rstrip(" \n"), _Stated(reading.status, words.strip(), reading.continuing)


#: a description of the problem in the issue's own words ("主要表现为：一是…；二是…"): part of
#: the issue, not its measures
_SYMPTOMS = re.compile(r"^(?:(?:主要|具体)表现(?:为|在)?|表现(?:为|在))\s*:?")


def _with_symptoms(title: str, rest: str) -> tuple[str, str]:
    """The title with the problem's description that follows it, when there is one; it ends at
    the line's end, at a label (整改措施：), or where the 一是… enumeration starts again (the
    measures)."""
    det = detect(rest)
    if _SYMPTOMS.match(det) is None:
        return title, rest
    ends = [len(det)]
    if (nl := det.find("\n")) >= 0:
        ends.append(nl)
    if (label := _LABEL.search(det)) is not None:
        ends.append(label.start())
    first = marker_at(det, "一是", 0)
    if first >= 0:
        if (again := marker_at(det, "一是", first + 2)) >= 0:
            ends.append(again)
    elif (period := _sentence_end(det)) >= 0:
        ends.append(period + 1)
    end = min(ends)
    symptoms = rest[:end].strip().rstrip(_TITLE_TRAIL + "。")
    if not symptoms or not rest[end:].strip():
        return title, rest  # nothing after it: it is the issue's only text, keep it as it was
    return f"{title}。{symptoms}", rest[end:].strip()


def _per_measure(rest: str, measure_kind: str | None
                 ) -> tuple[Literal["ordinal", "paren", "plain"], str, list[str], list[str]] | None:
    """Measures that each carry their own progress label ("1.开展排查…。整改进展：已完成。
    2.建立机制。整改进展：尚未完成…"): (style, intro, texts, progress), else ``None``."""
    style, intro, segments = _segments(rest, measure_kind)
    if len(segments) < 2:
        return None
    split = [_progress_split(seg) for seg in segments]
    if sum(1 for _, progress in split if progress) < 2:
        return None
    texts = []
    for text, _ in split:
        if (m := _MEASURE_LABEL.match(detect(text))) is not None:
            text = text[m.end():].strip()  # "整改措施：…" opening each paragraph
        texts.append(text)
    # a measure without a label of its own: its text is all it says (as _pair gives it)
    return style, intro, texts, [progress or text for text, (_, progress) in zip(texts, split, strict=True)]


def _clause_pairs(intro: str, segments: list[str], progress: list[str], *, told: bool = False
                  ) -> tuple[list[str], list[str]]:
    """"整改措施：A；B。整改进展：A'；B'。" — a labelled measure listing its items with "；" and a
    progress answering each in turn — is one measure per item, each with its progress; with no
    progress but the issue's status stated ("整改措施：A；B。整改进展：已完成。", ``told``), one
    measure per item, each as it is written. After any label ("整改情况：A，已完成；B，正在推进。"),
    items that each close with a status of their own are one measure each."""
    if len(segments) == 1 and not progress and _LABEL.search(detect(intro)):
        items = [p for p in re.split(r"(?<=[;；])", segments[0]) if p.strip()]
        if len(items) >= 2 and all(_closes_with_status(i) for i in items):
            return [_clause(i) for i in items], []
    if len(segments) != 1 or not _MEASURE_LABEL.search(detect(intro)):
        return segments, progress
    items = [p for p in re.split(r"(?<=[;；])", segments[0]) if p.strip()]
    if told and not progress and len(items) >= 2:
        return [_clause(i) for i in items], []
    if len(progress) != 1:
        return segments, progress
    answers = [p for p in re.split(r"(?<=[;；])", progress[0]) if p.strip()]
    if len(items) < 2 or len(items) != len(answers):
        return segments, progress
    return [_clause(i) for i in items], [_clause(a) for a in answers]


def _closes_with_status(item: str) -> bool:
    """An item of a "；" list closing with its own status and nothing else: in a bracket
    (:func:`_closing_tag`, "…机制（已完成）；") or as a short last clause that reads as a status
    alone ("…排查，已完成；", "…，目前正在征求意见。")."""
    if _closing_tag(item)[1] is not None:
        return True
    det = detect(item).rstrip().rstrip(";。.")
    at = max(det.rfind(","), det.rfind(":"))
    clause = det[at + 1:].strip()
    if at <= 0 or not 2 <= len(clause) <= 12:
        return False
    reading = read_status(clause)
    return reading.status is not None and not reading.rest


def _last_clause_status(text: str) -> _Stated | None:
    """The status a sentence states in its last clause after a comma and nothing else
    ("…，建立台账1本，已完成。", "…，正在推进。"); ``None`` for any other last clause."""
    det = detect(text).rstrip().rstrip(";。.")
    at = det.rfind(",")
    clause = text[at + 1:len(det)].strip()
    if at <= 0 or not 2 <= len(clause) <= 12 or ":" in det[at:]:
        return None
    return _status_words(clause)


def _clause(text: str) -> str:
    """One item of a "；" list as a sentence of its own."""
    text = text.strip().rstrip(";；")
    return text if text.endswith(_TERMINAL) else f"{text}。"


def _own_status(m: Measure) -> bool:
    """Whether a measure states a status of its own ("（已完成）", "整改进展：尚未完成…")."""
    if not m.status_inferred or (m.progress and opening_status(m.progress) is not None):
        return True
    det = detect(m.text)
    return any(_status_words(m.text[t.start("word"):t.end("word")]) is not None
               for t in _STATUS_TAG.finditer(det))


#: a measure's account saying in so many words that it was done
_EXPLICIT_DONE = re.compile(r"已(?:全部|全面)?(?:完成|整改完成|整改到位|办结)")


#: a last clause speaking of the whole problem, not its last step: "目前已完成整改", "均已整改到位",
#: "目前正在推进" (a bare "已完成整改" may be the last step's)
_ISSUE_CLAUSE = re.compile(r"^(?:目前|当前|现已|截至目前|均已|均|全部|已全部)")


def _run_on_verdict(measures: list[Measure]) -> None:
    """Measures run on in one sentence ("一是…，二是…，三是…，目前已完成整改。") whose last clause
    states the whole problem's status (:data:`_ISSUE_CLAUSE`) after the last measure, no other
    measure stating its own: that status is the problem's, as a sentence of its own would be. The
    clause stays in the last measure's words (published as it stands)."""
    if len(measures) < 2 or any(not m.status_inferred for m in measures[:-1]) \
            or any(detect(m.text).rstrip().endswith(("。", ".", "!", "?")) for m in measures[:-1]):
        return  # (measures in sentences of their own: the last clause is the last one's)
    last = measures[-1]
    det = detect(last.text).rstrip().rstrip("。.;")
    at = max(det.rfind(","), det.rfind(";"))
    clause = last.text[at + 1:len(det)].strip()
    if at <= 0 or not 2 <= len(clause) <= 12 or not _ISSUE_CLAUSE.search(detect(clause)):
        return
    if (said := _sentence_status(clause)) is None:
        return
    last.status, last.status_text, last.status_inferred = said.status, said.words, False
    last.continuing = said.continuing
    _apply_stated(measures[:-1], said)


def _kept_on_after_stated(measures: list[Measure], stated: _Stated) -> None:
    """An account closing "…，持续推进。" under a status stated before it ("整改进展：阶段性完成。已选派…，
    其余村结合换届统筹解决，持续推进。"): the clause says the work goes on, as the stated status
    says how far it got — the status is the one stated, not 长期坚持 read from the last clause."""
    if stated.status is Status.LONG_TERM:
        return
    for m in measures:
        if m.status_inferred or m.status is not Status.LONG_TERM or not m.status_text:
            continue
        account = detect(m.progress or m.text).rstrip("。.;； ")
        if account.endswith(detect(m.status_text)) and len(account) > len(m.status_text):
            m.status, m.status_text, m.status_inferred = infer_status(m.progress or m.text), "", True


def _apply_stated(measures: list[Measure], stated: _Stated | None) -> None:
    """A status stated for the issue is its measures' (a measure stating its own keeps it). An
    issue still in progress need not have every measure unfinished: one of several measures that
    says in so many words that it was done ("已完成…", "已结对32对") keeps that."""
    if stated is None:
        return
    if stated.at_once:
        _apply_fields(measures, {F.DEADLINE: stated.at_once})
    unfinished = stated.status in (Status.IN_PROGRESS, Status.NOT_STARTED)

    def says_done(m: Measure, words: str) -> bool:
        return unfinished and m.status is Status.DONE and "已" in detect(words)

    # its own account, apart from its text ("整改措施：A；B。整改进展：正在推进。A已完成，…；B正在…"),
    # while another measure's account says the issue is not done
    accounts = [m.progress for m in measures if m.progress and m.progress != m.text]
    told = [m for m in measures if says_done(m, m.progress)] \
        if len(accounts) == len(measures) == len(set(accounts)) else []
    if len(told) == len(measures):
        told = []
    for m in measures:
        if any(m is t for t in told) and (words := _EXPLICIT_DONE.search(detect(m.progress))):
            # its account says so in words: stated, as the issue's status is
            m.status_text, m.status_inferred = m.progress[words.start():words.end()], False
        if m.status_inferred and m.status is stated.status and m.progress \
                and opening_status(m.progress) is not None:
            # "整改进展：正在推进，已覆盖8个支部。\n完成情况：正在推进": its progress opens with the
            # status the line states — stated, not inferred from the wording
            m.status_text, m.status_inferred = stated.words, False
            m.continuing = m.continuing or stated.continuing
            continue
        if _own_status(m) or (len(measures) > 1 and says_done(m, m.text)) or any(m is t for t in told):
            # (the one measure of its issue is what the status is said of: "推进公益性公墓建设，已完成
            # 选址。正在推进。" is the work going on, a step of it done)
            continue
        m.status, m.status_text, m.status_inferred = stated.status, stated.words, False
        m.continuing = stated.continuing


def _apply_fields(measures: list[Measure], fields: dict[str, str]) -> None:
    """The issue's owner and deadline lines fill those fields of every measure."""
    for m in measures:
        m.lead = m.lead or fields.get(F.LEAD, "")
        m.owner_unit = m.owner_unit or fields.get(F.OWNER_UNIT, "")
        m.owner_person = m.owner_person or fields.get(F.OWNER_PERSON, "")
        m.evidence = m.evidence or fields.get(F.EVIDENCE, "")
        if fields.get(F.CO_OWNER):
            m.extra = {**m.extra, F.CO_OWNER: fields[F.CO_OWNER]}
        if fields.get(F.DEADLINE) and F.DEADLINE not in m.raw:
            m.raw = {**m.raw, F.DEADLINE: fields[F.DEADLINE]}


def _shared_progress(rest: str, measure_kind: str | None, *, told: bool = False
                     ) -> tuple[Literal["ordinal", "paren", "plain"], str, list[str], list[str], str]:
    """(style, intro, measures, their progress, progress written once for the whole issue) of a
    body whose progress, if any, follows all its measures ("整改措施：… 整改进展：…"); ``told``:
    the issue's status is stated (see :func:`_answer_pairs`)."""
    measures_part, progress_part = _progress_split(rest)
    style, intro, segments = _segments(measures_part, measure_kind)
    progress: list[str] = []
    if progress_part:
        _, _, progress = _segments(progress_part, measure_kind)
        if not segments:  # only a progress paragraph: it is the measure
            segments, progress = progress, []
    segments, progress = _clause_pairs(intro, segments, progress, told=told)
    segments, progress = _answer_pairs(segments, progress, told=told)
    if len(segments) >= 2 and len(progress) == 1 and (named := _answered_by_words(segments, progress[0], ";")):
        # "整改进展：已排查图斑1268个，…其余165个正在整改；田长制考核办法已印发。": each part set
        # off by "；" names the measure it answers (parts set off by "，" stay the issue's account)
        progress = named
    return style, intro, segments, progress, progress_part if len(progress) != len(segments) else ""


#: words that say how far a piece of work got (on the detection copy)
def _tells_progress(det: str) -> bool:
    return bool(_NEGATION.search(det) or _LONG_TERM.search(det) or _FORWARD.search(det)
                or _DONE.search(det))


def _answer_pairs(segments: list[str], progress: list[str], *, told: bool = False
                  ) -> tuple[list[str], list[str]]:
    """One progress sentence for several measures that answers them in turn, clause by clause
    ("整改措施：一是…；二是…；三是…。整改进展：实施方案已印发，医联体覆盖全部县区，DRG付费已在3家医院
    试点。"): each measure is given its clause, when the clauses are as many as the measures
    (split at "；", else at "，"), they tell how far the work got — the first one and all
    but one at most — and they agree on it. Clauses that disagree ("…已覆盖城区主干道，第三方
    监测服务正在招标中") are the progress of the issue as a whole, still under way: it stays the
    issue's (after its last measure), not a verdict on each measure. When the issue's status
    is stated (``told``: "整改进展：【已完成】…"), clauses split at "；" as many as the measures
    answer them in turn without telling how far they got themselves (the status told it)."""
    if len(segments) < 2 or len(progress) != 1:
        return segments, progress
    text = progress[0].strip()
    det = detect(text)
    if det.rstrip("。.").count("。") or det.count(":"):
        return segments, progress  # more than one sentence, or a list: no clause-by-clause answer
    for mark in (";", ","):
        cuts = [0, *(i + 1 for i, ch in enumerate(det) if ch == mark), len(det)]
        parts = [text[cuts[k]:cuts[k + 1]] for k in range(len(cuts) - 1)]
        parts = [p for p in parts if p.strip(" ;；,，。.")]
        if len(parts) != len(segments):
            continue
        if not all(len(p.strip()) >= 4 for p in parts):
            continue
        telling = [_tells_progress(detect(p)) for p in parts]
        if (told and mark == ";") or (telling[0] and sum(telling) >= len(parts) - 1
                                      and len({infer_status(p) for p in parts}) == 1):
            return segments, [_clause(p.strip().rstrip(",，")) for p in parts]
    return segments, progress


#: when a measure says it will be done: "预计2025年6月底完成", "力争2024年底前建成投用",
#: "计划于2026年3月底前对…清理收回" (a date with 前 needs no verb after it)
_PLANNED_DATE = re.compile(
    r"(?:预计|计划|力争|争取|确保|拟|将)\s*(?:于|在|到)?\s*"
    rf"(?P<when>\d{{4}}\s*年\s*(?:{_IN_YEAR}|年?底|末)(?P<before>\s*(?:前|之前|以前))?)"
    r"(?(before)|\s*(?:全面|全部|基本)?(?:完成|建成|投用|投入使用|办结|到位|整改到位|竣工|上线|运行|出台|印发|实现))")


def _planned_date(text: str) -> str:
    """The date a measure says it will be done by ("预计2025年6月底前完成" → "2025年6月底前"),
    else ""."""
    m = _PLANNED_DATE.search(detect(text))
    return text[m.start("when"):m.end("when")].strip() if m is not None else ""


def _measure_brackets(segments: list[str], progress: list[str]
                      ) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Each measure and its progress without the owner/deadline brackets they carry, and the
    fields each names."""
    texts, results, found = [], [], []
    for seg, prog in zip(segments, progress, strict=True):
        text, own = _take_brackets(seg)
        if prog == seg:
            result = text
        else:
            result, more = _take_brackets(prog)
            own = {**more, **own}
        texts.append(text)
        results.append(result)
        found.append(own)
    return texts, results, found


def _bold_title(head: str, lead: int, more: list[str]) -> tuple[str, str]:
    """(title, body) of an issue whose title is the bold sentence its paragraph opens with."""
    rest = head[lead:].strip()
    if more:
        rest = f"{rest}\n" + "\n".join(more) if rest else "\n".join(more)
    return head[:lead].strip().rstrip(_TITLE_TRAIL + "。"), rest.strip()


def _results(rest: str) -> tuple[str, str]:
    """The body without the result the notice states after the progress ("整改进展：…\n整改成效：
    群众就医满意度提升至92%"), and that result with its label. A result is no measure's progress;
    it is taken out only where a progress is written beside it (alone, it is the only account
    of the work, and is read as the progress)."""
    det = detect(rest)
    found = list(_RESULT_LABEL.finditer(det))
    if not found:
        return rest, ""
    spans = []
    for m in found:
        end = det.find("\n", m.end())
        spans.append((m.start(), len(det) if end < 0 else end))
    kept, pos = "", 0
    for start, end in spans:
        kept, pos = kept + rest[pos:start], end
    kept += rest[pos:]
    beside = _progress_split(kept)[1]
    if not beside or _status_words(beside.strip().rstrip("。.;；")) is not None:
        # no progress beside it, or only a status ("完成情况：已完成。"): the result is the account
        return rest, ""
    results = "\n".join(rest[start:end].strip() for start, end in spans)
    return kept.strip(), results


#: the last sentence of an issue's body ("…三是引进龙头企业1家。已整改完成。")
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[。.!?\n;]))\s*(?P<words>[^。.!?\n;]{2,14}?)\s*[。.!]?\s*$")
#: a whole sentence that is only a status, not a sentence that happens to read as one
#: ("建立长效机制" reads as 长期坚持 but names a measure)
_STATUS_SENTENCE_WORD = re.compile(r"整改|完成|推进|坚持|到位|办结|销号|落实|启动")
_SENTENCES = re.compile(r"[^。.!?\n;]+")


def _sentence_status(words: str) -> _Stated | None:
    """``words`` read as a sentence that is nothing but a status ("已整改完成", "正在持续推进",
    "需长期坚持", "部分完成，正在推进"), else ``None``."""
    det = detect(words).strip()
    if (not det or re.search(r"\d", det) or re.match(r"[一二三四五六七八九十]+是|[(\[【〔]", det)
            or not (status_phrase(words) is not None or _STATUS_SENTENCE_WORD.search(det))):
        return None
    reading = read_status(words)
    if reading.status is None:
        return None
    if reading.rest:
        after = read_status(reading.rest)
        if after.status is None or after.rest:
            return None
    return _Stated(reading.status, words.strip().rstrip("。.;；"), reading.continuing)


def _closing_list_tag(rest: str) -> tuple[str, _Stated | None]:
    """A paragraph of measures closed by a full stop, then one bracketed status ("整改措施：①…；
    ②…；③…。（已完成）"): the status of the whole issue, stated, and the body without it. Not
    when another bracket of the body states a status (each measure then states its own) or the
    measures stand in paragraphs of their own (the bracket is the last one's)."""
    det = detect(rest).rstrip()
    tags = list(_STATUS_TAG.finditer(det))
    m = tags[-1] if tags else None
    if (m is None or m.end() != len(det) or "\n" in det[:m.start()].strip()
            or not det[:m.start()].rstrip().endswith(("。", "."))):
        return rest, None
    stated = _status_words(rest[m.start("word"):m.end("word")])
    if stated is None or any(_status_words(rest[t.start("word"):t.end("word")]) for t in tags[:-1]):
        return rest, None
    return rest[:m.start()].rstrip(), stated


def _progress_closing_tag(rest: str, progress: str) -> tuple[str, _Stated | None]:
    """An issue's account under its progress label (``progress``, one paragraph, ending ``rest``)
    closed by one bracketed status ("整改进展：已清查资金1.2亿元，管理办法已修订印发。（已整改完成）"):
    the status of the whole issue, stated, and the body without it — when it says the issue is done
    (every measure then is). A bracket saying it goes on ("（持续整改）") is left to the last measure:
    some measures of an issue still going on may be done, which the notice's counts then say. Not
    when another bracket of the account states a status, nor when the account runs over paragraphs."""
    det = detect(rest).rstrip()
    tags = list(_STATUS_TAG.finditer(det))
    m = tags[-1] if tags else None
    if m is None or m.end() != len(det) or len(det) - m.start() > len(progress) or "\n" in progress.strip():
        return rest, None
    stated = _status_words(rest[m.start("word"):m.end("word")])
    before = det[:m.start()].rstrip()
    if stated is None or stated.status is not Status.DONE or not before or before.endswith(":") \
            or any(t.start() >= len(det) - len(progress) and _status_words(rest[t.start("word"):t.end("word")])
                   for t in tags[:-1]):
        return rest, None
    return rest[:m.start()].rstrip(), stated


def _closing_sentence(rest: str) -> tuple[str, _Stated | None]:
    """A body ending with a sentence that is only a status ("一是…；二是…。已整改完成。",
    "…。需长期坚持。"): the status of the whole issue, stated, and the body without it. Not when
    another sentence of the body is a status of its own ("一是…。已完成。二是…。正在推进。": each
    measure states its own)."""
    det = detect(rest)
    m = _LAST_SENTENCE.search(det)
    if m is None or not det[:m.start()].strip(" \n。."):
        return rest, None
    stated = _sentence_status(rest[m.start("words"):m.end("words")])
    if stated is None:
        return rest, None
    others = _SENTENCES.findall(det[:m.start()])
    if any(_sentence_status(s) is not None for s in others if s.strip()):
        return rest, None
    if stated.status is Status.DONE and _line_tells_work_left(det[:m.start()]):
        return rest, None  # "1.…，其余3处待…安装。\n2.…。已完成。": the last line's own status
    return rest[:m.start()].rstrip(" \n"), stated


def _line_tells_work_left(det: str) -> bool:
    """Measures on lines of their own (on the detection copy, up to the last line's closing
    status), one of them telling of work not done or left to do ("已完成，剩余2户…待明年实施",
    "已补装126盏，其余3处待…安装", "尚未完成"): a done status closing the last line is not the
    whole problem's."""
    lines = [line for line in det.split("\n") if line.strip()]
    return len(lines) > 1 and any(
        _NEGATION.search(line) or _NOT_BEGUN.search(line) or _partly_done(line) or _rest_to_do(line)
        for line in lines[:-1])


def _unnumbered(texts: list[str]) -> list[str]:
    """Measures (or their progress) numbered 1. 2. 3. or (1) (2) (3) in turn, each a line of
    its own ("整改措施：1.…；2.…" / "整改进展：1.…；2.…"), without their numbers: the notice's
    list, not the measure's words."""
    if len(texts) < 2:
        return texts
    marks = [re.match(rf"\s*(?:{k}\s*[.、](?!\d)|\(\s*{k}\s*\))\s*", detect(t)) for k, t in enumerate(texts, 1)]
    if not all(marks):
        return texts
    return [t[m.end():] if m is not None else t for t, m in zip(texts, marks, strict=True)]


#: a measure's own numbered label ("措施1：…", "举措二：…"): the notice's, not the measure's words
_NUMBERED_MEASURE = re.compile(r"^(?:整改)?(?:措施|举措|任务)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*:\s*(?=\S)")


def _at_once(measures: list[Measure]) -> None:
    """A measure opening "立行立改，…" was put right at once: that is its 整改时限."""
    for m in measures:
        if (at_once := _AT_ONCE.match(detect(m.text))) is not None and at_once.group("lead"):
            _apply_fields([m], {F.DEADLINE: at_once.group("lead")})


#: how far a number of an issue's measures got, as one clause of a sentence counting them
#: (on the detection copy): "已完成2个", "1个正在推进", "正在推进1项", "2项已整改到位", "1项需长期坚持"
_TALLY_WORDS: tuple[tuple[Status, str], ...] = (
    (Status.NOT_STARTED, r"(?:尚|暂|还)?未(?:启动|开展|实施)"),
    (Status.IN_PROGRESS, r"(?:正在|仍在)(?:有序|稳步|积极|加快|加紧|抓紧|按计划|持续)?(?:推进|整改|实施|办理|进行)中?"
                         r"|推进中|整改中|(?:尚|暂|还)?未完成"
                         r"|基本完成|阶段性完成"),
    # 持续推进 as a status is 长期坚持 (DESIGN §2), here as in a measure's closing words
    (Status.LONG_TERM, r"(?:需|须)?长期坚持|常态化(?:推进|开展)|持续(?:推进|开展|整改)中?"),
    (Status.DONE, r"已(?:经)?(?:全部)?(?:完成|整改(?:完成|到位)?|办结|销号|落实)(?:整改)?|完成整改|整改完成"),
)
_TALLY_UNIT = r"\s*(?:个|项|条)(?:措施|任务)?"
_TALLY_CLAUSE = re.compile("|".join(
    rf"(?P<w{k}>{words})\s*(?P<a{k}>\d{{1,2}}){_TALLY_UNIT}|(?P<b{k}>\d{{1,2}}){_TALLY_UNIT}\s*(?P<v{k}>{words})"
    for k, (_, words) in enumerate(_TALLY_WORDS)))
_TALLY_OPENER = re.compile(r"(?:目前|当前|现|截至目前|截止目前|其中|上述措施中|以上措施中?|各项措施中)?\s*,?\s*")
#: the count of all the measures before their tally: "3项措施中，", "上述3项中" — or said as made:
#: "共制定3项措施，", "制定整改措施5条，", "针对该问题共细化整改任务4项，", "本问题共有整改措施3项，"
_TALLY_MADE = (r"(?:(?:针对|对)?(?:该|此|本|这一?)(?:个)?问题\s*,?\s*)?(?:共|合计|累计|一共|总共)?\s*"
               r"(?:(?:制定|明确|细化|提出|形成|确定|分解|梳理|落实|有)(?:了|出)?(?:的)?\s*)?")
#: the count of all the measures, as made: "3项措施", "整改措施3条", "3项具体整改任务"
_TALLY_MEASURES = (r"(?:\d{1,2}(?:个|项|条)(?:具体)?(?:整改)?(?:措施|任务|举措)"
                   r"|(?:具体)?(?:整改)?(?:措施|任务|举措)\s*\d{1,2}\s*(?:个|项|条))")
_TALLY_LEAD = re.compile(_TALLY_OPENER.pattern
                         + r"(?:(?:(?:上述|以上)?\d{1,2}(?:个|项|条)(?:整改)?(?:措施|任务)?中?"
                         + rf"|{_TALLY_MADE}{_TALLY_MEASURES}中?)\s*,?\s*"
                         + r"(?:目前|当前|现|其中|截至目前|截止目前)?\s*,?\s*)?")


#: every measure said done at once: "以上2项措施均已完成", "上述措施已全部完成", "3项措施均已完成",
#: "该问题共3项措施，已全部完成", "共制定整改措施3条，均已完成", "目前，上述措施均已整改完成",
#: "截至10月底，以上措施已落实完毕"
_TALLY_ALL = re.compile(r"^(?:(?:目前|当前|现|截至目前|截止目前|截[至止][^,;。]{2,12}?)\s*,?\s*)?"
                        r"(?:(?:以上|上述|各项|前述)\s*(?:(?P<n>\d{1,2})\s*(?:个|项|条))?\s*(?:整改)?(?:措施|任务)"
                        rf"|(?P<made>{_TALLY_MADE}{_TALLY_MEASURES}))\s*,?\s*(?:目前|现)?\s*"
                        r"(?:均已|全部|都已|已全部|均|已经全部|已)\s*(?:整改)?"
                        r"(?:完成|办结|整改到位|落实到位|落实完毕|整改完毕|办理完毕|落实)(?:整改)?$")


def _tally(sentence: str) -> dict[Status, int] | None:
    """The counts a sentence gives of an issue's measures by how far they got, when that is all
    it says ("目前已完成2个，1个正在推进。", "其中已完成2项、正在推进1项", "以上2项措施均已完成" —
    without its number, "上述措施均已完成", a count of 0: all of them), else ``None``."""
    det = detect(sentence).strip().rstrip("。.;")
    if (every := _TALLY_ALL.match(det)) is not None:
        made = re.search(r"\d{1,2}", every.group("made") or "")  # "共制定整改措施3条，均已完成": 3
        return {Status.DONE: int(every.group("n") or (made.group(0) if made else 0))}
    lead, opener = _TALLY_LEAD.match(det), _TALLY_OPENER.match(det)
    # the lead's count may be the first clause's own ("2项已完成、1项正在推进", "目前，2项已完成…")
    for at in dict.fromkeys((lead.end() if lead is not None else 0, opener.end() if opener is not None else 0, 0)):
        if (counts := _tally_clauses(det, at)) is not None:
            return counts
    return None


def _tally_clauses(det: str, at: int) -> dict[Status, int] | None:
    """The counts of :func:`_tally`, its clauses read from ``at`` to the end, else ``None``."""
    counts: dict[Status, int] = {}
    while at < len(det):
        m = _TALLY_CLAUSE.match(det, at)
        if m is None:
            return None
        k = next(i for i in range(len(_TALLY_WORDS)) if m.group(f"a{i}") or m.group(f"b{i}"))
        status = _TALLY_WORDS[k][0]
        counts[status] = counts.get(status, 0) + int(m.group(f"a{k}") or m.group(f"b{k}"))
        at = m.end()
        if (sep := re.match(r"\s*[,、;]\s*(?:另有|还有|尚有|其余|剩余|另)?\s*", det[at:])) is not None and sep.end():
            at += sep.end()
        elif at < len(det):
            return None
    return counts or None


def _tally_sentence(rest: str) -> tuple[str, str, dict[Status, int]] | None:
    """The last sentence of an issue's body when it only counts the issue's measures by how far
    they got ("一是…；二是…；三是…。目前已完成2个，1个正在推进。"): (the body without it, the
    sentence, its counts), else ``None``. A label left bare by taking it ("整改进展：") goes too."""
    det = detect(rest).rstrip()
    end = len(det.rstrip("。."))
    start = max(det.rfind("。", 0, end), det.rfind(".", 0, end), det.rfind(":", 0, end),
                det.rfind("\n", 0, end)) + 1
    if start <= 0:
        return None
    counts = _tally(det[start:])
    if counts is None:
        return None
    body = rest[:start].rstrip()
    if (bare := _PROGRESS_LABEL.search(detect(body))) is not None and not detect(body)[bare.end():].strip():
        body = body[:bare.start()].rstrip()
    return body, rest[start:].strip(), counts


def _inner_tallies(measures: list[Measure]) -> None:
    """A sentence saying the measures above it all done, between the measures ("一是…；二是…。
    以上2项措施均已完成。三是…，正在推进。"): no words of the measure it follows — each of the
    measures it counts back (its number of them, else all since the last such sentence) is done.
    A count of more measures than stand above it counts something else and is left as written.
    (The same sentence after the last measure is :func:`_tally_sentence`'s.)"""
    since = 0
    for k, m in enumerate(measures[:-1]):
        det = detect(m.text).rstrip()
        end = len(det.rstrip("。.;"))
        start = max(det.rfind("。", 0, end), det.rfind(".", 0, end), det.rfind(";", 0, end)) + 1
        if start <= 0 or (every := _TALLY_ALL.match(det[start:end].strip())) is None \
                or every.group("made"):
            continue
        n = int(every.group("n") or 0) or k + 1 - since
        if n > k + 1 - since:
            continue
        own_text = m.progress == m.text
        m.text = m.text[:start].rstrip()
        if own_text:
            m.progress = m.text
        for done in measures[k + 1 - n:k + 1]:
            # (said of each, as a tag after it would: the notice's statement, not a guess)
            done.status, done.status_text, done.status_inferred = Status.DONE, "已完成", False
        since = k + 1


def _intro_tally(intro: str) -> tuple[str, str, dict[Status, int]] | None:
    """An issue's account opening with a count of its measures by how far they got, before the
    measures it counts ("整改情况：已完成1项，另1项正在推进。一是…；二是…。"): (the intro without it,
    the sentence, its counts), else ``None`` — read as the same count after the measures is."""
    det = detect(intro).rstrip()
    end = len(det.rstrip("。."))
    start = max(det.rfind("。", 0, end), det.rfind(".", 0, end), det.rfind(":", 0, end),
                det.rfind("\n", 0, end)) + 1
    counts = _tally(det[start:])
    if counts is None:
        return None
    return intro[:start].rstrip(), intro[start:].strip(), counts


def _apply_tally(measures: list[Measure], sentence: str, counts: dict[Status, int], label: str,
                 warnings: list[str]) -> bool:
    """An issue whose measures are only counted by how far they got. Measures that close with a
    status of their own ("…，已完成；") keep it; when the counts left say it of every other
    measure alike (3 measures, "已完成3项"; two said done, "已完成2项，1项正在推进"), each has that
    status; otherwise which measure is which is not known — none is guessed done: their inferred
    status is left empty, the sentence is kept in each one's 备注, and a warning says so. Counts
    that do not fit the measures count something else: ``False``, nothing done."""
    if counts == {Status.DONE: 0}:  # "上述措施均已完成": every one
        counts = {Status.DONE: len(measures)}
    if len(measures) < 2 or sum(counts.values()) > len(measures):
        return False
    left = dict(counts)
    unknown = []
    for m in measures:
        if m.status is not None and _closes_with_status(m.text) and left.get(m.status, 0) > 0:
            left[m.status] -= 1
        else:
            unknown.append(m)
    left = {status: n for status, n in left.items() if n}
    if not unknown:
        return not left
    if len(left) == 1 and sum(left.values()) == len(unknown):
        (status,) = left
        for m in unknown:
            # said of each as plainly as a tag after it would be ("以上措施均已完成"): the notice's
            # statement, kept when the notice is written again
            m.status, m.status_text, m.status_inferred = status, status.value, False
        return True
    note = f"通报只说本问题的措施“{sentence.rstrip('。.')}”，未说明是哪几项"
    for m in unknown:
        m.status, m.status_inferred = None, True
        m.remark = f"{m.remark}\n{note}".strip() if m.remark else note
    said = "，".join(f"{s.value}{n}项" for s, n in counts.items())
    which = "" if len(unknown) == len(measures) else f"其中{len(unknown)}项"
    warnings.append(f"{label}的{len(measures)}项措施，通报只给了数目（{said}），没有说明哪几项，"
                    f"{which}推断状态留空，请按实际情况填写整改状态。")
    return True


def _plain(text: str) -> str:
    """A title or measure as compared with its copy in a table: letters and digits only."""
    return re.sub(r"[^\w]|的?问题$", "", detect(text).strip().rstrip("。.;"))


def _take_listed(told: list[Issue], listed: list[Issue]) -> None:
    """Section 二's issues given what a table of the same issues after the signature states of
    their measures: its deadline, owners and a status its status column states (not one guessed
    from wording). An issue is the table's of the same title (or, the two listing as many issues,
    of the same place); a measure the table's of the same words (or, as many, of the same place)."""
    by_title = {_plain(i.title): i for i in listed}
    for k, issue in enumerate(told):
        other = by_title.get(_plain(issue.title)) or (listed[k] if len(listed) == len(told) else None)
        if other is None:
            continue
        by_text = {_plain(m.text): m for m in other.measures}
        for j, m in enumerate(issue.measures):
            row = by_text.get(_plain(m.text)) or (
                other.measures[j] if len(other.measures) == len(issue.measures) else None)
            if row is None:
                continue
            for name in (F.DEADLINE, F.COMPLETED):
                if row.raw.get(name) and name not in m.raw:
                    m.raw = {**m.raw, name: row.raw[name]}
            m.lead, m.owner_unit = m.lead or row.lead, m.owner_unit or row.owner_unit
            m.owner_person = m.owner_person or row.owner_person
            if row.status is not None and not row.status_inferred and m.status_inferred:
                m.status, m.status_text, m.status_inferred = row.status, row.status_text, False
                m.continuing = row.continuing


def _build_issue(raw: _RawIssue, warnings: list[str], measure_kind: str | None,
                 said_once: set[int] | None = None, forms: list[tuple[Measure, str]] | None = None,
                 all_done: dict[int, str] | None = None) -> Issue:
    """The issue of ``raw``; its id goes into ``said_once`` when the notice states its status once,
    after its several measures ("整改措施：一是…；二是…。整改进展：已完成。"); the form of each status
    its measures state in a bracket after them ("。（已完成）") into ``forms``; the sentence saying all
    its measures done at once ("上述措施均已完成。") into ``all_done``, under the issue's id."""
    fields, more = _field_lines(raw.more)
    if raw.rows:
        title = _split_title(raw.head, [])[0]
        style, measures = _table_measures(raw)
        _apply_fields(measures, fields)
        _at_once(measures)
        return Issue(title=title, number=raw.number, measure_style=style, measures=measures)
    head = raw.head
    if not detect(head).strip() and more and _NAMED_LABEL.match(detect(more[0]).strip()):
        head, more = more[0].strip(), more[1:]  # "（一）" alone on its line, then "问题：…"
    title, rest = _bold_title(head, raw.lead, more) if raw.lead else _split_title(head, more)
    if (named := _NAMED_LABEL.match(detect(title))) is not None:
        title = title[named.end():]  # "1.问题：…" ("1.【问题】…"): the label is no part of the title
    title, stated = _title_status(title)
    at_once_word = _title_at_once(title)
    title, rest = _with_symptoms(title, rest)
    rest, told = _field_sentences(rest)
    fields = {**told, **fields}
    if at_once_word and F.DEADLINE not in fields:
        fields[F.DEADLINE] = at_once_word  # "…问题（立行立改）": its measures' 整改时限
    rest, opening = _leading_status(rest)
    stated = stated or opening
    up_front = stated is not None  # stated in the title or before the measures, not after them
    rest, results = _results(rest)
    tally = _tally_sentence(rest) if stated is None else None
    if tally is not None:
        rest = tally[0]
    per_measure = _per_measure(rest, measure_kind)
    issue_wide = ""
    closing_words = ""  # the sentence stating the issue's status after its measures, as written
    if per_measure is not None:
        style, intro, segments, progress = per_measure
    else:
        told_rest = rest
        if stated is None:
            rest, stated = _trailing_status(rest)
        if stated is None and _progress_split(rest)[1]:
            # "整改措施：①…；②…\n整改进展：…已修订印发。（已整改完成）": the account of them all closed
            # by one bracketed status — the issue's, not the last measure's alone
            rest, stated = _progress_closing_tag(rest, _progress_split(rest)[1])
        elif stated is None:
            # a verdict after the measures (not the last words of a 整改进展 account, which
            # stay in the progress and are read there)
            rest, stated = _closing_verdict(rest)
            if stated is None:
                rest, stated = _closing_sentence(rest)
            if stated is None:
                rest, stated = _closing_list_tag(rest)
        if stated is not None and not up_front and told_rest.startswith(rest.rstrip()):
            closing_words = told_rest[len(rest.rstrip()):].strip()  # "目前该问题已整改完成。"
        style, intro, segments, progress, issue_wide = _shared_progress(rest, measure_kind,
                                                                        told=stated is not None)
    told_intro = intro
    if tally is None and stated is None and segments and (ahead := _intro_tally(intro)) is not None:
        intro, tally = ahead[0], ahead  # "整改情况：已完成1项，另1项正在推进。一是…；二是…。"
    label = f"第{raw.number}个问题" if raw.number is not None else f"问题“{shorten(title, 20)}”"
    if raw.nested:
        warnings.append(f"{label}下的编号条目各自又分“一是、二是……”，可能是几个问题被并入了这一个问题的措施，"
                        "请核对原文的层级。")
    if style == "ordinal":
        for seg in segments:
            if re.search(r"[。;]\s*[二三四五六七八九十]+是", detect(seg)):
                warnings.append(f"{label}的措施序号（一是、二是……）可能不连续，请核对原文。")
                break
    title, title_fields = _take_brackets(title)
    segments, progress, own_fields = _measure_brackets(segments, _pair(segments, progress))
    if len(own_fields) > 1 and not any(own_fields[:-1]) and own_fields[-1]:
        # one bracket after the last measure: it names the owners of the whole issue
        title_fields = {**own_fields[-1], **title_fields}
        own_fields = [{} for _ in own_fields]
    measures = []
    segments, progress = _unnumbered(segments), _unnumbered(progress)
    for seg, prog, own in zip(segments, progress, own_fields, strict=True):
        if (numbered := _NUMBERED_MEASURE.match(detect(seg))) is not None:
            seg, prog = seg[numbered.end():], (seg[numbered.end():] if prog == seg else prog)
        if seg:
            m = Measure(text=seg, progress=prog, status=infer_status(prog), status_inferred=True)
            _apply_fields([m], own)
            measures.append(m)
    _inner_tallies(measures)
    _listed_statuses(measures)
    _tagged_statuses(measures, forms)
    if up_front and stated is not None:
        _kept_on_after_stated(measures, stated)
    if stated is None:
        _run_on_verdict(measures)
    if issue_wide and (shared := infer_status(issue_wide)) is not Status.DONE:
        # "整改措施：一是新建通道26公里；二是… 整改进展：通道已完成18公里，…其余将于…完工": a
        # measure with no progress of its own is as far as the issue's account says, not done
        # because its plan reads like a result ("新建防火通道26公里")
        for m in measures:
            if m.status_inferred and m.progress == m.text and m.status is Status.DONE:
                m.status = shared
    elif issue_wide and len(measures) >= 2:
        # "整改措施：1.…；2.…；3.… 整改成效：已召开研判会议2次，…全面落实。": the account, after the last
        # measure, tells of them all — a measure with no account of its own is done as the issue
        # is, not going on because its plan reads as one ("制定年度学习计划")
        for m in measures:
            if m.status_inferred and m.progress == m.text and m.status is Status.IN_PROGRESS:
                m.status = Status.DONE
    if any(m.status is Status.IN_PROGRESS for m in measures) and (
            _says_issue_done(issue_wide, explicit=False) or _says_issue_done(rest, explicit=True)):
        for m in measures:  # "该问题已完成整改": every measure of the issue is done
            if m.status is Status.IN_PROGRESS and m.status_inferred:
                m.status = Status.DONE
    _apply_stated(measures, stated)
    if stated is not None and stated.note and not up_front and measures:
        # "整改状态：申请延期，预计2027年3月底前完成。": what the status line adds is how far the
        # issue got — after the last measure's account, as a 整改情况 line's would be
        last = measures[-1]
        last.progress = f"{last.progress}{stated.note}" if last.progress else stated.note
    # "上述措施均已完成。" after measures saying no status of their own: one sentence, kept as such
    said_all = tally is not None and _TALLY_ALL.match(detect(tally[1]).strip().rstrip("。.;")) is not None \
        and not any(m.status is not None and _closes_with_status(m.text) for m in measures)
    if tally is not None and not _apply_tally(measures, tally[1], tally[2], label, warnings):
        if intro != told_intro:
            intro = told_intro  # a count before the measures of something else: the account's, as written
        elif measures:
            last = measures[-1]  # not a count of these measures: the last one's words, as written
            own_text = last.progress == last.text
            last.progress = f"{last.progress}{tally[1]}"
            if own_text:
                last.text = last.progress
        said_all = False
    _apply_fields(measures, {**fields, **title_fields})
    if results:
        for m in measures:  # the issue's result: kept with each of its measures, as a remark
            m.remark = f"{m.remark}\n{results}".strip() if m.remark else results
    said = _LABEL.sub("", detect(intro)).strip(" \n。.;")
    if said and (at_once := _AT_ONCE.fullmatch(said)) is not None:
        # "整改情况：立行立改。①…②…": the issue was put right at once — its measures' 整改时限
        _apply_fields(measures, {F.DEADLINE: at_once.group("lead") or at_once.group("tail")})
    _at_once(measures)
    for m in measures:
        if F.DEADLINE not in m.raw and (when := _planned_date(m.progress or m.text)):
            m.raw = {**m.raw, F.DEADLINE: when}
    if (k := item_mark_end(intro.strip())) and not any(c.isalnum() for c in intro.strip()[k:]):
        intro = ""  # a list mark and nothing numbered ("（1）", "（1）。"): nothing said
    issue = Issue(title=title, number=raw.number, intro=intro, measure_style=style, measures=measures)
    if said_once is not None and stated is not None and not up_front and per_measure is None and len(measures) > 1:
        said_once.add(id(issue))
        if all_done is not None and stated.status is Status.DONE and not stated.note \
                and all(m.status is Status.DONE for m in measures):
            # "…。目前已完成整改。", "…。该问题已整改完成。": so again, as the notice said it
            said = closing_words if detect(stated.words) in detect(closing_words) \
                and len(closing_words) <= len(stated.words) + 12 and not re.search(r"[\n:]", detect(closing_words)) \
                else stated.words
            all_done[id(issue)] = f"{said.strip().rstrip('。.;；')}。"
    if all_done is not None and said_all and tally is not None and all(m.status is Status.DONE for m in measures):
        all_done[id(issue)] = tally[1].strip()
    return issue


# ---------------------------------------------------------------------------
# Group headings: their counts, and the leader or unit who leads their issues
# ---------------------------------------------------------------------------

#: a sentence of counts only under a heading ("该公司共反馈问题5个，制定整改措施13项，已完成整改5个。",
#: "本方面共3个问题，已全部完成整改。"): the heading's summary, no text of an item
_SUMMARY_OPEN = re.compile(r"^(?:(?:该|本|此)[\u4e00-\u9fff]{1,5}?|其中)?(?:共|计|合计|累计|涉及"
                           # a unit's count under its heading: "巡察反馈问题12个，已完成整改10个"
                           r"|(?:巡察|巡视)?组?(?:反馈|发现|指出)的?问题\s*\d)")
_SUMMARY_COUNT = re.compile(r"\d{1,4}\s*(?:个|项|条|件|处|类)|全部|均已|全面")
#: a group named by who leads its issues: "党组书记、局长陈立新领办的问题", "办公室牵头整改的问题"
_LED_GROUP = re.compile(
    r"^(?P<who>[^,;:。]{2,40}?)(?:同志)?(?:领办|牵头(?:整改|负责|办理|落实)?|负责(?:整改|落实|办理)|"
    r"包保|主抓)的?(?:问题|事项|整改事项|整改任务)$")
#: a position a leader is named by; the name follows the last one ("副局长刘春梅")
_POSITION = re.compile(
    r"书记|局长|主任|组长|委员|成员|主席|经理|董事长|校长|院长|部长|处长|科长|股长|镇长|乡长|县长|区长|"
    r"市长|厅长|总监|行长|所长|站长|队长|馆长|社长|总工程师|总会计师|领导")
#: the end of a unit's name: the group is led by a unit, not a leader
_UNIT_END = re.compile(r"(?:办公室|办|股|科|处|室|部|局|中心|大队|中队|学院|所|站|队|组|公司|部门|单位|"
                       r"委员会|支部|党委|工委)$")


def _split_count(title: str) -> tuple[str, str, int | None]:
    """A heading without the count written after it ("（2个）", "。该方面共3个问题，…"), that count
    as written, and the issues it counts."""
    det = detect(title)
    cut, count = split_count_note(det)  # ("（2个）", "（共3个问题）"), on the one-for-one copy
    if count is not None:
        return title[:len(cut)], title[len(cut):].strip(), count
    end = _sentence_end(det)
    if end > 0:
        rest = det[end + 1:].strip()
        if rest and len(rest) <= 80 and (count := count_sentence(rest)) is not None:
            return title[:end].rstrip(_TITLE_TRAIL), title[end + 1:].strip(), count
    return title, "", None


def _is_summary(det: str) -> bool:
    """Whether ``det`` is one sentence of counts only, as a heading's summary: it opens with
    共/计 (after 该公司/本方面…) and each of its clauses counts something."""
    text = det.strip().rstrip("。.")
    if not text or len(text) > 100 or "。" in text or not _SUMMARY_OPEN.match(text):
        return False
    return all(_SUMMARY_COUNT.search(clause) for clause in re.split(r"[,;]", text) if clause.strip())


def _leader(who: str) -> str:
    """The leader's name after the last position ("党组书记、局长陈立新" → "陈立新"), else the
    words as written ("分管副局长")."""
    positions = list(_POSITION.finditer(detect(who)))
    if positions:
        name = who[positions[-1].end():].strip(" 、,，")
        if 2 <= len(name) <= 4 and re.fullmatch(r"[\u4e00-\u9fff·]+", name):
            return name
    return who.strip()


def _group_owner(title: str) -> tuple[str, str] | None:
    """(field, value) of a group heading naming who leads its issues: the lead's name, or the
    owner unit; ``None`` for any other heading."""
    m = _LED_GROUP.match(detect(title))
    if m is None:
        return None
    who = title[m.start("who"):m.end("who")].strip()
    det_who = detect(who)
    if _POSITION.search(det_who):
        return F.LEAD, _leader(who)
    if _UNIT_END.search(det_who) and len(who) <= 20:
        return F.OWNER_UNIT, who
    return None  # "上级交办的问题": no one named


#: a group named by how far its issues got: "已完成整改的问题", "正在推进的问题（3个）", "需长期坚持的问题"
_STATUS_GROUP = re.compile(r"^(?P<word>[^,;:。()]{2,12}?)的?(?:问题|事项|整改事项|整改任务)$")


#: how a status group's words open: how far the work got ("已…", "正在…", "尚未…", "需长期坚持",
#: "基本完成", "整改到位") — not a problem named by what falls short ("学习贯彻不深入问题",
#: "制度执行不严格问题", "监督不力的问题", "整改不到位问题"), which reads as "not done" word by word
_GROUP_STATUS_OPENING = re.compile(
    r"^(?:已|正在|尚未|尚在|未(?!能)|仍在|需要?|基本|大部分|长期|持续|全部|部分|阶段性|完成|"
    r"整改(?:已|完成|中|到位)|推进中|进行中|在办|办结|销号)")


def _group_status(title: str) -> _Stated | None:
    """The status a group heading names ("已完成整改的问题" → 已完成), else ``None``."""
    m = _STATUS_GROUP.match(detect(title).strip())
    if m is None or not _GROUP_STATUS_OPENING.match(m.group("word")) or "不" in m.group("word"):
        return None
    words = title.strip()[m.start("word"):m.end("word")]
    reading = read_status(words)
    if reading.status is None or reading.rest:
        return None
    return _Stated(reading.status, words, reading.continuing)


def _group_headings(aspects: list[Aspect], warnings: list[str]) -> int:
    """Aspect and category headings without the counts written after them (checked against
    the issues listed under them), and the leader or unit a group heading names given to each
    measure of its issues that names none of its own.

    A group of issues by who leads them ("（一）党组书记、局长陈立新领办的问题") stays the
    notice's own level — an aspect, or a category — so that the notice re-renders with the
    same grouping; its leader becomes each measure's 责任领导 (its unit, 责任单位). So does a group
    by how far its issues got ("（一）已完成整改的问题（9个）", "（二）正在推进的问题"): the status it
    names is its measures' as stated (a measure or issue stating its own keeps it). Returns how
    many aspects are such status groups (they are no 方面 of the feedback)."""
    status_groups = 0
    groups: list[tuple[Aspect | Category, list[Issue]]] = []
    for a in aspects:
        groups.append((a, list(a.issues())))
        groups.extend((c, c.issues) for c in a.categories)
    for group, issues in groups:
        if group.title is None:
            continue
        group.title, group.count_note, count = _split_count(group.title)
        if count is not None and count != len(issues):
            warnings.append(f"“{shorten(group.title, 24)}”称有{count}个问题，正文列出{len(issues)}个，请核对原文。")
        if (stated := _group_status(group.title)) is not None:
            status_groups += isinstance(group, Aspect)
            for issue in issues:
                _apply_stated(issue.measures, stated)
            continue
        owner = _group_owner(group.title)
        if owner is None:
            continue
        name, value = owner
        for issue in issues:
            for m in issue.measures:
                if name == F.LEAD and not m.lead:
                    m.lead = value
                elif name == F.OWNER_UNIT and not m.owner_unit:
                    m.owner_unit = value
    return status_groups


# ---------------------------------------------------------------------------
# Sections and levels
# ---------------------------------------------------------------------------

#: a heading naming a unit inspected in the round, as a 巡察办 heads the part of its notice telling
#: that unit's work ("一、县农业农村局党组", "二、某某镇党委巡察整改情况", "（三）县人民医院"): a name
#: (no clause of a sentence) ending on the body or the organisation, perhaps before 整改(进展)情况
_UNIT_HEADING = re.compile(
    r"^[^,;:。、]{2,30}?(?:局|委|办|镇|乡|街道|办事处|公司|集团|医院|学校|学院|大学|中心|院|所|站|队|社)"
    r"(?:党组|党委|党工委|党总支|党支部|机关党委)?"
    r"(?:(?:巡察|巡视)?(?:反馈问题)?整改(?:进展|落实)?情况)?\s*[。.]?$")


def _names_unit(det_title: str) -> bool:
    """Whether a heading names one unit of a round over several (:data:`_UNIT_HEADING`) and not
    the work done ("一、整改工作开展情况", "三、下一步工作打算", "…方面")."""
    return (bool(_UNIT_HEADING.match(det_title)) and "方面" not in det_title
            and not _NOT_ITEMISED.search(det_title) and not _is_itemised(det_title))


#: a heading naming a kind of problem as an aspect without the word 方面 ("一、关于党委主体责任落实不
#: 到位的问题", "二、落实中央八项规定精神不严格问题的整改情况"): the problem, perhaps after 关于 and before
#: its 整改情况 — not the notice's own heading for its problems ("巡察反馈问题整改落实情况")
_PROBLEM_GROUP = re.compile(r"^(?:关于)?(?P<what>[^。；;：:]{4,60}?问题)(?:的?整改(?:落实|进展)?情况)?\s*[。.：:]?$")
_GENERIC_PROBLEMS = re.compile(r"反馈|巡察|巡视|存在的?问题$|^(?:主要|具体)?问题$|下一步|下步|打算|今后")


def _names_problem_group(det_title: str) -> bool:
    """Whether a heading names a kind of problem, as an aspect does (:data:`_PROBLEM_GROUP`). The
    words of a problem quoted from the feedback are its own, never the generic heading's
    ("关于“落实巡察整改不彻底”的问题" names a problem; "巡察反馈问题" none)."""
    if (m := _PROBLEM_GROUP.match(det_title)) is None:
        return False
    return _GENERIC_PROBLEMS.search(_QUOTED_NAME.sub("“”", m["what"])) is None


#: a name quoted in a heading ("关于“落实巡察整改不彻底”的问题")
_QUOTED_NAME = re.compile(r"“[^“”]{4,}”|\"[^\"]{4,}\"")


def _is_aspect_title(det_title: str) -> bool:
    return bool(_ASPECT_TITLE.search(det_title)) and "方面" in det_title


def _title_of(line: _Line) -> str:
    """The detection copy of an item's title (up to its first full stop)."""
    body = line.det_body
    end = _sentence_end(body)
    return body[:end] if end >= 0 else body


def _is_section_line(line: _Line, *, numbered: bool) -> bool:
    """A heading that names a section (not an aspect, not an item)."""
    title = line.det_body if numbered else line.det
    if not title or len(title) > 40 or _is_aspect_title(title):
        return False
    if not numbered and line.cut and _PART.match(line.det):
        return "。" not in title  # "第二部分 …": a section by its numbering, whatever its words
    if _PROBLEM_END.search(title) and not _is_itemised(title):
        return False
    if not numbered and (title.endswith((*_TERMINAL, ":", ",")) or "。" in title):
        return False
    if numbered and "。" in title:
        return False
    return bool(_SECTION_WORDS.search(title) or _ITEMISED.search(title))


def _is_itemised(title: str) -> bool:
    return bool(_ITEMISED.search(title)) and not _NOT_ITEMISED.search(title)


@dataclass
class _Layout:
    """Where things are: indices into the line list."""

    title_start: int                # lines[:title_start] are page debris above the title
    title_end: int                  # lines[title_start:title_end] are the title
    region: tuple[int, int] | None  # the itemised section's lines (without its heading)
    heading: int | None             # the itemised section's heading line
    section_mode: Literal["top", "pcn", "plain", "none"]
    sections: list[int]             # every section heading line
    closing: int                    # first closing line
    signature: int | None
    date_line: int | None
    stop: int                       # end of the closing (signature or date or end)


def _front_end(lines: Sequence[_Line]) -> tuple[int, int]:
    """(start, end) of the title lines at the top: lines[start:end] are the title, the lines
    before ``start`` page debris (a site's menu "首页 / 走进某某 / 政务服务", an account's name).

    The title is up to four short lines without a full stop (a title of several lines is
    written back on one line by rectxl's own notices: the first line may be as long as four);
    a run of such lines longer than that is a page's menu above the title when one of them
    names the notice (…巡察…整改…通报): the title is that line, with the lines above it that
    open it ("中共…党组关于…", "…关于") and up to four lines in all."""
    k = 0
    while (k < len(lines) and k < 12 and len(lines[k].text) <= (80 if k else 320) and lines[k].kind == "text"
           and not lines[k].det.endswith(("。", ":", ";", ","))
           and not lines[k].det.startswith(("根据", "按照", "依据", "遵照", "经"))
           and not _DATE_LINE.match(lines[k].det.replace(" ", ""))
           and not _CLOSING.match(lines[k].det)):
        k += 1
    named = next((j for j in range(k) if _NOTICE_TITLE.search(lines[j].det)), None)
    # the red letterhead printed above the title ("中共某某县农业农村局党组文件") is no part of it
    head = 0
    while head < k - 1 and _LETTERHEAD.match(lines[head].det):
        head += 1
    if k - head <= 4 or named is None:
        return head, min(k, head + 4)
    start = named
    while start > head and _TITLE_HEAD.search(lines[start - 1].det):
        start -= 1
    return start, min(k, start + 4)


#: the red letterhead (红头) of an official document: the issuing body's name and 文件
#: ("中共某某县农业农村局党组文件", "某某县人民政府办公室 文件")
_LETTERHEAD = re.compile(r"^(?!.*关于)[^,。;:]{2,40}?\s*文\s*件$")


#: the opening of a title broken over lines: "中共某某县财政局党组关于县委第一巡察组", "…关于"
_TITLE_HEAD = re.compile(r"关于|^中共|(?:党组|党委|委员会|党工委|党总支|公司|集团)$")


#: a year in Chinese numerals ("二〇二五年"), as a notice may be dated
_NUMERAL_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}\s*年")
#: a date given to its month only ("2025年12月", "二〇二五年十二月"), at the end of the line
_SIGNED_MONTH = re.compile(r"年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?$")
_SIGNED = re.compile(rf"^(\S.{{1,40}}?)\s*({DATE})$")


def _tail(lines: Sequence[_Line], start: int) -> tuple[int | None, int | None, int]:
    """(signature line, date line, stop) — the signature block at the end, if any."""
    n = len(lines)
    i_date = next((j for j in range(n - 1, start, -1)
                   if _DATE_LINE.match(lines[j].det.replace(" ", ""))), None)
    if i_date is None and n - 1 > start and lines[n - 1].det.strip() == _UNDATED:
        i_date = n - 1  # rectxl's own notice, not yet dated: the place of its date
    if i_date is not None and n - i_date > 4 and not _signed_above(lines, i_date, start):
        i_date = None  # a date far from the end is not the signature's
    if i_date is None:  # "中共某某党组 2025年12月3日" on one line
        for j in range(n - 1, max(start, n - 4), -1):
            if (m := _SIGNED.match(lines[j].det)) is not None and _ORG_END.search(m.group(1)):
                return j, j, j
    i_sig: int | None = None
    cand = (i_date - 1) if i_date is not None else (n - 1)
    if (cand > start and _signs(lines[cand].det, lines[cand])
            and (i_date is not None or _ORG_END.search(lines[cand].det))):
        i_sig = cand
        # two bodies signing together, one a line ("中共某某市纪律检查委员会 / 某某市监察委员会")
        if (i_date is not None and cand - 1 > start and _ORG_END.search(lines[cand].det)
                and _signs(lines[cand - 1].det, lines[cand - 1]) and _ORG_END.search(lines[cand - 1].det)
                and len(lines[cand - 1].det) <= 40):
            i_sig = cand - 1
    stop = min(j for j in (i_sig, i_date, n) if j is not None)
    return i_sig, i_date, stop


#: the date line of a notice rectxl wrote with no date to sign it (render's placeholder)
_UNDATED = "【请填写成文日期】"
#: a signature or date line rectxl wrote as a placeholder: no name, no day
_PLACEHOLDER_LINE = re.compile(r"【请填写[^】]*】")


def _signs(d: str, line: _Line) -> bool:
    """Whether a line can be (a line of) the signature: short, no sentence, no closing line."""
    return (len(d) <= 60 and not d.endswith(("。", ";", ":", ",")) and line.kind == "text"
            and not _CLOSING.match(d) and "。" not in d)


def _signed_above(lines: Sequence[_Line], i_date: int, start: int) -> bool:
    """Whether a date line far from the end still is the signature's: the unit signs right above
    it, and what follows is a numbered list (a page's related links, attachments) with at most
    four other lines — never a further item of the notice, which would carry text of its own."""
    if i_date - 1 <= start:
        return False
    above = lines[i_date - 1].det
    if not (len(above) <= 40 and _ORG_END.search(above) and lines[i_date - 1].kind == "text"):
        return False
    after = lines[i_date + 1:]
    plain = [line for line in after if line.kind == "text"]
    return len(plain) <= 4 and all(len(line.det) <= 80 for line in after)


def _layout(lines: Sequence[_Line]) -> _Layout:
    k0, k = _front_end(lines)
    i_sig, i_date, stop = _tail(lines, k)
    structural = [j for j in range(k, stop) if lines[j].kind in _STRUCTURAL]
    after_items = structural[-1] + 1 if structural else k
    closing = next((j for j in range(after_items, stop) if _CLOSING.match(lines[j].det)), stop)
    body = range(k, closing)

    # Section headings.
    tops = [j for j in body if lines[j].kind == "top"]
    # a 巡察办's notice of a round over several units: a section per unit ("一、县农业农村局党组")
    units = [j for j in tops if _names_unit(lines[j].det_body)]
    units = units if len(units) >= 2 else []
    # an ordinary notice whose aspects are its own top-level lines naming kinds of problem without
    # 方面 ("一、关于党委主体责任落实不到位的问题"), each over its numbered problems
    groups = [j for j in tops if _names_problem_group(lines[j].det_body)]
    if not units and len(groups) >= 2 and all(
            lines[j + 1].kind in _STRUCTURAL for j in groups if j + 1 < closing):
        units = groups
    # a 公示's problems numbered 一、二、 each answered in its paragraph ("一、村务公开不及时的问题。整改
    # 情况：…"): items, not sections
    answered = [j for j in tops if _answered_problem(lines[j].det_body)
                or (j + 1 < closing and _answered_below(lines[j].det_body, lines[j + 1]))]
    answered = answered if len(answered) >= 2 else []
    sections = [j for j in tops if not _is_aspect_title(lines[j].det_body) and j not in units and j not in answered]
    mode: Literal["top", "pcn", "plain", "none"] = "top" if sections else "none"
    if not sections:
        pcns = [j for j in body if lines[j].kind == "pcn" and _is_section_line(lines[j], numbered=True)]
        if len(pcns) >= 2 or any(_is_itemised(lines[j].det_body) for j in pcns):
            sections, mode = pcns, "pcn"
    if not sections:
        plain = [j for j in body if j > k and lines[j].kind == "text"
                 and _is_section_line(lines[j], numbered=False)]
        if plain:
            sections, mode = plain, "plain"

    def span(s: int) -> tuple[int, int]:
        after = [t for t in sections if t > s]
        return s + 1, (after[0] if after else closing)

    def items_in(lo: int, hi: int) -> int:
        return sum(1 for j in range(lo, hi) if lines[j].kind in _STRUCTURAL)

    def title(s: int) -> str:
        return lines[s].det_body if mode in ("top", "pcn") else lines[s].det

    heading: int | None = None
    region: tuple[int, int] | None = None
    top_aspects = _top_level_aspects(lines, tops, sections if mode in ("top", "plain") else None)
    if mode == "top" and top_aspects:  # "一、总体情况 / 二、关于…方面 / … / 四、下一步": no 二、 heading
        region = _aspects_region(top_aspects, sections, closing)
    elif sections:
        heading = _itemised_heading(sections, mode, title, lambda s: items_in(*span(s)),
                                    lambda s: lines[s].number)
        if heading is not None:
            region = span(heading)
        elif top_aspects:  # "一、在…方面 / 二、在…方面 / 下一步工作打算": the aspects are the items
            region = _aspects_region(top_aspects, sections, closing)
        elif mode == "plain":  # headings that are not sections after all, bar the next steps'
            sections = [s for s in sections if _NOT_ITEMISED.search(title(s))]
            mode = "plain" if sections else "none"
    if region is None and (mode == "none" or (mode == "plain" and heading is None)):
        structural = [j for j in body if lines[j].kind in _STRUCTURAL]
        aspect_like = [j for j in structural
                       if lines[j].kind == "fang" or _is_aspect_title(_title_of(lines[j]))]
        first = aspect_like[0] if aspect_like else (structural[0] if structural else None)
        if first is not None:
            region = (first, next((s for s in sections if s > first), closing))
    if region is not None:
        lo, hi = region
        last = max((j for j in range(lo, hi) if lines[j].kind in _STRUCTURAL), default=lo - 1)
        told = last >= lo and "。" in lines[last].det.rstrip("。")  # the last problem's account on its line
        nxt = next((j for j in range(max(last + 1, lo), hi)
                    if lines[j].kind == "text" and (_NEXT_STEPS.match(lines[j].det) or (
                        (j >= last + 2 or told) and _ROUND_INTENT.match(lines[j].det)
                        # (the last words before the closing: not "镇党委将…纳入考核" among the measures)
                        and not any(lines[x].kind == "text" for x in range(j + 1, hi))))), None)
        if nxt is not None:
            region = (lo, nxt)
    return _Layout(title_start=k0, title_end=k, region=region, heading=heading, section_mode=mode,
                   sections=sections, closing=closing, signature=i_sig, date_line=i_date, stop=stop)


#: the first of a list's bracketed numbers, after a separator: "（1）" (or "1）") or "①"
#: measures numbered 1. 2. in the paragraph of their problem, after its title ("…的问题。1.建立…。2.制定…")
_DECIMAL_AFTER_TITLE = re.compile(r"[。.]\s*1\s*\.(?!\d)[^\n]*?[。.)\]】]\s*2\s*\.(?!\d)")
_FIRST_PAREN = re.compile(r"(?:^|(?<=[。.;,:!?、\s]))(?:(\(\s*1\s*\)|1\))|(①))")


#: a label of the measures themselves (not of how far they got): "整改措施：", "主要措施："
_MEASURES_LABEL = re.compile(r"(?:整改|具体|主要)?(?:措施|举措)\s*:")


def _measure_label(aspects: list[Aspect], lines: Sequence[_Line], region: tuple[int, int] | None) -> str | None:
    """The label every problem's measures follow on a line of their own ("1.…的问题。" / "整改措施：
    1.…2.…", or "整改措施：" alone over lines "1.…" "2.…"), as the notice wrote it: :data:`MEASURE_LABEL_KEY`;
    else ``None`` (a label after the problem on its line, "…的问题。整改措施：1.…", or one of how far they
    got, "整改情况：", is not kept). Only for measures numbered "1." (the caller's)."""
    said = {i.intro.strip() for a in aspects for i in a.issues() if i.measures}
    if len(said) != 1:
        return None
    (label,) = said
    det = detect(label)
    if not label or len(label) > 12 or _MEASURES_LABEL.fullmatch(det) is None:
        return None
    lo, hi = region if region is not None else (0, len(lines))
    opened = [line for line in lines[lo:hi] if line.det.lstrip().startswith(det)]
    return label if opened and len(opened) >= sum(1 for a in aspects for i in a.issues() if i.measures) else None


def _paren_mark(lines: Sequence[_Line], region: tuple[int, int] | None) -> str:
    """How the measures numbered in brackets are marked in the itemised section — "①" when its
    first such number is circled, "1." when its first list is "1." after its label ("整改措施：1.…2.…"),
    else "（1）" (a half bracket, "1）", is published whole)."""
    lo, hi = region if region is not None else (0, len(lines))
    for line in lines[lo:hi]:
        if line.relisted:
            return "1."  # "整改措施：" alone on its line, then "1.建立…" on the next: numbered so again
        if "1" in line.det or "①" in line.det:
            if (m := _FIRST_PAREN.search(line.det)) is not None:
                return "①" if m.group(2) else "（1）"
            if ((listed := _LABELLED_LIST.search(line.det)) is not None and listed.start("one") > 0) \
                    or (line.kind in _STRUCTURAL and _DECIMAL_AFTER_TITLE.search(line.det, line.cut)):
                # "整改措施：1.建立健全学习制度。（已完成）2.…", "1.…的问题。1.建立…。2.…": numbered so again
                return "1."
    return "（1）"


def _answered_below(det_body: str, below: _Line) -> bool:
    """A numbered line naming a problem and nothing more ("一、关于村务公开不及时的问题。"), answered on
    the line below under a label ("整改情况：…"): an item, as :func:`_answered_problem` is on one line."""
    return (below.kind == "text" and _LABEL.match(below.det) is not None
            and _PROBLEM_END.search(det_body) is not None and not _is_itemised(det_body)
            and det_body.find("。") in (-1, len(det_body) - 1))


def _answered_problem(det_body: str) -> bool:
    """A numbered paragraph naming a problem in its first sentence and answering it after ("村务公开
    不及时的问题。整改情况：已建立…"): an item, whatever number it carries — no section heading."""
    end = det_body.find("。")
    return 0 < end < len(det_body) - 1 and _PROBLEM_END.search(det_body[:end + 1]) is not None \
        and not _is_itemised(det_body[:end])


def _itemised_heading(sections: list[int], mode: str, title: Callable[[int], str],
                      items: Callable[[int], int], number: Callable[[int], int | None]) -> int | None:
    """The heading of the itemised section: the one whose words say so and that has items, else
    ``二、`` with items, else the one with the most items — never one naming what is not the
    items (下一步工作打算, 组织领导情况: their "1.…2.…" are plans, not issues) — else the first
    one named so (without items: a notice of counts only)."""
    named = [s for s in sections if _is_itemised(title(s))]
    with_items = [s for s in named if items(s)]
    if with_items:
        return with_items[0]
    others = [s for s in sections if not _NOT_ITEMISED.search(title(s))]
    two = [s for s in others if mode == "top" and number(s) == 2 and items(s)]
    if two:
        return two[0]
    busiest = max(others, key=items, default=None)
    if busiest is not None and items(busiest):
        return busiest
    return named[0] if named else None


def _aspects_region(aspects: list[int], sections: list[int], closing: int) -> tuple[int, int]:
    """The itemised region of a notice whose aspects are its own top-level lines: from the first
    aspect to the next section heading after the last (下一步工作打算), else to the closing."""
    return aspects[0], next((s for s in sections if s > aspects[-1]), closing)


def _top_level_aspects(lines: Sequence[_Line], tops: list[int], sections: list[int] | None
                       ) -> list[int]:
    """The aspects of a notice that numbers them as sections of its own ("一、整改工作总体情况 /
    二、关于…方面问题的整改情况 / 三、… / 五、下一步工作打算", or "一、在…方面 / 二、在…方面 /
    三、在…方面" with an unnumbered "下一步工作打算" after them): one run of aspect lines with
    no section heading between them, all the ``一、`` lines numbered in one sequence; else
    nothing. ``sections`` are the notice's section headings (``None``: they are ``（一）``
    lines, under which ``一、`` lines are not the notice's aspects)."""
    if sections is None:
        return []
    aspects = [j for j in tops if j not in sections]
    if not aspects or any(aspects[0] < s < aspects[-1] for s in sections):
        return []
    if not (all(_is_aspect_title(lines[j].det_body) for j in aspects)
            or (len(aspects) >= 2 and (all(_names_unit(lines[j].det_body) for j in aspects)
                                       or all(_names_problem_group(lines[j].det_body) for j in aspects)))):
        return []
    numbers = [lines[j].number for j in tops]
    return aspects if numbers == list(range(1, len(tops) + 1)) else []


@dataclass
class _Item:
    index: int
    kind: Kind
    title: str       # detection copy
    has_body: bool
    marked: bool     # its body carries 一是… or a 整改情况：label
    ordinal: bool    # its body enumerates 一是…
    #: paragraphs under it that each open by naming a problem ("针对村集体经济“空壳村”问题。")
    named: int = 0


def _items(lines: Sequence[_Line], lo: int, hi: int) -> list[_Item]:
    items: list[_Item] = []
    for j in range(lo, hi):
        line = lines[j]
        if line.kind not in _STRUCTURAL:
            continue
        body = line.det_body
        end = _sentence_end(body)
        title = body[:end] if end >= 0 else body
        if title.endswith((")", "]", "】", "〕")):
            # "（一）关于“…”的问题（已完成）": the status it states is no word of its title
            title = _title_status(title)[0].strip()
        after = body[end + 1:].strip() if end >= 0 else ""
        follow = []
        for t in range(j + 1, hi):
            if lines[t].kind in _STRUCTURAL:
                break
            follow.append(lines[t].det)
        text = after + "".join(follow)
        if line.kind in ("fang", "top", "pcn") and _is_summary(text):
            text = ""  # "（一）某公司 / 该公司共反馈问题5个，…": the heading's summary, no body
        ordinal = marker_at(body + "\n" + "\n".join(follow), "一是", 0) >= 0
        marked = bool(ordinal or _LABEL.search(body) or any(_LABEL.match(f) for f in follow)
                      or line.row is not None)
        has_body = bool(text.strip(_TITLE_TRAIL + "。")) or bool(line.row and line.row.get(F.MEASURE))
        named = sum(1 for t in range(j + 1, j + 1 + len(follow)) if _NAMED_LEAD.match(lines[t].det))
        items.append(_Item(j, line.kind, title, has_body, marked, ordinal, named))
    return items


def _share(items: list[_Item], kind: str, test: str) -> float:
    mine = [i for i in items if i.kind == kind]
    if not mine:
        return 0.0
    if test == "aspect":  # an item with no words at all ("（一）。") names no problem either
        hits = sum(1 for i in mine if i.kind == "fang" or _is_aspect_title(i.title)
                   or not (i.has_body or i.title.strip(_TITLE_TRAIL + "。"))
                   # a unit of a round over several, heading its issues ("一、县农业农村局党组")
                   or (i.kind in ("top", "pcn") and _names_unit(i.title)))
    elif test == "body":
        hits = sum(1 for i in mine if i.has_body)
    elif test == "problem":
        hits = sum(1 for i in mine if _PROBLEM_END.search(i.title))
    elif test == "ordinal":
        hits = sum(1 for i in mine if i.ordinal)
    elif test == "named":
        hits = sum(1 for i in mine if i.named)
    else:
        hits = sum(1 for i in mine if i.marked)
    return hits / len(mine)


def _upper_is_issue(items: list[_Item], upper: str, lower: str) -> bool:
    """Between a （一）/一、 level and the 1. level below it: are the upper items the issues?"""
    if _share(items, upper, "body") >= 0.5:
        return True
    return (_share(items, upper, "problem") >= 0.5 and _share(items, lower, "problem") < 0.3
            and _share(items, lower, "marked") < 0.3)


def _lower_is_issue(items: list[_Item], upper: str, lower: str) -> bool:
    """Between a 1. level and the （1） level below it: are the lower items the issues? They
    are when they enumerate measures of their own (一是…) and the upper items are bare headings."""
    return _share(items, lower, "ordinal") >= 0.5 and _share(items, upper, "body") < 0.5


def _sub_problem_roles(items: list[_Item], roles: dict[str, Role]) -> dict[str, Role] | None:
    """The other reading of a notice whose 1. items are bare headings over （1） items that each
    name a problem and carry its own account ("1.关于“…”问题的整改 / （1）关于“…”的问题。整改情况：
    …"): read as issues and their measures, the （1） items may as well be the problems and the
    1. headings their groups — offices count either level as the round's 问题. ``None`` when the
    notice is not laid out so; which reading it is, its stated total of problems tells
    (:func:`_parse_notice`)."""
    upper = next((k for k, r in roles.items() if r == "issue"), None)
    lower = next((k for k, r in roles.items() if r == "measure"), None)
    if upper is None or lower is None or _share(items, upper, "body") >= 0.5:
        return None
    if (upper, lower) == ("num", "pdig"):
        if not (_share(items, lower, "marked") >= 0.5 and _share(items, lower, "problem") >= 0.5):
            return None
    elif (upper, lower) != ("pcn", "num") or _share(items, lower, "body") < 0.5:
        # "（一）关于服务乡村振兴的问题 / 1.农网改造推进迟缓。建立周例会制度…": headings named as
        # problems over numbered items that each tell their own account — the round's problems
        # either way, as its stated count says
        return None
    other: dict[str, Role] = {k: r for k, r in roles.items() if r not in ("issue", "measure")}
    other[upper] = "category" if "aspect" in other.values() else "aspect"
    other[lower] = "issue"
    return other


def _roles_around_named(levels: list[str]) -> dict[str, Role]:
    """Roles when issues are labelled "问题1：": the levels above them are the aspect and the
    category, the level below them the measure."""
    at = levels.index("named")
    roles: dict[str, Role] = {"named": "issue"}
    above: tuple[Role, ...] = ("aspect", "category")
    for kind, role in zip(levels[:at], above, strict=False):
        roles[kind] = role
    if at + 1 < len(levels):
        roles[levels[at + 1]] = "measure"
    return roles


def _roles(items: list[_Item]) -> dict[str, Role]:
    """Which numbering kind is the aspect, category, issue and measure level."""
    levels: list[str] = []
    for item in items:
        if item.kind not in levels:
            levels.append(item.kind)
    if not levels:
        return {}
    if "named" in levels:
        return _roles_around_named(levels)
    roles: dict[str, Role] = {}
    aspect: str | None = None
    if "fang" in levels:
        aspect = "fang"
    elif _share(items, levels[0], "aspect") >= 0.5 and not (
            levels == ["num"] and not any(i.has_body for i in items)):
        # ("1.…方面" lines with nothing under any of them are a list of problems, as "1." lines are)
        aspect = levels[0]
    elif len(levels) == 1 and levels[0] in ("top", "pcn") and _share(items, levels[0], "named") >= 0.5:
        # "（一）关于落实乡村振兴战略不力的问题" over unnumbered paragraphs each naming a problem
        # ("针对村集体经济“空壳村”问题。" / "一是…" / "二是…"): the headings group the issues
        aspect = levels[0]
    elif (len(levels) > 1 and levels[0] in ("top", "pcn")
          and not _upper_is_issue(items, levels[0], levels[1])):
        aspect = levels[0]
    if aspect is not None:
        roles[aspect] = "aspect"
    rest = [k for k in levels if k != aspect]
    if not rest:
        return roles
    if len(rest) == 1:
        roles[rest[0]] = "issue"
        return roles
    upper, lower = rest[0], rest[1]
    if upper == "num" and lower == "pdig" and _lower_is_issue(items, upper, lower):
        roles[upper], roles[lower] = "category", "issue"  # 1.类别 / （1）针对…问题。一是…
        if len(rest) > 2:
            roles[rest[2]] = "measure"
    elif upper == "num" and lower == "pdig":
        roles[upper], roles[lower] = "issue", "measure"
    elif upper in ("pcn", "top") and lower in ("num", "pdig"):
        if _upper_is_issue(items, upper, lower):
            roles[upper], roles[lower] = "issue", "measure"
        else:
            roles[upper], roles[lower] = "category", "issue"
            if len(rest) > 2:
                roles[rest[2]] = "measure"
    else:
        roles[upper], roles[lower] = "issue", "measure"
    if aspect is None and roles.get(upper) == "category":
        # "1.落实立德树人根本任务有差距 / 1.1 思想政治工作体系不够健全。一是…": the groups over the
        # issues, with nothing above them, are the notice's aspects (its "2个方面")
        roles[upper] = "aspect"
    return roles


# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------

_RANGE = re.compile(rf"({DATE}|{DATE_SHORT})\s*(?:至|到|—|-|~|―|－)+\s*({DATE}|{DATE_SHORT})")
_ANY_DATE = re.compile(rf"{DATE}|{DATE_NUMERIC}|{DATE_SHORT}")
#: an inspection written in months: "2024年6月至7月", "2024年11月—2025年1月"
_MONTH = r"((?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:份)?(?:上旬|初|中旬|下旬|底|末)?)"
_MONTH_RANGE = re.compile(rf"{_MONTH}\s*(?:至|到|—|-|~|―|－)+\s*{_MONTH}(?!\s*\d)")
_NUMERIC_DATE = re.compile(DATE_NUMERIC)
_FULL_DATE = re.compile(DATE)
#: a date or month as a preamble writes when the group came ("2025年4月", "4月10日至5月8日")
_LOOSE = (r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
          r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,4})\s*日|上旬|中旬|下旬|初|中|底)?")
_WHEN = rf"(?:于\s*)?{_LOOSE}(?:\s*(?:至|到|—|-|~|―)+\s*{_LOOSE})?"
_YEAR_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_VISIT = re.compile(
    rf"(?P<group>[^,;:。、\s]{{1,30}}?巡[察视](?:第[^,;。组]{{1,4}})?组)\s*(?:{_WHEN}\s*,?\s*)?"
    r"(?:对|进驻|入驻)(?P<unit>[^,;。]{1,60}?)(?:开展了|进行了|开展|进行|实施了|实施)"
)
#: the unit an inspection was extended to: "并对市某某局党组开展了“机动式”延伸巡视"
_EXTENDED = re.compile(r"[^。]{0,40}?[,;]\s*(?:并|同时|同步)\s*对(?P<unit>[^,;。]{1,40}?)"
                       r"(?:开展了|进行了|开展|进行|实施了|实施)[^,;。]{0,8}?延伸巡[察视]")
_PHONE = re.compile(r"(?P<word>联系电话|监督电话|举报电话|联系方式|电话)\s*[:]?\s*(?:电话\s*[:]?\s*)?"
                    r"(\d[\d\-()—、/ ]*\d)")
#: the national reporting hotlines (12380 组织部门, 12388 纪检监察, 12345 政务服务): printed beside
#: the unit's own number, they are not its contact phone
_HOTLINE = re.compile(r"(?:0\d{2,3}\s*[-—]?\s*)?123\d\d")
#: a second number given after the first under the same word, past its note in brackets:
#: "联系电话：0755-12315（服务热线），0755-83070123（局办公室）"
_NEXT_PHONE = re.compile(r"\s*(?:\([^()]{1,16}\))?\s*(?:[,、/]|或)\s*(\d[\d\-]{5,}\d)")
_ADDRESS = re.compile(r"(?P<word>邮寄地址|通信地址|通讯地址|来信地址|来信请寄|来信寄至|邮政信箱|地址)\s*[:]\s*"
                      r"([^;\n]+?)\s*(?=[,;。]?\s*(?:\(\s*)?(?:邮编|邮政编码|电子邮箱|电子邮件|$|[;\n]))")
_POSTCODE = re.compile(r"(?P<word>邮编|邮政编码)\s*[:]?\s*(\d{6})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_EMAIL_WORD = re.compile(r"(电子邮箱|电子邮件|邮箱)\s*[:]?\s*$")
#: the words rectxl writes by default (rectxl.core.notice.render.CONTACT_LABELS): a detail given
#: under another word keeps its word in ``info.extra`` so that a re-rendered notice says it the same
_DEFAULT_CONTACT_WORDS = frozenset({"电话", "联系方式", "邮寄地址", "邮编", "电子邮箱"})
_PERIOD = re.compile(r"(?:公开期限|公示期限)\s*[:]\s*([^。\n]+)")
#: a day as a closing's period gives it, the first with its year
_PERIOD_DAY = r"\d{1,2}月\d{1,2}日|\d{1,2}[./-]\d{1,2}"
_PERIOD_FIRST = r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
#: the period a closing gives in other words ("公示时间为…至…", "请于…至…期间反映", "公示期内（…—…）",
#: "反映时间：…"): a range of days in a sentence that speaks of the notice being open to comment
_PERIOD_RANGE = re.compile(
    rf"(?:{_PERIOD_FIRST})\s*(?:至|到|—{{1,2}}|–|-|~|～)\s*(?:\d{{4}}[年./-])?(?:{_PERIOD_DAY})")
_PERIOD_WORDS = re.compile(r"公开|公示|反映|期间|期限|受理|监督")
_NOTICE_TITLE = re.compile(r"(?:巡察|巡视).{0,40}整改|整改.{0,30}(?:通报|公告|公开|公示)")
_NOTICE_PREAMBLE = re.compile(r"巡[察视](?:第.{1,4})?组|巡[察视]整改|反馈(?:了)?巡[察视]意见")

_PLACEHOLDER_FIELDS = (
    "title", "preamble", "section_one", "section_three", "party_org", "phone", "address",
    "postcode", "email", "inspection_group", "unit_name",
)


def _context(text: str) -> list[date]:
    """The dates (a month counts as its first day) written with their year in ``text``, in order."""
    found: list[tuple[int, date]] = []
    for m in _YEAR_MONTH.finditer(text):
        try:
            found.append((m.start(), date(int(m.group(1)), int(m.group(2)), 1)))
        except ValueError:
            continue
    for m in _FULL_DATE.finditer(text):
        if (d := to_date(re.sub(r"\s+", "", m.group(0)))) is not None:
            found = [(pos, x) for pos, x in found if pos != m.start()]
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda t: t[0])]


def _dated(text: str, context: list[date], fallback: date | None) -> date | None:
    """A date that may lack its year: the year of the context's last date (moved on a year
    when that makes it earlier), else the publication date's (moved back when later)."""
    text = re.sub(r"\s+", "", text)
    if _FULL_DATE.fullmatch(text.strip()) or _NUMERIC_DATE.fullmatch(text.strip()):
        return to_date(text)
    if context:
        d = short_date(text, context[-1].year)
        if d is not None and d < context[-1]:
            d = short_date(text, context[-1].year + 1)
        return d
    if fallback is not None:
        d = short_date(text, fallback.year)
        if d is not None and d > fallback:
            d = short_date(text, fallback.year - 1)
        return d
    return None


#: a month the feedback came in, without its day ("2024年9月", "2024年8月下旬", "9月中旬")
_MONTH_ONLY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:份)?(上旬|初|中旬|下旬|底|末)?(?!\s*\d|\s*[至到—~-])")
_PART_OF_MONTH = {"中旬": 11, "下旬": 21}
_END_OF_PART = {"上旬": 10, "初": 10, "中旬": 20}


def _month_day(m: re.Match[str], context: list[date], fallback: date | None, *, end: bool = False
               ) -> date | None:
    """The day a month written without one stands for: its first (the 11th or the 21st for
    中旬/下旬), or its last when ``end`` or 底/末; the year from the text, else as :func:`_dated`."""
    year = int(m.group(1)) if m.group(1) else (context[-1].year if context else
                                               fallback.year if fallback else None)
    month = int(m.group(2))
    if year is None or not 1 <= month <= 12:
        return None
    if end and m.group(3) in _END_OF_PART:
        day = _END_OF_PART[m.group(3)]
    elif end or m.group(3) in ("底", "末"):
        day = calendar.monthrange(year, month)[1]
    else:
        day = _PART_OF_MONTH.get(m.group(3) or "", 1)
    found = date(year, month, day)
    if not m.group(1) and fallback is not None and not context and found > fallback:
        found = found.replace(year=year - 1)
    return found


def _feedback_date(text: str, fallback: date | None, *, months: bool = True) -> date | None:
    """The date of 反馈 (:func:`_feedback_when`), whether or not its day was said."""
    return _feedback_when(text, fallback, months=months)[0]


def _feedback_when(text: str, fallback: date | None, *, months: bool = True) -> tuple[date | None, bool]:
    """The date of 反馈, and whether only its month was said: the last date before 反馈 in the
    same sentence that is not the start of a range ("于X至Y对…进行了巡视，并于Z反馈" → Z); a month without its day
    ("2024年9月，…反馈了巡察意见") counts as its first day. Not the 反馈问题 a count speaks of
    ("截至2024年12月31日，…共认领反馈问题236个"), nor a date 截至 opens."""
    for m in re.finditer(r"反馈(?!\s*(?:的)?问题)", text):
        start = max(text.rfind("。", 0, m.start()), text.rfind(";", 0, m.start()),
                    m.start() - 120)
        window = text[start + 1:m.start()]
        dates = [d for d in _ANY_DATE.finditer(window)
                 if not re.match(r"\s*(?:至|到|—|-|~|―|－)", window[d.end():])
                 and not re.search(r"(?:截至|截止|截止到|到)\s*$", window[:d.start()])]
        if not dates and months:
            said = [d for d in _MONTH_ONLY.finditer(window)
                      if not re.search(r"(?:截至|截止|截止到|到|至)\s*$", window[:d.start()])]
            if said and (found := _month_day(said[-1], _context(text[:start + 1 + said[-1].start()]),
                                             fallback)) is not None:
                return found, not said[-1].group(3)
            continue
        if not dates:
            continue
        last = dates[-1]
        context = _context(text[:start + 1 + last.start()])
        found = _dated(last.group(0), context, fallback)
        if found is not None:
            return found, False
    return None, False


def _preamble_facts(info: LedgerInfo, preamble: str, fallback: date | None) -> None:
    text = detect(preamble)
    if (m := _RANGE.search(text)) is not None:
        context = _context(text[:m.start()])
        start = _dated(m.group(1), context, fallback)
        end = _dated(m.group(2), [start] if start else context, fallback) if start else None
        if start and end and start <= end:
            info.inspection_start, info.inspection_end = start, end
    elif (m := _MONTH_RANGE.search(text)) is not None:
        # "2024年6月至7月": from the first of the one month to the last of the other
        first, last = _MONTH_ONLY.fullmatch(m.group(1)), _MONTH_ONLY.fullmatch(m.group(2))
        start = _month_day(first, _context(text[:m.start()]), fallback) if first else None
        if start is not None and last is not None and (end := _month_day(last, [start], fallback, end=True)):
            if end < start and not last.group(1):  # "11月至1月": into the next year
                end = end.replace(year=end.year + 1)
            info.inspection_start, info.inspection_end = start, end
    if (m := _VISIT.search(text)) is not None:
        s, e = m.span("group")
        info.inspection_group = preamble[s:e].strip()
        s, e = m.span("unit")
        # "对上饶市开展了常规巡视，并对市某某局党组开展了延伸巡视": the unit is the one the
        # inspection of a region was extended to
        extended = _EXTENDED.match(text, m.end())
        if extended is not None:
            s, e = extended.span("unit")
        # a name a line break cut ("县卫生健康局党\n组", a PDF copy's line): read whole
        info.unit_name = _named_unit(re.sub(r"\s*\n\s*", "", preamble[s:e].strip()), info.title)
    info.feedback_date, info.feedback_month_only = _feedback_when(text, fallback)


#: a title naming the party organisation that publishes it: "中共某某县人民法院党组关于…的通报",
#: "某某县人民检察院党组关于…", "中共某某镇委员会关于…"
_TITLE_PUBLISHER = re.compile(r"^(?P<org>[^,;:。“”\s]{4,40}?(?:党组|党委|党工委|党总支|党支部|委员会))关于")


def _title_publisher(title: str) -> str | None:
    """The party organisation a title names as the notice's publisher, as it is written there
    (with or without 中共): who signs a notice published without its signature (a web copy
    ending at its last paragraph). ``None`` when the title names none — "关于…的通报", a 巡察办's."""
    m = _TITLE_PUBLISHER.match(detect(title).strip())
    return title.strip()[:m.end("org")] if m is not None else None


#: the unit as it speaks of itself: "对我局党组开展了巡察", "对我院党委", "对本公司", or by the
#: common noun for its kind alone ("对学校党委进行了巡视", "对集团党委", "对公司党委")
_FIRST_PERSON = re.compile(r"^(?:(?:我|本)(?:[局院委办校所部处厅站队司社村]|公司|集团|单位|中心|学校|医院|街道|镇|乡"
                           r"|社区)|学校|学院|大学|集团|公司|医院|中心)"
                           r"(?P<org>党组|党委|党工委|党总支|党支部)?$")


def _named_unit(unit: str, title: str | None) -> str:
    """The inspected unit by its name: one that speaks of itself (我局党组) is named as the
    title names the publisher ("中共某某县发展和改革局党组关于…" → 某某县发展和改革局党组; "某某县人民
    医院关于…" and 我院党委 → 某某县人民医院党委)."""
    m = _FIRST_PERSON.match(detect(unit))
    head = title.split("关于")[0].strip() if title and "关于" in title else ""
    if m is None or not 2 <= len(head) <= 40:
        return unit
    head = head.removeprefix("中共")
    org = m.group("org")
    if org == "党委" and head.endswith("委员会") and not head.endswith(("支部委员会", "总支委员会")):
        return f"{head[:-3]}党委"  # 中共青川学院委员会 and 学校党委: 青川学院党委
    return head if org is None or re.search(r"(?:党组|党委|党工委|党总支|党支部|委员会)$", head) else f"{head}{org}"


_ADDRESS_TRAIL = ",,;;。"


#: a line break inside a phone number: after a figure or the dash of its area code, before a figure
_CUT_NUMBER = re.compile(r"(?<=[\d\-－—])[ \t\u3000]*\n[ \t\u3000]*(?=[\d０-９])")


def _closing_facts(info: LedgerInfo, closing: str) -> None:
    """Contact details, each also under the unit's own word when that is not rectxl's default
    ("邮政信箱：…" → ``extra["邮政信箱"]``), and the 公开期限. A number a line break cut
    ("0831-\n7226610", a PDF copy's line ending inside it) is read whole."""
    closing = _CUT_NUMBER.sub("", closing)
    text = detect(closing)

    def word_of(m: re.Match[str], value: str) -> None:
        word = closing[m.start("word"):m.end("word")]
        if detect(word) not in _DEFAULT_CONTACT_WORDS and value:
            info.extra[word] = value

    phones = list(_PHONE.finditer(text))
    own = [p for p in phones if not _HOTLINE.fullmatch(p.group(2).strip())]
    nexts = [n for p in phones if p not in own and (n := _NEXT_PHONE.match(text, p.end())) is not None
             and not _HOTLINE.fullmatch(n.group(1))]
    if not own and nexts:  # the hotline first, the office's own number after it
        info.phone = nexts[0].group(1)
    elif phones:
        first = own[0] if own else phones[0]
        info.phone = text[first.start(2):first.end(2)].strip()  # in half-width figures
        word_of(first, info.phone)
        if detect(closing[first.start("word"):first.end("word")]) == "联系电话":
            info.extra[PHONE_LABEL_KEY] = "联系电话"  # 基本信息's row of that name cannot say it
    for p in phones:  # a national hotline given beside the unit's own number stays on record
        if (own or nexts) and p not in own:
            info.extra.setdefault(closing[p.start("word"):p.end("word")], p.group(2).strip())
    if (m := _ADDRESS.search(text)) is not None:
        info.address = closing[m.start(2):m.end(2)].strip().rstrip(_ADDRESS_TRAIL)
        word_of(m, info.address)
    if (m := _POSTCODE.search(text)) is not None:
        info.postcode = m.group(2)
        word_of(m, info.postcode)
    if (m := _EMAIL.search(text)) is not None:
        info.email = m.group(0)
        if (w := _EMAIL_WORD.search(text[:m.start()])) is not None and w.group(1) != "电子邮箱":
            info.extra[closing[w.start(1):w.end(1)]] = info.email
    if (m := _PERIOD.search(text)) is not None:
        info.extra["公开期限"] = closing[m.start(1):m.end(1)].strip()
    else:
        for sentence in re.finditer(r"[^。\n]+", text):
            if _PERIOD_WORDS.search(sentence.group()) and (r := _PERIOD_RANGE.search(sentence.group())):
                at = sentence.start()
                info.extra["公开期限"] = closing[at + r.start():at + r.end()]
                break


#: the invitation to supervise that rectxl's own notices close with (render.SUPERVISION)
_INVITATION = re.compile(r"欢迎.{0,12}(?:干部群众|社会各界|群众).{0,20}监督")


def _own_closing(closing: str) -> str | None:
    """The closing as the notice wrote it (its lines, whitespace normalised) when it makes no
    invitation to supervise as rectxl's notices do ("公示期：…。如有异议，请向镇纪委反映。联系电话：…"),
    so that the notice written again closes as it did — not with an invitation it never made and
    【请填写邮编】 for what it never gave; ``None`` for a closing with the invitation (its facts are
    read into 基本信息 and written in rectxl's form)."""
    lines = [t for t in (normalize_text(r) for r in closing.split("\n")) if t]
    if not lines or _INVITATION.search(detect(closing)):
        return None
    return "\n".join(lines)


#: rectxl's own invitation (render.SUPERVISION's first sentence), in either word for the round
_OWN_INVITATION = re.compile(r"欢迎广大干部群众对(?:巡察|巡视)整改落实情况进行监督")
#: a sentence giving a time under a label of its own ("反映时间：…", "意见受理时间：…"): the period
_DATED_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{0,6}(?:时间|期限|日期|期)\s*[:：]")
#: a sentence after the invitation asking for views: "如有意见建议，请及时向我们反映", "来信来电请注明…"
_ASKS = re.compile(r"意见|建议|反映|来信|来电|来访|举报|署名|注明|真实姓名")
#: where the contact details start in a closing (on the detection copy)
_CONTACTS_START = re.compile(r"联系人|联系方式|联系电话|监督电话|举报电话|(?<![\u4e00-\u9fff])电话\s*:|邮寄地址|"
                             r"通信地址|邮政编码|(?<![\u4e00-\u9fff])邮编\s*:|"
                             r"通讯地址|来信地址|来信请寄|来信寄至|邮政信箱|电子邮箱|电子邮件")


#: a sentence giving the comment period ("公开期限：…", "公示时间为…"), on the detection copy
_PERIOD_WORDS_AT = re.compile(r"\s*(?:公开|公示)(?:期限|时间|日期|期)")


def _own_words(info: LedgerInfo, closing: str) -> None:
    """A closing with an invitation to supervise, kept in its own words where they are not rectxl's
    (the notice written again would otherwise say what it never said): an invitation of its own
    ("欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。") under :data:`INVITATION_KEY`, and the
    contact details as written (``extra["联系方式"]``) when it gives some of the four but not all
    ("联系电话：…；电子邮箱：…" had been written again with 【请填写邮寄地址】 and 【请填写邮编】)."""
    text = normalize_text(closing)
    det = detect(text)
    contacts = _CONTACTS_START.search(det)
    # rectxl's own first sentence alone (no "如有意见建议，请…反映"): kept so, not written with rectxl's second
    if (m := _INVITATION.search(det)) is not None and (not _OWN_INVITATION.search(det) or "如有意见" not in det):
        start = max(det.rfind("。", 0, m.start()), det.rfind("\n", 0, m.start())) + 1
        end = det.find("。", m.end())
        end = len(det) if end < 0 else end + 1
        # and what it goes on to ask in the same paragraph ("如有意见建议，请及时向我们反映。"), up
        # to the contact details or the comment period (printed with it apart)
        while end < len(det) and (stop := det.find("。", end)) > end and "\n" not in det[end:stop] \
                and _CONTACTS_START.search(det, end, stop) is None and not _PERIOD_WORDS_AT.match(det, end) \
                and not _DATED_LABEL.match(det, end) \
                and _ASKS.search(det, end, stop) is not None:
            end = stop + 1
        if contacts is not None and contacts.start() > start:
            end = min(end, contacts.start())
        info.extra.setdefault(INVITATION_KEY, text[start:end].strip())
    details = (info.phone, info.address, info.postcode, info.email)
    if contacts is not None and any(details) and "联系方式" not in info.extra:
        lines = text[contacts.start():].split("\n")
        kept = [lines[0]]
        for t in lines[1:]:
            # a line of its own label, or the value of a label a PDF's line break left at the end of
            # the line above ("联系电话：\n0000-7654321。")
            if _CONTACTS_START.match(detect(t.strip())) or detect(kept[-1].strip()).endswith(":"):
                kept.append(t)
        # a line a PDF's line break cut joined again; a detail on a line of its own stays on its line
        said = kept[0].strip()
        for t in kept[1:]:
            said += t.strip() if detect(said).endswith(":") else "\n" + t.strip()
        # the comment period after the contacts is printed with the invitation, not again here
        said = "".join(c for c in re.findall(r"[^。]+。?", said) if not _PERIOD_WORDS_AT.match(detect(c.strip())))
        info.extra["联系方式"] = said.strip()


def _closing_sentences(three: list[str]) -> tuple[list[str], list[str]]:
    """The next steps without the closing that ends their last paragraph, and that closing:
    "局党组将持续巩固整改成果。欢迎广大干部群众监督。联系电话：…" is the next steps, then the
    supervision sentence and the contacts — read as contacts, and never printed twice when the
    notice is rendered again (the renderer writes its own supervision sentence and contacts)."""
    for at, text in enumerate(three):
        det = detect(text)
        starts = [0, *(m.end() for m in _SENTENCE_STOP.finditer(det) if m.end() < len(det))]
        cut = next((p for p in starts if _CLOSING.match(det[p:])), None)
        if cut is not None:
            kept = text[:cut].rstrip()
            return [*three[:at], *([kept] if kept else [])], [text[cut:].strip(), *three[at + 1:]]
    return three, []


def _numbered_in_order(aspects: list[Aspect]) -> bool:
    """The problems are numbered 1, 2, 3… without a gap or a repeat: through the section, or
    from 1 again under each aspect (seed 004) or each category."""
    numbers = [i.number for a in aspects for i in a.issues() if i.number is not None]
    if not numbers or numbers == list(range(1, len(numbers) + 1)):
        return True
    per_aspect = [[i.number for i in a.issues() if i.number is not None] for a in aspects]
    if all(ns == list(range(1, len(ns) + 1)) for ns in per_aspect):
        return True
    per_category = [[i.number for i in c.issues if i.number is not None]
                    for a in aspects for c in a.categories]
    return all(ns == list(range(1, len(ns) + 1)) for ns in per_category)


#: the most measures one problem is told with (the seeds' most: 9, "一是…九是")
_MOST_MEASURES = 10


def _lists_a_part(aspects: list[Aspect], stated: StatedTotals, unplaced: list[str]) -> bool:
    """The notice lists only some of its problems without saying so: it says it was given many
    more (at least twice as many) than it lists ("共反馈问题25个" over "（一）…（八）"), and what it
    lists is whole — every problem numbered, without a gap, no text left unread, and none
    holding more measures than a problem is told with (a heading the parser took for a problem,
    its problems read as its measures, would) — so the shortfall is not problems it missed."""
    issues = [i for a in aspects for i in a.issues()]
    if stated.issues is None or not issues or len(issues) * 2 > stated.issues or unplaced:
        return False
    if any(len(i.measures) > _MOST_MEASURES for i in issues) \
            or (stated.measures is not None and sum(len(i.measures) for i in issues) > stated.measures):
        return False
    return all(i.number is not None for i in issues) and _numbered_in_order(aspects)


def _check_numbers(aspects: list[Aspect], warnings: list[str]) -> None:
    numbers = [i.number for a in aspects for i in a.issues() if i.number is not None]
    if _numbered_in_order(aspects):
        return
    shown = "、".join(map(str, numbers[:60]))
    warnings.append(f"问题编号不连续或有重复（{shown}），请核对原文。")


# ---------------------------------------------------------------------------
# Whole notice
# ---------------------------------------------------------------------------

@dataclass
class _Builder:
    """Builds the hierarchy from the itemised section's lines."""

    aspects: list[Aspect] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    raw: dict[int, list[_RawIssue]] = field(default_factory=dict)  # id(category) → issues
    current: _RawIssue | None = None
    pending: list[str] = field(default_factory=list)  # text under an aspect before its issues
    #: paragraphs opening with a bold sentence → its length (unnumbered issues marked in bold)
    bold: dict[str, int] = field(default_factory=dict)
    #: what the reader is told of the section's items (Chinese sentences)
    notes: list[str] = field(default_factory=list)
    #: a paragraph stating the round's totals after the items ("截至10月底，巡察反馈的8个问题已完成
    #:整改6个……" closing section 二): the section's totals sentence, no words of the last measure
    totals: list[str] = field(default_factory=list)
    #: paragraphs after the last item summing up what the round did to people and cases ("针对巡察
    #: 发现的问题，给予党纪处分1人，诫勉谈话2人"): the section's closing, no words of the last measure
    closing: list[str] = field(default_factory=list)
    #: such a paragraph between one aspect's (or category's) problems and the next heading, with
    #: the problem it follows: told again in its place (the built issue, once built)
    interludes: list[tuple[_RawIssue, str]] = field(default_factory=list)
    placed: list[tuple[Issue, str]] = field(default_factory=list)
    #: ids of the built issues whose status the notice states once, after their several measures
    said_once: set[int] = field(default_factory=set)
    #: the sentence saying all of a built issue's measures done at once ("上述措施均已完成。"), by its id
    all_done: dict[int, str] = field(default_factory=dict)
    #: every problem's title stands alone on its line, with no full stop (:data:`TITLE_ALONE_KEY`)
    titles_alone: bool = False
    #: the form of each status a measure states in a bracket after it ("。（已完成）"), with its
    #: measure, in order
    status_forms: list[tuple[Measure, str]] = field(default_factory=list)

    def _flush_pending(self) -> None:
        if not self.pending:
            return
        if self.aspects and not any(self.raw[id(c)] for c in self.aspects[-1].categories):
            # an aspect written as prose, without numbered issues: the prose is its issue, or
            # one issue per paragraph when each opens by naming its problem ("针对“…”问题，…")
            listed = _listed_problems("\n".join(self.pending))
            if listed is not None and not listed[0]:  # the problems listed, then answered
                self._listed(listed[1], self.aspects[-1].title or "", "\n".join(self.pending))
            elif not self._named_issues(self.pending):
                first, *more = self.pending
                self._issue(None, first)
                if self.current is not None:
                    self.current.more.extend(more)
                    self.current.lead = self.bold.get(first, 0)
        elif not self._category_answered():
            self.unplaced.extend(self.pending)
        self.pending = []

    def _category_answered(self) -> bool:
        """A category heading closed with prose under it and no numbered problem ("（一）落实主体责任
        不到位" then "局党组修订…清单，…" where the other categories list theirs as "1.…问题。一是…"):
        the heading is a problem of its own and the prose its answer — a reader counts it as one.
        Made so (the heading the issue's title, the category untitled); False when the last
        category is not such a one."""
        if not self.pending or not self.aspects or not self.aspects[-1].categories:
            return False
        c = self.aspects[-1].categories[-1]
        if c.title is None or self.raw[id(c)] or not any(self.raw[id(o)] for a in self.aspects
                                                          for o in a.categories):
            return False
        head, number = c.title, c.number
        c.title, c.number = None, None
        self._issue(number, head)
        if self.current is not None:
            self.current.more.extend(self.pending)
        self.pending = []
        return True

    def _listed(self, answered: list[tuple[str, str]], title: str, text: str) -> None:
        """An issue for each problem a heading lists, its answer the issue's text."""
        if len(answered) == 1 and (note := _unpaired_note(title, text)) is not None:
            self.notes.append(note)
        for k, (problem, answer) in enumerate(answered, start=1):
            self._issue(k, f"{problem}。")  # a title of its own: the answer is no part of it
            if self.current is not None:
                self.current.more.append(answer)

    def _named_issues(self, paragraphs: list[str]) -> bool:
        """One issue per paragraph that opens by naming its problem, when at least two do; a
        paragraph that does not goes on with the issue above it (before the first: unplaced)."""
        named = [self._opens_issue(p) for p in paragraphs]
        if sum(named) < 2:
            return False
        self.current = None
        for paragraph, opens in zip(paragraphs, named, strict=True):
            if opens:
                self._issue(None, paragraph)
                if self.current is not None:
                    self.current.lead = self.bold.get(paragraph, 0)
            elif self.current is not None:
                self.current.more.append(paragraph)
            else:
                self.unplaced.append(paragraph)
        return True

    def _opens_issue(self, paragraph: str) -> bool:
        """A paragraph that opens by naming its problem, in words or in bold type."""
        return paragraph in self.bold or bool(_NAMED_LEAD.match(detect(paragraph)))

    def aspect(self, number: int | None, title: str | None) -> None:
        self._flush_pending()
        if title:  # "第一，关于预算管理方面。": the full stop closes the heading, no part of its title
            title = title.rstrip().rstrip("。.;；") or title
        self.aspects.append(Aspect(title=title, number=number))
        self.current = None

    def heading_summary(self, text: str) -> bool:
        """A sentence of counts under the heading just read ("该公司共反馈问题5个，…") joined to
        its title, where the count is read and checked (:func:`_split_count`); False when no
        heading is open."""
        if not self.aspects:
            return False
        aspect = self.aspects[-1]
        group: Aspect | Category = aspect.categories[-1] if aspect.categories else aspect
        if group.title is None or (isinstance(group, Category) and self.raw[id(group)]):
            return False
        if isinstance(group, Aspect) and any(True for _ in group.issues()):
            return False
        stop = "" if detect(group.title).rstrip().endswith(("。", ".")) else "。"
        group.title = f"{group.title.rstrip()}{stop}{text.strip()}"
        return True

    def category(self, number: int | None, title: str | None) -> None:
        if not self.aspects:
            self.aspect(None, None)
        if not self._category_answered():
            self.pending_to_unplaced()
        c = Category(title=title, number=number)
        self.aspects[-1].categories.append(c)
        self.raw[id(c)] = []
        self.current = None

    def pending_to_unplaced(self) -> None:
        if self.pending:
            self.unplaced.extend(self.pending)
            self.pending = []

    def _issue(self, number: int | None, head: str) -> None:
        if not self.aspects:
            self.aspect(None, None)
        if not self.aspects[-1].categories:
            c = Category()
            self.aspects[-1].categories.append(c)
            self.raw[id(c)] = []
        self.current = _RawIssue(number=number, head=head)
        self.raw[id(self.aspects[-1].categories[-1])].append(self.current)

    def issue(self, number: int | None, head: str) -> None:
        self.pending_to_unplaced()
        self._issue(number, head)

    def text(self, line: str, lead: int = 0) -> None:
        if lead:
            self.bold[line] = lead
        if self.current is not None:
            self.current.more.append(line)
        elif not self.aspects:
            self.intro.append(line)
        else:
            self.pending.append(line)

    def finish(self) -> None:
        self._flush_pending()
        if not self.aspects and self.intro:  # a section of prose issues, with no aspect lines
            at = next((k for k, p in enumerate(self.intro) if self._opens_issue(p)), 0)
            if self._named_issues(self.intro[at:]):
                self.intro = self.intro[:at]


#: a heading's paragraph that lists its problems before answering them: "（一）…方面。巡察反馈的问题
#: 主要有：一是…；二是…。整改情况：针对问题一，…。针对问题二，…。"
_PROBLEM_LIST = re.compile(
    r"(?:(?:巡察|巡视)?(?:反馈|指出|发现)(?:的)?(?:主要)?问题|主要问题|存在(?:的)?(?:主要)?问题)"
    r"(?:主要)?(?:有|是|包括|为)?\s*:?\s*(?=一是)")
#: the answer to one listed problem: "针对问题一，", "关于第二个问题：", "对问题3，"
_ANSWER_MARK = re.compile(
    rf"(?:针对|关于|对于?)\s*(?:问题\s*({_TOP_CN}|\d{{1,2}})|第\s*({_TOP_CN}|\d{{1,2}})\s*个?问题)"
    r"\s*[,:]?\s*")
_LIST_TRAIL = "。.;；,，:： "


def _listed_problems(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A heading whose paragraph lists its problems (一是…二是…) and then answers each, after
    整改情况： — one by one (针对问题一，…) or in a list as long as the problems' (一是…二是…):
    (the heading's own title, [(problem, answer)]); else ``None``."""
    det = detect(text)
    if (m := _PROBLEM_LIST.search(det)) is None:
        return None
    label = next((x for x in _INTRO_LABEL.finditer(det, m.end())
                  if det[:x.start()].rstrip(" ")[-1:] in ("。", "\n", ";")), None)
    if label is None:
        return None

    def pieces(lo: int, hi: int, marks: list[tuple[int, int]], trail: str) -> list[str]:
        ends = [start for start, _ in marks[1:]] + [hi - lo]
        return [text[lo + start + n:lo + end].strip().rstrip(trail)
                for (start, n), end in zip(marks, ends, strict=True)]

    problems = pieces(m.end(), label.start(), enumeration(det[m.end():label.start()], "ordinal"),
                      _LIST_TRAIL)
    answered = det[label.end():]
    found = list(_ANSWER_MARK.finditer(answered))
    if [to_int(a.group(1) or a.group(2)) for a in found] == list(range(1, len(problems) + 1)):
        answers = pieces(label.end(), len(text), [(a.start(), a.end() - a.start()) for a in found], " ;；,，")
    elif len(marks := enumeration(answered, "ordinal")) == len(problems):
        answers = pieces(label.end(), len(text), marks, " ;；,，")
    elif len(problems) > 1 and (found or len(marks) > 1) and all(problems):
        # answers not one to a problem (三是 for two problems, 针对问题三 for two): the problems
        # are one issue, answered by all the measures — one a paragraph when each was named
        # by its problem (the 针对问题一， no words of it)
        whole = text[label.end():].strip()
        if found:
            whole = "\n".join(pieces(label.end(), len(text), [(a.start(), a.end() - a.start()) for a in found],
                                     " ;；,，"))
        problems, answers = ["；".join(problems)], [whole]
    else:
        return None
    if not problems or not all(problems) or not all(answers):
        return None
    return text[:m.start()].strip().strip(_LIST_TRAIL), list(zip(problems, answers, strict=True))


def _unpaired_note(title: str, text: str) -> str | None:
    """What to tell of a heading whose listed problems and answers are not one to one (they are
    read as one issue); ``None`` when they pair."""
    det = detect(text)
    if (m := _PROBLEM_LIST.search(det)) is None:
        return None
    label = next(x for x in _INTRO_LABEL.finditer(det, m.end())
                 if det[:x.start()].rstrip(" ")[-1:] in ("。", "\n", ";"))
    n_problems = len(enumeration(det[m.end():label.start()], "ordinal"))
    answered = det[label.end():]
    n_answers = len(list(_ANSWER_MARK.finditer(answered))) or len(enumeration(answered, "ordinal"))
    return (f"“{shorten(title, 20)}”列出{n_problems}个问题，整改情况却写了{n_answers}条，不能逐一对应："
            "这几个问题合为一个问题读入，各条整改情况为它的整改措施，请对照通报核实。")


#: an issue's title that opens with its aspect ("党的领导方面：落实…不到位", a table's 反馈问题 cell)
_PREFIXED_ASPECT = re.compile(r"^(?P<aspect>[^,:;。()\s]{2,24}?方面(?:的?问题|存在的问题)?)\s*:\s*(?=\S)")
#: a group heading's label ("（一）反馈问题：落实…不到位"): the heading is what follows it
_HEADING_LABEL = re.compile(r"^(?:(?:巡察|巡视)?反馈(?:的)?问题|问题)\s*:\s*(?=\S)")


def _prefixed_aspects(aspects: list[Aspect]) -> list[Aspect]:
    """The aspects of a notice whose issues each name theirs before a colon (and no heading
    does), in their order; the groups' 反馈问题： labels dropped from their titles."""
    groups: list[Aspect | Category] = [*aspects, *(c for a in aspects for c in a.categories)]
    for group in groups:
        if group.title and (m := _HEADING_LABEL.match(detect(group.title))) is not None:
            group.title = group.title[m.end():].strip()
    if len(aspects) != 1 or aspects[0].title is not None or any(c.title for c in aspects[0].categories):
        return aspects
    issues = list(aspects[0].issues())
    found = [_PREFIXED_ASPECT.match(detect(i.title)) for i in issues]
    if len(issues) < 2 or not all(found):
        return aspects
    out: list[Aspect] = []
    for issue, m in zip(issues, found, strict=True):
        assert m is not None
        name = issue.title[:m.end("aspect")].strip()
        issue.title = issue.title[m.end():].strip()
        if not out or out[-1].title != name:
            out.append(Aspect(title=name, number=len(out) + 1, categories=[Category()]))
        out[-1].categories[0].issues.append(issue)
    return out


def _built(lines: Sequence[_Line], lo: int, hi: int, roles: dict[str, Role], warnings: list[str]) -> _Builder:
    """The items of ``lines[lo:hi]`` walked, each issue built from its lines."""
    built = _walk(lines, lo, hi, roles)
    warnings.extend(built.notes)
    measure_kind = next((k for k, r in roles.items() if r == "measure"), None)
    issue_of: dict[int, Issue] = {}
    for a in built.aspects:
        for c in a.categories:
            c.issues = [_build_issue(r, warnings, measure_kind, built.said_once, built.status_forms, built.all_done)
                        for r in built.raw[id(c)]]
            issue_of.update((id(r), i) for r, i in zip(built.raw[id(c)], c.issues, strict=True))
    raws = [(r, issue_of[id(r)]) for a in built.aspects for c in a.categories for r in built.raw[id(c)]]
    # "（一）关于…的问题" alone on its line, no full stop, answered in the lines below in prose — in
    # paragraphs or "一是…二是…" (not under a label, nor in a list numbered or bulleted): a heading
    # (a problem with no measure says nothing of how its title stands: a line under it may have
    # been read as its title's end)
    raws = [(r, i) for r, i in raws if i.measures]
    built.titles_alone = bool(raws) and all(
        r.more and not r.rows and not r.lead and detect(r.head).rstrip()[-1:] not in "。.;!?:)】"
        and not _split_title(r.head, [])[1].strip() and not i.intro.strip() and i.measure_style != "paren"
        for r, i in raws)
    for raw, text in built.interludes:
        if (issue := issue_of.get(id(raw))) is not None:
            built.placed.append((issue, text))
        else:
            built.closing.append(text)
    return built


def _interludes(aspects: list[Aspect], placed: list[tuple[Issue, str]], closing: list[str]) -> str | None:
    """The lines of :data:`INTERLUDE_KEY`: each paragraph placed after the problem it follows, by that
    problem's place in section 二 ("第2个问题后：…"); one whose problem is not listed any more goes
    to the section's closing."""
    where = {id(issue): n for n, issue in enumerate((i for a in aspects for i in a.issues()), start=1)}
    lines = []
    for issue, text in placed:
        if (n := where.get(id(issue))) is None:
            closing.append(text)
        else:
            lines.append(INTERLUDE_PLACE.format(n=n) + text)
    return "\n".join(lines) or None


#: a problem labelled "问题1：" or "问题一：" (the mark a notice's problems are written again with)
_LABELLED_MARK = re.compile(rf"^问题\s*({_ISSUE_NO})\s*:")
#: a problem labelled in black brackets, "【问题一】" or "【问题1】"
_BLACK_MARK = re.compile(rf"^\s*【\s*问题\s*({_ISSUE_NO})\s*】")


def _issue_mark(lines: Sequence[_Line], region: tuple[int, int] | None, roles: dict[str, Role]) -> str | None:
    """How the notice numbers its problems when not "1." — "（一）", "一、", "（1）", or labelled
    "问题1：" / "问题一：" / "【问题一】" / "【问题1】", as the renderer writes them — else ``None``."""
    kind = next((k for k, r in roles.items() if r == "issue"), None)
    if region is not None and kind == "num":  # "1.1 …的问题", "1.2 …" under their aspect: so again
        first = next((line for line in lines[region[0]:region[1]] if line.kind == kind), None)
        path = _outline_path(first.det) if first is not None else None
        return "1.1" if path is not None and len(path[0]) == 2 else None
    if region is None or kind not in ("pcn", "top", "pdig", "named"):
        return None
    first = next((line for line in lines[region[0]:region[1]] if line.kind == kind), None)
    if first is None:
        return None
    if kind == "named":  # "问题1：…", "【问题一】…" (not "反馈问题1：", "第1个问题：")
        if (black := _BLACK_MARK.match(first.det)) is not None:
            return "【问题1】" if black.group(1).isdigit() else "【问题一】"
        labelled = _LABELLED_MARK.match(first.det)
        return None if labelled is None else "问题1：" if labelled.group(1).isdigit() else "问题一："
    if kind == "pcn":
        return "（一）"
    if kind == "top":
        return "一、"
    return "（1）" if first.det.lstrip().startswith("(") else None


def _aspect_body(line: _Line) -> str:
    """An aspect's title: a ``第一方面，党的政治建设方面的问题`` heading (how a notice names an aspect
    called after its field) is the aspect 党的政治建设方面."""
    body = line.body
    if line.kind == "fang" and detect(body).endswith("方面的问题"):
        return body[:-3]
    return body


def _walk(lines: Sequence[_Line], lo: int, hi: int, roles: dict[str, Role]) -> _Builder:
    b = _Builder()
    # the last numbered line: a summing-up paragraph after it closes the section
    last_item = max((j for j in range(lo, hi) if lines[j].kind != "text" or lines[j].row is not None), default=hi)
    for j in range(lo, hi):
        line = lines[j]
        if line.tally:
            continue  # a table's 合计 row: read for the totals, no item
        if j > last_item and b.current is not None and line.kind == "text" and not line.lead \
                and (b.closing or _sums_up_results(line.det) or _holds_to_account(line.det)):
            b.closing.append(line.text)
            continue
        if j < last_item and b.current is not None and line.kind == "text" and not line.lead \
                and (_sums_up_results(line.det) or _holds_to_account(line.det)) \
                and _ends_group(lines, j + 1, hi, roles):
            # the same paragraph after one aspect's problems, before the next aspect's heading
            # ("针对上述问题，…给予诫勉谈话2人"): no words of the measure above it either, and told
            # again where it stands
            b.interludes.append((b.current, line.text))
            continue
        role = roles.get(line.kind) if line.kind != "text" else None
        if role is None and b.current is None and not b.pending and _is_summary(line.det):
            if b.heading_summary(line.text):
                continue
        listed = _listed_problems(line.body) if role in ("aspect", "category") else None
        if listed is not None:
            (b.aspect if role == "aspect" else b.category)(line.number, listed[0])
            b.pending_to_unplaced()
            b._listed(listed[1], listed[0], line.body)
        elif role == "aspect":
            b.aspect(line.number, _aspect_body(line))
        elif role == "category":
            b.category(line.number, line.body)
        elif role == "issue":
            b.issue(line.number, line.body)
            if line.row is not None and b.current is not None:
                b.current.rows.append(line.row)
        elif line.row is not None and b.current is not None and (b.current.rows or not b.current.more):
            # a further row of the same issue, or the first under an issue printed on a row of
            # its own merged across the table ("问题1：…" above its measures' rows)
            b.current.rows.append(line.row)
        elif (line.kind == "text" and b.current is not None and b.current.rows
              and _field_line(line.text) is None):
            b.unplaced.append(line.text)  # prose under a table: kept, and said so
        elif line.kind == "text" and line.cells is not None and b.current is not None:
            # a small table printed inside an issue (a count by topic): no words of its last
            # measure; kept as it is, and said so
            b.unplaced.append(line.text)
        elif role == "measure" or line.kind != "text":
            if b.current is not None and line.kind == "seq" and role == "measure":
                b.current.more.append(_item_text(line.body))  # "第一，…": one measure a line
            elif b.current is not None and line.kind == "pdig" and line.det[:1].isdigit():
                # "1）…": the list's marker as its measures are enumerated, "（1）"
                b.current.more.append(f"（{line.number}）{line.body}")
            elif b.current is not None:
                b.current.more.append(line.text)  # the marker stays: it enumerates the measures
                b.current.nested |= role == "measure" and marker_at(line.det_body, "一是", 0) >= 0
            elif role == "measure" and b.aspects:
                b.issue(None, line.body)  # a measure with no issue above it: keep it as one
            else:
                b.text(line.text)
        elif b.aspects and not line.lead and _states_round_totals(line.det):
            b.totals.append(line.text)
        else:
            b.text(line.text, line.lead)
    b.finish()
    return b


#: how a paragraph summing up what the round did opens: the round's problems or the rectification
#: as a whole ("针对巡察发现的问题", "通过本轮整改", "整改期间") — not one issue's ("针对该问题")
_RESULTS_OPENING = re.compile(
    r"^(?:此外|同时|另外)?\s*,?\s*(?:(?:针对|对)(?:(?:巡察|巡视)(?:组)?(?:发现|反馈|指出|移交)的?|上述|以上|前述)(?:问题|线索|问题线索)"
    r"|(?:通过|经过)(?:本轮|此次|本次|这次)?(?:巡察|巡视)?整改|在?(?:巡察|巡视)?整改(?:期间|以来|过程中|工作中)"
    r"|(?:截至目前|目前)?\s*,?\s*(?:共|累计)(?:问责|处理|处分|追回|清退|建立|修订|完善|约谈|谈话))")
#: a count of people, cases or rules dealt with ("给予党纪处分1人", "追回资金312万元", "建立完善制度15项")
_RESULTS_COUNT = re.compile(rf"(?:\d{{1,6}}|{CN_NUM})\s*(?:人次|人|名|件|起|宗|个单位|家单位|万元|元|项制度)"
                            r"|(?:制度|机制)\s*\d{1,4}\s*(?:项|个|件)|(?:\d{1,4}|" + CN_NUM + r")名")


def _ends_group(lines: Sequence[_Line], lo: int, hi: int, roles: dict[str, Role]) -> bool:
    """The next line that is not prose, from ``lo``, is an aspect's or a category's heading."""
    after = next((line for line in lines[lo:hi] if line.kind != "text" or line.row is not None), None)
    return after is not None and after.kind != "text" and roles.get(after.kind) in ("aspect", "category")


def _sums_up_results(det: str) -> bool:
    """A paragraph summing up what the round did to people, cases and rules ("针对巡察发现的问题，
    学校党委对2名教职工进行了批评教育"; "通过整改，建立完善制度15项，问责干部6人"): the closing of
    section 二 when it follows the last item, no words of the last measure."""
    return bool(_RESULTS_OPENING.match(det.strip())) and _RESULTS_COUNT.search(det) is not None \
        and _ONE_ISSUE.search(det) is None


#: how a paragraph holding people to account for a group of problems opens: the aspect's problems, the
#: people or the leads ("针对该方面问题，…", "对相关责任人员…", "相关问题线索已移交…")
_ACCOUNT_OPENING = re.compile(
    r"^(?:此外|同时|另外|对此)?\s*,?\s*(?:针对(?:该|本|此|这一?)(?:个)?(?:方面|大类|类|部分)(?:的|存在的)?(?:问题)?"
    r"|对(?:相关|有关|涉及的?)?(?:的)?(?:责任)?(?:人员|单位|干部|责任人|党员)"
    r"|对\s*(?:\d{1,4}|" + CN_NUM + r")\s*名|(?:相关|有关)(?:问题)?线索)")
#: what it does to them: admonition, accountability, discipline
_ACCOUNT_WORDS = re.compile(r"诫勉|问责|处分|批评教育|约谈|提醒谈话|谈话提醒|追责|组织处理|通报批评|书面检查|纪委监委")


def _holds_to_account(det: str) -> bool:
    """A paragraph holding people to account for the problems above it ("对相关责任人员进行了追责
    问责，给予诫勉谈话2人"; "针对该方面问题，局党组对2名干部进行了约谈提醒"): said once, apart, as a
    group's or the section's closing — no words of the measure above it."""
    return bool(_ACCOUNT_OPENING.match(det.strip())) and _ACCOUNT_WORDS.search(det) is not None \
        and _RESULTS_COUNT.search(det) is not None and _ONE_ISSUE.search(det) is None


#: a paragraph about one issue ("通过整改，该问题涉及的资金12万元已全部追回"): the last issue's own result
_ONE_ISSUE = re.compile(r"(?:该|此|这一?|本)(?:个)?(?:问题|事项)")


#: how a paragraph summing up the round opens: its as-of date or a word that sums up
_TOTALS_OPENING = re.compile(r"^(?:截至|截止|至此|到目前|目前|综上|总体(?:上|来看)?|总的来看|经过整改)")


#: a count of one aspect's or category's problems ("目前，该方面3个问题已整改完成2个"), not the round's
_ONE_GROUP = re.compile(r"(?:该|本|此|这一?)(?:个)?(?:方面|大类|类|部分|领域|板块)")


def _states_round_totals(det: str) -> bool:
    """A paragraph of its own that states the round's totals — a count of the problems fed back and
    how many are done ("截至10月31日，巡察反馈的8个问题已完成整改6个……") — wherever it stands
    among the items: the section's totals sentence, not the progress of the issue above it (a
    count of one issue's measures, "截至目前，该问题3项措施已完成2项", names no problems' count)."""
    if not _TOTALS_OPENING.match(det) or _ONE_GROUP.search(det):
        return False
    stated = extract_stated_totals([det])
    if stated.issues is None and stated.measures is not None and stated.measures >= _ROUND_MEASURES \
            and not _ONE_ISSUE.search(det):
        # "截至目前，27条整改措施已完成24条，完成率88.89%": the round's measures, no problems counted
        return stated.done_measures is not None or stated.rate is not None
    return stated.issues is not None and (stated.done is not None or stated.rate is not None
                                          or stated.done_measures is not None)


#: a count of one problem's measures ("该问题3项措施已完成2项"), not the round's
_ONE_ISSUE = re.compile(r"(?:该|本|此|这一?)(?:个|项)?问题")
#: as many measures as one problem is hardly ever split into: a count of them is the round's
_ROUND_MEASURES = 10


def _described(lines: list[_Line], lo: int, hi: int) -> list[_Line]:
    """Lines "问题：…" that each come right under a numbered item ("1.…的问题 / 问题：… / 整改措施：
    …") describe that item's problem: they are its text, not issues of their own. Only when every
    such line does (in a block "问题：/措施：/进展：" they follow the last block's lines)."""
    labelled = [j for j in range(lo, hi) if lines[j].kind == "named" and lines[j].number is None]
    if not labelled or not all(
            j > lo and lines[j - 1].kind in _STRUCTURAL and lines[j - 1].kind != "named"
            and lines[j - 1].cells is None and not _is_aspect_title(_title_of(lines[j - 1]))
            for j in labelled):
        return lines
    out = list(lines)
    for j in labelled:
        out[j] = _Line(text=lines[j].text, det=lines[j].det, lead=lines[j].lead, gap=lines[j].gap)
    return out


#: the heading of a section after the itemised one that lists more issues: those not finished
#: yet ("三、尚未完成整改问题的推进情况", "三、正在整改问题进展情况") or a second part of the items
#: ("三、需要长期坚持的问题整改情况")
_MORE_ISSUES = re.compile(r"(?:尚未完成|未完成|未整改到位|正在整改|正在推进|持续推进|需长期|长期坚持)(?:的)?"
                          r"(?:整改)?(?:问题|事项|任务)"
                          # the issues of the inspection before, or those a 回头看 handed over: "三、上轮
                          # 巡察整改不到位问题整改情况", "三、巡察“回头看”移交问题整改情况"
                          r"|(?:上轮|上一轮|上次|前轮|前次|回头看|移交)[^,;。]{0,16}?问题[^,;。]{0,6}?整改"
                          # the rest, after those put right at once: "三、其他反馈问题整改情况"
                          r"|(?:其他|其它|其余)(?:的)?(?:巡察|巡视)?(?:反馈)?(?:的)?(?:具体)?问题"
                          # those put right at once, after the others: "三、立行立改问题整改情况"
                          rf"|{_AT_ONCE_SECTION.pattern}")
#: of those, the ones said not to be finished
_NOT_FINISHED = re.compile(r"尚未完成|未完成|未整改到位|正在整改|正在推进|持续推进")


def _at_once_section(aspects: list[Aspect], heading: str) -> None:
    """The issues of a section headed as put right at once ("二、立行立改问题整改情况"): 立行立改 is
    their measures' 整改时限."""
    if (m := _AT_ONCE_SECTION.search(detect(heading))) is not None:
        word = re.match(_AT_ONCE_WORDS, m.group(0))
        for a in aspects:
            for issue in a.issues():
                _apply_fields(issue.measures, {F.DEADLINE: word.group(0) if word else "立行立改"})


def _still_listed(lines: list[_Line], s: int, end: int, warnings: list[str], before: list[Aspect]
                  ) -> list[Aspect]:
    """The issues listed in a section after the itemised one whose heading says it lists more of
    them (:data:`_MORE_ISSUES`), as one aspect named by the heading when they have none of their
    own; a measure read done there is in progress when the heading says the issues are not
    finished (its "目前已完成规划编制" is a step, not the end). Empty for any other section."""
    heading = _heading_text(lines, s)
    if not _MORE_ISSUES.search(detect(heading)) \
            or not any(lines[j].kind in _STRUCTURAL for j in range(s + 1, end)):
        return []
    built = _built(lines, s + 1, end, _roles(_items(lines, s + 1, end)), warnings)
    aspects = _prefixed_aspects(built.aspects)
    if not any(True for a in aspects for _ in a.issues()):
        return []
    _at_once_section(aspects, heading)
    if _NOT_FINISHED.search(detect(heading)):
        for a in aspects:
            for issue in a.issues():
                for m in issue.measures:
                    if m.status_inferred and m.status is not Status.IN_PROGRESS:
                        m.status = Status.IN_PROGRESS
    if all(a.title is None for a in aspects):
        aspects = [Aspect(title=heading, categories=[c for a in aspects for c in a.categories])]
    numbers = [i.number for a in before for i in a.issues()]
    if numbers and None not in numbers and Ledger(info=LedgerInfo(), aspects=before).numbers_issues_on():
        # the items before numbered their issues on through the aspects: these go on from them
        # (as the notice printed again numbers them), not from 1 again
        n = max(n for n in numbers if n is not None)
        for a in aspects:
            for issue in a.issues():
                n += 1
                issue.number = n
    return aspects


#: a line under a notice's title that is only the day it is dated: "（2026年11月28日）" (on the detection copy)
_TITLE_DAY = re.compile(rf"[(（]?({DATE})[)）]?")
#: a sentence telling how far the round got (the progress a date is stated for)
_PROGRESS_SAID = re.compile(r"完成|到位|销号|办结|推进|整改中|完成率")
#: the farthest a notice's stated day lies before its signing (a later report's figures, not last year's)
_AS_OF_WINDOW = 183


def _counts_progress(sentence: str) -> bool:
    """The sentence counts how far the round got ("…已完成整改2个", "完成率75%"), not something
    else done by a day ("截至9月底，累计投入资金3000万元")."""
    said = extract_stated_totals([sentence])
    return any(v is not None for v in (said.done, said.done_issues, said.done_measures, said.rate, said.left))


def _stated_as_of(info: LedgerInfo) -> date | None:
    """The day the notice states its progress on, when it names one before the day it is signed
    ("截至2026年10月31日，巡察反馈的3个问题已完成整改2个", signed 2026年11月20日): the latest such day in
    its title, or opening a sentence of its preamble, first part or section 二's opening that counts
    how far the round got (:func:`_counts_progress`), within half a year before the signing
    ("截至目前" names none: the signing day is the day). A day after the signing, or long before it
    (a count of an earlier year's), is not it."""
    signed = info.report_date
    texts = [info.title, info.preamble, info.section_one, info.section_two_intro,
             info.extra.get(SECTION_TWO_CLOSING_KEY)]
    found: list[date] = []
    for k, text in enumerate(texts):
        for sentence in re.split(r"(?<=[。！？\n])", text or ""):
            if k and not (_PROGRESS_SAID.search(sentence) and _counts_progress(sentence)):
                continue  # (the title's "截至10月底" dates the whole notice)
            for m in AS_OF_SAID.finditer(sentence):  # "截至2026年10月31日", "截止10月底"
                day = as_of_day(m.group("when"), signed)
                if day is not None and (signed is None or 0 <= (signed - day).days <= _AS_OF_WINDOW):
                    found.append(day)
    return max(found, default=None)


def _heading_text(lines: Sequence[_Line], j: int) -> str:
    """A section heading without its numbering (一、 / （一） / 第一部分)."""
    return lines[j].body


def _is_notice(lines: Sequence[_Line], title_start: int, title_end: int, preamble: str | None
               ) -> bool:
    title = detect("".join(line.text for line in lines[title_start:title_end]))
    return bool(_NOTICE_TITLE.search(title)
                or (preamble and _NOTICE_PREAMBLE.search(detect(preamble))))


#: a label set off in black brackets instead of followed by a colon: "【问题】…", "【整改措施】一是…",
#: "【整改进展】…" (on the original text: the brackets, and a colon after them, become one colon)
_BRACKET_LABEL = re.compile(
    r"【\s*((?:巡察|巡视)?(?:反馈)?问题(?:表现|描述)?|存在问题|具体问题|整改(?:措施|情况|进展|结果|成效|时限|目标)"
    r"|进展情况|完成情况|完成时限|责任领导|责任单位|责任部门|责任人)\s*】\s*[:：]?\s*")


#: a table's caption on a line of its own: a name ending in 表 / 一览表 / 清单 / 台账, perhaps with
#: a bracket after it ("（截至2026年10月底）"), no clause of a sentence (on the detection copy)
_TABLE_CAPTION = re.compile(r"^[^。,;:!?]{2,40}(?:表|清单|台账)\s*(?:\([^()]{1,24}\))?\s*$")


def _publisher_first(title_lines: list[str]) -> list[str]:
    """The title's lines with the publisher printed under a title opening with 关于 ("关于…的通报"
    / "中共某某县交通运输局党组") put before it, as a title names its publisher ("中共…党组关于…的
    通报") — joined as printed it had read "…的通报中共…党组"."""
    if len(title_lines) < 2:
        return title_lines
    last, above = detect(title_lines[-1]).strip(), detect("".join(title_lines[:-1])).strip()
    if (above.startswith("关于") and _TITLE_LINE.search(above) and len(last) <= 40
            and "关于" not in last and _ORG_END.search(last) and not re.search(r"[,。;:]", last)):
        return [title_lines[-1].strip(), *title_lines[:-1]]
    return title_lines


def _parse_notice(text: str) -> ParsedNotice:
    """:func:`parse_notice` without the safety net (used by the property tests)."""
    text = _BRACKET_LABEL.sub(lambda m: f"{m.group(1)}：", text)
    lines, debris_dates, appendix = _clean_lines(text)
    lines, notes = _footnotes(lines)
    lines, front_table, table_at = _front_tables(lines)
    lay = _layout(lines)
    # the table under the 二、 heading, after the sentence introducing it: printed there again
    table_in_two = bool(front_table) and lay.heading is not None and table_at > lay.heading
    k = lay.title_end

    # Title: once, even when the page printed it twice.
    title_lines: list[str] = []
    title_day: date | None = None
    for line in lines[lay.title_start:k]:
        if (day_line := _TITLE_DAY.fullmatch(line.det.replace(" ", ""))) is not None \
                and (day := to_date(day_line.group(1))) is not None:
            title_day = title_day or day  # "（2026年11月28日）" under the title: the day it is dated
            continue
        if normalize_for_compare(line.text) not in (normalize_for_compare(t) for t in title_lines):
            title_lines.append(line.text)
    title = "".join(_publisher_first(title_lines)) or None

    warnings: list[str] = []
    aspects: list[Aspect] = []
    intro: list[str] = []
    unplaced: list[str] = []
    roles: dict[str, Role] = {}
    status_groups = 0
    closing_two: list[str] = []
    placed: list[tuple[Issue, str]] = []
    said_once: set[int] = set()
    all_done: dict[int, str] = {}
    status_forms: list[tuple[Measure, str]] = []
    titles_alone = False
    region = lay.region
    if region is not None:
        lo, hi = region
        lines = _described(lines, lo, hi)
        items = _items(lines, lo, hi)
        roles = _roles(items)
        warned = len(warnings)
        built = _built(lines, lo, hi, roles, warnings)
        if (other := _sub_problem_roles(items, roles)) is not None and (
                stated_issues := extract_stated_totals(
                    [line.text for line in lines[:lo]] + built.intro + built.totals).issues) is not None:
            # which level the round counts as its problems: the reading that lists as many
            told = sum(1 for a in built.aspects for _ in a.issues())
            other_warnings: list[str] = []
            sub = _built(lines, lo, hi, other, other_warnings)
            if told != stated_issues == sum(1 for a in sub.aspects for _ in a.issues()):
                roles, built = other, sub
                warnings[warned:] = other_warnings
        aspects, intro, unplaced = built.aspects, [*built.intro, *built.totals], built.unplaced
        closing_two, placed, said_once = built.closing, built.placed, built.said_once
        status_forms, all_done, titles_alone = built.status_forms, built.all_done, built.titles_alone
        if any(line.row is not None for line in lines[lo:hi]):
            # the items are a table's rows: its caption ("巡察反馈问题整改落实情况表") names the
            # table, and says nothing once the items are told
            intro = [t for t in intro if not _TABLE_CAPTION.match(detect(t).strip())]
        status_groups = _group_headings(aspects, warnings)
        aspects = _prefixed_aspects(aspects)
        if lay.heading is not None:
            _at_once_section(aspects, _heading_text(lines, lay.heading))
    appendix_items = False
    if appendix and not any(True for a in aspects for _ in a.issues()):
        # "具体整改情况见附件": the items are the appendix's table
        table = _run_in(_tables(_outline(_side_lists(appendix))))
        # or its numbered paragraphs ("附件 / …整改情况清单 / 1.…问题。整改情况：一是…"), under
        # its heading and caption
        first = next((j for j, line in enumerate(table) if line.kind != "text"), len(table))
        if any(line.row is not None for line in table) or (
                first < len(table) and sum(1 for line in table if line.kind != "text") >= 2):
            lo = 0 if any(line.row is not None for line in table) else first
            listed = _built(table, lo, len(table), _roles(_items(table, lo, len(table))), warnings).aspects
            if any(True for a in listed for _ in a.issues()):
                aspects, appendix, appendix_items = _prefixed_aspects(listed), [], True
                # the pointer to the appendix points nowhere once its items are section 二's
                intro = [t for t in intro if not (len(t) <= 30 and re.search(r"附[件表]", t))]
    elif appendix and any(line.cells for line in appendix):
        # the items told in section 二 and listed again in a table after the signature, with
        # their deadlines and statuses ("附件：巡察反馈问题整改落实情况表"): what the table states
        table = _tables(appendix)
        if any(line.row is not None for line in table):
            listed = _built(table, 0, len(table), _roles(_items(table, 0, len(table))), warnings).aspects
            _take_listed([i for a in aspects for i in a.issues()], [i for a in listed for i in a.issues()])

    # Front: title, preamble, section 一.
    sections = lay.sections
    # a notice of counts only, without headings: its "下一步，…" paragraph is section 三
    next_steps = None if region or sections else next(
        (j for j in range(k + 1, lay.closing)
         if lines[j].kind == "text" and _NEXT_STEPS.match(lines[j].det)), None)
    if region:
        first_body = region[0] - (1 if lay.heading is not None else 0)
    else:
        first_body = lay.closing if next_steps is None else next_steps
    before = [s for s in sections if k <= s < first_body]
    front_end = before[0] if before else first_body
    front = [line.text for line in lines[k:front_end]]
    preamble_lines, section_one_lines = front, []
    if not before and len(front) > 1:
        preamble_lines, section_one_lines = front[:1], front[1:]
    preamble = "\n".join(preamble_lines) or None

    issues_found = any(True for a in aspects for _ in a.issues())
    if not issues_found and not _is_notice(lines, lay.title_start, k, preamble):
        if region is None:
            raise NoticeParseError(
                "没有找到逐项整改情况（方面、问题、措施），这段文字看起来不是巡察整改进展情况通报。")
        raise NoticeParseError(
            "整改情况部分没有找到编号的问题（如“1.…”），无法按巡察整改进展情况通报解析。")

    info = LedgerInfo(title=title, preamble=preamble)
    # the items listed after the signature ("具体整改情况见附件"): a next-steps heading among the parts
    # before them ("二、下一步工作打算") is section 三, not part of section 一
    ahead = next((s for s in before[1:] if _NEXT_HEADING.search(detect(_heading_text(lines, s)))), None) \
        if region is None and appendix_items else None
    if before:
        info.heading_one = _heading_text(lines, before[0])
        section_one_lines = [line.text for line in lines[before[0] + 1:ahead or first_body]]
    info.section_one = "\n".join(section_one_lines) or None
    if lay.heading is not None:
        info.heading_two = _heading_text(lines, lay.heading)
        if not before and lines[lay.heading].number == 1:
            # "一、反馈问题整改落实情况" right after the preamble: no part on the organisation
            info.extra[PART_ONE_KEY] = "否"
    info.section_two_intro = "\n".join(intro) or None
    if (interludes := _interludes(aspects, placed, closing_two)) is not None:
        info.extra[INTERLUDE_KEY] = interludes
    if closing_two:
        info.extra[SECTION_TWO_CLOSING_KEY] = "\n".join(closing_two)

    # After the items: section 三 (a heading, or a 下一步 paragraph), closing, signature.
    end_items = region[1] if region else first_body
    after = [s for s in sections if s >= end_items]
    nxt = next((s for s in after if _NEXT_HEADING.search(detect(_heading_text(lines, s)))), None)
    if after and after[0] == end_items and nxt is not None and len(after) > 1:
        # sections besides the next steps ("三、巡察移交问题线索办理情况", "三、整改成效" before
        # "四、下一步工作打算"): each kept apart, under its heading; the next steps are 三、
        for at, s in enumerate(after):
            end = after[at + 1] if at + 1 < len(after) else lay.closing
            body = "\n".join(line.text for line in lines[s + 1:end])
            if s == nxt:
                info.heading_three = _heading_text(lines, s)
                three = body.split("\n") if body else []
            elif body and (listed := _still_listed(lines, s, end, warnings, aspects)):
                if info.heading_two and aspects and all(a.title is None for a in aspects) \
                        and all(a.title == _heading_text(lines, s) for a in listed):
                    # "二、原巡察反馈问题整改不到位问题的整改情况 … 三、“回头看”新发现问题的整改情况":
                    # two sections of issues, each under its heading — as two aspects of section 二
                    # (the first's issues had been under no heading, the second's under "（一）")
                    aspects = [Aspect(title=info.heading_two, categories=[c for a in aspects for c in a.categories])]
                    info.heading_two = None
                aspects += listed  # "三、尚未完成整改问题的推进情况": more issues, each with its progress
                issues_found = True
            elif body:
                info.extra[_heading_text(lines, s)] = body
    elif after and after[0] == end_items:
        info.heading_three = _heading_text(lines, after[0])
        three = [line.text for line in lines[after[0] + 1:lay.closing]]
    elif ahead is not None:
        info.heading_three = _heading_text(lines, ahead)
        three = [line.text for line in lines[ahead + 1:lay.closing]]
    else:
        three = ([line.text for line in lines[end_items:lay.closing]]
                 if region or next_steps is not None else [])
    three, supervision = _closing_sentences(three)
    info.section_three = "\n".join(three) or None
    closing = "\n".join([*supervision, *(line.text for line in lines[lay.closing:lay.stop])])
    if lay.date_line is not None and lay.date_line + 1 < len(lines):  # contacts after the date
        # up to the web page's own footer (after 上一篇/下一篇, 主办单位, ICP 备案): the site's
        # address and phone are not the unit's
        footer = next((j for j in range(lay.date_line + 1, len(lines)) if lines[j].gap), len(lines))
        closing = "\n".join([closing, *(line.text for line in lines[lay.date_line + 1:footer])])
    if lay.signature is not None and lay.signature == lay.date_line:
        signed = _SIGNED.match(lines[lay.signature].det)
        if signed is not None:
            info.party_org = lines[lay.signature].text[:signed.end(1)].strip()
            info.report_date = to_date(signed.group(2).replace(" ", ""))
    else:
        if lay.signature is not None:
            end = lay.date_line if lay.date_line is not None and lay.date_line > lay.signature else lay.signature + 1
            signed_by = " ".join(line.text for line in lines[lay.signature:end])
            info.party_org = None if _PLACEHOLDER_LINE.fullmatch(signed_by.strip()) else signed_by
        if lay.date_line is not None:
            info.report_date = to_date(lines[lay.date_line].det.replace(" ", ""))
    if lay.date_line is not None and info.report_date is not None:
        dated = lines[lay.date_line].det.replace(" ", "")
        # "二〇二五年十二月一日" in numerals, "2025年12月" to its month only: signed so again
        style = ("汉字" if _NUMERAL_YEAR.search(dated) else "") + ("到月" if _SIGNED_MONTH.search(dated) else "")
        if style:
            info.extra[DATE_STYLE_KEY] = style
    if info.report_date is None and title_day is not None:
        info.report_date = title_day  # dated under its title, not after its signature
    if info.party_org is None and info.title:
        info.party_org = _title_publisher(info.title)
    publication = info.report_date or (debris_dates[0] if debris_dates else None)
    if preamble:
        _preamble_facts(info, preamble, publication)
    if info.feedback_date is None:
        prose = detect("\n".join(filter(None, [preamble, info.section_one])))
        # section 一's "2024年10月，局党组召开专题会议，逐条研究反馈意见" dates no feedback: a day only
        info.feedback_date = _feedback_date(prose, publication, months=False)
    if closing:
        _closing_facts(info, closing)
        if (own := _own_closing(closing)) is not None:
            info.extra[CLOSING_KEY] = own
        else:
            _own_words(info, closing)
    if not (lay.sections or lay.heading is not None or info.section_one or info.section_three):
        info.extra[PARTS_KEY] = "否"  # a 公示 listing its problems after one sentence
    if (mark := _issue_mark(lines, region, roles)) is not None:
        info.extra[ISSUE_MARK_KEY] = mark  # "（一）村务公开不及时的问题。…": numbered so again
    if info.extra.get(PARTS_KEY) == "否" and roles.get("top") == "aspect":
        info.extra[ASPECT_MARK_KEY] = "一、"  # "一、党的领导弱化方面" heading the notice's own level
    elif roles.get("fang") == "aspect" and not any(c.title for a in aspects for c in a.categories):
        # "第一方面问题：…" over "（一）…的问题": its problems keep their "（一）" (no aspect takes it);
        # "第一部分 …方面" is headed so again
        heading = next((line for line in lines[region[0]:region[1]] if line.kind == "fang"), None) \
            if region is not None else None
        info.extra[ASPECT_MARK_KEY] = "第一部分" if heading is not None and _PART.match(heading.det) else "第一方面"
    elif roles.get("pcn") == "aspect" and info.extra.get(ISSUE_MARK_KEY) == "1.1" and region is not None \
            and (heading := next((line for line in lines[region[0]:region[1]] if line.kind == "pcn"), None)) \
            is not None and heading.det[:1].isdigit():
        info.extra[ASPECT_MARK_KEY] = "1."  # "1.…方面" over "1.1 …的问题": headed so again, not "（一）"
    elif roles.get("num") == "aspect" and not any(True for a in aspects for _ in a.issues()):
        info.extra[ASPECT_MARK_KEY] = "1."  # "1.…方面" headings with no problem under them: so again
    several = [i for a in aspects for i in a.issues() if len(i.measures) > 1]
    if several and all(i.measure_style == "paren" for i in several):
        # "整改情况：（1）…（2）…", "①…②…", "1）…2）…": numbered so again
        info.extra[MEASURE_MARK_KEY] = _paren_mark(lines, region)
    if info.extra.get(MEASURE_MARK_KEY) == "1." and (label := _measure_label(aspects, lines, region)) is not None:
        info.extra[MEASURE_LABEL_KEY] = label  # "整改措施：" on a line of its own: printed so again
    if several and all(id(i) in said_once for i in several):
        info.extra[STATUS_ONCE_KEY] = "是"  # "整改措施：一是…；二是…。整改进展：已完成。": said once again
    if titles_alone and not any(_BULLET.match(detect(line.strip())) for line in text.splitlines()):
        # (not a list of bulleted lines: its items are numbered 一是… again)
        info.extra[TITLE_ALONE_KEY] = "是"  # "（一）关于…的问题" over its paragraphs: so again
        places = [str(n) for n, i in enumerate((i for a in aspects for i in a.issues()), start=1)
                  if i.measure_style == "plain" and len(i.measures) > 1]
        if places:
            info.extra[PARAGRAPH_MEASURES_KEY] = "、".join(places)
    if (said_all := _all_done_lines(aspects, all_done)) is not None:
        info.extra[ALL_DONE_KEY] = said_all  # "上述措施均已完成。": said once again, after the measures
    if (form := _status_form(status_forms, aspects, text, all_done)) is not None:
        info.extra[STATUS_FORM_KEY] = form  # "1.建立健全学习制度。（已完成）": bracketed so again
    for a in aspects:  # deadlines of a table, now that the feedback date is known
        for issue in a.issues():
            for m in issue.measures:
                if m.status is Status.DONE and not m.status_inferred and m.stage is None and m.status_text:
                    # "已整改销号", "经验收已销号", "（已完成，已验收）": the closure stage the notice
                    # states, as a ledger's status cell gives it
                    stage = read_status(m.status_text).stage
                    m.stage = stage.value if stage is not None else None
                if F.DEADLINE in m.raw:
                    m.deadline = parse_deadline(m.raw[F.DEADLINE], feedback_date=info.deadlines_from)
                if F.COMPLETED in m.raw:
                    m.completed_text = m.raw[F.COMPLETED]
                    done = parse_deadline(m.completed_text, feedback_date=info.feedback_date)
                    m.completed_on = done.due if done.kind == "date" else None

    if (as_of_said := _stated_as_of(info)) is not None and as_of_said != info.report_date:
        # "截至2026年10月31日，…已完成整改2个" signed 2026年11月20日: the progress is as of October's
        # end, and deadlines are judged on that day (a notice signed late makes nothing overdue)
        if info.report_date is not None:
            info.extra[SIGNED_KEY] = cn_date(info.report_date)
        info.report_date = as_of_said
    for name in _PLACEHOLDER_FIELDS:  # a rendered notice's 【请填写…】 means "not known"
        value = getattr(info, name)
        if isinstance(value, str) and "【请填写" in value:
            setattr(info, name, None)

    if front_table:  # one line a row, its cells separated by tabs (a table when printed again)
        info.extra[TABLE_KEY] = "\n".join("\t".join(line.cells) if line.cells else line.text
                                          for line in front_table)
        if table_in_two:
            info.extra[TABLE_PLACE_KEY] = TABLE_IN_TWO
    if notes:
        info.extra[NOTES_KEY] = "\n".join(notes)
    if appendix:
        info.extra[APPENDIX_KEY] = "\n".join("\t".join(line.cells) if line.cells else line.text
                                             for line in appendix)
    if unplaced:
        info.extra[UNPLACED_KEY] = "\n".join(unplaced)
        for piece in unplaced:
            warnings.append(f"这段文字未能归入任何方面、问题或措施，已原样保留：“{shorten(piece, 40)}”。")
    if issues_found:
        _check_numbers(aspects, warnings)

    ledger = Ledger(info=info, aspects=aspects, sheet="通报")
    stated = extract_stated_totals([preamble or "", info.section_one or "",
                                    info.section_two_intro or "", info.section_three or ""])
    table_totals(stated, [line.cells for line in front_table if line.cells])
    for line in lines:
        if line.tally == "total" and line.cells:
            total_row_totals(stated, [c for c in line.cells[1:] if c])  # after its 合计 cell
    counts_only = not issues_found and _signed(lay) and not stated.is_empty()
    checks = check_totals(stated, ledger, listed=not counts_only,
                          sample=sample_words([preamble, info.section_one, info.section_two_intro,
                                               info.heading_two]),
                          part=_lists_a_part(aspects, stated, unplaced))
    if status_groups and status_groups == sum(1 for a in aspects if a.title is not None):
        checks = [_aspects_unlisted(c) if c.item == "aspects" else c for c in checks]
    complete = _completeness(lines, lay, ledger, stated, issues_found, warnings)
    return ParsedNotice(ledger=ledger, stated_totals=stated, total_checks=checks,
                        warnings=warnings, complete=complete, unplaced=unplaced)


def _form_shape(form: str) -> tuple[str, str, str, str]:
    """A bracket form's full stops and brackets without its words: "。（已完成）" → ("。", "（", "）", "")."""
    before = form[:1] if form[:1] == "。" else ""
    after = form[-1:] if form[-1:] == "。" else ""
    inner = form[len(before):len(form) - len(after)]
    return before, inner[:1], inner[-1:], after


def _all_done_lines(aspects: list[Aspect], all_done: dict[int, str]) -> str | None:
    """The lines of :data:`ALL_DONE_KEY`: each sentence saying a problem's measures all done at once,
    by that problem's place in section 二 ("第2个问题：上述措施均已完成。")."""
    issues = (i for a in aspects for i in a.issues())
    return "\n".join(ALL_DONE_PLACE.format(n=n) + all_done[id(issue)]
                     for n, issue in enumerate(issues, start=1) if id(issue) in all_done) or None


def _status_form(forms: list[tuple[Measure, str]], aspects: list[Aspect], text: str,
                 all_done: dict[int, str] | None = None) -> str | None:
    """How the notice brackets the statuses it states after its measures, as its first such measure
    wrote it (:data:`STATUS_FORM_KEY`): when most measures whose status it states do so in brackets
    (the form most of them share) and the notice's ``text`` has them so (not a tick before a measure,
    which is read as a bracket after it); ``None`` when it states them otherwise. A measure that
    brackets its status otherwise than that form ("【已完成】" among "（已完成）", "(已完成)" typed
    half-width among full-width ones) keeps its own brackets in its status cell, to be written so
    again."""
    if not forms:
        return None
    # (measures said done by a sentence of their problem's, "上述措施均已完成", are not stated one by one)
    stated = sum(1 for a in aspects for i in a.issues() if id(i) not in (all_done or {}) for m in i.measures
                 if m.status is not None and not m.status_inferred)
    if 2 * len(forms) < stated:
        return None
    shapes = [_form_shape(f) for _, f in forms]
    common = max(shapes, key=shapes.count)
    form = forms[shapes.index(common)][1]
    if form.strip("。") not in text:
        return None
    for (m, _), shape in zip(forms, shapes, strict=True):
        if shape[1:3] != common[1:3] and m.status_text and read_status(m.status_text).status is m.status:
            m.status_text = f"{shape[1]}{m.status_text}{shape[2]}"  # "【已完成】": its own brackets
    return form


def _aspects_unlisted(check: TotalCheck) -> TotalCheck:
    """The check of the stated aspects when the issues are grouped by status, not by aspect:
    the aspects are not listed, so there is nothing to count them against."""
    return replace(check, parsed=None, ok=None, message=(
        f"通报称{_count(check.stated)}个方面；正文按整改状态分组列出问题（已完成、正在推进……），"
        "没有逐个列出方面，无法核对。"))


def _count(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _signed(lay: _Layout) -> bool:
    """Whether the notice ends as a whole notice does: with its signature or its date."""
    return lay.signature is not None or lay.date_line is not None


#: a round of several units: "对市教育局、市民政局等8个单位党组织开展了…", "10个被巡察党组织"
_UNITS_OF_ROUND = re.compile(r"(\d{1,3})\s*个(?:被巡[察视])?(?:单位|地区|部门|乡镇|村|街道)?(?:和单位)?(?:的)?"
                             r"党(?:组织|委|组)")


def _flattened_header(lines: Sequence[_Line]) -> str | None:
    """The header of a table whose cells lost their places: a line of column names separated by
    single spaces ("序号 问题类别 问题描述 整改措施 责任部门 完成时限 完成情况", as a PDF's text gives
    a table's header), naming the problem or the measure among three columns or more — its rows
    follow as pieces of cells, one to a line. ``None`` when there is no such line."""
    for line in lines:
        words = line.det.split()
        if line.cells is not None or not 3 <= len(words) <= 12:
            continue
        named = [F.field_for_header(w) for w in words]
        if all(named) and {F.ISSUE, F.MEASURE} & set(named):
            return line.text
    return None


def _completeness(lines: Sequence[_Line], lay: _Layout, ledger: Ledger, stated: StatedTotals,
                  issues_found: bool, warnings: list[str]) -> bool:
    """False (with a warning saying what is missing) for a notice that breaks off."""
    n_aspects = sum(1 for a in ledger.aspects if a.title is not None)
    issues = list(ledger.issues())
    n_measures = sum(len(i.measures) for i in issues)
    reached = f"{n_aspects}个方面、{len(issues)}个问题、{n_measures}项措施"
    said = "、".join(f"{v}{u}" for v, u in ((stated.aspects, "个方面"), (stated.issues, "个问题"),
                                          (stated.measures, "项整改措施")) if v is not None)
    said = f"（通报称{said}）" if said else ""
    if not issues_found and (header := _flattened_header(lines)) is not None:
        # a table copied or extracted from a PDF: its header read, its cells broken into pieces
        warnings.append(
            f"通报中“{shorten(header, 40)}”一行是表格的表头，但表格各单元格的文字已被拆散（从 PDF 中提取"
            "或复制的表格常会这样），无法逐项还原问题和整改措施：请使用通报的 Word 版本或网页版本，"
            "或把表格另存为 Excel 后用 rectxl check 校验。")
        return False
    if not issues_found and _signed(lay) and said:
        # a whole notice that gives only the round's counts: nothing is missing, there is no list
        units = _UNITS_OF_ROUND.search(detect(" ".join(line.text for line in lines[lay.title_end:lay.closing])))
        whose = f"是{units.group(1)}个被巡察党组织整改情况的汇总，" if units and ledger.info.unit_name is None else ""
        warnings.append(
            f"这份通报{whose}只公布了整改总数{said}，没有逐项列出问题和整改措施，台账中没有问题可写。")
        return True
    if not issues_found and _signed(lay) and (lay.signature is not None or lay.closing < len(lines)):
        # the notice ends as a whole one does (signed, or dated after its closing): nothing was
        # cut off — its items are written in a way that was not recognised
        ends = ("落款和日期齐全" if lay.signature is not None and lay.date_line is not None
                else "有落款" if lay.signature is not None else "结尾署有日期")
        warnings.append(
            f"没有找到逐项列出的问题和整改措施（如“1.…问题。一是…”“问题一：…”）；通报{ends}，"
            "不像是被截断，可能是问题的编号写法未能识别，请核对原文。")
        return True
    if not issues_found:
        warnings.append(
            "通报文字不完整：没有找到逐项整改情况（方面、问题、措施），只读出了标题、日期和通报所述总数"
            f"{said}；请找到通报全文后重新解析。")
        return False
    last = lines[-1] if lines else None
    tail_missing = lay.closing >= len(lines) and lay.signature is None and lay.date_line is None
    # the text stops mid-sentence before any closing, signature or date
    broken = last is not None and tail_missing and not last.det.rstrip().endswith(_TERMINAL)
    short = any(v is not None and v > got for v, got in (
        (stated.issues, len(issues)), (stated.aspects, n_aspects)))
    if broken or (tail_missing and short and lay.heading is not None and not ledger.info.section_three):
        missing = []
        if not ledger.info.section_three:
            missing.append("下一步工作")
        missing.append("联系方式")
        missing.append("落款和日期")
        where = f"第{issues[-1].number}个问题" if issues and issues[-1].number else "最后一个问题"
        warnings.append(
            f"通报文字不完整：在{where}处中断，缺少{'、'.join(missing)}；只解析了已有部分：{reached}"
            f"{said}，请找到通报全文后重新解析。")
        return False
    return True


def parse_notice(text: str) -> ParsedNotice:
    """Parse a notice's text into a :class:`ParsedNotice`.

    Raises :class:`NoticeParseError` (one Chinese sentence) when the text is not a notice —
    neither itemised problems nor a notice's title or preamble — and for nothing else: an
    unexpected internal failure is also reported as :class:`NoticeParseError`. A notice cut
    short returns what is there with ``complete=False`` and a warning.
    """
    if not isinstance(text, str):
        raise NoticeParseError("通报内容必须是文本。")
    try:
        return _parse_notice(text)
    except NoticeParseError:
        raise
    except Exception as exc:  # safety net; the property tests run _parse_notice unguarded
        raise NoticeParseError(
            f"通报解析失败（内部错误：{type(exc).__name__}），请将该通报反馈给维护人员。"
        ) from exc
