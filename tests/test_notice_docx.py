"""The notice as .docx (rectxl.io.docx_notice): GB/T 9704 layout read back with python-docx,
.docx → text → parse round trip, atomic writes, unreadable files, and a LibreOffice render."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from rectxl.core.errors import RectxlError, UnsafeWriteError
from rectxl.core.model import Ledger
from rectxl.core.notice import NoticeParseError, normalize_for_compare, parse_notice
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
    ledger = seed_ledger("004").model_copy(update={"info": seed_ledger("004").info.model_copy(
        update={"phone": None, "party_org": None})})
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
