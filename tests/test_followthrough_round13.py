"""Follow-through of rounds twelve and thirteen: what their probes found and left in parse-notice
and the ledger reader, now read as an auditor reads it.

- parse-notice: a count of an issue's measures written before them ("整改情况：已完成1项，另1项正在
  推进。一是…；二是…。") is read as the same count after them is — which measure is which is not said,
  so none is guessed done: the statuses are left empty, the sentence kept in each 备注, a warning
  given (it had stayed in the issue's intro and both measures had been guessed 正在推进); "2项已完成、
  1项正在推进" and "剩余1项正在有序推进" count alike;
- a measure closing "…，持续开展。" ("…，常态化开展。", "…（持续巩固）") is 长期坚持 as "…，持续推进。" is:
  the closing clause is read by the status words' own rules (rectxl.core.status.status_phrase),
  not by a shorter list of spellings (it had been 正在推进);
- a notice saying it lists only some of its issues or measures ("主要整改情况如下", "择要列举") is
  not reported inconsistent because its section 一 counts more ("细化整改任务74项" against 9 listed):
  the count is said to be uncheckable; one saying it lists them all still gets the mismatch;
- a 回头看 ledger's original issue the second look found put right ("原问题已整改到位，回头看未发现新
  问题", no issue found again, no measure) is kept as the heading it is, with those words: the
  summary's 整改明细 shows them against it and the notice prints them under its heading (it had
  vanished from both, so a 回头看 over four issues read as one over two);
- a workbook of one sheet per aspect whose 整改进展情况 column holds status words alone is read the
  same on every sheet: a sheet of one row reads the column as the status too (it had been the
  progress there, the status column elsewhere).

Every notice and workbook here is written for this file about fictional units.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from rectxl import api
from rectxl.api import Options
from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.notice.parse import infer_status
from rectxl.core.status import Status, status_phrase
from tests.test_county_ledgers2 import _book

D, P, L = Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM
AS_OF = date(2025, 11, 30)
Rows = Sequence[Sequence[Any]]


def _notice(section_one: str, body: str, *, listing: str = "") -> str:
    listing = f"{listing}\n\n" if listing else ""
    return ("中共某某区住房和城乡建设局党组关于巡察整改进展情况的通报\n\n"
            "根据区委统一部署，2025年4月7日至6月6日，区委第一巡察组对区住房和城乡建设局党组进行了常规巡察。"
            "2025年7月15日，巡察组反馈了巡察意见。现将整改进展情况予以公布。\n\n"
            f"一、整改工作开展情况\n\n{section_one}\n\n二、巡察反馈问题整改情况\n\n{listing}{body}\n\n"
            "三、下一步工作打算\n\n将持续巩固整改成果。\n\n中共某某区住房和城乡建设局党组\n2025年11月20日\n")


# -- a count of the measures before them -----------------------------------------------------------

COUNTED_FIRST = _notice("局党组召开专题会议研究部署整改工作。", """（一）关于物业和燃气安全监管方面

1.老旧小区物业管理缺位的问题。整改情况：已完成1项，另1项正在推进。一是出台物业服务质量考评办法；二是推动成立业主委员会。

2.燃气安全隐患排查不彻底的问题。整改情况：2项已完成、1项正在推进。一是对全区32个老旧小区燃气管道开展拉网式排查；二是更换老化燃气软管1260户；三是建立燃气安全网格化巡查机制。

3.电梯维保监督缺位的问题。整改情况：已完成2项，剩余1项正在有序推进。一是约谈维保单位3家，已完成；二是开展电梯安全专项检查，已完成；三是推动老旧电梯更新改造。

4.工程款拨付不及时的问题。整改情况：已完成5项。一是清理拖欠工程款；二是建立拨付台账。""")


def test_a_count_before_the_measures_is_read_as_one_after_them() -> None:
    parsed = parse_notice(COUNTED_FIRST)
    first, second, third, fourth = parsed.ledger.issues()
    assert [m.text for m in first.measures] == ["出台物业服务质量考评办法；", "推动成立业主委员会。"]
    assert [m.status for m in first.measures] == [None, None]
    assert all(m.status_inferred for m in first.measures)
    assert "已完成1项" not in (first.intro or "")
    assert all("已完成1项，另1项正在推进" in m.remark and "未说明是哪几项" in m.remark for m in first.measures)
    assert [m.status for m in second.measures] == [None, None, None]
    # two say they are done: the one left is the one going on
    assert [m.status for m in third.measures] == [D, D, P]
    assert not any(m.remark for m in third.measures)
    # a count that cannot be these measures' (5 of 2) is the account's, as written
    assert "已完成5项" in (fourth.intro or "")
    assert not any(m.remark for m in fourth.measures)
    assert [w for w in parsed.warnings if "只给了数目" in w] == [
        "第1个问题的2项措施，通报只给了数目（已完成1项，正在推进1项），没有说明哪几项，推断状态留空，请按实际情况填写整改状态。",
        "第2个问题的3项措施，通报只给了数目（已完成2项，正在推进1项），没有说明哪几项，推断状态留空，请按实际情况填写整改状态。"]


# -- a long-term phrase closing a measure ----------------------------------------------------------

def test_a_long_term_phrase_closing_a_measure_is_long_term() -> None:
    for text in ("组织开展扬尘专项整治，持续开展。", "实行双随机抽查，常态化开展。", "组织开展扬尘专项整治，持续推进。",
                 "开展安全生产大检查（持续巩固）。", "落实网格员巡查制度，持续抓好。"):
        assert infer_status(text) is L, text
    # a clause naming work is no status: it looks ahead
    for text in ("开展排查，持续推进城市更新。", "制定管理办法，建立长效机制。"):
        assert infer_status(text) is P, text
    assert status_phrase("持续开展") is L and status_phrase("已完成") is D
    assert status_phrase("建立长效机制") is None and status_phrase("持续推进城市更新") is None
    parsed = parse_notice(_notice("局党组召开专题会议研究部署整改工作。", """（一）关于建筑市场监管方面

1.建筑工地扬尘管控不力的问题。整改情况：一是修订工地扬尘管控考核细则，已印发；二是组织开展扬尘专项整治，持续开展。"""))
    assert [m.status for m in parsed.ledger.measures()] == [D, L]


# -- a notice that lists a sample ------------------------------------------------------------------

SECTION_ONE = "局党组召开专题会议研究部署整改工作，细化整改任务74项，已完成整改任务45项，剩余29项正在有序推进。"
LISTED = """（一）关于落实主体责任方面

1.老旧小区物业管理缺位的问题。整改情况：一是出台物业服务质量考评办法，已完成；二是推动成立业主委员会，正在推进。

2.质量监督检查走过场的问题。整改情况：一是开展质量监督人员业务培训2期；二是实行双随机抽查，常态化开展。"""


def _checks(text: str) -> dict[str, tuple[bool | None, str]]:
    return {c.item: (c.ok, c.message) for c in parse_notice(text).total_checks}


def test_a_notice_listing_a_sample_is_not_reported_inconsistent(tmp_path: Path) -> None:
    for listing, words in (("主要整改情况如下：", "主要整改情况如下"),
                           ("现择要列举部分问题整改情况。", "现择要列举部分问题整改情况")):
        checks = _checks(_notice(SECTION_ONE, LISTED, listing=listing))
        assert checks["measures"] == (None, f"通报称74项整改措施；正文写明只列出其中一部分（“{words}”），"
                                            "逐项列出（一是、二是……）的4项不是全部，不能据此核对。")
        assert checks["done"][0] is None and f"只列出其中一部分（“{words}”）" in checks["done"][1]
        path = tmp_path / "通报.txt"
        path.write_text(_notice(SECTION_ONE, LISTED, listing=listing), encoding="utf-8")
        assert api.parse_notice_file(path).total_checks[0].ok is None
    # one that says it lists them all is checked against what it lists
    checks = _checks(_notice(SECTION_ONE, LISTED, listing="现将反馈问题整改情况逐项公布如下："))
    assert checks["measures"] == (False, "通报称74项整改措施，但正文逐项列出（一是、二是……）的整改措施为4项，"
                                         "相差70项，请核对。")
    # the standard formula "现将巡察整改进展情况予以公布" says nothing of a sample
    checks = _checks(_notice(SECTION_ONE, LISTED))
    assert checks["measures"][0] is False


# -- a 回头看 ledger: an original issue with nothing found again ---------------------------------

LOOKBACK: Rows = [
    ["区教育局党组巡察整改“回头看”台账"],
    ["填报单位：区教育局党组", None, None, "反馈日期：2025年3月20日"],
    ["序号", "原反馈问题", "回头看发现问题", "再整改措施", "责任科室", "责任人", "完成时限", "整改进展"],
    [1, "校外培训机构监管缺位", "部分无证机构关停后又复办", "联合市场监管部门开展夜间巡查", "民办教育科", "于洋",
     "2025年10月底前", "已完成"],
    [2, "食堂财务管理不规范", None, None, None, None, None, "原问题已整改到位，回头看未发现新问题"],
    [3, "教师招聘程序不严谨", None, None, None, None, None, "经复查，整改成效巩固，未发现反弹回潮"],
    [4, "校舍维修资金使用效率不高", "2所学校维修工程未按期验收", "督促施工方完成收尾并组织验收", "计财科", "黄海",
     "2025年12月底前", "正在推进"],
]


def test_an_original_issue_with_nothing_found_again_is_named_with_what_the_row_says(tmp_path: Path) -> None:
    path = _book(tmp_path / "教育局回头看.xlsx", {"回头看台账": (LOOKBACK, [])})
    report = api.check(path, Options(as_of=AS_OF))
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
    ledger = api.read_ledger(path)
    assert [(c.title, c.note, [i.title for i in c.issues]) for a in ledger.aspects for c in a.categories] == [
        ("校外培训机构监管缺位", "", ["部分无证机构关停后又复办"]),
        ("食堂财务管理不规范", "原问题已整改到位，回头看未发现新问题", []),
        ("教师招聘程序不严谨", "经复查，整改成效巩固，未发现反弹回潮", []),
        ("校舍维修资金使用效率不高", "", ["2所学校维修工程未按期验收"]),
    ]
    text = render_notice(ledger, as_of=AS_OF)
    assert "（二）食堂财务管理不规范\n　　原问题已整改到位，回头看未发现新问题。" in text.replace("\n\n", "\n")
    assert "（三）教师招聘程序不严谨" in text and "经复查，整改成效巩固，未发现反弹回潮。" in text
    assert "2.2所学校维修工程未按期验收。" in text
    _, summary = api.summary_workbook(path, tmp_path / "汇总.xlsx", Options(as_of=AS_OF))
    wb = openpyxl.load_workbook(summary)
    overview = {r[0]: r[1] for r in wb["整改总体情况"].iter_rows(values_only=True) if r and r[0]}
    assert overview["问题类别"] == 4 and overview["问题"] == 2
    rows = [[c for c in r if c is not None] for r in wb["整改明细"].iter_rows(values_only=True)]
    assert ["类别", "（二）", "食堂财务管理不规范", "原问题已整改到位，回头看未发现新问题", 0, 0, 0] in rows


# -- one sheet an aspect, a sheet of one row --------------------------------------------------------

def test_a_progress_column_of_status_words_reads_alike_on_every_sheet(tmp_path: Path) -> None:
    head = ["序号", "存在问题", "整改措施", "责任股室", "责任人", "整改时限", "整改进展情况"]
    politics = [[1, "落实意识形态责任制不到位", "每半年专题研究意识形态工作", "办公室", "陈明", "长期坚持", "长期坚持"],
                [2, "学习贯彻上级精神不及时", "完善第一议题制度", "办公室", "陈明", "2025年6月底前", "已完成"]]
    integrity = [[1, "公务接待超标准", "清退超标准接待费用", "财务股", "周丽", "2025年5月底前", "已完成"],
                 [2, "专项资金拨付滞后", "建立资金拨付台账", "财务股", "周丽", "2025年12月底前", "正在推进"]]
    party = [[1, "党员发展程序不规范", "补齐发展党员档案材料", "人事股", "吴刚", "2026年3月底前", "正在推进"]]
    sheets: dict[str, tuple[Rows, list[str]]] = {
        "一、政治监督方面": ([head, *politics], []),
        "二、廉政建设方面": ([head, *integrity], []),
        "三、组织建设方面": ([head, *party], []),
    }
    path = _book(tmp_path / "分方面台账.xlsx", sheets)
    ledger = api.read_ledger(path)
    assert [s.columns.get("整改状态") for s in ledger.sheets] == ["G", "G", "G"]
    assert [s.columns.get("整改进展") for s in ledger.sheets] == [None, None, None]
    assert [(m.status, m.status_text, m.progress) for m in ledger.measures()][-1] == (P, "正在推进", "")
    report = api.check(path, Options(as_of=AS_OF))
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
    # a sheet whose column tells an account stays the progress, its status read from its opening
    sheets["三、组织建设方面"] = ([head, [1, "党员发展程序不规范", "补齐发展党员档案材料", "人事股", "吴刚",
                                  "2026年3月底前", "正在推进，已补齐档案12份"]], [])
    ledger = api.read_ledger(_book(tmp_path / "分方面台账2.xlsx", sheets))
    assert [s.columns.get("整改进展") for s in ledger.sheets] == [None, None, "G"]
    assert list(ledger.measures())[-1].status is P


# -- what is said left, against the whole and the done count ---------------------------------------

def test_the_count_said_left_is_checked_against_the_whole_and_the_done_count() -> None:
    checks = _checks(_notice(SECTION_ONE, LISTED, listing="主要整改情况如下："))
    assert checks["left"] == (True, "通报称74项整改措施已完成45项、剩余29项，相加与总数一致。")
    wrong = SECTION_ONE.replace("剩余29项", "剩余19项")
    checks = _checks(_notice(wrong, LISTED, listing="主要整改情况如下："))
    assert checks["left"] == (False, "通报称74项整改措施已完成45项、剩余19项，45+19=64项，与总数74项不符，请核对。")
    issues = "巡察反馈的问题12个，已完成整改9个，其余3个问题正在推进。"
    checks = _checks(_notice(issues, LISTED, listing="主要整改情况如下："))
    assert checks["left"] == (True, "通报称12个问题已完成9个、剩余3个，相加与总数一致。")
    # a remainder with no done count before it is no part of a division the notice states
    checks = _checks(_notice("细化整改任务74项，其余事项正在推进。", LISTED, listing="主要整改情况如下："))
    assert "left" not in checks
