"""The notice as a Word document (.docx), and .docx notices read back as text.

:func:`write_notice_docx` lays out :func:`rectxl.core.notice.notice_blocks` in official-document
style after GB/T 9704-2012 (党政机关公文格式):

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
- title 方正小标宋简体 22 pt (二号), centred; body 仿宋_GB2312 16 pt (三号), justified, first
  line indented 2 characters, fixed line spacing 28.95 pt (22 lines a page); ``一、`` headings
  黑体 16 pt; ``(一)`` headings 楷体_GB2312 16 pt (a run-in ``(一)…。`` lead sentence in 楷体, the
  rest of the paragraph 仿宋); ``第一方面问题,…`` lines 楷体 bold; signature and date
  right-aligned (date 4 characters from the right margin, signature centred above it);
- page numbers "— 1 —" (宋体 14 pt, 四号) from a PAGE field: odd pages right, even pages left,
  one character in from the margin;
- ``【请填写…】`` placeholders highlighted yellow.

Fonts and their fall-back. Every style sets the East Asian font in ``w:rFonts/@w:eastAsia``
(python-docx's ``font.name`` only sets ``w:ascii``/``w:hAnsi``, which Word does not use for
Chinese characters), with ``w:hint="eastAsia"``, and Latin letters/digits in Times New Roman.
方正小标宋简体, 仿宋_GB2312 and 楷体_GB2312 are standard on government PCs but often missing
elsewhere, so the document's font table lists each with ``w:altName`` (小标宋 → 宋体,
仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体) and the GB2312 charset: Word substitutes the alternative
(shipped with every Chinese Windows) when the named font is missing; LibreOffice substitutes
through fontconfig (e.g. Noto Serif/Sans CJK SC). For machines where even 仿宋/楷体 are absent,
pass ``fonts=NoticeFonts(body="仿宋", heading2="楷体", title="宋体")`` (or any installed font).

Writes are atomic (:func:`rectxl.io.atomic.atomic_path`): a half-written file never replaces
the target.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsmap, qn
from docx.shared import Emu, Mm, Pt
from docx.text.run import Run
from lxml import etree

from rectxl.core.model import Ledger
from rectxl.core.notice.render import Block, notice_blocks
from rectxl.io.atomic import atomic_path
from rectxl.io.docx_read import read_notice_docx
from rectxl.io.outputs import mark_document

__all__ = [
    "BODY_LINE_SPACING",
    "MARGINS_MM",
    "NoticeFonts",
    "add_official_text",
    "build_notice_document",
    "official_document",
    "place_signature",
    "read_notice_docx",
    "set_no_indent",
    "table_text_style",
    "write_notice_docx",
]

#: GB/T 9704-2012 margins (top, bottom, left, right) in millimetres
MARGINS_MM = (37, 35, 28, 26)
#: fixed line spacing of body text: 22 lines in the 225 mm type area
BODY_LINE_SPACING = Pt(28.95)
_BODY_SIZE = Pt(16)      # 三号
_TITLE_SIZE = Pt(22)     # 二号
_PAGE_NO_SIZE = Pt(14)   # 四号
_TITLE_LINE_SPACING = Pt(36)
_INDENT_2_CHARS = Pt(32)

#: font table fall-backs: name → (altName, w:family)
_ALT_NAMES: dict[str, tuple[str | None, str]] = {
    "方正小标宋简体": ("宋体", "roman"),
    "方正小标宋_GBK": ("宋体", "roman"),
    "仿宋_GB2312": ("仿宋", "modern"),
    "楷体_GB2312": ("楷体", "modern"),
    "仿宋": ("FangSong", "modern"),
    "楷体": ("KaiTi", "modern"),
    "黑体": ("SimHei", "modern"),
    "宋体": ("SimSun", "auto"),
}


@dataclass(frozen=True)
class NoticeFonts:
    """Font names used by the document (East Asian names; Latin text uses ``latin``)."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


# ---------------------------------------------------------------------------
# Low-level formatting helpers
# ---------------------------------------------------------------------------

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_rfonts(rpr: Any, east_asian: str, latin: str) -> None:
    """Set ``w:rFonts`` on an ``w:rPr``: eastAsia + ascii/hAnsi, no theme overrides."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in rfonts.attrib:
            del rfonts.attrib[key]
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_first_line_chars(pf_owner: Any, chars: int) -> None:
    """``w:ind/@w:firstLineChars`` (hundredths of a character) beside ``w:firstLine``."""
    ind = pf_owner.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _set_outline_level(p_element: Any, level: int) -> None:
    ppr = p_element.get_or_add_pPr()
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    ppr.insert_element_before(el, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _paragraph_style(doc: Any, style_id: str, name: str, *, east_asian: str, latin: str,
                     size: Pt, bold: bool = False, outline: int | None = None) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = size
    style.font.bold = bold
    _set_rfonts(style.element.get_or_add_rPr(), east_asian, latin)
    if outline is not None:
        _set_outline_level(style.element, outline)
    return style


def _setup_styles(doc: Any, fonts: NoticeFonts) -> None:
    # Document defaults: body font, Chinese language, no spacing after paragraphs.
    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr_default, fonts.body, fonts.latin)
    lang = rpr_default.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = styles_el.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")) \
        .find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")

    normal = doc.styles["Normal"]
    normal.font.size = _BODY_SIZE
    _set_rfonts(normal.element.get_or_add_rPr(), fonts.body, fonts.latin)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = BODY_LINE_SPACING
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.first_line_indent = _INDENT_2_CHARS
    pf.widow_control = False
    _set_first_line_chars(normal.element, 2)

    title = _paragraph_style(doc, "GwTitle", "公文标题", east_asian=fonts.title,
                             latin=fonts.latin, size=_TITLE_SIZE)
    tpf = title.paragraph_format
    tpf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tpf.first_line_indent = Pt(0)
    tpf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    tpf.line_spacing = _TITLE_LINE_SPACING
    tpf.space_after = BODY_LINE_SPACING  # one empty line between title and text
    tpf.keep_with_next = True
    _set_first_line_chars(title.element, 0)

    for style_id, name, font, bold, level in (
        ("GwHeading1", "一级标题", fonts.heading1, False, 0),
        ("GwAspect", "方面标题", fonts.heading2, True, 1),
        ("GwHeading2", "二级标题", fonts.heading2, False, 1),
    ):
        s = _paragraph_style(doc, style_id, name, east_asian=font, latin=fonts.latin,
                             size=_BODY_SIZE, bold=bold, outline=level)
        s.paragraph_format.keep_with_next = True

    sig = _paragraph_style(doc, "GwSignature", "落款", east_asian=fonts.body,
                           latin=fonts.latin, size=_BODY_SIZE)
    sig.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sig.paragraph_format.first_line_indent = Pt(0)
    sig.paragraph_format.keep_with_next = True  # the date is never alone on a page
    _set_first_line_chars(sig.element, 0)

    lead = doc.styles.add_style("二级标题字符", WD_STYLE_TYPE.CHARACTER)
    lead.style_id = "GwLeadChar"
    _set_rfonts(lead.element.get_or_add_rPr(), fonts.heading2, fonts.latin)


def _setup_font_table(doc: Any, fonts: NoticeFonts) -> None:
    """List the Chinese fonts in word/fontTable.xml with their ``w:altName`` fall-back."""
    part = next((p for p in doc.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    names = [fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.page_number]
    for name in dict.fromkeys(names):
        if name in present:
            continue
        alt, family = _ALT_NAMES.get(name, (None, "auto"))
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        if alt:
            el = OxmlElement("w:altName")
            el.set(qn("w:val"), alt)
            font.append(el)
        for tag, value in (("w:charset", "86"), ("w:family", family), ("w:pitch", "variable")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            font.append(el)
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_page(doc: Any, fonts: NoticeFonts) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    # page number line about 7 mm below the type area (GB/T 9704 7.5)
    section.footer_distance = Mm(22)
    section.header_distance = Mm(15)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, fonts, odd=True)
    _page_number(section.even_page_footer, fonts, odd=False)


def _field_run(paragraph: Any, instr: str, placeholder: str) -> list[Any]:
    runs = []
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        elif kind == "text":
            run.text = placeholder
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        runs.append(run)
    return runs


def _page_number(footer: Any, fonts: NoticeFonts, *, odd: bool) -> None:
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.clear()
    pf = p.paragraph_format
    pf.first_line_indent = Pt(0)
    _set_first_line_chars(p._p, 0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if odd:
        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf.right_indent = _PAGE_NO_SIZE  # 单页码居右空一字
    else:
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.left_indent = _PAGE_NO_SIZE   # 双页码居左空一字
    runs = [p.add_run("— "), *_field_run(p, "PAGE", "1"), p.add_run(" —")]
    for run in runs:
        run.font.size = _PAGE_NO_SIZE
        _set_rfonts(run._r.get_or_add_rPr(), fonts.page_number, fonts.latin)


# ---------------------------------------------------------------------------
# Blocks → paragraphs
# ---------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"(【请填写[^】]*】)")
_STYLE_OF = {
    "title": "公文标题",
    "heading1": "一级标题",
    "aspect": "方面标题",
    "heading2": "二级标题",
    "signature": "落款",
    "date": "落款",
}


def _add_text(paragraph: Any, text: str, style: str | None = None) -> None:
    for piece in _PLACEHOLDER.split(text):
        if not piece:
            continue
        if style is None and not any(c in piece for c in "\t\r\n"):
            # what ``add_run(piece)`` writes, without python-docx feeding the text through its
            # tab/line-break state machine one character at a time (the notice's hot path)
            run = Run(paragraph._p.add_r(), paragraph)
            run._r.add_t(piece)
        else:
            run = paragraph.add_run(piece, style=style)
        if _PLACEHOLDER.fullmatch(piece):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _width_in_chars(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def official_document(fonts: NoticeFonts | None = None) -> Any:
    """An empty python-docx ``Document`` set up as the notice is (GB/T 9704: A4, margins, page
    numbers, the font table's fall-backs, and the paragraph styles 公文标题, 一级标题, 二级标题 and
    落款 over a 仿宋 16 pt body), for the other official documents rectxl writes (the letters of
    :mod:`rectxl.io.letters_docx`)."""
    fonts = fonts or NoticeFonts()
    doc = Document()
    _setup_styles(doc, fonts)
    _setup_font_table(doc, fonts)
    _setup_page(doc, fonts)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


def add_official_text(paragraph: Any, text: str, style: str | None = None) -> None:
    """Add ``text`` to ``paragraph``, its ``【请填写…】`` placeholders highlighted yellow."""
    _add_text(paragraph, text, style)


def set_no_indent(paragraph: Any) -> None:
    """No first-line indent (the body style indents two characters): 主送机关, table cells."""
    paragraph.paragraph_format.first_line_indent = Pt(0)
    _set_first_line_chars(paragraph._p, 0)


def table_text_style(doc: Any, *, size: Pt, line_spacing: Pt) -> Any:
    """The paragraph style 表格文字 (made on first use): the body's font at ``size``, lines exactly
    ``line_spacing`` apart, left-aligned, no first-line indent. A table's cells take it in one
    attribute each — formatting each cell's paragraph and runs directly cost a letter of 5,000
    measures half a minute."""
    name = "表格文字"
    if name in doc.styles:
        return doc.styles[name]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = "GwTable"
    style.base_style = doc.styles["Normal"]
    style.font.size = size
    pf = style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line_spacing
    pf.first_line_indent = Pt(0)
    _set_first_line_chars(style.element, 0)
    return style


def place_signature(signature: Any, date_paragraph: Any, signature_text: str, date_text: str) -> None:
    """Right-align the date four characters from the margin and centre the signature above it
    (GB/T 9704 7.3.5.1), as the notice does; both paragraphs in the 落款 style."""
    date_paragraph.paragraph_format.right_indent = _INDENT_2_CHARS * 2
    offset = 4 + (_width_in_chars(date_text) - _width_in_chars(signature_text)) / 2
    signature.paragraph_format.right_indent = Pt(16 * max(0.0, offset))


# ---------------------------------------------------------------------------
# The notice: its body written as XML text in one pass
# ---------------------------------------------------------------------------
#
# The notice's paragraphs are not made with python-docx: each ``add_paragraph`` looks for the
# body's closing ``w:sectPr`` among all its children (quadratic in the notice's length), and
# even built detached, a python-docx paragraph costs tens of proxy objects and attribute
# look-ups per run. The paragraphs are instead written as XML text, one string for the whole
# body, and spliced into the document part as lxml writes it (the rest of the package, styles
# and page set-up included, is python-docx's as before). What is written is what python-docx
# would make and lxml would write for the same paragraphs, byte for byte (tests compare the
# two): the same elements in the same order, text escaped as lxml escapes it (``&``, ``<``,
# ``>``), ``xml:space="preserve"`` where ``add_t`` sets it, tabs and line breaks as python-docx
# writes them, and text that cannot be XML refused with lxml's own error. A 100,000-measure
# notice's body is written in a fraction of a second instead of seconds.

#: characters lxml refuses in text (besides lone surrogates, which UTF-8 encoding refuses)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile(r"([\t\r\n])")
_LEAD_CHAR_STYLE = "二级标题字符"


def _xml_text(text: str) -> str:
    r"""``text`` as lxml writes it in an element's content (``\r`` never gets here: see _run)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    """The ``w:t`` python-docx's ``add_t`` makes for ``text``."""
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_xml_text(text)}</w:t>'
    return f"<w:t>{_xml_text(text)}</w:t>"


def _run(piece: str, style_id: str | None, highlight: bool) -> str:
    r"""The ``w:r`` ``add_run(piece, style)`` (plus the yellow highlight) makes: text in ``w:t``,
    each tab a ``w:tab``, each ``\r`` or ``\n`` a ``w:br``."""
    rpr = ""
    if style_id is not None or highlight:
        rpr = ("<w:rPr>" + (f'<w:rStyle w:val="{style_id}"/>' if style_id is not None else "")
               + ('<w:highlight w:val="yellow"/>' if highlight else "") + "</w:rPr>")
    if "\t" in piece or "\r" in piece or "\n" in piece:
        content = "".join("<w:tab/>" if part == "\t" else "<w:br/>" if part in ("\r", "\n")
                          else _t(part) for part in _BREAKS.split(piece) if part)
    else:
        content = _t(piece)
    return f"<w:r>{rpr}{content}</w:r>"


def _runs(text: str, style_id: str | None = None) -> str:
    """What :func:`_add_text` adds to a paragraph for ``text``, as XML."""
    if "【请填写" not in text:  # no placeholder: one run (the notice's common case)
        return _run(text, style_id, False) if text else ""
    return "".join(_run(piece, style_id, bool(_PLACEHOLDER.fullmatch(piece)))
                   for piece in _PLACEHOLDER.split(text) if piece)


def _paragraph(runs: str, *, style_id: str | None = None, keep_next: bool = False,
               right_indent: int | None = None, outline: int | None = None) -> str:
    """A ``w:p``: its ``w:pPr`` children in the schema's order, as python-docx places them."""
    ppr = ""
    if style_id is not None or keep_next or right_indent is not None or outline is not None:
        ppr = ("<w:pPr>"
               + (f'<w:pStyle w:val="{style_id}"/>' if style_id is not None else "")
               + ("<w:keepNext/>" if keep_next else "")
               + (f'<w:ind w:right="{Emu(right_indent).twips}"/>'
                  if right_indent is not None else "")
               + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "")
               + "</w:pPr>")
    if not ppr and not runs:
        return "<w:p/>"
    return f"<w:p>{ppr}{runs}</w:p>"


#: characters of 二号 (22 pt) on a line of the 156 mm type area
TITLE_LINE_CHARS = 20
#: where a title may be broken: before 关于 (the issuer, then the subject), after the issuer,
#: before the round's name or 整改 (not inside the issuer's name: "…管理委员会委员会" is one)
_TITLE_BREAKS = re.compile(r"(?=关于)|(?<=党组|党委|员会|工委|总支|支部)(?!关于|委员会|党委|党组|工委)"
                           r"|(?=巡察|巡视|整改)")


def title_lines(title: str) -> list[str]:
    """The title as GB/T 9704 (7.3.3) sets it when it does not fit one line: broken where the
    words allow (the issuer, then "关于…的通报"), into lines of near equal length — not wherever
    the 20th character falls ("…进展情／况的通报")."""
    if len(title) <= TITLE_LINE_CHARS:
        return [title]
    cuts = [m.start() for m in _TITLE_BREAKS.finditer(title) if 0 < m.start() < len(title)]
    fitting = [c for c in cuts if c <= TITLE_LINE_CHARS and len(title) - c <= TITLE_LINE_CHARS]
    if not fitting:
        return [title]  # no break keeps both lines whole: let the line wrap
    # the issuer before 关于 when that fits, else the most even split
    cut = next((c for c in fitting if title.startswith("关于", c)), None)
    if cut is None or abs(2 * cut - len(title)) > len(title) // 2:
        cut = min(fitting, key=lambda c: abs(2 * c - len(title)))
    return [title[:cut], title[cut:]]


#: the 156 mm type area's width in twentieths of a point (a table printed in the notice spans it)
_TYPE_AREA_TWIPS = round(156 / 25.4 * 1440)
#: the text of a table printed in the notice: 四号, lines exactly 20 pt apart
_TABLE_SIZE = Pt(14)


def _table_xml(rows: list[str], table_style: str | None, text_style: str) -> str:
    """A table the notice printed (:class:`Block` kind ``row``: its counts by aspect, a 合计 row)
    as a ``w:tbl`` across the type area, ruled, its cells centred and its first row — the header,
    repeated on a page it runs over — in bold; columns as wide as their longest text needs."""
    cells = [row.split("\t") for row in rows]
    n = max(len(r) for r in cells)
    cells = [[c.strip() for c in r] + [""] * (n - len(r)) for r in cells]
    need = [max(3.0, *(_width_in_chars(r[c]) for r in cells)) for c in range(n)]
    widths = [int(_TYPE_AREA_TWIPS * w / sum(need)) for w in need]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = ["<w:tbl><w:tblPr>" + (f'<w:tblStyle w:val="{table_style}"/>' if table_style else "")
           + f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           + ("" if table_style else "<w:tblBorders>" + "".join(
               f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
               for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
           + f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for r, row in enumerate(cells):
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""))
        for width, text in zip(widths, row, strict=True):
            run = "" if not text else (f"<w:r><w:rPr><w:b/></w:rPr>{_t(text)}</w:r>" if r == 0 else _runs(text))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                       f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/><w:jc w:val="center"/></w:pPr>{run}</w:p></w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _body_xml(doc: Any, blocks: list[Block]) -> str:
    """The notice's paragraphs as the XML of the body's children (before its ``w:sectPr``),
    built in one pass over ``blocks``; ``doc`` is the document whose styles they use."""
    style_ids = {kind: doc.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
                 for kind, name in _STYLE_OF.items()}
    lead_id = doc.part.get_style_id(_LEAD_CHAR_STYLE, WD_STYLE_TYPE.CHARACTER)
    date_text = next((t for k, t in blocks if k == "date"), "")
    last_closing = max((i for i, b in enumerate(blocks) if b.kind == "closing"), default=-1)
    under_aspect = False
    out: list[str] = []
    table: list[str] = []
    for index, (kind, text) in enumerate(blocks):
        if kind == "row":  # a table's rows, one after another: one table
            table.append(text)
            if index + 1 == len(blocks) or blocks[index + 1].kind != "row":
                grid = doc.styles["Table Grid"].style_id if "Table Grid" in doc.styles else None
                text_style = table_text_style(doc, size=_TABLE_SIZE, line_spacing=Pt(20)).style_id
                out.append(_table_xml(table, grid, text_style))
                table = []
            continue
        right_indent: int | None = None
        if kind == "signature":
            # one empty line before the signature; the signature page keeps some text
            out.append(_paragraph("", keep_next=True))
            # centred above the date: 4 characters + half the width difference
            offset = 4 + (_width_in_chars(date_text) - _width_in_chars(text)) / 2
            right_indent = Pt(16 * max(0.0, offset))
        elif kind == "date":
            right_indent = _INDENT_2_CHARS * 2  # 右空四字
        if kind == "heading1":
            under_aspect = False
        elif kind == "aspect":
            under_aspect = True
        if kind == "lead":
            cut = text.find("。") + 1
            runs = _runs(text[:cut], lead_id) + _runs(text[cut:])
        elif kind == "title":
            runs = _runs("\n".join(title_lines(text)))
        else:
            runs = _runs(text)
        out.append(_paragraph(
            runs, style_id=style_ids.get(kind), keep_next=index == last_closing,
            right_indent=right_indent, outline=2 if kind == "heading2" and under_aspect else None))
    body = "".join(out)
    if bad := _NOT_XML.search(body):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes "
                         f"or control characters (U+{ord(bad.group()):04X} in the notice)")
    return body


def _notice_package(ledger: Ledger, fonts: NoticeFonts | None, as_of: date | None,
                    omit_not_started: bool, today: date | None = None) -> tuple[Any, str]:
    """The notice's document without its paragraphs (styles, page, properties) and the XML of
    its paragraphs."""
    blocks: list[Block] = notice_blocks(ledger, as_of=as_of, omit_not_started=omit_not_started, today=today)
    doc = official_document(fonts)
    body = _body_xml(doc, blocks)
    info = ledger.info
    core = doc.core_properties
    core.title = next((t for k, t in blocks if k == "title"), "")
    core.author = info.party_org or ""
    core.last_modified_by = ""
    core.comments = ""
    core.subject = f"{info.inspection_word}整改进展情况通报"
    mark_document(doc, "notice")
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg_rels[rid]
    return doc, body


def _document_xml(doc: Any, body: str) -> bytes:
    """The document part as lxml writes it, with ``body`` as the first children of ``w:body``
    (the document holds no paragraph: its body is only the ``w:sectPr``)."""
    xml = serialize_part_xml(doc.element)
    head, sep, tail = xml.partition(b"<w:body>")
    if sep:
        return b"".join((head, sep, body.encode("utf-8"), tail))  # one copy of the large part
    head, sep, tail = xml.partition(b"<w:body/>")  # a body with no w:sectPr
    if not sep:
        raise ValueError("the document has no w:body")
    return b"".join((head, b"<w:body>", body.encode("utf-8"), b"</w:body>", tail))


class _PartWithBlob:
    """A package part written with other bytes (python-docx's PackageWriter reads these four)."""

    def __init__(self, part: Any, blob: bytes) -> None:
        self.partname, self.content_type, self.rels = part.partname, part.content_type, part.rels
        self.blob = blob


def build_notice_document(ledger: Ledger, *, fonts: NoticeFonts | None = None,
                          as_of: date | None = None, omit_not_started: bool = False) -> Any:
    """The notice as an in-memory python-docx ``Document`` (see the module docstring);
    ``as_of`` and ``omit_not_started`` as in :func:`rectxl.core.notice.notice_blocks`.
    :func:`write_notice_docx` writes the same document without building its paragraphs."""
    doc, body = _notice_package(ledger, fonts, as_of, omit_not_started)
    w_body = doc.element.body
    paragraphs = parse_xml(f'<w:body xmlns:w="{nsmap["w"]}">{body}</w:body>')
    sect_pr = w_body.find(qn("w:sectPr"))
    for p in list(paragraphs):
        if sect_pr is None:
            w_body.append(p)
        else:
            sect_pr.addprevious(p)
    return doc


def write_notice_docx(ledger: Ledger, path: str | os.PathLike[str], *,
                      fonts: NoticeFonts | None = None, as_of: date | None = None,
                      omit_not_started: bool = False, today: date | None = None) -> Path:
    """Write the notice to ``path`` (.docx), atomically; returns the path written (``as_of``,
    ``today``: see :func:`rectxl.core.notice.render.notice_blocks`)."""
    target = Path(path)
    doc, body = _notice_package(ledger, fonts, as_of, omit_not_started, today)
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    # python-docx's own package writer (the same parts, in the same order, as ``doc.save``),
    # with the document part's bytes spliced rather than serialized from paragraph elements
    document_part = doc.part
    blob = _document_xml(doc, body)
    parts = [_PartWithBlob(part, blob) if part is document_part else part for part in parts]
    with atomic_path(target) as tmp:
        PackageWriter.write(str(tmp), package.rels, parts)
    return target


# ---------------------------------------------------------------------------
# Reading: rectxl.io.docx_read (Word's list numbering included); kept importable from here
# ---------------------------------------------------------------------------
