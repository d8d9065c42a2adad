"""Round 26 (lead): inputs written the way other offices write them."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import docx
import pytest

from rectxl.api import parse_notice_file
from rectxl.core.model import Ledger
from rectxl.core.status import Status
from tests.followup_ledgers import soffice_convert


def _table_notice(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], counts: str) -> Path:
    """A township's notice whose problems are published in an attached table (附表)."""
    d = docx.Document()
    d.add_paragraph("中共某镇委员会关于巡察整改情况的通报")
    d.add_paragraph("根据县委统一安排，2026年3月至5月，县委第二巡察组对某镇党委开展了常规巡察，"
                    "6月20日反馈了巡察意见。现将整改情况通报如下：")
    d.add_paragraph("一、整改工作基本情况")
    d.add_paragraph(f"镇党委成立整改工作领导小组，制定整改方案。{counts}具体整改情况见附表。")
    d.add_paragraph("附表：巡察反馈问题整改落实情况表")
    table = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    d.add_paragraph("欢迎广大干部群众监督。联系电话：0000-7654321。")
    d.add_paragraph("中共某镇委员会")
    d.add_paragraph("2026年11月5日")
    d.save(path)
    return path


def _sheet_ledger(path: Path, title: str) -> Path:
    """A plain ledger under ``title``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append([title])
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "资金管理不规范", "建立资金支出台账", "财务股", "2026年12月31日", "正在推进", "已建立台账"])
    wb.save(path)
    return path


def _rows(ledger: Ledger) -> list[tuple[str, str, Status | None, str]]:
    return [(i.title, m.text, m.status, m.progress) for i in ledger.issues() for m in i.measures]


def test_notice_table_with_account_and_status_columns_reads_both(tmp_path: Path) -> None:
    """整改情况 (accounts) beside 整改状态 (status words): the accounts are the progress and the
    words the status — the parser had taken 整改情况 for the status and dropped 整改状态."""
    path = _table_notice(
        tmp_path / "镇通报.docx", ["序号", "反馈问题", "整改措施", "整改情况", "整改状态"],
        [("1", "理论学习中心组学习不规范", "制定年度学习计划，规范学习记录",
          "已制定年度学习计划，建立学习档案", "已完成"),
         ("2", "村级财务管理混乱", "开展村级财务专项清理", "已完成9个村财务清理，剩余3个村正在清理", "正在整改"),
         ("3", "惠民资金发放不透明", "全面公开惠民资金发放情况", "已在各村公示栏公示", "已完成")],
        "反馈的3个问题，已完成整改2个，正在整改1个。")
    parsed = parse_notice_file(path)
    assert _rows(parsed.ledger) == [
        ("理论学习中心组学习不规范", "制定年度学习计划，规范学习记录", Status.DONE, "已制定年度学习计划，建立学习档案"),
        ("村级财务管理混乱", "开展村级财务专项清理", Status.IN_PROGRESS, "已完成9个村财务清理，剩余3个村正在清理"),
        ("惠民资金发放不透明", "全面公开惠民资金发放情况", Status.DONE, "已在各村公示栏公示"),
    ]
    assert [c.ok for c in parsed.total_checks] == [True] * len(parsed.total_checks), parsed.total_checks


def test_notice_table_with_monthly_progress_reads_the_latest(tmp_path: Path) -> None:
    """10月进展 | 11月进展: the latest month is the progress (the first had been taken)."""
    path = _table_notice(
        tmp_path / "镇通报.docx", ["序号", "反馈问题", "整改措施", "10月进展", "11月进展", "完成情况"],
        [("1", "村务公开不及时", "按月公开村级事务", "制定公开目录", "已按月公开6次", "已完成"),
         ("2", "集体资产底数不清", "开展集体资产清查", "清查3个村", "清查9个村，剩余2个村", "推进中")],
        "反馈的2个问题，已完成整改1个。")
    ledger = parse_notice_file(path).ledger
    assert [(m.progress, m.status) for i in ledger.issues() for m in i.measures] == [
        ("已按月公开6次", Status.DONE), ("清查9个村，剩余2个村", Status.IN_PROGRESS)]


_SUB_PROBLEMS = """中共某区水利局党组关于巡察整改情况的通报

根据区委统一部署，2026年3月16日至4月28日，区委第三巡察组对区水利局党组进行了巡察。2026年6月2日，区委巡察组向区水利局党组反馈了巡察意见。现将巡察整改情况予以公布。

截至目前，巡察反馈5个问题，已完成整改3个、正在整改2个，整改完成率60%。

（一）在“贯彻落实上级决策部署有差距”方面

1.关于“学习贯彻上级重大决策部署不够深入”问题的整改

（1）关于“党组理论学习中心组学习计划性不强”的问题

整改情况：已完成整改。制定年度学习计划，明确12个专题，已开展集中学习10次。

（2）关于“对河湖长制工作部署推进不力”的问题

整改情况：已完成整改。印发《区级河湖长巡河工作制度》，整治问题点位27处。

2.关于“水利工程建设管理不规范”问题的整改

（1）关于“部分小型水库除险加固工程进度滞后”的问题

整改情况：正在整改。已完成3座水库主体工程，剩余2座正在施工。

（二）在“落实全面从严治党责任不到位”方面

1.关于“违反中央八项规定精神问题仍有发生”问题的整改

（1）关于“公务接待超标准”的问题

整改情况：已完成整改。清退超标准费用0.8万元，对9个单位逐项“回头看”，对相关责任人进行提醒谈话。

（2）关于“上轮巡察指出的工程款拨付问题仍未解决”的问题

整改情况：正在整改。已拨付工程款1200万元，剩余款项待工程审计结束后拨付。

欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-3334444。

中共某区水利局党组
2026年11月20日
"""


def test_notice_of_sub_problems_under_numbered_groups(tmp_path: Path) -> None:
    """（一）…方面 / 1.关于“…”问题的整改 / （1）关于“…”的问题 + 整改情况：the （1） items are the
    problems the totals count and the 1. headings their groups — each group had been read as one
    problem whose measures were the sub-problems' titles, and the totals reported as not matching."""
    path = tmp_path / "水利局通报.txt"
    path.write_text(_SUB_PROBLEMS, encoding="utf-8")
    parsed = parse_notice_file(path)
    ledger = parsed.ledger
    issues = list(ledger.issues())
    assert [i.title for i in issues] == [
        "关于“党组理论学习中心组学习计划性不强”的问题", "关于“对河湖长制工作部署推进不力”的问题",
        "关于“部分小型水库除险加固工程进度滞后”的问题", "关于“公务接待超标准”的问题",
        "关于“上轮巡察指出的工程款拨付问题仍未解决”的问题"]
    assert [len(c.issues) for a in ledger.aspects for c in a.categories] == [2, 1, 2]
    assert [i.measures[0].status for i in issues] == [
        Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS]
    assert issues[0].measures[0].text.startswith("制定年度学习计划")
    assert {c.item: c.ok for c in parsed.total_checks}["issues"] is True


def test_account_leaving_a_thing_waiting_is_not_done() -> None:
    """"已拨付…，剩余款项待审计结束后拨付": what is left waits, the work is under way (it had been
    inferred done from its 已…, overriding the 正在整改 the notice stated)."""
    from rectxl.core.notice.parse import infer_status
    assert infer_status("已拨付工程款1200万元，剩余款项待工程审计结束后拨付。") is Status.IN_PROGRESS
    assert infer_status("已整改8处，其余问题正在整改") is Status.IN_PROGRESS
    assert infer_status("已清理6个，其余全部完成") is Status.DONE


def test_aspect_quoting_a_problem_about_inspections_is_an_aspect(tmp_path: Path) -> None:
    """Top-level headings 一、二、三、关于“…”的问题 over numbered problems are the aspects, also the
    one whose quoted problem speaks of 巡察 ("落实巡察整改和审计整改不彻底") — it had been taken for
    the notice's section 三 (下一步工作), its problem lost from the ledger."""
    text = """中共某市文化广电旅游局委员会关于巡察整改进展情况的通报

根据市委统一部署，2026年3月18日至6月6日，市委第三巡察组对市文化广电旅游局党委进行了巡察。2026年7月31日，市委第三巡察组向市文化广电旅游局党委反馈了巡察意见。现将巡察整改进展情况予以公布。

局党委成立巡察整改工作领导小组，制定整改方案，建立整改清单销号管理制度。

一、关于“学习贯彻上级重要讲话精神不够深入”的问题

1.对文化旅游融合发展的部署要求落实不到位。

整改情况：制定《文旅融合发展三年行动计划》，已完成整改。

2.理论学习与业务工作结合不紧密。

整改情况：修订党委理论学习中心组学习制度，已完成整改。

二、关于“落实全面从严治党主体责任不到位”的问题

1.对局属单位“三重一大”事项监管不力。

整改情况：对6家局属单位开展专项检查，已完成整改。

三、关于“落实巡察整改和审计整改不彻底”的问题

1.审计指出的景区门票收入管理问题未整改到位。

整改情况：完善景区门票收入管理办法，已实现门票收入线上结算，已完成整改。

下一步，局党委将持续巩固整改成果，确保整改取得实效。

欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-8880000。

中共某市文化广电旅游局委员会
2026年12月1日
"""
    path = tmp_path / "文旅局通报.txt"
    path.write_text(text, encoding="utf-8")
    ledger = parse_notice_file(path).ledger
    assert [(a.title, sum(1 for _ in a.issues())) for a in ledger.aspects] == [
        ("关于“学习贯彻上级重要讲话精神不够深入”的问题", 2),
        ("关于“落实全面从严治党主体责任不到位”的问题", 1),
        ("关于“落实巡察整改和审计整改不彻底”的问题", 1)]
    assert ledger.info.section_three == "下一步，局党委将持续巩固整改成果，确保整改取得实效。"


def test_problems_told_with_yishi_in_the_aspect_paragraph(tmp_path: Path) -> None:
    """"（一）关于…方面。一是针对“X”问题，…。二是针对“Y”问题，…": each 一是 names a problem — the
    issues, with what was done as their measures. The notice had been read as counts only (0
    problems), the aspects' titles swallowing every problem."""
    body = ("（一）关于党的领导弱化方面。一是针对“传达学习上级精神不及时”问题，建立“第一议题”制度，"
            "今年以来传达学习32次。二是针对“乡村振兴项目推进缓慢”问题，对6个项目挂图作战，已全部完工验收。\n\n"
            "（二）关于全面从严治党不力方面\n\n"
            "一是针对“村级小微权力监督不到位”问题，制定村级小微权力清单28项并上墙公开。"
            "二是针对“公务接待管理不规范”问题，修订公务接待管理办法，清退违规费用0.36万元。")
    text = ("中共某乡委员会关于巡察整改情况的通报\n\n根据县委统一部署，2026年4月10日至5月20日，县委第五巡察组对某乡党委"
            "进行了巡察，并于6月25日反馈了巡察意见。现将整改情况通报如下：\n\n一、整改工作开展情况\n\n"
            "乡党委制定整改方案。巡察反馈的2个方面4个问题，已全部完成整改。\n\n二、反馈问题整改情况\n\n"
            f"{body}\n\n三、下一步工作打算\n\n乡党委将持续巩固整改成果。\n\n中共某乡委员会\n2026年10月30日\n")
    path = tmp_path / "乡通报.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_notice_file(path)
    ledger = parsed.ledger
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("关于党的领导弱化方面", ["针对“传达学习上级精神不及时”问题", "针对“乡村振兴项目推进缓慢”问题"]),
        ("关于全面从严治党不力方面", ["针对“村级小微权力监督不到位”问题", "针对“公务接待管理不规范”问题"])]
    assert [m.text for i in ledger.issues() for m in i.measures][:2] == [
        "建立“第一议题”制度，今年以来传达学习32次。", "对6个项目挂图作战，已全部完工验收。"]
    assert {c.item: c.ok for c in parsed.total_checks}["issues"] is True


def test_notice_table_grouped_by_category_column_gives_the_aspects(tmp_path: Path) -> None:
    """A group's notice publishing its problems in a table whose one grouping column is 问题类别
    (党的建设方面, merged down over its problems): the groups are the aspects the prose counts
    ("2个方面") — they had been dropped, the aspects total left unchecked."""
    d = docx.Document()
    d.add_paragraph("中共某某集团有限公司委员会关于巡察整改进展情况的通报")
    d.add_paragraph("根据市委统一部署，2026年4月1日至5月31日，市委第六巡察组对某某集团党委开展了常规巡察，"
                    "7月10日反馈了巡察意见。现将整改进展情况公布如下。")
    d.add_paragraph("一、整改工作总体情况")
    d.add_paragraph("集团党委对照反馈的2个方面3个问题，制定整改措施4条。截至11月30日，已完成整改2个，正在推进1个。")
    d.add_paragraph("二、具体整改情况")
    header = ["序号", "问题类别", "问题描述", "整改措施", "责任部门", "完成时限", "完成情况"]
    rows = [("1", "党的建设方面", "党委前置研究事项清单不完善", "修订前置研究事项清单", "党委办公室",
             "2026年8月31日", "已完成"),
            ("", "", "", "组织子公司对照修订清单", "党委办公室", "2026年10月31日", "已完成"),
            ("2", "", "基层党支部标准化建设不达标", "开展支部达标创建", "党群工作部", "2026年12月31日", "推进中"),
            ("3", "经营管理方面", "应收账款清收不力", "建立应收账款清收台账", "财务部", "2026年11月30日", "已完成")]
    table = d.add_table(rows=1 + len(rows), cols=len(header))
    for r, texts in enumerate([header, *rows]):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    for col in (0, 2):
        table.cell(1, col).merge(table.cell(2, col))
    table.cell(1, 1).merge(table.cell(3, 1))
    d.add_paragraph("中共某某集团有限公司委员会")
    d.add_paragraph("2026年12月2日")
    path = tmp_path / "集团通报.docx"
    d.save(path)
    parsed = parse_notice_file(path)
    ledger = parsed.ledger
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("党的建设方面", ["党委前置研究事项清单不完善", "基层党支部标准化建设不达标"]),
        ("经营管理方面", ["应收账款清收不力"])]
    first = ledger.aspects[0].categories[0].issues[0].measures[1]
    assert (first.text, first.owner_unit, first.deadline.text, first.status) == (
        "组织子公司对照修订清单", "党委办公室", "2026年10月31日", Status.DONE)
    assert {c.item: c.ok for c in parsed.total_checks}["aspects"] is True


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_notice_keeps_its_quotation_marks_in_place(tmp_path: Path) -> None:
    """The notice printed to PDF by LibreOffice sets “” in its Latin font, written apart from the
    Chinese run they sit in: pypdf gave "“ ”（一）在 贯彻落实… 方面", so no heading read as an aspect
    and the problems' titles lost their quotes. Read back in place, the PDF parses as its text."""
    text = tmp_path / "水利局通报.txt"
    text.write_text(_SUB_PROBLEMS, encoding="utf-8")
    word = docx.Document()  # Word's default style: a Latin font for the Latin text, “” among it
    for paragraph in _SUB_PROBLEMS.splitlines():
        if paragraph.strip():
            word.add_paragraph(paragraph)
    word.save(tmp_path / "水利局通报.docx")
    pdf = soffice_convert(tmp_path / "水利局通报.docx", tmp_path / "pdf", "pdf")
    from_pdf, from_text = parse_notice_file(pdf).ledger, parse_notice_file(text).ledger
    assert [a.title for a in from_pdf.aspects] == [a.title for a in from_text.aspects] == [
        "在“贯彻落实上级决策部署有差距”方面", "在“落实全面从严治党责任不到位”方面"]
    assert [i.title for i in from_pdf.issues()] == [i.title for i in from_text.issues()]
    assert [(m.text, m.status) for m in from_pdf.measures()] == [(m.text, m.status) for m in from_text.measures()]


def test_problems_coded_with_hyphens_under_their_aspects(tmp_path: Path) -> None:
    """A 问题清单's codes "1-1", "1-2" under （一）, "2-1" under （二） number the problems of each
    aspect, as "1.1" does — they had been read as the first problem's text, 2 problems of 5."""
    text = """中共某区市场监督管理局党组关于巡察整改进展情况的通报

根据区委统一部署，2026年4月至6月，区委第四巡察组对区市场监管局党组进行了巡察，2026年7月15日反馈了巡察意见。现将整改进展情况公布如下。

一、整改工作开展情况

局党组对巡察反馈的2个方面5个问题逐项研究，截至2026年11月30日，已完成整改4个，正在整改1个。

二、问题整改落实情况

（一）政治监督方面

1-1【已完成】食品安全属地监管责任落实不到位的问题。整改情况：制定《食品安全监管事权清单》，对全区128家校园食堂开展全覆盖检查。

1-2【已完成】特种设备安全监管存在盲区的问题。整改情况：开展电梯安全隐患排查，整改隐患57处。

1-3【正在整改】价格监管执法力度不够的问题。整改情况：已查处价格违法案件6件，专项检查正在进行。

（二）全面从严治党方面

2-1【已完成】执法办案监督制约机制不健全的问题。整改情况：修订《行政执法案件审核办法》，建立案件评查制度。

2－2【已完成】公车管理不规范的问题。整改情况：完善公车使用审批制度，安装定位系统8台。

三、下一步工作

局党组将持续推进未完成整改事项。1-10月累计开展检查46次。

中共某区市场监督管理局党组
2026年12月2日
"""
    path = tmp_path / "市场监管局通报.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_notice_file(path)
    ledger = parsed.ledger
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("政治监督方面", ["食品安全属地监管责任落实不到位的问题", "特种设备安全监管存在盲区的问题",
                          "价格监管执法力度不够的问题"]),
        ("全面从严治党方面", ["执法办案监督制约机制不健全的问题", "公车管理不规范的问题"])]
    assert [m.status for m in ledger.measures()] == [
        Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE]
    assert {c.item: c.ok for c in parsed.total_checks} == {"aspects": True, "issues": True, "done": True, "going": True}
    assert "1-10月累计开展检查46次" in (ledger.info.section_three or "")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_notice_with_a_table_says_the_table_cannot_be_read(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A notice whose problems are a table, printed to PDF: the text pypdf gives breaks each cell
    into pieces a line each. It had been reported as a notice of counts only ("只公布了整改总数…没有逐项
    列出问题"), which it is not: the reader is told the table could not be read back and what to use."""
    path = _table_notice(
        tmp_path / "镇通报.docx", ["序号", "反馈问题", "整改措施", "整改情况", "整改状态"],
        [("1", "理论学习中心组学习不规范", "制定年度学习计划，规范学习记录",
          "已制定年度学习计划，建立学习档案", "已完成"),
         ("2", "村级财务管理混乱", "开展村级财务专项清理", "已完成9个村财务清理，剩余3个村正在清理", "正在整改")],
        "反馈的2个问题，已完成整改1个，正在整改1个。")
    pdf = soffice_convert(path, tmp_path / "pdf", "pdf")
    parsed = parse_notice_file(pdf)
    assert not parsed.complete
    assert [w for w in parsed.warnings if "只公布了整改总数" in w] == []
    assert any("序号 反馈问题 整改措施 整改情况 整改状态" in w and "Word 版本" in w
               for w in parsed.warnings), parsed.warnings


def test_header_below_a_long_list_of_instructions_is_found(tmp_path: Path) -> None:
    """A ledger opening with its 填报说明, twenty rules a line each, before the table's header (row
    23): it had been refused (找不到台账表头…前20行), told to rename columns it had named right."""
    import openpyxl

    from rectxl.api import check
    from rectxl.io.reader import read_ledger

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某县财政局巡察整改台账"])
    ws.append(["填报说明："])
    for i in range(1, 21):
        ws.append([f"{i}. 第{i}条填报要求：请按要求如实填写各栏目，不得遗漏。"])
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "预算执行进度慢", "建立预算执行通报制度", "预算股", "2026年12月31日", "正在推进", "已通报3次"])
    ws.append([2, "政府采购不规范", "开展政府采购专项检查", "采购办", "2026年10月31日", "已完成", "检查项目45个"])
    wb.save(tmp_path / "财政局台账.xlsx")
    ledger = read_ledger(tmp_path / "财政局台账.xlsx")
    assert [(m.text, m.owner_unit, m.status, m.row) for m in ledger.measures()] == [
        ("建立预算执行通报制度", "预算股", Status.IN_PROGRESS, 24), ("开展政府采购专项检查", "采购办", Status.DONE, 25)]
    assert [f.code for f in check(tmp_path / "财政局台账.xlsx", today=date(2026, 11, 30)).findings] == []


def test_problem_and_rectification_labelled_wenti_zhenggai(tmp_path: Path) -> None:
    """"问题：…" / "整改：…（已完成）" pairs under each aspect: the measure is what follows 整改：, its
    label gone (it had been kept as the measure's first word, "整改：制定…")."""
    text = """中共某街道工作委员会关于巡察整改情况的通报

按照区委统一部署，区委第一巡察组于2026年5月6日至6月30日对某街道党工委开展了巡察，2026年8月5日反馈了巡察意见。现将整改情况公布如下：

一、强化理论武装方面
问题：理论学习中心组学习计划性不强。
整改：制定年度学习计划，明确学习专题12个，已开展集中学习9次。（已完成）

二、服务群众方面
问题：老旧小区改造推进缓慢。
整改：完成3个小区改造，剩余2个小区正在施工。（正在推进）

中共某街道工作委员会
2026年11月26日
"""
    path = tmp_path / "街道通报.txt"
    path.write_text(text, encoding="utf-8")
    ledger = parse_notice_file(path).ledger
    assert [(i.title, m.text, m.status) for i in ledger.issues() for m in i.measures] == [
        ("理论学习中心组学习计划性不强", "制定年度学习计划，明确学习专题12个，已开展集中学习9次。", Status.DONE),
        ("老旧小区改造推进缓慢", "完成3个小区改造，剩余2个小区正在施工。", Status.IN_PROGRESS)]


@pytest.mark.parametrize("title, unit, org", [
    ("中共某县林业局党组关于巡察反馈问题整改进展情况的报告", "某县林业局", "某县林业局党组"),
    ("中共某某集团有限公司委员会关于巡察整改进展情况的通报", "中共某某集团有限公司委员会",
     "中共某某集团有限公司委员会"),
])
def test_unit_from_a_report_or_notice_title_over_the_table(tmp_path: Path, title: str, unit: str, org: str) -> None:
    """A ledger sent under the title of the report or notice it belongs to ("中共…党组关于…整改进展情况
    的报告"): the unit it opens with is the unit inspected — it had been left unnamed (the summary and
    the notice had placeholders, batch named the unit after the file)."""
    from rectxl.io.reader import read_ledger

    path = _sheet_ledger(tmp_path / "台账.xlsx", title)
    info = read_ledger(path).info
    assert (info.unit_name, info.party_org) == (unit, org)


@pytest.mark.parametrize("account, status", [
    ("目前已基本完成整改。", Status.MOSTLY_DONE),  # had read 已完成
    ("已全面完成。下一步将持续巩固整改成果。", Status.DONE),  # had read 正在推进 (下一步…持续)
    ("已完成第一阶段任务，第二阶段正按计划推进。", Status.IN_PROGRESS),  # had read 已完成
    ("整改工作已启动，方案已报县政府审定。", Status.IN_PROGRESS),  # had read 已完成
    ("已制定方案，待资金到位后实施。", Status.IN_PROGRESS),  # had read 已完成
    ("整改完成率80%。", Status.IN_PROGRESS),  # had read 已完成
    ("已督促整改，目前整改进度为60%。", Status.IN_PROGRESS),  # had read 已完成
    ("已列入2027年预算，明年实施。", Status.IN_PROGRESS),  # had read 已完成
    ("项目已启动建设，并于9月底全部完工。", Status.DONE),
    ("已完成整改，待验收。", Status.DONE),
    ("修订制度2项，纠正问题5个。", Status.DONE),
])
def test_status_inferred_from_a_notices_wording(account: str, status: Status) -> None:
    """How far the work got, as a careful reader of the notice's sentence tells it."""
    from rectxl.core.notice.parse import infer_status

    assert infer_status(account) is status


def test_ledger_without_status_column_reads_done_from_completion_date(tmp_path: Path) -> None:
    """A 整改清单 with no status column and no account, only 完成时间: a row finished (its date on or
    before the as-of date) is done — it had been called overdue ("状态仍为“未写明”") though the
    clerk wrote when it was finished; the missing status column is still an error, saying so."""
    import openpyxl

    from rectxl.api import check

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某县档案馆巡察反馈问题整改清单"])
    ws.append(["序号", "反馈问题", "整改措施", "责任科室", "整改时限", "完成时间", "备注"])
    ws.append([1, "档案数字化进度滞后", "加快馆藏档案数字化", "信息科", "2026年12月31日", None, "已完成60%"])
    ws.append([2, "库房安全管理不规范", "完善库房管理制度", "保管利用科", "2026年8月31日", date(2026, 8, 15), None])
    ws.append([3, "财务报销手续不全", "补齐2025年报销凭证", "办公室", "2026年9月30日", date(2026, 12, 10), None])
    wb.save(tmp_path / "档案馆.xlsx")
    report = check(tmp_path / "档案馆.xlsx", today=date(2026, 11, 30))
    found = [(f.code, f.cell) for f in report.findings]
    assert ("overdue", "E4") not in found
    assert ("completion-in-future", "F5") in found  # "finished" after the as-of date: not read as done
    [missing] = [f for f in report.findings if f.code == "header-missing"]
    assert "填了完成时间（F列）的行按已完成读取" in missing.message


@pytest.mark.parametrize("cell, status", [
    ("马上完成", Status.IN_PROGRESS),  # had read 已完成 (马上 among the adverbs of work done)
    ("近期完成", Status.IN_PROGRESS),  # unread
    ("方案已制定，尚未印发", Status.IN_PROGRESS),  # had read 已完成
    ("已制定方案，尚未实施", Status.IN_PROGRESS),  # had read 已完成
    ("已完成方案制定", Status.IN_PROGRESS),  # unread
    ("已完成前期准备", Status.IN_PROGRESS),  # unread
    ("已于12月底前完成", Status.DONE),
    ("立即整改到位", Status.DONE),
    ("已完成，尚未验收", Status.DONE),
])
def test_status_cell_of_a_step_or_a_plan_to_finish(cell: str, status: Status) -> None:
    """A status cell telling a step done with the work not yet carried out, or that the work is about
    to be finished, reads as work going on; work said finished stays done. (A day "before" which it
    is finished — 2026年9月30日前完成, 年底前完成 — stays unread: it may be the plan or the fact.)"""
    from rectxl.core.status import read_status

    assert read_status(cell).status is status
