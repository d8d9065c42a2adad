"""Compiled regular expressions kept between runs of the command line, as Python keeps .pyc files.

What it buys: rectxl reads Chinese text with a few hundred regular expressions, and Python
compiles a pattern in pure Python — a class over the CJK range alone costs about a millisecond.
On a small ledger that is ~60 ms of the ~140 ms ``rectxl check`` takes. After a run, the compiled
programs of the patterns ``re`` holds are saved; at the next start ``re``'s own cache, where
``re.compile`` (and ``re.search`` …) look first, is given a fallback that builds a stored program
when a pattern is first asked for — the same object ``re.compile`` would have built, in a few
microseconds. Only what a run uses is built: a store also holds what other commands use (the
notice's parser, the batch report), and building all of it at start-up (~2,000 programs, 9 MB,
in a store kept across a year of edits) cost 50 ms, a third of a small ledger's check.

Pruned as it goes: each save stamps the entries that run used; an entry no run has used over the
last :data:`KEEP_SAVES` saves (a pattern an edit or an upgrade has replaced) is dropped. A store
is saved only by a run that compiled something new, so an installed version, whose patterns no
longer change, keeps its store as it is.

Safe by construction:
- an entry is keyed by the exact pattern text and flags, and the file by the Python build
  (version and the regular-expression engine's ``MAGIC``); ``_sre`` validates every program it
  is given, and any failure — an unreadable, stale or foreign file, a Python whose ``re``
  internals differ — leaves the ordinary compiling in place (nothing is ever worse than without);
- only patterns are kept (text ones, and the byte ones the file readers scan package parts with,
  ~70 compiled on every read of a workbook before they were kept too: ~20 ms of a small check), at
  most :data:`MAX_PATTERNS`; rectxl builds no pattern from a ledger's contents, so none of a
  ledger's text is written (a test keeps it so), and joins its word lists in a fixed order, so a
  pattern is the same text in every run;
- the file is written atomically (with a checksum), and only by a run that compiled something new;
  ``RECTXL_NO_PATTERN_STORE=1`` turns the store off, ``RECTXL_CACHE_DIR`` puts it elsewhere.

Used by the command line alone (:func:`rectxl.cli.main`, in :mod:`rectxl.cli`), before rectxl's modules are imported.
"""

from __future__ import annotations

import _sre
import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

__all__ = ["KEEP_SAVES", "MAX_PATTERNS", "restore", "store_path"]

#: the most patterns the file keeps (rectxl's own are ~600; the cap bounds what other code adds)
MAX_PATTERNS = 2000
#: the saves an entry survives without being used (then it is taken for a replaced pattern)
KEEP_SAVES = 8
#: the store's format; bump it when what an entry holds changes
_FORMAT = 2

#: an entry: the program as ``re._compiler.compile`` hands it to ``_sre`` (flags, code as bytes,
#: groups, groupindex, indexgroup), then the save that last saw it used
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...], int]
#: (pattern, flags) → entry, as restored
_restored: dict[tuple[str | bytes, int], _Entry] = {}
#: the stored entries this run asked for
_used: set[tuple[str | bytes, int]] = set()
#: the number of the last save
_generation = 0


class _StoredPatterns(dict):  # type: ignore[type-arg]
    """``re``'s cache, with the store behind it: a pattern not in the cache is built from its
    stored program the first time it is asked for (``dict.__missing__``, which ``re``'s plain
    ``_cache[key]`` lookup calls); one the store lacks is compiled by ``re`` as usual."""

    __slots__ = ()

    def __missing__(self, key: tuple[type, str | bytes, int]) -> re.Pattern[Any]:
        kind, pattern, flags = key
        entry = _restored.get((pattern, flags)) if kind is str or kind is bytes else None
        if entry is None:
            raise KeyError(key)
        try:
            all_flags, code, groups, groupindex, indexgroup, _ = entry
            compiled: re.Pattern[Any] = _sre.compile(pattern, all_flags, array("I", code).tolist(), groups,
                                                     groupindex, indexgroup)
        except Exception:  # a program _sre refuses (a store from elsewhere): re compiles it as usual
            del _restored[pattern, flags]
            raise KeyError(key) from None
        _used.add((pattern, flags))
        self[key] = compiled
        return compiled


def _cache_name() -> str | None:
    """The name of the dict ``re._compile`` looks a pattern up in first by ``cache[key]``: ``_cache``
    up to Python 3.11, ``_cache2`` since 3.12 (its FIFO in front of an LRU it ``pop``s from); None
    for a ``re`` this does not know."""
    for name in ("_cache2", "_cache"):
        if type(getattr(re, name, None)) is dict:
            return name
    return None


def store_path() -> Path | None:
    """The store's file for this Python build, in the user's cache folder (or ``RECTXL_CACHE_DIR``);
    None when turned off or when there is no home folder to keep it in."""
    if os.environ.get("RECTXL_NO_PATTERN_STORE"):
        return None
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
    global _generation
    try:
        raw = path.read_bytes()
        if zlib.crc32(raw[4:]).to_bytes(4, "little") != raw[:4]:
            raise ValueError("damaged")  # a flipped byte a valid program could hide
        generation, stored = marshal.loads(raw[4:])
        if not isinstance(generation, int) or not isinstance(stored, dict):
            raise ValueError("foreign")
        name = _cache_name()
        if name is None:
            raise ValueError("unknown re")
        cache = _StoredPatterns(getattr(re, name))
        _restored.update(stored)
        _generation = generation
        setattr(re, name, cache)
    except FileNotFoundError:
        pass
    except Exception:  # a stale, damaged or foreign file: compile as usual, and write it anew
        _restored.clear()
    atexit.register(_save, path)


def _entry(pattern: str | bytes, flags: int, generation: int) -> _Entry:
    """What ``re`` compiles ``pattern`` into, as ``re._compiler.compile`` hands it to ``_sre``,
    stamped as used by save ``generation``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), array("I", (int(c) for c in code)).tobytes(),
            parsed.state.groups - 1, groupindex, tuple(indexgroup), generation)


def _save(path: Path) -> None:
    """Write the store if this run compiled patterns it does not hold: this run's patterns stamped
    with the new save's number, the others kept until :data:`KEEP_SAVES` saves have not used them."""
    try:
        if _sre.CODESIZE != array("I").itemsize:
            return
        keys = [key for name in ("_cache", "_cache2") for key in list(getattr(re, name, None) or ())]
        new = list(dict.fromkeys((key[1], key[2]) for key in keys
                                 if key[0] in (str, bytes) and (key[1], key[2]) not in _restored
                                 and not key[2] & re.DEBUG))
        if not new:
            return
        generation = _generation + 1
        entries = {key: (*entry[:5], generation) if key in _used else entry
                   for key, entry in _restored.items() if key in _used or entry[5] > generation - KEEP_SAVES}
        if len(entries) + len(new) > MAX_PATTERNS:  # patterns that differ from run to run: start anew
            entries = {}
        for pattern, flags in new[:MAX_PATTERNS]:
            entries[pattern, flags] = _entry(pattern, flags, generation)
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.bin"):
            if old != path:
                old.unlink(missing_ok=True)  # an earlier format's store for this Python build
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            payload = marshal.dumps((generation, entries))
            tmp.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk, another Python's re: the next run compiles
        pass
