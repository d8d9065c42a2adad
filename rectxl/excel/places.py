"""Where the Excel entry points put new files: the user's Documents folder, and free file names."""

from __future__ import annotations

import ctypes
import sys
import uuid
from pathlib import Path

__all__ = ["documents_folder", "free_name"]

#: FOLDERID_Documents (KnownFolders.h): the Documents folder, wherever the user or OneDrive moved it
_FOLDERID_DOCUMENTS = "{FDD39AD0-238F-46AF-ADB4-6C85480369C7}"


def _known_documents_folder() -> Path | None:
    """Windows: ``SHGetKnownFolderPath(FOLDERID_Documents)``; None elsewhere or on failure."""
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return None

    class GUID(ctypes.Structure):
        _fields_ = [("Data1", ctypes.c_ulong), ("Data2", ctypes.c_ushort), ("Data3", ctypes.c_ushort),
                    ("Data4", ctypes.c_ubyte * 8)]

    guid = GUID()
    raw = uuid.UUID(_FOLDERID_DOCUMENTS).bytes_le
    ctypes.memmove(ctypes.byref(guid), raw, len(raw))
    buffer = ctypes.c_wchar_p()
    try:
        if windll.shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(buffer)) != 0:
            return None
        return Path(buffer.value) if buffer.value else None
    except (OSError, AttributeError):
        return None
    finally:
        if buffer:
            windll.ole32.CoTaskMemFree(buffer)


def documents_folder() -> Path:
    """The user's Documents folder (created if missing): the Windows known folder, else ~/Documents."""
    folder = _known_documents_folder() if sys.platform.startswith("win") else None
    folder = folder or Path.home() / "Documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem(2)``, ``stem(3)``… — the first name no file has."""
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}({n}){suffix}"
    return target
