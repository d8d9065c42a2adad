"""``rectxl diff`` on what clerks do between two monthly reports: retitle an issue and reword its
measures lightly, put a 立行立改 or an already extended deadline off, add measures on a second
sheet, spell an owner unit another way — each reported as what it is."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from rectxl.core.diff import ChangeKind, LedgerDiff, MatchKind, RegressionKind, diff_ledgers, render_diff_text
from rectxl.io.diff_out import write_diff_file, write_diff_json_file
from rectxl.io.reader import read_ledger

HEADER = ("方面", "问题序号", "具体问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态")
ASPECT = "一、关于落实全面从严治党主体责任方面"
OLD_AS_OF, NEW_AS_OF = date(2027, 2, 26), date(2027, 3, 29)

Row = tuple[int, str, str, str, str, Any, str]  # 问题序号, 具体问题, 整改措施, 责任单位, 责任人, 整改时限, 整改状态


def _write(path: Path, sheets: dict[str, list[Row]]) -> Path:
    """A ledger with one sheet per entry, each with the header on row 1 (no 基本信息: the feedback
    date is unknown)."""
    wb = Workbook()
    default = wb.active
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(list(HEADER))
        for row in rows:
            ws.append([ASPECT, *row])
    if default is not None:
        wb.remove(default)
    wb.save(path)
    return path


def _diff(tmp_path: Path, old: dict[str, list[Row]], new: dict[str, list[Row]]) -> LedgerDiff:
    a = _write(tmp_path / "2月.xlsx", old)
    b = _write(tmp_path / "3月.xlsx", new)
    return diff_ledgers(read_ledger(a), read_ledger(b), as_of_old=OLD_AS_OF, as_of_new=NEW_AS_OF,
                        old_name=a.name, new_name=b.name)


VEHICLE_OLD = "针对公务用车管理不规范、派车审批不严问题"
VEHICLE_NEW = "针对公务用车管理制度落实不到位、派车审批把关不严问题"
TRAINING = "针对干部教育培训针对性不强问题"


def test_a_retitled_issue_with_lightly_reworded_measures_is_one_issue(tmp_path: Path) -> None:
    old: list[Row] = [
        (1, TRAINING, "制定年度干部教育培训计划", "组织人事科", "郭静", "2027年6月30日", "正在推进"),
        (2, VEHICLE_OLD, "修订公务用车管理办法，规范派车审批程序", "办公室", "邓伟", "2027年1月31日", "已完成"),
        (2, VEHICLE_OLD, "对近三年公务用车使用情况开展专项检查，违规使用的予以纠正", "办公室", "邓伟",
         "2027年3月31日", "正在推进"),
        (2, VEHICLE_OLD, "建立公务用车使用登记台账，每月公示用车情况", "办公室", "邓伟", "2027年4月30日", "正在推进"),
    ]
    new: list[Row] = [
        (1, TRAINING, "制定年度干部教育培训计划", "组织人事科", "郭静", "2027年6月30日", "正在推进"),
        (1, TRAINING, "建立培训需求调研机制", "组织人事科", "郭静", "2027年6月30日", "正在推进"),  # moved here
        (2, VEHICLE_NEW, "修订完善公务用车管理办法，进一步规范派车审批程序", "办公室", "邓伟", "2027年1月31日",
         "已完成"),
        (2, VEHICLE_NEW, "对近三年的公务用车使用情况开展专项检查，对违规使用的予以纠正", "办公室", "邓伟",
         "2027年3月31日", "正在推进"),
        (2, VEHICLE_NEW, "建立公务用车使用登记台账，每月公示公务用车情况", "办公室", "邓伟", "2027年4月30日",
         "正在推进"),
    ]
    old.append((2, VEHICLE_OLD, "建立培训需求调研机制", "组织人事科", "郭静", "2027年6月30日", "正在推进"))
    d = _diff(tmp_path, {"台账": old}, {"台账": new})
    assert d.issues_added == [] and d.issues_removed == []
    assert [(o.title, n.title) for o, n in d.issues_changed] == [(VEHICLE_OLD, VEHICLE_NEW)]
    assert d.added == [] and d.removed == []
    assert not any(r.kind is RegressionKind.COMPLETED_REMOVED for r in d.regressions)  # no false alarm
    assert [(c.old_row, c.new_row) for c in d.of_kind(ChangeKind.TEXT)] == [(3, 4), (4, 5), (5, 6)]
    assert [m.match for m in d.matched if m.text_changed] == [MatchKind.EDITED] * 3

    # the moved measure has a heading of its own, not 措施内容修改's
    text = render_diff_text(d)
    edited = text[text.index("八、措施内容修改"):text.index("九、措施调整问题")]
    moved = text[text.index("九、措施调整问题"):text.index("十、进展更新")]
    assert "建立培训需求调研机制" not in edited
    assert f"建立培训需求调研机制：由问题“2.{VEHICLE_OLD}”调整到“1.{TRAINING}”（原第6行 → 现第3行）" in moved


def test_an_issue_is_not_paired_by_measures_of_other_owners_or_out_of_order(tmp_path: Path) -> None:
    """Similar titles and measures alike in wording are not enough: the measures must keep their
    owners and their order, else the issues are another issue removed and one added."""
    measures = ["修订公务用车管理办法，规范派车审批程序", "对近三年公务用车使用情况开展专项检查",
                "建立公务用车使用登记台账，每月公示用车情况"]
    reworded = ["修订完善公务用车管理办法，进一步规范派车审批程序", "对近三年的公务用车使用情况开展专项检查",
                "建立公务用车使用登记台账，每月公示公务用车情况"]
    old: list[Row] = [(1, VEHICLE_OLD, m, "办公室", "邓伟", "2027年4月30日", "正在推进") for m in measures]
    other_owner: list[Row] = [(1, VEHICLE_NEW, m, "机关服务中心", "邓伟", "2027年4月30日", "正在推进")
                              for m in reworded]
    d = _diff(tmp_path, {"台账": old}, {"台账": other_owner})
    assert [i.title for i in d.issues_removed] == [VEHICLE_OLD] and [i.title for i in d.issues_added] == [VEHICLE_NEW]
    shuffled: list[Row] = [(1, VEHICLE_NEW, m, "办公室", "邓伟", "2027年4月30日", "正在推进")
                           for m in (reworded[2], reworded[0], reworded[1])]
    d = _diff(tmp_path, {"台账": old}, {"台账": shuffled})
    assert [i.title for i in d.issues_removed] == [VEHICLE_OLD]


def test_deadline_pushes(tmp_path: Path) -> None:
    issue = "针对意识形态阵地管理不严问题"

    def rows(deadlines: list[Any]) -> list[Row]:
        return [(1, issue, f"整改措施{k}：落实阵地管理责任", "宣传科", "蒋琳", d, "正在推进")
                for k, d in enumerate(deadlines, start=1)]

    old = rows(["立行立改", "延期至2027年3月31日", "原定2026年12月31日，延期至2027年3月31日", "2027年3月31日",
                "立行立改", "立行立改"])
    new = rows([date(2027, 6, 30),                                # at once → a date: put off, unworded
                "延期至2027年6月30日",                              # extended again
                "原定2026年12月31日，延期至2027年6月30日",          # extended again (the record kept)
                "延期至2027年6月30日",                              # a first extension, written up
                "立行立改并长期坚持",                               # at once, and continuing: not dropped
                "延期至2027年4月30日"])                             # at once → an extension, written up
    d = _diff(tmp_path, {"台账": old}, {"台账": new})
    found = {(r.kind, r.new_row) for r in d.regressions}
    assert found == {(RegressionKind.SILENT_EXTENSION, 2), (RegressionKind.EXTENDED_AGAIN, 3),
                     (RegressionKind.EXTENDED_AGAIN, 4)}
    at_once = next(r for r in d.regressions if r.new_row == 2)
    # no feedback date: 立行立改 was due by the last report's date at the latest
    assert "推迟124天（立行立改按上期截至日期2027年2月26日计）" in at_once.message
    again = next(r for r in d.regressions if r.new_row == 3)
    assert "再推迟91天" in again.message and "延期至2027年3月31日" in again.message
    flags = {c.new_row: c.flag for c in d.of_kind(ChangeKind.DEADLINE)}
    assert flags == {2: "时限延后未注明延期", 3: "再次延期", 4: "再次延期", 5: "", 6: "", 7: ""}
    assert "【再次延期】" in render_diff_text(d)


def test_rows_on_another_sheet_name_their_sheet(tmp_path: Path) -> None:
    first: list[Row] = [(1, TRAINING, "制定年度干部教育培训计划", "组织人事科", "郭静", "2027年6月30日", "正在推进"),
                        (1, TRAINING, "建立培训需求调研机制", "组织人事科", "郭静", "2027年6月30日", "正在推进")]
    again = "针对上轮巡察整改不彻底问题"
    second: list[Row] = [(2, again, "开展上轮巡察整改“回头看”", "办公室", "邓伟", "2027年5月31日", "未启动"),
                         (2, again, "对整改不到位的问题重新制定措施", "办公室", "邓伟", "2027年5月31日", "未启动")]
    changed = [first[0], (*first[1][:6], "已完成")]
    d = _diff(tmp_path, {"台账（一）": first}, {"台账（一）": changed, "台账（二）": second})
    assert d.several_sheets and d.new.sheets == ["台账（一）", "台账（二）"]
    assert [(m.sheet, m.row) for m in d.added] == [("台账（二）", 2), ("台账（二）", 3)]
    assert [(c.new_sheet, c.new_row) for c in d.of_kind(ChangeKind.ADDED)] == [("台账（二）", 2), ("台账（二）", 3)]

    text = render_diff_text(d)
    assert "  本期读取的工作表：“台账（一）”、“台账（二）”" in text
    assert "开展上轮巡察整改“回头看”（现“台账（二）”第2行）" in text
    assert "建立培训需求调研机制：正在推进 → 已完成（原“台账（一）”第3行 → 现“台账（一）”第3行）" in text
    assert "新增问题 2.针对上轮巡察整改不彻底问题（现“台账（二）”第2行）" in text

    data = json.loads(write_diff_json_file(tmp_path / "变化.json", d).read_text(encoding="utf-8"))
    added = [c for c in data["changes"] if c["kind"] == "新增措施"]
    assert [(c["new_sheet"], c["new_row"]) for c in added] == [("台账（二）", 2), ("台账（二）", 3)]
    assert [m["sheet"] for m in data["added"]] == ["台账（二）", "台账（二）"]

    ws = load_workbook(write_diff_file(tmp_path / "变化.xlsx", d))["变化明细"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1] == ("类型", "问题", "措施", "字段", "原值", "新值", "原工作表", "原行", "新工作表", "新行",
                       "值得注意")
    where = {(r[0], r[2]): r[6:10] for r in rows[2:]}
    assert where[("新增措施", "开展上轮巡察整改“回头看”")] == (None, None, "台账（二）", 2)
    assert where[("状态变化", "建立培训需求调研机制")] == ("台账（一）", 3, "台账（一）", 3)
    assert ws.auto_filter.ref == f"A2:K{ws.max_row}"


def test_one_sheet_each_keeps_the_rows_as_they_were(tmp_path: Path) -> None:
    rows: list[Row] = [(1, TRAINING, "制定年度干部教育培训计划", "组织人事科", "郭静", "2027年6月30日", "正在推进")]
    d = _diff(tmp_path, {"台账": rows}, {"台账": [*rows, (1, TRAINING, "建立培训需求调研机制", "组织人事科", "郭静",
                                                         "2027年6月30日", "正在推进")]})
    assert not d.several_sheets and d.added[0].sheet == "台账"
    assert "建立培训需求调研机制（现第3行）" in render_diff_text(d)
    ws = load_workbook(write_diff_file(tmp_path / "变化.xlsx", d))["变化明细"]
    assert [c.value for c in ws[2]] == ["类型", "问题", "措施", "字段", "原值", "新值", "原行", "新行", "值得注意"]


def test_an_owner_unit_spelled_another_way_is_no_change_of_responsibility(tmp_path: Path) -> None:
    issue = "针对城市建设项目监管不到位问题"
    old: list[Row] = [(1, issue, "开展在建项目质量安全检查", "城建股", "彭浩", "2027年5月31日", "正在推进"),
                      (1, issue, "建立项目巡查台账", "城建股", "彭浩", "2027年5月31日", "正在推进"),
                      (1, issue, "规范项目资金拨付程序", "城建股", "彭浩", "2027年5月31日", "正在推进")]
    new: list[Row] = [(1, issue, "开展在建项目质量安全检查", "城市建设股", "彭浩", "2027年5月31日", "正在推进"),
                      (1, issue, "建立项目巡查台账", "城市建设股", "彭浩", "2027年5月31日", "正在推进"),
                      (1, issue, "规范项目资金拨付程序", "计划财务股", "彭浩", "2027年5月31日", "正在推进")]
    d = _diff(tmp_path, {"台账": old}, {"台账": new})
    assert [(c.measure, c.old, c.new) for c in d.of_kind(ChangeKind.OWNER)] == [
        ("规范项目资金拨付程序", "城建股", "计划财务股")]  # another unit: a change of responsibility
    assert [(c.new_row, c.old, c.new) for c in d.of_kind(ChangeKind.OWNER_SPELLING)] == [
        (2, "城建股", "城市建设股"), (3, "城建股", "城市建设股")]
    text = render_diff_text(d)
    duty = text[text.index("七、责任变化"):text.index("八、措施内容修改")]
    assert "城市建设股" not in duty and "计划财务股" in duty
    assert "  单位名称写法变化：城建股 → 城市建设股（2项措施；视为同一单位，不作责任变化）" in text
