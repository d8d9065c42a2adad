"""Build the Excel add-in ``rectxl.xlam`` from ``macros/`` (VBA module + ribbon XML).

The add-in is an Office Open XML package (a zip) with:

* ``xl/workbook.xml`` of content type ``application/vnd.ms-excel.addin.macroEnabled.main+xml``
  (what makes it an ``.xlam``), one hidden-by-design worksheet and a minimal style sheet;
* ``xl/vbaProject.bin``: a source-only VBA project written by :mod:`rectxl.addin.ovba` and
  :mod:`rectxl.addin.cfb`, holding the ``ThisWorkbook`` and ``Sheet1`` document modules
  and every ``macros/*.bas`` module;
* ``customUI/customUI14.xml`` (the ribbon), the target of a package relationship of type
  ``http://schemas.microsoft.com/office/2007/relationships/ui/extensibility`` — the
  relationship [MS-CUSTOMUI2] defines for the 2009/07 customUI namespace.

The build is reproducible: the same inputs give the same bytes (fixed zip timestamps and
attributes, entries in sorted order, no random ids: the VBA project id is derived from the
module names). The output is written to a temporary file in the target folder and moved
into place with :func:`os.replace`, so a reader never sees a half-written add-in.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from rectxl.addin.cfb import write_compound_file
from rectxl.addin.ovba import Module, chunk_flags, excel_project, project_streams

__all__ = [
    "ADDIN_NAME",
    "CUSTOMUI_NS",
    "PROJECT_NAME",
    "build_addin",
    "build_addin_bytes",
    "build_vba_project",
    "default_macros_dir",
    "default_output",
    "main",
    "write_atomic",
]

ADDIN_NAME = "rectxl.xlam"
#: Name of the VBA project (must differ from the module name ``rectxl``).
PROJECT_NAME = "RectxlAddin"
#: Code name of the add-in's only worksheet (its document module in the VBA project).
SHEET_CODE_NAME = "Sheet1"
CUSTOMUI_NS = "http://schemas.microsoft.com/office/2009/07/customui"
CUSTOMUI_PART = "customUI/customUI14.xml"
REL_CUSTOMUI14 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_OD = "http://schemas.openxmlformats.org/officeDocument/2006"
_R = f"{_OD}/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CT_OOXML = "application/vnd.openxmlformats-officedocument"

#: (part name, content type) of every part that needs an Override.
_OVERRIDES = (
    ("/xl/workbook.xml", "application/vnd.ms-excel.addin.macroEnabled.main+xml"),
    ("/xl/worksheets/sheet1.xml", f"{_CT_OOXML}.spreadsheetml.worksheet+xml"),
    ("/xl/styles.xml", f"{_CT_OOXML}.spreadsheetml.styles+xml"),
    ("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject"),
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", f"{_CT_OOXML}.extended-properties+xml"),
)


def _content_types() -> str:
    lines = [
        f'<Types xmlns="{_PKG}/content-types">',
        f'<Default Extension="rels" ContentType="{_CT_REL}"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
    ]
    lines += [f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in _OVERRIDES]
    return _XML_DECL + "\n".join([*lines, "</Types>", ""])


def _relationships(rels: tuple[tuple[str, str], ...]) -> str:
    lines = [f'<Relationships xmlns="{_PKG}/relationships">']
    lines += [
        f'<Relationship Id="rId{i}" Type="{rel_type}" Target="{target}"/>'
        for i, (rel_type, target) in enumerate(rels, 1)
    ]
    return _XML_DECL + "\n".join([*lines, "</Relationships>", ""])


_CT_REL = "application/vnd.openxmlformats-package.relationships+xml"

_ROOT_RELS = (
    (f"{_R}/officeDocument", "xl/workbook.xml"),
    (f"{_PKG}/relationships/metadata/core-properties", "docProps/core.xml"),
    (f"{_R}/extended-properties", "docProps/app.xml"),
    (REL_CUSTOMUI14, CUSTOMUI_PART),
)

_WORKBOOK_RELS = (
    (f"{_R}/worksheet", "worksheets/sheet1.xml"),
    (f"{_R}/styles", "styles.xml"),
    ("http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"),
)

_WORKBOOK = f"""{_XML_DECL}<workbook xmlns="{_MAIN}" xmlns:r="{_R}">
<workbookPr codeName="ThisWorkbook"/>
<bookViews><workbookView/></bookViews>
<sheets><sheet name="rectxl" sheetId="1" r:id="rId1"/></sheets>
</workbook>
"""

_SHEET = f"""{_XML_DECL}<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">
<sheetPr codeName="{SHEET_CODE_NAME}"/>
<dimension ref="A1"/>
<sheetData/>
</worksheet>
"""

_STYLES = f"""{_XML_DECL}<styleSheet xmlns="{_MAIN}">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
</fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
"""

_CORE = f"""{_XML_DECL}<cp:coreProperties
 xmlns:cp="{_PKG}/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>rectxl</dc:title>
<dc:description>整改台账 Excel 加载项：校验台账、标记问题、生成汇总和通报。</dc:description>
<dc:creator>rectxl</dc:creator>
</cp:coreProperties>
"""

_APP = f"""{_XML_DECL}<Properties xmlns="{_OD}/extended-properties">
<Application>Microsoft Excel</Application>
</Properties>
"""


def default_macros_dir() -> Path:
    """``macros/`` of the source checkout this package was imported from."""
    return Path(__file__).resolve().parents[2] / "macros"


def default_output() -> Path:
    """``workbooks/rectxl.xlam`` of the source checkout."""
    return Path(__file__).resolve().parents[2] / "workbooks" / ADDIN_NAME


def _read_modules(macros_dir: Path) -> list[Module]:
    paths = sorted(macros_dir.glob("*.bas"))
    if not paths:
        raise FileNotFoundError(f"no .bas module in {macros_dir}")
    modules = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if not text.isascii():
            # The project code page is not UTF-8; keep sources ASCII (use ChrW for text).
            raise ValueError(f"{path.name}: VBA source must be ASCII (build text with ChrW)")
        modules.append(Module.from_bas(text))
    return modules


def _read_customui(macros_dir: Path) -> bytes:
    data = (macros_dir / "customUI14.xml").read_bytes()
    root = ElementTree.fromstring(data)
    if root.tag != f"{{{CUSTOMUI_NS}}}customUI":
        raise ValueError(f"customUI14.xml: root must be customUI in {CUSTOMUI_NS}")
    return data


def build_vba_project(modules: Sequence[Module]) -> bytes:
    """``xl/vbaProject.bin`` for *modules* plus the ``ThisWorkbook``/``Sheet1`` modules."""
    project = excel_project(PROJECT_NAME, modules, [SHEET_CODE_NAME])
    streams = project_streams(project)
    compressed = ["VBA/dir", *(f"VBA/{m.name}" for m in project.modules)]
    for path in compressed:
        # Office never writes raw (uncompressed) chunks; keep to what it reads.
        if not all(chunk_flags(streams[path])):
            raise ValueError(f"{path}: contains an uncompressed chunk")
    return write_compound_file(streams)


def build_addin_bytes(macros_dir: Path) -> bytes:
    """The bytes of the add-in built from *macros_dir* (deterministic)."""
    macros_dir = Path(macros_dir)
    parts: dict[str, bytes] = {
        "[Content_Types].xml": _content_types().encode("utf-8"),
        "_rels/.rels": _relationships(_ROOT_RELS).encode("utf-8"),
        "docProps/app.xml": _APP.encode("utf-8"),
        "docProps/core.xml": _CORE.encode("utf-8"),
        "xl/workbook.xml": _WORKBOOK.encode("utf-8"),
        "xl/_rels/workbook.xml.rels": _relationships(_WORKBOOK_RELS).encode("utf-8"),
        "xl/worksheets/sheet1.xml": _SHEET.encode("utf-8"),
        "xl/styles.xml": _STYLES.encode("utf-8"),
        "xl/vbaProject.bin": build_vba_project(_read_modules(macros_dir)),
        CUSTOMUI_PART: _read_customui(macros_dir),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compresslevel=9)
    return buffer.getvalue()


def write_atomic(out: Path, data: bytes) -> None:
    """Write *data* to *out* atomically (the project's one safe writer), creating the folder."""
    from rectxl.io.atomic import atomic_write_bytes

    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out, data)


def build_addin(macros_dir: Path, out: Path) -> Path:
    """Build the add-in from *macros_dir* into *out* (atomically); return *out*."""
    out = Path(out)
    write_atomic(out, build_addin_bytes(Path(macros_dir)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rectxl.addin.build [--macros DIR] [--out FILE]``."""
    parser = argparse.ArgumentParser(
        prog="python -m rectxl.addin.build", description="生成 Excel 加载项 rectxl.xlam"
    )
    parser.add_argument("--macros", type=Path, default=default_macros_dir(), help="macros 目录")
    parser.add_argument("--out", type=Path, default=default_output(), help="输出文件")
    args = parser.parse_args(argv)
    try:
        path = build_addin(args.macros, args.out)
    except (OSError, ValueError, ElementTree.ParseError) as exc:
        print(f"生成加载项失败：{exc}", file=sys.stderr)
        return 2
    print(f"已生成加载项：{path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
