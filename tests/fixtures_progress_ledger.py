"""A clerk's ledger with a real progress column, built the way a county bureau keeps one.

青溪县自然资源局 (fictional) after 县委第二巡察组's feedback: a merged title row and a
"填报单位（盖章）… 填报日期" row above the header; 问题方面 / 问题编号 / 具体问题 merged down over
their measures; the clerk's aspects carry their own "一、" numbering; the issue numbers have a
mistake (1 2 3 | 4 5 5 | 7 8: 5 twice, no 6); a 整改进展 column that says how far each measure
got in the many ways clerks write it — a status word then the narrative ("已完成。印发…"), a
narrative alone, a bare status word ("已完成", "推进中", "持续推进"), a fragment ("起草中"), a
progress that restates the measure ("已建立…台账"), a planned step ("拟于…"), two lines in one
cell, nothing at all — and four measures marked 未启动 (one issue has nothing started). A
基本信息 sheet gives the notice's facts and its contact lines in the unit's own words
(联系电话 / 邮政信箱 / 邮政编码 / 电子邮箱).

Names, places, numbers and texts are made up. :func:`build_progress_ledger` writes the .xlsx;
:data:`EXPECTED` states what the published notice must say about it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

__all__ = ["AS_OF", "CONTACT", "EXPECTED", "ISSUES", "ProgressMeasure", "build_progress_ledger"]

AS_OF = date(2026, 11, 20)


@dataclass(frozen=True)
class ProgressMeasure:
    text: str
    lead: str
    unit: str
    person: str
    deadline: str
    status: str
    progress: str
    evidence: str = ""


M = ProgressMeasure

#: (aspect as the clerk wrote it, the ledger's issue number, issue, measures)
ISSUES: list[tuple[str, int, str, list[ProgressMeasure]]] = [
    ("一、贯彻落实党的路线方针政策和上级决策部署方面", 1,
     "党组理论学习中心组学习不够深入，以读代学、以传达代学习的现象仍然存在",
     [M("建立健全党组理论学习中心组学习制度，明确学习内容、频次和形式", "刘建华", "办公室", "王晓燕",
        "2026年8月31日", "已完成",
        "已完成。印发《青溪县自然资源局党组理论学习中心组学习制度》，明确每月集中学习不少于1次。",
        "学习制度印发文件"),
      M("每季度开展一次专题研讨，班子成员轮流领学并撰写心得体会", "刘建华", "办公室", "王晓燕",
        "长期坚持", "长期坚持",
        "2026年第三季度已开展专题研讨1次，5名班子成员提交研讨材料5篇。", "研讨记录"),
      M("将理论学习情况纳入股室年度考核", "刘建华", "人事股", "邓丽",
        "2026年12月31日", "未启动", "")]),
    ("一、贯彻落实党的路线方针政策和上级决策部署方面", 2,
     "耕地保护责任落实不到位，部分乡镇耕地“非农化”问题整改进度滞后",
     [M("开展耕地保护专项督查，对整改进度滞后的乡镇下发督办函", "陈立新", "耕地保护股", "谭志勇",
        "2026年9月底", "已完成", "对6个乡镇开展专项督查，下发督办函4份，督促整改问题图斑31个。",
        "督查通报、督办函"),
      M("建立违法占用耕地动态巡查台账，实行月调度", "陈立新", "执法监察大队", "易斌",
        "立行立改", "已完成",
        "已建立违法占用耕地动态巡查台账，实行月调度，累计巡查发现问题图斑23个，已全部处置到位。",
        "巡查台账"),
      M("将耕地保护目标责任考核结果与乡镇年度绩效挂钩", "陈立新", "耕地保护股", "谭志勇",
        "2026年10月31日", "已完成",
        "印发《青溪县耕地保护目标责任考核办法》，考核结果纳入乡镇年度绩效评估。", "考核办法")]),
    ("一、贯彻落实党的路线方针政策和上级决策部署方面", 3,
     "不动产登记“一窗受理”推进缓慢，群众办事多头跑",
     [M("优化不动产登记窗口设置，推行“一窗受理、集成服务”", "周敏", "不动产登记中心", "黄佳",
        "2026年9月30日", "已完成", "已完成", "窗口调整照片"),
      M("与县税务局、县住建局共享交易和税务数据", "周敏", "不动产登记中心", "黄佳",
        "2026年10月底", "正在推进", "推进中"),
      M("编制不动产登记办事指南并在县政务服务网公开", "周敏", "不动产登记中心", "黄佳",
        "2026年8月31日", "已完成", "已在县政务服务网公开办事指南，涉及登记事项18项。",
        "网站截图")]),
    ("二、落实全面从严治党“两个责任”方面", 4,
     "党组主体责任压得不实，对下属事业单位监督管理偏松",
     [M("制定党组落实全面从严治党主体责任清单，明确班子成员“一岗双责”任务", "刘建华", "办公室",
        "王晓燕", "2026年8月31日", "已办结",
        "已印发主体责任清单和班子成员“一岗双责”任务清单，共明确任务46项。", "责任清单"),
      M("每半年听取一次下属事业单位党风廉政建设情况汇报", "刘建华", "办公室", "王晓燕",
        "长期坚持", "长期坚持", ""),
      M("对县不动产登记中心开展内部巡查", "刘建华", "驻局纪检监察组", "罗平",
        "2026年11月30日", "基本完成",
        "内部巡查已完成，发现问题9个；\n已整改7个，其余2个正在整改。")]),
    ("二、落实全面从严治党“两个责任”方面", 5,
     "廉政风险防控不到位，土地出让、矿产资源管理等重点领域风险点排查不全",
     [M("全面排查土地出让、矿业权出让等重点环节廉政风险点", "陈立新", "驻局纪检监察组", "罗平",
        "2026年9月30日", "已完成", "共排查廉政风险点42个，制定防控措施56条。", "风险点清单"),
      M("修订《重点岗位廉政风险防控手册》", "陈立新", "驻局纪检监察组", "罗平",
        "2026年12月底", "正在推进", "起草中"),
      M("对重点岗位人员开展廉政谈话", "刘建华", "驻局纪检监察组", "罗平",
        "2026年9月30日", "已完成",
        "局主要负责同志和分管领导对21名重点岗位人员开展廉政谈话。", "谈话记录")]),
    ("二、落实全面从严治党“两个责任”方面", 5,
     "违反中央八项规定精神问题仍有发生，公务用车管理不规范",
     [M("修订公务用车管理办法，实行派车单制度", "周敏", "办公室", "李娟",
        "2026年8月31日", "已完成",
        "已修订《青溪县自然资源局公务用车管理办法》，自8月起全面实行派车单制度。", "管理办法"),
      M("开展公务用车使用情况专项检查", "周敏", "办公室", "李娟",
        "2026年9月30日", "已完成",
        "已完成。检查派车记录326条，对2起不规范用车问题进行了通报批评。", "检查通报"),
      M("开展违反中央八项规定精神问题警示教育", "刘建华", "驻局纪检监察组", "罗平",
        "2026年10月31日", "已完成", "结合“以案促改”开展警示教育2次，参加干部职工186人次。",
        "会议记录")]),
    ("三、党的组织建设和干部队伍建设方面", 7,
     "基层党支部“三会一课”制度落实不严格，组织生活质量不高",
     [M("开展“三会一课”落实情况专项检查", "周敏", "机关党委", "彭芳",
        "2026年9月30日", "已完成", "对局机关及下属单位7个党支部开展检查，发现问题12个，均已整改。",
        "检查记录"),
      M("规范党支部会议记录，统一印制组织生活记录本", "周敏", "机关党委", "彭芳",
        "2026年9月30日", "已完成", "统一印制组织生活记录本120本，已发放至各党支部。", "发放登记"),
      M("开展党支部书记集中轮训", "周敏", "机关党委", "彭芳",
        "2026年10月31日", "已完成", "已完成", "培训通知"),
      M("每年评选一批“过硬党支部”示范点", "周敏", "机关党委", "彭芳",
        "2026年12月底前完成并长期坚持", "长期坚持", "持续推进")]),
    ("三、党的组织建设和干部队伍建设方面", 8,
     "干部队伍年龄结构老化，专业技术人才储备不足",
     [M("制定2027—2029年干部队伍建设规划", "刘建华", "人事股", "邓丽",
        "2027年3月底前", "未启动", "未启动"),
      M("通过公开招聘补充测绘、地质等专业技术人员", "刘建华", "人事股", "邓丽",
        "2027年6月30日", "未启动", "拟于2027年上半年全县事业单位公开招聘时一并实施。"),
      M("建立专业技术骨干“师带徒”培养机制", "刘建华", "人事股", "邓丽",
        "2027年底", "未启动", "")]),
]

#: the contact lines of 基本信息, in the unit's own words
CONTACT = {
    "联系电话": "0739-5212306",
    "邮政信箱": "青溪县城南路18号县自然资源局办公室",
    "邮政编码": "422300",
    "电子邮箱": "qxzrzyj_xc@163.com",
}

INFO = [
    ("单位名称", "县自然资源局党组"),
    ("党组织名称", "中共青溪县自然资源局党组"),
    ("巡察组", "县委第二巡察组"),
    ("巡察开始", date(2026, 4, 13)),
    ("巡察结束", date(2026, 5, 29)),
    ("反馈日期", date(2026, 7, 8)),
    ("报告日期", AS_OF),
    *CONTACT.items(),
    ("组织领导情况",
     "局党组把巡察整改作为重大政治任务，第一时间成立由党组书记任组长的整改工作领导小组，"
     "召开专题会议6次研究部署整改工作，逐条制定整改措施，明确责任领导、责任股室和完成时限。"),
    ("下一步工作",
     "局党组将持续抓好尚未完成的整改事项，对已完成的事项适时开展“回头看”，"
     "建立健全长效机制，以整改成效推动自然资源工作高质量发展。"),
]

HEADER = ["问题方面", "问题编号", "具体问题", "整改措施", "分管领导", "责任科室", "责任人",
          "完成时限", "整改状态", "整改进展", "佐证材料"]


def _expected() -> dict:
    measures = [m for *_, ms in ISSUES for m in ms]
    return {
        "aspects": 3, "issues": len(ISSUES), "measures": len(measures),
        "measures_done": 15, "measures_mostly_done": 1, "measures_in_progress": 2,
        "measures_long_term": 3, "measures_not_started": 4,
        "issues_done": 2, "issues_mostly_done": 1, "issues_in_progress": 3,
        "issues_long_term": 1, "issues_not_started": 1, "rate": "60%",
        "issue_numbers_per_aspect": [[1, 2, 3], [1, 2, 3], [1, 2]],
    }


#: what the notice must say: counts of the totals sentence and the numbering it publishes
EXPECTED = _expected()

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def build_progress_ledger(path: Path, *, aspects: int = 3) -> Path:
    """Write the ledger to ``path`` (.xlsx); ``aspects=2`` keeps only the first two aspects."""
    kept = [a for a in dict.fromkeys(a for a, *_ in ISSUES)][:aspects]
    issues = [i for i in ISSUES if i[0] in kept]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    width = len(HEADER)
    ws.append(["中共青溪县自然资源局党组关于县委第二巡察组反馈意见整改落实台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(name="方正小标宋简体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["填报单位（盖章）：青溪县自然资源局办公室", None, None, None, None, None, None,
               None, "填报日期：2026年11月20日"])
    ws.append(HEADER)
    for c in range(1, width + 1):
        ws.cell(3, c).font = Font(bold=True)
    row = 4
    aspect_start: dict[str, int] = {}
    for aspect, number, issue, measures in issues:
        first = row
        for k, m in enumerate(measures):
            ws.append([aspect if aspect not in aspect_start else None,
                       number if k == 0 else None, issue if k == 0 else None, m.text,
                       m.lead, m.unit, m.person, m.deadline, m.status, m.progress,
                       m.evidence or None])
            aspect_start.setdefault(aspect, row)
            row += 1
        for col in (2, 3):
            ws.merge_cells(start_row=first, start_column=col, end_row=row - 1, end_column=col)
    # 问题方面 merged down over all of its rows
    starts = [*sorted(aspect_start.values()), row]
    for start, end in itertools.pairwise(starts):
        ws.merge_cells(start_row=start, start_column=1, end_row=end - 1, end_column=1)
    for r in range(3, row):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    for letter, w in zip("ABCDEFGHIJK", (16, 6, 28, 34, 8, 12, 8, 14, 9, 40, 14), strict=True):
        ws.column_dimensions[letter].width = w

    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    for key, value in INFO:
        info.append([key, value])
        if isinstance(value, date):
            info.cell(info.max_row, 2).number_format = "yyyy-mm-dd"
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 60
    wb.save(path)
    return path


if __name__ == "__main__":  # pragma: no cover - writes the fixture for a look
    import sys

    print(build_progress_ledger(Path(sys.argv[1] if len(sys.argv) > 1 else "进展台账.xlsx")))
