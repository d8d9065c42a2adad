"""Notices round sixteen: notices as other offices publish them, and notices rendered from them.

What now reads right:
- a WeChat copy's mark before a measure says how far it got — "✅ 一是开展专项审计。" is done,
  "⏳ 三是…" going on — unless the marks are only the copy's bullets (a ticked line saying
  "正在推进"); the tick had been dropped with the bullet and the measure read as going on;
- a title printed with its publisher on the line under it ("关于…的通报" / "中共…党组") is the
  publisher's title "中共…党组关于…的通报" — it had been joined as printed, "…的通报中共…党组";
- a preamble a WeChat copy broke by hand at no steady width ("…对某某镇党委进" / "行了巡察，…") is
  read whole — the unit had been lost and the preamble printed with its breaks;
- a village's 公示 — one sentence, its problems, "公示期：…。如有异议，请向镇纪委反映。联系电话：…" —
  written again reads as it did: it had gained 一、/三、 with 【请填写…】, the standard invitation and
  【请填写邮寄地址】 for contacts it never gave.

Every notice here is written for this file about fictional units.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.cli import main
from rectxl.core.notice import parse_notice
from rectxl.core.notice.render import render_notice
from rectxl.core.status import Status
from rectxl.io.docx_read import read_notice_docx
from rectxl.io.ledger_xlsx import write_ledger as write_workbook
from tests.followup_ledgers import write_ledger

D, P = Status.DONE, Status.IN_PROGRESS

_PREAMBLE = ("根据县委统一部署，2026年3月10日至5月9日，县委第三巡察组对某某镇党委进行了巡察。2026年6月18日，"
             "巡察组向镇党委反馈了巡察意见。现将整改进展情况予以公布。")


def _notice(items: str, *, title: str = "中共某某镇委员会关于巡察整改进展情况的通报",
            preamble: str = _PREAMBLE) -> str:
    return (f"{title}\n{preamble}\n一、整改工作开展情况\n镇党委成立整改工作领导小组，召开专题会议研究部署。\n"
            f"二、巡察反馈问题整改落实情况\n{items}\n三、下一步工作打算\n持续巩固整改成果。\n"
            "中共某某镇委员会\n2026年11月5日\n")


def _measures(text: str) -> list[tuple[str, Status | None, bool]]:
    ledger = parse_notice(text).ledger
    return [(m.text, m.status, m.status_inferred) for m in ledger.measures()]


# -- WeChat marks stating a status ----------------------------------------------------------------

def test_a_tick_before_a_measure_says_it_is_done() -> None:
    items = ("1.村级财务管理不规范问题。\n✅ 一是开展村级财务专项审计。\n✅ 二是建立村级财务公开制度。\n"
             "⏳ 三是推进村账镇代理规范化。\n2.基层党组织软弱涣散问题。\n✅一是调整充实村党组织班子。\n"
             "二是开展党员冬训，正在推进。")
    got = _measures(_notice(items))
    assert [(t.split("，")[0].rstrip("。"), s) for t, s, _ in got] == [
        ("开展村级财务专项审计", D), ("建立村级财务公开制度", D), ("推进村账镇代理规范化", P),
        ("调整充实村党组织班子", D), ("开展党员冬训", P)]
    assert not any(inferred for _, _, inferred in got[:4])  # stated by the mark, not guessed
    # no mark is left in the text, and written again each measure says how far it got
    text = render_notice(parse_notice(_notice(items)).ledger)
    assert "✅" not in text and "⏳" not in text
    assert "开展村级财务专项审计，已完成" in text and "推进村账镇代理规范化，正在推进" in text
    # every line ticked, one of them going on: the ticks are the copy's bullets and say nothing
    items = ("1.村级财务管理不规范问题。\n✅ 一是制定村级财务管理办法，正在推进。\n✅ 二是开展财务培训，正在推进。\n"
             "✅ 三是建立财务公开栏。")
    got = _measures(_notice(items))
    assert [s for _, s, _ in got] == [P, P, P]
    assert got[2][2]  # the third is guessed from its words, not stated by a bullet


# -- a title with its publisher under it ----------------------------------------------------------

def test_a_publisher_printed_under_the_title_opens_it() -> None:
    text = _notice("1.工程项目监管不到位问题。一是开展在建项目质量安全大检查，已完成。",
                   title="关于十届县委第五轮巡察整改进展情况的通报\n中共某某县交通运输局党组")
    info = parse_notice(text).ledger.info
    assert info.title == "中共某某县交通运输局党组关于十届县委第五轮巡察整改进展情况的通报"
    # a title broken after its publisher is read as it was
    broken = _notice("1.工程项目监管不到位问题。一是开展在建项目质量安全大检查，已完成。",
                     title="中共某某县交通运输局党组\n关于十届县委第五轮巡察整改进展情况的通报")
    assert parse_notice(broken).ledger.info.title == info.title


# -- a preamble broken by hand ------------------------------------------------------------------------

def test_a_preamble_broken_by_hand_is_read_whole() -> None:
    preamble = ("根据县委统一部署，2026年3月10日至5月9日，县委第三巡察组对某某镇党委进\n"
                "行了巡察，2026年6月18日，巡察组向镇党委反馈了巡\n察意见。现将整改进展情况予以公布。")
    parsed = parse_notice(_notice("1.村级财务管理不规范问题。一是开展村级财务专项审计，已完成。",
                                  preamble=preamble))
    info = parsed.ledger.info
    assert info.preamble == preamble.replace("\n", "")
    assert info.unit_name == "某某镇党委"
    assert (info.feedback_date.month, info.feedback_date.day) == (6, 18) if info.feedback_date else False
    text = render_notice(parsed.ledger)
    assert "党委进\n" not in text and "党委进行了巡察" in text


# -- a village's 公示, written again ------------------------------------------------------------------

_VILLAGE = """关于某某村巡察整改情况的公示

根据县委第四巡察组反馈意见，现将我村巡察整改情况公示如下：

1.村集体资产管理不规范问题。整改情况：已对村集体资产进行全面清查登记，建立资产台账。已完成。

2.村务公开不及时问题。整改情况：已按季度公开村务，设置村务公开栏。已完成。

3.“三资”管理制度不健全问题。整改情况：正在修订村级“三资”管理制度，正在推进。

公示期：2026年11月5日至11月12日。如有异议，请向镇纪委反映。联系电话：0851-7654321。

中共某某镇某某村支部委员会
2026年11月5日
"""


def test_a_village_notice_written_again_reads_as_it_did(tmp_path: Path) -> None:
    # read back, kept as a ledger workbook, and written again from it
    path = write_workbook(tmp_path / "公示.xlsx", parse_notice(_VILLAGE).ledger)
    text = render_notice(api.read_ledger(path))
    assert "【请填写" not in text  # no parts, contacts or statements it never had
    assert not any(line.strip("\u3000").startswith(("一、", "二、", "三、")) for line in text.splitlines())
    assert "欢迎广大干部群众" not in text
    assert "公示期：2026年11月5日至11月12日。如有异议，请向镇纪委反映。联系电话：0851-7654321。" in text
    for item in ("1.村集体资产管理不规范问题。", "2.村务公开不及时问题。", "3.“三资”管理制度不健全问题。"):
        assert item in text
    assert text.index("公示如下") < text.index("1.村集体") < text.index("公示期") < text.index("中共某某镇某某村")
    assert render_notice(parse_notice(text).ledger) == text
    # a ledger of a unit that says nothing of the kind still gets its parts and the placeholders
    ledger = api.read_ledger(path)
    ledger.info.extra.clear()
    assert "一、" in (again := render_notice(ledger)) and "【请填写整改工作组织领导情况】" in again


# -- a 巡察办's notice of a round over several units ----------------------------------------------------

_ROUND = """中共某某县委巡察工作领导小组办公室关于十五届县委第二轮巡察集中整改进展情况的通报

根据县委统一部署，2026年3月至5月，县委巡察组对县水务局、县文化广电旅游局、某某镇3个单位党组织开展了常规巡察。2026年6月，县委巡察组分别向被巡察党组织反馈了巡察意见。现将有关单位巡察整改进展情况予以公布。

一、县水务局党组

巡察反馈问题6个，已完成整改5个，正在推进1个。
1.河道采砂监管不力问题。已开展河道联合执法12次，查处非法采砂2起。
2.水利工程质量把关不严问题。已对在建工程开展质量抽检，整改问题9个。

二、县文化广电旅游局党组巡察整改情况

巡察反馈问题4个，已全部完成整改。
1.文物安全责任落实不到位问题。已与各文保单位签订安全责任书。
2.专项资金使用不规范问题。已收回违规使用资金3.5万元。

三、某某镇党委

巡察反馈问题5个，已完成整改3个。
1.村级工程项目管理混乱问题。已对2024年以来村级工程项目逐一清理，整改问题7个。
2.惠民资金发放不及时问题。已补发惠民资金12.6万元。

欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0855-1234567。

中共某某县委巡察工作领导小组办公室
2026年11月15日
"""


def test_a_round_over_several_units_tells_each_unit_as_its_part() -> None:
    parsed = parse_notice(_ROUND)
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["县水务局党组", "县文化广电旅游局党组巡察整改情况", "某某镇党委"]
    assert [[i.title.rstrip("。") for i in a.issues()] for a in ledger.aspects] == [
        ["河道采砂监管不力问题", "水利工程质量把关不严问题"],
        ["文物安全责任落实不到位问题", "专项资金使用不规范问题"],
        ["村级工程项目管理混乱问题", "惠民资金发放不及时问题"]]
    assert all(len(i.measures) == 1 for i in ledger.issues())
    # a unit's count under its heading is that unit's, not the round's totals, and no words of an item
    assert parsed.stated_totals.issues is None and not parsed.unplaced
    assert not any("未能归入" in w for w in parsed.warnings)
    # written again, each unit heads its own problems, and it reads back the same
    text = render_notice(ledger)
    assert text.index("县水务局党组") < text.index("河道采砂") < text.index("县文化广电旅游局党组") \
        < text.index("文物安全") < text.index("某某镇党委") < text.index("村级工程")
    again = parse_notice(text).ledger
    assert [a.title for a in again.aspects] == [a.title for a in ledger.aspects]
    assert [len(list(a.issues())) for a in again.aspects] == [2, 2, 2]


# -- measures listed parted by "；" without numbers ------------------------------------------------------

def test_measures_parted_by_semicolons_after_a_label_are_counted_one_by_one() -> None:
    items = ("1.统计数据质量不高问题。整改情况：开展数据质量核查；建立数据审核制度；加强业务培训。已完成。\n"
             "2.财务管理不规范问题。整改情况：对2024年以来报销凭证开展全面自查，清退不合规费用1.2万元；"
             "修订财务报销制度，完善审核流程。正在推进。")
    said = "截至2026年10月31日，巡察反馈的2个问题已完成整改1个；共制定整改措施4项，已完成3项。\n"
    parsed = parse_notice(_notice(said + items))
    got = [(m.text.rstrip("。；"), m.status) for m in parsed.ledger.measures()]
    assert got[:3] == [("开展数据质量核查", D), ("建立数据审核制度", D), ("加强业务培训", D)]
    # an account of the work, its clauses with commas, stays one measure
    assert len(got) == 4 and got[3][1] is P
    assert all(c.ok for c in parsed.total_checks if c.item == "measures")


def test_a_table_cell_listing_measures_by_semicolons_counts_them(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    for line in ("中共某某市住房和城乡建设局党组关于巡察整改进展情况的通报", _PREAMBLE, "一、整改工作开展情况",
                 "局党组召开专题会议研究部署整改工作。", "二、巡察反馈问题整改落实情况",
                 "截至2026年10月31日，巡察反馈的2个问题已全部完成整改，制定的4项整改措施已全部完成。"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=4)
    for cell, word in zip(table.rows[0].cells, ("序号", "反馈问题", "整改措施", "整改进展"), strict=True):
        cell.text = word
    for row in (("1", "建筑市场监管不严", "开展建筑市场专项检查；建立违法违规行为台账", "已完成"),
                ("2", "物业管理投诉多", "修订物业服务考核办法；开展物业服务质量评价", "已完成")):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    for line in ("三、下一步工作打算", "持续巩固整改成果。", "中共某某市住房和城乡建设局党组", "2026年11月5日"):
        doc.add_paragraph(line)
    doc.save(path := tmp_path / "通报.docx")
    parsed = parse_notice(read_notice_docx(path))
    assert [[m.text.rstrip("。") for m in i.measures] for i in parsed.ledger.issues()] == [
        ["开展建筑市场专项检查", "建立违法违规行为台账"], ["修订物业服务考核办法", "开展物业服务质量评价"]]
    assert all(m.status is D for m in parsed.ledger.measures())
    checks = {c.item: c.ok for c in parsed.total_checks}
    assert checks.get("measures") is True  # 4项, as the notice says — it had been 2, a false 不一致


# -- what the notice counts, beside what the summary counts ------------------------------------------------

def test_the_summary_says_how_the_notice_counts_measures_listed_in_one_cell(tmp_path: Path) -> None:
    header = ("序号", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展")
    rows = [{"序号": "1", "具体问题": "理论学习不深入",
             "整改措施": "1.制定年度学习计划；2.开展专题研讨；3.建立学习台账",
             "责任单位": "办公室", "整改时限": "2026年9月底前", "整改状态": "已完成",
             "整改进展": "1.已印发学习计划；2.已开展研讨4次；3.已建立台账"},
            {"序号": "2", "具体问题": "财务管理不规范", "整改措施": "开展财务自查", "责任单位": "财务股",
             "整改时限": "2026年12月底前", "整改状态": "正在推进", "整改进展": "已完成自查，正在整改"}]
    path = write_ledger(tmp_path / "台账.xlsx", header, rows, info={"报告日期": "2026-11-20"})
    notice = render_notice(api.read_ledger(path))
    assert "4项整改措施已完成3项" in notice  # the notice tells the cell's three one by one
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(path), "-o", str(out)]) == 0
    sentence = str(load_workbook(out)["整改总体情况"]["A3"].value)
    assert "2项整改措施" in sentence  # the summary counts rows …
    assert "本表按台账行计措施" in sentence and "台账第4行一格列了3项措施" in sentence \
        and "计为4项措施" in sentence  # … and says how the notice counts them
    # a ledger of one measure a row says nothing more
    plain = write_ledger(tmp_path / "台账2.xlsx", header, [{**rows[0], "整改措施": "制定年度学习计划",
                                                          "整改进展": "已印发"}, rows[1]])
    assert main(["summary", str(plain), "-o", str(out2 := tmp_path / "汇总2.xlsx")]) == 0
    assert "本表按台账行计" not in str(load_workbook(out2)["整改总体情况"]["A3"].value)


# -- ① under （1） ----------------------------------------------------------------------------------------

def test_circled_measures_under_parenthesised_issues_are_their_measures() -> None:
    items = ("（一）党的建设方面\n（1）村级党组织“三会一课”落实不到位。\n"
             "① 对全乡12个村党支部“三会一课”记录开展专项检查。\n"
             "② 开展村党支部书记培训2期，培训86人次。\n（2）发展党员程序不规范。\n① 对近三年发展党员档案逐一核查。\n"
             "② 规范发展党员工作流程，正在推进。\n（二）乡村振兴方面\n（3）村集体经济发展滞后。\n"
             "① 制定村集体经济发展三年行动计划，已印发。")
    parsed = parse_notice(_notice(items))
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["党的建设方面", "乡村振兴方面"]
    assert [(i.number, i.title.rstrip("。"), len(i.measures)) for i in ledger.issues()] == [
        (1, "村级党组织“三会一课”落实不到位", 2), (2, "发展党员程序不规范", 2), (3, "村集体经济发展滞后", 1)]
    assert next(ledger.issues()).measures[0].text.startswith("对全乡12个村党支部")
    assert not any("编号" in w for w in parsed.warnings)  # the numbers run 1, 2, 3
    # ①② listing the problems, under a section 一 that numbered its points （1）（2）, stay problems
    text = (_notice("①社保基金管理存在风险问题。一是开展社保基金专项审计，已完成。二是建立基金风险防控机制，已完成。\n"
                    "②就业帮扶措施落实不到位问题。一是开展就业援助月活动，已完成。")
            .replace("镇党委成立整改工作领导小组，召开专题会议研究部署。",
                     "（1）加强组织领导，成立整改领导小组。\n（2）压实整改责任。"))
    assert [len(i.measures) for i in parse_notice(text).ledger.issues()] == [2, 1]


# -- a closing in the notice's own words ------------------------------------------------------------------

def test_a_closing_of_its_own_words_is_written_again_as_it_was() -> None:
    closing = ("欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。\n"
               "联系电话：0851-8888888；电子邮箱：xc@example.edu.cn。")
    text = _notice("1.科研经费管理不规范问题。一是开展科研经费专项检查，已完成。").replace(
        "中共某某镇委员会\n2026年11月5日", f"{closing}\n中共某某镇委员会\n2026年11月5日")
    again = render_notice(parse_notice(text).ledger)
    assert "欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。" in again
    assert "欢迎广大干部群众" not in again
    assert "联系电话：0851-8888888；电子邮箱：xc@example.edu.cn。" in again
    assert "【请填写" not in again.split("三、")[1]  # no address or postcode it never gave
    assert render_notice(parse_notice(again).ledger) == again


# -- a problem heading stating its status, measures numbered 1） ----------------------------------------

_TAGGED = ("（一）关于“校园食品安全监管不到位”的问题（已完成）\n（1）开展校园食堂专项检查，检查食堂126所；\n"
           "（2）建立校长陪餐制度。\n（二）关于“教师队伍管理不规范”的问题（正在推进）\n"
           "（1）开展在职教师有偿补课专项整治，查处违规教师3人；\n（2）修订教师绩效考核办法，正在征求意见。")


def test_a_problem_heading_stating_its_status_heads_its_measures() -> None:
    ledger = parse_notice(_notice(_TAGGED)).ledger
    assert [i.title for i in ledger.issues()] == ["关于“校园食品安全监管不到位”的问题",
                                                  "关于“教师队伍管理不规范”的问题"]
    assert [[(m.text.rstrip("；。"), m.status) for m in i.measures] for i in ledger.issues()] == [
        [("开展校园食堂专项检查，检查食堂126所", D), ("建立校长陪餐制度", D)],
        [("开展在职教师有偿补课专项整治，查处违规教师3人", P), ("修订教师绩效考核办法，正在征求意见", P)]]


def test_measures_numbered_with_a_closing_bracket_only_are_published_without_it() -> None:
    text = _notice(_TAGGED.replace("（1）", "1）").replace("（2）", "2）"))
    ledger = parse_notice(text).ledger
    assert [[m.text.rstrip("；。") for m in i.measures] for i in ledger.issues()] == [
        ["开展校园食堂专项检查，检查食堂126所", "建立校长陪餐制度"],
        ["开展在职教师有偿补课专项整治，查处违规教师3人", "修订教师绩效考核办法，正在征求意见"]]
    assert re.search(r"(?<!（)\d）", render_notice(ledger)) is None  # no half-bracketed number printed


def test_a_measure_whose_account_says_it_goes_on_is_not_said_to_go_on_twice() -> None:
    text = render_notice(parse_notice(_notice(_TAGGED)).ledger)
    assert "修订教师绩效考核办法，正在征求意见。" in text and "正在征求意见，正在推进" not in text
    # one whose account says nothing of it still says how far it got, as the heading stated
    assert "查处违规教师3人，正在推进" in text


def test_a_mark_after_a_measure_says_how_far_it_got() -> None:
    items = ("1.村级财务管理不规范问题。\n一是开展村级财务专项审计 ✅\n二是建立村级财务公开制度 ✅已完成\n"
             "三是推进村账镇代理规范化 🔄推进中")
    got = _measures(_notice(items))
    assert [(t.rstrip("。"), s, inferred) for t, s, inferred in got] == [
        ("开展村级财务专项审计", D, False), ("建立村级财务公开制度", D, False), ("推进村账镇代理规范化", P, False)]
    text = render_notice(parse_notice(_notice(items)).ledger)
    assert "一是开展村级财务专项审计，已完成。二是建立村级财务公开制度，已完成。" in text
    assert "✅" not in text and "🔄" not in text


def test_a_page_line_above_the_preamble_is_not_joined_to_it() -> None:
    title = "中共某某镇委员会关于巡察整改进展情况的通报\n来源：某某县纪委监委，编辑：张三"
    items = "1.村级财务管理不规范问题。一是开展村级财务专项审计，已完成。"
    info = parse_notice(_notice(items, title=title)).ledger.info
    assert info.preamble == _PREAMBLE and info.unit_name == "某某镇党委"
    # nor is a paragraph of a notice told without numbered headings, after the preamble
    plain = ("中共某某镇委员会关于巡察整改进展情况的通报\n" + _PREAMBLE + "\n加强组织领导，压实整改责任\n"
             "镇党委成立整改工作领导小组，召开专题会议研究部署。\n中共某某镇委员会\n2026年11月5日\n")
    assert "压实整改责任镇党委" not in render_notice(parse_notice(plain).ledger)


def test_an_own_closing_with_its_period_prints_the_period_once() -> None:
    for closing in ("欢迎社会各界对镇党委巡察整改工作进行监督。联系电话：0739-5551088。"
                    "公开期限：2026年11月10日至11月24日。",
                    "诚挚欢迎干部群众监督巡察整改工作，意见建议请在2026年11月10日至11月24日期间，通过以下方式反映：\n"
                    "联系电话：0739-5551088。"):
        text = _notice("1.科研经费管理不规范问题。一是开展科研经费专项检查，已完成。").replace(
            "中共某某镇委员会\n2026年11月5日", f"{closing}\n中共某某镇委员会\n2026年11月5日")
        again = render_notice(parse_notice(text).ledger)
        assert again.count("11月24日") == 1, again
        assert "联系电话：0739-5551088。" in again and "【请填写" not in again.split("三、")[1]


def test_a_markdown_quote_under_the_title_is_no_part_of_it() -> None:
    text = _notice("1.村级财务管理不规范问题。一是开展村级财务专项审计，已完成。",
                   title="# 中共某某镇委员会关于巡察整改进展情况的通报\n\n> 来源：某某镇发布　2026-11-05")
    info = parse_notice(text).ledger.info
    assert info.title == "中共某某镇委员会关于巡察整改进展情况的通报"
    assert info.preamble == _PREAMBLE


def test_the_notice_command_tells_a_notice_without_totals_no_totals_disagree(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # the third problem's status only guessed ("正在修订…制度。", no status of its own)
    guessed = _VILLAGE.replace("管理制度，正在推进。", "管理制度。")
    path = write_workbook(tmp_path / "公示.xlsx", parse_notice(guessed).ledger)
    assert main(["notice", str(path), "-o", str(tmp_path / "公示.txt")]) == 1
    said = capsys.readouterr().out
    assert "状态未填写或无法识别" in said and "合计对不上" not in said  # it prints no totals to disagree
