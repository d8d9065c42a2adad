"""Round twenty-two, the lead's own findings: ledgers written the way a township clerk writes them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

from datetime import date
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
        [2, "村干部履职监督不到位。", "建立村干部坐班值班制度并每季度通报。", "孙涛", "组织办", "周丽",
         "2026年12月31日", None],
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


def _city_department(path: Path, deadlines: list[str]) -> Path:
    """A city department's 整改清单 naming its deadline column 完成时间 (no 整改时限 column)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "市住建局"
    ws.append(["市住房和城乡建设局党组巡察反馈问题整改清单"])
    ws.append(["（截至2026年10月31日）"])
    ws.append(["编号", "问题类别", "问题描述", "整改任务", "牵头领导", "牵头科室", "完成时间", "完成情况"])
    tasks = [
        ("1-1", "意识形态工作责任制落实不到位", "每半年专题研究意识形态工作1次", "已完成（2026年5月20日）"),
        ("1-2", "意识形态工作责任制落实不到位", "开展意识形态风险排查", "序时推进"),
        ("2-1", "工程招投标监管存在漏洞", "开展在建项目招投标专项检查", "未完成"),
    ]
    for (no, problem, task, status), due in zip(tasks, deadlines, strict=True):
        ws.append([no, "廉政建设", problem, task, "分管副局长", "建筑市场监管科", due, status])
    wb.save(path)
    return path


@pytest.mark.parametrize("deadlines", [
    ["2026年6月", "2026年12月", "2026.9.30"],  # days on the unfinished rows
    ["2026年第二季度", "2026年年内", "2026.9.30"],  # spans
])
def test_a_completion_column_holding_deadlines_is_the_deadline(tmp_path: Path, deadlines: list[str]) -> None:
    from rectxl.api import check

    report = check(_city_department(tmp_path / "住建局.xlsx", deadlines))
    codes = [(f.code, f.cell) for f in report.findings]
    assert not any(code in ("header-missing", "completion-in-future", "completion-date-unfinished")
                   for code, _ in codes), codes
    assert ("overdue", "G6") in codes  # 2026.9.30, not done on 2026年10月31日
    assert sum(code == "overdue" for code, _ in codes) == 1


def test_a_completion_column_of_days_done_stays_the_completion_day(tmp_path: Path) -> None:
    """Days only on the finished rows: the days they were done (the ledger has no deadlines)."""
    from rectxl.api import check

    path = _city_department(tmp_path / "住建局.xlsx", ["2026.5.20", "", ""])
    report = check(path)
    codes = [f.code for f in report.findings]
    assert "header-missing" in codes
    assert "overdue" not in codes


def test_an_error_value_in_the_completion_day_is_one_finding(tmp_path: Path) -> None:
    """#VALUE! where a finished row's 完成时间 should be: cell-error says it, once — not also
    "未填写完成时间" on the same cell (one mistake, one finding)."""
    from rectxl.api import check

    wb = openpyxl.load_workbook(Path(__file__).parent.parent / "workbooks" / "示例台账.xlsx")
    ws = wb["台账"] if "台账" in wb.sheetnames else wb.active
    header = next(r for r in range(1, 10) if any(c.value == "完成时间" for c in ws[r]))
    col = next(c.column_letter for c in ws[header] if c.value == "完成时间")
    status_col = next(c.column_letter for c in ws[header] if c.value == "整改状态")
    row = next(r for r in range(header + 1, ws.max_row + 1)
               if ws[f"{status_col}{r}"].value == "已完成" and ws[f"{col}{r}"].value)
    ws[f"{col}{row}"] = "#VALUE!"
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    at_cell = [f.code for f in check(path).findings if f.cell == f"{col}{row}"]
    assert at_cell == ["cell-error"]


def test_a_template_place_written_xx_is_no_other_unit(tmp_path: Path) -> None:
    """A company's ledger titled with its template's "XX县…有限公司", filed as 城投集团: one unit —
    as "××县" is — not a unit whose title names another (请注意 had called the two 不一致)."""
    from rectxl.batch import run_batch
    from rectxl.core.batch_report import to_text
    from rectxl.core.rules import Options

    folder = tmp_path / "各单位报送"
    folder.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["XX县城投集团有限公司党委巡察整改台账"])
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "工程变更签证管理不规范", "建立工程变更分级审批制度", "工程管理部", "刘洋", "2026年5月31日",
               "已完成"])
    wb.save(folder / "城投集团整改台账.xlsx")
    text = to_text(run_batch(folder, options=Options(as_of=date(2026, 11, 30)), workers=1))
    assert "城投集团" in text
    assert "不一致" not in text


def test_dates_no_two_ledgers_share_are_not_called_most_ledgers(tmp_path: Path) -> None:
    """Four units, each dating its ledger differently, checked as of one day: the ledgers dated
    well before the latest are named against the latest — not "多数台账的…（1 个台账）"."""
    from rectxl.batch import run_batch
    from rectxl.core.batch_report import to_text
    from rectxl.core.rules import Options

    folder = tmp_path / "各单位报送"
    folder.mkdir()
    for unit, day in (("县财政局", "2026年10月31日"), ("县民政局", "2026年11月18日"),
                      ("县水利局", "2026年11月25日"), ("县教育局", "2026年12月20日")):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([f"{unit}巡察整改台账"])
        ws.append([f"填报日期：{day}"])
        ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
        ws.append([1, "制度执行不严格", "修订内部管理制度", "办公室", "王明", "2026年6月30日", "已完成"])
        wb.save(folder / f"{unit}整改台账.xlsx")
    text = to_text(run_batch(folder, options=Options(as_of=date(2026, 12, 20)), workers=1))
    assert "最近一份台账的 2026年12月20日" in text
    assert "多数台账" not in text


_VILLAGE_NOTICE = """中共桃溪村支部委员会关于村级巡察整改情况的公示

根据镇党委统一部署，镇党委第一巡察组对桃溪村党支部开展了村级巡察，并于2026年6月5日反馈了巡察意见。现将整改情况公示如下。

一、整改工作开展情况
村党支部召开专题会议，成立整改工作小组，制定整改方案。

二、反馈问题整改情况
巡察反馈问题共2个方面3个问题，制定整改措施7条。截至2026年11月15日，已完成整改2个问题。
（一）基层党组织建设方面
1.“三会一课”制度落实不经常。整改情况：制定年度组织生活计划，按月召开党员大会，已开展主题党日活动6次。已完成。
2.发展党员程序不规范。整改情况：逐一核查近五年发展党员档案，补齐材料3份。已完成。
（二）村级财务管理方面
3.集体资产台账不清。整改情况：清查登记村集体资产，已登记鱼塘2处，剩余部分正在核实。正在推进。

三、下一步打算
持续巩固整改成果。

中共桃溪村支部委员会
2026年11月20日
"""


def test_measures_told_in_one_account_per_problem_cannot_be_counted() -> None:
    """A village's notice tells each problem's work in one account (整改情况：…。已完成。) and says it
    made 7 measures: the 3 accounts are no count of measures — 无法核对, not 不一致 (相差4项)."""
    from rectxl.core.notice import parse_notice

    parsed = parse_notice(_VILLAGE_NOTICE)
    check = next(c for c in parsed.total_checks if c.item == "measures")
    assert check.ok is None
    assert "没有逐条列出整改措施" in check.message
    assert not any(c.ok is False for c in parsed.total_checks)


def test_a_planned_measure_that_says_its_own_deadline_is_not_given_another(tmp_path: Path) -> None:
    """未启动, the measure saying by when ("…，2026年12月31日前化解"), the row's deadline a later
    day: the notice says it is planned in the measure's words, not "计划于2027年3月31日前…，
    2026年12月31日前化解" (two dates, the first contradicting the second)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "信访积案化解不力", "逐案落实包案领导，2026年12月31日前化解", "信访局", "王强", "2027年3月31日",
               "未启动", ""])
    ws.append([2, "档案管理不规范", "开展档案专项整理", "办公室", "李红", "2027年3月31日", "未启动", ""])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    text = out.read_text(encoding="utf-8")
    assert "拟逐案落实包案领导，2026年12月31日前化解" in text
    assert "计划于2027年3月31日前逐案" not in text
    assert "计划于2027年3月31日前开展档案专项整理" in text  # no day of its own: the row's


def test_a_deadline_without_its_year_takes_the_year_the_title_names(tmp_path: Path) -> None:
    """A street office's ledger titled "…2026年巡察反馈问题整改台账", with no 反馈日期 or 报告日期:
    "6月底前" is 2026年6月30日 (overdue by November, said once how the year was taken) — it had been
    bad-deadline, "缺少年份且未提供反馈日期"."""
    from rectxl.api import check
    from rectxl.core.rules import Options

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某某街道办事处2026年巡察反馈问题整改台账"])
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "社区议事规则执行不到位", "修订社区议事规则", "党建办", "周红", "6月底前", "正在推进"])
    ws.append([2, "网格员管理松散", "建立网格员考核办法", "综治中心", "吴刚", "12月底前", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    report = check(path, Options(as_of=date(2026, 11, 20)))
    codes = {(f.code, f.cell) for f in report.findings}
    assert ("overdue", "F3") in codes
    assert not any(code == "bad-deadline" for code, _ in codes)
    assumed = [f for f in report.findings if f.code == "deadline-year-assumed"]
    assert len(assumed) == 1 and "标题中的年份（2026年）" in assumed[0].message


def test_who_does_the_work_in_brackets_is_left_out_and_the_account_kept(tmp_path: Path) -> None:
    """"已盘活闲置厂房1处（张三负责）": the notice publishes what was done, without the clerk — the
    account had been dropped whole when 张三 is the row's 责任人, and printed with the bracket
    otherwise."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "闲置资产未盘活", "盘活闲置厂房", "经发办", "张三", "2026年12月31日", "正在推进",
               "已盘活闲置厂房1处（张三负责）"])
    ws.append([2, "集体资金管理不规范", "清理集体资金", "财政所", "王五", "2026年12月31日", "正在推进",
               "已清理账户3个（由李红同志牵头）"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    text = out.read_text(encoding="utf-8")
    assert "已盘活闲置厂房1处" in text and "已清理账户3个" in text
    assert "张三" not in text and "李红" not in text
