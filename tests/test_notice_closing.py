"""The period a published notice is open to comment, in the words other offices give it: kept
when the notice is parsed, and printed again (公开期限：…) when it is rendered. Only "公开期限：…"
and "公示期限：…" had been read; "公示时间为…", "请于…期间反映", "公示期内（…—…）" and "反映时间："
were dropped, and the re-rendered notice lost the period. A range of days elsewhere in the
closing (not about comment) is not taken for it.

The notice is written for this file about a fictional unit."""

from __future__ import annotations

import pytest

from rectxl.core.notice import parse_notice, render_notice

_NOTICE = """中共某县自然资源局党组关于县委巡察整改进展情况的通报

根据县委统一部署，2025年3月10日至5月16日，县委第三巡察组对县自然资源局党组开展了常规巡察。2025年6月20日，\
县委第三巡察组向县自然资源局党组反馈了巡察意见。现将巡察整改进展情况予以公布。

一、整改工作组织情况

局党组成立整改工作领导小组，逐条制定整改措施。

二、巡察反馈问题整改落实情况

（一）贯彻落实党的路线方针政策方面

1.耕地保护责任落实不到位问题。一是开展违法占地专项排查，已完成；二是建立耕地保护网格化巡查机制，已完成。

三、下一步工作打算

局党组将持续巩固整改成果。

欢迎广大干部群众对巡察整改落实情况进行监督。{closing}联系电话：0000-1234567；邮政编码：000000。

中共某县自然资源局党组
2025年9月18日
"""


@pytest.mark.parametrize(("closing", "period"), [
    ("如有意见建议，请及时向我们反映。公开期限：2025年9月18日至10月18日。", "2025年9月18日至10月18日"),
    ("如有意见建议，请于2025年9月18日至10月18日期间向我们反映。", "2025年9月18日至10月18日"),
    ("公示时间为2025年9月18日至10月18日，如有意见建议，请在此期间通过以下方式反映。", "2025年9月18日至10月18日"),
    ("如有意见建议，请在公示期内（2025年9月18日—10月18日）及时向我们反映。", "2025年9月18日—10月18日"),
    ("反映时间：2025年9月18日至2025年10月18日。", "2025年9月18日至2025年10月18日"),
    ("公开时间：2025年9月18日至10月18日（共30天）。", "2025年9月18日至10月18日"),
    ("意见受理时间：2025.9.18-2025.10.18。", "2025.9.18-2025.10.18"),
])
def test_the_comment_period_is_kept_and_printed_again(closing: str, period: str) -> None:
    parsed = parse_notice(_NOTICE.format(closing=closing))
    assert parsed.ledger.info.extra.get("公开期限") == period
    assert f"公开期限：{period}。" in render_notice(parsed.ledger)


def test_a_closing_with_no_period_gives_none() -> None:
    closing = "如有意见建议，请及时向我们反映。本局2025年1月1日至12月31日的工作要点另行公布。"
    parsed = parse_notice(_NOTICE.format(closing=closing))
    assert "公开期限" not in parsed.ledger.info.extra
    assert "公开期限" not in render_notice(parsed.ledger)
