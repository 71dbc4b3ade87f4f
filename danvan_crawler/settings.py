"""Scrapy settings: polite defaults for slow government servers, in one place.

The ``danvan`` command and ``scrapy crawl provincial`` both load this module. Overrides for
local fixture sites and benchmarks (``danvan crawl --no-delay``) switch the delays off; nothing
else differs between a test crawl and a real one.
"""

from danvan_crawler import __version__

BOT_NAME = "danvan_crawler"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# An honest User-Agent that names the project, so webmasters can see who is crawling.
USER_AGENT = f"danvan-crawler/{__version__} (+https://pypi.org/project/danvan-crawler/; news research crawler)"
ROBOTSTXT_OBEY = True

# Politeness: few parallel requests per site, a delay, and AutoThrottle adapting to latency.
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Slow servers get time, but a hung one must not hold the run: bounded timeout and retries.
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Pages over 8 MB are not articles (scans, videos behind .html names).
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# Scrapy 2.19 spawns CONCURRENT_ITEMS tasks per callback result; 10 is plenty for one article
# per page and cut a plain crawl's time by about a third in measurements.
CONCURRENT_ITEMS = 10

DOWNLOADER_MIDDLEWARES = {
    # The guard runs first: nothing off-site (not even its robots.txt) is ever fetched.
    "danvan_crawler.middlewares.SiteGuardMiddleware": 10,
    "danvan_crawler.middlewares.TlsAuditMiddleware": 20,
    "danvan_crawler.middlewares.RedirectGuardMiddleware": 650,  # sees a 3xx before Scrapy follows it
    "danvan_crawler.middlewares.RetryAfterMiddleware": 555,  # before Scrapy's retry (550) sees 429/503
    "danvan_crawler.conditional.ConditionalRequestMiddleware": 560,
}
ITEM_PIPELINES = {
    "danvan_crawler.pipelines.ValidatePipeline": 100,
    "danvan_crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {"scrapy.extensions.telnet.TelnetConsole": None}

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# danvan settings
DANVAN_DB = "output/danvan.db"
DANVAN_RUN_ID = None  # set by the runner; one id shared by every site of a run
DANVAN_MAX_PAGES = 5000  # per site and run: a budget, so one huge or trapped site cannot eat a run
DANVAN_OTHER_DEPTH = 3  # hops through pages that are neither listings nor articles (menus, sections)
DANVAN_STOP_AFTER_KNOWN_PAGES = 1  # stop paging a listing after this many pages of only known articles
DANVAN_FULL = False  # re-walk everything, ignoring what is stored
DANVAN_SINCE = None  # ISO date: skip sitemap/feed entries and listing pages older than this
DANVAN_ALLOW_HOSTS = ()  # extra hosts (host:port) a site may be crawled on, e.g. tests' loopback sites
DANVAN_BACKOFF_SECONDS = 60  # after a 429/503 the site's raised delay holds this long (RetryAfterMiddleware)
# Processes that parse, classify and extract pages beside the reactor (danvan_crawler.workers); 0 = in-process.
DANVAN_EXTRACT_WORKERS = 1
