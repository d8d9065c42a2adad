"""Excel entry points: what the ribbon buttons run (校验台账, 标记问题, 清除标记, 生成汇总, 生成通报, 新建台账).

Each takes an ``xlwings.Book`` (default: the workbook that called RunPython, else the active
one), reads it the way ``rectxl check`` reads a file (desktop Excel saves its current state with
``SaveCopyAs`` and the file reader reads that copy: :mod:`rectxl.excel.book_io`), calls the
library, and writes the result back in batched calls. Expected problems become a Chinese alert,
never a traceback.

Desktop Excel calls them through xlwings' RunPython, e.g.
``RunPython "import rectxl.excel as rx; rx.validate()"`` (see macros/rectxl.bas).
``rx.self_test()`` (the add-in's ``RectxlSelfTest`` macro) reports the versions and a dry run.
"""

from __future__ import annotations

import functools
import platform
import sys
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from rectxl.core.errors import RectxlError
from rectxl.core.findings import Severity
from rectxl.core.follow import copied_note, kept_own_note, stuck_note
from rectxl.core.grid import ledger_from_grids
from rectxl.core.model import Ledger
from rectxl.core.rules import Options
from rectxl.core.sheets import Hidden, findings_sheet, highlight_cells, marked_sheets, summary_sheets, unseen_note
from rectxl.core.text import cn_date
from rectxl.core.validate import Report, Source
from rectxl.excel.book_io import (
    Cleared,
    book_path,
    clear_marks,
    grids_from_book,
    is_desktop,
    no_folder,
    recording,
    refuse_protected,
    saved_copy,
    show_sheet,
    write_marks,
    write_spec,
)
from rectxl.excel.places import documents_folder, free_name

__all__ = ["TITLE", "clear", "flag", "new_ledger", "notice", "read_book", "self_test", "summarize", "validate"]

TITLE = "整改台账"
T = TypeVar("T")


def _resolve(book: Any | None) -> Any:
    if book is not None:
        return book
    import xlwings as xw

    try:
        return xw.Book.caller()
    except Exception:
        return xw.books.active


def _alert(book: Any, message: str) -> None:
    try:
        book.app.alert(message, title=TITLE)
    except Exception:  # no app to show it (e.g. a script): print instead
        print(message, file=sys.stderr)


def entry_point(func: Callable[..., T]) -> Callable[..., T | None]:
    """Resolve the book; turn expected problems into an alert and unexpected ones into a short
    alert plus a traceback on stderr (the xlwings log), never a popup traceback."""

    @functools.wraps(func)
    def wrapper(book: Any | None = None, *args: Any, **kwargs: Any) -> T | None:
        book = _resolve(book)
        try:
            return func(book, *args, **kwargs)
        except RectxlError as exc:
            _alert(book, str(exc))
        except Exception as exc:
            traceback.print_exc()
            _alert(book, f"处理时发生意外问题（{type(exc).__name__}），操作可能没有完成；"
                         "rectxl 不会改动台账单元格中的内容。请把工作簿和此信息反馈给维护人员。")
        return None

    return wrapper


def read_book(book: Any, options: Options | None = None) -> tuple[Ledger, Report]:
    """Read and validate the workbook as ``rectxl check`` does the same content saved as a file:
    desktop Excel's current state through ``SaveCopyAs`` and :func:`rectxl.io.reader.read_ledger`,
    evidence files looked for beside the saved workbook."""
    ledger, report, _ = _read_book(book, options)
    return ledger, report


def _read_book(book: Any, options: Options | None) -> tuple[Ledger, Report, dict[str, Hidden]]:
    """:func:`read_book`, and what of the sheets with findings the user does not see (hidden
    rows, columns, sheets: 校验结果 says so, as `rectxl annotate`'s does)."""
    from rectxl import api
    from rectxl.io.marks import hidden_in, ledger_rows
    from rectxl.io.reader import read_ledger, sibling_files

    column_map = options.column_map if options else ()
    hidden: dict[str, Hidden] = {}
    with saved_copy(book) as copy:
        if copy is not None:
            ledger = read_ledger(copy, column_map)
        else:  # xlwings' remote interpreter (the tests): values only
            ledger = ledger_from_grids(grids_from_book(book), column_map)
        saved = book_path(book)
        report = api.check_ledger(ledger, options, sibling_files=sibling_files(saved) if saved else None)
        if copy is not None and report.findings:
            hidden = hidden_in(copy, {f.sheet for f in report.findings if f.sheet}, ledger_rows(ledger))
    report.source = Source(path=book.name)
    return ledger, report, hidden


def _counts(report: Report) -> str:
    return (f"错误 {report.count(Severity.ERROR)} 条，警告 {report.count(Severity.WARNING)} 条，"
            f"提示 {report.count(Severity.INFO)} 条（截至{cn_date(report.as_of)}）")


@entry_point
def validate(book: Any, options: Options | None = None) -> Report:
    """校验台账: write the 校验结果 sheet (with links to the cells) and say what was found."""
    _, report, hidden = _read_book(book, options)
    with recording(book) as record:
        sheet = write_spec(book, findings_sheet(report, hidden), record)
    show_sheet(sheet)
    if report.findings:
        _alert(book, f"校验完成：共发现 {len(report.findings)} 条问题，{_counts(report)}。"
                     f"详见“{sheet.name}”工作表。")
    else:
        _alert(book, f"校验完成：未发现问题（截至{cn_date(report.as_of)}）。")
    return report


@entry_point
def flag(book: Any, options: Options | None = None) -> Report:
    """标记问题: colour the cells at fault (undoable with 清除标记) and write 校验结果."""
    ledger, report, hidden = _read_book(book, options)
    cells = {name: highlight_cells(report, name) for name in marked_sheets(ledger)}
    with recording(book) as record:
        refuse_protected(book, [name for name, marks in cells.items() if marks] + record.marked(), "标记问题")
        if record.exists:
            # this run's colours replace the last run's; sheets stay. Cells left in rectxl's colour
            # that could not be told apart are not marked again (their own fill is not known)
            stuck = clear_marks(book, record, keep_sheets=True).stuck
            cells = {name: {ref: h for ref, h in marks.items() if ref not in stuck.get(name, ())}
                     for name, marks in cells.items()}
        sheet = write_spec(book, findings_sheet(report, hidden), record)
        coloured = write_marks(book, cells, record)
    unseen = unseen_note(hidden, ((name, ref) for name, marks in cells.items() for ref in marks))
    _alert(book, f"已标记 {coloured} 个单元格：{_counts(report)}。{unseen + '。' if unseen else ''}"
                 f"校验结果见“{sheet.name}”工作表；点“清除标记”可恢复原样。")
    return report


@entry_point
def clear(book: Any) -> int:
    """清除标记: restore the coloured cells and delete rectxl's sheets."""
    with recording(book) as record:
        if not record.exists:
            _alert(book, "当前工作簿中没有 rectxl 的标记，无需清除。")
            return 0
        refuse_protected(book, record.marked(), "清除标记")
        done = clear_marks(book, record)
    _alert(book, cleared_message(done))
    return done.restored


def cleared_message(done: Cleared) -> str:
    """What 清除标记 says it did: exactly the cells restored and the sheets deleted."""
    renamed = "".join(f"（工作表“{old}”已改名为“{new}”，在“{new}”中恢复）" for old, new in done.renamed.items())
    parts = [f"{done.restored} 个单元格恢复原样{renamed}"] if done.restored else []
    parts += [f"工作表“{name}”已不在工作簿中（已删除，或改名后内容也改了），记录在其中的 {count} 个标色单元格"
              "无法恢复：如在其他工作表中看到 rectxl 的标记颜色，请手动清除" for name, count in done.lost.items()]
    parts += [copied_note(name, cells) for name, cells in done.copies.items()]
    parts += [stuck_note(name, cells) for name, cells in done.stuck.items()]
    if done.removed:
        parts.append(f"已删除 rectxl 生成的工作表：{'、'.join(done.removed)}")
    parts += [kept_own_note(name, now, copied=name in done.removed) for name, now in done.moved.items()]
    said = "；".join(parts) if parts else "没有需要恢复的单元格"
    left = (f"。工作表{'、'.join(f'“{n}”' for n in done.left)}没有登记为 rectxl 生成的（可能是旧版 rectxl 写入的，"
            "也可能是您自己的），未删除；如不需要请手动删除" if done.left else "")
    return f"已清除标记：{said}{left}。"


@entry_point
def summarize(book: Any, options: Options | None = None) -> Report:
    """生成汇总: 整改总体情况, 整改明细, 责任单位统计, 逾期清单."""
    ledger, report = read_book(book, options)
    with recording(book) as record:
        written = [write_spec(book, spec, record).name for spec in summary_sheets(report, ledger)]
    _alert(book, f"已生成汇总表：{'、'.join(written)}。")
    return report


@entry_point
def notice(book: Any, options: Options | None = None) -> Path:
    """生成通报: write 《…整改进展情况的通报》 as a .docx beside the workbook (never over a file)."""
    path = book_path(book)
    if path is None:
        raise no_folder(book, "通报")
    ledger, _ = read_book(book, options)
    from rectxl.io.docx_notice import write_notice_docx

    target = free_name(path.parent, f"{path.stem}_整改进展情况通报", ".docx")
    write_notice_docx(ledger, target, as_of=options.as_of if options else None, today=date.today())
    from rectxl.core.notice.render import placeholder_note
    from rectxl.io.notice_file import written_notice_text

    unfilled = placeholder_note(written_notice_text(target))
    _alert(book, f"已生成通报：{target}" + (f"\n\n{unfilled}。" if unfilled else ""))
    return target


def _close_if_blank(book: Any) -> None:
    """Close ``book`` if it is a new workbook nobody has changed (the one the add-in opened so that
    RunPython had a workbook to run in) — as Excel itself replaces an untouched 工作簿1."""
    try:
        workbook = book.api
        if workbook.Path == "" and workbook.Saved:
            workbook.Close(SaveChanges=False)
    except Exception:  # a remote or unknown engine: leave it
        pass


@entry_point
def new_ledger(book: Any) -> Path:
    """新建台账: write a blank ledger template and open it — beside the active workbook when that
    is saved, else (no workbook or a new, unsaved one) in the user's Documents folder. Never
    over an existing file: 新台账.xlsx, 新台账(2).xlsx, …"""
    from rectxl import api

    saved = book_path(book)
    folder = saved.parent if saved is not None else documents_folder()
    target = api.new_ledger(free_name(folder, "新台账", ".xlsx"))
    if not is_desktop(book):
        _alert(book, f"已生成空白台账：{target}")
        return target
    app = book.app
    try:
        app.books.open(str(target))
    except Exception:
        _alert(book, f"已生成空白台账：{target}（未能自动打开，请在 Excel 中打开它）")
        return target
    if saved is None:
        _close_if_blank(book)
        app.alert(f"已在“文档”文件夹中生成空白台账：{target}", title=TITLE)
    return target


@entry_point
def self_test(book: Any) -> str:
    """The add-in's self-test (macro ``RectxlSelfTest``): the Python, rectxl and xlwings versions,
    and a dry run — read and check the active workbook, write nothing."""
    import xlwings as xw

    from rectxl.core.version import __version__

    lines = [
        "rectxl 自检",
        f"Python：{platform.python_version()}（{sys.executable}）",
        f"rectxl：{__version__}",
        f"xlwings：{xw.__version__}",
    ]
    how = "SaveCopyAs 临时副本 + 文件读取器" if is_desktop(book) else "xlwings 远程解释器（只读单元格值）"
    start = time.perf_counter()
    try:
        _, report = read_book(book)
    except RectxlError as exc:
        lines.append(f"试运行（不写入）：读取“{book.name}”未成功：{exc}")
    else:
        lines.append(f"试运行（不写入）：已读取“{book.name}”（{how}，用时 {time.perf_counter() - start:.1f} 秒），"
                     f"{report.measures} 项措施，{_counts(report)}。")
    text = "\n".join(lines)
    _alert(book, text)
    return text
