"""Scale-out: scrapy-redis workers on several machines share one frontier; one ingester writes SQLite.

``danvan crawl --redis redis://HOST:6379/0`` makes a process a *worker*. Each site's spider takes
its requests from a Redis priority queue and a Redis dupefilter shared by every worker
(``danvan:<site>:requests``, ``danvan:<site>:dupefilter``), so a page is fetched once in all: the
first worker's start requests (homepage, robots.txt, sitemaps) enter the shared dupefilter and
the same requests from the other workers are dropped. Workers have no database: extracted
articles go through ValidatePipeline and then, as JSON, to the Redis list ``danvan:items``
together with the run's failures and per-worker run reports. ``danvan ingest --redis …`` is the
single writer: it drains that list into SQLite through ``normalize_article`` and
``Store.save_article``, the code a single-process crawl uses.

Design choices:

* **Known URLs.** The ingester publishes ``Store.known_urls(site)`` into ``danvan:<site>:known``
  when it starts and again when it closes a site's run (the generation's last report); a worker's
  spider reads that set where a single-process spider reads the database. The dupefilter is *not* the cross-run memory:
  it would also remember the homepage and listings, and the next run would find nothing new.
* **Crawl generations.** Workers of a site register in ``danvan:<site>:workers``. The first one
  starts a generation and its run id becomes everybody's (``danvan:<site>:run``); when the last
  one leaves with an empty queue the generation ends and its dupefilter, queue and shared
  ``queued`` set are deleted, so the next run walks the homepage and listings again. A last
  worker stopped by a signal leaves the queue in place: the next workers resume it. (A worker
  killed with SIGKILL stays registered; ``redis-cli del danvan:<site>:workers`` clears it.)
* **Run records.** Each worker sends an ``open`` message, its failures and, on closing, its
  counters (pages, errors, empty fields…). The ingester keeps one ``crawl_runs`` row per
  generation and site: worker counters summed, stored/duplicate counts its own, status decided
  by ``run_status`` when the generation's last report arrives. Failures land in ``failures``.
* **Idle shutdown.** A scrapy-redis spider would idle forever. A worker closes a site once the
  shared queue has been empty, no worker has been busy on the site (``danvan:<site>:busy``,
  refreshed every second by a busy worker) and it has had nothing to do itself for
  ``--idle-timeout`` seconds. Workers should therefore start within that time of each other.
* The spider's per-run ``queued`` set (canonical article URLs already requested or produced from
  the REST API) is shared through Redis too, so one worker does not fetch an article page another
  already has from the API. Conditional requests (stored validators) are off in workers.

Redis and scrapy-redis are imported only when ``--redis`` is used (the ``distributed`` extra).
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import click

from danvan_crawler.items import Article

PREFIX = "danvan"
ITEMS_KEY = f"{PREFIX}:items"
PROCESSING_KEY = f"{PREFIX}:items:processing"  # the message being stored: replayed after a crash
BAD_KEY = f"{PREFIX}:items:bad"  # messages the ingester could not read, kept for a look
DEFAULT_IDLE_TIMEOUT = 30.0
POLL_SECONDS = 1.0
BUSY_TTL_MS = 3000
KNOWN_BATCH = 1000
WORKER_COUNTERS = ("pages_fetched", "extracted", "errors", "empty_date", "empty_byline", "empty_body")


def site_key(site: str, what: str) -> str:
    """``danvan:<site>:<what>``: requests, dupefilter, queued, known, workers, run, busy."""
    return f"{PREFIX}:{site}:{what}"


def connect(url: str):
    """A Redis client (strings in, strings out) for ``url``."""
    import redis

    return redis.Redis.from_url(url, decode_responses=True, socket_timeout=30, socket_connect_timeout=10)


def redis_problem(url: str) -> str | None:
    """Why ``url`` cannot be used (extra not installed, bad URL, unreachable), or None."""
    try:
        import redis
        import scrapy_redis  # noqa: F401
    except ModuleNotFoundError:
        return "--redis needs the distributed extra: pip install 'danvan-crawler[distributed]'"
    try:
        connect(url).ping()
    except ValueError as e:
        return f"bad Redis URL {url!r}: {e}"
    except redis.RedisError as e:
        return f"cannot reach Redis at {url}: {e}"
    return None


# -- articles as JSON ----------------------------------------------------------------------------
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def article_to_json(article: Article) -> str:
    """An Article as a JSON object (every field; ``article_from_json`` gives it back equal)."""
    return json.dumps(asdict(article), ensure_ascii=False)


def article_from_dict(data: dict[str, Any]) -> Article:
    article = Article(**{k: data[k] for k in _ARTICLE_FIELDS if k in data})
    if article.signature is not None:  # JSON has lists; the fingerprint is a tuple
        article.signature = tuple(article.signature)
    return article


def article_from_json(text: str | bytes) -> Article:
    return article_from_dict(json.loads(text))


# -- the worker side -----------------------------------------------------------------------------
def worker_overlay(settings, redis_url: str, *, idle_timeout: float | None = None) -> None:
    """Turn a crawl's settings into a worker's: shared Redis scheduler and dupefilter, items to
    Redis instead of SQLite, no component that opens the database."""
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    pipelines["danvan_crawler.pipelines.StorePipeline"] = None
    pipelines["danvan_crawler.distributed.RedisItemPipeline"] = 300
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["danvan_crawler.conditional.ConditionalRequestMiddleware"] = None  # stored validators
    settings.setdict({
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": f"{PREFIX}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{PREFIX}:%(spider)s:dupefilter",
        # Other workers still use the frontier when one closes; the last one ends the generation.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "REDIS_URL": redis_url,
        "DANVAN_REDIS_URL": redis_url,
        "DANVAN_IDLE_TIMEOUT": DEFAULT_IDLE_TIMEOUT if idle_timeout is None else idle_timeout,
        "DANVAN_SPIDER_STORE": "danvan_crawler.distributed.worker_store",
        "ITEM_PIPELINES": pipelines,
        "DOWNLOADER_MIDDLEWARES": middlewares,
    }, priority="cmdline")


class SharedSet:
    """A set of strings in Redis with the two operations the spider uses on ``queued``."""

    def __init__(self, client, key: str):
        self.client, self.key = client, key

    def __contains__(self, value: object) -> bool:
        return bool(self.client.sismember(self.key, value))

    def add(self, value: str) -> None:
        self.client.sadd(self.key, value)


# KEYS: workers, run, dupefilter, requests, queued; ARGV: worker id, run id if a generation starts.
_JOIN = """
local first = redis.call('SCARD', KEYS[1]) == 0
redis.call('SADD', KEYS[1], ARGV[1])
if first and redis.call('ZCARD', KEYS[4]) == 0 then
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[5])
end
redis.call('SET', KEYS[2], ARGV[2], 'NX')
return {first and 1 or 0, redis.call('GET', KEYS[2])}
"""
# KEYS: workers, run, dupefilter, requests, queued, busy; ARGV: worker id.
# Returns 0 others remain, 1 the generation ended, 2 the last worker left a frontier to resume.
_LEAVE = """
redis.call('SREM', KEYS[1], ARGV[1])
if redis.call('SCARD', KEYS[1]) > 0 then return 0 end
if redis.call('ZCARD', KEYS[4]) > 0 then return 2 end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[5], KEYS[6])
return 1
"""

_reports: list[dict] = []  # this process's closing reports, for the worker summary


def worker_store(spider) -> WorkerLink:
    """The spider's ``store`` in a worker (named by the DANVAN_SPIDER_STORE setting)."""
    return WorkerLink(spider)


class WorkerLink:
    """One site's spider in a worker: its stand-in store, its messages and its idle shutdown.

    The spider calls ``known_urls`` and ``record_failure`` as it would on a ``Store``.
    """

    def __init__(self, spider):
        from scrapy import signals

        self.spider = spider
        self.crawler = crawler = spider.crawler
        settings = crawler.settings
        self.site = spider.name  # the profile's name, also scrapy-redis's %(spider)s
        self.client = connect(settings.get("DANVAN_REDIS_URL"))
        self.idle_timeout = settings.getfloat("DANVAN_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT)
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        self.run_id = settings.get("DANVAN_RUN_ID") or time.strftime("%Y%m%dT%H%M%S")
        self.keys = {w: site_key(self.site, w)
                     for w in ("workers", "run", "dupefilter", "requests", "queued", "busy", "known")}
        self.idle_since: float | None = None
        self.items_sent = 0
        self._loop = None
        spider.queued = SharedSet(self.client, self.keys["queued"])
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    # -- the Store stand-in ----------------------------------------------------------------------
    def known_urls(self, site: str) -> set[str]:
        return set(self.client.smembers(site_key(site, "known")))

    def record_failure(self, run_id: str, site: str, url: str, reason: str, status: int | None = None) -> None:
        self._send({"type": "failure", "url": url, "reason": reason, "status": status})

    def send_article(self, article: Article) -> None:
        self._send({"type": "article", "article": asdict(article)})
        self.items_sent += 1

    def _send(self, message: dict) -> None:
        message.update(run_id=self.run_id, site=self.site, worker=self.worker)
        self.client.rpush(ITEMS_KEY, json.dumps(message, ensure_ascii=False))

    # -- lifecycle -------------------------------------------------------------------------------
    def _keys(self, *names: str) -> list[str]:
        return [self.keys[n] for n in names]

    def spider_opened(self, spider) -> None:
        from twisted.internet import task

        first, self.run_id = self.client.eval(
            _JOIN, 5, *self._keys("workers", "run", "dupefilter", "requests", "queued"), self.worker, self.run_id)
        spider.run_id = self.run_id
        p = spider.profile
        self._send({"type": "open", "first": bool(first), "profile": {
            "name": p.name, "title": p.title, "url": p.url, "province": p.province, "cms": p.cms}})
        self._loop = task.LoopingCall(self._tick)
        self._loop.start(POLL_SECONDS, now=False)

    def _tick(self) -> None:
        """Every second: tell the others this worker is busy, or look at the shared queue again
        (Scrapy's own heartbeat only polls the scheduler every five seconds)."""
        engine = self.crawler.engine
        try:
            busy = not engine.spider_is_idle()
        except (AttributeError, RuntimeError):  # closing
            return
        if busy:
            self.idle_since = None
            self.client.set(self.keys["busy"], self.worker, px=BUSY_TTL_MS)
            return
        nextcall = getattr(getattr(engine, "_slot", None), "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()  # fetches what other workers queued; fires spider_idle when none

    def spider_idle(self, spider) -> None:
        from scrapy.exceptions import DontCloseSpider

        busy = self.client.get(self.keys["busy"])
        if busy == self.worker:
            self.client.delete(self.keys["busy"])
            busy = None
        if busy or self.client.zcard(self.keys["requests"]):
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_timeout:
            raise DontCloseSpider
        # Nothing queued, nobody busy, for idle_timeout seconds: the engine closes the spider.

    def spider_closed(self, spider, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        left = self.client.eval(
            _LEAVE, 6, *self._keys("workers", "run", "dupefilter", "requests", "queued", "busy"), self.worker)
        counts = {k: int(v) for k, v in spider.counts.items() if isinstance(v, int)}
        failure = spider.failures[0][1] if spider.failures else None
        self._send({"type": "close", "reason": reason, "counts": counts, "home_error": spider.home_error,
                    "first_failure": failure, "ended": int(left),
                    "warnings": list(getattr(spider, "run_warnings", None) or ())})
        if reason in ("shutdown", "interrupted"):
            status, why = "interrupted", "stopped by a signal"
        elif spider.home_error and not self.items_sent:
            status, why = "failed", f"homepage: {spider.home_error}"
        else:
            status, why = "ok", None
        report = {"site": self.site, "run_id": self.run_id, "status": status, "reason": why,
                  "pages": counts.get("pages_fetched", 0), "items": self.items_sent,
                  "errors": counts.get("errors", 0), "ended": int(left), "worker": self.worker}
        _reports.append(report)
        progress = self.crawler.settings.get("DANVAN_PROGRESS")
        if progress:
            progress(f"{self.site}: {status}, {report['pages']} pages, {self.items_sent} articles sent to Redis,"
                     f" {report['errors']} errors" + (f" ({why})" if why else ""))
        self.client.close()


class RedisItemPipeline:
    """In place of StorePipeline in a worker: each validated article goes to ``danvan:items``."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        self.crawler.spider.store.send_article(item)
        return item


@dataclass
class WorkerSummary:
    """What one worker process did, printed by ``danvan crawl --redis`` (the database is elsewhere)."""

    run_id: str
    redis_url: str
    reports: list[dict] = field(default_factory=list)
    log_file: Path | None = None

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.reports if r["status"] != "ok"]

    @property
    def exit_code(self) -> int:
        from danvan_crawler.crawl import EXIT_OK, EXIT_SITES_FAILED

        return EXIT_SITES_FAILED if self.failed else EXIT_OK

    def lines(self) -> list[str]:
        out = [f"worker {socket.gethostname()}:{os.getpid()}: {len(self.reports)} site(s), frontier {self.redis_url}"]
        for r in self.reports:
            end = {0: "", 1: "  (crawl finished)", 2: "  (frontier kept for the next workers)"}[r["ended"]]
            out.append(f"  {r['status']:<11} {r['site']:<28} pages {r['pages']:>5}  sent {r['items']:>4}"
                       f"  errors {r['errors']:>3}  run {r['run_id']}" + (f"  ({r['reason']})" if r["reason"] else "")
                       + end)
        out.append(f"{sum(r['items'] for r in self.reports)} article(s) sent to {ITEMS_KEY};"
                   f" {len(self.failed)} site(s) failed; `danvan ingest` stores them")
        if self.log_file:
            out.append(f"log: {self.log_file}")
        return out


def worker_summary(run_id: str, redis_url: str, profiles, log_file: Path | None) -> WorkerSummary:
    reports = list(_reports)
    _reports.clear()
    seen = {r["site"] for r in reports}
    for p in profiles:
        if p.name not in seen:
            reports.append({"site": p.name, "run_id": run_id, "status": "failed", "reason": "the crawl did not start",
                            "pages": 0, "items": 0, "errors": 0, "ended": 0, "worker": ""})
    return WorkerSummary(run_id, redis_url, reports, log_file)


# -- the ingester --------------------------------------------------------------------------------
@dataclass
class _Run:
    row: int
    counts: Counter = field(default_factory=Counter)
    home_error: str | None = None
    first_failure: str | None = None
    interrupted: bool = False
    ended: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestStats:
    messages: int = 0
    outcomes: Counter = field(default_factory=Counter)
    failures: int = 0
    runs_closed: int = 0

    def line(self) -> str:
        o = self.outcomes
        return (f"ingest: {sum(o.values())} article(s): {o['new']} new, {o['updated']} updated,"
                f" {o['duplicate'] + o['republished']} duplicates, {o['unchanged']} unchanged, {o['dropped']} dropped;"
                f" {self.failures} failure(s); {self.runs_closed} run(s) closed")


class Ingester:
    """The single writer: messages from ``danvan:items`` into the database, known URLs back to Redis."""

    def __init__(self, client, store, progress=None):
        self.client, self.store, self.progress = client, store, progress
        self.runs: dict[tuple[str, str], _Run] = {}
        self.stats = IngestStats()

    def publish_known(self, sites: list[str] | None = None) -> int:
        """What the store says is known for each site into its ``known`` set, for the next workers.

        Within a run the shared dupefilter and ``queued`` set keep workers from fetching a page
        twice; this is the memory between runs.
        """
        if sites is None:
            sites = [r[0] for r in self.store.db.execute("SELECT DISTINCT site FROM article_urls") if r[0]]
        n = 0
        for site in sites:
            keys = list(self.store.known_urls(site))
            for i in range(0, len(keys), KNOWN_BATCH):
                self.client.sadd(site_key(site, "known"), *keys[i:i + KNOWN_BATCH])
            n += len(keys)
        return n

    def _run(self, run_id: str, site: str) -> _Run:
        key = (run_id, site)
        if key not in self.runs:
            row = self.store.db.execute(
                "SELECT * FROM crawl_runs WHERE run_id = ? AND site = ? ORDER BY id LIMIT 1", [run_id, site]
            ).fetchone()
            if row is None:
                self.runs[key] = _Run(self.store.start_run(run_id, site))
            else:  # the ingester was restarted during this run: carry on with its counters
                cols = [d[0] for d in self.store.db.execute("SELECT * FROM crawl_runs LIMIT 0").description]
                values = dict(zip(cols, row, strict=True))
                counts = Counter({k: int(values[k] or 0) for k in cols
                                  if k in (*WORKER_COUNTERS, "articles_new", "articles_updated", "duplicates")})
                self.runs[key] = _Run(values["id"], counts)
        return self.runs[key]

    def handle(self, message: dict) -> None:
        from danvan_crawler.pipelines import StorePipeline, normalize_article, run_status

        kind, run_id, site = message.get("type"), message.get("run_id", "?"), message.get("site", "?")
        run = self._run(run_id, site)
        self.stats.messages += 1
        if kind == "open":
            p = message["profile"]
            self.store.upsert_site(p["name"], p["title"], p["url"], p.get("province"), p.get("cms"))
        elif kind == "article":
            article = normalize_article(article_from_dict(message["article"]))
            if not article.title or not article.body:  # workers validate already: only a foreign producer
                self.store.record_failure(run_id, site, article.url, "no article text extracted")
                run.counts.update(errors=1, empty_body=1)
                self.stats.outcomes["dropped"] += 1
                return
            result = self.store.save_article(article)
            self.stats.outcomes[result.outcome] += 1
            run.counts[StorePipeline.OUTCOME_COUNTER[result.outcome]] += 1
        elif kind == "failure":
            self.store.record_failure(run_id, site, message["url"], message["reason"], message.get("status"))
            self.stats.failures += 1
        elif kind == "close":
            for k, v in (message.get("counts") or {}).items():
                if k in WORKER_COUNTERS:
                    run.counts[k] += int(v)
            run.home_error = run.home_error or message.get("home_error")
            run.first_failure = run.first_failure or message.get("first_failure")
            run.warnings.extend(w for w in message.get("warnings") or () if w not in run.warnings)
            run.interrupted |= message.get("reason") in ("shutdown", "interrupted") or message.get("ended") == 2
            was_ended, run.ended = run.ended, run.ended or message.get("ended") in (1, 2)
            # A report that arrives after the last one (a race between leaving and sending) re-closes.
            if run.ended:
                status, why = run_status("shutdown" if run.interrupted else "finished", run.counts,
                                         run.home_error, run.first_failure)
                self.store.finish_run(run.row, status, run.counts, why, warnings=run.warnings)
                if not was_ended:
                    self.stats.runs_closed += 1
                    self.publish_known([site])
                    if self.progress:
                        self.progress(f"{site}: run {run_id} {status}, {run.counts['pages_fetched']} pages,"
                                      f" {run.counts['articles_new']} new" + (f" ({why})" if why else ""))

    def flush(self) -> None:
        """Counters of runs still going into their rows (status stays 'running')."""
        for run in self.runs.values():
            if not run.ended:
                self.store.finish_run(run.row, "running", run.counts, warnings=run.warnings)

    def run(self, *, until_empty: bool = False, idle_timeout: float | None = None) -> IngestStats:
        """Drain messages: until the list is empty, until ``idle_timeout`` seconds pass without
        one, or forever. A message is stored before it leaves ``danvan:items:processing``."""
        while self.client.lmove(PROCESSING_KEY, ITEMS_KEY, "RIGHT", "LEFT"):
            pass  # left by a killed ingester: storing twice is harmless (same URL → unchanged)
        last = time.monotonic()
        try:
            while True:
                if until_empty:
                    raw = self.client.lmove(ITEMS_KEY, PROCESSING_KEY, "LEFT", "RIGHT")
                else:
                    raw = self.client.blmove(ITEMS_KEY, PROCESSING_KEY, 1, "LEFT", "RIGHT")
                if raw is None:
                    if until_empty or (idle_timeout is not None and time.monotonic() - last >= idle_timeout):
                        break
                    continue
                try:
                    self.handle(json.loads(raw))
                except (ValueError, KeyError, TypeError, AttributeError) as e:  # not a worker's message
                    self.client.rpush(BAD_KEY, raw)
                    if self.progress:
                        self.progress(f"ingest: unreadable message moved to {BAD_KEY} ({type(e).__name__}: {e})")
                self.client.lrem(PROCESSING_KEY, 1, raw)
                last = time.monotonic()
        finally:
            self.flush()
        return self.stats


def ingest(redis_url: str, db_path: Path, *, until_empty: bool = False, idle_timeout: float | None = None,
           progress=None) -> IngestStats:
    """Publish the stored URLs, then store what the workers send (the caller holds the lock)."""
    from danvan_crawler.storage import Store

    client = connect(redis_url)
    store = Store.open(db_path)
    try:
        ingester = Ingester(client, store, progress)
        n = ingester.publish_known()
        if progress:
            progress(f"ingest: {n} stored URL(s) published for the workers; reading {ITEMS_KEY}")
        return ingester.run(until_empty=until_empty, idle_timeout=idle_timeout)
    finally:
        store.close()
        client.close()


@click.command("ingest")
@click.option("--redis", "redis_url", required=True, metavar="URL", help="The workers' Redis, e.g. redis://HOST:6379/0.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("output") / "danvan.db",
              show_default=True)
@click.option("--until-empty", is_flag=True, help="Stop as soon as no message is waiting.")
@click.option("--idle-timeout", type=float, metavar="S", help="Stop after S seconds without a message.")
def ingest_command(redis_url: str, db: Path, until_empty: bool, idle_timeout: float | None) -> None:
    """Store what `danvan crawl --redis` workers send: the single writer of the database.

    Runs until interrupted unless --until-empty or --idle-timeout says otherwise. It also
    publishes the stored URLs to Redis, so the next workers skip the articles already stored.

    \b
    Example:
        danvan ingest --redis redis://10.0.0.5:6379/0 --db output/danvan.db --idle-timeout 600
    """
    import sys

    from danvan_crawler.crawl import EXIT_LOCKED, CrawlLocked, crawl_lock, stderr
    from danvan_crawler.errors import ConfigError

    if until_empty and idle_timeout is not None:
        raise ConfigError("give --until-empty or --idle-timeout, not both")
    problem = redis_problem(redis_url)
    if problem:
        raise ConfigError(problem)
    try:
        with crawl_lock(db):
            stats = ingest(redis_url, db, until_empty=until_empty, idle_timeout=idle_timeout, progress=stderr)
    except CrawlLocked as e:
        click.echo(f"danvan: {e}", err=True)
        sys.exit(EXIT_LOCKED)
    except KeyboardInterrupt:
        click.echo("ingest: interrupted", err=True)
        sys.exit(130)
    click.echo(stats.line())
