"""Notices round twenty-six: what other agencies write in their 整改进展情况的通报 survives
parse-notice NOTICE.docx → ledger.xlsx → notice → notice.docx, as a reader of the Word file sees it.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import docx

from rectxl.cli import main
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger


def _write_docx(path: Path, text: str) -> None:
    document = docx.Document()
    for line in text.strip().splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def _round_trip(tmp_path: Path, text: str, name: str = "通报") -> tuple[Path, list[str]]:
    """The notice as a Word file read into a ledger by the CLI, and the paragraphs of the notice
    the CLI writes from that ledger."""
    source = tmp_path / f"{name}.docx"
    _write_docx(source, text)
    ledger = tmp_path / f"{name}_台账.xlsx"
    assert main(["parse-notice", str(source), "-o", str(ledger)]) in (0, 1)
    out = tmp_path / f"{name}_再生成.docx"
    assert main(["notice", str(ledger), "-o", str(out)]) in (0, 1)
    return ledger, [p.text for p in docx.Document(str(out)).paragraphs]


def _section_two(back: list[str]) -> list[str]:
    start = next(k for k, p in enumerate(back) if p.startswith("二、"))
    end = next(k for k, p in enumerate(back) if p.startswith("三、"))
    return back[start + 1:end]


# ---------------------------------------------------------------------------
# 1. a status bracketed after a measure keeps that measure's own brackets
# ---------------------------------------------------------------------------

# A district health commission types its brackets half-width, as an English keyboard leaves them
HEALTH = """中共澄江区卫生健康委员会党组关于区委巡察整改进展情况的通报
根据区委统一部署，2025年3月17日至5月16日，区委第二巡察组对区卫生健康委员会党组进行了巡察，2025年6月20日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
委党组召开专题会议研究部署整改工作，制定整改方案，建立整改台账。
二、巡察反馈问题整改落实情况
（一）推进健康澄江建设不够有力方面
1.家庭医生签约服务“签而不约”的问题。整改措施：1.修订家庭医生签约服务绩效考核细则(已完成)2.对签约居民开展电话回访(正在推进)
2.社区卫生服务中心急救药品配备不全的问题。整改措施：1.制定基层急救药品基本目录(已完成)2.为9家社区卫生服务中心补齐急救药品(已完成)
三、下一步工作打算
委党组将持续巩固整改成果，对正在推进的事项盯住不放。
中共澄江区卫生健康委员会党组
2025年10月20日
"""


def test_a_half_width_bracketed_status_comes_back_half_width(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, HEALTH, "卫健委")
    assert [m.status for m in read_ledger(ledger).measures()] == [
        Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE]
    body = "\n".join(_section_two(back))
    assert "1.修订家庭医生签约服务绩效考核细则(已完成)2.对签约居民开展电话回访(正在推进)" in body
    assert "为9家社区卫生服务中心补齐急救药品(已完成)" in body
    assert "（已完成）" not in body and "（正在推进）" not in body
    assert _round_trip(tmp_path, "\n".join(back), "卫健委再读")[1] == back


# A county education bureau brackets most statuses in （）, some in 【】 — each as its measure had it
SCHOOLS = """中共永宁县教育局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月14日至6月6日，县委第一巡察组对县教育局党组进行了巡察，2025年7月8日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组成立由党组书记任组长的整改工作领导小组，逐条制定整改措施。
二、巡察反馈问题整改落实情况
（一）落实教育优先发展战略有差距方面
1.农村学校教师结构性缺编的问题。整改情况：一是核定全县中小学教职工编制（已完成）二是招聘音体美专任教师42名【已完成】三是推进县域内教师交流轮岗（正在推进）
2.校舍安全隐患排查不彻底的问题。整改情况：一是对全县137所学校校舍开展安全鉴定（已完成）二是拆除C级危房3栋【正在推进】
三、下一步工作打算
局党组将以此次巡察整改为契机，持续推动教育事业高质量发展。
中共永宁县教育局党组
2025年11月5日
"""


def test_mixed_brackets_after_measures_keep_each_measures_own(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, SCHOOLS, "教育局")
    assert [m.status for m in read_ledger(ledger).measures()] == [
        Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS]
    body = "\n".join(_section_two(back))
    assert "一是核定全县中小学教职工编制（已完成）" in body
    assert "二是招聘音体美专任教师42名【已完成】" in body
    assert "三是推进县域内教师交流轮岗（正在推进）" in body
    assert "一是对全县137所学校校舍开展安全鉴定（已完成）" in body
    assert "二是拆除C级危房3栋【正在推进】" in body
    # read again, the notice it writes is the same
    assert _round_trip(tmp_path, "\n".join(back), "教育局再读")[1] == back



# ---------------------------------------------------------------------------
# 2. a bracket that goes on after the status word keeps the word and the rest
# ---------------------------------------------------------------------------

# A municipal SASAC's party committee writes what became of each measure in a bracket after it
ASSETS = """中共丰源市国资委委员会关于市委巡察整改进展情况的通报
根据市委统一部署，2025年3月3日至4月30日，市委第六巡察组对市国资委党委进行了巡察，2025年6月10日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
委党委召开专题会议研究部署整改工作，建立问题、任务、责任“三张清单”。
二、巡察反馈问题整改落实情况
（一）国有资本监管职责履行不到位方面
1.监管企业投资决策论证不充分的问题。整改措施：一是修订监管企业投资监督管理办法（已完成，形成长效机制）二是对2023年以来投资项目开展后评价（正在推进，计划2025年12月底前完成）三是建立重大投资项目专家论证库（已完成，长期坚持）四是清理低效无效参股股权（已完成）
2.国有资产出租管理粗放的问题。整改措施：一是建立市属企业资产出租信息公开平台（已完成，常态化运行）二是收回欠缴租金的门面房11间（已完成）
三、下一步工作打算
委党委将持续巩固整改成果，推动国有资本做强做优做大。
中共丰源市国资委委员会
2025年11月10日
"""


def test_a_status_going_on_in_its_bracket_keeps_its_word_and_the_rest(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, ASSETS, "国资委")
    measures = list(read_ledger(ledger).measures())
    assert [m.status for m in measures] == [Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE,
                                            Status.DONE, Status.DONE]
    assert [m.text for m in measures][:3] == ["修订监管企业投资监督管理办法", "对2023年以来投资项目开展后评价",
                                              "建立重大投资项目专家论证库"]
    body = "\n".join(_section_two(back))
    assert "一是修订监管企业投资监督管理办法（已完成，形成长效机制）" in body
    assert "二是对2023年以来投资项目开展后评价（正在推进，计划2025年12月底前完成）" in body
    assert "三是建立重大投资项目专家论证库（已完成，长期坚持）" in body
    assert "四是清理低效无效参股股权（已完成）" in body
    assert "一是建立市属企业资产出租信息公开平台（已完成，常态化运行）" in body
    assert "长效机制。" not in body and "并长期坚持" not in body


# A township's Party committee lists each problem's measures on lines of their own
TOWNSHIP = """中共柳塘镇委员会关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月8日至5月30日，县委第三巡察组对柳塘镇党委进行了巡察，2025年7月10日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
镇党委召开专题会议研究部署整改工作，班子成员按分工认领整改任务。
二、巡察反馈问题整改落实情况
（一）基层治理基础不牢方面
1.村级财务公开不及时的问题。
整改措施：
1.建立村务公开月度督查制度（已完成，形成长效机制）
2.对12个村2024年度账目逐一张榜公开（已完成）
3.开展村务监督委员会履职培训（已完成，长期坚持）
2.集体资产台账底数不清的问题。
整改措施：
1.开展村集体资产清产核资。
2.建立集体资产管理电子台账。
上述措施均已完成。
3.农村人居环境整治不到位的问题。
整改措施：
1.制定人居环境整治月评比办法。
2.清理河道沿岸垃圾堆放点17处。
截至2025年10月底，上述措施均已完成。
三、下一步工作打算
镇党委将持续巩固整改成果，推动乡村振兴各项工作落地见效。
中共柳塘镇委员会
2025年11月3日
"""


def test_a_township_measure_list_keeps_a_status_going_on_in_its_bracket(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, TOWNSHIP, "柳塘镇")
    body = "\n".join(_section_two(back))
    assert "建立村务公开月度督查制度（已完成，形成长效机制）" in body
    assert "开展村务监督委员会履职培训（已完成，长期坚持）" in body


# ---------------------------------------------------------------------------
# 3. "上述措施均已完成。" after a problem's measures comes back as that one sentence
# ---------------------------------------------------------------------------

def _issue_paragraph(back: list[str], opening: str) -> str:
    """The problem's paragraph, and the one under it giving its measures after their label."""
    two = _section_two(back)
    (at,) = [k for k, p in enumerate(two) if p.startswith(opening)]
    below = two[at + 1] if at + 1 < len(two) and two[at + 1].startswith("整改") else ""
    return two[at] + below


def test_a_sentence_saying_all_measures_done_comes_back_as_that_sentence(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, TOWNSHIP, "柳塘镇")
    issues = [i for a in read_ledger(ledger).aspects for i in a.issues()]
    assert [[m.status for m in i.measures] for i in issues[1:]] == [[Status.DONE] * 2, [Status.DONE] * 2]
    second = _issue_paragraph(back, "2.")
    assert second.endswith("建立集体资产管理电子台账。上述措施均已完成。")
    third = _issue_paragraph(back, "3.")
    assert third.endswith("清理河道沿岸垃圾堆放点17处。截至2025年10月底，上述措施均已完成。")
    assert "，已完成" not in second + third


# A county culture and tourism bureau says it in the same paragraph as the measures
CULTURE = """中共南屏县文化和旅游局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年5月6日至6月27日，县委第四巡察组对县文化和旅游局党组进行了巡察，2025年8月1日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，逐项制定整改措施。
二、巡察反馈问题整改落实情况
（一）意识形态工作责任制落实不到位方面
1.文化市场执法检查频次不足的问题。整改情况：一是制定文化市场“双随机”检查年度计划；二是对全县网吧、KTV开展拉网式检查，下达整改通知书9份。以上2项措施已全部完成。
2.公共文化场馆免费开放不规范的问题。整改情况：一是修订县图书馆、文化馆免费开放服务规范；二是在场馆醒目位置公示开放时间和服务项目，正在推进。
三、下一步工作打算
局党组将持续巩固整改成果。
中共南屏县文化和旅游局党组
2025年11月18日
"""


def test_the_sentence_in_the_measures_paragraph_comes_back_there(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, CULTURE, "文旅局")
    first = _issue_paragraph(back, "1.")
    assert first.endswith("下达整改通知书9份。以上2项措施已全部完成。")
    assert "，已完成" not in first


def test_the_sentence_is_not_said_again_once_a_measure_is_not_done(tmp_path: Path) -> None:
    import openpyxl

    ledger, _ = _round_trip(tmp_path, TOWNSHIP, "柳塘镇")
    book = openpyxl.load_workbook(ledger)
    sheet = book["台账"]
    header = [c.value for c in sheet[2]]
    status, measure = header.index("整改状态") + 1, header.index("整改措施") + 1
    row = next(r for r in range(3, sheet.max_row + 1)
               if str(sheet.cell(r, measure).value or "").startswith("清理河道沿岸垃圾堆放点"))
    sheet.cell(row, status).value = "正在推进"
    book.save(ledger)
    out = tmp_path / "改后.docx"
    assert main(["notice", str(ledger), "-o", str(out)]) in (0, 1)
    back = [p.text for p in docx.Document(str(out)).paragraphs]
    third = _issue_paragraph(back, "3.")
    assert "上述措施均已完成" not in third
    assert "清理河道沿岸垃圾堆放点17处（正在推进）" in third  # as the notice bracketed statuses


# ---------------------------------------------------------------------------
# 4. a "整改措施：" line before a 1. 2. list of measures is printed again before the list
# ---------------------------------------------------------------------------

def test_a_measures_label_line_is_printed_again_before_its_list(tmp_path: Path) -> None:
    # the commission's notice with each label on the line under its problem
    _, back = _round_trip(tmp_path, HEALTH.replace("的问题。整改措施：", "的问题。\n整改措施："), "卫健委")
    two = _section_two(back)
    at = two.index("1.家庭医生签约服务“签而不约”的问题。")
    assert two[at + 1] == "整改措施：1.修订家庭医生签约服务绩效考核细则(已完成)2.对签约居民开展电话回访(正在推进)"
    assert two[at + 3] == "整改措施：1.制定基层急救药品基本目录(已完成)2.为9家社区卫生服务中心补齐急救药品(已完成)"


def test_a_label_alone_on_its_line_over_measures_numbered_1_keeps_both(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, TOWNSHIP, "柳塘镇")
    two = _section_two(back)
    at = two.index("2.集体资产台账底数不清的问题。")
    assert two[at + 1] == "整改措施：1.开展村集体资产清产核资。2.建立集体资产管理电子台账。上述措施均已完成。"
    assert two[two.index("1.村级财务公开不及时的问题。") + 1].startswith("整改措施：1.建立村务公开月度督查制度（")
    # read again, the same problems and measures
    again = tmp_path / "再读.docx"
    _write_docx(again, "\n".join(back))
    assert main(["parse-notice", str(again), "-o", str(tmp_path / "再读.xlsx")]) in (0, 1)
    assert [[m.text for m in i.measures] for a in read_ledger(tmp_path / "再读.xlsx").aspects for i in a.issues()] \
        == [[m.text for m in i.measures] for a in read_ledger(ledger).aspects for i in a.issues()]


# ---------------------------------------------------------------------------
# 5. other agencies' shapes
# ---------------------------------------------------------------------------

# A county justice bureau states the round's counts in its own words in part 一, and answers each
# problem in a paragraph under a "（一）关于…的问题" heading
JUSTICE = """中共云溪县司法局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月24日至5月23日，县委第五巡察组对县司法局党组进行了巡察，2025年6月26日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施。截至2025年10月31日，巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个，整改完成率75%。
二、巡察反馈问题整改落实情况
（一）关于法治宣传教育针对性不强的问题
局党组制定“八五”普法中期评估整改方案，组建青年普法志愿者队伍1支，深入村（社区）开展以案释法活动26场，已完成。
（二）关于社区矫正对象监管存在漏洞的问题
一是对全县在册社区矫正对象开展全面排查，二是建立矫正对象分类管理台账，三是落实电子定位监管措施。正在推进。
（三）关于人民调解员队伍建设滞后的问题
选聘专职人民调解员12名，组织业务培训2期，已完成。
（四）关于公共法律服务平台作用发挥不充分的问题
整合县乡村三级公共法律服务站点资源，开通“12348”热线夜间值守，已完成。
三、下一步工作打算
局党组将坚持目标不变、标准不降、力度不减，持续巩固整改成果，对正在整改的问题紧盯不放。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0745-6231148；邮政地址：云溪县沅江路18号县司法局办公室；邮编：419500；电子邮箱：yxxsfj@163.com。
中共云溪县司法局党组
2025年11月12日
"""


def _set_status(ledger: Path, opening: str, status: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(ledger)
    sheet = book["台账"]
    header = [c.value for c in sheet[2]]
    column, measure = header.index("整改状态") + 1, header.index("整改措施") + 1
    for row in range(3, sheet.max_row + 1):
        if str(sheet.cell(row, measure).value or "").startswith(opening):
            sheet.cell(row, column).value = status
    book.save(ledger)


def _notice_of(ledger: Path, out: Path) -> list[str]:
    assert main(["notice", str(ledger), "-o", str(out)]) in (0, 1)
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_the_notices_own_counts_sentence_is_counted_again_from_the_ledger(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, JUSTICE, "司法局")
    # as it stands while the ledger says what the notice said
    assert ("局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施。截至2025年10月31日，"
            "巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个，整改完成率75%。") in back
    for opening in ("对全县在册社区矫正对象", "建立矫正对象分类管理台账", "落实电子定位监管措施"):
        _set_status(ledger, opening, "已完成")
    back = _notice_of(ledger, tmp_path / "改后.docx")
    part_one = back[back.index("一、整改工作开展情况") + 1]
    # (dated on the ledger's 报告日期: the day the notice stated its progress on, 截至2025年10月31日)
    assert part_one == ("局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施。截至2025年10月31日，"
                        "巡察反馈的2个方面4个问题，已完成整改4个，整改完成率100%。")


def test_a_counts_sentence_counting_measures_too_is_counted_again_in_its_own_words(tmp_path: Path) -> None:
    text = JUSTICE.replace("巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个，整改完成率75%。",
                           "巡察反馈的2个方面4个问题已整改完成3个，剩余1个正在推进；制定整改措施6条，已完成3条。")
    ledger, back = _round_trip(tmp_path, text, "司法局")
    said = "巡察反馈的2个方面4个问题已整改完成3个，剩余1个正在推进；制定整改措施6条，已完成3条。"
    assert any(said in p for p in back)
    _set_status(ledger, "对全县在册社区矫正对象", "已完成")
    again = "\n".join(_notice_of(ledger, tmp_path / "改后.docx"))
    assert "巡察反馈的2个方面4个问题已整改完成3个，剩余1个正在推进；制定整改措施6条，已完成4条。" in again


def test_a_party_committee_named_after_its_commission_keeps_its_name_on_one_title_line(tmp_path: Path) -> None:
    # a municipal SASAC's party committee: "…国有资产监督管理委员会委员会"
    publisher = "中共丰源市人民政府国有资产监督管理委员会委员会"
    text = ASSETS.replace("中共丰源市国资委委员会", publisher)
    _, back = _round_trip(tmp_path, text, "国资委")
    assert back[0].replace("\n", "") == f"{publisher}关于市委巡察整改进展情况的通报"
    assert "委员会\n委员会" not in back[0]


# A district urban-management bureau titles its problems "【问题一】" and says once, after a problem's
# measures, that the problem is put right
URBAN = """中共临川区城市管理局党组关于区委巡察整改进展情况的通报
根据区委统一部署，2025年4月7日至6月6日，区委第三巡察组对区城市管理局党组进行了巡察，2025年7月15日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，实行领导领办、挂号销号。
二、巡察反馈问题整改落实情况
【问题一】占道经营整治反弹回潮。整改情况：一是划定临时疏导点6处，引导流动摊贩入点经营；二是建立“街长制”网格巡查机制，实行早中晚三时段巡查；三是对反复占道的12户商户依法立案处罚。目前已完成整改。
【问题二】渣土运输车辆监管不严。整改情况：一是联合交警部门开展夜间联合执法行动18次，查处违规车辆43台，已完成；二是推动渣土车安装卫星定位装置，正在推进。
【问题三】城市照明设施维护不及时。整改情况：一是建立路灯故障“12319”快速响应机制，故障修复时限压缩至48小时；二是更换老旧路灯灯头860盏。已完成整改。
三、下一步工作打算
局党组将持续巩固整改成果，推动城市精细化管理水平不断提升。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0794-8261520；通信地址：临川区赣东大道168号区城市管理局；邮政编码：344000；电子邮箱：lcqcgj@126.com。
中共临川区城市管理局党组
2025年11月20日
"""


def test_problems_titled_in_black_brackets_are_numbered_so_again(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, URBAN, "城管局")
    two = _section_two(back)
    assert [p[:5] for p in two] == ["【问题一】", "【问题二】", "【问题三】"]
    assert two[0].startswith("【问题一】占道经营整治反弹回潮。")
    # numbered with digits, so again
    _, back = _round_trip(tmp_path, URBAN.replace("【问题一】", "【问题1】").replace("【问题二】", "【问题2】")
                          .replace("【问题三】", "【问题3】"), "城管局2")
    assert [p[:5] for p in _section_two(back)] == ["【问题1】", "【问题2】", "【问题3】"]


def test_a_problems_status_said_once_after_its_measures_is_said_once_again(tmp_path: Path) -> None:
    ledger, back = _round_trip(tmp_path, URBAN, "城管局")
    assert [m.status for m in read_ledger(ledger).measures()] == [
        Status.DONE, Status.DONE, Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE]
    two = _section_two(back)
    assert two[0].endswith("三是对反复占道的12户商户依法立案处罚。目前已完成整改。")
    assert two[2].endswith("二是更换老旧路灯灯头860盏。已完成整改。")
    assert "已完成整改。二是" not in two[0] + two[2] and "，已完成整改" not in two[0] + two[2]


# A county health bureau answers each "（一）关于…的问题" heading in paragraphs under it
COUNTY_HEALTH = """中共安宁县卫生健康局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至5月9日，县委第二巡察组对县卫生健康局党组进行了巡察，2025年6月18日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作。
二、巡察反馈问题整改落实情况
（一）关于基层医疗卫生机构药品管理不规范的问题
局党组组织对全县23家乡镇卫生院药房开展专项检查，清理过期药品1.2万元，建立药品效期预警台账。
同时，修订《乡镇卫生院药品管理制度》，将药品管理纳入年度绩效考核。该问题已整改完成。
（二）关于家庭医生签约服务流于形式的问题
一是重新核定签约服务团队42个，二是开展履约情况电话回访3600人次，三是将履约率纳入团队绩效考核。目前该问题正在整改中。
三、下一步工作打算
局党组将持续巩固整改成果。
中共安宁县卫生健康局党组
2025年11月6日
"""


def test_measures_one_paragraph_runs_with_commas_keep_them(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COUNTY_HEALTH, "安宁卫健局")
    body = "\n".join(_section_two(back))
    assert "一是重新核定签约服务团队42个，二是开展履约情况电话回访3600人次，三是将履约率纳入团队绩效考核。" in body


def test_a_problem_answered_in_paragraphs_under_its_heading_comes_back_so(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COUNTY_HEALTH, "安宁卫健局")
    two = _section_two(back)
    at = two.index("（一）关于基层医疗卫生机构药品管理不规范的问题")
    assert two[at + 1] == "局党组组织对全县23家乡镇卫生院药房开展专项检查，清理过期药品1.2万元，建立药品效期预警台账。"
    assert two[at + 2].startswith("同时，修订《乡镇卫生院药品管理制度》，将药品管理纳入年度绩效考核。")
    assert "一是局党组" not in "\n".join(two) and "二是同时" not in "\n".join(two)
    assert two[at + 3] == "（二）关于家庭医生签约服务流于形式的问题"


# A county water bureau tells its problems only in a table appended after the signature; its part
# "二、" is the next steps
WATER = """中共石泉县水利局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月1日至5月30日，县委第一巡察组对县水利局党组进行了巡察，2025年7月3日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，对反馈的3个问题逐项制定整改措施，具体整改情况见附件。
二、下一步工作打算
局党组将持续巩固整改成果，对尚未完成的事项紧盯不放。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0915-6321456；电子邮箱：sqxslj@163.com。
中共石泉县水利局党组
2025年11月25日
附件
县委巡察反馈问题整改落实情况表
"""
WATER_TABLE = [["序号", "反馈问题", "整改措施", "整改进展", "完成情况"],
               ["1", "河长制巡河记录不实", "开展河长巡河记录专项核查", "核查巡河记录1260条，约谈河长5人", "已完成"],
               ["2", "小型水库安全鉴定滞后", "完成12座小型水库安全鉴定", "已完成鉴定8座", "正在推进"],
               ["3", "水利工程项目资金拨付不及时", "建立项目资金拨付台账", "台账已建立，实行月调度", "已完成"]]


def test_a_next_steps_part_before_an_appended_table_of_problems_stays_the_next_steps(tmp_path: Path) -> None:
    source = tmp_path / "水利局.docx"
    document = docx.Document()
    for line in WATER.strip().splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(WATER_TABLE), cols=len(WATER_TABLE[0]))
    for r, row in enumerate(WATER_TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.save(str(source))
    ledger = tmp_path / "水利局_台账.xlsx"
    assert main(["parse-notice", str(source), "-o", str(ledger)]) in (0, 1)
    assert [m.status for m in read_ledger(ledger).measures()] == [Status.DONE, Status.IN_PROGRESS, Status.DONE]
    back = _notice_of(ledger, tmp_path / "再生成.docx")
    assert back.count("局党组将持续巩固整改成果，对尚未完成的事项紧盯不放。") == 1
    next_steps = next(k for k, p in enumerate(back) if p.endswith("、下一步工作打算"))
    assert back[next_steps + 1] == "局党组将持续巩固整改成果，对尚未完成的事项紧盯不放。"
    part_one = back[back.index("一、整改工作开展情况") + 1:next_steps]
    assert not any("下一步" in p for p in part_one[:1])
    assert "【请填写下一步工作打算】" not in back
    assert "2.小型水库安全鉴定滞后。完成12座小型水库安全鉴定，已完成鉴定8座，正在推进。" in back


def test_a_counts_sentence_counting_long_term_work_as_done_is_left_as_it_stands(tmp_path: Path) -> None:
    # the bureau counts a problem kept up for the long term as put right
    text = JUSTICE.replace("开通“12348”热线夜间值守，已完成。", "开通“12348”热线夜间值守，长期坚持。")
    _, back = _round_trip(tmp_path, text, "司法局")
    assert ("局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施。截至2025年10月31日，"
            "巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个，整改完成率75%。") in back


def test_the_sentence_saying_a_problem_is_put_right_keeps_its_subject(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COUNTY_HEALTH, "安宁卫健局")
    assert "同时，修订《乡镇卫生院药品管理制度》，将药品管理纳入年度绩效考核。该问题已整改完成。" in back


def test_what_is_left_going_on_pressed_ahead_is_counted_again_and_dropped_when_none(tmp_path: Path) -> None:
    text = JUSTICE.replace("巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个，整改完成率75%。",
                           "巡察反馈问题4个，已完成整改3个，完成率75%；其余1个问题正在加紧推进。")
    ledger, _ = _round_trip(tmp_path, text, "司法局")
    for opening in ("对全县在册社区矫正对象", "建立矫正对象分类管理台账", "落实电子定位监管措施"):
        _set_status(ledger, opening, "已完成")
    back = _notice_of(ledger, tmp_path / "改后.docx")
    assert back[back.index("一、整改工作开展情况") + 1].endswith(
        "截至2025年10月31日，巡察反馈问题4个，已完成整改4个，完成率100%。")
