"""A notice published as an OFD: the text a reader sees, page after page.

Government sites publish many notices as OFD (GB/T 33190, the national fixed-layout format): a zip of
XML parts. ``OFD.xml`` names the document's root part (``DocBody/DocRoot``, "Doc_0/Document.xml");
the document lists its pages in order (``Pages/Page@BaseLoc``, "Pages/Page_0/Content.xml"); each page
draws its text as ``TextObject`` elements — a box (``Boundary``: x y width height, in millimetres, y
growing down the page), a size, perhaps a transformation (``CTM``) — holding ``TextCode`` runs, each
set from (``X``, ``Y``: its baseline, inside the box) with the advance of each character after the
first (``DeltaX``, "g 3 5.2" standing for three advances of 5.2), and its rules as ``PathObject``
elements (a table's borders: "M 0 0 L 150 0").

The words are then read as a PDF's are (:func:`rectxl.io.pdf_tables.placed_lines`, in points, y
growing up): a ruled table a row a line, a paragraph's lines wrapped at the right margin or over a
page break joined again (:func:`rectxl.io.pdf_read.joined_pages`) — whether the writer set a line as
one object or in pieces (a font change, a figure in its Latin font). Text set at an angle (a seal's
ring of words) and the pages' templates (a running head, the page numbers) are left out.

An OFD with no text (a scan), and a damaged one, are named for what they are, with what to do.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width

from rectxl.core.errors import RectxlError
from rectxl.io.pdf_read import MAX_PDF_PAGES, joined_pages
from rectxl.io.pdf_tables import PdfLine, placed_lines

__all__ = ["read_notice_ofd"]

#: points per millimetre (OFD measures in millimetres, the PDF reader's thresholds in points)
_PT = 72 / 25.4
#: the most bytes of one page's content read (a page of text is some tens of KB)
_MAX_PART = 32 << 20
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def read_notice_ofd(path: Path) -> str:
    """The text of the notice OFD at ``path``, page after page; :class:`RectxlError` with a
    Chinese message for one that holds no text rectxl can read."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as zf:
            pages = [_page_lines(zf, part) for part in _page_parts(zf, name)]
    except RectxlError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError, EOFError, RecursionError,
            ArithmeticError):
        raise RectxlError(f"{name} 是已损坏或不完整的 OFD 文件，rectxl 读不出其中的文字：请重新下载，"
                          "或用数科、福昕等 OFD 阅读器打开后复制全文另存为 .txt 再解析") from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise RectxlError(f"{name} 是 OFD 文件，但其中没有可以提取的文字（可能是扫描件或图片）："
                          "请找到通报的网页或 Word 版本，或将全文录入另存为 .txt 后再解析")
    return joined_pages(pages)


def _xml(zf: zipfile.ZipFile, part: str) -> Any:
    """The parsed XML part ``part`` (no DTD, no entities, no network)."""
    from lxml import etree

    info = zf.getinfo(part)
    if info.file_size > _MAX_PART:
        raise ValueError(part)
    with zf.open(info) as fh:
        data = fh.read(_MAX_PART + 1)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True,
                             remove_comments=True, remove_pis=True)
    root = etree.fromstring(data, parser)
    if root is None:
        raise ValueError(part)
    return root


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    return [e for e in element if _local(e) == name]


def _first(element: Any, *path: str) -> Any:
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    return element


def _resolve(names: dict[str, str], base: str, loc: str) -> str:
    """The zip member a location names: from the package's root when it starts with "/", else from
    the folder of the part ``base`` (and, as some writers mean it, from the root); any case."""
    loc = loc.strip().replace("\\", "/")
    tries = [loc.lstrip("/")] if loc.startswith("/") else [
        posixpath.normpath(posixpath.join(posixpath.dirname(base), loc)), posixpath.normpath(loc)]
    for candidate in tries:
        if (found := names.get(candidate.lower())) is not None:
            return found
    raise KeyError(loc)


def _page_parts(zf: zipfile.ZipFile, name: str) -> list[str]:
    """The content parts of the first document's pages, in the document's order."""
    names = {n.lower(): n for n in zf.namelist()}
    entry = names.get("ofd.xml")
    if entry is None:
        raise KeyError("OFD.xml")
    body = _first(_xml(zf, entry), "DocBody", "DocRoot")
    if body is None or not (body.text or "").strip():
        raise KeyError("DocRoot")
    document = _resolve(names, entry, body.text)
    pages = _first(_xml(zf, document), "Pages")
    listed = _children(pages, "Page") if pages is not None else []
    parts = [_resolve(names, document, p.get("BaseLoc", "")) for p in listed if p.get("BaseLoc")]
    if len(parts) > MAX_PDF_PAGES:
        raise RectxlError(f"{name} 有 {len(parts)} 页，远多于一份通报：请确认选对了文件")
    return parts


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _advances(text: str | None) -> list[float]:
    """A ``DeltaX`` list with its "g count value" runs written out; empty when it cannot be read
    (the run's width is then estimated, its text kept)."""
    out: list[float] = []
    tokens = (text or "").split()
    k = 0
    try:
        while k < len(tokens):
            if tokens[k] == "g" and k + 2 < len(tokens):
                out += [float(tokens[k + 2])] * min(int(float(tokens[k + 1])), 10_000)
                k += 3
            else:
                out.append(float(tokens[k]))
                k += 1
    except (ValueError, ArithmeticError):  # a stray word, or a count of inf or 1e400
        return []
    return out


def _page_lines(zf: zipfile.ZipFile, part: str) -> list[PdfLine]:
    """The page's lines top to bottom (:func:`~rectxl.io.pdf_tables.placed_lines`)."""
    root = _xml(zf, part)
    content = _first(root, "Content")
    if content is None:
        return []
    words: list[tuple[float, float, float, str, float | None]] = []
    rules: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for element in content.iter():
        kind = _local(element)
        if kind == "TextObject":
            words += _text_words(element)
        elif kind == "PathObject" and element.get("Stroke", "true").strip().lower() != "false":
            rules += _path_rules(element)
    return placed_lines(words, rules)


def _origin(element: Any) -> tuple[float, float]:
    box = _numbers(element.get("Boundary"))
    return (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)


def _text_words(element: Any) -> list[tuple[float, float, float, str, float | None]]:
    """The runs of a ``TextObject`` as words in points (y up the page); none when it is set at an
    angle (a seal's words) or vertically."""
    ox, oy = _origin(element)
    ctm = _numbers(element.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        return []
    size = (_numbers(element.get("Size")) or [0.0])[0] or 3.5
    out: list[tuple[float, float, float, str, float | None]] = []
    x = y = 0.0
    for code in _children(element, "TextCode"):
        text = (code.text or "").replace("\n", "").replace("\r", "")
        if code.get("DeltaY"):
            return []  # set down the page
        x = (_numbers(code.get("X")) or [x])[0]
        y = (_numbers(code.get("Y")) or [y])[0]
        if not text.strip():
            continue
        steps = _advances(code.get("DeltaX"))[:max(len(text) - 1, 0)]
        width = None
        if steps and len(steps) == len(text) - 1:  # and the last character's own advance: an em or half one
            width = (sum(steps) + (size if east_asian_width(text[-1]) in "WFA" else size / 2)) * a
        out.append(((ox + a * x + e) * _PT, -(oy + d * y + f) * _PT, size * a * _PT, text,
                    None if width is None else width * _PT))
    return out


def _path_rules(element: Any) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments a ``PathObject`` draws (its ``AbbreviatedData``: M, L, C/Z), in points."""
    ox, oy = _origin(element)
    data = _first(element, "AbbreviatedData")
    if data is None:
        return []
    tokens = (data.text or "").split()
    out: list[tuple[tuple[float, float], tuple[float, float]]] = []
    start = point = (0.0, 0.0)
    k = 0

    def at(i: int) -> tuple[float, float]:
        return ((ox + float(tokens[i])) * _PT, -(oy + float(tokens[i + 1])) * _PT)

    try:
        while k < len(tokens):
            op = tokens[k]
            if op in ("M", "S") and k + 2 < len(tokens):
                start = point = at(k + 1)
                k += 3
            elif op == "L" and k + 2 < len(tokens):
                nxt = at(k + 1)
                out.append((point, nxt))
                point = nxt
                k += 3
            elif op == "C":
                out.append((point, start))
                point = start
                k += 1
            else:  # curves and arcs draw no rule: skip the operator
                k += 1
    except (ValueError, ArithmeticError):
        pass  # a stray word in the path ("150pt"): the rules drawn before it; the text is read all the same
    return out
