"""Totals a notice states in words ("三大方面33个问题…148项整改措施", "已完成整改19个…完成率76%")
and their check against what was actually parsed.

Pure: works on strings and a :class:`~rectxl.core.model.Ledger`. A mismatch is *reported* as a
:class:`TotalCheck` with ``ok=False`` and a Chinese message; nothing is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from rectxl.core.model import Ledger
from rectxl.core.status import Status
from rectxl.core.text import NUM, fold, to_int

__all__ = ["StatedTotals", "TotalCheck", "check_totals", "extract_stated_totals"]


class StatedTotals(BaseModel):
    """Counts stated in the notice's prose; ``None`` when the notice does not state it."""

    aspects: int | None = Field(default=None, description="方面数")
    issues: int | None = Field(default=None, description="问题数")
    measures: int | None = Field(default=None, description="整改措施数")
    done: int | None = Field(default=None, description="已完成数")
    done_unit: Literal["问题", "措施"] | None = Field(
        default=None, description="“已完成”数指问题还是措施")
    rate: float | None = Field(default=None, description="完成率 (percent, 76 for 76%)")
    #: item → the words it was read from, e.g. {"measures": "148项整改措施"}
    evidence: dict[str, str] = Field(default_factory=dict)

    def is_empty(self) -> bool:
        return all(v is None for v in (self.aspects, self.issues, self.measures, self.done,
                                       self.rate))


class TotalCheck(BaseModel):
    """One stated total compared with the parsed notice (or with the other stated totals)."""

    item: Literal["aspects", "issues", "measures", "done", "rate"]
    label: str
    stated: float
    parsed: float | None = None
    #: True = consistent, False = mismatch, None = not decidable (e.g. inferred statuses)
    ok: bool | None = None
    message: str = ""


# A count must not start in the middle of a number or after 第 (第一方面 is a label, not a total).
_NB = r"(?<![第另\d零一二三四五六七八九十百两〇])"
_ASPECTS = [
    re.compile(rf"{_NB}{NUM}(?:大|个)方面"),
    re.compile(rf"{_NB}{NUM}方面的?问题"),
]
_ISSUES = [
    re.compile(rf"{_NB}{NUM}(?:个|项|条)(?:具体|反馈|共性|突出)?问题"),
    re.compile(rf"(?:反馈|发现|指出|交办)?问题(?:共|总计|合计)?{NUM}(?:个|项|条)"),
]
_MEASURES = [
    re.compile(rf"{_NB}{NUM}(?:项|条|个)(?:具体)?(?:整改)?措施"),
    re.compile(rf"(?:整改)?措施(?:共|总计|合计)?{NUM}(?:项|条|个)"),
]
_DONE_WORDS = (r"(?:已完成整改|已整改完成|已整改到位|已完成|已整改|完成整改|整改完成|已办结|已销号"
               r"|整改到位)")
_DONE = [
    re.compile(rf"{_DONE_WORDS}(?:的)?(?:问题|措施|整改措施)?(?:共)?{NUM}(?:个|项|条)"),
    re.compile(rf"{_NB}{NUM}(?:个|项|条)(?:问题|措施|整改措施)?(?:已经|均已|已全部|全部|已)?"
               r"(?:完成整改|整改完成|整改到位|办结|销号)"),
]
_RATE = [
    re.compile(r"(?:整改)?(?:完成率|整改率|办结率|销号率)(?:已经|已)?(?:达到|达|为|是)?\s*"
               r"(\d{1,3}(?:\.\d{1,2})?)\s*%"),
    re.compile(r"(?:整改)?(?:完成率|整改率|办结率|销号率)(?:已经|已)?(?:达到|达|为|是)?"
               r"百分之([零一二三四五六七八九十百两〇]+)"),
]


def _first(patterns: list[re.Pattern[str]], text: str) -> tuple[int, str] | None:
    best: tuple[int, int, str] | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = to_int(m.group(1))
            if value is None or value == 0:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), value, m.group(0))
            break
    return (best[1], best[2]) if best else None


def extract_stated_totals(texts: Iterable[str]) -> StatedTotals:
    """Find stated totals in the notice's prose (preamble, 一、, 三、…), first mention wins.

    Chinese numerals are understood ("三大方面", "三十三个问题"); ASCII or full-width
    digits and "%"/"%" both work.
    """
    totals = StatedTotals()
    for raw in texts:
        if not raw:
            continue
        text = fold(raw)
        if totals.aspects is None and (hit := _first(_ASPECTS, text)):
            totals.aspects, totals.evidence["aspects"] = hit
        if totals.issues is None and (hit := _first(_ISSUES, text)):
            totals.issues, totals.evidence["issues"] = hit
        if totals.measures is None and (hit := _first(_MEASURES, text)):
            totals.measures, totals.evidence["measures"] = hit
        if totals.done is None and (hit := _first(_DONE, text)):
            totals.done, totals.evidence["done"] = hit
            totals.done_unit = "措施" if "措施" in hit[1] else "问题"
        if totals.rate is None:
            for i, pattern in enumerate(_RATE):
                m = pattern.search(text)
                if not m:
                    continue
                value = float(m.group(1)) if i == 0 else to_int(m.group(1))
                if value is not None and 0 <= value <= 100:
                    totals.rate, totals.evidence["rate"] = float(value), m.group(0)
                    break
    return totals


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def check_totals(stated: StatedTotals, ledger: Ledger) -> list[TotalCheck]:
    """Compare every stated total with the parsed ledger; one :class:`TotalCheck` each."""
    checks: list[TotalCheck] = []
    n_aspects = sum(1 for a in ledger.aspects if a.title is not None)
    issues = list(ledger.issues())
    n_issues = len(issues)
    n_measures = sum(len(i.measures) for i in issues)

    def compare(item: Literal["aspects", "issues", "measures"], label: str, unit: str,
                value: int | None, parsed: int, how: str) -> None:
        if value is None:
            return
        ok = value == parsed
        if ok:
            message = f"通报称{value}{unit}{label},与正文{how}的{parsed}{unit}{label}一致。"
        else:
            diff = abs(value - parsed)
            message = (f"通报称{value}{unit}{label},但正文{how}的{label}为{parsed}{unit},"
                       f"相差{diff}{unit},请核对。")
        checks.append(TotalCheck(item=item, label=label, stated=value, parsed=parsed, ok=ok,
                                 message=message))

    compare("aspects", "方面", "个", stated.aspects, n_aspects, "列出")
    compare("issues", "问题", "个", stated.issues, n_issues, "编号列出")
    compare("measures", "整改措施", "项", stated.measures, n_measures,
            "逐项列出(一是、二是……)")

    if stated.done is not None:
        if stated.done_unit == "措施":
            parsed_done = sum(1 for m in ledger.measures() if m.status is Status.DONE)
            unit = "项"
        else:
            parsed_done = sum(1 for i in issues
                              if i.measures and all(m.status is Status.DONE for m in i.measures))
            unit = "个"
        checks.append(TotalCheck(
            item="done", label="已完成", stated=stated.done, parsed=parsed_done, ok=None,
            message=(f"通报称已完成{stated.done}{unit}{stated.done_unit or '问题'};按正文措辞推断"
                     f"已完成的有{parsed_done}{unit}(状态由措辞推断,仅供参考)。"),
        ))

    if stated.rate is not None:
        total = stated.measures if stated.done_unit == "措施" else stated.issues
        if total is None:
            total = n_measures if stated.done_unit == "措施" else n_issues
        if stated.done is not None and total:
            expected = round(stated.done * 100 / total, 1)
            ok = abs(expected - stated.rate) <= 1.0
            message = (f"通报称完成率{_fmt(stated.rate)}%,按已完成{stated.done}÷{total}计算为"
                       f"{_fmt(expected)}%" + (",一致。" if ok else ",不一致,请核对。"))
            checks.append(TotalCheck(item="rate", label="完成率", stated=stated.rate,
                                     parsed=expected, ok=ok, message=message))
        else:
            checks.append(TotalCheck(
                item="rate", label="完成率", stated=stated.rate, parsed=None, ok=None,
                message=f"通报称完成率{_fmt(stated.rate)}%,但未说明已完成数,无法核对。"))
    return checks
