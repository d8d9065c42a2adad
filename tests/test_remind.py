"""``rectxl remind``: per owner unit with anything due, a 提醒函 and/or a 督办通知 (告诫书) in the
notice's official-document style, and the 提醒清单 workbook — the units, measures, dates and days
in the letters, no letter for a unit with nothing due, the output rules of every command, the
documents rendered by LibreOffice, and the Excel 生成提醒 entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from rectxl import api
from rectxl.core.errors import RectxlError
from rectxl.core.letters import plan_reminders
from rectxl.core.rules import Options
from rectxl.core.timing import Grade
from rectxl.io.reader import read_ledger
from tests.followup_ledgers import AS_OF, REMIND_HEADER, soffice_convert, write_ledger, write_remind_ledger

FOLDER = "台账_提醒_20261120"
FINAL = AS_OF + timedelta(days=15)  # 2026-12-05

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                                   reason="LibreOffice (soffice) and poppler (pdftoppm) not installed")


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return write_remind_ledger(tmp_path / "台账.xlsx")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", "remind", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=180)


def docx_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """(paragraph texts, tables as rows of cell texts) of a .docx."""
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs], [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def test_remind_writes_exactly_two_letters_and_the_list(ledger: Path, tmp_path: Path) -> None:
    proc = run(ledger.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / FOLDER
    assert sorted(p.name for p in folder.iterdir()) == ["执法监察大队_督办通知.docx", "提醒清单.xlsx",
                                                       "耕地保护股_提醒函.docx"]
    assert proc.stdout.splitlines() == [
        f"已写入 {Path(FOLDER) / '耕地保护股_提醒函.docx'}（提醒函 2 项）",
        f"已写入 {Path(FOLDER) / '执法监察大队_督办通知.docx'}（督办通知 2 项）",
        f"已写入提醒清单 {Path(FOLDER) / '提醒清单.xlsx'}（5 行）",
        "截至2026年11月20日（来源：报告日期；预警天数 20天、10天）：2 个责任单位需要发函。",
    ]


def test_the_reminder_letter(ledger: Path, tmp_path: Path) -> None:
    done = api.remind(ledger)
    target = dict((u.unit, p) for u, p in done.letters)["耕地保护股"]
    paragraphs, tables = docx_text(target)
    assert [p for p in paragraphs if p] == [
        "关于巡察反馈问题整改事项即将到期的提醒函",
        "耕地保护股：",
        "按照县委第三巡察组反馈意见整改工作安排，截至2026年11月20日，你股牵头负责的巡察反馈问题整改措施中，"
        "有2项将在20天内到期（其中10天内到期1项，为橙色预警），具体如下：",
        "请你股对照整改时限，倒排工期、压实责任，确保上述整改任务按期完成，并在完成后及时将整改情况和佐证材料报送"
        "某某县自然资源局巡察整改工作领导小组办公室，按程序申请验收销号。确因客观原因无法按期完成的，请在整改时限届满前"
        "书面申请延期，说明原因和拟完成时限。",
        "特此提醒。",
        "联系人：郑晓燕，联系电话：0738-1234567。",
        "某某县自然资源局巡察整改工作领导小组办公室",
        "2026年11月20日",
    ]
    (table,) = tables
    assert table == [
        ["序号", "问题", "整改措施", "整改时限", "剩余天数", "责任领导", "责任人"],
        ["1", "针对耕地保护“田长制”落实不到位的问题", "完成耕地卫片图斑核查整改", "2026年\n11月25日", "5天",
         "刘海波", "赵红梅"],
        ["2", "针对耕地保护“田长制”落实不到位的问题", "修订田长制考核办法", "2026年\n12月5日", "15天", "刘海波",
         "赵红梅、钱芳"],
    ]


def test_the_supervision_notice_with_its_final_deadline(ledger: Path, tmp_path: Path) -> None:
    done = api.remind(ledger, tmp_path / "文书")
    assert done.folder == tmp_path / "文书" and done.folder.is_dir()  # created
    target = dict((u.unit, p) for u, p in done.letters)["执法监察大队"]
    paragraphs, tables = docx_text(target)
    text = [p for p in paragraphs if p]
    assert text[:3] == [
        "关于巡察反馈问题整改逾期事项的督办通知",
        "执法监察大队：",
        "按照县委第三巡察组反馈意见整改工作安排，截至2026年11月20日，你大队牵头负责的巡察反馈问题整改措施中，"
        "有2项已超过整改时限仍未完成（其中延期后仍逾期1项），具体如下：",
    ]
    assert text[3] == (
        "现予以督办。请你大队高度重视，主要负责同志和分管领导要亲自研究，逐项查明逾期原因，于2026年12月5日前完成整改，"
        "并将整改情况和佐证材料书面报送某某县自然资源局巡察整改工作领导小组办公室。逾期仍未完成的，将予以通报，"
        "并视情况启动问责程序。")
    assert tables[0][1:] == [
        ["1", "针对违法用地查处不及时的问题", "对2025年以来违法用地案件逐案复查", "2026年\n10月31日", "20天",
         "孙立新", "周强"],
        ["2", "针对违法用地查处不及时的问题", "完成历史遗留违法用地案件清零", "原定2026年8月31日，延期至2026年11月15日",
         "5天", "孙立新", "吴磊"],
    ]
    assert tables[0][0][4] == "逾期天数"


def test_warning_letter_instead_by_option(ledger: Path, tmp_path: Path) -> None:
    proc = run(ledger.name, "--letter", "告诫书", "--final-days", "10", "-o", "告诫", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    paragraphs, _ = docx_text(tmp_path / "告诫" / "执法监察大队_告诫书.docx")
    assert paragraphs[0] == "关于巡察反馈问题整改逾期事项的告诫书"
    assert any(p.startswith("现对你大队予以告诫。") and "于2026年11月30日前（最后整改期限）完成上述整改任务" in p
               for p in paragraphs)
    assert any("整改工作推进不力" in p for p in paragraphs)


def test_the_list_per_unit_and_person(ledger: Path) -> None:
    done = api.remind(ledger)
    assert done.list_path is not None
    wb = load_workbook(done.list_path)
    assert wb.sheetnames == ["提醒清单", "提醒统计"]
    ws = wb["提醒清单"]
    assert ws["A1"].value == "某某县自然资源局巡察整改提醒清单（截至2026年11月20日，预警天数：20天、10天）"
    assert [c.value for c in ws[2]] == ["序号", "责任单位", "责任人", "责任领导", "类别", "预警", "问题", "整改措施",
                                         "整改时限", "剩余/逾期天数", "整改状态", "配合单位", "台账位置"]
    rows = [(*r[:6], r[7], r[8], r[9], r[12]) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert rows == [
        (1, "耕地保护股", "赵红梅", "刘海波", "临期", "橙色预警", "完成耕地卫片图斑核查整改", "2026年11月25日", "5天",
         "台账!H6"),
        (2, "耕地保护股", "赵红梅", "刘海波", "临期", "黄色预警", "修订田长制考核办法", "2026年12月5日", "15天",
         "台账!H7"),
        (3, "耕地保护股", "钱芳", "刘海波", "临期", "黄色预警", "修订田长制考核办法", "2026年12月5日", "15天",
         "台账!H7"),
        (4, "执法监察大队", "吴磊", "孙立新", "逾期", "红色预警", "完成历史遗留违法用地案件清零",
         "原定2026年8月31日，延期至2026年11月15日", "逾期5天", "台账!H9"),
        (5, "执法监察大队", "周强", "孙立新", "逾期", "红色预警", "对2025年以来违法用地案件逐案复查", "2026年10月31日",
         "逾期20天", "台账!H8"),
    ]
    link = ws["M3"].hyperlink
    assert link.target == "../台账.xlsx" and link.location == "'台账'!H6"
    assert ws["F3"].fill.fgColor.rgb.endswith("FFC000") and ws["F7"].fill.fgColor.rgb.endswith("FF7C80")
    stats = [r for r in wb["提醒统计"].iter_rows(values_only=True)]
    assert stats == [
        ("责任单位", "责任人", "逾期（红）", "橙色预警", "黄色预警", "合计"),
        ("耕地保护股", "（合计）", 0, 1, 1, 2),
        ("耕地保护股", "赵红梅", 0, 1, 1, 2),
        ("耕地保护股", "钱芳", 0, 0, 1, 1),
        ("执法监察大队", "（合计）", 2, 0, 0, 2),
        ("执法监察大队", "吴磊", 1, 0, 0, 1),
        ("执法监察大队", "周强", 1, 0, 0, 1),
    ]


def test_no_overwrite_without_force_and_never_the_ledger(ledger: Path, tmp_path: Path) -> None:
    assert run(ledger.name, cwd=tmp_path).returncode == 0
    again = run(ledger.name, cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr
    assert run(ledger.name, "--force", cwd=tmp_path).returncode == 0
    # a folder holding the ledger itself: the letters go beside it, the ledger is never touched
    before = ledger.read_bytes()
    done = api.remind(ledger, tmp_path)
    assert len(done.letters) == 2 and ledger.read_bytes() == before


def test_placeholders_where_基本信息_is_silent(tmp_path: Path) -> None:
    rows = [{"具体问题": "1.针对学习不深入问题", "整改措施": "建立学习制度", "责任股室": "办公室",
             "完成时限": "2026年11月30日", "完成情况": "正在推进"}]
    path = write_ledger(tmp_path / "空白.xlsx", REMIND_HEADER, rows, unit="", title="巡察整改台账",  # no unit anywhere
                        info={"单位名称": None, "党组织名称": None, "巡察组": None, "联系电话": None})
    done = api.remind(path)
    ((_, target),) = done.letters
    paragraphs, tables = docx_text(target)
    assert paragraphs[2].startswith("按照巡察反馈意见整改工作安排，截至2026年11月20日，")
    assert "联系人：【请填写联系人】，联系电话：【请填写联系电话】。" in paragraphs
    assert "【请填写发文单位】" in paragraphs
    assert tables[0][1][5:] == ["【请填写责任领导】", "【请填写责任人】"]
    highlighted = [r.text for p in Document(str(target)).paragraphs for r in p.runs if r.font.highlight_color]
    assert "【请填写联系人】" in highlighted and "【请填写发文单位】" in highlighted


def test_a_unit_with_both_gets_both_in_one_document_and_nothing_due_writes_nothing(tmp_path: Path) -> None:
    rows = [
        {"具体问题": "1.针对学习不深入问题", "整改措施": "建立学习制度", "责任股室": "办公室", "分管领导": "张志刚",
         "经办人": "李明", "完成时限": "2026年10月31日", "完成情况": "正在推进"},
        {"具体问题": "1.针对学习不深入问题", "整改措施": "开展专题读书班", "责任股室": "办公室、财务股",
         "分管领导": "张志刚", "经办人": "李明", "完成时限": "立行立改", "完成情况": "未启动"},
        {"具体问题": "1.针对学习不深入问题", "整改措施": "制定学习计划", "责任股室": "办公室", "分管领导": "张志刚",
         "经办人": "李明", "完成时限": "2026年11月28日", "完成情况": "正在推进"},
    ]
    path = write_ledger(tmp_path / "两种.xlsx", REMIND_HEADER, rows, info={"预警天数": "20,10"})
    done = api.remind(path)
    names = sorted(p.name for _, p in done.letters)
    assert names == ["办公室_提醒函和督办通知.docx", "财务股_督办通知.docx"]  # 立行立改 owned by both units
    office = next(p for u, p in done.letters if u.unit == "办公室")
    paragraphs, tables = docx_text(office)
    assert [p for p in paragraphs if p.startswith("关于")] == ["关于巡察反馈问题整改事项即将到期的提醒函",
                                                              "关于巡察反馈问题整改逾期事项的督办通知"]
    assert Document(str(office)).paragraphs[[p.text for p in Document(str(office)).paragraphs].index(
        "关于巡察反馈问题整改逾期事项的督办通知")].paragraph_format.page_break_before
    # most overdue first: 立行立改 is due on the feedback date (June 18)
    assert [row[4] for row in tables[1][1:]] == ["155天", "20天"] and tables[1][0][4] == "逾期天数"
    # nothing due (done, long term, due next year): no letter, no list, no folder
    calm = write_ledger(tmp_path / "无事.xlsx", REMIND_HEADER, [rows[0] | {"完成情况": "已完成"},
                                                                rows[2] | {"完成时限": "2027年6月底前"}])
    quiet = api.remind(calm, tmp_path / "无", Options(warn_days=(20, 10)))
    assert quiet.rows == [] and quiet.letters == [] and not (tmp_path / "无").exists()
    proc = run(calm.name, cwd=tmp_path)
    assert proc.returncode == 0 and "没有临期或逾期的整改措施，未生成提醒函" in proc.stdout
    assert not (tmp_path / "无事_提醒_20261120").exists()


def test_letters_never_carry_a_formula(tmp_path: Path) -> None:
    rows = [{"具体问题": "1.针对学习不深入问题", "整改措施": "@SUM(1,2) 开展专题学习", "责任股室": "办公室",
             "完成时限": "2026年11月25日", "完成情况": "正在推进", "经办人": "+李明", "分管领导": "-张志刚"}]
    path = write_ledger(tmp_path / "注入.xlsx", REMIND_HEADER, rows)
    done = api.remind(path)
    assert done.list_path is not None
    ws = load_workbook(done.list_path)["提醒清单"]
    # exactly the clerk's text, kept text by Excel's text prefix (no "'" shown in front of it)
    assert ws["H3"].value == "@SUM(1,2) 开展专题学习" and ws["H3"].data_type == "s"
    assert (ws["C3"].value, ws["D3"].value) == ("+李明", "-张志刚")
    assert all(ws[ref].quotePrefix for ref in ("H3", "C3", "D3")) and not ws["G3"].quotePrefix


def test_bad_usage(ledger: Path, tmp_path: Path) -> None:
    with pytest.raises(RectxlError, match="督办通知或告诫书"):
        api.remind(ledger, letter="问责书")
    proc = run(ledger.name, "--letter", "问责书", cwd=tmp_path)
    assert proc.returncode == 2 and "无效的选择" in proc.stderr


def test_plan_is_the_same_for_the_command_line_and_excel(ledger: Path) -> None:
    plan = plan_reminders(read_ledger(ledger), as_of=AS_OF, warn_days=(20, 10))
    assert [(u.unit, u.kinds) for u in plan.units] == [("耕地保护股", "提醒函"), ("执法监察大队", "督办通知")]
    letter = plan.units[1].letters[0]
    assert letter.final_due == FINAL and [it.grade for it in letter.items] == [Grade.RED, Grade.RED]
    assert "办公室" not in {u.unit for u in plan.units}  # done, long term and due next year: no letter


@needs_soffice
def test_letters_render_in_libreoffice(ledger: Path, tmp_path: Path) -> None:
    done = api.remind(ledger)
    out = tmp_path / "pdf"
    texts, lines = {}, {}
    for unit, docx in done.letters:
        pdf = soffice_convert(docx, out, "pdf")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                              timeout=60).stdout.decode("utf-8")
        texts[unit.unit] = "".join(text.split())  # pdftotext spaces CJK from digits
        lines[unit.unit] = {"".join(line.split()) for line in text.splitlines()}
        pages = text.count("\f")
        assert pages == 2, (unit.unit, pages)  # the closing and the signature keep together on page 2
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(out / unit.unit)],
                       check=True, timeout=60)
        assert (out / f"{unit.unit}-1.png").stat().st_size > 10_000
    assert "关于巡察反馈问题整改逾期事项的督办通知" in texts["执法监察大队"] and "逾期" in texts["执法监察大队"]
    assert "于2026年12月5日前完成整改" in texts["执法监察大队"]
    reminder = texts["耕地保护股"]
    assert "耕地保护股：" in reminder and "12月5日" in reminder and "特此提醒。" in reminder
    # each deadline in the table: its year on one line, month and day together on the next
    assert {"2026年", "11月25日", "12月5日"} <= lines["耕地保护股"] and "10月31日" in lines["执法监察大队"]


# -- Excel: the 生成提醒 entry point ----------------------------------------------------------------


def _remote_book(path: Path) -> Any:
    from tests import xlwings_remote as xr

    return xr.book_from_payload(xr.payload_from_xlsx(path, harness_extras=True))


def test_excel_remind_needs_a_saved_workbook(ledger: Path) -> None:
    from rectxl.excel.remind import remind
    from tests import xlwings_remote as xr

    book = _remote_book(ledger)
    assert remind(book) is None
    (alert,) = xr.alerts(book)
    assert "请先把工作簿保存" in alert["prompt"]


def test_excel_remind_writes_beside_the_workbook_and_never_over_a_file(ledger: Path, monkeypatch: Any) -> None:
    import rectxl.excel.remind as er
    from tests import xlwings_remote as xr

    monkeypatch.setattr(er, "book_path", lambda book: ledger)
    book = _remote_book(ledger)
    done = er.remind(book)
    assert done is not None and done.folder == ledger.parent / FOLDER
    assert sorted(p.name for _, p in done.letters) == ["执法监察大队_督办通知.docx", "耕地保护股_提醒函.docx"]
    (alert,) = xr.alerts(book)
    assert "已生成 2 份文书和提醒清单（5 行）" in alert["prompt"] and "耕地保护股（提醒函）" in alert["prompt"]
    again = er.remind(_remote_book(ledger))
    assert again is not None and again.folder == ledger.parent / f"{FOLDER}(2)"
    cli = api.remind(ledger, tmp := ledger.parent / "cli")
    assert [docx_text(p) for _, p in cli.letters] == [docx_text(p) for _, p in done.letters]
    assert tmp.is_dir()


def test_a_measure_whose_deadline_cannot_be_read_is_named_not_dropped(tmp_path: Path) -> None:
    """An unfinished measure with 整改时限 "等待上级部署" cannot be said to be due: no letter names it,
    so the command says which it is (it used to vanish from the letters and the list without a word)."""
    from openpyxl import load_workbook as load

    path = write_remind_ledger(tmp_path / "台账.xlsx")
    wb = load(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]  # under the title and 填报单位 rows
    status, deadline = header.index("完成情况") + 1, header.index("完成时限") + 1
    row = next(r for r in range(4, ws.max_row + 1)
               if ws.cell(r, status).value not in ("已完成", "长期坚持") and ws.cell(r, deadline).value)
    cell = ws.cell(row, deadline)
    cell.value = "等待上级部署"
    wb.save(path)
    plan = plan_reminders(read_ledger(path), as_of=AS_OF)
    assert plan.unreadable == [f"{ws.title}!{cell.coordinate}“等待上级部署”"]
    proc = run("台账.xlsx", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # the letters are written, but one measure is in none of them
    assert "整改时限无法识别" in proc.stdout and f"{cell.coordinate}“等待上级部署”" in proc.stdout


@pytest.mark.parametrize(("key", "value", "contact"), [
    ("联系人及电话", "李敏 0855-3621008", "联系人：李敏，联系电话：0855-3621008。"),
    ("联系方式", "李敏，电话13800000000", "联系人：李敏，联系电话：13800000000。"),
])
def test_the_letters_contact_from_a_person_and_number_written_together(tmp_path: Path, key: str, value: str,
                                                                        contact: str) -> None:
    """基本信息 that writes the contact person and number in one cell fills both in the letters (no
    【请填写联系人】 left where the data is)."""
    from openpyxl import load_workbook as load

    path = write_remind_ledger(tmp_path / "台账.xlsx")
    wb = load(path)
    info = wb["基本信息"]
    for row in list(info.iter_rows(min_row=1)):
        if row[0].value in ("联系人", "联系电话", "电话"):
            row[1].value = None
    info.append([key, value])
    wb.save(path)
    plan = plan_reminders(read_ledger(path), as_of=AS_OF)
    assert plan.units and {letter.contact for unit in plan.units for letter in unit.letters} == {contact}


def test_an_overdue_measure_with_no_owner_unit_is_named_not_lost(tmp_path: Path) -> None:
    """A due or overdue measure whose 责任单位 is empty has no one to write to: it stays in the
    提醒清单, and the command says which it is (it had been left out of every letter without a word)."""
    from openpyxl import load_workbook as load

    from rectxl.core.letters import unaddressed

    path = write_remind_ledger(tmp_path / "台账.xlsx")
    plan = plan_reminders(read_ledger(path), as_of=AS_OF)
    item = plan.rows[0].item
    wb = load(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    unit_col = header.index("责任股室") + 1
    ws.cell(item.row, unit_col).value = None
    wb.save(path)
    plan = plan_reminders(read_ledger(path), as_of=AS_OF)
    assert unaddressed(plan.rows) == [f"{ws.title}!第{item.row}行"]
    proc = run("台账.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"未填写责任单位，没有发函对象，只列入了提醒清单：{ws.title}!第{item.row}行" in proc.stdout
