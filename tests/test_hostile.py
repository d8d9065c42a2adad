"""Hostile and broken input (docs/hostile-inputs.md, one test per row): each gets one clear
Chinese message and exit code 2 — or is read correctly — and nothing else on disk changes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl import api
from rectxl.addin.cfb import write_compound_file
from rectxl.core import fields as F
from rectxl.core.errors import LedgerError, UnsafeWriteError
from rectxl.core.rules import Options
from rectxl.io.reader import read_ledger
from tests.ledgers import write_messy_ledger, write_simple_ledger
from tests.workbook_compare import soffice, soffice_convert

ROW = {F.ISSUE: "1.针对学习问题", F.MEASURE: "建立制度", F.OWNER_UNIT: "办公室", F.DEADLINE: "2023年9月底",
       F.STATUS: "正在推进"}


def snapshot(folder: Path) -> dict[str, tuple[int, float, bytes]]:
    """Every file under ``folder`` with its size, mtime and bytes."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)


def rezip(src: Path, dst: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info.filename)))
    return dst


def base(folder: Path) -> Path:
    return write_simple_ledger(folder / "base.xlsx", [ROW])


def _sheet_edit(fn: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, data: fn(data) if name == "xl/worksheets/sheet1.xml" else data


# -- builders: one hostile file each ----------------------------------------------------------


def zero_byte(folder: Path) -> Path:
    (folder / "空.xlsx").write_bytes(b"")
    return folder / "空.xlsx"


def truncated(folder: Path) -> Path:
    data = base(folder).read_bytes()
    (folder / "base.xlsx").unlink()
    (folder / "截断.xlsx").write_bytes(data[: len(data) // 2])
    return folder / "截断.xlsx"


def renamed_text(folder: Path) -> Path:
    (folder / "伪装.xlsx").write_text("这其实是一份文本文件。\n" * 50, encoding="utf-8")
    return folder / "伪装.xlsx"


def renamed_pdf(folder: Path) -> Path:
    (folder / "扫描件.xlsx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return folder / "扫描件.xlsx"


def html_named_xls(folder: Path) -> Path:
    """What an office system's 导出Excel often writes: an HTML table saved under .xls."""
    path = folder / "系统导出台账.xls"
    path.write_text("<html><head><meta charset='gbk'></head><body><table><tr><td>序号</td><td>具体问题</td>"
                    "</tr></table></body></html>", encoding="gbk")
    return path


def encrypted(folder: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE compound file holding
    EncryptionInfo and EncryptedPackage streams instead of a zip."""
    data = write_compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 200,
                                "EncryptedPackage": os.urandom(4096)})
    (folder / "加密.xlsx").write_bytes(data)
    return folder / "加密.xlsx"


def far_cell(folder: Path) -> Path:
    """Value cells far out at XFD1048551 … XFD1048576 — more than a few strays typed by mistake
    (one alone is read around: tests/test_workbook_round16.py)."""
    far = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
                   for r in range(1048551, 1048577))
    return rezip(base(folder), folder / "远处单元格.xlsx", _sheet_edit(lambda d: d.replace(
        b"</sheetData>", far + b"</sheetData>")))


def huge_dimension(folder: Path) -> Path:
    import re

    return rezip(base(folder), folder / "声明巨大.xlsx", _sheet_edit(
        lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d)))


def zip_bomb(folder: Path) -> Path:
    """A workbook whose sheet part is 300 MB of padding that compresses ~1000:1."""
    src = base(folder)
    path = folder / "炸弹.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(data.replace(b"</worksheet>", b""))
                    pad = b" " * (1 << 20)
                    for _ in range(300):
                        fh.write(pad)
                    fh.write(b"</worksheet>")
            else:
                zout.writestr(info.filename, data)
    return path


def billion_laughs(folder: Path) -> Path:
    import re

    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    dtd = ("<!DOCTYPE worksheet [" + "".join(levels) + "]>").encode()

    def edit(d: bytes) -> bytes:
        d = re.sub(rb"^<\?xml[^>]*\?>", b"", d)
        return b'<?xml version="1.0"?>' + dtd + d.replace("建立制度".encode(), b"&lol9;")

    return rezip(base(folder), folder / "实体炸弹.xlsx", _sheet_edit(edit))


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("零字节文件", zero_byte, "空文件"),
    ("截断的压缩包", truncated, "已损坏"),
    ("改了扩展名的文本文件", renamed_text, "不是有效的 Excel 文件"),
    ("改了扩展名的 PDF", renamed_pdf, "不是有效的 Excel 文件"),
    ("业务系统导出的网页表格，没有台账", html_named_xls, "找不到台账表头"),
    ("设有打开密码的工作簿", encrypted, "设有打开密码"),
    ("远处的零星单元格(XFD1048576)", far_cell, "数据区域过大"),
    ("压缩炸弹", zip_bomb, "疑似压缩炸弹"),
    ("XML 实体炸弹(billion laughs)", billion_laughs, "XML 实体声明"),
]


@pytest.mark.parametrize(("label", "build", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_one_chinese_line_exit_2_nothing_changed(tmp_path: Path, label: str,
                                                          build: Callable[[Path], Path], message: str) -> None:
    path = build(tmp_path)
    before = snapshot(tmp_path)
    started = time.perf_counter()
    proc = run_cli("check", path.name, cwd=tmp_path)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 2, (label, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout == ""
    assert snapshot(tmp_path) == before
    assert elapsed < 30, f"{label} took {elapsed:.1f}s"


def test_annotate_refuses_hostile_input_too(tmp_path: Path) -> None:
    path = billion_laughs(tmp_path)
    before = snapshot(tmp_path)
    proc = run_cli("annotate", path.name, cwd=tmp_path)
    assert proc.returncode == 2 and "XML 实体声明" in proc.stderr
    assert snapshot(tmp_path) == before


def test_zip_bomb_and_laughs_are_refused_quickly_with_bounded_memory(tmp_path: Path) -> None:
    """In a fresh process: both refusals take seconds and little memory."""
    bomb, laughs = zip_bomb(tmp_path), billion_laughs(tmp_path)
    code = (
        "import sys, time\n"
        "from rectxl.io.reader import read_ledger\n"
        "from rectxl.core.errors import LedgerError\n"
        "for p in sys.argv[1:]:\n"
        "    t = time.perf_counter()\n"
        "    try:\n"
        "        read_ledger(p)\n"
        "        raise SystemExit('read ' + p)\n"
        "    except LedgerError:\n"
        "        pass\n"
        "    assert time.perf_counter() - t < 10, p\n"
        "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n"
    )
    # the child's own peak (VmHWM): ru_maxrss would also count the test runner's memory at the moment it
    # spawned the child (Linux keeps it across exec), so a long test session could fail this check
    proc = subprocess.run([sys.executable, "-c", code, str(bomb), str(laughs)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    peak_kb = int(proc.stdout.strip())
    assert peak_kb < 400_000, f"peak RSS {peak_kb} kB"


def test_huge_declared_dimension_is_harmless(tmp_path: Path) -> None:
    ledger = read_ledger(huge_dimension(tmp_path))
    assert [m.text for m in ledger.measures()] == ["建立制度"]


def test_formula_errors_are_findings_not_crashes(tmp_path: Path) -> None:
    path = write_simple_ledger(tmp_path / "t.xlsx", [{**ROW, F.OWNER_UNIT: "#REF!", F.DEADLINE: "#N/A"}])
    report = api.check(path, Options())
    errors = {(f.code, f.cell, f.value) for f in report.findings if f.code == "cell-error"}
    assert errors == {("cell-error", "G2", "#REF!"), ("cell-error", "I2", "#N/A")}


def test_duplicate_and_empty_header_names(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["具体问题", "整改措施", None, "责任单位", "整改时限", "整改状态", "措施", ""])
    ws.append(["1.问题", "措施甲", "无表头列的内容", "办公室", "2023年9月底", "正在推进", "另一列", "x"])
    wb.save(tmp_path / "t.xlsx")
    report = api.check(tmp_path / "t.xlsx")
    assert [m.text for m in read_ledger(tmp_path / "t.xlsx").measures()] == ["措施甲"]
    (dup,) = [f for f in report.findings if f.code == "duplicate-header"]
    assert dup.cell == "G1" and "B列" in dup.message


def test_long_text_control_characters_emoji_and_rare_cjk(tmp_path: Path) -> None:
    rare = "\U00020000\U0002a6d6𠮷"  # CJK extension B
    long_text = "长" * 32000
    plain = write_simple_ledger(tmp_path / "plain.xlsx", [
        {**ROW, F.MEASURE: f"建立制度{rare}🎯", F.PROGRESS: long_text, F.DEADLINE: long_text},
        {**ROW, F.MEASURE: "含控制符CTRL1的措施", F.STATUS: "完成了CTRL2吗"},
    ])
    # OOXML stores control characters escaped as _xHHHH_ (openpyxl refuses to write them)
    path = rezip(plain, tmp_path / "t.xlsx", _sheet_edit(
        lambda d: d.replace(b"CTRL1", b"_x0001__x0007_").replace(b"CTRL2", b"_x000B_")))
    report, out, _ = api.annotate(path, tmp_path / "out.xlsx", Options())
    measures = [m.text for m in read_ledger(path).measures()]
    assert measures[0] == f"建立制度{rare}🎯"
    bad = next(f for f in report.findings if f.code == "bad-deadline")
    assert bad.value == long_text and len(bad.message) < 200
    wb = load_workbook(out)
    values = [c for row in wb["校验结果"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert all("\x0b" not in v for v in values)
    assert any(v.startswith("长长长") for v in values)


def test_locked_file_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook open in Excel on Windows cannot be opened for reading (sharing violation)."""
    path = base(tmp_path)
    real_open = Path.open

    def locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type, call-overload]

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(LedgerError, match=r"没有权限读取.*在 Excel 中关闭"):
        api.check(path)


@pytest.mark.parametrize(("err", "message"), [(errno.EROFS, "只读"), (errno.ENOSPC, "磁盘空间已满")])
def test_read_only_or_full_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int,
                                         message: str) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    before = snapshot(tmp_path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr("rectxl.io.atomic.os.fsync", fail)  # whatever the writer, the data reaches disk here
    with pytest.raises(UnsafeWriteError, match=message):
        api.annotate(path, tmp_path / "out.xlsx", Options())
    assert snapshot(tmp_path) == before  # no output, no temporary file, input untouched


def test_failure_after_temp_file_is_written_leaves_original_intact(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    original = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        assert Path(src).stat().st_size > 0  # the temporary workbook was fully written
        raise OSError(errno.EIO, "simulated crash while moving into place")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(UnsafeWriteError):
        api.annotate(path, None, Options(), in_place=True)
    assert path.read_bytes() == original
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_killed_writer_never_leaves_a_half_written_workbook(tmp_path: Path) -> None:
    """SIGKILL in the middle of writing: the target is either the old file or absent, never partial."""
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    original = path.read_bytes()
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from rectxl.io.atomic import atomic_path\n"
        "with atomic_path(Path(sys.argv[1])) as tmp:\n"
        "    tmp.write_bytes(b'PK half a workbook')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert path.read_bytes() == original
    assert read_ledger(path).sheet == "台账"


def test_xlsm_keeps_its_vba_project(tmp_path: Path) -> None:
    from oletools.olevba import VBA_Parser

    xlam = Path(__file__).parents[1] / "workbooks" / "rectxl.xlam"
    with zipfile.ZipFile(xlam) as z:
        vba = z.read("xl/vbaProject.bin")
    src = write_messy_ledger(tmp_path / "src.xlsx")
    xlsm = tmp_path / "台账.xlsm"

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"sheet.main+xml", b"sheet.main+xml", 1).replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
                b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdVBA" '
                                b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                                b'Target="vbaProject.bin"/></Relationships>')
        return data

    rezip(src, xlsm, edit)
    with zipfile.ZipFile(xlsm, "a") as z:
        z.writestr("xl/vbaProject.bin", vba)
    _, out, _ = api.annotate(xlsm, tmp_path / "标记.xlsm", Options())
    with zipfile.ZipFile(out) as z:
        assert z.read("xl/vbaProject.bin") == vba
    parser = VBA_Parser(str(out))
    assert parser.detect_vba_macros()
    assert any("RectxlButton" in code for *_, code in parser.extract_macros())


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed (it makes the .xls/.ods)")
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_legacy_xls_and_ods_are_read(tmp_path: Path, fmt: str) -> None:
    src = write_messy_ledger(tmp_path / "台账.xlsx")
    converted = soffice_convert(src, fmt, tmp_path / "out")
    ledger = read_ledger(converted)
    assert sorted(m.row for m in ledger.measures()) == sorted(m.row for m in read_ledger(src).measures())
    proc = run_cli("annotate", str(converted), cwd=tmp_path)
    assert proc.returncode == 2 and ".xlsx" in proc.stderr


@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed (it makes the .xls)")
def test_a_name_that_disagrees_with_the_content_is_read_by_the_content(tmp_path: Path) -> None:
    """An .xlsx named .xls, an .xls named .xlsx, and WPS's .et (an .xls inside) are read as what
    they are: the same measures as the workbook they were saved from."""
    src = write_messy_ledger(tmp_path / "台账.xlsx")
    rows = sorted(m.row for m in read_ledger(src).measures())
    biff = soffice_convert(src, "xls", tmp_path / "out")
    named = {"改名.xls": src.read_bytes(), "改名.xlsx": biff.read_bytes(), "WPS台账.et": biff.read_bytes()}
    for name, data in named.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert sorted(m.row for m in read_ledger(path).measures()) == rows, name
    proc = run_cli("check", "WPS台账.et", cwd=tmp_path)
    assert proc.returncode in (0, 1) and "读取工作表" in proc.stdout, proc.stderr


# -- issue 12: limits, odd files, odd names, failing disks -------------------------------------------


def notice_docx(folder: Path) -> Path:
    """A real .docx notice rendered from a small ledger."""
    src = base(folder)
    out = folder / "通报.docx"
    api.notice(src, out)
    return out


def docx_bomb(folder: Path) -> Path:
    """A 1 MB-ish .docx whose document.xml inflates ~1000:1 (300 MB of padding)."""
    src = notice_docx(folder)
    path = folder / "炸弹通报.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(data.replace(b"</w:body>", b""))
                    pad = b" " * (1 << 20)
                    for _ in range(300):
                        fh.write(pad)
                    fh.write(b"</w:body></w:document>")
            else:
                zout.writestr(info.filename, data)
    return path


def test_a_docx_notice_zip_bomb_is_refused_quickly_with_bounded_memory(tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path)
    code = (
        "import sys, time\n"
        "from rectxl import api\n"
        "from rectxl.core.errors import RectxlError\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    api.parse_notice_file(sys.argv[1])\n"
        "    raise SystemExit('parsed')\n"
        "except RectxlError as exc:\n"
        "    assert '疑似压缩炸弹' in str(exc), exc\n"
        "assert time.perf_counter() - t < 10\n"
        "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 400_000
    cli = run_cli("parse-notice", bomb.name, cwd=tmp_path)
    assert cli.returncode == 2 and "疑似压缩炸弹" in cli.stderr and len(cli.stderr.strip().splitlines()) == 1


def test_a_docx_notice_whose_text_expands_too_far_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Below the zip guards' ratio but far more text than a notice: the .docx text cap (made small
    here so that the test file stays small)."""
    from rectxl.io import limits

    src = notice_docx(tmp_path)
    monkeypatch.setattr(limits, "MAX_DOCX_XML_BYTES", 1 << 20)
    big = tmp_path / "长通报.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<!--" + os.urandom(1 << 20).hex().encode() + b"--></w:body>")
            zout.writestr(info.filename, data)
    with pytest.raises(LedgerError, match="远大于一份通报"):
        api.parse_notice_file(big)
    api.parse_notice_file(src)  # the real notice is fine


def test_a_text_notice_far_too_large_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    with path.open("wb") as fh:
        fh.write("　　一、整改工作组织领导情况\n".encode())
        fh.truncate(11 << 20)  # 11 MB (sparse): the limit is 10 MB
    started = time.perf_counter()
    proc = run_cli("parse-notice", path.name, cwd=tmp_path)
    assert proc.returncode == 2 and "不读取超过 10 MB" in proc.stderr and "Traceback" not in proc.stderr
    assert time.perf_counter() - started < 10


FIFO_COMMANDS = [
    ["check", "x.xlsx"], ["annotate", "x.xlsx"], ["annotate", "--clear", "x.xlsx"], ["summary", "x.xlsx"],
    ["notice", "x.xlsx"], ["diff", "x.xlsx", "base.xlsx"], ["diff", "base.xlsx", "x.xlsx"], ["parse-notice", "x.txt"],
]


@pytest.mark.parametrize("args", FIFO_COMMANDS, ids=[" ".join(a) for a in FIFO_COMMANDS])
def test_a_fifo_is_refused_at_once_never_waited_on(tmp_path: Path, args: list[str]) -> None:
    base(tmp_path)
    os.mkfifo(tmp_path / "x.xlsx")
    os.mkfifo(tmp_path / "x.txt")
    proc = run_cli(*args, cwd=tmp_path)  # would hang (timeout 120 s) if the FIFO were opened
    assert proc.returncode == 2 and "命名管道" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["check", "x.xlsx"], ["annotate", "x.xlsx"], ["summary", "x.xlsx"],
                                  ["notice", "x.xlsx"], ["parse-notice", "x.xlsx"]])
def test_a_folder_named_like_a_workbook(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "x.xlsx").mkdir()
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "是文件夹" in proc.stderr and "Traceback" not in proc.stderr


def test_a_file_name_in_gbk_bytes(tmp_path: Path) -> None:
    name = os.fsdecode("测试台账".encode("gbk") + b".xlsx")
    (tmp_path / name).write_bytes(base(tmp_path).read_bytes())
    proc = run_cli("check", name, cwd=tmp_path)
    assert proc.returncode == 2 and "测试台账.xlsx" in proc.stderr and "UTF-8" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "已损坏" not in proc.stderr


def stray_cell(folder: Path) -> Path:
    """A 5 KB workbook with value cells at A1048551 … A1048576 written inside row 2 (the row element
    says 2, so a guard reading only <row r="…"> sees a two-row sheet); more than a few strays
    (one alone is read around: tests/test_workbook_round16.py)."""
    far = b"".join(b'<c r="A%d" t="inlineStr"><is><t>x</t></is></c>' % r for r in range(1048551, 1048577))
    return rezip(base(folder), folder / "零星单元格.xlsx", _sheet_edit(lambda d: d.replace(
        b'<c r="D2"', far + b'<c r="D2"', 1)))


def test_a_stray_cell_far_below_the_data_is_refused_before_the_reader(tmp_path: Path) -> None:
    path = stray_cell(tmp_path)
    assert path.stat().st_size < 10_000
    code = (
        "import sys\n"
        "from rectxl.io.reader import read_ledger\n"
        "from rectxl.core.errors import LedgerError\n"
        "try:\n"
        "    read_ledger(sys.argv[1])\n"
        "    raise SystemExit('read')\n"
        "except LedgerError as exc:\n"
        "    assert '数据区域过大' in str(exc) and 'A10485' in str(exc), exc\n"
        "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr  # not 134: the native reader never saw it
    assert int(proc.stdout.strip()) < 300_000  # reading it would take ~1.7 GB
    cli = run_cli("check", path.name, cwd=tmp_path)
    assert cli.returncode == 2 and "数据区域过大" in cli.stderr and len(cli.stderr.strip().splitlines()) == 1


def test_formatted_empty_rows_far_below_are_harmless(tmp_path: Path) -> None:
    """Empty styled cells and rows at the sheet's end (real workbooks have them) are not stray data."""
    path = rezip(base(tmp_path), tmp_path / "格式行.xlsx", _sheet_edit(lambda d: d.replace(
        b"</sheetData>", b'<row r="1048575" ht="20" customHeight="1"/><row r="1048576"><c r="D1048576" s="0"/></row>'
                         b"</sheetData>")))
    assert [m.text for m in read_ledger(path).measures()] == ["建立制度"]


def test_a_word_document_renamed_xlsx(tmp_path: Path) -> None:
    doc = notice_docx(tmp_path)
    (tmp_path / "台账.xlsx").write_bytes(doc.read_bytes())
    proc = run_cli("check", "台账.xlsx", cwd=tmp_path)
    assert proc.returncode == 2 and "这是 Word 文档" in proc.stderr and "已损坏" not in proc.stderr


def test_a_rectxl_summary_checked_as_a_ledger_says_what_it_is(tmp_path: Path) -> None:
    _, out = api.summary_workbook(base(tmp_path))
    proc = run_cli("check", out.name, cwd=tmp_path)
    assert proc.returncode == 2 and "rectxl 生成的整改汇总表，不是台账" in proc.stderr


def test_a_full_disk_behind_stdout(tmp_path: Path) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "rectxl", "check", path.name], stdout=full,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "磁盘空间已满" in proc.stderr and "Traceback" not in proc.stderr and "Exception" not in proc.stderr


def test_a_full_disk_while_backing_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    before = snapshot(tmp_path)
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("rectxl.io.atomic.os.fsync", full)
    with pytest.raises(UnsafeWriteError, match="磁盘空间已满"):
        api.annotate(path, None, Options(), in_place=True)
    monkeypatch.setattr("rectxl.io.atomic.os.fsync", real_fsync)
    assert snapshot(tmp_path) == before  # no backup, no temporary file, the ledger untouched


def test_a_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    proc = run_cli("check", "长" * 90 + ".xlsx", cwd=tmp_path)
    assert proc.returncode == 2 and "文件名或路径过长" in proc.stderr and "意外问题" not in proc.stderr


@pytest.mark.parametrize(("read_only_file", "message"), [(False, "无法写入文件夹"), (True, "该文件是只读的")])
def test_read_only_file_and_read_only_folder_are_told_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           read_only_file: bool, message: str) -> None:
    """Where the operating system refuses the write itself (Windows refuses to replace a read-only
    file; a folder without write permission refuses everything)."""
    path = write_messy_ledger(tmp_path / "台账.xlsx")
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("rectxl.io.atomic.os.replace", refuse)
    if read_only_file:  # decided at the write: resolve_output's own refusal is bypassed here
        monkeypatch.setattr("rectxl.io.outputs.is_read_only_file", lambda p: False)
        out.chmod(0o444)
    try:
        with pytest.raises(UnsafeWriteError, match=message):
            api.summary_workbook(path, out, force=True)
    finally:
        out.chmod(0o644)
    assert out.read_bytes() == b"old"


def test_library_warnings_never_reach_the_terminal(tmp_path: Path) -> None:
    """A library's warning raised while a command runs (here injected) is not shown; with
    RECTXL_DEBUG=1 it is."""
    code = (
        "import importlib, sys, warnings\n"
        "m = importlib.import_module('rectxl.cli.commands')\n"
        "real = m.cmd_codes\n"
        "def noisy(args):\n"
        "    warnings.warn('Data Validation extension is not supported and will be removed', UserWarning)\n"
        "    return real(args)\n"
        "m.cmd_codes = noisy\n"
        "sys.exit(m.main(['codes']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "RECTXL_DEBUG"})
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    debug = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                           env={**os.environ, "RECTXL_DEBUG": "1"})
    assert "UserWarning" in debug.stderr


def test_every_test_the_hostile_inputs_table_names_exists() -> None:
    """docs/hostile-inputs.md: each row names its test; each named test exists."""
    import re

    root = Path(__file__).resolve().parents[1]
    table = (root / "docs" / "hostile-inputs.md").read_text("utf-8")
    named = set(re.findall(r"\b(test_[a-z0-9_]+)\b(?![….])", table))  # not "test_bad_input…", not a module
    defined = {m for p in (root / "tests").glob("test_*.py") for m in re.findall(r"^def (test_\w+)",
                                                                                   p.read_text("utf-8"), re.M)}
    assert len(named) > 30 and named - defined == set(), named - defined
