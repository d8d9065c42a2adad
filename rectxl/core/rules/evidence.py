"""Rules on 佐证材料: present for finished work, and naming files that exist."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rectxl.core import fields as F
from rectxl.core.closure import is_accepted
from rectxl.core.findings import Finding, Severity
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.text import LazyPattern, is_placeholder

__all__ = ["FILE_NAME"]

#: a file name as clerks write it in the evidence cell: "会议纪要.pdf", "附件/照片1.jpg"
FILE_NAME = LazyPattern(
    r"[^\s、,，;；:：“”\"'《》()（）]+?\.(?:pdf|docx?|xlsx?|xlsm|wps|et|ofd|jpe?g|png|bmp|tiff?|zip|rar|7z|txt|mp4|pptx?)\b",
    re.IGNORECASE,
)


#: where an item of an evidence list starts: after a list mark, a label's colon or a line break
_ITEM_START = LazyPattern(r"[、,，;；:：\n]")


#: what opens a link's path: "file:///", "./"
_LINK_FILE = LazyPattern(r"^(?:file:/*|\./)", re.IGNORECASE)


def _beside(name: str, files: frozenset[str]) -> bool:
    """``name`` (maybe with a folder) is among the files beside the ledger."""
    return name.lower() in files or name.rsplit("/", 1)[-1].lower() in files


@rule(
    "missing-evidence", Severity.WARNING,
    "状态为已完成，但佐证材料为空（仅当有佐证材料列时检查；单元格中的图片（WPS 嵌入单元格图片、Excel 放置在单元格中、="
    "IMAGE()）、左上角在该单元格内的浮动图片或嵌入的文件图标都算已提供；已验收、已销号的见 closed-without-evidence）。",
    "第{row}行状态为已完成，但未列出佐证材料：请填写佐证材料名称（会议纪要、制度文件、照片等）。",
)
def missing_evidence(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.done:
        if ((not m.evidence or is_placeholder(m.evidence)) and ctx.has_column(m, F.EVIDENCE)
                and not is_accepted(m)):
            yield r.at(ctx, m, F.EVIDENCE)


@rule(
    "evidence-file-missing", Severity.WARNING,
    "佐证材料写了文件名（或单元格的超链接指向一个文件：查找链接指向的文件，不看单元格里的文字；插入的超链接、"
    "=HYPERLINK(\"…\",\"…\") 公式（链接由本行单元格拼成的，如 =HYPERLINK(\"附件\\\"&A3&\".pdf\",\"查看\")、"
    "用 TEXT(A3,\"000\")、ROW() 编号的及向下填充的，按各行的值算出文件名），.xlsx、.xls、.xlsb、.ods 都读），"
    "但台账所在文件夹里没有这个文件"
    "（命令行检查文件时才检查）。",
    "佐证材料“{name}”在台账所在文件夹中找不到：请把文件放到台账旁边，或改正文件名。",
)
def evidence_file_missing(r: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.sibling_files is None:
        return
    files: frozenset[str] | None = None
    for m in ctx.measures:
        if m.evidence_link:  # the file the cell's link opens is the evidence, whatever the text says
            # (a link to a folder of evidence files is not looked into)
            files = ctx.files_beside() or frozenset() if files is None else files
            link = _LINK_FILE.sub("", m.evidence_link.replace("\\", "/"))
            if "." in link.rsplit("/", 1)[-1] and not _beside(link, files):  # not a folder
                yield r.at(ctx, m, F.EVIDENCE, name=link)
            continue
        if "." not in m.evidence:  # no file name without an extension
            continue
        for match in FILE_NAME.finditer(m.evidence):
            if files is None:  # the folder is listed once a file name is found
                files = ctx.files_beside() or frozenset()
            # the name as matched stops at a space, 《》 or （）; the whole item of the list may be
            # the file's name ("1-1 党组会议纪要.pdf", "关于印发《…方案》的通知.pdf")
            item = _ITEM_START.split(m.evidence[:match.start()])[-1] + match.group()
            names = [n.strip().replace("\\", "/") for n in dict.fromkeys((item, match.group()))]
            if not any(_beside(n, files) for n in names if n):
                yield r.at(ctx, m, F.EVIDENCE, name=names[0])
