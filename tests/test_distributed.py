"""Distributed crawling: two scrapy-redis workers and one ingester against a real redis-server.

The Redis tests need ``redis-server`` on PATH and the ``distributed`` extra; without them they
are skipped, except under CI (``CI=true``), where they fail instead: CI must run them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from danvan_crawler.items import Article
from tests.conftest import ROOT, expected, run_danvan, sample_site, write_registry

SITES = ["wp_bdv", "joomla_school", "aspnet_portal"]
IDLE = "3"  # workers' --idle-timeout: both start together, so a few seconds is plenty
ARTICLE_COLUMNS = ("url", "site", "province", "title", "published_at", "published_date", "date_source", "byline",
                   "source", "lead", "body", "captions", "content_hash")


def _missing() -> str | None:
    if not shutil.which("redis-server"):
        return "redis-server is not installed (apt-get install redis-server)"
    try:
        import redis  # noqa: F401
        import scrapy_redis  # noqa: F401
    except ModuleNotFoundError as e:
        return f"the distributed extra is not installed ({e.name}): pip install -e '.[distributed]'"
    return None


def _require_redis() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the distributed tests: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    _require_redis()
    import redis

    port = _free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if proc.poll() is not None:
                    pytest.fail(f"redis-server exited with status {proc.returncode}")
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not answer within 5 s")
        yield url
    finally:
        client.close()
        proc.kill()
        proc.wait(timeout=10)


def _python_danvan(*args: str, env: dict, cwd: Path) -> subprocess.Popen:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "danvan_crawler", *args], cwd=cwd, env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen, timeout: float = 60) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"timed out: {proc.args}\n{out}\n{err}")
    return proc.returncode, out, err


def _articles(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS)}, d.url FROM articles a"
        " LEFT JOIN articles d ON d.id = a.duplicate_of ORDER BY a.url"
    ).fetchall()
    conn.close()
    return rows


def _article_urls(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT u.url, u.site, u.kind, u.published_at, a.url FROM article_urls u"
        " JOIN articles a ON a.id = u.article_id ORDER BY u.url"
    ).fetchall()
    conn.close()
    return rows


@pytest.fixture(scope="module")
def crawled(redis_url, tmp_path_factory):
    """The same fixture sites crawled by two workers + one ingester, then by one plain process."""
    import redis

    from danvan_crawler.sitesrv import serve

    tmp = tmp_path_factory.mktemp("distributed")
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    with serve([sample_site(s) for s in SITES]) as servers:
        env = {"DANVAN_REGISTRY": str(write_registry(tmp / "sites.toml", servers))}
        worker_args = ("crawl", "--redis", redis_url, "--no-delay", "--idle-timeout", IDLE)
        dist_db = tmp / "distributed.db"
        started = time.monotonic()
        workers = [_python_danvan(*worker_args, env=env, cwd=tmp / f"worker-{n}") for n in "ab"]
        ingester = _python_danvan("ingest", "--redis", redis_url, "--db", str(dist_db), "--idle-timeout", "8",
                                  env=env, cwd=tmp)
        worker_results = [_finish(w) for w in workers]
        ingest_result = _finish(ingester)
        distributed_seconds = time.monotonic() - started
        drained = run_danvan("ingest", "--redis", redis_url, "--db", str(dist_db), "--until-empty", env=env)
        requests = {s.name: dict(s.requests) for s in servers}
        leftover_keys = sorted(k for k in client.keys("danvan:*") if not k.endswith(":known"))
        known = {s.name.replace("_", "-"): client.smembers(f"danvan:{s.name.replace('_', '-')}:known")
                 for s in servers}

        # A second distributed run: the ingester published the stored URLs, so no article is fetched.
        for s in servers:
            s.reset_counts()
        rerun = _python_danvan(*worker_args, env=env, cwd=tmp / "worker-c")
        rerun_result = _finish(rerun)
        rerun_drain = run_danvan("ingest", "--redis", redis_url, "--db", str(dist_db), "--until-empty", env=env)
        rerun_requests = {s.name: dict(s.requests) for s in servers}

        for s in servers:
            s.reset_counts()
        single_db = tmp / "single.db"
        single = run_danvan("crawl", "--db", str(single_db), "--no-delay", env=env)
        client.close()
        yield {
            "tmp": tmp, "servers": {s.name: s for s in servers}, "workers": worker_results, "ingest": ingest_result,
            "drained": drained, "requests": requests, "leftover_keys": leftover_keys, "known": known,
            "dist_db": dist_db, "single_db": single_db, "single": single, "seconds": distributed_seconds,
            "rerun": rerun_result, "rerun_drain": rerun_drain, "rerun_requests": rerun_requests,
        }


def test_workers_and_ingester_succeed(crawled):
    for code, out, err in crawled["workers"]:
        assert code == 0, out + err
        assert "Traceback" not in err, err
    code, out, err = crawled["ingest"]
    assert code == 0, out + err
    assert "Traceback" not in err, err
    assert crawled["drained"].returncode == 0, crawled["drained"].stderr
    assert "ingest: 0 article(s)" in crawled["drained"].stdout  # the first ingester drained everything
    assert crawled["single"].returncode == 0, crawled["single"].stdout + crawled["single"].stderr
    assert crawled["seconds"] < 60


def test_workers_shared_one_run_per_site(crawled):
    """Both workers joined the same crawl generation of each site (one run id between them)."""
    runs = [dict(re.findall(r"^\s+\S+\s+(\S+)\s+pages.*\brun (\S+)", out, re.M)) for _, out, _ in crawled["workers"]]
    assert set(runs[0]) == {s.replace("_", "-") for s in SITES}, crawled["workers"][0][1]
    assert runs[0] == runs[1]


def test_each_page_fetched_once_in_all(crawled):
    """No path twice across both workers. The exception is /robots.txt: Scrapy's RobotsTxtMiddleware
    downloads it in every worker process, outside the scheduler, to obey it (plus the spider's own
    request for its Sitemap: lines, which does go through the shared dupefilter)."""
    for site, counts in crawled["requests"].items():
        robots = counts.pop("/robots.txt", 0)
        assert 1 <= robots <= 3, (site, robots)
        twice = {path: n for path, n in counts.items() if n > 1}
        assert not twice, (site, twice)
        assert counts, site


def test_every_article_stored_exactly_once(crawled):
    conn = sqlite3.connect(crawled["dist_db"])
    for name in SITES:
        server = crawled["servers"][name]
        for exp in expected(sample_site(name))["articles"]:
            url = server.url(exp["path"])
            from danvan_crawler.dedup import canonical_url

            rows = conn.execute(
                "SELECT a.title FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?",
                [canonical_url(url)],
            ).fetchall()
            assert len(rows) == 1, (name, exp["path"])
            if not exp.get("republishes"):
                assert rows[0][0] == exp["title"]
    hashes = conn.execute("SELECT content_hash, count(*) FROM articles GROUP BY 1 HAVING count(*) > 1").fetchall()
    assert not hashes
    conn.close()


def test_distributed_rows_equal_single_process_rows(crawled):
    dist, single = _articles(crawled["dist_db"]), _articles(crawled["single_db"])
    assert dist and dist == single
    assert _article_urls(crawled["dist_db"]) == _article_urls(crawled["single_db"])


def test_run_records_and_failures(crawled):
    def runs(db):
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT site, status, articles_new, duplicates, pages_fetched, run_id FROM crawl_runs"
                            " ORDER BY id").fetchall()
        conn.close()
        return rows

    dist = runs(crawled["dist_db"])[: len(SITES)]
    single = runs(crawled["single_db"])
    assert {r[0] for r in dist} == {s.replace("_", "-") for s in SITES}
    assert all(r[1] == "ok" and r[4] > 0 for r in dist), dist
    # How a republished story is counted (new twice when the copy arrives before the original,
    # new + duplicate the other way round) depends on the order of arrival, in a single process
    # too; the stored rows do not (test above). Every stored article was counted new once at least.
    stored = len(_articles(crawled["dist_db"]))
    assert sum(r[2] for r in dist) >= stored and sum(r[2] for r in single) >= stored
    conn = sqlite3.connect(crawled["dist_db"])
    sites = {r[0] for r in conn.execute("SELECT name FROM sites")}
    conn.close()
    assert sites == {s.replace("_", "-") for s in SITES}


def test_workers_write_no_database_and_generation_is_cleaned_up(crawled):
    for n in "ab":
        worker_dir = crawled["tmp"] / f"worker-{n}"
        assert not list(worker_dir.rglob("*.db")), list(worker_dir.rglob("*"))
        assert not list(worker_dir.rglob("*.lock"))
    # dupefilter, queue, queued set, workers and run id are gone; only the published known URLs stay
    assert crawled["leftover_keys"] == [], crawled["leftover_keys"]
    from danvan_crawler.storage import Store

    store = Store.open(crawled["dist_db"])
    for site, urls in crawled["known"].items():
        stored = store.known_urls(site)
        assert stored and urls == stored
    store.close()


def test_second_run_skips_stored_articles(crawled):
    code, out, err = crawled["rerun"]
    assert code == 0, out + err
    article_paths = {exp["path"] for s in SITES for exp in expected(sample_site(s))["articles"]}
    for site, counts in crawled["rerun_requests"].items():
        assert "/" in counts, site  # homepages and listings are walked again (a new generation)
        refetched = article_paths & set(counts)
        assert not refetched, (site, refetched)
    assert crawled["rerun_drain"].returncode == 0
    assert "0 new" in crawled["rerun_drain"].stdout, crawled["rerun_drain"].stdout
    conn = sqlite3.connect(crawled["dist_db"])
    rows = conn.execute("SELECT status, articles_new FROM crawl_runs ORDER BY id").fetchall()[len(SITES):]
    conn.close()
    assert len(rows) == len(SITES) and all(r == ("ok", 0) for r in rows), rows


# -- no redis-server needed ------------------------------------------------------------------------
def test_article_json_round_trip():
    from danvan_crawler.distributed import article_from_json, article_to_json

    nfd = unicodedata.normalize("NFD", "Ban Dân vận Tỉnh ủy “Dân vận khéo”")
    full = Article(url="http://x.vn/a?b=1#c", title=nfd, published_at="2020-10-14T08:30:00+07:00",
                   date_source="meta", byline="Minh Hưng", source=None, body="Đoạn một.\n\nĐoạn\u00a0hai.",
                   lead="Đoạn một.", captions=["Ảnh: A", "\u200bB"], canonical_href=None, site="wp-bdv",
                   province="Lai Châu", canonical_url="http://x.vn/a", content_hash="abc", hinted_date=None)
    for article in (full, Article(url="http://x.vn/")):
        text = article_to_json(article)
        back = article_from_json(text)
        assert back == article
        assert json.loads(text)["title"] == article.title  # no normalization on the way


def test_worker_overlay_settings():
    from danvan_crawler.crawl import build_settings
    from danvan_crawler.distributed import worker_overlay

    settings = build_settings(Path("x.db"), "r1")
    worker_overlay(settings, "redis://127.0.0.1:1/0", idle_timeout=5)
    assert settings["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert "%(spider)s" in settings["SCHEDULER_QUEUE_KEY"] and "%(spider)s" in settings["SCHEDULER_DUPEFILTER_KEY"]
    pipelines = settings.getdict("ITEM_PIPELINES")
    assert pipelines["danvan_crawler.pipelines.StorePipeline"] is None
    assert pipelines["danvan_crawler.distributed.RedisItemPipeline"] == 300
    assert pipelines["danvan_crawler.pipelines.ValidatePipeline"] == 100
    assert settings.getfloat("DANVAN_IDLE_TIMEOUT") == 5


def test_plain_cli_does_not_import_redis():
    code = ("import sys, danvan_crawler.cli as c; assert 'ingest' in c.main.commands;"
            " assert 'redis' not in sys.modules and 'scrapy_redis' not in sys.modules, 'redis imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_crawl_with_unreachable_redis_is_a_usage_error(tmp_path):
    port = _free_port()  # nothing listens there
    result = run_danvan("crawl", "http://127.0.0.1:9/", "--redis", f"redis://127.0.0.1:{port}/0", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "Redis" in result.stderr or "distributed extra" in result.stderr, result.stderr


def test_ingester_sets_unreadable_messages_aside(redis_url, tmp_path):
    import redis

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.rpush("danvan:items", "not json", json.dumps({"type": "article", "run_id": "r", "site": "s"}))
    result = run_danvan("ingest", "--redis", redis_url, "--db", str(tmp_path / "x.db"), "--until-empty")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert client.llen("danvan:items:bad") == 2 and client.llen("danvan:items") == 0
    client.delete("danvan:items:bad")
    client.close()
