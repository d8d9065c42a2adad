"""The 汇总 workbook of ``rectxl batch`` (sheets 整改统计, 单位汇总, 全部问题, 无法读取).

整改统计 is the round statistics per inspected unit, worst first
(:func:`rectxl.core.batch_report.round_rows`): measures, 完成率, 销号率, overdue, orange and
yellow warnings, extensions; then the units of which nothing was counted (0 measures, and why in
说明) — and below them, under 请注意, what to know before comparing the
units (:func:`rectxl.core.batch_report.batch_notes`: versions set aside, 单位名称 contradicting a
file's name, as-of dates that differ). 无法读取 lists every file that was not counted: those that
could not be read, the copies and older versions set aside, and the files not checked.

Written as the results come in (:class:`WorkbookSink`, a :class:`~rectxl.core.batch_report.BatchSink`):
each ledger's findings go straight into 全部问题 (:mod:`rectxl.io.batch_xlsx` streams the sheet
into the package), so that no list of every finding is kept; the sheets of one row per ledger
are written at the end. A 全部问题 that would pass Excel's row limit (:data:`MAX_SHEET_ROWS`) or
its limit of hyperlinks in a sheet (:data:`MAX_SHEET_LINKS`, one per finding) — or would grow
past what a package part may hold without Zip64 (:data:`MAX_SHEET_BYTES`) — goes on in
全部问题2, 全部问题3 … (placed after it; 序号 runs on).

Every text written into a cell — file names, units, messages, cell values, skip reasons — is
written as it is, as an inline string, with Excel's text prefix when it starts like a formula
(:func:`rectxl.io.batch_xlsx.inline`; file names come from whoever filled the folder:
``=HYPERLINK(…).xlsx`` must stay text). The workbook carries rectxl's output marker
(see :func:`rectxl.io.outputs.output_kind`), so that a later batch over a folder holding it skips it.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from rectxl.core.batch_report import (
    BatchResult,
    LedgerResult,
    Skipped,
    batch_notes,
    roster_line,
    round_rows,
    set_aside_title,
)
from rectxl.core.findings import SEVERITY_LABELS, Severity
from rectxl.core.sheets import GRADE_FILLS
from rectxl.core.sheets import MAX_SHEET_LINKS as SHEET_LINKS
from rectxl.core.text import col_letter
from rectxl.core.timing import Grade
from rectxl.io.atomic import atomic_path
from rectxl.io.batch_xlsx import (
    BOLD,
    BOLD_PERCENT,
    LINK,
    PERCENT,
    WRAP,
    SheetStream,
    XlsxStream,
    attr_text,
    cell,
    inline,
    quote_sheet,
    text_xml,
)
from rectxl.io.ooxml import sheet_parts

__all__ = [
    "BATCH_SHEETS",
    "MAX_SHEET_BYTES",
    "MAX_SHEET_LINKS",
    "MAX_SHEET_ROWS",
    "WRITTEN_SHEETS",
    "WorkbookSink",
    "findings_sheet_name",
    "is_batch_workbook",
    "write_workbook",
]

ROUND_SHEET = "整改统计"
UNIT_SHEET = "单位汇总"
FINDINGS_SHEET = "全部问题"
SKIPPED_SHEET = "无法读取"
#: the rows a sheet may have, its header included (Excel's limit; a test lowers it)
MAX_SHEET_ROWS = 1_048_576
#: the hyperlinks a sheet may have (:data:`rectxl.core.sheets.MAX_SHEET_LINKS`); every finding of a
#: file that exists carries one, so 全部问题 also goes on in a further sheet before it holds more
MAX_SHEET_LINKS = SHEET_LINKS
#: the bytes of XML a sheet part may hold before 全部问题 goes on in a further sheet: a part of
#: 2 GiB or more would need Zip64 fields (rows are taken :data:`_STEP` at a time, each step
#: checked; a margin is left for the step and the rows still buffered)
MAX_SHEET_BYTES = 3 << 29
_STEP = 1000
_UNIT_HEADER = ["序号", "单位", "文件", "问题数", "措施数", "已完成", "基本完成", "正在推进", "长期坚持", "未启动",
                "状态不明", "逾期", "完成率", "错误", "警告", "提示", "截至日期", "读取的工作表"]
_ROUND_HEADER = ["排序", "被巡察单位", "台账文件", "措施数", "已完成", "完成率", "已销号", "销号率", "逾期（红）",
                 "橙色预警", "黄色预警", "延期", "截至日期"]
#: the column after them when some unit has nothing counted (why)
_REASON_HEADER = "说明"
_ROUND_WIDTHS: list[float] = [6, 28, 36, 8, 8, 8, 8, 8, 10, 10, 10, 8, 12, 60]
#: header cells of 整改统计 coloured as the grades they count (逾期 red, 橙 orange, 黄 yellow)
_ROUND_FILLS = {"逾期（红）": GRADE_FILLS[Grade.RED], "橙色预警": GRADE_FILLS[Grade.ORANGE],
                "黄色预警": GRADE_FILLS[Grade.YELLOW]}
_FINDING_HEADER = ["序号", "单位", "文件", "严重程度", "代码", "问题说明", "单元格", "行", "列名", "单元格内容"]
_FINDING_WIDTHS: list[float] = [7, 24, 30, 8, 22, 70, 12, 6, 10, 30]
_HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def findings_sheet_name(index: int) -> str:
    """全部问题, 全部问题2, 全部问题3 … (``index`` from 1)."""
    return FINDINGS_SHEET if index == 1 else f"{FINDINGS_SHEET}{index}"


def _tail(escaped: str, style: int = 0) -> str:
    """What follows ``<c r="B7"`` in a cell of text already escaped (:func:`text_xml`)."""
    s = f' s="{style}"' if style else ""
    full = inline("X", escaped, s)
    return full[len('<c r="X"'):] if full else ""


class WorkbookSink:
    """The 汇总 workbook at ``output``, written as ledgers come (:meth:`add`, in file order) and
    finished by :meth:`close` (saved atomically), or given up by :meth:`abort`. Links are
    relative to ``output``'s folder and point into ``folder`` (the folder checked)."""

    def __init__(self, output: Path, folder: Path) -> None:
        self.output = Path(output)
        self.base = self.output.resolve().parent
        self.folder = Path(folder).resolve()
        self._atomic = atomic_path(self.output)
        tmp = self._atomic.__enter__()
        try:
            self.book = XlsxStream(tmp, header_fills=tuple(dict.fromkeys(_ROUND_FILLS.values())))
        except BaseException:
            self._atomic.__exit__(RuntimeError, RuntimeError("abandoned"), None)
            raise
        self.findings: SheetStream | None = None
        self.finding_sheets: list[str] = []
        self.n = 0
        self._tails: dict[str, str] = {}
        self._severity = {s.value: _tail(text_xml(SEVERITY_LABELS[s])) for s in Severity}
        self._done = False

    # -- links into the folder ----------------------------------------------------------------

    def target(self, rel: str) -> str:
        path = self.folder / rel
        try:
            return Path(os.path.relpath(path, self.base)).as_posix()
        except ValueError:  # another drive (Windows): an absolute link
            return path.as_posix()

    def linkable(self, rel: str) -> bool:
        """A name shown decoded (GBK) is not the file's real name: no link."""
        return os.path.lexists(self.folder / rel)

    def _cached(self, text: str) -> str:
        """:func:`_tail` of a text of few values (codes, column names, sheet names)."""
        tail = self._tails.get(text)
        if tail is None:
            if len(self._tails) > 10_000:
                self._tails.clear()
            tail = self._tails[text] = _tail(text_xml(text))
        return tail

    # -- 全部问题, as the ledgers come ------------------------------------------------------------

    def _findings_sheet(self, linked: bool = False) -> tuple[SheetStream, int]:
        """The 全部问题 sheet being written and the findings it can still take (a new sheet when
        it is full: by rows, or by links when the findings to come have them)."""
        sheet = self.findings
        if sheet is not None:
            room = MAX_SHEET_ROWS - sheet.rows
            if linked:
                room = min(room, MAX_SHEET_LINKS - sheet.next_link + 1)
            if room > 0 and sheet.size < MAX_SHEET_BYTES:
                return sheet, min(room, _STEP)
            sheet.autofilter()
            sheet.close()
        name = findings_sheet_name(len(self.finding_sheets) + 1)
        self.finding_sheets.append(name)
        sheet = self.findings = self.book.sheet(name, _FINDING_HEADER, _FINDING_WIDTHS)
        room = MAX_SHEET_ROWS - sheet.rows
        return sheet, min(room, MAX_SHEET_LINKS if linked else room, _STEP)

    def add(self, r: LedgerResult) -> None:
        """The findings of one more ledger (ledgers come in file order)."""
        findings = r.findings
        if not findings:
            return
        linked = self.linkable(r.file)
        target_attr = attr_text(self.target(r.file)) if linked else ""
        unit = _tail(text_xml(r.unit))
        file_text = text_xml(r.file)
        file_plain = _tail(file_text)
        file_link = _tail(file_text, LINK) if linked else file_plain
        where_style = LINK if linked else 0
        severity = self._severity
        cached = self._cached
        wrap = f' s="{WRAP}"'
        start = 0
        while start < len(findings):
            sheet, room = self._findings_sheet(linked)
            chunk = findings[start : start + room]
            start += len(chunk)
            rows: list[str] = []
            links: list[str] = []
            rels: list[str] = []
            k = sheet.next_link
            n = self.n
            row = sheet.next_row
            for code, sev, message, sheet_name, ref, line, field, value in chunk:
                n += 1
                if ref and sheet_name:
                    file_cell = file_plain
                    where = _tail(text_xml(f"{sheet_name}!{ref}"), where_style)
                    if linked:
                        location = attr_text(f"{quote_sheet(str(sheet_name))}!{ref}")
                        links.append(f'<hyperlink ref="G{row}" r:id="rId{k}" location="{location}"/>')
                        rels.append(f'<Relationship Id="rId{k}" Type="{_HYPERLINK_REL}" Target="{target_attr}" '
                                    'TargetMode="External"/>')
                        k += 1
                else:
                    file_cell = file_link
                    where = cached(sheet_name or "")
                    if linked:
                        links.append(f'<hyperlink ref="C{row}" r:id="rId{k}"/>')
                        rels.append(f'<Relationship Id="rId{k}" Type="{_HYPERLINK_REL}" Target="{target_attr}" '
                                    'TargetMode="External"/>')
                        k += 1
                msg = inline(f"F{row}", text_xml(message), wrap)
                rows.append(
                    f'<row r="{row}"><c r="A{row}"><v>{n}</v></c>'
                    + (f'<c r="B{row}"{unit}' if unit else "")
                    + (f'<c r="C{row}"{file_cell}' if file_cell else "")
                    + f'<c r="D{row}"{severity[sev]}'
                    + (f'<c r="E{row}"{cached(code)}' if code else "")
                    + msg
                    + (f'<c r="G{row}"{where}' if where else "")
                    + (f'<c r="H{row}"><v>{line}</v></c>' if type(line) is int else cell(f"H{row}", line))
                    + (f'<c r="I{row}"{cached(field)}' if field else "")
                    + ("" if value is None else cell(f"J{row}", value))
                    + "</row>")
                row += 1
            self.n = n
            sheet.add_rows(rows, len(rows))
            if links:
                sheet.links("".join(links), "".join(rels), len(links))

    # -- the rest, at the end ---------------------------------------------------------------------

    def close(self, result: BatchResult) -> None:
        """Write the sheets of one row per ledger and per skipped file; save the workbook."""
        book = self.book
        sheet = self._findings_sheet()[0] if self.findings is None else self.findings
        sheet.autofilter()
        sheet.close()
        self.findings = None

        def link(ws: SheetStream, ref: str, label: str, rel: str) -> str:
            if not self.linkable(rel):
                return cell(ref, label)
            ws.link(ref, self.target(rel))
            return cell(ref, label, LINK)

        rows = round_rows(result)
        said = any(row.reason for row in rows)
        ranked = book.sheet(ROUND_SHEET, _ROUND_HEADER + [_REASON_HEADER] * said,
                            _ROUND_WIDTHS[: len(_ROUND_HEADER) + said],
                            _ROUND_FILLS)
        for i, row in enumerate(rows, start=1):
            n = ranked.next_row
            files = (link(ranked, f"C{n}", row.files[0], row.files[0]) if len(row.files) == 1
                     else cell(f"C{n}", "、".join(row.files)))
            if row.reason:  # nothing of this unit counted: listed, so that it is chased, not ranked
                ranked.add(cell(f"A{n}", i) + cell(f"B{n}", row.unit) + files + cell(f"D{n}", 0)
                           + cell(f"N{n}", row.reason, WRAP))
                continue
            ranked.add(cell(f"A{n}", i) + cell(f"B{n}", row.unit) + files + cell(f"D{n}", row.measures)
                       + cell(f"E{n}", row.done) + cell(f"F{n}", round(row.rate, 4), PERCENT)
                       + cell(f"G{n}", row.closed) + cell(f"H{n}", round(row.closure_rate, 4), PERCENT)
                       + cell(f"I{n}", row.overdue) + cell(f"J{n}", row.orange) + cell(f"K{n}", row.yellow)
                       + cell(f"L{n}", row.extended) + cell(f"M{n}", row.as_of))
        if rows:
            ranked.autofilter()
        if result.roster:  # below the table: how many of the units that must report are in it
            ranked.add("")
            n = ranked.next_row
            ranked.add(cell(f"B{n}", roster_line(result, "见上表末尾写明原因的各行"), BOLD))
        notes = batch_notes(result)
        if notes:  # below the table, outside its filter: what to know before comparing the units
            ranked.add("")
            n = ranked.next_row
            ranked.add(cell(f"B{n}", "请注意", BOLD))
            for i, note in enumerate(notes, start=1):
                n = ranked.next_row
                ranked.add(cell(f"A{n}", i) + cell(f"B{n}", note.message))
        ranked.close()

        units = book.sheet(UNIT_SHEET, _UNIT_HEADER, [6, 28, 36, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12, 30])
        keys = ("measures", "done", "mostly_done", "in_progress", "long_term", "not_started", "unknown", "overdue")
        letters = [col_letter(c) for c in range(len(_UNIT_HEADER))]
        for i, r in enumerate(result.ledgers, start=1):
            n = units.next_row
            c = r.counts
            counts = "".join(cell(f"{letters[4 + j]}{n}", c[key]) for j, key in enumerate(keys))
            sev = r.by_severity
            units.add(cell(f"A{n}", i) + cell(f"B{n}", r.unit) + link(units, f"C{n}", r.file, r.file)
                      + cell(f"D{n}", r.issues) + counts
                      + cell(f"M{n}", round(r.rate, 4), PERCENT) + cell(f"N{n}", sev["error"])
                      + cell(f"O{n}", sev["warning"]) + cell(f"P{n}", sev["info"]) + cell(f"Q{n}", r.as_of)
                      + cell(f"R{n}", "、".join(r.sheets), WRAP))
        t = result.totals()
        n = units.next_row
        issues = sum(r.issues for r in result.ledgers)
        totals: list[Any] = ["", f"合计（{t['ledgers']} 个台账）", "", issues, *(t[key] for key in keys), t["rate"],
                             t["by_severity"]["error"], t["by_severity"]["warning"], t["by_severity"]["info"], "", ""]
        units.add("".join(cell(f"{letters[j]}{n}", value, BOLD_PERCENT if j == 12 else BOLD)
                          for j, value in enumerate(totals)))
        units.autofilter(len(result.ledgers) + 1)
        units.close()

        skipped = book.sheet(SKIPPED_SHEET, ["序号", "文件", "原因"], [6, 40, 90])
        for i, s in enumerate(result.skipped, start=1):
            n = skipped.next_row
            skipped.add(cell(f"A{n}", i) + link(skipped, f"B{n}", s.file, s.file) + cell(f"C{n}", s.reason))
        if not result.skipped:
            skipped.add(cell("B2", "（无）") + cell("C2", "所有台账文件均已读取"))
        # every file of the folder is accounted for: those not counted and not checked too
        aside = f"未统计的{set_aside_title(result)}"
        for title, listed in ((aside, result.set_aside), ("未检查的文件", result.ignored)):
            if listed:
                self._file_section(skipped, title, listed, link)
        skipped.close()

        book.finish([ROUND_SHEET, UNIT_SHEET, *self.finding_sheets, SKIPPED_SHEET], kind="batch")
        self._done = True
        self._atomic.__exit__(None, None, None)

    @staticmethod
    def _file_section(ws: SheetStream, title: str, files: list[Skipped], link: Any) -> None:
        """A blank row, a heading ``title`` and a row per file with its reason."""
        ws.add("")
        n = ws.next_row
        ws.add(cell(f"B{n}", title, BOLD) + cell(f"C{n}", "原因", BOLD))
        for i, s in enumerate(files, start=1):
            n = ws.next_row
            ws.add(cell(f"A{n}", i) + link(ws, f"B{n}", s.file, s.file) + cell(f"C{n}", s.reason))

    def abort(self) -> None:
        """Give up: no workbook is written (an earlier one at ``output`` stays as it was)."""
        if self._done:
            return
        self._done = True
        self.book.discard()
        self._atomic.__exit__(RuntimeError, RuntimeError("abandoned"), None)


def write_workbook(result: BatchResult, output: Path, *, folder: Path | None = None) -> Path:
    """The 汇总 workbook of a finished run whose ledgers still have their findings (sheets
    整改统计, 单位汇总, 全部问题, 无法读取), links relative to ``output``'s folder into ``folder``
    (default: ``result.folder``). Saved atomically."""
    sink = WorkbookSink(output, Path(result.folder) if folder is None else folder)
    try:
        for r in result.ledgers:
            sink.add(r)
        sink.close(result)
    except BaseException:
        sink.abort()
        raise
    return Path(output)


#: the sheets of a 汇总 workbook written before 整改统计 existed — exactly what
#: :func:`rectxl.io.outputs.output_kind` recognises in a workbook without rectxl's marker
BATCH_SHEETS = (UNIT_SHEET, FINDINGS_SHEET, SKIPPED_SHEET)
#: the sheets written now (the workbook carries the marker)
WRITTEN_SHEETS = (ROUND_SHEET, *BATCH_SHEETS)


def is_batch_workbook(path: Path) -> bool:
    """A workbook ``rectxl batch`` wrote (its sheets are exactly 整改统计, 单位汇总, 全部问题, 无法读取
    — with 全部问题2 … after 全部问题 when the findings did not fit in one sheet — or the last
    three, as earlier versions wrote them)."""
    try:
        with zipfile.ZipFile(path) as zf:
            sheets = tuple(sheet_parts(zf))
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    if sheets == BATCH_SHEETS:
        return True
    more = len(sheets) - len(WRITTEN_SHEETS)
    overflow = tuple(findings_sheet_name(i) for i in range(2, more + 2))
    return more >= 0 and sheets == (*WRITTEN_SHEETS[:3], *overflow, SKIPPED_SHEET)
