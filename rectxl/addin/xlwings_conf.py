"""xlwings' user configuration file, read and updated without losing the user's other settings.

``xlwings.conf`` is a simple list of ``"KEY","VALUE"`` lines (what ``xlwings config create`` and
the xlwings ribbon write). The add-in's VBA reads it with ``Input #`` — the system's ANSI code
page on Windows — and the first matching key wins, comparing keys case-insensitively. RunPython
takes the interpreter from ``INTERPRETER_WIN`` / ``INTERPRETER_MAC`` (``python`` when unset).

:func:`set_values` changes only the keys it is given: every other line is kept byte for byte, the
file's line endings and encoding too, and the new file replaces the old one atomically.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["conda_settings", "config_file", "read_config", "set_values"]

_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"')


def config_file() -> Path:
    """Where xlwings keeps the user's settings (``xlwings.USER_CONFIG_FILE``), for this platform."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "xlwings.conf"
    return Path.home() / ".xlwings" / "xlwings.conf"


def _encoding() -> str:
    """The encoding the VBA side reads: the ANSI code page on Windows, UTF-8 elsewhere."""
    if sys.platform.startswith("win"):
        try:
            codecs.lookup("mbcs")
            return "mbcs"
        except LookupError:
            pass
    return "utf-8"


def _lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    return data.decode(_encoding(), errors="surrogateescape").splitlines(keepends=True)


def read_config(path: Path | None = None) -> dict[str, str]:
    """Settings in the file (keys upper-cased; the first of a repeated key wins, as in VBA)."""
    values: dict[str, str] = {}
    for line in _lines(path or config_file()):
        m = _LINE.match(line)
        if m:
            values.setdefault(m.group(1).upper(), os.path.expandvars(m.group(2)))
    return values


def set_values(values: Mapping[str, str], path: Path | None = None) -> Path:
    """Set ``values`` (key → value) in the file, keeping every other line; returns its path."""
    from rectxl.addin.build import write_atomic

    path = path or config_file()
    lines = _lines(path)
    newline = "\r\n" if any(line.endswith("\r\n") for line in lines) or (
        not lines and sys.platform.startswith("win")) else "\n"
    wanted = {key.upper(): (key, value) for key, value in values.items()}
    for key, value in wanted.values():
        if '"' in key or '"' in value or "\n" in value:
            raise ValueError(f"xlwings 配置项不能含有引号或换行：{key}={value}")
    out: list[str] = []
    done: set[str] = set()
    for line in lines:
        m = _LINE.match(line)
        name = m.group(1).upper() if m else None
        if name in wanted:
            if name not in done:  # the first occurrence is the one VBA reads: replace it, drop repeats
                key, value = wanted[name]
                out.append(f'"{key}","{value}"{newline}')
                done.add(name)
            continue
        out.append(line)
    if out and not out[-1].endswith(("\n", "\r")):
        out[-1] += newline
    out.extend(f'"{key}","{value}"{newline}' for name, (key, value) in wanted.items() if name not in done)
    write_atomic(path, "".join(out).encode(_encoding(), errors="surrogateescape"))
    return path


def conda_settings() -> dict[str, str]:
    """``CONDA PATH`` / ``CONDA ENV`` for the conda environment this Python runs in (Windows only:
    there RunPython activates the environment first, without which its DLLs are not found)."""
    if not sys.platform.startswith("win"):
        return {}
    env, exe = os.environ.get("CONDA_DEFAULT_ENV"), os.environ.get("CONDA_EXE")
    prefix = os.environ.get("CONDA_PREFIX")
    if not (env and exe and prefix) or Path(prefix).resolve() != Path(sys.prefix).resolve():
        return {}
    return {"CONDA PATH": str(Path(exe).parent.parent), "CONDA ENV": env}
