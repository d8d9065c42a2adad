"""Round 17, precision: correct ledgers in ordinary styles that round 16's new readings had made
go wrong. Units, people and texts are fictional."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl import api
from rectxl.api import Options

AS_OF = date(2026, 11, 20)
Rows = Sequence[Sequence[Any]]


def _ledger(path: Path, rows: Rows, merges: Sequence[str] = (), info: dict[str, Any] | None = None) -> Path:
    """A title row, the header on row 2, the rows under it; a 基本信息 sheet."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["某某县水务局巡察反馈问题整改台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        ws.append(list(row))
    for rg in merges:
        ws.merge_cells(rg)
    sheet = wb.create_sheet("基本信息")
    for key, value in (info or {"被巡察单位": "某某县水务局党组", "反馈日期": date(2026, 6, 18),
                                 "报告日期": AS_OF}).items():
        sheet.append([key, value])
    wb.save(path)
    return path


def _findings(path: Path) -> list[tuple[str, str | None]]:
    report = api.check(path, Options(as_of=AS_OF))
    return sorted((f.code, f.cell) for f in report.findings if f.severity.value != "info")


def _statuses(path: Path) -> list[str | None]:
    return [m.status.value if m.status else None
            for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]


# -- a few 备注 cells saying 长期坚持 / 已完成 beside a progress column that tells every status -----

def test_a_few_status_words_in_the_remarks_beside_statuses_told_in_the_progress(tmp_path: Path) -> None:
    """整改落实情况 opens each row with its status ("已完成。开展巡查12次……"); 备注 says 长期坚持 on
    one row and 已完成 on another. Round 16 took the 备注 for the status column: the rows with no
    remark were told missing-status and overdue (状态仍为“未填写”), the notice counted 1 of 4 done."""
    rows: Rows = [
        ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改落实情况", "备注"],
        [1, "河长制落实不到位", "开展河道巡查", "河湖科", "张某", "2026年9月30日",
         "已完成。开展巡查12次，发现问题8个，均已整改。", None],
        [None, None, "建立河长履职通报制度", "河湖科", "张某", "2026年12月31日",
         "正在推进。制度初稿已形成。", "长期坚持"],
        [2, "工程项目管理不规范", "开展在建工程专项检查", "建管科", "李某", "2026年10月31日",
         "已完成。检查项目6个。", "已完成"],
        [3, "专项资金使用不规范", "开展专项资金清理", "财务室", "王某", "2026年8月31日",
         "已完成。清理资金320万元。", None],
    ]
    path = _ledger(tmp_path / "水务局.xlsx", rows, merges=["A3:A4", "B3:B4"])
    assert _findings(path) == []
    assert _statuses(path) == ["已完成", "正在推进", "已完成", "已完成"]
    remarks = [m.remark for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert remarks == ["", "长期坚持", "已完成", ""]


def test_status_words_on_every_row_of_the_remarks_stay_the_status(tmp_path: Path) -> None:
    """The office that keeps the status in 备注 (every row filled) beside a progress of accounts:
    the 备注 is still the status, as round 16 read it."""
    rows: Rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改进展", "备注"],
        [1, "学习贯彻不深入", "制定学习计划", "办公室", "2026年8月31日", "已印发学习计划，开展学习6次", "已完成"],
        [2, "意识形态工作薄弱", "建立研判机制", "办公室", "2026年12月31日", "已起草初稿", "正在推进"],
    ]
    path = _ledger(tmp_path / "卫健局.xlsx", rows)
    assert _findings(path) == []
    assert _statuses(path) == ["已完成", "正在推进"]


# -- two parts of a bureau's ledger sharing their measures ------------------------------------------

def test_parts_of_a_bureau_named_in_brackets_are_both_counted(tmp_path: Path) -> None:
    """县教育局整改台账（局机关）.xlsx and （直属学校）.xlsx: the same problems and measures, each
    part's own units. Round 16's version-by-content rule had counted one, the other set aside as
    "另一版本" (4 measures lost, and a 状态倒退 between the parts); a version's mark (（改）) is
    still a version."""
    from rectxl.batch import run_batch

    def part(name: str, unit: str, last: str) -> None:
        rows: Rows = [
            ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
            [1, "财务管理不规范", "开展财务专项审计", unit, "甲", "2026年9月30日", "已完成"],
            [2, "公开不及时", "按季度公开信息", unit, "乙", "长期坚持", "长期坚持"],
            [3, "安全隐患排查不彻底", "开展安全隐患排查", unit, "丙", "2026年8月31日", "已完成"],
            [4, "资产管理不规范", "开展资产清查", unit, "丁", "2026年12月31日", last],
        ]
        _ledger(folder / name, rows, info={"被巡察单位": "县教育局党组", "反馈日期": date(2026, 6, 18),
                                           "报告日期": AS_OF})

    folder = tmp_path / "教育系统"
    folder.mkdir()
    part("县教育局整改台账（局机关）.xlsx", "办公室", "正在推进")
    part("县教育局整改台账（直属学校）.xlsx", "县第一中学", "已完成")
    result = run_batch(folder, options=Options(as_of=AS_OF), workers=1)
    counted = sorted(r.file for r in result.ledgers)
    assert counted == sorted(["县教育局整改台账（局机关）.xlsx", "县教育局整改台账（直属学校）.xlsx"])
    assert sum(r.counts["measures"] for r in result.ledgers) == 8

    part("县教育局整改台账（局机关）（改）.xlsx", "办公室", "已完成")
    result = run_batch(folder, options=Options(as_of=AS_OF), workers=1)
    # one of the two 局机关 files is set aside as the other's version; 直属学校 is still counted
    assert len(result.ledgers) == 2 and "县教育局整改台账（直属学校）.xlsx" in [r.file for r in result.ledgers]
    assert [s.file for s in result.set_aside if "局机关" in s.file]


# -- 整改状态 beside 完成情况 of short accounts -------------------------------------------------------

def test_a_status_column_beside_short_accounts_in_a_completion_column(tmp_path: Path) -> None:
    """整改状态 (已完成 / 正在推进) beside 完成情况 holding short accounts (已建立, 清查资产86项,
    已开展2期培训) — a hospital's or a township's usual pair: it had been told duplicate-header
    (完成情况 counted a second status column and not read), the accounts lost from the notice."""
    rows: Rows = [
        ["序号", "问题", "整改措施", "责任科室", "责任人", "完成时限", "整改状态", "完成情况"],
        [1, "党委会议事规则执行不严", "修订党委会议事规则", "党委办公室", "刘某", "2026年7月31日", "已完成",
         "已修订并印发"],
        [2, "医德医风教育不深入", "开展医德医风专题教育", "医务科", "孙某", "2026年12月31日", "正在推进",
         "已开展2期培训"],
        [3, "集体资产管理混乱", "开展集体资产清查", "资产科", "钱某", "2026年10月31日", "已完成", "清查资产86项"],
    ]
    path = _ledger(tmp_path / "人民医院.xlsx", rows)
    assert _findings(path) == []
    measures = [m for a in api.read_ledger(path).aspects for i in a.issues() for m in i.measures]
    assert [(m.status.value if m.status else None, m.progress) for m in measures] == [
        ("已完成", "已修订并印发"), ("正在推进", "已开展2期培训"), ("已完成", "清查资产86项")]


# -- an issue numbered on its own row, its text merged down over its measures ---------------------

def test_an_issue_numbered_on_its_heading_row_and_merged_over_its_measures(tmp_path: Path) -> None:
    """序号 1 on the issue's own row (no measure on it), the issue's text merged down over it and its
    measures' rows (marked ① ② or left blank): one issue with its measures — it had been two, the
    first without any measure (issue-without-measure) and the notice telling each problem twice."""
    for marks in (["①", "②"], [None, None]):
        rows: Rows = [
            ["序号", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
            ["1", "落实意识形态责任制不到位", None, None, None, None, None],
            [marks[0], None, "制定意识形态工作责任清单", "党政办", "甲", "2026年8月31日", "已完成"],
            [marks[1], None, "每季度分析研判意识形态形势", "党政办", "甲", "长期坚持", "长期坚持"],
            ["2", "基层党组织建设薄弱", None, None, None, None, None],
            [marks[0], None, "开展软弱涣散村党组织整顿", "组织办", "乙", "2026年12月31日", "正在推进"],
            [marks[1], None, "开展村党组织书记轮训", "组织办", "乙", "2026年10月31日", "已完成"],
        ]
        path = _ledger(tmp_path / f"某某乡{len(str(marks))}.xlsx", rows, merges=["B3:B5", "B6:B8"])
        assert _findings(path) == []
        issues = [(i.number, i.title, len(i.measures)) for a in api.read_ledger(path).aspects for i in a.issues()]
        assert issues == [(1, "落实意识形态责任制不到位", 2), (2, "基层党组织建设薄弱", 2)]


# -- a step done, the work said to go on --------------------------------------------------------

def test_a_step_done_then_the_work_said_to_go_on_is_going_on(tmp_path: Path) -> None:
    """整改情况 "已制定整改方案，正在推进" / "已建立台账，正在整改" / "已印发方案，正在落实": the cell
    says the work goes on — it had been read done (the overdue measure never told); "已完成，正在巩固"
    and "已建立制度，正在巩固" stay done."""
    rows: Rows = [
        ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"],
        [1, "制度执行不严", "完善内控制度", "办公室", "甲", "2026年9月30日", "已制定整改方案，正在推进"],
        [2, "台账不全", "完善问题台账", "办公室", "乙", "2026年12月31日", "已建立台账，正在整改"],
        [3, "公开不及时", "落实信息公开制度", "办公室", "丙", "2026年10月31日", "已印发方案，正在落实"],
        [4, "学习不深入", "开展专题学习", "办公室", "丁", "2026年8月31日", "已完成，正在巩固"],
        [5, "监督不到位", "建立监督制度", "纪检组", "戊", "2026年8月31日", "已建立制度，正在巩固"],
    ]
    path = _ledger(tmp_path / "统计局.xlsx", rows)
    assert _statuses(path) == ["正在推进", "正在推进", "正在推进", "已完成", "已完成"]
    assert _findings(path) == [("overdue", "F3"), ("overdue", "F5")]
