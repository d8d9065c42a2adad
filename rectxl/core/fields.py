"""Ledger columns: canonical names, header aliases and how a header cell maps to a field.

Field identifiers are the canonical Chinese column names: they are what a clerk sees in the
ledger's header row, what a finding's ``field`` says, and they never change once released.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from rectxl.core.status import status_phrase
from rectxl.core.text import to_simplified

__all__ = [
    "ALIASES",
    "ASPECT",
    "CATEGORY",
    "COMPLETED",
    "DEADLINE",
    "EVIDENCE",
    "HIERARCHY_FIELDS",
    "INFERRED_STATUS",
    "ISSUE",
    "ISSUE_NO",
    "LEAD",
    "MEASURE",
    "OWNER_PERSON",
    "OWNER_UNIT",
    "PROGRESS",
    "REMARK",
    "REQUIRED_FIELDS",
    "STATUS",
    "TEMPLATE_COLUMNS",
    "field_for_header",
    "header_key",
    "is_count_header",
    "names_quiet",
    "names_unread",
]

ASPECT: Final = "方面"
CATEGORY: Final = "问题类别"
ISSUE_NO: Final = "问题序号"
ISSUE: Final = "具体问题"
MEASURE: Final = "整改措施"
LEAD: Final = "责任领导"
OWNER_UNIT: Final = "责任单位"
OWNER_PERSON: Final = "责任人"
DEADLINE: Final = "整改时限"
STATUS: Final = "整改状态"
COMPLETED: Final = "完成时间"
PROGRESS: Final = "整改进展"
EVIDENCE: Final = "佐证材料"
REMARK: Final = "备注"
CO_OWNER: Final = "配合单位"
GOAL: Final = "整改目标"
ACCEPTOR: Final = "验收人"
ACCEPTED: Final = "验收日期"
CLOSED: Final = "销号日期"
#: how a measure is to be done: 立行立改 / 限期整改 / 长期坚持 — what its deadline is, when the
#: 整改时限 cell is blank or only a date
RECTIFY_KIND: Final = "整改类型"
#: a yes/no column: 是否验收 / 是否销号 (是, √, 已销号 …; a date also says yes)
ACCEPTED_FLAG: Final = "是否验收"
CLOSED_FLAG: Final = "是否销号"
EXTENSION: Final = "延期时限"
#: when an extension was applied for or approved (延期申请/批准日期)
EXTENSION_GRANTED: Final = "延期批准日期"
#: a plain 序号 column: numbers rows, or (merged per issue) the issues
ROW_NO: Final = "序号"
#: where an issue came from (市委第三巡察组反馈, 自查发现): a note on the issue, never its text
ISSUE_SOURCE: Final = "问题来源"
#: how an issue shows itself (具体表现, 问题表现) in a column beside the issue's own: a note on the
#: issue, never its text (alone, such a column is the issue)
ISSUE_DETAIL: Final = "问题表现"
#: a header that names a column rectxl knows and does not read (督办人): no field, and not
#: mistaken for one its words resemble
NOT_READ: Final = ""
#: a status guessed from a notice's wording (rectxl parse-notice): never read as 整改状态
INFERRED_STATUS: Final = "推断状态"

#: recognised columns kept as text in ``Measure.extra`` (closure, extensions, co-owners, goals)
EXTRA_FIELDS: Final = (CO_OWNER, GOAL, ACCEPTOR, ACCEPTED, CLOSED, ACCEPTED_FLAG, CLOSED_FLAG, EXTENSION,
                       EXTENSION_GRANTED, RECTIFY_KIND, ISSUE_SOURCE, ISSUE_DETAIL)

#: Columns a ledger must have (DESIGN.md §3, ``header-missing``).
REQUIRED_FIELDS: Final = (ISSUE, MEASURE, OWNER_UNIT, DEADLINE, STATUS)
#: Columns whose merged or blank cells carry the hierarchy down to the measure rows.
HIERARCHY_FIELDS: Final = (ASPECT, CATEGORY, ISSUE_NO, ISSUE)

#: The template's column order (``rectxl new``) and the order findings and sheets use.
TEMPLATE_COLUMNS: Final = (
    ASPECT, CATEGORY, ISSUE_NO, ISSUE, MEASURE, LEAD, OWNER_UNIT, OWNER_PERSON,
    DEADLINE, STATUS, COMPLETED, PROGRESS, EVIDENCE, REMARK,
)

#: every field a column can be mapped to (the standard column names)
ALL_FIELDS: Final = (*TEMPLATE_COLUMNS, CO_OWNER, GOAL, ACCEPTOR, ACCEPTED, CLOSED, ACCEPTED_FLAG, CLOSED_FLAG,
                     EXTENSION, EXTENSION_GRANTED, RECTIFY_KIND, ISSUE_SOURCE, ISSUE_DETAIL)

#: Header text (after :func:`header_key`) → field. DESIGN.md §2 lists the aliases real ledgers use.
ALIASES: Final[dict[str, str]] = {
    **dict.fromkeys(["方面", "问题方面", "反馈问题方面", "问题类型方面", "所属方面", "方面问题"], ASPECT),
    **dict.fromkeys(["问题类别", "类别", "问题类型", "问题分类", "类别问题"], CATEGORY),
    **dict.fromkeys(["问题序号", "问题编号", "问题号"], ISSUE_NO),
    **dict.fromkeys(
        ["具体问题", "问题", "巡察反馈问题", "存在问题", "反馈问题", "问题描述", "问题表现",
         "巡察发现问题", "问题清单", "主要问题"], ISSUE),
    **dict.fromkeys(["整改措施", "措施", "具体整改措施", "整改任务", "整改举措"], MEASURE),
    **dict.fromkeys(["责任领导", "分管领导", "牵头领导", "责任领导人", "分管局领导"], LEAD),
    **dict.fromkeys(
        ["责任单位", "责任部门", "责任科室", "牵头单位", "责任主体", "牵头部门", "责任处室",
         "牵头科室", "责任单位部门", "整改责任", "责任清单"], OWNER_UNIT),
    **dict.fromkeys(["责任人", "经办人", "具体责任人", "直接责任人", "联系人"], OWNER_PERSON),
    **dict.fromkeys(
        ["整改时限", "完成时限", "整改期限", "时限要求", "整改时间", "完成期限", "时限"], DEADLINE),
    **dict.fromkeys(
        ["整改状态", "完成情况", "整改情况", "是否完成", "整改完成情况", "状态", "进度状态"],
        STATUS),
    **dict.fromkeys(["完成时间", "完成日期", "实际完成时间", "办结时间"], COMPLETED),
    **dict.fromkeys(
        ["整改进展", "进展情况", "整改落实情况", "整改进展情况", "工作进展", "落实情况"], PROGRESS),
    **dict.fromkeys(["佐证材料", "佐证资料", "整改佐证", "佐证", "证明材料", "佐证材料清单"], EVIDENCE),
    **dict.fromkeys(["备注", "说明"], REMARK),
    **dict.fromkeys(["配合单位", "配合部门", "协办单位", "配合科室", "配合股室"], CO_OWNER),
    **dict.fromkeys(["整改目标", "目标", "预期目标", "整改要求"], GOAL),
    **dict.fromkeys(["验收人", "验收责任人", "验收单位"], ACCEPTOR),
    **dict.fromkeys(["验收日期", "验收时间"], ACCEPTED),
    **dict.fromkeys(["销号日期", "销号时间"], CLOSED),
    **dict.fromkeys(["是否验收", "是否已验收", "是否通过验收", "验收情况", "验收结果"], ACCEPTED_FLAG),
    **dict.fromkeys(["是否销号", "是否已销号", "销号与否", "是否销账"], CLOSED_FLAG),
    **dict.fromkeys(["整改类型", "整改方式", "整改时限类型", "时限类型", "整改要求类型"], RECTIFY_KIND),
    **dict.fromkeys(["延期时限", "延期至", "延期时间", "延期后时限", "延期期限"], EXTENSION),
    **dict.fromkeys(["延期批准日期", "延期批准时间", "延期申请日期", "延期申请时间", "申请延期日期", "申请延期时间",
                     "批准延期日期", "批准延期时间", "延期审批日期", "延期审批时间"], EXTENSION_GRANTED),
    **dict.fromkeys(["序号", "编号", "序", "项次"], ROW_NO),
    **dict.fromkeys(["推断状态", "状态推断", "推断的状态"], INFERRED_STATUS),
}

#: A header nobody listed is recognised by its meaningful parts, tried in this order (the first
#: that matches wins: 问题整改措施 is a measure, 计划完成时间 a deadline, 问题类别 a category).
#: DESIGN.md §2: "recognise a header by its meaningful parts, not only by a fixed list".
_PARTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple((re.compile(p), f) for p, f in (
    (r"问题(序号|编号|编码|代码)|^问题号$", ISSUE_NO),
    (r"来源|出处|发现途径|发现方式", ISSUE_SOURCE),
    (r"^(序号|编号|序次)$", ROW_NO),
    # No., NO, №, 序号No. (a form printed in both languages): the rows' numbers
    (r"^(?:序号|编号)?(?:[Nn][Oo]|№)[.．]?$", ROW_NO),
    # 措施序号 | 整改措施: the measures' own numbers ("1-1", "1-2"), not their text
    (r"(?:措施|举措|任务)(?:序号|编号)|^(?:序号|编号)[(（](?:措施|举措)[)）]$", ROW_NO),
    # 整改期限类型, 时限类别 (立行立改 / 限期整改 / 长期坚持): what kind of deadline, not the deadline
    (r"(?:时限|期限|时间)(?:类型|类别|分类|性质)", RECTIFY_KIND),
    # 问题等级, 风险等级, 严重程度 (一般 / 较重 / 严重): how grave the issue is — no column rectxl reads,
    # and not the issue's text
    (r"等级$|级别$|严重程度|轻重程度|^(?:问题|风险)?程度$", NOT_READ),
    # 责任单位及责任人 ("文物股 张某"): the unit comes first
    (r"(?:单位|部门|科室|股室|处室)\s*(?:及|和|与|、|/|[(（])\s*(?:责任人|负责人|经办人)", OWNER_UNIT),
    # 责任主体和整改时限, 责任单位、责任人及完成时限: the owners, each cell naming when the work is due
    # after them ("县住建局 王某某 2026年6月底前") — read by the grid as the deadline too
    (r"^(?:责任|牵头|主责)?(?:单位|部门|科室|股室|处室|主体)(?:、?(?:责任人|负责人))?\s*(?:及|和|与|、|/|＋|\+)\s*"
     r"(?:完成|整改|办结)?(?:时限|期限|时间|时间节点)$", OWNER_UNIT),
    # 牵头单位+配合单位, 责任单位/配合单位: one column of both, the lead unit first ("网信办（牵头）、…")
    (r"(?:牵头|责任|主责|主办)(?:单位|部门|科室|股室|处室)?\s*(?:\+|＋|及|和|与|、|/|／)\s*(?:配合|协办|协助)",
     OWNER_UNIT),
    # 督办人, 督办领导: who presses the owner, not an owner — no column rectxl reads; nor the unit
    # inspected or reporting (被巡察单位, 填报单位: a city's ledger of ten bureaus), nor a system's
    # review of the report (审核状态, 退回原因)
    (r"^(?:督办|督导|督查)(?!.*(?:发现|指出|反馈)的?问题)|^被(?:巡察|巡视|检查|督查)|^(?:填报|报送|上报|所属|录入)(?:单位|部门)|^巡[察视]对象"
     r"|^审核|^审批(?:状态|意见|结果)|退回原因|驳回", NOT_READ),
    # 联系电话, 联系方式, 手机号码: how to reach the person — no column rectxl reads, and not a
    # 责任单位 under a 责任主体 group label
    (r"^(?:联系|办公|手机)?(?:电话|手机)(?:号码?)?$|^联系方式$", NOT_READ),
    # 配合领导: a leader who co-operates, not a co-operating unit
    (r"配合领导|协管领导", NOT_READ),
    # 延期原因, 申请延期理由, 延期事由及依据: why the deadline was put back — a note on the measure, as
    # 未完成原因 is, not the extended deadline
    (r"^(?!.*(?:时限|期限|时间|日期|至))(?:.*延期[\u4e00-\u9fff]{0,4}?(?:原因|理由|事由|缘由|依据|说明)"
     r"|(?:延期|逾期|超期)情况说明)", REMARK),
    (r"(?:延期.*(?:申请|批准|审批|批复)|(?:申请|批准|审批|批复).*延期).*(?:日期|时间)", EXTENSION_GRANTED),
    # 延期审批情况, 延期批复情况, 延期申请及审批: how an extension was approved (经…同意延期至…, 批复
    # on a day) — the approval beside the 延期时限 column, not a second extended deadline
    (r"延期.*(?:申请|批准|审批|批复|报批).*(?:情况|说明|意见|结果|文件|文号|依据)?$", EXTENSION_GRANTED),
    # 是否延期 (是/否): a yes/no, not the extended deadline — the date is in the deadline cell
    (r"^是否.*延期", NOT_READ),
    # 计划开始时间, 开始日期, 启动时间: when the work starts — not when it is due (计划完成时间 is)
    (r"^(?:计划|预计|拟)?(?:开始|起始|启动|开工)(?:整改|实施)?(?:时间|日期)$", NOT_READ),
    (r"延期|^(?:调整|变更)后", EXTENSION),
    (r"验收.*(日期|时间)", ACCEPTED),
    # 验收意见, 验收结论 (通过/同意): whether it was accepted, not who accepted it
    (r"验收(?:意见|结论)", ACCEPTED_FLAG),
    (r"是否.*验收|验收(?:情况|结果)", ACCEPTED_FLAG),
    (r"是否.*销号", CLOSED_FLAG),
    # 验收标准, 完成标志, 销号条件: what finished means — the goal, not who accepts it
    # 整改标准, 预期成效, 预期效果: what finished means or is to bring — the goal, not how far it got
    (r"(?:验收|完成|销号|办结|整改)(?:标准|标志|条件)|^预期(?:成效|效果|结果)", GOAL),
    # 验收销号情况 ("已验收销号"/"未销号"): how far closure got, as 销号情况 is — not who accepted it
    (r"^(?:验收)?销号(?:验收)?(?:情况|结果)$", STATUS),
    # 销号意见, 销号审核意见, 销号结论 ("同意销号"): whether it was closed, as 验收意见 says accepted
    (r"销号(?:审核|审批|审定|审查)?(?:意见|结论)|^销号(?:审核|审批|审定|审查)(?:情况)?$", CLOSED_FLAG),
    (r"验收", ACCEPTOR),
    (r"销号.*(日期|时间)", CLOSED),
    (r"配合|协办|协助|协同", CO_OWNER),
    # 整改进展及佐证材料, 整改成效及佐证, 进展情况及存在问题: the account of the work, its evidence
    # or what holds it up named in it — the progress (not the evidence, nor a second issue column)
    (r"(?:进展|成效|成果|落实|推进|办理)(?:情况|成效)?\s*(?:及|和|与|、|/|／|\+|＋)\s*"
     r"(?:佐证|证明|支撑|印证|见证|备查|(?:存在|遇到)?的?(?:问题|困难))", PROGRESS),
    # 未完成原因, 进度滞后原因, 存在困难及原因, 未完成原因及下步措施, 下步工作打算, 推进中存在的问题,
    # 需协调解决的事项: why a measure is not done yet, what holds it up and what comes next — a note
    # on the measure, as its 备注 is (not a second issue or measure column, and no column left unread)
    (r"^[\u4e00-\u9fff]{0,4}?(?:未完成|未整改|未办结|未到位|未按期完成|未按时完成|未完成整改|整改不到位|进度滞后|滞后"
     r"|推进缓慢|进展缓慢|延误|逾期)的?(?:原因|理由)|(?:存在|遇到|面临)的?(?:困难|障碍|难点|堵点)"
     r"|^(?:困难|难点|堵点)(?:和|及|与|、)?(?:问题|原因)|(?:整改|推进|工作|落实)(?:困难|难点|堵点|障碍)"
     r"|(?:推进|整改|落实|实施|办理|工作)(?:中|过程中)(?:存在|遇到)的?(?:问题|困难)"
     r"|^下一?步(?:工作|整改)?(?:打算|计划|安排|思路|考虑|工作)$|^(?:需|需要|亟需|提请)(?:上级)?(?:协调|解决|帮助)"
     # 存在问题及困难, 遇到的问题和困难: what holds the work up (not a second issue column); 需说明事项,
     # 需要说明的情况: a note
     r"|(?:存在|遇到|面临)的?问题(?:及|和|与|、)(?:困难|障碍|难点)|^(?:需|需要|其他需要?)说明的?(?:事项|情况|问题)$",
     REMARK),
    (r"佐证|证明(?:材料|资料)|支撑(?:材料|资料)|印证(?:材料|资料)|见证材料|备查材料|备查资料|附件", EVIDENCE),
    # 整改措施及时限, 措施及完成时限, 整改任务及时间节点: the measures, each naming its deadline in its
    # text ("制定学习计划，2025年6月底前完成") — not when a measure was done (措施完成时间)
    (r"(?:措施|举措|任务)(?:及|和|与|、|/|／)(?:完成|办结|整改)?(?:时限|期限|时间节点|时间|节点)(?:要求)?$", MEASURE),
    # 整改措施及完成情况, 措施及落实情况: the measures, each saying how far it got ("建立台账，已完成")
    (r"(?:措施|举措|任务)(?:及|和|与|、|/|／)(?:其)?(?:完成|落实|整改|推进)?(?:情况|进展|进度|状态)$", MEASURE),
    # 整改目标及措施: the measures, their goal beside them
    (r"(?:目标|任务)(?:及|和|与|、)(?:措施|举措)|(?:措施|举措)(?:及|和|与|、)(?:目标|成效)", MEASURE),
    (r"目标", GOAL),
    # 进度安排, 时间安排: the work's schedule ("3月底前完成排查，6月底前完成整改") — when it is due, not
    # how far it got
    (r"(?:进度|时间|时序)安排", DEADLINE),
    (r"^进展状态$|^进度状态$", STATUS),  # a status, whatever its first word says
    # 取得成效, 办理情况 (a 督办 ledger's word for what was done)
    # 办理结果, 落实结果, 处理结果 (a 督办 or complaint ledger's word for what was done, "已完成。…")
    (r"进展|落实情况|推进情况|工作情况|情况说明|进度说明|成效|成果|整改效果|办理(?:情况|进展|结果)"
     r"|^(?:落实|处理|推进|办理|整改落实)(?:结果|情况)$", PROGRESS),
    # 是否按期完成 (是/否): done by the deadline, or not (yet) — the only status some ledgers keep
    # 是否已完成, 是否已整改, 完成与否, 整改到位与否, 完成结果: yes or no, the work done
    (r"状态|完成情况|是否已?(?:按期|按时|如期)?(?:完成|办结|整改|落实|到位)|办结情况|进度|整改结果|整改情况|销号情况|到位情况"
     r"|^(?:整改)?(?:完成|办结|整改|落实|到位|整改到位)与否$|^(?:完成|办结)结果$"
     r"|整改是否(?:到位|完成|办结)"
     # 完成标识, 状态标记: the mark a status is ticked with ("●", "○")
     r"|^(?:完成|整改|进度|进展|状态|办结|销号)(?:标识|标记|标志|符号)$", STATUS),
    # 实际完成时间 (under a 完成时限 group: 计划 | 实际): when it was done
    (r"^实际.*(?:完成|办结|时限|时间|日期)|^(?:完成|办结)?(?:时限|时间|日期)实际$", COMPLETED),
    # 应完成时间, 要求完成时间: when it is due, not when it was done
    (r"^(?:应|应当|要求|计划|拟)(?:完成|办结|整改)(?:时间|日期)", DEADLINE),
    # 整改周期, 完成时段, 整改时间段, 时间计划: the span the work is given; 承诺完成时间: the day promised
    (r"时限|期限|时间节点|节点|截止|计划.*(时间|日期)|完成时间要求|时间要求|预计.*(时间|日期)|周期|时段|时间段"
     r"|时间计划|^承诺.*(?:时间|日期)|^(?:整改|完成|办结)期$", DEADLINE),
    (r"(完成|办结|整改)(时间|日期)", COMPLETED),
    # 责任班子成员, 联系班子成员: a member of the unit's leading group — the leader in charge
    (r"领导|分管负责人|分管负责同志|第一责任人|^主要负责(?:人|同志)$|班子成员|副职$", LEAD),
    # 经办科室, 经办股室, 具体经办单位: the office that does the work, not its person
    (r"经办(?:单位|部门|科室|股室|处室)$", OWNER_UNIT),
    # 责任校长, 包保局长, 联系县长, 责任院长: the leader in charge, named by the post (not 责任单位's 责任学校)
    (r"^(?:责任|包保|挂点|联系|分管|主管|牵头|挂包)副?(?:局长|县长|市长|区长|镇长|乡长|主任|书记|院长|校长|园长|行长|"
     r"总经理|经理|所长|部长|场长|处长|站长|厂长|馆长|社长|董事长|主席|组长|总监)$", LEAD),
    # 责任医生, 责任教师, 责任民警, 包村干部, 具体承办人: the person, named by the post (not 责任单位; a
    # post alone — 教师, 干部 — is a staff list's data)
    (r"^(?:责任|具体|主办|承办|包保|包村|包片|包户|联系|驻村)(?:教师|老师|医生|医师|护士|民警|警员|干警|辅警|"
     r"干部|职工|工作人员|会计|出纳|律师|法官|检察官|网格员|专干|专管员|科员|社工|村干部|驻村干部|承办人|经办人|办事员)$",
     OWNER_PERSON),
    # 分管副局长, 分管副县长, 分管院长: the leader in charge, named by the post
    (r"^(?:分管|主管|牵头)副?(?:局长|县长|市长|区长|镇长|乡长|主任|书记|院长|校长|行长|总经理|所长|部长|场长|处长)$",
     LEAD),
    # 个人 (under 整改责任 over 领导 | 单位 | 个人): the person
    # 落实人, 具体落实人: the person who carries it out
    (r"责任人|经办|承办人|落实人|联系人|负责人|具体人|牵头人|负责同志|^个人$|^个人(?:整改)?责任|责任个人",
     OWNER_PERSON),
    (r"单位|部门|科室|股室|处室|牵头|主责|责任主体|承办|责任科|责任股|责任处|责任室|办线|责任线", OWNER_UNIT),
    # 责任学校, 责任社区, 责任支行, 责任中队: who is responsible, named by its kind
    (r"^责任(?!人|领导|清单|事项|目标)[\u4e00-\u9fff]{1,4}$|^整改主体$", OWNER_UNIT),
    # 具体做法, 整改方法, 整改思路: how the issue is to be put right
    # 整改清单: the list of what is to be done, beside the 问题清单 and 责任清单 of a 三单 ledger
    (r"措施|举措|办法|对策|整改任务|任务|怎么改|整改内容|做法|方法|思路|路径|^整改清单$", MEASURE),
    (r"方面", ASPECT),
    # 问题领域 (党的建设, 党风廉政建设): the issues' field, as 问题类别 names it
    # 问题大类 | 问题小类: the category's two levels, not the issue
    (r"类别|类型|分类|领域|问题(?:性质|定性)|^共性.?个性$|(?:大|小|细|子)类$", CATEGORY),
    # 问题产生原因, 原因分析: why the issue arose — no issue's text (a second 具体问题 column), no
    # column read ("存在问题及原因" is the issue, its cause beside it; 未完成原因 is a remark, above)
    (r"^(?:问题|问题产生|产生)?的?原因(?:分析)?$",
     NOT_READ),
    # 存在不足, 不足之处, 存在差距, 短板弱项: what was found wanting — the issue
    (r"问题|事项|表现|反馈意见|巡察意见|巡视意见|(?:不足|差距|短板|弱项)(?!.*原因)", ISSUE),
    (r"备注|说明", REMARK),
))
#: headers longer than this are titles or notes, never a column name
_MAX_HEADER = 14
#: a numbered heading ("第一方面问题，…", "(一)…", "1.…") or a sentence is data, never a column name
_NOT_A_NAME = re.compile(
    r"[，,。；;]|^\s*(?:第[一二三四五六七八九十\d]+(?!责任人)|[一二三四五六七八九十]+[、.．]"
    # "问题1：食品安全监管存在盲区": an issue's label with its text is data
    r"|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、]|问题\s*[\d一二三四五六七八九十]+\s*[:：、.．])"
)


#: how the header of a count or a rate ends (措施数, 问题个数, 整改措施数量, 完成率, 占比)
_A_COUNT = ("数", "数量", "率", "占比", "比例")

_NOISE = re.compile(r"[（(][^)）]*[)）]|[\s\u3000*＊※:：\[\]【】]")


def header_key(text: object) -> str:
    """Reduce a header cell to the form the alias table is keyed on.

    Traditional characters folded to simplified (問題 → 问题), whitespace (incl. full-width and
    line breaks), required-field stars and any parenthesised note dropped, e.g.
    ``"整改时限\\n(年月日)*"`` → ``"整改时限"``.
    """
    if text is None:
        return ""
    return _NOISE.sub("", to_simplified(str(text)))


def field_for_header(text: object) -> str | None:
    """The field a header cell names, or ``None`` when it names none: a known name first, else
    the name's meaningful parts (责任股室 → 责任单位, 存在的问题 → 具体问题, 整改完成时限 → 整改时限)."""
    if isinstance(text, str):
        return _field_for_header_text(text)
    return _field_for_header(text)


@functools.lru_cache(maxsize=4096)
def _field_for_header_text(text: str) -> str | None:
    """:func:`field_for_header` of a text, once per distinct text: the header search tries every
    cell of a sheet's first rows, and a folder of ledgers made from one template repeats them."""
    return _field_for_header(text)


#: a bracketed note saying the column is the co-operating units' ("责任单位（配合）")
_CO_NOTE = re.compile(r"[(（]\s*(?:配合|协办|协助|协同)\s*[)）]")


#: a column ticked when the work is done: "完成（√）", "是否办结（打√）", "已完成打√", "整改到位（●）"
TICKED_WHEN_DONE = re.compile(
    r"^(?:是否)?(?:已|全部)?(?:完成|办结|整改到位|整改完成|完成整改)(?:情况)?\s*[(（]?\s*(?:请|可)?(?:打|画|划|标|用|以)?"
    r"\s*[√✓✔☑●■]\s*(?:号|表示(?:已?完成)?)?\s*[)）]?$")


#: a bracketed note in a header ("（已完成/正在整改/未完成）", "（填写整改状态）")
_NOTE = re.compile(r"[(（]([^)）]*)[)）]")
_NOTE_SPLIT = re.compile(r"[/／、|｜,，;；\s]+|或")
_NOTE_ASKS = re.compile(r"^(?:请|可|需|须)?(?:填写?|注明|标明|写明|选填|选择)")


def _status_in_note(text: str) -> bool:
    """The header's note says the column holds the status: it lists the statuses to write
    ("整改落实情况（已完成/正在整改/未完成）") or names the status column ("备注（整改状态）",
    "说明（填写是否完成）") — whatever the words before it would say."""
    for note in _NOTE.findall(to_simplified(text)):
        words = [w for w in _NOTE_SPLIT.split(note) if w]
        if len(words) >= 2 and all(status_phrase(w) is not None for w in words):
            return True
        named = _NOTE_ASKS.sub("", note.strip())
        if named and (ALIASES.get(header_key(named)) == STATUS or _by_parts(header_key(named)) == STATUS):
            return True
    return False


#: a header's note naming what it counts in: 反馈问题（个）, 已整改（项）, 涉及人员（人次）
_COUNTED_IN = re.compile(r"[（(]\s*(?:个|项|件|条|家|处|笔|人次|次)\s*[)）]\s*$")


def is_count_header(text: object) -> bool:
    """``text`` heads a column of counts or rates (问题数, 整改措施数量, 完成率, 销号占比, 反馈问题（个）)
    — a statistics table's column, never one of the ledger's."""
    if not isinstance(text, str) or _NOT_A_NAME.search(text):
        return False
    if _COUNTED_IN.search(text):
        return True
    key = header_key(text)
    return 0 < len(key) <= _MAX_HEADER and key not in ALIASES and key.endswith(_A_COUNT)


def _field_for_header(text: object) -> str | None:
    if isinstance(text, str) and _CO_NOTE.search(text):
        return CO_OWNER  # the note header_key drops says it (责任单位（牵头） | 责任单位（配合）)
    if isinstance(text, str) and _COUNTED_IN.search(text):
        return None  # 反馈问题（个）: how many, a statistics table's column (its note header_key drops)
    if isinstance(text, str) and ("(" in text or "（" in text) and _status_in_note(text) \
            and _field_for_header(_NOTE.sub("", text)) in (STATUS, PROGRESS, REMARK):
        return STATUS  # 整改落实情况（已完成/正在整改）, 备注（整改状态）: the status's column
    if isinstance(text, str) and TICKED_WHEN_DONE.match(re.sub(r"\s+", "", to_simplified(text))):
        return STATUS
    key = header_key(text)
    found = ALIASES.get(key)
    if found is not None or not key or len(key) > _MAX_HEADER or _NOT_A_NAME.search(str(text)):
        return found
    if is_count_header(text):
        return None  # 措施数, 问题个数, 完成率: a column of a statistics table, not of the ledger
    if _DAY_AND_EVIDENCE.match(key):
        return COMPLETED  # the day it was done, its evidence after it in the cell (grid splits them)
    if _JOINED.search(key) and (required := _required_of_joined(key)) is not None:
        return required
    return _by_parts(key)


#: 完成时间及佐证, 实际完成时间及佐证材料, 完成日期和佐证材料: the day the work was done and its
#: evidence in one column. Not 完成时限 or 整改时间: those name the deadline (a 完成时限及佐证 column
#: holds "2026年6月30日前；…", a day to finish by, not one finished on)
DAY_AND_EVIDENCE_HEADER = r"^(?:实际)?(?:完成|办结)(?:时间|日期)(?:及|和|与|、|/|／|\+|＋)(?:佐证|证明|支撑)"
_DAY_AND_EVIDENCE = re.compile(DAY_AND_EVIDENCE_HEADER)


def _by_parts(key: str) -> str | None:
    for pattern, field in _PARTS:
        if pattern.search(key):
            return None if field == NOT_READ else field
    return None


def names_unread(text: object) -> bool:
    """The header names a column rectxl knows and does not read (联系电话, 督办人): no known name,
    and the first of its parts to say anything says that."""
    key = header_key(text)
    if not key or key in ALIASES:
        return False
    return next((field == NOT_READ for pattern, field in _PARTS if pattern.search(key)), False)


#: the columns an office keeps for its own use that no check needs and no clerk need be asked about:
#: how to reach the person (联系电话, 手机号码, 联系方式) and the record of who pressed the owner and
#: when (督办情况, 督办人, 催办记录, 督办次数) — not an opinion (督导组意见: it may carry a verdict)
_QUIET = re.compile(r"^(?:联系|办公|手机)?(?:电话|手机)(?:号码?)?$|^联系方式$"
                    r"|^(?:督办|督查|督促|催办)(?:情况|人|领导|单位|部门|科室|记录|次数|时间|日期|方式|频次)$")


def names_quiet(text: object) -> bool:
    """The header names a column rectxl reads nothing from and need not mention (联系电话, 督办情况)."""
    key = header_key(text)
    return bool(key) and key not in ALIASES and _QUIET.match(key) is not None and _by_parts(key) is None


#: the marks joining the names of one column that holds two things (责任领导及责任单位,
#: 完成情况及佐证, 分管领导/责任单位)
_JOINED = re.compile(r"[及和与、/／]")


def _required_of_joined(key: str) -> str | None:
    """The one required column among those a joined name names, each of its parts a column's name:
    "责任领导及责任单位" holds the unit (a ledger must name it; the leader beside it is read from the
    cell), "完成情况及佐证" the status. ``None`` when no part, or more than one, is required."""
    parts = [p for p in _JOINED.split(key) if p]
    if len(parts) < 2:
        return None
    fields = [ALIASES.get(p) or _by_parts(p) for p in parts]
    if None in fields:
        return None
    if fields[0] == PROGRESS and ISSUE in fields:
        return None  # 整改进展情况及存在问题: the problems met on the way, no issue column (see _PARTS)
    if fields[0] == REMARK:
        return None  # 未完成原因及下步措施: why it is not done and what comes next, a note (see _PARTS)
    required = {f for f in fields if f in REQUIRED_FIELDS}
    return required.pop() if len(required) == 1 else None


def field_named(text: str) -> str | None:
    """The field a user means by a standard column name or any alias ("责任单位", "牵头单位")."""
    key = header_key(text)
    if key in ALL_FIELDS:
        return key
    return field_for_header(key)
