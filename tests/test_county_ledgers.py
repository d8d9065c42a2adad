"""Ledgers as county bureaus and township committees really build them (tests/county_ledgers.py):
each gives exactly the findings an auditor expects — including the rows that must not be flagged —
and reads the measures, issues, sheets, units and statuses a clerk meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.rules import Options
from rectxl.core.summary import summarize
from rectxl.io.reader import read_ledger
from tests.county_ledgers import BUILDERS, CountyCase


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CountyCase]:
    root = tmp_path_factory.mktemp("county")
    built = {}
    for name, build in BUILDERS.items():
        (root / name).mkdir()
        built[name] = build(root / name)
    return built


@pytest.mark.parametrize("name", list(BUILDERS))
def test_exact_findings(cases: dict[str, CountyCase], name: str) -> None:
    case = cases[name]
    report = api.check(case.path, Options(as_of=case.as_of))
    got = {(f.code, f.sheet or "", f.row or 0) for f in report.findings}
    assert sorted(got - case.expected) == [], "findings an auditor would not raise"
    assert sorted(case.expected - got) == [], "findings an auditor expects"


@pytest.mark.parametrize("name", list(BUILDERS))
def test_what_the_clerk_meant(cases: dict[str, CountyCase], name: str) -> None:
    case = cases[name]
    report = api.check(case.path, Options(as_of=case.as_of))
    assert (report.measures, report.issues) == (case.measures, case.issues)
    assert tuple(report.sheets) == case.sheets_read
    assert report.counts.done == case.done
    ledger = read_ledger(case.path)
    units = {u.unit: u.counts.measures for u in summarize(ledger, case.as_of).units if u.unit != "（未填写）"}
    assert units == case.units


def test_title_rows_give_the_unit_and_report_date(cases: dict[str, CountyCase]) -> None:
    """No 基本信息 sheet: the title row names the unit and 填报日期 is the as-of date (and says so)."""
    case = cases["county_bureau_status_narrative"]
    report = api.check(case.path)
    assert report.as_of == case.as_of
    assert "标题行" in report.as_of_source
    assert report.unit and "自然资源局" in report.unit


def test_status_followed_by_narrative_is_status_then_progress(cases: dict[str, CountyCase]) -> None:
    ledger = read_ledger(cases["county_bureau_status_narrative"].path)
    narrated = [m for m in ledger.measures() if m.status_text.startswith("已完成。")]
    assert narrated, "the fixture has status cells with a narrative"
    for m in narrated:
        assert str(m.status) == "已完成"
        assert m.progress and not m.progress.startswith("已完成。")


def test_a_column_mapping_reads_a_header_nobody_listed(tmp_path: Path) -> None:
    """--column 原列名=标准列名: a header word rectxl does not know is read as the column named."""
    case = BUILDERS["unusual_headers"](tmp_path)
    plain = api.check(case.path, Options(as_of=case.as_of))
    assert any(f.code == "column-not-understood" for f in plain.findings)
    mapped = api.check(case.path, Options(as_of=case.as_of, column_map=("督导组意见=备注",)))
    assert not any(f.code == "column-not-understood" for f in mapped.findings)


def test_column_option_on_the_command_line(tmp_path: Path) -> None:
    """`rectxl check --column 原列名=标准列名`, and a clear usage error (exit 2) for a wrong name."""
    import subprocess
    import sys

    case = BUILDERS["unusual_headers"](tmp_path)

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "rectxl", "check", str(case.path), "--as-of",
                               case.as_of.isoformat(), "--format", "json", *extra],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    codes = [f["code"] for f in __import__("json").loads(run("--column", "督导组意见=备注").stdout)["findings"]]
    assert "column-not-understood" not in codes and "overdue" in codes
    wrong = run("--column", "督导组意见=不存在的列")
    assert wrong.returncode == 2 and "不是 rectxl 的列名" in wrong.stderr and "Traceback" not in wrong.stderr
    # a header word the ledger does not have: said, not silently ignored
    typo = __import__("json").loads(run("--column", "督导组意件=备注").stdout)["findings"]
    assert [f["value"] for f in typo if f["code"] == "column-map-unused"] == ["督导组意件"]


def test_a_city_department_header_nobody_listed(tmp_path: Path) -> None:
    """Header words of yet another office: 问题清单 | 整改任务 | 牵头领导 | 责任部门 | 配合部门 | 经办人 |
    整改时限 | 整改状态 | 完成情况说明 | 佐证 — every column understood, the 说明 column read as progress."""
    from openpyxl import Workbook

    from rectxl.core import fields as F

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "问题清单", "整改任务", "牵头领导", "责任部门", "配合部门", "经办人", "整改时限", "整改状态",
               "完成情况说明", "佐证"])
    ws.append([1, "政务公开不及时", "建立政务公开审核发布制度", "周副局长", "办公室", "信息中心", "李敏",
               "2026年9月30日", "已完成", "已印发制度并执行", "制度文件"])
    ws.append([2, "专项资金拨付滞后", "对滞后项目逐一督办", "吴副局长", "计划财务科", None, "赵磊",
               "2026年10月底前", "推进中", "已督办4个项目", None])
    path = tmp_path / "市某局台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert set(ledger.columns) >= {F.ISSUE, F.MEASURE, F.LEAD, F.OWNER_UNIT, F.CO_OWNER, F.OWNER_PERSON,
                                   F.DEADLINE, F.STATUS, F.PROGRESS, F.EVIDENCE}
    (first, second) = ledger.measures()
    assert first.progress == "已印发制度并执行" and str(second.status) == "正在推进"
    report = api.check(path, Options(as_of=__import__("datetime").date(2026, 11, 20)))
    assert {(f.code, f.row) for f in report.findings} == {("overdue", 3)}


def test_a_township_list_saved_by_libreoffice(tmp_path: Path) -> None:
    """整改办法 | 承办股室 | 办结时限 | 进度 with "状态\\n说明" cells, saved by LibreOffice: the measures are
    found and an overdue message quotes the status, not the whole narrative cell."""
    from openpyxl import Workbook

    from tests.workbook_compare import soffice, soffice_convert

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "白沙镇党委巡察反馈问题整改清单"
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["编号", "反馈的问题", "整改办法", "分管领导", "承办股室", "承办人", "办结时限", "进度"])
    ws.append([1, "村级财务监管不严", "开展村级财务专项审计", "黄副镇长", "财政所", "刘洋", "2026年9月底",
               "已办结\n完成审计12个村"])
    ws.append([None, None, "建立村级资金支付审批制度", "黄副镇长", "财政所", "刘洋", "2026年10月底前",
               "正在推进\n制度已起草"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    wb.save(tmp_path / "清单.xlsx")
    saved = soffice_convert(tmp_path / "清单.xlsx", "xlsx", tmp_path / "lo")
    report = api.check(saved, Options(as_of=__import__("datetime").date(2026, 11, 20)))
    assert (report.measures, report.issues, report.counts.done) == (2, 1, 1)
    (finding,) = report.findings
    assert (finding.code, finding.cell) == ("overdue", "G5")
    assert "“正在推进”" in finding.message and "制度已起草" not in finding.message


@pytest.mark.parametrize(("name", "aspects"), [
    ("printed_form", ["落实全面从严治党主体责任方面", "严格执行财经纪律方面"]),
    ("sheet_per_aspect", ["贯彻落实上级决策部署不到位方面", "全面从严治党“两个责任”落实不到位方面"]),
    # the 填表人 and 注： lines under the table are no aspect of their own
    ("township_wps", [None]),
])
def test_aspects_as_the_clerk_laid_them_out(cases: dict[str, CountyCase], name: str,
                                             aspects: list[str | None]) -> None:
    """An aspect numbered 一 in the 序号 column beside its title (not merged), an aspect per sheet
    titled above its header; a totals row or a signature line never opens one."""
    ledger = read_ledger(cases[name].path)
    assert [a.title for a in ledger.aspects] == aspects
    assert not any("合计" in m.text or "填表人" in m.text for m in ledger.measures())


def test_the_column_of_accounts_is_the_progress(cases: dict[str, CountyCase]) -> None:
    """是否整改到位 | 整改完成情况: the status is the 是/否, the accounts reach the notice as progress."""
    ledger = read_ledger(cases["two_status_columns"].path)
    first = next(ledger.measures())
    assert str(first.status) == "已完成" and first.progress == "已追回3.2万元，全部上缴县财政。"
    assert not ledger.duplicate_columns


def test_a_status_word_opening_the_progress_is_the_status(cases: dict[str, CountyCase]) -> None:
    ledger = read_ledger(cases["progress_only"].path)
    assert [m.status and str(m.status) for m in ledger.measures()] == ["已完成", "正在推进", "正在推进", "已完成"]


def test_sheets_sharing_a_few_generic_measures_are_no_copies(tmp_path: Path) -> None:
    """Two aspects' sheets both ending with "建立长效机制" and "加强督促检查" are one ledger over two
    sheets, not a month's copy of the other: both are read."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "台账（一）"
    second = wb.create_sheet("台账（二）")
    for ws, issue, own in ((first, "学习制度落实不到位", "修订学习制度"), (second, "财务审核不严", "开展票据自查")):
        ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
        for measure in (own, "建立长效机制", "加强督促检查"):
            ws.append([1, issue, measure, "办公室", "2027年6月30日", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["台账（一）", "台账（二）"] and not ledger.set_aside
    assert sum(1 for _ in ledger.measures()) == 6


@pytest.mark.parametrize("foot", [
    ["", "", "单位主要负责人（签字）：", "", "填表日期：2026年11月18日", ""],  # labels under the columns
    ["填表人：王丽", "", "审核人：赵强", "", "", ""],
    ["", "", "注：本表一式两份，报县委巡察办一份。", "", "", ""],
    ["", "", "说明：整改状态按已完成、正在推进、未启动填写。", "", "", ""],
])
def test_signature_and_note_lines_under_the_form_are_no_measures(tmp_path: Path, foot: list[str]) -> None:
    """The foot of a township's printed form — signature labels, a 填表日期, a note — written into the
    table's own columns, after a blank row or two: no measure, so no false 逾期 or 缺责任单位."""
    from datetime import date

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "村务公开不及时", "每季度公开村务", "党政办", "2027年6月30日", "正在推进"])
    ws.append([2, "三资台账不全", "清查集体资产", "经管站", "2026年9月30日", "已完成"])
    ws.append([])
    ws.append([])
    ws.append(foot)
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    assert sum(1 for _ in read_ledger(path).measures()) == 2
    assert [f.code for f in report.findings if f.severity.value != "info"] == []


def test_a_measure_opening_with_a_label_word_is_still_a_measure(tmp_path: Path) -> None:
    """"说明：…" in the measure column of a row that has its owner, deadline and status is a measure."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "政策宣传不到位", "说明：印发政策明白卡5000份", "民政办", "2027年6月30日", "正在推进"])
    ws.append([2, "制度执行不严", "制定制度执行清单", "党政办", "2027年6月30日", "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    assert sum(1 for _ in read_ledger(path).measures()) == 2


def _one_sheet_ledger(path: Path, header: list[str], rows: list[list[object]], title: str | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_numbering_progress_and_combined_owner_columns(tmp_path: Path) -> None:
    """Columns offices add: a 措施序号 beside the measures (a number, not the text), progress kept
    month by month (the latest, right-most, is read), one column for 责任单位及责任人, and a
    调整后整改时限 (an extension: the deadline in force)."""
    from datetime import date

    from rectxl.core.timing import effective_due

    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx",
        ["序号", "问题", "措施序号", "整改措施", "责任单位及责任人", "整改时限", "调整后整改时限", "整改状态",
         "10月进展", "11月进展"],
        [[1, "优抚资金审核不严", "1-1", "全面核查优抚对象资格", "优抚股 张敏", "2026年9月30日", None, "已完成",
          "拟于11月开展核查", "已核查1860人"],
         [1, "优抚资金审核不严", "1-2", "追回违规发放资金", "优抚股 张敏", "2026年9月30日", "2027年3月31日",
          "正在推进", "正在摸底", "已追回65%"]])
    ledger = read_ledger(path)
    measures = list(ledger.measures())
    assert [m.text for m in measures] == ["全面核查优抚对象资格", "追回违规发放资金"]
    assert [m.progress for m in measures] == ["已核查1860人", "已追回65%"]
    assert measures[0].owner_unit == "优抚股 张敏"
    assert effective_due(measures[1]) == date(2027, 3, 31)
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    got = {f.code for f in report.findings}
    assert not got & {"duplicate-header", "header-missing", "overdue", "status-text-mismatch"}, got


def test_two_numbering_columns_are_read(tmp_path: Path) -> None:
    """序号 per issue and a second 序号 numbering the measures: read, not a crash."""
    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx", ["序号", "问题", "序号", "整改措施", "责任单位", "整改时限", "整改状态"],
        [[1, "档案管理不规范", 1, "修订档案管理办法", "办公室", "2027年6月30日", "正在推进"],
         [None, None, 2, "开展档案清查", "办公室", "2027年6月30日", "正在推进"]])
    report = api.check(path)
    assert sum(1 for _ in read_ledger(path).measures()) == 2
    assert not any(f.code == "duplicate-header" for f in report.findings)


@pytest.mark.parametrize(("names", "titles", "statuses", "read"), [
    # the same measures on two sheets: the one dated later in its title row is read
    (("台账", "台账 (2)"), ("填报日期：2026年11月15日", "填报日期：2026年8月31日"), ("已完成", "正在推进"), "台账"),
    # no dates: a name marking the old copy
    (("台账", "原台账"), (None, None), ("正在推进", "正在推进"), "台账"),
    (("台账（备份）", "台账"), (None, None), ("正在推进", "正在推进"), "台账"),
    # nothing else to go by: the copy further along (work only moves forward)
    (("台账", "Sheet1"), (None, None), ("已完成", "正在推进"), "台账"),
])
def test_the_newer_of_two_copies_is_read(tmp_path: Path, names: tuple[str, str], titles: tuple[str | None, ...],
                                         statuses: tuple[str, str], read: str) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    for k, (name, title, status) in enumerate(zip(names, titles, statuses, strict=True)):
        ws = wb.active if k == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        if title:
            ws.append([f"县城管局巡察整改台账　　{title}"])
        ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
        for n, measure in enumerate(("规范占道经营审批", "清理违规广告牌", "建立巡查台账"), 1):
            ws.append([n, f"问题{n}", measure, "市容科", "2026年10月31日", status])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [s.name for s in ledger.sheets] == [read]
    assert [kept for _, kept in ledger.set_aside] == [read]


def test_placeholders_are_no_content(tmp_path: Path) -> None:
    """"无", "/", "——", "待补充" typed to fill a cell say nothing: a finished measure with them has no
    evidence, a handler of "/" is missing, a completion date of "/" is missing (not a bad date)."""
    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "完成时间",
                                 "佐证材料"],
        [[1, "科技项目验收不严", "修订验收办法", "科技股", "王强", "2026年6月30日", "已完成", "2026年6月1日", "无"],
         [2, "经费报销不规范", "开展报销自查", "财务股", "/", "2026年6月30日", "已完成", "/", "待补充"],
         [3, "档案归档滞后", "集中整理档案", "办公室", "李芳", "2026年6月30日", "已完成", "2026年6月2日", "档案目录"]])
    report = api.check(path)
    got = {(f.code, f.cell) for f in report.findings}
    assert got == {("missing-evidence", "I2"), ("missing-evidence", "I3"), ("missing-owner-person", "E3"),
                   ("missing-completion-date", "H3")}


@pytest.mark.parametrize(("title", "as_of", "feedback"), [
    ("县统计局巡察整改台账　　统计时间：2026年11月30日", "2026-11-30", None),
    ("县统计局巡察整改台账　　更新时间：2026.11.30", "2026-11-30", None),
    ("县委第三巡察组2026年5月20日反馈　　填报日期：2026年11月15日", "2026-11-15", "2026-05-20"),
    ("县税务局党委落实县委第三巡察组2026年5月20日反馈意见整改台账", None, "2026-05-20"),
])
def test_dates_in_the_title_rows(tmp_path: Path, title: str, as_of: str | None, feedback: str | None) -> None:
    """The as-of date under other names (统计时间, 更新时间) and the feedback date written before the word
    反馈 (so "9月底前" has its year)."""
    from datetime import date

    path = _one_sheet_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                             [[1, "纳税服务不优", "推行非接触式办税", "纳税服务股", "9月底前", "已完成"]], title=title)
    info = read_ledger(path).info
    assert info.report_date == (date.fromisoformat(as_of) if as_of else None)
    assert info.feedback_date == (date.fromisoformat(feedback) if feedback else None)
    report = api.check(path)
    assert not any(f.code == "bad-deadline" for f in report.findings) or feedback is None


def test_issues_on_rows_of_their_own_without_an_issue_column(tmp_path: Path) -> None:
    """A township's form with no 问题 column: "一、…方面" and "问题1：…" each merged across a row of
    their own, the measures below — two aspects, three issues, five measures, no 缺少“具体问题”列."""
    rows: list[list[object]] = [
        ["一、落实上级决策部署方面"],
        ["问题1：产业项目推进缓慢。"],
        [1, "倒排项目工期", "经发办", "2026年7月31日", "已完成"],
        [2, "协调项目用地", "自然资源所", "2026年12月31日", "正在推进"],
        ["问题2：监测帮扶不精准。"],
        [1, "开展防返贫大排查", "乡村振兴办", "2026年6月30日", "已完成"],
        ["二、全面从严治党方面"],
        ["问题3：村级财务管理不规范。"],
        [1, "清查村级账目", "经管站", "2026年9月30日", "已完成"],
        [2, "培训村级报账员", "经管站", "2026年8月31日", "已完成"],
    ]
    path = _with_rows_merged_across(tmp_path / "台账.xlsx", ["序号", "整改措施", "责任单位", "完成时限", "完成情况"],
                                    rows)
    ledger = read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["落实上级决策部署方面", "全面从严治党方面"]
    issues = list(ledger.issues())
    assert [(i.number, i.title, len(i.measures)) for i in issues] == [
        (1, "产业项目推进缓慢。", 2), (2, "监测帮扶不精准。", 1), (3, "村级财务管理不规范。", 2)]
    assert issues[2].cells[F.ISSUE] == "A9"
    report = api.check(path)
    assert not any(f.code in ("header-missing", "measure-without-issue") for f in report.findings)


def test_a_companys_task_list_reads_the_steps_as_measures(tmp_path: Path) -> None:
    """A state-owned company's 整改任务清单: 整改任务 | 整改举措 | … | 整改成效. The 举措 are the
    measures, each row's 任务 its goal, and 整改成效 the progress the notice reports."""
    path = _one_sheet_ledger(
        tmp_path / "清单.xlsx",
        ["编号", "巡察反馈问题", "整改任务", "整改举措", "牵头部门", "计划完成时间", "是否完成", "整改成效"],
        [["1", "决策制度执行不严格", "完善决策制度", "修订决策制度实施办法", "党委办公室", "2026年8月31日", "是",
          "已印发实施"],
         ["1", None, "开展决策事项回头看", "逐项复核重大决策事项", "党委办公室", "2027年3月31日", "否", "复核进行中"]])
    measures = list(read_ledger(path).measures())
    assert [m.text for m in measures] == ["修订决策制度实施办法", "逐项复核重大决策事项"]
    assert [m.extra.get(F.GOAL) for m in measures] == ["完善决策制度", "开展决策事项回头看"]
    assert [m.progress for m in measures] == ["已印发实施", "复核进行中"]
    from rectxl.core.notice import render_notice

    text = render_notice(read_ledger(path))
    assert "逐项复核重大决策事项，复核正在进行" in text
    assert not any(f.code == "duplicate-header" for f in api.check(path).findings)


def test_a_rectify_kind_column_gives_the_deadline_not_a_grouping(tmp_path: Path) -> None:
    """整改类型 (立行立改 / 限期整改 / 长期坚持) says how each measure is to be done: a 立行立改 row
    with no date is due at once (so overdue while unfinished), a 长期坚持 row has no due date, and
    the issues are not split into three false aspects."""
    from datetime import date

    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx",
        ["序号", "存在问题", "整改措施", "整改类别", "责任单位", "整改时限", "整改状态"],
        [[1, "机关食堂超标准接待", "清退超标准费用", "立行立改", "办公室", None, "已完成"],
         [1, "机关食堂超标准接待", "修订公务接待办法", "限期整改", "办公室", "2026年9月30日", "已完成"],
         [1, "机关食堂超标准接待", "定期公示接待情况", "长期坚持", "办公室", None, "长期坚持"],
         [2, "公车管理不规范", "收回违规使用车辆", "立行立改", "办公室", None, "正在推进"],
         [2, "公车管理不规范", "安装车辆定位系统", "限期整改", "办公室", "2026年12月31日", "正在推进"]])
    ledger = read_ledger(path)
    assert [i.title for i in ledger.issues()] == ["机关食堂超标准接待", "公车管理不规范"]
    assert not any(a.title for a in ledger.aspects)
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    got = {(f.code, f.row) for f in report.findings if f.severity.value != "info"}
    assert got == {("overdue", 5)}, got


def test_a_source_column_and_other_offices_header_words(tmp_path: Path) -> None:
    """问题来源 is a note on the issue, not its text; 巡察反馈意见 is the problem, 整改内容 the measure,
    应完成时间 the deadline (not the completion date), 进展状态 the status, 分管负责人 the lead,
    备查资料 the evidence."""
    from datetime import date

    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx",
        ["序号", "问题来源", "巡察反馈意见", "整改内容", "主责部门", "分管负责人", "具体负责人", "应完成时间",
         "进展状态", "工作进展", "备查资料"],
        [[1, "市委第三巡察组反馈", "医德医风教育不经常", "制定医德医风教育计划", "党办", "王院长", "刘芳",
          "2026年6月30日", "已完成", "计划已印发", "教育计划"],
         [2, "市委第三巡察组反馈", "药品采购监管不严", "开展药品采购专项检查", "药剂科", "李院长", "陈刚",
          "2026年9月30日", "正在推进", "已检查60%", None]])
    ledger = read_ledger(path)
    assert [i.title for i in ledger.issues()] == ["医德医风教育不经常", "药品采购监管不严"]
    m1, m2 = ledger.measures()
    assert (m1.lead, m1.owner_person, m1.evidence, m1.status_text) == ("王院长", "刘芳", "教育计划", "已完成")
    assert m2.extra.get(F.ISSUE_SOURCE) == "市委第三巡察组反馈"
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    got = {(f.code, f.row) for f in report.findings if f.severity.value != "info"}
    assert got == {("overdue", 3)}, got


def test_a_completion_date_written_in_the_status_cell(tmp_path: Path) -> None:
    """"已完成（2026年5月20日）", "完成 2026.4.30": done, on that date — late when after the deadline —
    and the date is no progress for the notice."""
    from datetime import date

    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx", ["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [[1, "师德师风建设不到位", "签订师德承诺书", "人事科", "2026年6月30日", "已完成（2026年5月20日）"],
         [2, "校园安全隐患排查不细", "更换老化消防器材", "后勤处", "2026年3月31日", "完成 2026.4.30"]])
    m1, m2 = read_ledger(path).measures()
    assert (m1.completed_on, m1.progress) == (date(2026, 5, 20), "")
    assert m2.completed_on == date(2026, 4, 30)
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    assert {(f.code, f.row) for f in report.findings} == {("completed-late", 3)}


def test_an_aspect_written_above_the_issue_in_its_cell(tmp_path: Path) -> None:
    """"一、贯彻落实…有差距\\n1.服务全省重大战略不够有力": the aspect, then the issue."""
    path = _one_sheet_ledger(
        tmp_path / "台账.xlsx", ["序号", "巡视反馈问题", "整改任务", "整改责任单位", "整改时限", "整改状态"],
        [[1, "一、贯彻落实决策部署有差距\n1.服务重大战略不够有力", "制定主业投资行动方案", "战略发展部",
          "2027年6月30日", "正在推进"],
         [2, "一、贯彻落实决策部署有差距\n2.防范化解风险不到位", "开展债务风险专项排查", "财务部",
          "2027年6月30日", "正在推进"],
         [3, "二、全面从严治党有差距\n3.对子公司监督偏软", "开展招投标项目核查", "审计部",
          "2027年6月30日", "正在推进"]])
    ledger = read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["贯彻落实决策部署有差距", "全面从严治党有差距"]
    assert [(i.number, i.title) for i in ledger.issues()] == [
        (1, "服务重大战略不够有力"), (2, "防范化解风险不到位"), (3, "对子公司监督偏软")]
    assert not any(f.code == "issue-number-gap" for f in api.check(path).findings)


def test_the_inspection_group_named_in_the_title(tmp_path: Path) -> None:
    """"…落实省委第五巡视组反馈意见整改台账": the group (a 巡视, so the notice says 巡视)."""
    path = _one_sheet_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                             [[1, "主业投资占比偏低", "制定主业投资方案", "战略部", "2027年6月30日", "正在推进"]],
                             title="X集团党委落实省委第五巡视组反馈意见整改台账")
    assert read_ledger(path).info.inspection_group == "省委第五巡视组"


def test_an_issue_row_right_under_the_header_is_no_second_header_row(tmp_path: Path) -> None:
    """"问题1：食品安全监管存在盲区" merged across the row under the header, the measures below
    numbered 1, 2, 3 in 序号: three issues, not one per measure number (the first issue row had
    been read as a second header row naming the 序号 column 具体问题)."""
    rows: list[list[object]] = [
        ["问题1：食品安全监管存在盲区"], [1, "开展校园周边专项检查", "食品股", "2026年9月30日", "已完成"],
        [2, "建立集体聚餐备案制度", "食品股", "2026年10月31日", "已完成"],
        ["问题2：特种设备监管不到位"], [1, "开展电梯隐患排查", "特设股", "2026年7月31日", "已完成"],
    ]
    path = _with_rows_merged_across(tmp_path / "台账.xlsx", ["序号", "整改措施", "责任单位", "完成时限", "整改状态"],
                                    rows)
    ledger = read_ledger(path)
    assert [(i.number, i.title, len(i.measures)) for i in ledger.issues()] == [
        (1, "食品安全监管存在盲区", 2), (2, "特种设备监管不到位", 1)]


@pytest.mark.parametrize(("title", "info", "party_org"), [
    ("县财政局党组巡察整改台账", None, "县财政局党组"),  # named in the title
    ("青山乡党委落实县委第二巡察组反馈意见整改台账", None, "青山乡党委"),
    (None, {"单位名称": "县城市建设投资集团有限公司党委"}, "县城市建设投资集团有限公司党委"),
    (None, {"单位名称": "县财政局"}, None),  # a unit, not its Party organisation: asked, not guessed
])
def test_the_party_organisation_that_signs(tmp_path: Path, title: str | None, info: dict[str, str] | None,
                                          party_org: str | None) -> None:
    from openpyxl import load_workbook

    path = _one_sheet_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"],
                             [[1, "预算执行缓慢", "清理滞留资金", "预算股", "2027年6月30日", "正在推进"]], title=title)
    if info:
        wb = load_workbook(path)
        sheet = wb.create_sheet("基本信息")
        for key, value in info.items():
            sheet.append([key, value])
        wb.save(path)
    assert read_ledger(path).info.party_org == party_org


def _with_rows_merged_across(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    """A ledger sheet whose one-cell rows (an aspect, an issue) are merged across the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header)
    for row in rows:
        ws.append(row)
        if len(row) == 1:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
    wb.save(path)
    return path


def test_true_and_false_in_a_yes_no_status_column(tmp_path: Path) -> None:
    """A 是否完成 column of Excel TRUE/FALSE: TRUE is done, FALSE not (both had been bad-status), and
    a message quotes the cell as Excel shows it."""
    from datetime import date

    path = _one_sheet_ledger(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "整改时限", "是否完成"],
                             [[1, "会议记录不规范", "统一印制记录本", "办公室", "2026年6月30日", True],
                              [2, "公车管理不严", "安装定位系统", "办公室", "2026年6月30日", False]])
    report = api.check(path, Options(as_of=date(2026, 11, 20)))
    assert [(f.code, f.row) for f in report.findings] == [("overdue", 3)]
    assert "状态仍为“FALSE”" in report.findings[0].message
