"""The bundled example ledger: generated from seed 000 by scripts/make_example.py, and
``rectxl check`` on it gives a sensible, non-empty report."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema

from rectxl.io.reader import read_ledger

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "workbooks" / "示例台账.xlsx"


def test_committed_example_is_what_the_script_generates(tmp_path: Path) -> None:
    out = tmp_path / "示例台账.xlsx"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_example.py"), "-o", str(out)],
                   check=True, capture_output=True)
    fresh, committed = read_ledger(out), read_ledger(EXAMPLE)
    assert fresh.to_dataframe().equals(committed.to_dataframe())
    assert fresh.info == committed.info


def test_example_has_the_seed_structure() -> None:
    ledger = read_ledger(EXAMPLE)
    assert len(ledger.aspects) == 3
    assert sum(1 for a in ledger.aspects for c in a.categories if c.title) == 12
    issues = list(ledger.issues())
    assert [i.number for i in issues] == list(range(1, 34))
    assert issues[0].title == "针对理论学习自觉性不强问题"
    assert "示意数据" in ledger.info.extra["示例说明"]


def test_check_on_the_example_is_sensible() -> None:
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(EXAMPLE), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1  # it has deliberate errors (overdue, an unreadable deadline)
    data = json.loads(proc.stdout)
    schema = json.loads(resources.files("rectxl").joinpath("data/findings.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    summary = data["summary"]
    assert summary["as_of"] == "2023-09-20" and summary["measures"] == 124 and summary["issues"] == 33
    expected = {"overdue", "due-soon", "missing-evidence", "missing-owner-person", "bad-deadline"}
    assert expected <= set(summary["by_code"])
    # defects are a minority, as in a real ledger kept with care
    assert 0 < summary["total"] < summary["measures"] / 2
