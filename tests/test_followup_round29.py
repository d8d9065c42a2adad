"""``rectxl diff`` on month pairs as county clerks really update a ledger: rows re-sorted by
责任单位 or by status, finished measures moved to a sheet 已完成事项 (renumbered there), a
closed (已销号) measure reopened. Titles, units and texts are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rectxl.core.diff import ChangeKind, LedgerDiff, RegressionKind, diff_ledgers, render_diff_text
from rectxl.io.reader import read_ledger

HEADER = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况",
          "整改进展"]
PARTY = "一、在贯彻落实上级决策部署方面"
DUTY = "二、在履行全面从严治党责任方面"
VILLAGE = "乡村振兴衔接资金项目推进缓慢，部分项目未按期开工"
RIVER = "河湖长制落实不到位，部分河段巡河走过场"
DECIDE = "“三重一大”集体决策制度执行不严格"
HOST = "公务接待管理不规范，接待清单填写不全"

Row = list[Any]


def _rows() -> list[Row]:
    return [
        [1, PARTY, VILLAGE, "梳理年度衔接资金项目清单，倒排工期、挂图作战", "王建国", "县农业农村局", "李明",
         "2026年12月31日", "正在推进", "10月15日，已梳理项目23个，开工18个。"],
        [1, PARTY, VILLAGE, "建立项目调度机制，每月召开一次调度会", "王建国", "县农业农村局", "李明",
         "2026年9月30日", "已完成", "已印发调度工作机制，9月召开调度会1次。"],
        [2, PARTY, RIVER, "修订河长巡河制度，明确巡河频次和问题处置流程", "张华", "县水利局", "赵强",
         "2026年11月30日", "正在推进", "截至10月底，制度修订稿正在征求意见。"],
        [2, PARTY, RIVER, "开展河道“四乱”专项清理整治", "张华", "县水利局", "赵强", "2026年10月31日", "已完成",
         "清理河道垃圾120吨，拆除违建3处。"],
        [3, DUTY, DECIDE, "修订“三重一大”决策制度实施办法", "刘伟", "县委办", "陈静", "2026年8月31日", "已完成",
         "已于8月20日印发实施。"],
        [3, DUTY, DECIDE, "对近两年重大事项决策情况开展自查，建立问题清单", "刘伟", "县委办", "陈静",
         "2026年12月31日", "正在推进", "10月已完成2024年度自查，发现问题5个。"],
        [4, DUTY, HOST, "严格执行公务接待审批制度，做到一事一单", "刘伟", "县财政局", "孙丽", "长期坚持",
         "正在推进", "10月共审核接待单据35份，退回2份。"],
        [4, DUTY, HOST, "开展公务接待专项检查，对违规问题严肃问责", "刘伟", "县财政局", "孙丽", "2026年11月15日",
         "正在推进", "已制定检查方案，正在开展检查。"],
    ]


def _write(path: Path, sheets: dict[str, list[Row]], as_of: str, *, own_titles: bool = False) -> Path:
    """A ledger as a county office keeps it: a title row, a 填报 row with the 截至 date, the
    header; one sheet per entry of ``sheets`` (``own_titles``: each titled with its sheet's name,
    a unit's)."""
    wb = Workbook()
    first = wb.active
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([f"{name}巡察反馈意见整改落实情况台账" if own_titles else "XX县委巡察反馈意见整改落实情况台账"])
        ws.append([f"填报单位（盖章）：                （截至{as_of}）"])
        ws.append(HEADER)
        for r in rows:
            ws.append(r)
    if first is not None:
        wb.remove(first)
    wb.save(path)
    return path


def _diff(tmp_path: Path, old: dict[str, list[Row]], new: dict[str, list[Row]]) -> LedgerDiff:
    a = _write(tmp_path / "10月台账.xlsx", old, "2026年10月31日")
    b = _write(tmp_path / "11月台账.xlsx", new, "2026年11月30日")
    return diff_ledgers(read_ledger(a), read_ledger(b), as_of_old=date(2026, 10, 31),
                        as_of_new=date(2026, 11, 30), old_name=a.name, new_name=b.name)


def _nothing_but_progress(d: LedgerDiff) -> None:
    """No issue added, removed or renumbered, no measure added, removed or moved to another issue;
    the totals say the same numbers of aspects and issues."""
    text = render_diff_text(d)
    assert not d.issues_added, text
    assert not d.issues_removed, text
    assert not d.issues_changed, text
    assert not [c for c in d.changes if c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED)], text
    assert (d.old.aspects, d.old.issues) == (d.new.aspects, d.new.issues) == (2, 4), text
    assert "新增问题" not in text and "调整到" not in text


def test_rows_sorted_by_status_are_the_same_issues(tmp_path: Path) -> None:
    new = sorted(_rows(), key=lambda r: (r[8] != "已完成", r[0]))
    _nothing_but_progress(_diff(tmp_path, {"10月": _rows()}, {"11月": new}))


def test_rows_sorted_by_owner_unit_keep_two_aspects(tmp_path: Path) -> None:
    new = sorted(_rows(), key=lambda r: r[5])  # 县农业农村局, 县委办, 县水利局, 县财政局: aspects interleave
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": new})
    _nothing_but_progress(d)
    assert "方面：2个 → 2个（持平）" in render_diff_text(d)


def test_finished_measures_moved_to_their_own_sheet_stay_in_their_issue(tmp_path: Path) -> None:
    rows = _rows()
    done = [r for r in rows if r[8] == "已完成"]
    for k, r in enumerate(done, 1):  # the 已完成事项 sheet numbers its own rows
        r[0] = k + 10
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": [r for r in rows if r[8] != "已完成"], "已完成事项": done})
    _nothing_but_progress(d)
    assert "两期台账内容一致" in render_diff_text(d)


def test_a_closed_measure_reopened_is_said_closed_not_finished(tmp_path: Path) -> None:
    old = _rows()
    old[3][8] = "已销号"
    new = _rows()
    new[3][8] = "正在推进"
    new[3][9] = "11月回头看发现新增垃圾点2处，重新组织清理。"
    d = _diff(tmp_path, {"10月": old}, {"11月": new})
    [back] = [r for r in d.regressions if r.kind is RegressionKind.STATUS_REGRESSED]
    assert (back.old_row, back.new_row) == (7, 7)
    assert back.message.startswith("上期已销号，本期改为“正在推进”")
    assert "已销号的事项重新整改" in back.message
    assert "上期已完成" not in render_diff_text(d)


def test_batch_counts_a_ledger_named_for_the_office_under_its_template_unit_as_that_office(tmp_path: Path) -> None:
    """The title still says the template's “XX县委”; the file is 县委办公室's: 县委办公室 is not 县委."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "11月报送"
    folder.mkdir()
    _write(folder / "县委办公室_2026年11月整改台账.xlsx", {"11月": _rows()}, "2026年11月30日")
    river = [r for r in _rows() if r[2] == RIVER]
    _write(folder / "县水利局整改台账（11月）.xlsx", {"11月": river}, "2026年11月30日")
    out = tmp_path / "汇总.xlsx"
    proc = subprocess.run([sys.executable, "-m", "rectxl", "batch", str(folder), "-o", str(out), "-j", "1",
                           "--no-progress"], capture_output=True, text=True, encoding="utf-8", timeout=300)
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    units = {r["file"]: r["unit"] for r in data["ledgers"]}
    assert units == {"县委办公室_2026年11月整改台账.xlsx": "县委办公室",
                     "县水利局整改台账（11月）.xlsx": "县水利局"}, proc.stdout
    assert "县委办公室_2026年11月整改台账.xlsx（县委办公室）" in proc.stdout


def test_a_post_written_beside_the_leader_is_no_change_of_leader(tmp_path: Path) -> None:
    new = _rows()
    new[6][4] = "刘伟（县委常委）"           # the post added this month: the same leader
    new[2][4] = "张华 县委常委、副县长"
    new[0][6] = "李明（二级调研员）"
    new[7][4] = "周敏（纪检组长）"           # another leader: a change
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": new})
    owners = [(c.field, c.old, c.new, c.new_row) for c in d.changes if c.kind is ChangeKind.OWNER]
    assert owners == [("责任领导", "刘伟", "周敏（纪检组长）", 11)], render_diff_text(d)


def test_a_deadline_moved_with_the_approval_in_its_cell_or_only_asked_for_is_told_apart(tmp_path: Path) -> None:
    new = _rows()
    new[2][7] = "2027年1月31日（经批准调整）"                       # approved, said in the cell
    new[5][7] = "2027年3月31日"                                     # only asked for, in the progress
    new[5][9] = "因涉及历史档案调阅，需延长整改时间，已书面报县委巡察办。"
    new[7][7] = "2026年12月31日"                                    # moved with nothing said
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": new})
    flagged = {(r.kind, r.new_row) for r in d.regressions}
    assert flagged == {(RegressionKind.EXTENSION_PENDING, 9), (RegressionKind.SILENT_EXTENSION, 11)}, \
        render_diff_text(d)
    moved = {c.new_row for c in d.changes if c.kind is ChangeKind.DEADLINE}
    assert moved == {6, 9, 11}


def test_progress_copied_forward_with_its_month_in_chinese_numerals_is_not_updated(tmp_path: Path) -> None:
    old = _rows()
    old[0][9] = "十月份，已梳理项目23个，开工18个。"
    old[5][9] = "截至二〇二六年十月二十日，已完成2024年度自查。"
    old[7][9] = "十月中旬已制定检查方案，正在开展检查。"
    new = _rows()
    new[0][9] = "十一月份，已梳理项目23个，开工18个。"            # only the month moved on
    new[5][9] = "截至二〇二六年十一月二十五日，已完成2024年度自查。"
    new[7][9] = "十一月中旬已完成检查，问责2人。"                  # real progress
    d = _diff(tmp_path, {"10月": old}, {"11月": new})
    stale = {mm.new.row for mm in d.progress_unchanged()}
    assert {4, 9} <= stale and 11 not in stale, render_diff_text(d)
    assert "两期进展只改了日期：“十月份，已梳理项目23个" in render_diff_text(d)


def test_a_sheet_of_finished_measures_without_the_leader_column_has_not_emptied_it(tmp_path: Path) -> None:
    """The 已完成事项 sheet has fewer columns (no 问题类别, no 责任领导) and a 销号时间 of its own."""
    a = _write(tmp_path / "10月台账.xlsx", {"10月": _rows()}, "2026年10月31日")
    rows = _rows()
    b = _write(tmp_path / "11月台账.xlsx", {"11月": [r for r in rows if r[8] != "已完成"]}, "2026年11月30日")
    from openpyxl import load_workbook
    wb = load_workbook(b)
    ws = wb.create_sheet("已完成事项")
    ws.append(["已完成整改事项"])
    ws.append(["序号", "存在问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况", "整改进展", "销号时间"])
    for k, r in enumerate((r for r in rows if r[8] == "已完成"), 1):
        ws.append([k, r[2], r[3], r[5], r[6], r[7], r[8], r[9], "2026年11月20日"])
    wb.save(b)
    d = diff_ledgers(read_ledger(a), read_ledger(b), as_of_old=date(2026, 10, 31), as_of_new=date(2026, 11, 30))
    assert not [c for c in d.changes if c.kind is ChangeKind.OWNER], render_diff_text(d)
    _nothing_but_progress(d)


def test_a_month_entry_that_says_nothing_new_is_progress_not_updated(tmp_path: Path) -> None:
    new = _rows()
    new[0][9] = _rows()[0][9] + "\n11月：暂无新进展。"                 # last month's kept, nothing added
    new[2][9] = "10月：截至10月底，制度修订稿正在征求意见。\n11月：持续推进中。"
    new[7][9] = "同上月。"
    new[5][9] = _rows()[5][9] + "11月完成2025年度自查，发现问题3个。"  # real progress
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": new})
    stale = {mm.new.row: mm for mm in d.progress_unchanged()}
    assert set(stale) == {4, 6, 10, 11}, render_diff_text(d)   # row 10 is word for word last month's
    text = render_diff_text(d)
    assert "本期进展没有新内容：“已制定检查方案，正在开展检查。” → “同上月。”" in text


def test_a_closure_sheet_that_shortens_the_titles_keeps_the_issues(tmp_path: Path) -> None:
    """A sheet 销号清单 lists the closed measures under the first clause of their issue's title,
    numbered afresh."""
    rows = _rows()
    closed = []
    for k, r in enumerate((r for r in rows if r[8] == "已完成"), 1):
        short = r[2].split("，")[0].replace("“", "").replace("”", "")
        closed.append([k + 20, r[1], short, *r[3:8], "已销号", r[9]])
    d = _diff(tmp_path, {"10月": _rows()}, {"11月": [r for r in rows if r[8] != "已完成"], "销号清单": closed})
    _nothing_but_progress(d)
    closures = {(c.old, c.new, c.new_sheet, c.new_row) for c in d.changes if c.kind is ChangeKind.STATUS}
    assert closures == {("已完成", "已销号", "销号清单", row) for row in (4, 5, 6)}, render_diff_text(d)


def test_two_units_sheets_given_the_same_feedback_keep_their_own_issues(tmp_path: Path) -> None:
    """One workbook, a sheet per unit, each answering the same “1.…” and “2.…”: two issues each, not
    one; a sheet of finished measures placed before the main one still joins its issues."""
    rows = [r for r in _rows() if r[2] in (VILLAGE, RIVER)]
    old = {"集团本部": rows, "城建公司": [[*r[:5], "城建公司", *r[6:]] for r in rows]}
    new_rows = [list(r) for r in rows]
    new_rows[0][9] = "11月新开工3个，累计21个。"
    new = {"集团本部": new_rows, "城建公司": [[*r[:5], "城建公司", *r[6:]] for r in rows]}
    a = _write(tmp_path / "10月.xlsx", old, "2026年10月31日", own_titles=True)
    b = _write(tmp_path / "11月.xlsx", new, "2026年11月30日", own_titles=True)
    d = diff_ledgers(read_ledger(a), read_ledger(b), as_of_old=date(2026, 10, 31), as_of_new=date(2026, 11, 30))
    assert (d.old.issues, d.new.issues) == (4, 4), render_diff_text(d)
    [update] = [c for c in d.changes if c.kind is ChangeKind.PROGRESS]
    assert (update.new_sheet, update.new_row) == ("集团本部", 4)

    done_first = {"已完成事项": [r for r in _rows() if r[8] == "已完成"],
                  "11月": [r for r in _rows() if r[8] != "已完成"]}
    d = _diff(tmp_path, {"10月": _rows()}, done_first)
    _nothing_but_progress(d)


def _check(path: Path) -> list[tuple[str, str, int | None, str]]:
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "rectxl", "check", str(path), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    return [(f["code"], f.get("sheet") or "", f.get("row"), f["message"]) for f in json.loads(proc.stdout)["findings"]]


def test_check_says_rows_sorted_by_status_split_an_issue_not_that_numbers_are_missing(tmp_path: Path) -> None:
    rows = sorted(_rows(), key=lambda r: (r[8] != "已完成", r[0]))   # 1, 2, 3 | 1, 2, 3, 4
    path = _write(tmp_path / "11月台账.xlsx", {"11月": rows}, "2026年11月30日")
    gaps = [f for f in _check(path) if f[0] == "issue-number-gap"]
    assert [(row, message) for _, _, row, message in gaps if "（无）" in message] == []
    [(_, _, row, message)] = gaps
    assert row == 7 and "问题1的措施分在不相连的几处" in message and "按单位或状态重新排序" in message

    by_unit = sorted(_rows(), key=lambda r: (r[8] != "已完成", r[5]))  # first blocks 1, 3, 2 …: out of order
    path = _write(tmp_path / "11月台账_按单位.xlsx", {"11月": by_unit}, "2026年11月30日")
    gaps = [f for f in _check(path) if f[0] == "issue-number-gap"]
    assert len(gaps) == 1 and "只是行的顺序与序号不一致" in gaps[0][3], gaps


def test_check_lets_a_sheet_of_finished_measures_number_its_issues_afresh(tmp_path: Path) -> None:
    rows = _rows()
    path = _write(tmp_path / "11月台账.xlsx", {"11月": [r for r in rows if r[8] != "已完成"],
                                               "已完成事项": [r for r in rows if r[8] == "已完成"]},
                  "2026年11月30日")
    assert [f for f in _check(path) if f[0] == "issue-number-gap"] == []
    # a real gap on the main sheet is still found
    rows[6][0] = rows[7][0] = 5
    path = _write(tmp_path / "11月台账_跳号.xlsx", {"11月": [r for r in rows if r[8] != "已完成"],
                                                    "已完成事项": [r for r in rows if r[8] == "已完成"]},
                  "2026年11月30日")
    gaps = [f for f in _check(path) if f[0] == "issue-number-gap"]
    assert [(sheet, row) for _, sheet, row, _ in gaps] == [("11月", 7)], gaps
