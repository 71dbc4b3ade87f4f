"""Links on a page: which to follow, and whether they look like articles, listings or traps.

Pure functions over an lxml tree and URLs, so the spider's choices are testable without Scrapy.
The URL shapes come from the CMS families these sites run (see docs): WordPress permalinks,
NukeViet ``/<slug>-<id>.html``, Joomla ``index.php/...-<id>.html``, ASP.NET ``/post/<id>/``,
SharePoint ``Pages/...aspx?ItemID=``, Liferay ``?id=``, Drupal ``/node/<id>``, newspapers'
``/<yyyymm>/<slug>-<id>/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

# Never worth a request: files that are not pages, feeds of comments, admin and login areas,
# share and print buttons (a print view is the same article again: dedup would only discard it).
SKIP_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|mp[34]|avi|mov|wmv|flv|"
    r"swf|css|js|woff2?|ttf|eot|exe|apk)$",
    re.I,
)
SKIP_PATH = re.compile(
    r"/(?:wp-admin|wp-login\.php|wp-includes|wp-content|xmlrpc\.php|feed|comments/feed|trackback|"
    r"login|dang-nhap|dangnhap|register|dang-ky|search|tim-kiem|timkiem|print|in-bai|trang-in|"
    r"sendmail|send-mail|gui-bai|rss|_layouts|_vti_bin|user|admin)(?:/|$|\.|-)",
    re.I,
)
# Query parameters that mark traps: searches, sorting, share buttons, calendar navigation,
# comment replies, print views and session ids. Any URL carrying one is skipped.
TRAP_PARAMS = {
    "s", "q", "keyword", "search", "searchword", "tu-khoa", "replytocom", "share", "print",
    "tmpl", "format", "sort", "order", "orderby", "filter", "calendar", "month", "year", "day",
    "date", "ngay", "thang", "nam", "lang", "amp", "redirect", "returnurl", "action",
    "task", "utm_source", "utm_medium", "utm_campaign", "fbclid", "gclid", "sid",
}
# Query parameters that paginate a listing; their value is a page number or an offset.
PAGE_PARAMS = {"page", "paged", "p_p", "start", "pagenumber", "pg", "trang", "cur", "limitstart"}
PAGE_PATH = re.compile(r"/(?:page|trang)[/-](\d+)/?$|/(\d{1,4})\.html?$", re.I)
# Article URL shapes: a long slug ending in an id, a dated permalink, an id parameter.
ARTICLE_PATH = re.compile(
    r"(?:/\d{4}/\d{1,2}/\d{1,2}/[^/]{8,}/?$"         # WordPress dated permalink
    r"|/\d{4}/\d{2}/[^/]{12,}/?$"                     # /2020/10/slug/
    r"|/\d{6}/[^/]{8,}-\d+/?$"                        # newspaper /202010/slug-123/
    r"|-\d{3,}(?:\.html?|\.aspx|\.htm)?/?$"           # slug-123.html (NukeViet, Joomla)
    r"|/post/\d+/[^/]+$|/(?:node|news|article|bai-viet|tin-tuc)/\d+/?$"
    r"|/[a-z0-9]+(?:-[a-z0-9]+){4,}(?:\.html?|\.aspx)?/?$)",  # a long hyphenated slug
    re.I,
)
ARTICLE_PARAMS = {"itemid", "id", "newsid", "articleid", "p", "tc", "postid"}
# Pagination anchors as printed: "Trang sau", "Tiếp", arrows, bare numbers.
NEXT_TEXT = re.compile(r"^(?:\d{1,4}|›|»|>|>>|trang sau|tiếp|tiếp theo|sau|next|cũ hơn)$", re.I)


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    kind: str  # article / listing / page / other


def same_site(url: str, home: str) -> bool:
    """True when ``url`` is on the site of ``home``: same host (``www.`` ignored) and port."""
    a, b = urlsplit(url), urlsplit(home)
    if a.scheme not in ("http", "https"):
        return False
    ha = (a.hostname or "").lower().removeprefix("www.")
    hb = (b.hostname or "").lower().removeprefix("www.")
    return ha == hb and (a.port or _default_port(a.scheme)) == (b.port or _default_port(b.scheme))


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def is_trap(url: str) -> bool:
    """URLs that never lead to new articles but can multiply without end."""
    parts = urlsplit(url)
    path = parts.path
    if SKIP_EXTENSIONS.search(path) or SKIP_PATH.search(path):
        return True
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if keys & TRAP_PARAMS:
        return True
    if len(keys) > 4:  # faceted navigation: every combination is a new URL
        return True
    # Date archives (/2020/10/, /2020/10/14/) and calendar widgets: the articles they list
    # are reached through sitemaps, feeds and category listings anyway.
    if re.search(r"/\d{4}/(?:\d{1,2}/){1,2}$", path) or re.search(r"/\d{4}/\d{1,2}(?:/\d{1,2})?$", path):
        return True
    if re.search(r"/(?:tag|tags|the|author|tac-gia)/", path, re.I):
        return True
    return len(url) > 400


def page_number(url: str) -> int | None:
    """The page number (or offset) a listing URL asks for, if it is a pagination URL."""
    parts = urlsplit(url)
    for k, v in parse_qsl(parts.query):
        if k.lower() in PAGE_PARAMS and v.isdigit():
            return int(v)
    m = PAGE_PATH.search(parts.path)
    if m:
        return int(m.group(1) or m.group(2))
    return None


def looks_like_article_url(url: str) -> bool:
    parts = urlsplit(url)
    if ARTICLE_PATH.search(parts.path):
        return True
    keys = {k.lower(): v for k, v in parse_qsl(parts.query)}
    return any(k in ARTICLE_PARAMS and v.isdigit() for k, v in keys.items())


def classify_url(url: str) -> str:
    """``trap`` / ``page`` (pagination) / ``article`` / ``other`` from the URL alone."""
    if is_trap(url):
        return "trap"
    if page_number(url) is not None:
        return "page"
    if looks_like_article_url(url):
        return "article"
    return "other"


def clean_url(href: str, base: str) -> str | None:
    """An absolute http(s) URL without fragment, or None for javascript:, mailto:, tel: and the like."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:", "file:")):
        return None
    try:
        url, _ = urldefrag(urljoin(base, href))
        urlsplit(url).port  # noqa: B018 (raises ValueError on a malformed host or port)
    except ValueError:  # "http://[::1/x", "http://a.vn:abc/": one broken link, not a broken page
        return None
    if not url.startswith(("http://", "https://")):
        return None
    return url


# Menus, sidebars and footers repeat the same hrefs on every page of a site: resolving and classifying
# them was two thirds of the per-page cost (~8 ms of a 75 KB page with ~300 links). Both are pure, so
# they are memoized (bounded) on what they depend on.
@lru_cache(maxsize=4096)
def _resolve(href: str, base: str) -> str | None:
    return clean_url(href, base)


@lru_cache(maxsize=4096)
def _kind(url: str, home: str) -> str | None:
    """``classify_url(url)``, or None for a URL of another site."""
    return classify_url(url) if same_site(url, home) else None


def page_links(tree, base_url: str, home: str) -> list[Link]:
    """The followable same-site links of a page, classified, in document order, unique."""
    seen: set[str] = set()
    out: list[Link] = []
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}/"
    for a in tree.iter("a"):
        href = a.get("href", "")
        # An absolute or root-relative href resolves the same against any page of the site.
        if href.startswith(("http://", "https://")):
            url = _resolve(href, "")
        elif href.startswith("/") and not href.startswith("//"):
            url = _resolve(href, origin)
        else:
            url = clean_url(href, base_url)
        if url is None or url in seen:
            continue
        kind = _kind(url, home)
        if kind is None:
            continue
        seen.add(url)
        text = " ".join((a.text_content() or "").split())
        if kind == "other" and NEXT_TEXT.match(text) and urlsplit(url).query:
            kind = "page"
        if kind == "trap":
            continue
        out.append(Link(url, text, kind))
    return out


def feed_links(tree, base_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    out = []
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "alternate" and "xml" in (link.get("type") or ""):
            url = clean_url(link.get("href", ""), base_url)
            if url and "comments" not in url:
                out.append(url)
    return out
