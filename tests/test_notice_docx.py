"""The notice as .docx (rectxl.io.docx_notice): GB/T 9704 layout read back with python-docx,
.docx → text → parse round trip, atomic writes, unreadable files, and a LibreOffice render."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import docx.document
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml.document import CT_Body
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectxl.core.errors import RectxlError, UnsafeWriteError
from rectxl.core.model import Ledger
from rectxl.core.notice import (
    Block,
    NoticeParseError,
    normalize_for_compare,
    notice_blocks,
    parse_notice,
    render,
)
from rectxl.core.status import Status
from rectxl.core.text import fold, zh_punct
from rectxl.io import docx_notice
from rectxl.io.docx_notice import (
    NoticeFonts,
    read_notice_docx,
    write_notice_docx,
)
from tests.seeds import seed_text


def seed_ledger(prefix: str) -> Ledger:
    return parse_notice(seed_text(prefix)).ledger


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "通报.docx"
    write_notice_docx(seed_ledger("000"), path)
    return path


def east_asian(style) -> str | None:
    rfonts = style.element.rPr.rFonts
    return rfonts.get(qn("w:eastAsia"))


def test_page_is_a4_with_gbt9704_margins(written: Path) -> None:
    section = docx.Document(str(written)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    for value, expected in ((section.top_margin, 37), (section.bottom_margin, 35),
                            (section.left_margin, 28), (section.right_margin, 26)):
        assert abs(value.mm - expected) < 0.05


def test_styles_fonts_sizes_spacing(written: Path) -> None:
    doc = docx.Document(str(written))
    normal = doc.styles["Normal"]
    assert east_asian(normal) == "仿宋_GB2312"
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(16)
    pf = normal.paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert 28 <= pf.line_spacing.pt <= 29
    assert pf.first_line_indent == Pt(32)
    assert normal.element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    assert pf.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY

    title = doc.styles["公文标题"]
    assert east_asian(title) == "方正小标宋简体" and title.font.size == Pt(22)
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.paragraph_format.first_line_indent == Pt(0)
    h1 = doc.styles["一级标题"]
    assert east_asian(h1) == "黑体" and h1.font.size == Pt(16)
    h2 = doc.styles["二级标题"]
    assert east_asian(h2) == "楷体_GB2312" and h2.font.size == Pt(16)
    assert east_asian(doc.styles["方面标题"]) == "楷体_GB2312"
    assert doc.styles["方面标题"].font.bold is True
    assert east_asian(doc.styles["二级标题字符"]) == "楷体_GB2312"
    # the document defaults carry no theme font that would override eastAsia
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rfonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_paragraphs_use_the_styles_in_notice_order(written: Path) -> None:
    paragraphs = [p for p in docx.Document(str(written)).paragraphs if p.text]
    styles = [(p.style.name, p.text[:12]) for p in paragraphs]
    assert styles[0] == ("公文标题", "中共广州市海珠区卫生健康")
    headings = [p.text[:2] for p in paragraphs if p.style.name == "一级标题"]
    assert headings == ["一、", "二、", "三、"]
    aspects = [p.text for p in paragraphs if p.style.name == "方面标题"]
    assert len(aspects) == 3 and aspects[0].startswith("第一方面问题，")
    categories = [p.text for p in paragraphs if p.style.name == "二级标题"]
    assert len(categories) == 12
    leads = [p for p in paragraphs if p.text.startswith("（一）加强组织领导")]
    assert leads and leads[0].runs[0].style.name == "二级标题字符"
    assert leads[0].runs[0].text == "（一）加强组织领导，形成工作合力。"
    signature, date_p = paragraphs[-2], paragraphs[-1]
    assert signature.text == "中共广州市海珠区卫生健康局党组" and date_p.text == "2024年5月13日"
    for p in (signature, date_p):
        assert p.style.name == "落款"
        assert p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date_p.paragraph_format.right_indent == Pt(64)


def test_footer_page_numbers(written: Path) -> None:
    doc = docx.Document(str(written))
    assert doc.settings.odd_and_even_pages_header_footer is True
    section = doc.sections[0]
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        assert p.paragraph_format.alignment == alignment
        assert p.text.startswith("— ") and p.text.endswith(" —")
        instr = [el.text for el in p._p.iter(qn("w:instrText"))]
        assert instr == [" PAGE "]
        assert [el.get(qn("w:fldCharType")) for el in p._p.iter(qn("w:fldChar"))] == [
            "begin", "separate", "end"]
        assert p.runs[0].font.size == Pt(14)


def test_font_table_lists_fallbacks(written: Path) -> None:
    doc = docx.Document(str(written))
    part = next(p for p in doc.part.package.iter_parts()
                if str(p.partname) == "/word/fontTable.xml")
    xml = part.blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"' in xml and 'w:val="仿宋"' in xml
    assert 'w:name="方正小标宋简体"' in xml and 'w:name="楷体_GB2312"' in xml


def test_core_properties(written: Path) -> None:
    props = docx.Document(str(written)).core_properties
    assert props.title == "中共广州市海珠区卫生健康局党组关于巡察整改进展情况的通报"
    assert props.author == "中共广州市海珠区卫生健康局党组"
    assert "python-docx" not in (props.comments or "")


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_docx_round_trip(prefix: str, tmp_path: Path) -> None:
    ledger = seed_ledger(prefix)
    path = write_notice_docx(ledger, tmp_path / "notice.docx")
    back = parse_notice(read_notice_docx(path)).ledger
    # the same hierarchy and wording (the document is written with full-width punctuation)
    assert [[[(i.title and normalize_for_compare(i.title),
               [normalize_for_compare(m.text) for m in i.measures]) for i in c.issues]
             for c in a.categories] for a in back.aspects] == [
        [[(i.title and normalize_for_compare(i.title),
           [normalize_for_compare(m.text) for m in i.measures]) for i in c.issues]
         for c in a.categories] for a in ledger.aspects]
    assert back.info.party_org == ledger.info.party_org
    assert back.info.report_date == ledger.info.report_date


def test_placeholders_are_highlighted(tmp_path: Path) -> None:
    ledger = seed_ledger("004")
    ledger.info = replace(ledger.info, phone=None, party_org=None)
    path = write_notice_docx(ledger, tmp_path / "x.docx")
    runs = [r for p in docx.Document(str(path)).paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "【请填写联系电话】" in marked and "【请填写落款（党组织名称）】" in marked
    assert all(r.text.startswith("【请填写") for r in runs
               if r.font.highlight_color == WD_COLOR_INDEX.YELLOW)


def test_custom_fonts(tmp_path: Path) -> None:
    fonts = NoticeFonts(title="宋体", body="仿宋", heading2="楷体")
    path = write_notice_docx(seed_ledger("004"), tmp_path / "f.docx", fonts=fonts)
    doc = docx.Document(str(path))
    assert east_asian(doc.styles["Normal"]) == "仿宋"
    assert east_asian(doc.styles["公文标题"]) == "宋体"
    assert east_asian(doc.styles["二级标题"]) == "楷体"


def test_write_is_atomic_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "notice.docx"
    target.write_bytes(b"old")
    write_notice_docx(seed_ledger("004"), target)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.docx"]  # no temp left
    with pytest.raises(UnsafeWriteError):
        write_notice_docx(seed_ledger("004"), tmp_path / "missing-dir" / "n.docx")


def test_read_errors_are_chinese(tmp_path: Path) -> None:
    with pytest.raises(NoticeParseError, match="找不到"):
        read_notice_docx(tmp_path / "nope.docx")
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(NoticeParseError, match=r"\.doc"):
        read_notice_docx(old)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(RectxlError, match="无法打开"):
        read_notice_docx(junk)


def test_read_includes_tables(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("二、整改落实情况")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "1.问题甲。已整改。"
    table.cell(0, 1).text = "2.问题乙。已整改。"
    doc.add_paragraph("三、下一步")
    path = tmp_path / "t.docx"
    doc.save(str(path))
    text = read_notice_docx(path)
    assert text.split("\n") == [
        "二、整改落实情况", "1.问题甲。已整改。", "2.问题乙。已整改。", "三、下一步"]
    assert len(list(parse_notice(text).ledger.issues())) == 2


# ---------------------------------------------------------------------------
# LibreOffice renders it: the title and 一、二、三、 appear in order in the PDF
# ---------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("prefix", ["000", "004"])
def test_libreoffice_renders_pdf(prefix: str, tmp_path: Path) -> None:
    ledger = seed_ledger(prefix)
    source = write_notice_docx(ledger, tmp_path / f"notice{prefix}.docx")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240,
    )
    pdf = tmp_path / f"notice{prefix}.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    flat = normalize_for_compare(text)
    info = ledger.info
    title = info.title or f"{info.party_org}关于巡察整改进展情况的通报"
    positions = [flat.find(normalize_for_compare(x)) for x in (
        title, f"一、{info.heading_one}", f"二、{info.heading_two}", f"三、{info.heading_three}")]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    # signature and date close the document, on the same page (no page number between)
    assert info.report_date is not None
    tail = normalize_for_compare(f"{info.party_org}{info.report_date.year}年")
    assert flat.rfind(tail) > positions[-1]
    assert "—1—" in flat  # the page number field was rendered


# ---------------------------------------------------------------------------
# The body written as XML text: the same bytes python-docx and lxml make, in one pass
# ---------------------------------------------------------------------------

#: blocks that steer the body writer into every path: each kind, placeholders (also in a lead
#: and across a line break), characters lxml escapes, tabs and line breaks, leading and trailing
#: spaces (xml:space), empty texts, a lead without its full stop
HOSTILE_BLOCKS = [
    Block("title", "A&B<局>关于“整改”的通报"),
    Block("body", " 前后有空格 "),
    Block("body", "第一行\n第二行\r\n第三行\t制表]]>&amp;"),
    Block("heading1", "一、整改工作组织领导情况"),
    Block("lead", "（一）【请填写牵头单位】加强领导。其余\t内容 "),
    Block("lead", "（二）没有句号的引导句"),
    Block("lead", "。"),
    Block("body", ""),
    Block("heading1", "二、整改落实情况"),
    Block("heading2", "（一）方面之前"),
    Block("aspect", "第一方面问题，<b>党建</b>"),
    Block("heading2", "（一）方面之下"),
    Block("issue", "1.问题。一是【请填写\n跨行】；二是 'x' & \"y\"。"),
    Block("heading1", "三、下一步工作打算"),
    Block("body", "【请填写下一步工作打算】"),
    Block("closing", "欢迎监督。"),
    Block("closing", "联系方式：电话 【请填写联系电话】\u3000"),
    Block("signature", "【请填写落款（党组织名称）】"),
    Block("date", "2024年5月13日"),
]


def _reference_body(doc: docx.document.Document, blocks: list[Block]) -> None:
    """The notice's paragraphs made with python-docx's own API (what the writer used to do, one
    ``add_paragraph`` at a time): the reference the XML text written must equal."""
    date_text = next((t for k, t in blocks if k == "date"), "")
    last_closing = max((i for i, b in enumerate(blocks) if b.kind == "closing"), default=-1)
    under_aspect = False
    for index, (kind, text) in enumerate(blocks):
        if kind == "signature":
            doc.add_paragraph().paragraph_format.keep_with_next = True
        p = doc.add_paragraph(style=docx_notice._STYLE_OF.get(kind))
        if index == last_closing:
            p.paragraph_format.keep_with_next = True
        if kind == "heading1":
            under_aspect = False
        elif kind == "aspect":
            under_aspect = True
        elif kind == "heading2" and under_aspect:
            docx_notice._set_outline_level(p._p, 2)
        pieces = [(text, None)]
        if kind == "lead":
            cut = text.find("。") + 1
            pieces = [(text[:cut], "二级标题字符"), (text[cut:], None)]
        for part, style in pieces:
            for piece in re.split(r"(【请填写[^】]*】)", part):
                if piece:
                    run = p.add_run(piece, style=style)
                    if piece.startswith("【请填写"):
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if kind == "date":
            p.paragraph_format.right_indent = Pt(64)
        elif kind == "signature":
            offset = 4 + (docx_notice._width_in_chars(date_text)
                          - docx_notice._width_in_chars(text)) / 2
            p.paragraph_format.right_indent = Pt(16 * max(0.0, offset))


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


@pytest.mark.parametrize("blocks", [HOSTILE_BLOCKS, HOSTILE_BLOCKS[:3], []],
                         ids=["all", "no-signature", "empty"])
def test_body_xml_is_what_python_docx_writes(blocks: list[Block], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_notice, "notice_blocks", lambda *a, **k: list(blocks))
    written = write_notice_docx(seed_ledger("004"), tmp_path / "fast.docx")
    reference = docx_notice.official_document()
    _reference_body(reference, blocks)
    reference.save(str(tmp_path / "reference.docx"))
    assert _document_xml(written) == _document_xml(tmp_path / "reference.docx")
    # the in-memory document holds the same paragraphs, and lxml writes them to the same bytes
    built = docx_notice.build_notice_document(seed_ledger("004"))
    assert serialize_part_xml(built.element) == _document_xml(written)


def test_written_package_is_the_one_python_docx_saves(written: Path, tmp_path: Path) -> None:
    """The other parts (styles, font table, page, footers, numbering…) are python-docx's own,
    in the same order; only the document part's bytes are spliced."""
    saved = tmp_path / "saved.docx"
    docx_notice.build_notice_document(seed_ledger("000")).save(str(saved))
    with zipfile.ZipFile(written) as a, zipfile.ZipFile(saved) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":  # its modified time is the writing time
                assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("bad", ["甲\x01乙", "\x00", "\ufffe"])
def test_text_xml_cannot_hold_is_refused_as_lxml_refuses_it(
        bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_notice, "notice_blocks", lambda *a, **k: [Block("body", bad)])
    with pytest.raises(ValueError, match="XML compatible"):
        write_notice_docx(seed_ledger("004"), tmp_path / "bad.docx")
    assert not (tmp_path / "bad.docx").exists()


def test_the_body_is_written_in_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linearity guard, by counting rather than timing: however long the notice, python-docx
    never adds a paragraph to the body (each addition searches all of the body's children for
    its closing w:sectPr, quadratic over a notice); the paragraphs are one string made in one
    pass over the blocks (one ``_paragraph`` per block, plus the empty line before the
    signature), and the document part is serialized once, from a body holding only w:sectPr."""
    added: list[str] = []
    for name in ("add_p", "_insert_p", "_add_p", "append", "extend", "insert"):
        def refuse(self: object, *args: object, _name: str = name, **kwargs: object) -> None:
            added.append(_name)
            raise AssertionError(f"w:body.{_name} called")
        monkeypatch.setattr(CT_Body, name, refuse)
    calls = {"body": 0, "paragraph": 0, "serialized": []}
    body_xml, paragraph, serialize = (docx_notice._body_xml, docx_notice._paragraph,
                                      docx_notice.serialize_part_xml)

    def count_body(*args: object, **kwargs: object) -> str:
        calls["body"] += 1
        return body_xml(*args, **kwargs)

    def count_paragraph(*args: object, **kwargs: object) -> str:
        calls["paragraph"] += 1
        return paragraph(*args, **kwargs)

    def count_serialize(element: object) -> bytes:
        calls["serialized"].append([child.tag for child in element.body])
        return serialize(element)

    monkeypatch.setattr(docx_notice, "_body_xml", count_body)
    monkeypatch.setattr(docx_notice, "_paragraph", count_paragraph)
    monkeypatch.setattr(docx_notice, "serialize_part_xml", count_serialize)
    small = seed_ledger("000")
    large = seed_ledger("000")
    large.aspects = small.aspects * 8
    for ledger in (small, large):
        calls.update(body=0, paragraph=0, serialized=[])
        path = write_notice_docx(ledger, tmp_path / "n.docx")
        n_blocks = len(notice_blocks(ledger))
        assert calls["body"] == 1
        assert calls["paragraph"] == n_blocks + 1  # the empty line before the signature
        assert calls["serialized"] == [[qn("w:sectPr")]]
        assert len(docx.Document(str(path)).paragraphs) == n_blocks + 1
    assert added == []


# ---------------------------------------------------------------------------
# The renderer's shortcuts decide as the plain algorithm does
# ---------------------------------------------------------------------------

_KEY_DROP_REF = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")


def _key_ref(text: str) -> str:
    return render._KEY_LEAD.sub("", _KEY_DROP_REF.sub("", fold(text)))


def _coverage_ref(a: str, b: str) -> float:
    pairs = [a[i:i + 2] for i in range(len(a) - 1)]
    if not pairs:
        return 1.0 if a and a in b else 0.0
    found = {b[i:i + 2] for i in range(len(b) - 1)}
    return sum(p in found for p in pairs) / len(pairs)


def _restated_ref(part: str, whole: str, threshold: float) -> bool:
    p, w = _key_ref(part), _key_ref(whole)
    return bool(p) and (p in w or _coverage_ref(p, w) >= threshold)


def _combine_ref(action: str, result: str, status: Status | None) -> str:
    """render._combine as plainly written: every clause keyed and compared on its own."""
    if _restated_ref(action, result, 0.7):
        return result
    pieces = render._CLAUSE_SEP.split(action)
    clauses = [(pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "")
               for i in range(0, len(pieces), 2)]
    if len(clauses) >= 2:
        kept = [(c, sep) for c, sep in clauses if not _restated_ref(c, result, 0.8)]
        action = "".join(c + sep for c, sep in kept).rstrip(render._TRIM)
    if not action:
        return result
    if _restated_ref(result, action, 0.8):
        phrase = render._RESULT.get(status) if status else None
        return render._join(action, phrase, "，") if phrase else action
    first = render._CLAUSE_SEP.split(result, maxsplit=1)[0]
    if len(_key_ref(first)) >= 4 and not render._CLAUSE_SEP.search(action) \
            and _restated_ref(first, action, 0.8):
        return result
    return render._join(action, render._trim_overlap(action, result))


#: pieces that steer random text into the shortcuts' corners: clause separators of both widths,
#: the leading 已 words a key strips, full-width letters and digits, marks, status words,
#: brackets, punctuation zh_punct rewrites, characters outside the BMP
PIECES = ["，", ",", "；", ";", "。", ".", "、", " ", "\u3000", "已", "目前已", "目前", "现已", "均已",
          "已经", "ＡＢ１２", "ａ", "a1", "(", ")", "（", "）", "(1)", "1.", "2、", "一是", "①",
          "第一方面问题，", "一、", "（一）", "【", "】", "【已完成】", "已完成", "正在推进", "基本完成",
          "长期坚持", "起草中", "计划", "拟", ":", "!", "?", "》.", "”.", "\n", "😀", "\U00020000",
          '"', "'", '"ok"', "建立学习制度", "统一印制记录本120本", "已发放", "开展内部巡查", "内部巡查已完成",
          "修订议事规则", "并", "中", "百", "十二是"]
texts = st.lists(st.sampled_from(PIECES + [w for w, _ in render._STATUS_WORDS]),
                 max_size=14).map("".join)


def _split_status_word_ref(text: str) -> tuple[Status | None, str]:
    """render._split_status_word as plainly written: the whole cell folded, every word tried."""
    s = text.strip()
    folded = fold(s)
    lead = 1 if folded[:1] in render._OPEN_BRACKETS else 0
    for word, status in render._STATUS_WORDS:
        if not folded.startswith(word, lead):
            continue
        cut = lead + len(word)
        if lead and cut < len(s) and folded[cut] in render._CLOSE_BRACKETS:
            cut += 1
        elif lead:
            continue
        if cut == len(s) or folded[cut] in render._SEPARATORS or (lead and cut > len(word) + lead):
            rest = s[cut:].lstrip(render._SEPARATORS)
            if rest.startswith(render._GOES_ON):
                return status, s.lstrip(render._OPEN_BRACKETS)
            return status, rest
    return None, text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action=texts, result=texts, status=st.sampled_from([None, *Status]))
def test_combine_decides_as_the_plain_algorithm(action: str, result: str,
                                                status: Status | None) -> None:
    assert render._key(action) == _key_ref(action)
    assert render._coverage(render._key(action), render._key(result)) == _coverage_ref(
        _key_ref(action), _key_ref(result))
    assert render._combine(action, result, status) == _combine_ref(action, result, status)
    assert render._combine(action, action + result, status) == _combine_ref(
        action, action + result, status)
    assert render._same_key(action, result) == (_key_ref(action) == _key_ref(result))
    assert render._same_key(action * 3, action * 3 + result) == (
        _key_ref(action * 3) == _key_ref(action * 3 + result))


def _zh_punct_ref(text: str) -> str:
    """text.zh_punct as plainly written: every pattern run over every text until none changes
    it, and the patterns as plainly written (each look-behind first, where zh_punct's open with
    what a match opens with)."""
    while (changed := _zh_punct_ref_pass(text)) != text:
        text = changed
    return text


def _zh_punct_ref_pass(text: str) -> str:
    from rectxl.core.text import _CJK, _ZH_PUNCT

    if not text or text.isascii():
        return text
    for mark, opening, closing in (('"', "“", "”"), ("'", "‘", "’")):
        pieces = text.split(mark)
        if len(pieces) >= 3 and len(pieces) % 2:
            text = pieces[0] + "".join(
                (f"{opening}{pieces[i]}{closing}" if re.search(r"[\u3400-\u9fff]", pieces[i])
                 else f"{mark}{pieces[i]}{mark}") + pieces[i + 1]
                for i in range(1, len(pieces), 2))
    paren = re.compile(rf"\(([^()]*{_CJK}[^()]*)\)")
    number_paren = re.compile(rf"(?<={_CJK})\((\d{{1,3}})\)|\((\d{{1,3}})\)(?={_CJK})")
    stop = re.compile(rf"(?<=[\u3400-\u9fff》”’）])\.(?=\s*$|\s*{_CJK})")
    punct = re.compile(rf"(?<={_CJK})\s*([,:;!?])\s*|\s*([,:;!?])\s*(?={_CJK})")
    for _ in range(4):
        changed = paren.sub(lambda m: f"（{m.group(1)}）", text)
        if changed == text:
            break
        text = changed
    text = number_paren.sub(lambda m: f"（{m.group(1) or m.group(2)}）", text)
    text = stop.sub("。", text)
    return punct.sub(lambda m: _ZH_PUNCT[m.group(1) or m.group(2)], text)


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_text_shortcuts_decide_as_the_plain_code(text: str) -> None:
    assert zh_punct(text) == _zh_punct_ref(text)
    once = zh_punct(text)
    assert zh_punct(once) == _zh_punct_ref(once) == once
    for pattern in (render._LEADING_MARK, render._ASPECT_MARK):
        plain = text
        while (m := pattern.match(fold(plain))) and m.end() < len(plain):  # every mark in front
            plain = plain[m.end():]
        assert render._strip_mark(pattern, text) == plain
    assert render._split_status_word(text) == _split_status_word_ref(text)
