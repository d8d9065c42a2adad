"""Draw the ribbon tab described by ``customUI14.xml`` as an SVG picture (for the docs).

Excel's own icons (``imageMso``) cannot be reproduced outside Office, so each button gets
a placeholder: a rounded square with the first character of its label; the icon name is
kept in the button's tooltip (SVG ``<title>``) together with its screentip and supertip.
Only what this add-in uses is drawn: tabs, groups, buttons (large and normal) and
separators. The output depends only on the XML, so it can be regenerated and compared.

``python -m rectxl.addin.ribbon_preview [customUI14.xml] [out.svg]`` writes
``docs/ribbon.svg`` by default.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from rectxl.addin.build import CUSTOMUI_NS, default_macros_dir

__all__ = ["main", "render_ribbon_svg"]

_NS = "{" + CUSTOMUI_NS + "}"
_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"
_BUILTIN_TABS = ("文件", "开始", "插入", "页面布局", "公式", "数据", "审阅", "视图")
_COLORS = ("#2b7cd3", "#d35230", "#107c41", "#8764b8", "#c19c00")
_TAB_H, _BODY_H, _PAD = 30, 104, 8


def _text_width(text: str, size: float) -> float:
    """Rough width of *text*: CJK characters are square, others about half as wide."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.55 for ch in text)


def _title(element: ElementTree.Element) -> str:
    parts = [element.get("screentip") or element.get("label") or ""]
    if element.get("supertip"):
        parts.append(element.get("supertip") or "")
    if element.get("imageMso"):
        parts.append(f"imageMso: {element.get('imageMso')}")
    return "\n".join(p for p in parts if p)


def _button(out: list[str], button: ElementTree.Element, x: float, color: str) -> float:
    label = button.get("label") or button.get("id") or ""
    large = button.get("size") == "large"
    width = max(58.0, _text_width(label, 12) + 12) if large else _text_width(label, 12) + 34
    out.append(f"<g><title>{escape(_title(button))}</title>")
    if large:
        icon_x, icon_y = x + (width - 32) / 2, _TAB_H + 10
        out.append(
            f'<rect x="{icon_x:.1f}" y="{icon_y}" width="32" height="32" rx="6" fill="{color}"/>'
        )
        out.append(
            f'<text x="{icon_x + 16:.1f}" y="{icon_y + 22}" font-size="17" fill="#fff" '
            f'text-anchor="middle">{escape(label[:1])}</text>'
        )
        out.append(
            f'<text x="{x + width / 2:.1f}" y="{_TAB_H + 62}" font-size="12" '
            f'text-anchor="middle" fill="#222">{escape(label)}</text>'
        )
    else:
        out.append(
            f'<rect x="{x + 4:.1f}" y="{_TAB_H + 12}" width="16" height="16" rx="3" '
            f'fill="{color}"/>'
        )
        out.append(
            f'<text x="{x + 24:.1f}" y="{_TAB_H + 25}" font-size="12" fill="#222">'
            f"{escape(label)}</text>"
        )
    out.append("</g>")
    return width


def render_ribbon_svg(customui_xml: bytes) -> str:
    """An SVG picture of the first custom tab of *customui_xml*."""
    root = ElementTree.fromstring(customui_xml)
    tab = root.find(f"{_NS}ribbon/{_NS}tabs/{_NS}tab")
    if tab is None:
        raise ValueError("customUI has no tab")
    body: list[str] = []
    x = float(_PAD)
    for index, group in enumerate(tab.findall(f"{_NS}group")):
        color = _COLORS[index % len(_COLORS)]
        start = x
        for control in group:
            if control.tag == f"{_NS}button":
                x += _button(body, control, x, color) + 4
            elif control.tag == f"{_NS}separator":
                body.append(
                    f'<line x1="{x + 3:.1f}" y1="{_TAB_H + 8}" x2="{x + 3:.1f}" '
                    f'y2="{_TAB_H + 80}" stroke="#d0d0d0"/>'
                )
                x += 8
        label = group.get("label") or ""
        x = max(x, start + _text_width(label, 11) + 12)
        body.append(
            f'<text x="{(start + x) / 2:.1f}" y="{_TAB_H + _BODY_H - 8}" font-size="11" '
            f'fill="#555" text-anchor="middle">{escape(label)}</text>'
        )
        body.append(
            f'<line x1="{x + 4:.1f}" y1="{_TAB_H + 6}" x2="{x + 4:.1f}" '
            f'y2="{_TAB_H + _BODY_H - 6}" stroke="#c8c8c8"/>'
        )
        x += 2 * _PAD

    heads: list[str] = []
    hx = float(_PAD)
    custom = tab.get("label") or ""
    for name in (*_BUILTIN_TABS, custom):
        width = _text_width(name, 13) + 20
        if name == custom:
            heads.append(
                f'<path d="M{hx:.1f} {_TAB_H} V4 H{hx + width:.1f} V{_TAB_H}" fill="#fff" '
                'stroke="#c8c8c8"/>'
            )
            weight, fill = "bold", "#107c41"
        else:
            weight, fill = "normal", "#444"
        heads.append(
            f'<text x="{hx + width / 2:.1f}" y="{_TAB_H - 9}" font-size="13" '
            f'font-weight="{weight}" fill="{fill}" text-anchor="middle">{escape(name)}</text>'
        )
        hx += width + 2
    width = max(x, hx) + _PAD
    height = _TAB_H + _BODY_H + 2
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
            f'viewBox="0 0 {width:.0f} {height}" font-family={quoteattr(_FONT)}>',
            f"<title>{escape('Excel 功能区：' + custom)}</title>",
            f'<rect width="{width:.0f}" height="{height}" fill="#f3f3f3"/>',
            f'<rect x="0" y="{_TAB_H}" width="{width:.0f}" height="{_BODY_H}" fill="#fff" '
            'stroke="#c8c8c8"/>',
            *heads,
            *body,
            "</svg>",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write the SVG: ``[customUI14.xml] [out.svg]`` (defaults: macros/, docs/ribbon.svg)."""
    args = list(sys.argv[1:] if argv is None else argv)
    source = Path(args[0]) if args else default_macros_dir() / "customUI14.xml"
    out = Path(args[1]) if len(args) > 1 else default_macros_dir().parent / "docs" / "ribbon.svg"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_ribbon_svg(source.read_bytes()), encoding="utf-8")
    print(f"已生成功能区示意图：{out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
