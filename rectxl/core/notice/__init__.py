"""The 整改进展情况的通报 (progress notice): parse a published notice into a ledger, render a
ledger as a notice, and check the totals a notice states. Pure — no file access here; the
.docx edge is :mod:`rectxl.io.docx_notice` (writing) and :mod:`rectxl.io.docx_read` (reading)."""

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
