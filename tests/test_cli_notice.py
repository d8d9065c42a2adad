"""`rectxl notice` and `rectxl parse-notice` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from rectxl.core.notice import normalize_for_compare
from rectxl.io.reader import read_ledger
from tests.seeds import seed_path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)


def test_parse_notice_then_notice_reproduces_section_two(tmp_path: Path) -> None:
    proc = run("parse-notice", str(seed_path("000")), "-o", "台账.xlsx", cwd=tmp_path)
    # the notice says 148 measures but enumerates 124: reported, exit 1
    assert proc.returncode == 1, proc.stderr
    assert "3个方面，12个类别，33个问题，124项措施" in proc.stdout
    assert "通报称148项整改措施" in proc.stdout
    ledger = read_ledger(tmp_path / "台账.xlsx")
    assert sum(1 for _ in ledger.issues()) == 33
    proc = run("notice", "台账.xlsx", "-o", "通报.txt", cwd=tmp_path)
    # rendered again, the notice keeps its 一、 saying 148 measures beside the 124 it lists: said, exit 1
    assert proc.returncode == 1, proc.stderr
    assert "写着“148项整改措施”，而台账中有124项整改措施" in proc.stdout
    rendered = (tmp_path / "通报.txt").read_text("utf-8")
    original = seed_path("000").read_text("utf-8")
    two = original[original.index("\n二、"):original.index("\n三、")]
    body = two.split("\n", 2)[2]  # after the "二、…" heading line
    assert normalize_for_compare(body) in normalize_for_compare(rendered)


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_notice_formats(tmp_path: Path, suffix: str) -> None:
    example = ROOT / "workbooks" / "示例台账.xlsx"
    proc = run("notice", str(example), "-o", f"通报{suffix}", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / f"通报{suffix}"
    if suffix == ".docx":
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    else:
        text = out.read_text("utf-8")
    assert "第一方面问题" in text and "1.针对党组理论学习中心组学习计划性不强、学用结合不紧问题" in text
    headings = [line.lstrip("#*　 ")[:2] for line in text.splitlines()]
    assert [h for h in headings if h in ("一、", "二、", "三、")] == ["一、", "二、", "三、"]


def test_notice_bad_suffix_and_parse_notice_of_non_notice(tmp_path: Path) -> None:
    example = ROOT / "workbooks" / "示例台账.xlsx"
    proc = run("notice", str(example), "-o", "通报.pdf", cwd=tmp_path)
    assert proc.returncode == 2 and ".docx、.txt 或 .md" in proc.stderr
    (tmp_path / "x.txt").write_text("今天天气很好。\n", encoding="utf-8")
    proc = run("parse-notice", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_parse_notice_reads_gbk_text(tmp_path: Path) -> None:
    (tmp_path / "gbk.txt").write_bytes(seed_path("000").read_text("utf-8").encode("gb18030"))
    proc = run("parse-notice", "gbk.txt", cwd=tmp_path)
    assert "33个问题" in proc.stdout


def test_notice_writes_or_omits_not_started_measures(tmp_path: Path) -> None:
    from tests.fixtures_progress_ledger import build_progress_ledger

    build_progress_ledger(tmp_path / "台账.xlsx")
    proc = run("notice", "台账.xlsx", "-o", "通报.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    full = (tmp_path / "通报.txt").read_text("utf-8")
    assert "一是计划于2027年3月底前制定2027—2029年干部队伍建设规划。" in full
    proc = run("notice", "台账.xlsx", "-o", "通报_略.txt", "--omit-not-started", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "未启动的措施未写入" in proc.stdout
    short = (tmp_path / "通报_略.txt").read_text("utf-8")
    assert "干部队伍年龄结构老化" not in short and "计划于" not in short
    assert "尚未启动4项" in short  # the totals still count them


def test_parse_notice_finding_no_issue_exits_1(tmp_path: Path) -> None:
    # a whole, signed notice whose section 二 says only that work goes on: nothing for an auditor
    (tmp_path / "通报.txt").write_text(
        "中共青禾县统计局党组关于巡察整改进展情况的通报\n\n"
        "根据县委巡察工作统一部署，县委第二巡察组对县统计局党组进行了常规巡察。现将整改进展情况予以公布。\n\n"
        "一、整改工作组织领导情况\n\n局党组成立整改工作领导小组，制定整改方案。\n\n"
        "二、巡察反馈问题整改落实情况\n\n局党组对照巡察反馈意见逐项制定整改措施，各项整改工作正在有序推进。\n\n"
        "三、下一步工作打算\n\n局党组将持续抓好整改工作。\n\n"
        "中共青禾县统计局党组\n2026年11月20日\n", encoding="utf-8")
    proc = run("parse-notice", "通报.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "0个问题" in proc.stdout and "没有找到逐项列出的问题" in proc.stdout
