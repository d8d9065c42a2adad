"""``rectxl batch``'s job: validate every ledger under a folder in parallel.

For the 巡察办, who collect hundreds of units' ledgers: each ledger (.xlsx/.xlsm/.xls/.xlsb/.ods,
in the folder or its subfolders) is checked by the same library function as ``rectxl check``
(:func:`rectxl.api.check`), in worker processes across the cores. A file that cannot be read is
listed with its reason and never ends the run. Every file under the folder is accounted for:
lock files (``~$…``, ``.~lock.…#``), hidden files and folders, archives, WPS files and other
types are listed with why they were not checked, and so are rectxl's own outputs — recognised by
their content (the marker rectxl writes into them, see :func:`rectxl.io.outputs.output_kind`),
never by their names alone — and anything that is not a regular file (a FIFO would make a
reader wait forever). A file whose name is not UTF-8 (GBK bytes from an unpacked archive) is
listed under a readable name and the run goes on.

Each ledger is counted once: byte-for-byte copies are set aside (:func:`_set_copies_aside`), and
of several versions of one unit's ledger ("台账.xlsx", "台账（修改稿）.xlsx", "附件2：…（终稿）.xlsx",
"县财政局…（11月）" / "财政局…终稿") only the newest readable one is counted, the others listed as
set aside with a note. Which files may be versions is told by their names
(:func:`_version_groups`); whether they are is decided once they are read, by the unit each
declares (:class:`_Versions`: files of different units are never versions of one another). A
ledger whose 基本信息 单位名称 contradicts its file's name is counted under the name's unit, and
the conflict noted (:func:`rectxl.core.batch_report.resolve_unit`).
The results (:mod:`rectxl.core.batch_report`, findings as tuples) come back in a stable order
(by relative path; a ledger with other versions once the last of them is in — their findings
wait on disk, not in memory) and are handed, as they come, to sinks: :func:`write_batch` writes the 汇总
workbook (:mod:`rectxl.io.batch_out`) and the JSON (:mod:`rectxl.io.batch_json`) this way, so a
province of 10,000 ledgers never has every finding in memory.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import stat
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any, TextIO

from rectxl.api import check_ledger
from rectxl.core.batch_report import (
    COMPILED,
    OWN_OUTPUT,
    BatchResult,
    BatchSink,
    LedgerResult,
    Note,
    Skipped,
    copy_reason,
    ledger_result,
    measure_sketch,
    newest_version,
    no_ledger_message,
    papers_beside_ledgers,
    read_name,
    share_most_measures,
)
from rectxl.core.batch_units import (
    COMPILATION_NAMED,
    cluster,
    compiled_units,
    looks_like_roster,
    names_a_part,
    owners_of_others,
    roster_units,
    same_unit_name,
)
from rectxl.core.errors import NoLedgerTable, RectxlError, UnsafeWriteError
from rectxl.core.rules import Options
from rectxl.io.exported import CSV_SUFFIXES
from rectxl.io.limits import DEFAULT_TIMEOUT, display_name, has_undecodable_name
from rectxl.io.outputs import OUTPUT_LABELS, output_kind, resolve_output
from rectxl.io.reader import (
    LEDGER_SUFFIXES,
    WORD_LEDGER_SUFFIXES,
    read_grids,
    read_ledger,
    sibling_files,
)
from rectxl.io.word97 import LEGACY_WORD_SUFFIXES, LegacyWordError, kind_name

__all__ = ["DEFAULT_TIMEOUT", "BatchOutputs", "find_files", "is_not_a_ledger", "plan_outputs", "read_roster",
           "run_batch", "write_batch"]

#: what files of other types are, and what to do with them
_OTHER_TYPES = {
    **dict.fromkeys((".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"),
                    "压缩包（{ext}），未检查：请解压后再检查其中的台账"),
    **dict.fromkeys((".dps", ".dpt", ".ppt", ".pptx"),
                    "这是演示文稿（{ext}），不是台账，未检查：请向该单位索取 Excel 台账"),
    **dict.fromkeys((".pdf", ".ofd"), "这是 {kind} 文档（{ext}），不是台账，未检查：请向该单位索取 Excel 台账"),
}
#: documents a unit may send instead of its ledger (the reason names the unit, :func:`_document_reason`)
_DOCUMENTS = (".doc", ".docx", ".wps", ".pdf", ".ofd")
#: the files opened as ledgers: workbooks, and Word documents (a ledger kept as a Word table —
#: one without a ledger table is then listed as a document, :func:`_word_reason`)
_CHECKED = LEDGER_SUFFIXES + WORD_LEDGER_SUFFIXES + LEGACY_WORD_SUFFIXES + CSV_SUFFIXES
#: Word documents opened as ledgers: .docx, and a Word 97-2003 .doc or WPS 文字 .wps (converted by
#: LibreOffice, :mod:`rectxl.io.word97`)
_WORD_CHECKED = (*WORD_LEDGER_SUFFIXES, *LEGACY_WORD_SUFFIXES)
#: what rectxl writes as Word documents (:func:`rectxl.io.outputs.output_kind`)
_DOCUMENT_KINDS = ("notice", "letters")
#: rectxl's own batch JSON, by how it begins (:func:`rectxl.core.batch_report.json_head`)
_BATCH_JSON = re.compile(rb'^\{\s*"folder":.{0,4000}"rectxl_version":', re.DOTALL)
#: the name of the batch summary workbook: ``<folder>_批量校验汇总.xlsx`` beside the folder
SUMMARY_SUFFIX = "批量校验汇总"
_NON_UTF8_NAME = ("文件名不是 UTF-8 编码（多见于在 Linux 上解压 Windows 压缩包），无法可靠读取和链接："
                  "请把文件改名（或用支持 GBK 的工具重新解压）后再检查")


# -- finding the files -------------------------------------------------------------------------


def find_files(folder: Path, *, exclude: Sequence[Path] = ()) -> tuple[list[str], list[Skipped], list[Skipped]]:
    """Ledger files under ``folder`` (relative paths, sorted), the files left alone and the
    ledger files that cannot be read whatever their content — each with why: every file under
    ``folder`` is in one of the three lists.

    Lock files, hidden files, the paths in ``exclude`` (this run's outputs), every file that is
    not a spreadsheet and everything that is not a regular file are listed as ignored
    (:func:`is_not_a_ledger`); a hidden folder, a link to a folder and ``__MACOSX`` are listed
    once, not entered. A spreadsheet whose name is not UTF-8, a link to nothing or a folder that
    cannot be opened cannot be read: listed under a readable name. Nothing is opened here (a
    FIFO would block).
    """
    excluded = {os.path.realpath(p) for p in exclude}
    temporary = [_temporary_of(Path(p)) for p in exclude]
    ledgers: list[str] = []
    ignored: list[Skipped] = []
    unreadable: list[Skipped] = []

    def refused(error: OSError) -> None:
        where = Path(error.filename or folder)
        try:
            rel = "." if where == folder else where.relative_to(folder).as_posix() + "/"
        except ValueError:
            rel = str(where)
        unreadable.append(Skipped(display_name(rel), "无法打开该文件夹（没有访问权限或已被移走），其中的文件未检查"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=refused):
        base = Path(dirpath)
        entered = []
        for name in sorted(dirnames):
            reason = _not_a_ledger_folder(name, base / name)
            if reason is None:
                entered.append(name)
            else:
                ignored.append(Skipped(display_name((base / name).relative_to(folder).as_posix() + "/"), reason))
        dirnames[:] = entered
        letters = _letters_folder(base, filenames)
        for name in sorted(filenames):
            path = base / name
            rel = path.relative_to(folder).as_posix()
            shown = display_name(rel)
            if os.path.realpath(path) in excluded or any(t.fullmatch(name) and t.dir == str(base.resolve())
                                                         for t in temporary):
                continue  # this run's own outputs (an earlier run's, about to be replaced) and their temporary files
            reason = is_not_a_ledger(display_name(name))
            if reason is None and letters and os.path.splitext(name)[1].lower() in WORD_LEDGER_SUFFIXES:
                reason = _document_reason(rel, os.path.splitext(name)[1].lower())
            if reason is not None:
                ignored.append(Skipped(shown, _explained(base, name, rel, reason, letters, filenames)))
                continue
            try:
                mode = os.stat(path).st_mode
            except OSError:
                unreadable.append(Skipped(shown, "链接指向的文件不存在或无法访问，未检查"))
                continue
            if not stat.S_ISREG(mode):
                ignored.append(Skipped(shown, "不是普通文件（如命名管道或设备），未检查"))
            elif has_undecodable_name(rel):
                unreadable.append(Skipped(shown, f"{display_name(name)} {_NON_UTF8_NAME}"))
            else:
                ledgers.append(rel)
    ledgers.sort()
    ignored.sort(key=lambda s: s.file)
    unreadable.sort(key=lambda s: s.file)
    return ledgers, ignored, unreadable


@dataclass(frozen=True)
class _Temporary:
    """The temporary files an output is written through (:func:`rectxl.io.atomic.atomic_path`:
    ``.~<stem>.<8 hex><suffix>.tmp`` beside it)."""

    dir: str
    pattern: re.Pattern[str]

    def fullmatch(self, name: str) -> bool:
        return self.pattern.fullmatch(name) is not None


def _temporary_of(output: Path) -> _Temporary:
    output = Path(os.path.abspath(output))
    return _Temporary(str(output.parent.resolve()),
                      re.compile(rf"\.~{re.escape(output.stem)}\.[0-9a-f]{{8}}{re.escape(output.suffix[:16])}\.tmp"))


def _letters_folder(base: Path, filenames: Sequence[str]) -> bool:
    """Whether ``base`` is a folder ``rectxl remind`` wrote: its 提醒清单 workbook carries rectxl's marker
    (the letters beside it are rectxl's, not a unit's documents)."""
    from rectxl.io.letters_docx import LIST_NAME

    if LIST_NAME not in filenames or not any(os.path.splitext(n)[1].lower() in _DOCUMENTS for n in filenames):
        return False
    try:
        if not stat.S_ISREG(os.stat(base / LIST_NAME).st_mode):
            return False
    except OSError:
        return False
    return output_kind(base / LIST_NAME) == "remind"


def _explained(base: Path, name: str, rel: str, reason: str, letters: bool, filenames: Sequence[str]) -> str:
    """``reason`` (:func:`is_not_a_ledger`) told more precisely where the folder says more: a letter
    rectxl wrote, the unit that sent a document instead of its ledger, the ledger a lock file is of,
    a batch run's JSON."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _DOCUMENTS:
        if letters:
            return f"{OWN_OUTPUT}（rectxl remind 写出的提醒函或督办通知，与“提醒清单.xlsx”同在其输出文件夹），未检查"
        return _document_reason(rel, suffix)
    if name.startswith("~$"):
        owner = _lock_owner(name, filenames)
        if owner is not None:
            return (f"Excel/WPS 打开“{owner}”时生成的临时锁定文件（~$ 开头），不是台账；说明复制或报送时该台账"
                    "正处于打开状态，检查的可能不是最后保存的版本：如有疑问，请该单位关闭文件、保存后重新报送")
    if suffix == ".json" and _is_batch_json(base / name):
        return f"{OWN_OUTPUT}（批量校验汇总的 JSON），未检查"
    return reason


def _document_reason(rel: str, suffix: str) -> str:
    """Why a document (.docx, .pdf …) is not checked, and whom to ask for the ledger."""
    n = read_name(rel)
    who = f"该单位（{n.unit}）" if n.names_unit else "报送该文件的单位"
    kind = ("WPS 文字" if suffix in (".wps", ".wpt") else "Word" if suffix in (".doc", ".docx", ".docm", ".dot")
            else suffix[1:].upper())
    return f"这是 {kind} 文档（{suffix}），不是台账，未检查：请向{who}索取 Excel 台账"


def _lock_owner(name: str, filenames: Sequence[str]) -> str | None:
    """The workbook the lock file ``name`` (``~$…``) is of, when it lies beside it: ``~$`` before its
    whole name, or in place of its first two characters (a long name)."""
    rest = name[2:]
    if rest in filenames:
        return rest
    return next((f for f in filenames if f != name and len(f) == len(name) and f[2:] == rest
                 and not f.startswith("~$")), None)


def _lock_notes(folder: Path, ignored: Sequence[Skipped]) -> list[Note]:
    """A note for each ledger that was open when it was copied (its lock file lies beside it)."""
    notes = []
    for s in ignored:
        parent, _, name = s.file.rpartition("/")
        if not name.startswith("~$"):
            continue
        try:
            filenames = os.listdir(folder / parent) if parent else os.listdir(folder)
        except OSError:
            continue
        owner = _lock_owner(name, filenames)
        if owner is not None and os.path.splitext(owner)[1].lower() in LEDGER_SUFFIXES:
            ledger = f"{parent}/{owner}" if parent else owner
            notes.append(Note("open-when-copied", f"{ledger}：旁边有它的临时锁定文件“{name}”，说明复制或报送时该台账"
                              "正在 Excel/WPS 中打开，统计的可能不是最后保存的版本：如有疑问，请该单位关闭文件、"
                              "保存后重新报送", [ledger, s.file]))
    return notes


def _is_batch_json(path: Path) -> bool:
    """Whether ``path`` is the JSON a batch run wrote (by how it begins)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return _BATCH_JSON.match(fh.read(4096)) is not None
    except OSError:
        return False


def is_not_a_ledger(name: str) -> str | None:
    """Why a file called ``name`` is not checked as a ledger, by its name alone (None: it may be
    one — whether it is a rectxl output is told by its content, when it is opened)."""
    if name.startswith("~$"):
        return "Excel/WPS 打开文件时生成的临时锁定文件（~$ 开头），不是台账"
    if name.startswith(".~lock."):
        return "LibreOffice/WPS 打开文件时生成的临时锁定文件（.~lock. 开头），不是台账"
    if name.startswith("._"):
        return "macOS 复制或压缩文件时生成的附属文件（._ 开头），不是台账"
    suffix = os.path.splitext(name)[1].lower()
    if name.startswith("."):
        if suffix in _CHECKED:
            return "隐藏文件（文件名以“.”开头），未检查：如确为台账，请去掉文件名开头的“.”后再检查"
        return "隐藏文件（文件名以“.”开头），未检查"
    if suffix not in _CHECKED:
        other = _OTHER_TYPES.get(suffix)
        return (other.format(ext=suffix, kind=suffix[1:].upper()) if other
                else f"不是 Excel 台账文件（{suffix or '无扩展名'}），未检查")
    return None


def _not_a_ledger_folder(name: str, path: Path) -> str | None:
    """Why the folder ``path`` is not entered (None: it is)."""
    if name == "__MACOSX":
        return "macOS 压缩文件时生成的附属文件夹，其中没有台账，未检查"
    if name.startswith("."):
        return "隐藏文件夹（名称以“.”开头），其中的文件未检查"
    if os.path.islink(path):
        return "指向其他文件夹的链接，未进入检查：如需检查，请直接指定该文件夹"
    return None


def _own_output_reason(kind: str) -> str:
    """Why a workbook rectxl wrote (``kind``: :func:`rectxl.io.outputs.output_kind`) is not checked."""
    reason = f"{OWN_OUTPUT}（{OUTPUT_LABELS[kind]}），未检查"
    if kind == "annotated-copy":
        reason += "：如这是单位按校验意见修改后重新报送的台账，请改名（去掉文件名中的“_校验”）后再检查"
    return reason


class _NotALedger(Skipped):
    """A workbook found, on opening, to be one rectxl wrote (listed with the ignored files)."""


# -- one ledger (runs in a worker process) -------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    root: str
    files: tuple[str, ...]
    options: Options
    today: date
    timeout: float | None
    #: the files whose measures are wanted in short (:attr:`LedgerResult.sketch`)
    sketched: frozenset[str] = frozenset()


def _check_files(job: _Job) -> list[LedgerResult | Skipped]:
    """Validate each file of a chunk; every failure becomes a :class:`Skipped`, never a crash."""
    return [_check_one(Path(job.root), rel, job.options, job.today, job.timeout, rel in job.sketched)
            for rel in job.files]


def _check_one(root: Path, rel: str, options: Options, today: date, timeout: float | None,
               sketch: bool = False) -> LedgerResult | Skipped:
    path = root / rel
    start = time.perf_counter()
    kind = _own_kind(path)
    if kind is not None:
        return _NotALedger(rel, _own_output_reason(kind))
    word = path.suffix.lower() in _WORD_CHECKED
    try:
        with _TimeLimit(timeout):
            ledger = read_ledger(path, options.column_map)
            report = check_ledger(ledger, options, path=path, today=today, sibling_files=_siblings(str(path.parent)))
            stated = ledger.info.report_date
    except RectxlError as exc:  # LedgerError and friends: already one Chinese line
        if word:  # a Word document with no ledger table (a 情况报告), or one that cannot be opened
            return _NotALedger(rel, _word_reason(rel, exc))
        if isinstance(exc, NoLedgerTable):
            if path.suffix.lower() in CSV_SUFFIXES:  # a .csv whose table is no ledger (a roster, statistics)
                return _NotALedger(
                    rel, f"文本表格文件（{path.suffix.lower()}），其中没有整改台账的表头，不是台账，未检查")
            # a workbook of statistics (汇总表: 各单位问题数、完成率): no ledger sent broken
            return _NotALedger(rel, f"{str(exc).split('。', 1)[0]}，未检查")
        return Skipped(rel, _for_the_office(path, str(exc)))
    except _TimeUp:
        return Skipped(rel, f"处理超过 {timeout:g} 秒仍未完成，已跳过（文件可能过大或结构异常）")
    except MemoryError:
        return Skipped(rel, "文件过大，内存不足，无法读取")
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader's panic (pyo3 PanicException) must not end the run
        return Skipped(rel, f"读取时发生意外问题（{type(exc).__name__}: {exc}），请用 rectxl check 单独检查该文件")
    result = ledger_result(rel, report, seconds=time.perf_counter() - start,
                           stated=stated.isoformat() if stated is not None else "",
                           unit_source=ledger.info_source.get("unit_name", ""))
    if sketch:
        result.sketch = measure_sketch(m.text for m in ledger.measures())
    result.owners = owners_of_others((m.owner_unit for m in ledger.measures()), result.unit)
    return result


def _own_kind(path: Path) -> str | None:
    """What rectxl wrote ``path`` as (:func:`rectxl.io.outputs.output_kind`), None when it is no
    output of rectxl's — or a document of rectxl's given a workbook's name (the reader says that)."""
    word = path.suffix.lower() in WORD_LEDGER_SUFFIXES
    if not word and path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    kind = output_kind(path)
    return kind if kind is None or (kind in _DOCUMENT_KINDS) == word else None


def _word_reason(rel: str, exc: RectxlError) -> str:
    """Why a Word document in the folder was not counted as a ledger: no table of it is one (the
    reason a document always had), or it cannot be opened (said with the reader's words)."""
    reason = _document_reason(rel, os.path.splitext(rel)[1].lower())
    if isinstance(exc, NoLedgerTable):
        return reason
    if isinstance(exc, LegacyWordError):
        # a .doc that LibreOffice could not turn into a .docx (none installed): it may be the ledger
        n = read_name(rel)
        who = f"该单位（{n.unit}）" if n.names_unit else "报送该文件的单位"
        return (f"这是 {kind_name(rel)}（{os.path.splitext(rel)[1]}），{exc.why}，未检查：如果它是台账，"
                f"请{who}在 Word 或 WPS 中“另存为”Word 文档（.docx）后重新报送，或向{who}索取 Excel 台账")
    head, _, ask = reason.partition("，不是台账，未检查：")
    return f"{head}，无法读取（{str(exc).rstrip('。')}），未检查：{ask}"


def _for_the_office(path: Path, reason: str) -> str:
    """A reader's reason told for the 巡察办, who collect the file rather than own it: a file with
    a password is the unit's to open (the office has no password)."""
    from rectxl.io.file_kind import ENCRYPTED, sniff

    try:
        encrypted = sniff(path) == ENCRYPTED
    except OSError:
        return reason
    if encrypted:
        return (reason + "。巡察办一般没有该密码：请该单位取消打开密码后重新报送（或提供密码，"
                "由巡察办在 Excel 中打开、另存为无密码的文件后再检查）")
    return reason


@lru_cache(maxsize=256)
def _siblings(folder: str) -> frozenset[str]:
    """The file names the ``evidence-file-missing`` rule looks for, once per folder and worker
    (``rectxl check`` lists them for each ledger; a folder of 1,000 ledgers would list it 1,000
    times)."""
    return sibling_files(Path(folder) / "_")


class _TimeUp(Exception):
    pass


class _TimeLimit:
    """Raise :class:`_TimeUp` in this (worker) process after ``seconds`` (Unix, main thread).

    A guard against a pathological file, not a hard limit: it fires when Python code runs, so
    a reader stuck inside native code is interrupted only when it returns."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and hasattr(signal, "setitimer") else None
        self.previous: Any = None

    def __enter__(self) -> None:
        if self.seconds is None:
            return
        try:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
        except ValueError:  # not the main thread: no guard
            self.seconds = None
            return
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _fire(signum: int, frame: object) -> None:
        raise _TimeUp


# -- the run ------------------------------------------------------------------------------------


#: a file name (or folder) that says it is a copy: "台账 - 副本", "台账(1)", "备份", a WPS backup's time
_COPY_NAME = re.compile(r"副本|备份|拷贝|copy|backup|bak|[(（]\d{1,2}[)）]$|[_-]\d{8,14}$", re.IGNORECASE)


def _set_copies_aside(folder: Path, files: list[str]) -> tuple[list[str], list[Skipped]]:
    """The files to check, and those set aside as byte-for-byte copies of one of them ("台账 -
    副本.xlsx", a backup folder's copy): of each set of identical files the one whose name least
    looks like a copy is checked, so that a unit's ledger is never counted twice."""
    from rectxl.io.reader import file_sha256

    by_size: dict[int, list[str]] = {}
    for rel in files:
        try:
            by_size.setdefault((folder / rel).stat().st_size, []).append(rel)
        except OSError:
            by_size.setdefault(-1 - len(by_size), []).append(rel)  # the check will say what is wrong
    by_content: dict[str, list[str]] = {}
    for same_size in by_size.values():  # only files of one size can be copies: only those are read
        for rel in same_size:
            try:
                key = file_sha256(folder / rel) if len(same_size) > 1 else rel
            except OSError:
                key = rel
            by_content.setdefault(key, []).append(rel)
    keep: set[str] = set()
    copies: list[Skipped] = []
    for same in by_content.values():
        first = min(same, key=lambda rel: (sum(bool(_COPY_NAME.search(p)) for p in Path(rel).with_suffix("").parts),
                                           rel.count("/"), rel))
        keep.add(first)
        copies += [Skipped(rel, copy_reason(first, rel)) for rel in same if rel != first]
    return [rel for rel in files if rel in keep], copies


def _version_groups(files: list[str]) -> list[list[str]]:
    """Files that may be versions of one ledger, by their names: names that name one unit, however
    spelled ("县财政局整改台账（11月）" / "财政局-整改台账-终稿", "东山镇/整改台账" / "东山镇整改台账（11月）";
    :func:`rectxl.core.batch_units.cluster`) — saying the same besides or not (a part, another 附件
    number, words rectxl does not know: "（改）", "-新") — and names that are only ledger words in one
    folder ("整改台账" / "整改台账(1)").

    These are only candidates: whether they are versions is decided once they are read
    (:class:`_Versions`), by the unit each declares."""
    names = {rel: read_name(rel) for rel in files}
    named = [rel for rel in files if names[rel].names_unit]
    # names saying more than the unit, and something else each ("台账（改）" / "台账", "台账-新", "台账2.0",
    # "第一部分" / "第二部分") may be parts or versions: the measures they share tell (_Versions)
    groups = [g for g in cluster(named, lambda rel: names[rel].unit) if len(g) > 1]
    by_key: dict[str, list[str]] = {}
    for rel in files:
        if not names[rel].names_unit:
            by_key.setdefault(names[rel].key, []).append(rel)
    return groups + [g for g in by_key.values() if len(g) > 1]


def _own_outputs_apart(folder: Path, groups: list[list[str]]) -> tuple[list[list[str]], list[Skipped]]:
    """The candidate versions without rectxl's own outputs among them ("台账_校验.xlsx" beside
    "台账.xlsx", told by their content), and those outputs: only these files are opened here."""
    own: list[Skipped] = []
    kept = []
    for group in groups:
        versions = []
        for rel in group:
            kind = _own_kind(folder / rel)
            if kind is None:
                versions.append(rel)
            else:
                own.append(Skipped(rel, _own_output_reason(kind)))
        if len(versions) > 1:
            kept.append(versions)
    return kept, own


class _Spool:
    """Findings of ledgers held back (:class:`_Versions`) on disk until they are wanted, so that
    held ledgers cost no memory however many there are."""

    def __init__(self) -> None:
        self.file: IO[bytes] | None = None
        self.where: dict[str, tuple[int, int]] = {}

    def put(self, r: LedgerResult) -> None:
        if self.file is None:
            self.file = tempfile.TemporaryFile(prefix="rectxl-batch-")
        data = pickle.dumps(r.findings, protocol=pickle.HIGHEST_PROTOCOL)
        self.file.seek(0, os.SEEK_END)
        self.where[r.file] = (self.file.tell(), len(data))
        self.file.write(data)
        r.findings = []

    def take(self, r: LedgerResult) -> None:
        place = self.where.pop(r.file, None)
        if place is None or self.file is None:
            return
        self.file.seek(place[0])
        r.findings = pickle.loads(self.file.read(place[1]))

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


class _Versions:
    """Candidate versions (:func:`_version_groups`) held back as they are checked, then decided
    when the last of a group is in, with what the files say:

    - files that declare different units (title row, 基本信息 单位名称, 填报单位 — as
      :func:`rectxl.core.batch_report.resolve_unit` counts them) are different units' ledgers,
      each counted, whatever their names;
    - of the files of one unit (:func:`rectxl.core.units.same_unit_name`: "县财政局" /
      "财政局"), only the newest (:func:`rectxl.core.batch_report.newest_version`, with the dates
      the ledgers state) is counted; the others are set aside, with a note;
    - when the newest cannot be read, the newest one that can is counted, and that is said."""

    def __init__(self, folder: Path, groups: list[list[str]], result: BatchResult,
                 column_map: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.column_map = column_map
        self.group = {rel: i for i, g in enumerate(groups) for rel in g}
        self.waiting = [len(g) for g in groups]
        self.held: dict[int, list[LedgerResult | Skipped]] = {}
        self.result = result
        self.spool = _Spool()

    def hold(self, outcome: LedgerResult | Skipped) -> list[LedgerResult | Skipped] | None:
        """None: ``outcome`` is not a candidate (deliver it); else what to deliver now (the
        group's outcomes, once it is complete)."""
        g = self.group.get(outcome.file)
        if g is None:
            return None
        self.waiting[g] -= 1
        if isinstance(outcome, _NotALedger):
            out: list[LedgerResult | Skipped] = [outcome]
        else:
            if isinstance(outcome, LedgerResult):
                self.spool.put(outcome)
            self.held.setdefault(g, []).append(outcome)
            out = []
        if self.waiting[g] == 0:
            out += self._decide(self.held.pop(g, []))
        return out

    def _decide(self, members: list[LedgerResult | Skipped]) -> list[LedgerResult | Skipped]:
        def unit_of(o: LedgerResult | Skipped) -> str | None:
            if isinstance(o, LedgerResult):
                return o.unit
            n = read_name(o.file)
            return n.unit if n.names_unit else None

        out: list[LedgerResult | Skipped] = []
        for same in cluster(members, unit_of):
            same = self._lists_apart(same)
            for versions in ([same] if len(same) < 2 else _alike(same)):
                out += versions if len(versions) < 2 else self._one_unit(versions)
        for o in out:
            if isinstance(o, LedgerResult):
                self.spool.take(o)
        return sorted(out, key=lambda o: o.file)

    def _changes_since(self, unit: str, previous: str, record: LedgerResult) -> None:
        """A note of what changed for the worse between the version set aside just before the one
        counted and that one (:func:`rectxl.core.diff.diff_ledgers`' 值得注意: 状态倒退, a deadline
        put off unsaid, a finished measure deleted …) — last month's ledger sent again beside this
        month's says what the unit changed since. Both files are read again (versions are few);
        very large ones are left to ``rectxl diff``."""
        from collections import Counter

        from rectxl.core.diff import diff_ledgers

        if record.counts.get("measures", 0) > _DIFF_MEASURES:
            return
        try:
            old = read_ledger(self.folder / previous, self.column_map)
            if sum(1 for _ in old.measures()) > _DIFF_MEASURES:
                return
            new = read_ledger(self.folder / record.file, self.column_map)
            diff = diff_ledgers(old, new, old_name=previous, new_name=record.file)
        except (RectxlError, OSError, ValueError, MemoryError):
            return
        if not diff.regressions:
            return
        kinds = Counter(r.kind.value for r in diff.regressions)
        said = "、".join(f"{kind} {n} 处" for kind, n in kinds.items())
        self.result.notes.append(Note(
            "changes-since-previous-version",
            f"{unit}：统计的“{record.file}”与上一版“{previous}”相比，有值得注意的变化 {len(diff.regressions)} 处"
            f"（{said}）：可用 rectxl diff “{previous}” “{record.file}” 查看明细并核实",
            [previous, record.file]))

    def _lists_apart(self, same: list[LedgerResult | Skipped]) -> list[LedgerResult | Skipped]:
        """One unit's files without those that hold no measure when another holds some — the 问题清单
        a unit sends with its ledger ("附件1：巡察反馈问题清单" beside "附件2：整改台账"), set aside
        with why: counted, it had added its problems' errors (no measure for each) to the unit's."""
        full = [o.file for o in same if isinstance(o, LedgerResult) and o.counts.get("measures", 0)]
        if not full:
            return same
        kept: list[LedgerResult | Skipped] = []
        for o in same:
            if isinstance(o, LedgerResult) and not o.counts.get("measures", 0):
                self.spool.where.pop(o.file, None)
                listed = f" {o.issues} 个问题" if o.issues else "问题"
                self.result.set_aside.append(Skipped(o.file, (
                    f"只列了{listed}，没有整改措施，应是随台账报送的问题清单等材料，未统计；“{o.unit}”的台账已统计"
                    f"（{'、'.join(full)}）")))
            else:
                kept.append(o)
        return kept

    def _one_unit(self, same: list[LedgerResult | Skipped]) -> list[LedgerResult | Skipped]:
        """The versions of one unit's ledger: the one to count (and the newer ones that could not
        be read); the rest are set aside."""
        by_file = {o.file: o for o in same}
        modified = {rel: _modified(self.folder / rel) for rel in by_file}
        stated = {o.file: o.stated for o in same if isinstance(o, LedgerResult)}
        ordered, why = newest_version([(rel, modified[rel]) for rel in by_file], stated)
        readable = [rel for rel in ordered if isinstance(by_file[rel], LedgerResult)]
        if not readable:
            return same  # none can be read: each is listed as unreadable
        chosen = readable[0]
        record = by_file[chosen]
        assert isinstance(record, LedgerResult)
        unit = record.unit
        at = ordered.index(chosen)
        newer, older = ordered[:at], ordered[at + 1:]
        out: list[LedgerResult | Skipped] = [record]
        for rel in newer:
            broken = by_file[rel]
            assert isinstance(broken, Skipped)  # newer than the first readable one: unreadable
            out.append(Skipped(rel, f"{broken.reason}（这是“{unit}”台账较新的版本（{why}），"
                                    f"已改为统计可以读取的上一版本“{chosen}”）"))
        if newer:
            self.result.notes.append(Note(
                "newest-version-unreadable",
                f"{unit}：较新的版本{'、'.join(f'“{rel}”' for rel in newer)}无法读取（见“无法读取”），"
                f"已改为统计可以读取的上一版本“{chosen}”：请重新获取最新版本后再检查", [*newer, chosen]))
        if older:
            _, why_chosen = newest_version([(rel, modified[rel]) for rel in (chosen, *older)], stated)
            for rel in older:
                reason = f"“{unit}”台账的另一版本：以“{chosen}”为准（{why_chosen}），此文件未统计"
                old = by_file[rel]
                if not isinstance(old, LedgerResult):
                    reason += f"（此文件本身也无法读取：{old.reason}）"
                self.result.set_aside.append(Skipped(rel, reason))
            named = len({read_name(rel).rest for rel in (chosen, *older)}) > 1
            self.result.notes.append(Note(
                "versions", f"{unit}：收到 {len(older) + 1} 个不同版本的台账"
                f"{'（文件名不同，但整改措施大多相同）' if named else ''}，只统计“{chosen}”（{why_chosen}）；"
                f"未统计：{'、'.join(older)}。如果它们是同一单位台账的不同部分，请在文件名中注明"
                "（如“第一部分”“第二部分”）后重新检查", [chosen, *older]))
            if isinstance(by_file[older[0]], LedgerResult):
                self._changes_since(unit, older[0], record)
        return out


#: versions larger than this many measures are not compared by a batch (``rectxl diff`` compares them)
_DIFF_MEASURES = 20_000


def _alike(same: list[LedgerResult | Skipped]) -> list[list[LedgerResult | Skipped]]:
    """One unit's files (:meth:`_Versions._decide`) as the versions of each of its ledgers: the files
    whose names say the same besides the unit (:attr:`~rectxl.core.batch_report.NameInfo.rest`), and
    with them the files named otherwise whose measures are mostly theirs
    (:func:`~rectxl.core.batch_report.share_most_measures`: "东山镇整改台账（改）" is a version of
    "东山镇整改台账", its 第二部分 is not)."""
    by_rest: dict[str, list[LedgerResult | Skipped]] = {}
    for o in same:
        by_rest.setdefault(read_name(o.file).rest, []).append(o)
    parts = list(by_rest.values())

    def part(files: list[LedgerResult | Skipped]) -> str:
        return names_a_part(read_name(files[0].file).rest)

    merged = True
    while merged and len(parts) > 1:
        merged = False
        for i in range(len(parts)):
            for j in range(i + 1, len(parts)):
                if part(parts[i]) and part(parts[j]) and part(parts[i]) != part(parts[j]):
                    continue  # 县教育局整改台账（局机关） | （直属学校）: parts, their measures alike or not
                if any(isinstance(a, LedgerResult) and isinstance(b, LedgerResult) and a.sketch and b.sketch
                       and share_most_measures(a.sketch, b.sketch) for a in parts[i] for b in parts[j]):
                    parts[i] += parts.pop(j)
                    merged = True
                    break
            if merged:
                break
    for o in same:
        if isinstance(o, LedgerResult):
            o.sketch = None  # no longer wanted
    return parts


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def run_batch(
    folder: Path,
    *,
    options: Options | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    exclude: Sequence[Path] = (),
    today: date | None = None,
    sinks: Sequence[BatchSink] = (),
    keep_findings: bool = True,
    roster: Path | None = None,
) -> BatchResult:
    """Validate every ledger under ``folder`` with ``workers`` processes (default: one per core).

    ``progress(done, total)`` is called as files finish. Files are sent to the workers in small
    chunks (fewer round trips than one file at a time, still balanced across the cores). If a
    worker process dies (a crash inside a native reader), the files it had not finished are
    retried one by one, each in a process of its own, and the one that dies again is listed as
    skipped.

    ``roster``: a file listing the units that must report (:func:`read_roster`); without it, a file
    of the folder named as such a list (应报送单位名单.xlsx, :func:`~rectxl.core.batch_units.looks_like_roster`)
    is read as the roster and not checked as a ledger. The units it lists of which no ledger is
    counted are listed as not reported (:func:`rectxl.core.batch_report.round_rows`).

    Each ledger is handed to every sink (:meth:`BatchSink.add`) as soon as it and every file
    before it are done, in file order; the sinks are not closed here. With ``keep_findings``
    False, a ledger's findings are dropped once the sinks have them: the result then holds one
    small record per ledger, however many findings there are. Results that arrive ahead of an
    unfinished file wait for it, and only a window of chunks (:data:`_WINDOW` per worker, at
    least 16) is handed out beyond it, so that one slow ledger cannot make them pile up.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise RectxlError(f"找不到文件夹：{folder}" if not folder.exists() else f"{folder} 不是文件夹")
    start = time.perf_counter()
    options = options or Options()
    today = today or date.today()
    _siblings.cache_clear()  # the folder may have changed since an earlier run in this process
    files, ignored, unreadable = find_files(folder, exclude=exclude)
    units, roster_file, files, ignored = _roster_of(folder, roster, files, ignored)
    files, copies = _set_copies_aside(folder, files)
    workers = max(1, min(workers or os.cpu_count() or 1, len(files) or 1))
    result = BatchResult(folder=display_name(str(folder)), ignored=ignored, workers=workers, set_aside=copies,
                         notes=_lock_notes(folder, ignored), roster=units, roster_file=roster_file)
    groups, own = _own_outputs_apart(folder, _version_groups(files))
    if own:
        result.ignored += own
        dropped = {s.file for s in own}
        files = [rel for rel in files if rel not in dropped]
    versions = _Versions(folder, groups, result, options.column_map)
    #: ledgers whose 责任单位 name other units (:func:`_compilations_apart`)
    compilations: list[LedgerResult] = []
    done = 0

    def deliver(outcome: LedgerResult | Skipped) -> None:
        now = versions.hold(outcome)
        if now is not None:
            for one in now:
                deliver_now(one)
        else:
            deliver_now(outcome)

    def deliver_now(outcome: LedgerResult | Skipped) -> None:
        if isinstance(outcome, LedgerResult) and outcome.owners is not None:
            versions.spool.put(outcome)  # it may compile the ledgers still to come: decided at the end
            compilations.append(outcome)
            return
        count(outcome)

    def count(outcome: LedgerResult | Skipped) -> None:
        if isinstance(outcome, LedgerResult):
            for sink in sinks:
                sink.add(outcome)
            if not keep_findings:
                outcome.findings = []
            result.ledgers.append(outcome)
        elif isinstance(outcome, _NotALedger):
            result.ignored.append(Skipped(outcome.file, outcome.reason))
        else:
            result.skipped.append(outcome)

    def arrived(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, len(files))

    if progress is not None:
        progress(0, len(files))
    # of files that may be versions named otherwise (or parts), the measures are wanted in short
    sketched = frozenset(rel for g in groups if len({read_name(r).rest for r in g}) > 1 for rel in g)

    def job(chunk: tuple[str, ...]) -> _Job:
        return _Job(str(folder), chunk, options, today, timeout, sketched.intersection(chunk))

    try:
        if workers == 1:
            for rel in files:
                outcomes = _check_files(job((rel,)))
                arrived(len(outcomes))
                for outcome in outcomes:
                    deliver(outcome)
        else:
            size = max(1, min(16, len(files) // (workers * 8)))
            chunks = [tuple(files[i : i + size]) for i in range(0, len(files), size)]
            _run_parallel(chunks, job, workers, deliver, arrived)
        for ledger in _compilations_apart(result, compilations):
            versions.spool.take(ledger)
            count(ledger)
    finally:
        versions.spool.close()
    result.skipped = sorted(result.skipped + unreadable, key=lambda s: s.file)
    result.set_aside.sort(key=lambda s: s.file)
    result.ignored.sort(key=lambda s: s.file)
    papers_beside_ledgers(result)
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _compilations_apart(result: BatchResult, held: list[LedgerResult]) -> list[LedgerResult]:
    """Of ``held`` (ledgers whose 责任单位 name other units), set aside each that compiles the
    ledgers of units counted on their own (:func:`~rectxl.core.batch_units.compiled_units`: the
    巡察办's 全县台账汇总 in the folder of the units' ledgers — counted, it would count their measures
    twice); the others, in file order, are to be counted."""
    names = list(dict.fromkeys(r.unit for r in [*result.ledgers, *held] if r.unit))
    seen: dict[str, str | None] = {}

    def unit_of(unit: str) -> str | None:
        if unit not in seen:
            seen[unit] = next((n for n in names if same_unit_name(unit, n)), None)
        return seen[unit]

    counted = []
    for r in sorted(held, key=lambda r: r.file):
        units, covered, alone = compiled_units(r.owners or {}, r.unit, r.counts.get("measures", 0), unit_of,
                                               named=COMPILATION_NAMED.search(PurePath(r.file).name) is not None)
        if not units:
            counted.append(r)
            continue
        shown = "、".join(units[:5]) + ("等" if len(units) > 5 else "")
        measures = r.counts.get("measures", 0)
        result.set_aside.append(Skipped(r.file, (
            f"{COMPILED}：{measures} 项措施中有 {covered} 项由{shown}（共 {len(units)} 个单位）牵头，"
            "这些单位的台账已另行统计，此文件不再统计，以免重复计算；如果它是某一单位自己的台账，请在文件名中写明该单位后"
            "重新检查" + _not_sent(alone))))
    return counted


def _not_sent(units: list[str]) -> str:
    """What a 汇总台账 set aside says of the units it names that sent no ledger of their own."""
    if not units:
        return ""
    shown = "、".join(units[:5]) + ("等" if len(units) > 5 else "")
    return (f"；其中{shown}（共 {len(units)} 个单位）在文件夹中没有单独的台账，它们的措施因此未计入统计："
            "请这些单位单独报送台账")


#: a roster read as text: one unit a line, or several on a line between marks or tabs
_ROSTER_LINE = re.compile(r"[\t,，]")


def read_roster(path: Path) -> list[str]:
    """The units the roster at ``path`` lists (:func:`~rectxl.core.batch_units.roster_units`): a
    workbook's first visible sheet that lists any (.xlsx/.xls/.ods …), or a text file (.txt/.csv),
    one unit a line. :class:`RectxlError` when it cannot be read or lists none."""
    path = Path(path)
    if not path.is_file():
        raise RectxlError(f"找不到应报送单位名单：{path}")
    try:
        if path.suffix.lower() in (".txt", ".csv"):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")  # saved by Notepad or Excel on a Chinese Windows
            grids: list[list[list[object]]] = [[list(_ROSTER_LINE.split(line)) for line in text.splitlines()]]
        elif path.suffix.lower() in (".docx", ".docm"):  # the list attached to the office's 通知
            from rectxl.io.docx_read import read_docx_rows

            grids = [[list(row) for row in rows] for rows in read_docx_rows(path)]
        else:
            grids = [g.rows for g in read_grids(path) if not g.hidden]
    except (OSError, RectxlError) as exc:
        raise RectxlError(f"无法读取应报送单位名单 {path.name}：{exc}") from None
    found = [roster_units(rows) for rows in grids]
    if any(units is None for units in found):
        raise RectxlError(f"{path.name} 是整改台账（有“整改措施”“具体问题”等列），不是应报送单位名单")
    for units in found:
        if units:
            return units
    raise RectxlError(f"应报送单位名单 {path.name} 中没有读到单位名称：请在第一列（或“单位名称”列）逐行填写单位")


def _roster_of(folder: Path, roster: Path | None, files: list[str], ignored: list[Skipped]
               ) -> tuple[list[str], str, list[str], list[Skipped]]:
    """(the roster's units, its file as the report names it, the files left to check, the files
    not checked): the roster given, else the first file of the folder (not of a subfolder) named as
    one that lists units.
    Every file of the folder that is such a list (the roster given among them) is set among the
    files not checked, with why — not checked as a ledger it is not."""
    units: list[str] = [] if roster is None else read_roster(roster)
    named = "" if roster is None else display_name(roster.name)
    lists: dict[str, int] = {}  # the folder's rosters → how many units each lists
    used = ""  # the one of them the run uses
    for rel in [*files, *(s.file for s in ignored if s.file.lower().endswith((".txt", ".csv", ".docx")))]:
        if roster is not None and _same_file(folder / rel, roster):
            lists[rel], used = len(units), rel
        elif looks_like_roster(rel):
            try:
                found = read_roster(folder / rel)
            except RectxlError:
                continue
            lists[rel] = len(found)
            if roster is None and not units and "/" not in rel and "责任单位" not in rel:
                # the office's roster lies beside the units' ledgers, not in a unit's folder, and is
                # no ledger's 责任单位名录 (a unit's own list of its 股室)
                units, named, used = found, rel, rel
    files = [rel for rel in files if rel not in lists]
    ignored = [s for s in ignored if s.file not in lists] + [
        Skipped(rel, _roster_reason(count) if rel == used else _other_roster_reason(count, named))
        for rel, count in lists.items()]
    return units, named, files, ignored


def _other_roster_reason(count: int, used: str) -> str:
    if not used:
        return (f"单位名单（列有 {count} 个单位），不是台账，未检查；它不在文件夹的第一层（或是责任单位名录），"
                "未用来核对未报送的单位：如它就是应报送单位名单，请用 --roster 指定")
    return f"单位名单（列有 {count} 个单位），不是台账，未检查；核对未报送单位用的是“{used}”"


def _roster_reason(count: int) -> str:
    return f"应报送单位名单（列有 {count} 个单位），不是台账，未检查：已用它核对哪些单位没有报送台账"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


#: chunks handed out beyond the first one not yet finished (per worker; see :func:`run_batch`)
_WINDOW = 8


def _run_parallel(chunks: list[tuple[str, ...]], job: Callable[[tuple[str, ...]], _Job], workers: int,
                  deliver: Callable[[LedgerResult | Skipped], None], arrived: Callable[[int], None]) -> None:
    """Run ``chunks`` on a pool of ``workers`` processes; ``deliver`` every outcome in chunk order."""
    ready: dict[int, list[LedgerResult | Skipped]] = {}  # finished chunks waiting for an earlier one
    following = 0  # the next chunk to deliver
    submitted = 0
    window = max(16, _WINDOW * workers)

    def finished(index: int, outcomes: list[LedgerResult | Skipped]) -> None:
        nonlocal following
        ready[index] = outcomes
        arrived(len(outcomes))
        while following in ready:
            for outcome in ready.pop(following):
                deliver(outcome)
            following += 1

    while submitted < len(chunks):
        broken: list[int] = []
        with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker) as pool:
            running: dict[Future[list[LedgerResult | Skipped]], int] = {}
            try:
                while running or (submitted < len(chunks) and not broken):
                    while not broken and submitted < len(chunks) and submitted < following + window:
                        try:
                            running[pool.submit(_check_files, job(chunks[submitted]))] = submitted
                        except BrokenProcessPool:
                            broken.append(submitted)
                        submitted += 1
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in sorted(done, key=running.__getitem__):
                        index = running.pop(future)
                        try:
                            outcomes = future.result()
                        except BrokenProcessPool:  # a worker died: every file it had not finished comes back
                            broken.append(index)
                        else:
                            finished(index, outcomes)
            except BaseException:  # a sink failed (disk full …) or the user interrupted: stop at once
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        # Each of those alone, in a process of its own: the file that kills it again is the culprit.
        for index in sorted(broken):
            finished(index, [_alone(job, rel) for rel in chunks[index]])


def _alone(job: Callable[[tuple[str, ...]], _Job], rel: str) -> LedgerResult | Skipped:
    """One file checked in a process of its own."""
    with ProcessPoolExecutor(max_workers=1, initializer=_quiet_worker) as single:
        try:
            (outcome,) = single.submit(_check_files, job((rel,))).result()
        except BrokenProcessPool:
            return Skipped(rel, "读取该文件时校验进程异常退出（文件可能已损坏或过大），已跳过")
    return outcome


def _quiet_worker() -> None:
    """Library warnings (openpyxl's UserWarnings …) are not shown to users from the workers either
    (``RECTXL_DEBUG=1`` shows them)."""
    if not os.environ.get("RECTXL_DEBUG"):
        warnings.simplefilter("ignore")


def write_batch(
    folder: Path,
    outputs: BatchOutputs,
    *,
    options: Options | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    today: date | None = None,
    stdout: TextIO | None = None,
    roster: Path | None = None,
) -> BatchResult:
    """``rectxl batch``: validate the folder and write the 汇总 workbook and the JSON (to
    ``stdout`` when ``outputs.json`` is ``"-"``) as the results come in — every finding goes
    straight to the outputs, none is kept (the result has the ledgers' counts, not their
    findings). The outputs appear only when complete; nothing is written when the folder holds
    no ledger file (:class:`RectxlError`) or the run fails.
    """
    from rectxl.io.batch_json import JsonSink
    from rectxl.io.batch_out import WorkbookSink

    exclude = [outputs.workbook] + ([Path(outputs.json)] if outputs.json not in (None, "-") else [])
    sinks: list[BatchSink] = [WorkbookSink(outputs.workbook, Path(folder))]
    try:
        if outputs.json == "-":
            sinks.append(JsonSink(stdout or sys.stdout))
        elif outputs.json is not None:
            sinks.append(JsonSink(Path(outputs.json)))
        result = run_batch(folder, options=options, workers=workers, progress=progress, timeout=timeout,
                           exclude=exclude, today=today, sinks=sinks, keep_findings=False, roster=roster)
        if not result.ledgers and not result.skipped:
            raise RectxlError(no_ledger_message(result))
        while sinks:
            sinks[0].close(result)
            sinks.pop(0)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return result


# -- where the outputs go ------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchOutputs:
    """The 汇总 workbook and the JSON of a run (``json`` None: not written; ``"-"``: stdout)."""

    workbook: Path
    json: Path | str | None


def plan_outputs(folder: Path, output: Path | None = None, json: Path | str | None = None, *,
                 no_json: bool = False, force: bool = False) -> BatchOutputs:
    """Where a run's outputs go, decided before the run (DESIGN.md §5): by default
    ``<folder>_批量校验汇总.xlsx`` beside the folder and the JSON beside the workbook; an existing
    file only with ``force``, and never a ledger of the folder being checked, even with it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RectxlError(f"找不到文件夹：{folder}" if not folder.exists() else f"{folder} 不是文件夹")
    if output is not None:
        _refuse_a_ledger_of_the_folder(Path(output), folder)
    workbook = resolve_output(folder, output, suffix=SUMMARY_SUFFIX, formats={".xlsx": "xlsx"}, force=force).path
    json_path: Path | str | None = None
    if not no_json:
        if json is not None and str(json) == "-":
            json_path = "-"
        else:
            wanted = Path(json) if json is not None else workbook.with_suffix(".json")
            _refuse_a_ledger_of_the_folder(wanted, folder)
            json_path = resolve_output(None, wanted, suffix=SUMMARY_SUFFIX, formats={".json": "json"},
                                       fallback="json", force=force, inputs=[workbook]).path
    return BatchOutputs(workbook, json_path)


def _refuse_a_ledger_of_the_folder(output: Path, folder: Path) -> None:
    """An output may replace an earlier rectxl output, never a ledger in the folder being checked."""
    try:
        inside = Path(os.path.realpath(output)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return
    if inside and output.is_file() and is_not_a_ledger(output.name) is None and output_kind(output) is None:
        raise UnsafeWriteError(f"输出文件 {output} 是所检查文件夹中的台账：为保护原台账，请用 -o 指定另一个文件名")
