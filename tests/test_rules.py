"""Every finding code fires on a ledger built for it, at the row a clerk would look at —
and stays quiet on the near-miss that must not be flagged.

The rules are checked on sheets built in memory (the reader's grids), so a rule test fails for
a rule's reason; a few end-to-end tests at the bottom go through a real .xlsx file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl.api import check
from rectxl.core import fields as F
from rectxl.core.findings import Severity
from rectxl.core.grid import Grid, ledger_from_grids
from rectxl.core.rules import RULES, Options
from rectxl.core.validate import Report, validate
from tests.followup_ledgers import INFO_SHEET_CODES, followup_rule_cases
from tests.ledgers import write_simple_ledger

AS_OF = date(2023, 9, 20)
INFO = {"反馈日期": date(2023, 6, 27)}


def ok(**overrides: Any) -> dict[str, Any]:
    """A measure row with nothing wrong (as of AS_OF), with ``overrides`` applied."""
    row = {
        F.ASPECT: "一、政治建设", F.ISSUE_NO: 1, F.ISSUE: "针对学习不够问题", F.MEASURE: "建立学习制度",
        F.LEAD: "张局长", F.OWNER_UNIT: "办公室", F.OWNER_PERSON: "李四", F.DEADLINE: "2023年12月底前",
        F.STATUS: "正在推进", F.PROGRESS: "正在起草制度", F.EVIDENCE: None, F.COMPLETED: None,
    }
    row.update(overrides)
    return row


DONE = {F.STATUS: "已完成", F.PROGRESS: "已建立制度", F.EVIDENCE: "制度文件", F.COMPLETED: date(2023, 8, 1)}

# code → (rows, expected rows where it fires, extra kwargs for the ledger)
CASES: dict[str, tuple[list[dict[str, Any]], set[int], dict[str, Any]]] = {
    "header-missing": ([ok()], {1}, {"columns": [c for c in F.TEMPLATE_COLUMNS if c != F.DEADLINE]}),
    "column-not-understood": ([ok()], {1}, {"columns": [*F.TEMPLATE_COLUMNS, "督导组意见"]}),
    "ledger-sheet-hidden": ([ok()], {1}, {"hidden": True}),
    # last month's sheet hidden beside the visible ledger: read the visible one, and say so
    "hidden-ledger-sheet-unread": ([ok()], {None}, {"hidden_copy": "台账（10月）"}),
    # a mapping whose header word the ledger does not have ("牵头科室" mistyped as "牵头料室")
    "column-map-unused": ([ok()], {1}, {"column_map": ["牵头料室=责任单位"]}),
    # the same measures again on a later sheet: 台账 is the earlier copy, set aside (a later sheet
    # whose name is stamped with a day, 台账（11月30日）, is a snapshot instead: 台账 is read)
    "ledger-copy-set-aside": ([ok(), ok(**{F.MEASURE: "开展警示教育"}), ok(**{F.MEASURE: "建立学习台账"})], {None},
                              {"copy_after": "台账（更新）"}),
    # a sheet of self-found problems beside the feedback's ledger (other measures: no copy)
    "self-check-sheet-apart": ([ok()], {None}, {"self_check": "举一反三自查问题"}),
    # one key pressed far outside the data (Ctrl+End, then "a"): read around, named
    "stray-cell-ignored": ([ok()], {1048576}, {"strays": (("XFD1048576", "a"),)}),
    "formula-uncomputed": ([ok(**{F.OWNER_UNIT: None}), ok(**{F.DEADLINE: None})], {2, 3},
                           {"uncomputed": [(2, F.OWNER_UNIT), (3, F.DEADLINE)]}),
    # 整改时限 =TODAY()+30 (row 3): a day that moves, no day read (not missing-deadline either)
    "deadline-from-today": ([ok(), ok(**{F.DEADLINE: None})], {3}, {"from_today": [(3, F.DEADLINE)]}),
    "empty-ledger": ([], {1}, {}),
    "duplicate-header": ([ok()], {1}, {"columns": [*F.TEMPLATE_COLUMNS, "措施"]}),
    "measure-without-issue": ([ok(**{F.ISSUE: None, F.ISSUE_NO: None}), ok()], {2}, {}),
    "issue-without-measure": ([ok(), ok(**{F.ISSUE_NO: 2, F.ISSUE: "针对二问题", F.MEASURE: None})], {3}, {}),
    "duplicate-measure": ([ok(), ok(**{F.MEASURE: " 建立学习制度。"})], {3}, {}),
    # a cell listing several measures (1.…；2.…); one measure that mentions "1.5万元" is no list
    "measures-in-one-cell": ([ok(**{F.MEASURE: "1.制定会议记录规范；2.统一印制记录本"}),
                              ok(**{F.MEASURE: "（1）修订办法\n（2）安装定位"}),
                              ok(**{F.MEASURE: "退还资金1.5万元，2.0版系统上线"}), ok(**{F.MEASURE: "一是建立台账"})],
                             {2, 3}, {}),
    "issue-number-gap": ([ok(), ok(**{F.ISSUE_NO: 3, F.ISSUE: "针对三问题"}),
                          ok(**{F.ISSUE_NO: 3, F.ISSUE: "针对又一个问题"})], {3, 4}, {}),
    "cell-error": ([ok(**{F.OWNER_PERSON: "#REF!"})], {2}, {}),
    "missing-owner-unit": ([ok(**{F.OWNER_UNIT: None}), ok()], {2}, {}),
    "missing-lead": ([ok(**{F.LEAD: "  "}), ok()], {2}, {}),
    "missing-owner-person": ([ok(), ok(**{F.OWNER_PERSON: None})], {3}, {}),
    "unknown-owner-unit": ([ok(**{F.OWNER_UNIT: "办公室、宣传科"}), ok()], {2}, {"directory": ["办公室"]}),
    "owner-unit-variant": ([ok(), ok(), ok(**{F.OWNER_UNIT: "办公室 "}), ok(**{F.OWNER_UNIT: "办　公室"}),
                            ok(**{F.OWNER_UNIT: "耕地保护股"}), ok(**{F.OWNER_UNIT: "耕地保护股"}),
                            ok(**{F.OWNER_UNIT: "耕保股"}), ok(**{F.OWNER_UNIT: "党政综合办公室"}),
                            ok(**{F.OWNER_UNIT: "党政综合办公室"}), ok(**{F.OWNER_UNIT: "党政综合办"}),
                            ok(**{F.OWNER_UNIT: "财务股"})],
                           {5, 8, 11}, {}),
    "missing-deadline": ([ok(**{F.DEADLINE: None}), ok()], {2}, {}),
    "bad-deadline": ([ok(**{F.DEADLINE: "尽快"}), ok(**{F.DEADLINE: "2023年2月30日"}), ok()], {2, 3}, {}),
    # no 反馈日期, only the 报告日期: the year of "12月底前" is the report's, said once (not of "3个月内")
    "deadline-year-assumed": ([ok(**{F.DEADLINE: "2023年12月底前"}), ok(**{F.DEADLINE: "12月底前"}),
                               ok(**{F.DEADLINE: "11月底前"}), ok(**{F.DEADLINE: "3个月内"})], {3},
                              {"info": {"反馈日期": None, "报告日期": date(2023, 9, 20)}}),
    "overdue": ([ok(**{F.DEADLINE: "2023年8月底前"}), ok(**{F.DEADLINE: "立行立改"}),
                 ok(**{F.DEADLINE: "2023年8月底前", **DONE}),
                 ok(**{F.DEADLINE: "2023年6月底前完成并长期坚持", F.STATUS: "长期坚持"}),
                 ok(**{F.DEADLINE: "立行立改、长期坚持", F.STATUS: "长期坚持"}),
                 ok(**{F.DEADLINE: "2023年8月底前", F.STATUS: "长期坚持"}), ok()], {2, 3}, {}),
    # 长期坚持 never falls due: not started, nobody is ever warned (a dated long-term deadline is)
    # fed back 2023-06-27: finished in 2013 (a slip for 2023) is told; put right while the inspectors
    # were there (立行立改) is not
    "completion-before-feedback": ([ok(**{**DONE, F.COMPLETED: date(2013, 8, 1)}),
                                    ok(**{**DONE, F.COMPLETED: date(2023, 6, 1), F.DEADLINE: "立行立改"}),
                                    ok(**DONE)], {2}, {}),
    # fed back 2023-06-27: due 2032 (a slip for 2023) is told; 2025 (a two-year project) is not
    "deadline-far-ahead": ([ok(**{F.DEADLINE: "2032年3月底前"}), ok(**{F.DEADLINE: "2025年12月底前"}),
                            ok(**{F.DEADLINE: "长期坚持", F.STATUS: "长期坚持"})], {2}, {}),
    "long-term-not-started": ([ok(**{F.DEADLINE: "长期坚持", F.STATUS: "未启动"}),
                               ok(**{F.STATUS: "未启动（长期坚持）"}),
                               ok(**{F.DEADLINE: "长期坚持", F.STATUS: "正在推进"}),
                               ok(**{F.DEADLINE: "2023年12月底前完成并长期坚持", F.STATUS: "未启动"}),
                               ok(**{F.STATUS: "未启动"})], {2, 3}, {}),
    "long-term-past-deadline": ([ok(**{F.DEADLINE: "2023年8月底前", F.STATUS: "长期坚持"}),
                                 ok(**{F.DEADLINE: "2023年6月底前完成并长期坚持", F.STATUS: "长期坚持"}),
                                 ok(**{F.DEADLINE: "立行立改、长期坚持", F.STATUS: "长期坚持"}),
                                 ok(**{F.DEADLINE: "2023年12月底前", F.STATUS: "长期坚持"}),
                                 ok(**{F.DEADLINE: "2023年8月底前", **DONE})], {2}, {}),
    # two measures in one row, a deadline each: the earlier passed, the row not done (all passed: overdue)
    "item-deadline-passed": ([ok(**{F.MEASURE: "1.制定规范；2.印制记录本", F.DEADLINE: "2023年8月底前；12月底前"}),
                              ok(**{F.MEASURE: "1.制定规范；2.印制记录本", F.DEADLINE: "2023年8月底前；9月10日前"}),
                              ok(**{F.MEASURE: "1.制定规范；2.印制记录本", F.DEADLINE: "2023年8月底前；12月底前",
                                    **DONE}),
                              ok(**{F.DEADLINE: "2023年8月底前；12月底前"})], {2}, {}),
    "due-today": ([ok(**{F.DEADLINE: "2023年9月20日"}), ok(**{F.DEADLINE: "2023年9月20日", **DONE})], {2}, {}),
    "due-soon": ([ok(**{F.DEADLINE: "2023年9月30日"}), ok(**{F.DEADLINE: "2023年10月5日"}),
                  ok(**{F.DEADLINE: "2023年10月6日"}), ok(**{F.DEADLINE: "2023年9月30日", **DONE})], {2, 3}, {}),
    "completed-late": ([ok(**{F.DEADLINE: "2023年7月底", **DONE}), ok(**DONE)], {2}, {}),
    "completion-in-future": ([ok(**{**DONE, F.COMPLETED: date(2023, 9, 21)}), ok(**DONE)], {2}, {}),
    "missing-completion-date": ([ok(**{**DONE, F.COMPLETED: None}), ok(**DONE)], {2}, {}),
    "completion-date-unfinished": ([ok(**{F.COMPLETED: date(2023, 8, 1)}), ok(**DONE),
                                    ok(**{F.STATUS: "长期坚持", F.DEADLINE: "长期坚持",
                                          F.COMPLETED: date(2023, 8, 1)})],
                                   {2}, {}),
    "bad-completion-date": ([ok(**{**DONE, F.COMPLETED: "上个月"}), ok(**DONE)], {2}, {}),
    "deadline-before-feedback": ([ok(**{F.DEADLINE: "2023年5月31日", **DONE,
                                        F.COMPLETED: date(2023, 5, 1)}), ok()], {2}, {}),
    "bad-status": ([ok(**{F.STATUS: "差不多"}), ok(**{F.STATUS: " 已销号 "})], {2}, {}),
    "missing-status": ([ok(**{F.STATUS: None}), ok()], {2}, {}),
    # the status column's drop-down refuses what it does not list: 基本完成 (row 3) is not in it
    "status-not-in-list": ([ok(), ok(**{F.STATUS: "基本完成"}), ok(**{F.STATUS: "正在推进"})], {3},
                           {"lists": ((1, F.TEMPLATE_COLUMNS.index(F.STATUS), 99, F.TEMPLATE_COLUMNS.index(F.STATUS),
                                       ("已完成", "正在推进", "未启动"), True),)}),
    "status-text-mismatch": ([ok(**{**DONE, F.PROGRESS: "已起草,拟于10月印发"}),
                              ok(**{F.STATUS: "未启动", F.PROGRESS: "已完成初稿"}),
                              ok(**{**DONE, F.PROGRESS: "已将制度纳入年度考核"}),
                              ok(**{F.STATUS: "未启动", F.PROGRESS: "计划10月启动"}),
                              ok(**{**DONE, F.PROGRESS: "已完成培训，下一步将长期坚持"}),
                              ok(**{**DONE, F.PROGRESS: "已印发制度。下一步将严格执行。"})], {2, 3}, {}),
    # the remark says done beside a status going on, and the reverse (round 25)
    "remark-status-mismatch": ([ok(**{F.REMARK: "该项已办结"}), ok(**{**DONE, F.REMARK: "佐证见附件"}),
                                ok(**{**DONE, F.REMARK: "尚未完成"})], {2, 4}, {}),
    # 整改时限 and 整改状态 typed into each other's cells (长期坚持 in both is both)
    "status-deadline-swapped": ([ok(**{F.DEADLINE: "正在推进", F.STATUS: "2023年12月底前"}),
                                 ok(**{F.DEADLINE: "长期坚持", F.STATUS: "长期坚持"}), ok()], {2}, {}),
    # a 合计 row under the table stating more measures than its rows
    "totals-row-mismatch": ([ok(), ok(**{F.MEASURE: "开展警示教育"}),
                             {F.ASPECT: "合计", F.MEASURE: "共1个问题3项措施"}], {4}, {}),
    # the aspect says it has 3 issues; 1 is listed under it (the second aspect's count is right)
    "heading-count-mismatch": ([ok(**{F.ASPECT: "一、政治建设方面（共3个问题）"}),
                                ok(**{F.ASPECT: "二、作风建设方面（共1个问题）", F.ISSUE_NO: 2,
                                      F.ISSUE: "针对作风不实问题"})],
                               {2}, {}),
    "missing-evidence": ([ok(**{**DONE, F.EVIDENCE: None}), ok(**DONE)], {2}, {}),
    "evidence-file-missing": ([ok(**{**DONE, F.EVIDENCE: "会议纪要.pdf、照片1.jpg"}),
                               ok(**{**DONE, F.EVIDENCE: "附件/制度.docx"})], {2}, {}),
}


# acceptance and closure, extensions, warning thresholds (tests/followup_ledgers.py)
CASES.update(followup_rule_cases(ok, DONE))
# no status written, the rows filled green and yellow as the note under the table keys them (row 2's
# status cell says nothing; row 3's is an account): told once, at the first (a row whose status is
# written in words, row 4, is read from its words)
CASES["status-from-colour"] = (
    [ok(**{F.STATUS: None}), ok(**{F.MEASURE: "开展警示教育", F.STATUS: "已召开警示教育大会"}),
     ok(**{F.MEASURE: "建立学习台账", F.STATUS: "正在推进"})], {2},
    {"fills": {(2, F.STATUS): "绿", (3, F.STATUS): "黄", (4, F.STATUS): "绿"},
     "foot": ("说明：已完成的标注绿色，正在推进的标注黄色。",)})
# colours shown by a conditional format rectxl cannot evaluate (a colour scale): said once, at the header
CASES["conditional-colours-unread"] = ([ok(**{F.STATUS: None})], {1},
                                       {"conditional_unread": ("色阶",), "foot": ("说明：绿色为已完成。",)})
# 基本信息's 一、 says 3 issues (the ledger has 1) and 2 measures (it has 2): one finding, on 基本信息
CASES["info-totals-mismatch"] = ([ok(), ok(**{F.MEASURE: "开展警示教育"})], {None},
                                 {"info": {"一、": "对反馈的3个问题逐条细化整改措施2项。"}})
# 基本信息's 巡察结束 (row 2, after 反馈日期) is a day no calendar has: told there
CASES["info-date-unreadable"] = ([ok()], {2}, {"info": {"巡察结束": "2023年6月31日"}})
# 基本信息's 巡察结束 (row 2, after 反馈日期) is after the feedback: told at the feedback date (row 1)
CASES["info-dates-out-of-order"] = ([ok()], {1}, {"info": {"巡察结束": "2023年8月31日"}})


def test_every_registered_code_has_a_case() -> None:
    assert set(CASES) == set(RULES)


def _ledger_grids(rows: list[dict[str, Any]], *, columns: list[str] | None = None, info: dict[str, Any] | None = None,
                  directory: list[str] | None = None, hidden: bool = False,
                  uncomputed: list[tuple[int, str]] = (),  # type: ignore[assignment]
                  from_today: list[tuple[int, str]] = (),  # type: ignore[assignment]
                  copy_after: str | None = None, self_check: str | None = None,
                  hidden_copy: str | None = None, lists: tuple[Any, ...] = (),
                  strays: tuple[tuple[str, str], ...] = (),
                  fills: dict[tuple[int, str], str] | None = None, foot: tuple[str, ...] = (),
                  conditional_unread: tuple[str, ...] = ()) -> list[Grid]:
    """The sheets a reader would hand over: 台账 (header on row 1), a copy of it named
    ``copy_after`` when asked, a sheet of other measures named ``self_check`` when asked,
    基本信息, 责任单位名录. ``fills``: (row, field) → the colour word of the cell's fill; ``foot``:
    notes under the table, one per row."""
    columns = list(columns or F.TEMPLATE_COLUMNS)
    ledger = Grid("台账", [columns, *([row.get(c) for c in columns] for row in rows), *([note] for note in foot)],
                  hidden=hidden, uncomputed=frozenset((r - 1, columns.index(f)) for r, f in uncomputed), lists=lists,
                  from_today=frozenset((r - 1, columns.index(f)) for r, f in from_today),
                  strays=strays, fills={(r - 1, columns.index(f)): word for (r, f), word in (fills or {}).items()},
                  conditional_unread=conditional_unread)
    grids = [ledger]
    if copy_after is not None:
        grids.append(Grid(copy_after, [list(r) for r in ledger.rows]))
    if hidden_copy is not None:
        grids.append(Grid(hidden_copy, [list(r) for r in ledger.rows], hidden=True))
    if self_check is not None:
        own = [{**row, F.ISSUE: "公务接待审批不严", F.MEASURE: f"自查整改措施{k}"} for k, row in enumerate(rows, 1)]
        grids.append(Grid(self_check, [columns, *([row.get(c) for c in columns] for row in own)]))
    if info:
        grids.append(Grid("基本信息", [[k, v] for k, v in info.items()]))
    if directory is not None:
        grids.append(Grid("责任单位名录", [["责任单位"], *([u] for u in directory)]))
    return grids


def check_rows(rows: list[dict[str, Any]], options: Options | None = None, **kwargs: Any) -> Report:
    info = {**INFO, **kwargs.pop("info", {})}
    column_map = kwargs.pop("column_map", ())
    ledger = ledger_from_grids(_ledger_grids(rows, info=info, **kwargs), column_map)
    return validate(ledger, options or Options(as_of=AS_OF), sibling_files=frozenset({"照片1.jpg", "附件/制度.docx"}))


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_exactly_where_expected(code: str) -> None:
    rows, expected_rows, kwargs = CASES[code]
    report = check_rows(rows, **kwargs)
    fired = [f for f in report.findings if f.code == code]
    assert {f.row for f in fired} == expected_rows, [f.message for f in report.findings]
    for f in fired:
        assert f.severity is RULES[code].severity
        assert f.sheet == ("基本信息" if code in INFO_SHEET_CODES
                           else kwargs.get("self_check") or kwargs.get("hidden_copy") or "台账")
        assert f.message and not f.message.isascii()
        if f.cell:
            assert f.cell.endswith(str(f.row))


def test_a_repeated_issue_number_is_called_repeated_not_a_gap() -> None:
    rows, _, kwargs = CASES["issue-number-gap"]
    messages = {f.row: f.message for f in check_rows(rows, **kwargs).findings if f.code == "issue-number-gap"}
    assert "不连续" in messages[3] and "重复" not in messages[3]
    assert "重复" in messages[4] and "不连续" not in messages[4]


def test_variant_names_both_spellings_and_where_the_other_is() -> None:
    rows, _, kwargs = CASES["owner-unit-variant"]
    messages = {f.row: f.message for f in check_rows(rows, **kwargs).findings if f.code == "owner-unit-variant"}
    assert "“耕保股”与“耕地保护股”" in messages[8] and "第6、7行" in messages[8]
    assert "“党政综合办”与“党政综合办公室”" in messages[11]


def test_rule_messages_use_full_width_punctuation() -> None:
    """Every message a rule writes reads as Chinese: no ASCII , : ; ( ) between Chinese characters."""
    import re

    for code, (rows, _, kwargs) in CASES.items():
        for f in check_rows(rows, **kwargs).findings:
            if f.code == code:
                template_text = f.message.replace(str(f.value), "") if f.value is not None else f.message
                assert not re.search(r"[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]", template_text), f.message


def test_finding_points_at_the_cell_and_keeps_the_value(tmp_path: Path) -> None:
    """End to end through a real .xlsx: the finding names the cell, the field and the value as read."""
    path = write_simple_ledger(tmp_path / "台账.xlsx", [ok(), ok(**{F.DEADLINE: "等上级通知"})], info=INFO)
    report = check(path, Options(as_of=AS_OF))
    (bad,) = [f for f in report.findings if f.code == "bad-deadline"]
    column = F.TEMPLATE_COLUMNS.index(F.DEADLINE)
    assert bad.cell == f"{chr(65 + column)}3"
    assert bad.field == F.DEADLINE
    assert bad.value == "等上级通知"
    assert "等上级通知" in bad.message


def test_every_rule_fires_the_same_through_a_real_file(tmp_path: Path) -> None:
    """The in-memory cases, written as .xlsx and read back, give the same findings (the codes a
    workbook cannot express as plain cells — hidden sheets, uncomputed formulas, drop-down lists, a
    stray far cell (tests/test_workbook_round16.py) — excepted)."""
    (tmp_path / "照片1.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "附件").mkdir()
    (tmp_path / "附件" / "制度.docx").write_bytes(b"PK")
    for code, (rows, expected_rows, kwargs) in CASES.items():
        if {"hidden", "uncomputed", "from_today", "column_map", "hidden_copy", "lists", "strays", "fills",
                "conditional_unread"} & set(kwargs):
            continue  # (a column mapping through a file: tests/test_county_ledgers.py)
        extra = dict(kwargs)
        info = {**INFO, **extra.pop("info", {})}
        path = write_simple_ledger(tmp_path / f"{code}.xlsx", rows, info=info, **extra)
        fired = {f.row for f in check(path, Options(as_of=AS_OF)).findings if f.code == code}
        assert fired == expected_rows, code


def test_required_owner_levels_raise_severity(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [ok(**{F.LEAD: None})], info=INFO)
    default = check(path, Options(as_of=AS_OF))
    strict = check(path, Options(as_of=AS_OF, required_owners=frozenset({F.OWNER_UNIT, F.LEAD})))
    (d,) = [f for f in default.findings if f.code == "missing-lead"]
    (s,) = [f for f in strict.findings if f.code == "missing-lead"]
    assert d.severity is Severity.WARNING and s.severity is Severity.ERROR
    assert not default.has_errors and strict.has_errors


def test_due_soon_window_is_configurable(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [ok(**{F.DEADLINE: "2023年10月15日"})], info=INFO)
    assert not [f for f in check(path, Options(as_of=AS_OF)).findings if f.code == "due-soon"]
    wide = check(path, Options(as_of=AS_OF, due_soon_days=30))
    assert [f.row for f in wide.findings if f.code == "due-soon"] == [2]


def test_select_and_ignore(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx",
                               [ok(**{F.OWNER_UNIT: None, F.DEADLINE: None})], info=INFO)
    only = check(path, Options(as_of=AS_OF, select=frozenset({"missing-deadline"})))
    assert {f.code for f in only.findings} == {"missing-deadline"}
    skipped = check(path, Options(as_of=AS_OF, ignore=frozenset({"missing-deadline"})))
    assert "missing-deadline" not in {f.code for f in skipped.findings}
    assert "missing-owner-unit" in {f.code for f in skipped.findings}


def test_as_of_comes_from_option_then_report_date_then_today(tmp_path: Path) -> None:
    rows = [ok(**{F.DEADLINE: "2023年9月1日"})]
    path = write_simple_ledger(tmp_path / "a.xlsx", rows, info={**INFO, "报告日期": date(2023, 8, 1)})
    by_info = check(path)
    assert (by_info.as_of, by_info.as_of_source) == (date(2023, 8, 1), "报告日期")
    assert "overdue" not in {f.code for f in by_info.findings}
    by_option = check(path, Options(as_of=AS_OF))
    assert by_option.as_of_source == "参数" and "overdue" in {f.code for f in by_option.findings}
    plain = write_simple_ledger(tmp_path / "b.xlsx", rows)
    today = check(plain, today=date(2024, 1, 2))
    assert (today.as_of, today.as_of_source) == (date(2024, 1, 2), "今天")


def test_an_unreadable_deadline_is_said_once_and_a_feedback_time_key_is_read(tmp_path: Path) -> None:
    """The message does not say 无法识别 twice; 基本信息 "巡察反馈时间" is the 反馈日期 that dates "9月底前"."""
    rows = [ok(**{F.DEADLINE: "等上级通知再定"}), ok(**{F.DEADLINE: "9月底前"})]
    info = {k: v for k, v in INFO.items() if "反馈" not in k} | {"巡察反馈时间": "2023年6月27日"}
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows, info=info)
    report = check(path, Options(as_of=AS_OF))
    (bad,) = [f for f in report.findings if f.code == "bad-deadline"]
    assert bad.row == 2 and bad.message.count("无法识别") == 1
