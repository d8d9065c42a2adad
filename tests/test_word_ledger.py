"""A ledger kept as a Word table (整改台账.docx), as many county bureaus keep theirs: every command
given one ledger reads its table — merged problem cells, aspect rows across the table, the title
and 填报日期 written as paragraphs around it — and cell references count the table's own rows and
columns. Marking is refused without touching the file; a Word notice given as a ledger is told to
use parse-notice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import load_workbook

from rectxl.core.errors import LedgerError
from rectxl.io.reader import read_grids, read_ledger

HEAD = ["序号", "反馈问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "完成情况", "佐证材料"]
#: (aspect row) or (序号, problem, [measure cells from 整改措施 on])
BODY: list[tuple] = [
    ("一、贯彻落实党的路线方针政策和党中央决策部署方面",),
    ("1", "理论学习中心组学习流于形式，研讨发言质量不高", [
        ("修订党组理论学习中心组学习制度，明确研讨发言要求", "王建国", "办公室", "刘芳", "2026年6月30日", "已完成",
         "学习制度（修订稿）"),
        ("每季度开展一次专题研讨，班子成员撰写研讨材料", "王建国", "办公室", "刘芳", "长期坚持", "长期坚持",
         "研讨材料汇编")]),
    ("2", "高标准农田建设项目推进缓慢", [
        ("倒排工期，每月调度项目进度", "陈志强", "农田建设股", "赵磊", "2026年9月30日", "正在推进", ""),
        ("对进度滞后的施工单位约谈提醒", "陈志强", "农田建设股", "赵磊", "2026年7月31日", "已完成", "约谈记录")]),
    ("二、落实全面从严治党方面",),
    ("3", "惠农补贴发放审核不严", [
        ("开展惠农补贴发放专项核查，追回违规资金", "李明", "计划财务股", "孙丽", "2026年12月31日", "正在推进", ""),
        ("建立补贴发放村、镇、县三级审核机制", "李明", "计划财务股", "", "2026年8月31日", "已完成", "")]),
]


def word_ledger(path: Path, *, above: tuple[str, ...] = (
        "中共××县农业农村局党组关于县委第二巡察组反馈意见整改落实台账",
        "填报单位：县农业农村局办公室        填报日期：2026年11月20日"),
        below: tuple[str, ...] = ("填表人：刘芳        审核人：王建国",)) -> Path:
    """The bureau's ledger as its clerk keeps it in Word: a title and 填报日期 above the table, the
    序号 and problem merged down over their measures, each aspect a row merged across the table."""
    d = docx.Document()
    for line in above:
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=len(HEAD))
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, HEAD, strict=True):
        c.text = h
    for entry in BODY:
        if len(entry) == 1:
            cells = t.add_row().cells
            cells[0].merge(cells[-1]).text = entry[0]
            continue
        add_issue(t, *entry)
    for line in below:
        d.add_paragraph(line)
    d.save(path)
    return path


def add_issue(t: Any, number: str, problem: str, measures: list[tuple[str, ...]]) -> None:
    """An issue's rows at the end of table ``t``: a row a measure (its cells from 整改措施 on),
    序号 and the problem merged down over them."""
    first = len(t.rows)
    for m in measures:
        for c, v in zip(t.add_row().cells[2:], m, strict=True):
            c.text = v
    last = first + len(measures) - 1
    t.cell(first, 0).merge(t.cell(last, 0)).text = number
    t.cell(first, 1).merge(t.cell(last, 1)).text = problem


def rectxl(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_check_reads_the_word_table_with_its_title_paragraphs(tmp_path: Path) -> None:
    path = word_ledger(tmp_path / "农业农村局整改台账.docx")
    proc = rectxl("check", path.name, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    head = report["summary"]
    assert head["as_of"] == "2026-11-20"  # 填报日期 written in a paragraph above the table
    assert (head["aspects"], head["issues"], head["measures"], head["sheets"]) == (2, 3, 6, ["表格1"])
    found = {(f["code"], f["sheet"], f["cell"]) for f in report["findings"]}
    # table row 5: the header, the first aspect row, problem 1's two measures, then this one
    assert ("overdue", "表格1", "G5") in found
    assert ("missing-owner-person", "表格1", "F9") in found
    assert ("missing-evidence", "表格1", "I9") in found
    assert len(report["findings"]) == 3, report["findings"]  # nothing of the merged cells
    text = rectxl("check", path.name, cwd=tmp_path).stdout
    assert "读取 Word 表格：表格1" in text.splitlines()[0]


def test_merged_problem_cells_are_one_problem_over_its_measures(tmp_path: Path) -> None:
    ledger = read_ledger(word_ledger(tmp_path / "台账.docx"))
    issues = [(i.number, i.title, [m.text for m in i.measures]) for i in ledger.issues()]
    assert issues[1] == (2, "高标准农田建设项目推进缓慢",
                         ["倒排工期，每月调度项目进度", "对进度滞后的施工单位约谈提醒"])
    assert len(issues) == 3 and len(list(ledger.measures())) == 6
    grid = read_grids(tmp_path / "台账.docx")[0]
    assert grid.rows[0] == HEAD and (2, 1, 3, 1) in grid.merges and grid.rows[3][1] is None


def test_report_date_written_below_the_table(tmp_path: Path) -> None:
    path = word_ledger(tmp_path / "台账.docx", above=("县农业农村局巡察整改台账",),
                       below=("填表人：刘芳", "填报日期：2026年8月10日"))
    ledger = read_ledger(path)
    assert str(ledger.info.report_date) == "2026-08-10"


def test_tracked_changes_read_as_word_shows_them(tmp_path: Path) -> None:
    """The clerk changed 已完成 to 正在推进 with 修订 on: the table shows 正在推进."""
    path = word_ledger(tmp_path / "台账.docx")
    d = docx.Document(str(path))
    cell = d.tables[0].cell(8, 7)  # 建立补贴发放…三级审核机制: 已完成
    p = cell.paragraphs[0]
    for r in list(p.runs):
        p._p.remove(r._r)
    deleted, inserted = OxmlElement("w:del"), OxmlElement("w:ins")
    for el in (deleted, inserted):
        el.set(qn("w:id"), "1" if el is deleted else "2")
        el.set(qn("w:author"), "刘芳")
    run = OxmlElement("w:r")
    gone = OxmlElement("w:delText")
    gone.text = "已完成"
    run.append(gone)
    deleted.append(run)
    run = OxmlElement("w:r")
    now = OxmlElement("w:t")
    now.text = "正在推进"
    run.append(now)
    inserted.append(run)
    p._p.append(deleted)
    p._p.append(inserted)
    d.save(str(path))
    measure = list(read_ledger(path).measures())[-1]
    assert measure.status_text == "正在推进"
    proc = rectxl("check", path.name, "--format", "json", cwd=tmp_path)
    overdue = [f["cell"] for f in json.loads(proc.stdout)["findings"] if f["code"] == "overdue"]
    assert overdue == ["G5", "G9"]  # 2026年8月31日 passed by 2026-11-20, still 正在推进


def test_summary_and_notice_from_a_word_ledger(tmp_path: Path) -> None:
    path = word_ledger(tmp_path / "台账.docx")
    proc = rectxl("summary", path.name, "-o", "汇总.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(tmp_path / "汇总.xlsx").sheetnames
    proc = rectxl("notice", path.name, "-o", "通报.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    notice = (tmp_path / "通报.md").read_text(encoding="utf-8")
    assert "农业农村局" in notice.splitlines()[0]
    assert "**2.高标准农田建设项目推进缓慢**" in notice
    assert notice.count("修订党组理论学习中心组学习制度") == 1
    assert "6项整改措施已完成3项" in notice


def test_marking_a_word_ledger_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    path = word_ledger(tmp_path / "台账.docx")
    before = path.read_bytes()
    for args in (("annotate", path.name), ("annotate", "--clear", path.name),
                 ("annotate", "--in-place", path.name)):
        proc = rectxl(*args, cwd=tmp_path)
        assert proc.returncode == 2 and "是 Word 文档" in proc.stderr and "文件未改动" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.docx"]


def test_a_word_notice_given_as_a_ledger_points_to_parse_notice(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("中共××县财政局党组关于巡察整改进展情况的通报")
    d.add_paragraph("根据县委统一部署，2026年3月至5月，县委第一巡察组对县财政局进行了巡察。")
    d.save(tmp_path / "通报.docx")
    proc = rectxl("check", "通报.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "rectxl parse-notice" in proc.stderr and "Traceback" not in proc.stderr
    d.add_table(rows=2, cols=2).cell(0, 0).text = "附件"  # a table that is no ledger
    d.save(tmp_path / "通报.docx")
    with pytest.raises(LedgerError, match="parse-notice"):
        read_ledger(tmp_path / "通报.docx")


@pytest.mark.parametrize("between", ["", "续表"])
def test_a_table_going_on_without_its_header_is_read_under_the_first(tmp_path: Path, between: str) -> None:
    """Word split the ledger in two (Enter pressed inside it, or the rest pasted below as a new
    table with no header): the second table's rows are measures too, found at its own cells."""
    path = word_ledger(tmp_path / "台账.docx", below=())
    d = docx.Document(str(path))
    if between:
        d.add_paragraph(between)
    rest = d.add_table(rows=2, cols=len(HEAD))
    for r, row in zip(rest.rows, [
            ["4", "党员发展程序不规范", "对近三年发展党员档案逐一核查", "王建国", "机关党委", "周敏", "2026年10月31日",
             "正在推进", ""],
            ["5", "公务接待审批不严", "修订公务接待管理办法", "李明", "办公室", "", "2026年12月31日", "未启动", ""]],
            strict=True):
        for c, v in zip(r.cells, row, strict=True):
            c.text = v
    d.save(str(path))
    proc = rectxl("check", path.name, "--format", "json", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert (report["summary"]["issues"], report["summary"]["measures"]) == (5, 8)
    found = {(f["code"], f["sheet"], f["cell"], f["row"]) for f in report["findings"]}
    assert ("overdue", "表格2", "G1", 1) in found
    assert ("missing-owner-person", "表格2", "F2", 2) in found


def test_a_word_ledger_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """The same ledger once through LibreOffice Writer (.doc, then .docx again, as an office
    without Word passes it on): LibreOffice writes the merges its own way; the reading is the same.
    The .doc itself is read the same too (rectxl converts it with LibreOffice: rectxl.io.word97)."""
    from tests.followup_ledgers import soffice_convert

    original = word_ledger(tmp_path / "台账.docx")
    as_doc = soffice_convert(original, tmp_path / "doc", "doc")
    again = soffice_convert(as_doc, tmp_path / "again", "docx:MS Word 2007 XML")

    def findings(path: Path) -> tuple[object, ...]:
        report = json.loads(rectxl("check", str(path), "--format", "json", cwd=tmp_path).stdout)
        head = report["summary"]
        return (head["aspects"], head["issues"], head["measures"], head["as_of"],
                sorted((f["code"], f["cell"]) for f in report["findings"]))

    assert findings(again) == findings(original)
    assert findings(as_doc) == findings(original)


def _wrap_in_content_control(el: object) -> None:
    """Put ``el`` (a row or a cell) inside a content control, as a template's fields are."""
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    el.addprevious(sdt)  # type: ignore[attr-defined]
    sdt.append(content)
    content.append(el)


def test_rows_and_cells_inside_content_controls_are_read_in_place(tmp_path: Path) -> None:
    """A ledger made from the office's template: a form's repeating row and a 完成情况 field are
    content controls (内容控件). Neither the row's measure nor the cell may be lost, and the
    cells after the field keep their columns."""
    path = word_ledger(tmp_path / "台账.docx")
    d = docx.Document(str(path))
    rows = d.tables[0]._tbl.findall(qn("w:tr"))
    _wrap_in_content_control(rows[8])  # 建立补贴发放…三级审核机制: the last measure
    _wrap_in_content_control(rows[4].findall(qn("w:tc"))[7])  # 倒排工期…: its 完成情况 正在推进
    d.save(str(path))
    report = json.loads(rectxl("check", path.name, "--format", "json", cwd=tmp_path).stdout)
    assert report["summary"]["measures"] == 6
    found = {(f["code"], f["cell"]) for f in report["findings"]}
    assert found == {("overdue", "G5"), ("missing-owner-person", "F9"), ("missing-evidence", "I9")}


def test_a_table_in_a_cell_is_read_as_its_lines_and_a_deleted_row_not_at_all(tmp_path: Path) -> None:
    """The 佐证材料 cell lists its papers in a small table of its own; a measure's row was
    deleted with 修订 on (struck through until accepted): it is no measure."""
    path = word_ledger(tmp_path / "台账.docx")
    d = docx.Document(str(path))
    table = d.tables[0]
    papers = table.cell(3, 8).add_table(rows=2, cols=2)
    for r, (name, date) in enumerate([("学习制度（修订稿）", "2026年6月"), ("党组会议纪要", "2026年6月")]):
        papers.cell(r, 0).text, papers.cell(r, 1).text = name, date
    tr_pr = table.rows[8]._tr.get_or_add_trPr()
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "9")
    deleted.set(qn("w:author"), "刘芳")
    tr_pr.append(deleted)
    d.save(str(path))
    ledger = read_ledger(path)
    measures = list(ledger.measures())
    assert len(measures) == 5 and "建立补贴发放村、镇、县三级审核机制" not in [m.text for m in measures]
    grid = read_grids(path)[0]
    assert grid.rows[3][8] == "研讨材料汇编\n学习制度（修订稿） 2026年6月\n党组会议纪要 2026年6月"


#: a bureau's ledger kept a table per aspect, each under its heading paragraph
BY_ASPECT = [
    ("一、学习贯彻习近平新时代中国特色社会主义思想和党中央决策部署方面", [
        ("1", "食品安全“两个责任”落实不到位", [
            ("建立包保干部督导台账，每季度督导一次", "王强", "食品安全协调股", "李华", "2026年9月30日", "正在推进",
             "")]),
        ("2", "特种设备隐患排查不彻底", [
            ("对全县电梯开展拉网式排查", "王强", "特种设备股", "赵亮", "2027年3月31日", "正在推进", ""),
            ("建立隐患整改销号台账", "王强", "特种设备股", "赵亮", "2026年8月31日", "已完成", "销号台账")])]),
    ("二、全面从严治党方面", [
        ("3", "执法办案程序不规范", [
            ("开展执法案卷评查", "陈敏", "法规股", "周杰", "2026年10月31日", "已完成", "评查报告")])]),
    ("三、领导班子和干部队伍建设方面", [
        ("4", "干部轮岗交流不及时", [
            ("制定中层干部轮岗交流办法", "刘洋", "人事股", "", "2027年1月31日", "未启动", "")])]),
]


def aspect_tables(path: Path, *, header_each: bool, headings: tuple[str, ...] = ()) -> Path:
    """The ledger as a table per aspect under the aspect's heading paragraph (or ``headings``);
    ``header_each``: each table has the header row (else only the first: the others go on without one)."""
    d = docx.Document()
    d.add_paragraph("县市场监督管理局巡察反馈问题整改落实台账")
    d.add_paragraph("填报日期：2026年11月20日")
    for k, (heading, issues) in enumerate(BY_ASPECT):
        d.add_paragraph(headings[k] if headings else heading)
        t = d.add_table(rows=1 if header_each or k == 0 else 0, cols=len(HEAD))
        t.style = "Table Grid"
        if len(t.rows):
            for c, h in zip(t.rows[0].cells, HEAD, strict=True):
                c.text = h
        for issue in issues:
            add_issue(t, *issue)
    d.save(path)
    return path


@pytest.mark.parametrize("header_each", [True, False])
def test_a_table_per_aspect_under_its_heading_paragraph(tmp_path: Path, header_each: bool) -> None:
    """"一、…方面" written as a paragraph above each aspect's table (with its own header row, or
    going on without one): three aspects, each with its issues — the headings had been lost and
    the notice had no aspect at all."""
    path = aspect_tables(tmp_path / "台账.docx", header_each=header_each)
    report = json.loads(rectxl("check", path.name, "--format", "json", cwd=tmp_path).stdout)
    head = report["summary"]
    assert (head["aspects"], head["issues"], head["measures"]) == (3, 4, 5)
    found = {(f["code"], f["cell"]) for f in report["findings"] if f["sheet"] == "表格3"}
    assert found == {("missing-owner-person", "F2" if header_each else "F1")}  # its own row in the table
    ledger = read_ledger(path)
    assert [(a.title, sum(len(c.issues) for c in a.categories)) for a in ledger.aspects] == [
        ("学习贯彻习近平新时代中国特色社会主义思想和党中央决策部署方面", 2), ("全面从严治党方面", 1),
        ("领导班子和干部队伍建设方面", 1)]


def test_a_count_table_above_and_a_signature_table_below_leave_the_facts_to_the_ledger(tmp_path: Path) -> None:
    """Above the ledger's table a small table of its totals (问题数 | 措施数 | 已完成 …) under the
    title; below it the signatures laid out as a table and the 填报日期 under them: the ledger's
    table is read with the title above and the date below, as if those tables were not there."""
    path = word_ledger(tmp_path / "台账.docx", above=("县农业农村局巡察整改台账", "整改总体情况："),
                       below=())
    d = docx.Document(str(path))
    totals = d.add_table(rows=2, cols=5)
    for row, values in zip(totals.rows, [["反馈问题数", "整改措施数", "已完成", "正在推进", "完成率"],
                                         ["3", "6", "3", "2", "50%"]], strict=True):
        for c, v in zip(row.cells, values, strict=True):
            c.text = v
    d.paragraphs[1]._p.addnext(totals._tbl)  # between the lines above and the ledger's table
    signatures = d.add_table(rows=1, cols=4)
    for c, v in zip(signatures.rows[0].cells, ["单位负责人：", "王建国", "填表人：", "刘芳"], strict=True):
        c.text = v
    d.add_paragraph("填报日期：2026年8月10日")
    d.save(str(path))
    ledger = read_ledger(path)
    assert (ledger.sheet, str(ledger.info.report_date)) == ("表格2", "2026-08-10")
    assert len(list(ledger.measures())) == 6 and ledger.info.unit_name == "县农业农村局"  # from the title above


@pytest.mark.parametrize("name", ["整改台账.doc", "整改台账.docm", "整改台账.wps"])
def test_a_word_ledger_under_another_word_name_is_read(tmp_path: Path, name: str) -> None:
    """A .docx named .doc (renamed by hand, or so saved by WPS), or a macro-enabled .docm: read as
    the Word table it is, its header line saying so. A real binary .doc is refused (see above)."""
    word_ledger(tmp_path / "原件.docx").rename(tmp_path / name)
    proc = rectxl("check", name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[0].startswith(f"台账：{name}（读取 Word 表格：表格1，")
    report = json.loads(rectxl("check", name, "--format", "json", cwd=tmp_path).stdout)
    assert (report["summary"]["issues"], report["summary"]["measures"]) == (3, 6)
    before = (tmp_path / name).read_bytes()
    proc = rectxl("annotate", name, cwd=tmp_path)
    what = "WPS 文字文档" if name.endswith(".wps") else "Word 文档"  # named for what its name says
    assert proc.returncode == 2 and f"{name} 是 {what}" in proc.stderr  # not "open it in Excel"
    assert (tmp_path / name).read_bytes() == before


def test_the_summarys_overdue_list_names_the_table_of_each_row(tmp_path: Path) -> None:
    """A ledger of several tables (or sheets): 逾期清单's 台账行 names the table as well as the row —
    "2" alone did not say which of three tables, even with every overdue measure in one."""
    path = aspect_tables(tmp_path / "台账.docx", header_each=True)
    proc = rectxl("summary", path.name, "-o", "汇总.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(tmp_path / "汇总.xlsx")["逾期清单"]
    assert [(r[0], r[2]) for r in ws.iter_rows(min_row=3, values_only=True) if r[0]] == [
        ("表格1!2", "建立包保干部督导台账，每季度督导一次")]


def test_tables_going_on_under_category_headings_are_read(tmp_path: Path) -> None:
    """The headings between the tables number categories (（一）（二）（三）), only the first table has
    the header row: every table's measures are read, under their categories — the tables after
    the first had been dropped without a word (2 of 4 issues read)."""
    path = aspect_tables(tmp_path / "台账.docx", header_each=False,
                         headings=("（一）理论学习方面", "（二）全面从严治党方面", "（三）干部队伍建设方面"))
    ledger = read_ledger(path)
    assert len(list(ledger.issues())) == 4 and len(list(ledger.measures())) == 5
    # each table is read under its heading, the first table's (above its header row) too: headings
    # of their own, each a 方面, they are the ledger's aspects
    assert [a.title for a in ledger.aspects] == ["理论学习方面", "全面从严治党方面", "干部队伍建设方面"]
