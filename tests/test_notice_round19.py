"""Notices round nineteen: what a notice says survives parse-notice → ledger → notice, and the notice
rendered from a ledger says each thing once.

- a measure a notice said goes on "（持续推进）" is written back 持续推进, not 长期坚持 (another thing);
- "将问题线索移交县纪委监委" with the progress "问题线索已移交" is not told twice;
- a village's 公示 numbering its problems （一）（二） is numbered so again, not 1. 2.

Every notice and ledger here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.cli import main
from rectxl.core.notice import ParsedNotice
from rectxl.core.rules import Options
from tests.test_notice_round17 import _book

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, name: str, notice: str) -> str:
    """The notice parsed into a ledger and written again: the text a reader would get."""
    source = tmp_path / f"{name}.txt"
    source.write_text(notice, encoding="utf-8")
    ledger = tmp_path / f"{name}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{name}_通报.txt"
    api.notice(ledger, out)
    return out.read_text(encoding="utf-8")


WATER = """中共清河县水务局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至4月25日，县委第二巡察组对县水务局党组进行了巡察。2025年5月20日，县委第二巡察组向县水务局党组反馈了巡察意见。现将整改进展情况予以通报。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组。
二、巡察反馈问题整改落实情况
（一）关于落实上级决策部署方面
1.关于河湖长制巡河不到位的问题。一是修订河湖长巡河考核细则，明确巡河频次（已完成）。二是开展河道“清四乱”排查，清理乱堆乱放点位37处（持续推进）。
2.关于农村饮水工程管护不力的问题。一是对全县58处集中供水工程逐一体检（已完成）。二是建立水质季度抽检制度（常态化推进）。
（二）关于全面从严治党方面
3.关于工程项目变更审批不严的问题。一是修订工程变更管理办法（已完成）。二是对2023年以来的19项变更逐项复核（已完成）。
三、下一步工作打算
局党组将持续巩固整改成果。
中共清河县水务局党组
2025年12月5日
"""


def test_a_measure_said_to_go_on_keeps_its_own_words(tmp_path: Path) -> None:
    told = _section_two(_round_trip(tmp_path, "水务局", WATER))
    assert told[1] == ("1.关于河湖长制巡河不到位的问题。一是修订河湖长巡河考核细则，明确巡河频次（已完成）。"
                       "二是开展河道“清四乱”排查，清理乱堆乱放点位37处（持续推进）。")
    assert told[2].endswith("二是建立水质季度抽检制度（常态化推进）。")
    assert "长期坚持" not in "".join(told)


def test_the_parsed_ledger_keeps_the_status_word_the_notice_said(tmp_path: Path) -> None:
    source = tmp_path / "水务局.txt"
    source.write_text(WATER, encoding="utf-8")
    api.parse_notice_file(source, tmp_path / "台账.xlsx")
    ledger = api.read_ledger(tmp_path / "台账.xlsx")
    said = [(m.text[:8], m.status_text, m.status.value if m.status else None) for m in ledger.measures()]
    assert said[1] == ("开展河道“清四乱", "持续推进", "长期坚持")
    assert said[3] == ("建立水质季度抽检", "常态化推进", "长期坚持")
    assert [s for _, s, _ in said].count("已完成") == 4


def _ledger(path: Path, rows: list[list[object]], merges: list[str]) -> Path:
    """A ledger with a 整改进展 column and a 基本信息 sheet (as of 2025-11-20)."""
    return _book(path, [["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"], *rows], merges)


def _notice_of(path: Path) -> list[str]:
    out = path.with_name(path.stem + "_通报.txt")
    api.notice(path, out)
    return _section_two(out.read_text(encoding="utf-8"))


def test_a_clue_handed_over_is_not_told_twice(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "自然资源局.xlsx", [
        [1, "违规办理不动产登记", "将问题线索移交县纪委监委", "登记中心", "2025年5月31日", "已完成", "问题线索已移交"],
        [None, None, "对涉及的14宗登记逐一复查", "登记中心", "2025年8月31日", "已完成", "已复查14宗，更正2宗"],
        [2, "土地出让金催缴不力", "追缴欠缴土地出让金", "利用股", "2025年12月31日", "正在推进", "台账已建立"],
    ], ["A2:A3", "B2:B3"])
    told = _notice_of(path)
    assert told[1] == ("1.违规办理不动产登记。一是将问题线索移交县纪委监委，已完成。"
                       "二是对涉及的14宗登记逐一复查，已复查14宗，更正2宗。")
    # another thing named done is news, not the measure again
    assert told[2] == "2.土地出让金催缴不力。追缴欠缴土地出让金，台账已建立，正在推进。"


VILLAGE = """中共柳塘村总支部委员会关于巡察反馈问题整改情况的公示
根据镇党委统一部署，2025年4月8日至4月30日，镇党委第一巡察组对柳塘村党总支开展了巡察，并于2025年5月16日反馈了巡察意见。现将整改情况公示如下：
（一）村务监督委员会履职不到位的问题。整改情况：已调整村务监督委员会成员2名，每月召开一次村务监督例会。
（二）集体经济合同管理混乱的问题。整改情况：已清理村集体经济合同31份，收回到期鱼塘2口，重新公开发包。
（三）党员积分管理流于形式的问题。整改情况：已修订党员积分管理办法，每季度公示积分情况，此项工作长期坚持。
公示期：2025年11月10日至11月17日。如有异议，请向镇纪委反映。联系电话：0736-5521130。
中共柳塘村总支部委员会
2025年11月10日
"""


def test_a_village_notice_numbers_its_problems_as_it_did(tmp_path: Path) -> None:
    text = _round_trip(tmp_path, "柳塘村", VILLAGE)
    problems = [line.strip(R) for line in text.splitlines() if "的问题。" in line]
    assert [p[:4] for p in problems] == ["（一）村", "（二）集", "（三）党"]
    assert problems[1] == "（二）集体经济合同管理混乱的问题。已清理村集体经济合同31份，收回到期鱼塘2口，重新公开发包。"
    # read again, the same three problems in the same order
    again = tmp_path / "again.txt"
    again.write_text(text, encoding="utf-8")
    issues = [i.title for i in api.parse_notice_file(again).ledger.issues()]
    assert issues == ["村务监督委员会履职不到位的问题", "集体经济合同管理混乱的问题", "党员积分管理流于形式的问题"]


def test_a_notice_with_aspects_keeps_numbering_its_problems_1_2(tmp_path: Path) -> None:
    """（一） is the aspects' mark there: the problems stay 1. 2. under them."""
    told = _section_two(_round_trip(tmp_path, "水务局", WATER))
    assert [t[:2] for t in told] == ["（一", "1.", "2.", "（二", "3."]


TOWN = """中共桂溪镇委员会关于巡察整改进展情况的通报
根据县委统一部署，2025年4月7日至5月23日，县委第四巡察组对桂溪镇党委开展了常规巡察。2025年6月18日，县委第四巡察组向桂溪镇党委反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
镇党委召开专题会议，逐条研究反馈意见，明确班子成员分工负责。
二、反馈问题整改情况
（一）关于基层党组织建设方面
本方面共反馈问题2个，已完成整改2个。
1.关于软弱涣散村党组织整顿不彻底的问题。一是选派驻村第一书记2名（已完成）。二是对4个村的“两委”班子开展专项分析研判（已完成）。
2.关于党员发展把关不严的问题。一是对近三年发展的23名党员档案逐一核查（已完成）。
（二）关于作风建设方面
本方面共反馈问题3个，已完成整改1个。
3.关于“一卡通”惠民补贴发放不规范的问题。一是对全镇补贴发放情况开展排查（已完成）。二是追回违规领取补贴1.6万元（正在推进）。
三、下一步工作打算
镇党委将持续巩固整改成果，建立长效机制。
中共桂溪镇委员会
2025年11月28日
"""


def test_the_count_said_under_an_aspect_is_written_again(tmp_path: Path) -> None:
    told = _section_two(_round_trip(tmp_path, "桂溪镇", TOWN))
    assert told[:2] == ["（一）关于基层党组织建设方面", "本方面共反馈问题2个，已完成整改2个。"]
    at = told.index("（二）关于作风建设方面")
    assert told[at + 1] == "本方面共反馈问题3个，已完成整改1个。"
    assert told[at + 2].startswith("3.关于“一卡通”惠民补贴发放不规范的问题。")


def test_a_count_under_an_aspect_that_the_issues_listed_do_not_bear_out_is_a_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "桂溪镇.txt"
    source.write_text(TOWN, encoding="utf-8")
    ledger = tmp_path / "桂溪镇台账.xlsx"
    api.parse_notice_file(source, ledger)
    report = api.check(ledger, Options())
    (finding,) = [f for f in report.findings if f.code == "heading-count-mismatch"]
    assert finding.severity.value == "warning"
    assert "关于作风建设方面" in finding.message and "其下列出1个问题" in finding.message
    assert "本方面共反馈问题3个" in finding.message
    assert finding.cell is not None and finding.row is not None
    sheet = load_workbook(ledger)[finding.sheet or "台账"]
    assert "关于作风建设方面" in str(sheet[finding.cell].value)
    # the notice written from it says so and exits 1
    assert main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")]) == 1
    assert "heading-count-mismatch" in capsys.readouterr().out


def test_a_clerks_count_after_an_aspect_is_checked_and_not_published(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "卫健局.xlsx", [
        ["一、医疗服务方面（共3个问题）", None, None, None, None, None, None],
        [1, "家庭医生签约服务不实", "开展签约服务质量回访", "基层股", "2025年9月30日", "已完成", "回访签约居民600户"],
        [2, "基层药品配备不足", "调整基层用药目录", "医政股", "2025年10月31日", "已完成", "增补药品42种"],
    ], [])
    report = api.check(path, Options())
    (finding,) = [f for f in report.findings if f.code == "heading-count-mismatch"]
    assert "医疗服务方面" in finding.message and "（共3个问题）" in finding.message
    assert "其下列出2个问题" in finding.message
    told = _notice_of(path)
    assert "（一）医疗服务方面" in told and not any("共3个问题" in t for t in told)


#: three problems, six measures: four done, two kept up for the long term (长期坚持)
KEPT_UP = [
    [1, "安全生产隐患排查不彻底", "开展危化品企业隐患大排查", "安监股", "2025年6月30日", "已完成",
     "排查企业37家，整改隐患112处"],
    [None, None, "建立隐患排查季度通报制度", "安监股", "长期坚持", "长期坚持", "每季度通报1次"],
    [2, "执法检查计划执行不到位", "修订年度执法检查计划", "执法大队", "2025年5月31日", "已完成", "已印发"],
    [None, None, "对未完成检查的9家企业补充检查", "执法大队", "2025年8月31日", "已完成", "补查9家"],
    [3, "应急演练流于形式", "组织开展综合应急演练", "应急股", "2025年9月30日", "已完成", "演练2次"],
    [None, None, "将应急演练纳入年度考核", "应急股", "长期坚持", "长期坚持", "已纳入考核细则"],
]


def _kept_up_ledger(tmp_path: Path, section_one: str, *, done_and_on: bool = False) -> Path:
    rows = [list(r) for r in KEPT_UP]
    if done_and_on:
        for r in rows:
            r[5] = "已完成并长期坚持" if r[5] == "长期坚持" else r[5]
    path = _ledger(tmp_path / "应急管理局.xlsx", rows, ["A2:A3", "B2:B3", "A4:A5", "B4:B5", "A6:A7", "B6:B7"])
    wb = load_workbook(path)
    wb["基本信息"].append(["组织领导情况", section_one])
    wb.save(path)
    return path


def test_long_term_work_is_not_counted_done_by_a_paragraph_beside_rectxls_totals(tmp_path: Path) -> None:
    path = _kept_up_ledger(tmp_path, "局党组逐项制定整改措施6项，截至目前已完成6项，整改完成率100%。")
    told = _notice_of(path)
    # rectxl's own totals sentence keeps them apart
    assert "6项整改措施已完成4项、长期坚持2项，整改措施完成率66.7%。" in told[0]
    messages = [f.message for f in api.check(path, Options()).findings if f.code == "info-totals-mismatch"]
    assert len(messages) == 2
    assert any("“已完成6项”" in m and "已完成的措施为4项，另有2项措施为长期坚持" in m for m in messages)
    assert any("“整改完成率100%”" in m and "66.7%" in m and "另有2个问题、2项措施为长期坚持" in m for m in messages)


def test_work_done_and_kept_up_is_counted_done(tmp_path: Path) -> None:
    path = _kept_up_ledger(tmp_path, "局党组逐项制定整改措施6项，截至目前已完成6项，整改完成率100%。", done_and_on=True)
    assert [f for f in api.check(path, Options()).findings if f.code == "info-totals-mismatch"] == []
    assert "6项整改措施已全部完成" in _notice_of(path)[0]


def test_a_notice_counting_long_term_work_done_is_told_so_when_parsed(tmp_path: Path) -> None:
    notice = WATER.replace("局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组。",
                           "局党组对反馈的2个方面3个问题制定整改措施6项，截至目前已完成6项。")
    source = tmp_path / "水务局.txt"
    source.write_text(notice, encoding="utf-8")
    parsed = api.parse_notice_file(source)
    (done,) = [c for c in parsed.total_checks if c.item == "done"]
    assert done.ok is False and done.parsed == 4
    assert "另2项写明长期坚持" in done.message and "已完成4项、长期坚持2项" in done.message


# ---------------------------------------------------------------------------
# Notices as other agencies word them, typed in Word (one paragraph a line)
# ---------------------------------------------------------------------------

# 1. 县直单位: 关于巡察整改情况的通报, Chinese numerals, percentage totals, 问责 lines, phone/email
BUREAU = [
 "中共云岭县人力资源和社会保障局党组关于巡察整改情况的通报",
 "按照县委巡察工作统一部署，2025年3月17日至5月9日，县委第三巡察组对县人力资源和社会保障局党组开展了常规巡察，并于2025年6月12日向局党组反馈了巡察意见。根据《中国共产党巡视工作条例》有关要求，现将巡察整改情况予以公布。",
 "一、坚持高位推动，压紧压实整改责任",
 "局党组坚持把巡察整改作为重大政治任务，成立由党组书记任组长的整改工作领导小组，召开党组会议6次专题研究整改工作。对巡察反馈的三个方面五个问题，逐条逐项制定整改措施十二项。截至2025年11月30日，五个问题已整改完成三个，整改完成率60%；十二项整改措施已完成十项，其余二项需长期坚持。",
 "针对巡察移交的问题线索，给予党纪处分1人，诫勉谈话2人，批评教育3人。",
 "二、聚焦反馈问题，逐项推进整改落实",
 "（一）关于贯彻落实党的路线方针政策和党中央决策部署方面",
 "1.稳就业政策落实不够精准的问题。",
 "整改情况：一是建立重点群体就业帮扶台账，对2340名离校未就业高校毕业生逐一联系（已完成）。二是开展“春风行动”等招聘活动18场次，提供岗位6200个（已完成）。",
 "2.社保基金监管存在漏洞的问题。",
 "整改情况：一是追回违规领取的养老保险待遇27.6万元（已完成）。二是与公安、民政部门建立死亡人员信息比对机制（长期坚持）。",
 "（二）关于落实全面从严治党战略部署方面",
 "3.“三重一大”决策制度执行不严格的问题。",
 "整改情况：一是修订党组议事规则和“三重一大”事项清单（已完成）。二是对2023年以来的决策事项开展回头看（已完成）。",
 "4.干部队伍作风不实的问题。",
 "整改情况：一是开展窗口服务作风专项整治（已完成）。二是建立群众评议窗口服务月通报制度（长期坚持）。",
 "（三）关于落实新时代党的组织路线方面",
 "5.基层党支部组织生活不规范的问题。",
 "整改情况：一是对3个党支部“三会一课”记录逐一检查（已完成）。二是组织党务干部培训1期（已完成）。三是补齐支部委员1名（已完成）。四是修订支部工作考核办法（已完成）。",
 "三、巩固整改成果，建立长效机制",
 "局党组将持续巩固整改成果，对需长期坚持的事项定期跟踪问效。",
 "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0871-6612345；电子邮箱：ylxrsj@126.com；通信地址：云岭县民主路18号县人社局办公室。",
 "中共云岭县人力资源和社会保障局党组",
 "2025年12月10日",
]

# 2. 乡镇党委: 整改进展情况的通报, Chinese numeral totals "共性问题二个、个性问题四个", 立行立改 counts
TOWNSHIP = [
 "中共白沙乡委员会关于县委巡察反馈意见整改进展情况的通报",
 "2025年4月14日至5月30日，县委第二巡察组对白沙乡党委进行了巡察，并于2025年7月3日反馈了巡察意见。按照巡察整改公开的要求，现将整改进展情况通报如下。",
 "一、整改工作总体情况",
 "乡党委对照巡察反馈的共性问题二个、个性问题四个，共六个问题，制定整改措施十四项，其中立行立改三项、限期整改九项、长期坚持二项。截至2025年11月25日，六个问题已完成整改五个，整改完成率83.3%。",
 "二、反馈问题整改落实情况",
 "（一）共性问题",
 "1.村级财务管理不规范的问题。一是对全乡9个村2022年以来的财务凭证开展清理（已完成）。二是推行村级财务“村账乡代管”（已完成）。",
 "2.农村低保动态管理不到位的问题。一是对全乡低保对象开展入户核查，清退不符合条件对象16户（已完成）。二是每季度开展一次低保动态复核（长期坚持）。",
 "（二）个性问题",
 "3.乡党委理论学习中心组学习不深入的问题。一是制定年度学习计划（已完成）。二是开展专题研讨4次（已完成）。",
 "4.人居环境整治成效不明显的问题。一是开展村庄清洁行动，清理垃圾320吨（已完成）。二是建立保洁员考核制度（已完成）。三是推进3个村污水管网建设（正在推进）。",
 "5.惠农资金发放不及时的问题。一是对2024年度惠农补贴发放情况逐项核对（已完成）。二是补发补贴资金8.3万元（已完成）。",
 "6.信访积案化解不力的问题。一是对5件信访积案实行乡领导包案（已完成）。二是化解信访积案4件（已完成）。三是建立信访问题定期研判机制（长期坚持）。",
 "三、下一步工作打算",
 "乡党委将持续抓好整改，确保问题整改到位。",
 "欢迎广大干部群众对巡察整改落实情况进行监督。监督电话：0745-7281234；电子邮箱：bsxjw@163.com。",
 "中共白沙乡委员会",
 "2025年11月28日",
]

# 3. 国有企业: 巡察整改进展情况公告, measures as (1)(2), 整改情况：
SOE = [
 "青江城市建设投资集团有限公司党委关于巡察整改进展情况的公告",
 "根据市委统一部署，2025年2月24日至4月18日，市委第五巡察组对青江城市建设投资集团有限公司党委开展了巡察。2025年5月28日，市委第五巡察组向集团党委反馈了巡察意见。现将巡察整改进展情况予以公告。",
 "一、集团党委履行整改主体责任情况",
 "集团党委成立巡察整改工作领导小组，制定整改方案，将巡察反馈的3个方面7个问题细化为20项整改措施。截至2025年10月31日，已完成整改措施18项，整改完成率90%。通过整改，建立完善制度15项，追回资金312万元，问责干部6人，其中给予党纪处分2人。",
 "二、巡察反馈问题整改落实情况",
 "（一）关于落实党中央决策部署和省市工作要求方面",
 "1.关于服务全市重大项目建设不够有力的问题",
 "整改情况：（1）梳理重点项目清单，实行挂图作战（已完成）。（2）建立重大项目周调度机制（已完成）。（3）加快推进片区开发项目，完成投资12.6亿元（已完成）。",
 "2.关于国有资产保值增值压力较大的问题",
 "整改情况：（1）开展闲置资产清查，盘活闲置资产8处（已完成）。（2）制定资产经营考核办法（已完成）。（3）推进低效资产处置（正在推进）。",
 "（二）关于落实全面从严治党责任方面",
 "3.关于工程招投标管理不规范的问题",
 "整改情况：（1）修订招标采购管理办法（已完成）。（2）对2022年以来的招标项目开展专项检查（已完成）。（3）将违规线索移交市纪委监委驻市国资委纪检监察组（已完成）。",
 "4.关于子公司监管不到位的问题",
 "整改情况：（1）修订子公司管理办法（已完成）。（2）向子公司派驻财务总监（已完成）。（3）开展子公司经营审计（已完成）。",
 "5.关于违规发放津补贴的问题",
 "整改情况：（1）清退违规发放津补贴（已完成）。（2）修订薪酬管理办法（已完成）。",
 "（三）关于落实新时代党的组织路线方面",
 "6.关于干部选拔任用程序不规范的问题",
 "整改情况：（1）修订中层干部选拔任用办法（已完成）。（2）对近三年选拔任用的干部档案开展专项审核（已完成）。（3）补充完善干部档案材料（正在推进）。",
 "7.关于基层党组织建设薄弱的问题",
 "整改情况：（1）完成5个党支部换届（已完成）。（2）开展“党建+项目”共建活动（已完成）。（3）建立党建与生产经营深度融合考核机制（已完成）。",
 "三、下一步工作安排",
 "集团党委将持续深化整改，推动整改成果转化为企业高质量发展成效。",
 "欢迎广大干部职工和社会各界对巡察整改落实情况进行监督。联系电话：0772-2856001；邮政信箱：青江市江滨大道88号集团纪委；邮政编码：545001；电子邮箱：qjct_jw@163.com。",
 "青江城市建设投资集团有限公司党委",
 "2025年11月12日",
]

# 4. 学校: 关于巡察整改进展情况的通报, 二 with "问题：…整改情况：…" and a 问责 paragraph after the items
SCHOOL = [
 "中共明远县第一中学委员会关于巡察整改进展情况的通报",
 "根据县委统一部署，县委第一巡察组于2025年3月3日至4月11日对明远县第一中学党委开展了巡察，2025年5月15日反馈了巡察意见。现将巡察整改进展情况通报如下。",
 "一、提高政治站位，扛牢整改责任",
 "学校党委召开专题会议研究部署整改工作，对巡察反馈的4个问题逐一制定整改措施，共制定整改措施9项，已完成7项，2项需长期坚持。",
 "二、对照反馈问题，扎实推进整改",
 "（一）落实立德树人根本任务方面",
 "1.思政课教学质量不高的问题。整改情况：一是组建思政课集体备课组，每周开展集体备课（长期坚持）。二是开展思政课教学比武，参与教师23人（已完成）。",
 "2.课后服务收费不规范的问题。整改情况：一是清退多收的课后服务费4.2万元（已完成）。二是在校门口公示收费标准（已完成）。",
 "（二）落实全面从严治党责任方面",
 "3.食堂食材采购管理不严的问题。整改情况：一是修订食堂食材采购管理制度（已完成）。二是引入第三方对食材进行抽检（已完成）。",
 "4.师德师风建设不到位的问题。整改情况：一是开展师德师风专题教育（已完成）。二是建立师德考核负面清单（已完成）。三是落实有偿补课举报受理机制（长期坚持）。",
 "针对巡察发现的问题，学校党委对2名教职工进行了批评教育，对1名中层干部进行了诫勉谈话。",
 "三、深化整改成效，建立长效机制",
 "学校党委将以此次巡察整改为契机，持续巩固整改成果。",
 "欢迎广大师生员工、学生家长和社会各界对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0736-3312890；电子邮箱：myyz_dw@163.com。",
 "中共明远县第一中学委员会",
 "2025年11月20日",
]



def _docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _parsed(tmp_path: Path, name: str, paragraphs: list[str]) -> tuple[ParsedNotice, str]:
    """The notice parsed (into a ledger beside it), and the notice written again from that ledger."""
    source = _docx(tmp_path / f"{name}.docx", paragraphs)
    ledger = tmp_path / f"{name}_台账.xlsx"
    parsed = api.parse_notice_file(source, ledger)
    out = tmp_path / f"{name}_通报.txt"
    api.notice(ledger, out)
    return parsed, out.read_text(encoding="utf-8")


def _checks(parsed: ParsedNotice) -> list[tuple[str, bool | None]]:
    return [(c.item, c.ok) for c in parsed.total_checks]


def _statuses(parsed: ParsedNotice) -> list[list[str]]:
    return [[m.status.value if m.status else "" for m in i.measures] for i in parsed.ledger.issues()]


D, L, P = "已完成", "长期坚持", "正在推进"


def test_a_county_bureaus_notice_in_chinese_numerals(tmp_path: Path) -> None:
    parsed, written = _parsed(tmp_path, "人社局", BUREAU)
    assert _checks(parsed) == [("aspects", True), ("issues", True), ("measures", True), ("done", True),
                               ("done", True), ("left", True), ("rate", True), ("long_term", True)]
    assert [i.title for i in parsed.ledger.issues()] == [
        "稳就业政策落实不够精准的问题", "社保基金监管存在漏洞的问题", "“三重一大”决策制度执行不严格的问题",
        "干部队伍作风不实的问题", "基层党支部组织生活不规范的问题"]
    assert _statuses(parsed) == [[D, D], [D, L], [D, D], [D, L], [D, D, D, D]]
    # 问责 and the contact details are published again as written
    assert "针对巡察移交的问题线索，给予党纪处分1人，诫勉谈话2人，批评教育3人。" in written
    assert "联系电话：0871-6612345；电子邮箱：ylxrsj@126.com；通信地址：云岭县民主路18号县人社局办公室。" in written
    assert "2.社保基金监管存在漏洞的问题。一是追回违规领取的养老保险待遇27.6万元（已完成）。" \
           "二是与公安、民政部门建立死亡人员信息比对机制（长期坚持）。" in written


def test_a_townships_notice_counting_its_long_term_problems_done(tmp_path: Path) -> None:
    parsed, written = _parsed(tmp_path, "白沙乡", TOWNSHIP)
    assert [a.title for a in parsed.ledger.aspects] == ["共性问题", "个性问题"]
    assert sum(1 for _ in parsed.ledger.issues()) == 6 and sum(1 for _ in parsed.ledger.measures()) == 14
    assert _statuses(parsed) == [[D, D], [D, L], [D, D], [D, D, P], [D, D], [D, D, L]]
    # "六个问题已完成整改五个" takes in the two whose last measure goes on: told so, in rectxl's terms
    (done,) = [c for c in parsed.total_checks if c.item == "done"]
    assert done.ok is False and "已完成3个、长期坚持2个" in done.message
    assert "（一）共性问题" in written and "（二）个性问题" in written
    assert "监督电话：0745-7281234；电子邮箱：bsxjw@163.com。" in written
    # its invitation as it said it: one sentence, not rectxl's two
    assert "欢迎广大干部群众对巡察整改落实情况进行监督。" in written and "如有意见建议" not in written


def test_a_state_owned_companys_announcement_numbering_its_measures_1_2(tmp_path: Path) -> None:
    parsed, written = _parsed(tmp_path, "城投集团", SOE)
    assert _checks(parsed) == [("aspects", True), ("issues", True), ("measures", True), ("done", True),
                               ("rate", True)]
    assert _statuses(parsed) == [[D, D, D], [D, D, P], [D, D, D], [D, D, D], [D, D], [D, D, P], [D, D, D]]
    assert written.startswith("青江城市建设投资集团有限公司党委关于巡察整改进展情况的公告")
    items = [line.strip(R) for line in written.splitlines() if line.strip(R)[:2] in ("2.", "7.")]
    assert items == [
        "2.关于国有资产保值增值压力较大的问题。（1）开展闲置资产清查，盘活闲置资产8处（已完成）。"
        "（2）制定资产经营考核办法（已完成）。（3）推进低效资产处置（正在推进）。",
        "7.关于基层党组织建设薄弱的问题。（1）完成5个党支部换届。（2）开展“党建+项目”共建活动（已完成）。"
        "（3）建立党建与生产经营深度融合考核机制（已完成）。"]
    assert "问责干部6人，其中给予党纪处分2人" in written


def test_a_schools_notice_closing_its_items_with_who_was_held_to_account(tmp_path: Path) -> None:
    parsed, written = _parsed(tmp_path, "一中", SCHOOL)
    assert _checks(parsed) == [("issues", True), ("measures", True), ("done", True), ("long_term", True)]
    assert _statuses(parsed) == [[L, D], [D, D], [D, D], [D, D, L]]
    told = _section_two(written)
    assert told[-2] == ("4.师德师风建设不到位的问题。一是开展师德师风专题教育（已完成）。"
                        "二是建立师德考核负面清单（已完成）。三是落实有偿补课举报受理机制（长期坚持）。")
    assert told[-1] == "针对巡察发现的问题，学校党委对2名教职工进行了批评教育，对1名中层干部进行了诫勉谈话。"
    assert "欢迎广大师生员工、学生家长和社会各界对巡察整改落实情况进行监督。" in written
    assert "联系电话：0736-3312890；电子邮箱：myyz_dw@163.com。" in written


def test_the_at_once_problems_done_are_a_part_not_the_rounds_done_count(tmp_path: Path) -> None:
    """"立行立改问题2个已全部完成整改" counts one kind of problem; the round's done count is the
    one after it ("3个问题已完成整改1个")."""
    notice = WATER.replace(
        "局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组。",
        "局党组对反馈的问题逐项整改，立行立改问题2个已全部完成整改；截至目前，3个问题已完成整改1个。")
    source = tmp_path / "水务局.txt"
    source.write_text(notice, encoding="utf-8")
    parsed = api.parse_notice_file(source)
    (done,) = [c for c in parsed.total_checks if c.item == "done"]
    assert done.stated == 1 and done.ok is True


def test_problems_counted_by_kind_in_chinese_numerals_are_the_rounds_sum(tmp_path: Path) -> None:
    said = ("县委第二巡察组反馈共性问题二个、个性问题四个，乡党委制定整改措施十四项，其中立行立改三项、"
            "限期整改九项、长期坚持二项。截至2025年11月25日，已完成整改措施十一项。")
    paragraphs = [said if p.startswith("乡党委对照") else p for p in TOWNSHIP]
    parsed, _ = _parsed(tmp_path, "白沙乡", paragraphs)
    (issues,) = [c for c in parsed.total_checks if c.item == "issues"]
    assert (issues.stated, issues.parsed, issues.ok) == (6, 6, True)
    # one kind left out of the list is a mismatch of the sum
    short = [p for p in paragraphs if not p.startswith("6.信访积案")]
    parsed, _ = _parsed(tmp_path, "白沙乡2", short)
    (issues,) = [c for c in parsed.total_checks if c.item == "issues"]
    assert (issues.stated, issues.parsed, issues.ok) == (6, 5, False)


EDUCATION = """中共松溪县教育局党组关于县委第五轮巡察整改情况的公示
县委第三巡察组于2025年3月20日至5月15日对县教育局党组进行了巡察，6月20日反馈了巡察意见。局党组对反馈的3个方面4个问题照单全收，制定整改措施9项。截至2025年11月30日，4个问题已整改完成3个，1个正在推进；9项措施已完成8项，完成率88.9%。现将整改情况公示如下：
一、党的领导弱化方面
（一）义务教育控辍保学工作不扎实的问题
1.建立控辍保学动态监测台账（已完成）。
2.劝返失学辍学学生12人（已完成）。
二、全面从严治党不力方面
（二）教育经费管理不规范的问题
1.修订局机关财务管理制度（已完成）。
2.追回违规支出资金21.5万元（已完成）。
（三）违规收受家长礼品礼金问题禁而未绝的问题
1.开展师德师风专项整治（已完成）。
2.对3名违规教师给予党纪政务处分（已完成）。
三、基层党组织建设薄弱方面
（四）学校党组织领导的校长负责制推进缓慢的问题
1.制定学校党组织会议和校长办公会议议事规则（已完成）。
2.招聘思政课专职教师6名（已完成）。
3.全县中小学完成章程修订（正在推进）。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0578-8812345；电子邮箱：sxjyj@163.com。
中共松溪县教育局党组
2025年12月3日
"""


def test_a_notice_without_parts_keeps_its_aspects_one_and_its_problems_in_brackets(tmp_path: Path) -> None:
    text = _round_trip(tmp_path, "教育局", EDUCATION)
    lines = [line.strip(R) for line in text.splitlines() if line.strip(R)]
    headed = [line[:3] for line in lines if line[:2] in ("一、", "二、", "三、") or line[:1] == "（"]
    assert headed == ["一、党", "（一）", "二、全", "（二）", "（三）", "三、基", "（四）"]
    assert "（二）教育经费管理不规范的问题。（1）修订局机关财务管理制度（已完成）。" \
           "（2）追回违规支出资金21.5万元（已完成）。" in lines


def test_the_measures_counted_after_a_semicolon_are_checked(tmp_path: Path) -> None:
    source = tmp_path / "教育局.txt"
    source.write_text(EDUCATION, encoding="utf-8")
    checks = {(c.item, c.stated): c.ok for c in api.parse_notice_file(source).total_checks}
    assert checks == {("aspects", 3): True, ("issues", 4): True, ("measures", 9): True, ("done", 3): True,
                      ("done", 8): True, ("rate", 88.9): True, ("going", 1): True}


def test_a_count_of_problems_done_under_an_aspect_is_checked_against_their_statuses(tmp_path: Path) -> None:
    notice = TOWN.replace("本方面共反馈问题2个，已完成整改2个。", "本方面共反馈问题2个，已完成整改1个。")
    source = tmp_path / "桂溪镇.txt"
    source.write_text(notice, encoding="utf-8")
    ledger = tmp_path / "桂溪镇台账.xlsx"
    api.parse_notice_file(source, ledger)
    messages = [f.message for f in api.check(ledger, Options()).findings if f.code == "heading-count-mismatch"]
    assert any("关于基层党组织建设方面" in m and "“本方面共反馈问题2个，已完成整改1个。”" in m
               and "其下已完成整改的问题为2个" in m for m in messages)
    # the second aspect's count of problems is still told, by the problems listed
    assert any("关于作风建设方面" in m and "其下列出1个问题" in m for m in messages)
    assert len(messages) == 2


def test_the_last_problems_own_result_stays_with_it(tmp_path: Path) -> None:
    """"通过整改，该问题涉及的…已全部追回" after the last item is that problem's result, not the section's
    closing."""
    paragraphs = [p for p in SCHOOL if not p.startswith("针对巡察发现的问题")]
    at = paragraphs.index(next(p for p in paragraphs if p.startswith("4.师德师风")))
    paragraphs.insert(at + 1, "通过整改，该问题涉及的违规收受礼金1.2万元已全部退还。")
    parsed, _ = _parsed(tmp_path, "一中", paragraphs)
    assert "违规收受礼金1.2万元已全部退还" in list(parsed.ledger.issues())[-1].measures[-1].progress
    assert "二、结语" not in parsed.ledger.info.extra


def test_a_village_notice_numbering_its_problems_one_two_is_read_and_written_so(tmp_path: Path) -> None:
    """"一、村务监督委员会履职不到位的问题。整改情况：…" — each 一、 a problem answered in its paragraph,
    not a section of the notice."""
    notice = VILLAGE.replace("（一）", "一、").replace("（二）", "二、").replace("（三）", "三、")
    text = _round_trip(tmp_path, "柳塘村", notice)
    problems = [line.strip(R) for line in text.splitlines() if "的问题。" in line]
    assert [p[:3] for p in problems] == ["一、村", "二、集", "三、党"]
    assert problems[2] == ("三、党员积分管理流于形式的问题。已修订党员积分管理办法，每季度公示积分情况，"
                           "此项工作长期坚持。")
    assert "【请填写" not in text


def test_the_measures_said_kept_up_for_the_long_term_are_counted(tmp_path: Path) -> None:
    """"其中立行立改三项、限期整改九项、长期坚持二项": the long-term count against the statuses told."""
    parsed, _ = _parsed(tmp_path, "白沙乡", TOWNSHIP)
    (kept,) = [c for c in parsed.total_checks if c.item == "long_term"]
    assert (kept.stated, kept.parsed, kept.ok) == (2, 2, True)
    wrong = [p.replace("长期坚持二项", "长期坚持三项") for p in TOWNSHIP]
    parsed, _ = _parsed(tmp_path, "白沙乡2", wrong)
    (kept,) = [c for c in parsed.total_checks if c.item == "long_term"]
    assert kept.ok is False and "通报称需长期坚持的措施3项，但正文逐项写明长期坚持的措施为2项" in kept.message
