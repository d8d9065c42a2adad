"""How a measure and its progress are published as one sentence (render.measure_sentence):
what of the progress is cut because the action says it, and what of the action is left out
because the progress says it. The pairs are made up for these tests."""

from __future__ import annotations

import pytest

from rectxl.core.model import Measure
from rectxl.core.notice import render
from rectxl.core.notice.render import measure_sentence
from rectxl.core.status import Status


def _said(action: str, progress: str, status: Status | None = Status.DONE) -> str:
    return measure_sentence(Measure(text=action, progress=progress, status=status))


def _going_on(sentence: str, status: Status) -> str:
    """``sentence`` as published for ``status``: work still going on whose progress reads as done
    says it goes on (round 12)."""
    return sentence if status is Status.DONE else sentence.rstrip("。") + "，正在推进"


# -- the progress's own verb is not cut from it ------------------------------------------------


@pytest.mark.parametrize("status", [Status.DONE, Status.IN_PROGRESS])
def test_progress_restating_the_verb_with_its_object_counted_is_kept_whole(status: Status) -> None:
    # "交叉互评" is the action's last words and the progress's verb: cut, it would leave
    # "执法案卷54卷" — the action's object and a count, nothing done to it
    said = _said("开展执法案卷交叉互评", "交叉互评执法案卷54卷，发现问题案卷7卷。", status)
    assert said == _going_on("开展执法案卷交叉互评，交叉互评执法案卷54卷，发现问题案卷7卷。", status)


def test_trim_overlap_keeps_a_result_left_with_the_actions_object_and_a_count() -> None:
    assert render._trim_overlap("开展执法案卷交叉互评", "交叉互评执法案卷54卷") == "交叉互评执法案卷54卷"
    assert render._trim_overlap("开展执法案卷交叉互评", "交叉互评执法案卷五十四卷，已归档") \
        == "交叉互评执法案卷五十四卷，已归档"


def test_what_is_left_with_a_verb_of_its_own_is_still_trimmed() -> None:
    assert _said("开展执法案卷交叉互评", "交叉互评发现问题案卷7卷，已整改5卷。") \
        == "开展执法案卷交叉互评，发现问题案卷7卷，已整改5卷。"
    assert _said("开展食堂卫生突击检查", "突击检查已完成，整改问题3个") == "开展食堂卫生突击检查，已完成，整改问题3个"


def test_a_count_of_something_else_keeps_the_result_whole_as_before() -> None:
    assert _said("开展党员档案交叉核查", "交叉核查9个支部") == "开展党员档案交叉核查，交叉核查9个支部"


# -- the action's main clause is kept ---------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DONE, Status.IN_PROGRESS])
def test_main_clause_said_in_bits_over_the_progress_is_kept(status: Status) -> None:
    # the progress says the first clause only in bits ("建立月度讲评制度", "讲评窗口服务质量"):
    # left out, "对推诿扯皮的…" would lead with nothing to refer to, and the action would be said
    # after the progress that opens with "建立…制度"
    said = _said("建立窗口服务质量月度讲评制度，对推诿扯皮的进行通报批评",
                 "建立月度讲评制度，10月讲评窗口服务质量1次，对3名窗口工作人员进行通报批评并调整岗位。",
                 status)
    assert said == _going_on("建立窗口服务质量月度讲评制度，对推诿扯皮的进行通报批评。"
                             "10月讲评窗口服务质量1次，对3名窗口工作人员进行通报批评并调整岗位。", status)


def test_a_clause_referring_to_the_main_one_never_leads() -> None:
    said = _said("建立超期未办结事项台账，对无故拖延的予以通报",
                 "10月建立超期未办结事项台账，登记超期事项15件，通报拖延事项2件。")
    assert said.startswith("建立超期未办结事项台账，对无故拖延的予以通报。")
    assert not said.startswith("对")


def test_progress_opening_with_the_main_clause_in_no_more_words_loses_it() -> None:
    assert _said("修订公务用车管理办法，明确派车审批流程", "已修订公务用车管理办法，车辆出行一律线上审批。") \
        == "修订公务用车管理办法，明确派车审批流程。车辆出行一律线上审批。"
    assert _said("建立超期未办结事项台账，对无故拖延的予以通报", "建立超期未办结事项台账，登记事项15件，通报2件。") \
        == "建立超期未办结事项台账，对无故拖延的予以通报。登记事项15件，通报2件。"


def test_main_clause_said_with_more_by_one_clause_of_the_progress_may_go() -> None:
    # one clause of the progress says it, and says more (who passed it): the progress says it
    said = _said("修订《窗口服务规范》，细化首问负责要求",
                 "经局务会审议通过修订后的《窗口服务规范》，明确首问负责事项5类。")
    assert said == "细化首问负责要求，经局务会审议通过修订后的《窗口服务规范》，明确首问负责事项5类。"
    assert said.count("窗口服务规范") == 1


def test_a_later_clause_the_progress_says_again_is_still_left_out() -> None:
    said = _said("对辖区加油站逐站排查，建立隐患清单，限期督促整改",
                 "已对18座加油站逐站排查，建立隐患清单31项并全部督促整改。")
    assert said.count("建立隐患清单") == 1
    assert "31项" in said


def test_whole_action_said_again_prints_the_progress_alone_as_before() -> None:
    assert _said("建立欠费台账，逐户催缴", "已建立欠费台账，逐户催缴欠费36户。") == "已建立欠费台账，逐户催缴欠费36户。"


# -- a progress restating the action with another verb of the same meaning --------------------


def test_progress_revising_what_the_action_improves_is_not_said_twice() -> None:
    assert _said("完善值班值守制度，每周通报值守情况", "修订值班值守制度，9月以来通报值守情况12次。") \
        == "完善值班值守制度，每周通报值守情况。9月以来通报值守情况12次。"


def test_progress_saying_more_than_the_action_keeps_its_clause() -> None:
    said = _said("完善值班值守制度，每周通报值守情况", "修订印发值班值守制度，9月以来通报值守情况12次。")
    assert "修订印发值班值守制度" in said  # 印发: issued, which the action does not say


def test_restating_lead_rules() -> None:
    heads = ["建立欠费台账", "逐户催缴"]
    assert render._restating_lead(heads, "已建立欠费台账，催缴36户") == len("已建立欠费台账，")
    assert render._restating_lead(heads, "建立欠费台账2本，催缴36户") == 0  # a count is news
    assert render._restating_lead(heads, "已建立欠费台账，下一步将按月更新") == 0  # what is to come
    assert render._restating_lead(heads, "已建立欠费台账") == 0  # never all of it
    assert render._restating_lead(["完善考勤制度"], "健全考勤制度，打卡率100%") == len("健全考勤制度，")
    assert render._restating_lead(["完善考勤制度"], "建立考勤制度，打卡率100%") == 0  # another verb


def _done(action: str, progress: str) -> str:
    return measure_sentence(Measure(text=action, status=Status.DONE, status_text="已完成", progress=progress))


@pytest.mark.parametrize(("action", "progress", "published"), [
    # another thing with the same last words: its own words stay ("已建立季度" was published)
    ("建立财政存量资金定期清理机制", "已建立季度清理机制，每季度清理一次",
     "建立财政存量资金定期清理机制，已建立季度清理机制，每季度清理一次"),
    ("春节前完成补贴发放系统数据比对", "已完成全县数据比对", "春节前完成补贴发放系统数据比对，已完成全县数据比对"),
    # the action's verb and object said again: the verb is not cut off ("已在殡仪馆")
    ("规范殡葬服务收费，公示收费目录", "已在殡仪馆公示收费目录", "规范殡葬服务收费，已在殡仪馆公示收费目录"),
    # a cut inside a name or after 的/和 is never published ("已印发2026", "已确定9个村的")
    ("制定党组理论学习中心组年度学习计划", "已印发2026年度学习计划，明确12个专题",
     "制定党组理论学习中心组年度学习计划，已印发2026年度学习计划，明确12个专题"),
    ("每村确定1个以上增收项目", "已确定9个村的增收项目，其余3个村正在谋划",
     "每村确定1个以上增收项目，已确定9个村的增收项目，其余3个村正在谋划"),
    ("建立中心组学习考勤及研讨发言通报制度", "已印发考勤和通报制度",
     "建立中心组学习考勤及研讨发言通报制度，已印发考勤和通报制度"),
])
def test_a_result_is_never_cut_into_a_broken_clause(action: str, progress: str, published: str) -> None:
    assert _done(action, progress) == published


@pytest.mark.parametrize(("action", "progress", "published"), [
    ("制定学习计划", "已印发学习计划", "制定学习计划，已印发"),
    ("健全补贴发放公示制度", "已起草公示制度，待局党组会研究", "健全补贴发放公示制度，已起草，待局党组会研究"),
    ("开展资金使用专项检查", "已完成专项检查，整改问题3个", "开展资金使用专项检查，已完成，整改问题3个"),
])
def test_a_result_doing_something_else_to_the_object_does_not_name_it_again(
        action: str, progress: str, published: str) -> None:
    assert _done(action, progress) == published


def test_a_result_opening_with_the_actions_last_words_and_going_on_with_them_is_kept_whole() -> None:
    # "行动中" is "during the action": cutting the overlap would publish "中执结案件318件"
    published = _done("开展“冬季攻势”集中执行行动", "集中执行行动中执结案件318件，执行到位金额4862.3万元")
    assert "，中执结" not in published and "集中执行行动中执结案件318件" in published
    assert _done("建立智能监控规则库", "规则库已上线试运行") == "建立智能监控规则库，已上线试运行"
