"""Round twenty-eight: workbooks as clerks keep them — marked, sorted and typed into, coloured by
conditional formats, saved by WPS, LibreOffice and Excel — through ``rectxl check``,
``rectxl annotate`` / ``--clear`` and the Excel buttons (the COM stand-in). Built here with
openpyxl the way a county office would (units, people and texts are fictional)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from rectxl import excel as rx
from rectxl.core.rules import Options
from rectxl.core.sheets import MARKS_SHEET
from tests.com_standin import Excel, solid_fills, workbook_of

SHEET = "整改台账"
GREEN, YELLOW = "92D050", "FFFF00"


def _civil_affairs_ledger(path: Path) -> Path:
    """A civil-affairs bureau's ledger: a merged title, two measures without 责任人 (one of them
    the clerk had filled green), deadlines passed, the clerk's own yellow on a 备注."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["县民政局巡察整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "问题描述", "整改措施", "责任科室", "责任人", "整改时限", "整改状态", "备注"])
    for row in ([1, "社会救助审核不严", "开展低保复核", "救助股", "刘洋", "2026年6月30日", "正在推进", ""],
                [2, "养老机构消防隐患", "全面排查整治", "养老股", None, "2026年8月31日", "正在推进", "重点"],
                [3, "殡葬改革推进慢", "制定实施方案", "社事股", "陈华", "2027年6月30日", "正在推进", ""],
                [4, "婚姻登记窗口服务差", "开展作风整顿", "婚登处", None, "2026年5月31日", "已完成", ""],
                [5, "专项资金管理不规范", "规范资金拨付", "计财股", "黄丽", "2026年3月31日", "正在推进", ""]):
        ws.append(row)
    ws["H4"].fill = PatternFill("solid", fgColor=YELLOW)
    ws["E4"].fill = PatternFill("solid", fgColor=GREEN)  # the clerk's green, on a cell rectxl marks
    wb.save(path)
    return path


def _fills(book: Any) -> dict[str, str]:
    return {ref: c for ref, c in solid_fills(workbook_of(book).wb[SHEET]).items() if c}


def _sort_by_office(ws: Any) -> None:
    """Excel's 排序 by 责任科室: the measure rows reordered, values and formats together."""
    rows = [[(ws.cell(r, c).value, copy.copy(ws.cell(r, c)._style)) for c in range(1, 9)] for r in range(3, 8)]
    rows.sort(key=lambda row: str(row[3][0]))
    for i, row in enumerate(rows):
        for c, (value, style) in enumerate(row, 1):
            ws.cell(3 + i, c).value, ws.cell(3 + i, c)._style = value, style


def _row_of(ws: Any, office: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == office)


def _flag_then_move(tmp_path: Path, moved: str) -> tuple[Excel, Any, Any]:
    """标记问题 on the civil-affairs ledger, then the clerk sorts the rows by 责任科室 (or inserts a
    填报单位 row above the table)."""
    excel = Excel()
    book = excel.open(_civil_affairs_ledger(tmp_path / "民政局台账.xlsx"))
    assert rx.flag(book, Options(as_of=dt.date(2026, 12, 1))) is not None, excel.alerts
    ws = workbook_of(book).wb[SHEET]
    if moved == "sorted":
        _sort_by_office(ws)
    else:
        ws.insert_rows(2)
        ws["A2"] = "填报单位：县民政局"
    return excel, book, ws


def _measure_rows(ws: Any) -> list[int]:
    return [r for r in range(3, ws.max_row + 1) if ws.cell(r, 4).value and ws.cell(r, 1).value != "序号"]


@pytest.mark.parametrize("moved", ["sorted", "row inserted above"])
def test_marks_moved_and_typed_into_go_back_to_their_own_rows(tmp_path: Path, moved: str) -> None:
    """After 标记问题 the clerk sorts the rows (or inserts a row above the table), fills in the
    missing 责任人 and retouches every 问题描述 — two cells of each marked row changed, so no mark
    is followed by its row's texts alone. 清除标记 had given the clerk's green to whichever cell
    now stood at the recorded address (another row's 责任人) and left the green row in rectxl's
    orange, saying nothing. Now each colour is found on the row still holding most of its texts:
    the green goes back to its own row, every other mark is taken off — and a cell the clerk
    filled in the very orange rectxl uses (Excel's 橙色，个性色2，淡色40%) keeps it."""
    excel, book, ws = _flag_then_move(tmp_path, moved)
    for r in _measure_rows(ws):
        ws.cell(r, 2).value = f"{ws.cell(r, 2).value}（已整改）"
        if ws.cell(r, 5).value is None:
            ws.cell(r, 5).value = "待定"
    funeral = _row_of(ws, "社事股")
    ws[f"E{funeral}"].fill = PatternFill("solid", fgColor="F4B183")  # the clerk's own, on an unmarked cell
    elderly = _row_of(ws, "养老股")
    rx.clear(book)
    assert _fills(book) == {f"E{elderly}": GREEN, f"H{elderly}": YELLOW, f"E{funeral}": "F4B183"}
    assert "5 个单元格恢复原样" in excel.alerts[-1]["prompt"]
    assert not any(name.startswith(MARKS_SHEET) for name in workbook_of(book).wb.sheetnames)


@pytest.mark.parametrize("moved", ["sorted", "row inserted above"])
def test_marks_moved_and_rewritten_are_named_and_kept_never_given_to_another_row(tmp_path: Path, moved: str) -> None:
    """The two rows missing a 责任人 rewritten after marking — 问题描述, 整改措施 and 整改状态
    retyped — and moved: which orange cell is whose cannot be told. Nothing of the clerk's is
    lost: the green goes to no other row, the cells keep rectxl's colour and are named, the marks
    stay on record; once the clerk has set them by hand, the next 清除标记 finishes."""
    excel, book, ws = _flag_then_move(tmp_path, moved)
    elderly, marriage = _row_of(ws, "养老股"), _row_of(ws, "婚登处")
    for r in (elderly, marriage):
        ws.cell(r, 2).value = f"{ws.cell(r, 2).value}问题整改"
        ws.cell(r, 3).value = f"{ws.cell(r, 3).value}并建立长效机制"
        ws.cell(r, 7).value = f"{ws.cell(r, 7).value}（已上报）"
    rx.clear(book)
    said = excel.alerts[-1]["prompt"]
    fills = _fills(book)
    assert GREEN not in fills.values() and fills[f"H{elderly}"] == YELLOW
    # (the one overdue mark not followed, on a row showing rectxl's orange too, is given back: no
    # other cell shows its red, whichever way it went)
    stuck = {f"E{elderly}", f"E{marriage}"}
    assert {ref for ref, colour in fills.items() if colour != YELLOW} == stuck
    named = re.search(r"（([A-Z0-9、]+)）：标记后这些行", said)
    assert named is not None and set(named.group(1).split("、")) == stuck and "未作改动" in said
    assert any(name.startswith(MARKS_SHEET) for name in workbook_of(book).wb.sheetnames)
    # the clerk sets them by hand (the green where it was); the next clear drops the record
    ws[f"E{elderly}"].fill = PatternFill("solid", fgColor=GREEN)
    ws[f"E{marriage}"].fill = PatternFill(fill_type=None)
    rx.clear(book)
    assert _fills(book) == {f"E{elderly}": GREEN, f"H{elderly}": YELLOW}
    assert not any(name.startswith(MARKS_SHEET) for name in workbook_of(book).wb.sheetnames)


def _file_fills(path: Path) -> dict[str, str]:
    return {ref: c for ref, c in solid_fills(openpyxl.load_workbook(path)[SHEET]).items() if c}


@pytest.mark.parametrize("change", ["sorted and typed into", "a marked row deleted"])
def test_annotate_clear_gives_no_fill_to_another_row_and_keeps_the_clerks_orange(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str) -> None:
    """``rectxl annotate --clear`` after the clerk (in Excel, saved) sorted the rows and typed into
    two cells of each marked row — or deleted the green-filled marked row — and filled 社事股's
    责任人 in the very orange rectxl marks a missing 责任人 with (Excel's 橙色，个性色2，淡色40%).
    The clear had given the clerk's green to 婚登处's row (or to 社事股's cell, over the clerk's
    orange), left the green row orange, and taken the clerk's own orange off. Now the green goes
    back to its own row (or nowhere: its row is gone) and the clerk's orange stays."""
    from rectxl.cli import main

    source = _civil_affairs_ledger(tmp_path / "民政局台账.xlsx")
    marked = tmp_path / "标记.xlsx"
    main(["annotate", str(source), "-o", str(marked), "--as-of", "2026-12-01"])
    wb = openpyxl.load_workbook(marked)
    ws = wb[SHEET]
    if change == "sorted and typed into":
        _sort_by_office(ws)
        for r in _measure_rows(ws):
            ws.cell(r, 2).value = f"{ws.cell(r, 2).value}（已整改）"
            if ws.cell(r, 5).value is None:
                ws.cell(r, 5).value = "待定"
    else:
        ws.delete_rows(_row_of(ws, "养老股"))
    funeral = _row_of(ws, "社事股")
    ws[f"E{funeral}"].fill = PatternFill("solid", fgColor="F4B183")
    changed = tmp_path / "改后.xlsx"
    wb.save(changed)
    cleared = tmp_path / "清除.xlsx"
    assert main(["annotate", "--clear", str(changed), "-o", str(cleared)]) == 0
    capsys.readouterr()
    fills = _file_fills(cleared)
    assert fills[f"E{funeral}"] == "F4B183"
    if change == "sorted and typed into":
        elderly = _row_of(openpyxl.load_workbook(cleared)[SHEET], "养老股")
        assert fills == {f"E{elderly}": GREEN, f"H{elderly}": YELLOW, f"E{funeral}": "F4B183"}
    else:
        assert GREEN not in fills.values()


def _rewrite_in_place(ws: Any) -> None:
    """The clerk works the 婚登处 row (flagged for its missing 责任人 alone) over where it stands:
    a new 问题描述, 整改措施 and 整改状态 — most of its texts changed, nothing moved."""
    r = _row_of(ws, "婚登处")
    ws.cell(r, 2).value, ws.cell(r, 3).value = "婚姻登记预约渠道单一", "开通网上预约"
    ws.cell(r, 7).value = "正在推进（系统调试中）"


@pytest.mark.parametrize("front", ["清除标记", "annotate --clear"])
def test_a_marked_row_rewritten_where_it_stands_gets_its_own_fill_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], front: str) -> None:
    """Nothing sorted, no row inserted: a flagged row rewritten in place (most of its texts new) is
    still the row its mark was given to — the 责任人 cell is given back its own (no) fill, not left
    orange and named as if rows had moved."""
    from rectxl.cli import main

    if front == "清除标记":
        excel = Excel()
        book = excel.open(_civil_affairs_ledger(tmp_path / "民政局台账.xlsx"))
        assert rx.flag(book, Options(as_of=dt.date(2026, 12, 1))) is not None, excel.alerts
        _rewrite_in_place(workbook_of(book).wb[SHEET])
        rx.clear(book)
        fills, said = _fills(book), excel.alerts[-1]["prompt"]
    else:
        marked = tmp_path / "标记.xlsx"
        main(["annotate", str(_civil_affairs_ledger(tmp_path / "民政局台账.xlsx")), "-o", str(marked),
              "--as-of", "2026-12-01"])
        wb = openpyxl.load_workbook(marked)
        _rewrite_in_place(wb[SHEET])
        wb.save(marked)
        cleared = tmp_path / "清除.xlsx"
        main(["annotate", "--clear", str(marked), "-o", str(cleared)])
        fills, said = _file_fills(cleared), capsys.readouterr().out
    assert fills == {"E4": GREEN, "H4": YELLOW}
    assert "仍是 rectxl 的标记底色" not in said


# -- colours a conditional format shows ------------------------------------------------------------

def _education_ledger(path: Path, legend: str, rules: list[tuple[str, Any]]) -> Path:
    """An education bureau's ledger whose 整改情况 tells the work done, no status word; its colours
    come from conditional formats (条件格式), the legend under the table says what they mean. The
    deadlines are dates (the cells formatted 2025年6月30日): two long past, two a year ahead."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["县教育局巡察反馈问题整改台账"])
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "责任人", "完成时限", "整改情况"])
    ahead, day = dt.date.today().year + 1, dt.datetime
    for row in ([1, "校外培训监管不到位", "开展专项检查", "基教股", "孙明", day(2025, 6, 30), "检查机构42家，关停3家"],
                [2, "学生资助审核不严", "复核资助对象", "资助中心", "钱芳", day(2025, 9, 30), "复核工作已部署"],
                [3, "校舍维修资金结余", "清理结余资金", "计财股", "赵亮", day(ahead, 3, 31), "已清理2所学校"],
                [4, "教师培训经费使用不规范", "规范培训经费", "师训股", "李静", day(ahead, 6, 30), "已印发管理办法"]):
        ws.append(row)
        ws.cell(ws.max_row, 6).number_format = "yyyy年m月d日"
    ws.append([legend])
    for where, rule in rules:
        ws.conditional_formatting.add(where, rule)
    wb.save(path)
    return path


def _red(**kw: Any) -> Any:
    from openpyxl.styles.differential import DifferentialStyle

    return DifferentialStyle(fill=PatternFill("solid", bgColor="FFFFC7CE"), **kw)  # Excel's 浅红填充


@pytest.mark.parametrize("rule", ["expression", "cellIs", "text"])
def test_colours_a_conditional_format_shows_are_read_by_the_legend(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str) -> None:
    """"说明：红色为未完成，其余为已完成" over a ledger coloured by a rule — the deadline past today
    (a formula on the row, or 单元格值 小于 =TODAY()), or the 整改情况 not saying 已 — not by hand:
    rectxl had read no colour at all (four bad-status, nothing overdue)."""
    from tests.test_ledger_round26 import _check, _counts

    ledger = _education_ledger(tmp_path / "教育局台账.xlsx", "说明：红色为未完成，其余为已完成。", _cf_rules(rule))
    findings = _check(ledger, capsys)
    codes = {(f["code"], f["cell"]) for f in findings}
    if rule == "text":  # 检查机构42家 and 复核工作已部署: only the first is red, the second says 已
        assert ("overdue", "F3") in codes and ("overdue", "F4") not in codes
        assert _counts(ledger, tmp_path, capsys) == {"已完成": 3, "正在推进": 1, "未启动": 0}
    else:  # the two past their deadline are red: not done, overdue; the two ahead are done
        assert {("overdue", "F3"), ("overdue", "F4")} <= codes
        assert _counts(ledger, tmp_path, capsys) == {"已完成": 2, "正在推进": 2, "未启动": 0}
    assert not {c for c, _ in codes} & {"bad-status", "missing-status", "conditional-colours-unread"}


def test_a_conditional_colour_rectxl_cannot_work_out_is_said_not_read_as_none(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rule rectxl does not evaluate (DATEDIF; a colour scale) is named, once, on its sheet — the
    cells it colours are not silently read as uncoloured."""
    from openpyxl.formatting.rule import ColorScaleRule, FormulaRule

    from tests.test_ledger_round26 import _check

    ledger = _education_ledger(tmp_path / "教育局台账.xlsx", "注：标红的为未完成，绿色为已完成", [
        ("A3:G6", FormulaRule(formula=['DATEDIF($F3,TODAY(),"d")>0'], fill=_red().fill)),
        ("A3:A6", ColorScaleRule(start_type="min", start_color="FF63BE7B", end_type="max", end_color="FFF8696B"))])
    said = [f for f in _check(ledger, capsys) if f["code"] == "conditional-colours-unread"]
    assert len(said) == 1 and "DATEDIF" in said[0]["message"] and "色阶" in said[0]["message"]
    assert said[0]["sheet"] == SHEET


# -- .ods: colours from a named cell style ----------------------------------------------------------

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')


def _ods(path: Path, named: str, automatic: str, rows: list[tuple[str, list[str]]]) -> Path:
    """An .ods as LibreOffice Calc saves it: the clerk's named cell styles in styles.xml, the cells'
    automatic styles (direct formatting only, ``style:parent-style-name`` naming the clerk's style)
    in content.xml; ``rows``: (a cell style name or "", the row's texts)."""
    import zipfile

    def cell(text: str, style: str) -> str:
        return (f'<table:table-cell{f" table:style-name={chr(34)}{style}{chr(34)}" if style else ""} '
                f'office:value-type="string"><text:p>{text}</text:p></table:table-cell>')

    table = "".join(f"<table:table-row>{''.join(cell(t, style) for t in texts)}</table:table-row>"
                    for style, texts in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
               f"<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:spreadsheet>"
               f'<table:table table:name="{SHEET}">{table}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODS_NS}><office:styles>'
              '<style:style style:name="Default" style:family="table-cell"/>'
              f"{named}</office:styles></office:document-styles>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


_HEALTH_ROWS = [["1", "医保基金监管不严", "开展专项检查", "医政科", "周红", "2026年6月30日", "检查定点机构36家"],
                ["2", "公立医院采购不规范", "规范采购流程", "规财科", "吴刚", "2026年9月30日", "修订采购办法"],
                ["3", "村医队伍不稳定", "落实村医待遇", "基层科", "郑伟", "2099年6月30日", "待遇方案报审中"]]
_HEALTH_HEAD = ["序号", "存在问题", "整改措施", "责任科室", "责任人", "整改时限", "整改情况"]


@pytest.mark.parametrize("keyed", ["fill", "font"])
def test_ods_colours_given_by_a_named_cell_style_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], keyed: str) -> None:
    """A health bureau's .ods: the clerk made cell styles "已办结" (green) and "推进中" (yellow) — or
    "未完成" typed red — and applied them to the rows; a bold cell's automatic style only names its
    parent style. rectxl read colours from the automatic styles alone: every row read uncoloured
    (three bad-status)."""
    from tests.test_ledger_round26 import _check, _counts

    if keyed == "fill":
        named = ('<style:style style:name="已办结" style:family="table-cell" style:parent-style-name="Default">'
                 '<style:table-cell-properties fo:background-color="#92d050"/></style:style>'
                 '<style:style style:name="推进中" style:family="table-cell" style:parent-style-name="Default">'
                 '<style:table-cell-properties fo:background-color="#ffff00"/></style:style>')
        styles, legend = ["已办结", "ce1", "推进中"], "说明：已完成的标注绿色，正在推进的标注黄色。"
        parent = "推进中"
    else:
        named = ('<style:style style:name="未完成" style:family="table-cell" style:parent-style-name="Default">'
                 '<style:text-properties fo:color="#ff0000"/></style:style>')
        styles, legend = ["", "ce1", "未完成"], "说明：红色字体为未完成事项，黑色字体为已完成事项。"
        parent = "未完成"
    automatic = (f'<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="{parent}">'
                 '<style:text-properties fo:font-weight="bold"/></style:style>')
    ledger = _ods(tmp_path / "卫健局台账.ods", named, automatic,
                  [("", ["县卫健局巡察整改台账"]), ("", _HEALTH_HEAD),
                   *zip(styles, _HEALTH_ROWS, strict=True), ("", [legend])])
    findings = _check(ledger, capsys)
    codes = {(f["code"], f["cell"]) for f in findings}
    # the first row done; the second, past its deadline and not done, overdue; the third going on
    assert ("overdue", "F4") in codes and ("status-from-colour", "G3") in codes
    assert not {c for c, _ in codes} & {"bad-status", "missing-status"}
    assert _counts(ledger, tmp_path, capsys) == {"已完成": 1, "正在推进": 2, "未启动": 0}


# -- a pivot table on another sheet --------------------------------------------------------------

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _with_pivot(path: Path) -> Path:
    """The civil-affairs ledger with a sheet "按科室统计" holding a pivot table (插入 → 数据透视表,
    tabular layout, as Excel writes its parts): 责任科室 | 整改状态 | 计数项:整改措施, and 总计."""
    import zipfile

    wb = openpyxl.load_workbook(_civil_affairs_ledger(path))
    counts = wb.create_sheet("按科室统计")
    for row in (["责任科室", "整改状态", "计数项:整改措施"], ["婚登处", "已完成", 1], ["救助股", "正在推进", 1],
                ["计财股", "正在推进", 1], ["社事股", "正在推进", 1], ["养老股", "正在推进", 1], ["总计", None, 5]):
        counts.append(row)
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    def rels(kind: str, target: str) -> bytes:
        return (f'{head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/{kind}" Target="{target}"/></Relationships>').encode()

    parts["xl/pivotCache/pivotCacheDefinition1.xml"] = (
        f'{head}<pivotCacheDefinition xmlns="{main_ns}" xmlns:r="{_REL}" r:id="rId1" recordCount="5">'
        f'<cacheSource type="worksheet"><worksheetSource ref="A2:H7" sheet="{SHEET}"/></cacheSource>'
        '<cacheFields count="1"><cacheField name="责任科室" numFmtId="0"><sharedItems/></cacheField></cacheFields>'
        "</pivotCacheDefinition>").encode()
    parts["xl/pivotCache/pivotCacheRecords1.xml"] = f'{head}<pivotCacheRecords xmlns="{main_ns}" count="0"/>'.encode()
    parts["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = rels("pivotCacheRecords", "pivotCacheRecords1.xml")
    parts["xl/pivotTables/pivotTable1.xml"] = (
        f'{head}<pivotTableDefinition xmlns="{main_ns}" name="数据透视表1" cacheId="5" dataCaption="值">'
        '<location ref="A1:C7" firstHeaderRow="1" firstDataRow="1" firstDataCol="2"/></pivotTableDefinition>').encode()
    parts["xl/pivotTables/_rels/pivotTable1.xml.rels"] = rels("pivotCacheDefinition",
                                                              "../pivotCache/pivotCacheDefinition1.xml")
    parts["xl/worksheets/_rels/sheet2.xml.rels"] = rels("pivotTable", "../pivotTables/pivotTable1.xml")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rId40" Type="{_REL}/pivotCacheDefinition" '
        'Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>'.encode())
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="{ct}pivotCacheDefinition+xml"/>'
        f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="{ct}pivotCacheRecords+xml"/>'
        f'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="{ct}pivotTable+xml"/></Types>').encode())
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'</sheets><pivotCaches><pivotCache cacheId="5" r:id="rId40"/></pivotCaches>', 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_a_pivot_table_on_another_sheet_is_not_read_as_a_ledger(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The clerk counts the ledger by 科室 with a pivot table on its own sheet: rectxl had read it
    as a second ledger (header-missing for 具体问题 and 整改时限 on "按科室统计", errors). Its cells
    are counts of the ledger: the ledger alone is read — and marked and cleared, the pivot's parts
    untouched."""
    import zipfile

    from rectxl.cli import main
    from tests.test_ledger_round26 import _check, _counts

    ledger = _with_pivot(tmp_path / "民政局台账.xlsx")
    findings = _check(ledger, capsys)
    assert {f["sheet"] for f in findings} == {SHEET}
    assert sum(_counts(ledger, tmp_path, capsys).values()) == 5
    marked, cleared = tmp_path / "标记.xlsx", tmp_path / "清除.xlsx"
    main(["annotate", str(ledger), "-o", str(marked)])
    main(["annotate", "--clear", str(marked), "-o", str(cleared)])
    capsys.readouterr()
    with zipfile.ZipFile(ledger) as a, zipfile.ZipFile(cleared) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}


def _cf_rules(rule: str) -> list[tuple[str, Any]]:
    """The conditional formats a clerk sets for "red = not done": the deadline past today (a
    formula over the row, or 单元格值 小于 =TODAY()), the 整改情况 not saying 已 — or a colour scale."""
    from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule, Rule

    return {"expression": [("A3:G6", FormulaRule(formula=["$F3<TODAY()"], fill=_red().fill))],
            "cellIs": [("F3:F6", CellIsRule(operator="lessThan", formula=["TODAY()"], fill=_red().fill))],
            "text": [("G3:G6", Rule(type="notContainsText", operator="notContains", text="已", dxf=_red(),
                                    formula=['ISERROR(SEARCH("已",G3))']))],
            "scale": [("A3:A6", ColorScaleRule(start_type="min", start_color="FF63BE7B", end_type="max",
                                               end_color="FFF8696B"))]}[rule]


@pytest.mark.parametrize("rule", ["expression", "cellIs", "text"])
def test_colours_a_conditional_format_shows_in_an_ods_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str) -> None:
    """The education ledger coloured by a conditional format, saved by LibreOffice as .ods (its
    calcext:conditional-format, the style it applies named in styles.xml): read as the .xlsx is —
    it had read no colour (bad-status on every row)."""
    from tests.test_ledger_round26 import _check, _counts
    from tests.workbook_compare import soffice, soffice_convert

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    source = _education_ledger(tmp_path / "教育局台账.xlsx", "说明：红色为未完成，其余为已完成。", _cf_rules(rule))
    ledger = soffice_convert(source, "ods", tmp_path / "out")
    codes = {(f["code"], f["cell"]) for f in _check(ledger, capsys)}
    assert ("overdue", "F3") in codes and (("overdue", "F4") in codes) == (rule != "text")
    assert not {c for c, _ in codes} & {"bad-status", "missing-status", "conditional-colours-unread"}
    assert _counts(ledger, tmp_path, capsys)["正在推进"] == (1 if rule == "text" else 2)


@pytest.mark.parametrize(("saved", "rule"), [("xls", "expression"), ("ods", "scale")])
def test_conditional_colours_rectxl_does_not_read_in_an_xls_or_ods_are_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, saved: str,
        rule: str) -> None:
    """Saved by LibreOffice or WPS as .xls, whose conditional formats rectxl reads only through
    LibreOffice (none on this machine, round 29) — or an .ods coloured by a colour scale: the sheet
    says its conditional colours were not read (they had silently read as none: bad-status alone),
    and, for the .xls, that saving as .xlsx has them read; a ledger without conditional formats
    says nothing of them."""
    from tests.test_ledger_round26 import _check
    from tests.workbook_compare import soffice, soffice_convert

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    legend = "说明：红色为未完成，其余为已完成。"
    converted = soffice_convert(_education_ledger(tmp_path / "教育局台账.xlsx", legend, _cf_rules(rule)), saved,
                                tmp_path / "out")
    plain = soffice_convert(_education_ledger(tmp_path / "无条件格式.xlsx", legend, []), saved, tmp_path / "out")
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # (round 29: with LibreOffice an .xls's are read)
    said = [f for f in _check(converted, capsys) if f["code"] == "conditional-colours-unread"]
    assert len(said) == 1
    assert (".xls 文件" in said[0]["message"] and ".xlsx" in said[0]["message"]) if saved == "xls" else (
        "色阶" in said[0]["message"])
    assert "conditional-colours-unread" not in {f["code"] for f in _check(plain, capsys)}
