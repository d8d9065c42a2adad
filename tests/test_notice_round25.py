"""Notices round twenty-five: Word notices as other agencies write them survive
parse-notice NOTICE.docx → ledger.xlsx → notice → notice.docx.

Every notice here is written for this file about fictional units.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rectxl.cli import main
from rectxl.core.model import Issue
from rectxl.core.status import Status
from rectxl.io.reader import read_ledger


def _write_docx(path: Path, text: str) -> None:
    document = docx.Document()
    for line in text.strip().splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def _round_trip(tmp_path: Path, text: str, name: str = "通报") -> tuple[Path, list[str]]:
    """The notice as a Word file read into a ledger by the CLI, and the notice it writes again (its
    paragraphs)."""
    source = tmp_path / f"{name}.docx"
    _write_docx(source, text)
    ledger = tmp_path / f"{name}_台账.xlsx"
    assert main(["parse-notice", str(source), "-o", str(ledger)]) in (0, 1)
    out = tmp_path / f"{name}_再生成.docx"
    assert main(["notice", str(ledger), "-o", str(out)]) in (0, 1)
    return ledger, [p.text for p in docx.Document(str(out)).paragraphs]


# A county agriculture bureau: each measure numbered 1. 2. after 整改措施：, its status bracketed after it
FARM = """中共白沙县农业农村局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月10日至5月9日，县委第四巡察组对县农业农村局党组进行了巡察，2025年6月18日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，制定整改方案，建立整改台账。
二、巡察反馈问题整改落实情况
（一）理论武装不够扎实方面
1.党组理论学习中心组学习流于形式的问题。
整改措施：1.建立健全学习制度{done}2.制定年度学习计划{going}
2.意识形态责任制落实不到位的问题。
整改措施：1.修订意识形态工作责任清单{done}2.开展意识形态领域风险排查{done}
（二）惠农资金管理不规范方面
1.农机购置补贴审核把关不严的问题。
整改措施：1.修订补贴审核办法{done}2.追回违规发放补贴资金{going}
三、下一步工作打算
局党组将持续巩固整改成果，对正在推进的事项紧盯不放。
中共白沙县农业农村局党组
2025年10月15日
"""

#: (how the notice brackets a status, how it is printed again: as the notice had it, half-width
#: brackets too — round 26)
BRACKETS = [
    ("。（{}）", "。（{}）"),
    ("（{}）。", "（{}）。"),
    ("。【{}】", "。【{}】"),
    ("({})。", "({})。"),
]


@pytest.mark.parametrize(("written", "printed"), BRACKETS,
                         ids=["after-stop", "before-stop", "fang", "half-width"])
def test_a_status_bracketed_after_a_measure_is_its_status_and_comes_back_bracketed(
        tmp_path: Path, written: str, printed: str) -> None:
    text = FARM.format(done=written.format("已完成"), going=written.format("正在推进"))
    ledger, back = _round_trip(tmp_path, text, "农业农村局")
    measures = list(read_ledger(ledger).measures())
    assert [m.status for m in measures] == [Status.DONE, Status.IN_PROGRESS, Status.DONE, Status.DONE,
                                            Status.DONE, Status.IN_PROGRESS]
    assert [m.text.rstrip("。") for m in measures][:2] == ["建立健全学习制度", "制定年度学习计划"]
    body = "\n".join(back)
    assert f"建立健全学习制度{printed.format('已完成')}" in body
    assert f"制定年度学习计划{printed.format('正在推进')}" in body
    assert f"追回违规发放补贴资金{printed.format('正在推进')}" in body
    assert "，已完成。" not in body and "，正在推进。" not in body
    assert "。。" not in body and "。）" not in body


def test_measures_numbered_1_after_their_label_come_back_numbered_so(tmp_path: Path) -> None:
    text = FARM.format(done="。（已完成）", going="。（正在推进）")
    _, back = _round_trip(tmp_path, text, "农业农村局")
    # (round 26: under their label, on the line below the problem, as the notice had them)
    at = back.index("1.党组理论学习中心组学习流于形式的问题。")
    assert back[at + 1] == "整改措施：1.建立健全学习制度。（已完成）2.制定年度学习计划。（正在推进）"
    # and read again, they are the problem's measures
    again = tmp_path / "再读.docx"
    _write_docx(again, "\n".join(back))
    assert main(["parse-notice", str(again), "-o", str(tmp_path / "再读.xlsx")]) in (0, 1)
    read = read_ledger(tmp_path / "再读.xlsx")
    assert [len(i.measures) for a in read.aspects for i in a.issues()] == [2, 2, 2]
    assert _round_trip(tmp_path, "\n".join(back), "再生成")[1] == back  # and written so again


# A district market-regulation bureau: each measure closes with the bureau's own status word
MARKET = """中共金溪区市场监督管理局党组关于区委巡察整改进展情况的通报
根据区委统一部署，2025年4月1日至5月30日，区委第一巡察组对区市场监督管理局党组进行了巡察，2025年7月2日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，逐项明确责任领导和完成时限。
二、巡察反馈问题整改落实情况
（一）食品安全监管责任落实不到位方面
1.校园食堂抽检覆盖面不足的问题。整改情况：一是制定校园食堂抽检计划{0}二是修订快检室管理制度{1}三是开展校外托餐机构专项检查{2}
（二）营商环境优化不够有力方面
2.企业登记办理时限偏长的问题。整改情况：一是推行企业开办一网通办{3}二是压缩登记审查环节{4}三是清理涉企收费项目{5}四是建立帮办代办制度{6}
三、下一步工作打算
局党组将持续巩固整改成果，对尚在推进的事项挂图作战。
中共金溪区市场监督管理局党组
2025年11月6日
"""

#: the bureau's words, and the status each is counted as
WORDS = [("正在整改", Status.IN_PROGRESS), ("落实中", Status.IN_PROGRESS), ("整改中", Status.IN_PROGRESS),
         ("持续整改", Status.LONG_TERM), ("已整改", Status.DONE), ("已办结", Status.DONE), ("已落实", Status.DONE)]
ACTIONS = ["制定校园食堂抽检计划", "修订快检室管理制度", "开展校外托餐机构专项检查", "推行企业开办一网通办",
           "压缩登记审查环节", "清理涉企收费项目", "建立帮办代办制度"]


@pytest.mark.parametrize(("written", "printed"), [("，{}。", "，{}。"), ("（{}）。", "（{}）。")],
                         ids=["after-a-comma", "bracketed"])
def test_an_agencys_own_status_words_are_counted_and_kept_as_written(
        tmp_path: Path, written: str, printed: str) -> None:
    text = MARKET.format(*[written.format(word) for word, _ in WORDS])
    ledger, back = _round_trip(tmp_path, text, "市场监管局")
    measures = list(read_ledger(ledger).measures())
    assert [m.status for m in measures] == [status for _, status in WORDS]
    assert not any(m.status_inferred for m in measures)
    body = "\n".join(back)
    for action, (word, _) in zip(ACTIONS, WORDS, strict=True):
        assert f"{action}{printed.format(word)}" in body
    assert "正在推进" not in body.split("二、")[1].split("三、")[0]


# A municipal housing bureau: groups headed "1." "2.", their problems numbered 1.1, 1.2 within them
HOUSING = """中共临江市住房和城乡建设局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2025年2月24日至4月25日，市委第五巡察组对市住房和城乡建设局党组进行了巡察，2025年6月5日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐项制定整改措施。
二、巡察反馈问题整改落实情况
1.{one}
1.1老旧小区改造项目推进滞后的问题。整改情况：一是建立改造项目周调度机制，已完成。二是对进度滞后的6个项目挂牌督办，正在推进。
1.2住房保障对象动态审核不严的问题。整改情况：开展保障对象资格复核，清退不符合条件对象31户，已完成。
2.{two}
2.1工程招投标监管存在漏洞的问题。整改情况：修订房建市政工程招投标监管办法，已完成。
2.2执法检查随意性较大的问题。整改情况：一是制定行政检查事项清单，已完成。二是推行“双随机、一公开”检查，长期坚持。
三、下一步工作打算
局党组将持续抓好后续整改，巩固整改成果。
中共临江市住房和城乡建设局党组
2025年10月28日
"""


@pytest.mark.parametrize(("one", "two"), [("落实住房民生保障职责方面", "行业监管履职方面"),
                                          ("住房民生保障", "行业监管")], ids=["fangmian", "plain"])
def test_problems_numbered_1_1_under_a_group_numbered_1_are_that_groups_and_keep_their_numbers(
        tmp_path: Path, one: str, two: str) -> None:
    ledger, back = _round_trip(tmp_path, HOUSING.format(one=one, two=two), "住建局")
    read = read_ledger(ledger)
    assert [(a.title, [i.title for i in a.issues()]) for a in read.aspects] == [
        (one, ["老旧小区改造项目推进滞后的问题", "住房保障对象动态审核不严的问题"]),
        (two, ["工程招投标监管存在漏洞的问题", "执法检查随意性较大的问题"])]
    assert len(list(read.measures())) == 6
    two_part = back[back.index("二、巡察反馈问题整改落实情况") + 1:back.index("三、下一步工作打算")]
    assert [p[:4] for p in two_part] == ["1." + one[:2], "1.1老", "1.2住", "2." + two[:2], "2.1工", "2.2执"]
    assert "（一）" not in "".join(two_part)
    # written again, the notice reads back the same
    again = tmp_path / "再读.docx"
    _write_docx(again, "\n".join(back))
    assert main(["parse-notice", str(again), "-o", str(tmp_path / "再读.xlsx")]) in (0, 1)
    assert [(a.title, len(list(a.issues()))) for a in read_ledger(tmp_path / "再读.xlsx").aspects] == [
        (one, 2), (two, 2)]



def test_problems_numbered_1_1_under_an_aspect_numbered_1_need_not_say_problem(tmp_path: Path) -> None:
    text = HOUSING.format(one="落实住房民生保障职责方面", two="行业监管履职方面").replace("的问题。", "。")
    ledger, back = _round_trip(tmp_path, text, "住建局")
    assert [(a.title, [i.title for i in a.issues()]) for a in read_ledger(ledger).aspects] == [
        ("落实住房民生保障职责方面", ["老旧小区改造项目推进滞后", "住房保障对象动态审核不严"]),
        ("行业监管履职方面", ["工程招投标监管存在漏洞", "执法检查随意性较大"])]
    assert "2.2执法检查随意性较大。" in "\n".join(back)

# A county transport bureau: a problem's measures under their label, how far they got under 整改情况
TRANSPORT = """中共青山县交通运输局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月30日，县委第三巡察组对县交通运输局党组进行了巡察，2025年6月12日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组成立整改工作领导小组，制定整改方案，明确责任股室。
二、巡察反馈问题整改落实情况
（一）落实上级决策部署方面
1.农村公路养护资金使用不规范的问题。
整改措施：对2023年以来农村公路养护资金开展专项清理。
整改情况：追回违规使用资金8.6万元，已完成。
2.超限超载治理不够有力的问题。
整改措施：修订治超联合执法工作机制。
整改情况：新机制已提请县政府审定，正在推进。
（二）全面从严治党方面
3.工程项目质量监督抽检不足的问题。
整改情况：
1.制定年度工程质量抽检计划。
2.对在建项目开展质量抽检，抽检样品120组。
3.建立抽检结果通报制度。
上述措施均已完成。
4.道路运输安全监管不到位的问题。整改措施：一是开展“两客一危”企业隐患排查，整改隐患42处；二是约谈安全管理不到位企业负责人5人。以上措施均已完成。
三、下一步工作打算
局党组将持续巩固整改成果。
中共青山县交通运输局党组
2025年11月20日
"""


def _transport(tmp_path: Path) -> tuple[list[Issue], str]:
    ledger, back = _round_trip(tmp_path, TRANSPORT, "交通运输局")
    return [i for a in read_ledger(ledger).aspects for i in a.issues()], "\n".join(back)


def test_how_far_a_measure_got_under_its_own_label_is_its_stated_status(tmp_path: Path) -> None:
    issues, body = _transport(tmp_path)
    assert [i.title for i in issues[:2]] == ["农村公路养护资金使用不规范的问题", "超限超载治理不够有力的问题"]
    # the status column holds the status each states (a guess would stay in 推断状态, the column empty)
    assert [[m.status for m in i.measures] for i in issues[:2]] == [[Status.DONE], [Status.IN_PROGRESS]]
    first = issues[0].measures[0]
    assert first.text.startswith("对2023年以来农村公路养护资金开展专项清理")
    assert "追回违规使用资金8.6万元" in first.progress and "整改情况" not in first.text
    assert "对2023年以来农村公路养护资金开展专项清理，追回违规使用资金8.6万元，已完成。" in body
    assert "修订治超联合执法工作机制，新机制已提请县政府审定，正在推进。" in body


def test_a_sentence_after_a_problems_measures_saying_all_are_done_is_each_measures_status(
        tmp_path: Path) -> None:
    issues, body = _transport(tmp_path)
    assert [i.title for i in issues[2:]] == ["工程项目质量监督抽检不足的问题", "道路运输安全监管不到位的问题"]
    assert [[m.status for m in i.measures] for i in issues[2:]] == [[Status.DONE] * 3, [Status.DONE] * 2]
    assert [m.text.rstrip("。") for m in issues[2].measures] == [
        "制定年度工程质量抽检计划", "对在建项目开展质量抽检，抽检样品120组", "建立抽检结果通报制度"]
    # written again, the closing sentence says so once, as the notice did (round 26: it had been
    # "，已完成" after each measure)
    assert "三是建立抽检结果通报制度。上述措施均已完成。" in body
    assert "二是约谈安全管理不到位企业负责人5人。以上措施均已完成。" in body
    assert "抽检计划，已完成" not in body


# A county natural-resources bureau closes with whom to call and where to write, in its own order
RESOURCES = """中共石门县自然资源局党组关于县委巡察整改进展情况的通报
根据县委统一部署，2025年4月7日至5月30日，县委第二巡察组对县自然资源局党组进行了巡察，2025年7月4日反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作开展情况
局党组召开专题会议研究部署整改工作，建立整改台账。
二、巡察反馈问题整改落实情况
（一）落实耕地保护责任方面
1.违法占用耕地问题查处不及时的问题。整改情况：对2024年以来卫片图斑逐一核查，立案查处12宗，已完成。
三、下一步工作打算
局党组将持续巩固整改成果。
欢迎广大干部群众对巡察整改落实情况进行监督。{contacts}
中共石门县自然资源局党组
2025年11月12日
"""

CONTACTS = [
    "联系人：谭晓华；联系电话：0736-5322718；电子邮箱：smxzrzyj@163.com；邮政编码：415300。",
    "联系电话：0736-5322718；邮政编码：415300；电子邮箱：smxzrzyj@163.com",
    "联系电话：0736-5322718；通信地址：石门县澧阳大道66号县自然资源局办公室（邮编：415300）；电子邮箱：smxzrzyj@163.com",
    "联系人及电话：谭晓华 0736-5322718；电子邮箱：smxzrzyj@163.com；邮政编码：415300。",
    "联系方式：0736-5322718；邮政信箱：石门县澧阳大道66号县自然资源局办公室，邮政编码：415300；"
    "电子邮箱：smxzrzyj@163.com。",
]


@pytest.mark.parametrize("contacts", CONTACTS, ids=["person", "mail-last", "postcode-in-address",
                                                    "person-and-phone", "comma-before-postcode"])
def test_the_contact_line_comes_back_as_written(tmp_path: Path, contacts: str) -> None:
    _, back = _round_trip(tmp_path, RESOURCES.format(contacts=contacts), "自然资源局")
    assert contacts in back
    assert not any("@163.com。" in p for p in back) or contacts.endswith("@163.com。")


def test_contacts_on_lines_of_their_own_come_back_so(tmp_path: Path) -> None:
    lines = ["联系人：谭晓华", "联系电话：0736-5322718", "电子邮箱：smxzrzyj@163.com", "邮政编码：415300"]
    _, back = _round_trip(tmp_path, RESOURCES.format(contacts="\n" + "\n".join(lines)), "自然资源局")
    at = back.index(lines[0])
    assert back[at:at + 4] == lines


@pytest.mark.parametrize("closing", ["目前，上述措施均已整改完成。", "截至10月底，以上措施已落实完毕。"])
def test_a_dated_sentence_saying_all_measures_are_done_is_each_measures_status(
        tmp_path: Path, closing: str) -> None:
    problem = ("5.公路建设项目变更审批不严的问题。\n一是修订工程变更管理办法。\n二是对2024年以来的变更逐项复核。\n"
               f"{closing}\n三、下一步工作打算")
    ledger, back = _round_trip(tmp_path, TRANSPORT.replace("三、下一步工作打算", problem), "交通运输局")
    last = [i for a in read_ledger(ledger).aspects for i in a.issues()][-1]
    assert [m.status for m in last.measures] == [Status.DONE, Status.DONE]
    assert [m.text.rstrip("。") for m in last.measures] == ["修订工程变更管理办法", "对2024年以来的变更逐项复核"]
    # said once again, as the notice did (round 26: it had been "，已完成" after each measure)
    assert f"一是修订工程变更管理办法。二是对2024年以来的变更逐项复核。{closing}" in "\n".join(back)
