"""How the spider sees URLs: articles, pagination, traps, and what is on the site."""

import pytest
from lxml import html

from danvan_crawler.extraction.links import classify_url, feed_links, page_links, page_number, same_site


@pytest.mark.parametrize(
    "url",
    [
        "https://bdvtu.binhthuan.dcs.vn/Tin-tức/post/8770/dan-van-kheo-o-bac-binh.aspx",
        "https://nghean.dcs.vn/vi-vn/chuyen-muc/dan-van-kheo/405534-193312",
        "https://truongchinhtri.laichau.gov.vn/index.php/tin-tuc-su-kien/giam-doc-hoc-vien-tham-2169.html",
        "https://sondong.bacgiang.gov.vn/node/8612",
        "https://yenbai.gov.vn/noidung/tintuc/Pages/chi-tiet-tin-tuc.aspx?ItemID=1234",
        "https://danang.gov.vn/web/guest/chi-tiet?id=54019&_c=3",
        "https://example.vn/2020/10/14/ky-niem-90-nam-ngay-truyen-thong/",
        "https://baolaichau.vn/chinh-tri/202010/hoi-nghi-giao-ban-cong-tac-dan-van-123456/",
    ],
)
def test_article_urls(url):
    assert classify_url(url) == "article"


@pytest.mark.parametrize(
    "url,n",
    [
        ("https://hatinh.dcs.vn/ho-chi-minh/6.html", 6),
        ("https://tinhuybinhphuoc.vn/news/tag/x/page-8", None),  # a tag listing is a trap anyway
        ("https://tinhuyquangtri.vn/Article/ViewList.aspx?mid=2542&pageid=379&pagenumber=54", 54),
        ("https://example.vn/category/tin-tuc/page/2/", 2),
        ("https://example.vn/index.php/tin-tuc-su-kien?start=10", 10),
    ],
)
def test_pagination(url, n):
    if n is None:
        assert classify_url(url) == "trap"
    else:
        assert page_number(url) == n
        assert classify_url(url) == "page"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.vn/2020/10/",  # month archive
        "https://example.vn/2020/10/14/",  # day archive (calendar widget)
        "https://example.vn/?s=dan+van",  # search
        "https://example.vn/tag/dan-van-kheo/",
        "https://example.vn/bai-viet-123.html?replytocom=55",
        "https://example.vn/index.php/tin-tuc/bai-2169.html?tmpl=component&print=1",
        "https://example.vn/portal/pages/print.aspx?p=10596",
        "https://example.vn/wp-content/uploads/2020/10/anh.jpg",
        "https://example.vn/files/van-ban.pdf",
        "https://example.vn/trang-in-272154.html",
    ],
)
def test_traps(url):
    assert classify_url(url) == "trap"


def test_same_site_ignores_www_but_not_port_or_host():
    assert same_site("https://www.example.vn/a", "https://example.vn/")
    assert not same_site("http://127.0.0.1:8001/a", "http://127.0.0.1:8000/")
    assert not same_site("https://evil.vn/", "https://example.vn/")
    assert not same_site("file:///etc/passwd", "https://example.vn/")


def test_page_links_keep_site_links_only():
    tree = html.fromstring(
        """<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">
        <link rel="alternate" type="application/rss+xml" href="/comments/feed/"></head><body>
        <a href="/2020/10/14/ky-niem-90-nam-ngay-truyen-thong/">Kỷ niệm</a>
        <a href="https://other.vn/2020/10/14/bai-viet-khac-hoan-toan/">Elsewhere</a>
        <a href="javascript:__doPostBack('x','')">Postback</a>
        <a href="mailto:a@b.vn">Mail</a>
        <a href="/category/tin-tuc/page/2/">2</a>
        <a href="/gioi-thieu/">Giới thiệu</a>
        <a href="/2020/10/">Tháng 10</a></body></html>"""
    )
    links = page_links(tree, "https://example.vn/", "https://example.vn/")
    kinds = {lk.url.removeprefix("https://example.vn"): lk.kind for lk in links}
    assert kinds == {
        "/2020/10/14/ky-niem-90-nam-ngay-truyen-thong/": "article",
        "/category/tin-tuc/page/2/": "page",
        "/gioi-thieu/": "other",
    }
    assert feed_links(tree, "https://example.vn/") == ["https://example.vn/feed/"]
