"""Ledger layouts round twenty: one row per issue whose cells number the measures, their deadlines
and their statuses alike; a 完成时间及佐证 column; 整改要求 written before 整改目标. Every workbook is
built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
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

@pytest.mark.parametrize(("statuses", "told", "said"), [
    ("1.已完成\n2.正在推进", [], ""),
    ("（1）已整改到位；（2）序时推进", [], ""),
    ("1.正在推进\n2.正在推进", [("item-deadline-passed", "E2")], "这一项的整改状态为“正在推进”，尚未完成"),
    ("正在推进", [("item-deadline-passed", "E2")], "整改状态“正在推进”是整行的"),
])
def test_each_measures_own_status_pairs_with_its_own_deadline(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              statuses: str, told: list[tuple[str, str]],
                                                              said: str) -> None:
    rows: Rows = [["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "完成情况"],
                  [1, "河长制巡河不到位", "1.建立河长巡河记录簿；2.开展河道清四乱专项行动", "河湖股",
                   "1.2026年6月30日\n2.2026年12月31日", statuses],
                  [2, "农村饮水工程管护缺位", "落实饮水工程管护责任人", "农水股", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    findings = _check(path, capsys)
    assert _loud(findings) == told
    assert all(said in f["message"] and "“建立河长巡河记录簿”的时限2026年6月30日已过" in f["message"]
               for f in findings if f["code"] == "item-deadline-passed")


# -- the day the work was done and its evidence in one column -----------------------------------------

@pytest.mark.parametrize("head", ["完成时间及佐证", "实际完成时间及佐证材料", "完成日期和佐证材料"])
def test_the_day_done_and_its_evidence_in_one_column(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     head: str) -> None:
    rows: Rows = [["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态", head],
                  [1, "河长制巡河不到位", "建立河长巡河记录簿", "河湖股", "2026年6月30日", "已完成",
                   "2026年7月15日\n巡河记录簿、巡河照片"],
                  [2, "水土保持监管偏松", "开展水土保持专项检查", "水保站", "2026年6月30日", "已完成",
                   "2026年5月20日，专项检查通报"],
                  [3, "农村饮水工程管护缺位", "落实饮水工程管护责任人", "农水股", "2026年12月31日", "正在推进", None]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    findings = _check(path, capsys)
    assert sorted((f["code"], f["cell"]) for f in findings) == [("completed-late", "G2")]
    late = next(f for f in findings if f["code"] == "completed-late")
    assert "2026年7月15日" in late["message"] and "巡河" not in late["message"]
    ledger = api.read_ledger(path)
    assert [(m.completed_on, m.evidence) for m in ledger.measures()] == [
        (date(2026, 7, 15), "巡河记录簿、巡河照片"), (date(2026, 5, 20), "专项检查通报"), (None, "")]


def test_a_done_row_with_evidence_and_no_day_asks_for_the_day(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows: Rows = [["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态", "完成时间及佐证"],
                  [1, "河长制巡河不到位", "建立河长巡河记录簿", "河湖股", "2026年6月30日", "已完成", "巡河记录簿"]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    assert _loud(_check(path, capsys)) == [("missing-completion-date", "G2")]
    assert [m.evidence for m in api.read_ledger(path).measures()] == ["巡河记录簿"]


# -- 整改要求 beside 整改目标, on either side of it --------------------------------------------------------

@pytest.mark.parametrize("requirement_first", [True, False])
def test_a_requirement_on_either_side_of_the_goal_is_no_second_goal(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   requirement_first: bool) -> None:
    heads, cells = ["整改要求", "整改目标"], ["按照河长制规定频次巡河", "巡河记录完整可查"]
    if not requirement_first:
        heads, cells = heads[::-1], cells[::-1]
    rows: Rows = [["序号", "反馈问题", *heads, "整改措施", "责任股室", "整改时限", "整改状态"],
                  [1, "河长制巡河不到位", *cells, "建立河长巡河记录簿", "河湖股", "2026年6月30日", "已完成"],
                  [2, "农村饮水工程管护缺位", "管护责任落实到人", "管护责任落实到人", "落实饮水工程管护责任人",
                   "农水股", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    assert _loud(_check(path, capsys)) == []
    assert [(m.text, m.extra.get("整改目标")) for m in api.read_ledger(path).measures()] == [
        ("建立河长巡河记录簿", "巡河记录完整可查"), ("落实饮水工程管护责任人", "管护责任落实到人")]


@pytest.mark.parametrize("cell", ["巡河记录簿（2026年7月15日）", "巡河记录簿，2026年7月15日完成",
                                  "巡河记录簿 2026.7.15"])
def test_the_day_done_written_after_its_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str) -> None:
    rows: Rows = [["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态", "完成时间及佐证材料"],
                  [1, "河长制巡河不到位", "建立河长巡河记录簿", "河湖股", "2026年6月30日", "已完成", cell]]
    path = _book(tmp_path / "水利局.xlsx", rows)
    assert _loud(_check(path, capsys)) == []
    assert [(m.completed_on, m.evidence) for m in api.read_ledger(path).measures()] == [
        (date(2026, 7, 15), "巡河记录簿")]
