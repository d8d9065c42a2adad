"""``rectxl batch`` on a folder like the 巡察办 receives: good ledgers in subfolders, a messy one,
a corrupt and an empty .xlsx, a text file, an Excel lock file, a hidden file and rectxl's own
output (an annotated copy beside its ledger).

Texts are compared after :func:`rectxl.core.text.fold` (full-width punctuation → ASCII)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from rectxl import api
from rectxl.batch import _check_one, find_files, run_batch
from rectxl.cli.batch import _ProgressBar
from rectxl.core import fields as F
from rectxl.core.batch_report import BatchResult, LedgerResult, Skipped, to_json, to_text
from rectxl.core.counts import COUNT_FIELDS, Counts
from rectxl.core.rules import Options
from rectxl.core.text import fold
from rectxl.io.batch_out import write_workbook
from rectxl.io.reader import read_ledger
from tests.ledgers import write_messy_ledger, write_simple_ledger

AS_OF = date(2023, 9, 20)
OPTS = Options(as_of=AS_OF)


def ok(**overrides: Any) -> dict[str, Any]:
    row = {
        F.ASPECT: "一、政治建设", F.ISSUE_NO: 1, F.ISSUE: "针对学习不够问题", F.MEASURE: "建立学习制度",
        F.LEAD: "张局长", F.OWNER_UNIT: "办公室", F.OWNER_PERSON: "李四", F.DEADLINE: "2023年12月底前",
        F.STATUS: "正在推进", F.PROGRESS: "正在起草制度",
    }
    row.update(overrides)
    return row


def info(unit: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"反馈日期": date(2023, 6, 27), "报告日期": AS_OF}
    if unit:
        data["单位名称"] = unit
    return data


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "各单位台账"
    (root / "一区").mkdir(parents=True)
    (root / "二区").mkdir()
    write_simple_ledger(root / "一区" / "甲单位.xlsx", [
        ok(), ok(**{F.MEASURE: "开展专题学习", F.DEADLINE: "2023年8月31日"}),  # overdue
        ok(**{F.ISSUE_NO: 2, F.ISSUE: "针对制度不全问题", F.MEASURE: "修订制度", F.STATUS: "已完成",
              F.COMPLETED: date(2023, 8, 1), F.EVIDENCE: "制度文本", F.PROGRESS: "已修订"}),
    ], info=info("甲单位"))
    write_simple_ledger(root / "一区" / "乙单位.xlsx", [ok(), ok(**{F.MEASURE: "定期通报", F.LEAD: None})],
                        info=info(None))  # no 单位名称: the file name names the unit
    messy = write_messy_ledger(root / "二区" / "丙单位台账.xlsx")
    (messy.parent / "学习制度.pdf").write_bytes(b"%PDF")
    (root / "损坏.xlsx").write_bytes(b"PK\x03\x04 this is not really a workbook")
    (root / "空文件.xlsx").write_bytes(b"")
    (root / "说明.txt").write_text("各单位台账汇总", encoding="utf-8")
    (root / "一区" / "~$甲单位.xlsx").write_bytes(b"\x00lock")
    api.annotate(root / "一区" / "甲单位.xlsx", root / "一区" / "甲单位_校验.xlsx", OPTS)
    (root / ".隐藏.xlsx").write_bytes(b"PK")
    return root


GOOD = ["一区/乙单位.xlsx", "一区/甲单位.xlsx", "二区/丙单位台账.xlsx"]
BAD = ["损坏.xlsx", "空文件.xlsx"]


def test_find_files_sorts_ledgers_and_leaves_other_files_alone(folder: Path) -> None:
    """By name, only what cannot be a ledger is left alone: rectxl's annotated copy is told by its
    content, when it is opened (see tests/test_batch_collection.py)."""
    ledgers, ignored, unreadable = find_files(folder)
    assert ledgers == sorted([*GOOD, *BAD, "一区/甲单位_校验.xlsx"]) and unreadable == []
    reasons = {s.file: s.reason for s in ignored}
    assert set(reasons) == {"说明.txt", "一区/~$甲单位.xlsx", ".隐藏.xlsx", "二区/学习制度.pdf"}
    assert "临时锁定文件" in reasons["一区/~$甲单位.xlsx"]
    assert "隐藏文件" in reasons[".隐藏.xlsx"]
    assert ".txt" in reasons["说明.txt"]
    result = run_batch(folder, options=OPTS, workers=1)
    reasons = {s.file: s.reason for s in result.ignored}
    assert "rectxl 生成的文件(带校验标记的副本)" in fold(reasons["一区/甲单位_校验.xlsx"])


@pytest.mark.parametrize("workers", [1, 2])
def test_counts_per_unit_equal_single_file_check(folder: Path, workers: int) -> None:
    result = run_batch(folder, options=OPTS, workers=workers)
    assert [r.file for r in result.ledgers] == GOOD
    assert [s.file for s in result.skipped] == BAD
    for r in result.ledgers:
        path = folder / r.file
        report = api.check(path, OPTS)
        assert r.by_severity == report.summary()["by_severity"]
        assert r.finding_dicts() == [f.to_dict() for f in report.findings]
        assert all(type(f) is tuple for f in r.findings)  # compact: no dict per finding
        assert r.counts == asdict(Counts.of(read_ledger(path).measures(), AS_OF))
        assert r.sha256 == report.source.sha256
        assert (r.aspects, r.issues) == (report.aspects, report.issues)
    units = {r.file: r.unit for r in result.ledgers}
    assert units == {"一区/甲单位.xlsx": "甲单位", "一区/乙单位.xlsx": "乙单位", "二区/丙单位台账.xlsx": "区卫生健康局"}
    jia = result.ledgers[1]
    assert jia.counts["measures"] == 3 and jia.counts["done"] == 1 and jia.counts["overdue"] == 1
    assert jia.rate == pytest.approx(1 / 3)


def test_bad_files_are_listed_with_reasons_and_never_end_the_run(folder: Path) -> None:
    result = run_batch(folder, options=OPTS, workers=2)
    reasons = {s.file: s.reason for s in result.skipped}
    # the reason, with the file's own name taken out (it contains 损坏), still says what is wrong
    assert reasons["损坏.xlsx"].startswith("损坏.xlsx ")
    assert "已损坏,无法读取" in fold(reasons["损坏.xlsx"].removeprefix("损坏.xlsx "))
    assert reasons["空文件.xlsx"].startswith("空文件.xlsx ") and "0 字节" in reasons["空文件.xlsx"]
    assert result.has_errors
    totals = result.totals()
    assert totals["ledgers"] == 3 and totals["skipped"] == 2 and totals["files"] == 5
    assert totals["measures"] == sum(r.counts["measures"] for r in result.ledgers)


def test_progress_is_reported_in_order(folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    run_batch(folder, options=OPTS, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_bar_draws_one_line() -> None:
    out = io.StringIO()
    bar = _ProgressBar(out, width=10)
    bar(0, 4)
    bar(4, 4)
    bar.close()
    assert out.getvalue().startswith("\r已校验 0/4 个台账")
    assert "\r已校验 4/4 个台账 [##########] 100%" in out.getvalue() and out.getvalue().endswith("\n")


def test_a_file_that_takes_too_long_is_skipped(folder: Path) -> None:
    outcome = _check_one(folder, "一区/甲单位.xlsx", OPTS, AS_OF, timeout=1e-6)
    assert isinstance(outcome, Skipped) and "秒" in outcome.reason


def test_json_shape(folder: Path) -> None:
    result = run_batch(folder, options=OPTS, workers=2)
    data = json.loads(to_json(result))
    assert set(data) == {"folder", "rectxl_version", "workers", "seconds", "totals", "ledgers", "skipped",
                         "set_aside", "ignored", "notes", "round"}
    assert [r["file"] for r in data["ledgers"]] == GOOD
    first = data["ledgers"][0]
    assert set(first) == {"file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues", "counts", "rate",
                          "by_severity", "findings"}
    assert set(first["findings"][0]) == {"code", "severity", "message", "sheet", "cell", "row", "field", "value"}
    assert set(first["counts"]) == set(COUNT_FIELDS)
    assert data["totals"]["by_severity"]["error"] == sum(r["by_severity"]["error"] for r in data["ledgers"])
    assert [s["file"] for s in data["skipped"]] == BAD and all(s["reason"] for s in data["skipped"])
    assert "说明.txt" in [s["file"] for s in data["ignored"]]


def test_workbook_sheets_rows_and_links(folder: Path, tmp_path: Path) -> None:
    result = run_batch(folder, options=OPTS, workers=2)
    out = tmp_path / "汇总" / "批量校验汇总.xlsx"
    out.parent.mkdir()
    write_workbook(result, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["整改统计", "单位汇总", "全部问题", "无法读取"]
    units = wb["单位汇总"]
    rows = list(units.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows[:-1]] == ["乙单位", "甲单位", "区卫生健康局"]
    assert fold(rows[-1][1]) == "合计(3 个台账)" and rows[-1][3] == sum(r[3] for r in rows[:-1])
    link = units["C2"].hyperlink
    assert link.target == "../各单位台账/一区/乙单位.xlsx"
    findings = wb["全部问题"]
    assert findings.max_row - 1 == sum(len(r.findings) for r in result.ledgers)
    overdue = [row for row in findings.iter_rows(min_row=2) if row[4].value == "overdue" and row[1].value == "甲单位"]
    (row,) = overdue
    assert row[6].value == "台账!I3"
    assert row[6].hyperlink.target == "../各单位台账/一区/甲单位.xlsx"
    assert row[6].hyperlink.location == "'台账'!I3"
    rows = list(wb["无法读取"].iter_rows(min_row=2, values_only=True))
    assert result.set_aside == []
    blank = rows.index((None, None, None))  # the files not checked follow, under their own heading
    skipped, ignored = rows[:blank], rows[blank + 2:]
    assert [r[1] for r in skipped] == BAD and all(r[2] for r in skipped)
    assert rows[blank + 1][1:] == ("未检查的文件", "原因")
    assert [r[1] for r in ignored] == [s.file for s in result.ignored] and all(r[2] for r in ignored)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", "batch", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, encoding="utf-8")


def test_command_exit_code_outputs_and_no_progress_off_a_terminal(folder: Path, tmp_path: Path) -> None:
    proc = run(str(folder), "-o", "汇总.xlsx", "--as-of", "2023-09-20", "--workers", "2", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "\r" not in proc.stderr and "已校验" not in proc.stderr  # not a terminal: no progress bar
    assert "台账 3 个已校验,2 个无法读取" in fold(proc.stdout)
    assert "损坏.xlsx:" in fold(proc.stdout) and "空文件.xlsx:" in fold(proc.stdout)
    assert (tmp_path / "汇总.xlsx").exists()
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert data["totals"]["ledgers"] == 3


def test_command_exit_code_0_for_a_clean_folder(tmp_path: Path) -> None:
    root = tmp_path / "台账"
    root.mkdir()
    write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    proc = run(str(root), "-o", str(tmp_path / "汇总.xlsx"), "--no-json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not (tmp_path / "汇总.json").exists()


def test_command_rejects_a_missing_folder_or_one_without_ledgers(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "没有"), cwd=tmp_path)
    assert proc.returncode == 2 and "找不到文件夹" in proc.stderr
    (tmp_path / "空").mkdir()
    (tmp_path / "空" / "a.txt").write_text("x")
    proc = run(str(tmp_path / "空"), cwd=tmp_path)
    assert proc.returncode == 2 and "没有找到 Excel 台账" in proc.stderr


def test_text_lists_totals_and_skipped() -> None:
    result = BatchResult(folder="d", skipped=[Skipped("x.xlsx", "坏了")], ignored=[Skipped("a.txt", "不是")])
    result.ledgers.append(LedgerResult(
        file="u.xlsx", unit="单位", as_of="2023-09-20", as_of_source="参数", sha256="", aspects=1, issues=1,
        counts=asdict(Counts(measures=2, done=1, overdue=1)), by_severity={"error": 1, "warning": 0, "info": 0},
        findings=[]))
    text = fold(to_text(result))
    assert "整改措施 2 项:已完成 1" in text and "完成率 50%" in text
    assert "无法读取(1):\n  x.xlsx:坏了" in text and "未检查(1)" in text


def test_a_file_that_kills_its_worker_is_skipped_and_the_rest_are_counted(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside a native reader ends the worker process, not the run (workers are forked,
    so the patched function is what they run)."""
    import os

    from rectxl import batch

    real = batch._check_one

    def crash_on_jia(root: Path, rel: str, *args: Any) -> Any:
        if rel.endswith("甲单位.xlsx"):
            os._exit(70)
        return real(root, rel, *args)

    monkeypatch.setattr(batch, "_check_one", crash_on_jia)
    result = run_batch(folder, options=OPTS, workers=2)
    assert [r.file for r in result.ledgers] == ["一区/乙单位.xlsx", "二区/丙单位台账.xlsx"]
    reasons = {s.file: s.reason for s in result.skipped}
    assert set(reasons) == {"一区/甲单位.xlsx", *BAD}
    assert "进程异常退出" in reasons["一区/甲单位.xlsx"]


def test_the_workbook_never_overwrites_a_ledger_in_the_folder(folder: Path) -> None:
    target = folder / "一区" / "乙单位.xlsx"
    before = target.read_bytes()
    proc = run(str(folder), "-o", str(target), cwd=folder)
    assert proc.returncode == 2 and "为保护原台账" in proc.stderr
    assert target.read_bytes() == before
    proc = run(str(folder), "-o", str(target), "--force", cwd=folder)  # not even with --force
    assert proc.returncode == 2 and "为保护原台账" in proc.stderr
    assert target.read_bytes() == before
    # an earlier 汇总 in the folder is replaced only with --force, and is never read as a ledger
    out = folder / "批量校验汇总.xlsx"
    assert run(str(folder), "-o", str(out), "--no-json", cwd=folder).returncode == 1
    proc = run(str(folder), "-o", str(out), "--no-json", cwd=folder)
    assert proc.returncode == 2 and "已存在" in proc.stderr and "--force" in proc.stderr
    proc = run(str(folder), "-o", str(out), "--no-json", "--force", cwd=folder)
    assert proc.returncode == 1 and "台账 3 个已校验,2 个无法读取" in fold(proc.stdout)


# -- rectxl's own outputs, Word documents, odd names and odd files (issue 12) --------------------


def test_rectxl_outputs_are_recognised_by_their_marker_not_only_their_name(tmp_path: Path) -> None:
    """A summary, a batch 汇总 and a diff, renamed by the clerk, are still rectxl's outputs: left
    alone and listed as such, not reported as unreadable ledgers (which made the run exit 1)."""
    root = tmp_path / "台账"
    root.mkdir()
    ledger = write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    api.summary_workbook(ledger, root / "整改情况.xlsx")
    october = write_simple_ledger(tmp_path / "丁单位_10月.xlsx", [ok(**{F.STATUS: "已完成"})], info=info("丁单位"))
    api.write_diff(api.diff(ledger, october), root / "两期对比.xlsx", inputs=(ledger, october))
    write_workbook(run_batch(root, options=OPTS, workers=1), root / "上次的结果.xlsx")
    proc = run(str(root), "-o", str(tmp_path / "汇总.xlsx"), "--no-json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = run_batch(root, options=OPTS, workers=2)
    assert [r.file for r in data.ledgers] == ["丁单位.xlsx"] and data.skipped == []
    reasons = {s.file: s.reason for s in data.ignored}
    assert set(reasons) == {"整改情况.xlsx", "两期对比.xlsx", "上次的结果.xlsx"}
    assert all("rectxl 生成的文件" in r for r in reasons.values())
    assert "整改汇总表" in reasons["整改情况.xlsx"] and "批量校验汇总" in reasons["上次的结果.xlsx"]


def test_the_marker_alone_is_enough(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from rectxl.io.outputs import mark_output, output_kind

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "随便什么名字"
    mark_output(wb, "summary")
    wb.save(tmp_path / "x.xlsx")
    assert output_kind(tmp_path / "x.xlsx") == "summary"
    outcome = _check_one(tmp_path, "x.xlsx", OPTS, AS_OF, timeout=None)
    assert isinstance(outcome, Skipped) and "rectxl 生成的文件" in outcome.reason


def test_a_word_document_renamed_xlsx_says_so_in_batch_as_in_check(tmp_path: Path) -> None:
    root = tmp_path / "台账"
    root.mkdir()
    write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    api.notice(root / "丁单位.xlsx", tmp_path / "通报.docx")
    (root / "乙单位.xlsx").write_bytes((tmp_path / "通报.docx").read_bytes())
    result = run_batch(root, options=OPTS, workers=1)
    (skipped,) = result.skipped
    assert skipped.file == "乙单位.xlsx" and "这是 Word 文档" in skipped.reason and "已损坏" not in skipped.reason
    check = subprocess.run([sys.executable, "-m", "rectxl", "check", str(root / "乙单位.xlsx")], capture_output=True,
                           text=True, encoding="utf-8", timeout=60)
    assert check.returncode == 2 and check.stderr.strip().endswith(skipped.reason)


def test_a_file_name_in_gbk_bytes_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "台账"
    root.mkdir()
    write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    gbk = os.fsdecode("测试单位".encode("gbk") + b".xlsx")  # as unzip leaves a Windows archive's names
    (root / gbk).write_bytes((root / "丁单位.xlsx").read_bytes())
    proc = run(str(root), "-o", str(tmp_path / "汇总.xlsx"), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    out = fold(proc.stdout)
    assert "台账 1 个已校验,1 个无法读取" in out and "测试单位.xlsx" in out and "UTF-8" in out
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    assert [s["file"] for s in data["skipped"]] == ["测试单位.xlsx"]
    wb = load_workbook(tmp_path / "汇总.xlsx")
    assert [r[1] for r in wb["无法读取"].iter_rows(min_row=2, values_only=True)] == ["测试单位.xlsx"]


def test_a_fifo_or_a_folder_named_xlsx_never_blocks_the_run(tmp_path: Path) -> None:
    root = tmp_path / "台账"
    root.mkdir()
    write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    os.mkfifo(root / "管道.xlsx")
    (root / "文件夹.xlsx").mkdir()
    write_simple_ledger(root / "文件夹.xlsx" / "戊单位.xlsx", [ok()], info=info("戊单位"))
    proc = subprocess.run([sys.executable, "-m", "rectxl", "batch", str(root), "-o", str(tmp_path / "汇总.xlsx"),
                           "--no-json"], capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = run_batch(root, options=OPTS, workers=2)
    assert [r.file for r in result.ledgers] == ["丁单位.xlsx", "文件夹.xlsx/戊单位.xlsx"]
    reasons = {s.file: s.reason for s in result.ignored}
    assert "不是普通文件" in reasons["管道.xlsx"]


def test_a_broken_link_is_listed_not_fatal(tmp_path: Path) -> None:
    root = tmp_path / "台账"
    root.mkdir()
    write_simple_ledger(root / "丁单位.xlsx", [ok()], info=info("丁单位"))
    (root / "失效.xlsx").symlink_to(tmp_path / "不存在.xlsx")
    result = run_batch(root, options=OPTS, workers=1)
    assert [r.file for r in result.ledgers] == ["丁单位.xlsx"]
    assert [s.file for s in result.skipped] == ["失效.xlsx"] and "链接" in result.skipped[0].reason


# -- province scale: compact results, streamed outputs, overflow sheets (issue: batch at scale) -----


def _finding_rows(path: Path) -> list[tuple[Any, ...]]:
    """Every row of 全部问题, 全部问题2 … in order, with the cell-link target and location."""
    wb = load_workbook(path)
    rows = []
    for name in wb.sheetnames:
        if name.startswith("全部问题"):
            for row in wb[name].iter_rows(min_row=2):
                links = [(c.hyperlink.target, c.hyperlink.location) for c in row if c.hyperlink is not None]
                rows.append((*(c.value for c in row), tuple(links)))
    return rows


def test_findings_go_on_in_further_sheets_before_the_row_limit(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel's limit is 1,048,576 rows a sheet; lowered here to 4 (a header and 3 findings)."""
    from rectxl.io import batch_out
    from rectxl.io.outputs import output_kind

    result = run_batch(folder, options=OPTS, workers=2)
    total = sum(len(r.findings) for r in result.ledgers)
    assert total > 7
    whole = write_workbook(result, tmp_path / "一张表.xlsx")
    monkeypatch.setattr(batch_out, "MAX_SHEET_ROWS", 4)
    split = write_workbook(result, tmp_path / "分表.xlsx")
    wb = load_workbook(split)
    sheets = -(-total // 3)
    names = ["全部问题"] + [f"全部问题{i}" for i in range(2, sheets + 1)]
    assert wb.sheetnames == ["整改统计", "单位汇总", *names, "无法读取"]
    assert all(wb[name].max_row <= 4 for name in names) and wb[names[-1]].max_row == total - 3 * (sheets - 1) + 1
    assert [c.value for c in wb[names[1]][1]] == [c.value for c in wb["全部问题"][1]]  # the same header
    assert wb[names[1]].freeze_panes == "A2" and wb[names[1]].auto_filter.ref == "A1:J4"
    assert _finding_rows(split) == _finding_rows(whole)  # the same rows, links and 序号 running on
    assert [r[0] for r in _finding_rows(split)] == list(range(1, total + 1))
    assert batch_out.is_batch_workbook(split) and batch_out.is_batch_workbook(whole)
    assert output_kind(split) == "batch"


def test_findings_go_on_in_further_sheets_before_the_hyperlink_limit(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel takes 65,530 hyperlinks a sheet and every finding links to its file (lowered here to 5);
    a finding of a file that cannot be linked (a name shown decoded) needs none."""
    from rectxl.io import batch_out

    result = run_batch(folder, options=OPTS, workers=1)
    total = sum(len(r.findings) for r in result.ledgers)
    whole = write_workbook(result, tmp_path / "一张表.xlsx")
    monkeypatch.setattr(batch_out, "MAX_SHEET_LINKS", 5)
    split = write_workbook(result, tmp_path / "分表.xlsx")
    wb = load_workbook(split)
    names = [n for n in wb.sheetnames if n.startswith("全部问题")]
    assert len(names) == -(-total // 5) and wb.sheetnames[-1] == "无法读取"
    counts = [sum(1 for row in wb[n].iter_rows(min_row=2) for c in row if c.hyperlink is not None) for n in names]
    assert max(counts) == 5 and sum(counts) == total
    assert _finding_rows(split) == _finding_rows(whole)
    # no file to link to: the rows stay on one sheet
    gone = write_workbook(result, tmp_path / "无链接.xlsx", folder=tmp_path / "不存在")
    assert [n for n in load_workbook(gone).sheetnames if n.startswith("全部问题")] == ["全部问题"]


def test_findings_go_on_in_further_sheets_before_a_part_needs_zip64(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet part must stay below 2 GiB (no Zip64 fields, which Excel may ask to repair): the
    size is checked every few rows (lowered here to a byte and two rows)."""
    import struct
    import zipfile

    from rectxl.io import batch_out

    result = run_batch(folder, options=OPTS, workers=1)
    whole = write_workbook(result, tmp_path / "一张表.xlsx")
    monkeypatch.setattr(batch_out, "MAX_SHEET_BYTES", 1)
    monkeypatch.setattr(batch_out, "_STEP", 2)
    split = write_workbook(result, tmp_path / "分表.xlsx")
    wb = load_workbook(split)
    names = [n for n in wb.sheetnames if n.startswith("全部问题")]
    assert len(names) > 3 and all(2 <= wb[n].max_row <= 3 for n in names)
    assert _finding_rows(split) == _finding_rows(whole)
    raw = split.read_bytes()
    with zipfile.ZipFile(split) as zf:  # no Zip64 extra field (id 1) in any local header
        for info in zf.infolist():
            at = info.header_offset
            name_length, extra_length = struct.unpack("<HH", raw[at + 26 : at + 30])
            extra = raw[at + 30 + name_length : at + 30 + name_length + extra_length]
            ids = []
            while len(extra) >= 4:
                field, size = struct.unpack("<HH", extra[:4])
                ids.append(field)
                extra = extra[4 + size :]
            assert 1 not in ids, info.filename


def test_the_outputs_are_written_as_results_come_and_no_finding_is_kept(folder: Path, tmp_path: Path) -> None:
    from rectxl.batch import BatchOutputs, write_batch

    kept = run_batch(folder, options=OPTS, workers=2)
    out = tmp_path / "输出"
    out.mkdir()
    outputs = BatchOutputs(out / "汇总.xlsx", out / "汇总.json")
    result = write_batch(folder, outputs, options=OPTS, workers=2)
    assert [r.file for r in result.ledgers] == GOOD and all(r.findings == [] for r in result.ledgers)
    assert [r.by_severity for r in result.ledgers] == [r.by_severity for r in kept.ledgers]
    data = json.loads((out / "汇总.json").read_text("utf-8"))
    expected = json.loads(to_json(kept))
    data.pop("seconds"), expected.pop("seconds")
    assert data == expected
    wb = load_workbook(outputs.workbook)
    assert wb["全部问题"].max_row - 1 == sum(len(r.findings) for r in kept.ledgers)
    assert _finding_rows(outputs.workbook) == _finding_rows(write_workbook(kept, out / "对照.xlsx"))
    assert sorted(p.name for p in out.iterdir()) == ["对照.xlsx", "汇总.json", "汇总.xlsx"]  # no stray file


def test_nothing_is_written_when_the_folder_has_no_ledger(tmp_path: Path) -> None:
    from rectxl.batch import BatchOutputs, write_batch
    from rectxl.core.errors import RectxlError

    root = tmp_path / "空"
    root.mkdir()
    (root / "说明.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "输出"
    out.mkdir()
    with pytest.raises(RectxlError, match="没有找到 Excel 台账"):
        write_batch(root, BatchOutputs(out / "汇总.xlsx", out / "汇总.json"), options=OPTS, workers=1)
    assert list(out.iterdir()) == []


def test_sinks_get_the_ledgers_in_file_order_whatever_finishes_first(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first file is the slowest; the sinks still get every ledger in file order (workers are
    forked, so the patched function is what they run)."""
    import time

    from rectxl import batch

    real = batch._check_one

    def slow_first(root: Path, rel: str, *args: Any) -> Any:
        if rel == GOOD[0]:
            time.sleep(0.5)
        return real(root, rel, *args)

    class Recorder:
        def __init__(self) -> None:
            self.files: list[str] = []
            self.findings = 0

        def add(self, ledger: LedgerResult) -> None:
            self.files.append(ledger.file)
            self.findings += len(ledger.findings)

        def close(self, result: BatchResult) -> None:
            raise AssertionError("run_batch does not close its sinks")

        def abort(self) -> None:
            raise AssertionError("run_batch does not abort its sinks")

    monkeypatch.setattr(batch, "_check_one", slow_first)
    recorder = Recorder()
    result = run_batch(folder, options=OPTS, workers=2, sinks=[recorder], keep_findings=False)
    assert recorder.files == GOOD == [r.file for r in result.ledgers]
    assert recorder.findings == sum(sum(r.by_severity.values()) for r in result.ledgers) > 0
    assert [s.file for s in result.skipped] == BAD


def test_json_is_indented_with_one_line_per_finding(folder: Path) -> None:
    from dataclasses import replace

    result = run_batch(folder, options=OPTS, workers=1)
    text = to_json(result)
    lines = text.splitlines()
    findings = [line for line in lines if line.lstrip().startswith('{"code": ')]
    assert len(findings) == sum(len(r.findings) for r in result.ledgers)
    assert all(json.loads(line.strip().rstrip(",")) for line in findings)
    # without findings, the text is json.dumps(…, indent=1) itself
    bare = replace(result, ledgers=[replace(r, findings=[]) for r in result.ledgers])
    data = json.loads(to_json(bare))
    assert to_json(bare) == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    assert list(data["ledgers"][0]) == ["file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues",
                                        "counts", "by_severity", "findings", "rate"]


def test_json_to_stdout_is_the_same_json(folder: Path, tmp_path: Path) -> None:
    proc = run(str(folder), "-o", "汇总.xlsx", "--json", "-", "--as-of", "2023-09-20", "--workers", "2",
               cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert [r["file"] for r in data["ledgers"]] == GOOD and [s["file"] for s in data["skipped"]] == BAD
    assert sum(len(r["findings"]) for r in data["ledgers"]) == data["totals"]["by_severity"]["error"] + \
        data["totals"]["by_severity"]["warning"] + data["totals"]["by_severity"]["info"]
    assert (tmp_path / "汇总.xlsx").exists() and not (tmp_path / "汇总.json").exists()


def test_odd_texts_and_values_arrive_as_written(tmp_path: Path) -> None:
    """Spaces, line breaks and carriage returns kept; control characters and what XML cannot hold
    dropped; formula-like text kept as it is, with the text prefix; over-long text cut at Excel's
    limit; numbers as numbers."""
    from rectxl.core.counts import COUNT_FIELDS

    values: list[Any] = [" 前后有空格 ", "a\r\nb", "\t制表", "控制\x01\x1f字符", "=SUM(A1)", "-3", "x" * 40_000,
                         "坏\ufffe字", "<&>\"'", 0, 1.5, True, None, ""]
    findings = [(f"code{i}", "warning", "说明", "台账", f"A{i + 2}", i + 2, "列", v) for i, v in enumerate(values)]
    ledger = LedgerResult(file="甲.xlsx", unit="甲", as_of="2023-09-20", as_of_source="参数", sha256="", aspects=1,
                          issues=1, counts=dict.fromkeys(COUNT_FIELDS, 0),
                          by_severity={"error": 0, "warning": len(values), "info": 0}, findings=findings)
    out = write_workbook(BatchResult(folder=str(tmp_path), ledgers=[ledger]), tmp_path / "汇总.xlsx")
    cells = [row[9] for row in load_workbook(out)["全部问题"].iter_rows(min_row=2)]
    got = [c.value for c in cells]
    assert got == [" 前后有空格 ", "a\r\nb", "\t制表", "控制字符", "=SUM(A1)", "-3", "x" * 32_767, "坏字", "<&>\"'",
                   0, 1.5, True, None, None]
    # formula-like text stays text when edited: Excel's text prefix, on those cells only
    assert [c.value for c in cells if c.quotePrefix] == ["\t制表", "=SUM(A1)", "-3"]


def test_the_scale_benchmark_runs_its_loops_and_the_batch(folder: Path) -> None:
    """benchmarks/batch_scale.py: the bare read loop, the check loop and the batch, on the same
    workers (a smoke run; the figures are the benchmark's business, not the test's)."""
    from benchmarks.batch_scale import chunk_size, compare, ledger_files

    assert chunk_size(1000, 2) == 16 and chunk_size(5, 2) == 1
    assert set(GOOD + BAD) <= {Path(p).relative_to(folder).as_posix() for p in ledger_files(folder)}
    figures = compare(folder, workers=2)
    assert figures["files"] == len(ledger_files(folder))
    assert figures["bare_read_s"] > 0 and figures["check_loop_s"] > 0 and figures["batch_s"] > 0
    assert figures["batch"]["parent_mb"] > 0 and figures["ratio"] > 0


def test_a_copy_of_a_ledger_is_counted_once(tmp_path: Path) -> None:
    """A clerk's "台账 - 副本.xlsx" and a WPS backup in a sub-folder hold the same bytes as the
    ledger: checked once, the copies listed as duplicates of it (never counted twice)."""
    import shutil

    from rectxl.core import fields as F
    from tests.ledgers import write_simple_ledger

    folder = tmp_path / "收集"
    (folder / "城关镇" / "backup").mkdir(parents=True)
    rows = [{F.ISSUE_NO: 1, F.ISSUE: "学习制度落实不到位", F.MEASURE: "建立学习制度", F.OWNER_UNIT: "党政办",
             F.OWNER_PERSON: "李敏", F.DEADLINE: "2023年8月31日", F.STATUS: "正在推进"}]
    ledger = write_simple_ledger(folder / "城关镇" / "城关镇台账.xlsx", rows)
    shutil.copy(ledger, folder / "城关镇" / "城关镇台账 - 副本.xlsx")
    shutil.copy(ledger, folder / "城关镇" / "backup" / "城关镇台账_20230920153012.xlsx")
    result = run_batch(folder, options=OPTS, workers=2)
    assert [r.file for r in result.ledgers] == ["城关镇/城关镇台账.xlsx"]  # not the copy, not the backup
    assert result.totals()["measures"] == 1
    assert result.ignored == []
    copies = {s.file: s.reason for s in result.set_aside}
    assert set(copies) == {"城关镇/城关镇台账 - 副本.xlsx", "城关镇/backup/城关镇台账_20230920153012.xlsx"}
    assert all("重复文件" in reason and "“城关镇/城关镇台账.xlsx”" in reason for reason in copies.values())


@pytest.mark.parametrize(("file", "unit"), [
    ("乡镇/石门镇/石门镇台账.xlsx", "石门镇"),
    ("乡镇/石门镇/石门镇台账（第二部分）.xlsx", "石门镇"),  # one unit, two files
    ("东山镇/巡察整改台账.xlsx", "东山镇"),  # every township sends "巡察整改台账.xlsx": the folder says whose
    ("西山镇/巡察整改台账.xlsx", "西山镇"),
    ("县财政局整改落实台账_20240701.xlsx", "县财政局"),
])
def test_a_ledger_without_a_unit_name_belongs_to_the_unit_its_name_or_folder_says(file: str, unit: str) -> None:
    from rectxl.core.batch_report import unit_from_path

    assert unit_from_path(file) == unit
