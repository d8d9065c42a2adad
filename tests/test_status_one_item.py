"""A status cell numbered as one item of a list ("1.已完成", "（1）正在推进", "①已完成", "⑴已完成"), as a
clerk writes it beside a measure cell numbered "1.…": the status is read and the number is no
progress — the notice had printed the measure with ", 1." after it, and ① had left it unread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rectxl import read_ledger, render_notice
from rectxl.core.status import Status, read_status


@pytest.mark.parametrize(("cell", "status", "rest"), [
    ("1.已完成", Status.DONE, ""), ("（1）正在推进", Status.IN_PROGRESS, ""), ("①已完成", Status.DONE, ""),
    ("⑴已完成", Status.DONE, ""), ("(一)长期坚持", Status.LONG_TERM, ""), ("2、未启动", Status.NOT_STARTED, ""),
    ("1. 已完成，已印发制度", Status.DONE, "已印发制度"),
    ("1）正在推进", Status.IN_PROGRESS, ""), ("一、已完成", Status.DONE, ""), ("1．已完成", Status.DONE, ""),
])
def test_one_numbered_item_reads_as_its_status(cell: str, status: Status, rest: str) -> None:
    reading = read_status(cell)
    assert (reading.status, reading.rest) == (status, rest)


@pytest.mark.parametrize("cell", ["2.已完成；3.正在推进", "二、已完成；三、正在推进"])
def test_the_first_of_several_items_is_no_single_item(cell: str) -> None:
    """A list numbered from another item on: the least advanced status, not the first item's."""
    assert read_status(cell).status is Status.IN_PROGRESS


@pytest.mark.parametrize("cell", ["1.5万元已退还", "2024.10", "1."])
def test_a_number_that_is_no_item_marker_reads_nothing(cell: str) -> None:
    assert read_status(cell).status is None


def test_the_notice_prints_no_item_number(tmp_path: Path) -> None:
    """No 整改进展 column: the status is the measure's progress in the notice."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    ws.append([1, "学习制度执行不严", "1.修订党组理论学习中心组学习制度", "办公室", "张某", "2025年6月30日",
               "1.已完成"])
    ws.append([2, "档案管理不规范", "（1）开展档案专项清理", "办公室", "张某", "2025年12月31日", "（1）正在推进"])
    ws.append([3, "公车管理不严", "①建立公车使用登记制度", "办公室", "张某", "2025年12月31日", "①已完成"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert [m.status for m in ledger.measures()] == [Status.DONE, Status.IN_PROGRESS, Status.DONE]
    text = render_notice(ledger)
    assert "1.学习制度执行不严。修订党组理论学习中心组学习制度，已完成。" in text  # it had ended "，1."
    assert "3.公车管理不严。建立公车使用登记制度，已完成。" in text  # ①已完成 had been unread
    assert "3项整改措施已完成2项、正在推进1项" in text
