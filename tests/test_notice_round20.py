"""Notices round twenty: what a notice says survives parse-notice → ledger → notice.

- a measure tagged with the office's own status words (（已办结）, （阶段性完成）, （已销号）) is written
  back in those words, not as 已完成 / 已基本完成;
- a 问责 paragraph between one aspect's problems and the next aspect's heading is no part of the
  measure above it: the measure keeps its status, the paragraph is told once, apart;
- "整改进展：已建成检测点2个（阶段性完成）" is not written back as if it were done.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rectxl import api

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, source: Path) -> tuple[Path, list[str]]:
    ledger = tmp_path / f"{source.stem}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{source.stem}_通报.txt"
    api.notice(ledger, out)
    return ledger, _section_two(out.read_text(encoding="utf-8"))


MARKET = """中共白沙县市场监督管理局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第三巡察组对县市场监督管理局党组开展了常规巡察。2025年5月22日，县委第三巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案，明确责任分工。
二、反馈问题整改落实情况
（一）关于履行监管职责方面
1.关于食品小作坊监管缺位的问题。一是对全县126家小作坊开展拉网式检查（已办结）。二是建立小作坊“红黑榜”公示制度（阶段性完成）。
2.关于投诉举报处置超时的问题。一是清理积压投诉举报件83件（已办结）。二是修订投诉举报处置流程（已整改到位）。
（二）关于作风纪律方面
3.关于执法人员持证上岗不规范的问题。一是组织执法资格培训考试（基本完成）。二是收回过期执法证件5本（已销号）。
三、下一步工作打算
局党组将坚持标本兼治，巩固整改成果。
中共白沙县市场监督管理局党组
2025年12月1日
"""


def test_the_notices_own_status_words_are_written_back(tmp_path: Path) -> None:
    source = tmp_path / "市场监管局.txt"
    source.write_text(MARKET, encoding="utf-8")
    ledger, told = _round_trip(tmp_path, source)
    assert told[1] == ("1.关于食品小作坊监管缺位的问题。一是对全县126家小作坊开展拉网式检查（已办结）。"
                       "二是建立小作坊“红黑榜”公示制度（阶段性完成）。")
    assert told[2].endswith("二是修订投诉举报处置流程（已整改到位）。")
    assert told[4].endswith("二是收回过期执法证件5本（已销号）。")
    # the ledger's status column says what the notice said, and still counts it done
    said = [(m.status_text, m.status.value if m.status else None) for m in api.read_ledger(ledger).measures()]
    assert said[-1] == ("已销号", "已完成")
    assert said[1] == ("阶段性完成", "基本完成")


LAND = """中共白沙县自然资源局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第三巡察组对县自然资源局党组开展了常规巡察。2025年5月22日，县委第三巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案。
二、反馈问题整改落实情况
（一）关于落实耕地保护责任方面
1.关于违法占用耕地查处不力的问题。一是对2022年以来卫片图斑逐宗核查（已完成）。二是拆除违法建筑物14处，复垦耕地36亩（正在推进）。
2.关于永久基本农田划定不实的问题。一是开展永久基本农田专项核实（已完成）。
{accountability}
（二）关于干部作风方面
3.关于不动产登记窗口服务效率低的问题。一是推行“交房即交证”改革（已完成）。二是压缩登记办理时限至3个工作日（已完成）。
三、下一步工作打算
局党组将巩固整改成果。
中共白沙县自然资源局党组
2025年12月1日
"""

AFTER_ASPECT = "针对上述问题，对相关责任人员给予诫勉谈话2人、批评教育3人，责令作出书面检查5人。"


@pytest.mark.parametrize("said", [
    AFTER_ASPECT,
    "在整改过程中，对相关责任人员给予诫勉谈话2人、批评教育3人。",
    "对上述问题涉及的相关责任人员，给予诫勉谈话2人、批评教育3人。",
])
def test_an_accountability_paragraph_between_aspects_is_kept_apart(tmp_path: Path, said: str) -> None:
    source = tmp_path / "自然资源局.txt"
    source.write_text(LAND.format(accountability=said), encoding="utf-8")
    ledger, told = _round_trip(tmp_path, source)
    assert told[2] == "2.关于永久基本农田划定不实的问题。开展永久基本农田专项核实（已完成）。"
    assert told.count(said) == 1
    assert told[told.index("（二）关于干部作风方面") + 1].startswith("3.关于不动产登记窗口")
    measures = list(api.read_ledger(ledger).measures())
    assert [m.status.value if m.status else None for m in measures] == [
        "已完成", "正在推进", "已完成", "已完成", "已完成"]
    assert not any("诫勉" in m.text or "诫勉" in m.progress for m in measures)


def test_the_same_paragraph_in_a_word_notice_opening_with_the_round(tmp_path: Path) -> None:
    said = "针对巡察反馈的问题线索，局党组给予党内警告处分1人，对4名干部进行了提醒谈话。"
    document = docx.Document()
    for line in LAND.format(accountability=said).splitlines():
        document.add_paragraph(line)
    source = tmp_path / "自然资源局.docx"
    document.save(str(source))
    _, told = _round_trip(tmp_path, source)
    assert told[2] == "2.关于永久基本农田划定不实的问题。开展永久基本农田专项核实（已完成）。"
    assert told.count(said) == 1


ROADS = """中共白沙县交通运输局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第三巡察组对县交通运输局党组开展了常规巡察。2025年5月22日，县委第三巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案。
二、反馈问题整改落实情况
1.农村公路养护资金使用不规范的问题。整改措施：对2023年以来养护资金开展专项审计。整改进展：审计发现问题9个，已整改9个（已办结）。
2.超限超载治理不力的问题。整改措施：在3个主要路口设置治超检测点。整改进展：已建成检测点2个（阶段性完成）。
三、下一步工作打算
局党组将巩固整改成果。
中共白沙县交通运输局党组
2025年12月1日
"""


def test_work_done_in_part_after_its_account_is_not_told_as_done(tmp_path: Path) -> None:
    source = tmp_path / "交通运输局.txt"
    source.write_text(ROADS, encoding="utf-8")
    _, told = _round_trip(tmp_path, source)
    assert told[-1] == "2.超限超载治理不力的问题。在3个主要路口设置治超检测点，已建成检测点2个，阶段性完成。"
    # read again, the problem is still not counted done
    again = tmp_path / "again.txt"
    again.write_text((tmp_path / "交通运输局_通报.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (*_, last) = api.parse_notice_file(again).ledger.measures()
    assert last.status is not None and last.status.value == "基本完成"
