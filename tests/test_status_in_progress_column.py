"""A ledger with no 整改状态 column whose 进展情况 cells open with the status: a status word followed
by a note in brackets ("正在推进（已完成规则梳理）", "未启动（原因：待…部署）") is read as that status
and the note as the progress, as a status followed by a clause already was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

import rectxl


def _ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["编号", "巡察反馈问题", "整改举措", "分管领导", "牵头股室", "经办人", "完成期限", "进展情况"])
    rows = [("医保基金监管存在薄弱环节", "开展定点医药机构专项检查", "2026年9月30日",
             "已完成。经核查，检查覆盖全部86家定点机构"),
            ("医保基金监管存在薄弱环节", "建立智能监控规则库", "2026年10月31日", "正在推进（已完成规则梳理）"),
            ("干部作风不严不实", "制定窗口服务考核办法", "2026年10月31日", "未启动（原因：待县政务中心统一部署）")]
    for k, (issue, measure, due, progress) in enumerate(rows, 1):
        ws.append([str(k), issue, measure, "刘副局长", "基金监管股", "赵某", due, progress])
    wb.save(path)
    return path


def test_a_status_word_with_a_note_in_brackets_is_the_status(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "医保局台账.xlsx")
    ledger = rectxl.read_ledger(path)
    read = [(m.status.value if m.status else None, m.progress) for m in ledger.measures()]
    assert read == [("已完成", "经核查，检查覆盖全部86家定点机构"), ("正在推进", "已完成规则梳理"),
                    ("未启动", "原因：待县政务中心统一部署")]
    report = rectxl.check(path, rectxl.Options(as_of=date(2026, 11, 30)))
    overdue = {f.cell: f.message for f in report.findings if f.code == "overdue"}
    assert sorted(overdue) == ["G3", "G4"]
    assert "“正在推进”" in overdue["G3"] and "“未启动”" in overdue["G4"]
    assert not [f for f in report.findings if f.code == "status-text-mismatch"]  # a reason is no work done
