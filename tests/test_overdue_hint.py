"""overdue with the status left blank while the progress opens saying the work is done: the
message says so — the clerk may only have left the status cell empty — and says nothing of the
kind when the progress says the work goes on, or when a status is filled in."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from rectxl import api
from rectxl.core.rules import Options


def test_the_overdue_message_points_at_a_progress_saying_done(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "学习制度执行不严", "修订学习制度", "办公室", "张某", "2025年6月30日", None,
               "已完成。印发《党组理论学习中心组学习制度》"])
    ws.append([2, "档案管理不规范", "开展档案专项清理", "办公室", "张某", "2025年6月30日", None, "已清理一半"])
    ws.append([3, "公车管理不严", "建立公车登记制度", "办公室", "张某", "2025年6月30日", "正在推进", "已完成初稿"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    overdue = {f.row: f.message for f in api.check(path, Options()).findings if f.code == "overdue"}
    assert set(overdue) == {2, 3, 4}
    assert "状态仍为“未填写”（整改进展写着“已完成”：如确已完成，请把整改状态填为“已完成”）" in overdue[2]
    assert "整改进展写着" not in overdue[3] and "整改进展写着" not in overdue[4]
