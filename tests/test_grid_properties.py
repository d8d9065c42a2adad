"""Random grids with random merges and blanks never crash the reader and never invent measures
(but for an issue due at once, 立行立改, with a status and no measure written: that word is its
measure, as a clerk means it — tests/test_ledger_round11.py; and for an issue whose measure cell
is merged down from the issue above: that measure is its too — tests/test_totals_round13.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.errors import LedgerError
from rectxl.core.grid import Grid, ledger_from_grids
from rectxl.core.text import normalize_text

HEADER = [F.ASPECT, F.ISSUE, F.MEASURE, F.OWNER_UNIT, F.DEADLINE, F.STATUS]
cell = st.one_of(
    st.none(), st.just(""), st.just("　"), st.text(max_size=12), st.integers(-5, 40),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.booleans(),
    st.sampled_from(["第一方面问题,甲", "(一)乙问题", "1.针对丙问题", "已完成", "立行立改", "#REF!", "2023年9月底"]),
)


@st.composite
def grids(draw: st.DrawFn) -> tuple[Grid, set[int]]:
    n_rows = draw(st.integers(0, 25))
    width = len(HEADER)
    rows: list[list[Any]] = [list(HEADER)] if draw(st.booleans()) else []
    rows += [[draw(cell) for _ in range(draw(st.integers(0, width + 2)))] for _ in range(n_rows)]
    merges = []
    for _ in range(draw(st.integers(0, 6))):
        r0 = draw(st.integers(0, max(len(rows) - 1, 0)))
        c0 = draw(st.integers(0, width - 1))
        merges.append((r0, c0, r0 + draw(st.integers(0, 4)), c0 + draw(st.integers(0, 2))))
    # the columns under the 整改措施 header: its own, and those a merge across the header row joins
    # to it (a clerk's header merged over two columns reads the cells under both)
    span = {2}
    for r0, c0, r1, c1 in merges:
        if r0 <= 0 <= r1 and c0 <= 2 <= c1:
            span |= set(range(c0, c1 + 1))
    # rows with text of their own under it: the most measures there can be
    measure_rows = {r for r, row in enumerate(rows) if any(c < len(row) and normalize_text(row[c]) for c in span)}
    # and rows a measure cell with text is merged down over (the measure of each issue it spans)
    for r0, c0, r1, c1 in merges:
        if c0 <= 2 <= c1 and r0 < len(rows) and c0 < len(rows[r0]) and normalize_text(rows[r0][c0]):
            measure_rows |= set(range(r0 + 1, min(r1, len(rows) - 1) + 1))
    return Grid("台账", rows, merges), measure_rows


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_random_grids_never_crash_and_never_invent_measures(case: tuple[Grid, set[int]]) -> None:
    grid, measure_rows = case
    try:
        ledger = ledger_from_grids([grid])
    except LedgerError:
        return
    measures = [*ledger.measures(), *ledger.orphans]
    rows = [m.row - 1 for m in measures]
    assert len(rows) == len(set(rows))
    # a row without a measure of its own gives one only as an issue put right at once
    assert {m.row - 1 for m in measures if m.text != "立行立改"} <= measure_rows
    assert all(m.deadline.kind is DeadlineKind.IMMEDIATE and m.status is not None
               for m in measures if m.row - 1 not in measure_rows)
