"""A notice published as a PDF: the text a reader sees, page after page.

Many offices publish the notice as a PDF attachment (printed from Word or WPS) beside the web
page, or only as one. Its text is read with pypdf from where each word stands on the page
(:mod:`rectxl.io.pdf_tables`): a ruled table a row a line, as a Word table is read; a paragraph's
lines wrapped at the page's right margin (and over a page break) joined again, where the next line
starts at the left margin with no numbering or label of its own — which the notice's parser could
not always tell from the text alone (a short notice has too few lines to show their width). What
the typesetting adds and no reader would copy is left out:

- the space a PDF writer puts where the font changes between a figure and a Chinese character
  ("截至2026 年11 月25 日", "4 个问题": the digits are set in a Latin font);
- a page's number printed alone on a line in its foot ("- 2 -", "—3—", "第 2 页 共 5 页", "2/5");
- the running head (or foot) a word processor repeats on each page ("某县统计局巡察整改进展情况").

A PDF with no text (a scan, or pages printed as pictures), a protected one that cannot be opened
without a password, and a damaged one are named for what they are, with what to do.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from rectxl.core.errors import RectxlError
from rectxl.io.pdf_tables import PdfLine, page_lines, row_split_over_pages

__all__ = ["MAX_PDF_PAGES", "joined_pages", "read_notice_pdf"]

#: the most pages read: a notice runs to a few pages, a report with its annexes to a few dozen
MAX_PDF_PAGES = 300

#: a space the typesetting put between a figure (or a Latin letter, a percent sign) and Chinese
_FONT_SWITCH = re.compile(r"(?<=[0-9A-Za-z%％.])[ \u00a0]+(?=[\u4e00-\u9fff（），。、；：“”》])"
                          r"|(?<=[\u4e00-\u9fff（），。、；：“”《])[ \u00a0]+(?=[0-9A-Za-z])")
#: a line that is only the page's number ("- 2 -", "—3—", "第 2 页", "第2页 共5页", "2 / 5", "2")
_PAGE_NUMBER = re.compile(r"\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?"
                          r"|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})\s*")


def read_notice_pdf(path: Path) -> str:
    """The text of the notice PDF at ``path``, page after page; :class:`RectxlError` with a
    Chinese message for one that holds no text rectxl can read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are for developers
    name = Path(path).name
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RectxlError(f"{name} 是设有打开密码的 PDF，rectxl 无法读取：请取消密码后再解析，"
                              "或复制通报全文另存为 .txt")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise RectxlError(f"{name} 有 {len(reader.pages)} 页，远多于一份通报：请确认选对了文件")
        # each page read from where its words stand: a ruled table a row a line, and where each
        # line starts and ends (a paragraph's lines wrapped at the margin are joined below)
        pages = [page_lines(page) for page in reader.pages]
    except RectxlError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, OSError):
        # pypdf raises many kinds of errors on a damaged file: each is a PDF it cannot read
        raise RectxlError(f"{name} 是已损坏或不完整的 PDF，rectxl 读不出其中的文字：请重新下载，"
                          "或复制通报全文另存为 .txt 后再解析") from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise RectxlError(f"{name} 是 PDF，但其中没有可以提取的文字（可能是扫描件或图片）："
                          "请找到通报的网页或 Word 版本，或将全文录入另存为 .txt 后再解析")
    return joined_pages(pages)


def joined_pages(pages: list[list[PdfLine]]) -> str:
    """The text of a document's pages read from where their words stand (a PDF's, an OFD's): their
    page numbers left out, a paragraph's lines wrapped at the margin or over a page break joined, a
    table's row the page break cut in two made one."""
    out: list[PdfLine] = []
    bodies = _without_running_lines([_page_body(lines) for lines in pages])
    for lines in bodies:
        for k, line in enumerate(lines):
            above = out[-1] if out else None
            if k == 0 and above is not None and above.row and line.row \
                    and (joined := row_split_over_pages(above.text, line.text)) is not None:
                above.text = joined  # a table's row the page break cut in two
            elif k == 0 and above is not None and line.row and _lone_header(above, line):
                # "序号 存在问题 整改措施 完成情况" alone at the foot of a page, its rows on the next:
                # the table's header row, one cell a word
                above.text, above.row = "\t".join(above.text.split()), True
                out.append(line)
            elif above is not None and _wrapped(above, line):
                above.text += line.text  # a paragraph's line wrapped at the margin (or the page's foot)
                above.full = line.full
            else:
                out.append(line)
    return "\n".join(line.text for line in out)


def _page_body(lines: list[PdfLine]) -> list[PdfLine]:
    """A page's lines without its page number, the spaces of its font changes and quotation marks
    drawn apart from their words."""
    for line in lines:
        if not line.row:
            line.text = _FONT_SWITCH.sub("", _quotes_in_place(line.text.rstrip()))
    while lines and (not lines[-1].text.strip() or _PAGE_NUMBER.fullmatch(lines[-1].text)):
        lines.pop()  # the foot of the page
    while lines and (not lines[0].text.strip() or _PAGE_NUMBER.fullmatch(lines[0].text)):
        lines.pop(0)  # a number at the head of the page
    return lines


#: a table's header cell: a few words, no sentence
_HEADER_WORD = re.compile(r"[\u4e00-\u9fff（）()/、]{2,12}")


def _lone_header(above: PdfLine, row: PdfLine) -> bool:
    """``above`` — the last line of a page, not read as a table's row — is the header row of the
    table whose rows start the next page (a table of one row is drawn as no table): as many words
    as the row has cells, each a header's few words."""
    words = above.text.split()
    return not above.row and len(words) >= 3 and len(words) == row.text.count("\t") + 1 \
        and all(_HEADER_WORD.fullmatch(w) for w in words)


def _without_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """The pages without the running head or foot a word processor repeats on each ("青峰县审计局
    巡察整改进展情况" over every page): a line heading (or closing) two pages or more, and at least
    half of them, word for word, is the document's margin, not its text."""
    for end in (0, -1):
        seen: dict[str, int] = {}
        for lines in pages:
            if lines and not lines[end].row:
                key = re.sub(r"\s+", "", lines[end].text)
                seen[key] = seen.get(key, 0) + 1
        running = {key for key, n in seen.items() if key and n >= 2 and 2 * n >= len(pages)}
        if running:
            pages = [lines[1:] if end == 0 and lines and not lines[0].row
                     and re.sub(r"\s+", "", lines[0].text) in running
                     else lines[:-1] if end == -1 and lines and not lines[-1].row
                     and re.sub(r"\s+", "", lines[-1].text) in running
                     else lines for lines in pages]
    return pages


#: a line opening with a numbering or a label of its own: an item, never the rest of the line above
_OWN_START = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]+是"
                        r"|第[一二三四五六七八九十\d]+"
                        r"|[①-⑳■□●○◆◇★☆▲►※【]|[\u4e00-\u9fff]{2,6}[:：])")


def _wrapped(above: PdfLine, line: PdfLine) -> bool:
    """``line`` goes on the paragraph of ``above``: ``above`` reaches the right margin (the text
    wrapped there), ``line`` starts at the left one (no paragraph's first line, no centred or
    right-set line), and opens with no numbering or label of its own."""
    return (above.full and not above.row and not line.row and not line.indented and bool(line.text.strip())
            and _OWN_START.match(line.text) is None)


#: quotation marks a PDF may set in its Latin font (“” beside 仿宋 text set in Times New Roman)
_QUOTES = "“”‘’"
#: a run of quotation marks standing apart from the words they quote: two or more together
#: ("“ ”"), or one with a space or the line's end beside it
_QUOTE_RUN = re.compile(rf"\s*[{_QUOTES}](?:\s*[{_QUOTES}])*\s*")
#: where a quotation mark was taken out of the words: a space between Chinese characters
_GAP = re.compile(r"(?<=[\u4e00-\u9fff，。、；：！？）》」])[ \u00a0]+(?=[\u4e00-\u9fff（《「，。、；：！？）》」])")


def _quotes_in_place(line: str) -> str:
    """A line whose quotation marks a PDF writer drew apart from their words, put back where they
    stand on the page: "“ ”（一）在 贯彻落实…有差距 方面" → "（一）在“贯彻落实…有差距”方面".

    The marks are set in the Latin font and written after (or before) the Chinese run they sit
    in, which leaves a space at each place a mark is printed: pypdf gives the marks together and
    the run with its spaces. When the marks standing apart are as many as those spaces, they go
    back into them in order; any other line is left as it is (a space between Chinese characters
    is never the notice's own)."""
    runs = [m for m in _QUOTE_RUN.finditer(line)
            if sum(c in _QUOTES for c in m.group()) >= 2 or m.group() != m.group().strip()
            or m.start() == 0 or m.end() == len(line)]
    marks = "".join(c for m in runs for c in m.group() if c in _QUOTES)
    if not marks or sum(c in _QUOTES for c in line) != len(marks):
        return line  # no marks apart, or some in their words already
    rest = line
    for m in reversed(runs):
        rest = rest[:m.start()] + rest[m.end():]
    gaps = list(_GAP.finditer(rest))
    if len(gaps) != len(marks):
        return line
    out, at = [], 0
    for gap, mark in zip(gaps, marks, strict=True):
        out.append(rest[at:gap.start()] + mark)
        at = gap.end()
    return "".join(out) + rest[at:]

