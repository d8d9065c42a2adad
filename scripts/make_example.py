"""Build workbooks/示例台账.xlsx from seed notice 000 (the bundled example ledger).

The aspects, categories, 33 issues and the measures are the published notice's own (parsed by
rectxl's notice parser). Owners, deadlines, statuses, dates and evidence are ILLUSTRATIVE — the
notice does not state them — and are labelled so in the workbook. They are assigned
deterministically (no randomness) and about one measure in ten carries a deliberate defect, so
``rectxl check`` has something real to report.

    python scripts/make_example.py [--seed PATH] [-o workbooks/示例台账.xlsx]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from rectxl.core.deadline import parse_deadline
from rectxl.core.model import Ledger, Measure
from rectxl.core.notice.parse import parse_notice
from rectxl.core.status import Status, parse_status
from rectxl.io.ledger_xlsx import write_ledger

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_23c76c0ca088df87.txt"
OUTPUT = ROOT / "workbooks" / "示例台账.xlsx"
AS_OF = date(2023, 9, 20)  # "经过三个月的集中整改": three months after the feedback of 2023-06-27

UNITS = {  # keyword in the measure → owner unit (illustrative)
    "党": "机关党委", "学习": "办公室", "保密": "办公室", "医院": "医政医管科", "诊疗": "医政医管科",
    "中医": "中医药科", "公共卫生": "疾病预防控制科", "疾控": "疾病预防控制科", "传染病": "疾病预防控制科",
    "物资": "规划财务科", "财务": "规划财务科", "会计": "规划财务科", "审计": "规划财务科",
    "监督": "卫生监督所", "执法": "卫生监督所", "备案": "卫生监督所", "老": "基层卫生健康科",
    "托育": "基层卫生健康科", "基层": "基层卫生健康科", "干部": "人事科", "人才": "人事科",
    "招聘": "人事科", "选拔": "人事科",
}
LEADS = {"机关党委": "副局长甲", "办公室": "局长", "人事科": "副局长甲", "规划财务科": "副局长乙",
         "医政医管科": "副局长乙", "中医药科": "副局长乙", "疾病预防控制科": "副局长丙",
         "卫生监督所": "副局长丙", "基层卫生健康科": "副局长丙"}
DEADLINES = ["2023年7月31日", "2023年8月底前", "2023年9月30日", "2023年12月底前", "2023年第四季度",
             "立行立改", "2023年12月底前完成并长期坚持", "反馈后3个月内", "2024年6月30日前", "长期坚持"]


def _unit(text: str, n: int) -> str:
    for word, unit in UNITS.items():
        if word in text:
            return unit
    return list(LEADS)[n % len(LEADS)]


def _status(m: Measure, deadline: str) -> Status:
    inferred = m.status or parse_status("正在推进")
    if deadline == "长期坚持" or inferred is Status.LONG_TERM:
        return Status.LONG_TERM
    return inferred or Status.IN_PROGRESS


def illustrate(ledger: Ledger) -> Ledger:
    """Fill in illustrative owners, deadlines, statuses, dates and evidence; ~10% defects."""
    feedback = ledger.info.feedback_date or date(2023, 6, 27)
    for n, m in enumerate(ledger.measures()):
        unit = _unit(m.text, n)
        deadline = DEADLINES[(n * 7) % len(DEADLINES)]
        status = _status(m, deadline)
        if status is Status.IN_PROGRESS and deadline in ("2023年7月31日", "2023年8月底前", "立行立改"):
            deadline = "2023年12月底前"
        m.owner_unit, m.lead, m.owner_person = unit, LEADS.get(unit, "局长"), f"经办人{n % 17 + 1:02d}"
        m.status, m.status_text = status, status.value
        m.deadline = parse_deadline(deadline, feedback_date=feedback)
        if status is Status.DONE:
            due = m.deadline.due or AS_OF
            m.completed_on = min(due, AS_OF) - timedelta(days=(n % 20) + 1)
            m.evidence = f"第{n + 1}项整改佐证(会议纪要、制度文件)"
        # deliberate defects, about one measure in ten
        defect = n % 10
        if defect == 3 and n % 20 == 3:
            m.owner_person = ""
        elif defect == 5 and status is not Status.DONE:
            m.deadline = parse_deadline("2023年8月31日", feedback_date=feedback)  # now overdue
        elif defect == 2 and status is Status.DONE:
            m.evidence = ""
        elif defect == 9 and n % 30 == 9:
            m.deadline = parse_deadline("2023年9月28日", feedback_date=feedback)  # due soon
            m.status, m.status_text = Status.IN_PROGRESS, Status.IN_PROGRESS.value
        elif n == 41:
            m.deadline = parse_deadline("年内尽快", feedback_date=feedback)
        m.completed_text = m.completed_on.isoformat() if m.completed_on else ""
    ledger.info.report_date = AS_OF
    ledger.info.unit_name = ledger.info.unit_name or "区卫生健康局党组"
    ledger.info.extra["示例说明"] = ("问题与整改措施摘自广州市海珠区卫生健康局党组公开的巡察整改进展情况通报;"
                                 "责任领导、责任单位、责任人、整改时限、状态、完成时间和佐证材料均为示意数据,"
                                 "并故意设置了约一成的问题供校验演示。")
    return ledger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    ledger = illustrate(parse_notice(args.seed.read_text("utf-8")).ledger)
    write_ledger(args.output, ledger, title="区卫生健康局党组巡察整改台账(示例:责任人、时限、状态为示意数据)")
    issues, measures = sum(1 for _ in ledger.issues()), sum(1 for _ in ledger.measures())
    print(f"wrote {args.output}: {issues} issues, {measures} measures")


if __name__ == "__main__":
    main()
