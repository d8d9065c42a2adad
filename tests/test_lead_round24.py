"""Round twenty-four, the lead's own findings: ledgers written the way other offices write them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from tests.followup_ledgers import soffice_convert

_HEADER = ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "完成时限", "整改进展情况", "完成情况", "备注"]


def _bureau_ledger(path: Path, filled: str, rows: Sequence[Sequence[Any]]) -> Path:
    """A county bureau's monthly ledger: a merged title, the unit and the day it was filled in on
    the second row, a 完成情况 column and a 备注 column; 一、二、 rows name the aspects."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县住建局巡察整改台账"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：县住房和城乡建设局（盖章）", None, None, None, None, None, f"填报时间：{filled}"])
    ws.append(_HEADER)
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _diff(old: Path, new: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["diff", str(old), str(new), "--format", "json"])
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


_ASPECT = ("一", "工程项目监管存在漏洞", None, None, None, None, None, None, None)


def test_deadline_moved_with_the_remark_saying_it_was_adjusted_is_written_up(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure = ["对2024年以来开工项目开展全面排查，逐一补办手续", "张伟", "建筑市场监管股"]
    old = _bureau_ledger(tmp_path / "9月.xlsx", "2026年9月30日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2026年11月30日", "已排查项目27个",
                  "整改中", None)])
    moved = _bureau_ledger(tmp_path / "10月.xlsx", "2026年10月31日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2027年3月31日", "已排查项目27个，补办手续9个",
                  "整改中", "因部分项目涉及土地手续，完成时限调整")])
    silent = _bureau_ledger(tmp_path / "10月_未说明.xlsx", "2026年10月31日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2027年3月31日", "已排查项目27个，补办手续9个",
                  "整改中", None)])
    # the remark says the deadline was adjusted, and why: not a silent move
    assert [r["kind"] for r in _diff(old, moved, capsys)["regressions"]] == []
    # the same move with nothing said still is
    assert [r["kind"] for r in _diff(old, silent, capsys)["regressions"]] == ["时限延后未注明延期"]


def test_work_going_on_whose_progress_names_a_plan_made_is_said_to_go_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _bureau_ledger(tmp_path / "10月.xlsx", "2026年10月31日", [
        ("一", "落实全面从严治党主体责任不到位", None, None, None, None, None, None, None),
        (1, "党组会议研究党风廉政建设次数偏少", "制定党组年度研究党风廉政建设工作计划，每季度至少专题研究1次",
         "李建国", "办公室", "2026年12月31日", "已制定年度计划，三季度已专题研究1次，10月召开党组会专题研究",
         "整改中", None),
        (2, "保证金收缴不规范", "建立保证金收缴返还月报制度", "赵敏", "建筑市场监管股", "2027年3月31日",
         "已起草制度，计划12月底前印发", "整改中", None)])
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    # "年度计划" is the plan made, not work planned: the sentence must not read as done
    assert "10月召开党组会专题研究，正在推进。" in text
    # work planned still reads as ahead, with nothing added
    assert "已起草制度，计划12月底前印发。" in text


def _township_ledger(path: Path) -> Path:
    """A township's ledger with no 责任单位 column: each 责任人 cell names the office, then the person
    ("党政办 刘洋"), except one row naming a post and a person; the problems merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["中共青石镇委员会关于县委第二巡察组反馈问题整改落实台账"])
    ws.append(["截止时间：2026.11.25"])
    ws.append(["问题类别", "序号", "问题清单", "整改措施", "责任领导", "责任人", "整改时限", "整改情况", "是否完成"])
    rows: list[list[Any]] = [
        ["党的领导弱化", 1, "中心组学习流于形式", "严格落实中心组学习制度，每次确定领学人", "党委书记 陈刚",
         "党政办 刘洋", "立行立改，长期坚持", "已修订中心组学习制度", "是"],
        [None, None, None, "建立学习档案，年底前开展一次学习成效评估", "党委书记 陈刚", "党政办 刘洋", "2026年12月",
         "学习档案已建立", "否"],
        [None, 2, "部分村宣传栏内容陈旧", "对全镇12个村宣传栏开展排查更新", "宣传委员 周丽", "宣传干事 吴凡",
         "2026.9.30", "已更新宣传栏9个，剩余3个因道路施工推迟", "否"],
        ["全面从严治党不力", 3, "村级财务白条入账问题突出", "开展村级财务专项清查，逐笔核实整改", "纪委书记 孙强",
         "财政所：郑华", "2026年12月底前", "已清查12个村，核实白条23张", "否"],
        [None, 4, "“三资”管理台账不健全", "全面清理村集体资产资源，建立台账", "镇长 黄磊", "农经站（钱进）",
         "2027年6月底", "未开始", "否"],
    ]
    for r in rows:
        ws.append(r)
    for cells in ("A4:A6", "B4:B5", "C4:C5", "A7:A8"):
        ws.merge_cells(cells)
    wb.save(path)
    return path


def test_units_written_before_the_person_in_the_handler_column_are_the_units(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _township_ledger(tmp_path / "青石镇.xlsx")
    main(["check", str(ledger), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    # no 责任单位 column, but every 责任人 cell but one names its office: nothing is missing but that one
    assert [f["code"] for f in found if f["code"] == "header-missing"] == []
    assert [(f["code"], f["cell"]) for f in found if f["code"] == "missing-owner-unit"] == [
        ("missing-owner-unit", "F6")]
    main(["summary", str(ledger), "-o", str(tmp_path / "汇总.xlsx")])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["责任单位统计"]
    counted = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
    assert counted == {"党政办": 2, "财政所": 1, "农经站": 1, "（未填写）": 1}


def test_progress_kept_month_by_month_newest_first_is_read_from_the_newest_month(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clerk who adds each month's column to the left of the last (11月进展 | 10月进展): the
    newest month is the one named latest, not the right-most column."""
    import rectxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县住建局巡察整改台账"])
    ws.append(["填报时间：2026年11月30日"])
    ws.append(["序号", "问题", "整改措施", "责任单位", "完成时限", "11月进展", "10月进展", "11月状态", "10月状态"])
    ws.append([1, "财务报销审核不严", "修订财务报销管理办法", "计划财务股", "2026年10月31日", "已印发", "正在修订",
               "已完成", "正在推进"])
    ws.append([2, "财务报销审核不严", "开展报销凭证专项检查", "计划财务股", "2026年12月31日", "已检查凭证520份",
               "已检查凭证300份", "正在推进", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    measures = list(rectxl.read_ledger(path).measures())
    assert [(m.progress, m.status_text) for m in measures] == [("已印发", "已完成"), ("已检查凭证520份", "正在推进")]
    main(["check", str(path), "--format", "json"])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "status-text-mismatch" not in codes and "overdue" not in codes


@pytest.mark.parametrize(("months", "newest"), [
    (("12月进展", "1月进展"), "一月的进展"),  # December, then the next January: the right-most
    (("2027年1月进展", "2026年12月进展"), "一月的进展"),  # the years say
    (("整改进展", "最新进展"), "一月的进展"),  # no month named: the right-most
])
def test_progress_columns_across_the_new_year(tmp_path: Path, months: tuple[str, str], newest: str) -> None:
    import rectxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "问题", "整改措施", "责任单位", "完成时限", *months, "整改状态"])
    left, right = ("十二月的进展", "一月的进展") if months[0] != "2027年1月进展" else ("一月的进展", "十二月的进展")
    ws.append([1, "财务报销审核不严", "修订财务报销管理办法", "计划财务股", "2027年3月31日", left, right, "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    assert [m.progress for m in rectxl.read_ledger(path).measures()] == [newest]


_NOTICE = """中共柳河乡委员会关于巡察整改进展情况的通报

　　根据县委统一部署，2026年4月10日至5月20日，县委第三巡察组对中共柳河乡委员会进行了巡察。2026年6月12日，县委第三巡察组向中共柳河乡委员会反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。

　　一、整改工作组织领导情况

　　乡党委召开专题会议研究部署整改工作，成立整改工作领导小组，逐条制定整改措施，明确责任领导、责任单位和完成时限。

　　二、巡察反馈问题整改落实情况

　　截至2026年11月20日，巡察反馈的3个问题已完成整改1个、正在整改2个；5项整改措施已完成3项、正在推进2项，整改措施完成率60%。

　　（一）贯彻落实党的路线方针政策不够到位

　　1.耕地保护工作压力传导不够。一是开展撂荒耕地专项排查，已排查耕地1260亩，复耕复种86亩。二是建立乡村两级田长制工作台账，已完成。

　　2.乡村振兴项目推进缓慢。一是对2025年以来8个项目逐一建立进度台账，正在推进。二是对滞后的3个项目实行乡领导包联，已完成。

　　（二）全面从严治党主体责任落实不够有力

　　3.村级小微权力监督不到位。制定村级小微权力清单，在12个村公开公示，正在推进。

　　三、下一步工作打算

　　乡党委将持续抓好后续整改工作，对已完成的整改事项适时开展“回头看”，巩固整改成效。

　　欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0000-7654321；电子邮箱：liuhe_xczg@example.cn。

中共柳河乡委员会
2026年11月20日
"""


def _shape(path: Path) -> list[tuple[str, str, str]]:
    import rectxl

    ledger = rectxl.parse_notice_file(path).ledger
    return [(m.text, m.progress, str(m.status)) for m in ledger.measures()]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_notice_published_as_a_pdf_is_read_as_its_text(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The notice printed to PDF (as offices publish it for download): the figures in another font
    ("2026 年11 月"), the paragraphs broken at the page's width — read as the text it was made from."""
    text = tmp_path / "柳河乡通报.txt"
    text.write_text(_NOTICE, encoding="utf-8")
    pdf = soffice_convert(text, tmp_path / "pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert _shape(pdf) == _shape(text)
    assert len(_shape(pdf)) == 5
    assert main(["parse-notice", str(pdf), "-o", str(tmp_path / "台账.xlsx")]) == 0
    said = capsys.readouterr().out
    assert "通报所述问题：一致" in said and "已写入台账" in said


def test_a_pdf_without_text_or_damaged_is_named_for_what_it_is(tmp_path: Path) -> None:
    """A scan (pages with no text) and a file cut short are refused with what to do; nothing is written."""
    from pypdf import PdfWriter

    import rectxl
    from rectxl.core.errors import RectxlError

    scan = tmp_path / "扫描件.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with scan.open("wb") as fh:
        writer.write(fh)
    cut = tmp_path / "下载中断.pdf"
    cut.write_bytes(scan.read_bytes()[:200])
    for path, says in ((scan, "没有可以提取的文字"), (cut, "已损坏或不完整")):
        with pytest.raises(RectxlError) as exc:
            rectxl.parse_notice_file(path, tmp_path / "台账.xlsx")
        assert says in str(exc.value) and path.name in str(exc.value)
    assert not (tmp_path / "台账.xlsx").exists()


def test_an_account_told_after_the_measure_survives_the_round_trip(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """parse-notice, then notice from the ledger it wrote: what a measure's account said was done
    ("学习档案已建立", "制度已印发"), told after the measure with its status, is published again."""
    source = tmp_path / "通报.txt"
    source.write_text(
        "某镇关于巡察整改进展情况的通报\n\n　　二、巡察反馈问题整改落实情况\n\n"
        "　　1.中心组学习流于形式。一是严格落实中心组学习制度，每次学习确定1名领学人。已修订中心组学习制度。"
        "二是建立学习档案，年底前开展一次学习成效评估。学习档案已建立，正在推进。\n\n"
        "　　2.宣传栏内容陈旧。一是开展排查更新。已更新宣传栏9个，正在推进。二是建立管理制度。制度已印发，已完成。\n",
        encoding="utf-8")
    main(["parse-notice", str(source), "-o", str(tmp_path / "台账.xlsx")])
    main(["notice", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "再生成.txt")])
    capsys.readouterr()
    again = (tmp_path / "再生成.txt").read_text(encoding="utf-8")
    assert "学习档案已建立，正在推进" in again
    assert "制度已印发，已完成" in again
