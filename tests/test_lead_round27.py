"""Round 27 (lead): notices published as PDFs with their problems in a ruled table."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from rectxl.api import parse_notice_file
from rectxl.core.notice import ParsedNotice
from rectxl.core.status import Status
from tests.followup_ledgers import soffice_convert

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")

Measure = tuple[str, str, str]  # 整改措施, 整改进展, 完成情况


def _bureau_notice(path: Path, problems: Sequence[tuple[str, str, Sequence[Measure]]], counts: str) -> Path:
    """A 区教育局 notice: its problems in a ruled table (Word's 网格型), the header centred, every cell
    centred top to bottom, each aspect a row merged across the table, a problem's 序号 and title
    merged down over its measures' rows."""
    d = docx.Document()
    d.add_paragraph("中共某某区教育局委员会关于区委第三巡察组反馈意见整改进展情况的通报")
    d.add_paragraph("按照区委统一部署，2026年4月8日至6月5日，区委第三巡察组对区教育局党委开展了常规巡察，"
                    "并于2026年7月10日反馈了巡察意见。现将整改进展情况通报如下。")
    d.add_paragraph("一、整改工作开展情况")
    d.add_paragraph("局党委把巡察整改作为重大政治任务，成立整改领导小组，制定整改方案，细化整改措施。")
    d.add_paragraph("二、反馈问题整改情况")
    d.add_paragraph(counts)
    table = d.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "反馈问题", "整改措施", "整改进展", "完成情况"], strict=True):
        cell.text = text
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    number = 0
    for aspect, title, measures in problems:
        if aspect:
            row = table.add_row()
            row.cells[0].merge(row.cells[4]).text = aspect
        number += 1
        for k, (measure, progress, status) in enumerate(measures):
            cells = table.add_row().cells
            if k == 0:
                cells[0].text, cells[1].text = str(number), title
            cells[2].text, cells[3].text, cells[4].text = measure, progress, status
            for cell in cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if len(measures) > 1:
            rows = table.rows[-len(measures):]
            rows[0].cells[0].merge(rows[-1].cells[0])
            rows[0].cells[1].merge(rows[-1].cells[1])
    d.add_paragraph("三、下一步工作打算")
    d.add_paragraph("局党委将持续推进未完成事项整改，建立健全长效机制。")
    d.add_paragraph("欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-6543210。")
    d.add_paragraph("中共某某区教育局委员会")
    d.add_paragraph("2026年11月30日")
    d.save(path)
    return path


_PROBLEMS: list[tuple[str, str, Sequence[Measure]]] = [
    ("一、落实全面从严治党主体责任方面", "班子成员履行“一岗双责”不到位", [
        ("制定班子成员全面从严治党责任清单", "已印发责任清单，逐人签订责任书", "已完成"),
        ("建立分管领域廉政风险定期研判机制", "每季度开展研判1次，已开展3次", "已完成")]),
    ("", "学校食堂经费管理不规范", [
        ("开展全区中小学食堂财务专项审计", "已完成32所学校审计，发现问题18个", "已完成"),
        ("督促问题学校限期整改", "已整改15个，剩余3个正在整改", "正在推进"),
        ("完善食堂经费管理办法", "办法已起草，拟于12月印发", "正在推进")]),
    ("二、教育教学管理方面", "课后服务收费不规范", [
        ("全面清理课后服务收费项目", "清退违规收费资金12.6万元", "已完成")]),
    ("", "校舍安全隐患排查不彻底", [
        ("开展校舍安全隐患“拉网式”排查", "已排查学校56所，整改隐患131处", "已完成"),
        ("对D级危房实施加固改造", "3处危房已完成加固设计，正在施工招标", "正在推进")]),
]


def _shape(parsed: ParsedNotice) -> list[tuple[str | None, list[tuple[str, list[tuple[str, str, Status | None]]]]]]:
    return [(a.title, [(i.title, [(m.text, m.progress, m.status) for m in i.measures]) for i in a.issues()])
            for a in parsed.ledger.aspects]


@needs_soffice
def test_pdf_notice_with_its_problems_in_a_ruled_table_reads_as_its_word_file(tmp_path: Path) -> None:
    """The notice printed to PDF: pypdf gives each line of each cell as a line of its own ("班子成员履",
    "“ ”行 一岗双", …), and parse-notice had read no problem at all ("表格各单元格的文字已被拆散").
    Read from where the table's rules and words stand, the PDF gives what the Word file gives: the
    aspects of the rows merged across the table, each problem with its measures (the cells merged
    down), every measure's progress and status, the quotation marks in place."""
    word = _bureau_notice(tmp_path / "教育局通报.docx", _PROBLEMS,
                          "巡察反馈的2个方面4个问题，已完成整改2个，正在整改2个。")
    pdf = soffice_convert(word, tmp_path / "pdf", "pdf")
    from_pdf, from_word = parse_notice_file(pdf), parse_notice_file(word)
    assert _shape(from_pdf) == _shape(from_word)
    assert [(a.title, [i.title for i in a.issues()]) for a in from_pdf.ledger.aspects] == [
        ("落实全面从严治党主体责任方面", ["班子成员履行“一岗双责”不到位", "学校食堂经费管理不规范"]),
        ("教育教学管理方面", ["课后服务收费不规范", "校舍安全隐患排查不彻底"])]
    fourth = list(from_pdf.ledger.issues())[3].measures
    assert [(m.text, m.progress, m.status) for m in fourth] == [
        ("开展校舍安全隐患“拉网式”排查", "已排查学校56所，整改隐患131处", Status.DONE),
        ("对D级危房实施加固改造", "3处危房已完成加固设计，正在施工招标", Status.IN_PROGRESS)]
    assert from_pdf.complete and not from_pdf.warnings
    assert {c.item: c.ok for c in from_pdf.total_checks} == {"aspects": True, "issues": True, "done": True,
                                                              "going": True}


@needs_soffice
def test_pdf_table_running_over_several_pages_is_read_whole(tmp_path: Path) -> None:
    """A table of 14 problems running over several pages: the rows of every page are read, a
    page's first row (a measure of the problem begun on the page before) under that problem."""
    problems: list[tuple[str, str, Sequence[Measure]]] = [*_PROBLEMS]
    problems += [("", f"第{k}所学校安全管理制度落实不到位", [
        (f"督促第{k}所学校修订安全管理制度", "已修订并印发", "已完成"),
        (f"对第{k}所学校开展安全管理专项督导", "督导正在进行", "正在推进")]) for k in range(1, 11)]
    word = _bureau_notice(tmp_path / "教育局通报.docx", problems,
                          "巡察反馈的2个方面14个问题，已完成整改2个，正在整改12个。")
    pdf = soffice_convert(word, tmp_path / "pdf", "pdf")
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) >= 2
    from_pdf, from_word = parse_notice_file(pdf), parse_notice_file(word)
    assert len(list(from_pdf.ledger.issues())) == 14
    assert _shape(from_pdf) == _shape(from_word)
    assert from_pdf.complete


def _rules_filled(pdf: Path, out: Path) -> Path:
    """``pdf`` with every rule LibreOffice strokes ("x0 y0 m x1 y1 l S") drawn as Word and WPS draw
    a table's borders: a thin filled box ("x y w h re f")."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, FloatObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        content = ContentStream(page.get_contents(), writer)
        operations: list[tuple[list[object], bytes]] = []
        pending: list[tuple[float, float]] = []
        filled = 0
        for operands, op in content.operations:
            if op == b"m":
                pending = [(float(operands[0]), float(operands[1]))]
            elif op == b"l" and pending:
                pending.append((float(operands[0]), float(operands[1])))
            elif op == b"S" and len(pending) == 2:
                (x0, y0), (x1, y1) = pending
                x, y = min(x0, x1) - 0.25, min(y0, y1) - 0.25
                box = [FloatObject(v) for v in (x, y, abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5)]
                operations += [(box, b"re"), ([], b"f")]
                pending, filled = [], filled + 1
            else:
                if pending:  # a path that is not one stroked line: kept as it was
                    operations.append(([FloatObject(v) for v in pending[0]], b"m"))
                    operations += [([FloatObject(v) for v in p], b"l") for p in pending[1:]]
                    pending = []
                operations.append((operands, op))
        assert filled, "no stroked rule was found to redraw"
        content.operations = operations
        page[NameObject("/Contents")] = writer._add_object(content)
    with out.open("wb") as f:
        writer.write(f)
    return out


@needs_soffice
def test_pdf_table_with_borders_drawn_as_filled_boxes(tmp_path: Path) -> None:
    """Word and WPS draw a table's borders as thin filled boxes, not stroked lines: read the same."""
    word = _bureau_notice(tmp_path / "教育局通报.docx", _PROBLEMS,
                          "巡察反馈的2个方面4个问题，已完成整改2个，正在整改2个。")
    pdf = _rules_filled(soffice_convert(word, tmp_path / "pdf", "pdf"), tmp_path / "word_style.pdf")
    assert _shape(parse_notice_file(pdf)) == _shape(parse_notice_file(word))


@needs_soffice
def test_pdf_without_a_ruled_table_keeps_its_text_as_before(tmp_path: Path) -> None:
    """A notice of paragraphs only: no table on any page, pypdf's own text is kept — the problems
    as the text gives them."""
    d = docx.Document()
    for line in ["中共某县审计局党组关于巡察整改进展情况的通报",
                 "根据县委统一部署，2026年4月至5月，县委第一巡察组对县审计局党组进行了巡察。现将整改进展情况公布如下。",
                 "一、关于审计整改跟踪不到位的问题",
                 "整改情况：建立审计整改台账，逐项跟踪销号。已完成。",
                 "二、关于审计质量控制不严的问题",
                 "整改情况：修订审计质量控制办法，开展案卷交叉评查。正在推进。",
                 "中共某县审计局党组", "2026年11月20日"]:
        d.add_paragraph(line)
    d.save(tmp_path / "审计局通报.docx")
    pdf = soffice_convert(tmp_path / "审计局通报.docx", tmp_path / "pdf", "pdf")
    from rectxl.io.pdf_read import read_notice_pdf

    assert "\t" not in read_notice_pdf(pdf)
    assert [i.title for i in parse_notice_file(pdf).ledger.issues()] == [
        i.title for i in parse_notice_file(tmp_path / "审计局通报.docx").ledger.issues()]


@pytest.mark.parametrize(("above", "below", "joined"), [
    # the long cells carried over, the short ones (序号, status) ended on the page before
    ("6\t学校制度落实不到位\t对第2所学校开展安全管理\t督导正在进行\t正在推进", "\t\t专项督导\t\t",
     "6\t学校制度落实不到位\t对第2所学校开展安全管理专项督导\t督导正在进行\t正在推进"),
    ("\t\t对学校开展安全管理\t督导正在\t正在推进", "\t\t专项督导\t进行",
     "\t\t对学校开展安全管理专项督导\t督导正在进行\t正在推进"),
    # a new measure under the problem merged down from the page before: its own cells filled
    ("\t\t督促学校修订制度\t已修订\t已完成", "\t\t开展专项督导\t督导正在进行\t正在推进", None),
    # a cell above ended its sentence: what follows is a row of its own
    ("\t\t督促学校修订制度。\t已修订\t已完成", "\t\t开展专项督导\t\t", None),
    ("三、下一步工作打算", "\t\t开展专项督导\t\t", None),
    # a new row under a problem merged down, its progress left empty, its status its own
    ("7\t问题整改不到位\t制定方案并组织实施\t已制定方案\t正在推进", "\t\t开展回头看\t\t已完成", None),
    ("7\t问题整改不到位\t制定方案并组织实施\t已制定方案\t正在推进", "\t\t开展回头看\t已完成回头看\t已完成", None),
])
def test_a_row_cut_by_the_page_break_is_joined_only_when_its_cells_run_on(
        above: str, below: str, joined: str | None) -> None:
    from rectxl.io.pdf_tables import row_split_over_pages

    assert row_split_over_pages(above, below) == joined


def test_batch_takes_shi_jian_ju_for_the_market_regulation_bureau(tmp_path: Path) -> None:
    """市监局 is how every county writes its 市场监督管理局 (县市监局, 区市监局): a folder named so
    holding the bureau's ledger had been told "单位名称是“某某县市场监督管理局”，而文件夹名表明是“市监局”的
    台账，两者不一致" — the 市 read as a city, the unit as "监局". The 市监局 of another county is still
    another unit, as is a city's 监委 (市监委) from the county's."""
    import subprocess
    import sys

    import openpyxl

    from rectxl.core.units import same_unit_name

    for unit, title in (("市监局", "某某县市场监督管理局"), ("财政局", "某某县财政局")):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([f"{title}巡察整改台账"])
        ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
        ws.append([1, "监管责任落实不到位", "开展专项检查", "综合股", "2026年12月31日", "正在推进", "已检查12家"])
        (tmp_path / "台账" / unit).mkdir(parents=True)
        wb.save(tmp_path / "台账" / unit / "整改台账.xlsx")
    done = subprocess.run([sys.executable, "-m", "rectxl", "batch", str(tmp_path / "台账"), "--no-progress",
                           "-o", str(tmp_path / "汇总.xlsx"), "--as-of", "2026-11-30"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode in (0, 1), done.stderr
    assert "两者不一致" not in done.stdout, done.stdout
    assert same_unit_name("市监局", "某某县市场监督管理局") and same_unit_name("县市监局", "县市场监督管理局党组")
    assert not same_unit_name("青石县市监局", "白云县市场监督管理局")
    assert not same_unit_name("市监委", "县监察委员会")


_SCHOOLS = """中共东湖区教育体育局党组关于区委巡察反馈意见整改落实情况的通报
根据区委统一部署，2026年3月18日至5月20日，区委第一巡察组对区教育体育局党组进行了常规巡察，并于2026年6月28日反馈了巡察意见。现将整改落实情况公布如下。
一、整改工作的主要做法
局党组坚持“一把手”负总责，对照反馈意见，逐条建立问题清单、任务清单、责任清单。
二、巡察反馈问题的整改落实情况
【问题一】课后服务经费管理不规范
■整改措施：①制定课后服务经费管理办法；②对全区32所学校课后服务经费开展专项审计。
■整改成效：管理办法已印发；专项审计已完成，清退违规发放补助4.6万元。
■完成情况：已完成
【问题二】校园食堂食品安全隐患较多
■整改措施：①实施“明厨亮灶”改造；②建立食材采购溯源台账。
■整改成效：已完成28所学校“明厨亮灶”改造，剩余4所纳入寒假施工计划；溯源台账已全面建立。
■完成情况：基本完成
三、下一步工作安排
局党组将持续跟踪整改进展，确保全部问题按期整改到位。
中共东湖区教育体育局党组
2026年10月30日"""


@needs_soffice
def test_pdf_paragraphs_wrapped_at_the_margin_read_whole(tmp_path: Path) -> None:
    """A short notice printed to PDF, its labelled lines ("■整改措施：①…开展专项" / "审计。") wrapped at
    the page's margin: too few lines for the text's own width to be guessed, they had stayed apart —
    "专项。审计。" in a measure, "溯源台账" / "已全面建立。" as two accounts. Read where the words stand,
    a line reaching the margin goes on in the next, and the PDF reads as the Word file (the quotation
    marks drawn apart in one piece, "“ ”", put back too)."""
    d = docx.Document()
    for line in _SCHOOLS.splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "教体局通报.docx")
    pdf = soffice_convert(tmp_path / "教体局通报.docx", tmp_path / "pdf", "pdf")
    from rectxl.io.pdf_read import read_notice_pdf

    text = read_notice_pdf(pdf)
    assert "■整改措施：①制定课后服务经费管理办法；②对全区32所学校课后服务经费开展专项审计。" in text.splitlines()
    assert "■整改成效：已完成28所学校“明厨亮灶”改造，剩余4所纳入寒假施工计划；溯源台账已全面建立。" in text.splitlines()
    assert _shape(parse_notice_file(pdf)) == _shape(parse_notice_file(tmp_path / "教体局通报.docx"))


def _turned(pdf: Path, out: Path) -> Path:
    """``pdf`` with each page's content turned a quarter (a landscape page drawn on a portrait sheet,
    as a table too wide for the page is printed): every word set at an angle."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, FloatObject, NameObject, RectangleObject

    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        content = ContentStream(page.get_contents(), writer)
        turn = [FloatObject(v) for v in (0, 1, -1, 0, height, 0)]
        content.operations = [([], b"q"), (turn, b"cm"), *content.operations, ([], b"Q")]
        page[NameObject("/Contents")] = writer._add_object(content)
        page.mediabox = RectangleObject([0, 0, height, width])
    with out.open("wb") as f:
        writer.write(f)
    return out


@needs_soffice
def test_pdf_with_its_words_set_at_an_angle_is_read_as_pypdf_reads_it(tmp_path: Path) -> None:
    """A page whose words are turned (not upright where they stand) is not read by place: its lines
    would be the columns of its characters. pypdf's own text is read, and the problems with it."""
    d = docx.Document()
    for line in _SCHOOLS.splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "教体局通报.docx")
    pdf = _turned(soffice_convert(tmp_path / "教体局通报.docx", tmp_path / "pdf", "pdf"), tmp_path / "turned.pdf")
    from rectxl.io.pdf_read import read_notice_pdf

    assert "【问题一】课后服务经费管理不规范" in read_notice_pdf(pdf).splitlines()
    assert [i.title for i in parse_notice_file(pdf).ledger.issues()] == [
        "课后服务经费管理不规范", "校园食堂食品安全隐患较多"]
