"""status-text-mismatch on what clerks write beside 已完成 and 未整改 (ledgers round 6): a done row
whose progress only says what will be made next is flagged; a not-started row giving its reason
("原因：…，已申请延期") is not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import rectxl
from rectxl.core import fields as F
from tests.ledgers import write_simple_ledger

AS_OF = date(2026, 11, 30)


def _mismatches(tmp_path: Path, status: str, progress: str) -> list[str]:
    path = write_simple_ledger(tmp_path / "台账.xlsx", [{
        F.ASPECT: "一、落实管党治党责任方面", F.ISSUE: "1.药品耗材遴选制度缺失", F.MEASURE: "规范药品耗材遴选",
        F.LEAD: "刘院长", F.OWNER_UNIT: "药剂科", F.OWNER_PERSON: "孙某", F.DEADLINE: "2027年6月30日",
        F.STATUS: status, F.PROGRESS: progress, F.EVIDENCE: "会议纪要"}])
    report = rectxl.check(path, rectxl.Options(as_of=AS_OF))
    return [f.message for f in report.findings if f.code == "status-text-mismatch"]


def test_done_with_only_the_next_step_is_flagged(tmp_path: Path) -> None:
    found = _mismatches(tmp_path, "已完成", "下一步将制定《药品耗材遴选管理办法》，提交院党委会审议。")
    assert len(found) == 1 and "下一步将制定" in found[0]


@pytest.mark.parametrize("progress", [
    "已印发《药品耗材遴选管理办法》。下一步将制定配套细则。",  # done first, then what comes next
    "下一步将持续巩固整改成果。",  # what done work goes on with
    "下一步，将继续开展专项督查。",
])
def test_done_with_work_done_or_kept_up_is_not_flagged(tmp_path: Path, progress: str) -> None:
    assert _mismatches(tmp_path, "已完成", progress) == []


@pytest.mark.parametrize(("status", "progress"), [
    ("未整改", "原因：涉及历史遗留问题，需市政府统筹协调，已申请延期"),
    ("未启动", "涉及历史遗留问题，需市政府统筹协调，已申请延期至2027年6月"),
    ("未整改（原因：需市政府统筹协调，已报请延期）", None),
])
def test_not_started_with_its_reason_or_a_delay_asked_for_is_not_flagged(
        tmp_path: Path, status: str, progress: str | None) -> None:
    assert _mismatches(tmp_path, status, progress or "") == []


def test_not_started_with_work_done_is_still_flagged(tmp_path: Path) -> None:
    assert len(_mismatches(tmp_path, "未启动", "已完成办法初稿起草，征求意见中")) == 1


def test_a_named_spending_progress_is_not_the_measures_own_progress(tmp_path: Path) -> None:
    # "资金支出进度达92%" is how far the money was spent, not how far the measure got
    assert _mismatches(tmp_path, "已完成", "已建立周调度机制，资金支出进度达92%") == []
    assert len(_mismatches(tmp_path, "已完成", "整改进度达80%，其余正在推进")) == 1


def _ledger_with(tmp_path: Path, deadline: str, status: str, status_cell_error: bool = False) -> Path:
    import re
    import zipfile

    from openpyxl import Workbook

    path = tmp_path / "林场台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "整改进展"])
    ws.append([1, "森林资源管护责任落实不到位", "完善护林员巡护考核", "周场长", "资源管护科", "吴某", deadline, status,
               "已修订护林员考核办法，按月考核"])
    wb.save(path)
    if status_cell_error:  # the status cell shows #N/A (a lookup formula's error value)
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = re.sub(rb'<c r="H2"[^>]*>.*?</c>', b'<c r="H2" t="e"><v>#N/A</v></c>', parts[sheet])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return path


def test_a_stage_done_under_a_stage_then_long_term_deadline_is_on_track(tmp_path: Path) -> None:
    path = _ledger_with(tmp_path, "2025年底前完成阶段性任务，长期坚持", "已完成阶段性目标")
    codes = [f.code for f in rectxl.check(path, rectxl.Options(as_of=AS_OF)).findings]
    assert "overdue" not in codes
    # …while "基本完成" alone under the same deadline still is overdue: the stage is not said done
    path = _ledger_with(tmp_path, "2025年底前完成阶段性任务，长期坚持", "基本完成")
    assert "overdue" in [f.code for f in rectxl.check(path, rectxl.Options(as_of=AS_OF)).findings]


def test_an_error_value_in_the_status_cell_is_one_finding(tmp_path: Path) -> None:
    path = _ledger_with(tmp_path, "2027年6月30日", "正在推进", status_cell_error=True)
    at_status = [f.code for f in rectxl.check(path, rectxl.Options(as_of=AS_OF)).findings if f.cell == "H2"]
    assert at_status == ["cell-error"]
