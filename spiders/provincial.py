"""The generic spider: from a site's homepage to every article on it.

Discovery, in order of trust: robots.txt ``Sitemap:`` lines and the usual sitemap addresses
(with ``lastmod``), feeds the homepage announces, the WordPress REST API when a WordPress site
leaves it open (exact titles and dates), then the site's own menus and listing pages,
newest first, with their pagination. Every page is classified from its content (article or
not), so a site needs no selectors to be crawled. Incremental by default: stored URLs are not
fetched again, and paging a listing stops once a page holds only known articles.

Run it the Scrapy way with ``scrapy crawl provincial -a site=NAME`` or ``-a url=HOMEPAGE``;
``danvan crawl`` runs the same class, one instance per site.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.misc import load_object
from scrapy.utils.sitemap import Sitemap
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from danvan_crawler import dedup
from danvan_crawler.extraction import extract_article
from danvan_crawler.extraction.links import Link, is_trap, same_site
from danvan_crawler.items import Article
from danvan_crawler.pipelines import shared_store
from danvan_crawler.profiles import SiteProfile, load_registry, profile_for_url
from danvan_crawler.workers import PageAnalyser

SITEMAP_PATHS = ("/sitemap.xml", "/wp-sitemap.xml")
WP_MARKERS = ("wp-content/", "wp-includes/", 'rel="https://api.w.org/"')
REST_PAGE_SIZE = 50
# 4xx answers to addresses we only guessed (sitemaps, feeds, the REST API) are not failures.
OPTIONAL_MISS = {401, 403, 404, 405, 410}


# Every page's menus and sidebars repeat the same article links: normalizing each of them again was
# the crawl's largest single cost (a third of the CPU time of a 1,000-page crawl). Pure, so memoized.
@lru_cache(maxsize=8192)
def _url_key(url: str, cms: str | None) -> str:
    return dedup.url_key(url, cms=cms)


def resolve_profile(site: str | None, url: str | None) -> SiteProfile:
    """The registry entry named ``site``, or an ad-hoc profile for the homepage ``url``."""
    if url:
        return profile_for_url(url)
    if site:
        for p in load_registry():
            if p.name == site:
                return p
        raise ValueError(f"no site named {site!r} in the registry")
    raise ValueError("give a site name (-a site=NAME) or a homepage (-a url=URL)")


def iso_or_none(value: str | None) -> str | None:
    """A sitemap/feed date as ISO 8601 (RFC 822 dates of RSS converted), or None."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None


# Declarations that are never right for Vietnamese text: old servers send them by default.
LATIN_CHARSETS = {"cp1252", "latin_1", "iso8859_1", "ascii", "us-ascii", "iso-8859-1", "windows-1252"}
BINARY_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP or Office file"), (b"Rar!", "RAR archive"), (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"7z\xbc\xaf", "7z archive"), (b"\x1f\x8b", "gzip data"), (b"ID3", "MP3 audio"),
)


def binary_kind(body: bytes) -> str | None:
    """What binary file hides behind an HTML address (a scan, an attachment), or None for text."""
    head = body[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text
        return None
    for magic, kind in BINARY_MAGIC:
        if head.lstrip().startswith(magic):
            return kind
    return "binary data" if b"\x00" in head else None


def page_text(response: TextResponse) -> str:
    """The page's text, repairing the charset mistakes of old servers where the bytes allow it.

    1. A byte-order mark decides.
    2. Bytes that are UTF-8 (a stray broken byte or two tolerated) are UTF-8, whatever the header
       or ``<meta>`` says: a header saying ISO-8859-1 over UTF-8 bytes is the commonest lie, and
       legacy Vietnamese bytes practically never pass as UTF-8.
    3. Otherwise each declared charset (header, then ``<meta>``) that decodes the bytes without
       error, Latin-1 and ASCII excepted: no Vietnamese page is in them.
    4. Otherwise Windows-1258, the Vietnamese Windows code page. Its combining tone marks are
       composed later (NFC in the pipeline), so "ô" + U+0323 is stored as "ộ".
    """
    body = response.body
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom):].decode(bom_encoding, errors="replace")
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad or sum(1 for c in text if ord(c) > 127) >= 21 * bad:
        return text
    content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
    for declared in (http_content_type_encoding(content_type), html_body_declared_encoding(body)):
        codec = resolve_encoding(declared) if declared else None
        if not codec or codec in LATIN_CHARSETS or codec.replace("_", "-") in LATIN_CHARSETS:
            continue
        try:
            return body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1258", errors="replace")


class ProvincialSpider(scrapy.Spider):
    name = "provincial"

    def __init__(self, site: str | None = None, url: str | None = None, profile: SiteProfile | None = None,
                 **kwargs):
        profile = profile or resolve_profile(site, url)
        super().__init__(name=profile.name, **kwargs)
        self.profile = profile
        self.home = profile.url if urlsplit(profile.url).path else profile.url + "/"
        self.allowed_hosts: tuple[str, ...] = ()
        self.counts: Counter[str] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.home_error: str | None = None
        self.queued: set[str] = set()  # canonical article URLs requested or stored in this run
        self.known: set[str] = set()
        self.scheduled = 0
        self.run_warnings: list[str] = []  # kept in crawl_runs.warnings (e.g. TLS certificate problems)
        self.analyser = PageAnalyser(0)  # in-process; from_crawler sets up DANVAN_EXTRACT_WORKERS

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        # A worker of a distributed crawl has no database: DANVAN_SPIDER_STORE names a stand-in
        # (known URLs from Redis, failures sent to the ingester; see danvan_crawler.distributed).
        stand_in = s.get("DANVAN_SPIDER_STORE")
        spider.store = load_object(stand_in)(spider) if stand_in else shared_store(s.get("DANVAN_DB"))
        spider.run_id = s.get("DANVAN_RUN_ID") or datetime.now().strftime("%Y%m%dT%H%M%S")
        spider.full = s.getbool("DANVAN_FULL")
        spider.since = s.get("DANVAN_SINCE")
        spider.max_pages = spider.profile.max_pages or s.getint("DANVAN_MAX_PAGES")
        spider.other_depth = s.getint("DANVAN_OTHER_DEPTH")
        spider.stop_after_known = s.getint("DANVAN_STOP_AFTER_KNOWN_PAGES")
        spider.allowed_hosts = tuple(h.lower() for h in s.getlist("DANVAN_ALLOW_HOSTS"))
        spider.analyser = PageAnalyser(s.getint("DANVAN_EXTRACT_WORKERS", 1))
        if not spider.full:
            spider.known = spider.store.known_urls(spider.profile.name)
            if spider._previous_run_unfinished():
                # The last run was killed or stopped half-way: listings past the point it reached
                # hold articles not stored yet, behind pages of stored ones. Walk them all this time.
                spider.stop_after_known = 10**9
                spider.logger.info("previous run did not finish: walking every listing page")
        # An exception in a callback or a pipeline loses one page, never the run: record it.
        crawler.signals.connect(spider._on_spider_error, signal=signals.spider_error)
        crawler.signals.connect(spider._on_item_error, signal=signals.item_error)
        return spider

    def _previous_run_unfinished(self) -> bool:
        db = getattr(self.store, "db", None)
        if db is None:
            return False
        row = db.execute("SELECT status FROM crawl_runs WHERE site = ? AND run_id != ? ORDER BY id DESC LIMIT 1",
                         [self.profile.name, self.run_id]).fetchone()
        return bool(row) and row[0] in ("running", "interrupted")

    def _on_spider_error(self, failure, response, spider) -> None:
        if spider is self:
            self._fail(response.url, f"processing error: {failure.type.__name__}: {failure.getErrorMessage()}"[:300])

    def _on_item_error(self, item, response, spider, failure) -> None:
        if spider is self:
            url = getattr(item, "url", None) or response.url
            self._fail(url, f"storing failed: {failure.type.__name__}: {failure.getErrorMessage()}"[:300])

    def url_key(self, url: str) -> str:
        """The key stored URLs are compared by (scheme, www., slash, encoding and case blind)."""
        return _url_key(url, self.profile.cms)

    # -- requests ----------------------------------------------------------------------------------
    def _request(self, url: str, callback, *, priority: int = 0, meta: dict | None = None,
                 optional: bool = False, dont_filter: bool = False) -> scrapy.Request | None:
        """A request within the site and the page budget, or None."""
        if not same_site(url, self.home) and urlsplit(url).netloc.lower() not in self.allowed_hosts:
            self.counts["offsite_links"] += 1
            return None
        if callback == self.parse_page and (meta or {}).get("role") != "home":
            parts = urlsplit(url)
            if not self.profile.allows(parts.path + ("?" + parts.query if parts.query else "")):
                self.counts["registry_denied"] += 1  # the registry's allow/deny patterns for this site
                return None
        if self.scheduled >= self.max_pages:
            self.counts["budget_exhausted"] += 1
            return None
        self.scheduled += 1
        meta = dict(meta or {})
        meta["optional"] = optional
        if callback in (self.parse_sitemap, self.parse_feed) and not self.full:
            meta["conditional"] = True  # an unchanged sitemap or feed holds nothing new
        return scrapy.Request(url, callback=callback, errback=self.on_error, priority=priority, meta=meta,
                              dont_filter=dont_filter)

    def _article_request(self, url: str, *, priority: int = 5, hinted_date: str | None = None,
                         source: str = "listing") -> scrapy.Request | None:
        """A request for a page that may be an article, unless it is stored or already queued."""
        key = self.url_key(url)
        if key in self.known or key in self.queued:
            self.counts["known_skipped"] += 1
            return None
        if is_trap(url):
            return None
        self.queued.add(key)
        return self._request(url, self.parse_page, priority=priority,
                             meta={"role": "candidate", "hinted_date": hinted_date, "found_in": source})

    async def start(self):
        home = self._request(self.home, self.parse_page, priority=20, meta={"role": "home", "depth": 0})
        if home:
            yield home
        for path in self.profile.start:
            req = self._request(urljoin(self.home, path), self.parse_page, priority=15,
                                meta={"role": "listing", "depth": 0})
            if req:
                yield req
        robots = self._request(urljoin(self.home, "/robots.txt"), self.parse_robots, priority=18,
                               optional=True, meta={"dont_obey_robotstxt": True})
        if robots:
            yield robots
        for path in SITEMAP_PATHS:
            req = self._request(urljoin(self.home, path), self.parse_sitemap, priority=18, optional=True)
            if req:
                yield req

    # -- discovery: robots, sitemaps, feeds, REST ----------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        self.counts["pages_fetched"] += 1
        for line in response.text.splitlines() if isinstance(response, TextResponse) else []:
            if line.lower().startswith("sitemap:"):
                req = self._request(line.split(":", 1)[1].strip(), self.parse_sitemap, priority=18,
                                    optional=True)
                if req:
                    yield req

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self.counts["pages_fetched"] += 1
        body = response.body
        if gzip_magic_number(response):
            try:
                body = gunzip(body, max_size=50 * 1024 * 1024)
            except OSError:
                self._fail(response.url, "sitemap: broken gzip")
                return
        try:
            sitemap = Sitemap(body)
        except (etree.XMLSyntaxError, StopIteration, ValueError):
            return  # an HTML 404 page at /sitemap.xml, or an empty answer
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            loc = urljoin(response.url, loc.strip())
            if sitemap.type == "sitemapindex":
                req = self._request(loc, self.parse_sitemap, priority=17, optional=True)
            else:
                lastmod = iso_or_none(entry.get("lastmod"))
                if self.since and lastmod and lastmod[:10] < self.since:
                    continue
                req = self._article_request(loc, priority=8, hinted_date=lastmod, source="sitemap")
            if req:
                yield req

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.counts["pages_fetched"] += 1
        try:
            root = etree.fromstring(response.body, etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            return
        if root is None:
            return
        for item in root.iter("item", "{http://www.w3.org/2005/Atom}entry"):
            link, date = None, None
            for child in item:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag == "link":
                    link = child.get("href") or (child.text or "").strip()
                elif tag in ("pubDate", "published", "date") and not date:
                    date = iso_or_none(child.text)
            if link:
                if self.since and date and date[:10] < self.since:
                    continue
                req = self._article_request(urljoin(response.url, link), priority=9, hinted_date=date,
                                            source="feed")
                if req:
                    yield req

    def _rest_request(self, page: int, pending: list[Link], depth: int) -> scrapy.Request | None:
        url = urljoin(self.home, f"/wp-json/wp/v2/posts?per_page={REST_PAGE_SIZE}&page={page}")
        return self._request(url, self.parse_rest, priority=19, optional=True,
                             meta={"rest_page": page, "pending_links": pending, "depth": depth})

    def parse_rest(self, response: Response) -> Iterable:
        """WordPress REST API posts: exact title and date; the content goes through extraction."""
        self.counts["pages_fetched"] += 1
        meta = response.meta
        try:
            posts = json.loads(response.text)
        except (ValueError, AttributeError):
            posts = None
        if not isinstance(posts, list):
            yield from self._follow_listing(meta["pending_links"], meta["depth"], 0)
            return
        fresh = 0
        for post in posts:
            item = self._article_from_rest(post)
            if item is None:
                continue
            key = self.url_key(item.url)
            if key in self.known or key in self.queued:
                continue
            fresh += 1
            self.queued.add(key)
            yield item
        total = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
        page = meta["rest_page"]
        if page < total and posts and (fresh or self.full):
            req = self._rest_request(page + 1, meta["pending_links"], meta["depth"])
            if req:
                yield req
                return
        self.counts["rest_api"] += 1
        yield from self._follow_listing(meta["pending_links"], meta["depth"], 0)

    def _article_from_rest(self, post: dict) -> Article | None:
        link = post.get("link")
        if not isinstance(link, str) or not same_site(link, self.home):
            return None
        title = htmllib.unescape(re.sub(r"<[^>]+>", "", (post.get("title") or {}).get("rendered", "")))
        content = (post.get("content") or {}).get("rendered", "")
        date = post.get("date") or ""
        doc = (f"<html><head><title>{htmllib.escape(title)}</title></head><body><article>"
               f"<h1>{htmllib.escape(title)}</h1><div class=\"entry-content\">{content}</div>"
               f"</article></body></html>")
        article = extract_article(doc, link, hints=self.profile.hints or None)
        article.title = " ".join(title.split())
        if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", date):
            article.published_at, article.date_source = date + "+07:00", "api"
        return self._finish(article)

    # -- pages -------------------------------------------------------------------------------------
    async def parse_page(self, response: Response):
        role = response.meta.get("role")
        ctype = (response.headers.get("Content-Type") or b"html").lower()
        if b"xml" in ctype and b"html" not in ctype:
            # A feed or sitemap reached through a plain link: read it as what it is.
            reader = self.parse_feed if b"rss" in ctype or b"atom" in ctype else self.parse_sitemap
            for req in reader(response):
                yield req
            return
        self.counts["pages_fetched"] += 1
        if not isinstance(response, TextResponse) or b"html" not in ctype:
            self._fail(response.url, f"not an HTML page ({(response.headers.get('Content-Type') or b'?').decode()})")
            return
        kind = binary_kind(response.body)
        if kind:
            self._fail(response.url, f"binary content behind an HTML address ({kind})")
            return
        text = page_text(response)
        if not text.strip():
            self._fail(response.url, "empty page")
            return
        # Parse, classify, extract and collect links in one go, in a worker process (the reactor
        # thread keeps downloading meanwhile) or in-process (DANVAN_EXTRACT_WORKERS = 0).
        page = await self.analyser.analyse(text, response.url, home=self.home, is_home=role == "home",
                                           hinted_date=response.meta.get("hinted_date"),
                                           hints=self.profile.hints or None)
        if page.error:
            self._fail(response.url, page.error)
            return
        if page.is_article:
            if page.article.date_source == "hint":  # the date the sitemap or feed gave
                page.article.date_source = response.meta.get("found_in") or "hint"
            page.article.redirected_from = [u for u in response.meta.get("redirect_urls", ())
                                            if same_site(u, self.home)]
            self.queued.add(self.url_key(response.url))
            yield self._finish(page.article)
            # Related-article links on an article page find what listings missed.
            for link in page.links:
                if link.kind == "article":
                    req = self._article_request(link.url, priority=2, source="related")
                    if req:
                        yield req
            return
        if role == "candidate" and page.login_form:
            self._fail(response.url, "login required (a login form instead of the article)")
            return
        links = page.links
        depth = response.meta.get("depth", 0)
        follow = (self._discover_from_home(page.feeds, response, links, depth) if role == "home" else
                  self._follow_listing(links, depth, response.meta.get("known_streak", 0),
                                       response.meta.get("barren", 0)))
        for req in follow:
            yield req

    def _discover_from_home(self, feeds: list[str], response: Response, links: list[Link], depth: int) -> Iterable:
        for url in feeds:
            req = self._request(url, self.parse_feed, priority=18, optional=True)
            if req:
                yield req
        if self.profile.cms == "joomla":
            req = self._request(urljoin(self.home, "/index.php?format=feed&type=rss"), self.parse_feed,
                                priority=18, optional=True)
            if req:
                yield req
        is_wp = self.profile.cms == "wordpress" or any(m in response.text for m in WP_MARKERS)
        if is_wp:
            req = self._request(urljoin(self.home, "/feed/"), self.parse_feed, priority=18, optional=True)
            if req:
                yield req
            # Listings wait for the REST API: when it is open it gives every post exactly and the
            # article pages need not be fetched at all.
            rest = self._rest_request(1, links, depth)
            if rest:
                yield rest
                return
        yield from self._follow_listing(links, depth, 0)

    # Listing pages in a row that brought no new article before paging stops: an endless
    # pagination (a calendar, a session id, an empty section) must not eat the page budget.
    MAX_BARREN_PAGES = 3

    def _follow_listing(self, links: list[Link], depth: int, known_streak: int,
                        barren: int = 0) -> Iterable[scrapy.Request]:
        """Articles first, then the next listing pages (unless only known articles were seen)."""
        article_links = [lk for lk in links if lk.kind == "article"]
        fresh = 0
        for link in article_links:
            req = self._article_request(link.url)
            if req:
                fresh += 1
                yield req
        if article_links and not fresh and not self.full:
            known_streak += 1
        elif fresh:
            known_streak = 0
        if fresh:
            barren = 0
        elif self.full or not article_links:
            barren += 1
        if (known_streak < self.stop_after_known or self.full) and barren < self.MAX_BARREN_PAGES:
            for link in links:
                if link.kind == "page":
                    req = self._request(link.url, self.parse_page, priority=4,
                                        meta={"role": "listing", "depth": depth, "known_streak": known_streak,
                                              "barren": barren})
                    if req:
                        yield req
        else:
            self.counts["listings_stopped"] += 1
        if depth < self.other_depth:
            for link in links:
                if link.kind == "other" and self.url_key(link.url) not in self.known:
                    req = self._request(link.url, self.parse_page, priority=1,
                                        meta={"role": "listing", "depth": depth + 1})
                    if req:
                        yield req

    def _finish(self, article: Article) -> Article:
        article.site = self.profile.name
        article.province = self.profile.province
        return article

    # -- failures ----------------------------------------------------------------------------------
    def _fail(self, url: str, reason: str, status: int | None = None) -> None:
        self.counts["errors"] += 1
        self.failures.append((url, reason))
        self.store.record_failure(self.run_id, self.profile.name, url, reason, status)
        self.logger.warning("%s: %s", url, reason)

    def on_error(self, failure) -> Iterable:
        request = failure.request
        meta = request.meta
        optional = meta.get("optional")
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            self.counts["pages_fetched"] += 1
            reason = f"HTTP {status}"
        elif failure.check(IgnoreRequest):
            text = str(failure.value) or "ignored"
            low = text.lower()
            if "robots" in low:
                self.counts["robots_forbidden"] += 1
                reason = None
            elif low.startswith(("redirected off-site", "redirect loop", "max redirections")):
                reason = text[:300]
            elif low.startswith("offsite:") and meta.get("redirect_urls"):
                reason = f"redirected off-site ({text})"[:300]
            elif "download_maxsize" in low:
                reason = "too large: over DOWNLOAD_MAXSIZE once decompressed"
            else:
                self.counts["ignored"] += 1
                reason = None
        elif failure.check(CannotResolveHostError):
            reason = "DNS lookup failed"
        elif failure.check(DownloadConnectionRefusedError):
            reason = "connection refused"
        elif failure.check(DownloadTimeoutError):
            reason = "timed out"
        elif failure.check(ResponseDataLossError):
            reason = "truncated response"
        elif failure.check(DownloadCancelledError):
            reason = "too large: over DOWNLOAD_MAXSIZE"
        elif failure.check(zlib.error) or "decompress" in failure.getErrorMessage().lower():
            reason = f"broken compressed body: {failure.getErrorMessage()}"[:300]
        elif failure.check(DownloadFailedError):
            message = failure.getErrorMessage()
            if "SSL" in message or "certificate" in message.lower() or "TLS" in message:
                # "[<Failure OpenSSL.SSL.Error: [('SSL routines', '', 'certificate verify failed')]>]"
                openssl = re.findall(r"'([^']+)'\)", message)
                reason = f"TLS handshake failed: {openssl[-1] if openssl else message}"[:300]
            elif "ConnectionLost" in message or "ConnectionDone" in message or "closed" in message.lower():
                reason = f"connection lost: {message}"[:300]
            else:
                reason = f"download failed: {message}"[:300]
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:300]
        if reason and not (optional and (status in OPTIONAL_MISS or status is None and meta.get("rest_page"))):
            if meta.get("role") == "home":
                self.home_error = reason
            # A redirected request fails under the address that was linked, not the target's.
            self._fail((meta.get("redirect_urls") or [request.url])[0], reason, status)
        if "pending_links" in meta:  # the REST API is closed: walk the listings instead
            yield from self._follow_listing(meta["pending_links"], meta.get("depth", 0), 0)

