"""Ledger columns: canonical names, header aliases and how a header cell maps to a field.

Field identifiers are the canonical Chinese column names: they are what a clerk sees in the
ledger's header row, what a finding's ``field`` says, and they never change once released.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ALIASES",
    "ASPECT",
    "CATEGORY",
    "COMPLETED",
    "DEADLINE",
    "EVIDENCE",
    "HIERARCHY_FIELDS",
    "ISSUE",
    "ISSUE_NO",
    "LEAD",
    "MEASURE",
    "OWNER_PERSON",
    "OWNER_UNIT",
    "PROGRESS",
    "REMARK",
    "REQUIRED_FIELDS",
    "STATUS",
    "TEMPLATE_COLUMNS",
    "field_for_header",
    "header_key",
]

ASPECT: Final = "方面"
CATEGORY: Final = "问题类别"
ISSUE_NO: Final = "问题序号"
ISSUE: Final = "具体问题"
MEASURE: Final = "整改措施"
LEAD: Final = "责任领导"
OWNER_UNIT: Final = "责任单位"
OWNER_PERSON: Final = "责任人"
DEADLINE: Final = "整改时限"
STATUS: Final = "整改状态"
COMPLETED: Final = "完成时间"
PROGRESS: Final = "整改进展"
EVIDENCE: Final = "佐证材料"
REMARK: Final = "备注"

#: Columns a ledger must have (DESIGN.md §3, ``header-missing``).
REQUIRED_FIELDS: Final = (ISSUE, MEASURE, OWNER_UNIT, DEADLINE, STATUS)
#: Columns whose merged or blank cells carry the hierarchy down to the measure rows.
HIERARCHY_FIELDS: Final = (ASPECT, CATEGORY, ISSUE_NO, ISSUE)

#: The template's column order (``rectxl new``) and the order findings and sheets use.
TEMPLATE_COLUMNS: Final = (
    ASPECT, CATEGORY, ISSUE_NO, ISSUE, MEASURE, LEAD, OWNER_UNIT, OWNER_PERSON,
    DEADLINE, STATUS, COMPLETED, PROGRESS, EVIDENCE, REMARK,
)

#: Header text (after :func:`header_key`) → field. DESIGN.md §2 lists the aliases real ledgers use.
ALIASES: Final[dict[str, str]] = {
    **dict.fromkeys(["方面", "问题方面", "反馈问题方面", "问题类型方面", "所属方面", "方面问题"], ASPECT),
    **dict.fromkeys(["问题类别", "类别", "问题类型", "问题分类", "类别问题"], CATEGORY),
    **dict.fromkeys(["问题序号", "问题编号", "问题号"], ISSUE_NO),
    **dict.fromkeys(
        ["具体问题", "问题", "巡察反馈问题", "存在问题", "反馈问题", "问题描述", "问题表现",
         "巡察发现问题", "问题清单", "主要问题"], ISSUE),
    **dict.fromkeys(["整改措施", "措施", "具体整改措施", "整改任务", "整改举措"], MEASURE),
    **dict.fromkeys(["责任领导", "分管领导", "牵头领导", "责任领导人", "分管局领导"], LEAD),
    **dict.fromkeys(
        ["责任单位", "责任部门", "责任科室", "牵头单位", "责任主体", "牵头部门", "责任处室",
         "牵头科室", "责任单位部门"], OWNER_UNIT),
    **dict.fromkeys(["责任人", "经办人", "具体责任人", "直接责任人", "联系人"], OWNER_PERSON),
    **dict.fromkeys(
        ["整改时限", "完成时限", "整改期限", "时限要求", "整改时间", "完成期限", "时限"], DEADLINE),
    **dict.fromkeys(
        ["整改状态", "完成情况", "整改情况", "是否完成", "整改完成情况", "状态", "进度状态"],
        STATUS),
    **dict.fromkeys(["完成时间", "完成日期", "实际完成时间", "办结时间", "销号时间"], COMPLETED),
    **dict.fromkeys(
        ["整改进展", "进展情况", "整改落实情况", "整改进展情况", "工作进展", "落实情况"], PROGRESS),
    **dict.fromkeys(["佐证材料", "佐证资料", "整改佐证", "佐证", "证明材料", "佐证材料清单"], EVIDENCE),
    **dict.fromkeys(["备注", "说明"], REMARK),
}

_NOISE = re.compile(r"[（(][^)）]*[)）]|[\s\u3000*＊※:：\[\]【】]")


def header_key(text: object) -> str:
    """Reduce a header cell to the form the alias table is keyed on.

    Drops whitespace (incl. full-width and line breaks), required-field stars and any
    parenthesised note, e.g. ``"整改时限\\n(年月日)*"`` → ``"整改时限"``.
    """
    if text is None:
        return ""
    return _NOISE.sub("", str(text))


def field_for_header(text: object) -> str | None:
    """The field a header cell names, or ``None`` when it names none."""
    return ALIASES.get(header_key(text))
