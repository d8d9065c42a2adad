"""Ledgers as county clerks write them, round five: notes under the table (填表说明 and its
numbered lines, 附件, 抄送, 此表一式…), tick-box status columns (已完成 | 正在推进 | 未完成 with a
mark in one), units named by the title row (…整改清单, …整改情况表; 总工会, 妇联, 学校, 医院,
分局, 中共…委员会), and the messages around them.

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
from rectxl.core.status import Status, box_choices, read_status

AS_OF = date(2026, 11, 30)

HEADER = ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "佐证材料"]
#: two issues, three measures, nothing wrong with them as of AS_OF
CLEAN_ROWS: list[list[Any]] = [
    [1, "公务接待审批把关不严", "修订公务接待管理办法", "办公室", "2026年9月30日", "已完成", "管理办法"],
    [None, None, "每季度抽查接待清单", "财务股", "长期坚持", "长期坚持", None],
    [2, "档案管理不规范", "聘请专业机构整理历年档案", "档案室", "2026年12月31日", "正在推进", None],
]


def _book(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (), *,
          title: str | None = "青山县文化旅游局党组巡察整改台账", width: int = len(HEADER)) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def _serious(report: Any) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _shape(ledger: Any) -> tuple[int, int, int]:
    """(titled aspects, issues, measures)"""
    return (sum(1 for a in ledger.aspects if a.title), sum(1 for _ in ledger.issues()),
            sum(1 for _ in ledger.measures()))


# -- P1: notes under the table ----------------------------------------------------------------


def _with_trailer(path: Path, trailer: Sequence[str], *, merged: bool = True) -> Path:
    """The clean ledger, a blank row, then ``trailer`` one line a row (merged across, or in A only)."""
    rows = [HEADER, *CLEAN_ROWS, []]
    first = len(rows) + 2  # the title row, then the rows above
    rows += [[line] for line in trailer]
    merges = [f"A{first + k}:G{first + k}" for k in range(len(trailer))] if merged else []
    return _book(path, rows, ["A3:A4", "B3:B4", *merges])


TRAILERS = {
    "heading_and_numbered_lines": ["填报说明：", "1．序号按问题顺序连续编写。", "2．整改状态从已完成、正在推进中选填。",
                                   "3．已完成的事项须附佐证材料。"],
    "heading_with_its_lines_in_one_cell": ["填表说明：1.整改时限写到日；2.已完成的附佐证材料。"],
    "attachments": ["附件：佐证材料汇编（另行报送）"],
    "copies": ["此表一式两份，一份报县委巡察办，一份存档。"],
    "copied_to": ["抄送：县纪委监委第二派驻纪检监察组"],
    "note": ["注：整改时限以巡察反馈意见为准。"],
    "remark": ["备注：本表每月20日前更新一次。"],
    "explanation": ["说明：", "1.本表由各责任股室填写。", "2.请于每月25日前报送。"],
    "numbered_heading": ["一、填报要求", "1.逐项填写整改进展。", "2.不得空项。"],
    "true_statement": ["以上情况属实。"],
    "no_text_below": ["（本页无正文）"],
    "maker": ["县委巡察办制"],
    "signatures": ["填报人：赵敏      审核人：钱进      联系电话：0731-5551234"],
}


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "in_column_a"])
@pytest.mark.parametrize("name", sorted(TRAILERS))
def test_notes_under_the_table_are_neither_aspects_nor_issues(tmp_path: Path, name: str, merged: bool) -> None:
    path = _with_trailer(tmp_path / "台账.xlsx", TRAILERS[name], merged=merged)
    ledger = api.read_ledger(path)
    assert _shape(ledger) == (0, 2, 3)
    assert _serious(api.check(path, Options(as_of=AS_OF))) == []


def test_the_notice_publishes_no_note(tmp_path: Path) -> None:
    path = _with_trailer(tmp_path / "台账.xlsx", TRAILERS["heading_and_numbered_lines"])
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = out.read_text("utf-8")
    assert "填报说明" not in text and "序号按问题顺序" not in text
    assert "2个问题" in text or "两个问题" in text


def test_numbered_notes_merged_across_with_no_heading_are_no_issues(tmp_path: Path) -> None:
    """"1．…" lines merged across under the data, with no 填表说明 above them: nothing under them,
    so they are no issues (an issue written across its row has its measures below)."""
    path = _with_trailer(tmp_path / "台账.xlsx", ["1．时限一律写到具体日期。", "2．状态请从下拉列表中选择。"])
    assert _shape(api.read_ledger(path)) == (0, 2, 3)
    assert _serious(api.check(path, Options(as_of=AS_OF))) == []


def test_a_measure_row_after_a_note_is_still_read(tmp_path: Path) -> None:
    """A note between two parts of the table does not swallow the real rows after it."""
    rows = [HEADER, *CLEAN_ROWS, ["注：以下为补充整改事项"],
            [3, "车辆管理不规范", "建立公车使用登记制度", "办公室", "2026年10月31日", "已完成", "登记簿"]]
    path = _book(tmp_path / "台账.xlsx", rows, ["A3:A4", "B3:B4", "A6:G6"])
    assert _shape(api.read_ledger(path)) == (0, 3, 4)


def test_headings_merged_across_still_open_aspects(tmp_path: Path) -> None:
    """A short heading merged across with issue rows under it is an aspect — also after data."""
    rows = [HEADER, ["班子自身建设"], *CLEAN_ROWS[:2], ["意识形态工作"], CLEAN_ROWS[2]]
    path = _book(tmp_path / "台账.xlsx", rows, ["A3:G3", "A4:A5", "B4:B5", "A6:G6"])
    ledger = api.read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["班子自身建设", "意识形态工作"]
    assert _shape(ledger) == (2, 2, 3)


def test_an_issue_written_across_its_row_is_still_an_issue(tmp_path: Path) -> None:
    rows = [["序号", "整改措施", "责任单位", "整改时限", "整改状态"],
            ["问题1：干部培训针对性不强"],
            [1, "制定分层分类培训计划", "人事股", "2026年8月31日", "已完成"],
            ["问题2：请休假审批不严"],
            [1, "修订请休假管理办法", "办公室", "2026年9月30日", "已完成"],
            [],
            ["1．本表按问题逐项填写。"]]
    path = _book(tmp_path / "台账.xlsx", rows, ["A3:E3", "A5:E5", "A8:E8"], width=5)
    ledger = api.read_ledger(path)
    assert [i.title for i in ledger.issues()] == ["干部培训针对性不强", "请休假审批不严"]
    assert _shape(ledger)[2] == 2


# -- P2: tick-box status columns ------------------------------------------------------------------

TICK_BASE = ["序号", "具体问题", "整改措施", "责任单位", "整改时限"]
#: the measures, their deadlines, and the status each row ticks (index into the tick columns)
TICK_MEASURES = [
    (1, "食堂采购不规范", "建立食材集中采购制度", "后勤股", "2026年8月31日", 0),
    (None, None, "每月公示采购价格", "后勤股", "2026年10月31日", 1),  # overdue: ticked in progress
    (2, "安全巡查不到位", "配齐校园安保人员", "安全办", "2026年12月31日", 2),
]


def _tick_book(path: Path, words: Sequence[str], mark: str, *, group: str | None) -> Path:
    """The tick columns named ``words`` after the base columns, under ``group`` merged over them
    (a two-row header) or side by side in a one-row header (``group`` None)."""
    n = len(TICK_BASE) + len(words)
    if group is None:
        rows: list[list[Any]] = [[*TICK_BASE, *words]]
        merges: list[str] = []
        top = 3
    else:
        rows = [[*TICK_BASE, group, *[None] * (len(words) - 1)], [*[None] * len(TICK_BASE), *words]]
        last = chr(ord("A") + n - 1)
        merges = [f"{chr(ord('A') + k)}2:{chr(ord('A') + k)}3" for k in range(len(TICK_BASE))]
        merges.append(f"F2:{last}2")
        top = 4
    for no, issue, measure, unit, due, k in TICK_MEASURES:
        ticks = [None] * len(words)
        ticks[min(k, len(words) - 1)] = mark
        rows.append([no, issue, measure, unit, due, *ticks])
    merges += [f"A{top}:A{top + 1}", f"B{top}:B{top + 1}"]
    return _book(path, rows, merges, title="青山县第二中学党总支巡察反馈问题整改清单", width=n)


@pytest.mark.parametrize(("words", "mark", "group"), [
    (["已完成", "正在推进", "未完成"], "√", None),
    (["已完成", "正在推进", "未启动"], "●", "整改进度"),
    (["已整改", "整改中", "未整改"], "✓", "整改状态"),
    (["已完成", "正在推进", "未启动"], "☑", "完成情况"),
    (["已完成", "推进中", "未完成"], "1", None),
    (["是", "否"], "是", "是否完成"),
])
def test_a_tick_in_one_of_the_status_columns_is_the_status(tmp_path: Path, words: list[str], mark: str,
                                                          group: str | None) -> None:
    path = _tick_book(tmp_path / "台账.xlsx", words, mark, group=group)
    ledger = api.read_ledger(path)
    statuses = [m.status for m in ledger.measures()]
    expected = [read_status(words[min(k, len(words) - 1)]).status for *_, k in TICK_MEASURES]
    assert statuses == expected and statuses[0] is Status.DONE
    assert ledger.columns[F.STATUS] == "F"
    report = api.check(path, Options(as_of=AS_OF))
    codes = {f.code for f in report.findings}
    assert not codes & {"header-missing", "duplicate-header", "column-not-understood", "bad-status",
                        "missing-status"}, codes
    top = 3 if group is None else 4
    # only the measure ticked as going on and past its deadline is overdue, its tick the cell
    assert [(f.code, f.cell) for f in report.findings if f.code == "overdue"] == [("overdue", f"E{top + 1}")]
    (measure,) = [m for m in ledger.measures() if m.text == "每月公示采购价格"]
    assert measure.cell(F.STATUS) == f"G{top + 1}"


def test_a_row_without_a_tick_or_with_two_is_reported_at_its_cells(tmp_path: Path) -> None:
    rows = [[*TICK_BASE, "已完成", "正在推进", "未完成", "佐证材料"],
            [1, "会议记录不全", "规范会议记录", "办公室", "2026年12月31日", "√", None, None, "记录本"],
            [None, None, "开展记录抽查", "办公室", "2026年12月31日", None, None, None, None],
            [2, "固定资产账实不符", "开展资产清查", "财务股", "2026年12月31日", "√", "√", None, "清查报告"]]
    path = _book(tmp_path / "台账.xlsx", rows, ["A3:A4", "B3:B4"], width=9)
    report = api.check(path, Options(as_of=AS_OF))
    missing = [f for f in report.findings if f.code == "missing-status"]
    twice = [f for f in report.findings if f.code == "bad-status"]
    assert [(f.cell, f.row) for f in missing] == [("F4", 4)]
    assert "勾选一项" in missing[0].message and "“已完成”“正在推进”“未完成”" in missing[0].message
    assert [(f.cell, f.row) for f in twice] == [("F5", 5)]
    assert "同时勾选了“已完成”“正在推进”" in twice[0].message and "无法识别" not in twice[0].message
    assert "\n" not in twice[0].message


def test_hollow_circles_beside_filled_ones_say_no(tmp_path: Path) -> None:
    rows = [[*TICK_BASE, "已完成", "正在推进", "未启动"],
            [1, "宣传阵地管理不严", "清理过期宣传栏", "宣传股", "2026年9月30日", "●", "○", "○"],
            [2, "网站更新不及时", "明确网站更新责任人", "信息中心", "2026年12月31日", "○", "●", "○"]]
    path = _book(tmp_path / "台账.xlsx", rows, width=8)
    assert [m.status for m in api.read_ledger(path).measures()] == [Status.DONE, Status.IN_PROGRESS]


def test_status_words_with_no_marks_under_them_are_no_tick_columns(tmp_path: Path) -> None:
    """Two columns headed like statuses whose cells hold dates and text are not tick columns."""
    rows = [[*TICK_BASE, "整改状态", "完成", "未完成"],
            [1, "制度不健全", "修订制度", "办公室", "2026年12月31日", "正在推进", "2026年10月8日", "尚有1项"]]
    path = _book(tmp_path / "台账.xlsx", rows, width=8)
    ledger = api.read_ledger(path)
    assert ledger.columns[F.STATUS] == "F"
    assert [m.status for m in ledger.measures()] == [Status.IN_PROGRESS]


def test_a_form_ticked_twice_in_one_cell_names_no_status() -> None:
    assert read_status("☑已完成 ☑正在推进 ☐未启动").status is None
    assert read_status("☑是 ☑否").status is None
    assert read_status("☐已完成 ☑正在推进 ☐未启动").status is Status.IN_PROGRESS
    assert box_choices("☐已完成 ☐正在推进") == ([], ["已完成", "正在推进"])
    assert box_choices("已完成") is None


# -- P4: the unit named by the title row ----------------------------------------------------------


@pytest.mark.parametrize(("title", "unit"), [
    ("青山县总工会巡察反馈问题整改清单", "青山县总工会"),
    ("青山县妇联党组巡察整改任务清单", "青山县妇联"),
    ("青山县妇女联合会党组巡察整改落实情况台账", "青山县妇女联合会"),
    ("青山县第二中学党总支巡察反馈问题整改情况表", "青山县第二中学"),
    ("青山县人民医院党委巡察整改问题清单", "青山县人民医院"),
    ("青山县个体劳动者协会巡察整改台账", "青山县个体劳动者协会"),
    ("青山县湘商商会巡察反馈问题整改清单", "青山县湘商商会"),
    ("青山县人民法院党组巡察反馈问题整改清单", "青山县人民法院"),
    ("青山县人民检察院党组巡察整改推进表", "青山县人民检察院"),
    ("青山县公安局城关分局巡察反馈问题整改情况表", "青山县公安局城关分局"),
    ("青山高新区管委会党工委巡察反馈问题整改清单", "青山高新区管委会"),
    ("青山县绿野农机专业合作社巡察整改清单", "青山县绿野农机专业合作社"),
    ("共青团青山县委员会巡察整改问题清单", "共青团青山县委员会"),
    ("中共石桥镇委员会关于县委第一巡察组反馈问题的整改清单", "中共石桥镇委员会"),
])
def test_the_unit_is_read_from_the_title_row(tmp_path: Path, title: str, unit: str) -> None:
    path = _book(tmp_path / "台账.xlsx", [HEADER, *CLEAN_ROWS], ["A3:A4", "B3:B4"], title=title)
    info = api.read_ledger(path).info
    assert info.unit_name == unit
    assert info.party_org is None or not info.party_org.startswith("中共共青团")


def test_the_notice_names_a_township_committee_with_its_cpc(tmp_path: Path) -> None:
    path = _book(tmp_path / "台账.xlsx", [HEADER, *CLEAN_ROWS], ["A3:A4", "B3:B4"],
                 title="中共石桥镇委员会关于县委第一巡察组反馈问题的整改清单")
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = out.read_text("utf-8")
    assert "对中共石桥镇委员会进行了巡察" in text and "对石桥镇委员会" not in text


def test_a_sentence_above_the_header_names_no_unit(tmp_path: Path) -> None:
    path = _book(tmp_path / "台账.xlsx", [HEADER, *CLEAN_ROWS], ["A3:A4", "B3:B4"],
                 title="请各股室于每月25日前更新本表")
    assert api.read_ledger(path).info.unit_name is None


# -- P6/P7: messages --------------------------------------------------------------------------------


def test_a_header_on_two_lines_is_quoted_on_one(tmp_path: Path) -> None:
    rows = [[*HEADER, "督导\n频次"], *[[*r, "每月"] for r in CLEAN_ROWS]]
    path = _book(tmp_path / "台账.xlsx", rows, ["A3:A4", "B3:B4"], width=8)
    (hint,) = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "column-not-understood"]
    assert "\n" not in hint.message and "“督导频次”" in hint.message and "--column 督导频次=" in hint.message
    assert hint.value == "督导\n频次"  # the cell as read


def test_a_repeated_issue_number_is_reported_once(tmp_path: Path) -> None:
    rows = [HEADER,
            [1, "问题甲", "措施甲", "办公室", "2026年12月31日", "正在推进", None],
            [2, "问题乙", "措施乙", "办公室", "2026年12月31日", "正在推进", None],
            [2, "问题丙", "措施丙", "办公室", "2026年12月31日", "正在推进", None],
            [4, "问题丁", "措施丁", "办公室", "2026年12月31日", "正在推进", None],
            [5, "问题戊", "措施戊", "办公室", "2026年12月31日", "正在推进", None]]
    path = _book(tmp_path / "台账.xlsx", rows)
    gaps = [(f.cell, f.value) for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "issue-number-gap"]
    assert gaps == [("A5", 2)]


def test_a_real_gap_after_a_repeat_is_still_reported(tmp_path: Path) -> None:
    rows = [HEADER,
            [1, "问题甲", "措施甲", "办公室", "2026年12月31日", "正在推进", None],
            [1, "问题乙", "措施乙", "办公室", "2026年12月31日", "正在推进", None],
            [5, "问题丙", "措施丙", "办公室", "2026年12月31日", "正在推进", None]]
    path = _book(tmp_path / "台账.xlsx", rows)
    gaps = [(f.cell, f.value) for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "issue-number-gap"]
    assert gaps == [("A4", 1), ("A5", 5)]


@pytest.mark.parametrize(("cell", "count"), [
    ("开展政策宣传进社区活动\n建立重点人群帮扶台账\n举办专场招聘会三场", 3),
    ("1.开展政策宣传进社区活动\n2.建立重点人群帮扶台账", 2),
    ("①开展政策宣传进社区活动②建立重点人群帮扶台账", 2),
    ("对全县在用电梯开展拉网式排查，\n督促使用单位按期报检", 0),
    ("开展政策宣传\n活动", 0),
])
def test_measures_listed_one_a_line(tmp_path: Path, cell: str, count: int) -> None:
    rows = [HEADER, [1, "就业帮扶不到位", cell, "就业股", "2026年12月31日", "正在推进", None]]
    path = _book(tmp_path / "台账.xlsx", rows)
    found = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "measures-in-one-cell"]
    assert len(found) == (1 if count else 0)
    if count:
        assert f"列了{count}项措施" in found[0].message and found[0].cell == "C3"


def _sheets_book(path: Path, numbers: dict[str, list[int]]) -> Path:
    wb = Workbook()
    default = wb.active
    for name, nos in numbers.items():
        ws = wb.create_sheet(name)
        ws.append(HEADER)
        for no in nos:
            ws.append([no, f"{name}问题{no}", f"{name}措施{no}", "综合部", "2026年12月31日", "正在推进", None])
    if default is not None:
        wb.remove(default)
    wb.save(path)
    return path


@pytest.mark.parametrize(("numbers", "gaps"), [
    ({"集团本部": [1, 2], "城建公司": [1, 2, 3], "物业公司": [1]}, []),  # each sheet from 1
    ({"台账（一）": [1, 2], "台账（二）": [3, 4]}, []),  # numbered on through the sheets
    ({"集团本部": [1, 2], "城建公司": [2, 3]}, [("城建公司", "A2", 2)]),  # neither afresh nor on
])
def test_issue_numbers_may_restart_on_each_sheet(tmp_path: Path, numbers: dict[str, list[int]],
                                                 gaps: list[tuple[str, str, int]]) -> None:
    path = _sheets_book(tmp_path / "集团台账.xlsx", numbers)
    report = api.check(path, Options(as_of=AS_OF))
    assert report.issues == sum(map(len, numbers.values()))
    assert [(f.sheet, f.cell, f.value) for f in report.findings if f.code == "issue-number-gap"] == gaps
