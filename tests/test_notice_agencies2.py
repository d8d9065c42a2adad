"""More notices written the way other offices write them, read as a careful reader would:
tables pasted as tab-separated text with merged 序号/问题 cells, tables in a saved web page and
in a Word file, labelled per-issue blocks (责任领导：/责任股室：/整改时限：), a progress label per
measure, issues marked only in bold type, statuses stated for a whole issue, hotline numbers,
aspects numbered as sections of their own, "第一部分" headings, page debris, hard line breaks,
and an issue's lead-in sentence.

Every notice here is written for this file about fictional units (not copied from any real one).
Each parse is also rendered and parsed again: the issues and measures must come back the same.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rectxl.core.model import Ledger, Status
from rectxl.core.notice import ParsedNotice, parse_notice, render_notice
from rectxl.core.notice.parse import UNPLACED_KEY
from rectxl.io.notice_file import read_notice_file

HEAD = """中共青禾县农业农村局党组关于县委巡察整改进展情况的通报

　　根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对县农业农村局党组开展了巡察，2024年5月20日反馈了巡察意见。现将整改进展情况公布如下。
"""

TAIL = """
　　欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0736-7712345；电子邮箱：qhnyj@163.com。

中共青禾县农业农村局党组
2024年9月12日
"""


def _parse(body: str) -> ParsedNotice:
    return parse_notice(HEAD + body + TAIL)


def _issues(ledger: Ledger) -> list[tuple[str, int]]:
    return [(i.title, len(i.measures)) for i in ledger.issues()]


def _statuses(ledger: Ledger) -> list[Status | None]:
    return [m.status for m in ledger.measures()]


def _assert_stable(parsed: ParsedNotice) -> ParsedNotice:
    """parse → render → parse gives the same aspects, issues and measures (a measure read back
    may carry how far it got, written after it: it still opens with the same words)."""
    back = parse_notice(render_notice(parsed.ledger))
    first, again = parsed.ledger, back.ledger
    assert [a.title for a in again.aspects] == [a.title for a in first.aspects]
    assert _issues(again) == _issues(first)
    for m, n in zip(first.measures(), again.measures(), strict=True):
        assert n.text.startswith(m.text.rstrip("。；;")), (m.text, n.text)
    assert not back.unplaced
    return back


# ---------------------------------------------------------------------------
# 1. A table pasted as tab-separated text: merged 序号/问题 cells left empty
# ---------------------------------------------------------------------------

TAB_ROWS = [
    "序号\t存在问题\t整改措施\t完成情况",
    "1\t村级议事规则执行走样\t修订村级议事规则，全面推行“四议两公开”\t已完成",
    "\t\t对12个村开展议事程序专项督查\t已完成",
    "2\t矛盾纠纷排查不及时\t建立网格员每日巡查制度\t正在推进",
    "\t\t设立镇级调解工作室2个\t已完成",
    "\t\t开展法治宣传进村活动\t长期坚持",
]
TAB_ROWS_2 = [
    "序号\t存在问题\t整改措施\t完成情况",
    "3\t干部考勤管理松散\t启用电子考勤系统\t已完成",
    "\t\t每月通报考勤情况\t长期坚持",
]


def _tab_notice(rows: list[str], rows_2: list[str]) -> str:
    return ("　　一、整改工作开展情况\n　　党委对反馈的2个方面3个问题制定整改措施7条。\n"
            "　　二、具体问题整改落实情况\n　　（一）基层治理方面\n" + "\n".join(rows)
            + "\n　　（二）队伍建设方面\n" + "\n".join(rows_2)
            + "\n　　三、下一步工作打算\n　　党委将持续抓好整改。\n")


@pytest.mark.parametrize("trimmed", [False, True], ids=["tabs-kept", "leading-tabs-lost"])
def test_tab_table_rows_without_number_are_measures_of_the_issue_above(trimmed: bool) -> None:
    def trim(rows: list[str]) -> list[str]:
        return [r.lstrip("\t") for r in rows] if trimmed else rows

    parsed = _parse(_tab_notice(trim(TAB_ROWS), trim(TAB_ROWS_2)))
    ledger = parsed.ledger
    assert _issues(ledger) == [("村级议事规则执行走样", 2), ("矛盾纠纷排查不及时", 3),
                               ("干部考勤管理松散", 2)]
    assert [i.number for i in ledger.issues()] == [1, 2, 3]
    assert _statuses(ledger) == [Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.DONE,
                                 Status.LONG_TERM, Status.DONE, Status.LONG_TERM]
    assert all(not m.status_inferred for m in ledger.measures())  # the table states them
    assert [m.text for m in list(ledger.issues())[1].measures] == [
        "建立网格员每日巡查制度", "设立镇级调解工作室2个", "开展法治宣传进村活动"]
    assert not any(t in ("已完成", "正在推进", "长期坚持") for t, _ in _issues(ledger))
    assert parsed.complete and not parsed.warnings
    _assert_stable(parsed)


def test_tab_table_row_with_an_empty_status_cell_is_still_a_measure() -> None:
    rows = [*TAB_ROWS[:3], "\t\t建立议事程序月度抽查制度\t", *TAB_ROWS[3:]]
    ledger = _parse(_tab_notice(rows, TAB_ROWS_2)).ledger
    first = next(ledger.issues())
    assert [m.text for m in first.measures][-1] == "建立议事程序月度抽查制度"
    assert first.measures[-1].status_inferred  # no status stated: guessed, and marked so


def test_prose_under_a_table_is_kept_not_dropped() -> None:
    note = "注：标注长期坚持的事项按季度报送进展。"
    parsed = _parse(_tab_notice([*TAB_ROWS, note], TAB_ROWS_2))
    assert parsed.ledger.info.extra[UNPLACED_KEY] == note
    assert _issues(parsed.ledger)[1] == ("矛盾纠纷排查不及时", 3)


def test_issue_cells_repeated_on_each_row_are_one_issue() -> None:
    rows = ["序号\t反馈问题\t整改措施\t整改情况",
            "1\t农机补贴审核把关不严\t对2023年补贴档案逐户复核\t已完成",
            "1\t农机补贴审核把关不严\t建立补贴公示“回头看”机制\t已完成",
            "2\t项目资金拨付滞后\t实行项目资金月调度\t正在推进",
            "2\t项目资金拨付滞后\t约谈进度滞后的施工单位3家\t已完成"]
    parsed = _parse("　　二、反馈问题整改情况\n" + "\n".join(rows) + "\n　　三、下一步工作打算\n　　持续整改。\n")
    assert _issues(parsed.ledger) == [("农机补贴审核把关不严", 2), ("项目资金拨付滞后", 2)]
    assert not any("编号" in w for w in parsed.warnings)


# ---------------------------------------------------------------------------
# 2. Tables in a saved web page and in a Word file
# ---------------------------------------------------------------------------

HTML_PAGE = """<html><head><meta charset="{charset}"><title>巡察整改进展情况</title></head><body>
<table><tr><td>首页 | 信息公开 | 巡察整改</td></tr></table>
<p>中共青禾县林业局党组关于县委巡察整改进展情况的通报</p>
<p>　　根据县委统一部署，2024年3月4日至4月26日，县委第三巡察组对县林业局党组开展了巡察，
2024年5月22日反馈了巡察意见。现将整改进展情况公布如下。</p>
<p>　　一、整改工作组织情况</p>
<p>　　局党组对反馈的3个问题制定整改措施5条。</p>
<p>　　二、反馈问题整改情况</p>
<table border="1">
<tr><th>序号</th><th>反馈问题</th><th>整改措施</th><th>完成情况</th></tr>
{rows}
</table>
<p>　　三、下一步工作打算</p>
<p>　　局党组将巩固整改成果。</p>
<p>　　联系电话：0736-7723456；电子邮箱：qhlyj@163.com。</p>
<p>中共青禾县林业局党组</p>
<p>2024年9月30日</p>
</body></html>"""

ROWSPAN = """<tr><td rowspan="2">1</td><td rowspan="2">林长巡林责任落实不到位</td>
<td>修订林长巡林考核办法</td><td>已完成</td></tr>
<tr><td>开展林长巡林情况季度通报<br>已通报3次</td><td>已完成</td></tr>
<tr><td>2</td><td>森林防火物资储备不足</td><td>补充防火物资储备</td><td>已完成</td></tr>
<tr><td rowspan="2">3</td><td rowspan="2">公益林补偿资金发放不及时</td>
<td>清理补偿资金发放台账</td><td>已完成</td></tr>
<tr><td>建立补偿资金按季发放制度</td><td>正在推进</td></tr>"""

REPEATED = """<tr><td>1</td><td>林长巡林责任落实不到位</td><td>修订林长巡林考核办法</td><td>已完成</td></tr>
<tr><td>1</td><td>林长巡林责任落实不到位</td><td><p>开展林长巡林情况季度通报</p><p>已通报3次</p></td><td>已完成</td></tr>
<tr><td>2</td><td>森林防火物资储备不足</td><td>补充防火物资储备</td><td>已完成</td></tr>
<tr><td>3</td><td>公益林补偿资金发放不及时</td><td>清理补偿资金发放台账</td><td>已完成</td></tr>
<tr><td>3</td><td>公益林补偿资金发放不及时</td><td>建立补偿资金按季发放制度</td><td>正在推进</td></tr>"""


@pytest.mark.parametrize(("rows", "charset"), [(ROWSPAN, "gb2312"), (ROWSPAN, "utf-8"),
                                               (REPEATED, "utf-8")],
                         ids=["rowspan-gb2312", "rowspan-utf8", "repeated-cells"])
def test_html_table_is_read_as_a_table(tmp_path: Path, rows: str, charset: str) -> None:
    page = tmp_path / "通报.htm"
    page.write_bytes(HTML_PAGE.format(charset=charset, rows=rows).encode(
        "gb18030" if charset == "gb2312" else "utf-8"))
    parsed = parse_notice(read_notice_file(page))
    ledger = parsed.ledger
    assert _issues(ledger) == [("林长巡林责任落实不到位", 2), ("森林防火物资储备不足", 1),
                               ("公益林补偿资金发放不及时", 2)]
    assert next(ledger.issues()).measures[1].text == "开展林长巡林情况季度通报；已通报3次"
    assert _statuses(ledger)[-1] is Status.IN_PROGRESS
    assert ledger.info.section_two_intro is None  # no cells dumped into the intro
    assert ledger.info.title == "中共青禾县林业局党组关于县委巡察整改进展情况的通报"
    assert ledger.info.phone == "0736-7723456"
    assert parsed.complete and not any("不完整" in w for w in parsed.warnings)
    _assert_stable(parsed)


def test_layout_table_of_a_web_page_stays_text(tmp_path: Path) -> None:
    page = tmp_path / "通报.html"
    body = HTML_PAGE.format(charset="utf-8", rows=ROWSPAN)
    # the whole page laid out in a three-column table, the notice in the middle cell
    page.write_text(body.replace("<body>", "<body><table><tr><td>导航</td><td>").replace(
        "</body>", "</td><td>友情链接</td></tr></table></body>"), encoding="utf-8")
    ledger = parse_notice(read_notice_file(page)).ledger
    assert len(_issues(ledger)) == 3


def test_word_table_with_merged_issue_cells_counts_issues_not_rows(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["中共青禾县水利局党组关于县委巡察整改进展情况的通报",
                 "根据县委统一部署，县委第四巡察组于2024年3月对县水利局党组开展了巡察，2024年5月24日反馈了巡察意见。",
                 "二、反馈问题整改情况"]:
        document.add_paragraph(text)
    rows = [("序号", "反馈问题", "整改措施", "完成情况"),
            ("1", "河道采砂监管不严", "开展非法采砂专项整治", "已完成"),
            ("", "", "建立采砂视频监控平台", "正在推进"),
            ("2", "水利工程验收滞后", "完成3个项目竣工验收", "已完成"),
            ("", "", "制定验收工作计划", "已完成")]
    table = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for top in (1, 3):  # 序号 and 反馈问题 merged down over the issue's two measure rows
        for col in (0, 1):
            kept = table.cell(top, col).text
            table.cell(top, col).merge(table.cell(top + 1, col)).text = kept
    for text in ["三、下一步工作打算", "局党组将持续抓好整改。", "中共青禾县水利局党组", "2024年10月8日"]:
        document.add_paragraph(text)
    path = tmp_path / "通报.docx"
    document.save(str(path))
    parsed = parse_notice(read_notice_file(path))
    assert _issues(parsed.ledger) == [("河道采砂监管不严", 2), ("水利工程验收滞后", 2)]
    assert [i.number for i in parsed.ledger.issues()] == [1, 2]
    assert not any("编号" in w for w in parsed.warnings)
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 3. Labelled per-issue blocks: symptoms, owners and deadline lines, (1)(2) measures
# ---------------------------------------------------------------------------

LABELLED = """
　　二、巡察反馈问题整改落实情况

1.关于农村饮水安全保障有短板问题。主要表现为：一是部分水厂消毒设备老化；二是水质检测覆盖不全。
责任领导：党组副书记、副局长
责任股室：农村水利股
整改时限：2024年10月底前
整改措施：更换老化消毒设备14台；建立水质月检测制度。
整改进展：已更换消毒设备9台，其余5台正在安装；水质月检测已覆盖全部水厂。

2.关于高标准农田管护不到位问题。主要表现为：一是管护主体不明确；二是管护经费落实不足。
责任领导：分管副局长
责任股室：农田建设股、计划财务股
整改时限：2024年8月底前
整改措施：（1）明确村级管护主体，签订管护协议86份。（2）将管护经费纳入年度预算。（3）建立管护情况季度巡查机制。
整改情况：已整改。

3.关于农药经营门店监管不严问题。
责任领导：分管副局长
责任股室：执法大队
整改时限：立行立改，长期坚持
整改措施：（1）对全县农药门店开展全覆盖检查，查处违规门店6家。（2）推行农药购销实名登记。
整改情况：已完成，并长期坚持。

　　三、下一步工作打算

　　局党组将持续推进未完成事项。
"""


def test_labelled_blocks_fill_owners_and_keep_symptoms_in_the_issue() -> None:
    parsed = _parse(LABELLED)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [2, 3, 2]
    # the symptoms are the issue's own text, not its measures
    assert issues[0].title == ("关于农村饮水安全保障有短板问题。主要表现为：一是部分水厂消毒设备老化；"
                               "二是水质检测覆盖不全")
    assert issues[2].title == "关于农药经营门店监管不严问题"
    first = issues[0].measures
    assert [m.text for m in first] == ["更换老化消毒设备14台。", "建立水质月检测制度。"]
    assert first[0].progress == "已更换消毒设备9台，其余5台正在安装。"
    assert (first[0].lead, first[0].owner_unit) == ("党组副书记、副局长", "农村水利股")
    assert first[0].deadline.due is not None and first[0].deadline.due.isoformat() == "2024-10-31"
    assert [m.owner_unit for m in issues[1].measures] == ["农田建设股、计划财务股"] * 3
    assert issues[1].measures[0].text == "明确村级管护主体，签订管护协议86份。"
    # "整改情况：已整改。" is the issue's status, stated, and no longer part of any text
    assert [m.status for m in issues[1].measures] == [Status.DONE] * 3
    assert not any(m.status_inferred for m in issues[1].measures)
    assert all("整改情况" not in m.text for m in parsed.ledger.measures())
    assert all(m.status is Status.DONE and m.continuing for m in issues[2].measures)
    assert issues[2].measures[0].deadline.kind.name == "IMMEDIATE_AND_LONG_TERM"
    assert not parsed.unplaced and not parsed.warnings
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 4. A progress label on every measure
# ---------------------------------------------------------------------------

PER_MEASURE = """
　　二、反馈问题整改落实情况
问题一：农村“三资”台账不完整。
1.对全镇15个村开展清产核资。整改进展：已完成。
2.建立村级资产月报制度。整改进展：尚未完成，正在制定报表模板。
问题二：惠农补贴发放公示不规范。
1.规范补贴公示格式，统一公示7天。整改进展：已基本完成，尚有2个村公示栏待更换。
2.开展补贴发放“回头看”。整改进展：尚未启动。
问题三：村干部坐班制度落实不严。
1.推行村干部坐班轮值表。整改进展：持续推进。
2.每月通报坐班情况。整改进展：已完成，并长期坚持。
　　三、下一步工作打算
　　镇党委将持续推进整改。
"""


@pytest.mark.parametrize("labelled", [True, False], ids=["with-labels", "without-labels"])
def test_progress_label_per_measure_keeps_every_measure(labelled: bool) -> None:
    body = PER_MEASURE if labelled else "\n".join(
        line.split("整改进展")[0] for line in PER_MEASURE.split("\n"))
    parsed = _parse(body)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert [m.text for m in issues[0].measures] == ["对全镇15个村开展清产核资。", "建立村级资产月报制度。"]
    if labelled:
        assert [m.progress for m in issues[0].measures] == ["已完成。", "尚未完成，正在制定报表模板。"]
        assert _statuses(parsed.ledger) == [
            Status.DONE, Status.IN_PROGRESS, Status.MOSTLY_DONE, Status.NOT_STARTED,
            Status.LONG_TERM, Status.DONE]
    assert not parsed.unplaced
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 5. Issues marked only by a bold lead sentence (.docx and Markdown)
# ---------------------------------------------------------------------------

BOLD_ISSUES = [
    ("（一）落实意识形态工作责任制方面", None),
    ("宣传阵地管理存在漏洞。", "一是清理停更政务新媒体账号5个。二是建立新媒体内容“三审三校”制度。"),
    ("理论学习中心组学习不够深入。", "一是制定年度学习计划。二是开展专题研讨4次。三是撰写调研报告6篇。"),
    ("（二）落实全面从严治党责任方面", None),
    ("公务用车管理不规范。", "一是对公务用车使用情况开展自查。二是安装车辆定位系统12套。"),
    ("干部请销假制度执行不严。", "一是启用线上请销假系统。二是每季度通报请销假情况。"),
]


def _bold_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("中共青禾县文化广电旅游局党组关于县委巡察整改进展情况的通报").runs[0].bold = True
    document.add_paragraph("根据县委统一部署，县委第一巡察组于2024年3月对县文化广电旅游局党组开展了巡察，"
                           "2024年5月21日反馈了巡察意见。现将整改进展情况公布如下。")
    document.add_paragraph("二、巡察反馈问题整改情况").runs[0].bold = True
    for lead, rest in BOLD_ISSUES:
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).bold = True
        if rest:
            paragraph.add_run(rest)
    for text in ["三、下一步工作打算", "局党组将持续巩固整改成果。", "中共青禾县文化广电旅游局党组",
                 "2024年9月20日"]:
        document.add_paragraph(text)
    document.save(str(path))


def _assert_bold_issues(parsed: ParsedNotice) -> None:
    ledger = parsed.ledger
    assert [a.title for a in ledger.aspects] == ["落实意识形态工作责任制方面", "落实全面从严治党责任方面"]
    assert _issues(ledger) == [("宣传阵地管理存在漏洞", 2), ("理论学习中心组学习不够深入", 3),
                               ("公务用车管理不规范", 2), ("干部请销假制度执行不严", 2)]
    assert not parsed.unplaced


def test_bold_lead_sentences_are_issues_in_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "通报.docx"
    _bold_docx(path)
    parsed = parse_notice(read_notice_file(path))
    _assert_bold_issues(parsed)
    _assert_stable(parsed)


def test_bold_lead_sentences_are_issues_in_markdown() -> None:
    lines = [f"**{lead}**{rest}" if rest else f"### {lead}" for lead, rest in BOLD_ISSUES]
    body = "\n## 二、巡察反馈问题整改情况\n\n" + "\n\n".join(lines) + "\n\n## 三、下一步工作打算\n\n持续整改。\n"
    _assert_bold_issues(_parse(body))


def test_bold_runs_inside_an_issue_do_not_split_it(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["中共青禾县统计局党组关于县委巡察整改进展情况的通报",
                 "根据县委统一部署，县委第五巡察组对县统计局党组开展了巡察，2024年5月23日反馈了巡察意见。",
                 "二、反馈问题整改情况", "1.统计数据质量管控不严的问题。"]:
        document.add_paragraph(text)
    paragraph = document.add_paragraph()
    paragraph.add_run("加强源头核查。").bold = True
    paragraph.add_run("一是对规上企业开展数据核查。二是建立数据质量责任制。")
    for text in ["2.统计执法检查覆盖不全的问题。一是制定年度执法检查计划。二是开展“双随机”检查2次。",
                 "中共青禾县统计局党组", "2024年9月2日"]:
        document.add_paragraph(text)
    path = tmp_path / "通报.docx"
    document.save(str(path))
    ledger = parse_notice(read_notice_file(path)).ledger
    assert [n for _, n in _issues(ledger)] == [2, 2]


# ---------------------------------------------------------------------------
# 6. A status stated for a whole issue
# ---------------------------------------------------------------------------

STATUS_LINE = """
　　二、反馈问题整改情况
　　（一）关于服务大局方面
问题一：招商引资项目跟踪服务不到位。
整改措施：（1）建立重点项目专班服务制度。（2）对签约未落地项目逐一约谈，推动开工5个。
整改状态：已完成
问题二：营商环境投诉办理不及时。
整改措施：（1）开通企业诉求“直通车”。（2）对超期未办结投诉开展督办。
整改状态：正在推进
　　三、下一步工作打算
　　持续巩固整改成效。
"""

BRACKET_AFTER_TITLE = """
　　二、巡察反馈问题整改情况
　　（一）关于落实“三重一大”制度不到位的问题【已完成】
　　一是修订“三重一大”事项清单。二是建立会议纪要备案制度。
　　（二）关于工程项目结算拖延的问题【正在推进】
　　一是对12个未结算项目建立清单。二是已完成结算审计7个，其余5个计划于2024年12月底前完成。
　　三、下一步工作打算
　　持续巩固整改成效。
"""

BRACKET_AFTER_STOP = """
　　二、巡察反馈问题整改情况
　　1.关于安全生产责任制落实不到位问题。（已整改到位）
　　整改措施：①修订安全生产责任清单。②开展隐患排查，整改隐患43处。
　　2.关于仓储设施老化问题。（正在整改）
　　整改措施：①更换仓库消防设施。②维修改造老旧仓库2座，目前主体工程已完成60%，计划2025年3月底前投用。
　　三、下一步工作打算
　　持续巩固整改成效。
"""

LABEL_BEFORE_MEASURES = """
　　二、整改落实情况
问题1：村务公开栏更新不及时。
整改情况：已整改。一是每月5日前更新公开栏。二是同步在村务微信群公开。
问题2：村集体合同管理不规范。
整改情况：已完成。对全村合同逐份清理，补签合同4份。下一步将长期坚持合同审查制度。
"""


def test_status_line_after_the_measures_is_the_issues_status() -> None:
    parsed = _parse(STATUS_LINE)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [2, 2]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.DONE]
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS, Status.IN_PROGRESS]
    assert issues[0].measures[1].text == "对签约未落地项目逐一约谈，推动开工5个。"
    assert all(not m.status_inferred and "整改状态" not in m.text for m in parsed.ledger.measures())
    assert issues[0].measures[0].status_text == "已完成"
    _assert_stable(parsed)


def test_bracketed_status_after_the_title_is_removed_and_applied() -> None:
    parsed = _parse(BRACKET_AFTER_TITLE)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["关于落实“三重一大”制度不到位的问题", "关于工程项目结算拖延的问题"]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.DONE]
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS, Status.IN_PROGRESS]
    _assert_stable(parsed)


def test_bracketed_status_after_the_full_stop_is_removed_and_applied() -> None:
    parsed = _parse(BRACKET_AFTER_STOP)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["关于安全生产责任制落实不到位问题", "关于仓储设施老化问题"]
    assert [m.status for m in issues[0].measures] == [Status.DONE, Status.DONE]
    assert [m.status for m in issues[1].measures] == [Status.IN_PROGRESS, Status.IN_PROGRESS]
    assert all("整改到位" not in (i.intro + "".join(m.text for m in i.measures)) for i in issues)
    _assert_stable(parsed)


def test_status_label_before_the_measures_is_the_issues_status() -> None:
    parsed = _parse(LABEL_BEFORE_MEASURES)
    issues = list(parsed.ledger.issues())
    assert [len(i.measures) for i in issues] == [2, 1]
    assert [m.status for m in parsed.ledger.measures()] == [Status.DONE] * 3
    assert issues[0].measures[0].text == "每月5日前更新公开栏。"
    # the account after the status word stays; "下一步将长期坚持" does not undo 已完成
    assert issues[1].measures[0].text.startswith("对全村合同逐份清理，补签合同4份。")
    assert not issues[1].measures[0].text.startswith("已完成")
    _assert_stable(parsed)


def test_an_issue_in_progress_keeps_the_measures_it_says_are_done() -> None:
    body = ("　　二、整改落实情况\n　　1.关于档案数字化滞后问题。（正在整改）一是制定档案数字化方案。"
            "二是已完成2019年以前档案扫描1.2万卷。\n")
    measures = next(_parse(body).ledger.issues()).measures
    assert [m.status for m in measures] == [Status.IN_PROGRESS, Status.DONE]


@pytest.mark.parametrize(("text", "expected"), [
    ("已完成。村里补齐会议记录，下一步将长期坚持。", Status.DONE),  # a status word opens it
    ("已基本完成，尚有2个村未入账。", Status.MOSTLY_DONE),
    ("尚未启动。", Status.NOT_STARTED),
    ("持续推进。", Status.LONG_TERM),
    ("主体工程已完成60%，计划2025年3月底前投用。", Status.IN_PROGRESS),  # a share, a plan
    ("已完工2个，预计年底前全部完工。", Status.IN_PROGRESS),
    ("制定工作计划，召开推进会3次。", Status.DONE),  # 计划 as a noun is no plan to finish
])
def test_inferred_status_of_a_progress_text(text: str, expected: Status) -> None:
    from rectxl.core.notice import infer_status

    assert infer_status(text) is expected


# ---------------------------------------------------------------------------
# 7. Contacts: a national hotline is not the unit's phone
# ---------------------------------------------------------------------------

SIMPLE_BODY = """
　　二、反馈问题整改情况
　　1.干部档案管理不规范问题。一是对干部档案开展专项审核。二是补齐缺失材料31份。
"""


@pytest.mark.parametrize(("closing", "phone", "hotline"), [
    ("举报电话：12380；联系电话：0736-7765432、0736-7765433；电子信箱：qhzzb@163.com。",
     "0736-7765432、0736-7765433", {"举报电话": "12380"}),
    ("监督电话：0736-7765432（县委组织部） 12380（举报）", "0736-7765432", {}),
    ("举报电话：12380。", "12380", {}),  # nothing else given: it is the number the notice gives
])
def test_hotline_is_not_the_contact_phone(closing: str, phone: str, hotline: dict[str, str]) -> None:
    text = HEAD + SIMPLE_BODY + f"\n　　欢迎监督。{closing}\n\n中共青禾县委组织部\n2024年9月3日\n"
    info = parse_notice(text).ledger.info
    assert info.phone == phone
    for word, number in hotline.items():  # kept on record under its own word
        assert info.extra[word] == number


# ---------------------------------------------------------------------------
# 8. Aspects numbered as sections of their own
# ---------------------------------------------------------------------------

TOP_LEVEL = """
一、整改工作总体情况

校委会对反馈的2个方面4个问题制定整改措施7条，截至2024年8月底已全部完成。

二、关于落实教学主责主业方面问题的整改情况

（一）关于课程审核把关不严的问题。
1.修订课程审核办法，实行“三级审核”。
2.建立听课巡课制度，巡听课程40节。

（二）关于培训需求调研不足的问题。
1.开展培训需求问卷调查，形成调研报告。

三、关于履行全面从严治党责任方面问题的整改情况

（三）关于学员纪律管理宽松的问题。
1.修订学员管理规定。
2.开展学风督查6次。

（四）关于资产管理不规范的问题。
1.完成固定资产清查盘点。
2.修订资产管理办法。

四、下一步工作打算

校委会将持续巩固整改成果。
"""


def test_aspects_numbered_as_sections_keep_section_one() -> None:
    parsed = _parse(TOP_LEVEL)
    ledger = parsed.ledger
    info = ledger.info
    assert info.heading_one == "整改工作总体情况"
    assert info.section_one is not None and info.section_one.startswith("校委会对反馈的2个方面")
    assert info.heading_three == "下一步工作打算"
    assert info.section_two_intro is None
    assert [a.title for a in ledger.aspects] == ["关于落实教学主责主业方面问题的整改情况",
                                                 "关于履行全面从严治党责任方面问题的整改情况"]
    assert _issues(ledger) == [("关于课程审核把关不严的问题", 2), ("关于培训需求调研不足的问题", 1),
                               ("关于学员纪律管理宽松的问题", 2), ("关于资产管理不规范的问题", 2)]
    rendered = render_notice(ledger)
    assert "【请填写" not in rendered.split("二、")[0]  # no placeholder section 一
    assert "一、整改工作总体情况" in rendered and "三、下一步工作打算" in rendered
    back = _assert_stable(parsed)
    assert back.ledger.info.section_one == info.section_one


# ---------------------------------------------------------------------------
# 9. "第一部分" headings
# ---------------------------------------------------------------------------

PARTS = """
第一部分 整改工作的组织领导情况

公司党委召开专题会议研究部署整改，制定整改方案。

第二部分 巡察反馈问题的整改落实情况

一、关于党的领导弱化方面的问题

1.关于党委前置研究事项不清问题。一是修订前置研究事项清单。二是完善议事规则。

二、关于全面从严治党不力方面的问题

2.关于招标采购不规范问题。一是开展招标采购专项审计。二是上线电子采购平台。

第三部分 下一步工作安排

公司党委将持续巩固整改成效。
"""


def test_part_headings_lose_their_numbering() -> None:
    parsed = _parse(PARTS)
    info = parsed.ledger.info
    assert (info.heading_one, info.heading_two, info.heading_three) == (
        "整改工作的组织领导情况", "巡察反馈问题的整改落实情况", "下一步工作安排")
    assert info.section_one == "公司党委召开专题会议研究部署整改，制定整改方案。"
    assert _issues(parsed.ledger) == [("关于党委前置研究事项不清问题", 2), ("关于招标采购不规范问题", 2)]
    rendered = render_notice(parsed.ledger)
    assert "一、整改工作的组织领导情况" in rendered and "部分" not in rendered
    _assert_stable(parsed)


# ---------------------------------------------------------------------------
# 10. Page debris: a 发布者 line under the title
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("debris", [
    "发布者：党政办公室  发布时间：2024-09-13  点击数：356",
    "发布人：综合科　　发布日期：2024年9月13日　　阅读次数：88",
    "作者：办公室  录入：张某  点击：120",
])
def test_publisher_line_is_page_debris(debris: str) -> None:
    title, rest = HEAD.split("\n", 1)
    parsed = parse_notice(f"{title}\n{debris}\n{rest}{SIMPLE_BODY}{TAIL}")
    assert parsed.ledger.info.title == title
    assert parsed.ledger.info.preamble is not None and "发布" not in parsed.ledger.info.preamble


# ---------------------------------------------------------------------------
# 11. Hard line breaks outside section 二
# ---------------------------------------------------------------------------

WRAPPED = """中共青禾县审计局党组关于县委巡察整改进展情况的通报
　　根据县委统一部署，2024年3月4日至4月26日，县委第六巡察组对县审计局党
组开展了常规巡察。2024年5月27日，县委第六巡察组向县审计局党组反馈了巡察
意见。现将巡察整改进展情况予以公布。
　　一、整改工作组织情况
　　局党组把巡察整改作为重要政治任务，对反馈的2个问题，制定整改措施4条，截至
2024年9月10日已全部完成。
　　二、巡察反馈问题整改情况
　　1.审计计划统筹不足。一是修订年度审计计划编制办法，建立项目库。二是对
审计项目实行季度调度。
　　2.审计整改跟踪不力。一是建立审计整改销号台账。二是对整改不到位的3家单位开展
督办。
　　三、下一步工作打算
　　局党组将持续巩固整改成果。
　　欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0736-7790123；邮政信箱：青禾县人民路8号县审计局办公室；邮
编：415100；电子邮箱：qhsjj@163.com。
　　　　　　　　　　　　　　　　中共青禾县审计局党组
　　　　　　　　　　　　　　　　　　2024年9月18日
"""


def test_hard_wrapped_lines_are_joined_everywhere() -> None:
    parsed = parse_notice(WRAPPED)
    info = parsed.ledger.info
    assert info.unit_name == "县审计局党组"
    assert info.preamble is not None and "\n" not in info.preamble
    assert info.section_one == ("局党组把巡察整改作为重要政治任务，对反馈的2个问题，制定整改措施4条，"
                                "截至2024年9月10日已全部完成。")
    assert (info.postcode, info.phone) == ("415100", "0736-7790123")
    assert info.address == "青禾县人民路8号县审计局办公室"
    assert info.party_org == "中共青禾县审计局党组"
    assert _issues(parsed.ledger) == [("审计计划统筹不足", 2), ("审计整改跟踪不力", 2)]
    assert parsed.ledger.issues().__next__().measures[1].text == "对审计项目实行季度调度。"


def test_signature_under_a_closing_without_full_stop_is_not_joined() -> None:
    text = WRAPPED.replace("邮\n编：415100；电子邮箱：qhsjj@163.com。", "邮编：415100；电子邮箱：qhsjj@163.com")
    # the signature and date flush left, as a copy that lost their alignment gives them
    text = "\n".join(line.lstrip("　") if line.startswith("　" * 8) else line for line in text.split("\n"))
    info = parse_notice(text).ledger.info
    assert (info.party_org, info.email) == ("中共青禾县审计局党组", "qhsjj@163.com")
    assert info.report_date is not None and info.report_date.isoformat() == "2024-09-18"


def test_flush_left_paragraphs_are_not_joined() -> None:
    # every paragraph flush left: nothing tells a wrapped line from a new paragraph
    text = "\n".join(line.strip("　") for line in WRAPPED.splitlines() if not line.startswith("　　　"))
    info = parse_notice(text).ledger.info
    assert info.heading_one == "整改工作组织情况"


# ---------------------------------------------------------------------------
# 12. A lead-in sentence between the issue and its 一是 is kept
# ---------------------------------------------------------------------------

def test_lead_in_sentence_before_the_measures_is_kept() -> None:
    body = ("\n　　二、反馈问题整改情况\n　　1.老旧小区改造推进缓慢。局党组召开专题会议逐项研究，明确分管领导牵头推进。"
            "一是对18个小区实行挂图作战。二是争取上级补助资金2100万元。\n")
    parsed = _parse(body)
    issue = next(parsed.ledger.issues())
    assert issue.title == "老旧小区改造推进缓慢"
    assert issue.intro == "局党组召开专题会议逐项研究，明确分管领导牵头推进。"
    assert len(issue.measures) == 2
    rendered = render_notice(parsed.ledger)
    assert "局党组召开专题会议逐项研究，明确分管领导牵头推进。一是" in rendered
    back = _assert_stable(parsed)
    assert next(back.ledger.issues()).intro == issue.intro
