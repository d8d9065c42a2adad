"""Notices round thirty: parse-notice reads a notice as it reaches an auditor — saved from a
government site's article page or a WeChat 公众号 article, copied to text, printed from Word to PDF —
with its counts and statuses written as other agencies write them.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rectxl import api
from rectxl.cli import main
from rectxl.core.rules import Options

_TODAY = date(2026, 12, 3)


def _checks(parsed: api.ParsedNotice) -> dict[str, list[bool | None]]:
    out: dict[str, list[bool | None]] = {}
    for c in parsed.total_checks:
        out.setdefault(c.item, []).append(c.ok)
    return out


# ---------------------------------------------------------------------------
# each problem told in one account, the measures counted in the summary
# ---------------------------------------------------------------------------

_STREET = """中共石桥街道工作委员会关于巡察整改进展情况的通报

根据区委统一安排，区委第二巡察组于2026年4月至5月对石桥街道党工委开展了常规巡察，6月20日反馈了巡察意见。现将整改进展情况公布如下：

一、整改总体情况

街道党工委对巡察反馈的2个方面5个问题照单全收，研究制定整改措施17条。截至目前，5个问题已完成整改4个，1个问题正在按序时推进；17条措施已完成15条。

二、整改具体情况

（一）关于基层党建方面

1.社区党组织活动阵地利用率不高。

整改情况：对辖区7个党群服务站重新规划功能分区，全年开展活动96场。已完成。

2.在职党员进社区报到后参与度低。

整改情况：推行“报到—认领—评价”闭环管理，报到党员认领微心愿213个。已完成。

（二）关于民生实事方面

3.老旧小区加装电梯推进缓慢。

整改情况：已加装电梯11部，另有4个单元因住户意见不一仍在协调。正在推进。

4.农贸市场周边占道经营反弹。

整改情况：设置临时疏导点2处，联合城管执法中队常态巡查。已完成。

5.辖区学校周边交通拥堵。

整改情况：增设护学岗3个，错峰放学方案已实施。已完成。

中共石桥街道工作委员会
2026年11月30日
"""


def test_measures_done_counted_over_problems_told_in_one_account_each_are_not_a_mismatch(
        tmp_path: Path, capsys) -> None:
    """"17条措施已完成15条" over five problems each told in one paragraph: the paragraphs are no
    count of measures — the done count cannot be checked against them, neither by parse-notice
    (which had said 15 ≠ 5 and exited 1) nor by check on the ledger written (info-totals-mismatch)."""
    (tmp_path / "通报.txt").write_text(_STREET, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    checks = _checks(parsed)
    assert checks["issues"] == [True] and checks["done"] == [True, None]
    assert [m.status.value for m in parsed.ledger.measures() if m.status] == [
        "已完成", "已完成", "正在推进", "已完成", "已完成"]
    assert main(["parse-notice", str(tmp_path / "通报.txt"), "-o", str(tmp_path / "台账.xlsx")]) == 0
    assert "不一致" not in capsys.readouterr().out
    report = api.check(tmp_path / "台账.xlsx", Options(), today=_TODAY)
    assert not [f for f in report.findings if f.code == "info-totals-mismatch"]


def test_a_notice_written_again_keeps_its_count_of_measures_it_does_not_list(tmp_path: Path) -> None:
    """The same notice written again from the ledger it gave: "17条措施已完成15条" stays as published
    — it had been "restated" from the five accounts ("5条措施已完成4条") beside "整改措施17条" one
    sentence before, a notice contradicting itself."""
    (tmp_path / "通报.txt").write_text(_STREET, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=_TODAY)
    text = written.read_text(encoding="utf-8")
    assert "研究制定整改措施17条" in text and "17条措施已完成15条" in text
    assert "5个问题已完成整改4个" in text
    again = api.parse_notice_file(written)
    assert False not in [ok for oks in _checks(again).values() for ok in oks]


# ---------------------------------------------------------------------------
# a WeChat 公众号 article saved as a web page
# ---------------------------------------------------------------------------

_WECHAT = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>中共柏溪镇委员会关于巡察整改进展情况的通报</title></head>
<body id="activity-detail"><div id="js_article" class="rich_media">
<h1 class="rich_media_title" id="activity-name">中共柏溪镇委员会关于巡察整改进展情况的通报</h1>
<div id="meta_content"><span class="rich_media_meta_nickname"><a id="js_name">清风柏溪</a></span>
<em id="publish_time">2026-10-12 18:05</em></div>
<div class="rich_media_content" id="js_content">
<section><p><span style="color:#1e6fff">点击上方蓝字 关注我们</span></p></section>
<section><img alt="图片" data-src="https://mmbiz.qpic.cn/a.gif"></section>
<p>根据县委统一部署，2026年4月8日至5月30日，县委第四巡察组对柏溪镇党委进行了巡察，6月25日反馈了巡察意见。现将巡察整改进展情况予以公布。</p>
<p><strong>一、整改工作开展情况</strong></p>
<p>镇党委对反馈的2个方面5个问题逐条制定整改措施。截至目前，5个问题中已整改到位3个、阶段性完成2个。</p>
<p><strong>二、具体问题整改情况</strong></p>
<p><span style="color:#c00000">（一）贯彻落实上级决策部署方面</span></p>
<p>问题1：茶产业扶持资金拨付滞后。</p>
<p>整改进展：✅已完成。对2024年以来扶持资金逐笔清理，拨付滞留资金64万元。</p>
<p>问题2：山洪灾害隐患排查不彻底。</p>
<p>整改进展：⏳阶段性完成。已完成9处隐患点排查，2处需工程治理的已报县水利局立项。</p>
<p><span style="color:#c00000">（二）基层党组织建设方面</span></p>
<p>问题3：村级后备力量不足。</p>
<p>整改进展：⏳阶段性完成。已储备村级后备干部14名，其余村结合换届统筹解决，持续推进。</p>
<p>问题4：党员积分管理流于形式。</p>
<p>整改进展：✅ 修订党员积分管理办法，按季度公示积分。</p>
<p>问题5：“三会一课”记录不规范。</p>
<p>整改进展：✅已完成。组织支部书记集中培训1次，逐本规范会议记录。</p>
<p style="text-align:right">中共柏溪镇委员会</p>
<p style="text-align:right">2026年10月10日</p>
<p><img alt="图片" data-src="https://mmbiz.qpic.cn/b.png"></p>
<p>编辑：李某</p><p>审核：王某</p>
</div>
<div id="js_read_area3"><a id="js_view_source">阅读原文</a> 阅读 2086 在看 17</div>
</div></body></html>
"""


def _wechat_statuses(tmp_path: Path) -> tuple[api.ParsedNotice, list[tuple[str, str]]]:
    (tmp_path / "公众号文章.html").write_text(_WECHAT, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "公众号文章.html", tmp_path / "台账.xlsx")
    return parsed, [(m.text[:8], str(m.status)) for m in parsed.ledger.measures()]


def test_a_wechat_mark_after_the_progress_label_is_the_status_it_stands_for(tmp_path: Path) -> None:
    """"整改进展：✅已完成。…", "整改进展：⏳阶段性完成。…": the mark stands before the status the
    account opens with (it had hidden it: the ⏳ problem read 已完成 by its "已完成9处", the count
    of 阶段性完成 undecidable); a mark alone before the account ("✅ 修订…") states its status. The
    marks are no part of the measures' text."""
    parsed, statuses = _wechat_statuses(tmp_path)
    assert statuses == [("对2024年以来", "已完成"), ("已完成9处隐患点", "基本完成"),
                        ("已储备村级后备干", "基本完成"), ("修订党员积分管理", "已完成"),
                        ("组织支部书记集中", "已完成")]
    assert not any(c in m.text + m.progress for m in parsed.ledger.measures() for c in "✅⏳")
    checks = _checks(parsed)
    assert checks["staged"] == [True] and checks["done"] == [True]


def test_an_account_closing_it_goes_on_keeps_the_status_stated_before_it(tmp_path: Path) -> None:
    """"完成情况：阶段性完成。已组建…，其余…，持续推进。": the last clause says the work goes on — the
    status is the one stated (it had read 长期坚持 from the clause, and the notice written again
    said so); "已完成。…，持续推进。" stays done."""
    (tmp_path / "通报.txt").write_text("""中共丰源县供销合作社党组关于巡察整改进展情况的通报

一、反馈问题整改情况
（一）服务“三农”主责主业方面
1.基层供销社网点覆盖不足。
完成情况：阶段性完成。已恢复重建基层社3个，其余乡镇结合“千村万店”工程布点，持续推进。
2.农资储备管理不规范。
完成情况：已完成。修订农资储备管理办法，建立出入库台账，持续推进。
3.社有资产出租合同管理混乱。
完成情况：正在推进。已清理合同41份，持续推进。

中共丰源县供销合作社党组
2026年11月12日
""", encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    assert [str(m.status) for m in parsed.ledger.measures()] == ["基本完成", "已完成", "正在推进"]
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=_TODAY)
    assert [str(m.status) for m in api.parse_notice_file(written).ledger.measures()] == [
        "基本完成", "已完成", "正在推进"]


# ---------------------------------------------------------------------------
# a notice printed from Word to PDF: a running head over each page, "第2页 共3页" at each foot
# ---------------------------------------------------------------------------

_HEAD = "白水县统计局巡察整改进展情况"
_STEPS = ("局党组召开专题会议研究部署，明确分管领导和责任股室，细化整改步骤和完成时限，实行清单化管理、闭环式推进，"
          "每月调度一次整改进展，对进度滞后的及时督促提醒。")

_PRINTED = [
    "中共白水县统计局党组关于县委巡察整改进展情况的通报",
    "根据县委统一部署，2026年3月10日至5月8日，县委第一巡察组对县统计局党组进行了巡察，并于6月12日反馈了巡察意见。"
    "按照党务公开有关规定，现将巡察整改进展情况予以公布。",
    "一、巡察反馈问题的整改落实情况",
    "（一）统计数据质量方面",
    *[line for k, (problem, account) in enumerate([
        ("基层统计台账不健全，部分规上企业原始记录缺失。",
         "对全县136家规上企业统计台账逐户核查，指导补建原始记录412份，建立台账抽查月报制度。已完成。"),
        ("统计执法检查覆盖面窄。",
         "制定年度统计执法检查计划，对38家调查对象开展“双随机”检查，立案查处统计违法案件3起。已完成。"),
        ("防范和惩治统计造假责任制落实不力。",
         "修订防范和惩治统计造假、弄虚作假责任制实施办法，将统计数据质量纳入乡镇年度考核。已完成。"),
        ("统计数据共享机制不畅。",
         "与县发改、税务、市场监管等部门签订数据共享协议，部门数据交换平台正在调试，预计2027年3月上线。正在推进。"),
    ], start=1) for line in (f"{k}.{problem}", f"整改情况：{_STEPS}{account}")],
    "（二）机关党的建设方面",
    *[line for k, (problem, account) in enumerate([
        ("党组理论学习中心组学习流于形式。",
         "制定年度学习计划，开展研讨交流6次，党组成员撰写调研报告5篇。已完成。"),
        ("支部“三会一课”落实不严格。",
         "对照规范逐本检查支部记录，组织支部书记轮训1次。已完成。"),
        ("干部教育培训针对性不强。",
         "围绕统计业务举办专题培训4期，选派骨干参加省市业务培训11人次。已完成。"),
    ], start=5) for line in (f"{k}.{problem}", f"整改情况：{_STEPS}{account}")],
    "二、下一步工作打算",
    "局党组将持续巩固整改成果，对正在推进的事项紧盯不放，确保按期完成。",
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-6661234。",
    "中共白水县统计局党组",
    "2026年11月25日",
]


def _printed_pdf(tmp_path: Path) -> Path:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from tests.followup_ledgers import soffice_convert

    def page_field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
        for kind, text in (("begin", None), (None, instruction), ("end", None)):
            run = paragraph.add_run()._r
            if kind is None:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run.append(element)

    document = Document()
    document.styles["Normal"].font.size = Pt(16)
    section = document.sections[0]
    section.header.paragraphs[0].text = _HEAD
    foot = section.footer.paragraphs[0]
    foot.add_run("第")
    page_field(foot, "PAGE")
    foot.add_run("页 共")
    page_field(foot, "NUMPAGES")
    foot.add_run("页")
    for line in _PRINTED:
        document.add_paragraph(line)
    document.save(tmp_path / "统计局通报.docx")
    return soffice_convert(tmp_path / "统计局通报.docx", tmp_path / "pdf", "pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_notices_running_head_is_no_part_of_its_text(tmp_path: Path) -> None:
    """The head Word repeats over each page ("白水县统计局巡察整改进展情况") is the page's margin: it
    had been read into the accounts it fell among (or left over, unplaced) — the PDF reads as the
    Word file it was printed from."""
    pdf = _printed_pdf(tmp_path)
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) >= 3
    parsed = api.parse_notice_file(pdf)
    from_word = api.parse_notice_file(tmp_path / "统计局通报.docx")
    assert [(i.title, [m.text for m in i.measures]) for i in parsed.ledger.issues()] == [
        (i.title, [m.text for m in i.measures]) for i in from_word.ledger.issues()]
    assert len(list(parsed.ledger.issues())) == 7
    assert not parsed.unplaced and not parsed.warnings
    assert not any(_HEAD in m.text + m.progress for m in parsed.ledger.measures())


def test_a_tables_header_row_left_at_a_pages_foot_heads_its_rows_on_the_next(tmp_path: Path) -> None:
    """A table per aspect, the second one's header row the last line of its page ("序号 存在问题
    整改措施 完成情况", drawn alone, so read as no table) and its rows on the next page: the header
    heads them — it had been left over as text the notice could not place."""
    from rectxl.core.notice import parse_notice
    from rectxl.io.pdf_read import joined_pages
    from rectxl.io.pdf_tables import PdfLine

    header = "序号\t存在问题\t整改措施\t完成情况"
    first = [PdfLine("中共白水县林业局党组关于巡察整改进展情况的通报", indented=True),
             PdfLine("一、反馈问题整改情况"), PdfLine("（一）生态保护方面"),
             PdfLine(header, row=True),
             PdfLine("1\t林地占用审批把关不严\t对2023年以来林地审批逐件复查\t已完成", row=True),
             PdfLine("2\t森林防火通道建设滞后\t新建防火通道12公里\t正在推进", row=True),
             PdfLine("（二）机关建设方面"), PdfLine(header.replace("\t", " ")), PdfLine("第1页 共2页")]
    second = [PdfLine("3\t公务接待审批不规范\t修订公务接待管理办法\t已完成", row=True),
              PdfLine("4\t固定资产账实不符\t开展资产清查，核销报废资产46件\t已完成", row=True),
              PdfLine("中共白水县林业局党组", indented=True), PdfLine("2026年11月25日", indented=True),
              PdfLine("第2页 共2页")]
    parsed = parse_notice(joined_pages([first, second]))
    assert [(i.number, i.title, [str(m.status) for m in i.measures]) for i in parsed.ledger.issues()] == [
        (1, "林地占用审批把关不严", ["已完成"]), (2, "森林防火通道建设滞后", ["正在推进"]),
        (3, "公务接待审批不规范", ["已完成"]), (4, "固定资产账实不符", ["已完成"])]
    assert not parsed.unplaced


# ---------------------------------------------------------------------------
# a notice in four parts: what was done, how far it got, each problem, what next
# ---------------------------------------------------------------------------

_FOUR_PARTS = """中共临江县人力资源和社会保障局党组关于县委巡察整改进展情况的通报

按照县委巡察工作统一部署，县委第二巡察组于2026年3月至5月对县人社局党组进行了巡察，并于6月18日反馈了巡察意见。现将整改进展情况通报如下。

一、整改工作推进情况
局党组对照反馈意见建立问题、任务、责任“三张清单”，实行周调度、月通报。

二、整改任务完成情况
巡察反馈的2个方面5个问题，局党组共制定整改措施14条。截至2026年11月30日，5个问题中已整改到位3个、阶段性完成1个，正在整改的1个问题已明确时限，持续推进，整改完成率达60%。

三、反馈问题逐项整改情况
（一）民生政策落实方面
问题1：被征地农民养老保险参保审核把关不严。
整改情况：已整改到位。对2020年以来参保名册逐人复核，清退不符合条件人员7名。
问题2：欠薪线索处置不及时。
整改情况：已整改到位。建立欠薪线索“接办督结”闭环机制，办结线索126件。
问题3：技能培训补贴审核不严。
整改情况：阶段性完成。已追回违规领取补贴3.2万元，培训机构黑名单制度正在制定。
（二）机关作风建设方面
问题4：窗口服务“冷硬横推”现象仍有发生。
整改情况：已整改到位。开展窗口作风专项整治，推行“好差评”。
问题5：业务经办系统权限管理混乱。
整改情况：正在整改。已清理冗余账号43个，权限分级管理系统预计2027年3月上线。

四、下一步打算
局党组将对未完成事项盯紧抓牢，确保按期清仓见底。

中共临江县人力资源和社会保障局党组
2026年12月1日
"""


def test_a_part_told_within_the_first_keeps_its_number_when_the_notice_is_written_again(
        tmp_path: Path) -> None:
    """"二、整改任务完成情况" between the work done and the problems: written again, the notice
    numbers its parts 一 to 四 as published — it had printed the part within 一's paragraphs as a
    paragraph and numbered the problems 二 again (two parts 二, the last 三)."""
    (tmp_path / "通报.txt").write_text(_FOUR_PARTS, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=_TODAY)
    parts = [line.strip() for line in written.read_text(encoding="utf-8").splitlines()
             if line.strip()[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert parts == ["一、整改工作推进情况", "二、整改任务完成情况", "三、反馈问题逐项整改情况", "四、下一步打算"]
    again = api.parse_notice_file(written)
    assert len(list(again.ledger.issues())) == 5
    assert False not in [ok for oks in _checks(again).values() for ok in oks]


# ---------------------------------------------------------------------------
# a government site's article page, saved as .html
# ---------------------------------------------------------------------------

_SITE_PAGE = """<html><head><meta charset="utf-8">
<title>中共松原区档案馆支部委员会关于巡察整改进展情况的通报</title></head><body>
<div id="top"><a>设为首页</a> <a>加入收藏</a> <a>无障碍浏览</a></div>
<div id="menu">首页 机构概况 政务公开 巡察工作 党风政风 警示教育</div>
<div class="left">
<div class="loc">当前位置：<a>首页</a> &gt; <a>巡察工作</a> &gt; 正文</div>
<h2>中共松原区档案馆支部委员会关于巡察整改进展情况的通报</h2>
<div class="meta">来源：区档案馆　发布时间：2026-11-02 09:30　浏览次数：318　【字体：大 中 小】</div>
<div id="zoom">
<p>根据区委统一部署，2026年5月9日至7月3日，区委第六巡察组对区档案馆党支部进行了巡察，8月12日反馈了巡察意见。现将整改进展情况予以公布。</p>
<p>一、整改工作总体情况</p>
<p>馆党支部针对反馈的2个方面4个问题，逐项制定整改措施，目前3个问题已整改完成。</p>
<p>二、具体问题整改情况</p>
<p>（一）关于履行职能职责方面的问题</p>
<p>1.馆藏档案数字化进度滞后。整改情况：完成馆藏档案数字化8.2万卷，剩余部分纳入明年计划，正在推进。</p>
<p>2.破损档案抢救修复不及时。整改情况：对破损档案1900页完成修裱，已整改到位。</p>
<p>（二）关于全面从严治党方面的问题</p>
<p>3.政府采购内控不严。整改情况：建立采购内控流程，已整改到位。</p>
<p>4.差旅费报销审核不严。整改情况：追回超标准报销差旅费0.6万元，已整改到位。</p>
<p>三、下一步工作</p>
<p>馆党支部将巩固整改成果，建立长效机制。</p>
<p>欢迎广大干部群众监督，联系电话：0000-2223333。</p>
<p align="right">中共松原区档案馆支部委员会</p>
<p align="right">2026年11月1日</p>
</div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div class="share">分享到： <a>微信</a> <a>新浪微博</a></div>
</div>
<div class="right">
<h3>点击排行</h3>
<ul><li>1.区委巡察组进驻区教育局开展常规巡察</li><li>2.关于区委第五轮巡察整改情况的通报</li>
<li>3.区纪委监委公开曝光3起违反中央八项规定精神问题</li></ul>
<h3>最新文章</h3>
<ul><li>巡察整改“回头看”工作推进会召开</li><li>区委巡察办开展业务培训</li></ul>
</div>
<div id="footer">版权所有：中共松原区纪委 松原区监委　ICP备案号：某ICP备00000000号-2
<br>地址：某区某路 电话：0000-1234567</div>
</body></html>
"""


def test_a_site_pages_side_column_of_ranked_articles_is_no_part_of_the_notice(tmp_path: Path) -> None:
    """"点击排行" and "最新文章" beside the article, a numbered list of other articles under the
    signature: dropped as the site's column — they had made the notice read as cut short at its
    last problem ("缺少联系方式、落款和日期"), its signature lost."""
    (tmp_path / "通报网页.html").write_text(_SITE_PAGE, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报网页.html")
    assert parsed.complete and not parsed.warnings
    assert parsed.ledger.info.party_org == "中共松原区档案馆支部委员会"
    assert [(i.number, str(i.measures[0].status)) for i in parsed.ledger.issues()] == [
        (1, "正在推进"), (2, "已完成"), (3, "已完成"), (4, "已完成")]


def test_a_status_sentence_right_after_the_problem_is_its_stated_status(tmp_path: Path) -> None:
    """"问题3：…不严。阶段性完成。已追回…": the problem, then its status in a sentence of its own,
    then the account, on one line — the status is stated (it had been left in the account and
    guessed from it, the counts of 已整改到位 and 阶段性完成 undecidable) and leaves the account."""
    text = _FOUR_PARTS.replace("。\n整改情况：", "。")
    assert "问题3：技能培训补贴审核不严。阶段性完成。已追回" in text
    (tmp_path / "通报.txt").write_text(text, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    measures = list(parsed.ledger.measures())
    assert [(str(m.status), m.status_inferred) for m in measures] == [
        ("已完成", False), ("已完成", False), ("基本完成", False), ("已完成", False), ("正在推进", False)]
    assert measures[0].text == "对2020年以来参保名册逐人复核，清退不符合条件人员7名。"
    checks = _checks(parsed)
    assert checks["done"] == [True] and checks["staged"] == [True] and checks["going"] == [True]


# ---------------------------------------------------------------------------
# a WeChat article copied to text
# ---------------------------------------------------------------------------

_KEYCAPS = """清风石门
关于巡察整改进展情况的通报
原创 石门乡纪委 清风石门 2026年11月18日 20:15 某省

🔹🔹🔹

根据县委统一部署，县委第三巡察组于2026年4月至5月对石门乡党委开展了巡察，并于6月28日反馈了巡察意见。现将整改进展情况公布如下。

🌟一、整改总体情况

乡党委对反馈的2个方面4个问题全面认领，截至11月15日，已整改到位3个，正在整改1个。

🌟二、具体整改情况

📌（一）落实“两个责任”方面

1️⃣ 乡党委对村级“三资”监管不力。
整改情况：完成9个村集体资产清产核资，收回被侵占集体土地21亩。（已完成）

2️⃣ 惠农补贴发放审核不严。
整改情况：对近三年耕地地力补贴逐户核对，追回冒领资金0.9万元。（已完成）

📌（二）干部作风方面

3️⃣ 乡村干部值班值守不到位。
整改情况：修订值班管理制度，开展夜查暗访6次。（已完成）

4️⃣ 农村人居环境整治推进慢。
整改情况：已完成3个村的改厕任务，其余2个村计划明年6月底前完成。（正在推进）

🌟三、下一步工作

乡党委将持续巩固整改成果。

欢迎广大干部群众监督，联系电话：0000-9990000。

中共石门乡委员会
2026年11月16日

👆点击“阅读原文”查看更多
文字 | 王某
审核 | 赵某
"""


def test_problems_numbered_in_keycap_emoji_are_the_problems(tmp_path: Path) -> None:
    """"1️⃣ 乡党委对…监管不力。" — a WeChat copy numbering its problems in keycap emoji: each is a
    problem with its account; they had been read as one problem's measures (4 problems read as 2,
    "通报称4个问题" flagged as a mismatch)."""
    (tmp_path / "公众号.txt").write_text(_KEYCAPS, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "公众号.txt")
    assert [(i.number, i.title, [str(m.status) for m in i.measures]) for i in parsed.ledger.issues()] == [
        (1, "乡党委对村级“三资”监管不力", ["已完成"]), (2, "惠农补贴发放审核不严", ["已完成"]),
        (3, "乡村干部值班值守不到位", ["已完成"]), (4, "农村人居环境整治推进慢", ["正在推进"])]
    assert _checks(parsed)["issues"] == [True] and _checks(parsed)["done"] == [True]


def test_the_units_word_on_what_it_will_do_after_the_last_problem_is_no_measure_of_it(tmp_path: Path) -> None:
    """No heading over the next steps: "乡党委将持续巩固整改成果。欢迎…监督，联系电话：…" after the last
    problem's account is the notice's next steps and closing — it had been read as one more measure
    of the last problem (正在推进), the notice's contacts inside it."""
    text = _KEYCAPS.replace("🌟三、下一步工作\n\n", "").replace("乡党委将持续巩固整改成果。\n\n欢迎",
                                                                 "乡党委将持续巩固整改成果。欢迎")
    assert "乡党委将持续巩固整改成果。欢迎广大干部群众监督" in text and "三、" not in text
    (tmp_path / "公众号.txt").write_text(text, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "公众号.txt")
    last = list(parsed.ledger.issues())[-1]
    assert [m.text for m in last.measures] == ["已完成3个村的改厕任务，其余2个村计划明年6月底前完成。"]
    assert parsed.ledger.info.section_three == "乡党委将持续巩固整改成果。"
    assert parsed.ledger.info.phone == "0000-9990000"
