# ruff: noqa: E501  (inline HTML fixtures read better unwrapped)
"""The public API: robustness, one parse for both calls, hints, canonical links, listings."""

from __future__ import annotations

import copy
import unicodedata

import lxml.html
import pytest

from danvan_crawler.extraction import extract_article, is_article_page, parse_html
from danvan_crawler.items import Article

PARAS = "".join(
    f"<p>Đoạn văn thứ {i}: Ban Dân vận Tỉnh ủy phối hợp với Mặt trận Tổ quốc và các đoàn thể tổ chức nhiều "
    f"hoạt động thiết thực, hướng về cơ sở, lắng nghe ý kiến của nhân dân về các chủ trương mới.</p>"
    for i in range(1, 5)
)
ARTICLE = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>ĐẨY MẠNH CÔNG TÁC DÂN VẬN Ở CƠ SỞ | Ban Dân vận Tỉnh ủy</title>
<meta property="og:title" content="Đẩy mạnh công tác dân vận ở cơ sở">
<meta property="og:type" content="article"><meta property="og:site_name" content="Ban Dân vận Tỉnh ủy">
<link rel="canonical" href="/tin-tuc/day-manh-cong-tac-dan-van-1234.html">
</head><body><header class="site-header"><h1 class="logo">Ban Dân vận Tỉnh ủy</h1>
<div class="topdate">Hôm nay: Thứ bảy, 28/11/2026</div></header>
<nav><a href="/">Trang chủ</a></nav>
<main><article><h1 class="entry-title">ĐẨY MẠNH CÔNG TÁC DÂN VẬN Ở CƠ SỞ</h1>
<div class="entry-meta">Thứ Bảy, 17/10/2020, 14:34 (GMT+7)</div>
<div class="entry-content">{PARAS}<p style="text-align:right"><strong>Tin, ảnh: Minh Hưng</strong></p>
<div class="sharedaddy">Chia sẻ: Facebook</div></div></article>
<div id="comments"><h3>Bình luận</h3><p>Email của bạn sẽ không được hiển thị công khai.</p></div></main>
<aside class="sidebar"><h3>Tin đọc nhiều</h3></aside><footer>Bản quyền thuộc Ban Dân vận Tỉnh ủy</footer>
</body></html>"""

URL = "https://bdvtu.example.dcs.vn/tin-tuc/day-manh-cong-tac-dan-van-1234.html"


def test_full_article() -> None:
    art = extract_article(ARTICLE, URL)
    assert isinstance(art, Article) and art.url == URL
    assert art.title == "ĐẨY MẠNH CÔNG TÁC DÂN VẬN Ở CƠ SỞ"  # as shown, caps kept
    assert (art.published_at, art.date_source) == ("2020-10-17T14:34:00+07:00", "visible")
    assert art.byline == "Minh Hưng"
    paras = art.body.split("\n\n")
    assert len(paras) == 4 and paras[0].startswith("Đoạn văn thứ 1") and art.lead == paras[0]
    assert "Chia sẻ" not in art.body and "Bình luận" not in art.body
    assert art.canonical_href == "https://bdvtu.example.dcs.vn/tin-tuc/day-manh-cong-tac-dan-van-1234.html"


def test_bytes_and_charsets() -> None:
    assert extract_article(ARTICLE.encode("utf-8"), URL).byline == "Minh Hưng"
    legacy = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    art = extract_article(_cp1258(legacy), URL)
    assert art.byline == "Minh Hưng" and art.title == "ĐẨY MẠNH CÔNG TÁC DÂN VẬN Ở CƠ SỞ"


def _cp1258(text: str) -> bytes:
    """Windows-1258 the way legacy servers write it: precomposed letters plus combining tone marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("windows-1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("windows-1258")
    return out


def test_one_parse_for_both_calls_and_tree_is_not_modified() -> None:
    tree = parse_html(ARTICLE)
    before = lxml.html.tostring(tree)
    assert is_article_page(tree, URL)
    art = extract_article(tree, URL)
    assert art.title and lxml.html.tostring(tree) == before
    # a tree parsed elsewhere (Scrapy's response.selector.root is an lxml HtmlElement) is accepted as is
    other = lxml.html.document_fromstring(ARTICLE)
    assert extract_article(copy.deepcopy(other), URL).byline == "Minh Hưng"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        b"",
        b"\x00\x01\xff",
        "<html",
        "<?xml version='1.0' encoding='utf-8'?><p>x",
        "<<<>>>",
        "no markup at all",
        None,
    ],
)
def test_bad_html_never_raises(bad) -> None:
    art = extract_article(bad, URL)
    assert isinstance(art, Article) and art.url == URL
    assert isinstance(is_article_page(bad, URL), bool)


def test_title_from_title_tag_when_nothing_else() -> None:
    html = (
        "<html><head><title>Hội nghị điển hình Dân vận khéo - Tỉnh ủy Lai Châu</title></head><body>"
        f"<div>{PARAS}</div></body></html>"
    )
    assert extract_article(html, URL).title == "Hội nghị điển hình Dân vận khéo"


def test_sapo_outside_the_container_is_the_lead() -> None:
    html = ARTICLE.replace(
        '<div class="entry-content">',
        '<div class="sapo"><strong>Sáng 16/10, hội nghị tổng kết diễn ra tại tỉnh.</strong></div>'
        '<div class="entry-content">',
    )
    art = extract_article(html, URL)
    assert art.lead == "Sáng 16/10, hội nghị tổng kết diễn ra tại tỉnh."
    assert art.body.startswith(art.lead + "\n\nĐoạn văn thứ 1")


def test_hints_for_custom_markup() -> None:
    html = f"""<html><head><title>Trang chủ</title></head><body><div class="tieu-de-bai">Tiêu đề bài viết mẫu</div>
    <div class="noi-dung-bai">{PARAS}</div><div class="x-tg">Bài: Thu Hà</div></body></html>"""
    hints = {"title": ".tieu-de-bai", "body": ".noi-dung-bai", "byline": ".x-tg"}
    art = extract_article(html, "https://x.vn/bai-viet/123", hints=hints)
    assert art.title == "Tiêu đề bài viết mẫu"
    assert art.body.startswith("Đoạn văn thứ 1") and art.byline == "Thu Hà"
    # a broken selector in the registry does not break extraction
    assert extract_article(html, "https://x.vn/bai-viet/123", hints={"body": "::bad((("}).body


def test_captions_and_image_tables() -> None:
    body = PARAS + (
        '<table class="image"><tr><td><img src="a.jpg"></td></tr><tr><td>Lãnh đạo tỉnh thăm hỏi. '
        "Ảnh: Văn Tuấn</td></tr></table>"
        '<p style="text-align:center"><img src="b.jpg"></p><p style="text-align:center"><em>Quang cảnh '
        "hội nghị. Ảnh: Hà Linh</em></p>" + PARAS
    )
    html = f"<html><body><h1>Tiêu đề</h1><div class='entry-content'>{body}</div></body></html>"
    art = extract_article(html, URL)
    assert art.captions == ["Lãnh đạo tỉnh thăm hỏi. Ảnh: Văn Tuấn", "Quang cảnh hội nghị. Ảnh: Hà Linh"]
    assert "Ảnh:" not in art.body


LISTING = """<html><head><title>Tin tức - Ban Dân vận</title><meta property="og:type" content="website"></head>
<body><h1>Tin tức</h1><div class="list-news">{items}</div><div class="pagination"><a href="?page=2">2</a></div>
</body></html>"""
ITEM = """<div class="item"><h3><a href="/tin-tuc/bai-{i}-12{i}.html">Bài viết số {i} về công tác dân vận ở cơ sở</a></h3>
<span class="date">1{i}/10/2020</span><p>Tóm tắt bài viết số {i}: Ban Dân vận Tỉnh ủy phối hợp với Mặt trận Tổ quốc
 và các đoàn thể tổ chức nhiều hoạt động thiết thực, hướng về cơ sở, lắng nghe ý kiến của nhân dân.</p></div>"""


def test_listing_is_not_an_article() -> None:
    html = LISTING.format(items="".join(ITEM.format(i=i) for i in range(10)))
    assert not is_article_page(html, "https://x.vn/tin-tuc/")
    assert not is_article_page(html, "https://x.vn/tin-tuc/page-2")
    assert is_article_page(ARTICLE, URL)


def test_relative_date_with_injected_now() -> None:
    from datetime import datetime

    from danvan_crawler.extraction.dates import VN_TZ

    html = ARTICLE.replace("Thứ Bảy, 17/10/2020, 14:34 (GMT+7)", "3 giờ trước")
    art = extract_article(html, URL, now=datetime(2026, 11, 28, 9, 30, tzinfo=VN_TZ))
    assert art.published_at == "2026-11-28T06:30:00+07:00"


def test_inline_related_box_inside_the_body_does_not_end_it() -> None:
    box = '<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/x-1.html">Tin khác một</a></li></ul></div>'
    html = ARTICLE.replace("</p><p>Đoạn văn thứ 3", f"</p>{box}<p>Đoạn văn thứ 3")
    art = extract_article(html, URL)
    assert "Tin khác một" not in art.body and "Tin liên quan" not in art.body
    assert len(art.body.split("\n\n")) == 4 and art.byline == "Minh Hưng"


def test_main_column_with_a_sidebar_looking_class() -> None:
    html = ARTICLE.replace("<main><article>", '<main><div class="sidebar-1"><article>').replace(
        "</article>", "</article></div>"
    )
    art = extract_article(html, URL)
    assert art.title == "ĐẨY MẠNH CÔNG TÁC DÂN VẬN Ở CƠ SỞ" and art.byline == "Minh Hưng"
