"""Ledgers that business systems export as text under a workbook's name — a web page (HTML)
table, an Excel 2003 XML spreadsheet, a CSV in GBK — are read as Excel opens them, cell references
included; marking them is refused with the advice to save as .xlsx, the file untouched. Every file
is written here; units, people and texts are fictional."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from rectxl.cli import main
from rectxl.io.reader import read_grids, read_ledger

AS_OF = "2026-11-30"

#: what a 巡察整改 management system's 导出Excel writes: a GBK page, a title, spans, <br> in cells
HTML_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td {mso-number-format:"\\@";}</style></head>
<body>
<h3 align="center">某县林业局巡察反馈问题整改台账</h3>
<table border="1" cellspacing="0">
<thead><tr><th>序号</th><th>反馈问题</th><th>整改措施</th><th>责任股室</th><th>整改时限</th><th>整改情况</th></tr></thead>
<tbody>
<tr><td rowspan="2">1</td><td rowspan="2">森林防火<br>责任落实不到位</td><td>修订森林防火应急预案</td>
    <td>防火办</td><td>2026年3月31日</td><td>已完成</td></tr>
<tr><td>开展防火&nbsp;巡查</td><td>防火办</td><td>2026年12月31日</td><td>正在推进</td></tr>
<tr><td>2</td><td>生态护林员管理松散</td><td>建立护林员考勤制度</td><td>资源股</td><td>2026年6月30日</td>
    <td>未完成</td></tr>
</tbody></table>
<p>填报人：王林　联系电话：0871-6543210</p>
</body></html>"""


def _findings(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _html(tmp_path: Path, name: str = "系统导出台账.xls") -> Path:
    path = tmp_path / name
    path.write_bytes(HTML_PAGE.encode("gbk"))
    return path


def test_a_web_page_export_named_xls_is_read_as_excel_shows_it(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _html(tmp_path)
    (grid,) = read_grids(path)
    assert grid.name == "系统导出台账"  # Excel names a web page's one sheet after the file
    assert grid.rows[0][0] == "某县林业局巡察反馈问题整改台账"
    assert grid.rows[1] == ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改情况"]
    assert grid.rows[2][:2] == [1, "森林防火\n责任落实不到位"]
    assert grid.rows[3][2] == "开展防火 巡查"
    assert (2, 0, 3, 0) in grid.merges and (2, 1, 3, 1) in grid.merges
    assert grid.rows[-1][0].startswith("填报人：王林")

    ledger = read_ledger(path)
    issues = [i for a in ledger.aspects for c in a.categories for i in c.issues]
    assert [(i.title, len(i.measures)) for i in issues] == [("森林防火\n责任落实不到位", 2), ("生态护林员管理松散", 1)]

    report = _findings(path, capsys)
    overdue = [f for f in report["findings"] if f["code"] == "overdue"]
    assert [(f["sheet"], f["cell"]) for f in overdue] == [("系统导出台账", "E5")]  # row 5 as Excel opens it
    main(["check", str(path), "--as-of", AS_OF])
    assert "读取业务系统导出的网页（HTML）表格：系统导出台账" in capsys.readouterr().out


def test_an_excel_2003_xml_export_keeps_its_sheets_merges_and_dates(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    ss = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'

    def cell(value: str, kind: str = "String", extra: str = "") -> str:
        return f'<Cell{extra}><Data ss:Type="{kind}">{value}</Data></Cell>'

    head = "".join(cell(h) for h in ("序号", "反馈问题", "整改措施", "责任单位", "整改时限", "整改状态"))
    rows = [
        '<Row><Cell ss:MergeAcross="5"><Data ss:Type="String">某县农业农村局整改台账</Data></Cell></Row>',
        f"<Row>{head}</Row>",
        "<Row>" + cell("1", "Number", ' ss:MergeDown="1"') + cell("高标准农田建设进度滞后", extra=' ss:MergeDown="1"')
        + cell("倒排工期加快建设") + cell("农田建设股") + cell("2026-05-31T00:00:00.000", "DateTime")
        + cell("正在推进") + "</Row>",
        '<Row><Cell ss:Index="3"><Data ss:Type="String">开展质量抽检</Data></Cell>' + cell("农田建设股")
        + cell("2026-12-31T00:00:00.000", "DateTime") + cell("已完成") + "</Row>",
    ]
    stale = ('<Worksheet ss:Name="旧台账"><Table><Row>' + head + "</Row></Table>"
             '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>'
             "</WorksheetOptions></Worksheet>")
    path = tmp_path / "导出.xls"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    f'<Workbook {ss}>{stale}<Worksheet ss:Name="整改台账"><Table>{"".join(rows)}</Table></Worksheet>'
                    "</Workbook>", encoding="utf-8")
    grids = read_grids(path)
    assert [(g.name, g.hidden) for g in grids] == [("旧台账", True), ("整改台账", False)]
    sheet = grids[1]
    assert (0, 0, 0, 5) in sheet.merges and (2, 1, 3, 1) in sheet.merges
    assert sheet.rows[3][2] == "开展质量抽检"  # ss:Index="3": the third column
    report = _findings(path, capsys)
    assert report["summary"]["sheets"] == ["整改台账"]  # not the hidden stale copy
    overdue = [(f["sheet"], f["cell"]) for f in report["findings"] if f["code"] == "overdue"]
    assert overdue == [("整改台账", "E3")]


def test_a_gbk_csv_with_a_cell_over_two_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("序号,反馈问题,整改措施,责任单位,整改时限,整改状态\r\n"
            '1,"食品安全抽检覆盖面不足\r\n（乡镇农贸市场未覆盖）",扩大抽检范围,食品股,2026年6月30日,正在推进\r\n'
            "2,执法案卷不规范,开展案卷评查,法规股,2026年12月31日,已完成\r\n")
    path = tmp_path / "市场监管局台账.csv"
    path.write_bytes(text.encode("gbk"))
    ledger = read_ledger(path)
    titles = [i.title for a in ledger.aspects for c in a.categories for i in c.issues]
    assert titles == ["食品安全抽检覆盖面不足\n（乡镇农贸市场未覆盖）", "执法案卷不规范"]
    overdue = [(f["sheet"], f["cell"]) for f in _findings(path, capsys)["findings"] if f["code"] == "overdue"]
    assert overdue == [("市场监管局台账", "E2")]


@pytest.mark.parametrize("command", [["annotate"], ["annotate", "-o", "标记.xlsx"]])
def test_marking_an_export_is_refused_and_it_is_left_as_it_was(tmp_path: Path, command: list[str],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _html(tmp_path)
    before = path.read_bytes()
    args = [command[0], str(path), *(str(tmp_path / a) if a.endswith(".xlsx") else a for a in command[1:])]
    assert main([*args, "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    assert "实际是业务系统导出的网页（HTML）表格" in err and "另存为 .xlsx" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["系统导出台账.xls"]


def test_batch_reads_an_export_in_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "台账"
    folder.mkdir()
    _html(folder, "林业局.xls")
    main(["batch", str(folder), "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert "台账 1 个已校验，0 个无法读取" in out and "整改措施 3 项" in out


def test_an_entity_bomb_in_an_xml_export_is_not_expanded(tmp_path: Path) -> None:
    levels = '<!ENTITY a0 "哈">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 9))
    path = tmp_path / "炸弹.xls"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE Workbook [{levels}]>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台账"><Table>'
                    '<Row><Cell><Data ss:Type="String">&a8;</Data></Cell></Row></Table></Worksheet></Workbook>',
                    encoding="utf-8")
    started = time.perf_counter()
    try:
        grids = read_grids(path)
    except Exception as exc:  # refused is as good as read unexpanded, as long as it says so in Chinese
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))
    else:
        assert len(str(grids[0].rows)) < 10_000
    assert time.perf_counter() - started < 5


def test_a_table_laid_out_inside_another_is_read_as_its_own_rows(tmp_path: Path) -> None:
    """Some systems wrap the data table in a page-layout table: the data table's rows are the sheet's."""
    inner = HTML_PAGE.split("<table", 1)[1].split("</table>", 1)[0]
    page = (f"<html><body><table width='100%'><tr><td><table{inner}</table></td></tr></table>"
            "</body></html>")
    path = tmp_path / "套表.xls"
    path.write_text(page, encoding="utf-8")
    (grid,) = read_grids(path)
    assert grid.rows[0] == ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "整改情况"]
    assert len(grid.rows) == 4


def test_batch_reads_a_csv_ledger_and_lists_a_csv_that_is_none(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "市场监管局台账.csv").write_bytes(
        ("序号,反馈问题,整改措施,责任单位,整改时限,整改状态\n"
         "1,执法案卷不规范,开展案卷评查,法规股,2026年12月31日,已完成\n").encode("gbk"))
    (folder / "应报送单位.csv").write_bytes("单位名称,联系人\n市场监管局,张三\n林业局,李四\n".encode("gbk"))
    main(["batch", str(folder), "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert "台账 1 个已校验，0 个无法读取" in out and "整改措施 1 项" in out
    assert "应报送单位.csv：文本表格文件（.csv），其中没有整改台账的表头，不是台账，未检查" in out


def test_a_web_page_named_doc_is_read_and_told_as_a_word_document(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Word's 另存为网页 (or a system's 导出Word) under .doc: its table read without LibreOffice; never marked."""
    path = tmp_path / "整改台账.doc"
    path.write_bytes(HTML_PAGE.encode("gbk"))
    main(["check", str(path), "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert "读取网页格式的 Word 文档（.doc）中的表格：整改台账" in out and "3项措施" in out
    before = path.read_bytes()
    assert main(["annotate", str(path), "--as-of", AS_OF]) == 2
    assert "是 Word 文档：rectxl 只在 Excel 台账" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_merge_across_of_none_is_no_merge(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    path.write_text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台账"><Table>'
                    '<Row><Cell ss:MergeAcross="0"><Data ss:Type="String">问题</Data></Cell>'
                    '<Cell ss:MergeAcross="1"><Data ss:Type="String">措施</Data></Cell>'
                    '<Cell><Data ss:Type="String">单位</Data></Cell></Row></Table></Worksheet></Workbook>',
                    encoding="utf-8")
    (grid,) = read_grids(path)
    assert grid.merges == [(0, 1, 0, 2)]
    assert grid.rows == [["问题", "措施", "", "单位"]]


def test_a_systems_export_time_above_the_table_is_the_as_of_date(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """"导出时间：2026-11-30 10:00:00" in an export's title rows: its figures stand as of that day."""
    page = HTML_PAGE.replace('<table border="1" cellspacing="0">',
                             '<table border="1" cellspacing="0"><tr><td colspan="6">导出时间：2026-11-30 10:00:00　'
                             '导出人：admin</td></tr>')
    path = tmp_path / "导出.xls"
    path.write_bytes(page.encode("gbk"))
    main(["check", str(path)])
    assert "截至日期：2026年11月30日（来源：标题行“导出时间”）" in capsys.readouterr().out


def test_a_cells_paragraphs_are_its_lines_and_the_sources_line_breaks_are_none(tmp_path: Path) -> None:
    """Word's 另存为网页 writes each line of a cell as a <p>: the measures listed one to a line stay
    apart (they had run together as 1.建立学习制度2.开展专题研讨); a line break in the page's source
    is a space, as the page shows it."""
    page = ("<html><body><table><tr><td><p class=MsoNormal>序号</p></td><td><p>具体问题</p></td><td><p>整改措施</p>"
            "</td><td><p>责任单位</p></td><td><p>整改时限</p></td><td><p>整改状态</p></td></tr>\n<tr><td><p>1</p></td>"
            "<td><p>学习贯彻\n    不深入</p></td><td><p class=MsoNormal>1.建立学习制度</p><p class=MsoNormal>2.开展"
            "专题研讨</p></td><td><p>办公室</p></td><td><p>2026年6月30日</p></td><td><p>已完成</p></td></tr>"
            "</table></body></html>")
    path = tmp_path / "整改台账.doc"
    path.write_text(page, encoding="utf-8")
    (grid,) = read_grids(path)
    assert grid.rows[1][1:3] == ["学习贯彻 不深入", "1.建立学习制度\n2.开展专题研讨"]
