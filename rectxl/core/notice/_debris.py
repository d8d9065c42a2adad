"""What a notice copied from a WeChat article or a web page carries that is no part of it: the
account's byline and publication time, "点击蓝字关注我们", 编辑/审核/责编/监制 credits, "END",
"分享 收藏 点赞 在看", "阅读原文", a site's footer (主办单位, ICP 备案), emoji bullets, and the
lists printed under the notice ("往期推荐", "相关链接": other articles, not the notice's items).

Patterns are matched on the detection copy of a line (:func:`rectxl.core.notice._text.detect`:
full-width forms folded to ASCII). The web debris a government page prints (您的位置, 来源/发布时间,
【打印本页】) is :data:`rectxl.core.notice.parse._DEBRIS`; this module holds what social-media
copies and site footers add.
"""

from __future__ import annotations

import re

# the run of emoji a line or a cell opens with has one home, rectxl.core.text; importable from here
from rectxl.core.text import symbol_run

__all__ = [
    "ANNEX_HEADING", "LINK_HEADING", "PAGE_NUMBER", "PAGE_NUMBER_FORMS", "SOCIAL_DEBRIS", "TIMESTAMP", "symbol_run",
]

_CREDIT_WORDS = (r"责编|责任编辑|监制|校对|初审|复审|终审|一审|二审|三审|美编|排版|摄影|图片|图文|通讯员|记者|"
                 r"文案|设计|统筹|出品|主编|值班编辑|编审|素材|视频|制作|策划|投稿邮箱|投稿")
_SHARE_WORDS = r"分享|收藏|点赞|在看|转发|喜欢|留言|写留言|赞赏|朋友圈|推荐|赞|评论"

#: the links a site prints in its footer ("网站地图 | 联系我们 | 隐私声明")
_SITE_LINKS = (r"\s*(?:网站地图|联系我们|关于我们|隐私声明|隐私政策|网站声明|法律声明|免责声明|版权声明|使用帮助|"
               r"网站帮助|网站纠错|无障碍浏览|适老化|English)\s*")

#: a whole line of social-media or site-footer debris
SOCIAL_DEBRIS = re.compile(
    r"^(?:"
    rf"(?:{_CREDIT_WORDS})\s*[:|丨].{{0,80}}"
    r"|[-—–_=*\s]*(?:THE\s*)?(?:END|End|end)[-—–_=*\s]*"
    rf"|(?:{_SHARE_WORDS})(?:\s*[|丨/]?\s*(?:{_SHARE_WORDS}))+"
    r"|(?:点击|点)?\s*[\"“]?阅读原文[\"”]?.{0,20}"
    r"|(?:点击|点)?\s*(?:上方|下方)?\s*(?:蓝字|[\"“][^\"”]{1,12}[\"”])?\s*(?:一键)?关注(?:我们|公众号)?[^,。;]{0,12}"
    r"|[^,。;]{0,12}(?:长按|扫描|扫码|识别)[^,。;]{0,10}二维码[^,。;]{0,20}"
    r"|原创\s.{0,40}"
    r"|(?:主办单位|承办单位|协办单位|技术支持|运营维护|网站维护|网站标识码|版权所有|Copyright|©)\s*[:]?.{0,160}"
    r"|.{0,40}(?:ICP\s*备|公网安备|网安备).{0,120}"
    # a site's row of links: "网站地图 | 联系我们 | 隐私声明"
    rf"|(?:[^|丨/。,;:]{{1,10}}[|丨/]\s*)*(?:{_SITE_LINKS})(?:\s*[|丨/][^|丨/。,;:]{{1,10}})+"
    rf"|(?:[^|丨/。,;:]{{1,10}}[|丨/]\s*)+(?:{_SITE_LINKS})"
    r")$"
)

#: a publication time line ("2026-11-22 08:30 发表于湖南", "清风某某 2026年11月22日 08:30"), whose
#: date is the publication date
TIMESTAMP = re.compile(
    r"^[^,。;]{0,30}?\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"[^,。;]{0,16}$|^发表于\s*\S{1,12}$"
)

#: the heading of a list of other articles printed under the notice (dropped with its list)
LINK_HEADING = re.compile(
    r"^(?:相关链接|相关阅读|相关文章|相关新闻|相关信息|相关推荐|相关附件|往期推荐|往期回顾|往期精彩|往期阅读|"
    r"推荐阅读|延伸阅读|猜你喜欢|热点推荐|精彩推荐|热门推荐|热门文章|更多阅读|更多精彩|阅读推荐"
    # a site's side column: "热点排行", "点击排行榜", "最新文章", "本栏目推荐", "同类文章"
    r"|(?:热点|热门|点击|阅读|浏览|人气|本周|本月|一周|24小时)(?:排行榜?|排名|文章|新闻|关注|阅读)"
    r"|最新(?:文章|发布|信息|动态|更新|消息|推荐|资讯|新闻)|(?:同类|同栏目|本栏目|栏目)(?:文章|推荐|最新|新闻|信息)"
    r"|推荐文章|要闻推荐|图片新闻|精彩专题|专题专栏)\s*[:]?\s*$"
)

#: the attachments' line ("附件：1.…", "附件："): the numbered lines under it are its list
ANNEX_HEADING = re.compile(r"^附(?:\s*件\s*[:]?|\s*[:])")

#: a page number printed by a PDF or Word copy, on a line of its own: "— 3 —", "-3-", "- 3 -",
#: "3", "第 2 页 共 3 页", "第2页/共3页", "共3页 第2页", "2 / 3", "·3·" (on the detection copy)
PAGE_NUMBER_FORMS = (
    r"[-—–―~·•\s]*\d{1,3}[-—–―~·•\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?"
    r"|共\s*\d{1,3}\s*页\s*[,/]?\s*第\s*\d{1,3}\s*页"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|(?:Page|page|PAGE)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"
)
PAGE_NUMBER = re.compile(rf"^(?:{PAGE_NUMBER_FORMS})$")
