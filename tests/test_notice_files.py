"""A notice in the files auditors keep it in: a web page saved from the site that published it
(UTF-8 or GB2312), text saved by Notepad as "Unicode" (UTF-16), and the files that hold no text
rectxl can read (a legacy .doc, a PDF), which are named for what they are."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rectxl import api
from rectxl.core.errors import RectxlError
from rectxl.core.notice import parse_notice, render_notice
from rectxl.core.notice.parse import ParsedNotice
from rectxl.io.reader import read_ledger
from tests.seeds import seed_text

EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"


@pytest.fixture(scope="module")
def notice_text() -> str:
    return render_notice(read_ledger(EXAMPLE))


def _web_page(text: str, charset: str) -> bytes:
    """``text`` as a government site serves it: a navigation bar, a script, the body in
    indented paragraphs inside a layout table, the footer."""
    paragraphs = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>'
                           for line in text.splitlines() if line.strip())
    page = (f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            "<title>巡察整改进展情况的通报</title><style>p{margin:0}</style>"
            "<script>var _hmt = _hmt || [];</script></head>\n<body>"
            '<div class="nav"><a href="/">首页</a><span>&gt;</span><a href="/zwgk/">政务公开</a></div>'
            f'<table width="100%"><tr><td class="content">{paragraphs}</td></tr></table>'
            '<div class="footer">主办单位：某县人民政府办公室<br>网站标识码：0000000000</div></body></html>')
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def _shape(parsed: ParsedNotice) -> tuple[int, int, int, list[str]]:
    led = parsed.ledger
    return (len(led.aspects), sum(1 for _ in led.issues()), sum(1 for _ in led.measures()),
            [i.title for i in led.issues()])


@pytest.mark.parametrize(("name", "charset"), [("通报.html", "utf-8"), ("通报.htm", "gb2312")])
def test_a_saved_web_page_reads_as_its_text(tmp_path: Path, notice_text: str, name: str, charset: str) -> None:
    page = tmp_path / name
    page.write_bytes(_web_page(notice_text, charset))
    parsed = api.parse_notice_file(page)
    assert _shape(parsed) == _shape(parse_notice(notice_text))
    assert parsed.ledger.info.title == parse_notice(notice_text).ledger.info.title  # no "首页 > 政务公开"
    assert parsed.complete


def test_a_web_page_saved_as_txt_is_still_a_web_page(tmp_path: Path, notice_text: str) -> None:
    page = tmp_path / "通报.txt"
    page.write_bytes(_web_page(notice_text, "utf-8"))
    assert _shape(api.parse_notice_file(page)) == _shape(parse_notice(notice_text))


def test_a_published_seed_saved_from_its_site(tmp_path: Path) -> None:
    text = seed_text("004")
    page = tmp_path / "通报.htm"
    page.write_bytes(_web_page(text, "gb2312"))
    assert _shape(api.parse_notice_file(page)) == _shape(parse_notice(text))


def test_notepad_unicode_text(tmp_path: Path, notice_text: str) -> None:
    """Notepad's "Unicode" is UTF-16 with a byte-order mark."""
    path = tmp_path / "通报.txt"
    path.write_bytes(notice_text.encode("utf-16"))
    assert _shape(api.parse_notice_file(path)) == _shape(parse_notice(notice_text))


@pytest.mark.parametrize(("name", "content", "says"), [
    ("通报.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "另存为” .docx"),
    ("通报.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "旧版 Word"),
    ("通报.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
])
def test_a_file_without_text_is_named_for_what_it_is(tmp_path: Path, name: str, content: bytes,
                                                      says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RectxlError) as exc:
        api.parse_notice_file(path, tmp_path / "台账.xlsx")
    assert says in str(exc.value) and name in str(exc.value)
    assert not (tmp_path / "台账.xlsx").exists()


def test_without_output_nothing_is_written_and_it_says_so(tmp_path: Path, notice_text: str) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(notice_text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "rectxl", "parse-notice", str(path)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "未写入文件" in proc.stdout and "写入台账“推断状态”列" not in proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通报.txt"]


@pytest.mark.parametrize(("name", "encode", "encoding"), [
    ("通报.htm", lambda text: _web_page(text, "gb2312"), "gb18030"),
    ("通报.txt", lambda text: text.encode("utf-8"), "utf-8"),
])
def test_a_file_cut_short_inside_a_character_is_read_as_far_as_it_goes(tmp_path: Path, notice_text: str,
                                                                      name: str, encode: Any, encoding: str) -> None:
    """A download interrupted mid-way may end inside a two- or three-byte character: the text up to
    it is read (and said to be incomplete), not refused as an unknown encoding nor read as GBK."""
    whole = encode(notice_text)
    cut = len(whole) // 2
    while True:  # end inside a Chinese character
        try:
            whole[:cut].decode(encoding)
        except UnicodeDecodeError:
            break
        cut += 1
    path = tmp_path / name
    path.write_bytes(whole[:cut])
    parsed = api.parse_notice_file(path)
    assert not parsed.complete and parsed.warnings
    first = next(parsed.ledger.issues()).title
    assert first == next(parse_notice(notice_text).ledger.issues()).title
