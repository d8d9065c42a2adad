"""A batch run's results as data: one record per ledger, per skipped file, and the run's totals,
rendered as JSON and terminal text. Pure: the files are found and read by :mod:`rectxl.batch`,
the 汇总 workbook is written by :mod:`rectxl.io.batch_out`.

A ledger's findings travel as tuples (:data:`FindingRow`, the values of
:meth:`rectxl.core.findings.Finding.to_dict` in :data:`FINDING_KEYS` order): a province of
10,000 ledgers has hundreds of thousands of them, sent from the worker processes and written
as they arrive (:class:`BatchSink`). The JSON is rendered in pieces for the same reason
(:func:`json_head`, :func:`ledger_json`, :func:`json_tail`); :func:`to_json` puts them together.
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Protocol

from rectxl.core.batch_units import cluster, not_on_roster, preferred_name
from rectxl.core.counts import COUNT_FIELDS, Rates
from rectxl.core.findings import Finding, Severity, json_value
from rectxl.core.report import FINDING_FIELDS
from rectxl.core.text import cn_written_date, percent_text, to_int
from rectxl.core.units import canonical_unit, is_person_name, same_unit_name, unit_core, unit_key, unit_parts
from rectxl.core.validate import Report
from rectxl.core.version import __version__

__all__ = [
    "FINDING_KEYS",
    "BatchResult",
    "BatchSink",
    "FindingRow",
    "LedgerResult",
    "NameInfo",
    "Note",
    "RoundRow",
    "Skipped",
    "batch_notes",
    "finding_row",
    "json_head",
    "json_pieces",
    "json_tail",
    "ledger_json",
    "ledger_result",
    "measure_sketch",
    "newest_version",
    "no_ledger_message",
    "papers_beside_ledgers",
    "read_name",
    "resolve_unit",
    "roster_line",
    "roster_status",
    "round_rows",
    "set_aside_title",
    "share_most_measures",
    "to_json",
    "to_text",
    "unit_from_path",
]

#: the fields of a :data:`FindingRow`, in order (the keys of a finding in the JSON)
FINDING_KEYS = FINDING_FIELDS
#: one finding as a batch carries it: (code, severity, message, sheet, cell, row, field, value),
#: ``severity`` its text ("error") and ``value`` JSON-ready
FindingRow = tuple[str, str, str, str | None, str | None, int | None, str | None, Any]


def finding_row(f: Finding) -> FindingRow:
    """``f`` as a :data:`FindingRow` (the values of ``f.to_dict()``, without the keys)."""
    return (f.code, f.severity.value, f.message, f.sheet, f.cell, f.row, f.field, json_value(f.value))


#: a ledger's measures in short: how many distinct measures, and the smallest hashes of them
Sketch = tuple[int, tuple[int, ...]]
#: how many hashes a :data:`Sketch` keeps (all of them in a ledger of as many measures or fewer)
SKETCH_SIZE = 256


def measure_sketch(texts: Iterable[str]) -> Sketch:
    """The measures ``texts`` in short: how many distinct ones (as ``rectxl diff`` pairs them:
    :func:`rectxl.core.diff.normalize_measure_text`) and the :data:`SKETCH_SIZE` smallest of their
    hashes (CRC-32: the same in every worker process, as Python's ``hash`` is not) — enough to tell
    how many measures two ledgers share (:func:`share_most_measures`) without holding their texts."""
    from rectxl.core.diff import normalize_measure_text

    keys = {zlib.crc32(key.encode("utf-8")) for text in texts if (key := normalize_measure_text(text))}
    return len(keys), tuple(heapq.nsmallest(SKETCH_SIZE, keys))


def share_most_measures(a: Sketch, b: Sketch) -> bool:
    """Whether two ledgers share most of their measures — at least three and four in five of each
    one's, or every measure of both — as two versions of one ledger do (a measure added, one
    reworded or dropped since), and two parts of it (第一部分 | 第二部分, one aspect each) never; nor
    does a list drawn from the ledger (a 销号清单 of the measures done), which holds few of its measures.
    Counted exactly when each sketch holds all its measures; else estimated from the hashes the
    two keep (bottom-k: the share of the smallest hashes of both that each holds)."""
    (na, ha), (nb, hb) = a, b
    if not na or not nb:
        return False
    both = set(ha) & set(hb)
    if len(ha) == na and len(hb) == nb:
        shared = float(len(both))
    else:
        union = heapq.nsmallest(SKETCH_SIZE, set(ha) | set(hb))
        j = sum(1 for h in union if h in both) / len(union)
        shared = j * (na + nb) / (1 + j)  # |A ∩ B| from the Jaccard index
    larger = max(na, nb)
    return shared + 1e-9 >= 0.8 * larger and (shared + 1e-9 >= 3 or shared + 1e-9 >= larger)


@dataclass(slots=True)
class LedgerResult:
    """One ledger read and validated (slotted: a province keeps 10,000 of them)."""

    file: str  # path relative to the folder, with "/"
    unit: str  # 基本信息 单位名称, else the unit its name names (see :func:`resolve_unit`)
    as_of: str
    as_of_source: str
    sha256: str
    aspects: int
    issues: int
    counts: dict[str, int]  # Counts: measures, done, mostly_done, in_progress, long_term, …
    by_severity: dict[str, int]
    #: every finding, in ledger order (empty once written, when the run does not keep them)
    findings: list[FindingRow]
    seconds: float = 0.0
    #: 基本信息 单位名称 when it names another unit than the file's name (then ``unit`` is the name's)
    declared_unit: str = ""
    #: the date the ledger states itself (报告日期, or the title row's 填报日期; ISO), "" if none —
    #: which of two versions is newer, whatever ``--as-of`` says
    stated: str = ""
    #: where the ledger states its unit's name: "基本信息“单位名称”", "标题行", "标题行“填报单位”" …
    unit_source: str = ""
    #: the sheets its measures were read from, in order
    sheets: list[str] = field(default_factory=list)
    #: its measures in short (:func:`measure_sketch`), taken only of a file that may be another
    #: file's version — whether they are is told by the measures they share
    sketch: Sketch | None = None
    #: the measures of each 责任单位 cell, taken only of a ledger whose cells name other units —
    #: one that may compile the units' own ledgers (:func:`~rectxl.core.batch_units.owners_of_others`)
    owners: dict[str, int] | None = None
    #: neither the ledger nor its file's or folders' names name its unit: ``unit`` is the file's name
    unnamed: bool = False

    @property
    def rate(self) -> float:
        """Completion rate: share of measures 已完成."""
        measures = self.counts.get("measures", 0)
        return self.counts.get("done", 0) / measures if measures else 0.0

    @property
    def has_errors(self) -> bool:
        return self.by_severity.get(Severity.ERROR.value, 0) > 0

    def finding_dicts(self) -> list[dict[str, Any]]:
        """The findings as ``rectxl check --format json`` gives them (one dict each)."""
        return [dict(zip(FINDING_KEYS, f, strict=True)) for f in self.findings]


@dataclass
class Skipped:
    """A file that was not validated, and why (Chinese)."""

    file: str
    reason: str


@dataclass
class Note:
    """Something the reader of a batch summary must know before comparing the units (Chinese
    ``message``; ``code``: versions, changes-since-previous-version, unit-name-mismatch, files-added-up,
    units-in-one-file, as-of-differs, earlier-period, copies-of-another-unit, unit-unknown)."""

    code: str
    message: str
    files: list[str] = field(default_factory=list)


@dataclass
class BatchResult:
    """Everything a batch run found, in a stable order (by relative path)."""

    folder: str
    ledgers: list[LedgerResult] = field(default_factory=list)
    #: ledger files that could not be read or validated
    skipped: list[Skipped] = field(default_factory=list)
    #: files that are not ledgers (other types, lock files, hidden files, rectxl's outputs)
    ignored: list[Skipped] = field(default_factory=list)
    #: ledger files not counted: copies of a ledger counted, older versions of one
    set_aside: list[Skipped] = field(default_factory=list)
    #: what the run itself noticed (versions set aside); :func:`batch_notes` adds the rest
    notes: list[Note] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0
    #: the units that must report (应报送单位名单, ``rectxl batch --roster``), in its order; empty: no roster
    roster: list[str] = field(default_factory=list)
    #: the roster's file, as the report names it
    roster_file: str = ""

    @property
    def has_errors(self) -> bool:
        """Any ledger with an error, or any ledger that could not be read."""
        return bool(self.skipped) or any(r.has_errors for r in self.ledgers)

    def totals(self) -> dict[str, Any]:
        """Sums over all ledgers read (the JSON ``totals`` object)."""
        counts: dict[str, int] = dict.fromkeys(COUNT_FIELDS, 0)
        severity: dict[str, int] = {s.value: 0 for s in Severity}
        for r in self.ledgers:
            for key in counts:
                counts[key] += r.counts.get(key, 0)
            for key in severity:
                severity[key] += r.by_severity.get(key, 0)
        measures = counts["measures"]
        return {
            "files": len(self.ledgers) + len(self.skipped),
            "ledgers": len(self.ledgers),
            "skipped": len(self.skipped),
            "set_aside": len(self.set_aside),
            "ignored": len(self.ignored),
            "ledgers_with_errors": sum(1 for r in self.ledgers if r.has_errors),
            **counts,
            "rate": round(counts["done"] / measures, 4) if measures else 0.0,
            "by_severity": severity,
        }


@dataclass
class RoundRow(Rates):
    """Round statistics of one inspected unit (its ledgers added up): how far its rectification
    has got, for ranking the units of a round against each other."""

    unit: str
    files: list[str]
    issues: int = 0
    measures: int = 0
    done: int = 0
    closed: int = 0
    overdue: int = 0
    red: int = 0
    orange: int = 0
    yellow: int = 0
    extended: int = 0
    as_of: str = ""
    #: why nothing of this unit is counted (its files could not be read, or were not checked: an
    #: archive …); "" for a unit whose ledger was counted
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rate"] = round(self.rate, 4)
        data["closure_rate"] = round(self.closure_rate, 4)
        return data


#: the counts a round row adds up (``issues`` besides, from the ledger itself)
_ROUND_COUNTS = ("measures", "done", "closed", "overdue", "red", "orange", "yellow", "extended")


def round_rows(result: BatchResult) -> list[RoundRow]:
    """Per inspected unit (its ledgers added up — a ledger sent in parts; see :func:`resolve_unit`
    for the unit a ledger is counted under; one unit spelled two ways is one unit,
    :func:`rectxl.core.batch_units.cluster`), worst first: most overdue measures, then the lowest
    completion rate, then most orange and yellow warnings, then the lowest closure rate; ties by
    unit name. After them, the units of which nothing was counted (:attr:`RoundRow.reason`): a
    ledger with no measure in it (its completion rate is no rate: it is chased, not ranked last but
    one), every file of theirs unreadable, or only an archive or a file of another type received —
    and the units the roster (:attr:`BatchResult.roster`) lists of which no file came at all."""
    rows: list[RoundRow] = []
    empty: list[RoundRow] = []
    for ledgers in cluster(result.ledgers, lambda r: r.unit):
        row = RoundRow(unit=preferred_name([r.unit for r in ledgers]), files=[])
        for r in ledgers:
            row.files.append(r.file)
            row.issues += r.issues
            for key in _ROUND_COUNTS:
                setattr(row, key, getattr(row, key) + r.counts.get(key, 0))
            row.as_of = max(row.as_of, r.as_of)
        if row.measures:
            rows.append(row)
        else:
            row.reason = (f"报送的台账中没有读到整改措施（{_listed(row.files)}），未统计：请核实是否报错了文件，"
                          "督促该单位逐项填写整改措施后重新报送")
            empty.append(row)
    rows.sort(key=lambda x: (-x.overdue, x.rate, -x.orange, -x.yellow, x.closure_rate, x.unit))
    rest = empty + _uncounted_rows(result, [row.unit for row in rows + empty])
    if result.roster:
        missing, _ = not_on_roster(result.roster, [row.unit for row in rows + rest])
        rest += [RoundRow(unit=unit, files=[], reason=f"未报送台账：“{result.roster_file}”列有此单位，文件夹中没有"
                          "它的台账，请督促报送") for unit in missing]
    return rows + rest


#: files not checked that may hold a unit's ledger (an archive, a WPS or CSV file), or that a unit
#: sent instead of it (a Word or PDF document)
_ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")
_DOCUMENTS = (".doc", ".docx", ".wps", ".pdf", ".ofd")
_MAY_HOLD_A_LEDGER = (*_ARCHIVES, ".et", ".ett", ".csv", *_DOCUMENTS)
#: how the reason for a file rectxl wrote itself begins (:func:`rectxl.batch` says so): no unit's
#: submission, whatever its type
OWN_OUTPUT = "rectxl 生成的文件"
#: how the reason for a ledger set aside as a compilation of the units' own ledgers begins
COMPILED = "汇总台账"


def set_aside_title(result: BatchResult) -> str:
    """What the files counted in no unit are called: copies and older versions, and the 汇总台账
    of other units' ledgers when there is one."""
    compiled = any(s.reason.startswith(COMPILED) for s in result.set_aside)
    return "副本、旧版本和汇总台账" if compiled else "副本和旧版本"


#: how a reader says a workbook is no ledger (:func:`rectxl.core.grid` — a 花名册, an empty workbook)
_NO_LEDGER_SAID = ("不像整改台账，", "工作簿是空的，")


def _ledgers_of_named_unit(result: BatchResult, file: str) -> tuple[str, list[str]]:
    """The unit ``file``'s name names and the ledgers counted for it (none when it names no unit)."""
    n = read_name(file)
    if not n.names_unit:
        return "", []
    unit = canonical_unit(n.unit)
    return unit, [r.file for r in result.ledgers
                  if same_unit_name(r.unit, unit) or same_unit_name(canonical_unit(read_name(r.file).unit), unit)]


def papers_beside_ledgers(result: BatchResult) -> None:
    """Say of each document a unit sent beside its ledger (a Word 情况报告, a PDF of the stamped
    ledger) that the unit's ledger was checked, rather than asking the unit for one: the document
    names a unit (its file or folder name) of which a ledger was counted. A workbook beside it that
    is no ledger (a 花名册, a blank one) is such a paper too: listed with the files not checked, not
    as a ledger that could not be read."""
    for s in [s for s in result.skipped if s.reason.startswith(_NO_LEDGER_SAID)]:
        unit, ledgers = _ledgers_of_named_unit(result, s.file)
        if ledgers:
            result.skipped.remove(s)
            what = s.reason.split("。", 1)[0].replace("，找不到台账表头", "")
            result.ignored.append(Skipped(s.file, f"{what}，未检查；该单位（{unit}）的台账已检查"
                                                  f"（{_listed(ledgers)}），此文件应是随台账报送的其他材料，不另索取台账"))
    result.ignored.sort(key=lambda s: s.file)
    for s in result.ignored:
        suffix = s.file.rsplit(".", 1)[-1].lower() if "." in s.file.rsplit("/", 1)[-1] else ""
        if "." + suffix not in _DOCUMENTS or s.reason.startswith(OWN_OUTPUT) or "索取 Excel 台账" not in s.reason:
            continue
        unit, ledgers = _ledgers_of_named_unit(result, s.file)
        if ledgers:
            head = s.reason.split("：", 1)[0]
            s.reason = (f"{head}；该单位（{unit}）的台账已检查（{_listed(ledgers)}），此文件应是随台账报送的"
                        "情况报告等材料，不另索取台账")


def copy_reason(kept: str, copy: str) -> str:
    """Why ``copy``, a byte-for-byte copy of ``kept``, is not counted: a copy of the unit's own
    ledger ("台账 - 副本", a backup folder's copy) — or, its name or folder naming another unit than
    ``kept``'s ("西河镇/整改台账.xlsx" the same file as "东山镇/整改台账.xlsx"), one unit's ledger sent
    as another's, which leaves that unit without a ledger of its own (:func:`round_rows` lists it)."""
    a, b = read_name(kept), read_name(copy)
    if a.names_unit and b.names_unit and not same_unit_name(a.unit, b.unit):
        named = "文件夹名" if b.by_folder else "文件名"
        return (f"与“{kept}”（{canonical_unit(a.unit)}）内容完全相同，但{named}表明是“{canonical_unit(b.unit)}”"
                "的台账：两个单位报送了同一个文件，只统计一次；请核实哪个单位报错了文件")
    return f"与“{kept}”内容完全相同（重复文件），只统计一次"


#: :func:`copy_reason` of a copy naming another unit: the file it copies and that file's unit
_OTHER_UNITS_COPY = re.compile(r"与“(?P<kept>.+)”（(?P<unit>[^（）]+)）内容完全相同，但")


def _other_units_copy_notes(result: BatchResult) -> list[Note]:
    """A note for each unit's file that is another unit's ledger byte for byte: one of the two
    units sent the wrong file, and the one counted may be the wrong one."""
    notes = []
    for s in result.set_aside:
        m = _OTHER_UNITS_COPY.match(s.reason)
        if m:
            unit = canonical_unit(read_name(s.file).unit)
            own = [r.file for r in result.ledgers if same_unit_name(r.unit, unit)]
            left = (f"“{unit}”的台账按 {_listed(own)} 统计" if own
                    else f"“{unit}”没有统计到台账；请核实哪个单位报错了文件，请其报送本单位的台账")
            notes.append(Note("copies-of-another-unit", (
                f"{s.file}（{unit}）与 {m['kept']}（{m['unit']}）是同一个文件，内容完全相同：已按“{m['unit']}”"
                f"统计一次，{left}"), [s.file, m["kept"]]))
    return notes


def _uncounted_rows(result: BatchResult, counted: list[str]) -> list[RoundRow]:
    """A row for each unit whose name a file names (or the folder it lies in) but of which no
    ledger was counted, saying what became of its files and what to ask the unit for."""
    found: list[tuple[str, str, str]] = []  # (unit, file, what became of it)
    for s in result.skipped:
        cause = _cause(s)
        found.append(("", s.file, cause if "无法读取" in cause else f"无法读取，{cause}"))
    for s in result.set_aside:
        m = _OTHER_UNITS_COPY.match(s.reason)
        if m:
            found.append(("", s.file, f"与“{m['kept']}”（{m['unit']}）内容完全相同"))
    for s in result.ignored:
        suffix = s.file.rsplit(".", 1)[-1].lower() if "." in s.file.rsplit("/", 1)[-1] else ""
        if "." + suffix in _MAY_HOLD_A_LEDGER and not s.reason.startswith(OWN_OUTPUT):
            what = ("是压缩包，未解压检查" if "." + suffix in _ARCHIVES
                    else "是文档，不是 Excel 台账" if "." + suffix in _DOCUMENTS else "未检查")
            found.append(("", s.file, what))
    named = []
    for _, file, what in found:
        n = read_name(file)
        if n.names_unit:
            named.append((canonical_unit(n.unit), file, what))
    if not named:
        return []
    items: list[tuple[str, str, str]] = [(unit, "", "") for unit in counted] + named
    rows = []
    for group in cluster(items, lambda item: item[0]):
        if any(not file for _, file, _ in group):
            continue  # the unit has a ledger counted
        files = [file for _, file, _ in group]
        said = "；".join(f"“{file}”{what}" for _, file, what in group[:_NOTE_FILES])
        copied = all("内容完全相同" in what for _, _, what in group)
        head = "没有本单位的台账" if copied else "无可读取的台账"
        if all(what.startswith("是压缩包") for _, _, what in group):
            ask = "请解压后重新检查，或请该单位直接报送 Excel 台账"
        elif all(what.startswith("是文档") or "Word 文档" in what for _, _, what in group):
            ask = "请向该单位索取 Excel 台账"
        elif copied:
            ask = "请核实该单位是否报错了文件，请其报送本单位的台账"
        elif any("密码" in what for _, _, what in group):
            ask = "请该单位取消打开密码后重新报送（巡察办一般没有该密码）"
        elif all(what.startswith(("无法读取，工作簿是空的", "无法读取，不像整改台账")) for _, _, what in group):
            ask = "报送的不是填写好的整改台账，请该单位报送整改台账"
        else:
            ask = "请该单位重新报送可以打开的 Excel 台账"
        rows.append(RoundRow(unit=preferred_name([unit for unit, _, _ in group]), files=files,
                             reason=f"{head}（{said}），未统计：{ask}"))
    return rows


def _cause(s: Skipped) -> str:
    """Why a file could not be read, in a few words: its reason without the file's name before it
    nor the advice after it ("设有打开密码（已加密）")."""
    name = s.file.rsplit("/", 1)[-1]
    text = s.reason[len(name):].lstrip(" ：:") if s.reason.startswith(name) else s.reason
    text = text.split("：", 1)[0].split("，多是", 1)[0]
    return text if len(text) <= 60 else text[:59] + "…"


# -- what a ledger's file name says -----------------------------------------------------------------

#: the words every ledger's name has ("石门镇巡察整改台账" → 石门镇)
_LEDGER_WORDS = re.compile(
    r"(?:关于)?(?:县委|市委|区委)?(?:第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)?(?:反馈)?(?:问题|意见)?"
    r"(?:整改)?(?:落实|销号|任务|进展|进度)?(?:情况)?(?:工作)?"
    r"(?:台账|台帐|清单|一览表|明细表|情况表|统计表|销号表|进度表|任务表|推进表)(?:表)?")
#: the round a ledger answers, named after the unit ("县统计局落实县委第三巡察组反馈意见整改台账")
_ROUND_REF = re.compile(r"(?:贯彻落实|落实|关于|针对)?(?:[省市县区旗]委)?(?:第[一二三四五六七八九十\d]+(?:轮|批)?)?"
                        r"(?:巡察|巡视)(?:工作)?组(?:反馈)?(?:的)?(?:意见|问题)?"
                        # the round alone, without its group: "第2轮巡察", "2025年县委第二轮巡察反馈"
                        r"|(?:\d{4}年度?)?(?:[省市县区旗]委)?第[一二三四五六七八九十\d]+(?:轮|批)(?:巡察|巡视)(?:反馈)?")
#: what is left of those words before them ("…整改落实情况及整改台账" → "…整改落实情况及")
#: (and the sending: "县民政局报送说明", "县水利局上报说明")
_TRAILING_WORDS = re.compile(r"(?:巡察|巡视|反馈|问题|意见|整改|落实|情况|进展|工作|报告|总结|汇报|说明|报送|上报"
                             r"|及|和|暨|的)+$")
#: "附件2：", "附件1-2：", "01_" before a name, or a number the office numbered its folders or files
#: with written close to the unit ("01东山镇", "12县林业局") — not a date's or a count's ("2024年", "3月", "2个");
#: also the place the office gave it in its list: "第1个 东山镇", "第3家_西河镇", "第一 东山镇", "序号3-", "No.2 "
#: (not "第三巡察组", "第2轮", "第二批": a round's words)
_PREFIX = re.compile(r"^(?:附件\s*[\d一二三四五六七八九十]*(?:[-.]\d{1,2}(?!\d))?\s*[:.、_\-\s]*"
                     r"|(?:第\s*[\d一二三四五六七八九十]{1,4}\s*(?:个|家|位|号)|序号\s*\d{1,4}|(?:No|NO|no|№)\s*\.?\s*\d{1,4})"
                     r"\s*[:.、_\-\s]*"
                     r"|第\s*[\d一二三四五六七八九十]{1,4}\s*[:.、_\-\s]+(?=[\u3400-\u9fff])"
                     r"|\d{1,4}\s*[_\-.、\s]\s*"
                     r"|\d{1,3}(?=[\u3400-\u9fff])(?![年月日号期批轮次届个项季度周天时点份页条件]))")
#: an official letter's name: "…关于报送县市场监督管理局党组巡察反馈问题整改…的报告附件"
#: (not "县民政局关于报送巡察整改台账的说明": the unit before it, nothing between 报送 and the words)
_REPORTING = re.compile(r"关于报送(?!巡察|巡视|整改)(.+?)(?:党组|党委|党工委)?(?:巡察|巡视|整改)")
_BRACKETS = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
#: between a name and what is said about the file ("台账-报送版", "台账_校验", "台账 - 副本")
_SEPARATORS = re.compile(r"[\s_\-—–~·.]+")
#: a date written with separators (one token, not three)
_DASHED_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-.](\d{1,2})[-.](\d{1,2})(?!\d)")
#: a year and month with a separator ("台账2025.12", "台账_2026-01"): not a year and a number ("2026-1号")
_YEAR_MONTH = re.compile(r"(?<![\d.\-])((?:19|20)\d{2})[-.](1[0-2]|0?[1-9])(?![\d.\-号])")
#: a month and day without the year, as clerks stamp a version ("台账11.20", "台账（11-20）", "台账1120"
#: after the ledger words) — not "附件1-2", "v1.2", "1.2版" nor a number among others ("1.2.3")
_MONTH_DAY = re.compile(r"(?<![\d.\-A-Za-z件表])(1[0-2]|0?[1-9])[.\-](3[01]|[12]\d|0?[1-9])(?![\d.\-版稿号])"
                        r"|(?<=[账帐单表])(1[0-2]|0[1-9])(3[01]|[12]\d|0[1-9])(?!\d)")


def _dates_spelled(text: str) -> str:
    """``text`` with the dates clerks write with separators spelled as :data:`_DATES` reads them:
    "2026.11.18" → 2026年11月18日, "11.20" → 11月20日 (one token, not two numbers)."""
    text = _YEAR_MONTH.sub(r"\1年\2月", _DASHED_DATE.sub(r"\1年\2月\3日", text))
    return _MONTH_DAY.sub(lambda m: f"{int(m.group(1) or m.group(3))}月{int(m.group(2) or m.group(4))}日", text)
#: version words written onto the end of a name ("县水利局整改台账修改稿")
_GLUED = re.compile(r"(?:(?:终稿|定稿|最终版|最终稿|最终|修改稿|修订稿|修改版|修订版|修改|修订|报送版|报送稿|报送|上报"
                    r"|填报|初稿|草稿|副本|备份|新版|旧版|最新版?|更新版?|导出|汇总|打印版?|电子版|正式版|完整版"
                    r"|盖章版|签字版|确认版|已?(?:盖章|签字|签章|审核|审定)(?:版|稿|后)?"
                    # its number: "第二版", "第2稿", "二稿" (not a part: "第二部分")
                    r"|第[\d一二三四五六七八九十]{1,3}[稿版次]|[\d一二三四五六七八九十]{1,2}稿"
                    # revised again, or how many times ("修改后", "再次修改", "二次修改", "改2")
                    r"|(?:再次|再|[\d二三四五六七八九十]次)?(?:修改|修订)(?:后|稿|版)?|改(?=\d))\d{0,2})+$")
#: what is left glued to a unit's name once the ledger words are out: a number or a one-character word
#: ("南坪乡整改台账2" → 南坪乡 and "2", "东山镇台账新" → 东山镇 and "新"), told apart as "台账-2", "台账-新" are
_GLUED_TAIL = re.compile(r"(?:\d{1,3}|[新改])$")
#: how far along a version is, by its words: final, revised or submitted, draft, old
_LEVELS = (
    (2, re.compile(r"最终|终稿|定稿|终版|正式版|正式稿")),
    (1, re.compile(r"修改|修订|更新|新版|最新|报送|上报|审核|审定|签发")),
    (-1, re.compile(r"初稿|草稿|征求意见|送审|讨论稿|底稿")),
    (-2, re.compile(r"^旧|旧版|旧稿|原稿|原版|作废|^old$", re.IGNORECASE)),
)
_REVISION = re.compile(r"第([\d一二三四五六七八九十]+)[稿版期次批]|(?:^|[^a-z])v(\d{1,4})$|[稿版](\d{1,2})$"
                       r"|^([\d一二三四五六七八九十]{1,2})[稿版]$|改(\d{1,2})$|([\d二三四五六七八九十])次(?:修改|修订)",
                       re.IGNORECASE)
#: a copy's words ("台账 - 副本", a backup, rectxl's "_校验" / "_已清除标记" copies, a timestamp)
_COPY = re.compile(r"副本|拷贝|复制|copy|backup|bak|备份|^校验$|^已清除标记$|^\d{12,14}$", re.IGNORECASE)
#: of those, a backup's (older content by nature)
_BACKUP = re.compile(r"备份|backup|bak|^校验$|^已清除标记$|^\d{12,14}$", re.IGNORECASE)
#: a Windows copy: "台账(1).xlsx"
_COPY_NUMBER = re.compile(r"^\d{1,2}$")
#: a date in a name: 2026年11月20日, 11月, 20261120, a timestamp 20261120101010, a year
_DATES = (
    re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(\d{1,2})日)?"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6})?(?!\d)"),
    re.compile(r"^(?:截至)?((?:19|20)\d{2})年?()()$"),
)
#: what says a file is one part of a unit's ledger, not a version of it ("第二部分", "（一）")
_PART = re.compile(r"^(?:第[一二三四五六七八九十\d]+(?:部分|册|分册|批)|部分[一二三四五六七八九十\d]+"
                   r"|[一二三四五六七八九十]{1,3}|之[一二三四五六七八九十\d]+|[上中下](?:册|篇)?|[分附续]表\d*"
                   r"|part\s*\d+)$", re.IGNORECASE)
#: a unit's name: Chinese, ending as units' names do (局, 镇, 委 …) — not "附件2", "11月报送", "f5合计行"
_UNIT_KIND = re.compile(r"^[\u3400-\u9fff]+(?:局|委|办|院|所|站|中心|馆|部|会|联|协|厅|处|室|队|社|公司|集团|学校|政府"
                        r"|中学|小学|幼儿园|镇|乡|街道|办事处|村|社区|园区|开发区|林场|农场|厂|银行|电视台|团|署|司"
                        r"|党组|党委|支部|总支)$")
#: folders that hold many units' ledgers ("乡镇", "县直单位"), not one unit's
_CATEGORY = re.compile(r"^(?:各|全县|全市|全区|所有)?(?:乡镇|镇街|街道|部门|单位|县直|市直|区直)")
#: the party body that signs for a unit ("中共青石县水利局党组" → 青石县水利局)
_PARTY = re.compile(r"^(?:中共|中国共产党)|(?:机关)?(?:党组|党委|党工委|党总支|党支部)$")


@dataclass(frozen=True)
class NameInfo:
    """What a ledger file's path says about it (:func:`read_name`)."""

    #: the unit its name names (its folder's when the name is only ledger words)
    unit: str
    #: ``unit`` is a unit's name (县水利局, 东山镇), not "附件2" or "11月报送"
    names_unit: bool
    #: files of one key are versions of one ledger (the unit and any part, without version words)
    key: str
    #: the date the name carries (year, month, day; 0 where it does not say), if any
    period: tuple[int, int, int] | None = None
    #: 2 final (终稿), 1 revised or submitted (修改稿, 报送版), 0 nothing said, -1 draft, -2 old
    level: int = 0
    #: the word that says so
    level_word: str = ""
    #: 第N稿, 第N期, vN
    revision: int = 0
    #: 副本, (1), 备份, a timestamp, rectxl's _校验 / _已清除标记
    copy: bool = False
    #: of those, the words of a backup (备份, bak, a timestamp, _校验 / _已清除标记): older by nature,
    #: unlike a "(1)" or "副本" that a clerk re-sent or went on editing
    backup: bool = False
    #: the n of a "(n)" a browser or WeChat gives a file received again under a name already there
    #: ("终稿(2).xlsx"), when no other copy's word (副本) says it was copied here instead
    received: int = 0
    #: what else the name says besides its unit (a part, "附件2"): files of one unit are versions
    #: of one ledger only when this is the same
    rest: str = ""
    #: what the folders it lies in say of its version ("2026年10月报送/", "第二次报送/", "终稿/"):
    #: the date, the level (as ``level``) and the number (第N次), and the folder that says so
    folder_period: tuple[int, int, int] | None = None
    folder_level: int = 0
    folder_revision: int = 0
    folder: str = ""
    #: ``unit`` is the name of the folder it lies in (the file's own name names no unit)
    by_folder: bool = False


@dataclass
class _Words:
    """What a name says of its file's version, gathered by :meth:`take` (see :func:`read_name`)."""

    period: tuple[int, int, int] | None = None
    level: int = 0
    level_word: str = ""
    revision: int = 0
    copy: bool = False
    backup: bool = False
    received: int = 0
    copied: bool = False  # a copy's word (副本, 备份): a "(n)" beside it is a copy's number, not a download's
    #: words that tell files apart (a part, a department, anything else): part of the key
    others: list[str] = field(default_factory=list)

    def take(self, text: str, *, bracketed: bool) -> bool:
        """Note what ``text`` says of the file's version; False if it says nothing of it."""
        said = self.dates(text)
        for level, pattern in _LEVELS:
            m = pattern.search(text)
            if m is not None:
                said = True
                if not self.level_word or level > self.level:
                    self.level, self.level_word = level, m.group(0)
                break
        m = _REVISION.search(text)
        number = to_int(next((g for g in m.groups() if g), "")) if m is not None else None
        if number:
            self.revision = max(self.revision, number)
            said = True
        if _COPY.search(text) or (bracketed and _COPY_NUMBER.match(text)):
            self.copy = said = True
            self.backup = self.backup or _BACKUP.search(text) is not None
            if _COPY_NUMBER.match(text):
                self.received = max(self.received, int(text))
            else:
                self.copied = True
        return said

    def dates(self, text: str) -> bool:
        """Note the dates in ``text``; whether there were any."""
        found = False
        for pattern in _DATES:
            for m in pattern.finditer(text):
                year, month, day = (int(g) if g else 0 for g in m.groups())
                if 0 < month <= 12 or (year and not month):
                    self.period = max(self.period or (0, 0, 0), (year, month, day))
                    found = True
        return found


#: a version number glued to the name or dotted ("台账v1.2", "台账V2", "（v1.10）")
_GLUED_VERSION = re.compile(r"(?<=[\u4e00-\u9fff）)】\]])(?=[vV]\d)")
_VERSION = re.compile(r"(?<![A-Za-z])(?:[vV]|[vV]er|VER)\.?\s?(\d{1,2})(?:\.(\d{1,2}))?(?![\d.])")
#: a version number without its v ("台账2.0", "台账（3.1版）", "台账 V2.0" read above): a dotted number no
#: date (11.20 is spelled 11月20日 before) and no attachment's number ("附件1.2", "表2.1")
_DOTTED_VERSION = re.compile(r"(?<![\d.\-A-Za-z件表号第])(\d{1,2})\.(\d{1,2})(?:版|稿)?(?![\d.])")


def _versions_spelled(stem: str) -> str:
    """``stem`` with its version numbers one token each, apart from the name: "东山镇整改台账v1.2" →
    "东山镇整改台账_v102", so that the unit is 东山镇 and the versions order as numbers (v1.2 = 102
    before v1.10 = 110 before V2 = 200)."""
    def spelled(m: re.Match[str]) -> str:
        return f"v{int(m.group(1)) * 100 + int(m.group(2) or 0)}"

    stem = _DOTTED_VERSION.sub(spelled, _VERSION.sub(spelled, stem))
    return _GLUED_VERSION.sub("_", stem)


def read_name(file: str) -> NameInfo:
    """The unit, the version and the part a ledger's path names: "附件2：县水利局巡察整改台账（11月）
    （终稿）.xlsx" → 县水利局, November, final; "县水利局整改台账 - 副本.xlsx" → 县水利局, a copy;
    "石门镇台账（第二部分）.xlsx" → 石门镇, a part of its own (another key). A name that is only
    ledger words ("东山镇/巡察整改台账.xlsx", "附件2.xlsx") names its folder's unit, and its key
    keeps the whole name ("附件1" and "附件2" are not versions of one file); a folder of the month or
    of the attachments in the unit's folder ("东山镇/10月报送/整改台账.xlsx") names no unit, its unit's does."""
    parts = file.split("/")
    name = parts[-1]
    stem = _dates_spelled(unicodedata.normalize("NFKC", name.rsplit(".", 1)[0] if "." in name[1:] else name))
    stem = _versions_spelled(stem)
    words = _Words()
    for inner in (text.strip() for text in _BRACKETS.findall(stem)):
        if inner and (_PART.match(inner) or not words.take(inner, bracketed=True)):
            words.others.append(inner)
    rest = _BRACKETS.sub(" ", stem)
    rest = re.sub(r"(?<!\d)(\d{8})[\s_\-.]?(\d{6})(?!\d)", r"\1\2", rest)  # rectxl's backup time: one token
    prefix = _PREFIX.match(rest)
    kept: list[str] = []
    tokens = [t for t in _SEPARATORS.split(rest[prefix.end():] if prefix else rest) if t]
    for i, token in enumerate(tokens):
        if i == 0 and len(tokens) > 1 and is_person_name(token) and any(
                _UNIT_KIND.match(_unit_in([t], _Words())) for t in tokens[1:]):
            continue  # the clerk who sent it, first ("王丽-白沙镇台账"): the unit is named after
        if _PART.match(token):
            words.others.append(token)
        elif token.isdigit():
            if not words.take(token, bracketed=False):
                words.others.append(token)  # "台账-1", "台账-2": told apart, not versions
        elif i > 0 and is_person_name(token):
            continue  # the clerk who sent it ("东山镇整改台账 张三"): no part of the unit, nor of the version
        elif i > 0 and len(token) == 1 and not words.take(token, bracketed=False):
            words.others.append(token)  # "台账-新", "台账_改": a word of its own, no part of the unit's name
        elif i == 0 or not words.take(token, bracketed=False):
            kept.append(token)
    unit = _unit_in(kept, words)
    # the innermost folder named after a unit: "东山镇/10月报送/整改台账", "西河镇/附件/附件1" are 东山镇's
    # and 西河镇's (a folder of the month, of the attachments, names no unit)
    folder = next((u for u in map(_folder_unit, reversed(parts[:-1])) if u), "")
    if not folder and _UNIT_KIND.match(unit) is None:
        # the unit in brackets beside the ledger words ("【县档案馆】整改台账", "2024年巡察整改台账（县统计局）");
        # in a unit's folder, a bracketed office is a part of its ledger ("东山镇/整改台账（党政办）")
        inner = next((o for o in words.others if _UNIT_KIND.match(_unit_in([o], _Words()))), None)
        if inner is not None:
            words.others.remove(inner)
            unit = _unit_in([inner], _Words())
    rest = ""
    key_named = bool(unit) and (_UNIT_KIND.match(unit) is not None or not folder)
    if key_named:
        key = unit_key(unit)
        names_unit = _UNIT_KIND.match(unit) is not None
    else:  # only ledger words, or words naming no unit: the folder says whose, the name tells the files apart
        said = (prefix.group(0) if prefix else "") + "".join(kept)
        unit = (folder or (_PREFIX.sub("", unicodedata.normalize("NFKC", parts[-2])) if len(parts) > 1 else "")
                or unicodedata.normalize("NFKC", name.rsplit(".", 1)[0] if "." in name[1:] else name))
        names_unit = bool(folder)
        key = "/".join(parts[:-1]) + "/" + unit_key(said)
        rest = unit_key(_LEDGER_WORDS.sub("", said))
    others = "".join(sorted("\x00" + unit_key(other) for other in words.others))
    where = _folder_words(parts[:-1])
    return NameInfo(unit=unit, names_unit=names_unit, key=key + others, period=words.period, level=words.level,
                    level_word=words.level_word, revision=words.revision, copy=words.copy, backup=words.backup,
                    received=0 if words.copied else words.received,
                    rest=rest + others, folder_period=where[0].period, folder_level=where[0].level,
                    folder_revision=where[0].revision, folder=where[1], by_folder=names_unit and not key_named)


def _folder_unit(name: str) -> str:
    """The unit a folder is named after ("人社局", "东山镇台账", "妇联"), or "" — not a folder of many
    units ("乡镇", "县直单位"), a date ("2026年10月报送") or rectxl's output folder."""
    text = _PREFIX.sub("", unicodedata.normalize("NFKC", name)).strip()
    text = _TRAILING_WORDS.sub("", _LEDGER_WORDS.sub("", _BRACKETS.sub("", text)).strip(" -_:、"))
    if _CATEGORY.match(text) or _UNIT_KIND.match(text) is None:
        return ""
    return text if len(text) >= 3 or text.endswith(("联", "协")) else ""


def _folder_words(folders: Sequence[str]) -> tuple[_Words, str]:
    """What the folders a file lies in say of its version (a date, 第N次, 终稿), and the innermost
    folder that says it."""
    words = _Words()
    said = ""
    for folder in folders:
        text = _dates_spelled(unicodedata.normalize("NFKC", folder))
        found = False
        for token in (t for t in _SEPARATORS.split(_BRACKETS.sub(" ", text)) if t):
            if _PART.match(token) is None and not _UNIT_KIND.match(token):
                found = _folder_take(words, token) or found
        for inner in _BRACKETS.findall(text):
            found = _folder_take(words, inner.strip()) or found
        if found:
            said = folder
    return words, said


def _folder_take(words: _Words, token: str) -> bool:
    """:meth:`_Words.take` for a folder's word: its dates, version words and numbers; not copies (a
    "(1)" folder is no copy of a file)."""
    before = (words.period, words.level, words.revision)
    words.take(token, bracketed=False)
    words.copy = words.backup = False
    return (words.period, words.level, words.revision) != before


def _unit_in(tokens: list[str], words: _Words) -> str:
    """The unit named by the words of a name left once its qualifiers are taken out: without the
    ledger words, and without the dates and version words glued to it (noted in ``words``)."""
    text = "".join(tokens)
    m = _REPORTING.search(text)
    if m is not None:
        text = m.group(1)
    text = _LEDGER_WORDS.sub("", _ROUND_REF.sub("", text))
    if words.dates(text):
        for pattern in _DATES[:2]:
            text = pattern.sub("", text)
    glued = _GLUED.search(text)
    if glued is not None:
        words.take(glued.group(0), bracketed=True)
        text = text[: glued.start()]
    text = _TRAILING_WORDS.sub("", text.strip(" -_:、")).removeprefix("关于")  # 关于县司法局巡察整改情况的报告
    head, about, _ = text.partition("关于")
    if about and _UNIT_KIND.match(head):  # "县民政局关于报送…的说明": the unit writing, before what it is about
        text = head
    tail = _GLUED_TAIL.search(text) if _UNIT_KIND.match(text) is None else None
    if tail is not None and _UNIT_KIND.match(_TRAILING_WORDS.sub("", text[: tail.start()])):
        words.others.append(tail.group(0))
        text = _TRAILING_WORDS.sub("", text[: tail.start()])
    return _PARTY.sub("", text) if text.startswith(("中共", "中国共产党")) else text


def date_in_name(file: str, before: date) -> date | None:
    """The date a ledger's file name gives ("台账_9月.xlsx", "东山镇台账20260930.xlsx", "…（2026年9月）"),
    not after ``before``: a month alone is its last day, of ``before``'s year or the one before it
    ("12月" read in January is last December's); None when the name gives no month."""
    from rectxl.core.deadline import month_end

    period = read_name(file).period
    if period is None or not 1 <= period[1] <= 12:
        return None
    year, month, day = period
    for y in ((year,) if year else (before.year, before.year - 1)):
        try:
            when = date(y, month, day) if day else month_end(y, month)
        except ValueError:
            return None
        if when <= before:
            return when
    return None


def unit_from_path(file: str) -> str:
    """The unit a ledger belongs to by where it lies: its file name without the words every
    ledger's name has and those saying which version it is ("附件2：城关镇巡察整改台账（11月）.xlsx"
    → 城关镇), else — a name that is only those words ("巡察整改台账.xlsx") — its folder's
    ("东山镇/巡察整改台账.xlsx" → 东山镇)."""
    return read_name(file).unit


def resolve_unit(declared: str | None, file: str) -> tuple[str, str]:
    """The unit a ledger is counted under, and its 单位名称 when that was not used (else "").

    基本信息 单位名称 (``declared``) is used unless the file's name (or its folder) names another
    unit: clerks fill in a template, or another unit's ledger, and leave its 单位名称 as it was —
    the name they gave the file is then the better witness, and the conflict is reported
    (:func:`batch_notes`). Whether they name one unit is :func:`rectxl.core.units.same_unit_name`
    (团县委 / 共青团清河县委员会, 妇联 / 清河县妇女联合会 are one)."""
    named = read_name(file)
    if not declared:
        return named.unit, ""
    core = unit_core(declared)
    # a core of one character is a kind of unit and no name: "××镇", "○○乡" left from a template;
    # a file named for a unit under the declared one (县委 → 县委办公室, 县政府 → 县政府办公室) names
    # another unit, though it holds the declared core
    within = unit_key(named.unit) if named.names_unit else ""
    under = within != core and within.startswith(core)
    if (not named.names_unit or same_unit_name(declared, named.unit)
            or (len(core) > 1 and core in unit_key(file) and not under)):
        return declared, ""
    return named.unit, declared


def newest_version(files: Sequence[tuple[str, float]],
                   stated: Mapping[str, str] | None = None) -> tuple[list[str], str]:
    """Versions of one ledger (path, modification time), newest first, and why the first is taken
    as the newest: by the dates in their names (when each has one), then by what the folders they
    lie in say (a date — "2026年10月报送/" after "2026年9月报送/", when each has one —, then 第N次 /
    第N批, then 终稿 or 初稿), then the words of their names (终稿 before
    修改稿 before none before 初稿), 第N稿, a name that does not look like a backup (备份, a
    timestamp), the date each ledger states inside (``stated``: 报告日期 or the title's 填报日期, ISO;
    when each has one), the modification time, and last the name: a "终稿(2).xlsx" that differs from
    "终稿.xlsx" (identical copies are set aside before) is the one a browser or WeChat received later
    under a name already there (of one time once unzipped), a "台账 - 副本.xlsx" the copy, not the
    original; the first by name when nothing tells them apart."""
    names = {rel: read_name(rel) for rel, _ in files}
    dated = all(names[rel].period is not None for rel, _ in files)
    in_dated = all(names[rel].folder_period is not None for rel, _ in files)
    stated = stated or {}
    inside = all(stated.get(rel) for rel, _ in files)

    def rank(item: tuple[str, float]) -> tuple[Any, ...]:
        n = names[item[0]]
        return ((n.period if dated else None) or (0, 0, 0),
                (n.folder_period if in_dated else None) or (0, 0, 0), n.folder_revision, n.folder_level,
                n.level, n.revision, not n.backup,
                stated[item[0]] if inside else "", int(item[1]), n.received, not n.copy)

    ordered = sorted(sorted(files), key=rank, reverse=True)
    first, second = names[ordered[0][0]], names[ordered[1][0]]
    why = "从文件名和修改时间无法判断哪一份最新，暂取文件名排在前面的一份，请核实"
    for i, (a, b) in enumerate(zip(rank(ordered[0]), rank(ordered[1]), strict=True)):
        if a != b:
            why = [
                "文件名中的日期最新",
                f"所在文件夹“{first.folder}”的日期最新",
                f"所在文件夹“{first.folder}”的次序最新",
                f"所在文件夹“{first.folder}”标明是较新的版本" if first.folder_level > 0
                else f"其他版本所在的文件夹“{second.folder}”标明是初稿或旧版",
                f"文件名标明“{first.level_word}”" if first.level > 0 else f"其他版本标明“{second.level_word}”",
                "文件名中的稿次最新",
                "其他文件的文件名像副本或备份",
                f"台账中填写的日期最新（{cn_written_date(stated.get(ordered[0][0], ''))}）",
                "修改时间最新（文件名、文件夹名和台账中都没有标明先后，而修改时间会因复制、下载改变，请核实）",
                f"文件名带“{_as_named(first.received)}”，是同名文件中后收到（下载）的一份，修改时间相同，请核实",
                "其他文件的文件名像副本或备份",
            ][i]
            break
    return [rel for rel, _ in ordered], why


# -- what the reader must know before comparing the units -------------------------------------------

#: files named in one note at most (the rest counted)
_NOTE_FILES = 10


def _listed(items: Sequence[str], limit: int = _NOTE_FILES) -> str:
    shown = "、".join(items[:limit])
    return shown + (f"等 {len(items)} 个" if len(items) > limit else "")


def batch_notes(result: BatchResult) -> list[Note]:
    """Everything that makes the units of ``result`` less than comparable, said once: the versions
    set aside (noted by the run), ledgers whose 单位名称 contradicts their file's name, units
    counted from several files, workbooks holding several units' ledgers, ledgers evaluated on
    different as-of dates, and ledgers dated well before the others (last period's sent again)."""
    return [*result.notes, *_unit_name_notes(result), *_added_up_notes(result), *_shared_file_notes(result),
            *_as_of_notes(result), *_stale_notes(result), *_other_units_copy_notes(result), *_off_roster_notes(result),
            *_unknown_unit_notes(result)]


def _unknown_unit_notes(result: BatchResult) -> list[Note]:
    """A note naming the ledgers whose unit nothing names — not the ledger (基本信息, its title
    rows), nor its file's or its folders' names ("整改台账.xlsx" in the folder itself): they are
    listed under their file's name, which names no unit."""
    unnamed = [r for r in result.ledgers if r.unnamed]
    if not unnamed:
        return []
    named = _listed([f"{r.file}（列为“{r.unit}”）" for r in unnamed], 10)
    return [Note("unit-unknown", f"{len(unnamed)} 个台账的文件名、所在文件夹和台账中都没有写明单位，"
                 f"暂按文件名列出：{named}；请核实是哪个单位的台账，在文件名中写明单位（如“县民政局整改台账.xlsx”）后重新检查",
                 [r.file for r in unnamed])]


def _off_roster_notes(result: BatchResult) -> list[Note]:
    """A note naming the units counted that the roster does not list: a unit named otherwise in
    its ledger than in the roster, or one the roster left out — either way the roster's count of
    who did not report may be wrong for it."""
    if not result.roster:
        return []
    rows = [row for row in round_rows(result) if row.files]
    _, unlisted = not_on_roster(result.roster, [row.unit for row in rows])
    if not unlisted:
        return []
    files = [f for row in rows if row.unit in unlisted for f in row.files]
    named = _listed([f"{row.unit}（{_listed(row.files)}）" for row in rows if row.unit in unlisted], 10)
    return [Note("not-on-roster", f"{len(unlisted)} 个单位的台账不在“{result.roster_file}”中：{named}；请核实单位名称"
                 "是否与名单一致（名单中的单位因此可能被列为未报送），或名单是否漏列了这些单位", files)]


def _unit_name_notes(result: BatchResult) -> list[Note]:
    by_declared: dict[str, list[LedgerResult]] = {}
    for r in result.ledgers:
        if r.declared_unit:
            by_declared.setdefault(r.declared_unit, []).append(r)
    notes = []
    for declared, ledgers in by_declared.items():
        files = [r.file for r in ledgers]
        where = "、".join(dict.fromkeys(_unit_source(r) for r in ledgers))
        if len(ledgers) == 1:
            (r,) = ledgers
            named = "文件夹名" if read_name(r.file).by_folder else "文件名"
            message = (f"{r.file}：{where}中的单位名称是“{declared}”，而{named}表明是“{r.unit}”的台账，两者不一致"
                       f"（可能沿用了模板或其他单位的台账），已按{named}统计为“{r.unit}”，请核实")
        else:
            each = _listed([f"{r.file}（{r.unit}）" for r in ledgers])
            message = (f"{len(ledgers)} 个台账{where}中的单位名称都是“{declared}”，与各自文件名表明的单位不一致"
                       f"（可能沿用了模板未修改），已按文件名分别统计：{each}；请核实")
        notes.append(Note("unit-name-mismatch", message, files))
    return notes


def _unit_source(r: LedgerResult) -> str:
    """Where a ledger states its unit's name, as a note says it: "基本信息", "标题行" …"""
    return r.unit_source or "基本信息"


def _added_up_notes(result: BatchResult) -> list[Note]:
    return [Note("files-added-up", f"{row.unit}：{len(row.files)} 个台账文件合并统计（{_listed(row.files)}）；"
                 "如果其中有同一台账的旧版本或副本，请只保留最新的一份；如果是不同单位的台账（基本信息中的单位名称"
                 "沿用了模板），请改正单位名称或在文件名中写明单位，再重新检查", list(row.files))
            for row in round_rows(result) if len(row.files) > 1 and not row.reason]


def _shared_file_notes(result: BatchResult) -> list[Note]:
    """A note for each workbook whose sheets are named after units of their own, one of them the
    unit counted ("县教育和体育局", "县卫生健康局" in one file): several units' ledgers sent together,
    added up as one unit's. A sheet named after no unit ("整改台账") is the ledger of the unit
    counted, so "整改台账" beside "县残疾人联合会" in 县民政局's workbook is two units' too. Sheets
    named after a unit's offices (党政办, 财政所 of a 镇's ledger) do not name the unit counted, and
    are one ledger."""
    notes = []
    for r in result.ledgers:
        units: list[str] = []
        unnamed = False
        for sheet in r.sheets:
            n = read_name(sheet)
            if n.names_unit and not any(same_unit_name(n.unit, u) for u in units):
                units.append(n.unit)
            unnamed = unnamed or not n.names_unit
        # beside a sheet named after no unit, a unit of its own names its place ("县残疾人联合会"),
        # an office of the unit counted does not ("党政办", "财政所")
        if (unnamed and r.unit and any(unit_parts(u)[0] for u in units)
                and not any(same_unit_name(r.unit, u) for u in units)):
            units.insert(0, r.unit)
        if len(units) > 1 and any(same_unit_name(u, r.unit) for u in units):
            named = "".join(f"“{sheet}”" for sheet in r.sheets)
            notes.append(Note("units-in-one-file", (
                f"{r.file}：一个工作簿中有 {len(units)} 个单位的台账（工作表{named}），已合并统计为“{r.unit}”；"
                "请各单位分别报送，或把各工作表另存为单独的文件（文件名写明单位）后重新检查"), [r.file]))
    return notes


def _as_of_notes(result: BatchResult) -> list[Note]:
    by_date: dict[str, list[LedgerResult]] = {}
    for r in result.ledgers:
        by_date.setdefault(r.as_of, []).append(r)
    if len(by_date) < 2:
        return []
    # the date most ledgers give (a date they give, rather than today's), whose files go unnamed —
    # when more than half the folder gives it (otherwise every date's files are named)
    usual = max(by_date, key=lambda d: (any(r.as_of_source != "今天" for r in by_date[d]), len(by_date[d]), d))
    if 2 * len(by_date[usual]) <= len(result.ledgers):
        usual = ""
    parts = []
    odd: list[str] = []
    for day in sorted(by_date):
        ledgers = by_date[day]
        sources = Counter(r.as_of_source for r in ledgers)
        # (a source may hold a "，" or a "、" of its own: the sources are set apart by "；")
        said = "；".join("未填报告日期，按今天计算" if s == "今天" else s for s in sources)
        text = f"{cn_written_date(day)} {len(ledgers)} 个台账（{said}）"
        if day != usual:
            text += "：" + _listed([r.file for r in ledgers])
            odd += [r.file for r in ledgers]
        parts.append(text)
    message = ("各台账的截至日期不一致，逾期和预警按各自的截至日期计算，单位之间不完全可比：" + "；".join(parts)
               + "。可用 --as-of 指定统一的截至日期后重新检查")
    return [Note("as-of-differs", message, odd)]


#: a ledger dated this many days before the date most ledgers of the folder give is an earlier
#: period's (a month's reports are dated within days of each other)
_STALE_DAYS = 20


def _stale_notes(result: BatchResult) -> list[Note]:
    """Ledgers that state a date (报告日期, the title's 填报日期) well before the one most ledgers
    of the folder state, evaluated on another date (``--as-of``): last period's ledger sent again
    under this period's name. Evaluated on the date it states, the ledger is named by
    :func:`_as_of_notes` already."""
    stated = Counter(r.stated for r in result.ledgers if r.stated)
    if len(stated) < 2:
        return []
    usual = max(stated, key=lambda d: (stated[d], d))
    latest = date.fromisoformat(usual)
    old = [r for r in result.ledgers if r.stated and r.as_of != r.stated
           and (latest - date.fromisoformat(r.stated)).days >= _STALE_DAYS]
    if not old:
        return []
    by_day: dict[str, list[LedgerResult]] = {}
    for r in sorted(old, key=lambda r: (r.stated, r.file)):
        by_day.setdefault(r.stated, []).append(r)
    said = "；".join(f"{cn_written_date(day)}：" + _listed([f"{r.file}（{r.unit}）" for r in ledgers])
                    for day, ledgers in by_day.items())
    # no date given by more ledgers than any other: measured from the latest, which no "most" give
    against = (f"多数台账的 {cn_written_date(usual)}（{stated[usual]} 个台账）" if stated[usual] > 1
               else f"最近一份台账的 {cn_written_date(usual)}")
    message = (f"{len(old)} 个台账中填写的日期早于{against}"
               f"{_STALE_DAYS} 天以上，"
               f"可能是上期台账重新报送（只改了文件名）：{said}。请核实，必要时请这些单位报送本期台账")
    return [Note("earlier-period", message, [r.file for r in old])]


def no_ledger_message(result: BatchResult, *, limit: int = 30) -> str:
    """Why a folder gave nothing to check: what it holds, and why each file was not checked."""
    head = f"{result.folder} 中没有找到 Excel 台账文件（.xlsx、.xlsm、.xls、.xlsb、.ods、.et）"
    found = result.set_aside + result.ignored
    if not found:
        return head + "：文件夹是空的"
    lines = [f"  {s.file}：{s.reason}" for s in found[:limit]]
    if len(found) > limit:
        lines.append(f"  ……另有 {len(found) - limit} 个")
    return head + f"。找到 {len(found)} 个文件，均未检查：\n" + "\n".join(lines)


def ledger_result(file: str, report: Report, *, seconds: float = 0.0, stated: str = "",
                  unit_source: str = "") -> LedgerResult:
    """The record of one ledger validated as ``rectxl check`` validates it (the counts and
    severities of ``report.summary()``, the findings as tuples); ``stated``: the date the ledger
    states (:attr:`LedgerResult.stated`); ``unit_source``: where it states its unit's name
    (:attr:`rectxl.core.model.Ledger.info_source`; "" for 基本信息). The unit is shown as
    :func:`canonical_unit` writes it."""
    by_severity = {s.value: 0 for s in Severity}
    for f in report.findings:
        by_severity[f.severity.value] += 1
    counts = report.counts
    unit, declared = resolve_unit(report.unit, file)
    if report.unit and not declared:  # the name and the ledger name one unit: its fullest spelling
        named = read_name(file)
        if named.names_unit and same_unit_name(unit, named.unit):
            unit = preferred_name([unit, named.unit])
    return LedgerResult(
        file=file,
        unit=canonical_unit(unit),
        as_of=report.as_of.isoformat(),
        as_of_source=report.as_of_source,
        sha256=report.source.sha256 or "",
        aspects=report.aspects,
        issues=report.issues,
        counts={key: getattr(counts, key) for key in COUNT_FIELDS},
        by_severity=by_severity,
        findings=[finding_row(f) for f in report.findings],
        seconds=round(seconds, 4),
        declared_unit=declared,
        stated=stated,
        unit_source=unit_source or "基本信息",
        sheets=list(report.sheets),
        unnamed=not report.unit and not read_name(file).names_unit,
    )


class BatchSink(Protocol):
    """Where a run's ledgers go as they are validated, in file order (the 汇总 workbook and the
    JSON are written this way: no list of every finding is held)."""

    def add(self, ledger: LedgerResult) -> None:
        """One more ledger, with its findings."""

    def close(self, result: BatchResult) -> None:
        """The run is over: ``result`` has every ledger (without its findings if they were not
        kept), the skipped and ignored files and the time taken."""

    def abort(self) -> None:
        """The run failed: nothing is written."""


def to_json(result: BatchResult) -> str:
    """The run as JSON::

        {"folder": str, "rectxl_version": str, "workers": int, "seconds": float,
         "totals": {"files", "ledgers", "skipped", "set_aside", "ignored", "ledgers_with_errors",
                    "measures", "done", "mostly_done", "in_progress", "long_term",
                    "not_started", "unknown", "overdue", "accepted", "closed", "extended",
                    "red", "orange", "yellow", "blue", "green", "rate",
                    "by_severity": {"error", "warning", "info"}},
         "ledgers": [{"file", "unit", "as_of", "as_of_source", "sha256", "aspects", "issues",
                      "counts": {...as in totals}, "by_severity": {...},
                      "findings": [finding, ...],   # findings as in ``rectxl check --format json``
                      "rate"}],
         "skipped": [{"file", "reason"}],    # ledger files that could not be read
         "set_aside": [{"file", "reason"}],  # copies and older versions of a ledger counted, 汇总台账
         "ignored": [{"file", "reason"}],    # files not checked (not ledgers, hidden, rectxl's own …)
         "notes": [{"code", "message", "files"}],   # what to know before comparing the units
         "round": [{"unit", "files", "issues", "measures", "done", "rate", "closed", "closure_rate",
                    "overdue", "red", "orange", "yellow", "extended", "as_of"}]}

    ``file`` is relative to ``folder``, with "/"; ledgers are sorted by it. ``notes``:
    :func:`batch_notes`. ``round``: the round statistics per inspected unit, worst first
    (:func:`round_rows`). Indented, except that each
    finding is one line. The same text, in pieces: :func:`json_head`, then :func:`ledger_json`
    of each ledger, then :func:`json_tail`.
    """
    return "".join(json_pieces(result, result.ledgers))


def json_pieces(result: BatchResult, ledgers: Iterable[LedgerResult]) -> Iterator[str]:
    """:func:`to_json`'s text in pieces, the ledgers (with their findings) taken from ``ledgers``."""
    yield json_head(result)
    count = 0
    for r in ledgers:
        yield ledger_json(r, first=count == 0)
        count += 1
    yield json_tail(result, ledgers=count)


def json_head(result: BatchResult) -> str:
    """The JSON up to the first ledger: folder, version, workers, seconds, totals."""
    head = {
        "folder": result.folder,
        "rectxl_version": __version__,
        "workers": result.workers,
        "seconds": result.seconds,
        "totals": result.totals(),
    }
    return json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "ledgers": ['


_JSON = json.JSONEncoder(ensure_ascii=False)
_TEXT = json.encoder.encode_basestring  # a str as JSON text (the C encoder json.dumps uses)


def _scalar(value: Any) -> str:
    return _TEXT(value) if type(value) is str else str(value) if type(value) is int else _JSON.encode(value)


def _flat(data: dict[str, Any], depth: int) -> str:
    """A dict of scalars as ``json.dumps(…, indent=1)`` writes it ``depth`` levels deep."""
    if not data:
        return "{}"
    pad = "\n" + " " * depth
    return "{" + ",".join(f"{pad}{_TEXT(k)}: {_scalar(v)}" for k, v in data.items()) + "\n" + " " * (depth - 1) + "}"


def ledger_json(r: LedgerResult, *, first: bool) -> str:
    """One entry of ``ledgers`` (after a comma unless it is the ``first``): indented as
    ``json.dumps(…, indent=1)`` would, except that each finding is one line."""
    text = _TEXT
    if r.findings:
        encode, keys = _JSON.encode, FINDING_KEYS
        findings = ("[\n     " + ",\n     ".join([encode(dict(zip(keys, f, strict=True))) for f in r.findings])
                    + "\n    ]")
    else:
        findings = "[]"
    return (("\n  {" if first else ",\n  {")
            + f'\n   "file": {text(r.file)},\n   "unit": {text(r.unit)},\n   "as_of": {text(r.as_of)},'
            f'\n   "as_of_source": {text(r.as_of_source)},\n   "sha256": {text(r.sha256)},'
            f'\n   "aspects": {_scalar(r.aspects)},\n   "issues": {_scalar(r.issues)},'
            f'\n   "counts": {_flat(r.counts, 4)},\n   "by_severity": {_flat(r.by_severity, 4)},'
            f'\n   "findings": {findings},\n   "rate": {_JSON.encode(round(r.rate, 4))}\n  }}')


def json_tail(result: BatchResult, *, ledgers: int) -> str:
    """The JSON after the last of ``ledgers`` ledgers: skipped, set aside, ignored, notes, round."""
    tail: dict[str, Any] = {
        "skipped": [asdict(s) for s in result.skipped],
        "set_aside": [asdict(s) for s in result.set_aside],
        "ignored": [asdict(s) for s in result.ignored],
        "notes": [asdict(n) for n in batch_notes(result)],
        "round": [row.to_dict() for row in round_rows(result)],
    }
    if result.roster:
        tail["roster"] = roster_status(result)
    return ("\n ]" if ledgers else "]") + "," + json.dumps(tail, ensure_ascii=False, indent=1)[1:] + "\n"


def to_text(result: BatchResult, *, limit: int = 20) -> str:
    """Totals, what to know before comparing the units (:func:`batch_notes`), the ranking, the
    ledgers with errors and every file that was not counted, with why (terminal text)."""
    t = result.totals()
    sev = t["by_severity"]
    set_aside = (f"，{t['set_aside']} 个{set_aside_title(result).replace('和', '或')}未统计"
                 if t["set_aside"] else "")
    lines = [
        f"批量校验：{result.folder}",
        f"台账 {t['ledgers']} 个已校验，{t['skipped']} 个无法读取{set_aside}，另有 {t['ignored']} 个文件未检查"
        f"（用时 {result.seconds:.1f} 秒，{result.workers} 个进程）",
        f"整改措施 {t['measures']} 项：已完成 {t['done']}，基本完成 {t['mostly_done']}，正在推进 {t['in_progress']}，"
        f"长期坚持 {t['long_term']}，未启动 {t['not_started']}；逾期 {t['overdue']}；完成率 {t['rate']:.0%}",
        f"发现问题：错误 {sev['error']} 条，警告 {sev['warning']} 条，提示 {sev['info']} 条；"
        f"有错误的台账 {t['ledgers_with_errors']} 个",
    ]
    if result.roster:
        lines.append(roster_line(result))
    notes = batch_notes(result)
    if notes:
        lines += ["", f"请注意（{len(notes)}）："]
        lines += [f"  {i}. {n.message}" for i, n in enumerate(notes[:limit], start=1)]
        if len(notes) > limit:
            lines.append(f"  ……另有 {len(notes) - limit} 条，详见汇总表")
    lines += _ranking_lines(result, limit)
    with_errors = [r for r in result.ledgers if r.has_errors]
    if with_errors:
        lines.append("")
        lines.append(f"有错误的台账（{len(with_errors)}）：")
        for r in with_errors[:limit]:
            lines.append(f"  {r.file}  {r.unit}：错误 {r.by_severity['error']} 条，逾期 {r.counts['overdue']} 项")
        if len(with_errors) > limit:
            lines.append(f"  ……另有 {len(with_errors) - limit} 个，详见汇总表")
    lines += _file_lines("无法读取", result.skipped, None)
    lines += _file_lines(f"未统计的{set_aside_title(result)}", result.set_aside, limit)
    lines += _file_lines("未检查", result.ignored, limit)
    return "\n".join(lines) + "\n"


def roster_status(result: BatchResult) -> dict[str, Any]:
    """The roster against the run (the JSON ``roster`` object): its file, its units, those that sent
    no file at all, and those whose files could not be counted (unreadable, empty, another's)."""
    rows = round_rows(result)
    uncounted, _ = not_on_roster(result.roster, [row.unit for row in rows if not row.reason])
    missing = [row.unit for row in rows if not row.files]
    return {"file": result.roster_file, "units": list(result.roster), "not_reported": missing,
            "not_counted": [unit for unit in uncounted if unit not in missing]}


def roster_line(result: BatchResult, where: str = "见下方“没有统计到台账的单位”") -> str:
    """How many of the roster's units were counted, sent nothing, or sent what could not be counted
    (``where``: where the report lists them)."""
    status = roster_status(result)
    missing, other = len(status["not_reported"]), len(status["not_counted"])
    counted = len(result.roster) - missing - other
    line = f"应报送单位 {len(result.roster)} 个（{result.roster_file}）：已统计 {counted} 个，未报送台账 {missing} 个"
    if other:
        line += f"，报送了但未能统计 {other} 个"
    return line + (f"，{where}" if missing or other else "")


def _ranking_lines(result: BatchResult, limit: int) -> list[str]:
    """The ranking (units with measures counted), then the units of which nothing was counted."""
    rows = round_rows(result)
    ranked = [r for r in rows if r.measures]
    uncounted = [r for r in rows if r.reason]
    lines = []
    if ranked:
        lines += ["", "整改进度（逾期多、完成率低的单位在前）："]
        for i, row in enumerate(ranked[:limit], start=1):
            lines.append(f"  {i}. {row.unit}：措施 {row.measures} 项，完成率 {percent_text(row.rate)}，"
                         f"销号率 {percent_text(row.closure_rate)}；逾期 {row.overdue} 项，橙色预警 {row.orange} 项，"
                         f"黄色预警 {row.yellow} 项，延期 {row.extended} 项")
        if len(ranked) > limit:
            lines.append(f"  ……另有 {len(ranked) - limit} 个单位，详见汇总表")
    if uncounted:
        lines += ["", f"没有统计到台账的单位（{len(uncounted)}，请督促重新报送）：",
                  *(f"  {row.unit}：{row.reason}" for row in uncounted[:limit])]
        if len(uncounted) > limit:
            lines.append(f"  ……另有 {len(uncounted) - limit} 个单位，详见汇总表")
    return lines


def _file_lines(title: str, files: list[Skipped], limit: int | None) -> list[str]:
    """A section listing ``files`` with their reasons (the first ``limit``; None: all)."""
    if not files:
        return []
    shown = files if limit is None else files[:limit]
    lines = ["", f"{title}（{len(files)}）：", *(f"  {s.file}：{s.reason}" for s in shown)]
    if len(shown) < len(files):
        lines.append(f"  ……另有 {len(files) - len(shown)} 个，详见汇总表")
    return lines


def _as_named(received: object) -> str:
    """The copy number as the file's name writes it ("(2)": a browser's or Windows' half-width brackets)."""
    return f"({received})"
