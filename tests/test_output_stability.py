"""Output stability: what ``rectxl check`` (JSON and CSV), ``notice`` (.txt, and the .docx body) and
``summary`` (sheet values) print for every fixture the suite builds stays byte for byte what the
golden files under tests/data/golden/ hold — speed work must not change a single finding.

Only the input's path and its sha256 (openpyxl stamps the time into the files it writes) are
normalised. ``RECTXL_REGOLD=1`` rewrites the golden files from the current code.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from tests import followup_ledgers as fl
from tests.county_ledgers import BUILDERS
from tests.ledgers import MESSY_AS_OF, write_messy_ledger

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
REGOLD = bool(os.environ.get("RECTXL_REGOLD"))


def _county(name: str) -> Callable[[Path], tuple[Path, date | None]]:
    def build(folder: Path) -> tuple[Path, date | None]:
        case = BUILDERS[name](folder)
        return case.path, case.as_of
    return build


def _followup(write: Callable[[Path], Any]) -> Callable[[Path], tuple[Path, date | None]]:
    def build(folder: Path) -> tuple[Path, date | None]:
        path = folder / "台账.xlsx"
        write(path)
        return path, fl.AS_OF
    return build


def _messy(folder: Path) -> tuple[Path, date | None]:
    return write_messy_ledger(folder / "台账.xlsx"), MESSY_AS_OF


def _example(folder: Path) -> tuple[Path, date | None]:
    return ROOT / "workbooks" / "示例台账.xlsx", None


def _generated(folder: Path) -> tuple[Path, date | None]:
    from benchmarks.generate import write_ledger

    return write_ledger(folder / "台账_600.xlsx", 600, seed=3), date(2026, 11, 20)


FIXTURES: dict[str, Callable[[Path], tuple[Path, date | None]]] = {
    "messy": _messy,
    "example": _example,
    **{f"county_{name}": _county(name) for name in BUILDERS},
    "followup_closure": _followup(fl.write_closure_ledger),
    "followup_extension": _followup(fl.write_extension_ledger),
    "followup_warning": _followup(fl.write_warning_ledger),
    "followup_remind": _followup(fl.write_remind_ledger),
    "generated_600": _generated,
}


def _cli(*args: str) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    return proc.returncode, proc.stdout.decode("utf-8")


def _normalised_json(text: str) -> str:
    data = json.loads(text)
    data["summary"]["file"] = "<file>"
    data["summary"]["sha256"] = "<sha256>"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


def _sheet_values(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    out = {ws.title: [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
           for ws in book.worksheets}
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def _docx_body(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return hashlib.sha256(z.read("word/document.xml")).hexdigest() + "\n"


def _compare(name: str, what: str, actual: str) -> None:
    if len(actual) > 64_000:  # keep the golden files small: a large output is kept as its digest
        actual = "sha256 " + hashlib.sha256(actual.encode("utf-8")).hexdigest() + "\n"
    golden = GOLDEN / name / what
    if REGOLD or not golden.exists():
        if not REGOLD and os.environ.get("CI"):
            pytest.fail(f"missing golden file {golden}")
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="")
        return
    with golden.open(encoding="utf-8", newline="") as f:
        expected = f.read()
    assert actual == expected, f"{name}/{what} differs from its golden file"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, date | None]]:
    root = tmp_path_factory.mktemp("stability")
    out = {}
    for name, build in FIXTURES.items():
        (root / name).mkdir()
        out[name] = build(root / name)
    return out


@pytest.mark.parametrize("name", list(FIXTURES))
def test_check_json_and_csv(built: dict[str, tuple[Path, date | None]], name: str) -> None:
    path, as_of = built[name]
    extra = ["--as-of", as_of.isoformat()] if as_of else []
    code, text = _cli("check", str(path), "--format", "json", *extra)
    _compare(name, "check.json", f"exit {code}\n" + _normalised_json(text))
    code, text = _cli("check", str(path), "--format", "csv", *extra)
    # every row names the ledger file (its last column): the temporary path shown as <file>
    _compare(name, "check.csv.txt", f"exit {code}\n" + text.replace(str(path), "<file>"))


@pytest.mark.parametrize("name", list(FIXTURES))
def test_notice_and_summary(built: dict[str, tuple[Path, date | None]], name: str,
                            tmp_path: Path) -> None:
    path, as_of = built[name]
    extra = ["--as-of", as_of.isoformat()] if as_of else []
    _cli("notice", str(path), "-o", str(tmp_path / "x.txt"), *extra)
    _compare(name, "notice.txt", (tmp_path / "x.txt").read_text(encoding="utf-8"))
    _cli("notice", str(path), "-o", str(tmp_path / "x.docx"), *extra)
    _compare(name, "notice.docx.sha256", _docx_body(tmp_path / "x.docx"))
    _cli("summary", str(path), "-o", str(tmp_path / "s.xlsx"), *extra)
    _compare(name, "summary.json", _sheet_values(tmp_path / "s.xlsx"))


@pytest.mark.parametrize("name", ["messy", "example", "generated_600"])
def test_diff_json(built: dict[str, tuple[Path, date | None]], name: str) -> None:
    path, as_of = built[name]
    extra = ["--as-of-old", as_of.isoformat(), "--as-of-new", as_of.isoformat()] if as_of else []
    code, text = _cli("diff", str(path), str(path), "--format", "json", *extra)
    data = json.loads(text)
    _compare(name, "diff.json", f"exit {code}\n" + json.dumps(data, ensure_ascii=False, indent=1,
                                                               sort_keys=True) + "\n")
