"""Excel entry points: what the ribbon buttons run (校验台账, 标记问题, 清除标记, 生成汇总, 生成通报).

Each takes an ``xlwings.Book`` (default: the workbook that called RunPython, else the active
one), reads it through the same grid → ledger core as files, calls the core, and writes the
result back in batched calls. Expected problems become a Chinese alert, never a traceback.

Desktop Excel calls them through xlwings' RunPython, e.g.
``RunPython "import rectxl.excel as rx; rx.validate()"`` (see macros/rectxl.bas).
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from rectxl.core.errors import RectxlError
from rectxl.core.findings import Severity
from rectxl.core.grid import ledger_from_grids
from rectxl.core.model import Ledger
from rectxl.core.rules import Options
from rectxl.core.sheets import FINDINGS_SHEET, findings_sheet, highlight_cells, summary_sheets
from rectxl.core.validate import Report, Source
from rectxl.core.validate import validate as validate_ledger
from rectxl.excel.book_io import clear_marks, grids_from_book, has_marks, write_marks, write_spec

__all__ = ["TITLE", "clear", "flag", "new_ledger", "notice", "summarize", "validate"]

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
            _alert(book, f"处理时发生意外问题({type(exc).__name__}),台账内容未被修改以外的写入可能不完整。"
                         "请把工作簿和此信息反馈给维护人员。")
        return None

    return wrapper


def _read(book: Any, options: Options | None) -> tuple[Ledger, Report]:
    ledger = ledger_from_grids(grids_from_book(book))
    report = validate_ledger(ledger, options, source=Source(path=book.name))
    return ledger, report


def _counts(report: Report) -> str:
    return (f"错误 {report.count(Severity.ERROR)} 条,警告 {report.count(Severity.WARNING)} 条,"
            f"提示 {report.count(Severity.INFO)} 条(截至 {report.as_of.isoformat()})")


@entry_point
def validate(book: Any, options: Options | None = None) -> Report:
    """校验台账: write the 校验结果 sheet (with links to the cells) and say what was found."""
    _, report = _read(book, options)
    write_spec(book, findings_sheet(report)).activate()
    if report.findings:
        _alert(book, f"校验完成:共发现 {len(report.findings)} 条问题,{_counts(report)}。详见“{FINDINGS_SHEET}”工作表。")
    else:
        _alert(book, f"校验完成:未发现问题(截至 {report.as_of.isoformat()})。")
    return report


@entry_point
def flag(book: Any, options: Options | None = None) -> Report:
    """标记问题: colour the cells at fault (undoable with 清除标记) and write 校验结果."""
    ledger, report = _read(book, options)
    if has_marks(book):
        clear_marks(book)
    cells = highlight_cells(report, ledger.sheet)
    write_spec(book, findings_sheet(report))
    write_marks(book, ledger.sheet, cells)
    _alert(book, f"已标记 {len(cells)} 个单元格:{_counts(report)}。点“清除标记”可恢复原样。")
    return report


@entry_point
def clear(book: Any) -> int:
    """清除标记: restore the coloured cells and delete rectxl's sheets."""
    if not has_marks(book):
        _alert(book, "当前工作簿中没有 rectxl 的标记,无需清除。")
        return 0
    restored = clear_marks(book)
    _alert(book, f"已清除标记:{restored} 个单元格恢复原样,校验结果和汇总表已删除。")
    return restored


@entry_point
def summarize(book: Any, options: Options | None = None) -> Report:
    """生成汇总: 整改总体情况, 整改明细, 责任单位统计, 逾期清单."""
    ledger, report = _read(book, options)
    specs = summary_sheets(report, ledger)
    for spec in specs:
        write_spec(book, spec)
    _alert(book, f"已生成汇总表:{'、'.join(s.name for s in specs)}。")
    return report


def _book_path(book: Any) -> Path:
    try:
        full = book.fullname
    except NotImplementedError:
        full = ""
    path = Path(full) if full else None
    if path is None or not path.parent.is_dir() or not path.is_absolute():
        raise RectxlError("请先把工作簿保存到文件夹中,通报会生成在工作簿旁边。")
    return path


@entry_point
def notice(book: Any, options: Options | None = None) -> Path:
    """生成通报: write 《…整改进展情况的通报》 as a .docx beside the workbook."""
    path = _book_path(book)
    ledger, _ = _read(book, options)
    from rectxl.io.docx_notice import write_notice_docx

    target = path.with_name(f"{path.stem}_整改进展情况通报.docx")
    write_notice_docx(ledger, target)
    _alert(book, f"已生成通报:{target}")
    return target


@entry_point
def new_ledger(book: Any) -> Path:
    """新建台账: write a blank ledger template beside the active workbook and open it."""
    from rectxl.io.ledger_xlsx import write_ledger

    folder = _book_path(book).parent
    target = folder / "新台账.xlsx"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"新台账{n}.xlsx"
    write_ledger(target)
    try:
        import xlwings as xw

        xw.Book(str(target))
    except Exception:
        _alert(book, f"已生成空白台账:{target}")
    return target
