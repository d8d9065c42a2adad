"""A .docx notice read back as text, with the numbers Word draws from its list numbering.

Offices often type a notice in Word with a multi-level list: the "一、", "（一）" and "1." in front
of the headings are drawn from ``numbering.xml`` and are not characters of the paragraphs, so
python-docx's ``paragraph.text`` loses the whole hierarchy. :func:`read_notice_docx` puts them
back, the way Word (and LibreOffice's text export) shows them:

- a paragraph's list is its ``w:pPr/w:numPr`` (``w:numId`` + ``w:ilvl``), else the one of its
  paragraph style (``w:basedOn`` followed); ``w:numId`` 0 means "not numbered";
- ``w:num`` → ``w:abstractNum`` (also through ``w:numStyleLink``); ``w:lvlOverride`` /
  ``w:startOverride`` and an overriding ``w:lvl`` are honoured;
- counters are kept per list: a level counts on from its ``w:start``, and restarts after any
  higher level (``w:lvlRestart`` 0 = never); a ``w:num`` with a start override starts afresh;
- ``w:lvlText`` ("%1、", "（%2）", "%3.") is filled in with each level's ``w:numFmt``: decimal,
  chineseCounting / chineseCountingThousand / ideographDigital / japaneseCounting /
  taiwaneseCounting (一、十一), chineseLegalSimplified (壹), ideographTraditional (甲),
  ideographZodiac (子), decimalEnclosedCircle (①), decimalEnclosedParen ((1)),
  decimalEnclosedFullstop (1.), decimalFullWidth, decimalZero, upper/lower Letter and Roman;
  ``w:isLgl`` writes every number in decimal; bullets and ``none`` draw nothing;
- ``w:suff`` "nothing" joins the number to the text; tab and space become one space.

A paragraph's text is what Word shows (:func:`shown_text`, read from the XML): tracked
insertions and moves (to), inline content controls, links and simple fields are read; tracked
deletions and moves (from), hidden text (``w:vanish`` on a run or by its style) and field
instructions are not; a paragraph whose mark is hidden runs on into the next. The content of a
text box (a signature and date under the seal) is read after the paragraph it is anchored in,
from one branch of an ``mc:AlternateContent``. A body imported as an HTML chunk
(``w:altChunk``, as some OA systems export) is read as the web page it is.

Paragraphs in tables (each cell once, however wide or tall its merge) and in content controls
are read in document order; a table nested in a cell is part of that cell's text, one row a
piece. A two-column table of short cells (a small count table) is read one line a row.
A table of three or more columns — a ledger published as a table —
gives one line a row with its cells separated by tabs (a cell's paragraphs joined with "；", a
cell merged down from the row above empty), which :func:`rectxl.core.notice.parse_notice` reads
as table rows under their header row. A paragraph that opens with a bold sentence and goes on in
plain type (an unnumbered issue marked in bold) is given Markdown's ``**…**`` around that
sentence, which the parser reads as the issue's title.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from rectxl.core.notice.parse import NoticeParseError
from rectxl.core.text import chinese_number
from rectxl.io import file_kind

__all__ = ["DocxNumbering", "contained", "format_number", "read_notice_docx"]


# ---------------------------------------------------------------------------
# Number formats
# ---------------------------------------------------------------------------

_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_LEGAL_MAP = str.maketrans({**{d: _LEGAL[i] for i, d in enumerate("零一二三四五六七八九")},
                            "十": "拾", "百": "佰", "两": "贰"})


def _legal(n: int) -> str:
    """壹, 拾壹 (11), 贰拾 (20): the capital numerals of financial writing."""
    text = chinese_number(n)
    if text.startswith("十"):
        text = "一" + text
    return text.translate(_LEGAL_MAP)


def format_number(n: int, fmt: str) -> str:
    """``n`` in the ``w:numFmt`` ``fmt`` (an unknown format falls back to decimal)."""
    if n < 0:
        n = 0
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "koreanCounting", "ideographDigitalCounting"):
        return chinese_number(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _legal(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n else ""
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n else ""
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n) if n else ""
    if fmt == "lowerLetter":
        return _letters(n).lower() if n else ""
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


# ---------------------------------------------------------------------------
# numbering.xml
# ---------------------------------------------------------------------------

def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    if child is None:
        return default
    value = child.get(qn("w:val"))
    return default if value is None else value


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based), 0 = never
    style: str | None = None    # w:pStyle: the paragraph style bound to this level


def _level(el: Any) -> _Level:
    restart = _val(el, "w:lvlRestart")
    return _Level(
        start=_int(_val(el, "w:start"), 1),
        fmt=_val(el, "w:numFmt", "decimal") or "decimal",
        text=_val(el, "w:lvlText", "") or "",
        suffix=_val(el, "w:suff", "tab") or "tab",
        legal=el.find(qn("w:isLgl")) is not None and _val(el, "w:isLgl", "1") not in ("0", "false"),
        restart=_int(restart, 0) if restart is not None else None,
        style=_val(el, "w:pStyle"),
    )


@dataclass
class DocxNumbering:
    """The list definitions of one document and the running counters of its lists."""

    #: abstractNumId → ilvl → level
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    #: abstractNumId → the style its w:numStyleLink names
    style_links: dict[str, str] = field(default_factory=dict)
    #: numId → (abstractNumId, ilvl → start override, ilvl → overriding level)
    nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = field(default_factory=dict)
    #: paragraph style id → (numId, ilvl or None, basedOn)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, doc: Any) -> DocxNumbering:
        numbering = cls()
        root = None
        try:
            root = doc.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError, ValueError):
            root = None
        if root is not None:
            for a in root.findall(qn("w:abstractNum")):
                aid = a.get(qn("w:abstractNumId"))
                if aid is None:
                    continue
                numbering.abstract[aid] = {
                    _int(lvl.get(qn("w:ilvl")), 0): _level(lvl) for lvl in a.findall(qn("w:lvl"))}
                link = _val(a, "w:numStyleLink")
                if link:
                    numbering.style_links[aid] = link
            for num in root.findall(qn("w:num")):
                nid = num.get(qn("w:numId"))
                aid = _val(num, "w:abstractNumId")
                if nid is None or aid is None:
                    continue
                starts: dict[int, int] = {}
                levels: dict[int, _Level] = {}
                for override in num.findall(qn("w:lvlOverride")):
                    ilvl = _int(override.get(qn("w:ilvl")), 0)
                    start = _val(override, "w:startOverride")
                    if start is not None:
                        starts[ilvl] = _int(start, 1)
                    lvl = override.find(qn("w:lvl"))
                    if lvl is not None:
                        levels[ilvl] = _level(lvl)
                numbering.nums[nid] = (aid, starts, levels)
        try:
            styles_el = doc.styles.element
        except Exception:  # a document without styles.xml
            styles_el = None
        if styles_el is not None:
            for style in styles_el.findall(qn("w:style")):
                sid = style.get(qn("w:styleId"))
                if sid is None:
                    continue
                ppr = style.find(qn("w:pPr"))
                num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
                style_nid = _val(num_pr, "w:numId") if num_pr is not None else None
                style_ilvl = _val(num_pr, "w:ilvl") if num_pr is not None else None
                numbering.styles[sid] = (
                    style_nid, _int(style_ilvl, 0) if style_ilvl is not None else None,
                    _val(style, "w:basedOn"))
        return numbering

    # -- resolution -------------------------------------------------------------------

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            nid, ilvl, based = self.styles.get(style_id, (None, None, None))
            if nid is not None:
                return nid, ilvl
            style_id = based
        return None, None

    def _levels(self, nid: str) -> tuple[str, dict[int, _Level]] | None:
        entry = self.nums.get(nid)
        if entry is None:
            return None
        aid, _, overrides = entry
        levels = self.abstract.get(aid)
        link = self.style_links.get(aid)
        if link is not None:  # the definition lives with the list style's own w:num
            linked = self.styles.get(link, (None, None, None))[0]
            if linked is not None and linked != nid and linked in self.nums:
                aid = self.nums[linked][0]
                levels = self.abstract.get(aid)
        if levels is None:
            return None
        return aid, {**levels, **overrides}

    def label(self, p: Any) -> str:
        """The number Word draws in front of paragraph element ``p`` ("" when none); advances
        the counters as Word does."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style_id = _val(ppr, "w:pStyle") if ppr is not None else None
        nid: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            nid = _val(num_pr, "w:numId")
            ilvl_text = _val(num_pr, "w:ilvl")
            ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
        if nid is None:
            nid, style_ilvl = self._style_num(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if nid is None or nid == "0":
            return ""
        found = self._levels(nid)
        if found is None:
            return ""
        aid, levels = found
        if ilvl is None:  # a style bound to a level by w:pStyle
            ilvl = next((i for i, lvl in levels.items() if lvl.style and lvl.style == style_id), 0)
        ilvl = max(0, min(ilvl, 8))
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        _, starts, _ = self.nums[nid]
        if nid not in self.started:
            self.started.add(nid)
            for i, start in starts.items():
                counters[i] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [i for i in counters if i > ilvl]:
            lvl = levels.get(deeper)
            if lvl is not None and lvl.restart == 0:
                continue
            if lvl is not None and lvl.restart is not None and lvl.restart - 1 < ilvl:
                continue
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for i in range(8, -1, -1):
            token = f"%{i + 1}"
            if token not in text:
                continue
            lvl = levels.get(i)
            value = counters.get(i, lvl.start if lvl else 1)
            fmt = "decimal" if level.legal or lvl is None else lvl.fmt
            text = text.replace(token, format_number(value, fmt))
        if not text:
            return ""
        if level.suffix in ("tab", "space"):
            text += " "
        return text


# ---------------------------------------------------------------------------
# What a paragraph shows
# ---------------------------------------------------------------------------

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE = f"{{{_MC_NS}}}AlternateContent"
_CHOICE = f"{{{_MC_NS}}}Choice"
_FALLBACK = f"{{{_MC_NS}}}Fallback"
_R, _T, _BR, _RPR, _PPR = qn("w:r"), qn("w:t"), qn("w:br"), qn("w:rPr"), qn("w:pPr")
_TXBX = qn("w:txbxContent")
#: what a run's content draws (w:t is its text; w:br depends on its type)
_RUN_CHARS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
#: elements around runs whose runs are shown: links, tracked insertions and moves (to), smart
#: tags, custom XML, simple fields (their result), bidirectional embeddings, the content of an
#: inline content control, a ruby's base text
_SHOWN = frozenset(qn(t) for t in (
    "w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir",
    "w:bdo", "w:sdtContent", "w:rubyBase"))
#: a run's drawings and objects, where a text box's content lives
_DRAWN = frozenset(qn(t) for t in ("w:drawing", "w:pict", "w:object")) | {_ALTERNATE}


def _on(el: Any) -> bool:
    """A toggle property (w:vanish, w:b …) switched on: present, its w:val not false."""
    return el is not None and (el.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def _alternative(el: Any) -> Any:
    """The one branch of an ``mc:AlternateContent`` a reader shows: its first choice, else its
    fallback (never both: they hold the same content twice)."""
    chosen = el.find(_CHOICE)
    return chosen if chosen is not None else el.find(_FALLBACK)


def hidden_styles(doc: Any) -> frozenset[str]:
    """The ids of the styles whose text is hidden (``w:vanish`` in their run properties, own or
    inherited through ``w:basedOn``)."""
    try:
        styles = doc.styles.element
    except Exception:  # a document without styles.xml
        return frozenset()
    own: dict[str, bool | None] = {}
    based: dict[str, str | None] = {}
    for style in styles.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if sid is None:
            continue
        rpr = style.find(_RPR)
        vanish = rpr.find(qn("w:vanish")) if rpr is not None else None
        own[sid] = None if vanish is None else _on(vanish)
        based[sid] = _val(style, "w:basedOn")
    hidden: set[str] = set()
    for sid in own:
        seen: set[str] = set()
        at: str | None = sid
        while at is not None and at not in seen and at in own:
            seen.add(at)
            if own[at] is not None:
                if own[at]:
                    hidden.add(sid)
                break
            at = based.get(at)
    return frozenset(hidden)


@dataclass
class _Shown:
    """What a paragraph shows: its text, its runs with the text each shows (for their
    formatting), and the contents of the text boxes anchored in it, in order."""

    text: str = ""
    runs: list[tuple[Any, str]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    #: its paragraph mark is hidden: Word shows it run on into the next paragraph
    joined: bool = False


def shown_text(p: Any, hidden: frozenset[str] = frozenset()) -> _Shown:
    """The text paragraph element ``p`` shows, read from its XML: runs directly in it and inside
    links, tracked insertions and moves, content controls, simple fields and smart tags; never
    tracked deletions (``w:del``, ``w:moveFrom``), hidden text (``w:vanish`` on the run, or by
    its character or paragraph style), field instructions or comments. A text box drawn in the
    paragraph (``w:txbxContent``, one branch of an ``mc:AlternateContent``) is not part of its
    text: its content is returned in ``boxes``. Soft hyphens are dropped."""
    shown = _Shown()
    ppr = p.find(_PPR)
    style = _val(ppr, "w:pStyle") if ppr is not None else None
    para_hidden = style in hidden
    mark = ppr.find(_RPR) if ppr is not None else None
    shown.joined = mark is not None and _on(mark.find(qn("w:vanish")))
    parts: list[str] = []

    def run(r: Any) -> None:
        rpr = r.find(_RPR)
        vanish = rpr.find(qn("w:vanish")) if rpr is not None else None
        if vanish is not None:
            is_hidden = _on(vanish)
        else:
            char_style = _val(rpr, "w:rStyle") if rpr is not None else None
            is_hidden = para_hidden or char_style in hidden
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _T:
                text.append(child.text or "")
            elif tag == _BR:
                if (child.get(qn("w:type")) or "textWrapping") == "textWrapping":
                    text.append("\n")
            elif tag in _RUN_CHARS:
                text.append(_RUN_CHARS[tag])
            elif tag in _DRAWN:
                _find_boxes(child, shown.boxes)
        if is_hidden:
            return
        piece = "".join(text).replace("\u00ad", "")
        if piece:
            shown.runs.append((r, piece))
            parts.append(piece)

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                run(child)
            elif tag in _SHOWN:
                walk(child)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)
            elif tag == qn("w:ruby"):
                base = child.find(qn("w:rubyBase"))
                if base is not None:
                    walk(base)
            elif tag == _ALTERNATE:
                chosen = _alternative(child)
                if chosen is not None:
                    walk(chosen)
            # anything else (bookmarks, proofing marks, comment ranges, field characters and
            # their instructions, content-control properties, a ruby's annotation, tracked
            # deletions and moves away: w:del, w:moveFrom) shows nothing

    walk(p)
    shown.text = "".join(parts)
    return shown


def _find_boxes(el: Any, found: list[Any]) -> None:
    """The outermost text-box contents inside a drawing, one branch of each alternate content."""
    if el.tag == _ALTERNATE:
        chosen = _alternative(el)
        if chosen is not None:
            _find_boxes(chosen, found)
        return
    for child in el:
        if child.tag == _TXBX:
            found.append(child)
        elif child.tag == _ALTERNATE:
            chosen = _alternative(child)
            if chosen is not None:
                _find_boxes(chosen, found)
        elif isinstance(child.tag, str):
            _find_boxes(child, found)


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------

_ALT_CHUNK = qn("w:altChunk")


_BLOCK_TAGS = (qn("w:p"), qn("w:tbl"), _ALT_CHUNK)


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs, tables and imported chunks (``w:altChunk``) in document order, looking
    inside content controls, custom XML and one branch of an alternate content."""
    return contained(parent, _BLOCK_TAGS)


def contained(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The children of ``parent`` with one of ``tags`` in document order, looking inside content
    controls (内容控件: a template's fields, a repeating row of a form), custom XML and one
    branch of an alternate content — a table's rows (w:tr) and a row's cells (w:tc) too."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in tags:
            yield child
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from contained(content, tags)
        elif tag == qn("w:customXml"):
            yield from contained(child, tags)
        elif tag == _ALTERNATE:
            chosen = _alternative(child)
            if chosen is not None:
                yield from contained(chosen, tags)


_CELL_ENDS = ("。", "；", ";", "！", "？", "：", ":", "，", ",")
#: how a bold lead sentence ends when it makes up the whole paragraph
_LEAD_ENDS = ("。", "：", ":")
#: a two-column table whose cells are all this short (no sentence) is a small data table
#: ("学习专题 | 次数"), read one line a row like a wider one; longer cells are a layout
_SHORT_CELL = 30


def _bold(run: Run) -> bool:
    """Whether a run is set bold: by its own formatting, else by its character style."""
    if run.bold is not None:
        return bool(run.bold)
    try:
        style = run.style
    except Exception:  # a style the document does not define
        return False
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _bold_lead(shown: _Shown, paragraph: Paragraph, text: str) -> str:
    """The bold sentence a paragraph opens with — "干部选拔任用工作程序不够严谨。" before the
    measures in plain type, the way many offices mark an unnumbered issue — else "". A
    paragraph bold throughout is a heading, unless it ends as a sentence does."""
    lead = ""
    for r, part in shown.runs:
        if not _bold(Run(r, paragraph)):
            if part.strip():
                break
        lead += part
    lead = lead.rstrip()
    if not lead.strip() or not text.startswith(lead):
        return ""
    if text[len(lead):].strip():
        return lead
    return lead if lead.endswith(_LEAD_ENDS) else ""


def _row_text(cells: list[str]) -> str:
    """A row of a table nested in a cell, on one line: its cells separated by a space."""
    return " ".join(c for c in cells if c)


class _Reader:
    """The document's lines: paragraphs with their list numbers, tables, text boxes and
    imported chunks, in order."""

    def __init__(self, doc: Any, numbering: DocxNumbering) -> None:
        self.doc = doc
        self.numbering = numbering
        self.hidden = hidden_styles(doc)
        self.lines: list[str] = []
        self.headings: list[_Heading] = []
        #: a paragraph whose mark is hidden runs on into the next one, as Word shows it
        self.carried = ""
        #: imported chunks whose content could not be read (their content types)
        self.unread_chunks: list[str] = []

    def block(self, el: Any, parent: Any) -> None:
        if el.tag == qn("w:p"):
            self.paragraph(el, parent)
        elif el.tag == qn("w:tbl"):
            self.table(el, parent)
        else:
            self.chunk(el)

    def paragraph(self, p_el: Any, parent: Any) -> None:
        label = self.numbering.label(p_el)
        shown = shown_text(p_el, self.hidden)
        text = shown.text
        para = Paragraph(p_el, parent)
        level = _heading_level(para)
        if level is not None and text.strip() and not self.carried:
            self.headings.append(_Heading(len(self.lines), level, bool(label or _NUMBERED.match(text))))
        lead = "" if label or level is not None else _bold_lead(shown, para, text)
        if lead:  # Markdown's mark for it, which the parser reads as an issue's title
            text = f"**{lead}**{text[len(lead):]}"
        line = label + text if label else text
        if shown.joined:
            self.carried += line
        else:
            self.lines.append(self.carried + line)
            self.carried = ""
        for box in shown.boxes:  # a text box (a signature under the seal) where it is anchored
            for block in _blocks(box):
                self.block(block, parent)

    def paragraph_pieces(self, p_el: Any) -> list[str]:
        """A paragraph in a cell as pieces of one line: its text split at soft line breaks
        (w:br, Shift+Enter: "1.…<w:br/>2.…" is one measure a piece), then its text boxes."""
        shown = shown_text(p_el, self.hidden)
        pieces = (self.numbering.label(p_el) + shown.text).split("\n")
        for box in shown.boxes:
            pieces.extend(self.cell_pieces(box))
        return pieces

    def cell_pieces(self, container: Any) -> list[str]:
        pieces: list[str] = []
        for block in _blocks(container):
            if block.tag == qn("w:p"):
                pieces.extend(self.paragraph_pieces(block))
            elif block.tag == qn("w:tbl"):
                # a table in the cell (the amounts listed under a measure): part of its text,
                # one piece a row
                for row in self.rows(block, container):
                    pieces.append(_row_text([self.cell_text(c) for c in row]))
            else:
                pieces.extend(self.chunk_lines(block))
        return pieces

    def cell_text(self, cell: Any) -> str:
        parts: list[str] = []
        for piece in self.cell_pieces(cell._tc):
            text = piece.replace("\t", " ").strip()
            if text:
                if parts and not parts[-1].endswith(_CELL_ENDS):
                    parts[-1] += "；"
                parts.append(text)
        return "".join(parts)

    @staticmethod
    def rows(tbl_el: Any, parent: Any) -> list[list[Any]]:
        """The table's rows, each cell once however wide its merge."""
        out: list[list[Any]] = []
        for row in Table(tbl_el, parent).rows:
            seen: set[int] = set()
            cells = []
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            out.append(cells)
        return out

    def _small_data_table(self, rows: list[list[Any]], width: int) -> bool:
        """A two-column table of short cells over two or more rows ("学习专题 | 次数" /
        "专题研讨 | 6"): data, read one line a row, never cell by cell as separate lines."""
        if width != 2 or len(rows) < 2:
            return False
        for cells in rows:
            for cell in cells:
                if cell._tc.find(f".//{qn('w:tbl')}") is not None:
                    return False
                # the text without list numbers (reading those would advance the counters)
                text = "".join(shown_text(p, self.hidden).text for p in cell._tc.iter(qn("w:p")))
                if len(text.strip()) > _SHORT_CELL or "。" in text or "\n" in text:
                    return False
        return True

    def table(self, tbl_el: Any, parent: Any) -> None:
        rows = self.rows(tbl_el, parent)
        width = max((len(cells) for cells in rows), default=0)
        as_rows = width >= 3 or self._small_data_table(rows, width)
        # the cells of earlier rows (the elements themselves, which keeps their ids from being
        # reused): a cell merged down is read once
        above: dict[int, Any] = {}
        for cells in rows:
            merged_down = {id(cell._tc) for cell in cells if above.get(id(cell._tc)) is cell._tc}
            above.update((id(cell._tc), cell._tc) for cell in cells)
            if as_rows and len(cells) > 1:
                # a table of three or more columns (a ledger published as a table), or a small
                # data table: one line a row, cells separated by tabs, as a table pasted from a
                # web page reads; a cell merged down from the row above (序号 and 问题 over an
                # issue's measure rows) is empty on its lower rows, as the parser reads a merged cell
                self.lines.append("\t".join("" if id(cell._tc) in merged_down else self.cell_text(cell)
                                            for cell in cells))
                continue
            for cell in cells:
                if id(cell._tc) in merged_down:
                    continue
                for block in _blocks(cell._tc):
                    self.block(block, cell)

    # -- imported chunks (w:altChunk) --------------------------------------------------

    def chunk_lines(self, el: Any) -> list[str]:
        """The lines of an imported chunk: an HTML (or MHT, or plain text) part that some OA
        systems export as the whole body of a .docx and Word shows as its content."""
        from rectxl.io.notice_file import html_text, mht_html

        rid = el.get(qn("r:id"))
        try:
            part = self.doc.part.related_parts[rid]
            content_type = (part.content_type or "").lower()
            blob: bytes = part.blob
        except (KeyError, AttributeError):
            return []
        name = Path(str(getattr(part, "partname", "") or "")).name or "altChunk"
        if "html" in content_type or content_type in ("message/rfc822", "multipart/related"):
            if content_type in ("message/rfc822", "multipart/related"):
                found = mht_html(blob)
                if found is None:
                    self.unread_chunks.append(content_type)
                    return []
                blob, charset = found
                return html_text(blob, Path(name), charset=charset).split("\n")
            return html_text(blob, Path(name)).split("\n")
        if content_type == "text/plain":
            from rectxl.io.notice_file import decode_text

            return decode_text(blob, Path(name)).splitlines()
        self.unread_chunks.append(content_type or "未知类型")
        return []

    def chunk(self, el: Any) -> None:
        self.lines.extend(self.chunk_lines(el))


def _lines(doc: Any, numbering: DocxNumbering) -> list[str]:
    reader = _Reader(doc, numbering)
    for block in _blocks(doc.element.body):
        reader.block(block, doc)
    if reader.carried:
        reader.lines.append(reader.carried)
    if reader.unread_chunks and not any(line.strip() for line in reader.lines):
        raise NoticeParseError(
            "这份文档的正文是嵌入的外部内容块（altChunk，多见于办公系统导出的 Word 文件），"
            "rectxl 读不出其中的文字：请在 Word 或 WPS 中打开后“另存为” .docx（或网页 .html）再解析。")
    _number_headings(reader.lines, reader.headings)
    return reader.lines


# ---------------------------------------------------------------------------
# Heading styles without numbering
# ---------------------------------------------------------------------------

@dataclass
class _Heading:
    line: int       # index into the lines read
    level: int      # 0 = the document's title, 1 = Heading 1 …
    numbered: bool  # it carries a number of its own (drawn by a list, or typed)


#: a paragraph that opens with a number of its own: 一、 / （一） / 1. / 2.1 / ① / 第一部分
_NUMBERED = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]+(?:部分|方面)|[一二三四五六七八九十]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}(?:[.．]\d{1,2})*\s*[.．、]|\d{1,2}(?:[.．]\d{1,2})+\s"
    r"|[①-⑳]|问题\s*[一二三四五六七八九十\d]+\s*[:：、])")
#: style names of the headings, English and Chinese ("heading 2", "标题 2"), and of the title
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})
#: the numbering an official notice gives its levels, from the top: 一、 / （一） / 1. / （1）
_LEVEL_LABELS = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")


def _outline_level(element: Any) -> int | None:
    """The ``w:outlineLvl`` of a paragraph's or a style's properties (0 = level 1; 9 = body)."""
    ppr = element.find(qn("w:pPr")) if element is not None else None
    value = _val(ppr, "w:outlineLvl") if ppr is not None else None
    level = _int(value, 9)
    return level if 0 <= level < 9 else None


def _heading_level(paragraph: Paragraph) -> int | None:
    """1 for Heading 1 / 标题 1 (or a paragraph set to outline level 1), …; 0 for the Title
    style; ``None`` for body text."""
    own = _outline_level(paragraph._p)
    if own is not None:
        return own + 1
    try:
        style = paragraph.style
    except Exception:  # a style the document does not define
        return None
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() in _TITLE_NAMES:
            return 0
        if (m := _HEADING_NAME.match(name)) is not None:
            return int(m.group(1))
        if (level := _outline_level(style.element)) is not None:
            return level + 1
        style = style.base_style
    return None


def _number_headings(lines: list[str], headings: list[_Heading]) -> None:
    """Headings set in Word's heading styles with no number (the levels are the styles) given
    the numbers an official notice shows: the section (Heading 1) 一、, the aspect （一）, the
    issue 1., each level counted afresh under the level above, so that the parser reads the
    hierarchy the styles give. Headings before the first body paragraph are the title; a level
    any of whose headings carries a number of its own is left as it is written."""
    body_from = next((k for k, line in enumerate(lines)
                      if line.strip() and not any(h.line == k for h in headings)), len(lines))
    inner = [h for h in headings if h.level > 0 and h.line > body_from]
    levels = sorted({h.level for h in inner})
    typed = {h.level for h in inner if h.numbered}
    counters = [0] * len(levels)
    for h in inner:
        rank = levels.index(h.level)
        counters[rank] += 1
        counters[rank + 1:] = [0] * (len(levels) - rank - 1)
        if h.level in typed or rank >= len(_LEVEL_LABELS):
            continue
        n = counters[rank]
        lines[h.line] = _LEVEL_LABELS[rank].format(cn=chinese_number(n), n=n) + lines[h.line].strip()


def _open_document(source: Path) -> Any:
    """The document at ``source``; a macro-enabled document (.docm, also renamed .docx) or a
    template is read as the document it holds (python-docx opens only a plain document's
    content type; the macros are never run nor needed)."""
    try:
        return Document(str(source))
    except Exception:
        pass
    buf = io.BytesIO()
    try:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == "[Content_Types].xml":
                    for content_type in file_kind.WORD_CONTENT_TYPES:
                        data = data.replace(content_type.encode("ascii"), _DOCUMENT_TYPE)
                zout.writestr(info, data)
        buf.seek(0)
        return Document(buf)
    except Exception:
        raise NoticeParseError(
            f"无法打开 {source.name}：文件已损坏或不是 Word（.docx）文档。") from None


_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def read_notice_docx(path: str | os.PathLike[str]) -> str:
    """The document's paragraphs (tables included, in order), each with the number Word's list
    numbering draws in front of it, joined by newlines, for
    :func:`rectxl.core.notice.parse_notice`. Unreadable files raise :class:`NoticeParseError`."""
    source = Path(path)
    if not source.is_file():
        raise NoticeParseError(f"找不到通报文件：{source}")
    try:
        kind = file_kind.sniff(source)
    except OSError as exc:
        raise NoticeParseError(f"无法读取通报文件 {source.name}：{exc.strerror or exc}") from None
    if kind not in (file_kind.OOXML_WORD, file_kind.OOXML_WORD_MACRO, file_kind.ZIP):
        from rectxl.io.notice_file import unreadable_message

        raise NoticeParseError(unreadable_message(source, kind)
                               or f"{source.name} 不是 Word（.docx）文档，无法打开。")
    doc = _open_document(source)
    try:
        numbering = DocxNumbering.of(doc)
    except Exception:  # a damaged numbering part: read the text without the numbers
        numbering = DocxNumbering()
    return "\n".join(_lines(doc, numbering))


def read_docx_rows(path: str | os.PathLike[str]) -> list[list[list[str]]]:
    """The rows of a Word document as a list would be read from a workbook: each table's rows (its
    cells' texts), then the paragraphs outside the tables, one row each — for a list of units sent
    as a Word attachment (应报送单位名单.docx). Unreadable files raise :class:`NoticeParseError`."""
    source = Path(path)
    doc = _open_document(source)
    tables = [[[cell.text.strip() for cell in row.cells] for row in table.rows] for table in doc.tables]
    lines = [[p.text.strip()] for p in doc.paragraphs if p.text.strip()]
    return [*tables, lines] if lines else tables
