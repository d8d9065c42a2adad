"""Every finding code fires on a ledger built for it, at the row a clerk would look at —
and stays quiet on the near-miss that must not be flagged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rectxl.api import check
from rectxl.core import fields as F
from rectxl.core.findings import Severity
from rectxl.core.rules import RULES, Options
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
    "empty-ledger": ([], {1}, {}),
    "duplicate-header": ([ok()], {1}, {"columns": [*F.TEMPLATE_COLUMNS, "措施"]}),
    "measure-without-issue": ([ok(**{F.ISSUE: None, F.ISSUE_NO: None}), ok()], {2}, {}),
    "issue-without-measure": ([ok(), ok(**{F.ISSUE_NO: 2, F.ISSUE: "针对二问题", F.MEASURE: None})], {3}, {}),
    "duplicate-measure": ([ok(), ok(**{F.MEASURE: " 建立学习制度。"})], {3}, {}),
    "issue-number-gap": ([ok(), ok(**{F.ISSUE_NO: 3, F.ISSUE: "针对三问题"}),
                          ok(**{F.ISSUE_NO: 3, F.ISSUE: "针对又一个问题"})], {3, 4}, {}),
    "cell-error": ([ok(**{F.OWNER_PERSON: "#REF!"})], {2}, {}),
    "missing-owner-unit": ([ok(**{F.OWNER_UNIT: None}), ok()], {2}, {}),
    "missing-lead": ([ok(**{F.LEAD: "  "}), ok()], {2}, {}),
    "missing-owner-person": ([ok(), ok(**{F.OWNER_PERSON: None})], {3}, {}),
    "unknown-owner-unit": ([ok(**{F.OWNER_UNIT: "办公室、宣传科"}), ok()], {2}, {"directory": ["办公室"]}),
    "owner-unit-variant": ([ok(), ok(), ok(**{F.OWNER_UNIT: "办公室 "}), ok(**{F.OWNER_UNIT: "办　公室"})],
                           {5}, {}),
    "missing-deadline": ([ok(**{F.DEADLINE: None}), ok()], {2}, {}),
    "bad-deadline": ([ok(**{F.DEADLINE: "尽快"}), ok(**{F.DEADLINE: "2023年2月30日"}), ok()], {2, 3}, {}),
    "overdue": ([ok(**{F.DEADLINE: "2023年8月底前"}), ok(**{F.DEADLINE: "立行立改"}),
                 ok(**{F.DEADLINE: "2023年8月底前", **DONE}),
                 ok(**{F.DEADLINE: "2023年6月底前完成并长期坚持", F.STATUS: "长期坚持"}), ok()], {2, 3}, {}),
    "due-today": ([ok(**{F.DEADLINE: "2023年9月20日"}), ok(**{F.DEADLINE: "2023年9月20日", **DONE})], {2}, {}),
    "due-soon": ([ok(**{F.DEADLINE: "2023年9月30日"}), ok(**{F.DEADLINE: "2023年10月5日"}),
                  ok(**{F.DEADLINE: "2023年10月6日"}), ok(**{F.DEADLINE: "2023年9月30日", **DONE})], {2, 3}, {}),
    "completed-late": ([ok(**{F.DEADLINE: "2023年7月底", **DONE}), ok(**DONE)], {2}, {}),
    "completion-in-future": ([ok(**{**DONE, F.COMPLETED: date(2023, 9, 21)}), ok(**DONE)], {2}, {}),
    "missing-completion-date": ([ok(**{**DONE, F.COMPLETED: None}), ok(**DONE)], {2}, {}),
    "bad-completion-date": ([ok(**{**DONE, F.COMPLETED: "上个月"}), ok(**DONE)], {2}, {}),
    "deadline-before-feedback": ([ok(**{F.DEADLINE: "2023年5月31日", **DONE,
                                        F.COMPLETED: date(2023, 5, 1)}), ok()], {2}, {}),
    "bad-status": ([ok(**{F.STATUS: "差不多"}), ok(**{F.STATUS: " 已销号 "})], {2}, {}),
    "missing-status": ([ok(**{F.STATUS: None}), ok()], {2}, {}),
    "status-text-mismatch": ([ok(**{**DONE, F.PROGRESS: "已起草,拟于10月印发"}),
                              ok(**{F.STATUS: "未启动", F.PROGRESS: "已完成初稿"}),
                              ok(**{**DONE, F.PROGRESS: "已将制度纳入年度考核"}),
                              ok(**{F.STATUS: "未启动", F.PROGRESS: "计划10月启动"})], {2, 3}, {}),
    "missing-evidence": ([ok(**{**DONE, F.EVIDENCE: None}), ok(**DONE)], {2}, {}),
    "evidence-file-missing": ([ok(**{**DONE, F.EVIDENCE: "会议纪要.pdf、照片1.jpg"}),
                               ok(**{**DONE, F.EVIDENCE: "附件/制度.docx"})], {2}, {}),
}


def test_every_registered_code_has_a_case() -> None:
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_exactly_where_expected(code: str, tmp_path: Path) -> None:
    rows, expected_rows, kwargs = CASES[code]
    path = write_simple_ledger(tmp_path / "台账.xlsx", rows, info=INFO, **kwargs)
    (tmp_path / "照片1.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "附件").mkdir()
    (tmp_path / "附件" / "制度.docx").write_bytes(b"PK")
    report = check(path, Options(as_of=AS_OF))
    fired = [f for f in report.findings if f.code == code]
    assert {f.row for f in fired} == expected_rows, [f.message for f in report.findings]
    for f in fired:
        assert f.severity is RULES[code].severity
        assert f.sheet == "台账"
        assert f.message and not f.message.isascii()
        if f.cell:
            assert f.cell.endswith(str(f.row))


def test_finding_points_at_the_cell_and_keeps_the_value(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [ok(), ok(**{F.DEADLINE: "下个月吧"})], info=INFO)
    report = check(path, Options(as_of=AS_OF))
    (bad,) = [f for f in report.findings if f.code == "bad-deadline"]
    column = F.TEMPLATE_COLUMNS.index(F.DEADLINE)
    assert bad.cell == f"{chr(65 + column)}3"
    assert bad.field == F.DEADLINE
    assert bad.value == "下个月吧"
    assert "下个月吧" in bad.message


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
