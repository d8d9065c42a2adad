"""Notices in yet more offices' styles: issues run on into their aspect's line ("（一）…方面。
1.…。整改情况：…。2.…"), a text saved with hard line breaks (with and without indented
paragraphs, a line starting "二、三季度…" that is no heading), a one-line count summary under
each 二级单位 heading, a Markdown table with aspect rows and a 进展 cell opening with a status,
notes and an appendix table after the signature, issues grouped by status, an issue closing
with "目前，该问题已完成整改。", a two-line signature, an inspection extended to the unit
("并对…开展了延伸巡察"), and sections besides the next steps after the items.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

from rectxl.core.model import Status
from rectxl.core.notice import ParsedNotice, parse_notice
from rectxl.core.notice.parse import APPENDIX_KEY, NOTES_KEY


def _counts(parsed: ParsedNotice) -> tuple[int, int, int]:
    ledger = parsed.ledger
    issues = list(ledger.issues())
    return (sum(1 for a in ledger.aspects if a.title is not None), len(issues),
            sum(len(i.measures) for i in issues))


def _check(parsed: ParsedNotice, item: str) -> list:  # type: ignore[type-arg]
    return [c for c in parsed.total_checks if c.item == item]


def _measures_per_issue(parsed: ParsedNotice) -> list[int]:
    return [len(i.measures) for i in parsed.ledger.issues()]


# ---------------------------------------------------------------------------
# 1. Issues run on into their aspect's line
# ---------------------------------------------------------------------------

RUN_IN = """中共清河县柳湾乡委员会关于县委巡察整改情况的通报

2025年3月至4月，县委第二巡察组对柳湾乡党委开展了巡察，并于2025年5月8日反馈了巡察意见。乡党委对反馈的2个方面5个问题全面认领，制定整改措施9条，目前5个问题已全部完成整改。现将有关情况通报如下：

（一）基层治理方面。1.村务公开不及时。整改情况：督促各村按月公开村务，已完成。2.矛盾纠纷调处不力。整改情况：一是成立乡级调解委员会。二是化解积案4件，涉及金额2.3万元。

（二）作风建设方面。3.值班制度执行不严。整改情况：一是修订值班制度。二是开展值班抽查12次。4.公务用车管理不规范。整改情况：一是建立派车台账。二是清退违规补助0.6万元。5.学习流于形式。整改情况：一是制定学习计划。二是开展专题学习3次。

欢迎广大干部群众监督。联系电话：0731-5550123。

中共清河县柳湾乡委员会
2025年8月20日
"""


def test_issues_run_on_into_the_aspect_line_are_split_out() -> None:
    parsed = parse_notice(RUN_IN)
    assert _counts(parsed) == (2, 5, 9)
    assert _measures_per_issue(parsed) == [1, 2, 2, 2, 2]
    assert [a.title for a in parsed.ledger.aspects] == ["基层治理方面", "作风建设方面"]
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3, 4, 5]
    assert issues[1].title == "矛盾纠纷调处不力"
    assert "2.3万元" in issues[1].measures[1].text  # an amount, not issue 3
    assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "measures"))
    assert not any("只公布了整改总数" in w for w in parsed.warnings)


def test_the_same_notice_one_issue_a_line_reads_alike() -> None:
    lines = RUN_IN.replace("方面。1.", "方面\n1.").replace("。2.", "。\n2.").replace("方面。3.", "方面\n3.")
    lines = lines.replace("。4.", "。\n4.").replace("。5.", "。\n5.")
    one, other = parse_notice(RUN_IN), parse_notice(lines)
    assert _counts(one) == _counts(other)
    assert ([i.title for i in one.ledger.issues()] == [i.title for i in other.ledger.issues()])


LIST_AFTER_COLON = """中共清河县林业局党组关于县委巡察整改进展情况的通报
2025年4月，县委第一巡察组对县林业局党组开展了巡察，并于2025年6月3日反馈了巡察意见。现将整改进展情况通报如下。
一、巡察反馈问题整改落实情况
（一）资源保护方面
1.林地保护不力的问题。整改措施：1.开展林地专项清查。2.建立巡护台账。3.约谈乡镇2个。
2.防火责任落实不到位的问题。一是修订防火预案。二是开展演练3次。
二、下一步工作打算
局党组将持续巩固整改成果。
中共清河县林业局党组
2025年9月1日
"""


def test_a_list_numbered_after_a_colon_stays_inside_its_issue() -> None:
    parsed = parse_notice(LIST_AFTER_COLON)
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2]
    assert issues[0].title == "林地保护不力的问题"


NOT_SIBLINGS = """中共清河县水务局党组关于县委巡察整改进展情况的通报
2025年4月，县委第三巡察组对县水务局党组开展了巡察，并于2025年6月5日反馈了巡察意见。现将整改进展情况通报如下。
一、巡察反馈问题整改落实情况
（一）工程管理方面
1.工程验收不规范的问题。一是修订验收办法，明确2类验收程序。2.建立验收档案。
2.质量监督不到位的问题。一是开展质量抽检。二是约谈施工单位。
二、下一步工作打算
局党组将持续巩固整改成果。
中共清河县水务局党组
2025年9月2日
"""


def test_a_number_repeated_by_the_next_line_is_no_run_in_issue() -> None:
    parsed = parse_notice(NOT_SIBLINGS)
    assert [i.number for i in parsed.ledger.issues()] == [1, 2]


# ---------------------------------------------------------------------------
# 2. Hard line breaks
# ---------------------------------------------------------------------------

FLAT = """中共白沙市石桥区统计局党组关于区委巡察整改进展情况的通报
根据区委统一部署，2025年3月10日至4月25日，区委第五巡察组对区统计局党组开展了常规巡察，并于2025年6月16日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议5次研究整改工作，对巡察反馈的2个方面5个问题，制定整改措施11项。截至2025年9月30日，5个问题已全部完成整改，11项整改措施均已完成。
二、巡察反馈问题整改落实情况
（一）关于统计数据质量方面
1.基层统计台账不健全的问题。一是对全区42家规上企业统计台账逐一核查，补建台账17本。二是按照一、二、三季度分别开展台账抽查，抽查企业126家次。三是建立台账年度评估制度。
2.统计执法力度不够的问题。一是开展统计执法检查，立案查处统计违法案件3起，罚款1.8万元。二是公开曝光典型案例2起。
3.数据审核把关不严的问题。一是建立数据三级审核制度。二是开展数据质量评估。
（二）关于机关建设方面
4.干部业务能力不足的问题。一是举办统计业务培训班4期，培训干部210人次。二是选派干部赴上级部门跟班学习。
5.制度执行不到位的问题。一是修订机关内部管理制度12项。二是开展制度执行情况督查。
三、下一步工作打算
局党组将持续巩固整改成果，推动统计工作高质量发展。
欢迎社会各界对巡察整改落实情况进行监督。联系电话：0739-82345678；电子邮箱：sqtjj@example.cn。
中共白沙市石桥区统计局党组
2025年10月9日
"""


def _wrap(text: str, width: int, *, indent: bool) -> str:
    """The notice as a text saved with hard line breaks every ``width`` characters (paragraphs
    opening with two full-width spaces when ``indent``); the title and signature unbroken."""
    lines = text.strip("\n").split("\n")
    out = [lines[0]]
    for line in lines[1:-2]:
        para = ("\u3000\u3000" + line) if indent else line
        out.extend(para[k:k + width] for k in range(0, len(para), width))
    return "\n".join([*out, *lines[-2:]]) + "\n"


def test_a_text_with_hard_line_breaks_reads_as_the_clean_text() -> None:
    clean = parse_notice(FLAT)
    assert _counts(clean) == (2, 5, 11)
    for width, indent in ((25, False), (26, True), (24, False), (25, True), (29, False)):
        wrapped = _wrap(FLAT, width, indent=indent)
        parsed = parse_notice(wrapped)
        assert _counts(parsed) == (2, 5, 11), (width, indent)
        assert _measures_per_issue(parsed) == [3, 2, 2, 2, 2]
        info = parsed.ledger.info
        assert info.inspection_group == "区委第五巡察组"
        assert info.phone == "0739-82345678"
        assert info.heading_three == "下一步工作打算"
        assert "一、二、三季度" in next(iter(parsed.ledger.issues())).measures[1].text
        assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "measures"))


def test_a_line_after_an_enumeration_comma_goes_on_with_it() -> None:
    text = FLAT.replace("二是按照一、二、三季度分别", "二是按照一、\n二、三季度分别")
    parsed = parse_notice(text)
    assert _counts(parsed) == (2, 5, 11)


# ---------------------------------------------------------------------------
# 3. A count summary under each 二级单位 heading
# ---------------------------------------------------------------------------

SUBSIDIARIES = """中共北岭矿业集团有限公司委员会关于集团党委巡察整改进展情况的通报

2025年3月至5月，集团党委第一巡察组对北岭选矿有限公司、北岭运输有限公司等2家二级单位党委开展了巡察，2025年6月20日反馈了巡察意见。2家二级单位共收到巡察反馈问题5个，制定整改措施11项。现将整改进展情况通报如下。

一、二级单位巡察反馈问题整改情况

（一）北岭选矿有限公司

本单位共反馈问题3个，制定整改措施7项，已完成整改3个。

1.安全投入不足的问题。一是追加安全投入860万元。二是更新除尘设备12台。三是建立安全投入台账。

2.物资采购不规范的问题。一是修订采购管理办法。二是上线采购平台。

3.干部交流不足的问题。一是交流中层干部6名。二是建立轮岗制度。

（二）北岭运输有限公司

该公司共反馈问题2个，制定整改措施4项，已完成整改1个，正在推进1个。

1.车辆调度不合理的问题。一是上线智能调度系统。二是优化运输线路5条。

2.应收账款清收不力的问题。一是成立清收专班。二是正在通过诉讼清收欠款。

二、下一步工作打算

集团党委将持续督促各单位巩固整改成果。

中共北岭矿业集团有限公司委员会
2025年10月15日
"""


def test_a_count_summary_under_a_unit_heading_is_its_summary_not_its_body() -> None:
    parsed = parse_notice(SUBSIDIARIES)
    assert _counts(parsed) == (2, 5, 11)
    assert [a.title for a in parsed.ledger.aspects] == ["北岭选矿有限公司", "北岭运输有限公司"]
    assert _measures_per_issue(parsed) == [3, 2, 2, 2, 2]
    assert not parsed.unplaced
    assert not any("称有" in w for w in parsed.warnings)


def test_a_unit_summary_that_disagrees_with_the_issues_listed_is_warned_about() -> None:
    parsed = parse_notice(SUBSIDIARIES.replace("本单位共反馈问题3个", "本单位共反馈问题4个"))
    assert _counts(parsed) == (2, 5, 11)
    assert any("北岭选矿有限公司" in w and "4个问题" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 4. A Markdown table with aspect rows and a 进展 cell opening with a status
# ---------------------------------------------------------------------------

TABLE = """# 中共东坪县卫生健康局党组关于县委巡察整改进展情况的通报

2025年4月，县委第四巡察组对县卫生健康局党组开展了巡察，2025年6月12日反馈了巡察意见。局党组对反馈的2个方面4个问题制定措施8项，已完成整改3个，正在推进1个。现将整改进展情况公布如下。

## 一、巡察反馈问题整改落实情况

| 序号 | 问题 | 措施 | 进展 |
|---|---|---|---|
| **一** | **医疗服务管理方面** | | |
| 1 | 基层药品管理不规范 | 1.开展药品专项检查；2.建立药品效期预警制度 | 已完成。检查机构36家，处置过期药品142盒 |
| 2 | 家庭医生签约服务不实 | 1.开展签约回访；2.调整签约团队 | 正在推进。已回访签约居民3200户 |
| （二）行风建设方面 | | | |
| 3 | 医疗收费不规范 | 1.开展收费专项整治；2.退还多收费用 | 已完成 |
| 4 | 医德医风教育不足 | 1.开展警示教育；2.建立医德档案 | 已完成。建立档案860份 |

## 二、下一步工作打算

局党组将持续巩固整改成果。

联系电话：0745-6612345。

中共东坪县卫生健康局党组

2025年9月20日
"""


def test_a_tables_aspect_rows_are_aspects_and_a_leading_status_is_stated() -> None:
    parsed = parse_notice(TABLE)
    assert _counts(parsed) == (2, 4, 8)
    assert [a.title for a in parsed.ledger.aspects] == ["医疗服务管理方面", "行风建设方面"]
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3, 4]
    first = issues[0].measures
    assert [m.status for m in first] == [Status.DONE, Status.DONE]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    assert first[1].text == "建立药品效期预警制度"
    assert first[1].progress == "检查机构36家，处置过期药品142盒"  # the status word left it
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS] * 2
    assert issues[2].measures[1].progress == issues[2].measures[1].text  # "已完成" only
    assert _check(parsed, "aspects")[0].ok
    assert _check(parsed, "done")[0].ok


# ---------------------------------------------------------------------------
# 5. Notes and an appendix table after the signature
# ---------------------------------------------------------------------------

APPENDIX = """中共南屏区审计局党组关于区委巡察整改进展情况的通报

根据区委统一部署，2025年3月3日至4月18日，区委第二巡察组对区审计局党组进行了巡察[1]，并于2025年6月9日反馈了巡察意见。现将巡察整改进展情况予以公布。

一、整改组织领导情况

局党组对反馈的2个方面3个问题建立台账，制定整改措施6项[2]。截至2025年9月30日，3个问题已完成整改2个，正在推进1个。

二、巡察反馈问题整改情况

（一）关于审计质量方面

1.审计报告复核不严的问题。一是建立三级复核制度。二是开展审计报告质量评查。

2.审计整改跟踪不到位的问题。一是建立整改台账。二是正在开展整改情况回头看。

（二）关于队伍建设方面

3.干部培训针对性不强的问题。一是制定分层培训计划。二是开展业务培训5期。

三、下一步工作打算

局党组将持续巩固整改成果，推动审计工作高质量发展。

欢迎社会各界对巡察整改落实情况进行监督。联系电话：0746-7723456。

中共南屏区审计局党组
2025年10月10日

注释：
[1] 巡察期间同步对区经济责任审计中心开展了延伸巡察。
[2] 其中立行立改措施2项，限期整改措施4项。

附表：区审计局巡察反馈问题整改情况统计表
序号\t反馈问题\t整改措施（项）\t已完成（项）\t整改状态
1\t审计报告复核不严\t2\t2\t已完成
2\t审计整改跟踪不到位\t2\t1\t正在推进
3\t干部培训针对性不强\t2\t2\t已完成
合计\t3个问题\t6\t5\t
"""


def test_notes_and_an_appendix_after_the_signature_are_no_body() -> None:
    parsed = parse_notice(APPENDIX)
    assert parsed.complete
    assert not any("不完整" in w for w in parsed.warnings)
    assert _counts(parsed) == (2, 3, 6)
    info = parsed.ledger.info
    assert info.party_org == "中共南屏区审计局党组"
    # the progress is stated as of 2025年9月30日, the notice signed 10月10日
    assert info.report_date is not None and info.report_date.isoformat() == "2025-09-30"
    assert info.extra["通报落款日期"] == "2025年10月10日"
    assert info.phone == "0746-7723456"
    assert info.section_three == "局党组将持续巩固整改成果，推动审计工作高质量发展。"
    assert "[2] 其中立行立改措施2项" in info.extra[NOTES_KEY]
    appendix = info.extra[APPENDIX_KEY]
    assert appendix.startswith("附表：") and "审计整改跟踪不到位\t2\t1\t正在推进" in appendix
    assert "[1]" not in (info.preamble or "")
    assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "measures"))


def test_an_appendix_alone_after_the_signature_is_kept_apart() -> None:
    text = APPENDIX.replace(APPENDIX[APPENDIX.index("注释："):APPENDIX.index("附表：")], "")
    parsed = parse_notice(text)
    assert parsed.complete and _counts(parsed) == (2, 3, 6)
    assert APPENDIX_KEY in parsed.ledger.info.extra
    assert parsed.ledger.info.section_three == "局党组将持续巩固整改成果，推动审计工作高质量发展。"


# ---------------------------------------------------------------------------
# 6. Issues grouped by status
# ---------------------------------------------------------------------------

STATUS_GROUPS = """中共西岗县商务局党组关于县委巡察整改情况的通报

根据县委统一部署，2025年3月，县委第六巡察组对县商务局党组开展了巡察，2025年5月20日反馈了巡察意见。现将巡察整改情况予以公布。

一、整改工作总体情况

局党组对照巡察反馈的3个方面5个问题，制定整改措施10条。截至2025年9月30日，已完成整改3个，正在推进1个，需长期坚持1个。

二、巡察反馈问题整改落实情况

（一）已完成整改的问题（3个）

1.招商引资台账不全的问题。一是补建招商台账。二是建立月报制度。

2.专项资金拨付滞后的问题。一是清理滞留资金。二是压缩拨付时限。

3.市场监测不及时的问题。一是配备监测人员。二是建立周报制度。

（二）正在推进的问题（1个）

4.外贸企业培育不足的问题。一是新认定外贸企业2家。二是组织企业参加展会。

（三）需长期坚持的问题（1个）

5.营商环境优化不够的问题。一是开展营商环境评估。二是持续开展政企座谈。

三、下一步工作打算

局党组将持续巩固整改成果。

中共西岗县商务局党组
2025年10月12日
"""


def test_status_groups_state_their_issues_status_and_are_no_aspects() -> None:
    parsed = parse_notice(STATUS_GROUPS)
    issues = list(parsed.ledger.issues())
    assert len(issues) == 5 and sum(len(i.measures) for i in issues) == 10
    statuses = [{m.status for m in i.measures} for i in issues]
    assert statuses == [{Status.DONE}] * 3 + [{Status.IN_PROGRESS}, {Status.LONG_TERM}]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    (aspects,) = _check(parsed, "aspects")
    assert aspects.ok is None and "按整改状态分组" in aspects.message
    assert all(c.ok for c in parsed.total_checks if c.item in ("issues", "measures"))
    done = _check(parsed, "done")
    assert done and done[0].ok


# ---------------------------------------------------------------------------
# 7. An issue closing with a verdict on the whole issue
# ---------------------------------------------------------------------------

VERDICTS = """中共北川学院委员会关于省委巡视整改进展情况的通报

根据省委统一部署，2025年3月至5月，省委第七巡视组对北川学院党委开展了巡视，并于2025年6月18日反馈了巡视意见。截至2025年10月31日，反馈的2个方面3个具体问题中，已完成整改2个，正在推进1个。

一、巡视反馈意见整改落实情况

（一）在“立德树人”方面

1.关于“思政课教师配备不足”的问题
整改情况：一是新招聘专职思政课教师12名。二是建立兼职教师库。
目前，该问题已完成整改。

2.关于“实验室安全管理薄弱”的问题
整改情况：一是开展实验室安全检查。二是建立危化品全流程管理系统。
目前，该问题正在推进整改。

（二）在“从严治党”方面

3.关于“公务接待管理不严”的问题
整改情况：一是修订公务接待管理办法。二是开展专项检查，清退费用1.2万元。
该问题已整改到位。

二、下一步工作打算

学院党委将持续巩固整改成果。

中共北川学院委员会
2025年11月10日
"""


def test_a_closing_verdict_is_the_issues_stated_status() -> None:
    parsed = parse_notice(VERDICTS)
    issues = list(parsed.ledger.issues())
    assert _measures_per_issue(parsed) == [2, 2, 2]
    assert [m.status for m in issues[0].measures] == [Status.DONE] * 2
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS] * 2
    assert [m.status for m in issues[2].measures] == [Status.DONE] * 2
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    assert all("该问题" not in m.text and "该问题" not in m.progress for m in parsed.ledger.measures())
    assert issues[1].measures[1].text == "建立危化品全流程管理系统。"


# ---------------------------------------------------------------------------
# 8. Fields: a two-line signature, an extended inspection, sections besides the next steps
# ---------------------------------------------------------------------------

FIELDS = """中共东湖市纪律检查委员会 东湖市监察委员会关于市委巡察整改进展情况的通报

根据市委统一部署，2025年3月至5月，市委第二巡察组对东湖市水投集团开展了常规巡察，并对市纪委监委派驻第三纪检监察组开展了延伸巡察。2025年6月10日，市委第二巡察组反馈了巡察意见。

一、巡察反馈问题整改落实情况

（一）关于监督执纪方面

1.日常监督不够精准的问题。一是建立监督清单。二是开展专项监督3次。

2.线索处置不及时的问题。一是建立线索台账。二是清理积压线索5件。

二、巡察移交问题线索办理情况

巡察组移交问题线索6件，已办结5件，给予党纪处分3人。

三、整改成效

共建立完善制度11项，挽回经济损失86万元。

四、下一步工作打算

将持续巩固整改成果。

欢迎社会各界监督。联系电话：0747-3334444。

中共东湖市纪律检查委员会
东湖市监察委员会
2025年9月28日
"""


def test_a_two_line_signature_an_extended_unit_and_sections_kept_apart() -> None:
    parsed = parse_notice(FIELDS)
    info = parsed.ledger.info
    assert info.party_org == "中共东湖市纪律检查委员会 东湖市监察委员会"
    assert info.report_date is not None and info.report_date.isoformat() == "2025-09-28"
    assert info.unit_name == "市纪委监委派驻第三纪检监察组"
    assert info.heading_three == "下一步工作打算"
    assert info.section_three == "将持续巩固整改成果。"
    assert info.extra["巡察移交问题线索办理情况"].startswith("巡察组移交问题线索6件")
    assert info.extra["整改成效"] == "共建立完善制度11项，挽回经济损失86万元。"
    assert _counts(parsed) == (1, 2, 4)
    assert parsed.stated_totals.measures is None  # "制度11项" is no total
