"""Chinese text, one home: cell-text clean-up, folding keys, numerals, dates as notices write
them, full-width punctuation, column letters, and shortening for messages.

Every part of rectxl that reads or writes Chinese text uses these; nothing here knows about
ledgers, files or Excel.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal


class LazyPattern:
    """A regular expression compiled the first time it is used.

    For the patterns of rare paths (a festival deadline, a tick-box status, a form's foot): a
    pattern over the CJK range costs up to a millisecond to compile, and ``rectxl check`` on a
    small ledger is mostly start-up — what a pattern never used costs is paid by every run."""

    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _re(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._re().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._re().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._re().fullmatch(string, pos, endpos)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self._re().finditer(string)

    def findall(self, string: str) -> list[Any]:
        return self._re().findall(string)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self._re().split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._re().sub(repl, string, count)

__all__ = [
    "CELL_TEXT_LIMIT",
    "CN_NUM",
    "END_PUNCT",
    "FOLD",
    "NUM",
    "TRAD_TO_SIMP",
    "LazyPattern",
    "cell_length",
    "chinese_number",
    "clip_cell_text",
    "cn_count",
    "cn_date",
    "cn_date_range",
    "cn_numeral_date",
    "cn_written_date",
    "cn_zero",
    "col_index",
    "col_letter",
    "fold",
    "fold_text",
    "is_placeholder",
    "label_number",
    "line_goes_on",
    "name_list",
    "needs_cleaning",
    "normalize_for_compare",
    "normalize_text",
    "ordinal",
    "parse_chinese_number",
    "percent_text",
    "shorten",
    "symbol_run",
    "to_int",
    "to_simplified",
    "zh_punct",
]

# -- cell text ---------------------------------------------------------------------------------

# Horizontal whitespace that Excel cells pick up (tabs, NBSP, ideographic space U+3000,
# the U+2000 family, narrow NBSP, ...) becomes an ASCII space; zero-width characters and
# the BOM are dropped.
_HSPACE_CHARS = (
    "\t\x0b\x0c\x1c\x1d\x1e\x1f\u0085\u00a0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_TRANSLATE = str.maketrans(
    {
        **{c: " " for c in _HSPACE_CHARS},
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        # invisible format characters text copied from a web page or a chat carries: the soft
        # hyphen (&shy;), the bidirectional marks and embeddings, the invisible operators, the
        # Mongolian vowel separator — "已完成\u00ad" is 已完成 as it shows
        **dict.fromkeys("\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                        "\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"),
    }
)
_MULTI_SPACE = LazyPattern(r" {2,}")
_SPACE_AROUND_NL = LazyPattern(r" *\n *")
# Text made only of these characters needs no clean-up (fast path for the common case): ASCII
# and Latin-1 letters and punctuation, general punctuation (“” ‘’ — … ※), letterlike symbols,
# arrows, shapes and dingbats (℃ → √ ■ ★ ①), CJK punctuation and ideographs, full-width forms.
# None of them is whitespace, zero-width or a line break, so for such text the slow path below
# would change nothing.
_NEEDS_WORK = re.compile(
    r"[^\x21-\x25\x27-\x3b\x3d\x3f-\x7e\u00a1-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2100-\u27bf\u3001-\u301f"
    r"\u3400-\u9fff\uff01-\uff5e]"  # (not & < >: a web system's markup, see _MARKUP)
)
#: what a web system leaves in an exported cell: tags and character entities ("<p>已完成</p>",
#: "正在推进&nbsp;&nbsp;", "已完成<br/>召开专题会2次")
_MARKUP = LazyPattern(
    r"</?(?:p|br|span|div|font|b|strong|i|em|u|li|ul|ol|td|tr|th|a|img|sup|sub|h[1-6])\b[^<>]{0,200}>"
    r"|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,6});", re.IGNORECASE)
_MARKUP_BREAK = LazyPattern(r"<br\b|</(?:p|div|li|tr|h[1-6])>", re.IGNORECASE)


#: ``needs_cleaning(s)`` is ``None`` when ``normalize_text(s)`` would return the str ``s`` itself
#: (for readers normalising a whole column: one regex call per cell instead of a function call)
needs_cleaning = _NEEDS_WORK.search


def normalize_text(value: object) -> str:
    """Return the cell text of *value* with whitespace cleaned up.

    - ``None`` and float NaN (pandas' blank) give ``""``.
    - integral floats render without ``.0`` (``3.0`` -> ``"3"``); dates give ISO form
      (a datetime at midnight gives just the date); a bool gives ``"TRUE"``/``"FALSE"``, as
      Excel shows the cell.
    - tabs, NBSP, the ideographic space U+3000 and other Unicode spaces become ordinary
      spaces; zero-width characters and BOM are removed; ``\\r\\n``/``\\r`` become ``\\n``.
    - leading/trailing whitespace is stripped, runs of spaces collapse to one space, and
      spaces around line breaks are removed. Line breaks themselves are kept.

    No width folding of letters/punctuation is done (see :func:`fold_text` for that), so
    the text stays as the user typed it.
    """
    if value is None:
        return ""
    if type(value) is str:
        s = value
    elif isinstance(value, str):
        s = str.__str__(value)  # plain str from StrEnum / numpy.str_ subclasses
    elif isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows the cell (a 是否完成 tick)
    elif isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    elif isinstance(value, datetime):
        if value.time() == time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    elif isinstance(value, date):
        return value.isoformat()
    else:
        try:
            s = str(value)
        except Exception:
            return ""
    if not _NEEDS_WORK.search(s):
        return s
    if ("<" in s or "&" in s) and _MARKUP.search(s):
        s = _MARKUP.sub(_unmark, s)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = s.translate(_TRANSLATE).strip()
    if "  " in s:
        s = _MULTI_SPACE.sub(" ", s)
    if "\n" in s:
        s = _SPACE_AROUND_NL.sub("\n", s)
    return s


def _unmark(m: re.Match[str]) -> str:
    """A tag as the text it stands for (a line break, or nothing), an entity as its character."""
    found = m.group(0)
    if found.startswith("&"):
        import html  # rare: not paid for at start-up

        return html.unescape(found)
    return "\n" if _MARKUP_BREAK.match(found) else ""


_ALL_SPACE = LazyPattern(r"\s+")


def fold_text(value: object) -> str:
    """Return a matching key for *value*: :func:`normalize_text`, NFKC width folding
    (full-width digits/letters/punctuation to ASCII) and every whitespace removed."""
    s = normalize_text(value)
    if not s:
        return s
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    return _ALL_SPACE.sub("", s)




# -- numerals ----------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"两": 2, "〇": 0, "○": 0}


#: a 〇 typed as the digit 0 or the letter O between Chinese digits, as a year is often keyed
#: ("二0二六年", "二O二六年", "二00六年")
_ZERO_SLIP = re.compile(r"(?<=[一二三四五六七八九〇零○])[0Oo]+(?=[一二三四五六七八九〇零○])")


def cn_zero(text: str) -> str:
    """``text`` with a 〇 typed as 0 or O between Chinese digits written as 〇: "二0二六年" → "二〇二六年"."""
    if "0" not in text and "o" not in text and "O" not in text:
        return text
    return _ZERO_SLIP.sub(lambda m: "〇" * len(m.group(0)), text)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as notices number things)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + (_DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else ""))
    return str(n)


def parse_chinese_number(text: str, mode: Literal["auto", "count", "digits"] = "auto") -> int | None:
    """A Chinese numeral as a number; ``None`` when ``text`` is not one. Plain digits pass through.

    - ``"count"``: positional, as counts and ordinals are written — 十二 → 12, 一百零五 → 105.
    - ``"digits"``: digit by digit, as years are written — 二〇二三 → 2023, 二六 → 26.
    - ``"auto"`` (default): positional when the text has 十 or 百, else digit by digit; so
      二〇二三 → 2023 and 三 → 3 whichever part of rectxl reads them.
    """
    if text.isdigit():
        return int(text) if len(text) <= 9 else None
    if not text or any(c not in _VALUES and c not in "十百" for c in text):
        return None
    if mode == "digits" or (mode == "auto" and "十" not in text and "百" not in text):
        if "十" in text or "百" in text or (len(text) > 1 and "两" in text):
            return None
        return int("".join(str(_VALUES[c]) for c in text))
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES[ch]
    return total + current


#: the numbers a clerk numbers headings and items with besides digits and Chinese numerals:
#: Roman numerals (Ⅰ…Ⅻ, ⅰ…ⅻ, one character each) and circled ones (①…⑳)
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
ROMAN_SMALL = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
CIRCLED_NUM = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def label_number(text: str) -> int | None:
    """The number of a label as a clerk writes it: ``"12"``, ``"十二"``, ``"Ⅻ"``, ``"⑫"`` → 12;
    ``None`` when it is none of them."""
    if len(text) == 1:
        for series in (ROMAN, ROMAN_SMALL, CIRCLED_NUM):
            if text in series:
                return series.index(text) + 1
    return to_int(text)


def to_int(text: str) -> int | None:
    """``"33"`` / ``"三十三"`` → 33; ``None`` when it is not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text) if len(text) <= 9 else None
    return parse_chinese_number(text)


#: full-width ASCII (U+FF01–FF5E) → ASCII and the ideographic space → space, 1:1
FOLD = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " ", "\u00a0": " "}
)

#: a Chinese numeral as notices write them (一 … 九十九, 一百 …)
CN_NUM = "[零一二三四五六七八九十百两〇]+"
#: a count in a stated total: digits or a Chinese numeral
NUM = rf"(\d{{1,6}}|{CN_NUM})"

#: characters that already end a segment, so the renderer adds no "。" after them
END_PUNCT = frozenset("。.;；,，:：!！?？…")

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """Length-preserving width folding for pattern detection."""
    # What this buys: str.translate looks up every character in FOLD (~60 ns each); Chinese text
    # carries a few full-width marks among many ideographs, so translating only the runs of them
    # is ~3× faster on a ledger's progress texts (fold runs on most cells of a ledger). The
    # full-width comma, nearly all of those marks, is replaced first (str.replace is a memchr-like
    # scan): the runs left are few, and the pattern's scan over what is left is the only one —
    # 1.6× faster again on the progress and measure texts of a 100,000-row ledger.
    return _WIDE_RUN.sub(_fold_run, text.replace("，", ","))


#: a run of the characters :data:`FOLD` changes
_WIDE_RUN = re.compile("[\uff01-\uff5e\u3000\u00a0]+")


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(FOLD)


def normalize_for_compare(text: str) -> str:
    """NFKC (full-width punctuation and digits to ASCII) and every whitespace removed.

    Two renderings of the same notice compare equal under this key whatever their
    punctuation width, indentation or line breaks.
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def cn_date(d: date) -> str:
    """``date(2024, 5, 13)`` → ``"2024年5月13日"``."""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_numeral_date(d: date) -> str:
    """``date(2026, 11, 20)`` → ``"二〇二六年十一月二十日"``: a date in Chinese numerals, as some
    offices sign a notice (the year digit by digit, month and day as counted)."""
    year = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    return f"{year}年{chinese_number(d.month)}月{chinese_number(d.day)}日"


#: a date cell's text as the reader gives it ("2026-10-31", "2026-10-31T14:30:00")
_ISO_DATE = LazyPattern(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?$")


def cn_written_date(text: str) -> str:
    """A cell's text as a user reads it in a sentence: a date cell's ISO text written as a date is
    written in Chinese ("2026-10-31" → "2026年10月31日"); any other text as it is ("2027年3月底前")."""
    m = _ISO_DATE.match(text)
    if m is None:
        return text
    try:
        return cn_date(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    except ValueError:
        return text


def cn_date_range(start: date, end: date) -> str:
    """``"2023年3月16日至5月31日"`` (the end's year is omitted when it is the same)."""
    if start.year == end.year:
        return f"{cn_date(start)}至{end.month}月{end.day}日"
    return f"{cn_date(start)}至{cn_date(end)}"


def ordinal(n: int) -> str:
    """The measure marker ``一是`` / ``十二是``."""
    return f"{chinese_number(n)}是"


#: ASCII punctuation → the full-width form Chinese text uses
_ZH_PUNCT = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_ASCII_PUNCT = LazyPattern(r"[,:;!?]")
_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’…—]"


@functools.cache
def _punct_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """zh_punct's patterns, compiled on first use: their CJK look-arounds take ~10 ms to compile,
    a quarter of ``rectxl check``'s start-up, and only the notice and letters need them.

    The last three open with what every match opens with — "(", "." (the look-behind moved after
    it) and a space or mark in a look-ahead — so the engine skips the other positions of a long
    paragraph quickly instead of trying a look-behind at each: the same matches, a notice's
    paragraphs in a third of the time."""
    return (
        re.compile(rf"\(([^()]*{_CJK}[^()]*)\)"),
        # short numbers in ASCII brackets touching Chinese text: "(1)" as a list marker; a run of
        # them ("(1)(2)(3)") is taken whole, or each pass would convert only the one at its end
        re.compile(rf"(?=\()(?:(?<={_CJK})((?:\(\d{{1,3}}\))+)|((?:\(\d{{1,3}}\))+)(?={_CJK}))"),
        # an ASCII full stop right after a Chinese character, ending the text or followed by Chinese
        re.compile(rf"\.(?<=[\u3400-\u9fff》”’）]\.)(?=\s*$|\s*{_CJK})"),
        re.compile(rf"(?=[\s,:;!?])(?:(?<={_CJK})\s*([,:;!?])\s*|\s*([,:;!?])\s*(?={_CJK}))"),
    )


_IDEOGRAPH = LazyPattern(r"[\u3400-\u9fff]")
_NUMBER_IN_PAREN = LazyPattern(r"\((\d{1,3})\)")


def _zh_quotes(text: str, mark: str, opening: str, closing: str) -> str:
    """ASCII quotation marks around Chinese words as Chinese ones: ``关于"粮食安全"的问题`` →
    ``关于“粮食安全”的问题``. The marks pair up in order; a pair around no Chinese character keeps
    its ASCII marks, and a text with an odd number of them is left as it is (no pairing is sure)."""
    pieces = text.split(mark)
    if len(pieces) < 3 or len(pieces) % 2 == 0:
        return text
    out = [pieces[0]]
    for quoted, after in zip(pieces[1::2], pieces[2::2], strict=True):
        chinese = _IDEOGRAPH.search(quoted) is not None
        out.append(f"{opening}{quoted}{closing}" if chinese else f"{mark}{quoted}{mark}")
        out.append(after)
    return "".join(out)


def zh_punct(text: str) -> str:
    """ASCII , : ; ! ? . and ( ) written among Chinese characters in their full-width forms, and
    ASCII quotation marks around Chinese words as “” and ‘’.

    ``"截至9月,已完成(一)"`` → ``"截至9月，已完成（一）"``; ``"已修订(1)议事规则."`` →
    ``"已修订（1）议事规则。"``. ASCII text ("1,000", "10:30", "(a)", "2023.9.30", "a@b.cn")
    keeps its punctuation. Idempotent: ``zh_punct(zh_punct(t)) == zh_punct(t)``."""
    if not text or text.isascii():
        return text
    # a converted mark is Chinese text its neighbour touches ("，,," → "，，,"; "中.,中": the
    # comma makes the full stop one): passes until nothing changes, a second only when one did
    for _ in range(len(text)):
        changed = _zh_punct_pass(text)
        if changed == text:
            break
        text = changed
    return text


def _zh_punct_pass(text: str) -> str:
    """One pass of zh_punct's rewrites."""
    if '"' in text or "'" in text:
        text = _zh_quotes(_zh_quotes(text, '"', "“", "”"), "'", "‘", "’")
    paren, number_paren, stop, punct = _punct_patterns()
    # each pattern needs its ASCII character: a text without it is left as it is, unscanned
    # (most paragraphs of a notice already have full-width punctuation)
    if "(" in text:
        for _ in range(4):  # nested brackets: innermost first
            changed = paren.sub(lambda m: f"（{m.group(1)}）", text)
            if changed == text:
                break
            text = changed
        text = number_paren.sub(lambda m: _NUMBER_IN_PAREN.sub(r"（\1）", m.group(1) or m.group(2)), text)
    if "." in text:
        text = stop.sub("。", text)
    if _ASCII_PUNCT.search(text) is None:
        return text
    return punct.sub(lambda m: _ZH_PUNCT[m.group(1) or m.group(2)], text)


# -- cells and messages --------------------------------------------------------------------------


#: the most characters an Excel cell holds (Excel's specifications and limits: 32,767; a file
#: holding a longer text is "repaired" when it opens), counted as Excel counts them — in UTF-16
#: code units, as LEN does: a character beyond the Basic Multilingual Plane (𠮷 in a name, 👍 in
#: a pasted report) is two
CELL_TEXT_LIMIT = 32_767


def cell_length(text: str) -> int:
    """``text``'s length as Excel counts it (UTF-16 code units, :data:`CELL_TEXT_LIMIT`)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clip_cell_text(text: str, limit: int = CELL_TEXT_LIMIT) -> str:
    """``text`` cut to the first ``limit`` characters Excel counts (:func:`cell_length`): what a
    cell can hold; never half of a two-unit character."""
    if len(text) <= limit // 2:  # the cheap test: even all two-unit characters would fit
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * limit:
        return text
    cut = units[:2 * limit]
    if 0xD800 <= int.from_bytes(cut[-2:], "little") < 0xDC00:  # a pair's first half
        cut = cut[:-2]
    return cut.decode("utf-16-le", "surrogatepass")


def col_letter(c: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Excel letters → 0-based column index (A → 0, AA → 26)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


#: what a clerk types in a cell to fill it without saying anything: 无, 暂无, 待补充, /, ——
_PLACEHOLDER = re.compile(r"^(?:无|暂无|没有|空|略|待补充?|待补|后补|待提供|待定|/+|\\+|[-—_~·…]+|n/?a|null|none)$",
                          re.IGNORECASE)


#: the last character of a line whose phrase goes on on the next ("…的", "…并", "…对")
_GOES_ON_CHARS = frozenset("的和与及并或跟对把将被给向于从")
#: a line that sets someone to work, the work on the next line ("组织全体执法人员\n开展业务培训",
#: "督促各党支部\n按月开展主题党日"): a verb that has others act, then only who is to act
_PIVOT_LINE = LazyPattern(
    r"^(?:组织|督促|要求|推动|指导|安排|责成|动员|引导|带领|召集|邀请|促使|鼓励|协调|指派|通知)"
    r"[^，,。；;：:、]{0,16}(?:全员|人员|干部|党员|职工|员工|群众|成员|委员|支部|科室|股室|站所|单位|部门|班子"
    r"|教师|老师|医生|医务人员|护士|村|社区|学校|企业|子公司|公司|乡镇|街道)$")


def line_goes_on(line: str) -> bool:
    """Does the phrase of ``line`` (one line of a cell) go on on the next line, rather than end
    with it — ending on a word no phrase ends with ("…并", "…的"), or naming only who is set to
    the work the next line says ("组织全员")?"""
    line = line.rstrip()
    return bool(line) and (line[-1] in _GOES_ON_CHARS or _PIVOT_LINE.match(line) is not None)


def is_placeholder(text: str) -> bool:
    """A cell filled with a placeholder rather than content ("无", "/", "——", "待补充")."""
    return bool(text) and bool(_PLACEHOLDER.match(text.strip(" 。.")))


def name_list(names: Iterable[str]) -> str:
    """Names (of sheets, files) in a sentence, joined by "、"; each quoted “…” when a name holds
    a "、" or "，" itself ("一、政治建设" would otherwise read as two names)."""
    names = list(names)
    if any(("、" in n or "，" in n) for n in names):
        return "、".join(f"“{n}”" for n in names)
    return "、".join(names)


_EMOJI_JOINERS = frozenset("\ufe0e\ufe0f\u200d\u20e3")


def _is_symbol(ch: str) -> bool:
    """A pictograph or symbol a bullet or a mark is drawn with: emoji (🔸 📌 ✅ 👉 ▶️ 🚩), dingbats
    and geometric shapes (category So; skin tones Sk), arrows, and the marks emoji are joined by."""
    if ch in _EMOJI_JOINERS:
        return True
    cat = unicodedata.category(ch)
    if cat in ("So", "Sk"):
        return True
    code = ord(ch)
    return cat == "Sm" and (0x2190 <= code <= 0x21FF or 0x27F0 <= code <= 0x297F
                            or 0x2B00 <= code <= 0x2BFF or ch == "√")


def symbol_run(text: str) -> int:
    """Length of the run of emoji and symbols ``text`` opens with, and the spaces after it (0 when
    it opens with none): "📌 一、…" → 2, "🔸（一）…" → 1, "✅已完成" → 1."""
    k = 0
    while k < len(text) and _is_symbol(text[k]):
        k += 1
    if k == 0:
        return 0
    while k < len(text) and text[k] in " \u3000\xa0":
        k += 1
    return k


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" (messages quote cells; findings keep them whole)."""
    return text if len(text) <= limit else text[:limit] + "…"


# -- counts and rates as notices write them ------------------------------------------------------


def cn_count(n: int) -> str:
    """A count in Chinese numerals as it is said before a measure word: 2 → 两 ("两个方面",
    never "二个方面"), otherwise :func:`chinese_number` (3 → 三, 12 → 十二, 22 → 二十二)."""
    return "两" if n == 2 else chinese_number(n)


def percent_text(rate: float) -> str:
    """A share as notices print it: 0.6 → "60%", 0.375 → "37.5%" (one decimal at most), a half
    rounded up as a clerk and Excel's 0.0% round it (1/16 → "6.3%", 13/80 → "16.3%", not the
    float's round-half-even "6.2%"); a share short of the whole never reads "100%" (1999/2000 →
    "99.9%") and one above none never "0%"."""
    value = (Decimal(repr(rate)) * 100).quantize(_TENTH, rounding=ROUND_HALF_UP)
    if rate < 1 and value >= 100:
        value = Decimal("99.9")
    elif rate > 0 and value <= 0:
        value = _TENTH
    return f"{value:.0f}%" if value == value.to_integral_value() else f"{value:.1f}%"


_TENTH = Decimal("0.1")


# -- traditional characters ----------------------------------------------------------------------

# Traditional (繁体) characters that ledgers and notices from Hong Kong/Taiwan-configured machines,
# old templates or copied web pages carry, mapped 1:1 to their simplified forms. A small table of the
# characters that official Chinese prose actually uses (status and deadline words, units, headers,
# notice vocabulary), not a full converter: characters outside it pass through unchanged, and
# characters that are also ordinary simplified characters with another meaning (著, 乾 …) are left
# out. One character for one character, so positions in the text do not move.
_TRADITIONAL = (
    "萬與專業東絲丟兩嚴個臨為爲麗舉麼麽義習鄉書買亂爭於雲產億僅從倉們價眾衆優會偉傳傷"
    "偽僞體餘債傾償儲兒黨關興養內冊寫軍農馮衝決況淨準減幾鳳憑擊劃劉則創刪別製劑辦務動"
    "勵勁勞勢區醫華協單佔盧衛卻廠廳歷壓縣參雙發變臺號後嗎聽啓啟吳員週諮響團園圍國圖圓"
    "場壞塊堅壘聲處備復夠頭夾獎婦嬰孫學寧實審寬對尋導將盡層屆屬歲崗巖嶺峯鞏師帶幫幹並"
    "廣牀庫應廢開異張彌彈強歸當錄徹徵徑態總恆懇惡懲願戰戶纔託執擴掃護報擔擬擁撥擇掛揮"
    "損換據攬攝擺搖撐數鬥斷無舊時顯曉暫術機雜權條來楊傑極構楓標棟欄樹樣檔檢樓歡毀畢氣"
    "匯彙湯溝沒洩潔測瀏濤渙滾滯滿點煉熱愛牽狀獨環現電畫暢療監蓋盤矯礦碼礎碩確礙離種積"
    "稱稅穩競筆籠築籌籤簡類糧緊糾紅約級紀綱納縱紛紙綫線練組細織終經結繞給絡絕統繼績續"
    "維綜綠緩編縮繕繳網羅罰羣職聯肅腫脫騰輿藝節範薦藥獲營蔣藍虛補裝見觀規視覽覺計訂認"
    "討訓議訊記講許論設訪證評識訴診試誠話詢該詳誡語誤說説請讀課調談謀謝謹譚負財責敗帳"
    "賬貨質購貫貼貸費賀賃資賽讚贈趙踐蹤車轉輪軟輕載較輔輛輯輸轄辭邊達過運還這進遠違連"
    "遲適選遞遺遙鄧郵鄒鄭採釋裏裡鑑針釘鍾鈎鉤鈕錢鏈銷鎖鋒錯錨鍵鍥鍛鎮長門閉問閒間閱閲"
    "隊陽陣階際陸陳險隨隱難靜韓頁頂項順須顧頓預領頻題顏額風飛飯飲館饋馬駐驗驟鮮鳴鶴黃"
    "齊齡龍龔"
)
_SIMPLIFIED = (
    "万与专业东丝丢两严个临为为丽举么么义习乡书买乱争于云产亿仅从仓们价众众优会伟传伤"
    "伪伪体余债倾偿储儿党关兴养内册写军农冯冲决况净准减几凤凭击划刘则创删别制剂办务动"
    "励劲劳势区医华协单占卢卫却厂厅历压县参双发变台号后吗听启启吴员周咨响团园围国图圆"
    "场坏块坚垒声处备复够头夹奖妇婴孙学宁实审宽对寻导将尽层届属岁岗岩岭峰巩师带帮干并"
    "广床库应废开异张弥弹强归当录彻征径态总恒恳恶惩愿战户才托执扩扫护报担拟拥拨择挂挥"
    "损换据揽摄摆摇撑数斗断无旧时显晓暂术机杂权条来杨杰极构枫标栋栏树样档检楼欢毁毕气"
    "汇汇汤沟没泄洁测浏涛涣滚滞满点炼热爱牵状独环现电画畅疗监盖盘矫矿码础硕确碍离种积"
    "称税稳竞笔笼筑筹签简类粮紧纠红约级纪纲纳纵纷纸线线练组细织终经结绕给络绝统继绩续"
    "维综绿缓编缩缮缴网罗罚群职联肃肿脱腾舆艺节范荐药获营蒋蓝虚补装见观规视览觉计订认"
    "讨训议讯记讲许论设访证评识诉诊试诚话询该详诫语误说说请读课调谈谋谢谨谭负财责败账"
    "账货质购贯贴贷费贺赁资赛赞赠赵践踪车转轮软轻载较辅辆辑输辖辞边达过运还这进远违连"
    "迟适选递遗遥邓邮邹郑采释里里鉴针钉钟钩钩钮钱链销锁锋错锚键锲锻镇长门闭问闲间阅阅"
    "队阳阵阶际陆陈险随隐难静韩页顶项顺须顾顿预领频题颜额风飞饭饮馆馈马驻验骤鲜鸣鹤黄"
    "齐龄龙龚"
)

#: ``str.translate`` table: traditional character → simplified character
#: traditional characters of notices and web reposts (聯繫, 發佈, 紮實, 濱海 …), one for one
_TRADITIONAL_MORE = (
    "佈係繫紮複註併雖橋濱灣萊簽嚮勸厲嘗奪奮寢寶帥幣彎憂憶懷懸戲搶擋擠攜敵斂曆棄櫃殘滅滬漁漢潛濃濟災煙燈燒爐獄瑣疊盜禍禮窮竊紋"
    "紡紹綁綿緒緝締縫繩繪罷聖聞膽臉莊葉蘇蘭蟲襲詐詞譯謊譽讓豐貝貢販貧貪貿賓賞賠賢賣賦賴贏趕躍軌軸輝輩辯遜遷鄰醜鈴銀銅銘鋪鋼錦"
    "鍋鏡鐘鐵閃閘閣闊闖闡陰隸雞霧靈韌頌頒顆飄飽饒駁駕騎騙驅驚髒鬧魚鳥麥齒壽夢奧寵廁慘慶憤懶戀攤敘斬槍樂橫檯歐滄滲潑澀濁濕瀆灑"
    "灘烏燦爺牆犧獵獸瓊畝瘡癡皺盞磚禦穀窪竄篩籃粵紐絨綢緯縛纏纖翹聳脅脈腦膠膚臟艦艱蘆虧蝕褲襯觸詩誇誌誕誘誼諒諧謂謙謠譜譴豎貶"
    "賄賺賭贓趨跡蹟軀轟遼邁釣鈍鈔鋁錘錫鍍鏟鑰鑽閩閥陝隴雛韻頃頗顫颱飢飾餓饑驕驢鬱魯鴻鵬鷹鹽劇勳嘆噴嚇囑墊墜壟壯壺夥妝岡巒廚懼"
    "拋捨捲掙揀搗摟擾攏攔斃晝曬樁樑殼渦溫漲潤澤澱濫濾爛狹猶瘋瞞矚祕禪窩竅篤籲紗紳聰腎腸蒞蔭蕭薑蘊蠅襖覓訣詠誣諸譏贍軋轍邏醬釐"
    "銜鋸鏽鑒鑲闢隕韁饅駛騷驛鴿祿稟箏糰罈緞覈搆鬪衊閤閑黴龜"
)
_SIMPLIFIED_MORE = (
    "布系系扎复注并虽桥滨湾莱签向劝厉尝夺奋寝宝帅币弯忧忆怀悬戏抢挡挤携敌敛历弃柜残灭沪渔汉潜浓济灾烟灯烧炉狱琐叠盗祸礼穷窃纹"
    "纺绍绑绵绪缉缔缝绳绘罢圣闻胆脸庄叶苏兰虫袭诈词译谎誉让丰贝贡贩贫贪贸宾赏赔贤卖赋赖赢赶跃轨轴辉辈辩逊迁邻丑铃银铜铭铺钢锦"
    "锅镜钟铁闪闸阁阔闯阐阴隶鸡雾灵韧颂颁颗飘饱饶驳驾骑骗驱惊脏闹鱼鸟麦齿寿梦奥宠厕惨庆愤懒恋摊叙斩枪乐横台欧沧渗泼涩浊湿渎洒"
    "滩乌灿爷墙牺猎兽琼亩疮痴皱盏砖御谷洼窜筛篮粤纽绒绸纬缚缠纤翘耸胁脉脑胶肤脏舰艰芦亏蚀裤衬触诗夸志诞诱谊谅谐谓谦谣谱谴竖贬"
    "贿赚赌赃趋迹迹躯轰辽迈钓钝钞铝锤锡镀铲钥钻闽阀陕陇雏韵顷颇颤台饥饰饿饥骄驴郁鲁鸿鹏鹰盐剧勋叹喷吓嘱垫坠垄壮壶伙妆冈峦厨惧"
    "抛舍卷挣拣捣搂扰拢拦毙昼晒桩梁壳涡温涨润泽淀滥滤烂狭犹疯瞒瞩秘禅窝窍笃吁纱绅聪肾肠莅荫萧姜蕴蝇袄觅诀咏诬诸讥赡轧辙逻酱厘"
    "衔锯锈鉴镶辟陨缰馒驶骚驿鸽禄禀筝团坛缎核构斗蔑合闲霉龟"
)
TRAD_TO_SIMP = str.maketrans(_TRADITIONAL + _TRADITIONAL_MORE, _SIMPLIFIED + _SIMPLIFIED_MORE)


#: any character :func:`to_simplified` changes (a C-level scan: most text has none, and then
#: the per-character translation is skipped)
_TRADITIONAL_CHAR = re.compile("[" + re.escape("".join(sorted({chr(k) for k in TRAD_TO_SIMP}))) + "]")


def to_simplified(text: str) -> str:
    """Traditional characters folded to simplified (長期堅持 → 长期坚持, 問題 → 问题), one character
    for one character; everything else unchanged. Apply before matching Chinese words."""
    return text.translate(TRAD_TO_SIMP) if _TRADITIONAL_CHAR.search(text) else text
