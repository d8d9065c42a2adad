"""Round 28 (lead): what a notice and a summary made from county ledgers say."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from rectxl.api import check, diff, notice, parse_notice_file, summary_workbook, write_diff
from rectxl.core.diff import render_diff_text
from rectxl.core.errors import RectxlError
from rectxl.core.status import Status
from tests.followup_ledgers import soffice_convert
from tests.test_workbook_quirks import _sheet_book

_ROOT = Path(__file__).resolve().parent.parent
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")



def _typed_ledger(path: Path) -> Path:
    """A 集团公司 task list grouped by a 问题类型 column, with no row heading an aspect."""
    rows = [
        ("党的领导", "“第一议题”制度落实不到位", "修订党委会议事规则", "党委办公室", "赵立", "2026年9月30日", "已办结"),
        ("党的领导", "意识形态工作责任制落实不力", "每半年专题研判意识形态形势", "党委宣传部", "钱涛", "长期",
         "持续推进"),
        ("经营管理", "工程分包管理不规范", "开展在建项目分包专项检查", "工程管理部", "孙亮", "2026年12月31日", "在办"),
        ("经营管理", "应收水费清欠不力", "制定清欠方案并逐户催缴", "营销中心", "李红", "2027年3月31日", "在办"),
        ("选人用人", "干部档案审核不严", "开展干部人事档案专项审核", "组织人事部", "周斌", "2026年10月31日", "已办结"),
    ]
    return _sheet_book(path, title="整改任务清单", rows=[
        ["市水务集团有限公司党委巡察反馈问题整改任务清单"],
        ["序号", "问题类型", "问题表现", "整改任务", "牵头部门", "责任人", "完成时限", "整改进度"],
        *([n, *row] for n, row in enumerate(rows, 1))])


def test_problem_types_under_no_aspect_are_counted_as_the_notices_aspects(tmp_path: Path) -> None:
    """The notice heads a 问题类型 under no aspect as its aspect ("（一）党的领导方面"): its totals
    sentence and the summary's count those three 方面 as the headings show them."""
    ledger_file = _typed_ledger(tmp_path / "集团台账.xlsx")
    out = tmp_path / "通报.txt"
    notice(ledger_file, out)
    text = out.read_text(encoding="utf-8")
    assert "（一）党的领导方面" in text and "（三）选人用人方面" in text
    assert "巡察反馈的三个方面5个问题" in text
    _, book = summary_workbook(ledger_file, tmp_path / "汇总.xlsx")
    cells = [str(v) for ws in openpyxl.load_workbook(book) for row in ws.iter_rows(values_only=True) for v in row if v]
    assert any("巡察反馈的三个方面5个问题" in v for v in cells)
    run = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(ledger_file), "-o", str(tmp_path / "b.txt")],
                         capture_output=True, text=True, cwd=_ROOT, check=True)
    assert "（3个方面5个问题5项措施）" in run.stdout


def _month_ledger(path: Path, month: int, rows: list[list[object]]) -> Path:
    """A 县委政法委 ledger as brought up to the end of ``month``: a 填报单位 line over the header, a
    注 row under the table."""
    return _sheet_book(path, title="整改台账", rows=[
        [f"中共某某县委政法委员会落实县委第二巡察组反馈意见整改落实台账（截至2026年{month}月底）"],
        ["填报单位（盖章）：县委政法委"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展情况", "整改状态"],
        *rows,
        ["注：整改状态填写“已完成”“正在推进”“长期坚持”“未启动”。"]])


def _political_ledgers(tmp_path: Path) -> tuple[Path, Path]:
    october = [
        [1, "平安建设考核指标落实不到位", "开展平安建设“大走访”活动", "平安建设股", "2026年12月31日",
         "已走访12个乡镇中的7个", "正在推进"],
        [2, "矛盾纠纷多元化解机制不健全", "出台矛盾纠纷多元化解实施办法", "平安建设股", "2026年12月31日",
         "正在征求意见", "正在推进"],
        [3, "政法队伍教育整顿成果巩固不够", "常态化开展警示教育", "政治部", "长期坚持",
         "每季度开展警示教育1次", "长期坚持"],
        [4, "执法司法监督存在短板", "开展执法案卷交叉评查", "执法监督股", "2027年3月31日",
         "已制定评查方案", "未启动"],
    ]
    november = [list(row) for row in october]
    november[1][5] = "已完成初稿，正在征求意见"
    return (_month_ledger(tmp_path / "10月.xlsx", 10, october), _month_ledger(tmp_path / "11月.xlsx", 11, november))


def test_diff_lists_unfinished_measures_whose_progress_was_copied_forward(tmp_path: Path) -> None:
    """An auditor comparing two months' ledgers sees which unfinished measures say word for word
    what they said last month (“原样照抄”), and what the updated ones now say — not a bare count of
    “进展更新2处”. Routine 长期坚持 work saying the same is no news; comparing a month with itself
    lists nothing."""
    october, november = _political_ledgers(tmp_path)
    result = diff(october, november)
    text = render_diff_text(result)
    stale = text.split("、进展未更新\n", 1)[1].split("\n\n", 1)[0]
    assert "开展平安建设“大走访”活动" in stale and "已走访12个乡镇中的7个" in stale
    assert "开展执法案卷交叉评查" in stale  # 未启动 for a month: the plan is not news either
    assert "警示教育" not in stale and "征求意见" not in stale
    assert "进展未更新：2项" in text.split("\n\n", 2)[1]  # said in 总体变化 too
    updated = text.split("、进展更新\n", 1)[1].split("\n\n", 1)[0]
    assert "“正在征求意见” → “已完成初稿，正在征求意见”" in updated
    assert not result.regressions  # listed for a look, not a regression: the exit code stays 0
    book, _ = write_diff(result, tmp_path / "变化.xlsx")
    rows = list(openpyxl.load_workbook(book)["变化汇总"].iter_rows(values_only=True))
    assert ("进展未更新（正在推进、未启动）", 2) in [r[:2] for r in rows]
    assert "进展未更新：" not in render_diff_text(diff(november, november))
    # the two months judged on one day (--as-of) are still two periods
    same_day = date(2026, 11, 30)
    assert "进展未更新：2项" in render_diff_text(diff(october, november, as_of_old=same_day, as_of_new=same_day))


def test_a_problem_put_on_the_books_is_being_seen_to_not_done(tmp_path: Path) -> None:
    """已挂账 / 挂牌督办 / 已纳入重点督办 in a status column mean the problem was entered on the
    books to be seen through until its 销号: going on (overdue past its deadline), not done — where
    “已挂账” had read 已完成 and “挂牌督办” not at all. “已挂账销号” stays the closure."""
    report = check(_sheet_book(tmp_path / "自然资源局.xlsx", title="整改台账", rows=[
        ["县自然资源局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改状态"],
        [1, "违法占地整治不彻底", "对12宗违法用地逐宗处置", "执法监察大队", "2026年9月30日", "已挂账"],
        [2, "矿山生态修复滞后", "推进3座废弃矿山修复", "生态修复股", "2026年10月31日", "挂牌督办"],
        [3, "不动产登记积案多", "清理历史遗留登记积案", "登记中心", "2026年8月31日", "已纳入重点督办"],
        [4, "土地出让金欠缴", "追缴欠缴出让金", "利用股", "2026年9月30日", "已挂账销号"]]))
    overdue = sorted(f.row or 0 for f in report.findings if f.code == "overdue")
    assert overdue == [3, 4, 5]
    assert not [f for f in report.findings if f.code == "bad-status"]
    assert report.counts.done == 1 and report.counts.closed == 1 and report.counts.in_progress == 3


def test_monthly_copies_all_name_the_sheet_read_in_the_end(tmp_path: Path) -> None:
    """A 镇 keeping one sheet a month (9月, 10月, 11月) has only 11月 read; each older sheet's
    warning names 11月 as the one checked — the 9月 one had said “只校验了“10月””, a sheet not
    read either."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    rows = [
        [1, "村级集体经济薄弱", "制定村集体经济发展规划", "农经站", "2026年9月30日"],
        [2, "人居环境整治不彻底", "开展人居环境整治百日攻坚", "环卫所", "2026年12月31日"],
        [3, "信访积案化解不力", "逐案制定化解方案", "信访办", "2026年10月31日"],
    ]
    for month, statuses in (("9月", ["正在推进", "正在推进", "未启动"]), ("10月", ["已完成", "正在推进", "正在推进"]),
                            ("11月", ["已完成", "正在推进", "已完成"])):
        ws = wb.create_sheet(month)
        ws.append([f"白沙镇巡察整改台账（2026年{month}）"])
        ws.append(["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态"])
        for row, status in zip(rows, statuses, strict=True):
            ws.append([*row, status])
    wb.save(tmp_path / "白沙镇.xlsx")
    report = check(tmp_path / "白沙镇.xlsx", today=date(2026, 11, 30))
    set_aside = {f.sheet: f.message for f in report.findings if f.code == "ledger-copy-set-aside"}
    assert set(set_aside) == {"9月", "10月"}
    assert all("只校验了“11月”" in message for message in set_aside.values())
    assert report.counts.done == 2 and report.counts.measures == 3


def _audit_notice(path: Path) -> Path:
    """A 县审计局 notice as offices publish it for download: the problems in a table after the
    counts, the last one still going on."""
    d = docx.Document()
    for text in ["中共某某县审计局党组关于巡察整改进展情况的通报",
                 "按照县委统一部署，2026年3月至4月，县委第四巡察组对县审计局党组开展了巡察，并于2026年5月20日反馈了"
                 "巡察意见。现将整改进展情况公布如下。",
                 "一、整改工作开展情况", "局党组召开专题会议，制定整改方案，建立问题、任务、责任“三张清单”。",
                 "二、整改落实情况", "截至2026年10月31日，巡察反馈的3个问题已完成整改2个，正在整改1个。"]:
        d.add_paragraph(text)
    table = d.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "反馈问题", "整改措施", "整改情况"], strict=True):
        cell.text = text
    for row in [("1", "审计整改跟踪不到位", "建立审计整改跟踪台账，实行销号管理", "已完成"),
                ("2", "审计质量控制不严", "修订审计质量控制办法，开展案卷评查", "已完成"),
                ("3", "公车管理不规范", "完善公车使用登记制度，安装定位系统", "正在推进，定位系统待安装")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    for text in ["三、下一步工作", "持续抓好未完成事项整改。", "中共某某县审计局党组", "2026年11月10日"]:
        d.add_paragraph(text)
    d.save(str(path))
    return path


@needs_soffice
def test_a_notice_published_as_a_word_97_doc_is_read_as_its_docx(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Offices publish their notice for download as a .doc (or a WPS 文字 file saved so): parse-notice
    reads it as the Word file it was made from — it had refused it (“rectxl 读不出其中的文字”) — and
    leaves nothing beside it; so are an RTF and an .odt of it. Without LibreOffice to convert it,
    the user is told to save it as .docx, in Chinese; an .xls given by mistake is named for what
    it is."""
    (tmp_path / "src").mkdir()
    source = _audit_notice(tmp_path / "src" / "通报.docx")
    odt = soffice_convert(source, tmp_path / "odt", "odt")
    doc = soffice_convert(odt, tmp_path / "doc", "doc")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a binary Word 97-2003 file, not a .docx renamed
    rtf = soffice_convert(source, tmp_path / "rtf", "rtf")
    expected = [(i.title, [m.status for m in i.measures]) for i in parse_notice_file(source).ledger.issues()]
    assert len(expected) == 3 and expected[2][1] == [Status.IN_PROGRESS]
    # (an RTF and an OpenDocument text, other formats a word processor saves, read the same way)
    for name, made in (("通报.doc", doc), ("通报.wps", doc), ("通报.rtf", rtf), ("通报.odt", odt)):
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        copy = folder / name
        copy.write_bytes(made.read_bytes())
        parsed = parse_notice_file(copy)
        assert [(i.title, [m.status for m in i.measures]) for i in parsed.ledger.issues()] == expected
        assert list(folder.iterdir()) == [copy]  # the conversion left nothing beside it
    xls = soffice_convert(_typed_ledger(tmp_path / "src" / "台账.xlsx"), tmp_path / "xls", "xls")
    misnamed = tmp_path / "xls" / "通报.doc"
    misnamed.write_bytes(xls.read_bytes())
    for given in (xls, misnamed):
        with pytest.raises(RectxlError) as told:
            parse_notice_file(given)
        assert f"{given.name} 是 Excel 工作簿" in str(told.value) and "rectxl check" in str(told.value)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no soffice to be found
    with pytest.raises(RectxlError) as told:
        parse_notice_file(tmp_path / "通报_doc" / "通报.doc")
    assert "通报.doc 是旧版 Word（.doc）或 WPS 文字文档，本机未安装 LibreOffice" in str(told.value)
    assert "另存为” .docx 后再解析" in str(told.value)


def test_invisible_marks_copied_from_a_web_page_are_no_part_of_a_cell(tmp_path: Path) -> None:
    """Cells pasted from a web page or a chat carry invisible format characters — a soft hyphen
    (&shy;), bidirectional marks, an invisible separator: the cell reads as it shows. “已完成” with a
    soft hyphen after it had been a bad status, and the measure unfinished."""
    report = check(_sheet_book(tmp_path / "信访局.xlsx", title="整改台账", rows=[
        ["县信访局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任科室", "整改时限", "整改状态"],
        [1, "信访积案化解不力", "逐案制定化解方案", "督查科", "2026年10月31日", "已完成\u00ad"],
        [2, "网上信访办理不及时", "建立网上信访限时办结制度", "网信科", "\u200e2026年9月30日\u200f",
         "\u202a正在推进\u202c"],
        [3, "信访干部业务能力不足", "分批开展业务培训", "办公室", "2026年12月31日", "正在\u2063推进"]]))
    assert not [f for f in report.findings if f.code in ("bad-status", "bad-deadline")]
    assert [f.row for f in report.findings if f.code == "overdue"] == [4]
    assert report.counts.done == 1 and report.counts.in_progress == 2


def test_a_progress_kept_month_by_month_in_one_cell_is_told_as_a_notice_tells_it(tmp_path: Path) -> None:
    """A 整改进展 cell the clerk adds to each month (“9月：…” lines, “2026.10 …” lines, “【10月进展】…”)
    is published “9月，…；10月，…” — the notice had printed the clerk's labels, lines and brackets
    (“2026.9 已完成采购计划”, “【9月进展】”). A cell numbering its items is no such log."""
    ledger = _sheet_book(tmp_path / "应急局.xlsx", title="台账", rows=[
        ["县应急管理局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展（按月填报）", "整改状态"],
        [1, "安全生产专项整治不深入", "开展危化品企业专项检查", "危化股", "2026年11月30日",
         "9月：已制定检查方案。\n10月：已检查企业12家，发现隐患35处。\n11月：35处隐患已全部整改。", "已完成"],
        [2, "应急物资储备不足", "补充防汛抗旱物资", "救灾股", "2026年12月31日",
         "2026.9 已完成采购计划\n2026.10 已采购冲锋舟2艘\n2026.11 正在采购救生衣500件", "正在推进"],
        [3, "执法检查流于形式", "开展执法案卷评查", "执法大队", "2026年10月31日",
         "【9月进展】已制定评查方案【10月进展】评查案卷40卷【11月进展】完成整改", "已完成"],
        [4, "值班值守不规范", "修订值班制度并开展抽查", "办公室", "2026年10月31日",
         "1.已修订值班制度\n2.已抽查12次", "已完成"],
        [5, "应急预案演练不足", "修订应急预案并组织演练", "预案股", "2026年12月31日",
         "10月底前完成预案修订\n12月底前组织演练", "正在推进"]])
    out = tmp_path / "通报.txt"
    notice(ledger, out)
    text = out.read_text(encoding="utf-8")
    assert "9月，已制定检查方案；10月，已检查企业12家，发现隐患35处；11月，35处隐患已全部整改。" in text
    assert "2026年9月，已完成采购计划；2026年10月，已采购冲锋舟2艘；2026年11月，正在采购救生衣500件" in text
    assert "9月，已制定评查方案；10月，评查案卷40卷；11月，完成整改" in text
    assert "9月：" not in text and "进展】" not in text and "2026.9" not in text
    assert "已修订值班制度；已抽查12次" in text  # (its items numbered, not dated)
    assert "月，底前" not in text and "12月底前组织演练" in text  # a plan's deadlines, no log


def test_a_progress_copied_forward_with_only_its_date_moved_on_is_not_updated(tmp_path: Path) -> None:
    """“截至10月底，已走访12个乡镇中的7个” → “截至11月底，已走访12个乡镇中的7个”: the account copied
    forward with its date bumped is listed under 进展未更新 (only its date changed) — it had passed
    for an update. An account that tells more (“…已走访9个”) is an update."""
    row = [1, "平安建设考核指标落实不到位", "开展平安建设“大走访”活动", "平安建设股", "2026年12月31日"]
    other = [2, "矛盾纠纷多元化解机制不健全", "出台矛盾纠纷多元化解实施办法", "平安建设股", "2026年12月31日"]
    october = _month_ledger(tmp_path / "10月.xlsx", 10, [[*row, "截至10月底，已走访12个乡镇中的7个", "正在推进"],
                                                         [*other, "截至10月底，已起草初稿", "正在推进"]])
    november = _month_ledger(tmp_path / "11月.xlsx", 11, [[*row, "截至11月底，已走访12个乡镇中的7个", "正在推进"],
                                                          [*other, "截至11月底，已起草初稿并征求意见", "正在推进"]])
    text = render_diff_text(diff(october, november))
    stale = text.split("、进展未更新\n", 1)[1].split("\n\n", 1)[0]
    assert "开展平安建设“大走访”活动：正在推进，两期进展只改了日期" in stale
    assert "矛盾纠纷" not in stale and "征求意见" not in stale


def _crafted(source: Path, crafted: Path, part: str, was: bytes, now: bytes) -> Path:
    """``source`` with ``was`` in its ``part`` replaced by ``now``."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, data.replace(was, now) if info.filename == part else data)
    return crafted


@pytest.mark.parametrize("kind", ["pivot", "totals"])
def test_a_span_over_the_whole_sheet_is_not_built_cell_by_cell(tmp_path: Path, kind: str) -> None:
    """A damaged or crafted pivot table part whose location spans the whole sheet (A1:XFD1048576),
    or an Excel table claiming a million totals rows, is not taken for cells to leave out of the
    ledger: check reads the workbook in bounded memory, as any other (the pivot's location had been
    built cell by cell — 10⁸ of them — and ran out of memory under a 1.5 GB limit)."""
    import resource

    from tests.test_io_round11 import _table
    from tests.test_workbooks_round28 import _with_pivot

    if kind == "pivot":
        crafted = _crafted(_with_pivot(tmp_path / "民政局台账.xlsx"), tmp_path / "台账.xlsx",
                           "xl/pivotTables/pivotTable1.xml", b'ref="A1:C7"', b'ref="A1:XFD1048576"')
    else:
        crafted = _crafted(_table(tmp_path / "表格台账.xlsx", "汇总"), tmp_path / "台账.xlsx", "xl/tables/table1.xml",
                           b'ref="A2:I8" totalsRowCount="1"', b'ref="A1:XFD1048576" totalsRowCount="1048576"')

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))

    run = subprocess.run([sys.executable, "-m", "rectxl", "check", str(crafted), "--format", "json"],
                         capture_output=True, text=True, cwd=_ROOT, preexec_fn=limit, timeout=300)
    assert run.returncode in (0, 1), run.stderr[-500:]
    assert "MemoryError" not in run.stderr
