"""A version number written onto a ledger's file name ("东山镇整改台账v1.2.xlsx", "…V2.xlsx",
"…（v1.10）.xlsx") is no part of the unit's name, and the versions order as numbers: only the newest
is counted (the unit had been read as "东山镇v1", each version a unit of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectxl.batch import run_batch
from rectxl.core.batch_report import read_name
from tests.test_auditor_round6 import OPTS, ledger, rows


@pytest.mark.parametrize(("file", "revision"), [
    ("东山镇整改台账v1.2.xlsx", 102), ("东山镇整改台账（v1.10）.xlsx", 110), ("东山镇整改台账V2.xlsx", 200),
    ("东山镇整改台账_v1.3.xlsx", 103),
])
def test_a_version_number_is_no_part_of_the_unit(file: str, revision: int) -> None:
    named = read_name(file)
    assert (named.unit, named.revision) == ("东山镇", revision)


def test_only_the_newest_numbered_version_is_counted(tmp_path: Path) -> None:
    folder = tmp_path / "巡察整改台账"
    ledger(folder / "东山镇整改台账v1.2.xlsx", "东山镇", rows(1, 3))
    ledger(folder / "东山镇整改台账v1.10.xlsx", "东山镇", rows(4, 0))
    ledger(folder / "白沙镇整改台账.xlsx", "白沙镇", rows(1, 1))
    result = run_batch(folder, options=OPTS, workers=1)
    assert {r.unit: r.file for r in result.ledgers} == {"东山镇": "东山镇整改台账v1.10.xlsx",
                                                        "白沙镇": "白沙镇整改台账.xlsx"}
    assert [s.file for s in result.set_aside] == ["东山镇整改台账v1.2.xlsx"]
