"""Notices round twenty-three: notices as other agencies write them survive parse-notice → ledger → notice.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from rectxl import api
from rectxl.cli import main
from rectxl.core.notice import parse_notice
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger

R = "\u3000"


def _round_trip(tmp_path: Path, text: str, name: str = "通报") -> tuple[Path, str]:
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    ledger = tmp_path / f"{name}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{name}_通报.txt"
    api.notice(ledger, out)
    return ledger, out.read_text(encoding="utf-8")


# A county bureau's notice: each measure closes with its status after a comma, or not at all
BUREAU = """中共青溪县水务局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县水务局党组进行了巡察，2025年6月10日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组成立整改工作领导小组，制定整改方案。
二、巡察反馈问题整改落实情况
（一）贯彻落实上级决策部署方面
1.河湖长制落实不到位的问题。整改情况：一是完善河长巡河制度，建立巡河台账1本，已完成。二是开展河道清障行动，清理违建12处。
2.农村饮水工程管护不力的问题。整改情况：修订农村供水工程管护办法，正在推进。
三、下一步工作打算
持续巩固整改成果。
中共青溪县水务局党组
2025年9月30日
"""


def test_a_status_closing_the_sentence_after_a_comma_is_stated() -> None:
    measures = list(parse_notice(BUREAU).ledger.measures())
    first, second, third = measures
    assert (first.status, first.status_inferred, first.status_text) == (Status.DONE, False, "已完成")
    assert (third.status, third.status_inferred, third.status_text) == (Status.IN_PROGRESS, False, "正在推进")
    # an account with no status of its own is still only a guess
    assert second.status_inferred is True and second.status_text == ""


def test_the_stated_status_goes_to_the_status_column_and_is_written_back_once(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, BUREAU, "水务局")
    statuses = [m.status for m in read_ledger(ledger).measures()]
    assert statuses == [Status.DONE, None, Status.IN_PROGRESS]  # the guess stays in 推断状态
    assert "一是完善河长巡河制度，建立巡河台账1本，已完成。二是开展河道清障行动，清理违建12处。" in back
    assert "修订农村供水工程管护办法，正在推进。" in back and "已完成，已完成" not in back


def test_a_notice_read_back_names_its_guessed_statuses_without_totals_to_disagree(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "通报.txt"
    source.write_text(BUREAU, encoding="utf-8")
    assert main(["parse-notice", str(source), "-o", str(tmp_path / "台账.xlsx")]) == 0
    capsys.readouterr()
    assert main(["notice", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "再生成.txt")]) == 1
    said = capsys.readouterr().out
    # the notice written back prints no totals sentence: nothing is said not to add up
    assert "截至" not in (tmp_path / "再生成.txt").read_text("utf-8")
    assert "1 项措施的整改状态未填写或无法识别，通报照写了它们的进展，但台账没有写明它们的状态" in said
    assert "合计对不上" not in said


# A university's notice: the preamble calls the unit by the common noun for its kind
COLLEGE = """中共南岭师范学院委员会关于巡视整改进展情况的通报
根据省委统一部署，2025年4月8日至6月6日，省委第六巡视组对学校党委进行了巡视，2025年8月20日反馈了巡视意见。现将巡视整改进展情况予以公布。
一、学校党委履行整改主体责任情况
学校党委成立巡视整改工作领导小组。
二、巡视反馈问题整改落实情况
（一）贯彻落实党的教育方针方面
1.立德树人根本任务落实不够到位的问题。整改情况：修订本科人才培养方案，已完成。
三、下一步工作安排
持续深化整改。
中共南岭师范学院委员会
2025年11月20日
"""


def test_a_unit_called_by_its_kind_is_named_as_the_title_names_it(tmp_path: Path) -> None:
    assert parse_notice(COLLEGE).ledger.info.unit_name == "南岭师范学院党委"
    company = COLLEGE.replace("中共南岭师范学院委员会", "中共东岭能源集团有限公司委员会") \
        .replace("对学校党委进行了巡视", "对集团党委开展了常规巡视")
    assert parse_notice(company).ledger.info.unit_name == "东岭能源集团有限公司党委"
    ledger, _ = _round_trip(tmp_path, COLLEGE, "学院")
    assert openpyxl.load_workbook(ledger)["台账"]["A1"].value == "南岭师范学院党委巡视整改台账"


# A university's notice: aspects headed 第一部分 …方面, problems numbered 1.1, 1.2 within them
PARTS = """中共东湖理工大学委员会关于巡视整改进展情况的通报
根据省委统一部署，2025年4月8日至6月6日，省委第三巡视组对东湖理工大学党委进行了巡视，2025年8月20日反馈了巡视意见。现将巡视整改进展情况予以公布。
一、学校党委履行整改主体责任情况
学校党委成立巡视整改工作领导小组，逐项制定整改措施。
二、巡视反馈问题整改落实情况
第一部分 落实立德树人根本任务方面
1.1 实践育人体系不健全的问题。整改情况：一是制定实践育人工作方案，已完成。二是建设校外实践基地12个，正在推进。
1.2 辅导员队伍配备不足的问题。整改情况：新进专职辅导员15名，已完成。
第二部分 全面从严治党方面
2.1 科研经费报销审核不严的问题。整改情况：修订科研经费报销细则，已完成。
三、下一步工作安排
持续深化整改。
中共东湖理工大学委员会
2025年11月20日
"""


def test_parts_headed_as_aspects_over_problems_numbered_within_them_are_read() -> None:
    ledger = parse_notice(PARTS).ledger
    assert [a.title for a in ledger.aspects] == ["落实立德树人根本任务方面", "全面从严治党方面"]
    assert [(i.title, len(i.measures)) for i in ledger.issues()] == [
        ("实践育人体系不健全的问题", 2), ("辅导员队伍配备不足的问题", 1), ("科研经费报销审核不严的问题", 1)]
    # the same problems under aspects headed （一）（二）
    bracketed = PARTS.replace("第一部分 ", "（一）").replace("第二部分 ", "（二）")
    assert [len(list(a.issues())) for a in parse_notice(bracketed).ledger.aspects] == [2, 1]


def test_parts_and_decimal_problem_numbers_are_written_back_as_the_notice_had_them(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, PARTS, "东湖理工")
    lines = [line.strip(R + " ") for line in back.splitlines() if line.strip(R + " ")]
    assert "第一部分：落实立德树人根本任务方面" in lines and "第二部分：全面从严治党方面" in lines
    assert any(line.startswith("1.1实践育人体系不健全的问题。") for line in lines)
    assert any(line.startswith("1.2辅导员队伍配备不足的问题。") for line in lines)
    assert any(line.startswith("2.1科研经费报销审核不严的问题。") for line in lines)
    assert "第一方面" not in back
    bracketed = PARTS.replace("第一部分 ", "（一）").replace("第二部分 ", "（二）")
    _, again = _round_trip(tmp_path, bracketed, "东湖理工2")
    assert "（二）全面从严治党方面" in again and "2.1科研经费报销审核不严的问题。" in again


def _ledger(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
    for n, (problem, measure, status, progress) in enumerate(rows, 1):
        ws.append([n, problem, measure, "农业农村局", "2026年12月31日", status, progress])
    wb.save(path)
    return path


def test_work_mostly_done_keeps_its_word_before_what_is_left(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", [
        ("高标准农田建设滞后", "推进高标准农田建设", "基本完成", "剩余800亩明年3月底前完工"),
        ("农机补贴审核不严", "开展农机补贴专项核查", "基本完成，剩余2个乡镇年底前核查完毕", ""),
    ])
    out = tmp_path / "通报.txt"
    api.notice(path, out, as_of=date(2026, 10, 10))
    text = out.read_text("utf-8")
    assert "推进高标准农田建设，已基本完成，剩余800亩明年3月底前完工。" in text
    assert "开展农机补贴专项核查，已基本完成，剩余2个乡镇年底前核查完毕。" in text


def test_a_status_cell_counting_how_far_the_work_got_is_published(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", [
        ("村级道路破损", "修复破损村道8条", "已修复6条，其余2条正在施工", ""),
        ("农村危房改造慢", "推进农村危房改造", "完成改造12户，剩余3户推进中", ""),
    ])
    out = tmp_path / "通报.txt"
    api.notice(path, out, as_of=date(2026, 10, 10))
    text = out.read_text("utf-8")
    assert "修复破损村道8条，已修复6条，其余2条正在施工。" in text
    assert "推进农村危房改造，完成改造12户，剩余3户推进中。" in text



# A township's notice: the measures listed, then their statuses listed in the same order
LISTED = """中共桃源镇委员会关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至5月9日，县委第一巡察组对镇党委开展了常规巡察，6月5日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作开展情况
镇党委召开专题会议，制定整改方案。
二、反馈问题整改情况
（一）贯彻落实上级决策部署方面
1.集体经济项目监管不力的问题。整改情况：一是建立村级项目台账；二是开展项目收益专项审计；三是修订项目监管办法。一是已完成，二是正在推进，三是已完成。
三、下一步工作打算
持续巩固整改成果。
中共桃源镇委员会
2025年9月30日
"""


def test_statuses_listed_after_the_measures_are_each_measures_own() -> None:
    (issue,) = parse_notice(LISTED).ledger.issues()
    assert [m.text for m in issue.measures] == ["建立村级项目台账；", "开展项目收益专项审计；", "修订项目监管办法。"]
    assert [(m.status, m.status_inferred) for m in issue.measures] == [
        (Status.DONE, False), (Status.IN_PROGRESS, False), (Status.DONE, False)]


def test_statuses_listed_after_the_measures_are_written_back_with_each(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, LISTED, "桃源镇")
    assert ("一是建立村级项目台账，已完成。二是开展项目收益专项审计，正在推进。三是修订项目监管办法，已完成。"
            in back)


def test_work_going_on_with_only_its_finishing_time_says_it_goes_on(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", [
        ("集体资产账实不符", "对账实不符的7项资产进行处置", "正在整改", "预计12月底前完成"),
        ("村级道路管护不到位", "落实村道管护责任", "正在推进", "计划11月底前完成管护协议签订"),
    ])
    out = tmp_path / "通报.txt"
    api.notice(path, out, as_of=date(2026, 10, 10))
    text = out.read_text("utf-8")
    assert "对账实不符的7项资产进行处置，正在推进，预计12月底前完成。" in text
    assert "落实村道管护责任，正在推进，计划11月底前完成管护协议签订。" in text
