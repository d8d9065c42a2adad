"""The fixture notices of other agencies' layouts (tests/data/notices, and the Word file with
automatic list numbering built by tests/notice_docx_fixture.py) parsed and checked against what
a careful reader extracts (``NAME.expected.json``; schema in tests/data/notices/README.md), and
`rectxl parse-notice` run on each: exit 0 for a complete notice whose stated totals agree, 1 for
a notice cut short or totals that disagree, 2 for text that is not a notice.

Strings are compared after folding traditional characters to simplified (the parser keeps the
notice's own characters; the expected files give them as printed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from rectxl.core import fields as F
from rectxl.core.notice import ParsedNotice, parse_notice
from rectxl.core.notice._text import detect
from rectxl.io.docx_read import read_notice_docx
from rectxl.io.reader import read_ledger
from tests.notice_docx_fixture import NUMBERED_LABELS, build_numbered_notice_docx, libreoffice_text

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "tests" / "data" / "notices"
NAMES = sorted(p.stem for p in NOTICES.glob("*.txt"))
DOCX = "docx_numbered"


def expected_of(name: str, tmp: Path) -> tuple[dict[str, Any], Path]:
    """The expected dict and the notice file (the .docx is built into ``tmp``)."""
    if name == DOCX:
        path = tmp / "自动编号通报.docx"
        return build_numbered_notice_docx(path), path
    path = NOTICES / f"{name}.txt"
    return json.loads((NOTICES / f"{name}.expected.json").read_text("utf-8")), path


def text_of(path: Path) -> str:
    return read_notice_docx(path) if path.suffix == ".docx" else path.read_text("utf-8")


def same(a: str | None, b: str | None) -> bool:
    """Equal once traditional characters are folded to simplified (and widths, as the
    detection copy folds them)."""
    return (a is None and b is None) or (a is not None and b is not None and detect(a) == detect(b))


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], ParsedNotice]]:
    tmp = tmp_path_factory.mktemp("corpus")
    out = {}
    for name in [*NAMES, DOCX]:
        expected, path = expected_of(name, tmp)
        out[name] = expected, parse_notice(text_of(path))
    return out


def test_the_corpus_has_every_layout() -> None:
    assert len(NAMES) >= 16
    for name in NAMES:
        assert (NOTICES / f"{name}.expected.json").is_file(), name


# ---------------------------------------------------------------------------
# Structure, front matter, totals — one test per fixture and per fact, so a failure names both
# ---------------------------------------------------------------------------

ALL = [*NAMES, DOCX]


@pytest.mark.parametrize("name", ALL)
def test_hierarchy(parsed: dict, name: str) -> None:
    expected, result = parsed[name]
    ledger = result.ledger
    titled = [a for a in ledger.aspects if a.title is not None]
    issues = list(ledger.issues())
    assert len(titled) == expected["aspects"]
    assert sum(1 for a in ledger.aspects for c in a.categories if c.title is not None) == (
        expected["categories"])
    assert len(issues) == expected["issues"]
    assert sum(len(i.measures) for i in issues) == expected["measures"]
    assert [sum(1 for _ in a.issues()) for a in titled] == expected["issues_per_aspect"]
    if not titled:  # issues without an aspect level hang under one untitled aspect
        assert len(ledger.aspects) <= 1


@pytest.mark.parametrize("name", ALL)
def test_first_issue_and_measure(parsed: dict, name: str) -> None:
    expected, result = parsed[name]
    first = next(result.ledger.issues())
    assert same(first.title, expected["first_issue"]), first.title
    assert same(first.measures[0].text, expected["first_measure"]), first.measures[0].text
    if "first_progress" in expected:
        assert same(first.measures[0].progress, expected["first_progress"])
    if "first_owner_unit" in expected:
        assert first.measures[0].owner_unit == expected["first_owner_unit"]
    if "first_deadline" in expected:
        assert first.measures[0].deadline.due == date.fromisoformat(expected["first_deadline"])


@pytest.mark.parametrize("name", ALL)
def test_front_matter(parsed: dict, name: str) -> None:
    expected, result = parsed[name]
    info = result.ledger.info
    assert same(info.title, expected["title"]), info.title
    assert same(info.unit_name, expected["unit"]), info.unit_name
    feedback = expected["feedback_date"]
    assert info.feedback_date == (date.fromisoformat(feedback) if feedback else None)
    # the title is printed once, without page debris
    assert info.title is None or not any(
        word in info.title for word in ("您的位置", "首页", "字号", "打印", "来源", "转载", "轉載"))


@pytest.mark.parametrize("name", ALL)
def test_stated_totals(parsed: dict, name: str) -> None:
    expected, result = parsed[name]
    want = expected["stated_totals"]
    got = result.stated_totals
    assert (got.aspects, got.issues, got.measures) == (
        want["aspects"], want["issues"], want["measures"]), got.evidence
    assert (got.done_issues, got.done_measures) == (
        want["done_issues"], want["done_measures"]), got.evidence
    if want["rate"] is None:
        assert got.rate is None
    else:
        assert got.rate is not None and abs(got.rate / 100 - want["rate"]) < 0.0006


@pytest.mark.parametrize("name", ALL)
def test_complete_or_partial(parsed: dict, name: str) -> None:
    expected, result = parsed[name]
    assert result.complete is expected["complete"]
    if expected["complete"]:
        assert not any("不完整" in w for w in result.warnings), result.warnings
    else:
        # a partial ledger: what was reached, and a warning that says what is missing
        warning = next(w for w in result.warnings if "不完整" in w)
        assert "中断" in warning and "落款" in warning
        assert f"{expected['issues']}个问题" in warning


@pytest.mark.parametrize("name", ALL)
def test_statuses_are_marked_inferred(parsed: dict, name: str) -> None:
    _, result = parsed[name]
    for measure in result.ledger.measures():
        assert measure.status is not None
        if measure.status_inferred:
            assert measure.status_text == ""  # never passed off as a clerk's entry
        else:
            # stated only in the sentence's own last clause ("…，已完成整改。", "…，正在推进。"), or
            # in a sentence of its own between the problem and its account ("…问题。已完成整改。镇纪委…")
            last = measure.text.rstrip("。；;").rsplit("，", 1)[-1]
            source = NOTICES / f"{name}.txt"
            opening = f"{measure.status_text}。{measure.text[:8]}"
            assert measure.status_text == last or (
                source.is_file() and opening in source.read_text("utf-8")), measure.text


def test_traditional_text_is_kept_as_printed(parsed: dict) -> None:
    _, result = parsed["i_traditional_repost"]
    info = result.ledger.info
    assert info.title is not None and "黨組關於" in info.title
    assert next(result.ledger.issues()).title == "農村公路建設養護投入不足問題"


# ---------------------------------------------------------------------------
# The Word file: list numbering read from numbering.xml, as LibreOffice shows it
# ---------------------------------------------------------------------------

def test_docx_numbering_gives_the_labels_in_order(tmp_path: Path) -> None:
    path = tmp_path / "n.docx"
    build_numbered_notice_docx(path)
    paragraphs = docx.Document(str(path)).paragraphs
    lines = read_notice_docx(path).split("\n")
    assert len(lines) == len(paragraphs)
    numbered = [(line, p.text) for line, p in zip(lines, paragraphs, strict=True)
                if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [line[:len(line) - len(text)] for line, text in numbered] == NUMBERED_LABELS
    assert all(line.endswith(text) for line, text in numbered)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice not installed")
def test_docx_reads_like_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "n.docx"
    build_numbered_notice_docx(path)
    theirs = libreoffice_text(path)
    assert theirs is not None
    ours = read_notice_docx(path)

    def lines(text: str) -> list[str]:
        return [detect(x).replace(" ", "") for x in text.splitlines() if x.strip()]

    assert lines(ours) == lines(theirs)


def _aspect_row(line: str) -> bool:
    return line.startswith(("一、", "二、", "三、")) and line.endswith("方面")


def test_docx_table_notice_parses_like_its_text(tmp_path: Path) -> None:
    """The table layout (n_provincial_table) typed as a Word table: one row per issue, the aspect
    rows merged across the table."""
    text = (NOTICES / "n_provincial_table.txt").read_text("utf-8").splitlines()
    document = docx.Document()
    i = 0
    while i < len(text):
        if "\t" not in text[i]:
            if text[i]:
                document.add_paragraph(text[i])
            i += 1
            continue
        block = []
        while i < len(text) and ("\t" in text[i] or _aspect_row(text[i])):
            block.append(text[i])
            i += 1
        table = document.add_table(rows=len(block), cols=6)
        for r, line in enumerate(block):
            cells = line.split("\t")
            if len(cells) == 1:  # an aspect row merged across the table
                table.cell(r, 0).merge(table.cell(r, 5)).text = cells[0]
            else:
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
    path = tmp_path / "table.docx"
    document.save(str(path))
    from_docx = parse_notice(read_notice_docx(path)).ledger
    from_text = parse_notice("\n".join(text)).ledger
    assert [a.title for a in from_docx.aspects] == [a.title for a in from_text.aspects]
    assert [(m.text, m.progress, m.owner_unit, m.deadline.due) for m in from_docx.measures()] == [
        (m.text, m.progress, m.owner_unit, m.deadline.due) for m in from_text.measures()]
    assert len(list(from_docx.measures())) == 16


# ---------------------------------------------------------------------------
# `rectxl parse-notice` as a user runs it
# ---------------------------------------------------------------------------

def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=180)


def expected_exit(expected: dict[str, Any]) -> int:
    """0 for a complete notice whose stated totals agree with what it lists, else 1."""
    if not expected["complete"]:
        return 1
    stated = expected["stated_totals"]
    for key in ("aspects", "issues", "measures"):
        if stated[key] is not None and stated[key] != expected[key]:
            return 1
    if stated["rate"] is not None:
        pairs = [(stated["done_issues"], stated["issues"] or expected["issues"]),
                 (stated["done_measures"], stated["measures"] or expected["measures"])]
        rates = [d / t for d, t in pairs if d is not None and t]
        if rates and not any(abs(r - stated["rate"]) <= 0.01 for r in rates):
            return 1
    return 0


@pytest.mark.parametrize("name", ALL)
def test_cli_exit_code_and_written_ledger(name: str, tmp_path: Path) -> None:
    expected, path = expected_of(name, tmp_path)
    proc = run("parse-notice", str(path), "-o", "台账.xlsx", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == expected_exit(expected), proc.stdout + proc.stderr
    assert f"{expected['issues']}个问题" in proc.stdout
    if not expected["complete"]:
        assert "不完整" in proc.stdout
    ledger = read_ledger(tmp_path / "台账.xlsx")
    measures = list(ledger.measures())
    assert len(measures) == expected["measures"]
    # the guessed statuses sit in their own column, never in 整改状态: there only a status the
    # notice stated as the last clause of the sentence ("…，已完成整改。"), or in a sentence of its
    # own before the account ("…问题。已完成整改。镇纪委…")
    assert F.INFERRED_STATUS in ledger.columns
    source = text_of(path)
    assert all(m.status is None and m.status_text == "" for m in measures
               if not m.text.rstrip("。；;").endswith(f"，{m.status_text or '-'}")
               and f"{m.status_text or '-'}。{m.text[:8]}" not in source)


def test_cli_not_a_notice_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("会议纪要\n今天讨论了食堂菜单。\n一、早餐\n二、午餐\n", encoding="utf-8")
    proc = run("parse-notice", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_cli_title_and_preamble_only_is_a_partial_notice(tmp_path: Path) -> None:
    head = (NOTICES / "a_county_bureau.txt").read_text("utf-8").split("\n一、", 1)[0]
    (tmp_path / "head.txt").write_text(head, encoding="utf-8")
    proc = run("parse-notice", "head.txt", "-o", "台账.xlsx", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "不完整" in proc.stdout and "0个问题" in proc.stdout
    assert (tmp_path / "台账.xlsx").is_file()  # the 基本信息 facts are kept in a ledger


# ---------------------------------------------------------------------------
# Word list numbering in detail (rectxl.io.docx_read)
# ---------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _numbered_document(levels: list[tuple[str, str]], *, restart: int | None = None) -> tuple[Any, int]:
    """A document with one list of ``levels`` (numFmt, lvlText); returns (document, numId)."""
    from lxml import etree

    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = etree.SubElement(numbering, _w("abstractNum"))
    abstract.set(_w("abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = etree.SubElement(abstract, _w("lvl"))
        lvl.set(_w("ilvl"), str(ilvl))
        for tag, val in (("start", "1"), ("numFmt", fmt), ("suff", "nothing"), ("lvlText", text)):
            etree.SubElement(lvl, _w(tag)).set(_w("val"), val)
        if restart is not None and ilvl == 1:
            etree.SubElement(lvl, _w("lvlRestart")).set(_w("val"), str(restart))
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, _w("num"))
    num.set(_w("numId"), "77")
    etree.SubElement(num, _w("abstractNumId")).set(_w("val"), "90")
    return document, 77


def _add(document: Any, text: str, num_id: int | None, ilvl: int = 0, style: str | None = None) -> Any:
    paragraph = document.add_paragraph(text, style=style)
    if num_id is not None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = num_id
    return paragraph


def test_number_formats() -> None:
    from rectxl.io.docx_read import format_number

    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20)] == ["一", "十", "十一", "二十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "decimalEnclosedParen") == "(2)"
    assert format_number(11, "chineseLegalSimplified") == "壹拾壹"
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(4, "upperRoman") == "IV" and format_number(28, "lowerLetter") == "bb"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(5, "bullet") == "" and format_number(5, "none") == ""
    assert format_number(7, "someFutureFormat") == "7"


def test_levels_restart_and_formats(tmp_path: Path) -> None:
    document, num_id = _numbered_document(
        [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    for text, ilvl in (("甲", 0), ("乙", 1), ("丙", 2), ("丁", 2), ("戊", 1), ("己", 2), ("庚", 0),
                       ("辛", 1)):
        _add(document, text, num_id, ilvl)
    _add(document, "不编号", None)
    path = tmp_path / "levels.docx"
    document.save(str(path))
    assert read_notice_docx(path).split("\n") == [
        "一、甲", "（一）乙", "1.丙", "2.丁", "（二）戊", "1.己", "二、庚", "（一）辛", "不编号"]


def test_legal_numbering_and_no_restart(tmp_path: Path) -> None:
    document, num_id = _numbered_document([("decimal", "%1."), ("decimal", "%1.%2")], restart=0)
    for text, ilvl in (("a", 0), ("b", 1), ("c", 0), ("d", 1)):
        _add(document, text, num_id, ilvl)
    path = tmp_path / "legal.docx"
    document.save(str(path))
    # lvlRestart 0: the second level never restarts
    assert read_notice_docx(path).split("\n") == ["1.a", "1.1b", "2.c", "2.2d"]


def test_numbering_from_the_paragraph_style(tmp_path: Path) -> None:
    document, num_id = _numbered_document([("chineseCounting", "%1、")])
    style = document.styles.add_style("通报一级标题", 1)
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
    _add(document, "第一部分", None, style="通报一级标题")
    _add(document, "正文", None)
    _add(document, "第二部分", None, style="通报一级标题")
    path = tmp_path / "style.docx"
    document.save(str(path))
    assert read_notice_docx(path).split("\n") == ["一、第一部分", "正文", "二、第二部分"]


def test_a_start_override_restarts_the_list(tmp_path: Path) -> None:
    from lxml import etree

    document, num_id = _numbered_document([("decimal", "%1.")])
    numbering = document.part.numbering_part.element
    num = etree.SubElement(numbering, _w("num"))
    num.set(_w("numId"), "78")
    etree.SubElement(num, _w("abstractNumId")).set(_w("val"), "90")
    override = etree.SubElement(num, _w("lvlOverride"))
    override.set(_w("ilvl"), "0")
    etree.SubElement(override, _w("startOverride")).set(_w("val"), "1")
    for text, nid in (("a", num_id), ("b", num_id), ("c", 78), ("d", 78)):
        _add(document, text, nid)
    path = tmp_path / "override.docx"
    document.save(str(path))
    assert read_notice_docx(path).split("\n") == ["1.a", "2.b", "1.c", "2.d"]


# ---------------------------------------------------------------------------
# The written ledger: guesses in 推断状态, never in 整改状态
# ---------------------------------------------------------------------------

def test_written_ledger_keeps_guesses_out_of_the_status_column(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from rectxl.api import check
    from rectxl.core.model import Measure
    from rectxl.core.status import Status
    from rectxl.io.ledger_xlsx import write_ledger

    ledger = parse_notice((NOTICES / "g_township_short.txt").read_text("utf-8")).ledger
    first = next(ledger.issues())
    first.measures.append(Measure(text="书记约谈村支书。", status=Status.DONE, status_text="已完成"))
    path = write_ledger(tmp_path / "台账.xlsx", ledger)
    ws = load_workbook(path)["台账"]
    header = [c.value for c in ws[2]]
    status_col = header.index(F.STATUS) + 1
    inferred_col = header.index(F.INFERRED_STATUS) + 1
    assert inferred_col == status_col + 1
    assert ws.cell(2, inferred_col).comment is not None
    rows = [(ws.cell(r, status_col).value, ws.cell(r, inferred_col).value) for r in range(3, 6)]
    # (the third, "…，已完成整改。", states its status in its last clause: 整改状态, not guessed)
    assert rows == [(None, "正在推进"), ("已完成", None), ("已完成整改", None)]
    guide = [c.value for c in load_workbook(path)["填写说明"]["A"] if c.value]
    assert any(F.INFERRED_STATUS in line for line in guide)

    back = read_ledger(path)
    measures = list(back.measures())
    assert [m.status for m in measures[:2]] == [None, Status.DONE]
    report = check(path)
    codes = {f.code for f in report.findings}
    assert "bad-status" not in codes and "status-text-mismatch" not in codes
    missing = [f for f in report.findings if f.code == "missing-status"]
    # only the clerk's 已完成 and the statuses the notice stated count as statuses (the fourth
    # problem's "已完成整改。" before its account among them)
    assert len(missing) == sum(1 for m in measures if m.status is None) == len(measures) - 6


def test_a_template_has_no_inferred_column(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from rectxl.io.ledger_xlsx import write_ledger

    path = write_ledger(tmp_path / "空.xlsx")
    assert F.INFERRED_STATUS not in [c.value for c in load_workbook(path)["台账"][2]]
