"""Checks that protect the user's files before rectxl writes a workbook.

openpyxl (the writer) keeps cells, styles, merges, validations, conditional formats, comments and
VBA (``keep_vba``), but drops parts it does not model. Before writing a workbook derived from the
user's, the package is inspected and the write refused if something of the user's would be lost.
Parts on rectxl's own output sheets (the summary chart) are rectxl's and are rebuilt, so they
do not count.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from rectxl.errors import UnsafeWriteError
from rectxl.io.ooxml import part_rels, sheet_parts
from rectxl.sheets import OUTPUT_SHEETS

__all__ = ["lossy_parts", "refuse_lossy_write"]

#: relationship type of a sheet → what the user would lose
_SHEET_RELS = {
    "drawing": "图表或图片",
    "pivotTable": "数据透视表",
    "ctrlProp": "表单控件",
    "control": "ActiveX 控件",
    "oleObject": "嵌入对象",
    "package": "嵌入对象",
    "slicer": "切片器",
    "timeline": "日程表",
    "threadedComment": "批注(新版)",
    "table": None,  # openpyxl keeps tables
}
#: workbook-level parts → what the user would lose
_BOOK_PARTS = {
    "xl/externalLinks/": "外部链接",
    "xl/pivotCache/": "数据透视表",
    "xl/slicerCaches/": "切片器",
    "xl/timelineCaches/": "日程表",
}


def lossy_parts(path: Path) -> list[str]:
    """What writing ``path`` back through openpyxl would drop (empty if nothing)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    found: list[str] = []

    def add(label: str | None) -> None:
        if label and label not in found:
            found.append(label)

    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            for prefix, label in _BOOK_PARTS.items():
                if any(n.startswith(prefix) for n in names):
                    add(label)
            for sheet, part in sheet_parts(zf).items():
                if sheet in OUTPUT_SHEETS:
                    continue
                for kind, _target in part_rels(zf, part).values():
                    add(_SHEET_RELS.get(kind))
    except (zipfile.BadZipFile, OSError, KeyError):
        return found
    return found


def refuse_lossy_write(path: Path) -> None:
    """Raise :class:`UnsafeWriteError` if a workbook written from ``path`` would lose parts."""
    lost = lossy_parts(path)
    if lost:
        raise UnsafeWriteError(
            f"{path.name} 含有{'、'.join(lost)},rectxl 写入工作簿时会丢失这些内容,因此未写入。"
            "请另存一份删除这些内容的副本再标记,或改用 rectxl check / rectxl summary(只生成新文件)。"
        )
