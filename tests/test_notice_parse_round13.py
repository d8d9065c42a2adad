"""Notices round thirteen: parse-notice on notices as other agencies publish them — a 法院/检察院
党组, a 国企党委, a 高校党委, a 乡镇党委, a 市直部门党组, a 医院党委, a 街道党工委 — read back into a ledger.

What now reads right:
- a feedback date given to its month only ("2025年3月，县委第二巡察组…反馈了巡察意见"): the feedback
  is a start, so the date held is the month's first day, in a parsed notice and in a ledger whose
  基本信息 says "2025年3月" alike (the ledger had read the 31st, the notice the 1st); deadlines counted
  from it end, so they count from the month's last day ("反馈后3个月内" → 2025-06-30), and a deadline
  is before the feedback only when it is before the whole month (said "早于反馈日期2025年3月");
- a notice published without its signature is signed by the party organisation its title names,
  with or without 中共 ("中共某某县人民法院党组关于…", "某某县人民检察院党组关于…");
- a Word table (问题 | 整改措施 | 进展) whose progress cell tells the row's measures in one account:
  each clause naming a measure's words is that measure's progress (it had all been the last's);
- "一是…；二是…；三是…。目前已完成2个，1个正在推进。": which measures are done is not said —
  none is guessed done (the first had been): their inferred status is left empty, the sentence
  kept in each one's 备注, a warning given; measures closing with their own status keep it and the
  counts settle the rest when they can; "以上2项措施均已完成" says every one is done;
- "计划于2026年3月启动", "拟于2026年上半年开展" — a measure only saying when it will begin — is
  未启动 (it had been 正在推进), as rectxl's own "计划于…前开展…" for a 未启动 measure reads back;
- issue titles set off in 【】 lose the brackets as 「」 and “” do; measures counted
  "第一，…；第二，…；第三，…" are measures as 一是、二是 are (they had been one measure, or kept "第一，");
- a table after the signature listing section 二's issues again (附件：…整改落实情况表) gives their
  measures its deadlines and stated statuses; the line "附件：…" before the signature is no part of
  section 三.

Every notice here is written for this file about fictional units.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl

from rectxl import api
from rectxl.core.model import Issue
from rectxl.core.notice import parse_notice
from rectxl.core.notice.parse import infer_status
from rectxl.core.notice.render import measure_sentence
from rectxl.core.status import Status
from rectxl.io.notice_file import read_notice_file

D, P, L, N = Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM, Status.NOT_STARTED


def _notice(org: str, body: str, *, preamble: str = "", signed: bool = True, title_org: str | None = None) -> str:
    head = title_org if title_org is not None else org
    preamble = preamble or (f"根据县委统一部署，2025年3月10日至5月9日，县委第三巡察组对{org.removeprefix('中共')}"
                            "进行了巡察。2025年6月18日，巡察组反馈了巡察意见。现将整改进展情况予以公布。")
    sign = f"\n{org}\n2025年10月15日\n" if signed else ""
    return (f"{head}关于巡察整改进展情况的通报\n\n{preamble}\n\n一、整改工作开展情况\n\n"
            "召开专题会议研究部署整改工作。\n\n"
            f"二、巡察反馈问题整改情况\n\n{body}\n\n三、下一步工作打算\n\n将持续巩固整改成果。\n{sign}")


def _issues(text: str) -> list[Issue]:
    return list(parse_notice(text).ledger.issues())


# -- a feedback date given to its month only --------------------------------------------------------

MONTH_ONLY = _notice("中共某某县农业农村局党组", """（一）关于贯彻落实党的路线方针政策方面

1.项目资金拨付滞后的问题。整改情况：一是清理2023年以来项目资金拨付情况，已完成；二是建立资金拨付台账，正在推进。""",
                     preamble="根据县委统一部署，2024年11月至2025年1月，县委第二巡察组对县农业农村局党组开展了常规巡察。"
                              "2025年3月，县委第二巡察组向县农业农村局党组反馈了巡察意见。现将巡察整改进展情况予以公布。")


def _ledger_book(path: Path, feedback: object, deadlines: list[str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态"])
    for k, due in enumerate(deadlines, 1):
        ws.append([k, f"问题{k}的表现", f"措施{k}", "张局长", "办公室", "李科长", due, "正在推进"])
    info = wb.create_sheet("基本信息")
    for row in (["项目", "内容"], ["单位名称", "县农业农村局"], ["反馈日期", feedback], ["报告日期", "2025年5月20日"]):
        info.append(row)
    wb.save(path)
    return path


def test_a_month_only_feedback_date_is_a_start_in_a_notice_and_in_a_ledger(tmp_path: Path) -> None:
    parsed = parse_notice(MONTH_ONLY)
    info = parsed.ledger.info
    assert (info.feedback_date, info.feedback_month_only) == (date(2025, 3, 1), True)
    assert info.deadlines_from == date(2025, 3, 31)
    # written as the month, read back as the same start
    out = tmp_path / "台账.xlsx"
    api.parse_notice_file(_write(tmp_path / "通报.txt", MONTH_ONLY), out)
    back = api.read_ledger(out).info
    assert (back.feedback_date, back.feedback_month_only, back.deadlines_from) == (
        date(2025, 3, 1), True, date(2025, 3, 31))


def test_deadlines_count_from_the_end_of_a_month_only_feedback(tmp_path: Path) -> None:
    path = _ledger_book(tmp_path / "台账.xlsx", "2025年3月", ["反馈后3个月内", "2025年3月20日", "2025年2月20日"])
    ledger = api.read_ledger(path)
    assert ledger.info.feedback_date == date(2025, 3, 1)
    assert [m.deadline.due for m in ledger.measures()] == [date(2025, 6, 30), date(2025, 3, 20), date(2025, 2, 20)]
    report = api.check(path)
    before = [f for f in report.findings if f.code == "deadline-before-feedback"]
    # March 20th may be after the feedback; February 20th is before all of March
    assert [f.cell for f in before] == ["G4"]
    assert "反馈日期2025年3月" in before[0].message
    # a day given: as before
    dated = _ledger_book(tmp_path / "台账2.xlsx", "2025年3月18日", ["反馈后3个月内"])
    assert next(api.read_ledger(dated).measures()).deadline.due == date(2025, 6, 18)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- who signs a 法院/检察院 notice -----------------------------------------------------------------

COURT_BODY = """（一）在执行工作方面

1.执行案件结案率偏低的问题。整改情况：一是开展积案清理专项行动，已清理积案126件，已完成；二是建立执行案件质效通报制度，已完成。"""


def test_a_court_or_procuratorate_is_signed_as_its_title_names_it() -> None:
    court = "中共某某县人民法院党组"
    assert parse_notice(_notice(court, COURT_BODY)).ledger.info.party_org == court
    # published without its signature: the title names who signs, with 中共 or without
    assert parse_notice(_notice(court, COURT_BODY, signed=False)).ledger.info.party_org == court
    procuratorate = "某某县人民检察院党组"
    parsed = parse_notice(_notice(procuratorate, COURT_BODY, signed=False))
    assert parsed.ledger.info.party_org == procuratorate
    assert parse_notice(_notice(procuratorate, COURT_BODY)).ledger.info.party_org == procuratorate
    # a title naming no organisation names no signer
    untitled = parse_notice(_notice(court, COURT_BODY, signed=False, title_org=""))
    assert untitled.ledger.info.party_org is None


# -- a Word table whose progress cell tells the row's measures in one account --------------------------

def test_a_table_progress_cell_is_shared_out_among_the_measures_it_names(tmp_path: Path) -> None:
    doc = docx.Document()
    for t in ["中共某某县卫生健康局党组关于县委巡察整改进展情况的通报",
              "根据县委统一部署，2025年3月17日至5月16日，县委第五巡察组对县卫生健康局党组开展了巡察。"
              "2025年7月2日，巡察组向局党组反馈了巡察意见。现将整改进展情况予以公布。",
              "一、整改工作组织情况", "局党组成立整改工作领导小组。", "二、巡察反馈问题整改情况"]:
        doc.add_paragraph(t)
    rows = [("序号", "问题", "整改措施", "进展"),
            ("1", "医疗机构药品耗材采购监管不严",
             "1.开展药品耗材采购专项检查；2.建立药品耗材采购动态监测机制；3.推进县域医共体药品统一采购",
             "专项检查已于8月完成，检查医疗机构21家，发现问题13个均已整改；动态监测机制已印发实施；"
             "县域统一采购平台正在调试，预计12月底上线。"),
            ("2", "村卫生室基本药物配备不齐", "1.摸排全县村卫生室药品配备情况；2.建立村卫生室药品配送目录",
             "已完成摸排，配送目录正在征求意见。"),
            ("3", "医疗废物处置不规范", "1.开展医疗废物专项整治；2.建立医疗废物处置台账；3.加强医务人员培训",
             "已开展培训3期，培训医务人员420人次。")]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for t in ["三、下一步工作打算", "局党组将持续巩固整改成果。", "中共某某县卫生健康局党组", "2025年11月10日"]:
        doc.add_paragraph(t)
    path = tmp_path / "通报.docx"
    doc.save(str(path))

    issues = list(parse_notice(read_notice_file(path)).ledger.issues())
    first, second, third = (i.measures for i in issues)
    assert [m.progress for m in first] == ["专项检查已于8月完成，检查医疗机构21家，发现问题13个均已整改。",
                                           "动态监测机制已印发实施。", "县域统一采购平台正在调试，预计12月底上线。"]
    assert [m.status for m in first] == [D, D, P]
    assert [m.progress for m in second] == ["已完成摸排。", "配送目录正在征求意见。"]
    assert [m.status for m in second] == [D, P]
    # an account of one measure only (培训) is that measure's; the others say no more than their text
    assert [m.progress for m in third][2] == "已开展培训3期，培训医务人员420人次。"
    assert [m.status for m in third] == [P, P, D]


# -- measures only counted by how far they got ------------------------------------------------------

COUNTED = _notice("中共某某镇委员会", """（一）关于基层党组织建设方面

1.村级组织阵地建设不规范的问题。整改情况：一是对全镇12个村党群服务中心进行规范化改造；二是完善村级组织活动场所管理制度；\
三是开展村干部履职能力培训。目前已完成2个，1个正在推进。

2.“一事一议”项目监管不到位的问题。整改情况：一是对2022年以来的项目逐一核查，已完成；二是建立项目全过程监管台账，已完成；\
三是对2个验收不合格项目督促整改。目前已完成2项，1项正在推进。

3.“微腐败”问题仍有发生的问题。整改情况：①开展群众身边不正之风和腐败问题集中整治；②对3名社区干部进行诫勉谈话。\
以上2项措施均已完成。

4.软弱涣散村党组织整顿不彻底的问题。整改情况：一是选优配强村党组织书记；二是实行班子成员包村制度。其中已完成1项、正在推进1项。""")


def test_measures_only_counted_are_not_guessed_done() -> None:
    parsed = parse_notice(COUNTED)
    first, second, third, fourth = (i.measures for i in parsed.ledger.issues())
    assert [m.text for m in first] == ["对全镇12个村党群服务中心进行规范化改造；", "完善村级组织活动场所管理制度；",
                                       "开展村干部履职能力培训。"]
    assert [m.status for m in first] == [None, None, None]
    assert all(m.status_inferred for m in first)
    assert all("目前已完成2个，1个正在推进" in m.remark and "未说明是哪几项" in m.remark for m in first)
    # two say they are done: the one left is the one going on
    assert [m.status for m in second] == [D, D, P]
    assert not any(m.remark for m in second)
    assert [m.status for m in third] == [D, D]
    assert [m.text for m in third][1] == "对3名社区干部进行诫勉谈话。"
    assert [m.status for m in fourth] == [None, None]
    assert [w for w in parsed.warnings if "只给了数目" in w] == [
        "第1个问题的3项措施，通报只给了数目（已完成2项，正在推进1项），没有说明哪几项，推断状态留空，请按实际情况填写整改状态。",
        "第4个问题的2项措施，通报只给了数目（已完成1项，正在推进1项），没有说明哪几项，推断状态留空，请按实际情况填写整改状态。"]


def test_a_count_of_other_things_is_left_with_the_measure(tmp_path: Path) -> None:
    text = _notice("中共某某镇委员会", """（一）关于基层党组织建设方面

1.村级阵地建设不规范的问题。整改情况：一是规范化改造村党群服务中心；二是完善活动场所管理制度。已完成5个，3个正在推进。""")
    measures = _issues(text)[0].measures
    assert measures[1].text.endswith("已完成5个，3个正在推进。")
    assert not any(m.remark for m in measures)


# -- a measure only saying when it will begin ------------------------------------------------------

def test_a_measure_planned_to_begin_is_not_started() -> None:
    text = _notice("中共某某县水利局党组", """（一）关于履行主体责任方面

1.小型水库管护不到位的问题。整改情况：一是开展小型水库安全隐患排查，已排查水库37座，已完成；二是实施小型水库除险加固工程，\
计划于2026年3月启动；三是建立水库管护员培训制度，拟于2026年上半年开展。""")
    assert [m.status for m in _issues(text)[0].measures] == [D, N, N]
    assert infer_status("已完成初步设计，计划于2026年3月开工") is P  # begun: the design is done
    assert infer_status("预计2025年6月底完成") is P
    assert infer_status("将在全县开展专项整治") is P  # where, not when


def test_a_not_started_measure_rectxl_publishes_reads_back_not_started() -> None:
    from rectxl.core.deadline import parse_deadline
    from rectxl.core.model import Measure

    planned = Measure(text="开展轮训", status=N, deadline=parse_deadline("2027年3月底前"))
    assert infer_status(measure_sentence(planned)) is N  # "计划于2027年3月底前开展轮训"
    assert infer_status(measure_sentence(Measure(text="开展轮训", status=N))) is N  # "拟开展轮训"


# -- wordings of other agencies -------------------------------------------------------------------

SOE = _notice("中共某某市城市建设投资集团有限公司委员会", """（一）关于贯彻落实上级决策部署方面

1.【服务城市更新主责主业不够聚焦】整改情况：一是清理退出非主业投资项目3个，已完成；二是建立主业投资负面清单管理制度，正在推进。

（二）关于全面从严治党方面

1.【“三重一大”决策制度执行不严格】整改情况：一是修订决策制度实施办法，已印发；二是对重大事项决策程序开展回头看，已完成。""",
              preamble="根据市委统一部署，2025年3月24日至5月23日，市委第六巡察组对市城投集团党委开展了常规巡察，并于2025年7月15日"
                       "反馈了巡察意见。截至2025年11月30日，巡察反馈问题23个，已整改到位19个，整改完成率82.6%；建立完善制度机制15项，"
                       "追责问责6人，收回资金326.5万元。")


def test_titles_in_black_brackets_and_totals_in_other_words() -> None:
    parsed = parse_notice(SOE)
    assert [i.title for i in parsed.ledger.issues()] == ["服务城市更新主责主业不够聚焦", "“三重一大”决策制度执行不严格"]
    totals = parsed.stated_totals
    assert (totals.issues, totals.done, totals.done_unit, totals.rate, totals.measures) == (23, 19, "问题", 82.6, None)
    # a status in black brackets is still a status, no title
    tagged = _notice("中共某某县林业局党组", "1.【已完成】林地保护不力的问题。整改情况：开展林地专项清查。")
    assert [(i.title, i.measures[0].status) for i in _issues(tagged)] == [("林地保护不力的问题", D)]


def test_measures_counted_first_second_third() -> None:
    text = _notice("中共某某职业技术学院委员会", """（一）在落实立德树人根本任务方面

问题一：「思政课教师队伍建设滞后」
整改情况：第一，按师生比1:350核定思政课教师编制，新招聘专职教师6名，已完成；第二，制定思政课教师培训三年规划，正在推进；\
第三，建立思政课教学质量评价机制，计划于2026年3月启动。

问题二：「科研经费管理存在漏洞」
整改情况：第一，开展专项审计，已完成；第二，追回违规报销经费12.8万元，已完成；第三，修订《横向科研经费管理办法》，已形成征求意见稿。""")
    first, second = _issues(text)
    assert first.title == "思政课教师队伍建设滞后"
    assert [m.text for m in first.measures] == ["按师生比1:350核定思政课教师编制，新招聘专职教师6名，已完成；",
                                                "制定思政课教师培训三年规划，正在推进；",
                                                "建立思政课教学质量评价机制，计划于2026年3月启动。"]
    assert [m.status for m in first.measures] == [D, P, N]
    assert [m.status for m in second.measures] == [D, D, P]
    assert first.measure_style == "ordinal"
    # "第一时间" is no list
    once = _notice("中共某某县林业局党组",
                   "1.林地保护不力的问题。整改情况：局党组第一时间召开会议，开展林地专项清查，已完成。")
    assert len(_issues(once)[0].measures) == 1


APPENDED = _notice("中共某某市自然资源和规划局党组", """问题1：耕地保护责任落实不到位
整改措施：一是开展耕地“非农化”“非粮化”专项排查；二是建立耕地保护田长制考核办法。
整改进展：已排查图斑1268个，整改到位1103个，其余165个正在整改；田长制考核办法已印发。

问题2：违规发放津补贴
整改措施：清退违规发放的津补贴。
整改进展：已全部清退，共计18.6万元。""").replace(
    "\n中共某某市自然资源和规划局党组\n",
    "\n附件：巡察反馈问题整改落实情况表\n\n中共某某市自然资源和规划局党组\n") + """
附件

巡察反馈问题整改落实情况表

序号\t问题\t整改措施\t完成时限\t整改状态
1\t耕地保护责任落实不到位\t开展耕地“非农化”“非粮化”专项排查\t2025年12月底前\t正在推进
\t\t建立耕地保护田长制考核办法\t2025年10月底前\t已完成
2\t违规发放津补贴\t清退违规发放的津补贴\t立行立改\t已完成
"""


def test_a_table_after_the_signature_gives_the_measures_deadlines_and_statuses() -> None:
    parsed = parse_notice(APPENDED)
    measures = list(parsed.ledger.measures())
    assert [m.deadline.text for m in measures] == ["2025年12月底前", "2025年10月底前", "立行立改"]
    assert [(m.status, m.status_inferred) for m in measures] == [(P, False), (D, False), (D, False)]
    # the progress set off by "；" answers each measure by its words
    assert [m.progress for m in measures][:2] == ["已排查图斑1268个，整改到位1103个，其余165个正在整改。",
                                                  "田长制考核办法已印发。"]
    assert parsed.ledger.info.section_three == "将持续巩固整改成果。"


BRACKET_LABELS = _notice("中共某某县交通运输局党组", """（一）落实党中央决策部署方面

1.【问题】农村公路养护经费使用不规范。
【整改措施】一是对2022年以来养护经费使用情况开展专项清查；二是修订《农村公路养护资金管理办法》。
【整改进展】专项清查已完成，清退违规列支资金15.3万元；管理办法已于9月印发。

2.【问题】交通工程项目招投标监管不严。
【整改措施】一是开展交通工程项目招投标专项检查；二是建立招标代理机构考核机制。
【整改进展】专项检查正在进行，已检查项目11个；考核机制正在起草。""")


def test_labels_set_off_in_black_brackets() -> None:
    first, second = _issues(BRACKET_LABELS)
    assert [first.title, second.title] == ["农村公路养护经费使用不规范", "交通工程项目招投标监管不严"]
    assert [m.text for m in first.measures] == ["对2022年以来养护经费使用情况开展专项清查；",
                                                "修订《农村公路养护资金管理办法》。"]
    assert [m.progress for m in first.measures] == ["专项清查已完成，清退违规列支资金15.3万元。",
                                                    "管理办法已于9月印发。"]
    assert [m.status for m in first.measures] == [D, D]
    assert [m.status for m in second.measures] == [P, P]
    # not numbered: the same
    unnumbered = _issues(BRACKET_LABELS.replace("1.【问题】", "【问题】").replace("2.【问题】", "【问题】"))
    assert [i.title for i in unnumbered] == [first.title, second.title]


def test_the_part_left_to_do_is_work_going_on() -> None:
    assert infer_status("按计划化解存量债务，2025年已化解12.6亿元，剩余部分按计划推进。") is P
    assert infer_status("清理违规项目，其余部分已完成整改。") is D


def test_an_aspect_heading_closed_by_a_full_stop() -> None:
    text = _notice("中共某某市财政局党组", """第一，关于预算管理方面。
1.预算绩效管理结果运用不充分。整改情况：一是出台结果应用办法，已完成；二是将绩效评价结果与预算安排挂钩，正在推进。

第二，关于干部队伍建设方面。
2.年轻干部培养选拔力度不够。整改情况：一是制定年轻干部培养计划，已完成；二是选派年轻干部到基层锻炼，已选派8名。""")
    assert [a.title for a in parse_notice(text).ledger.aspects] == ["关于预算管理方面", "关于干部队伍建设方面"]
