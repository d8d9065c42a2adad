"""One output rule for every command (DESIGN.md §5, rectxl.io.outputs): outputs beside the input
and named after it; an existing file replaced only with --force (or --in-place, after a backup);
never the input itself, however spelt; the format follows the extension."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.core import fields as F
from rectxl.core.errors import UnsafeWriteError
from rectxl.core.rules import Options
from rectxl.core.text import fold
from rectxl.io.outputs import backup_original, lock_file, output_kind, resolve_output
from tests.ledgers import write_simple_ledger

AS_OF = date(2023, 9, 20)
ROW = {F.ISSUE: "1.针对学习问题", F.MEASURE: "建立制度", F.LEAD: "张局长", F.OWNER_UNIT: "办公室",
       F.OWNER_PERSON: "李四", F.DEADLINE: "2023年12月底前", F.STATUS: "正在推进"}
INFO = {"单位名称": "区卫生健康局", "反馈日期": date(2023, 6, 27), "报告日期": AS_OF}
SENTINEL = b"an earlier output the clerk has been editing"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=180)


def ledger(folder: Path, name: str = "台账.xlsx", **changes: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_simple_ledger(folder / name, [{**ROW, **changes}], info=INFO)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder holding 台账.xlsx, its October version 台账_10月.xlsx, the notice rendered from
    it (通报.txt), an annotated copy (标记.xlsx) and a folder of ledgers (各单位/)."""
    ledger(tmp_path)
    ledger(tmp_path, "台账_10月.xlsx", **{F.STATUS: "已完成"})
    api.notice(tmp_path / "台账.xlsx", tmp_path / "通报.txt")
    api.annotate(tmp_path / "台账.xlsx", tmp_path / "标记.xlsx", Options(as_of=AS_OF))
    ledger(tmp_path / "各单位", "甲.xlsx")
    return tmp_path


# -- every command ----------------------------------------------------------------------------

#: command line per command, writing to the output "已有.<ext>"
WRITERS = {
    "check": ["check", "台账.xlsx", "-o", "已有.txt"],
    "annotate": ["annotate", "台账.xlsx", "-o", "已有.xlsx"],
    "annotate --clear": ["annotate", "--clear", "标记.xlsx", "-o", "已有.xlsx"],
    "summary": ["summary", "台账.xlsx", "-o", "已有.xlsx"],
    "notice": ["notice", "台账.xlsx", "-o", "已有.docx"],
    "parse-notice": ["parse-notice", "通报.txt", "-o", "已有.xlsx"],
    "diff": ["diff", "台账.xlsx", "台账_10月.xlsx", "-o", "已有.xlsx"],
    "batch": ["batch", "各单位", "-o", "已有.xlsx", "--no-json"],
    "new": ["new", "-o", "已有.xlsx"],
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_an_existing_output_is_replaced_only_with_force(work: Path, command: str) -> None:
    args = WRITERS[command]
    existing = work / args[-1] if args[-1] != "--no-json" else work / args[-2]
    existing.write_bytes(SENTINEL)
    proc = run(*args, cwd=work)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1 and "已存在" in message and "--force" in message, message
    assert existing.read_bytes() == SENTINEL
    proc = run(*args, "--force", cwd=work)
    assert proc.returncode in (0, 1), proc.stderr
    assert existing.read_bytes() != SENTINEL and existing.stat().st_size > 0


#: command line per command, writing to one of its own inputs
ONTO_INPUT = {
    "check": (["check", "台账.xlsx", "-o", "台账.xlsx", "--force"], "台账.xlsx"),
    "annotate": (["annotate", "台账.xlsx", "-o", "台账.xlsx", "--force"], "台账.xlsx"),
    "annotate --clear": (["annotate", "--clear", "标记.xlsx", "-o", "标记.xlsx", "--force"], "标记.xlsx"),
    "summary": (["summary", "台账.xlsx", "-o", "台账.xlsx", "--force"], "台账.xlsx"),
    "notice": (["notice", "台账.xlsx", "-o", "通报.txt", "--force"], None),  # a different file: allowed
    "parse-notice": (["parse-notice", "通报.txt", "-o", "通报.txt", "--force"], "通报.txt"),
    "diff (old)": (["diff", "台账.xlsx", "台账_10月.xlsx", "-o", "台账.xlsx", "--force"], "台账.xlsx"),
    "diff (new)": (["diff", "台账.xlsx", "台账_10月.xlsx", "-o", "台账_10月.xlsx", "--force"], "台账_10月.xlsx"),
    "batch": (["batch", "各单位", "-o", "各单位/甲.xlsx", "--force"], "各单位/甲.xlsx"),
}


@pytest.mark.parametrize("command", list(ONTO_INPUT))
def test_no_command_writes_onto_its_own_input(work: Path, command: str) -> None:
    args, protected = ONTO_INPUT[command]
    if protected is None:
        return
    before = (work / protected).read_bytes()
    proc = run(*args, cwd=work)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert (work / protected).read_bytes() == before


@pytest.mark.parametrize("spelling", ["symlink", "hardlink", "dotdot"])
@pytest.mark.parametrize("command", ["check", "annotate", "summary", "diff"])
def test_the_input_is_recognised_however_it_is_spelt(work: Path, spelling: str, command: str) -> None:
    source = work / "台账.xlsx"
    (work / "sub").mkdir()
    if spelling == "symlink":
        other = work / "链接.xlsx"
        other.symlink_to(source)
    elif spelling == "hardlink":
        other = work / "硬链接.xlsx"
        os.link(source, other)
    else:
        other = work / "sub" / ".." / "台账.xlsx"
    before = source.read_bytes()
    args = {"check": ["check", str(source), "-o", str(other)],
            "annotate": ["annotate", str(source), "-o", str(other)],
            "summary": ["summary", str(source), "-o", str(other)],
            "diff": ["diff", str(work / "台账_10月.xlsx"), str(source), "-o", str(other)]}[command]
    proc = run(*args, "--force", cwd=work)
    assert proc.returncode == 2 and "输出文件与输入文件相同" in proc.stderr, proc.stderr
    assert source.read_bytes() == before


def test_another_spelling_on_a_case_insensitive_file_system(work: Path) -> None:
    probe = work / "CaseProbe"
    probe.write_text("x")
    if not (work / "caseprobe").exists():
        pytest.skip("this file system tells case apart (the case is covered by os.path.samefile elsewhere)")
    with pytest.raises(UnsafeWriteError, match="输出文件与输入文件相同"):
        api.summary_workbook(work / "台账.xlsx", work / "台账.XLSX", force=True)


@pytest.mark.parametrize(("command", "default"), [
    (["annotate", "台账.xlsx"], "台账_校验.xlsx"),
    (["annotate", "--clear", "标记.xlsx"], "标记_已清除标记.xlsx"),
    (["summary", "台账.xlsx"], "台账_整改汇总.xlsx"),
    (["notice", "台账.xlsx"], "台账_通报.docx"),
])
def test_default_outputs_go_beside_the_input_named_after_it(work: Path, command: list[str], default: str) -> None:
    elsewhere = work / "别处"
    elsewhere.mkdir()
    args = [a if not a.endswith(".xlsx") else str(work / a) for a in command]
    proc = run(*args, "--as-of", "2023-09-20", cwd=elsewhere) if command[0] != "notice" else run(*args, cwd=elsewhere)
    assert proc.returncode in (0, 1), proc.stderr
    assert (work / default).is_file()
    assert list(elsewhere.iterdir()) == []  # nothing in the current folder


def test_batch_outputs_default_beside_the_folder(work: Path) -> None:
    elsewhere = work / "别处"
    elsewhere.mkdir()
    proc = run("batch", str(work / "各单位"), cwd=elsewhere)
    assert proc.returncode in (0, 1), proc.stderr
    assert (work / "各单位_批量校验汇总.xlsx").is_file() and (work / "各单位_批量校验汇总.json").is_file()
    assert list(elsewhere.iterdir()) == []
    again = run("batch", str(work / "各单位"), cwd=elsewhere)
    assert again.returncode == 2 and "已存在" in again.stderr


def test_new_defaults_to_the_current_folder(tmp_path: Path) -> None:
    assert run("new", cwd=tmp_path).returncode == 0
    assert (tmp_path / "新台账.xlsx").is_file()
    again = run("new", cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr


# -- the format follows the extension -------------------------------------------------------------


def test_check_output_format_follows_the_extension(work: Path) -> None:
    assert run("check", "台账.xlsx", "-o", "r.csv", cwd=work).returncode in (0, 1)
    assert (work / "r.csv").read_bytes().startswith(b"\xef\xbb\xbfcode,severity,message")
    assert run("check", "台账.xlsx", "-o", "r.json", cwd=work).returncode in (0, 1)
    assert "findings" in json.loads((work / "r.json").read_text("utf-8"))
    assert run("check", "台账.xlsx", "-o", "r.txt", cwd=work).returncode in (0, 1)
    assert fold((work / "r.txt").read_text("utf-8")).startswith("台账:")
    assert run("check", "台账.xlsx", "-o", "r.log", "--format", "json", cwd=work).returncode in (0, 1)
    assert "findings" in json.loads((work / "r.log").read_text("utf-8"))  # unknown extension: --format


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "台账.xlsx", "-o", "r.json", "--format", "csv"], "不符"),
    (["check", "台账.xlsx", "-o", "r.csv", "--format", "text"], "不符"),
    (["check", "台账.xlsx", "-o", "r.xlsx"], "rectxl annotate"),
    (["diff", "台账.xlsx", "台账_10月.xlsx", "-o", "d.xlsx", "--format", "json"], "不符"),
    (["summary", "台账.xlsx", "-o", "s.csv"], ".xlsx"),
    (["notice", "台账.xlsx", "-o", "n.pdf"], ".docx"),
    (["parse-notice", "通报.txt", "-o", "l.csv"], ".xlsx"),
    (["annotate", "台账.xlsx", "-o", "a.xlsm"], ".xlsx"),  # an .xlsx stays an .xlsx
])
def test_an_extension_that_contradicts_the_format_is_refused(work: Path, args: list[str], expected: str) -> None:
    proc = run(*args, cwd=work)
    assert proc.returncode == 2 and expected in proc.stderr, proc.stderr
    assert not (work / args[args.index("-o") + 1]).exists()


def test_diff_output_format_follows_the_extension(work: Path) -> None:
    for name in ("d.xlsx", "d.json", "d.txt"):
        assert run("diff", "台账.xlsx", "台账_10月.xlsx", "-o", name, cwd=work).returncode in (0, 1)
    assert load_workbook(work / "d.xlsx").sheetnames == ["变化汇总", "变化明细"]
    assert "changes" in json.loads((work / "d.json").read_text("utf-8"))
    assert "状态" in (work / "d.txt").read_text("utf-8")


# -- --in-place --------------------------------------------------------------------------------


def test_in_place_through_a_symbolic_link_writes_the_target(tmp_path: Path) -> None:
    real = ledger(tmp_path / "共享盘")
    (tmp_path / "桌面").mkdir()
    link = tmp_path / "桌面" / "台账.xlsx"
    link.symlink_to(real)
    original = real.read_bytes()
    proc = run("annotate", str(link), "--in-place", "--as-of", "2023-09-20", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()  # still a link, to the same file
    assert "校验结果" in load_workbook(real).sheetnames
    backups = list((tmp_path / "共享盘").glob("台账.备份-*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    assert sorted(p.name for p in (tmp_path / "桌面").iterdir()) == ["台账.xlsx"]


@pytest.mark.parametrize("command", [["annotate", "--in-place"], ["annotate", "--clear", "--in-place"]])
def test_in_place_refuses_a_workbook_open_in_excel(work: Path, command: list[str]) -> None:
    target = work / ("标记.xlsx" if "--clear" in command else "台账.xlsx")
    lock = work / f"~${target.name}"  # what Excel and WPS write beside a workbook they have open
    lock.write_bytes(b"\x00owner")
    before = target.read_bytes()
    proc = run(*command, target.name, cwd=work)
    assert proc.returncode == 2
    assert "工作簿可能正在 Excel、WPS 或 LibreOffice 中打开，请关闭后再试" in proc.stderr
    assert target.read_bytes() == before
    assert not list(work.glob("*.备份-*"))


def test_lock_file_is_found_beside_the_workbook(tmp_path: Path) -> None:
    book = tmp_path / "区卫生健康局台账.xlsx"
    assert lock_file(book) is None
    (tmp_path / "~$区卫生健康局台账.xlsx").write_bytes(b"")
    assert lock_file(book) == tmp_path / "~$区卫生健康局台账.xlsx"


def test_a_libreoffice_lock_file_is_found_too(tmp_path: Path) -> None:
    """LibreOffice (and the WPS builds based on it) lock an open file with ``.~lock.name#``."""
    book = tmp_path / "区卫生健康局台账.xlsx"
    (tmp_path / ".~lock.区卫生健康局台账.xlsx#").write_bytes(b"owner,host,,2026-11-30;")
    assert lock_file(book) == tmp_path / ".~lock.区卫生健康局台账.xlsx#"


def test_force_over_a_workbook_open_in_excel_is_refused_too(work: Path) -> None:
    (work / "汇总.xlsx").write_bytes(SENTINEL)
    (work / "~$汇总.xlsx").write_bytes(b"\x00owner")
    proc = run("summary", "台账.xlsx", "-o", "汇总.xlsx", "--force", cwd=work)
    assert proc.returncode == 2 and "WPS 或 LibreOffice 中打开" in proc.stderr
    assert (work / "汇总.xlsx").read_bytes() == SENTINEL


def test_in_place_and_a_different_output_conflict(work: Path) -> None:
    proc = run("annotate", "台账.xlsx", "--in-place", "-o", "别的.xlsx", cwd=work)
    assert proc.returncode == 2 and "--in-place 与 -o" in proc.stderr


def test_backups_never_replace_each_other(tmp_path: Path) -> None:
    from datetime import datetime

    path = ledger(tmp_path)
    now = datetime(2026, 11, 30, 9, 0, 0)
    first, second = backup_original(path, now), backup_original(path, now)
    assert first != second and first.read_bytes() == second.read_bytes() == path.read_bytes()


# -- read-only files and folders, long names ------------------------------------------------------


def test_a_read_only_file_is_named_as_such(work: Path) -> None:
    target = work / "台账.xlsx"
    before = target.read_bytes()
    target.chmod(0o444)
    try:
        proc = run("annotate", "台账.xlsx", "--in-place", cwd=work)
        assert proc.returncode == 2 and "只读文件" in proc.stderr and "文件夹" not in proc.stderr, proc.stderr
        assert target.read_bytes() == before and not list(work.glob("*.备份-*"))
        (work / "只读.xlsx").write_bytes(SENTINEL)
        (work / "只读.xlsx").chmod(0o444)
        proc = run("summary", "台账.xlsx", "-o", "只读.xlsx", "--force", cwd=work)
        assert proc.returncode == 2 and "只读文件" in proc.stderr
        assert (work / "只读.xlsx").read_bytes() == SENTINEL
    finally:
        target.chmod(0o644)


def test_a_default_output_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    name = "长" * 83 + ".xlsx"  # 254 bytes: fits; "_校验" makes the output's name 261 bytes
    ledger(tmp_path, name)
    proc = run("annotate", name, cwd=tmp_path)
    assert proc.returncode == 2 and "输出文件名过长" in proc.stderr and "-o" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert run("annotate", name, "-o", "短.xlsx", "--as-of", "2023-09-20", cwd=tmp_path).returncode in (0, 1)


def test_an_output_that_is_a_folder_is_refused(work: Path) -> None:
    (work / "汇总.xlsx").mkdir()
    proc = run("summary", "台账.xlsx", "-o", "汇总.xlsx", "--force", cwd=work)
    assert proc.returncode == 2 and "是文件夹" in proc.stderr


def test_missing_output_folder(work: Path) -> None:
    proc = run("summary", "台账.xlsx", "-o", "没有的文件夹/汇总.xlsx", cwd=work)
    assert proc.returncode == 2 and "输出文件夹不存在" in proc.stderr


# -- messages name only the options the command has -------------------------------------------------


@pytest.mark.parametrize(("args", "has_in_place"), [
    (["annotate", "台账.xlsx", "-o", "台账.xlsx"], True),
    (["summary", "台账.xlsx", "-o", "台账.xlsx"], False),
    (["diff", "台账.xlsx", "台账_10月.xlsx", "-o", "台账.xlsx"], False),
    (["check", "台账.xlsx", "-o", "台账.xlsx"], False),
])
def test_messages_name_only_the_options_the_command_has(work: Path, args: list[str], has_in_place: bool) -> None:
    proc = run(*args, cwd=work)
    assert proc.returncode == 2
    assert ("--in-place" in proc.stderr) is has_in_place, proc.stderr


def test_every_option_a_message_names_exists_on_that_command(work: Path) -> None:
    import argparse
    import re

    from rectxl.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    cases = [*(a for a, _ in ONTO_INPUT.values()), *WRITERS.values(), *(a for a, _ in [
        (["annotate", "台账.xlsx", "--in-place", "-o", "x.xlsx"], None)])]
    (work / "已有.xlsx").write_bytes(SENTINEL)
    for args in cases:
        proc = run(*[a for a in args if a != "--force"], cwd=work)
        command = sub.choices[args[0]]  # type: ignore[attr-defined]
        options = {s for action in command._actions for s in action.option_strings}
        named = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", proc.stderr))
        assert named <= options, (args, named - options, proc.stderr)


# -- the library function itself ----------------------------------------------------------------------


def test_resolve_output_decides_without_touching_anything(tmp_path: Path) -> None:
    source = ledger(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    target = resolve_output(source, None, suffix="整改汇总", formats={".xlsx": "xlsx"})
    assert target.path == tmp_path / "台账_整改汇总.xlsx" and target.format == "xlsx" and not target.replaces
    target = resolve_output(source, None, suffix="校验", formats={".xlsx": "xlsx"}, in_place=True)
    assert target.in_place and target.path == source.resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_the_library_calls_follow_the_rule_too(tmp_path: Path) -> None:
    source = ledger(tmp_path)
    _, out = api.summary_workbook(source)
    assert out == tmp_path / "台账_整改汇总.xlsx"
    with pytest.raises(UnsafeWriteError, match="已存在"):
        api.summary_workbook(source)
    api.summary_workbook(source, force=True)
    _, out = api.notice(source)
    assert out == tmp_path / "台账_通报.docx"
    with pytest.raises(UnsafeWriteError, match="已存在"):
        api.notice(source)


def test_rectxl_marks_the_workbooks_it_creates(work: Path) -> None:
    _, summary = api.summary_workbook(work / "台账.xlsx")
    assert output_kind(summary) == "summary"
    assert run("batch", "各单位", "-o", "汇总.xlsx", cwd=work).returncode in (0, 1)
    assert output_kind(work / "汇总.xlsx") == "batch"
    assert output_kind(work / "台账.xlsx") is None
    assert output_kind(work / "通报.txt") is None
