"""The ``danvan`` command: a thin click layer over crawl, storage, extraction and the registry.

Exit status everywhere: 0 fine, 1 some site failed (the summary says which and why),
2 bad usage or configuration (one line, no traceback), 3 another crawl holds the database.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from dataclasses import asdict, replace
from pathlib import Path

import click

from danvan_crawler import __version__
from danvan_crawler.cli_registry import check_sites_command, sites_command
from danvan_crawler.crawl import EXIT_LOCKED, CrawlLocked, crawl_lock, run_crawl, stderr
from danvan_crawler.distributed import ingest_command
from danvan_crawler.errors import ConfigError
from danvan_crawler.evaluation import eval_command
from danvan_crawler.health import status_command
from danvan_crawler.search import export_command, search_command

DEFAULT_DB = Path("output") / "danvan.db"


def _load_profiles(sites: tuple[str, ...], urls: tuple[str, ...]):
    from danvan_crawler.profiles import RegistryError, load_registry, profile_for_url, url_problem

    try:
        if urls:
            for u in urls:
                problem = url_problem(u)
                if problem:
                    raise ConfigError(f"{u}: {problem}")
            return [profile_for_url(u) for u in urls]
        registry = load_registry(os.environ.get("DANVAN_REGISTRY") or None)
    except RegistryError as e:
        raise ConfigError(str(e)) from None
    registry = [p for p in registry if p.enabled]
    if not sites:
        return registry
    by_name = {p.name: p for p in registry}
    missing = [s for s in sites if s not in by_name]
    if missing:
        raise ConfigError(f"unknown site(s): {', '.join(missing)} (see `danvan sites`)")
    return [by_name[s] for s in sites]


def _parse_set(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise ConfigError(f"--set takes KEY=VALUE, got {v!r}")
        k, val = v.split("=", 1)
        out[k.strip()] = val
    return out


def _run(profiles, db: Path, **options) -> int:
    try:
        # A distributed worker (--redis) does not write the database: the ingester holds its lock.
        with nullcontext() if options.get("redis_url") else crawl_lock(db):
            summary = run_crawl(profiles, db, progress=stderr, log_dir=db.parent / "logs", **options)
    except CrawlLocked as e:
        click.echo(f"danvan: {e}", err=True)
        return EXIT_LOCKED
    for line in summary.lines():
        click.echo(line)
    return summary.exit_code


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="danvan")
def main() -> None:
    """Crawl Vietnam's provincial Party committee sites into one SQLite dataset.

    \b
    Example:
        danvan crawl                  # every site of the bundled registry
        danvan demo                   # an offline crawl of the bundled sample sites
    """


@main.command()
@click.argument("urls", nargs=-1)
@click.option("--site", "sites", multiple=True, metavar="NAME", help="Crawl only this registry site (repeatable).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--full", is_flag=True, help="Re-walk everything, ignoring what is stored.")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this day.")
@click.option("--max-pages", type=int, help="Page budget per site for this run.")
@click.option("--no-delay", is_flag=True, help="No politeness delays: local fixture sites and benchmarks only.")
@click.option("--allow-host", "allow_hosts", multiple=True, hidden=True)
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="Override a Scrapy setting.")
@click.option("--strict-tls", is_flag=True,
              help="Verify TLS certificates: refuse expired, self-signed and legacy-renegotiation servers"
                   " (default: crawl them and record a warning in the run).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Run as one of several workers sharing this Redis frontier; `danvan ingest` stores.")
@click.option("--idle-timeout", type=float, metavar="S", help="With --redis: stop after S idle seconds [30].")
def crawl(urls, sites, db, full, since, max_pages, no_delay, allow_hosts, settings, strict_tls, redis_url,
          idle_timeout) -> None:
    """Crawl the registry's sites (or the homepages URLS) into the database.

    \b
    Examples:
        danvan crawl
        danvan crawl --site bdv-laichau --since 2024-01-01
        danvan crawl https://bdvtu.laichau.dcs.vn/ --db /tmp/laichau.db
        danvan crawl --redis redis://10.0.0.5:6379/0     # a worker (README: several machines)
    """
    if since:
        try:
            from datetime import date

            date.fromisoformat(since)
        except ValueError:
            raise ConfigError(f"--since takes a date like 2024-01-31, got {since!r}") from None
    profiles = _load_profiles(sites, urls)
    if not profiles:
        raise ConfigError("no sites to crawl")
    distributed = {}
    if redis_url:
        from danvan_crawler.distributed import redis_problem

        if problem := redis_problem(redis_url):
            raise ConfigError(problem)
        distributed = {"redis_url": redis_url, "idle_timeout": idle_timeout}
    overrides = _parse_set(settings)
    if strict_tls:
        from danvan_crawler.tls import strict_settings

        overrides.update(strict_settings())
    sys.exit(_run(profiles, db, full=full, since=since, max_pages=max_pages, no_delay=no_delay,
                  allow_hosts=tuple(allow_hosts), overrides=overrides, **distributed))


@main.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("output") / "demo.db",
              show_default=True)
def demo(db: Path) -> None:
    """Serve the bundled sample sites on 127.0.0.1 and crawl them: proof it works offline.

    \b
    Example:
        danvan demo --db /tmp/demo.db && sqlite-utils tables /tmp/demo.db --counts
    """
    from danvan_crawler.profiles import profile_for_url
    from danvan_crawler.sitesrv import sample_sites_dir, serve, site_folders

    folders = site_folders(sample_sites_dir())
    with serve(folders) as servers:
        profiles = []
        for s in servers:
            p = profile_for_url(s.url("/"))
            profiles.append(replace(p, name=s.name, title=s.meta.get("title", s.name),
                                    province=s.meta.get("province"), cms=s.meta.get("cms")))
            click.echo(f"serving {s.name:<16} at {s.url('/')}")
        code = _run(profiles, db, no_delay=True)
    from danvan_crawler.storage import open_db

    conn = open_db(db)
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    urls = conn.execute("SELECT count(*) FROM article_urls").fetchone()[0]
    conn.close()
    click.echo(f"demo: {n} articles ({urls} URLs) stored in {db}")
    sys.exit(code)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The address the page was served at (dates and links use it).")
def extract(file: Path, url: str) -> None:
    """Print the fields extracted from a saved page as JSON.

    \b
    Example:
        danvan extract page.html --url https://bdvtu.laichau.dcs.vn/2020/10/14/ky-niem/
    """
    from danvan_crawler.extraction import extract_article

    article = extract_article(file.read_bytes(), url)
    fields = asdict(article)
    for k in ("site", "province", "canonical_url", "content_hash", "hinted_date", "signature", "redirected_from"):
        fields.pop(k, None)
    click.echo(json.dumps(fields, ensure_ascii=False, indent=2))


# Commands that live beside what they drive: registry, evaluation, health, search, distributed ingest.
for _command in (sites_command, check_sites_command, eval_command, status_command, search_command,
                 export_command, ingest_command):
    main.add_command(_command)
