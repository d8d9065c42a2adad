"""Tests of tests/xlwings_remote.py, the remote-Book harness for the Excel entry points.

They also pin the xlwings 0.37.8 remote-engine behaviour documented in
docs/dev/xlwings-remote.md, so an xlwings upgrade that changes it fails here first.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw

from tests import xlwings_remote as xr

DOC = Path(__file__).resolve().parents[1] / "docs" / "dev" / "xlwings-remote.md"


@pytest.fixture()
def ledger(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "问题描述", "整改时限", "金额", "已完成", "备注"])
    ws.append([1, "制度执行不到位", dt.date(2024, 3, 5), 12.5, True, "#N/A"])
    ws.append([2, "台账更新不及时", dt.datetime(2024, 3, 5, 13, 45, 10), 3.0, False, None])
    ws.append([3, None, None, None, None, None])
    ws.merge_cells("B4:C4")
    ws["B4"] = "合并单元格"
    ws2 = wb.create_sheet("说明")
    ws2["B3"] = "填报说明"
    wb.active = 1
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------- payload


def test_payload_office_js(ledger: Path) -> None:
    payload = xr.payload_from_xlsx(ledger)
    assert payload["client"] == "Office.js"
    assert payload["version"] == xw.__version__
    assert payload["book"] == {"name": "台账.xlsx", "active_sheet_index": 1, "selection": "A1"}
    assert payload["names"] == []
    ledger_sheet, notes_sheet = payload["sheets"]
    assert ledger_sheet["name"] == "台账"
    assert ledger_sheet["values"] == [
        ["序号", "问题描述", "整改时限", "金额", "已完成", "备注"],
        [1, "制度执行不到位", "2024-03-05T00:00:00.000Z", 12.5, True, "#N/A"],
        [2, "台账更新不及时", "2024-03-05T13:45:10.000Z", 3, False, ""],
        [3, "合并单元格", "", "", "", ""],  # merged C4 is just empty
    ]
    assert isinstance(ledger_sheet["values"][2][3], int)  # 3.0 arrives as 3
    assert ledger_sheet["used_range_address"] == "A1:F4"
    assert ledger_sheet["visibility"] == "Visible"
    # values always start at A1, even when the used range does not
    assert notes_sheet["values"] == [["", ""], ["", ""], ["", "填报说明"]]
    assert notes_sheet["used_range_address"] == "B3"


def test_payload_vba(ledger: Path) -> None:
    payload = xr.payload_from_xlsx(ledger, client="VBA", active_sheet="台账")
    assert payload["client"] == "VBA"
    assert payload["book"]["active_sheet_index"] == 0
    sheet = payload["sheets"][0]
    assert set(sheet) == {"name", "pictures", "tables", "values"}
    assert sheet["values"][2][5] is None  # VBA-JSON encodes Empty as null
    assert sheet["values"][1][2] == "2024-03-05T00:00:00.000Z"


def test_payload_empty_sheet_and_unknown_active_sheet(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "空"
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    assert xr.payload_from_xlsx(path)["sheets"][0]["values"] == [[""]]
    assert xr.payload_from_xlsx(path, client="VBA")["sheets"][0]["values"] == [[]]
    with pytest.raises(KeyError):
        xr.payload_from_xlsx(path, active_sheet="台账")
    book = xr.book_from_xlsx(path)
    assert book.sheets[0].used_range.address == "$A$1"
    assert book.sheets[0]["A1:B2"].value == [[None, None], [None, None]]


def test_uncached_formula(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = 1
    wb.active["A2"] = "=A1+1"  # openpyxl stores no cached result
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match="Sheet!A2"):
        xr.payload_from_xlsx(path)
    payload = xr.payload_from_xlsx(path, on_uncached_formula="empty")
    assert payload["sheets"][0]["values"] == [[1], [""]]


def test_named_ranges(tmp_path: Path) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    wb.active["A1"] = "表头"
    wb.defined_names["表头"] = DefinedName("表头", attr_text="'台账'!$A$1:$F$1")
    path = tmp_path / "names.xlsx"
    wb.save(path)
    book = xr.book_from_xlsx(path)
    assert book.names["表头"].refers_to_range.address == "$A$1:$F$1"
    assert book.sheets[0]["表头"].value[0] == "表头"


# ------------------------------------------------------------------------------- reading


@pytest.mark.parametrize("client", ["Office.js", "VBA"])
def test_book_reads_back(ledger: Path, client: xr.Client) -> None:
    book = xr.book_from_xlsx(ledger, client=client)
    assert [s.name for s in book.sheets] == ["台账", "说明"]
    assert book.sheets.active.name == "说明"
    sheet = book.sheets["台账"]
    assert sheet["A1:F3"].value == [
        ["序号", "问题描述", "整改时限", "金额", "已完成", "备注"],
        [1, "制度执行不到位", dt.datetime(2024, 3, 5), 12.5, True, None],  # #N/A -> None
        [2, "台账更新不及时", dt.datetime(2024, 3, 5, 13, 45, 10), 3, False, None],
    ]
    assert sheet["F2"].options(err_to_str=True).value == "#N/A"
    assert sheet["C2"].options(dates=dt.date).value == dt.date(2024, 3, 5)
    assert sheet["A1"].options(ndim=2).value == [["序号"]]
    assert sheet["A2:A4"].value == [1, 2, 3]
    assert sheet["H10:I11"].value == [[None, None], [None, None]]  # beyond the payload
    assert sheet.used_range.address == "$A$1:$F$4"
    assert sheet.used_range.last_cell.address == "$F$4"
    assert sheet["A1"].expand().address == "$A$1:$F$4"  # expand() works on the payload
    if client == "Office.js":
        assert book.sheets["说明"].used_range.value == "填报说明"
        assert [s.visible for s in book.sheets] == [True, True]
    else:  # VBA client sends neither used_range_address nor visibility
        assert book.sheets["说明"].used_range.address == "$A$1:$B$3"
        with pytest.raises(KeyError):
            _ = book.sheets[0].visible


def test_no_merge_or_format_reads(ledger: Path) -> None:
    sheet = xr.book_from_xlsx(ledger).sheets["台账"]
    attrs = ("merge_area", "merge_cells", "formula", "number_format", "color", "current_region")
    for attr in attrs:
        with pytest.raises(NotImplementedError):
            getattr(sheet["B4"], attr)
    with pytest.raises(NotImplementedError):
        _ = sheet["4:4"].rows.hidden


def test_writes_are_not_visible_to_reads(ledger: Path) -> None:
    sheet = xr.book_from_xlsx(ledger).sheets["台账"]
    sheet["A1"].value = "changed"
    assert sheet["A1"].value == "序号"


# ------------------------------------------------------------------------------- actions


def test_write_and_alert_actions(ledger: Path) -> None:
    book = xr.book_from_xlsx(ledger)
    sheet = book.sheets["台账"]
    sheet["H1"].value = [["校验结果", None], [dt.date(2024, 5, 1), dt.datetime(2024, 5, 1, 8, 30)]]
    book.app.alert("发现 2 处问题", title="校验", mode="critical")
    assert xr.actions(book) == [
        {
            "func": "setValues",
            "args": [None],
            "values": [["校验结果", ""], ["2024-05-01", "2024-05-01 08:30:00"]],
            "sheet_position": 0,
            "start_row": 0,
            "start_column": 7,
            "row_count": 2,
            "column_count": 2,
        },
        {
            "func": "alert",
            "args": ["发现 2 处问题", "校验", "ok", "critical", ""],
            "values": None,
            "sheet_position": None,
            "start_row": None,
            "start_column": None,
            "row_count": None,
            "column_count": None,
        },
    ]
    assert xr.alerts(book) == [
        {"prompt": "发现 2 处问题", "title": "校验", "buttons": "ok", "mode": "critical",
         "callback": ""}
    ]
    assert [xr.address_of(a) for a in xr.actions_of(book, "setValues")] == ["H1:I2"]
    assert xr.actions_of(book, ["alert", "setValues"], sheet_position=0)[0]["func"] == "setValues"


def test_format_actions(ledger: Path) -> None:
    book = xr.book_from_xlsx(ledger)
    sheet = book.sheets["台账"]
    sheet["A2:B2"].color = (255, 199, 206)
    sheet["A3"].color = None
    sheet["A1,C3"].color = "#FF0000"  # union address: only the first area is used!
    sheet["A1:F1"].font.bold = True
    sheet["B2"].add_hyperlink("#'台账'!B3", "跳转")
    got = [(a["func"], xr.address_of(a), a["args"]) for a in xr.actions(book)]
    assert got == [
        ("setRangeColor", "A2:B2", ["#ffc7ce"]),
        ("setRangeColor", "A3", [None]),
        ("setRangeColor", "A1", ["#FF0000"]),
        ("setFontProperty", "A1:F1", ["bold", True]),
        (
            "addHyperlink",
            "B2",
            ["#'台账'!B3", "跳转",
             "#'台账'!B3 - Click once to follow. Click and hold to select this cell."],
        ),
    ]


# ---------------------------------------------------------------------------- apply_actions


@pytest.mark.parametrize("client", ["Office.js", "VBA"])
def test_apply_actions_reproduces_written_values(ledger: Path, client: xr.Client) -> None:
    payload = xr.payload_from_xlsx(ledger, client=client)
    book = xr.book_from_payload(payload)
    sheet = book.sheets["台账"]
    block = [["校验结果", "日期"], ["缺少整改时限", dt.date(2024, 5, 1)], [None, 2.0]]
    sheet["H1"].value = block
    sheet["C3"].clear_contents()
    link = "=HYPERLINK(\"#'台账'!H2\",\"H2\")"
    sheet["J1"].value = link
    new = book.sheets.add("问题清单", after=book.sheets[-1])
    new["A1"].value = [["行号", "问题"], [2, "缺少整改时限"]]
    book.sheets["说明"].delete()

    out = xr.apply_actions(payload, book)
    assert payload["sheets"][0]["values"][0][7:] == []  # input untouched
    assert [s["name"] for s in out["sheets"]] == ["台账", "问题清单"]
    assert out["book"]["active_sheet_index"] == 1
    assert xr.read_values(out, "台账", "H1:J3") == [
        ["校验结果", "日期", link],  # formulas are kept, not evaluated
        ["缺少整改时限", dt.datetime(2024, 5, 1), None],
        [None, 2, None],
    ]
    assert xr.read_values(out, "台账", "C3") == [[None]]
    assert xr.read_values(out, "问题清单") == [["行号", "问题"], [2, "缺少整改时限"]]
    # the result is a valid payload again
    again = xr.book_from_payload(out)
    assert again.sheets.active.name == "问题清单"
    assert again.sheets["台账"]["H2"].value == "缺少整改时限"


def test_apply_actions_formats(ledger: Path) -> None:
    payload = xr.payload_from_xlsx(ledger)
    book = xr.book_from_payload(payload)
    sheet = book.sheets["台账"]
    sheet["A2:F2"].color = "#FFC7CE"
    sheet["C2"].color = None
    sheet["A1:F1"].font.bold = True
    sheet["A1:F1"].font.color = (255, 0, 0)
    sheet["B3"].add_hyperlink("#'台账'!A1", "回到表头")
    sheet["A6:F6"].merge()
    sheet["A6"].value = "合并标题"
    sheet.freeze_panes.freeze_at("A2")
    sheet["A2:F2"].clear_formats()
    sheet["D2"].color = "#00FF00"
    out = xr.apply_actions(payload, book)
    assert xr.cell_format(out, "台账", "A2") == {}
    assert xr.cell_format(out, "台账", "D2") == {"color": "#00FF00"}
    assert xr.cell_format(out, "台账", "A1") == {"font": {"bold": True, "color": "#ff0000"}}
    assert xr.cell_format(out, "台账", "B3")["hyperlink"]["address"] == "#'台账'!A1"
    assert xr.read_values(out, "台账", "B3") == [["回到表头"]]  # TextToDisplay replaces text
    assert xr.merged_ranges(out, "台账") == ["A6:F6"]
    assert xr.frozen_at(out, "台账") == "A2"


def test_apply_actions_merge_keeps_top_left_value(ledger: Path) -> None:
    payload = xr.payload_from_xlsx(ledger)
    book = xr.book_from_payload(payload)
    book.sheets["台账"]["A1:B2"].merge()
    out = xr.apply_actions(payload, book)
    assert xr.read_values(out, "台账", "A1:B2") == [["序号", None], [None, None]]


def test_apply_actions_rejects_unknown(ledger: Path) -> None:
    payload = xr.payload_from_xlsx(ledger)
    book = xr.book_from_payload(payload)
    book.sheets["台账"]["2:2"].insert("down")
    with pytest.raises(xr.UnsupportedActionError, match="rangeInsert"):
        xr.apply_actions(payload, book)


def test_ensure_remote_engine_is_idempotent() -> None:
    xr.ensure_remote_engine()
    xr.ensure_remote_engine()
    assert [e.name for e in xw.engines].count("remote") == 1


# ------------------------------------------------------------------------------- the doc


def test_doc_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block in docs/dev/xlwings-remote.md runs, in order, in one namespace."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for ix, code in enumerate(blocks):
        exec(compile(code, f"{DOC.name}[block {ix}]", "exec"), namespace)


def test_engine_recovers_when_xlwings_was_imported_without_key(ledger: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    code = (
        "import xlwings as xw\n"
        "assert 'remote' not in [e.name for e in xw.engines]\n"
        "from tests import xlwings_remote as xr\n"
        f"book = xr.book_from_xlsx({str(ledger)!r})\n"
        "assert book.sheets['台账']['A1'].value == '序号'\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True)
