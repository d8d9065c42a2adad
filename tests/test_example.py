"""The bundled example ledger: the project's own fictional ledger (青石县农业农村局党组), generated
reproducibly by scripts/make_example.py from nothing outside the repository, in the seeds' shape
but not their words — and ``rectxl check`` on it reports its deliberate defects and nothing else.

The expected figures below were counted from the workbook with openpyxl, not taken from rectxl.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
from openpyxl import load_workbook

from rectxl.io.reader import read_ledger
from tests.seeds import seed_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "workbooks" / "示例台账.xlsx"
SCRIPT = ROOT / "scripts" / "make_example.py"

ASPECTS, CATEGORIES, ISSUES, MEASURES = 3, 10, 30, 121
#: the deliberate defects documented at the top of scripts/make_example.py: (code, sheet row)
DELIBERATE = {
    ("due-soon", 31), ("overdue", 42), ("overdue", 48), ("missing-owner-unit", 57),
    ("status-text-mismatch", 67), ("completed-late", 73), ("missing-evidence", 78),
    ("bad-deadline", 81), ("overdue", 85), ("due-soon", 101), ("missing-owner-person", 110),
    ("missing-completion-date", 113),
}
#: status cells that carry narrative ("已完成。抽查8个乡镇…"): valid per DESIGN.md §2, not defects
NARRATIVE_ROWS = {15, 26, 37, 46, 63, 70, 94, 100, 114}


def _generate(out: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "-o", str(out)], check=True, capture_output=True,
                   cwd=out.parent)


def _members(path: Path) -> list[tuple[str, tuple[int, ...], bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(i.filename, i.date_time, z.read(i.filename)) for i in z.infolist()]


def test_committed_example_is_what_the_script_generates(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "示例台账.xlsx", tmp_path / "b" / "示例台账.xlsx"
    for out in (first, second):
        out.parent.mkdir()
        _generate(out)
    assert first.read_bytes() == second.read_bytes()  # byte for byte, run after run
    # the committed file has the same parts with the same content and fixed timestamps (compared
    # unpacked, so a different zlib build elsewhere cannot fail it)
    assert _members(first) == _members(EXAMPLE)


def test_the_script_reads_nothing_outside_the_repository() -> None:
    source = SCRIPT.read_text("utf-8")
    assert "shared" not in source and "seeds/" not in source and "parents[2]" not in source
    assert "parse_notice" not in source


def test_example_has_the_seed_shape_in_its_own_words() -> None:
    ledger = read_ledger(EXAMPLE)
    assert len(ledger.aspects) == ASPECTS
    assert sum(1 for a in ledger.aspects for c in a.categories if c.title) == CATEGORIES
    issues = list(ledger.issues())
    assert [i.number for i in issues] == list(range(1, ISSUES + 1))
    assert issues[0].title == "针对党组理论学习中心组学习计划性不强、学用结合不紧问题"
    assert sum(1 for _ in ledger.measures()) == MEASURES
    info = ledger.info
    assert info.unit_name == "青石县农业农村局党组" and info.inspection_group == "县委第二巡察组"
    assert (info.inspection_start, info.inspection_end, info.feedback_date, info.report_date) == (
        date(2026, 3, 9), date(2026, 5, 15), date(2026, 6, 12), date(2026, 11, 20))
    assert all([info.phone, info.address, info.postcode, info.email, info.section_one, info.section_three])
    assert "虚构" in info.extra["示例说明"]


def test_example_copies_no_published_text() -> None:
    """No run of 20 characters (punctuation aside) is shared with a published seed notice: the
    example may use the same institutional terms (“全面从严治党主体责任”), never the same sentences."""
    def norm(text: str) -> str:
        return re.sub(r"[\s，。、；：,.;:（）()“”\"《》]", "", text)

    published = norm(seed_text("000") + seed_text("004"))
    wb = load_workbook(EXAMPLE)
    texts = {norm(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row
             if isinstance(v, str)}
    copied = {t[i:i + 20] for t in texts for i in range(len(t) - 19) if t[i:i + 20] in published}
    assert not copied


def test_check_on_the_example_reports_its_deliberate_defects() -> None:
    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(EXAMPLE), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr  # it has deliberate errors (overdue, an unreadable deadline)
    data = json.loads(proc.stdout)
    schema = json.loads(resources.files("rectxl").joinpath("data/findings.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    summary = data["summary"]
    assert summary["as_of"] == "2026-11-20"
    assert (summary["aspects"], summary["issues"], summary["measures"]) == (ASPECTS, ISSUES, MEASURES)
    found = {(f["code"], f["row"]) for f in data["findings"]}
    assert found >= DELIBERATE
    # every other row is clean: findings fall only on the deliberate rows, and on the narrative
    # status cells at most a bad-status (until the reader takes the leading word as the status)
    defect_rows = {row for _, row in DELIBERATE}
    stray = {(code, row) for code, row in found if row and row > 2 and row not in defect_rows}
    assert {row for _, row in stray} <= NARRATIVE_ROWS, stray
    assert {code for code, _ in stray} <= {"bad-status"}, stray
    # defects are a minority, as in a real ledger kept with care
    assert 0 < summary["total"] < summary["measures"] / 4
