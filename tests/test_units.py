"""Owner-unit cells as clerks write them: the units they name, for the directory check, the
unit statistics and the letters."""

from __future__ import annotations

import pytest

from rectxl.core.units import split_units


@pytest.mark.parametrize(("cell", "units"), [
    ("办公室、财务科(配合)", ["办公室", "财务科"]),
    ("党政办牵头，财政所配合", ["党政办", "财政所"]),  # roles written after the units
    ("财政所 审计办", ["财政所", "审计办"]),  # one space between two units
    ("应急办和各村", ["应急办", "各村"]),
    ("县委组织部 县委宣传部", ["县委组织部", "县委宣传部"]),
    ("应急办、综治中心等相关单位", ["应急办", "综治中心"]),
    ("信访办（张某）", ["信访办"]),  # the person in charge, in brackets
    # no split inside one unit's name, and a bracket that is part of the name stays
    ("住房和城乡建设局", ["住房和城乡建设局"]),
    ("人力资源和社会保障局", ["人力资源和社会保障局"]),
    ("各村（社区）", ["各村（社区）"]),
    ("财务科（资金中心）", ["财务科（资金中心）"]),
])
def test_the_units_a_cell_names(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


def test_a_space_typed_inside_a_name_does_not_split_it() -> None:
    assert split_units("办 公室") == ["办 公室"]  # found as a variant of 办公室 instead


def test_a_word_more_is_another_unit_not_an_abbreviation() -> None:
    from collections import Counter

    from rectxl.core.units import unit_spellings

    assert unit_spellings(Counter({"各村（社区）": 2, "各社区": 1})) == {}
    assert unit_spellings(Counter({"耕地保护股": 2, "耕保股": 1})) == {"耕保股": "耕地保护股"}


def test_a_space_after_a_separator_does_not_split_a_name() -> None:
    assert split_units("财务科、办 公室") == ["财务科", "办 公室"]


def test_abbreviations_drop_characters_or_joined_words_never_a_whole_word() -> None:
    from collections import Counter

    from rectxl.core.units import unit_spellings

    same = [("住房和城乡建设局", "住建局"), ("发展和改革局", "发改局"), ("城市管理局", "城管局"),
            ("市场监督管理局", "市场监管局"), ("党政综合办公室", "党政办"), ("党政综合办公室", "党政综合办")]
    for full, short in same:
        assert unit_spellings(Counter({full: 2, short: 1})) == {short: full}, (full, short)
    other = [("干部监督股", "干部股"), ("村务监督委员会", "村委会"), ("组织人事股", "组织股"), ("财政管理所", "财政所")]
    for full, short in other:
        assert unit_spellings(Counter({full: 2, short: 1})) == {}, (full, short)


def test_a_second_name_in_brackets_or_the_party_body_may_be_left_off() -> None:
    from collections import Counter

    from rectxl.core.units import unit_spellings

    assert unit_spellings(Counter({"学生工作部（处）": 2, "学工部": 1})) == {"学工部": "学生工作部（处）"}
    assert unit_spellings(Counter({"党委组织部": 2, "组织部": 1})) == {"组织部": "党委组织部"}
    assert unit_spellings(Counter({"县委宣传部": 1, "宣传部": 3})) == {"县委宣传部": "宣传部"}
    # each names its own body, and a Party committee's office is not the unit's office
    assert unit_spellings(Counter({"县委组织部": 1, "市委组织部": 1})) == {}
    assert unit_spellings(Counter({"党委办公室": 1, "办公室": 1})) == {}
