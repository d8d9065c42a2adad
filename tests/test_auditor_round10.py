"""``rectxl diff``, ``batch`` and ``remind`` round 10: what a 县委巡察办 auditor misread in the
monthly versions one bureau sends and in a county's inbox — two measures merged into one flagged
删除未完成措施 although the surviving measure now says both (and the work is done); a measure split
in two shown as an edit plus an unrelated new measure, the new part then excusing a real deletion
under the same issue (an issue with a new measure counted as the old one replaced); a column the
巡察办 asked for this month (责任人, 完成时间) listed as a change of every measure ("（空） → 周强").

The ledgers are built here with openpyxl (fictional units of a fictional 清河县).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rectxl.api import check
from rectxl.batch import run_batch
from rectxl.core.batch_report import batch_notes, round_rows
from rectxl.core.batch_units import cluster
from rectxl.core.diff import ChangeKind, RegressionKind, diff_ledgers, normalize_measure_text, render_diff_text
from rectxl.core.letters import plan_reminders
from rectxl.core.units import same_unit_name
from rectxl.io.reader import read_ledger

I1 = "食品安全抽检任务完成不到位，抽检覆盖面窄"
I2 = "公务用车管理不规范，派车单填写不完整"


def _save(path: Path, header: list[str], rows: list[list[object]], stated: str) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["县市场监督管理局巡察反馈问题整改台账"])
    ws.append(["填报单位：县市场监督管理局", None, None, None, None, f"填报日期：{stated}"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


H = ["序号", "存在问题", "整改举措", "责任股室", "完成时限", "推进情况", "佐证资料"]


def _row(n: int, issue: str, text: str, status: str = "正在推进", due: str = "2024年11月30日",
         unit: str = "食品安全监管股") -> list[object]:
    return [n, issue, text, unit, due, status, ""]


SEP = [
    _row(1, I1, "调整抽检计划，扩大农村集市和校园周边抽检覆盖面"),
    _row(1, I1, "对抽检不合格产品及时核查处置并公开结果"),
    _row(1, I1, "建立抽检结果通报制度"),
    _row(2, I2, "规范派车审批流程，重新印制派车单", unit="办公室", due="2024年10月31日"),
    _row(2, I2, "开展公务用车使用情况自查", "未启动", unit="办公室", due="2024年10月31日"),
]


def _diff(tmp_path: Path, new_rows: list[list[object]], header: list[str] = H, old_header: list[str] = H,
          old_rows: list[list[object]] = SEP):  # type: ignore[no-untyped-def]
    old = _save(tmp_path / "9月.xlsx", old_header, old_rows, "2024年9月30日")
    new = _save(tmp_path / "10月.xlsx", header, new_rows, "2024年10月31日")
    return diff_ledgers(read_ledger(old), read_ledger(new))


# -- two measures merged into one ------------------------------------------------------------------


def test_two_measures_merged_into_one_done_are_no_deletion(tmp_path: Path) -> None:
    d = _diff(tmp_path, [*SEP[:3], _row(2, I2, "规范派车审批流程，重新印制派车单，并开展公务用车使用情况自查",
                                         "已完成", unit="办公室", due="2024年10月31日")])
    removed = d.of_kind(ChangeKind.REMOVED)
    assert [(c.measure, c.old_row) for c in removed] == [("开展公务用车使用情况自查", 8)]
    assert removed[0].new == "并入：规范派车审批流程，重新印制派车单，并开展公务用车使用情况自查"
    assert not d.regressions
    text = render_diff_text(d)
    assert ("开展公务用车使用情况自查：已并入现第7行的措施“规范派车审批流程，重新印制派车单，"
            "并开展公务用车使用情况自查”（原第8行）") in text
    assert "删除未完成措施" not in text


def test_a_measure_merged_into_one_still_open_and_overdue_is_still_said(tmp_path: Path) -> None:
    # merged into a measure not done, the merged one past its deadline: the lateness is not hidden
    d = _diff(tmp_path, [*SEP[:3], _row(2, I2, "规范派车审批流程，重新印制派车单，并开展公务用车使用情况自查",
                                         unit="办公室", due="2024年12月31日")],
              old_rows=[*SEP[:4], _row(2, I2, "开展公务用车使用情况自查", "未启动", unit="办公室",
                                       due="2024年10月15日")])
    assert {(r.kind, r.measure) for r in d.regressions} == {
        (RegressionKind.UNFINISHED_REMOVED, "开展公务用车使用情况自查"),
        (RegressionKind.SILENT_EXTENSION, "规范派车审批流程，重新印制派车单，并开展公务用车使用情况自查")}


def test_a_measure_deleted_beside_an_edited_one_is_no_merge(tmp_path: Path) -> None:
    # the surviving measure was only reworded: the other one's work is gone
    d = _diff(tmp_path, [*SEP[:3], _row(2, I2, "规范公务用车派车审批流程，重新印制派车单", unit="办公室",
                                         due="2024年10月31日")])
    assert [c.new for c in d.of_kind(ChangeKind.REMOVED)] == [""]
    assert [r.kind for r in d.regressions] == [RegressionKind.UNFINISHED_REMOVED]


# -- a measure split in two --------------------------------------------------------------------------


SPLIT = [_row(1, I1, "对抽检不合格产品及时核查处置", "已完成"),
         _row(1, I1, "在局门户网站公开抽检不合格产品核查处置结果")]


def test_a_measure_split_in_two_says_where_the_new_part_came_from(tmp_path: Path) -> None:
    d = _diff(tmp_path, [SEP[0], *SPLIT, *SEP[2:]])
    added = d.of_kind(ChangeKind.ADDED)
    assert [(c.measure, c.new_row, c.old) for c in added] == [
        ("在局门户网站公开抽检不合格产品核查处置结果", 6, "拆分自：对抽检不合格产品及时核查处置并公开结果")]
    assert ("在局门户网站公开抽检不合格产品核查处置结果：由原第5行的措施“对抽检不合格产品及时核查处置并公开结果”"
            "拆分出（现第6行）") in render_diff_text(d)
    assert not d.regressions


def test_a_split_part_does_not_excuse_a_measure_deleted_under_the_issue(tmp_path: Path) -> None:
    # the issue's new measure is a part split off another: 建立抽检结果通报制度 was dropped, not replaced
    d = _diff(tmp_path, [SEP[0], *SPLIT, *SEP[3:]])
    assert [(r.kind, r.measure, r.old_row) for r in d.regressions] == [
        (RegressionKind.UNFINISHED_REMOVED, "建立抽检结果通报制度", 6)]


def test_a_new_measure_beside_an_edited_one_is_no_split(tmp_path: Path) -> None:
    # a new task of its own replaces the deleted one (a rewrite, as before): no 拆分, no 值得注意
    d = _diff(tmp_path, [SEP[0], _row(1, I1, "对抽检不合格产品及时核查处置并在门户网站公开结果"),
                         _row(1, I1, "开展食品安全抽检工作专项督查"), *SEP[3:]])
    assert [(c.measure, c.old) for c in d.of_kind(ChangeKind.ADDED)] == [("开展食品安全抽检工作专项督查", "")]
    assert not d.regressions


# -- a column added between two months -------------------------------------------------------------


def test_a_column_added_this_month_is_said_once_not_per_measure(tmp_path: Path) -> None:
    header = ["序号", "存在问题", "整改举措", "责任股室", "责任人", "完成时限", "推进情况", "完成时间", "佐证资料"]
    rows = [[*r[:4], "陈静", *r[4:6], "2024年10月20日" if r[5] == "已完成" else "", r[6]] for r in SEP]
    rows[0][6] = "已完成"
    rows[0][7] = "2024年10月20日"
    d = _diff(tmp_path, rows, header=header)
    assert d.columns_added == ["责任人", "完成时间"]
    assert not d.of_kind(ChangeKind.OWNER)
    assert [(c.measure, c.field, c.old, c.new) for c in d.of_kind(ChangeKind.STATUS)] == [
        ("调整抽检计划，扩大农村集市和校园周边抽检覆盖面", "整改状态", "正在推进", "已完成")]
    assert "列变化：本期新增“责任人”“完成时间”列（上期没有，其中的内容不逐项列为变化）" in render_diff_text(d)
    # the reverse: a column dropped is said once too
    back = diff_ledgers(read_ledger(tmp_path / "10月.xlsx"), read_ledger(tmp_path / "9月.xlsx"))
    assert back.columns_removed == ["责任人", "完成时间"]
    assert not back.of_kind(ChangeKind.OWNER)


def test_a_person_changed_where_both_months_name_one_is_still_a_change(tmp_path: Path) -> None:
    # old: the person in the unit's cell (no 责任人 column); new: a 责任人 column naming another
    old_rows = [[*r[:3], f"{r[3]}（刘芳）", *r[4:]] for r in SEP]
    header = ["序号", "存在问题", "整改举措", "责任股室", "责任人", "完成时限", "推进情况", "佐证资料"]
    rows = [[*r[:4], "陈静", *r[4:]] for r in SEP]
    d = _diff(tmp_path, rows, header=header, old_rows=old_rows)
    owners = d.of_kind(ChangeKind.OWNER)
    assert {(c.field, c.old, c.new) for c in owners} == {("责任人", "刘芳", "陈静")}
    assert len(owners) == len(SEP)


# -- an extension only applied for -----------------------------------------------------------------


@pytest.mark.parametrize(("remark", "said"), [
    ("已申请延期，待批复", "只写明申请了延期（“已申请延期，待批复”），没有写明已获批准"),
    ("延期申请已报县委巡察办", "只写明申请了延期（“延期申请已报县委巡察办”）"),
    ("申请延期至12月底，未获批准", "写明延期未获批准（“申请延期至12月底，未获批准”）"),
    ("已向县委巡察办申请延期，经同意延期至12月底", ""),
    ("已报县委巡察办批准，完成时限调整为12月底", ""),
])
def test_a_deadline_put_off_on_an_extension_applied_for(tmp_path: Path, remark: str, said: str) -> None:
    old = [[*_row(1, I1, "建立抽检结果通报制度", due="2024年10月31日"), ""]]
    new = [[*_row(1, I1, "建立抽检结果通报制度", due="2024年12月31日"), remark]]
    d = _diff(tmp_path, new, header=[*H, "备注"], old_header=[*H, "备注"], old_rows=old)
    pending = [r for r in d.regressions if r.kind is RegressionKind.EXTENSION_PENDING]
    assert not [r for r in d.regressions if r.kind is RegressionKind.SILENT_EXTENSION]
    if not said:
        assert not pending
        return
    assert [(r.measure, r.old_row, r.new_row) for r in pending] == [("建立抽检结果通报制度", 4, 4)]
    assert said in pending[0].message and "请仍按原时限“2024年10月31日”督办" in pending[0].message
    assert d.of_kind(ChangeKind.DEADLINE)[0].flag == "延期尚未获批"


# -- batch: one unit's names, two units in one workbook ----------------------------------------------


@pytest.mark.parametrize(("short", "full", "same"), [
    ("县政协办", "政协清河县委员会办公室", True),
    ("县政协办", "中国人民政治协商会议清河县委员会办公室", True),
    ("县政协", "政协清河县委员会", True),
    ("县人大办", "清河县人大常委会办公室", True),
    ("县人大办", "清河县人民代表大会常务委员会办公室", True),
    ("县人大", "清河县人民代表大会常务委员会", True),
    ("县人大常委会", "县人大常委会办公室", False),
    ("县政协", "县政协办", False),
    ("政协清河县委员会", "政协白云县委员会", False),
    ("县人大办", "县政协办", False),
    ("市人大办", "县人大常委会办公室", False),
])
def test_congress_and_cppcc_offices_written_short(short: str, full: str, same: bool) -> None:
    assert same_unit_name(short, full) is same
    assert (len(cluster([short, full], lambda n: n)) == 1) is same


@pytest.mark.parametrize("pair", [("县政府办", "县人民政府办公室"), ("县卫健委", "县卫生健康委员会")])
def test_an_office_or_committee_written_in_full_joins_its_short_name(pair: tuple[str, str]) -> None:
    # same_unit_name said so already; the batch's grouping had looked them up apart (办 / 室, 委 / 会)
    assert cluster(list(pair), lambda n: n) == [list(pair)]


def _unit_ledger(path: Path, unit: str, stated: str, done: int, sheets: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    for k, (sheet, who) in enumerate([(ws, unit), *((wb.create_sheet(s), s) for s in sheets)]):
        sheet.append([f"{who}落实县委第二巡察组反馈意见整改台账"])
        sheet.append([f"填报单位（盖章）：{who}", None, None, None, None, f"填报日期：{stated}"])
        sheet.append(["序号", "巡察反馈问题", "整改措施", "责任单位", "整改时限", "整改状态", "整改进展"])
        for n in range(1, 4):
            sheet.append([n, f"问题{n}：落实主体责任不够到位", f"制定责任清单第{n}项（{k}）", who, "2024年10月31日",
                          "已完成" if n <= done else "正在推进", ""])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_cppcc_and_a_congress_office_sent_twice_under_two_names(tmp_path: Path) -> None:
    inbox = tmp_path / "10月报送"
    _unit_ledger(inbox / "政协清河县委员会办公室整改台账.xlsx", "政协清河县委员会办公室", "2024年9月30日", 1)
    _unit_ledger(inbox / "县政协办整改台账（修改稿）.xlsx", "县政协办", "2024年10月31日", 2)
    _unit_ledger(inbox / "县人大常委会办公室整改台账.xlsx", "清河县人大常委会办公室", "2024年10月31日", 2)
    _unit_ledger(inbox / "县人大办台账.xlsx", "县人大办", "2024年9月30日", 1)
    result = run_batch(inbox, workers=1)
    assert sorted(r.file for r in result.ledgers) == [
        "县人大常委会办公室整改台账.xlsx", "县政协办整改台账（修改稿）.xlsx"]
    assert sorted(s.file for s in result.set_aside) == ["县人大办台账.xlsx", "政协清河县委员会办公室整改台账.xlsx"]
    assert len(round_rows(result)) == 2


def test_a_bureau_s_workbook_with_a_federation_s_sheet_beside_its_own(tmp_path: Path) -> None:
    # the bureau's own sheet keeps the template's name (整改台账); the other is named after its unit
    inbox = tmp_path / "报送"
    _unit_ledger(inbox / "县民政局、县残联整改台账.xlsx", "县民政局", "2024年10月31日", 2, sheets=("县残疾人联合会",))
    _unit_ledger(inbox / "县审计局整改台账.xlsx", "县审计局", "2024年10月31日", 2)
    # a town's ledger on a sheet per office is one unit's
    _unit_ledger(inbox / "东山镇整改台账.xlsx", "东山镇", "2024年10月31日", 2, sheets=("党政办", "财政所"))
    notes = [n for n in batch_notes(run_batch(inbox, workers=1)) if n.code == "units-in-one-file"]
    assert [n.files for n in notes] == [["县民政局、县残联整改台账.xlsx"]]
    assert "2 个单位的台账（工作表“整改台账”“县残疾人联合会”），已合并统计为“县民政局”" in notes[0].message


# -- measures numbered under their issue -------------------------------------------------------------


def test_measures_numbered_under_issues_renumbered_are_no_rewording(tmp_path: Path) -> None:
    # the clerk puts issue 2 first: every "1-1." becomes "2-1.", and nothing else changed
    old = [_row(1, I1, "1-1.调整抽检计划，扩大农村集市抽检覆盖面"), _row(1, I1, "（1-2）建立抽检结果通报制度"),
           _row(2, I2, "2.1规范派车审批流程", unit="办公室")]
    new = [_row(1, I2, "1.1规范派车审批流程", unit="办公室"),
           _row(2, I1, "2-1.调整抽检计划，扩大农村集市抽检覆盖面"),
           _row(2, I1, "（2-2）建立抽检结果通报制度", "已完成")]
    d = _diff(tmp_path, new, old_rows=old)
    assert not d.of_kind(ChangeKind.TEXT) and not d.of_kind(ChangeKind.ADDED) and not d.of_kind(ChangeKind.REMOVED)
    assert [(c.old, c.new) for c in d.of_kind(ChangeKind.ISSUE_CHANGED)] == [("2", "1"), ("1", "2")]
    assert [(c.measure, c.old, c.new) for c in d.of_kind(ChangeKind.STATUS)] == [
        ("（2-2）建立抽检结果通报制度", "正在推进", "已完成")]


def test_an_amount_at_the_head_of_a_measure_is_not_a_number_under_its_issue() -> None:
    assert normalize_measure_text("1.1开展卫片执法") == normalize_measure_text("2-1.开展卫片执法")
    assert normalize_measure_text("退回1.5万元") != normalize_measure_text("退回2.5万元")


def test_a_merge_whose_words_the_surviving_measure_shared_already(tmp_path: Path) -> None:
    # "招投标" was in both measures last month: what the survivor added says the other one
    old = [_row(1, I1, "修订招投标管理办法", unit="工程股"), _row(1, I1, "开展招投标专项检查", "未启动", unit="工程股")]
    new = [_row(1, I1, "修订招投标管理办法，并开展招投标专项检查", unit="工程股")]
    d = _diff(tmp_path, new, old_rows=old)
    assert [c.new for c in d.of_kind(ChangeKind.REMOVED)] == ["并入：修订招投标管理办法，并开展招投标专项检查"]
    assert not d.regressions  # merged into a measure going on, not overdue


# -- remind and check: an extension asked for is not one granted -------------------------------------


def _housing(path: Path, remarks: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["县住房和城乡建设局巡察整改台账"])
    ws.append(["填报单位：县住房和城乡建设局", None, None, None, None, None, "填报日期：2024年11月15日"])
    ws.append(["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态", "备注"])
    for n, remark in enumerate(remarks, start=1):
        ws.append([1, "建筑工地扬尘治理不到位", f"建立扬尘治理长效机制第{n}项", "建管股", "田野", "2024年9月30日",
                   "正在推进", remark])
    wb.save(path)
    return path


def test_an_extension_awaiting_its_answer_leaves_the_measure_overdue(tmp_path: Path) -> None:
    path = _housing(tmp_path / "住建局台账.xlsx", [
        "已申请延期至2024年12月底，待县委巡察办批复",
        "经县委巡察办同意，延期至2024年12月底",
        "申请延期至2024年12月底，未获批准",
        "已申请延期",
    ])
    report = check(path)
    overdue = {f.cell: f.message for f in report.findings if f.code == "overdue"}
    assert sorted(overdue) == ["F4", "F6", "F7"]
    assert "（台账写着“已申请延期至2024年12月底，待县委巡察办批复”，未写明延期已获批准：按原时限判断）" in overdue["F4"]
    assert "（台账写着“申请延期至2024年12月底，未获批准”，写明延期未获批准：按原时限判断）" in overdue["F6"]
    assert "（台账写着“已申请延期”，未写明延期已获批准：按原时限判断）" in overdue["F7"]
    plan = plan_reminders(read_ledger(path))
    assert [(u.unit, letter.kind, [i.measure[-3:] for i in letter.items]) for u in plan.units
            for letter in u.letters] == [("建管股", "督办通知", ["第1项", "第3项", "第4项"])]
