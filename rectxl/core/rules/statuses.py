"""Rules on 整改状态 and whether the progress text agrees with it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rectxl.core import fields as F
from rectxl.core.findings import Finding, Severity
from rectxl.core.rules.context import Context
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.status import Status, box_choices

__all__ = ["FUTURE_WORDING", "PAST_WORDING", "main_clauses"]

#: wording that says the work is not done yet (a "已完成" row must not say it)
FUTURE_WORDING = re.compile(
    r"拟|将于|将在|将继续|将进一步|将会|将要|计划(?:于|在|到|年|月)|下一步|正在|尚未|还未|仍在|暂未|待完成|推进中"
    r"|(?:剩余|剩下|尚有|仍有|余下)\s*\d{1,4}\s*[项个条件处户家笔]"  # "已完成5项，剩余1项"
)
#: wording that says something has already been done (a "未启动" row must not say it)
PAST_WORDING = re.compile(r"已(?!于计划)|完成了|建立了|制定了|印发了")


@rule(
    "bad-status", Severity.ERROR,
    "整改状态无法识别（应为已完成、基本完成、正在推进、长期坚持、未启动之一）。",
    "整改状态“{value}”{problem}：{advice}",
)
def bad_status(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.status_text and m.status is None:
            choices = box_choices(m.status_text)
            if choices is None:
                yield r.at(ctx, m, F.STATUS, problem="无法识别", advice=_CHOOSE)
            elif len(choices[0]) > 1:
                # a row ticked in two status columns (已完成 | 正在推进 | 未完成), or a form's boxes
                # ticked twice in one cell
                ticked = "".join(f"“{o}”" for o in choices[0])
                yield r.at(ctx, m, F.STATUS, problem=f"同时勾选了{ticked}",
                           advice="整改状态只能勾选一项，请核实实际进度后只保留一个勾。")
            # no box ticked: missing-status


#: what a bad or missing status asks the clerk to do, in a ledger with a drop-down list
_CHOOSE = "请从下拉列表选择“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”。"


@rule(
    "missing-status", Severity.ERROR,
    "整改状态为空。",
    "第{row}行未填写整改状态：{advice}",
)
def missing_status(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        text = m.status_text
        if text and (m.status is not None or (choices := box_choices(text)) is None or choices[0]):
            continue
        if not ctx.has_column(m, F.STATUS) or F.STATUS in m.uncomputed:
            continue
        # the form's boxes, none ticked: in the cell, or as the row's tick columns show them
        raw = m.raw.get(F.STATUS)
        form = box_choices(text or (raw if isinstance(raw, str) else ""))
        advice = "请从下拉列表选择。" if form is None else (
            f"请在{''.join(f'“{o}”' for o in form[1])}中勾选一项。")
        yield r.at(ctx, m, F.STATUS, advice=advice)


@rule(
    "status-text-mismatch", Severity.WARNING,
    "状态与整改进展的措辞不符：已完成却写着拟/将/计划/下一步/正在/尚未…，或未启动却写着已…。",
    "状态为“{status}”，但整改进展写着“{word}”：请核实实际进度，改正状态或进展描述。",
)
def status_text_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        status = m.status
        if (status is not Status.DONE and status is not Status.NOT_STARTED) or not m.progress:
            continue
        if status is Status.DONE and m.continuing:
            continue  # done and kept up: the next round's date ("第4次研讨将于12月举行") is no contradiction
        wording = FUTURE_WORDING if status is Status.DONE else PAST_WORDING
        if not wording.search(m.progress):
            continue  # main clauses are pieces of the text: no word in it, none in them
        hit = said_of_the_work(wording, main_clauses(m.progress))
        if hit:
            field = F.PROGRESS if ctx.has_column(m, F.PROGRESS) else F.STATUS
            yield r.at(ctx, m, field, status=m.status, word=hit.group())


#: after a word of time: it describes something (a 的 before the clause ends: "对尚未整改到位的3项
#: 问题", "对正在施工的工地"), or nothing was found ("暂未发现", "尚未收到")
_MODIFIES = re.compile(r"[^，,、：:；;。]*?的|(?:发现|出现|发生|收到|接到|查出|查到)")
#: before it in its clause: a rule adopted ("明确每年将于暑期…"), a plan kept ("按计划于6月底前完成")
_RULE_OR_PLAN = re.compile(r"(?:明确|规定|要求|确定|约定|承诺|按照?|根据|原|比|较|因|由于)[^，,、：:；;。]*$")
#: 拟 as part of a word: 拟定 (to draft), 拟任 (appointee), 拟提拔, 拟录用 … — not a plan
_NOUN_NI = ("定", "制", "订", "任", "提拔", "录用", "聘", "调任", "推荐")
#: after 已: a plan made, not work done ("已明确于2027年3月底前出台", "已列入计划")
_PLAN_MADE = re.compile(r"(?:明确|计划|安排|确定|列入|纳入)")


def said_of_the_work(wording: re.Pattern[str], clauses: str) -> re.Match[str] | None:
    """The first word of ``wording`` in ``clauses`` that says how far the measure's own work got:
    not a word inside a phrase describing something else, a "nothing found" result, 拟定 (to draft),
    a rule adopted or a plan kept — nor, for past wording, 已 before a plan made."""
    for hit in wording.finditer(clauses):
        word, after, before = hit.group(), clauses[hit.end():], clauses[:hit.start()]
        if word.startswith("已"):
            if _PLAN_MADE.match(after):
                continue
            return hit
        if word == "拟" and after.startswith(_NOUN_NI):
            continue
        if _MODIFIES.match(after) or _RULE_OR_PLAN.search(before):
            continue
        return hit
    return None


#: a sentence of its own: the main clause is in the first one
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CLAUSE = re.compile(r"[，,、：:]")
#: clauses about what comes next are normal beside 已完成 ("已完成培训，下一步将长期坚持",
#: "经验做法将在全县推广")
_NEXT_STEP = re.compile(
    r"^(?:下一步|下步|今后|后续|接下来|同时|并|还|此外|另外)?(?:将|要|会)?(?:继续|持续|长期|进一步|常态化)"
    r"|^(?:下一步|下步|今后|后续|接下来)"
)
#: …anywhere in a clause: what the done work will be built on ("经验做法将在全县推广")
_BUILT_ON = re.compile(r"将(?:在[^，,、：:；;。]{0,8})?(?:推广|总结|提炼|深化|巩固|持续|继续|进一步|坚持|常态化|长期)")


def main_clauses(progress: str) -> str:
    """The part of a progress text that says how far the work got: its first sentence, without
    the clauses that only say what comes next."""
    first = _SENTENCE_END.split(progress.strip(), maxsplit=1)[0]
    return "，".join(c for c in _CLAUSE.split(first)
                    if c and not _NEXT_STEP.match(c.strip()) and not _BUILT_ON.search(c))
