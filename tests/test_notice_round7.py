"""Notices round 7: what a reviewer of the 巡察办 or a publishing office sent back in notices
rendered from the ledgers of other offices, and notices of other agencies parsed back.

Rendering: a 未启动 measure giving its reason without a label ("未启动，因…尚未出台") or a delay
applied for still says it was not begun, and what is to be done once the reason is gone comes
after that; a bracket naming who is responsible ("（责任人：王芳）"), where the clerk had the
figures from ("（…，计财股提供）") and a clause naming the 责任人 as the one doing the work ("由黄磊
同志牵头", "何静负责跟踪落实") are not published; a measure cell listing things answered one for one
by its progress pairs each thing with its answer; a progress saying only the measure again, or its
verb on less of the object, says how far it got; marks typed twice (",,", "..", "。。"), typed dates
(2025.7.15), full-width digits and letters (９月, ＯＡ), a currency sign before 元 and bullets
(●▲) are printed as a notice prints them; an issue's 问题： label goes; a notice with no measure
done states no "完成率0%"; a figure the clerk left to fill in ("培训XX次", "2025年X月") is shown as
the placeholder 【请填写】, and the clerk's doubts ("？", "（数字待核）") are not published.

Parsing: a section after the items listing the issues not yet finished ("三、尚未完成整改问题的推进
情况") is read as issues (numbered on, in progress), the next steps being the section after it; a
notice published in batches states what is done by its cumulative count (累计完成10个), not the
first batch's; 各 opening a subject (各被巡察党组织已完成整改问题52个) shares nothing out; a status tag
opening the progress ("整改进展：【已完成】…") is the issue's stated status and no words of it.

Every ledger and notice here is written for this file about fictional units.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.core.model import Measure
from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.notice.render import _as_printed, measure_sentence
from rectxl.core.notice.totals import extract_stated_totals
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger

HEADER = ["序号", "问题方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态",
          "整改进展", "佐证材料", "备注"]
INFO = {"单位名称": "县林业局", "党组织名称": "中共某县林业局党组", "巡察组": "县委第一巡察组",
        "反馈日期": "2025-03-10", "报告日期": "2025-09-30", "联系电话": "0736-7221234"}


def _notice(tmp_path: Path, rows: list[list[object]], name: str = "台账.xlsx",
            info: dict[str, str] | None = None) -> str:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(HEADER)
    for k, row in enumerate(rows, 1):
        ws.append([k, *row])
    sheet = wb.create_sheet("基本信息")
    for key, value in (info or INFO).items():
        sheet.append([key, value])
    path = tmp_path / name
    wb.save(path)
    return render_notice(read_ledger(path))


def _row(issue: str, measure: str, status: str, progress: str = "", *, person: str = "",
         deadline: str = "2025-12-31", aspect: str = "作风建设方面", remark: str = "") -> list[object]:
    return [aspect, issue, measure, "副局长", "办公室", person, deadline, status, progress, "", remark]


def _said(action: str, progress: str, status: Status | None, status_text: str = "", person: str = "",
          *, statuses: bool = False) -> str:
    return measure_sentence(Measure(text=action, progress=progress, status=status,
                                    status_text=status_text, owner_person=person), statuses=statuses)


# ---------------------------------------------------------------------------
# 1. Not begun, and why
# ---------------------------------------------------------------------------


def test_a_reason_without_its_label_in_the_status_column_still_says_not_begun() -> None:
    said = _said("建立矛盾纠纷多元化解机制", "", Status.NOT_STARTED, "未启动，因县级指导意见尚未出台")
    assert said == "建立矛盾纠纷多元化解机制，因县级指导意见尚未出台，尚未启动"


def test_what_is_to_be_done_once_the_reason_is_gone_follows_the_outcome() -> None:
    said = _said("规范支部“三会一课”记录", "原因：支部换届尚未完成，换届后启动", Status.NOT_STARTED)
    assert said == "规范支部“三会一课”记录，因支部换届尚未完成，尚未启动，换届后启动"


def test_a_delay_applied_for_is_said_with_the_work_not_begun() -> None:
    assert _said("建立合同管理台账", "已申请延期至2025年12月", Status.NOT_STARTED) \
        == "建立合同管理台账，尚未启动，已申请延期至2025年12月"
    # a result saying it already is not said twice
    assert _said("建立合同管理台账", "暂未启动，已申请延期", Status.NOT_STARTED).count("未启动") == 1
    assert "尚未启动" not in _said("修订验收办法", "待省级规范出台后修订", Status.NOT_STARTED)


def test_an_unlabelled_cause_of_work_in_progress_is_said_with_it_going_on() -> None:
    # the cause is left as written; "已报县政府审批" alone would read as done (round 12: the
    # status says the work goes on)
    assert _said("推进档案数字化", "因涉及资金较大，已报县政府审批", Status.IN_PROGRESS) \
        == "推进档案数字化，因涉及资金较大，已报县政府审批，正在推进"


# ---------------------------------------------------------------------------
# 2. Notes to the office and the clerks' names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "progress", "published"), [
    ("建立学生资助资金发放台账（责任人：王芳）", "已建立发放台账，资金发放及时率100%",
     "建立学生资助资金发放台账，已完成，资金发放及时率100%"),
    ("加快专项资金拨付进度", "已拨付专项资金1560万元（拨付率100%）（数据截至6月30日，计财股提供）",
     "加快专项资金拨付进度，已拨付专项资金1560万元（拨付率100%）"),
    ("清理长期挂账往来款", "已清理往来款42笔（数据来源：财务室）", "清理长期挂账往来款，已清理往来款42笔"),
])
def test_notes_on_who_is_responsible_and_where_figures_came_from_are_not_published(
        action: str, progress: str, published: str) -> None:
    assert _said(action, progress, Status.DONE) == published


@pytest.mark.parametrize("progress", [
    "已开展谈心谈话23人次（详见谈话记录）", "已开展谈心谈话23人次（参见会议纪要）", "已开展谈心谈话23人次,请审核"])
def test_pointers_to_the_records_and_requests_to_the_office_are_not_published(progress: str) -> None:
    assert _said("开展谈心谈话", progress, Status.DONE) == "已开展谈心谈话23人次"


def test_a_delay_after_the_reason_follows_the_outcome() -> None:
    assert _said("推进项目建设", "受疫情影响，延期至2026年6月", Status.NOT_STARTED) \
        == "推进项目建设，受疫情影响，尚未启动，延期至2026年6月"
    # a document named in brackets is no pointer to the office's records
    said = _said("学习《条例》", "已学习（见《中国共产党纪律处分条例》）", Status.DONE)
    assert "（见《中国共产党纪律处分条例》）" in said


def test_a_clause_naming_the_clerk_in_charge_is_not_published() -> None:
    said = _said("对发展党员档案开展全面排查", "由黄磊同志牵头，排查档案37份，已全部补正。",
                 Status.DONE, person="黄磊")
    assert "黄磊" not in said and said.endswith("排查档案37份，已全部补正。")
    said = _said("修订“第一议题”学习制度", "已修订印发《“第一议题”学习制度》，何静负责跟踪落实",
                 Status.DONE, person="何静")
    assert said == "已修订印发《“第一议题”学习制度》"
    # the person named for anything else, or with no 责任人 known, is left as written
    assert "王强" in _said("开展谈心谈话", "与王强等5人谈心谈话", Status.DONE, person="黄磊")


# ---------------------------------------------------------------------------
# 3. Things listed in the measure, answered one for one
# ---------------------------------------------------------------------------


def test_listed_things_are_each_said_with_their_answer() -> None:
    said = _said("1.每半年专题研究意识形态工作\n2.建立意识形态阵地台账\n3.开展网络舆情培训",
                 "1.上半年已专题研究1次\n2.已建立阵地台账\n3.培训计划于11月开展", Status.IN_PROGRESS)
    # the thing the answer says is done is said done, whatever the measure's status
    assert said == ("每半年专题研究意识形态工作，上半年已专题研究1次；建立意识形态阵地台账，已完成；"
                    "开展网络舆情培训，培训计划于11月开展")


def test_listed_things_answered_in_another_count_are_said_as_before() -> None:
    said = _said("一是精简会议文件；二是整治督查检查考核过多过频", "会议同比减少32%", Status.DONE)
    assert said.startswith("精简会议文件；整治督查检查考核过多过频")


# ---------------------------------------------------------------------------
# 4. A progress saying only the measure again
# ---------------------------------------------------------------------------


def test_a_progress_that_is_the_measure_again_says_how_far_it_got() -> None:
    # in a ledger whose clerk states statuses (a notice read back says each measure once, as
    # published, and is printed as it is)
    assert _said("建立医药代表院内接待登记制度", "建立医药代表院内接待登记制度", Status.DONE, statuses=True) \
        == "建立医药代表院内接待登记制度，已完成"
    assert _said("建立医药代表院内接待登记制度", "建立医药代表院内接待登记制度", Status.IN_PROGRESS,
                 statuses=True) == "建立医药代表院内接待登记制度，正在推进"
    assert _said("建立医药代表院内接待登记制度", "建立医药代表院内接待登记制度", Status.DONE) \
        == "建立医药代表院内接待登记制度"


def test_the_measures_verb_on_less_of_its_object_is_said_done() -> None:
    assert _said("制定养老服务站考核办法", "已制定考核办法。下一步将按季度开展考核。", Status.DONE) \
        == "制定养老服务站考核办法，已完成。下一步将按季度开展考核。"
    # not counted done: the clerk's words stand
    assert "已制定考核办法" in _said("制定养老服务站考核办法", "已制定考核办法，正在征求意见", Status.IN_PROGRESS)


# ---------------------------------------------------------------------------
# 5. Printed as a notice prints it
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "printed"), [
    ("局党组将持续巩固整改成果,,推动作风建设常态长效。", "局党组将持续巩固整改成果，推动作风建设常态长效。"),
    ("执行到位金额2,350万元..二是", "执行到位金额2,350万元。二是"),
    ("已建立。。", "已建立。"),
    ("已完成,,。", "已完成。"),
    ("已于2025.7.15印发《办法》", "已于2025年7月15日印发《办法》"),
    ("截至2025/08/31，已完成", "截至2025年8月31日，已完成"),
    ("涉及金额￥12,680元，退还¥300", "涉及金额12,680元，退还300元"),
    ("ＯＡ系统已于９月完成对接", "OA系统已于9月完成对接"),
    ("（2025-2027年）", "（2025-2027年）"),
    ("第1.2.3条", "第1.2.3条"),
    ("已完成（）。", "已完成。"),
])
def test_typed_marks_dates_digits_and_signs_as_printed(typed: str, printed: str) -> None:
    assert _as_printed(typed) == printed
    assert _as_printed(printed) == printed


def test_a_ledger_typed_as_clerks_type_reads_as_published(tmp_path: Path) -> None:
    notice = _notice(tmp_path, [
        _row("问题：基层党组织软弱涣散。具体表现：个别村党支部长期不开展组织生活", "●对软弱涣散村党组织进行集中整顿",
             "已完成", "排查确定软弱涣散村党组织3个，已于2025.6.30前全部完成整顿转化", person="黄磊"),
        _row("执行案件结案率偏低", "▲开展执行积案清理专项行动,,", "已完成", "清理执行积案215件,执结180件..",
             person="黄磊"),
        _row("执行案件结案率偏低", "建立执行案件节点管控机制", "已完成", "由黄磊同志牵头，已建立。。", person="黄磊"),
        _row("矛盾纠纷化解不及时", "建立矛盾纠纷多元化解机制", "未启动，因县级指导意见尚未出台", aspect="平安建设方面"),
    ])
    body = notice[notice.index("二、"):notice.index("三、")]
    assert "1.基层党组织软弱涣散。具体表现：" in body
    assert "问题：" not in body and "●" not in body and "▲" not in body
    assert "2025年6月30日前" in body
    assert "执结180件。" in body and ".." not in body and "，，" not in body and "。。" not in body
    assert "黄磊" not in body
    assert "建立矛盾纠纷多元化解机制，因县级指导意见尚未出台，尚未启动。" in body


def test_no_rate_of_nothing_done(tmp_path: Path) -> None:
    notice = _notice(tmp_path, [
        _row("农村饮水安全保障不到位", "实施农村供水保障工程", "正在推进", "完成投资4800万元"),
        _row("河道采砂监管不力", "开展非法采砂专项整治", "未启动", deadline="2026-06-30"),
    ])
    assert "2项整改措施正在推进1项、尚未启动1项。" in notice
    assert "完成率0%" not in notice
    done = _notice(tmp_path, [
        _row("农村饮水安全保障不到位", "实施农村供水保障工程", "已完成", "完成投资4800万元"),
        _row("河道采砂监管不力", "开展非法采砂专项整治", "未启动", deadline="2026-06-30"),
    ], name="台账2.xlsx")
    assert "整改措施完成率50%" in done


# ---------------------------------------------------------------------------
# 6. Notices of other agencies, parsed back
# ---------------------------------------------------------------------------

BATCH_TWO = """中共江岸区商务局党组关于区委巡察反馈意见整改进展情况的通报（第二批）
根据区委统一部署，区委第一巡察组于2024年9月3日至11月15日对区商务局党组进行了巡察，并于2024年12月20日反馈了巡察意见。2025年3月，我局公布了第一批整改进展情况。现将第二批整改进展情况予以公布。
一、整改工作总体情况
局党组对反馈的2个方面5个问题制定整改措施5条。第一批公布已完成整改问题1个，本次新完成整改问题2个，累计完成3个，剩余2个问题正在持续推进。
二、本批次整改完成情况
（一）关于党的领导方面
1.招商引资项目跟踪服务不到位问题。
整改情况：建立签约项目“一项目一专班”跟踪服务机制，对46个项目逐一回访。
2.消费促进政策落实效果不明显问题。
整改情况：修订《消费券发放管理办法》，完成3批次消费券绩效评估。
（二）关于全面从严治党方面
3.政府采购内控制度执行不严问题。
整改情况：修订政府采购内部控制制度，发现并整改问题8个。
三、尚未完成整改问题的推进情况
1.商贸流通基础设施建设滞后问题。目前已完成规划编制，预计2025年12月底前开工建设。
2.外贸企业培育不足问题。已建立外贸企业培育库，入库企业35家，正在分批培育。
四、下一步工作打算
局党组将持续推进未完成事项，确保全面整改到位。
中共江岸区商务局党组
2025年7月15日
"""


def test_a_section_of_the_issues_not_yet_finished_is_read_as_issues() -> None:
    parsed = parse_notice(BATCH_TWO)
    ledger = parsed.ledger
    titles = [a.title for a in ledger.aspects]
    assert titles == ["关于党的领导方面", "关于全面从严治党方面", "尚未完成整改问题的推进情况"]
    later = list(ledger.aspects[2].issues())
    assert [i.title for i in later] == ["商贸流通基础设施建设滞后问题", "外贸企业培育不足问题"]
    # numbered on from the issues before them, as printed again; not finished, as the heading says
    assert [i.number for i in ledger.issues()] == [1, 2, 3, 4, 5]
    assert all(m.status is Status.IN_PROGRESS for i in later for m in i.measures)
    # the next steps are the 四、 section, not the unfinished issues
    assert ledger.info.section_three == "局党组将持续推进未完成事项，确保全面整改到位。"
    assert "尚未完成整改问题的推进情况" not in ledger.info.extra
    stated = parsed.stated_totals
    assert (stated.issues, stated.measures, stated.done) == (5, 5, 3)
    again = render_notice(ledger)
    assert "（三）尚未完成整改问题的推进情况\n\n　　4.商贸流通基础设施建设滞后问题。" in again


@pytest.mark.parametrize(("sentence", "done"), [
    ("第一批公布已完成整改问题7个，本次新完成整改问题3个，累计完成10个，剩余2个问题正在持续推进。", 10),
    ("截至目前，第一批已完成整改问题5个，第二批已完成整改问题4个，共计完成9个。", 9),
    ("本次新完成整改问题3个，已累计完成整改问题10个。", 10),
    ("截至目前，第一批已完成整改问题5个。", 5),  # a batch's count alone is what is said done
    ("截至2025年6月30日，各被巡察党组织已完成整改问题52个，整改完成率89.7%。", 52),  # 各 of the subject
])
def test_done_counts_of_a_notice_published_in_batches(sentence: str, done: int) -> None:
    assert extract_stated_totals([sentence]).done == done


def test_a_count_shared_out_by_each_is_still_no_total() -> None:
    assert extract_stated_totals(["三个单位各完成整改3个。"]).done is None
    assert extract_stated_totals(["两个支部各有3个问题。"]).issues is None


TAGGED_PROGRESS = """中共西河县应急管理局党组关于巡察整改进展情况的通报
按照县委统一部署，县委第一巡察组对县应急管理局党组进行了巡察，于2025年1月22日反馈了巡察意见。现将整改进展情况公布如下。
一、扎实推进巡察整改
局党组对巡察反馈的2个问题，制定整改措施5条。
二、巡察反馈问题整改情况
问题一：安全生产监管执法不严
整改措施：一是开展“打非治违”专项行动；二是建立执法检查“回头看”机制；三是加强执法人员培训。
整改进展：【已完成】专项行动检查企业312家，立案查处48起；对已检查企业开展“回头看”；组织执法培训2期，培训120人次。
问题二：应急物资储备不足
整改措施：一是补充储备防汛物资；二是建立应急物资动态管理台账。
整改进展：【正在推进】新增储备冲锋舟6艘；台账正在建立。
三、下一步工作打算
局党组将持续抓好未完成事项。
中共西河县应急管理局党组
2025年7月10日
"""


def test_a_status_tag_opening_the_progress_is_the_issues_status_and_no_words_of_it() -> None:
    ledger = parse_notice(TAGGED_PROGRESS).ledger
    first, second = ledger.issues()
    assert [m.progress for m in first.measures] == [
        "专项行动检查企业312家，立案查处48起。", "对已检查企业开展“回头看”", "组织执法培训2期，培训120人次。"]
    assert all(m.status is Status.DONE and not m.status_inferred for m in first.measures)
    assert all(m.status is Status.IN_PROGRESS and not m.status_inferred for m in second.measures)
    assert not any("【" in m.progress for i in ledger.issues() for m in i.measures)


# ---------------------------------------------------------------------------
# 7. What the clerk left unfinished in a cell
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "progress", "published"), [
    ("开展专题培训", "已组织培训XX次，参训XX人", "开展专题培训，已组织培训【请填写】次，参训【请填写】人"),
    ("开展专题培训", "于2025年X月召开专题会议", "开展专题培训，于2025年【请填写】月召开专题会议"),
    ("开展专题培训", "已组织培训××次", "开展专题培训，已组织培训【请填写】次"),
    ("制定《XX县XX管理办法》", "已印发", "制定《【请填写】县【请填写】管理办法》，已印发"),
    # letters of a word and a multiplication sign are no figures left to fill in
    ("购置X光机", "已购置X光机1台，3×4米", "已购置X光机1台，3×4米"),
])
def test_a_figure_left_to_fill_in_is_shown_as_a_placeholder(action: str, progress: str, published: str) -> None:
    assert _said(action, progress, Status.DONE) == published


@pytest.mark.parametrize("progress", [
    "已培训3次？", "已培训3次???", "已培训3次（数字待核）", "已培训3次（此处需更新）"])
def test_the_clerks_doubts_are_not_published(progress: str) -> None:
    assert _said("开展专题培训", progress, Status.DONE) == "开展专题培训，已培训3次"


def test_a_phrase_the_cells_width_wrapped_is_one_phrase(tmp_path: Path) -> None:
    notice = _notice(tmp_path, [
        _row("学习贯彻上级精神\n不及时", "加强对\n重点领域的监管", "已完成", "建立学习制度\n开展培训3次"),
    ])
    assert "1.学习贯彻上级精神不及时。" in notice
    assert "加强对重点领域的监管" in notice
    assert "建立学习制度；开展培训3次" in notice  # two things on two lines stay two


def test_a_pointer_to_a_document_is_no_progress() -> None:
    # "已完成，详见《…办法》": 详见 points the ledger's reader to the papers; the notice has none
    assert _said("建立督查检查计划管理制度", "已完成，详见《督查检查计划管理办法》", Status.DONE) \
        == "建立督查检查计划管理制度，已完成"


def test_a_list_inside_a_numbered_measure_is_said_without_its_numbers(tmp_path: Path) -> None:
    notice = _notice(tmp_path, [
        _row("制度建设不健全", "加强制度建设", "已完成",
             "主要做了三方面工作：一是召开专题会议3次；二是印发制度文件2个；三是开展培训1次。"),
        _row("制度建设不健全", "完善内控", "已完成", "已完成以下工作：（1）召开专题会议3次；（2）印发制度文件2个。"),
        _row("制度建设不健全", "开展检查", "已完成", "截至9月底：1、召开专题会议3次 2、检查科室12个"),
    ])
    body = notice[notice.index("1.制度建设不健全"):notice.index("三、")]
    assert body.count("一是") == 1 and body.count("二是") == 1 and "（1）" not in body
    assert "主要做了三方面工作：召开专题会议3次；印发制度文件2个；开展培训1次。" in body
    assert "截至9月底：召开专题会议3次；检查科室12个。" in body
    # one measure is printed with no number: its own list keeps its numbers
    single = _notice(tmp_path, [_row("制度建设不健全", "加强制度建设", "已完成",
                                     "主要做了两方面工作：一是召开专题会议3次；二是印发制度文件2个。")], name="b.xlsx")
    assert "主要做了两方面工作：一是召开专题会议3次；二是印发制度文件2个。" in single


def test_a_completion_date_under_its_label_and_spaces_between_chinese() -> None:
    assert _said("加强制度建设", "完成时间：2025年6月", Status.DONE) == "加强制度建设，已完成"
    assert _as_printed("召开专题会议3次。 下一步将继续完善") == "召开专题会议3次。下一步将继续完善"
    assert _as_printed("（一）　党的领导方面") == "（一）党的领导方面"
    assert _as_printed("联系方式：电话 0736-7221234") == "联系方式：电话 0736-7221234"


def test_notes_to_the_office_in_the_sections_prose_are_not_published(tmp_path: Path) -> None:
    notice = _notice(tmp_path, [_row("制度建设不健全", "建立台账", "已完成", "已建立")], info={
        **INFO, "一、": "局党组成立领导小组，召开会议5次（请综合科完善）研究整改。（此段请办公室补充）",
        "三、": "下一步，局党组将持续巩固整改成果。联系人：张三，13812345678。具体整改情况见附件。"})
    assert "局党组成立领导小组，召开会议5次研究整改。" in notice
    assert "下一步，局党组将持续巩固整改成果。具体整改情况见附件。" in notice
    assert not any(w in notice for w in ("请综合科", "此段", "张三", "13812345678"))
