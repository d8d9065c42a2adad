"""The numbering clerks type into cells: labels in front of headings, counts after them, and
the lists of measures run together in one cell."""

from __future__ import annotations

import pytest

from rectxl.core.numbering import enumerated_items, split_aspect_label, split_category_label


@pytest.mark.parametrize(("text", "expected"), [
    ("（一）安全生产监管方面（共2个问题、3项措施）", (1, "安全生产监管方面")),
    ("一、政治建设方面(3个问题)", (1, "政治建设方面")),
    ("第二方面问题，作风建设", (2, "作风建设")),
    ("二、关于2023年度（第3批）问题", (2, "关于2023年度（第3批）问题")),  # no count: kept whole
])
def test_aspect_headings(text: str, expected: tuple[int, str]) -> None:
    assert split_aspect_label(text) == expected


def test_category_headings_lose_the_count_too() -> None:
    assert split_category_label("（三）财务管理问题（共4个问题）") == (3, "财务管理问题")


@pytest.mark.parametrize(("cell", "items"), [
    ("1.制定会议记录规范；2.统一印制记录本；3.开展专项检查", ["制定会议记录规范", "统一印制记录本", "开展专项检查"]),
    ("（1）修订车辆管理办法\n（2）安装GPS定位", ["修订车辆管理办法", "安装GPS定位"]),
    ("一是建立学习台账；\n二是每季度开展一次测试。", ["建立学习台账", "每季度开展一次测试"]),
    ("①建章立制②抓好落实", ["建章立制", "抓好落实"]),
    # ⑴⑵⑶ (U+2474…) as ①②③
    ("⑴清理账外资金；⑵追缴违规补贴；⑶建立月度对账制度", ["清理账外资金", "追缴违规补贴", "建立月度对账制度"]),
    ("整改措施：1、建立制度。2、加强监督。", ["建立制度", "加强监督"]),
    ("１．清查资产；２．建立台账", ["清查资产", "建立台账"]),  # full-width digits, as WPS types them
    # run together with no mark between the items, the list opening the cell
    ("（1）修订办法（2）安装定位（3）公示用车", ["修订办法", "安装定位", "公示用车"]),
    ("一是建立台账二是开展测试", ["建立台账", "开展测试"]),
    ("1.制定规范2.印制记录本", ["制定规范", "印制记录本"]),
])
def test_a_cell_listing_several_measures(cell: str, items: list[str]) -> None:
    assert enumerated_items(cell) == items


@pytest.mark.parametrize("cell", [
    "退还违规发放资金1.5万元，2.0版系统上线",  # decimals are no numbering
    "1.制定规范",  # one item is no list
    "召开会议研究部署。1.明确分工 2.倒排工期",  # the list does not open the cell
    "1.退还违规资金2.5万元",  # an amount, no second item
    "2024年1.制定方案",
    "一是建立台账",
])
def test_cells_that_are_no_list(cell: str) -> None:
    assert enumerated_items(cell) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12.针对学习不深入问题", (12, "针对学习不深入问题")),
    ("一、档案管理不规范", (1, "档案管理不规范")),  # issues numbered in Chinese numerals
    ("问题十二：财务审核不严", (12, "财务审核不严")),
    ("三重一大决策执行不规范", (None, "三重一大决策执行不规范")),  # a numeral in the words is no number
    ("一是建立学习台账", (None, "一是建立学习台账")),
])
def test_issue_labels(text: str, expected: tuple[int | None, str]) -> None:
    from rectxl.core.numbering import split_issue_label

    assert split_issue_label(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("1.1 政治监督具体化不够", (1, "政治监督具体化不够")),  # the first issue of aspect 1
    ("2.2调查研究不深入", (2, "调查研究不深入")),
    ("2.5万元资金未收回", (None, "2.5万元资金未收回")),  # an amount, no number
])
def test_issues_numbered_under_their_aspect(text: str, expected: tuple[int | None, str]) -> None:
    from rectxl.core.numbering import split_issue_label

    assert split_issue_label(text) == expected


def test_an_aspect_numbered_as_a_part() -> None:
    assert split_aspect_label("第一部分 党的领导弱化方面") == (1, "党的领导弱化方面")


@pytest.mark.parametrize(("title", "expected"), [
    ("贯彻落实方面（共2个问题、3项措施）", ("贯彻落实方面", 2)),
    ("党组书记领办的问题（2个）", ("党组书记领办的问题", 2)),
    ("作风建设方面（5项措施）", ("作风建设方面", None)),  # counts no issues
    ("关于（2023）年度问题", ("关于（2023）年度问题", None)),  # no count
])
def test_a_count_after_a_heading(title: str, expected: tuple[str, int | None]) -> None:
    from rectxl.core.numbering import split_count_note

    assert split_count_note(title) == expected
