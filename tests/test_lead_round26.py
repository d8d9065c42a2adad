"""Round 26 (lead): inputs written the way other offices write them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx

from rectxl.api import parse_notice_file
from rectxl.core.model import Ledger
from rectxl.core.status import Status


def _table_notice(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], counts: str) -> Path:
    """A township's notice whose problems are published in an attached table (附表)."""
    d = docx.Document()
    d.add_paragraph("中共某镇委员会关于巡察整改情况的通报")
    d.add_paragraph("根据县委统一安排，2026年3月至5月，县委第二巡察组对某镇党委开展了常规巡察，"
                    "6月20日反馈了巡察意见。现将整改情况通报如下：")
    d.add_paragraph("一、整改工作基本情况")
    d.add_paragraph(f"镇党委成立整改工作领导小组，制定整改方案。{counts}具体整改情况见附表。")
    d.add_paragraph("附表：巡察反馈问题整改落实情况表")
    table = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    d.add_paragraph("欢迎广大干部群众监督。联系电话：0000-7654321。")
    d.add_paragraph("中共某镇委员会")
    d.add_paragraph("2026年11月5日")
    d.save(path)
    return path


def _rows(ledger: Ledger) -> list[tuple[str, str, Status | None, str]]:
    return [(i.title, m.text, m.status, m.progress) for i in ledger.issues() for m in i.measures]


def test_notice_table_with_account_and_status_columns_reads_both(tmp_path: Path) -> None:
    """整改情况 (accounts) beside 整改状态 (status words): the accounts are the progress and the
    words the status — the parser had taken 整改情况 for the status and dropped 整改状态."""
    path = _table_notice(
        tmp_path / "镇通报.docx", ["序号", "反馈问题", "整改措施", "整改情况", "整改状态"],
        [("1", "理论学习中心组学习不规范", "制定年度学习计划，规范学习记录",
          "已制定年度学习计划，建立学习档案", "已完成"),
         ("2", "村级财务管理混乱", "开展村级财务专项清理", "已完成9个村财务清理，剩余3个村正在清理", "正在整改"),
         ("3", "惠民资金发放不透明", "全面公开惠民资金发放情况", "已在各村公示栏公示", "已完成")],
        "反馈的3个问题，已完成整改2个，正在整改1个。")
    parsed = parse_notice_file(path)
    assert _rows(parsed.ledger) == [
        ("理论学习中心组学习不规范", "制定年度学习计划，规范学习记录", Status.DONE, "已制定年度学习计划，建立学习档案"),
        ("村级财务管理混乱", "开展村级财务专项清理", Status.IN_PROGRESS, "已完成9个村财务清理，剩余3个村正在清理"),
        ("惠民资金发放不透明", "全面公开惠民资金发放情况", Status.DONE, "已在各村公示栏公示"),
    ]
    assert [c.ok for c in parsed.total_checks] == [True] * len(parsed.total_checks), parsed.total_checks


def test_notice_table_with_monthly_progress_reads_the_latest(tmp_path: Path) -> None:
    """10月进展 | 11月进展: the latest month is the progress (the first had been taken)."""
    path = _table_notice(
        tmp_path / "镇通报.docx", ["序号", "反馈问题", "整改措施", "10月进展", "11月进展", "完成情况"],
        [("1", "村务公开不及时", "按月公开村级事务", "制定公开目录", "已按月公开6次", "已完成"),
         ("2", "集体资产底数不清", "开展集体资产清查", "清查3个村", "清查9个村，剩余2个村", "推进中")],
        "反馈的2个问题，已完成整改1个。")
    ledger = parse_notice_file(path).ledger
    assert [(m.progress, m.status) for i in ledger.issues() for m in i.measures] == [
        ("已按月公开6次", Status.DONE), ("清查9个村，剩余2个村", Status.IN_PROGRESS)]
