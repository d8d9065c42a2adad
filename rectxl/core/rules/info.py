"""Rules on the 基本信息 sheet's own prose and dates.

``info-date-unreadable``: a date of 基本信息 (报告日期, 反馈日期, 巡察开始, 巡察结束) written with a
figure but no day rectxl can read ("2026年13月5日", "2026年9月31日") is taken as not given — the
as-of date falls back to today, deadlines counted from the feedback cannot be dated — so it is said.

``info-dates-out-of-order``: the dates of 基本信息 follow the round — 巡察开始, 巡察结束, 反馈日期 (the
feedback comes after the inspection): a date before the one it follows is a slip of its year or
month, and every deadline counted from it is wrong too. (报告日期 may come before the feedback: a
ledger drawn up ahead of the 反馈会.)

``info-totals-mismatch``: the notice's paragraphs a clerk writes in 基本信息 (导语, 一、, 二、导语)
state totals — "反馈的三个方面30个问题", "细化为121项整改措施", "已完成整改18个", "完成率72%" —
that the ledger does not bear out. The notice is rendered with those paragraphs as they are
written, beside rectxl's own counts, so the published notice would contradict itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Literal

from rectxl.core.findings import Finding, Severity
from rectxl.core.model import Ledger
from rectxl.core.names import INFO_SHEET
from rectxl.core.notice.totals import (
    KIND_COUNTS,
    StatedTotals,
    check_totals,
    done_counts,
    extract_stated_totals,
    sample_words,
)
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, row_of, rule
from rectxl.core.rules.structure import measure_items
from rectxl.core.text import cn_date

__all__ = ["stated_totals_disagreements"]

#: the 基本信息 paragraphs published in the notice as written: what a clerk calls them
_PARTS = (("导语", "preamble"), ("一、组织领导情况", "section_one"), ("二、导语", "section_two_intro"))

#: a stated count → how the ledger's own count of it is said
_SAID = {
    "aspects": "有{n}个方面", "issues": "有{n}个问题", "measures": "有{n}项整改措施",
    "done_issues": "已完成的问题为{n}个", "done_measures": "已完成的措施为{n}项",
}


@rule(
    "info-date-unreadable", Severity.WARNING,
    "基本信息中的报告日期、反馈日期、巡察开始、巡察结束或巡察时间写了数字，却不是能读出的日期（如“2026年13月5日”“2026年9月31日”）："
    "rectxl 按没有填写处理。",
    "基本信息中“{key}”写的是“{value}”，读不出日期{why}：请改为如“{example}”这样的日期。",
)
def info_date_unreadable(r: Rule, ctx: Context) -> Iterator[Finding]:
    for cell, (attr, key, text) in ctx.ledger.info.unread_dates.items():
        if attr == "report_date":
            why = "" if ctx.options.as_of is not None else f"，逾期、临期已按{cn_date(ctx.as_of)}判断"
        elif attr == "feedback_date":
            why = "，“反馈后2个月内”等从反馈日期算起的时限无法推算"
        else:
            why = "，按没有填写处理"
        year = ctx.as_of.year
        # a period's cell ("巡察时间") is asked for a period, written as it is read
        example = f"{year}年3月10日至5月20日" if attr == "inspection_period" else f"{year}年5月10日"
        yield r.finding(ctx, row=row_of(cell), cell=cell, value=text, key=key, why=why, example=example,
                        sheet=INFO_SHEET)


#: the dates of the round in their order: (attribute, what it is called in a message)
_ROUND_DATES = (("inspection_start", "巡察开始"), ("inspection_end", "巡察结束"), ("feedback_date", "反馈日期"))


@rule(
    "info-dates-out-of-order", Severity.WARNING,
    "基本信息中的日期前后颠倒：巡察结束早于巡察开始，或反馈日期早于巡察结束（或巡察开始）。",
    "基本信息中“{key}”{value}早于“{before_key}”{before}：{what}，请核对年份和月份。",
)
def info_dates_out_of_order(r: Rule, ctx: Context) -> Iterator[Finding]:
    info = ctx.ledger.info
    written = [(attr, word, day) for attr, word in _ROUND_DATES if (day := getattr(info, attr)) is not None]
    for (attr_a, word_a, day_a), (attr_b, word_b, day_b) in pairwise(written):
        if attr_b == "feedback_date" and info.feedback_month_only:
            day_b = info.deadlines_from or day_b  # "2026年5月": the month, not its first day
        if day_b >= day_a:
            continue
        cell, key = info.date_cells.get(attr_b, (None, word_b))
        before_key = info.date_cells.get(attr_a, (None, word_a))[1]
        what = {"inspection_end": "巡察不会在开始之前结束",
                "feedback_date": "反馈在巡察之后，从反馈日期起算的时限会因此算错"}[attr_b]
        yield r.finding(ctx, row=row_of(cell) if cell else None, cell=cell, sheet=INFO_SHEET, field=key,
                        value=cn_date(day_b), key=key, before_key=before_key, before=cn_date(day_a), what=what)


@rule(
    "info-totals-mismatch", Severity.WARNING,
    "基本信息中写入通报的段落（导语、一、二、导语）所述的问题数、措施数、已完成数、正在整改数、申请延期数、立行立改数、"
    "已完成阶段性目标数、已销号数或完成率与台账不符。",
    "基本信息“{part}”写着“{said}”，而台账中{actual}：通报会照写这一段，与按台账写出的统计和逐项"
    "整改情况对不上，请核对后改正。",
)
def info_totals_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    for part, said, actual in stated_totals_disagreements(ctx.ledger):
        yield r.finding(ctx, sheet=INFO_SHEET, field=part, value=said, part=part, said=said, actual=actual)


@rule(
    "totals-row-mismatch", Severity.WARNING,
    "台账表格下方合计行所写的问题数、措施数或已完成数与表中各行不符（只读取一张台账工作表、只有一行合计时核对）。",
    "第{row}行合计写着“{said}”，而台账中{actual}：合计行与各行对不上，请核对后改正（rectxl 按各行统计，不读合计行）。",
)
def totals_row_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    rows = ctx.ledger.totals_rows
    # one table, one grand total: several 合计 rows count the parts they close
    if len(rows) != 1 or len(ctx.ledger.sheets) != 1 or not _row_per_measure(ctx.ledger):
        return
    sheet, row, cell, text = rows[0]
    for said, actual in _disagreements(extract_stated_totals([text]), ctx.ledger):
        yield r.finding(ctx, sheet=sheet, row=row, cell=cell, value=text, said=said, actual=actual)


def _row_per_measure(ledger: Ledger) -> bool:
    """Every measure read is a row of its own whose measure cell the clerk wrote — the rows a 合计
    counts: no issue put right at once made its own measure (its deadline word, 立行立改), no cell
    listing several measures, no row shared by units."""
    places: set[tuple[str, int]] = set()
    for m in ledger.measures():
        if (m.sheet, m.row) in places or not m.text or m.text == m.deadline.text or measure_items(m):
            return False
        places.add((m.sheet, m.row))
    return bool(places)


def stated_totals_disagreements(ledger: Ledger) -> list[tuple[str, str, str]]:
    """(the 基本信息 part, the words that state a count, how the ledger's own count is said) for each
    count stated in the paragraphs the notice publishes as written that the ledger does not bear
    out — what ``rectxl check`` reports as info-totals-mismatch and ``rectxl notice`` warns of."""
    if not any(True for _ in ledger.measures()):
        return []  # nothing read to count against (header-missing says why)
    found: list[tuple[str, str, str]] = []
    info = ledger.info
    # "现将主要问题整改进展情况公布如下": the notice lists only some of what its counts count
    sample = sample_words([info.title, info.heading_two, *(getattr(info, attr) for _, attr in _PARTS)])
    for part, attr in _PARTS:
        text = getattr(info, attr)
        if text:
            found += [(part, said, actual)
                      for said, actual in _disagreements(extract_stated_totals([text]), ledger, sample)]
    return found


def _disagreements(stated: StatedTotals, ledger: Ledger, sample: str | None = None) -> Iterator[tuple[str, str]]:
    """(the words that state a count, how the ledger's count is said) for each
    stated count the ledger does not bear out: each count checked alone, as
    :func:`~rectxl.core.notice.totals.check_totals` counts it (``sample``: the words saying only
    some are listed — a count the ledger lists fewer of is then no disagreement)."""
    empty = StatedTotals()
    # done counts and rates are compared only when every status is read (missing-status and
    # bad-status name the others); aspects only when the ledger has them (a 方面 column or rows)
    statuses_read = all(m.status is not None for m in ledger.measures())
    has_aspects = any(a.title is not None for a in ledger.aspects)
    for key in _SAID:
        value = getattr(stated, key)
        said = stated.evidence.get(key)
        if value is None or said is None or (key.startswith("done") and not statuses_read) or (
                key == "aspects" and not has_aspects):
            continue
        one = replace(empty, **{key: value}, done_unit=stated.done_unit if key.startswith("done") else None)
        for check in check_totals(one, ledger, sample=sample):
            if check.ok is False and check.parsed is not None:
                apart = _long_term_apart(ledger, "问题" if key == "done_issues" else "措施") \
                    if key.startswith("done") else ""
                yield said, _SAID[key].format(n=int(check.parsed)) + apart
    for kind, (label, _) in KIND_COUNTS.items():
        # "正在整改6个", "申请延期整改问题2个", "立行立改问题15个": as the done count, each alone
        value, unit, said = getattr(stated, kind), getattr(stated, f"{kind}_unit"), stated.evidence.get(kind)
        if value is None or unit is None or said is None or (kind in ("going", "staged") and not statuses_read):
            continue
        one = replace(empty, **{kind: value, f"{kind}_unit": unit})
        for check in check_totals(one, ledger, sample=sample):
            if check.item == kind and check.ok is False and check.parsed is not None:
                yield said, f"{label}的{unit}为{int(check.parsed)}{'个' if unit == '问题' else '项'}"
    if stated.rate is not None and statuses_read and sample is None and (said := stated.evidence.get("rate")) \
            and not _rate_agrees(stated.rate, ledger):
        yield said, _rates(ledger)


def _long_term_apart(ledger: Ledger, *units: Literal["问题", "措施"]) -> str:
    """What the ledger's counts of done leave out as long term ("，另有2个问题、2项措施为长期坚持（…）"),
    when they leave any: 长期坚持 is a status of its own, not 已完成."""
    parts = []
    for unit in units:
        strict, kept = done_counts(ledger, unit)
        if kept > strict:
            parts.append(f"{kept - strict}{'个' if unit == '问题' else '项'}{unit}")
    if not parts:
        return ""
    return (f"，另有{'、'.join(parts)}为长期坚持（rectxl 不计入已完成，通报的统计句把它们分列；"
            "已经完成、只是持续巩固的，状态可写“已完成并长期坚持”）")


def _rate_pairs(ledger: Ledger) -> list[tuple[str, int, int, int]]:
    """(unit, done, done or kept up, total) of the ledger's issues and of its measures, counted as
    a notice's totals are (:func:`~rectxl.core.notice.totals.done_counts`)."""
    issues = sum(1 for i in ledger.issues() if i.measures)
    measures = sum(1 for _ in ledger.measures())
    return [("问题", *done_counts(ledger, "问题"), issues), ("措施", *done_counts(ledger, "措施"), measures)]


def _rate_agrees(rate: float, ledger: Ledger) -> bool:
    """A stated completion rate is the ledger's when it is, within a point, the rate of its issues
    or of its measures done — 长期坚持 not counted done, as the notice's totals sentence counts."""
    return any(total and abs(rate - done * 100 / total) <= 1.0 for _, done, _, total in _rate_pairs(ledger))


def _rates(ledger: Ledger) -> str:
    shown = [f"{unit}完成率为{round(done * 100 / total, 1):g}%（{done}/{total}）"
             for unit, done, _, total in _rate_pairs(ledger) if total]
    return "，".join(shown) + _long_term_apart(ledger, "问题", "措施")
