"""Notices round twenty-eight: parse-notice reads the 整改进展情况的通报 other agencies publish —
the counts they state beside the done count, the 销号 they tell, and notices organised by
sub-problem that never state a total.

Every notice and ledger here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

from rectxl import api
from rectxl.core.notice.parse import parse_notice
from rectxl.core.rules import Options

# ---------------------------------------------------------------------------
# 1. counts other than done / remaining / long-term / rate are checked against the problems listed
# ---------------------------------------------------------------------------

# A county agriculture bureau: the intro counts the problems going on, put off and put right at once
FARM = """中共青溪县农业农村局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2026年3月至5月，县委第三巡察组对县农业农村局党组开展了巡察，并于2026年6月10日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作总体情况
局党组对反馈的2个方面6个问题逐项制定整改措施。截至2026年10月31日，已完成整改3个，{going}，申请延期整改问题1个，其中立行立改问题{at_once}个。
二、反馈问题整改情况
（一）落实上级决策部署方面
1.高标准农田建设管护不到位的问题。
整改情况：对全县高标准农田开展拉网式排查，建立管护台账。（已完成）
2.农业项目资金拨付滞后的问题。
整改情况：立行立改，清理积压资金并全部拨付到位。（已完成）
3.村级集体经济发展不平衡的问题。
整改情况：制定薄弱村帮扶方案，正在逐村落实。（正在推进）
（二）全面从严治党方面
4.公务接待管理不规范的问题。
整改情况：立行立改，修订公务接待管理办法。（已完成）
5.下属单位财务制度不健全的问题。
整改情况：督促下属单位修订财务制度。（正在推进）
6.农机购置补贴核查不严的问题。
整改情况：因涉及省级系统改造，已申请延期至2027年6月底完成。（申请延期）
三、下一步工作打算
局党组将持续推进未完成事项，确保整改到位。
中共青溪县农业农村局党组
2026年11月12日
"""


def _checks(text: str) -> dict[str, tuple[bool | None, str]]:
    return {c.item: (c.ok, c.message) for c in parse_notice(text).total_checks}


def test_counts_going_on_put_off_and_at_once_agree_with_the_problems_listed() -> None:
    checks = _checks(FARM.format(going="正在整改2个", at_once=2))
    assert checks["going"] == (True, "通报称正在整改的问题2个，与正文逐项写明的一致：正在整改2个。")
    assert checks["extended"][0] is True
    assert checks["at_once"] == (True, "通报称立行立改的问题2个，与正文逐项写明的一致：立行立改2个。")
    assert checks["done"][0] is True


def test_a_count_going_on_or_at_once_the_body_does_not_bear_out_is_said() -> None:
    # the other way round too: "3个问题正在加紧整改"; and 立行立改 said of 4 where two are marked
    checks = _checks(FARM.format(going="4个问题正在加紧整改", at_once=4))
    assert checks["going"] == (False, "通报称正在整改的问题4个，但正文逐项写明正在整改的问题为3个，相差1个，请核对。")
    assert checks["at_once"] == (False, "通报称立行立改的问题4个，但正文逐项写明立行立改的问题为2个，相差2个，请核对。")


def test_a_stage_reached_is_counted_as_the_problems_stated_so() -> None:
    text = FARM.format(going="正在整改2个", at_once=2).replace(
        "申请延期整改问题1个", "申请延期整改问题1个，取得阶段性成效的2个").replace(
        "（二）全面从严治党方面", "（二）全面从严治党方面")
    checks = _checks(text)
    assert checks["staged"] == (False, "通报称已完成阶段性目标的问题2个，但正文逐项写明已完成阶段性目标的问题为0个，"
                                       "相差2个，请核对。")
    staged = text.replace("正在逐村落实。（正在推进）", "已完成阶段性目标。（阶段性完成）").replace(
        "修订财务制度。（正在推进）", "修订财务制度。（取得阶段性成效）")
    assert _checks(staged)["staged"][0] is True


def test_counts_over_statuses_guessed_from_wording_cannot_be_checked() -> None:
    text = FARM.format(going="正在整改2个", at_once=2)
    for bracket in ("（已完成）", "（正在推进）", "（申请延期）"):
        text = text.replace(bracket, "")
    checks = _checks(text)
    assert checks["going"][0] is None and "正文没有逐项写明整改状态" in checks["going"][1]


HEADER = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"]
ROWS = [
    (1, "河道保洁不及时", "建立河道保洁巡查制度", "水务站", "立行立改", "已完成"),
    (2, "农村饮水工程管护缺位", "落实管护员队伍", "水务站", "2026年12月31日", "正在推进"),
    (3, "防汛物资储备不足", "补充防汛物资", "应急办", "2026年12月31日", "正在推进"),
    (4, "水利项目档案不全", "补齐项目档案", "办公室", "2027年3月31日（已申请延期）", "正在推进"),
]


def _ledger(path: Path, one: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    basic = wb.create_sheet("基本信息")
    basic.append(["项目", "内容"])
    basic.append(["单位名称", "县水务局党组"])
    basic.append(["报告日期", "2026年11月20日"])
    basic.append(["一、", one])
    wb.save(path)
    return path


def test_a_ledgers_paragraph_stating_how_many_go_on_is_checked_as_its_done_count(tmp_path: Path) -> None:
    one = "对反馈的4个问题逐条整改，已完成整改1个，正在整改2个，其中立行立改问题1个。"
    report = api.check(_ledger(tmp_path / "台账.xlsx", one), Options())
    found = [f for f in report.findings if f.code == "info-totals-mismatch"]
    assert [f.value for f in found] == ["正在整改2个"]
    assert "正在整改的问题为3个" in found[0].message
    agreeing = one.replace("正在整改2个", "正在整改3个")
    report = api.check(_ledger(tmp_path / "台账2.xlsx", agreeing), Options())
    assert [f for f in report.findings if f.code == "info-totals-mismatch"] == []


# ---------------------------------------------------------------------------
# 2. a problem the notice says 已整改销号 / 已销号 / 经验收已销号 carries the 已销号 stage
# ---------------------------------------------------------------------------

# A county statistics bureau: each problem's account ends saying how far its closure went
STATS = """中共丰谷县统计局党组关于县委巡察整改进展情况的通报
按照县委统一部署，2026年4月至6月，县委第五巡察组对县统计局党组进行了巡察，7月2日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
局党组对反馈的5个问题逐条整改，已完成整改4个，正在整改1个。
二、反馈问题整改落实情况
（一）统计数据质量把关不严的问题
整改情况：建立数据审核三级复核制度，对2025年以来的报表逐一复查。该问题已整改销号。
（二）统计执法检查覆盖面不足的问题
整改情况：制定年度统计执法检查计划，完成对42家企业的执法检查。经验收已销号。
（三）统计信息化建设滞后的问题
整改情况：完成统计联网直报平台升级改造。整改状态：已销号。
（四）统计档案管理不规范的问题
整改情况：对2020年以来统计档案全面整理归档。（已完成，经县委巡察办验收合格）
（五）基层统计人员队伍不稳定的问题
整改情况：协调乡镇落实专职统计员，正在推进。
三、下一步工作打算
局党组将巩固整改成果，建立长效机制。
中共丰谷县统计局党组
2026年11月18日
"""


def test_a_problem_stated_written_off_carries_the_closed_stage() -> None:
    from rectxl.core.closure import closure_stage
    from rectxl.core.status import Stage

    parsed = parse_notice(STATS)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues][:3] == ["统计数据质量把关不严的问题", "统计执法检查覆盖面不足的问题",
                                             "统计信息化建设滞后的问题"]
    stages = [closure_stage(m) for i in issues for m in i.measures]
    assert stages == [Stage.CLOSED, Stage.CLOSED, Stage.CLOSED, Stage.ACCEPTED, None]



# ---------------------------------------------------------------------------
# 3. notices organised by sub-problem (一、…方面 / （一）problem / 1. sub-problem), no total stated
# ---------------------------------------------------------------------------

# A county water bureau: one （一） problem answered in prose among others split into sub-problems
WATER = """中共云岭县水利局党组关于县委巡察整改进展情况的通报
根据县委统一部署，县委第一巡察组于2026年3月至5月对县水利局党组开展了常规巡察，6月18日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，制定整改方案。
二、巡察反馈问题整改落实情况
一、贯彻落实党中央决策部署方面
（一）河湖长制落实不够有力
1.河湖巡查频次不够。一是制定河湖巡查工作细则；二是每月通报巡查情况。
2.河道“四乱”问题清理不彻底。一是开展河道“四乱”清理专项行动，清理点位17处。
（二）水利工程质量监管不严
1.质量抽检比例偏低。一是将抽检比例提高到30%；二是引入第三方检测机构。
二、全面从严治党方面
（一）落实主体责任不到位
局党组修订全面从严治党主体责任清单，每季度专题研究党风廉政建设工作。
（二）违反中央八项规定精神问题仍有发生
1.超标准公务接待。一是追回超标准接待费用0.8万元；二是对相关责任人进行提醒谈话。
2.违规发放津补贴。一是全面清理津补贴发放情况；二是追缴违规发放资金2.3万元。
（三）选人用人工作不规范
干部选拔任用纪实材料已全部补齐归档，并组织开展干部工作业务培训。
三、下一步工作打算
局党组将持续巩固整改成效。
中共云岭县水利局党组
2026年11月20日
"""


def test_a_problem_heading_answered_in_prose_among_sub_problems_is_one_problem() -> None:
    parsed = parse_notice(WATER)
    titles = [i.title for i in parsed.ledger.issues()]
    assert titles == ["河湖巡查频次不够", "河道“四乱”问题清理不彻底", "质量抽检比例偏低", "落实主体责任不到位",
                      "超标准公务接待", "违规发放津补贴", "选人用人工作不规范"]
    issues = list(parsed.ledger.issues())
    assert [m.text for m in issues[3].measures] == [
        "局党组修订全面从严治党主体责任清单，每季度专题研究党风廉政建设工作。"]
    assert parsed.unplaced == [] and not any("未能归入" in w for w in parsed.warnings)
    # the headings over sub-problems stay the categories; none is counted twice
    categories = [c.title for a in parsed.ledger.aspects for c in a.categories if c.title]
    assert categories == ["河湖长制落实不够有力", "水利工程质量监管不严", "违反中央八项规定精神问题仍有发生"]


def test_a_stated_count_of_the_problems_over_sub_problems_agrees() -> None:
    # a reader counts the five headed problems (three over sub-problems, two answered in prose) —
    # or the seven sub-problems and the problems answered in prose; six is neither
    said = {n: _checks(WATER.replace("制定整改方案。", f"对反馈的2个方面{n}个问题制定整改方案。"))["issues"]
            for n in (5, 6, 7)}
    assert said[5] == (True, "通报称5个问题，与正文列出的5个问题一致（其下又分列7个具体问题，rectxl 逐个列为问题）。")
    assert said[7] == (True, "通报称7个问题，与正文编号列出的7个问题一致。")
    assert said[6][0] is False


# ---------------------------------------------------------------------------
# 4. a closing giving 来信地址 on a line of its own, signed with a date in Chinese numerals
# ---------------------------------------------------------------------------

AUDIT = """中共临江市审计局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2026年4月至6月，市委第七巡察组对市审计局党组开展了巡察，7月5日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作开展情况
局党组成立整改工作领导小组，对反馈的2个问题逐项制定整改措施。
二、反馈问题整改情况
（一）审计查出问题整改督促不力的问题
建立审计整改销号制度，对2023年以来审计查出的问题逐一跟踪督办。该问题已完成整改。
（二）审计干部专业能力不足的问题
与省审计学院合作开展业务培训，选派9名干部参加计算机审计中级培训。该问题正在推进。
三、下一步工作打算
局党组将持续巩固整改成效。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
联系电话：0736-7225810
邮政信箱：临江市邮政局第26号信箱
来信地址：临江市人民中路12号市审计局办公室（邮编：415000）
中共临江市审计局党组
二〇二六年十一月二十日
"""


def test_a_closing_with_a_letter_address_line_is_written_again_as_it_stood() -> None:
    from datetime import date

    from rectxl.core.notice.render import render_notice

    parsed = parse_notice(AUDIT)
    assert parsed.ledger.info.report_date == date(2026, 11, 20)
    assert "来信地址" not in (parsed.ledger.info.section_three or "")
    again = render_notice(parsed.ledger)
    assert "来信地址：临江市人民中路12号市审计局办公室（邮编：415000）" in again
    assert "【请填写" not in again
    assert again.rstrip().endswith("中共临江市审计局党组\n\n二〇二六年十一月二十日")


# ---------------------------------------------------------------------------
# 5. a problem's one measure told done in part, then stated 正在推进 in a sentence of its own
# ---------------------------------------------------------------------------

# A city civil-affairs bureau: "N.problem. what was done. status." one line each
CIVIL = """中共临江市民政局党组关于市委巡察整改进展情况的通报
按照市委统一部署，2026年3月至5月，市委第五巡察组对市民政局党组进行了巡察，6月30日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
局党组对反馈的4个问题，已完成整改2个、完成率50%，其余2个正在按时序推进。
二、巡察反馈问题整改情况
1.低保动态管理不精准。对全市低保对象开展入户核查，清退不符合条件对象126户。已完成。
2.社会组织登记审查不严。对登记材料开展专项检查，已完成2025年度抽查。正在推进。
3.临时救助时效性不强。推行“小金额先行救助”，将审批时限压缩至3个工作日。已完成。
4.殡葬改革推进缓慢。推进公益性公墓建设，已完成选址和立项。正在推进。
三、下一步工作打算
局党组将持续深化整改，巩固整改成效。
中共临江市民政局党组
2026年11月22日
"""


def test_a_status_sentence_after_a_step_done_is_the_one_measures_status() -> None:
    from rectxl.core.status import Status

    parsed = parse_notice(CIVIL)
    measures = list(parsed.ledger.measures())
    assert [m.status for m in measures] == [Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS]
    assert not any(m.status_inferred for m in measures)
    assert measures[3].text == "推进公益性公墓建设，已完成选址和立项。"
    checks = _checks(CIVIL)
    assert checks["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")
    assert checks["going"][0] is True


# ---------------------------------------------------------------------------
# 6. a problem's status given under 整改成效： after its measures
# ---------------------------------------------------------------------------

# A city education bureau: "1.关于…的问题" / 整改措施：一是…；二是… / 整改成效：<status>
SCHOOLS = """中共临江市教育局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2026年3月至5月，市委第四巡察组对市教育局党组开展了巡察，6月27日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
局党组对反馈的3个问题全面认领，制定整改措施7条。截至目前，完成整改问题2个，正在整改1个。
二、反馈问题整改落实情况
1.关于课后服务质量不高的问题
整改措施：一是引入非遗、科创等特色课程；二是建立课后服务家长满意度测评机制。
整改成效：已完成整改。
2.关于城区学位供给不足的问题
整改措施：一是新建、改扩建中小学5所，新增学位4800个；二是优化学区划分方案。
整改成效：正在推进。
3.关于校园食堂管理不规范的问题
整改措施：一是推行“互联网+明厨亮灶”；二是实行大宗食材统一招标采购；三是开展食堂财务专项审计。
工作成效：已整改到位。
三、下一步工作打算
局党组将持续巩固整改成果。
中共临江市教育局党组
2026年11月26日
"""


def test_a_status_under_a_results_label_is_the_problems_stated_status() -> None:
    from rectxl.core.status import Status

    parsed = parse_notice(SCHOOLS)
    issues = list(parsed.ledger.issues())
    assert [[m.status for m in i.measures] for i in issues] == [
        [Status.DONE] * 2, [Status.IN_PROGRESS] * 2, [Status.DONE] * 3]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    assert [m.text for m in issues[1].measures] == ["新建、改扩建中小学5所，新增学位4800个；", "优化学区划分方案。"]
    assert _checks(SCHOOLS)["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")


def test_a_problem_done_and_kept_up_is_counted_among_those_said_kept_up() -> None:
    # "已完成整改，并长期坚持": done, and among the problems the intro says need keeping up
    text = SCHOOLS.replace("正在整改1个。", "正在整改1个，其中需长期坚持的1个。").replace(
        "整改成效：已完成整改。", "整改成效：已完成整改，并长期坚持。")
    checks = _checks(text)
    assert checks["long_term"] == (True, "通报称需长期坚持的问题1个，与正文逐项写明的状态一致：长期坚持1个。")
    assert checks["done"][0] is True
    assert _checks(text.replace("需长期坚持的1个", "需长期坚持的2个"))["long_term"][0] is False


# ---------------------------------------------------------------------------
# 7. 问题：/整改措施：/整改成效： — the account closing with a sentence stating the status
# ---------------------------------------------------------------------------

# A city commerce bureau: each problem in the triple a 市直部门 writes
COMMERCE = """中共临江市商务局党组关于市委巡察反馈意见整改进展情况的通报
根据市委统一部署，2026年4月12日至6月15日，市委第二巡察组对市商务局党组开展了常规巡察。7月20日，市委巡察组向局党组反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作组织开展情况
局党组对反馈的3个问题逐项制定整改措施。截至2026年11月15日，已完成整改2个，正在整改1个。
二、反馈问题整改落实情况
（一）问题：外贸稳增长政策宣传解读不到位，部分企业对出口信保补贴政策知晓率低。
整改措施：编印政策汇编口袋书，组织“政策进园区”宣讲活动。
整改成效：已开展宣讲12场，覆盖企业360余家。目前已完成整改。
（二）问题：商贸领域安全生产监管存在盲区。
整改措施：联合消防部门开展商贸领域安全隐患大排查，建立问题清单和整改台账。
整改成效：排查商超、市场87家，发现隐患41处，已整改39处。目前正在推进。
（三）问题：局机关公务接待审批不严，存在先接待后审批的情况。
整改措施：修订局机关公务接待管理办法，实行接待事前审批单制度。
整改成效：新办法已于2026年9月印发实施，该问题已整改到位。
三、下一步工作打算
局党组将持续巩固整改成果，对未完成事项盯住不放。
中共临江市商务局党组
2026年11月20日
"""


def test_an_account_closing_with_its_status_states_it() -> None:
    from rectxl.core.status import Status

    parsed = parse_notice(COMMERCE)
    measures = list(parsed.ledger.measures())
    assert [m.status for m in measures] == [Status.DONE, Status.IN_PROGRESS, Status.DONE]
    assert not any(m.status_inferred for m in measures)
    # the account is published as it stands, its closing words kept
    assert measures[2].progress == "新办法已于2026年9月印发实施，该问题已整改到位。"
    assert _checks(COMMERCE)["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")


def test_a_number_alone_on_its_line_over_a_problem_label_numbers_that_problem() -> None:
    # "（一）" on a line of its own (as Word's list numbering is often copied), "问题：…" below it
    text = COMMERCE
    for n in "一二三":
        text = text.replace(f"（{n}）问题：", f"（{n}）\n问题：")
    parsed = parse_notice(text)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["外贸稳增长政策宣传解读不到位，部分企业对出口信保补贴政策知晓率低",
                                         "商贸领域安全生产监管存在盲区",
                                         "局机关公务接待审批不严，存在先接待后审批的情况"]
    assert [len(i.measures) for i in issues] == [1, 1, 1]
    assert not any(m.text.startswith("问题") for m in parsed.ledger.measures())
    assert _checks(text)["done"][0] is True


# ---------------------------------------------------------------------------
# 8. a problem tagged （立行立改） in its title is one the intro's 立行立改 count counts
# ---------------------------------------------------------------------------

# A city natural-resources bureau: the intro counts the at-once problems and the rules made
LAND = """中共临江市自然资源和规划局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2026年4月至6月，市委第二巡察组对市自然资源和规划局党组开展了巡察，7月18日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
局党组对巡察反馈的4个问题，制定整改措施11项。其中立行立改问题{n}个，已全部整改到位；截至2026年11月，共完成整改问题3个，1个问题正在整改。通过整改，制定完善制度8项，追回资金56万元。
二、反馈问题整改情况
1.耕地“非农化”问题整治不彻底（立行立改）。已对排查发现的违法占地图斑逐一整治，复耕复垦320亩。（已完成）
2.永久基本农田储备区划定滞后。已完成储备区划定成果报批。（已完成）
3.土地出让金追缴不力【立行立改】。已追缴欠缴土地出让金56万元。（已完成）
4.不动产登记窗口服务效率不高。推行“交房即交证”改革，正在扩大试点范围。（正在推进）
三、下一步工作打算
局党组将坚持标本兼治，巩固整改成果。
中共临江市自然资源和规划局党组
2026年11月23日
"""


def test_problems_tagged_at_once_in_their_titles_are_counted_as_such() -> None:
    checks = _checks(LAND.format(n=2))
    assert checks["at_once"] == (True, "通报称立行立改的问题2个，与正文逐项写明的一致：立行立改2个。")
    assert checks["measures"][0] is None  # "制定完善制度8项" is no count of the measures
    assert checks["done"][0] is True and checks["going"][0] is True
    assert _checks(LAND.format(n=3))["at_once"] == (
        False, "通报称立行立改的问题3个，但正文逐项写明立行立改的问题为2个，相差1个，请核对。")
    titles = [i.title for i in parse_notice(LAND.format(n=2)).ledger.issues()]
    assert titles[0] == "耕地“非农化”问题整治不彻底（立行立改）"  # written again as it stood


# ---------------------------------------------------------------------------
# 9. 一是…，二是…，三是…，目前已完成整改。— the last clause is the whole problem's status
# ---------------------------------------------------------------------------

# A city market-regulation bureau: each problem's measures run on in one sentence
MARKET = """中共临江市市场监督管理局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2026年3月至5月，市委第六巡察组对市市场监督管理局党组开展了巡察，6月25日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作开展情况
局党组对反馈的3个问题制定整改方案，截至目前已完成整改2个，正在整改1个。
二、反馈问题整改情况
（一）校园食品安全监管存在漏洞。一是对全市学校食堂开展拉网式检查，督促整改问题68个，二是建立校园食品安全“日管控、周排查、月调度”机制，三是约谈问题食堂负责人12人，目前已完成整改。
（二）特种设备安全监管不到位。一是开展电梯安全隐患专项治理，二是在3个小区试点电梯“保险+服务”模式，三是建立特种设备隐患排查台账，目前正在推进。
（三）“双随机、一公开”监管落实不严。一是修订随机抽查事项清单；二是对年度抽查任务完成情况开展督查，均已整改到位。
三、下一步工作打算
局党组将持续深化整改。
中共临江市市场监督管理局党组
2026年11月21日
"""


def test_a_run_on_sentences_last_clause_states_the_whole_problems_status() -> None:
    from rectxl.core.status import Status

    parsed = parse_notice(MARKET)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [3, 3, 2]
    assert [{m.status for m in i.measures} for i in issues] == [{Status.DONE}, {Status.IN_PROGRESS}, {Status.DONE}]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    assert issues[0].measures[-1].text == "约谈问题食堂负责人12人，目前已完成整改。"
    checks = _checks(MARKET)
    assert checks["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")
    assert checks["going"][0] is True


# ---------------------------------------------------------------------------
# 10. the done count of a notice counting its （一） headings over 1. sub-problems
# ---------------------------------------------------------------------------

# A city transport bureau: 第一方面 / （一）problem / 1.sub-problem. status — counts in Chinese numerals
ROADS = """中共临江市交通运输局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2026年3月至5月，市委第三巡察组对市交通运输局党组开展了巡察，6月22日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
局党组对反馈的两个方面三个问题，逐项细化为五个具体问题抓整改。截至2026年10月底，三个问题中已完成整改{done}个，正在整改一个。
二、反馈问题整改情况
第一方面：服务保障大局不够有力
（一）农村公路建设管护不到位
1.部分农村公路路面破损修复不及时。已完成破损路面修复42公里。（已完成）
2.农村公路管护资金使用不规范。已修订管护资金管理办法。（已完成）
（二）交通运输安全监管存在短板
3.道路运输企业安全检查不深入。已对全市68家运输企业开展安全检查。（已完成）
4.渡口渡船安全隐患整治不彻底。已改造渡口码头5处，剩余2处正在施工。（正在推进）
第二方面：全面从严治党落实不到位
（三）工程项目管理不规范
5.个别项目未批先建。已对相关责任人进行问责。（已完成）
三、下一步工作打算
局党组将持续推进整改。
中共临江市交通运输局党组
2026年11月15日
"""


def test_the_done_count_of_problems_counted_by_their_headings_is_checked_so() -> None:
    checks = _checks(ROADS.format(done="两"))
    assert checks["issues"] == (True, "通报称3个问题，与正文列出的3个问题一致（其下又分列5个具体问题，"
                                      "rectxl 逐个列为问题）。")
    assert checks["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")
    assert checks["going"][0] is True
    assert _checks(ROADS.format(done="三"))["done"][0] is False


def test_a_count_written_off_is_checked_against_the_problems_stated_so() -> None:
    said = STATS.replace("已完成整改4个，", "已完成整改4个，其中已整改销号{n}个，")
    assert _checks(said.format(n=3))["closed"] == (True, "通报称已销号的问题3个，与正文逐项写明的一致：已销号3个。")
    assert _checks(said.format(n=4))["closed"] == (
        False, "通报称已销号的问题4个，但正文逐项写明已销号的问题为3个，相差1个，请核对。")
    # a body saying of no problem that it was written off cannot bear a count out
    bare = said.format(n=3).replace("该问题已整改销号。", "该问题已整改到位。").replace(
        "经验收已销号。", "已完成。").replace("整改状态：已销号。", "整改状态：已完成。")
    assert _checks(bare)["closed"][0] is None


def test_a_count_of_something_else_in_a_state_is_no_count_of_the_problems() -> None:
    # "正在推进3项重点工程", "延期整改1个月": a count, but not of the problems or measures
    text = FARM.format(going="正在整改2个", at_once=2).replace(
        "正在整改2个，申请延期整改问题1个，", "局党组正在推进3项重点水利工程，1个问题经批准延期整改1个月，")
    checks = _checks(text)
    assert "going" not in checks
    assert checks["extended"] == (True, "通报称申请延期的问题1个，与正文逐项写明的一致：申请延期1个。")


# ---------------------------------------------------------------------------
# 11. 一是…（已完成）；二是…（正在推进）。— written again with its separators
# ---------------------------------------------------------------------------

COLLEGE = """中共临江职业技术学院委员会关于巡察整改进展情况的通报
根据市委统一部署，2026年4月至6月，市委第九巡察组对临江职业技术学院党委进行了巡察，7月6日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
学院党委共梳理出2个具体问题，制定整改措施5条，目前已完成4条，措施完成率80%。
二、巡察反馈问题整改情况
（一）关于产教融合推进不够深入的问题
整改进展：一是与12家企业共建产业学院3个（已完成）；二是修订校企合作管理办法（已完成）；三是建设实训基地2个（正在推进）。
（二）关于学生资助工作不精准的问题
整改进展：一是建立家庭经济困难学生动态认定机制（已完成）；二是对资助资金发放情况开展专项核查（已完成）。
三、下一步工作打算
学院党委将持续巩固整改成效。
中共临江职业技术学院委员会
2026年11月28日
"""


def test_bracketed_statuses_between_run_on_measures_keep_their_separators_when_written_again() -> None:
    from rectxl.core.notice.render import render_notice

    parsed = parse_notice(COLLEGE)
    again = render_notice(parsed.ledger)
    assert ("一是与12家企业共建产业学院3个（已完成）；二是修订校企合作管理办法（已完成）；"
            "三是建设实训基地2个（正在推进）。") in again
    assert "一是建立家庭经济困难学生动态认定机制（已完成）；二是对资助资金发放情况开展专项核查（已完成）。" in again
    # and it reads back the same
    assert [m.status for m in parse_notice(again).ledger.measures()] == [m.status for m in parsed.ledger.measures()]
