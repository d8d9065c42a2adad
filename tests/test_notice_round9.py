"""Notices round 9: notices of agencies the earlier rounds had not seen (a 市属国企, a 高校, a
乡镇's 专项巡察, a 市直机关 under 巡察"回头看", a 市委巡察办's round of several units) parsed back,
and notices rendered from ledgers written in other offices' words, read as the published notice.

Parsing: a heading listing its problems (一是…；二是…) and answering them in a list that is not
one to one (三是 for two problems, 针对问题三 for two) is read as one issue — the problems joined —
answered by every measure, and the reader is told so (the whole paragraph had been the aspect's
title, with no issue under it); an inspection written in months (2024年6月至7月, 5月下旬至6月底) is
dated from the first of the one to the last of the other, and a feedback written as a month
(2024年9月，…反馈了巡察意见, 8月下旬) as its first day (the 11th, the 21st) — they had been left
undated; a count of 反馈问题 after 截至… is no feedback (the feedback date had been the 截至 date);
a service hotline given first (0755-12315（…热线），0755-83070123（局办公室）) leaves the office's
number the contact phone.

Rendering: an aspect of a ledger with categories named as its field (党的政治建设方面) is headed
第一方面，党的政治建设方面的问题 — not 第一方面问题，党的政治建设方面 — and read back as that aspect;
a notice from a ledger whose 整改状态 column is blank in every row tells the clerk, and exits 1
(it had been written without a totals sentence and exit 0; a ledger read back from a notice, with
its 推断状态 column, is not told); section 二's introduction pointing to a table below
(具体整改情况见下表。) is not printed above items printed as paragraphs.

Every notice and ledger here is written for this file about fictional units.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from rectxl.cli import main
from rectxl.core.model import Aspect, Category, Issue, Ledger, Measure
from rectxl.core.notice import parse_notice, render_notice, render_section_two
from rectxl.core.status import Status
from rectxl.io.notice_file import read_notice_file

# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------

_HEAD = """中共某市城市建设投资集团有限公司委员会关于市委巡察整改进展情况的通报

根据市委统一部署，2024年3月12日至5月20日，市委第四巡察组对市城投集团党委开展了常规巡察。2024年7月5日，\
市委第四巡察组向市城投集团党委反馈了巡察意见。现将巡察整改进展情况予以公布。

一、整改工作组织情况

集团党委成立整改工作领导小组，建立问题、任务、责任“三张清单”。

二、巡察反馈问题整改落实情况

"""
_TAIL = """
三、下一步工作打算

集团党委将持续巩固整改成果。

欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0571-88001234。

中共某市城市建设投资集团有限公司委员会
2024年11月20日
"""

UNPAIRED = _HEAD + """（一）贯彻落实党中央决策部署方面。巡察反馈的问题主要有：一是服务全市重大项目建设主动性不强；\
二是国有资产监管存在薄弱环节。整改情况：一是制定《集团服务重大项目建设工作方案》，已完成。二是开展国有资产\
全面清查，已清查资产12.6亿元。三是修订《集团资产管理办法》，正在推进。

（二）全面从严治党方面。巡察反馈的问题主要有：一是“两个责任”落实不到位；二是违规发放津补贴。整改情况：\
针对问题一，制定党委落实全面从严治党主体责任清单，已完成。针对问题二，已追回违规发放津补贴4.3万元，已完成。
""" + _TAIL


def test_problems_answered_in_more_items_than_listed_are_one_issue_with_every_measure() -> None:
    parsed = parse_notice(UNPAIRED)
    first, second = parsed.ledger.aspects
    assert first.title == "贯彻落实党中央决策部署方面"
    (issue,) = list(first.issues())
    assert issue.title == "服务全市重大项目建设主动性不强；国有资产监管存在薄弱环节"
    assert [m.text for m in issue.measures] == [
        "制定《集团服务重大项目建设工作方案》，已完成。", "开展国有资产全面清查，已清查资产12.6亿元。",
        "修订《集团资产管理办法》，正在推进。"]
    assert [m.status for m in issue.measures] == [Status.DONE, Status.DONE, Status.IN_PROGRESS]
    # the paired aspect is read one issue a problem, as before
    assert [i.title for i in second.issues()] == ["“两个责任”落实不到位", "违规发放津补贴"]
    assert any("列出2个问题，整改情况却写了3条，不能逐一对应" in w for w in parsed.warnings)
    assert not any("全面从严治党" in w for w in parsed.warnings)


def test_problems_answered_by_number_past_the_last_are_one_issue() -> None:
    text = _HEAD + """（一）上轮巡察整改不彻底方面

巡察指出的问题主要有：一是上轮巡察反馈的食品安全抽检问题整改不到位；二是整改“清单化”管理流于形式。整改情况：\
针对问题一，重新梳理上轮巡察整改台账，已完成。针对问题二，建立整改事项季度评估机制，已评估2次。针对问题三，\
对整改不力的2名责任人进行约谈提醒，已完成。
""" + _TAIL
    parsed = parse_notice(text)
    (issue,) = list(parsed.ledger.issues())
    assert issue.title == "上轮巡察反馈的食品安全抽检问题整改不到位；整改“清单化”管理流于形式"
    # each answer a measure, without its 针对问题N，
    assert [m.text for m in issue.measures] == [
        "重新梳理上轮巡察整改台账，已完成。", "建立整改事项季度评估机制，已评估2次。",
        "对整改不力的2名责任人进行约谈提醒，已完成。"]
    assert any("列出2个问题，整改情况却写了3条" in w for w in parsed.warnings)


def _preamble(sentences: str) -> str:
    return f"""中共某某理工大学委员会关于巡视整改进展情况的通报

{sentences}现将巡视整改进展情况予以公布。

一、学校党委履行整改主体责任情况

学校党委成立巡视整改工作领导小组。

二、巡视反馈问题整改落实情况

（一）关于落实立德树人根本任务方面

1.思想政治工作体系不够健全的问题

整改情况：一是修订《思想政治工作质量提升实施方案》，已印发实施。二是开展辅导员专项培训2期。

三、下一步工作打算

持续推进整改。

中共某某理工大学委员会
2025年1月15日
"""


@pytest.mark.parametrize(("sentences", "start", "end", "feedback"), [
    ("根据省委统一部署，2024年6月至7月，省委第八巡视组对学校党委开展了常规巡视。2024年9月，省委第八巡视组向学校"
     "党委反馈了巡视意见。", date(2024, 6, 1), date(2024, 7, 31), date(2024, 9, 1)),
    ("县委第二巡察组于2024年5月下旬至6月底对学校党委开展了专项巡察，并于2024年8月16日反馈了巡察意见。",
     date(2024, 5, 21), date(2024, 6, 30), date(2024, 8, 16)),
    ("2024年11月至2025年1月，省委第八巡视组对学校党委开展了巡视。2025年3月中旬，省委第八巡视组向学校党委"
     "反馈了巡视意见。", date(2024, 11, 1), date(2025, 1, 31), date(2025, 3, 11)),
    ("2024年11月至1月，省委第八巡视组对学校党委开展了巡视。", date(2024, 11, 1), date(2025, 1, 31), None),
])
def test_an_inspection_written_in_months_is_dated(sentences: str, start: date, end: date,
                                                   feedback: date | None) -> None:
    info = parse_notice(_preamble(sentences)).ledger.info
    assert (info.inspection_start, info.inspection_end, info.feedback_date) == (start, end, feedback)


def test_a_day_given_still_wins_over_the_month() -> None:
    info = parse_notice(_preamble("2024年4月8日至6月21日，省委第八巡视组对学校党委开展了巡视。2024年9月29日，"
                                  "省委第八巡视组向学校党委反馈了巡视意见。")).ledger.info
    assert (info.inspection_start, info.inspection_end, info.feedback_date) == (
        date(2024, 4, 8), date(2024, 6, 21), date(2024, 9, 29))


ROUND_OF_UNITS = """中共某某市委巡察工作领导小组办公室关于十届市委第三轮巡察整改进展情况的通报

根据市委统一部署，2024年3月至5月，十届市委第三轮巡察对市教育局、市民政局等8个单位党组织开展了常规巡察。\
2024年7月，市委各巡察组分别向被巡察党组织反馈了巡察意见。现将整改进展情况予以通报。

一、整改工作总体情况

各被巡察党组织认真落实整改主体责任，制定整改方案，建立整改台账。

二、整改落实成效

截至2024年12月31日，8个被巡察党组织共认领反馈问题236个，细化整改措施712条，已完成整改218个，\
整改完成率92.4%。

三、下一步工作

市委巡察办将加强整改日常监督。

中共某某市委巡察工作领导小组办公室
2025年1月10日
"""


def test_a_count_of_fed_back_problems_after_a_date_is_no_feedback() -> None:
    parsed = parse_notice(ROUND_OF_UNITS)
    info = parsed.ledger.info
    assert info.feedback_date == date(2024, 7, 1)  # not 截至2024年12月31日
    assert (info.inspection_start, info.inspection_end) == (date(2024, 3, 1), date(2024, 5, 31))
    assert parsed.stated_totals.issues == 236 and parsed.stated_totals.done == 218
    # a round of several units is said to be one
    assert any("这份通报是8个被巡察党组织整改情况的汇总，只公布了整改总数" in w for w in parsed.warnings)


def test_a_hotline_given_first_leaves_the_offices_own_number_the_phone() -> None:
    text = UNPAIRED.replace("联系电话：0571-88001234。",
                            "联系电话：0571-12315（市场监管服务热线），0571-83070123（局办公室）。")
    info = parse_notice(text).ledger.info
    assert info.phone == "0571-83070123"
    assert info.extra.get("联系电话") == "0571-12315"


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _m(text: str, progress: str = "", status: Status | None = Status.DONE) -> Measure:
    return Measure(text=text, progress=progress, status=status)


def _categorised(first: str, second: str) -> Ledger:
    return Ledger(aspects=[
        Aspect(title=first, categories=[Category(title="意识形态工作责任制落实不力", issues=[
            Issue(title="意识形态阵地管理存在漏洞", measures=[_m("全面清理委属单位微信公众号", "清理关停5个")])])]),
        Aspect(title=second, categories=[Category(title="主体责任落实不到位", issues=[
            Issue(title="对委属医院监督管理偏松偏软", measures=[_m("建立述责述廉制度", "已印发办法")])])]),
    ])


def test_an_aspect_named_as_its_field_is_headed_as_the_problems_of_that_field() -> None:
    lines = render_section_two(_categorised("一、党的政治建设方面", "全面从严治党方面存在的问题"),
                               totals=False).splitlines()
    assert lines[0] == "第一方面，党的政治建设方面的问题"
    assert lines[3] == "第二方面，全面从严治党方面存在的问题"
    # an aspect said as its problem (seed 000) keeps 第一方面问题，
    lines = render_section_two(_categorised("政治建设不够有力，推动卫生健康事业发展有差距", "作风建设方面"),
                               totals=False).splitlines()
    assert lines[0] == "第一方面问题，政治建设不够有力，推动卫生健康事业发展有差距"
    assert lines[3] == "第二方面，作风建设方面的问题"


def test_the_heading_of_an_aspect_named_as_its_field_reads_back_as_that_aspect() -> None:
    ledger = _categorised("党的政治建设方面", "全面从严治党方面")
    notice = render_notice(ledger)
    again = parse_notice(notice).ledger
    assert [a.title for a in again.aspects] == ["党的政治建设方面", "全面从严治党方面"]
    assert [c.title for a in again.aspects for c in a.categories] == [
        "意识形态工作责任制落实不力", "主体责任落实不到位"]


def test_a_pointer_to_a_table_below_is_not_printed_above_paragraphs() -> None:
    ledger = Ledger(aspects=[Aspect(categories=[Category(issues=[
        Issue(title="防止返贫动态监测帮扶不精准", measures=[_m("开展防返贫集中排查", "排查农户3156户")])])])])
    ledger.info.section_two_intro = "镇党委对照问题逐项整改。具体整改情况见下表。"
    lines = render_section_two(ledger, totals=False).splitlines()
    assert lines == ["镇党委对照问题逐项整改。", "1.防止返贫动态监测帮扶不精准。开展防返贫集中排查，排查农户3156户。"]


TOWN_HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任办（站、所）", "责任人", "整改时限", "整改状态",
               "进展情况"]
TOWN_ROWS = [
    [1, "村级集体“三资”管理不规范", "对全镇14个村集体资产开展清产核资", "镇长", "农业综合服务中心", "周某",
     "2025年8月底", "", "已完成14个村清产核资"],
    [2, "村级集体“三资”管理不规范", "推行“村财镇管”", "镇长", "财政所", "吴某", "2025年10月底", "",
     "已制定《村级财务管理办法》"],
    [3, "为民办实事成效不明显", "建立“镇村干部包片联户”制度", "党委书记", "党政办", "郑某", "2025年7月底", "",
     "已建立"],
]


def _town_ledger(path: Path, statuses: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(["某某镇县委巡察反馈问题整改台账"])
    ws.append(TOWN_HEADER)
    for row, status in zip(TOWN_ROWS, statuses, strict=True):
        ws.append([*row[:7], status, row[8]])
    info = wb.create_sheet("基本信息")
    for pair in (("单位名称", "某某镇"), ("党组织名称", "中共某某镇委员会"), ("巡察组", "县委第三巡察组"),
                 ("反馈日期", "2025-05-12"), ("报告日期", "2025-11-05"), ("联系电话", "0813-5551234")):
        info.append(list(pair))
    wb.save(path)
    return path


def test_a_ledger_with_every_status_blank_tells_the_clerk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _town_ledger(tmp_path / "台账.xlsx", ["", "", ""])
    code = main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert "“整改状态”列的3项措施都没有填写" in out and "通报没有写完成情况的总数句" in out
    assert "已完成整改" not in (tmp_path / "通报.txt").read_text("utf-8")
    # filled in, the notice states its totals and nothing is said
    ledger = _town_ledger(tmp_path / "台账2.xlsx", ["已完成", "已完成", "已完成"])
    code = main(["notice", str(ledger), "-o", str(tmp_path / "通报2.txt")])
    out = capsys.readouterr().out
    assert code == 0 and "注意" not in out
    # every one done is said as a notice says it, not "2个问题已完成整改2个…完成率100%"
    assert "截至2025年11月5日，巡察反馈的2个问题已全部完成整改；3项整改措施已全部完成。" in (
        tmp_path / "通报2.txt").read_text("utf-8")


def test_a_ledger_read_back_from_a_notice_is_not_told_of_blank_statuses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notice = tmp_path / "通报.txt"
    notice.write_text(UNPAIRED, "utf-8")
    assert main(["parse-notice", str(notice), "-o", str(tmp_path / "台账.xlsx")]) == 0
    capsys.readouterr()
    # the one measure whose status was only guessed ("已清查资产12.6亿元") is named for the clerk to
    # confirm; the notice prints no totals, so nothing is said not to add up
    assert main(["notice", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "再生成.txt")]) == 1
    said = capsys.readouterr().out
    assert "整改状态”列" not in said and "合计对不上" not in said
    assert "1 项措施的整改状态未填写或无法识别，通报照写了它们的进展，但台账没有写明它们的状态" in said


def test_a_word_notice_of_a_special_inspection_with_its_items_in_a_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("中共某某县河口镇委员会关于县委乡村振兴领域专项巡察整改进展情况的通报")
    d.add_paragraph("根据县委统一部署，县委第二巡察组于2024年5月下旬至6月底对河口镇党委开展了乡村振兴领域专项巡察，"
                    "并于2024年8月16日反馈了巡察意见。现将整改进展情况公布如下。")
    d.add_paragraph("一、整改工作开展情况")
    d.add_paragraph("镇党委对反馈的2个问题逐项制定整改措施3条。截至2024年12月20日，已完成整改措施2条。")
    d.add_paragraph("二、具体问题整改情况")
    d.add_paragraph("具体整改情况见下表。")
    rows = [("1", "衔接资金项目资产管护不到位", "对12个衔接资金项目资产登记造册", "已登记造册12个", "已完成"),
            ("1", "衔接资金项目资产管护不到位", "盘活闲置扶贫车间2处", "已盘活1处，另1处正在洽谈", "正在推进"),
            ("2", "防止返贫动态监测帮扶不精准", "开展防返贫集中排查", "排查农户3156户", "已完成")]
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ["序号", "反馈问题", "整改措施", "整改进展", "完成情况"], strict=True):
        cell.text = head
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    for col in (0, 1):
        text = table.cell(1, col).text
        table.cell(1, col).merge(table.cell(2, col)).text = text
    for line in ("三、下一步工作打算", "持续跟踪闲置车间盘活工作。", "欢迎监督。联系电话：0836-7321005。",
                 "中共某某县河口镇委员会", "2024年12月25日"):
        d.add_paragraph(line)
    path = tmp_path / "通报.docx"
    d.save(str(path))
    parsed = parse_notice(read_notice_file(path))
    info = parsed.ledger.info
    assert (info.inspection_start, info.inspection_end, info.feedback_date) == (
        date(2024, 5, 21), date(2024, 6, 30), date(2024, 8, 16))
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["衔接资金项目资产管护不到位", "防止返贫动态监测帮扶不精准"]
    assert [[m.status for m in i.measures] for i in issues] == [
        [Status.DONE, Status.IN_PROGRESS], [Status.DONE]]
    assert all(c.ok for c in parsed.total_checks)
    # rendered again, the items are paragraphs: no 见下表 above them
    rendered = render_notice(parsed.ledger)
    assert "见下表" not in rendered
    assert "1.衔接资金项目资产管护不到位。一是对12个衔接资金项目资产登记造册" in rendered


WEB_PAGE = """<html><head><meta charset="gb2312"><title>关于区委巡察整改进展情况的通报_通知公告</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 通知公告</div>
<h1>中共某某区卫生健康委员会党组关于区委巡察整改进展情况的通报</h1>
<div class="info">发布时间：2025-11-12 来源：区卫健委</div>
<div class="content">
<p>　　按照区委统一部署，2025年3月中旬至5月上旬，区委第三巡察组对区卫生健康委员会党组开展了常规巡察。\
2025年6月27日，区委第三巡察组向区卫健委党组反馈了巡察意见。现将整改进展情况公布如下：</p>
<p><strong>一、坚持高位推动，压实整改责任</strong></p>
<p>　　委党组将反馈的3个问题细化为7项整改措施。</p>
<p><strong>二、聚焦问题清单，推进整改落实</strong></p>
<p><strong>问题一：落实公立医院党委领导下的院长负责制不到位。</strong></p>
<p>　　整改措施：修订议事规则；建立党委书记和院长定期沟通制度；开展落实情况专项督查。</p>
<p>　　整改进展：已完成。5家公立医院均已修订议事规则；沟通制度已建立；9月组织专项督查1次。</p>
<p><strong>问题二：医保基金监管存在漏洞。</strong></p>
<p>　　整改措施：开展违规使用医保基金自查自纠；完善医保智能审核规则。</p>
<p>　　整改进展：正在推进。自查自纠已完成，退回违规基金86.7万元；智能审核规则正在完善，预计2026年3月底前上线。</p>
<p><strong>问题三：公务接待管理不规范。</strong></p>
<p>　　整改措施：修订公务接待管理办法；对2023年以来接待费开展清理。</p>
<p>　　整改进展：已完成。</p>
<p><strong>三、巩固整改成果，建立长效机制</strong></p>
<p>　　委党组将持续跟踪未完成事项。联系电话：0351-7023311。</p>
<p style="text-align:right">中共某某区卫生健康委员会党组</p>
<p style="text-align:right">2025年11月12日</p>
</div><div class="foot">主办单位：某某区人民政府办公室</div></body></html>
"""


def test_a_web_page_whose_issues_state_a_status_for_measures_listed_with_semicolons(tmp_path: Path) -> None:
    page = tmp_path / "通报.html"
    page.write_bytes(WEB_PAGE.encode("gb2312"))
    parsed = parse_notice(read_notice_file(page))
    info = parsed.ledger.info
    assert (info.inspection_start, info.inspection_end) == (date(2025, 3, 11), date(2025, 5, 10))
    first, second, third = parsed.ledger.issues()
    assert [m.status for m in first.measures] == [Status.DONE] * 3
    # 正在推进 for the issue, but the account of its first measure says it was done
    assert [m.status for m in second.measures] == [Status.DONE, Status.IN_PROGRESS]
    # "整改措施：A；B。整改进展：已完成。" is two measures, both done (it had been one)
    assert [m.text for m in third.measures] == ["修订公务接待管理办法。", "对2023年以来接待费开展清理。"]
    assert [m.status for m in third.measures] == [Status.DONE, Status.DONE]
    assert all(c.ok for c in parsed.total_checks)
    # written to a ledger and rendered again, the totals count what the sentences say
    assert main(["parse-notice", str(page), "-o", str(tmp_path / "台账.xlsx")]) == 0
    assert main(["notice", str(tmp_path / "台账.xlsx"), "-o", str(tmp_path / "通报.txt")]) == 0
    rendered = (tmp_path / "通报.txt").read_text("utf-8")
    assert "7项整改措施已完成6项、正在推进1项" in rendered
    # numbered as the page numbered its problems, 问题三： (round 21)
    assert ("问题三：公务接待管理不规范。一是修订公务接待管理办法，已完成。二是对2023年以来接待费开展清理，"
            "已完成。") in rendered


HANDED_OVER = """中共某某市司法局党组关于十一届市委第四轮巡察整改进展情况的通报

根据市委统一部署，2024年9月2日至10月31日，市委第六巡察组对市司法局党组开展了常规巡察。2024年12月18日，\
市委第六巡察组向市司法局党组反馈了巡察意见，指出5个问题，移交上轮巡察整改不到位问题2个。现将整改进展情况予以公布。

一、整改工作总体情况

局党组制定《整改工作方案》。截至2025年6月30日，7个问题已完成整改6个，整改完成率85.7%。

二、本轮巡察反馈问题整改情况

（一）落实全面依法治市决策部署方面

1.行政执法监督不到位。整改情况：对32个行政执法部门开展执法案卷评查，评查案卷960卷。已完成。

2.公共法律服务体系建设不均衡。整改情况：新建村（社区）公共法律服务工作室46个。已完成。

（二）领导班子和干部队伍建设方面

3.对基层司法所监督管理薄弱。整改情况：开展司法所规范化建设“回头看”，督促整改问题31个。已完成。

4.干部队伍老化。整改情况：2025年公开遴选年轻干部5名。已完成。

5.干部轮岗交流制度执行不到位。整改情况：对在同一岗位任职满10年的8名干部进行轮岗交流。已完成。

三、上轮巡察整改不到位问题整改情况

6.律师事务所监管不严问题整改不彻底。整改情况：开展律师行业专项整治，查处违规执业律师6名。已完成。

7.社区矫正对象监管不到位问题整改不彻底。整改情况：升级社区矫正信息化监管平台，目前已完成招标，正在建设中。

四、下一步工作打算

局党组将持续抓好未完成事项整改。

中共某某市司法局党组
2025年7月8日
"""


def test_a_section_of_the_issues_handed_over_from_the_round_before_is_read() -> None:
    parsed = parse_notice(HANDED_OVER)
    aspects = parsed.ledger.aspects
    assert [a.title for a in aspects][-1] == "上轮巡察整改不到位问题整改情况"
    assert [i.number for i in aspects[-1].issues()] == [6, 7]  # they had been left out
    assert parsed.ledger.info.heading_three == "下一步工作打算"
    assert [i.measures[0].status for i in aspects[-1].issues()] == [Status.DONE, Status.IN_PROGRESS]
    # 6 of the 7 the body lists: 85.7%, not 6÷5 = 120%
    (rate,) = [c for c in parsed.total_checks if c.item == "rate"]
    assert rate.ok and rate.parsed == 85.7 and "正文列出的7个问题" in rate.message


def test_a_status_in_brackets_going_on_with_a_note_is_stated_and_the_note_is_the_progress() -> None:
    text = _preamble("2025年4月7日至4月30日，省委教育工委第二巡察组对学院党委开展了专项巡察，于2025年6月10日反馈了"
                     "巡察意见。").replace(
        "整改情况：一是修订《思想政治工作质量提升实施方案》，已印发实施。二是开展辅导员专项培训2期。",
        "（1）制定2025—2027年干部教育培训规划（已完成）\n\n"
        "（2）建立干部教育培训学时登记管理制度（正在推进，计划2025年12月底前完成）")
    (issue,) = parse_notice(text).ledger.issues()
    first, second = issue.measures
    assert (first.text, first.status, first.status_inferred) == ("制定2025—2027年干部教育培训规划", Status.DONE, False)
    assert (second.text, second.status, second.status_inferred) == (
        "建立干部教育培训学时登记管理制度", Status.IN_PROGRESS, False)
    assert second.progress == "计划2025年12月底前完成"


def test_a_month_in_section_one_dates_no_feedback() -> None:
    text = _preamble("省委第八巡视组对学校党委开展了常规巡视。").replace(
        "学校党委成立巡视整改工作领导小组。", "2024年10月，学校党委召开专题会议，逐条研究反馈意见。")
    assert parse_notice(text).ledger.info.feedback_date is None
