"""Rules on the ledger's shape: columns, hierarchy, numbering, duplicates, error values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind, item_deadlines, parse_deadline
from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Aspect, Category, Issue, Ledger, Measure
from rectxl.core.names import INFO_SHEET
from rectxl.core.notice.totals import extract_stated_totals
from rectxl.core.numbering import enumerated_items, note_count
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, row_of, rule
from rectxl.core.status import Status, read_status
from rectxl.core.text import LazyPattern, line_goes_on, shorten

__all__ = ["heading_count_disagreements", "issue_in_blocks"]


@rule(
    "header-missing", Severity.ERROR,
    "台账缺少必需列（具体问题、整改措施、责任单位、整改时限、整改状态之一）。",
    "台账缺少必需列“{field}”：请在第{header_row}行表头中添加该列（可用名称：{aliases}）。{hint}",
)
def header_missing(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        for field in F.REQUIRED_FIELDS:
            if field == F.ISSUE and field not in sheet.columns and (
                    sheet.issues_from or any(i.sheet == sheet.name for i in ctx.issues)):
                # each issue written on a row of its own above its measures ("问题1：…"), or on a
                # 问题清单 of its own, the tasks naming its code
                continue
            if field == F.OWNER_UNIT and (sheet.unit_from_name or sheet.unit_from_person):
                # a sheet per unit, named by it: every measure on it is that unit's; or each
                # 责任人 cell naming the unit before the person ("党政办 刘洋")
                continue
            if field == F.STATUS and _status_in_progress(ctx, sheet.name, sheet.columns):
                continue
            if field not in sheet.columns:
                aliases = "、".join(k for k, v in F.ALIASES.items() if v == field)
                yield r.finding(ctx, row=sheet.header_row, field=field, sheet=sheet.name,
                                header_row=sheet.header_row, aliases=aliases,
                                hint=_missing_hint(field, sheet.columns, ctx.ledger.columns_elsewhere))


def _status_in_progress(ctx: Context, sheet: str, columns: dict[str, str]) -> bool:
    """Does a sheet without a status column tell every measure's status where its progress opens
    ("整改落实情况": 已于2025年6月完成并销号。…, 未销号，…)? Then nothing is missing. A status read
    from an account or a completion date (``status_from_account``) is no status told."""
    if F.STATUS in columns or F.PROGRESS not in columns:
        return False
    here = [m for m in ctx.measures if m.sheet == sheet]
    return bool(here) and all(m.status is not None and not m.status_from_account for m in here)


def _missing_hint(field: str, columns: dict[str, str], elsewhere: dict[str, tuple[str, str]]) -> str:
    """What the clerk of a ledger lacking ``field`` most likely has instead, and what to do: the
    column on a sheet of its own (a 责任清单 beside the 任务清单), a village's ledger naming only
    its 责任人, a ledger whose 整改落实情况 tells the status in prose."""
    if field in elsewhere:
        other, text = elsewhere[field]
        return (f"工作表“{other}”有“{_one_line(text)}”列，但 rectxl 只读取列有整改措施的工作表，不会按编号把它并入："
                "请把该列按编号填入本表。")
    if field == F.OWNER_UNIT:
        people = [f"{name}（{columns[f]}列）" for f, name in ((F.LEAD, "责任领导"), (F.OWNER_PERSON, "责任人"))
                  if f in columns]
        if people:
            return (f"表中的{'、'.join(people)}写的是人，不能代替责任单位：请添加一列写明承担整改的单位"
                    "（村级台账可写村党支部、村委会或村务监督委员会）；如果其中某列写的其实是单位，"
                    "请用 --column 原列名=责任单位 指明。")
    closure = "、".join(f"{name}（{columns[f]}列）" for f, name in (
        (F.CLOSED_FLAG, "是否销号"), (F.CLOSED, "销号日期"), (F.ACCEPTED_FLAG, "是否验收"), (F.ACCEPTED, "验收日期"))
        if f in columns)
    closed = f"标明已销号、已验收的行（{closure}）按已完成读取，" if field == F.STATUS and closure else ""
    if field == F.STATUS and F.COMPLETED in columns and F.PROGRESS not in columns:
        closed += f"填了完成时间（{columns[F.COMPLETED]}列）的行按已完成读取，"
    if field == F.STATUS and F.PROGRESS in columns:
        return (f"{closed}进展列（{columns[F.PROGRESS]}列）开头写明状态的行（如“已完成。…”“正在推进，…”）"
                "已按该状态读取，"
                "其余行按完成时间或进展的叙述推断（如填了完成时间、写着“已全部…完毕”的为已完成），推断不出的行状态不明："
                "请添加“整改状态”列逐行填写。")
    if closed:
        return f"{closed}其余行状态不明：请添加“整改状态”列逐行填写。"
    return ""


@rule(
    "duplicate-header", Severity.WARNING,
    "表头中同一列名（或其别名）出现了两次，只读取其中一列（可见的列优先，其次是靠左的列）。按月填写的几列进展读最右边的一列，可见的列旁隐藏的同名旧列读可见的一列，都不提示。",
    "表头中“{field}”出现了不止一次（{first}列和{others}列都是它）：rectxl 只读取{first}列，请删除或改名多余的列。",
)
def duplicate_header(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        for field, others in sheet.duplicate_columns.items():
            first = sheet.columns.get(field)
            if first is None or field in (F.ROW_NO, F.PROGRESS):
                # a second 序号 numbers the measures within each issue; progress kept month by month
                # is read from its latest column: nothing is lost
                continue
            yield r.finding(ctx, row=sheet.header_row, cell=f"{others[0]}{sheet.header_row}", field=field,
                            sheet=sheet.name, first=first, others="、".join(others))


@rule(
    "column-not-understood", Severity.INFO,
    "表头中有 rectxl 不认识的列名（该列不参与校验）。",
    "第{row}行表头的“{shown}”列（{column}列）rectxl 不认识，未参与校验：如果它是台账的某个标准列，"
    "请用 --column {typed}=标准列名 指明，或在“列名对照”工作表中写明。",
)
def column_not_understood(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        for column, text in sheet.unknown_columns.items():
            # the name as it can be typed after --column (no line break, space or bracketed note:
            # the mapping is matched without them)
            # a header written on two lines ("完成\n比例") is quoted on one: a line break in a
            # message breaks the terminal's line
            shown = _one_line(text) if "\n" in text else text
            yield r.finding(ctx, row=sheet.header_row, cell=f"{column}{sheet.header_row}", value=text,
                            shown=shorten(shown, 60), sheet=sheet.name, column=column,
                            typed=F.header_key(text) or shown)


@rule(
    "column-map-unused", Severity.WARNING,
    "列名对照（--column 或“列名对照”工作表）中的原列名在表头中找不到，没有起作用。",
    "列名对照中的“{value}”在台账表头中找不到，没有起作用：请核对原列名是否与表头一字不差（括号、空格除外）。",
)
def column_map_unused(r: Rule, ctx: Context) -> Iterator[Finding]:
    for key in ctx.ledger.unused_column_map:
        yield r.finding(ctx, row=ctx.ledger.header_row, sheet=ctx.ledger.sheet, value=key)


@rule(
    "ledger-sheet-hidden", Severity.INFO,
    "台账所在的工作表是隐藏的（工作簿中没有可见的台账工作表）。",
    "台账读取自隐藏的工作表“{sheet}”：工作簿中没有可见的台账工作表。请确认这是当前使用的台账，"
    "必要时取消隐藏该工作表{how}。",
)
def ledger_sheet_hidden(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        if sheet.hidden:
            yield r.finding(ctx, row=sheet.header_row, sheet=sheet.name, how=_VERY_HIDDEN if sheet.very_hidden else "")


@rule(
    "hidden-ledger-sheet-unread", Severity.INFO,
    "工作簿中还有隐藏的台账工作表，没有读取（读取的是可见的台账工作表）。",
    "工作表“{sheet}”也是台账，但它是隐藏的，rectxl 没有读取（读取的是可见的{read}）：如果隐藏的才是当前的台账，"
    "请取消隐藏它{how}，并删除或隐藏过时的那一张。",
)
def hidden_ledger_sheet_unread(r: Rule, ctx: Context) -> Iterator[Finding]:
    read = "、".join(f"“{name}”" for name in [s.name for s in ctx.ledger.sheets] or [ctx.ledger.sheet])
    for sheet in ctx.ledger.hidden_unread:
        yield r.finding(ctx, sheet=sheet, read=read, how=_VERY_HIDDEN if sheet in ctx.ledger.very_hidden else "")


@rule(
    "stray-cell-ignored", Severity.WARNING,
    "远离台账数据的零星单元格（如误按到 XFD1048576 后输入的内容）未读取。",
    "单元格 {cell} 远在工作表“{sheet}”的数据之外，其中的{shown}未读取（多半是误按键或粘贴留下的）："
    "如无用请删除它（按 Ctrl+End 可跳到它，选中后按 Delete）；如确有内容，请移到台账中。",
)
def stray_cell_ignored(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet, ref, text in ctx.ledger.stray_cells:
        # (what it holds, when the reader could tell: an .xls's string past its SST record is not read)
        yield r.finding(ctx, sheet=sheet, cell=ref, row=int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), value=text,
                        shown=f"“{shorten(text, 30)}”" if text.strip() else "内容")


#: how to show a sheet hidden as ``veryHidden`` (Excel's and WPS's 取消隐藏 do not list it)
_VERY_HIDDEN = ("（它被设为“深度隐藏”，右键“取消隐藏”的列表中没有它：请按 Alt+F11 打开 VBA 编辑器，"
                "在属性窗口中把该工作表的 Visible 改为“-1 - xlSheetVisible”）")


@rule(
    "ledger-copy-set-aside", Severity.WARNING,
    "工作簿中有同一台账的多期副本（如“6月台账”和“7月台账”），只校验最新的一期；汇总表旁按科室分出的"
    "各表（各行都在汇总表中）只读汇总表（提示）。",
    "工作表“{sheet}”{what}：rectxl 只校验了“{kept}”，"
    "未读取“{sheet}”（避免重复计数）。如需校验“{sheet}”，请把它另存为单独的文件。",
)
def ledger_copy_set_aside(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet, kept in ctx.ledger.set_aside:
        why = ctx.ledger.set_aside_why.get(sheet)
        yield r.finding(ctx, sheet=sheet, kept=kept, what=f"与“{kept}”的整改措施大部分相同，是同一台账的不同期次"
                        + (f"（{why}）" if why else ""))
    for sheet, kept, differ in ctx.ledger.parts_set_aside:
        what = f"的各行都在“{kept}”中，是从中分出的一部分（如按科室分发的表）"
        if not differ:
            # the copies a 汇总 is cut into, one per 科室: the workbook is right, nothing to fix
            yield r.finding(ctx, sheet=sheet, kept=kept, severity=Severity.INFO, what=what)
            continue
        # a 科室 brought its copy further than the 汇总: the 汇总 read is out of date
        measure, said, whole = differ[0]
        what += (f"，但其中{len(differ)}项措施的整改状态与“{kept}”不同（如“{shorten(measure, 20)}”："
                 f"“{sheet}”写“{said}”，“{kept}”写“{whole}”），请核对后更新“{kept}”")
        yield r.finding(ctx, sheet=sheet, kept=kept, what=what)


@rule(
    "self-check-sheet-apart", Severity.INFO,
    "工作簿中巡察反馈问题台账之外还有举一反三自查问题的工作表，它不计入巡察反馈问题。",
    "工作表“{sheet}”是本单位举一反三自查问题的台账，不是巡察反馈的问题：rectxl 未把它计入校验、汇总和通报。"
    "如需校验，请把它另存为单独的文件。",
)
def self_check_sheet_apart(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.ledger.self_check:
        yield r.finding(ctx, sheet=sheet)


@rule(
    "empty-ledger", Severity.ERROR,
    "台账表头之下没有任何整改措施。",
    "台账“{sheet}”第{header_row}行表头之下没有任何整改措施：请逐行填写整改措施，或确认选择的是正确的文件。",
)
def empty_ledger(r: Rule, ctx: Context) -> Iterator[Finding]:
    led = ctx.ledger
    if F.MEASURE in led.columns and not ctx.measures and not led.orphans:
        yield r.finding(ctx, row=led.header_row, sheet=led.sheet, header_row=led.header_row)


@rule(
    "measure-without-issue", Severity.ERROR,
    "某行有整改措施，但无法确定它属于哪个问题。",
    "第{row}行的整改措施无法确定所属问题：{advice}",
)
def measure_without_issue(r: Rule, ctx: Context) -> Iterator[Finding]:
    unlisted = ctx.ledger.unlisted_codes
    for m in ctx.ledger.orphans:
        if (named := unlisted.get((m.sheet, m.row))) is not None and m.cell(F.ISSUE_NO):
            # a task naming an issue its 问题清单 lacks: the number is what to check, not the issue column
            code, sheet = named
            yield r.at(ctx, m, F.ISSUE_NO, advice=f"它填写的问题编号“{code}”在“{sheet}”中找不到，"
                                                   "请核对编号，或在问题清单中补上这个问题。")
        else:
            yield r.at(ctx, m, F.MEASURE, advice="请在“具体问题”列填写问题，或把该问题单元格向下合并到这一行。")


@rule(
    "issue-without-measure", Severity.ERROR,
    "某个问题没有任何整改措施。",
    "问题“{title}”没有整改措施：请在“整改措施”列为它至少填写一项措施。",
)
def issue_without_measure(r: Rule, ctx: Context) -> Iterator[Finding]:
    for issue in ctx.issues:
        if not issue.measures:
            cell = issue.cells.get(F.ISSUE)
            yield r.finding(ctx, row=issue.row, cell=cell, field=F.ISSUE, sheet=issue.sheet or None,
                            value=issue.title, title=_short(issue.title))


@rule(
    "duplicate-measure", Severity.WARNING,
    "同一问题下有两条相同的整改措施（责任单位也相同；同一措施由几个单位各报一行的不算）。",
    "第{row}行的整改措施与第{first}行重复（同一问题下）：请合并或删除重复的一行。",
)
def duplicate_measure(r: Rule, ctx: Context) -> Iterator[Finding]:
    for issue in ctx.issues:
        seen: dict[str, list[tuple[str, Measure]]] = {}
        for m in issue.measures:
            key = "".join(m.text.split()).rstrip(_TRAILING_PUNCT)
            owner = "".join(m.owner_unit.split())
            earlier = seen.setdefault(key, [])
            if earlier:  # (the cell is made only for a text met before: nearly never)
                cell = m.cells.get(F.MEASURE, "")
                # one measure for five townships, a row each, is five rows of work, not a repeat;
                # nor is a measure written once (merged) over the rows of its stages
                first = next((e.row for o, e in earlier if (not o or not owner or o == owner)
                              and not (cell and e.cells.get(F.MEASURE, "") == cell)), None)
                if first is not None:
                    yield r.at(ctx, m, F.MEASURE, first=first)
            earlier.append((owner, m))


@rule(
    "measures-in-one-cell", Severity.INFO,
    "一个“整改措施”单元格里编号列出了几项措施（1.…2.…、一是…二是…），它们共用一个责任单位、时限和状态。",
    "第{row}行的整改措施单元格里列了{count}项措施（{items}）：{shared}。建议每项措施单列一行。",
)
def measures_in_one_cell(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if (items := measure_items(m)):
            count = len(items)
            own = [word for word, apart in (
                ("责任单位", len(_lines(m.owner_unit)) == count),
                ("时限", len(item_deadlines(m.deadline.text, feedback_date=ctx.ledger.info.deadlines_from)) == count
                 or _deadline_lines(m.deadline.text, count)),
                ("整改状态", item_statuses(m, count) is not None)) if apart]
            left = [w for w in ("责任单位", "时限", "整改状态") if w not in own]
            if left:
                shared = f"它们共用一个{_and(left)}{f'（{_and(own)}已分别写明）' if own else ''}，无法分别核对完成情况"
            else:  # each line of each cell answers one measure: still one row to filter, count and mark
                shared = f"各项的{_and(own)}虽已逐行写明，但同在一行，无法分别筛选、统计和标注"
            yield r.at(ctx, m, F.MEASURE, count=count,
                       items="；".join(shorten(item, 12) for item in items[:3]) + ("……" if count > 3 else ""),
                       shared=shared)


def _and(words: list[str]) -> str:
    """"责任单位、时限和整改状态"."""
    return "、".join(words[:-1]) + "和" + words[-1] if len(words) > 1 else words[0]


def _lines(text: str) -> list[str]:
    """A cell's non-blank lines."""
    return [line.strip() for line in text.splitlines() if line.strip()] if "\n" in text else []


def _deadline_lines(text: str, count: int) -> bool:
    """A 整改时限 cell giving each of ``count`` listed measures a deadline of its own, one a line
    ("2026年9月30日前\n2026年6月30日前\n长期坚持"): dates, 长期坚持 or 立行立改 alike."""
    lines = _lines(text)
    return len(lines) == count and all(
        parse_deadline(line).kind not in (DeadlineKind.EMPTY, DeadlineKind.INVALID) for line in lines)


def measure_items(m: Measure) -> list[str] | None:
    """The measures a row's 整改措施 cell lists ("1.…；2.…", one a line), or ``None`` for one."""
    return enumerated_items(m.text) or (_measure_lines(m.text) if "\n" in m.text else None)


def status_lines(m: Measure, count: int) -> list[Status] | None:
    """The statuses of a row's ``count`` listed measures, when its status cell gives one a line and
    nothing else ("已完成\n已完成\n长期坚持"); ``None`` otherwise."""
    if "\n" not in m.status_text or len(lines := _lines(m.status_text)) != count or (
            enumerated_items(m.status_text) is not None):
        return None
    statuses = [read_status(line) for line in lines]
    if all(s.status is not None and not s.rest for s in statuses):
        return [s.status for s in statuses if s.status is not None]
    return None


def item_statuses(m: Measure, count: int) -> list[Status | None] | None:
    """How far each of a row's listed measures got, when the status (or progress) cell answers
    them one for one in the same numbering ("1.已完成\n2.正在推进"), or the status cell one a line
    ("已完成\n已完成\n长期坚持", each line a status); ``None`` when it does not."""
    if (own := status_lines(m, count)) is not None:
        return list(own)
    for text in (m.status_text, m.progress):
        answers = enumerated_items(text) if text else None
        if answers and len(answers) == count:
            statuses = [read_status(a).status for a in answers]
            if any(s is not None for s in statuses):
                return statuses
    return None


@rule(
    "issue-number-gap", Severity.WARNING,
    "问题序号跳号、重复或顺序不对。",
    "问题序号{found}{how}（上一个问题序号为{previous}，此处应为{expected}）：{advice}",
)
def issue_number_gap(r: Rule, ctx: Context) -> Iterator[Finding]:
    aspects = ctx.ledger.aspects
    # Numbering restarts in each aspect in some notices (seed 004), runs on in others (seed 000).
    # (an aspect opening at 1 on a sheet of its own — a sheet 已完成事项 after the main one — is
    # that sheet starting afresh, which :func:`_gaps_in` allows, not the aspects restarting)
    restarts = len(aspects) > 1 and any(
        (first := next(b.issues(), None)) is not None and first.number == 1
        and (last := next(reversed(list(a.issues())), None)) is not None and last.sheet == first.sheet
        for a, b in pairwise(aspects)
    )
    # …and in each 问题类别 in many county ledgers (1, 2 | 1, 2): a category opening again at 1
    # (or in each group of a 序号 "1.1 | 1.2 | 2.1", numbered, not named)
    by_category = any(_heads(c) and c.issues and c.issues[0].number == 1
                      for a in aspects for c in a.categories[1:])
    if not restarts and not by_category and (shuffled := _reordered(r, ctx, ctx.ledger.issues())) is not None:
        yield shuffled
        return
    # rows sorted again by unit or status split an issue into blocks (1, 2, 3 | 1, 2, 3, 4): its
    # number comes again with its title — judged once, at its first block
    if (blocks := _first_blocks(ctx.ledger)) is not None:
        firsts, again, before = blocks
        if (shuffled := _reordered(r, ctx, firsts)) is not None:
            yield shuffled
            return
        gaps = list(_gaps_in(r, ctx, firsts, None, set(), []))
        yield from gaps
        if not gaps:  # numbered right, but an issue's rows lie apart
            yield r.finding(ctx, row=again.row, cell=again.cells.get(F.ISSUE_NO) or again.cells.get(F.ISSUE),
                            field=F.ISSUE_NO, sheet=again.sheet or None, value=again.number, found=again.number,
                            how="顺序不对", previous=before, expected=before + 1,
                            advice=f"问题{again.number}的措施分在不相连的几处（第{again.row}行又出现），多见于按单位或"
                                   "状态重新排序后，请把同一问题的各行排在一起。")
        return
    previous: int | None = None
    seen: set[int] = set()
    last_sheet: list[str] = []  # the sheet of the issue numbered last
    for aspect in aspects:
        if restarts:
            previous = None
            seen = set()
        for category in aspect.categories:
            if by_category and _heads(category):
                previous = None
                seen = set()
            yield from _gaps_in(r, ctx, category.issues, previous, seen, last_sheet)
            numbered = [i.number for i in category.issues if i.number is not None]
            if numbered:
                previous = numbered[-1]


def _first_blocks(ledger: Ledger) -> tuple[list[Issue], Issue, int] | None:
    """When some issue's rows come in several blocks on one sheet (the same number and title
    again, further down): the first block of each issue, the first block that comes again, and
    the number of the issue before it; ``None`` when none does."""
    seen: set[tuple[str, int, str]] = set()
    firsts: list[Issue] = []
    again: tuple[Issue, int] | None = None
    previous = 0
    for issue in ledger.issues():
        if issue.number is None:
            continue
        key = (issue.sheet, issue.number, "".join(issue.title.split()))
        if key not in seen:
            seen.add(key)
            firsts.append(issue)
        elif again is None:
            again = (issue, previous)
        previous = issue.number
    return (firsts, *again) if again is not None else None


def issue_in_blocks(ledger: Ledger) -> Issue | None:
    """The first issue whose rows come again further down its sheet, apart from its first block
    (rows sorted by unit or status after numbering) — what ``rectxl check`` reports as
    issue-number-gap and ``rectxl notice`` warns of: the notice would tell the issue, and its
    aspect, twice; ``None`` when every issue's rows lie together."""
    blocks = _first_blocks(ledger)
    return None if blocks is None else blocks[1]


def _heads(category: Category) -> bool:
    """The category heads its issues: named, or numbered (a 序号's group, "2.1 | 2.2")."""
    return category.title is not None or category.number is not None


def _reordered(r: Rule, ctx: Context, issues: Iterable[Issue]) -> Finding | None:
    """One issue-number-gap for a ledger whose rows were sorted again (by unit, by status) after
    its issues were numbered: every number from 1 to the last once, none missing, not in order —
    said once, at the first issue out of order, rather than as gaps that are not there."""
    numbered = [i for i in issues if i.number is not None]
    numbers = [i.number for i in numbered if i.number is not None]
    if len(numbers) < 3 or sorted(numbers) != list(range(1, len(numbers) + 1)) or numbers == sorted(numbers):
        return None
    at = next(k for k, n in enumerate(numbers) if n != k + 1)
    issue = numbered[at]
    shown = "、".join(str(n) for n in numbers[:12]) + ("……" if len(numbers) > 12 else "")
    return r.finding(ctx, row=issue.row, cell=issue.cells.get(F.ISSUE_NO) or issue.cells.get(F.ISSUE),
                     field=F.ISSUE_NO, sheet=issue.sheet or None, value=issue.number, found=issue.number,
                     how="顺序不对", previous=numbers[at - 1] if at else "（无）", expected=at + 1,
                     advice=f"全部问题序号依次为{shown}，没有缺漏或重复，只是行的顺序与序号不一致（多见于按单位或"
                            "状态重新排序后），请按序号排列各行，或重新编号。")


def _gaps_in(r: Rule, ctx: Context, issues: list[Issue], previous: int | None,
             seen: set[int], last_sheet: list[str]) -> Iterator[Finding]:
    """issue-number-gap for ``issues`` after the number ``previous`` (``seen``: the numbers
    before them, added to as it goes; ``last_sheet``: the sheet of the issue numbered last, kept
    up to date)."""
    repeated_before = False
    for issue in issues:
        if issue.number is None:
            continue
        if last_sheet and issue.sheet != last_sheet[0] and issue.number == 1:
            # one sheet per subsidiary or per part (集团本部 | 城建公司), each numbering its issues
            # from 1: a new sheet opening at 1 starts afresh
            previous = None
            seen.clear()
        last_sheet[:] = [issue.sheet]
        expected = 1 if previous is None else previous + 1
        if issue.number == expected + 1 and repeated_before:
            # 1, 2, 2, 4: the second 2 was reported; it stands for the 3, and the 4 is right
            repeated_before = False
            seen.add(issue.number)
            previous = issue.number
            continue
        repeated_before = False
        if issue.number != expected:
            cell = issue.cells.get(F.ISSUE_NO) or issue.cells.get(F.ISSUE)
            repeated = issue.number in seen
            how = "与前面的问题重复" if repeated else "不连续"
            advice = ("请核对是否把两个问题编成了同一个序号。" if repeated
                      else "请核对是否漏填了问题，或序号填错。")
            yield r.finding(ctx, row=issue.row, cell=cell, field=F.ISSUE_NO, sheet=issue.sheet or None,
                            value=issue.number, found=issue.number, how=how, advice=advice,
                            previous=previous if previous is not None else "（无）",
                            expected=expected)
            repeated_before = repeated and issue.number == expected - 1
        seen.add(issue.number)
        previous = issue.number


@rule(
    "heading-count-mismatch", Severity.WARNING,
    "方面或问题类别标题后写明的问题数或已完成整改数（“（共3个问题）”“该方面共反馈问题3个，已完成整改2个”）"
    "与其下列出的问题不符。",
    "{level}“{title}”写着“{note}”，{actual}：通报会照写这句话，与逐项列出的问题对不上，"
    "请核对后改正数字，或补全漏列的问题、改正整改状态。",
)
def heading_count_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    for level, title, note, actual, first in heading_count_disagreements(ctx.ledger):
        column = ctx.ledger.columns.get(F.ASPECT if level == "方面" else F.CATEGORY)
        cell = f"{column}{first.row}" if column and first.row else first.cells.get(F.ISSUE)
        yield r.finding(ctx, row=first.row or None, cell=cell, sheet=first.sheet or None,
                        field=F.ASPECT if level == "方面" else F.CATEGORY, value=note,
                        level=level, title=shorten(title, 30), note=note, actual=actual)


def heading_count_disagreements(ledger: Ledger) -> list[tuple[str, str, str, str, Issue]]:
    """(方面 or 问题类别, its title, the count written with it, what the ledger has instead, the first
    issue under it) for each heading whose written count of issues is not the number listed under
    it, or whose count of issues done is not the number done (every status under it read; 长期坚持
    not done, as the notice's totals count) — what ``rectxl check`` reports as heading-count-mismatch
    and ``rectxl notice`` warns of."""
    found: list[tuple[str, str, str, str, Issue]] = []
    for aspect in ledger.aspects:
        groups: list[tuple[str, Aspect | Category, list[Issue]]] = [("方面", aspect, list(aspect.issues()))]
        groups += [("问题类别", c, c.issues) for c in aspect.categories]
        for level, group, issues in groups:
            if not group.count_note or not issues:
                continue
            count = note_count(group.count_note)
            if count is not None and count != len(issues):
                found.append((level, group.title or "", group.count_note, f"其下列出{len(issues)}个问题", issues[0]))
                continue
            said = extract_stated_totals([group.count_note]).done_issues
            statuses = [[m.status for m in i.measures] for i in issues]
            if said is None or not all(s is not None for g in statuses for s in g):
                continue
            done = sum(1 for g in statuses if g and all(s is Status.DONE for s in g))
            if said != done:
                found.append((level, group.title or "", group.count_note, f"其下已完成整改的问题为{done}个",
                              issues[0]))
    return found


@rule(
    "cell-error", Severity.ERROR,
    "单元格是 Excel 错误值（#REF!、#N/A、#VALUE! 等）。",
    "单元格{cell}是错误值 {value}：请修正该单元格的公式或改为直接填写内容。",
)
def cell_error(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        for cell, text in sheet.error_cells.items():
            yield r.finding(ctx, row=row_of(cell), cell=cell, value=text, sheet=sheet.name)


@rule(
    "formula-uncomputed", Severity.ERROR,
    "单元格是公式，但文件中没有它的计算结果（多见于程序生成、未在 Excel/WPS 中保存过的文件）。",
    "单元格{cell}（{field}）是公式，但文件中没有保存计算结果，rectxl 无法知道它的值：请在 Excel 或 WPS 中"
    "打开并保存该文件后再检查，或改为直接填写内容。",
)
def formula_uncomputed(r: Rule, ctx: Context) -> Iterator[Finding]:
    for cell, key in ctx.ledger.info_uncomputed.items():  # a 报告日期 read as blank: as of today
        yield r.finding(ctx, row=row_of(cell), cell=cell, field=key, sheet=INFO_SHEET)
    for sheet in ctx.sheets:
        for cell, field_name in sheet.uncomputed_cells.items():
            yield r.finding(ctx, row=row_of(cell), cell=cell, field=field_name, sheet=sheet.name)


#: how a line ends that goes on in the next one (a sentence broken, not a list): a comma, an
#: opening bracket or quote, a joining word
_GOES_ON = frozenset(r"，,、：:（(“‘《的和及与并或对在把将")  # characters, no message
#: how a line starts that finishes the one before
_FINISHES = frozenset(r"，,。.、；;：:）)”’》")  # characters, no message


def _measure_lines(text: str) -> list[str] | None:
    """The measures of a cell listing them one a line without numbers ("开展政策宣传\n建立帮扶台账\n
    举办招聘会"): two lines or more, each a phrase of its own (no line broken mid-sentence);
    ``None`` otherwise."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or any(len(line) < 5 for line in lines):
        return None
    if any(a[-1] in _GOES_ON or line_goes_on(a) or b[0] in _FINISHES for a, b in pairwise(lines)):
        return None
    return lines


#: a line break between two Chinese characters (dropped), or with anything else beside it (a space)
_CJK_BREAK = LazyPattern(r"(?<=[\u4e00-\u9fff])\s*\n\s*(?=[\u4e00-\u9fff])")
_BREAK = LazyPattern(r"\s*\n\s*")


def _one_line(text: str) -> str:
    """A header cell's text on one line: "完成\n比例" → "完成比例", "Due\nDate" → "Due Date"."""
    return _BREAK.sub(" ", _CJK_BREAK.sub("", text)).strip()


#: punctuation a measure may end with (ignored when comparing measures)
_TRAILING_PUNCT = "。;;,,."


def _short(text: str, limit: int = 30) -> str:
    return shorten(text, limit)
