"""Extraction: pure functions of (html, url) -> fields. No Scrapy, no I/O.

``extract_article(html, url, hinted_date=..., hints=...)`` returns an :class:`~danvan_crawler.items.Article`;
``is_article_page(html_or_tree, url)`` tells articles from listings. Parse once with
:func:`parse_html` (or pass Scrapy's ``response.selector.root``) and hand the tree to both; the index the
first call builds is reused by the second, and the tree is never modified.

Site hints (``{"title"|"date"|"byline"|"body": css}``) are a second resort per field: general signals
first (metadata, known CMS markup, credit-line grammar), the hint when they give nothing (for the body:
before density scoring, after the known containers; for the date: after machine-readable dates, before
printed ones), heuristics last. See :mod:`danvan_crawler.extraction.page` for the order of every field.
"""

from .dates import FoundDate, parse_iso, parse_visible
from .page import article_signals, extract_article, is_article_page, parse_html
from .text import normalize_text

__all__ = [
    "FoundDate",
    "article_signals",
    "extract_article",
    "is_article_page",
    "normalize_text",
    "parse_html",
    "parse_iso",
    "parse_visible",
]
