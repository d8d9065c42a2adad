"""A county ledger of over a thousand issues (a city's consolidated ledger) reads as numbered:
"问题1000：…" is issue 1000, not issue 100 with a title opening "0：…", in both layouts the
benchmark's growth line times (benchmarks.generate.write_layout_ledger)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import LAYOUTS, write_layout_ledger
from rectxl.api import check
from rectxl.io.reader import read_ledger


@pytest.mark.parametrize("layout", LAYOUTS)
def test_issues_past_a_thousand_keep_their_numbers(tmp_path: Path, layout: str) -> None:
    path = write_layout_ledger(tmp_path / "台账.xlsx", 1002, layout)
    report = check(path)
    assert (report.issues, report.measures) == (1002, 3006)
    assert "issue-number-gap" not in {f.code for f in report.findings}, [f.message for f in report.findings[:3]]
    issues = [issue for aspect in read_ledger(path).aspects for issue in aspect.issues()]
    assert [i.number for i in issues[998:]] == [999, 1000, 1001, 1002]
    assert all(not i.title.startswith(("0", "1", "2", "：")) for i in issues[998:]), [i.title for i in issues[998:]]


def test_four_digit_issue_labels() -> None:
    from rectxl.core.grid import _issue_label

    assert _issue_label("问题1000：干部作风建设存在薄弱环节") == (1000, "干部作风建设存在薄弱环节")
    assert _issue_label("1000.干部作风建设存在薄弱环节") == (1000, "干部作风建设存在薄弱环节")
    assert _issue_label("问题12：制度执行不严格") == (12, "制度执行不严格")
    assert _issue_label("问题2024年度预算执行不严格")[0] != 2024
