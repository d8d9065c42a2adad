"""Property tests for the notice parser and renderer (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rectxl.core.model import Aspect, Category, Issue, Ledger, Measure
from rectxl.core.notice import (
    NoticeParseError,
    ParsedNotice,
    normalize_for_compare,
    parse_notice,
    render_notice,
    render_section_two,
)
from rectxl.core.notice.parse import _parse_notice
from tests.seeds import seed_text

# Pieces that steer random text into the parser's interesting paths.
TOKENS = [
    "一、", "二、", "三、", "四、", "二.", "(一)", "(二)", "(十二)", "(一)", "第一方面问题,",
    "第二方面", "1.", "2、", "33.", "1.", "(1)", "(2)", "一是", "二是", "三是", "十一是",
    "。", ".", ",", ";", ":", "\n", "\n\n", "\u3000\u3000", " ", "方面", "在", "关于", "问题",
    "整改情况:", "已完成", "拟", "将于", "长期坚持", "2023年3月16日至5月31日", "2024年5月13日",
    "二〇二四年五月十三日", "区委第三巡察组对", "进行了巡察", "反馈", "个问题", "三大方面",
    "148项整改措施", "已完成整改19个", "完成率76%", "百分之", "欢迎", "联系方式:电话 010-1234",
    "邮编:100000", "邮政信箱:", "a@b.cn", "公开期限:", "中共某某党组", "【打印】", "来源:网",
    "# ", "**", "\\*", "2.5", "9999999999999", "13月45日", "\r\n", "\t", "\x00", "\ufeff",
    # layouts of other agencies: headings by words, labels, tables, traditional text, debris
    "整改落实情况", "反馈问题整改情况", "下一步工作打算", "书记组织落实整改情况", "整改措施:",
    "整改进展:", "(1)关于", "问题的整改", "①", "1)", "第一方面:", "问題", "巡察組", "反饋",
    "長期堅持", "您的位置:首页 > ", "【字号:大 中 小】", "(转载)", "序号\t反馈问题\t整改措施\t整改进展",
    "1\t问题甲\t1.措施;2.措施\t1.已完成;2.正在推进", "| 序号 | 问题 | 整改措施 |", "|---|---|---|",
    "并于7月2日反馈", "于3月10日至5月8日对", "五方面", "“86”项", "分别领办2个问题",
    "解决一个问题", "其余6个问题", "细化形成86条整改任务", "已完成“74”项", "下一步,",
]

notice_like = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60,
).map("".join)


def _only_notice_errors(text: str) -> None:
    for parse in (_parse_notice, parse_notice):  # unguarded core, then the public function
        try:
            result = parse(text)
        except NoticeParseError as exc:
            assert str(exc)
        else:
            assert isinstance(result, ParsedNotice)
            if not any(True for _ in result.ledger.issues()):
                # no items: a notice cut short (a warning saying what is missing), or one that ends
                # as a whole notice does (a warning saying the items were not found)
                assert result.warnings
                if result.complete:
                    assert any("没有逐项列出" in w or "没有找到逐项列出" in w for w in result.warnings)
                else:
                    assert any("不完整" in w for w in result.warnings)
            if not result.complete:
                assert result.warnings


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_parses_or_raises_notice_error(text: str) -> None:
    _only_notice_errors(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice_like)
@example("巡察組邮政信箱:\n中共某某党组")  # signed, not dated, no items: the warning says it is signed
def test_notice_like_text_parses_or_raises_notice_error(text: str) -> None:
    _only_notice_errors(text)


@settings(max_examples=200, deadline=None)
@given(notice_like)
@example("(一)\n。一、")  # a measure that is only a full stop
@example("(一)\n。.0")  # a measure opening with a mark
@example("(一)一、\n欢迎")  # rendered unsigned and undated: the placeholders read back as its tail
@example("(一)第一方面问题,。一、")  # a measure that is only a numeral and its mark ("一、", "二."): none
@example("(一)第一方面问题,。二.")
@example("1.细化形成86条整改任务0\n方面")  # "1.…方面" with nothing under it: an aspect headed "1." again
@example("(一)2023年3月16日至5月31日\n在")  # a problem with nothing under it: its title alone, no full stop
@example("(一)。:一、一、(1)")  # a title opening with a colon, then a mark: the mark goes too
@example("(一)(1)方面一、(1)(1)")  # a problem's account that is only a list mark ("（1）"): nothing said
def test_parsed_text_renders_stably(text: str) -> None:
    try:
        ledger = parse_notice(text).ledger
    except NoticeParseError:
        return
    once = render_notice(ledger)
    assert render_notice(ledger) == once
    again = parse_notice(once).ledger
    assert render_notice(again) == render_notice(parse_notice(render_notice(again)).ledger)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_rendering_a_parsed_seed_twice_is_stable(prefix: str) -> None:
    ledger = parse_notice(seed_text(prefix)).ledger
    text = render_notice(ledger)
    assert render_notice(ledger) == text
    reparsed = parse_notice(text).ledger
    assert render_notice(reparsed) == text
    assert render_section_two(reparsed) == render_section_two(ledger)


# ---------------------------------------------------------------------------
# Ledgers → notice → ledger keeps the structure and the wording
# ---------------------------------------------------------------------------

WORDS = st.text(alphabet="整改落实制度建设管理工作推进会议学习党组织责任监督检查专项培训",
                min_size=1, max_size=12)
MEASURE = st.builds(lambda a, b, end: a + ("," + b if b else "") + end,
                    WORDS, st.one_of(st.just(""), WORDS), st.sampled_from(["", "。", ";"]))


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    with_categories = draw(st.booleans())
    aspects = []
    for _ in range(draw(st.integers(1, 3))):
        categories = []
        for _ in range(draw(st.integers(1, 3)) if with_categories else 1):
            issues = [
                Issue(title=draw(WORDS), measures=[Measure(text=t) for t in draw(
                    st.lists(MEASURE, min_size=1, max_size=4))])
                for _ in range(draw(st.integers(1, 3)))
            ]
            categories.append(Category(title=draw(WORDS) if with_categories else None,
                                       issues=issues))
        aspects.append(Aspect(title=draw(WORDS) + "方面", categories=categories))
    return Ledger(aspects=aspects)


def _end(text: str) -> str:
    return normalize_for_compare(text if text[-1] in "。;" else text + "。")


@settings(max_examples=150, deadline=None)
@given(ledgers(), st.sampled_from(["text", "markdown"]))
def test_ledger_survives_render_and_parse(ledger: Ledger, style: str) -> None:
    back = parse_notice(render_notice(ledger, style=style)).ledger  # type: ignore[arg-type]
    assert [a.title for a in back.aspects] == [a.title for a in ledger.aspects]
    assert [c.title for a in back.aspects for c in a.categories] == [
        c.title for a in ledger.aspects for c in a.categories]
    assert [i.title for i in back.issues()] == [i.title for i in ledger.issues()]
    # the renderer writes full-width punctuation: compare the wording, not the widths
    assert [[normalize_for_compare(m.text) for m in i.measures] for i in back.issues()] == [
        [_end(m.text) for m in i.measures] for i in ledger.issues()]
    assert render_section_two(back) == render_section_two(ledger)
