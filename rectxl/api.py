"""The library's front door: one function per job, used by the CLI and the Excel entry points.

``from rectxl.api import check`` — read a ledger file, validate it, return the report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rectxl.core.errors import RectxlError
from rectxl.core.model import Ledger
from rectxl.core.rules import Options
from rectxl.core.validate import Report, Source, validate
from rectxl.io.atomic import ensure_not_input
from rectxl.io.outputs import OutputTarget, backup_original, resolve_output
from rectxl.io.reader import file_sha256, is_word_ledger, read_ledger
from rectxl.io.reader import sibling_files as list_siblings

if TYPE_CHECKING:  # the writers, the notice and the diff are imported where used (faster start-up)
    from rectxl.core.diff import LedgerDiff
    from rectxl.core.notice.parse import ParsedNotice
    from rectxl.io.letters_docx import Reminders
    from rectxl.io.marks import ClearOutcome

__all__ = [
    "annotate", "backup_copy", "check", "check_ledger", "clear", "diff", "ensure_outputs_apart", "new_ledger",
    "notice", "parse_notice_file", "remind", "summary_workbook", "write_diff", "write_report",
]

#: what each output format is written as, by extension (DESIGN.md §5: the extension decides)
REPORT_FORMATS = {".txt": "text", ".json": "json", ".csv": "csv", ".md": "markdown", ".html": "html",
                  ".htm": "html"}
WORKBOOK_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsm"}
NOTICE_FORMATS = {".docx": "docx", ".txt": "text", ".md": "markdown"}
DIFF_FORMATS = {".xlsx": "xlsx", ".json": "json", ".csv": "csv", ".txt": "text"}


def check(path: Path | str, options: Options | None = None, *, today: date | None = None,
          sibling_files: frozenset[str] | None = None) -> Report:
    """Read and validate the ledger file at ``path`` (``rectxl check``, and each ledger of a batch).

    ``sibling_files``: the file names beside it, when the caller has listed them already."""
    path = Path(path)
    ledger = read_ledger(path, options.column_map if options else ())
    return check_ledger(ledger, options, path=path, today=today, sibling_files=sibling_files)


def check_ledger(
    ledger: Ledger,
    options: Options | None = None,
    *,
    path: Path | None = None,
    today: date | None = None,
    sibling_files: frozenset[str] | None = None,
) -> Report:
    """Validate an already-read ledger; with ``path``, evidence files and the hash are checked."""
    source = _source(Path(path)) if path else Source()
    # the folder is listed only if a rule needs it (a file name among the evidence)
    files = sibling_files if sibling_files is not None or path is None else partial(list_siblings, path)
    return validate(ledger, options, sibling_files=files, source=source, today=today)


def _source(path: Path) -> Source:
    """The ledger file's path, hash and kind (a Word table, a business system's exported table)."""
    from rectxl.io.exported import kind_label
    from rectxl.io.reader import exported_kind

    word = is_word_ledger(path)
    exported = None if word else exported_kind(path)
    if not exported:
        return Source(path=str(path), sha256=file_sha256(path), word=word)
    if path.suffix.lower() == ".doc":  # Word's 另存为网页 (or a system's 导出Word) named .doc
        what = f"网页格式的 Word 文档（{path.suffix}）中的表格"
        places = "按行（表格上方的标题也计一行）和列（A、B、C…）"
    else:
        label = kind_label(exported)
        what, places = f"业务系统导出的{' ' if label[:1].isascii() else ''}{label}", "按 Excel 打开它时的行列"
    return Source(path=str(path), sha256=file_sha256(path), exported=what, exported_places=places)


def backup_copy(path: Path, now: datetime | None = None) -> Path:
    """Copy ``path`` to ``<stem>.备份-YYYYmmdd-HHMMSS<suffix>`` beside it (before an in-place write)."""
    return backup_original(path, now)


def write_report(report: Report, output: Path | str, *, format: str | None = None, force: bool = False) -> Path:
    """Write a check report to ``output`` (``rectxl check -o``) in the format its extension names
    (.txt text, .json JSON, .csv CSV with a BOM for Excel, .md Markdown, .html/.htm an HTML page;
    other text extensions: ``format`` or text). Never over the ledger checked, nor over an existing
    file without ``force``."""
    from rectxl.core import report as render
    from rectxl.io.atomic import atomic_write_text

    source = Path(report.source.path) if report.source.path else None
    target = resolve_output(source, Path(output), suffix="校验结果", formats=REPORT_FORMATS, format=format,
                            fallback="text", force=force,
                            hint="要得到带标色和“校验结果”表的工作簿，请用 rectxl annotate")
    if target.format == "json":
        atomic_write_text(target.path, render.to_json(report))
    elif target.format == "csv":
        atomic_write_text(target.path, render.to_csv(report), encoding="utf-8-sig")
    elif target.format == "markdown":
        atomic_write_text(target.path, render.to_markdown(report))
    elif target.format == "html":
        atomic_write_text(target.path, render.to_html(report))
    else:
        atomic_write_text(target.path, render.to_text(report))
    return target.path


def _workbook_target(path: Path, output: Path | None, *, suffix: str, force: bool, in_place: bool) -> OutputTarget:
    """Where a copy of the workbook at ``path`` goes: beside it as ``<name>_<suffix>`` in the
    same format (an .xlsm stays .xlsm), or over it with ``in_place``."""
    ext = path.suffix.lower()
    formats = {ext: WORKBOOK_FORMATS[ext]} if ext in WORKBOOK_FORMATS else WORKBOOK_FORMATS
    return resolve_output(path, output, suffix=suffix, formats=formats, force=force, in_place=in_place,
                          offers=("--force", "--in-place"))


def _backup_if_in_place(target: OutputTarget) -> Path | None:
    return backup_original(target.path) if target.in_place else None


def annotate(
    path: Path | str,
    output: Path | None = None,
    options: Options | None = None,
    *,
    in_place: bool = False,
    summary: bool = True,
    today: date | None = None,
    force: bool = False,
) -> tuple[Report, Path, Path | None]:
    """Validate ``path`` and write the annotated workbook; returns (report, output, backup).

    The output (default ``<name>_校验.xlsx`` beside the ledger) never replaces an existing file
    without ``force``; ``in_place`` writes the ledger itself (a symbolic link's target) after a
    timestamped backup beside it."""
    path = Path(path)
    ledger = read_ledger(path, options.column_map if options else ())
    report = check_ledger(ledger, options, path=path, today=today)
    from rectxl.core.sheets import marked_sheets  # (not imported by check: it brings the summary's modules)
    from rectxl.io.xlsx_out import annotate_file, ensure_editable

    # .xlsx/.xlsm only (with advice for .xls/.ods), and — in place — not a workbook its owner
    # protected: refused before any backup is made
    ensure_editable(path, in_place=in_place, sheets=marked_sheets(ledger))
    planned = _workbook_target(path, Path(output) if output is not None else None, suffix="校验", force=force,
                               in_place=in_place)
    target, backup = planned.path, _backup_if_in_place(planned)
    annotate_file(path, target, report, ledger, summary=summary)
    return report, target, backup


def clear(path: Path | str, output: Path | None = None, *, in_place: bool = False,
          force: bool = False) -> tuple[int, Path, Path | None]:
    """Remove rectxl's highlights and sheets; returns (cells restored, output, backup)."""
    outcome, target, backup = clear_marks(path, output, in_place=in_place, force=force)
    return outcome.restored, target, backup


def clear_marks(path: Path | str, output: Path | None = None, *, in_place: bool = False,
                force: bool = False) -> tuple[ClearOutcome, Path, Path | None]:
    """:func:`clear`, with all it did: cells restored (of them, marks that had moved with a sort
    or an inserted row), cells the user re-coloured, and cells still showing rectxl's colour
    whose own format could not be told."""
    path = Path(path)
    from rectxl.io.limits import check_regular_file

    check_regular_file(path, what="台账文件")
    from rectxl.io.xlsx_out import clear_file_outcome, ensure_editable

    # a hostile package, one rectxl never marked, or — in place — one protected since: refused here
    ensure_editable(path, marked=True, in_place=in_place)
    planned = _workbook_target(path, Path(output) if output is not None else None, suffix="已清除标记",
                               force=force, in_place=in_place)
    target, backup = planned.path, _backup_if_in_place(planned)
    return clear_file_outcome(path, target), target, backup


def summary_workbook(
    path: Path | str, output: Path | str | None = None, options: Options | None = None, *,
    today: date | None = None, force: bool = False,
) -> tuple[Report, Path]:
    """Write the summary sheets of the ledger at ``path`` to a new workbook ``output`` (default
    ``<name>_整改汇总.xlsx`` beside the ledger; an existing file only with ``force``).

    The report returned says what the sheets count and as of when, with no findings: the sheets
    need the as-of date and the warning grades, not the rules, so none is run (half the time of
    a summary at 10,000 measures) — :func:`check` or :func:`annotate` give the findings."""
    path = Path(path)
    ledger = read_ledger(path, options.column_map if options else ())
    report = validate(ledger, replace(options or Options(), select=frozenset()), source=Source(path=str(path)),
                      today=today)
    target = resolve_output(path, Path(output) if output is not None else None, suffix="整改汇总",
                            formats={".xlsx": "xlsx"}, force=force).path
    from rectxl.io.xlsx_out import write_summary_file

    write_summary_file(target, report, ledger)
    return report, target


NOTICE_SUFFIXES = (".docx", ".txt", ".md")


def notice(path: Path | str, output: Path | str | None = None, *, force: bool = False,
           omit_not_started: bool = False, as_of: date | None = None,
           today: date | None = None) -> tuple[Ledger, Path]:
    """Render the notice for the ledger at ``path`` as .docx, .txt or .md (by ``output``'s suffix;
    default ``<name>_通报.docx`` beside the ledger; an existing file only with ``force``).
    ``omit_not_started`` leaves the measures marked 未启动 out instead of writing them as planned;
    ``as_of`` (default: the ledger's 报告日期) dates the totals; a planned measure whose deadline
    has passed by then — or by ``today`` (default: the system date) when there is no as-of
    date — is not published as planned."""
    from rectxl.core.notice import render_notice
    from rectxl.io.atomic import atomic_write_text
    from rectxl.io.docx_notice import write_notice_docx

    path = Path(path)
    if output is not None and Path(output).suffix.lower() not in NOTICE_SUFFIXES:
        raise RectxlError(f"通报只能输出为 .docx、.txt 或 .md，而不是“{Path(output).suffix or '（无扩展名）'}”")
    ledger = read_ledger(path)
    target = resolve_output(path, Path(output) if output is not None else None, suffix="通报",
                            formats=NOTICE_FORMATS, force=force)
    today = today or date.today()
    if target.format == "docx":
        write_notice_docx(ledger, target.path, omit_not_started=omit_not_started, as_of=as_of, today=today)
    else:
        atomic_write_text(target.path, render_notice(
            ledger, style="markdown" if target.format == "markdown" else "text",
            omit_not_started=omit_not_started, as_of=as_of, today=today))
    return ledger, target.path


def parse_notice_file(path: Path | str, output: Path | str | None = None, *, force: bool = False) -> ParsedNotice:
    """Parse a published notice (.txt/.md/.docx, or the web page it was published on, saved as
    .html) into a ledger; with ``output``, write it as .xlsx (an existing file only with ``force``)."""
    from rectxl.core.notice import parse_notice
    from rectxl.io.ledger_xlsx import write_ledger
    from rectxl.io.limits import check_notice_file
    from rectxl.io.notice_file import read_notice_file

    path = Path(path)
    check_notice_file(path)  # a regular file of sane size; a .docx through the zip guards
    target = None if output is None else resolve_output(
        path, Path(output), suffix="台账", formats={".xlsx": "xlsx"}, force=force).path
    if not path.is_file():
        raise RectxlError(f"找不到文件：{path}")
    parsed = parse_notice(read_notice_file(path))
    if target is not None:
        write_ledger(target, parsed.ledger)
    return parsed


def ensure_outputs_apart(output: Path | None, *inputs: Path) -> None:
    """Refuse an output path that is one of the inputs (a no-op without an output)."""
    if output is not None:
        ensure_not_input(output, *inputs)


def diff(old: Path | str, new: Path | str, *, as_of_old: date | None = None,
         as_of_new: date | None = None) -> LedgerDiff:
    """What changed between two versions of a ledger file."""
    from rectxl.core.diff import diff_ledgers
    from rectxl.io.memory import gc_paused

    old, new = Path(old), Path(new)
    old_ledger, new_ledger = read_ledger(old), read_ledger(new)
    dated = None
    if as_of_old is None and old_ledger.info.report_date is None:
        dated = _file_date(old, as_of_new or new_ledger.info.report_date or date.today())
    with gc_paused():  # the diff builds a record per measure, none in a cycle (~2 s of collections at 100k)
        return diff_ledgers(old_ledger, new_ledger, as_of_old=as_of_old, as_of_new=as_of_new,
                            old_name=old.name, new_name=new.name, old_dated=dated)


def _file_date(path: Path, before: date) -> tuple[date, str] | None:
    """The date last period's ledger file tells when it states none inside, before ``before`` (this
    period's): the one its name gives ("台账_9月.xlsx"), else the day it was last saved."""
    from rectxl.core.batch_report import date_in_name

    named = date_in_name(path.name, before)
    if named is not None:
        return named, "文件名中的日期，台账中未填报告日期"
    try:
        saved = date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None
    return (saved, "文件修改日期，台账中未填报告日期") if saved < before else None


def write_diff(diff: LedgerDiff, output: Path | str, *, inputs: tuple[Path | str, ...] = (),
               format: str | None = None, force: bool = False) -> tuple[Path, str]:
    """Write a diff to ``output`` (``rectxl diff -o``): .xlsx the sheets 变化汇总 and 变化明细, .json
    JSON, .csv one row per change (变化明细's columns, with a BOM for Excel), other text extensions
    text (or ``format``). Never over one of ``inputs`` (the two
    ledgers), nor over an existing file without ``force``. Returns (path, format)."""
    from rectxl.io.atomic import atomic_write_text

    target = resolve_output(None, Path(output), suffix="变化", formats=DIFF_FORMATS, format=format, fallback="text",
                            force=force, inputs=[Path(p) for p in inputs])
    if target.format == "xlsx":
        from rectxl.io.diff_out import write_diff_file

        write_diff_file(target.path, diff, inputs=tuple(Path(p) for p in inputs))
    elif target.format == "json":
        from rectxl.io.diff_out import write_diff_json_file

        write_diff_json_file(target.path, diff, inputs=tuple(Path(p) for p in inputs))
    elif target.format == "csv":
        from rectxl.core.diff import diff_csv

        atomic_write_text(target.path, diff_csv(diff), encoding="utf-8-sig")  # the BOM: Excel reads it as UTF-8
    else:
        from rectxl.core.diff import render_diff_text

        atomic_write_text(target.path, render_diff_text(diff))
    return target.path, target.format


def new_ledger(output: Path | str | None = None, *, force: bool = False) -> Path:
    """Write a blank ledger template (``rectxl new``; default ``新台账.xlsx`` in the current folder,
    an existing file only with ``force``)."""
    from rectxl.io.ledger_xlsx import write_ledger

    target = resolve_output(None, Path(output) if output is not None else None, suffix="新台账",
                            formats={".xlsx": "xlsx"}, default_name="新台账.xlsx", force=force)
    return write_ledger(target.path)


def remind(path: Path | str, output: Path | str | None = None, options: Options | None = None, *,
           final_days: int = 15, letter: str = "督办通知", force: bool = False,
           today: date | None = None) -> Reminders:
    """``rectxl remind``: per owner unit with anything due, a .docx — a 提醒函 listing its measures
    due within the warning thresholds, and a 督办通知 (or, with ``letter="告诫书"``, a 告诫书) listing
    its overdue measures with a final deadline ``final_days`` after the as-of date — and the
    提醒清单 workbook (per unit and per person), in the folder ``output`` (default
    ``<name>_提醒_YYYYMMDD`` beside the ledger). As-of date and thresholds as ``rectxl check``
    takes them (``options.as_of`` / 报告日期 / today; ``options.warn_days`` / 基本信息 预警天数 /
    ``due_soon_days``). Units with nothing due get no letter; nothing is written when nothing
    is due. An existing file is replaced only with ``force``."""
    from rectxl.core.letters import ESCALATIONS, plan_reminders
    from rectxl.io.letters_docx import write_reminders

    if letter not in ESCALATIONS:
        raise RectxlError(f"督办文书只能是{'或'.join(ESCALATIONS)}，而不是“{letter}”")
    if final_days < 0:
        raise RectxlError(f"最后整改期限的天数不能为负数（{final_days}）")
    path = Path(path)
    options = options or Options()
    ledger = read_ledger(path, options.column_map)
    plan = plan_reminders(ledger, as_of=options.as_of, warn_days=options.warn_days,
                          due_soon_days=options.due_soon_days, final_days=final_days,
                          escalation=letter, today=today, name=path.stem)  # type: ignore[arg-type]
    return write_reminders(path, Path(output) if output is not None else None, plan, force=force)
