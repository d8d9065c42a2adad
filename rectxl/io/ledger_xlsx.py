"""Write a ledger workbook in rectxl's canonical layout (``rectxl new``, ``parse-notice``).

Sheets: 台账 (title row, header row, one row per measure, hierarchy merged down, a status
drop-down, conditional formats that show overdue / due-soon / missing owner live in Excel even
without Python), 基本信息 (key | value | 说明), 责任单位名录, 填写说明.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.model import Ledger, LedgerInfo, Measure
from rectxl.core.status import Status
from rectxl.core.text import chinese_number
from rectxl.core.units import split_units
from rectxl.io.atomic import atomic_path

__all__ = ["FILL_GUIDE", "INFO_ROWS", "STATUS_CHOICES", "write_ledger"]

STATUS_CHOICES = [s.value for s in Status]
#: 基本信息 rows: (key, LedgerInfo attribute, 说明)
INFO_ROWS: list[tuple[str, str, str]] = [
    ("单位名称", "unit_name", "被巡察单位全称,如“区卫生健康局”"),
    ("党组织名称", "party_org", "通报落款,如“中共××区卫生健康局党组”"),
    ("巡察组", "inspection_group", "如“区委第三巡察组”"),
    ("巡察开始", "inspection_start", "日期,如 2023-03-16"),
    ("巡察结束", "inspection_end", "日期"),
    ("反馈日期", "feedback_date", "巡察组反馈意见的日期;“反馈后2个月内”“9月底前”等时限据此计算"),
    ("报告日期", "report_date", "截至日期:逾期、临期按此日期判断;空着则按当天"),
    ("联系电话", "phone", ""),
    ("邮寄地址", "address", ""),
    ("邮编", "postcode", ""),
    ("电子邮箱", "email", ""),
    ("通报标题", "title", "空着则自动生成"),
    ("导语", "preamble", "通报开头一段;空着则按以上信息自动生成"),
    ("一、标题", "heading_one", "通报“一、”的标题;空着用默认标题"),
    ("组织领导情况", "section_one", "通报“一、”部分正文"),
    ("二、标题", "heading_two", "通报“二、”的标题;空着用默认标题"),
    ("二、导语", "section_two_intro", "“二、”标题下、逐项整改情况之前的一段(可空)"),
    ("三、标题", "heading_three", "通报“三、”的标题;空着用默认标题"),
    ("下一步工作", "section_three", "通报“三、”部分正文"),
]
FILL_GUIDE = [
    "1. 每一行填写一项整改措施;同一问题的多项措施连续填写,“方面”“问题类别”“具体问题”可向下合并单元格。",
    "2. 必填列:具体问题、整改措施、责任单位、整改时限、整改状态;建议同时填写责任领导、责任人(三级责任人)。",
    "3. 整改时限可写日期(2023年9月30日、2023年9月底前、2023年第三季度)、“立行立改”、“长期坚持”,"
    "或“2023年12月底前完成并长期坚持”;延期的写“延期至2024年3月底”。",
    "4. 整改状态从下拉列表选择:已完成、基本完成、正在推进、长期坚持、未启动。",
    "5. 状态为“已完成”的,请填写完成时间和佐证材料;佐证文件放在台账同一文件夹时可直接写文件名。",
    "6. 责任单位请使用“责任单位名录”中的规范名称,多个单位用“、”分隔。",
    "7. 基本信息表中的“报告日期”是判断逾期的截至日期,“反馈日期”用于计算“反馈后2个月内”等时限。",
    "8. 在台账中打开时,已逾期的时限显示红色,15天内到期显示黄色,缺少责任单位显示橙色(需填写日期格式的时限)。",
    "9. 校验:命令行运行 rectxl check 台账.xlsx,或在 Excel 的“整改台账”选项卡中点“校验台账”。",
]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_WIDTHS = {
    F.ASPECT: 18, F.CATEGORY: 20, F.ISSUE_NO: 6, F.ISSUE: 30, F.MEASURE: 48, F.LEAD: 10,
    F.OWNER_UNIT: 14, F.OWNER_PERSON: 10, F.DEADLINE: 16, F.STATUS: 10, F.COMPLETED: 12,
    F.PROGRESS: 40, F.EVIDENCE: 24, F.REMARK: 12,
}
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
#: rows given the drop-down and the live conditional formats beyond the last measure
SPARE_ROWS = 500


def write_ledger(path: Path, ledger: Ledger | None = None, *, title: str | None = None) -> Path:
    """Write ``ledger`` (or an empty template) to ``path`` atomically; returns ``path``."""
    ledger = ledger or Ledger()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    last_row = _write_ledger_sheet(ws, ledger, title)
    _write_info_sheet(wb.create_sheet("基本信息"), ledger.info)
    _write_directory_sheet(wb.create_sheet("责任单位名录"), ledger)
    guide = wb.create_sheet("填写说明")
    guide.column_dimensions["A"].width = 110
    guide["A1"] = "巡察整改台账填写说明"
    guide["A1"].font = Font(bold=True, size=14)
    for i, line in enumerate(FILL_GUIDE, start=2):
        guide.cell(i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    _live_formats(ws, last_row)
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def _write_ledger_sheet(ws: Worksheet, ledger: Ledger, title: str | None) -> int:
    cols = F.TEMPLATE_COLUMNS
    width = len(cols)
    ws.cell(1, 1, title or f"{ledger.info.unit_name or ''}巡察整改台账")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for c, name in enumerate(cols, start=1):
        cell = ws.cell(2, c, name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS[name]
    ws.freeze_panes = "A3"
    col = {name: i for i, name in enumerate(cols, start=1)}
    r = 3
    for a_i, aspect in enumerate(ledger.aspects, 1):
        a_start = r
        for c_i, category in enumerate(aspect.categories, 1):
            c_start = r
            for issue in category.issues:
                i_start = r
                for measure in issue.measures:
                    _write_measure(ws, r, col, measure)
                    r += 1
                if not issue.measures:
                    r += 1  # the issue keeps its row, without a measure
                ws.cell(i_start, col[F.ISSUE_NO], issue.number)
                ws.cell(i_start, col[F.ISSUE], issue.title)
                _merge_down(ws, i_start, r - 1, col[F.ISSUE_NO], col[F.ISSUE])
            if category.title:
                ws.cell(c_start, col[F.CATEGORY],
                        f"({chinese_number(category.number or c_i)}){category.title}")
                _merge_down(ws, c_start, r - 1, col[F.CATEGORY])
        if aspect.title:
            ws.cell(a_start, col[F.ASPECT], f"{chinese_number(aspect.number or a_i)}、{aspect.title}")
            _merge_down(ws, a_start, r - 1, col[F.ASPECT])
    for row in ws.iter_rows(min_row=3, max_row=max(r - 1, 3), max_col=width):
        for cell in row:
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.auto_filter.ref = f"A2:{get_column_letter(width)}{max(r - 1, 2)}"
    return max(r - 1, 2)


def _write_measure(ws: Worksheet, r: int, col: dict[str, int], m: Measure) -> None:
    deadline: object = m.deadline.text or None
    if m.deadline.kind is DeadlineKind.DATE and m.deadline.due and not m.deadline.extended \
            and _is_plain_date(m.deadline.text):
        deadline = m.deadline.due
    values = {
        F.MEASURE: m.text, F.LEAD: m.lead, F.OWNER_UNIT: m.owner_unit, F.OWNER_PERSON: m.owner_person,
        F.DEADLINE: deadline, F.STATUS: m.status.value if m.status else (m.status_text or None),
        F.COMPLETED: m.completed_on or (m.completed_text or None), F.PROGRESS: m.progress,
        F.EVIDENCE: m.evidence, F.REMARK: m.remark,
    }
    for name, value in values.items():
        cell = ws.cell(r, col[name], value if value != "" else None)
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT


def _is_plain_date(text: str) -> bool:
    return not any(word in text for word in ("前", "底", "季", "半年", "至", "内", "延期"))


def _merge_down(ws: Worksheet, first: int, last: int, *columns: int) -> None:
    if last > first:
        for c in columns:
            ws.merge_cells(start_row=first, start_column=c, end_row=last, end_column=c)


def _live_formats(ws: Worksheet, last_row: int) -> None:
    """Status drop-down and conditional formats that work in Excel without Python."""
    cols = {name: get_column_letter(i) for i, name in enumerate(F.TEMPLATE_COLUMNS, start=1)}
    end = last_row + SPARE_ROWS
    status_dv = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                               allow_blank=True, showErrorMessage=True,
                               errorTitle="整改状态", error="请从下拉列表选择整改状态",
                               promptTitle="整改状态", prompt="已完成/基本完成/正在推进/长期坚持/未启动")
    status_dv.add(f"{cols[F.STATUS]}3:{cols[F.STATUS]}{end}")
    ws.add_data_validation(status_dv)
    d, s, m, u = cols[F.DEADLINE], cols[F.STATUS], cols[F.MEASURE], cols[F.OWNER_UNIT]
    ws.conditional_formatting.add(
        f"{d}3:{d}{end}",
        FormulaRule(formula=[f'AND(ISNUMBER(${d}3),${d}3<TODAY(),${s}3<>"已完成")'],
                    fill=PatternFill("solid", fgColor="FFC7CE"), font=Font(color="9C0006")),
    )
    ws.conditional_formatting.add(
        f"{d}3:{d}{end}",
        FormulaRule(formula=[f'AND(ISNUMBER(${d}3),${d}3>=TODAY(),${d}3-TODAY()<=15,${s}3<>"已完成")'],
                    fill=PatternFill("solid", fgColor="FFEB9C")),
    )
    ws.conditional_formatting.add(
        f"{u}3:{u}{end}",
        FormulaRule(formula=[f'AND(${m}3<>"",${u}3="")'], fill=PatternFill("solid", fgColor="F8CBAD")),
    )


def _write_info_sheet(ws: Worksheet, info: LedgerInfo) -> None:
    for c, (name, w) in enumerate((("项目", 14), ("内容", 60), ("说明", 50)), start=1):
        ws.cell(1, c, name).font = Font(bold=True)
        ws.cell(1, c).fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = w
    for r, (key, attr, note) in enumerate(INFO_ROWS, start=2):
        ws.cell(r, 1, key)
        value = getattr(info, attr)
        cell = ws.cell(r, 2, value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 3, note).font = Font(color="808080")
    for r, (key, value) in enumerate(info.extra.items(), start=len(INFO_ROWS) + 2):
        ws.cell(r, 1, key)
        ws.cell(r, 2, value).alignment = Alignment(wrap_text=True, vertical="top")


def _write_directory_sheet(ws: Worksheet, ledger: Ledger) -> None:
    ws.cell(1, 1, "责任单位").font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    units: list[str] = list(ledger.owner_units or [])
    for m in ledger.measures():
        for unit in split_units(m.owner_unit):
            if unit not in units:
                units.append(unit)
    for r, unit in enumerate(units, start=2):
        ws.cell(r, 1, unit)
