"""End to end: the real command crawls the sample sites over HTTP into a real SQLite file."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

import pytest

from danvan_crawler.dedup import canonical_url
from tests.conftest import expected, run_danvan, sample_site, write_registry

SITES = ["wp_bdv", "joomla_school", "aspnet_portal", "nukeviet_dcs", "wp_rest"]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?…])\s", text.strip(), maxsplit=1)[0]


def row_for(conn: sqlite3.Connection, url: str) -> dict | None:
    conn.row_factory = sqlite3.Row
    r = conn.execute(
        "SELECT a.* FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?",
        [canonical_url(url)],
    ).fetchone()
    return dict(r) if r else None


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One registry crawl of the three CMS families, then a second identical one."""
    from danvan_crawler.sitesrv import serve

    tmp = tmp_path_factory.mktemp("e2e")
    roots = [sample_site(s) for s in SITES if sample_site(s).exists()]
    with serve(roots) as servers:
        registry = write_registry(tmp / "sites.toml", servers)
        db = tmp / "danvan.db"
        env = {"DANVAN_REGISTRY": str(registry)}
        first = run_danvan("crawl", "--db", str(db), "--no-delay", env=env)
        conn = sqlite3.connect(db)
        count_after_first = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        second = run_danvan("crawl", "--db", str(db), "--no-delay", env=env)
        yield {"servers": {s.name: s for s in servers}, "db": db, "first": first, "second": second,
               "count_after_first": count_after_first}


def test_first_crawl_succeeds(crawled):
    first = crawled["first"]
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Traceback" not in first.stderr
    assert "site(s) failed" in first.stdout


@pytest.mark.parametrize("site", SITES)
def test_every_fixture_article_stored_with_its_fields(crawled, site):
    server = crawled["servers"][site]
    conn = sqlite3.connect(crawled["db"])
    problems = []
    for exp in expected(sample_site(site))["articles"]:
        if exp.get("republishes"):
            continue
        row = row_for(conn, server.url(exp["path"]))
        if row is None:
            problems.append(f"{exp['path']}: not stored")
            continue
        if row["title"] != exp["title"]:
            problems.append(f"{exp['path']}: title {row['title']!r}")
        want = exp["published_at"]
        if (row["published_at"] or "")[: len(want)] != want:
            problems.append(f"{exp['path']}: published_at {row['published_at']!r} != {want!r}")
        if row["byline"] != exp.get("byline"):
            problems.append(f"{exp['path']}: byline {row['byline']!r} != {exp.get('byline')!r}")
        body = row["body"]
        if not body.startswith(exp["body_first"]):
            problems.append(f"{exp['path']}: body starts {body[:80]!r}")
        if not body.rstrip().endswith(exp["body_last"]):
            problems.append(f"{exp['path']}: body ends {body[-80:]!r}")
        assert unicodedata.is_normalized("NFC", body)
    assert not problems, "\n".join(problems)


def test_no_boilerplate_in_any_body(crawled):
    conn = sqlite3.connect(crawled["db"])
    bodies = [r[0] for r in conn.execute("SELECT body FROM articles")]
    assert bodies
    phrases = set()
    for site in SITES:
        phrases.update(expected(sample_site(site)).get("forbidden_phrases", []))
    # The boilerplate phrases of the site notes (docs/sites.md), whatever the fixture carries.
    phrases.update([
        "Email của bạn sẽ không được hiển thị công khai", "Các trường bắt buộc được đánh dấu",
        "Bài viết liên quan", "Tin liên quan", "Các tin khác", "Tin cùng chuyên mục", "Chia sẻ",
        "In bài này", "Gửi bài này", "Lượt xem", "Thống kê truy cập", "Bản quyền thuộc",
        "Những tin mới hơn", "Những tin cũ hơn", "Gửi bình luận", "Ý kiến bạn đọc",
    ])
    found = [(p, b[:60]) for b in bodies for p in phrases if p in b]
    assert not found, found


def test_seed_article(crawled):
    server = crawled["servers"]["wp_bdv"]
    conn = sqlite3.connect(crawled["db"])
    seed = next(e for e in expected(sample_site("wp_bdv"))["articles"] if e["title"].startswith("KỶ NIỆM 90 NĂM"))
    row = row_for(conn, server.url(seed["path"]))
    assert row is not None
    assert row["title"] == "KỶ NIỆM 90 NĂM NGÀY TRUYỀN THỐNG CÔNG TÁC DÂN VẬN CỦA ĐẢNG"
    assert row["byline"] == "Minh Hưng"
    assert re.match(r"2020-10-14T\d\d:\d\d:\d\d\+07:00$", row["published_at"])
    assert row["published_date"] == "2020-10-14"
    captions = json.loads(row["captions"])
    assert len(captions) == 2 and all(c.endswith("Ảnh: Minh Hưng") for c in captions)
    for caption in captions:
        assert caption not in row["body"]
    assert row["body"].rstrip().endswith(seed["body_last"])
    assert "Minh Hưng" not in row["body"]  # nothing of the credit line, nothing after it


def test_alias_urls_recorded(crawled):
    """?p=ID shortlinks and the permalink are one article with both URLs."""
    server = crawled["servers"]["wp_bdv"]
    conn = sqlite3.connect(crawled["db"])
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_urls = conn.execute("SELECT count(*) FROM article_urls").fetchone()[0]
    assert n_urls >= n_articles
    canonical_count = conn.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0]
    assert canonical_count == n_articles
    assert server.count() > 0


def test_second_crawl_adds_no_rows(crawled):
    second = crawled["second"]
    assert second.returncode == 0, second.stdout + second.stderr
    conn = sqlite3.connect(crawled["db"])
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == crawled["count_after_first"]
    runs = conn.execute("SELECT count(DISTINCT run_id) FROM crawl_runs").fetchone()[0]
    assert runs == 2
    new_second = conn.execute(
        "SELECT sum(articles_new) FROM crawl_runs WHERE run_id = (SELECT max(run_id) FROM crawl_runs)"
    ).fetchone()[0]
    assert new_second == 0


def test_wal_mode(crawled):
    conn = sqlite3.connect(crawled["db"])
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
