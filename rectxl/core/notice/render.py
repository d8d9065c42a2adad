"""Render a ledger as the 整改进展情况的通报 — pure, returns strings / blocks.

One renderer: :func:`notice_blocks` builds the notice as a list of :class:`Block`
``(kind, text)`` paragraphs; plain text, Markdown (:func:`render_notice`) and the .docx writer
(:mod:`rectxl.io.docx_notice`) are all made from those blocks.

Section 二 follows the seeds exactly:

- a ledger with categories (seed 000): ``第一方面问题,{aspect}`` / ``({n}){category}`` (category
  numbers run on across the notice) / ``{n}.{issue}。一是…。二是…。``;
- a ledger without categories (seed 004): ``({n}){aspect}`` / ``{n}.{issue}。…``;
- issue numbers are the ledger's own (run on as in seed 000, or restart per aspect as in seed
  004); an issue without a number continues from the previous one (restarting per aspect when
  the ledger has no categories);
- a measure is written from its ``progress`` text when present, else its ``text``; a ``。`` is
  added only where the segment lacks end punctuation; an issue's ``measure_style`` decides
  ``一是…`` / ``(1)…`` / no marker (``None``: ``一是…`` when there is more than one measure).

Whatever 基本信息 lacks becomes a visible placeholder ``【请填写…】``.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from rectxl.core.model import Issue, Ledger, LedgerInfo
from rectxl.core.text import END_PUNCT, chinese_number, cn_date, cn_date_range, fold, normalize_text, ordinal

__all__ = [
    "DEFAULT_HEADINGS",
    "SUPERVISION",
    "Block",
    "BlockKind",
    "compose_preamble",
    "contact_line",
    "default_title",
    "issue_paragraph",
    "notice_blocks",
    "render_blocks",
    "render_notice",
    "render_section_two",
    "section_two_blocks",
]

BlockKind = Literal[
    "title",      # 通报标题
    "heading1",   # 一、二、三、
    "aspect",     # 第一方面问题,… (ledgers with categories)
    "heading2",   # (一)… on a line of its own: a category, or an aspect when there are none
    "lead",       # (一)xxx。followed by text in the same paragraph (run-in heading)
    "issue",      # 1.问题。一是…二是…
    "body",       # any other paragraph (preamble, section text)
    "closing",    # supervision sentence, contact details
    "signature",  # 落款
    "date",       # 成文日期
]


class Block(NamedTuple):
    """One paragraph of the notice: what it is, and its text."""

    kind: BlockKind
    text: str


DEFAULT_HEADINGS = ("整改工作组织领导情况", "巡察反馈问题整改落实情况", "下一步工作打算")
SUPERVISION = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议,请及时向我们反映。"

_PAREN_CN = re.compile(r"^\(\s*[零一二三四五六七八九十百]+\s*\)")
_LEADING_MARK = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[((]\d{1,2}[))]|\d{1,2}[.、.](?!\d))\s*")


def _placeholder(what: str) -> str:
    return f"【请填写{what}】"


def _end(text: str) -> str:
    return text if text and text[-1] in END_PUNCT else f"{text}。"


def _one_paragraph(value: str) -> str:
    """Cell text as one paragraph: lines joined (with ";" where a line has no end mark)."""
    parts = [p for p in normalize_text(value).split("\n") if p.strip()]
    out = ""
    for part in parts:
        part = part.strip()
        if out and out[-1] not in END_PUNCT:
            out += ";"
        out += part
    return out


def _measure_text(raw: str) -> str:
    return _LEADING_MARK.sub("", _one_paragraph(raw), count=1)


def issue_paragraph(issue: Issue, number: int) -> str:
    """``"{n}.{title}。{intro}一是…二是…"`` for one issue."""
    title = _one_paragraph(issue.title)
    head = f"{number}." + (_end(title) if title else "")
    texts = [t for t in (_measure_text(m.progress or m.text) for m in issue.measures) if t]
    style = issue.measure_style or ("ordinal" if len(texts) > 1 else "plain")
    if style == "plain" and len(texts) > 1:
        style = "ordinal"  # several measures cannot be written without markers
    if style == "ordinal":
        body = "".join(f"{ordinal(i)}{_end(t)}" for i, t in enumerate(texts, 1))
    elif style == "paren":
        body = "".join(f"({i}){_end(t)}" for i, t in enumerate(texts, 1))
    else:
        body = "".join(_end(t) for t in texts)
    return head + _one_paragraph(issue.intro) + body


def section_two_blocks(ledger: Ledger) -> list[Block]:
    """Section 二's paragraphs (without the ``二、`` heading itself)."""
    blocks = [Block("body", p) for p in _paragraphs(ledger.info.section_two_intro)]
    has_categories = any(c.title is not None for a in ledger.aspects for c in a.categories)
    aspect_no = category_no = issue_no = 0
    for aspect in ledger.aspects:
        if aspect.title is not None:
            aspect_no = aspect.number if aspect.number is not None else aspect_no + 1
            title = _one_paragraph(aspect.title)
            if has_categories:
                text = f"第{chinese_number(aspect_no)}方面问题" + (f",{title}" if title else "")
                blocks.append(Block("aspect", text))
            else:
                blocks.append(Block("heading2", f"({chinese_number(aspect_no)}){title}"))
                issue_no = 0  # numbering restarts per aspect (seed 004)
        for category in aspect.categories:
            if category.title is not None:
                category_no = (category.number if category.number is not None
                               else category_no + 1)
                blocks.append(Block(
                    "heading2",
                    f"({chinese_number(category_no)}){_one_paragraph(category.title)}"))
            for issue in category.issues:
                issue_no = issue.number if issue.number is not None else issue_no + 1
                blocks.append(Block("issue", issue_paragraph(issue, issue_no)))
    return blocks


def render_section_two(ledger: Ledger) -> str:
    """Section 二 as text, one paragraph per line, exactly in the seeds' shape."""
    return "\n".join(b.text for b in section_two_blocks(ledger))


# ---------------------------------------------------------------------------
# The whole notice
# ---------------------------------------------------------------------------

def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [p.strip() for p in normalize_text(text).split("\n") if p.strip()]


def _prose_blocks(text: str | None, missing: str) -> list[Block]:
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return [Block("body", _placeholder(missing))]
    blocks: list[Block] = []
    for p in paragraphs:
        if _PAREN_CN.match(fold(p)):
            cut = p.find("。")
            kind: BlockKind = "lead" if 0 <= cut < len(p) - 1 else "heading2"
            blocks.append(Block(kind, p))
        else:
            blocks.append(Block("body", p))
    return blocks


def _superior(group: str | None) -> str:
    """"区委第三巡察组" → "区委" (who ordered the inspection)."""
    if group and (m := re.match(r"^(.{1,12}?委)(?:第|巡|$)", group)):
        return m.group(1)
    return "上级党组织"


def compose_preamble(info: LedgerInfo) -> str:
    """A standard preamble from 基本信息 (placeholders where a fact is missing)."""
    group = info.inspection_group or _placeholder("巡察组")
    unit = info.unit_name or info.party_org or _placeholder("被巡察单位")
    if info.inspection_start and info.inspection_end:
        period = cn_date_range(info.inspection_start, info.inspection_end)
    else:
        period = _placeholder("巡察起止日期")
    feedback = cn_date(info.feedback_date) if info.feedback_date else _placeholder("反馈日期")
    return (f"根据{_superior(info.inspection_group)}统一部署,{period},{group}对{unit}进行了巡察。"
            f"{feedback},{group}向{unit}反馈了巡察意见。"
            "按照巡察工作有关要求,现将巡察整改进展情况予以公布。")


def default_title(info: LedgerInfo) -> str:
    org = info.party_org or info.unit_name or _placeholder("单位名称")
    return f"{org}关于巡察整改进展情况的通报"


def contact_line(info: LedgerInfo) -> str:
    return (f"联系方式:电话 {info.phone or _placeholder('联系电话')};"
            f"邮寄地址:{info.address or _placeholder('邮寄地址')};"
            f"邮编:{info.postcode or _placeholder('邮编')};"
            f"电子邮箱:{info.email or _placeholder('电子邮箱')}。")


def notice_blocks(ledger: Ledger) -> list[Block]:
    """The whole notice as blocks: title, preamble, 一、二、三、, supervision and contacts,
    signature and date — from :class:`~rectxl.core.model.LedgerInfo`, placeholders where missing."""
    info = ledger.info
    h1, h2, h3 = DEFAULT_HEADINGS
    blocks = [Block("title", _one_paragraph(info.title) if info.title else default_title(info))]
    preamble = _paragraphs(info.preamble) or [compose_preamble(info)]
    blocks += [Block("body", p) for p in preamble]
    blocks.append(Block("heading1", f"一、{info.heading_one or h1}"))
    blocks += _prose_blocks(info.section_one, "整改工作组织领导情况")
    blocks.append(Block("heading1", f"二、{info.heading_two or h2}"))
    blocks += section_two_blocks(ledger) or [Block("body", _placeholder("整改落实情况"))]
    blocks.append(Block("heading1", f"三、{info.heading_three or h3}"))
    blocks += _prose_blocks(info.section_three, "下一步工作打算")
    supervision = SUPERVISION
    if period := info.extra.get("公开期限"):
        supervision += f"公开期限:{_end(period.strip())}"
    blocks.append(Block("closing", supervision))
    blocks.append(Block("closing", contact_line(info)))
    blocks.append(Block("signature", info.party_org or _placeholder("落款(党组织名称)")))
    blocks.append(Block("date", cn_date(info.report_date) if info.report_date
                        else _placeholder("成文日期")))
    return blocks


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#<>|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_lead(text: str) -> str:
    cut = text.find("。")
    if cut < 0:
        return f"**{_md(text)}**"
    return f"**{_md(text[:cut + 1])}**{_md(text[cut + 1:])}"


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
    for kind, text in blocks:
        if kind == "title":
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


def render_notice(ledger: Ledger, *, style: Literal["text", "markdown"] = "text") -> str:
    """The whole notice as plain text or Markdown (see :func:`notice_blocks`)."""
    return render_blocks(notice_blocks(ledger), style=style)
