"""Write a ledger workbook in rectxl's canonical layout (``rectxl new``, ``parse-notice``).

Sheets: 台账 (title row, header row, one row per measure, hierarchy merged down, a status
drop-down, conditional formats that show overdue / due-soon / missing owner live in Excel even
without Python), 基本信息 (key | value | 说明), 责任单位名录, 填写说明.

Statuses guessed from a notice's wording (``Measure.status_inferred``) go to their own column,
推断状态, right after 整改状态, which stays empty for them: the reader maps 推断状态 to no status, so
``rectxl check`` asks for the clerk's status instead of taking a guess for it. Every text cell goes
through :func:`rectxl.io.openpyxl_cells.set_text` (a notice line "=1+41" stays that text, never a
formula).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind
from rectxl.core.model import Ledger, LedgerInfo, Measure
from rectxl.core.numbering import with_count
from rectxl.core.sheets import GRADE_FILLS, MISSING_UNIT_FILL
from rectxl.core.status import Status, read_status, status_phrase
from rectxl.core.text import chinese_number, normalize_for_compare
from rectxl.core.timing import Grade, info_warn_days, is_warn_key
from rectxl.core.units import split_units
from rectxl.io.atomic import atomic_path
from rectxl.io.openpyxl_cells import set_text

__all__ = ["FILL_GUIDE", "INFERRED_NOTE", "INFO_ROWS", "STATUS_CHOICES", "columns_for", "write_ledger"]

STATUS_CHOICES = [s.value for s in Status]
#: 基本信息 rows: (key, LedgerInfo attribute, 说明)
INFO_ROWS: list[tuple[str, str, str]] = [
    ("单位名称", "unit_name", "被巡察单位全称，如“区卫生健康局”"),
    ("党组织名称", "party_org", "通报落款，如“中共××区卫生健康局党组”"),
    ("巡察组", "inspection_group", "如“区委第三巡察组”"),
    ("巡察开始", "inspection_start", "日期，如 2023-03-16"),
    ("巡察结束", "inspection_end", "日期"),
    ("反馈日期", "feedback_date", "巡察组反馈意见的日期；“反馈后2个月内”“9月底前”等时限据此计算"),
    ("报告日期", "report_date", "截至日期：逾期、临期按此日期判断；空着则按当天"),
    ("联系电话", "phone", ""),
    ("邮寄地址", "address", ""),
    ("邮编", "postcode", ""),
    ("电子邮箱", "email", ""),
    ("通报标题", "title", "空着则自动生成"),
    ("导语", "preamble", "通报开头一段；空着则按以上信息自动生成"),
    ("一、标题", "heading_one", "通报“一、”的标题；空着用默认标题"),
    ("组织领导情况", "section_one", "通报“一、”部分正文"),
    ("二、标题", "heading_two", "通报“二、”的标题；空着用默认标题"),
    ("二、导语", "section_two_intro", "“二、”标题下、逐项整改情况之前的一段（可空）"),
    ("三、标题", "heading_three", "通报“三、”的标题；空着用默认标题"),
    ("下一步工作", "section_three", "通报“三、”部分正文"),
]
FILL_GUIDE = [
    "1. 每一行填写一项整改措施；同一问题的多项措施连续填写，“方面”“问题类别”“具体问题”可向下合并单元格。",
    "2. 必填列：具体问题、整改措施、责任单位、整改时限、整改状态；建议同时填写责任领导、责任人（三级责任人）。",
    "3. 整改时限可写日期（2023年9月30日、2023年9月底前、2023年第三季度）、“立行立改”、“长期坚持”，"
    "或“2023年12月底前完成并长期坚持”；延期的写“延期至2024年3月底”。",
    "4. 整改状态从下拉列表选择：已完成、基本完成、正在推进、长期坚持、未启动。",
    "5. 状态为“已完成”的，请填写完成时间和佐证材料；佐证文件放在台账同一文件夹时可直接写文件名。",
    "6. 责任单位请使用“责任单位名录”中的规范名称，多个单位用“、”分隔。",
    "7. 基本信息表中的“报告日期”是判断逾期的截至日期，“反馈日期”用于计算“反馈后2个月内”等时限。",
    "8. 在台账中打开时，整改时限按预警等级显示颜色：已逾期红色；按基本信息表中的“预警天数”（如“20,10”），20天内到期"
    "黄色、10天内到期橙色；长期坚持蓝色；已完成绿色。截至日期取基本信息表中的“报告日期”，空着按当天，与 rectxl 校验"
    "的判断一致（日期格式的时限和“立行立改”“长期坚持”等文字才显示颜色）。缺少责任单位显示浅橙色。",
    "9. 校验：命令行运行 rectxl check 台账.xlsx，或在 Excel 的“整改台账”选项卡中点“校验台账”。",
]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_WIDTHS = {
    F.ASPECT: 18, F.CATEGORY: 20, F.ISSUE_NO: 6, F.ISSUE: 30, F.MEASURE: 48, F.LEAD: 10,
    F.OWNER_UNIT: 14, F.OWNER_PERSON: 10, F.DEADLINE: 16, F.STATUS: 10, F.COMPLETED: 12,
    F.PROGRESS: 40, F.EVIDENCE: 24, F.REMARK: 12, F.INFERRED_STATUS: 10,
}
#: the 推断状态 column's header note and its line in 填写说明
INFERRED_NOTE = ("由 rectxl parse-notice 按通报措辞推断，仅供参考，不是填报的整改状态；"
                 "核实后请在“整改状态”列选择。")
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
#: the 基本信息 key naming the warning thresholds, and its value in a new template
WARN_KEY = "预警天数"
DEFAULT_TEMPLATE_WARN = "20,10"
#: rows given the drop-down and the live conditional formats beyond the last measure
SPARE_ROWS = 500


def columns_for(ledger: Ledger) -> tuple[str, ...]:
    """The 台账 sheet's columns: the template's, and 推断状态 after 整改状态 when a status was
    inferred from a notice's wording (it is never written as 整改状态)."""
    cols = tuple(F.TEMPLATE_COLUMNS)
    if any(m.status_inferred for m in ledger.measures()):
        at = cols.index(F.STATUS) + 1
        cols = (*cols[:at], F.INFERRED_STATUS, *cols[at:])
    return cols


def write_ledger(path: Path, ledger: Ledger | None = None, *, title: str | None = None) -> Path:
    """Write ``ledger`` (or an empty template) to ``path`` atomically; returns ``path``.

    A status inferred from a notice (``Measure.status_inferred``) goes to the 推断状态 column and
    leaves 整改状态 empty, so that checking the ledger never takes a guess for a clerk's entry."""
    template = ledger is None
    ledger = ledger or Ledger()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    cols = columns_for(ledger)
    last_row = _write_ledger_sheet(ws, ledger, title, cols)
    warn_cell = _write_info_sheet(wb.create_sheet("基本信息"), ledger.info, template=template)
    _write_directory_sheet(wb.create_sheet("责任单位名录"), ledger)
    guide = wb.create_sheet("填写说明")
    guide.column_dimensions["A"].width = 110
    guide["A1"] = "巡察整改台账填写说明"
    guide["A1"].font = Font(bold=True, size=14)
    lines = list(FILL_GUIDE)
    if F.INFERRED_STATUS in cols:
        lines.append(f"{len(lines) + 1}. “{F.INFERRED_STATUS}”列{INFERRED_NOTE}")
    for i, line in enumerate(lines, start=2):
        guide.cell(i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    _live_formats(ws, last_row, cols)
    _grade_formats(wb, ws, last_row, cols, warn_cell)
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def _write_ledger_sheet(ws: Worksheet, ledger: Ledger, title: str | None,
                        cols: tuple[str, ...]) -> int:
    width = len(cols)
    set_text(ws, 1, 1, title or f"{ledger.info.unit_name or ''}{ledger.info.inspection_word}整改台账")
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
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(name, 12)
        if name == F.INFERRED_STATUS:
            cell.comment = Comment(INFERRED_NOTE, "rectxl")
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
                set_text(ws, i_start, col[F.ISSUE], issue.title)
                _merge_down(ws, i_start, r - 1, col[F.ISSUE_NO], col[F.ISSUE])
            if category.title:
                label = f"（{chinese_number(category.number or c_i)}）"
                ws.cell(c_start, col[F.CATEGORY], label + with_count(category.title, category.count_note))
                _merge_down(ws, c_start, r - 1, col[F.CATEGORY])
        if aspect.title:
            ws.cell(a_start, col[F.ASPECT],
                    f"{chinese_number(aspect.number or a_i)}、{with_count(aspect.title, aspect.count_note)}")
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
    status = _status_words(m)
    if status is not None and not m.status_inferred and (_told_with_status(m) or _noted_status(m)):
        # what the notice told was done beside its status ("学习档案已建立，正在推进"): the notice's
        # words, as it said them — read back, the account is published again with the status
        status = m.status_text.strip()
    values = {
        F.MEASURE: m.text, F.LEAD: m.lead, F.OWNER_UNIT: m.owner_unit, F.OWNER_PERSON: m.owner_person,
        F.DEADLINE: deadline, F.STATUS: None if m.status_inferred else status,
        F.COMPLETED: m.completed_on or (m.completed_text or None), F.PROGRESS: m.progress,
        F.EVIDENCE: m.evidence, F.REMARK: m.remark,
    }
    if F.INFERRED_STATUS in col:
        values[F.INFERRED_STATUS] = status if m.status_inferred else None
    for name, value in values.items():
        cell = set_text(ws, r, col[name], value if value != "" else None)
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT


def _told_with_status(m: Measure) -> str:
    """What a measure's status cell tells beside its status words, when the 整改进展 does not say it
    already ("学习档案已建立" of "学习档案已建立，正在推进", "制度已印发" of "制度已印发，已完成");
    "" when the cell says nothing but a status."""
    clauses = [c for c in _CLAUSE_MARKS.split(m.status_text.strip()) if c.strip()]
    told = "，".join(c.strip() for c in clauses if status_phrase(c.strip()) is None)
    return "" if not told or normalize_for_compare(told) in normalize_for_compare(m.progress) else told


def _noted_status(m: Measure) -> bool:
    """A status cell going on after its status with the 整改进展 itself, as a notice's bracket after
    a measure said both ("正在推进，计划2025年12月底前完成", the progress "计划2025年12月底前完成"): the
    cell is kept whole — read back, the bracket is published again as written."""
    reading = read_status(m.status_text.strip()) if m.status_text else None
    return reading is not None and reading.status is m.status and bool(reading.rest) and bool(m.progress) \
        and normalize_for_compare(reading.rest) == normalize_for_compare(m.progress)


#: what ends a clause of a status cell
_CLAUSE_MARKS = re.compile(r"[，,；;。]")


def _status_words(m: Measure) -> str | None:
    """The status as the notice or clerk said it when that is a status word alone of the same
    reading ("持续推进", "常态化推进" — not reduced to 长期坚持, which says another thing), else the
    status's own word."""
    if m.status is None:
        return m.status_text or None
    said = m.status_text.strip()
    reading = read_status(said) if said else None
    # (a stage the words name and the measure does not record — a notice's "（已销号）" — is the
    # words' own: read back, they say it again)
    if reading is not None and reading.status is m.status and not reading.rest \
            and m.stage in (reading.stage, None) and reading.continuing == m.continuing:
        return said
    return m.status.value


def _is_plain_date(text: str) -> bool:
    return not any(word in text for word in ("前", "底", "季", "半年", "至", "内", "延期"))


def _merge_down(ws: Worksheet, first: int, last: int, *columns: int) -> None:
    if last > first:
        for c in columns:
            ws.merge_cells(start_row=first, start_column=c, end_row=last, end_column=c)


def _live_formats(ws: Worksheet, last_row: int, columns: tuple[str, ...]) -> None:
    """Status drop-down and conditional formats that work in Excel without Python."""
    cols = {name: get_column_letter(i) for i, name in enumerate(columns, start=1)}
    end = last_row + SPARE_ROWS
    status_dv = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                               allow_blank=True, showErrorMessage=True,
                               errorTitle="整改状态", error="请从下拉列表选择整改状态。",
                               promptTitle="整改状态", prompt="已完成/基本完成/正在推进/长期坚持/未启动")
    status_dv.add(f"{cols[F.STATUS]}3:{cols[F.STATUS]}{end}")
    ws.add_data_validation(status_dv)
    m, u = cols[F.MEASURE], cols[F.OWNER_UNIT]
    ws.conditional_formatting.add(
        f"{u}3:{u}{end}",
        FormulaRule(formula=[f'AND(${m}3<>"",${u}3="")'], fill=PatternFill("solid", fgColor=MISSING_UNIT_FILL)),
    )


#: the defined names the grade formats use: the as-of date and the two thresholds (-1: none)
AS_OF_NAME, YELLOW_NAME, ORANGE_NAME = "RECTXL_ASOF", "RECTXL_YELLOW", "RECTXL_ORANGE"
_WARN_TEXT, _WARN_FIRST, _WARN_LAST = "RECTXL_WARN_TEXT", "RECTXL_WARN_FIRST", "RECTXL_WARN_LAST"
#: words that make a deadline without digits due at once / long term (as rectxl reads them)
_AT_ONCE_WORDS = ("立行立改", "即知即改", "立即", "马上", "立查立改", "即查即改", "当即")
_LONG_TERM_WORDS = ("长期", "持续", "常态")


def grade_rules(d: str, s: str) -> list[tuple[Grade, str]]:
    """The template's conditional-format formulas for the deadline cell ``{d}3`` with the status
    in ``{s}3``, one per grade in priority order (each rule stops the ones after it): the same
    grades as :func:`rectxl.core.timing.grade`, judged as of ``RECTXL_ASOF`` (基本信息 报告日期,
    else today) under ``RECTXL_YELLOW`` / ``RECTXL_ORANGE`` (基本信息 预警天数, else 15 days) —
    for dates, and for deadlines written without digits ("立行立改", "长期坚持")."""
    done = f'OR(${s}3="已完成",${s}3="已验收",${s}3="已销号",LEFT(${s}3,3)="已完成")'
    long_status = f'${s}3="长期坚持"'
    open_ = f"AND(NOT({done}),NOT({long_status}))"
    words = f"AND(ISTEXT(${d}3),SUMPRODUCT(--ISNUMBER(FIND({{0,1,2,3,4,5,6,7,8,9}},${d}3)))=0)"
    at_once = "OR(" + ",".join(f'ISNUMBER(FIND("{w}",${d}3))' for w in _AT_ONCE_WORDS) + ")"
    long_words = "OR(" + ",".join(f'ISNUMBER(FIND("{w}",${d}3))' for w in _LONG_TERM_WORDS) + ")"
    dated = f"ISNUMBER(${d}3)"
    left = f"INT(N(${d}3))-{AS_OF_NAME}"  # N(): 0 for text, so that no part of the rule is an error
    return [
        (Grade.GREEN, done),
        (Grade.RED, f"AND({open_},OR(AND({dated},{left}<0),AND({words},{at_once})))"),
        (Grade.BLUE, f"OR({long_status},AND({open_},{words},{long_words},NOT({at_once})))"),
        (Grade.ORANGE, f"AND({open_},{dated},{left}>=0,{left}<={ORANGE_NAME})"),
        (Grade.YELLOW, f"AND({open_},{dated},{left}>=0,{left}<={YELLOW_NAME})"),
    ]


def _grade_formats(wb: Workbook, ws: Worksheet, last_row: int, columns: tuple[str, ...],
                   warn_cell: tuple[str, str]) -> None:
    """Colour the 整改时限 cells by grade (红/橙/黄/蓝/绿, the highlights' colours), live in Excel:
    the as-of date and the thresholds are defined names over 基本信息's 报告日期 and 预警天数."""
    from openpyxl.workbook.defined_name import DefinedName

    report_cell, warn = warn_cell
    text = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM({warn}),"，",","),"、",","),' \
           f'";",","),"；",",")," ",","),"天","")'
    names = {
        AS_OF_NAME: f"IF(ISNUMBER({report_cell}),INT({report_cell}),TODAY())",
        _WARN_TEXT: text,
        _WARN_FIRST: f'IF(ISNUMBER(FIND(",",{_WARN_TEXT})),'
                     f'IFERROR(VALUE(LEFT({_WARN_TEXT},FIND(",",{_WARN_TEXT})-1)),15),IFERROR(VALUE({_WARN_TEXT}),15))',
        _WARN_LAST: f'IF(ISNUMBER(FIND(",",{_WARN_TEXT})),'
                    f'IFERROR(VALUE(TRIM(RIGHT(SUBSTITUTE({_WARN_TEXT},",",REPT(" ",50)),50))),-1),-1)',
        YELLOW_NAME: f"MAX({_WARN_FIRST},{_WARN_LAST})",
        ORANGE_NAME: f"IF({_WARN_LAST}<0,-1,MIN({_WARN_FIRST},{_WARN_LAST}))",
    }
    for name, formula in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=formula)
    cols = {name: get_column_letter(i) for i, name in enumerate(columns, start=1)}
    d, s = cols[F.DEADLINE], cols[F.STATUS]
    end = last_row + SPARE_ROWS
    for g, formula in grade_rules(d, s):
        ws.conditional_formatting.add(
            f"{d}3:{d}{end}",
            FormulaRule(formula=[formula], stopIfTrue=True, fill=PatternFill("solid", fgColor=GRADE_FILLS[g])),
        )


def _write_info_sheet(ws: Worksheet, info: LedgerInfo, *, template: bool = False) -> tuple[str, str]:
    """基本信息 (key | value | 说明) with a 预警天数 row after the known keys ("20,10" in a new
    template); returns the absolute references of the 报告日期 and 预警天数 value cells."""
    for c, (name, w) in enumerate((("项目", 14), ("内容", 60), ("说明", 50)), start=1):
        ws.cell(1, c, name).font = Font(bold=True)
        ws.cell(1, c).fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = w
    for r, (key, attr, note) in enumerate(INFO_ROWS, start=2):
        ws.cell(r, 1, key)
        value = getattr(info, attr)
        if attr == "feedback_date" and value is not None and info.feedback_month_only:
            value = f"{value.year}年{value.month}月"  # the month the notice said, no day made up
        cell = set_text(ws, r, 2, value)
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT  # as the ledger's own dates: 2026年4月10日
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 3, note).font = Font(color="808080")
    warn_row = len(INFO_ROWS) + 2
    _, written = info_warn_days(info)
    ws.cell(warn_row, 1, WARN_KEY)
    set_text(ws, warn_row, 2, written or (DEFAULT_TEMPLATE_WARN if template else None))
    ws.cell(warn_row, 3, "到期前多少天预警，如“20,10”：20天内到期黄色、10天内橙色，逾期红色；空着按15天"
                         "（台账的颜色和 rectxl 校验、提醒函都按此判断）").font = Font(color="808080")
    rows = {key: getattr(info, attr) for key, attr, _ in INFO_ROWS}
    extra = [(k, v) for k, v in info.extra.items()
             if not (k in rows and rows[k] == v) and not is_warn_key(k)]  # no repeats
    for r, (key, value) in enumerate(extra, start=warn_row + 1):
        set_text(ws, r, 1, key)
        set_text(ws, r, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
    report_row = 2 + next(i for i, (_, attr, _) in enumerate(INFO_ROWS) if attr == "report_date")
    return f"'基本信息'!$B${report_row}", f"'基本信息'!$B${warn_row}"


def _write_directory_sheet(ws: Worksheet, ledger: Ledger) -> None:
    ws.cell(1, 1, "责任单位").font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    units: list[str] = list(ledger.owner_units or [])
    for m in ledger.measures():
        for unit in split_units(m.owner_unit):
            if unit not in units:
                units.append(unit)
    for r, unit in enumerate(units, start=2):
        set_text(ws, r, 1, unit)
