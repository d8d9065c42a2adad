"""Notices round fifteen: notices and ledgers as other offices write them.

What now reads right:
- a measure numbered under its issue in the ledger (1.1 / 1-2 / 2.1. / （2）2.2) is published
  without its number ("一是精简会议", not "一是1.1精简会议"); an amount or a span of months that
  opens a measure ("2.5万元…", "3-5月…") is no number and stays;
- a done count that names no noun counts what the clause before it counted — "巡察反馈的4个问题中，
  3项已整改到位" and "…4个问题，其中3项…" count problems (by 项), "共制定整改措施20个，已完成18个"
  measures (by 个); a noun named there but not counted is not taken ("6个问题已全部制定整改措施，
  已完成整改5个" still counts problems);
- "以上2项措施均已完成" between the measures ("一是…；二是…。以上2项措施均已完成。三是…，正在推进。")
  says the measures above it done and is no words of the second; rendered again, each says it;
- "完成情况：正在推进" under "整改进展：正在推进，已覆盖8个支部。" states the measure's status (it
  had stayed inferred from the progress's wording, and the notice's done count was not checked);
- a table row alone on the last page of an appendix, between two page numbers ("第 2 页 共 3 页" /
  row / "第 3 页 共 3 页"), is a row, not a running header: it had been dropped with its problem;
- a Word notice whose problems sit in a table under a caption ("巡察反馈问题整改落实情况表"): the
  caption names the table and is not section 二's introduction — it had been printed again, alone,
  above the items told as paragraphs;
- a WeChat copy's "👆点击蓝字关注我们" above the title is debris, as it is without the emoji — it had
  been kept ("点击蓝字关注我们。") and the notice read with no title;
- a rule passed by the body that decides it ("修订后的议事规则经党委会审议通过") reads as done — a
  company's notice stating "整改进展：已完成。修订后的…经党委会审议通过" was rendered so and read back
  as going on; "拟经…审议通过后印发" and "待经…审议通过" are still to come;
- a measure still going on whose progress only says its own words done ("建立学习台账" / "已建立")
  is published "建立学习台账，正在推进" — once; it had been "…，正在推进，正在推进";
- measures all said done after the last one ("以上措施均已完成", "目前已完成2项") are each said done
  when the notice is written again — the sentence had been read, then lost, and read back as going on.

Every ledger and notice here is written for this file about fictional units.
"""

from __future__ import annotations

from pathlib import Path

from rectxl import api
from rectxl.core.notice import parse_notice
from rectxl.core.notice.render import render_notice
from rectxl.core.notice.totals import extract_stated_totals
from rectxl.core.status import Status
from rectxl.io.docx_read import read_notice_docx
from tests.followup_ledgers import write_ledger

D, P = Status.DONE, Status.IN_PROGRESS

_HEADER = ("序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")


def _row(n: int, issue: str, measure: str, status: str = "已完成", progress: str = "") -> dict[str, str]:
    return {"序号": str(n), "具体问题": issue, "整改措施": measure, "责任单位": "办公室",
            "整改时限": "2026年9月底前", "整改状态": status, "整改进展": progress}


def _section_two(text: str) -> list[str]:
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    return lines[start + 1:end]


# -- measures numbered under their issue ---------------------------------------------------------

def test_measures_numbered_under_their_issue_are_published_without_the_number(tmp_path: Path) -> None:
    i1, i2 = "1.会议过多过滥", "2.理论学习不深入"
    rows = [_row(1, i1, "1.1精简会议", progress="已精简会议5个"),
            _row(1, i1, "1-2制定会议管理办法", progress="已印发"),
            _row(2, i2, "2.1 开展专题学习", progress="已学习3次"),
            _row(2, i2, "（2）2.2建立学习台账"),
            _row(2, i2, "2．3．建立学习制度"),
            _row(2, i2, "2.5万元培训经费列入预算"),
            _row(2, i2, "3-5月开展轮训")]
    ledger = api.read_ledger(write_ledger(tmp_path / "台账.xlsx", _HEADER, rows, unit="某某县审计局"))
    text = render_notice(ledger)
    body = "\n".join(_section_two(text))
    for number in ("1.1", "1-2", "2.1", "2.2", "2.3", "2．3"):
        assert number not in body
    assert "一是精简会议" in body or "一是已精简会议5个" in body
    assert "二是制定会议管理办法" in body and "一是开展专题学习" in body and "三是建立学习制度" in body
    assert "四是2.5万元培训经费列入预算" in body and "五是3-5月开展轮训" in body
    # read back and written again, it is the same notice
    assert render_notice(parse_notice(text).ledger) == text


# -- a done count whose noun the clause before names ---------------------------------------------

def _notice(totals: str) -> str:
    org = "中共某某县水利局党组"
    items = ("1.理论学习不深入。一是制定年度学习计划，已完成。二是开展专题研讨，已完成。\n\n"
             "2.河长制落实不到位。一是开展河道巡查，已完成。\n\n"
             "3.工程项目管理不规范。一是开展项目清查，已完成。\n\n"
             "4.干部作风不实。一是开展作风整顿，正在推进。")
    return (f"{org}关于巡察整改进展情况的通报\n\n根据县委统一部署，2026年3月10日至5月9日，县委第二巡察组"
            "对县水利局党组进行了巡察。2026年6月18日，巡察组反馈了巡察意见。现将整改进展情况予以公布。\n\n"
            "一、整改工作开展情况\n\n召开专题会议研究部署整改工作。\n\n二、巡察反馈问题整改落实情况\n\n"
            f"{totals}\n\n{items}\n\n三、下一步工作打算\n\n将持续巩固整改成果。\n\n{org}\n2026年11月5日\n")


def _with_items(text: str, body: str) -> str:
    """:func:`_notice`'s text with ``body`` in place of its issues."""
    return text[:text.index("1.理论")] + body + text[text.index("\n\n三、"):]


def test_a_part_of_the_problems_counted_by_xiang_counts_problems() -> None:
    for said in ("截至2026年10月31日，巡察反馈的4个问题中，3项已整改到位，1项正在推进。",
                 "截至2026年10月31日，巡察反馈问题共4个，其中3项已整改到位。"):
        parsed = parse_notice(_notice(said))
        assert (parsed.stated_totals.done, parsed.stated_totals.done_unit) == (3, "问题")
        done = next(c for c in parsed.total_checks if c.item == "done")
        assert "3个问题" in done.message and "措施" not in done.message


def test_a_done_count_takes_the_noun_the_clause_before_counts() -> None:
    measures = extract_stated_totals(["共制定整改措施20个，已完成18个。"])
    assert (measures.done_measures, measures.done_issues) == (18, None)
    both = extract_stated_totals(["巡察反馈的4个问题中，3项已整改到位；共制定整改措施12项，已完成10项。"])
    assert (both.done_issues, both.done_measures) == (3, 10)
    named = extract_stated_totals(["巡察反馈的6个问题已全部制定整改措施，已完成整改5个。"])
    assert (named.done_issues, named.done_measures) == (5, None)
    # two things counted before it: the one counted by the same word (个) is what is done
    by_word = extract_stated_totals(["局党组对反馈的2个方面4个问题制定措施8项，已完成整改3个，正在推进1个。"])
    assert (by_word.done_issues, by_word.done_measures) == (3, None)


# -- a count of the measures above, between the measures -----------------------------------------

def test_a_tally_between_the_measures_says_those_above_it_done() -> None:
    items = ("1.理论学习不深入。一是制定年度学习计划；二是开展专题研讨。以上2项措施均已完成。"
             "三是建立学习台账，正在推进。\n\n"
             "2.河长制落实不到位。一是开展河道巡查；二是建立巡河台账；三是开展暗访。以上措施均已完成；"
             "四是落实巡河通报制度，计划年底前完成。\n\n"
             "3.工程项目管理不规范。一是开展项目清查。以上3项措施均已完成。二是修订项目管理办法，正在推进。")
    text = _notice("截至2026年10月31日，巡察反馈的3个问题已完成整改1个。").replace(
        _notice("")[_notice("").index("1.理论"):_notice("").index("\n\n三、")], items)
    parsed = parse_notice(text)
    first, second, third = (i.measures for i in parsed.ledger.issues())
    assert [m.text for m in first] == ["制定年度学习计划；", "开展专题研讨。", "建立学习台账，正在推进。"]
    assert [m.status for m in first] == [D, D, P]
    assert [m.status for m in second] == [D, D, D, P]
    assert "以上" not in "".join(m.text + m.progress for m in second)
    # a count of more measures than stand above it counts something else: left as written
    assert "以上3项措施均已完成" in third[0].text
    rendered = render_notice(parsed.ledger)
    assert "一是制定年度学习计划，已完成" in rendered and "二是开展专题研讨，已完成" in rendered
    assert render_notice(parse_notice(rendered).ledger) == rendered


# -- a status line under a progress opening with the same status ---------------------------------

def test_a_status_line_states_the_status_a_progress_opens_with() -> None:
    body = ("（一）党的建设方面\n问题1：党员教育管理不严格。\n整改措施：开展党员积分制管理。\n"
            "整改进展：正在推进，已覆盖8个支部。\n完成情况：正在推进\n"
            "问题2：项目审批效率不高。\n整改措施：推行并联审批。\n整改进展：已完成，已推行并联审批。\n完成情况：已完成\n"
            "问题3：档案管理不规范。\n整改措施：开展档案清理。\n整改进展：已清理档案200卷。\n完成情况：已完成")
    text = _notice("截至2026年10月31日，巡察反馈的3个问题已完成整改2个。")
    text = _with_items(text, body)
    parsed = parse_notice(text)
    measures = list(parsed.ledger.measures())
    assert [(m.status, m.status_inferred) for m in measures] == [(P, False), (D, False), (D, False)]
    # every status stated: the notice's count of problems done can be checked, and it holds
    done = next(c for c in parsed.total_checks if c.item == "done")
    assert done.ok is True


# -- a table's last row alone on its page --------------------------------------------------------

def test_a_row_alone_between_two_page_numbers_is_kept() -> None:
    org = "中共某某县交通运输局党组"
    rows = [("农村公路养护资金使用不规范", "开展资金使用专项检查", "已完成"),
            ("工程项目变更审批不严", "建立设计变更审批台账", "已完成"),
            ("安全生产隐患排查不彻底", "开展“百日攻坚”隐患排查", "正在推进")]
    table = [f"{k}\t{issue}\t{measure}\t{status}" for k, (issue, measure, status) in enumerate(rows, 1)]
    text = (f"{org}关于巡察整改进展情况的通报\n\n根据县委统一部署，县委第三巡察组于2026年3月至5月对县交通运输局"
            "党组进行了巡察，6月30日反馈了巡察意见。现将整改进展情况予以公布。\n\n一、整改工作开展情况\n\n"
            "局党组把巡察整改作为重要政治任务，制定整改方案。\n\n第 1 页 共 3 页\n\n二、巡察反馈问题整改落实情况\n\n"
            "截至2026年10月31日，巡察反馈的3个问题已完成整改2个、正在整改1个。具体整改情况见附件。\n\n"
            f"三、下一步工作打算\n\n局党组将持续抓好整改工作。\n\n{org}\n2026年11月5日\n\n"
            "附件：巡察反馈问题整改落实情况表\n\n序号\t问题\t整改措施\t整改情况\n"
            f"{table[0]}\n{table[1]}\n\n第 2 页 共 3 页\n\n{table[2]}\n\n第 3 页 共 3 页\n")
    parsed = parse_notice(text)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == [r[0] for r in rows]
    assert [m.status for i in issues for m in i.measures] == [D, D, P]
    assert [c.ok for c in parsed.total_checks if c.item in ("issues", "done")] == [True, True]


# -- a table's caption in a Word notice ----------------------------------------------------------

def test_a_tables_caption_is_no_introduction(tmp_path: Path) -> None:
    from docx import Document

    org = "中共某某县统计局党组"
    doc = Document()
    for para in (f"{org}关于巡察整改进展情况的通报",
                 "根据县委统一部署，县委第一巡察组于2026年3月至5月对县统计局党组进行了巡察，6月20日反馈了巡察意见。"
                 "现将整改进展情况予以公布。",
                 "一、整改工作开展情况", "局党组召开专题会议研究部署整改工作。", "二、巡察反馈问题整改落实情况",
                 "截至2026年10月31日，巡察反馈的2个问题已全部完成整改。", "巡察反馈问题整改落实情况表（截至10月31日）"):
        doc.add_paragraph(para)
    rows = [("序号", "反馈问题", "整改措施", "完成情况"),
            ("1", "统计数据质量把关不严", "开展数据质量专项核查", "已完成"),
            ("2", "统计执法检查不到位", "制定年度执法检查计划", "已完成")]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for para in ("三、下一步工作打算", "局党组将持续巩固整改成果。", org, "2026年11月5日"):
        doc.add_paragraph(para)
    doc.save(tmp_path / "通报.docx")
    parsed = parse_notice(read_notice_docx(tmp_path / "通报.docx"))
    assert [i.title for i in parsed.ledger.issues()] == ["统计数据质量把关不严", "统计执法检查不到位"]
    assert parsed.ledger.info.section_two_intro == "截至2026年10月31日，巡察反馈的2个问题已全部完成整改。"
    rendered = render_notice(parsed.ledger)
    assert "情况表" not in rendered
    assert render_notice(parse_notice(rendered).ledger) == rendered


# -- a WeChat copy's debris behind an emoji ------------------------------------------------------

def test_follow_us_behind_an_emoji_is_no_part_of_the_notice() -> None:
    body = _notice("截至2026年10月31日，巡察反馈的4个问题已完成整改3个。")
    for lead in ("👆点击蓝字关注我们", "🔔 点击上方蓝字 关注我们", "👇点击“阅读原文”查看更多"):
        parsed = parse_notice(f"某某县水利局 2026-11-08 09:30 发表于某某省\n{lead}\n{body}\n阅读原文\n")
        assert parsed.ledger.info.title == "中共某某县水利局党组关于巡察整改进展情况的通报", lead
        assert (parsed.ledger.info.preamble or "").startswith("根据县委统一部署"), lead


# -- passed by the body that decides it ----------------------------------------------------------

def test_passed_by_the_deciding_body_reads_as_done() -> None:
    body = ("（一）落实“第一议题”制度不到位的问题\n\n整改措施：1.修订公司党委会议事规则，将“第一议题”学习纳入必学内容；"
            "2.建立学习情况通报制度。\n整改进展：已完成。修订后的议事规则经党委会审议通过；建立季度通报制度，已通报2次。\n\n"
            "（二）合同管理不规范的问题\n\n整改措施：1.修订合同管理办法；2.开展合同专项清理。\n"
            "整改进展：合同管理办法已形成初稿，拟经党委会审议通过后印发；合同清理待经领导班子会议研究通过后启动。")
    text = _notice("截至2026年10月31日，巡察反馈的2个问题已完成整改1个。")
    text = _with_items(text, body)
    parsed = parse_notice(text)
    assert [m.status for m in parsed.ledger.measures()] == [D, D, P, P]
    rendered = render_notice(parsed.ledger)
    again = parse_notice(rendered)
    assert [m.status for m in again.ledger.measures()] == [D, D, P, P]
    assert render_notice(again.ledger) == rendered


# -- the status said once ------------------------------------------------------------------------

def test_work_going_on_is_said_to_go_on_once(tmp_path: Path) -> None:
    issue = "1.理论学习不深入"
    rows = [_row(1, issue, "建立学习台账", "正在推进", "已建立"),
            _row(1, issue, "建立学习制度", "正在推进", "已建立学习制度"),
            _row(1, issue, "开展专题学习", "正在推进", "已学习3次")]
    ledger = api.read_ledger(write_ledger(tmp_path / "台账.xlsx", _HEADER, rows, unit="某某县审计局"))
    text = render_notice(ledger)
    assert "正在推进，正在推进" not in text
    assert "一是建立学习台账，正在推进。" in text and "建立学习制度，正在推进。" in text
    assert "三是开展专题学习，已学习3次，正在推进" in text


# -- measures all said done after the last one ---------------------------------------------------

def test_measures_all_said_done_after_the_last_stay_done_when_written_again() -> None:
    items = ("1.理论学习不深入。一是制定年度学习计划；二是开展专题研讨。以上措施均已完成。\n\n"
             "2.河长制落实不到位。（1）开展河道巡查。（2）建立巡河台账。目前已完成2项。\n\n"
             "3.工程项目管理不规范。一是开展项目清查，已完成；二是修订项目管理办法，正在推进。\n\n"
             "4.干部作风不实。一是开展作风整顿。")
    text = _notice("截至2026年10月31日，巡察反馈的4个问题已完成整改2个。")
    text = _with_items(text, items)
    parsed = parse_notice(text)
    assert [m.status for m in parsed.ledger.measures()][:4] == [D, D, D, D]
    rendered = render_notice(parsed.ledger)
    # the sentence saying all done is said again as written (round 26: it had been "，已完成" after each)
    assert "一是制定年度学习计划；二是开展专题研讨。以上措施均已完成。" in rendered
    assert "（2）建立巡河台账，已完成" in rendered
    again = parse_notice(rendered)
    assert [m.status for m in again.ledger.measures()] == [m.status for m in parsed.ledger.measures()]
    assert render_notice(again.ledger) == rendered
