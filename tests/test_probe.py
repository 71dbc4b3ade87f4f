"""The homepage probe and the registry commands, against real HTTP servers on 127.0.0.1 only."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_crawler.cli_registry import check_sites_command, sites_command
from danvan_crawler.probe import detect_cms, find_feed_links, probe_sites
from danvan_crawler.profiles import SiteProfile

WP_HOME = """<!DOCTYPE html><html lang="vi"><head>
<meta charset="utf-8"><title>Ban Dân vận Tỉnh ủy Thử</title>
<meta name="generator" content="WordPress 6.4.2">
<link rel="https://api.w.org/" href="/wp-json/">
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">
<link rel="stylesheet" href="/wp-content/themes/x/style.css">
</head><body><h1>Tin tức</h1><a href="/2024/10/dan-van-kheo/">Dân vận khéo</a></body></html>"""

NV_HOME = """<html><head><meta name="generator" content="NukeViet v4.5">
<link rel="alternate" href="/index.php/rss/" title="Tin Tức" type="application/rss+xml">
</head><body><div class="news_column">x</div></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>http://x/a</link></item></channel></rss>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://x/wp-sitemap-posts-post-1.xml</loc></sitemap></sitemapindex>"""


def make_handler(routes: dict[str, tuple[int, str, str]]):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            status, ctype, body = routes.get(self.path.split("?")[0], (404, "text/plain", "not found"))
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep test output quiet
            pass

    return Handler


def serve(routes: dict[str, tuple[int, str, str]]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(routes))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


WP_ROUTES = {
    "/": (200, "text/html; charset=utf-8", WP_HOME),
    "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /wp-admin/\n"),
    "/wp-sitemap.xml": (200, "application/xml", SITEMAP),
    "/feed/": (200, "application/rss+xml; charset=UTF-8", RSS),
    "/wp-json/wp/v2/posts": (200, "application/json", json.dumps([{"id": 1, "title": {"rendered": "a"}}])),
}
NV_ROUTES = {
    "/": (200, "text/html; charset=utf-8", NV_HOME),
    "/robots.txt": (200, "text/plain", "User-agent: *\nSitemap: /sitemap.xml\n"),
    "/sitemap.xml": (200, "application/xml", SITEMAP.replace("sitemapindex", "urlset")),
    "/index.php/rss/": (200, "application/rss+xml", RSS),
}


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    wp, wp_url = serve(WP_ROUTES)
    nv, nv_url = serve(NV_ROUTES)
    broken, broken_url = serve({"/": (503, "text/html", "<h1>Service Unavailable</h1>")})
    # a port that nobody listens on: bind, read the number, close
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed_url = f"http://127.0.0.1:{s.getsockname()[1]}/"
    s.close()
    yield {"wp": wp_url, "nv": nv_url, "broken": broken_url, "closed": closed_url}
    for srv in (wp, nv, broken):
        srv.shutdown()
        srv.server_close()


def profile(name: str, url: str) -> SiteProfile:
    return SiteProfile(name=name, title=name, province="Lai Châu", url=url, source="http://127.0.0.1/")


def test_probe_wordpress_site(servers):
    (r,) = probe_sites([profile("wp", servers["wp"])], timeout=5, concurrency=2)
    assert r.reachable and r.status == 200 and r.reason is None
    assert r.cms == "wordpress" and r.generator == "WordPress 6.4.2"
    assert r.sitemap == servers["wp"] + "wp-sitemap.xml"
    assert r.feed == servers["wp"] + "feed/"
    assert r.rest_api is True
    assert r.status_text == "200"
    assert not r.tls_insecure


def test_probe_nukeviet_site(servers):
    (r,) = probe_sites([profile("nv", servers["nv"])], timeout=5)
    assert r.reachable and r.cms == "nukeviet"
    assert r.sitemap == servers["nv"] + "sitemap.xml"  # from robots.txt
    assert r.feed == servers["nv"] + "index.php/rss/"  # advertised <link rel=alternate>
    assert r.rest_api is None  # not WordPress: not tried


def test_probe_unreachable_and_http_error(servers):
    started = time.monotonic()
    closed, broken = probe_sites([profile("closed", servers["closed"]), profile("broken", servers["broken"])],
                                 timeout=3, concurrency=4)
    assert time.monotonic() - started < 10
    assert not closed.reachable and closed.reason == "refused"
    assert closed.status_text.startswith("refused")
    assert not broken.reachable and broken.reason == "http" and broken.status == 503
    assert broken.status_text == "HTTP 503"


def test_results_keep_input_order(servers):
    names = ["a", "b", "c", "d"]
    urls = [servers["wp"], servers["closed"], servers["nv"], servers["closed"]]
    results = probe_sites([profile(n, u) for n, u in zip(names, urls, strict=True)], timeout=3,
                          concurrency=2)
    assert [r.name for r in results] == names
    assert [r.reachable for r in results] == [True, False, True, False]


def test_detect_cms_markers():
    assert detect_cms('<link href="/wp-content/x.css">')[0] == "wordpress"
    assert detect_cms("<script>var nv_base_siteurl='/';</script>")[0] == "nukeviet"
    assert detect_cms('<meta name="generator" content="Joomla! - Open Source">')[0] == "joomla"
    assert detect_cms('<script src="/media/jui/js/jquery.min.js"></script>')[0] == "joomla"
    assert detect_cms('<script>Liferay.Portlet.ready()</script>')[0] == "liferay"
    assert detect_cms('<input id="__VIEWSTATE"><link href="/_layouts/15/x.css">')[0] == "sharepoint"
    assert detect_cms('<input type="hidden" name="__VIEWSTATE" value="x">')[0] == "aspnet"
    assert detect_cms("", {"X-Powered-By": "ASP.NET"})[0] == "aspnet"
    assert detect_cms('<script>jQuery.extend(Drupal.settings, {})</script>')[0] == "drupal"
    assert detect_cms("", {"X-Generator": "Drupal 9"})[0] == "drupal"
    assert detect_cms("<p>plain</p>") == (None, None)


def test_find_feed_links():
    html = ('<link rel="alternate" type="application/rss+xml" href="/rss/">'
            "<link rel='alternate' type='application/atom+xml' href='https://x.vn/atom'>"
            '<link rel="stylesheet" href="/a.css">')
    assert find_feed_links(html, "http://h.vn/a/") == ["http://h.vn/rss/", "https://x.vn/atom"]


# --------------------------------------------------------------------------------------------- CLI

def registry_file(tmp_path: Path, sites: dict[str, str]) -> Path:
    parts = []
    for name, url in sites.items():
        parts.append(f'[[site]]\nname = "{name}"\ntitle = "{name}"\nprovince = "Lâm Đồng"\n'
                     f'legacy_province = "Bình Thuận"\nurl = "{url}"\nsource = "http://127.0.0.1/src"\n')
    path = tmp_path / "sites.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def test_check_sites_all_reachable_exits_0(servers, tmp_path):
    reg = registry_file(tmp_path, {"wp": servers["wp"], "nv": servers["nv"]})
    result = CliRunner().invoke(check_sites_command, ["--registry", str(reg), "--timeout", "5"])
    assert result.exit_code == 0, result.output
    assert "wp" in result.output and "wordpress" in result.output and "nukeviet" in result.output
    assert "2/2 reachable" in result.output


def test_check_sites_some_unreachable_exits_1(servers, tmp_path):
    reg = registry_file(tmp_path, {"wp": servers["wp"], "closed": servers["closed"]})
    result = CliRunner().invoke(check_sites_command, ["--timeout", "3"], env={"DANVAN_REGISTRY": str(reg)})
    assert result.exit_code == 1, result.output
    assert "refused" in result.output and "1/2 reachable" in result.output


def test_check_sites_one_site_json(servers, tmp_path):
    reg = registry_file(tmp_path, {"wp": servers["wp"], "closed": servers["closed"]})
    result = CliRunner().invoke(check_sites_command, ["--registry", str(reg), "--site", "wp", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert row["name"] == "wp" and row["rest_api"] is True and row["feed"].endswith("/feed/")


def test_check_sites_unknown_site_exits_2(servers, tmp_path):
    reg = registry_file(tmp_path, {"wp": servers["wp"]})
    result = CliRunner().invoke(check_sites_command, ["--registry", str(reg), "--site", "nope"])
    assert result.exit_code == 2 and "nope" in result.output


def test_registry_error_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[site]]\nname = "x"\ncolour = "red"\n', encoding="utf-8")
    for command in (check_sites_command, sites_command):
        result = CliRunner().invoke(command, ["--registry", str(bad)])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("Error:") and "colour" in lines[0]
        assert "Traceback" not in result.output


def test_sites_command_lists_and_filters(tmp_path):
    reg = registry_file(tmp_path, {"a-site": "https://a.example.vn/", "b-site": "https://b.example.vn/"})
    result = CliRunner().invoke(sites_command, ["--registry", str(reg)])
    assert result.exit_code == 0 and "a-site" in result.output and "Lâm Đồng (Bình Thuận)" in result.output
    result = CliRunner().invoke(sites_command, ["--registry", str(reg), "--province", "binh thuan", "--json"])
    assert result.exit_code == 0
    assert [d["name"] for d in json.loads(result.output)] == ["a-site", "b-site"]
    result = CliRunner().invoke(sites_command, ["--registry", str(reg), "--province", "Hà Nội", "--json"])
    assert json.loads(result.output) == []
    result = CliRunner().invoke(sites_command, ["--registry", str(reg), "--province", "Atlantis"])
    assert result.exit_code == 2
    result = CliRunner().invoke(sites_command, ["--registry", str(reg), "--cms", "plone"])
    assert result.exit_code == 2


def test_bundled_registry_lists(monkeypatch):
    monkeypatch.delenv("DANVAN_REGISTRY", raising=False)
    result = CliRunner().invoke(sites_command, ["--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.output)) >= 60


def test_help_has_examples():
    for command, example in ((sites_command, "danvan sites"), (check_sites_command, "danvan check-sites")):
        result = CliRunner().invoke(command, ["--help"])
        assert result.exit_code == 0 and example in result.output
        assert "--registry" not in result.output  # hidden
