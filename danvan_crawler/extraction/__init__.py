"""Extraction: pure functions of (html, url) -> fields. No Scrapy, no I/O.

``extract_article(html, url, hinted_date=..., hints=...)`` returns an :class:`~danvan_crawler.items.Article`;
``is_article_page(html_or_tree, url)`` tells articles from listings. Parse once with
:func:`parse_html` (or pass Scrapy's ``response.selector.root``) and hand the tree to both.
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
