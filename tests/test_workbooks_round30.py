"""Round thirty: the Excel features clerks' ledgers really carry, read, marked and cleared.

- a ledger a program wrote and no spreadsheet ever computed: a formula of the sheet's own cells
  (``=ROW()-2`` numbering the rows, ``=D5`` repeating the unit above) is read as Excel would show
  it, not named uncomputed; one that needs Excel (IF, TODAY, another sheet) still is.

Every workbook is built here; units, people and texts are fictional."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl.cli import main

AS_OF = "2026-10-20"


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]  # type: ignore[no-any-return]


# -- formulas a program wrote and nothing computed --------------------------------------------------

HEAD = ["编号", "存在问题", "整改举措", "牵头科室", "具体责任人", "完成时间节点", "目前进度"]


def _exported(path: Path) -> Path:
    """A 市场监管局 ledger as a reporting system's export writes it (openpyxl keeps no value for a
    formula): the numbers counted from the row, the 牵头科室 repeated from the row above, one status
    worked out by IF from the deadline."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改清单"
    ws.append(["县市场监管局落实县委第四巡察组反馈意见整改清单"])
    ws.append(HEAD)
    rows = [
        ["食品抽检不合格批次后处置不到位", "逐批次建立核查处置档案", "食品安全协调科", "孙某",
         datetime(2026, 9, 15), "已办结"],
        ["特种设备隐患排查存在盲区", "开展电梯、锅炉隐患全覆盖排查", "特种设备安全监察科", "周某",
         datetime(2026, 8, 31), "推进中"],
        ["行政处罚案卷归档不及时", "每月集中归档并通报进度", "=D4", "吴某", datetime(2027, 1, 31), "推进中"],
        ["投诉举报办结超时", "建立超时件预警提醒", "=D5", "郑某", datetime(2026, 12, 31),
         '=IF(F6<TODAY(),"已逾期","推进中")'],
    ]
    for row in rows:
        ws.append(["=ROW()-2", *row])
    for r in range(3, 7):
        ws.cell(r, 6).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return path


def test_a_programs_formulas_of_the_sheets_own_cells_are_read_as_excel_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _exported(tmp_path / "市场监管局整改清单.xlsx")
    found = _check(path, capsys)
    # the IF needs Excel (and today's date): named, and only it
    assert [f["cell"] for f in found if f["code"] == "formula-uncomputed"] == ["G6"]
    assert [f["code"] for f in found if f["severity"] == "error" and f["code"] != "formula-uncomputed"] == ["overdue"]
    ledger = api.read_ledger(path)
    assert [i.number for i in ledger.issues()] == [1, 2, 3, 4]
    assert [m.owner_unit for m in ledger.measures()] == ["食品安全协调科", "特种设备安全监察科", "特种设备安全监察科",
                                                         "特种设备安全监察科"]


def test_a_formula_of_a_cell_nothing_computed_stays_unknown(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """=D4 of a D4 that is itself an IF no program computed: not read as empty, named."""
    path = _exported(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["整改清单"]
    ws["D4"] = '=IF(E4="周某","特种设备安全监察科","")'
    wb.save(path)
    found = _check(path, capsys)
    assert sorted(f["cell"] for f in found if f["code"] == "formula-uncomputed") == ["D4", "D5", "D6", "G6"]
