"""A Word notice whose heading numbers come from Word's list numbering, not from the text.

Many offices type a notice in Word with a multi-level list: the "一、", "（一）" and "1." in
front of the headings are drawn by Word from ``numbering.xml`` and are *not* characters of the
paragraphs. Reading only ``paragraph.text`` therefore loses the whole hierarchy. This module
builds such a file for the tests: python-docx writes the paragraphs, and an ``abstractNum``
(level 0 ``chineseCounting`` "%1、", level 1 ``chineseCounting`` "（%2）", level 2 ``decimal``
"%3.") plus its ``w:num`` are added to ``numbering.xml`` with lxml; each heading paragraph
carries ``w:numPr`` (``w:ilvl`` + ``w:numId``).

As in Word, a level restarts after any higher level: the （一）（二） of section 一 and the
aspects of section 二 both start at （一）, and issue numbers start at 1 again in each aspect.
The measures (一是/二是…) are typed in the text, as offices do.

The notice and every name in it are fictional.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

__all__ = [
    "EXPECTED",
    "NUMBERED_LABELS",
    "build_numbered_notice_docx",
    "libreoffice_text",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (level, text) for the numbered paragraphs; None level = an ordinary paragraph.
TITLE = "中共柘岭县审计局党组关于巡察整改进展情况的通报"
PREAMBLE = (
    "根据县委统一部署，2025年4月21日至6月13日，县委第一巡察组对县审计局党组进行了巡察。"
    "2025年7月18日，县委第一巡察组向县审计局党组反馈了巡察意见。根据巡察整改公开的有关规定，"
    "现将整改进展情况通报如下。"
)

BODY: list[tuple[int | None, str]] = [
    (0, "加强组织领导，压实整改责任"),
    (1, "提高思想认识。局党组把巡察整改作为重大政治任务，反馈会后即召开党组会议研究部署，"
        "党组书记履行第一责任人职责，班子成员认领分管领域整改任务。"),
    (1, "细化整改任务。对巡察反馈的2个方面5个问题逐项分析原因，制定整改措施12项，明确责任领导、"
        "责任股室和完成时限。截至2025年11月30日，12项整改措施已完成10项，其余2项正在推进。"),
    (0, "巡察反馈问题整改落实情况"),
    (1, "关于贯彻落实上级决策部署方面"),
    (2, "审计项目计划统筹不够问题。整改情况：一是修订年度审计项目计划管理办法，建立审计项目库，"
        "实行项目计划动态调整。二是将县委、县政府重点工作纳入年度审计计划，今年安排相关项目6个。"),
    (2, "审计整改跟踪落实不到位问题。整改情况：一是建立审计整改台账，实行对账销号管理。"
        "二是会同县纪委监委开展审计整改联合督查1次。三是对整改不到位的3个单位下达督办通知。"),
    (2, "审计成果运用不充分问题。整改情况：一是建立审计成果定期报送机制，每半年向县委、县政府报送审计综合报告。"
        "二是对审计发现的共性问题提出完善制度建议5条，已被相关部门采纳。"),
    (1, "关于落实全面从严治党责任方面"),
    (2, "审计廉政风险防控不严问题。整改情况：一是梳理审计业务廉政风险点，制定防控措施。"
        "二是推行审计现场“廉政回访”制度，向被审计单位发放回访表。"
        "三是对审计组执行审计纪律情况开展专项检查，此项工作长期坚持。"),
    (2, "审计质量控制不严问题。整改情况：一是修订审计质量控制办法，落实审计组、业务股室、审理股三级复核。"
        "二是开展审计业务案卷评查，对评查发现的问题逐一整改。"),
    (0, "下一步工作打算"),
    (None, "局党组将继续抓好尚未完成的整改措施，对已完成的事项适时开展“回头看”，"
           "把巡察整改成果转化为提升审计监督效能的实际成效。"),
]

CLOSING = [
    "欢迎干部群众对我局巡察整改工作进行监督。联系电话：0744-5556320；"
    "邮政信箱：柘岭县人民路16号县审计局办公室；邮政编码：427199。",
]
SIGNATURE = ["中共柘岭县审计局党组", "2025年12月8日"]

#: The numbers Word draws in front of the numbered paragraphs, in document order.
NUMBERED_LABELS = ["一、", "（一）", "（二）", "二、", "（一）", "1.", "2.", "3.", "（二）", "1.", "2.",
                   "三、"]

EXPECTED: dict = {
    "layout": (
        "Word .docx whose 一、/（一）/1. come from automatic multi-level list numbering "
        "(w:numPr; chineseCounting %1、 and （%2）, decimal %3.), not from the text; section 一 has "
        "its own （一）（二） paragraphs; aspects （一）（二） under 二、; issue numbers restart per "
        "aspect; measures 一是/二是 typed in the issue paragraph"
    ),
    "title": TITLE,
    "unit": "县审计局党组",
    "feedback_date": "2025-07-18",
    "aspects": 2,
    "categories": 0,
    "issues": 5,
    "measures": 12,
    "issues_per_aspect": [3, 2],
    "first_issue": "审计项目计划统筹不够问题",
    "first_measure": "修订年度审计项目计划管理办法，建立审计项目库，实行项目计划动态调整。",
    "stated_totals": {"aspects": 2, "issues": 5, "measures": 12, "done_issues": None,
                      "done_measures": 10, "rate": None},
    "complete": True,
}


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _lvl(ilvl: int, fmt: str, text: str, indent_twips: int, font: str) -> etree._Element:
    lvl = etree.Element(_w("lvl"))
    lvl.set(_w("ilvl"), str(ilvl))
    for tag, val in (("start", "1"), ("numFmt", fmt), ("suff", "nothing"), ("lvlText", text),
                     ("lvlJc", "left")):
        child = etree.SubElement(lvl, _w(tag))
        child.set(_w("val"), val)
    ppr = etree.SubElement(lvl, _w("pPr"))
    ind = etree.SubElement(ppr, _w("ind"))
    ind.set(_w("left"), "0")
    ind.set(_w("firstLine"), str(indent_twips))
    rpr = etree.SubElement(lvl, _w("rPr"))
    fonts = etree.SubElement(rpr, _w("rFonts"))
    fonts.set(_w("hint"), "eastAsia")
    fonts.set(_w("eastAsia"), font)
    return lvl


def _add_list_definition(document: docx.document.Document) -> int:
    """Add the multi-level list to numbering.xml; return its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w("abstractNum"))]
    num_ids = [int(n.get(_w("numId"))) for n in numbering.findall(_w("num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1

    abstract = etree.Element(_w("abstractNum"))
    abstract.set(_w("abstractNumId"), str(abstract_id))
    multi = etree.SubElement(abstract, _w("multiLevelType"))
    multi.set(_w("val"), "multilevel")
    abstract.append(_lvl(0, "chineseCounting", "%1、", 640, "黑体"))
    abstract.append(_lvl(1, "chineseCounting", "（%2）", 640, "楷体_GB2312"))
    abstract.append(_lvl(2, "decimal", "%3.", 640, "仿宋_GB2312"))

    # Schema order: every w:abstractNum comes before the first w:num.
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = etree.SubElement(numbering, _w("num"))
    num.set(_w("numId"), str(num_id))
    ref = etree.SubElement(num, _w("abstractNumId"))
    ref.set(_w("val"), str(abstract_id))
    return num_id


def _set_east_asian(run, font: str) -> None:
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _number(paragraph, num_id: int, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def build_numbered_notice_docx(path: Path) -> dict:
    """Write the notice to *path* (.docx) and return what a careful reader extracts from it.

    The returned dict has the schema of ``tests/data/notices/*.expected.json``.
    """
    path = Path(path)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Times New Roman"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")

    num_id = _add_list_definition(document)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.font.size = Pt(22)
    _set_east_asian(run, "方正小标宋简体")

    document.add_paragraph(PREAMBLE).paragraph_format.first_line_indent = Pt(32)

    fonts = {0: "黑体", 1: "楷体_GB2312", 2: "仿宋_GB2312"}
    for level, text in BODY:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if level is None:
            paragraph.paragraph_format.first_line_indent = Pt(32)
            continue
        _number(paragraph, num_id, level)
        if level < 2 and "。" not in text:
            _set_east_asian(run, fonts[level])

    for text in CLOSING:
        document.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
    for text in SIGNATURE:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT

    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return copy.deepcopy(EXPECTED)


def libreoffice_text(docx_path: Path, timeout: float = 120) -> str | None:
    """The .docx as LibreOffice renders it to plain text (list numbers included), or None
    when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out, str(docx_path)],
            check=True, capture_output=True, timeout=timeout,
        )
        return (Path(out) / (Path(docx_path).stem + ".txt")).read_text(encoding="utf-8-sig")
