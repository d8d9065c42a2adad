"""Round twenty-seven: ledgers as other county offices write them (a finance bureau, an education
bureau, a court, a school …), built here with openpyxl the way a clerk would (units, people and
texts are fictional)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "json"])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def _overall(ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The figures of the summary's 整改总体情况 sheet (项目 → 数量)."""
    out = tmp_path / f"{ledger.stem}_汇总.xlsx"
    main(["summary", str(ledger), "-o", str(out), "--force"])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(out)["整改总体情况"]
    return {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], str) and len(r) > 1}


def _finance_ledger(path: Path) -> Path:
    """A county finance bureau: the status opens each 整改进展情况 account, the 销号情况 column says
    "是否销号：是；销号时间：…", a 小计 row closes each aspect and a blank row parts them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "明细"
    ws.append(["县财政局巡察整改工作台账"])
    ws.append(["填报时间：2026年11月26日"])
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任股室", "时限要求", "整改进展情况", "销号情况"])
    ws.append(["（一）预算管理方面"])
    ws.append([1, "预算执行进度偏慢", "建立预算执行月通报制度", "副局长甲", "预算股", "2026年6月底", "已完成",
               "是否销号：是；销号时间：2026年7月10日"])
    ws.append([2, "专项资金沉淀", "清理盘活存量资金", "副局长甲", "国库股", "2026年9月底",
               "整改中，已盘活资金1200万元", "是否销号：否"])
    ws.append(["小计", "", "2项", "", "", "", "已完成1项", ""])
    ws.append([])
    ws.append(["（二）内部管理方面"])
    ws.append([3, "固定资产账实不符", "开展资产清查", "副局长乙", "资产股", "2026年10月底", "已完成待验收",
               "是否销号：否"])
    ws.append([4, "会议费报销不规范", "修订会议费管理办法", "副局长乙", "办公室", "立行立改", "已完成",
               "是否销号：是；销号时间：2026年3月1日"])
    ws.append(["小计", "", "2项", "", "", "", "已完成2项", ""])
    wb.save(path)
    return path


def _education_ledger(path: Path) -> Path:
    """A county education bureau: 完成情况 holds the accounts, 整改落实情况 the words 已办结/在办,
    and a 小计 row counts them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县教育局巡察整改台账"])
    ws.append(["填报日期：2026年11月26日"])
    ws.append(["序号", "问题", "整改措施", "责任股室", "整改时限", "完成情况", "整改落实情况"])
    ws.append([1, "校车管理不规范", "开展校车安全专项检查", "安全股", "2026年10月31日",
               "检查校车46辆，整改隐患12处", "已办结"])
    ws.append([2, "教辅征订违规", "清理违规征订教辅", "基教股", "2026年12月31日",
               "已清理3所学校征订目录，其余学校正在清理", "在办"])
    ws.append([3, "校舍维修资金滞留", "加快维修资金拨付", "计财股", "2026年9月30日", "拨付维修资金380万元", "已办结"])
    ws.append(["小计", "", "3项", "", "", "", "已办结2项"])
    wb.save(path)
    return path


def test_a_subtotal_row_does_not_hide_where_the_statuses_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the 小计 rows' "已完成1项" / "已办结2项" count the rows above: they tell no measure's status, and
    # must not make rectxl take the 销号 column (or the accounts) for the status column
    finance = _check(_finance_ledger(tmp_path / "财政局.xlsx"), capsys)
    codes = sorted((f["code"], f["cell"]) for f in finance if f["severity"] != "info")
    # only the bureau's one real overdue measure (专项资金, 9月底, 整改中); 已完成待验收 is done
    assert codes == [("overdue", "F6")], codes
    assert "正在推进" in next(f["message"] for f in finance if f["code"] == "overdue")
    assert _overall(tmp_path / "财政局.xlsx", tmp_path, capsys)["已完成"] == 3

    education = _check(_education_ledger(tmp_path / "教育局.xlsx"), capsys)
    assert not [f for f in education if f["code"] in ("bad-status", "missing-status", "overdue")], education
    assert _overall(tmp_path / "教育局.xlsx", tmp_path, capsys)["已完成"] == 2


def test_a_closure_cell_that_repeats_its_question_is_read_by_its_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "是否销号：是；销号时间：…" answers 是 — the 否 of the question 是否 is no answer
    overall = _overall(_finance_ledger(tmp_path / "财政局.xlsx"), tmp_path, capsys)
    assert (overall["已完成"], overall["其中：已销号"], overall["措施销号率"]) == (3, 2, 0.5)


def _court_ledger(path: Path, states: tuple[str, ...]) -> Path:
    """A county court: 整改状态 in the court's own words beside 整改完成情况, the account."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县人民法院党组巡察反馈问题整改落实情况台账"])
    ws.append(["（截至2026年11月20日）"])
    ws.append(["序号", "反馈问题", "整改措施", "责任院领导", "责任部门", "整改期限", "整改状态", "整改完成情况"])
    ws.append(["一、党的政治建设方面"])
    ws.append(["一.1", "审判执行质效不高", "开展长期未结案件专项清理", "副院长", "审管办", "2026年10月31日",
               states[0], "清理长期未结案件36件"])
    ws.append(["一.2", "司法为民意识不强", "优化诉讼服务中心", "副院长", "立案庭", "即知即改", states[1], "设立导诉台"])
    ws.append(["二、全面从严治党方面"])
    ws.append(["二.1", "案件评查流于形式", "完善案件评查办法", "纪检组长", "审管办", "2026年12月底前", states[2],
               "已起草初稿"])
    ws.append(["二.2", "执行款管理不规范", "清理执行款", "执行局长", "执行局", "2026年8月底", states[3], None])
    wb.save(path)
    return path


@pytest.mark.parametrize("states", [("已整改到位", "已办结", "在办", "未启动"),
                                    ("已结案", "已到位", "按计划推进", "尚未开展")])
def test_a_status_column_in_the_offices_own_words_beside_the_accounts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], states: tuple[str, ...]) -> None:
    # 整改状态 | 整改完成情况: the accounts are the progress, not a second status column to delete
    ledger = _court_ledger(tmp_path / "法院.xlsx", states)
    findings = _check(ledger, capsys)
    assert not [f for f in findings if f["code"] == "duplicate-header"], findings
    assert [(f["code"], f["cell"]) for f in findings if f["severity"] == "error"] == [("overdue", "F9")]
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "清理长期未结案件36件" in text and "已起草初稿" in text


def _titled_ledger(path: Path, title: str) -> Path:
    """A county culture and tourism bureau's ledger whose only date is in its title."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([title])
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "景区安全管理薄弱", "开展景区安全隐患排查", "资源开发科", "2026年11月25日", "正在推进"])
    ws.append([2, "文物保护经费使用不规范", "规范文物保护经费使用", "文物管理所", "2027年3月31日", "正在推进"])
    wb.save(path)
    return path


_UPDATED_TITLES = ["县文化和旅游局巡察整改台账（2026年11月更新）", "县文化和旅游局巡察整改台账（更新至2026年11月）",
                   "县文化和旅游局2026年11月巡察整改进展月报", "县文化和旅游局巡察反馈问题整改台账2026年11月进展",
                   "县文化和旅游局巡察反馈问题整改进展情况（2026年11月）"]
#: a month that may name the inspection or its feedback, not the day the figures stand at
_INSPECTION_MONTH_TITLES = ["县文化和旅游局2026年11月份巡察整改台账", "县委第三巡察组2026年3月巡察反馈问题整改进展台账",
                            "县文化和旅游局落实2026年3月巡察反馈问题整改月报"]


def test_a_title_saying_the_month_it_was_brought_up_to_dates_the_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import rectxl

    for title in _UPDATED_TITLES:
        ledger = _titled_ledger(tmp_path / "台账.xlsx", title)
        main(["check", str(ledger), "--format", "json"])
        summary = json.loads(capsys.readouterr().out)["summary"]
        # the figures stand at the month's end, and the report says the title told it
        assert summary["as_of"] == "2026-11-30" and summary["as_of_source"].startswith("标题行“"), (title, summary)
        # read within that month, they stand at that day: 11月25日 is still ahead on 11月20日
        report = rectxl.check(ledger, today=date(2026, 11, 20))
        assert report.as_of == date(2026, 11, 20)
        assert [(f.code, f.cell) for f in report.findings] == [("due-soon", "E3")]
    for title in _INSPECTION_MONTH_TITLES:
        ledger = _titled_ledger(tmp_path / "台账.xlsx", title)
        assert rectxl.check(ledger, today=date(2026, 12, 10)).as_of == date(2026, 12, 10), title


def test_an_overdue_row_read_mostly_done_beside_its_not_closed_cell_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a sub-district's 销号情况 kept as its only status column: "未销号" beside "整改已见成效" reads 基本完成
    # (work mostly done, not closed); the overdue message says the status the row reads, then the cell's words
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["城南街道党工委巡察反馈问题整改清单"])
    ws.append(["序号", "问题清单", "任务清单", "牵头领导", "牵头单位", "计划完成时间", "整改落实情况", "销号情况"])
    ws.append(["1", "党员发展程序不严", "规范党员发展流程", "周强", "党建办", "2026年8月31日",
               "已修订发展党员工作细则，完成整改", "未销号"])
    ws.append(["2", "“三会一课”不规范", "开展专项检查", "周强", "党建办", "2026年10月31日", "整改已见成效", "未销号"])
    ws.append(["3", "低保动态管理不及时", "开展低保对象核查", "吴敏", "民政办", "2026年10月31日",
               "核查低保户120户，正在推进", "未销号"])
    wb.save(tmp_path / "清单.xlsx")
    main(["check", str(tmp_path / "清单.xlsx"), "--format", "json", "--as-of", "2026-11-20"])
    overdue = {f["cell"]: f["message"] for f in json.loads(capsys.readouterr().out)["findings"]
               if f["code"] == "overdue"}
    assert sorted(overdue) == ["F4", "F5"]
    assert "状态仍为“基本完成（未销号）”" in overdue["F4"]
    assert "状态仍为“未销号”" in overdue["F5"]  # read 正在推进, as the cell says


def test_a_day_written_under_the_table_beats_the_month_in_the_title(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "（2026年11月更新）" over the table, "填报时间：2026年11月28日" under it: the day the clerk wrote
    ledger = _titled_ledger(tmp_path / "台账.xlsx", "县市场监督管理局党组巡察整改台账（2026年11月更新）")
    wb = openpyxl.load_workbook(ledger)
    wb.active.append([])
    wb.active.append(["制表人：刘某    审核人：陈某    填报时间：2026年11月28日"])
    wb.save(ledger)
    main(["check", str(ledger), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["as_of"], summary["as_of_source"]) == ("2026-11-28", "表格下方“填报时间”")


def test_accounts_in_the_status_column_one_of_which_reads_done(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 完成情况 holds the accounts, 整改落实情况 the words 已办结/在办 — one account happens to read as a
    # status ("已拨付资金380万元，全部到位"): the columns are still the other way round
    ledger = _education_ledger(tmp_path / "教育局.xlsx")
    wb = openpyxl.load_workbook(ledger)
    wb.active["F6"] = "已拨付资金380万元，全部到位"
    wb.save(ledger)
    findings = _check(ledger, capsys)
    assert not [f for f in findings if f["code"] in ("bad-status", "missing-status", "overdue")], findings
    assert _overall(ledger, tmp_path, capsys)["已完成"] == 2


@pytest.mark.parametrize("mark", ["否", "×"])
def test_an_overdue_row_marked_no_under_done_or_not_says_not_done(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], mark: str) -> None:
    # a township's 是否完成 column answered 是/否 (or √/×), with 未完成原因 beside it: the overdue message
    # says the work is not done, not only "状态仍为“否”"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["石门乡巡察整改台账"])
    ws.append(["填报时间：2026年11月20日"])
    ws.append(["序号", "问题", "整改措施", "责任人", "责任单位", "完成时限", "是否完成", "未完成原因"])
    yes = "是" if mark == "否" else "√"
    ws.append([1, "村务公开不及时", "规范村务公开栏", "赵某", "党政办", "2026年7月31日", yes, None])
    ws.append([2, "惠民资金发放滞后", "核查惠民资金发放", "钱某", "财政所", "2026年9月30日", mark, "部分村账目需追溯"])
    ws.append([3, "扶贫项目资产管理不善", "建立资产台账", "孙某", "农业站", "2026年12月31日", mark, None])
    wb.save(tmp_path / "台账.xlsx")
    overdue = [(f["cell"], f["message"]) for f in _check(tmp_path / "台账.xlsx", capsys) if f["code"] == "overdue"]
    assert len(overdue) == 1 and overdue[0][0] == "F5"
    assert f"状态仍为“未完成（{mark}）”" in overdue[0][1]
