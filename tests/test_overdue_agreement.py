"""An auditor reads the same number of overdue measures in ``rectxl check``, the summary sheets,
the batch statistics and the letters: a status no one can read ("见附件", two boxes ticked) is not
judged overdue anywhere — ``bad-status`` names its passed deadline instead — while an empty
status still counts as unfinished."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import rectxl
from rectxl.core import fields as F
from rectxl.core.counts import Counts
from rectxl.core.letters import plan_reminders
from rectxl.core.summary import summarize
from tests.ledgers import write_simple_ledger

AS_OF = date(2026, 11, 30)


def _row(measure: str, status: str | None, deadline: str, unit: str) -> dict[str, object]:
    return {F.ASPECT: "一、落实全面从严治党主体责任方面", F.ISSUE: "1.党组会议议事规则执行不严",
            F.MEASURE: measure, F.LEAD: "李明", F.OWNER_UNIT: unit, F.OWNER_PERSON: "张红",
            F.DEADLINE: deadline, F.STATUS: status, F.PROGRESS: "按计划推进" if status else None}


def _ledger(tmp_path: Path) -> Path:
    return write_simple_ledger(tmp_path / "台账.xlsx", [
        _row("修订党组工作规则", "正在推进", "2026年6月30日", "办公室"),          # overdue
        _row("建立议题清单制度", "见附件", "2026年6月30日", "组织人事科"),          # unknown: not judged
        _row("开展专题学习", None, "2026年5月31日", "组织人事科"),                 # empty: unfinished
        _row("落实会议纪要审核", "已完成", "2026年3月31日", "办公室"),             # done
    ])


def test_check_summary_and_letters_count_the_same_overdue_measures(tmp_path: Path) -> None:
    path = _ledger(tmp_path)
    report = rectxl.check(path, rectxl.Options(as_of=AS_OF))
    overdue_cells = sorted(f.cell for f in report.findings if f.code == "overdue")
    assert len(overdue_cells) == 2
    bad = [f for f in report.findings if f.code == "bad-status"]
    assert len(bad) == 1 and "2026年6月30日" in bad[0].message  # the passed deadline is named there

    ledger = rectxl.read_ledger(path)
    summary = summarize(ledger, AS_OF)
    assert summary.counts.overdue == 2
    assert len(summary.overdue) == 2
    assert summary.counts.red == 2
    assert Counts.of(ledger.measures(), AS_OF).overdue == 2  # what batch and diff count with

    plan = plan_reminders(ledger, as_of=AS_OF)
    overdue_rows = sorted((r.unit, r.kind) for r in plan.rows)
    assert overdue_rows == [("办公室", "逾期"), ("组织人事科", "逾期")]  # the empty status, not 见附件
    assert all(r.item.row != 3 for r in plan.rows)
