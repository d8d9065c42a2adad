"""The 整改进展情况的通报 (progress notice): parse a published notice into a ledger, render a
ledger as a notice, and check the totals a notice states. Pure — no file access here; the
.docx edge is :mod:`rectxl.io.docx_notice` (writing) and :mod:`rectxl.io.docx_read` (reading).

The names below are imported from their modules when first used (PEP 562): ``rectxl check`` reads
the totals a 基本信息 paragraph states (:mod:`rectxl.core.notice.totals`) and has no use for the
parser and the renderer — importing them costs ~60 ms of a small ledger's ~150 ms check.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rectxl.core.notice.parse import (
        UNPLACED_KEY,
        NoticeParseError,
        ParsedNotice,
        infer_status,
        parse_notice,
    )
    from rectxl.core.notice.render import (
        Block,
        BlockKind,
        compose_preamble,
        issue_paragraph,
        notice_blocks,
        render_blocks,
        render_notice,
        render_section_two,
        section_two_blocks,
    )
    from rectxl.core.notice.totals import StatedTotals, TotalCheck, check_totals, extract_stated_totals
    from rectxl.core.text import normalize_for_compare

#: name → the module it is defined in
_HOMES = {
    **dict.fromkeys(["UNPLACED_KEY", "NoticeParseError", "ParsedNotice", "infer_status", "parse_notice"],
                    "rectxl.core.notice.parse"),
    **dict.fromkeys(["Block", "BlockKind", "compose_preamble", "issue_paragraph", "notice_blocks", "render_blocks",
                     "render_notice", "render_section_two", "section_two_blocks"], "rectxl.core.notice.render"),
    **dict.fromkeys(["StatedTotals", "TotalCheck", "check_totals", "extract_stated_totals"],
                    "rectxl.core.notice.totals"),
    "normalize_for_compare": "rectxl.core.text",
}

__all__ = [
    "UNPLACED_KEY",
    "Block",
    "BlockKind",
    "NoticeParseError",
    "ParsedNotice",
    "StatedTotals",
    "TotalCheck",
    "check_totals",
    "compose_preamble",
    "extract_stated_totals",
    "infer_status",
    "issue_paragraph",
    "normalize_for_compare",
    "notice_blocks",
    "parse_notice",
    "render_blocks",
    "render_notice",
    "render_section_two",
    "section_two_blocks",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
