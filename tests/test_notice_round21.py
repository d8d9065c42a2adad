"""Notices round twenty-one: notices as other agencies write them survive parse-notice → ledger → notice.

- a done word after the account of the work ("已整改9个（已办结）") is the office's: it is kept in the
  ledger's progress and written back;
- a 问责 paragraph between one aspect's problems and the next aspect's heading is written back in its
  place, not at the end of section 二.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.text.paragraph import Paragraph

from rectxl import api

R = "\u3000"


def _section_two(text: str) -> list[str]:
    body = text[text.index("二、"):text.index("三、")] if "三、" in text else text
    return [line.strip(R + " ") for line in body.splitlines()[1:] if line.strip(R + " ")]


def _round_trip(tmp_path: Path, source: Path, suffix: str = ".txt") -> tuple[Path, Path]:
    ledger = tmp_path / f"{source.stem}_台账.xlsx"
    api.parse_notice_file(source, ledger)
    out = tmp_path / f"{source.stem}_通报{suffix}"
    api.notice(ledger, out)
    return ledger, out


FARMS = """中共青石县农业农村局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第二巡察组对县农业农村局党组开展了常规巡察。2025年5月22日，县委第二巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案。
二、反馈问题整改落实情况
（一）关于贯彻落实乡村振兴战略方面
1.高标准农田建设质量不高的问题。整改措施：对2022年以来建设项目开展质量复核。整改进展：复核发现问题9个，已整改9个（已办结）。
2.农机购置补贴审核不严的问题。整改措施：逐户核查补贴发放情况。整改进展：已追回违规补贴3.2万元（已销号）。
针对上述问题，对相关责任人员给予诫勉谈话2人、批评教育3人。
（二）关于全面从严治党方面
3.公务接待管理不规范的问题。整改措施：修订公务接待管理办法。整改进展：已印发实施（已完成）。
三、下一步工作打算
局党组将巩固整改成果。
中共青石县农业农村局党组
2025年12月1日
"""


def test_a_done_word_after_the_account_is_kept_and_written_back(tmp_path: Path) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS, encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    told = _section_two(out.read_text(encoding="utf-8"))
    assert told[2] == ("1.高标准农田建设质量不高的问题。对2022年以来建设项目开展质量复核，"
                       "复核发现问题9个，已整改9个，已办结。")
    assert told[3] == "2.农机购置补贴审核不严的问题。逐户核查补贴发放情况，已追回违规补贴3.2万元，已销号。"
    # a plain 已完成 says nothing the account does not: not added
    assert "3.公务接待管理不规范的问题。修订公务接待管理办法，已印发实施。" in told
    # the ledger a user opens: the progress column says it, the status column too
    rows = [list(r) for r in openpyxl.load_workbook(ledger)["台账"].iter_rows(values_only=True)]
    at = next(n for n, r in enumerate(rows) if "整改进展" in r)
    header, first = rows[at], rows[at + 1]
    assert first[header.index("整改进展")] == "复核发现问题9个，已整改9个，已办结。"
    assert first[header.index("整改状态")] == "已办结"


def test_an_accountability_paragraph_between_aspects_keeps_its_place(tmp_path: Path) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS, encoding="utf-8")
    _, out = _round_trip(tmp_path, source)
    told = _section_two(out.read_text(encoding="utf-8"))
    said = "针对上述问题，对相关责任人员给予诫勉谈话2人、批评教育3人。"
    assert told.count(said) == 1
    assert told[told.index(said) - 1].startswith("2.农机购置补贴")
    assert told[told.index(said) + 1] == "（二）关于全面从严治党方面"
    # read back again from what was written, it stays there
    _, out2 = _round_trip(tmp_path, out)
    assert _section_two(out2.read_text(encoding="utf-8")) == told


def test_the_paragraph_keeps_its_place_in_a_word_notice_and_with_problems_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    text = FARMS.replace("整改进展：复核发现问题9个，已整改9个（已办结）", "整改进展：拟于2026年3月开展复核（未启动）")
    for line in text.splitlines():
        document.add_paragraph(line)
    source = tmp_path / "农业农村局.docx"
    document.save(str(source))
    ledger, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip(R + " ") for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    said = "针对上述问题，对相关责任人员给予诫勉谈话2人、批评教育3人。"
    assert paragraphs[paragraphs.index(said) + 1] == "（二）关于全面从严治党方面"
    # the command line, leaving the measure not started out: the paragraph is still where it was
    short = tmp_path / "不含未启动.txt"
    run = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(ledger), "-o", str(short),
                          "--omit-not-started"], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    told = _section_two(short.read_text(encoding="utf-8"))
    assert not any("高标准农田" in t for t in told)
    assert told[told.index(said) - 1].startswith("1.农机购置补贴")
    assert told[told.index(said) + 1] == "（二）关于全面从严治党方面"


WATER = """中共石门县水利局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年4月7日至5月30日，县委第四巡察组对县水利局党组开展了常规巡察。2025年7月10日，县委第四巡察组向局党组反馈了巡察意见。现将整改进展情况予以公布。
一、提高政治站位，压实整改责任
局党组成立由党组书记任组长的整改工作领导小组，建立问题、任务、责任三张清单。县委巡察组共反馈问题{stated}个，局党组细化整改措施68条。截至2025年11月30日，已完成整改22个，完成率88%。
二、{heading}
（一）关于河长制落实不到位的问题。整改进展：召开河长制工作会议2次，开展巡河1260人次。
（二）关于农村饮水安全工程管护不力的问题。整改进展：对全县86处集中供水工程逐一排查。
（三）关于水利工程项目招投标不规范的问题。整改进展：对2022年以来32个项目开展专项检查。
（四）关于水资源费征收不到位的问题。整改进展：追缴水资源费46.8万元。
（五）关于防汛物资管理混乱的问题。整改进展：建立防汛物资管理台账，开展物资盘点。
（{sixth}）关于基层党组织建设薄弱的问题。整改进展：完成2个支部换届，发展党员3名。
（七）关于干部队伍结构不合理的问题。整改进展：引进水利专业技术人才5名。
（八）关于公务用车管理不规范的问题。整改进展：修订公务用车管理办法，建立派车台账。
三、巩固整改成果，推进长效常治
局党组将坚持目标不变、力度不减，持续抓好整改。
中共石门县水利局党组
2025年12月5日
"""


def _parse_notice_cli(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "水利局.txt"
    source.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "rectxl", "parse-notice", str(source)],
                          capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("heading", ["聚焦问题清单，逐项整改落实", "重点问题整改落实情况"], ids=["unsaid", "heading"])
def test_a_notice_listing_some_of_its_problems_is_no_mismatch(tmp_path: Path, heading: str) -> None:
    run = _parse_notice_cli(tmp_path, WATER.format(stated=25, heading=heading, sixth="六"))
    assert run.returncode == 0, run.stdout + run.stderr
    said = [line.strip() for line in run.stdout.splitlines()]
    problems = next(line for line in said if line.startswith("通报所述问题"))
    assert problems.startswith("通报所述问题：无法核对。通报称25个问题；")
    assert "编号列出的8个不是全部" in problems
    assert not any("不一致" in line for line in said)
    if heading.startswith("重点"):
        assert "“重点问题整改落实情况”" in problems


@pytest.mark.parametrize(("stated", "sixth"), [
    (12, "六"),  # eight listed of twelve: more than half, a notice that does not add up
    (25, "九"),  # numbered （五）（九）（七）: something was missed or misnumbered
], ids=["more-than-half", "a-gap"])
def test_a_real_shortfall_is_still_a_mismatch(tmp_path: Path, stated: int, sixth: str) -> None:
    run = _parse_notice_cli(tmp_path, WATER.format(stated=stated, heading="聚焦问题清单，逐项整改落实", sixth=sixth))
    assert run.returncode == 1
    assert f"通报所述问题：不一致。通报称{stated}个问题，但正文编号列出的问题为8个" in run.stdout


SCHOOLS = """中共云溪县教育局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至5月9日，县委第一巡察组对县教育局党组开展了常规巡察。2025年6月18日，县委第一巡察组向局党组反馈了巡察意见。{organised}
一、反馈问题整改落实情况
（一）关于落实教育惠民政策方面
1.学生资助资金发放不及时的问题。整改情况：已完成2024年度资助资金发放，建立按月发放台账。
2.营养改善计划监管不严的问题。整改情况：开展食堂专项检查2轮，约谈校长3人。
（二）关于干部队伍建设方面
3.校长交流轮岗不到位的问题。整改情况：制定校长交流轮岗实施办法，交流校长6名。
二、下一步工作打算
局党组将持续巩固整改成果。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0745-6221234；邮政编码：419100。
中共云溪县教育局党组
二〇二五年十一月二十日
"""
ORGANISED = "局党组高度重视，召开专题会议研究部署整改工作，制定整改方案，逐项明确责任领导、责任单位和完成时限。"


@pytest.mark.parametrize("organised", [
    f"{ORGANISED}现将整改进展情况公布如下。",  # in the preamble
    f"现将整改进展情况公布如下。\n{ORGANISED}",  # a paragraph of its own, under no heading
], ids=["in-the-preamble", "a-paragraph-under-no-heading"])
def test_a_notice_without_a_part_on_its_organisation_gets_none(tmp_path: Path, organised: str) -> None:
    source = tmp_path / "教育局.txt"
    source.write_text(SCHOOLS.format(organised=organised), encoding="utf-8")
    _, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip(R + " ") for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    headings = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、")]
    assert headings == ["一、反馈问题整改落实情况", "二、下一步工作打算"]
    assert not any("请填写" in p and "组织" in p for p in paragraphs)
    assert sum(ORGANISED in p for p in paragraphs) == 1
    assert paragraphs.index("一、反馈问题整改落实情况") < paragraphs.index("（一）关于落实教育惠民政策方面")


def test_a_notice_dated_in_chinese_numerals_is_signed_so_again(tmp_path: Path) -> None:
    source = tmp_path / "教育局.txt"
    source.write_text(SCHOOLS.format(organised=f"{ORGANISED}现将整改进展情况公布如下。"), encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip() for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[-2:] == ["中共云溪县教育局党组", "二〇二五年十一月二十日"]
    # the clerk moves the report date on: the notice is dated that day, in the same numerals
    book = openpyxl.load_workbook(ledger)
    sheet = book["基本信息"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "报告日期")
    row[1].value = date(2025, 10, 31)
    book.save(ledger)
    again = tmp_path / "再次.txt"
    api.notice(ledger, again)
    assert again.read_text(encoding="utf-8").rstrip().endswith("中共云溪县教育局党组\n\n二〇二五年十月三十一日")


GROUP = """中共青山市交通投资集团有限公司委员会关于市委巡察整改进展情况的通报
根据市委统一部署，2025年4月1日至6月10日，市委第五巡察组对市交通投资集团有限公司党委开展了常规巡察。2025年7月15日，市委第五巡察组向集团党委反馈了巡察意见。现将巡察整改进展情况予以公布。
一、提高政治站位，压实整改责任
集团党委成立由党委书记、董事长任组长的巡察整改工作领导小组，召开党委会、专题会12次研究推进整改。
二、聚焦问题清单，逐项整改落实
（一）贯彻落实党中央决策部署方面
问题{n1}：落实交通强市战略不够有力，重点项目推进缓慢。
整改情况：一是成立重点项目攻坚专班；二是建立项目周调度月通报机制，3个滞后项目已全部复工。
问题{n2}：防范化解债务风险不到位。
整改情况：制定债务风险化解方案，压降有息负债18.6亿元。
（二）落实全面从严治党“两个责任”方面
问题{n3}：工程招投标监管存在漏洞。
整改情况：一是修订《集团招标采购管理办法》；二是对56个招标项目开展专项检查，发现问题11个，已全部整改。
三、巩固整改成果，推进长效常治
集团党委将持续用力抓好后续整改。
中共青山市交通投资集团有限公司委员会
2025年12月1日
"""


@pytest.mark.parametrize("numbers", [("1", "2", "3"), ("一", "二", "三")], ids=["digits", "numerals"])
def test_problems_labelled_problem_n_are_numbered_so_again(tmp_path: Path, numbers: tuple[str, ...]) -> None:
    source = tmp_path / "交投集团.txt"
    source.write_text(GROUP.format(n1=numbers[0], n2=numbers[1], n3=numbers[2]), encoding="utf-8")
    _, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip(R + " ") for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    told = [p for p in paragraphs if p.startswith("问题")]
    assert [p[:p.index("：") + 1] for p in told] == [f"问题{n}：" for n in numbers]
    assert told[0] == (f"问题{numbers[0]}：落实交通强市战略不够有力，重点项目推进缓慢。一是成立重点项目攻坚专班；"
                       "二是建立项目周调度月通报机制，3个滞后项目已全部复工。")
    assert paragraphs[paragraphs.index(told[1]) + 1] == "（二）落实全面从严治党“两个责任”方面"
    # read back, the same three problems under the same two aspects
    parsed = api.parse_notice_file(out)
    assert [len(list(a.issues())) for a in parsed.ledger.aspects] == [2, 1]


TABLE = [["方面", "问题数", "已完成", "正在推进", "完成率"],
         ["党的领导方面", "2", "2", "0", "100%"],
         ["全面从严治党方面", "2", "1", "1", "50%"],
         ["合计", "4", "3", "1", "75%"]]


def _health_notice(path: Path) -> None:
    document = docx.Document()
    say = document.add_paragraph
    say("中共白河县卫生健康局党组关于巡察整改进展情况的通报")
    say("根据县委统一部署，2025年3月5日至4月25日，县委第二巡察组对县卫生健康局党组开展了常规巡察。"
        "2025年6月6日，县委第二巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。")
    say("一、提高政治站位，压实整改责任")
    say("局党组召开专题会议12次，研究制定整改方案。巡察反馈的2个方面4个问题，已完成整改3个，完成率75%。"
        "整改完成情况如下表：")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for row, values in zip(table.rows, TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    say("二、聚焦问题清单，逐项整改落实")
    say("（一）关于党的领导方面")
    say("1.落实医改任务不力的问题。整改进展：组建紧密型医共体2个（已完成）。")
    say("2.公共卫生体系建设滞后的问题。整改进展：新建发热门诊3个（已完成）。")
    say("（二）关于全面从严治党方面")
    say("3.医疗服务价格管理不规范的问题。整改进展：退还多收费用12.3万元（已完成）。")
    say("4.医保基金监管不严的问题。整改进展：追回违规基金86万元，其余问题正在整改（正在推进）。")
    say("三、巩固整改成果，推进长效常治")
    say("局党组将持续巩固整改成果。")
    say("中共白河县卫生健康局党组")
    say("2025年12月3日")
    document.save(str(path))


def test_a_table_of_counts_in_the_notice_is_written_back_as_a_table(tmp_path: Path) -> None:
    source = tmp_path / "卫健局.docx"
    _health_notice(source)
    ledger, out = _round_trip(tmp_path, source, ".docx")
    written = docx.Document(str(out))
    assert [[c.text for c in row.cells] for row in written.tables[0].rows] == TABLE
    paragraphs = [p.text.strip() for p in written.paragraphs if p.text.strip()]
    assert not any("\t" in p for p in paragraphs)  # no row left as a paragraph of tabs
    # read back, the table is the notice's table, the section's prose its prose
    back = api.parse_notice_file(out).ledger.info
    first = api.parse_notice_file(source).ledger.info
    assert back.extra["通报所附统计表"] == first.extra["通报所附统计表"]
    assert back.section_one == first.section_one
    # as Markdown, a table too
    markdown = tmp_path / "通报.md"
    api.notice(ledger, markdown)
    lines = markdown.read_text(encoding="utf-8").splitlines()
    at = lines.index("| 方面 | 问题数 | 已完成 | 正在推进 | 完成率 |")
    assert lines[at + 1] == "|---|---|---|---|---|"
    assert lines[at + 4] == "| 合计 | 4 | 3 | 1 | 75% |"


def test_a_phone_given_as_lianxi_dianhua_is_given_so_again(tmp_path: Path) -> None:
    closing = ("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0731-88881234；"
               "通信地址：青山市新城大道88号；邮政编码：410000；电子邮箱：jtjt_xczg@163.com。")
    text = GROUP.format(n1="1", n2="2", n3="3").replace("中共青山市交通投资集团有限公司委员会\n2025", f"{closing}\n"
                                                        "中共青山市交通投资集团有限公司委员会\n2025")
    source = tmp_path / "交投集团.txt"
    source.write_text(text, encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    assert ("联系电话：0731-88881234；通信地址：青山市新城大道88号；邮政编码：410000；电子邮箱：jtjt_xczg@163.com。"
            in out.read_text(encoding="utf-8").splitlines()[-5])
    # the clerk changes the number in 基本信息: the notice gives the new one, under the same word
    book = openpyxl.load_workbook(ledger)
    row = next(r for r in book["基本信息"].iter_rows() if r[0].value == "联系电话")
    row[1].value = "0731-88880000"
    book.save(ledger)
    again = tmp_path / "再次.txt"
    api.notice(ledger, again)
    assert "联系电话：0731-88880000；通信地址：" in again.read_text(encoding="utf-8")


COLLEGE_CLOSING = ("欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。{period}"
                   "联系电话：027-87651234；通信地址：湖北省江城市科技大道1号；邮政编码：430000；"
                   "电子邮箱：jcl_xszg@126.com。")


@pytest.mark.parametrize("period", ["", "公开期限：2025年11月28日至12月27日。"], ids=["no-period", "a-period"])
def test_an_invitation_of_its_own_keeps_its_second_sentence(tmp_path: Path, period: str) -> None:
    text = GROUP.format(n1="1", n2="2", n3="3").replace(
        "中共青山市交通投资集团有限公司委员会\n2025", COLLEGE_CLOSING.format(period=period)
        + "\n中共青山市交通投资集团有限公司委员会\n2025")
    source = tmp_path / "学院.txt"
    source.write_text(text, encoding="utf-8")
    _, out = _round_trip(tmp_path, source)
    lines = [line.strip(R) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    at = next(n for n, line in enumerate(lines) if line.startswith("欢迎"))
    assert lines[at] == ("欢迎广大师生员工和社会各界对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。"
                         + period)
    assert lines[at + 1].startswith("联系电话：027-87651234；")


AT_ONCE = """中共白沙县林业局党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第一巡察组对县林业局党组开展了常规巡察。2025年5月20日，县委第一巡察组向局党组反馈了巡察意见。现将整改进展情况通报如下。
一、提高政治站位，压实整改责任
局党组召开专题会议研究整改。县委巡察组反馈问题4个，其中立行立改问题1个{glue}已全部整改到位{stop}其余3个问题已完成整改2个。
二、聚焦问题清单，逐项整改落实
1.护林员管理松散的问题。整改进展：清退不在岗护林员6名（已完成）。
2.林木采伐审批不规范的问题。整改进展：修订采伐审批流程（已完成）。
3.生态公益林补偿资金发放滞后的问题。整改进展：补发补偿资金42万元（已完成）。
4.森林防火设施老化的问题。整改进展：更新防火设施一批，其余正在采购（正在推进）。
三、巩固整改成果，推进长效常治
局党组将持续巩固整改成果。
中共白沙县林业局党组
2025年12月1日
"""


@pytest.mark.parametrize(("glue", "stop"), [("", "，"), ("，", "；")], ids=["one-clause", "two-clauses"])
def test_problems_put_right_at_once_count_with_the_rest_done(tmp_path: Path, glue: str, stop: str) -> None:
    source = tmp_path / "林业局.txt"
    source.write_text(AT_ONCE.format(glue=glue, stop=stop), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "rectxl", "parse-notice", str(source)],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stdout + run.stderr
    done = next(line.strip() for line in run.stdout.splitlines() if line.strip().startswith("通报所述已完成"))
    assert done.startswith("通报所述已完成：一致。通报称已完成3个问题，")


def test_main_problems_reported_as_follows_is_a_part_listed(tmp_path: Path) -> None:
    # eight of twelve: more than half, a mismatch unless the notice says it lists the main ones
    heading = "聚焦问题清单，逐项整改落实\n现将主要问题的整改进展情况报告如下："
    text = WATER.format(stated=12, heading=heading, sixth="六").replace("已完成整改22个，完成率88%",
                                                                          "已完成整改9个，完成率75%")
    run = _parse_notice_cli(tmp_path, text)
    assert run.returncode == 0, run.stdout
    assert "通报所述问题：无法核对。通报称12个问题；正文写明只列出其中一部分（“现将主要问题的整改进展情况报告如下”）" \
        in run.stdout


@pytest.mark.parametrize("said", [
    "对相关责任人员进行了追责问责，给予诫勉谈话2人、批评教育3人。",
    "针对该方面问题，局党组对2名干部进行了约谈提醒。",
    "相关问题线索已移交县纪委监委处理，给予党内警告处分1人。",
], ids=["the-people", "this-aspect", "the-leads"])
def test_holding_people_to_account_between_aspects_is_no_part_of_a_measure(tmp_path: Path, said: str) -> None:
    source = tmp_path / "农业农村局.txt"
    text = FARMS.replace("针对上述问题，对相关责任人员给予诫勉谈话2人、批评教育3人。", said)
    source.write_text(text, encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    told = _section_two(out.read_text(encoding="utf-8"))
    assert told.count(said) == 1
    assert told[told.index(said) - 1] == ("2.农机购置补贴审核不严的问题。逐户核查补贴发放情况，"
                                          "已追回违规补贴3.2万元，已销号。")
    assert told[told.index(said) + 1] == "（二）关于全面从严治党方面"
    assert not any("约谈" in m.progress or "处分" in m.progress or "诫勉" in m.progress
                   for m in api.read_ledger(ledger).measures())


@pytest.mark.parametrize(("tag", "told"), [
    ("已完成，长期坚持", "复核发现问题9个，已整改9个，长期坚持。"),
    ("正在推进，计划2026年3月底前完成", "复核发现问题9个，已整改9个，计划2026年3月底前完成。"),
], ids=["kept-up", "planned"])
def test_a_note_in_the_tag_after_the_account_goes_on_its_sentence(tmp_path: Path, tag: str, told: str) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS.replace("已整改9个（已办结）", f"已整改9个（{tag}）"), encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    first = next(m for m in api.read_ledger(ledger).measures())
    assert first.progress == told
    assert _section_two(out.read_text(encoding="utf-8"))[2].endswith("对2022年以来建设项目开展质量复核，" + told)


CIVIL = """中共清河县民政局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月14日至5月30日，县委第五巡察组对县民政局党组开展了常规巡察。2025年7月4日，县委第五巡察组向局党组反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作组织领导情况
局党组成立巡察整改工作领导小组，召开专题会议研究部署。
二、巡察反馈问题整改落实情况
第一方面问题：贯彻落实民生政策有偏差
（一）低保动态管理不到位的问题。开展低保对象全面核查，清退不符合条件对象132户（已完成）。
（二）养老服务设施运营不佳的问题。引入社会力量运营幸福院5个，其余正在洽谈（正在推进）。
第二方面问题：全面从严治党责任落实不到位
（三）社会组织监管不严的问题。开展社会组织专项清理，撤销僵尸社会组织23个（已完成）。
三、下一步工作打算
局党组将持续巩固整改成果。
中共清河县民政局党组
2025年12月1日
"""


def test_aspects_headed_first_aspect_keep_their_problems_numbering(tmp_path: Path) -> None:
    source = tmp_path / "民政局.txt"
    source.write_text(CIVIL, encoding="utf-8")
    _, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip(R + " ") for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    two = paragraphs[paragraphs.index("二、巡察反馈问题整改落实情况") + 1:paragraphs.index("三、下一步工作打算")]
    assert [p[:6] for p in two] == ["第一方面问题", "（一）低保动", "（二）养老服", "第二方面问题", "（三）社会组"]
    assert two[0] == "第一方面问题，贯彻落实民生政策有偏差"
    # read back: the same two aspects, three problems
    parsed = api.parse_notice_file(out)
    assert [(a.title, len(list(a.issues()))) for a in parsed.ledger.aspects] == [
        ("贯彻落实民生政策有偏差", 2), ("全面从严治党责任落实不到位", 1)]


def test_work_done_in_part_after_its_account_stays_so_through_a_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS.replace("已整改9个（已办结）", "已整改9个（基本完成）"), encoding="utf-8")
    _, out = _round_trip(tmp_path, source)
    assert _section_two(out.read_text(encoding="utf-8"))[2].endswith("复核发现问题9个，已整改9个，基本完成。")
    # read again from what was written: still done in part, not done
    first = next(api.parse_notice_file(out).ledger.measures())
    assert first.status is not None and first.status.value == "基本完成"


BUILDER = """中共江城建工集团有限公司委员会关于市委巡察整改进展情况的通报
根据市委统一部署，2025年4月1日至5月31日，市委第三巡察组对江城建工集团有限公司党委开展了常规巡察。2025年7月10日，市委第三巡察组向集团党委反馈了巡察意见。现将巡察整改进展情况予以公布。
一、提高政治站位，压实整改责任
集团党委成立巡察整改工作领导小组，研究制定整改方案。
二、聚焦问题清单，逐项整改落实
（一）关于企业经营管理方面
1.工程款回收不力。
整改措施：成立清欠专班，对应收账款逐笔建档。
整改成效：累计回收工程款2.3亿元，应收账款较年初下降18%。
完成情况：已完成。
2.分包管理不规范。
整改措施：修订分包管理办法，建立合格分包商名录。
整改成效：清退不合格分包商12家。
完成情况：正在推进。
三、巩固整改成果，推进长效常治
集团党委将持续巩固整改成果。
中共江城建工集团有限公司委员会
2025年12月1日
"""


def test_results_with_only_a_status_beside_them_are_the_account(tmp_path: Path) -> None:
    source = tmp_path / "建工集团.txt"
    source.write_text(BUILDER, encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    told = _section_two(out.read_text(encoding="utf-8"))
    assert told[2].startswith("1.工程款回收不力。成立清欠专班，对应收账款逐笔建档")
    assert told[2].endswith("累计回收工程款2.3亿元，应收账款较年初下降18%。")
    assert told[3].startswith("2.分包管理不规范。修订分包管理办法，建立合格分包商名录")
    assert told[3].endswith("清退不合格分包商12家，正在推进。")
    said = [(m.progress, m.status_text) for m in api.read_ledger(ledger).measures()]
    assert said == [("累计回收工程款2.3亿元，应收账款较年初下降18%。", "已完成"),
                    ("清退不合格分包商12家。", "正在推进")]


def test_a_tag_the_account_already_says_is_not_said_twice(tmp_path: Path) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS.replace("已整改9个（已办结）", "已基本完成整改（基本完成）"), encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source)
    assert next(api.read_ledger(ledger).measures()).progress == "复核发现问题9个，已基本完成整改。"
    assert _section_two(out.read_text(encoding="utf-8"))[2].endswith("复核发现问题9个，已基本完成整改。")


def test_problems_read_as_measures_of_a_heading_are_no_part_listed(tmp_path: Path) -> None:
    # two "problems" told with twelve measures each: the problems the notice says it has, read as
    # measures — a shortfall to check, not a notice listing a part
    cn = "一二三四五六七八九十"
    things = "；".join(f"{cn[k] if k < 10 else '十' + cn[k - 10]}是整改第{k + 1}个具体问题，已完成" for k in range(12))
    text = WATER.format(stated=25, heading="聚焦问题清单，逐项整改落实", sixth="六")
    head, _, tail = text.partition("（一）关于河长制")
    tail = tail[tail.index("三、巩固"):]
    body = f"1.河长制落实不到位的问题。{things}。\n2.饮水安全管护不力的问题。{things}。\n"
    run = _parse_notice_cli(tmp_path, head + body + tail)
    assert run.returncode == 1
    assert "通报所述问题：不一致。通报称25个问题，但正文编号列出的问题为2个" in run.stdout


@pytest.mark.parametrize(("dated", "signed"), [("2025年12月", "2025年12月"), ("二〇二五年十二月", "二〇二五年十二月")],
                         ids=["digits", "numerals"])
def test_a_notice_dated_to_its_month_is_not_signed_with_a_day_it_never_gave(tmp_path: Path, dated: str,
                                                                           signed: str) -> None:
    source = tmp_path / "农业农村局.txt"
    source.write_text(FARMS.replace("2025年12月1日\n", f"{dated}\n"), encoding="utf-8")
    ledger, out = _round_trip(tmp_path, source, ".docx")
    paragraphs = [p.text.strip() for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[-2:] == ["中共青石县农业农村局党组", signed]
    # given a day to state the totals on, the notice is signed that day
    dated_out = tmp_path / "按日.txt"
    run = subprocess.run([sys.executable, "-m", "rectxl", "notice", str(ledger), "-o", str(dated_out),
                          "--as-of", "2025-12-05"], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    assert dated_out.read_text(encoding="utf-8").rstrip().endswith(
        "2025年12月5日" if signed[0] == "2" else "二〇二五年十二月五日")


def test_a_table_of_counts_under_the_second_heading_stays_there(tmp_path: Path) -> None:
    source = tmp_path / "卫健局.docx"
    _health_notice(source)
    document = docx.Document(str(source))
    # the sentence and its table moved under 二、: "二、…" then "…如下表：" then the table
    body = document.element.body
    paragraphs = document.paragraphs
    said = next(p for p in paragraphs if p.text.startswith("局党组召开专题会议"))
    said.text = "局党组召开专题会议12次，研究制定整改方案。"
    two = next(p for p in paragraphs if p.text.startswith("二、"))
    intro = document.add_paragraph("巡察反馈的2个方面4个问题，已完成整改3个，完成率75%。整改完成情况如下表：")
    table = document.tables[0]._tbl
    body.remove(intro._p)
    body.remove(table)
    two._p.addnext(intro._p)
    intro._p.addnext(table)
    document.save(str(source))
    _, out = _round_trip(tmp_path, source, ".docx")
    written = docx.Document(str(out))
    order = [("t", "") if el.tag.endswith("}tbl") else ("p", Paragraph(el, written).text.strip())
             for el in written.element.body if el.tag.endswith(("}p", "}tbl"))]
    order = [o for o in order if o != ("p", "")]
    at = order.index(("p", "二、聚焦问题清单，逐项整改落实"))
    assert order[at + 1] == ("p", "巡察反馈的2个方面4个问题，已完成整改3个，完成率75%。整改完成情况如下表：")
    assert order[at + 2] == ("t", "")
    assert order[at + 3] == ("p", "（一）关于党的领导方面")
    assert [[c.text for c in row.cells] for row in written.tables[0].rows] == TABLE
