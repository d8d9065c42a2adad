"""``rectxl batch``, ``diff`` and ``remind`` round 5: what a 巡察办 auditor sees when a round's folder
is as units really send it — every unit in the ranking even when none of its files can be read
(password, a CSV named .xls, a Word file; unit names from titles like "人社局整改清单（密码123456）",
"公安局整改台账导出", or the folder), short and full names of one unit as one unit (团县委 /
共青团清河县委员会, 妇联 / 清河县妇女联合会), versions dated by their folders ("2026年10月报送/",
"第二次报送/"), reasons that say what to do, rectxl's own outputs inside the folder, a summary
workbook that prints, percentage statuses in a diff, and letters for a ledger without 责任人.

The ledgers are built here with openpyxl (fictional units of a fictional 清河县).
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl.addin.cfb import write_compound_file
from rectxl.batch import BatchOutputs, run_batch, write_batch
from rectxl.core import batch_report, batch_units, units
from rectxl.core.batch_report import BatchResult, batch_notes, round_rows, to_text
from rectxl.core.rules import Options

AS_OF = date(2026, 11, 30)
OPTS = Options(as_of=AS_OF)
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
BASE = datetime(2026, 11, 20, 9, 0).timestamp()


def ledger(path: Path, measures: int, *, title: str | None = None, unit: str | None = None, done: int = 0,
           hours: float = 0, header: list[str] = HEADER) -> Path:
    """A ledger of ``measures`` measures (the first ``done`` 已完成), a title row ``title`` above the
    header, a 基本信息 naming ``unit`` when given; modified ``hours`` after a fixed time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for n in range(1, measures + 1):
        finished = n <= done
        row = {"序号": n, "具体问题": f"问题{n}：制度执行不严格", "整改措施": f"措施{n}：健全工作制度",
               "责任单位": "综合股", "责任人": "王五", "责任领导": "李四", "整改时限": "2026年10月31日",
               "整改状态": "已完成" if finished else "正在推进", "整改进展": "已印发制度" if finished else "正在起草"}
        ws.append([row.get(h) for h in header])
    if unit is not None:
        info = wb.create_sheet("基本信息")
        info.append(["单位名称", unit])
        info.append(["反馈日期", date(2026, 6, 18)])
    wb.save(path)
    os.utime(path, (BASE + hours * 3600,) * 2)
    return path


def encrypted(path: Path) -> Path:
    """What Excel writes for a password-protected workbook (an OLE file with EncryptedPackage)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(write_compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 200,
                                          "EncryptedPackage": os.urandom(4096)}))
    return path


def gbk_csv(path: Path) -> Path:
    """A business system's export: GBK CSV text under an .xls name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("序号,具体问题,整改措施,责任单位,整改时限,整改状态\n1,问题,措施,治安大队,2026年10月31日,正在推进\n"
                     .encode("gbk"))
    return path


def word_file(path: Path) -> Path:
    from docx import Document

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("南湖乡巡察整改落实情况报告")
    doc.save(str(path))
    return path


def ranking(result: BatchResult) -> dict[str, str]:
    """Each unit of the ranking and why nothing of it was counted ("" when it was)."""
    return {row.unit: row.reason for row in round_rows(result)}


def written(tmp_path: Path, folder: Path) -> tuple[BatchResult, dict, object]:
    out = tmp_path / "输出"
    out.mkdir(exist_ok=True)
    result = write_batch(folder, BatchOutputs(out / "汇总.xlsx", out / "汇总.json"), options=OPTS, workers=1)
    data = json.loads((out / "汇总.json").read_text("utf-8"))
    return result, data, load_workbook(out / "汇总.xlsx")


# -- 1. every unit in the ranking ---------------------------------------------------------------------


def test_units_whose_files_cannot_be_read_are_ranked_whatever_their_files_are_called(tmp_path: Path) -> None:
    folder = tmp_path / "巡察第三轮台账"
    ledger(folder / "部门" / "教育局" / "教育局.xlsx", 3, title="清河县教育局巡察整改台账")
    encrypted(folder / "部门" / "人社局" / "人社局整改清单（密码123456）.xlsx")
    gbk_csv(folder / "部门" / "公安局" / "公安局整改台账导出.xls")
    word_file(folder / "乡镇" / "南湖乡" / "南湖乡巡察整改台账.docx")
    # a file name that names no unit: the folder does
    (folder / "部门" / "应急管理局").mkdir(parents=True)
    (folder / "部门" / "应急管理局" / "附件2 反馈意见.xlsx").write_bytes(b"not a workbook")
    result, data, wb = written(tmp_path, folder)
    reasons = ranking(result)
    assert set(reasons) == {"清河县教育局", "人社局", "公安局", "南湖乡", "应急管理局"}
    assert reasons["清河县教育局"] == ""
    assert "设有打开密码" in reasons["人社局"] and "取消打开密码后重新报送" in reasons["人社局"]
    assert reasons["公安局"] == ""  # its system's CSV export under an .xls name is read as Excel opens it
    assert "是文档" in reasons["南湖乡"] and "请向该单位索取 Excel 台账" in reasons["南湖乡"]
    assert reasons["应急管理局"].startswith("无可读取的台账")
    # the same in the JSON and in both sheets the auditor counts
    assert {r["unit"] for r in data["round"]} == set(reasons)
    ranked = {r[1] for r in wb["整改统计"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert set(reasons) <= ranked
    text = to_text(result)
    assert "没有统计到台账的单位（3" in text and "  人社局：无可读取的台账" in text


def test_unit_names_in_file_names_without_ledger_words_notes_and_export_words() -> None:
    for file, unit in [
        ("部门/人社局/人社局整改清单（密码123456）.xlsx", "人社局"),
        ("部门/公安局/公安局整改台账导出.xls", "公安局"),
        ("部门/统计局/统计局整改清单.xls", "统计局"),
        ("部门/农业农村局/农业农村局销号台账.xlsx", "农业农村局"),
        ("部门/水利局/县水利局整改台账汇总.xlsx", "县水利局"),
        ("部门/司法局/司法局整改落实情况表（最终版）.xlsx", "司法局"),
        ("部门/审计局/附件2 反馈意见.xlsx", "审计局"),  # the folder's
        ("部门/妇联/整改台账.xlsx", "妇联"),
    ]:
        n = batch_report.read_name(file)
        assert (n.unit, n.names_unit) == (unit, True), file
    # folders of many units, dates and rectxl's output folders name none
    for file in ("乡镇/附件2.xlsx", "2026年10月报送/附件2.xlsx", "县直单位/附件2.xlsx",
                 "东山镇台账_提醒_20261130/镇应急办_督办通知.docx"):
        assert not batch_report.read_name(file).names_unit, file


def test_a_word_file_gives_its_unit_a_row_and_tells_whom_to_ask(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    ledger(folder / "部门" / "教育局" / "教育局整改台账.xlsx", 2, unit="清河县教育局")
    word_file(folder / "部门" / "南湖乡" / "南湖乡整改台账.docx")
    result = run_batch(folder, options=OPTS, workers=1)
    (doc,) = result.ignored
    assert doc.reason == "这是 Word 文档（.docx），不是台账，未检查：请向该单位（南湖乡）索取 Excel 台账"
    assert ranking(result)["南湖乡"].startswith("无可读取的台账")


def test_rectxl_remind_letters_in_the_folder_are_no_units_documents(tmp_path: Path) -> None:
    from rectxl.api import remind

    folder = tmp_path / "收件"
    path = ledger(folder / "部门" / "法院" / "县法院整改台账.xlsx", 2, title="清河县人民法院巡察整改台账")
    remind(path, options=OPTS)
    result = run_batch(folder, options=OPTS, workers=1)
    assert set(ranking(result)) == {"清河县人民法院"}
    letters = [s for s in result.ignored if s.file.endswith(".docx")]
    assert letters and all(s.reason.startswith("rectxl 生成的文件") for s in letters)


# -- 2. short and full names of one unit -------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "same"), [
    ("团县委", "共青团清河县委员会", True),
    ("妇联", "清河县妇女联合会", True),
    ("残联", "清河县残疾人联合会", True),
    ("工商联", "清河县工商业联合会", True),
    ("科协", "清河县科学技术协会", True),
    ("总工会", "清河县总工会", True),
    ("侨联", "归国华侨联合会", True),
    ("县法院", "清河县人民法院", True),
    ("县纪委监委", "中共清河县纪律检查委员会", True),
    ("开发区", "清河经济开发区管委会", True),
    ("县税务局", "国家税务总局清河县税务局", True),
    ("国库支付中心", "清河县财政局国库集中支付中心", True),
    ("团县委", "团市委", False),
    ("妇联", "科协", False),
    ("财政局", "清河县财政局国库集中支付中心", False),
    ("城管局", "住建局", False),
    ("梅岭镇", "梅岭镇中心小学", False),
    ("中心小学", "梅岭镇中心小学", False),
])
def test_one_home_for_whether_two_names_name_one_unit(a: str, b: str, same: bool) -> None:
    assert units.same_unit_name(a, b) is same and units.same_unit_name(b, a) is same
    # the batch's grouping and its 单位名称 check use that one function
    assert batch_units.same_unit_name is units.same_unit_name
    assert not hasattr(batch_report, "same_unit")


def test_short_names_of_a_body_are_its_name_with_no_false_note(tmp_path: Path) -> None:
    folder = tmp_path / "巡察第三轮台账"
    ledger(folder / "部门" / "团县委" / "团县委.xlsx", 3, title="共青团清河县委员会巡察整改台账")
    ledger(folder / "部门" / "妇联" / "妇联台账.xlsx", 2, title="清河县妇女联合会巡察整改台账")
    ledger(folder / "部门" / "残联" / "残联整改台账.xlsx", 2, unit="清河县残疾人联合会")
    # a real template leftover: 住建局's file with 城管局's title
    ledger(folder / "部门" / "住建局" / "住建局整改台账.xlsx", 2,
           title="清河县城市管理综合执法局巡察整改台账")
    result, data, _ = written(tmp_path, folder)
    assert set(ranking(result)) == {"共青团清河县委员会", "清河县妇女联合会", "清河县残疾人联合会", "住建局"}
    (note,) = [n for n in batch_notes(result) if n.code == "unit-name-mismatch"]
    assert note.files == ["部门/住建局/住建局整改台账.xlsx"]
    # the name came from the title row, and the note says so
    assert "标题行中的单位名称是“清河县城市管理综合执法局”" in note.message and "基本信息" not in note.message
    assert {r["unit"] for r in data["round"]} == set(ranking(result))


# -- 3. the newest version --------------------------------------------------------------------------


def test_folders_dated_or_numbered_outrank_modification_times(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    # the older ledger re-saved later: its modification time is the newer one
    ledger(folder / "2026年9月报送" / "白沙镇.xlsx", 4, unit="中共白沙镇委员会", hours=48)
    ledger(folder / "2026年10月报送" / "白沙镇.xlsx", 4, unit="中共白沙镇委员会", done=3)
    ledger(folder / "第一次报送" / "妇联台账.xlsx", 3, unit="清河县妇女联合会")
    ledger(folder / "第二次报送" / "妇联台账.xlsx", 3, unit="清河县妇女联合会", done=3)
    result = run_batch(folder, options=OPTS, workers=1)
    counted = {r.unit: r.file for r in result.ledgers}
    assert counted == {"白沙镇": "2026年10月报送/白沙镇.xlsx", "清河县妇女联合会": "第二次报送/妇联台账.xlsx"}
    reasons = {s.file: s.reason for s in result.set_aside}
    assert "所在文件夹“2026年10月报送”的日期最新" in reasons["2026年9月报送/白沙镇.xlsx"]
    assert "所在文件夹“第二次报送”的次序最新" in reasons["第一次报送/妇联台账.xlsx"]
    assert "修改时间" not in " ".join(reasons.values())


def test_version_words_in_names_outrank_modification_times(tmp_path: Path) -> None:
    folder = tmp_path / "东山镇"
    ledger(folder / "【东山镇】巡察整改台账（最终版）.xlsx", 3, unit="中共东山镇委员会", hours=10)
    ledger(folder / "【东山镇】巡察整改台账（最终版2）.xlsx", 3, unit="中共东山镇委员会", done=2)
    ledger(folder / "县水利局整改台账初稿.xlsx", 3, unit="县水利局", hours=20)
    ledger(folder / "县水利局整改台账修改稿.xlsx", 3, unit="县水利局", done=1, hours=10)
    ledger(folder / "县水利局整改台账终稿.xlsx", 3, unit="县水利局", done=2)
    result = run_batch(folder, options=OPTS, workers=1)
    assert sorted(r.file for r in result.ledgers) == ["【东山镇】巡察整改台账（最终版2）.xlsx",
                                                      "县水利局整改台账终稿.xlsx"]
    reasons = {s.file: s.reason for s in result.set_aside}
    assert "稿次最新" in reasons["【东山镇】巡察整改台账（最终版）.xlsx"]
    assert "文件名标明“终稿”" in reasons["县水利局整改台账初稿.xlsx"]


def test_when_only_the_modification_time_decides_the_note_says_it_may_mislead(tmp_path: Path) -> None:
    folder = tmp_path / "乡镇"
    ledger(folder / "竹溪乡" / "整改台账.xlsx", 3)
    ledger(folder / "竹溪乡" / "整改台账 .xlsx", 4, hours=5)
    result = run_batch(folder, options=OPTS, workers=1)
    (aside,) = result.set_aside
    assert "修改时间最新" in aside.reason and "请核实" in aside.reason


# -- 4. diff ----------------------------------------------------------------------------------------


def _percent_ledger(path: Path, shares: list[float]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改进度"])
    for n, share in enumerate(shares, 1):
        ws.append([n, f"问题{n}", f"措施{n}：建立台账", "党政办", "2026年12月31日", share])
        ws.cell(ws.max_row, 6).number_format = "0%"
    wb.save(path)
    return path


def test_diff_shows_percentage_statuses_as_percentages_and_no_aspects_when_there_are_none(tmp_path: Path) -> None:
    from rectxl.api import diff
    from rectxl.core.diff import render_diff_text

    old = _percent_ledger(tmp_path / "台账9月.xlsx", [0.5, 0.2])
    new = _percent_ledger(tmp_path / "台账10月.xlsx", [1, 0.2])
    text = render_diff_text(diff(old, new, as_of_old=AS_OF, as_of_new=AS_OF))
    assert "50%（正在推进） → 100%（已完成）" in text
    assert "0.5" not in text and "方面：" not in text


# -- 5. reasons -------------------------------------------------------------------------------------


def test_a_lock_file_beside_a_ledger_says_the_ledger_was_open(tmp_path: Path) -> None:
    folder = tmp_path / "部门"
    ledger(folder / "卫健局" / "卫健局巡察整改台账.xlsx", 2, unit="清河县卫生健康局")
    (folder / "卫健局" / "~$卫健局巡察整改台账.xlsx").write_bytes(b"\x06user  " + b"\x00" * 150)
    result = run_batch(folder, options=OPTS, workers=1)
    (lock,) = result.ignored
    assert "打开“卫健局巡察整改台账.xlsx”时生成的临时锁定文件" in lock.reason and "最后保存的版本" in lock.reason
    (note,) = [n for n in batch_notes(result) if n.code == "open-when-copied"]
    assert note.files[0] == "卫健局/卫健局巡察整改台账.xlsx" and "正在 Excel/WPS 中打开" in note.message


def test_check_on_a_lock_file_says_it_is_a_lock_file_not_damaged(tmp_path: Path) -> None:
    from rectxl.core.errors import LedgerError
    from rectxl.io.reader import read_ledger

    lock = tmp_path / "~$台账.xlsx"
    lock.write_bytes(b"\x06user  " + b"\x00" * 150)
    with pytest.raises(LedgerError) as caught:
        read_ledger(lock)
    assert "临时锁定文件" in str(caught.value) and "损坏" not in str(caught.value).replace("没有损坏", "")


def test_a_password_tells_the_office_to_ask_the_unit(tmp_path: Path) -> None:
    folder = tmp_path / "部门"
    ledger(folder / "教育局.xlsx", 1, unit="清河县教育局")
    encrypted(folder / "人社局整改台账.xlsx")
    result = run_batch(folder, options=OPTS, workers=1)
    (skipped,) = result.skipped
    assert "设有打开密码" in skipped.reason and "请该单位取消打开密码后重新报送" in skipped.reason


# -- 6. the run's own files inside the folder -------------------------------------------------------


def test_outputs_inside_the_folder_are_neither_listed_nor_checked(tmp_path: Path) -> None:
    folder = tmp_path / "台账"
    ledger(folder / "部门" / "粮食局" / "粮食局台账.xlsx", 2, unit="清河县粮食局")
    outputs = BatchOutputs(folder / "汇总.xlsx", folder / "汇总.json")
    for _ in range(2):  # the second run replaces the first's outputs (--force)
        result = write_batch(folder, outputs, options=OPTS, workers=1)
        assert result.ignored == [] and result.skipped == [] and len(result.ledgers) == 1
        data = json.loads(outputs.json.read_text("utf-8"))  # type: ignore[union-attr]
        assert data["ignored"] == []
    # another run's outputs, under other names, are recognised as rectxl's
    result = write_batch(folder, BatchOutputs(folder / "汇总2.xlsx", folder / "汇总2.json"), options=OPTS, workers=1)
    reasons = {s.file: s.reason for s in result.ignored}
    assert set(reasons) == {"汇总.json", "汇总.xlsx"}
    assert all(r.startswith("rectxl 生成的文件") for r in reasons.values())


# -- 7. the summary workbook -----------------------------------------------------------------------


def test_the_summary_prints_and_says_issues_and_sheets(tmp_path: Path) -> None:
    folder = tmp_path / "台账"
    path = ledger(folder / "城投集团整改台账.xlsx", 3, unit="清河城投集团")
    wb = load_workbook(path)
    second = wb.copy_worksheet(wb["台账"])
    second.title = "城建公司"  # a sheet per 子公司, numbers restarting
    for r in range(2, second.max_row + 1):
        second.cell(r, 2).value = f"城建公司问题{r - 1}：工程管理不规范"
        second.cell(r, 3).value = f"城建公司措施{r - 1}：完善工程管理制度"
    wb.save(path)
    _, data, book = written(tmp_path, folder)
    out = tmp_path / "输出" / "汇总.xlsx"
    with zipfile.ZipFile(out) as zf:
        workbook_xml = zf.read("xl/workbook.xml").decode()
        sheets = [zf.read(n).decode() for n in zf.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)]
    assert len(sheets) == 4
    for xml in sheets:
        assert '<pageSetUpPr fitToPage="1"/>' in xml
        assert re.search(r'<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"', xml)
    assert workbook_xml.count("_xlnm.Print_Titles") == 4
    assert book["整改统计"].print_title_rows in ("1:1", "$1:$1")
    units_sheet = book["单位汇总"]
    header = [c.value for c in units_sheet[1]]
    assert header[3:5] == ["问题数", "措施数"] and header[-1] == "读取的工作表"
    row = [c.value for c in units_sheet[2]]
    issues = data["ledgers"][0]["issues"]
    assert row[3] == issues > 0 and row[4] == 6 and row[-1] == "台账、城建公司"
    assert data["round"][0]["issues"] == issues


# -- 8. remind without a 责任人 column ----------------------------------------------------------------


def test_letters_for_a_ledger_without_a_person_column_say_so_once(tmp_path: Path) -> None:
    from rectxl.api import remind

    header = ["序号", "具体问题", "整改措施", "责任单位", "责任领导", "整改时限", "整改状态", "整改进展"]
    path = ledger(tmp_path / "法院台账.xlsx", 3, header=header, unit="清河县人民法院")
    done = remind(path, options=OPTS)
    from docx import Document

    (letter, written_to), = done.letters
    text = "\n".join(x.text() for x in letter.letters)
    assert text.count("台账未设责任人列") == 1 and "【请填写责任人】" not in text
    doc = Document(str(written_to))
    assert [c.text for c in doc.tables[0].rows[0].cells][-1] == "责任领导"
    assert sum("台账未设责任人列" in p.text for p in doc.paragraphs) == 1
    book = load_workbook(done.list_path)
    assert "台账未设责任人列" in book["提醒清单"]["A1"].value
    cells = [c.value for ws in book for row in ws.iter_rows() for c in row]
    assert "（未填写）" not in cells


def test_letters_for_a_ledger_with_the_column_still_ask_for_a_blank_one(tmp_path: Path) -> None:
    from rectxl.core.letters import plan_reminders
    from rectxl.io.reader import read_ledger

    path = ledger(tmp_path / "台账.xlsx", 2, unit="清河县司法局")
    wb = load_workbook(path)
    wb["台账"]["E3"] = None  # 责任人 left blank on one row
    wb.save(path)
    plan = plan_reminders(read_ledger(path), as_of=AS_OF)
    text = "\n".join(x.text() for u in plan.units for x in u.letters)
    # the helper's ledger has no 责任领导 column: that is said once, the blank 责任人 still asked for
    assert "【请填写责任人】" in text and "台账未设责任人" not in text and plan.absent == ("责任领导",)
    assert "【请填写责任领导】" not in text
