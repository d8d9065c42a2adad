"""Compiled regular expressions kept between runs of the command line, as Python keeps .pyc files.

What it buys: rectxl reads Chinese text with a few hundred regular expressions, and Python
compiles a pattern in pure Python — a class over the CJK range alone costs about a millisecond.
On a small ledger that is ~60 ms of the ~140 ms ``rectxl check`` takes. After a run, the compiled
programs of the patterns ``re`` holds are saved; at the next start they are put back into ``re``'s
own cache, where ``re.compile`` (and ``re.search`` …) look first, so every module finds its
patterns already compiled — the same objects ``re.compile`` would have built, in ~4 ms.

Safe by construction:
- an entry is keyed by the exact pattern text and flags, and the file by the Python build
  (version and the regular-expression engine's ``MAGIC``); ``_sre`` validates every program it
  is given, and any failure — an unreadable, stale or foreign file, a Python whose ``re``
  internals differ — leaves the ordinary compiling in place (nothing is ever worse than without);
- only text patterns are kept, at most :data:`MAX_PATTERNS`; rectxl builds no pattern from a
  ledger's contents, so none of a ledger's text is written (a test keeps it so), and joins its
  word lists in a fixed order, so a pattern is the same text in every run;
- the file is written atomically (with a checksum), and only by a run that compiled something new;
  ``RECTXL_NO_PATTERN_STORE=1`` turns the store off, ``RECTXL_CACHE_DIR`` puts it elsewhere.

Used by the command line alone (:func:`rectxl.cli.main`, in :mod:`rectxl.cli`), before rectxl's modules are imported.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

__all__ = ["MAX_PATTERNS", "restore", "store_path"]

#: the most patterns the file keeps (rectxl's own are ~600; the cap bounds what other code adds)
MAX_PATTERNS = 2000
#: the store's format; bump it when what an entry holds changes
_FORMAT = 1

#: (pattern, flags) → (flags, code as bytes, groups, groupindex, indexgroup), as restored
_restored: dict[tuple[str, int], tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]] = {}


def store_path() -> Path | None:
    """The store's file for this Python build, in the user's cache folder (or ``RECTXL_CACHE_DIR``);
    None when turned off or when there is no home folder to keep it in."""
    if os.environ.get("RECTXL_NO_PATTERN_STORE"):
        return None
    import _sre

    try:
        if os.environ.get("RECTXL_CACHE_DIR"):
            base = Path(os.environ["RECTXL_CACHE_DIR"])
        elif sys.platform == "win32":
            base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "rectxl" / "Cache"
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches" / "rectxl"
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rectxl"
    except RuntimeError:  # no home folder
        return None
    build = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{sys.hexversion:x}-{_FORMAT}"
    return base / f"patterns-{build}.bin"


def restore() -> None:
    """Put the stored compiled patterns into ``re``'s cache, and save what this run adds at exit.
    Never raises: a store that cannot be used is a store not used."""
    path = store_path()
    if path is None:
        return
    # re keeps at most 512 patterns (re._MAXCACHE) and drops the oldest past it; rectxl compiles
    # more than that on one run, so a run would save only the last 512 and the next run compile the
    # others again (and save them, dropping others): room for them all, within the store's own cap
    re._MAXCACHE = max(getattr(re, "_MAXCACHE", 0), MAX_PATTERNS)  # type: ignore[attr-defined]
    try:
        import _sre

        raw = path.read_bytes()
        if zlib.crc32(raw[4:]).to_bytes(4, "little") != raw[:4]:
            raise ValueError("damaged")  # a flipped byte a valid program could hide
        stored = marshal.loads(raw[4:])
        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        for (pattern, flags), (all_flags, code, groups, groupindex, indexgroup) in stored.items():
            cache[str, pattern, flags] = _sre.compile(
                pattern, all_flags, array("I", code).tolist(), groups, groupindex, indexgroup)
        _restored.update(stored)
    except FileNotFoundError:
        pass
    except Exception:  # a stale, damaged or foreign file: compile as usual, and write it anew
        _restored.clear()
    atexit.register(_save, path)


def _entry(pattern: str, flags: int) -> tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """What ``re`` compiles ``pattern`` into, as ``re._compiler.compile`` hands it to ``_sre``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), array("I", (int(c) for c in code)).tobytes(),
            parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _save(path: Path) -> None:
    """Write the store if this run compiled patterns it does not hold."""
    try:
        import _sre

        if _sre.CODESIZE != array("I").itemsize:
            return
        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        new = [(key[1], key[2]) for key in list(cache)
               if key[0] is str and (key[1], key[2]) not in _restored and not key[2] & re.DEBUG]
        if not new:
            return
        # past the cap (patterns that differ from run to run, built by other code), start anew
        entries = dict(_restored) if len(_restored) + len(new) <= MAX_PATTERNS else {}
        for pattern, flags in new[:MAX_PATTERNS]:
            entries[pattern, flags] = _entry(pattern, flags)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            payload = marshal.dumps(entries)
            tmp.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk, another Python's re: the next run compiles
        pass
