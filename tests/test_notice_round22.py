"""Notices round twenty-two: notices as other agencies write them survive parse-notice → ledger → notice.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from rectxl import api
from rectxl.core.model import Aspect, Category, Issue, Ledger, Measure
from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.status import Status

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, text: str, name: str = "通报") -> tuple[Path, str]:
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    ledger = tmp_path / f"{name}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{name}_通报.txt"
    api.notice(ledger, out)
    return ledger, out.read_text(encoding="utf-8")


# A village's 公示: its problems numbered 一、二、, each named on a line of its own and answered on
# the next line under 整改情况：
VILLAGE = """柳塘村党支部关于村级巡察整改情况的公示
根据镇党委统一安排，镇巡察组于2025年4月对我村开展了村级巡察，5月12日反馈了巡察意见，共指出问题4个。现将整改情况公示如下：
一、关于村级账务公开不及时的问题。
整改情况：村“两委”按月公开村级账务，在公开栏张贴。已整改到位。
二、关于集体鱼塘发包不规范的问题。
整改情况：一是重新评估鱼塘租金；二是按程序公开发包。已整改到位。
三、关于村干部值班制度落实不严的问题。
整改情况：制定值班表，每日安排一名村干部坐班。已整改到位。
四、关于困难群众台账不全的问题。
整改情况：逐户走访核实，补齐台账，正在整改中。
欢迎广大村民监督。联系电话：13900002222。
中共柳塘村支部委员会
2025年7月1日
"""


def test_problems_numbered_as_parts_and_answered_below_are_the_items() -> None:
    parsed = parse_notice(VILLAGE)
    titles = [i.title for i in parsed.ledger.issues()]
    assert titles == ["关于村级账务公开不及时的问题", "关于集体鱼塘发包不规范的问题",
                      "关于村干部值班制度落实不严的问题", "关于困难群众台账不全的问题"]
    assert [len(i.measures) for i in parsed.ledger.issues()] == [1, 2, 1, 1]
    check = next(c for c in parsed.total_checks if c.item == "issues")
    assert check.ok is True


def test_the_village_notice_is_written_back_item_by_item(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, VILLAGE, "柳塘村")
    assert "一、关于村级账务公开不及时的问题。" in back
    assert "四、关于困难群众台账不全的问题。逐户走访核实，补齐台账，正在整改中。" in back
    assert "【请填写" not in back


# A township's notice: measures numbered 1）2）3） in the paragraph after 整改情况：, a status after each
TOWNSHIP = """中共石门镇委员会关于县委巡察整改进展情况的通报
按照县委统一部署，2025年3月10日至5月9日，县委第一巡察组对镇党委开展了常规巡察，6月5日反馈了巡察意见。现将整改进展情况公布如下。
一、组织领导情况
镇党委召开专题会议，制定整改方案。
二、反馈问题整改情况
（一）贯彻落实上级决策部署方面
1．特色产业培育不力的问题。
整改情况：1）编制镇级茶产业规划，已完成；2）引进茶叶加工企业1家，已完成；3）培育种植大户6户，正在推进。
2．农村人居环境整治不彻底的问题。
整改情况：1）开展村庄清洁行动，已完成；2）建立保洁长效机制，长期坚持。
（二）落实全面从严治党责任方面
3．村级财务审核不严的问题。
整改情况：1）对9个村开展财务审计，已完成；2）规范村级报账流程，已完成。
截至2025年9月30日，反馈的2个方面3个问题，细化整改措施7条，已完成5条。
三、下一步工作打算
镇党委将继续巩固整改成果。
中共石门镇委员会
2025年10月9日
"""


def test_measures_numbered_with_a_closing_bracket_alone_are_each_a_measure() -> None:
    parsed = parse_notice(TOWNSHIP)
    first = next(parsed.ledger.issues())
    assert [m.text.rstrip("；;。") for m in first.measures] == [
        "编制镇级茶产业规划，已完成", "引进茶叶加工企业1家，已完成", "培育种植大户6户，正在推进"]
    assert [m.status.value if m.status else None for m in first.measures] == ["已完成", "已完成", "正在推进"]
    check = next(c for c in parsed.total_checks if c.item == "measures")
    assert check.ok is True and check.parsed == 7


def test_measures_are_numbered_back_as_the_notice_numbered_them(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, TOWNSHIP, "石门镇")
    # (a half bracket is published whole)
    assert "1.特色产业培育不力的问题。（1）编制镇级茶产业规划，已完成；（2）引进茶叶加工企业1家，已完成；" \
           "（3）培育种植大户6户，正在推进。" in back
    circled = TOWNSHIP.replace("1）", "①").replace("2）", "②").replace("3）", "③")
    _, back = _round_trip(tmp_path, circled, "石门镇二")
    assert "3.村级财务审核不严的问题。①对9个村开展财务审计，已完成；②规范村级报账流程，已完成。" in back
    assert "（1）" not in back


# A university's notice after a 巡视: its aspects numbered 1. and 2. under 二、, the problems 1.1, 1.2…
UNIVERSITY = """中共青川学院委员会关于巡视整改进展情况的通报
根据省委统一部署，2025年3月至5月，省委第五巡视组对学校党委进行了巡视，6月18日反馈了巡视意见。现将巡视整改进展情况予以公布。
一、提高政治站位，扎实推进巡视整改
学校党委召开常委会研究整改工作，建立问题、任务、责任三张清单。
二、巡视反馈问题整改落实情况
1. 落实立德树人根本任务有差距
1.1 辅导员队伍配备不足。
一是新进专职辅导员20名（已完成）；二是修订辅导员考核办法（正在推进）。
1.2 实验室安全管理不到位。
一是开展实验室安全专项检查（已完成）；二是建立危化品全流程台账（已完成）。
2. 落实全面从严治党责任不到位
2.1 科研经费报销审核不严。
一是修订科研经费管理办法（已完成）；二是对近三年报销开展抽查（已完成）。
截至2025年10月底，反馈的2个方面3个问题，制定整改措施6项，已完成5项，其余1项正在推进。
三、下一步工作
学校党委将持续抓好巡视整改。
中共青川学院委员会
2025年11月6日
"""


def test_groups_numbered_one_dot_over_one_dot_one_problems_are_the_aspects() -> None:
    parsed = parse_notice(UNIVERSITY)
    assert [a.title for a in parsed.ledger.aspects] == ["落实立德树人根本任务有差距", "落实全面从严治党责任不到位"]
    assert [len(list(a.issues())) for a in parsed.ledger.aspects] == [2, 1]
    aspects = next(c for c in parsed.total_checks if c.item == "aspects")
    assert aspects.ok is True, aspects.message
    assert all(c.ok is not False for c in parsed.total_checks), [c.message for c in parsed.total_checks]


# A company's notice: each problem's status stated once, after its measures
COMPANY = """中共东岭能源集团有限公司委员会关于巡察整改情况的通报
按照省国资委党委统一部署，2025年2月至4月，省国资委党委第一巡察组对集团党委开展了巡察，5月20日反馈了巡察意见。现将整改情况通报如下。
一、整改工作组织领导情况
集团党委成立巡察整改工作领导小组，党委书记任组长。
二、巡察反馈问题整改落实情况
（一）关于党的领导方面
1.主业投资管控不严。
整改措施：一是制定主业投资负面清单；二是清退非主业参股项目2个。
整改进展：已完成。
2.“三重一大”决策程序不规范。
整改措施：一是修订决策事项清单；二是建立决策事项督办台账。
整改进展：正在推进。
（二）关于全面从严治党方面
3.差旅费报销审核不严。
整改措施：一是追回超标准报销费用1.8万元；二是修订差旅费管理办法。
整改进展：已完成。
三、下一步工作打算
集团党委将持续深化整改。
中共东岭能源集团有限公司委员会
2025年9月3日
"""


def test_a_status_stated_once_after_the_measures_is_written_once_again(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COMPANY, "东岭能源")
    assert [m.status.value for m in parse_notice(COMPANY).ledger.measures()] == [
        "已完成", "已完成", "正在推进", "正在推进", "已完成", "已完成"]
    lines = _section_two(back)
    assert "1.主业投资管控不严。一是制定主业投资负面清单；二是清退非主业参股项目2个。已完成。" in lines
    assert "2.“三重一大”决策程序不规范。一是修订决策事项清单；二是建立决策事项督办台账。正在推进。" in lines
    assert back.count("已完成") == 2
    # read back once more, it is the same notice
    _, again = _round_trip(tmp_path, back, "东岭能源再读")
    assert _section_two(again) == lines


def test_a_notice_stating_each_measures_status_keeps_them_apart(tmp_path: Path) -> None:
    each = COMPANY.replace("一是制定主业投资负面清单；二是清退非主业参股项目2个。\n整改进展：已完成。",
                           "一是制定主业投资负面清单，已完成；二是清退非主业参股项目2个，正在推进。")
    _, back = _round_trip(tmp_path, each, "东岭能源二")
    assert "一是制定主业投资负面清单，已完成；二是清退非主业参股项目2个，正在推进。" in back
    assert "一是修订决策事项清单，正在推进。二是建立决策事项督办台账，正在推进。" in back


# A county's notice after a 巡视, its problems grouped under headings saying how far they got
COUNTY = """中共平川县委关于省委巡视整改进展情况的通报
根据省委统一部署，2025年3月18日至5月16日，省委第三巡视组对平川县进行了巡视。2025年6月26日，省委巡视组向县委反馈了巡视意见。现将巡视整改进展情况予以公布。
一、县委履行巡视整改主体责任情况
县委常委会召开专题会议，研究部署整改工作。
二、巡视反馈问题整改落实情况
（一）已完成整改的问题（2个）
1.关于县域产业链条不完整的问题。制定产业链招商三年行动方案，引进配套企业4家，已完成。
2.关于涉农资金监管不严的问题。开展涉农资金专项审计，追回违规资金23万元，已完成。
（二）正在推进整改的问题（1个）
3.关于城区排水管网老化的问题。已改造管网6公里，剩余3公里计划2026年5月底前完工。
三、下一步工作
县委将持续推动整改落实。
中共平川县委
2025年12月12日
"""


def test_a_problem_ending_in_its_status_does_not_say_the_headings_word_again(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COUNTY, "平川县")
    assert "1.关于县域产业链条不完整的问题。制定产业链招商三年行动方案，引进配套企业4家，已完成。" in _section_two(back)
    assert "已完成，已完成整改" not in back


def test_the_count_in_a_status_groups_heading_is_written_back_with_it(tmp_path: Path) -> None:
    _, back = _round_trip(tmp_path, COUNTY, "平川县计数")
    lines = _section_two(back)
    assert "（一）已完成整改的问题（2个）" in lines and "（二）正在推进整改的问题（1个）" in lines
    # a clerk's ledger keeps its bracketed count to itself
    done = Measure(text="补齐活动记录", status=Status.DONE, status_text="已完成")
    clerk = Ledger(aspects=[Aspect(title="党的建设方面", count_note="（共1个问题）", categories=[
        Category(issues=[Issue(title="支部活动记录不全", measures=[done])])])])
    assert "（共1个问题）" not in render_notice(clerk)


# A bureau's notice copied from its web page: the round's measures counted after the last problem
WATER = """首页 > 信息公开 > 巡察整改 > 正文
中共清河市水务局党组关于市委巡察整改进展情况的通报
发布时间：2025-10-20 10:32   来源：市水务局   浏览次数：312
根据市委统一部署，2025年3月至5月，市委第六巡察组对市水务局党组开展了巡察，6月11日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作组织落实情况
局党组成立整改工作领导小组，驻局纪检监察组全程参与监督。
二、反馈问题整改落实情况
1.关于河湖长制落实不到位的问题
整改情况：一是修订巡河制度，巡河频次纳入考核；二是开展清“四乱”行动，清理问题点位56处。目前该问题已整改完成。
2.关于在建工程监管不严的问题
整改情况：驻局纪检监察组开展专项监督检查4次，督促整改问题11个。持续推进。
截至目前，12条整改措施已完成10条，整改完成率为83.33%，剩余2条正在推进中。
三、下一步工作打算
局党组将持续压实整改责任。
中共清河市水务局党组
2025年10月20日
上一篇：市水务局召开防汛工作部署会
主办单位：清河市水务局  网站标识码：0000000001
"""


def test_a_count_of_the_rounds_measures_after_the_last_problem_is_the_totals_sentence() -> None:
    parsed = parse_notice(WATER)
    last = list(parsed.ledger.issues())[-1]
    assert [m.text for m in last.measures] == ["驻局纪检监察组开展专项监督检查4次，督促整改问题11个。"]
    assert last.measures[0].status is Status.LONG_TERM
    assert parsed.stated_totals.measures == 12 and parsed.stated_totals.done_measures == 10
    rate = next(c for c in parsed.total_checks if c.item == "rate")
    assert rate.ok is True, rate.message


# A district bureau's notice copied out of its PDF: lines broken at the page's width, page numbers
SCHOOLS_PDF = """中共某某区教育局委员会
关于区委巡察整改进展情况的通报
根据区委统一部署，2025年4月8日至6月6日，区委第三巡察组
对区教育局党委开展了常规巡察。2025年7月15日，巡察组向局
党委反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作开展情况
局党委召开党委会专题研究，对反馈的2个方面3个问题，细化整改
措施6项。
二、反馈问题整改落实情况
（一）党的领导方面
1.校外培训治理不到位的问题。一是开展校外培训机构专项
检查，关停无证机构6家，已完成；二是建立课后服务经费保障
机制，已完成。
— 2 —
2.校园安全隐患排查不彻底的问题。一是对全区学校开展安全
隐患大排查，已完成；二是完成消防设施改造，正在推进。
（二）全面从严治党方面
3.教师有偿补课查处不力的问题。一是开展专项整治，查处违规
教师5人，已完成；二是建立师德失范举报平台，已完成。
三、下一步工作打算
局党委将持续巩固整改成效。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：
0000-7654321；电子邮箱：
jyj@example.cn。
— 3 —
中共某某区教育局委员会
2025年12月3日
"""


def test_a_contact_label_whose_value_a_pdf_put_on_the_next_line_keeps_it(tmp_path: Path) -> None:
    parsed = parse_notice(SCHOOLS_PDF)
    assert parsed.ledger.info.phone == "0000-7654321"
    _, back = _round_trip(tmp_path, SCHOOLS_PDF, "区教育局")
    assert "联系电话：0000-7654321；电子邮箱：jyj@example.cn。" in back
    assert "联系电话：\n" not in back and not back.rstrip().endswith("联系电话：")


# A health bureau's notice: "2个方面3个问题", its problems labelled 问题1：… under no aspect heading
HEALTH = """中共某某县卫生健康局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月至6月，县委第一巡察组对县卫生健康局党组开展了巡察，7月8日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作总体情况
局党组成立整改领导小组，派驻纪检监察组全程跟踪督办。对反馈的2个方面3个问题，制定整改措施5项，已完成4项。
二、具体问题整改情况
问题1：乡镇卫生院药品采购不规范。
整改情况：一是开展药品采购专项审计，已完成；二是建立集中采购监管平台，已完成。
问题2：公立医院党建工作薄弱。
整改情况：一是调整充实医院党委班子，已完成；二是建立党建与业务融合考核办法，正在推进。
问题3：医疗设备闲置浪费。
整改情况：盘活闲置设备14台，已完成。
三、下一步工作
局党组将持续推进整改。
中共某某县卫生健康局党组
2025年11月20日
"""


def test_aspects_counted_over_problems_listed_under_no_aspect_cannot_be_checked(tmp_path: Path) -> None:
    parsed = parse_notice(HEALTH)
    aspects = next(c for c in parsed.total_checks if c.item == "aspects")
    assert aspects.ok is None and "没有按方面分列" in aspects.message
    assert all(c.ok is not False for c in parsed.total_checks)
    source = tmp_path / "卫健局.txt"
    source.write_text(HEALTH, encoding="utf-8")
    command = [sys.executable, "-m", "rectxl", "parse-notice", str(source), "-o", str(tmp_path / "卫健局.xlsx")]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "不一致" not in done.stdout


def test_a_village_speaking_of_itself_is_named_as_its_title_names_it(tmp_path: Path) -> None:
    assert parse_notice(VILLAGE).ledger.info.unit_name == "柳塘村党支部"
    community = VILLAGE.replace("对我村", "对本社区").replace("柳塘村党支部关于", "柳塘社区党委关于")
    assert parse_notice(community).ledger.info.unit_name == "柳塘社区党委"
    ledger, _ = _round_trip(tmp_path, VILLAGE, "柳塘村台账")
    title = openpyxl.load_workbook(ledger)["台账"]["A1"].value
    assert title == "柳塘村党支部巡察整改台账"


def test_a_ledger_read_from_a_xunshi_notice_is_titled_so(tmp_path: Path) -> None:
    ledger, _ = _round_trip(tmp_path, UNIVERSITY, "青川学院")
    assert openpyxl.load_workbook(ledger)["台账"]["A1"].value == "青川学院党委巡视整改台账"
