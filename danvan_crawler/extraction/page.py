"""One page → one :class:`~danvan_crawler.items.Article`: the ordered fallbacks for every field.

The page is parsed once (lxml); one pass over the tree indexes the elements the field extractors need
(headings, known container classes, itemprops, sapo classes). Each field then walks its fallbacks in
order — general signals first, the site's registry hint second, heuristics last:

- title:  visible title agreeing with og:title/<title> → hint → single h1 / known title class → og:title
          → <title> minus the site suffix
- date:   meta article:published_time → JSON-LD datePublished → <time datetime> / itemprop datePublished
          → hint → printed date near the title → URL → hinted_date → year-less date opening the body
- body:   itemprop=articleBody / known CMS container → hint → text density scoring
- byline: credit line at the end (or top) of the body → hint → author element near the title / after
          the body → meta/JSON-LD author that looks like a person (never a CMS account)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..items import Article
from .body import CONTAINER_TOKENS, Body, density_container, known_container, split_body, walk_container
from .boilerplate import is_boilerplate_element, is_drop_line, is_ending_line
from .bylines import Credit, is_account, parse_credit
from .dates import (
    FoundDate,
    date_from_url,
    find_dates,
    iter_json_ld,
    json_ld_published,
    meta_published,
    parse_iso,
    parse_visible,
    pick_candidate,
    year_from_url,
)
from .text import normalize_text

Tree = Any  # lxml.html.HtmlElement

# Title classes across CMS families (WordPress entry-title, Liferay title-detail, newspaper CMSs).
TITLE_TOKENS = frozenset(
    {
        "entry-title",
        "title-detail",
        "detail-title",
        "article-title",
        "post-title",
        "news-title",
        "title-news",
        "titlenews",
        "tieude",
        "tieu-de",
        "title_detail",
        "content-title",
        "detail__title",
        "news_title",
        "art-title",
        "article__title",
        "title-post",
        "single-title",
        "titledetail",
        "newstitle",
        "news-detail-title",
        "contentheading",
        "title_news",
        "detail-title-news",
    }
)
# Any class naming a sapo, BEM-style ones included ("detail__sapo", "article-sapo", "sapo_detail").
_SAPO_CLASS_RE = re.compile(
    r"sapo|hometext|chapeau|tomtat|tom-tat|summary|description|excerpt|introtext|"
    r"(?:^|[\s_\-])(?:lead|intro|mota|lead-text)(?=$|[\s_\-])",
    re.I,
)
_INDEX_TOKENS = frozenset(CONTAINER_TOKENS) | TITLE_TOKENS
# Author elements near the title (WordPress .author, newspapers' .author/.byline, Vietnamese "tac-gia").
_AUTHOR_CLASS_RE = re.compile(
    r"(?:^|[\s_\-])(?:author|tacgia|tac-gia|byline|writer|author-name|nguoiviet)"
    r"(?=$|[\s_\-])",
    re.I,
)
# Zones whose dates are never the publication date: the header's today box, comments, related lists,
# sidebars, footers, navigation, tickers.
_DATE_SKIP_RE = re.compile(
    r"(?:^|[\s_\-])(?:top-?date|today|header-?top|top-?header|topbar|top-bar|site-header|sidebar|side-bar|"
    r"comments?|comment-list|binh-?luan|binhluan|related|relate|lienquan|lien-?quan|tinkhac|tin-?khac|"
    r"other|others|othernews|other-news|more-?news|footer|menu|nav|navbar|navigation|widget|marquee|"
    r"breadcrumbs?|weather|thoitiet|clock|lich)(?=$|[\s_\-])",
    re.I,
)
_DATE_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "aside",
        "footer",
        "select",
        "button",
        "iframe",
        "svg",
        "template",
        "head",
    }
)
# Elements that start a new printed line (for reading meta/credit lines around the body).
_LINE_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "tr",
        "td",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "table",
        "dd",
        "dt",
        "blockquote",
        "figure",
    }
)
# Words that make the tail of a <title> a site name ("… - Cổng thông tin điện tử thị xã Hương Trà").
_SITE_NAME_RE = re.compile(
    r"(?:cổng thông tin|trang thông tin|trang tin|cổng ttđt|ttđt|website|tỉnh ủy|tỉnh uỷ|thành ủy|huyện ủy|"
    r"quận ủy|đảng bộ|ban dân vận|ban tuyên giáo|báo điện tử|^báo |\.vn\b|\.com\b|portal)",
    re.I,
)
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—\-:»«]\s+|\s*\|\s*")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


# ---------------------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """Bytes → text: declared charset, else UTF-8, else Windows-1258 (legacy Vietnamese servers)."""
    m = _CHARSET_RE.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1258", errors="replace")


def parse_html(html: str | bytes | Tree) -> Tree | None:
    """Parse a page once; pass the result to both :func:`extract_article` and :func:`is_article_page`.

    A tree that is already parsed (e.g. Scrapy's ``response.selector.root``) is returned as is. Returns
    None for empty or unparsable input.
    """
    if html is None:
        return None
    if not isinstance(html, (str, bytes)):
        return html
    if isinstance(html, bytes):
        html = _decode(html)
    html = _XML_DECL_RE.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError, TypeError):
        return None


# ---------------------------------------------------------------------------------------------------------
# One pass over the tree
# ---------------------------------------------------------------------------------------------------------


class PageIndex:
    """Elements and metadata collected in one walk of the tree."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.by_key: dict[str, list[Any]] = {}
        self.h1: list[Any] = []
        self.meta: dict[str, str] = {}
        self.title_tag = ""
        self.canonical: str | None = None
        self.memo: dict[str, Any] = {}  # title/container results shared by is_article_page and extract
        by_key = self.by_key
        # only elements that can matter: with a class/id/itemprop, headings, head tags, <time>
        for el in _INDEX_XPATH(tree):
            tag = el.tag
            if tag == "meta":
                key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
                if key and key not in self.meta and el.get("content") is not None:
                    self.meta[key] = el.get("content") or ""
                continue
            if tag == "link":
                if self.canonical is None and "canonical" in (el.get("rel") or "").lower().split():
                    self.canonical = el.get("href")
                continue
            if tag == "title":
                if not self.title_tag:
                    self.title_tag = normalize_text(el.text_content())
                continue
            if tag == "h1":
                self.h1.append(el)
            cls = el.get("class")
            if cls:
                for key in _class_keys(cls):
                    by_key.setdefault(key, []).append(el)
            ident = el.get("id")
            if ident and ident.lower() in _INDEX_TOKENS:
                by_key.setdefault(ident.lower(), []).append(el)
            prop = el.get("itemprop")
            if prop:
                by_key.setdefault("itemprop:" + prop.strip().lower(), []).append(el)
            if tag == "time" and el.get("datetime"):
                by_key.setdefault("time", []).append(el)


_INDEX_XPATH = etree.XPath("//*[@class or @id or @itemprop] | //h1 | //meta | //link | //title | //time")


@lru_cache(maxsize=4096)
def _class_keys(cls: str) -> tuple[str, ...]:
    """Index keys of a class attribute (cached: pages of one site repeat the same class strings)."""
    keys = [tok for tok in cls.lower().split() if tok in _INDEX_TOKENS]
    if _SAPO_CLASS_RE.search(cls):
        keys.append("sapo*")
    return tuple(keys)


# The spider calls is_article_page(tree) then extract_article(tree) on the same tree: the index built by
# the first call is kept for the second (one slot, replaced by the next page, so at most one extra tree
# stays referenced).
_LAST_INDEX: tuple[Any, PageIndex] | None = None


def page_index(tree: Tree) -> PageIndex:
    """The :class:`PageIndex` of ``tree``, reused when the previous call was on the same tree."""
    global _LAST_INDEX
    if _LAST_INDEX is not None and _LAST_INDEX[0] is tree:
        return _LAST_INDEX[1]
    index = PageIndex(tree)
    _LAST_INDEX = (tree, index)
    return index


def _css(tree: Tree, selector: str | None) -> list[Any]:
    if not selector:
        return []
    try:
        return tree.cssselect(selector)
    except Exception:  # a bad selector in the registry must not break extraction
        return []


def _text(el: Any) -> str:
    return normalize_text(" ".join(t for t in el.itertext() if t)) if el is not None else ""


@lru_cache(maxsize=8192)
def _skip_attrs(cls: str | None, ident: str | None) -> bool:
    return bool((cls or ident) and _DATE_SKIP_RE.search(f"{cls or ''} {ident or ''}"))


def _in_skip_zone(el: Any, stop: Any = None) -> bool:
    """True when ``el`` sits inside furniture (header today box, comments, sidebar, related, footer)."""
    node = el
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _DATE_SKIP_TAGS:
            return True
        if _skip_attrs(node.get("class"), node.get("id")):
            return True
        if tag == "header" and not _inside_article(node):
            return True
        node = node.getparent()
    return False


def _inside_article(el: Any) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag in ("article", "main"):
            return True
        node = node.getparent()
    cls = (el.get("class") or "").lower()
    return any(w in cls for w in ("entry", "post", "article", "detail", "news"))


# ---------------------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    return re.sub(r"[^\w]+", " ", normalize_text(s).casefold()).strip()


def _strip_site_suffix(title: str, site_name: str) -> str:
    """``<title>`` minus the site name the CMS appends (" - Tỉnh ủy X", " | Ban Dân vận")."""
    if site_name:
        for sep in (" - ", " | ", " – ", " — ", " :: ", " » "):
            if title.endswith(sep + site_name):
                return title[: -len(sep + site_name)].strip()
            if title.startswith(site_name + sep):
                return title[len(site_name + sep) :].strip()
    parts = _TITLE_SPLIT_RE.split(title)
    if len(parts) > 1:
        tail = parts[-1]
        head = title[: title.rfind(tail)].rstrip(" -|–—:»«")
        # the site name is the tail: it names a portal/committee/paper, or is short next to the title
        if _SITE_NAME_RE.search(tail) or (len(tail.split()) <= 8 and len(head) > len(tail)):
            return head.strip()
    return title


def _agrees(candidate: str, reference: str) -> bool:
    a, b = _fold(candidate), _fold(reference)
    return bool(a) and bool(b) and (a == b or (len(a) > 15 and (a in b or b in a)))


def extract_title(idx: PageIndex, hints: dict | None) -> tuple[str, Any | None]:
    """The title as shown and the element it came from (None when from metadata)."""
    if hints and hints.get("title"):
        return _extract_title(idx, hints)
    if "title" not in idx.memo:
        idx.memo["title"] = _extract_title(idx, None)
    return idx.memo["title"]


def _extract_title(idx: PageIndex, hints: dict | None) -> tuple[str, Any | None]:
    og = normalize_text(idx.meta.get("og:title") or idx.meta.get("twitter:title") or "")
    site_name = normalize_text(idx.meta.get("og:site_name") or "")
    tag_title = _strip_site_suffix(idx.title_tag, site_name) if idx.title_tag else ""
    visible: list[Any] = []
    visible += [el for el in idx.by_key.get("itemprop:headline", ()) if el.tag != "meta"]
    for tok in TITLE_TOKENS:
        visible += idx.by_key.get(tok, ())
    visible += idx.h1
    cands: list[tuple[Any, str]] = []
    zoned: list[tuple[Any, str]] = []  # inside a furniture-looking zone ("sidebar-1" can be a main column)
    for el in visible:
        if any(el is c for c, _ in cands) or any(el is c for c, _ in zoned):
            continue
        if len(el.text_content()) > 600:  # a container that happens to carry a title class
            continue
        text = _text(el)
        if len(text) >= 6 and not _is_logo(el, text, site_name):
            (zoned if _in_skip_zone(el) else cands).append((el, text))
    # 1. a visible title that the metadata agrees with (an h1 in a furniture-looking zone comes last)
    for pool in (cands, [(el, text) for el, text in zoned if el.tag == "h1"]):
        for ref in (og, tag_title, idx.title_tag):
            for el, text in pool:
                if ref and _agrees(text, ref):
                    return text, el
    # 2. the site's hint
    if hints and hints.get("title"):
        for el in _css(idx.tree, hints["title"]):
            text = _text(el)
            if text:
                return text, el
    # 3. any element printing the og:title (custom CMSs put the title in a div)
    # (og:title often carries the site suffix too: compare without it)
    keys = {_fold(r) for r in (og, _strip_site_suffix(og, site_name), tag_title) if r}
    if keys:
        for el in idx.tree.iter("h2", "h3", "div", "span", "p", "strong", "b", "td", "a"):
            if len(el) > 3 or el.tag == "a" and el.getparent() is not None and el.getparent().tag == "li":
                continue
            text = _text(el)
            if len(text) >= 6 and _fold(text) in keys and not _in_skip_zone(el):
                return text, el
    # 4. a lone visible title candidate, then metadata
    if cands:
        return cands[0][1], cands[0][0]
    if og:
        return _strip_site_suffix(og, site_name), None
    return tag_title, None


def _is_logo(el: Any, text: str, site_name: str) -> bool:
    """h1 used for the site logo/name in the header, not the article title."""
    cls = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "logo" in cls or "site-title" in cls or "site-name" in cls or "brand" in cls:
        return True
    return bool(site_name) and _fold(text) == _fold(site_name)


# ---------------------------------------------------------------------------------------------------------
# Body container and article root
# ---------------------------------------------------------------------------------------------------------


def find_container(idx: PageIndex, hints: dict | None) -> tuple[Any | None, str]:
    """The element holding the article text and how it was found ("known", "hint", "density")."""
    if hints and hints.get("body"):
        return _find_container(idx, hints)
    if "container" not in idx.memo:
        idx.memo["container"] = _find_container(idx, None)
    return idx.memo["container"]


def _find_container(idx: PageIndex, hints: dict | None) -> tuple[Any | None, str]:
    el = known_container(idx.by_key)
    if el is not None:
        return el, "known"
    if hints and hints.get("body"):
        found = _css(idx.tree, hints["body"])
        if found:
            return max(found, key=lambda e: len(_text(e))), "hint"
    body = idx.tree.find("body")
    el = density_container(body if body is not None else idx.tree)
    return el, "density"


def _ancestors(el: Any) -> list[Any]:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _common_root(a: Any | None, b: Any | None) -> Any | None:
    if a is None or b is None:
        return (a if b is None else b.getparent()) if (a is not None or b is not None) else None
    # compare elements, not id()s: lxml proxies of unreferenced elements are recycled, and so are their ids
    anc = _ancestors(b)
    for x in _ancestors(a):
        if any(x is y for y in anc):
            return x
    return None


def _contains(outer: Any, inner: Any) -> bool:
    node = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _zone_texts(
    root: Any, title_el: Any | None, container: Any | None, limit: int = 1200
) -> tuple[list[str], list[str], list[str]]:
    """Text pieces of ``root`` before the title, between the title and the body, and after the body.

    Furniture zones are skipped. The "between" zone stops where the article text starts (the container,
    or the first long paragraph when the title sits inside the container).
    """
    before: list[str] = []
    between: list[str] = []
    after: list[str] = []
    state = "before" if title_el is not None else "between"
    title_in_container = container is not None and title_el is not None and _contains(container, title_el)
    sizes = {"before": 0, "between": 0, "after": 0}
    buckets = {"before": before, "between": between, "after": after}

    def put(text: str | None) -> None:
        if text and (text == "\n" or text.strip()) and state in buckets and sizes[state] < limit:
            buckets[state].append(text)
            sizes[state] += len(text)

    def visit(el: Any) -> bool:
        nonlocal state
        if not isinstance(el.tag, str):
            return False
        if el is title_el:
            state = "between"
            return False
        if el is container and not title_in_container:
            state = "after"
            return False
        if el.tag in _DATE_SKIP_TAGS or _in_skip_zone_single(el):
            return False
        if state == "between" and title_in_container and el.tag == "p" and len(el.text_content()) > 150:
            state = "body"
        block = el.tag in _LINE_TAGS
        if block:
            put("\n")
        put(el.text)
        for child in el:
            if visit(child):
                return True
            put(child.tail)
        if block:
            put("\n")
        return sizes["after"] >= limit

    visit(root)
    return _lines(before), _lines(between), _lines(after)


def _lines(pieces: list[str]) -> list[str]:
    return [line for line in (normalize_text(x) for x in "".join(pieces).split("\n")) if line]


def _in_skip_zone_single(el: Any) -> bool:
    if _skip_attrs(el.get("class"), el.get("id")):
        return True
    return el.tag == "header" and not _inside_article(el)


# ---------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------


def _anniversary(text: str, start: int) -> bool:
    """A date in a range ("15/10/1930 – 15/10/2020") is an anniversary, not a publication date."""
    window = text[max(0, start - 14) : start + 26]
    return bool(re.search(r"\d{4}\s*[-–—]\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}\s*[-–—]\s*\d{4}", window))


def _pick_from_texts(
    pieces: list[str], year_hint: int | None, now: datetime | None, allow_yearless: bool
) -> FoundDate | None:
    text = normalize_text(" ".join(pieces))
    if not text:
        return None
    cands = [
        c
        for c in find_dates(text, year_hint=year_hint, now=now, allow_yearless=allow_yearless)
        if not _anniversary(text, c.start)
    ]
    # a year-less date is a guess: take it only when no full date is printed
    full = [c for c in cands if c.has_year]
    best = pick_candidate(full) or pick_candidate(cands)
    if best:
        return best.found
    # "3 giờ trước" / "Hôm qua 10:15" printed alone on a short meta line
    for piece in pieces:
        if len(piece) <= 40:
            found = find_dates(piece, now=now)
            if found:
                return found[0].found
    return None


def extract_date(
    idx: PageIndex,
    url: str,
    zones: tuple[list[str], list[str], list[str]],
    hinted_date: str | None,
    hints: dict | None,
    first_lines: list[str],
    last_lines: list[str],
    now: datetime | None = None,
) -> tuple[FoundDate | None, str | None]:
    """Publication date and where it came from, by the ordered sources in the module docstring."""
    value = meta_published(idx.tree)
    f = parse_iso(value, now) if value else None
    if f:
        return f, "meta"
    value = json_ld_published(idx.tree)
    f = parse_iso(value, now) if value else None
    if f:
        return f, "json-ld"
    # <time datetime> / itemprop=datePublished (WordPress entry-date.published, Joomla) outside furniture
    times = [el for el in idx.by_key.get("time", ()) if not _in_skip_zone(el)]
    times.sort(
        key=lambda el: (
            0
            if re.search(r"publish|entry-date|datepublished|post-date", f"{el.get('class')} {el.get('itemprop')}", re.I)
            and "updated" not in (el.get("class") or "")
            else 1
        )
    )
    for el in times:
        f = parse_iso(el.get("datetime"), now)
        if f:
            return f, "time"
    for el in idx.by_key.get("itemprop:datepublished", ()):
        if el.tag == "meta" or _in_skip_zone(el):
            continue
        f = parse_iso(el.get("content") or el.get("datetime"), now) or parse_visible(_text(el), now=now)
        if f:
            return f, "itemprop"
    url_year = year_from_url(url, now)
    hinted = parse_iso(hinted_date, now) if hinted_date else None
    year_hint = url_year or (hinted.value.year if hinted else None)
    if hints and hints.get("date"):
        for el in _css(idx.tree, hints["date"]):
            f = parse_visible(el.get("datetime") or el.get("content") or _text(el), year_hint=year_hint, now=now)
            if f:
                return f, "selector"  # the registry's CSS hint for the site
    # printed near the title: between title and body first, then just above the title
    before, between, after = zones
    for pieces in (between, before[-8:]):
        f = _pick_from_texts(pieces, year_hint, now, allow_yearless=year_hint is not None)
        if f:
            return f, "visible"
    # short dated lines opening or closing the body ("(01/06/2020)", "Ngày cập nhật 25/04/2017")
    short = [ln for ln in first_lines[:2] + last_lines[-3:] if len(ln) < 90] + after[:6]
    f = _pick_from_texts(short, None, now, allow_yearless=False)
    if f:
        return f, "visible"
    f = date_from_url(url, now)
    if f:
        return f, "url"
    if hinted:
        return hinted, "hint"
    # last resort: the body opens with a year-less date ("Sáng 8/7, …") and the URL gives the year
    if url_year and first_lines:
        f = _pick_from_texts([first_lines[0][:80]], url_year, now, allow_yearless=True)
        if f:
            return FoundDate(f.value.replace(hour=0, minute=0), False), "visible"
    return None, None


# ---------------------------------------------------------------------------------------------------------
# Byline
# ---------------------------------------------------------------------------------------------------------


def _author_elements(root: Any) -> Iterator[Any]:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("itemprop") == "author" or el.get("rel") == "author":
            yield el
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if attrs.strip() and _AUTHOR_CLASS_RE.search(attrs):
            yield el


def _person_like(name: str) -> bool:
    c = parse_credit(name, strict=True)
    return bool(c and c.byline and len(c.byline.split()) >= 2)


def extract_byline(
    idx: PageIndex,
    body: Body,
    root: Any | None,
    container: Any | None,
    hints: dict | None,
    between: list[str],
    after: list[str],
) -> tuple[str | None, str | None]:
    """(byline, source) by the ordered sources in the module docstring."""
    byline = body.credit.byline if body.credit else None
    source = body.credit.source if body.credit else None
    if byline:
        return byline, source
    if hints and hints.get("byline"):
        for el in _css(idx.tree, hints["byline"]):
            c = parse_credit(_text(el), strict=False)
            if c and (c.byline or c.source):
                return c.byline, source or c.source
    # labelled credits printed near the title or right after the body (NukeViet "Tác giả:", "Nguồn tin:")
    for piece in [*between, *after[:8]]:
        text = normalize_text(piece)
        if not re.match(
            r"(?:tác giả|người viết|tin|bài|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|nguồn(?: tin)?"
            r"|theo)\s*[:：]",
            text,
            re.I,
        ):
            continue
        c = parse_credit(text, strict=False)
        if c:
            if c.byline and not is_account(c.byline) and not byline:
                byline = c.byline
            source = source or c.source
    if byline:
        return byline, source
    scope = root if root is not None else idx.tree
    for el in _author_elements(scope):
        if _in_skip_zone(el) or (container is not None and _contains(container, el) and len(_text(el)) > 80):
            continue
        text = re.sub(r"^(?:bởi|by|đăng bởi|posted by|người đăng|tác giả)\s*[:：]?\s*", "", _text(el), flags=re.I)
        if not text or is_account(text):
            continue
        c = parse_credit(text, strict=False)
        if c and c.byline and not is_account(c.byline):
            return c.byline, source or c.source
    # metadata author: only a person's name (sites put their own name or the CMS account there)
    site = _fold(idx.meta.get("og:site_name") or "")
    for name in _meta_authors(idx):
        if name and not is_account(name) and _fold(name) != site and _person_like(name):
            return name, source
    return None, source


def _meta_authors(idx: PageIndex) -> Iterator[str]:
    if idx.meta.get("author"):
        yield normalize_text(idx.meta["author"])
    if idx.meta.get("article:author") and not idx.meta["article:author"].startswith("http"):
        yield normalize_text(idx.meta["article:author"])
    for obj in iter_json_ld(idx.tree):
        author = obj.get("author")
        for a in author if isinstance(author, list) else [author]:
            if isinstance(a, dict) and a.get("@type", "Person") == "Person" and isinstance(a.get("name"), str):
                yield normalize_text(a["name"])
            elif isinstance(a, str):
                yield normalize_text(a)


# ---------------------------------------------------------------------------------------------------------
# Lead and body clean-up
# ---------------------------------------------------------------------------------------------------------


def _sapo(idx: PageIndex, container: Any | None, root: Any | None) -> str:
    """A sapo printed outside the body container (NukeViet hometext, newspaper sapo/description)."""
    for el in idx.by_key.get("sapo*", ()):
        if el.tag in ("meta", "body", "html") or (
            container is not None and (_contains(el, container) or _contains(container, el))
        ):
            continue
        if root is not None and not _contains(root, el) and root.tag not in ("body", "html"):
            continue
        # zones above the article root are not evidence: the root holds the title and the body
        if _in_skip_zone(el, stop=root) or is_boilerplate_element(el):
            continue
        text = _text(el)
        if len(text) >= 30 and not is_ending_line(text):
            return text
    return ""


_DATE_LINE_RE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{1,2}:\d{2}")


def _trim_head(paragraphs: list[str], title: str) -> list[str]:
    """Drop title repeats, date/meta lines and labelled credit lines that open the container."""
    out = list(paragraphs)
    key = _fold(title)
    while out:
        first = out[0]
        if key and _fold(first) == key:
            out.pop(0)
            continue
        if (
            len(first) < 100
            and _DATE_LINE_RE.search(first)
            and len(first.split()) <= 14
            and not first.rstrip().endswith((".", "!", "?"))
        ):
            out.pop(0)
            continue
        if len(first) < 100 and re.match(
            r"(?:tác giả|người viết|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh)\s*[:：]", first, re.I
        ):
            out.pop(0)
            continue
        break
    return out


def _top_credit(paragraphs: list[str]) -> Credit | None:
    if (
        paragraphs
        and len(paragraphs[0]) < 100
        and re.match(r"(?:tác giả|người viết|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh)\s*[:：]", paragraphs[0], re.I)
    ):
        return parse_credit(paragraphs[0], strict=False)
    return None


# ---------------------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------------------


def extract_article(
    html: str | bytes | Tree,
    url: str,
    *,
    hinted_date: str | None = None,
    hints: dict | None = None,
    now: datetime | None = None,
) -> Article:
    """Extract one article page. Never raises on bad HTML: returns an Article with empty fields.

    ``html`` may be text, bytes, or a tree from :func:`parse_html` (or Scrapy's ``response.selector.root``);
    the tree is never modified. ``now`` anchors relative dates ("3 giờ trước") for tests.
    """
    article = Article(url=url, hinted_date=hinted_date)
    try:
        tree = parse_html(html)
    except Exception:
        return article
    if tree is None:
        return article
    try:
        return _extract(tree, url, article, hinted_date, hints, now)
    except Exception:  # a page we cannot read must not stop a crawl; the article stays empty
        return article


def _extract(
    tree: Tree, url: str, article: Article, hinted_date: str | None, hints: dict | None, now: datetime | None
) -> Article:
    idx = page_index(tree)
    title, title_el = extract_title(idx, hints)
    container, _how = find_container(idx, hints)
    root = _common_root(title_el, container)
    if root is not None and root.tag == "html":
        root = tree.find("body") if tree.find("body") is not None else root
    body = split_body(walk_container(container)) if container is not None else Body([], [], None)
    paragraphs = _trim_head(body.paragraphs, title)
    top = _top_credit(body.paragraphs)
    sapo = _sapo(idx, container, root)
    if sapo and not (paragraphs and (_fold(paragraphs[0]) == _fold(sapo) or _fold(sapo) in _fold(paragraphs[0]))):
        paragraphs.insert(0, sapo)
    paragraphs = [p for p in paragraphs if not is_drop_line(p)]

    zones = _zone_texts(root if root is not None else tree, title_el, container)
    _before, between, after = zones
    found, source = extract_date(
        idx,
        url,
        zones,
        hinted_date,
        hints,
        body.paragraphs[:3],
        body.paragraphs[-3:] + body.credit_lines,
        now,
    )
    if top and not body.credit:
        body.credit = top
    byline, src = extract_byline(idx, body, root, container, hints, between, after)

    article.title = title
    article.published_at = found.iso() if found else None
    article.date_source = source
    article.byline = byline
    article.source = src
    article.body = "\n\n".join(paragraphs)
    article.lead = paragraphs[0] if paragraphs else ""
    article.captions = body.captions
    href = idx.canonical or idx.meta.get("og:url")
    article.canonical_href = urljoin(url, href.strip()) if href and href.strip() else None
    return article


# ---------------------------------------------------------------------------------------------------------
# Article or not
# ---------------------------------------------------------------------------------------------------------

_ARTICLE_JSONLD = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle"}
# Listing URL shapes: pagination, categories, tags, search (/page-8, /6.html, ?start=20, pagenumber=54).
_LISTING_URL_RE = re.compile(
    r"(?:/page[-/]?\d+/?$|[?&](?:start|page|pagenumber|paged|trang|p_p_id)=|/(?:tag|tags|category|"
    r"chuyen-muc|danh-muc|search|tim-kiem|author)/[^/]*/?$|/\d{1,3}\.html$|/ViewList\.aspx|"
    r"/(?:19|20)\d{2}/(?:\d{2}/){0,2}$)",
    re.I,
)
# Article URL shapes: numeric ids, slugs with ids, ?p=ID, node/N, ItemID=, /post/N/.
_ARTICLE_URL_RE = re.compile(
    r"(?:[-/]\d{3,}(?:\.\w{2,5})?/?$|[?&](?:p|id|itemid|newsid|tc|articleid)=\d+|/node/\d+|/post/\d+/|"
    r"-\d{4,}-\d+|/\d{6}/[^/]+|/(?:19|20)\d{2}/\d{2}/(?:\d{2}/)?[^/]+)",
    re.I,
)


def article_signals(tree: Tree, url: str) -> dict[str, float]:
    """The evidence :func:`is_article_page` weighs, exposed for debugging and tests."""
    idx = page_index(tree)
    sig: dict[str, float] = {}
    og_type = (idx.meta.get("og:type") or "").strip().lower()
    sig["og_article"] = 1.0 if og_type == "article" else (-1.0 if og_type == "website" else 0.0)
    sig["published_meta"] = 1.0 if "article:published_time" in idx.meta else 0.0
    types: set[str] = set()
    for obj in iter_json_ld(tree):
        t = obj.get("@type")
        types.update(str(x).lower() for x in (t if isinstance(t, list) else [t]) if x)
    sig["json_ld_article"] = 1.0 if types & _ARTICLE_JSONLD else 0.0
    container, how = find_container(idx, None)
    long_siblings = 0
    text_len = link_len = 0
    if container is not None:
        per_parent: dict[Any, int] = {}
        for p in container.iter("p", "div"):
            if p.tag == "div" and len((p.text or "").strip()) < 80:
                continue
            n = len(p.text_content().strip())
            links = sum(len(a.text_content().strip()) for a in p.iter("a"))
            if n - links >= 80:
                parent = p.getparent()
                per_parent[parent] = per_parent.get(parent, 0) + 1
        long_siblings = max(per_parent.values(), default=0)
        text_len = _text_len_fast(container)
        link_len = sum(len(a.text_content().strip()) for a in container.iter("a"))
    sig["known_container"] = 1.0 if how == "known" else 0.0
    sig["long_siblings"] = float(long_siblings)
    sig["text_len"] = float(text_len)
    sig["link_density"] = link_len / text_len if text_len else 1.0
    # linked headings outside furniture: each listing item is a linked title
    linked = 0
    body = tree.find("body")
    for h in (body if body is not None else tree).iter("h2", "h3", "h4", "h5"):
        a = h.find(".//a")
        if a is not None and len(a.text_content().strip()) >= 20 and not _in_skip_zone(h):
            linked += 1
    sig["linked_headings"] = float(linked)
    # a printed or declared publication date: articles have one, "about"/contact pages do not
    has_date = bool(
        sig["published_meta"]
        or json_ld_published(tree)
        or idx.by_key.get("time")
        or idx.by_key.get("itemprop:datepublished")
    )
    if not has_date:
        _title, title_el = extract_title(idx, None)
        root = _common_root(title_el, container)
        if root is not None:
            before, between, _after = _zone_texts(root, title_el, container)
            has_date = bool(find_dates(" ".join(between + before[-8:])))
    sig["has_date"] = 1.0 if has_date else 0.0
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    sig["listing_url"] = 1.0 if path in ("", "/") or _LISTING_URL_RE.search(url) else 0.0
    sig["article_url"] = 1.0 if _ARTICLE_URL_RE.search(url) else 0.0
    return sig


def _text_len_fast(el: Any) -> int:
    return len(el.text_content().strip())


def is_article_page(html_or_tree: str | bytes | Tree, url: str) -> bool:
    """Article (one dominant text block) or not (listing, home, contact page).

    Metadata votes (og:type article, article:published_time, JSON-LD NewsArticle) are weighed together
    with the page's shape: an article has several long paragraphs side by side with few links; a listing
    has many linked headings and its long texts (excerpts) each sit in their own item.
    """
    tree = parse_html(html_or_tree)
    if tree is None:
        return False
    try:
        sig = article_signals(tree, url)
    except Exception:
        return False
    score = 2 * sig["og_article"] + 2 * sig["published_meta"] + 2 * sig["json_ld_article"]
    score += sig["known_container"]
    # several long paragraphs side by side: the shape of an article; none at all: not an article
    if sig["link_density"] < 0.3 and sig["long_siblings"] >= 3:
        score += 3
    elif sig["link_density"] < 0.3 and sig["long_siblings"] == 2:
        score += 1
    elif sig["long_siblings"] == 0:
        score -= 2
    # linked headings are listing items (related lists and sidebars are excluded by _in_skip_zone)
    if sig["long_siblings"] < 3:
        if sig["linked_headings"] >= 8:
            score -= 3
        elif sig["linked_headings"] >= 3:
            score -= 2
    score += sig["article_url"] - 2 * sig["listing_url"]
    # no date anywhere: an "about"/contact page unless metadata says article
    if not sig["has_date"]:
        score -= 4
    return score > 0
