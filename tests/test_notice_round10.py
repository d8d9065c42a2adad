"""Notices round 10: notices of offices rectxl had not seen (a 高校 党委, a 国企 党委, a 乡镇 党委,
a 县直部门 党组 saved from its website, a 村党支部's 公示) parsed back.

What now reads right:
- a problem named in quotes that quote a term of their own ("针对“‘三资’管理存在漏洞”问题，一是…")
  opens an issue of its own — it had been run into the measures of the issue before it;
- a measure closing with its status after a dash or in a sentence of its own ("…细则——已完成；",
  "（1）修订…办法。已完成。") states that status — it had been guessed from the words, and the
  notice's count of completed problems could not be checked;
- an issue title without a full stop, above a paragraph answering it ("针对该问题，集团党委采取以下
  措施：一是…"), stays the title — the answer's opening had been joined to it;
- ①②③ measures run on in one paragraph and closed by one bracketed status after the full stop
  ("①…；②…；③…。（已完成）") are all of that status — it had been the last one's only;
- measures numbered 1. 2. 3. right after a label in one paragraph ("整改情况：1.…；2.…；3.…。") are
  one measure each — they had been one measure;
- a village's 公示 closing without a section 三 ("公示时间：…", "镇纪委电话：…") ends the items —
  those lines had been measures of the last issue, and the phone was not read.

Every notice here is written for this file about fictional units.
"""

from __future__ import annotations

from pathlib import Path

import docx

from rectxl.core.notice import parse_notice
from rectxl.core.status import Status
from rectxl.io.notice_file import read_notice_file

_HEAD = """中共某某县某某局党组关于县委巡察整改进展情况的通报

根据县委统一部署，2025年4月1日至5月16日，县委第一巡察组对某某局党组进行了巡察。2025年6月25日，\
巡察组向局党组反馈了巡察意见。现将巡察整改进展情况予以公布。

一、整改工作组织情况

局党组成立整改工作领导小组，实行挂图作战、对账销号。

二、巡察反馈问题整改落实情况

"""
_TAIL = """
三、下一步工作打算

局党组将持续巩固整改成果。

欢迎广大干部群众对巡察整改进展情况进行监督。联系电话：0793-5812345。

中共某某县某某局党组
2025年9月12日
"""


def _issues(text: str) -> list:  # type: ignore[type-arg]
    return [i for a in parse_notice(text).ledger.aspects for i in a.issues()]


def test_a_named_problem_quoting_a_term_opens_an_issue_of_its_own() -> None:
    body = """（一）全面从严治党方面

针对“村级财务管理不规范”问题，一是委托第三方对12个村财务进行审计；二是修订村级财务管理办法。已完成。

针对“‘三资’管理存在漏洞”问题，一是清理核实村集体资产；二是规范村集体资源发包程序。基本完成。

针对“基层‘微腐败’问题仍有发生”问题，一是开展集中整治；二是坚持以案促改。长期坚持。
"""
    issues = _issues(_HEAD + body + _TAIL)
    assert [i.title for i in issues] == [
        "针对“村级财务管理不规范”问题", "针对“‘三资’管理存在漏洞”问题", "针对“基层‘微腐败’问题仍有发生”问题"]
    assert [len(i.measures) for i in issues] == [2, 2, 2]
    assert [i.measures[0].status for i in issues] == [Status.DONE, Status.MOSTLY_DONE, Status.LONG_TERM]


def test_a_status_after_a_dash_or_in_a_sentence_of_its_own_is_stated() -> None:
    body = """巡察反馈的1个方面2个问题，制定整改措施5条。截至目前，已完成整改1个，正在推进1个。

（一）党的政治建设方面

1.落实意识形态工作责任制不够到位。
（1）修订《意识形态工作责任制实施细则》——已完成；
（2）开展网络平台专项检查——已完成；
（3）建立风险研判季度会商机制——已完成。

2.子公司对外担保未履行审批程序
（1）对子公司对外担保情况开展全面清查。已完成。
（2）对3笔违规担保逐笔解除，已解除2笔。正在推进。
"""
    parsed = parse_notice(_HEAD + body + _TAIL)
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    statuses = [(m.status, m.status_inferred) for i in issues for m in i.measures]
    assert statuses == [(Status.DONE, False), (Status.DONE, False), (Status.DONE, False),
                        (Status.DONE, False), (Status.IN_PROGRESS, False)]
    assert issues[0].measures[0].text == "修订《意识形态工作责任制实施细则》；"
    assert issues[1].measures[1].text == "对3笔违规担保逐笔解除，已解除2笔。"
    done = [c for c in parsed.total_checks if c.item == "done"]
    assert done and done[0].ok is True


def test_a_title_above_an_answer_to_it_stays_the_title(tmp_path: Path) -> None:
    lines = (_HEAD + """（一）关于贯彻落实党中央决策部署方面
1.服务国家能源安全战略不够有力
针对该问题，集团党委采取以下措施：一是编制能源保供规划；二是新增煤炭储备能力50万吨。目前，该问题已整改完成。
2.对所属企业监督管理存在薄弱环节
针对该问题，集团党委采取以下措施：一是向8家二级企业派驻纪检组；二是开展经济责任审计全覆盖。目前，该问题已整改完成。
""" + _TAIL).splitlines()
    doc = docx.Document()
    for line in lines:
        if line.strip():
            doc.add_paragraph(line)
    path = tmp_path / "通报.docx"
    doc.save(str(path))
    issues = _issues(read_notice_file(path))
    assert [i.title for i in issues] == ["服务国家能源安全战略不够有力", "对所属企业监督管理存在薄弱环节"]
    assert [len(i.measures) for i in issues] == [2, 2]
    assert all(m.status is Status.DONE for i in issues for m in i.measures)


def test_one_bracketed_status_after_a_run_on_list_is_the_whole_issues() -> None:
    body = """（一）全面从严治党方面

1.二级学院党总支会议制度执行不严格。
整改措施：①修订《二级学院党政联席会议议事规则》；②对各党总支会议记录开展专项检查。（已完成）

2.对科研经费使用监督不到位。
整改措施：①开展科研经费专项审计（已完成）；②将科研经费监督纳入常态化监督。（长期坚持）
"""
    first, second = _issues(_HEAD + body + _TAIL)
    assert [(m.status, m.status_inferred) for m in first.measures] == [(Status.DONE, False)] * 2
    assert first.measures[0].text.startswith("修订《二级学院党政联席会议议事规则》")
    # each measure stating its own status keeps it
    assert [m.status for m in second.measures] == [Status.DONE, Status.LONG_TERM]


def test_measures_numbered_after_a_label_in_one_paragraph_are_one_each() -> None:
    body = """（一）履行职能职责方面

问题1：违法占地查处不及时。

整改情况：1.开展卫片执法专项行动，对46个图斑逐一核查，已立案查处9宗；2.建立违法用地早发现早制止机制；\
3.与乡镇签订耕地保护目标责任书。整改进度：已完成。

问题2：公务接待管理不规范。

整改情况：1.修订公务接待管理办法；2.清退违规费用0.86万元。整改进度：正在推进。
"""
    first, second = _issues(_HEAD + body + _TAIL)
    assert [m.text for m in first.measures] == [
        "开展卫片执法专项行动，对46个图斑逐一核查，已立案查处9宗；", "建立违法用地早发现早制止机制；",
        "与乡镇签订耕地保护目标责任书。"]
    assert [m.status for m in first.measures] == [Status.DONE] * 3
    assert len(second.measures) == 2
    assert {m.status for m in second.measures} == {Status.IN_PROGRESS}


def test_a_village_notice_closing_without_section_three_ends_its_items() -> None:
    text = """某某村党支部关于镇党委巡察整改情况的公示

2025年5月，镇党委巡察组对我村进行了巡察，反馈问题2个。现将整改情况公示如下：

一、财务管理方面

1、白条入账。整改情况：对白条逐笔清理，补齐正规票据。（已完成）

2、村干部报酬发放未公示。整改情况：村干部报酬每季度在村务公开栏公示。（长期坚持）

公示时间：2025年9月1日至9月7日。公示期间如有异议，请向村务监督委员会或镇纪委反映。
镇纪委电话：0791-86012345

某某村党支部
2025年9月1日
"""
    parsed = parse_notice(text)
    issues = [i for a in parsed.ledger.aspects for i in a.issues()]
    assert [len(i.measures) for i in issues] == [1, 1]
    assert [i.measures[0].status for i in issues] == [Status.DONE, Status.LONG_TERM]
    assert parsed.ledger.info.phone == "0791-86012345"
    assert not any("公示时间" in m.text for i in issues for m in i.measures)
