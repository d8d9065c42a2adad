"""Round 29 (lead): ledgers, statuses and outputs as other offices write them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from rectxl import excel as rx
from rectxl.api import check, notice
from rectxl.cli.commands import main
from rectxl.core.errors import RectxlError
from rectxl.core.rules.context import Options
from tests.com_standin import Excel
from tests.test_workbook_quirks import _sheet_book

_ROOT = Path(__file__).resolve().parent.parent


def test_work_said_to_lag_by_degree_is_going_on_and_overdue(tmp_path: Path) -> None:
    """A status saying how far behind the work is (严重滞后, 进度明显滞后, 慢于序时进度,
    序时进度滞后) means it goes on, late: overdue past the deadline. These had been bad statuses
    (nothing overdue), and “严重滞后，已约谈” had read 已完成 from its 已约谈."""
    statuses = ["严重滞后", "进度明显滞后", "慢于序时进度", "序时进度滞后", "有所滞后", "严重滞后，已约谈责任人"]
    report = check(_sheet_book(tmp_path / "县发改局.xlsx", title="整改台账", rows=[
        ["县发改局巡察整改督查台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        *([n, f"重点项目{n}推进缓慢", f"倒排项目{n}工期", "项目股", "2026年10月31日", s]
          for n, s in enumerate(statuses, 1))]))
    assert not [f for f in report.findings if f.code == "bad-status"]
    assert sorted(f.row or 0 for f in report.findings if f.code == "overdue") == list(range(3, 3 + len(statuses)))
    assert report.counts.in_progress == len(statuses) and report.counts.done == 0


_MARKED = [  # (measure, deadline, mark) in a 林业局's ledger keyed by marks
    ("签订森林防火责任书", "2026年3月31日", "●"),
    ("开展采伐许可证专项清查", "2026年12月31日", "○"),
    ("修订护林员考核办法", "2026年9月30日", "◐"),
    ("常态化开展林业法规宣传", "长期坚持", "△"),
]


@pytest.mark.parametrize("where", ["above", "under"])
def test_marks_keyed_by_a_note_beside_the_table_are_the_statuses_they_stand_for(tmp_path: Path, where: str) -> None:
    """A status column of nothing but marks, keyed by a 说明 row above the table or a 注 row under
    it ("●已完成 ◐基本完成 ○正在推进 △长期坚持", "已完成用●表示…") and headed 完成标识 or 整改状态, reads
    the statuses the marks stand for — where every mark had been a bad status (nothing overdue)
    and 完成标识 a column not understood."""
    note = ("说明：●已完成  ◐基本完成  ○正在推进  △长期坚持" if where == "above"
            else "注：已完成用●表示，基本完成用◐表示，正在推进用○表示，长期坚持用△表示。")
    header = ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展",
              "完成标识" if where == "above" else "整改状态"]
    rows = [[n, f"问题{n}", m, "资源股", d, "已按计划落实", mark] for n, (m, d, mark) in enumerate(_MARKED, 1)]
    report = check(_sheet_book(tmp_path / "县林业局.xlsx", title="台账", rows=[
        ["县林业局巡察反馈问题整改台账（截至2026年11月30日）"],
        *([[note]] if where == "above" else []), header, *rows, *([[note]] if where == "under" else [])]))
    assert not [f for f in report.findings if f.code in ("bad-status", "missing-status", "column-not-understood")]
    counts = report.counts
    assert (counts.done, counts.mostly_done, counts.in_progress, counts.long_term) == (1, 1, 1, 1)
    first = 4 if where == "above" else 3
    # 修订护林员考核办法 was due 9月30日 and is only 基本完成
    assert [f.row for f in report.findings if f.code == "overdue"] == [first + 2]


def test_a_month_and_day_excel_kept_as_a_number_reads_as_the_day_it_shows(tmp_path: Path) -> None:
    """A clerk typing “10.31” in a General cell gets the number 10.31: it is October 31st of the
    ledger's year, as the cell shows — it had been “数值无法识别为日期”. “9.30” is kept as 9.3, which
    cannot be told from September 3rd: asked about, naming the dropped 0 — never read as the 3rd."""
    report = check(_sheet_book(tmp_path / "县审计局.xlsx", title="台账", rows=[
        ["县审计局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [1, "审计整改跟踪不到位", "建立审计整改销号台账", "法规股", 10.31, "正在推进"],
        [2, "审计计划执行率低", "修订年度审计计划", "法规股", 9.3, "正在推进"],
        [3, "审计人员培训不足", "开展业务培训", "办公室", 12.31, "正在推进"]]))
    by_code = {(f.code, f.cell): f.message for f in report.findings}
    assert "2026年10月31日" in by_code["overdue", "E3"]
    assert ("bad-deadline", "E3") not in by_code and ("bad-deadline", "E5") not in by_code
    assert ("overdue", "E5") not in by_code  # December 31st is still to come
    assert "9.30" in by_code["bad-deadline", "E4"] and ("overdue", "E4") not in by_code


def test_a_row_still_going_on_is_not_told_done_for_the_answers_it_lists(tmp_path: Path) -> None:
    """A row listing two measures in one cell, their progress one for one ("1.已专题研究2次；2.已对
    3个下属单位开展检查"), and its status 正在推进: the notice had told both measures done and the
    problem 已全部完成整改 — what each did so far read as each finished. The row's status stands."""
    path = _sheet_book(tmp_path / "县水务局.xlsx", title="台账", rows=[
        ["县水务局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展", "整改状态"],
        [1, "党组落实主体责任不到位", "1.每季度至少专题研究1次党风廉政建设工作；\n2.开展下属单位专项检查", "办公室",
         "2026年12月31日", "1.已专题研究2次；\n2.已对3个下属单位开展检查", "正在推进"],
        [2, "超标准接待", "清退超标准接待费用", "财务股", "2026年8月31日", "已清退0.3万元", "已完成"]])
    text = notice(path, tmp_path / "通报.txt")[1].read_text(encoding="utf-8")
    assert "全部完成" not in text
    assert "3项整改措施已完成1项、正在推进2项" in text
    assert "一是每季度至少专题研究1次党风廉政建设工作，已专题研究2次，正在推进。" in text


def _exported_rows() -> list[list[str]]:
    return [["问题编号", "问题描述", "整改措施", "责任单位", "完成时限", "整改状态"],
            ["XC2026-001", "“三重一大”制度执行不严", "修订议事规则", "办公室", "2026-09-30", "已完成"],
            ["XC2026-002", "项目资金拨付慢", "建立拨付台账", "计财股", "2026/10/31", "整改中"]]


@pytest.mark.parametrize("name", ["系统导出.csv", "系统导出.xls", "台账.txt"])
def test_a_table_saved_as_unicode_text_is_read(tmp_path: Path, name: str) -> None:
    """Excel's 另存为 “Unicode 文本” — UTF-16 with its byte-order mark, tab-separated, named .txt —
    and a system's export written so under a .csv or .xls name are read as the table they are:
    they had been refused as no ledger (a NUL byte ended the look for a text table before UTF-16
    was tried, and a .txt was never looked into)."""
    path = tmp_path / name
    path.write_text("\r\n".join("\t".join(row) for row in _exported_rows()), encoding="utf-16")
    report = check(path, Options(as_of=date(2026, 11, 30)))
    assert report.measures == 2
    assert [f.cell for f in report.findings if f.code == "overdue"] == ["E3"]


def test_a_txt_with_no_table_is_pointed_to_parse_notice(tmp_path: Path) -> None:
    """A .txt with no table in it (a notice's text given to check) is refused, in Chinese, naming
    parse-notice — not told to be saved as .xlsx."""
    path = tmp_path / "通报.txt"
    path.write_text("县交通运输局关于巡察整改进展情况的通报\n\n　　根据县委统一部署……\n", encoding="utf-8")
    with pytest.raises(RectxlError, match="parse-notice"):
        check(path)


@pytest.mark.parametrize(("said", "as_of"), [("（截至11月底）", date(2026, 11, 30)),
                                              ("（截止到10月末）", date(2026, 10, 31)),
                                              ("整改进展（截至11月底）", date(2026, 11, 30))])
def test_a_title_standing_at_a_months_end_without_its_year_dates_the_check(tmp_path: Path, said: str,
                                                                           as_of: date) -> None:
    """“…台账（截至11月底）” (or the progress column so headed) states the day the figures stand at:
    the month's last day, of the latest year it has passed in — it had been ignored, the ledger
    judged on the day of the check, a measure due after the month's end counted overdue."""
    in_header = said.startswith("整改进展")
    title, progress = ("县司法局巡察整改台账", said) if in_header else (f"县司法局巡察整改台账{said}", "整改进展")
    report = check(_sheet_book(tmp_path / "县司法局.xlsx", title="台账", rows=[
        [title],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", progress, "整改状态"],
        [1, "社区矫正监管不严", "开展社区矫正对象排查", "矫正股", "2026年12月2日", "已排查80人", "正在推进"]]),
        today=date(2026, 12, 3))
    assert report.as_of == as_of
    assert not [f for f in report.findings if f.code == "overdue"]


def _bare_ledger(path: Path) -> Path:
    """A ledger with no 基本信息: the notice leaves the inspection's facts to be filled in."""
    return _sheet_book(path, title="台账", rows=[
        ["县人社局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [1, "就业补助资金审核不严", "清查补助资金发放情况", "就业股", "2026年10月31日", "已完成"]])


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_the_notice_command_says_what_is_left_to_fill_in(tmp_path: Path, suffix: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A notice written from a ledger with no 基本信息 carries 【请填写巡察组】 and the like; the command
    says so — how many and which — before the clerk publishes it. It had only said 已生成通报."""
    target = tmp_path / f"通报{suffix}"
    main(["notice", str(_bare_ledger(tmp_path / "人社局.xlsx")), "-o", str(target)])
    said = capsys.readouterr().out
    written = (docx.Document(str(target)).paragraphs if suffix == ".docx" else None)
    text = "\n".join(p.text for p in written) if written else target.read_text(encoding="utf-8")
    count = text.count("【请填写")
    assert count and f"通报中还有{count}处【请填写…】" in said
    assert "巡察组" in said and "发布前请补上" in said
    main(["notice", str(_ROOT / "workbooks" / "示例台账.xlsx"), "-o", str(tmp_path / f"示例{suffix}")])
    assert "【请填写" not in capsys.readouterr().out  # the bundled example's 基本信息 is complete


def test_the_excel_button_says_what_is_left_to_fill_in(tmp_path: Path) -> None:
    """生成通报 in Excel says the same in its alert."""
    excel = Excel(today=date(2026, 11, 30))
    book = excel.open(_bare_ledger(tmp_path / "人社局.xlsx"))
    target = rx.notice(book)
    assert target.exists()
    assert "发布前请补上" in excel.alerts[-1]["prompt"] and "巡察组" in excel.alerts[-1]["prompt"]


def test_the_notice_command_warns_of_an_issue_whose_rows_were_sorted_apart(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Rows sorted by status after numbering split an issue into blocks (1, 2 | 1, 2): the notice
    then tells the issue and its aspect twice. The command says so, naming the issue and the row it
    comes again at, and exits 1 — it had said nothing, and the clerk could publish it."""
    a, b = "一、落实党中央决策部署方面", "1.乡村振兴项目推进缓慢"
    path = _sheet_book(tmp_path / "县农业农村局.xlsx", title="11月", rows=[
        ["县农业农村局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [a],
        [1, b, "建立项目调度机制", "规划股", "2026年9月30日", "已完成"],
        [2, "河长制落实不到位", "开展河道清理", "水利股", "2026年10月31日", "已完成"],
        [a],
        [1, b, "倒排工期、挂图作战", "规划股", "2026年12月31日", "正在推进"],
        [2, "河长制落实不到位", "修订巡河制度", "水利股", "2026年12月31日", "正在推进"]])
    assert main(["notice", str(path), "-o", str(tmp_path / "通报.txt")]) == 1
    said = capsys.readouterr().out
    assert "问题1“乡村振兴项目推进缓慢”的措施在台账中分在不相连的几处（“11月”表第7行又出现" in said
    ordered = _sheet_book(tmp_path / "排好的.xlsx", title="台账", rows=[
        ["县农业农村局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [a], [1, b, "建立项目调度机制", "规划股", "2026年9月30日", "已完成"]])
    main(["notice", str(ordered), "-o", str(tmp_path / "通报2.txt")])
    assert "不相连" not in capsys.readouterr().out


# -- found on review of the round's changes --------------------------------------------------------

def test_lengthening_something_else_is_no_extension_asked_for(tmp_path: Path) -> None:
    """“拟延长周末窗口服务时间” in the progress is the measure's own work, not the office asking for
    more time: the extension its deadline cell states stands — the review found it thrown out
    (overdue on the original deadline) by the new “asked for” wording."""
    report = check(_sheet_book(tmp_path / "县政务服务中心.xlsx", title="台账", rows=[
        ["县政务服务中心巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态", "整改进展"],
        [1, "窗口服务时间与群众需求不匹配", "优化窗口服务", "综合科", "2026年6月30日（延期至2027年3月31日）",
         "正在推进", "已开展群众需求调查，拟延长周末窗口服务时间"]]))
    assert not [f for f in report.findings if f.code == "overdue"]


def test_the_county_committee_is_no_short_name_of_the_discipline_commission(tmp_path: Path) -> None:
    """县委 keeps the first and last characters of 县纪委监委, yet is the county committee: it is not
    taken for that entry of the 责任单位名录 (县纪委 still is)."""
    path = _sheet_book(tmp_path / "台账.xlsx", title="台账", rows=[
        ["某县巡察反馈问题整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "主体责任落实不到位", "专题研究部署", "县委", "2027年3月31日", "正在推进"],
        [2, "监督执纪偏软", "开展专项监督", "县纪委", "2027年3月31日", "正在推进"]])
    book = openpyxl.load_workbook(path)
    roster = book.create_sheet("责任单位名录")
    for name in ("责任单位", "县纪委监委", "县财政局"):
        roster.append([name])
    book.save(path)
    said = {f.row: f.message for f in check(path).findings if f.code == "unknown-owner-unit"}
    assert "县纪委监委" not in said.get(3, "") and "县纪委监委" in said[4]


@pytest.mark.parametrize(("text", "legend"), [("严守耕地保护目标红线，已完成", False),
                                              ("对超标红线企业已完成整改", False),
                                              ("标红的为未完成", True), ("已完成的涂绿", True)])
def test_a_red_line_is_no_colour_legend(text: str, legend: bool) -> None:
    """目标红线, 超标红线 in a ledger's last rows name no colour of the sheet; 标红的为… does."""
    from rectxl.io.fills import names_colour

    assert names_colour(text) is legend


@pytest.mark.parametrize("status", ["整改到位，不予销号", "已完成整改，经审核，不予销号", "已完成，不同意销号"])
def test_closure_refused_after_the_clerks_done_is_not_done(tmp_path: Path, status: str) -> None:
    """The acceptor's refusal after the clerk's own done word (“整改到位，不予销号”) is the work still to
    be put right: 正在推进, overdue past the deadline — it had read 已完成."""
    report = check(_sheet_book(tmp_path / "台账.xlsx", title="台账", rows=[
        ["县审计局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [1, "审计整改跟踪不到位", "建立审计整改销号台账", "法规股", "2026年10月31日", status]]))
    assert report.counts.done == 0 and report.counts.in_progress == 1
    assert [f.row for f in report.findings if f.code == "overdue"] == [3]


@pytest.mark.parametrize(("path_data", "advances"), [("M 0 0 L 150 0pt", "g 6 5"), ("M 0 0 L 150 0", "g inf 5"),
                                                     ("M 0 0 L 150 0", "g 1e400 5")])
def test_one_odd_token_in_an_ofd_page_does_not_refuse_the_notice(tmp_path: Path, path_data: str,
                                                                 advances: str) -> None:
    """A stray word in a drawn rule's path, or a run's advance written inf, loses that rule or that
    width — not the whole notice, which had been refused as a damaged OFD."""
    import zipfile

    from rectxl.io.ofd_read import read_notice_ofd

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    path = tmp_path / "通报.ofd"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                              "</ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" '
                                         'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer>'
                   f'<ofd:TextObject ID="2" Boundary="20 20 100 10" Size="5"><ofd:TextCode X="0" Y="5" '
                   f'DeltaX="{advances}">关于整改的通报</ofd:TextCode></ofd:TextObject>'
                   f'<ofd:PathObject ID="3" Boundary="20 40 150 1"><ofd:AbbreviatedData>{path_data}'
                   '</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>')
    assert "关于整改的通报" in read_notice_ofd(path)


@pytest.mark.parametrize("note", ["图例：√-已完成 ○-正在推进", "注：“√”表示已完成，“○”表示正在推进",
                                  "备注：完成的打“√”，正在推进的打“○”"])
def test_marks_keyed_with_a_dash_or_in_quotes_read_as_keyed(tmp_path: Path, note: str) -> None:
    """A key written “√-已完成 ○-正在推进” had been paired the wrong way round (○ read 已完成: the
    overdue measure passed for done); one quoting its marks (“√”表示已完成) or saying what to tick
    (正在推进的打“○”) keyed nothing. Each reads the mark for the status it names."""
    report = check(_sheet_book(tmp_path / "县林业局.xlsx", title="台账", rows=[
        ["县林业局巡察反馈问题整改台账（截至2026年11月30日）"], [note],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展", "完成标识"],
        [1, "森林防火责任落实不到位", "签订防火责任书", "防火办", "2026年3月31日", "已签订46份", "√"],
        [2, "林木采伐审批把关不严", "开展采伐许可证专项清查", "资源股", "2026年9月30日", "已清查1200份", "○"]]))
    assert (report.counts.done, report.counts.in_progress) == (1, 1)
    assert [f.row for f in report.findings if f.code == "overdue"] == [5]
