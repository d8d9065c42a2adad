"""Notices round 11: notices as offices that did not write rectxl publish them — a Word table of
issues with merged cells, an appendix of numbered paragraphs, a PDF copy, a township's web page —
parsed back.

What now reads right:
- a Word table whose 序号/问题 cells are merged down an issue, one measure a row numbered "1." "2."
  "3.": the second and third measures lose their number as the first does — they had kept "2.";
- a row whose status column says the work goes on ("正在整改") while one of its measures' progress
  says it was done ("②已建立"): that measure is done, as under an issue stated to be in progress;
- a PDF copy broken at the page's edge, its lines holding figures longer in characters than the
  others: its lines are joined again (the unit "县卫生健康局党\\n组", the phone "0831-\\n7226610"),
  and a name or number a line break cut is read whole even when the widths give no clue;
- totals: "反馈问题共3个方面10个问题" states 10 problems (not 3), "认领巡察反馈问题3个方面7个" 7,
  "局党组认领反馈问题2个方面5个问题" 2 aspects (the party group claims the whole, not a share),
  "三大类13个问题" 3 aspects;
- "整改措施：一是新建防火通道26公里；…整改进展：…其余工程将于…完工": the first measure is not done
  because its plan reads like a result;
- an appendix after the signature listing the issues as numbered paragraphs ("附件 / …清单 /
  1.…。整改情况：一是…") is read as the items — only a table had been;
- "（立行立改，已完成）" after a title is the issue's status, and 立行立改 its measures' 整改时限; so is
  "整改情况：立行立改。①…" and a measure opening "立行立改，…";
- a document only drafted ("目前已形成初稿", "征求意见稿") is work going on, not done;
- "针对此问题，局党组一是…；二是…" lists its measures after who acts — it had been one measure;
  "问题清单11项…已销号9项" counts problems by 项;
- a table naming its aspects in the problem column ("| | 一、…方面 | | |") and dating a completion
  in its status ("已完成（2025年9月）": 完成时间, not progress); a table of measures alone under
  issues printed on rows of their own merged across ("问题1：…") — its rows had been left unplaced;
- a section "三、其他反馈问题整改情况" after "二、立行立改问题整改情况" is read too (its issues had
  been lost), and the issues of a section of those put right at once have 立行立改 as 整改时限;
- rendered, work going on whose progress reads as done ("已清理8家") says it goes on
  ("…，已清理8家，正在推进") — it had read as done, and was read back so.

Every notice here is written for this file about fictional units.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx

from rectxl.core.model import Issue, Measure
from rectxl.core.notice import parse_notice
from rectxl.core.notice.render import measure_sentence
from rectxl.core.status import Status
from rectxl.io.notice_file import read_notice_file

_HEAD = """中共某某县某某局党组关于县委巡察整改进展情况的通报

根据县委统一部署，2025年4月1日至5月16日，县委第一巡察组对某某局党组进行了巡察。2025年6月25日，\
巡察组向局党组反馈了巡察意见。现将巡察整改进展情况予以公布。

一、整改工作组织情况

{one}

二、巡察反馈问题整改落实情况

"""
_TAIL = """
三、下一步工作安排

局党组将坚持目标不变、标准不降，对未完成事项盯住不放。

欢迎社会各界对巡察整改落实情况予以监督。监督电话：0719-8823456。

中共某某县某某局党组
2025年10月20日
"""


def _issues(text: str) -> list[Issue]:
    return [i for a in parse_notice(text).ledger.aspects for i in a.issues()]


def _notice(body: str, one: str = "局党组成立整改工作领导小组。") -> str:
    return _HEAD.format(one=one) + body + _TAIL


def _merge_down(table: docx.table.Table, top: int, bottom: int, col: int) -> None:
    text = table.cell(top, col).text
    cell = table.cell(top, col).merge(table.cell(bottom, col))
    for p in cell.paragraphs[1:]:
        p._element.getparent().remove(p._element)
    cell.paragraphs[0].text = text


def test_a_word_table_with_merged_issue_cells_numbers_its_measures_by_row(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中共南湖县交通运输局党组关于巡察整改进展情况的通报",
              "根据县委统一部署，2025年4月8日至5月30日，县委第三巡察组对县交通运输局党组开展了常规巡察，"
              "并于2025年7月3日反馈了巡察意见。现将整改进展情况公布如下。",
              "一、整改工作开展情况", "局党组对反馈的2个方面3个问题逐条制定整改措施。",
              "二、反馈问题整改落实情况"]:
        doc.add_paragraph(t)
    rows = [("序号", "反馈问题", "整改措施", "整改进展"),
            ("一、落实党中央决策部署方面", "", "", ""),
            ("1", "农村公路养护资金使用不规范", "1.对养护资金开展专项清查", "已完成，清查资金2860万元"),
            ("", "", "2.修订《农村公路养护资金管理办法》", "已完成"),
            ("", "", "3.建立养护资金季度公示制度", "正在推进"),
            ("二、全面从严治党方面", "", "", ""),
            ("2", "执法人员廉政风险防控不到位", "（1）开展廉政风险点排查", "已完成"),
            ("", "", "（2）组织廉政警示教育2次", "已完成"),
            ("3", "公务用车管理不严格", "1.立行立改，收回违规使用车辆1台", "已完成")]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        if row[1:] == ("", "", ""):
            table.cell(r, 0).merge(table.cell(r, 3)).text = row[0]
            continue
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for col in (0, 1):
        _merge_down(table, 2, 4, col)
        _merge_down(table, 6, 7, col)
    for t in ["三、下一步工作打算", "局党组将持续抓好整改。", "中共南湖县交通运输局党组", "2025年11月25日"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    parsed = parse_notice(read_notice_file(path))
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.title for i in issues] == [
        "农村公路养护资金使用不规范", "执法人员廉政风险防控不到位", "公务用车管理不严格"]
    assert [m.text for m in issues[0].measures] == [
        "对养护资金开展专项清查", "修订《农村公路养护资金管理办法》", "建立养护资金季度公示制度"]
    assert [m.text for m in issues[1].measures] == ["开展廉政风险点排查", "组织廉政警示教育2次"]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.DONE, Status.IN_PROGRESS]
    assert issues[2].measures[0].deadline.text == "立行立改"


def test_a_row_going_on_keeps_the_measure_its_progress_says_is_done(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中共长宁县水利局党组关于县委巡察反馈问题整改进展情况的通报",
              "2025年4月至5月，县委第一巡察组对县水利局党组开展了常规巡察，于2025年7月22日反馈了巡察意见。",
              "二、整改落实情况"]:
        doc.add_paragraph(t)
    rows = [("序号", "问题", "整改措施", "整改进展", "完成情况"),
            ("1", "农村饮水安全保障不到位", "①实施农村供水保障工程；②建立水质检测通报制度",
             "①工程完成投资的80%，预计2026年5月完工；②已建立", "正在整改"),
            ("2", "河湖长制工作推进不力", "①修订河长制考核办法；②开展“清四乱”专项行动",
             "①已印发实施；②清理“四乱”问题37处", "已完成")]
    table = doc.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for t in ["中共长宁县水利局党组", "2025年12月3日"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    issues = [i for a in parse_notice(read_notice_file(path)).ledger.aspects for i in a.issues()]
    assert [(m.text, m.progress, m.status) for m in issues[0].measures] == [
        ("实施农村供水保障工程；", "工程完成投资的80%，预计2026年5月完工；", Status.IN_PROGRESS),
        ("建立水质检测通报制度", "已建立", Status.DONE)]
    assert [m.status for m in issues[1].measures] == [Status.DONE, Status.DONE]


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _pdf_lines(paragraph: str, width: int = 62) -> list[str]:
    """A paragraph as a PDF prints it: broken where the page's edge is, figures half as wide."""
    out, line = [], ""
    for ch in paragraph:
        if _columns(line + ch) > width:
            out.append(line)
            line = ""
        line += ch
    return [*out, line] if line else out


_PDF = [
    "中共临江县卫生健康局党组关于县委第四轮巡察整改进展情况的通报",
    "根据县委统一部署，2025年3月17日至5月16日，县委第二巡察组对县卫生健康局党组开展了常规巡察。"
    "2025年6月28日，县委第二巡察组向局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公开。",
    "一、整改工作组织情况",
    "局党组召开专题会议研究部署整改工作，对反馈的2个方面3个问题逐项制定整改措施，明确责任领导和完成时限。"
    "截至2025年11月10日，3个问题已完成整改2个，剩余1个正在持续推进。",
    "二、反馈问题整改落实情况",
    "（一）落实党中央决策部署方面",
    "1.基层医疗卫生机构服务能力提升缓慢。一是实施基层医疗服务能力提升三年行动，为12家乡镇卫生院配备DR等设备；"
    "二是组织县级医院专家下沉坐诊1860人次。已完成整改。",
    "— 1 —",
    "临江县卫生健康局党组巡察整改进展情况",
    "2.家庭医生签约服务质量不高。一是修订签约服务考核办法；二是对签约服务开展随访抽查，目前抽查工作正在进行中。",
    "（二）全面从严治党方面",
    "1.违规发放津补贴问题。一是追回违规发放津补贴6.3万元；二是修订津补贴发放管理办法。已完成整改。",
    "三、下一步工作打算",
    "局党组将持续推进未完成事项整改，对已完成事项开展“回头看”，巩固整改成果。",
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0831-7226610；电子邮箱：ljwjj@163.com。",
    "中共临江县卫生健康局党组",
    "2025年11月12日",
    "第2页 共2页",
]


def test_a_pdf_copy_broken_at_the_page_edge_is_joined_again() -> None:
    lines = [line for p in _PDF for line in (_pdf_lines(p) if len(p) > 24 else [p])]
    text = "\n".join(lines)
    assert "县卫生健康局党\n组" in text or "县卫\n生健康局" in text  # the break falls inside the name
    parsed = parse_notice(text)
    info = parsed.ledger.info
    assert info.unit_name == "县卫生健康局党组"
    assert info.phone == "0831-7226610"
    assert info.email == "ljwjj@163.com"
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.title for i in issues] == [
        "基层医疗卫生机构服务能力提升缓慢", "家庭医生签约服务质量不高", "违规发放津补贴问题"]
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert issues[0].measures[0].text == "实施基层医疗服务能力提升三年行动，为12家乡镇卫生院配备DR等设备；"
    assert [c.ok for c in parsed.total_checks if c.item in ("aspects", "issues")] == [True, True]


def test_a_name_and_a_phone_a_line_break_cut_are_read_whole() -> None:
    text = _notice("（一）党建方面\n\n1.制度不健全。一是修订制度；二是开展培训。已完成整改。\n")
    text = text.replace("对某某局党组进行", "对某某局党\n组进行").replace("0719-8823456", "0719-\n8823456")
    info = parse_notice(text).ledger.info
    assert info.unit_name == "某某局党组"
    assert info.phone == "0719-8823456"


def test_totals_worded_as_other_offices_word_them() -> None:
    def stated(sentence: str) -> tuple[int | None, int | None]:
        totals = parse_notice(_notice("（一）党建方面\n\n1.制度不健全。一是修订制度；二是开展培训。已完成整改。\n",
                                      one=sentence)).stated_totals
        return totals.aspects, totals.issues

    assert stated("县委巡察组反馈问题共3个方面10个问题，局党组制定整改措施24条。") == (3, 10)
    assert stated("局党组共认领巡察反馈问题3个方面7个，制定整改措施18条。") == (3, 7)
    assert stated("局党组认领反馈问题2个方面5个问题，制定整改措施13条。") == (2, 5)
    assert stated("对照巡察反馈的三大类13个问题，局党组细化制定整改措施35条。") == (3, 13)
    # one member's share stays a share
    assert stated("班子成员认领反馈问题3个，制定整改措施9条。") == (None, None)


def test_a_plan_reading_like_a_result_is_as_far_as_the_issues_progress_says() -> None:
    body = """（一）安全生产方面

问题一：森林防火基础设施建设滞后。
整改措施：一是新建防火通道26公里；二是新建蓄水池8个。
整改进展：防火通道已完成18公里，蓄水池已建成5个，其余工程将于2026年3月底前完工。

问题二：林长制落实不畅通。
整改措施：一是修订林长制考核办法；二是建立巡林通报制度。
整改进展：已完成。共开展巡林通报2期。
"""
    issues = _issues(_notice(body))
    assert [m.status for m in issues[0].measures] == [Status.IN_PROGRESS, Status.IN_PROGRESS]
    assert [m.status for m in issues[1].measures] == [Status.DONE, Status.DONE]


def test_an_appendix_of_numbered_paragraphs_holds_the_items(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中国共产党青松街道工作委员会关于区委巡察整改进展情况的通报",
              "根据区委统一部署，区委第四巡察组于2025年3月18日至5月9日对青松街道党工委开展了常规巡察，"
              "2025年6月30日反馈了巡察意见。现将整改进展情况通报如下。",
              "一、整改工作开展情况",
              "街道党工委对巡察反馈的3个问题逐项建立台账，已完成整改2个，1个正在推进。具体整改情况见附件。",
              "二、下一步工作打算", "街道党工委将持续巩固整改成果。",
              "中国共产党青松街道工作委员会", "2025年11月20日",
              "附件", "青松街道巡察反馈问题整改情况清单",
              "1.社区“微腐败”问题整治不彻底。整改情况：一是对12个社区财务开展交叉检查；二是建立“小微权力”清单。已完成。",
              "2.老旧小区改造推进缓慢。整改情况：一是加快推进4个小区改造；二是建立周调度机制。正在推进。",
              "3.网格员队伍管理松散。整改情况：制定网格员考核办法，已完成。"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    parsed = parse_notice(read_notice_file(path))
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.title for i in issues] == ["社区“微腐败”问题整治不彻底", "老旧小区改造推进缓慢", "网格员队伍管理松散"]
    assert [len(i.measures) for i in issues] == [2, 2, 1]
    assert [i.measures[0].status for i in issues] == [Status.DONE, Status.IN_PROGRESS, Status.DONE]
    assert [c.ok for c in parsed.total_checks if c.item == "issues"] == [True]
    assert parsed.ledger.info.party_org == "中国共产党青松街道工作委员会"


def test_put_right_at_once_is_the_measures_deadline() -> None:
    body = """第一方面：作风建设方面

问题1：公务用车使用登记不全（立行立改，已完成）
整改情况：完善公务用车使用登记制度，对2024年以来用车记录进行核查补录。

问题2：违规收受礼品礼金。
整改情况：立行立改。①对涉及人员进行诫勉谈话；②开展专项警示教育。【已完成】

问题3：违规发放村干部补贴。
整改情况：立行立改，追回违规发放补贴2.4万元。【已完成】

问题4：财务报销审核把关不严（已完成）
整改情况：修订财务报销管理制度。
"""
    issues = _issues(_notice(body))
    assert [i.title for i in issues] == [
        "公务用车使用登记不全", "违规收受礼品礼金", "违规发放村干部补贴", "财务报销审核把关不严"]
    assert [(m.status, m.status_inferred) for m in issues[0].measures] == [(Status.DONE, False)]
    assert [m.deadline.text for i in issues for m in i.measures] == ["立行立改"] * 4 + [""]


def test_a_document_only_drafted_is_work_going_on() -> None:
    body = """（一）发展方面

问题一：主责主业聚焦不够。
整改情况：
1.清理退出非主业投资项目3个。
2.编制集团发展规划，目前已形成初稿。
3.修订投资管理办法，形成征求意见稿。
"""
    issues = _issues(_notice(body))
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.IN_PROGRESS, Status.IN_PROGRESS]


def test_a_table_naming_its_aspects_in_the_problem_column_and_dating_its_completion(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中共柳河县医疗保障局党组关于县委巡察反馈意见整改情况的通报",
              "县委第二巡察组于2025年4月15日至6月6日对县医疗保障局党组开展了巡察，2025年8月1日反馈了巡察意见。",
              "一、整改工作总体情况", "巡察反馈的2个方面3个问题，已整改完成3个，整改完成率100%。",
              "二、问题整改落实情况"]:
        doc.add_paragraph(t)
    rows = [("序号", "问题", "整改措施", "责任股室", "完成时限", "完成情况"),
            ("", "一、落实党中央决策部署方面", "", "", "", ""),
            ("1", "医保基金监管存在漏洞", "1.开展定点医药机构专项检查\n2.追回违规使用医保基金", "基金监管股",
             "2025年10月", "已完成（2025年9月）"),
            ("2", "医保经办服务不便民", "推行“一站式”结算", "经办中心", "2025年12月", "已完成"),
            ("", "二、全面从严治党方面", "", "", "", ""),
            ("3", "内控制度不健全", "修订内部控制制度汇编", "办公室", "2025年9月", "已完成")]
    table = doc.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for t in ["中共柳河县医疗保障局党组", "2025年11月30日"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    parsed = parse_notice(read_notice_file(path))
    assert [(a.number, a.title) for a in parsed.ledger.aspects] == [
        (1, "落实党中央决策部署方面"), (2, "全面从严治党方面")]
    assert [[i.title for i in a.issues()] for a in parsed.ledger.aspects] == [
        ["医保基金监管存在漏洞", "医保经办服务不便民"], ["内控制度不健全"]]
    first = next(i for a in parsed.ledger.aspects for i in a.issues())
    assert [(m.text, m.progress, m.completed_text, m.owner_unit) for m in first.measures] == [
        ("开展定点医药机构专项检查；", "开展定点医药机构专项检查；", "2025年9月", "基金监管股"),
        ("追回违规使用医保基金", "追回违规使用医保基金", "2025年9月", "基金监管股")]
    assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "done"))


def test_measures_listed_after_who_acts_and_a_list_of_problems_counted_by_item() -> None:
    body = """（一）统计数据质量管理存在薄弱环节。针对这一问题，局党组修订统计数据质量控制办法；\
建立数据审核机制。已整改完成。

（二）干部队伍年龄结构老化。针对此问题，局党组一是向县委组织部申请公开招录2名统计专业人员；二是加强现有干部业务培训，\
组织专题培训3期。正在整改。
"""
    one = "巡察组反馈意见涉及问题清单11项，局党组全部认领。截至11月30日，已销号9项，2项持续整改。"
    parsed = parse_notice(_notice(body, one=one))
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [len(i.measures) for i in issues] == [1, 2]  # "针对这一问题，…；…" stays one measure
    assert [m.text for m in issues[1].measures] == [
        "向县委组织部申请公开招录2名统计专业人员；", "加强现有干部业务培训，组织专题培训3期。"]
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS, Status.IN_PROGRESS]
    totals = parsed.stated_totals
    assert (totals.issues, totals.done, totals.done_unit) == (11, 9, "问题")


def test_a_table_of_measures_under_issues_printed_on_rows_of_their_own(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中共江北区民政局党组关于区委巡察整改进展情况的通报",
              "2025年5月8日至6月20日，区委第三巡察组对区民政局党组开展了常规巡察，2025年8月5日反馈了巡察意见。",
              "一、整改工作总体情况", "巡察反馈的2个问题，已完成整改1个，正在整改1个。", "二、具体整改情况"]:
        doc.add_paragraph(t)
    rows = [("序号", "整改措施", "整改时限", "整改进展"),
            ("问题1：养老服务补贴发放审核不严",),
            ("1", "对补贴发放对象开展全面复核", "2025年9月", "已完成，清退不符合条件对象23人"),
            ("2", "建立补贴动态调整机制", "2025年10月", "已完成"),
            ("问题2：社会组织监管不到位",),
            ("1", "开展社会组织年检", "2025年10月", "已完成"),
            ("2", "清理“僵尸型”社会组织", "2025年12月", "正在推进，已清理8家")]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        if len(row) == 1:
            table.cell(r, 0).merge(table.cell(r, 3)).text = row[0]
            continue
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for t in ["三、下一步工作打算", "局党组将持续推进整改。", "中共江北区民政局党组", "2025年12月5日"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    parsed = parse_notice(read_notice_file(path))
    assert not parsed.unplaced
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.title for i in issues] == ["养老服务补贴发放审核不严", "社会组织监管不到位"]
    assert [[(m.text, m.deadline.text, m.status) for m in i.measures] for i in issues] == [
        [("对补贴发放对象开展全面复核", "2025年9月", Status.DONE), ("建立补贴动态调整机制", "2025年10月", Status.DONE)],
        [("开展社会组织年检", "2025年10月", Status.DONE), ("清理“僵尸型”社会组织", "2025年12月", Status.IN_PROGRESS)]]
    assert issues[0].measures[0].progress == "清退不符合条件对象23人"
    assert [c.ok for c in parsed.total_checks if c.item in ("issues", "done")] == [True, True]


def test_work_going_on_whose_progress_reads_as_done_is_published_as_going_on() -> None:
    going = Measure(text="清理“僵尸型”社会组织", progress="已清理8家", status=Status.IN_PROGRESS,
                    status_text="正在推进")
    said = measure_sentence(going)
    assert said == "清理“僵尸型”社会组织，已清理8家，正在推进"
    # read back, the sentence is work going on, not done
    body = f"（一）监管方面\n\n1.社会组织监管不到位。{said}。\n"
    assert [m.status for m in _issues(_notice(body))[0].measures] == [Status.IN_PROGRESS]
    # a progress saying what is still to come needs no status after it
    ahead = Measure(text="推进农村户厕改造", progress="已完成改造156户，剩余44户正在施工",
                    status=Status.IN_PROGRESS, status_text="正在推进")
    assert not measure_sentence(ahead).endswith("正在推进")


_SECTIONS = """中共青峰县审计局党组关于县委巡察整改落实情况的通报

县委第七巡察组于2025年3月11日至4月30日对县审计局党组开展了常规巡察，6月18日反馈了巡察意见。

一、整改工作总体进展

县委巡察组共反馈问题2个方面3个，已完成整改2个，1个问题正在整改。

二、{first}

问题1：公务接待超标准。
整改情况：（1）清退超标准接待费用0.36万元（已完成）；（2）对相关责任人进行批评教育（已完成）。

三、{second}

（一）审计监督作用发挥方面

问题2：审计项目计划统筹不够。
整改情况：（1）修订审计项目计划管理办法（已完成）；（2）建立审计项目库（已完成）。

（二）队伍建设方面

问题3：青年干部培养机制不完善。
整改情况：（1）制定青年干部培养方案（正在推进）；（2）实施“以审代训”（正在推进）。

四、下一步工作打算

局党组将持续深化整改。

中共青峰县审计局党组
2025年11月28日
"""


def test_issues_put_right_at_once_in_a_section_of_their_own_beside_the_others() -> None:
    parsed = parse_notice(_SECTIONS.format(first="立行立改问题整改情况", second="其他反馈问题整改情况"))
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.number for i in issues] == [1, 2, 3]
    assert [[m.deadline.text for m in i.measures] for i in issues] == [["立行立改"] * 2, ["", ""], ["", ""]]
    assert [a.title for a in parsed.ledger.aspects if a.title] == ["审计监督作用发挥方面", "队伍建设方面"]
    assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "done"))
    # the other way round: the others first, those put right at once after them
    text = _SECTIONS.format(first="巡察反馈问题整改情况", second="立行立改问题整改情况")
    issues = [i for a in parse_notice(text).ledger.aspects for i in a.issues()]
    assert [[m.deadline.text for m in i.measures] for i in issues] == [["", ""], ["立行立改"] * 2, ["立行立改"] * 2]
