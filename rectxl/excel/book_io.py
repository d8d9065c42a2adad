"""A live workbook (an ``xlwings.Book``) in, sheet specs and colours out.

**Reading.** Desktop Excel (COM on Windows, RunPython's engine) is read the way ``rectxl check``
reads a file, by construction: Excel writes the workbook's current state — unsaved edits
included — to a temporary file with ``Workbook.SaveCopyAs`` (which changes neither the open
workbook's path nor its saved state), and that file goes through the file reader
(:func:`rectxl.io.reader.read_ledger`). Merged cells, error cells, uncomputed formulas, hidden
columns, several ledger sheets, title rows and the 列名对照 sheet are therefore read exactly as the
command line reads them. On macOS, Excel is sandboxed and the AppleScript bridge has no
SaveCopyAs: the add-in's VBA function ``RectxlSaveCopy`` (macros/rectxl.bas) saves the copy into
Excel's own temporary folder and returns its path.

xlwings' remote-interpreter Book (``xw.Book(json=...)``) has no file behind it: its payload holds
cell values only — no merges, hidden columns or formulas. That engine is rectxl's *test harness*
for the write side (the buttons never use it); it is read as values (:func:`grids_from_book`),
so a ledger with merged cells can read differently there. See docs/dev/xlwings-remote.md.

**Writing** is batched and engine-neutral: each output sheet is one 2-D ``value`` write (hyperlinks
are ``HYPERLINK`` formulas inside that block) plus a fixed number of format calls; highlights are
one colour call per contiguous run. Text is written with a leading apostrophe, Excel's
text prefix, so Excel stores it as text and never turns "6月30日" into a date, "2024.6" into a
number or "001" into 1 (the apostrophe is not part of the cell's value).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from rectxl.core.errors import RectxlError
from rectxl.core.follow import best_holder, follow, mark_json, resembles, row_key, text_print
from rectxl.core.grid import Grid
from rectxl.core.names import (
    FINDINGS_SHEET,
    OWNED_SHEET_TAG,
    OWNER_MARK,
    RECORD_TAG,
    owner_mark_name,
    owner_mark_text,
)
from rectxl.core.report import cell_text
from rectxl.core.sheets import MARKS_SHEET, OUTPUT_HEADERS, Highlight, SheetSpec
from rectxl.core.text import col_letter

__all__ = [
    "FILE_FORMATS",
    "FOREIGN_FORMATS",
    "TEXT_PREFIX",
    "Cleared",
    "Record",
    "book_path",
    "clear_marks",
    "color_runs",
    "free_name",
    "grids_from_book",
    "has_marks",
    "is_desktop",
    "no_folder",
    "recording",
    "refuse_protected",
    "saved_copy",
    "show_sheet",
    "write_marks",
    "write_spec",
]

#: Excel's ``XlFileFormat`` → the extension the file reader needs for a copy in that format
#: (``SaveCopyAs`` always writes the workbook's own format, whatever the name says). The macOS
#: add-in's ``RectxlSaveCopy`` (macros/rectxl.bas) names its copies by this very table.
FILE_FORMATS = {
    51: ".xlsx",  # xlOpenXMLWorkbook
    52: ".xlsm",  # xlOpenXMLWorkbookMacroEnabled
    54: ".xlsx",  # xlOpenXMLTemplate (the same package as .xlsx)
    53: ".xlsm",  # xlOpenXMLTemplateMacroEnabled
    61: ".xlsx",  # xlOpenXMLStrictWorkbook ("Strict Open XML 电子表格": an .xlsx in other namespaces)
    50: ".xlsb",  # xlExcel12
    56: ".xls",   # xlExcel8
    -4143: ".xls",  # xlWorkbookNormal
    17: ".xls",   # xlTemplate / xlTemplate8 (.xlt: an .xls inside)
    43: ".xls",   # xlExcel9795 ("Excel 97 and 95": an .xls inside)
    60: ".ods",   # xlOpenDocumentSpreadsheet
}
#: formats the file reader cannot read, by what a user would call them (a web system's "导出 Excel"
#: is often a web page or an Excel 2003 XML table, opened in Excel under its .xls name)
FOREIGN_FORMATS = {
    44: "网页（HTML）表格", 45: "网页（HTML）表格", 46: "Excel 2003 XML 表格",
    6: "CSV 文本", 22: "CSV 文本", 23: "CSV 文本", 24: "CSV 文本", 62: "CSV 文本",
    -4158: "文本文件", 19: "文本文件", 20: "文本文件", 21: "文本文件", 42: "文本文件",
}
#: xlOpenXMLWorkbook, the format of the copy made of a workbook in a foreign format
_XLSX = 51
#: Excel's text prefix: a value written as "'6月30日" is stored as the text "6月30日"
TEXT_PREFIX = "'"
#: the add-in's VBA function that saves a copy on macOS (see macros/rectxl.bas)
MAC_SAVE_COPY_MACRO = "rectxl.xlam!RectxlSaveCopy"
#: how RectxlSaveCopy answers for a workbook in a format rectxl cannot read: "format:6" (a CSV)
_FORMAT_ANSWER = "format:"
_ADDRESS = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def is_desktop(book: Any) -> bool:
    """True for a workbook open in desktop Excel (COM or AppleScript), False for xlwings' remote
    interpreter (a JSON payload, used by the tests)."""
    try:
        return str(book.app.engine.type) != "remote"
    except Exception:
        return False


def book_path(book: Any) -> Path | None:
    """Where the workbook is saved, or None for a new, never-saved workbook (or no file)."""
    try:
        full = str(book.fullname or "")
    except Exception:  # the remote engine; a OneDrive/SharePoint URL xlwings cannot map to a folder
        return None
    path = Path(full) if full else None
    if path is None or not path.is_absolute() or not path.parent.is_dir():
        return None
    return path


def no_folder(book: Any, what: str) -> RectxlError:
    """What a button that writes ``what`` beside the workbook says when :func:`book_path` found no
    folder: a new workbook is to be saved first; one opened from OneDrive/SharePoint that xlwings
    cannot map to a synced folder (Excel gives its address, https://…, as its name) is saved
    already — it is to be saved on this computer."""
    try:
        address = str(book.api.FullName)
    except Exception:  # the remote engine, Excel for Mac's AppleScript: no address to tell
        address = ""
    if "://" in address:
        return RectxlError(f"工作簿保存在网络位置（{address}），rectxl 找不到它在本电脑上的文件夹，"
                           f"无法在旁边写出{what}：请用“文件”→“另存为”把工作簿保存到本电脑的文件夹"
                           "（或同步到本电脑的 OneDrive 文件夹）后再点此按钮。")
    return RectxlError(f"请先把工作簿保存到文件夹中，{what}会生成在工作簿旁边。")


def _copy_name(book: Any, suffix: str) -> str:
    """The temporary copy's file name: the workbook's own name (the reader's messages show it)."""
    stem = Path(str(book.name)).stem or "工作簿"
    return f"{stem}{suffix}"


@contextmanager
def saved_copy(book: Any) -> Iterator[Path | None]:
    """The workbook's current state as a file (deleted afterwards), or None on the remote engine.

    Windows: ``Workbook.SaveCopyAs`` through COM into a new temporary folder. macOS: the add-in's
    ``RectxlSaveCopy`` (Excel may only write inside its sandbox). The open workbook keeps its
    path, its name and its saved/unsaved state."""
    if not is_desktop(book):
        yield None
        return
    if sys.platform == "darwin":
        path = _save_copy_mac(book)
        try:
            yield path
        finally:
            path.unlink(missing_ok=True)
        return
    folder = Path(tempfile.mkdtemp(prefix="rectxl-"))
    try:
        yield _save_copy_com(book, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unsupported_format(book: Any, file_format: int | None = None) -> RectxlError:
    what = FOREIGN_FORMATS.get(file_format) if file_format is not None else None
    said = f"是{what}，不是 Excel 工作簿格式" if what else "不是 Excel 工作簿格式（可能是 CSV 或文本文件）"
    return RectxlError(f"“{book.name}”{said}，rectxl 无法按台账读取："
                       "请先另存为 Excel 工作簿（.xlsx），再点此按钮。")


def _save_copy_com(book: Any, folder: Path) -> Path:
    workbook = book.api
    file_format = int(workbook.FileFormat)
    suffix = FILE_FORMATS.get(file_format)
    if suffix is None:
        return _copy_sheets_as_xlsx(book, folder, file_format)
    target = folder / _copy_name(book, suffix)
    try:
        workbook.SaveCopyAs(str(target))
    except Exception as exc:  # a COM error: disk full, no permission, …
        raise RectxlError(f"无法读取当前工作簿：Excel 未能保存临时副本（{exc}）。") from None
    if not target.is_file():
        raise RectxlError(f"无法读取当前工作簿：Excel 没有写出临时副本（{target}）。")
    return target


def _copy_sheets_as_xlsx(book: Any, folder: Path, file_format: int) -> Path:
    """A workbook Excel opened from a format the file reader cannot read (a web page or an Excel
    2003 XML table saved as .xls by a web system, a CSV): its worksheets copied into a new
    workbook (``Worksheets.Copy`` with no place: Excel makes one), saved there as .xlsx and
    closed. The user's workbook keeps its path, name and saved state; values, merged cells,
    hidden rows and columns and error cells come through as Excel holds them."""
    workbook = book.api
    app = workbook.Application
    target = folder / _copy_name(book, ".xlsx")
    alerts = app.DisplayAlerts
    copy = None
    try:
        app.DisplayAlerts = False  # no "keep the format?" prompt while rectxl saves its copy
        count = int(app.Workbooks.Count)
        workbook.Worksheets.Copy()
        if int(app.Workbooks.Count) != count + 1:
            raise _unsupported_format(book, file_format)
        copy = app.ActiveWorkbook
        copy.SaveAs(str(target), _XLSX)
    except RectxlError:
        raise
    except Exception:  # Excel could not copy the sheets (a very hidden sheet) or save the copy
        raise _unsupported_format(book, file_format) from None
    finally:
        if copy is not None:
            with suppress(Exception):
                copy.Close(False)
        with suppress(Exception):
            app.DisplayAlerts = alerts
    if not target.is_file():
        raise _unsupported_format(book, file_format)
    return target


def _save_copy_mac(book: Any) -> Path:
    name = f"rectxl-{uuid.uuid4().hex[:12]}"
    try:
        written = book.app.macro(MAC_SAVE_COPY_MACRO)(book.name, name)
    except Exception as exc:
        raise RectxlError("在 macOS 上读取工作簿需要 rectxl 加载项（rectxl.xlam）："
                          f"请运行 rectxl addin install 并重新启动 Excel（{exc}）。") from None
    if not written:  # the add-in of an earlier rectxl: it does not say which format
        raise _unsupported_format(book)
    if str(written).startswith(_FORMAT_ANSWER):  # a format rectxl cannot read, by its XlFileFormat number
        try:
            file_format = int(str(written)[len(_FORMAT_ANSWER):])
        except ValueError:
            raise _unsupported_format(book) from None
        raise _unsupported_format(book, file_format)
    path = Path(str(written))
    if not path.is_file():
        raise RectxlError(f"无法读取当前工作簿：Excel 没有写出临时副本（{path}）。")
    return path


def grids_from_book(book: Any) -> list[Grid]:
    """Every worksheet of a remote-engine book as a :class:`Grid` of values (one read each, from
    A1; error cells as their text, "#N/A", like the file reader). The payload has no merges,
    hidden columns or formulas, so the grids have none: this is the test harness's path only."""
    grids: list[Grid] = []
    for sheet in book.sheets:
        last = sheet.used_range.last_cell
        values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2, err_to_str=True).value or []
        rows = [[_cell(v) for v in row] for row in values]
        grids.append(Grid(name=sheet.name, rows=rows))
    return grids


def _cell(value: Any) -> Any:
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def show_sheet(sheet: Any) -> None:
    """Make ``sheet`` the active sheet of its workbook. Through the engine's own sheet object:
    ``xlwings.Sheet.activate`` would also activate the workbook and bring Excel's window to the
    front, which on Windows raises "Could not activate App!" when another Excel instance is
    the active one."""
    sheet.impl.activate()


def _sheet(book: Any, name: str) -> Any | None:
    for sheet in book.sheets:
        if sheet.name == name:
            return sheet
    return None


def _shown(value: Any) -> Any:
    """What the cell is to show: the text exactly (less the control characters a cell cannot
    hold, as the file writer does), a date as the file writer writes it (2026年3月31日), other values
    as they are (numbers stay numbers).
    A text starting like a formula stays text through the prefix :func:`_written` puts in front."""
    return "" if value is None else cell_text(value)


def _written(value: Any) -> Any:
    """``value`` as it is written through ``Range.Value``: non-empty text behind Excel's text
    prefix, so that Excel keeps it as text (never a date, number, boolean or formula)."""
    if isinstance(value, str) and value:
        return TEXT_PREFIX + value
    return value


# -- the record: which cells rectxl coloured, which sheets it made ----------------------------

#: the record sheet's header (the file writer's record has the same, see rectxl.io.marks)
_RECORD_HEADER = ["sheet", "cell", "original_fill"]
_A1 = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


def _sheets(book: Any) -> dict[str, Any]:
    """The book's sheets by name, in one pass (each sheet's name is a call into Excel)."""
    return {sheet.name: sheet for sheet in book.sheets}


#: what the buttons say of a workbook the command line marked
MARKED_BY_THE_COMMAND_LINE = (
    "这个工作簿中的标记和结果表是 rectxl 命令行（rectxl annotate）写入的，Excel 按钮无法原样撤销它们："
    "请先运行 rectxl annotate --clear 清除（或打开标记前的原文件），再使用按钮。")


def free_name(base: str, sheets: Mapping[str, Any], mine: Collection[str] = ()) -> str:
    """``base``, or "base(rectxl)", "base(rectxl2)" … — the first name no sheet of the user's has
    (Excel compares sheet names without case); a name in ``mine`` (rectxl's own) is free for it."""
    taken = {name.casefold() for name in sheets if name not in mine}
    for n in range(1, 100):
        name = base if n == 1 else f"{base}(rectxl{'' if n == 2 else n - 1})"
        if name.casefold() not in taken:
            return name
    raise RectxlError(f"工作簿中已有太多名为“{base}”的工作表，无法写入 rectxl 的结果。")


def _record_in(sheet: Any) -> list[list[str]] | None:
    """The rows (less the header) of rectxl's record if ``sheet`` holds one, else None: a sheet
    with the record's header whose every row is a cell rectxl coloured (sheet, A1, JSON) or a
    sheet it made (``#rectxl-sheet``) — hidden as rectxl left it, or shown again by the user
    (取消隐藏: its content still tells it). A sheet of the user's called ``rectxl标记`` is not
    one — it is neither rewritten nor deleted (as the command line, rectxl.io.marks.find_record).
    A record the command line wrote (its head row ``#rectxl``) keeps cell formats only it can give
    back exactly: no button writes over it or clears it (a :class:`RectxlError`)."""
    last = sheet.used_range.last_cell
    values = sheet.range((1, 1), (last.row, max(last.column, 3))).options(ndim=2).value or []
    rows = [["" if v is None else str(v) for v in [*row, "", "", ""][:3]] for row in values]
    if not rows or rows[0] != _RECORD_HEADER:
        return None
    if len(rows) > 1 and rows[1][0] == RECORD_TAG:
        raise RectxlError(MARKED_BY_THE_COMMAND_LINE)
    body = [row for row in rows[1:] if any(row)]
    for tag, ref, fill in body:
        if tag == OWNED_SHEET_TAG and ref:
            continue
        if not tag or not _A1.fullmatch(ref) or (fill and not fill.startswith("{")):
            return None
    return body


def _record_header(sheet: Any) -> bool:
    """``sheet``'s first row is the record's header (A1:C1 read in one call)."""
    try:
        values = sheet.range("A1:C1").options(ndim=2).value or [[]]
    except Exception:
        return False
    return ["" if v is None else str(v) for v in values[0]] == _RECORD_HEADER


@dataclass
class Record:
    """rectxl's record for one button press: which cells it coloured (with their own fills) and
    which sheets it made. Read once when the press starts, changed in memory, written once
    (:meth:`save`): xlwings' remote engine queues every write and answers reads from what the
    workbook was when the press started, so a record re-read between two writes would lose the
    first (a 生成汇总 recording only its last sheet)."""

    book: Any
    #: the workbook's sheets by name (kept up to date as rectxl adds and deletes its own)
    sheets: dict[str, Any]
    #: the record sheet's name: "rectxl标记", or "rectxl标记(rectxl)" … when a sheet of the user's has it
    name: str
    sheet: Any | None = None  # None: no record yet
    cells: list[list[str]] = field(default_factory=list)  # [ledger sheet, A1, original fill JSON]
    owned: list[str] = field(default_factory=list)
    changed: bool = False
    #: of ``owned``: sheets of those names without rectxl's mark of ownership in a workbook that
    #: carries marks — the user's own (rectxl's renamed, another made under its name): never written
    #: over or deleted
    foreign: list[str] = field(default_factory=list)
    #: the record names sheets, and no sheet carries a mark: they were made by an add-in before the
    #: marks (:meth:`adopt` marks them)
    unmarked: bool = False

    @classmethod
    def read(cls, book: Any) -> Record:
        sheets = _sheets(book)
        # under its name first; then a sheet the user renamed it to (its header tells it: one call each)
        named = [name for name in sheets if name.startswith(MARKS_SHEET)]
        for name in [*named, *(name for name in sheets if name not in named)]:
            sheet = sheets[name]
            if name not in named and not _record_header(sheet):
                continue
            rows = _record_in(sheet)
            if rows is not None:
                owned = [ref for tag, ref, _ in rows if tag == OWNED_SHEET_TAG and ref]
                cells = [row for row in rows if row[0] != OWNED_SHEET_TAG]
                marks = _owner_marks({n: s for n, s in sheets.items() if n != name}) if owned else {}
                foreign = [n for n in owned if n in sheets and marks and marks.get(n) != n]
                return cls(book, sheets, name, sheet, cells, owned, foreign=foreign, unmarked=bool(owned) and not marks)
        return cls(book, sheets, free_name(MARKS_SHEET, sheets))

    @property
    def exists(self) -> bool:
        return self.sheet is not None

    def marked(self) -> list[str]:
        """The ledger sheets the record holds colours on."""
        return list(dict.fromkeys(row[0] for row in self.cells if row and row[0]))

    def adopt(self) -> None:
        """Mark the sheets an add-in before the marks made (:attr:`unmarked`) as rectxl's, before this
        press adds marked sheets beside them — else they would then be taken for the user's."""
        if self.unmarked:
            for name in self.owned:
                if name in self.sheets:
                    _put_owner_mark(self.sheets[name], name)
            self.unmarked = False

    def own(self, name: str) -> None:
        if name not in self.owned:
            self.owned.append(name)
            self.changed = True

    def add_sheet(self, name: str) -> Any:
        """A new sheet ``name`` after the last one."""
        book = self.book
        try:
            sheet = book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])
        except Exception as exc:  # a COM error: the workbook's structure is protected
            raise RectxlError(f"无法在工作簿中添加“{name}”工作表（工作簿结构可能受保护）：请先撤销工作簿保护"
                              "（审阅 → 保护工作簿）再试；台账本身没有被改动。") from exc
        self.sheets[name] = sheet
        return sheet

    def save(self) -> None:
        """Write the record (hidden) if it changed since it was read or last written."""
        if not self.changed:
            return
        rows = [*self.cells, *([OWNED_SHEET_TAG, name, ""] for name in self.owned)]
        if self.sheet is None:
            self.sheet = self.add_sheet(self.name)
        else:
            self.sheet.clear()
        self.sheet.range((1, 1)).value = [[_written(v) for v in row] for row in [_RECORD_HEADER, *rows]]
        self.sheet.visible = False
        self.changed = False

    def delete(self) -> None:
        if self.sheet is not None:
            self.sheet.delete()
            self.sheets.pop(self.name, None)
        self.sheet, self.cells, self.owned, self.changed = None, [], [], False


@contextmanager
def recording(book: Any) -> Iterator[Record]:
    """rectxl's record for one button press, written once at its end — also when the press fails
    half-way, so that the sheets already made stay rectxl's (and 清除标记 removes them)."""
    record = Record.read(book)
    record.adopt()
    try:
        yield record
    except BaseException:
        with suppress(Exception):
            record.save()
        raise
    record.save()


def has_marks(book: Any) -> bool:
    """rectxl coloured cells or made sheets in ``book`` (its record is there)."""
    return Record.read(book).exists


def _target_sheet(record: Record, spec: SheetSpec) -> str:
    """The name to write ``spec`` under: its own name unless a sheet of the user's has it — then
    "校验结果(rectxl)", "校验结果(rectxl2)" … (as the file writer names them). Only the sheets the
    record names are rectxl's: a sheet that merely looks like rectxl's output (last month's
    整改明细 kept as a sheet, rectxl's own header row and all) is the user's, and never written
    over. (No sheet is taken for rectxl's by its content: add-in records have named every sheet
    rectxl made since the add-in first made more than 校验结果, see :func:`clear_marks`.)"""
    mine = [name for name in record.owned if name not in record.foreign]
    return free_name(spec.name, {**record.sheets, record.name: None}, mine)


def _link(target_sheet: str, ref: str, text: str) -> str:
    """``HYPERLINK`` to ``ref`` on ``target_sheet``: the sheet name quoted ('' for a '), and the
    whole location a string literal ("" for a "), as Excel's formula syntax requires."""
    location = f"#'{target_sheet.replace(chr(39), chr(39) * 2)}'!{ref}".replace('"', '""')
    return f'=HYPERLINK("{location}","{text.replace(chr(34), chr(34) * 2)}")'


def write_spec(book: Any, spec: SheetSpec, record: Record | None = None) -> Any:
    """Write ``spec`` as sheet ``spec.name`` in a few batched calls: replacing the sheet an
    earlier run made, never a sheet of the user's (see :func:`_target_sheet`); the sheet is
    recorded as rectxl's in ``record`` (written by the caller once per press; without one, a
    record is read and written for this sheet alone), so that 清除标记 removes it and nothing else."""
    if record is None:
        with recording(book) as own:
            return write_spec(book, spec, own)
    name = _target_sheet(record, spec)
    sheet = record.sheets.get(name)
    if sheet is None:
        sheet = record.add_sheet(name)
        _put_owner_mark(sheet, name)
    else:
        sheet.clear()
    record.own(name)
    width = max(len(spec.widths), max((len(r) for r in spec.rows), default=0))
    shown = [[_shown(v) for v in row] + [""] * (width - len(row)) for row in spec.rows]
    block = [[_written(v) for v in row] for row in shown]
    for (r, c), (target_sheet, ref) in spec.links.items():
        block[r][c] = _link(str(target_sheet), ref, str(shown[r][c]))
    sheet.range((1, 1)).value = block
    _format(book, sheet, spec, width)
    return sheet


def _owner_mark_items(sheet: Any) -> list[Any] | None:
    """The sheet's names that are rectxl's mark of ownership (:data:`OWNER_MARK`, local to the
    sheet: ``Worksheet.Names``), or None where the engine cannot tell (the remote engine)."""
    try:
        names = sheet.api.Names
        items = [names.Item(i) for i in range(1, int(names.Count) + 1)]
        return [item for item in items if str(item.Name).rsplit("!", 1)[-1].casefold() == OWNER_MARK.casefold()]
    except Exception:
        return None


def _put_owner_mark(sheet: Any, name: str) -> None:
    """Give a sheet rectxl made its mark of ownership (as ``rectxl annotate`` does): a hidden name
    local to the sheet holding the name rectxl gave it. Nothing where the engine has no names."""
    # the name prefixed with its sheet's: local to the sheet, however Excel scopes Worksheet.Names.Add
    local = "'" + name.replace("'", "''") + "'!" + OWNER_MARK
    with suppress(Exception):
        sheet.api.Names.Add(Name=local, RefersTo="=" + owner_mark_text(name), Visible=False)


def _owner_marks(sheets: Mapping[str, Any]) -> dict[str, str]:
    """The sheets carrying rectxl's mark of ownership: their name now → the name rectxl gave them."""
    marks: dict[str, str] = {}
    for name, sheet in sheets.items():
        for item in _owner_mark_items(sheet) or []:
            try:
                given = owner_mark_name(str(item.RefersTo))
            except Exception:
                given = None
            if given is not None:
                marks[name] = given
    return marks


def _take_owner_mark(sheet: Any) -> None:
    """The sheet is the user's from now on (renamed or copied by them): rectxl's mark taken off."""
    for item in _owner_mark_items(sheet) or []:
        with suppress(Exception):
            item.Delete()


def _format(book: Any, sheet: Any, spec: SheetSpec, width: int) -> None:
    """Bold rows, fills, widths, percentages and wrapping in a number of calls that does not grow
    with the ledger: cells of one format are set together — in desktop Excel as multi-area ranges
    ("A3:M3,A9:M12,…"), on the remote engine fills as one colour matrix per 10,000 cells."""
    last = col_letter(width - 1)
    header = spec.header_row + 1
    fills: dict[tuple[int, int], str] = dict.fromkeys(((spec.header_row, c) for c in range(width)), "D9E1F2")
    for r, color in spec.row_fills.items():
        fills.update(dict.fromkeys(((r, c) for c in range(width)), color))
    fills.update(spec.cell_fills)
    bold = {(r, c) for r in spec.bold_rows for c in range(width)}
    if is_desktop(book):
        by_color: dict[str, set[tuple[int, int]]] = {}
        for cell, color in fills.items():
            by_color.setdefault(color.upper(), set()).add(cell)
        for color, cells in sorted(by_color.items()):
            _on_areas(sheet, _areas(map(_address, _rectangles(cells))), _fill_with(f"#{color}"))
        _on_areas(sheet, _areas(map(_address, _rectangles(bold))), _make_bold)
    else:
        _color_matrix(sheet, fills, width)
        for address in (_address(box) for box in _rectangles(bold)):
            sheet.range(address).font.bold = True
    for c, w in enumerate(spec.widths):
        sheet.range(f"{col_letter(c)}1").column_width = w
    if spec.percent_cells:
        rows = [r for r, _ in spec.percent_cells]
        cols = {c for _, c in spec.percent_cells}
        for c in sorted(cols):
            sheet.range(f"{col_letter(c)}{min(rows) + 1}:{col_letter(c)}{max(rows) + 1}").number_format = \
                spec.percent_format
    if len(spec.rows) > header:  # the table's long texts wrapped, in one call
        sheet.range(f"A{header}:{last}{len(spec.rows)}").wrap_text = True
    # spec.print_setup (orientation, fit to one page wide, print titles) is not applied here:
    # xlwings reaches PageSetup only through desktop Excel's COM object (sheet.api.PageSetup),
    # which the remote engine does not have; the file writer (rectxl.io.xlsx_out) applies it.
    try:
        sheet.freeze_panes.freeze_at(f"A{header + 1}")
    except (NotImplementedError, AttributeError):  # desktop Excel has no freeze_panes in xlwings
        pass


def _fill_with(color: str | None) -> Callable[[Any], None]:
    def fill(rng: Any) -> None:
        rng.color = color

    return fill


def _make_bold(rng: Any) -> None:
    rng.font.bold = True


def _rectangles(cells: Collection[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """``cells`` (0-based row, column) as few rectangles (r0, c0, r1, c1): each row's runs of
    adjacent cells, a run repeated on the rows below it taken together."""
    by_row: dict[int, list[int]] = {}
    for r, c in cells:
        by_row.setdefault(r, []).append(c)
    spans = {r: _runs(sorted(cols)) for r, cols in sorted(by_row.items())}
    done: list[tuple[int, int, int, int]] = []
    open_: dict[tuple[int, int], tuple[int, int]] = {}  # (c0, c1) → (first row, last row)
    for r, runs in spans.items():
        for span in [s for s in open_ if s not in runs or open_[s][1] != r - 1]:
            first, lastrow = open_.pop(span)
            done.append((first, span[0], lastrow, span[1]))
        for span in runs:
            first, _ = open_.get(span, (r, r))
            open_[span] = (first, r)
    done += [(first, span[0], lastrow, span[1]) for span, (first, lastrow) in open_.items()]
    return sorted(done)


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for c in cols:
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def _address(box: tuple[int, int, int, int]) -> str:
    r0, c0, r1, c1 = box
    first = f"{col_letter(c0)}{r0 + 1}"
    return first if (r0, c0) == (r1, c1) else f"{first}:{col_letter(c1)}{r1 + 1}"


#: the longest address Excel's ``Range("…")`` takes: a string of more than 255 characters passed
#: to an Excel object fails (Microsoft KB 105416, "Passed Strings Longer Than 255 Characters")
_AREAS_LENGTH = 255


def _areas(addresses: Iterable[str]) -> list[str]:
    """Multi-area addresses ("A3:M3,A9:M12,…"), each at most 255 characters long."""
    chunks: list[str] = []
    for address in addresses:
        if chunks and len(chunks[-1]) + 1 + len(address) <= _AREAS_LENGTH:
            chunks[-1] += "," + address
        else:
            chunks.append(address)
    return chunks


def _on_areas(sheet: Any, chunks: list[str], apply: Callable[[Any], None]) -> None:
    """``apply`` to each multi-area address of :func:`_areas` (one call each); an engine that
    takes no multi-area address gets one range per area."""
    for chunk in chunks:
        try:
            rng = sheet.range(chunk)
        except Exception:
            if "," not in chunk:
                raise
            for address in chunk.split(","):
                apply(sheet.range(address))
            continue
        apply(rng)


#: the most cells xlwings' ``Range.set_colors`` takes in one call
_MATRIX_CELLS = 10_000


def _color_matrix(sheet: Any, fills: Mapping[tuple[int, int], str], width: int) -> None:
    """The remote engine: every fill in one colour matrix (``Range.set_colors``, "keep" where
    rectxl gives no fill) per band of rows of at most 10,000 cells."""
    if not fills:
        return
    rows = sorted({r for r, _ in fills})
    band = max(1, _MATRIX_CELLS // width)
    top = rows[0]
    while top <= rows[-1]:
        bottom = min(top + band, rows[-1] + 1)
        matrix: list[list[Any]] = [[(f"#{fills[(r, c)]}" if (r, c) in fills else ...) for c in range(width)]
                                   for r in range(top, bottom)]
        if any(v is not ... for row in matrix for v in row):
            sheet.range((top + 1, 1), (bottom, width)).set_colors(matrix)
        top = bottom


def color_runs(cells: Mapping[str, str | None]) -> list[tuple[str, str | None]]:
    """Group cells (A1 → colour) into vertical runs of one colour: [(A1 range, colour)], one call each."""
    by_column: dict[tuple[str, str | None], list[int]] = {}
    for ref, color in cells.items():
        m = _ADDRESS.fullmatch(ref)
        if m:
            by_column.setdefault((m.group(1), color), []).append(int(m.group(2)))
    runs: list[tuple[str, str | None]] = []
    for (col, color), rows in sorted(by_column.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        rows.sort()
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            runs.append((f"{col}{start}" if start == prev else f"{col}{start}:{col}{prev}", color))
            if r is not None:
                start = prev = r
    return runs


def _fill_record(color: Any, highlight: str, text: str = "", row: str = "") -> str:
    """The marks sheet's ``original_fill`` in the file writer's JSON form (no fill keys when the
    engine cannot read it), with ``h``, the colour rectxl gave the cell, ``v``, the cell's text,
    and ``row``, its row's texts (by which 清除标记 finds a mark a sort moved)."""
    found: dict[str, Any] = {"h": highlight}
    if color is None:
        found = {"fill_type": None, "fg": None, "bg": None, "h": highlight}
    elif isinstance(color, tuple | list) and len(color) == 3:
        rgb = "FF" + "".join(f"{int(v):02X}" for v in color)
        solid = {"type": "rgb", "value": rgb, "tint": 0.0}
        found = {"fill_type": "solid", "fg": solid, "bg": solid, "h": highlight}
    if text:
        found["v"] = text_print(text)
    if row:
        found["row"] = row
    return mark_json(found)


def _sheet_texts(sheet: Any) -> dict[int, dict[str, str]]:
    """The text cells of ``sheet``'s used range: row → column letter → text (one call)."""
    try:
        used = sheet.used_range
        values = used.options(ndim=2).value or []
        top, left = used.row, used.column
    except Exception:  # an engine that cannot tell: marks are then followed by address only
        return {}
    found: dict[int, dict[str, str]] = {}
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip():
                found.setdefault(top + i, {})[col_letter(left + j - 1)] = v
    return found


def _place(ref: str) -> tuple[str, int] | None:
    m = _ADDRESS.fullmatch(ref)
    return (m.group(1), int(m.group(2))) if m is not None else None


def _together(book: Any) -> bool:
    """Read formats of many runs of cells in one call (a multi-area range)? Desktop Excel on Windows
    answers a format of a multi-area range for all its cells — Null unless every cell shares it
    (as Excel documents for ``RangeAreas``: "a property is null unless all member ranges share
    the same value"); Excel for Mac's AppleScript is not relied on for it (one call per run)."""
    return sys.platform != "darwin" and is_desktop(book)


def _original_fills(sheet: Any, runs: list[tuple[str, str | None]], together: bool = False) -> dict[str, Any]:
    """Each cell's fill before it is marked (``...`` where the engine cannot read formats): one
    call per run of cells when they all show one fill (none, most often), a call per cell only
    where they differ — Excel answers a mixed range with Null, which xlwings cannot convert.

    ``together`` (:func:`_together`): first one call per multi-area address (:func:`_areas`). What it
    buys: the cells rectxl marks almost never have a fill of their own, so 标记问题 reads the
    fills of a few hundred scattered cells in a few calls instead of a call per run."""
    found: dict[str, Any] = {}
    one_by_one = [address for address, _ in runs]
    if together:
        one_by_one = []
        for chunk in _areas(address for address, _ in runs):
            try:
                color = sheet.range(chunk).color if "," in chunk else ...
            except Exception:  # cells of different fills (Null), or an engine that cannot tell
                color = ...
            if color is ...:
                one_by_one += chunk.split(",")
                continue
            for address in chunk.split(","):
                found.update(dict.fromkeys(_refs(address), color))
    for address in one_by_one:
        refs = _refs(address)
        try:
            color = sheet.range(address).color if len(refs) > 1 else ...
        except NotImplementedError:  # the remote engine cannot read formats
            found.update(dict.fromkeys(refs, ...))
            continue
        except Exception:  # a mixed range
            color = ...
        if color is not ...:
            found.update(dict.fromkeys(refs, color))
            continue
        for ref in refs:
            try:
                found[ref] = sheet.range(ref).color
            except NotImplementedError:
                found[ref] = ...
    return found


def _refuses_formats(sheet: Any) -> bool:
    """Desktop Excel: ``sheet`` is protected without 设置单元格格式 allowed
    (``ProtectContents`` and not ``Protection.AllowFormattingCells``): Excel would refuse a fill.
    False where the engine cannot tell (the colouring itself then finds out)."""
    try:
        api = sheet.api
        return bool(api.ProtectContents) and not bool(api.Protection.AllowFormattingCells)
    except Exception:
        return False


def refuse_protected(book: Any, sheets: Iterable[str], act: str) -> None:
    """Before 标记问题 or 清除标记 (``act``) changes anything: a sheet of ``sheets`` whose cells it
    would colour, protected without 设置单元格格式 allowed (with a password or none), is named
    and nothing is done — Excel would refuse the colours half-way, and the owner's protection is
    theirs to lift (a :class:`RectxlError`)."""
    if act == "清除标记" and _structure_locked(book):  # rectxl's sheets and its record cannot be deleted
        raise RectxlError("工作簿结构受保护（不能增删工作表），“清除标记”未执行，工作簿未改动："
                          "请先撤销工作簿保护（审阅 → 保护工作簿，设有密码的需输入密码）再点“清除标记”。")
    present = _sheets(book)
    protected = [name for name in sheets if name in present and _refuses_formats(present[name])]
    if protected:
        names = "、".join(f"“{name}”" for name in protected)
        later = "；只需查看问题清单，可点“校验台账”" if act == "标记问题" else ""
        raise RectxlError(f"工作表受保护：{names}不允许设置单元格格式，“{act}”未执行，工作簿未改动。"
                          f"请先撤销保护（审阅 → 撤销工作表保护，设有密码的需输入密码）再点“{act}”{later}。")


def _structure_locked(book: Any) -> bool:
    """Desktop Excel: the workbook's structure is protected (审阅 → 保护工作簿); False where the
    engine cannot tell."""
    try:
        return bool(book.api.ProtectStructure)
    except Exception:
        return False


def _refused(name: str, refused: int, coloured: int) -> RectxlError:
    how = "请先撤销该工作表的保护（审阅 → 撤销工作表保护）再点“标记问题”"
    if not coloured:
        return RectxlError(f"工作表“{name}”受保护，不允许设置单元格格式，没有单元格被标色"
                           f"（{refused} 个问题单元格未标色）：{how}。")
    return RectxlError(f"已标色 {coloured} 个单元格，但工作表“{name}”受保护，不允许设置单元格格式，"
                       f"其中 {refused} 个问题单元格未标色：{how}；已标上的颜色可用“清除标记”恢复。")


def write_marks(book: Any, cells_by_sheet: Mapping[str, dict[str, Highlight]],
                record: Record | None = None) -> int:
    """Colour the cells of each ledger sheet and record them (with their original fill where the
    engine can read it) in ``record``. Returns the number of cells coloured.

    The record is written before any cell is coloured: a sheet that refuses a colour half-way
    leaves only colours 清除标记 can give back. A sheet protected against formatting is left
    alone and named, with how many cells were and were not coloured (a :class:`RectxlError`
    after the others are coloured)."""
    if record is None:
        with recording(book) as own:
            return write_marks(book, cells_by_sheet, own)
    desktop = is_desktop(book)
    together = _together(book)
    records: list[list[str]] = []
    runs_by_sheet: list[tuple[str, Any, list[tuple[str, str | None]]]] = []
    refused: dict[str, int] = {}
    for ledger_sheet, cells in cells_by_sheet.items():
        sheet = record.sheets.get(ledger_sheet)
        if sheet is None or not cells:
            continue
        if _refuses_formats(sheet):
            refused[ledger_sheet] = len(cells)
            continue
        texts = _sheet_texts(sheet)
        runs = color_runs({ref: f"#{h.color}" for ref, h in cells.items()})
        originals = _original_fills(sheet, runs, together)
        for ref, highlight in cells.items():
            col, row = _place(ref) or ("", 0)
            records.append([ledger_sheet, ref, _fill_record(originals[ref], highlight.color.upper(),
                                                            texts.get(row, {}).get(col, ""), row_key(texts, row))])
        runs_by_sheet.append((ledger_sheet, sheet, runs))
    record.cells = [*record.cells, *records]  # (marks an earlier clear could not tell apart first)
    record.changed = True
    record.save()
    coloured = 0
    for name, sheet, runs in runs_by_sheet:
        done = 0
        try:
            # desktop Excel: one call per colour and 255 characters of address (Excel colours every
            # area of a multi-area range, as write_spec's fills); the remote engine a call per run
            for color, same in _by_color(runs).items():
                addresses = [address for address, _ in same]
                for chunk in _areas(addresses) if desktop else addresses:
                    _on_areas(sheet, [chunk], _fill_with(color))
                    done += sum(len(_refs(address)) for address in chunk.split(","))
        except Exception as exc:  # a COM error: Excel refused the format
            raise _refused(name, len(cells_by_sheet[name]) - done, coloured + done) from exc
        coloured += done
    if refused:
        name, count = next(iter(refused.items()))
        raise _refused(name, count, coloured)
    return coloured


def _by_color(runs: list[tuple[str, str | None]]) -> dict[str | None, list[tuple[str, str | None]]]:
    by_color: dict[str | None, list[tuple[str, str | None]]] = {}
    for run in runs:
        by_color.setdefault(run[1], []).append(run)
    return by_color


def _restore_color(record: str) -> tuple[str | None, str, str]:
    """(the colour to put back, None for no fill; the colour rectxl gave, "" when not recorded;
    the texts of the cell's row when it was marked, "" when not recorded)."""
    try:
        data = json.loads(record) if record else None
    except ValueError:
        return None, "", ""
    fg = (data or {}).get("fg") or {}
    given = str((data or {}).get("h") or "").upper()
    row = str((data or {}).get("row") or "")
    if data and data.get("fill_type") == "solid" and fg.get("type") == "rgb":
        return "#" + str(fg["value"])[-6:], given, row
    return None, given, row


def _shows(sheet: Any, address: str, color: str) -> bool | None:
    """The cells at ``address`` all show ``color`` (hex); None when the engine cannot tell."""
    try:
        current = sheet.range(address).color
    except NotImplementedError:  # the remote engine cannot read formats
        return None
    except Exception:  # cells of different fills: Excel answers Null, which xlwings cannot convert
        return False
    if not isinstance(current, tuple | list) or len(current) != 3:
        return False
    return "".join(f"{int(v):02X}" for v in current) == color


def _refs(address: str) -> list[str]:
    """The cells of a vertical run "F4:F9" (or one cell "F4")."""
    m = _ADDRESS.fullmatch(address)
    if m is None or m.group(3) is None:
        return [address]
    return [f"{m.group(1)}{r}" for r in range(int(m.group(2)), int(m.group(4)) + 1)]


Mark = tuple[str | None, str, str]  # (the fill to give back, rectxl's colour, its row's texts): _restore_color


def _followed(sheet: Any, cells: dict[str, Mark]
              ) -> tuple[dict[str, Mark], dict[str, Mark], dict[int, dict[str, str]]]:
    """The recorded marks of ``sheet`` by the cell each is on now (:func:`rectxl.core.follow.follow`:
    by the texts of its row, after a sort or rows and columns inserted or deleted), and the marks
    that could not be followed while others moved (their rows sorted *and* typed into): those are
    not at their recorded cell — another row's cell may be there now, in rectxl's colour too — and
    are looked for by :func:`_strays`. A mark not followed while no mark moved (its row typed
    into, in place) is where it was. Without the engine's texts, marks are taken to be where they
    were. And the sheet's texts, as read."""
    if not any(key for _, _, key in cells.values()):
        return cells, {}, {}
    texts = _sheet_texts(sheet)
    if not texts:
        return cells, {}, texts
    nowhere: list[str] = []
    placed = follow({ref: key for ref, (_, _, key) in cells.items()}, texts,
                    lambda spot, ref: _shows(sheet, spot, cells[ref][1]), nowhere,
                    {ref: colour for ref, (_, colour, _) in cells.items()})
    moved = any(spot != ref for spot, ref in placed.items() if ref not in nowhere)
    # a mark not followed is on its cell (its row typed into where it stands) unless marks moved,
    # or its cell's row is now mostly another such mark's row (rows inserted or deleted, every
    # marked row typed into)
    keys = {cells[ref][2] for ref in nowhere if cells[ref][2]}

    def elsewhere(ref: str) -> bool:
        at = _place(ref)
        if moved or at is None:
            return True
        if resembles(cells[ref][2], texts, at[1]):
            return False
        return any(key != cells[ref][2] and resembles(key, texts, at[1]) for key in keys)

    lost = {ref for ref in nowhere if elsewhere(ref)}
    if not lost:
        return {spot: cells[ref] for spot, ref in placed.items()}, {}, texts
    return ({spot: cells[ref] for spot, ref in placed.items() if ref not in lost},
            {ref: cells[ref] for ref in lost}, texts)


def _strays(sheet: Any, lost: dict[str, Mark], placed: Collection[str], texts: Mapping[int, Mapping[str, str]]
            ) -> tuple[dict[str, Mark], list[str], list[str]]:
    """Marks rows moved away from and that could not be followed (:func:`_followed`: their rows
    typed into in more than one cell), looked for by their colour in their column, on the cells no
    followed mark is on: a cell showing a mark's colour whose row still holds most of the texts of
    that mark's row, and of no other's, is that mark (its fill given back). Once every such mark of
    a colour is found, any other cell showing it is the clerk's own colour (left as it is). The
    cells left, as many as the marks left, those of one fill, each on a row showing rectxl's colour
    in another column too, are those marks (which is which changes nothing). Else they are left as
    they are and named — which is whose cannot be told (the marks not found stay on record: the
    third list). Marks whose colour no cell shows were on deleted rows: nothing to give back."""
    groups: dict[tuple[str, str], list[str]] = {}
    for ref, (_, given, _) in lost.items():
        at = _place(ref)
        if at is not None and given:
            groups.setdefault((at[0], given), []).append(ref)
    try:
        used = sheet.used_range
        rows = range(used.row, used.row + used.rows.count)
    except Exception:
        return {}, [], list(lost)
    given_back: dict[str, Mark] = {}
    stuck: list[str] = []
    kept: list[str] = []
    showing = {(col, given): _showing(sheet, [f"{col}{r}" for r in rows if f"{col}{r}" not in placed], given)
               for col, given in groups}
    # the rows showing rectxl's colour: a cell left on a row showing it in another column too is
    # on a marked row, not a cell the clerk coloured alone
    coloured: dict[int, set[str]] = {}
    for spot in [*placed, *(spot for spots in showing.values() for spot in spots)]:
        if (at := _place(spot)) is not None:
            coloured.setdefault(at[1], set()).add(at[0])
    for (col, given), refs in groups.items():
        like = {spot: [ref for ref in refs if resembles(lost[ref][2], texts, int(spot[len(col):]))]
                for spot in showing[(col, given)]}
        claimed = [found[0] for found in like.values() if len(found) == 1]
        found_here: set[str] = set()
        for spot, found in like.items():
            if len(found) == 1 and claimed.count(found[0]) == 1:
                given_back[spot] = lost[found[0]]
                found_here.add(found[0])
        left = [spot for spot in showing[(col, given)] if spot not in given_back]
        marks_left = [ref for ref in refs if ref not in found_here]
        if not left or not marks_left:  # none left, or the clerk's own colour
            continue
        if (len(left) == len(marks_left) and len({lost[ref][0] for ref in marks_left}) == 1
                and all(len(coloured.get(int(spot[len(col):]), ())) > 1 for spot in left)):
            given_back.update((spot, lost[marks_left[0]]) for spot in left)  # which is which changes nothing
            continue
        stuck += left  # which is whose (or the clerk's own) is not known
        kept += marks_left
    return given_back, stuck, kept


def _renamed(record: Record, recorded: set[str], cells: dict[str, tuple[str | None, str, str]]
             ) -> tuple[str, Any] | None:
    """The sheet that a marked ledger sheet no longer in the workbook became (the clerk renamed
    "整改台账" to "整改台账（12月）"): of the sheets neither rectxl's nor named in the record, the
    one holding most of the rows its marks were on (by their texts), or None."""
    keys = {key for _, _, key in cells.values() if key}
    candidates = {name: sheet for name, sheet in record.sheets.items()
                  if name not in recorded and name not in record.owned and name != record.name}
    name = best_holder(keys, {name: partial(_sheet_texts, sheet) for name, sheet in candidates.items()})
    return None if name is None else (name, candidates[name])


@dataclass
class Cleared:
    """What 清除标记 did: cells given their fill back, rectxl's sheets deleted, and sheets left
    that an add-in record from before it named its sheets might have meant (the user decides)."""

    restored: int = 0
    removed: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    #: ledger sheets renamed since they were marked (old name → new), their colours given back there
    renamed: dict[str, str] = field(default_factory=dict)
    #: ledger sheets no longer in the workbook (deleted, or renamed and changed past knowing), by
    #: how many colours recorded on them could not be given back
    lost: dict[str, int] = field(default_factory=dict)
    #: rectxl's sheets no longer under their names, by the sheets of the user's names that carry
    #: their header row now (校验结果 renamed 问题清单): named, never deleted by their content
    moved: dict[str, list[str]] = field(default_factory=dict)
    #: cells still showing rectxl's colour on a copy of a marked row (the clerk copied it after
    #: marking, in the ledger or to another sheet), by sheet: the clerk's, left as they are
    copies: dict[str, list[str]] = field(default_factory=dict)
    #: cells left in rectxl's colour, by sheet: marks whose rows were both moved (a sort, a row
    #: inserted) and typed into, so that which of them is whose cannot be told (:func:`_strays`)
    stuck: dict[str, list[str]] = field(default_factory=dict)
    #: the record's rows of the marks behind :attr:`stuck`: kept on record
    pending: list[list[str]] = field(default_factory=list)


def clear_marks(book: Any, record: Record | None = None, *, keep_sheets: bool = False) -> Cleared:
    """Undo rectxl's colours (restoring recorded fills) and delete the sheets the record names as
    its own, then the record. With ``keep_sheets`` only the colours are undone: rectxl's sheets
    stay, and the record keeps naming them (标记问题 pressed again after 生成汇总 keeps the summary).

    A record of an add-in from before records named sheets names none; the 校验结果 that came
    with it is *not* deleted — a sheet of that name may as well be the user's (no sheet is taken
    for rectxl's by its content) — but named in :attr:`Cleared.left`."""
    if record is None:
        with recording(book) as own:
            return clear_marks(book, own, keep_sheets=keep_sheets)
    done = Cleared()
    sheets = record.sheets
    placed: set[tuple[str, str]] = set()  # the cells the marks are on now (given back, or the clerk's colour kept)
    together = _together(book)
    by_sheet: dict[str, dict[str, tuple[str | None, str, str]]] = {}
    for sheet_name, ref, fill in record.cells:
        if sheet_name and ref:
            by_sheet.setdefault(sheet_name, {})[ref] = _restore_color(fill)
    for sheet_name, cells in by_sheet.items():
        sheet = sheets.get(sheet_name)
        if sheet is None:  # renamed since (or deleted): found by its rows' texts
            found = _renamed(record, set(by_sheet), cells)
            if found is None:
                done.lost[sheet_name] = len(cells)
                continue
            done.renamed[sheet_name], sheet = found
        cells, lost, texts = _followed(sheet, cells)
        now = done.renamed.get(sheet_name, sheet_name)  # the sheet's name (each sheet.name is a call into Excel)
        if lost:
            strays, stuck, unsure = _strays(sheet, lost, cells, texts)
            cells.update(strays)
            if stuck:  # left in rectxl's colour, their marks kept on record: nothing of the clerk's lost
                done.stuck[now] = stuck
            done.pending += [[sheet_name, ref, fill] for name, ref, fill in record.cells
                             if name == sheet_name and ref in unsure]
        placed |= {(now, ref) for ref in cells}
        # a run of cells is given its colour back only while it shows rectxl's: a cell the user
        # re-coloured, or another cell sorted into its place, keeps what it shows
        keys = {ref: f"{back or ''}|{given}" for ref, (back, given, _) in cells.items()}
        one_by_one: list[tuple[str, str | None]] = []
        for key, same in _by_color(color_runs(keys)).items():
            back, given = (key or "|").split("|")
            for chunk in _areas(address for address, _ in same) if together else []:
                # the runs that still show rectxl's colour given back theirs in one call (see _together)
                if "," in chunk and (not given or _shows(sheet, chunk, given)):
                    _on_areas(sheet, [chunk], _fill_with(back or None))
                    done.restored += sum(len(_refs(address)) for address in chunk.split(","))
                else:
                    one_by_one += [(address, key) for address in chunk.split(",")]
            if not together:
                one_by_one += same
        for address, key in one_by_one:
            back, given = (key or "|").split("|")
            if given and _shows(sheet, address, given) is False:  # the clerk's colour since: theirs
                refs = [r for r in _refs(address) if _shows(sheet, r, given) is not False]
            else:
                refs = _refs(address)
            for ref in [address] if len(refs) == len(_refs(address)) else refs:
                sheet.range(ref).color = back or None
            done.restored += len(refs)
    done.copies = _copies_left(record, by_sheet, placed)
    if keep_sheets:
        if record.cells:
            record.cells = done.pending
            record.changed = True
        return done
    if not record.owned and by_sheet and FINDINGS_SHEET in sheets:
        done.left.append(FINDINGS_SHEET)
    # rectxl's mark of ownership decides, as for the command line (rectxl.io.marks._owned_sheets):
    # a sheet of the record's name without it (in a workbook that carries marks) is the user's
    marks = _owner_marks({n: s for n, s in sheets.items() if n != record.name})
    for name in record.owned:
        if name not in sheets:
            continue
        if marks and marks.get(name) != name:
            done.left.append(name)
            continue
        sheets.pop(name).delete()
        done.removed.append(name)
    kept = {now: given for now, given in marks.items() if now not in done.removed and now not in record.owned}
    for now, given in kept.items():  # renamed (or copied) by the user: theirs now, left and named
        _take_owner_mark(sheets[now])
        done.moved.setdefault(given, []).append(now)
    # sheets an add-in before the marks made, renamed by the user (no mark went with them): told by
    # their header row, named alike
    unmarked = [name for name in record.owned
                if name not in sheets and name not in done.removed and name not in done.moved]
    done.moved.update(_renamed_own(record, unmarked, set(by_sheet) | set(marks)))
    if done.pending:  # marks that could not be told apart stay on record, so their colour is never the clerk's
        record.cells, record.owned, record.changed = done.pending, [], True
    else:
        record.delete()
    return done


def _copies_left(record: Record, by_sheet: Mapping[str, Mapping[str, tuple[str | None, str, str]]],
                 placed: set[tuple[str, str]]) -> dict[str, list[str]]:
    """After the marks are given back: the cells of any sheet (rectxl's and the record aside) that
    still show rectxl's colour in a column marked on a row holding a marked row's texts — a copy
    the clerk made of a marked row (in the ledger, or on a sheet of their own). Those are theirs
    and left, with the formats the copy took along; they are named (as the command line does)."""
    marked: dict[str, set[tuple[str, str]]] = {}
    for cells in by_sheet.values():
        for ref, (_, given, key) in cells.items():
            spot = _place(ref)
            if key and given and spot is not None:
                marked.setdefault(key, set()).add((spot[0], given))
    found: dict[str, list[str]] = {}
    for name, sheet in record.sheets.items() if marked else ():
        if name == record.name or name in record.owned:
            continue
        texts = _sheet_texts(sheet)
        by_colour: dict[str, list[str]] = {}
        for row in sorted(texts):
            for col, given in sorted(marked.get(row_key(texts, row), ())):
                if (name, ref := f"{col}{row}") not in placed:
                    by_colour.setdefault(given, []).append(ref)
        showing = {ref for given, refs in by_colour.items() for ref in _showing(sheet, refs, given)}
        if showing:
            found[name] = sorted(showing, key=lambda ref: (int(re.sub(r"\D", "", ref)), len(ref), ref))
    return found


def _showing(sheet: Any, refs: list[str], color: str) -> list[str]:
    """Of ``refs``, the cells showing ``color``: a call per 255 characters of addresses when they
    all show one fill (twin rows of a ledger written twice over: none shows it), a call per
    cell where they differ."""
    found: list[str] = []
    for chunk in _areas(refs):
        try:
            current = sheet.range(chunk).color
        except NotImplementedError:  # the remote engine cannot read formats
            return []
        except Exception:  # cells of different fills (Null), or no multi-area range
            current = ...
        if current is ...:
            found += [ref for ref in chunk.split(",") if _shows(sheet, ref, color) is True]
        elif isinstance(current, tuple | list) and "".join(f"{int(v):02X}" for v in current) == color:
            found += chunk.split(",")
    return found


def _renamed_own(record: Record, missing: list[str], ledgers: set[str]) -> dict[str, list[str]]:
    """rectxl's sheets ``missing`` from the workbook by their names, each by the other sheets that
    carry its header row (:data:`OUTPUT_HEADERS`) — the user renamed 校验结果 to 问题清单, or
    kept it under a name of their own. They are named, not deleted: no sheet is taken for
    rectxl's by its content (see :func:`_target_sheet`)."""
    found: dict[str, list[str]] = {}
    for name in missing:
        base = re.sub(r"[(（]rectxl\d*[)）]$", "", name)
        if base not in OUTPUT_HEADERS:
            continue
        row, header = OUTPUT_HEADERS[base]
        for other, sheet in record.sheets.items():
            if other in record.owned or other == record.name or other in ledgers:
                continue
            try:
                values = sheet.range((row + 1, 1), (row + 1, len(header))).options(ndim=2).value or [[]]
            except Exception:  # an engine that cannot tell: nothing named
                continue
            if [str(v if v is not None else "").strip() for v in values[0]] == list(header):
                found.setdefault(name, []).append(other)
    return found
