"""Running a crawl: one Scrapy process, one spider per site, one lock per database.

The entry point sets the settings module itself (cron starts in any directory), runs every
site in one AsyncCrawlerProcess, and reads the run's rows back from ``crawl_runs`` to build
the summary the command prints and its exit status.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from scrapy.settings import Settings

from danvan_crawler.profiles import SiteProfile

EXIT_OK, EXIT_SITES_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


class CrawlLocked(Exception):
    """Another crawl holds the database's lock."""


@contextmanager
def crawl_lock(db_path: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock next to the database.

    ``flock`` is released by the kernel when its holder dies, so a lock left by a killed
    crawl is simply taken over by the next one: no stale-PID guessing.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            raise CrawlLocked(f"another crawl (pid {holder}) is writing {db_path}; not starting") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


@dataclass
class SiteResult:
    site: str
    status: str
    reason: str | None
    pages: int
    new: int
    updated: int
    duplicates: int
    errors: int


@dataclass
class RunSummary:
    run_id: str
    db_path: Path
    sites: list[SiteResult] = field(default_factory=list)
    log_file: Path | None = None
    drift: dict[str, list[str]] = field(default_factory=dict)

    @property
    def failed(self) -> list[SiteResult]:
        return [s for s in self.sites if s.status != "ok"]

    @property
    def exit_code(self) -> int:
        return EXIT_SITES_FAILED if self.failed or self.drift else EXIT_OK

    def lines(self) -> list[str]:
        out = [f"run {self.run_id}: {len(self.sites)} site(s), database {self.db_path}"]
        for s in self.sites:
            out.append(
                f"  {s.status:<11} {s.site:<28} pages {s.pages:>5}  new {s.new:>4}  updated {s.updated:>3}"
                f"  duplicates {s.duplicates:>3}  errors {s.errors:>3}" + (f"  ({s.reason})" if s.reason else "")
            )
        total_new = sum(s.new for s in self.sites)
        for site, reasons in self.drift.items():
            out.append(f"  drift       {site}: {'; '.join(reasons)} (see `danvan status`)")
        out.append(f"{total_new} new article(s); {len(self.failed)} site(s) failed; {len(self.drift)} drifting")
        if self.log_file:
            out.append(f"log: {self.log_file}")
        return out


def build_settings(db_path: Path, run_id: str, *, full: bool = False, since: str | None = None,
                   max_pages: int | None = None, no_delay: bool = False, allow_hosts: tuple[str, ...] = (),
                   log_file: Path | None = None, overrides: dict[str, str] | None = None) -> Settings:
    """The project's settings plus this run's choices."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "danvan_crawler.settings")
    settings = Settings()
    settings.setmodule("danvan_crawler.settings", priority="project")
    values: dict[str, object] = {
        "DANVAN_DB": str(db_path),
        "DANVAN_RUN_ID": run_id,
        "DANVAN_FULL": full,
        "DANVAN_SINCE": since,
        "DANVAN_ALLOW_HOSTS": list(allow_hosts),
    }
    if max_pages:
        values["DANVAN_MAX_PAGES"] = max_pages
    if no_delay:
        # For local fixture sites and benchmarks only: a real server deserves the delays.
        values.update(DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False, CONCURRENT_REQUESTS_PER_DOMAIN=8,
                      DOWNLOAD_DELAY_JITTER=0)
    if log_file:
        values.update(LOG_FILE=str(log_file), LOG_FILE_APPEND=False)
    settings.setdict(values, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def new_run_id() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


def run_crawl(profiles: list[SiteProfile], db_path: Path, *, progress=None, **options) -> RunSummary:
    """Crawl ``profiles`` into ``db_path`` (the caller holds the lock) and summarize the run."""
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.reactor import install_reactor

    from danvan_crawler.pipelines import close_stores, shared_store
    from spiders.provincial import ProvincialSpider

    run_id = new_run_id()
    log_dir = options.pop("log_dir", None)
    redis_url, idle_timeout = options.pop("redis_url", None), options.pop("idle_timeout", None)
    log_file = (Path(log_dir) / f"crawl-{run_id}.log") if log_dir else None
    if log_file:
        log_file.parent.mkdir(parents=True, exist_ok=True)
    settings = build_settings(db_path, run_id, log_file=log_file, **options)
    settings.set("DANVAN_PROGRESS", progress, priority="cmdline")
    if redis_url:  # a worker: shared frontier in Redis, articles to `danvan ingest`, no database
        from danvan_crawler.distributed import worker_overlay

        worker_overlay(settings, redis_url, idle_timeout=idle_timeout)
    install_reactor(settings["TWISTED_REACTOR"])
    process = AsyncCrawlerProcess(settings)
    if log_file is None:
        logging.getLogger("scrapy").setLevel(logging.WARNING)

    for profile in profiles:
        process.crawl(ProvincialSpider, profile=profile)
        if progress:
            progress(f"{profile.name}: crawling {profile.url}")
    process.start()
    if redis_url:
        from danvan_crawler.distributed import worker_summary

        return worker_summary(run_id, redis_url, profiles, log_file)
    from danvan_crawler.health import site_health

    store = shared_store(str(db_path))
    # A second SIGINT/SIGTERM stops the reactor before the spiders close: their rows still say running.
    store.db.execute(
        "UPDATE crawl_runs SET status = 'interrupted', reason = 'forced stop (second signal)'"
        " WHERE run_id = ? AND status = 'running'", [run_id])
    drift = {h.site: h.drift for h in site_health(store.db, [p.name for p in profiles]) if h.drift}
    rows = store.db.execute(
        "SELECT site, status, reason, pages_fetched, articles_new, articles_updated, duplicates, errors"
        " FROM crawl_runs WHERE run_id = ? ORDER BY id",
        [run_id],
    ).fetchall()
    close_stores()
    summary = RunSummary(run_id=run_id, db_path=db_path, log_file=log_file, drift=drift)
    seen = set()
    for r in rows:
        seen.add(r[0])
        summary.sites.append(SiteResult(*r))
    for p in profiles:  # a spider that never opened (bad URL) still gets a line
        if p.name not in seen:
            summary.sites.append(SiteResult(p.name, "failed", "the crawl did not start", 0, 0, 0, 0, 0))
    return summary


def stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
