"""A ledger's colour legend: the status each fill colour stands for.

A county ledger may say how far each measure got by the colour of its row, keyed in a note above
or under the table or in the status column's name: "说明：已完成的标注绿色，正在推进的标注黄色，未启动
的标注红色", "（绿色为已完成，黄色为推进中）", "红色表示未完成". The colours themselves are read at
the edge (:mod:`rectxl.io.fills`) as words (红, 橙, 黄, 绿, 蓝, 紫). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rectxl.core.status import Status, read_status
from rectxl.core.text import LazyPattern

__all__ = ["REST", "colour_legend", "colour_status", "keys_font"]

#: the legend's key for the rows in no colour ("其余为已完成", "其他为正在推进")
REST = "其余"

#: a colour a legend names ("绿色", "绿颜色", "绿底", "浅绿色"), or a font colour ("红色字体", "字体为
#:红色", "红字", "标红", "加红"; 黑, the font's default, may be keyed too), the colour word its first group
#: that matched
_COLOUR = LazyPattern(r"字体(?:颜色)?(?:为|是|用|标为?|标注为?)?([红橙黄绿蓝紫黑])(?:颜?色)?|"
                      r"字(?:颜色)?(?:为|是|用|标)?([红橙黄绿蓝紫黑])颜?色|(?:浅|淡|深|亮)?([红橙黄绿蓝紫黑])"
                      r"(?:颜?色|底纹?)(?:字体|字|底色|底纹|背景|填充|标注|标识)?|([红橙黄绿蓝紫黑])字体?|"
                      r"(?:标|加|显|涂|填|刷)成?([红橙黄绿蓝紫])|"
                      # a colour named bare before what it keys ("红：未完成；绿：已完成", "绿灯=已完成"): never
                      # inside a word ("红旗村", "绿化")
                      r"(?<![\u4e00-\u9fff])([红橙黄绿蓝紫])灯?(?=\s*[:：=＝]|为|表示|代表)")
#: what stands between a colour named first and the status it keys ("…的为已完成", "红字部分为…"),
#: with the verb naming the colour before it ("标注黄色的为…", "填充绿色的表示…", "涂成红色的是…"),
#: and the cells it colours before that ("整改进展填充黄色的为…", "状态栏标注绿色的为…")
_LEAD = LazyPattern(r"^(?:(?:(?:整改)?(?:进展|进度|情况|状态|措施)|单元格|本行|行|表中|表内|本表中?"
                    # (a column named before its colour: "推进情况一栏绿色底纹为…", "完成情况列标绿的为…")
                    r"|[^，。为是的]{1,8}?(?=一?[栏列]))?(?:一?栏|一?列|中)?"
                    r"(?:用|以)?(?:标注|标记|标识|标出|标|填充|填|涂|显示)?(?:为|成)?)?(?:的|者)?"
                    r"(?:部分|内容|文字|事项|项目|项|行)?(?=为|是|表示|代表)|^的(?=[为是])"
                    # (what the colour is of, then the status with no verb: "底色标绿的已完成")
                    r"|^(?:底色|底纹|背景色?|填充色?|单元格)?(?:的|者)(?=已|未|正在|推进|完成|长期|持续|基本)")
#: a key for the rest of the rows ("其余为已完成", "其他的为正在推进", "未标注的为已完成")
_REST = LazyPattern(r"^(?:其余|其他|其它|剩余|未标注|未标色|无颜色|无色)(?:的|者|事项|项目|部分)?"
                    r"((?:为|是|表示|即).{2,8})$")
#: a text that may hold a legend (a colour's word, or what names one): any other is not split
_MAY_KEY = re.compile(r"[色底字标加显涂填刷]|[红橙黄绿蓝紫]灯?\s*[:：=＝为]|[（(][红橙黄绿蓝紫][)）]")
#: a status with its colour after it in brackets ("已完成（绿）、推进中（黄色）"), read as "已完成为绿色"
_AFTER = re.compile(r"([^，,；;。、\s（(：:]{2,8})[（(]([红橙黄绿蓝紫])色?[)）]")
#: where one key of a legend ends and the next begins
_KEYS = re.compile(r"[，,；;。、\n\s]+|[（(]|[)）]")
#: the words around a status and its colour that say one stands for the other
_GLUE = LazyPattern(r"^(?:说明|注|备注|图例|其中)|(?:的|者)?(?:项|事项|措施|任务|问题|内容)?(?:用|以|均|请)?"
                    r"(?:标注为?|标记为?|标识为?|标出|标明|标为|标|填充为?|显示为?|涂|表示|代表|为|是|即|[=:：])?$")


def _status_of(words: str) -> Status | None:
    """The status the rest of a legend's key names ("已完成的标注", "为已完成", "表示逾期未完成")."""
    words = words.strip(" ：:=")
    for _ in range(3):  # the glue on either side of the words
        before = words
        words = _GLUE.sub("", words).strip(" ：:=")
        words = _LEAD.sub("", words)  # ("字体为黑色的为已完成", "红字部分为…": the colour named first)
        if words.startswith(("为", "是", "表示", "代表", "即")):
            words = words[2 if words[:2] in ("表示", "代表") else 1:]
        if words == before:
            break
    if not 2 <= len(words) <= 8:
        return None
    return read_status(words).status


def colour_legend(texts: Iterable[str]) -> dict[str, Status]:
    """Colour word → the status it stands for, as the legend among ``texts`` keys them (the
    notes around a table, its status column's name); empty when none keys two colours, or one
    colour and says it is a colour's meaning ("红色表示未完成")."""
    legend: dict[str, Status] = {}
    rest: Status | None = None
    for text in texts:
        if not _MAY_KEY.search(text):
            continue
        for key in _KEYS.split(_AFTER.sub(r"\1为\2色", text)):
            colours = list(_COLOUR.finditer(key))
            if not colours and rest is None and (other := _REST.match(key)) is not None:
                rest = _status_of(other.group(1))  # "其余为已完成": the rows in no colour
            if len(colours) != 1:
                continue
            m = colours[0]
            status = _status_of(key[:m.start()] + key[m.end():])
            if status is not None:
                legend.setdefault(next(c for c in m.groups() if c), status)
    if legend and rest is not None:
        legend.setdefault(REST, rest)
    return legend


#: colours a clerk calls by a neighbour's name when the legend does not key their own, nearest
#: first (Excel's 橙色 FFC000, amber, picked for the 黄 of 红黄绿; a gold tint for yellow; a
#: purple-blue for blue)
_NEAR: Mapping[str, tuple[str, ...]] = {"橙": ("黄", "红"), "黄": ("橙",), "红": ("橙",), "紫": ("蓝",),
                                        "蓝": ("紫",), "绿": ()}


def colour_status(legend: Mapping[str, Status], colour: str | None) -> Status | None:
    """The status ``colour`` stands for by ``legend``: its own key, else its nearest neighbour's
    that the legend keys (:data:`_NEAR`)."""
    if colour is None or not legend:
        return None
    if colour in legend:
        return legend[colour]
    return next((legend[n] for n in _NEAR.get(colour, ()) if n in legend), None)


#: a legend keying the cells' FONT colours ("红色字体为…", "字体为红色的…", "红字…", "字体标红的…")
_FONT_KEY = LazyPattern(r"[红橙黄绿蓝紫黑]色?(?:字体|字)|字体?(?:颜色)?(?:为|是|用|标为?|标注为?)?[红橙黄绿蓝紫黑]")


def keys_font(texts: Iterable[str]) -> bool:
    """The legend among ``texts`` keys the colours of the cells' fonts, not their fills."""
    return any(_FONT_KEY.search(t) and colour_legend([t]) for t in texts if "底" not in t)
