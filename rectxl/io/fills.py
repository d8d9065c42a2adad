"""The fill colours of a workbook's cell formats, as the colour words a clerk's legend names.

A county ledger often marks how far each measure got by the colour of its row ("已完成的标注绿色，
正在推进的标注黄色，未启动的标注红色"), with no status word, or only an account, in the cell.
calamine reports no formatting, so the colours are read here: the styles part's fills (a solid
pattern's foreground colour, given as ARGB, as a theme colour or as an index into the legacy
palette) through its cell formats (``cellXfs``), each named by the colour word it would be called
in Chinese (红, 橙, 黄, 绿, 蓝, 紫); white, black, grey and pale tints near them name none. The
sheet scan (:mod:`rectxl.io.sheet_xml`) then notes the cells in such a format (an .ods's cell styles
are read alike by :mod:`rectxl.io.ods`); the ledger's
legend, read in :mod:`rectxl.core.legend`, says which status each colour stands for.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

from rectxl.io import xmlbytes

__all__ = ["COLOUR_WORDS", "PALETTE", "RunColours", "colour_of", "colour_word", "fill_colours", "font_colours",
           "names_colour", "names_font_colour", "run_colours", "shared_run_colours", "theme_colours"]

#: the colour words a legend may name, in the order :func:`colour_word` tells them apart
COLOUR_WORDS = ("红", "橙", "黄", "绿", "蓝", "紫")

#: the words of a legend naming a colour: without one around its table, a sheet's colours are never
#: looked for (a 100,000-row sheet is not scanned for the fills of its header)
_LEGEND_WORDS = tuple(f"{w}{k}" for w in COLOUR_WORDS for k in "色底")

#: Excel's legacy palette (indexed colours 0–63; 64 is the system foreground, 65 background): an
#: .xlsx's ``indexed`` colours, an .xls's until its PALETTE record says otherwise
PALETTE = (
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
    "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
    "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
    "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
    "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
    "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
)

#: the theme's colours in the order a ``theme`` index counts them (light 1 and dark 1 swapped, as
#: Excel reads them: 0 is lt1, 1 is dk1)
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                "hlink", "folHlink")
_THEME_COLOUR = re.compile(rb"<(?:[\w.-]+:)?(?P<name>" + "|".join(_THEME_ORDER).encode()
                           + rb")\b[^>]*>\s*<(?:[\w.-]+:)?(?:srgbClr\s+val|sysClr\s[^>]*?lastClr)\s*=\s*[\"']"
                           rb"(?P<rgb>[0-9A-Fa-f]{6})")


#: a colour named without 色 or 底: marked so ("标绿的为…", "涂绿", "填成黄"), or bare before what it keys
#: ("红：未完成；绿：已完成", "绿灯=已完成"; never inside a word: "红旗村：", "目标红线", "超标红线")
_BARE_COLOUR = re.compile(r"(?<![目指超达限坐商路])(?:标|涂|填|刷)成?[红橙黄绿蓝紫](?!线|旗|榜|头)"
                          r"|(?<![\u4e00-\u9fff])[红橙黄绿蓝紫]灯?\s*[:：=＝]")
#: a colour word in a term of the Party's or of policy, naming no colour of the sheet (a measure
#: "推行“红色物业”", "传承红色基因", "推动绿色发展", "开通绿色通道" in a ledger's last rows)
_NOT_A_COLOUR = re.compile(
    r"红色(?=物业|基因|资源|教育|旅游|文化|阵地|驿站|引擎|堡垒|血脉|传统|故事|经典|精神|遗址|遗迹|地标|名村|领航|网格"
    r"|管家|先锋|课堂|讲堂|家书|档案|记忆|主题|研学|宣讲|党建|业委会|矩阵|代办)"
    r"|绿色(?=发展|低碳|生态|通道|转型|金融|建筑|食品|农业|出行|矿山|学校|工厂|殡葬|办公|采购|信贷|保险|产业|能源|施工"
    r"|环保|家园|社区|机关|医院|生活|消费|循环|屏障|长廊|矿业|制造|有机|认证|税制|交通|物流|电力|园区|小区|家庭)"
    r"|蓝色(?=海洋|经济|粮仓|国土)")


def names_colour(text: str) -> bool:
    """``text`` names a colour ("绿色", "红底", "标绿", "绿：…"): it may be a legend keying the sheet's
    fills (a colour word in a term such as "红色物业", "绿色发展" names none)."""
    if "色" in text and _NOT_A_COLOUR.search(text):
        text = _NOT_A_COLOUR.sub("", text)
    return (("色" in text or "底" in text) and any(word in text for word in _LEGEND_WORDS)) or bool(
        _BARE_COLOUR.search(text))


#: a legend naming a font colour and no fill ("红色字体…", "字体为红色…"), unlike "标红…"
_FONT_ONLY = re.compile(r"[红橙黄绿蓝紫黑]色?(?:字体|字)|字体?(?:颜色)?(?:为|是|用|标)?[红橙黄绿蓝紫黑]色"
                        r"|字体(?:颜色)?(?:标为?|标注为?)[红橙黄绿蓝紫黑]")
#: a legend naming a font colour ("红色字体为未完成事项", "字体为红色的", "红字", "标红的为未完成"): the
#: sheet's font colours are read, not its fills ("标红", "加红", "显红" alone may be either: both are read)
_FONT_WORDS = re.compile(_FONT_ONLY.pattern + r"|(?:标|加|显)[红橙黄绿蓝紫](?!色?底)")


def names_font_colour(text: str) -> str | None:
    """``text`` names a font colour ("红色字体为未完成", "标红的为未完成"): "font" when it names
    the font ("字体"/"字"), "either" when it says only that rows are marked a colour ("标红"), None
    when it names none."""
    if "底" in text or "填充" in text or "背景" in text or not _FONT_WORDS.search(text):
        return None
    return "font" if _FONT_ONLY.search(text) else "either"


def colour_word(rgb: str, tint: float = 0.0) -> str | None:
    """The colour word of an RGB colour (``"92D050"`` → 绿), after a theme colour's ``tint``
    (lighter above 0, darker below); None for white, black, greys and tints too pale to name."""
    try:
        r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if tint > 0:
        light = light * (1 - tint) + tint
    elif tint < 0:
        light = light * (1 + tint)
    if sat < 0.25 or light > 0.93 or light < 0.12 or max(r, g, b) - min(r, g, b) < 0.06:
        return None
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return "红"
    if degrees < 47:  # (Excel's 橙色 FFC000 is at 45°, its pale 中性 yellow FFEB9C at 48°)
        return "橙"
    if degrees < 68:
        return "黄"
    if degrees < 165:
        return "绿"
    if degrees < 255:
        return "蓝"
    return "紫"


def theme_colours(theme: bytes | None) -> list[str]:
    """The RGB of the theme part's colours, in the order a ``theme`` index counts them."""
    return _theme_colours(theme)


def _theme_colours(theme: bytes | None) -> list[str]:
    if not theme:
        return []
    found = {m["name"].decode(): m["rgb"].decode() for m in _THEME_COLOUR.finditer(theme)}
    return [found.get(name, "") for name in _THEME_ORDER]


def colour_of(attrs: bytes, theme: list[str]) -> str | None:
    """The colour word of a colour element's attributes (``rgb``, ``indexed``, ``theme`` with its
    ``tint``; ``theme``: :func:`theme_colours`), None for one a legend cannot name."""
    return _colour_of(attrs, theme)


def _colour_of(attrs: bytes, theme: list[str]) -> str | None:
    rgb = xmlbytes.attr(attrs, "rgb")
    if rgb is not None and len(rgb) >= 6:
        if len(rgb) == 8 and rgb[:2] == "00" and rgb[2:].upper() not in ("000000", "FFFFFF"):
            rgb = "FF" + rgb[2:]  # (some writers leave the alpha 00 on an opaque colour)
        return colour_word(rgb[-6:])
    indexed = xmlbytes.attr(attrs, "indexed")
    if indexed is not None and indexed.isdigit() and int(indexed) < len(PALETTE):
        return colour_word(PALETTE[int(indexed)])
    index = xmlbytes.attr(attrs, "theme")
    if index is not None and index.isdigit() and int(index) < len(theme) and theme[int(index)]:
        try:
            tint = float(xmlbytes.attr(attrs, "tint") or 0)
        except ValueError:
            tint = 0.0
        return colour_word(theme[int(index)], tint)
    return None


def font_colours(styles: bytes, theme: bytes | None = None) -> dict[int, str]:
    """Cell format index → the colour word of its font, for the formats whose font has a colour a
    legend could name (:func:`colour_word`: black and the automatic colour name none). Empty for a
    damaged part."""
    try:
        fonts = xmlbytes.first(styles, "fonts")
        if fonts is None or fonts.empty:
            return {}
        theme_rgb = _theme_colours(theme)
        words: list[str | None] = []
        for font in xmlbytes.elements(styles, "font", fonts.tag_end, fonts.content_end):
            colour = None if font.empty else xmlbytes.first(styles, "color", font.tag_end, font.content_end)
            words.append(_colour_of(colour.attrs, theme_rgb) if colour is not None else None)
        return _by_format(styles, "fontId", words)
    except ValueError:
        return {}


def _by_format(styles: bytes, key: str, words: list[str | None]) -> dict[int, str]:
    """Cell format index → the word of the fill or font (``key``: fillId, fontId) it names."""
    xfs = xmlbytes.first(styles, "cellXfs")
    if xfs is None or xfs.empty:
        return {}
    found: dict[int, str] = {}
    for i, xf in enumerate(xmlbytes.elements(styles, "xf", xfs.tag_end, xfs.content_end)):
        fid = xmlbytes.attr(xf.attrs, key) or "0"
        if fid.isdigit() and int(fid) < len(words) and (word := words[int(fid)]) is not None:
            found[i] = word
    return found


def fill_colours(styles: bytes, theme: bytes | None = None) -> dict[int, str]:
    """Cell format index → the colour word of its solid fill, for the formats filled with a colour
    a legend could name (:func:`colour_word`); ``theme``: the workbook's theme part, for fills given
    as theme colours. Empty for a damaged part."""
    try:
        fills = xmlbytes.first(styles, "fills")
        if fills is None or fills.empty:
            return {}
        theme_rgb = _theme_colours(theme)
        words: list[str | None] = []
        for fill in xmlbytes.elements(styles, "fill", fills.tag_end, fills.content_end):
            word = None
            pattern = None if fill.empty else xmlbytes.first(styles, "patternFill", fill.tag_end, fill.content_end)
            if pattern is not None and xmlbytes.attr(pattern.attrs, "patternType") not in (None, "none", "gray125"):
                fg = None if pattern.empty else xmlbytes.first(styles, "fgColor", pattern.tag_end, pattern.content_end)
                word = _colour_of(fg.attrs, theme_rgb) if fg is not None else None
            words.append(word)
        return _by_format(styles, "fillId", words)
    except ValueError:
        return {}


@dataclass(frozen=True)
class RunColours:
    """The font colours of a rich-text string's runs (part of a cell's text typed red …): the words
    of the runs that give a colour a legend could name, and whether some run gives no font of its
    own (it shows in the cell format's font colour)."""

    words: frozenset[str]
    inherits: bool

    def word(self, cell_font: str | None) -> str | None:
        """The one colour the cell's text is typed in, beside black (the font of cell format
        ``cell_font``'s colour for runs without their own); None when it shows none or several."""
        found = set(self.words)
        if self.inherits and cell_font is not None:
            found.add(cell_font)
        return found.pop() if len(found) == 1 else None


def run_colours(xml: bytes, start: int, end: int, theme: list[str]) -> RunColours | None:
    """The colours of the runs of the ``<si>`` or ``<is>`` between ``start`` and ``end``; None when
    it is plain text (no runs: the cell format's font colour is the text's)."""
    words: set[str] = set()
    inherits = False
    runs = 0
    for run in xmlbytes.elements(xml, "r", start, end):
        if run.empty:
            continue
        runs += 1
        text = "".join(xml[t.tag_end:t.content_end].decode("utf-8", "replace")
                       for t in xmlbytes.elements(xml, "t", run.tag_end, run.content_end) if not t.empty)
        if not text.strip():
            continue  # (a space typed red names nothing)
        props = xmlbytes.first(xml, "rPr", run.tag_end, run.content_end)
        if props is None:
            inherits = True
            continue
        colour = None if props.empty else xmlbytes.first(xml, "color", props.tag_end, props.content_end)
        if colour is not None and (word := _colour_of(colour.attrs, theme)) is not None:
            words.add(word)
    return RunColours(frozenset(words), inherits) if runs else None


def shared_run_colours(shared: bytes, theme: list[str]) -> dict[int, RunColours]:
    """Shared string index → its runs' colours (:func:`run_colours`), for the rich-text strings of
    a ``sharedStrings`` part; empty for a damaged part."""
    found: dict[int, RunColours] = {}
    try:
        table = xmlbytes.first(shared, "sst")
        if table is None or table.empty:
            return {}
        for i, si in enumerate(xmlbytes.elements(shared, "si", table.tag_end, table.content_end)):
            if not si.empty and (runs := run_colours(shared, si.tag_end, si.content_end, theme)) is not None:
                found[i] = runs
    except ValueError:
        return {}
    return found
