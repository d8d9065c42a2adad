"""The command line as an auditor uses it: exit codes, formats, one-line Chinese errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from rectxl.cli import build_parser, main
from rectxl.core.rules import RULES
from rectxl.io.reader import read_ledger
from tests.ledgers import MESSY_EXPECTED, write_messy_ledger, write_simple_ledger

SCHEMA = json.loads(resources.files("rectxl").joinpath("data/findings.schema.json").read_text("utf-8"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120, encoding="utf-8")


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    (tmp_path / "学习制度.pdf").write_bytes(b"%PDF")
    return path


def test_check_text_exit_1_on_errors(messy: Path) -> None:
    proc = run("check", str(messy))
    assert proc.returncode == 1
    assert "截至日期:2023-09-20(来源:报告日期)" in proc.stdout
    assert "错误(9)" in proc.stdout and "警告(11)" in proc.stdout
    assert "台账!H7" in proc.stdout and "[overdue]" in proc.stdout
    assert proc.stderr == ""


def test_check_json_validates_against_schema(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(messy), "--as-of", "2023-09-20", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert code == 1
    assert {(f["code"], f["row"]) for f in data["findings"]} == MESSY_EXPECTED
    summary = data["summary"]
    assert summary["as_of"] == "2023-09-20" and summary["as_of_source"] == "参数"
    assert summary["by_severity"] == {"error": 9, "warning": 11, "info": 0}
    assert sum(summary["by_code"].values()) == summary["total"] == 20
    assert summary["measures"] == 7 and summary["issues"] == 5
    import hashlib
    assert summary["sha256"] == hashlib.sha256(messy.read_bytes()).hexdigest()


def test_check_csv_to_file(messy: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    assert main(["check", str(messy), "--format", "csv", "-o", str(out)]) == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert len(rows) == 20
    assert list(rows[0]) == ["code", "severity", "message", "sheet", "cell", "row", "field", "value"]
    assert {(r["code"], int(r["row"])) for r in rows} == MESSY_EXPECTED


def test_csv_escapes_formula_like_text(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "t.xlsx", [{"具体问题": "1.问题", "整改措施": "措施",
                                                      "责任单位": "办公室", "整改时限": "@下月底",
                                                      "整改状态": "正在推进"}])
    out = tmp_path / "f.csv"
    main(["check", str(path), "--format", "csv", "-o", str(out)])
    text = out.read_text("utf-8-sig")
    assert "'@下月底" in text and ",@下月底" not in text


def test_clean_ledger_exits_0(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "t.xlsx", [{
        "具体问题": "1.针对问题", "整改措施": "措施", "责任领导": "张", "责任单位": "办公室", "责任人": "李",
        "整改时限": "2030年12月底", "整改状态": "正在推进"}])
    proc = run("check", str(path), "--as-of", "2024-01-01")
    assert proc.returncode == 0, proc.stdout
    assert "未发现问题" in proc.stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("空.xlsx", b"", "空文件"),
        ("假.xlsx", "这不是表格".encode(), "不是有效的 Excel 文件"),
        ("说明.txt", b"hello", "不是 Excel 台账文件"),
        ("坏.xlsx", b"PK\x03\x04" + b"\x00" * 50, "已损坏"),
        ("不存在.xlsx", None, "找不到文件"),
    ],
)
def test_unreadable_input_exit_2_one_chinese_line(tmp_path: Path, name: str, content: bytes | None,
                                                  expected: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = run("check", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_workbook_without_header_exit_2(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "电话"])
    ws.append(["张三", "123"])
    wb.save(tmp_path / "通讯录.xlsx")
    proc = run("check", str(tmp_path / "通讯录.xlsx"))
    assert proc.returncode == 2
    assert "找不到台账表头" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_truncated_zip_exit_2(messy: Path, tmp_path: Path) -> None:
    broken = tmp_path / "截断.xlsx"
    broken.write_bytes(messy.read_bytes()[:2000])
    proc = run("check", str(broken))
    assert proc.returncode == 2 and "已损坏" in proc.stderr


@pytest.mark.parametrize("args", [["check"], ["check", "x.xlsx", "--as-of", "2023/13/01"],
                                  ["check", "x.xlsx", "--select", "no-such-code"], ["frobnicate"]])
def test_bad_usage_exit_2_in_chinese(args: list[str]) -> None:
    proc = run(*args)
    assert proc.returncode == 2
    assert "用法错误" in proc.stderr or "无效" in proc.stderr


def test_new_writes_template_that_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "新台账.xlsx"
    proc = run("new", "-o", str(out))
    assert proc.returncode == 0 and out.exists()
    ledger = read_ledger(out)
    assert ledger.sheet == "台账" and set(ledger.columns) >= {"具体问题", "整改措施", "责任单位"}
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert wb.sheetnames == ["台账", "基本信息", "责任单位名录", "填写说明"]
    ws = wb["台账"]
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"已完成,基本完成,正在推进,长期坚持,未启动"'
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    formulas = " ".join(f for r in rules for f in r.formula)
    assert "TODAY()" in formulas and len(rules) == 3
    # refuses to overwrite an existing file
    again = run("new", "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, subparser in sub.choices.items():  # type: ignore[attr-defined]
        text = subparser.format_help()
        assert subparser.description, name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), name
    help_lines = {a.dest for a in sub._choices_actions}  # type: ignore[attr-defined]
    assert help_lines == set(sub.choices)  # type: ignore[attr-defined]


def test_codes_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codes"]) == 0
    out = capsys.readouterr().out
    for code in RULES:
        assert code in out


def test_ledger_in_xlsm_and_ods(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "t.xlsx", [{"具体问题": "1.问题", "整改措施": "措施",
                                                      "责任单位": "办公室", "整改时限": date(2023, 9, 1),
                                                      "整改状态": "正在推进"}])
    xlsm = tmp_path / "t.xlsm"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(xlsm, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
    assert [m.text for m in read_ledger(xlsm).measures()] == ["措施"]
