"""Notices round twenty-nine: parse-notice reads the notices other agencies publish — as OFD files
(the national fixed-layout format government sites publish in), dated as of the day their progress
is stated on, and worded as 省直厅局, 县区委, 派出机构, 金融企业, 医院 and 街道 word them.

Every notice here is written for this file about fictional units; the OFD files are built here,
laid out as a word processor sets a notice on A4 pages.
"""
from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from unicodedata import east_asian_width

import pytest

from rectxl import api
from rectxl.core.errors import RectxlError
from rectxl.core.rules import Options

# ---------------------------------------------------------------------------
# an OFD notice, as a word processor exports it
# ---------------------------------------------------------------------------

_NS = "http://www.ofdspec.org/2016"
_SIZE = 5.6  # 三号 (16 pt) in millimetres
_LEFT, _RIGHT, _TOP, _BOTTOM = 28.0, 184.0, 37.0, 262.0
_LEADING = 10.0


def _width(ch: str) -> float:
    return _SIZE if east_asian_width(ch) in "WFA" else _SIZE / 2


def _runs(line: str) -> list[str]:
    """The line cut where the font changes (figures and Latin letters are set in a Latin font, each
    run its own text object, as WPS and Word export them)."""
    out: list[str] = []
    for ch in line:
        latin = ch.isascii()
        if out and out[-1][-1].isascii() == latin:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _wrap(text: str, indent: float) -> list[tuple[str, float]]:
    """The paragraph's lines as set between the margins: (text, where it starts)."""
    lines: list[tuple[str, float]] = []
    line, x0, used = "", _LEFT + indent, indent
    for ch in text:
        if used + _width(ch) > _RIGHT - _LEFT + 0.01:
            lines.append((line, x0))
            line, x0, used = "", _LEFT, 0.0
        line += ch
        used += _width(ch)
    if line:
        lines.append((line, x0))
    return lines


class _Ofd:
    """Pages of text objects, written as an OFD package."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.y = _TOP
        self.ids = 10

    def _object(self, x: float, y: float, text: str, size: float = _SIZE) -> str:
        self.ids += 1
        advances = [_width(ch) * size / _SIZE for ch in text]
        delta = " ".join(f"{a:g}" for a in advances[:-1])
        if len(set(advances[:-1])) == 1 and len(advances) > 2:  # as writers abbreviate a run of equal advances
            delta = f"g {len(advances) - 1} {advances[0]:g}"
        width = sum(advances)
        return (f'<ofd:TextObject ID="{self.ids}" Boundary="{x:.3f} {y - size:.3f} {width + 1:.3f} {size * 1.4:.3f}" '
                f'Font="3" Size="{size:g}"><ofd:FillColor Value="0 0 0"/>'
                f'<ofd:TextCode X="0" Y="{size:.3f}"' + (f' DeltaX="{delta}"' if delta else "")
                + f">{_escape(text)}</ofd:TextCode></ofd:TextObject>")

    def line(self, text: str, x: float, size: float = _SIZE) -> None:
        if self.y + size > _BOTTOM:
            self.pages.append([])
            self.y = _TOP
        self.y += size
        at = x
        for run in _runs(text):
            self.pages[-1].append(self._object(at, self.y, run, size))
            at += sum(_width(ch) for ch in run) * size / _SIZE
        self.y += _LEADING - size

    def paragraph(self, text: str, *, centred: bool = False, right: bool = False, size: float = _SIZE) -> None:
        if centred:  # a long title in two lines, each centred
            per_line = int((_RIGHT - _LEFT) / size)
            cut = (len(text) + 1) // 2 if len(text) > per_line else len(text)
            for part in (text[:cut], text[cut:]):
                if part:
                    width = sum(_width(ch) for ch in part) * size / _SIZE
                    self.line(part, (_LEFT + _RIGHT - width) / 2, size)
            return
        if right:
            width = sum(_width(ch) for ch in text) * size / _SIZE
            self.line(text, _RIGHT - width - 2 * _SIZE, size)
            return
        for line, x in _wrap(text, 2 * _SIZE):
            self.line(line, x)

    def save(self, path: Path, *, page_numbers: bool = True) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_NS}" Version="1.1" '
                        'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a1b2c3</ofd:DocID>'
                        '<ofd:Creator>WPS Office</ofd:Creator></ofd:DocInfo>'
                        '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
            pages = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
                            for k in range(len(self.pages)))
            zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_NS}">'
                        '<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea>'
                        '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                        f'<ofd:Pages>{pages}</ofd:Pages></ofd:Document>')
            zf.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{_NS}" '
                        'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/>'
                        '</ofd:Fonts></ofd:Res>')
            for k, objects in enumerate(self.pages):
                if page_numbers:  # "— 2 —" at the foot of the page
                    number = f"— {k + 1} —"
                    objects = [*objects, self._object(98.0, 280.0, number, 4.9)]
                zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_NS}"><ofd:Content>'
                            f'<ofd:Layer ID="{k + 2}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        return path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notice_ofd(text: str, path: Path, *, break_before: str | None = None) -> Path:
    """The notice ``text`` (a paragraph a line: the title first, the signature and date last, right
    set) exported as an OFD; ``break_before``: the page ends just before the line holding it (a
    paragraph cut by the page's foot)."""
    doc = _Ofd()
    paragraphs = text.strip().split("\n")
    for k, paragraph in enumerate(paragraphs):
        if k == 0:
            doc.paragraph(paragraph, centred=True, size=7.7)  # 二号小标宋
            doc.y += _LEADING
        elif k >= len(paragraphs) - 2:
            doc.paragraph(paragraph, right=True)
        elif break_before is not None and break_before in paragraph:
            lines = _wrap(paragraph, 2 * _SIZE)
            for line, x in lines:
                if break_before in line:
                    doc.y = _BOTTOM  # the page is full: the rest of the paragraph goes on the next
                doc.line(line, x)
        else:
            doc.paragraph(paragraph)
    return doc.save(path)


# A district civil affairs bureau, its notice signed three weeks after the day it states progress on
CIVIL = """中共江北区民政局党组关于区委第三巡察组反馈意见整改进展情况的通报
根据区委巡察工作统一部署，2026年3月12日至5月20日，区委第三巡察组对区民政局党组开展了常规巡察，6月18日向局党组反馈了巡察意见。按照巡察整改工作有关要求，现将整改进展情况予以公布。
一、整改工作组织领导情况
局党组把巡察整改作为检验“四个意识”的试金石，成立由党组书记任组长的整改工作领导小组，召开专题民主生活会3次，逐条认领反馈问题，明确责任领导、责任科室和完成时限，实行清单式管理、销号式推进。
二、巡察反馈问题整改落实情况
{as_of}，巡察反馈的3个问题已完成整改2个，正在推进1个；制定的6项整改措施已完成5项。
（一）落实民生保障政策有偏差方面
1.居家养老服务补贴审核把关不严的问题。一是对2025年以来发放的居家养老服务补贴逐户复核，追回违规领取资金1.2万元（已完成）。二是修订《居家养老服务补贴发放管理办法》，建立按季度随机抽查核验机制，抽查比例不低于发放户数的百分之十（已完成）。
2.社会救助“一门受理”落实不到位的问题。一是在全区11个街道便民服务中心设立社会救助综合窗口（已完成）。二是对街道经办人员开展业务轮训2期，培训120人次（已完成）。
（二）党风廉政建设和作风建设方面
3.殡葬领域专项整治推进缓慢的问题。一是对辖区3家经营性公墓开展违规销售超面积墓位专项清查（已完成）。二是督促公墓经营单位整改超标墓位，计划于2026年11月15日前全部整改到位，目前已整改14座，剩余6座正在协商（正在推进）。
三、下一步工作打算
局党组将坚持目标不变、标准不降、力度不减，对尚未完成的整改事项盯紧抓牢，建立健全长效机制，推动民政事业高质量发展。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：023-67851234；邮寄地址：重庆市江北区建新东路18号区民政局办公室；邮政编码：400020；电子邮箱：jbmzj@163.com。
中共江北区民政局党组
2026年11月20日
"""


def _measures(parsed: api.ParsedNotice) -> list[tuple[str, str, str]]:
    return [(m.text, m.status.value if m.status else "", m.progress) for i in parsed.ledger.issues()
            for m in i.measures]


def test_an_ofd_notice_reads_as_its_text_does(tmp_path: Path) -> None:
    text = CIVIL.format(as_of="截至2026年10月31日")
    (tmp_path / "通报.txt").write_text(text, encoding="utf-8")
    # the second problem's paragraph runs over the page's foot
    ofd = notice_ofd(text, tmp_path / "通报.ofd", break_before="培训120人次")
    from_text = api.parse_notice_file(tmp_path / "通报.txt")
    parsed = api.parse_notice_file(ofd)
    assert [i.title for i in parsed.ledger.issues()] == [i.title for i in from_text.ledger.issues()]
    assert len(_measures(parsed)) == 6
    assert _measures(parsed) == _measures(from_text)
    assert "对街道经办人员开展业务轮训2期，培训120人次" in _measures(parsed)[3][0] + _measures(parsed)[3][2]
    info = parsed.ledger.info
    assert info.title == "中共江北区民政局党组关于区委第三巡察组反馈意见整改进展情况的通报"
    assert info.party_org == "中共江北区民政局党组"
    assert info.phone == "023-67851234" and info.email == "jbmzj@163.com"
    assert info.address == "重庆市江北区建新东路18号区民政局办公室" and info.postcode == "400020"
    assert all(c.ok for c in parsed.total_checks)
    assert "— 2 —" not in (info.section_three or "") and parsed.unplaced == []


def test_an_ofd_file_named_otherwise_is_read_by_its_content(tmp_path: Path) -> None:
    text = CIVIL.format(as_of="截至2026年10月31日")
    ofd = notice_ofd(text, tmp_path / "通报（公开版）.zip")
    parsed = api.parse_notice_file(ofd)
    assert sum(1 for _ in parsed.ledger.issues()) == 3


def test_an_ofd_without_text_is_named_a_scan(tmp_path: Path) -> None:
    doc = _Ofd()
    path = doc.save(tmp_path / "扫描件.ofd", page_numbers=False)
    with pytest.raises(RectxlError, match="OFD 文件，但其中没有可以提取的文字"):
        api.parse_notice_file(path)
    with zipfile.ZipFile(tmp_path / "损坏.ofd", "w") as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{_NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                    '</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    with pytest.raises(RectxlError, match="已损坏或不完整的 OFD 文件"):
        api.parse_notice_file(tmp_path / "损坏.ofd")


def test_an_ofd_notices_ruled_table_reads_a_row_a_problem(tmp_path: Path) -> None:
    doc = _Ofd()
    doc.paragraph("中共东坡县审计局党组关于巡察整改进展情况的通报", centred=True, size=7.7)
    doc.paragraph("根据县委统一部署，县委第二巡察组于2026年5月对县审计局党组开展了巡察。现将整改进展情况公布如下。")
    doc.paragraph("一、反馈问题整改情况")
    cols = [_LEFT, _LEFT + 14, _LEFT + 60, _LEFT + 130, _RIGHT]
    rows = [["序号", "反馈问题", "整改措施", "整改状态"], ["1", "审计整改跟踪不到位", "建立审计整改台账", "已完成"],
            ["2", "内部审计质量不高", "开展业务培训2期", "已完成"],
            ["3", "档案管理不规范", "整理归档2024年档案", "正在推进"]]
    top, height = doc.y + 2, 10.0

    def rule(x0: float, y0: float, x1: float, y1: float) -> str:  # a table's border, as a path object draws it
        doc.ids += 1
        return (f'<ofd:PathObject ID="{doc.ids}" Boundary="{x0:.2f} {y0:.2f} {x1 - x0 + 0.5:.2f} {y1 - y0 + 0.5:.2f}" '
                f'LineWidth="0.35"><ofd:AbbreviatedData>M 0 0 L {x1 - x0:.2f} {y1 - y0:.2f}</ofd:AbbreviatedData>'
                "</ofd:PathObject>")

    for r, row in enumerate(rows):
        doc.pages[-1] += [doc._object(cols[c] + 1, top + r * height + 7, cell) for c, cell in enumerate(row)]
    doc.pages[-1] += [rule(cols[0], top + r * height, cols[-1], top + r * height) for r in range(len(rows) + 1)]
    doc.pages[-1] += [rule(x, top, x, top + len(rows) * height) for x in cols]
    doc.y = top + len(rows) * height + 5
    for line in ("二、下一步工作打算", "局党组将持续抓好整改。"):
        doc.paragraph(line)
    for line in ("中共东坡县审计局党组", "2026年11月16日"):
        doc.paragraph(line, right=True)
    parsed = api.parse_notice_file(doc.save(tmp_path / "审计局通报.ofd"))
    assert [(i.title, [(m.text, m.status.value if m.status else "") for m in i.measures])
            for i in parsed.ledger.issues()] == [
        ("审计整改跟踪不到位", [("建立审计整改台账", "已完成")]),
        ("内部审计质量不高", [("开展业务培训2期", "已完成")]),
        ("档案管理不规范", [("整理归档2024年档案", "正在推进")])]


# ---------------------------------------------------------------------------
# 2. a notice stating its progress as of a day before it is signed is judged on that day
# ---------------------------------------------------------------------------

def _overdue_rows(tmp_path: Path, text: str) -> tuple[date | None, list[str]]:
    (tmp_path / "通报.txt").write_text(text, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx", force=True)
    report = api.check(tmp_path / "台账.xlsx", Options(), today=date(2026, 12, 3))
    return parsed.ledger.info.report_date, [f.cell for f in report.findings if f.code == "overdue"]


@pytest.mark.parametrize("as_of", ["截至2026年10月31日", "截止10月底", "截至10月31日", "截至二〇二六年十月底"])
def test_a_notice_signed_after_the_day_it_states_progress_on_makes_nothing_overdue(
        tmp_path: Path, as_of: str) -> None:
    # the last measure is due 2026年11月15日 and going on: on October's end it is not late yet …
    reported, overdue = _overdue_rows(tmp_path, CIVIL.format(as_of=as_of))
    assert reported == date(2026, 10, 31)
    assert overdue == []
    # … and the notice written again from the ledger is still signed on its own day
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=date(2026, 12, 3))
    again = written.read_text(encoding="utf-8")
    assert again.rstrip().endswith("2026年11月20日")
    assert f"{as_of}，巡察反馈的3个问题已完成整改2个" in again
    # "截至目前" names no day: the signing day is it, and by then the measure is late
    reported, overdue = _overdue_rows(tmp_path, CIVIL.format(as_of="截至目前"))
    assert reported == date(2026, 11, 20)
    assert overdue == ["I8"]


# ---------------------------------------------------------------------------
# 3. notices as other agencies word them
# ---------------------------------------------------------------------------

# A county court: the problems counted after their aspects ("3方面问题共计6个")
COURT = """中共桐溪县人民法院党组关于县委巡察整改情况的通报
根据县委统一部署，2026年4月2日至5月31日，县委第四巡察组对县法院党组开展了巡察，6月26日反馈了巡察意见。现将整改情况予以公布。
一、整改工作总体情况
巡察反馈{counted}，院党组逐一制定整改措施19条，截至2026年11月25日，已完成整改3个，完成率75%；需长期坚持的1个。
二、反馈问题整改情况
（一）关于审判执行工作方面
问题1.长期未结案件清理力度不够。已开展长期未结案件专项清理行动，清结长期未结案件87件。（已整改完成）
问题2.执行案件财产查控不及时。已建立执行案件“一案一账号”管理系统，实现财产查控网络化。（已整改完成）
（二）关于党风廉政建设方面
问题3.公务用车管理不规范。已完成公务用车定位系统安装，实行“一车一档”。（已整改完成）
问题4.司法辅助人员流失较多。已向县委编办争取聘用制书记员名额10个，建立书记员薪酬动态调整机制，此项工作需长期坚持。（长期坚持）
三、下一步工作
院党组将持续巩固巡察整改成果。
中共桐溪县人民法院党组
2026年12月2日
"""


@pytest.mark.parametrize("counted", ["2方面问题共计4个", "两大类问题共4个", "问题2大类4个", "问题2类4个"])
def test_problems_counted_after_their_aspects_are_checked(tmp_path: Path, counted: str) -> None:
    (tmp_path / "通报.txt").write_text(COURT.format(counted=counted), encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    checks = {c.item: (c.ok, c.message) for c in parsed.total_checks}
    assert checks["issues"] == (True, "通报称4个问题，与正文编号列出的4个问题一致。")
    assert checks["aspects"][0] is True
    assert checks["rate"] == (True, "通报称完成率75%，按已完成3÷4计算为75%，一致。")
    # written again from the ledger, the sentence counts the aspects and the problems as it did
    (tmp_path / "台账.xlsx").unlink(missing_ok=True)
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=date(2026, 12, 3))
    again = api.parse_notice_file(written)
    assert {c.item: c.ok for c in again.total_checks}["aspects"] is True
    assert {c.item: c.ok for c in again.total_checks}["issues"] is True


# A provincial water investment group: "①…；②…" measures, then one account closed by a bracketed status
WATER = """中共某省水利投资集团有限公司委员会关于巡视整改进展情况的通报
根据省委统一部署，省委第八巡视组于2026年3月25日至5月30日对集团党委进行了巡视，7月8日反馈了巡视意见。现将整改进展情况予以通报。
一、巡视反馈问题整改情况
（1）部分子公司偏离主业开展房地产开发。
整改措施：①全面梳理子公司非主业投资项目，制定清理退出方案；②修订集团投资管理办法，严格主业投资负面清单管理。
整改进展：已清理退出非主业项目7个，投资管理办法已修订印发。（已整改完成）
（2）水库移民后期扶持资金监管不严。
整改措施：①对2023年以来扶持资金拨付情况开展专项审计；②建立扶持资金拨付台账。
整改进展：审计发现问题11个，已全部整改，拨付台账已建立。（已整改到位）
（3）债务风险管控压力大。
整改措施：①制定集团降杠杆减负债工作方案；②推进存量债务置换。
整改进展：资产负债率较年初下降2.1个百分点，置换工作正在推进。（持续整改）
二、下一步工作
集团党委将持续深化整改，确保巡视整改取得实效。
中共某省水利投资集团有限公司委员会
2026年11月12日
"""


def test_a_bracketed_done_closing_an_issues_account_is_every_measures_stated_status(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(WATER, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    issues = list(parsed.ledger.issues())
    for issue in issues[:2]:
        assert [(m.status.value if m.status else None, m.status_inferred) for m in issue.measures] == [
            ("已完成", False), ("已完成", False)]
    # an issue still going on may have done measures: its bracket stays the last measure's
    assert [m.status_inferred for m in issues[2].measures] == [True, False]
    report = api.check(tmp_path / "台账.xlsx", Options(), today=date(2026, 12, 3))
    assert [f.cell for f in report.findings if f.code == "missing-status"] == ["J7"]


# A county archives: the account restates the measure it says was done ("已制定学习计划")
ARCHIVES = """中共某县档案馆支部委员会关于巡察整改情况的通报
根据县委统一部署，县委第二巡察组于2026年5月对县档案馆党支部开展了巡察，6月反馈了巡察意见。现将整改情况公布如下。
一、反馈问题整改情况
（一）关于理论学习流于形式的问题
整改措施：一是制定学习计划；二是开展专题学习。
整改进展：已制定学习计划，开展专题学习3次。
（二）关于档案库房安全隐患的问题
整改措施：一是更换库房消防设施；二是开展库房安全检查。
整改进展：已更换库房消防设施，开展库房安全检查2次。
二、下一步工作
支部将持续巩固整改成果。
中共某县档案馆支部委员会
2026年11月20日
"""


def test_a_measure_said_done_in_its_own_words_is_published_done(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(ARCHIVES, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    _, written = api.notice(tmp_path / "台账.xlsx", tmp_path / "通报2.txt", today=date(2026, 12, 3))
    again = written.read_text(encoding="utf-8")
    assert "一是已制定学习计划；二是开展专题学习3次" in again
    assert "一是已更换库房消防设施；二是开展库房安全检查2次" in again
    assert "一是制定学习计划；" not in again  # (published as a plan, it reads as work not begun)


# A county gas company: its aspects headed as problems ("（一）关于…的问题"), the problems numbered under them
GAS = """中共某县燃气有限公司支部委员会关于巡察整改进展情况的通报
按照县委巡察工作安排，2026年4月，县委第三巡察组对县燃气公司党支部开展了巡察，5月26日反馈了巡察意见。现将整改进展情况通报如下：
一、巡察反馈问题整改情况
截至2026年11月14日，巡察反馈的两个方面4个问题已完成整改3个、正在整改1个；4项整改措施已完成3项、正在推进1项。
（一）关于安全供气保障的问题
1.老旧管网改造工程推进迟缓。成立管网改造专班，倒排工期、挂图作战。已完成改造管网11.6公里。已完成。
2.入户安检“最后一公里”仍有盲区。对全县居民用户开展入户安检，建立安检档案2.3万户，已完成。
（二）关于企业内部管理的问题
3.工程分包管理存在廉洁风险。修订工程分包管理细则，对分包队伍开展资质复核。清退不合格分包队伍2支。已完成。
4.应急抢险责任落实层层递减。组建专职抢险队伍，正在招聘抢险人员，计划于2026年12月底前完成。
二、下一步工作计划
公司党支部将以巡察整改为契机，推动安全供气水平持续提升。
中共某县燃气有限公司支部委员会
2026年11月14日
"""


def test_aspects_headed_as_problems_over_numbered_problems_are_read_by_the_count_stated(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(GAS, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    assert [a.title for a in parsed.ledger.aspects] == ["关于安全供气保障的问题", "关于企业内部管理的问题"]
    assert [i.title for i in parsed.ledger.issues()] == [
        "老旧管网改造工程推进迟缓", "入户安检“最后一公里”仍有盲区", "工程分包管理存在廉洁风险",
        "应急抢险责任落实层层递减"]
    checks = {c.item: c.ok for c in parsed.total_checks}
    assert checks["aspects"] is True and checks["issues"] is True


# A township: "具体整改情况见附件", the appendix a table with no measure column, only 整改情况 beside 整改状态
TOWNSHIP = """中共白沙镇委员会关于县委巡察整改进展情况的通报
按照县委统一部署，2026年5月6日至6月5日，县委第一巡察组对白沙镇党委开展了巡察，7月10日反馈了巡察意见。镇党委对反馈问题全面认领，现将整改进展情况公布如下：
一、整改工作总体情况
县委巡察组共反馈问题2类5个。截至2026年11月20日，已完成整改4个，整改完成率80%，剩余1个正在推进。具体整改情况见附件。
二、下一步工作打算
镇党委将对标对表，确保剩余问题按期整改到位。
欢迎广大干部群众对整改情况进行监督。联系电话：0743-3521234。
中共白沙镇委员会
2026年11月25日
附件
白沙镇县委巡察反馈问题整改进展情况表
序号\t问题类别\t反馈问题\t整改情况\t整改状态
1\t党的建设\t村级党组织“三会一课”记录不规范\t开展规范化建设督导，统一记录本\t已完成
2\t党的建设\t软弱涣散村党组织整顿不彻底\t选派第一书记2名，整顿工作正在推进\t正在推进
3\t作风建设\t村级财务管理混乱\t实行村账镇代管\t已完成
4\t作风建设\t违规发放误工补贴\t清退违规补贴1.2万元\t已完成
5\t作风建设\t便民服务窗口推诿扯皮\t推行“一站式”便民服务\t已完成
"""


def test_an_appendix_table_telling_each_problems_account_beside_its_status_lists_the_problems(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(TOWNSHIP, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    assert [a.title for a in parsed.ledger.aspects] == ["党的建设", "作风建设"]
    assert [(i.title, [(m.text, m.status.value if m.status else None) for m in i.measures])
            for i in parsed.ledger.issues()][:2] == [
        ("村级党组织“三会一课”记录不规范", [("开展规范化建设督导，统一记录本", "已完成")]),
        ("软弱涣散村党组织整顿不彻底", [("选派第一书记2名，整顿工作正在推进", "正在推进")])]
    checks = {c.item: c.ok for c in parsed.total_checks}
    assert checks["issues"] is True and checks["done"] is True and checks["rate"] is True


# A sub-district: a measure naming "红色物业"
SUBDISTRICT = """中共西关街道工作委员会关于区委巡察反馈意见整改落实情况的通报
根据区委统一部署，区委第五巡察组于2026年4月12日至5月28日对西关街道党工委进行了巡察，6月30日反馈了巡察意见。现将整改落实情况公布如下。
一、整改工作组织领导情况
街道党工委召开专题会议8次，制定整改方案，明确整改措施23条，实行挂图作战、对账销号。
二、反馈问题整改落实情况
截止10月底，反馈的3个问题已整改完成2个，1个问题正在整改。
（一）基层治理能力不强的问题。一是整合社区网格，设置网格86个，配齐网格员；二是建立“街道吹哨、部门报到”机制，办结群众诉求312件。该问题已整改完成。
（二）生态环境保护短板突出的问题。一是推动辖区企业绿色发展，完成锅炉改造9台；二是开展河道“清四乱”，清理垃圾320吨。该问题已整改完成。
（三）老旧小区物业管理缺位的问题。一是引入物业服务企业2家，覆盖小区11个；二是对剩余7个无物业小区推行“红色物业”，正在逐步推开。该问题正在整改中。
三、下一步工作打算
街道党工委将坚持问题导向，推动整改成果转化为治理效能。
欢迎广大群众对整改情况进行监督。联系方式：电话0931-8451234；信箱：西关街道办事处意见箱。
中共西关街道工作委员会
2026年11月24日
"""


def test_a_measure_naming_red_property_services_is_no_colour_legend(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(SUBDISTRICT, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    report = api.check(tmp_path / "台账.xlsx", Options(), today=date(2026, 12, 3))
    assert [f.code for f in report.findings if f.code.startswith(("conditional-colours", "status-from-colour"))] == []


# A vocational college: its problems counted by 项 ("问题清单3项"), its measures by 条
COLLEGE = """中共某职业技术学院委员会关于巡察整改进展情况的通报
按照省委教育工委巡察工作安排，2026年3月至5月，省委教育工委第一巡察组对学院党委开展了巡察，6月反馈了巡察意见。学院党委共梳理形成问题清单3项，制定整改措施9条。截至2026年11月15日，已完成整改2项，正在整改1项。现将整改进展情况公布如下：
一、关于落实立德树人根本任务方面
（一）“三全育人”格局尚未形成。一是已制定“三全育人”综合改革实施方案（已完成）；二是已建立辅导员、班主任、专业教师协同育人机制（已完成）。
（二）产教融合深度不够。已与32家企业签订校企合作协议，共建产业学院3个。（已完成）
二、关于全面从严治党方面
（三）基建项目管理不规范。已完成对2021年以来基建项目的全面审计，新校区二期工程结算审计正在进行。（正在推进）
三、下一步工作
学院党委将持续推进巡察整改，不断提高办学治校水平。
中共某职业技术学院委员会
2026年11月20日
"""


def test_counts_by_the_word_the_problems_were_counted_by_count_problems(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(COLLEGE, encoding="utf-8")
    checks = {c.item: (c.ok, c.message) for c in api.parse_notice_file(tmp_path / "通报.txt").total_checks}
    assert checks["done"] == (True, "通报称已完成2个问题，与正文逐项写明的状态一致：已完成2个。")
    assert checks["going"][0] is True and "问题1个" in checks["going"][1]


def test_a_notice_listing_its_main_problems_only_makes_no_ledger_totals_mismatch(tmp_path: Path) -> None:
    text = (COLLEGE.replace("问题清单3项，制定整改措施9条", "问题清单15项，制定整改措施52条")
            .replace("已完成整改2项，正在整改1项。现将整改进展情况公布如下",
                     "已完成整改13项，正在整改2项。现将主要问题整改进展情况公布如下"))
    (tmp_path / "通报.txt").write_text(text, encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账.xlsx")
    report = api.check(tmp_path / "台账.xlsx", Options(), today=date(2026, 12, 3))
    assert [f.value for f in report.findings if f.code == "info-totals-mismatch"] == []
    # a ledger whose paragraph says nothing of listing only some is still told its counts disagree
    (tmp_path / "通报.txt").write_text(text.replace("主要问题整改进展情况", "整改进展情况"), encoding="utf-8")
    api.parse_notice_file(tmp_path / "通报.txt", tmp_path / "台账2.xlsx")
    report = api.check(tmp_path / "台账2.xlsx", Options(), today=date(2026, 12, 3))
    assert "问题清单15项" in [f.value for f in report.findings if f.code == "info-totals-mismatch"]


def test_a_day_something_else_was_done_by_does_not_date_the_progress(tmp_path: Path) -> None:
    # section 一 tells of money spent by September's end; the counts are "截至目前": the signing day
    text = CIVIL.format(as_of="截至目前").replace(
        "实行清单式管理、销号式推进。",
        "实行清单式管理、销号式推进。截至2026年9月底，累计投入资金3000万元，完成改造12个。")
    reported, overdue = _overdue_rows(tmp_path, text)
    assert reported == date(2026, 11, 20)
    assert overdue == ["I8"]


def test_an_ofd_run_with_unreadable_advances_keeps_its_text(tmp_path: Path) -> None:
    text = CIVIL.format(as_of="截至2026年10月31日")
    ofd = notice_ofd(text, tmp_path / "通报.ofd")
    damaged = tmp_path / "通报（转换）.ofd"
    with zipfile.ZipFile(ofd) as src, zipfile.ZipFile(damaged, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith("Page_0/Content.xml"):  # a converter's advances with a stray word in them
                data = data.replace(b'DeltaX="g ', b'DeltaX="g auto ', 1)
            out.writestr(name, data)
    parsed = api.parse_notice_file(damaged)
    assert parsed.ledger.info.title == "中共江北区民政局党组关于区委第三巡察组反馈意见整改进展情况的通报"
    assert sum(1 for _ in parsed.ledger.issues()) == 3


# A county water bureau: dated in brackets under its title, signed with no date; problems under 【问题一】
WATER_BUREAU = """中共某县水利局党组关于县委第三轮巡察整改情况的通报
（2026年11月28日）
根据县委统一部署，2026年4月至5月，县委第三巡察组对县水利局党组开展了巡察，并于6月18日反馈了巡察意见。现将整改情况公布如下。
一、巡察反馈问题整改落实情况
【问题一】农村饮水安全工程管护不到位。
整改措施：建立“县级统管、乡镇主管、村级日常管护”三级管护体系，落实管护经费86万元。
整改时限：2026年9月底前
整改结果：已完成，已销号。
【问题二】水利工程建设项目质量监管薄弱。
整改措施：聘请第三方检测机构对在建项目开展质量抽检，抽检项目12个。
整改时限：2026年12月底前
整改结果：正在推进，已完成抽检9个。
二、下一步工作
局党组将持续巩固整改成果，推动水利事业高质量发展。
中共某县水利局党组
"""


def test_a_notice_dated_under_its_title_is_reported_on_that_day(tmp_path: Path) -> None:
    (tmp_path / "通报.txt").write_text(WATER_BUREAU, encoding="utf-8")
    parsed = api.parse_notice_file(tmp_path / "通报.txt")
    info = parsed.ledger.info
    assert info.title == "中共某县水利局党组关于县委第三轮巡察整改情况的通报"
    assert info.report_date == date(2026, 11, 28)
    assert [i.title for i in parsed.ledger.issues()] == ["农村饮水安全工程管护不到位", "水利工程建设项目质量监管薄弱"]
