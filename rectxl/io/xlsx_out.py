"""rectxl's workbook outputs.

- ``annotate`` / ``--clear`` on the user's own workbook: edits of its package, never a re-save
  (:mod:`rectxl.io.marks` says exactly what changes; every other part is copied byte for byte).
- A new workbook of summary sheets (:func:`write_summary_file`): written directly as a package
  by :mod:`rectxl.io.summary_xlsx` — the workbook openpyxl would save from :func:`write_spec`,
  without openpyxl (which is not even imported).
- The diff workbook, and any spec the direct writer does not reproduce: written by openpyxl from
  :class:`rectxl.core.sheets.SheetSpec` (:func:`write_spec`) — nothing of the user's is in them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rectxl.core.errors import RectxlError
from rectxl.core.model import Ledger
from rectxl.core.names import FINDINGS_SHEET, OUTPUT_SHEETS
from rectxl.core.report import cell_text
from rectxl.core.sheets import SheetSpec, summary_sheets
from rectxl.core.validate import Report
from rectxl.io.atomic import atomic_path
from rectxl.io.openpyxl_cells import keep_text

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook as WorkbookT
    from openpyxl.worksheet.worksheet import Worksheet

    from rectxl.io.marks import AnnotateOutcome, ClearOutcome, Record
    from rectxl.io.package import Package
    from rectxl.io.workbook_parts import Book

__all__ = [
    "WrittenMarks",
    "annotate_file",
    "clear_file",
    "clear_file_outcome",
    "ensure_editable",
    "write_spec",
    "write_summary_file",
    "written_marks",
]

# openpyxl and the package editors are imported where they are used: ``rectxl summary`` needs
# neither (importing openpyxl alone takes ~0.5 s, numpy included).

_HEADER_FILL = "D9E1F2"


def write_spec(wb: WorkbookT, spec: SheetSpec) -> Worksheet:
    """(Re)create sheet ``spec.name`` at the end of ``wb`` with the spec's values and formats.

    Text is written exactly as it is (:func:`cell_text`), as a string cell: one that openpyxl
    would take for a formula ("=…") or an error value ("#N/A") is forced to a string, and a text
    that starts like a formula gets Excel's text prefix (``quotePrefix``) on its format, so that
    it stays text when the user edits the cell — what Excel itself keeps for a cell typed with a
    leading ``'``, and what the Excel add-in's cells get (:mod:`rectxl.excel.book_io`)."""
    from openpyxl.cell import Cell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.worksheet.properties import Outline

    if spec.name in wb.sheetnames:
        del wb[spec.name]
    ws = wb.create_sheet(spec.name)
    # The table below the header is written wrapped, every cell up to the sheet's width: built
    # with its style rather than styled afterwards (the 整改明细 sheet of a 100,000-measure
    # ledger has over a million cells). Alignments are registered in the order of assignment.
    width = max((len(row) for row in spec.rows), default=0) or 1
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wb._alignments.add(header_alignment)
    wrapped = StyleArray()
    wrapped.alignmentId = wb._alignments.add(Alignment(vertical="top", wrap_text=True))
    for i, row in enumerate(spec.rows):
        values = [cell_text(v) for v in row]
        if i <= spec.header_row:
            cells: list[Any] = [Cell(ws, value=v) for v in values]
        else:
            cells = ([Cell(ws, value=v, style_array=wrapped) for v in values]
                     + [Cell(ws, style_array=wrapped) for _ in range(width - len(values))])
        for cell in cells:
            keep_text(cell)
        ws.append(cells)
    bold = Font(bold=True)
    for r in sorted(spec.bold_rows):
        for c in range(1, width + 1):
            ws.cell(r + 1, c).font = bold
    for c, col_width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = col_width
    ncols = len(spec.widths)
    banner = Alignment(vertical="top", wrap_text=True)
    for r in sorted(spec.merged_rows):  # text above the table: across its width, wrapped
        ws.cell(r + 1, 1).alignment = banner
        if ncols > 1:
            ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=ncols)
    for r in sorted(spec.wrapped_rows):  # text above the table, wrapped in each its own column
        for c in range(1, len(spec.rows[r]) + 1 if r < len(spec.rows) else 1):
            ws.cell(r + 1, c).alignment = banner
    for r, height in spec.row_heights.items():
        ws.row_dimensions[r + 1].height = height
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for c in range(1, width + 1):
        cell = ws.cell(spec.header_row + 1, c)
        cell.fill = header_fill
        cell.alignment = header_alignment
    for r, color in spec.row_fills.items():
        fill = PatternFill("solid", fgColor=color)
        for c in range(1, ncols + 1):
            ws.cell(r + 1, c).fill = fill
    for (r, c), color in spec.cell_fills.items():
        ws.cell(r + 1, c + 1).fill = PatternFill("solid", fgColor=color)
    link_font = Font(color="0563C1", underline="single")
    for (r, c), (sheet, ref) in spec.links.items():
        cell = ws.cell(r + 1, c + 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{ref}", display=str(cell.value))
        cell.font = link_font
    for r, c in spec.percent_cells:
        ws.cell(r + 1, c + 1).number_format = spec.percent_format
    if spec.outline:
        ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=False)
        for r, level in spec.outline.items():
            ws.row_dimensions[r + 1].outline_level = level
    ws.freeze_panes = ws.cell(spec.header_row + 2, 1)
    if spec.autofilter and len(spec.rows) > spec.header_row + 1:
        ws.auto_filter.ref = f"A{spec.header_row + 1}:{get_column_letter(ncols)}{len(spec.rows)}"
    if spec.chart:
        from openpyxl.chart.label import DataLabelList

        title, first, last = spec.chart
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=first + 1, max_row=last + 1), titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last + 1))
        chart.x_axis.scaling.orientation = "maxMin"  # categories top to bottom, in row order
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.crosses = "max"  # with the categories reversed: the value axis below the bars
        chart.y_axis.title = "完成率"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.majorUnit = 0.2
        chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                         showLegendKey=False, showPercent=False,
                                         numFmt=spec.percent_format)
        chart.height = max(6.0, 1.4 * (last - first + 1) + 3)
        chart.width = min(28.0, max(16.0, 0.2 * sum(spec.widths)))
        anchor = spec.chart_row if spec.chart_row is not None else len(spec.rows) + 1
        ws.add_chart(chart, f"A{anchor + 1}")
    # print: landscape, fitted to pages, title rows on every page, centred, page numbers
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.properties import PageSetupProperties

    for r in sorted(spec.page_breaks):
        ws.row_breaks.append(Break(id=r + 1))
    ps = spec.print_setup
    ws.page_setup.orientation = "landscape" if ps.landscape else "portrait"
    ws.page_setup.paperSize = ps.paper_size
    if ps.fit_width or ps.fit_height:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = ps.fit_width
        ws.page_setup.fitToHeight = ps.fit_height
    first_row, last_row = spec.print_title_rows
    ws.print_title_rows = f"{first_row + 1}:{last_row + 1}"
    ws.print_options.horizontalCentered = ps.center_horizontally
    top, bottom, left, right = (cm / 2.54 for cm in ps.margins_cm)
    ws.page_margins = PageMargins(left=left, right=right, top=top, bottom=bottom, header=0.3, footer=0.3)
    if ps.footer:
        ws.oddFooter.center.text = ps.footer
    return ws


def ensure_editable(path: Path, *, marked: bool = False, in_place: bool = False,
                    sheets: list[str] | None = None) -> None:
    """Refuse early (before an ``--in-place`` backup is made) a workbook rectxl cannot mark: not
    .xlsx/.xlsm, hostile (:func:`rectxl.io.safety.inspect_package`), — with ``marked`` — one
    that carries no rectxl marks to clear, or — ``in_place`` without ``marked`` — one its owner
    protected (:func:`rectxl.io.marks.protections`; ``sheets``: the ledger sheets rectxl would
    colour, None for every sheet)."""
    from rectxl.io.safety import inspect_package
    from rectxl.io.workbook_parts import Book

    inspect_package(path)
    with _open_for_edit(path, clearing=marked) as pkg:
        book = Book(pkg)
        if marked:
            record = _record_or_refuse(pkg, book, path)
            if in_place:  # clearing removes sheets and gives cells their formats back: as marking
                _refuse_protected(pkg, book, path, sorted({sheet for sheet, _, _ in record.cells}),
                                  known=(record.head or {}).get("protections") or [])
        elif in_place:
            _refuse_protected(pkg, book, path, sheets)


def _refuse_protected(pkg: Package, book: Book, source: Path, sheets: list[str] | None, *,
                      known: list[str] | None = None) -> None:
    """An ``--in-place`` annotate (or ``--clear``, given the protections ``known`` when it was
    marked: only those set since count — a copy rectxl marked through its owner's protections is
    cleared in place as it was marked) of a workbook its owner protected is refused: what the
    protections ask of every program — keep the sheets, keep the cells' formats, don't write over
    the file without the password — rectxl keeps too (as Excel refuses the add-in's 标记问题 and
    清除标记 there), and says how to get the result anyway."""
    from rectxl.io.marks import protections

    found = [p for p in protections(pkg, book, sheets) if known is None or p not in known]
    if found:
        copy, act = ("清除标记后的副本", "清除标记") if known is not None else ("带标记的副本", "标记")
        raise RectxlError(
            f"{source.name} 设有保护：{'；'.join(found)}。文件的作者不希望它被直接改动（Excel 也会先提示或要求密码），"
            f"因此 --in-place 未执行，文件未改动。去掉 --in-place，rectxl 会把{copy}写到另一个文件"
            f"（副本保留同样的保护设置）；如确需在原文件上{act}，请先在 Excel 或 WPS 中撤销这些保护"
            "（审阅 → 撤销工作簿保护、撤销工作表保护；审阅 → 共享工作簿：取消“允许多用户同时编辑”；"
            "另存为 → 工具 → 常规选项：取消“建议只读”、清除修改权限密码）后再试")


class WrittenMarks(NamedTuple):
    """What a marked workbook carries, for the message after annotate."""

    cells: int  # cells rectxl coloured
    pending: int  # marks of an earlier annotate still on record (they could not be cleared)
    protections: list[str]  # the protections the marks went through, on the sheets coloured
    covered: int  # coloured cells under a conditional format of the user's that fills them
    findings_sheet: str  # the name 校验结果 went under
    #: ledger sheets protected against formatting, by the cells not coloured there (none was)
    refused: dict[str, int]
    uncoloured: int  # the cells left uncoloured then, on every ledger sheet
    #: what to say of the coloured cells the user does not see (filtered, folded, hidden): "" none
    unseen: str = ""


def written_marks(path: Path) -> WrittenMarks:
    """:class:`WrittenMarks` of the marked workbook at ``path``."""
    from rectxl.core.sheets import unseen_note
    from rectxl.io.marks import covered_marks, find_record, hidden_of, protections
    from rectxl.io.workbook_parts import Book

    nothing = WrittenMarks(0, 0, [], 0, FINDINGS_SHEET, {}, 0, "")
    try:
        with _open_for_edit(path) as pkg:
            book = Book(pkg)
            record = find_record(pkg, book)
            if record is None:
                return nothing
            pending = sum(1 for _sheet, _ref, data in record.cells if data.get("pending"))
            coloured = sorted({sheet for sheet, _ref, data in record.cells if not data.get("pending")})
            renamed = (record.head or {}).get("renamed") or {}
            refused = (record.head or {}).get("refused") or {}
            marked = [(sheet, ref) for sheet, ref, data in record.cells if not data.get("pending")]
            return WrittenMarks(len(record.cells) - pending, pending, protections(pkg, book, coloured),
                                covered_marks(pkg, book, record), str(renamed.get(FINDINGS_SHEET, FINDINGS_SHEET)),
                                {str(k): int(v) for k, v in refused.items()} if isinstance(refused, dict) else {},
                                int((record.head or {}).get("uncoloured") or 0),
                                unseen_note(hidden_of(pkg, book, set(coloured)), marked))
    except RectxlError:
        return nothing


def _record_or_refuse(pkg: Package, book: Book, source: Path) -> Record:
    from rectxl.io.marks import find_record

    record = find_record(pkg, book)
    if record is None:
        own = [s.name for s in book.sheets() if s.name in OUTPUT_SHEETS]
        extra = (f"；工作簿中的“{'”“'.join(own)}”不是 rectxl 标记时添加的，未删除" if own else "")
        raise RectxlError(f"{source.name} 中没有 rectxl 的标记，无需清除（文件未改动{extra}）")
    return record


def _open_for_edit(path: Path, *, clearing: bool = False) -> Package:
    """The package of the workbook at ``path``, refusing formats rectxl does not write (said as
    clearing says it when ``clearing``: such a file holds no marks of rectxl's own making)."""
    from rectxl.io.package import EDITABLE_SUFFIXES, Package
    from rectxl.io.reader import WORD_FILE_SUFFIXES, is_word_ledger
    from rectxl.io.workbook_parts import Book

    _refuse_by_content(path, EDITABLE_SUFFIXES, clearing=clearing)
    if is_word_ledger(path) or path.suffix.lower() in WORD_FILE_SUFFIXES:
        # a ledger kept as a Word table (.docx, a .doc, a WPS .wps, or a web page named .doc): read, never marked
        what = "WPS 文字文档" if path.suffix.lower() in (".wps", ".wpt") else "Word 文档"
        if clearing:
            raise RectxlError(f"{path.name} 是 {what}：rectxl 不在 Word 台账上做标记，"
                              "它没有可清除的标记，文件未改动")
        raise RectxlError(f"{path.name} 是 {what}：rectxl 只在 Excel 台账（.xlsx/.xlsm）的单元格上标记，文件未改动。"
                          "检查、汇总和生成通报可直接使用该文件；要标记，请把表格复制到 Excel 中另存为 .xlsx")
    if path.suffix.lower() not in EDITABLE_SUFFIXES:
        where = "LibreOffice 或 WPS" if path.suffix.lower() in (".ods", ".fods") else "Excel 或 WPS"
        if clearing:
            raise RectxlError(f"{path.name} 是 {path.suffix} 格式：rectxl 只在 .xlsx/.xlsm 台账上标记，"
                              f"也只能从这类文件中清除标记，文件未改动。如果它是标记后另存为 {path.suffix} 的，"
                              f"请在 {where} 中打开它，"
                              "另存为 .xlsx 后再清除标记")
        raise RectxlError(f"{path.name} 是 {path.suffix} 格式，只能在 .xlsx/.xlsm 台账上标记：请在 {where} 中打开它，"
                          "另存为 .xlsx 后再标记（检查、汇总和生成通报可直接使用该文件）")
    pkg = Package(path)
    try:
        Book(pkg)
    except BaseException:
        pkg.close()
        raise
    return pkg


def _refuse_by_content(path: Path, editable: tuple[str, ...], *, clearing: bool = False) -> None:
    """A workbook whose name says another format than its content is refused naming what it
    really is: an .xls renamed .xlsx, an .ods renamed .xlsx, an .xlsx renamed .xls (said as
    clearing says it when ``clearing``)."""
    from rectxl.io import file_kind
    from rectxl.io.reader import WORD_FILE_SUFFIXES

    try:
        kind = file_kind.sniff(path)
    except OSError:
        return  # the package's own open says why
    suffix = path.suffix.lower()
    later = "" if clearing else "（检查、汇总和生成通报可直接使用该文件）"
    act = "清除标记" if clearing else "标记"
    if kind == file_kind.OTHER and suffix not in WORD_FILE_SUFFIXES and (exported := _exported_label(path)):
        raise RectxlError(f"{path.name} 实际是业务系统导出的{exported}，不是 Excel 工作簿，"
                          f"只能在 .xlsx/.xlsm 台账上{act}，文件未改动：请在 Excel 或 WPS 中打开它，"
                          f"另存为 .xlsx 后再{act}{later}")
    if suffix in editable:
        if kind == file_kind.ENCRYPTED:
            raise RectxlError(f"{path.name} 设有打开密码（已加密），无法{act}：请在 Excel 中取消密码后另存，再{act}")
        real = {file_kind.OLE: ".xls 格式（旧版 Excel 工作簿）",
                file_kind.ODF_OTHER: ".ods 格式（OpenDocument 表格）"}.get(kind)
        if real is not None:
            raise RectxlError(f"{path.name} 实际是 {real}，只是扩展名为 {path.suffix}，只能在 .xlsx/.xlsm 台账上{act}："
                              f"请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再{act}{later}")
    elif kind == file_kind.OOXML_OTHER and _is_workbook_package(path):
        raise RectxlError(f"{path.name} 实际是 .xlsx 格式，只是扩展名为 {path.suffix}：请把扩展名改为 .xlsx 后再{act}"
                          f"{later}")


def _exported_label(path: Path) -> str:
    """What exported table (a web page, an Excel 2003 XML, a CSV) ``path`` is, "" for none."""
    from rectxl.io.exported import kind_label, kind_of

    kind = kind_of(path)
    if kind is None:
        return ""
    label = kind_label(kind)
    return f" {label}" if label[:1].isascii() else label


def _is_workbook_package(path: Path) -> bool:
    import zipfile

    from rectxl.io.ooxml import open_package, workbook_part

    try:
        with open_package(path) as zf:
            return workbook_part(zf) is not None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


def annotate_file(source: Path, output: Path, report: Report, ledger: Ledger, *,
                  summary: bool = True) -> AnnotateOutcome:
    """Write a copy of ``source`` to ``output`` with 校验结果, highlights and summary sheets —
    the package edited in place of a re-save (:mod:`rectxl.io.marks`): every part rectxl does
    not change is copied byte for byte."""
    from rectxl.core.sheets import highlight_cells, marked_sheets
    from rectxl.io.atomic import same_file
    from rectxl.io.marks import annotate_package
    from rectxl.io.reader import saved_in_utf16
    from rectxl.io.workbook_parts import Book

    if saved_in_utf16(source):
        # read for the check through a UTF-8 copy; marks written into UTF-16 parts would spoil them
        raise RectxlError(f"{source.name} 中的表格内容以 UTF-16 编码保存（一些业务系统导出 Excel 时这样写）："
                          "rectxl 可以校验它（rectxl check），但不能在其中标记。"
                          "请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再标记")
    with _open_for_edit(source) as pkg:
        if same_file(source, output):  # --in-place: never through the owner's protections
            sheets = [name for name in marked_sheets(ledger) if highlight_cells(report, name)]
            _refuse_protected(pkg, Book(pkg), source, sheets)
        outcome = annotate_package(pkg, report, ledger, summary=summary)
        pkg.save(output)
    return outcome


def clear_file(source: Path, output: Path) -> int:
    """Write ``source`` without rectxl's marks and sheets to ``output``; returns cells restored."""
    return clear_file_outcome(source, output).restored


def clear_file_outcome(source: Path, output: Path) -> ClearOutcome:
    from rectxl.io.marks import clear_package
    from rectxl.io.workbook_parts import Book

    with _open_for_edit(source, clearing=True) as pkg:
        book = Book(pkg)
        outcome = clear_package(pkg, book, _record_or_refuse(pkg, book, source))
        pkg.save(output)
    return outcome


def write_summary_file(output: Path, report: Report, ledger: Ledger) -> Path:
    """A new workbook holding only the summary sheets."""
    from rectxl.io.memory import gc_paused
    from rectxl.io.summary_xlsx import Unsupported, write_workbook

    # the sheets' rows (a few objects per measure, none in cycles) are built and written with the
    # cyclic collector paused: its full passes would re-scan them and the ledger again and again
    # (about a third of this function's time at 100,000 measures; nothing at clerks' sizes)
    with gc_paused():
        specs = summary_sheets(report, ledger)
        try:
            # the package written directly (rectxl.io.summary_xlsx): the workbook openpyxl saves
            # from write_spec, without openpyxl. Deflate level 3 instead of zlib's default 6: half
            # the compression time, and the file is still smaller than openpyxl's (its XML is larger)
            with atomic_path(output) as tmp:
                write_workbook(tmp, specs, "summary", compresslevel=3)
        except Unsupported:
            write_specs_with_openpyxl(output, specs, "summary")
    return output


def write_specs_with_openpyxl(output: Path, specs: list[SheetSpec], kind: str) -> Path:
    """A new workbook of ``specs`` built by openpyxl (:func:`write_spec`) and marked as rectxl's
    ``kind`` of output — the reference the direct writer (:mod:`rectxl.io.summary_xlsx`) matches."""
    from openpyxl import Workbook

    from rectxl.io.outputs import mark_output

    wb = Workbook()
    default = wb.active
    for spec in specs:
        write_spec(wb, spec)
    if default is not None:
        wb.remove(default)
    mark_output(wb, kind)  # batch knows it for rectxl's own, not a ledger
    _save(wb, output)
    return output


def _save(wb: WorkbookT, output: Path) -> None:
    try:
        with atomic_path(output) as tmp:
            wb.save(tmp)
    finally:
        # openpyxl keeps an .xlsm's VBA parts in an in-memory zip it never closes; close it now
        # rather than whenever the garbage collector gets to the workbook
        if wb.vba_archive is not None:
            wb.vba_archive.close()
