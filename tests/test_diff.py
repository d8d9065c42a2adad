"""``rectxl diff``: matching measures across two ledger versions, changes, counts, regressions,
and the text and xlsx renders."""

from __future__ import annotations

import difflib
import io
import random
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from rectxl.core import diff_match
from rectxl.core.deadline import parse_deadline
from rectxl.core.diff import (
    DIFF_SHEETS,
    ChangeKind,
    LedgerDiff,
    MatchKind,
    RegressionKind,
    diff_json_chunks,
    diff_ledgers,
    diff_sheets,
    normalize_measure_text,
    render_diff_text,
)
from rectxl.core.errors import UnsafeWriteError
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.status import Status, parse_status
from rectxl.io.diff_out import write_diff_file, write_diff_json, write_diff_json_file
from rectxl.io.reader import read_ledger
from tests.ledgers import write_simple_ledger

FEEDBACK = date(2023, 6, 30)
SEP_AS_OF = date(2023, 9, 30)
OCT_AS_OF = date(2023, 10, 31)

ASPECT = "第一方面问题,政治建设不够有力"
I_STUDY = "针对理论学习自觉性不强问题"
I_SECRET = "针对保密工作有不足问题"
I_MEETING = "针对会议过多过长问题"
I_NEW = "针对意识形态工作责任制落实不到位问题"


def _row(no: int, issue: str, text: str, *, unit: str = "办公室", deadline: str = "2023年9月底前",
         status: str = "正在推进", done: date | None = None, progress: str = "") -> dict[str, Any]:
    return {"方面": ASPECT, "问题序号": no, "具体问题": issue, "整改措施": text, "责任领导": "张局长",
            "责任单位": unit, "责任人": "李四", "整改时限": deadline, "整改状态": status,
            "完成时间": done, "整改进展": progress}


#: September: 3 issues, 10 measures (rows 2–11)
SEPTEMBER = [
    _row(1, I_STUDY, "建立第一议题学习制度", deadline="2023年8月底前", status="已完成",
         done=date(2023, 8, 20), progress="已建立制度"),                                  # r2 unchanged
    _row(1, I_STUDY, "制定年度理论学习计划并按月组织集中学习", status="已完成",
         done=date(2023, 9, 15), progress="已制定计划"),                                  # r3 reworded
    _row(2, I_SECRET, "开展保密自查自纠", unit="保密办", deadline="2023年9月15日前",
         progress="正在开展自查"),                                                         # r4 → 已完成
    _row(2, I_SECRET, "组织保密知识培训", unit="保密办", deadline="2023年8月底前", status="已完成",
         done=date(2023, 8, 25), progress="已培训"),                                      # r5 regressed
    _row(2, I_SECRET, "更新涉密人员台账", unit="保密办", deadline="2023年7月底前", status="已完成",
         done=date(2023, 7, 28), progress="已更新"),                                      # r6 removed
    _row(3, I_MEETING, "精简会议数量", progress="正在梳理"),                               # r7 silent ext.
    _row(3, I_MEETING, "控制会议时长", deadline="2023年8月底前", progress="正在推进"),     # r8 延期至
    _row(3, I_MEETING, "建立会议审批制度", deadline="2023年12月底前", progress="正在起草"),  # r9 owner
    _row(3, I_MEETING, "规范会议纪要管理", deadline="2023年10月底前", progress="正在规范"),  # r10 same
    _row(3, I_MEETING, "建立学习情况通报制度", deadline="2023年11月底前",
         progress="正在起草"),                                                             # r11 moved
]

#: October: a new issue 2 is inserted (old 2 → 3, old 3 → 4), rows shift
OCTOBER = [
    _row(1, I_STUDY, "建立第一议题学习制度", deadline="2023年8月底前", status="已完成",
         done=date(2023, 8, 20), progress="已建立制度"),                                  # r2
    _row(1, I_STUDY, "制定年度理论学习计划,按月组织集中学习并做好记录", status="已完成",
         done=date(2023, 9, 15), progress="已制定计划"),                                  # r3
    _row(1, I_STUDY, "建立学习情况通报制度", deadline="2023年11月底前", progress="正在起草"),  # r4
    _row(2, I_NEW, "开展意识形态工作专题研究", unit="宣传科", deadline="2023年12月底前",
         progress="已列入议程"),                                                           # r5 added
    _row(3, I_SECRET, "开展保密自查自纠", unit="保密办", deadline="2023年9月15日前",
         status="已完成", done=date(2023, 10, 20), progress="已完成自查,整改问题3个"),    # r6
    _row(3, I_SECRET, "组织保密知识培训", unit="保密办", deadline="2023年8月底前",
         progress="拟于11月补充培训"),                                                     # r7
    _row(4, I_MEETING, "精简会议数量", deadline="2023年12月底前", progress="正在梳理"),    # r8
    _row(4, I_MEETING, "控制会议时长", deadline="延期至2024年3月底", progress="正在推进"),  # r9
    _row(4, I_MEETING, "建立会议审批制度", unit="财务科", deadline="2023年12月底前",
         progress="正在起草"),                                                             # r10
    _row(4, I_MEETING, "规范会议纪要管理", deadline="2023年10月底前", progress="正在规范"),  # r11
]

L_STUDY, L_SECRET3, L_MEETING4 = f"1.{I_STUDY}", f"3.{I_SECRET}", f"4.{I_MEETING}"

#: (类型, 问题, 措施, 字段, 原值, 新值, 原行, 新行, 值得注意) — every change, and nothing else
EXPECTED_CHANGES = {
    ("新增问题", f"2.{I_NEW}", "", "具体问题", "", f"2.{I_NEW}", None, 5, ""),
    ("问题变化", L_SECRET3, "", "问题序号", "2", "3", 4, 6, ""),
    ("问题变化", L_MEETING4, "", "问题序号", "3", "4", 7, 8, ""),
    ("新增措施", f"2.{I_NEW}", "开展意识形态工作专题研究", "整改措施", "", "开展意识形态工作专题研究",
     None, 5, ""),
    ("删除措施", f"2.{I_SECRET}", "更新涉密人员台账", "整改措施", "更新涉密人员台账", "", 6, None,
     "删除已完成措施"),
    ("状态变化", L_SECRET3, "开展保密自查自纠", "整改状态", "正在推进", "已完成", 4, 6, ""),
    ("状态变化", L_SECRET3, "开展保密自查自纠", "完成时间", "", "2023年10月20日", 4, 6, ""),
    ("状态变化", L_SECRET3, "组织保密知识培训", "整改状态", "已完成", "正在推进", 5, 7, "状态倒退"),
    ("状态变化", L_SECRET3, "组织保密知识培训", "完成时间", "2023年8月25日", "", 5, 7, ""),
    ("时限变化", L_MEETING4, "精简会议数量", "整改时限", "2023年9月底前", "2023年12月底前", 7, 8,
     "时限延后未注明延期"),
    ("时限变化", L_MEETING4, "控制会议时长", "整改时限", "2023年8月底前", "延期至2024年3月底", 8, 9, ""),
    ("责任变化", L_MEETING4, "建立会议审批制度", "责任单位", "办公室", "财务科", 9, 10, ""),
    ("措施内容修改", L_STUDY, "制定年度理论学习计划,按月组织集中学习并做好记录", "整改措施",
     "制定年度理论学习计划并按月组织集中学习", "制定年度理论学习计划,按月组织集中学习并做好记录", 3, 3, ""),
    ("措施调整问题", L_STUDY, "建立学习情况通报制度", "具体问题", f"3.{I_MEETING}", L_STUDY, 11, 4, ""),
    ("进展更新", L_SECRET3, "开展保密自查自纠", "整改进展", "正在开展自查", "已完成自查,整改问题3个",
     4, 6, ""),
    ("进展更新", L_SECRET3, "组织保密知识培训", "整改进展", "已培训", "拟于11月补充培训", 5, 7, ""),
}


def _as_tuples(diff: LedgerDiff) -> set[tuple[Any, ...]]:
    return {(c.kind.value, c.issue, c.measure, c.field, c.old, c.new, c.old_row, c.new_row, c.flag)
            for c in diff.changes}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("diff")
    old = write_simple_ledger(folder / "台账_9月.xlsx", SEPTEMBER,
                              info={"反馈日期": FEEDBACK, "报告日期": SEP_AS_OF})
    new = write_simple_ledger(folder / "台账_10月.xlsx", OCTOBER,
                              info={"反馈日期": FEEDBACK, "报告日期": OCT_AS_OF})
    return old, new


@pytest.fixture(scope="module")
def diff(files: tuple[Path, Path]) -> LedgerDiff:
    old, new = files
    return diff_ledgers(read_ledger(old), read_ledger(new), old_name=old.name, new_name=new.name)


# -- the September → October scenario -------------------------------------------------------


def test_exact_set_of_changes(diff: LedgerDiff) -> None:
    assert _as_tuples(diff) == EXPECTED_CHANGES
    assert len(diff.changes) == len(EXPECTED_CHANGES)


def test_changes_sorted_by_kind_then_row(diff: LedgerDiff) -> None:
    order = list(ChangeKind)
    keys = [(order.index(c.kind), c.new_row or 0, c.old_row or 0) for c in diff.changes]
    assert keys == sorted(keys)


def test_unchanged_measures_match_and_produce_no_change_even_when_rows_moved(diff: LedgerDiff) -> None:
    same = {(m.old.row, m.new.row) for m in diff.matched if m.match is MatchKind.SAME and not m.changed}
    # 建立第一议题学习制度 stays on row 2; 规范会议纪要管理 moves from row 10 to row 11
    assert same == {(2, 2), (10, 11)}
    assert not any(c.measure in ("建立第一议题学习制度", "规范会议纪要管理") for c in diff.changes)
    assert (10, 11) not in {(c.old_row, c.new_row) for c in diff.changes}
    # every measure is either matched, added or removed, exactly once
    assert len(diff.matched) == 9
    assert [m.row for m in diff.added] == [5]
    assert [m.row for m in diff.removed] == [6]


def test_match_kinds(diff: LedgerDiff) -> None:
    kinds = {(m.old.row, m.new.row): m.match for m in diff.matched}
    assert kinds[(3, 3)] is MatchKind.EDITED
    assert kinds[(11, 4)] is MatchKind.MOVED
    assert sum(k is MatchKind.SAME for k in kinds.values()) == 7
    edited = next(m for m in diff.matched if m.match is MatchKind.EDITED)
    assert 0.6 <= edited.similarity < 1


def test_issues_added_removed_renumbered(diff: LedgerDiff) -> None:
    assert [(i.number, i.title) for i in diff.issues_added] == [(2, I_NEW)]
    assert diff.issues_removed == []
    assert [(o.number, n.number, n.title) for o, n in diff.issues_changed] == [
        (2, 3, I_SECRET), (3, 4, I_MEETING)]


def test_counts_before_and_after(diff: LedgerDiff) -> None:
    o, n = diff.old, diff.new
    assert (o.as_of, o.as_of_source, n.as_of, n.as_of_source) == (
        SEP_AS_OF, "报告日期", OCT_AS_OF, "报告日期")
    assert (o.name, n.name) == ("台账_9月.xlsx", "台账_10月.xlsx")
    assert (o.aspects, o.issues, n.aspects, n.issues) == (1, 3, 1, 4)
    # September: done 第一议题/学习计划/保密培训/涉密台账; overdue 保密自查 (9-15), 会议时长 (8-31)
    assert (o.counts.measures, o.counts.done, o.counts.in_progress, o.counts.overdue) == (10, 4, 6, 2)
    # October: 保密自查 done, 保密培训 back in progress and overdue (8-31), 会议时长 extended
    assert (n.counts.measures, n.counts.done, n.counts.in_progress, n.counts.overdue) == (10, 3, 7, 1)
    assert (o.counts.rate, n.counts.rate) == (0.4, 0.3)


def test_regressions(diff: LedgerDiff) -> None:
    got = {(r.kind, r.measure, r.old_row, r.new_row) for r in diff.regressions}
    assert got == {
        (RegressionKind.STATUS_REGRESSED, "组织保密知识培训", 5, 7),
        (RegressionKind.SILENT_EXTENSION, "精简会议数量", 7, 8),
        (RegressionKind.COMPLETED_REMOVED, "更新涉密人员台账", 6, None),
    }
    # the 延期至… extension is a deadline change but not a regression
    assert not any(r.measure == "控制会议时长" for r in diff.regressions)
    silent = next(r for r in diff.regressions if r.kind is RegressionKind.SILENT_EXTENSION)
    assert "推迟92天" in silent.message and "延期" in silent.message


def test_as_of_arguments_override_report_dates(files: tuple[Path, Path]) -> None:
    old, new = (read_ledger(p) for p in files)
    d = diff_ledgers(old, new, as_of_old=date(2023, 7, 1), as_of_new=date(2024, 1, 15))
    assert (d.old.as_of_source, d.new.as_of_source) == ("参数", "参数")
    assert d.old.counts.overdue == 0  # nothing due before July 1 (all July+ deadlines)
    # 2024-01-15: everything due in 2023 and not done is overdue; 延期至2024年3月 is not
    assert d.new.counts.overdue == 6


def test_text_render(diff: LedgerDiff) -> None:
    text = render_diff_text(diff)
    headings = ["一、总体变化", "二、问题变化", "三、新增措施", "四、删除措施", "五、状态变化",
                "六、时限变化", "七、责任变化", "八、措施内容修改", "九、措施调整问题", "十、进展更新",
                "十一、进展未更新", "十二、值得注意"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "上期：台账_9月.xlsx，截至2023年9月30日（来源：报告日期）" in text
    assert "  整改措施：10项 → 10项（持平）" in text
    assert "  已完成：4项 → 3项（−1）" in text
    assert "  问题：3个 → 4个（+1）" in text
    assert "  已逾期：2项 → 1项（−1）" in text
    assert "  措施完成率：40.0% → 30.0%（−10.0个百分点）" in text
    assert f"  · [3.{I_SECRET}] 开展保密自查自纠：正在推进 → 已完成（原第4行 → 现第6行）" in text
    assert f"  · [3.{I_SECRET}] 组织保密知识培训：已完成 → 正在推进【状态倒退】（原第5行 → 现第7行）" in text
    assert ("精简会议数量：2023年9月底前 → 2023年12月底前，推迟92天【时限延后未注明延期】"
            "（原第7行 → 现第8行）") in text
    assert "控制会议时长：2023年8月底前 → 延期至2024年3月底，推迟213天（原第8行 → 现第9行）" in text
    assert "建立会议审批制度：责任单位 办公室 → 财务科（原第9行 → 现第10行）" in text
    assert "开展意识形态工作专题研究（现第5行）" in text
    assert "更新涉密人员台账【删除已完成措施】（原第6行）" in text
    assert "      原：制定年度理论学习计划并按月组织集中学习" in text
    assert "      新：制定年度理论学习计划,按月组织集中学习并做好记录" in text
    moved = f"由问题“3.{I_MEETING}”调整到“1.{I_STUDY}”（原第11行 → 现第4行）"
    assert moved in text[text.index("九、措施调整问题"):text.index("十、进展更新")]  # a heading of its own
    assert "问题序号：2 → 3（原第4行 → 现第6行）" in text
    notable = text[text.index("十二、值得注意"):]
    assert notable.count("  · ") == 3
    # every change line cites a row
    for line in text.splitlines():
        if line.startswith("  · "):
            assert "第" in line and "行）" in line, line
    # unchanged measures do not appear, but for one still 正在推进 whose progress is last period's
    # word for word: listed under 进展未更新 alone
    stale = text[text.index("十一、进展未更新"):text.index("十二、值得注意")]
    assert "规范会议纪要管理：正在推进，两期进展均为“正在规范”" in stale
    assert "规范会议纪要管理" not in text.replace(stale, "") and "建立第一议题学习制度" not in text


def test_xlsx_render(diff: LedgerDiff, files: tuple[Path, Path], tmp_path: Path) -> None:
    out = write_diff_file(tmp_path / "变化.xlsx", diff, inputs=files)
    wb = load_workbook(out)
    assert wb.sheetnames == list(DIFF_SHEETS)
    ws = wb["变化明细"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1] == ("类型", "问题", "措施", "字段", "原值", "新值", "原行", "新行", "值得注意")
    # empty text cells read back as None; the row columns (原行, 新行) keep None
    body = {tuple("" if v is None and i not in (6, 7) else v for i, v in enumerate(r))
            for r in rows[2:]}
    assert body == EXPECTED_CHANGES
    assert len(rows) - 2 == len(EXPECTED_CHANGES)
    flagged = {r for r in range(3, ws.max_row + 1) if ws.cell(r, 9).value}
    assert len(flagged) == 3
    for r in flagged:
        assert ws.cell(r, 1).fill.fgColor.rgb.endswith("FFC7CE")
    assert ws.auto_filter.ref == f"A2:I{ws.max_row}"

    summary = {r[0]: r[1:] for r in wb["变化汇总"].iter_rows(values_only=True) if r and r[0]}
    assert summary["项目"][:3] == ("上期", "本期", "变化")
    assert summary["整改措施"][:3] == (10, 10, "持平")
    assert summary["已完成"][:3] == (4, 3, "减少1")
    assert summary["已逾期"][:3] == (2, 1, "减少1")
    assert summary["问题"][:3] == (3, 4, "增加1")
    assert summary["措施完成率"][:3] == (0.4, 0.3, "下降10.0个百分点")  # numbers shown as %, not text
    rate_row = next(r for r in wb["变化汇总"].iter_rows() if r[0].value == "措施完成率")
    assert rate_row[1].number_format.endswith("%") and rate_row[2].number_format.endswith("%")
    assert summary["状态变化"][0] == 4
    assert summary["时限变化"][0] == 2
    assert summary["状态倒退"][0] == 1
    assert summary["取消整改时限"][0] == 0


def test_xlsx_refuses_to_overwrite_an_input(diff: LedgerDiff, files: tuple[Path, Path]) -> None:
    before = files[1].read_bytes()
    with pytest.raises(UnsafeWriteError):
        write_diff_file(files[1], diff, inputs=files)
    assert files[1].read_bytes() == before


def test_sheet_specs_are_pure(diff: LedgerDiff) -> None:
    summary, detail = diff_sheets(diff)
    assert (summary.name, detail.name) == DIFF_SHEETS
    assert len(detail.rows) == 2 + len(diff.changes)
    assert len(detail.row_fills) == 3


def test_identical_versions_have_no_changes(files: tuple[Path, Path]) -> None:
    ledger = read_ledger(files[0])
    d = diff_ledgers(ledger, ledger)
    assert d.changes == [] and d.regressions == [] and not d.has_changes
    assert all(m.match is MatchKind.SAME for m in d.matched) and len(d.matched) == 10
    text = render_diff_text(d)
    assert "两期台账内容一致" in text
    assert text.count("  无。") == 11


def test_json_round_trip(diff: LedgerDiff) -> None:
    again = LedgerDiff.model_validate_json(diff.model_dump_json())
    assert _as_tuples(again) == EXPECTED_CHANGES
    assert again.new.counts.overdue == 1


# -- matching rules on small in-memory ledgers ----------------------------------------------


def _m(text: str, row: int, *, status: str = "正在推进", deadline: str = "2023年9月底前",
       unit: str = "办公室", progress: str = "", remark: str = "") -> Measure:
    return Measure(text=text, row=row, owner_unit=unit, status=parse_status(status),
                   status_text=status, deadline=parse_deadline(deadline, feedback_date=FEEDBACK),
                   progress=progress, remark=remark)


def _ledger(*issues: tuple[int | None, str, list[Measure]]) -> Ledger:
    return Ledger(info=LedgerInfo(feedback_date=FEEDBACK, report_date=SEP_AS_OF),
                  aspects=[Aspect(title="方面", categories=[Category(issues=[
                      Issue(number=n, title=t, row=ms[0].row if ms else 0, measures=ms)
                      for n, t, ms in issues])])])


def _kinds(d: LedgerDiff) -> list[tuple[str, str, int | None, int | None]]:
    return [(c.kind.value, c.field, c.old_row, c.new_row) for c in d.changes]


def test_normalize_measure_text() -> None:
    assert normalize_measure_text("一是 建立“第一议题”制度。") == "建立第一议题制度"
    assert normalize_measure_text("(2)建立　第一议题制度;") == "建立第一议题制度"
    assert normalize_measure_text("①建立第一议题制度") == "建立第一议题制度"
    assert normalize_measure_text("3.建立ＡＢＣ制度") == "建立abc制度"
    assert normalize_measure_text("建立2个制度") == "建立2个制度"


def test_ordinal_renumbering_and_punctuation_are_not_changes() -> None:
    old = _ledger((1, "问题甲", [_m("一是建立制度。", 2), _m("二是开展检查", 3)]))
    new = _ledger((1, "问题甲", [_m("一是新增培训", 2), _m("二是 建立制度", 3),
                                  _m("三是开展检查。", 4)]))
    d = diff_ledgers(old, new)
    assert _kinds(d) == [("新增措施", "整改措施", None, 2)]
    assert all(m.match is MatchKind.SAME for m in d.matched)


def test_duplicate_texts_pair_one_to_one_in_order() -> None:
    old = _ledger((1, "问题甲", [_m("开展检查", 2), _m("开展检查", 3, status="已完成")]))
    new = _ledger((1, "问题甲", [_m("开展检查", 2), _m("开展检查", 3, status="已完成"),
                                  _m("开展检查", 4)]))
    d = diff_ledgers(old, new)
    assert {(m.old.row, m.new.row) for m in d.matched} == {(2, 2), (3, 3)}
    assert _kinds(d) == [("新增措施", "整改措施", None, 4)]


def test_similarity_pairs_best_first() -> None:
    old = _ledger((1, "问题甲", [_m("建立健全干部教育培训制度", 2), _m("建立健全干部考核评价机制", 3)]))
    new = _ledger((1, "问题甲", [_m("建立健全干部考核评价工作机制", 2),
                                  _m("建立健全干部教育培训管理制度", 3)]))
    d = diff_ledgers(old, new)
    assert {(m.old.row, m.new.row) for m in d.matched} == {(2, 3), (3, 2)}
    assert {c.kind for c in d.changes} == {ChangeKind.TEXT}


def test_dissimilar_text_is_added_and_removed() -> None:
    old = _ledger((1, "问题甲", [_m("建立制度", 2)]))
    new = _ledger((1, "问题甲", [_m("开展专项督查检查工作", 2)]))
    d = diff_ledgers(old, new)
    assert _kinds(d) == [("新增措施", "整改措施", None, 2), ("删除措施", "整改措施", 2, None)]
    assert d.regressions == []  # the removed measure was not 已完成


def test_issue_matched_by_title_when_number_changes_and_by_shared_measure_when_retitled() -> None:
    old = _ledger((1, "针对财务管理不规范问题", [_m("规范报销流程", 2)]),
                  (2, "针对档案管理混乱问题", [_m("整理档案", 3), _m("建立档案制度", 4)]))
    new = _ledger((1, "针对档案管理较为混乱的问题", [_m("整理档案", 2), _m("建立档案制度", 3)]),
                  (2, "针对财务管理不规范问题", [_m("规范报销流程", 4)]))
    d = diff_ledgers(old, new)
    assert d.issues_added == [] and d.issues_removed == []
    assert sorted(_kinds(d)) == sorted([
        ("问题变化", "问题序号", 3, 2), ("问题变化", "具体问题", 3, 2),
        ("问题变化", "问题序号", 2, 4)])
    assert all(m.match is MatchKind.SAME for m in d.matched)


def test_unrelated_issue_with_similar_title_is_not_merged() -> None:
    old = _ledger((1, "针对保密工作有不足问题", [_m("开展保密检查", 2)]))
    new = _ledger((1, "针对档案工作有不足问题", [_m("整理档案", 2)]))
    d = diff_ledgers(old, new)
    assert [i.title for i in d.issues_removed] == ["针对保密工作有不足问题"]
    assert [i.title for i in d.issues_added] == ["针对档案工作有不足问题"]


def test_deadline_rules() -> None:
    old = _ledger((1, "问题甲", [
        _m("措施一", 2, deadline="2023年9月底前"),
        _m("措施二", 3, deadline="2023年9月底前"),
        _m("措施三", 4, deadline="2023年9月底前"),
        _m("措施四", 5, deadline="立行立改"),
        _m("措施五", 6, deadline="2023年9月底前"),
        _m("措施六", 7, deadline="2023年12月底前"),
    ]))
    new = _ledger((1, "问题甲", [
        _m("措施一", 2, deadline="2023年9月30日前"),                       # same date: no change
        _m("措施二", 3, deadline="长期坚持"),                              # dropped
        _m("措施三", 4, deadline="2023年12月底前", remark="经批准顺延"),    # worded in 备注
        _m("措施四", 5, deadline="2023年8月底前"),                         # immediate → later
        _m("措施五", 6, deadline="2023年8月底前"),                         # earlier: fine
        _m("措施六", 7, deadline="2023年12月底前(已延期至2024年6月底)"),  # worded
    ]))
    d = diff_ledgers(old, new)
    assert [c.old_row for c in d.of_kind(ChangeKind.DEADLINE)] == [3, 4, 5, 6, 7]
    assert {(r.kind, r.old_row) for r in d.regressions} == {
        (RegressionKind.DEADLINE_DROPPED, 3), (RegressionKind.SILENT_EXTENSION, 5)}
    notes = {c.old_row: c.note for c in d.of_kind(ChangeKind.DEADLINE)}
    assert notes[6] == "提前30天" and notes[3] == ""


def test_owner_spelling_and_order_are_not_changes() -> None:
    old = _ledger((1, "问题甲", [_m("措施一", 2, unit="办公室、财务科"), _m("措施二", 3, unit="办公室")]))
    new = _ledger((1, "问题甲", [_m("措施一", 2, unit="财务科、办 公室"),
                                  _m("措施二", 3, unit="办公室、人事科")]))
    d = diff_ledgers(old, new)
    assert [(c.field, c.old, c.new) for c in d.changes] == [("责任单位", "办公室", "办公室、人事科")]


def test_status_regression_from_done_to_anything() -> None:
    old = _ledger((1, "问题甲", [_m("措施一", 2, status="已完成"), _m("措施二", 3, status="正在推进"),
                                  _m("措施三", 4, status="已完成")]))
    new = _ledger((1, "问题甲", [_m("措施一", 2, status="长期坚持"), _m("措施二", 3, status="未启动"),
                                  _m("措施三", 4, status="已销号")]))
    d = diff_ledgers(old, new)
    assert [(r.kind, r.old_row) for r in d.regressions] == [(RegressionKind.STATUS_REGRESSED, 2)]
    assert [(c.old, c.new) for c in d.of_kind(ChangeKind.STATUS)] == [
        ("已完成", "长期坚持"), ("正在推进", "未启动")]
    assert d.new.counts.done == 1 and Status.DONE is parse_status("已销号")


def test_cli_diff_text_and_xlsx(tmp_path: Path) -> None:
    """`rectxl diff` end to end: text on stdout, the xlsx report, exit 1 on regressions."""
    import subprocess
    import sys

    from tests.ledgers import write_simple_ledger

    base = {"具体问题": "1.针对学习问题", "责任单位": "办公室", "整改时限": "2023年9月底"}
    old = write_simple_ledger(tmp_path / "9月.xlsx", [{**base, "整改措施": "建立制度", "整改状态": "已完成"},
                                                     {**base, "整改措施": "落实学习", "整改状态": "正在推进"}])
    new = write_simple_ledger(tmp_path / "10月.xlsx", [{**base, "整改措施": "建立制度", "整改状态": "正在推进"},
                                                      {**base, "整改措施": "落实学习", "整改状态": "已完成"}])
    proc = subprocess.run([sys.executable, "-m", "rectxl", "diff", str(old), str(new), "--as-of-old", "2023-09-01",
                           "--as-of-new", "2023-10-01"], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    assert "状态倒退" in proc.stdout and "建立制度" in proc.stdout
    out = tmp_path / "变化.xlsx"
    proc = subprocess.run([sys.executable, "-m", "rectxl", "diff", str(old), str(new), "-o", str(out)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1 and out.exists()
    proc = subprocess.run([sys.executable, "-m", "rectxl", "diff", str(old), str(new), "-o", str(old)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2 and "输出文件与输入文件相同" in proc.stderr


# -- JSON in pieces --------------------------------------------------------------------------


@pytest.mark.parametrize("batch", [1, 2, 3, 1000])
def test_json_chunks_are_model_dump_json_byte_for_byte(diff: LedgerDiff, batch: int) -> None:
    expected = diff.model_dump_json(indent=2).encode()
    assert b"".join(diff_json_chunks(diff, batch)) == expected
    empty = diff_ledgers(_ledger(), _ledger())
    assert b"".join(diff_json_chunks(empty, batch)) == empty.model_dump_json(indent=2).encode()


def test_json_writers_write_what_model_dump_json_gives(diff: LedgerDiff, files: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    expected = diff.model_dump_json(indent=2) + "\n"
    text = io.StringIO()  # no byte buffer: written through the text layer
    write_diff_json(diff, text)
    assert text.getvalue() == expected
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")  # like standard output
    write_diff_json(diff, stream)
    stream.flush()
    assert raw.getvalue() == expected.encode()
    out = write_diff_json_file(tmp_path / "变化.json", diff, inputs=files)
    assert out.read_bytes() == expected.encode()
    with pytest.raises(UnsafeWriteError):
        write_diff_json_file(files[0], diff, inputs=files)


# -- speed work that must change nothing -----------------------------------------------------


def _reference_key(text: str) -> str:
    """normalize_measure_text as first written: plain NFKC and str.translate."""
    from rectxl.core.diff import _CIRCLED, _DROP_PUNCTUATION, _ORDINAL

    s = _CIRCLED.sub("", text)
    s = unicodedata.normalize("NFKC", s)
    s = _ORDINAL.sub("", s)
    return s.translate(_DROP_PUNCTUATION).lower()


def test_fast_normalisation_matches_the_plain_definition() -> None:
    # full-width forms next to combining marks, Hangul jamo, compatibility ideographs, circled
    # and parenthesised numbers, other scripts' punctuation and spaces, controls
    pools = [range(0x20, 0x250), range(0x300, 0x370), range(0x1100, 0x1176), range(0x2000, 0x2070),
             range(0x2460, 0x2500), range(0x3000, 0x3100), range(0x3200, 0x3300), range(0x4E00, 0x4E40),
             range(0xAC00, 0xAC20), range(0xF900, 0xF910), range(0xFE10, 0xFE70), range(0xFF00, 0xFFF0),
             range(0x1D400, 0x1D410), range(0x0E00, 0x0E60), range(0x0600, 0x0660)]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(chr(rng.choice(rng.choice(pools))) for _ in range(rng.randint(0, 10)))
        assert normalize_measure_text(text) == _reference_key(text), ascii(text)
    for text in ("一是 建立“第一议题”制度。", "（2）建立　第一议题制度；", "Ａ\u0301、ｂ", "①　②，ＡＢＣ１２３",
                 "\u1100\uff0c\u1161", "e\uff0c\u0301", "第１条：落实", "(三)做好…工作"):
        assert normalize_measure_text(text) == _reference_key(text), text


def test_similar_pairs_are_exactly_the_pairs_difflib_finds() -> None:
    rng = random.Random(3)
    alphabet = "建立健全制度机制学习培训检查整改落实工作责任"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(60)]
    a, b = texts[:30], texts[30:]
    for threshold in (0.3, 0.6, 0.8):
        brute = [(r, i, j) for i, x in enumerate(a) for j, y in enumerate(b)
                 if (r := difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()) >= threshold]
        assert sorted(diff_match.similar_pairs(a, b, threshold)) == sorted(brute)


def test_pair_equal_pairs_duplicates_in_order() -> None:
    used_a: set[int] = {1}
    used_b: set[int] = set()
    pairs = diff_match.pair_equal(["x", "x", "x", "y", "x"], ["y", "x", "x", "x"], used_a, used_b)
    assert pairs == [(0, 1), (2, 2), (3, 0), (4, 3)]
    assert used_a == {0, 1, 2, 3, 4} and used_b == {0, 1, 2, 3}


def _wide_ledger(n: int, title: str, text: str) -> Ledger:
    """n issues of 3 measures each, every title and text its own."""
    return _ledger(*((i, f"{title}{i}号", [_m(f"{text}{i}之{j}", 2 + 3 * i + j) for j in range(3)])
                     for i in range(n)))


def _count_similarity_work(monkeypatch: pytest.MonkeyPatch, old: Ledger, new: Ledger) -> dict[str, int]:
    """How many pairs of texts the diff scores (bound) and runs difflib on (ratio)."""
    calls = {"bound": 0, "ratio": 0}
    bound, ratio = diff_match._common, diff_match.ratio

    def counting_bound(*args: Any) -> int:
        calls["bound"] += 1
        return bound(*args)

    def counting_ratio(*args: Any) -> float:
        calls["ratio"] += 1
        return ratio(*args)

    monkeypatch.setattr(diff_match, "_common", counting_bound)
    monkeypatch.setattr(diff_match, "ratio", counting_ratio)
    diff_ledgers(old, new)
    monkeypatch.undo()
    return calls


def test_matching_work_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    # every issue retitled beyond recognition, no measure in common: no pair of issues shares a
    # measure, so none is compared (all n² pairs were scored before)
    for n in (20, 80):
        calls = _count_similarity_work(monkeypatch, _wide_ledger(n, "针对甲类问题", "开展检查"),
                                       _wide_ledger(n, "关于乙项事项", "落实整改"))
        assert calls == {"bound": 0, "ratio": 0}
    # same issues, every measure reworded: only the 3 × 3 pairs within each issue are scored (by
    # the similar-text pass, and again by the pass for what an issue has left over)
    for n in (20, 80):
        calls = _count_similarity_work(monkeypatch, _wide_ledger(n, "问题", "开展检查"),
                                       _wide_ledger(n, "问题", "落实整改"))
        assert calls["bound"] + calls["ratio"] <= 3 * 9 * n


def test_status_changes_are_shown_as_the_clerk_wrote_them(tmp_path: Path) -> None:
    """已销号 → 正在推进 reads as written (not "已完成 → 正在推进": the lost closure shows), the
    regression quotes 未完成 as the cell has it, and 已完成 → 已销号 is a change of its own."""
    from rectxl import api
    from rectxl.core import fields as F

    def ledger(name: str, statuses: list[str]) -> Path:
        rows = [{F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: measure, F.OWNER_UNIT: "办公室",
                 F.DEADLINE: "2026年6月30日", F.STATUS: status, F.EVIDENCE: "会议记录"}
                for measure, status in zip(["修订学习制度", "建立学习台账", "开展专题研讨"], statuses, strict=True)]
        return write_simple_ledger(tmp_path / name, rows)

    diff = api.diff(ledger("9月.xlsx", ["已销号", "已完成", "已完成"]),
                    ledger("10月.xlsx", ["正在推进", "未完成", "已销号"]))
    status = {(c.measure, c.old, c.new) for c in diff.changes if c.field == F.STATUS}
    assert status == {("修订学习制度", "已销号", "正在推进"), ("建立学习台账", "已完成", "未完成"),
                      ("开展专题研讨", "已完成", "已销号")}
    assert any("本期改为“未完成”" in r.message for r in diff.regressions)


def test_a_reworded_measure_is_an_edit_not_a_deletion(tmp_path: Path) -> None:
    """A clerk rewords a measure ("修订完善党委会议事规则" → "修订党委会议事规则和“三重一大”决策实施办法")
    or puts its clauses in another order: it is 措施内容修改, not 删除 + 新增 with a false
    删除已完成措施 alarm; a measure replaced by an unrelated one is still added and removed."""
    old = _ledger((1, "落实“三重一大”决策制度不严格", [_m("修订完善党委会议事规则", 2),
                                                     _m("开展公务接待专项清理，对超标准费用予以清退", 3)]))
    new = _ledger((1, "落实“三重一大”决策制度不严格", [_m("修订党委会议事规则和“三重一大”决策实施办法", 2),
                                                     _m("对超标准公务接待费用予以清退，并开展专项清理", 3)]))
    d = diff_ledgers(old, new)
    assert [k for k in _kinds(d)] == [("措施内容修改", "整改措施", 2, 2), ("措施内容修改", "整改措施", 3, 3)]
    assert d.added == [] and d.removed == [] and d.regressions == []


def test_a_pair_of_files_that_is_no_pair_is_said_to_be_one() -> None:
    """Two units' ledgers, the periods given in the wrong order, or two ledgers sharing hardly a
    measure: the diff still runs, and says why the pair looks wrong."""
    from dataclasses import replace
    from datetime import date

    measures = [f"整改措施{k}" for k in range(1, 7)]
    old = _ledger((1, "问题", [_m(t, k) for k, t in enumerate(measures, 2)]))
    same = _ledger((1, "问题", [_m(t, k) for k, t in enumerate(measures, 2)]))
    assert diff_ledgers(old, same).warnings == []

    old.info = replace(old.info, unit_name="青石镇党委")
    other = _ledger((1, "问题", [_m(t, k) for k, t in enumerate(measures, 2)]))
    other.info = replace(other.info, unit_name="县财政局党组")
    (warning,) = diff_ledgers(old, other).warnings
    assert warning == "两期台账的单位名称不同（上期：青石镇党委；本期：县财政局党组）：请确认没有选错文件。"
    named_alike = _ledger((1, "问题", [_m(t, k) for k, t in enumerate(measures, 2)]))
    named_alike.info = replace(named_alike.info, unit_name="中共青石镇党委")  # the same unit
    assert diff_ledgers(old, named_alike).warnings == []

    reversed_dates = diff_ledgers(same, old, as_of_old=date(2023, 11, 20), as_of_new=date(2023, 10, 20))
    assert any("早于上期" in w for w in reversed_dates.warnings)

    unrelated = _ledger((1, "另一问题", [_m(f"另一项工作{k}", k) for k in range(2, 8)]))
    assert any("只有0项措施相同" in w for w in diff_ledgers(same, unrelated).warnings)
