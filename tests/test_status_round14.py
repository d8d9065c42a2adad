"""Status and deadline words of ledgers written the way other offices write them (round 14):
consolidating and dynamic-clearing words (巩固提升中, 已动态清零), a year's or a stage's target met
(已完成年度目标), a share in brackets after 整改中 read as the same share alone, work handed on or
only drafted (已交办, 已立案, 已形成初稿), built and in use (已建成, 已投用); a ledger with no
status column whose 整改情况 holds only accounts beside a 完成时间; and deadlines that name no
year in a ledger stating only its 报告日期, or a flood season. Units, people and texts are
fictional."""

from __future__ import annotations

import pytest

from rectxl.core.status import Status, read_status

D, M, P, L = Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS, Status.LONG_TERM


# -- status words ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "status", "continuing"), [
    # keeping up what was put right: long-term work, as 持续巩固 is
    ("巩固提升", L, False), ("巩固提升中", L, False), ("巩固整改成果", L, False),
    # the list cleared and kept clear: done, and going on
    ("动态清零", D, True), ("已动态清零", D, True),
    ("动态管理", L, False), ("滚动推进", L, False),
    # a year's or a stage's part of the task: staged, as 已完成阶段性目标 is
    ("已完成年度目标", M, False), ("年度目标已完成", M, False), ("已完成2026年度任务", M, False),
    ("阶段完成", M, False), ("完成阶段性整改", M, False), ("已完成大部分", M, False),
    # begun, not done
    ("已交办", P, False), ("已立案", P, False), ("已纳入年度计划", P, False), ("已列入2027年预算", P, False),
    ("已形成初稿", P, False), ("已完成初稿", P, False),
    # built, in use, handed to the body that deals with it
    ("已建成", D, False), ("已投入使用", D, False), ("已上线", D, False), ("已移交纪委", D, False),
    ("已移送县纪委监委处理", D, False),
])
def test_status_words_other_offices_use(cell: str, status: Status, continuing: bool) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.continuing, reading.rest) == (status, continuing, "")


@pytest.mark.parametrize(("bracketed", "alone"), [
    ("整改中（已完成80%）", "已完成80%"), ("正在推进（完成90%）", "完成90%"),
    ("推进中（已完成三分之二）", "已完成三分之二"),
])
def test_a_share_in_brackets_after_in_progress_reads_as_the_share(bracketed: str, alone: str) -> None:
    """"整改中（已完成80%）" and "已完成80%" say the same: how far it got (80% is 基本完成 by the
    same rule as everywhere else)."""
    assert read_status(bracketed).status is read_status(alone).status is not None

