"""Round twenty-three, the lead's own findings: ledgers written the way other offices write them,
built here with openpyxl (units, people and texts are fictional)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rectxl.cli import main


def _findings(ledger: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["check", str(ledger), "--format", "json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return found


def _yes_no_column(path: Path) -> Path:
    """A college's ledger whose 完成情况 column says only 已完成 / 未完成 (the progress says the rest)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["中共某某学院委员会落实巡察反馈意见整改台账"])
    ws.append(["填报单位：学院党委", None, None, None, None, None, "填报时间：2026年11月20日"])
    ws.append(["序号", "具体问题", "整改措施", "牵头领导", "责任部门", "完成时限", "整改进展情况", "完成情况"])
    rows: list[list[Any]] = [
        [1, "二级网站长期未更新。", "开展二级网站集中清理整治。", "张华", "宣传部", "2026年10月底",
         "已关停网站5个，整合3个。", "已完成"],
        [2, "干部档案审核发现问题整改不到位。", "逐一核查，限期补齐材料。", "李明", "组织部", "2026年12月31日",
         "未启动", "未完成"],
        [3, "听课制度落实不到位。", "修订领导干部听课制度。", "王芳", "教务处", "2026年12月31日",
         "已起草修订稿，待党委会审议。", "未完成"],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_not_finished_beside_not_started_progress_is_not_started(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _yes_no_column(tmp_path / "学院.xlsx")
    found = _findings(ledger, capsys)
    assert [f for f in found if f["code"] == "status-text-mismatch"] == []
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    # the third measure, begun, is still going on; the second has not started
    assert "已完成1项、正在推进1项、尚未启动1项" in text
    assert "计划于2026年12月31日前逐一核查" in text


def _one_row_per_problem(path: Path) -> Path:
    """A township ledger giving a problem one row, every cell listing its three measures one a line:
    the measures numbered, and their units, deadlines, progress and statuses line for line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改落实台账"
    ws.append(["青石镇党委关于县委巡察组反馈问题整改落实情况台账"])
    ws.append(["序号", "巡察反馈问题", "整改措施", "责任领导", "责任单位（人）", "整改时限", "整改进展情况",
               "整改状态"])
    ws.append([1, "村级财务管理不规范，部分村报销凭证要素不全。",
               "1.对全镇村级财务凭证逐笔清查；\n2.组织村报账员开展业务培训；\n3.建立村级财务季度抽查制度。",
               "周镇长", "经管站（陈某）\n经管站（陈某）\n纪委（何某）",
               "2026年9月30日前\n2026年6月30日前\n长期坚持",
               "1.已清查凭证3210笔；\n2.6月18日已组织培训，参训32人；\n3.已建立制度，第三季度抽查4个村。",
               "已完成\n已完成\n长期坚持"])
    ws.append([2, "河道垃圾清理不及时。", "建立河长巡河日志制度。", "李副镇长", "农业农村办", "2026年5月底",
               "已建立，累计巡河412次。", "已完成"])
    wb.save(path)
    return path


def test_an_item_opening_with_a_date_is_an_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"2.6月18日已组织培训" is the second item, opening with the day — not the decimal 2.6."""
    ledger = _one_row_per_problem(tmp_path / "青石镇.xlsx")
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt"), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "二是组织村报账员开展业务培训，6月18日已组织培训，参训32人。" in text
    assert "2.6月" not in text


def test_status_lines_give_each_listed_measure_its_status(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _one_row_per_problem(tmp_path / "青石镇.xlsx")
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt"), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    # the third line of the status cell is 长期坚持, though its progress says what was set up
    assert "4项整改措施已完成3项、长期坚持1项" in text
    assert "三是建立村级财务季度抽查制度，已建立制度，第三季度抽查4个村，长期坚持。" in text


def test_cells_listing_units_deadlines_and_statuses_line_for_line_are_not_called_shared(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _one_row_per_problem(tmp_path / "青石镇.xlsx")
    hint = [f for f in _findings(ledger, capsys) if f["code"] == "measures-in-one-cell"]
    assert len(hint) == 1 and hint[0]["cell"] == "C3"
    assert "共用" not in hint[0]["message"]
    assert "责任单位、时限和整改状态虽已逐行写明" in hint[0]["message"]


def test_status_lines_that_differ_read_as_the_least_advanced(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """"已完成\n正在推进\n长期坚持" beside three listed measures is each one's status — not a template's
    options with none chosen (bad-status, "读不出整改状态")."""
    ledger = _one_row_per_problem(tmp_path / "青石镇.xlsx")
    wb = openpyxl.load_workbook(ledger)
    ws = wb.active
    ws["G3"] = "1.已清查凭证3210笔；\n2.培训方案已起草；\n3.已建立制度，第三季度抽查4个村。"
    ws["H3"] = "已完成\n正在推进\n长期坚持"
    wb.save(ledger)
    found = _findings(ledger, capsys)
    assert [f["code"] for f in found if f["code"] in ("bad-status", "missing-status")] == []
    # the row is under way; its second measure, still going on, was due 6月30日 (the first, due 9月30日, is done)
    overdue = [f for f in found if f["code"] == "overdue"]
    assert len(overdue) == 1 and "“正在推进”" in overdue[0]["message"]
    assert "整改时限为2026年6月30日（第2项“组织村报账员开展业务培训”）" in overdue[0]["message"]
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt"), "--as-of", "2026-11-30"])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "二是组织村报账员开展业务培训，培训方案已起草，正在推进。" in text


@pytest.mark.parametrize(("group", "superior"), [
    ("校党委第三巡察组", "校党委"),
    ("集团公司党委第二巡察组", "集团公司党委"),
    ("厅党组第一巡察组", "厅党组"),
])
def test_an_inspection_sent_by_a_university_or_company_party_body(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], group: str, superior: str) -> None:
    """A university's, a company's or a department's own inspection: the notice names the group and
    who sent it — it had said "根据上级党组织统一部署，…第三巡察组", the sender lost."""
    ledger = _yes_no_column(tmp_path / "学院.xlsx")
    wb = openpyxl.load_workbook(ledger)
    wb.active["A1"] = f"关于落实{group}反馈意见整改台账"
    wb.save(ledger)
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert f"根据{superior}统一部署，【请填写巡察起止日期】，{group}对" in text


def test_a_contact_given_with_its_person_is_the_notice_phone(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """基本情况 | 联系人及电话 | 赵敏 0000-1234567: the notice prints the number (the letters, the person
    too) — it had asked 【请填写联系电话】."""
    ledger = _yes_no_column(tmp_path / "学院.xlsx")
    wb = openpyxl.load_workbook(ledger)
    info = wb.create_sheet("基本信息")
    for row in (["项目", "内容"], ["联系人及电话", "赵敏 0000-1234567"], ["通讯地址", "某某市学府路1号"]):
        info.append(row)
    wb.save(ledger)
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt")])
    capsys.readouterr()
    text = (tmp_path / "通报.txt").read_text(encoding="utf-8")
    assert "电话 0000-1234567；通讯地址：某某市学府路1号" in text
    assert "【请填写联系电话】" not in text


@pytest.mark.parametrize(("progress", "said"), [
    (None, "一是对全镇村级财务凭证逐笔清查，已完成。二是组织村报账员开展业务培训，正在推进。"
           "三是建立村级财务季度抽查制度，长期坚持。"),
    # one account of the work as a whole: kept whole, the measures as the clerk wrote them
    ("经管站牵头完成凭证清查，培训方案已起草，季度抽查制度已建立。",
     "经管站牵头完成凭证清查，培训方案已起草，季度抽查制度已建立，正在推进。"),
])
def test_status_lines_with_no_progress_per_measure(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   progress: str | None, said: str) -> None:
    ledger = _one_row_per_problem(tmp_path / "青石镇.xlsx")
    wb = openpyxl.load_workbook(ledger)
    wb.active["G3"] = progress
    wb.active["H3"] = "已完成\n正在推进\n长期坚持"
    wb.save(ledger)
    main(["notice", str(ledger), "-o", str(tmp_path / "通报.txt"), "--as-of", "2026-11-30"])
    capsys.readouterr()
    assert said in (tmp_path / "通报.txt").read_text(encoding="utf-8")
