"""Ledger layouts round twenty: one row per issue whose cells number the measures, their deadlines
and their statuses alike; a 完成时间及佐证 column; 整改要求 written before 整改目标. Every workbook is
built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rectxl.cli import main
from tests.test_layout_round15 import _book as round15_book

Rows = Sequence[Sequence[Any]]
AS_OF = "2026-09-30"


def _book(path: Path, rows: Rows) -> Path:
    return round15_book(path, {"台账": (rows, [])}, unit="某某县水利局")


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]  # type: ignore[no-any-return]


def _loud(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((f["code"], f["cell"]) for f in findings if f["severity"] != "info")


# -- one row per issue: the measures, their deadlines and their statuses numbered alike -----------------

@pytest.mark.parametrize(("statuses", "told"), [
    ("1.已完成\n2.正在推进", []),
    ("（1）已整改到位；（2）序时推进", []),
    ("1.正在推进\n2.正在推进", [("item-deadline-passed", "E2")]),
    ("正在推进", [("item-deadline-passed", "E2")]),
])
def test_each_measures_own_status_pairs_with_its_own_deadline(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              statuses: str, told: list[tuple[str, str]]) -> None:
    rows: Rows = [["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "完成情况"],
                  [1, "河长制巡河不到位", "1.建立河长巡河记录簿；2.开展河道清四乱专项行动", "河湖股",
                   "1.2026年6月30日\n2.2026年12月31日", statuses],
                  [2, "农村饮水工程管护缺位", "落实饮水工程管护责任人", "农水股", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    assert _loud(_check(path, capsys)) == told
