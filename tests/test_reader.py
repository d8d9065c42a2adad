"""The reader on real-world ledger layouts: what it reads, and what it must not invent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.api import check
from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.errors import LedgerError
from rectxl.core.grid import Grid, find_header, ledger_from_grids
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger
from tests.ledgers import MESSY_AS_OF, MESSY_EXPECTED, write_messy_ledger


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    (tmp_path / "学习制度.pdf").write_bytes(b"%PDF-1.4")
    return path


def test_messy_ledger_findings_are_exactly_the_expected_set(messy: Path) -> None:
    report = check(messy)
    assert report.as_of == MESSY_AS_OF
    assert {(f.code, f.row) for f in report.findings} == MESSY_EXPECTED


def test_messy_ledger_structure(messy: Path) -> None:
    ledger = read_ledger(messy)
    assert ledger.header_row == 4  # two-row header on rows 3–4 under a merged title row
    assert ledger.columns[F.LEAD] == "E" and ledger.columns[F.OWNER_UNIT] == "F"
    assert ledger.columns[F.OWNER_PERSON] == "G" and ledger.columns[F.DEADLINE] == "H"
    assert [a.title for a in ledger.aspects] == ["政治建设不够有力", "作风建设有差距", "组织建设薄弱"]
    assert [a.number for a in ledger.aspects] == [1, 2, 3]
    issues = list(ledger.issues())
    assert [(i.number, i.title) for i in issues] == [
        (1, "针对理论学习自觉性不强问题"), (2, "针对保密工作有不足问题"), (4, "针对会议过多问题"),
        (5, "针对文风不实问题"), (6, "针对调研不深问题"),
    ]
    assert [len(i.measures) for i in issues] == [3, 2, 1, 0, 1]
    m5, m6, m7 = issues[0].measures
    # a lead merged over three measures is shared by all three, pointing at the merged cell
    assert [m.lead for m in (m5, m6, m7)] == ["张局长"] * 3
    assert m7.cell(F.LEAD) == "E5"
    assert (m6.owner_unit, m6.cell(F.OWNER_UNIT)) == ("办公室", "F5")
    assert m7.owner_unit == "财务科"  # full-width and ASCII spaces stripped
    assert m5.status is Status.DONE  # a formula's cached value
    assert m6.status is Status.IN_PROGRESS and m6.status_text == "整改中"
    assert (m6.deadline.kind, m6.deadline.due) == (DeadlineKind.DATE, date(2023, 9, 25))  # Excel date
    assert m7.deadline.kind is DeadlineKind.IMMEDIATE
    assert issues[1].measures[0].row == 9  # a hidden row is still read
    assert issues[1].measures[0].owner_person == "赵六"  # from a hidden column
    assert [m.row for m in ledger.orphans] == [14]
    assert ledger.info.feedback_date == date(2023, 6, 27)
    assert ledger.owner_units == ["办公室", "财务科"]
    # nothing invented from the blank row 8, the footer on row 16 or the trailing rows
    assert sorted(m.row for m in ledger.measures()) == [5, 6, 7, 9, 10, 11, 13]


def test_dataframe_has_one_row_per_measure(messy: Path) -> None:
    df = read_ledger(messy).to_dataframe()
    assert len(df) == 7
    assert list(df["row"]) == [5, 6, 7, 9, 10, 11, 13]
    assert list(df["measure_no"]) == [1, 2, 3, 1, 2, 1, 1]
    assert df.loc[df["row"] == 6, "due"].item().date() == date(2023, 9, 25)


def test_section_rows_merged_across_set_aspect_and_category(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改任务清单"
    ws.append(["序号", "具体问题", "整改措施", "牵头单位", "整改期限", "整改情况"])
    ws.append(["第一方面问题,政治建设"])
    ws.merge_cells("A2:F2")
    ws.append(["(一)学习不扎实问题"])
    ws.merge_cells("A3:F3")
    ws.append([1, "1.针对学习问题", "建立制度", "办公室", "2023年第三季度", "已完成"])
    ws.append([2, None, "落实学习", "办公室", "2023年下半年", "正在推进"])
    ws.merge_cells("B4:B5")
    ws.append(["第二方面问题,作风建设"])
    ws.merge_cells("A6:F6")
    ws.append([3, "2、针对作风问题", "整治作风", "纪检组", "2023.9.30", "未启动"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert ledger.sheet == "整改任务清单"
    assert [(a.number, a.title) for a in ledger.aspects] == [(1, "政治建设"), (2, "作风建设")]
    assert [c.title for c in ledger.aspects[0].categories] == ["学习不扎实问题"]
    issues = list(ledger.issues())
    assert [(i.number, len(i.measures)) for i in issues] == [(1, 2), (2, 1)]
    dues = [m.deadline.due for m in ledger.measures()]
    assert dues == [date(2023, 9, 30), date(2023, 12, 31), date(2023, 9, 30)]


def test_sheet_starting_away_from_a1_keeps_cell_addresses(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    for c, name in enumerate(["具体问题", "整改措施", "责任单位", "整改时限", "整改状态"], start=3):
        ws.cell(4, c, name)
    for c, value in enumerate(["1.针对问题", "措施甲", None, "2023年12月", "正在推进"], start=3):
        ws.cell(5, c, value)
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    report = check(path)
    (f,) = [f for f in report.findings if f.code == "missing-owner-unit"]
    assert (f.cell, f.row) == ("E5", 5)


def test_header_aliases_and_notes_in_header_cells() -> None:
    grid = Grid("台账", [
        ["某局整改台账"],
        [],
        ["存在问题", "具体整改措施*", "责任部门\n(盖章)", "整改时限(年月日)", "是否完成", "佐证"],
    ])
    header = find_header(grid)
    assert header is not None and header.row == 2
    assert header.columns == {F.ISSUE: 0, F.MEASURE: 1, F.OWNER_UNIT: 2, F.DEADLINE: 3,
                              F.STATUS: 4, F.EVIDENCE: 5}


@pytest.mark.parametrize(("header", "field"), [
    ("第一责任人", F.LEAD),  # a name, not the numbering of a heading ("第一方面…")
    ("分管负责人", F.LEAD),
    ("具体负责人", F.OWNER_PERSON),
    ("应完成时间", F.DEADLINE),  # when it is due, not when it was done
    ("实际完成时间", F.COMPLETED),
    ("进展状态", F.STATUS),
    ("巡察反馈意见", F.ISSUE),
    ("整改内容", F.MEASURE),
    ("问题来源", F.ISSUE_SOURCE),
    ("备查资料", F.EVIDENCE),
    ("问题1：食品安全监管存在盲区", None),  # an issue's label with its text is data, never a column name
    ("完成情况：是/否", F.STATUS),  # a header may say after a colon what to write in it
    ("整改时限：年月日", F.DEADLINE),
])
def test_header_words_of_other_offices(header: str, field: str | None) -> None:
    assert F.field_for_header(header) == field


def test_no_header_is_a_clear_error() -> None:
    with pytest.raises(LedgerError, match="找不到台账表头"):
        ledger_from_grids([Grid("Sheet1", [["姓名", "年龄"], ["张三", 30]])])


def test_a_ledger_sheet_named_like_one_of_rectxls_is_read(tmp_path: Path) -> None:
    """整改明细 is also a clerk's name for the ledger itself: with no other ledger sheet in the
    workbook, it is the ledger (and an annotated copy keeps it apart from rectxl's own 整改明细)."""
    from openpyxl import Workbook

    from rectxl import api
    from rectxl.core.rules import Options

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改明细"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "会议记录不规范", "统一会议记录格式", "办公室", "李敏", "2026年6月30日", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    assert report.measures == 1 and [f.code for f in report.findings] == ["overdue"]
    _, annotated, _ = api.annotate(path, tmp_path / "标记.xlsx", Options(as_of=date(2026, 11, 20)))
    from openpyxl import load_workbook

    names = load_workbook(annotated).sheetnames
    assert names[0] == "整改明细" and "整改明细(rectxl)" in names
