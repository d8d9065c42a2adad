"""What an office file is by its content — its first bytes and, for a package, its parts —
whatever its name says.

Offices send Word documents named .doc, macro-enabled documents (.docm) renamed .docx, files
protected by an opening password (an encrypted OOXML package is an OLE compound file holding the
streams ``EncryptionInfo`` and ``EncryptedPackage``, whatever its suffix), OpenDocument files,
"single file web pages" (MHT) saved as .doc, and web pages or PDFs under any name. The readers
ask :func:`sniff` what a file is before choosing how to read it, and :func:`is_encrypted_ole`
whether an OLE file is a password-protected package (one test for workbooks and documents).
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Final

__all__ = [
    "EMPTY", "ENCRYPTED", "MHT", "ODF_OTHER", "ODF_TEXT", "OFD", "OLE", "OOXML_OTHER", "OOXML_WORD",
    "OOXML_WORD_MACRO", "OTHER", "PDF", "RTF", "WORD_CONTENT_TYPES", "ZIP", "is_encrypted_ole", "ole_streams", "sniff",
    "text_table",
]

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC: Final = b"PK"

#: what :func:`sniff` answers
EMPTY: Final = "empty"
ENCRYPTED: Final = "encrypted"          # an OLE file holding an encrypted OOXML package
OLE: Final = "ole"                      # legacy binary Office (.doc/.xls/.wps/.et)
PDF: Final = "pdf"
RTF: Final = "rtf"
MHT: Final = "mht"                      # a "single file web page" (MIME multipart/related)
OOXML_WORD: Final = "docx"
OOXML_WORD_MACRO: Final = "docm"        # a macro-enabled Word document or template
OOXML_OTHER: Final = "ooxml"            # a workbook, a presentation …
ODF_TEXT: Final = "odt"
ODF_OTHER: Final = "odf"
OFD: Final = "ofd"                      # an OFD (GB/T 33190) fixed-layout document
ZIP: Final = "zip"                      # a zip that is no office package (or a damaged one)
OTHER: Final = "other"                  # text, HTML, anything else: read as text

#: the content types of a Word document's main part, plain and macro-enabled (document and
#: template) → whether macros are enabled
WORD_CONTENT_TYPES: Final = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": False,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": False,
    "application/vnd.ms-word.document.macroEnabled.main+xml": True,
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": True,
}
_MAIN_PART = re.compile(
    rb'<Override\b[^>]*PartName="/?word/document\.xml"[^>]*ContentType="([^"]+)"'
    rb'|<Override\b[^>]*ContentType="([^"]+)"[^>]*PartName="/?word/document\.xml"', re.IGNORECASE)
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_MIME = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\r?\n)*?(?:MIME-Version|Content-Type)\s*:", re.IGNORECASE)
_MULTIPART = re.compile(rb"Content-Type\s*:\s*multipart/related", re.IGNORECASE)


def is_encrypted_ole(path: Path, head: bytes | None = None) -> bool:
    """Whether ``path`` is an OLE compound file holding an encrypted OOXML package (a workbook or
    document protected by an opening password). Looks at the first 64 KiB and at the compound
    file's first directory sector, where the stream names are."""
    try:
        with Path(path).open("rb") as fh:
            data = head if head is not None else fh.read(1 << 16)
            if not data.startswith(OLE_MAGIC):
                return False
            if any(name in data for name in _ENCRYPTION_STREAMS):
                return True
            if len(data) < 0x34:
                return False
            sector = 1 << min(struct.unpack_from("<H", data, 0x1E)[0], 16)
            first_dir = struct.unpack_from("<I", data, 0x30)[0]
            if first_dir >= 0xFFFFFFFA:
                return False
            fh.seek((first_dir + 1) * sector)
            directory = fh.read(max(sector, 4096))
    except (OSError, struct.error):
        return False
    return any(name in directory for name in _ENCRYPTION_STREAMS)


def ole_streams(path: Path) -> frozenset[str]:
    """The names of the top-level streams of the OLE compound file at ``path`` (``WordDocument``:
    a Word 97-2003 document or a WPS 文字 file saved so; ``Workbook``/``Book``: an .xls or .et);
    empty when it cannot be read as one."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return frozenset(entry[0] for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1)
    except (OSError, ValueError, TypeError):
        return frozenset()


def sniff(path: Path) -> str:
    """What the file at ``path`` is (one of this module's kind constants), by its content."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head:
        return EMPTY
    if head.startswith(OLE_MAGIC):
        return ENCRYPTED if is_encrypted_ole(path, head) else OLE
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF-"):
        return PDF
    if stripped.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(ZIP_MAGIC):
        return _package_kind(path)
    if _MIME.match(stripped) and _MULTIPART.search(head):
        return MHT
    return OTHER


def _package_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:200].strip()
                if mimetype == b"application/vnd.oasis.opendocument.text":
                    return ODF_TEXT
                if mimetype.startswith(b"application/vnd.oasis.opendocument"):
                    return ODF_OTHER
            if any(n.lower() == "ofd.xml" for n in names):
                return OFD
            if "[Content_Types].xml" not in names:
                return ZIP
            types = zf.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return ZIP
    m = _MAIN_PART.search(types)
    if m is not None:
        content_type = (m.group(1) or m.group(2)).decode("ascii", "replace").strip().lower()
        for word_type, macros in WORD_CONTENT_TYPES.items():
            if content_type == word_type.lower():
                return OOXML_WORD_MACRO if macros else OOXML_WORD
        return OOXML_WORD  # a Word main part under some other content type: let the reader try
    return OOXML_WORD if "word/document.xml" in names else OOXML_OTHER


#: text encodings a text table from a Chinese office comes in, tried in order
_TEXT_ENCODINGS = (("utf-8", "UTF-8"), ("gb18030", "GBK"), ("utf-16", "UTF-16"))


def text_table(head: bytes) -> tuple[str, str] | None:
    """Whether ``head`` (a file's first bytes) is a text table — CSV or tab-separated values, as
    business systems export them under an .xls name: (what it is, in Chinese, and the encoding's
    name), else None."""
    if not head or head.startswith((OLE_MAGIC, ZIP_MAGIC)):
        return None
    for codec, label in _TEXT_ENCODINGS:
        data = head
        if codec == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        if codec != "utf-16" and b"\x00" in head:
            continue  # no UTF-8 or GBK text holds a NUL: UTF-16 (Excel's "Unicode 文本"), or no text
        if codec == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.start < len(data) - 4:  # not merely a character cut at the end of ``head``
                continue
            text = data[:exc.start].decode(codec)
        lines = [line for line in text.splitlines()[:20] if line.strip()]
        if not lines or text.lstrip().startswith("<"):
            return None
        for sep, kind in (("\t", "制表符分隔的文本表格"), (",", "CSV 文本表格")):
            if sum(1 for line in lines if sep in line) >= max(1, len(lines) * 2 // 3) and _rows_alike(text, sep):
                return kind, label
        return None
    return None


def _rows_alike(text: str, sep: str) -> bool:
    """Most of ``text``'s first rows that ``sep`` splits at all split into the same number of cells,
    as a table's rows do — prose written with half-width commas (a notice saved as text) splits
    into as many pieces as each sentence has clauses."""
    records = list(islice(csv.reader(io.StringIO(text, newline=""), delimiter=sep), 41))
    if len(records) > 1:
        records.pop()  # (may be cut at the end of the file's head)
    widths = [len(r) for r in records if len(r) > 1]
    if not widths:
        return False
    alike = Counter(widths).most_common(1)[0][1]
    return alike >= max(1, len(widths) * 2 // 3)
