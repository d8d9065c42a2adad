"""Round twenty-two, the lead's own findings: ledgers written the way a township clerk writes them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main


def _no_status_column(path: Path) -> Path:
    """A township ledger with a progress column and no status column; its last measure has no
    progress at all, so its status cannot be read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["中共青岚镇委员会落实县委第二巡察组反馈意见整改落实台账"])
    ws.append(["填报单位（盖章）：中共青岚镇委员会", None, None, None, None, None, "填报时间：2026年11月20日"])
    ws.append(["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "整改进展情况"])
    rows: list[list[Any]] = [
        [1, "防汛物资储备不足。", "对各村应急物资进行清点，补充购置救生衣。", "张强", "应急办", "刘伟", "2026年5月前",
         "已完成。清点12个村，购置救生衣200件。"],
        [2, "村干部履职监督不到位。", "建立村干部坐班值班制度并每季度通报。", "孙涛", "组织办", "周丽", "2026年12月31日",
         None],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_measure_without_a_status_column_is_named_by_its_row(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _no_status_column(tmp_path / "青岚镇.xlsx")
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    said = capsys.readouterr()
    text = said.out + said.err
    assert "整改台账第5行（未填写）" in text
    assert "整改台账!5" not in text
