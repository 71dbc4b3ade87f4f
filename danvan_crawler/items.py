"""The record that flows from extraction through the pipelines into storage."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class Article:
    """One article page as extracted, plus what the spider knows about where it came from.

    Extraction fills the content fields; the spider fills ``site``/``province`` and the
    discovery hints; the dedup pipeline fills ``canonical_url`` and ``content_hash``.
    """

    url: str  # the URL the page was fetched at (after redirects)
    title: str = ""
    published_at: str | None = None  # ISO 8601 with +07:00, e.g. 2020-10-15T08:30:00+07:00
    date_source: str | None = None  # meta / json-ld / time / itemprop / visible / url / sitemap / feed / api
    byline: str | None = None  # credited people ("Minh Hưng"), never the CMS account
    source: str | None = None  # "Báo Điện Biên Phủ" from "Nguồn: …" / "Theo …"
    body: str = ""  # paragraphs separated by a blank line, NFC, no boilerplate, no credit line
    lead: str = ""  # the sapo / first paragraph (also the body's first paragraph)
    captions: list[str] = field(default_factory=list)  # photo captions, credits kept ("… Ảnh: X")
    canonical_href: str | None = None  # rel=canonical / og:url as found on the page (absolute)
    # set by the spider
    site: str = ""
    province: str | None = None
    # set by the dedup/store pipelines
    canonical_url: str | None = None
    content_hash: str | None = None
    # the body's MinHash fingerprint, computed with the content hash by the page-analysis worker
    # (storage computes both itself when they are missing)
    signature: tuple[int, ...] | None = None
    # discovery hints the spider passes along (sitemap lastmod, feed pubDate) ISO strings
    hinted_date: str | None = None
    # same-site addresses that redirected to this page (?p=ID shortlinks, moved articles): stored
    # as aliases so the next run knows them and does not request them again
    redirected_from: list[str] = field(default_factory=list)


def normalize_article(item: Article) -> Article:
    """NFC, tidy whitespace, no empty captions: every stored article goes through this, whether
    a crawl stores it or ``danvan ingest`` takes it from a distributed worker (idempotent)."""
    from danvan_crawler.extraction.text import normalize_text

    item.title = normalize_text(item.title)
    item.body = unicodedata.normalize("NFC", item.body or "")
    item.lead = unicodedata.normalize("NFC", item.lead or "")
    item.byline = normalize_text(item.byline) if item.byline else None
    item.source = normalize_text(item.source) if item.source else None
    item.captions = [normalize_text(c) for c in item.captions if c and c.strip()]
    return item
