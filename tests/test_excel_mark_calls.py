"""标记问题 and 清除标记 in desktop Excel (the COM stand-in, xlwings' real Windows engine): the calls
they make stay nearly flat however many cells are marked — the fills are read and given in
multi-area ranges — and every cell still gets exactly its own fill back, whether the marked
cells had no fill, fills of their own in several colours, or were recoloured by the clerk."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from rectxl import api
from rectxl import excel as rx
from rectxl.core.rules import Options
from rectxl.core.sheets import highlight_cells
from rectxl.io.ledger_xlsx import write_ledger
from rectxl.io.reader import read_ledger
from tests.com_standin import Excel, solid_fills, workbook_of

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "workbooks" / "示例台账.xlsx"


def _fills(book: object, sheet: str) -> dict[str, str | None]:
    return solid_fills(workbook_of(book).wb[sheet])


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example ten times over: ten times the marked cells, scattered down the sheet."""
    ledger = read_ledger(EXAMPLE)
    grown = copy.deepcopy(ledger)
    for _ in range(9):
        grown.aspects.extend(copy.deepcopy(a) for a in ledger.aspects)
    return write_ledger(tmp_path_factory.mktemp("big") / "台账.xlsx", grown)


def _press(path: Path) -> tuple[int, int, int]:
    """(calls of 标记问题, calls of 清除标记, cells marked) on a fresh copy of ``path`` in Excel."""
    excel = Excel()
    book = excel.open(path)
    excel.calls = 0
    assert rx.flag(book) is not None, excel.alerts
    flag_calls = excel.calls
    excel.calls = 0
    restored = rx.clear(book)
    assert restored is not None, excel.alerts
    return flag_calls, excel.calls, restored


def test_calls_hardly_grow_with_the_cells_marked(big: Path) -> None:
    small_flag, small_clear, small_cells = _press(EXAMPLE)
    big_flag, big_clear, big_cells = _press(big)
    assert big_cells >= 8 * small_cells > 0
    more = big_cells - small_cells
    # a call per run of cells (read its fill, colour it, read it back, restore it) made ~5 calls a
    # marked cell; now a few calls per 255 characters of addresses (dozens of cells)
    assert big_flag - small_flag < more / 4, (small_flag, big_flag, more)
    assert big_clear - small_clear < more / 4, (small_clear, big_clear, more)


def test_fills_of_their_own_in_several_colours_come_back_exactly(big: Path, tmp_path: Path) -> None:
    """The clerk had coloured some of the cells rectxl marks (green, yellow, blue), scattered among
    cells with no fill: a multi-area read of them is Null (mixed), so their fills are read run by
    run — and 清除标记 gives every cell exactly its fill back."""
    report_cells = sorted(highlight_cells(api.check(big, Options()), read_ledger(big).sheet))
    assert len(report_cells) > 60
    path = tmp_path / "台账.xlsx"
    wb = openpyxl.load_workbook(big)
    ws = wb[read_ledger(big).sheet]
    own = {ref: colour for ref, colour in zip(report_cells[::7], ["C6EFCE", "FFEB9C", "00B0F0"] * 40, strict=False)}
    for ref, colour in own.items():
        ws[ref].fill = PatternFill("solid", fgColor=f"FF{colour}")
    ws["A1"].fill = PatternFill("solid", fgColor="FFD9D9D9")  # a title fill nowhere near a mark
    wb.save(path)
    excel = Excel()
    book = excel.open(path)
    sheet = read_ledger(path).sheet
    before = _fills(book, sheet)
    assert rx.flag(book) is not None, excel.alerts
    during = _fills(book, sheet)
    assert all(during[ref] != before[ref] for ref in own)  # the clerk's cells are marked too
    assert rx.clear(book) == len(report_cells)
    assert _fills(book, sheet) == before


def test_a_cell_recoloured_in_a_pack_keeps_the_clerks_colour(big: Path) -> None:
    """After 标记问题 the clerk colours one marked cell in the middle of the sheet: its pack no longer
    shows rectxl's colour all through, so its runs are given back one by one — every other cell
    its own fill, the recoloured one the clerk's."""
    excel = Excel()
    book = excel.open(big)
    sheet = read_ledger(big).sheet
    before = _fills(book, sheet)
    assert rx.flag(book) is not None, excel.alerts
    marked = sorted(ref for ref, colour in _fills(book, sheet).items() if before.get(ref) != colour)
    middle = marked[len(marked) // 2]
    book.sheets[sheet].range(middle).color = "#7030A0"
    rx.clear(book)
    after = _fills(book, sheet)
    assert after[middle] == "7030A0"
    others = [ref for ref in after if ref != middle]
    assert {ref: after[ref] for ref in others} == {ref: before.get(ref) for ref in others}

