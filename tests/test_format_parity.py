"""The same ledger saved as .xlsx, .xls and .ods (by LibreOffice, as offices do) gives the same
findings: merged owners and deadlines stay shared, error values stay errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectxl import api
from rectxl.core.rules import Options
from tests.county_ledgers import BUILDERS
from tests.ledgers import MESSY_AS_OF, write_messy_ledger
from tests.workbook_compare import soffice, soffice_convert

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def _findings(path: Path, options: Options) -> set[tuple[str, str | None, str | None, int | None]]:
    return {(f.code, f.sheet, f.cell, f.row) for f in api.check(path, options).findings}


@pytest.mark.parametrize("fmt", ["ods"])
def test_messy_ledger_reads_alike_in_every_format(tmp_path: Path, fmt: str) -> None:
    """(Not .xls: python-calamine reads a text formula result of a BIFF8 file as 0.0 — the messy
    ledger's status cell is such a formula; the county ledgers below are checked as .xls too.)"""
    xlsx = write_messy_ledger(tmp_path / "台账.xlsx")
    (tmp_path / "学习制度.pdf").write_bytes(b"%PDF")
    converted = soffice_convert(xlsx, fmt, tmp_path / fmt)
    (converted.parent / "学习制度.pdf").write_bytes(b"%PDF")
    options = Options(as_of=MESSY_AS_OF)
    expected = _findings(xlsx, options)
    assert any(code == "missing-owner-unit" for code, *_ in expected)
    assert _findings(converted, options) == expected


@pytest.mark.parametrize("fmt", ["ods", "xls"])
@pytest.mark.parametrize("name", ["two_row_header", "county_bureau_status_narrative", "two_sheets"])
def test_county_ledgers_read_alike_as_ods_and_xls(tmp_path: Path, name: str, fmt: str) -> None:
    case = BUILDERS[name](tmp_path)
    converted = soffice_convert(case.path, fmt, tmp_path / fmt)
    options = Options(as_of=case.as_of)
    assert _findings(converted, options) == _findings(case.path, options)
