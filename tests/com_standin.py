"""A stand-in for desktop Excel's COM objects, to test without Excel the code RunPython runs.

On Windows, RunPython hands ``rectxl.excel`` an ``xlwings.Book`` of xlwings' Windows engine
(``xlwings._xlwindows``), which talks to Excel through pywin32. This module lets the *real*
engine run on any system: it loads xlwings' ``_xlwindows.py`` (as ``xlwings._xlwindows_standin``,
leaving the real module alone) with a small pywin32 stand-in
(``pywintypes``, ``pythoncom``, ``win32com.client``, ``win32api`` …) and gives it Excel objects
that behave as Excel documents them, backed by openpyxl:

* ``Application`` (``Workbooks``, ``ActiveWorkbook``, ``DisplayAlerts``, ``Hwnd``, ``Run`` …);
  message boxes (``App.alert`` → ``win32api.MessageBox``) are recorded in ``excel.alerts``;
* ``Workbook`` (``Name``, ``FullName``, ``Path``, ``Saved``, ``FileFormat``, ``SaveCopyAs`` — a
  copy of the current state, changing neither the path nor the saved state —, ``Close`` …);
* ``Worksheets`` / ``Worksheet`` (``Add(Before=, After=)``, ``Move``, ``Delete``, ``Name``,
  ``Visible``, ``Index``, ``Cells``, ``Range``, ``UsedRange``); a chart sheet is in no
  ``Worksheets`` but counts, as in Excel, in a worksheet's ``Index`` (its place among all the
  tabs), in the names taken and among the sheets shown;
* ``Range``: ``Value`` reads as COM returns them (numbers as ``float``, dates as
  ``pywintypes.TimeType``, error cells as the ``int`` codes such as -2146826281 for #DIV/0!,
  a tuple of tuples for several cells) and writes that **coerce text the way Excel does in a
  Chinese locale** unless the cell's ``NumberFormat`` is "@" (text): "6月30日" → a date of this
  year, "2024.6" → 2024.6, "001" → 1, "12%" → 0.12, "TRUE" → True, "=1+1" → a formula,
  "'001" → the text "001" (Excel's text prefix); ``NumberFormat``, ``Interior.Color`` /
  ``ColorIndex`` (BGR integers), ``Font.Bold``, ``ColumnWidth``, ``WrapText``, ``Clear``,
  ``MergeArea``.

The stand-in never calculates (as with ``Application.Calculation = xlCalculationManual``): a formula
keeps the value it was saved with, or none; only a formula written through ``Value`` is computed
when it is ``HYPERLINK(...)`` or plain arithmetic. Every COM member access or call is counted in
``excel.calls`` (what a COM round trip costs).

    excel = Excel()
    book = excel.open(path)          # an xlwings.Book of the Windows engine
    rx.validate(book)
    excel.alerts, excel.calls
"""

from __future__ import annotations

import ast
import contextlib
import ctypes
import datetime as dt
import importlib.util
import itertools
import operator
import re
import sys
import types
import warnings
import zipfile
from collections.abc import Callable, Iterator
from copy import copy
from pathlib import Path, PurePosixPath
from typing import Any

import openpyxl
import xlwings as xw
from lxml import etree
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet as OpenpyxlSheet

__all__ = [
    "ERROR_CODES",
    "Excel",
    "TimeType",
    "com_error",
    "entered",
    "windows_engine",
]

FilePath = Path  # for annotations inside classes whose COM member is called Path
MAX_ROW = 1_048_576
MAX_COL = 16_384
#: the most characters a cell holds: Excel keeps the first 32,767 of a longer text written to it
MAX_CELL_TEXT = 32_767
#: Excel's error values as COM returns them (CVErr codes as signed 32-bit integers)
ERROR_CODES = {
    "#NULL!": -2146826288,
    "#DIV/0!": -2146826281,
    "#VALUE!": -2146826273,
    "#REF!": -2146826265,
    "#NAME?": -2146826259,
    "#NUM!": -2146826252,
    "#N/A": -2146826246,
}
XL_NONE = -4142  # xlColorIndexNone / xlNone
XL_SHEET = {"visible": -1, "hidden": 0, "veryHidden": 2}
XL_CALCULATION_MANUAL = -4135
DISP_E_UNKNOWNNAME = -2147352570
DISP_E_EXCEPTION = -2147352567
_EPOCH = dt.datetime(1899, 12, 30)


# ---------------------------------------------------------------------------------------------
# pywin32, as much of it as xlwings' Windows engine touches
# ---------------------------------------------------------------------------------------------

class com_error(Exception):
    """``pywintypes.com_error(hresult, strerror, excepinfo, argerror)``."""

    def __init__(self, hresult: int, strerror: str = "", excepinfo: Any = None, argerror: Any = None) -> None:
        super().__init__(hresult, strerror, excepinfo, argerror)

    @property
    def hresult(self) -> int:
        return int(self.args[0])

    @property
    def excepinfo(self) -> Any:
        return self.args[2]


def _excel_error(text: str) -> com_error:
    """An exception Excel raises: DISP_E_EXCEPTION with Excel's message in the excepinfo."""
    return com_error(DISP_E_EXCEPTION, "发生意外。", (0, "Microsoft Excel", text, None, 0, -2146827284), None)


class TimeType(dt.datetime):
    """``pywintypes.TimeType``: what COM returns for a date (a datetime subclass)."""


class CDispatch:
    """Base of every COM object: xlwings wraps these in its COMRetryObjectWrapper."""


class _TimeZoneInfo:
    @staticmethod
    def utc() -> dt.tzinfo:
        return dt.UTC


class _Anything:
    """ctypes' ``windll``/``oledll`` at import time of the engine (it looks up a GUID there)."""

    def __getattr__(self, name: str) -> _Anything:
        return _Anything()

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return _Anything()


_WINDOWS: dict[int, Excel] = {}  # hwnd → Excel, for MessageBox


def _message_box(hwnd: int, text: str, caption: str, style: int) -> int:
    _WINDOWS[hwnd].alerts.append({"prompt": text, "title": caption, "style": style})
    return 1  # IDOK


def _no_window(*args: Any) -> int:
    """``win32gui.FindWindowEx``: the stand-in has no windows (pywintypes.error)."""
    raise OSError(1400, "FindWindowEx", "无效的窗口句柄。")


def _module(name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    return module


def _pywin32() -> dict[str, types.ModuleType]:
    client = _module("win32com.client", CDispatch=CDispatch, CoClassBaseClass=type("CoClassBaseClass", (), {}),
                     DispatchBaseClass=type("DispatchBaseClass", (), {}), Dispatch=None, DispatchEx=None)
    return {
        "pywintypes": _module("pywintypes", com_error=com_error, error=OSError, TimeType=TimeType, IID=str),
        "pythoncom": _module("pythoncom", CoInitialize=lambda: None, ole_error=com_error, __file__="pythoncom.dll",
                             DISPATCH_PROPERTYGET=2, DISPATCH_PROPERTYPUT=4),
        "win32api": _module("win32api", MessageBox=_message_box),
        "win32con": _module("win32con", MB_OK=0, MB_OKCANCEL=1, MB_YESNOCANCEL=3, MB_YESNO=4,
                            MB_ICONWARNING=48, MB_ICONINFORMATION=64),
        "win32com": _module("win32com", client=client),
        "win32com.client": client,
        "win32gui": _module("win32gui", FindWindowEx=_no_window),
        "win32process": _module("win32process", GetWindowThreadProcessId=lambda hwnd: (1, 4242)),
        "win32timezone": _module("win32timezone", TimeZoneInfo=_TimeZoneInfo),
    }


_ENGINE: types.ModuleType | None = None


def windows_engine() -> types.ModuleType:
    """xlwings' Windows engine (``xlwings/_xlwindows.py``), loaded with the pywin32 stand-in as
    ``xlwings._xlwindows_standin`` (once per process; the real ``xlwings._xlwindows`` is left alone,
    also on Windows).

    The stand-in modules are in ``sys.modules`` only during the import; the engine keeps its own
    references. COM retries are turned off (``N_COM_ATTEMPTS = 1``): the stand-in is never busy,
    and an error must surface instead of being retried forever."""
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    name = "xlwings._xlwindows_standin"
    spec = importlib.util.spec_from_file_location(name, Path(xw.__file__).parent / "_xlwindows.py")
    assert spec is not None and spec.loader is not None
    engine = importlib.util.module_from_spec(spec)
    fakes = _pywin32()
    saved = {name: sys.modules.get(name) for name in fakes}
    patched = {"oledll": _Anything(), "windll": _Anything(), "PyDLL": lambda *a, **k: _Anything()}
    originals = {name: getattr(ctypes, name, None) for name in patched}
    sys.modules.update(fakes)
    for attr, value in patched.items():
        setattr(ctypes, attr, value)
    try:
        sys.modules[name] = engine
        spec.loader.exec_module(engine)
    finally:
        for attr, value in originals.items():
            if value is None:
                delattr(ctypes, attr)
            else:
                setattr(ctypes, attr, value)
        for module_name, module in saved.items():
            if module is None:
                sys.modules.pop(module_name, None)
            else:
                sys.modules[module_name] = module
    engine.N_COM_ATTEMPTS = 1  # type: ignore[attr-defined]
    setattr(engine, "WindowsError", OSError)  # noqa: B010 -- a builtin on Windows only; named in an except clause
    _ENGINE = engine
    return engine


# ---------------------------------------------------------------------------------------------
# What Excel makes of text written into a cell (Chinese locale: dates are year/month/day)
# ---------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_PERCENT = re.compile(r"^([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*%$")
_CURRENCY = re.compile(r"^([+-]?)[¥￥$]\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_ACCOUNTING = re.compile(r"^\(((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\)$")
_TIME = r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_YMD = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME + "$")
_YY_MD = re.compile(r"^(\d{2})[-/](\d{1,2})[-/](\d{1,2})$")
_YMD_CN = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_YM_CN = re.compile(r"^(\d{4})年(\d{1,2})月$")
_MD_CN = re.compile(r"^(\d{1,2})月(\d{1,2})日$")
_YM = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MD = re.compile(r"^(\d{1,2})[-/](\d{1,2})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


class Entry:
    """What a cell holds after a value is entered: kind "text", "number", "bool", "date",
    "error" or "formula" (``value`` is then the formula, ``cached`` its computed value)."""

    def __init__(self, kind: str, value: Any, number_format: str | None = None, *, cached: Any = None,
                 prefix: bool = False) -> None:
        self.kind, self.value, self.number_format, self.cached, self.prefix = kind, value, number_format, cached, prefix

    def __repr__(self) -> str:
        return f"Entry({self.kind!r}, {self.value!r}, {self.number_format!r})"


def _date(y: int, m: int, d: int, hh: str | None = None, mm: str | None = None, ss: str | None = None
          ) -> dt.datetime | None:
    try:
        value = dt.datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    return value if value.year >= 1900 else None


def _parse_date(text: str, today: dt.date) -> tuple[dt.datetime, str] | None:
    if m := _YMD.match(text):
        value = _date(int(m[1]), int(m[2]), int(m[3]), m[4], m[5], m[6])
        return (value, "yyyy/m/d h:mm" if m[4] else "yyyy/m/d") if value else None
    if m := _YY_MD.match(text):
        yy = int(m[1])
        value = _date(2000 + yy if yy < 30 else 1900 + yy, int(m[2]), int(m[3]))
        return (value, "yyyy/m/d") if value else None
    if m := _YMD_CN.match(text):
        value = _date(int(m[1]), int(m[2]), int(m[3]))
        return (value, 'yyyy"年"m"月"d"日"') if value else None
    if m := _YM_CN.match(text):
        value = _date(int(m[1]), int(m[2]), 1)
        return (value, 'yyyy"年"m"月"') if value else None
    if m := _MD_CN.match(text):
        value = _date(today.year, int(m[1]), int(m[2]))
        return (value, 'm"月"d"日"') if value else None
    if m := _YM.match(text):
        value = _date(int(m[1]), int(m[2]), 1)
        return (value, "yyyy/m") if value else None
    if m := _MD.match(text):
        value = _date(today.year, int(m[1]), int(m[2]))
        return (value, "m/d") if value else None
    return None


def entered(text: str, number_format: str = "General", today: dt.date | None = None) -> Entry:
    """What Excel (Chinese locale) stores when ``text`` is written into a cell through
    ``Range.Value`` — the same as typing it: a cell formatted as text ("@") keeps it verbatim; a
    leading apostrophe keeps the rest as text; otherwise formulas, booleans, error values,
    numbers (leading zeros dropped, thousands separators, %, currency, accounting brackets),
    dates (年月日, y-m-d, y/m/d, m/d and 6月30日 of the current year) and times are recognised."""
    today = today or dt.date.today()
    if number_format == "@":
        return Entry("text", text)
    if text.startswith("'"):
        return Entry("text", text[1:], prefix=True)
    if text.startswith("=") and len(text) > 1:
        return Entry("formula", text, cached=_evaluate(text[1:]))
    t = text.strip()
    if t.upper() in ("TRUE", "FALSE"):
        return Entry("bool", t.upper() == "TRUE")
    if t in ERROR_CODES:
        return Entry("error", t)
    if _NUMBER.match(t):
        return Entry("number", float(t.replace(",", "")), "#,##0" if "," in t else None)
    if m := _PERCENT.match(t):
        digits = m[1].replace(",", "")
        return Entry("number", float(digits) / 100, "0.00%" if "." in digits else "0%")
    if m := _CURRENCY.match(t):
        return Entry("number", float(m[1] + m[2].replace(",", "")), "¥#,##0.00")
    if m := _ACCOUNTING.match(t):
        return Entry("number", -float(m[1].replace(",", "")))
    if found := _parse_date(t, today):
        return Entry("date", found[0], found[1])
    if m := _CLOCK.match(t):
        hh, mm, ss = int(m[1]), int(m[2]), int(m[3] or 0)
        if hh < 24 and mm < 60 and ss < 60:
            return Entry("date", _EPOCH + dt.timedelta(hours=hh, minutes=mm, seconds=ss), "h:mm")
    return Entry("text", text)


_HYPERLINK = re.compile(r'^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$', re.IGNORECASE)
_ARITHMETIC: dict[type, Callable[..., Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.USub: operator.neg, ast.UAdd: operator.pos,
}


def _evaluate(formula: str) -> Any:
    """The value of the formulas the stand-in computes: HYPERLINK(link, text) and arithmetic."""
    if m := _HYPERLINK.match(formula.strip()):
        return (m[2] if m[2] is not None else m[1]).replace('""', '"')

    def value(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            return float(_ARITHMETIC[type(node.op)](value(node.left), value(node.right)))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _ARITHMETIC:
            return float(_ARITHMETIC[type(node.op)](value(node.operand)))
        raise ValueError(formula)

    try:
        return value(ast.parse(formula.strip(), mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError):
        return None


# ---------------------------------------------------------------------------------------------
# COM objects
# ---------------------------------------------------------------------------------------------

def _unwrap(obj: Any) -> Any:
    """The stand-in object behind xlwings' COMRetryObjectWrapper."""
    try:
        return object.__getattribute__(obj, "_inner")
    except AttributeError:
        return obj


class _OleObj:
    @staticmethod
    def GetIDsOfNames(lcid: int, name: str) -> int:
        raise com_error(DISP_E_UNKNOWNNAME, "未知名称。")


class ComObject(CDispatch):
    """An Excel object: its COM members are the names that start with a capital letter; each get,
    set or call of one is one COM call, counted on the application."""

    _oleobj_ = _OleObj()
    _excel: Excel

    def __getattribute__(self, name: str) -> Any:
        if name[:1].isupper():
            object.__getattribute__(self, "_excel").calls += 1
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name[:1].isupper():
            self._excel.calls += 1
            if not isinstance(getattr(type(self), name, None), property):
                raise com_error(DISP_E_UNKNOWNNAME, f"{type(self).__name__} 没有可设置的属性 {name}")
        object.__setattr__(self, name, value)


class Excel(ComObject):
    """``Excel.Application``. Lowercase helpers (``open``, ``new_book``, ``calls``, ``alerts``) are
    the test's, not Excel's."""

    _hwnds = itertools.count(0x10010)

    def __init__(self, *, today: dt.date | None = None) -> None:
        object.__setattr__(self, "_excel", self)
        self.calls = 0
        self.alerts: list[dict[str, Any]] = []
        self.today = today or dt.date.today()
        self.books: list[Book] = []
        self.active: Book | None = None
        self.macros: dict[str, Callable[..., Any]] = {}
        self.hwnd = next(self._hwnds)
        self._new_books = itertools.count(1)
        self._display_alerts = True
        self._screen_updating = True
        _WINDOWS[self.hwnd] = self

    # -- the test's helpers
    def open(self, path: Path | str) -> xw.Book:
        """Open ``path`` (as File → Open does) and return it as an xlwings Book of the Windows engine."""
        return self.xw_book(self._open(Path(path)))

    def new_book(self) -> xw.Book:
        """A new, unsaved workbook (as ``Workbooks.Add``)."""
        return self.xw_book(self._add())

    def xw_book(self, workbook: Book) -> xw.Book:
        engine = windows_engine()
        return xw.Book(impl=engine.Book(xl=engine.COMRetryObjectWrapper(workbook)))

    def book_named(self, name: str) -> Book:
        for book in self.books:
            if book.name.lower() == name.lower():
                return book
        raise KeyError(name)

    def _open(self, path: Path) -> Book:
        path = Path(path).resolve()
        for book in self.books:
            if book.name.lower() == path.name.lower():
                raise _excel_error(f"不能同时打开两个同名的工作簿：{path.name}")
        book = Book(self, *_load(path), path=path)
        self.books.append(book)
        self.active = book
        return book

    def _add(self) -> Book:
        wb = openpyxl.Workbook()
        sheet = wb.active
        assert sheet is not None
        sheet.title = "Sheet1"
        book = Book(self, wb, {}, path=None, name=f"工作簿{next(self._new_books)}")
        self.books.append(book)
        self.active = book
        return book

    # -- COM
    @property
    def Application(self) -> Excel:
        return self

    @property
    def Parent(self) -> Excel:
        return self

    @property
    def Workbooks(self) -> BooksCollection:
        return BooksCollection(self)

    @property
    def ActiveWorkbook(self) -> Book | None:
        return self.active

    @property
    def ActiveSheet(self) -> Sheet | None:
        return self.active.active_sheet() if self.active else None

    @property
    def Hwnd(self) -> int:
        return self.hwnd

    @property
    def Name(self) -> str:
        return "Microsoft Excel"

    @property
    def Version(self) -> str:
        return "16.0"

    @property
    def Path(self) -> str:
        return r"C:\Program Files\Microsoft Office\root\Office16"

    @property
    def Calculation(self) -> int:
        return XL_CALCULATION_MANUAL

    @property
    def DisplayAlerts(self) -> bool:
        return self._display_alerts

    @DisplayAlerts.setter
    def DisplayAlerts(self, value: bool) -> None:
        object.__setattr__(self, "_display_alerts", bool(value))

    @property
    def ScreenUpdating(self) -> bool:
        return self._screen_updating

    @ScreenUpdating.setter
    def ScreenUpdating(self, value: bool) -> None:
        object.__setattr__(self, "_screen_updating", bool(value))

    def Run(self, macro: str, *args: Any) -> Any:
        """Application.Run: only the macros the test registered in ``excel.macros``."""
        if macro not in self.macros:
            raise _excel_error(f"无法运行宏“{macro}”。可能是因为该宏在此工作簿中不可用，或者所有的宏都被禁用。")
        return self.macros[macro](*args)


class BooksCollection(ComObject):
    def __init__(self, excel: Excel) -> None:
        object.__setattr__(self, "_excel", excel)

    @property
    def Count(self) -> int:
        return len(self._excel.books)

    def __call__(self, key: int | str) -> Book:
        self._excel.calls += 1
        return self._item(key)

    def Item(self, key: int | str) -> Book:
        return self._item(key)

    def _item(self, key: int | str) -> Book:
        books = self._excel.books
        if isinstance(key, int | float):
            if 1 <= int(key) <= len(books):
                return books[int(key) - 1]
        else:
            with contextlib.suppress(KeyError):
                return self._excel.book_named(str(key))
        raise com_error(-2147352565, "下标越界。")  # DISP_E_BADINDEX

    def __iter__(self) -> Iterator[Book]:
        self._excel.calls += 1
        for book in list(self._excel.books):
            self._excel.calls += 1
            yield book

    def Add(self, Template: Any = None) -> Book:
        return self._excel._add()

    def Open(self, Filename: str, *args: Any, **kwargs: Any) -> Book:
        path = Path(str(Filename))
        if not path.is_file():
            raise _excel_error(f"找不到“{path}”。")
        return self._excel._open(path)


def _load(path: Path) -> tuple[OpenpyxlWorkbook, dict[tuple[str, int, int], tuple[Any, str]]]:
    """The workbook with its formulas, and the values Excel saved for them (data type too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True)
        values = openpyxl.load_workbook(path, data_only=True)
    cached: dict[tuple[str, int, int], tuple[Any, str]] = {}
    for ws in wb.worksheets:
        saved = values[ws.title]
        for (r, c), cell in ws._cells.items():
            if cell.data_type == "f":
                held = saved._cells.get((r, c))
                cached[(ws.title, r, c)] = (held.value, held.data_type) if held is not None else (None, "n")
    return wb, cached


FILE_FORMAT = {".xlsx": 51, ".xlsm": 52}


class Book(ComObject):
    def __init__(self, excel: Excel, wb: OpenpyxlWorkbook, cached: dict[tuple[str, int, int], tuple[Any, str]], *,
                 path: Path | None, name: str | None = None) -> None:
        object.__setattr__(self, "_excel", excel)
        self.wb = wb
        #: (sheet title, row, col) → (value, openpyxl data type) of formula cells
        self.cached = cached
        self.path = path
        self.name = path.name if path is not None else str(name)
        self.saved = True
        self.file_format = FILE_FORMAT.get(path.suffix.lower(), 51) if path is not None else 51
        self.copies: list[Path] = []

    def changed(self) -> None:
        self.saved = False

    def sheet_objects(self) -> list[OpenpyxlSheet]:
        return [ws for ws in self.wb.worksheets if isinstance(ws, OpenpyxlSheet)]

    @property
    def Application(self) -> Excel:
        return self._excel

    @property
    def Parent(self) -> Excel:
        return self._excel

    @property
    def Name(self) -> str:
        return self.name

    @property
    def FullName(self) -> str:
        return str(self.path) if self.path is not None else self.name

    @property
    def Path(self) -> str:
        return str(self.path.parent) if self.path is not None else ""

    @property
    def FileFormat(self) -> int:
        return self.file_format

    @property
    def Saved(self) -> bool:
        return self.saved

    @Saved.setter
    def Saved(self, value: bool) -> None:
        object.__setattr__(self, "saved", bool(value))

    @property
    def Worksheets(self) -> SheetsCollection:
        return SheetsCollection(self)

    @property
    def Sheets(self) -> SheetsCollection:
        return SheetsCollection(self)

    def active_sheet(self) -> Sheet:
        active = self.wb.active
        assert isinstance(active, OpenpyxlSheet)
        return Sheet(self, active)

    @property
    def ActiveSheet(self) -> Sheet:
        return self.active_sheet()

    def Activate(self) -> None:
        self._excel.active = self

    def SaveCopyAs(self, Filename: str) -> None:
        """Write the workbook as it is now to ``Filename`` (in its own format); the open workbook
        keeps its name, path and saved state."""
        target = Path(str(Filename))
        if not target.parent.is_dir():
            raise _excel_error(f"无法访问“{target.parent}”。")
        self.write(target)
        self.copies.append(target)

    # -- workbook protection (Workbook.Protect Structure:=True / ProtectStructure / Unprotect) --------
    @property
    def ProtectStructure(self) -> bool:
        return bool(self.wb.security is not None and self.wb.security.lockStructure)

    def Protect(self, Password: Any = None, Structure: Any = True, Windows: Any = None) -> None:
        from openpyxl.workbook.protection import WorkbookProtection

        self.wb.security = WorkbookProtection(lockStructure=bool(Structure))
        self.changed()

    def Unprotect(self, Password: Any = None) -> None:
        self.wb.security = None
        self.changed()

    def Save(self) -> None:
        if self.path is None:
            raise _excel_error("工作簿尚未保存过，请使用“另存为”。")
        self.write(self.path)
        self.saved = True

    def Close(self, SaveChanges: bool = False, *args: Any) -> None:
        if SaveChanges:
            self.Save()
        self._excel.books.remove(self)
        if self._excel.active is self:
            self._excel.active = self._excel.books[-1] if self._excel.books else None

    def write(self, target: FilePath) -> None:
        """Save as Excel would: every formula with the value Excel holds for it."""
        self.wb.save(target)
        if any(self.cached.values()):
            _put_cached_values(target, self.cached)


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}


def _put_cached_values(path: Path, cached: dict[tuple[str, int, int], tuple[Any, str]]) -> None:
    """openpyxl writes every formula without a value (``<v></v>``); Excel writes the value it holds."""
    with zipfile.ZipFile(path) as zin:
        infos = zin.infolist()
        parts = {i.filename: zin.read(i.filename) for i in infos}
    wb = etree.fromstring(parts["xl/workbook.xml"])
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels.iterfind("pr:Relationship", _NS)}
    for sheet in wb.iterfind("m:sheets/m:sheet", _NS):
        title = sheet.get("name")
        target = str(targets[sheet.get(f"{{{_NS['r']}}}id")])
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        mine = {(r, c): v for (t, r, c), v in cached.items() if t == title and v[0] is not None}
        if not mine or part not in parts:
            continue
        root = etree.fromstring(parts[part])
        for cell in root.iterfind(".//m:sheetData/m:row/m:c", _NS):
            if cell.find("m:f", _NS) is None:
                continue
            c0, r0, _, _ = range_boundaries(cell.get("r"))
            held = mine.get((r0, c0))
            if held is None:
                continue
            value, data_type = held
            v = cell.find("m:v", _NS)
            if v is None:
                v = etree.SubElement(cell, f"{{{_NS['m']}}}v")
            cell.attrib.pop("t", None)
            if data_type == "e":
                cell.set("t", "e")
                v.text = str(value)
            elif isinstance(value, bool):
                cell.set("t", "b")
                v.text = "1" if value else "0"
            elif isinstance(value, dt.datetime | dt.date):
                stamp = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
                v.text = repr((stamp - _EPOCH) / dt.timedelta(days=1))
            elif isinstance(value, int | float):
                v.text = repr(float(value)) if isinstance(value, float) else str(value)
            else:
                cell.set("t", "str")
                v.text = str(value)
        parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(info, parts[info.filename])


class SheetsCollection(ComObject):
    def __init__(self, book: Book) -> None:
        object.__setattr__(self, "_excel", book._excel)
        object.__setattr__(self, "book", book)

    @property
    def Count(self) -> int:
        return len(self.book.sheet_objects())

    @property
    def Parent(self) -> Book:
        return self.book

    def __call__(self, key: int | str) -> Sheet:
        self._excel.calls += 1
        return self._item(key)

    def Item(self, key: int | str) -> Sheet:
        return self._item(key)

    def _item(self, key: int | str) -> Sheet:
        sheets = self.book.sheet_objects()
        if isinstance(key, int | float):
            if 1 <= int(key) <= len(sheets):
                return Sheet(self.book, sheets[int(key) - 1])
        else:
            for ws in sheets:
                if ws.title.lower() == str(key).lower():
                    return Sheet(self.book, ws)
        raise com_error(-2147352565, "下标越界。")

    def __iter__(self) -> Iterator[Sheet]:
        self._excel.calls += 1
        for ws in self.book.sheet_objects():
            self._excel.calls += 1
            yield Sheet(self.book, ws)

    def Add(self, Before: Any = None, After: Any = None, Count: int = 1, Type: Any = None) -> Sheet:
        wb = self.book.wb
        if wb.security is not None and wb.security.lockStructure:  # Workbook.Protect Structure:=True
            raise _excel_error("工作簿受保护，无法更改。")
        taken = {name.lower() for name in wb.sheetnames}  # a chart sheet's name is taken too
        n = 1
        while f"sheet{n}" in taken:
            n += 1
        # places in the workbook's tab order (Sheets), chart sheets counted, as openpyxl inserts
        if Before is not None:
            index = wb._sheets.index(_unwrap(Before).ws)
        elif After is not None:
            index = wb._sheets.index(_unwrap(After).ws) + 1
        else:
            index = wb._sheets.index(wb.active) if wb.active in wb._sheets else 0
        ws = wb.create_sheet(f"Sheet{n}", index)
        wb.active = ws
        self.book.changed()
        return Sheet(self.book, ws)


class Sheet(ComObject):
    def __init__(self, book: Book, ws: OpenpyxlSheet) -> None:
        object.__setattr__(self, "_excel", book._excel)
        object.__setattr__(self, "book", book)
        object.__setattr__(self, "ws", ws)

    @property
    def Application(self) -> Excel:
        return self._excel

    @property
    def Parent(self) -> Book:
        return self.book

    @property
    def Name(self) -> str:
        return str(self.ws.title)

    @Name.setter
    def Name(self, value: str) -> None:
        value = str(value)
        others = {ws.title.lower() for ws in self.book.wb._sheets if ws is not self.ws}
        if not value.strip() or len(value) > 31 or re.search(r"[\[\]:*?/\\]", value) or value.lower() in others:
            raise _excel_error("工作表名称无效或已被占用。")
        if value != self.ws.title:
            for key in [k for k in self.book.cached if k[0] == self.ws.title]:
                self.book.cached[(value, key[1], key[2])] = self.book.cached.pop(key)
            self.ws.title = value
            self.book.changed()

    @property
    def Index(self) -> int:
        # Excel: the place in the Sheets collection — a chart sheet before the worksheet counts
        return self.book.wb._sheets.index(self.ws) + 1

    @property
    def Visible(self) -> int:
        return XL_SHEET.get(self.ws.sheet_state, -1)

    @Visible.setter
    def Visible(self, value: Any) -> None:
        if isinstance(value, bool):
            state = "visible" if value else "hidden"
        else:
            state = {-1: "visible", 0: "hidden", 2: "veryHidden"}[int(value)]
        if state != "visible" and sum(ws.sheet_state == "visible" for ws in self.book.wb._sheets) <= 1 \
                and self.ws.sheet_state == "visible":
            raise _excel_error("不能隐藏最后一个可见的工作表。")
        wb = self.book.wb
        if state != "visible" and wb.active is self.ws:  # Excel shows the next visible sheet
            index = wb._sheets.index(self.ws)  # (a chart sheet is a sheet Excel shows too)
            order = wb._sheets[index + 1:] + wb._sheets[:index][::-1]
            wb.active = next(ws for ws in order if ws.sheet_state == "visible")
        self.ws.sheet_state = state
        self.book.changed()

    @property
    def Cells(self) -> CellRange:
        return CellRange(self, 1, 1, MAX_ROW, MAX_COL)

    def Range(self, cell1: Any, cell2: Any = None) -> CellRange:
        if cell2 is None and isinstance(_unwrap(cell1), str) and "," in cell1:
            return self._areas(cell1)
        first = self._area(cell1)
        if cell2 is None:
            return first
        second = self._area(cell2)
        return CellRange(self, min(first.r0, second.r0), min(first.c0, second.c0),
                     max(first.r1, second.r1), max(first.c1, second.c1))

    def _area(self, ref: Any) -> CellRange:
        ref = _unwrap(ref)
        if isinstance(ref, CellRange):
            return ref
        text = str(ref).replace("$", "").split("!")[-1]
        try:
            c0, r0, c1, r1 = range_boundaries(text)
        except ValueError:
            raise _excel_error(f"引用无效：{ref}") from None
        return CellRange(self, r0 or 1, c0 or 1, r1 or MAX_ROW, c1 or MAX_COL)

    def _areas(self, text: str) -> CellRange:
        """A multi-area range, ``Range("A1:C1,A5:C6")`` (Excel's union of areas, see ``Range.Areas``:
        https://learn.microsoft.com/office/vba/api/excel.range.areas). Excel refuses an address of
        more than 255 characters with run-time error 1004 (a string passed to an Excel object is
        limited to 255 characters: Microsoft KB 105416, "Passed Strings Longer Than 255 Characters
        Are Truncated")."""
        if len(text) > 255:
            raise _excel_error(f"引用无效（地址超过 255 个字符）：{text[:40]}…")
        areas = [self._area(part.strip()) for part in text.split(",")]
        return AreasRange(self, areas)

    @property
    def UsedRange(self) -> CellRange:
        ws = self.ws
        if not ws._cells:
            return CellRange(self, 1, 1, 1, 1)
        return CellRange(self, ws.min_row, ws.min_column, ws.max_row, ws.max_column)

    def Activate(self) -> None:
        self.book.wb.active = self.ws

    def Select(self) -> None:
        self.Activate()

    @property
    def Names(self) -> _Names:
        """``Worksheet.Names``: the names local to the sheet (a sheet-level defined name, kept by
        openpyxl in ``ws.defined_names`` and saved with ``localSheetId``) — they go with the sheet
        when it is renamed."""
        return _Names(self)

    # -- protection (Worksheet.Protect / ProtectContents / Protection.AllowFormattingCells) ----------
    @property
    def ProtectContents(self) -> bool:
        return bool(self.ws.protection.sheet)

    @property
    def Protection(self) -> _Protection:
        return _Protection(self)

    def Protect(self, Password: Any = None, DrawingObjects: Any = None, Contents: Any = True, Scenarios: Any = None,
                UserInterfaceOnly: Any = None, AllowFormattingCells: Any = False, **_: Any) -> None:
        self.ws.protection.sheet = bool(Contents)
        self.ws.protection.formatCells = not AllowFormattingCells  # OOXML: true = locked
        self.book.changed()

    def Unprotect(self, Password: Any = None) -> None:
        self.ws.protection.sheet = False
        self.book.changed()

    def Delete(self) -> bool:
        wb = self.book.wb
        if wb.security is not None and wb.security.lockStructure:
            raise _excel_error("工作簿受保护，无法更改。")
        if self._excel._display_alerts:
            prompt = "将永久删除此工作表。是否继续？"
            self._excel.alerts.append({"prompt": prompt, "title": "Microsoft Excel", "style": 1})
        visible = [ws for ws in wb._sheets if ws.sheet_state == "visible"]  # a chart sheet is one
        if visible == [self.ws]:
            raise _excel_error("工作簿中至少应含有一张可视工作表。")
        active = wb.active
        wb.remove(self.ws)
        for key in [k for k in self.book.cached if k[0] == self.ws.title]:
            del self.book.cached[key]
        if active is self.ws or active not in wb._sheets:
            wb.active = next(ws for ws in wb._sheets if ws.sheet_state == "visible")
        else:
            wb.active = active
        self.book.changed()
        return True

    def Move(self, Before: Any = None, After: Any = None) -> None:
        wb = self.book.wb
        active = wb.active
        sheets = wb._sheets
        sheets.remove(self.ws)
        anchor = _unwrap(Before if Before is not None else After).ws
        index = sheets.index(anchor) + (0 if Before is not None else 1)
        sheets.insert(index, self.ws)
        wb.active = active  # the same sheet stays active (openpyxl keeps an index)
        self.book.changed()


class _Names(ComObject):
    """``Worksheet.Names``: ``Count``, ``Item(index or name)``, ``Add(Name, RefersTo, Visible)``."""

    def __init__(self, sheet: Sheet) -> None:
        object.__setattr__(self, "_excel", sheet._excel)
        object.__setattr__(self, "sheet", sheet)

    @property
    def Count(self) -> int:
        return len(self.sheet.ws.defined_names)

    def Item(self, key: int | str) -> _Name:
        key = _unwrap(key)
        names = list(self.sheet.ws.defined_names)
        if isinstance(key, int) and 1 <= key <= len(names):
            return _Name(self.sheet, names[key - 1])
        wanted = str(key).rsplit("!", 1)[-1].casefold()
        for name in names:
            if name.casefold() == wanted:
                return _Name(self.sheet, name)
        raise _excel_error("找不到该名称。")

    def __call__(self, key: int | str) -> _Name:
        return self.Item(key)

    def Add(self, Name: str, RefersTo: str = "", Visible: bool = True, **_: Any) -> _Name:
        from openpyxl.workbook.defined_name import DefinedName

        text = str(RefersTo).removeprefix("=")
        # "'Sheet'!name" (the sheet's own prefix, as Excel takes it for a local name) or "name"
        prefix, _, name = str(Name).rpartition("!")
        title = str(self.sheet.ws.title)
        if prefix and prefix not in (title, "'" + title.replace("'", "''") + "'"):
            raise _excel_error("输入的名称无效。")
        if not re.fullmatch(r"[A-Za-z_\\][\w.]*", name):
            raise _excel_error("输入的名称无效。")
        self.sheet.ws.defined_names[name] = DefinedName(name, attr_text=text, hidden=not Visible or None)
        self.sheet.book.changed()
        return _Name(self.sheet, name)


class _Name(ComObject):
    """A ``Name`` local to a sheet: ``Name`` ("Sheet!name", as Excel gives a local name),
    ``RefersTo``, ``Visible``, ``Delete``."""

    def __init__(self, sheet: Sheet, key: str) -> None:
        object.__setattr__(self, "_excel", sheet._excel)
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "key", key)

    @property
    def Name(self) -> str:
        title = str(self.sheet.ws.title)
        quoted = title if re.fullmatch(r"\w+", title) else "'" + title.replace("'", "''") + "'"
        return f"{quoted}!{self.key}"

    @property
    def RefersTo(self) -> str:
        return "=" + str(self.sheet.ws.defined_names[self.key].attr_text)

    @property
    def Visible(self) -> bool:
        return not self.sheet.ws.defined_names[self.key].hidden

    def Delete(self) -> None:
        del self.sheet.ws.defined_names[self.key]
        self.sheet.book.changed()


class _Lines(ComObject):
    def __init__(self, excel: Excel, count: int) -> None:
        object.__setattr__(self, "_excel", excel)
        object.__setattr__(self, "count", count)

    @property
    def Count(self) -> int:
        return int(self.count)


def _rgb_to_bgr(argb: str) -> int:
    rgb = argb[-6:]
    r, g, b = int(rgb[0:2], 16), int(rgb[2:4], 16), int(rgb[4:6], 16)
    return r + (g << 8) + (b << 16)


def _bgr_to_argb(value: int) -> str:
    r, g, b = value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF
    return f"FF{r:02X}{g:02X}{b:02X}"


class CellRange(ComObject):
    """A rectangle of cells (1-based, inclusive)."""

    def __init__(self, sheet: Sheet, r0: int, c0: int, r1: int, c1: int) -> None:
        if not (1 <= r0 <= r1 <= MAX_ROW and 1 <= c0 <= c1 <= MAX_COL):
            raise _excel_error("引用无效。")
        object.__setattr__(self, "_excel", sheet._excel)
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "box", (r0, c0, r1, c1))

    @property
    def r0(self) -> int:
        return int(self.box[0])

    @property
    def c0(self) -> int:
        return int(self.box[1])

    @property
    def r1(self) -> int:
        return int(self.box[2])

    @property
    def c1(self) -> int:
        return int(self.box[3])

    @property
    def ws(self) -> OpenpyxlSheet:
        return self.sheet.ws  # type: ignore[no-any-return]

    @property
    def book(self) -> Book:
        return self.sheet.book  # type: ignore[no-any-return]

    def coordinates(self) -> Iterator[tuple[int, int]]:
        """Every cell of the range; of a huge range (a whole sheet) only the cells that exist."""
        if (self.r1 - self.r0 + 1) * (self.c1 - self.c0 + 1) > 1_000_000:
            yield from sorted((r, c) for r, c in list(self.ws._cells)
                              if self.r0 <= r <= self.r1 and self.c0 <= c <= self.c1)
            return
        for r in range(self.r0, self.r1 + 1):
            for c in range(self.c0, self.c1 + 1):
                yield r, c

    # -- geometry
    @property
    def Application(self) -> Excel:
        return self._excel

    @property
    def Worksheet(self) -> Sheet:
        return self.sheet

    @property
    def Parent(self) -> Sheet:
        return self.sheet

    @property
    def Row(self) -> int:
        return self.r0

    @property
    def Column(self) -> int:
        return self.c0

    @property
    def Rows(self) -> _Lines:
        return _Lines(self._excel, self.r1 - self.r0 + 1)

    @property
    def Columns(self) -> _Lines:
        return _Lines(self._excel, self.c1 - self.c0 + 1)

    @property
    def Count(self) -> int:
        return (self.r1 - self.r0 + 1) * (self.c1 - self.c0 + 1)

    @property
    def Address(self) -> str:
        first = f"${get_column_letter(self.c0)}${self.r0}"
        if (self.r0, self.c0) == (self.r1, self.c1):
            return first
        return f"{first}:${get_column_letter(self.c1)}${self.r1}"

    @property
    def Cells(self) -> CellRange:
        return self

    def __call__(self, row: int, column: int = 1) -> CellRange:
        self._excel.calls += 1
        return self.cell(row, column)

    def Item(self, row: int, column: int = 1) -> CellRange:
        return self.cell(row, column)

    def cell(self, row: int, column: int = 1) -> CellRange:
        r, c = self.r0 + int(row) - 1, self.c0 + int(column) - 1
        return CellRange(self.sheet, r, c, r, c)

    def merge_area(self) -> tuple[int, int, int, int]:
        for merged in self.ws.merged_cells.ranges:
            if merged.min_row <= self.r0 <= merged.max_row and merged.min_col <= self.c0 <= merged.max_col:
                return merged.min_row, merged.min_col, merged.max_row, merged.max_col
        return self.r0, self.c0, self.r0, self.c0

    def Resize(self, RowSize: int | None = None, ColumnSize: int | None = None) -> CellRange:
        rows = RowSize or self.r1 - self.r0 + 1
        cols = ColumnSize or self.c1 - self.c0 + 1
        return CellRange(self.sheet, self.r0, self.c0, self.r0 + rows - 1, self.c0 + cols - 1)

    @property
    def MergeArea(self) -> CellRange:
        return CellRange(self.sheet, *self.merge_area())

    @property
    def MergeCells(self) -> bool | None:
        inside = [self.cell(r - self.r0 + 1, c - self.c0 + 1).merge_area() != (r, c, r, c)
                  for r, c in self.coordinates()]
        return None if len(set(inside)) > 1 else bool(inside and inside[0])

    def Select(self) -> None:
        self.sheet.Activate()

    # -- values
    def _cell_value(self, r: int, c: int) -> Any:
        cell = self.ws._cells.get((r, c))
        if cell is None or isinstance(cell, MergedCell):
            return None
        if cell.data_type == "f" or isinstance(cell.value, ArrayFormula):
            value, data_type = self.book.cached.get((self.ws.title, r, c), (None, "n"))
            return _com_value(value, data_type)
        return _com_value(cell.value, cell.data_type)

    @property
    def Value(self) -> Any:
        rows = tuple(tuple(self._cell_value(r, c) for c in range(self.c0, self.c1 + 1))
                     for r in range(self.r0, self.r1 + 1))
        return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else rows

    @Value.setter
    def Value(self, data: Any) -> None:
        nrows, ncols = self.r1 - self.r0 + 1, self.c1 - self.c0 + 1
        if isinstance(data, list | tuple) and data and all(isinstance(row, list | tuple) for row in data):
            grid = [list(row) for row in data]
        elif isinstance(data, list | tuple):
            grid = [list(data)] * nrows
        else:
            grid = [[data] * ncols for _ in range(nrows)]
        for i in range(nrows):
            row = grid[i] if i < len(grid) else []
            for j in range(ncols):
                self._enter(self.r0 + i, self.c0 + j, row[j] if j < len(row) else "#N/A",
                            missing=i >= len(grid) or j >= len(row))
        self.book.changed()

    def _enter(self, r: int, c: int, value: Any, *, missing: bool = False) -> None:
        existing = self.ws._cells.get((r, c))
        if isinstance(existing, MergedCell):
            if value in (None, ""):
                return
            raise _excel_error("无法对合并单元格执行此操作。")
        cell = self.ws.cell(r, c)
        key = (self.ws.title, r, c)
        self.book.cached.pop(key, None)
        cell.quotePrefix = False
        if missing:
            cell.value = "#N/A"  # Excel fills the rest of a range with #N/A
            return
        if value is None or value == "":
            cell.value = None
            return
        if isinstance(value, bool):
            cell.value = value
            return
        if isinstance(value, int | float):
            cell.value = value
            return
        if isinstance(value, dt.datetime | dt.date):
            stamp = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
            cell.value = stamp.replace(tzinfo=None)
            if cell.number_format == "General":
                cell.number_format = "yyyy/m/d" if stamp.time() == dt.time() else "yyyy/m/d h:mm"
            return
        entry = entered(str(value), cell.number_format, self._excel.today)
        if entry.kind == "text" and len(entry.value) > MAX_CELL_TEXT:  # Excel keeps the first 32,767
            entry = Entry("text", entry.value[:MAX_CELL_TEXT], prefix=entry.prefix)
        if entry.kind == "formula":
            cell.value = entry.value
            self.book.cached[key] = (entry.cached, "n")
        elif entry.kind == "text":
            cell.value = entry.value
            cell.data_type = "s"  # openpyxl would take "=…" for a formula and "#N/A" for an error
            cell.quotePrefix = entry.prefix
        else:
            cell.value = entry.value
            if entry.kind == "error":
                cell.data_type = "e"
            if entry.number_format and cell.number_format == "General":
                cell.number_format = entry.number_format

    @property
    def Formula(self) -> Any:
        def formula(r: int, c: int) -> Any:
            cell = self.ws._cells.get((r, c))
            if cell is None or cell.value is None:
                return ""
            if cell.data_type == "f":
                return str(cell.value)
            value = self._cell_value(r, c)
            return value if not isinstance(value, dt.datetime) else str(value)

        rows = tuple(tuple(formula(r, c) for c in range(self.c0, self.c1 + 1)) for r in range(self.r0, self.r1 + 1))
        return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else rows

    @property
    def PrefixCharacter(self) -> str:
        cell = self.ws._cells.get((self.r0, self.c0))
        return "'" if cell is not None and cell.quotePrefix else ""

    def ClearContents(self) -> None:
        for r, c in self.coordinates():
            cell = self.ws._cells.get((r, c))
            if cell is not None and not isinstance(cell, MergedCell):
                cell.value = None
                self.book.cached.pop((self.ws.title, r, c), None)
        self.book.changed()

    def ClearFormats(self) -> None:
        for merged in list(self.ws.merged_cells.ranges):
            if self.r0 <= merged.min_row and merged.max_row <= self.r1 and self.c0 <= merged.min_col \
                    and merged.max_col <= self.c1:
                self.ws.unmerge_cells(str(merged))
        for r, c in self.coordinates():
            cell = self.ws._cells.get((r, c))
            if cell is not None:
                cell.style = "Normal"
        self.book.changed()

    def Clear(self) -> None:
        self.ClearFormats()
        self.ClearContents()
        if (self.r0, self.c0, self.r1, self.c1) == (1, 1, MAX_ROW, MAX_COL):
            self.ws._cells.clear()

    # -- formats
    def _common(self, read: Callable[[Any], Any], default: Any) -> Any:
        seen = {read(self.ws._cells[(r, c)]) if (r, c) in self.ws._cells else default for r, c in self.coordinates()}
        return seen.pop() if len(seen) == 1 else None

    def _each(self, write: Callable[[Any], None]) -> None:
        for r, c in self.coordinates():
            write(self.ws.cell(r, c))
        self.book.changed()

    @property
    def NumberFormat(self) -> Any:
        return self._common(lambda cell: cell.number_format, "General")

    @NumberFormat.setter
    def NumberFormat(self, value: str) -> None:
        def write(cell: Any) -> None:
            cell.number_format = value

        self._each(write)

    @property
    def WrapText(self) -> Any:
        return self._common(lambda cell: bool(cell.alignment.wrap_text), False)

    @WrapText.setter
    def WrapText(self, value: bool) -> None:
        def write(cell: Any) -> None:
            alignment = copy(cell.alignment)
            alignment.wrap_text = bool(value)
            cell.alignment = alignment

        self._each(write)

    @property
    def ColumnWidth(self) -> float:
        width = self.ws.column_dimensions[get_column_letter(self.c0)].width
        return float(width) if width else 8.38

    @ColumnWidth.setter
    def ColumnWidth(self, value: float) -> None:
        for c in range(self.c0, self.c1 + 1):
            self.ws.column_dimensions[get_column_letter(c)].width = float(value)
        self.book.changed()

    @property
    def Interior(self) -> CellInterior:
        return CellInterior(self)

    @property
    def Font(self) -> CellFont:
        return CellFont(self)


class AreasRange(CellRange):
    """A range of several areas: its first area answers for ``Value``, ``Row`` and ``Column`` (as
    in Excel), and formats (``Interior``, ``Font``, ``NumberFormat`` …) apply to every area."""

    def __init__(self, sheet: Sheet, areas: list[CellRange]) -> None:
        first = areas[0]
        super().__init__(sheet, first.r0, first.c0, first.r1, first.c1)
        object.__setattr__(self, "areas", areas)

    def coordinates(self) -> Iterator[tuple[int, int]]:
        seen: set[tuple[int, int]] = set()
        for area in self.areas:
            for cell in area.coordinates():
                if cell not in seen:
                    seen.add(cell)
                    yield cell

    @property
    def Count(self) -> int:
        return sum(1 for _ in self.coordinates())

    @property
    def Address(self) -> str:
        return ",".join(area.Address for area in self.areas)

    @property
    def Areas(self) -> tuple[CellRange, ...]:
        return tuple(self.areas)


def _com_value(value: Any, data_type: str) -> Any:
    """A cell's content as COM hands it to Python (pywin32's conversions of Excel's VARIANTs)."""
    if value is None or value == "":
        return None
    if data_type == "e" or (isinstance(value, str) and data_type != "s" and value in ERROR_CODES):
        return ERROR_CODES.get(str(value), ERROR_CODES["#VALUE!"])
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime):
        return TimeType(value.year, value.month, value.day, value.hour, value.minute, value.second,
                        value.microsecond, tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return TimeType(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, dt.time):
        return TimeType(1899, 12, 30, value.hour, value.minute, value.second, tzinfo=dt.UTC)
    if isinstance(value, dt.timedelta):
        return value / dt.timedelta(days=1)
    return str(value)


class _Protection(ComObject):
    def __init__(self, sheet: Sheet) -> None:
        object.__setattr__(self, "_excel", sheet._excel)
        object.__setattr__(self, "sheet", sheet)

    @property
    def AllowFormattingCells(self) -> bool:
        return not self.sheet.ws.protection.formatCells


def _formatting_locked(ws: Any) -> bool:
    """A protected sheet that does not allow formatting cells: Excel refuses a new fill with run-time
    error 1004 ("您试图更改的单元格或图表位于受保护的工作表中")."""
    return bool(ws.protection.sheet) and bool(ws.protection.formatCells)


class CellInterior(ComObject):
    def __init__(self, rng: CellRange) -> None:
        object.__setattr__(self, "_excel", rng._excel)
        object.__setattr__(self, "rng", rng)

    @staticmethod
    def _color(cell: Any) -> int | None:
        fill = cell.fill
        if fill is None or fill.fill_type != "solid":
            return None
        rgb = fill.fgColor.rgb if fill.fgColor is not None and fill.fgColor.type == "rgb" else "FF000000"
        return _rgb_to_bgr(str(rgb))

    @property
    def Color(self) -> Any:
        colors = {self._color(self.rng.ws._cells[k]) if k in self.rng.ws._cells else None
                  for k in self.rng.coordinates()}
        if len(colors) > 1:
            return None  # cells of different colours: Null
        found = colors.pop()
        return 16777215 if found is None else found  # no fill reads as white

    @Color.setter
    def Color(self, value: int) -> None:
        if _formatting_locked(self.rng.ws):
            raise _excel_error("您试图更改的单元格或图表位于受保护的工作表中。若要进行更改，请取消工作表保护。")
        fill = PatternFill("solid", fgColor=_bgr_to_argb(int(value)), bgColor=_bgr_to_argb(int(value)))

        def write(cell: Any) -> None:
            cell.fill = fill

        self.rng._each(write)

    @property
    def ColorIndex(self) -> Any:
        # xlNone without a fill; Excel names the nearest palette index otherwise (not modelled: 1)
        return self.rng._common(lambda cell: XL_NONE if self._color(cell) is None else 1, XL_NONE)

    @ColorIndex.setter
    def ColorIndex(self, value: int) -> None:
        if _formatting_locked(self.rng.ws):
            raise _excel_error("您试图更改的单元格或图表位于受保护的工作表中。若要进行更改，请取消工作表保护。")
        if value != XL_NONE:
            raise _excel_error("只模拟了 ColorIndex = xlNone（去掉填充）。")

        def write(cell: Any) -> None:
            cell.fill = PatternFill(fill_type=None)

        self.rng._each(write)


class CellFont(ComObject):
    def __init__(self, rng: CellRange) -> None:
        object.__setattr__(self, "_excel", rng._excel)
        object.__setattr__(self, "rng", rng)

    @property
    def Bold(self) -> Any:
        return self.rng._common(lambda cell: bool(cell.font.b), False)

    @Bold.setter
    def Bold(self, value: bool) -> None:
        def write(cell: Any) -> None:
            font = copy(cell.font)
            font.b = bool(value)
            cell.font = font

        self.rng._each(write)


def values_of(book: xw.Book | Book, sheet: str) -> list[list[Any]]:
    """A sheet's cell values as COM returns them, from A1 to the used range's end (for asserts)."""
    workbook = _unwrap(book.api) if isinstance(book, xw.Book) else book
    ws = SheetsCollection(workbook)._item(sheet)
    used = ws.UsedRange
    rows = CellRange(ws, 1, 1, used.r1, used.c1).Value
    return [list(row) for row in (rows if isinstance(rows, tuple) else ((rows,),))]


def solid_fills(ws: Any) -> dict[str, str | None]:
    """Every cell's solid fill colour (RRGGBB, None for no fill) of an openpyxl worksheet (for asserts)."""
    out: dict[str, str | None] = {}
    for row in ws.iter_rows():
        for cell in row:
            fill = cell.fill
            solid = fill is not None and fill.fill_type == "solid" and fill.fgColor.type == "rgb"
            out[cell.coordinate] = str(fill.fgColor.rgb)[-6:].upper() if solid else None
    return out


def workbook_of(book: xw.Book) -> Book:
    """The stand-in workbook behind an xlwings Book."""
    return _unwrap(book.api)  # type: ignore[no-any-return]
