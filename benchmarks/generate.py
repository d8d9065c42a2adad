"""Generate realistic 巡察整改台账 for the benchmarks (deterministic, cached under benchmarks/out/).

The texts are the real ones of the bundled example ledger (``workbooks/示例台账.xlsx``, taken from
a published notice): aspects, categories, issues and 124 measures of 7–287 characters. A ledger
of N measures repeats that unit's structure (3 aspects → 4 categories → 2–3 issues → 3–6
measures, about 150 measures per unit block) with:

- a merged title row, the template's 14 columns, 方面/问题类别/问题序号/具体问题 merged down over
  their measure rows;
- owners (责任领导/责任单位/责任人), Chinese deadline phrases (2023年9月底前, 2023年第四季度,
  立行立改, 长期坚持, 反馈后6个月内, …) and Excel dates, status spellings (已完成, 已整改, 推进中,
  整改中, 持续推进, …), completion dates as Excel dates or Chinese text, progress text as long
  as the measure, evidence names;
- about 10% deliberate defects (missing owner, bad or missing deadline, overdue, bad status,
  missing evidence, wording that contradicts the status, completion in the future, duplicate
  measures, #N/A error cells, an owner unit spelt two ways);
- sheets 基本信息 (单位名称, 反馈日期 2023-06-27, 报告日期 2023-09-20) and 责任单位名录.

Written as Excel writes it (shared strings, every data cell bordered and wrapped), from an
openpyxl template plus sheet XML written directly, so a 100,000-measure ledger takes seconds.

    python -m benchmarks.generate 1000 -o /tmp/台账.xlsx
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import python_calamine as pc
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "workbooks" / "示例台账.xlsx"
OUT = Path(__file__).resolve().parent / "out"
#: bump when the generated content changes, so cached files are regenerated
VERSION = 4

FEEDBACK = date(2023, 6, 27)
AS_OF = date(2023, 9, 20)
COLUMNS = ["方面", "问题类别", "问题序号", "具体问题", "整改措施", "责任领导", "责任单位", "责任人",
           "整改时限", "整改状态", "完成时间", "整改进展", "佐证材料", "备注"]
WIDTHS = [18, 20, 6, 30, 48, 10, 14, 10, 16, 10, 12, 40, 24, 12]
UNITS = ["办公室", "机关党委", "人事科", "规划财务科", "医政医管科", "中医药科", "疾病预防控制科",
         "卫生监督所", "基层卫生健康科", "法规科", "信息中心", "审计科"]
LEADS = ["局长", "副局长甲", "副局长乙", "副局长丙", "纪检组长"]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐刚", "孙丽",
          "马超", "朱琳", "胡军", "郭佳", "林峰"]
DONE = ["已完成", "已完成", "已完成", "已整改", "已完成整改", "已办结", "整改完成"]
OPEN = ["正在推进", "正在推进", "推进中", "整改中", "　正在整改　", "基本完成", "阶段性完成"]
LONG = ["长期坚持", "持续推进", "长期坚持"]
#: deadlines still ahead of the as-of date (so only the deliberate defects are overdue)
FUTURE = ["2023年12月底前", "2023年第四季度", "2023年12月31日", "2024年6月30日前", "反馈后6个月内",
          "2023年12月底前完成并长期坚持", "2023.12.31", "2024年上半年", "2023年10月至12月", "12月底前"]
PAST = ["2023年7月31日", "2023年8月底前", "立行立改", "2023年9月15日前", "反馈后2个月内", "2023年第三季度前"]
EVIDENCE = ["会议纪要、制度文件", "学习记录、会议纪要", "制度文本", "通报文件及整改台账", "检查记录、照片",
            "培训签到表、课件", "整改报告"]
DEFECTS = ["no-unit", "no-lead", "no-person", "bad-deadline", "no-deadline", "overdue", "bad-status",
           "no-status", "no-evidence", "no-completion", "wording", "future", "duplicate", "na", "variant",
           "due-soon"]


@dataclass(frozen=True)
class Corpus:
    aspects: list[str]
    categories: list[str]
    issues: list[str]
    measures: list[str]
    clauses: list[str]

    def text(self, rng: random.Random) -> str:
        """A measure as clerks write one: 2–12 clauses of the real measures (mean ~80 characters,
        up to ~250), recombined so that every row's text is its own, as in a real ledger."""
        k = rng.choices((2, 3, 4, 5, 6, 8, 12), weights=(10, 20, 25, 20, 12, 8, 5))[0]
        return ",".join(rng.choice(self.clauses) for _ in range(k)) + "。"


def _strip_label(text: str) -> str:
    for sep in ("、", ")", ")"):
        head, found, tail = text.partition(sep)
        if found and len(head) <= 4:
            return tail
    return text


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    """The example ledger's real texts (labels stripped, so they can be renumbered)."""
    rows = pc.CalamineWorkbook.from_path(str(EXAMPLE)).get_sheet_by_name("台账").to_python()
    header = rows[1]
    col = {name: header.index(name) for name in ("方面", "问题类别", "具体问题", "整改措施")}

    def column(name: str) -> list[str]:
        seen: list[str] = []
        for r in rows[2:]:
            v = str(r[col[name]]).strip()
            if v and v not in seen:
                seen.append(v)
        return seen

    measures = column("整改措施")
    clauses = sorted({c for m in measures for c in re.split(r"[,;。]", m) if len(c) >= 6})
    return Corpus(
        aspects=[_strip_label(t) for t in column("方面")],
        categories=[_strip_label(t) for t in column("问题类别")],
        issues=column("具体问题"),
        measures=measures,
        clauses=clauses,
    )


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


# -- rows ------------------------------------------------------------------------------------


@dataclass
class Row:
    values: list[Any]
    issue_start: bool


def _structure(n: int, rng: random.Random) -> Iterator[tuple[int, int, int, int, int]]:
    """(unit block, aspect in unit, category in aspect, issue no., measures) until n measures;
    issues are numbered on through the whole ledger."""
    issue_no = 0
    left = n
    block = 0
    while left > 0:
        for a in range(3):
            for c in range(4):
                for _ in range(rng.choice((2, 3, 3))):
                    k = min(left, rng.choice((3, 4, 4, 5, 5, 6)))
                    issue_no += 1
                    yield block, a, c, issue_no, k
                    left -= k
                    if left <= 0:
                        return
        block += 1


def ledger_rows(n: int, seed: int = 0, defect_rate: float = 0.10) -> tuple[list[list[Any]], list[str]]:
    """The 台账 data rows for ``n`` measures (starting at sheet row 3) and merged ranges (A1)."""
    rng = random.Random(seed)
    text = corpus()
    rows: list[list[Any]] = []
    merges: list[str] = []
    first_row = 3
    spans: dict[int, int] = {}  # column → first row of the open merge
    prev: tuple[int, int, int] | None = None

    def close(col: int, last: int) -> None:
        start = spans.pop(col, None)
        if start is not None and last > start:
            letter = get_column_letter(col + 1)
            merges.append(f"{letter}{start}:{letter}{last}")

    for block, a, c, issue_no, k in _structure(n, rng):
        r = first_row + len(rows)
        new_aspect = prev is None or prev[:2] != (block, a)
        new_category = new_aspect or prev != (block, a, c)
        if new_aspect:
            close(0, r - 1)
            spans[0] = r
        if new_category:
            close(1, r - 1)
            spans[1] = r
        close(2, r - 1)
        close(3, r - 1)
        spans[2] = spans[3] = r
        prev = (block, a, c)
        issue_text = text.issues[(issue_no - 1) % len(text.issues)]
        for j in range(k):
            row: list[Any] = [None] * len(COLUMNS)
            if j == 0:
                if new_aspect:
                    row[0] = f"{_cn(a + 1)}、{text.aspects[a % len(text.aspects)]}"
                if new_category:
                    row[1] = f"({_cn(c + 1)}){text.categories[(3 * a + c) % len(text.categories)]}"
                row[2] = issue_no
                row[3] = issue_text
            _fill_measure(row, text, rng, defect_rate, rows)
            rows.append(row)
    last = first_row + len(rows) - 1
    for col in list(spans):
        close(col, last)
    return rows, merges


def _fill_measure(row: list[Any], text: Corpus, rng: random.Random, rate: float,
                  previous: Sequence[list[Any]]) -> None:
    measure = text.text(rng)
    unit = rng.choice(UNITS)
    if rng.random() < 0.08:
        unit = f"{unit}、{rng.choice(UNITS)}"
    kind = rng.random()
    deadline: Any
    if kind < 0.45:
        status, deadline = rng.choice(DONE), rng.choice(PAST + FUTURE[:3])
    elif kind < 0.85:
        status, deadline = rng.choice(OPEN), rng.choice(FUTURE)
    else:
        status, deadline = rng.choice(LONG), rng.choice(["长期坚持", "持续推进", "2023年12月底前完成并长期坚持"])
    done = status in DONE
    if rng.random() < 0.1 and not done and deadline in FUTURE:
        deadline = datetime(2024, 3, 31)  # an Excel date instead of text
    completed: Any = None
    if done:
        day = FEEDBACK + timedelta(days=rng.randrange(1, 34))  # before every past deadline
        completed = datetime(day.year, day.month, day.day)
        if rng.random() >= 0.7:
            completed = f"{day.year}年{day.month}月{day.day}日"  # typed as text
    when = f"截至{rng.randint(7, 9)}月{rng.randint(1, 28)}日,"
    progress = when + ("已" + text.text(rng) if done else "正在推进," + text.text(rng) + "计划年底前完成。")
    evidence = rng.choice(EVIDENCE) if done else None
    row[4:14] = [measure, rng.choice(LEADS), unit, rng.choice(PEOPLE), deadline, status, completed, progress,
                 evidence, None]
    if rng.random() >= rate:
        return
    defect = rng.choice(DEFECTS)
    if defect == "no-unit":
        row[6] = None
    elif defect == "no-lead":
        row[5] = None
    elif defect == "no-person":
        row[7] = None
    elif defect == "bad-deadline":
        row[8] = rng.choice(["待定", "尽快", "年内尽快完成", "另行通知"])
    elif defect == "no-deadline":
        row[8] = None
    elif defect == "overdue":
        row[8], row[9], row[10], row[12] = "2023年8月31日", "正在推进", None, None
    elif defect == "bad-status":
        row[9] = rng.choice(["进行了一半", "完成了吗", "待办"])
    elif defect == "no-status":
        row[9] = None
    elif defect == "no-evidence" and done:
        row[12] = None
    elif defect == "no-completion" and done:
        row[10] = None
    elif defect == "wording" and done:
        row[11] = "下一步将" + measure
    elif defect == "future" and done:
        row[10] = datetime(2023, 10, 15)
    elif defect == "duplicate" and previous and previous[-1][4]:
        row[4] = previous[-1][4]
    elif defect == "na":
        row[rng.choice((5, 7))] = "#N/A"
    elif defect == "variant":
        row[6] = "办 公 室"
    elif defect == "due-soon" and not done and status not in LONG:
        row[8] = "2023年9月30日"


# -- workbook ----------------------------------------------------------------------------------


def write_ledger(path: Path, n: int, *, seed: int = 0, unit: str = "区卫生健康局") -> Path:
    """Write a ledger of ``n`` measures to ``path`` (atomically: a partial file is never left).

    openpyxl writes a template (styles, column widths, frozen header, title and header rows, one
    sample data row, the 基本信息 and 责任单位名录 sheets); the data rows are then written
    straight into the sheet XML the way Excel saves them — text in a shared-strings table,
    every cell with the bordered, wrapped style — which is ~20 times faster than building a
    million cell objects.
    """
    rows, merges = ledger_rows(n, seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"
    title = WriteOnlyCell(ws, f"{unit}党组巡察整改台账")
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    ws.append([title])
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(ws, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.border = border
        header.append(cell)
    ws.append(header)
    wrap = Alignment(vertical="top", wrap_text=True)
    text_cell = WriteOnlyCell(ws, "样例")  # the sample row: its two styles are used for every data cell
    text_cell.border, text_cell.alignment = border, wrap
    date_cell = WriteOnlyCell(ws, datetime(2023, 1, 1))
    date_cell.border, date_cell.alignment = border, wrap
    date_cell.number_format = 'yyyy"年"m"月"d"日"'
    ws.append([text_cell, date_cell])
    ws.merged_cells = MultiCellRange([CellRange(f"A1:{get_column_letter(len(COLUMNS))}1")])
    info = wb.create_sheet("基本信息")
    for key, value in (("单位名称", unit), ("巡察组", "区委第三巡察组"), ("反馈日期", FEEDBACK),
                       ("报告日期", AS_OF), ("联系电话", "020-12345678")):
        info.append([key, value])
    directory = wb.create_sheet("责任单位名录")
    directory.append(["责任单位"])
    for u in UNITS:
        directory.append([u])
    template = io.BytesIO()
    wb.save(template)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _assemble(template.getvalue(), rows, merges, tmp)
    os.replace(tmp, path)
    return path


_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
    re.DOTALL,
)
_SAMPLE_ROW = re.compile(r'<row r="3">.*?</row>', re.DOTALL)
_MERGES = re.compile(r'<mergeCells count="\d+">.*?</mergeCells>', re.DOTALL)
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"})
_EPOCH = datetime(1899, 12, 30)


class _Strings:
    """The shared-strings table being built: text → index, and how many cells refer to it."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def __call__(self, text: str) -> int:
        self.count += 1
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> bytes:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{self.count}" '
                f'uniqueCount="{len(self.index)}">{items}</sst>').encode()


def _rows_xml(rows: list[list[Any]], first: int, text_s: str, date_s: str, strings: _Strings) -> str:
    out: list[str] = []
    letters = [get_column_letter(c + 1) for c in range(len(COLUMNS))]
    for i, values in enumerate(rows):
        r = first + i
        cells: list[str] = []
        for letter, v in zip(letters, values, strict=False):
            ref = f"{letter}{r}"
            if v is None:
                cells.append(f'<c r="{ref}" s="{text_s}"/>')
            elif isinstance(v, datetime):
                cells.append(f'<c r="{ref}" s="{date_s}"><v>{(v - _EPOCH).days}</v></c>')
            elif isinstance(v, int | float):
                cells.append(f'<c r="{ref}" s="{text_s}"><v>{v}</v></c>')
            elif v in _ERRORS:
                cells.append(f'<c r="{ref}" s="{text_s}" t="e"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{text_s}" t="s"><v>{strings(str(v))}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return "".join(out)


def _assemble(template: bytes, rows: list[list[Any]], merges: list[str], path: Path) -> None:
    """The template workbook with ``rows`` in place of its sample row, ``merges`` added and all
    text in a shared-strings table."""
    strings = _Strings()

    def shared(m: re.Match[bytes]) -> bytes:
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), strings(unescape(m.group(3).decode())))

    with zipfile.ZipFile(io.BytesIO(template)) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    for name in sorted(parts):
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = _INLINE.sub(shared, parts[name])
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sample = _SAMPLE_ROW.search(sheet)
    assert sample is not None
    text_s, date_s = re.findall(r'<c r="[AB]3" s="(\d+)"', sample.group())
    sheet = sheet[: sample.start()] + _rows_xml(rows, 3, text_s, date_s, strings) + sheet[sample.end():]
    all_merges = [f"A1:{get_column_letter(len(COLUMNS))}1", *merges]
    merge_xml = f'<mergeCells count="{len(all_merges)}">' + "".join(
        f'<mergeCell ref="{ref}"/>' for ref in all_merges) + "</mergeCells>"
    sheet = _MERGES.sub(lambda _: merge_xml, sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = strings.xml()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/></Types>'.encode())
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" Id="rIdSst"/></Relationships>'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


def cached_ledger(n: int, *, seed: int = 0) -> Path:
    """The generated ledger of ``n`` measures, written once under ``benchmarks/out/``."""
    path = OUT / f"台账_{n}_s{seed}_v{VERSION}.xlsx"
    if not path.exists():
        write_ledger(path, n, seed=seed)
    return path


LAYOUTS = ("combined", "merged")


def write_layout_ledger(path: Path, issues: int, layout: str) -> Path:
    """A ledger of ``issues`` issues of three measures each, laid out as county clerks lay theirs
    out, for the growth of ``check`` with the ledger's own structure (merged ranges, issue rows):

    - ``combined``: one 问题及整改措施 column, each issue on a row of its own ("问题12：…") above its
      measures, its 责任单位 and 整改时限 merged down over them;
    - ``merged``: 序号 and 存在问题 merged down over each issue's measures, 问题类别 over each quarter."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    if layout == "combined":
        ws.append(["序号", "问题及整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
        for i in range(1, issues + 1):
            ws.append([i, f"问题{i}：干部作风建设存在薄弱环节，制度执行不到位（第{i}项）", None, None, None, None])
            start = ws.max_row + 1
            for j in range(1, 4):
                ws.append([f"{i}-{j}", f"{j}.建立健全工作制度，开展专项检查（{i}-{j}）", "办公室", "张三",
                           "2025年12月31日", "已完成"])
            for c in (3, 5):
                ws.merge_cells(start_row=start, start_column=c, end_row=ws.max_row, end_column=c)
    elif layout == "merged":
        ws.append(["XX县XX局巡察整改台账"])
        ws.merge_cells("A1:J1")
        ws.append(["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任股室", "责任人", "完成时限",
                   "整改进展", "完成情况"])
        quarter = max(issues // 4, 1)
        for i in range(1, issues + 1):
            start = ws.max_row + 1
            for j in range(1, 4):
                ws.append([i, f"第{(i - 1) // quarter + 1}方面", f"存在问题{i}：制度执行不严格",
                           f"{j}.完善制度第{j}项措施（{i}）", "李局长", "办公室", "张三", "2025年6月底前",
                           "已制定制度并印发执行", "已完成"])
            for c in (1, 3):
                ws.merge_cells(start_row=start, start_column=c, end_row=ws.max_row, end_column=c)
            if i % quarter == 0 or i == issues:
                top = 3 + 3 * (i - ((i - 1) % quarter) - 1)
                ws.merge_cells(start_row=top, start_column=2, end_row=ws.max_row, end_column=2)
    else:
        raise ValueError(layout)
    wb.save(path)
    return path


def cached_layout_ledger(issues: int, layout: str) -> Path:
    """:func:`write_layout_ledger`, written once under ``benchmarks/out/``."""
    path = OUT / f"台账_{layout}_{issues}_v{VERSION}.xlsx"
    if not path.exists():
        write_layout_ledger(path, issues, layout)
    return path


def _unit_name(i: int) -> str:
    districts = ["越秀", "海珠", "荔湾", "天河", "白云", "黄埔", "番禺", "花都", "南沙", "从化", "增城"]
    bureaus = ["卫生健康局", "教育局", "民政局", "财政局", "住房和城乡建设局", "交通运输局", "水务局",
               "农业农村局", "商务局", "文化广电旅游局", "市场监督管理局", "城市管理和综合执法局"]
    return f"{districts[i % len(districts)]}区{bureaus[(i // len(districts)) % len(bureaus)]}{i // 132 + 1}"


def _write_unit(args: tuple[Path, int]) -> None:
    folder, i = args
    path = folder / f"{i + 1:04d}_{_unit_name(i)}_整改台账.xlsx"
    if not path.exists():
        rng = random.Random(1000 + i)
        write_ledger(path, rng.randint(130, 170), seed=1000 + i, unit=_unit_name(i))


def cached_folder(count: int, *, workers: int | None = None) -> Path:
    """A folder of ``count`` unit ledgers of ~150 measures (130–170), written once, in parallel."""
    folder = OUT / f"台账文件夹_{count}_v{VERSION}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(folder, i) for i in range(count)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers or os.cpu_count()) as pool:
        list(pool.map(_write_unit, jobs, chunksize=16))
    done.write_text("ok")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="生成基准测试用的整改台账")
    parser.add_argument("measures", type=int, help="措施数")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_ledger(args.output, args.measures, seed=args.seed)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
