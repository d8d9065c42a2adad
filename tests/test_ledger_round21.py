"""Ledgers round twenty-one: a township's ledger that writes each aspect's heading in the first
problem cell of the aspect ("（一）…方面\\n1.…"), under a two-row header and a 填报单位 line. Every
workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main
from rectxl.core.summary import summarize
from rectxl.io.reader import read_ledger

AS_OF = date(2026, 11, 30)


def _township(path: Path, first_problem: str, third_problem: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["城关镇党委落实县委第三巡察组反馈意见整改工作台账"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位（盖章）：中共城关镇委员会", None, None, None, None, None, None, "填报时间：2026年11月20日"])
    ws.append(["序号", "反馈问题", "整改措施", "责任主体", None, None, "整改时限", "整改进展情况", "是否完成", "备注"])
    ws.append([None, None, None, "包联领导", "责任站所", "具体经办人", None, None, None, None])
    for c in "ABCGHIJ":
        ws.merge_cells(f"{c}3:{c}4")
    ws.merge_cells("D3:F3")
    rows: list[list[Any]] = [
        [1, first_problem, "一是对全镇产业项目逐一摸排，建立问题清单。", "王副镇长", "农业综合服务中心", "李明",
         "2026年3月底前", "已完成摸排，建立清单12项。", "是", ""],
        [None, None, "二是盘活闲置项目3个，引进经营主体。", "王副镇长", "农业综合服务中心", "李明", "2026年12月31日",
         "已盘活2个，1个正在洽谈。", "否", ""],
        [2, "2.防止返贫动态监测不精准。", "开展防返贫监测大排查，落实帮扶措施。", "张副书记", "乡村振兴办", "赵红",
         "立行立改", "已排查农户3260户，纳入监测对象15户。", "是", ""],
        [3, third_problem, "一是修订完善“三重一大”决策制度实施办法。", "刘书记", "党政办", "陈刚", "2026.4.30",
         "已修订并印发。", "已完成", ""],
        [None, None, "二是严格落实集体决策程序，建立议事记录台账。", "刘书记", "党政办", "陈刚", "长期坚持",
         "持续推进中", "长期坚持", ""],
        [4, "4.公务接待管理不规范，存在无公函接待。", "规范公务接待审批，严格执行“一函两单”。", "周纪委书记", "纪委",
         "孙丽", "2026年12月", "正在规范", "未完成", ""],
    ]
    for r in rows:
        ws.append(r)
    for span in ("A5:A6", "B5:B6", "A8:A9", "B8:B9"):
        ws.merge_cells(span)
    ws.append([])
    ws.append(["填表人：陈刚", None, None, "审核人：刘书记", None, None, "联系电话：0871-6123456"])
    wb.save(path)
    return path


def test_an_aspect_heading_written_in_the_first_problem_cell_opens_the_aspect(tmp_path: Path) -> None:
    path = _township(tmp_path / "城关镇台账.xlsx",
                     "（一）贯彻落实党的路线方针政策和上级决策部署方面\n1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                     "（二）全面从严治党方面\n3.“三重一大”决策制度执行不严格。")
    ledger = read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["贯彻落实党的路线方针政策和上级决策部署方面", "全面从严治党方面"]
    issues = [[i.title for c in a.categories for i in c.issues] for a in ledger.aspects]
    assert issues == [["乡村振兴产业项目推进缓慢，部分项目闲置。", "防止返贫动态监测不精准。"],
                      ["“三重一大”决策制度执行不严格。", "公务接待管理不规范，存在无公函接待。"]]
    assert [len(i.measures) for a in ledger.aspects for c in a.categories for i in c.issues] == [2, 1, 2, 1]
    s = summarize(ledger, AS_OF)
    assert (s.aspects, s.issues, s.counts.measures) == (2, 4, 6)


def test_a_problem_numbered_in_brackets_with_its_details_below_stays_one_problem(tmp_path: Path) -> None:
    """"（一）" over a text that is no numbered issue is the problem's own number and its details."""
    path = _township(tmp_path / "城关镇台账.xlsx",
                     "（一）乡村振兴产业项目推进缓慢\n部分项目建成后闲置，未发挥效益。",
                     "（三）“三重一大”决策制度执行不严格\n个别事项未经集体研究。")
    ledger = read_ledger(path)
    titles = [i.title for a in ledger.aspects for c in a.categories for i in c.issues]
    assert len(titles) == 4
    assert "部分项目建成后闲置" in titles[0] and "个别事项未经集体研究" in titles[2]
    assert all(not c.title for a in ledger.aspects for c in a.categories)


@pytest.mark.parametrize("heading", ["一、贯彻落实党的路线方针政策方面", "第一方面：贯彻落实党的路线方针政策不到位"])
def test_an_aspect_heading_numbered_without_brackets_in_the_problem_cell(tmp_path: Path, heading: str) -> None:
    path = _township(tmp_path / "台账.xlsx", f"{heading}\n1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                     "二、全面从严治党方面\n3.“三重一大”决策制度执行不严格。")
    ledger = read_ledger(path)
    assert len(ledger.aspects) == 2
    first = next(i.title for c in ledger.aspects[0].categories for i in c.issues)
    assert first == "乡村振兴产业项目推进缓慢，部分项目闲置。"


# -- diff: the week's two copies of the township's ledger ---------------------------------------------

def _two_weeks(tmp_path: Path) -> tuple[Path, Path]:
    old = _township(tmp_path / "第一周.xlsx", "1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                    "3.“三重一大”决策制度执行不严格。")
    new = tmp_path / "第二周.xlsx"
    wb = openpyxl.load_workbook(old)
    ws = wb.active
    ws["H6"], ws["I6"] = "3个项目全部盘活。", "是"
    wb.save(new)
    return old, new


def test_diff_takes_one_as_of_day_for_both_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_weeks(tmp_path)
    assert main(["diff", str(old), str(new), "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "上期：第一周.xlsx，截至2026年11月30日（来源：参数）" in out
    assert "本期：第二周.xlsx，截至2026年11月30日（来源：参数）" in out
    assert main(["diff", str(old), str(new), "--as-of", "2026-11-30", "--as-of-old", "2026-10-01"]) == 0
    assert "上期：第一周.xlsx，截至2026年10月1日（来源：参数）" in capsys.readouterr().out


def test_diff_says_what_a_yes_no_status_reads_as(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 是否完成 column's 否 → 是 is shown with what each reads as, not as bare 否 → 是."""
    old, new = _two_weeks(tmp_path)
    main(["diff", str(old), str(new), "--as-of", "2026-11-30"])
    out = capsys.readouterr().out
    assert "二是盘活闲置项目3个，引进经营主体。：否（正在推进） → 是（已完成）" in out


# -- a sheet naming the problem and nothing else: what the clerk is told --------------------------------

def test_a_header_naming_only_the_problem_says_the_other_columns_are_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "具体问题", "Owner", "Due"])
    ws.append([1, "档案管理不规范", "办公室", "2026-06-30"])
    path = tmp_path / "问题清单.xlsx"
    wb.save(path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "其中只认出了“具体问题”一列，没有认出责任单位、整改时限、整改状态等其他列" in err
    assert "缺少“具体问题”" not in err  # it was there: the clerk was told it was missing


def test_a_date_cell_is_quoted_as_the_clerk_reads_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A message quotes a date cell as 2026年7月15日; the finding's value keeps the ISO form for machines."""
    from datetime import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "巡察反馈问题", "整改措施", "牵头单位", "整改完成时限", "实际完成时间", "整改状态"])
    ws.append([1, "医药领域腐败问题集中整治不彻底", "开展医疗机构“回头看”检查", "医政股", datetime(2026, 12, 31),
               datetime(2026, 7, 15), "基本完成"])
    path = tmp_path / "卫健局台账.xlsx"
    wb.save(path)
    main(["check", str(path), "--as-of", "2026-11-25", "--format", "json"])
    import json

    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "completion-date-unfinished"]
    assert len(found) == 1
    assert "完成时间“2026年7月15日”" in found[0]["message"] and found[0]["value"] == "2026-07-15"


def test_new_takes_the_file_name_as_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`rectxl new 城关镇整改台账.xlsx` writes that file (it used to be refused: only -o was known)."""
    target = tmp_path / "城关镇整改台账.xlsx"
    assert main(["new", str(target)]) == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "台账"
    assert main(["new", str(tmp_path / "甲.xlsx"), "-o", str(tmp_path / "乙.xlsx")]) == 2
    assert "输出文件写了两个" in capsys.readouterr().err
    assert not (tmp_path / "甲.xlsx").exists() and not (tmp_path / "乙.xlsx").exists()


# -- no status column, a 是否销号 column: a row marked closed is done ------------------------------------

def test_a_row_marked_closed_is_done_where_the_ledger_has_no_status_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "问题表现", "整改措施", "责任科室", "整改时限", "整改进展", "是否销号"])
    ws.append(["XC-01", "财务报销审核把关不严", "全面梳理2025年以来报销凭证", "财务科", "2026年1月31日",
               "梳理凭证1200份，追回不合规资金1.2万元", "是"])
    ws.append(["XC-02", "政府采购程序不规范", "修订采购内控制度", "财务科", "2026年6月30日", "制度初稿已形成", "否"])
    path = tmp_path / "整改清单.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    first, second = ledger.measures()
    assert first.status is not None and first.status.value == "已完成"
    assert second.status is None or second.status.value != "已完成"  # 否: not closed, says nothing of done
    import json

    main(["check", str(path), "--as-of", "2026-11-30", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [f["cell"] for f in found if f["code"] == "overdue"] == ["E3"]  # the closed row is not overdue
    missing = next(f for f in found if f["code"] == "header-missing")
    assert "标明已销号、已验收的行（是否销号（G列））按已完成读取" in missing["message"]
    s = summarize(ledger, AS_OF)
    assert (s.counts.done, s.counts.closed) == (1, 1)


def test_an_empty_owner_cell_merged_over_two_measures_is_one_finding_naming_both_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "问题甲", "措施一", None, "2026年12月31日", "正在推进"])
    ws.append([None, None, "措施二", None, "2026年12月31日", "正在推进"])
    ws.append([2, "问题乙", "措施三", None, "2026年12月31日", "正在推进"])
    for span in ("D2:D3", "A2:A3", "B2:B3"):
        ws.merge_cells(span)
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    import json

    main(["check", str(path), "--as-of", "2026-11-30", "--format", "json"])
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "missing-owner-unit"]
    assert [(f["cell"], f["message"].split("未填写")[0]) for f in found] == [
        ("D2", "第2、3行（共用合并单元格D2）"), ("D4", "第4行")]


@pytest.mark.parametrize(("phone_key", "address_key", "email_key"), [
    ("监督电话", "通信地址", "电子信箱"),
    ("举报电话", "来信地址", "E-mail"),
])
def test_contact_facts_under_other_offices_keys_reach_the_notice(tmp_path: Path, phone_key: str, address_key: str,
                                                                  email_key: str) -> None:
    import docx

    path = _township(tmp_path / "城关镇台账.xlsx", "1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                     "3.“三重一大”决策制度执行不严格。")
    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet("基本信息")
    for row in ([phone_key, "0871-6123456"], [address_key, "某县城关镇人民路1号"], ["邮政编码", "650000"],
                [email_key, "cgz@example.gov.cn"]):
        info.append(row)
    wb.save(path)
    ledger = read_ledger(path)
    assert (ledger.info.phone, ledger.info.address, ledger.info.email) == (
        "0871-6123456", "某县城关镇人民路1号", "cgz@example.gov.cn")
    assert main(["notice", str(path), "-o", str(tmp_path / "通报.docx"), "--as-of", "2026-11-30"]) in (0, 1)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "通报.docx")).paragraphs)
    assert f"{phone_key}：0871-6123456" in text and f"{address_key}：某县城关镇人民路1号" in text
    assert "【请填写联系电话】" not in text and "【请填写邮寄地址】" not in text


def test_a_basic_info_sheet_laid_out_across_a_row_of_keys(tmp_path: Path) -> None:
    """基本信息 as one row of keys over one row of values: each key takes the value below it — the
    unit had been read as the word 巡察组 (the key beside 被巡察单位)."""
    from datetime import datetime

    path = _township(tmp_path / "城关镇台账.xlsx", "1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                     "3.“三重一大”决策制度执行不严格。")
    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet("基本信息")
    info.append(["被巡察单位", "巡察组", "巡察开始", "巡察结束", "反馈日期", "报告日期", "联系电话"])
    info.append(["中共城关镇委员会", "县委第三巡察组", datetime(2026, 3, 1), datetime(2026, 4, 30),
                 datetime(2026, 6, 10), datetime(2026, 11, 20), "0871-6123456"])
    wb.save(path)
    got = read_ledger(path).info
    assert (got.unit_name, got.inspection_group, got.phone) == ("中共城关镇委员会", "县委第三巡察组", "0871-6123456")
    assert (got.feedback_date, got.report_date) == (date(2026, 6, 10), date(2026, 11, 20))
    assert got.date_cells["feedback_date"][0] == "E2"


@pytest.mark.parametrize("sheet", ["基本情况", "基础信息"])
def test_a_basic_info_sheet_under_another_offices_name(tmp_path: Path, sheet: str) -> None:
    path = _township(tmp_path / "城关镇台账.xlsx", "1.乡村振兴产业项目推进缓慢，部分项目闲置。",
                     "3.“三重一大”决策制度执行不严格。")
    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet(sheet)
    info.append(["巡察组", "县委第三巡察组"])
    info.append(["反馈日期", "2026年6月10日"])
    wb.save(path)
    got = read_ledger(path).info
    assert (got.inspection_group, got.feedback_date) == ("县委第三巡察组", date(2026, 6, 10))


def test_an_aspect_heading_alone_on_its_row_in_the_measure_column(tmp_path: Path) -> None:
    """A sheet whose first column is 整改措施: "二、政治建设方面" alone on its row opens the aspect — it
    had been read as a measure of the issue above."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["整改措施", "问题", "责任股室", "完成时限", "整改状态"])
    ws.append(["一、党的建设方面"])
    ws.append(["建立学习制度", "1.学习不深入", "办公室", "2026年6月30日", "已完成"])
    ws.append(["开展专题研讨", None, "办公室", "2026年12月31日", "正在推进"])
    ws.append(["二、政治建设方面"])
    ws.append(["修订议事规则", "2.议事决策不规范", "党政办", "2026年12月31日", "正在推进"])
    ws.merge_cells("B3:B4")
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["党的建设方面", "政治建设方面"]
    assert [m.text for m in ledger.measures()] == ["建立学习制度", "开展专题研讨", "修订议事规则"]


def test_work_the_ledger_calls_mostly_done_is_not_published_as_done(tmp_path: Path) -> None:
    """状态“基本完成” with an account that reads done (已整改10个): the notice says 已基本完成 after it,
    as its totals count it — and parse-notice reads it back so."""
    from rectxl.core.notice.parse import parse_notice

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "巡察反馈问题", "整改措施", "牵头单位", "整改完成时限", "整改落实情况", "整改状态"])
    ws.append([1, "医药领域腐败问题集中整治不彻底", "开展医疗机构“回头看”检查", "医政股", "2026年12月31日",
               "已完成检查，发现问题12个，已整改10个", "基本完成"])
    ws.append([2, "公车管理不规范", "修订公务用车管理制度", "财务股", "2026年12月31日", "已修订印发", "已完成"])
    path = tmp_path / "卫健局台账.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    assert main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-25"]) == 0
    text = out.read_text("utf-8")
    assert "开展医疗机构“回头看”检查，已完成检查，发现问题12个，已整改10个，已基本完成。" in text
    assert "修订公务用车管理制度，已修订印发。" in text
    statuses = [m.status.value if m.status else None for m in parse_notice(text).ledger.measures()]
    assert statuses == ["基本完成", "已完成"]


@pytest.mark.parametrize(("deadline", "told"), [
    ("2026年9月底（已申请延期至2026年12月底）", ["overdue"]),
    ("原定2026年6月30日，申请延期至2026年9月30日", ["overdue"]),  # once, not also as extension-overdue
    ("2026年9月30日（已申请延期至2026年12月31日，县委巡察办已批准）", []),
    ("原定2026年6月30日，经县委巡察办同意延期至2026年9月30日", ["extension-overdue"]),
])
def test_an_extension_only_applied_for_in_the_deadline_cell_moves_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], deadline: str, told: list[str]) -> None:
    """申请延期 written in the 整改时限 cell is read as it is in 备注 or the status: an application is
    no approval, the deadline before it stands — it had moved the deadline silently."""
    import json

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    ws.append([1, "问题甲", "措施一", "办公室", deadline, "正在推进"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    main(["check", str(path), "--as-of", "2026-11-30", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    loud = [f for f in found if f["code"] in ("overdue", "extension-overdue")]
    assert [f["code"] for f in loud] == told
    if told == ["overdue"]:
        assert "未写明延期已获批准：按原时限判断" in loud[0]["message"]


@pytest.mark.parametrize(("cell", "due"), [("1年", date(2027, 6, 10)), ("一年", date(2027, 6, 10)),
                                           ("2年", date(2028, 6, 10)), ("26年6月", date(2026, 6, 30))])
def test_a_rectification_period_of_years(cell: str, due: date) -> None:
    """A 整改周期 of 1年 / 一年 counts from the feedback date as 3个月 does (it had been bad-deadline);
    a two-digit year (26年6月) is still a year."""
    from rectxl.core.deadline import parse_deadline

    assert parse_deadline(cell, feedback_date=date(2026, 6, 10)).due == due


def test_a_notice_dated_to_its_month_counts_as_of_that_month_when_written_back(tmp_path: Path) -> None:
    """A notice signed "2025年12月" read back and written again states its totals 截至2025年12月 —
    not 截至2025年12月31日, a day it never named."""
    source = tmp_path / "通报.txt"
    source.write_text(
        "中共某某县商务局党组关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2025年4月1日至5月20日，县委第一巡察组对县商务局党组开展了常规巡察。2025年6月10日，"
        "县委第一巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。\n"
        "一、整改工作组织情况\n局党组召开专题会议，研究制定整改方案。\n"
        "二、反馈问题整改落实情况\n"
        "1.外贸企业帮扶不精准的问题。整改措施：建立重点企业包联制度。整改进展：已印发实施（已完成）。\n"
        "2.商贸流通项目推进缓慢的问题。整改措施：倒排工期推进冷链物流园建设。整改进展：主体工程已完工（已完成）。\n"
        "中共某某县商务局党组\n2025年12月\n", encoding="utf-8")
    ledger = tmp_path / "台账.xlsx"
    assert main(["parse-notice", str(source), "-o", str(ledger)]) in (0, 1)
    out = tmp_path / "重写.txt"
    assert main(["notice", str(ledger), "-o", str(out)]) in (0, 1)
    text = out.read_text("utf-8")
    assert "截至2025年12月，" in text and "截至2025年12月31日" not in text
    assert text.rstrip().endswith("2025年12月")


def test_a_notice_keeps_the_offices_word_for_work_done_in_part_and_drops_a_closure_day(tmp_path: Path) -> None:
    """状态 部分完成 is published as 部分完成 (it had become 正在推进); 已完成，2026年9月25日销号 is
    published 已完成 (the day of the 销号 had been printed as the measure's progress)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "津补贴发放不规范", "清理违规发放的津补贴", "财务股", "2026年12月31日", "部分完成", ""])
    ws.append([2, "档案管理混乱", "开展档案整理", "办公室", "2026年12月31日", "部分完成", "已整理2023年档案"])
    ws.append([3, "制度不健全", "修订制度", "办公室", "2026年12月31日", "已完成，2026年9月25日销号", ""])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    out = tmp_path / "通报.txt"
    main(["notice", str(path), "-o", str(out), "--as-of", "2026-11-30"])
    text = out.read_text("utf-8")
    assert "清理违规发放的津补贴，部分完成。" in text
    assert "开展档案整理，已整理2023年档案，部分完成。" in text
    assert "修订制度，已完成。" in text and "销号。" not in text
