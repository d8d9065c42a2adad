"""Rules on 整改状态 and whether the progress text agrees with it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from rectxl.core import fields as F
from rectxl.core.deadline import DeadlineKind, parse_deadline
from rectxl.core.findings import Finding, Severity
from rectxl.core.legend import REST
from rectxl.core.model import Measure
from rectxl.core.rules.context import Context
from rectxl.core.rules.deadlines import past_due, status_quote
from rectxl.core.rules.owners import holds_error
from rectxl.core.rules.registry import Rule, rule
from rectxl.core.status import ACCOUNT_TEXT, Status, box_choices, dropped, read_status
from rectxl.core.text import LazyPattern, cn_date, fold, shorten, to_simplified

__all__ = ["FUTURE_WORDING", "PAST_WORDING", "main_clauses", "progress_contradiction", "said_of_the_work"]

#: wording that says the work is not done yet (a "已完成" row must not say it): plans and
#: intentions (拟, 将于, 计划于, 准备于, 打算, 预计, 争取, 近期将), work going on (正在, 正抓紧, 尚在, 还在,
#: …中), waiting for a decision (待审议, 待批复), not done (尚未, 未完成, 暂无进展), paused (暂停, 暂缓),
#: extended (申请延期), partly done (基本完成, 完成80%, 完成约七成, 剩余部分, 还有1.2万元), in a stage (处于公示阶段)
_FUTURE = (
    r"拟|将于|将在|将继续|将进一步|将会|将要|计划(?:于|在|到|年|月)|下一步|正在|尚未|还未|仍在|暂未|待完成|推进中"
    r"|正(?:抓紧|加紧|加快|逐步|积极|着手|全力|有序|稳步|按计划|按(?:照)?(?:序时|时序|进度|时间节点|节点)|组织|开展|进行|推进|落实|办理|起草|修订|制定|编制|实施|"
    r"协调|研究|筹备|建设|施工|追缴|清退|整改)"
    r"|尚在|还在|仍然在|依然在|一直在"
    # 待 opening a clause, or after 尚/仍/还/正/现 (not 接待, 待遇, "对…的待报废资产")
    r"|(?=待)(?:^|(?<=[，,；;、\s尚仍还正现]))待(?!遇|人|客|岗|命|验收|销号)[\u4e00-\u9fff]{0,8}?(?:审议|审定|审批|批复|签批|"
    r"上会|研究|印发|出台|实施|完成|落实|追缴|追回|启动|开展|办理|整改|签订|签署|签约|开标|评标|拨付)"
    r"|准备(?:于|在|对|开展|召开|启动|印发|出台|实施|组织|制定|起草|修订|年底|下半年)|打算|预计(?!节约|减少|增加|可)"
    r"|(?:争取|力争)(?!资金|项目|支持|政策|到位)|近期(?!已)(?:将|拟|准备|印发|召开|出台|完成|开展|启动|组织|实施)"
    r"|(?=..中)(?:整改|推进|进行|办理|修订|修改|起草|制定|启动|实施|落实|追缴|追回|清退|审批|审核|施工|建设|招标|公示|核查|调查|研究|"
    r"完善|编制|梳理|协调|清理|处置|报批|论证)中(?=$|[，,。；;、：:\s])"
    # 未 said of the work: opening a clause or after a subject word, not naming a thing ("建立未完成事项清单")
    r"|(?=未)(?:^|(?<=[，,；;、\s仍尚还暂均都现]))未(?:能|全部|完全)?(?:完成|到位|追回|追缴|启动|开始|开展|落实|整改|办结|解决|"
    r"清退|清理)(?!事项|问题|清单|项目|任务|情况|部分|的)"
    r"|(?=未)(?<=[\u4e00-\u9fff]{2})(?<!的)未(?:能|全部|完全)?(?:完成|到位|追回|追缴|落实|办结|清退)(?=$|[，,；;。])"
    r"|还没有?|(?:无|没有)(?:实质性?)?进展"
    # the work paused ("项目暂停", "暂缓实施"), not a measure taken ("暂缓任用", "暂停其执法资格")
    r"|(?:暂停|暂缓|搁置|停滞|中止)(?=$|[，,。；;]|(?:推进|实施|整改|施工|建设|办理|执行|中))"
    r"|处于[^，,。；;]{0,8}(?:阶段|过程|程序|期)"
    r"|申请延期|延期(?:至|到)"
    r"|基本完成|大部分完成|部分完成|完成了?部分|(?:剩余|其余|余下)部分|(?:完成|(?<!支出|拨付|支付|执行|使用|序时)进度|完成率|整改率)(?:了|约|达|达到|为)?"
    r"(?:\d{1,2}(?:\.\d+)?%|[一二三四五六七八九1-9]成|百分之(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?![百\d])|过半|一半|近半|大半)"
    r"|(?:剩余|剩下|尚有|仍有|余下|还有)\s*\d{1,4}(?:\.\d+)?\s*(?:万元|元|项|个|条|件|处|户|家|笔|人|名)"  # "…剩余1项"
)
#: the first character of every alternative of :data:`_FUTURE`: tested before the alternatives at
#: each position (a long progress text is read in a few microseconds, not tens); the alternatives
#: that open with an assertion or a group test their own first character (or the 中 ending a
#: "…中") the same way, a fifth of the pattern's time on a ledger's progress texts
_FUTURE_FIRST = ("拟将计下正尚还仍依一暂待推准打预争力近整进办修起制启实落追清审施建"
                 "招公核调研完编梳协处报论未无没搁停中基大部其剩余申延")
FUTURE_WORDING = re.compile(f"(?=[{_FUTURE_FIRST}])(?:{_FUTURE})")
#: a date still ahead as the plan, opening a clause of a done row's progress ("年底前完成", "12月底前
#: 全部完成"; not "于9月底前完成", which is done)
_DUE_AHEAD = re.compile(
    r"(?:确保|计划|预计)?(?:\d{4}年)?(?:年底|年内|年中|\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?)前"
    r"(?:全部|全面)?(?:完成|到位|办结|整改)(?!了)"
)
#: wording that says something has already been done or begun (a "未启动" row must not say it)
PAST_WORDING = re.compile(
    r"已(?!于计划)|(?:完成|建立|制定|印发|起草|召开|开展|形成|出台|组织|成立|修订|部署|启动|拟定|梳理|排查|摸排|约谈)了"
    r"|正在|正(?:抓紧|着手|积极|组织|开展|起草|制定|推进|修订|编制)|(?:推进|进行|整改|起草|修订|实施)中(?=$|[，,。；;、])"
)


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
                # an account in the status cell (a ledger whose 整改情况 column is its only word on
                # the work): no drop-down to choose from — its opening is where a status is read
                # the sheet's own drop-down, when its words are not rectxl's
                own = _sheet_list(ctx, m)
                advice = (_LEAD_WITH_STATUS if ACCOUNT_TEXT.search(m.status_text)
                          else f"请从本表下拉列表选择{_quoted(own[0])}。"
                          if own and set(own[0]) != {s.value for s in Status} else _CHOOSE if own else _FILL_IN)
                if advice is _LEAD_WITH_STATUS and ctx.has_column(m, F.COMPLETED) and not m.completed_text:
                    # a ledger keeping 完成时间 beside its accounts: a date there says it is done
                    advice += "已完成的，也可在“完成时间”列填写完成日期。"
                if concerned_not := _NOT_CONCERNED.fullmatch(m.status_text.strip()) is not None:
                    # "不涉及": the measure is not this unit's — no status, and none is to be chosen
                    advice = ("写的是本单位不涉及该项措施，不是整改进度：不涉及的措施请从本单位台账中删除，"
                              "或在“备注”列说明；该项如需本单位整改，" + _FILL_IN)
                problem = "无法识别"
                if (verb := dropped(m.status_text)) is not None:
                    # "已终止", "已取消", "经研究不予整改": the measure dropped — not done, not going on
                    problem = f"写的是该项措施{'已' + verb if verb else '不再整改'}，不是整改进度"
                    advice = ("rectxl 不把它算作已完成，通报和汇总表也不计入已完成。经批准不再整改的（如问题经核实"
                              "不属实、已并入其他措施），请在“备注”列写明理由和批准单位、日期，报巡察办备案后从台账中"
                              "调整；仍需整改的，" + _FILL_IN)
                if m.status_text[:1].isdigit() and m.deadline.due is not None and (
                        parse_deadline(m.status_text).due == m.deadline.due):
                    # the status column holding its rows' deadlines (grid reads no such column as done)
                    advice = (f"整改状态填的是日期，且与整改时限（{cn_date(m.deadline.due)}）相同，像是把整改时限"
                              f"误填进了状态列：{_FILL_IN}已完成的，请在“完成时间”列填写实际完成日期。")
                if not concerned_not and (due := past_due(m, ctx.as_of)) is not None:
                    # no overdue finding for it: whether it is finished is what cannot be read
                    advice += f"该项整改时限（{due}）已过，状态改正后才能判断是否逾期。"
                advice += _colours_unread(ctx, m)
                yield r.at(ctx, m, F.STATUS, problem=problem, advice=advice)
            elif len(choices[0]) > 1:
                # a row ticked in two status columns (已完成 | 正在推进 | 未完成), or a form's boxes
                # ticked twice in one cell
                ticked = "".join(f"“{o}”" for o in choices[0])
                yield r.at(ctx, m, F.STATUS, problem=f"同时勾选了{ticked}",
                           advice="整改状态只能勾选一项，请核实实际进度后只保留一个勾。")
            # no box ticked: missing-status


def _sheet_list(ctx: Context, m: Measure) -> tuple[tuple[str, ...], bool] | None:
    """The words of the drop-down list (数据验证 → 序列) of ``m``'s status cell, if it has one, and
    whether it refuses what it does not list."""
    if not any(sheet.lists for sheet in ctx.sheets):
        return None
    sheet = next((s for s in ctx.sheets if s.name == m.sheet), None)
    cell = m.cell(F.STATUS)
    return sheet.list_at(cell) if sheet is not None and cell else None


def _quoted(words: tuple[str, ...]) -> str:
    return "".join(f"“{w}”" for w in words)


@rule(
    "status-not-in-list", Severity.INFO,
    "整改状态不在该单元格自己的下拉列表（数据验证 → 序列，出错警告为“停止”：只能从列表中选）中，且列表里没有一项与它"
    "同义（粘贴进来的或列表改过后留下的，如列表只有已整改、整改中、未整改时的“基本完成”）：rectxl 仍按读出的状态校验，"
    "但按本单位下拉选项统计时它无处可计。",
    "整改状态“{value}”不在本表下拉列表（{choices}）中，列表里也没有与“{status}”同义的选项：请按实际进度从下拉列表中"
    "选择一项，以免按下拉选项统计时漏计。",
)
def status_not_in_list(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        raw = m.raw.get(F.STATUS)
        if m.status is None or not isinstance(raw, str) or not raw.strip():
            continue
        own = _sheet_list(ctx, m)
        # a list that lets a clerk type anything is a suggestion; a list of one item holding a
        # 、 or ; of its own ("已完成、正在推进") was never a list to choose from (full-width
        # commas part its words: the reader's _list_words)
        if own is None or not own[1] or (len(own[0]) == 1 and re.search(r"[，、；;]", own[0][0])):
            continue
        # a word of the same meaning (已整改 beside a list's 已完成) is counted with it: only a
        # status the list has no option for is told
        if m.status not in {read_status(w).status for w in own[0]}:
            yield r.at(ctx, m, F.STATUS, choices="、".join(own[0]), status=m.status)


#: a status cell saying the measure does not concern the unit ("不涉及", "本单位不涉及", "不适用")
_NOT_CONCERNED = re.compile(r"(?:本单位|我单位|本村|本社区|本部门)?(?:不涉及|未涉及|不适用|无此项|无此项任务)[。.]?")


#: what a bad or missing status asks the clerk to do, in a ledger with a drop-down list
_CHOOSE = "请从下拉列表选择“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”。"
#: the same for a status cell with no drop-down list of its own (most county ledgers have none, and
#: a clerk told to pick from a list looks for one that is not there)
_FILL_IN = "请填写“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”之一。"
#: what a bad status written as an account asks for: the status first, as real ledgers write it
_LEAD_WITH_STATUS = ("这是一段整改情况的叙述，读不出整改状态：请在开头写明状态（如“已完成。……”“正在推进，……”），"
                     "或另设“整改状态”列填写“已完成”“基本完成”“正在推进”“长期坚持”或“未启动”。")


@rule(
    "status-deadline-swapped", Severity.WARNING,
    "整改时限与整改状态填反了：时限格写的是状态，状态格写的是时限（已按对调后的内容校验）。",
    "整改时限与整改状态填反了：时限格（{cell}）写的是状态“{status}”，"
    "状态格（{other}）写的是时限“{due}”。"
    "已按对调后的内容校验，请把两格的内容对调（整列填反的，对调两列的表头）。",
)
def status_deadline_swapped(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.swapped:
            yield r.at(ctx, m, F.STATUS, status=m.status_text, other=m.cell(F.DEADLINE) or "",
                       due=m.deadline.text)


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
        if m.status is not None:
            continue  # a status the row's colour gives it, by the sheet's legend
        if not ctx.has_column(m, F.STATUS) or F.STATUS in m.uncomputed or holds_error(ctx, m, F.STATUS):
            continue  # (an error value, #N/A: cell-error names it)
        # the form's boxes, none ticked: in the cell, or as the row's tick columns show them
        raw = m.raw.get(F.STATUS)
        form = box_choices(text or (raw if isinstance(raw, str) else ""))
        advice = ("请从下拉列表选择。" if _sheet_list(ctx, m) else _FILL_IN) if form is None else (
            f"请在{''.join(f'“{o}”' for o in form[1])}中勾选一项。")
        yield r.at(ctx, m, F.STATUS, advice=advice + _colours_unread(ctx, m))


def _colours_unread(ctx: Context, m: Measure) -> str:
    """What to say of a sheet keying its statuses by colour in a file whose fills rectxl does not
    read (a .csv, a table in Word): "" for any other."""
    sheet = next((s for s in ctx.sheets if s.name == m.sheet), None)
    if sheet is None or not sheet.colours_unread:
        return ""
    if sheet.colours_by_font:
        return (f"（本表的说明按字体颜色标注整改状态：{sheet.colours_unread}，但 rectxl 从这个文件里读不到"
                "字体颜色（.csv、Word 表格不保存颜色）：请用 .xlsx、.xlsb、.xls、.et 或 .ods 文件"
                "重新检查，或在整改状态列用文字写明状态。）")
    return (f"（本表的说明按底色标注整改状态：{sheet.colours_unread}，但 rectxl 从这个文件里读不到底色（.csv、Word 表格"
            "不保存单元格底色）：请用 .xlsx、.xlsb、.xls 或 .et 文件重新检查，"
            "或在整改状态列用文字写明状态。）")


@rule(
    "status-from-colour", Severity.INFO,
    "整改状态没有用文字填写，只用行的底色（或字体颜色）标注，rectxl 按表中的图例（如“已完成的标注绿色”"
    "“红色字体为未完成事项”）读出状态。",
    "工作表“{sheet}”有{count}项措施的整改状态只用{how}标注，已按图例读作：{read}。{how}在筛选、复制、汇总和转发中"
    "容易丢失，也无法统计，建议在整改状态列用文字写明状态。",
)
def status_from_colour(r: Rule, ctx: Context) -> Iterator[Finding]:
    by_sheet: dict[str, list[Measure]] = {}
    for m in ctx.measures:
        if m.status_colour:
            by_sheet.setdefault(m.sheet, []).append(m)
    by_font = {s.name for s in ctx.sheets if s.colours_by_font}
    for name, here in by_sheet.items():
        read = dict.fromkeys(f"{m.status_colour}{'' if m.status_colour == REST else '色'}为{m.status}"
                             for m in here if m.status is not None)
        yield r.at(ctx, here[0], F.STATUS, count=len(here), read="、".join(read),
                   how="字体颜色" if name in by_font else "底色")


@rule(
    "conditional-colours-unread", Severity.WARNING,
    "表中的说明按颜色标注整改状态，而有的颜色是条件格式按规则显示的，其中有 rectxl 算不出的规则（如色阶、"
    "“发生日期”或较复杂的公式，.xlsb 文件中的条件格式，本机未装 LibreOffice 时 .xls 文件中的条件格式）："
    "这些规则显示的颜色没有读取。",
    "工作表“{sheet}”的说明按颜色标注整改状态，但有的颜色是条件格式按规则显示的（{rules}），rectxl 没有读出这些规则"
    "让哪些单元格着色，这些单元格按未着色读取：请核对相关措施的整改状态，或在整改状态列用文字写明状态。",
)
def conditional_colours_unread(r: Rule, ctx: Context) -> Iterator[Finding]:
    for sheet in ctx.sheets:
        if sheet.conditional_unread:
            yield r.finding(ctx, sheet=sheet.name, row=sheet.header_row, rules=sheet.conditional_unread)


@rule(
    "status-text-mismatch", Severity.WARNING,
    # also (progress_contradiction): every numbered item; 正在推进 with all of it done; 正在推进, 长期坚持 or
    # 基本完成 with 尚未启动
    "状态与整改进展的措辞不符：已完成却写着拟/将/计划/下一步/正在/尚未…，或未启动却写着已…。",
    "状态为“{status}”，但整改进展写着“{word}”：请核实实际进度，改正状态或进展描述。",
)
def status_text_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.status is None or not m.progress:
            continue
        word = progress_contradiction(m.status, m.continuing, m.progress)
        if word is not None:
            # the words may come from the status cell itself ("正在推进，已全部完成" with no 整改进展)
            own = ctx.has_column(m, F.PROGRESS) and _filled(m.raw.get(F.PROGRESS))
            yield r.at(ctx, m, F.PROGRESS if own else F.STATUS, status=m.status, word=_said_in(m.progress, word))


@rule(
    "remark-status-mismatch", Severity.WARNING,
    "备注与整改状态不符：备注写着已完成、已办结、已整改到位，而整改状态是正在推进或未启动；"
    "或备注写着尚未完成、正在推进，而整改状态是已完成。",
    "备注写着“{said}”，而整改状态为“{status}”：请核实实际进度，改正整改状态或备注。",
)
def remark_status_mismatch(r: Rule, ctx: Context) -> Iterator[Finding]:
    for m in ctx.measures:
        if m.status is None or not m.remark or not m.status_text or m.status in (Status.MOSTLY_DONE, Status.LONG_TERM):
            continue
        said = remark_status(m.remark)
        if said is None:
            continue
        clause, status = said
        if (status is Status.DONE) == (m.status is Status.DONE):
            continue
        yield r.at(ctx, m, F.REMARK, said=shorten(clause, 20), status=status_quote(m))


#: a clause of a remark ends at these marks
_REMARK_CLAUSES = re.compile(r"[，,。；;！!？?\n]")
#: what a remark's status clause may open with: the measure, the day ("该项", "整改任务", "11月")
_REMARK_SUBJECT = (r"(?:该项|此项|本项|该问题|本问题|此问题|该项工作|该项任务|整改任务|整改工作|问题|整改|目前|当前|现|"
                   r"截至目前|经核查)?")
#: a remark saying the measure is finished, in so many words ("已办结", "此项已全部整改完毕", "11月已完成整改";
#: not a step of it, "已召开会议", nor a thing, "资金已到位")
_REMARK_DONE = LazyPattern(
    rf"^{_REMARK_SUBJECT}(?:已经?|均已)?(?:于?[\d年月日号.\-/上中下旬底初末份]{{2,14}})?(?:已经?)?(?:全部|按期|如期|全面|彻底)?"
    # the clause ends there: "上月已完成自查" is a step, "整改完成后将长期坚持" what comes after
    r"(?:完成|办结|完结|整改到位|整改完毕|整改完成|完成整改|落实到位|销号|整改)(?:工作|任务)?了?$")
#: a remark saying it is not finished ("尚未完成", "目前仍在推进中", "整改尚未到位"; not "资金尚未到位",
#: said of a thing, nor "尚未验收", finished work waiting for its check)
#: what is left, opening a remark on the part not finished ("剩余2个村尚未完成", "尚有1项未整改", "部分未完成")
_REMARK_LEFT = r"(?:(?:剩余|还剩|还有|尚有|仍有|另有)[\d一二三四五六七八九十两]{1,4}[\u4e00-\u9fff]{1,4}?|部分)?"
_REMARK_GOING = LazyPattern(
    rf"^{_REMARK_SUBJECT}{_REMARK_LEFT}(?:仍|尚|还|暂)?(?:正在|仍在|还在|尚未|暂未|仍未|还未|未)"
    rf"|^{_REMARK_SUBJECT}(?:推进|整改|进行)中")
_REMARK_CLOSURE = LazyPattern(r"验收|销号|销项")


def remark_status(remark: str) -> tuple[str, Status] | None:
    """What a 备注 says of the measure's status, when a clause of it is a status and nothing else
    and says it in so many words: ("已办结", 已完成) for "该项已办结，佐证见附件", ("尚未完成",
    正在推进) for "尚未完成，待资金到位"; ``None`` for a remark saying no status, a step done
    ("已召开专题会议") or statuses both ways ("原正在推进，10月已完成": a history)."""
    found: list[tuple[str, Status]] = []
    for clause in (c.strip() for c in _REMARK_CLAUSES.split(remark)):
        if not clause or len(clause) > 20:
            continue
        reading = read_status(clause)
        if reading.status is None or reading.rest:
            continue
        if reading.status is Status.DONE and _REMARK_DONE.match(clause):
            found.append((clause, Status.DONE))
        elif reading.status in (Status.IN_PROGRESS, Status.NOT_STARTED) and _REMARK_GOING.match(clause) and (
                not _REMARK_CLOSURE.search(clause)):
            found.append((clause, reading.status))
    if not found or len({status is Status.DONE for _, status in found}) > 1:
        return None
    return found[0]


#: the marks a clause of progress ends at, for the one a message quotes
_CLAUSE_MARKS = re.compile(r"[，,。；;！!？?\n]")


def _said_in(progress: str, word: str) -> str:
    """The clause of ``progress`` holding the contradicting ``word``, as a message quotes it: "拟" alone
    or "已" alone says nothing to the clerk — "拟于12月召开专题会议研究" does (cut after 20 characters)."""
    if (at := _folded(progress).find(word)) < 0:
        return word
    start = max((m.end() for m in _CLAUSE_MARKS.finditer(progress, 0, at)), default=0)
    end = m.start() if (m := _CLAUSE_MARKS.search(progress, at)) is not None else len(progress)
    clause = progress[start:end].strip()
    return shorten(clause, 20) if clause else word


@rule(
    "long-term-not-started", Severity.WARNING,
    "整改时限或整改状态写着长期坚持，而状态为未启动：长期坚持的措施没有到期日，不会逾期预警，未启动就一直无人督促"
    "（巡察反馈之后才检查）。",
    "{said}：长期坚持的措施没有到期日，不会有逾期预警，一直未启动就无人督促。"
    "请尽快启动，把状态改为“正在推进”或“长期坚持”；如有阶段性目标，请把时限写成“…前完成并长期坚持”。",
)
def long_term_not_started(r: Rule, ctx: Context) -> Iterator[Finding]:
    feedback = ctx.ledger.info.feedback_date
    if feedback is not None and ctx.as_of <= feedback:
        return  # a ledger drawn up before the feedback: nothing is started yet
    for m in ctx.measures:
        if m.status is not Status.NOT_STARTED:
            continue
        if m.deadline.kind is DeadlineKind.LONG_TERM:
            own = " ".join(m.deadline.text.split())
            due = f"“{own}”" if own == "长期坚持" else f"“{own}”（长期坚持）"
            said = f"整改时限为{due}，而整改状态为“{status_quote(m)}”"
        elif (rest := read_status(m.status_text).rest) and read_status(rest).status is Status.LONG_TERM:
            # "未启动（长期坚持）": the cell says both
            said = f"整改状态“{' '.join(m.status_text.split())}”既写着未启动，又写着长期坚持"
        else:
            continue
        yield r.at(ctx, m, F.STATUS, said=said)


def _filled(value: object) -> bool:
    return value is not None and bool(str(value).strip())


def progress_contradiction(status: Status, continuing: bool, progress: str) -> str | None:
    """The words of ``progress`` that contradict ``status``, or ``None``:

    - 已完成: a plan, work going on, waiting, not done, paused or partly done (:data:`FUTURE_WORDING`,
      or a date still ahead: "年底前完成") in the main clause of any numbered item ("一是…；
      二是…", "(一)…", "1.…") — not in what comes next ("下一步将…"), in the state before the work
      ("此前尚未…，现已…", "整改前…尚有3处…；现已全部腾退"), or in a step after it ("正在准备验收
      材料", "正在按制度执行"); nothing when the work is done and kept up ("已完成，今后常态化开展");
    - 未启动: work done or begun (:data:`PAST_WORDING`);
    - 正在推进, one statement of progress: all of it done ("已整改完毕，已销号", "已全部完成，待验收");
    - 正在推进, 长期坚持 or 基本完成, one statement: not started ("尚未启动").
    """
    text = progress.strip()
    if not text:
        return None
    if status is Status.DONE:
        if continuing:
            return None  # done and kept up: the next round's date ("第4次研讨将于12月举行") is no contradiction
        folded = _folded(text)
        if (plan := _NEXT_STEP_ONLY.match(folded)) is not None:
            return plan.group()  # nothing said done, only what will be made next
        if not ("前" in folded and _DUE_AHEAD.search(folded)) and not FUTURE_WORDING.search(folded):
            return None  # main clauses are pieces of the text: no word in it, none in them
        for item in _items(text):
            main = _folded(main_clauses(item))
            if FUTURE_WORDING.search(main) and (hit := said_of_the_work(FUTURE_WORDING, main)):
                return hit.group()
            if "前" in main and (ahead := next(filter(None, map(_DUE_AHEAD.match, _CLAUSE.split(main))), None)):
                return ahead.group()
        return None
    if status is Status.NOT_STARTED:
        for item in _items(text):
            if _REASON.match(item):
                continue  # why it has not started ("原因：…，已申请延期"), not work done
            main = _folded(main_clauses(item))
            if PAST_WORDING.search(main) and (hit := said_of_the_work(PAST_WORDING, main)):
                return hit.group()
        return None
    if not _short_status_piece(text) or len(items := _items(text)) != 1:
        return None  # one item done or not started among several is how the work goes on
    main = main_clauses(items[0])  # read_status folds each clause itself
    if status is Status.IN_PROGRESS and (done := _clause_status(main, (Status.DONE,), fully=True)) and (
            not _still_going(_folded(text))):
        return done
    return _clause_status(main, (Status.NOT_STARTED,)) if _NOT.search(main) else None


def _short_status_piece(text: str) -> bool:
    """Is one of the clauses of ``text`` (its pieces between the marks of :data:`_PIECES`) short
    enough to be a status word and a done or a not-started one (``_FULLY`` or ``_NOT``)?

    Found from the hits of :data:`_STATUS_HINT` in the whole text, each measured out to its piece's
    ends — not by splitting every text and searching every piece twice, which was half of
    ``check``'s rule time on a large ledger (an account of progress has a dozen clauses, and few
    of them hold any of these words). A hit never spans a mark, so it lies in one piece."""
    end_of_text = len(text)
    for hit in _STATUS_HINT.finditer(text):
        start, end = hit.start(), hit.end()
        while start > 0 and text[start - 1] not in _MARKS and end - start <= _SHORT:
            start -= 1
        while end < end_of_text and text[end] not in _MARKS and end - start <= _SHORT:
            end += 1
        if end - start <= _SHORT and (start == 0 or text[start - 1] in _MARKS) and (
                end == end_of_text or text[end] in _MARKS):
            return True
    return False


def _still_going(folded: str) -> bool:
    """Does the text say work is still going on — not only a step after the finished work ("已整改
    完毕。正在准备验收材料")?"""
    return any(not (hit.group().startswith(("正", "还在", "仍在", "尚在")) and _AFTER_DONE.match(folded, hit.end()))
               for hit in FUTURE_WORDING.finditer(folded))


#: clauses and sentences, for a cheap look before the main clauses are found
_PIECES = re.compile(r"[，,、：:。；;！!？?\n]")
#: the marks :data:`_PIECES` splits at
_MARKS = frozenset("，,、：:。；;！!？?\n")
#: the longest clause read as a status word ("已全部整改完毕", "尚未启动"; longer ones are accounts)
_SHORT = 12
def _folded(text: str) -> str:
    """Progress words as the rules read them: width folded (full-width letters, digits and
    punctuation), traditional characters simplified — one character for one, so it is cheap."""
    if not text:
        return text
    return to_simplified(fold(text))


#: what a done or a not-started clause needs (a cheap test before reading clauses)
_NOT = re.compile(r"[未没沒末]")


#: words that say all of the work is done
_FULLY_WORDS = "全部|全面|均已|都已|完毕|完畢|到位|办结|辦結|销号|銷號|销项|銷項|验收|驗收"
#: a done clause that says all of it is done (not "已印发方案", one step of the work)
_FULLY = LazyPattern(_FULLY_WORDS + r"|^已?完成(?:整改)?$|^已?整改$")
#: what a text needs for one of its pieces to pass ``_FULLY`` or ``_NOT``: one search of the whole
#: text (the first characters tested before the alternatives) spares numbering and splitting every
#: progress text into pieces
_STATUS_HINT = re.compile(
    rf"(?=[未没沒末全均都完到办辦销銷验驗已整])(?:{_NOT.pattern}|{_FULLY_WORDS}"
    rf"|(?:^|(?<={_PIECES.pattern}))已?(?:完成(?:整改)?|整改)(?=$|{_PIECES.pattern}))"
)


def _clause_status(main: str, wanted: tuple[Status, ...], fully: bool = False) -> str | None:
    """The first clause of ``main`` that is a status word and nothing else, read as one of
    ``wanted`` ("整改中", "基本完成", "还没有开始", "已整改完毕"); ``fully``: a done one must say all
    of it is done."""
    for clause in _CLAUSE.split(main):
        clause = clause.strip()
        if not clause or len(clause) > _SHORT or _NAMES_A_THING.search(clause):
            continue  # "建立未完成事项清单": a thing made, not how far the work got
        if (going := _GOING.match(clause)) is not None and _AFTER_DONE.match(clause, going.end()):
            continue  # "正在准备验收材料": a step after the work
        reading = read_status(clause)
        if reading.status in wanted and not reading.rest and (not fully or _FULLY.search(clause)):
            return clause
    return None


#: a clause ending in a thing's name
_NAMES_A_THING = re.compile(r"(?:清单|台账|事项|名单|目录|制度|机制|办法|方案|项目|档案|问题|对象|人员|单位)$")
#: "正在", "还在" … opening a clause
_GOING = re.compile(r"(?:目前|现|当前)?(?:正在|仍在|还在|尚在|正)")


#: what an item's number needs
_ITEM_HINT = re.compile(r"是|[(（①-⑳]|\d[.．、]")
#: an item's number at the start of a line or after a full stop ("一是", "(二)", "3.", "④")
_ITEM = re.compile(
    r"(?:^|(?<=[。；;\n\s：:，,]))(?:[一二三四五六七八九十]{1,3}是|[(（][一二三四五六七八九十\d]{1,2}[)）]"
    r"|\d{1,2}[.．、](?!\d)|[①-⑳])"
)


def _items(text: str) -> list[str]:
    """The numbered items of a progress text (one item when it numbers none): each says how far
    its own part of the work got."""
    if not _ITEM_HINT.search(text):
        return [text]
    marks = [m.start() for m in _ITEM.finditer(text)]
    if len(marks) < 2:
        return [text]
    bounds = [0, *marks, len(text)] if marks[0] > 0 else [*marks, len(text)]
    return [part for a, b in pairwise(bounds) if (part := text[a:b].strip(" \n；;。，,"))]


#: after a word of time: it describes something (a 的 before the clause ends: "对尚未整改到位的3项
#: 问题", "对正在施工的工地"), or nothing was found ("暂未发现", "尚未收到")
_MODIFIES = re.compile(r"[^，,、：:；;。]*?的|(?:发现|出现|发生|收到|接到|查出|查到)")
#: before it in its clause: a rule adopted ("明确每年将于暑期…"), a plan kept ("按计划于6月底前完成")
_RULE_OR_PLAN = re.compile(r"(?:明确|规定|要求|确定|约定|承诺|按照?|根据|原|比|较|因|由于)[^，,、：:；;。]*$")
#: 拟 as part of a word: 拟定 (to draft), 拟任 (appointee), 拟提拔, 拟录用 … — not a plan
_NOUN_NI = ("定", "制", "订", "任", "提拔", "录用", "聘", "调任", "推荐")
#: after 已: a plan made, a delay asked for or the body the work waits on contacted, not work done
#: ("已明确于2027年3月底前出台", "已列入计划", "已申请延期", "待市局统一部署，已与市局对接")
_PLAN_MADE = LazyPattern(
    r"(?:明确|计划|安排|确定|列入|纳入|(?:申请|报请|提请|请示)[^，,。；;]{0,6}?(?:延期|延长|暂缓|缓办)"
    r"|(?:与|同|向)[^，,。；;]{1,12}?(?:对接|沟通|联系|衔接|汇报|请示)(?:[，,。；;]|$))")
#: a progress that opens with what will be made next and says nothing done ("下一步将制定《…办法》，
#: 提交院党委会审议") — not what done work goes on with (下一步将继续/持续/进一步…)
_NEXT_STEP_ONLY = re.compile(
    r"(?:下一步|下步|接下来|后续)[，,：:]?(?:将|要|拟|计划)?(?:制定|出台|修订|建立|健全|提交|召开|启动|印发|起草|组织|开展|实施)")
#: an item that gives the reason the work has not started ("原因：…", "未整改原因：…", "（原因：…）")
_REASON = re.compile(r"[（(]?(?:未(?:整改|完成|启动)?)?(?:原因|理由|说明)[：:]")


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
        if word.startswith("将") and (before.endswith(_BA) or (word == "将在" and after.startswith(_ZAI_WORD))):
            continue  # "已将在职干部全部纳入…": 将 is 把, and 在职 a word
        if word.startswith(("正", "还在", "仍在", "尚在")) and _AFTER_DONE.match(clauses, hit.end()):
            continue  # "已全部完成，正在准备验收材料", "正在按制度执行": what follows the finished work
        if word.startswith(_PLANS) and _FOLLOW_UP.match(after):
            continue  # "拟于下月开展“回头看”", "将于年底前接受验收": a check of the finished work planned
        if _MODIFIES.match(after) or _RULE_OR_PLAN.search(before) or before.endswith(_FOUND):
            continue  # …or what a check found ("发现未落实“三同时”制度项目5个"), not the work's state
        return hit
    return None


#: what a check found, just before the words: they describe it ("检查项目46个，发现未落实…的5个")
_FOUND = ("发现", "查出", "查到", "查实", "检查出", "排查出", "梳理出", "核查出", "存在")


#: plan words a check of finished work may follow
_PLANS = ("拟", "将", "计划", "准备", "预计", "近期")
#: …that check: a 回头看, a review, acceptance, closure — with no other work on the way to it
#: ("拟于年底前完成整改并验收" plans the work itself)
_FOLLOW_UP = re.compile(
    r"(?:(?!完成|整改|落实|制定|修订|印发|出台|建立|实施)[^，,。；;]){0,10}?"
    r"(?:开展|组织|进行|接受|迎接|申请|推进|启动|适时)(?:一次|一轮|全面|专项)?[“\"']?"
    r"(?:回头看|复查|复核|验收|销号|整改评估|成效评估)")


#: before 将 meaning 把 ("已将…纳入", "均将…列入")
_BA = ("已", "已经", "均已", "都已", "并已", "均", "都", "现已")
#: 在 starting a word after 将 (将在职干部 …, 将在编人员 …)
_ZAI_WORD = ("职", "编", "岗", "册", "建", "用", "任", "逃", "押")
#: after 正在/还在: a step that follows finished work — acceptance, filing, keeping the rule in force
_AFTER_DONE = re.compile(
    r"(?:抓紧|积极|组织|有序)?(?:准备|整理|收集|申请|办理|开展|进行|组织|迎接|等待|接受|推进)?[“\"']?"
    r"(?:验收|销号|归档|资料|佐证|复查|回头看)"
    r"|按(?:照)?[^，,。；;]{0,10}?(?:执行|运行|实施|落实)|(?:严格)?(?:执行|运行|巩固|常态化|持续|跟踪|监督)"
)


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


#: a clause of the state before the work ("此前尚未建立台账", "整改前，该单位尚有3处…")
_BEFORE = re.compile(r"^(?:此前|之前|以前|过去|原先|原来|原本|整改前|起初|当初|曾经?)")
#: …and the one that says how it is now ("现已全部腾退", "目前已建立")
_NOW = LazyPattern(r"^(?:现|目前|当前|如今|现在|截至目前|截止目前|经整改|整改后|通过整改)")


def main_clauses(progress: str) -> str:
    """The part of a progress text that says how far the work got: its first sentence, without
    the clauses that only say what comes next, nor those of the state before the work ("此前尚未
    建立台账，现已建立…" — the next sentence too when the first is only that)."""
    kept: list[str] = []
    before = False
    rest = progress.strip()
    while rest:
        end = _SENTENCE_END.search(rest)
        sentence, rest = (rest[:end.start()], rest[end.end():]) if end else (rest, "")
        for c in _CLAUSE.split(sentence):
            c = c.strip()
            if not c:
                continue
            if _BEFORE.match(c):
                before = True
                continue
            if before and not _NOW.match(c):
                continue
            before = False
            if not _NEXT_STEP.match(c) and not _BUILT_ON.search(c):
                kept.append(c)
        if kept or not before:
            break
    return "，".join(kept)
