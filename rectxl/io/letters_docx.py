"""The reminder letters as Word documents, and the 提醒清单 workbook (``rectxl remind``).

:func:`write_letters_docx` lays out the letters of one owner unit (:class:`rectxl.core.letters.UnitLetters`:
a 提醒函, a 督办通知 or 告诫书, or both, each starting on a new page) in the notice's official-document
style (GB/T 9704, :func:`rectxl.io.docx_notice.official_document`): title in 小标宋, 主送机关 flush
left, body 仿宋 16 pt, the measures in a ruled table (仿宋 12 pt), contact line, signature and date
right-aligned, and the co-operating units (配合单位) under 抄送. :func:`write_reminder_workbook`
writes the 提醒清单 (one row per measure, per lead owner unit and person, with a link to its cell
in the ledger) and 提醒统计 (counts per unit and person).

Every text written into a cell goes through :func:`rectxl.io.openpyxl_cells.append_text_row` (exactly the
text, never a formula); writes are
atomic (:func:`rectxl.io.atomic.atomic_path`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rectxl.core import fields as F
from rectxl.core.letters import Letter, ReminderPlan, ReminderRow, UnitLetters
from rectxl.core.sheets import GRADE_FILLS
from rectxl.core.timing import GRADE_WORDS, Grade
from rectxl.core.units import split_names
from rectxl.io.atomic import atomic_path
from rectxl.io.openpyxl_cells import append_text_row
from rectxl.io.outputs import mark_document

__all__ = [
    "LIST_NAME",
    "LIST_SHEET",
    "STATS_SHEET",
    "Reminders",
    "build_letters_document",
    "letter_file_name",
    "write_letters_docx",
    "write_reminder_workbook",
    "write_reminders",
]

LIST_SHEET = "提醒清单"
#: the 提醒清单 workbook's name in the output folder
LIST_NAME = "提醒清单.xlsx"
STATS_SHEET = "提醒统计"
#: 提醒统计's unit cell of a leader's counts over all units (a ledger naming leaders, no 责任人)
ALL_UNITS = "（各单位合计）"
#: the letter table's column widths (mm): 序号, 问题, 整改措施, 整改时限, 天数, 责任领导, 责任人 — the
#: 156 mm type area of A4 under GB/T 9704 margins; 整改时限 holds "12月31日" on a line at 小四
_COLUMN_MM = (13, 25, 36, 26, 16, 21, 19)
_TYPE_AREA_MM = sum(_COLUMN_MM)
#: the columns written centred (the others: 问题, 整改措施 — left)
_CENTRED = frozenset({"序号", "整改时限", "剩余天数", "逾期天数", "责任领导", "责任人"})


def _widths(header: list[str]) -> list[int]:
    """The widths of a table of ``header``'s columns: as :data:`_COLUMN_MM`, what a column the
    ledger does not have (责任领导, 责任人) would take given to 问题 and 整改措施."""
    widths = list(_COLUMN_MM[: len(header)])
    spare = _TYPE_AREA_MM - sum(widths)
    if spare > 0 and len(widths) >= 3:
        widths[1] += spare // 2
        widths[2] += spare - spare // 2
    return widths
_TABLE_PT = 12  # 小四
#: "2026年11月25日…" in the 整改时限 column: the year on a line of its own
_YEAR_FIRST = re.compile(r"^(\d{4}年)(?=\d{1,2}月)")


def _deadline_cell(text: str) -> str:
    """整改时限 as written in the letter's 24 mm column: a full date breaks after its year
    ("2026年" / "11月25日") — left to wrap on its own it broke inside the date ("11月25" / "日").
    A deadline worded otherwise ("原定…，延期至…", "2026年底前") wraps as it falls."""
    return _YEAR_FIRST.sub("\\1\n", text, count=1)


def _table(doc: Any, letter: Letter) -> None:
    from copy import deepcopy

    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    from docx.text.paragraph import Paragraph

    from rectxl.io.docx_notice import add_official_text, table_text_style

    rows = letter.table()
    if "整改时限" in letter.header:
        at = letter.header.index("整改时限")
        rows = [[*row[:at], _deadline_cell(row[at]), *row[at + 1:]] for row in rows]
    widths = [Mm(w) for w in _widths(letter.header)]
    style = table_text_style(doc, size=Pt(_TABLE_PT), line_spacing=Pt(20))
    # the header and the first row are made cell by cell; the other rows are copies of the first
    # with their own text — formatting each cell through python-docx (widths, style, alignment:
    # each a search of the element's children) cost a letter of 5,000 measures half a minute
    table = doc.add_table(rows=1 + min(len(rows), 1), cols=len(letter.header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    centred = [h in _CENTRED for h in letter.header]
    for r, (row, values) in enumerate(zip(table.rows, [letter.header, *rows[:1]], strict=True)):
        cells = row.cells
        if r == 0:  # the header row repeats on every page the table runs over
            tr_pr = row._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
        for c, value in enumerate(values):
            cell = cells[c]
            cell.width = widths[c]
            p = cell.paragraphs[0]
            p._p.style = style.style_id  # (``p.style = style`` looks the style up among all of them)
            if r == 0 or centred[c]:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_official_text(p, value)
            if r == 0:
                for run in p.runs:
                    run.font.bold = True
    if len(rows) > 1:
        template = table.rows[1]._tr
        for values in rows[1:]:
            tr = deepcopy(template)
            for tc, value in zip(tr.iterchildren(qn("w:tc")), values, strict=True):
                p_el = tc.find(qn("w:p"))
                for run_el in p_el.findall(qn("w:r")):
                    p_el.remove(run_el)
                add_official_text(Paragraph(p_el, table), value)
            table._tbl.append(tr)
    for c, width in enumerate(widths):
        table.columns[c].width = width


def _letter(doc: Any, letter: Letter, *, first: bool) -> None:
    from rectxl.io.docx_notice import add_official_text, place_signature, set_no_indent

    title = doc.add_paragraph(style="公文标题")
    if not first:  # each letter on a page of its own (no empty page at the end)
        title.paragraph_format.page_break_before = True
    add_official_text(title, letter.title)
    addressee = doc.add_paragraph()
    set_no_indent(addressee)
    add_official_text(addressee, letter.addressee)
    for text in letter.opening:
        add_official_text(doc.add_paragraph(), text)
    _table(doc, letter)
    if letter.column_note:  # said once, under the table: the ledger has no 责任人 (责任领导) column
        add_official_text(doc.add_paragraph(), letter.column_note)
    for i, text in enumerate(letter.closing):
        p = doc.add_paragraph()
        add_official_text(p, text)
        if i == len(letter.closing) - 1:  # the signature page keeps some text (never alone)
            p.paragraph_format.keep_with_next = True
    contact = doc.add_paragraph()
    add_official_text(contact, letter.contact)
    contact.paragraph_format.keep_with_next = True
    doc.add_paragraph().paragraph_format.keep_with_next = True
    signature = doc.add_paragraph(style="落款")
    add_official_text(signature, letter.issuer)
    issued = doc.add_paragraph(style="落款")
    add_official_text(issued, letter.issued)
    place_signature(signature, issued, letter.issuer, letter.issued)
    if letter.copy_line:  # 版记: the co-operating units the letter is copied to (GB/T 9704 抄送机关)
        from docx.shared import Pt

        doc.add_paragraph()
        copies = doc.add_paragraph()
        set_no_indent(copies)
        copies.paragraph_format.left_indent = Pt(14)  # one character in from the margin
        add_official_text(copies, letter.copy_line)
        for run in copies.runs:
            run.font.size = Pt(14)  # 4号


def build_letters_document(unit: UnitLetters) -> Any:
    """One unit's letters as an in-memory python-docx ``Document``."""
    from rectxl.io.docx_notice import official_document

    doc = official_document()
    for i, letter in enumerate(unit.letters):
        _letter(doc, letter, first=i == 0)
    core = doc.core_properties
    core.title = "、".join(letter.title for letter in unit.letters)
    core.author = unit.letters[0].issuer if unit.letters else ""
    core.subject = f"{unit.word}整改{unit.kinds}（{unit.unit}）"
    core.last_modified_by = ""
    core.comments = ""
    mark_document(doc, "letters")
    return doc


def write_letters_docx(unit: UnitLetters, path: Path) -> Path:
    """Write one unit's letters to ``path`` (.docx), atomically; returns the path."""
    doc = build_letters_document(unit)
    with atomic_path(Path(path)) as tmp:
        doc.save(str(tmp))
    return Path(path)


def write_reminder_workbook(path: Path, rows: list[ReminderRow], *, title: str,
                            ledger_path: Path | None = None, absent: tuple[str, ...] = ()) -> Path:
    """The 提醒清单 workbook: sheet 提醒清单 (a title row, the header, one row per measure and
    person, each 台账位置 linking to the cell in the ledger at ``ledger_path``) and 提醒统计
    (逾期 / 橙色预警 / 黄色预警 per unit and per person, unit subtotals first). ``absent``: the
    people's columns the ledger does not have — said once (the title says so), their cells left
    empty and no row per person in 提醒统计."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    from rectxl.io.outputs import mark_output

    path = Path(path)
    wb = Workbook()
    mark_output(wb, "remind")
    ws = wb.active
    assert ws is not None
    ws.title = LIST_SHEET
    header = ["序号", "责任单位", "责任人", "责任领导", "类别", "预警", "问题", "整改措施", "整改时限", "剩余/逾期天数",
              "整改状态", "配合单位", "台账位置"]
    widths = [6, 16, 10, 10, 6, 10, 30, 44, 22, 12, 10, 14, 14]
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="D9E1F2")
    append_text_row(ws, [title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append(header)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
        ws.cell(2, c).font, ws.cell(2, c).fill = bold, header_fill
    link_target = None
    if ledger_path is not None:
        try:
            link_target = Path(os.path.relpath(Path(ledger_path).resolve(), path.resolve().parent)).as_posix()
        except ValueError:  # another drive (Windows)
            link_target = Path(ledger_path).resolve().as_posix()
    wrap = Alignment(vertical="top", wrap_text=True)
    for i, row in enumerate(rows, start=1):
        it = row.item
        where = f"{it.sheet}!{it.cell}" if it.sheet and it.cell else (f"第{it.row}行" if it.row else "")
        r = append_text_row(ws, [i, row.unit, row.person, row.lead, row.kind, GRADE_WORDS[row.grade], it.issue,
                                 it.measure, it.deadline, it.days_text, it.status, it.co_owner, where])
        ws.cell(r, 6).fill = PatternFill("solid", fgColor=GRADE_FILLS[row.grade])
        for c in (7, 8, 9):
            ws.cell(r, c).alignment = wrap
        if link_target and it.sheet and it.cell:
            sheet = it.sheet.replace("'", "''")
            ws.cell(r, 13).hyperlink = Hyperlink(ref=f"M{r}", target=link_target, location=f"'{sheet}'!{it.cell}")
            ws.cell(r, 13).style = "Hyperlink"
    if not rows:
        ws.append(["", "（无）", "截至日期没有临期或逾期的整改措施"])
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{max(ws.max_row, 2)}"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    stats = wb.create_sheet(STATS_SHEET)
    # per person (责任人); a ledger with no 责任人 column but its leaders (牵头领导, 责任领导): per leader
    by = F.OWNER_PERSON if F.OWNER_PERSON not in absent else (F.LEAD if any(r.lead for r in rows) else "")
    stats_header = ["责任单位", by or F.OWNER_PERSON, "逾期（红）", "橙色预警", "黄色预警", "合计"]
    stats.append(stats_header)
    for c, width in enumerate((18, 12, 10, 10, 10, 8), start=1):
        stats.column_dimensions[get_column_letter(c)].width = width
        stats.cell(1, c).font = bold
    for c, g in ((3, Grade.RED), (4, Grade.ORANGE), (5, Grade.YELLOW)):
        stats.cell(1, c).fill = PatternFill("solid", fgColor=GRADE_FILLS[g])
    for unit, person, counts in _stats(rows, by=by):
        r = append_text_row(stats, [unit, person, *counts, sum(counts)])
        if person == "（合计）":
            for c in range(1, 7):
                stats.cell(r, c).font = bold
    stats.freeze_panes = "A2"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _stats(rows: list[ReminderRow], *, by: str = F.OWNER_PERSON) -> list[tuple[str, str, list[int]]]:
    """Per unit: its total, then each person (逾期, 橙, 黄) — each 责任人, or with ``by`` 责任领导
    each leader ("王局长、李副局长": both), or none with ``by`` "" (the ledger names neither); a
    measure counts once per unit and once per person."""
    order = {Grade.RED: 0, Grade.ORANGE: 1, Grade.YELLOW: 2}
    units: dict[str, dict[str, list[int]]] = {}
    totals: dict[str, list[int]] = {}
    seen: set[tuple[str, str, int]] = set()
    counted: set[tuple[str, str, str, int]] = set()
    for row in rows:
        people = units.setdefault(row.unit, {})
        names = [row.person] if by == F.OWNER_PERSON else split_names(row.lead) if by == F.LEAD else []
        for person in names or [""]:
            if (row.unit, person, row.item.sheet, row.item.row) not in counted:
                counted.add((row.unit, person, row.item.sheet, row.item.row))
                people.setdefault(person or "（未填写）", [0, 0, 0])[order[row.grade]] += 1
        key = (row.unit, row.item.sheet, row.item.row)
        if key not in seen:
            seen.add(key)
            totals.setdefault(row.unit, [0, 0, 0])[order[row.grade]] += 1
    out: list[tuple[str, str, list[int]]] = []
    for unit, people in units.items():
        out.append((unit, "（合计）", totals[unit]))
        if by:
            out.extend((unit, person, counts) for person, counts in people.items())
    if by == F.LEAD:  # a leader oversees several units: each leader's measures, all units together
        leaders: dict[str, list[int]] = {}
        once: set[tuple[str, str, int]] = set()
        for row in rows:
            for person in split_names(row.lead) or [""]:
                if person and (person, row.item.sheet, row.item.row) not in once:
                    once.add((person, row.item.sheet, row.item.row))
                    leaders.setdefault(person, [0, 0, 0])[order[row.grade]] += 1
        out.extend((ALL_UNITS, person, counts) for person, counts in leaders.items())
    return out


@dataclass
class Reminders:
    """What ``rectxl remind`` did: the as-of date and thresholds, each unit's letters and the
    file they went to, the 提醒清单 workbook and its rows (nothing written when nothing is due)."""

    as_of: date
    as_of_source: str
    warn_days: tuple[int, ...]
    folder: Path
    letters: list[tuple[UnitLetters, Path]] = field(default_factory=list)
    list_path: Path | None = None
    rows: list[ReminderRow] = field(default_factory=list)
    #: unfinished measures left out because their 整改时限 cannot be read (ReminderPlan.unreadable)
    unreadable: list[str] = field(default_factory=list)
    #: the ledger has no 责任单位 column (ReminderPlan.no_unit_column)
    no_unit_column: bool = False


#: characters a file name cannot hold on Windows (and "/" anywhere), and control characters
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def letter_file_name(unit: UnitLetters) -> str:
    """``办公室_提醒函.docx``, ``财务股_提醒函和督办通知.docx`` (unsafe characters replaced)."""
    name = _UNSAFE_NAME.sub("_", unit.unit).strip(" ._") or "责任单位"
    return f"{name[:40]}_{unit.kinds}.docx"


#: names of files, not of the folder the letters go in ("-o 提醒函.docx" meant one document)
_FILE_SUFFIXES = (".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".pdf", ".txt", ".md", ".zip")


def write_reminders(ledger_path: Path, output: Path | None, plan: ReminderPlan, *, force: bool = False) -> Reminders:
    """Write the letters and the 提醒清单 into ``output`` (a folder; default ``<台账>_提醒_YYYYMMDD``
    beside the ledger, created when missing). Every target is decided before anything is written
    (:func:`rectxl.io.outputs.resolve_output`: an existing file only with ``force``, never the
    ledger itself); nothing is written when nothing is due."""
    from rectxl.core.errors import UnsafeWriteError
    from rectxl.io.outputs import default_output, resolve_output

    ledger_path = Path(ledger_path)
    units, rows = plan.units, plan.rows
    folder = Path(output) if output is not None else default_output(ledger_path, f"提醒_{plan.as_of:%Y%m%d}", "")
    done = Reminders(as_of=plan.as_of, as_of_source=plan.as_of_source, warn_days=plan.warn_days, folder=folder,
                     rows=rows, unreadable=plan.unreadable, no_unit_column=plan.no_unit_column)
    if not rows:
        return done
    if folder.exists() and not folder.is_dir():
        raise UnsafeWriteError(f"{folder} 不是文件夹：请用 -o 指定一个文件夹")
    created = not folder.exists()
    if created and folder.suffix.lower() in _FILE_SUFFIXES:
        raise UnsafeWriteError(f"“{folder.name}”是文件名，而提醒函按责任单位各写一份（另有提醒清单）："
                               f"-o 请指定一个文件夹，如 -o {folder.with_suffix('')}")
    if created:
        if not folder.parent.is_dir():
            raise UnsafeWriteError(f"输出文件夹的上级文件夹不存在：{folder.parent}")
        folder.mkdir()
    try:
        names = [letter_file_name(u) for u in units]
        seen: dict[str, int] = {}
        for i, name in enumerate(names):  # two units whose names differ only in unsafe characters
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                names[i] = name.replace(".docx", f"_{seen[name]}.docx")
        targets = [resolve_output(None, folder / name, suffix="提醒", formats={".docx": "docx"}, force=force,
                                  inputs=[ledger_path]).path for name in names]
        list_target = resolve_output(None, folder / LIST_NAME, suffix="提醒清单", formats={".xlsx": "xlsx"},
                                     force=force, inputs=[ledger_path]).path
    except Exception:
        if created and not any(folder.iterdir()):
            folder.rmdir()
        raise
    for unit, target in zip(units, targets, strict=True):
        done.letters.append((unit, write_letters_docx(unit, target)))
    done.list_path = write_reminder_workbook(list_target, rows, title=plan.title, ledger_path=ledger_path,
                                             absent=plan.absent)
    return done
