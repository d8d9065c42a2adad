"""Round 28 (lead): what a notice and a summary made from county ledgers say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from rectxl.api import notice, summary_workbook

_ROOT = Path(__file__).resolve().parent.parent


def _typed_ledger(path: Path) -> Path:
    """A 集团公司 task list grouped by a 问题类型 column, with no row heading an aspect."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改任务清单"
    ws.append(["市水务集团有限公司党委巡察反馈问题整改任务清单"])
    ws.append(["序号", "问题类型", "问题表现", "整改任务", "牵头部门", "责任人", "完成时限", "整改进度"])
    rows = [
        ("党的领导", "“第一议题”制度落实不到位", "修订党委会议事规则", "党委办公室", "赵立", "2026年9月30日", "已办结"),
        ("党的领导", "意识形态工作责任制落实不力", "每半年专题研判意识形态形势", "党委宣传部", "钱涛", "长期",
         "持续推进"),
        ("经营管理", "工程分包管理不规范", "开展在建项目分包专项检查", "工程管理部", "孙亮", "2026年12月31日", "在办"),
        ("经营管理", "应收水费清欠不力", "制定清欠方案并逐户催缴", "营销中心", "李红", "2027年3月31日", "在办"),
        ("选人用人", "干部档案审核不严", "开展干部人事档案专项审核", "组织人事部", "周斌", "2026年10月31日", "已办结"),
    ]
    for n, row in enumerate(rows, 1):
        ws.append([n, *row])
    wb.save(path)
    return path


def test_problem_types_under_no_aspect_are_counted_as_the_notices_aspects(tmp_path: Path) -> None:
    """The notice heads a 问题类型 under no aspect as its aspect ("（一）党的领导方面"): its totals
    sentence and the summary's count those three 方面 as the headings show them."""
    ledger_file = _typed_ledger(tmp_path / "集团台账.xlsx")
    out = tmp_path / "通报.txt"
    notice(ledger_file, out)
    text = out.read_text(encoding="utf-8")
    assert "（一）党的领导方面" in text and "（三）选人用人方面" in text
    assert "巡察反馈的三个方面5个问题" in text
    _, book = summary_workbook(ledger_file, tmp_path / "汇总.xlsx")
    cells = [str(v) for ws in openpyxl.load_workbook(book) for row in ws.iter_rows(values_only=True) for v in row if v]
    assert any("巡察反馈的三个方面5个问题" in v for v in cells)
    run = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(ledger_file), "-o", str(tmp_path / "b.txt")],
                         capture_output=True, text=True, cwd=_ROOT, check=True)
    assert "（3个方面5个问题5项措施）" in run.stdout
