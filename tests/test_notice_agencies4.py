"""Notices in still more offices' styles: aspects numbered "一、在…方面" as the notice's own
top-level lines with an unnumbered "下一步工作打算" after them, a WeChat copy (emoji bullets,
byline and time, credits, "往期回顾", share buttons), a .docx table whose 整改措施 cell breaks its
lines with Shift+Enter, a government page with a menu, related links and a site footer, an
attachment list after the contacts, status tags after each measure, done counts stated by
问题 and by 措施 in one sentence, "共认领…问题X个", and done counts compared with the statuses the
notice states.

Every notice here is written for this file about fictional units (not copied from any real one).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest

from rectxl.core.model import Status
from rectxl.core.notice import ParsedNotice, parse_notice
from rectxl.core.notice.totals import extract_stated_totals
from rectxl.io.notice_file import read_notice_file


def _counts(parsed: ParsedNotice) -> tuple[int, int, int]:
    ledger = parsed.ledger
    issues = list(ledger.issues())
    return (sum(1 for a in ledger.aspects if a.title is not None), len(issues),
            sum(len(i.measures) for i in issues))


def _check(parsed: ParsedNotice, item: str) -> list:  # type: ignore[type-arg]
    return [c for c in parsed.total_checks if c.item == item]


# ---------------------------------------------------------------------------
# 1. Top-level "一、在…方面" aspects, then an unnumbered (or numbered) 下一步 heading
# ---------------------------------------------------------------------------

TOP_ASPECTS = """# 中共青川县卫生健康局党组关于县委巡察反馈意见整改情况的公示

　　2025年4月7日至5月30日，县委第二巡察组对县卫生健康局党组开展了常规巡察，2025年6月20日反馈了巡察意见。局党组共梳理出2个方面5个问题，制定整改措施11项。现将整改情况公示如下。

## 一、在落实医改政策方面

**1. 分级诊疗制度推进迟缓。** 一是制定医共体建设方案。二是下派县级医院医师42名驻乡镇卫生院。三是建立双向转诊通道。

**2. 基层医疗机构药品短缺。** 一是建立县乡药品统一采购配送目录。二是对14家卫生院药品库存开展检查。

**3. 医保基金监管存在漏洞。** 一是开展医保基金专项检查，追回违规资金36.2万元。二是约谈违规定点医药机构5家。

## 二、在干部作风建设方面

**4. 行业作风整治不深入。** 一是开展医疗领域群众身边不正之风专项整治。二是设立投诉举报信箱12个。

**5. 干部担当作为不够。** 一是完善干部考核评价办法。二是对3名履职不力干部进行提醒谈话。

## {next}

1. 持续跟踪医共体建设成效。
2. 健全医保基金常态化监管机制。

　　欢迎社会各界监督。联系电话：0839-5521234；电子邮箱：qcwjj@163.com。

中共青川县卫生健康局党组

2025年10月28日
"""


@pytest.mark.parametrize("heading", ["下一步工作打算", "三、下一步工作打算", "下步工作安排"])
def test_top_level_aspects_before_an_unnumbered_next_steps_heading(heading: str) -> None:
    parsed = parse_notice(TOP_ASPECTS.format(next=heading))
    assert _counts(parsed) == (2, 5, 11)
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["在落实医改政策方面", "在干部作风建设方面"]
    assert next(i.title for i in ledger.issues()) == "分级诊疗制度推进迟缓"
    info = ledger.info
    assert info.section_three is not None and "医共体建设成效" in info.section_three
    assert info.section_one is None or "分级诊疗" not in info.section_one
    assert all(c.ok for c in parsed.total_checks if c.item in ("aspects", "issues", "measures"))


def test_top_level_aspects_in_plain_text_without_bold() -> None:
    text = re.sub(r"(?m)^#+ ", "", TOP_ASPECTS.format(next="下一步工作打算").replace("**", ""))
    parsed = parse_notice(text)
    assert _counts(parsed) == (2, 5, 11)
    assert not any("健全医保基金" in i.title for i in parsed.ledger.issues())


# ---------------------------------------------------------------------------
# 2. A WeChat copy
# ---------------------------------------------------------------------------

WECHAT = """关注我们 ↑↑↑
廉洁江阳
2025-12-03 18:05 发表于四川

中共江阳区住房和城乡建设局党组关于区委巡察反馈意见整改进展情况的通报

根据区委统一部署，2025年5月至6月，区委第四巡察组对区住房和城乡建设局党组进行了巡察，并于2025年7月18日反馈了巡察意见。现将整改进展情况通报如下。

💡 一、整改工作开展情况
局党组对反馈的3个问题逐条制定整改措施7项，截至2025年11月底，3个问题均已完成整改。

💡 二、反馈问题整改落实情况
👉（一）建筑市场监管存在盲区
☑️整改情况：一是开展建筑市场秩序专项整治，查处违法转包项目4个。二是建立在建项目动态巡查制度。
👉（二）住房保障分配不够公平
☑️整改情况：一是对保障房在保家庭开展资格复核。二是清退不符合条件家庭21户。三是公开分配结果接受监督。
▶️（三）物业服务监管薄弱
✔️整改情况：一是出台物业服务质量考评办法。二是约谈物业企业9家。

💡 三、下一步工作打算
下一步，局党组将持续巩固整改成果，一是健全建筑市场长效监管机制，二是加强住房保障动态管理。

欢迎广大干部群众对整改落实情况进行监督。联系电话：0830-3126655。

中共江阳区住房和城乡建设局党组
2025年12月1日

- END -
来源：区住建局
责编：刘某
监制：陈某
校对：周某

往期回顾
1. 区委巡察办召开第三轮巡察动员会
2. 区纪委监委通报3起违反中央八项规定精神问题
3. 关于区委第三巡察组巡察区教育局党委反馈意见整改情况的通报
4. 清廉机关建设推进会召开

分享 点赞 在看
长按识别二维码关注我们
👇点击“阅读原文”查看更多
"""


def test_wechat_copy_with_emoji_bullets_and_page_debris() -> None:
    parsed = parse_notice(WECHAT)
    assert _counts(parsed)[1:] == (3, 7)
    info = parsed.ledger.info
    assert info.title == "中共江阳区住房和城乡建设局党组关于区委巡察反馈意见整改进展情况的通报"
    assert info.party_org == "中共江阳区住房和城乡建设局党组"
    # the progress is stated as of November's end, the notice signed a day later
    assert info.report_date == date(2025, 11, 30) and info.extra["通报落款日期"] == "2025年12月1日"
    assert info.feedback_date == date(2025, 7, 18)
    assert info.phone == "0830-3126655"
    titles = [i.title for i in parsed.ledger.issues()]
    assert titles == ["建筑市场监管存在盲区", "住房保障分配不够公平", "物业服务监管薄弱"]
    texts = " ".join(m.text for m in parsed.ledger.measures())
    for debris in ("往期", "推进会", "阅读原文", "责编", "在看", "健全建筑市场"):
        assert debris not in texts
    assert not parsed.unplaced
    assert parsed.complete


def test_wechat_copy_with_emoji_only_on_the_issues() -> None:
    text = WECHAT.split("中共江阳区住房和城乡建设局党组关于", 1)[1]
    text = "中共江阳区住房和城乡建设局党组关于" + text.replace("💡 ", "").replace("☑️", "")
    parsed = parse_notice(text)
    assert _counts(parsed)[1:] == (3, 7)


# ---------------------------------------------------------------------------
# 3. A .docx table whose measure cell breaks its lines with Shift+Enter (w:br)
# ---------------------------------------------------------------------------

def _table_docx(path: Path, *, soft_breaks: bool) -> Path:
    d = docx.Document()
    d.add_paragraph("中共华阳水务集团有限公司委员会关于巡察整改进展情况的通报")
    d.add_paragraph("2025年3月，市委第一巡察组对集团党委开展了巡察，2025年5月9日反馈了巡察意见。"
                    "集团党委对反馈的3个问题制定整改措施7项，已完成整改2个问题。")
    d.add_paragraph("二、巡察反馈问题整改情况")
    rows = [
        ("序号", "存在问题", "整改措施", "整改情况"),
        ("1", "供水管网漏损率偏高", ["1.开展老旧管网普查", "2.改造老旧管网18公里", "3.安装智能水表"], "已完成"),
        ("2", "工程结算审核把关不严", ["1.修订工程结算管理办法", "2.委托第三方复审结算项目"],
         "正在推进，已复审6个项目"),
        ("3", "水费减免审批不规范", ["1.制定水费减免审批流程", "2.公开减免结果"], "已完成"),
    ]
    table = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            if isinstance(value, list):
                if soft_breaks:
                    run = cell.paragraphs[0].add_run(value[0])
                    for line in value[1:]:
                        run.add_break()
                        run.add_text(line)
                else:
                    cell.paragraphs[0].add_run(value[0])
                    for line in value[1:]:
                        cell.add_paragraph(line)
            else:
                cell.text = value
    d.add_paragraph("欢迎监督。联系电话：0816-2201188。")
    d.add_paragraph("中共华阳水务集团有限公司委员会")
    d.add_paragraph("2025年10月30日")
    d.save(path)
    return path


@pytest.mark.parametrize("soft_breaks", [True, False])
def test_docx_table_cell_with_line_breaks_gives_one_measure_a_line(tmp_path: Path,
                                                                  soft_breaks: bool) -> None:
    path = _table_docx(tmp_path / "表格.docx", soft_breaks=soft_breaks)
    parsed = parse_notice(read_notice_file(path))
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [3, 2, 2]
    assert issues[0].measures[1].text.startswith("改造老旧管网18公里")
    statuses = [[m.status for m in i.measures] for i in issues]
    assert statuses == [[Status.DONE] * 3, [Status.IN_PROGRESS] * 2, [Status.DONE] * 2]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    done = _check(parsed, "done")
    assert done and done[0].ok is True  # 2 issues done, as the 整改情况 column states


# ---------------------------------------------------------------------------
# 4. Lists after the closing: related links under a web page, attachments
# ---------------------------------------------------------------------------

PAGE = """<html><head><meta charset="utf-8"><title>公告</title></head><body>
<ul class="nav"><li>首页</li><li>机构设置</li><li>新闻中心</li><li>办事服务</li><li>公众参与</li><li>数据发布</li></ul>
<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 巡察整改</div>
<h1>中共南湖镇委员会关于县委巡察反馈意见整改进展情况的通报</h1>
<div class="info">来源：南湖镇人民政府　发布时间：2025-11-12 10:20　浏览次数：318</div>
<div class="content">
<p>2025年5月12日至6月20日，县委第一巡察组对南湖镇党委开展了巡察，2025年7月25日反馈了巡察意见。现将整改进展情况通报如下。</p>
<p>一、整改工作总体情况</p>
<p>镇党委对反馈的3个问题制定整改措施6项，已完成整改3个问题。</p>
<p>二、反馈问题整改落实情况</p>
<p>1.关于村级财务管理不规范的问题。一是开展村级财务专项审计。二是建立村账镇管制度。</p>
<p>2.关于人居环境整治不彻底的问题。一是清理垃圾死角86处。二是建立保洁员考核制度。</p>
<p>3.关于为民办实事不够的问题。一是建成便民服务点5个。二是新修村道3.2公里。</p>
<p>三、下一步工作打算</p>
<p>1.巩固村级财务管理成果。</p>
<p>2.持续推进人居环境整治。</p>
<p>欢迎广大干部群众监督。联系电话：0571-8823456；电子邮箱：nhz2025@163.com。</p>
<p>中共南湖镇委员会</p>
<p>2025年11月10日</p>
</div>
<div>【打印本页】【关闭窗口】</div>
<div class="links"><p>相关链接</p>
<p>1.关于县委第二巡察组巡察反馈意见整改情况的通报</p>
<p>2.南湖镇召开巡察整改推进会</p>
<p>3.县委巡察办开展整改督查</p>
<p>4.南湖镇党委理论学习中心组学习会召开</p></div>
<div class="footer"><p>主办单位：南湖镇人民政府　承办单位：南湖镇党政办</p>
<p>网站标识码：3304000001　浙ICP备12345678号</p>
<p>联系电话：0571-8800000　地址：南湖镇人民路1号</p></div>
</body></html>
"""


def test_web_page_menu_related_links_and_footer(tmp_path: Path) -> None:
    page = tmp_path / "公告.html"
    page.write_text(PAGE, encoding="utf-8")
    parsed = parse_notice(read_notice_file(page))
    info = parsed.ledger.info
    assert info.title == "中共南湖镇委员会关于县委巡察反馈意见整改进展情况的通报"
    assert _counts(parsed)[1:] == (3, 6)
    assert info.phone == "0571-8823456" and info.email == "nhz2025@163.com"
    assert info.party_org == "中共南湖镇委员会" and info.report_date == date(2025, 11, 10)
    assert info.section_three is not None and "推进会" not in info.section_three


ATTACHED = """中共北林区民政局委员会关于区委巡察反馈意见整改进展情况的通报

　　2025年4月，区委第三巡察组对区民政局党委开展了巡察，2025年6月6日反馈了巡察意见。现将整改进展情况通报如下。

　　一、整改落实情况
　　1.关于养老服务补贴发放不精准的问题。一是对享受补贴的老人开展核查。二是停发不符合条件人员补贴。
　　2.关于社会组织监管不到位的问题。一是开展社会组织年检。二是撤销僵尸社会组织7家。
　　二、下一步工作打算
　　下一步，局党委将持续巩固整改成果。

　　欢迎社会各界监督。
　　联系电话：0455-8261234
　　电子邮箱：bllmzj@126.com

　　附件：1.北林区民政局巡察整改任务清单
　　　　　2.北林区民政局巡察整改完成情况统计表
　　　　　3.整改佐证材料目录

中共北林区民政局委员会
2025年11月6日

抄送：区委巡察办。
"""


def test_attachment_list_after_the_contacts_is_no_structure() -> None:
    parsed = parse_notice(ATTACHED)
    assert _counts(parsed)[1:] == (2, 4)
    info = parsed.ledger.info
    assert info.phone == "0455-8261234" and info.email == "bllmzj@126.com"
    assert info.party_org == "中共北林区民政局委员会" and info.report_date == date(2025, 11, 6)
    assert info.section_three is not None and "统计表" not in info.section_three


# ---------------------------------------------------------------------------
# 5. Stated totals
# ---------------------------------------------------------------------------

def test_done_counts_of_issues_and_measures_in_one_sentence() -> None:
    stated = extract_stated_totals([
        "截至2025年10月31日，24条问题中已整改到位20条，4条正在推进；60项整改措施已完成52项，完成率86.7%。"])
    assert (stated.done_issues, stated.done_measures, stated.rate) == (20, 52, 86.7)


@pytest.mark.parametrize(("sentence", "issues"), [
    ("局党组共认领巡察反馈问题六个，制定整改措施18项。", 6),
    ("局党委全面认领反馈的问题9个，逐项明确责任领导。", 9),
    ("班子成员认领2个问题，逐一研究整改。", None),
])
def test_claimed_issues_are_the_total_unless_a_share(sentence: str, issues: int | None) -> None:
    assert extract_stated_totals([sentence]).issues == issues


# ---------------------------------------------------------------------------
# 6–7. Status tags after each measure, and done counts compared with them
# ---------------------------------------------------------------------------

TAGGED = """中共西岭燃气有限公司委员会关于巡察整改情况的报告

　　2025年3月3日至4月18日，市国资委党委第二巡察组对公司党委开展了巡察，5月26日反馈了巡察意见。公司党委对反馈的3个问题制定整改措施7项，截至10月底，已完成整改{done}个问题。

　　一、巡察反馈问题整改落实情况
　　1.关于“安全巡检走过场”的问题
　　巡察指出：部分管网巡检记录不实。
　　整改情况：
　　（1）修订管网巡检管理规定。（已完成）
　　（2）引入巡检轨迹定位系统；（已完成）
　　2.关于“用户报装时间长”的问题
　　整改情况：
　　（1）压缩报装审批环节至3个。（已完成）
　　（2）开展报装服务满意度回访（正在推进）。
　　（3）建立报装服务考核制度。（长期坚持）
　　3.关于“工程分包管理混乱”的问题
　　整改情况：
　　（1）清理违规分包合同11份。（已完成）
　　（2）修订工程分包管理办法。（已完成）

　　二、下一步工作打算
　　持续巩固整改成果。

中共西岭燃气有限公司委员会
2025年11月3日
"""


def test_status_tags_after_measures_are_stated_and_leave_the_text() -> None:
    parsed = parse_notice(TAGGED.format(done=2))
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [2, 3, 2]
    second = issues[1].measures
    assert [m.status for m in second] == [Status.DONE, Status.IN_PROGRESS, Status.LONG_TERM]
    assert not any(m.status_inferred for m in parsed.ledger.measures())
    assert second[1].text == "开展报装服务满意度回访。"
    assert second[2].text == "建立报装服务考核制度。"
    assert all("（" not in m.text for m in parsed.ledger.measures())
    done = _check(parsed, "done")
    assert len(done) == 1 and done[0].ok is True  # issues 1 and 3 done as their tags state


def test_stated_done_count_that_disagrees_with_the_stated_statuses() -> None:
    parsed = parse_notice(TAGGED.format(done=3))
    done = _check(parsed, "done")
    assert len(done) == 1 and done[0].ok is False
    assert "相差1个" in done[0].message


def test_done_count_against_inferred_statuses_says_it_cannot_be_checked() -> None:
    text = TAGGED.format(done=2)
    for tag in ("（已完成）", "（正在推进）", "（长期坚持）"):
        text = text.replace(tag, "")
    parsed = parse_notice(text)
    assert all(m.status_inferred for m in parsed.ledger.measures())
    done = _check(parsed, "done")
    assert len(done) == 1 and done[0].ok is None
    assert "推断" in done[0].message and "不能据此核对" in done[0].message
