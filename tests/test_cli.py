"""The command line as an auditor uses it: exit codes, formats, one-line Chinese errors, and a
parser that speaks Chinese throughout (argparse's own words included).

Texts are compared after :func:`rectxl.core.text.fold` (full-width punctuation → ASCII), so
that the tests hold whichever punctuation a message uses."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from rectxl.cli import build_parser, main
from rectxl.cli.options import english_left
from rectxl.core.rules import RULES
from rectxl.core.text import fold
from rectxl.io.reader import read_ledger
from tests.ledgers import MESSY_EXPECTED, write_messy_ledger, write_simple_ledger

#: the messy ledger's findings by severity, from MESSY_EXPECTED (the one list of what it must produce)
MESSY_BY_SEVERITY = {s: sum(1 for code, _ in MESSY_EXPECTED if RULES[code].severity.value == s)
                     for s in ("error", "warning", "info")}
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
    out = fold(proc.stdout)
    assert "截至日期:2023年9月20日(来源:报告日期)" in out
    assert f"错误({MESSY_BY_SEVERITY['error']})" in out and f"警告({MESSY_BY_SEVERITY['warning']})" in out
    assert "台账!H7" in out and "[overdue]" in out
    assert proc.stderr == ""


def test_check_json_validates_against_schema(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(messy), "--as-of", "2023-09-20", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert code == 1
    assert {(f["code"], f["row"]) for f in data["findings"]} == MESSY_EXPECTED
    summary = data["summary"]
    assert summary["as_of"] == "2023-09-20" and summary["as_of_source"] == "参数"
    assert summary["by_severity"] == MESSY_BY_SEVERITY
    assert sum(summary["by_code"].values()) == summary["total"] == len(MESSY_EXPECTED)
    assert summary["measures"] == 7 and summary["issues"] == 5
    import hashlib
    assert summary["sha256"] == hashlib.sha256(messy.read_bytes()).hexdigest()


def test_check_csv_to_file(messy: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    assert main(["check", str(messy), "--format", "csv", "-o", str(out)]) == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert len(rows) == len(MESSY_EXPECTED)
    assert list(rows[0]) == ["code", "severity", "message", "sheet", "cell", "row", "field", "value", "file"]
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


@pytest.mark.parametrize(("args", "expected"), [
    (["check"], "缺少必需的参数:台账"),
    (["check", "x.xlsx", "--as-of", "2023/13/01"], "无法识别日期"),
    (["check", "x.xlsx", "--as-of", "2023年9月"], "无法识别日期"),  # a month is not an as-of date
    (["check", "x.xlsx", "--select", "no-such-code"], "未知的检查代码"),
    (["frobnicate"], "无效的选择“frobnicate”"),
    (["check", "x.xlsx", "--format", "xml"], "无效的选择“xml”(可选:text、json、csv、markdown、html)"),
    (["check", "x.xlsx", "--bogus"], "无法识别的参数:--bogus"),
    (["check", "x.xlsx", "-o"], "需要一个值"),
    (["check", "x.xlsx", "--due-soon-days", "-5"], "不能为负数"),
    (["check", "x.xlsx", "--due-soon-days", "abc"], "不是整数"),
    (["batch", ".", "--workers", "0"], "至少为 1"),
    (["batch", ".", "-j", "二"], "不是整数"),
    (["batch", ".", "--timeout", "-1"], "秒数"),
    (["diff", "a.xlsx"], "缺少必需的参数:本期台账"),
    (["diff", "a.xlsx", "b.xlsx", "--as-of-new", "明天"], "无法识别日期"),
    (["addin"], "缺少必需的参数:子命令"),
    (["addin", "frobnicate"], "无效的选择“frobnicate”"),
    (["addin", "build", "--bogus"], "无法识别的参数"),
])
def test_bad_usage_exit_2_in_chinese(args: list[str], expected: str) -> None:
    proc = run(*args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("用法错误：") and expected in fold(lines[0]), proc.stderr
    assert english_left([proc.stderr]) == [] and "Traceback" not in proc.stderr
    said = proc.stderr
    for arg in args:
        said = said.replace(arg, "")
    assert "ValidationError" not in said and "2023" not in said  # examples use this year


def test_a_date_example_uses_this_year_not_a_fixed_one() -> None:
    proc = run("check", "x.xlsx", "--as-of", "下周")
    assert f"{date.today().year}-11-30" in proc.stderr and f"{date.today().year}年11月30日" in proc.stderr


@pytest.mark.parametrize("text", ["2023-09-20", "2023/9/20", "2023.09.20", "2023年9月20日", "2023年09月20日",
                                  "二〇二三年九月二十日", " 2023-09-20 "])
def test_as_of_accepts_the_ways_a_date_is_written(messy: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(messy), "--as-of", text, "--format", "json"])
    assert json.loads(capsys.readouterr().out)["summary"]["as_of"] == "2023-09-20"


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """Every parser a user meets: rectxl, each command, rectxl addin and its sub-commands."""
    from rectxl.addin.cli import build_parser as addin_parser

    found: dict[str, argparse.ArgumentParser] = {}

    def walk(name: str, parser: argparse.ArgumentParser) -> None:
        found[name] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, child in action.choices.items():
                    if f"{name} {sub}".strip() != "rectxl addin":  # the REMAINDER stub; its own parser below
                        walk(f"{name} {sub}", child)

    walk("rectxl", build_parser())
    walk("rectxl addin", addin_parser())
    return found


PARSERS = sorted(_parsers())


@pytest.mark.parametrize("name", PARSERS)
def test_help_of_every_command_is_chinese(name: str) -> None:
    """`--help` as the user runs it: no English phrase of argparse's own remains."""
    proc = run(*name.split()[1:], "--help")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert english_left([text]) == [], (name, english_left([text]))
    assert text.startswith("用法：") and "选项：" in text and "显示帮助并退出" in text, text
    assert not re.search(r"(?<![\w-])--?[a-z][\w-]* [A-Z_]{2,}\b", text), text  # argparse's "-o OUTPUT" metavars


@pytest.mark.parametrize("name", PARSERS)
def test_every_option_of_every_command_has_help(name: str) -> None:
    parser = _parsers()[name]
    assert parser.description or name == "rectxl", name
    for action in parser._actions:
        assert action.help and any("\u4e00" <= ch <= "\u9fff" for ch in action.help), (name, action.dest)
        if action.option_strings and action.nargs != 0 and not isinstance(action, argparse._HelpAction):
            assert action.metavar or action.choices, (name, action.dest)


def test_version_and_its_help() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("rectxl ")
    assert "显示版本号并退出" in run("--help").stdout


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
    # missing owner unit, and one format per warning grade (红/橙/黄/蓝/绿) as of 基本信息's 报告日期 or today
    assert "RECTXL_ASOF" in formulas and len(rules) == 6
    assert "TODAY()" in wb.defined_names["RECTXL_ASOF"].attr_text
    # refuses to overwrite an existing file
    again = run("new", "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, subparser in sub.choices.items():
        text = subparser.format_help()
        assert subparser.description, name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), name
    help_lines = {a.dest for a in sub._choices_actions}
    assert help_lines == set(sub.choices)


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


def test_the_entry_point_stays_a_function_after_the_commands_are_imported() -> None:
    # ``rectxl.cli:main`` (the console script) is a function whichever module was imported first
    import rectxl.cli
    import rectxl.cli.commands

    assert callable(rectxl.cli.main) and rectxl.cli.main.__module__ == "rectxl.cli"
    assert callable(rectxl.cli.build_parser)
