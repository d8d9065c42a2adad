"""Notices round seventeen: the notice rendered from ledgers as other offices keep them.
What now reads right:
- one measure whose shares a street office fills in per 社区 (merged over a row per 社区, or a
  matrix of the 社区's statuses) or per stage (merged over its stages, each row its own deadline
  and status) is told as one measure — "开展网格员培训，南山社区、东城社区已完成，北湖社区正在推进" —
  and counted once, as far as its least advanced share, in the totals sentence and the command's
  count; it had been told as repeated measures ("一是开展网格员培训，已完成。二是开展网格员培训，
  正在推进。…") and counted as three. The summary still counts the ledger's rows (its units' sheet
  needs each share), and says what the notice counts.
Every ledger here is written for this file about fictional units.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from rectxl import api
from rectxl.cli import main
from rectxl.core.status import Status
from tests.test_layout_round14 import book

AS_OF = date(2025, 11, 20)
HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]
Rows = list[list[Any]]


def _book(path: Path, rows: Rows, merges: list[str]) -> Path:
    book(path, {"台账": (rows, merges)})
    wb = load_workbook(path)
    info = wb.create_sheet("基本信息")
    for key, value in {"单位名称": "某某县东城街道", "反馈日期": date(2025, 3, 1), "报告日期": AS_OF}.items():
        info.append([key, value])
    wb.save(path)
    return path


def _section_two(path: Path) -> list[str]:
    out = path.with_name(path.stem + "_通报.txt")
    api.notice(path, out)
    text = out.read_text(encoding="utf-8")
    body = text[text.index("二、"):text.index("三、")]
    return [line.strip("\u3000 ") for line in body.splitlines()[1:] if line.strip("\u3000 ")]


def _per_community(tmp_path: Path) -> Path:
    rows: Rows = [HEADER,
                  [1, "网格管理不到位", "开展网格员培训", "南山社区", "2025年12月31日", "已完成"],
                  [None, None, None, "北湖社区", "2025年12月31日", "正在推进"],
                  [None, None, None, "东城社区", "2025年12月31日", "已完成"],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "2025年6月30日", "已完成"]]
    return _book(tmp_path / "东城街道.xlsx", rows, ["A2:A4", "B2:B4", "C2:C4"])


def test_a_measure_shared_by_communities_is_one_sentence_counted_once(tmp_path: Path) -> None:
    assert _section_two(_per_community(tmp_path)) == [
        "截至2025年11月20日，巡察反馈的2个问题已完成整改1个、正在整改1个；2项整改措施已完成1项、正在推进1项，"
        "整改措施完成率50%。",
        "1.网格管理不到位。开展网格员培训，南山社区、东城社区已完成，北湖社区正在推进。",
        "2.台账资料不规范。规范档案管理，已完成。"]


def test_a_matrix_of_the_communities_statuses_is_one_measure_each_row(tmp_path: Path) -> None:
    rows: Rows = [["序号", "问题", "整改措施", "完成时限", "各社区整改情况", None, None],
                  [None, None, None, None, "南山社区", "北湖社区", "东城社区"],
                  [1, "网格管理不到位", "开展网格员培训", "2025年12月31日", "已完成", "正在推进", "已完成"],
                  [2, "台账资料不规范", "规范档案管理", "2025年6月30日", "已完成", None, "已完成"]]
    path = _book(tmp_path / "街道.xlsx", rows, ["E1:G1", "A1:A2", "B1:B2", "C1:C2", "D1:D2"])
    told = _section_two(path)
    assert told[0].startswith("截至2025年11月20日，巡察反馈的2个问题已完成整改1个、正在整改1个；2项整改措施已完成1项、"
                              "正在推进1项")
    assert told[1:] == ["1.网格管理不到位。开展网格员培训，南山社区、东城社区已完成，北湖社区正在推进。",
                        "2.台账资料不规范。规范档案管理，已完成。"]


def test_a_measure_merged_over_its_stages_names_each_stage_by_its_deadline(tmp_path: Path) -> None:
    rows: Rows = [HEADER,
                  [1, "基础设施建设滞后", "推进污水管网改造", "住建股", "2025年6月30日", "已完成"],
                  [None, None, None, "住建股", "2025年12月31日", "正在推进"],
                  [2, "台账资料不规范", "规范档案管理", "办公室", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "住建局.xlsx", rows, ["A2:A3", "B2:B3", "C2:C3"])
    told = _section_two(path)
    assert "2项整改措施已完成1项、正在推进1项" in told[0]
    assert told[1] == ("1.基础设施建设滞后。推进污水管网改造，2025年6月30日前的任务已完成，"
                       "2025年12月31日前的任务正在推进。")


def test_shares_all_done_read_as_the_measure_done_once(tmp_path: Path) -> None:
    rows: Rows = [HEADER,
                  [1, "网格管理不到位", "开展网格员培训", "南山社区", "2025年6月30日", "已完成"],
                  [None, None, None, "北湖社区", "2025年6月30日", "已完成"],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "街道.xlsx", rows, ["A2:A3", "B2:B3", "C2:C3"])
    assert _section_two(path) == ["截至2025年11月20日，巡察反馈的2个问题已全部完成整改；2项整改措施已全部完成。",
                                  "1.网格管理不到位。开展网格员培训，已完成。",
                                  "2.台账资料不规范。规范档案管理，已完成。"]


def test_different_measures_of_one_issue_stay_apart(tmp_path: Path) -> None:
    """Precision: measures of other texts (and one text repeated by one unit with one deadline) are
    not shares."""
    rows: Rows = [HEADER,
                  [1, "网格管理不到位", "开展网格员培训", "南山社区", "2025年6月30日", "已完成"],
                  [None, None, "建立网格员考核制度", "北湖社区", "2025年12月31日", "正在推进"],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "2025年6月30日", "已完成"]]
    path = _book(tmp_path / "街道.xlsx", rows, ["A2:A3", "B2:B3"])
    told = _section_two(path)
    assert "3项整改措施已完成2项、正在推进1项" in told[0]
    assert told[1] == "1.网格管理不到位。一是开展网格员培训，已完成。二是建立网格员考核制度，正在推进。"


def test_the_notice_command_counts_as_the_notice_and_says_so(tmp_path: Path, capsys: Any) -> None:
    path = _per_community(tmp_path)
    main(["notice", str(path), "-o", str(tmp_path / "通报.txt")])
    out = capsys.readouterr().out
    assert "（2个问题2项措施）" in out
    assert "第2—4行的“开展网格员培训”按责任单位分别填写了进度，通报合为一项写出，计为2项措施" in out


def test_each_shares_own_account_is_told_after_its_unit(tmp_path: Path) -> None:
    rows: Rows = [[*HEADER, "整改进展"],
                  [1, "网格管理不到位", "开展网格员培训", "南山社区", "2025年12月31日", "已完成", "已培训网格员32人"],
                  [None, None, None, "北湖社区", "2025年12月31日", "正在推进", "已培训12人，剩余人员12月前完成"],
                  [None, None, None, "东城社区", "2025年12月31日", "已完成", "已完成"],
                  [2, "台账资料不规范", "规范档案管理", "党政办", "2025年6月30日", "已完成", None]]
    path = _book(tmp_path / "街道.xlsx", rows, ["A2:A4", "B2:B4", "C2:C4"])
    told = _section_two(path)
    assert "2项整改措施已完成1项、正在推进1项" in told[0]
    assert told[1] == ("1.网格管理不到位。开展网格员培训，南山社区已培训网格员32人；北湖社区已培训12人，"
                       "剩余人员12月前完成；东城社区已完成。")


def test_the_summary_counts_rows_and_says_what_the_notice_counts(tmp_path: Path) -> None:
    path = _per_community(tmp_path)
    target = tmp_path / "汇总.xlsx"
    api.summary_workbook(path, target)
    overview = load_workbook(target).worksheets[0]
    sentence = str(overview.cell(3, 1).value)
    assert "4项整改措施已完成3项、正在推进1项" in sentence
    assert "通报合为一项写出，计为2项措施" in sentence


# -- a status cell saying what was done ------------------------------------------------------------

def test_a_status_cell_telling_the_deed_is_published_in_its_words(tmp_path: Path) -> None:
    """已报县纪委处理 had been published "线索移交，已完成": the clerk's words lost, the case reading as
    closed by the unit itself."""
    from tests.followup_ledgers import write_ledger

    header = ["方面", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    rows = [{"issue": 1, "整改措施": "线索移交", "责任单位": "纪检组", "整改时限": "2026年7月31日",
             "整改状态": "已报县纪委处理"},
            {"issue": 2, "整改措施": "对相关责任人进行追责问责", "责任单位": "纪检组", "整改时限": "2026年7月31日",
             "整改状态": "已报县纪委处理，给予党内警告处分1人"},
            {"issue": 3, "整改措施": "督促退还违规款项", "责任单位": "财务股", "整改时限": "2026年7月31日",
             "整改状态": "已完成（待验收）"},
            {"issue": 4, "整改措施": "修订公务接待制度", "责任单位": "办公室", "整改时限": "2026年7月31日",
             "整改状态": "已按要求完成"}]
    path = write_ledger(tmp_path / "自然资源局.xlsx", header, rows,
                        info={"反馈日期": "2026-06-18", "报告日期": "2026-11-20"})
    told = [line.split("。", 1)[1] for line in _section_two(path) if line[:1].isdigit()]
    assert told == ["线索移交，已报县纪委处理。", "对相关责任人进行追责问责，已报县纪委处理，给予党内警告处分1人。",
                    "督促退还违规款项，已完成。", "修订公务接待制度，已完成。"]


# -- parse-notice: aspects numbered 一、二、 naming kinds of problem without 方面 ------------------------

_PREAMBLE = ("根据县委统一部署，2026年3月10日至5月9日，县委第二巡察组对县教育局党委进行了巡察。2026年6月18日，"
             "巡察组向县教育局党委反馈了巡察意见。现将整改进展情况予以公布。")


def test_top_level_headings_naming_kinds_of_problem_are_aspects() -> None:
    """"一、关于党委主体责任落实不到位的问题 / 1.… / 二、关于落实中央八项规定精神不严格的问题 / 3.…": only the
    problems under 二、 had been read (2 of 5), as if 二、 were the notice's section of its problems."""
    from rectxl.core.notice import parse_notice

    text = ("中共某某县教育局委员会关于巡察整改进展情况的通报\n" + _PREAMBLE + "\n"
            "一、关于党委主体责任落实不到位的问题\n1.理论学习不深入。一是制定年度学习计划，已完成。二是开展专题读书班，已完成。\n"
            "2.意识形态工作薄弱。建立意识形态研判机制，正在推进。\n"
            "二、关于落实中央八项规定精神不严格的问题\n3.公务接待不规范。修订公务接待办法，已完成。\n"
            "4.违规发放津补贴。督促退还违规款项，已完成。\n"
            "三、关于选人用人不规范问题的整改情况\n5.干部档案管理不规范。开展干部档案专项审核，已完成。\n"
            "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-1234567。\n中共某某县教育局委员会\n2026年11月5日\n")
    ledger = parse_notice(text).ledger
    assert [[i.number for i in a.issues()] for a in ledger.aspects] == [
        [1, 2], [3, 4], [5]]
    assert all("问题" in (a.title or "") for a in ledger.aspects)


def test_the_standard_sections_stay_sections() -> None:
    """Precision: "一、整改工作开展情况 / 二、巡察反馈问题整改落实情况 / 三、下一步工作打算" with （一）关于…的问题
    under 二、 is read as before."""
    from rectxl.core.notice import parse_notice

    text = ("中共某某县教育局委员会关于巡察整改进展情况的通报\n" + _PREAMBLE
            + "\n一、整改工作开展情况\n局党委成立整改工作领导小组。\n"
            "二、巡察反馈问题整改落实情况\n（一）关于党委主体责任落实不到位的问题\n1.理论学习不深入。制定年度学习计划，已完成。\n"
            "（二）关于落实中央八项规定精神不严格的问题\n2.公务接待不规范。修订公务接待办法，已完成。\n"
            "三、下一步工作打算\n持续巩固整改成果。\n中共某某县教育局委员会\n2026年11月5日\n")
    ledger = parse_notice(text).ledger
    assert [[i.number for i in a.issues()] for a in ledger.aspects] == [[1], [2]]


# -- parse-notice: 整改措施 listed, then one 整改成效 for them all ---------------------------------------

def test_one_account_after_the_listed_measures_tells_of_them_all() -> None:
    """"整改措施：1.…；2.… 整改成效：已召开研判会议2次，…全面落实。": the account had been the last
    measure's alone, the first guessed 正在推进 from its plan's words."""
    from rectxl.core.notice import parse_notice

    text = ("中共某某县教育局委员会关于巡察整改进展情况的通报\n" + _PREAMBLE
            + "\n一、整改工作开展情况\n局党委成立整改工作领导小组。\n二、巡察反馈问题整改落实情况\n"
            "1.意识形态工作薄弱。\n整改措施：1.建立意识形态研判机制；2.开展意识形态专题培训。\n"
            "整改成效：已召开研判会议2次，举办专题培训1期，意识形态工作责任制全面落实。\n"
            "2.公务接待不规范。\n整改措施：1.修订公务接待办法；2.开展公务接待专项检查。\n"
            "整改成效：已修订公务接待办法，专项检查正在进行，预计12月底完成。\n"
            "三、下一步工作打算\n持续巩固整改成果。\n中共某某县教育局委员会\n2026年11月5日\n")
    ledger = parse_notice(text).ledger
    assert [(m.text.rstrip("；。"), m.status) for m in ledger.measures()] == [
        ("建立意识形态研判机制", Status.DONE), ("开展意识形态专题培训", Status.DONE),
        ("修订公务接待办法", Status.IN_PROGRESS), ("开展公务接待专项检查", Status.IN_PROGRESS)]


# -- a measure read back from a notice, its own account, in a ledger whose clerk states statuses ---------

def test_a_measure_that_is_its_own_account_is_not_printed_twice(tmp_path: Path) -> None:
    """A ledger parse-notice wrote (each measure its own 整改进展) with a status filled for some rows
    only: the rows without one had been printed "制定年度学习计划，制定年度学习计划；"."""
    rows: Rows = [[*HEADER, "整改进展"],
                  [1, "理论学习不深入", "制定年度学习计划；", "办公室", "2025年6月30日", None, "制定年度学习计划；"],
                  [None, None, "开展专题读书班。", "办公室", "2025年6月30日", "已完成", "开展专题读书班。"],
                  [2, "公务接待不规范", "修订公务接待办法", "办公室", "2025年6月30日", "已完成", "已印发新办法"]]
    path = _book(tmp_path / "教育局.xlsx", rows, ["A2:A3", "B2:B3"])
    told = _section_two(path)
    assert told[-2] == "1.理论学习不深入。一是制定年度学习计划，【请填写整改进展】。二是开展专题读书班，已完成。"
