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
