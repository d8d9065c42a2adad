"""Ledgers as county, township and city-department clerks write them, round six: a signature and
seal line under the table written cell by cell (分管领导（签字）：, （单位盖章）, 报送时间：…), a
整改进度 column of shares beside the status words, a group's 单位名称 column (its 二级公司) beside
the 责任部门, a 整改落实情况 that opens with the status when there is no status column, and a
填报单位（盖章） line naming the Party committee that signs the notice.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.rules import Options
from rectxl.core.status import Status, split_opening_status

AS_OF = date(2026, 11, 30)


def _book(path: Path, rows: Sequence[Sequence[Any] | None], merges: Sequence[str] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    for row in rows:
        ws.append(list(row) if row is not None else [])
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def _serious(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


# -- a signature and seal line under the table, one label a cell --------------------------------

TOWNSHIP_HEADER = ["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "完成情况"]
TOWNSHIP_ROWS: list[list[Any]] = [
    [1, "耕地撂荒问题突出", "对撂荒地逐块建台账", "副乡长 洪某", "农业服务中心", "阎某", "2026年9月30日", "已完成"],
    [None, None, "引导种植大户流转复耕撂荒地", "副乡长 洪某", "农业服务中心", "阎某", "2027年4月30日", "正在推进"],
    [2, "衔接资金项目滞后", "倒排工期推进项目建设", "乡长 薛某", "乡村振兴站", "雷某", "2026年12月31日", "正在推进"],
]


@pytest.mark.parametrize("foot", [
    ["单位负责人（签字）：", None, "分管领导（签字）：", None, "（单位盖章）", None, "报送时间：2026年11月26日"],
    ["分管领导签字：", None, "主要领导签字：", None, None, None, "填表人：陈某"],
    [None, None, "党组书记签名：", None, "单位（盖章）", None, "上报日期：2026年11月26日"],
    ["主要负责同志（签字）", None, "（公章）"],
])
def test_a_signature_and_seal_line_is_no_measure(tmp_path: Path, foot: list[Any]) -> None:
    path = _book(tmp_path / "石门乡.xlsx", [["石门乡落实巡察反馈问题整改情况统计表"], TOWNSHIP_HEADER,
                                           *TOWNSHIP_ROWS, None, foot], ["A3:A4", "B3:B4"])
    assert _serious(path) == []
    assert sum(1 for _ in api.read_ledger(path).measures()) == 3


def test_a_measure_about_signing_is_still_a_measure(tmp_path: Path) -> None:
    rows = [*TOWNSHIP_ROWS,
            [3, "廉洁教育不深入", "组织全体干部签字承诺", "乡长 薛某", "党政办", "雷某", "2026年10月31日", "正在推进"]]
    path = _book(tmp_path / "乡.xlsx", [TOWNSHIP_HEADER, *rows], ["A2:A3", "B2:B3"])
    assert ("overdue", "G5") in _serious(path)


# -- a column of shares beside the status words ---------------------------------------------------

def test_a_share_column_beside_the_status_is_no_second_status(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题表现", "整改措施", "责任科室", "科室负责人", "整改时限", "整改进度", "完成情况"],
        [1, "中药饮片质量管控不严", "规范中药饮片采购验收", "药剂科", "邱某", "2026年9月30日", "100%", "已完成"],
        [2, "病历书写质量不高", "开展病历质控检查", "质控科", "卢某", "2026年12月底前", "90%", "正在推进"],
        [3, "食堂管理混乱", "食堂实行社会化托管", "后勤保障科", "石某", "2027年3月31日", 50, "正在推进"],
    ]
    path = _book(tmp_path / "中医院.xlsx", rows)
    assert _serious(path) == []
    ledger = api.read_ledger(path)
    assert ledger.sheets[0].columns[F.STATUS] == "H"
    assert [m.status for m in ledger.measures()] == [Status.DONE, Status.IN_PROGRESS, Status.IN_PROGRESS]


def test_two_status_columns_of_words_are_still_a_duplicate(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "完成情况"],
        [1, "制度不健全", "修订制度", "办公室", "2026年9月30日", "已完成", "已完成"],
    ]
    assert ("duplicate-header", "G1") in _serious(_book(tmp_path / "a.xlsx", rows))


# -- a group's ledger: the company named in one column, the responsible department in another ----

@pytest.mark.parametrize("unit_header", ["单位名称", "单位", "二级单位", "下属单位"])
def test_the_responsible_department_is_the_owner_beside_a_unit_column(tmp_path: Path, unit_header: str) -> None:
    rows = [
        ["市能源集团有限公司巡察整改台账"],
        ["序号", unit_header, "巡察反馈问题", "整改措施", "责任部门", "责任人", "整改时限", "整改状态"],
        [1, "集团本部", "投资决策程序不规范", "修订投资管理办法", "投资发展部", "马某", "2026年9月30日", "已完成"],
        [2, "燃气公司", "老旧管网隐患突出", "更换老旧管网28公里", "管网运行部", "韦某", "2026年10月31日", "正在整改"],
        [3, None, "入户安检率低", "开展入户安检“百日攻坚”", "", "伍某", "2027年8月31日", "正在整改"],
    ]
    path = _book(tmp_path / "能源集团.xlsx", rows, ["B4:B5"])
    assert _serious(path) == [("missing-owner-unit", "E5"), ("overdue", "G4")]
    assert [m.owner_unit for m in api.read_ledger(path).measures()] == ["投资发展部", "管网运行部", ""]


def test_a_unit_column_alone_is_still_the_owner(tmp_path: Path) -> None:
    rows = [
        ["序号", "单位名称", "巡察反馈问题", "整改措施", "整改时限", "整改状态"],
        [1, "县财政局", "预算执行不严", "开展预算执行专项检查", "2026年9月30日", "已完成"],
    ]
    path = _book(tmp_path / "汇总.xlsx", rows)
    assert [m.owner_unit for m in api.read_ledger(path).measures()] == ["县财政局"]
    assert _serious(path) == []


# -- no status column: 整改落实情况 opens with the status, and the rest is the progress ----------

PUBLICITY = [
    ["中共××县委宣传部巡察整改落实台账"],
    ["序号", "存在问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改落实情况"],
    [1, "新闻发布制度执行不严", "修订新闻发布管理办法", "副部长 袁某", "新闻科", "2026年9月30日",
     "已整改到位。修订后的办法经部务会审议通过并印发。"],
    [2, "网络阵地管理薄弱", "清理关停僵尸政务新媒体账号", "副部长 戴某", "网信办", "2026年7月31日",
     "已整改到位。关停僵尸账号17个。"],
]


def test_a_plan_after_the_opening_status_is_a_mismatch(tmp_path: Path) -> None:
    rows = [list(r) for r in PUBLICITY]
    # every row's status is read from its opening: no column is missing (ledger round 10)
    assert [c for c, _ in _serious(_book(tmp_path / "ok.xlsx", rows))] == []
    rows[2][6] = "已整改到位。拟于12月提交部务会审议。"
    assert ("status-text-mismatch", "G3") in _serious(_book(tmp_path / "planted.xlsx", rows))


def test_the_notice_prints_what_follows_the_opening_status(tmp_path: Path) -> None:
    path = _book(tmp_path / "宣传部.xlsx", PUBLICITY)
    measures = list(api.read_ledger(path).measures())
    assert [(m.status, m.progress) for m in measures] == [
        (Status.DONE, "修订后的办法经部务会审议通过并印发。"), (Status.DONE, "关停僵尸账号17个。")]


@pytest.mark.parametrize(("cell", "expected"), [
    ("已整改到位。关停僵尸账号17个。", (Status.DONE, "关停僵尸账号17个。")),
    ("尚未完成，目前已清理挂牌42块", (Status.IN_PROGRESS, "目前已清理挂牌42块")),
    ("持续整改", (Status.LONG_TERM, "")),
    ("已在8个社区试点", (None, "已在8个社区试点")),
])
def test_split_opening_status(cell: str, expected: tuple[Status | None, str]) -> None:
    assert split_opening_status(cell) == expected


# -- the 填报单位（盖章） line names the committee that signs ------------------------------------

@pytest.mark.parametrize(("filler", "signs"), [
    ("中共青石镇委员会", "中共青石镇委员会"),
    ("青石镇党委", "青石镇党委"),
    ("青石镇人民政府", None),  # a government, no Party organisation
])
def test_the_stamp_line_names_who_signs(tmp_path: Path, filler: str, signs: str | None) -> None:
    rows = [
        ["青石镇落实县委第二巡察组反馈意见整改落实情况台账"],
        [f"填报单位（盖章）：{filler}", None, None, None, None, "填报日期：2026年11月25日"],
        ["序号", "存在问题", "整改措施", "责任站所", "整改时限", "完成情况"],
        [1, "河长制落实不到位", "镇村两级河长每月巡河", "生态环境办", "长期坚持", "持续整改"],
    ]
    path = _book(tmp_path / "青石镇.xlsx", rows)
    info = api.read_ledger(path).info
    assert (info.unit_name, info.party_org) == ("青石镇", signs)
    if signs:
        _, notice = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
        text = notice.read_text(encoding="utf-8")
        assert text.startswith(f"{signs}关于巡察整改进展情况的通报")
        assert [line for line in text.splitlines() if line.strip()][-2] == signs
