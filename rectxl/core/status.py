"""Rectification statuses (整改状态): read what a clerk typed into one of five statuses.

``read_status`` returns a :class:`StatusReading`: the normalised :class:`Status`, the closure
:class:`Stage` (待验收 / 已验收 / 已销号), whether the work also *continues* ("已完成，并长期坚持"),
and the narrative that followed the status word (``rest``: "已完成。召开专题会2次……" → status
已完成, rest "召开专题会2次……"). ``parse_status`` is ``read_status(value).status``.

How a cell is read (DESIGN.md §2):

1. The text is split into clauses at punctuation, line breaks and brackets (and, when that does
   not give a status, at spaces). Each clause is folded — NFKC width folding, traditional
   characters to simplified (:func:`rectxl.core.text.to_simplified`), whitespace and decorative
   marks (√ ★ 【】 …) removed — and read by an **ordered rule set**:

   a. doubt ("已完成？", "是否…") → nothing;
   b. **negations** first — 未/尚未/暂未/没有/没/还未/仍未 … and verdicts 不到位/不彻底/不够/不明显/
      不合格 …: 未启动/未开始/未着手/未整改 → 未启动; 未完成/未办结/未到位/验收未通过/未达到… →
      正在推进; 不涉及/不存在 → nothing. A negated clause is never read as done (a whole cell saying
      the problem was checked and found not to be — 经核查不属实, 经核实不存在该问题, 自查未发现问题 —
      is read as done afterwards: the check closed it);
   c. otherwise the clause must be made *entirely* of status words ("atoms", optionally joined
      by 并/且/同时 …, optionally after a subject such as 该问题/整改任务/目前): **closure**
      (待验收/申请销号 → awaiting; 验收合格/已通过验收/经巡察组验收合格/巡察办已验收/验收已通过/
      2026年10月20日验收合格 → accepted; 已销号/同意销号/准予销号/予以销号 → closed),
      **long-term** (长期/持续/常态化/长效/久久为功 + 坚持/推进/整改/落实/巩固 …), **staged**
      (基本/大部分/初步/主体 + done, 阶段性完成, 取得阶段性成效), **in progress** (正在/仍在 + verb,
      verb + 中, 稳步/有序/按计划 + 推进, 延期/超期, 已启动, 部分完成, 推进缓慢, and work waiting on
      others: 需上级协调, 已上报待批, 列入明年计划, 暂不具备整改条件), **not started**
      (待启动, 拟于…启动), **done** (已 + 整改/落实/纠正/解决 …, verb + 到位/完毕/完成/清零,
      完成/办结 + 整改任务, 达到整改要求, 是) and percentages ("完成约85%"). When several atoms
      could start at a position the longest wins, ties going to the earlier kind in that order.
      Leftover text that is none of these makes the clause *not* a status clause, so "已完成前期摸底"
      is not read as 已完成.

2. The first clause gives the status; following clauses that only **qualify** it are absorbed —
   long-term words (→ ``continuing``), closure words (→ ``stage``), "取得阶段性成效" after 基本完成,
   a percentage after a done word, and anything in brackets right after it ("是（已完成）",
   "完成（长期坚持）", "整改中（進行中）"), a note of when finished work was done against its deadline
   ("已完成（立行立改）", "已完成，超期": :func:`timing_note`), and the day finished in brackets when
   only qualifiers follow it ("已完成（2026年3月前）（长期坚持）": continuing, ``rest`` the day, which
   :func:`finished_day` reads). The first clause that is not such a qualifier starts ``rest``. When
   the first clause is no status at all but the *last* clause is ("召开专题会议，已完成"), that clause
   gives the status and the text before it is ``rest``.

3. An auditor's **negative verdict** in a later clause overrides a leading done word (the cell is
   正在推进, no stage; ``rest`` is everything after the done word): a failed check (验收未通过,
   未通过县巡察办验收, 复查不合格), work sent back (重新整改, 退回整改), a relapse (发现反弹), and,
   after 已完成 only, work found not in place (仍未到位, 整改不到位). A verdict on others ("对整改
   不到位的干部问责"), a negated one ("未发现反弹"), "not yet" ("尚未通过验收") and a verdict
   followed by a later done or accepted clause ("重新整改后已验收合格") do not count.

4. A short cell listing two or more bare status words and nothing else — a template's options,
   separated by / 、 , ; spaces or line breaks, maybe after a prompt ("请填写：") — chooses no
   status ("已完成，正在推进，未启动", "已完成 未完成"). "基本完成，正在推进" is a status (both say the
   work goes on), "已完成。正在巩固" a status and its narrative.

Before reading, 己/巳 typed for 已 ahead of a word of work ("己完成") is read as 已, and the slips
完戍 and 整政 (before a word that ends a status) as 完成 and 整改. A bilingual template's English
options (Done, Completed, In progress, Ongoing, Not started …) are read whole. Tick boxes may stand
before or after their options ("□已完成 ☑正在推进", "已完成√ 正在推进□").

A done cell may also tell the day the work was finished ("2026.10.15已完成", "已于10月20日完成整改",
"已完成，完成时间2026年10月20日"): :func:`finished_day` finds it, for a row whose 完成时间 is blank.

Unrecognised text gives ``status=None`` (the caller reports ``bad-status``); nothing is ever
guessed into 已完成.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from rectxl.core.numbering import enumerated_items, item_mark_end
from rectxl.core.text import (
    LazyPattern,
    normalize_text,
    parse_chinese_number,
    percent_text,
    symbol_run,
    to_simplified,
)

__all__ = [
    "ACCOUNT_TEXT",
    "STATUS_ALIASES",
    "Stage",
    "Status",
    "StatusReading",
    "action_first",
    "box_choices",
    "closure_day",
    "finished_day",
    "flag_answer_no",
    "fraction_as_percent",
    "items_done",
    "line_statuses",
    "not_started_by_progress",
    "opening_clause",
    "opening_status",
    "parse_status",
    "read_status",
    "remark_says_long_term",
    "share_as_percent",
    "split_opening_reading",
    "split_opening_status",
    "status_beside_not_closed",
    "timing_note",
    "unfounded",
]


class Status(StrEnum):
    """The five normalised statuses; values are the Chinese labels used in ledgers/notices."""

    DONE = "已完成"
    MOSTLY_DONE = "基本完成"
    IN_PROGRESS = "正在推进"
    LONG_TERM = "长期坚持"
    NOT_STARTED = "未启动"


class Stage(StrEnum):
    """How far closure has gone for a finished measure (DESIGN.md §1.5)."""

    AWAITING = "待验收"
    ACCEPTED = "已验收"
    CLOSED = "已销号"


_STAGE_ORDER = {Stage.AWAITING: 1, Stage.ACCEPTED: 2, Stage.CLOSED: 3}


@dataclass(frozen=True)
class StatusReading:
    """What a status cell says.

    ``status`` is ``None`` for blank or unrecognised text; ``stage`` is set only for 已完成
    readings that mention acceptance/closure; ``continuing`` is True when a status other than
    长期坚持 is followed by a long-term phrase ("已完成，并长期坚持"); ``rest`` is the narrative after
    the status words ("" when there is none), as typed (whitespace cleaned, not folded).
    """

    status: Status | None
    stage: Stage | None = None
    continuing: bool = False
    rest: str = ""


_NOTHING = StatusReading(None)

#: a status cell that tells an account of the work: ten characters or more (the status words are
#: shorter), or a clause and more after it
ACCOUNT_TEXT = re.compile(r"^.{10,}$|[，,；;。].{2,}", re.S)

#: Examples of the spellings the rules read, with where they come from (DESIGN.md §2 and common
#: variants). Documentation and test material only: the parser does not look these up, it reads
#: them by the ordered rules above (so do the hundreds of spellings in
#: ``tests/data/status_cases.tsv`` and the ones no table names).
STATUS_ALIASES: tuple[tuple[Status, str, str], ...] = (
    # 已完成
    (Status.DONE, "已完成", "label"),
    (Status.DONE, "已整改", "DESIGN"),
    (Status.DONE, "已完成整改", "DESIGN"),
    (Status.DONE, "完成", "DESIGN"),
    (Status.DONE, "已办结", "DESIGN"),
    (Status.DONE, "已销号", "DESIGN (stage 已销号)"),
    (Status.DONE, "整改完成", "DESIGN"),
    (Status.DONE, "整改到位", "DESIGN"),
    (Status.DONE, "已落实", "DESIGN"),
    (Status.DONE, "整改已完成", "DESIGN"),
    (Status.DONE, "完成整改", "word-order variant of 整改完成"),
    (Status.DONE, "已整改完成", "variant of 已完成整改"),
    (Status.DONE, "已整改到位", "opposite of DESIGN 尚未整改到位"),
    (Status.DONE, "已全部完成", "全部 = fully"),
    (Status.DONE, "全部完成", "全部 = fully"),
    (Status.DONE, "办结", "variant of 已办结"),
    (Status.DONE, "已完结", "synonym of 已办结"),
    (Status.DONE, "已结办", "synonym of 已办结"),
    (Status.DONE, "销号", "variant of 已销号"),
    (Status.DONE, "已销号完成", "variant of 已销号"),
    (Status.DONE, "已结案", "a case closed: done"),
    (Status.DONE, "结案", "variant of 已结案"),
    (Status.DONE, "已办毕", "synonym of 已办结"),
    (Status.DONE, "办理完毕", "synonym of 已办结"),
    (Status.DONE, "已处理完毕", "synonym of 已办结"),
    (Status.DONE, "已到位", "short form of 整改到位"),
    (Status.DONE, "整改已到位", "variant of 整改到位"),
    (Status.DONE, "已落实到位", "variant of 已落实"),
    (Status.DONE, "落实到位", "variant of 已落实"),
    (Status.DONE, "已解决", "the problem solved: done"),
    (Status.DONE, "是", "是否完成 column: yes"),
    (Status.DONE, "√", "是否完成 column: a tick"),
    (Status.DONE, "✓", "是否完成 column: a tick"),
    (Status.DONE, "✔", "是否完成 column: a tick"),
    (Status.DONE, "☑", "是否完成 column: a ticked box"),
    # 基本完成
    (Status.MOSTLY_DONE, "基本完成", "label"),
    (Status.MOSTLY_DONE, "阶段性完成", "DESIGN"),
    (Status.MOSTLY_DONE, "取得阶段性成效", "DESIGN"),
    (Status.MOSTLY_DONE, "大部分完成", "DESIGN"),
    (Status.MOSTLY_DONE, "基本完成取得阶段性成果", "notice phrase"),
    (Status.MOSTLY_DONE, "已基本完成", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "基本完成整改", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "已基本完成整改", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "整改基本完成", "variant of 基本完成"),
    (Status.MOSTLY_DONE, "已阶段性完成", "variant of 阶段性完成"),
    (Status.MOSTLY_DONE, "基本完成,取得阶段性成果", "notice phrase with comma"),
    (Status.MOSTLY_DONE, "基本完成并取得阶段性成果", "notice phrase with 并"),
    (Status.MOSTLY_DONE, "取得阶段性成果", "tail of the notice phrase"),
    # 正在推进
    (Status.IN_PROGRESS, "正在推进", "label"),
    (Status.IN_PROGRESS, "推进中", "DESIGN"),
    (Status.IN_PROGRESS, "整改中", "DESIGN"),
    (Status.IN_PROGRESS, "正在落实", "DESIGN"),
    (Status.IN_PROGRESS, "未完成", "DESIGN"),
    (Status.IN_PROGRESS, "尚未整改到位", "DESIGN"),
    (Status.IN_PROGRESS, "延期整改", "DESIGN"),
    (Status.IN_PROGRESS, "整改不够彻底", "DESIGN: an auditor's verdict"),
    (Status.IN_PROGRESS, "部分完成", "part done is not mostly done"),
    (Status.IN_PROGRESS, "已部分完成", "part done is not mostly done"),
    (Status.IN_PROGRESS, "正在整改", "variant of 正在推进"),
    (Status.IN_PROGRESS, "正在推进中", "variant of 正在推进"),
    (Status.IN_PROGRESS, "正在整改中", "variant of 正在整改"),
    (Status.IN_PROGRESS, "整改推进中", "variant of 推进中"),
    (Status.IN_PROGRESS, "进行中", "synonym of 推进中"),
    (Status.IN_PROGRESS, "正在进行", "synonym of 正在推进"),
    (Status.IN_PROGRESS, "正在进行中", "synonym of 正在推进"),
    (Status.IN_PROGRESS, "落实中", "synonym of 正在落实"),
    (Status.IN_PROGRESS, "正在落实中", "variant of 正在落实"),
    (Status.IN_PROGRESS, "整改落实中", "variant of 落实中"),
    (Status.IN_PROGRESS, "办理中", "synonym of 推进中 (a case, a petition)"),
    (Status.IN_PROGRESS, "正在办理", "synonym of 正在推进 (a case, a petition)"),
    (Status.IN_PROGRESS, "实施中", "synonym of 推进中"),
    (Status.IN_PROGRESS, "正在实施", "synonym of 正在推进"),
    (Status.IN_PROGRESS, "未完成整改", "variant of 未完成"),
    (Status.IN_PROGRESS, "尚未完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "尚未完成整改", "variant of 未完成"),
    (Status.IN_PROGRESS, "整改未完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "未整改到位", "variant of 尚未整改到位"),
    (Status.IN_PROGRESS, "未整改完成", "variant of 未完成"),
    (Status.IN_PROGRESS, "已延期", "variant of 延期整改"),
    (Status.IN_PROGRESS, "延期", "variant of 延期整改"),
    (Status.IN_PROGRESS, "否", "是否完成 column: no (started but not done)"),
    (Status.IN_PROGRESS, "×", "是否完成 column: a cross, not done like a 否 there"),
    (Status.IN_PROGRESS, "✗", "是否完成 column: a cross, not done like a 否 there"),
    (Status.IN_PROGRESS, "✘", "是否完成 column: a cross, not done like a 否 there"),
    (Status.IN_PROGRESS, "☒", "是否完成 column: a crossed box, not done like a 否 there"),
    (Status.IN_PROGRESS, "在办", "a 督办 ledger's word for going on"),
    (Status.IN_PROGRESS, "正在办", "variant of 在办"),
    (Status.IN_PROGRESS, "按计划推进", "going on as planned"),
    (Status.IN_PROGRESS, "正在按计划推进", "variant of 按计划推进"),
    (Status.IN_PROGRESS, "按计划实施", "variant of 按计划推进"),
    (Status.IN_PROGRESS, "正常推进", "variant of 按计划推进"),
    (Status.IN_PROGRESS, "正常推进中", "variant of 正常推进"),
    (Status.IN_PROGRESS, "有序推进", "variant of 按计划推进"),
    (Status.IN_PROGRESS, "稳步推进", "variant of 按计划推进"),
    (Status.IN_PROGRESS, "按序时推进", "going on at the scheduled pace"),
    (Status.IN_PROGRESS, "按时序推进", "variant of 按序时推进"),
    (Status.IN_PROGRESS, "按进度推进", "variant of 按序时推进"),
    (Status.IN_PROGRESS, "需上级协调", "waiting on the body above: going on"),
    (Status.IN_PROGRESS, "暂不具备整改条件", "waiting for the conditions: going on"),
    (Status.IN_PROGRESS, "已上报待批", "waiting for the approval: going on"),
    (Status.IN_PROGRESS, "列入明年计划", "put in next year's plan: going on"),
    # 长期坚持
    (Status.LONG_TERM, "长期坚持", "label"),
    (Status.LONG_TERM, "长期推进", "DESIGN"),
    (Status.LONG_TERM, "持续推进", "DESIGN"),
    (Status.LONG_TERM, "持续整改", "DESIGN"),
    (Status.LONG_TERM, "需长期坚持", "DESIGN"),
    (Status.LONG_TERM, "常态化推进", "DESIGN"),
    (Status.LONG_TERM, "持续坚持", "variant of 长期坚持"),
    (Status.LONG_TERM, "长期", "short form, also a deadline phrase"),
    (Status.LONG_TERM, "长期整改", "synonym of 持续整改"),
    (Status.LONG_TERM, "长期执行", "synonym of 长期坚持"),
    (Status.LONG_TERM, "长期坚持中", "variant of 长期坚持"),
    (Status.LONG_TERM, "持续推进中", "variant of 持续推进"),
    (Status.LONG_TERM, "需长期坚持解决", "variant of 需长期坚持"),
    # 未启动
    (Status.NOT_STARTED, "未启动", "label"),
    (Status.NOT_STARTED, "未开始", "DESIGN"),
    (Status.NOT_STARTED, "尚未启动", "DESIGN"),
    (Status.NOT_STARTED, "暂未启动", "variant of 未启动"),
    (Status.NOT_STARTED, "未启动整改", "variant of 未启动"),
    (Status.NOT_STARTED, "尚未开始", "variant of 未开始"),
    (Status.NOT_STARTED, "暂未开始", "variant of 未开始"),
    (Status.NOT_STARTED, "未开展", "synonym of 未开始"),
    (Status.NOT_STARTED, "尚未开展", "synonym of 未开始"),
)


# ---------------------------------------------------------------------------
# Vocabulary (simplified, after folding)
# ---------------------------------------------------------------------------


def _alt(words: str) -> str:
    """A regex alternation of the space-separated words, longest first (ties in a fixed order, so
    the pattern is the same text in every process and is found in the pattern store)."""
    return "(?:" + "|".join(sorted(set(words.split()), key=lambda w: (-len(w), w))) + ")"


#: adverbs that may stand before a done verb (已按期完成, 全部整改到位, 按要求完成整改)
_DONE_ADV = _alt(
    "已 已经 均已 都已 全部 全面 全都 按期 如期 按时 按要求 按照要求 按规定 按计划 彻底 圆满 顺利 及时 "
    "切实 认真 逐项 逐一 依规 依法 基本上已 逾期 超期 提前 当即 当场 立即 即时 全额 足额 如数 对标 对照"
)
#: verbs that are done by themselves (完成, 办结, 解决 …)
_V_SELF = _alt("完成 办结 结办 报结 完结 结束 结案 结项 闭环 清零 解决 完工 竣工 销项 办完 做完 改完 "
               "见底清零 清零见底 清仓见底")
#: verbs that are done with 已 or a result complement (已整改, 整改到位, 办理完毕 …)
_V_RES = _alt(
    "整改 落实 纠正 处理 办理 整治 改正 规范 完善 清理 清退 退还 追回 收回 查处 处置 修订 修改 "
    "健全 建立 执行 核查 清查 腾退 补缴 追缴 调整 改进 整顿 治理 更正 补充 补齐 补正 撤销 取消 "
    "归还 上缴 缴纳 退缴 退赔 建章立制 移交 问责 追责 清收 收缴 返还 纠治 修复 拆除 整合 处分 约谈 办 改 "
    "印发 出台 制定 发布 签订 公示 公开 报备 备案 通报 补录 修正 整章建制 "
    "履职 履责 召开 配齐 配备 成立 设立 组建 下发 归档 补签 补办 清偿 撤回 化解 "
    "建成 投用 投入使用 投入运行 启用 上线 上线运行 交付 交付使用 拨付 建账立制 "
    "排查 摸排 核实 自查 自查自纠 自纠 培训 更换 安装 维修 张贴 开设 采购 调账 建档 扣发 扣回 缴回 发文 "
    "交纳"
)
#: result complements (整改到位, 处理完毕, 整改清零 …)
_RESULT = _alt("完成 到位 完毕 完结 结束 清零 办结 闭环 彻底 妥当 妥善 合格")
#: objects after a done verb (完成整改任务, 已完成整改工作)
_OBJ = _alt(
    "整改 整改任务 整改工作 整改事项 整改要求 整改目标 整改措施 任务 工作 各项任务 全部任务 相关工作 "
    "所有任务 既定目标 既定任务 目标任务 该项工作 问题整改 归档 并归档 自查 自查自纠 排查 清理 清退 整治 培训 公示 "
    "各项整改 全部整改 所有整改 各项整改任务 "
    "各项整改工作 各项整改措施 全部整改任务 全部整改工作 所有整改任务 整改措施 各项措施 全部措施"
)
#: verbs that something can be "in progress" of (正在办理, 施工中 …)
_V_ANY = _alt(
    "整改 落实 纠正 处理 办理 整治 改正 规范 完善 清理 清退 追回 收回 查处 处置 修订 修改 健全 建立 "
    "执行 核查 清查 腾退 补缴 追缴 调整 改进 整顿 治理 推进 推动 进行 开展 实施 办 建设 建 施工 招标 "
    "采购 审批 审核 核实 研究 协调 对接 谋划 筹备 跟进 跟踪 制定 起草 编制 排查 摸排 梳理 调查 申报 "
    "报批 审计 申请 延期 整合 解决 完成 抓 做 改 督办 督促 论证 评估 公示 设计 结算 清算 追偿 诉讼 "
    "压降 压减 压缩 消化 清收"
)
#: adverbs of in-progress work (稳步推进, 按序时进度推进, 正在抓紧整改 …)
_ADV_IP = _alt(
    "按计划 按期 如期 按时限 按期限 按整改时限 "
    "按进度 按序时进度 按时序进度 按序时 按时序 序时 有序 稳步 积极 加快 加紧 抓紧 全力 正常 "
    "扎实 全面 "
    "深入 继续 进一步 逐步 分步 分阶段 同步 努力 大力 着力 加大力度 稳妥 有效 紧锣密鼓 紧锣密鼓地 "
    "按步骤 按节点 按时间节点 按方案 按要求 按照计划 进行 专项 集中 "
    # 按照… as 按… ("按照时间节点推进", "按照方案推进", "按既定计划推进")
    "按照时间节点 按照节点 按照方案 按照要求 按照进度 按照步骤 按照整改方案 按整改方案 按工作方案 按照工作方案 "
    "按既定计划 按照既定计划 按既定方案 按照既定方案 按计划节点 按照计划节点"
)
#: long-term modifiers (长期坚持, 持续推进, 常态长效, 久久为功 …)
_LT_MOD = _alt(
    "长期 长期性 持续 持续性 常态 常态化 长效 长效化 久久为功 常抓不懈 持之以恒 持之以恒地 坚持不懈 "
    "一以贯之 常抓常管 经常性 常年 不断 长远 动态 动态化 滚动"
)
#: what long-term work does (…坚持, …推进, …巩固, …跟踪问效)
_LT_VERB = _alt(
    "坚持 推进 整改 执行 落实 解决 开展 深化 巩固 抓好 抓实 跟踪 问效 关注 监督 推动 加强 完善 规范 管理 "
    "实施 做好 提升 保持 用力 发力 改进 整治 治理 跟进 强化 督促 有效 坚守 抓 做 进行 更新 维护 "
    "运行 落地 见效 抓紧 整改落实 调整 监测 监管 监督 管控 督查 检查 压降 压减 压缩 消化 清收 "
    # checks and clean-ups kept going (持续清理, 常态化排查, 持续优化, 长期巡查)
    "清理 排查 巡查 核查 清查 摸排 优化 整顿"
)
#: verbs of starting work (未启动, 已启动, 拟于…开展)
_V_START = _alt("启动 开始 开展 着手 实施 动工 开工 部署 推进 安排 行动 动")
#: subjects a status may follow (该问题已整改, 整改任务已完成, 目前未完成)
_SUBJ = _alt(
    "该问题 本问题 此问题 问题 该项 该项问题 该项工作 该项任务 本项 本项问题 本项工作 本项任务 此项 "
    "工作 任务 各项工作 全部工作 所有工作 全部任务 所有任务 "
    "此项工作 此项任务 本条 该条 整改 整改任务 整改工作 整改事项 相关问题 相关工作 上述问题 目前 "
    "资金 款项 费用 相关资金 相关款项 违规资金 违规款项 当前 现阶段 现 截至目前 截止目前 至今 经核查 经核实 经查 "
    "本单位 我单位 我局 措施 该措施 本措施 项目 该项目 工程 该工程 系统 该系统 平台 "
    "整改措施 立行立改 即知即改 立知立改 各项 所有 全部 上述 以上 相关 各项整改 各项整改措施 各项任务 "
    "方案 整改方案 实施方案 制度 相关制度 文件 台账 办法 管理办法 规定 细则 机制 长效机制 人员 相关人员 资料 "
    "档案 设备 设施 程序 流程 手续"
)


class _Atom(NamedTuple):
    kind: str  # "done" "mostly" "progress" "not_started" "long_term" "kept" "achieved" "percent"
    # "awaiting" "accepted" "closed" "subject"
    end: int
    value: int = 0  # the percentage of a "percent" atom


_PCT = r"(?P<pct>\d{1,3}(?:\.\d+)?)%"
#: what a share may be said of, before it ("进度已完成60%", "工程进度已达70%")
_PCT_LEAD = r"(?:(?:整改|工程|项目|总体|整体|工作|施工|建设)?(?:进度|进展)(?:已经?)?)?"
#: after a share: above or about, and what it is a share of ("已完成70%的工作量", "完成约80%工程量")
_PCT_TAIL = (r"(?:以上|左右)?(?:的)?(?:工作量|工程量|任务量|建设任务|整改任务|工作任务|总任务|总工程量|"
             r"工程|任务|工作|内容|进度)?")
#: a share in words: 七成 / 7成 (tenths), 百分之八十, 过半 / 一半 / 半数 (half)
_PCT_WORDS = (r"(?:(?P<tenths>[一二三四五六七八九十1-9])成|百分之(?P<cn_pct>[零一二三四五六七八九十百]{1,4}|\d{1,3})"
              r"|(?P<den>[二三四五六七八九十]|\d{1,2})分之(?P<num>[一二三四五六七八九]|\d{1,2})"
              r"|(?P<half>过半|一半|半数|近半|大半))")
#: a date as clerks write it inside a status ("已于2026年5月12日完成")
_DATE = r"[\d年月日号.\-/上中下旬底初末]{2,16}(?:前|之前|以前)?"
#: a date a thing was finished on, not "by" it ("于2026年10月15日"; not "于12月底前")
_DATE_DONE = r"[\d年月日号.\-/上中下旬底初末]{2,16}(?![\d年月日号.\-/上中下旬底初末]|之?前|以前)"
#: a day written in full ("2026.9.30", "2026年9月30日", "2026-09-30")
_DAY = r"\d{4}(?:年\d{1,2}月\d{1,2}[日号]|[.\-/]\d{1,2}[.\-/]\d{1,2})"
#: someone in between (待巡察办验收, 报县纪委监委销号)
_WHO = r"[\u4e00-\u9fff]{0,8}?"
#: who checked the work (经县巡察办验收): no word of a further step (并申请验收, 后报验收)
_ACCEPTOR = r"(?:(?![并及和与后待申请报拟将未])[\u4e00-\u9fff]){0,8}?"
#: an office named before what it did (巡察办已验收, 县纪委监委已验收)
_AGENT = _ACCEPTOR + r"(?:办|组|委|局|部|室|会|处|科|股|门|位|府|厅|院|站|所|队|班|方|领导)"
#: the result of an acceptance check (验收合格, 验收通过)
_PASSED = r"(?:合格|通过|完成|完毕|达标)"
#: a review to come (待审核, 等待县纪委审查): after finished work, the wait for its check
_REVIEW_WAIT = rf"(?:待|等待|尚待|正待){_WHO}(?:审核|审查|审定|审批|批复|核验|评估|认定|确认)(?:中)?"

#: (kind, alternatives) in priority order; every alternative is tried on its own, the longest
#: match wins and, between equally long ones, the earlier kind
_ATOM_SPEC: tuple[tuple[str, tuple[str, ...]], ...] = (
    # closure ---------------------------------------------------------------------------------
    (
        "awaiting",
        (
            r"(?:正在|正|待|等待|准备|拟|申请|已申请|报请|已报请|提请|已提请|提交|已提交|已报|报送|已报送|"
            r"已上报|上报|递交|已递交|申报|已申报)(?:组织|进行|开展|申请|提交|办理)?"
            # 待验收销号, 申请验收并销号: both still to come
            r"(?:验收(?:[并和、及]?(?:销号|销项))?|销号|销项)"
            r"(?:申请|中|手续)?",
            # the one to check it named: 待巡察办验收, 待县委巡察办验收销号 (both steps to come)
            rf"(?:待|等待|申请|报请|提请|已报请|已提请|已申请|报|已报|已交|已提交|提交|已送|送|已送交|送交){_WHO}(?:组织|进行)?"
            r"(?:验收(?:[并和及]?(?:销号|销项))?|销号|销项)",
            # a second look by whoever checks the work (待复核, 整改完成待复查, 已整改待核实, 已完成待县纪委核查):
            # the same wait (not 待审核: a plan awaiting its approval is going on)
            r"(?:待|等待|申请|提请|报请|已提请|已报请|已申请)(?:组织)?(?:复核|复查|复验)(?:中)?",
            rf"(?:待|等待|尚待|正待){_WHO}(?:组织)?(?:核实|核查)(?:确认)?",
            # finished work sent for review (已完成待审核, 整改到位待审查): the same wait — only right after
            # the done word, as 方案待审核 (a plan awaiting approval) is going on
            rf"(?<=完成|整改|到位|完毕|办结){_REVIEW_WAIT}",
            # an audit to confirm the work (整改完成待审计确认, 已提请审计确认, 审计确认中): the same wait
            rf"(?:待|等待|正待|尚待|申请|提请|报请|已提请|已报请|已申请){_WHO}审计(?:确认|认定|核实|审核)?(?:中)?|审计(?:确认|认定)中",
            # at that step: 已进入验收阶段, 处于销号环节
            r"(?:已经?|正在|目前)?(?:进入|处于)(?:验收|销号|销项)(?:阶段|环节|程序)",
            r"(?:已经?)?(?:提交|报送|上报|递交)了?(?:验收|销号|销项)(?:申请|材料|手续)",
            r"(?:验收|销号|销项)(?:中|申请中|审核中|审批中|申请(?:已提交|已报送|已上报|已递交)?)",
            # the application sent to whoever closes it ("销号申请已报巡察办", "验收申请已提交县委巡察办")
            r"(?:验收|销号|销项)申请(?:已经?|均已)(?:报|上报|报送|提交|递交|呈报|送)(?:至|到|给)?"
            r"(?:[\u4e00-\u9fff]{0,8}(?:审核|审批|审定)中?|[\u4e00-\u9fff]{0,8}(?<=[办组委局部室会处科股门位府厅院站所队]))",
        ),
    ),
    (
        "accepted",
        (
            r"(?:(?:已经?|均已)(?:经过?|通过)?|经过?|通过|已通过)(?:组织)?验收(?:合格|通过|完成|完毕|达标)?",
            r"验收(?:合格|通过|完成|完毕|达标)",
            # the final acceptance of works (已竣工验收, 通过竣工验收)
            r"(?:已经?)?(?:通过)?(?:竣工|完工)验收(?:合格|通过)?",
            # passed a second look (复核通过, 已通过复查)
            r"(?:复核|复查|复验)(?:合格|通过|达标)|(?:已经?)?(?:通过|经过)了?(?:复核|复查|复验)(?:合格|通过)?",
            # the acceptor named: 经巡察组验收合格, 已通过县委巡察办验收, 巡察办已验收
            rf"(?:已经?|均已)?(?:经过?|通过){_ACCEPTOR}(?:组织|进行|现场|实地)?验收{_PASSED}?",
            rf"{_AGENT}(?:已经?|均已)(?:组织|进行)?验收{_PASSED}?",
            # the other order: 验收已通过, 验收均已合格
            r"验收(?:已经?|均已|都已)(?:通过|合格|完成|完毕|结束|达标)",
            # 已完成验收, 完成了县巡察办验收
            rf"(?:已经?|均已)?(?:完成|通过)了?(?:{_AGENT})?验收(?:工作|程序|手续)?",
            # dated: 2026年10月20日验收合格, 已于10月20日通过验收
            rf"(?:已经?)?(?:于|在)?{_DATE}(?:(?:已经?)?(?:经过?|通过){_ACCEPTOR}验收{_PASSED}?|{_ACCEPTOR}验收{_PASSED})",
        ),
    ),
    (
        "closed",
        (
            r"(?:已经?|均已)?(?:验收|对账|挂账|审核|核查|审批)?并?(?:销号|销项|销账|销案)(?:完成|完毕|处理)?",
            # the acceptor's decision: 同意销号, 准予销号, 予以销号
            rf"(?:{_AGENT})?(?:已经?|均已)?(?:同意|准予|予以|批准|准许|核准)(?:其)?(?:销号|销项|销账|销案)",
            # the check named before the decision ("经巡察办审核同意销号", "经县纪委监委审查，准予销号")
            rf"(?:已经?)?经过?{_ACCEPTOR}(?:审核|审查|审批|审定|研究|核查|核实|验收)(?:合格|通过)?(?:后)?[，,]?"
            r"(?:同意|准予|予以|批准|准许|核准)(?:其)?(?:销号|销项|销账|销案)",
            # dated: 2026年3月15日销号, 已于10月20日销号 (as 2026年10月20日验收合格 is accepted)
            rf"(?:已经?)?(?:于|在)?{_DATE}(?:已经?)?(?:对账|挂账|验收)?并?(?:销号|销项|销账)(?:完成|完毕)?",
        ),
    ),
    # long term -------------------------------------------------------------------------------
    (
        "long_term",
        (
            rf"(?:(?:今后|此后|以后|后续|下一步|下步)(?:将|要|仍将|仍要|还将)?)?"
            rf"(?:需要?|须|需|应|要|应当|(?:仍|还|尚)(?:需要?|须)|属于?|为|是|坚持|将|拟|已|作为|(?:已经?)?(?:列为|列入|纳入)|已转为?|转为?|转入)?"
            rf"{_LT_MOD}+地?(?:逐步|逐年|分步|分批|分阶段|分年度)?"
            rf"{_LT_VERB}*(?:中|下去)?的?(?:任务|事项|工作|整改事项|整改任务|性任务|问题|性工作)?",
            # over the years ("需逐年推进", "分年度解决"): long-term work
            r"(?:需要?|须|仍需|将|拟)?(?:逐年|分年度|分年)(?:逐步)?(?:推进|解决|落实|整改|实施|消化|化解|压降)",
            r"(?:并|同时)?(?:建立|健全|完善|形成)(?:了|起)?(?:长效|常态化)(?:机制|制度)",
            # the results still to be kept up after the work ("整改完成待巩固", "已整改，有待巩固提升")
            r"(?:待|有待|需|需要|仍需|还需|尚需)(?:进一步)?巩固(?:提升|提高|深化)?(?:整改)?(?:成果|成效)?",
            # keeping up what was put right ("巩固提升", "巩固提升中", "巩固整改成果"): the work goes on
            # as long-term work, as 持续巩固 does
            r"(?:目前|现)?巩固(?:提升|提高|深化|拓展)?(?:整改)?(?:成果|成效)?中?",
            # the mechanism kept going ("（长效机制持续推进）", "制度机制常态化运行")
            rf"(?:长效机制|长效管理机制|制度机制|长效管理)(?:建设)?(?:正在|将|需|仍需|还需|尚需)?{_LT_MOD}+地?{_LT_VERB}*中?",
        ),
    ),
    # kept up as everyday or scheduled work: long term (its patterns compiled only for a clause
    # with their words: most clauses have none)
    (
        "kept",
        (
            # put among the everyday work ("纳入日常监管", "已转入日常管理", "转为常规工作"): kept up
            r"(?:已经?)?(?:纳入|转入|转为|列入|进入)(?:日常|常规|常态)化?(?:监管|管理|监督|工作|运行|督查|检查)",
            # done on a schedule ("按月推进", "每季度通报", "定期督查"): kept up, as a recurring deadline is
            r"(?:每月|每季度?|每半年|每年|按月|按季度?|按年|定期|逐月|逐季|常年)(?:推进|开展|通报|督查|检查|调度|报送|"
            r"更新|落实|跟踪|督导|监测|公示|公开|分析|研判|排查)",
            r"(?:持续|长期)?跟踪问效",
            # kept at ("坚持常抓", "抓常抓长", "坚持落实", "常抓常管"): the work kept up, as 常抓不懈 is
            r"(?:坚持|长期|持续)(?:常抓|抓常|抓长|常管)(?:常管|抓长|不懈)?|抓常抓长|常抓常管|常抓常新"
            r"|坚持(?:落实|执行|开展|推进|整改|抓好|做好|抓实)(?:到位)?(?:中)?",
        ),
    ),
    # rules set up beside the work (并建章立制, 并建立制度): no status of its own, adds nothing to
    # the one before it ("已整改完毕并建章立制" is done)
    (
        "rules",
        (
            r"(?:建章立制|(?:建立|健全|完善|修订|制定|出台|形成)(?:健全|完善)?(?:了|起)?(?:相关|配套|管理|工作|规章)?"
            r"(?:制度|机制|办法|规定|细则)(?:体系)?)",
        ),
    ),
    # staged ----------------------------------------------------------------------------------
    (
        "mostly",
        (
            r"(?:已经?)?(?:基本上?|大部分|大部|大多数|多数|绝大部分|绝大多数|大体上?|初步|主体(?:工作)?|"
            r"主要(?:工作|任务)?)(?:已经?|均已|都已)?"
            rf"(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}?{_OBJ}?|{_RESULT}|"
            r"(?:达到|达成|符合|满足)了?(?:整改)?(?:要求|目标|标准|预期))",
            r"(?:已经?)?阶段性?(?:整改)?(?:完成|办结|到位)(?:整改)?",
            # 已完成主体工作, 完成了主要任务: the main part done
            r"(?:已经?)?(?:完成|完工)了?(?:主体|主要|大部分|绝大部分)(?:工作|任务|工程|部分|内容|整改任务|整改)?",
            r"(?:已经?)?(?:完成|实现|达到|达成)了?阶段性(?:整改)?(?:任务|目标|工作|要求)",
            # a first stage or phase ("已完成初步整改", "已完成第一阶段任务", "完成一期工程"): staged (not a
            # later one, which may be the last)
            r"(?:已经?)?(?:完成|实现|达到|达成)了?(?:初步|第[一1]阶段|[一1首]期)(?:整改)?(?:目标任务|任务|目标|工作|工程|建设)?",
            # the stage named first ("第一阶段已完成", "第一阶段任务已完成"; not "一期已完工", a part of the works)
            r"第[一1]阶段(?:整改)?(?:目标任务|任务|目标|工作)?(?:已经?|均已)?(?:完成|实现|达成)",
            # most of it done, said after the verb ("已整改大部分", "已追回大部分资金", "完成了绝大多数")
            rf"(?:已经?)?(?:{_V_SELF}|{_V_RES})了?(?:大部分|绝大部分|大多数|绝大多数|大半)(?:[\u4e00-\u9fff]{{1,4}})?$",
            # the year's part of a longer task ("已完成年度目标", "已完成2026年度任务", "年度目标已完成"), a
            # stage ("阶段完成", "完成阶段性整改"): staged completion, as 已完成阶段性目标 is
            r"(?:已经?)?(?:完成|实现|达到|达成)了?(?:\d{4}年度?|本年度|当年|年度|阶段性?)(?:整改)?(?:目标任务|任务|目标|工作|要求)?",
            r"(?:\d{4}年度?|本年度|当年|年度|阶段性?)(?:整改)?(?:目标任务|任务|目标|工作)(?:已经?|均已)?(?:完成|实现|达成)",
            # "已完成（阶段性）": a stage of it done
            r"阶段性(?:完成|任务)?$",
        ),
    ),
    (
        "achieved",
        (
            r"(?:已经?)?取得了?(?:阶段性|初步|明显|显著|积极|一定|较好|良好|较大)?的?(?:成效|成果|效果)",
            r"(?:已经?)?阶段性(?:成效|成果)(?:明显|显著|初显|已显现)?",
            r"成效明显|(?:已经?)?初见成效|成效初显|已见成效",
        ),
    ),
    # not started -----------------------------------------------------------------------------
    (
        "not_started",
        (rf"(?:待|等待|准备|即将|拟|计划|预计|打算|近期|近日将|下一?步将?)(?:于|在)?.{{0,14}}?(?:组织)?{_V_START}"
         r"(?:整改|实施|工作)?",
         r"(?:目前|当前|现)?(?:暂|尚|仍|均)?(?:无|没有)(?:任何)?(?:进展|进度)",
         r"(?:尚待|待|等待|拟|计划)(?:整改|落实|处理|办理|处置|解决|办)",
         # the year it is to start, and no more ("明年实施", "下半年开工", "明年初启动"): not begun (not
         # "2026年启动", which may be the year it began)
         rf"(?:明年|来年|次年|下一?年度?|下半年)(?:初|上半年|下半年|[一二三四1-4]季度|\d{{1,2}}月份?)?(?:{_V_START})"),
    ),
    # in progress -----------------------------------------------------------------------------
    (
        "progress",
        (
            rf"(?:目前|当前|现)?(?:正在|正|仍在|还在|尚在|仍然在|依然在|一直在|在)(?:{_ADV_IP})*"
            rf"(?:{_V_ANY})+(?:中|之中|当中)?",
            r"(?:目前|当前|现)?(?:正在|仍在|还在|尚在)(?:(?!并|且|同时|已)[\u4e00-\u9fff]){1,8}",
            rf"(?:{_ADV_IP})*(?:{_V_ANY}){{1,2}}(?:中|之中|当中)",
            rf"(?:{_ADV_IP})+(?:推进|推动|实施|落实|整改|开展|进行|办理|完善|办)",
            # advanced, said in the perfect ("已稳步推进", "已按计划推进"): still advancing, not done
            rf"(?:已经?)(?:{_ADV_IP})+(?:推进|推动)",
            r"推进|进行|在办|在建|否|部分|个别|少量",
            # on schedule ("已完成序时进度", "达到年度序时进度要求", "序时进度正常"): going on, not done
            r"(?:已经?)?(?:完成|达到|符合|满足|超过)了?(?:年度|当前|目前|阶段|既定|计划)?序时进度(?:要求)?",
            r"(?:目前)?序时进度(?:已经?)?(?:完成|达到|正常|符合要求)",
            r"(?:已经?|正在|已申请|申请|因故|经批准|已批准|经同意|报批|已报|报请|已报请|已提请|提请)?(?:延期|延长|顺延)"
            r"(?:整改|办理|申请)?中?",
            # the application sent up ("已提交延期申请", "已报送延期申请"): the work goes on meanwhile
            r"(?:已经?)?(?:提交|报送|上报|呈报|递交)了?(?:书面)?延期(?:整改)?(?:申请|报告|请示)",
            # to be finished later (申请延期完成, 延期完成中) — not 延期完成 alone, work done after its extension
            r"(?:正在|已申请|申请|拟|因故|经批准|已批准|经同意|报批)(?:延期|延长|顺延)(?:完成|办结)(?:整改)?中?"
            r"|(?:延期|延长|顺延)(?:完成|办结)(?:整改)?中",
            rf"(?:已经?|已申请|申请|经批准)?(?:延期|延长|顺延)(?:至|到){_DATE}(?:完成|整改|办结)?",
            r"(?:已经?)?(?:超期|逾期)",
            # to be done by a time (计划2025年12月完成, 预计年底前完成整改, 力争上半年完成): going on, not done
            r"(?:计划|预计|拟|争取|力争|确保|将|将于|可望|有望)(?:于|在)?(?:\d{4}年)?(?:[\d年月日号.\-/上中下旬底初末]{2,16}|年底|年内|年中|"
            r"上半年|下半年)(?:前|之前|以前)?(?:全部|全面)?(?:完成|办结)(?:整改)?",
            # on schedule (达到序时进度, 符合序时要求): going on as planned
            r"(?:已经?)?(?:达到|达|符合|满足|按照?|跟上|超过?|快于|超出)序时(?:进度|要求|节点)?",
            # up for a decision (已上会研究, 方案已报批): waiting for it
            r"(?:已经?)?上会(?:研究|审议|讨论)?|(?:整改|实施|工作)?方案(?:已经?)?(?:报批|报审|上报)",
            # a step of a project done (已完成立项, 完成招投标, 已完成设计): the project goes on
            r"(?:已经?)?完成了?(?:项目)?(?:立项|招投标|招标|设计|可研|选址|初步设计|前期工作|前期准备|前期"
            r"|方案(?:的)?(?:制定|编制|起草|拟定)|(?:前期)?调研)(?:工作|手续)?",
            # the plan or the groundwork said done (已完成方案, 已完成实施方案, 已完成摸排, 已完成征求意见) —
            # with 已: "完成整改方案" alone may be a task copied in, not guessed
            r"(?:已经?)完成了?(?:(?:实施|整改|工作|建设)?方案|摸排|摸底(?:调查)?|征求意见)(?:工作|手续)?",
            # behind it (滞后于序时进度): going on, late
            r"滞后于?序时(?:进度|要求|节点)?",
            # behind it, said the other way round (慢于序时进度, 落后于序时, 序时进度滞后)
            r"(?:慢于|落后于?|低于|跟不上)(?:年度|计划)?序时(?:进度|要求|节点)?|序时进度(?:滞后|落后|偏慢|缓慢)",
            # sent back to be done again (退回整改, 被驳回重新修改): not done
            r"(?:已经?|被|已被)?(?:退回|驳回|打回)(?:重新)?(?:整改|修改|完善|补充)(?:中)?",
            # deferred or paused, not finished: 暂缓整改, 经批准暂缓实施, 暂停推进
            r"(?:已经?|经批准|已批准|经同意|申请|已申请)?(?:暂缓|暂停|中止|缓办)"
            r"(?:整改|实施|推进|办理|执行|处理|建设|施工)?(?:中)?",
            r"(?:已经?|刚刚?|才)(?:启动|开始|着手|开展|实施|部署|开工|动工)(?:整改|实施|工作|推进)?",
            # the work set in motion (已安排部署, 已研究部署, 已部署安排)
            r"(?:已经?)(?:安排|研究|统筹|动员|专题|全面|召开会议)(?:部署)|(?:已经?)部署(?:安排|动员)",
            # handed up for a decision (已报上级主管部门, 已报集团): waiting for it
            r"(?:已经?)(?:报|上报|报送|呈报)(?:至|给)?(?:上级|县|市|省|集团|总公司|主管)[\u4e00-\u9fff]{0,8}?"
            r"(?:部门|单位|政府|集团|公司|局|委|办)",
            # applied for (已申报, 已申请), sent for review (已报审, 已送审, 待财政评审): the decision is to come
            r"(?:已经?)(?:申报|申请|报审|报批|送审)",
            rf"(?:待|等待|正待|尚待){_WHO}(?:评审|审核|审查)(?:中)?|(?:财政|造价|项目)?评审中",
            # within the time allowed ("在整改期限内", "整改期内"): not yet due, going on
            r"(?:目前|当前|现)?(?:仍|还|尚)?(?:在|处于)?(?:整改)?(?:期限|时限|期)(?:内|之内|以内)",
            # sent to the discipline body or the Party committee (已报送纪委): waiting for its word
            r"(?:已经?)(?:报|上报|报送|呈报)(?:至|给)?(?:纪委监委|纪委|监委|纪工委|纪检监察组|巡察办|党委|党组|组织部|国资委)",
            # nothing to report yet (无进展, 暂无进展): not started; with 实质性 something was done
            r"(?:目前|当前|现)?(?:暂|尚|仍|均)?(?:无|没有)(?:实质性|明显|较大)(?:进展|进度)",
            # the groundwork begun (已开展前期工作, 已启动整改前期准备): started, not done
            r"(?:已经?|正在)?(?:启动|开始|着手|开展|做好|进行)了?(?:整改)?前期(?:工作|准备|调研|论证)(?:工作)?",
            # waiting for a decision (待审议, 待县政府常务会审议, 待上会研究, 已提请党组会审定)
            rf"(?:待|等待|正待|尚待|已提请|提请|已报请|报请|已提交|提交|已报送|已上报|已呈报|已报){_WHO}(?:审议|审定|审批|审核|审查|核准|批复|签批|上会研究|"
            r"研究决定|研究|上会|决定)(?:中|通过)?",
            # part of it done (已追回部分资金, 已完成部分): the rest is still to do
            rf"(?:已经?)?(?:{_V_SELF}|{_V_RES})了?部分(?:[\u4e00-\u9fff]{{1,4}})?$",
            r"(?:启动|开始)(?:整改|实施)?",
            rf"(?:已经?)?部分(?:已经?)?(?:{_V_SELF}|{_V_RES}|到位)(?:{_RESULT})?(?:{_OBJ})?",
            # late, by how much (严重滞后, 进度明显滞后, 有所滞后): going on, late
            r"(?:推进|进展|进度|整改|工作)?(?:严重|明显|相对|较为|比较|较|有所|稍有|略有|稍|略)?(?:缓慢|滞后|较慢|偏慢|迟缓)",
            # going well (推进顺利, 进展正常): going on
            r"(?:推进|进展|进度)(?:顺利|正常|良好|有序)",
            # at a stage of the work (进入收尾阶段, 处于攻坚阶段)
            r"(?:已经?|正在|目前)?(?:进入|处于)(?:收尾|扫尾|攻坚|实施|推进|整改|施工)(?:阶段|环节|期)",
            # the stage alone, as a status (收尾阶段, 扫尾中)
            r"(?:收尾|扫尾)(?:阶段|中)",
            # nearly finished, not yet (即将完成, 接近尾声, 临近完工): going on
            r"(?:即将|接近|临近|快要|将要|马上|近期|尽快)(?:全部|全面)?(?:完成|完工|竣工|办结|结束|收尾|尾声)",
            # a hand-over still to come ("拟移交县纪委监委", "待移交", "准备移送司法机关"): the unit's part
            # not yet done, as 已移交 is
            r"(?:[\u4e00-\u9fff]{0,6}?(?:线索|问题|案件))?(?:目前|现)?(?:正|尚|仍)?(?:拟|待|准备|计划|即将|将|正在准备|正在)"
            r"(?:移交|移送|转交|交由)(?:(?:至|到|给)?[\u4e00-\u9fff]{0,6}?(?:纪委监委|纪委|监委|纪检监察组|纪检监察机关|司法机关|"
            r"公安机关|检察院|法院|审计机关|主管部门|有关部门|相关部门))?(?:处理|查处|办理|审查|调查|依规处理|依纪依法处理)?(?:中)?",
            # a document made and only its issuing to come ("待印发", "待出台", "待县政府签发"), money granted
            # and only its payment ("待拨付", "等待财政兑付"): going on
            rf"(?:待|等待|正待|尚待){_WHO}(?:印发|出台|下发|发布|签发|公布|会签|签批|发文|拨付|兑付|支付|发放|拨款)",
            # passed, its issuing to come ("已审定待印发", "已批复待下达"): going on
            rf"(?:已经?)(?:审定|审批|审核|审议|批复|签批|定稿)(?:通过|同意)?(?:待|等待|正待){_WHO}"
            r"(?:印发|出台|下发|下达|发布|签发|公布|实施|执行|拨付)",
            # running on trial ("试运行", "已投入试运行", "试运行中"): not yet handed over
            r"(?:已经?|正在)?(?:投入|进入)?试(?:运行|运营|用|点)(?:中|阶段)?",
            # worked off bit by bit ("逐步化解", "分批消化", "稳步解决"): going on
            r"(?:逐步|逐年|分步|分批|稳步|积极|有序)(?:化解|消化|解决|清偿|偿还)(?:中)?",
            # still preparing the work (前期准备阶段, 处于筹备阶段, 准备中): begun, not done
            r"(?:目前|当前|现|正)?(?:处于|进入)?(?:前期)?(?:准备|筹备)(?:阶段|中|工作中)|前期准备",
            rf"继续(?:{_ADV_IP})*(?:{_V_ANY})",
            r"(?:已经?)?取得了?(?:阶段性|初步|一定)?的?进展",
            # handed to the one who does it (已交办, 已转办), a case opened on it (已立案, 已立案调查),
            # put in a plan (已纳入年度计划, 已列入2027年预算), a document only drafted (已形成初稿): begun, not done
            r"(?:已经?)(?:交办|转办|分办|立案|受理)(?:调查|审查|查处|办理)?",
            # a project approved, the works to come ("已立项待建", "已立项", "立项待建"): going on
            r"(?:已经?)?(?:完成)?立项(?:待建|待实施|待招标|在建|实施中)?|(?:已经?)(?:立项|批复)",
            # told to the discipline body, for its word ("已向纪委报告", "已向县纪委监委报送线索"): waiting, as
            # 已报送纪委 is
            r"(?:已经?)向[\u4e00-\u9fff]{0,6}?(?:纪委监委|纪委|监委|纪工委|纪检监察组|巡察办|党委|党组|组织部|国资委|上级|主管部门)"
            r"(?:报告|汇报|报送|报备)(?:了)?(?:问题)?(?:线索|情况)?",
            r"(?:已经?|拟|将|计划|申请|已申请|争取)?(?:纳入|列入)了?[\u4e00-\u9fff\d]{0,8}?(?:计划|规划|预算|议程|日程|项目库)",
            # waiting on the body above to coordinate ("需上级协调", "需县级层面统筹协调解决", "待多部门协调"):
            # the unit cannot finish it alone, the work goes on
            r"(?:需要?|须|仍需要?|尚需要?|还需要?|需由|待|等待|有待|提请|报请|请求|申请|已提请|已报请|已申请|已请求)"
            r"[\u4e00-\u9fff]{0,8}?(?:统筹)?协调(?:配合|联动)?(?:解决|推进|处理|落实)?中?",
            # the body above named as the one to solve or back it ("需县级层面解决", "需上级部门支持", "需多部门
            # 联合推进"): the unit cannot finish it alone
            r"(?:(?:需要?|须|仍需要?|尚需要?|还需要?|需由|有待)(?:上级|县里|县级|市级|省级|市里|省里|县委|县政府|市委|市政府|"
            r"主管部门|上级部门|上级主管部门|行业主管部门|县级层面|市级层面|省级层面|多部门|多个部门|相关部门|有关部门)"
            # what is needed from it ("需上级政策支持", "需资金支持", "有待上级政策明确")
            r"(?:政策|资金|经费|项目|指标|用地|编制)?|(?:需要?|须|仍需要?|尚需要?|还需要?|有待)"
            r"(?:政策|资金|经费|项目|指标|用地|编制))(?:统筹|协调|联合|共同)?"
            r"(?:支持|解决|研究|审批|批准|决策|推进|落实|处理|明确|出台|保障|倾斜)",
            # money sought or awaited ("需争取上级资金支持", "已申请上级专项资金", "等待上级资金下达")
            r"(?:需要?|须|仍需|尚需|还需|积极|已经?)?(?:争取|申请|申报)(?:上级|县级|市级|省级|中央|专项|项目)*"
            r"(?:资金|经费|补助|项目|政策)(?:支持)?",
            r"(?:待|等待|正待|尚待)(?:上级|县级|市级|省级|专项|项目)*(?:资金|经费|指标|政策)(?:到位|下达|拨付|落实|批复|出台|明确)?",
            # sent up and waiting for the approval ("已上报待批", "已报县政府待批复", "报批待审", "待批")
            r"(?:已经?)?(?:上报|报送|呈报|提交|报请|报批|报)(?:至|给|到)?[\u4e00-\u9fff]{0,8}?"
            r"(?:待批|待审批|待批复|待批准|待审|待审定|待答复|待回复)中?",
            r"(?:待|等待|正待|尚待)(?:上级)?(?:批|批准|答复|回复)中?",
            # asked of the body above for its word ("已请示上级", "已向县委请示"): waiting for it
            r"(?:已经?)(?:向[\u4e00-\u9fff]{1,8}?)?(?:请示|报请)(?:上级|主管部门|县委|县政府|党委|集团)?",
            # put to the body above to decide or help ("已提请上级", "已提请主管部门协调"): waiting for it
            # (not "已上报上级", "已提交上级": maybe the report of work done)
            r"(?:已经?)?(?:提请|报请)(?:上级|上级部门|上级主管部门|主管部门)(?:协调|支持|帮助)?",
            r"(?:已经?)?(?:形成|完成|起草|拟定|草拟)了?(?:制度|方案|办法|文件)?(?:初稿|草案|征求意见稿|送审稿|讨论稿)",
            # only drafted ("制度已起草", "办法已拟定", "已起草完毕"): to be passed and issued
            r"(?:已经?)(?:起草|草拟|拟定|拟订)(?:完成|完毕)?",
            # to be finished in the coming month or week ("下月完成", "下周前完成", "本月底前完成"): planned
            r"(?:下个?|次)(?:月|周|星期|季度|学期)(?:底|末|初|中旬|上旬|下旬)?(?:前|之前|以前)?(?:全部)?(?:完成|办结)(?:整改)?",
            r"(?:本|当|这个?)(?:月|周|星期|季度)(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)(?:全部)?(?:完成|办结)(?:整改)?",
        ),
    ),
    # done ------------------------------------------------------------------------------------
    (
        "done",
        (
            rf"(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}{_OBJ}?|"
            r"(?:达到|达成|符合|满足)了?(?:整改)?(?:要求|目标|标准|预期)|达标|到位)",
            # the work, then its result in the perfect ("整改已完毕", "处理已完结", "办理已结束"), and
            # the done verb with 了 ("完成了", "完成了整改")
            # (not "方案制定已完成": a part of the work named done, read by the topics or not at all)
            r"(?:整改|处理|办理|处置|清理|清退|整治|纠正|落实|追缴|追回|核查|清查)(?:已经?|均已|都已)"
            r"(?:完毕|完结|结束|办结|清零|闭环)"
            rf"|(?:{_DONE_ADV})*(?:{_V_SELF})了{_OBJ}?",
            rf"(?:已经?|均已|都已|全部|全面|彻底)(?:{_DONE_ADV})*(?:{_V_RES}){{1,2}}{_OBJ}?",
            rf"(?:已经?|均已)(?:于|在)?{_DATE}(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}?{_OBJ}?)",
            rf"(?:于|在){_DATE}(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}{_OBJ}?)",
            # the day after the verb ("已完成于2026年10月15日", "整改完成于2026.10.15", "办结于10月"; not
            # "完成于12月底前", by a day to come)
            rf"(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}{_OBJ}?)(?:于|在){_DATE_DONE}",
            # the day it was finished, before the verb ("2026.9.30完成", "2026年9月30日已整改到位"; not
            # a month, "2026年12月完成", which may be the plan, nor "…前完成")
            rf"{_DAY}(?:{_DONE_ADV})*(?:{_V_SELF}{_OBJ}?|{_V_RES}{{1,2}}{_RESULT}{_OBJ}?)",
            r"是的?|已做",
            # finished after an extension, as 按期完成 is in time (a 完成情况 list: 按期完成/延期完成/未完成)
            r"(?:已经?)?(?:延期|顺延)(?:完成|办结)(?:整改)?",
            # the rules it called for made: "已建立制度", "已健全相关机制"
            r"(?:已经?|均已)(?:建立|健全|完善|修订|制定|出台|印发|形成)(?:健全|完善)?了?"
            r"(?:相关|配套|管理|工作|规章|长效|常态化)?"
            r"(?:制度|机制|办法|规定|细则)(?:体系)?",
            # the loop closed: "已形成闭环", "实现闭环管理"
            r"(?:已经?)?(?:形成|实现)了?(?:管理)?闭环(?:管理)?",
            # the discipline given ("已给予党内警告处分", "已作出诫勉谈话处理")
            r"(?:已经?|均已)(?:给予|作出|予以)了?[\u4e00-\u9fff]{0,10}?(?:处分|处理|处罚|问责|诫勉(?:谈话)?|提醒谈话|批评教育|通报批评)",
            # to whom, then the discipline ("已对相关责任人进行问责", "已对2名干部进行诫勉谈话", "已对责任人给予
            # 党内警告处分", "已对3名责任人作出组织处理")
            r"(?:已经?|均已)对[\u4e00-\u9fff\d]{1,12}?(?:进行|给予|作出|予以|实施)了?[\u4e00-\u9fff]{0,8}?"
            r"(?:处分|组织处理|处理|处罚|问责|追责|诫勉(?:谈话)?|约谈|提醒谈话|谈话提醒|批评教育|通报批评|追偿)",
            # a meeting held, a notice or a document issued ("已召开专题会议", "已下发通知", "已印发实施方案")
            r"(?:已经?|均已)(?:组织)?(?:召开|下发|印发|出台|发布|制定|转发|签订)了?[\u4e00-\u9fff\d]{0,10}?"
            r"(?:会议|生活会(?!议)|专题会(?!议)|通知书?|文件|方案|意见|办法|规定|细则|通报|纪要|责任书|承诺书)",
            # money handed back or withheld ("已退回违规收取费用", "已清退多收费用", "已扣发绩效")
            r"(?:已经?|均已)(?:全额|全部|足额)?(?:退回|清退|退还|追回|收回|扣发|扣回|缴回|上缴|返还)了?[\u4e00-\u9fff]{0,8}?"
            r"(?:费用|资金|款项|绩效|补贴|补助|奖金|津贴|工资|报酬|税款|租金|押金|保证金|钱款|款)",
            # a ledger, a file or an account set up or put right ("已建立台账", "已完成账务调整")
            r"(?:已经?|均已)(?:建立|建好|完善|补齐|完成)了?[\u4e00-\u9fff]{0,6}?(?:台账|档案|清单|账务调整|账目调整)",
            # passed by the body that decides ("已经党委会审议通过", "已经院长办公会研究通过")
            r"(?:已经?|均已)(?:经过?)?[\u4e00-\u9fff]{0,10}?(?:审议|研究|审定|审批)(?:通过|同意)",
            # talks, reproofs and written self-criticism given ("已提醒谈话", "已批评教育", "已书面检查")
            r"(?:已经?|均已)(?:对[\u4e00-\u9fff]{1,8}?)?(?:进行|作出|作|责令)?了?"
            r"(?:提醒谈话|谈话提醒|批评教育|诫勉谈话|诫勉|约谈|函询|通报批评|书面检查|检讨)",
            # a training or a study held ("已组织学习", "已组织集中培训")
            r"(?:已经?|均已)组织(?:开展|召开)?了?[\u4e00-\u9fff]{0,8}?(?:集中|专题|全员|专项)?(?:学习|培训|研讨|考试|测试)",
            # handed over to the body that deals with it ("已移交纪委", "已移送县纪委监委处理"): the unit's part done
            # ("问题线索已移交司法机关", "相关案件已移送县纪委监委"): the clue or case named first
            r"(?:(?:问题|相关|有关|涉嫌违纪违法|违纪违法|违纪|违法|该|此)?(?:问题)?(?:线索|案件|问题))?"
            r"(?:已经?|均已)(?:移交|移送|转交|交由)(?:至|到|给)?[\u4e00-\u9fff]{0,6}?(?:纪委监委|纪委|监委|纪检监察组|"
            r"纪检监察机关|司法机关|公安机关|检察院|法院|审计机关|主管部门|有关部门|相关部门)(?:处理|查处|办理|依规处理|依纪依法处理)?",
            # reported to the discipline body or the courts to deal with ("已报县纪委处理", "已上报县纪委监委查处"):
            # handed on as 移送 is — not a report for a decision to come ("已报送县纪委", "已报上级主管部门")
            r"(?:已经?|均已)(?:上报|报送|呈报|报请|报)(?:至|到|给)?[\u4e00-\u9fff]{0,6}?(?:纪委监委|纪委|监委|纪工委|纪检监察组|"
            r"纪检监察机关|司法机关|公安机关|公安局|公安|检察院|法院)(?:依规依纪|依纪依法|依法依规|依纪|依法|依规)?"
            r"(?:处理|查处|处置|立案(?:审查|调查)?|审查调查)",
            # a filing lodged with the body that keeps it ("已报国资委备案", "已报县财政局备案审查"): the
            # filing is the work
            r"(?:已经?|均已)(?:报|上报|报送|呈报|报至|送)[\u4e00-\u9fff]{1,10}?备案(?:审查)?",
            # at once, and said done: "已立行立改", "均已即知即改"
            r"(?:已经?|均已)(?:立行立改|即知即改|立知立改|立查立改|即查即改|边巡边改|边察边改|马上就改|当即整改|当场整改|现场整改)",
        ),
    ),
    # percentages (完成100%, 完成约85%, 80%) ---------------------------------------------------
    (
        "percent",
        (
            _PCT_LEAD + r"(?:已经?)?(?:约|大约|已约)?"
            r"(?:整改完成率|整改率|完成|达到|进度|完成率|完成进度|整改进度|进展|"
            r"完成(?:整改)?(?:总|全部|整体|总体)?(?:任务|工作|计划|目标|工程|投资|整改|进度)(?:总)?(?:量)?的)?"
            r"(?:约|近|超过|达|为|已达|达到|了)?" + _PCT + _PCT_TAIL,
            _PCT_LEAD + r"(?:(?:已经?)?(?:约|大约|已约)?"
            r"(?:整改完成率|整改率|完成|达到|进度|完成率|完成进度|整改进度|进展)"
            # "已过半", "已近半": the share said with 已 alone (not an action 过半 done)
            r"(?:约|近|超过|达|为|已达|达到|了)?|已经?)?" + _PCT_WORDS + _PCT_TAIL,
        ),
    ),
)
#: words without which a kind of atom cannot match: a clause lacking them skips its patterns
_ATOM_NEEDS: dict[str, tuple[str, ...]] = {
    "awaiting": ("验收", "销号", "销项", "复核", "复查", "复验", "审计", "核实", "核查", "审核", "审查", "审定",
                 "审批", "批复", "核验", "评估", "认定", "确认"),
    "accepted": ("验收", "复核", "复查", "复验"),
    "closed": ("销",),
    "achieved": ("成效", "成果", "效果"),
    "percent": ("%", "成", "百分之", "半", "分之"),
    "kept": ("日常", "常规", "常态", "每", "按月", "按季", "按年", "定期", "逐月", "逐季", "常年", "问效",
             "坚持", "常抓", "抓常", "常管"),
    "mostly": ("基本", "大部", "大多", "多数", "绝大", "大体", "初步", "主体", "主要", "阶段", "大半",
               "年度", "年目标", "年任务", "期"),
}
#: the atoms, in priority order; the kinds a clause needs words for are compiled the first time a
#: clause has them (most cells say 已完成 or 正在推进: their patterns are start-up paid for nothing)
_ATOMS: tuple[tuple[str, re.Pattern[str] | LazyPattern], ...] = tuple(
    (kind, LazyPattern(alt) if kind in _ATOM_NEEDS else re.compile(alt)) for kind, alts in _ATOM_SPEC for alt in alts
)


@lru_cache(maxsize=64)
def _atoms_for(present: frozenset[str]) -> tuple[tuple[str, re.Pattern[str] | LazyPattern], ...]:
    return tuple((kind, pattern) for kind, pattern in _ATOMS if kind not in _ATOM_NEEDS or kind in present)


_ANY_NEED = re.compile("|".join(n for needs in _ATOM_NEEDS.values() for n in needs))
_COMMON_ATOMS = _atoms_for(frozenset())


def _atoms_in(s: str) -> tuple[tuple[str, re.Pattern[str] | LazyPattern], ...]:
    """The atom patterns that can match somewhere in the folded clause ``s``."""
    if _ANY_NEED.search(s) is None:
        return _COMMON_ATOMS
    return _atoms_for(frozenset(k for k, needs in _ATOM_NEEDS.items() if any(n in s for n in needs)))
#: what is left of the work, before its status ("剩余3万元正在追缴", "其余2户正在协调", "余款正在追缴")
_REMAINDER_WORDS = (r"(?:剩余|其余|余下|尚余|还剩|剩下)(?:部分)?(?:的)?"
                    r"(?:\d+(?:\.\d+)?(?:万|亿)?(?:元|户|人|个|项|家|笔|件|处|宗|条))?"
                    r"(?:资金|款项|费用|问题|任务|工作|部分)?|余款")
_REMAINDER = LazyPattern(_REMAINDER_WORDS)
#: a day written as eight figures, as a system exports it ("20261020")
_DIGITS_DAY = r"(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
_SUBJECT = re.compile(
    rf"(?:{_SUBJ})+|(?:截至|截止|截止到|截至到)?(?:\d{{2,4}}年)?\d{{1,2}}月份?(?:\d{{1,2}}[日号])?(?:底|初|中旬|上旬|下旬|前)?(?=已)|\d{{2,4}}年(?:底|初|前)?(?=已)"
    r"|\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?\s*(?=已)"  # "2024.3.20已完成"
    rf"|{_DIGITS_DAY}\s*(?=已)"  # "20240320已完成"
    r"|(?<!\d)\d{1,2}[./]\d{1,2}\s*(?=已)"  # "9.15已完成", "9/15已整改"
    # the month or week it was done in, as a monthly report says it ("上月已完成", "本月完成", "上周已整改到位")
    r"|(?:上个?|本|当|这个?)(?:月|周|星期|学期)(?:中旬|上旬|下旬|初|底|末)?(?:份)?(?!前|内)"
    # the cause of a pause or delay ("因客观原因暂停推进", "受疫情影响延期")
    r"|(?:因|由于|受)(?:客观|主观|特殊|疫情|资金|政策|天气|季节|其他|种种|多种)?(?:原因|因素|影响)"
    # a cause named by what is wanting ("因资金问题暂缓", "受资金限制延期", "因用地指标不足暂停")
    r"|(?:因|由于|受)[\u4e00-\u9fff]{1,6}?(?:问题|限制|制约|不足|短缺|紧张|未到位|未落实)"
    # what is left of it ("剩余3万元正在追缴", "其余2户正在协调", "余款正在追缴"), before a status
    r"|" + _REMAINDER_WORDS
)
#: words that join two status phrases in one clause (已完成并长期坚持, 已完成但未验收)
_CONN = re.compile(r"(?:并且|并已|并|且|同时|及|和|与|但|但是|后|再|也|现已|目前)")

_MAIN_KINDS = {
    "done": Status.DONE,
    "mostly": Status.MOSTLY_DONE,
    "progress": Status.IN_PROGRESS,
    "not_started": Status.NOT_STARTED,
}
_STAGE_KINDS = {"awaiting": Stage.AWAITING, "accepted": Stage.ACCEPTED, "closed": Stage.CLOSED}

# Negations, found anywhere in a clause; 不 not in 不懈/不断/不折不扣 …, 未 not in 未来.
_NEG = re.compile(
    r"尚未|暂未|还未|仍未|并未|均未|都未|未能|还没有|还没|尚没有|没有|没|无法|难以|不能够|不能|未(?!来|雨)|"
    r"不(?!懈|断|停|折不扣|留死角|打折扣)"
)
#: after a negation: "not applicable", not a status (不涉及, 不存在该问题, 无需 …)
_NEG_NA = re.compile(r"涉及|存在|适用|需|用|必|属于|属|是|发现|再|包括|具备")
#: after 不: the conditions for the work are not there yet (暂不具备整改条件, 目前不具备实施条件): the
#: measure waits for them (funds, land, a decision above) and goes on, as 需上级协调 does
_NEG_CONDITIONS = re.compile(r"具备(?:整改|实施|施工|建设|解决|办理|推进)?(?:的)?条件")
#: the other order: the conditions, then 不 (条件不成熟, 整改条件暂不具备)
_CONDITIONS_BEFORE = re.compile(r"(?:目前|当前|现阶段)?(?:整改|实施|施工|建设|客观)?条件(?:暂|尚|还|仍|目前)?")
#: after a negation: the work has not started (未启动, 尚未开始整改, 未整改)
_NEG_START = re.compile(
    rf"(?:有|正式|全面|真正)?{_V_START}(?:整改|实施|工作|推进)?[\u4e00-\u9fff]{{0,6}}$|(?:进行)?整改(?:工作)?$"
    # not yet handled (未办, 未办理, 暂未办理), as 待办理 is: not begun
    r"|(?:开始)?办理?$"
)
#: after a negation: the first step of any work not taken — its plan not drawn up, the matter not
#: yet studied (尚未制定方案, 暂未研究部署, 还未谋划): nothing has started
_NEG_FIRST_STEP = re.compile(
    r"(?:(?:研究)?(?:制定|拟定|编制|起草|谋划)(?:具体|相关|专门)?(?:的)?(?:整改|实施|工作|专项)?(?:方案|计划)"
    r"|研究(?:部署|谋划|制定|讨论)?|谋划|筹划|研究(?:整改|解决)?(?:措施|办法|方案))$")
#: the plan itself the subject of the negation (方案尚未制定, 整改计划还未拟定): its first step not taken
_PLAN_SUBJECT = re.compile(r"(?:具体|相关)?(?:整改|实施|工作|专项)?(?:方案|计划)")
_PLAN_NOT_MADE = re.compile(r"(?:研究)?(?:制定|拟定|编制|起草|出台)$")
#: after a negation: closure not reached (尚未验收, 未销号) — awaiting, not failed
#: after 不: closure refused by whoever checks it (不予销号, 不同意销号, 不予验收)
_REFUSED_CLOSURE = re.compile(r"(?:予|同意|准予|批准|予以)(?:其)?(?:销号|销项|销账|销案|验收(?:通过)?)")
_NEG_CLOSURE = re.compile(r"(?:进行|组织|申请|办理)?(?:验收|销号|销项)$")
#: after a negation: what is not (yet) achieved (未完成整改任务, 未完全整改到位, 验收未通过 …)
_NEG_DONE = LazyPattern(
    r"(?:有|能|按期|按时|如期|全部|完全|全面|彻底|及时|真正|如数|足额|按要求|按计划)*"
    r"(?:完成|到位|彻底|办结|完结|达到|达标|落实|解决|合格|通过|验收|销号|整改|结束|闭环|见效|完工|"
    r"竣工|清零|见底|清仓|纠正|处理|改正|实现|办理|落地|收回|追回|退还|到账|拨付|兑现|见到成效|取得成效|到期|"
    r"到(?:整改|完成)?(?:期限|时限|节点)|"
    r"见(?:明显|显著)?成效|(?:形成|实现)闭环|完"
    r"|达(?=序时|预期|要求|标准|目标|进度))"
    r"(?:整改(?:任务|工作|要求|目标)?|到位|彻底|完成|完毕|任务|工作|要求|目标|标准|销号|验收|预期)?"
    r"[\u4e00-\u9fff]{0,4}$"
)
#: after a negation: a verb that is done with 已 (:data:`_V_RES`) not yet done — 未建立, 尚未出台办法,
#: 未召开, 尚未成立: the work is not finished, as 未落实 says
_NEG_RESULT = LazyPattern(rf"(?:{_DONE_ADV})?(?:{_V_RES})[\u4e00-\u9fff]{{0,4}}$")
#: after 不: a verdict on the work (不到位, 不彻底, 不够彻底, 不明显, 不合格 …)
_NOT_VERDICT = re.compile(
    r"(?:够|太|很|十分|完全|尽)?(?:到位|彻底|明显|合格|达标|理想|够|力|佳|好|及时|规范|完善|全面|完全|"
    r"扎实|深入|严格|有效|见效|通过|落实|充分|高|符合|满足|落地|完整|显著)$"
)
#: a time limit named before a negation ("整改期限未到", "时限尚未到期", "完成时间未到")
_TIME_LIMIT = re.compile(r"(?:整改|完成|办结|规定|要求)?(?:期限|时限|时间|日期|节点|期)")
#: a problem as the inspectors worded it, not a status ("档案管理不规范问题")
_PROBLEM = re.compile(r"(?:问题|现象|情况|行为|短板|差距)$")
#: what may stand before a negation in a status clause (整改未到位, 验收未通过, 逾期未完成)
_NEG_BEFORE = re.compile(
    rf"(?:{_SUBJ}|[\u4e00-\u9fff]{{1,4}}|(?:仅|只)?[尚仍还有余剩]+\d{{1,3}}[项个条件处户家笔名人所座台])?")
#: an explicit word of completion, needed when a status is read from the end of a sentence
_DONE_MARK = LazyPattern(r"已|完成|完毕|到位|办结|完结|合格|通过|清零|闭环"
                         # the acceptor's decision to close it ("经核查，整改到位，同意销号")
                         r"|(?:同意|准予|予以|批准|准许|核准)(?:其)?(?:销号|销项|销账|销案)")
#: a check named, a comma, then the decision to close ("经县纪委监委审查，准予销号", "经审核，予以销号"):
#: one closure, read as "经巡察办审核同意销号" is
_CHECKED_COMMA = LazyPattern(
    rf"(经过?{_ACCEPTOR}(?:审核|审查|审批|审定|研究|核查|核实|验收|复核|复查)(?:合格|通过)?(?:后)?)\s*[，,]\s*"
    r"(?=(?:同意|准予|予以|批准|准许|核准)(?:其)?(?:销号|销项|销账|销案))")
#: a question, not an answer (已完成？ 是否完成)
_DOUBT = re.compile(r"\?|是否|吗$|么$")

#: what a later clause needs before it can be a failed check (raw text, traditional included)
_FAILED_HINT = re.compile(r"[未不没沒]|重新|再次|二次|退回|驳回|返工|打回|反弹|反彈|回潮|发现|發現")
_CHECK = r"(?:验收|复查|复核|复验|核查|核验|检查|审核|评估|考核|抽查|督查|回头看|评审|验证)"
#: an auditor's negative verdict on the work, in a clause after a done word: a failed check
#: (验收未通过, 未通过县巡察办验收, 验收不合格), work sent back (重新整改, 退回整改), a relapse (发现反弹)
_FAILED_CHECK = LazyPattern(
    rf"{_CHECK}(?:结果)?(?:为|是)?(?:仍|仍然|均|都)?(?:未能|未|没有|没|不予|不)(?:通过|合格|达标|过关|认可)"
    rf"|(?:未能|未|没有|没)(?:通过|达到){_WHO}{_CHECK}"
    # closure refused by whoever checks it ("整改到位，不予销号", "经审核，不同意销号")
    r"|^(?:经[^，,；;。]{0,12}?)?(?:不予|不同意|未同意|不准予|不予以)(?:其)?(?:销号|销项|销账|验收(?:通过)?)$"
    r"|^(?:但是?|然而|却|结果|结论)?(?:为|是)?(?:不合格|不达标|不通过)$"
    r"|(?:重新|再次|二次)(?:进行)?整改|退回(?:重新)?(?:整改|重改|重做|修改)|返工|打回(?:重新)?(?:整改|重改)?"
    # the report sent back by whoever reviews it (an OA system's 被退回, 已驳回)
    r"|^(?:已|已经)?被?(?:退回|驳回|打回)$"
    r"|(?:出现|发现|存在)了?(?:问题)?(?:反弹|回潮|反复)"
    # the check found the work wanting ("验收时发现问题", "复查中发现新问题"; a check of the work,
    # not one the measure is: "已完成，检查发现问题" may be what it found)
    r"|(?:验收|复查|复核|复验)(?:时|中|过程中|后)?(?:又|仍)?发现了?(?:新的?|一些|部分|个别)?(?:问题|不足|短板|漏洞)$"
)
#: the work found not in place (仍未到位, 整改不到位): overrides a done word, not 基本完成 (whose
#: "尚未全部完成" is what mostly done means)
_NOT_IN_PLACE = LazyPattern(
    r"(?:仍|仍然|依然|还|尚|仍旧)(?:未能|未|没有|没|不)(?:完全|彻底|全部)?(?:整改|落实|改正|纠正)?"
    r"(?:到位|彻底|完成|解决|改正|纠正|达标)"
    r"|(?:整改|落实|改正|纠正|处理|问题)(?:仍|仍然|依然|还)?(?:不到位|不彻底|不够彻底|不够到位|未到位|未整改到位|"
    r"不力|不扎实|未完成)"
)
#: before a verdict in its clause: a subject or a check, not something done to others
#: ("对整改不到位的2名干部问责"), a negation ("未发现反弹") or "not yet" ("尚未通过验收": awaiting)
_FAILED_NOT_LEAD = LazyPattern(
    r"对|针对|关于|将|把|督促|指导|帮助|防止|避免|杜绝|是否|的|(?:未|无|没有?|不|尚|暂|还)$"
)
#: after a verdict in its clause: it names a thing, counts others or comes before a later step
#: ("验收不合格的项目", "检查不合格单位3家已整改", "重新整改后验收合格", "重新整改完毕")
_FAILED_NOT_TAIL = LazyPattern(r"的|后|了|问题|情况|现象|\d|已|完毕|完成|到位|办结")

# -- splitting a cell into clauses ------------------------------------------------------------

_OPEN = "(（【[〔［「『"
_CLOSE = ")）】]〕］」』"
_SEP_PUNCT = (r"[。，、；：,;:！!…／\n|｜+＋&＆]+|(?<!\d)/+|/+(?!\d)|(?<!\d)[.．]|[.．](?!\d)|[—–―]+|(?<!\d)-|-(?!\d)"
              r"|[~～]+")
_SEP = re.compile(_SEP_PUNCT)
_SEP_WS = re.compile(_SEP_PUNCT + r"|\s+")
_EDGE = "√✓✔☑■□●○◎▲△★☆※·•*#-—_~\"'“”‘’「」『』〈〉<>"
_TRAIL = ".,;:!、。;:!…"
_WS = re.compile(r"\s+")
#: 己 / 巳 typed for 已 before a word of work done ("己完成", "巳整改到位"), not in 自己, 知己 …
_LOOKALIKE = LazyPattern(
    r"(?<![自知利异克一舍为地])[己巳](?=经|完|整|办|落|销|验|基|全|按|如|于|在|通|部|启|开|解|纠|处|报|申|提|"
    r"取|建|阶|达|清|追|收|退|上|修|制|印|出|大|初|彻|逐|均|纳|列|结|到|延|转)"
)

#: 末 typed for 未 before a word of work ("末完成", "尚末启动"), not in 月末, 年末, 期末 …: the
#: mirror of 己 for 已, read only where 未 makes the status and 末 makes no word
_NOT_LOOKALIKE = LazyPattern(
    r"(?:^|(?<=[尚暂还仍均都并]))末(?=完成|启动|开始|开展|整改|落实|到位|办结|解决|着手|实施|销号|验收|通过)"
)

#: 戍 typed for 成 after 完 ("已完戍"), 政 for 改 after 整 ("已整政", "整政到位"): slips no word
#: makes (not 调整政策, 完整政务 …: 整政 is read only before a word that ends a status)
_SLIP = LazyPattern(r"完戍|(?<![调完规修平统])整政(?=$|到位|完成|完毕|中|落实|销号|[\s，,。；;（(])")


def _slip(m: re.Match[str]) -> str:
    return "完成" if m.group() == "完戍" else "整改"


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    bracketed: bool


def _tokens(text: str, sep: re.Pattern[str]) -> list[_Token]:
    """Clauses of ``text`` (positions in ``text``), split at ``sep`` and at bracket groups (the
    outermost group is one clause; an unmatched bracket is a separator)."""
    closing: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            j = stack.pop()
            if not stack:
                closing[j] = i
    out: list[_Token] = []
    start = i = 0
    n = len(text)

    def flush(end: int) -> None:
        if start < end and text[start:end].strip():
            out.append(_Token(start, end, text[start:end], False))

    while i < n:
        ch = text[i]
        if ch in _OPEN or ch in _CLOSE:
            flush(i)
            close = closing.get(i)
            if close is not None:
                if text[i + 1 : close].strip():
                    out.append(_Token(i, close + 1, text[i + 1 : close], True))
                i = start = close + 1
            else:
                i = start = i + 1
            continue
        m = sep.match(text, i)
        if m is not None and m.end() > i:
            flush(i)
            i = start = m.end()
            continue
        i += 1
    flush(n)
    return out


def _fold(text: str) -> str:
    """A clause as the rules read it: NFKC, simplified characters, no whitespace, lower case,
    no decorative marks or trailing punctuation at either end."""
    s = to_simplified(unicodedata.normalize("NFKC", text))
    if "己" in s or "巳" in s:
        s = _LOOKALIKE.sub("已", s)
    if "末" in s:
        s = _NOT_LOOKALIKE.sub("未", s)
    if "戍" in s or "整政" in s:
        s = _SLIP.sub(_slip, s)
    if "部份" in s:
        s = s.replace("部份", "部分")  # the older written form ("部份完成")
    s = _WS.sub("", s).lower()
    return s.strip(_EDGE + _TRAIL + _OPEN + _CLOSE)


# ---------------------------------------------------------------------------
# Reading one clause
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    """What one clause says: a main status word, and the qualifiers it carries."""

    main: Status | None = None
    stage: Stage | None = None
    long_term: bool = False
    achieved: bool = False
    percent: int | None = None
    closure_pending: bool = False  # 尚未验收 / 未销号

    def reading(self) -> StatusReading | None:
        """The clause read on its own."""
        if self.closure_pending and self.main is None and self.stage is None:
            return StatusReading(Status.IN_PROGRESS)
        status = self.main
        if self.stage is Stage.AWAITING and status is Status.MOSTLY_DONE:
            return StatusReading(status, None, self.long_term)  # "基本完成待验收": acceptance is to come
        if self.stage is not None:
            if status not in (None, Status.DONE):
                return None  # "基本完成已销号": closure words contradict the status
            status = Status.DONE
        elif self.closure_pending and status is Status.DONE:
            return StatusReading(Status.DONE, Stage.AWAITING, self.long_term)
        if status is None and self.achieved:
            status = Status.MOSTLY_DONE
        if self.percent is not None and status in (None, Status.DONE, Status.MOSTLY_DONE):
            status = _by_percent(self.percent)
        if status is None:
            return StatusReading(Status.LONG_TERM) if self.long_term else None
        stage = self.stage if status is Status.DONE else None
        return StatusReading(status, stage, self.long_term and status is not Status.LONG_TERM)


def _by_percent(p: int) -> Status:
    """完成100% → 已完成; 70–99% → 基本完成; 1–69% → 正在推进; 0% → 未启动."""
    if p >= 100:
        return Status.DONE
    if p == 0:
        return Status.NOT_STARTED
    return Status.MOSTLY_DONE if p >= 70 else Status.IN_PROGRESS


_TENTHS = {c: 10 * (i + 1) for i, c in enumerate("一二三四五六七八九十")}
#: a half in words: 大半 is more than half done, the others about half (过半, 近半: not mostly done)
_HALVES = {"大半": 70}


def _pct_value(m: re.Match[str]) -> int:
    """The percentage a percent atom states (80%, 八成, 百分之八十, 过半)."""
    groups = m.groupdict()
    if (pct := groups.get("pct")) is not None:
        return int(float(pct))
    if (tenths := groups.get("tenths")) is not None:
        return _TENTHS.get(tenths) or 10 * int(tenths)
    if (cn := groups.get("cn_pct")) is not None:
        return min(int(cn) if cn.isdigit() else parse_chinese_number(cn) or 0, 100)
    num, den = groups.get("num"), groups.get("den")
    if num is not None and den is not None:  # 三分之二: a fraction done
        n, d = (int(x) if x.isdigit() else parse_chinese_number(x) or 0 for x in (num, den))
        return min(100 * n // d, 100) if d else 0
    return _HALVES.get(groups.get("half") or "", 50)


def _max_stage(a: Stage | None, b: Stage | None) -> Stage | None:
    if a is None or b is None:
        return a or b
    return a if _STAGE_ORDER[a] >= _STAGE_ORDER[b] else b


def _scan(s: str) -> _Clause | None:
    """Read a clause made entirely of status atoms; None when anything else is left over."""
    atoms: list[_Atom] = []
    p = 0
    if (m := _CONN.match(s)) is not None:
        p = m.end()
    n = len(s)
    first = True
    atoms_here = _atoms_in(s)
    while p < n:
        best: _Atom | None = None
        for kind, pattern in atoms_here:
            m = pattern.match(s, p)
            if m is not None and m.end() > p and (best is None or m.end() > best.end):
                value = 0
                if kind == "percent":
                    value = _pct_value(m)
                best = _Atom(kind, m.end(), value)
        if first and (m := _SUBJECT.match(s, p)) is not None and (best is None or m.end() > best.end):
            best = _Atom("subject", m.end())
        first = False
        if best is None:
            return None
        atoms.append(best)
        p = best.end
        if (m := _CONN.match(s, p)) is not None and m.end() < n:
            p = m.end()
    return _combine(atoms)


def _combine(atoms: list[_Atom]) -> _Clause | None:
    mains = {_MAIN_KINDS[a.kind] for a in atoms if a.kind in _MAIN_KINDS}
    if len(mains) > 1:
        return None  # "已完成正在推进": contradicts itself
    stage: Stage | None = None
    for a in atoms:
        if a.kind in _STAGE_KINDS:
            stage = _max_stage(stage, _STAGE_KINDS[a.kind])
    percents = [a.value for a in atoms if a.kind == "percent"]
    clause = _Clause(
        main=next(iter(mains)) if mains else None,
        stage=stage,
        long_term=any(a.kind in ("long_term", "kept") for a in atoms),
        achieved=any(a.kind == "achieved" for a in atoms),
        percent=percents[-1] if percents else None,
    )
    if clause == _Clause():
        return None  # only a subject ("该问题")
    return clause


@lru_cache(maxsize=8192)
def _clause(s: str) -> _Clause | None:
    """Read one folded clause by the ordered rules (module docstring, step 1)."""
    if not s or _DOUBT.search(s):
        return None
    neg = _NEG.search(s)
    if neg is not None:
        return _negated(s, neg)
    return _scan(s)


def _negated(s: str, neg: re.Match[str]) -> _Clause | None:
    before, after, word = s[: neg.start()], s[neg.end() :], neg.group()
    if word == "不" and ((_NEG_CONDITIONS.fullmatch(after) and _NEG_BEFORE.fullmatch(before)) or (
            _CONDITIONS_BEFORE.fullmatch(before) and after in ("成熟", "具备", "允许", "满足", "充分"))):
        return _Clause(Status.IN_PROGRESS)  # 暂不具备整改条件: waiting for them, the work goes on
    if word in ("未", "尚未", "还未", "仍未", "暂未", "没有", "没") and after in ("到", "到期", "届满") \
            and _TIME_LIMIT.fullmatch(before):
        return _Clause(Status.IN_PROGRESS)  # 整改期限未到, 时限未到: not yet due, as 未到时限 is
    if _NEG_NA.match(after) or _PROBLEM.search(after):
        return None  # 不涉及, 经核查不存在该问题, 无需整改
    if word == "不" and _REFUSED_CLOSURE.fullmatch(after) and _NEG_BEFORE.fullmatch(before):
        return _Clause(Status.IN_PROGRESS)  # 不予销号, 不同意销号: the check refused it — to be put right
    if _NEG_CLOSURE.match(after):  # 尚未验收 / 未销号: finished work awaiting closure, if any
        done = _scan(before) if before else None
        if done is not None and done.main is Status.DONE and done.stage is None:
            return replace(done, closure_pending=True)
        return _Clause(closure_pending=True) if _NEG_BEFORE.fullmatch(before) else None
    if not _NEG_BEFORE.fullmatch(before):
        return None  # a negation inside a sentence ("针对…落实不到位问题"): no status word
    if word.startswith("不") and not word.startswith("不能"):  # (不能完成 is 无法完成)
        return _Clause(Status.IN_PROGRESS) if _NOT_VERDICT.match(after) else None
    if word not in ("不", "不能", "不能够", "无法", "难以", "未能") and (
            (_NEG_FIRST_STEP.match(after) and not any(c.isdigit() for c in before))
            or (_PLAN_SUBJECT.fullmatch(before) and _PLAN_NOT_MADE.match(after))):
        return _Clause(Status.NOT_STARTED)  # 尚未制定方案, 方案尚未制定: not even the first step
    if _NEG_START.match(after):
        # "尚有2项未整改": a count of what is left, so the rest is done — going on, not unstarted
        return _Clause(Status.IN_PROGRESS if any(c.isdigit() for c in before) else Status.NOT_STARTED)
    if _NEG_DONE.match(after) or _NEG_RESULT.match(after):
        return _Clause(Status.IN_PROGRESS)
    return None


# ---------------------------------------------------------------------------
# Reading a cell
# ---------------------------------------------------------------------------


def _absorb(head: StatusReading, c: _Clause, bracketed: bool) -> StatusReading | None:
    """``head`` with a following clause ``c`` folded in, or None when ``c`` does not qualify it
    (it starts the narrative)."""
    status, stage, continuing = head.status, head.stage, head.continuing
    if c.main is not None:
        if not bracketed:
            return None
        if status is Status.LONG_TERM and c.main in (Status.DONE, Status.MOSTLY_DONE, Status.IN_PROGRESS):
            status, continuing = c.main, True  # "长期坚持（已完成）"
        elif status is Status.DONE and c.main is Status.MOSTLY_DONE:
            status, stage = Status.MOSTLY_DONE, None  # "已完成（阶段性）": a stage of it done
        elif c.main is not status:
            return None
    if c.stage is not None or c.closure_pending:
        if status is not Status.DONE:
            return None
        stage = _max_stage(stage, c.stage or Stage.AWAITING)
    if c.long_term:
        if status is Status.NOT_STARTED:
            return None
        continuing = continuing or status is not Status.LONG_TERM
    if c.achieved and status is not Status.MOSTLY_DONE:
        return None
    if c.percent is not None:
        if status in (Status.DONE, Status.MOSTLY_DONE) or (status is Status.LONG_TERM and c.main is None) or (
                status is Status.IN_PROGRESS and bracketed and c.main is None):
            # "整改中（已完成80%）" reads as "已完成80%" does: the share in brackets says how far it got
            # "持续推进中（已完成70%）": a share done says the work has an end, and how near it is
            continuing = continuing or status is Status.LONG_TERM
            status = _by_percent(c.percent)
            if status is not Status.DONE:
                stage = None
        elif not bracketed:
            return None
    return StatusReading(status, stage, continuing)


def _rest(text: str, tokens: list[_Token], i: int) -> str:
    """The narrative from token ``i`` on; a remark that is one bracket group loses its brackets
    ("整改完成（附佐证材料）" → "附佐证材料")."""
    if i >= len(tokens):
        return ""
    tok = tokens[i]
    if tok.bracketed and i == len(tokens) - 1 and tok.end >= len(text.rstrip()):
        return tok.text.strip()
    return text[tok.start :].strip()


def _failed_check(tokens: list[_Token], done: bool) -> bool:
    """Do the clauses after a done word (``done``; else 基本完成) end on an auditor's negative
    verdict on the work ("已完成，验收未通过，重新整改中")? A later done or accepted clause
    ("…，重新整改后已验收合格") clears an earlier verdict: the last one counts."""
    patterns = (_FAILED_CHECK, _NOT_IN_PLACE) if done else (_FAILED_CHECK,)
    failed = False
    for tok in tokens:
        if not _FAILED_HINT.search(tok.text):
            if failed and _clears_failure(_fold(tok.text)):
                failed = False
            continue
        s = _fold(tok.text)
        if any(
            not _FAILED_NOT_LEAD.search(s, 0, m.start()) and not _FAILED_NOT_TAIL.search(s, m.end())
            for pattern in patterns
            for m in pattern.finditer(s)
        ):
            failed = True
        elif failed and _clears_failure(s):
            failed = False
    return failed


def _clears_failure(s: str) -> bool:
    """Is the folded clause a done or accepted statement ("现已全部完成", "重新整改后已验收合格")?"""
    c = _clause(s)
    if c is None and "后" in s:
        c = _clause(s[s.rindex("后") + 1 :])
    return c is not None and (c.main is Status.DONE or c.stage in (Stage.ACCEPTED, Stage.CLOSED))


#: keeping up finished work ("正在巩固", "巩固提升中", "持续巩固整改成果"), in brackets after a done word
_CONSOLIDATING = LazyPattern(
    r"(?:目前|现)?(?:正在|正|仍在|持续|继续|长期)?(?:巩固|巩固提升|巩固提高|巩固深化|巩固拓展)(?:整改)?(?:成果|成效)?中?$")


#: a note in brackets after a done word saying when it was done against its deadline ("已完成（立行立改）",
#: "已办结（超期）", "已完成（按期）")
_TIMING_NOTE = LazyPattern(r"(?:已经?)?(?:立行立改|即知即改|立知立改|边巡边改|即查即改|按期|如期|按时|提前|超期|逾期"
                           r"|延期)(?:完成|办结|整改|整改到位)?")


def timing_note(text: str) -> bool:
    """``text`` only says when finished work was done against its deadline ("超期", "立行立改",
    "按期完成"): a note to a done word, no account of the work."""
    return _TIMING_NOTE.fullmatch(_fold(text).strip("。.；;，, ")) is not None


#: a review to come said on its own after the done word ("已完成，待审核", "已完成（待审核）")
_REVIEW_ALONE = LazyPattern(_REVIEW_WAIT)


#: a clause opening with a step of the work done ("已完成摸排", "已完成设计", "第一阶段已完成"), read
#: as going on or mostly done
_STEP_DONE = LazyPattern(r"(?:已经?)完成了?|第[一1]阶段")


def _from_head(text: str, tokens: list[_Token]) -> StatusReading | None:
    """The status from the first clause and the qualifiers after it; None if the first clause
    is not a status clause."""
    if not tokens:
        return None
    c = _clause(_fold(tokens[0].text))
    if c is None:
        return None
    head = c.reading()
    if head is None or head.status is None:
        return _NOTHING
    if head.status in (Status.IN_PROGRESS, Status.MOSTLY_DONE) and c.percent is None and len(tokens) > 1 and (
            _STEP_DONE.match(_fold(tokens[0].text))) and (
            (last := _from_tail(text, tokens)) is not None and last.status is Status.DONE):
        return last  # "已完成摸排，…，已全部整改到位", "已完成设计，工程已完工": a step, then the whole work done
    if (
        head.status in (Status.DONE, Status.MOSTLY_DONE)
        and len(tokens) > 1
        and _FAILED_HINT.search(text, tokens[1].start)
        and _failed_check(tokens[1:], head.status is Status.DONE)
    ):
        # "已完成，验收未通过": the check overrides the clerk's done word
        return StatusReading(Status.IN_PROGRESS, rest=_rest(text, tokens, 1))
    i = 1
    dated: int | None = None
    dated_head = head
    while i < len(tokens):
        tok = tokens[i]
        if tok.bracketed and head.status is Status.DONE and dated is None and i + 1 < len(tokens) and (
                _BRACKETED_DAY.fullmatch(_fold(tok.text))):
            # "已完成（2026年3月前）（长期坚持）": the day it was finished, then what qualifies the status
            dated, dated_head = i, head
            i += 1
            continue
        if tok.bracketed and (note := _HISTORY_NOTE.match(folded := _fold(tok.text))) is not None and (
                (was := _clause(folded[note.end():])) is not None and was.main is not None):
            i += 1  # "已完成（原为正在推进）": what it was before is no narrative (not "（原因：…）")
            continue
        if head.status in (Status.DONE, Status.MOSTLY_DONE) and _TIMING_NOTE.fullmatch(_fold(tok.text).rstrip("。.")):
            i += 1  # "已完成（立行立改）", "已完成，超期": when it was done, no account of the work
            continue
        if tok.bracketed and head.status is Status.DONE and _CONSOLIDATING.match(_fold(tok.text)):
            head = replace(head, continuing=True)  # "完成（正在巩固）": done, and its results kept up
            i += 1
            continue
        if head.status is Status.DONE and _REVIEW_ALONE.fullmatch(_fold(tok.text)):
            head = replace(head, stage=_max_stage(head.stage, Stage.AWAITING))  # "已完成，待审核"
            i += 1
            continue
        c = _clause(folded := _fold(tok.text))
        if c is None:
            break
        if tok.bracketed and head.status is Status.IN_PROGRESS and c.main is Status.IN_PROGRESS and (
                c.percent is None and _WHEN_DUE.search(folded)):
            break  # "正在推进（预计12月底完成）": when it is to be done, the progress — no second status word
        if not tok.bracketed and head.status is Status.IN_PROGRESS and c.main is None and (
                c.percent is not None and 0 < c.percent < 100) and (
                c.stage is None and not c.long_term and not c.achieved and not c.closure_pending):
            # "整改中，已完成70%" is as far as "整改中（已完成70%）": the share says how far it got, and
            # stays the account of the work ("正在推进，已完成100%" stays going on: the clerk's word against
            # the share is for status-text-mismatch to point at, not for rectxl to settle as done)
            return replace(head, status=_by_percent(c.percent), rest=_rest(text, tokens, i))
        if i == 1 and head.status is Status.IN_PROGRESS and c.main is Status.NOT_STARTED and c.percent is None \
                and _BARE_NO.fullmatch(_fold(tokens[0].text).strip()):
            # "否（未启动）", "未完成，尚未启动": a yes/no column's no, then which no — not begun
            head = StatusReading(Status.NOT_STARTED)
            i += 1
            continue
        merged = _absorb(head, c, tok.bracketed)
        if merged is None:
            if tok.bracketed and c.main is not None and (
                    c.main is not Status.DONE or status_phrase(tok.text.strip()) is not None):
                return _NOTHING  # "已完成（部分完成）": the cell contradicts itself
            break  # (not "正在推进（已制定方案）": a step done, the progress)
        head = merged
        i += 1
    if dated is not None:
        if i == len(tokens):
            return replace(head, rest=tokens[dated].text.strip())  # the day alone is the rest (finished_day reads it)
        return replace(dated_head, rest=_rest(text, tokens, dated))  # a narrative after the day: from the day on
    reading = replace(head, rest=_rest(text, tokens, i))
    if reading.status is Status.LONG_TERM and _KEPT_GOING.match(_fold(tokens[0].text)) and (
            _PLANNED_END.search(_fold(reading.rest))):
        # "持续推进，预计12月底完成": pressed on with, to be finished by a day — going on, not kept up for good
        return replace(reading, status=Status.IN_PROGRESS)
    return reading


#: work "pressed on with" (持续推进, 持续清理) — long-term by its word, unless a day to finish it follows
_KEPT_GOING = LazyPattern(r"持续")
#: a day the work is planned to be finished by ("预计12月底完成", "计划2026年底前完成", "力争年内办结")
_PLANNED_END = LazyPattern(r"^(?:计划|预计|拟|争取|力争|确保|将)(?:于|在)?[^，,；;。]{0,12}?(?:\d|年|月|季度)"
                           r"[^，,；;。]{0,8}?(?:完成|办结|完工)")


#: a bare "not done" of a yes/no 完成情况 column ("否", "未完成", "尚未办结", "×"), which a clause after
#: it may say more of ("否（未启动）")
_BARE_NO = LazyPattern(r"(?:尚|仍|目前|暂|还)?(?:未|没有)(?:完成|办结|到位|整改到位|整改完成|完成整改)|否|×|✗|✘")
#: a time a plan names ("预计12月底完成", "计划2026年完成", "力争年内完成")
_WHEN_DUE = LazyPattern(r"\d|年底|年末|月底|月末|年内|季度|半年|春节|汛期")
#: a day or month alone in brackets after a done word, maybe "by" it ("（2026年3月）", "（2026年3月前）")
_BRACKETED_DAY = LazyPattern(r"\s*(?:于|在)?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|底|末|份)?"
                             r"|\d{4}\s*[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?)\s*(?:前|之前|以前)?\s*")


def _from_tail(text: str, tokens: list[_Token]) -> StatusReading | None:
    """Narrative first, status last: "召开专题会议2次，已完成" → 已完成, rest = the narrative."""
    if len(tokens) < 2:
        return None
    last = tokens[-1]
    c = _clause(_fold(last.text))
    if c is None:
        return None
    reading = c.reading()
    if reading is None or reading.status is None:
        return None
    if c.main is None and c.stage is None and not c.long_term:
        return None  # "…，取得一定成效" / "…，80%": too weak to stand for the cell
    if reading.status is Status.DONE and not _DONE_MARK.search(_fold(last.text)):
        return None  # "…，挂图作战、对账销号": a method named in a sentence, not a finished state
    if _history(tokens[:-1]):
        return reading  # "9月：正在推进\n10月：已完成", "原：正在推进 现：已完成": the latest counts
    if _REMAINDER.match(_fold(last.text)):
        return reading  # "已追缴12万元，剩余3万元正在追缴": the whole cell tells how far it got
    rest = text[: last.start].strip()
    rest = rest.rstrip("。，、；：,;:！!…/／|｜" + "(（【[〔［「『").strip()
    if reading.status in (Status.DONE, Status.MOSTLY_DONE) and _TIMING_NOTE.fullmatch(_fold(rest)):
        rest = ""  # "立行立改，已完成": when it was done, no account of the work
    return replace(reading, rest=rest)


#: a label of a status in a cell's history: when ("9月", "2026年10月15日", "上月", "本期"), or
#: before and now ("原", "现", "原为", "更新为")
_HISTORY_LABEL = re.compile(
    r"(?:原|现|原为|现为|原状态|现状态|之前|此前|目前|当前|更新为|变更为|改为|上期|本期|上月|本月|上次|本次|"
    r"(?:\d{4}年)?\d{1,2}月(?:份)?(?:\d{1,2}[日号])?|\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?|第\d{1,2}次)(?:状态)?(?:为|是)?"
)
#: a bracketed note of what the status was before ("原为正在推进", "此前为推进中")
_HISTORY_NOTE = LazyPattern(r"(?:原状态|原来|原先|之前|此前|曾经?|上期|上月|上次|原)(?:为|是)?[:：]?")
#: a status changed, written with an arrow ("正在推进→已完成")
_ARROW = re.compile(r"→|⇒|=>|->|➡|⟶|⇨")


def _history(tokens: list[_Token]) -> bool:
    """Are the clauses before a cell's last status a history of earlier statuses — each a label
    of when or before ("9月", "原") or a status and nothing else?"""
    saw_status = False
    for tok in tokens:
        s = _fold(tok.text)
        if not s or _HISTORY_LABEL.fullmatch(s):
            continue
        c = _clause(s)
        if c is None or (c.main is None and c.stage is None and not c.long_term):
            return False
        saw_status = True
    return saw_status


#: a 是否完成 cell holding only a mark: a tick is 是, a cross is 否 (elsewhere a mark is decoration)
#: a bilingual template's English options ("Done", "In progress", "Not started"), lower case
#: without spaces, hyphens or stops
_ENGLISH = {
    **dict.fromkeys(("done", "completed", "complete", "finished", "rectified"), Status.DONE),
    # a 是否完成 column exported by a system as Y / N, read as 是 / 否 are
    **dict.fromkeys(("y", "yes"), Status.DONE), **dict.fromkeys(("n", "no"), Status.IN_PROGRESS),
    **dict.fromkeys(("mostlydone", "mostlycompleted", "basicallycompleted", "substantiallycompleted"),
                    Status.MOSTLY_DONE),
    **dict.fromkeys(("inprogress", "ongoing", "underway", "inprocess"), Status.IN_PROGRESS),
    **dict.fromkeys(("longterm", "continuous", "continuing"), Status.LONG_TERM),
    **dict.fromkeys(("notstarted", "notyetstarted", "notbegun"), Status.NOT_STARTED),
}
_NOT_LETTER = re.compile(r"[^a-z]+")
_MARKS = {**dict.fromkeys("√✓✔☑✅", Status.DONE), **dict.fromkeys("×✗✘☒❌❎", Status.IN_PROGRESS),
          # an Excel TRUE/FALSE in a 是否完成 column, as its cell shows it
          **dict.fromkeys(("TRUE", "True", "true"), Status.DONE),
          **dict.fromkeys(("FALSE", "False", "false"), Status.IN_PROGRESS),
          # a 是否整改 column answered 已 / 未 (已整改 / 未整改完), as 是 / 否 answer it
          "已": Status.DONE, "未": Status.IN_PROGRESS}

#: a share of the work in brackets: (4/5)
_SHARE = LazyPattern(r"[(（]\s*(?P<done>\d{1,4})\s*/\s*(?P<of>\d{1,4})\s*[)）]")
#: what is still to do, counted ("剩余1项", "尚有2个未整改", "其余3处待…安装" — not "其余2个均已
#: 整改", "剩余3户已全部整改到位"), or the rest given a time or still waiting ("其余部分年内完成",
#: "剩余款项待审计后拨付")
_REMAINING = LazyPattern(r"(?:剩余|剩下|[还尚仍]剩|余下)\s*\d{1,4}\s*[项个条件处户家笔]"
                         r"(?![^，,。；;]*(?:均已|全部|都已|已[^，,。；;]{0,6}?(?:完成|到位|完毕|办结|完工|竣工)))"
                         r"|其余\s*\d{1,4}\s*[项个条件处户家笔](?![^，,。；;]*(?:均已|全部|都已|已))"
                         r"|(?:尚有|仍有|还有)\s*\d{1,4}\s*[项个条件处户家笔]"
                         r"|(?:剩余|其余|剩下|余下)(?![^，,。；;]*(?:均已|全部|都已|已))[^，,。；;\d]{0,12}?"
                         r"(?:待|正在|仍在|尚未|仍未|将于|拟于|计划|年内|年底|明年|下一?年)")
#: what _REMAINING needs to find, cheaply
_REMAINING_HINT = re.compile(r"剩|尚有|仍有|还有|余下|其余")
#: a count done and the total, in a short cell ("已完成3项/共4项", "共4项，已完成3项", "已整改2个（共5个）")
_COUNT_DONE = LazyPattern(
    r"(?:已经?|均已)?(?:完成|整改|办结|落实)(?:整改)?了?\s*(?P<done>\d{1,4})\s*(?P<unit>[项个条件处])")
_COUNT_TOTAL = LazyPattern(r"(?:共|总共|共计)\s*(?P<of>\d{1,4})\s*(?P<unit>[项个条件处])")
_COUNT_MAX = 24


def _count_of_total(text: str) -> StatusReading | None:
    """A short cell counting what is done of a total: all of it done, else going on; ``None`` when
    the cell is no such count (or counts things of another kind)."""
    if len(text) > _COUNT_MAX:
        return None
    done, total = _COUNT_DONE.search(text), _COUNT_TOTAL.search(text)
    if done is None or total is None or done["unit"] != total["unit"] or not int(total["of"]):
        return None
    rest = _COUNT_TOTAL.sub("", _COUNT_DONE.sub("", text))
    if re.sub(r"[\s/／,，;；。、()（）:：]", "", rest):
        return None  # more said than the two counts
    return StatusReading(Status.DONE if int(done["done"]) >= int(total["of"]) else Status.IN_PROGRESS)


#: a done word with "part" in brackets after it ("已完成（部分）", "已整改（部分）", "已落实(部分)")
_PARTLY = LazyPattern(r"(?:完成|整改|落实|办结|到位|完毕|处理|解决|^是)\s*[(（]\s*部分\s*[)）]|^部分是$")
_FRACTION = re.compile(r"^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$")
#: a form's tick boxes: "□已完成 ☑正在推进 □未启动" — the option after a ticked box is the status
_BOX = LazyPattern(r"([□☐▢■☑☒✓✔√])\s*([^□☐▢■☑☒✓✔√]*)")
_UNTICKED = frozenset("□☐▢")
_BOX_MARKS = frozenset("□☐▢■☑☒✓✔√")
_BOX_AFTER = LazyPattern(r"([^□☐▢■☑☒✓✔√]+?)\s*([□☐▢■☑☒✓✔√])")
#: a template's hint left in the cell: the options, none chosen ("已完成/正在推进/未启动",
#: "已完成，正在推进，未启动", one a line); such a cell is short
_OPTIONS = re.compile(r"[/／|｜、,，;；\s]+")
_OPTIONS_MAX = 64
_CHOICE = LazyPattern(r"[/／|｜、]")
#: the prompt before a template's options ("请填写：", "（请选择）")
_OPTIONS_PROMPT = re.compile(
    r"^[(（]?(?:请|可|需)?(?:在下列|从下列|从以下|从下拉|下拉)?(?:选择|填写|填报|勾选|选填|选)"
    r"(?:[^:：)）]{0,12}[:：)）]|\s*(?=[已正未基长推整完持尚进]))"
)
#: "已验收未销号", "已完成但未验收": a closure not yet reached, run on without a comma
_CLOSURE_AFTER = LazyPattern(r"(?<=[\u4e00-\u9fff])(?<![尚暂还仍但而])(?:但是?|而)?"
                            r"(?=(?:尚|暂|还|仍)?未(?:组织|进行)?(?:验收|销号|销项))")
#: the mark between two closure steps listed together ("待验收、销号", "申请验收/销号")
_CLOSURE_LIST = LazyPattern(r"(?<=验收)\s*[、/／]\s*(?=销号|销项)")
#: a label typed before the status: "整改进度：100%", "完成情况：已完成"
_STATUS_LABEL = re.compile(r"^(?:整改)?(?:进度|状态|情况|完成情况|完成率|完成进度|完成比例|进展|结果)\s*[:：]\s*")


def fraction_as_percent(text: str) -> str | None:
    """A status cell holding a fraction as the clerk saw it ("0.6" → "60%"); ``None`` otherwise."""
    return percent_text(float(text)) if _FRACTION.match(text) else None


#: a share of the work written as done / all, the whole cell ("3/5", "3/5项", "已完成3/5", "完成2/2")
_SHARE_ALONE = LazyPattern(
    r"(?:已经?)?(?:完成|整改)?了?\s*(?P<done>\d{1,4})\s*[/／]\s*(?P<of>\d{1,4})\s*(?:项|个|条|件)?")


def share_as_percent(text: str) -> str | None:
    """A cell of a 整改进度 column writing the share done as done / all ("3/5" → "60%", "4/4" →
    "100%"); ``None`` for anything else, or a first number above the second (a day, "9/5")."""
    if ("/" not in text and "／" not in text) or (m := _SHARE_ALONE.fullmatch(text.strip())) is None:
        return None
    done, of = int(m["done"]), int(m["of"])
    return f"{round(100 * done / of)}%" if 0 < of and done <= of else None


def _ticked(text: str) -> str | None:
    """The ticked option of a tick-box cell; "" when no box or several boxes are ticked; ``None``
    for a cell with no unticked box and at most one ☑ (no form: "√" alone is a yes)."""
    choices = box_choices(text)
    if choices is None:
        return None
    chosen, _options = choices
    return chosen[0] if len(chosen) == 1 else ""


def box_choices(text: str) -> tuple[list[str], list[str]] | None:
    """A form's tick boxes in one cell ("□已完成 ☑正在推进 □未启动", or "☑已完成 ☑正在推进" ticked
    twice): (the options ticked, every option), in order; ``None`` for text that is no such form
    (no unticked box, and not two ☑)."""
    if not any(c in _UNTICKED for c in text) and text.count("☑") < 2:
        return None
    bare = text.strip()
    if bare[-1] in _BOX_MARKS and bare[0] not in _BOX_MARKS:
        # the box after its option ("已完成√ 正在推进□", "已完成□ 正在推进☑")
        boxes = [(box, option.strip(" ，,;；")) for option, box in _BOX_AFTER.findall(bare)]
    else:
        boxes = [(box, option.strip(" ，,;；")) for box, option in _BOX.findall(text)]
    return [o for box, o in boxes if box not in _UNTICKED], [o for _box, o in boxes]


def _options_only(text: str) -> bool:
    """The cell lists different statuses to choose from and chooses none ("已完成/正在推进/未启动",
    "已完成，正在推进，未启动", "请填写：已完成/正在推进/未启动"): two or more of the bare status
    words and nothing else ("已完成，正在推进下一阶段工作" is a status and its narrative)."""
    if (prompt := _OPTIONS_PROMPT.match(text)) is not None:
        text = text[prompt.end():]
    parts = [p for p in _OPTIONS.split(text) if p]
    if len(parts) < 2:
        return False
    found = set()
    for part in parts:
        status = _MAIN_WORDS.get(_fold(part))
        if status is None:
            return False
        found.add(status)
    found.discard(Status.LONG_TERM)
    if len(found) == 2 and found == {Status.MOSTLY_DONE, Status.IN_PROGRESS} and not _CHOICE.search(text):
        return False  # "基本完成，正在推进": both say the work goes on; a slash offers a choice
    return len(found) >= 2


#: a status run on with 并 into what else was done ("已完成整改并举一反三开展自查")
_JOINED_ACTION = re.compile(r"([^，,。；;：:（(\n并]{2,12})(?=并(?:且|已)?[\u4e00-\u9fff]{2})")
#: a problem checked and found not to be ("经核查不属实", "经核实，不存在该问题", "经查无此问题")
_UNFOUNDED_HINT = re.compile(r"属实|不存在|不成立|无此|查无|未发现")
_UNFOUNDED = LazyPattern(
    r"(?:经(?:过)?(?:核查|核实|调查|查实|查证|复核|复查|调查核实|核查核实|了解|自查|排查|检查|查)(?:后)?[，,、]?)?"
    r"(?:该|此|所|上述|反映的?|所反映的?|该反映|巡察反映的?)?(?:问题|情况|线索|事项)?(?:经(?:核查|核实|查))?[，,]?"
    r"(?:反映)?(?:不属实|失实|(?:该|此|上述)?(?:问题|情况)?不存在(?:该|此|上述)?(?:问题|情况)?|(?:查)?无此(?:问题|情况|事)|"
    r"(?:问题)?不成立|查无实据|"
    # checked, nothing of the kind found ("自查未发现问题", "未发现此类问题")
    r"(?:自查|核查|排查|检查)?(?:均)?未发现(?:此类|该类|类似|同类|相关|上述|该|此)?"
    # "未发现违规问题", "未发现违纪违法情况": the kind of problem named
    r"(?:违规|违纪|违法|违纪违法|违法违纪|违规违纪|违规违法|廉政|作风|腐败)?(?:问题|情况|现象|行为))"
)
#: a check made, then what it found ("已开展自查，未发现问题"): the check names one, and is not
#: one to come ("拟开展自查", "正在排查")
_CHECKED_THEN = LazyPattern(r"(?P<check>(?![^，,；;。]*(?:拟|将|计划|准备|待|正在))[^，,；;。]{0,14}"
                            r"(?:自查|排查|检查|核查|核实|调查|摸排|清查|筛查|抽查)[^，,；;。]{0,6})"
                            r"[，,；;]\s*(?P<found>[^，,；;]{2,14}?)[。.]?")
#: a note naming the work long term in so many words (长期任务, 长期性工作, 常态化开展, 长效推进), not
#: only "持续推进中", which says no more than that the work goes on
_LONG_TERM_NAMED = LazyPattern(r"长期|常态|长效")


#: a mechanism to be set up ("建立长效机制", "健全常态化管理制度"): the measure's aim, not long-term work
_MECHANISM_BUILT = LazyPattern(r"(?:建立|健全|完善|形成|构建|建章立制)[^，,；;。]{0,8}?(?:机制|制度)")


def remark_says_long_term(text: str) -> bool:
    """A 备注 saying the measure is long-term work and nothing else ("此项为长期任务", "持续推进，长期
    坚持", "属长期性工作", "常态化开展"): the office counts the work as kept up, whatever its status
    column says."""
    if not text or len(text) > 20 or not _LONG_TERM_NAMED.search(_MECHANISM_BUILT.sub("", text)):
        return False  # ("建立长效机制": what the measure is to set up, not work kept up)
    reading = read_status(text)
    return reading.status is Status.LONG_TERM and not reading.rest.strip("。.；;，, ")


def unfounded(text: str) -> bool:
    """The account opens saying the problem was checked and found not to be, or the check found
    nothing of the kind ("经核查，反映问题不属实，已向巡察组说明", "开展自查自纠，未发现类似问题。"),
    whatever it goes on to say: closed by that check (read as done, as such a status cell is)."""
    if not _UNFOUNDED_HINT.search(text):
        return False
    ends = [m.end() for m in re.finditer(r"[，,；;。]", text)] + [len(text)]
    for end in ends:
        head = text[:end].rstrip("，,；;。")
        if _UNFOUNDED_HINT.search(head) and read_status(head).status is Status.DONE:
            return _UNFOUNDED.fullmatch(_fold(head)) is not None or (
                (checked := _CHECKED_THEN.fullmatch(head)) is not None
                and _UNFOUNDED.fullmatch(_fold(checked["found"])) is not None)
    return False


#: the longest cell read again as one word when it gives no status
_BROKEN_MAX = 10


#: a measure dropped, not worked on: ended, cancelled, withdrawn, no longer to be done ("已终止",
#: "已取消", "该措施已撤销", "不再整改", "经研究不予整改", "经县委巡察办同意，终止整改"), maybe with its
#: reason after it ("已取消（与第3项合并）"); ``verb`` is the word that may also be the measure's own
#: action ("已取消" beside "取消违规发放的津贴" is that action done)
_DROPPED = LazyPattern(
    r"(?:该项?|此项?|本项?)?(?:整改)?(?:措施|任务|事项)?"
    r"(?:经(?:过)?[\u4e00-\u9fff]{0,12}?(?:研究|审核|审查|审批|批准|同意|决定)(?:后)?[，,]?)?"
    r"(?:(?:已经?|现已|均已|已被|予以|决定|同意)?(?P<verb>终止|取消|撤销|撤回|作废|停止|放弃)"
    r"(?:整改|实施|执行|推进|该项?(?:整改)?措施|此项?(?:整改)?措施|该项?任务)?"
    r"|(?:决定|同意)?(?:不再|不予|无需再|不必再)(?:整改|实施|执行|推进))"
)


_DROPPED_HINT = re.compile(r"终止|取消|撤销|撤回|作废|停止|放弃|不再|不予|无需再|不必再")


def dropped(text: str) -> str | None:
    """A status cell saying the measure was dropped — ended, cancelled, no longer to be done
    ("已终止", "已取消", "经研究不予整改"), whatever reason follows: the verb it used ("终止", "取消";
    "" for 不再整改, 不予整改), or ``None`` for anything else. Such a cell is no status: a dropped
    measure is not finished work (nor going on), and is read as none of the five."""
    tokens = _tokens(text, _SEP)
    if not tokens:
        return None
    m = _DROPPED.fullmatch(_fold(tokens[0].text))
    if m is None and len(tokens) > 1 and tokens[0].text.lstrip().startswith("经") and not tokens[1].bracketed:
        m = _DROPPED.fullmatch(_fold(tokens[0].text + tokens[1].text))  # "经研究，不予整改"
    return (m["verb"] or "") if m is not None else None


@lru_cache(maxsize=8192)
def _read_text(text: str) -> StatusReading:
    if (marked := _MARKS.get(text)) is not None:
        return StatusReading(marked)
    if _DROPPED_HINT.search(text) and dropped(text) is not None:
        return _NOTHING  # "已终止", "已取消", "经研究不予整改": a dropped measure is no status
    if (text.isascii() or "\uff21" <= text[0] <= "\uff5a") and (
            english := _ENGLISH.get(_NOT_LETTER.sub("", unicodedata.normalize("NFKC", text).lower()))) is not None:
        return StatusReading(english)
    if _FRACTION.match(text):
        # a 整改进度 cell formatted as a percentage: 1 shows as 100%, 0.6 as 60%, 0 as 0%
        return StatusReading(_by_percent(round(float(text) * 100)))
    if (ticked := _ticked(text)) is not None:
        return _read_text(ticked) if ticked else _NOTHING
    if (k := symbol_run(text)) and k < len(text):
        return _read_text(text[k:])  # "✅已完成", "🚩正在推进" (a system's mark before the words)
    if len(text) <= _OPTIONS_MAX and _OPTIONS.search(text) and _options_only(text):
        return _NOTHING  # the template's hint: no status chosen
    if (listed := _listed_statuses(text)) is not None:
        return listed
    if text[:1] in _LIST_FIRST and 0 < (k := item_mark_end(text)) < len(text) and (
            one := _read_text(text[k:])).status is not None and not item_mark_end(one.rest):
        # "1.已完成", "（1）正在推进": one item of a list, its number no part of the status (not the
        # first of several, "2.已完成；3.正在推进", whose statuses differ)
        return one
    if ("/" in text or "／" in text) and not text[:1].isdigit() and (share_said := share_as_percent(text)):
        return _read_text(share_said)  # "已完成3/5", "完成了2/3": the share done (a bare "3/5" may be a day)
    if "/" in text and (share := _SHARE.search(text)) is not None and int(share["of"]):
        # "已完成（4/5）": four of five done is 80%, not done
        done, of = int(share["done"]), int(share["of"])
        text = f"{text[:share.start()]}{round(100 * min(done, of) / of)}%{text[share.end():]}"
    if "共" in text and (counted := _count_of_total(text)) is not None:
        return counted  # "已完成3项/共4项", "共4项，已完成3项"
    if "部分" in text and _PARTLY.search(text):
        return StatusReading(Status.IN_PROGRESS)  # "已完成（部分）", "已整改（部分）"
    reading = _read_clauses(text)
    if reading.stage is Stage.AWAITING and ("核实" in text or "核查" in text) and _CHECK_ALONE.fullmatch(_fold(text)):
        # "待核实" alone: the facts still to be checked (a lead to look into), not finished work awaiting
        # its check — that is "已整改，待核实"
        return _NOTHING
    if reading.status is Status.NOT_STARTED and "已" in reading.rest and not _NEG.search(reading.rest) \
            and _going_on_in(text[len(reading.rest):].lstrip("，,；;。 \n")):
        # "交流方案已制定，待组织实施": a step done, the work itself awaiting — going on, not unstarted
        return replace(reading, status=Status.IN_PROGRESS)
    if reading.status is Status.DONE and reading.rest and (going := _going_on_in(reading.rest)) \
            and _MAIN_WORDS.get(_OPENING_CLAUSE.split(text, maxsplit=1)[0].strip()) is not Status.DONE:
        # "已制定整改方案，正在推进", "已建立台账，正在整改", "已制定方案，明确分工，目前正在按计划推进": steps
        # done, the work itself said to go on ("已完成，正在巩固" stays done: the work is said done, the
        # rest what follows it)
        steps = text[:text.rfind(going)].rstrip("，,；;。 \n")
        return replace(reading, status=Status.IN_PROGRESS, rest=steps)  # the steps, as "已开展检查，正在整改" is told
    if reading.status is None and _UNFOUNDED_HINT.search(text) and _UNFOUNDED.fullmatch(_fold(text)):
        # "经核查不属实", "经核实不存在该问题", "问题不成立": the problem checked and found not to be —
        # closed by that check, counted with the done (not "不涉及": nothing was checked)
        return StatusReading(Status.DONE)
    if reading.status is None and _UNFOUNDED_HINT.search(text) and (checked := _CHECKED_THEN.fullmatch(text)) \
            is not None and _UNFOUNDED.fullmatch(_fold(checked["found"])):
        # "已开展自查，未发现问题", "组织排查，未发现此类问题": the check made, nothing found — closed,
        # the check its account
        return StatusReading(Status.DONE, rest=checked["check"])
    if reading.status is None and "并" in text and (run_on := _JOINED_ACTION.match(text)) is not None:
        # "已完成整改并举一反三开展自查": a status run on into a further action with 并
        head = _read_clauses(run_on.group(1))
        if head.status is None and len(run_on.group(1)) <= _BEGUN_MAX:
            # "已开设专栏并拟长期坚持": a short action done, kept up after it — long-term work, as
            # "已开设专栏，长期坚持" is (anything else run on after it is an account, read as one)
            tail = text[run_on.end(1) + 1:].strip()
            if _clause(_fold(tail)) == _Clause(long_term=True) and _done_action(_fold(run_on.group(1))) is not None:
                return StatusReading(Status.LONG_TERM, rest=run_on.group(1))
        if head.status is not None and not head.rest:
            return replace(head, rest=text[run_on.end(1):].strip())
    if reading.status is None and len(text) <= _BROKEN_MAX:
        if "\n" in text and (joined := _read_clauses(_WS.sub("", text))).status is not None:
            return joined  # "已完\n成", "整改\n中": a word broken over two lines of a narrow cell
        if text.endswith("类") and (kind := _read_clauses(text[:-1])).status is not None:
            return kind  # "长期坚持类", "已完成类": the status as a class of measures
    if reading.status is None and ("，" in text or "；" in text or "," in text or ";" in text) \
            and (parts := _topic_statuses(text)) is not None:
        return parts
    if reading.status is None and "整改" in text and (closing := _CLOSING_DONE.search(text)) is not None \
            and closing.start() > 0:
        # "已开展自查并整改到位", "已开展专项检查，发现问题已整改": the work, then that what it found is
        # put right — done, the whole cell its account (the result is no status word to drop)
        reading = StatusReading(Status.DONE, rest=text)
    if (reading.status is Status.DONE or (reading.status is None and (
            "完成" in text or _COUNT_DONE.search(text) is not None))) and (
            _REMAINING_HINT.search(text) and _REMAINING.search(text)):
        # "已完成4项，剩余1项", "已整改3个，还剩2个": done with a count still to do is not done
        return StatusReading(Status.IN_PROGRESS, rest=reading.rest)
    if reading.status is None and len(text) <= _BEGUN_MAX:
        folded = _fold(text)
        if _BEGUN_ONLY.fullmatch(folded) or (folded.endswith("中") and _GOING_ON_ONLY.fullmatch(folded)):
            return StatusReading(Status.IN_PROGRESS)
        if (acted := _done_action(folded)) is not None:
            return acted
        if "已" in folded and (named := _NAMED_FIRST.fullmatch(folded)) is not None and _clause(
                named["what"]) is None and (acted := _done_action(f"已{named['verb']}{named['what']}")) is not None:
            # "专栏已开设", "监控已安装", "党纪处分已作出": the thing, then the action done to it, as
            # "已开设专栏" — not what someone did ("法院已判决"), a part named done ("合同清理已完成"),
            # nor a status before a closure word ("基本完成已销号": the two contradict)
            return acted
    if reading.status is None and (tokens := _tokens(text, _SEP)) and len(tokens) > 1 and not tokens[0].bracketed \
            and len(first := _fold(tokens[0].text)) <= _BEGUN_MAX and not _BEGUN_ONLY.fullmatch(first) \
            and (acted := _done_action(first)) is not None and not _STILL_TO_DO.search(rest := _rest(text, tokens, 1)):
        # "已安装监控，运行正常", "已开设专栏（见附件）": the action done, then what it says of it — not
        # "…，但未正常更新", "…，待验收后投用": what is still to do is for the clerk to say
        return replace(acted, rest=rest)
    return reading


#: a short cell saying an action was done to something, in the perfect ("已开设专栏", "已更换门锁",
#: "已安装监控"): done, when the verb is no step towards the work (begun, asked for, drafted, sent up
#: for a decision: :data:`_PENDING_LEAD`) and nothing after it says more is to come
_ACTION_DONE = LazyPattern(r"(?:已经?|均已|都已|全部|均)已?(?P<what>[\u4e00-\u9fff“”]{2,10})"
                           # a count of people, meetings, things or money, not of the problems' items ("3项")
                           r"(?:\d{1,5}(?:\.\d{1,2})?(?:人次|人|名|次|场|期|台|套|块|份|篇|册|本|万元|元|辆|间|张|幅))?")
#: what begins a step, not the work done: begun, asked or told, planned, drafted, sent up, put on a
#: list, a part ("已完成前期摸底" is a step: 完成 with an object is read by the atoms or not at all)
_PENDING_LEAD = LazyPattern(
    r"开展|启动|实施|着手|开始|部署|推进|安排|督促|责令|要求|督导|指导|提醒|通知|申请|申报|上报|报|提交|呈报|提请|"
    r"起草|草拟|拟|计划|准备|研究|协调|对接|联系|谋划|筹备|招标|立项|纳入|列入|交办|转办|立案|受理|进行|组织(?!处理)|"
    r"形成|完成|有|在|是|经|对|向|把|将|被|于|按|转入|转为|纳入|制定计划|明确|确定|梳理|收集|征求|调研|摸底|动员|发现|查出|查摆|"
    r"知悉|知晓|获悉|收到|接收|接到|签收|阅|起诉|诉讼|提起|进入|移交法院|申请执行|"
    # words asked, told or sent on, and the groundwork (a decision or the work itself still to come)
    r"讨论|汇报|请示|沟通|函告|告知|发函|报告|递交|送审|送达|转交|批转|交|提出|下达|分解|细化|列出|列|摸清|"
    r"进场|签合同|预约|排期|到期|核定|测算|比对|核算|评估|检测|鉴定|公告征集|征集"
)
#: words saying more is to come, or only part was done
_PENDING_WORD = LazyPattern(r"部分|一半|半数|大部|多数|少数|个别|初稿|草案|征求意见|送审|前期|待|拟|将|计划|正在"
                            # effort, not its result: 已着力解决, 已加紧办理, 已逐步规范, 已多次协调, 已高度重视,
                            # 已全面启动, 已作部署, 已跟踪督办, 已多方筹措资金
                            r"|(?:逐步|分步|加紧|着力|积极|深入|多次|反复|多方|加大|重视|启动|部署|推开|筹措|督办|展开|协调|调研)"
                            r"(?![\u4e00-\u9fff]*(?:到位|完毕|办结|完成|清零)$)"  # (已逐步整改到位: the result)
                            # a promise or a position, not the work: 已承诺整改, 已表态, 已认识到问题, 已布置
                            # (已签订承诺书 is a thing done)
                            r"|承诺(?!书)|表态|认识到|布置"
                            r"|并|且|后|再|申请|报批|审批|审议|研究|过期|逾期|超期|延期|失效|[未不没无尚仍暂]|(?<![退归偿返])还(?!款|清|贷|本|息)|中$")


def _done_action(folded: str) -> StatusReading | None:
    """A short cell that is one action done to something ("已开设专栏", "已安装监控"): done; ``None``
    for anything else. Read only when the rules found no status in the cell. (A part of the work
    named before its status, "合同清理已完成", stays unread: it may be a part; "专栏已开设" is read by
    :data:`_NAMED_FIRST`.)"""
    if (m := _ACTION_DONE.fullmatch(folded)) is None or _PENDING_WORD.search(what := m["what"]) is not None:
        return None
    if what.startswith("完成"):
        # "已完成维修", "已完成系统改造": the task named done — not a step of it ("已完成前期摸底"), nor
        # a count of what it did ("已完成轮岗交流12人": an account, told as one)
        return StatusReading(Status.DONE) if _STEP.search(what) is None and m.end("what") == len(folded) else None
    return StatusReading(Status.DONE) if _PENDING_LEAD.match(what) is None else None


#: a thing named, then an action done to it ("专栏已开设", "门锁已更换"): no office or body as the thing
#: (who did it is no object of it), no 完成 (a part of the work named done), nothing after the verb
_NAMED_FIRST = LazyPattern(r"(?P<what>[\u4e00-\u9fff]{1,4}(?<![办组委局部室会处科股院府所队厅站]))"
                           r"(?:已经?|均已|都已)(?P<verb>(?!完成|完毕|办结|完结)[\u4e00-\u9fff]{2})")


def action_first(text: str) -> str | None:
    """A thing named, then the action done to it ("问题线索已移交", "门锁已更换"), said the other
    way round, as a measure says it ("已移交问题线索"); ``None`` for any other clause."""
    if len(text) > 24:  # such a clause is nine characters at most, once folded: a long account is none
        return None
    folded = _fold(text)
    m = _NAMED_FIRST.fullmatch(folded)
    return None if m is None or _clause(m["what"]) is not None else f"已{m['verb']}{m['what']}"


#: words after an action done saying something is still to do or not right
_STILL_TO_DO = LazyPattern(r"[未不没尚仍待拟将]|正在|计划|下一步|下步|还需|还要|部分|剩余|问题")
#: a step of the work, not the work (已完成前期摸底, 已完成方案编制, 已完成第一阶段, 已完成一期)
_STEP = LazyPattern(r"前期|摸底|调研|方案|初稿|草案|立项|设计|招标|招投标|可研|选址|论证|规划|计划|阶段|部分|"
                    r"[一二三首1-3]期|首批|第[一二三1-3]|初步|准备|筹备|申报|报批|征求|起草|编制|审核|评审|预算|清单|"
                    r"统计|登记|摸排|梳理|收集")


#: a cell closing with what the work found put right: after 并, or in a clause of its own about the
#: problems ("…并整改到位", "…，发现问题已整改", "…；存在问题均已整改到位") — not "…并整改" (what is to
#: be done) nor "发现问题尚未整改"
_CLOSING_DONE = LazyPattern(
    r"(?:并|[，,；;]\s*(?:对|将)?(?:发现|存在|查出|查摆|梳理出)?的?(?:相关|上述|所有|全部)?问题)"
    r"(?:均|全部|都)?(?:已(?:全部)?整改(?:到位|完毕|完成)?|整改(?:到位|完毕)|完成整改|整改落实到位|全部整改到位)[。.！!]?$"
)


#: a cell saying only that an action was begun on something ("已开展专项检查", "已开工建设") or that
#: others were told to put it right ("已督促相关科室整改", "已责令整改"): begun, nothing says it is
#: finished — the cell as a whole only: a completion said after it ("已开展自查并整改到位") is not this
_BEGUN_ONLY = LazyPattern(
    r"(?:已经?)(?:启动|开展|实施|开工|动工|组织开展)了?(?:(?![并且及和与后已完到])[\u4e00-\u9fff]){1,10}"
    r"|(?:已经?)(?:督促|责令|要求|督导|指导|提醒)[\u4e00-\u9fff]{0,10}?(?:整改|纠正|整治|落实|退还|改正)"
    # the courts asked to act (已起诉, 已进入司法程序, 已申请强制执行): the case goes on
    r"|(?:已经?)(?:向[\u4e00-\u9fff]{1,8}?)?(?:起诉|提起(?:民事)?诉讼|提请仲裁|申请仲裁|申请(?:法院)?强制执行|"
    r"进入(?:司法|诉讼|法律)程序)(?:(?![并且及和与后已完到])[\u4e00-\u9fff]){0,6}"
    # the problem put on the books to be seen through (已挂账, 挂牌督办, 已纳入重点督办): tracked
    # until it is 销号, not done — "挂账销号" is the closure, and no match here
    r"|(?:已经?)?(?:列入|纳入)?(?:重点|专项)?(?:挂账|挂牌)(?:督办|管理|整改|跟踪|督导)?(?:事项|清单|台账)?"
    r"|(?:已经?)?(?:列入|纳入)(?:重点|专项)?督办(?:事项|清单|范围)?"
    # a step towards the work taken, the work itself to come: tendered (已招标, 已完成招投标), a draft
    # written (已制定初稿, 已形成征求意见稿), a meeting held to study it (已召开专题会议研究)
    r"|(?:已经?)(?:完成)?(?:公开)?(?:招标|招投标|挂网招标|比选)(?:工作)?"
    r"|(?:已经?)(?:完成|形成|制定|起草|拟定|草拟)了?[\u4e00-\u9fff]{0,6}?(?:初稿|草案|征求意见稿|讨论稿)"
    r"|(?:已经?)(?:组织)?召开[\u4e00-\u9fff]{0,6}?(?:会议|专题会|党组会|办公会|常务会)(?:专题)?(?:研究|讨论)"
)
_BEGUN_MAX = 16
#: a check to come and nothing done before it ("待核实", "等待县纪委核查")
_CHECK_ALONE = LazyPattern(r"(?:待|等待|尚待|正待)[\u4e00-\u9fff]{0,8}?(?:核实|核查)(?:确认)?")
#: a cell of one word of work and 中, whatever the work ("征求意见中", "拟定中", "会签中", "拆除中",
#: "过户中"): going on, as 正在征求意见 is — the whole cell only (in a sentence "工作中" is no status)
_GOING_ON_ONLY = LazyPattern(
    r"(?:目前|当前|现|仍|尚|还|均|正)?(?:(?![已未不无没非待将并且及和与完毕到之其])[\u4e00-\u9fff]){2,5}(?:中|之中|当中)")


#: how far each status is on the way to done, to read a cell listing one status per item
_PROGRESSION = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.LONG_TERM: 2, Status.MOSTLY_DONE: 3,
                Status.DONE: 4}


def _listed_statuses(text: str) -> StatusReading | None:
    """A cell giving a status per item of the measure cell beside it ("1.已完成；2.正在推进。",
    "（1）已完成；（2）已完成"): the measure's status is the least advanced of them — done when
    every item is, under way when some are done and some not begun; what the items say after
    their status words is the progress. ``None`` when the cell is no such list (an item opening
    with no status, or a single item)."""
    if text[:1] not in _LIST_FIRST:
        return None
    items = _status_items(text)
    if not items:
        return None
    readings = [_read_text(item) for item in items]
    if any(r.status is None for r in readings):
        return None
    rest = "；".join(r.rest.strip("。；;，, ") for r in readings if r.rest.strip("。；;，, "))
    statuses = {r.status for r in readings if r.status is not None}
    if len(statuses) == 1:
        return replace(readings[0], rest=rest)
    least = min(statuses, key=_PROGRESSION.__getitem__)
    # some items begun or done, others not: under way
    return StatusReading(Status.IN_PROGRESS if least is Status.NOT_STARTED else least, rest=rest)


def line_statuses(text: str, count: int) -> StatusReading | None:
    """A status cell giving each of ``count`` measures listed in the cell beside it a status, one a
    line, unnumbered ("已完成\n正在推进\n长期坚持" beside "1.…\n2.…\n3.…"): the least advanced, as
    a numbered list is read (:func:`_listed_statuses`). ``None`` when the lines are not ``count``, or
    one is more than a status. Alone, such a cell reads as a template's options, none chosen: the
    measures beside it tell the two apart."""
    lines = [line.strip() for line in normalize_text(text).split("\n") if line.strip()]
    if len(lines) < 2 or len(lines) != count:
        return None
    readings = [_read_text(line) for line in lines]
    if any(r.status is None or r.rest for r in readings):
        return None
    statuses = {r.status for r in readings if r.status is not None}
    if len(statuses) == 1:
        return readings[0]
    least = min(statuses, key=_PROGRESSION.__getitem__)
    if statuses == {Status.DONE, Status.LONG_TERM}:
        return StatusReading(Status.DONE, continuing=True)  # done, and kept up
    return StatusReading(Status.IN_PROGRESS if least is Status.NOT_STARTED else least)


#: a status cell's items numbered as headings are ("一、已完成\n二、整改中", "一、已完成；二、整改中")
_HEADING_ITEM = LazyPattern(r"(?:^|[\n；;。])\s*[一二三四五六七八九十]{1,2}、")


def _status_items(text: str) -> list[str] | None:
    """The items of a status cell listing one status per item: as :func:`enumerated_items` reads
    a list, or numbered 一、二、 one a line (a heading's numbering, which a measure list is not
    read by)."""
    if (items := enumerated_items(text)) is not None:
        return items
    if text[:1] not in "一二三四五六七八九十" or "、" not in text[:3]:
        return None
    marks = list(_HEADING_ITEM.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [parse_chinese_number(m.group().strip("\n；;。 \t、")) for m in marks]
    if numbers != list(range(1, len(marks) + 1)):
        return None
    parts = [text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(text))].strip(" ；;。\n")
             for k, m in enumerate(marks)]
    return parts if all(parts) else None


def items_done(text: str) -> str:
    """Which items a status cell listing one status per item says are done, when some are and the
    measure as a whole is not ("1.已完成\n2.正在推进" → "第1项已完成", "①已整改；②整改中；③已办结" →
    "第1、3项已完成"): what an auditor reads beside the measure's status (正在推进) so as not to ask
    for the finished items again. "" for any other cell."""
    normal = normalize_text(text) if text else ""
    if not normal or normal[:1] not in _LIST_FIRST or (items := _status_items(normal)) is None or len(items) < 2:
        return ""
    statuses = [_read_text(item).status for item in items]
    if None in statuses:
        return ""
    done = [k for k, status in enumerate(statuses, 1) if status is Status.DONE]
    if not done or len(done) == len(statuses):
        return ""
    return f"第{'、'.join(map(str, done))}项已完成"


#: a part of the work named, then its status word ("合同清理已完成", "公开招租正在推进中")
_TOPIC = LazyPattern(r"[\u4e00-\u9fff0-9“”\"]{2,12}")
_TOPIC_CLAUSES = re.compile(r"[，,；;]")


def _topic_statuses(text: str) -> StatusReading | None:
    """A status cell telling the parts of the work apart, each clause a part and its status
    ("合同清理已完成，公开招租正在推进"): the least advanced part is the measure's status, as for a
    list of items (:func:`_listed_statuses`). ``None`` unless every clause, two to four of them,
    is a part named and a status word after it."""
    clauses = [c for c in _TOPIC_CLAUSES.split(text.strip("。.；;，, ")) if c.strip()]
    if not 2 <= len(clauses) <= 4:
        return None
    if not _STATUS_WORDS:
        _STATUS_WORDS.update((key, status) for status, alias, _ in STATUS_ALIASES if (key := _fold(alias)))
    statuses: list[Status] = []
    for clause in clauses:
        folded = _fold(clause)
        status = next((_STATUS_WORDS[folded[k:]] for k in range(2, len(folded) - 1)
                       if folded[k:] in _STATUS_WORDS and _TOPIC.fullmatch(folded[:k])
                       and folded[k - 1] not in "未不没尚仍还暂"), None)
        if status is None:
            return None
        statuses.append(status)
    least = min(statuses, key=_PROGRESSION.__getitem__)
    return StatusReading(Status.IN_PROGRESS if least is Status.NOT_STARTED and len(set(statuses)) > 1 else least)


#: how a list opens (a cheap test before :func:`enumerated_items`)
_LIST_FIRST = frozenset("0123456789０１２３４５６７８９(（①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽一二三四五六七八九十")


#: a clause giving the cause, before the status ("因资金未到位", "由于征地问题", "受汛期影响")
_CAUSE = re.compile(r"^\s*(?:因为?|由于|受到?)(?!此)[\u4e00-\u9fff]")


def _read_clauses(text: str) -> StatusReading:
    if (arrows := list(_ARROW.finditer(text))) and arrows[-1].end() < len(text):
        # "正在推进→已完成": the status it was changed to, when what it was is a status too
        last = _read_clauses(text[arrows[-1].end():].strip())
        first = _read_clauses(text[: arrows[0].start()].strip())
        if last.status is not None and first.status is not None:
            return last
    if "、" in text or "/" in text:
        text = _CLOSURE_LIST.sub("", text)  # "待验收、销号": the two steps still to come, one wait
    if "未" in text and _CLOSURE_AFTER.search(text):
        text = _CLOSURE_AFTER.sub("，", text)
    if (label := _STATUS_LABEL.match(text)) is not None and label.end() < len(text):
        text = text[label.end():]
    if "经" in text and "销" in text:
        text = _CHECKED_COMMA.sub(r"\1", text)  # "经县纪委监委审查，准予销号": the check and its decision
    tokens = _tokens(text, _SEP)
    if len(tokens) > 1 and _CAUSE.match(tokens[0].text) and (
            after := _from_head(text, tokens[1:])) is not None and after.status is not None:
        # "因资金未到位，暂未启动": why, then the status — not the cause's own negation
        cause = tokens[0].text.strip()
        return replace(after, rest=f"{cause}，{after.rest}" if after.rest else cause)
    reading = _from_head(text, tokens)
    if reading is not None and reading.status is not None:
        return reading
    spaced = _tokens(text, _SEP_WS)  # "整改中 已完成前期摸底调查": a space as the separator
    if spaced != tokens:
        alt = _from_head(text, spaced)
        if alt is not None and (alt.status is not None or reading is None):
            reading = alt
    if reading is None:  # the first clause is no status at all: is the last one?
        return _from_tail(text, spaced) or _step_then_going_on(text) or _NOTHING
    return reading


#: the work going on, closing a cell with no stop before it ("已制定方案正在推进")
_GOING_ON_TAIL = re.compile(r"(?:目前|现|当前)?(?:正在|仍在|还在)(?:按计划|按序时|有序|稳步|积极|加快|全力|抓紧|加紧)?"
                            r"(?:推进|整改|实施|落实|办理|建设|施工)中?$")


def _step_then_going_on(text: str) -> StatusReading | None:
    """A step done and the work going on, run together with no stop between them ("已制定方案正在推进",
    "方案已印发正在实施"): going on, the step its progress — as "已制定方案，正在推进" is read."""
    if (tail := _GOING_ON_TAIL.search(text)) is None or tail.start() < 3:
        return None
    head = text[:tail.start()].strip(" ，,；;。")
    step = _clause(_fold(head))
    if step is None or step.main is not Status.DONE or status_phrase(head) is not None:
        return None  # (not "已完成正在推进": two options of a list, or a cell that contradicts itself)
    return StatusReading(Status.IN_PROGRESS, rest=head)


def read_status(value: object) -> StatusReading:
    """Read a status cell: status, closure stage, continuing, and the narrative after it.

    Blank or unrecognised values give ``StatusReading(None)``. A bool (an Excel TRUE/FALSE in a
    是否完成 column) reads like 是/否: ``True`` → 已完成, ``False`` → 正在推进; other non-string
    values (numbers, dates, objects) give no status. Cached per distinct cell text. Never raises.
    """
    try:
        if isinstance(value, Status):
            return StatusReading(value)
        if isinstance(value, bool):
            return StatusReading(Status.DONE if value else Status.IN_PROGRESS)
        if isinstance(value, (int, float)):
            value = str(value)  # a number is read as its text (a fraction: see _FRACTION)
        if not isinstance(value, str):
            return _NOTHING  # dates, containers, arbitrary objects
        text = normalize_text(value)
        if not text:
            return _NOTHING
        reading = _read_text(text)
        if reading.status is None and text[-1] in "日号月0123456789" and (after := _DAY_AFTER.match(text)) and (
                any(word in text[:after.start("day")] for word in ("已", "于", "在"))):
            # "已完成2026年10月15日": done, and the day — as "已完成 2026年10月15日" is read (not
            # "完成2026年12月", which may be the plan)
            return StatusReading(Status.DONE, rest=after["day"])
        return reading
    except Exception:
        return _NOTHING


#: a clause after a step done saying the rectification itself still goes on (正在推进, 正在实施,
#: 目前仍在整改, 落实中) — not what follows work done (正在巩固, 正在征求意见 of a draft)
_GOING_ON_AFTER = re.compile(r"^(?:目前|现|当前)?(?:正在|仍在|还在)"
                             r"(?:按计划|按序时|按方案|按要求|有序|稳步|积极|加快|全力|抓紧|加紧|逐步|分步|全面)?"
                             # "正在组织实施", "正在抓紧组织推进", "正在督促落实": the work itself, set going
                             r"(?:组织|督促|部署|统筹)?(?:推进|整改|实施|落实|办理|建设|施工)"
                             r"|^(?:推进|整改|实施|落实|办理|施工|建设)中"
                             # "方案已制定，尚未印发", "已制定方案，尚未实施": the step done, the work not yet
                             r"|^(?:目前|现)?(?:尚未|还未|暂未|仍未)(?:正式)?(?:印发|出台|实施|落实|执行|推进|开展|启动|"
                             r"开工|施工|建设|运行|到位|下发|推行|推广)"
                             # "待实施", "待组织实施", "尚待落实": the work itself still to do after the step
                             r"|^(?:尚|还|仍)?待(?:组织|全面|下一步|进一步|逐步|正式)?"
                             r"(?:实施|落实|执行|推进|开展|推广|推行|启动|开工|施工|建设|运行)")
_CLAUSE_ENDS = re.compile(r"[，,；;。\n]")


def _going_on_in(rest: str) -> str:
    """The clause of ``rest`` (what follows a done step) saying the work itself goes on ("正在推进",
    "目前正在按计划推进"), "" when none does."""
    return next((c for c in (c.strip() for c in _CLAUSE_ENDS.split(rest)) if c and _GOING_ON_AFTER.match(c)), "")


#: the status words of :data:`STATUS_ALIASES`, folded
_STATUS_WORDS: dict[str, Status] = {}
#: the five status labels and their most common spellings, folded (a template's options)
_MAIN_WORDS: dict[str, Status] = {
    "已完成": Status.DONE, "完成": Status.DONE, "已整改": Status.DONE, "基本完成": Status.MOSTLY_DONE,
    "正在推进": Status.IN_PROGRESS, "推进中": Status.IN_PROGRESS, "整改中": Status.IN_PROGRESS,
    "正在整改": Status.IN_PROGRESS, "未完成": Status.IN_PROGRESS, "长期坚持": Status.LONG_TERM,
    "未启动": Status.NOT_STARTED, "未开始": Status.NOT_STARTED,
    "已办结": Status.DONE, "已落实": Status.DONE, "整改完成": Status.DONE, "已完成整改": Status.DONE,
    "整改到位": Status.DONE, "基本完成整改": Status.MOSTLY_DONE, "阶段性完成": Status.MOSTLY_DONE,
    "进行中": Status.IN_PROGRESS, "正在整改中": Status.IN_PROGRESS, "尚未完成": Status.IN_PROGRESS,
    "持续推进": Status.LONG_TERM, "尚未启动": Status.NOT_STARTED, "未开展": Status.NOT_STARTED,
}
_OPENING_CLAUSE = re.compile(r"[。；;，,：:！!\n]")


def opening_status(text: str) -> Status | None:
    """The status a narrative cell opens with when its first clause is a status word and
    nothing else: ``"已完成。共轮训社区书记16名"`` → 已完成, ``"尚未完成，目前已清理挂牌42块"`` →
    正在推进; ``"已在8个社区试点"`` (an account, not a status) → None."""
    return split_opening_status(text)[0]


#: a long-term phrase and nothing else: a long-term modifier and the one thing the work does
#: ("持续开展", "常态化开展", "持续巩固", "需持续推进"), not a mechanism a measure sets up ("建立长效
#: 机制") nor work named by more verbs ("持续推进落实": what is to be done)
_LONG_TERM_PHRASE = re.compile(rf"(?:需要?|须|(?:仍|还|尚)需|将|坚持)?{_LT_MOD}+地?{_LT_VERB}(?:中|下去)?")


def status_phrase(words: str) -> Status | None:
    """The status ``words`` state when they are nothing but a status — a common spelling
    ("已完成", "持续推进中") or a long-term phrase as :func:`read_status` reads one ("持续开展",
    "常态化开展", "持续巩固": 长期坚持) — as a clause closing an account is read; ``None`` for
    words naming work ("持续推进城市更新", "建立长效机制")."""
    if (opening := opening_status(words)) is not None:
        return opening
    if _LONG_TERM_PHRASE.fullmatch(_fold(words)) is None:
        return None
    reading = read_status(words)
    return reading.status if reading.status is Status.LONG_TERM and not reading.rest else None


def opening_clause(text: str) -> str:
    """The clause a cell opens with, as :func:`split_opening_status` reads it ("已完成。印发…" → 已完成)."""
    return _OPENING_CLAUSE.split(normalize_text(text), maxsplit=1)[0]


def split_opening_status(text: str, *, by_rules: bool = False) -> tuple[Status | None, str]:
    """:func:`opening_status` and what the cell says after that opening clause (the progress):
    ``"已整改到位。关停僵尸账号17个。"`` → (已完成, ``"关停僵尸账号17个。"``); ``(None, text)`` when
    it opens with no status word. ``by_rules``: an opening clause that is a status by the rules
    of :func:`read_status` and nothing else counts too ("未完全整改到位，…", "尚需持续巩固，…",
    "未销号，…"), not only the common spellings — for a ledger's progress cells, where no status
    column is."""
    reading, rest = split_opening_reading(text, by_rules=by_rules)
    return reading.status, rest


def split_opening_reading(text: str, *, by_rules: bool = False) -> tuple[StatusReading, str]:
    """:func:`split_opening_status` with the closure stage the opening states ("已于2025年6月完成并
    销号。…" → 已完成, 已销号); a status word with a share in brackets is read with it
    ("持续推进中（已完成70%），…" → 基本完成, not 长期坚持)."""
    if not _STATUS_WORDS:
        _STATUS_WORDS.update((key, status) for status, alias, _ in STATUS_ALIASES if (key := _fold(alias)))
    normal = normalize_text(text)
    if by_rules and (lead := _AS_OF_LEAD.match(normal)) is not None and lead.end() < len(normal):
        # "截至9月底，已完成整改，…", "截至目前，正在推进，…": the day it is said of, then the status
        reading, rest = split_opening_reading(normal[lead.end():], by_rules=True)
        if reading.status is not None:
            return reading, rest
    parts = _OPENING_CLAUSE.split(normal, maxsplit=1)
    head = _fold(parts[0])
    status = _STATUS_WORDS.get(head) if head else None
    if status is None and by_rules and head:
        status = _ruled_opening(head)
    if status is None:
        # the status word and a note in brackets ("正在推进（已完成规则梳理）", "未启动（原因：…）")
        noted = _NOTED_OPENING.match(normal)
        status = _STATUS_WORDS.get(_fold(noted.group(1))) if noted else None
        if noted is None or status is None:
            return _NOTHING, text
        together = read_status(f"{noted.group(1)}（{noted.group(2)}）")
        if together.status is not None and not together.rest:
            status = together.status  # "持续推进中（已完成70%）": the share says how far it is
        tail = noted.group(3).strip()
        return StatusReading(status), noted.group(2).strip() + (f"，{tail}" if tail else "")
    rest = parts[1].strip() if len(parts) > 1 else ""
    said = read_status(parts[0])
    stage = said.stage if said.status is status else None
    if by_rules and rest and (whole := read_status(normal)).status is not None and whole.rest != normal:
        # the cell read as a status cell: the qualifiers after the opening are the status's too
        # ("已整改，待验收。已出台…": awaiting), and a failed check overrides the done word
        # ("已完成，验收未通过，…": going on)
        status, stage, rest = whole.status, whole.stage, whole.rest
    return StatusReading(status, stage), rest


#: a share said to be done or reached, not a bare figure
_SHARE_SAID = LazyPattern(r"完成|进度|整改率|达到")


def _ruled_opening(head: str) -> Status | None:
    """The status a folded opening clause states by the rules, when it states one outright (a main
    status word, a long-term or closure word, a share said done: "完成约七成", "已完成80%"; not a
    bare "80%" or 取得成效 alone)."""
    c = _clause(head)
    if c is None or (c.main is None and c.stage is None and not c.long_term and not c.closure_pending and (
            c.percent is None or _SHARE_SAID.search(head) is None)):
        return None
    reading = c.reading()
    return reading.status if reading is not None else None


#: the day an account is given as of, before its status ("截至9月底，", "截止目前，", "目前，")
_AS_OF_LEAD = LazyPattern(r"^(?:(?:截至|截止)到?[^，,。；;：:]{1,14}?|目前|当前|现在)\s*[，,]\s*")
#: a status word, a note in brackets right after it, and what follows
_NOTED_OPENING = re.compile(r"([^（(。；;，,：:\n]{2,10}?)\s*[（(]([^（()）]+)[)）]\s*[。；;，,]?\s*(.*)$", re.S)


def parse_status(value: object) -> Status | None:
    """The normalised :class:`Status` of a status cell (``read_status(value).status``); ``None``
    for blank or unrecognised values. Never raises."""
    return read_status(value).status


#: a day or month as a status names it ("2026.10.15", "2026年10月20日", "10月20日", "10.20", "2026年10月",
#: "10月底")
_SAID_DAY = (r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|底|末|份)?"
             r"|\d{4}\s*[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?|\d{1,2}\.\d{1,2}(?![\d%])|" + _DIGITS_DAY)
#: the day before the done word that opens a cell ("2026.10.15已完成", "已于2026年10月20日完成整改",
#: "10月20日已整改到位"; not "…前已完成", finished by then, nor a month alone with no 已 or 于 —
#: "2026年12月完成" may be the plan, and is not read done)
_DAY_FIRST = LazyPattern(
    rf"^\s*[（(]?\s*(?:已经?|均已)?\s*(?:于|在)?\s*(?P<day>{_SAID_DAY})\s*(?!\s*(?:前|之前|以前))[)）]?\s*")
#: the day labelled, in a clause of its own or in brackets ("已完成，完成时间2026年10月20日",
#: "已完成（完成时间：2026.10.20）", "已办结，办结日期为10月20日", "已完成（2026年10月20日完成）",
#: "已完成（于2026年10月20日）")
_DAY_LABELLED = LazyPattern(
    rf"^[（(]?\s*(?:(?:实际)?(?:完成|办结|完结|整改完成)(?:时间|日期)\s*(?:为|是)?\s*[:：]?\s*(?P<day>{_SAID_DAY})"
    rf"|(?:已经?)?(?:于|在)?(?P<then>{_SAID_DAY})\s*(?:已经?)?(?:完成|办结|整改到位|整改完成)|(?:于|在)(?P<on>{_SAID_DAY})"
    rf"|(?:已经?)?(?:整改)?(?:完成|办结|完结)(?:整改)?(?:于|在)(?P<fin>{_SAID_DAY})"
    # a day alone in brackets, maybe "by" it ("已完成（2026年3月前）（长期坚持）")
    rf"|(?<=[（(])\s*(?P<by>(?:{_SAID_DAY})\s*(?:前|之前|以前)?)(?=\s*[)）]))"
    r"\s*[)）。.；;]?\s*$")
#: the day after the done word ("已完成于2026年10月15日", "整改完成于2026.10.15", "办结于10月20日",
#: "已完成2026年10月15日", run on with no mark between)
_DAY_AFTER = LazyPattern(rf"^\s*(?:已经?|均已)?\s*(?:整改)?(?:完成|办结|完结|到位)(?:整改)?\s*(?:于|在)?\s*"
                         rf"(?P<day>{_SAID_DAY})\s*[。.]?\s*$")
_DAY_CLAUSES = LazyPattern(r"[，,。；;]|(?=[（(])")
#: a clause that gives the day of the check or the closure, not of the work ("已于10月20日销号",
#: "销号时间：2026年10月20日", "10月20日通过验收"): the work was done before it, on a day it does not say
_CLOSURE_DAY = LazyPattern(r"^[^完到办整]*?(?:销号|销项|销账|验收)")
#: a day alone in brackets right after the done word, maybe "by" it, whatever follows ("已完成（2026年3月前）
#: （召开会议2次）", "已完成（2026年3月）召开会议2次")
_DAY_BRACKETED = LazyPattern(rf"^[（(]\s*(?P<by>(?:{_SAID_DAY})\s*(?:前|之前|以前)?)\s*[)）]")


def finished_day(text: str) -> tuple[str, bool]:
    """The day (or month) a status cell read 已完成 says the work was finished on, as written, and
    whether the cell says anything besides the status and that day: ``"2026.10.15已完成"`` →
    ("2026.10.15", False), ``"已完成，完成时间2026年10月20日"`` → ("2026年10月20日", False),
    ``"已于10月20日完成整改，下步将长期坚持"`` → ("10月20日", True); ("", True) when it names none —
    "2026年10月20日召开专题会议，已完成" (the day of the meeting), "2026年10月20日前已完成" (by then)."""
    if not any(ch.isdigit() for ch in text):
        return "", True
    normal = unicodedata.normalize("NFKC", normalize_text(text))
    clauses = [c for c in _DAY_CLAUSES.split(normal) if c.strip(" （()）")]
    if not clauses:
        return "", True
    first = _DAY_FIRST.match(clauses[0])
    if first is not None and (reading := read_status(clauses[0][first.end():])).status is Status.DONE and (
            reading.stage in (None, Stage.AWAITING) or not _CLOSURE_DAY.match(clauses[0][first.end():])):
        return first["day"].replace(" ", ""), len(clauses) > 1
    if (after := _DAY_AFTER.match(clauses[0])) is not None:
        return after["day"].replace(" ", ""), len(clauses) > 1
    if len(clauses) > 1 and (bracketed := _DAY_BRACKETED.match(clauses[1])) is not None and (
            clauses[1][bracketed.end():].strip()):
        # "已完成（2026年3月）召开会议2次": the day finished, then an account of the work
        return bracketed["by"].replace(" ", ""), True
    for k, clause in enumerate(clauses[1:], 1):
        if (said := _DAY_LABELLED.match(clause)) is not None:
            # what only qualifies the status after the day ("（长期坚持）", "，待验收") says nothing more
            more = [c for c in clauses[k + 1:] if read_status(f"已完成，{c.strip(' （()）')}").rest]
            if said["by"] and (k != 1 or (more and not clauses[k + 1].lstrip().startswith(("（", "(")))):
                # a day alone in brackets is the day finished only right after the done word, and before
                # a remark in brackets of its own ("（召开会议2次）"), if anything (an account after a stop —
                # "已完成（2025年6月），修订制度3项" — is read where the cell is the progress)
                continue
            day = said["day"] or said["then"] or said["on"] or said["fin"] or said["by"]
            return day.replace(" ", ""), bool(more) or k != 1
    return "", True


def closure_day(text: str) -> str:
    """The day a status cell says the work was accepted or closed, as written, when it says no day
    the work was finished: ``"已于10月20日销号"`` → "10月20日", ``"已完成（2026年9月25日销号）"`` →
    "2026年9月25日"; "" for any other cell. The work was done before that day, on one it does not say."""
    if ("销" not in text and "验收" not in text) or finished_day(text)[0]:
        return ""
    normal = unicodedata.normalize("NFKC", normalize_text(text))
    for clause in _DAY_CLAUSES.split(normal):
        clause = clause.strip(" （()）")
        if (first := _DAY_FIRST.match(clause)) is not None and _CLOSURE_DAY.match(clause[first.end():]):
            return first["day"].replace(" ", "")
    return ""


#: a status cell that only says the work is not finished ("未完成", "尚未完成", "否", "×"): a yes/no
#: 完成情况 column, which has no word for work not yet begun
_ONLY_NOT_DONE = re.compile(r"(?:尚|仍|目前|暂)?(?:未|没有|否|×|✗|✘)")


def not_started_by_progress(status_text: str, progress: str) -> bool:
    """A status cell saying only that the work is not finished, beside a progress that says it has
    not started ("未完成" | "未启动", "否" | "暂未启动，待上级文件下达后开展"): the measure has not started.

    A yes/no 完成情况 column says 未完成 of every measure not done, begun or not; the progress tells
    which. Read as 正在推进, the measure was published as going on and its progress called a
    contradiction of its status."""
    text = _fold(status_text)
    if not text or _ONLY_NOT_DONE.match(text) is None:
        return False
    reading = read_status(status_text)
    if reading.status is not Status.IN_PROGRESS or reading.rest:
        return False
    return bool(progress) and read_status(progress).status is Status.NOT_STARTED


#: a status cell that only says the measure is not closed ("未销号", "尚未销号"): a 销号情况 column kept
#: as the status, which has no word for how far the work got
_ONLY_NOT_CLOSED = re.compile(r"(?:尚|仍|目前|暂|还)?(?:未|没有)(?:申请|办理)?(?:销号|销项)")


def flag_answer_no(text: str) -> bool:
    """The cell is a 是否完成 column's bare no ("否", "×", a ticked 否 column's label): the work not done,
    as a message says it (未完成), not the mark alone."""
    said = text.strip()
    return any(alias == said and status is Status.IN_PROGRESS and note.startswith("是否完成 column")
               for status, alias, note in STATUS_ALIASES)


def status_beside_not_closed(status_text: str, progress: str) -> StatusReading | None:
    """The status a progress tells beside a status cell saying only that the measure is not closed
    ("未销号" | "已修订细则，完成整改", "未销号" | "整改已见成效"): the work done, mostly done or kept
    up, not yet closed; ``None`` when the progress says no more than going on (正在推进 stands), or
    says the measure closed (a contradiction, left to the findings)."""
    if not status_text or _ONLY_NOT_CLOSED.fullmatch(_fold(status_text).strip()) is None or not progress:
        return None
    said = read_status(progress)
    if said.status not in (Status.DONE, Status.MOSTLY_DONE, Status.LONG_TERM) or said.stage is Stage.CLOSED:
        return None
    return StatusReading(said.status, stage=said.stage, continuing=said.continuing)
