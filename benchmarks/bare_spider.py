"""The baseline of the crawl benchmark: a bare Scrapy spider that only follows links.

    .venv/bin/python benchmarks/bare_spider.py URL [--log FILE]

Same Scrapy settings as ``danvan crawl --no-delay`` (taken from danvan_crawler.crawl.build_settings:
concurrency, CONCURRENT_ITEMS, reactor, robots.txt, timeouts, user agent) minus danvan's own
middlewares and pipelines: it fetches every same-host page once (Scrapy's dupefilter), parses it with
``response.css`` and yields nothing. It keeps its own set of URLs already
requested (as danvan's spider does), so Scrapy's dupefilter sees each URL once.
Prints one JSON line: pages fetched and Scrapy's elapsed seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import scrapy  # noqa: E402


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, url: str, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [url]
        self.netloc = urlsplit(url).netloc
        self.seen: set[str] = set()

    def parse(self, response):
        # Its own seen-set: yielding the ~400 menu and sidebar links of every page for Scrapy's dupefilter
        # to fingerprint and drop would cost ~25 ms a page and make this baseline needlessly slow.
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href).split("#", 1)[0]
            if url not in self.seen and urlsplit(url).netloc == self.netloc:
                self.seen.add(url)
                yield scrapy.Request(url, callback=self.parse)


def bare_settings(log_file: Path):
    from danvan_crawler.crawl import build_settings

    settings = build_settings(Path(tempfile.gettempdir()) / "unused.db", "bare", no_delay=True, log_file=log_file)
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("DOWNLOADER_MIDDLEWARES", {}, priority="cmdline")
    settings.set("SPIDER_MODULES", [], priority="cmdline")
    return settings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("--log", type=Path, default=Path(tempfile.gettempdir()) / "bare_spider.log")
    args = ap.parse_args()
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.reactor import install_reactor

    settings = bare_settings(args.log)
    install_reactor(settings["TWISTED_REACTOR"])
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, url=args.url)
    process.start()
    stats = crawler.stats.get_stats()
    print(json.dumps({
        "pages": stats.get("response_received_count", 0),
        "elapsed": stats.get("elapsed_time_seconds"),
        "concurrency": [settings.getint("CONCURRENT_REQUESTS"), settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
                        settings.getint("CONCURRENT_ITEMS")],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
