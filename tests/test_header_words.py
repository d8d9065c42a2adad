"""Column names other offices use that rectxl had misread: 问题领域 is the issues' field (their
category, "党风廉政建设"), not the issue's text; a column of reasons (问题产生原因, 问题原因,
未完成原因) is no second 具体问题 column — 问题原因 had been read as the issue's text, and beside
a 存在问题 column as a duplicate of it. A schedule (进度安排, 时间安排) says when the work is due,
not how far it got; 整改落实牵头人 is a person; 整改主体 the unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.api import check
from rectxl.core import fields as F
from rectxl.core.fields import field_for_header
from rectxl.io.reader import read_ledger


@pytest.mark.parametrize(("header", "field"), [
    ("问题领域", F.CATEGORY), ("问题原因", None), ("问题产生原因", None), ("未完成原因", F.REMARK),
    ("原因分析", None), ("延期原因", F.REMARK), ("存在问题", F.ISSUE), ("问题类型", F.CATEGORY),
    # the issue with its cause beside it, or the measures with theirs, is still that column
    ("存在问题及原因", F.ISSUE), ("问题及原因分析", F.ISSUE), ("问题原因及整改措施", F.MEASURE),
    # a schedule is when it is due (进度安排 had been read as the status, its dates as bad statuses)
    ("进度安排", F.DEADLINE), ("时间安排", F.DEADLINE), ("整改进度", F.STATUS),
    # a person who leads is a person (牵头人 had been read as the unit, 牵头单位's word)
    ("整改落实牵头人", F.OWNER_PERSON), ("牵头单位", F.OWNER_UNIT), ("整改主体", F.OWNER_UNIT),
])
def test_header_names(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


def test_a_ledger_with_a_field_and_a_cause_column(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "问题领域", "存在问题", "问题产生原因", "整改措施", "责任单位", "责任人", "整改时限",
               "整改状态"])
    for row in ((1, "党风廉政建设", "公务接待不规范", "制度执行不严", "修订接待制度", "办公室", "张三"),
                (2, "党风廉政建设", "公车管理不严", "监管缺位", "建立公车台账", "办公室", "李四"),
                (3, "选人用人", "干部档案审核不细", "人手不足", "开展专项审核", "组织人事股", "王五")):
        ws.append([*row, "2025年6月底前", "已完成"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    report = check(path)
    assert not {"duplicate-header", "header-missing"} & {f.code for f in report.findings}
    ledger = read_ledger(path)
    assert [c.title for a in ledger.aspects for c in a.categories] == ["党风廉政建设", "选人用人"]
    assert [i.title for a in ledger.aspects for i in a.issues()] == [
        "公务接待不规范", "公车管理不严", "干部档案审核不细"]
