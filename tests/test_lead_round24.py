"""Round twenty-four, the lead's own findings: ledgers written the way other offices write them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main

_HEADER = ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "完成时限", "整改进展情况", "完成情况", "备注"]


def _bureau_ledger(path: Path, filled: str, rows: Sequence[Sequence[Any]]) -> Path:
    """A county bureau's monthly ledger: a merged title, the unit and the day it was filled in on
    the second row, a 完成情况 column and a 备注 column; 一、二、 rows name the aspects."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县住建局巡察整改台账"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：县住房和城乡建设局（盖章）", None, None, None, None, None, f"填报时间：{filled}"])
    ws.append(_HEADER)
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _diff(old: Path, new: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["diff", str(old), str(new), "--format", "json"])
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


_ASPECT = ("一", "工程项目监管存在漏洞", None, None, None, None, None, None, None)


def test_deadline_moved_with_the_remark_saying_it_was_adjusted_is_written_up(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure = ["对2024年以来开工项目开展全面排查，逐一补办手续", "张伟", "建筑市场监管股"]
    old = _bureau_ledger(tmp_path / "9月.xlsx", "2026年9月30日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2026年11月30日", "已排查项目27个",
                  "整改中", None)])
    moved = _bureau_ledger(tmp_path / "10月.xlsx", "2026年10月31日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2027年3月31日", "已排查项目27个，补办手续9个",
                  "整改中", "因部分项目涉及土地手续，完成时限调整")])
    silent = _bureau_ledger(tmp_path / "10月_未说明.xlsx", "2026年10月31日", [
        _ASPECT, (1, "部分项目未按规定办理施工许可即开工", *measure, "2027年3月31日", "已排查项目27个，补办手续9个",
                  "整改中", None)])
    # the remark says the deadline was adjusted, and why: not a silent move
    assert [r["kind"] for r in _diff(old, moved, capsys)["regressions"]] == []
    # the same move with nothing said still is
    assert [r["kind"] for r in _diff(old, silent, capsys)["regressions"]] == ["时限延后未注明延期"]
