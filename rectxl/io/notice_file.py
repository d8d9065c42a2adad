"""A published notice as text, from the files auditors actually keep it in.

A notice reaches an auditor as a Word file, as text pasted into Notepad (saved as UTF-8, GBK or
"Unicode", i.e. UTF-16), or as the web page it was published on, saved from the browser
(``.html``: Chinese government sites still serve many pages in GB2312). Each gives the text a
reader sees; a web page's data table (a ledger published as a table) is read as a .docx table
is, one line a row with its cells separated by tabs; a PDF (the notice as an office publishes
it for download) the text of its pages (:mod:`rectxl.io.pdf_read`), as an OFD (the national
fixed-layout format government sites publish in) too (:mod:`rectxl.io.ofd_read`); a Word 97-2003 ``.doc``, an
RTF or an .odt the text LibreOffice's .docx of it holds (:mod:`rectxl.io.word97`). Files that hold
no text rectxl can read — a ``.doc`` with no LibreOffice to convert it, a scanned PDF — are named
for what they are, with what to do, instead of being decoded into noise.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rectxl.core.errors import RectxlError
from rectxl.io import file_kind

__all__ = ["HTML_SUFFIXES", "decode_text", "html_text", "mht_html", "read_notice_file", "unreadable_message",
           "written_notice_text"]

#: suffixes read as a saved web page (a .txt holding HTML is recognised by its content too)
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

#: elements that end a line in a browser
_BLOCKS = ("p", "div", "br", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
           "section", "article", "center", "blockquote", "pre", "dd", "dt", "ul", "ol", "title")
#: elements whose text a reader never sees
_HIDDEN = ("script", "style", "noscript", "template", "head")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
#: what a file that holds no text rectxl reads is (by its content, :mod:`rectxl.io.file_kind`),
#: and what to do with it
_UNREADABLE = {
    file_kind.OLE: "是旧版 Word（.doc）或 WPS 文字文档，rectxl 读不出其中的文字："
                   "请在 Word 或 WPS 中“另存为” .docx 后再解析",
    file_kind.ENCRYPTED: "设有打开密码（已加密），rectxl 无法读取：请在 Word 或 WPS 中取消密码"
                         "（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx，再解析",
    file_kind.PDF: "是 PDF 文件，不是 Word 文档：请直接解析该 PDF（rectxl parse-notice 文件.pdf），"
                   "或复制通报全文另存为 .txt",
    file_kind.RTF: "是 RTF 文档：请在 Word 或 WPS 中“另存为” .docx 后再解析",
    file_kind.ODF_TEXT: "是 OpenDocument 文本（.odt，LibreOffice、WPS 等保存的开放文档格式），rectxl 不读取："
                        "请在 WPS、Word 或 LibreOffice 中“另存为” .docx 后再解析",
    file_kind.ODF_OTHER: "是 OpenDocument 表格或演示文稿，不是通报：请选择通报的 Word（.docx）或文本文件",
    file_kind.OOXML_OTHER: "是 Excel 工作簿或 PowerPoint 演示文稿，不是通报：请选择通报的 Word（.docx）或文本文件"
                           "（检查台账请用 rectxl check）",
    file_kind.ZIP: "是压缩包或已损坏的 Office 文件，不是可读取的通报：如是压缩包请先解压，再选择其中的通报文件",
    file_kind.EMPTY: "是空文件（0 字节），可能保存未完成或传输损坏：请重新获取该文件",
    file_kind.MHT: "是“单个文件网页”（.mht/.mhtml，网页存档），其中没有找到网页正文："
                   "请在浏览器或 Word 中打开后“另存为” .docx 或网页（.html）再解析",
}


def unreadable_message(path: Path, kind: str) -> str | None:
    """What to tell a user about a notice file of ``kind`` (:func:`rectxl.io.file_kind.sniff`)
    that rectxl cannot read, else ``None``."""
    what = _UNREADABLE.get(kind)
    return None if what is None else f"{path.name} {what}"


def written_notice_text(path: Path) -> str:
    """The text of a notice rectxl has just written, as far as a look for what is left to fill in
    needs it: a .docx's document part as it stands (its XML: each run's text whole, and no
    python-docx load of a long notice), a .txt or .md as written."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        import zipfile

        with zipfile.ZipFile(path) as zf:
            return zf.read("word/document.xml").decode("utf-8", "replace")
    return path.read_text(encoding="utf-8")


def read_notice_file(path: Path) -> str:
    """The text of the notice at ``path`` (.docx, a saved web page, a PDF, or plain text in UTF-8,
    GBK/GB18030 or UTF-16); :class:`~rectxl.core.errors.RectxlError` with a Chinese message for
    a file that holds no readable text.

    The reader is chosen by the file's content, not its name: a .docx (or .docm) named .doc is
    read as the Word document it is, a web page or a "single file web page" (MHT) named .doc as
    the page, and a legacy, encrypted, RTF or OpenDocument file is named for what it is."""
    path = Path(path)
    kind = file_kind.sniff(path)
    if kind in (file_kind.OOXML_WORD, file_kind.OOXML_WORD_MACRO) or (
            kind == file_kind.ZIP and path.suffix.lower() in _WORD_SUFFIXES):
        from rectxl.io.docx_read import read_notice_docx

        if path.suffix.lower() != ".docx":  # a .docx went through these guards before reading
            _guard_package(path)
        return read_notice_docx(path)
    if kind == file_kind.PDF:
        from rectxl.io.pdf_read import read_notice_pdf

        return read_notice_pdf(path)
    if kind == file_kind.OFD:
        from rectxl.io.ofd_read import read_notice_ofd

        return read_notice_ofd(path)
    if kind == file_kind.OLE:
        streams = file_kind.ole_streams(path)
        if "WordDocument" in streams:
            return _converted_text(path, "是旧版 Word（.doc）或 WPS 文字文档")
        if "Workbook" in streams or "Book" in streams:
            raise RectxlError(f"{path.name} 是 Excel 工作簿（.xls 或 WPS 表格 .et），不是通报："
                              "请选择通报的 Word 或文本文件（检查台账请用 rectxl check）")
    if kind == file_kind.MHT:
        found = mht_html(path.read_bytes())
        if found is not None:
            return html_text(found[0], path, charset=found[1])
    if kind in (file_kind.RTF, file_kind.ODF_TEXT):  # a word processor's other formats: as the .doc
        return _converted_text(path, "是 RTF 文档" if kind == file_kind.RTF else "是 OpenDocument 文本（.odt）")
    if (message := unreadable_message(path, kind)) is not None:
        raise RectxlError(message)
    raw = path.read_bytes()
    if path.suffix.lower() in HTML_SUFFIXES:
        return html_text(raw, path)
    text = _decode(raw, path)
    return html_text(raw, path) if _LOOKS_LIKE_HTML.match(text) else text


def _converted_text(path: Path, what: str) -> str:
    """The text of a notice a word processor saved in a format python-docx does not open — a Word
    97-2003 .doc as offices publish it for download (or a WPS 文字 file saved so), an RTF, an .odt
    — converted to .docx by LibreOffice (:func:`rectxl.io.word97.as_docx`) and read as one; without
    LibreOffice, the user is told that the file ``what`` (是…) and to save it as .docx."""
    from rectxl.io.docx_read import read_notice_docx
    from rectxl.io.word97 import ConversionFailed, as_docx

    try:
        with as_docx(path) as converted:
            try:
                return read_notice_docx(converted)
            except RectxlError as exc:  # the reader names the temporary copy: say it of the user's file
                raise RectxlError(str(exc).replace(converted.name, path.name)) from None
    except ConversionFailed as exc:
        raise RectxlError(f"{path.name} {what}，{exc.why}：请在 Word 或 WPS 中“另存为” .docx 后再解析") from None


#: names a damaged Word package goes by (its reader says it is damaged)
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc", ".wps")


def _guard_package(path: Path) -> None:
    """The zip guards a .docx notice passes (:func:`rectxl.io.limits.check_notice_file`), for a
    Word package under another name."""
    from rectxl.io.safety import inspect_package

    inspect_package(path)


def mht_html(raw: bytes) -> tuple[bytes, str | None] | None:
    """The HTML part of a "single file web page" (MHT: a MIME multipart/related message, as Word
    and Internet Explorer save a page) and its declared charset; ``None`` when it has none."""
    import email

    try:
        message = email.message_from_bytes(raw)
        for part in message.walk():
            if part.get_content_type() in ("text/html", "application/xhtml+xml"):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset()
    except Exception:  # a damaged archive: the caller says what it is
        return None
    return None


def decode_text(raw: bytes, path: Path = Path("文本")) -> str:
    """Plain text in UTF-16 (with its byte-order mark), UTF-8 or GB18030."""
    return _decode(raw, path)


def _decode(raw: bytes, path: Path, declared: str | None = None) -> str:
    """``raw`` as text: its byte-order mark first, then the charset a page declares, then UTF-8,
    then GB18030 (which reads GBK and GB2312)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    encodings = ["utf-8-sig", "gb18030"]
    if declared:
        name = declared.lower()
        encodings.insert(0, "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name)
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(raw) - 4:  # a file cut short inside its last character: drop it
                try:
                    return raw[: exc.start].decode(encoding)
                except UnicodeDecodeError:
                    continue
        except LookupError:
            continue
    raise RectxlError(f"{path.name} 不是 UTF-8、GBK 或 UTF-16 编码的文本，无法读取："
                      "请用记事本打开后“另存为”UTF-8 编码再解析")


def html_text(raw: bytes, path: Path = Path("网页"), *, charset: str | None = None) -> str:
    """A saved web page's text as a browser shows it: one line per paragraph, block or table
    cell, without scripts, styles or the page's ``<head>`` (``path`` names it in a message;
    ``charset`` is the one declared outside the page, by the archive or package holding it)."""
    from lxml import html

    m = _CHARSET.search(raw[:4096])
    text = _decode(raw, path, m.group(1).decode("ascii") if m else charset)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that declares an encoding
    if not text.strip():
        return ""
    doc = html.document_fromstring(text)
    for hidden in doc.xpath("|".join(f"//{tag}" for tag in _HIDDEN)):
        hidden.drop_tree()
    for table in list(doc.iter("table")):
        _table_as_rows(table)
    for element in doc.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (line.strip(" \t\r\xa0").replace(_CELL_SEP, "\t")
             for line in doc.text_content().splitlines())
    return "\n".join(line for line in lines if line)


#: stands for the tab between two cells of a table row until the page's own whitespace is gone
_CELL_SEP = "\ue000"
#: a cell holding more than this is a page laid out in a table, not a cell of a data table
_LAYOUT_CELL = 1500


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 500))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    """A cell's text on one line: its paragraphs and line breaks joined with "；" where the line
    before has no end mark (as a .docx cell is read)."""
    for element in cell.iter("br", "p", "div", "li"):
        element.tail = "\n" + (element.tail or "")
    parts: list[str] = []
    for line in cell.text_content().splitlines():
        line = " ".join(line.replace("\xa0", " ").split())
        if not line:
            continue
        if parts and not parts[-1].endswith(_CELL_ENDS):
            parts[-1] += "；"
        parts.append(line)
    return "".join(parts)


_CELL_ENDS = ("。", "；", ";", "！", "？", "：", ":", "，", ",")


def _table_as_rows(table: Any) -> None:
    """A data table of three or more columns (a ledger published as a table) becomes one line a
    row, its cells separated by tabs — as a .docx table is read and as a table copied from the
    page pastes. A cell spanning rows (``rowspan``: 序号 and 问题 over an issue's measures) is
    empty on the rows below its first, as the parser reads a merged cell; one spanning columns
    is read once. Layout tables (one or two columns, tables holding tables, a whole page in a
    cell) are left as they are."""
    if table.find(".//table") is not None:
        return
    rows = list(table.iter("tr"))
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows a cell above still covers
    for tr in rows:
        line: list[str] = []
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                line.append("")
                col += 1
            text = _cell_text(cell)
            if len(text) > _LAYOUT_CELL:
                return
            line.append(text)
            down = _span(cell, "rowspan") - 1
            for c in range(col, col + _span(cell, "colspan")):
                if down:
                    pending[c] = down
            col += _span(cell, "colspan")
        while pending.get(col, 0) > 0:
            pending[col] -= 1
            line.append("")
            col += 1
        grid.append(line)
    if len(grid) < 2 or max(len(r) for r in grid) < 3:
        return
    from lxml import html

    block = html.Element("div")
    block.text = "\n".join(_CELL_SEP.join(r) for r in grid if any(r))
    block.tail = table.tail
    table.getparent().replace(table, block)
