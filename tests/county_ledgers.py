"""Ledgers built the way county bureaus and township committees really build them (Excel / WPS).

These are *not* shaped like rectxl's own template: title rows and 填报单位/填报日期 rows above the
header, aspect headings as merged rows across the table, two-row headers whose parent label
(责任主体) must never stand for a child, a 序号 merged per issue (an issue number) next to ones that
only number rows, status cells that carry a narrative ("已完成。已约谈3个乡镇……"), township
status words (是否办结: 已办结/未办结/是), hidden helper columns, hidden stale sheets, ledgers spread
over 台账（一）/台账（二）, header words no fixed list has, and formulas a script wrote without ever
computing them.

Each builder writes one real .xlsx with openpyxl and returns a :class:`CountyCase` that states
the *exact* set of findings a careful auditor expects, as ``(code, sheet, row)``: rows not listed
must not be flagged. Units, people and texts are fictional.

Run ``python -m tests.county_ledgers`` (or ``python tests/county_ledgers.py``) to build all of them
into a temporary folder and compare ``rectxl check --format json`` with the expectations.
Set ``RECTXL_CMD`` to run another command than ``.venv/bin/rectxl`` (e.g. ``"python -m rectxl"``).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["AS_OF", "BUILDERS", "CountyCase", "set_cached_value"]

#: the as-of date of every case (the 填报日期 the clerks wrote on the title rows)
AS_OF = date(2026, 11, 20)


@dataclass(frozen=True)
class CountyCase:
    """One built ledger and what a correct reader must make of it."""

    name: str
    path: Path
    as_of: date  # pass as --as-of
    expected: frozenset[tuple[str, str, int]]  # exact (code, sheet, row) set
    measures: int  # measures a correct reader finds
    issues: int
    sheets_read: tuple[str, ...]  # ledger sheets a correct reader reads, in order
    units: dict[str, int]  # owner unit (canonical spelling) -> measures
    done: int  # measures whose status means 已完成 (incl. closed / done-and-continuing)
    notes: str  # what traps the ledger holds


# ---------------------------------------------------------------------------------------------
# Small writing helpers (what a clerk's formatting amounts to)
# ---------------------------------------------------------------------------------------------

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _banner(ws: Worksheet, row: int, text: str, last_col: int, *, first_col: int = 1,
            size: int = 16, bold: bool = True) -> None:
    """A text merged across columns (title, 填报单位 row, aspect heading, footer)."""
    cell = ws.cell(row, first_col, text)
    cell.font = Font(name="方正小标宋简体" if size >= 16 else "宋体", size=size, bold=bold)
    cell.alignment = _CENTER if size >= 16 else Alignment(vertical="center", wrap_text=True)
    if last_col > first_col:
        ws.merge_cells(start_row=row, start_column=first_col, end_row=row, end_column=last_col)


def _header(ws: Worksheet, row: int, words: Sequence[str | None], *, first_col: int = 1) -> None:
    for c, word in enumerate(words, start=first_col):
        if word is not None:
            cell = ws.cell(row, c, word)
            cell.font = Font(name="黑体", size=11)
            cell.alignment = _CENTER
            cell.border = _BOX


def _rows(ws: Worksheet, rows: Mapping[int, Sequence[Any]], *, first_col: int = 1) -> None:
    """Write ``{sheet row: values}``; ``None`` leaves a cell empty (as in a merged block)."""
    for r, values in rows.items():
        for c, v in enumerate(values, start=first_col):
            if v is not None:
                cell = ws.cell(r, c, v)
                if isinstance(v, (date, datetime)):
                    cell.number_format = "yyyy年m月d日"


def _merge_down(ws: Worksheet, col: int, blocks: Iterable[tuple[int, int]]) -> None:
    for first, last in blocks:
        if last > first:
            ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def _grid(ws: Worksheet, first_row: int, last_row: int, ncols: int) -> None:
    """Borders and wrapping over the table, as every office formats its ledger."""
    for r in range(first_row, last_row + 1):
        for c in range(1, ncols + 1):
            cell = ws.cell(r, c)
            cell.border = _BOX
            cell.alignment = _WRAP


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _excel_serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}


def set_cached_value(path: Path, sheet: str, ref: str, cached: str | float) -> None:
    """Give the formula in ``sheet!ref`` a cached value, as Excel saves it.

    openpyxl writes every formula with an empty ``<v>`` (never computed); a workbook saved by
    Excel carries the computed value. The cell keeps its formula and style.
    """
    with zipfile.ZipFile(path) as zin:
        infos = zin.infolist()
        parts = {i.filename: zin.read(i.filename) for i in infos}
    wb = etree.fromstring(parts["xl/workbook.xml"])
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    rid = next(s.get(f"{{{_NS['r']}}}id") for s in wb.iterfind("m:sheets/m:sheet", _NS)
               if s.get("name") == sheet)
    target = next(r.get("Target") for r in rels.iterfind("pr:Relationship", _NS) if r.get("Id") == rid)
    part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
    root = etree.fromstring(parts[part])
    cell = root.find(f".//m:sheetData/m:row/m:c[@r='{ref}']", _NS)
    assert cell is not None and cell.find("m:f", _NS) is not None, f"{sheet}!{ref} holds no formula"
    v = cell.find("m:v", _NS)
    if v is None:
        v = etree.SubElement(cell, f"{{{_NS['m']}}}v")
    if isinstance(cached, str):
        cell.set("t", "str")
        v.text = cached
    else:
        cell.attrib.pop("t", None)
        v.text = repr(cached) if isinstance(cached, float) else str(cached)
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(info, parts[info.filename])


# ---------------------------------------------------------------------------------------------
# 1. County bureau: title rows, aspect headings, 序号 merged per issue, status + narrative
# ---------------------------------------------------------------------------------------------

def build_county_bureau_status_narrative(folder: Path) -> CountyCase:
    path = folder / "望川县自然资源局巡察反馈意见整改落实台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"  # never renamed: there is no sheet called 台账
    wb.create_sheet("Sheet2")  # Excel's old default empty sheets, left in the file
    wb.create_sheet("Sheet3")
    ncols = 9
    _banner(ws, 1, "望川县自然资源局党组关于县委第三巡察组反馈意见整改落实台账", ncols)
    _banner(ws, 2, "填报单位（盖章）：中共望川县自然资源局党组", 5, size=12, bold=False)
    _banner(ws, 2, "填报日期：2026年11月20日", ncols, first_col=6, size=12, bold=False)
    _header(ws, 3, ["序号", "存在的问题", "整改措施", "责任领导", "责任股室", "责任人",
                    "整改完成时限", "完成情况", "佐证资料"])
    # aspect headings: merged rows across the whole table
    for r, text in {4: "一、贯彻落实党的路线方针政策和党中央决策部署方面",
                    12: "二、落实全面从严治党战略部署方面",
                    18: "三、落实新时代党的组织路线方面"}.items():
        _banner(ws, r, text, ncols, size=12)
    issues = {  # 序号 (merged per issue: the issue number) and the problem, merged the same way
        (5, 7): (1, "耕地保护责任落实不到位，部分乡镇违法占用耕地问题整改进度缓慢。"),
        (8, 9): (2, "国土空间规划实施监督不够有力，个别建设项目存在未批先建。"),
        (10, 11): (4, "矿产资源监管存在薄弱环节，河道非法采砂问题时有反弹。"),  # no issue 3
        (13, 15): (5, "党组落实全面从严治党主体责任不够到位，对下属单位监督管理偏松偏软。"),
        (16, 17): (6, "财务管理不够规范，部分公务接待费用报销手续不全。"),
        (19, 21): (7, "基层党组织建设薄弱，“三会一课”制度落实不严格。"),
        (22, 23): (8, "干部队伍结构不优，年轻干部培养使用力度不够。"),
    }
    for (first, _last), (no, text) in issues.items():
        ws.cell(first, 1, no)
        ws.cell(first, 2, text)
    # C 整改措施 | D 责任领导 | E 责任股室 | F 责任人 | G 整改完成时限 | H 完成情况 | I 佐证资料
    _rows(ws, {
        5: ["对全县违法占用耕地图斑开展拉网式排查，建立问题清单和整改销号台账。", "周明远", "耕地保护股", "罗晓东",
            "2026年8月31日", "已完成。已约谈3个乡镇分管负责人，督促整改违法占用耕地图斑27宗。",
            "约谈记录、整改销号台账"],
        6: ["落实耕地保护“田长制”，将耕地保护目标纳入乡镇年度综合考核。", None, "耕地保护股", "罗晓东",
            "2026年9月底", "已完成，下一步将严格执行考核制度。", "《望川县耕地保护目标责任考核办法》"],
        7: ["对整改不力的乡镇自然资源所负责人进行提醒谈话。", None, "执法监察大队", "孙浩",
            "立行立改", "已完成。提醒谈话5人次。", "谈话记录"],
        8: ["开展国土空间规划实施情况专项检查，对未批先建项目依法查处。", "何静", "国土空间规划股", "郑一鸣",
            "2026年10月31日", "已完成。共检查在建项目42个，立案查处2个。", "专项检查报告、立案决定书"],
        9: ["健全规划许可联审机制，规范规划条件核实程序。", "何静", "国土空间规划股", "郑一鸣",
            "2027年3月底前", "正在推进，已形成初稿，拟提交局党组会审议。", None],
        10: ["联合水利、公安等部门开展河道非法采砂专项整治行动。", "唐立新", "执法监察大队", "孙浩",
             "2026年9月30日", "已完成。开展联合巡查18次，查处非法采砂案件4起。", "巡查记录、案件卷宗"],
        11: ["建立矿产资源动态巡查和违法采矿举报奖励制度。", "唐立新", "矿产资源管理股", "黄永康",
             "2026年10月底前", "正在推进，制度草案已征求意见，尚未印发。", None],
        13: ["修订党组全面从严治党主体责任清单，明确班子成员“一岗双责”。", "周明远", "办公室", "林佳",
             "2026年7月31日", "已完成，并长期坚持。", "主体责任清单"],
        14: ["每半年听取一次下属事业单位党风廉政建设情况汇报。", "周明远", "办公室", "林佳",
             "长期坚持", "长期坚持。9月已听取不动产登记中心等3家单位专题汇报。", "会议纪要"],
        15: ["对不动产登记中心开展内部巡察式检查。", "何静", "人事股", "王思远",
             "2026年12月31日", "基本完成，检查报告正在修改完善。", None],
        16: ["对2024年以来公务接待费用逐笔清查，补齐审批手续。", "唐立新", "财务股", "邓丽",
             date(2026, 8, 15), "已完成。清查报销凭证326笔，补齐手续9笔。", "清查台账"],
        17: ["修订局机关财务报销管理办法，严格执行公务接待“一函一单”。", "唐立新", None, None,
             "2026年9月", "已完成。新修订的办法已于9月12日印发执行。", "《局机关财务报销管理办法》"],
        19: ["对机关各支部2025年以来“三会一课”记录开展专项检查。", "周明远", "人事股", "王思远",
             "2026年8月31日", "已完成。检查支部4个，督促补正问题12条。", "检查通报"],
        20: ["严格落实支部书记抓党建工作述职评议。", "周明远", "人事股", "王思远",
             "长期坚持", "长期坚持", None],
        21: ["开展党务干部业务培训，提升支部规范化建设水平。", "周明远", "人事股", "王思远",
             "2026年12月底前", "正在推进，已制定培训计划。", None],
        22: ["制定年轻干部培养计划，建立优秀年轻干部人选库。", "何静", "人事股", "王思远",
             "2027年6月30日", "正在推进", None],
        23: ["选派年轻干部到执法一线和乡镇自然资源所跟班锻炼。", "何静", "人事股", "王思远",
             "2026年10月31日", "已完成。选派5名年轻干部跟班锻炼。", "选派文件"],
    }, first_col=3)
    _grid(ws, 5, 23, ncols)
    for r in (4, 12, 18):
        ws.cell(r, 1).alignment = Alignment(vertical="center")
    _merge_down(ws, 1, issues)
    _merge_down(ws, 2, issues)
    _merge_down(ws, 4, [(5, 7)])  # one lead for the whole of issue 1
    _merge_down(ws, 5, [(16, 17)])  # 财务股 and its handler shared by both measures of issue 6
    _merge_down(ws, 6, [(16, 17)])
    _widths(ws, [6, 30, 36, 9, 14, 9, 14, 36, 20])
    ws.print_title_rows = "3:3"
    wb.save(path)
    sheet = "Sheet1"
    return CountyCase(
        name="county_bureau_status_narrative",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("issue-number-gap", sheet, 10),  # 序号 merged per issue runs 1, 2, 4: issue 3 is missing
            ("overdue", sheet, 11),  # due 2026年10月底前 (Oct 31), status 正在推进 on Nov 20
        }),
        measures=17,
        issues=7,
        sheets_read=(sheet,),
        units={"耕地保护股": 2, "执法监察大队": 2, "国土空间规划股": 2, "矿产资源管理股": 1,
               "办公室": 2, "人事股": 6, "财务股": 2},
        done=10,
        notes=(
            "Title merged across row 1; 填报单位（盖章）/填报日期 on row 2 in two merged blocks; header on "
            "row 3; no 基本信息 sheet (unit and report date only in the title rows); sheet left as "
            "'Sheet1' beside empty Sheet2/Sheet3. Aspect headings are merged rows across the table "
            "(rows 4, 12, 18), not measures. 序号 merged per issue = issue number, skipping 3 (gap at "
            "row 10 only; 5 follows 4). Status + narrative in one 完成情况 cell: the leading word is the "
            "status ('已完成。已约谈…', '正在推进，已形成初稿…', '基本完成，…'); '已完成，下一步将严格执行…' "
            "is normal wording (no status-text-mismatch); '已完成，并长期坚持' is done. Lead merged over "
            "issue 1 (D5:D7), unit and handler merged over issue 6 (E16:F17): shared, not missing. "
            "One Excel date deadline (G16). 佐证资料 is empty only on unfinished rows."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 2. Two-row header: 责任主体 over 责任领导 | 责任股室 | 责任人; unit spelling variants
# ---------------------------------------------------------------------------------------------

def build_two_row_header(folder: Path) -> CountyCase:
    path = folder / "石岭县自然资源和规划局巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ncols = 9
    _banner(ws, 1, "石岭县自然资源和规划局关于县委第一巡察组反馈问题整改台账", ncols)
    _header(ws, 2, ["序号", "问题", "整改措施", "责任主体", None, None, "整改时限", "整改状态", "整改进展"])
    _header(ws, 3, [None, None, None, "责任领导", "责任股室", "责任人"])
    ws.merge_cells("D2:F2")  # the group label: it is none of its three children
    for col in "ABCGHI":
        ws.merge_cells(f"{col}2:{col}3")
    issues = {
        (4, 6): (1, "耕地“非农化”“非粮化”问题排查整治不彻底，部分图斑整改后出现反弹。"),
        (7, 8): (2, "自然资源执法监管存在“宽松软”现象，部分违法用地案件处罚不到位。"),
        (9, 11): (3, "机关作风建设有差距，服务企业和群众办事效率不高。"),
        (12, 14): (4, "落实全面从严治党主体责任不到位，廉政风险防控机制不健全。"),
        (15, 17): (5, "耕地占补平衡项目管理不规范，个别补充耕地项目验收把关不严。"),
        (18, 19): (6, "意识形态工作责任制落实不到位，网络舆情应对能力不足。"),
        (20, 21): (7, "永久基本农田保护措施落实不够，部分地块保护标志牌缺失损毁。"),
    }
    for (first, _last), (no, text) in issues.items():
        ws.cell(first, 1, no)
        ws.cell(first, 2, text)
    # C 整改措施 | D 责任领导 | E 责任股室 | F 责任人 | G 整改时限 | H 整改状态 | I 整改进展
    _rows(ws, {
        4: ["对2023年以来已销号的耕地问题图斑开展“回头看”。", "陈国华", "耕地保护股", "许文斌",
            date(2026, 9, 30), "已完成", "共复核图斑156个，发现反弹图斑7个，均已重新整改。"],
        5: ["建立耕地保护动态巡查月报制度。", "陈国华", "耕地保护股", "许文斌",
            "2026年12月31日", "正在推进", "巡查月报模板已下发，各自然资源所试行中。"],
        6: ["对图斑反弹涉及的责任人员开展约谈。", "陈国华", "耕地保护股", "许文斌",
            "立行立改", "已完成", "约谈相关责任人员9人。"],
        7: ["对近三年办结的违法用地案件逐案评查，纠正处罚不当问题。", "赵志强", "执法监察大队", "钱涛",
            "2026年10月31日", "已完成", "评查案卷63宗，纠正处罚不当2宗。"],
        8: ["完善自然资源行政处罚自由裁量基准。", "赵志强", None, "钱涛",
            "2027年3月31日", "正在推进", "裁量基准初稿已起草。"],
        9: ["梳理不动产登记办事流程，压缩办理时限。", "孙丽", "不动产登记中心", "冯晓",
            date(2026, 8, 31), "已完成", "一般登记办理时限压缩至3个工作日。"],
        10: ["开展“走流程、找堵点”作风专项整治。", "孙丽", "党政综合办公室", "蒋琳",
             "2026年9月30日", "已完成", "查找堵点问题14个，均已整改。"],
        11: ["建立群众办事“好差评”回访制度。", None, "党政综合办公室", "蒋琳",
             "2026年11月30日", "正在推进", "回访制度征求意见中。"],
        12: ["开展廉政风险点排查，修订岗位廉政风险防控手册。", "陈国华", "党政综合办公室", "蒋琳",
             "2026年10月31日", "已完成", "排查风险点47个，修订防控手册1册。"],
        13: ["每季度召开一次党风廉政建设形势分析会。", "陈国华", "党政综合办公室", "蒋琳",
             "长期坚持", "长期坚持", "7月、10月各召开分析会1次。"],
        14: ["对重点岗位人员开展廉政谈话全覆盖。", "陈国华", "人事股", "韩梅",
             "2026年9月30日", "已完成", "开展廉政谈话38人次。"],
        15: ["对全县在建补充耕地项目开展质量复核。", "陈国华", "耕保股", "许文斌",
             "2027年1月31日", "正在推进", "已完成5个项目复核，其余3个项目复核中。"],
        16: ["修订补充耕地项目验收办法，引入第三方评估。", "陈国华", "耕保股", "许文斌",
             "2027年3月31日", "未启动", "待省级验收规范出台后修订。"],
        17: ["对补充耕地项目资金拨付情况开展专项审计。", "赵志强", "财务股", "郭瑞",
             "2026年12月31日", "基本完成", "审计报告初稿已形成。"],
        18: ["制定意识形态工作责任清单并纳入年度考核。", "孙丽", "党政综合办", "蒋琳",
             "2026年8月31日", "已完成", "责任清单已印发。"],
        19: ["组织网络舆情应对专题培训。", "孙丽", "党政综合办公室", "蒋琳",
             "2026年12月31日", "正在推进", "培训方案已制定，12月中旬举办。"],
        20: ["对永久基本农田保护标志牌开展全面排查，缺失损毁的及时补设。", "陈国华", "耕地保护股", "许文斌",
             "2026年10月31日", "已完成", "补设保护标志牌26块。"],
        21: ["将永久基本农田保护纳入乡镇“田长制”巡查内容。", "陈国华", "耕地保护股", "许文斌",
             "长期坚持", "长期坚持", "已纳入田长巡查日志。"],
    }, first_col=3)
    _grid(ws, 4, 21, ncols)
    _merge_down(ws, 1, issues)
    _merge_down(ws, 2, issues)
    _widths(ws, [6, 30, 36, 9, 16, 9, 14, 10, 34])
    wb.save(path)
    sheet = "台账"
    return CountyCase(
        name="two_row_header",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("missing-owner-unit", sheet, 8),  # 责任股室 empty (the parent 责任主体 must not fill it)
            ("missing-lead", sheet, 11),  # 责任领导 empty, not merged with the row above
            ("due-soon", sheet, 11),  # due 2026年11月30日: 10 days after as-of, 正在推进
            ("owner-unit-variant", sheet, 15),  # 耕保股 (2 rows) = 耕地保护股 (5 rows)
            ("owner-unit-variant", sheet, 16),  # 耕保股 again
            ("owner-unit-variant", sheet, 18),  # 党政综合办 (1 row) = 党政综合办公室 (5 rows)
        }),
        measures=18,
        issues=7,
        sheets_read=(sheet,),
        units={"耕地保护股": 7, "执法监察大队": 1, "不动产登记中心": 1, "党政综合办公室": 6,
               "人事股": 1, "财务股": 1},  # row 8 has no unit: counted under none
        done=9,
        notes=(
            "Title row 1; header on rows 2-3: 责任主体 merged D2:F2 over 责任领导 | 责任股室 | 责任人, every "
            "other header merged down over both rows. 责任主体 is itself an owner-unit word: a reader "
            "that lets the parent stand for a child reads leads as units or fills the empty 责任股室 "
            "of row 8. Abbreviated unit spellings written later and less often (耕保股 rows 15-16, "
            "党政综合办 row 18) are variants of 耕地保护股 / 党政综合办公室 and merge into them in the "
            "summary. Two Excel date deadlines. 未启动 row 16 says 待… (not 已…), so no mismatch. "
            "No evidence column: no missing-evidence."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 3. Township committee, WPS style
# ---------------------------------------------------------------------------------------------

def build_township_wps(folder: Path) -> CountyCase:
    path = folder / "柳塘镇巡察反馈问题整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ncols = 11
    _banner(ws, 1, "中共柳塘镇委员会关于县委第二巡察组反馈意见整改落实台账", ncols)
    _banner(ws, 2, "填报单位（盖章）：中共柳塘镇委员会　　　巡察反馈时间：2026年6月18日　　　填报时间：2026年11月20日",
            ncols, size=11, bold=False)
    # B is a hidden helper column (a VLOOKUP key the clerk built): ignore it entirely
    _header(ws, 3, ["序号", "辅助列", "巡察反馈问题", "具体措施", "牵头领导", "牵头单位", "具体经办人",
                    "时间节点", "是否办结", "整改落实情况", "备注"])
    issues = {
        (4, 6): "　　1.理论学习中心组学习不够深入，学用结合不紧密，研讨交流流于形式。",
        (7, 9): "　　2.村级党组织软弱涣散问题整顿不彻底，个别村“两委”班子战斗力不强。",
        (10, 12): "　　3.落实中央八项规定精神有差距，公务用车管理不规范。",
        (13, 15): "　　4.村级集体“三资”管理不规范，部分村财务公开不及时。",
        (16, 18): "　　5.为民办实事不够扎实，群众反映的农村人居环境问题解决不及时。",
        (19, 22): "　　6.安全生产和信访维稳工作存在薄弱环节，矛盾纠纷排查化解不够及时。",
    }
    for (first, _last), text in issues.items():
        ws.cell(first, 3, text)
    # D 具体措施 | E 牵头领导 | F 牵头单位 | G 具体经办人 | H 时间节点 | I 是否办结 | J 整改落实情况 | K 备注
    data: dict[int, list[Any]] = {
        4: ["制定年度理论学习中心组学习计划，每月集中学习不少于1次。", "马晓云", "　党政办", "何丽娟",
            "立行立改", "已办结", "已制定2026年度学习计划，1—10月开展集中学习11次。", None],
        5: ["每季度开展一次专题研讨，班子成员轮流交流发言。", "马晓云", "党政办", "何丽娟",
            "长期坚持", "长期坚持", "第三季度开展专题研讨1次，班子成员7人交流发言。", None],
        6: ["将理论学习情况纳入班子成员年度述职内容。", "马晓云", "党政办", "何丽娟",
            "12月底前", "未办结", "述职提纲中已增加学习情况内容，待年终述职时落实。", None],
        7: ["对排查出的2个软弱涣散村党组织逐村制定整顿方案。", "宋佳", "党建办", "黄建军",
            "9月底前", "是", "制定整顿方案2份，选派驻村指导员2名。", None],
        8: ["镇党委班子成员包村联系，每月到村指导不少于2次。", "宋佳", "党建办", "黄建军",
            "立行立改、长期坚持", "长期坚持", "班子成员均已落实包村联系。", None],
        9: ["开展村“两委”干部集中轮训。", "宋佳", "党建办　", "黄建军",
            "2026年12月底前完成并长期坚持", "正在推进", "第一期轮训已结束，第二期定于12月举办。", None],
        10: ["对镇机关公务用车使用情况开展全面自查，建立用车登记台账。", "周建", "镇纪委", "方志诚",
             "立行立改", "已办结", "自查发现问题3个，已全部整改，用车登记台账已建立。", None],
        11: ["修订镇机关公务用车管理制度。", "周建", "党政办", "何丽娟",
             "2026年9月30日前", "长期坚持", "制度已印发，执行中。", None],
        12: ["对违规使用公务车辆的问题线索进行核查处理。", "周建", "镇纪委", "方志诚",
             "立行立改", "未办结", "已核查线索2条，1条处理中。", None],
        13: ["对全镇14个村2024年以来的集体资金收支开展专项审计。", "刘长青", "财政所", "潘月",
             "10月底前", "　已办结", "专项审计已完成，发现问题21个并督促整改。", None],
        14: ["规范村务财务公开栏，每季度公开一次。", "刘长青", "财政所", "潘月",
             "长期坚持", "持续推进", "14个村均已按季度公开。", None],
        15: ["建立村级“三资”监管平台，实现线上审批。", "刘长青", "财政所", "潘月",
             "2027年6月底前", "未办结", "平台建设方案已报县农业农村局审核。", None],
        16: ["对群众反映的垃圾清运不及时问题开展专项整治。", "马晓云", "社会事务办", "刘晨",
             "立行立改", "已办结", "增设垃圾收集点12个，清运频次由每周2次提高到每日1次。", None],
        17: ["建立人居环境问题“随手拍”受理机制。", "马晓云", "社会事务办", "刘晨",
             "11月底前", "正在推进", "小程序受理端调试中。", "　　"],
        18: ["将人居环境整治纳入村级年度考核。", "马晓云", "社会事务办", "刘晨",
             "2026年12月底前完成并长期坚持", "长期坚持", "考核细则已印发。", None],
        19: ["开展矛盾纠纷“大排查、大化解”专项行动。", "周建", "综治中心", "吴俊",
             "9月底前", "已办结", "排查矛盾纠纷43件，化解41件。", None],
        20: ["建立镇村两级矛盾纠纷排查月报制度。", "周建", "综治中心", "吴俊",
             "长期坚持", "长期坚持", "每月5日前报送排查情况。", None],
        21: ["对全镇小作坊、自建房开展安全隐患排查。", "刘长青", "经发办", "谢涛",
             "2026年10月31日", "是", "排查经营主体86家，整改隐患19处。", "县应急局抽查合格"],
        22: ["开展安全生产应急培训演练。", "刘长青", "经发办", "谢涛",
             "2027年3月底前", "未办结", "培训演练方案制定中。", None],
    }
    _rows(ws, data, first_col=4)
    for n, r in enumerate(sorted(data), start=1):
        ws.cell(r, 1, n)  # 序号 per row: it only numbers the rows
        unit = str(data[r][2]).strip("　 ")
        ws.cell(r, 2, f"LT{n:02d}-{unit}")  # the helper key
    _grid(ws, 4, 22, ncols)
    _merge_down(ws, 3, issues)
    ws.column_dimensions["B"].hidden = True
    # footers after one blank row, then blank rows that only carry borders (WPS copies them down)
    _banner(ws, 24, "填表人：何丽娟　　　　审核人：马晓云　　　　联系电话：0000-6123456", ncols, size=11, bold=False)
    _banner(ws, 25, "注：1.时间节点按镇党委巡察整改工作方案填写；2.是否办结栏填写“已办结”“未办结”或“长期坚持”；"
                    "3.本表每月25日前报镇巡察整改工作领导小组办公室。", ncols, size=10, bold=False)
    for r in range(26, 61):
        for c in range(1, ncols + 1):
            ws.cell(r, c).border = _BOX
    _widths(ws, [6, 12, 30, 34, 9, 12, 10, 16, 9, 34, 12])
    wb.save(path)
    sheet = "整改台账"
    return CountyCase(
        name="township_wps",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("long-term-past-deadline", sheet, 11),  # 长期坚持 but dated 2026年9月30日前 has passed
            ("overdue", sheet, 12),  # 立行立改, 是否办结 = 未办结
            ("due-soon", sheet, 17),  # 11月底前 (year of the 2026-06-18 feedback) = Nov 30, 正在推进
        }),
        measures=19,
        issues=6,
        sheets_read=(sheet,),
        units={"党政办": 4, "党建办": 3, "镇纪委": 2, "财政所": 3, "社会事务办": 3, "综治中心": 2,
               "经发办": 2},
        done=7,
        notes=(
            "WPS township ledger: title row; one merged 填报单位/巡察反馈时间/填报时间 row (the feedback "
            "date 2026-06-18 gives year-less deadlines their year: 9月底前, 10月底前, 11月底前, 12月底前 "
            "are all 2026). Hidden helper column B '辅助列' holding lookup keys (ignore it: no "
            "column-not-understood, nothing read from it). 序号 per row only numbers rows (issues come "
            "from the merged 巡察反馈问题 cells, whose text starts with full-width spaces and '1.'…'6.'). "
            "是否办结 holds 已办结 / 未办结 / 是 (yes = 办结, done) / 长期坚持 / 持续推进 / 正在推进; "
            "full-width spaces around units and statuses ('　党政办', '党建办　', '　已办结') and a cell "
            "holding only full-width spaces (K17). Deadlines: 立行立改 done (fine), 立行立改 未办结 "
            "(overdue), 立行立改、长期坚持 with 长期坚持 (fine: at once and ongoing), 长期坚持, "
            "'2026年12月底前完成并长期坚持' (due Dec 31, 41 days: nothing), a dated deadline passed under "
            "status 长期坚持 (long-term-past-deadline, not overdue). Footer rows 24-25 (填表人/审核人/联系电话, "
            "注：…) after a blank row, then 35 bordered empty rows: none of them are measures. No evidence "
            "and no 完成时间 column."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 4. Two visible sheets 台账（一）/台账（二） and a hidden stale 台账
# ---------------------------------------------------------------------------------------------

_L4_HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任科室", "责任人", "整改时限", "整改情况",
              "佐证材料", "备注"]


def _l4_sheet(ws: Worksheet, title: str, aspect: str,
              issues: dict[tuple[int, int], tuple[int, str]], rows: dict[int, list[Any]]) -> None:
    ncols = len(_L4_HEADER)
    _banner(ws, 1, title, ncols)
    _banner(ws, 2, aspect, ncols, size=12)
    _header(ws, 3, _L4_HEADER)
    for (first, _last), (no, text) in issues.items():
        ws.cell(first, 1, no)
        ws.cell(first, 2, text)
    _rows(ws, rows, first_col=3)
    _grid(ws, 4, max(rows), ncols)
    _merge_down(ws, 1, issues)
    _merge_down(ws, 2, issues)
    _widths(ws, [6, 30, 36, 9, 18, 9, 14, 10, 20, 12])


def build_two_sheets(folder: Path) -> CountyCase:
    path = folder / "鹤溪县市场监督管理局巡察整改台账.xlsx"
    wb = Workbook()
    stale = wb.active
    assert stale is not None
    stale.title = "台账"  # an old copy, hidden, which would pass every check
    one = wb.create_sheet("台账（一）")
    two = wb.create_sheet("台账（二）")
    title = "鹤溪县市场监督管理局党组巡察整改台账"
    issues_one = {
        (4, 6): (1, "食品安全“两个责任”落实不够到位，包保干部督导流于形式。"),
        (7, 8): (2, "特种设备安全监管存在盲区，部分电梯超期未检。"),
        (9, 11): (3, "“双随机、一公开”监管执行不规范，部分抽查结果未按时公示。"),
        (12, 13): (4, "执法办案质量不高，个别案件适用法律依据不准确。"),
    }
    # C 整改措施 | D 责任领导 | E 责任科室 | F 责任人 | G 整改时限 | H 整改情况 | I 佐证材料 | J 备注
    rows_one: dict[int, list[Any]] = {
        4: ["对全县包保干部督导记录开展专项检查，通报督导不实问题。", "吴振华", "食品安全协调科", "章敏",
            "2026年9月30日", "已完成", "专项检查通报", None],
        5: ["建立包保督导“清单+台账”工作机制。", "吴振华", "食品安全协调科", "章敏",
            "2026年10月31日", "已完成", None, None],
        6: ["将包保责任落实情况纳入年度绩效考核。", "吴振华", "食品安全协调科", "章敏",
            "长期坚持", "长期坚持", None, None],
        7: ["对全县在用电梯开展拉网式排查，督促超期未检电梯限期检验。", "杨光", "特种设备安全监察科", "卢斌",
            "2026年8月31日", "已完成", "排查台账、督办通知", None],
        8: ["建立电梯维保单位信用评价制度。", "杨光", "特种设备安全监察科", "卢斌",
            "2027年3月31日", "正在推进", None, None],
        9: ["对2025年以来抽查结果公示情况逐项核查，补公示遗漏事项。", "杨光", "信用监管科", "汤雪",
            "立行立改", "已完成", "补公示清单", None],
        10: ["修订局“双随机”抽查工作细则。", "杨光", "信用监管科", "汤雪",
             "2026年9月30日", "已完成", "《“双随机、一公开”抽查工作细则》", None],
        11: ["每半年对抽查结果公示情况开展一次自查。", "杨光", "信用监管科", "汤雪",
             "长期坚持", "长期坚持", None, None],
        12: ["开展行政处罚案卷评查，对问题案卷逐一整改。", "吴振华", "法规科", "顾青",
             "2026年10月31日", "已完成", "案卷评查报告", None],
        13: ["组织执法人员法律知识轮训。", "吴振华", "法规科", "顾青",
             "2026年12月31日", "正在推进", None, None],
    }
    issues_two = {  # numbering continues from sheet one
        (4, 6): (5, "党组理论学习中心组学习制度执行不严，学习计划落实不到位。"),
        (7, 9): (6, "基层市场监管所党支部建设不规范，党员教育管理不严格。"),
        (10, 12): (7, "财务管理存在漏洞，部分专项资金使用绩效不高。"),
        (13, 14): (8, "干部担当作为不够，基层所人员力量配置不合理。"),
    }
    rows_two: dict[int, list[Any]] = {
        4: ["严格执行党组理论学习中心组学习制度，制定年度学习计划。", "何建国", "办公室", "谭静",
            "2026年8月31日", "已完成", "年度学习计划", None],
        5: ["建立中心组学习督学通报制度。", "何建国", "办公室", "谭静",
            "2026年10月31日", "正在推进", None, None],
        6: ["每季度开展一次中心组专题研讨。", "何建国", "办公室", "谭静",
            "长期坚持", "长期坚持", None, None],
        7: ["对各市场监管所党支部开展规范化建设评估。", "何建国", "人事科", "严亮",
            "2026年9月30日", "已完成", "评估报告", None],
        8: ["在基层所党支部推行党员积分制管理。", "何建国", "人事科", "严亮",
            "2027年6月30日", "基本完成", None, None],
        9: ["对组织生活会质量不高的支部书记开展提醒谈话。", "何建国", "人事科", "严亮",
            "立行立改", "已完成", "谈话记录", None],
        10: ["对2024年以来专项资金使用情况开展绩效评价。", "吴振华", "财务科", "孔莉",
             "2026年10月31日", "已完成", "绩效评价报告", None],
        11: ["修订局机关内部控制制度。", "吴振华", "财务科", "孔莉",
             "2027年1月31日", "正在推进", None, None],
        12: ["对闲置专项资金按规定清理收回。", "吴振华", "财务科", "孔莉",
             "2026年12月31日", "未启动", None, "待县财政局统一部署"],
        13: ["优化基层所人员配置，向执法一线倾斜力量。", "何建国", "人事科", "严亮",
             "2027年3月31日", "正在推进", None, None],
        14: ["开展年轻干部“导师帮带”活动。", "何建国", "人事科", "严亮",
             "2026年9月30日", "已完成", "帮带协议", None],
    }
    _l4_sheet(one, title + "（一）", "第一方面：贯彻落实党中央决策部署和上级工作要求不到位", issues_one, rows_one)
    _l4_sheet(two, title + "（二）", "第二方面：全面从严治党和党的建设存在薄弱环节", issues_two, rows_two)
    # the stale copy: first in the workbook, same header, an older state in which all was done
    stale_issues = {(4, 5): (1, issues_one[(4, 6)][1]), (6, 7): (2, issues_one[(7, 8)][1])}
    stale_rows = {
        4: [rows_one[4][0], "吴振华", "食品安全协调科", "章敏", "2026年9月30日", "已完成", "专项检查通报", None],
        5: [rows_one[5][0], "吴振华", "食品安全协调科", "章敏", "2026年10月31日", "已完成", "工作机制文件", None],
        6: [rows_one[7][0], "杨光", "特种设备安全监察科", "卢斌", "2026年8月31日", "已完成", "排查台账", None],
        7: [rows_one[8][0], "杨光", "特种设备安全监察科", "卢斌", "2026年9月30日", "已完成", "信用评价办法", None],
    }
    _l4_sheet(stale, title, "（2026年9月版）", stale_issues, stale_rows)
    stale.sheet_state = "hidden"
    wb.active = 1
    wb.save(path)
    s1, s2 = "台账（一）", "台账（二）"
    return CountyCase(
        name="two_sheets",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("missing-evidence", s1, 5),  # 已完成, 佐证材料 empty (on the first visible sheet)
            ("overdue", s2, 5),  # due 2026年10月31日, 正在推进: reported with the second sheet's name
            ("hidden-ledger-sheet-unread", "台账", 0),  # the hidden copy is named, not read
        }),
        measures=21,
        issues=8,
        sheets_read=(s1, s2),
        units={"食品安全协调科": 3, "特种设备安全监察科": 2, "信用监管科": 3, "法规科": 2, "办公室": 3,
               "人事科": 5, "财务科": 3},
        done=11,
        notes=(
            "Three sheets: a HIDDEN stale copy named exactly 台账 (first in the workbook, same header, "
            "4 measures all 已完成 with evidence: reading it instead would pass everything), then the "
            "visible 台账（一） and 台账（二）, one aspect each (aspect named on row 2 above the header). "
            "Issue numbers continue 1-4 then 5-8 across the sheets (no gap; a reader restarting per "
            "sheet or reading the stale sheet gets it wrong). Findings carry the sheet they are on. "
            "Hidden sheet not read because visible ones match: no ledger-sheet-hidden. 未启动 row with a "
            "备注 only."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 5. Header words no fixed list has; one column nobody understands; many real status words
# ---------------------------------------------------------------------------------------------

def build_unusual_headers(folder: Path) -> CountyCase:
    path = folder / "枫亭县住房和城乡建设局巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "巡察整改台账"
    ncols = 12
    _banner(ws, 1, "枫亭县住房和城乡建设局关于县委第四巡察组反馈问题整改情况台账", ncols)
    _header(ws, 2, ["序号", "问题具体表现", "整改举措", "整改目标", "主责单位", "配合单位", "分管领导",
                    "经办人员", "计划完成时间", "整改进度", "整改佐证", "督导组意见"])
    issues = {
        (3, 5): "建筑市场监管不严，部分在建项目存在转包、违法分包问题。",
        (6, 8): "住房保障工作不够精准，个别不符合条件人员违规享受公租房。",
        (9, 11): "城建项目资金管理不规范，个别项目超概算未履行审批程序。",
        (12, 14): "燃气安全隐患排查整治不彻底，部分餐饮场所未安装燃气泄漏报警装置。",
        (15, 16): "党建与业务融合不紧密，机关支部“三会一课”质量不高。",
        (17, 19): "干部队伍建设有短板，专业技术人才储备不足。",
    }
    for (first, _last), text in issues.items():
        ws.cell(first, 2, text)
    # A 序号 ("问题-措施") | C 整改举措 | D 整改目标 | E 主责单位 | F 配合单位 | G 分管领导 | H 经办人员
    # | I 计划完成时间 | J 整改进度 | K 整改佐证 | L 督导组意见
    data: dict[int, list[Any]] = {
        3: ["1-1", None, "对全县在建房建和市政项目开展转包、违法分包专项检查。", "在建项目检查覆盖率100%",
            "建筑市场监管股", "质量安全监督站", "姚文斌", "钟毅", "2026年9月30日", "已整改到位",
            "专项检查通报、行政处罚决定书", None],
        4: ["1-2", None, "建立建筑市场和施工现场“两场联动”监管机制。", "联动机制建立并运行",
            "建筑市场监管股", "行政审批服务股", "姚文斌", "钟毅", "2026年12月31日", "阶段性完成",
            "联动监管办法（征求意见稿）", "请加快制度出台"],
        5: ["1-3", None, "对查实的违法分包企业依法处罚并记入信用档案。", "依法处罚到位",
            "建筑市场监管股", "法规股", "姚文斌", "钟毅", "立行立改", "整改完毕",
            "处罚决定书、信用记录截图", None],
        6: ["2-1", None, "对全县公租房在保家庭开展资格复核。", "复核全覆盖",
            "住房保障股", "房产服务中心", "梁慧", "邱月", "2026年8月31日", "已销号",
            "资格复核台账、销号审批表", None],
        7: ["2-2", None, "对违规享受公租房人员予以清退并追缴租金差价。", "应退尽退",
            "住房保障股", "房产服务中心", "梁慧", "邱月", "2026年10月31日", "整改不到位",
            "清退通知书", "仍有2户未清退，请限期整改"],
        8: ["2-3", None, "建立公租房动态监管和年度资格复核制度。", "每年复核一次",
            "住房保障股", None, "梁慧", "邱月", "长期坚持", "持续推进", None, None],
        9: ["3-1", None, "对近三年城建项目资金使用情况开展专项审计。", "审计全覆盖",
            "财务股", "城建股", "陶明", "蔡琪", "2026年10月31日", "已完成待验收",
            "专项审计报告", "待局整改办组织验收"],
        10: ["3-2", None, "对超概算项目补办审批手续，追究相关人员责任。", "手续补办到位",
             "城建股", "财务股", "陶明", "顾强", "2026年12月31日", "未启动", None, "请尽快启动"],
        11: ["3-3", None, "修订城建项目资金管理办法。", "制度健全",
             "财务股", "城建股", "陶明", "蔡琪", "2027年3月31日", "正在修订", None, None],
        12: ["4-1", None, "对全县餐饮场所燃气使用情况开展全覆盖排查。", "排查全覆盖",
             "公用事业股", "城管执法大队", "姚文斌", "孟杰", "2026年7月31日", "已整改到位", "排查台账", None],
        13: ["4-2", None, "督促餐饮场所安装燃气泄漏报警装置。", "安装率100%",
             "公用事业股", "城管执法大队", "姚文斌", "孟杰", "2026年9月30日", "已完成，并长期坚持",
             "安装台账及现场照片", None],
        14: ["4-3", None, "建立燃气安全常态化巡查机制。", "常态化巡查",
             "公用事业股", None, "姚文斌", "孟杰", "长期坚持", "常态化推进", None, None],
        15: ["5-1", None, "制定支部“三会一课”年度计划并严格执行。", "计划执行率100%",
             "办公室", None, "林红", "程佳", "2026年8月31日", "整改完毕", "年度计划、会议记录", None],
        16: ["5-2", None, "开展“党建+项目”示范点创建活动。", "创建示范点3个",
             "办公室", "城建股", "林红", "程佳", "2027年6月30日", "阶段性完成", "创建方案", None],
        17: ["6-1", None, "制定专业技术人才引进和培养三年计划。", "计划印发实施",
             "人事股", None, "林红", "沈琳", "2026年12月31日", "未启动", None, None],
        18: ["6-2", None, "组织工程技术人员参加职称继续教育。", "参训率100%",
             "人事股", None, "林红", "沈琳", "2026年10月31日", "已销号", "培训签到表、结业证书", "同意销号"],
        19: ["6-3", None, "建立年轻干部到项目一线跟岗锻炼机制。", "选派10名以上",
             "人事股", "城建股", "林红", "沈琳", "2027年3月31日", "整改中", None, None],
    }
    _rows(ws, data)
    _grid(ws, 3, 19, ncols)
    _merge_down(ws, 2, issues)
    _widths(ws, [7, 30, 34, 16, 14, 14, 9, 9, 14, 12, 22, 18])
    wb.save(path)
    sheet = "巡察整改台账"
    return CountyCase(
        name="unusual_headers",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("column-not-understood", sheet, 2),  # L2 督导组意见: no field it could be
            ("overdue", sheet, 7),  # 整改不到位 is in progress (a negative verdict), due 2026年10月31日
        }),
        measures=17,
        issues=6,
        sheets_read=(sheet,),
        units={"建筑市场监管股": 3, "住房保障股": 3, "财务股": 2, "城建股": 1, "公用事业股": 3,
               "办公室": 2, "人事股": 3},
        done=8,
        notes=(
            "Header words of one office: 问题具体表现 (problem), 整改举措 (measure), 整改目标, 主责单位 "
            "(owner unit), 配合单位 (co-owners: not the owner unit, not counted per unit), 分管领导, "
            "经办人员 (handler), 计划完成时间 (deadline), 整改进度 (status), 整改佐证 (evidence); "
            "督导组意见 is understood by no rule (one info finding on the header row). 序号 written "
            "'1-1', '1-2', '2-1' … (issue-measure), continuous. Status words: 已整改到位, 整改完毕, "
            "已销号, 已完成待验收, '已完成，并长期坚持' (all done); 阶段性完成 (mostly done, deadlines "
            "in the future); 正在修订, 整改中 (in progress); 持续推进, 常态化推进 (long term); 未启动; "
            "整改不到位 (an auditor's negative verdict: in progress, and overdue here; it contains 整改 "
            "and 到位 but is not done). No 验收人 column, so no acceptance check applies to 已销号 rows."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 6. Written by a script: formulas never computed, and one computed
# ---------------------------------------------------------------------------------------------

def build_script_formulas(folder: Path) -> CountyCase:
    path = folder / "qinglan_tongji_zhenggai.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    lookup = wb.create_sheet("字典")
    lookup.append(["代码", "股室名称"])
    for code, unit in [("01", "办公室"), ("02", "综合统计股"), ("03", "农村统计股"),
                       ("04", "工业统计股"), ("05", "法规股"), ("06", "人事股")]:
        lookup.append([code, unit])
    ws.append(["序号", "方面", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限",
               "整改状态", "整改进展", "佐证材料"])
    a1, a2, a3 = "一、党的领导方面", "二、党的建设方面", "三、全面从严治党方面"
    i1 = "1.贯彻落实统计改革部署不够到位，防范惩治统计造假工作推进不力。"
    i2 = "2.统计执法检查力度不够，对统计违法行为查处偏软。"
    i3 = "3.基层党组织建设不够规范，支部活动形式单一。"
    i4 = "4.干部教育培训针对性不强，统计专业能力存在短板。"
    i5 = "5.落实中央八项规定精神有差距，个别调查人员差旅费报销不规范。"
    i6 = "6.统计数据安全管理存在隐患，涉密计算机管理不严。"
    # every row repeats its aspect and issue: a script does not merge
    rows: list[list[Any]] = [
        [a1, i1, "制定防范惩治统计造假责任清单。", "邹平", "办公室", "柯岩",
         datetime(2026, 8, 31), "已完成", "责任清单已印发。", "责任清单"],
        [a1, i1, "开展统计数据质量专项核查。", "邹平", "综合统计股", "易凡",
         datetime(2026, 10, 31), "已完成", "核查调查对象120家，更正数据8条。", "核查报告"],
        [a1, i1, "建立统计数据质量追溯制度。", "邹平", "=字典!$B$3", "易凡",
         datetime(2027, 3, 31), "正在推进", "制度草案已形成。", None],
        [a1, i2, "开展年度统计执法“双随机”检查。", "邹平", "=字典!$B$6", "滕飞",
         datetime(2026, 9, 30), "已完成", "检查企业30家，立案4件。", "检查通报"],
        [a1, i2, "对统计违法案件进行公示并纳入信用记录。", "邹平", "法规股", "滕飞",
         "=DATE(2026,12,31)", "正在推进", "公示程序履行中。", None],
        [a2, i3, "制定机关支部活动年度计划。", "夏青", "人事股", "柳新",
         datetime(2026, 7, 31), "已完成", "年度计划已制定。", "年度计划"],
        [a2, i3, "开展“统计先锋”主题党日活动。", "夏青", "人事股", "柳新",
         "=DATE(2027,6,30)", "正在推进", "已开展主题党日2次。", None],
        [a2, i3, "建立党员联系统计调查户制度。", "夏青", "=字典!$B$4", "柳新",
         "长期坚持", "长期坚持", "每名党员联系调查户3户。", None],
        [a2, i4, "组织统计业务能力全员培训。", "夏青", "人事股", "柳新",
         datetime(2026, 9, 30), "已完成", "举办培训2期，共56人次。", "培训签到表"],
        [a2, i4, "选派业务骨干参加省市统计业务培训。", "夏青", "=字典!$B$7", "柳新",
         datetime(2026, 12, 31), "正在推进", "已选派3人参训。", None],
        [a3, i5, "对2025年以来差旅费报销开展自查。", "邹平", "办公室", "柯岩",
         "=DATE(2026,9,30)", "已完成", "自查凭证412笔，退回不合规费用1笔。", "自查报告"],
        [a3, i5, "修订差旅费管理办法。", "邹平", "办公室", "柯岩",
         datetime(2026, 12, 31), "正在推进", "修订稿征求意见中。", None],
        [a3, i5, "开展廉政警示教育。", "邹平", "办公室", "柯岩",
         "长期坚持", "长期坚持", "每季度开展一次。", None],
        [a3, i6, "开展统计数据安全检查。", "夏青", "综合统计股", "易凡",
         datetime(2026, 10, 15), "已完成", "检查计算机46台，整改隐患5处。", "检查记录"],
        [a3, i6, "建立统计数据分级授权管理制度。", "夏青", "综合统计股", "易凡",
         datetime(2027, 1, 31), "正在推进", "制度初稿已完成。", None],
        [a3, i6, "对涉密计算机违规联网问题进行整改。", "夏青", "工业统计股", "戴辰",
         "立行立改", "已完成", "已断开外网连接并更换设备。", "整改报告"],
    ]
    for n, row in enumerate(rows, start=1):
        ws.append([n, *row])
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 8).number_format = "yyyy-mm-dd"
    wb.save(path)
    # the script copied these two cells from a template Excel had saved: they carry a computed value
    set_cached_value(path, "台账", "F11", "人事股")
    set_cached_value(path, "台账", "H12", _excel_serial(date(2026, 9, 30)))
    sheet = "台账"
    return CountyCase(
        name="script_formulas",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("formula-uncomputed", sheet, 4),  # F4 =字典!$B$3, no value (not missing-owner-unit)
            ("formula-uncomputed", sheet, 5),  # F5 =字典!$B$6, no value
            # H6 =DATE(2026,12,31), H8 =DATE(2027,6,30), no value: read as the days Excel shows (not
            # missing-deadline, not uncomputed)
            ("formula-uncomputed", sheet, 9),  # F9 =字典!$B$4, no value
        }),
        measures=16,
        issues=6,
        sheets_read=(sheet,),
        units={"办公室": 4, "综合统计股": 3, "法规股": 1, "人事股": 4, "工业统计股": 1},
        done=8,
        notes=(
            "Written by a script with openpyxl: header on row 1, no title, no merges — aspect and issue "
            "text repeated on every row (same text = same issue), a 字典 sheet (代码 | 股室名称) that is "
            "not a ledger. Formulas with no cached value: 责任单位 F4, F5, F9 (=字典!$B$n) and 整改时限 "
            "H6, H8 (=DATE(...)): each is formula-uncomputed, never missing-owner-unit / missing-deadline, "
            "and gives no overdue or due-soon; their units are unknown, so units counts 13 of the 16 "
            "measures. F11 (=字典!$B$7, cached '人事股') and H12 (=DATE(2026,9,30), cached serial 46295 "
            "formatted as a date) carry values and read normally."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 7. 完成时间 on unfinished work, a repeated issue number, a finished row without evidence
# ---------------------------------------------------------------------------------------------

def build_completion_dates(folder: Path) -> CountyCase:
    path = folder / "南屏县教育和体育局巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ncols = 12
    _banner(ws, 1, "南屏县教育和体育局党组巡察反馈问题整改台账", ncols)
    _header(ws, 2, ["序号", "问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "完成时间",
                    "整改状态", "整改进展", "佐证材料", "备注"])
    issues = {
        (3, 5): (1, "教育系统落实立德树人根本任务有差距，思政课教师队伍建设滞后。"),
        (6, 8): (2, "校园安全管理存在漏洞，部分学校安防设施不达标。"),
        (9, 10): (3, "教育经费管理不规范，部分学校食堂账务混乱。"),
        (11, 12): (3, "教师队伍管理不严，个别教师违规有偿补课。"),  # 3 again
        (13, 14): (4, "教育资源配置不均衡，农村学校办学条件薄弱。"),
        (15, 17): (5, "学校体育工作重视不够，学生体质健康监测不到位。"),
    }
    for (first, _last), (no, text) in issues.items():
        ws.cell(first, 1, no)
        ws.cell(first, 2, text)
    # C 整改措施 | D 责任领导 | E 责任单位 | F 责任人 | G 整改时限 | H 完成时间 | I 整改状态 | J 整改进展
    # | K 佐证材料 | L 备注
    _rows(ws, {
        3: ["配齐配强中小学思政课专职教师。", "龚伟", "人事股", "贺敏", date(2026, 8, 31), date(2026, 8, 20),
            "已完成", "新招聘思政课专职教师12名。", "招聘公告、聘用名单", None],
        4: ["开展思政课教师全员轮训。", "龚伟", "基础教育股", "陆遥", date(2026, 10, 31), date(2026, 10, 28),
            "已完成", "轮训教师186人次。", "培训方案、签到表", None],
        5: ["建立思政课集体备课制度。", "龚伟", "基础教育股", "陆遥", date(2026, 12, 31), date(2026, 10, 15),
            "正在推进", "城区学校已试行，乡镇学校逐步推开。", None, None],
        6: ["对全县学校安防设施开展全面排查。", "薛峰", "安全管理股", "毛宁", "2026年7月31日", date(2026, 7, 15),
            "已完成", "排查学校63所，建立问题清单。", "排查台账", None],
        7: ["按标准补齐学校一键报警和视频监控设施。", "薛峰", "安全管理股", "毛宁", "2026年12月31日", None,
            "正在推进", "已完成41所学校设施改造。", None, "市级督导重点事项"],
        8: ["建立校园安全隐患月排查制度。", "薛峰", "安全管理股", "毛宁", "长期坚持", None,
            "长期坚持", "每月开展隐患排查。", None, None],
        9: ["对全县学校食堂财务开展专项审计。", "龚伟", "计划财务股", "邱丹", date(2026, 9, 30), date(2026, 9, 25),
            "已完成", "审计学校食堂38个，督促整改问题17个。", None, None],
        10: ["推行学校食堂财务“校财局管”制度。", "龚伟", "计划财务股", "邱丹", date(2027, 2, 28), None,
             "正在推进", "制度草案已报局党组。", None, None],
        11: ["开展违规有偿补课专项整治。", "薛峰", "人事股", "贺敏", date(2026, 9, 30), date(2026, 9, 30),
             "已完成", "查处违规有偿补课教师3人。", "处理决定", None],
        12: ["建立师德师风负面清单和举报受理机制。", "薛峰", "人事股", "贺敏", date(2026, 10, 31), None,
             "已完成", "负面清单已印发，举报电话已公布。", "负面清单文件", None],
        13: ["制定农村薄弱学校改造提升三年计划。", "龚伟", "计划财务股", "邱丹", date(2026, 10, 31),
             date(2026, 10, 20), "已完成", "三年计划已经县政府常务会审议通过。", "三年计划", None],
        14: ["推进城区优质学校与农村学校结对帮扶。", "龚伟", "基础教育股", "陆遥", "长期坚持", None,
             "长期坚持", "结对学校24对。", None, None],
        15: ["开展学生体质健康监测全覆盖。", "薛峰", "体育卫生艺术股", "岑月", date(2026, 12, 31), None,
             "正在推进", "已完成监测学生2.1万人。", None, None],
        16: ["保障中小学生每天校内体育活动时间。", "薛峰", "体育卫生艺术股", "岑月", "长期坚持", None,
             "长期坚持", "纳入学校年度考核。", None, None],
        17: ["为乡镇学校更新体育器材。", "薛峰", "体育卫生艺术股", "岑月", date(2026, 9, 30), date(2026, 9, 28),
             "已完成", "为22所学校配备体育器材。", "器材验收单", None],
    }, first_col=3)
    _grid(ws, 3, 17, ncols)
    _merge_down(ws, 1, issues)
    _merge_down(ws, 2, issues)
    _widths(ws, [6, 30, 34, 9, 16, 9, 14, 14, 10, 30, 18, 14])
    wb.save(path)
    sheet = "台账"
    return CountyCase(
        name="completion_dates",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("completion-date-unfinished", sheet, 5),  # 完成时间 2026-10-15 but status 正在推进
            ("missing-evidence", sheet, 9),  # 已完成, 佐证材料 empty
            ("issue-number-gap", sheet, 11),  # 序号 1, 2, 3, 3, 4, 5: the second 3 repeats
            ("missing-completion-date", sheet, 12),  # 已完成, 完成时间 empty
        }),
        measures=15,
        issues=6,
        sheets_read=(sheet,),
        units={"人事股": 3, "基础教育股": 3, "安全管理股": 3, "计划财务股": 3, "体育卫生艺术股": 3},
        done=8,
        notes=(
            "Title row, header row 2 with 完成时间 and 佐证材料 columns; 序号 merged per issue runs "
            "1, 2, 3, 3, 4, 5 (two different issues numbered 3: one gap finding at the repeat, and 4 "
            "after the repeated 3 is in order). Completion dates are Excel dates, never after their due "
            "date or the as-of date (no completed-late, no completion-in-future; row 11 finished on its "
            "due date). Row 5: 完成时间 filled on 正在推进 work. Rows 7 and 15 are in progress although "
            "their progress begins 已完成… (a phrase about part of the work, not the status)."
        ),
    )


# ---------------------------------------------------------------------------------------------
# 8. The only ledger sheet is hidden (it must be read, and the reader says so)
# ---------------------------------------------------------------------------------------------

def build_hidden_only_sheet(folder: Path) -> CountyCase:
    path = folder / "檀山县司法局巡察整改台账.xlsx"
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "封面"
    cover["A3"] = "檀山县司法局党组"
    cover["A5"] = "县委第三巡察组反馈问题整改台账"
    cover["A9"] = "报送单位：中共檀山县司法局党组"
    cover["A10"] = "报送时间：2026年11月20日"
    cover["A3"].font = Font(name="方正小标宋简体", size=22)
    cover["A5"].font = Font(name="方正小标宋简体", size=22)
    ws = wb.create_sheet("台账")
    ws.append(["序号", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"])
    issues = {
        (2, 4): (1, "公共法律服务体系建设滞后，村（社区）法律顾问作用发挥不充分。"),
        (5, 7): (2, "人民调解工作不够规范，调解卷宗制作质量不高。"),
        (8, 10): (3, "社区矫正监管存在薄弱环节，个别社区矫正对象曾一度脱管。"),
        (11, 13): (4, "机关党建工作不够扎实，党员干部参与法治宣传教育不够积极。"),
    }
    for (first, _last), (no, text) in issues.items():
        ws.cell(first, 1, no)
        ws.cell(first, 2, text)
    _rows(ws, {
        2: ["对全县村（社区）法律顾问履职情况开展考核。", "甘霖", "公共法律服务股", "孔维",
            "2026年9月30日", "已完成", "考核法律顾问35名。"],
        3: ["建立法律顾问服务清单和工作日志制度。", "甘霖", "公共法律服务股", "孔维",
            "2026年12月31日", "正在推进", "服务清单已下发。"],
        4: ["对履职不到位的法律顾问予以调整。", "甘霖", "公共法律服务股", "孔维",
            "立行立改", "已完成", "调整法律顾问4名。"],
        5: ["开展人民调解卷宗评查。", "甘霖", "人民参与和促进法治股", "戚红",
            "2026年10月31日", "已完成", "评查卷宗210卷。"],
        6: ["组织人民调解员业务培训。", "甘霖", "人民参与和促进法治股", "戚红",
            "2026年10月31日", "正在推进", "已完成2个片区培训。"],
        7: ["建立调解卷宗质量定期通报制度。", "甘霖", "人民参与和促进法治股", "戚红",
            "长期坚持", "长期坚持", "每季度通报一次。"],
        8: ["对在册社区矫正对象逐一排查。", "俞斌", "社区矫正股", "焦阳",
            "立行立改", "已完成", "排查社区矫正对象126名。"],
        9: ["落实社区矫正对象信息化核查。", "俞斌", "社区矫正股", "焦阳",
            "2027年3月31日", "正在推进", "核查系统升级中。"],
        10: ["对脱管问题相关责任人员严肃问责。", "俞斌", "社区矫正股", "焦阳",
             "2026年8月31日", "已完成", "问责2人。"],
        11: ["制定机关党支部年度工作计划。", "俞斌", "办公室", "葛琳",
             "2026年7月31日", "已完成", "年度计划已印发。"],
        12: ["组织党员干部参与“法律进乡村”志愿服务。", "俞斌", "办公室", "葛琳",
             "长期坚持", "长期坚持", "开展志愿服务12次。"],
        13: ["将普法责任制落实情况纳入年度考核。", "俞斌", "普法与依法治理股", "裴蕾",
             "2026年12月31日", "基本完成", "考核细则已起草。"],
    }, first_col=3)
    _grid(ws, 2, 13, 9)
    _merge_down(ws, 1, issues)
    _merge_down(ws, 2, issues)
    ws.sheet_state = "hidden"
    wb.active = 0
    wb.save(path)
    sheet = "台账"
    return CountyCase(
        name="hidden_only_sheet",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("ledger-sheet-hidden", sheet, 1),  # the only ledger sheet is hidden (header on row 1)
            ("overdue", sheet, 6),  # due 2026年10月31日, 正在推进
        }),
        measures=12,
        issues=4,
        sheets_read=(sheet,),
        units={"公共法律服务股": 3, "人民参与和促进法治股": 3, "社区矫正股": 3, "办公室": 2,
               "普法与依法治理股": 1},
        done=6,
        notes=(
            "A visible cover sheet 封面 (a few title lines, no header) and the ledger on a HIDDEN sheet "
            "台账 with its header on row 1: no visible sheet matches, so the hidden one must be read, "
            "with an info finding ledger-sheet-hidden (sheet 台账, row 1 = its header row)."
        ),
    )


def build_printed_form(folder: Path) -> CountyCase:
    """A county bureau's ledger kept as a printed form: a row of column numbers under the header,
    aspects as unmerged rows (一 | …方面), 序号 written once per issue and not merged, last
    month's 整改状态 column hidden with this month's 完成情况 beside it, ticks for done, a 合计 row
    and a signature line merged across the foot."""
    path = folder / "石门县财政局巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ncols = 10
    _banner(ws, 1, "石门县财政局党组关于县委第三巡察组反馈意见整改落实情况台账", ncols)
    _banner(ws, 2, "填报单位：石门县财政局　　　　填报日期：2026年11月20日", ncols, size=11, bold=False)
    _header(ws, 3, ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "整改状态",
                    "完成情况（已完成/正在推进/长期坚持）", "佐证材料"])
    _rows(ws, {4: list(range(1, ncols + 1))})  # the printed form numbers its columns
    # H (hidden) is October's 整改状态, every measure still 正在推进 there; I is November's
    data: dict[int, list[Any]] = {
        5: ["一", "落实全面从严治党主体责任方面"],
        6: [1, "党组研究全面从严治党工作不经常，主体责任清单不具体。", "制定党组落实全面从严治党主体责任清单。",
            "邓国平", "办公室", "罗丹", "2026年8月31日", "正在推进", "√", "责任清单"],
        7: [None, None, "每半年专题研究一次全面从严治党工作。", "邓国平", "办公室", "罗丹", "长期坚持",
            "正在推进", "长期坚持", "会议纪要"],
        8: [None, None, "对班子成员落实“一岗双责”情况开展年度考评。", "邓国平", "人事股", "唐敏",
            "2026年12月31日", "正在推进", "正在推进", None],
        9: [2, "廉政风险防控不到位，重点岗位轮岗交流不及时。", "梳理重点岗位廉政风险点，制定防控措施。",
            "邓国平", "人事股", "唐敏", "2026年9月30日", "正在推进", "已完成", "风险点清单"],
        10: [None, None, "对任职满5年的重点岗位人员进行轮岗交流。", "邓国平", "人事股", "唐敏", "2026年10月31日",
             "正在推进", "正在推进", None],
        11: ["二", "严格执行财经纪律方面"],
        12: [3, "预算执行进度缓慢，部分项目资金长期滞留。", "对滞留资金逐项清理，按规定收回统筹。", "蒋志华",
             "预算股", "彭磊", "2026年9月30日", "正在推进", "✓", "清理台账"],
        13: [None, None, "建立预算执行进度月通报制度。", "蒋志华", "预算股", "彭磊", "2027年3月31日", "正在推进",
             "完成0%", None],
        14: [5, "政府采购管理不规范，个别项目化整为零规避采购。", "对2024年以来政府采购项目开展专项检查。", "蒋志华",
             "采购办", "胡静", "2026年10月31日", "正在推进", "已完成", "检查报告"],
        15: [None, None, "修订局政府采购内部控制办法。", "蒋志华", "采购办", "胡静", "2026年11月30日",
             "正在推进", "正在推进", None],
    }
    _rows(ws, data)
    _grid(ws, 5, 15, ncols)
    ws.column_dimensions["H"].hidden = True
    ws.cell(16, 1, "合计")
    ws.merge_cells("A16:B16")
    ws.cell(16, 3, "共4个问题9项整改措施，已完成4项")
    _grid(ws, 16, 16, ncols)
    _banner(ws, 17, "填表人：罗丹　　　审核人：邓国平　　　联系电话：0000-5221234", ncols, size=11, bold=False)
    _widths(ws, [6, 30, 34, 9, 10, 8, 14, 10, 14, 12])
    wb.save(path)
    sheet = "整改台账"
    return CountyCase(
        name="printed_form",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            # 序号 3 then 5: an issue left out (the 序号 is written once per issue, not merged)
            ("issue-number-gap", sheet, 14),
            # two columns of 整改状态: October's is hidden, so November's is read — silently, the
            # hidden one is no second column the clerk sees (no duplicate-header)
            ("overdue", sheet, 10),
            ("due-soon", sheet, 15),  # 2026-11-30, ten days after the 填报日期
        }),
        measures=9,
        issues=4,
        sheets_read=(sheet,),
        units={"办公室": 2, "人事股": 3, "预算股": 2, "采购办": 2},
        done=4,
        notes=(
            "Row 4 numbers the columns; rows 5 and 11 are aspects (一/二 in 序号, the title in the problem "
            "column, nothing merged); 序号 is written on each issue's first row only, and 5 follows 3; H is "
            "a hidden stale 整改状态 (all 正在推进) and I the current one, with √ and ✓ for done and 完成0% "
            "for not started; row 16 is a 合计 row with text in the measure column and row 17 a signature "
            "line merged across the table. Overdue: only row 10 (2026-10-31, 正在推进); rows 6 and 12 are "
            "ticked done; row 15 is due in ten days."
        ),
    )


def build_sheet_per_aspect(folder: Path) -> CountyCase:
    """A city bureau's ledger kept one sheet per aspect (第一方面, 第二方面), each titled with its
    aspect and numbering its issues from 1, behind a cover and an instructions sheet, and followed
    by a 汇总 sheet of counts per unit (责任科室 | 措施数 | 已完成 | 正在推进) that is no ledger."""
    path = folder / "临江市住房和城乡建设局巡察整改台账.xlsx"
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "封面"
    cover["A3"] = "临江市住房和城乡建设局"
    cover["A5"] = "市委第四巡察组反馈问题整改台账"
    cover["A8"] = "2026年11月"
    guide = wb.create_sheet("填报说明")
    for r, row in enumerate([["填报说明"], ["列名", "填写要求"], ["整改措施", "逐条填写，一条措施一行"],
                             ["整改状态", "从已完成、正在推进、长期坚持中选择"]], start=1):
        for c, v in enumerate(row, start=1):
            guide.cell(r, c, v)
    header = ["序号", "具体问题", "整改措施", "责任领导", "责任科室", "责任人", "整改时限", "整改状态", "整改进展",
              "佐证材料"]
    sheets = {
        "第一方面": ("一、贯彻落实上级决策部署不到位方面", {
            3: [1, "城市更新工作部署落实不力。", "制定城市更新三年行动方案。", "高建军", "规划科", "江涛",
                "2026年6月30日", "已完成", "已印发方案。", "方案文件"],
            4: [None, None, "建立城市更新项目月调度机制。", "高建军", "规划科", "江涛", "长期坚持", "长期坚持",
                "每月召开调度会。", "会议纪要"],
            5: [2, "老旧小区改造推进缓慢。", "倒排工期推进32个小区改造。", "邹立", "城建科", "孔明",
                "2026年10月31日", "正在推进", "已完工18个。", None],
        }),
        "第二方面": ("二、全面从严治党“两个责任”落实不到位方面", {
            3: [1, "工程项目招投标监管存在漏洞。", "开展招投标专项检查。", "邹立", "招标办", "林峰",
                "2026年5月31日", "已完成", "检查项目26个。", "检查报告"],
            4: [None, None, "修订招投标管理办法。", "邹立", "招标办", "林峰", "2027年3月31日", "正在推进",
                "已形成征求意见稿。", None],
            5: [2, "执纪问责偏松偏软。", "对相关责任人开展约谈。", "高建军", "纪检组", "韩梅", "立行立改",
                "已完成", "约谈5人。", "约谈记录"],
        }),
    }
    for name, (title, rows) in sheets.items():
        ws = wb.create_sheet(name)
        _banner(ws, 1, title, len(header))
        _header(ws, 2, header)
        _rows(ws, rows)
        _merge_down(ws, 1, [(3, 4)])
        _merge_down(ws, 2, [(3, 4)])
        _grid(ws, 3, 5, len(header))
    totals = wb.create_sheet("汇总")
    _header(totals, 1, ["责任科室", "措施数", "已完成", "正在推进", "长期坚持"])
    _rows(totals, {2: ["规划科", 2, 1, 0, 1], 3: ["城建科", 1, 0, 1, 0], 4: ["招标办", 2, 1, 1, 0],
                   5: ["纪检组", 1, 1, 0, 0]})
    wb.save(path)
    return CountyCase(
        name="sheet_per_aspect",
        path=path,
        as_of=AS_OF,
        expected=frozenset({("overdue", "第一方面", 5)}),
        measures=6,
        issues=4,
        sheets_read=("第一方面", "第二方面"),
        units={"规划科": 2, "城建科": 1, "招标办": 2, "纪检组": 1},
        done=3,
        notes=(
            "Two ledger sheets, one per aspect, each titled with it and numbering its issues from 1 "
            "(no numbering gap: the numbering restarts with the aspect); 封面 and 填报说明 are no ledger, "
            "nor is 汇总, whose header counts measures per unit (措施数 is a count, not 整改措施). "
            "Overdue: 第一方面 row 5 (2026-10-31, 正在推进)."
        ),
    )


def build_progress_only(folder: Path) -> CountyCase:
    """A sub-district's ledger with no status column: each 整改落实情况 cell opens with the status
    ("已完成。共轮训…", "尚未完成，目前…") and goes on with what was done."""
    path = folder / "东门街道巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ncols = 8
    _banner(ws, 1, "东门街道党工委巡察整改落实情况台账", ncols)
    _header(ws, 2, ["序号", "具体问题", "整改措施", "责任领导", "责任单位", "责任人", "整改完成时限", "整改落实情况"])
    _rows(ws, {
        3: [1, "社区党组织引领作用发挥不充分。", "开展社区党组织书记轮训。", "钟书记", "党建办", "蓝天",
            "2026年5月31日", "已完成。共轮训社区书记16名。"],
        4: [None, None, "推行“党建+网格”治理模式。", "钟书记", "党建办", "蓝天", "2027年6月30日",
            "正在推进，已在8个社区试点。"],
        5: [2, "基层减负落实不到位。", "清理规范社区挂牌和考核事项。", "温副书记", "党政办", "叶青",
            "2026年6月30日", "尚未完成，目前已清理挂牌42块。"],
        6: [None, None, "建立社区减负事项准入制度。", "温副书记", "党政办", "叶青", "2026年9月30日",
            "已印发《社区工作事项准入办法》。"],
    })
    _merge_down(ws, 1, [(3, 4), (5, 6)])
    _merge_down(ws, 2, [(3, 4), (5, 6)])
    _grid(ws, 3, 6, ncols)
    wb.save(path)
    sheet = "台账"
    return CountyCase(
        name="progress_only",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("header-missing", sheet, 2),  # no 整改状态 column: said once, at the header
            ("overdue", sheet, 5),  # 尚未完成 and past 2026-06-30
            # row 6's account ("已印发《…办法》。") says it is done (round 14): not overdue
        }),
        measures=4,
        issues=2,
        sheets_read=(sheet,),
        units={"党建办": 2, "党政办": 2},
        done=2,
        notes=(
            "No status column; the narrative column opens with the status on rows 3–5. Row 3 (已完成, "
            "due 2026-05-31) is not overdue; row 5 (尚未完成) is; row 6 opens with an account, not a "
            "status word, and the account says it is done (已印发…), so it is not overdue (the missing "
            "column is still the error: that status is read from an account, not stated)."
        ),
    )


def build_two_status_columns(folder: Path) -> CountyCase:
    """A county bureau's ledger answering 是否整改到位 (是/否) and describing 整改完成情况 in the next
    column — both words name the status; the column of accounts is the progress."""
    path = folder / "青山县农业农村局巡察整改台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ncols = 10
    _banner(ws, 1, "青山县农业农村局巡察反馈问题整改落实台账", ncols)
    _header(ws, 2, ["序号", "反馈问题", "整改任务", "牵头领导", "牵头单位", "具体经办人", "整改时间节点",
                    "是否整改到位", "整改完成情况", "佐证资料"])
    _rows(ws, {
        3: [1, "耕地地力保护补贴发放监管不严。", "追回虚报冒领资金。", "严副局长", "财务股", "钱勇", "立行立改", "是",
            "已追回3.2万元，全部上缴县财政。", "缴款凭证"],
        4: [None, None, "健全补贴发放公示制度。", "严副局长", "财务股", "钱勇", "2026年8月31日", "否",
            "已起草公示制度，待局党组会研究。", None],
        5: [2, "农村集体“三资”管理不规范。", "开展村级集体资产清查。", "严副局长", "经管站", "廖芳", "2026年12月31日",
            "否", "已完成8个村的清查，剩余4个村正在清查。", None],
    })
    _merge_down(ws, 1, [(3, 4)])
    _merge_down(ws, 2, [(3, 4)])
    _grid(ws, 3, 5, ncols)
    wb.save(path)
    sheet = "整改台账"
    return CountyCase(
        name="two_status_columns",
        path=path,
        as_of=AS_OF,
        expected=frozenset({("overdue", sheet, 4)}),
        measures=3,
        issues=2,
        sheets_read=(sheet,),
        units={"财务股": 2, "经管站": 1},
        done=1,
        notes=(
            "是否整改到位 and 整改完成情况 both name the status; the second holds accounts, so it is the "
            "progress (no duplicate-header warning, the accounts reach the notice). Overdue: row 4 (否, "
            "due 2026-08-31)."
        ),
    )


def build_monthly_copies(folder: Path) -> CountyCase:
    """A township keeps each month's ledger as a new sheet of one workbook, the newest first
    (2026年11月 | 2026年10月): only November's is checked, October's is set aside and said so."""
    path = folder / "桃源镇巡察整改台账（月报）.xlsx"
    wb = Workbook()
    november = wb.active
    assert november is not None
    november.title = "2026年11月"
    october = wb.create_sheet("2026年10月")
    header = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态"]
    measures = [
        (1, "村级财务公开不及时。", "督促各村按季度公开财务。", "余镇长", "财政所", "严华", "2026年9月30日"),
        (None, None, "建立村级财务公开抽查制度。", "余镇长", "财政所", "严华", "2026年10月31日"),
        (2, "人居环境整治不彻底。", "开展农村垃圾清运专项整治。", "单副镇长", "社会事务办", "景明", "2026年8月31日"),
    ]
    statuses = {"2026年11月": ["已完成", "已完成", "正在推进"], "2026年10月": ["已完成", "正在推进", "正在推进"]}
    for ws in (november, october):
        _banner(ws, 1, f"桃源镇巡察反馈问题整改台账（{ws.title}）", len(header))
        _header(ws, 2, header)
        _rows(ws, {3 + k: [*m, statuses[ws.title][k]] for k, m in enumerate(measures)})
        _merge_down(ws, 1, [(3, 4)])
        _merge_down(ws, 2, [(3, 4)])
        _grid(ws, 3, 5, len(header))
    wb.save(path)
    return CountyCase(
        name="monthly_copies",
        path=path,
        as_of=AS_OF,
        expected=frozenset({
            ("ledger-copy-set-aside", "2026年10月", 0),
            ("overdue", "2026年11月", 5),
        }),
        measures=3,
        issues=2,
        sheets_read=("2026年11月",),
        units={"财政所": 2, "社会事务办": 1},
        done=2,
        notes=(
            "Two visible monthly copies of one ledger, the newest on the left: November's is read "
            "(its month is the later one), October's set aside with a warning — its overdue row 4 "
            "(正在推进 in October, 已完成 in November) must not be reported."
        ),
    )


BUILDERS: dict[str, Callable[[Path], CountyCase]] = {
    "county_bureau_status_narrative": build_county_bureau_status_narrative,
    "two_row_header": build_two_row_header,
    "township_wps": build_township_wps,
    "two_sheets": build_two_sheets,
    "unusual_headers": build_unusual_headers,
    "script_formulas": build_script_formulas,
    "completion_dates": build_completion_dates,
    "hidden_only_sheet": build_hidden_only_sheet,
    "printed_form": build_printed_form,
    "sheet_per_aspect": build_sheet_per_aspect,
    "progress_only": build_progress_only,
    "two_status_columns": build_two_status_columns,
    "monthly_copies": build_monthly_copies,
}


# ---------------------------------------------------------------------------------------------
# Compare with today's rectxl
# ---------------------------------------------------------------------------------------------

def _rectxl_cmd() -> list[str]:
    env = os.environ.get("RECTXL_CMD")
    if env:
        return shlex.split(env)
    return [str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "rectxl")]


def _check(case: CountyCase) -> tuple[set[tuple[str, str, int]] | None, dict[str, Any], str]:
    cmd = [*_rectxl_cmd(), "check", "--as-of", case.as_of.isoformat(), "--format", "json", str(case.path)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
        return None, {}, f"exit {proc.returncode}: {tail[0]}"
    got = {(f["code"], f.get("sheet") or "", f.get("row") or 0) for f in data.get("findings", [])}
    return got, data.get("summary", {}), f"exit {proc.returncode}"


def main(argv: Sequence[str] = ()) -> int:
    """``[--out DIR] [name …]``: build (into DIR, kept, or a temporary folder) and compare."""
    args = list(argv)
    out: str | None = None
    if "--out" in args:
        i = args.index("--out")
        out = args[i + 1]
        del args[i:i + 2]
    names = args or list(BUILDERS)
    total_missing = total_extra = 0
    with tempfile.TemporaryDirectory(prefix="county_ledgers_") as tmp:
        for name in names:
            folder = Path(out or tmp) / name
            folder.mkdir(parents=True, exist_ok=True)
            case = BUILDERS[name](folder)
            got, summary, status = _check(case)
            print(f"== {case.name}  {case.path}  --as-of {case.as_of}  ({status})")
            if got is None:
                print(f"   could not read findings; expected {len(case.expected)}")
                total_missing += len(case.expected)
                continue
            missing = sorted(case.expected - got)
            extra = sorted(got - case.expected)
            total_missing += len(missing)
            total_extra += len(extra)
            counts = (f"measures {summary.get('measures')}/{case.measures}, "
                      f"issues {summary.get('issues')}/{case.issues} (got/expected)")
            print(f"   {len(case.expected) - len(missing)}/{len(case.expected)} expected found; "
                  f"{len(missing)} missing, {len(extra)} extra; {counts}")
            for code, sheet, row in missing:
                print(f"   MISSING {code:28} {sheet}!{row}")
            for code, sheet, row in extra:
                print(f"   EXTRA   {code:28} {sheet}!{row}")
    print(f"total: {total_missing} missing, {total_extra} extra")
    return 0 if total_missing == total_extra == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
