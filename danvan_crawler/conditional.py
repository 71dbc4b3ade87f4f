"""Conditional requests for sitemaps and feeds: ask "changed since?" and skip them when not.

Only the lists that are complete in themselves (sitemaps, feeds) are asked conditionally: an
unchanged sitemap really holds no new article. A homepage that answers 304 says nothing about
its category listings, so pages are always fetched (and paging stops on known articles instead).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response

from danvan_crawler.pipelines import shared_store


class ConditionalRequestMiddleware:
    """Sends ``If-None-Match`` / ``If-Modified-Since`` from stored validators; stores new ones."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.store = shared_store(crawler.settings.get("DANVAN_DB"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        if not request.meta.get("conditional"):
            return None
        etag, last_modified = self.store.validators(request.url)
        if etag:
            request.headers.setdefault("If-None-Match", etag)
        if last_modified:
            request.headers.setdefault("If-Modified-Since", last_modified)
        request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]
        return None

    def process_response(self, request: Request, response: Response):
        if not request.meta.get("conditional"):
            return response
        if response.status == 304:
            spider = self.crawler.spider
            if spider is not None and hasattr(spider, "counts"):
                spider.counts["not_modified"] += 1
        elif response.status == 200:
            etag = response.headers.get("ETag")
            modified = response.headers.get("Last-Modified")
            self.store.save_validators(
                request.url,
                etag.decode("latin-1") if etag else None,
                modified.decode("latin-1") if modified else None,
            )
        return response
