"""Desk round 14: the clerk's and the auditor's commands on ledgers written as other offices write them.

- ``rectxl remind``: a measure two towns lead, with a person for each ("东山镇、西河镇" with "张三、李四",
  or "张三（东山镇）、李四（西河镇）"), sends each town's letter and 提醒清单 rows with that town's own
  person and leader — each town had been given both people, and the 提醒清单 a row per person per town;
- ``rectxl batch``: a ledger with no measure in it is listed among the units to chase, not ranked with a
  completion rate of 0;
- ``rectxl batch --roster 名单`` (or an 应报送单位名单.xlsx lying in the folder): the units the roster lists
  of which no ledger came are listed as 未报送台账 — the auditor's first question had no answer; a roster
  in the folder had been reported as an unreadable ledger;

The ledgers are written here with openpyxl, as a 县农业农村局 clerk writes hers (fictional units and people).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from rectxl.cli.commands import main
from rectxl.core.letters import plan_reminders
from rectxl.core.units import people_by_unit, same_unit_name
from rectxl.io.reader import read_ledger
from tests.test_desk_round13 import saved

D = dt.datetime
AS_OF = dt.date(2025, 10, 31)


def _save(path: Path, header: list[str], rows: list[list[object]], title: str = "县农业农村局巡察反馈问题整改台账",
          info: dict[str, object] | None = None) -> Path:
    return saved(path, header, rows, title,
                 info or {"单位名称": "县农业农村局", "报告日期": D(2025, 10, 31)})


# -- a measure two towns lead, each with its own person -------------------------------------------------

_HEADER = ["序号", "问题", "整改措施", "责任单位", "责任领导", "责任人", "整改时限", "整改状态"]


def _two_towns(tmp_path: Path) -> Path:
    return _save(tmp_path / "台账.xlsx", _HEADER, [
        [1, "高标准农田管护不到位", "开展农田设施排查", "东山镇、西河镇", "王副县长", "张三、李四",
         D(2025, 10, 10), "正在推进"],
        [2, "村集体资金管理不规范", "清理村级账目", "东山镇、西河镇", "赵书记、钱镇长", "张三、李四",
         D(2025, 11, 10), "正在推进"],
        [3, "河长制巡河记录缺失", "补齐巡河记录", "东山镇、西河镇、南坪乡", "",
         "张三（东山镇）、李四（西河镇）、王五（南坪乡）", D(2025, 10, 1), "未完成"],
        [4, "农机补贴审核不严", "复核补贴档案", "农机股", "孙局长", "周五", D(2025, 11, 5), "正在推进"],
    ])


def test_each_town_is_sent_its_own_person(tmp_path: Path) -> None:
    plan = plan_reminders(read_ledger(_two_towns(tmp_path)), as_of=AS_OF, warn_days=(15,))
    people = {(u.unit, it.measure): (it.lead, it.handler) for u in plan.units for letter in u.letters
              for it in letter.items}
    assert people[("东山镇", "开展农田设施排查")] == ("王副县长", "张三")
    assert people[("西河镇", "开展农田设施排查")] == ("王副县长", "李四")
    assert people[("东山镇", "清理村级账目")] == ("赵书记", "张三")
    assert people[("西河镇", "清理村级账目")] == ("钱镇长", "李四")
    assert people[("南坪乡", "补齐巡河记录")] == ("", "王五")
    assert people[("西河镇", "补齐巡河记录")] == ("", "李四")
    assert people[("农机股", "复核补贴档案")] == ("孙局长", "周五")


def test_the_reminder_list_has_one_row_per_town_and_its_person(tmp_path: Path) -> None:
    path = _two_towns(tmp_path)
    assert main(["remind", str(path), "--as-of", "2025-10-31", "-o", str(tmp_path / "out")]) == 0
    ws = load_workbook(tmp_path / "out" / "提醒清单.xlsx")["提醒清单"]
    head = [c.value for c in ws[2]]
    rows = [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=3, values_only=True)]
    pairs = sorted((r["责任单位"], r["责任人"], r["整改措施"]) for r in rows)
    assert pairs == sorted([
        ("东山镇", "张三", "开展农田设施排查"), ("西河镇", "李四", "开展农田设施排查"),
        ("东山镇", "张三", "清理村级账目"), ("西河镇", "李四", "清理村级账目"),
        ("东山镇", "张三", "补齐巡河记录"), ("西河镇", "李四", "补齐巡河记录"), ("南坪乡", "王五", "补齐巡河记录"),
        ("农机股", "周五", "复核补贴档案"),
    ])


@pytest.mark.parametrize(("units", "cell", "expected"), [
    (["东山镇", "西河镇"], "东山镇：张三；西河镇：李四", {"东山镇": ["张三"], "西河镇": ["李四"]}),
    (["东山镇", "西河镇"], "东山镇 张三\n西河镇 李四", {"东山镇": ["张三"], "西河镇": ["李四"]}),
    (["东山镇", "西河镇"], "西河镇李四、东山镇张三", {"东山镇": ["张三"], "西河镇": ["李四"]}),
    # the unit beside the person written otherwise than in the cell of units, in another order
    (["东山镇人民政府", "西河镇人民政府"], "李四（西河镇）、张三（东山镇）",
     {"东山镇人民政府": ["张三"], "西河镇人民政府": ["李四"]}),
    (["县水利局", "县自然资源局"], "李四（自然资源局）、张三（水利局）",
     {"县水利局": ["张三"], "县自然资源局": ["李四"]}),
    # not as many people as units and none written with a unit: every unit has them all, as before
    (["县水利局", "县自然资源局"], "张三、李四、王五",
     {"县水利局": ["张三", "李四", "王五"], "县自然资源局": ["张三", "李四", "王五"]}),
    (["东山镇", "西河镇"], "张三", {"东山镇": ["张三"], "西河镇": ["张三"]}),
    (["东山镇"], "张三", {"东山镇": ["张三"]}),
])
def test_people_are_paired_with_the_units_they_are_written_with(units: list[str], cell: str,
                                                                 expected: dict[str, list[str]]) -> None:
    assert people_by_unit(units, cell) == expected


# -- batch: the units that must report, and who did not -------------------------------------------------

_BATCH_HEADER = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"]


def _unit_ledger(folder: Path, unit: str, measures: int, file: str | None = None) -> Path:
    rows: list[list[object]] = [[i + 1, f"问题{i + 1}", f"措施{i + 1}", "办公室", "张三", D(2025, 12, 31), "正在推进"]
                                for i in range(measures)]
    return _save(folder / (file or f"{unit}整改台账.xlsx"), _BATCH_HEADER, rows, f"{unit}巡察反馈问题整改台账",
                 {"单位名称": unit, "报告日期": D(2025, 10, 31)})


def _roster(path: Path, units: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "应报送单位"
    ws.append(["县委第二巡察组联系单位应报送整改台账名单"])
    ws.append(["序号", "单位名称", "联系人", "联系电话"])
    ws.append(["一、县直部门（4个）"])
    for i, unit in enumerate(units, start=1):
        ws.append([i, unit, "李敏", "0855-3621008"])
    ws.append(["合计", f"{len(units)}个"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


_ROSTER = ["县财政局", "县人力资源和社会保障局", "东山镇", "县统计局", "北岭镇"]


def _round(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[str, list[dict]]:
    text, data = _run(folder, tmp_path, capsys, *more)
    return text, data["round"]


def _run(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[str, dict]:
    out = tmp_path / "汇总.xlsx"
    main(["batch", str(folder), "-o", str(out), "--json", str(tmp_path / "汇总.json"), "--no-progress", "-j", "1",
          "--as-of", "2025-10-31", *more])
    text = capsys.readouterr().out
    return text, json.loads((tmp_path / "汇总.json").read_text("utf-8"))


def test_units_on_the_roster_without_a_ledger_are_listed_as_not_reported(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _unit_ledger(folder, "县人社局", 2)  # the roster writes it in full
    _unit_ledger(folder, "东山镇", 4)
    roster = _roster(tmp_path / "应报送单位名单.xlsx", _ROSTER)
    text, rows = _round(folder, tmp_path, capsys, "--roster", str(roster))
    missing = {row["unit"]: row["reason"] for row in rows if not row["files"]}
    assert list(missing) == ["县统计局", "北岭镇"]
    assert all("未报送台账" in reason for reason in missing.values())
    assert "应报送单位 5 个（应报送单位名单.xlsx）：已统计 3 个，未报送台账 2 个" in text
    listed = text.split("没有统计到台账的单位", 1)[1]
    assert "县统计局：未报送台账" in listed and "北岭镇：未报送台账" in listed
    assert "县人力资源和社会保障局" not in listed  # its ledger came as 县人社局


def test_a_roster_in_the_folder_is_read_as_the_roster_not_as_an_unreadable_ledger(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _unit_ledger(folder, "县人社局", 2)
    _unit_ledger(folder, "东山镇", 4)
    _unit_ledger(folder, "县水利局", 2)  # not on the roster
    _unit_ledger(folder, "县档案馆", 2, file="县档案馆整改名单.xlsx")  # a ledger, oddly named: still a ledger
    _unit_ledger(folder, "县统计局", 0)  # sent, but nothing to count
    _roster(folder / "应报送单位名单.xlsx", [*_ROSTER, "县档案馆"])
    text, rows = _round(folder, tmp_path, capsys)
    assert "无法读取（" not in text
    assert [row["unit"] for row in rows if not row["files"]] == ["北岭镇"]
    assert "应报送单位 6 个（应报送单位名单.xlsx）：已统计 4 个，未报送台账 1 个，报送了但未能统计 1 个" in text
    assert {row["unit"]: row["measures"] for row in rows if not row["reason"]} == {
        "县财政局": 3, "县人社局": 2, "东山镇": 4, "县水利局": 2, "县档案馆": 2}
    assert "1 个单位的台账不在“应报送单位名单.xlsx”中：县水利局" in text


def test_a_roster_as_a_text_file_one_unit_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    roster = tmp_path / "名单.txt"
    roster.write_bytes("县财政局\n东山镇\n\n县统计局\n".encode("gb18030"))  # saved by Notepad on a Chinese Windows
    _, rows = _round(folder, tmp_path, capsys, "--roster", str(roster))
    assert [row["unit"] for row in rows if not row["files"]] == ["东山镇", "县统计局"]


def test_an_empty_ledger_is_chased_not_ranked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _unit_ledger(folder, "县住建局", 0)  # the header and nothing under it
    text, rows = _round(folder, tmp_path, capsys)
    ranked = [row["unit"] for row in rows if not row["reason"]]
    assert ranked == ["县财政局"]
    (empty,) = [row for row in rows if row["unit"] == "县住建局"]
    assert "没有读到整改措施" in empty["reason"]
    assert "县住建局：报送的台账中没有读到整改措施" in text.split("没有统计到台账的单位", 1)[1]



def test_units_numbered_by_the_office_are_read_without_their_numbers(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    untitled = "巡察反馈问题整改台账"  # the unit named by its folder only
    rows: list[list[object]] = [[1, "问题1", "措施1", "党政办", "张三", D(2025, 12, 31), "正在推进"]]
    _save(folder / "01东山镇" / "整改台账.xlsx", _BATCH_HEADER, rows, untitled, {"报告日期": D(2025, 10, 31)})
    _save(folder / "02西河镇（已报）" / "附件1.xlsx", _BATCH_HEADER, rows, untitled,
          {"报告日期": D(2025, 10, 30)})
    _unit_ledger(folder, "县财政局", 2, file="12县财政局整改台账.xlsx")
    _unit_ledger(folder, "县统计局", 2, file="2024年巡察整改台账（县统计局）.xlsx")
    _roster(folder / "被巡察单位名录.xlsx", ["东山镇", "西河镇", "县财政局", "县统计局"])
    text, rows_ = _round(folder, tmp_path, capsys)
    assert sorted(row["unit"] for row in rows_) == sorted(["东山镇", "西河镇", "县财政局", "县统计局"])
    assert all(not row["reason"] for row in rows_)
    assert "已统计 4 个，未报送台账 0 个" in text and "不在“被巡察单位名录.xlsx”中" not in text


@pytest.mark.parametrize(("listed", "sent"), [
    ("东山镇", "东山镇人民政府"), ("南坪乡", "南坪乡政府"), ("城关街道", "城关街道办事处"),
    ("县融媒体中心", "县融媒体中心（县广播电视台）"),
])
def test_a_roster_unit_written_otherwise_in_its_ledger_has_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                    listed: str, sent: str) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, sent, 2)
    _unit_ledger(folder, "县财政局", 2)
    _roster(folder / "应报送单位名单.xlsx", [listed, "县财政局"])
    text, rows = _round(folder, tmp_path, capsys)
    assert [row["unit"] for row in rows if row["reason"]] == []
    assert "已统计 2 个，未报送台账 0 个" in text
    # and two units stay two
    for a, b in [("办公室（人事科）", "办公室（财务室）"), ("梅岭镇", "梅岭镇中心小学"),
                 ("东山镇人民政府", "西河镇人民政府"), ("县人民政府", "县")]:
        assert not same_unit_name(a, b)



# -- remind: a person written with a phone number or a post ---------------------------------------------


def test_a_person_written_with_a_phone_or_a_post_is_one_person_in_the_reminder_list(tmp_path: Path) -> None:
    path = _save(tmp_path / "台账.xlsx", _HEADER, [
        [1, "农机补贴审核不严", "复核补贴档案", "农机股", "孙局长", "周五 13812345678", D(2025, 10, 10), "正在推进"],
        [2, "农机补贴审核不严", "公开补贴名单", "农机股", "孙局长", "周五", D(2025, 10, 20), "正在推进"],
        [3, "农机补贴审核不严", "约谈经销商", "农机股", "孙局长", "周五\n13812345678", D(2025, 11, 5), "正在推进"],
        [4, "项目资金拨付滞后", "加快资金拨付", "计财股", "孙局长", "吴敏（股长）", D(2025, 10, 5), "正在推进"],
        [5, "项目资金拨付滞后", "建立拨付台账", "计财股", "孙局长", "股长 吴敏", D(2025, 10, 6), "正在推进"],
        [6, "项目资金拨付滞后", "开展资金清理", "计财股", "孙局长", "吴敏（联系电话：0855-3621008）",
         D(2025, 10, 7), "正在推进"],
        [7, "项目资金拨付滞后", "规范项目验收", "项目股", "孙局长", "股长", D(2025, 10, 8), "正在推进"],
    ])
    assert main(["remind", str(path), "--as-of", "2025-10-31", "-o", str(tmp_path / "out")]) == 0
    wb = load_workbook(tmp_path / "out" / "提醒清单.xlsx")
    ws = wb["提醒清单"]
    head = [c.value for c in ws[2]]
    people = [dict(zip(head, r, strict=True))["责任人"] for r in ws.iter_rows(min_row=3, values_only=True)]
    assert sorted(people) == ["吴敏"] * 3 + ["周五"] * 3 + ["股长"]  # a post alone is all the cell says: kept
    stats = [r for r in wb["提醒统计"].iter_rows(min_row=2, values_only=True) if r[1] != "（合计）"]
    assert sorted((r[0], r[1], r[-1]) for r in stats) == [("农机股", "周五", 3), ("计财股", "吴敏", 3),
                                                          ("项目股", "股长", 1)]


def test_the_json_says_who_did_not_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _unit_ledger(folder, "县统计局", 0)
    _roster(folder / "应报送单位名单.xlsx", ["县财政局", "县统计局", "北岭镇"])
    _, data = _run(folder, tmp_path, capsys)
    assert data["roster"] == {"file": "应报送单位名单.xlsx", "units": ["县财政局", "县统计局", "北岭镇"],
                              "not_reported": ["北岭镇"], "not_counted": ["县统计局"]}


def test_a_list_of_units_in_the_folder_is_no_unreadable_ledger_when_another_roster_is_given(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _roster(folder / "上轮被巡察单位名录.xlsx", ["县财政局", "县水利局"])  # last round's list, left in the folder
    roster = _roster(tmp_path / "本轮应报送单位名单.xlsx", ["县财政局", "县统计局"])
    _, data = _run(folder, tmp_path, capsys, "--roster", str(roster))
    assert data["skipped"] == []
    (aside,) = [s for s in data["ignored"] if s["file"] == "上轮被巡察单位名录.xlsx"]
    assert "不是台账" in aside["reason"] and "本轮应报送单位名单.xlsx" in aside["reason"]
    assert data["roster"]["not_reported"] == ["县统计局"]


@pytest.mark.parametrize("file", [
    "东山镇_整改台账_已盖章.xlsx", "东山镇整改台账 张三.xlsx", "东山镇整改台账已签字.xlsx",
])
def test_a_ledger_named_with_its_stamp_or_its_sender_is_the_units(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  file: str) -> None:
    folder = tmp_path / "第二轮台账"
    rows: list[list[object]] = [[1, "问题1", "措施1", "党政办", "张三", D(2025, 12, 31), "正在推进"]]
    _save(folder / file, _BATCH_HEADER, rows, "巡察反馈问题整改台账", {"报告日期": D(2025, 10, 31)})
    _unit_ledger(folder, "县财政局", 2)
    _roster(folder / "应报送单位名单.xlsx", ["东山镇", "县财政局"])
    _, data = _run(folder, tmp_path, capsys)
    assert data["roster"]["not_reported"] == []
    assert sorted(row["unit"] for row in data["round"]) == ["东山镇", "县财政局"]


# -- diff: a person written with a phone number or a post is no change of owner ---------------------------


def test_a_phone_number_added_beside_a_person_is_no_change_of_owner(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    header = ["序号", "问题", "整改措施", "责任单位", "责任领导", "责任人", "整改时限", "整改状态"]
    before = [
        [1, "食品安全抽检覆盖面不足", "制定年度抽检计划", "食品股", "刘副局长", "王强", D(2025, 9, 30), "正在推进"],
        [2, "特种设备监管存在漏洞", "开展隐患排查", "特设股", "陈副局长", "李华", D(2025, 10, 31), "正在推进"],
        [3, "执法案卷不规范", "组织案卷评查", "法规股", "陈副局长", "赵敏", D(2025, 8, 31), "正在推进"],
    ]
    after = [
        [1, "食品安全抽检覆盖面不足", "制定年度抽检计划", "食品股", "刘副局长", "王强 13812345678", D(2025, 9, 30),
         "正在推进"],
        [2, "特种设备监管存在漏洞", "开展隐患排查", "特设股", "陈副局长", "李华（联系电话：0855-3621008）",
         D(2025, 10, 31), "正在推进"],
        [3, "执法案卷不规范", "组织案卷评查", "法规股", "陈副局长", "孙丽", D(2025, 8, 31), "正在推进"],
    ]
    old = _save(tmp_path / "台账_9月.xlsx", header, before)
    new = _save(tmp_path / "台账_10月.xlsx", header, after)
    main(["diff", str(old), str(new)])
    text = capsys.readouterr().out
    owners = text.split("七、责任变化", 1)[1].split("八、", 1)[0]
    assert "赵敏 → 孙丽" in owners  # a real change is still said
    assert "王强" not in owners and "李华" not in owners


def test_a_roster_headed_by_its_party_organisations_or_not_headed_at_all(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["附件1"], ["县委第三轮巡察被巡察党组织名单"], ["序号", "被巡察党组织", "党组织书记"],
                [1, "县财政局党组", "李明"], [2, "中共东山镇委员会", "张华"], [3, "县人大", "王刚"]):
        ws.append(row)
    wb.save(tmp_path / "名单一.xlsx")
    _, data = _run(folder, tmp_path, capsys, "--roster", str(tmp_path / "名单一.xlsx"))
    assert data["roster"]["units"] == ["县财政局", "东山镇", "县人大"]
    (tmp_path / "名单二.txt").write_text("附件2\n第三轮巡察被巡察单位\n县财政局\n东山镇\n县一中\n", "utf-8")
    _, data = _run(folder, tmp_path, capsys, "--roster", str(tmp_path / "名单二.txt"), "--force")
    assert data["roster"]["units"] == ["县财政局", "东山镇", "县一中"]


def test_the_summary_workbook_says_how_many_units_of_the_roster_reported(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    _roster(folder / "应报送单位名单.xlsx", ["县财政局", "县统计局", "北岭镇"])
    _run(folder, tmp_path, capsys)
    ws = load_workbook(tmp_path / "汇总.xlsx")["整改统计"]
    texts = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any(t.startswith("应报送单位 3 个（应报送单位名单.xlsx）：已统计 1 个，未报送台账 2 个") for t in texts)


# -- a town written as its government in some rows ----------------------------------------------------------


def test_a_town_written_as_its_government_in_some_rows_is_one_addressee_and_one_row(tmp_path: Path) -> None:
    from rectxl.core.summary import summarize

    path = _save(tmp_path / "台账.xlsx", _HEADER, [
        [1, "高标准农田管护不到位", "开展农田设施排查", "东山镇", "王副县长", "张三", D(2025, 10, 10), "正在推进"],
        [2, "村集体资金管理不规范", "清理村级账目", "东山镇人民政府", "王副县长", "张三", D(2025, 10, 20), "正在推进"],
        [3, "河长制巡河记录缺失", "补齐巡河记录", "东山镇", "王副县长", "张三", D(2025, 10, 1), "已完成"],
        [4, "农机补贴审核不严", "复核补贴档案", "城关街道办事处", "孙局长", "周五", D(2025, 10, 5), "正在推进"],
        [5, "农机补贴审核不严", "公开补贴名单", "城关街道", "孙局长", "周五", D(2025, 12, 5), "正在推进"],
    ])
    ledger = read_ledger(path)
    plan = plan_reminders(ledger, as_of=AS_OF, warn_days=(15,))
    assert len(plan.units) == 2 and plan.units[0].unit == "东山镇"  # and one 城关街道, however it is named
    (town,) = [u for u in plan.units if u.unit == "东山镇"]
    assert sum(len(letter.items) for letter in town.letters) == 2
    units = {u.unit: u.counts.measures for u in summarize(ledger, AS_OF).units}
    assert units["东山镇"] == 3 and len(units) == 2


def test_a_unit_named_in_brackets_after_the_title_is_the_ledgers(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    rows: list[list[object]] = [[1, "问题1", "措施1", "党政办", "张三", D(2025, 12, 31), "正在推进"]]
    _save(folder / "附件2.xlsx", _BATCH_HEADER, rows, "县委第三巡察组反馈问题整改台账（东山镇人民政府）",
          {"报告日期": D(2025, 10, 31)})
    _save(folder / "附件3.xlsx", _BATCH_HEADER, rows[:1] * 2, "县委第三巡察组反馈问题整改清单（单位：县统计局）",
          {"报告日期": D(2025, 10, 31)})
    _roster(folder / "应报送单位名单.xlsx", ["东山镇", "县统计局"])
    _, data = _run(folder, tmp_path, capsys)
    assert data["roster"]["not_reported"] == []
    assert sorted(row["unit"] for row in data["round"]) == ["东山镇人民政府", "县统计局"]
    # a title naming its unit first keeps it
    kept = _save(tmp_path / "台账.xlsx", _BATCH_HEADER, rows, "县财政局巡察整改台账（2025年10月）",
                 {"报告日期": D(2025, 10, 31)})
    assert read_ledger(kept).info.unit_name == "县财政局"


def test_a_units_own_list_of_its_offices_is_no_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder / "东山镇", "东山镇", 3)
    _unit_ledger(folder, "县财政局", 2)
    _roster(folder / "东山镇" / "责任单位名录.xlsx", ["党政办", "经发办", "社会事务办"])  # 东山镇's 股室
    text, data = _run(folder, tmp_path, capsys)
    assert "roster" not in data and not any(line.startswith("应报送单位") for line in text.splitlines())
    assert [row["unit"] for row in data["round"] if row["reason"]] == []
    assert data["skipped"] == []


def test_a_roster_printed_in_two_halves_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "第二轮台账"
    _unit_ledger(folder, "县财政局", 3)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["第三轮巡察被巡察单位名单"], ["序号", "县直单位", "序号", "乡镇（街道）"],
                [1, "县财政局", 1, "东山镇"], [2, "县统计局", 2, "西河镇"], [3, "县医保局"]):
        ws.append(row)
    wb.save(folder / "被巡察单位名单.xlsx")
    _, data = _run(folder, tmp_path, capsys)
    assert data["roster"]["not_reported"] == ["县统计局", "县医保局", "东山镇", "西河镇"]
    # a column of the units each is under is no list of units to report
    ws.delete_rows(1, ws.max_row)
    for row in (["序号", "单位名称", "主管部门"], [1, "县财政局", "县政府办"], [2, "县档案馆", "县委办"]):
        ws.append(row)
    wb.save(folder / "被巡察单位名单.xlsx")
    _, data = _run(folder, tmp_path, capsys, "--force")
    assert data["roster"]["units"] == ["县财政局", "县档案馆"]
