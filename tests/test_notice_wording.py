"""The words a reader of a published notice checks: 巡视 or 巡察 throughout, no bare date or bare
reason published as a measure's progress, no progress cut down to a count, and a notice's own
"整改措施：… 整改进展：…" kept when it is written again.

The ledgers are small workbooks written here (read through the real reader) or model objects.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from rectxl.core.letters import plan_reminders
from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice import parse_notice, render_notice, render_section_two
from rectxl.core.notice.render import measure_sentence, notice_blocks
from rectxl.core.status import Status
from rectxl.core.summary import notice_totals_sentence, summarize, totals_sentence
from rectxl.io.docx_notice import write_notice_docx
from rectxl.io.letters_docx import build_letters_document
from rectxl.io.reader import read_ledger

AS_OF = date(2025, 6, 30)
HEADER = ["序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"]


def _workbook(path: Path, rows: list[list[Any]], info: dict[str, str],
              header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(header)
    for row in rows:
        ws.append(row)
    sheet = wb.create_sheet("基本信息")
    sheet.append(["项目", "内容"])
    for key, value in info.items():
        sheet.append([key, value])
    wb.save(path)
    return path


SOE_ROWS = [
    [1, "1.主业投资占比偏低", "制定集团主业投资三年行动方案", "战略发展部", "2025年5月31日", "已完成",
     "已印发行动方案"],
    [2, "1.主业投资占比偏低", "清理退出非主业业务", "战略发展部", "2025年12月31日", "正在推进",
     "已退出参股企业3家"],
    [3, "2.子公司债务风险较高", "建立债务风险月度监测机制", "财务部", "2025年4月30日", "已完成", ""],
    [4, "2.子公司债务风险较高", "追回违规支付工程款", "审计部", "2025年5月31日", "未完成",
     "已追回80万元"],
]


def _info(group: str) -> dict[str, str]:
    return {"单位名称": "X集团有限公司党委", "党组织名称": "中共X集团有限公司委员会", "巡察组": group,
            "巡察开始": "2024-10-08", "巡察结束": "2024-12-20", "反馈日期": "2025-02-20",
            "报告日期": "2025-06-30", "联系电话": "0851-1234567"}


@pytest.fixture(scope="module")
def xunshi(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    path = tmp_path_factory.mktemp("xunshi") / "巡视整改台账.xlsx"
    return read_ledger(_workbook(path, SOE_ROWS, _info("省委第五巡视组")))


@pytest.fixture(scope="module")
def xuncha(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    path = tmp_path_factory.mktemp("xuncha") / "巡察整改台账.xlsx"
    return read_ledger(_workbook(path, SOE_ROWS, _info("县委第三巡察组")))


# ---------------------------------------------------------------------------
# 1. 巡视 or 巡察: one word, decided once
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("info", "word"), [
    (LedgerInfo(inspection_group="省委第五巡视组"), "巡视"),
    (LedgerInfo(inspection_group="区委第三巡察组"), "巡察"),
    (LedgerInfo(inspection_group="省委第二巡視組"), "巡视"),  # traditional characters
    (LedgerInfo(), "巡察"),
    (LedgerInfo(title="中共某厅党组关于巡视整改进展情况的通报"), "巡视"),
    # the group settles it before a title that says otherwise
    (LedgerInfo(inspection_group="市委第一巡察组", title="关于巡视整改进展情况的通报"), "巡察"),
    # every 巡察 notice cites the 巡视工作条例: that is not the round
    (LedgerInfo(preamble="区委第三巡察组对区卫生健康局党组进行了巡察。根据《中国共产党巡视工作条例》"
                         "有关规定，现将巡察整改进展情况予以公布。"), "巡察"),
    (LedgerInfo(preamble="省委第六巡视组对我厅党组进行了巡视，并反馈了巡视意见。"), "巡视"),
    (LedgerInfo(heading_two="巡视反馈问题整改落实情况"), "巡视"),
])
def test_inspection_word(info: LedgerInfo, word: str) -> None:
    assert info.inspection_word == word


def test_a_xunshi_notice_says_xunshi_throughout(xunshi: Ledger) -> None:
    text = render_notice(xunshi)
    lines = [line.strip("\u3000") for line in text.splitlines() if line.strip()]
    assert lines[0] == "中共X集团有限公司委员会关于巡视整改进展情况的通报"
    assert lines[1] == (
        "根据省委统一部署，2024年10月8日至12月20日，省委第五巡视组对X集团有限公司党委进行了巡视。"
        "2025年2月20日，省委第五巡视组向X集团有限公司党委反馈了巡视意见。"
        "按照巡视工作有关要求，现将巡视整改进展情况予以公布。")
    assert "二、巡视反馈问题整改落实情况" in lines
    assert any(line.startswith("截至2025年6月30日，巡视反馈的2个问题正在整改2个")
               for line in lines)
    assert "欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。" in lines
    assert "巡察" not in text
    # the placeholders name the round too
    bare = render_notice(Ledger(info=LedgerInfo(title="关于巡视整改进展情况的通报")))
    assert "【请填写巡视组】" in bare and "【请填写巡视起止日期】" in bare and "巡察" not in bare


def test_a_xuncha_notice_keeps_xuncha(xuncha: Ledger) -> None:
    text = render_notice(xuncha)
    assert "巡视" not in text
    assert "关于巡察整改进展情况的通报" in text and "二、巡察反馈问题整改落实情况" in text
    assert "截至2025年6月30日，巡察反馈的2个问题" in text


def test_a_xunshi_notice_parses_back_as_xunshi(xunshi: Ledger) -> None:
    text = render_notice(xunshi)
    parsed = parse_notice(text)
    info = parsed.ledger.info
    assert info.title == "中共X集团有限公司委员会关于巡视整改进展情况的通报"
    assert info.inspection_group == "省委第五巡视组" and info.feedback_date == date(2025, 2, 20)
    assert info.inspection_word == "巡视"
    assert [len(i.measures) for i in parsed.ledger.issues()] == [2, 2]
    assert not any(c.ok is False for c in parsed.total_checks), [c.message for c in parsed.total_checks]
    assert any(c.item == "issues" and c.ok for c in parsed.total_checks)  # "巡视反馈的2个问题" read
    again = render_notice(parsed.ledger)
    assert "巡察" not in again
    assert render_section_two(parse_notice(again).ledger) == render_section_two(parsed.ledger)


def test_summary_letters_and_documents_say_xunshi(xunshi: Ledger, tmp_path: Path) -> None:
    assert totals_sentence(summarize(xunshi, AS_OF)).startswith("截至2025年6月30日，巡视反馈的2个问题")
    assert notice_totals_sentence(xunshi, AS_OF).startswith("截至2025年6月30日，巡视反馈的2个问题")
    plan = plan_reminders(xunshi, as_of=AS_OF, warn_days=(20, 10))
    assert plan.title.startswith("X集团有限公司党委巡视整改提醒清单")
    letters = [letter for unit in plan.units for letter in unit.letters]
    assert {letter.title for letter in letters} == {"关于巡视反馈问题整改逾期事项的督办通知"}
    assert all("巡察" not in letter.text() for letter in letters)
    assert "你部牵头负责的巡视反馈问题整改措施中" in letters[0].opening[0]  # a 部 is addressed as one
    assert build_letters_document(plan.units[0]).core_properties.subject.startswith("巡视整改督办通知")
    path = write_notice_docx(xunshi, tmp_path / "通报.docx")
    document = docx.Document(str(path))
    assert document.core_properties.subject == "巡视整改进展情况通报"
    assert not any("巡察" in p.text for p in document.paragraphs)


def test_letters_without_a_group_name_the_round(xunshi: Ledger) -> None:
    info = LedgerInfo(title="关于巡视整改进展情况的通报", unit_name="某厅")
    ledger = Ledger(info=info, aspects=xunshi.aspects)
    plan = plan_reminders(ledger, as_of=AS_OF, warn_days=(20, 10))
    opening = plan.units[0].letters[0].opening[0]
    assert opening.startswith("按照巡视反馈意见整改工作安排，截至2025年6月30日")


# ---------------------------------------------------------------------------
# 2-4. A clerk's cells as one sentence each
# ---------------------------------------------------------------------------

def _sentences(ledger: Ledger) -> list[str]:
    """Each measure's sentence as the notice prints it (its 一是 marker taken off)."""
    out = []
    for kind, text in notice_blocks(ledger):
        if kind == "issue":
            out += [s for s in re.split(r"[一二三四五六七八九十]+是", text.split("。", 1)[1]) if s]
    return out


def test_a_date_in_the_status_cell_is_not_published(tmp_path: Path) -> None:
    header = ["序号", "存在问题", "整改措施", "责任处室", "整改时限", "完成情况"]
    rows = [
        [1, "1.师德师风建设不到位", "开展在职教师有偿补课专项排查，签订师德承诺书", "德育处", "2025-06-30",
         "已完成（2025年5月20日）"],
        [2, "1.师德师风建设不到位", "设立师德师风举报信箱和电话", "德育处", "2025-03-31", "完成 2025.4.30"],
        [3, "2.食堂管理不规范", "对食堂从业人员开展健康证核查", "总务处", "2025-04-30", "已完成（4月15日）"],
        [4, "2.食堂管理不规范", "落实食堂陪餐制度", "总务处", "2025-08-31", "已完成（2025-05-06）"],
    ]
    ledger = read_ledger(_workbook(tmp_path / "学校台账.xlsx", rows,
                                   {"单位名称": "某中学党支部", "报告日期": "2025-06-30"}, header))
    assert _sentences(ledger) == [
        "开展在职教师有偿补课专项排查，签订师德承诺书，已完成。",
        "设立师德师风举报信箱和电话，已完成。",
        "对食堂从业人员开展健康证核查，已完成。",
        "落实食堂陪餐制度，已完成。",
    ]


@pytest.mark.parametrize(("progress", "status", "sentence"), [
    ("2025年5月20日", Status.DONE, "设立举报信箱，已完成"),
    ("（2025.4.30）", Status.DONE, "设立举报信箱，已完成"),
    ("4月15日", Status.DONE, "设立举报信箱，已完成"),
    ("2025年5月", Status.IN_PROGRESS, "设立举报信箱，正在推进"),
    ("已完成，2025年5月20日", Status.DONE, "设立举报信箱，已完成"),
    ("已完成（2025年5月20日）", Status.DONE, "设立举报信箱，已完成"),  # in the progress column
    ("完成 2025.4.30", Status.DONE, "设立举报信箱，已完成"),
    # a date with something done is progress, kept
    ("2025年5月20日已开通举报电话", Status.DONE, "设立举报信箱，2025年5月20日已开通举报电话"),
])
def test_a_progress_that_is_only_a_date(progress: str, status: Status, sentence: str) -> None:
    assert measure_sentence(Measure(text="设立举报信箱", progress=progress, status=status)) == sentence


def test_a_reason_says_the_measure_is_unfinished(tmp_path: Path) -> None:
    rows = [[1, "1.招投标违规问题多发", "追回违规支付工程款，追究相关人员责任", "X建设公司", "2025-05-31",
             "未完成（原因：涉及历史遗留问题，需上级审批）", ""]]
    ledger = read_ledger(_workbook(tmp_path / "原因.xlsx", rows, {"报告日期": "2025-06-30"}))
    assert _sentences(ledger) == [
        "追回违规支付工程款，追究相关人员责任，因涉及历史遗留问题，需上级审批，尚未完成。"]


@pytest.mark.parametrize(("progress", "status", "sentence"), [
    ("原因：资金未到位", Status.IN_PROGRESS, "建设监管平台，因资金未到位，尚未完成"),
    ("原因是上级政策尚未出台", Status.MOSTLY_DONE, "建设监管平台，因上级政策尚未出台，尚未全部完成"),
    ("（原因：资金未到位）", None, "建设监管平台，因资金未到位，尚未完成"),
    ("未完成原因：由于场地未落实", Status.NOT_STARTED, "建设监管平台，由于场地未落实，尚未启动"),
    # a reason of several sentences follows the outcome
    ("原因：资金未到位。已申请追加预算", Status.IN_PROGRESS,
     "建设监管平台，尚未完成。原因：资金未到位。已申请追加预算"),
])
def test_a_reason_is_published_with_the_outcome(progress: str, status: Status | None,
                                                 sentence: str) -> None:
    assert measure_sentence(Measure(text="建设监管平台", progress=progress, status=status)) == sentence


@pytest.mark.parametrize(("text", "progress", "sentence"), [
    # the result opens with the action's last words and then only counts: kept whole
    ("开展支部记录本交叉检查", "交叉检查12个支部", "开展支部记录本交叉检查，交叉检查12个支部"),
    ("对近两年“三重一大”事项开展回头看", "回头看事项42项，发现问题3个，已整改",
     "对近两年“三重一大”事项开展回头看，回头看事项42项，发现问题3个，已整改"),
    ("对乡镇负责人进行提醒谈话", "提醒谈话5人次", "对乡镇负责人进行提醒谈话，提醒谈话5人次"),
    # ... and then says how far it got: the repeated words go
    ("开展内部巡查", "内部巡查已完成，资料已归档", "开展内部巡查，已完成，资料已归档"),
    ("建立群众办事回访制度", "回访制度征求意见中", "建立群众办事回访制度，征求意见中"),
    ("开展内部巡查", "内部巡查于5月完成", "开展内部巡查，于5月完成"),
])
def test_progress_keeps_its_verb(text: str, progress: str, sentence: str) -> None:
    assert measure_sentence(Measure(text=text, progress=progress, status=Status.DONE)) == sentence


# ---------------------------------------------------------------------------
# 5. A measure read back from a notice keeps the progress the notice gave it
# ---------------------------------------------------------------------------

LABELLED = """
中共某镇委员会关于巡察整改进展情况的通报
　　二、巡察反馈问题整改落实情况
1.农村“三资”台账不完整。
整改措施：更换村级财务软件；建立资产月报制度。
整改进展：已更换财务软件12套；月报制度已印发。
2.惠农补贴公示不规范。一是规范补贴公示格式。整改进展：已基本完成，尚有2个村公示栏待更换。二是开展补贴发放“回头看”。\
整改进展：已完成。
　　三、下一步工作打算
　　镇党委将持续推进整改。
"""


@pytest.mark.parametrize(("measure", "sentence"), [
    (Measure(text="更换村级财务软件。", progress="已更换财务软件12套。", status=Status.DONE,
             status_inferred=True), "更换村级财务软件，已更换财务软件12套。"),
    (Measure(text="开展补贴发放“回头看”。", progress="已完成。", status=Status.DONE,
             status_inferred=True), "开展补贴发放“回头看”，已完成。"),
    # the progress that restates the measure, or that is the measure and more, is printed alone
    (Measure(text="开展排查。", progress="已开展排查，发现问题3个。", status=Status.DONE,
             status_inferred=True), "已开展排查，发现问题3个。"),
    (Measure(text="引入第三方服务。", progress="引入第三方服务。第三方服务正在招标中。",
             status=Status.IN_PROGRESS, status_inferred=True), "引入第三方服务。第三方服务正在招标中。"),
    (Measure(text="已建立学习制度。", progress="已建立学习制度。", status=Status.DONE,
             status_inferred=True), "已建立学习制度。"),
])
def test_a_notice_measure_keeps_its_progress(measure: Measure, sentence: str) -> None:
    assert measure_sentence(measure) == sentence


def test_labelled_progress_survives_parse_render_parse() -> None:
    parsed = parse_notice(LABELLED)
    measures = list(parsed.ledger.measures())
    assert [m.progress for m in measures] == ["已更换财务软件12套。", "月报制度已印发。",
                                              "已基本完成，尚有2个村公示栏待更换。", "已完成。"]
    once = render_notice(parsed.ledger)
    assert "更换村级财务软件，已更换财务软件12套。" in once
    assert "建立资产月报制度，月报制度已印发。" in once
    assert "一是规范补贴公示格式，已基本完成，尚有2个村公示栏待更换。二是开展补贴发放“回头看”，已完成。" in once
    back = parse_notice(once)
    assert [len(i.measures) for i in back.ledger.issues()] == [2, 2]
    for first, again in zip(measures, back.ledger.measures(), strict=True):
        assert again.text.startswith(first.text.rstrip("。；;"))
    assert render_notice(back.ledger) == once


def test_a_notice_without_labels_is_printed_as_published() -> None:
    ledger = Ledger(aspects=[Aspect(title="关于作风建设方面", categories=[Category(issues=[
        Issue(title="会议过多", measures=[Measure(text="精简会议12个。", progress="精简会议12个。",
                                              status=Status.DONE, status_inferred=True)])])])])
    assert render_section_two(ledger).split("\n")[1] == "1.会议过多。精简会议12个。"


@pytest.mark.parametrize(("title", "lines"), [
    ("县财政局党组关于巡察整改进展情况的通报", ["县财政局党组关于巡察整改进展情况的通报"]),  # fits one line
    ("中共青石县柳河镇委员会关于巡察整改进展情况的通报", ["中共青石县柳河镇委员会", "关于巡察整改进展情况的通报"]),
    ("X集团有限公司党委关于巡视整改进展情况的通报", ["X集团有限公司党委", "关于巡视整改进展情况的通报"]),
])
def test_a_long_title_breaks_where_the_words_allow(title: str, lines: list[str]) -> None:
    """GB/T 9704 7.3.3: a title that does not fit one line (20 characters of 二号) is broken into
    whole words ("…委员会／关于…的通报"), not wherever the line runs out ("…进展情／况的通报")."""
    from rectxl.io.docx_notice import title_lines

    assert title_lines(title) == lines


def test_the_broken_title_reads_back_whole(tmp_path: Path) -> None:
    import zipfile

    from rectxl.io.docx_notice import write_notice_docx
    from rectxl.io.notice_file import read_notice_file

    ledger = read_ledger(_workbook(tmp_path / "台账.xlsx", SOE_ROWS,
                                   {"单位名称": "青石县柳河镇", "党组织名称": "中共青石县柳河镇委员会"}))
    path = write_notice_docx(ledger, tmp_path / "通报.docx")
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "中共青石县柳河镇委员会</w:t><w:br/><w:t>关于巡察整改进展情况的通报" in body
    parsed = parse_notice(read_notice_file(path))
    assert parsed.ledger.info.title == "中共青石县柳河镇委员会关于巡察整改进展情况的通报"
