"""Notice prose round 12: the generated notice read as the 巡察办 editor reads it — every measure's
sentence true to the ledger, and read back by parse-notice with the clerk's status.

What now reads right:
- a measure of several things (numbered "1.建立作业公示制度\\n2.每月开展作业抽查", or clauses) whose
  progress says only the first done ("作业公示制度已建立"), the work going on: the measure is kept
  whole, in its order, and said to go on ("建立作业公示制度；每月开展作业抽查。作业公示制度已建立，
  正在推进") — the first thing had been left out, the other leading the sentence as if it had
  been done with it ("每月开展作业抽查，作业公示制度已建立");
- a numbered progress answering only the first of the numbered things ("1.已建立\\n2.已开展抽查2次"
  for three things): the things it does not come to are said with the measure's status — they
  had followed the list bare, the answers after the last thing;
- work going on whose progress reads as done, the thing named first ("制度草案已形成",
  "目前已清理挂牌42块") or in more than one clause ("因…，已报县政府审批"), says it goes on —
  only one short clause opening with 已 had;
- work kept up for the long term is published in the office's own word (持续推进, 常态化推进;
  "常态化推进中" too — it had been "常态化正在推进"), not 长期坚持, and also after a progress
  saying what was done so far ("…已整改28个，常态化推进") — it had then said nothing, and read
  back as done or going on; after work still under way ("剩余2家正在施工") 长期坚持 is not added
  (it would contradict it), the office's own 持续推进 is;
- a measure counted done whose progress gives a share below all of it ("完成80%") is published
  done — the share contradicted the count;
- parse-notice reads "…，已完成。下一步将建立常态化巡查机制" as done (it had been 长期坚持, for the
  常态化 of the next step), "…，尚未启动，拟于明年一季度开展" as not started (it had been going on)
  and "…，已腾退220平方米，剩余80平方米年底前腾退" as going on (it had been done).

Every ledger here is written for this file about fictional units.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import rectxl
from rectxl.core.deadline import parse_deadline
from rectxl.core.model import Measure
from rectxl.core.notice import parse_notice
from rectxl.core.notice.parse import infer_status
from rectxl.core.notice.render import measure_sentence
from rectxl.core.status import Status, read_status
from tests.ledgers import write_simple_ledger

AS_OF = date(2026, 11, 30)
FEEDBACK = date(2025, 12, 10)

#: (issue, measure, status, deadline, progress, the sentence the office publishes)
ROWS = [
    ("施工现场监管不力", "1.建立作业公示制度\n2.每月开展作业抽查", "正在推进", "2026年12月31日",
     "作业公示制度已建立", "建立作业公示制度；每月开展作业抽查。作业公示制度已建立，正在推进。"),
    ("施工现场监管不力", "1.建立违规作业台账\n2.每月通报一次\n3.对违规作业严肃问责", "正在推进", "2026年12月31日",
     "1.已建立\n2.已通报2次",
     "建立违规作业台账，已完成；每月通报一次，已通报2次；对违规作业严肃问责，正在推进。"),
    ("老旧小区改造推进慢", "加快推进12个老旧小区改造", "持续推进", "长期",
     "已完工10个，剩余2个正在施工", "加快推进12个老旧小区改造，已完工10个，剩余2个正在施工，持续推进。"),
    ("执法规范化水平不高", "开展执法案卷评查", "常态化推进", "长期",
     "已评查案卷215卷，发现问题32个，已整改28个",
     "开展执法案卷评查，已评查案卷215卷，发现问题32个，已整改28个，常态化推进。"),
    ("执法规范化水平不高", "完善执法办案管理中心建设", "持续推进中", "长期", "",
     "完善执法办案管理中心建设，持续推进。"),
    ("网格员队伍不稳定", "健全网格员管理考核机制", "长期坚持", "长期",
     "制定《网格员考核办法》，每季度考核一次",
     "健全网格员管理考核机制，制定《网格员考核办法》，每季度考核一次，长期坚持。"),
    ("统计数据质量不高", "建立统计数据质量追溯制度", "正在推进", "2026年12月31日",
     "制度草案已形成", "建立统计数据质量追溯制度，制度草案已形成，正在推进。"),
    ("校外培训治理不彻底", "开展校外培训机构专项整治", "已完成", "2026年9月30日",
     "已完成。下一步将建立常态化巡查机制", "开展校外培训机构专项整治，已完成。下一步将建立常态化巡查机制。"),
    ("审计整改督促不力", "对2023年以来审计发现问题开展整改“回头看”", "未启动", "2026年3月31日",
     "拟于明年一季度开展", "对2023年以来审计发现问题开展整改“回头看”，尚未启动，拟于明年一季度开展。"),
    ("医保基金追缴不到位", "追缴违规使用的医保基金16万元", "正在推进", "2026年12月31日",
     "截至10月底，已追缴12.6万元，剩余3.4万元正在追缴",
     "追缴违规使用的医保基金16万元，截至10月底，已追缴12.6万元，剩余3.4万元正在追缴。"),
]


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> tuple[rectxl.Ledger, str]:
    rows, numbers = [], {}
    for issue, measure, status, deadline, progress, _ in ROWS:
        rows.append({"方面": "一、落实全面从严治党责任方面", "问题序号": numbers.setdefault(issue, len(numbers) + 1),
                     "具体问题": issue, "整改措施": measure, "责任单位": "县住房和城乡建设局",
                     "责任人": "张明", "整改时限": deadline, "整改状态": status, "整改进展": progress or None,
                     "完成时间": "2026年9月20日" if status == "已完成" else None})
    path = write_simple_ledger(tmp_path_factory.mktemp("r12") / "台账.xlsx", rows,
                               info={"单位名称": "县住房和城乡建设局", "反馈日期": "2025年12月10日",
                                     "报告日期": "2026年11月30日"})
    ledger = rectxl.read_ledger(path)
    return ledger, rectxl.render_notice(ledger, as_of=AS_OF)


def _sentences(text: str) -> list[str]:
    """Section 二's measures, each ended with "。", without their 一是/二是 markers."""
    import re

    body = text.split("二、", 1)[1].split("三、", 1)[0]
    out = []
    for line in body.splitlines():
        line = line.strip("\u3000 ")
        if not re.match(r"\d+\.", line):
            continue
        rest = line.partition("。")[2]  # after the issue's title
        for part in re.split(r"[一二三四五六七八九十]是", rest):
            if part:
                out.append(part if part.endswith("。") else part.rstrip("；") + "。")
    return out


def test_each_measure_reads_as_the_office_would_publish_it(notice: tuple[rectxl.Ledger, str]) -> None:
    assert _sentences(notice[1]) == [row[5] for row in ROWS]


def test_the_notice_reads_back_with_the_clerks_statuses(notice: tuple[rectxl.Ledger, str]) -> None:
    ledger, text = notice
    back = parse_notice(text).ledger
    assert [m.status for m in back.measures()] == [m.status for m in ledger.measures()]


def _said(action: str, progress: str, status_text: str, deadline: str = "2026年12月31日") -> str:
    m = Measure(text=action, progress=progress, status=read_status(status_text).status, status_text=status_text,
                deadline=parse_deadline(deadline, feedback_date=FEEDBACK))
    return measure_sentence(m, as_of=AS_OF, statuses=True)


@pytest.mark.parametrize(("action", "progress", "status", "published"), [
    # clauses, not numbered: the first said done leaves the rest kept after it, in order
    ("建立作业公示制度，每月开展作业抽查", "作业公示制度已建立", "正在推进",
     "建立作业公示制度，每月开展作业抽查。作业公示制度已建立，正在推进"),
    ("一是建立补贴发放台账；二是开展补贴发放情况专项检查；三是约谈发放滞后的乡镇", "已建立补贴发放台账", "正在推进",
     "建立补贴发放台账；开展补贴发放情况专项检查；约谈发放滞后的乡镇。已建立补贴发放台账，正在推进"),
    # done: the measure's things are all done, the progress may say one of them
    ("1.建立作业公示制度\n2.每月开展作业抽查", "作业公示制度已建立", "已完成",
     "每月开展作业抽查，作业公示制度已建立"),
    # a progress saying what is not done yet says it itself: nothing added
    ("开展河湖“清四乱”专项行动，建立问题清单", "问题清单已建立，专项行动尚未开展", "正在推进",
     "开展河湖“清四乱”专项行动，问题清单已建立，专项行动尚未开展"),
    ("开展党支部达标评比", "评比方案已印发，各支部对标自查中", "正在推进",
     "开展党支部达标评比，评比方案已印发，各支部对标自查中"),
    ("清理超标准配备办公用房", "已腾退220平方米，剩余80平方米年底前腾退", "正在推进",
     "清理超标准配备办公用房，已腾退220平方米，剩余80平方米年底前腾退"),
    # the office's long-term word, also as the progress's own
    ("完善执法办案管理中心建设", "常态化推进中", "常态化推进", "完善执法办案管理中心建设，常态化推进"),
    ("加快推进12个老旧小区改造", "", "长期", "加快推进12个老旧小区改造，长期坚持"),
    # 长期坚持 never after work still under way; a step ahead already saying it is kept up: nothing added
    ("加快推进12个老旧小区改造", "已完工10个，剩余2个正在施工", "长期坚持",
     "加快推进12个老旧小区改造，已完工10个，剩余2个正在施工"),
    ("对全县定点医药机构开展全覆盖检查", "今年已检查定点机构87家，下一步将常态化开展", "持续推进",
     "对全县定点医药机构开展全覆盖检查，今年已检查定点机构87家，下一步将常态化开展"),
    # a share below all of it under a measure counted done contradicts the count: not published
    ("开展财务专项检查", "完成80%", "已完成", "开展财务专项检查，已完成"),
    ("开展财务专项检查", "已完成80%", "正在推进", "开展财务专项检查，已完成80%"),
])
def test_measure_sentences(action: str, progress: str, status: str, published: str) -> None:
    assert _said(action, progress, status) == published


@pytest.mark.parametrize(("sentence", "status"), [
    ("开展校外培训机构专项整治，已完成。下一步将建立常态化巡查机制。", Status.DONE),
    ("开展财务专项检查，已完成；后续将每半年开展一次。", Status.DONE),
    ("开展培训，正在推进。下一步将扩大培训范围。", Status.IN_PROGRESS),
    ("对2023年以来审计发现问题开展整改“回头看”，尚未启动，拟于明年一季度开展。", Status.NOT_STARTED),
    ("建立食堂财务公开制度，尚未启动。", Status.NOT_STARTED),
    # part of the work done, the rest not begun: going on
    ("问题清单已建立，专项行动尚未开展，正在推进。", Status.IN_PROGRESS),
    ("加快推进12个老旧小区改造，已完工10个，剩余2个正在施工，持续推进。", Status.LONG_TERM),
    # a count left to do is work going on; a rest said done is not
    ("清理超标准配备办公用房，已腾退220平方米，剩余80平方米年底前腾退。", Status.IN_PROGRESS),
    ("对卫片执法发现的违法用地逐宗整改，已整改29宗，其余8宗已立案查处。", Status.IN_PROGRESS),
    ("对卫片执法发现的违法用地逐宗整改，已整改29宗，其余8宗均已整改到位。", Status.DONE),
])
def test_parse_notice_reads_the_status_stated_before_the_next_step(sentence: str, status: Status) -> None:
    assert infer_status(sentence) is status


def test_cli_notice_and_parse_notice_round_trip(notice: tuple[rectxl.Ledger, str], tmp_path: Path) -> None:
    from rectxl.cli import main

    ledger, text = notice
    (tmp_path / "通报.txt").write_text(text, encoding="utf-8")
    assert main(["parse-notice", str(tmp_path / "通报.txt"), "-o", str(tmp_path / "回读.xlsx")]) in (0, 1)
    back = rectxl.read_ledger(tmp_path / "回读.xlsx")
    assert len(list(back.measures())) == len(list(ledger.measures()))
