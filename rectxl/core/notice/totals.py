"""Totals a notice states in words ("三大方面33个问题…148项整改措施", "已完成整改19个…完成率76%")
and their check against what was actually parsed.

Pure: works on strings and a :class:`~rectxl.core.model.Ledger`. A mismatch is *reported* as a
:class:`TotalCheck` with ``ok=False`` and a Chinese message; nothing is raised.

Only sentences that state the round's totals count. A number is **not** a total when it is

- one person's or one unit's share: "班子成员分别领办2个问题", "每名班子成员…", "各…";
- a remainder or a part: "其余6个问题", "剩余…", "另有…", "对正在推进的4项整改措施";
- about another round or source: "上轮巡察反馈的8个问题", "审计发现的…";
- a slogan: "解决一个问题、完善一套制度" (a count written 一 is never a total);
- a case count: "27件问题线索".

Measures are counted in 整改措施 (preferred), else 整改任务 / 举措 / 事项 ("细化形成86条整改任务");
"五方面", a Chinese numeral and quotes between number and noun (“86”项) are understood. 认领 before
a count is a share unless the whole is claimed ("共认领巡察反馈问题五个"). A done count counts what
it names, else what its clause names before it ("13条问题中已整改到位11条" counts 问题).

Done counts are compared with the parsed statuses when the notice states every status itself
(a 完成情况 column, a tag after each measure); with statuses inferred from wording the check
says it cannot decide (``ok=None``) and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from rectxl.core.deadline import DeadlineKind
from rectxl.core.model import Aspect, Category, Issue, Ledger, Measure
from rectxl.core.notice._text import detect
from rectxl.core.status import Stage, Status
from rectxl.core.text import CN_NUM, LazyPattern, to_int

__all__ = [
    "ALL_DONE_KEY",
    "ALL_DONE_PLACE",
    "ASPECT_MARK_KEY",
    "CLOSING_KEY",
    "DATE_STYLE_KEY",
    "INTERLUDE_KEY",
    "INTERLUDE_PLACE",
    "INVITATION_KEY",
    "ISSUE_MARK_KEY",
    "MEASURE_LABEL_KEY",
    "MEASURE_MARK_KEY",
    "PARAGRAPH_MEASURES_KEY",
    "PARTS_KEY",
    "PART_ONE_KEY",
    "PHONE_LABEL_KEY",
    "SECTION_TWO_CLOSING_KEY",
    "STATUS_FORM_KEY",
    "STATUS_ONCE_KEY",
    "TABLE_IN_TWO",
    "TABLE_KEY",
    "TABLE_PLACE_KEY",
    "TITLE_ALONE_KEY",
    "StatedTotals",
    "TotalCheck",
    "check_totals",
    "done_counts",
    "extract_stated_totals",
    "restate_totals",
    "sample_words",
    "table_totals",
    "total_row_totals",
]

#: ``info.extra`` key of a summary table a notice prints before its items (its counts by aspect,
#: with a 合计 row): one line a row, its cells separated by tabs
TABLE_KEY = "通报所附统计表"
#: ``info.extra`` key of where the notice printed :data:`TABLE_KEY`'s table when not after section 一:
#: "二、导语之后" (under the 二、 heading, after the sentence introducing it: "整改完成情况如下表：")
TABLE_PLACE_KEY = "通报所附统计表位置"
TABLE_IN_TWO = "二、导语之后"
#: ``info.extra`` key saying the notice is not told in parts 一、二、三 ("否": a village's 公示 that
#: lists its problems and what was done after one sentence): written again, it is told so — no
#: headings, and no 【请填写…】 for parts it never had
PARTS_KEY = "通报分一二三部分"
#: ``info.extra`` key saying the notice tells no part of its own on how the work was organised ("否":
#: its preamble says it, and its first part, "一、反馈问题整改落实情况", is the items): written again,
#: its parts are numbered from 一、 as it numbered them — no "一、整改工作组织领导情况" it never had
PART_ONE_KEY = "组织领导情况单列"
#: ``info.extra`` key of how a notice wrote the date it is signed with, when in Chinese numerals
#: ("汉字": "二〇二五年十二月一日") or to its month only ("到月": "2025年12月"; both: "汉字到月"):
#: written again, it is dated so
DATE_STYLE_KEY = "成文日期写法"
#: ``info.extra`` key of the day a notice is signed on, when its progress is stated as of an earlier
#: day ("截至2026年10月31日，…已完成整改2个" signed 2026年11月20日): 报告日期 is the day the progress is
#: stated on (deadlines are judged on it), and the notice written again is signed on this day
SIGNED_KEY = "通报落款日期"
#: ``info.extra`` key of the word a notice gives its phone number under when that is 联系电话 — the
#: name of 基本信息's own row for the number, which cannot say it ("联系电话：0731-88881234"):
#: written again, the number is given so, not as 联系方式：电话 …
PHONE_LABEL_KEY = "电话标签"
#: ``info.extra`` key of how a notice numbers its problems when not "1." ("（一）", "一、": a village's
#: 公示 listing "（一）村务公开不及时的问题。…"): written again, its problems are numbered so
ISSUE_MARK_KEY = "问题编号"
#: ``info.extra`` key of the paragraphs closing section 二 after its items, summing up what the round did
#: to people and cases ("针对巡察发现的问题，给予党纪处分1人，诫勉谈话2人。"): written again after the items
SECTION_TWO_CLOSING_KEY = "二、结语"
#: ``info.extra`` key of paragraphs section 二 prints between its problems, each on a line of its own
#: after the problem it follows ("第2个问题后：针对上述问题，对相关责任人员给予诫勉谈话2人。" — a 问责
#: paragraph closing one aspect before the next aspect's heading): written again in the same place
INTERLUDE_KEY = "问题间段落"
#: how a line of :data:`INTERLUDE_KEY` names its place: after the n-th problem of section 二
INTERLUDE_PLACE = "第{n}个问题后："
#: ``info.extra`` key of how a notice not told in parts 一、二、三 numbers its aspects when they are its
#: top level ("一、党的领导弱化方面" over "（一）…的问题"): written again, they are numbered so
ASPECT_MARK_KEY = "方面编号"
#: ``info.extra`` key of how a notice numbers the measures of a problem when not 一是、二是 ("（1）": a
#: company's "整改情况：（1）…（2）…"): written again, its measures are numbered so
MEASURE_MARK_KEY = "措施编号"
#: ``info.extra`` key saying the notice heads each problem with its title alone on a line, with no full
#: stop ("是": "（一）关于法治宣传教育针对性不强的问题"), and answers it in paragraphs below: written again,
#: so — a measure a paragraph when they have no numbers
TITLE_ALONE_KEY = "问题标题单列"
#: ``info.extra`` key of the problems (their places in section 二, "1、3") under such a title whose
#: several measures are paragraphs with no numbers: written again, a paragraph each, not "一是…二是…"
PARAGRAPH_MEASURES_KEY = "措施各占一段的问题"
#: ``info.extra`` key of the label a notice puts on a line of its own before each problem's measures
#: ("整改措施：" under "1.…的问题。", then "1.…2.…"): written again, each problem's measures open a
#: paragraph with it
MEASURE_LABEL_KEY = "措施标签"
#: ``info.extra`` key saying the notice states each problem's status once, after its measures ("是":
#: "整改措施：一是…；二是…。整改进展：已完成。"): written again, so — not after every measure
STATUS_ONCE_KEY = "问题状态写在措施之后"
#: ``info.extra`` key of how a notice states each measure's status when in a bracket after it, as its
#: first such measure wrote it ("。（已完成）": "1.建立健全学习制度。（已完成）"; "（已完成）。", "【已完成】"):
#: written again, each stated status is bracketed so — not rewritten "…，已完成。"
STATUS_FORM_KEY = "措施状态写法"
#: ``info.extra`` key of the sentences a notice closes problems' measures with, saying them all done at
#: once ("上述措施均已完成。", "截至2025年10月底，上述措施均已完成。"), one line a problem named by its
#: place in section 二 (:data:`ALL_DONE_PLACE`): written again after that problem's measures — which then
#: say no status each — while every one of them is done
ALL_DONE_KEY = "措施完成总述"
#: how a line of :data:`ALL_DONE_KEY` names its problem: the n-th of section 二
ALL_DONE_PLACE = "第{n}个问题："
#: ``info.extra`` key of a notice's own closing — who to tell and how, as it wrote it ("公示期：…。
#: 如有异议，请向镇纪委反映。联系电话：…") — kept when it is not rectxl's (the standard invitation
#: and all four contact details): written again, the notice closes as it did
CLOSING_KEY = "通报结尾"
#: ``info.extra`` key of a notice's own invitation to supervise when it is not rectxl's words
#: ("欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。"): written again, the notice invites so
INVITATION_KEY = "监督语"


# Plain slotted records, not pydantic models: ``rectxl notice`` imports this module (through
# rectxl.core.notice) and would otherwise import pydantic for these two alone, at several times
# the cost of reading a small ledger.

@dataclass(slots=True)
class StatedTotals:
    """Counts stated in the notice's prose; ``None`` when the notice does not state it."""

    aspects: int | None = None  # 方面数
    issues: int | None = None  # 问题数
    measures: int | None = None  # 整改措施数
    #: the first "已完成…" count stated (已完成数), and what it counts (问题 or 措施)
    done: int | None = None
    done_unit: Literal["问题", "措施"] | None = None
    done_issues: int | None = None  # 已完成整改的问题数
    done_measures: int | None = None  # 已完成的整改措施数
    rate: float | None = None  # 完成率 (percent, 76 for 76%)
    #: what the first rate is a rate of, when the notice says ("问题整改完成率", a sentence counting
    #: only problems), else ``None``
    rate_unit: Literal["问题", "措施"] | None = None
    #: a second rate, of the measures, after one of the problems ("…整改完成率87.50%；16项整改措施
    #: 已完成15项，措施完成率93.75%")
    measure_rate: float | None = None
    #: what is said left after the done count, in the same sentence ("已完成45项，剩余29项正在推进"),
    #: and what it counts
    left: int | None = None
    left_unit: Literal["问题", "措施"] | None = None
    #: the problems or measures said to be kept up for the long term ("长期坚持二项", "需长期坚持的问题
    #: 六个"), and what it counts
    long_term: int | None = None
    long_term_unit: Literal["问题", "措施"] | None = None
    #: the other counts of a state or kind a notice states beside the done count, and what each
    #: counts (:data:`KIND_COUNTS`): still going on ("正在整改6个"), put off ("申请延期整改问题2个"),
    #: put right at once ("立行立改问题15个"), a stage reached ("已完成阶段性目标3个")
    going: int | None = None
    going_unit: Literal["问题", "措施"] | None = None
    extended: int | None = None
    extended_unit: Literal["问题", "措施"] | None = None
    at_once: int | None = None
    at_once_unit: Literal["问题", "措施"] | None = None
    staged: int | None = None
    staged_unit: Literal["问题", "措施"] | None = None
    #: written off ("已整改销号8个", "其中经验收销号的问题5个")
    closed: int | None = None
    closed_unit: Literal["问题", "措施"] | None = None
    #: item → the words it was read from, e.g. {"measures": "148项整改措施"}
    evidence: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return all(v is None for v in (self.aspects, self.issues, self.measures, self.done,
                                       self.rate))


@dataclass(slots=True)
class TotalCheck:
    """One stated total compared with the parsed notice (or with the other stated totals)."""

    item: Literal["aspects", "issues", "measures", "done", "left", "rate", "long_term", "going", "extended",
                  "at_once", "staged", "closed"]
    label: str
    stated: float
    parsed: float | None = None
    #: True = consistent, False = mismatch, None = not decidable (e.g. inferred statuses)
    ok: bool | None = None
    message: str = ""

    def __post_init__(self) -> None:
        # counts are compared as numbers of either kind; kept as floats, as the model did
        self.stated = float(self.stated)
        if self.parsed is not None:
            self.parsed = float(self.parsed)


# A count must not start in the middle of a number or after 第 (第一方面 is a label, not a total).
_NB = r"(?<![第另\d零一二三四五六七八九十百两〇.])"
_NUM = rf"[“\"「『‘]?(\d{{1,6}}|{CN_NUM})[”\"」』’]?"
_ASPECTS = [
    re.compile(rf"{_NB}{_NUM}\s*(大|个)?方面"),
    # "反馈的三大类13个问题": the aspects, as some offices call them (a bare "两类问题" is loose talk)
    re.compile(rf"{_NB}{_NUM}\s*(大)类(?=\s*(?:\d|{CN_NUM}|问题|共|,|、))"),
    # "共反馈问题3类9个": a count of kinds with the problems counted right after it
    re.compile(rf"{_NB}{_NUM}\s*()类(?=\s*(?:\d{{1,4}}|{CN_NUM})\s*(?:个|项|条))"),
]
#: a count of issues named before it that counts the aspects ("问题共3个方面…")
_NOT_ASPECTS = r"(?!\s*(?:(?:大|个)?方面|大类))"
_ISSUES = [
    re.compile(rf"{_NB}{_NUM}\s*(?:个|项|条|件)(?:具体|反馈|共性|突出|主要|重点)?问题(?!线索)"),
    # "反馈问题共10个" — not "反馈问题共3个方面10个问题", which counts the aspects first
    re.compile(rf"(?:反馈|发现|指出|交办)(?:的)?问题(?:共|总计|合计|共计)?{_NUM}\s*(?:个|项|条|件){_NOT_ASPECTS}"),
    # "认领巡察反馈问题3个方面7个", "共反馈问题2大类4个": the issues counted after the aspects
    re.compile(rf"(?:反馈|发现|指出|交办)(?:的)?问题(?:共|总计|合计|共计)?(?:\d{{1,3}}|{CN_NUM})\s*(?:(?:大|个)?方面|大?类)"
               rf"(?:共|计)?{_NUM}\s*(?:个|项|条|件)(?!\s*方面)"),
    # "反馈3方面问题共计6个", "两大类问题共9个": the aspects first, then the issues of them all
    re.compile(rf"{_NB}(?:\d{{1,3}}|{CN_NUM})\s*(?:(?:大|个)?方面|大类)(?:的)?问题(?:共|总计|合计|共计|计)\s*{_NUM}\s*"
               rf"(?:个|项|条|件)(?!\s*方面)"),
    # "反馈意见涉及问题清单11项": the list's items are the problems
    re.compile(rf"问题清单(?:共|计|共计|合计)?{_NUM}\s*(?:个|项|条|件)"),
    # "共梳理问题8个", "共认领问题8个": the whole, counted after its noun
    re.compile(rf"(?:共|总计|合计|共计)\s*(?:梳理|认领|查摆|交办)出?(?:的)?(?:具体)?问题{_NUM}\s*(?:个|项|条|件)"
               rf"{_NOT_ASPECTS}"),
]
_MEASURES = [
    re.compile(rf"{_NB}{_NUM}\s*(?:项|条|个)(?:具体)?(?:整改)?措施"),
    re.compile(rf"(?:整改)?措施(?:共|总计|合计|共计)?{_NUM}\s*(?:项|条|个)"),
]
#: other words for the measures, used only when no 措施 count is stated anywhere
_TASKS = [
    re.compile(rf"{_NB}{_NUM}\s*(?:项|条|个)(?:具体)?(?:整改)?(?:任务|举措|事项)"),
    re.compile(rf"整改(?:任务|举措|事项)(?:共|总计|合计|共计)?{_NUM}\s*(?:项|条|个)"),
]
_DONE_WORDS = (r"(?:(?:已完成整改|已整改|整改)并?销号|已完成整改|已整改完成|已整改到位|已全部完成|已完成|已整改"
               r"|完成整改|整改完成|已办结|已销号|整改到位|基本完成整改"
               # measures carried out ("8项整改措施已落实6项", DESIGN §2: 已落实 is done)
               r"|已落实)")
_NOUN = r"(?:整改)?(?:问题|措施|任务|举措|事项)"
_DONE = [
    re.compile(rf"{_DONE_WORDS}(?:的)?({_NOUN})?(?:共|计)?{_NUM}\s*(个|项|条|件)({_NOUN})?"),
    re.compile(rf"{_NB}{_NUM}\s*(个|项|条|件)({_NOUN})?(?:已经|均已|已全部|全部|已)"
               r"(?:完成整改|整改完成|整改到位|完成(?!整改)|办结|销号)"
               r"(?!\s*[\d“\"「零一二三四五六七八九十百两〇])"),
]
_RATE = [
    re.compile(r"(?:整改)?(?:完成率|整改率|办结率|销号率)(?:已经|已)?(?:达到了|达到|达|为|是)?\s*"
               r"(\d{1,3}(?:\.\d{1,2})?)\s*%"),
    re.compile(r"(?:整改)?(?:完成率|整改率|办结率|销号率)(?:已经|已)?(?:达到了|达到|达|为|是)?"
               r"百分之([零一二三四五六七八九十百两〇]+)"),
]

#: 各 sharing a count out ("各3个", "各有2个", "…，各" before "完成整改3个"), not the 各 of a
#: subject ("各被巡察党组织已完成整改问题52个", "各单位共认领…"): the count is then the whole
_EACH = r"各(?=\s*(?:$|\d|[一二三四五六七八九十两]|有|自))"
#: words right before a count that make it a share, a remainder or another round's number
_NOT_TOTAL = re.compile(
    rf"分别|{_EACH}|每|其余|剩余|余下|另有|尚有|还有|仅剩|领办|牵头|包联|包案|"
    r"正在|尚未|未完成|推进中|上轮|上一轮|上次|以往|历次|审计|督查发现|自查发现|立行立改|立改"
)
#: words right after a count that make it a part in a given state, not the whole: "2个问题正在持续
#:推进", "3项措施尚未完成", "5个问题已完成整改" (the whole is "6个问题已全部完成整改")
_PART_AFTER = re.compile(
    r"(?:正在|仍在|还在|尚未|尚需|未完成|未整改|需长期|需持续|持续推进|推进中|基本完成|阶段性|长期坚持"
    r"|已(?!全部|经全部)(?:完成|整改|办结|销号))"
)
#: 认领 before a count is one person's share ("班子成员认领3个问题") unless the whole is
#: claimed ("共认领巡察反馈问题五个", "全面认领反馈的问题12个") or the party organisation itself
#: claims them ("局党组认领反馈问题2个方面5个问题"; not "党组书记认领3个问题")
_CLAIMED = re.compile(r"认领")
#: before a count whose state follows: the count is still the round's whole ("巡察反馈的6个问题已完成
#: 整改5个", "所有8个问题已全部完成整改")
_WHOLE_BEFORE = LazyPattern(r"反馈|交办|指出|全部|所有")
_WHOLE_CLAIM = LazyPattern(r"(?:共|全面|全部|一并|全盘|照单全收|逐条|逐一|总计|合计|共计"
                          r"|党组|党委|党工委|党总支|党支部|领导班子)\s*(?:主动)?认领")
#: right before an issue/measure count: it is a done count, not the total
_DONE_BEFORE = re.compile(r"完成|到位|办结|销号|整改了?$")
_SENTENCE = re.compile(r"[。;!?\n]")
_CLAUSE_START = re.compile(r"[,:]")
#: a sentence about the round mentions one of these (its measures too: "15项措施已完成14项，完成率93.3%"
#: after a semicolon)
_ROUND_WORDS = re.compile(r"反馈|巡察|巡视|问题|整改|措施|完成率")
#: a sentence that goes on counting what the sentence before counted, without naming the round:
#: "…制定整改措施7项。目前已完成5项，正在推进2项。"
_GOES_ON = re.compile(r"\s*(?:目前|当前|现已|至今|其中|截至目前|截止目前|截至[^,，。]{2,14}?[,，]?\s*)")


def _clauses(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _prefix(sentence: str, start: int) -> str:
    """The words of the clause before ``start`` (back to the last comma or colon)."""
    head = sentence[:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    return head[cut:]


def _count(m: re.Match[str]) -> int | None:
    raw = m.group(1)
    if raw == "一":  # "解决一个问题、完善一套制度": a slogan, never a round's total
        return None
    value = to_int(raw)
    return value if value else None


def _find(patterns: list[re.Pattern[str]], sentence: str) -> tuple[int, int, re.Match[str]] | None:
    """(position, value, match) of the first acceptable count in ``sentence``."""
    best: tuple[int, int, re.Match[str]] | None = None
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            value = _count(m)
            if value is None:
                continue
            prefix = _prefix(sentence, m.start())
            if _NOT_TOTAL.search(prefix[-8:]):
                continue
            if _CLAIMED.search(prefix[-8:]) and not _WHOLE_CLAIM.search(prefix):
                continue
            if _DONE_BEFORE.search(prefix[-4:]):
                continue
            if _is_part(sentence, m.end()) and not _WHOLE_BEFORE.search(prefix):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), value, m)
            break
    return best


_CLAUSE_END = LazyPattern(r"[,;:]")
_A_COUNT = re.compile(rf"{_NUM}\s*(?:个|项|条|件)")


def _is_part(sentence: str, end: int) -> bool:
    """Whether the count ending at ``end`` is a part in a given state ("2个问题正在推进"), not
    the whole that its clause goes on to divide ("25项整改措施已完成15项")."""
    if not _PART_AFTER.match(sentence, end):
        return False
    rest = sentence[end:]
    rest = rest[:m.start()] if (m := _CLAUSE_END.search(rest)) else rest
    return _A_COUNT.search(rest) is None


#: the last thing a clause names before a done count: "13条问题中已整改到位11条" counts 问题
_CLAUSE_NOUN = LazyPattern(r"问题|措施|任务|举措|事项")


#: a count of a thing named, either way round: "4个问题", "整改措施12项"
_COUNTED = LazyPattern(rf"{_NUM}\s*(个|项|条|件)(?:具体|反馈|整改)?({_NOUN})|({_NOUN})(?:共|计|共计|合计)?{_NUM}\s*"
                      r"(个|项|条|件)")


def _done_unit(m: re.Match[str], index: int, clause: str, problems_by: str | None = None,
               before: str = "") -> Literal["问题", "措施"]:
    """What a done count counts: the noun it names ("已完成整改问题6个"), else the last one its
    clause names before it ("13条问题中已整改到位11条", "40项整改措施已完成35项"), else what the
    clause before it (``before``) counts — the whole it is a part of ("巡察反馈的4个问题中，3项已
    整改到位", "…4个问题，其中3项…": 问题 counted by 项); the last thing counted there by the same
    word when there are several ("4个问题制定措施8项，已完成整改3个": 问题) — else its counter (个/件 count
    issues, 项/条 measures — or issues, when the notice counted its problems by that word
    ``problems_by`` and stated no measures: "问题清单11项…已销号9项"). A noun the clause before
    names without counting it is not looked at: "…6个问题已全部制定整改措施，已完成整改5个" counts
    问题."""
    groups = m.groups()  # 0: (noun) count counter (noun) — 1: count counter (noun)
    nouns = [g for g in ((groups[0], groups[3]) if index == 0 else (groups[2],)) if g]
    counter = groups[2] if index == 0 else groups[1]
    for noun in nouns:
        return "问题" if "问题" in noun else "措施"
    named = _CLAUSE_NOUN.findall(clause)
    if named:
        return "问题" if named[-1] == "问题" else "措施"
    counted = [(c.group(2) or c.group(6), c.group(3) or c.group(4)) for c in _COUNTED.finditer(before)]
    if counted:
        noun = next((n for by, n in reversed(counted) if by == counter), counted[-1][1])
        return "问题" if "问题" in noun else "措施"
    return "问题" if counter in ("个", "件") or counter == problems_by else "措施"


def _clause_before(sentence: str, start: int) -> str:
    """The clause before the one ``start`` is in (between the commas or colons before it)."""
    cuts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, start)]
    if not cuts:
        return ""
    return sentence[cuts[-2] if len(cuts) > 1 else 0:cuts[-1]]


#: the problems counted by kind, the round's being their sum: "共性问题二十三个、个性问题十二个",
#: "3个共性问题和5个个性问题"
_KIND = r"(?:共性|个性|普遍性|个别)"
_KINDS = [
    re.compile(rf"{_KIND}问题(?:共|计)?{_NUM}\s*(?:个|项|条)\s*[、,和及与]\s*(?:以及)?{_KIND}问题(?:共|计)?{_NUM}\s*(?:个|项|条)"),
    re.compile(rf"{_NB}{_NUM}\s*(?:个|项|条){_KIND}问题\s*[、,和及与]\s*{_NUM}\s*(?:个|项|条){_KIND}问题"),
]


def _kinds_sum(sentence: str) -> tuple[int, str] | None:
    """The round's problems stated as two kinds' counts ("共性问题二十三个、个性问题十二个" → 35), and
    the words; ``None`` when the sentence does not count them so."""
    for pattern in _KINDS:
        if (m := pattern.search(sentence)) is not None and not _NOT_TOTAL.search(_prefix(sentence, m.start())[-8:]):
            a, b = to_int(m.group(1)), to_int(m.group(2))
            if a and b:
                return a + b, m.group(0)
    return None


def extract_stated_totals(texts: Iterable[str]) -> StatedTotals:
    """Find stated totals in the notice's prose (preamble, 一、, 三、…), first mention wins.

    Chinese numerals are understood ("三大方面", "三十三个问题"); ASCII or full-width
    digits and "%"/"%" both work; traditional characters are read as simplified.
    """
    totals = StatedTotals()
    tasks: tuple[int, str] | None = None
    for raw in texts:
        if not raw:
            continue
        counted = False  # the sentence before stated a count of the round
        # a kind of problem said done as a whole ("立行立改问题9个已全部整改到位"): the rest's done
        # count after it ("其余25个问题已完成整改22个") is added to it
        kind_done: tuple[int, str] | None = None
        for sentence in _clauses(detect(raw)):
            if not _ROUND_WORDS.search(sentence) and not (counted and _GOES_ON.match(sentence)):
                counted = False
                continue
            counted = _A_COUNT.search(sentence) is not None
            # "一方面…另一方面" is a figure of speech: one aspect needs 个/大 ("1个方面")
            if totals.aspects is None and (hit := _find(_ASPECTS, sentence)) \
                    and (hit[2].group(2) or hit[1] > 1):
                totals.aspects, totals.evidence["aspects"] = hit[1], hit[2].group(0)
            if totals.issues is None and (kinds := _kinds_sum(sentence)) is not None:
                totals.issues, totals.evidence["issues"] = kinds
            if totals.issues is None and (hit := _find(_ISSUES, sentence)):
                totals.issues, totals.evidence["issues"] = hit[1], hit[2].group(0)
            if totals.measures is None and (hit := _find(_MEASURES, sentence)):
                totals.measures, totals.evidence["measures"] = hit[1], hit[2].group(0)
            if tasks is None and (hit := _find(_TASKS, sentence)):
                tasks = hit[1], hit[2].group(0)
            if (kind := _KIND_ALL_DONE.search(sentence)) is not None and (n := _count(kind)) is not None:
                kind_done = n, kind.group(0)
            _read_done(totals, sentence, kind_done)
            if totals.left is None:
                _read_left(totals, sentence)
            if totals.long_term is None:
                _read_long_term(totals, sentence)
            _read_kinds(totals, sentence)
            if totals.rate is None or (totals.measure_rate is None and totals.rate_unit != "措施"):
                _read_rate(totals, sentence)
    if totals.measures is None and tasks is not None:
        totals.measures, totals.evidence["measures"] = tasks
    return totals


#: the row of a summary table that adds up the rows above it
_TOTAL_ROW = LazyPattern(r"^\s*(?:合\s*计|总\s*计|共\s*计|总\s*数|全\s*部)\s*$")
_TABLE_NUMBER = LazyPattern(r"^\s*(\d{1,6}(?:\.\d{1,2})?)\s*(%?)\s*$")


def _column(header: str) -> str | None:
    """What a summary table's column counts: "rate", "done", "issues", "measures", else None."""
    if re.search(r"率|占比|比例", header):
        return "rate"
    if re.search(r"推进|未完成|未整改|长期|持续|未启动|尚未|剩余", header):
        return None
    if re.search(r"已完成|完成数|已整改|整改完成|已办结|已销号|销号数|办结数", header):
        return "done"
    if re.search(r"措施|任务|举措", header):
        return "measures"
    if re.search(r"问题", header):
        return "issues"
    return None


def table_totals(totals: StatedTotals, rows: list[list[str]]) -> StatedTotals:
    """Totals from a summary table's 合计 row, under its header row ("方面 | 问题数 | 已完成 |
    正在推进 | 完成率"), for the counts the prose does not state (the prose wins); the rows
    between header and 合计 count the aspects when the first column names them. ``totals`` is
    filled in place and returned."""
    if len(rows) < 2:
        return totals
    header = [detect(c) for c in rows[0]]
    total = next((r for r in rows[1:] if r and _TOTAL_ROW.match(detect(r[0]))), None)
    if total is None:
        return totals
    kinds = [_column(h) for h in header]
    for kind, head, cell in zip(kinds, header, total, strict=False):
        m = _TABLE_NUMBER.match(detect(cell))
        if kind is None or m is None:
            continue
        value = float(m.group(1))
        evidence = f"统计表合计行“{cell.strip()}”"
        if kind == "rate" and totals.rate is None and 0 <= value <= 100:
            totals.rate, totals.evidence["rate"] = value, evidence
        elif kind == "issues" and totals.issues is None:
            totals.issues, totals.evidence["issues"] = int(value), evidence
        elif kind == "measures" and totals.measures is None:
            totals.measures, totals.evidence["measures"] = int(value), evidence
        elif kind == "done" and totals.done is None:
            done = int(value)
            # what the done column counts: its own words, else the table's count column
            counted: Literal["问题", "措施"] = (
                "措施" if re.search(r"措施|任务|举措", head)
                else "问题" if "问题" in head or "measures" not in kinds else "措施")
            totals.done, totals.done_unit, totals.evidence["done"] = done, counted, evidence
            if counted == "问题":
                totals.done_issues = done
            else:
                totals.done_measures = done
    if header and "方面" in header[0] and totals.aspects is None:
        body = [r for r in rows[1:] if r is not total and r and r[0].strip()]
        if body:
            totals.aspects, totals.evidence["aspects"] = len(body), "统计表所列方面"
    return totals


def total_row_totals(totals: StatedTotals, cells: list[str],
                     header: list[str] | None = None) -> StatedTotals:
    """Totals from the 合计 row of a notice's item table ("合计 | 4个问题9项措施 | … | 已完成6项"),
    for the counts the prose does not state (the prose wins): a cell that names its count
    ("4个问题", "已完成6项") is read as a sentence is, a bare number by its column's header
    ("问题数", "已完成"). ``totals`` is filled in place and returned."""
    before = set(totals.evidence)
    for k, cell in enumerate(cells):
        text = detect(cell).strip()
        if not text:
            continue
        m = _TABLE_NUMBER.match(text)
        if m is not None:
            if header is not None and k < len(header):
                table_totals(totals, [[header[0] if header else "", header[k]],
                                      ["合计", cell]])
            continue
        if totals.aspects is None and (hit := _find(_ASPECTS, text)) and hit[1] > 1:
            totals.aspects, totals.evidence["aspects"] = hit[1], hit[2].group(0)
        if totals.issues is None and (hit := _find(_ISSUES, text)):
            totals.issues, totals.evidence["issues"] = hit[1], hit[2].group(0)
        if totals.measures is None and (hit := _find(_MEASURES, text) or _find(_TASKS, text)):
            totals.measures, totals.evidence["measures"] = hit[1], hit[2].group(0)
        _read_done(totals, text)
        if totals.rate is None:
            _read_rate(totals, text)
    for item in set(totals.evidence) - before:
        if not totals.evidence[item].startswith("统计表"):
            totals.evidence[item] = f"表格合计行“{totals.evidence[item]}”"
    return totals


#: a done count of one batch of a notice published in batches ("第一批公布已完成整改问题7个", "本次新
#: 完成整改问题3个"): a part of what is done, not all of it
_BATCH = re.compile(r"第[一二三四五六七八九十\d]+批|本批|本次|此次|这次|新(?:完成|整改)|新增")
#: what is done in all ("累计完成10个", "共计完成整改问题9个"): it stands for the batches' counts
_CUMULATIVE = LazyPattern(rf"(?:累计|共计|合计|总计)(?:已)?(?:完成整改|整改完成|完成|办结|销号|整改到位)"
                         rf"(?:的)?({_NOUN})?{_NUM}\s*(个|项|条|件)({_NOUN})?")


#: a second count named after a done count, the same verb done for it: "已完成整改2个问题、5项措施"
_ALSO_DONE = LazyPattern(rf"\s*[、和及]\s*{_NUM}\s*(个|项|条|件)({_NOUN})")


#: a kind of problem all done, as a share of the round's: "立行立改问题9个已全部整改到位", "其中，即知即改
#: 问题5个，均已完成整改"
_KIND_ALL_DONE = re.compile(
    rf"(?:立行立改|即知即改|立知立改|马上就改)(?:的)?(?:问题|事项)?(?:共|有)?{_NUM}\s*(?:个|项|条|件)(?:问题|事项)?"
    r",?\s*(?:均已|已全部|全部|均|已)(?:全部)?(?:完成整改|整改完成|整改到位|完成|办结|销号)")
#: the rest of the round's problems, after a kind of them: "其余25个问题"
_REST_OF = LazyPattern(rf"(?:其余|剩余|余下)(?:的)?{_NUM}\s*(?:个|项|条|件)")


def _read_done(totals: StatedTotals, sentence: str, kind_done: tuple[int, str] | None = None) -> None:
    found: list[tuple[int, int, str, Literal["问题", "措施"]]] = []
    in_batch: list[tuple[int, int, str, Literal["问题", "措施"]]] = []
    batches = _BATCH.search(sentence) is not None
    problems_by = _problems_by(totals)
    for index, pattern in enumerate(_DONE):
        for m in pattern.finditer(sentence):
            value = _count_done(m, index)
            if value is None:
                continue
            prefix = _prefix(sentence, m.start())
            if re.search(rf"分别|{_EACH}|每|上轮|上一轮|以往|历次|审计", prefix[-8:]) or _KIND_OF.search(prefix[-10:]):
                continue
            one_batch = batches and _BATCH.search(prefix[-10:] + m.group(0)[:3]) is not None
            (in_batch if one_batch else found).append(
                (m.start(), value, m.group(0),
                 _done_unit(m, index, prefix, problems_by, _clause_before(sentence, m.start()))))
            if index == 0 and (also := _ALSO_DONE.match(sentence, m.end())) is not None \
                    and (more := _count(also)) is not None:
                # "已完成整改2个问题、5项措施": the verb done for both counts
                noun: Literal["问题", "措施"] = "问题" if "问题" in also.group(3) else "措施"
                (in_batch if one_batch else found).append((also.start(), more, also.group(0).lstrip("、和及 "), noun))
    if batches:
        for m in _CUMULATIVE.finditer(sentence):
            value = _count_done(m, 0)
            if value is not None:  # the batches' sum: before any count of one batch
                found.append((-1, value, m.group(0), _done_unit(m, 0, _prefix(sentence, m.start()))))
    if not found:
        found = in_batch  # a batch's count alone: what the notice says is done
    for at, value, words, unit in sorted(found):
        if kind_done is not None and at >= 0 and (rest := _REST_OF.search(
                _clause_before(sentence, at) + "," + _prefix(sentence, at))) is not None \
                and (whole := _count(rest)) is not None \
                and (totals.issues is None or kind_done[0] + whole == totals.issues):
            # "立行立改问题9个已全部整改到位；其余25个问题已完成整改22个": 9 + 22 done
            value, words = kind_done[0] + value, f"{kind_done[1]}，{words}"
        if unit == "问题" and totals.done_issues is None:
            totals.done_issues = value
            totals.evidence["done_issues"] = words
        elif unit == "措施" and totals.done_measures is None:
            totals.done_measures = value
            totals.evidence["done_measures"] = words
        else:
            continue
        if totals.done is None:
            totals.done, totals.done_unit, totals.evidence["done"] = value, unit, words


#: a kind of problem named before a done count: a part of the round's, not its done count ("其中，立行立改
#: 问题十五个已全部完成整改", "共性问题8个已整改到位")
_KIND_OF = LazyPattern(r"立行立改|即知即改|立知立改|马上就改|长期坚持|需长期|共性|个性")


#: what is left after a done count, in a state still to reach ("剩余29项正在有序推进", "其余3个问题正在
#:整改", "尚有2项未完成"): the rest of the whole the sentence divides
_LEFT = re.compile(rf"(?:剩余|其余|余下|尚有|还有|另有)(?:的)?{_NUM}\s*(个|项|条|件)({_NOUN})?\s*"
                   r"(?:均|都|仍|也)?(?:正在|仍在|尚未|未完成|未整改|持续|需|推进中|按计划|按期|有序|稳步|加快|在|待)")


#: a count of what is kept up for the long term: "长期坚持二项", "需长期坚持的问题六个", "2项措施需长期坚持"
_LONG_TERM_COUNT = [
    re.compile(rf"(?:需要?|须)?长期坚持(?:的)?({_NOUN})?(?:共|计)?{_NUM}\s*(个|项|条|件)"),
    re.compile(rf"{_NB}{_NUM}\s*(个|项|条|件)({_NOUN})?\s*(?:均|都|仍)?(?:需要?|须|属于?|为)长期坚持"),
]


def _read_long_term(totals: StatedTotals, sentence: str) -> None:
    """The count said kept up for the long term, and what it counts (the noun it names, else its
    counter: 个 problems, 项/条 measures)."""
    for index, pattern in enumerate(_LONG_TERM_COUNT):
        if (m := pattern.search(sentence)) is None:
            continue
        noun, count, counter = (m.group(1), m.group(2), m.group(3)) if index == 0 else \
            (m.group(3), m.group(1), m.group(2))
        value = to_int(count)
        if not value:
            continue
        if noun:
            unit: Literal["问题", "措施"] = "问题" if "问题" in noun else "措施"
        else:
            unit = "问题" if counter in ("个", "件") else "措施"
        totals.long_term, totals.long_term_unit = value, unit
        totals.evidence["long_term"] = m.group(0)
        return


#: how the work still going on is said: "正在整改", "正在有序推进", "仍在办理", "整改中"
_GOING_WORDS = (r"(?:正在|仍在|尚在)(?:加紧|加快|积极|有序|稳步|持续|按计划|按时序|按序时|按期)?(?:整改|推进|办理|落实)"
                r"(?:中)?|(?:整改|推进|办理)中")
#: an extension asked for or granted: "申请延期整改", "经批准延期", "延长整改时限"
_EXTENDED_WORDS = (r"(?:已|均已)?(?:申请|经批准|经同意|获批|报批|批准)?"
                   r"(?:延期|延长整改时限|延长时限|顺延|延后)(?:整改|完成)?")
_AT_ONCE_WORDS = r"立行立改|即知即改|立知立改|立查立改|即查即改|马上就改|立即整改"
#: written off after the work was checked: "已整改销号", "经验收销号", "已销号"
_CLOSED_WORDS = r"(?:已|均已|已经)?(?:整改|完成整改|整改完成)?(?:并|且)?(?:经)?(?:验收)?(?:合格)?(?:并|后)?销号"
#: a stage reached, not the whole: "已完成阶段性目标", "取得阶段性成效", "阶段性完成"
_STAGED_WORDS = (r"(?:已|均已)?(?:完成|达到|实现|取得)了?阶段性(?:整改)?(?:目标|成效|成果|进展|任务)"
                 r"|阶段性(?:完成|办结|达标)")


#: words before a count that make it a share or another round's: "分别", "各", "上轮"
_NOT_OURS = LazyPattern(rf"分别|{_EACH}|每|上轮|上一轮|以往|历次|审计")


def _kind_patterns(words: str, between: str) -> list[re.Pattern[str]]:
    """A count said in a state or of a kind, either way round: the words, then the count
    ("正在整改的问题6个", "申请延期整改问题2个"), or the count, then the words ("6个问题正在推进",
    "2项措施已申请延期") — ``between`` what may stand between the count and the words then."""
    return [
        # (what follows the count is its noun, or no other word: "延期整改1个月", "正在推进3项重点
        # 工程" count no problems)
        re.compile(rf"(?:{words})(?:类|的)?({_NOUN})?(?:共|有|计|共有)?{_NUM}\s*(个|项|条|件)(?:具体)?({_NOUN})?"
                   rf"(?!\s*(?!{_LEADS_ON})[\u4e00-\u9fff])"),
        re.compile(rf"{_NB}{_NUM}\s*(个|项|条|件)({_NOUN})?\s*(?:{between})?(?:{words})"),
    ]


#: words that may follow a count of :func:`_kind_patterns` before the sentence goes on
_LEADS_ON = r"均|已|正在|仍|目前|其中|中|的|还|也|需|待|尚|都|经|于|因|全部|正|将|要|分别|和|及|与|或"


#: the counts read beside the done count: the :class:`StatedTotals` field → (what a message calls
#: it, the patterns that read it)
KindKey = Literal["going", "extended", "at_once", "staged", "closed"]
KIND_COUNTS: dict[KindKey, tuple[str, list[re.Pattern[str]]]] = {
    "going": ("正在整改", _kind_patterns(_GOING_WORDS, r"均|仍|都|也|目前|还")),
    "extended": ("申请延期", _kind_patterns(_EXTENDED_WORDS, r"均|已|因[^,;。]{1,12}?")),
    "at_once": ("立行立改", _kind_patterns(_AT_ONCE_WORDS, r"属于?|为|系|已|均已|均|实行|进行|予以")),
    "staged": ("已完成阶段性目标", _kind_patterns(_STAGED_WORDS, r"均|已|目前")),
    "closed": ("已销号", _kind_patterns(_CLOSED_WORDS, r"均|已|目前")),
}


def _read_kinds(totals: StatedTotals, sentence: str) -> None:
    """The counts of :data:`KIND_COUNTS` the sentence states, first mention wins; each counts what
    its noun names, else its counter (个/件 problems, 项/条 measures) — unless the notice counted its
    problems by that counter and counted its measures by none or another."""
    problems_by = _problems_by(totals)
    for key, (_, patterns) in KIND_COUNTS.items():
        if getattr(totals, key) is not None:
            continue
        for index, pattern in enumerate(patterns):
            m = next((m for m in pattern.finditer(sentence)
                      if not _NOT_OURS.search(_prefix(sentence, m.start())[-8:])), None)
            if m is None:
                continue
            count, counter, noun = (m.group(2), m.group(3), m.group(1) or m.group(4)) if index == 0 else \
                (m.group(1), m.group(2), m.group(3))
            value = to_int(count)
            if not value:
                continue
            if noun:
                unit: Literal["问题", "措施"] = "问题" if "问题" in noun else "措施"
            else:
                unit = "问题" if counter in ("个", "件") or counter == problems_by else "措施"
            setattr(totals, key, value)
            setattr(totals, f"{key}_unit", unit)
            totals.evidence[key] = m.group(0)
            break


def _problems_by(totals: StatedTotals) -> str | None:
    """The word the notice counted its problems by ("问题清单15项": 项), when its measures are not
    counted by it (none stated, or by another: "整改措施52条") — a count by that word alone ("已完成
    整改13项", "正在整改2项") then counts problems."""
    said = totals.evidence.get("issues", "")
    if totals.issues is None or not said:
        return None
    measures_by = totals.evidence.get("measures", "")[-1:] if totals.measures is not None else ""
    return said[-1:] if measures_by != said[-1:] else None


def _read_left(totals: StatedTotals, sentence: str) -> None:
    """The count said left after the sentence's done count ("已完成整改任务45项，剩余29项正在有序
    推进"): what it counts is its noun, else the done count's before it."""
    units: tuple[tuple[str, Literal["问题", "措施"]], ...] = (("done_issues", "问题"), ("done_measures", "措施"))
    done = [(sentence.find(words), unit) for key, unit in units if (words := totals.evidence.get(key, ""))]
    for m in _LEFT.finditer(sentence):
        before = [(at, unit) for at, unit in done if 0 <= at < m.start()]
        value = _count_done(m, 1) if m.group(1) != "一" else 1
        if not before or value is None:
            continue
        noun = m.group(3)
        unit: Literal["问题", "措施"] = ("问题" if "问题" in noun else "措施") if noun else max(before)[1]
        totals.left, totals.left_unit, totals.evidence["left"] = value, unit, m.group(0)
        return


def _count_done(m: re.Match[str], index: int) -> int | None:
    raw = m.group(2) if index == 0 else m.group(1)
    if raw == "一":
        return None
    value = to_int(raw)
    return value if value else None


#: a rate named for what it counts: "措施完成率", "整改任务完成率", "问题整改率", "问题销号率"
_RATE_OF = LazyPattern(r"(?P<noun>问题|措施|任务|举措|事项)(?:的)?(?:整改)?(?:完成率|整改率|办结率|销号率)")


def _rate_unit(sentence: str, at: int) -> Literal["问题", "措施"] | None:
    """What the rate at ``at`` is a rate of: the noun it is named with ("措施完成率"), else the one
    kind of thing the sentence counts before it ("16项整改措施已完成15项，完成率93.75%"); ``None``
    when that is not said (a sentence counting both, a rate alone)."""
    named = _RATE_OF.match(sentence, max(0, at - 4)) or _RATE_OF.search(sentence[max(0, at - 4):at + 6])
    if named is not None:
        return "问题" if named.group("noun") == "问题" else "措施"
    head = sentence[:at]
    issues = _find(_ISSUES, head) is not None or re.search(rf"{_NUM}\s*个问题", head) is not None
    measures = any(p.search(head) for p in (*_MEASURES, *_TASKS))
    if issues != measures:
        return "问题" if issues else "措施"
    return None


def _read_rate(totals: StatedTotals, sentence: str) -> None:
    """The rates the sentence states: the first the notice states is :attr:`StatedTotals.rate`; a
    later one of the measures, after a rate of the problems, :attr:`StatedTotals.measure_rate`."""
    for i, pattern in enumerate(_RATE):
        for m in pattern.finditer(sentence):
            value = float(m.group(1)) if i == 0 else to_int(m.group(1))
            if value is None or not 0 <= value <= 100:
                continue
            unit = _rate_unit(sentence, m.start())
            if totals.rate is None:
                totals.rate, totals.rate_unit, totals.evidence["rate"] = float(value), unit, m.group(0)
            elif unit == "措施" and totals.rate_unit != "措施" and totals.measure_rate is None:
                totals.measure_rate, totals.evidence["measure_rate"] = float(value), m.group(0)
                return
        if totals.rate is not None and (totals.measure_rate is not None or totals.rate_unit == "措施"):
            return


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def _places(words: str) -> int:
    """The decimals a rate was stated with ("87.50%" → 2, "76%" → 0)."""
    m = re.search(r"\.(\d+)\s*%", words)
    return len(m.group(1)) if m else 0


def _pct(x: float, places: int) -> str:
    """A rate as the notice stated its own: "87.50%" with two decimals, "87.5%" with one or none
    where it is not whole."""
    return f"{x:.{places}f}%" if places >= 2 else f"{_fmt(x)}%"


#: words saying the itemised section lists a selection, not every issue or measure ("主要整改情况
#: 如下", "择要公布如下", "现列举部分问题整改情况", "重点问题整改情况如下"); "逐项列举" lists all
_SAMPLE = LazyPattern(
    r"择要|摘要(?:列举|公布|通报|介绍)|(?<![逐一全])(?:列举|例举|举例)|选取(?:部分|典型|重点)"
    r"|部分(?:问题|事项|任务|措施)?(?:的)?整改(?:情况|进展|成效)"
    r"|(?:主要|重点|典型)(?:问题|事项|任务)?(?:的)?整改(?:落实)?(?:情况|进展|成效|措施)(?:情况)?(?:及成效)?"
    r"(?:(?:报告|汇报)?如下|(?:予以)?公布|(?:予以)?通报|介绍)")


#: a heading saying so: "二、重点问题整改落实情况", "典型问题整改情况" (no "如下" after a heading)
_SAMPLE_HEADING = LazyPattern(
    r"(?:巡察|巡视)?(?:反馈|发现)?(?:的)?(?:主要|重点|典型|部分)(?:问题|事项|任务)?(?:的)?整改(?:落实)?"
    r"(?:情况|进展|成效)(?:及(?:成效|下一步打算))?")


def sample_words(texts: Iterable[str | None]) -> str | None:
    """The words by which a notice says it lists only some of its issues or measures ("主要整改
    情况如下", "择要列举", a heading "重点问题整改落实情况"), else ``None``."""
    for text in texts:
        if text and _SAMPLE_HEADING.fullmatch(detect(text).strip().rstrip("。.:")) is not None:
            return text.strip()
        if text and (m := _SAMPLE.search(detect(text))) is not None:
            clause = re.split(r"[。;:\n]", detect(text)[m.start():], maxsplit=1)[0]
            start = max(detect(text).rfind(c, 0, m.start()) for c in "。;:,\n") + 1
            return text[start:m.start() + len(clause)].strip()
    return None


def check_totals(stated: StatedTotals, ledger: Ledger, *, listed: bool = True,
                 sample: str | None = None, part: bool = False) -> list[TotalCheck]:
    """Compare every stated total with the parsed ledger; one :class:`TotalCheck` each.

    ``listed=False`` is for a notice that lists no issues (it gives the round's counts only):
    there is nothing to count its totals against, so only the totals are checked against each
    other (the completion rate against the counts). ``sample``: the words by which the notice
    says it lists only some issues or measures (:func:`sample_words`) — a count the body lists
    fewer of is not a mismatch but cannot be checked (``ok=None``); ``part``: the notice lists
    only some without saying so (a parsed notice whose problems, numbered without a gap, are far
    fewer than it says it was given: "共反馈问题25个" over "（一）…（八）"), told the same."""
    checks: list[TotalCheck] = []
    if not listed:
        return _rate_checks(stated, 0, 0)
    why = (f"正文写明只列出其中一部分（“{sample}”）" if sample is not None
           else "正文看来只列出其中一部分（所列问题编号连续、没有缺号，不到所述总数的一半）" if part else None)
    n_aspects = sum(1 for a in ledger.aspects if a.title is not None)
    issues = list(ledger.issues())
    n_issues = len(issues)
    n_measures = sum(len(i.measures) for i in issues)

    def compare(item: Literal["aspects", "issues", "measures"], label: str, unit: str,
                value: int | None, parsed: int, how: str) -> None:
        if value is None:
            return
        if why is not None and parsed < value:
            checks.append(TotalCheck(
                item=item, label=label, stated=value, parsed=parsed, ok=None,
                message=f"通报称{value}{unit}{label}；{why}，{how}的{parsed}{unit}不是全部，不能据此核对。"))
            return
        if item == "measures" and _accounts_only(ledger, value):
            # "整改情况：制定…，按月召开…，已开展…。已完成。": each problem's work told in one account,
            # no measure listed apart — the accounts are no count of measures
            checks.append(TotalCheck(
                item=item, label=label, stated=value, parsed=None, ok=None,
                message=f"通报称{value}{unit}{label}；正文没有逐条列出整改措施（每个问题的整改情况写成一段），"
                        "不能据此核对。"))
            return
        ok = value == parsed
        if ok:
            message = f"通报称{value}{unit}{label}，与正文{how}的{parsed}{unit}{label}一致。"
        else:
            diff = abs(value - parsed)
            message = (f"通报称{value}{unit}{label}，但正文{how}的{label}为{parsed}{unit}，"
                       f"相差{diff}{unit}，请核对。")
        checks.append(TotalCheck(item=item, label=label, stated=value, parsed=parsed, ok=ok,
                                 message=message))

    if stated.aspects is not None and n_aspects == 0 and n_issues:
        # "反馈的2个方面3个问题" over problems listed one after another under no heading of an aspect
        checks.append(TotalCheck(
            item="aspects", label="方面", stated=stated.aspects, parsed=None, ok=None,
            message=f"通报称{stated.aspects}个方面；正文逐个列出问题，没有按方面分列，无法核对。"))
    else:
        compare("aspects", "方面", "个", stated.aspects, n_aspects, "列出")
    # the problems a reader counts one level up: each titled category ("（一）林长制落实不到位的问题")
    # over its sub-problems ("1.针对…问题"), and each problem not under one
    headed = sum(1 if c.title else len(c.issues) for a in ledger.aspects for c in a.categories)
    if stated.issues is not None and why is None and stated.issues == headed != n_issues \
            and any(c.title for a in ledger.aspects for c in a.categories):
        # its other counts of problems ("已完成整改3个") count them so too
        checks.append(TotalCheck(
            item="issues", label="问题", stated=stated.issues, parsed=headed, ok=True,
            message=f"通报称{stated.issues}个问题，与正文列出的{headed}个问题一致（其下又分列{n_issues}个具体问题，"
                    "rectxl 逐个列为问题）。"))
        ledger, n_issues = _headed(ledger), headed
    else:
        compare("issues", "问题", "个", stated.issues, n_issues, "编号列出")
    compare("measures", "整改措施", "项", stated.measures, n_measures,
            "逐项列出（一是、二是……）")

    checks.extend(_done_checks(stated, ledger, why))
    return checks + _left_checks(stated) + _rate_checks(stated, n_issues, n_measures) \
        + _long_term_checks(stated, ledger, why) + _kind_checks(stated, ledger, why)


def _headed(ledger: Ledger) -> Ledger:
    """``ledger`` with each titled category one problem of its sub-problems' measures — the
    problems a notice counts when it counts its （一） headings over 1. sub-problems."""
    aspects = []
    for a in ledger.aspects:
        issues: list[Issue] = []
        for c in a.categories:
            if c.title:
                issues.append(Issue(title=c.title, number=c.number,
                                    measures=[m for i in c.issues for m in i.measures]))
            else:
                issues.extend(c.issues)
        aspects.append(Aspect(title=a.title, number=a.number, categories=[Category(issues=issues)]))
    return replace(ledger, aspects=aspects)


def _long_term_checks(stated: StatedTotals, ledger: Ledger, why: str | None) -> list[TotalCheck]:
    """The count said kept up for the long term against the statuses the notice states (长期坚持;
    an office may count its 已完成并长期坚持 too): undecidable when any status is guessed from wording
    or the notice lists only some."""
    if stated.long_term is None or stated.long_term_unit is None:
        return []
    value, unit = stated.long_term, stated.long_term_unit
    counter = "个" if unit == "问题" else "项"
    said = f"通报称需长期坚持的{unit}{value}{counter}"
    measures = list(ledger.measures())
    if not measures or any(m.status_inferred for m in measures) or why is not None:
        return [TotalCheck(item="long_term", label="长期坚持", stated=value, parsed=None, ok=None,
                           message=f"{said}；正文没有逐项写明整改状态（或只列出一部分），不能据此核对。")]
    if unit == "措施":
        kept = sum(1 for m in measures if m.status is Status.LONG_TERM)
        also = sum(1 for m in measures if m.status is Status.DONE and m.continuing)
    else:
        groups = [[m.status for m in i.measures] for i in ledger.issues() if i.measures]
        kept = sum(1 for g in groups if Status.LONG_TERM in g and all(s in _DONE_OR_KEPT for s in g))
        # a problem done and kept up ("整改成效：已完成整改，并长期坚持"), as a measure is
        also = sum(1 for i in ledger.issues() if i.measures and all(m.status is Status.DONE for m in i.measures)
                   and any(m.continuing for m in i.measures))
    ok = value in (kept, kept + also)
    shown = kept if value != kept + also or not also else kept + also
    message = (f"{said}，与正文逐项写明的状态一致：长期坚持{shown}{counter}。" if ok else
               f"{said}，但正文逐项写明长期坚持的{unit}为{kept}{counter}，请核对。")
    return [TotalCheck(item="long_term", label="长期坚持", stated=value, parsed=shown, ok=ok, message=message)]


#: a status or note saying an extension was asked for or granted ("申请延期", "经批准延期至…")
_EXTENDED_SAID = LazyPattern(r"延期|延长(?:整改)?(?:时限|期限)|顺延|展期")
_AT_ONCE_SAID = LazyPattern(_AT_ONCE_WORDS)
_GOING_STATUSES = (Status.IN_PROGRESS, Status.NOT_STARTED)


def _groups(ledger: Ledger, unit: Literal["问题", "措施"]) -> list[list[Measure]]:
    """The measures counted together as one: each issue's, or each measure alone."""
    if unit == "措施":
        return [[m] for m in ledger.measures()]
    return [list(i.measures) for i in ledger.issues() if i.measures]


def kind_counts(ledger: Ledger, key: KindKey, unit: Literal["问题", "措施"]) -> tuple[int, ...]:
    """The counts of the parsed ledger a stated count of :data:`KIND_COUNTS` may mean, the first the
    plainest: still going on — not done nor kept up (some offices leave 阶段性 work out, some count
    长期坚持 work in); put off — a deadline extended or a status saying so; put right at once — a
    立行立改 deadline or status; a stage reached — 基本完成 and nothing going on."""
    groups = _groups(ledger, unit)
    if key == "going":
        open_ = sum(1 for g in groups if not all(m.status in _DONE_OR_KEPT for m in g))
        strict = sum(1 for g in groups if any(m.status in _GOING_STATUSES for m in g))
        undone = sum(1 for g in groups if not all(m.status is Status.DONE for m in g))
        return open_, strict, undone
    if key == "extended":
        return (sum(1 for g in groups if any(m.deadline.extended or _EXTENDED_SAID.search(m.status_text or "")
                                             for m in g)),)
    if key == "at_once":
        return (sum(1 for g in groups if any(m.deadline.kind in (DeadlineKind.IMMEDIATE,
                                                                 DeadlineKind.IMMEDIATE_AND_LONG_TERM)
                                             or _AT_ONCE_SAID.search(m.status_text or "") for m in g)),)
    if key == "closed":
        return (sum(1 for g in groups if all(m.status is Status.DONE and m.stage == Stage.CLOSED.value for m in g)),)
    return (sum(1 for g in groups if any(m.status is Status.MOSTLY_DONE for m in g)
                and not any(m.status in _GOING_STATUSES for m in g)),)


#: how a message says that the body does not mark what a count of :data:`KIND_COUNTS` counts
_UNMARKED = {
    "going": "正文没有逐项写明整改状态",
    "extended": "正文没有逐个写明哪些{unit}申请了延期",
    "at_once": "正文没有逐个写明哪些{unit}是立行立改的",
    "staged": "正文没有逐项写明整改状态",
    "closed": "正文没有逐个写明哪些{unit}已销号",
}


def _kind_checks(stated: StatedTotals, ledger: Ledger, why: str | None) -> list[TotalCheck]:
    """Each count of :data:`KIND_COUNTS` the notice states against the problems (or measures) its
    body lists in that state, as the done count is: undecidable when the statuses are guessed from
    wording, the notice lists only some, or — for a kind the body need not mark (延期, 立行立改) —
    it marks none."""
    checks: list[TotalCheck] = []
    inferred = any(m.status_inferred for m in ledger.measures()) or not any(True for _ in ledger.measures())
    for key, (label, _) in KIND_COUNTS.items():
        value, unit = getattr(stated, key), getattr(stated, f"{key}_unit")
        if value is None or unit is None:
            continue
        counter = "个" if unit == "问题" else "项"
        said = f"通报称{label}的{unit}{value}{counter}"
        found = kind_counts(ledger, key, unit)
        if key == "going" and stated.extended is not None and stated.extended_unit == unit:
            # "正在整改2个，申请延期整改问题1个": the work put off told apart from the rest going on
            put_off = kind_counts(ledger, "extended", unit)[0]
            found += tuple(n - put_off for n in found)
        unmarked = (inferred and key in ("going", "staged")) or (key in ("extended", "at_once", "closed")
                                                                 and not found[0])
        if why is not None and value > found[0]:
            checks.append(TotalCheck(item=key, label=label, stated=value, parsed=found[0], ok=None,
                                     message=f"{said}；{why}，不能据此核对。"))
        elif unmarked:
            checks.append(TotalCheck(item=key, label=label, stated=value, parsed=None, ok=None,
                                     message=f"{said}；{_UNMARKED[key].format(unit=unit)}，不能据此核对。"))
        elif value in found:
            checks.append(TotalCheck(item=key, label=label, stated=value, parsed=value, ok=True,
                                     message=f"{said}，与正文逐项写明的一致：{label}{value}{counter}。"))
        else:
            checks.append(TotalCheck(
                item=key, label=label, stated=value, parsed=found[0], ok=False,
                message=f"{said}，但正文逐项写明{label}的{unit}为{found[0]}{counter}，"
                        f"相差{abs(value - found[0])}{counter}，请核对。"))
    return checks


def _left_checks(stated: StatedTotals) -> list[TotalCheck]:
    """The count said left against the whole and the done count the notice states of the same
    unit ("细化整改任务74项，已完成45项，剩余29项正在推进": 45 + 29 = 74) — the figures against each
    other, as the completion rate is."""
    if stated.left is None:
        return []
    whole, done = ((stated.issues, stated.done_issues) if stated.left_unit == "问题"
                   else (stated.measures, stated.done_measures))
    if whole is None or done is None:
        return []
    unit = "个" if stated.left_unit == "问题" else "项"
    label = "问题" if stated.left_unit == "问题" else "整改措施"
    said = f"通报称{whole}{unit}{label}已完成{done}{unit}、剩余{stated.left}{unit}"
    ok = done + stated.left == whole
    message = (f"{said}，相加与总数一致。" if ok else
               f"{said}，{done}+{stated.left}={done + stated.left}{unit}，与总数{whole}{unit}不符，请核对。")
    return [TotalCheck(item="left", label="剩余", stated=stated.left, parsed=whole - done, ok=ok, message=message)]


#: statuses a notice's own tally may count as done: 已完成, and 长期坚持 for the offices that count it
#: so — rectxl does not (长期坚持 is a status of its own): a count agreeing only so is told
_DONE_OR_KEPT = (Status.DONE, Status.LONG_TERM)


def done_counts(ledger: Ledger, unit: Literal["问题", "措施"]) -> tuple[int, int]:
    """(done, done or long-term) issues or measures of the parsed ledger: an issue is done when
    every measure of it is."""
    if unit == "措施":
        statuses = [[m.status] for m in ledger.measures()]
    else:
        statuses = [[m.status for m in i.measures] for i in ledger.issues() if i.measures]
    strict = sum(1 for group in statuses if all(s is Status.DONE for s in group))
    kept = sum(1 for group in statuses if all(s in _DONE_OR_KEPT for s in group))
    return strict, kept


def _shared_unfinished(ledger: Ledger) -> int:
    """Measures that share one unfinished status stated for their whole issue (a table row's
    完成情况 "正在推进" over its three measures): some of them may be done."""
    return sum(len(i.measures) for i in ledger.issues()
               if len(i.measures) > 1 and len({m.status_text for m in i.measures}) == 1
               and not all(m.status in _DONE_OR_KEPT for m in i.measures))


def _accounts_only(ledger: Ledger, stated: int) -> bool:
    """Whether each problem's work is told in one account and the notice counts more measures than
    there are accounts ("整改情况：制定…，按月召开…，已开展…。已完成。" under each problem, "细化整改措施
    39条"): the accounts are no count of the measures, nor of the measures done."""
    issues = list(ledger.issues())
    return bool(issues) and all(len(i.measures) == 1 for i in issues) and stated > len(issues)


def _without_measure_counts(stated: StatedTotals) -> StatedTotals:
    """``stated`` without its counts of measures (their number, done, left, the rate of them)."""
    by_measures = {"measures": None, "done_measures": None}
    if stated.done_unit == "措施":
        by_measures.update(done=None, done_unit=None)
    if stated.left_unit == "措施":
        by_measures.update(left=None, left_unit=None)
    if (stated.rate_unit or stated.done_unit) == "措施":
        by_measures.update(rate=None, rate_unit=None)
    evidence = {k: v for k, v in stated.evidence.items() if k not in by_measures}
    return replace(stated, **by_measures, evidence=evidence)  # type: ignore[arg-type]


def _done_checks(stated: StatedTotals, ledger: Ledger, why: str | None = None) -> list[TotalCheck]:
    """The stated done counts against the parsed statuses: compared when the notice states every
    status itself (a 完成情况 column, a "（已完成）" after each measure, "整改状态：…"); when
    any status was inferred from wording, shown for reference and said to be undecidable, as it
    is when the notice lists only some of them (``why`` it is said so) and says more done than it lists."""
    checks: list[TotalCheck] = []
    measures = list(ledger.measures())
    inferred = not measures or any(m.status_inferred for m in measures)
    rows: tuple[tuple[int | None, Literal["问题", "措施"], str], ...] = (
        (stated.done_issues, "问题", "个"), (stated.done_measures, "措施", "项"))
    for value, unit_label, unit in rows:
        if value is None:
            continue
        strict, kept = done_counts(ledger, unit_label)
        said = f"通报称已完成{value}{unit}{unit_label}"
        if unit_label == "措施" and _accounts_only(ledger, max(value, stated.measures or 0)):
            # "39条措施已完成35条" over problems each told in one account: the accounts are no
            # count of measures, so none of measures done
            checks.append(TotalCheck(
                item="done", label="已完成", stated=value, parsed=None, ok=None,
                message=f"{said}；正文没有逐条列出整改措施（每个问题的整改情况写成一段），不能据此核对。"))
            continue
        if why is not None and value > strict:
            checks.append(TotalCheck(
                item="done", label="已完成", stated=value, parsed=strict, ok=None,
                message=f"{said}；{why}，列出的已完成{strict}{unit}不是全部，不能据此核对。"))
            continue
        if inferred:
            checks.append(TotalCheck(
                item="done", label="已完成", stated=value, parsed=strict, ok=None,
                message=f"{said}；正文没有逐项写明整改状态，按措辞推断已完成的有{strict}{unit}，"
                        "仅供参考，不能据此核对。"))
            continue
        shared = _shared_unfinished(ledger) if unit_label == "措施" else 0
        if value not in (strict, kept) and strict < value <= strict + shared:
            checks.append(TotalCheck(
                item="done", label="已完成", stated=value, parsed=strict, ok=None,
                message=f"{said}；正文按问题整体写明状态，已完成的有{strict}{unit}，另有{shared}{unit}"
                        "所属问题整体尚未完成、未逐项写明，不能据此核对。"))
            continue
        if value == strict:
            message = f"{said}，与正文逐项写明的状态一致：已完成{strict}{unit}。"
        elif value == kept:
            # 长期坚持 is a status of its own, not 已完成 (the work goes on): rectxl's totals say
            # "已完成4项、长期坚持2项", so a count taking them together does not agree with them
            apart = kept - strict
            message = (f"{said}，但正文逐项写明的状态中已完成的为{strict}{unit}，另{apart}{unit}写明长期坚持："
                       f"通报把长期坚持的计入了已完成，rectxl 分列（已完成{strict}{unit}、长期坚持{apart}{unit}），"
                       "请核对。")
        else:
            message = (f"{said}，但正文逐项写明的状态中已完成的为{strict}{unit}，"
                       f"相差{abs(value - strict)}{unit}，请核对。")
        checks.append(TotalCheck(item="done", label="已完成", stated=value, parsed=strict,
                                 ok=value == strict, message=message))
    return checks


def _rate_checks(stated: StatedTotals, n_issues: int, n_measures: int) -> list[TotalCheck]:
    """The stated completion rates against the stated (else the parsed) counts: the rate, and a
    rate of the measures stated after one of the problems."""
    checks: list[TotalCheck] = []
    if stated.rate is not None:
        checks.append(_rate_check(stated, stated.rate, stated.rate_unit, stated.evidence.get("rate", ""),
                                  n_issues, n_measures))
    if stated.measure_rate is not None:
        checks.append(_rate_check(stated, stated.measure_rate, "措施", stated.evidence.get("measure_rate", ""),
                                  n_issues, n_measures, second=True))
    return checks


def _rate_check(stated: StatedTotals, rate: float, of: Literal["问题", "措施"] | None, words: str,
                n_issues: int, n_measures: int, *, second: bool = False) -> TotalCheck:
    """One stated rate (of ``of``, when the notice says what it is a rate of) against the counts,
    computed to as many decimals as the notice gives it ("87.50%": two); ``second``: the rate of
    the measures stated after one of the problems."""
    places = max(1, _places(words))
    said = f"通报称{'措施' if second else ''}完成率{_pct(rate, places)}"
    # (done, total, the count the body lists of the same unit, the unit)
    candidates: list[tuple[int, int, int, str]] = []
    if stated.done_issues is not None and of != "措施":
        candidates.append((stated.done_issues, stated.issues or n_issues, n_issues, "个问题"))
    if stated.done_measures is not None and of != "问题":
        candidates.append((stated.done_measures, stated.measures or n_measures, n_measures, "项措施"))
    # the whole the body lists, when the stated one is not the done count's ("指出5个问题，移交…
    # 问题2个" then "7个问题已完成整改6个，整改完成率85.7%": 6÷7, not 6÷5 = 120%)
    candidates += [(d, listed, listed, unit) for d, t, listed, unit in candidates if listed and listed != t]
    candidates = [c for c in candidates if c[1]]
    if not candidates:
        return TotalCheck(item="rate", label="完成率", stated=rate, parsed=None, ok=None,
                          message=f"{said}，但未说明已完成数，无法核对。")
    results = [(d, t, listed, unit, round(d * 100 / t, places)) for d, t, listed, unit in candidates]
    done, total, listed, unit, expected = next((r for r in results if abs(r[4] - rate) <= 1.0), results[0])
    ok = abs(expected - rate) <= 1.0
    verdict = "，一致。" if ok else "，不一致，请核对。"
    message = f"{said}，按已完成{done}÷{total}计算为{_pct(expected, places)}{verdict}"
    if ok and (done, total) != candidates[0][:2] and total == listed:
        message = f"{said}，按已完成{done}÷正文列出的{listed}{unit}计算为{_pct(expected, places)}，一致。"
    elif ok and listed and listed != total:
        # the rate agrees with the stated counts (ok: the figures agree with each other), but the
        # body lists another number: said so, so that "一致" is not read as the body's confirmation
        message = (f"{said}，与通报所述的已完成{done}÷{total}相符；"
                   f"但正文列出的是{listed}{unit}，不是{total}{unit[0]}，这一完成率无法按正文核对。")
    return TotalCheck(item="rate", label="完成率", stated=rate, parsed=expected, ok=ok, message=message)


# ---------------------------------------------------------------------------
# A notice's own counts sentence, counted again from the ledger
# ---------------------------------------------------------------------------

#: how many are still going on, after the done count: "正在整改1个", "1项正在推进", "剩余1个正在推进"
_GOING = re.compile(r"(?:正在(?:整改|推进|办理|落实)|整改中|推进中)\s*(?P<a>\d{1,4})\s*(?:个|项|条)"
                    r"|(?:剩余|其余|尚有|还有|另有)?\s*(?P<b>\d{1,4})\s*(?:个|项|条)(?:问题|措施|任务)?\s*"
                    r"(?:正在(?:加紧|加快|积极|有序|稳步|持续|按计划)?(?:整改|推进|办理|落实)|整改中|推进中)")
#: the date a counts sentence opens with: "截至2025年10月31日，", "截至10月底，", "截止目前，"
_AS_OF_OPEN = re.compile(r"^(?P<lead>\s*截[至止]\s*)(?P<when>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?"
                         r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末))")
#: the clause a count of none still going on stands in ("，正在整改0个"): left out
_NONE_GOING = re.compile(r"[,，、;；]\s*[^,，、;；。]*?(?<!\d)0\s*(?:个|项|条)[^,，、;；。]*?"
                         r"(?:正在|整改中|推进中)[^,，、;；。]*|[,，、;；]\s*(?:正在|整改中|推进中)[^,，、;；。]*?(?<!\d)0\s*"
                         r"(?:个|项|条)")


def restate_totals(text: str, ledger: Ledger, as_of: date | None = None) -> str:
    """``text`` — a paragraph the notice publishes as written (导语, 一、, 二、导语) — with each
    sentence stating how far the round got (a done count: "截至2025年10月31日，巡察反馈的2个方面4个
    问题，已完成整改3个，正在整改1个，整改完成率75%。") counted again from the ledger, in its own words:
    each count it states (方面, 问题, 措施, done, still going on, the rate, as many decimals) says the
    ledger's, a count of none going on is left out, and the date it opens with is ``as_of`` once a
    count changed. Only when every status is the ledger's statement (none missing, none guessed from
    a notice's wording); any other sentence is left as it stands."""
    measures = list(ledger.measures())
    if not text or not measures or any(m.status is None or m.status_inferred for m in measures):
        return text
    totals: dict[Literal["问题", "措施"], int] = {"问题": sum(1 for i in ledger.issues() if i.measures),
                                                  "措施": len(measures)}
    done: dict[Literal["问题", "措施"], tuple[int, int]] = {
        "问题": done_counts(ledger, "问题"), "措施": done_counts(ledger, "措施")}
    aspects = sum(1 for a in ledger.aspects if a.title is not None)
    return "".join(_restated(s, aspects, totals, done, as_of, ledger) for s in re.split(r"(?<=。)", text))


def _restated(sentence: str, aspects: int, totals: dict[Literal["问题", "措施"], int],
              done_of: dict[Literal["问题", "措施"], tuple[int, int]], as_of: date | None,
              ledger: Ledger) -> str:
    """One sentence of :func:`restate_totals`: the work kept up for the long term counted done
    when the sentence counts it so (its done count or rate is the ledger's with it), else not. Its
    counts of measures stay as written when the ledger tells each problem's work in one account and
    the sentence counts more measures than that ("39条措施已完成35条" over 14 accounts: no count of
    measures to restate them by)."""
    stated = extract_stated_totals([sentence])
    if stated.done is None and stated.done_issues is None and stated.done_measures is None:
        return sentence
    if _accounts_only(ledger, max(stated.measures or 0, stated.done_measures or 0)):
        stated = _without_measure_counts(stated)
        if stated.done is None and stated.done_issues is None:
            return sentence
    said_done = {"问题": stated.done_issues, "措施": stated.done_measures}
    kept = any(said_done[u] == done_of[u][1] != done_of[u][0] for u in ("问题", "措施")) or (
        stated.rate is not None and any(t and abs(stated.rate - done_of[u][1] * 100 / t) < 0.05
                                        and done_of[u][1] != done_of[u][0] for u, t in totals.items()))
    done = {u: done_of[u][1 if kept else 0] for u in ("问题", "措施")}
    counts = {"aspects": aspects, "issues": totals["问题"], "measures": totals["措施"],
              "done_issues": done["问题"], "done_measures": done["措施"]}
    going = {u: totals[u] - done_of[u][1] for u in ("问题", "措施")}
    rates = {u: done[u] * 100 / t if t else None for u, t in totals.items()}
    new: dict[str, str] = {}
    for key in ("aspects", "issues", "measures", "done_issues", "done_measures"):
        if stated.evidence.get(key) and (key != "aspects" or counts[key]):
            new[key] = str(counts[key])
    if "done" in stated.evidence and stated.done_unit is not None:
        new["done"] = str(counts["done_issues" if stated.done_unit == "问题" else "done_measures"])
    if stated.left is not None and stated.left_unit is not None and "left" in stated.evidence:
        new["left"] = str(going[stated.left_unit])
    if stated.rate is not None and (said := stated.evidence.get("rate")) \
            and (rate := rates[stated.rate_unit or stated.done_unit or "问题"]) is not None:
        new["rate"] = _pct(rate, _places(said))
    spans: dict[tuple[int, int], str] = {}
    for key, value in new.items():
        at = sentence.find(stated.evidence[key])
        numbers = list(re.finditer(r"\d+(?:\.\d+)?\s*%?" if key == "rate" else r"\d+", stated.evidence[key]))
        if at < 0 or not numbers:
            continue
        # the problems or measures counted after the aspects ("反馈问题3个方面7个", "3方面问题共计6个"): the last
        number = numbers[-1] if key in ("issues", "measures") else numbers[0]
        spans[(at + number.start(), at + number.end())] = value
    done_at = max((sentence.find(stated.evidence[k]) for k in ("done", "done_issues", "done_measures")
                   if k in stated.evidence), default=-1)
    if "left" not in new and done_at >= 0 and stated.done_unit is not None \
            and (more := _GOING.search(sentence, done_at)) is not None:
        group = "a" if more.group("a") else "b"
        spans[more.span(group)] = str(going[stated.done_unit])  # "正在整改1个"
    if any(b > a2 and a < b2 for (a, b) in spans for (a2, b2) in spans if (a, b) != (a2, b2)):
        return sentence  # counts read from overlapping words: not rewritten
    out = sentence
    for (a, b), value in sorted(spans.items(), reverse=True):
        out = out[:a] + value + out[b:]
    if out == sentence:
        return sentence
    out = _NONE_GOING.sub("", out)
    if as_of is not None and (opened := _AS_OF_OPEN.match(out)) is not None:
        out = out[:opened.start("when")] + f"{as_of.year}年{as_of.month}月{as_of.day}日" + out[opened.end("when"):]
    return out
