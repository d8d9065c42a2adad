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

Paragraphs in tables (each cell once, however wide or tall its merge) and in content controls
are read in document order. A table of three or more columns — a ledger published as a table —
gives one line a row with its cells separated by tabs (a cell's paragraphs joined with "；", a
cell merged down from the row above empty), which :func:`rectxl.core.notice.parse_notice` reads
as table rows under their header row. A paragraph that opens with a bold sentence and goes on in
plain type (an unnumbered issue marked in bold) is given Markdown's ``**…**`` around that
sentence, which the parser reads as the issue's title.
"""

from __future__ import annotations

import os
import re
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

__all__ = ["DocxNumbering", "format_number", "read_notice_docx"]


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
# The document
# ---------------------------------------------------------------------------

def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


_CELL_ENDS = ("。", "；", ";", "！", "？", "：", ":", "，", ",")
#: how a bold lead sentence ends when it makes up the whole paragraph
_LEAD_ENDS = ("。", "：", ":")


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


def _bold_lead(p_el: Any, parent: Any, text: str) -> str:
    """The bold sentence a paragraph opens with — "干部选拔任用工作程序不够严谨。" before the
    measures in plain type, the way many offices mark an unnumbered issue — else "". A
    paragraph bold throughout is a heading, unless it ends as a sentence does."""
    paragraph = Paragraph(p_el, parent)
    lead = ""
    for r in p_el.iter(qn("w:r")):
        run = Run(r, paragraph)
        part = run.text
        if not part:
            continue
        if not _bold(run):
            if part.strip():
                break
        lead += part
    lead = lead.rstrip()
    if not lead.strip() or not text.startswith(lead):
        return ""
    if text[len(lead):].strip():
        return lead
    return lead if lead.endswith(_LEAD_ENDS) else ""


def _lines(doc: Any, numbering: DocxNumbering) -> list[str]:
    lines: list[str] = []
    headings: list[_Heading] = []

    def paragraph(p_el: Any, parent: Any) -> None:
        label = numbering.label(p_el)
        para = Paragraph(p_el, parent)
        text = para.text
        level = _heading_level(para)
        if level is not None and text.strip():
            headings.append(_Heading(len(lines), level, bool(label or _NUMBERED.match(text))))
        lead = "" if label or level is not None else _bold_lead(p_el, parent, text)
        if lead:  # Markdown's mark for it, which the parser reads as an issue's title
            text = f"**{lead}**{text[len(lead):]}"
        lines.append(label + text if label else text)

    def cell_text(cell: Any) -> str:
        parts: list[str] = []
        for block in _blocks(cell._tc):
            if block.tag != qn("w:p"):
                continue
            label = numbering.label(block)
            # a soft line break (w:br, Shift+Enter) inside the cell ends a line as a new
            # paragraph would: "1.…<w:br/>2.…" is one measure a line, never a row broken in two
            for piece in (label + Paragraph(block, cell).text).split("\n"):
                text = piece.replace("\t", " ").strip()
                if text:
                    if parts and not parts[-1].endswith(_CELL_ENDS):
                        parts[-1] += "；"
                    parts.append(text)
        return "".join(parts)

    def table(tbl_el: Any, parent: Any) -> None:
        table_obj = Table(tbl_el, parent)
        width = max((len(row.cells) for row in table_obj.rows), default=0)
        # the cells of earlier rows (the elements themselves, which keeps their ids from being
        # reused): a cell merged down is read once
        above: dict[int, Any] = {}
        for row in table_obj.rows:
            seen: set[int] = set()
            cells = []
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            merged_down = {id(cell._tc) for cell in cells if above.get(id(cell._tc)) is cell._tc}
            above.update((id(cell._tc), cell._tc) for cell in cells)
            if width >= 3 and len(cells) > 1:
                # a table of three or more columns (a ledger published as a table): one line a
                # row, cells separated by tabs, as a table pasted from a web page reads; a cell
                # merged down from the row above (序号 and 问题 over an issue's measure rows) is
                # empty on its lower rows, as the parser reads a merged cell
                lines.append("\t".join("" if id(cell._tc) in merged_down else cell_text(cell)
                                        for cell in cells))
                continue
            for cell in cells:
                if id(cell._tc) in merged_down:
                    continue
                for block in _blocks(cell._tc):
                    if block.tag == qn("w:p"):
                        paragraph(block, cell)
                    else:
                        table(block, cell)

    for block in _blocks(doc.element.body):
        if block.tag == qn("w:p"):
            paragraph(block, doc)
        else:
            table(block, doc)
    _number_headings(lines, headings)
    return lines


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


def read_notice_docx(path: str | os.PathLike[str]) -> str:
    """The document's paragraphs (tables included, in order), each with the number Word's list
    numbering draws in front of it, joined by newlines, for
    :func:`rectxl.core.notice.parse_notice`. Unreadable files raise :class:`NoticeParseError`."""
    source = Path(path)
    if not source.is_file():
        raise NoticeParseError(f"找不到通报文件：{source}")
    try:
        with source.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise NoticeParseError(f"无法读取通报文件 {source.name}：{exc.strerror or exc}") from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise NoticeParseError(
            f"{source.name} 是旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx 后再试。")
    try:
        doc = Document(str(source))
    except Exception:
        raise NoticeParseError(
            f"无法打开 {source.name}：文件已损坏或不是 Word（.docx）文档。") from None
    try:
        numbering = DocxNumbering.of(doc)
    except Exception:  # a damaged numbering part: read the text without the numbers
        numbering = DocxNumbering()
    return "\n".join(_lines(doc, numbering))
