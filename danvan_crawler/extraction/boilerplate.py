"""What is not the article: page furniture recognised by structure and by named Vietnamese phrases.

Two kinds of evidence:
- **structure**: tags and class/id tokens that mark navigation, sidebars, share bars, comment sections,
  related-article lists, caption tables (:data:`SKIP_TAGS`, :data:`BOILERPLATE_CLASS_RE`);
- **phrases**: the words the CMS prints around an article. Some *end* the article (a "Tin liên quan"
  heading: nothing after it is article text), some are *dropped* where they stand (a "Chia sẻ" button).

All phrases are compared after :func:`~danvan_crawler.extraction.text.fold_key` (NFC, Ð→Đ, lower case,
surrounding punctuation stripped), so "BÌNH LUẬN" and "Bình luận:" are one entry.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold_key

# --- Phrases that end the article ------------------------------------------------------------------------

# WordPress (and look-alike) comment forms follow the article; their headings and help texts mean the
# article text is over.
COMMENT_FORM = (
    "Trả lời",
    "Để lại một bình luận",
    "Để lại bình luận",
    "Viết bình luận",
    "Email của bạn sẽ không được hiển thị công khai",
    "Các trường bắt buộc được đánh dấu",
    "Bình luận",
    "Lưu tên của tôi, email, và trang web trong trình duyệt này",
    "Phản hồi",
    "Gửi phản hồi",
    "BÌNH LUẬN",
    "Please enter your comment!",
    "Please enter your name here",
    "Ý kiến bạn đọc",
    "Gửi bình luận",
    "Gửi ý kiến",
    "Ý kiến của bạn",
    "Leave a Reply",
    "Leave a comment",
    "Gửi ý kiến bạn đọc",
)
# Related-article and navigation blocks printed under the article (newspaper CMSs, NukeViet's
# "Những tin mới hơn/cũ hơn"): headings of lists of other articles.
RELATED_NAV = (
    "Bài viết liên quan",
    "Tin liên quan",
    "Các tin khác",
    "Các tin đã đưa",
    "Tin cùng chuyên mục",
    "Chuyên mục khác",
    "Xem thêm",
    "Tin mới",
    "Tin mới nhất",
    "Tin đọc nhiều",
    "Tin xem nhiều",
    "Những tin mới hơn",
    "Những tin cũ hơn",
    "Các bài viết khác",
    "Bài viết khác",
    "Tin khác",
    "Các tin bài khác",
    "Tin bài liên quan",
    "Bài liên quan",
    "Tin tức liên quan",
    "Đọc thêm",
    "Tin cùng loại",
    "Các tin cùng chuyên mục",
    "Bài cùng chuyên mục",
    "Tin bài khác",
)
# Sidebars and footers leaking into a loosely bounded container: contact/copyright/licence lines.
SIDEBAR_FOOTER = (
    "BAN BIÊN TẬP",
    "Thống kê truy cập",
    "Liên kết website",
    "Thăm dò ý kiến",
    "Bản quyền thuộc",
    "Chịu trách nhiệm",
    "Giấy phép số",
    "Cơ quan chủ quản",
    "Ghi rõ nguồn",
    "Đang truy cập",
    "Tổng lượt truy cập",
    "Lượt truy cập",
    "Liên kết web",
    "Ghi rõ nguồn khi phát hành lại thông tin",
)
ENDING_PHRASES = COMMENT_FORM + RELATED_NAV + SIDEBAR_FOOTER

# --- Phrases dropped where they stand --------------------------------------------------------------------

# Article tools: share/print/e-mail buttons and counters (NukeViet prints "Gửi bài viết qua email",
# "In ra", "Lưu bài viết này", "File đính kèm").
TOOLS = (
    "Chia sẻ",
    "Chia sẻ bài viết",
    "Chia sẻ bài viết này",
    "In bài này",
    "In bài viết",
    "Gửi bài này",
    "Gửi bài viết qua email",
    "In ra",
    "Lưu bài viết này",
    "File đính kèm",
    "Tweet",
    "Share",
    "Like",
    "Trở về",
    "Quay lại",
    "Về đầu trang",
    "Lên đầu trang",
    "In trang",
    "Bản in",
    "Gửi email",
    "Email",
    "Print",
    "Facebook",
    "Zalo",
    "Twitter",
    "Cỡ chữ",
    "Tải về",
    "Nghe đọc bài viết",
    "Copy link",
    "Copy link thành công",
    "Gửi cho bạn bè",
    "Gửi tin",
    "Góp ý",
    "Đánh giá bài viết",
    "Lượt thích",
)
# Liferay prints stray labels and a literal "null" around journal articles.
CMS_STRAY = ("Xuất bản thông tin", "null", "Chi tiết bài viết Tin tức", "Chi tiết tin", "Chi tiết bài viết")
DROP_PHRASES = TOOLS + CMS_STRAY

# Prefixes of lines that are counters, tags or contact lines rather than text ("Lượt xem: 50",
# "Từ khóa: …", "Địa chỉ: … Điện thoại: …").
DROP_PREFIXES = (
    "Lượt xem",
    "Đã xem:",
    "Số lượt xem",
    "Lượt đọc",
    "TAGS",
    "Tags:",
    "Tag:",
    "Từ khóa",
    "Từ khoá",
    "Thẻ:",
    "Địa chỉ:",
    "Điện thoại:",
    "Email:",
    "Fax:",
    "Chia sẻ:",
    "Bản quyền thuộc",
    "Giấy phép số",
    "Chịu trách nhiệm",
    "Copyright",
    "©",
    "Tin cùng chuyên mục",
    "Xem thêm:",
    "Đọc thêm:",
    "Tổng số điểm của bài viết",
    "Click để đánh giá bài viết",
    "Đánh giá:",
    "Xếp hạng:",
)

_ENDING = frozenset(fold_key(p) for p in ENDING_PHRASES)
_DROP = frozenset(fold_key(p) for p in DROP_PHRASES)
_DROP_PREFIX = tuple(fold_key(p) for p in DROP_PREFIXES)
# Lines that *start* like a comment-form help text (they continue with the site's own wording).
_ENDING_PREFIX = tuple(
    fold_key(p)
    for p in (
        "Email của bạn sẽ không được hiển thị",
        "Các trường bắt buộc được đánh dấu",
        "Lưu tên của tôi",
        "Bản quyền thuộc",
        "Ghi rõ nguồn",
        "Cơ quan chủ quản",
    )
)


def is_ending_line(line: str) -> bool:
    """A heading that starts furniture: the article text ends before it."""
    key = fold_key(line)
    return key in _ENDING or key.startswith(_ENDING_PREFIX)


def is_drop_line(line: str) -> bool:
    """A tool label, counter or stray CMS word: dropped from the body where it stands."""
    key = fold_key(line)
    if key in _DROP:
        return True
    return len(key) < 200 and key.startswith(_DROP_PREFIX)


# --- Structure -------------------------------------------------------------------------------------------

# Subtrees that never hold article text.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "form",
        "nav",
        "aside",
        "footer",
        "button",
        "select",
        "input",
        "textarea",
        "svg",
        "canvas",
        "template",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "head",
        "link",
        "meta",
        "label",
    }
)

# class/id tokens of furniture blocks across CMS families: share bars (addthis, social, fb-like),
# comment sections, related lists ("tinkhac", "lienquan", "other-news"), tags, breadcrumbs, print tools,
# rating widgets, sidebars, pagination. Matched on whole hyphen/underscore-separated tokens.
BOILERPLATE_CLASS_RE = re.compile(
    # distinctive words, matched anywhere in the class ("box-tinlienquan", "comments-area", "sharedaddy")
    r"share|sharing|social|addthis|fb-like|fb-comment|comment|binh-?luan|binhluan|related|lienquan|"
    r"lien-quan|tinkhac|tin-khac|othernews|other-news|more-news|cungchuyenmuc|breadcrumb|pagination|"
    r"sidebar|widget|navbar|topdate|quangcao|jp-relatedposts|screen-reader-text"
    # short words, matched as whole hyphen/underscore-separated tokens only ("tags" but not "stage")
    r"|(?:^|[\s_\-])(?:zalo|facebook|y-?kien|respond|reply|relate|other|others|same-?cate|tags?|tagcloud|"
    r"keywords?|pager|paging|print|printer|rating|vote|navigation|menu|top-?bar|toolbar|tool|tools|utility|"
    r"utils|btn|button|banner|advert|ads|author-box|post-navigation|nav-links|wpcnt|taglib|hidden|d-none|"
    r"sr-only|footer|copyright|site-info|site-header|lienket|lien-?ket|weblinks?|thongke|counter|poll|"
    r"thamdo)(?=$|[\s_\-])",
    re.I,
)


@lru_cache(maxsize=8192)
def is_boilerplate_attrs(cls: str | None, ident: str | None) -> bool:
    """class/id values that mark furniture (cached: class strings repeat across a site's pages)."""
    if not cls and not ident:
        return False
    return bool(BOILERPLATE_CLASS_RE.search(f"{cls or ''} {ident or ''}"))


def is_boilerplate_element(el) -> bool:
    """True when an element's tag or class/id marks it as furniture."""
    if el.tag in SKIP_TAGS:
        return True
    if is_boilerplate_attrs(el.get("class"), el.get("id")):
        return True
    style = el.get("style")
    return bool(style and "display:none" in style.replace(" ", "").lower())
