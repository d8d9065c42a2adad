"""Ledger layouts round twenty-one: a 序号 column numbering each measure under its issue (1.1 | 1.2 |
2.1, "1-1", "（一）1"), header words not met before, the day done inside a 完成时间及佐证材料 cell, a
Word ledger's first category heading above its header, a Word 97-2003 .doc ledger in a batch.
Every workbook and document is built here; units, people and texts are fictional."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.cli import main
from tests.followup_ledgers import soffice_convert
from tests.layouts_round21 import bureau_workbook
from tests.test_layout_round15 import _book as round15_book

Rows = Sequence[Sequence[Any]]
AS_OF = "2026-09-30"
HEADER = ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"]


def _book(path: Path, rows: Rows, merges: Sequence[str] = ()) -> Path:
    return round15_book(path, {"台账": (rows, list(merges))}, unit="某某县住房和城乡建设局")


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]  # type: ignore[no-any-return]


def _loud(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((f["code"], f["cell"]) for f in findings if f["severity"] != "info")


def _issues(path: Path) -> list[tuple[int | None, int | None, str, list[str]]]:
    """(category number, issue number, issue, its measures) of each issue, in order."""
    return [(c.number, i.number, i.title, [m.text for m in i.measures])
            for a in api.read_ledger(path).aspects for c in a.categories for i in c.issues]


# -- 序号 numbering each measure under its issue --------------------------------------------------

def _outline_rows(first: Any, second: Any, third: Any, again: str | None) -> Rows:
    return [HEADER,
            [first, "在建项目转包违法分包监管不严", "开展在建项目转包违法分包专项检查", "建管股", "2026年6月30日",
             "已完成"],
            [second, again, "建立建筑市场信用评价台账", "建管股", "2026年6月30日", "已完成"],
            [third, "物业专项维修资金使用不规范", "修订维修资金使用管理办法", "房管股", "2026年6月30日", "已完成"]]


@pytest.mark.parametrize("marks", [("1.1", "1.2", "2.1"), ("1-1", "1-2", "2-1"), ("（一）1", "（一）2", "（二）1"),
                                   (1.1, 1.2, 2.1), ("1．1", "1．2", "2．1")])
@pytest.mark.parametrize("layout", ["merged", "written again", "blank below"])
def test_serial_numbers_the_measures_under_their_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       marks: tuple[Any, Any, Any], layout: str) -> None:
    again = "在建项目转包违法分包监管不严" if layout == "written again" else None
    path = _book(tmp_path / "住建局.xlsx", _outline_rows(*marks, again), ["B2:B3"] if layout == "merged" else [])
    assert _loud(_check(path, capsys)) == []
    assert [(n, t, ms) for _, n, t, ms in _issues(path)] == [
        (1, "在建项目转包违法分包监管不严", ["开展在建项目转包违法分包专项检查", "建立建筑市场信用评价台账"]),
        (2, "物业专项维修资金使用不规范", ["修订维修资金使用管理办法"])]


def test_an_issue_number_written_again_on_each_measure_row(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = _book(tmp_path / "住建局.xlsx", _outline_rows(1, 1, 2, None))
    assert _loud(_check(path, capsys)) == []
    assert [(n, len(ms)) for _, n, _, ms in _issues(path)] == [(1, 2), (2, 1)]


@pytest.mark.parametrize("marks", [("1.1", "1.2", "2.1"), ("（一）1", "（一）2", "（二）1"), ("一-1", "一-2", "二-1")])
def test_serial_numbering_issues_under_their_group(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   marks: tuple[str, str, str]) -> None:
    """Each row another issue: the first number is the group's, the second the issue's within it."""
    path = _book(tmp_path / "住建局.xlsx", _outline_rows(*marks, "建筑市场信用体系建设滞后"))
    assert _loud(_check(path, capsys)) == []
    assert [(c, n, t) for c, n, t, _ in _issues(path)] == [
        (1, 1, "在建项目转包违法分包监管不严"), (1, 2, "建筑市场信用体系建设滞后"),
        (2, 1, "物业专项维修资金使用不规范")]


def test_a_gap_in_outline_numbers_is_still_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _book(tmp_path / "住建局.xlsx", _outline_rows("1.1", "1.2", "3.1", None), ["B2:B3"])
    assert _loud(_check(path, capsys)) == [("issue-number-gap", "A4")]


# -- header words not met before: read by their meaningful parts -----------------------------------

def _measures(path: Path) -> list[tuple[str, str, str, str, str | None]]:
    return [(m.text, m.lead, m.owner_unit, m.deadline.text, m.status.value if m.status else None)
            for m in api.read_ledger(path).measures()]


@pytest.mark.parametrize(("issue", "measure", "lead", "unit", "deadline", "status"), [
    ("问题清单", "具体做法", "分管县领导", "责任股（室）", "整改周期", "完成情况"),
    ("问题描述", "整改做法", "包保领导", "责任股(室)", "完成周期", "整改状态"),
    ("反馈问题", "整改方法", "分管副职", "责任股室", "承诺完成时间", "整改落实情况（已完成/正在整改/未完成）"),
    ("存在问题", "整改思路", "联系县领导", "承办股室", "整改时间段", "备注（整改状态）"),
    ("问题表现", "主要做法", "包联领导", "牵头股（室）", "完成时段", "完成情况（已完成、推进中）"),
])
def test_header_words_other_offices_use(tmp_path: Path, capsys: pytest.CaptureFixture[str], issue: str,
                                        measure: str, lead: str, unit: str, deadline: str, status: str) -> None:
    rows: Rows = [["序号", issue, measure, lead, unit, deadline, status],
                  [1, "城市建成区违法建设查处不力", "开展违法建设专项整治", "王某", "城管执法股", "2026年6月30日",
                   "已完成"],
                  [2, "老旧小区改造进度滞后", "倒排老旧小区改造工期", "赵某", "城建股", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "住建局.xlsx", rows)
    assert _loud(_check(path, capsys)) == []
    assert _measures(path) == [
        ("开展违法建设专项整治", "王某", "城管执法股", "2026年6月30日", "已完成"),
        ("倒排老旧小区改造工期", "赵某", "城建股", "2026年12月31日", "正在推进")]


def test_the_results_of_the_work_are_its_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows: Rows = [[*HEADER, "整改成果"],
                  [1, "老旧小区改造进度滞后", "倒排老旧小区改造工期", "城建股", "2026年12月31日", "正在推进",
                   "已完成改造小区12个"]]
    path = _book(tmp_path / "住建局.xlsx", rows)
    assert _loud(_check(path, capsys)) == []
    assert [m.progress for m in api.read_ledger(path).measures()] == ["已完成改造小区12个"]


# -- the day done written inside a 完成时间及佐证材料 cell -------------------------------------------

@pytest.mark.parametrize(("cell", "evidence"), [
    ("已于2026年3月15日完成，佐证：会议纪要", "会议纪要"),
    ("整改已于2026年3月15日完成。佐证材料：会议纪要、签到表", "会议纪要、签到表"),
    ("于2026年3月15日完成整改，佐证材料为会议纪要", "会议纪要"),
    ("已完成（2026.3.15），佐证：会议纪要", "会议纪要"),
    ("2026年3月15日已完成；佐证材料：会议纪要", "会议纪要"),
])
def test_the_day_done_inside_a_sentence_of_its_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        cell: str, evidence: str) -> None:
    rows: Rows = [[*HEADER, "完成时间及佐证材料"],
                  [1, "城市建成区违法建设查处不力", "开展违法建设专项整治", "城管执法股", "2026年3月31日", "已完成",
                   cell],
                  [2, "老旧小区改造进度滞后", "倒排老旧小区改造工期", "城建股", "2026年3月10日", "已完成", cell]]
    path = _book(tmp_path / "住建局.xlsx", rows)
    findings = _check(path, capsys)
    assert _loud(findings) == []
    assert [f["cell"] for f in findings if f["code"] == "completed-late"] == ["G3"]
    assert "2026年3月15日" in next(f["message"] for f in findings if f["code"] == "completed-late")
    assert [(m.completed_on, m.evidence) for m in api.read_ledger(path).measures()] == [
        (date(2026, 3, 15), evidence)] * 2


# -- a Word ledger: the first table's own category heading above its header row -------------------

WORD_HEAD = ["序号", "巡察反馈问题", "整改措施", "责任股室", "责任人", "完成时限", "整改进度"]
WORD_PARTS = [
    ("（一）落实意识形态工作责任制方面", [
        ["1", "意识形态阵地管理存在薄弱环节", "建立局属网站和公众号信息审核制度", "办公室", "孙某", "2026年6月30日",
         "已完成"],
        ["2", "理论学习中心组学习流于形式", "制定年度学习计划并开展专题研讨", "办公室", "孙某", "2026年12月31日",
         "正在推进"]]),
    ("（二）执行中央八项规定精神方面", [
        ["3", "公务接待管理不规范", "修订公务接待管理办法", "财务股", "钱某", "2026年6月30日", "已完成"]]),
]


def _word_ledger(path: Path, *, header_each: bool, aspect: str | None) -> Path:
    import docx  # python-docx, as an office's Word file

    d = docx.Document()
    d.add_paragraph("某某区商务局落实区委第二巡察组反馈意见整改台账")
    d.add_paragraph("填报单位：某某区商务局（盖章）    填报时间：2026年9月20日")
    if aspect is not None:
        d.add_paragraph(aspect)
    for k, (heading, rows) in enumerate(WORD_PARTS):
        d.add_paragraph(heading)
        with_header = header_each or k == 0
        t = d.add_table(rows=1 if with_header else 0, cols=len(WORD_HEAD))
        if with_header:
            for cell, text in zip(t.rows[0].cells, WORD_HEAD, strict=True):
                cell.text = text
        for row in rows:
            for cell, text in zip(t.add_row().cells, row, strict=True):
                cell.text = text
    d.save(str(path))
    return path


@pytest.mark.parametrize("header_each", [True, False])
@pytest.mark.parametrize("aspect", [None, "一、政治建设方面"])
def test_a_word_tables_own_category_heading_above_its_header(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            header_each: bool, aspect: str | None) -> None:
    path = _word_ledger(tmp_path / "商务局台账.docx", header_each=header_each, aspect=aspect)
    assert _loud(_check(path, capsys)) == []
    ledger = api.read_ledger(path)
    headings = [(a.title, c.title, [i.title for i in c.issues]) for a in ledger.aspects for c in a.categories]
    under = "政治建设方面" if aspect else None
    if aspect is None:  # headings of their own, each a 方面: the aspects (as a notice groups them)
        headings = [(c, a, i) for a, c, i in headings]
    assert headings == [
        (under, "落实意识形态工作责任制方面", ["意识形态阵地管理存在薄弱环节", "理论学习中心组学习流于形式"]),
        (under, "执行中央八项规定精神方面", ["公务接待管理不规范"])]


# -- a Word 97-2003 .doc ledger --------------------------------------------------------------------

@pytest.fixture(scope="module")
def word97(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .doc: the Word ledger (a table per category, each under its heading) saved as Word 97
    by LibreOffice (by way of .odt: LibreOffice's own .docx-to-.doc filter drops the second table)."""
    folder = tmp_path_factory.mktemp("word97")
    source = _word_ledger(folder / "商务局整改台账.docx", header_each=False, aspect=None)
    doc = soffice_convert(soffice_convert(source, folder / "odt", "odt"), folder / "doc", "doc")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a binary Word 97-2003 file, not a .docx renamed
    return doc


def _folder_with(word97: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "收件"
    (folder / "商务局").mkdir(parents=True)
    (folder / "商务局" / word97.name).write_bytes(word97.read_bytes())
    rows: Rows = [HEADER, [1, "老旧小区改造进度滞后", "倒排老旧小区改造工期", "城建股", "2026年12月31日", "正在推进"]]
    (folder / "住建局").mkdir()
    _book(folder / "住建局" / "住建局整改台账.xlsx", rows)
    return folder


def _batch(folder: Path, tmp_path: Path) -> None:
    main(["batch", str(folder), "--as-of", AS_OF, "-o", str(tmp_path / "汇总.xlsx"), "--json",
          str(tmp_path / "汇总.json")])


def test_a_word_97_ledger_is_checked(word97: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / word97.name
    path.write_bytes(word97.read_bytes())
    assert _loud(_check(path, capsys)) == []
    ledger = api.read_ledger(path)
    assert [(a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        ("落实意识形态工作责任制方面", ["意识形态阵地管理存在薄弱环节", "理论学习中心组学习流于形式"]),
        ("执行中央八项规定精神方面", ["公务接待管理不规范"])]
    assert [m.status.value if m.status else None for m in ledger.measures()] == ["已完成", "正在推进", "已完成"]
    assert list(tmp_path.iterdir()) == [path]  # the conversion left nothing beside it


def test_batch_counts_a_word_97_ledger(word97: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder_with(word97, tmp_path)
    _batch(folder, tmp_path)
    capsys.readouterr()
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    counted = {entry["file"]: entry for entry in data["ledgers"]}
    assert set(counted) == {"商务局/商务局整改台账.doc", "住建局/住建局整改台账.xlsx"}
    assert counted["商务局/商务局整改台账.doc"]["issues"] == 3


def test_without_libreoffice_the_clerk_is_told_to_save_it_as_docx(word97: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_with(word97, tmp_path)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no soffice to be found
    assert main(["check", str(folder / "商务局" / word97.name)]) == 2
    said = capsys.readouterr().err
    assert "Word 97-2003 文档（.doc）" in said and "另存为”Word 文档（.docx）后再检查" in said
    _batch(folder, tmp_path)
    capsys.readouterr()
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert [entry["file"] for entry in data["ledgers"]] == ["住建局/住建局整改台账.xlsx"]
    told = {entry["file"]: entry["reason"] for entry in [*data["ignored"], *data["skipped"]]}
    assert "未安装 LibreOffice" in told["商务局/商务局整改台账.doc"]
    assert "请该单位（商务局）在 Word 或 WPS 中“另存为”Word 文档（.docx）后重新报送" in told[
        "商务局/商务局整改台账.doc"]


# -- a bureau's ledger: a sheet per aspect, a two-row header, the status in 备注 ---------------------

@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_sheet_per_aspect_numbered_by_its_name_and_titled_in_brackets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    path = bureau_workbook(tmp_path / "医保局.xlsx")
    if kind != "xlsx":
        path = soffice_convert(path, tmp_path / kind, kind)
    assert _loud(_check(path, capsys)) == []
    ledger = api.read_ledger(path)
    assert ledger.info.unit_name == "县医疗保障局"
    assert [(a.number, a.title, [i.title for i in a.issues()]) for a in ledger.aspects] == [
        (1, "党的政治建设方面", ["医保基金监管“两个责任”落实不到位", "党组理论学习中心组学习不够深入"]),
        (2, "全面从严治党方面", ["公务用车管理不规范"])]
    assert [(m.lead, m.owner_unit, m.owner_person, m.status.value if m.status else None, m.progress, m.remark)
            for m in ledger.measures()] == [
        ("分管副局长 周某", "基金监管股", "吴某", "已完成", "检查定点机构46家，追回基金12.3万元", ""),
        ("分管副局长 周某", "基金监管股", "吴某", "正在推进", "制度已起草", ""),
        ("局长 郑某", "办公室", "冯某", "已完成", "计划已印发", ""),
        # one row on its sheet: its 备注 is the status still, as on the sheet before
        ("分管副局长 陈某", "办公室", "冯某", "已完成", "已印发", "")]


@pytest.mark.parametrize(("issue", "goal", "person", "deadline"), [
    ("督查发现问题", "整改标准", "负责同志", "整改期"),
    ("督导组发现问题", "预期成效", "具体负责同志", "完成期"),
])
def test_more_header_words_read_by_their_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str], issue: str,
                                               goal: str, person: str, deadline: str) -> None:
    rows: Rows = [["序号", issue, "整改措施", goal, "责任股室", person, deadline, "整改状态"],
                  [1, "城市建成区违法建设查处不力", "开展违法建设专项整治", "存量违建全部拆除", "城管执法股", "王某",
                   "2026年6月30日", "已完成"]]
    path = _book(tmp_path / "住建局.xlsx", rows)
    assert _loud(_check(path, capsys)) == []
    assert [(i.title, m.extra.get("整改目标"), m.owner_person, m.deadline.text, m.progress)
            for i in api.read_ledger(path).issues() for m in i.measures] == [
        ("城市建成区违法建设查处不力", "存量违建全部拆除", "王某", "2026年6月30日", "")]


# -- a two-row header: status ticks under a progress label, measures and owners under theirs -------

@pytest.mark.parametrize("label", ["整改进展情况", "整改落实情况", "目前进展"])
def test_status_ticks_under_a_progress_label(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str) -> None:
    ticked = {"已完成": ["√", None, None], "正在推进": [None, "√", None], "未启动": [None, None, "√"]}
    rows: Rows = [["县文化和旅游局巡察整改台账"],
                  ["序号", "反馈问题", "整改任务", None, "责任主体", None, None, label, None, None],
                  [None, None, "具体措施", "完成时限", "牵头领导", "牵头单位", "配合单位", *ticked],
                  [1, "文物安全巡查不到位", "建立文物巡查日志制度", "2026年6月30日", "副局长 吴某", "文物股",
                   "执法大队", *ticked["已完成"]],
                  [None, None, "开展文物安全专项检查", "2026年12月31日", "副局长 吴某", "文物股", None,
                   *ticked["正在推进"]],
                  [2, "旅游市场监管偏软", "开展旅游市场秩序整治", "2027年6月30日", "副局长 郑某", "市场股", "执法大队",
                   *ticked["未启动"]]]
    path = round15_book(tmp_path / "文旅局.xlsx", {"台账": (rows, [
        "A1:J1", "A2:A3", "B2:B3", "C2:D2", "E2:G2", "H2:J2", "A4:A5", "B4:B5"])}, unit="县文化和旅游局")
    assert _loud(_check(path, capsys)) == []
    assert [(m.text, m.deadline.text, m.lead, m.owner_unit, m.status.value if m.status else None, m.progress)
            for m in api.read_ledger(path).measures()] == [
        ("建立文物巡查日志制度", "2026年6月30日", "副局长 吴某", "文物股", "已完成", ""),
        ("开展文物安全专项检查", "2026年12月31日", "副局长 吴某", "文物股", "正在推进", ""),
        ("开展旅游市场秩序整治", "2027年6月30日", "副局长 郑某", "市场股", "未启动", "")]


# -- a 三单 ledger: 问题清单 | 整改清单 | 责任清单, the 责任清单 cell labelling each of its parts -------

def test_a_three_lists_ledger_with_labelled_owners(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    rows: Rows = [["某某乡党委巡察反馈问题“三单”管理台账"],
                  ["序号", "问题清单", "整改清单", "责任清单", "完成时限", "完成情况"],
                  [1, "村级财务管理不规范", "开展村级财务专项清理", "分管领导：李某\n责任站所：农经站\n责任人：赵某",
                   "2026年6月30日", "已完成"],
                  [2, "惠民资金发放不及时", "建立惠民资金发放台账",
                   "分管领导：王某；牵头股室：民政办；配合股室：财政所；责任人：钱某", "2026年12月31日", "正在推进"]]
    path = round15_book(tmp_path / "某某乡.xlsx", {"台账": (rows, ["A1:F1"])}, unit="某某乡")
    assert _loud(_check(path, capsys)) == []
    assert [(m.text, m.lead, m.owner_person) for m in api.read_ledger(path).measures()] == [
        ("开展村级财务专项清理", "李某", "赵某"), ("建立惠民资金发放台账", "王某", "钱某")]
    main(["summary", str(path), "--as-of", AS_OF])
    capsys.readouterr()
    ws = load_workbook(tmp_path / "某某乡_整改汇总.xlsx")["责任单位统计"]
    assert sorted(r[0] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]) == ["农经站", "民政办", "财政所"]


# -- a totals row under the header ------------------------------------------------------------------

@pytest.mark.parametrize("totals", [[None, "合计：2个问题", None, None, None, None],
                                    ["合计", "2个问题", "2项措施", None, None, "已完成1项"],
                                    ["总计", None, 2, None, None, 1]])
def test_a_totals_row_under_the_header_leaves_the_issues_numbered(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  totals: list[Any]) -> None:
    rows: Rows = [["县交通运输局巡察整改台账"], HEADER, totals,
                  [1, "农村公路养护资金使用不规范", "开展养护资金专项清查", "财务股", "2026年6月30日", "已完成"],
                  [3, "超限超载治理不力", "开展治超联合执法", "路政大队", "2026年12月31日", "正在推进"]]
    path = _book(tmp_path / "交通局.xlsx", rows, ["A1:F1"])
    assert _loud(_check(path, capsys)) == [("issue-number-gap", "A5")]
    assert [(n, len(ms)) for _, n, _, ms in _issues(path)] == [(1, 1), (3, 1)]


# -- an outline: 一 | aspect, （一） | issue, then its measures numbered 1, 2 with no issue of their own ---

@pytest.mark.parametrize("numbered_apart", [True, False])
def test_issues_labelled_over_their_measures(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             numbered_apart: bool) -> None:
    def heading(label: str, text: str) -> list[Any]:
        return [label, text] if numbered_apart else [label + text]

    rows: Rows = [HEADER, heading("一、", "工程建设领域监管方面"),
                  heading("（一）", "在建项目转包违法分包监管不严"),
                  [1, None, "开展在建项目转包违法分包专项检查", "建管股", "2026年6月30日", "已完成"],
                  [2, None, "建立建筑市场信用评价台账", "建管股", "2026年12月31日", "正在推进"],
                  heading("（二）", "物业专项维修资金使用不规范"),
                  [1, None, "修订维修资金使用管理办法", "房管股", "2026年6月30日", "已完成"],
                  heading("二、", "干部队伍建设方面"),
                  heading("（一）", "干部轮岗交流不及时"),
                  [1, None, "制定中层干部轮岗交流办法", "人事股", "2026年12月31日", "正在推进"]]
    merges = [] if numbered_apart else ["A2:F2", "A3:F3", "A6:F6", "A8:F8", "A9:F9"]
    path = _book(tmp_path / "住建局.xlsx", rows, merges)
    assert _loud(_check(path, capsys)) == []
    aspects = api.read_ledger(path).aspects
    assert [(a.number, a.title, [(i.number, i.title, len(i.measures)) for i in a.issues()]) for a in aspects] == [
        (1, "工程建设领域监管方面", [(1, "在建项目转包违法分包监管不严", 2), (2, "物业专项维修资金使用不规范", 1)]),
        (2, "干部队伍建设方面", [(1, "干部轮岗交流不及时", 1)])]


def test_leader_unit_and_person_under_a_responsibility_label(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows: Rows = [["县卫生健康局巡察整改台账"],
                  ["序号", "存在问题", "整改措施", "整改责任", None, None, "完成时限", None, "完成情况"],
                  [None, None, None, "领导", "单位", "个人", "计划", "实际", None],
                  [1, "医疗废物处置监管不到位", "开展医疗废物专项检查", "副局长 胡某", "医政股", "马某",
                   "2026年6月30日", "2026年6月20日", "已完成"]]
    path = round15_book(tmp_path / "卫健局.xlsx", {"台账": (rows, [
        "A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:H2", "I2:I3"])}, unit="县卫生健康局")
    assert [f for f in _check(path, capsys) if f["code"] == "column-not-understood"] == []
    assert [(m.lead, m.owner_unit, m.owner_person, m.deadline.text, m.completed_on)
            for m in api.read_ledger(path).measures()] == [
        ("副局长 胡某", "医政股", "马某", "2026年6月30日", date(2026, 6, 20))]


def test_a_word_table_per_aspect_numbering_measures_under_issues(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Each aspect's Word table opens with its heading merged across, then its header; 序号 numbers
    each measure under its issue (1.1 | 1.2 | 2.1), the last table holding one measure alone."""
    import docx

    d = docx.Document()
    d.add_paragraph("县统计局落实县委巡察反馈意见整改清单")
    done, going = ("2026年6月30日", "已完成"), ("2026年12月31日", "正在推进")
    parts = [("一、统计数据质量方面", [("1.1", "统计数据核查不严", "开展统计数据专项核查", "专业股", *done),
                                      ("1.2", "", "建立数据质量责任制", "专业股", *going),
                                      ("2.1", "统计执法检查偏少", "制定年度执法检查计划", "执法大队", *done)]),
             ("二、作风建设方面", [("1.1", "公文处理不及时", "修订公文处理办法", "办公室", *done)])]
    head = ["序号", "问题", "整改措施", "责任股室", "整改时限", "整改情况"]
    for heading, items in parts:
        t = d.add_table(rows=2, cols=6)
        t.rows[0].cells[0].text = heading
        t.cell(0, 0).merge(t.cell(0, 5))
        for cell, text in zip(t.rows[1].cells, head, strict=True):
            cell.text = text
        for item in items:
            for cell, text in zip(t.add_row().cells, item, strict=True):
                cell.text = text
        d.add_paragraph("")
    path = tmp_path / "统计局.docx"
    d.save(str(path))
    assert _loud(_check(path, capsys)) == []
    assert [(a.title, [(i.number, i.title, len(i.measures)) for i in a.issues()])
            for a in api.read_ledger(path).aspects] == [
        ("统计数据质量方面", [(1, "统计数据核查不严", 2), (2, "统计执法检查偏少", 1)]),
        ("作风建设方面", [(1, "公文处理不及时", 1)])]


# -- a sheet (or a Word table) per issue: the issue written above its measures' table ----------------

PER_ISSUE = [("问题1：城乡低保动态管理不到位", [("开展低保对象专项排查", "2026年6月30日", "已完成"),
                                          ("建立低保动态调整台账", "2026年12月31日", "正在推进")]),
             ("【问题2】临时救助审批不规范", [("修订临时救助审批规程", "2026年6月30日", "已完成")])]
PER_ISSUE_HEAD = ["序号", "整改措施", "责任股室", "整改时限", "整改状态"]


def _per_issue_book(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for k, (issue, measures) in enumerate(PER_ISSUE, 1):
        ws = wb.create_sheet(f"问题{k}")
        ws.append(["县民政局巡察反馈问题整改台账"])
        ws.append([issue])
        ws.merge_cells("A2:E2")
        ws.append(PER_ISSUE_HEAD)
        for n, (measure, deadline, status) in enumerate(measures, 1):
            ws.append([n, measure, "社会救助股", deadline, status])
    wb.save(path)
    return path


def _per_issue_word(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("县民政局巡察反馈问题整改台账")
    for issue, measures in PER_ISSUE:
        d.add_paragraph(issue)
        t = d.add_table(rows=1, cols=len(PER_ISSUE_HEAD))
        for cell, text in zip(t.rows[0].cells, PER_ISSUE_HEAD, strict=True):
            cell.text = text
        for n, (measure, deadline, status) in enumerate(measures, 1):
            for cell, text in zip(t.add_row().cells, [str(n), measure, "社会救助股", deadline, status], strict=True):
                cell.text = text
    d.save(str(path))
    return path


@pytest.mark.parametrize("word", [False, True])
def test_a_sheet_per_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str], word: bool) -> None:
    path = _per_issue_word(tmp_path / "民政局.docx") if word else _per_issue_book(tmp_path / "民政局.xlsx")
    assert _loud(_check(path, capsys)) == []
    assert [(i.number, i.title, [m.text for m in i.measures]) for i in api.read_ledger(path).issues()] == [
        (1, "城乡低保动态管理不到位", ["开展低保对象专项排查", "建立低保动态调整台账"]),
        (2, "临时救助审批不规范", ["修订临时救助审批规程"])]


# -- the report date written at the form's foot --------------------------------------------------

@pytest.mark.parametrize("foot", [
    [["填报单位：县林业局（盖章）", None, None, "填报日期：2026年9月28日"]],
    [["单位（盖章）：县林业局", None, None, None, "2026年9月28日"]],
    [[None, None, None, "县林业局（盖章）"], [None, None, None, "2026年9月28日"]],
])
def test_the_report_date_at_the_foot_of_the_form(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 foot: list[list[Any]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in [["县林业局巡察反馈问题整改台账"], HEADER,
                [1, "林地占用审批把关不严", "开展林地占用专项清查", "资源股", "2026年6月30日", "已完成"],
                [2, "护林员管理不规范", "修订护林员管理办法", "防火办", "2026年12月31日", "正在推进"], [], *foot]:
        ws.append(row)
    path = tmp_path / "林业局.xlsx"
    wb.save(path)
    main(["check", str(path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["as_of"] == "2026-09-28"
    assert api.read_ledger(path).info.report_date == date(2026, 9, 28)


def test_a_damaged_word_97_file_is_told_not_crashed_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "商务局整改台账.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)  # an OLE header and nothing more
    assert main(["check", str(path)]) == 2
    said = capsys.readouterr().err
    assert "商务局整改台账.doc 是 Word 97-2003 文档（.doc）" in said and "另存为”Word 文档（.docx）后再检查" in said
    assert list(tmp_path.iterdir()) == [path]
