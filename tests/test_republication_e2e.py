"""Two sites, one republishing the other's stories: one article per story, every URL kept."""

from __future__ import annotations

import sqlite3

import pytest

from danvan_crawler.dedup import canonical_url
from danvan_crawler.sitesrv import serve
from tests.conftest import expected, run_danvan, sample_site, write_registry


@pytest.mark.parametrize("order", [("aspnet_portal", "wp_bdv"), ("wp_bdv", "aspnet_portal")])
def test_republished_story_is_stored_once(tmp_path, order):
    roots = [sample_site(name) for name in order]
    with serve(roots) as servers:
        by_name = {s.name: s for s in servers}
        db = tmp_path / "d.db"
        for server in servers:  # one site per run, in the given order
            registry = write_registry(tmp_path / f"{server.name}.toml", [server])
            result = run_danvan("crawl", "--db", str(db), "--no-delay", env={"DANVAN_REGISTRY": str(registry)})
            assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(db)
    portal = expected(sample_site("aspnet_portal"))["articles"]
    original = expected(sample_site("wp_bdv"))["articles"]
    copies = [e for e in portal if e.get("republishes")]
    assert len(copies) == 2
    n_stories = len(original) + len(portal) - len(copies)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n_stories
    for copy in copies:
        site, path = copy["republishes"].split(":", 1)
        original_url = canonical_url(by_name[site].url(path))
        copy_url = canonical_url(by_name["aspnet_portal"].url(copy["path"]))
        rows = dict(conn.execute(
            "SELECT url, article_id FROM article_urls WHERE url IN (?, ?)", [original_url, copy_url]
        ).fetchall())
        assert set(rows) == {original_url, copy_url}
        assert rows[original_url] == rows[copy_url]  # the same story
        article_site, article_url = conn.execute(
            "SELECT site, url FROM articles WHERE id = ?", [rows[original_url]]
        ).fetchone()
        assert (article_site, article_url) == ("wp-bdv", original_url)  # the earlier one stays the article
        kind, published = conn.execute(
            "SELECT kind, published_at FROM article_urls WHERE url = ?", [copy_url]
        ).fetchone()
        assert kind == "republished"
        assert published and published[:10] == copy["published_at"][:10]
    # every stored URL of both sites points at a stored article
    dangling = conn.execute(
        "SELECT count(*) FROM article_urls u LEFT JOIN articles a ON a.id = u.article_id WHERE a.id IS NULL"
    ).fetchone()[0]
    assert dangling == 0
