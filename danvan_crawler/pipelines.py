"""Item pipelines: validate, then deduplicate and store (dedup lives in the store's save path).

Pipelines use today's Scrapy API (no ``spider`` argument): the spider comes from the crawler.
One Store per database file is shared by every site crawled in the process, so all writes go
through one SQLite connection and never wait on each other's locks.
"""

from __future__ import annotations

from collections import Counter

from scrapy import signals
from scrapy.exceptions import DropItem
from twisted.internet import task

from danvan_crawler.items import Article, normalize_article
from danvan_crawler.storage import Store

_stores: dict[str, Store] = {}


def shared_store(path: str) -> Store:
    """The process-wide Store for ``path`` (opened, migrated, WAL) ."""
    if path not in _stores:
        _stores[path] = Store.open(path)
    return _stores[path]


def close_stores() -> None:
    for store in _stores.values():
        store.close()
    _stores.clear()


def run_status(reason: str, counts, home_error: str | None,
               first_failure: str | None) -> tuple[str, str | None]:
    """A site's run status and its reason, from how it closed and what it counted."""
    if reason in ("shutdown", "interrupted"):
        return "interrupted", "stopped by a signal"
    if home_error and counts["articles_new"] + counts["unchanged"] + counts["duplicates"] == 0:
        return "failed", f"homepage: {home_error}"
    if counts["pages_fetched"] == 0:
        return "failed", first_failure or "nothing fetched"
    return "ok", None


class ValidatePipeline:
    """Normalizes text to NFC, counts empty fields for site health, drops pages with no article."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.since = crawler.settings.get("DANVAN_SINCE")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        counts: Counter = self.crawler.spider.counts
        counts["extracted"] += 1
        normalize_article(item)
        if not item.title or not item.body:
            counts["empty_body"] += 1
            self.crawler.spider._fail(item.url, "no article text extracted")
            raise DropItem(f"no article text at {item.url}")
        if not item.published_at:
            counts["empty_date"] += 1
        if not item.byline and not item.source:
            counts["empty_byline"] += 1
        if self.since and item.published_at and item.published_at[:10] < self.since:
            counts["older_than_since"] += 1
            raise DropItem(f"published before {self.since}: {item.url}")
        return item


class StorePipeline:
    """Saves each article (canonical URL → exact hash → near-duplicate) and records the run."""

    OUTCOME_COUNTER = {
        "new": "articles_new",
        "updated": "articles_updated",
        "duplicate": "duplicates",
        "republished": "duplicates",
        "unchanged": "unchanged",
    }

    def __init__(self, crawler):
        self.crawler = crawler
        self.store = shared_store(crawler.settings.get("DANVAN_DB"))
        self.run_row: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        # The run is closed on spider_closed, which carries the reason (finished / shutdown);
        # close_spider() runs before the reason is known.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        p = spider.profile
        self.store.upsert_site(p.name, p.title, p.url, p.province, p.cms)
        # We hold the database's lock, so a run of this site still "running" died (SIGKILL, power).
        self.store.db.execute(
            "UPDATE crawl_runs SET status = 'interrupted', reason = 'the crawl process died before finishing'"
            " WHERE site = ? AND status = 'running' AND run_id != ?", [p.name, spider.run_id])
        self.run_row = self.store.start_run(spider.run_id, p.name)
        # Articles are committed in batches (Store.save_batched); this commits a batch left open when
        # articles stop coming, so a kill never loses more than a few seconds of work.
        self._committer = task.LoopingCall(self.store.commit, Store.BATCH_SECONDS)
        self._committer.start(1.0, now=False)

    def process_item(self, item: Article) -> Article:
        spider = self.crawler.spider
        result = self.store.save_batched(item)
        spider.counts[self.OUTCOME_COUNTER[result.outcome]] += 1
        return item

    def spider_closed(self, spider, reason: str) -> None:
        if getattr(self, "_committer", None) is not None and self._committer.running:
            self._committer.stop()
        self.store.commit()
        counts = spider.counts
        status, why = run_status(reason, counts, spider.home_error,
                                 spider.failures[0][1] if spider.failures else None)
        spider.run_status = (status, why)
        self.store.finish_run(self.run_row, status, counts, why, warnings=getattr(spider, "run_warnings", ()))
        progress = self.crawler.settings.get("DANVAN_PROGRESS")
        if progress:
            progress(f"{spider.name}: {status}, {counts['pages_fetched']} pages, {counts['articles_new']} new,"
                     f" {counts['errors']} errors" + (f" ({why})" if why else ""))
