"""Ledgers generated in the many shapes county clerks give them — columns in any order under any of
the header words DESIGN.md lists, a title and a 填报单位 line or none, a two-row header under
责任主体, issue cells merged down or not, aspect rows merged across or not, a footer — each read with
every measure row as one measure, and check, summary and notice run on it without an unexpected
error. Seeded, so a failure names the seed that reproduces it."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl.io.reader import read_ledger

HEADERS: dict[str, list[str]] = {
    "no": ["序号", "编号", "序 号", "问题序号"],
    "aspect": ["问题方面", "方面", "问题类别", "问题类型", "巡察反馈方面"],
    "issue": ["具体问题", "问题", "存在问题", "存在的问题", "巡察反馈问题", "反馈问题", "问题具体表现", "问题描述",
              "问题清单"],
    "measure": ["整改措施", "措施", "具体措施", "整改举措", "整改任务", "具体做法"],
    "lead": ["责任领导", "分管领导", "牵头领导", "包保领导", "分管县领导"],
    "unit": ["责任单位", "责任部门", "责任科室", "责任股室", "牵头股室", "牵头单位", "主责单位", "整改责任单位",
             "责任股（室）"],
    "person": ["责任人", "经办人", "具体经办人", "具体责任人"],
    "deadline": ["整改时限", "完成时限", "整改期限", "时限要求", "整改完成时限", "计划完成时间", "时间节点",
                 "整改周期"],
    "status": ["整改状态", "完成情况", "整改情况", "是否完成", "整改进度", "是否办结", "整改结果"],
    "progress": ["整改进展", "进展情况", "整改落实情况", "目前进展"],
    "evidence": ["佐证材料", "佐证资料", "整改佐证", "佐证材料目录"],
    "remark": ["备注", "说明"],
    "completed": ["完成时间", "实际完成时间", "完成日期"],
}
VALUES: dict[str, list[Any]] = {
    "lead": ["王局长", "李副局长", "张书记", ""],
    "unit": ["办公室", "财务股", "人事股", "办公室、财务股", "", "党政办/纪委"],
    "person": ["张三", "李四", "", "王五 13800001111"],
    "deadline": [datetime(2026, 3, 31), datetime(2026, 12, 31), "2026年6月30日", "2026年6月底前", "2026.9.30",
                 "立行立改", "长期坚持", "2026年底", "每季度", "2026年第三季度", "2027年上半年", "", "2026/10/31",
                 "持续推进", "延期至2026年12月31日", "1.2026年3月\n2.长期坚持", "2026-05-20"],
    "status": ["已完成", "已整改", "整改到位", "已办结", "基本完成", "阶段性完成", "正在推进", "推进中", "整改中",
               "未完成", "长期坚持", "持续推进", "未启动", "已销号", "已完成，并长期坚持", "是", "否", "√", "",
               "序时推进", "1.已完成\n2.正在推进", "已完成待验收", "申请延期至2026年12月31日", "80%", 0.5, "进行中"],
    "progress": ["已制定方案并印发", "已召开专题会议2次", "", "正在推进，已完成80%", "已全部整改完毕", "待上级批复",
                 "已建立长效机制，长期坚持"],
    "evidence": ["会议纪要", "", "附件1.pdf"],
    "remark": ["", "申请延期", "经县委巡察办同意延期至2026年12月31日", "已销号"],
    "completed": ["", datetime(2026, 5, 1), "2026年7月", "预计2026年12月"],
}
ACTIONS = ["建立制度", "开展专项检查", "组织集中学习", "修订管理办法", "清理台账"]


def _ledger(path: Path, rng: random.Random) -> int:
    """Write a ledger shaped by ``rng``; returns the number of measure rows written."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = rng.choice(["台账", "Sheet1", "整改台账", "附件1", "问题清单"])
    kinds = ["issue", "measure", "unit", "deadline"] + [
        k for k in ("no", "aspect", "lead", "person", "status", "progress", "evidence", "remark", "completed")
        if rng.random() < 0.6]
    order = sorted(kinds, key=lambda k: list(HEADERS).index(k) + rng.random() * 1.5)
    width = len(order)
    r = 1
    if rng.random() < 0.7:
        ws.cell(r, 1, rng.choice(["某县某局巡察整改台账", "关于县委第三巡察组反馈意见整改落实情况台账"]))
        r += 1
    if rng.random() < 0.4:
        ws.cell(r, 1, "填报单位（盖章）：某局")
        ws.cell(r, max(2, width - 1), "填报日期：2026年11月20日")
        r += 1
    for j, k in enumerate(order, 1):
        ws.cell(r, j, rng.choice(HEADERS[k]))
    people = sorted(order.index(k) + 1 for k in ("lead", "unit", "person") if k in order)
    if len(people) == 3 and people[2] - people[0] == 2 and rng.random() < 0.35:
        # 责任主体 spanning 责任领导 | 责任单位 | 责任人 over a second header row
        for j in range(1, width + 1):
            if j in people:
                ws.cell(r + 1, j, ws.cell(r, j).value)
                ws.cell(r, j, None)
            else:
                ws.merge_cells(start_row=r, start_column=j, end_row=r + 1, end_column=j)
        ws.cell(r, people[0], rng.choice(["责任主体", "整改责任"]))
        ws.merge_cells(start_row=r, start_column=people[0], end_row=r, end_column=people[2])
        r += 1
    r += 1
    written = 0
    aspects = 0
    for q in range(rng.randint(1, 8)):
        if "aspect" not in order and rng.random() < 0.2:
            aspects += 1
            name = rng.choice(["政治建设", "全面从严治党", "党的建设"])
            ws.cell(r, 1, f"{'一二三四五六七八'[aspects % 8]}、{name}方面")
            if rng.random() < 0.5:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            r += 1
        start = r
        measures = rng.randint(1, 4)
        for m in range(measures):
            written += 1
            for j, k in enumerate(order, 1):
                if k == "issue" and m == 0:
                    what = rng.choice(["学习不深入", "制度执行不严", "资金管理不规范"])
                    ws.cell(r, j, f"{q + 1}.问题{q + 1}：{what}")
                elif k == "aspect" and m == 0:
                    ws.cell(r, j, rng.choice(["党的领导", "党的建设", "全面从严治党"]))
                elif k == "no" and m == 0:
                    ws.cell(r, j, q + 1)
                elif k == "measure":
                    ws.cell(r, j, rng.choice(["一是", "", "1.", "（1）"]) + rng.choice(ACTIONS) + str(written))
                elif k in VALUES:
                    ws.cell(r, j, rng.choice(VALUES[k]))
            r += 1
        if measures > 1 and rng.random() < 0.7:
            for j, k in enumerate(order, 1):
                if k in ("issue", "no", "aspect"):
                    ws.merge_cells(start_row=start, start_column=j, end_row=r - 1, end_column=j)
        if rng.random() < 0.1:
            r += 1
    if rng.random() < 0.5:
        ws.cell(r + 1, 1, rng.choice(["填表人：张三", "注：状态填写已完成、正在推进"]))
    wb.save(path)
    return written


@pytest.mark.parametrize("seed", range(24))
def test_a_generated_ledger_reads_every_measure_row_and_runs_through(seed: int, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    written = _ledger(path, random.Random(seed))
    assert len(list(read_ledger(path).measures())) == written, f"seed {seed}"
    report = api.check(path, today=date(2026, 11, 30))
    assert report.measures == written
    api.summary_workbook(path, tmp_path / "汇总.xlsx", force=True)
    api.notice(path, tmp_path / "通报.docx", force=True)
    assert (tmp_path / "汇总.xlsx").stat().st_size and (tmp_path / "通报.docx").stat().st_size
