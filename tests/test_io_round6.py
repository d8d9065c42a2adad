"""Workbooks round 6: workbooks as other writers and other Excel formats hand them over.

Every fixture is built here from text: a ledger written with openpyxl, then its package parts
edited the way the other writer spells them, or a workbook as desktop Excel holds it open
(tests/com_standin.py) in a format other than .xlsx.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl import api
from rectxl import excel as rx
from rectxl.core.rules import Options
from rectxl.excel import book_io
from tests import com_standin
from tests.com_standin import Excel, workbook_of
from tests.ledgers import MESSY_AS_OF, write_messy_ledger

OPTS = Options(as_of=MESSY_AS_OF)
_TRANSITIONAL = (
    (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
)


def _findings(report: Any) -> set[tuple[str, str | None]]:
    return {(f.code, f.cell) for f in report.findings}


def _as_strict(path: Path) -> None:
    """Rewrite the package at ``path`` in Strict Open XML namespaces, as Excel saves a workbook
    whose format is "Strict Open XML 电子表格"."""
    with zipfile.ZipFile(path) as zin:
        parts = [(i.filename, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts:
            for old, new in _TRANSITIONAL:
                data = data.replace(old, new)
            out.writestr(name, data)


# -- the Excel buttons on workbooks Excel holds in other formats --------------------------


def saved_strict(book: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``book`` a Strict Open XML workbook in the COM stand-in: Excel reports FileFormat 61
    and its SaveCopyAs writes the copy strict."""
    workbook_of(book).file_format = 61  # xlOpenXMLStrictWorkbook
    plain = com_standin.Book.SaveCopyAs

    def save_strict(self: Any, Filename: str) -> None:
        plain(self, Filename)
        _as_strict(Path(str(Filename)))

    monkeypatch.setattr(com_standin.Book, "SaveCopyAs", save_strict)


def test_a_strict_open_xml_workbook_open_in_excel_is_read_not_refused(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel reports a Strict Open XML workbook as FileFormat 61 and SaveCopyAs writes it strict:
    the buttons read it as the command line reads the same file (they had called it a CSV)."""
    source = write_messy_ledger(tmp_path / "台账.xlsx")
    expected = _findings(api.check(source, OPTS))
    excel = Excel()
    book = excel.open(source)
    saved_strict(book, monkeypatch)
    report = rx.validate(book, OPTS)
    assert report is not None, excel.alerts
    assert _findings(report) == expected and expected
    assert "不是 Excel 工作簿格式" not in excel.alerts[-1]["prompt"]


def _copy_sheets(self: Any, Before: Any = None, After: Any = None) -> None:
    """Worksheets.Copy with no place, as Excel documents it: a new workbook of copies of the
    sheets (formulas with the values Excel holds for them), made the active workbook."""
    assert Before is None and After is None
    data = io.BytesIO()
    self.book.wb.save(data)
    data.seek(0)
    excel = self._excel
    new = com_standin.Book(excel, openpyxl.load_workbook(data), dict(self.book.cached), path=None,
                           name=f"工作簿{len(excel.books) + 1}")
    excel.books.append(new)
    excel.active = new


def _save_as(self: Any, Filename: str, FileFormat: int | None = None, *args: Any) -> None:
    assert FileFormat == 51  # xlOpenXMLWorkbook
    target = Path(str(Filename))
    self.write(target)
    object.__setattr__(self, "path", target)
    object.__setattr__(self, "name", target.name)
    object.__setattr__(self, "saved", True)


@pytest.mark.parametrize("file_format", [44, 46, 6])
def test_a_web_page_or_xml_table_open_in_excel_is_read_through_an_xlsx_copy(
        file_format: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A web system's "导出Excel" is often a web page (HTML, FileFormat 44) or an Excel 2003 XML
    table (46) named .xls, which Excel opens; a CSV opens too (6). SaveCopyAs would write that
    format again, which no reader reads: the sheets are copied into a new workbook saved as .xlsx
    and closed, and the buttons give the command line's findings for the same content."""
    source = write_messy_ledger(tmp_path / "台账.xlsx")
    expected = _findings(api.check(source, OPTS))
    monkeypatch.setattr(com_standin.SheetsCollection, "Copy", _copy_sheets, raising=False)
    monkeypatch.setattr(com_standin.Book, "SaveAs", _save_as, raising=False)
    excel = Excel()
    book = excel.open(source)
    workbook = workbook_of(book)
    workbook.file_format = file_format
    report = rx.flag(book, OPTS)
    assert report is not None, excel.alerts
    assert _findings(report) == expected and expected
    # the copy is closed again, the user's workbook is where it was, alerts are back on
    assert excel.books == [workbook] and excel.DisplayAlerts is True
    assert workbook.FullName == str(source.resolve())
    assert "已标记" in excel.alerts[-1]["prompt"]


def test_a_foreign_format_excel_cannot_copy_is_named_in_the_alert(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Any, Before: Any = None, After: Any = None) -> None:
        raise com_standin.com_error(-2146827284, "Worksheet 类的 Copy 方法无效")

    monkeypatch.setattr(com_standin.SheetsCollection, "Copy", refuse, raising=False)
    excel = Excel()
    book = excel.open(write_messy_ledger(tmp_path / "台账.xlsx"))
    workbook_of(book).file_format = 44
    assert rx.validate(book, OPTS) is None
    prompt = excel.alerts[-1]["prompt"]
    assert "网页（HTML）表格" in prompt and "另存为 Excel 工作簿（.xlsx）" in prompt
    assert excel.books == [workbook_of(book)] and excel.DisplayAlerts is True


def test_the_formats_read_as_they_are_and_those_copied_do_not_overlap() -> None:
    assert not set(book_io.FOREIGN_FORMATS) & set(book_io.FILE_FORMATS)


# -- annotate on formats it does not write ------------------------------------------------


def test_annotate_on_an_ods_says_where_to_save_it_as_xlsx(tmp_path: Path) -> None:
    """An .ods is a LibreOffice or WPS user's file: the advice names those, not Excel alone, and
    says the file itself can be checked."""
    from rectxl.core.errors import RectxlError
    from tests.test_io_round5 import _ods

    ods = _ods(tmp_path / "台账.ods")
    with pytest.raises(RectxlError) as caught:
        api.annotate(ods, tmp_path / "标记.xlsx", OPTS)
    message = str(caught.value)
    assert "LibreOffice 或 WPS" in message and "另存为 .xlsx 后再标记" in message
    assert "可直接使用该文件" in message
