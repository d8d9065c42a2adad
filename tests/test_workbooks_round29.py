"""Workbooks and documents saved by other programs, round twenty-nine: a ledger kept as a table in a
WPS 文字 .wps file (a Word 97 document inside), a WPS 表格 template (.ett), a WPS presentation sent
instead of a ledger; ledgers round-tripped through LibreOffice (.xlsx, .ods, .xls) read as the
original, and annotated and cleared without a change to the user's parts.
Every workbook and document is built here; units, people and texts are fictional."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.cli import main
from tests.followup_ledgers import soffice_convert
from tests.test_ledger_round23 import _brec as _rec
from tests.test_ledger_round23 import _wide

AS_OF = "2026-10-20"

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(path), "--as-of", AS_OF, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]  # type: ignore[no-any-return]


# -- a WPS 文字 .wps ledger ------------------------------------------------------------------------

WORD_HEAD = ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任股室", "完成时限", "整改进展"]
WORD_ROWS = [
    ["1", "高标准农田建设项目验收把关不严", "逐个项目复核验收资料", "副局长 王某", "农田建设股", "2026年11月30日",
     "已完成"],
    ["2", "惠农补贴发放公示不及时", "建立补贴发放公示台账", "副局长 李某", "计划财务股", "2026年12月31日",
     "正在推进"],
    ["3", "村级集体经济合同管理混乱", "开展合同清理专项行动", "局长 张某", "农村经营管理站", "2027年3月31日",
     "正在推进"],
]


@pytest.fixture(scope="module")
def wps_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WPS 文字 ledger as WPS saves it: a Word 97 binary document under the name .wps (made here
    by LibreOffice, by way of .odt, from a .docx)."""
    import docx

    folder = tmp_path_factory.mktemp("wps")
    d = docx.Document()
    d.add_paragraph("某某县农业农村局关于县委第三巡察组反馈问题整改落实台账")
    d.add_paragraph("报送单位：县农业农村局    报送日期：2026年10月15日")
    table = d.add_table(rows=1, cols=len(WORD_HEAD))
    for cell, text in zip(table.rows[0].cells, WORD_HEAD, strict=True):
        cell.text = text
    for row in WORD_ROWS:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    source = folder / "农业农村局整改台账.docx"
    d.save(str(source))
    doc = soffice_convert(soffice_convert(source, folder / "odt", "odt"), folder / "doc", "doc")
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    wps = folder / "农业农村局整改台账.wps"
    wps.write_bytes(doc.read_bytes())
    return wps


@needs_soffice
def test_a_wps_ledger_is_read_like_a_doc(wps_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / wps_file.name
    path.write_bytes(wps_file.read_bytes())
    assert [f["code"] for f in _check(path, capsys) if f["severity"] == "error"] == []
    ledger = api.read_ledger(path)
    assert [i.title for i in ledger.issues()] == [row[1] for row in WORD_ROWS]
    assert [(m.owner_unit, m.status.value if m.status else None) for m in ledger.measures()] == [
        ("农田建设股", "已完成"), ("计划财务股", "正在推进"), ("农村经营管理站", "正在推进")]
    assert list(tmp_path.iterdir()) == [path]  # the conversion left nothing beside it


@needs_soffice
def test_without_libreoffice_a_wps_ledger_is_named_for_what_it_is(wps_file: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / wps_file.name
    path.write_bytes(wps_file.read_bytes())
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert main(["check", str(path)]) == 2
    said = capsys.readouterr().err
    assert "农业农村局整改台账.wps 是 WPS 文字文档（.wps），本机未安装 LibreOffice" in said
    assert "“另存为”Word 文档（.docx）后再检查" in said


@needs_soffice
def test_a_wps_file_libreoffice_cannot_open_may_be_of_an_early_wps(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "民政局整改台账.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # no stream LibreOffice knows
    assert main(["check", str(path)]) == 2
    said = capsys.readouterr().err
    assert "民政局整改台账.wps 是 WPS 文字文档（.wps），用 LibreOffice 转换失败（可能是早期 WPS 版本的文件格式" in said
    assert list(tmp_path.iterdir()) == [path]


@needs_soffice
def test_annotate_names_a_wps_ledger_for_what_it_is(wps_file: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / wps_file.name
    path.write_bytes(wps_file.read_bytes())
    assert main(["annotate", str(path)]) == 2
    said = capsys.readouterr().err
    assert "农业农村局整改台账.wps 是 WPS 文字文档：rectxl 只在 Excel 台账（.xlsx/.xlsm）的单元格上标记" in said
    assert list(tmp_path.iterdir()) == [path]


@needs_soffice
def test_batch_counts_a_wps_ledger_and_names_a_presentation(wps_file: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收件"
    (folder / "农业农村局").mkdir(parents=True)
    (folder / "农业农村局" / wps_file.name).write_bytes(wps_file.read_bytes())
    (folder / "文旅局").mkdir()
    (folder / "文旅局" / "文旅局整改工作汇报.dps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    main(["batch", str(folder), "--as-of", AS_OF, "-o", str(tmp_path / "汇总.xlsx"),
          "--json", str(tmp_path / "汇总.json")])
    capsys.readouterr()
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    counted = {entry["file"]: entry for entry in data["ledgers"]}
    assert counted["农业农村局/农业农村局整改台账.wps"]["issues"] == 3
    told = {entry["file"]: entry["reason"] for entry in [*data["ignored"], *data["skipped"]]}
    assert "演示文稿（.dps），不是台账" in told["文旅局/文旅局整改工作汇报.dps"]


def test_check_names_a_presentation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "文旅局整改工作汇报.dps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert main(["check", str(path)]) == 2
    assert "文旅局整改工作汇报.dps 是演示文稿（幻灯片，.dps），不是台账" in capsys.readouterr().err


def _sheet_ledger(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某某县统计局巡察整改台账"])
    ws.append(["序号", "存在问题", "整改措施", "责任股室", "整改时限", "整改情况"])
    ws.append([1, "统计数据质量核查不到位", "开展数据质量专项核查", "综合股", "2026年12月31日", "正在推进"])
    ws.append([2, "统计执法检查覆盖面窄", "制定年度执法检查计划", "执法股", "2026年8月31日", "已完成"])
    wb.save(path)
    return path


@needs_soffice
def test_a_wps_spreadsheet_template_is_read_as_its_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xls = soffice_convert(_sheet_ledger(tmp_path / "统计局台账.xlsx"), tmp_path / "xls", "xls")
    path = tmp_path / "统计局台账.ett"  # WPS 表格's template: an .xls inside
    path.write_bytes(xls.read_bytes())
    assert [f["code"] for f in _check(path, capsys) if f["severity"] == "error"] == []
    ledger = api.read_ledger(path)
    assert [(m.owner_unit, m.status.value if m.status else None) for m in ledger.measures()] == [
        ("综合股", "正在推进"), ("执法股", "已完成")]


# -- colours of an .xls's conditional formats, and of an .xlsb -------------------------------------

def _coloured_by_rules(path: Path) -> Path:
    """A 医保局 ledger with no status column: its 推进情况 cells coloured by conditional formats
    (a formula on the 序号), keyed by a legend under the table."""
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["某某县医疗保障局巡察反馈意见整改推进表"])
    ws.append(["序号", "反馈意见", "整改举措", "牵头股室", "完成期限", "推进情况"])
    ws.append([1, "定点医药机构稽核覆盖不全", "对全县定点药店开展交叉稽核", "基金监管股", datetime(2026, 9, 30),
               "稽核药店38家"])
    ws.append([2, "医保待遇清单执行有偏差", "对照清单逐项清理地方政策", "待遇保障股", datetime(2026, 12, 31),
               "已清理政策5项"])
    ws.append([3, "异地就医备案办理时间长", "推行线上备案", "经办中心", datetime(2026, 11, 30), "线上备案系统已试运行"])
    ws.append([4, "内控制度执行不严格", "修订内控制度", "办公室", datetime(2026, 10, 31), "制度初稿已形成"])
    for r in range(3, 7):
        ws.cell(r, 5).number_format = 'yyyy"年"m"月"d"日"'
    ws.append([])
    ws.append(["注：已完成事项标绿色，正在推进事项标黄色"])
    green = PatternFill("solid", fgColor="FF92D050", bgColor="FF92D050")
    yellow = PatternFill("solid", fgColor="FFFFFF00", bgColor="FFFFFF00")
    ws.conditional_formatting.add("F3:F6", FormulaRule(formula=["$A3<=2"], fill=green))
    ws.conditional_formatting.add("F3:F6", FormulaRule(formula=["$A3>2"], fill=yellow))
    wb.save(path)
    return path


COLOURED = [("已完成", "绿"), ("已完成", "绿"), ("正在推进", "黄"), ("正在推进", "黄")]


def _by_colour(path: Path) -> list[tuple[str | None, str]]:
    return [(m.status.value if m.status else None, m.status_colour) for m in api.read_ledger(path).measures()]


@needs_soffice
@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_colours_libreoffice_saved_are_read_as_the_original(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            kind: str) -> None:
    """Saved again by LibreOffice (as .xlsx, or as .xls: its conditional formats read from
    LibreOffice's .xlsx of it), the rows read as in the original: "稽核药店38家", which LibreOffice
    splits into runs by script, each in black, had lost its conditional green, and every status
    was said to be keyed by font colour."""
    source = _coloured_by_rules(tmp_path / "医保局推进表.xlsx")
    assert _by_colour(source) == COLOURED
    saved = soffice_convert(source, tmp_path / kind, kind)
    assert _by_colour(saved) == COLOURED
    findings = _check(saved, capsys)
    assert not [f for f in findings if f["code"] == "conditional-colours-unread"]
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert "有4项措施的整改状态只用底色标注" in said


@needs_soffice
def test_without_libreoffice_an_xls_says_why_its_conditional_colours_are_unread(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    saved = soffice_convert(_coloured_by_rules(tmp_path / "医保局推进表.xlsx"), tmp_path / "xls", "xls")
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    found = [f for f in _check(saved, capsys) if f["code"] == "conditional-colours-unread"]
    assert len(found) == 1 and "本机未安装 LibreOffice" in found[0]["message"]


# the .xlsb records are written by the builders of tests/test_ledger_round23.py ([MS-XLSB] 2.4)


def _brt_colour(rgb: str | None = None, theme: int | None = None, tint: float = 0.0) -> bytes:
    """A BrtColor: an RGB (xColorType 2), a theme colour with its tint (3), or automatic (0)."""
    import struct

    if rgb is not None:
        return bytes([2 << 1 | 1, 0, 0, 0, *bytes.fromhex(rgb), 255])
    if theme is not None:
        return bytes([3 << 1, theme]) + struct.pack("<h", round(tint * 32767)) + bytes(4)
    return bytes(8)


_THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>'
          '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
          '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2>'
          '<a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
          '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>'
          '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>'
          '<a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
          '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>')


def _xlsb_ledger(path: Path, rows: list[list[Any]], *, by_font: bool = False, conditional: bool = False) -> Path:
    """An Excel binary workbook of one sheet 台账; a cell given as (value, colour) is filled with
    the colour (or typed in it, ``by_font``): "red" as RGB, "green" as the theme's accent 6 darkened
    a quarter, "yellow" as the legacy palette's index 5; a date cell in built-in format 14;
    ``conditional``: the sheet also has a conditional format (BrtBeginConditionalFormatting … End);
    a cell given as (text, "rich") is a shared string whose first two characters are typed red."""
    import struct
    import zipfile
    from datetime import date

    colours = {"red": _brt_colour("FF0000"), "green": _brt_colour(theme=9, tint=-0.25),
               "yellow": bytes([1 << 1 | 1, 5, 0, 0, 0, 0, 0, 255])}
    styles_of = {None: 0, "date": 1, "red": 2, "green": 3, "yellow": 4}
    font_body = struct.pack("<HHHHBBBB", 220, 0, 400, 0, 0, 2, 134, 0)
    fonts = [_rec(43, font_body + _brt_colour() + b"\x00" + _wide("宋体"))]
    fills = [_rec(45, struct.pack("<I", p) + _brt_colour() + _brt_colour() + bytes(48)) for p in (0, 17)]
    for name in ("red", "green", "yellow"):
        if by_font:
            fonts.append(_rec(43, font_body + colours[name] + b"\x00" + _wide("宋体")))
        else:
            fills.append(_rec(45, struct.pack("<I", 1) + colours[name] + _brt_colour() + bytes(48)))
    xfs = [struct.pack("<HHHHHBBHBB", 0xFFFF, 0, 0, 0, 0, 0, 0, 0, 0, 0),
           struct.pack("<HHHHHBBHBB", 0xFFFF, 14, 0, 0, 0, 0, 0, 0, 0, 0)]
    for k in (1, 2, 3):
        xfs.append(struct.pack("<HHHHHBBHBB", 0xFFFF, 0, k if by_font else 0, 0 if by_font else k + 1, 0, 0, 0,
                               0, 0, 0))
    styles = (_rec(278) + _rec(611, struct.pack("<I", len(fonts))) + b"".join(fonts) + _rec(612)
              + _rec(603, struct.pack("<I", len(fills))) + b"".join(fills) + _rec(604)
              + _rec(617, struct.pack("<I", len(xfs))) + b"".join(_rec(47, x) for x in xfs) + _rec(618) + _rec(279))
    epoch = date(1899, 12, 30)
    width = max(len(r) for r in rows)
    rich: list[bytes] = []
    sheet = _rec(129) + _rec(148, struct.pack("<IIII", 0, len(rows) - 1, 0, width - 1)) + _rec(145)
    for r, row in enumerate(rows):
        sheet += _rec(0, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0))
        for c, cell in enumerate(row):
            value, colour = cell if isinstance(cell, tuple) else (cell, None)
            if isinstance(value, date):
                sheet += _rec(5, struct.pack("<IId", c, 1, float((value - epoch).days)))
            elif isinstance(value, int):
                sheet += _rec(5, struct.pack("<IId", c, styles_of[colour], float(value)))
            elif colour == "rich":  # a shared string whose first two characters are typed red (font 1)
                sheet += _rec(7, struct.pack("<III", c, 0, len(rich)))
                rich.append(_rec(19, b"\x01" + _wide(str(value)) + struct.pack("<IHHHH", 2, 0, 1, 2, 0)))
            elif value:
                sheet += _rec(6, struct.pack("<II", c, styles_of[colour]) + _wide(str(value)))
    sheet += _rec(146)
    if conditional:  # one range, F3:F5, no rule of it read
        sheet += _rec(461, struct.pack("<III", 1, 0, 1) + struct.pack("<IIII", 2, 4, 5, 5)) + _rec(462)
    sheet += _rec(130)
    book = (_rec(131) + _rec(153, struct.pack("<II", 0, 0) + _wide("")) + _rec(143)
            + _rec(156, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("台账")) + _rec(144) + _rec(132))
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    binary = "application/vnd.ms-excel"

    def rels(*items: tuple[str, str, str]) -> str:
        return (f'{decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{i}" Type="{rel}/{t}" Target="{g}"/>' for i, t, g in items)
                + "</Relationships>")

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            f'{decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="bin" ContentType="{binary}.sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.bin" ContentType="{binary}.worksheet"/>'
            '<Override PartName="/xl/theme/theme1.xml"'
            ' ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
            f'<Override PartName="/xl/sharedStrings.bin" ContentType="{binary}.sharedStrings"/>'
            f'<Override PartName="/xl/styles.bin" ContentType="{binary}.styles"/></Types>'))
        zf.writestr("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.bin")))
        zf.writestr("xl/workbook.bin", book)
        zf.writestr("xl/_rels/workbook.bin.rels", rels(("rId1", "worksheet", "worksheets/sheet1.bin"),
                                                       ("rId2", "styles", "styles.bin"),
                                                       ("rId3", "theme", "theme/theme1.xml"),
                                                       ("rId4", "sharedStrings", "sharedStrings.bin")))
        zf.writestr("xl/sharedStrings.bin", _rec(159, struct.pack("<II", len(rich), len(rich))) + b"".join(rich)
                    + _rec(160))
        zf.writestr("xl/worksheets/sheet1.bin", sheet)
        zf.writestr("xl/styles.bin", styles)
        zf.writestr("xl/theme/theme1.xml", _THEME)
    return path


def _transport_rows(legend: str) -> list[list[Any]]:
    from datetime import date

    return [["某某县交通运输局巡察整改台账"],
            ["序号", "反馈问题", "整改措施", "责任股室", "整改时限", "完成情况"],
            [1, "农村公路养护资金使用不规范", "开展养护资金专项审计", "财务股", date(2026, 9, 30),
             ("审计报告已出具", "green")],
            [2, "超限运输治理不到位", "设置固定治超站点", "路政股", date(2026, 12, 31), ("站点选址中", "yellow")],
            [3, "客运站安全检查流于形式", "每月开展安全检查", "运管股", date(2026, 8, 31), ("检查方案待印发", "red")],
            [],
            [legend]]


@pytest.mark.parametrize(("legend", "by_font"), [
    ("图例：绿色代表已完成，黄色代表正在推进，红色代表未启动", False),
    ("图例：绿色字体代表已完成，黄色字体代表正在推进，红色字体代表未启动", True),
])
def test_an_xlsb_ledger_is_read_by_its_colours(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                legend: str, by_font: bool) -> None:
    """An .xlsb's fills and fonts (RGB, a theme colour darkened, a palette index) are read by the
    legend, as an .xlsx's: they had not been read, and every status was unreadable."""
    path = _xlsb_ledger(tmp_path / "交通局台账.xlsb", _transport_rows(legend), by_font=by_font)
    assert _by_colour(path) == [("已完成", "绿"), ("正在推进", "黄"), ("未启动", "红")]
    findings = _check(path, capsys)
    assert ("overdue", "E5") in {(f["code"], f["cell"]) for f in findings}
    assert not [f for f in findings if f["code"] in ("bad-status", "missing-status")]
    said = next(f["message"] for f in findings if f["code"] == "status-from-colour")
    assert ("字体颜色" if by_font else "底色") in said


def test_an_xlsb_with_conditional_formats_says_they_are_unread(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    legend = "图例：绿色代表已完成，黄色代表正在推进，红色代表未启动"
    path = _xlsb_ledger(tmp_path / "交通局台账.xlsb", _transport_rows(legend), conditional=True)
    assert _by_colour(path) == [("已完成", "绿"), ("正在推进", "黄"), ("未启动", "红")]
    found = [f for f in _check(path, capsys) if f["code"] == "conditional-colours-unread"]
    assert len(found) == 1 and ".xlsb 文件中的条件格式" in found[0]["message"]


# -- legends written as clerks write them -----------------------------------------------------------

def _filled_ledger(path: Path, legend: str) -> Path:
    """A 人社局 ledger whose 办理情况 cells say what was done, their fills how far it got."""
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["某某县人力资源和社会保障局巡察整改台账"])
    ws.append(["序号", "反馈问题", "整改措施", "责任股室", "完成时限", "办理情况"])
    ws.append([1, "就业补贴审核把关不严", "逐笔复核2025年以来补贴", "就业股", datetime(2026, 9, 30), "复核1200余笔"])
    ws.append([2, "欠薪线索处置不及时", "建立欠薪线索台账", "劳动监察大队", datetime(2026, 12, 31), "台账已建"])
    ws.append([3, "社保基金内控不完善", "修订基金内控制度", "社保股", datetime(2026, 9, 30), "尚未动笔"])
    for r, colour in ((3, "FF00B050"), (4, "FFFFFF00"), (5, "FFFF0000")):
        ws.cell(r, 6).fill = PatternFill("solid", fgColor=colour)
    ws.append([])
    ws.append([legend])
    wb.save(path)
    return path


@pytest.mark.parametrize("legend", [
    "说明：办理情况一栏绿色底纹为已完成，黄色底纹为正在推进，红色底纹为未启动",  # the column named first
    "注：绿：已完成；黄：推进中；红：未启动",  # bare colours before what they key
    "备注：底色标绿的已完成，标黄的正在推进，标红的未启动",  # no 为 between colour and status
    "完成的涂绿，推进中的涂黄，未启动的涂红",  # coloured by 涂
    "颜色说明：已完成（绿）、推进中（黄）、未启动（红）",  # the colour after its status, in brackets
])
def test_legends_clerks_write_key_the_fills(tmp_path: Path, capsys: pytest.CaptureFixture[str], legend: str) -> None:
    path = _filled_ledger(tmp_path / "人社局台账.xlsx", legend)
    assert _by_colour(path) == [("已完成", "绿"), ("正在推进", "黄"), ("未启动", "红")]
    findings = _check(path, capsys)
    assert ("overdue", "E5") in {(f["code"], f["cell"]) for f in findings}
    assert not [f for f in findings if f["code"] in ("bad-status", "missing-status")]



def test_an_xlsb_cell_with_part_of_its_text_typed_red_reads_red(tmp_path: Path) -> None:
    """"推进中（已完成60%）" with 推进 typed red, under a font legend: red, as in an .xlsx or .xls —
    the runs of an .xlsb's shared strings had not been read."""
    rows = _transport_rows("图例：绿色字体代表已完成，黄色字体代表正在推进，红色字体代表未启动")
    rows[4] = [*rows[4][:5], ("待印发检查方案", "rich")]  # (the third measure: its cell's own font is black)
    path = _xlsb_ledger(tmp_path / "交通局台账.xlsb", rows, by_font=True)
    assert _by_colour(path) == [("已完成", "绿"), ("正在推进", "黄"), ("未启动", "红")]
