"""Ledgers as county, township and department clerks lay them out, in ways the first corpora did
not: category rows written with full-width brackets under aspect rows, one column for the lead
and the co-operating units (牵头单位+配合单位), a 完成时限 group over 计划 | 实际, a 督办人 column
beside the lead, 具体表现 beside 问题, one sheet per aspect named "一、…", unit names that look alike
but are other units — and what the notice and the summary make of them.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.rules import Options

AS_OF = date(2026, 11, 30)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=180)


def _sheet(ws: Worksheet, rows: Sequence[Sequence[Any]], merges: Sequence[str] = ()) -> None:
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)


def _book(path: Path, sheets: dict[str, tuple[Sequence[Sequence[Any]], Sequence[str]]]) -> Path:
    wb = Workbook()
    default = wb.active
    for name, (rows, merges) in sheets.items():
        _sheet(wb.create_sheet(name), rows, merges)
    if default is not None:
        wb.remove(default)
    wb.save(path)
    return path


def _codes(report: Any) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.cell) for f in report.findings)


def _categories_under_aspects(folder: Path) -> Path:
    """一、… aspect rows with （一）… category rows under them, both merged across, the categories
    written with full-width brackets as Word and WPS type them."""
    rows = [
        ["中共××县委组织部巡察整改台账"],
        ["序号", "问题", "整改措施", "责任股室", "责任人", "完成时限", "完成情况"],
        ["一、党的组织建设方面"],
        ["（一）基层组织建设"],
        [1, "发展党员程序不规范", "开展发展党员专项检查", "组织股", "秦岭", "2026年9月底", "已完成"],
        [2, "软弱涣散党组织整顿不到位", "逐村制定整顿方案", "组织股", "秦岭", "2026年12月底", "正在推进"],
        ["（二）党员教育管理"],
        [3, "党员教育培训形式单一", "建设党员教育实训基地", "党员教育中心", "韦华", "2027年3月", "未启动"],
        ["二、干部队伍建设方面"],
        ["（三）干部日常管理"],
        [4, "干部档案管理不严", "开展干部人事档案专项审核", "干部股", "魏东", "2026年10月31日", "已完成"],
    ]
    merges = ["A1:G1", "A3:G3", "A4:G4", "A7:G7", "A9:G9", "A10:G10"]
    return _book(folder / "组织部台账.xlsx", {"台账": (rows, merges)})


def test_category_rows_with_full_width_brackets_are_categories_not_aspects(tmp_path: Path) -> None:
    ledger = api.read_ledger(_categories_under_aspects(tmp_path))
    assert [a.title for a in ledger.aspects] == ["党的组织建设方面", "干部队伍建设方面"]
    assert [[c.title for c in a.categories] for a in ledger.aspects] == [
        ["基层组织建设", "党员教育管理"], ["干部日常管理"]]
    assert [i.title for i in ledger.issues()] == [
        "发展党员程序不规范", "软弱涣散党组织整顿不到位", "党员教育培训形式单一", "干部档案管理不严"]


def test_the_notice_publishes_a_planned_month_to_its_end_and_a_passed_one_not_as_planned(
        tmp_path: Path) -> None:
    path = _categories_under_aspects(tmp_path)
    proc = run("notice", path.name, "-o", "通报.txt", "--as-of", "2026-11-30", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "计划于2027年3月底前建设党员教育实训基地" in text  # not "2027年3月前": a month early
    assert "截至2026年11月30日" in text
    # the category headings follow the aspects' (no empty aspect heading before them)
    # (an aspect named for its field is headed as one: 第一方面，党的组织建设方面的问题)
    assert text.index("第一方面，党的组织建设方面的问题") < text.index("（一）基层组织建设") \
        < text.index("（二）党员教育管理") < text.index("第二方面，干部队伍建设方面的问题") \
        < text.index("（三）干部日常管理")


def test_without_a_report_date_a_passed_deadline_is_judged_on_today(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "公务接待管理不规范", "修订公务接待管理办法", "办公室", "2026年8月", "未启动"],
        [2, "公务接待管理不规范", "开展公务接待专项检查", "办公室", "2026年12月", "未启动"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    _, out = api.notice(path, tmp_path / "通报.txt", today=date(2026, 11, 30))
    text = out.read_text(encoding="utf-8")
    assert "计划于2026年8月" not in text and "修订公务接待管理办法，尚未启动" in text
    assert "计划于2026年12月底前开展公务接待专项检查" in text
    assert "截至目前" in text  # no 报告日期: the totals are not dated with today


def test_one_column_for_the_lead_and_the_co_operating_units(tmp_path: Path) -> None:
    rows = [
        ["县委宣传部巡察整改台账"],
        ["序号", "问题", "整改措施", "牵头单位+配合单位", "责任领导", "完成时限", "整改完成情况"],
        ["①", "网络意识形态阵地管理薄弱", "建立网评员队伍", "网信办（牵头）、县融媒体中心", "韩梅", "2026年9月底",
         "已完成"],
        ["②", "文明创建长效机制不健全", "修订文明单位动态管理办法", "文明办", "邹平", "2026年12月31日", "整改中"],
    ]
    path = _book(tmp_path / "宣传部.xlsx", {"台账": (rows, ["A1:G1"])})
    report = api.check(path, Options(as_of=AS_OF))
    assert "header-missing" not in {f.code for f in report.findings}
    ledger = api.read_ledger(path)
    assert [m.owner_unit for m in ledger.measures()] == ["网信办（牵头）、县融媒体中心", "文明办"]
    assert ledger.sheets[0].columns[F.OWNER_UNIT] == "D"


def test_a_deadline_group_over_planned_and_actual(tmp_path: Path) -> None:
    """完成时限 merged over 计划 | 实际: the planned column is the deadline, the actual one the
    completion date — a missed deadline is caught."""
    rows = [
        ["序号", "问题", "整改措施", "责任股室", "完成时限", None, "是否办结"],
        [None, None, None, None, "计划", "实际", None],
        [1, "发展党员工作不规范", "开展专项检查", "组织股", "2026年9月底", date(2026, 9, 25), "已办结"],
        [2, "干部档案管理不严", "开展档案专项审核", "干部股", "2026年10月31日", None, "未办结"],
    ]
    merges = ["E1:F1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "G1:G2"]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, merges)})
    report = api.check(path, Options(as_of=AS_OF))
    codes = {f.code for f in report.findings}
    assert "header-missing" not in codes and "column-not-understood" not in codes
    assert ("overdue", "E4") in _codes(report)
    ledger = api.read_ledger(path)
    first = next(ledger.measures())
    assert first.completed_on == date(2026, 9, 25)


def test_a_supervisor_column_is_not_the_lead_and_a_detail_column_is_not_a_second_issue(
        tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "具体表现", "整改措施", "分管领导", "督办人", "主责单位", "计划完成时间", "是否完成"],
        [1, "招商引资质效不高", "签约项目落地率不足四成", "建立签约项目跟踪服务机制", "李副县长", "王敏",
         "投资促进中心", "2026年12月31日", "否"],
        [2, "营商环境仍有短板", "企业开办时间较长", "推行企业开办一日办结", "周副县长", "王敏", "行政审批局",
         "2026年9月30日", "是"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"Sheet1": (rows, ())})
    report = api.check(path, Options(as_of=AS_OF))
    assert "duplicate-header" not in {f.code for f in report.findings}
    ledger = api.read_ledger(path)
    assert [m.lead for m in ledger.measures()] == ["李副县长", "周副县长"]
    assert [i.title for i in ledger.issues()] == ["招商引资质效不高", "营商环境仍有短板"]
    assert ledger.sheets[0].columns[F.ISSUE_DETAIL] == "C"


def test_a_sheet_per_aspect_named_like_an_aspect(tmp_path: Path) -> None:
    header = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    one = [header, [1, "理论学习不深入", "完善中心组学习制度", "办公室", "2026年9月30日", "已完成"]]
    two = [header, [2, "监督执纪偏软", "开展警示教育", "纪检组", "2026年10月31日", "正在推进"]]
    path = _book(tmp_path / "台账.xlsx", {"一、政治建设": (one, ()), "二、全面从严治党": (two, ())})
    ledger = api.read_ledger(path)
    assert [(a.number, a.title) for a in ledger.aspects] == [(1, "政治建设"), (2, "全面从严治党")]
    proc = run("check", path.name, "--as-of", "2026-11-30", cwd=tmp_path)
    assert "读取工作表：“一、政治建设”、“二、全面从严治党”" in proc.stdout


def test_units_that_only_look_alike_are_not_one_unit(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "村务公开不及时", "规范村务公开栏", "村委会", "2026年12月31日", "正在推进"],
        [2, "村务监督不到位", "开展村务监督专项检查", "村务监督委员会", "2026年12月31日", "正在推进"],
        [3, "干部选任不规范", "开展选任工作自查", "干部股", "2026年12月31日", "正在推进"],
        [4, "干部监督偏软", "开展干部监督谈话", "干部监督股", "2026年12月31日", "正在推进"],
        [5, "值班制度执行不严", "修订值班制度", "党政综合办公室", "2026年12月31日", "正在推进"],
        [6, "公文处理不规范", "开展公文培训", "党政办", "2026年12月31日", "正在推进"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    report = api.check(path, Options(as_of=AS_OF))
    variants = [f for f in report.findings if f.code == "owner-unit-variant"]
    assert [(f.cell, f.value) for f in variants] == [("D7", "党政办")]


def test_a_notice_with_a_status_left_blank_names_it_and_exits_1(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "教师管理不规范", "清理在编不在岗教师", "人事股", "2026年12月31日", None],
        [2, "食堂管理不规范", "开展食堂专项检查", "后勤股", "2026年10月31日", "已完成"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    proc = run("notice", path.name, "-o", "通报.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "台账!F2（未填写）" in proc.stdout and "missing-status" in proc.stdout


def test_deferred_work_is_published_as_deferred(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "村级财务管理不规范", "开展村级财务专项清理", "财政所", "2027年6月30日", "暂缓整改"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    _, out = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = out.read_text(encoding="utf-8")
    assert "1.村级财务管理不规范。开展村级财务专项清理，暂缓整改。" in text


def test_the_summary_numbers_issues_as_the_notice_does(tmp_path: Path) -> None:
    """Issues numbered 1–3 on across two aspects: the notice and the summary's 整改明细 both say
    1., 2., 3. (not 1., 2. then 1. again)."""
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        ["一、政治建设方面"],
        [1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "已完成"],
        [None, None, "开展专题研讨", "办公室", "2026年12月31日", "已完成"],
        [2, "落实不到位", "开展专项督查", "督查室", "2026年12月31日", "已完成"],
        ["二、作风建设方面"],
        [3, "文风会风不实", "精简会议文件", "办公室", "2026年12月31日", "正在推进"],
        [None, None, "压缩会议数量", "办公室", "2026年12月31日", "正在推进"],
    ]
    merges = ["A2:F2", "A6:F6", "A3:A4", "B3:B4", "A7:A8", "B7:B8"]  # 序号 and 问题 merged per issue
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, merges)})
    _, notice = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    assert "3.文风会风不实" in notice.read_text(encoding="utf-8")
    _, summary = api.summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF))
    numbers = [row[1] for row in load_workbook(summary)["整改明细"].iter_rows(values_only=True) if row[0] == "问题"]
    assert numbers == ["1.", "2.", "3."]


def test_a_notice_of_a_ledger_whose_measures_were_not_read_exits_1(tmp_path: Path) -> None:
    """An outline kept in one column (一、/（一）/1./(1)) is no table rectxl reads: the notice it
    would publish has nothing in its section 二, and says so instead of exiting 0."""
    rows = [
        ["编号", "整改任务", "责任单位", "完成时限"],
        ["一、", "党的政治建设方面", None, None],
        ["（一）", "理论学习不够深入", None, None],
        ["1.", "完善中心组学习制度", "办公室", "2026年12月31日"],
        ["2.", "开展专题研讨", "办公室", "2026年12月31日"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    proc = run("notice", path.name, "-o", "通报.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "没有读到任何整改措施" in proc.stdout


def test_a_ledger_sheet_named_like_a_rectxl_sheet_is_read_alone_after_annotate(tmp_path: Path) -> None:
    """A clerk's ledger sheet called 整改明细 (one of rectxl's names): once rectxl has added its
    own sheets — 逾期清单 among them, with columns a ledger has too — the workbook still reads as
    the clerk's ledger alone."""
    rows = [
        ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "低保对象动态管理不到位", "开展低保对象核查", "社会救助股", "2026年10月31日", "正在推进"],
        [2, "临时救助审批不规范", "修订临时救助审批办法", "社会救助股", "2026年12月31日", "已完成"],
    ]
    path = _book(tmp_path / "民政局.xlsx", {"整改明细": (rows, ())})
    before = api.check(path, Options(as_of=AS_OF))
    _, annotated, _ = api.annotate(path, tmp_path / "已标记.xlsx", Options(as_of=AS_OF))
    after = api.check(annotated, Options(as_of=AS_OF))
    assert (after.measures, after.sheets) == (before.measures, before.sheets) == (2, ["整改明细"])
    assert _codes(after) == _codes(before)


def test_statuses_kept_month_by_month_are_read_from_the_latest_month(tmp_path: Path) -> None:
    rows = [
        ["序号", "反馈问题", "整改措施", "责任科室", "整改时限", "9月状态", "10月状态", "11月状态"],
        [1, "工程款拨付审核不严", "开展工程款拨付专项检查", "财务科", "2026年10月31日", "未启动", "正在推进", "已完成"],
        [2, "物业监管不到位", "修订物业服务考核办法", "物业科", "2026年12月31日", "未启动", "未启动", "正在推进"],
    ]
    path = _book(tmp_path / "回头看.xlsx", {"台账": (rows, ())})
    report = api.check(path, Options(as_of=AS_OF))
    codes = {f.code for f in report.findings}
    assert "overdue" not in codes and "duplicate-header" not in codes  # November says 已完成
    assert [m.status_text for m in api.read_ledger(path).measures()] == ["已完成", "正在推进"]


def test_a_status_column_beats_a_percent_column_and_percents_are_read_as_shares(tmp_path: Path) -> None:
    named = [
        ["序号", "问题", "整改任务", "责任部门", "完成时限", "完成进度（%）", "整改状态"],
        [1, "董事会授权管理不规范", "修订授权管理办法", "董事会办公室", "2026年9月30日", 100, "已完成"],
        [2, "招标采购管理不严", "开展招标采购专项检查", "采购中心", "2026年10月31日", 60, "正在推进"],
    ]
    path = _book(tmp_path / "集团.xlsx", {"台账": (named, ())})
    ledger = api.read_ledger(path)
    assert ledger.sheets[0].columns[F.STATUS] == "G"
    assert [f.code for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "overdue"] == ["overdue"]
    only_percent = [row[:6] for row in named]
    path = _book(tmp_path / "集团2.xlsx", {"台账": (only_percent, ())})
    report = api.check(path, Options(as_of=AS_OF))
    assert "bad-status" not in {f.code for f in report.findings}
    assert [str(m.status) for m in api.read_ledger(path).measures()] == ["已完成", "正在推进"]  # 100%, 60%


def test_a_ledger_that_says_xunshi_gets_a_xunshi_notice_and_the_unit_after_the_group(tmp_path: Path) -> None:
    rows = [
        ["某某建设集团有限公司党委巡视整改台账"],
        ["问题编号", "巡视反馈问题", "整改措施", "责任部门", "完成时限", "整改状态"],
        ["XS-01", "党委把方向作用发挥不充分", "制定党委议事规则", "党委办公室", "2026年12月31日", "正在推进"],
    ]
    path = _book(tmp_path / "集团.xlsx", {"巡视整改台账": (rows, ["A1:F1"])})
    _, notice = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert text.startswith("某某建设集团有限公司党委关于巡视整改进展情况的通报") and "巡察" not in text
    rows = [
        ["市委第三巡察组对市住房和城乡建设局党组巡察整改台账"],
        ["序号", "反馈问题", "整改措施", "责任科室", "整改时限", "整改状态"],
        [1, "工程款拨付审核不严", "开展专项检查", "财务科", "2026年12月31日", "正在推进"],
    ]
    path = _book(tmp_path / "住建局.xlsx", {"台账": (rows, ["A1:F1"])})
    ledger = api.read_ledger(path)
    assert (ledger.info.unit_name, ledger.info.party_org) == ("市住房和城乡建设局", "市住房和城乡建设局党组")


def test_a_clerks_note_on_the_papers_is_not_published(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"],
        [1, "夜班人力不足", "优化夜班排班", "护理部", "2026年12月31日", "正在推进",
         "已实行弹性排班。（注：佐证材料待补充）"],
        [2, "医保基金使用不规范", "追回违规资金", "医保办", "2026年12月31日", "正在推进",
         "已追回3万元（注：另有1万元正在追缴）"],
    ]
    path = _book(tmp_path / "医院.xlsx", {"台账": (rows, ())})
    _, notice = api.notice(path, tmp_path / "通报.txt", as_of=AS_OF)
    text = notice.read_text(encoding="utf-8")
    assert "佐证材料待补充" not in text and "另有1万元正在追缴" in text


def test_the_column_hint_can_be_typed_as_it_is_given(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "亮灯\n情况"],
            [1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "正在推进", "黄灯"]]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    hint = next(f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "column-not-understood")
    assert "--column 亮灯情况=标准列名" in hint.message and hint.value == "亮灯\n情况"


def test_an_enterprises_task_list_is_read_under_the_issues_of_its_issue_list(tmp_path: Path) -> None:
    """三张清单 kept on sheets of their own: 问题清单 (编号 | 问题) and 任务清单 (编号 | 问题编号 |
    整改任务 | …). Each task is read under the issue its code names; a code the list lacks is
    a task without an issue; the issue list is no ledger sheet missing its measures."""
    issues = [["编号", "问题", "问题来源"],
              ["W-01", "理论学习中心组学习流于形式", "集团党委巡察组反馈"],
              ["W-02", "“三重一大”事项未经党委前置研究", "集团党委巡察组反馈"]]
    tasks = [["编号", "问题编号", "整改任务", "责任部门", "完成时限", "完成情况"],
             ["T-01", "W-01", "制定中心组年度学习计划", "党委工作部", "2026年6月30日", "已完成"],
             ["T-02", "W-02", "修订三重一大决策制度实施办法", "董事会办公室", "2026年9月30日", "正在推进"],
             ["T-03", "W-01", "开展专题轮训", "党委工作部", "2026年12月31日", "正在推进"],
             ["T-04", "W-09", "清理非招标采购项目", "采购中心", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "集团.xlsx", {"问题清单": (issues, ()), "任务清单": (tasks, ())})
    ledger = api.read_ledger(path)
    assert [(i.title, [m.text for m in i.measures]) for i in ledger.issues()] == [
        ("理论学习中心组学习流于形式", ["制定中心组年度学习计划", "开展专题轮训"]),
        ("“三重一大”事项未经党委前置研究", ["修订三重一大决策制度实施办法"])]
    assert [i.cells for i in ledger.issues()] == [{F.ISSUE: "B2"}, {F.ISSUE: "B3"}]
    codes = _codes(api.check(path, Options(as_of=AS_OF)))
    assert ("overdue", "E3") in codes and not [c for c in codes if c[0] == "header-missing"]
    assert [m.text for m in ledger.orphans] == ["清理非招标采购项目"]


def test_a_gap_in_the_numbers_of_one_row_issues_is_found(tmp_path: Path) -> None:
    """One row per issue, 序号 1, 2, 4: the 序号 numbers the issues too, and an issue is missing."""
    rows = [
        ["序号", "问题", "整改措施", "主责单位", "计划完成时间", "是否完成"],
        [1, "招商引资质效不高", "建立签约项目跟踪服务机制", "投资促进中心", "2026年12月31日", "否"],
        [2, "营商环境仍有短板", "推行企业开办一日办结", "行政审批局", "2026年9月30日", "是"],
        [4, "国有资产管理不规范", "开展国有资产清查", "财政局", "2026年10月31日", "是"],
    ]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    gaps = [f for f in api.check(path, Options(as_of=AS_OF)).findings if f.code == "issue-number-gap"]
    assert [(f.cell, f.value) for f in gaps] == [("A4", 4)]


def test_a_government_commission_signs_as_no_party_committee(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "医疗服务价格管理不规范", "开展价格专项检查", "财务处", "2026年12月31日", "正在推进"]]
    info = [["单位名称", "市卫生健康委员会"]]
    ledger = api.read_ledger(_book(tmp_path / "卫健委.xlsx", {"台账": (rows, ()), "基本信息": (info, ())}))
    assert ledger.info.party_org is None  # not "中共市卫生健康委员会": it signs as its 党组
    info = [["单位名称", "柳塘镇委员会"]]
    ledger = api.read_ledger(_book(tmp_path / "柳塘镇.xlsx", {"台账": (rows, ()), "基本信息": (info, ())}))
    assert ledger.info.party_org == "中共柳塘镇委员会"


def test_basic_information_keyed_as_a_xunshi_office_writes_it(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "正在推进"]]
    info = [["巡视开始日期", date(2026, 3, 1)], ["巡视结束日期", date(2026, 4, 30)],
            ["巡视反馈日期", date(2026, 6, 15)], ["整改工作组织领导情况", "成立整改工作领导小组。"],
            ["成文日期", date(2026, 11, 25)]]
    got = api.read_ledger(_book(tmp_path / "台账.xlsx", {"台账": (rows, ()), "基本信息": (info, ())})).info
    assert (got.inspection_start, got.inspection_end, got.feedback_date, got.report_date) == (
        date(2026, 3, 1), date(2026, 4, 30), date(2026, 6, 15), date(2026, 11, 25))
    assert got.section_one == "成立整改工作领导小组。"


def test_the_unit_and_group_a_systems_export_repeats_on_every_row(tmp_path: Path) -> None:
    rows = [["被巡察单位", "巡察组", "问题", "整改措施", "责任科室", "整改时限", "整改状态"],
            ["市审计局", "市委第三巡察组", "审计整改跟踪不到位", "建立整改跟踪台账", "法规科", "2026年12月31日",
             "正在推进"],
            ["市审计局", "市委第三巡察组", "项目审计质量不高", "开展质量复核", "审计一科", "2026年12月31日", "已完成"]]
    info = api.read_ledger(_book(tmp_path / "导出.xlsx", {"导出数据": (rows, ())})).info
    assert (info.unit_name, info.inspection_group) == ("市审计局", "市委第三巡察组")


def test_an_outline_numbered_in_the_number_column_keeps_its_levels(tmp_path: Path) -> None:
    """序号 holding 一 / （一） / 1 / （1）, the aspect, category and issue named in the 问题 column
    of their own rows, the measures numbered （1）（2） under each issue: the （1） marks are no
    issue codes (they repeat under every issue), and （一） rows are categories."""
    rows = [["序号", "巡察反馈问题", "整改措施", "牵头单位", "整改期限", "整改情况"],
            ["一", "在落实党中央决策部署方面", None, None, None, None],
            ["（一）", "乡村振兴战略落实不够有力", None, None, None, None],
            [1, "村集体经济收入偏低", None, None, None, None],
            ["（1）", None, "制定村集体经济发展三年行动方案", "镇经发办", "2026年12月31日", "正在推进"],
            ["（2）", None, "每村培育1个特色产业项目", "各村（社区）", "2026年12月31日", "正在推进"],
            [2, "高标准农田管护不到位", None, None, None, None],
            ["（1）", None, "建立农田管护责任清单", "镇农业站", "2026年9月30日", "已完成"],
            ["（二）", "安全生产责任落实不到位", None, None, None, None],
            [3, "企业隐患排查不彻底", None, None, None, None],
            ["（1）", None, "开展隐患回头看", "镇安监站", "2026年12月31日", "正在推进"]]
    ledger = api.read_ledger(_book(tmp_path / "任务清单.xlsx", {"台账": (rows, ())}))
    assert [(c.title, [(i.title, len(i.measures)) for i in c.issues]) for a in ledger.aspects
            for c in a.categories] == [
        ("乡村振兴战略落实不够有力", [("村集体经济收入偏低", 2), ("高标准农田管护不到位", 1)]),
        ("安全生产责任落实不到位", [("企业隐患排查不彻底", 1)])]


def test_an_unnumbered_aspect_row_that_is_not_merged_is_an_aspect(tmp_path: Path) -> None:
    rows = [["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [None, "党的政治建设方面", None, None, None, None],
            [1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "正在推进"],
            [None, "作风建设方面存在的问题", None, None, None, None],
            [2, "会风不实", "精简会议", "办公室", "2026年12月31日", "正在推进"]]
    ledger = api.read_ledger(_book(tmp_path / "台账.xlsx", {"台账": (rows, ())}))
    assert [a.title for a in ledger.aspects] == ["党的政治建设方面", "作风建设方面存在的问题"]
    assert [i.title for i in ledger.issues()] == ["学习不深入", "会风不实"]


def test_one_measure_for_several_units_a_row_each_is_no_duplicate(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "河长巡河不规范", "规范巡河记录", "东山镇", "2026年12月31日", "正在推进"],
            [None, None, "规范巡河记录", "西河乡", "2026年12月31日", "正在推进"],
            [None, None, "规范巡河记录", "西河乡", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ["A2:A4", "B2:B4"])})
    assert [c for c in _codes(api.check(path, Options(as_of=AS_OF))) if c[0] == "duplicate-measure"] == [
        ("duplicate-measure", "C4")]


def test_a_header_below_a_long_instruction_block_is_found(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["填报说明："], *([[f"{k}. 请按实际情况如实填写第{k}项。"] for k in range(1, 11)]),
                             ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                             [1, "学习不深入", "完善学习制度", "办公室", "2026年10月31日", "正在推进"]]
    report = api.check(_book(tmp_path / "台账.xlsx", {"台账": (rows, ())}), Options(as_of=AS_OF))
    assert report.measures == 1 and ("overdue", "E13") in _codes(report)


def test_a_notice_whose_issues_have_no_measures_says_so_and_exits_1(tmp_path: Path) -> None:
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
            [1, "学习不深入", "完善学习制度", "办公室", "2026年12月31日", "正在推进"],
            [2, "会风不实", None, None, None, None]]
    path = _book(tmp_path / "台账.xlsx", {"台账": (rows, ())})
    proc = run("notice", path.name, "-o", "通报.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "1个问题没有读到整改措施（“会风不实”）" in proc.stdout
