"""Write a source-only VBA project (the streams of ``xl/vbaProject.bin``), per [MS-OVBA].

This module produces the *content* of a VBA project storage: the compressed ``dir`` stream,
one compressed module stream per module, the ``_VBA_PROJECT`` stream, and the ``PROJECT``
and ``PROJECTwm`` streams. :mod:`rectxl.addin.cfb` packs them into the compound file.
Section numbers below refer to [MS-OVBA] (Office VBA File Format Structure), v20240416 and
later; the section titles are quoted so they can be found in any revision.

What is implemented
-------------------
* §2.4.1 "Compression" / "Decompression": :func:`compress` follows the pseudocode of
  §2.4.1.3.6–2.4.1.3.19 (including the "Matching" rule of §2.4.1.3.19.4: longest match,
  nearest candidate on ties) with a hash index over 3-byte prefixes that only skips
  candidates which cannot reach the minimum match length, so the output is byte-identical
  to the plain quadratic algorithm (checked against the worked examples of §3.2.1–§3.2.3
  in ``tests/test_addin_build.py``). :func:`decompress` follows §2.4.1.3.1–2.4.1.3.5.
* §2.3.4.2 "dir Stream": PROJECTINFORMATION, an empty PROJECTREFERENCES, PROJECTMODULES.
* §2.3.4.3 "Module Stream": MODULEOFFSET is 0, i.e. the stream is the compressed source
  only, with no PerformanceCache in front of it.
* §2.3.4.1 "_VBA_PROJECT Stream": the 7-byte header of the §3.1.1 example,
  ``CC 61 FF FF 00 01 00`` — Version 0xFFFF ("MUST be 0xFFFF on write") and no
  PerformanceCache ("MUST NOT be present on write").
* §2.3.1 "PROJECT Stream" (text) and §2.3.3 "PROJECTwm Stream" (name map).
* §2.4.3 "Data Encryption" for the CMG/DPB/GC lines of the PROJECT stream (an unprotected,
  visible project), with a fixed seed so the output is reproducible.

The performance-cache decision (why "source only")
--------------------------------------------------
Office stores, before each module's compressed source, a compiled "PerformanceCache"
whose format is undocumented and version-specific, and a version number in
``_VBA_PROJECT``. Three ways to write a project without Excel were considered:

1. *Spec-only* (chosen): ``_VBA_PROJECT`` version 0xFFFF, no caches, MODULEOFFSET 0. This is
   exactly what §2.3.4.1 prescribes for writers ("Version ... MUST be 0xFFFF on write";
   PerformanceCache "MUST NOT be present on write"), and §1.6 ("Versioning and
   Localization") says why: the caches are used only when the version matches the one of the
   running Office, and "To be interoperable, this version number MUST be set to 0xFFFF so
   that performance caches are ignored." Evidence that real Excel accepts this form for the
   module that matters: the xlwings add-in itself. ``xlwings/addin/xlwings.xlam`` (xlwings
   0.37.8, in this venv) has a 7-byte ``_VBA_PROJECT`` = ``CC 61 FF FF 00 01 00`` and its
   ``Main`` module — the one that defines ``RunPython``, which our buttons call — has
   MODULEOFFSET 0 (source only). The same holds for the ``xlwings`` module of
   ``quickstart_standalone.xlsm``. xlwings builds these files without Excel (Aspose.Cells,
   ``scripts/build_excel_files.py`` in the xlwings repository), and they are what every
   xlwings user runs, on Windows and macOS. LibreOffice's VBA exporter
   (``oox/source/ole/vbaexport.cxx``) and NetOfficeFw/vbamc write the same form.
2. *Self-consistent empty cache* (rejected): the Rust crate visi-core (``vba_synth.rs``)
   reports that real Excel parsed its module prefixes and silently dropped modules whose
   prefix it did not expect, and so it synthesises a zero-line cache at reverse-engineered
   offsets. But visi-core writes ``_VBA_PROJECT`` with Version 0x00DF, i.e. it *claims* a
   real VBA version, which is precisely the case in which Excel trusts the caches; with
   0xFFFF the caches are ignored by design. A hand-made cache relies on an undocumented
   layout and would be wrong the day Office changes it. visi-core also reports (``ovba.rs``)
   that Excel dropped modules whose compressed chunks were "raw" (flag 0) or literal-only;
   :func:`compress` uses real matches like Office does, and the build checks that no raw
   chunk is emitted (see :func:`chunk_flags`).
3. *Donor project* (rejected): copying an Excel-written ``vbaProject.bin`` (e.g. from
   xlwings) brings version-specific caches, references and a foreign project id, and makes
   the build depend on a binary blob nobody can review.

Residual risk: in the xlwings files the *document* modules (``ThisWorkbook``, sheets) still
carry Excel's caches; ours are source-only like the standard module. The precedent for
source-only document modules is LibreOffice's exporter, not an Excel-tested file here.

Document modules: the project contains ``ThisWorkbook`` and ``Sheet1`` (MODULETYPE 0x0022,
``Document=`` lines in PROJECT) matching ``<workbookPr codeName="ThisWorkbook"/>`` and the
sheet's ``codeName`` in the package, because every workbook Excel writes has them and the
code names in the workbook part refer to them. They contain only the attribute lines Excel
writes for an empty document module.

What is verified here and what is not
-------------------------------------
Verified by the tests (no Excel available): the compression matches the spec examples and
round-trips through oletools' independent decompressor; olefile opens the compound file
with no defect at ``DEFECT_INCORRECT`` level; oletools' ``olevba`` extracts exactly the
module sources; LibreOffice (an independent MS-OVBA reader) imports the modules with their
code, compiles the module in its VBA compatibility mode and runs its message functions
(``U``/``ChrW``), which return the expected Chinese text. *Not* verified: that desktop
Excel (Windows or Mac) loads the project, compiles it, shows the ribbon and runs the
callbacks. That needs a manual check in Excel (docs/excel.md lists it).
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "DEFAULT_CODEPAGE",
    "VBA_PROJECT_STREAM",
    "Module",
    "ModuleKind",
    "VbaProject",
    "build_dir_stream",
    "build_module_stream",
    "build_project_stream",
    "build_projectwm_stream",
    "chunk_flags",
    "compress",
    "decompress",
    "decrypt_project_data",
    "encrypt_project_data",
    "excel_project",
    "normalize_source",
    "project_streams",
]

#: Code page of the project (PROJECTCODEPAGE). 936 (GBK) is what Excel writes on Chinese
#: Windows. The module sources are kept pure ASCII (Chinese text is built with ChrW at run
#: time), so the choice only matters for names, which are ASCII too.
DEFAULT_CODEPAGE = 936

#: §2.3.4.1 / §3.1.1: Reserved1 0x61CC, Version 0xFFFF, Reserved2 0x00, Reserved3 0x0001,
#: no PerformanceCache.
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")

_CHUNK = 4096  # decompressed bytes per chunk (§2.4.1.1.4)
_MAX_CHUNK = 4098  # compressed chunk size limit incl. its 2-byte header (§2.4.1.1.4)

# Document module attributes as Excel writes them (VB_Base names the host class:
# 00020819 = Workbook, 00020820 = Worksheet).
_DOC_ATTRIBUTES = (
    "Attribute VB_GlobalNameSpace = False\r\n"
    "Attribute VB_Creatable = False\r\n"
    "Attribute VB_PredeclaredId = True\r\n"
    "Attribute VB_Exposed = True\r\n"
    "Attribute VB_TemplateDerived = False\r\n"
    "Attribute VB_Customizable = True\r\n"
)
WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"


# ---------------------------------------------------------------------------------------
# §2.4.1 Compression
# ---------------------------------------------------------------------------------------


def _copy_token_help(difference: int) -> tuple[int, int]:
    """§2.4.1.3.19.1 CopyToken Help: return (bit_count, maximum_length)."""
    bit_count = max((difference - 1).bit_length(), 4)
    length_mask = 0xFFFF >> bit_count
    return bit_count, length_mask + 3


def _compress_chunk(chunk: bytes) -> bytes:
    """§2.4.1.3.7 Compressing a DecompressedChunk; returns header + data."""
    end = len(chunk)
    out = bytearray(b"\x00\x00")
    pos = 0
    # Index of 3-byte prefixes seen so far: prefix -> positions (ascending).
    index: dict[bytes, list[int]] = {}
    indexed = 0
    overflow = False
    while pos < end and not overflow:
        flag_at = len(out)
        out.append(0)
        flag = 0
        for bit in range(8):
            if pos >= end:
                break
            while indexed < pos:
                if indexed + 3 <= end:
                    index.setdefault(chunk[indexed : indexed + 3], []).append(indexed)
                indexed += 1
            best_len = 0
            best_cand = 0
            if pos + 3 <= end:
                limit = end - pos
                # Nearest candidate first; only a strictly longer match replaces the best,
                # exactly as the spec's downward scan from DecompressedCurrent - 1.
                for cand in reversed(index.get(chunk[pos : pos + 3], ())):
                    length = 3
                    while length < limit and chunk[cand + length] == chunk[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_cand = length, cand
                        if length == limit:
                            break
            if best_len >= 3:
                if len(out) + 1 >= _MAX_CHUNK:
                    overflow = True
                    break
                bit_count, max_len = _copy_token_help(pos)
                length = min(best_len, max_len)
                offset = pos - best_cand
                token = ((offset - 1) << (16 - bit_count)) | (length - 3)
                out += struct.pack("<H", token)
                flag |= 1 << bit
                pos += length
            else:
                if len(out) >= _MAX_CHUNK:
                    overflow = True
                    break
                out.append(chunk[pos])
                pos += 1
        out[flag_at] = flag
    if pos < end:
        # §2.4.1.3.10: a raw chunk holds exactly 4096 bytes; a short final chunk cannot be
        # stored raw without changing the decompressed length.
        if end != _CHUNK:
            raise ValueError("final chunk is incompressible and shorter than 4096 bytes")
        return struct.pack("<H", 0x3000 | (_CHUNK + 2 - 3)) + chunk
    header = 0x8000 | 0x3000 | (len(out) - 3)
    out[0:2] = struct.pack("<H", header)
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress *data* into a CompressedContainer (§2.4.1.1.1, §2.4.1.3.6)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), _CHUNK):
        out += _compress_chunk(data[start : start + _CHUNK])
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Decompress a CompressedContainer (§2.4.1.3.1 Decompression Algorithm)."""
    if not container or container[0] != 0x01:
        raise ValueError("not a compressed container (signature byte must be 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise ValueError("truncated chunk header")
        (header,) = struct.unpack_from("<H", container, pos)
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0x7 != 0b011:
            raise ValueError(f"bad chunk signature at offset {pos}")
        chunk_end = min(pos + size, len(container))
        data_pos = pos + 2
        start = len(out)
        if not header & 0x8000:
            out += container[data_pos : data_pos + _CHUNK]
        else:
            while data_pos < chunk_end:
                flag = container[data_pos]
                data_pos += 1
                for bit in range(8):
                    if data_pos >= chunk_end:
                        break
                    if not flag & (1 << bit):
                        out.append(container[data_pos])
                        data_pos += 1
                        continue
                    if data_pos + 2 > chunk_end:
                        raise ValueError("truncated copy token")
                    (token,) = struct.unpack_from("<H", container, data_pos)
                    data_pos += 2
                    bit_count, _ = _copy_token_help(len(out) - start)
                    length = (token & (0xFFFF >> bit_count)) + 3
                    offset = (token >> (16 - bit_count)) + 1
                    src = len(out) - offset
                    if src < start:
                        raise ValueError("copy token points before the chunk start")
                    for i in range(length):
                        out.append(out[src + i])
        pos += size
    return bytes(out)


def chunk_flags(container: bytes) -> list[bool]:
    """Return the CompressedChunkFlag of every chunk of *container* (True = compressed)."""
    flags = []
    pos = 1
    while pos < len(container):
        (header,) = struct.unpack_from("<H", container, pos)
        flags.append(bool(header & 0x8000))
        pos += (header & 0x0FFF) + 3
    return flags


# ---------------------------------------------------------------------------------------
# §2.4.3 Data Encryption (PROJECT stream CMG / DPB / GC values)
# ---------------------------------------------------------------------------------------


def encrypt_project_data(data: bytes, project_id: str, seed: int = 0x5A) -> str:
    """§2.4.3.2 Encryption of *data* for the PROJECT stream; returns the hex text.

    *project_id* is the ``{GUID}`` text of the ProjectId line; its byte sum is the
    project key. The ignored bytes are written as 0x00; with a fixed *seed* the result is
    reproducible.
    """
    version = 2
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    out = [seed, version ^ seed, proj_key ^ seed]
    unencrypted_1 = proj_key
    encrypted_1 = proj_key ^ seed
    encrypted_2 = version ^ seed

    def emit(byte: int) -> None:
        nonlocal unencrypted_1, encrypted_1, encrypted_2
        byte_enc = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(byte_enc)
        encrypted_2 = encrypted_1
        encrypted_1 = byte_enc
        unencrypted_1 = byte

    for _ in range((seed & 6) // 2):
        emit(0x00)
    for byte in struct.pack("<I", len(data)):
        emit(byte)
    for byte in data:
        emit(byte)
    return "".join(f"{b:02X}" for b in out)


def decrypt_project_data(text: str) -> bytes:
    """§2.4.3.3 Decryption of a CMG / DPB / GC value; returns the plain data."""
    enc = bytes.fromhex(text)
    seed, version_enc, proj_key_enc = enc[0], enc[1], enc[2]
    if version_enc ^ seed != 2:
        raise ValueError("unknown encryption version")
    proj_key = proj_key_enc ^ seed
    unencrypted_1 = proj_key
    encrypted_1 = proj_key_enc
    encrypted_2 = version_enc
    pos = 3

    def take() -> int:
        nonlocal pos, unencrypted_1, encrypted_1, encrypted_2
        byte_enc = enc[pos]
        pos += 1
        byte = byte_enc ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        encrypted_2 = encrypted_1
        encrypted_1 = byte_enc
        unencrypted_1 = byte
        return byte

    for _ in range((seed & 6) // 2):
        take()
    length = struct.unpack("<I", bytes(take() for _ in range(4)))[0]
    return bytes(take() for _ in range(length))


# ---------------------------------------------------------------------------------------
# The project model
# ---------------------------------------------------------------------------------------


class ModuleKind(Enum):
    """Module types of the dir stream (§2.3.4.2.3.2.8 MODULETYPE)."""

    PROCEDURAL = 0x0021  # a standard module (.bas)
    DOCUMENT = 0x0022  # ThisWorkbook / sheet modules (also class modules)


@dataclass(frozen=True)
class Module:
    """One module: its name and full source (including its ``Attribute`` lines)."""

    name: str
    source: str
    kind: ModuleKind = ModuleKind.PROCEDURAL

    @classmethod
    def from_bas(cls, text: str) -> Module:
        """Read a ``.bas`` export: the first line must be ``Attribute VB_Name = "..."``."""
        source = normalize_source(text)
        first = source.split("\r\n", 1)[0]
        prefix = 'Attribute VB_Name = "'
        if not (first.startswith(prefix) and first.endswith('"')):
            raise ValueError('a .bas file must start with: Attribute VB_Name = "<name>"')
        return cls(first[len(prefix) : -1], source)

    @classmethod
    def document(cls, name: str, base: str) -> Module:
        """An empty document module (``ThisWorkbook``/sheet) as Excel writes it."""
        source = f'Attribute VB_Name = "{name}"\r\nAttribute VB_Base = "{base}"\r\n'
        return cls(name, source + _DOC_ATTRIBUTES, ModuleKind.DOCUMENT)


@dataclass(frozen=True)
class VbaProject:
    """A VBA project: name, modules (in dir-stream order) and code page."""

    name: str
    modules: tuple[Module, ...]
    codepage: int = DEFAULT_CODEPAGE
    #: PROJECTVERSION values; any value is valid (§2.3.4.2.1.11), these are the ones
    #: LibreOffice's exporter writes.
    version_major: int = 1467127224
    version_minor: int = 5

    @property
    def project_id(self) -> str:
        """The ProjectId GUID, derived from the project and module names (reproducible)."""
        key = "rectxl-vba:" + self.name + ":" + ",".join(m.name for m in self.modules)
        return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, key)).upper() + "}"

    @property
    def encoding(self) -> str:
        """Python codec of :attr:`codepage`."""
        return f"cp{self.codepage}"


def normalize_source(text: str) -> str:
    """Normalise line endings to CRLF (how VBA stores source) and end with one CRLF."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return "\r\n".join(lines) + "\r\n"


# ---------------------------------------------------------------------------------------
# §2.3.4.2 dir stream
# ---------------------------------------------------------------------------------------


def _rec(rec_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", rec_id, len(data)) + data


def _rec_pair(rec_id: int, data: bytes, reserved: int, unicode: bytes) -> bytes:
    """A record with an MBCS part and a Unicode part (DOCSTRING, STREAMNAME, ...)."""
    return _rec(rec_id, data) + struct.pack("<HI", reserved, len(unicode)) + unicode


def build_dir_stream(project: VbaProject) -> bytes:
    """The *uncompressed* dir stream (§2.3.4.2) of *project*."""
    enc = project.encoding
    out = bytearray()
    # PROJECTINFORMATION (§2.3.4.2.1). PROJECTCOMPATVERSION is optional and omitted.
    out += _rec(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: 32-bit Windows
    out += _rec(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID (MUST be 0x409)
    out += _rec(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE (MUST be 0x409)
    out += _rec(0x0003, struct.pack("<H", project.codepage))  # PROJECTCODEPAGE
    out += _rec(0x0004, project.name.encode(enc))  # PROJECTNAME
    out += _rec_pair(0x0005, b"", 0x0040, b"")  # PROJECTDOCSTRING
    out += _rec_pair(0x0006, b"", 0x003D, b"")  # PROJECTHELPFILEPATH
    out += _rec(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _rec(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    # PROJECTVERSION: Reserved (4) is 0x00000004, then VersionMajor (4), VersionMinor (2).
    out += struct.pack("<HIIH", 0x0009, 4, project.version_major, project.version_minor)
    out += _rec_pair(0x000C, b"", 0x003C, b"")  # PROJECTCONSTANTS
    # PROJECTREFERENCES (§2.3.4.2.2): none. VBA and the host (Excel) libraries are
    # implicit; the module declares its ribbon argument As Object, so it needs no
    # reference to the Office type library.
    # PROJECTMODULES (§2.3.4.2.3)
    out += _rec(0x000F, struct.pack("<H", len(project.modules)))
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE: 0xFFFF on write
    for module in project.modules:
        name = module.name.encode(enc)
        name_u = module.name.encode("utf-16-le")
        out += _rec(0x0019, name)  # MODULENAME
        out += _rec(0x0047, name_u)  # MODULENAMEUNICODE
        out += _rec_pair(0x001A, name, 0x0032, name_u)  # MODULESTREAMNAME
        out += _rec_pair(0x001C, b"", 0x0048, b"")  # MODULEDOCSTRING
        out += _rec(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: no PerformanceCache
        out += _rec(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE: 0xFFFF on write
        out += struct.pack("<HI", module.kind.value, 0)  # MODULETYPE
        out += struct.pack("<HI", 0x002B, 0)  # Terminator
    out += struct.pack("<HI", 0x0010, 0)  # dir stream Terminator
    return bytes(out)


def build_module_stream(module: Module, codepage: int = DEFAULT_CODEPAGE) -> bytes:
    """§2.3.4.3 Module Stream: the compressed source, no PerformanceCache (offset 0)."""
    return compress(module.source.encode(f"cp{codepage}"))


# ---------------------------------------------------------------------------------------
# §2.3.1 PROJECT stream and §2.3.3 PROJECTwm stream
# ---------------------------------------------------------------------------------------


def build_project_stream(project: VbaProject) -> bytes:
    """The PROJECT stream text (§2.3.1) of an unprotected, visible project."""
    pid = project.project_id
    cmg = encrypt_project_data(bytes(4), pid)
    dpb = encrypt_project_data(bytes(1), pid, seed=0x3C)
    gc = encrypt_project_data(bytes([0xFF]), pid, seed=0x1E)
    lines = [f'ID="{pid}"']
    for module in project.modules:
        if module.kind is ModuleKind.DOCUMENT:
            lines.append(f"Document={module.name}/&H00000000")
        else:
            lines.append(f"Module={module.name}")
    lines += [
        f'Name="{project.name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        # §2.3.1.15-17: protection state 0 (none), no password, visible (0xFF).
        f'CMG="{cmg}"',
        f'DPB="{dpb}"',
        f'GC="{gc}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in project.modules]
    return ("\r\n".join(lines) + "\r\n").encode(project.encoding)


def build_projectwm_stream(project: VbaProject) -> bytes:
    """§2.3.3 PROJECTwm: each module name in MBCS and UTF-16, then a 0x0000 terminator."""
    out = bytearray()
    for module in project.modules:
        out += module.name.encode(project.encoding) + b"\x00"
        out += module.name.encode("utf-16-le") + b"\x00\x00"
    out += b"\x00\x00"
    return bytes(out)


def project_streams(project: VbaProject) -> dict[str, bytes]:
    """All streams of the VBA project storage, keyed by their path in the compound file."""
    _check_names(m.name for m in project.modules)
    streams = {
        "PROJECT": build_project_stream(project),
        "PROJECTwm": build_projectwm_stream(project),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(build_dir_stream(project)),
    }
    for module in project.modules:
        streams[f"VBA/{module.name}"] = build_module_stream(module, project.codepage)
    return streams


def _check_names(names: Iterable[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if not name or len(name) > 31 or not name.isascii() or not name.isidentifier():
            raise ValueError(f"invalid module name: {name!r}")
        if name.upper() in seen or name.upper() in {"DIR", "_VBA_PROJECT"}:
            raise ValueError(f"duplicate or reserved module name: {name!r}")
        seen.add(name.upper())


def excel_project(
    name: str, modules: Sequence[Module], sheet_code_names: Sequence[str]
) -> VbaProject:
    """A project as Excel lays it out: ``ThisWorkbook``, the sheet modules, then *modules*."""
    docs = [Module.document("ThisWorkbook", WORKBOOK_BASE)]
    docs += [Module.document(code, WORKSHEET_BASE) for code in sheet_code_names]
    return VbaProject(name, (*docs, *modules))
