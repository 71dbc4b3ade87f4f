"""Everything the spider learns from one HTML page, in one pure function: parse, classify, extract, links.

``analyse_page(html, url, home=...)`` parses the page once and returns a small picklable
:class:`PageAnalysis` (the Article, the links to follow, the feeds a homepage announces, the body's
near-duplicate fingerprint). No Scrapy, no I/O: the spider runs it in a worker process
(:mod:`danvan_crawler.workers`) so the CPU-heavy part of a crawl uses the second core, or in-process
when the pool is off; tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..items import Article, normalize_article
from .links import Link, feed_links, page_links
from .page import extract_article, is_article_page, parse_html


@dataclass
class PageAnalysis:
    """What one page holds. ``error`` is set (and nothing else) when the page cannot be parsed."""

    url: str
    error: str | None = None
    is_article: bool = False
    article: Article | None = None
    # An article page carries only its article links (related lists); other pages carry every link.
    links: list[Link] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # homepage only
    login_form: bool = False  # a page that is not an article shows a password field


def analyse_page(
    html: str | bytes,
    url: str,
    *,
    home: str,
    is_home: bool = False,
    hinted_date: str | None = None,
    hints: dict | None = None,
    fingerprint: bool = True,
) -> PageAnalysis:
    """Parse ``html`` once; classify it (a homepage is never an article), extract, collect links."""
    tree = parse_html(html)
    if tree is None:
        return PageAnalysis(url, error="unparseable HTML")
    result = PageAnalysis(url)
    if not is_home and is_article_page(tree, url):
        result.is_article = True
        article = normalize_article(extract_article(tree, url, hinted_date=hinted_date, hints=hints))
        result.article = article
        result.links = [lk for lk in page_links(tree, url, home) if lk.kind == "article"]
        if fingerprint and article.body:
            # The dedup keys are computed here, off the crawl's main thread, on the text exactly as
            # it will be stored (normalize_article is idempotent, so the pipeline leaves it as is).
            from danvan_crawler import dedup

            article.content_hash = dedup.content_hash(article.title, article.body)
            article.signature = dedup.fingerprint(article.body)
    else:
        result.links = page_links(tree, url, home)
        result.login_form = bool(tree.xpath("//input[translate(@type, 'PASWORD', 'pasword')='password']"))
        if is_home:
            result.feeds = feed_links(tree, url)
    return result
