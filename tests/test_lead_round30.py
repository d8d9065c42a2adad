"""Round 30, lead: ledgers and notices as other offices write them (see the closing note)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from rectxl.api import check, notice, parse_notice_file, read_ledger
from rectxl.cli.commands import main
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.errors import RectxlError
from rectxl.core.status import Status, read_status, remark_says_long_term
from tests.test_workbook_quirks import _sheet_book


@pytest.mark.parametrize(("said", "as_of"), [("（截至十月底）", date(2026, 10, 31)),
                                              ("（截至二〇二六年十月三十一日）", date(2026, 10, 31)),
                                              ("（截止到11月份末）", date(2026, 11, 30))])
def test_a_title_standing_at_a_day_written_in_chinese_numerals_dates_the_check(tmp_path: Path, said: str,
                                                                              as_of: date) -> None:
    """A title says the day its figures stand at in Chinese numerals ("截至十月底") as a notice does;
    the ledger is judged on that day. It had been ignored in a ledger (read only in notices), the
    ledger judged on the day of the check and a measure due after that day counted overdue."""
    report = check(_sheet_book(tmp_path / "县水利局.xlsx", title="台账", rows=[
        [f"县水利局巡察整改台账{said}"],
        ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改进展", "整改状态"],
        [1, "河道采砂监管不到位", "开展河道非法采砂专项整治", "河湖股", "2026年12月2日", "已巡查12处", "正在推进"]]),
        today=date(2026, 12, 3))
    assert report.as_of == as_of
    assert not [f for f in report.findings if f.code == "overdue"]


_STEPS = [  # (status as a county bureau writes it, what it reads)
    ("试运行", "正在推进"), ("已投入试运行", "正在推进"), ("待拨付", "正在推进"), ("等待上级政策", "正在推进"),
    ("已审定待印发", "正在推进"), ("历史遗留问题，逐步化解", "正在推进"),
    ("已追缴12万元，剩余3万元正在追缴", "正在推进"), ("余款正在追缴", "正在推进"),
    ("已清退8人，其余2人正在协调", "正在推进"),
    ("整改合格", "已完成"), ("第一阶段已完成", "基本完成"), ("已整改大部分", "基本完成"),
]


def test_status_words_of_a_step_taken_and_one_to_come_are_read(tmp_path: Path) -> None:
    """Statuses naming the step the work is at (试运行, 待拨付, 已审定待印发, 逐步化解, "剩余3万元正在追缴"
    after what was recovered), or its result (整改合格, 第一阶段已完成, 已整改大部分), read as the clerk
    meant: they had been bad statuses (missing from the totals, nothing overdue)."""
    report = check(_sheet_book(tmp_path / "县城管执法局.xlsx", title="整改台账", rows=[
        ["县城管执法局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        *([n, f"问题{n}整改不到位", f"落实整改任务{n}", "法制股", "2026年10月31日", s]
          for n, (s, _) in enumerate(_STEPS, 1))]))
    assert not [f for f in report.findings if f.code == "bad-status"]
    going_on = [n for n, (_, want) in enumerate(_STEPS, 3) if want != "已完成"]
    assert sorted(f.row or 0 for f in report.findings if f.code == "overdue") == going_on
    assert report.counts.done == sum(want == "已完成" for _, want in _STEPS)
    assert report.counts.in_progress == sum(want == "正在推进" for _, want in _STEPS)


def test_the_notice_tells_what_is_left_as_the_status_cell_says_it(tmp_path: Path) -> None:
    """"已追缴12万元，剩余3万元正在追缴" is published whole: what was recovered and what is left —
    not cut to "已追缴12万元，正在推进"."""
    path = _sheet_book(tmp_path / "县医保局.xlsx", title="整改台账", rows=[
        ["县医保局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        [1, "违规报销医保基金", "追缴违规报销的医保基金", "基金监管股", "2026年12月31日",
         "已追缴12万元，剩余3万元正在追缴"]])
    _, written = notice(path, tmp_path / "通报.txt")
    assert "追缴违规报销的医保基金，已追缴12万元，剩余3万元正在追缴。" in written.read_text("utf-8")


def test_a_column_of_what_holds_the_work_up_is_a_note_not_a_second_issue(tmp_path: Path) -> None:
    """A 统计局 ledger keeps 存在问题及困难 and 需说明事项 beside the status, and names the person 具体落实人:
    the two are notes on the measure (备注), the person is the 责任人. 存在问题及困难 had been read as a
    second issue column and 需说明事项 as the issue; 具体落实人 was not understood."""
    path = _sheet_book(tmp_path / "县统计局.xlsx", title="整改台账", rows=[
        ["县统计局巡察整改台账（截至2026年11月30日）"],
        ["序号", "反馈问题", "整改措施", "责任科室", "具体落实人", "完成时限", "整改状态", "存在问题及困难",
         "需说明事项"],
        [1, "统计数据质量管控不严", "开展统计数据核查", "综合股", "李某", "2026年10月31日", "正在推进",
         "基层统计人员不足", "已向县政府报告"],
        [2, "统计执法检查开展不够", "制定年度统计执法检查计划", "执法股", "王某", "2026年12月31日", "已完成", "", ""]])
    report = check(path)
    assert not [f for f in report.findings if f.code in ("column-not-understood", "duplicate-column")]
    ledger = read_ledger(path)
    assert [i.title for i in ledger.issues()] == ["统计数据质量管控不严", "统计执法检查开展不够"]
    measures = list(ledger.measures())
    assert [m.owner_person for m in measures] == ["李某", "王某"]
    assert "基层统计人员不足" in (measures[0].remark or "") and "已向县政府报告" in (measures[0].remark or "")


#: a notice copied from a web page into Notepad: its commas half-width, as many sites print them
_NOTICE_AS_TEXT = """中共某县水务局党组关于巡察整改进展情况的通报

根据县委统一部署,2026年3月至5月,县委第三巡察组对县水务局党组开展了常规巡察,6月10日反馈了巡察意见。
一、提高政治站位,压紧压实整改责任
局党组把巡察整改作为重要政治任务,成立整改工作领导小组,制定整改方案,逐项明确责任领导、责任股室和完成时限。
二、聚焦反馈问题,逐项抓好整改落实
(一)落实河长制不够有力,河湖管护存在短板
1.河道巡查不到位。一是修订河道巡查制度,明确巡查频次,已印发执行;二是开展河道专项整治,清理河道垃圾120吨。
2.水资源费征收不规范。已对2024年以来征收情况全面清查,追缴欠费36万元,剩余款项正在追缴。
三、巩固整改成果,推动建章立制
我局将持续巩固整改成果,建立长效机制,确保整改工作落到实处。
欢迎广大干部群众对巡察整改落实情况进行监督,联系电话:0000-1234567。
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_notice_saved_as_text_with_half_width_commas_is_no_csv_table(tmp_path: Path, encoding: str) -> None:
    """A published notice saved as .txt, its commas half-width, is pointed to parse-notice. It had
    been read as a CSV table (each sentence split at its commas into cells) and checked as a ledger:
    missing columns and cells not understood, all about a file that is no ledger."""
    path = tmp_path / "水务局整改通报.txt"
    path.write_bytes(_NOTICE_AS_TEXT.encode(encoding))
    with pytest.raises(RectxlError, match="parse-notice"):
        check(path)


def test_a_table_saved_as_csv_is_still_read(tmp_path: Path) -> None:
    """The reading of a real CSV table stays: every row splits into the same cells."""
    path = tmp_path / "县水务局台账.csv"
    path.write_text("序号,反馈问题,整改措施,责任股室,完成时限,整改状态\n"
                    "1,河道巡查不到位,\"修订河道巡查制度,明确巡查频次\",河湖股,2026年10月31日,已完成\n"
                    "2,水资源费征收不规范,追缴欠费,水资源股,2026年12月31日,正在推进\n", encoding="utf-8-sig")
    report = check(path)
    assert report.counts.done == 1 and report.counts.in_progress == 1


def _letter_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_reminder_of_work_due_today_says_so(tmp_path: Path) -> None:
    """A 提醒函 whose measure is due on the day it is sent says "有1项今日到期" — it had said "有1项将在
    15天内到期" over a table reading 今日到期; beside others, the ones due today are counted apart."""
    path = _sheet_book(tmp_path / "县民政局.xlsx", title="整改台账", rows=[
        ["县民政局巡察整改台账"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        [1, "低保动态管理不到位", "开展低保对象排查", "社会救助股", "2026年12月3日", "正在推进"],
        [2, "养老机构安全隐患", "开展养老机构安全检查", "养老服务股", "2026年12月3日", "正在推进"],
        [3, "养老机构消防设施老化", "更换养老机构消防设施", "养老服务股", "2026年12月15日", "正在推进"]])
    assert main(["remind", str(path), "--as-of", "2026-12-03", "-o", str(tmp_path / "提醒函")]) == 0
    assert "有1项今日到期，具体如下" in _letter_text(tmp_path / "提醒函" / "社会救助股_提醒函.docx")
    assert "有2项将在15天内到期（其中今日到期1项）" in _letter_text(tmp_path / "提醒函" / "养老服务股_提醒函.docx")


def test_remind_told_a_file_name_asks_for_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``remind -o 提醒函.docx`` had made a folder named 提醒函.docx (Explorer shows it as a document that
    will not open); the letters are one per unit, so a folder is asked for, and nothing is made."""
    path = _sheet_book(tmp_path / "县民政局.xlsx", title="整改台账", rows=[
        ["县民政局巡察整改台账"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        [1, "低保动态管理不到位", "开展低保对象排查", "社会救助股", "2026年12月3日", "正在推进"]])
    assert main(["remind", str(path), "--as-of", "2026-12-03", "-o", str(tmp_path / "提醒函.docx")]) == 2
    assert "请指定一个文件夹" in capsys.readouterr().err
    assert not (tmp_path / "提醒函.docx").exists()


def test_a_month_and_day_typed_as_a_number_shown_with_two_decimals_is_that_day(tmp_path: Path) -> None:
    """A clerk types 9.30 in the deadline column, Excel keeps 9.3 and shows "9.3"; the clerk formats the
    column 0.00 so that it shows "9.30" again. rectxl reads the cell as it shows — September 30th, 10.10
    October 10th — where it had asked which day 9.3 meant (bad-deadline on every such row)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县气象局巡察整改台账（截至2026年8月31日）"])
    ws.append(["序号", "反馈问题", "整改措施", "责任科室", "完成时限", "整改状态"])
    ws.append([1, "气象灾害预警信息发布不及时", "修订预警信息发布流程", "减灾科", 9.3, "正在推进"])
    ws.append([2, "人工影响天气作业安全管理不严", "开展作业站点安全检查", "业务科", 10.1, "正在推进"])
    ws.append([3, "防雷检测资质管理不规范", "清理防雷检测机构", "法规科", 9.3, "正在推进"])
    for cell in ("E3", "E4"):
        ws[cell].number_format = "0.00"
    ws["E5"].number_format = "0.0"  # shows "9.3": which day is still asked
    wb.save(tmp_path / "县气象局.xlsx")
    report = check(tmp_path / "县气象局.xlsx")
    assert [f.cell for f in report.findings if f.code == "bad-deadline"] == ["E5"]
    measures = list(read_ledger(tmp_path / "县气象局.xlsx").measures())
    assert [m.deadline.due for m in measures[:2]] == [date(2026, 9, 30), date(2026, 10, 10)]


# -- review of the round's change: each case failed before its fix -----------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    # a step done, then the whole work done: done (the step had made it 正在推进, a false overdue)
    ("已完成摸排，共排查问题12个，已全部整改到位", Status.DONE),
    ("已完成设计，工程已完工", Status.DONE),
    ("第一阶段已完成，目前已全部完成", Status.DONE),
    # what is left said done: done
    ("剩余3户已全部整改到位", Status.DONE),
    ("已改造12户，剩余3户已全部整改到位", Status.DONE),
    # the step alone, or with the work going on, stays as it was
    ("已完成摸排", Status.IN_PROGRESS),
    ("已完成设计，正在施工", Status.IN_PROGRESS),
    ("已完成4项，剩余1项", Status.IN_PROGRESS),
])
def test_review_a_step_then_the_whole_work_done(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["巡察中发现的问题2027年6月底前整改到位",
                                  "在巡察过程中发现的问题于2027年6月底前整改完毕"])
def test_review_a_deadline_naming_the_inspection_is_not_read_as_at_once(cell: str) -> None:
    """“巡察中发现的问题…”: the problem was found during the inspection; the work is not said done there
    (it had been read 立行立改, a false overdue)."""
    assert parse_deadline(cell).kind is not DeadlineKind.IMMEDIATE


def test_review_an_owner_cell_naming_its_deadline_with_a_comma_keeps_the_date(tmp_path: Path) -> None:
    """"县住建局 赵六 2026年9月底前完成，并长期坚持" in a 责任单位、责任人及完成时限 column: due September 30th
    and kept up after; the date had been lost (only 并长期坚持 read) and nothing was overdue."""
    path = _sheet_book(tmp_path / "县住建局.xlsx", title="整改台账", rows=[
        ["县住建局巡察整改台账（截至2026年12月1日）"],
        ["序号", "反馈问题", "整改措施", "责任单位、责任人及完成时限", "整改状态"],
        [1, "物业管理监管不到位", "开展住宅小区物业服务专项检查", "县住建局 赵六 2026年9月底前完成，并长期坚持",
         "正在推进"]])
    measure = next(read_ledger(path).measures())
    assert measure.deadline.due == date(2026, 9, 30) and measure.owner_person == "赵六"
    assert [f.cell for f in check(path).findings if f.code == "overdue"] == ["D3"]


def test_review_a_remark_of_a_mechanism_to_build_is_no_long_term_work(tmp_path: Path) -> None:
    """A 备注 "建立长效机制" says what the measure is to set up: past its date, still going, it is
    overdue (it had been let off as long-term work)."""
    path = _sheet_book(tmp_path / "县审计局.xlsx", title="整改台账", rows=[
        ["县审计局巡察整改台账（截至2026年12月1日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态", "备注"],
        [1, "审计整改跟踪不到位", "建立审计整改跟踪台账", "法规股", "2026年9月30日", "正在推进", "建立长效机制"]])
    assert [f.code for f in check(path).findings if f.row == 3 and f.code.startswith(("overdue", "long-term"))] == [
        "overdue"]


def test_review_a_stamp_line_parted_by_a_comma_names_the_signer(tmp_path: Path) -> None:
    """"填报单位：县司法局党组，填报时间：2026年11月30日" above the table: the notice is signed 县司法局党组."""
    path = _sheet_book(tmp_path / "县司法局.xlsx", title="整改台账", rows=[
        ["县司法局巡察整改台账"],
        ["填报单位：县司法局党组，填报时间：2026年11月30日"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        [1, "社区矫正监管不严", "开展社区矫正对象排查", "矫正股", "2026年12月31日", "正在推进"]])
    _, written = notice(path, tmp_path / "通报.txt")
    assert written.read_text("utf-8").startswith("县司法局党组关于")


def _bureau_and_its_schools(folder: Path) -> None:
    """A 教育局's ledger, most of its measures led by two schools, beside the schools' own ledgers."""
    header = ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    for unit, rows in (("县第一中学", [("食堂账目不清", "县第一中学"), ("收费不规范", "县第一中学")]),
                       ("县实验小学", [("课后服务收费", "县实验小学"), ("资产管理", "县实验小学")]),
                       ("县教育局", [("对学校食堂监管不力", "县第一中学"), ("对学校收费监管缺位", "县实验小学"),
                                    ("教师招聘不规范", "县教育局")])):
        _sheet_book(folder / f"{unit}整改台账.xlsx", title="整改台账", rows=[
            [f"{unit}巡察整改台账"], header,
            *([n, p, f"整改{p}", owner, "2026年12月31日", "正在推进"] for n, (p, owner) in enumerate(rows, 1))])


def test_review_a_bureau_ledger_beside_its_schools_ledgers_is_counted(tmp_path: Path) -> None:
    """A 教育局's own ledger, most of its measures led by two schools that also sent ledgers, is the
    bureau's — it had been set aside as a 汇总台账 (its measures and the bureau left out)."""
    folder = tmp_path / "教育系统"
    folder.mkdir()
    _bureau_and_its_schools(folder)
    out = tmp_path / "batch.json"
    main(["batch", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(out), "-j", "1"])
    data = json.loads(out.read_text("utf-8"))
    assert "县教育局整改台账.xlsx" in {r["file"] for r in data["ledgers"]}
    assert data["totals"]["measures"] == 7


def test_work_pressed_on_with_and_due_to_finish_is_going_on(tmp_path: Path) -> None:
    """"持续推进，预计12月底完成" / "持续清理，预计12月底完成": work pressed on with that the clerk expects to
    finish by a day is going on — overdue past its deadline. 持续… had made it long-term work, and the
    measure was never overdue. "持续推进" alone, or "长期坚持，…", stays long-term."""
    statuses = ["持续推进，预计12月底完成", "持续清理，预计12月底完成", "持续推进", "长期坚持，预计12月底完成"]
    report = check(_sheet_book(tmp_path / "县城管执法局.xlsx", title="整改台账", rows=[
        ["县城管执法局巡察整改台账（截至2026年12月1日）"],
        ["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "整改状态"],
        *([n, f"问题{n}整改不到位", f"落实整改任务{n}", "市容股", "2026年9月30日", s]
          for n, s in enumerate(statuses, 1))]))
    assert sorted(f.row or 0 for f in report.findings if f.code == "overdue") == [3, 4]
    assert report.counts.in_progress == 2 and report.counts.long_term == 2


# -- second review: each case failed before its fix ---------------------------------------------------

@pytest.mark.parametrize(("cell", "status"), [
    ("已整改5处，剩余2处已制定方案", Status.IN_PROGRESS),  # a plan for what is left is no work done
    ("余下3笔已核实", Status.IN_PROGRESS),
    ("持续推进，确保按期完成", Status.LONG_TERM),  # no day named: kept up, as 持续推进 is
])
def test_second_review_statuses(cell: str, status: Status) -> None:
    assert read_status(cell).status is status


@pytest.mark.parametrize("cell", ["巡察期间整改到位", "巡察期间", "在巡察期间整改完毕", "督查期间整改到位"])
def test_second_review_work_put_right_during_the_inspection_is_due_at_once(cell: str) -> None:
    assert parse_deadline(cell).kind is DeadlineKind.IMMEDIATE


def test_second_review_a_remark_naming_long_term_work_beside_a_mechanism_counts() -> None:
    assert remark_says_long_term("建立长效机制，长期坚持") and not remark_says_long_term("建立长效机制")


def test_second_review_a_measure_saying_what_the_committee_will_do_stays_a_measure(tmp_path: Path) -> None:
    """"镇党委将巡察整改工作纳入村干部年度绩效考核，已印发考核办法。" among the last problem's measures, before a
    下一步 heading, is a measure — it had ended the problems, the measures after it read as next steps."""
    path = tmp_path / "东山镇通报.txt"
    path.write_text("\n".join([
        "中共东山镇委员会关于巡察整改进展情况的通报", "",
        "根据县委统一部署，2026年3月至5月，县委第二巡察组对东山镇党委开展了巡察，并于6月20日反馈了巡察意见。"
        "现将整改进展情况公布如下。", "", "一、整改落实情况", "",
        "（一）关于落实全面从严治党主体责任不到位的问题",
        "镇党委召开专题会议研究部署，制定主体责任清单，班子成员签订责任书12份。", "",
        "（二）关于村级财务管理不规范的问题", "对全镇14个村近三年财务收支开展专项审计，清退不合规支出3.2万元。",
        "镇党委将巡察整改工作纳入村干部年度绩效考核，已印发考核办法。",
        "镇纪委将村级财务整改落实情况纳入日常监督，开展专项检查2次。", "",
        "二、下一步工作打算", "镇党委将持续巩固整改成果，确保整改到位。", "",
        "欢迎广大干部群众监督，联系电话：0000-8880000。", "", "中共东山镇委员会", "2026年11月20日", ""]),
        encoding="utf-8")
    parsed = parse_notice_file(path)
    assert [len(i.measures) for i in parsed.ledger.issues()] == [1, 3]
    assert parsed.ledger.info.section_three == "镇党委将持续巩固整改成果，确保整改到位。"


def test_second_review_a_folder_named_for_the_departments_does_not_make_a_ledger_a_compilation(
        tmp_path: Path) -> None:
    """The bureau's ledger beside its schools' ledgers, all in a folder 各部门: still counted (the folder's
    name had made it a 汇总台账)."""
    folder = tmp_path / "巡察整改" / "各部门"
    folder.mkdir(parents=True)
    _bureau_and_its_schools(folder)
    out = tmp_path / "batch.json"
    main(["batch", str(tmp_path / "巡察整改"), "-o", str(tmp_path / "汇总.xlsx"), "--json", str(out), "-j", "1"])
    assert json.loads(out.read_text("utf-8"))["totals"]["measures"] == 7
