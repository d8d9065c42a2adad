"""Round twenty-three, the lead's own findings: ledgers written the way other offices write them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main


def _findings(ledger: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(ledger), "--format", "json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return found


def _yes_no_column(path: Path) -> Path:
    """A college's ledger whose 完成情况 column says only 已完成 / 未完成 (the progress says the rest)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["中共某某学院委员会落实巡察反馈意见整改台账"])
    ws.append(["填报单位：学院党委", None, None, None, None, None, "填报时间：2026年11月20日"])
    ws.append(["序号", "具体问题", "整改措施", "牵头领导", "责任部门", "完成时限", "整改进展情况", "完成情况"])
    rows: list[list[Any]] = [
        [1, "二级网站长期未更新。", "开展二级网站集中清理整治。", "张华", "宣传部", "2026年10月底",
         "已关停网站5个，整合3个。", "已完成"],
        [2, "干部档案审核发现问题整改不到位。", "逐一核查，限期补齐材料。", "李明", "组织部", "2026年12月31日",
         "未启动", "未完成"],
        [3, "听课制度落实不到位。", "修订领导干部听课制度。", "王芳", "教务处", "2026年12月31日",
         "已起草修订稿，待党委会审议。", "未完成"],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_not_finished_beside_not_started_progress_is_not_started(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _yes_no_column(tmp_path / "学院.xlsx")
    found = _findings(ledger, capsys)
    assert [f for f in found if f["code"] == "status-text-mismatch"] == []
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    # the third measure, begun, is still going on; the second has not started
    assert "已完成1项、正在推进1项、尚未启动1项" in text
    assert "计划于2026年12月31日前逐一核查" in text
