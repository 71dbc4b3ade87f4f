"""The crawl never leaves its site: no request to link-local, private-network or other loopback addresses,
no file: URLs, no off-site redirects, no robots-forbidden paths; page text is data, never SQL or a path.

Safety net of the test itself: the crawl runs with ``http_proxy`` pointing at a local sink server and
``no_proxy`` covering loopback, so even a broken guard could not send a packet to 169.254.169.254, 10.x or
192.168.x: such a request would reach the sink instead, and the sink must count zero.
"""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.conf import build_component_list

from danvan_crawler.middlewares import RedirectGuardMiddleware, SiteGuardMiddleware
from tests.conftest import run_danvan, write_registry
from tests.faultsite import FaultServer, article_page, html, make_article, plain_site

INJECTION = "Robert'); DROP TABLE articles;-- \" OR 1=1 --"


def evil_links(site_base: str, other_base: str, other_article: str) -> list[str]:
    port = site_base.rsplit(":", 1)[1]
    netloc = site_base.split("//", 1)[1]
    return [
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.169.254/latest/meta-data/iam/bai-viet-gia-mao-tu-metadata-4999.html",
        "http://10.0.0.1/tin-tuc/bai-noi-bo-cua-mang-rieng-4998.html",
        "http://192.168.1.1/",
        "http://192.168.1.1/admin/cau-hinh-bo-dinh-tuyen-trong-nha-4997.html",
        "//169.254.169.254/tin-tuc/giao-thuc-tuong-doi-mat-ten-mien-4992.html",
        "http://2852039166/tin-tuc/dia-chi-so-thap-phan-cua-metadata-4991.html",
        f"http://{netloc}@169.254.169.254/tin-tuc/ten-nguoi-dung-danh-lua-4994.html",
        "file:///etc/passwd",
        "file:///etc/shadow-bai-viet-4990.html",
        other_base + "/",
        other_base + other_article,
        f"http://localhost:{port}/tin-tuc/cung-may-qua-ten-localhost-4996.html",
        f"http://0.0.0.0:{port}/tin-tuc/cung-may-qua-dia-chi-khong-4993.html",
        f"http://[::1]:{port}/tin-tuc/cung-may-qua-ipv6-loopback-4989.html",
        "/noi-bo/tai-lieu-mat-cua-ban-thuong-vu-9900.html",
        "/tin-tuc/chuyen-sang-trang-khac-9007.html",
        "/tin-tuc/chuyen-den-may-chu-metadata-9008.html",
        "/tin-tuc/lam-moi-sang-mang-rieng-9009.html",
        "/tin-tuc/chuyen-sang-mang-rieng-9010.html",
    ]


FEED = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><title>&xxe;</title><link>&xxe;</link></item>
<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/tin-tuc/rss-4988.html</link></item>
<item><title>File</title><link>file:///etc/passwd</link></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def secured(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    sink = FaultServer("sink").start()  # the "network": anything not on loopback would be proxied here
    other = plain_site(name="other-nv", seed=9).start()
    site = plain_site(n=4, name="secure-nv")
    injected = make_article(5, seed=4)
    injected.title = INJECTION
    injected.paragraphs[0] = "Đoạn có dấu nháy ' và \" và ; -- cùng " + INJECTION + " " + injected.paragraphs[0]
    site.articles.append(injected)  # type: ignore[attr-defined]
    site.routes[injected.path] = html(200, article_page(injected))
    other_article = other.articles[0].path

    def home(h):
        links = "".join(f'<li><a href="{u}">Tin {i}: bài viết liên kết số {i}</a></li>'
                        for i, u in enumerate(evil_links(site.base, other.base, other_article)))
        items = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in site.articles)
        h.send(200, f"""<html><head><title>Trang chủ</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml" />
<meta http-equiv="refresh" content="3600" /></head>
<body><h1>Trang chủ</h1><ul>{items}</ul><ul>{links}</ul>
<img src="http://169.254.169.254/anh.png" /><iframe src="http://10.0.0.1/"></iframe>
<form action="http://192.168.1.1/dang-nhap"><input name="q" /></form></body></html>""")

    site.routes["/"] = home
    site.routes["/rss.xml"] = html(200, FEED, "application/rss+xml")
    site.routes["/tin-tuc/chuyen-sang-trang-khac-9007.html"] = lambda h: h.redirect(other.base + other_article)
    site.routes["/tin-tuc/chuyen-den-may-chu-metadata-9008.html"] = lambda h: h.redirect(
        "http://169.254.169.254/latest/meta-data/")
    site.routes["/tin-tuc/lam-moi-sang-mang-rieng-9009.html"] = html(
        200, '<html><head><meta http-equiv="refresh" content="0; url=http://10.0.0.1/tin-tuc/x-4001.html">'
             "</head><body>Đang chuyển trang…</body></html>")
    site.routes["/tin-tuc/chuyen-sang-mang-rieng-9010.html"] = lambda h: h.redirect(
        "http://192.168.1.1/tin-tuc/x-4002.html", 307)
    site.start()
    try:
        registry = write_registry(tmp / "sites.toml", [site])
        db = tmp / "security.db"
        env = {"DANVAN_REGISTRY": str(registry), "http_proxy": sink.base, "https_proxy": sink.base,
               "HTTP_PROXY": sink.base, "HTTPS_PROXY": sink.base, "no_proxy": "127.0.0.1,localhost,::1",
               "NO_PROXY": "127.0.0.1,localhost,::1"}
        result = run_danvan("crawl", "--db", str(db), "--no-delay", env=env, timeout=120)
        conn = sqlite3.connect(db)
        yield SimpleNamespace(site=site, other=other, sink=sink, result=result, conn=conn)
        conn.close()
    finally:
        site.stop()
        other.stop()
        sink.stop()


def test_crawl_succeeds(secured):
    assert secured.result.returncode == 0, secured.result.stdout + secured.result.stderr[-2000:]
    assert "Traceback" not in secured.result.stderr


def test_nothing_leaves_the_site(secured):
    assert secured.sink.count() == 0, dict(secured.sink.requests)  # no 169.254 / 10.x / 192.168 / 2852039166
    assert secured.other.count() == 0, dict(secured.other.requests)  # another loopback port is another host
    site = secured.site
    for marker in ("/noi-bo/", "localhost", "dia-chi-khong", "ipv6-loopback", "ten-nguoi-dung"):
        assert site.count(lambda p, m=marker: m in p) == 0, marker
    # No connection was even attempted: it would have left a refused / timed-out / DNS failure.
    reasons = [r for (r,) in secured.conn.execute("SELECT reason FROM failures")]
    assert not [r for r in reasons if any(w in r for w in ("refused", "timed out", "DNS", "connection lost"))]


def test_offsite_redirects_fail_under_the_linked_address(secured):
    rows = dict(secured.conn.execute("SELECT url, reason FROM failures").fetchall())
    by_path = {u.split("/", 3)[3]: r for u, r in rows.items()}
    for path in ("tin-tuc/chuyen-sang-trang-khac-9007.html", "tin-tuc/chuyen-den-may-chu-metadata-9008.html",
                 "tin-tuc/lam-moi-sang-mang-rieng-9009.html", "tin-tuc/chuyen-sang-mang-rieng-9010.html"):
        assert path in by_path and by_path[path].startswith("redirected off-site"), (path, by_path.get(path))


def test_page_text_is_data(secured):
    conn = secured.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
    assert INJECTION in titles
    assert len(titles) == len(secured.site.articles)
    body = conn.execute("SELECT body FROM articles WHERE title = ?", [INJECTION]).fetchone()[0]
    assert INJECTION in body
    assert conn.execute("SELECT count(*) FROM articles WHERE body LIKE '%root:%' OR title LIKE '%root:%'"
                        ).fetchone()[0] == 0
    tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "article_urls", "failures", "crawl_runs"} <= tables


def test_page_budget(tmp_path):
    from tests.faultsite import big_site

    with big_site(n=60, per_page=20, delay=0) as site:
        registry = write_registry(tmp_path / "sites.toml", [site])
        db = tmp_path / "budget.db"
        result = run_danvan("crawl", "--db", str(db), "--no-delay", "--max-pages", "12",
                            env={"DANVAN_REGISTRY": str(registry)}, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        # The spider's budget, plus robots.txt fetched by Scrapy's middleware on its own.
        assert site.count() <= 12 + 1, dict(site.requests)
        assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] <= 12


# -- the guards themselves, without a crawl ------------------------------------------------------


def guard_for(home: str, allowed=()) -> SiteGuardMiddleware:
    spider = SimpleNamespace(home=home, allowed_hosts=tuple(allowed))
    return SiteGuardMiddleware(SimpleNamespace(spider=spider))


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/", "http://[fe80::1]/",
    "http://127.0.0.1:8001/", "http://localhost:8000/", "http://[::1]:8000/", "http://0.0.0.0:8000/",
    "http://127.0.0.1:8000@169.254.169.254/", "http://2852039166/", "http://0xa9fea9fe/",
    "file:///etc/passwd", "ftp://127.0.0.1:8000/", "gopher://127.0.0.1:8000/", "data:text/html,x",
    "https://127.0.0.1/",  # another port (443) of the same address
    "http://127.0.0.1:99999/",  # unparsable port
])
def test_guard_refuses(url):
    guard = guard_for("http://127.0.0.1:8000/")
    assert guard.refusal(url), url
    try:
        request = Request(url)
    except ValueError:
        return  # Scrapy refuses to even build it
    with pytest.raises(IgnoreRequest):
        guard.process_request(request)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/tin-tuc/a-4001.html",
                                 "http://user@127.0.0.1:8000/x", "http://127.0.0.1:8001/explicitly-allowed"])
def test_guard_allows_the_site_and_explicit_hosts(url):
    assert guard_for("http://127.0.0.1:8000/", allowed=["127.0.0.1:8001"]).refusal(url) is None


def test_guard_on_public_hosts():
    guard = guard_for("https://tinhuy.laichau.dcs.vn/")
    assert guard.refusal("https://www.tinhuy.laichau.dcs.vn/tin-tuc/") is None
    for url in ("https://laichau.dcs.vn/", "https://tinhuy.laichau.dcs.vn.evil.example/",
                "http://169.254.169.254/", "https://tinhuy.laichau.dcs.vn:8443/"):
        assert guard.refusal(url), url


@pytest.mark.parametrize(("location", "why"), [
    ("http://169.254.169.254/latest/meta-data/", "redirected off-site"),
    ("http://127.0.0.1:8001/x", "redirected off-site"),
    ("file:///etc/passwd", "redirected off-site"),
    ("/a-4001.html", "redirect loop"),
])
def test_redirect_guard(location, why):
    guard = guard_for("http://127.0.0.1:8000/")
    mw = RedirectGuardMiddleware(guard.crawler)
    request = Request("http://127.0.0.1:8000/b-4002.html",
                      meta={"redirect_urls": ["http://127.0.0.1:8000/a-4001.html"]})
    response = Response(request.url, status=302, headers={"Location": location}, request=request)
    with pytest.raises(IgnoreRequest, match=why):
        mw.process_response(request, response)
    ok = Response(request.url, status=302, headers={"Location": "/c-4003.html"}, request=request)
    assert mw.process_response(request, ok) is ok


def test_guard_is_the_first_downloader_middleware():
    from danvan_crawler.crawl import build_settings

    settings = build_settings(__import__("pathlib").Path("/tmp/x.db"), "r")
    order = build_component_list(settings.getwithbase("DOWNLOADER_MIDDLEWARES"))
    assert order[0] == "danvan_crawler.middlewares.SiteGuardMiddleware"
    redirect = order.index("scrapy.downloadermiddlewares.redirect.RedirectMiddleware")
    assert order.index("danvan_crawler.middlewares.RedirectGuardMiddleware") > redirect  # sees 3xx first
