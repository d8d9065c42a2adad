"""Tests of the Excel add-in build: MS-OVBA writer, compound file, package, ribbon, VBA.

What these tests can check without Excel: the compression against [MS-OVBA] §3.2 and an
independent decompressor (oletools); the compound file against olefile in strict mode;
the VBA sources as olevba and LibreOffice read them back; the ribbon XML against an
allow-list taken from the published customUI 2009/07 schema. Whether desktop Excel loads
the project and runs the callbacks is not checked here (see docs/excel.md).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import olefile
import pytest
from oletools.olevba import VBA_Parser, decompress_stream

from rectxl.addin import build_addin, build_addin_bytes
from rectxl.addin.build import CUSTOMUI_NS, PROJECT_NAME, build_vba_project, default_output
from rectxl.addin.cfb import write_compound_file
from rectxl.addin.ovba import (
    VBA_PROJECT_STREAM,
    Module,
    build_dir_stream,
    chunk_flags,
    compress,
    decompress,
    decrypt_project_data,
    encrypt_project_data,
    excel_project,
    normalize_source,
)
from rectxl.addin.ribbon_preview import render_ribbon_svg

ROOT = Path(__file__).resolve().parents[1]
MACROS = ROOT / "macros"
BAS = MACROS / "rectxl.bas"
CUSTOMUI = MACROS / "customUI14.xml"
NS = "{" + CUSTOMUI_NS + "}"


@pytest.fixture(scope="module")
def addin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_addin(MACROS, tmp_path_factory.mktemp("addin") / "rectxl.xlam")


@pytest.fixture(scope="module")
def vba_bin(addin: Path) -> bytes:
    with zipfile.ZipFile(addin) as archive:
        return archive.read("xl/vbaProject.bin")


# --------------------------------------------------------------------------------------
# MS-OVBA §2.4.1 compression
# --------------------------------------------------------------------------------------

# [MS-OVBA] §3.2.1 "No Compression Example", §3.2.2 "Normal Compression Example" and
# §3.2.3 "Maximum Compression Example", verbatim (uncompressed text, compressed bytes).
SPEC_EXAMPLES = [
    (
        b"abcdefghijklmnopqrstuv.",
        "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
    ),
    (
        b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
        "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C "
        "00 20 6D 6E 6F 70 06 71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
    ),
    (
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "01 03 B0 02 61 45 00",
    ),
]


@pytest.mark.parametrize(("raw", "hexed"), SPEC_EXAMPLES)
def test_compression_matches_spec_examples(raw: bytes, hexed: str) -> None:
    expected = bytes.fromhex(hexed)
    assert compress(raw) == expected
    assert decompress(expected) == raw
    assert bytes(decompress_stream(bytearray(expected))) == raw


def _reference_compress(data: bytes) -> bytes:
    """The §2.4.1.3 pseudocode, literally (quadratic matching), to check the fast one."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), 4096):
        chunk = data[start : start + 4096]
        body = bytearray(b"\x00\x00")
        pos = 0
        while pos < len(chunk):
            flag_at = len(body)
            body.append(0)
            for bit in range(8):
                if pos >= len(chunk):
                    break
                best_len, best_cand = 0, 0
                for cand in range(pos - 1, -1, -1):
                    length = 0
                    while pos + length < len(chunk) and chunk[cand + length] == chunk[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_cand = length, cand
                if best_len >= 3:
                    bits = max((pos - 1).bit_length(), 4)
                    length = min(best_len, (0xFFFF >> bits) + 3)
                    token = ((pos - best_cand - 1) << (16 - bits)) | (length - 3)
                    body += struct.pack("<H", token)
                    body[flag_at] |= 1 << bit
                    pos += length
                else:
                    body.append(chunk[pos])
                    pos += 1
        assert len(body) <= 4098  # the inputs below always compress
        body[0:2] = struct.pack("<H", 0xB000 | (len(body) - 3))
        out += body
    return bytes(out)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"a",
        b"ab" * 300,
        b'Attribute VB_Name = "x"\r\n' + b"Sub A()\r\nEnd Sub\r\n" * 40,
        bytes(range(256)) * 3 + b"abcabcabcabd" * 20,
    ],
)
def test_fast_matching_equals_spec_pseudocode(raw: bytes) -> None:
    assert compress(raw) == _reference_compress(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"x",
        b"abc" * 1365 + b"a",  # exactly 4096 bytes: one full chunk
        b"abc" * 1366,  # 4098 bytes: a second chunk of 2 bytes
        b"Sub Foo()\r\n    MsgBox 1\r\nEnd Sub\r\n" * 500,  # several chunks
        BAS.read_bytes(),
        os.urandom(9000),  # incompressible full chunks are stored raw
    ],
)
def test_compression_round_trips_through_oletools(raw: bytes) -> None:
    packed = compress(raw)
    assert bytes(decompress_stream(bytearray(packed))) == raw
    assert decompress(packed) == raw


def _no_repeated_triples(size: int) -> bytes:
    """Deterministic bytes in which no 3-byte sequence occurs twice (nothing to match)."""
    rng = random.Random(20240416)
    out = bytearray(rng.randbytes(2))
    seen: set[bytes] = set()
    while len(out) < size:
        byte = rng.randrange(256)
        triple = bytes(out[-2:]) + bytes([byte])
        if triple not in seen:
            seen.add(triple)
            out.append(byte)
    return bytes(out)


def test_short_incompressible_final_chunk_is_refused() -> None:
    # Literal-only, 4000 bytes need 4000 + 500 flag bytes > 4098, and a raw chunk always
    # decompresses to 4096 bytes, so a short final chunk like this cannot be written.
    data = _no_repeated_triples(4000)
    with pytest.raises(ValueError, match="incompressible"):
        compress(data)


# --------------------------------------------------------------------------------------
# MS-OVBA §2.4.3 encryption of the PROJECT stream protection values
# --------------------------------------------------------------------------------------


def test_project_encryption_round_trips() -> None:
    pid = "{318BEE36-5BE1-492A-826D-473DB19B0F30}"
    for seed in range(256):
        assert decrypt_project_data(encrypt_project_data(bytes(4), pid, seed)) == bytes(4)
    # Values written by Excel in xlwings' quickstart add-in (project id above): an
    # unprotected project (CMG -> 0), no password (DPB -> 0), visible (GC -> 0xFF).
    assert decrypt_project_data("5D5F8AADDAA8DEA8DEA8DEA8DE") == bytes(4)
    assert decrypt_project_data("5D5F8AADDAADDBADDBAD") == b"\x00"
    assert decrypt_project_data("5D5F8AADDAADDBADDB52") == b"\xff"


# --------------------------------------------------------------------------------------
# The VBA project
# --------------------------------------------------------------------------------------


def _dir_records(dir_stream: bytes) -> list[tuple[int, bytes]]:
    """Split an uncompressed dir stream into (id, data) records (§2.3.4.2)."""
    records = []
    pos = 0
    while pos < len(dir_stream):
        rec_id, size = struct.unpack_from("<HI", dir_stream, pos)
        if rec_id == 0x0009:  # PROJECTVERSION: Reserved=4, then 6 bytes of data
            size = 6
        records.append((rec_id, dir_stream[pos + 6 : pos + 6 + size]))
        pos += 6 + size
    return records


def test_vba_project_streams(vba_bin: bytes) -> None:
    ole = olefile.OleFileIO(io.BytesIO(vba_bin), raise_defects=olefile.DEFECT_INCORRECT)
    assert ole.parsing_issues == []
    assert sorted("/".join(p) for p in ole.listdir()) == [
        "PROJECT",
        "PROJECTwm",
        "VBA/Sheet1",
        "VBA/ThisWorkbook",
        "VBA/_VBA_PROJECT",
        "VBA/dir",
        "VBA/rectxl",
    ]
    # §2.3.4.1: version 0xFFFF, no performance cache.
    assert ole.openstream("VBA/_VBA_PROJECT").read() == VBA_PROJECT_STREAM
    assert VBA_PROJECT_STREAM == bytes.fromhex("CC 61 FF FF 00 01 00")

    dir_raw = ole.openstream("VBA/dir").read()
    records = _dir_records(bytes(decompress_stream(bytearray(dir_raw))))
    values = dict(records)
    assert struct.unpack("<H", values[0x0003])[0] == 936  # PROJECTCODEPAGE
    assert values[0x0004] == PROJECT_NAME.encode()  # PROJECTNAME
    names = [data.decode() for rec_id, data in records if rec_id == 0x0019]
    assert names == ["ThisWorkbook", "Sheet1", "rectxl"]
    offsets = [struct.unpack("<I", d)[0] for rec_id, d in records if rec_id == 0x0031]
    assert offsets == [0, 0, 0]  # MODULEOFFSET: source only, no PerformanceCache
    types = [rec_id for rec_id, _ in records if rec_id in (0x0021, 0x0022)]
    assert types == [0x0022, 0x0022, 0x0021]  # two document modules, one standard
    for name in names:
        stream = ole.openstream(f"VBA/{name}").read()
        assert stream[0] == 0x01  # the compressed container starts at offset 0
        assert all(chunk_flags(stream))  # no raw chunks (Office never writes them)

    project = ole.openstream("PROJECT").read().decode("cp936")
    assert "Module=rectxl\r\n" in project
    assert "Document=ThisWorkbook/&H00000000\r\n" in project
    assert "Document=Sheet1/&H00000000\r\n" in project
    found = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"\r$', project, re.MULTILINE))
    assert decrypt_project_data(found["CMG"]) == bytes(4)
    assert decrypt_project_data(found["DPB"]) == b"\x00"
    assert decrypt_project_data(found["GC"]) == b"\xff"
    wm = ole.openstream("PROJECTwm").read()
    assert wm.endswith(b"rectxl\x00" + "rectxl".encode("utf-16-le") + b"\x00\x00\x00\x00")
    ole.close()


def test_olevba_extracts_exactly_the_bas_source(addin: Path) -> None:
    parser = VBA_Parser(str(addin))
    try:
        assert parser.detect_vba_macros()
        code = {path: text for _, path, _, text in parser.extract_macros()}
    finally:
        parser.close()
    assert set(code) == {"VBA/ThisWorkbook", "VBA/Sheet1", "VBA/rectxl"}
    # olevba returns the whole module text, Attribute lines included, with the CRLF line
    # ends VBA stores: it equals the .bas file byte for byte once CRLF becomes LF.
    assert code["VBA/rectxl"] == normalize_source(BAS.read_text(encoding="ascii"))
    assert code["VBA/rectxl"].replace("\r\n", "\n") == BAS.read_text(encoding="ascii")
    assert code["VBA/ThisWorkbook"].startswith('Attribute VB_Name = "ThisWorkbook"\r\n')
    assert 'VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in code["VBA/ThisWorkbook"]
    assert 'VB_Base = "0{00020820-0000-0000-C000-000000000046}"' in code["VBA/Sheet1"]


def test_dir_stream_is_deterministic_and_names_checked() -> None:
    module = Module.from_bas(BAS.read_text(encoding="ascii"))
    project = excel_project(PROJECT_NAME, [module], ["Sheet1"])
    assert build_dir_stream(project) == build_dir_stream(project)
    assert project.project_id == excel_project(PROJECT_NAME, [module], ["Sheet1"]).project_id
    with pytest.raises(ValueError, match="Attribute VB_Name"):
        Module.from_bas("Sub A()\nEnd Sub\n")
    with pytest.raises(ValueError, match="duplicate"):
        build_vba_project([module, module])


# --------------------------------------------------------------------------------------
# MS-CFB writer
# --------------------------------------------------------------------------------------


# [MS-CFB] §2.6.3 Color Flag: 0x00 red, 0x01 black.
CFB_RED, CFB_BLACK = 0, 1


def _cfb_less(a: str, b: str) -> bool:
    return (len(a), a.upper()) < (len(b), b.upper())


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 40])
def test_compound_file_directory_is_a_red_black_tree(count: int) -> None:
    streams = {f"S/s{i:02d}{'x' * (i % 3)}": bytes([i]) * (i * 50 + 1) for i in range(count)}
    ole = olefile.OleFileIO(
        io.BytesIO(write_compound_file(streams)), raise_defects=olefile.DEFECT_INCORRECT
    )
    entries = ole.direntries
    storage = next(e for e in entries if e is not None and e.name == "S")

    def check(sid: int, low: str | None, high: str | None) -> int:
        """Return the black height; assert order and the red rules below *sid*."""
        if sid == olefile.NOSTREAM:
            return 1
        node = entries[sid]
        assert low is None or _cfb_less(low, node.name)
        assert high is None or _cfb_less(node.name, high)
        for kid in (node.sid_left, node.sid_right):
            if node.color == CFB_RED and kid != olefile.NOSTREAM:
                assert entries[kid].color == CFB_BLACK
        left = check(node.sid_left, low, node.name)
        right = check(node.sid_right, node.name, high)
        assert left == right
        return left + (node.color == CFB_BLACK)

    assert entries[storage.sid_child].color == CFB_BLACK
    check(storage.sid_child, None, None)
    for path, data in streams.items():
        assert ole.openstream(path).read() == data
    ole.close()


@pytest.mark.parametrize("size", [0, 63, 64, 4095, 4096, 4097, 70_000])
def test_compound_file_small_and_large_streams(size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    streams = {"A": data, "B/c": b"small", "B/d": data[::-1]}
    raw = write_compound_file(streams)
    assert len(raw) % 512 == 0
    ole = olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT)
    assert ole.parsing_issues == []
    for path, content in streams.items():
        assert ole.openstream(path).read() == content
    ole.close()
    assert write_compound_file(dict(reversed(streams.items()))) == raw


def test_compound_file_rejects_bad_names() -> None:
    with pytest.raises(ValueError):
        write_compound_file({"a:b": b""})
    with pytest.raises(ValueError):
        write_compound_file({"x" * 32: b""})


# --------------------------------------------------------------------------------------
# The package (.xlam)
# --------------------------------------------------------------------------------------


def test_build_is_reproducible(tmp_path: Path, addin: Path) -> None:
    first = build_addin(MACROS, tmp_path / "a" / "rectxl.xlam").read_bytes()
    second = build_addin(MACROS, tmp_path / "b" / "other-name.xlam").read_bytes()
    assert first == second == addin.read_bytes() == build_addin_bytes(MACROS)


def _entries(data: bytes) -> list[tuple[str, tuple[int, ...], bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def test_committed_artefact_is_up_to_date() -> None:
    committed = default_output()
    assert committed == ROOT / "workbooks" / "rectxl.xlam"
    # Compare names, order, timestamps and contents rather than raw bytes: the deflate
    # stream may differ between zlib builds; byte identity for the same zlib is checked
    # by test_build_is_reproducible.
    assert _entries(committed.read_bytes()) == _entries(build_addin_bytes(MACROS)), (
        "workbooks/rectxl.xlam is stale: run python -m rectxl.addin build"
    )
    # the copy shipped inside the package (what `rectxl addin install` installs after pip install)
    shipped = ROOT / "rectxl" / "data" / "rectxl.xlam"
    assert shipped.read_bytes() == committed.read_bytes(), (
        "rectxl/data/rectxl.xlam differs: cp workbooks/rectxl.xlam rectxl/data/"
    )


def test_package_parts_and_relationships(addin: Path) -> None:
    with zipfile.ZipFile(addin) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        assert set(names) == {
            "[Content_Types].xml",
            "_rels/.rels",
            "customUI/customUI14.xml",
            "docProps/app.xml",
            "docProps/core.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/vbaProject.bin",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        }
        parts = {name: archive.read(name) for name in names}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            ElementTree.fromstring(data)  # well-formed

    ct = ElementTree.fromstring(parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in ct}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
    assert overrides["/xl/vbaProject.bin"] == "application/vnd.ms-office.vbaProject"

    rels = {r.get("Type"): r.get("Target") for r in ElementTree.fromstring(parts["_rels/.rels"])}
    ui = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
    assert rels[ui] == "customUI/customUI14.xml"
    wb_rels = ElementTree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    assert {r.get("Type"): r.get("Target") for r in wb_rels}[vba] == "vbaProject.bin"

    # The code names in the workbook match the document modules of the VBA project.
    assert b'<workbookPr codeName="ThisWorkbook"/>' in parts["xl/workbook.xml"]
    assert b'<sheetPr codeName="Sheet1"/>' in parts["xl/worksheets/sheet1.xml"]
    assert parts["customUI/customUI14.xml"] == CUSTOMUI.read_bytes()


def test_build_validates_sources_and_writes_atomically(tmp_path: Path) -> None:
    macros = tmp_path / "macros"
    shutil.copytree(MACROS, macros)
    out = tmp_path / "out" / "rectxl.xlam"
    build_addin(macros, out)
    good = out.read_bytes()

    (macros / "rectxl.bas").write_text(BAS.read_text() + "' 中文\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ASCII"):
        build_addin(macros, out)
    shutil.copy(BAS, macros / "rectxl.bas")
    (macros / "customUI14.xml").write_text("<customUI>", encoding="utf-8")
    with pytest.raises(ElementTree.ParseError):
        build_addin(macros, out)
    # A failed build leaves the previous add-in untouched and no temporary file behind.
    assert out.read_bytes() == good
    assert [p.name for p in out.parent.iterdir()] == ["rectxl.xlam"]


# --------------------------------------------------------------------------------------
# The ribbon (customUI14.xml)
# --------------------------------------------------------------------------------------

# Element -> allowed attributes, for the elements this ribbon may use, taken from the
# published customUI 2009/07 schema (customUI14.xsd, "Schema definition for Ribbon
# Extensibility", namespace http://schemas.microsoft.com/office/2009/07/customui, as
# shipped with Microsoft's Office Custom UI Editor; complex types CT_CustomUI, CT_Ribbon,
# CT_Tabs, CT_Tab, CT_Group, CT_Separator and CT_Button with their attribute groups
# AG_IDAttributes, AG_Label, AG_Image, AG_Screentip, AG_PositionAttributes, AG_Visible,
# AG_Keytip, AG_Enabled, AG_ShowLabel, AG_Action, AG_Description, AG_SizeAttributes).
_ID = {"id", "idQ", "idMso", "tag"}
_POSITION = {"insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"}
_LABEL = {"label", "getLabel"}
_VISIBLE = {"visible", "getVisible"}
_KEYTIP = {"keytip", "getKeytip"}
_IMAGE = {"image", "imageMso", "getImage"}
_SCREENTIP = {"screentip", "getScreentip", "supertip", "getSupertip"}
CUSTOMUI14_SCHEMA: dict[str, tuple[set[str], set[str]]] = {
    # element: (allowed attributes, allowed child elements)
    "customUI": ({"onLoad", "loadImage"}, {"commands", "ribbon", "backstage", "contextMenus"}),
    "ribbon": ({"startFromScratch"}, {"qat", "tabs", "contextualTabs"}),
    "tabs": (set(), {"tab"}),
    "tab": (_ID | _LABEL | _POSITION | _VISIBLE | _KEYTIP, {"group"}),
    "group": (
        _ID
        | _LABEL
        | _IMAGE
        | _POSITION
        | _SCREENTIP
        | _VISIBLE
        | _KEYTIP
        | {"autoScale", "centerVertically"},
        {
            "button",
            "separator",
            "toggleButton",
            "checkBox",
            "menu",
            "splitButton",
            "box",
            "buttonGroup",
            "labelControl",
            "dialogBoxLauncher",
            "control",
            "gallery",
            "comboBox",
            "dropDown",
            "editBox",
            "dynamicMenu",
        },
    ),
    "separator": ({"id", "idQ", "tag"} | _VISIBLE | _POSITION, set()),
    "button": (
        _ID
        | _IMAGE
        | _SCREENTIP
        | _LABEL
        | _POSITION
        | _VISIBLE
        | _KEYTIP
        | {"enabled", "getEnabled", "showLabel", "getShowLabel", "showImage", "getShowImage"}
        | {"onAction", "description", "getDescription", "size", "getSize"},
        set(),
    ),
}
#: button id → (label, Python entry point, its module when not rectxl.excel)
EXPECTED_BUTTONS = {
    "btnValidate": ("校验台账", "validate", None),
    "btnFlag": ("标记问题", "flag", None),
    "btnClear": ("清除标记", "clear", None),
    "btnSummary": ("生成汇总", "summarize", None),
    "btnNotice": ("生成通报", "notice", None),
    "btnRemind": ("生成提醒", "remind", "rectxl.excel.remind"),
    "btnNew": ("新建台账", "new_ledger", None),
}


def _ribbon() -> ElementTree.Element:
    return ElementTree.fromstring(CUSTOMUI.read_bytes())


def test_customui_uses_only_schema_names() -> None:
    root = _ribbon()
    assert root.tag == NS + "customUI"
    for element in root.iter():
        assert element.tag.startswith(NS), element.tag
        name = element.tag[len(NS) :]
        assert name in CUSTOMUI14_SCHEMA, f"element not allowed here: {name}"
        attributes, children = CUSTOMUI14_SCHEMA[name]
        assert set(element.attrib) <= attributes, (name, set(element.attrib) - attributes)
        for child in element:
            assert child.tag[len(NS) :] in children, (name, child.tag)
        if "size" in element.attrib:
            assert element.attrib["size"] in {"normal", "large"}
        if "keytip" in element.attrib:
            assert 1 <= len(element.attrib["keytip"]) <= 3
        for key in ("label", "screentip", "supertip"):
            if key in element.attrib:
                assert 1 <= len(element.attrib[key]) <= 1024


def test_customui_buttons_and_callbacks() -> None:
    root = _ribbon()
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "ids must be unique in the file"
    tabs = root.findall(f".//{NS}tab")
    assert [t.get("label") for t in tabs] == ["整改台账"]
    buttons = {b.get("id"): b for b in root.iter(NS + "button")}
    assert set(buttons) == set(EXPECTED_BUTTONS)
    for button_id, (label, _, _) in EXPECTED_BUTTONS.items():
        button = buttons[button_id]
        assert button.get("label") == label
        assert button.get("imageMso")
        assert button.get("screentip") and button.get("supertip")

    source = BAS.read_text(encoding="ascii")
    public_subs = set(re.findall(r"^Public Sub (\w+)\(control As \w+\)$", source, re.MULTILINE))
    for button in buttons.values():
        assert button.get("onAction") in public_subs
    # Every button id is dispatched to its Python entry point in rectxl.excel.
    for button_id, (_, entry, module) in EXPECTED_BUTTONS.items():
        call = rf'Case "{button_id}": RunRectxl "{entry}"' + (rf', True, "{module}"' if module else "")
        assert re.search(call, source), button_id


def test_python_entry_points_exist() -> None:
    import importlib

    for _, entry, module in EXPECTED_BUTTONS.values():
        assert callable(getattr(importlib.import_module(module or "rectxl.excel"), entry, None)), entry


# --------------------------------------------------------------------------------------
# The VBA module text
# --------------------------------------------------------------------------------------

# The Chinese text of the messages, which the module spells as code points (U("...")).
EXPECTED_MESSAGES = {
    "MsgTitle": "整改台账",
    "MsgNoBook": "请先打开要处理的整改台账工作簿，再点击此按钮。",
    "MsgNoXlwings": "未找到 xlwings 加载项（xlwings.xlam），无法调用 Python。\r\n\r\n"
    "请在命令行运行：\r\n    pip install xlwings\r\n    xlwings addin install\r\n"
    "然后重新启动 Excel。",
    "MsgRunFailed": "调用 Python 失败：",
    "MsgCheckInterpreter": "请在命令行运行 rectxl addin doctor 检查安装，并按提示修复。",
    "MsgUnknownButton": "未知的按钮：",
}


def _evaluate_message(expression: str) -> str:
    """Evaluate a VBA string expression made of U("..."), "..." and vbCrLf."""
    text = []
    for token in re.findall(r'U\("([0-9A-F ]+)"\)|"([^"]*)"|(vbCrLf)', expression):
        codes, literal, crlf = token
        if codes:
            text.append("".join(chr(int(c, 16)) for c in codes.split()))
        elif crlf:
            text.append("\r\n")
        else:
            text.append(literal)
    return "".join(text)


def test_vba_source_is_ascii_and_messages_are_the_expected_chinese() -> None:
    raw = BAS.read_bytes()
    assert raw.isascii()
    source = raw.decode("ascii")
    assert source.startswith('Attribute VB_Name = "rectxl"\n')
    assert "Option Explicit" in source
    functions = dict(
        re.findall(
            r"^Private Function (Msg\w+)\(\) As String\n(.*?)^End Function",
            source,
            re.MULTILINE | re.DOTALL,
        )
    )
    assert set(functions) == set(EXPECTED_MESSAGES)
    for name, body in functions.items():
        expression = body.replace(" _\n", " ").split("=", 1)[1]
        assert _evaluate_message(expression) == EXPECTED_MESSAGES[name], name


def test_vba_handles_missing_xlwings_without_raw_errors() -> None:
    source = BAS.read_text(encoding="ascii")
    run = source[source.index("Private Sub RunRectxl") :]
    run = run[: run.index("End Sub")]
    # The add-in is looked up before Application.Run, and the call itself is guarded.
    assert run.index("XlwingsLoaded()") < run.index("On Error GoTo Failed")
    assert run.index("On Error GoTo Failed") < run.index("Application.Run")
    assert 'XLWINGS_ADDIN & "!RunPython"' in run
    assert '"import " & moduleName & " as rx; rx." & entryPoint & "()"' in run
    assert 'Optional ByVal moduleName As String = "rectxl.excel"' in run
    assert 'Private Const XLWINGS_ADDIN As String = "xlwings.xlam"' in source


def test_self_test_and_save_copy_procedures_for_application_run() -> None:
    """RectxlSelfTest runs rx.self_test like a button; RectxlSaveCopy (Python calls it on macOS)
    names the formats the way rectxl.excel.book_io does."""
    import rectxl.excel as rx
    from rectxl.excel.book_io import FILE_FORMATS, MAC_SAVE_COPY_MACRO

    source = BAS.read_text(encoding="ascii")
    assert re.search(r'^Public Sub RectxlSelfTest\(\)\n    RunRectxl "self_test", False\nEnd Sub$', source, re.M)
    assert callable(rx.self_test)
    assert MAC_SAVE_COPY_MACRO == "rectxl.xlam!RectxlSaveCopy"
    head = "Public Function RectxlSaveCopy(ByVal bookName As String, ByVal fileName As String) As String\n"
    body = source[source.index(head):]
    body = body[: body.index("End Function")]
    vba = {int(code): ext for codes, ext in re.findall(r'Case ([-\d, ]+): ext = "(\.\w+)"', body)
           for code in codes.split(",")}
    assert vba == FILE_FORMATS
    assert "wb.SaveCopyAs folder & fileName & ext" in body
    # any other format is answered with its number, which Python names in its message
    assert 'RectxlSaveCopy = "format:" & CStr(wb.FileFormat)' in body


# --------------------------------------------------------------------------------------
# LibreOffice as an independent reader
# --------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_imports_the_vba_modules(addin: Path, tmp_path: Path) -> None:
    """LibreOffice's own MS-OVBA reader loads the project: convert to .ods, read Basic/."""
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--infilter=Calc MS Excel 2007 VBA XML",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(addin),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    ods = tmp_path / "rectxl.ods"
    assert ods.exists(), result.stdout + result.stderr
    with zipfile.ZipFile(ods) as archive:
        library = ElementTree.fromstring(archive.read(f"Basic/{PROJECT_NAME}/script-lb.xml"))
        module = ElementTree.fromstring(archive.read(f"Basic/{PROJECT_NAME}/rectxl.xml"))
    lib_ns = "{http://openoffice.org/2000/library}"
    elements = {e.get(lib_ns + "name") for e in library.iter(lib_ns + "element")}
    assert elements == {"ThisWorkbook", "Sheet1", "rectxl"}
    script_ns = "{http://openoffice.org/2000/script}"
    assert module.get(script_ns + "moduleType") == "normal"
    # LibreOffice drops the Attribute lines, adds two lines of its own in front and a
    # blank line at the end; everything else must be the module text, line for line.
    lines = (module.text or "").rstrip("\n").splitlines()
    assert lines[:2] == ["Rem Attribute VBA_ModuleType=VBAModule", "Option VBASupport 1"]
    expected = [
        line
        for line in BAS.read_text(encoding="ascii").splitlines()
        if not line.startswith("Attribute ")
    ]
    assert lines[2:] == expected


_LO_RUNNER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Main
  Dim args(2) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  args(1).Name = "MacroExecutionMode" : args(1).Value = 4
  args(2).Name = "FilterName" : args(2).Value = "Calc MS Excel 2007 VBA XML"
  Dim doc As Object, provider As Object, script As Object
  Dim names, i, j, text, code, out As String
  doc = StarDesktop.loadComponentFromURL("ADDIN_URL", "_blank", 0, args())
  provider = doc.getScriptProvider()
  names = Array(NAMES)
  On Error GoTo Failed
  For i = 0 To UBound(names)
    script = provider.getScript("vnd.sun.star.script:PROJECT.rectxl." _
      &amp; names(i) &amp; "?language=Basic&amp;location=document")
    text = script.invoke(Array(), Array(), Array())
    out = out &amp; names(i) &amp; "="
    For j = 1 To Len(text)
      code = AscW(Mid(text, j, 1))
      If code &lt; 0 Then code = code + 65536
      out = out &amp; Hex(code) &amp; " "
    Next j
    out = out &amp; Chr(10)
  Next i
  GoTo Finish
Failed:
  out = out &amp; "ERROR " &amp; Err &amp; " " &amp; Error$ &amp; Chr(10)
Finish:
  Dim f As Integer
  f = FreeFile
  Open "OUT_PATH" For Output As #f
  Print #f, out
  Close #f
  doc.close(True)
End Sub
</script:module>
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_runs_the_vba_message_functions(addin: Path, tmp_path: Path) -> None:
    """LibreOffice compiles the module in VBA mode and runs U()/ChrW: the texts come out."""
    profile = tmp_path / "profile"
    soffice = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    subprocess.run([*soffice, "--terminate_after_init"], capture_output=True, timeout=180)
    module1 = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module1.exists():
        pytest.skip("LibreOffice did not create a user profile")
    out = tmp_path / "messages.txt"
    runner = (
        _LO_RUNNER.replace("ADDIN_URL", addin.as_uri())
        .replace("OUT_PATH", str(out))
        .replace("PROJECT", PROJECT_NAME)
        .replace("NAMES", ", ".join(f'"{name}"' for name in EXPECTED_MESSAGES))
    )
    module1.write_text(runner, encoding="utf-8")
    subprocess.run([*soffice, "macro:///Standard.Module1.Main"], capture_output=True, timeout=180)
    assert out.exists(), "the LibreOffice runner macro did not run"
    results = {}
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        assert not line.startswith("ERROR"), line
        if "=" in line:
            name, codes = line.split("=", 1)
            results[name] = "".join(chr(int(c, 16)) for c in codes.split())
    assert results == EXPECTED_MESSAGES


# --------------------------------------------------------------------------------------
# The ribbon picture in the docs
# --------------------------------------------------------------------------------------


def test_ribbon_preview_is_up_to_date() -> None:
    svg = render_ribbon_svg(CUSTOMUI.read_bytes())
    root = ElementTree.fromstring(svg.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"整改台账", "检查", "输出", "台账"} <= texts
    assert {label for label, _, _ in EXPECTED_BUTTONS.values()} <= texts
    assert (ROOT / "docs" / "ribbon.svg").read_text(encoding="utf-8") == svg, (
        "docs/ribbon.svg is stale: run python -m rectxl.addin.ribbon_preview"
    )
