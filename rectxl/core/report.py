"""Render a validation report as terminal text, JSON, CSV, Markdown or HTML (pure: returns strings)."""

from __future__ import annotations

import io
import json
import math
import re
from datetime import date, datetime, time
from typing import Any

from rectxl.core.findings import SEVERITY_LABELS, Finding, Severity, json_value
from rectxl.core.text import LazyPattern, clip_cell_text, cn_date, cn_written_date, name_list
from rectxl.core.validate import Report

__all__ = ["CSV_COLUMNS", "FINDING_FIELDS", "cell_text", "looks_like_formula", "safe_cell_text", "to_csv", "to_html",
           "to_json", "to_markdown", "to_text"]

#: the finding fields, in DESIGN.md §3's order (JSON keys and CSV columns)
FINDING_FIELDS = ("code", "severity", "message", "sheet", "cell", "row", "field", "value")
#: CSV header (English keys, as the JSON uses, so scripts can read both the same way), and the
#: ledger file on every row: CSVs of several ledgers put together still say where each finding is
CSV_COLUMNS = (*FINDING_FIELDS, "file")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


_CONTROL = LazyPattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell_text(value: Any) -> Any:
    """Text safe to put where a spreadsheet *parses* what it reads — a CSV file, or a value typed
    into a cell (``Range.Value``, openpyxl's formula inference): control characters removed, and
    text a spreadsheet would run as a formula (CSV/formula injection, OWASP) — a leading ``=``,
    ``+``, ``-``, ``@``, tab or CR — prefixed with ``'``.

    Not for text written into an .xlsx as a string cell (:func:`cell_text`): a shared or inline
    string is never a formula, and the ``'`` would be shown as part of the text."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return _CONTROL.sub("", value)


def cell_text(value: Any) -> Any:
    """Text as it goes into an .xlsx string cell (inline or shared string, which Excel never
    runs as a formula): exactly the text, less the control characters the format cannot hold,
    cut to the 32,767 characters a cell holds (as Excel counts them, :func:`clip_cell_text`).
    A writer that lets its library infer the cell's type (openpyxl turns "=…" into a formula)
    must also force the cell to a string (see :func:`looks_like_formula`).

    A date is written as a Chinese office reads it, 2026年3月31日 — a date value, and the text the
    reader gives a date cell of the ledger ("2026-03-31", :func:`rectxl.core.text.cn_written_date`):
    never the ISO form no clerk's Excel shows."""
    if isinstance(value, date):
        return _cn_date_value(value)
    if not isinstance(value, str):
        return value
    if _ISO_DAY.match(value):
        return cn_written_date(value)
    return clip_cell_text(_CONTROL.sub("", value))


_ISO_DAY = LazyPattern(r"\d{4}-\d{2}-\d{2}(?:T00:00:00)?$")


def _cn_date_value(value: date) -> str:
    """A date (or datetime) value as 2026年3月31日 (a time of day other than midnight after it)."""
    if isinstance(value, datetime):
        day = cn_date(value.date())
        return day if value.time() == time(0, 0) else f"{day} {value:%H:%M}"
    return cn_date(value)


def looks_like_formula(text: str) -> bool:
    """Text Excel would take for a formula if it were typed (or re-entered) into a cell."""
    return text.startswith(_FORMULA_START)


def to_text(report: Report, *, color: bool = False) -> str:
    """Findings grouped by severity, each with its cell and message; counts and as-of date."""
    lines: list[str] = []
    src = report.source.path or "（未命名台账）"
    lines.append(f"台账：{src}（{_sheets_read(report)}）")
    lines.append(
        f"截至日期：{cn_date(report.as_of)}（来源：{report.as_of_source}）  "
        + (f"{report.aspects}个方面 " if report.aspects else "") + f"{report.issues}个问题 {report.measures}项措施"
    )
    counts = "  ".join(f"{SEVERITY_LABELS[s]} {report.count(s)}" for s in Severity)
    lines.append(f"发现问题：{len(report.findings)} 条  （{counts}）")
    palette = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
    for severity in Severity:
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        title = f"{SEVERITY_LABELS[severity]}（{len(group)}）"
        if color:
            title = f"{palette[severity]}{title}\x1b[0m"
        lines.append("")
        lines.append(title)
        lines.extend(_text_line(f) for f in group)
    if not report.findings:
        lines.append("")
        lines.append("未发现问题。")
    return "\n".join(lines) + "\n"


def _where(f: Finding) -> str:
    return f"{f.sheet}!{f.cell}" if f.cell else (f"{f.sheet} 第{f.row}行" if f.row else f.sheet or "")


def _sheets_read(report: Report) -> str:
    """"读取工作表：台账", or for a ledger kept in Word "读取 Word 表格：表格1" (its tables are read
    as sheets named 表格1, 表格2 …, a cell reference counting the table's rows and columns)."""
    if report.source.word:
        return f"读取 Word 表格：{name_list(report.sheets)}，位置按表格的行号和列（A、B、C…）标注"
    if report.source.exported:
        return (f"读取{report.source.exported}：{name_list(report.sheets)}，"
                f"位置{report.source.exported_places or '按 Excel 打开它时的行列'}标注")
    return f"读取工作表：{name_list(report.sheets)}"


def _head_lines(report: Report) -> list[str]:
    """What the report is of: the file and sheets, the as-of date and the counts (text, Markdown, HTML)."""
    src = report.source.path or "（未命名台账）"
    counts = "，".join(f"{SEVERITY_LABELS[s]} {report.count(s)} 条" for s in Severity)
    return [f"台账：{src}（{_sheets_read(report)}）",
            f"截至日期：{cn_date(report.as_of)}（来源：{report.as_of_source}）；"
            + (f"{report.aspects}个方面，" if report.aspects else "")
            + f"{report.issues}个问题，{report.measures}项措施",
            f"发现问题：{len(report.findings)} 条（{counts}）"]


#: the columns of the Markdown and HTML tables
_TABLE = ("序号", "严重程度", "单元格", "代码", "问题说明", "单元格内容")


def _table_rows(report: Report) -> list[list[str]]:
    rows = []
    for i, f in enumerate(report.findings, start=1):
        value = "" if f.value is None else str(json_value(f.value))
        rows.append([str(i), SEVERITY_LABELS[f.severity], _where(f), f.code, f.message, value])
    return rows


def to_markdown(report: Report) -> str:
    """The report as a Markdown document: what was checked, then one table row per finding
    (``|`` and line breaks in a cell escaped, so that every finding stays one row)."""
    def cell(text: str) -> str:
        text = _CONTROL.sub("", text).replace("\\", "\\\\").replace("|", "\\|")
        return re.sub(r"\r\n|\r|\n", "<br>", text)

    lines = ["# 台账校验结果", "", *(f"- {line}" for line in _head_lines(report)), ""]
    if not report.findings:
        return "\n".join([*lines, "未发现问题。"]) + "\n"
    lines.append("| " + " | ".join(_TABLE) + " |")
    lines.append("|" + "---|" * len(_TABLE))
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in _table_rows(report)]
    return "\n".join(lines) + "\n"


def to_html(report: Report) -> str:
    """The report as one HTML page (UTF-8, no script, no outside resource): what was checked,
    then a table of the findings, errors in red, warnings in amber."""
    from html import escape

    def cell(text: str) -> str:
        return escape(_CONTROL.sub("", text)).replace("\n", "<br>")

    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
    body = [f"<p>{cell(line)}</p>" for line in _head_lines(report)]
    if report.findings:
        body.append("<table>")
        body.append("<thead><tr>" + "".join(f"<th>{h}</th>" for h in _TABLE) + "</tr></thead><tbody>")
        for f, row in zip(report.findings, _table_rows(report), strict=True):
            body.append(f'<tr class="{kinds[f.severity]}">' + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>")
        body.append("</tbody></table>")
    else:
        body.append("<p>未发现问题。</p>")
    style = ("body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;"
             "padding:2px 6px;vertical-align:top}th{background:#D9E1F2}tr.error td:nth-child(2){color:#C00000}"
             "tr.warning td:nth-child(2){color:#B8860B}")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>台账校验结果</title>'
            f"<style>{style}</style></head><body>\n<h1>台账校验结果</h1>\n" + "\n".join(body) + "\n</body></html>\n")


def _text_line(f: Finding) -> str:
    where = _where(f)
    return f"  {where:<12} [{f.code}] {f.message}"


def to_json(report: Report) -> str:
    """``{"findings": [...], "summary": {...}}`` (schema: docs/findings.schema.json)."""
    findings = _findings_json(report.findings)
    if findings is None:  # a value that is not a plain scalar: the general (slower) path
        payload = {
            "findings": [f.to_dict() for f in report.findings],
            "summary": report.summary(),
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    summary = json.dumps({"summary": report.summary()}, ensure_ascii=False, indent=2)
    head = '{\n  "findings": [' + (findings + "\n  ]" if findings else "]") + ",\n"
    return head + summary[2:] + "\n"


_SCALARS = (str, int, bool, type(None))
_FINDING_KEYS = [f'\n      "{key}": ' for key in FINDING_FIELDS]


def _findings_json(findings: list[Finding]) -> str | None:
    """The findings array's items exactly as ``json.dumps(…, ensure_ascii=False, indent=2)`` lays
    them out inside the payload, each scalar through the C encoder (``indent`` alone sends the
    whole payload through the pure-Python one, and a dict per finding would be built and thrown away);
    ``None`` when a value is not a plain scalar."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    k0, k1, k2, k3, k4, k5, k6, k7 = _FINDING_KEYS
    parts: list[str] = []
    for f in findings:
        value = f.value
        if not isinstance(value, _SCALARS) and not (type(value) is float and math.isfinite(value)):
            return None
        parts.append("".join((
            "\n    {", k0, encode(f.code), ",", k1, encode(f.severity.value), ",", k2, encode(f.message), ",",
            k3, encode(f.sheet), ",", k4, encode(f.cell), ",", k5, encode(f.row), ",", k6, encode(f.field), ",",
            k7, encode(value), "\n    }",
        )))
    return ",".join(parts)


def to_csv(report: Report) -> str:
    """One row per finding, columns :data:`CSV_COLUMNS`; text escaped against formula injection."""
    import csv  # here: only the CSV output needs it

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in report.findings:
        data = {**f.to_dict(), "file": report.source.path or ""}
        writer.writerow([_csv_cell(data[k]) for k in CSV_COLUMNS])
    return out.getvalue()


def _csv_cell(value: object) -> object:
    """A CSV field: a cell's TRUE/FALSE as Excel shows them (and reads them back), text escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return safe_cell_text(value)
