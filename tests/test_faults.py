"""Faults, bad input and traps: the crawl goes on, every reachable article is stored, every failure is
recorded per URL with its reason, and traps stay bounded. One real ``danvan crawl`` of the fault site
(tests/faultsite.py) over loopback; the assertions read the database and the server's request counts."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest

from danvan_crawler.middlewares import RetryAfterMiddleware
from tests.conftest import run_danvan, write_registry
from tests.faultsite import FORBIDDEN_PATH, fault_site, plain_site

CRAWL_ARGS = ("--no-delay", "--set", "DOWNLOAD_TIMEOUT=2", "--set", "DOWNLOAD_MAXSIZE=200000",
              "--set", "DANVAN_BACKOFF_SECONDS=3")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    with plain_site(name="other-nv") as other, fault_site(other.base) as site:
        registry = write_registry(tmp / "sites.toml", [site])
        db = tmp / "faults.db"
        result = run_danvan("crawl", "--db", str(db), *CRAWL_ARGS, env={"DANVAN_REGISTRY": str(registry)},
                            timeout=150)
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        yield {"site": site, "other": other, "result": result, "conn": conn}
        conn.close()


def stored(conn, site, path):
    return conn.execute(
        "SELECT a.* FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url LIKE ?",
        ["%" + path],
    ).fetchone()


def test_crawl_goes_on_and_ends_ok(crawled):
    result = crawled["result"]
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    status = crawled["conn"].execute("SELECT status FROM crawl_runs").fetchall()
    assert [r[0] for r in status] == ["ok"]
    assert crawled["conn"].execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_reachable_article_is_stored_intact(crawled):
    conn, site = crawled["conn"], crawled["site"]
    expected = [(a, "good") for a in site.good] + [(r.art, r.what) for r in site.repaired]
    problems = []
    for art, what in expected:
        path = site.redirect_target if art.id == 5010 else art.path
        row = stored(conn, site, path)
        if row is None:
            problems.append(f"{art.id} ({what}): not stored")
            continue
        if row["title"] != nfc(art.title):
            problems.append(f"{art.id} ({what}): title {row['title']!r} != {nfc(art.title)!r}")
        for p in art.paragraphs:
            if nfc(p) not in row["body"]:
                problems.append(f"{art.id} ({what}): paragraph missing or damaged: {p[:50]!r}")
                break
        if not (row["published_at"] or "").startswith(art.iso):
            problems.append(f"{art.id} ({what}): published_at {row['published_at']!r}, want {art.iso}")
        if row["body"] != nfc(row["body"]) or "\ufffd" in row["body"] + row["title"]:
            problems.append(f"{art.id} ({what}): text not NFC or holds replacement characters")
    assert not problems, "\n".join(problems)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)


def test_every_failure_is_recorded_with_its_reason(crawled):
    conn, site = crawled["conn"], crawled["site"]
    rows = conn.execute("SELECT url, reason, status FROM failures").fetchall()
    by_path = {}
    for r in rows:
        path = re.sub(r"^https?://[^/]+", "", r["url"])
        by_path.setdefault(path, []).append(r["reason"])
    problems = []
    for f in site.faults:
        reasons = by_path.pop(f.path, None)
        if not reasons:
            problems.append(f"{f.path}: no failure recorded (want {f.reason!r})")
        elif len(reasons) > 1:
            problems.append(f"{f.path}: recorded {len(reasons)} times: {reasons}")
        elif f.reason.lower() not in reasons[0].lower():
            problems.append(f"{f.path}: reason {reasons[0]!r}, want {f.reason!r}")
    problems += [f"unexpected failure {p}: {r}" for p, r in by_path.items()]
    assert not problems, "\n".join(problems)


def test_summary_counts_the_failures(crawled):
    conn, site = crawled["conn"], crawled["site"]
    line = next(ln for ln in crawled["result"].stdout.splitlines() if "fault-nv" in ln)
    errors = int(re.search(r"errors\s+(\d+)", line).group(1))
    assert errors == len(site.faults) == conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert conn.execute("SELECT errors FROM crawl_runs").fetchone()[0] == errors


def test_server_answers_are_honoured(crawled):
    site = crawled["site"]
    repaired = {r.art.id: r.art for r in site.repaired}
    faults = {f.id: f for f in site.faults}
    # 429 with Retry-After: 1, then 200: asked again once, and not before the second was over.
    times = site.times(repaired[5008].path)
    assert len(times) == 2 and times[1] - times[0] >= 0.95, times
    # 503 twice, then 200: three requests in all.
    assert site.requests[repaired[5007].path] == 3
    # 429 for ever: the first answer and MAX_TRIES polite retries, no more.
    assert site.requests[faults[9017].path] == 1 + RetryAfterMiddleware.MAX_TRIES
    # Retry-After: 3600 is more than a run waits: one request, no immediate retries either.
    assert site.requests[faults[9018].path] == 1
    # Permanent 500, reset, truncation, timeout: Scrapy's bounded retries (1 + RETRY_TIMES).
    for fid in (9001, 9002, 9004):
        assert site.requests[faults[fid].path] == 3, fid
    assert site.requests[faults[9003].path] <= 6
    # Statuses the retry does not cover are asked once.
    for fid in (9005, 9008, 9010, 9011, 9012, 9013, 9014, 9015, 9016):
        assert site.requests[faults[fid].path] == 1, fid


def test_forbidden_and_offsite_never_requested(crawled):
    site, other = crawled["site"], crawled["other"]
    assert site.requests[FORBIDDEN_PATH] == 0
    assert site.count(lambda p: p.startswith("/noi-bo/")) == 0
    assert other.count() == 0, dict(other.requests)


def test_traps_stay_bounded(crawled):
    site = crawled["site"]
    calendar = site.count(lambda p: p.startswith("/lich/"))
    pagination = site.count(lambda p: p.startswith("/thong-bao/"))
    session = site.count(lambda p: p.startswith("/gioi-thieu/?phien="))
    query = site.count(lambda p: p.startswith("/su-kien/?"))
    assert calendar <= 10, calendar
    assert pagination <= 4, pagination
    assert session <= 20, session
    assert query == 0, query
    assert site.count() < 120, site.count()


def test_redirect_origin_is_kept_as_an_alias(crawled):
    """The address that redirected is stored with the article, so the next run does not ask it again."""
    conn, site = crawled["conn"], crawled["site"]
    moved = next(r.art for r in site.repaired if r.art.id == 5010)
    old, new = stored(conn, site, moved.path), stored(conn, site, site.redirect_target)
    assert old is not None and new is not None and old["id"] == new["id"]
    kind = conn.execute("SELECT kind FROM article_urls WHERE url LIKE ?", ["%" + moved.path]).fetchone()[0]
    assert kind == "alias"
