"""Rendering the notice (rectxl.core.notice.render_*): the seeds' section 二 round trip, ledgers
built by hand, placeholders, the whole notice as text/Markdown and back."""

from __future__ import annotations

import copy
from dataclasses import asdict, is_dataclass
from datetime import date

import pytest

from rectxl.core.model import Aspect, Category, Issue, Ledger, LedgerInfo, Measure
from rectxl.core.notice import (
    normalize_for_compare,
    notice_blocks,
    parse_notice,
    render_notice,
    render_section_two,
)
from tests.seeds import seed_text


def original_section_two(text: str) -> str:
    """The text between the "二、" heading line and the "三、" heading line."""
    lines = [line.strip().strip("\u3000") for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("三、"))
    return "\n".join(lines[start + 1:end])


# ---------------------------------------------------------------------------
# The acceptance test: parse → ledger → render_section_two == the original section 二
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "004"])
def test_seed_section_two_round_trip(prefix: str) -> None:
    text = seed_text(prefix)
    ledger = parse_notice(text).ledger
    rendered = render_section_two(ledger)
    assert normalize_for_compare(rendered) == normalize_for_compare(original_section_two(text))


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_seed_section_two_line_by_line(prefix: str) -> None:
    """Same paragraphs too, not only the same characters."""
    text = seed_text(prefix)
    rendered = render_section_two(parse_notice(text).ledger).split("\n")
    original = [line for line in original_section_two(text).split("\n") if line]
    assert [normalize_for_compare(x) for x in rendered] == [
        normalize_for_compare(x) for x in original]


def test_seed000_shape() -> None:
    lines = render_section_two(parse_notice(seed_text("000")).ledger).split("\n")
    # the notice is published with full-width punctuation, whatever the source was typed with
    assert lines[0] == "第一方面问题，破局攻坚能力不强，推动全区卫生健康事业高质量发展有差距"
    assert lines[1] == "（一）学思践悟习近平新时代中国特色社会主义思想不扎实问题"
    assert lines[2].startswith("1.针对理论学习自觉性不强问题。一是已建立区卫生健康局党组")
    assert "（十二）干部人才队伍建设有不足问题" in lines
    assert lines[-1].startswith("33.针对专业人才流失严重问题。一是")


def test_seed004_shape_and_plain_issues() -> None:
    lines = render_section_two(parse_notice(seed_text("004")).ledger).split("\n")
    assert lines[0] == "（一）关于落实上级决策部署方面"
    assert lines[1].startswith("1.夯实政治理论学习。常态化严格执行")
    assert "一是" not in lines[1]
    aspect2 = lines.index("（二）落实全面从严治党责任方面")
    assert lines[aspect2 + 1].startswith("1.认真落实“两个责任”。落实全面从严治党主体责任")
    assert "一是" not in lines[aspect2 + 1] and "一是" not in lines[aspect2 + 2]


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_rendering_twice_is_stable(prefix: str) -> None:
    ledger = parse_notice(seed_text(prefix)).ledger
    assert render_section_two(ledger) == render_section_two(copy.deepcopy(ledger))
    assert render_notice(ledger) == render_notice(ledger)


@pytest.mark.parametrize("style", ["text", "markdown"])
@pytest.mark.parametrize("prefix", ["000", "004"])
def test_whole_notice_round_trip(prefix: str, style: str) -> None:
    first = parse_notice(seed_text(prefix)).ledger
    text = render_notice(first, style=style)  # type: ignore[arg-type]
    second = parse_notice(text).ledger
    # the same structure and wording (the rendering writes full-width punctuation)
    assert _comparable(second.aspects) == _comparable(first.aspects)
    a, b = asdict(first.info), asdict(second.info)
    if a["title"] is None:  # seed 000 has no title: the renderer composes one
        assert b["title"] == "中共广州市海珠区卫生健康局党组关于巡察整改进展情况的通报"
        a["title"] = b["title"]
    assert _comparable(a) == _comparable(b)
    assert render_notice(second, style=style) == text  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Ledgers built by hand (as the workbook reader produces them)
# ---------------------------------------------------------------------------

def _comparable(value: object) -> object:
    """Models and strings with punctuation width and spacing folded (normalize_for_compare)."""
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    return normalize_for_compare(value) if isinstance(value, str) else value


def m(text: str, progress: str = "") -> Measure:
    return Measure(text=text, progress=progress)


def test_ledger_with_categories_numbers_run_on() -> None:
    ledger = Ledger(aspects=[
        Aspect(title="政治建设方面", number=1, categories=[
            Category(title="学习不深入问题", issues=[
                Issue(title="理论学习不够", number=1,
                      measures=[m("建立学习制度"), m("开展专题学习", "已开展专题学习3次")]),
            ]),
        ]),
        Aspect(title="作风建设方面", categories=[
            Category(title="形式主义问题", issues=[
                Issue(title="会议过多", measures=[m("精简会议。")]),
                Issue(title="文件过多。", number=7, measures=[m("一是压减文件"), m("2.规范发文;")]),
            ]),
        ]),
    ])
    # numbered afresh, running on across aspects: the ledger's 7 is not published
    assert render_section_two(ledger).split("\n") == [
        "第一方面，政治建设方面的问题",
        "（一）学习不深入问题",
        "1.理论学习不够。一是建立学习制度。二是已开展专题学习3次。",
        "第二方面，作风建设方面的问题",
        "（二）形式主义问题",
        "2.会议过多。精简会议。",
        "3.文件过多。一是压减文件。二是规范发文；",
    ]


def test_ledger_without_categories_restarts_numbers() -> None:
    ledger = Ledger(aspects=[
        Aspect(title="关于落实决策部署方面", categories=[Category(issues=[
            Issue(title="学习不够", measures=[m("常态化学习")]),
            Issue(title="推进不力", measures=[m("加快推进"), m("已建立台账")]),
        ])]),
        Aspect(title="关于组织建设方面", categories=[Category(issues=[
            Issue(title="换届不及时", measures=[]),
        ])]),
    ])
    assert render_section_two(ledger).split("\n") == [
        "（一）关于落实决策部署方面",
        "1.学习不够。常态化学习。",
        "2.推进不力。一是加快推进。二是已建立台账。",
        "（二）关于组织建设方面",
        "1.换届不及时。",
    ]


def test_measure_style_is_honoured() -> None:
    issue = Issue(title="问题", number=3, measures=[m("甲"), m("乙")], measure_style="paren")
    single = Issue(title="问题", number=4, measures=[m("甲")], measure_style="ordinal")
    plain = Issue(title="问题", number=5, measures=[m("甲"), m("乙")], measure_style="plain")
    ledger = Ledger(aspects=[Aspect(categories=[Category(issues=[issue, single, plain])])])
    assert render_section_two(ledger).split("\n") == [
        "1.问题。（1）甲。（2）乙。",
        "2.问题。一是甲。",
        "3.问题。一是甲。二是乙。",  # several measures always need markers
    ]


def test_multiline_progress_becomes_one_segment() -> None:
    issue = Issue(title="问题", number=1, measures=[m("修订制度", "已完成初稿\n已征求意见。")])
    ledger = Ledger(aspects=[Aspect(categories=[Category(issues=[issue])])])
    assert render_section_two(ledger) == "1.问题。修订制度，已完成初稿；已征求意见。"


# ---------------------------------------------------------------------------
# The whole notice: blocks, placeholders, composed preamble, Markdown
# ---------------------------------------------------------------------------

def small_ledger(info: LedgerInfo | None = None) -> Ledger:
    return Ledger(info=info or LedgerInfo(), aspects=[Aspect(title="关于作风建设方面", categories=[
        Category(issues=[Issue(title="会议过多", number=1, measures=[m("已精简会议")])])])])


def test_placeholders_when_info_is_empty() -> None:
    text = render_notice(small_ledger())
    for what in ("单位名称", "巡察组", "巡察起止日期", "反馈日期", "被巡察单位",
                 "整改工作组织领导情况", "下一步工作打算", "联系电话", "邮寄地址", "邮编",
                 "电子邮箱", "落款（党组织名称）", "成文日期"):
        assert f"【请填写{what}】" in text, what
    assert "1.会议过多。已精简会议。" in text
    # a notice with placeholders parses back to "not known"
    info = parse_notice(text).ledger.info
    assert info.party_org is None and info.phone is None and info.section_one is None


def test_preamble_composed_from_info() -> None:
    info = LedgerInfo(unit_name="区卫生健康局党组", inspection_group="区委第三巡察组",
                      inspection_start=date(2023, 3, 16), inspection_end=date(2023, 5, 31),
                      feedback_date=date(2023, 6, 27), party_org="中共某区卫生健康局党组",
                      report_date=date(2024, 5, 13), phone="020-1234567", address="某路1号",
                      postcode="510000", email="a@b.cn", section_one="加强领导。",
                      section_three="(一)巩固成果。持续整改。")
    blocks = notice_blocks(small_ledger(info))
    assert blocks[0] == ("title", "中共某区卫生健康局党组关于巡察整改进展情况的通报")
    assert blocks[1] == ("body", (
        "根据区委统一部署，2023年3月16日至5月31日，区委第三巡察组对区卫生健康局党组"
        "进行了巡察。2023年6月27日，区委第三巡察组向区卫生健康局党组反馈了巡察意见。"
        "按照巡察工作有关要求，现将巡察整改进展情况予以公布。"))
    kinds = [k for k, _ in blocks]
    assert [t for k, t in blocks if k == "heading1"] == [
        "一、整改工作组织领导情况", "二、巡察反馈问题整改落实情况", "三、下一步工作打算"]
    assert ("lead", "（一）巩固成果。持续整改。") in blocks
    assert kinds[-2:] == ["signature", "date"]
    assert blocks[-1] == ("date", "2024年5月13日")
    contacts = "联系方式：电话 020-1234567；邮寄地址：某路1号；邮编：510000；电子邮箱：a@b.cn。"
    assert ("closing", contacts) in blocks
    assert "【请填写" not in render_notice(small_ledger(info))
    back = parse_notice(render_notice(small_ledger(info))).ledger.info
    assert (back.inspection_group, back.unit_name, back.feedback_date) == (
        "区委第三巡察组", "区卫生健康局党组", date(2023, 6, 27))
    assert (back.inspection_start, back.inspection_end) == (date(2023, 3, 16), date(2023, 5, 31))


def test_text_style_layout() -> None:
    text = render_notice(parse_notice(seed_text("004")).ledger)
    paragraphs = text.rstrip("\n").split("\n\n")
    assert paragraphs[0].startswith("中共深圳市保健委员会办公室委员会关于")
    assert paragraphs[1].startswith("\u3000\u3000根据市委统一部署")
    assert paragraphs[-2:] == ["中共深圳市保健委员会办公室委员会", "2025年9月18日"]
    assert "公开期限：2025年9月18日至10月18日。" in text


def test_markdown_style() -> None:
    md = render_notice(parse_notice(seed_text("000")).ledger, style="markdown")
    lines = md.split("\n")
    assert lines[0] == "# 中共广州市海珠区卫生健康局党组关于巡察整改进展情况的通报"
    assert "## 一、提高政治站位，强化整改责任，全力推进巡察整改" in lines
    assert "### 第一方面问题，破局攻坚能力不强，推动全区卫生健康事业高质量发展有差距" in lines
    assert "#### （一）学思践悟习近平新时代中国特色社会主义思想不扎实问题" in lines
    # the full stop after the closing ** (CommonMark would not close the bold between "。" and "一")
    assert any(x.startswith("**1.针对理论学习自觉性不强问题**。一是") for x in lines)
    assert "电子邮箱：gzhzqwsj@126.com。" in md


def test_unknown_style_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        render_notice(small_ledger(), style="html")  # type: ignore[arg-type]


def test_an_address_given_under_laixin_qingji_keeps_its_word() -> None:
    """"来信请寄：…" in a published notice is written back under the same words, not 邮寄地址."""
    from rectxl.core.notice import parse_notice
    from rectxl.core.notice.render import contact_line

    text = ("中共某县某局党组关于巡察整改进展情况的通报\n"
            "根据县委统一部署，县委第一巡察组对某局党组开展了巡察。现将整改进展情况予以公布。\n"
            "一、整改工作组织领导情况\n局党组成立整改工作领导小组。\n"
            "二、整改落实情况\n（一）党的建设方面\n1.学习制度执行不严的问题。一是修订学习制度。\n"
            "三、下一步工作打算\n持续抓好整改。\n"
            "欢迎广大干部群众监督。监督电话：0000-1234567；来信请寄：某县某路1号某局办公室；邮编：000000。\n"
            "中共某县某局党组\n2026年11月20日\n")
    info = parse_notice(text).ledger.info
    assert info.address == "某县某路1号某局办公室"
    assert "来信请寄：某县某路1号某局办公室" in contact_line(info)
