"""Ledgers round twenty-two: workbooks as other county, township and city offices make them —
tick columns under 完成情况 with a 合计 row counting the ticks, and more. Every workbook is built here
with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.api import check
from rectxl.core.notice.render import render_notice
from rectxl.core.rules import Options
from rectxl.core.summary import summarize
from rectxl.io.reader import read_ledger

AS_OF = date(2026, 11, 30)


def _codes(path: Path) -> set[tuple[str, str]]:
    return {(f.code, f.cell) for f in check(path, Options(as_of=AS_OF)).findings}


def _measures(ledger: Any) -> list[Any]:
    return [m for a in ledger.aspects for c in a.categories for i in c.issues for m in i.measures]


def _ticked_with_totals(path: Path) -> Path:
    """A bureau's ledger: 完成情况 over 已完成 | 正在推进 ticked with √, and a 合计 row under the
    table counting the ticks of each column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["附件2"])
    ws.append(["中共南河县林业局党组巡察整改落实台账"])
    ws.merge_cells("A2:J2")
    ws.append(["序号", "反馈问题具体表现", "整改措施", "整改责任", None, None, "完成期限", "完成情况", None,
               "目前进展"])
    ws.append([None, None, None, "牵头领导", "责任科室", "具体责任人", None, "已完成", "正在推进", None])
    for c in "ABCGJ":
        ws.merge_cells(f"{c}3:{c}4")
    ws.merge_cells("D3:F3")
    ws.merge_cells("H3:I3")
    rows: list[list[Any]] = [
        [1, "林长制责任落实不到位。", "建立林长巡林台账，每月通报巡林情况。", "何副局长", "林长办", "钱进",
         "2026年6月30日", "√", None, "已建立台账，通报5期。"],
        [2, "森林防火设施维护不及时。", "全面排查防火设施，建立维护清单。", "何副局长", "防火办", "吴刚",
         "2026年10月31日", None, "√", "已排查设施86处，维护40处。"],
        [3, "财务报销审核不严。", "修订财务报销管理办法。", "孔局长", "财务股", "郑丽",
         "2026年5月31日", "√", None, "已修订印发。"],
        [4, "干部请销假制度执行不严。", "建立请销假登记台账，每月抽查。", "孔局长", "办公室", "冯敏",
         "2026年12月31日", None, "√", "已建立台账。"],
        [5, "档案管理不规范。", "聘请专业机构整理档案。", "孔局长", "办公室", "冯敏",
         "2026年9月30日", "√", None, "已整理完毕。"],
    ]
    for r in rows:
        ws.append(r)
    ws.append(["合计", None, "5项", None, None, None, None, 3, 2, None])
    wb.save(path)
    return path


def test_a_totals_row_counting_the_ticks_does_not_hide_the_tick_columns(tmp_path: Path) -> None:
    """The 合计 row's counts (2 | 1) under the tick columns had made them read as no tick columns:
    已完成 was taken for the status column, every row ticked under 正在推进 was told missing-status
    and 正在推进 a duplicate header."""
    path = _ticked_with_totals(tmp_path / "林业局台账.xlsx")
    ledger = read_ledger(path)
    assert [m.status for m in _measures(ledger)] == ["已完成", "正在推进", "已完成", "正在推进", "已完成"]
    codes = _codes(path)
    assert not {c for c, _ in codes} & {"missing-status", "duplicate-header"}
    assert ("overdue", "G6") in codes
    assert summarize(ledger, AS_OF).counts.measures == 5


def _township_listing(path: Path) -> Path:
    """A township's ledger: 整改措施及时限 listing several measures in one cell, each with its
    deadline, the progress answering them one for one, and a 备注（销号情况） column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["石桥镇巡察反馈问题整改清单"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "问题", "整改措施及时限", "责任领导", "责任站所", "整改落实情况", "整改完成情况",
               "备注（销号情况）"])
    ws.append(["1", "村级账务处理不规范，以白条入账。",
               "1.开展村级账务专项清理，2026年5月底前完成；\n2.推行村账镇代管，2026年6月底前完成。",
               "黄副镇长", "财政所", "1.已清理票据180张；\n2.已推行。", "已完成", "已销号"])
    ws.append(["2", "农村垃圾清运不及时。",
               "1.开展清洁家园行动，2026年12月底前完成；\n2.建立保洁员考核机制，长期坚持。",
               "邹副书记", "农业农村办", "1.已清运垃圾95吨；\n2.正在起草考核办法。", "正在推进", ""])
    ws.append(["3", "矛盾纠纷调处不及时。", "逐件明确包案领导，2026年9月30日前化解。", "谢书记", "综治中心",
               "已化解4件，剩余1件。", "正在推进", ""])
    wb.save(path)
    return path


def test_a_remark_column_kept_for_the_closure_is_not_a_second_status(tmp_path: Path) -> None:
    """备注（销号情况） beside 整改完成情况 says whether the row was closed: it had been read as a
    second 整改状态 column (duplicate-header), its 已销号 lost."""
    path = _township_listing(tmp_path / "石桥镇台账.xlsx")
    assert not any(code == "duplicate-header" for code, _ in _codes(path))
    first = _measures(read_ledger(path))[0]
    assert first.extra.get("是否销号") == "已销号"
    assert summarize(read_ledger(path), AS_OF).counts.measures == 3


def test_each_measure_listed_with_its_deadline_gives_the_row_its_last_date(tmp_path: Path) -> None:
    """"1.…2026年12月底前完成；2.…长期坚持": the row is due at the end of 2026 and goes on — it had
    taken the last measure's 长期坚持 alone (never due), and "…；3.…立行立改" would have made a row
    of dated measures due at once."""
    path = _township_listing(tmp_path / "石桥镇台账.xlsx")
    deadlines = [m.deadline for m in _measures(read_ledger(path))]
    assert [d.due for d in deadlines] == [date(2026, 6, 30), date(2026, 12, 31), date(2026, 9, 30)]
    late = check(path, Options(as_of=date(2027, 1, 15))).findings
    assert {(f.code, f.cell) for f in late if f.code == "overdue"} == {("overdue", "C4"), ("overdue", "C5")}


def _township_list(path: Path, note: str) -> Path:
    """A township's 任务清单: 附件 over the title, a line under it saying when the feedback came,
    aspects as rows of their own (一、…方面), deadlines written without their year."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["附件"])
    ws.append(["中共梅岭乡委员会巡察整改任务清单"])
    ws.merge_cells("A2:H2")
    ws.append([note])
    ws.merge_cells("A3:H3")
    ws.append(["序号", "反馈问题", "整改措施", "分管领导", "责任单位", "责任人", "整改时限", "整改完成情况"])
    rows: list[list[Any]] = [
        ["一", "党的领导弱化方面", None, None, None, None, None, None],
        ["1", "问题一：传达学习上级精神不及时。", "建立学习传达台账，会后3日内传达。", "乡党委书记", "党政办", "汤明",
         "4月底前", "已完成"],
        ["2", "问题二：村党组织战斗力不强。", "整顿后进村党组织2个。", "组织委员", "党建办", "常青", "9月底前",
         "正在推进"],
        ["二", "全面从严治党方面", None, None, None, None, None, None],
        ["3", "问题三：惠农资金发放滞后。", "建立惠农资金发放月通报制度。", "分管副乡长", "民政办", "方圆", "12月底前",
         "未启动"],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_the_feedback_day_under_the_title_naming_the_group_dates_the_deadlines(tmp_path: Path) -> None:
    """"（2026年3月15日县委第一巡察组反馈）" under the title: the feedback date, so "9月底前" is
    September 2026 — the group's name between the day and 反馈 had hidden it: every deadline was
    bad-deadline (缺少年份) and the notice asked for the feedback date."""
    path = _township_list(tmp_path / "梅岭乡清单.xlsx", "（2026年3月15日县委第一巡察组反馈）")
    ledger = read_ledger(path)
    assert ledger.info.feedback_date == date(2026, 3, 15)
    codes = _codes(path)
    assert not any(code == "bad-deadline" for code, _ in codes)
    assert ("overdue", "G7") in codes
    assert "2026年3月15日，县委第一巡察组向" in render_notice(ledger, as_of=AS_OF)


def test_the_day_the_figures_stand_at_is_no_feedback_day(tmp_path: Path) -> None:
    """"截至2026年11月20日巡察反馈问题整改情况" is the day the table was brought up to: it had been
    read as the feedback date, so "9月底前" meant September 2027 and the row still in progress in
    December 2026 was not overdue."""
    path = _township_list(tmp_path / "梅岭乡清单.xlsx", "截至2026年11月20日巡察反馈问题整改情况")
    assert read_ledger(path).info.feedback_date != date(2026, 11, 20)
    assert ("overdue", "G7") in _codes(path)


def test_a_category_row_beside_the_first_cell_of_a_merged_aspect_heads_its_issues(tmp_path: Path) -> None:
    """方面 merged down beside "（一） | 防汛责任落实不到位问题" rows (the category numbered in the
    序号 column): the first category opens on the row where the aspect's merged cell begins — it
    had been read as an issue with no measure (issue-without-measure), the second as a category."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["县交通运输局党组巡察整改工作台账"])
    ws.merge_cells("A1:I1")
    ws.append(["方面", "序号", "问题", "整改措施", "责任领导", "责任单位", "时限要求", "进展情况", "是否完成"])
    rows: list[list[Any]] = [
        ["一、贯彻落实交通强国部署方面", "（一）", "农村公路养护问题", None, None, None, None, None, None],
        [None, 1, "部分农村公路病害处置不及时。", "建立病害巡查处置台账。", "邱副局长", "公路股", "2026年5月31日",
         "已建立台账。", "是"],
        [None, 2, "养护资金拨付滞后。", "按季度拨付养护资金。", "邱副局长", "财务股", "长期坚持",
         "已拨付3次。", "长期坚持"],
        [None, "（二）", "工程质量监管问题", None, None, None, None, None, None],
        [None, 3, "质量检测频次不足。", "修订工程质量抽检办法。", "段副局长", "质监站", "2026年12月31日",
         "正在修订。", "否"],
    ]
    for r in rows:
        ws.append(r)
    ws.merge_cells("A3:A7")
    path = tmp_path / "交通局台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [a.title for a in ledger.aspects] == ["贯彻落实交通强国部署方面"]
    assert [(c.title, [i.number for i in c.issues]) for c in ledger.aspects[0].categories] == [
        ("农村公路养护问题", [1, 2]), ("工程质量监管问题", [3])]
    assert not any(code == "issue-without-measure" for code, _ in _codes(path))


def test_a_done_question_answered_with_ticks_is_not_done_where_it_is_blank(tmp_path: Path) -> None:
    """是否完成 with a √ on the rows that are done and nothing on the others (no 否 written anywhere):
    a blank answers no — it had been missing-status on every row not yet done, the notice's totals
    left short."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县科协党组巡察整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "问题", "措施", "责任部门", "责任人", "完成时限", "是否完成", "进展"])
    rows: list[list[Any]] = [
        [1, "学会管理松散", "开展学会年检", "学会部", "黄海、林静", "2026年6月30日", "√", "已年检12家"],
        [2, "科普阵地利用率低", "制定科普场馆开放计划", "科普部", "王丹", "2026年9月30日", None, "计划起草中"],
        [3, "财务报销不规范", "修订财务报销制度", "办公室", "李梅", "即知即改", "√", "已修订"],
        [4, "档案管理混乱", "开展档案专项整理", "办公室", "刘洋", "2027年3月31日", None, ""],
    ]
    for r in rows:
        ws.append(r)
    path = tmp_path / "科协台账.xlsx"
    wb.save(path)
    codes = _codes(path)
    assert not any(code == "missing-status" for code, _ in codes)
    assert ("overdue", "F4") in codes
    ledger = read_ledger(path)
    assert [m.status for m in _measures(ledger)] == ["已完成", "正在推进", "已完成", "正在推进"]
    assert "4项整改措施已完成2项、正在推进2项" in render_notice(ledger, as_of=AS_OF)


def test_a_header_of_three_rows_reads_its_lowest_names(tmp_path: Path) -> None:
    """整改落实 over 完成时限 (计划 | 实际) and 完成情况 (已完成 | 正在推进 ticked): the third header row
    had been read as a measure ("整改措施" with 计划 as its deadline, bad-deadline), the 实际 column
    lost and every row ticked 正在推进 missing-status."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县林草局党组巡察整改台账"])
    ws.merge_cells("A1:K1")
    ws.append(["序号", "问题", "整改措施", "整改责任", None, None, "整改落实", None, None, None, None])
    ws.append([None, None, None, "分管领导", "责任股室", "责任人", "完成时限", None, "完成情况", None, "佐证资料"])
    ws.append([None, None, None, None, None, None, "计划", "实际", "已完成", "正在推进", None])
    for c in "ABC":
        ws.merge_cells(f"{c}2:{c}4")
    for c in "DEFK":
        ws.merge_cells(f"{c}3:{c}4")
    for span in ("D2:F2", "G2:K2", "G3:H3", "I3:J3"):
        ws.merge_cells(span)
    rows: list[list[Any]] = [
        [1, "古树名木保护不力", "建立古树名木挂牌保护制度", "龙副局长", "保护股", "韦华", "2026.6.30", "2026.6.18", "√",
         None, "保护制度"],
        [2, "林木采伐审批不严", "开展采伐许可专项核查", "龙副局长", "资源股", "蒙强", "2026.9.30", None, None, "√", ""],
        [3, "护林员管理松散", "修订护林员考核办法", "石副局长", "护林站", "覃丽", "2026.12.31", None, None, "√", ""],
    ]
    for r in rows:
        ws.append(r)
    path = tmp_path / "林草局台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    measures = _measures(ledger)
    assert [m.text for m in measures] == ["建立古树名木挂牌保护制度", "开展采伐许可专项核查", "修订护林员考核办法"]
    assert [m.status for m in measures] == ["已完成", "正在推进", "正在推进"]
    assert measures[0].completed_on == date(2026, 6, 18)
    assert {c for c, _ in _codes(path)} == {"overdue"}


@pytest.mark.parametrize("merged", [True, False])
def test_an_aspect_numbered_as_the_issues_are_heads_them(tmp_path: Path, merged: bool) -> None:
    """"1 | 政治建设方面" over "1.1 | 党组会议记录不规范 | …": an aspect numbered in Arabic in the 序号
    column (merged across the table or not) had been read as an issue with no measure."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县档案馆巡察整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任科室", "完成时限", "完成情况", "进展"])
    rows: list[list[Any]] = [
        ["1", "政治建设方面"],
        ["1.1", "党组会议记录不规范", "规范党组会议记录", "馆长", "办公室", "2026年3月31日", "已完成", "已规范"],
        ["1.2", "学习笔记不全", "开展学习笔记检查", "馆长", "办公室", "2026年4月30日", "已完成", "已检查"],
        ["2", "业务管理方面"],
        ["2.1", "档案数字化进度慢", "引入第三方数字化服务", "副馆长", "技术科", "2026年12月31日", "正在推进", "已招标"],
    ]
    for r in rows:
        ws.append(r)
    if merged:
        ws.merge_cells("B3:H3")
        ws.merge_cells("B6:H6")
    path = tmp_path / "档案馆台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [(a.title, [i.title for c in a.categories for i in c.issues]) for a in ledger.aspects] == [
        ("政治建设方面", ["党组会议记录不规范", "学习笔记不全"]), ("业务管理方面", ["档案数字化进度慢"])]
    assert not any(code == "issue-without-measure" for code, _ in _codes(path))


def test_a_progress_cell_merged_over_the_measures_numbering_each_is_told_apart(tmp_path: Path) -> None:
    """整改进展 merged down over an issue's two measure rows, "1.…；2.…" as the measures are numbered:
    each measure is published with its own item — the whole cell had been told under both, and the
    second measure's own text dropped from the notice."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["县城管局巡察整改台账"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
    rows: list[list[Any]] = [
        [1, "占道经营整治反弹", "1.开展占道经营专项整治", "执法大队", "2026年6月30日", "已完成",
         "1.已劝离流动摊贩120余处；\n2.已设置疏导点4个。"],
        [None, None, "2.设置临时疏导点", "执法大队", "2026年9月30日", "已完成", None],
        [2, "户外广告审批不规范", "1.清理违规户外广告", "市容科", "2027年3月31日", "正在推进",
         "1.已拆除违规广告36块；\n2.审批细则已印发。"],
        [None, None, "2.修订户外广告审批细则", "市容科", "2026年8月31日", "已完成", None],
    ]
    for r in rows:
        ws.append(r)
    for c in "ABG":
        ws.merge_cells(f"{c}3:{c}4")
        ws.merge_cells(f"{c}5:{c}6")
    path = tmp_path / "城管局台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [m.progress for m in _measures(ledger)] == ["已劝离流动摊贩120余处", "已设置疏导点4个", "已拆除违规广告36块",
                                                       "审批细则已印发"]
    text = render_notice(ledger, as_of=AS_OF)
    assert "二是修订户外广告审批细则" in text
    assert text.count("已设置疏导点4个") == 1
