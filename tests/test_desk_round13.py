"""Desk round 13: the clerk's and the auditor's commands on real use.

- ``rectxl remind`` letters to a 股室, a town or a 大队 call it 你股 / 你镇 / 你大队 in the body — they
  had all said "你单位", as if sent to another organisation;
- on a ledger naming only its 牵头领导 (no 责任人 column) the 提醒统计 counts per leader, within each
  unit and over all units — it had given only each unit's total;
- ``rectxl annotate --clear`` of marks an earlier rectxl recorded without their rows' texts, after
  the clerk sorted the sheet by 责任单位: it names each mark it could not place (cell and the text it
  had when marked) — it had said some cells were "re-coloured by you" when nobody had touched them.

The ledgers are written here with openpyxl, as a 县文化旅游局 and a 青石镇 clerk write theirs
(fictional units and people).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.cli.commands import main
from rectxl.core.letters import address_word, plan_reminders
from rectxl.core.names import MARKS_SHEET
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger

D = dt.datetime
AS_OF = dt.date(2025, 10, 31)


def saved(path: Path, header: list[str], rows: list[list[object]], title: str,
          info: dict[str, object] | None = None) -> Path:
    """A ledger sheet 整改台账 (a title row, the header, the rows) and its 基本信息 (``info``, by
    default a 县文化旅游局 reporting on 2025-10-31), saved at ``path``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    facts = wb.create_sheet("基本信息")
    for key, value in (info or {"单位名称": "县文化旅游局", "报告日期": D(2025, 10, 31)}).items():
        facts.append([key, value])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# -- how a letter calls its addressee ------------------------------------------------------------------


@pytest.mark.parametrize(("unit", "word"), [
    ("文物股", "你股"), ("财务室", "你室"), ("东山镇", "你镇"), ("县水利局", "你局"), ("执法监察大队", "你大队"),
    ("党政办", "你办"), ("县委办公室", "你办"), ("青石镇人民政府", "你镇"), ("柳溪村党支部", "你支部"),
    ("城关街道办事处", "你街道"), ("某某县第一中学", "你校"), ("城关小学", "你校"), ("高新区管委会", "你委"),
    ("农业服务中心", "你中心"), ("县财政局（国资办）", "你局"), ("县总工会", "你单位"), ("张三", "你单位"),
])
def test_the_addressee_is_called_by_its_kind(unit: str, word: str) -> None:
    assert address_word(unit) == word


def test_letters_to_a_section_and_a_town_do_not_say_your_unit(tmp_path: Path) -> None:
    path = saved(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"], [
        [1, "文物安全巡查不到位", "建立文物安全巡查制度", "文物股", "周涛", D(2025, 11, 5), "正在推进"],
        [2, "农家书屋管理不规范", "清理农家书屋图书", "东山镇、西河镇", "张三", D(2025, 10, 10), "正在推进"],
    ], "县文化旅游局巡察整改台账")
    plan = plan_reminders(read_ledger(path), as_of=AS_OF, warn_days=(15,))
    letters = {u.unit: u.letters for u in plan.units}
    assert list(letters) == ["文物股", "东山镇", "西河镇"]  # each town its own letter
    (reminder,) = letters["文物股"]
    assert "截至2025年10月31日，你股牵头负责的巡察反馈问题整改措施中，有1项将在15天内到期" in reminder.opening[0]
    assert reminder.closing[0].startswith("请你股对照整改时限")
    (urging,) = letters["东山镇"]
    assert "你镇牵头负责的" in urging.opening[0] and urging.closing[0].startswith("现予以督办。请你镇高度重视")
    assert urging.copy_line == "抄送：西河镇。"
    assert all("你单位" not in letter.text() for unit in plan.units for letter in unit.letters)


# -- a ledger naming only its 牵头领导 -------------------------------------------------------------------


def test_the_statistics_count_per_leader_when_there_is_no_person(tmp_path: Path) -> None:
    header = ["序号", "存在问题", "整改措施", "牵头领导", "责任股室", "完成时限", "整改情况"]
    path = saved(tmp_path / "文旅局台账.xlsx", header, [
        [1, "文物安全巡查不到位", "建立文物安全巡查制度", "王局长", "文物股", D(2025, 11, 5), "正在推进"],
        [1, "文物安全巡查不到位", "开展文物安全大检查", "王局长", "文物股", D(2025, 10, 20), "正在推进"],
        [2, "公共文化场馆免费开放不规范", "规范免费开放时间", "李副局长", "公共服务股", D(2025, 11, 8), "正在推进"],
        [3, "财务报销把关不严", "清理不合规票据", "李副局长、王局长", "办公室", D(2025, 10, 1), "未启动"],
    ], "县文化旅游局巡察整改台账")
    done = api.remind(path, tmp_path / "提醒", Options(as_of=AS_OF, warn_days=(15,)))
    assert done.list_path is not None
    stats = list(load_workbook(done.list_path)["提醒统计"].iter_rows(values_only=True))
    assert stats == [
        ("责任单位", "责任领导", "逾期（红）", "橙色预警", "黄色预警", "合计"),
        ("文物股", "（合计）", 1, 0, 1, 2),
        ("文物股", "王局长", 1, 0, 1, 2),
        ("公共服务股", "（合计）", 0, 0, 1, 1),
        ("公共服务股", "李副局长", 0, 0, 1, 1),
        ("办公室", "（合计）", 1, 0, 0, 1),
        ("办公室", "李副局长", 1, 0, 0, 1),
        ("办公室", "王局长", 1, 0, 0, 1),
        ("（各单位合计）", "王局长", 2, 0, 1, 3),
        ("（各单位合计）", "李副局长", 1, 0, 1, 2),
    ]


# -- clearing an earlier rectxl's marks after a sort ---------------------------------------------------


HEAD = ["序号", "问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"]
TOWN = [
    [1, "理论学习中心组学习流于形式", "制定年度学习计划", "张书记", "党政办", "刘洋", "2025年9月30日", "正在推进",
     "已起草"],
    [2, "村级财务管理不规范", "开展村级财务专项审计", "王副镇长", "财政所", "郑华", "2025年9月30日", "已完成",
     "已审计12个村"],
    [3, "耕地保护责任落实不到位", "整改违法占地图斑", "李镇长", "自然资源所", None, "2025年12月31日", "正在推进",
     "已整改5处"],
    [4, "矛盾纠纷化解不及时", "建立矛盾纠纷排查台账", "赵副书记", "综治办", "吴敏", D(2025, 9, 30), "正在推进",
     "已建台账"],
]


def _town(folder: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(HEAD)
    for row in TOWN:
        ws.append(row)
    path = folder / "青石镇整改台账.xlsx"
    wb.save(path)
    return path


def forget_row_texts(wb: Workbook) -> None:
    """Drop the rows' texts from rectxl's record of its marks in ``wb``, as rectxl wrote the record
    before round 12."""
    record = next(wb[n] for n in wb.sheetnames if n.startswith(MARKS_SHEET))
    for row in record.iter_rows(min_row=3):
        if row[2].value and str(row[2].value).startswith("{"):
            data = json.loads(row[2].value)
            data.pop("row", None)
            row[2].value = json.dumps(data, ensure_ascii=False)


def _as_an_earlier_rectxl_recorded(path: Path) -> None:
    """The record without its rows' texts, as rectxl wrote it before round 12."""
    wb = load_workbook(path)
    forget_row_texts(wb)
    wb.save(path)


def _sorted_by_unit(src: Path, dst: Path, fix: dict[str, object]) -> Path:
    """The clerk's fixes typed in, then the rows sorted by 责任单位 (texts and formats move)."""
    wb = load_workbook(src)
    ws = wb["台账"]
    for ref, value in fix.items():
        ws[ref].value = value  # type: ignore[index]
    rows = [[(ws.cell(r, c).value, copy.copy(ws.cell(r, c)._style)) for c in range(1, 10)] for r in range(2, 6)]
    rows.sort(key=lambda row: str(row[4][0]))
    for i, row in enumerate(rows):
        for c, (value, style) in enumerate(row, start=1):
            ws.cell(2 + i, c).value, ws.cell(2 + i, c)._style = value, style
    wb.save(dst)
    return dst


def _coloured(path: Path) -> set[str]:
    ws = load_workbook(path)["台账"]
    return {c.coordinate for row in ws.iter_rows() for c in row if c.fill is not None and c.fill.fill_type == "solid"}


def test_an_earlier_records_marks_after_a_sort_are_named_not_called_recoloured(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, marked, _ = api.annotate(_town(tmp_path), tmp_path / "标记.xlsx", Options(as_of=AS_OF))
    assert _coloured(marked) == {"G2", "F4", "G5"}  # overdue 学习计划, 耕地's missing 责任人, overdue 台账
    _as_an_earlier_rectxl_recorded(marked)
    # the clerk fills in 耕地's 责任人, moves 学习计划's deadline on, and sorts by 责任单位
    edited = _sorted_by_unit(marked, tmp_path / "排序.xlsx", {"F4": "孙丽", "G2": "2025年12月31日"})
    out = tmp_path / "清除.xlsx"
    assert main(["annotate", "--clear", str(edited), "-o", str(out), "--force"]) == 0
    said = capsys.readouterr().out
    # 综治办's overdue red went to G3 with its row: found by its colour and given back — it had been
    # left red, and G5 (综治办's cell before the sort, now 自然资源所's) said "re-coloured by you"
    assert "被改了底色，保留了您设置的颜色" not in said
    assert "3个单元格恢复原样" in said and _coloured(out) == set()


def test_an_earlier_records_marks_it_cannot_place_are_named(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A column inserted after an earlier rectxl marked the ledger: nothing can be followed; each
    mark is named by its cell and what the cell held when marked (a date as the date)."""
    _, marked, _ = api.annotate(_town(tmp_path), tmp_path / "标记.xlsx", Options(as_of=AS_OF))
    _as_an_earlier_rectxl_recorded(marked)
    wb = load_workbook(marked)
    wb["台账"].insert_cols(2)
    wb.save(tmp_path / "插入列.xlsx")
    assert main(["annotate", "--clear", str(tmp_path / "插入列.xlsx"), "-o", str(tmp_path / "清除.xlsx")]) == 0
    said = capsys.readouterr().out
    (line,) = [ln for ln in said.splitlines() if "无法确定现在在哪个单元格" in ln]
    assert line.startswith("  注意：这份标记由较早版本的 rectxl 写出，没有记下各行的内容；")
    assert "以下 3 个标记无法确定现在在哪个单元格，未作改动：" in line
    assert "台账!G2（标记时内容为“2025年9月30日”）" in line and "台账!F4（标记时为空白）" in line
    assert "台账!G5（标记时为日期2025年9月30日）" in line  # not its serial number 45930


# -- a county's inbox: a unit that sent only its report ------------------------------------------------


@pytest.mark.parametrize(("file", "unit"), [
    ("县司法局整改情况报告.docx", "县司法局"),
    ("关于县司法局巡察整改情况的报告.docx", "县司法局"),
    ("县司法局巡察整改工作总结.pdf", "县司法局"),
    ("县审计局整改台账.xlsx", "县审计局"),
])
def test_a_report_s_name_names_its_unit(file: str, unit: str) -> None:
    from rectxl.core.batch_report import read_name

    n = read_name(file)
    assert (n.unit, n.names_unit) == (unit, True)


def test_a_unit_that_sent_only_its_report_and_one_whose_file_is_broken_are_asked_for_ledgers(tmp_path: Path) -> None:
    import docx

    from rectxl.batch import run_batch
    from rectxl.core.batch_report import round_rows

    inbox = tmp_path / "收件"
    header = ["序号", "反馈问题", "整改举措", "牵头单位", "具体责任人", "完成时限", "完成情况"]
    saved(inbox / "县财政局整改台账.xlsx", header, [
        [1, "预算执行不严", "清理结转结余资金", "预算股", "甲", D(2025, 12, 31), "正在推进"]], "县财政局整改台账")
    report = docx.Document()
    report.add_paragraph("县司法局关于巡察整改进展情况的报告")
    report.save(str(inbox / "县司法局整改情况报告.docx"))
    (inbox / "县交通运输局整改台账.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    result = run_batch(inbox, workers=1, options=Options(as_of=AS_OF))
    rows = {r.unit: r.reason for r in round_rows(result)}
    assert rows["县财政局"] == ""
    # the report's unit had vanished from the units without a ledger
    assert rows["县司法局"] == ("无可读取的台账（“县司法局整改情况报告.docx”是文档，不是 Excel 台账），"
                              "未统计：请向该单位索取 Excel 台账")
    assert rows["县交通运输局"].startswith("无可读取的台账（“县交通运输局整改台账.xlsx”")
    assert "无法读取" in rows["县交通运输局"] and rows["县交通运输局"].count("无法读取") == 1


def test_remind_ends_1_when_a_deadline_it_cannot_read_kept_a_measure_out(tmp_path: Path) -> None:
    """A deadline that cannot be read ("视情况而定"; round 13 used "视情况而定" with no 反馈日期, which
    round 14 dates by the 报告日期's year): the measure is in no letter — said, and the run ends 1 (as
    a notice with unreadable statuses does); it had ended 0 as if all were sent."""
    import subprocess
    import sys

    path = saved(tmp_path / "台账.xlsx", ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"], [
        [1, "农村人居环境整治不彻底", "开展村庄清洁行动", "东山镇", "张三", "视情况而定", "正在推进"],
        [2, "防汛物资储备不足", "补充防汛物资", "应急股", "王五", D(2025, 10, 20), "正在推进"],
    ], "县农业农村局巡察整改台账")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "remind", str(path), "-o", str(tmp_path / "函")],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 1, proc.stderr
    assert "注意：1 项未完成的措施整改时限无法识别，无法判断是否到期，未纳入提醒：整改台账!F3“视情况而定”" \
        in proc.stdout
    assert (tmp_path / "函" / "应急股_督办通知.docx").exists()
    path.unlink()
    saved(path, ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"], [
        [1, "农村人居环境整治不彻底", "开展村庄清洁行动", "东山镇", "张三", "视情况而定", "正在推进"]],
        "县农业农村局巡察整改台账")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "remind", str(path), "-o", str(tmp_path / "函2")],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 1 and "没有其他临期或逾期的整改措施，未生成提醒函" in proc.stdout


# -- two measures written alike, swapped by a sort -------------------------------------------------------


def test_the_follower_tells_twin_rows_apart_by_the_colour() -> None:
    from rectxl.core.follow import follow, row_key

    same = {"B": "村务公开不及时", "C": "督促各村按月公开村务", "D": "党政办"}
    keys = {"F2": row_key({2: same}, 2)}
    now = {2: dict(same), 3: dict(same)}  # told apart only by their deadlines (dates: no text cells)
    assert follow(keys, now, lambda spot, ref: spot == "F3") == {"F3": "F2"}
    assert follow(keys, now, lambda spot, ref: spot == "F2") == {"F2": "F2"}
    assert follow(keys, now, lambda spot, ref: None) == {"F2": "F2"}  # cannot tell: where it was
    # both marked, red (overdue) and yellow (due soon), swapped: each found by its colour
    both = {"F2": keys["F2"], "F3": keys["F2"]}
    colours = {"F2": "FF7C80", "F3": "FFFF00"}
    showing = {"F2": "FFFF00", "F3": "FF7C80"}
    assert follow(both, now, lambda spot, ref: showing[spot] == colours[ref], None, colours) == {
        "F3": "F2", "F2": "F3"}
    # marked alike: nothing to tell, no colour asked for
    alike = {"F2": "FF7C80", "F3": "FF7C80"}
    assert follow(both, now, lambda spot, ref: pytest.fail("asked"), None, alike) == {"F2": "F2", "F3": "F3"}


def test_marks_on_twin_rows_swapped_by_a_sort_are_cleared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One measure entered twice (the second a later stage, told apart only by its 整改时限): the first
    overdue (red on F2), the second a duplicate (on C3). The clerk sorts by 整改时限 descending, the two
    rows swap: both marks had stayed, the clear saying the clerk had re-coloured them."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "村务公开不及时", "督促各村按月公开村务", "党政办", "刘洋", D(2025, 9, 30), "正在推进"])
    ws.append([1, "村务公开不及时", "督促各村按月公开村务", "党政办", "刘洋", D(2026, 3, 31), "正在推进"])
    ws.append([2, "档案管理不规范", "整理归档", "办公室", "钱七", D(2026, 6, 30), "正在推进"])
    wb.save(tmp_path / "台账.xlsx")
    _, marked, _ = api.annotate(tmp_path / "台账.xlsx", tmp_path / "标记.xlsx", Options(as_of=AS_OF))
    assert _coloured(marked) == {"F2", "C3"}
    wb = load_workbook(marked)
    ws = wb["台账"]
    for c in range(1, 8):
        a, b = ws.cell(2, c), ws.cell(3, c)
        a.value, b.value = b.value, a.value
        a._style, b._style = copy.copy(b._style), copy.copy(a._style)
    wb.save(tmp_path / "排序.xlsx")
    assert main(["annotate", "--clear", str(tmp_path / "排序.xlsx"), "-o", str(tmp_path / "清除.xlsx")]) == 0
    said = capsys.readouterr().out
    assert _coloured(tmp_path / "清除.xlsx") == set()
    assert "2个单元格恢复原样" in said and "被改了底色" not in said
