"""The phrase tables in tests/data: every status cell and every deadline cell, read as a clerk
means it (DESIGN.md §2; issue 10, item 3).

Format of both tables: UTF-8, tab-separated, a header row, ``#`` lines are comments. A cell is
taken exactly as written — never stripped, since some rows are whitespace on purpose — except
that the two characters ``\\n`` stand for a line break. ``-`` means "none" (no stage, no rest,
no due date); ``?`` in the status column means "not a status" (``bad-status``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.status import Stage, Status, read_status

DATA = Path(__file__).parent / "data"
IMMEDIATE_KINDS = (DeadlineKind.IMMEDIATE, DeadlineKind.IMMEDIATE_AND_LONG_TERM)


def _unescape(cell: str) -> str:
    return cell.replace("\\n", "\n")


def load_table(name: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a table in tests/data; cells are not stripped."""
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    lines = [line.rstrip("\r") for line in lines if line.rstrip("\r") and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: row {number} has {len(cells)} cells: {line!r}"
        rows.append([_unescape(c) for c in cells])
    return header, rows


_, STATUS_ROWS = load_table("status_cases.tsv")
_, DEADLINE_ROWS = load_table("deadline_cases.tsv")


def _id(cell: str) -> str:
    return repr(cell) if not cell.strip() or cell != cell.strip() or "\n" in cell else cell


@pytest.mark.parametrize(
    ("cell", "status", "stage", "continuing", "rest"),
    STATUS_ROWS,
    ids=[_id(r[0]) for r in STATUS_ROWS],
)
def test_status_case(cell: str, status: str, stage: str, continuing: str, rest: str) -> None:
    got = read_status(cell)
    want_status = None if status == "?" else Status(status)
    want_stage = None if stage == "-" else Stage(stage)
    assert got.status is want_status, got
    assert got.stage is want_stage, got
    assert got.continuing is (continuing == "1"), got
    assert got.rest == ("" if rest == "-" else rest), got
    if want_status is None:
        assert (got.stage, got.continuing, got.rest) == (None, False, "")


@pytest.mark.parametrize(
    ("cell", "feedback", "kind", "due", "extended"),
    DEADLINE_ROWS,
    ids=[_id(r[0]) for r in DEADLINE_ROWS],
)
def test_deadline_case(cell: str, feedback: str, kind: str, due: str, extended: str) -> None:
    fb = date.fromisoformat(feedback)
    got = parse_deadline(cell, feedback_date=fb)
    want_kind = DeadlineKind(kind)
    assert got.kind is want_kind, got
    if due != "-":
        assert got.due == date.fromisoformat(due), got
    elif want_kind in IMMEDIATE_KINDS:
        assert got.due == fb, got  # due at once: on the feedback date
    else:
        assert got.due is None, got
    assert got.extended is (extended == "1"), got
    assert (got.reason is not None) is (want_kind is DeadlineKind.INVALID), got


def test_table_sizes() -> None:
    n_status, n_deadline = len(STATUS_ROWS), len(DEADLINE_ROWS)
    print(f"status cases: {n_status}")
    print(f"deadline cases: {n_deadline}")
    assert n_status >= 150
    assert n_deadline >= 80
    # every status, every stage and every deadline kind is exercised
    assert {r[1] for r in STATUS_ROWS} >= {*(s.value for s in Status), "?"}
    assert {r[2] for r in STATUS_ROWS} >= {s.value for s in Stage}
    assert {r[2] for r in DEADLINE_ROWS} == {k.value for k in DeadlineKind}
    # no cell twice with different meanings
    assert len({r[0] for r in STATUS_ROWS}) == n_status
    assert len({(r[0], r[1]) for r in DEADLINE_ROWS}) == n_deadline
