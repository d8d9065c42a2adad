"""Ledgers as offices the earlier rounds did not imitate lay them out, round eight: a 序号 written
on every row of its issue (1, 2, 2, 3), a 问题类别 column holding the aspects ("一、…方面"), one
column of issues and measures (问题及整改措施: "问题1：…" over "1-1 …", "①…"), an outline of
一、(一)、1、(1) in the 序号 column, a measure split over 措施内容 | 具体举措.

Every workbook is built here with openpyxl; units, people and texts are fictional."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from tests.test_ledger_round6 import _book, _serious

TITLE = ["青川县林业局巡察反馈问题整改落实台账"]
FILLER = ["填报单位：青川县林业局", None, None, None, "填报日期：2026年11月25日"]


def _issues(path: Path) -> list[tuple[int | None, str, int]]:
    return [(i.number, i.title, len(i.measures)) for i in api.read_ledger(path).issues()]


def _aspects(path: Path) -> list[str | None]:
    return [a.title for a in api.read_ledger(path).aspects]


# -- a 序号 written on every row of its issue ----------------------------------------------------

REPEATED_HEADER = ["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]


@pytest.mark.parametrize("merged", [False, True])
def test_a_number_repeated_on_every_row_of_its_issue_numbers_the_issue(tmp_path: Path, merged: bool) -> None:
    second = None if merged else "公务用车管理不规范"
    path = _book(tmp_path / "林业局.xlsx", [TITLE, FILLER, REPEATED_HEADER,
        [1, "理论学习中心组学习不深入", "制定年度学习计划", "办公室", "张某", "2026年9月30日", "已完成"],
        [2, "公务用车管理不规范", "修订公务用车管理办法", "办公室", "李某", "2027年3月31日", "正在推进"],
        [2, second, "开展车辆使用专项检查", "财务股", "王某", "2027年3月31日", "正在推进"],
        [3, "森林防火宣传不到位", "开展防火宣传进村入户活动", "防火办", "刘某", "2027年3月31日", "正在推进"],
    ], ["B5:B6"] if merged else [])
    assert _issues(path) == [(1, "理论学习中心组学习不深入", 1), (2, "公务用车管理不规范", 2),
                             (3, "森林防火宣传不到位", 1)]
    assert _serious(path) == []


def test_numbers_repeated_per_issue_restart_under_each_aspect(tmp_path: Path) -> None:
    header = ["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改状态"]
    path = _book(tmp_path / "农业农村局.xlsx", [TITLE, header,
        ["一、党的建设方面"],
        [1, "基层党组织软弱涣散", "开展软弱涣散党组织整顿", "组织股", "2027年3月31日", "正在推进"],
        [1, "基层党组织软弱涣散", "选派第一书记", "组织股", "2026年9月30日", "已完成"],
        [2, "党员教育管理不严", "开展党员集中轮训", "组织股", "2027年3月31日", "正在推进"],
        ["二、业务工作方面"],
        [1, "高标准农田建设质量不高", "开展工程质量检查", "农田股", "2027年3月31日", "正在推进"],
        [1, "高标准农田建设质量不高", "建立工程管护机制", "农田股", "2027年3月31日", "正在推进"],
    ], ["A3:F3", "A7:F7"])
    assert _issues(path) == [(1, "基层党组织软弱涣散", 2), (2, "党员教育管理不严", 1), (1, "高标准农田建设质量不高", 2)]
    assert _aspects(path) == ["党的建设方面", "业务工作方面"]


def test_a_number_per_row_beside_a_repeated_issue_still_numbers_rows(tmp_path: Path) -> None:
    path = _book(tmp_path / "民政局.xlsx", [TITLE, REPEATED_HEADER,
        [1, "低保动态管理不到位", "逐户入户核查低保对象", "社会救助股", "何某", "2027年3月31日", "正在推进"],
        [2, "低保动态管理不到位", "每季度开展数据比对", "社会救助股", "何某", "2027年3月31日", "正在推进"],
        [3, "养老机构安全隐患整改不彻底", "开展消防安全检查", "养老服务股", "何某", "2026年10月31日", "已完成"],
    ])
    assert _issues(path) == [(None, "低保动态管理不到位", 2), (None, "养老机构安全隐患整改不彻底", 1)]
    assert _serious(path) == []


# -- a 问题类别 column holding the aspects --------------------------------------------------------

KIND_HEADER = ["序号", "问题类别", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"]


def _kind_rows(first: str, second: str, third: str | None) -> list[list[Any]]:
    return [
        [1, first, "河长制落实不到位", "建立河长巡河通报制度", "河长办", "2027年3月31日", "正在推进"],
        [2, second, "水资源费征收不规范", "开展征收专项清理", "水政股", "2027年3月31日", "正在推进"],
        [3, third, "“三会一课”不规范", "建立三会一课台账", "机关党委", "2026年10月31日", "已完成"],
    ]


@pytest.mark.parametrize(("values", "merges", "aspects"), [
    (("一、贯彻落实党的路线方针政策方面", None, "二、全面从严治党方面"), ["B3:B4"],
     ["贯彻落实党的路线方针政策方面", "全面从严治党方面"]),
    (("一、贯彻落实党的路线方针政策方面",) * 2 + ("二、全面从严治党方面",), [],
     ["贯彻落实党的路线方针政策方面", "全面从严治党方面"]),
    (("（一）党的建设方面", "（一）党的建设方面", "（二）党风廉政建设方面"), [], ["党的建设方面", "党风廉政建设方面"]),
])
def test_a_category_column_of_aspect_headings_is_the_aspect(tmp_path: Path, values: tuple[Any, ...],
                                                             merges: list[str], aspects: list[str]) -> None:
    path = _book(tmp_path / "水务局.xlsx", [TITLE, KIND_HEADER, *_kind_rows(*values)], merges)
    ledger = api.read_ledger(path)
    assert _aspects(path) == aspects
    assert [a.number for a in ledger.aspects] == [1, 2]
    assert [len(list(c.issues)) for a in ledger.aspects for c in a.categories] == [2, 1]
    assert _serious(path) == []


def test_common_and_particular_problems_stay_categories(tmp_path: Path) -> None:
    path = _book(tmp_path / "水务局.xlsx", [TITLE, KIND_HEADER, *_kind_rows("共性问题", "个性问题", "个性问题")])
    ledger = api.read_ledger(path)
    assert _aspects(path) == [None]
    assert [c.title for a in ledger.aspects for c in a.categories] == ["共性问题", "个性问题"]


def test_aspect_rows_above_keep_the_category_column_a_category(tmp_path: Path) -> None:
    rows = _kind_rows("（一）党的建设方面", "（一）党的建设方面", "（二）业务工作方面")
    path = _book(tmp_path / "水务局.xlsx", [TITLE, KIND_HEADER, ["一、党的领导方面"], *rows], ["A3:G3"])
    ledger = api.read_ledger(path)
    assert _aspects(path) == ["党的领导方面"]
    assert [c.title for a in ledger.aspects for c in a.categories] == ["党的建设方面", "业务工作方面"]


# -- one column of issues and measures --------------------------------------------------------

def test_issue_rows_and_numbered_measures_in_one_column(tmp_path: Path) -> None:
    path = _book(tmp_path / "交通运输局.xlsx", [TITLE, FILLER,
        ["序号", "问题及整改措施", "责任单位", "责任人", "整改时限", "整改状态"],
        [None, "问题1：农村公路养护资金使用不规范"],
        ["1-1", "开展养护资金专项审计", "财务股", "赵某", "2026年10月31日", "已完成"],
        ["1-2", "修订养护资金管理办法", "公路股", "孙某", "2027年3月31日", "正在推进"],
        [None, "问题2：安全生产监管存在盲区"],
        ["2-1", "建立隐患排查台账", "安监股", "周某", "2027年3月31日", "正在推进"],
    ])
    assert _issues(path) == [(1, "农村公路养护资金使用不规范", 2), (2, "安全生产监管存在盲区", 1)]
    assert _serious(path) == []  # no header-missing, no measure-without-issue


@pytest.mark.parametrize("header", ["问题与整改措施", "整改问题及措施", "整改措施"])
def test_labelled_issues_over_circled_measures(tmp_path: Path, header: str) -> None:
    path = _book(tmp_path / "交通运输局.xlsx", [TITLE, ["序号", header, "责任单位", "整改时限", "整改状态"],
        ["一", "（一）农村公路养护资金使用不规范问题"],
        [None, "①开展养护资金专项审计", "财务股", "2026年10月31日", "已完成"],
        [None, "②修订养护资金管理办法", "公路股", "2027年3月31日", "正在推进"],
        ["二", "（二）安全生产监管存在盲区问题"],
        [None, "①建立隐患排查台账", "安监股", "2027年3月31日", "正在推进"],
    ])
    assert _issues(path) == [(1, "农村公路养护资金使用不规范问题", 2), (2, "安全生产监管存在盲区问题", 1)]
    assert _serious(path) == []


def test_a_measure_left_blank_is_no_issue_without_an_issue_label(tmp_path: Path) -> None:
    # a 整改措施 column and no 问题 column: a row with no unit, deadline nor status is a measure
    # left blank unless it is labelled as an issue ("问题1：", "（一）…问题")
    path = _book(tmp_path / "交通运输局.xlsx", [TITLE, ["序号", "整改措施", "责任单位", "整改时限", "整改状态"],
        [1, "开展养护资金专项审计"],
        [2, "修订养护资金管理办法", "公路股", "2027年3月31日", "正在推进"],
    ])
    assert ("header-missing", None) in _serious(path)
    assert _issues(path) == []


# -- an outline of 一、(一)、1、(1) in the 序号 column ------------------------------------------------

def test_outline_numbers_in_the_number_column(tmp_path: Path) -> None:
    path = _book(tmp_path / "教育局.xlsx", [["青川县教育局巡察整改台账"],
        ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "备注"],
        ["一", "党的领导方面"],
        ["（一）", "政治建设"],
        ["1", "落实意识形态工作责任制不到位", "制定意识形态工作责任清单", "办公室", "2026年9月30日", "已完成"],
        ["(1)", None, "开展意识形态风险排查", "办公室", "2027年3月31日", "正在推进"],
        ["2", "理论学习不深入", "完善中心组学习制度", "办公室", "2027年3月31日", "正在推进"],
        ["二", "全面从严治党方面"],
        ["（一）", "廉政风险防控"],
        ["1", "食堂采购管理不规范", "建立食堂采购公示制度", "后勤股", "2027年3月31日", "正在推进"],
    ])
    ledger = api.read_ledger(path)
    assert _aspects(path) == ["党的领导方面", "全面从严治党方面"]
    assert [c.title for a in ledger.aspects for c in a.categories] == ["政治建设", "廉政风险防控"]
    assert _issues(path) == [(1, "落实意识形态工作责任制不到位", 2), (2, "理论学习不深入", 1),
                             (1, "食堂采购管理不规范", 1)]
    assert _serious(path) == []


# -- a measure written over two columns -------------------------------------------------------

SPLIT_ROWS: list[list[Any]] = [
    [1, "低保动态管理不到位", "开展低保对象排查", "对全县低保对象逐户入户核查", "社会救助股", "2027年3月31日",
     "正在推进"],
    [None, None, "健全动态调整机制", "每季度开展一次数据比对", "社会救助股", "2027年3月31日", "正在推进"],
    [2, "养老机构安全隐患整改不彻底", "开展消防安全检查：", "联合消防部门开展检查", "养老服务股", "2026年10月31日",
     "已完成"],
]


@pytest.mark.parametrize("header", [("措施内容", "具体举措"), ("整改措施", "具体措施"), ("整改措施", "细化措施")])
def test_a_measure_and_its_detail_side_by_side_are_one_measure(tmp_path: Path, header: tuple[str, str]) -> None:
    path = _book(tmp_path / "民政局.xlsx", [TITLE, ["序号", "具体问题", *header, "责任单位", "整改时限", "整改状态"],
                                          *SPLIT_ROWS], ["A3:A4", "B3:B4"])
    assert _serious(path) == []  # no duplicate-header
    assert [m.text for m in api.read_ledger(path).measures()] == [
        "开展低保对象排查，对全县低保对象逐户入户核查", "健全动态调整机制，每季度开展一次数据比对",
        "开展消防安全检查：联合消防部门开展检查"]


def test_one_measure_merged_over_two_details_is_two_measures(tmp_path: Path) -> None:
    rows = [list(r) for r in SPLIT_ROWS]
    rows[1][2] = None
    path = _book(tmp_path / "民政局.xlsx", [TITLE, ["序号", "具体问题", "措施内容", "具体举措", "责任单位", "整改时限",
                                                   "整改状态"], *rows], ["A3:A4", "B3:B4", "C3:C4"])
    assert [m.text for m in api.read_ledger(path).measures()][:2] == [
        "开展低保对象排查，对全县低保对象逐户入户核查", "开展低保对象排查，每季度开展一次数据比对"]
    assert _serious(path) == []


def test_two_measure_columns_apart_are_still_a_duplicate(tmp_path: Path) -> None:
    header = ["序号", "具体问题", "整改措施", "责任单位", "整改措施", "整改时限", "整改状态"]
    path = _book(tmp_path / "民政局.xlsx", [TITLE, header,
        [1, "低保动态管理不到位", "开展低保对象排查", "社会救助股", "逐户核查", "2027年3月31日", "正在推进"]])
    assert ("duplicate-header", "E2") in _serious(path)


# -- a sheet per aspect, named by its title or the sheet's name ----------------------------------

def test_sheets_named_for_their_aspects(tmp_path: Path) -> None:
    from openpyxl import Workbook
    wb = Workbook()
    header = ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态"]
    for k, (name, title, rows) in enumerate([
        ("党的领导方面", "青川县统计局巡察整改台账（一、党的领导方面）",
         [[1, "落实上级决策部署不到位", "建立督办台账", "办公室", "2027年3月31日", "正在推进"]]),
        ("作风", "青川县统计局巡察整改台账——作风建设方面",
         [[1, "“四风”问题整治不彻底", "开展作风专项整治", "纪检组", "2026年10月31日", "已完成"],
          [2, "财务管理不规范", "修订财务管理制度", "财务股", "2027年3月31日", "正在推进"]]),
        ("全面从严治党方面", "青川县统计局巡察整改台账",
         [[1, "党员发展不规范", "开展党员档案核查", "机关党委", "2027年3月31日", "正在推进"]]),
    ]):
        ws = wb.active if k == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        for row in [[title], ["填报单位：青川县统计局"], header, *rows]:
            ws.append(row)
    path = tmp_path / "统计局.xlsx"
    wb.save(path)
    assert _aspects(path) == ["党的领导方面", "作风建设方面", "全面从严治党方面"]
    assert _serious(path) == []


def test_issue_rows_beside_a_unit_merged_over_their_measures(tmp_path: Path) -> None:
    header = ["序号", "问题及整改措施", "责任单位", "整改时限", "整改状态"]
    path = _book(tmp_path / "住建局.xlsx", [TITLE, FILLER, header,
        ["1", "问题1：城建档案管理不规范", "城建股"],
        ["1-1", "开展城建档案清理", None, "2027年3月31日", "正在推进"],
        ["1-2", "建立档案借阅登记制度", None, "2026年10月31日", "已完成"],
        ["2", "问题2：建筑工地扬尘治理不到位", "执法大队"],
        ["2-1", "开展扬尘专项执法检查", None, "2027年3月31日", "正在推进"],
    ], ["C4:C6", "C7:C8"])
    assert _issues(path) == [(1, "城建档案管理不规范", 2), (2, "建筑工地扬尘治理不到位", 1)]
    assert [m.owner_unit for m in api.read_ledger(path).measures()] == ["城建股", "城建股", "执法大队"]
    assert _serious(path) == []


# -- notes over the table, one-word headers ----------------------------------------------------

@pytest.mark.parametrize("note", ["（填写要求：一个问题有多项措施的，分行填写）", "【填报说明】整改状态只填三种"])
def test_a_bracketed_note_under_the_header_is_no_aspect(tmp_path: Path, note: str) -> None:
    path = _book(tmp_path / "发改局.xlsx", [TITLE, REPEATED_HEADER, [note],
        [1, "项目前期工作推进缓慢", "建立重点项目周调度机制", "项目股", "何某", "2027年3月31日", "正在推进"],
        [2, "价格监测不及时", "完善价格监测预警制度", "价格股", "何某", "2026年10月31日", "已完成"],
    ], ["A3:G3"])
    assert _aspects(path) == [None]
    assert _serious(path) == []


def test_one_word_headers_time_and_state(tmp_path: Path) -> None:
    path = _book(tmp_path / "发改局.xlsx", [TITLE,
        ["填报说明：整改状态只填“已完成”“正在推进”“未启动”三种，整改时限填写具体日期。"],
        ["序号", "问题", "措施", "单位", "时间", "情况", "备注"],
        [1, "项目前期工作推进缓慢", "建立重点项目周调度机制", "项目股", "2026年10月31日", "正在推进"],
        [2, "价格监测不及时", "完善价格监测预警制度", "价格股", "2026年10月31日", "已完成"],
    ])
    assert _serious(path) == [("overdue", "E4")]


# -- a county template: everything repeated on every row ----------------------------------------

def test_aspects_numbers_and_split_measures_repeated_on_every_row(tmp_path: Path) -> None:
    path = _book(tmp_path / "人社局.xlsx", [TITLE,
        ["序号", "问题类别", "反馈问题", "措施内容", "具体举措", "牵头单位", "完成时限", "整改进度"],
        [1, "一、政治建设方面", "学习贯彻上级精神不及时", "健全第一议题制度", "每月首次党组会传达学习", "办公室",
         "2027年3月31日", "正在推进"],
        [1, "一、政治建设方面", "学习贯彻上级精神不及时", "开展专题研讨", "每季度开展一次", "办公室", "2027年3月31日",
         "正在推进"],
        [2, "二、业务工作方面", "就业补贴发放审核不严", "开展补贴发放专项核查", "逐人核对2025年以来发放记录", "就业股",
         "2026年10月31日", "已完成"],
    ])
    assert _aspects(path) == ["政治建设方面", "业务工作方面"]
    assert _issues(path) == [(1, "学习贯彻上级精神不及时", 2), (2, "就业补贴发放审核不严", 1)]
    assert _serious(path) == []


# -- a progress column holding status words only ---------------------------------------------

PROGRESS_HEADER = ["编号", "巡察反馈意见", "整改措施", "责任科室", "整改期限", "目前进展"]


def test_a_progress_column_of_status_words_is_the_status(tmp_path: Path) -> None:
    path = _book(tmp_path / "人社局.xlsx", [TITLE, PROGRESS_HEADER,
        [1, "（一）社保基金管理存在风险隐患", "开展社保基金安全评估", "基金股", "2027年3月31日", "正在推进"],
        [None, None, "建立基金风险预警机制", "基金股", "2027年6月30日", "正在推进"],
        [],
        [2, "（二）劳动保障监察执法不严", "开展欠薪专项治理", "监察大队", "2026年10月31日", "已完成"],
        ["合计", "2个问题3项措施"],
    ], ["A3:A4", "B3:B4"])
    assert _issues(path) == [(1, "社保基金管理存在风险隐患", 2), (2, "劳动保障监察执法不严", 1)]
    assert [m.status_text for m in api.read_ledger(path).measures()] == ["正在推进", "正在推进", "已完成"]
    assert _serious(path) == []


def test_a_progress_column_with_accounts_stays_the_progress(tmp_path: Path) -> None:
    path = _book(tmp_path / "人社局.xlsx", [TITLE, PROGRESS_HEADER,
        [1, "社保基金管理存在风险隐患", "开展社保基金安全评估", "基金股", "2027年3月31日", "正在推进，已完成评估初稿"],
        [2, "劳动保障监察执法不严", "开展欠薪专项治理", "监察大队", "2026年10月31日", "已完成"],
    ])
    # every account opens with its status: each row's status is read, nothing is missing (ledger
    # round 10; header-missing before) — one account opening with none keeps header-missing
    assert [(m.status and m.status.value, m.progress) for m in api.read_ledger(path).measures()] == [
        ("正在推进", "已完成评估初稿"), ("已完成", "")]
    assert _serious(path) == []
    path = _book(tmp_path / "人社局2.xlsx", [TITLE, PROGRESS_HEADER,
        [1, "社保基金管理存在风险隐患", "开展社保基金安全评估", "基金股", "2027年3月31日", "已完成评估初稿"],
        [2, "劳动保障监察执法不严", "开展欠薪专项治理", "监察大队", "2026年10月31日", "已完成"],
    ])
    assert ("header-missing", None) in _serious(path)


def test_issue_rows_with_their_overall_status_over_their_measures(tmp_path: Path) -> None:
    path = _book(tmp_path / "城管局.xlsx", [TITLE, ["序号", "问题及整改措施", "责任单位", "整改时限", "整改状态"],
        ["一", "问题1：占道经营整治不彻底", None, None, "正在推进"],
        [1, "开展占道经营专项整治", "执法大队", "2027年3月31日", "正在推进"],
        [2, "设置便民疏导点", "市政股", "2026年10月31日", "已完成"],
        ["二", "问题2：环卫作业标准不高", None, None, "已完成"],
        [1, "修订环卫作业考核办法", "环卫所", "2026年9月30日", "已完成"],
    ])
    assert _issues(path) == [(1, "占道经营整治不彻底", 2), (2, "环卫作业标准不高", 1)]
    assert _serious(path) == []
