"""The benchmark suite runs (``python -m benchmarks.run --quick``) and prints every figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import python_calamine as pc

from benchmarks.generate import write_ledger
from rectxl.api import check

ROOT = Path(__file__).resolve().parents[1]


def test_generated_ledger_is_realistic(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "台账.xlsx", 500, seed=0)
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("台账")
    assert sheet.merged_cell_ranges  # hierarchy merged down, title merged across
    report = check(path)
    assert report.measures == 500 and report.as_of_source == "报告日期"
    assert 0.05 < len({f.row for f in report.findings}) / report.measures < 0.3  # ~10% defects
    assert {"overdue", "bad-deadline", "missing-owner-unit", "cell-error"} <= {f.code for f in report.findings}


def test_quick_benchmark_prints_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--markdown", str(out)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = proc.stdout
    for figure in ("time ratio (goal ≤ 2.0 at 100k)", "memory ratio (goal ≤ 1.5 at 100k)", "growth",
                   "time ratio (goal ≤ 1.5)", "rectxl batch", "workers", "xlwings actions", "machine:",
                   "COM calls of 标记问题 / 清除标记", "growth of check with county layouts"):
        assert figure in text, figure
    assert "no growth per data row" in text
    assert out.read_text("utf-8") == text
