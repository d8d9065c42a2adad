"""Notices round twenty-seven: parse-notice reads the 整改进展情况的通报 other agencies publish —
how they mark a problem's status, and the wording of a status they give it.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from rectxl.core.notice.parse import parse_notice
from rectxl.core.status import Status

# ---------------------------------------------------------------------------
# 1. a status line "整改状态：申请延期，…" after a problem's measures is the problem's status
# ---------------------------------------------------------------------------

# A county audit bureau: "第N个问题：" headings, 已采取的整改措施：一是…, then 整改状态：
AUDIT = """中共南屏县审计局党组关于巡察整改进展情况的通报
按照县委统一安排，2026年4月8日至5月30日，县委第四巡察组对县审计局党组开展了巡察，并于2026年7月3日反馈了巡察意见。现将整改进展情况公布如下：
一、整改工作总体情况
局党组对反馈的2个方面4个问题逐条制定整改措施8项。
二、反馈问题整改情况
第一方面：贯彻落实党中央决策部署方面
第1个问题：审计监督聚焦主责主业不够。
已采取的整改措施：一是制定年度审计项目计划编制办法；二是将重大政策落实跟踪审计列为必审项目。
整改状态：已销号。
第2个问题：审计整改督促不够有力。
已采取的整改措施：一是对2023年以来审计查出问题建立整改台账；二是开展审计整改“回头看”。
整改状态：申请延期，预计2027年3月底前完成。
第二方面：干部队伍建设方面
第3个问题：专业人才储备不足。
已采取的整改措施：一是公开遴选审计人员3名；二是与高校合作开展业务培训。
整改状态：已销号。
第4个问题：干部年龄结构老化。
已采取的整改措施：一是制定干部队伍建设五年规划；二是争取编制招录年轻干部。
整改状态：经批准延期，需县委编办统筹解决编制后推进。
三、下一步工作打算
局党组将对延期整改问题持续跟踪，确保整改到位。
中共南屏县审计局党组
2026年11月5日
"""


def test_a_status_line_asking_for_more_time_is_the_problems_stated_status() -> None:
    parsed = parse_notice(AUDIT)
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [i.title for i in issues] == [
        "审计监督聚焦主责主业不够", "审计整改督促不够有力", "专业人才储备不足", "干部年龄结构老化"]
    measures = list(parsed.ledger.measures())
    assert len(measures) == 8
    assert [m.status for m in measures] == [Status.DONE] * 2 + [Status.IN_PROGRESS] * 2 + [
        Status.DONE] * 2 + [Status.IN_PROGRESS] * 2
    # the status line is no part of the last measure, and its status is stated, not guessed
    assert [m.text for m in issues[1].measures] == [
        "对2023年以来审计查出问题建立整改台账；", "开展审计整改“回头看”。"]
    assert [m.text for m in issues[3].measures] == ["制定干部队伍建设五年规划；", "争取编制招录年轻干部。"]
    assert not any(m.status_inferred for m in measures)
    assert not any("整改状态" in m.text or "延期" in m.text for m in measures)
    # what the status line adds stays with the problem's account, the status in its own words
    assert issues[1].measures[-1].progress.endswith("预计2027年3月底前完成。")
    assert [m.status_text for m in issues[1].measures] == ["申请延期", "申请延期"]
    assert issues[3].measures[-1].status_text == "经批准延期"


# ---------------------------------------------------------------------------
# 2. a status closing the last measure's line is that measure's when another line says work is left
# ---------------------------------------------------------------------------

# A county housing bureau: each measure a numbered line of its own, its state told after it
HOUSING = """中共石门县住房和城乡建设局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2026年3月至5月，县委第二巡察组对县住房和城乡建设局党组进行了巡察，6月15日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作总体情况
局党组制定整改方案，逐项抓好落实。
二、反馈问题整改落实情况
（一）农村危房改造验收把关不严的问题
1.对2024年以来改造的危房逐户复核验收。已完成，剩余2户因户主外出务工待明年实施。
2.修订危房改造验收办法。已完成。
（二）城区背街小巷路灯缺失的问题
1.补装背街小巷路灯，已补装126盏，其余3处待电力部门迁改线路后安装。
2.建立路灯巡查维护机制。已完成。
（三）建筑工地扬尘管控不力的问题
1.对在建工地开展扬尘专项检查。
2.督促工地落实围挡、喷淋措施。已整改到位。
三、下一步工作打算
局党组将对未完成事项持续跟进。
中共石门县住房和城乡建设局党组
2026年10月12日
"""


def test_a_measure_telling_of_work_left_is_not_done_by_the_status_closing_the_next_line() -> None:
    parsed = parse_notice(HOUSING)
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    # the first measure of each of the first two problems tells of homes and lamps still to do
    assert [m.status for m in issues[0].measures] == [Status.IN_PROGRESS, Status.DONE]
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS, Status.DONE]
    assert issues[0].measures[0].text.endswith("剩余2户因户主外出务工待明年实施。")
    assert issues[0].measures[1].text == "修订危房改造验收办法。"
    assert issues[1].measures[1].status_text == "已完成"
    # where no line says anything is left, the closing status is still the whole problem's
    assert [m.status for m in issues[2].measures] == [Status.DONE, Status.DONE]
    assert not any(m.status_inferred for m in issues[2].measures)


# ---------------------------------------------------------------------------
# 3. an account opening "已整改到位，" that tells of the rest still waiting is not done
# ---------------------------------------------------------------------------

# A county transport bureau: one measure per problem, its 整改进展 opening with a status word
ROADS = """中共安溪县交通运输局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2026年4月至6月，县委第三巡察组对县交通运输局党组进行了巡察，7月2日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作总体情况
局党组召开专题会议部署整改，明确每个问题的牵头领导和完成时限。
二、反馈问题整改落实情况
1.农村公路安全防护设施缺失的问题。
整改措施：在临水临崖路段增设波形护栏。
整改进展：已整改到位，其余4处因涉及林地审批待手续办妥后施工。
2.公路养护资金拨付滞后的问题。
整改措施：清理2025年度养护资金拨付台账。
整改进展：已完成整改，其余部分年内拨付到位。
3.客运站候车设施陈旧的问题。
整改措施：更新城区客运站候车座椅。
整改进展：已完成，其余乡镇站点均已更新。
4.治超检测站运行不规范的问题。
整改措施：修订治超检测站值班制度。
整改进展：已完成，剩余1个站点的人员培训待下月组织。
5.农村客运班线停运未及时报备的问题。
整改措施：一是对停运班线逐条核查登记；二是恢复群众出行需求较大的班线。
整改情况：一是已完成；二是已完成，剩余2条线路待道路改造完工后恢复。
三、下一步工作打算
局党组将紧盯未完成事项，按期整改到位。
中共安溪县交通运输局党组
2026年10月16日
"""


def test_an_account_opening_done_that_tells_of_the_rest_still_waiting_is_in_progress() -> None:
    parsed = parse_notice(ROADS)
    measures = list(parsed.ledger.measures())
    assert [m.text for m in measures] == [
        "在临水临崖路段增设波形护栏。", "清理2025年度养护资金拨付台账。", "更新城区客运站候车座椅。",
        "修订治超检测站值班制度。", "对停运班线逐条核查登记；", "恢复群众出行需求较大的班线。"]
    assert [m.status for m in measures] == [
        Status.IN_PROGRESS, Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS]
    # the rest still waiting stays with the account of the work
    assert "其余4处因涉及林地审批待手续办妥后施工" in measures[0].progress


# ---------------------------------------------------------------------------
# 4. only a meeting held or a plan drawn up, the work itself set to begin later: not started
# ---------------------------------------------------------------------------

# A county forestry bureau: what was done to prepare, then when the work will begin
FORESTRY = """中共青石县林业局党组关于县委巡察整改进展情况的通报
根据县委统一部署，县委第五巡察组于2026年4月至6月对县林业局党组进行了巡察，7月10日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作推进情况
局党组召开专题会议，制定整改方案，逐项明确责任人和完成时限。
二、反馈问题整改情况
1.森林防火物资储备不足的问题。
整改措施：一是配备扑火物资，已召开专题会议研究，拟于2027年一季度启动采购；二是清点现有物资库存，已完成。
2.古树名木保护不到位的问题。
整改措施：一是开展古树名木挂牌保护，已制定实施方案，计划于明年3月开始实施；二是对濒危古树开展抢救性复壮，已完成前期摸底，拟于12月中旬开展。
3.林下经济发展缓慢的问题。
整改措施：一是推广林下种植示范基地，已完成首批基地建设，拟于明年开展第二批建设；二是组织林农技术培训，已举办培训班3期。
三、下一步工作打算
局党组将紧盯未完成事项，持续推进整改。
中共青石县林业局党组
2026年10月20日
"""


def test_a_measure_with_only_a_meeting_held_and_a_start_planned_is_not_started() -> None:
    parsed = parse_notice(FORESTRY)
    measures = list(parsed.ledger.measures())
    assert len(measures) == 6
    assert [m.status for m in measures] == [
        Status.NOT_STARTED, Status.DONE, Status.NOT_STARTED, Status.NOT_STARTED,
        # the first group of bases is built: begun, the next one planned
        Status.IN_PROGRESS, Status.DONE]


# ---------------------------------------------------------------------------
# 5. a mechanism built and kept up ("已建立长效机制，持续抓好落实") is 长期坚持, not going on
# ---------------------------------------------------------------------------

# A county market regulation bureau: each measure's account ends with what is kept up after it
MARKET = """中共长乐县市场监督管理局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2026年3月至5月，县委第一巡察组对县市场监督管理局党组进行了巡察，6月20日反馈了巡察意见。现将整改进展情况公布如下。
一、整改工作开展情况
局党组将整改任务分解到各股室，实行清单化管理。
二、反馈问题整改落实情况
1.食品安全抽检工作不够规范的问题。
整改情况：一是修订抽检工作规程，已印发实施，长期抓好执行；二是建立抽检结果会商机制，已建立长效机制，持续抓好落实。
2.行政处罚案件办理超期的问题。
整改情况：一是对超期案件逐件清理，已办结11件；二是建立案件办理时限预警台账，台账已建立，持续跟踪问效。
3.特种设备隐患排查不彻底的问题。
整改情况：一是对全县电梯开展隐患排查，已完成排查，持续推进整改；二是约谈维保单位负责人，已约谈4家。
三、下一步工作打算
局党组将巩固整改成果，防止问题反弹。
中共长乐县市场监督管理局党组
2026年10月22日
"""


def test_a_mechanism_built_and_kept_up_is_kept_up_for_the_long_term() -> None:
    parsed = parse_notice(MARKET)
    measures = list(parsed.ledger.measures())
    assert len(measures) == 6
    # in place and kept up: 长期坚持 as a status (the work is in place and continues)
    assert [m.status for m in measures] == [
        Status.LONG_TERM, Status.LONG_TERM, Status.DONE, Status.LONG_TERM,
        # the survey is done, the rectification it found still going on
        Status.IN_PROGRESS, Status.DONE]


# ---------------------------------------------------------------------------
# 6. done counts stated as 销号 or 落实 ("已整改销号问题3个", "措施已落实5项") are checked
# ---------------------------------------------------------------------------

# A township: its counts say problems written off (销号) and measures carried out (落实)
TOWNSHIP = """中共北岭镇委员会关于县委巡察反馈问题整改进展情况的通报
根据县委统一部署，2026年4月至5月，县委第三巡察组对北岭镇党委开展了巡察，6月25日反馈了巡察意见。截至2026年10月底，反馈的4个问题中已整改销号问题3个，申请延期整改问题1个；制定的8项整改措施已落实{done}项。现将有关情况通报如下。
一、整改工作组织情况
镇党委成立整改工作专班，每周调度一次。
二、问题整改完成情况
1.村级财务报账不及时的问题。
整改措施：一是实行村级财务月报制度；二是对滞后报账的3个村党支部书记进行约谈。
整改状态：已销号。
2.人居环境整治成效不稳固的问题。
整改措施：一是建立“红黑榜”评比制度；二是聘请保洁员12名。
整改状态：已销号。
3.防汛物资储备不足的问题。
整改措施：一是补充储备编织袋、救生衣等物资；二是建立物资出入库台账。
整改状态：已销号。
4.集镇违章搭建较多的问题。
整改措施：一是对违章搭建逐处登记；二是依法拆除违章搭建。
整改状态：申请延期，预计12月底前拆除完毕。
三、下一步工作打算
镇党委将持续抓好延期问题整改。
中共北岭镇委员会
2026年11月3日
"""


def test_done_counts_stated_as_written_off_or_carried_out_are_checked() -> None:
    parsed = parse_notice(TOWNSHIP.format(done=6))
    assert parsed.stated_totals.done_issues == 3
    assert parsed.stated_totals.done_measures == 6
    done = [c for c in parsed.total_checks if c.item == "done"]
    assert [(c.stated, c.parsed, c.ok) for c in done] == [(3, 3, True), (6, 6, True)]
    # a count of measures carried out that the body does not bear out is told
    wrong = parse_notice(TOWNSHIP.format(done=7))
    flagged = [c for c in wrong.total_checks if c.item == "done" and not c.ok]
    assert [(c.stated, c.parsed) for c in flagged] == [(7, 6)]
    assert "已完成7项措施" in flagged[0].message


# ---------------------------------------------------------------------------
# 7. a status bracketed after a measure in a word of the office's own ("（已竣工）") is stated
# ---------------------------------------------------------------------------

# A county water bureau brackets each measure's state in the word its engineers use
WATER = """中共清河县水利局党组关于县委巡察整改进展情况的通报
根据县委统一部署，县委第四巡察组于2026年4月至5月对县水利局党组进行了巡察，6月18日反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作开展情况
局党组召开专题会议研究整改，逐项明确责任领导。
二、问题整改落实情况
（一）水利工程建设管理方面
1.小型水库除险加固进度滞后的问题。一是完成3座小型水库除险加固主体工程（已竣工）；二是开展工程质量第三方检测（已结束）；三是补齐水库管护人员（进行中）。
2.农村供水工程水费收缴矛盾突出的问题。一是逐村召开群众会议说明收费标准（已化解）；二是开展供水管网入户培训（含线上培训）。
三、下一步工作打算
局党组将持续跟踪整改进展。
中共清河县水利局党组
2026年10月25日
"""


def test_a_status_bracketed_in_the_offices_own_word_is_stated_and_leaves_the_text() -> None:
    parsed = parse_notice(WATER)
    measures = list(parsed.ledger.measures())
    assert [m.text for m in measures] == [
        "完成3座小型水库除险加固主体工程；", "开展工程质量第三方检测；", "补齐水库管护人员。",
        "逐村召开群众会议说明收费标准；", "开展供水管网入户培训（含线上培训）。"]
    assert [m.status for m in measures[:4]] == [Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE]
    assert [m.status_text for m in measures[:4]] == ["已竣工", "已结束", "进行中", "已化解"]
    assert not any(m.status_inferred for m in measures[:4])
    assert measures[4].status_inferred  # a bracket that says no status stays in the text
