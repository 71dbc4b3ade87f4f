"""Cron-ready crawling: full discovery, cheap re-runs, the lock, run records, drift, Retry-After."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from danvan_crawler.dedup import canonical_url
from danvan_crawler.sitesrv import load_site, serve
from tests.conftest import ROOT, expected, run_danvan, sample_site, write_registry

SEED = "/2020/10/14/ky-niem-90-nam-ngay-truyen-thong-cong-tac-dan-van-cua-dang/"
NEW = "/2020/10/20/ra-mat-mo-hinh-dan-van-kheo-tai-xa-ban-giang/"
NEW_TITLE = "Ra mắt mô hình “Dân vận khéo” tại xã Bản Giang"
NEW_PARAGRAPHS = [
    "Sáng 19/10, Ban Dân vận Huyện ủy Tam Đường phối hợp với Đảng ủy xã Bản Giang ra mắt mô hình "
    "“Dân vận khéo” trong phát triển cây chè gắn với xây dựng thương hiệu sản phẩm.",
    "Mô hình thu hút 46 hộ gia đình người Giáy và người Mông tham gia, với tổng diện tích hơn 30 ha chè "
    "được chăm sóc theo quy trình an toàn.",
    "Các hộ cam kết liên kết với hợp tác xã để bao tiêu sản phẩm, ổn định đầu ra và nâng cao thu nhập.",
    "Dịp này, Ban Dân vận Huyện ủy trao tặng 20 bình phun thuốc và 5 máy cắt chè cho các hộ tham gia mô hình.",
]


def copy_site(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(sample_site(name), target)
    return target


def add_article(site: Path) -> None:
    """Publish a new article between runs: a page, a link on the homepage and in the category."""
    seed = (site / SEED.strip("/") / "index.html").read_text("utf-8")
    credit = '<p style="text-align: right;"><strong>Tin: Hà Vy</strong></p>\n'
    body = "".join(f"<p>{p}</p>\n" for p in NEW_PARAGRAPHS) + credit
    old_body = (r'(<div class="entry-content">).*?'
                r'(<p style="text-align: right;"><strong>Tin, ảnh: Minh Hưng</strong></p>)')
    page = re.sub(old_body, lambda m: m.group(1) + "\n" + body, seed, flags=re.S)
    page = page.replace("KỶ NIỆM 90 NĂM NGÀY TRUYỀN THỐNG CÔNG TÁC DÂN VẬN CỦA ĐẢNG", NEW_TITLE)
    page = page.replace("2020-10-14T08:30:00+07:00", "2020-10-20T10:15:00+07:00")
    page = page.replace("2020-10-14T01:30:00+00:00", "2020-10-20T03:15:00+00:00")
    page = page.replace(SEED, NEW)
    out = site / NEW.strip("/") / "index.html"
    out.parent.mkdir(parents=True)
    out.write_text(page, "utf-8")
    link = f'<h2 class="entry-title"><a href="{NEW}" rel="bookmark">{NEW_TITLE}</a></h2>\n'
    for listing in (site / "index.html", site / "category" / "tin-tuc" / "index.html"):
        html = listing.read_text("utf-8")
        html = html.replace('<h2 class="entry-title">', link + '<h2 class="entry-title">', 1)
        listing.write_text(html, "utf-8")


def is_article_path(server, path: str) -> bool:
    paths = {e["path"] for e in expected(server.root)["articles"]} | {NEW}
    return path.split("?")[0] in paths


def crawl(db: Path, registry: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_danvan("crawl", "--db", str(db), "--no-delay", *extra, env={"DANVAN_REGISTRY": str(registry)})


def test_sitemap_with_half_the_articles_still_finds_all(tmp_path):
    site = sample_site("wp_bdv")
    sitemap_urls = set()
    for f in site.glob("wp-sitemap-posts-post-*.xml"):
        sitemap_urls |= set(re.findall(r"<loc>\{\{BASE\}\}([^<]+)</loc>", f.read_text("utf-8")))
    articles = {e["path"] for e in expected(site)["articles"]}
    assert 0 < len(sitemap_urls & articles) < len(articles)  # the fixture really hides some
    with serve([site]) as servers:
        registry = write_registry(tmp_path / "sites.toml", servers)
        result = crawl(tmp_path / "d.db", registry)
        assert result.returncode == 0, result.stdout + result.stderr
        wanted = {canonical_url(servers[0].url(p)) for p in articles}
    conn = sqlite3.connect(tmp_path / "d.db")
    stored = {u for (u,) in conn.execute("SELECT url FROM article_urls")}
    assert wanted <= stored, wanted - stored


def test_second_run_is_cheap_and_finds_the_new_article(tmp_path):
    site = copy_site("wp_bdv", tmp_path)
    server = load_site(site).start()
    try:
        registry = write_registry(tmp_path / "sites.toml", [server])
        db = tmp_path / "d.db"
        assert crawl(db, registry).returncode == 0
        first_fetches = server.count(lambda p: is_article_path(server, p))
        assert first_fetches >= 6
        add_article(site)
        server.reset_counts()
        second = crawl(db, registry)
        assert second.returncode == 0, second.stdout + second.stderr
        second_fetches = server.count(lambda p: is_article_path(server, p))
    finally:
        server.stop()
    conn = sqlite3.connect(db)
    titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
    assert NEW_TITLE in titles
    assert second_fetches <= max(1, 0.10 * first_fetches), (first_fetches, second_fetches)
    row = conn.execute("SELECT articles_new FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == 1
    # conditional requests: the unchanged sitemap was asked with its ETag and answered 304
    assert conn.execute("SELECT count(*) FROM http_cache").fetchone()[0] >= 1


def test_full_rewalks_everything(tmp_path):
    site = sample_site("wp_bdv")
    server = load_site(site).start()
    try:
        registry = write_registry(tmp_path / "sites.toml", [server])
        db = tmp_path / "d.db"
        assert crawl(db, registry).returncode == 0
        first = server.count(lambda p: is_article_path(server, p))
        server.reset_counts()
        assert crawl(db, registry, "--full").returncode == 0
        again = server.count(lambda p: is_article_path(server, p))
    finally:
        server.stop()
    assert again >= first - 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT sum(articles_new) FROM crawl_runs").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM articles WHERE site='wp-bdv'").fetchone()[0]


def test_rest_api_open_gives_exact_dates_without_fetching_pages(tmp_path):
    site = sample_site("wp_rest")
    with serve([site]) as servers:
        server = servers[0]
        registry = write_registry(tmp_path / "sites.toml", servers)
        result = crawl(tmp_path / "d.db", registry)
        assert result.returncode == 0, result.stdout + result.stderr
        page_fetches = server.count(lambda p: is_article_path(server, p))
        api_fetches = server.count(lambda p: p.startswith("/wp-json/"))
    conn = sqlite3.connect(tmp_path / "d.db")
    rows = {r[0]: r[1:] for r in conn.execute("SELECT title, published_at, date_source FROM articles")}
    for exp in expected(site)["articles"]:
        published, source = rows[exp["title"]]
        assert published == exp["published_at"]  # exact to the second
        assert source == "api"
    assert api_fetches >= 1
    assert page_fetches == 0


def test_rest_api_closed_falls_back_without_error(tmp_path):
    site = sample_site("wp_bdv")  # a WordPress site whose /wp-json/ answers 404
    with serve([site]) as servers:
        registry = write_registry(tmp_path / "sites.toml", servers)
        result = crawl(tmp_path / "d.db", registry)
        assert servers[0].count(lambda p: p.startswith("/wp-json/")) >= 1
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(tmp_path / "d.db")
    assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected(site)["articles"])


def slow_hook(delay: float):
    def hook(handler, path):
        time.sleep(delay)
        return False  # then answer normally

    return hook


def test_overlapping_crawls_second_exits_3(tmp_path):
    site = sample_site("joomla_school")
    server = load_site(site, hook=slow_hook(0.3)).start()
    try:
        registry = write_registry(tmp_path / "sites.toml", [server])
        db = tmp_path / "d.db"
        env = {"DANVAN_REGISTRY": str(registry)}
        first = subprocess.Popen(
            [sys.executable, "-m", "danvan_crawler", "crawl", "--db", str(db), "--no-delay"],
            cwd=ROOT, env={**__import__("os").environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.time() + 30
        while server.count() == 0 and time.time() < deadline:
            time.sleep(0.1)
        second = run_danvan("crawl", "--db", str(db), "--no-delay", env=env)
        out, err = first.communicate(timeout=120)
    finally:
        server.stop()
    assert second.returncode == 3, second.stderr
    assert "another crawl" in second.stderr and "Traceback" not in second.stderr
    assert first.returncode == 0, out + err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected(site)["articles"])


def test_lock_of_a_dead_process_is_taken_over(tmp_path):
    db = tmp_path / "d.db"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from pathlib import Path; from danvan_crawler.crawl import crawl_lock\n"
         f"with crawl_lock(Path({str(db)!r})):\n    print('locked', flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    from danvan_crawler.crawl import crawl_lock

    with crawl_lock(db):  # does not raise: the kernel released the dead holder's lock
        pass


def break_template(site: Path) -> None:
    """The site switches to a template whose article text arrives by JavaScript."""
    for page in (site / "2020").rglob("index.html"):
        html = page.read_text("utf-8")
        if 'class="entry-content"' not in html:
            continue
        html = re.sub(r'<div class="entry-content">.*?</article>',
                      '<div id="app" data-src="/api/post.json"></div><script>load()</script></article>',
                      html, flags=re.S)
        html = re.sub(r'<meta property="article:published_time"[^>]*>', "", html)
        page.write_text(html, "utf-8")


def test_template_change_is_flagged_as_drift(tmp_path):
    site = copy_site("wp_bdv", tmp_path)
    server = load_site(site).start()
    try:
        registry = write_registry(tmp_path / "sites.toml", [server])
        db = tmp_path / "d.db"
        assert crawl(db, registry).returncode == 0
        healthy = run_danvan("status", "--db", str(db))
        assert healthy.returncode == 0, healthy.stdout
        break_template(site)
        changed = crawl(db, registry, "--full")
    finally:
        server.stop()
    assert changed.returncode == 1, changed.stdout
    assert "drift" in changed.stdout and "wp-bdv" in changed.stdout
    status = run_danvan("status", "--db", str(db))
    assert status.returncode == 1
    line = next(ln for ln in status.stdout.splitlines() if ln.startswith("wp-bdv"))
    assert "no yield" in line


def test_retry_after_is_honoured(tmp_path):
    site = sample_site("nukeviet_dcs")
    times: list[tuple[float, str]] = []
    state = {"sent": False, "at": 0.0}

    def hook(handler, path):
        times.append((time.monotonic(), path))
        if path == "/tin-tuc/" and not state["sent"]:
            state["sent"], state["at"] = True, time.monotonic()
            handler.send_response(429)
            handler.send_header("Retry-After", "2")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return True
        return False

    server = load_site(site, hook=hook).start()
    try:
        registry = write_registry(tmp_path / "sites.toml", [server])
        # One request at a time, paced: with no delay at all Scrapy 2.19's asyncio downloader can
        # start queued requests together, which would blur what this test measures.
        result = crawl(tmp_path / "d.db", registry, "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
                       "--set", "DOWNLOAD_DELAY=0.05")
    finally:
        server.stop()
    assert state["sent"]
    assert result.returncode == 0, result.stdout + result.stderr
    after = [t for t, _ in times if t > state["at"]]
    assert after, "the server was never asked again"
    assert min(after) - state["at"] >= 1.9, min(after) - state["at"]
    assert sum(1 for _, p in times if p == "/tin-tuc/") == 2  # asked again once, after the wait
    conn = sqlite3.connect(tmp_path / "d.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected(site)["articles"])


@pytest.mark.parametrize("budget", [3])
def test_page_budget_per_site(tmp_path, budget):
    with serve([sample_site("wp_bdv")]) as servers:
        registry = write_registry(tmp_path / "sites.toml", servers)
        crawl(tmp_path / "d.db", registry, "--max-pages", str(budget))
        served = servers[0].count(lambda p: p != "/robots.txt")
    assert served <= budget


def test_registry_deny_patterns_are_obeyed(tmp_path):
    site = sample_site("wp_bdv")
    with serve([site]) as servers:
        server = servers[0]
        registry = tmp_path / "sites.toml"
        registry.write_text(
            f'[[site]]\nname = "wp-bdv"\ntitle = "x"\nprovince = "Lai Châu"\nurl = "{server.url("/")}"\n'
            f'cms = "wordpress"\nsource = "{server.url("/")}"\ndeny = ["^/2020/10/14/"]\n', "utf-8")
        result = crawl(tmp_path / "d.db", registry)
        denied = server.count(lambda p: p.startswith("/2020/10/14/"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert denied == 0
    conn = sqlite3.connect(tmp_path / "d.db")
    titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
    assert len(titles) == len(expected(site)["articles"]) - 1
    assert not any(t.startswith("KỶ NIỆM 90 NĂM") for t in titles)
