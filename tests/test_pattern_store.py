"""The command line's store of compiled patterns (rectxl.io.pattern_store): a run with it gives
exactly what a run without it gives, the store holds what ``re`` would compile and nothing of a
ledger, a damaged store is ignored, and rectxl's patterns are the same text in every process."""

from __future__ import annotations

import _sre
import marshal
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from openpyxl import load_workbook

EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"


def _rectxl(*args: str, cache: Path | None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RECTXL_CACHE_DIR", "RECTXL_NO_PATTERN_STORE")}
    if cache is None:
        env["RECTXL_NO_PATTERN_STORE"] = "1"
    else:
        env["RECTXL_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "rectxl", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=120)


Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...], int]


def _stored(cache: Path) -> tuple[int, dict[tuple[str, int], Entry]]:
    files = list(cache.glob("patterns-*.bin"))
    assert len(files) == 1, files
    raw = files[0].read_bytes()
    generation, stored = marshal.loads(raw[4:])  # after its checksum
    assert isinstance(stored, dict)
    return generation, stored


def _store(cache: Path) -> dict[tuple[str, int], Entry]:
    return _stored(cache)[1]


def test_runs_with_the_store_give_what_runs_without_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    without = _rectxl("check", str(EXAMPLE), "--format", "json", cache=None)
    assert not cache.exists()
    first = _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)  # compiles, then stores
    stored = _store(cache)
    second = _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)  # restores
    assert without.returncode == first.returncode == second.returncode == 1
    assert without.stdout == first.stdout == second.stdout
    assert '"code": "overdue"' in second.stdout
    # rectxl's patterns are the same text in every run: the second run added none
    assert _store(cache) == stored
    notice = [_rectxl("notice", str(EXAMPLE), "-o", str(tmp_path / f"通报{i}.txt"), "--as-of", "2026-11-30",
                      cache=c) for i, c in ((1, None), (2, cache), (3, cache))]
    assert all(p.returncode == 0 for p in notice), [p.stderr for p in notice]
    texts = {(tmp_path / f"通报{i}.txt").read_text("utf-8") for i in (1, 2, 3)}
    assert len(texts) == 1


def test_the_store_holds_what_re_compiles(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _rectxl("check", str(EXAMPLE), cache=cache).returncode == 1
    stored = _store(cache)
    assert len(stored) > 100  # rectxl's own patterns, not a handful
    samples = ["已完成", "正在推进，预计2026年12月底前完成", "2026年9月30日前", "长期坚持",
               "局办公室、财务股", "未启动（原因：资金未到位）", "Ａ１, 23.5%", "", "一是建立制度；二是开展检查。"]
    for (pattern, flags), (all_flags, code, groups, groupindex, indexgroup, _) in stored.items():
        restored = _sre.compile(pattern, all_flags, array("I", code).tolist(), groups, groupindex, indexgroup)
        fresh = re.compile(pattern, flags)
        assert (restored.pattern, restored.flags, restored.groups, restored.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for sample in samples:
            # the file readers' byte patterns are kept too: they scan the parts' bytes
            text = sample.encode("utf-8") if isinstance(pattern, bytes) else sample
            a, b = restored.search(text), fresh.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, sample)


def test_the_store_holds_nothing_of_a_ledger(tmp_path: Path) -> None:
    marker = "鹳雀楼整改专班"
    wb = load_workbook(EXAMPLE)
    ws = wb["台账"]
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.endswith(("股", "室")) and len(cell.value) <= 8:
                cell.value = marker  # every 责任单位 renamed
    ledger = tmp_path / "台账.xlsx"
    wb.save(ledger)
    cache = tmp_path / "cache"
    for args in (("check", str(ledger)), ("summary", str(ledger), "-o", str(tmp_path / "汇总.xlsx")),
                 ("notice", str(ledger), "-o", str(tmp_path / "通报.docx"))):
        proc = _rectxl(*args, cache=cache)
        assert proc.returncode in (0, 1), proc.stderr
    raw = next(cache.glob("patterns-*.bin")).read_bytes()
    assert marker.encode("utf-8") not in raw and marker.encode("utf-16-le") not in raw
    assert not any((marker.encode("utf-8") if isinstance(pattern, bytes) else marker) in pattern
                   for pattern, _ in _store(cache))


@pytest.mark.parametrize("damage", [b"", b"not a store", b"\xe3" * 64])
def test_a_damaged_store_is_ignored_and_written_anew(tmp_path: Path, damage: bytes) -> None:
    cache = tmp_path / "cache"
    _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    path = next(cache.glob("patterns-*.bin"))
    good = _store(cache)
    path.write_bytes(damage)
    proc = _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    assert proc.returncode == 1 and proc.stdout == _rectxl("check", str(EXAMPLE), "--format", "json", cache=None).stdout
    assert _store(cache) == good


def test_a_flipped_byte_is_caught_by_the_checksum(tmp_path: Path) -> None:
    # a bit flipped inside a program's code can leave a program _sre accepts, matching otherwise
    cache = tmp_path / "cache"
    _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    path = next(cache.glob("patterns-*.bin"))
    good = path.read_bytes()
    at = len(good) // 2
    path.write_bytes(good[:at] + bytes([good[at] ^ 0x01]) + good[at + 1:])
    proc = _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    assert proc.stdout == _rectxl("check", str(EXAMPLE), "--format", "json", cache=None).stdout
    assert path.read_bytes() == good  # written anew


def test_turned_off_it_writes_nothing(tmp_path: Path) -> None:
    proc = _rectxl("check", str(EXAMPLE), cache=None, cwd=tmp_path)
    assert proc.returncode == 1
    assert list(tmp_path.iterdir()) == []


_PATTERNS_OF_A_PROCESS = """
import importlib, pkgutil, re, sys, datetime
ours, compile = set(), re._compile
def recording(pattern, flags):  # the patterns rectxl's own code compiles, not the standard library's
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename.endswith(("/re/__init__.py", "\\re\\__init__.py")):
        f = f.f_back
    if f is not None and "rectxl" in f.f_code.co_filename and isinstance(pattern, str):
        ours.add((pattern, int(flags)))
    return compile(pattern, flags)
re._compile = recording
import rectxl
for m in pkgutil.walk_packages(rectxl.__path__, "rectxl."):
    if not m.name.startswith(("rectxl.excel", "rectxl.addin")) and not m.name.endswith("__main__"):
        importlib.import_module(m.name)
from rectxl import api
from rectxl.core.notice.render import render_notice
from rectxl.io.reader import read_ledger
ledger = read_ledger(sys.argv[1])
api.check_ledger(ledger, today=datetime.date(2026, 11, 30))
render_notice(ledger)
print("\\n".join(sorted(repr(k) for k in ours)))
"""


def test_rectxls_patterns_are_the_same_text_in_every_process() -> None:
    # a pattern joined from a set would differ with the hash seed, and never be found in the store
    outs = []
    for seed in ("0", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", _PATTERNS_OF_A_PROCESS, str(EXAMPLE)], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0].count("\n") > 100
    assert outs[0] == outs[1]


_COMPILES = """
import re, sys
from rectxl.io import pattern_store
pattern_store.restore()
for pattern in sys.argv[1:]:
    re.compile(pattern)
print(len(pattern_store._used), len(pattern_store._restored))
"""


def _compiling(cache: Path, *patterns: str) -> tuple[int, int]:
    env = {k: v for k, v in os.environ.items() if k != "RECTXL_NO_PATTERN_STORE"}
    env["RECTXL_CACHE_DIR"] = str(cache)
    proc = subprocess.run([sys.executable, "-c", _COMPILES, *patterns], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    used, restored = map(int, proc.stdout.split())
    return used, restored


def test_a_run_builds_only_the_stored_patterns_it_uses(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _rectxl("notice", str(EXAMPLE), "-o", str(tmp_path / "通报.docx"), cache=cache).returncode == 0
    assert _rectxl("check", str(EXAMPLE), cache=cache).returncode == 1
    held = len(_store(cache))
    assert _compiling(cache, "整改") == (0, held)  # nothing of the store built for one pattern of its own
    assert _compiling(cache, "整改") == (1, held + 1)  # now stored: built from the store, nothing else
    assert _rectxl("check", str(EXAMPLE), cache=cache).returncode == 1  # and what is stored still works


def test_a_pattern_no_run_uses_any_more_is_dropped(tmp_path: Path) -> None:
    from rectxl.io.pattern_store import KEEP_SAVES

    cache = tmp_path / "cache"
    _compiling(cache, "长期坚持", "旧的写法")
    for i in range(KEEP_SAVES + 2):  # every run compiles something new, so every run saves
        _compiling(cache, "长期坚持", f"新的写法{i}")
    generation, stored = _stored(cache)
    assert generation == KEEP_SAVES + 3
    patterns = {pattern for pattern, _ in stored}
    assert "长期坚持" in patterns  # used by every run: kept
    assert "旧的写法" not in patterns  # used by the first run alone: dropped
    assert {f"新的写法{i}" for i in range(2, KEEP_SAVES + 2)} <= patterns  # the last saves' patterns are kept
    assert not {"新的写法0", "新的写法1"} & patterns


def test_an_earlier_formats_store_is_removed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _compiling(cache, "整改")
    (current,) = cache.glob("patterns-*.bin")
    earlier = current.with_name(current.name.rsplit("-", 1)[0] + "-1.bin")
    other_python = cache / "patterns-cpython-399-20010101-30907f0-2.bin"
    earlier.write_bytes(b"an earlier format")
    other_python.write_bytes(b"another Python's store")
    _compiling(cache, "整改完成")
    assert not earlier.exists() and current.exists()
    assert other_python.exists()  # another Python build's store is that Python's


def test_a_stored_program_sre_refuses_is_compiled_as_usual(tmp_path: Path) -> None:
    # the checksum passes (the store was written so), but the program is not one _sre accepts:
    # the pattern is compiled by re when first asked for, and the run gives what a run without the store gives
    cache = tmp_path / "cache"
    _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    path = next(cache.glob("patterns-*.bin"))
    generation, stored = _stored(cache)
    broken = {key: (e[0], b"\x00\x00\x00\x00" * 3, *e[2:]) for key, e in stored.items()}
    payload = marshal.dumps((generation, broken))
    import zlib

    path.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
    proc = _rectxl("check", str(EXAMPLE), "--format", "json", cache=cache)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == _rectxl("check", str(EXAMPLE), "--format", "json", cache=None).stdout


#: a run of the command line in a process that counts what ``re`` compiles (the store's restored
#: programs are built by ``_sre`` directly, never through ``re._compiler.compile``)
_COUNTING_RUN = """
import re._compiler as compiler, sys
compiled = []
original = compiler.compile
def counting(p, flags=0):
    compiled.append(p)
    return original(p, flags)
compiler.compile = counting
import atexit
# (the command line ends by os._exit after running the exit handlers)
atexit.register(lambda: print(len(compiled), sum(isinstance(p, bytes) for p in compiled), file=sys.stderr))
from rectxl.cli import main
main()
"""


def test_a_second_run_compiles_no_pattern(tmp_path: Path) -> None:
    """Once stored, a check of the same kind of workbook compiles nothing: the file readers' byte
    patterns (the package parts' XML scans) are kept as the text ones are."""
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "RECTXL_NO_PATTERN_STORE"}
    env["RECTXL_CACHE_DIR"] = str(cache)
    runs = [subprocess.run([sys.executable, "-c", _COUNTING_RUN, "check", str(EXAMPLE)], capture_output=True,
                           text=True, encoding="utf-8", env=env, timeout=120) for _ in range(2)]
    counts = [tuple(int(n) for n in run.stderr.split()[-2:]) for run in runs]
    assert counts[0][1] > 10  # the readers' byte patterns, compiled on the first run
    assert counts[1] == (0, 0), counts
