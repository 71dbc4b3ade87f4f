"""Canonical URLs: one case per rule, on URL shapes seen on the real sites (docs/sites.md)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_crawler.dedup import canonical_url, is_print_view, url_key, url_kind

BDV = "https://bdvtu.binhthuan.dcs.vn/Tin-tức/post/8770/dan-van-kheo-o-xa-tan-lap.aspx"
BDV_CANON = "https://bdvtu.binhthuan.dcs.vn/tin-t%E1%BB%A9c/post/8770/dan-van-kheo-o-xa-tan-lap.aspx"
NGHEAN = "https://nghean.dcs.vn/vi-vn/chuyen-muc/dan-van-kheo/405534-193312"
NEWSPAPER = "https://baolaichau.vn/chinh-tri/202410/gap-mat-ky-niem-ngay-dan-van-123456/"


# -- rel=canonical -----------------------------------------------------------------------------

def test_rel_canonical_on_the_same_site_is_used():
    href = "/vi-vn/chuyen-muc/dan-van-kheo/405534-193312"  # relative, as many CMSs print it
    assert canonical_url(NGHEAN + "?utm_source=zalo", href) == NGHEAN


def test_rel_canonical_on_www_or_mobile_host_counts_as_same_site():
    got = canonical_url("https://m.baolaichau.vn/chinh-tri/202410/x-1", "https://www.baolaichau.vn/chinh-tri/202410/x-1")
    assert got == "https://www.baolaichau.vn/chinh-tri/202410/x-1"


def test_rel_canonical_on_another_site_is_ignored():
    # A republication pointing at the original's site: that is the original's address, not ours.
    copy = "https://dangcongsan.vn/tin-tuc-tu-dia-phuong/gap-mat-ky-niem-ngay-dan-van-654321.html"
    assert canonical_url(copy, NEWSPAPER) == copy


def test_rel_canonical_to_the_home_page_is_ignored():
    assert canonical_url(NGHEAN, "https://nghean.dcs.vn/") == NGHEAN


def test_print_view_with_rel_canonical_maps_to_the_article():
    assert canonical_url("https://dangcongsan.vn/trang-in-272154.html",
                         "https://dangcongsan.vn/tin-tuc/gap-mat-272154.html") == \
        "https://dangcongsan.vn/tin-tuc/gap-mat-272154.html"


# -- noise in the URL --------------------------------------------------------------------------

def test_fragment_dropped():
    assert canonical_url(NGHEAN + "#binh-luan") == NGHEAN


def test_tracking_parameters_dropped():
    url = NGHEAN + "?utm_source=facebook&utm_medium=social&fbclid=IwAR0x&gclid=Cj0K&zarsrc=30&gidzl=abc"
    assert canonical_url(url) == NGHEAN


def test_session_parameters_dropped():
    page = "https://tinhuybinhphuoc.vn/news/Chinh-tri/abc"
    assert canonical_url(page + "?PHPSESSID=5f1e2d3c4b5a69788796a5b4c3d2e1f0") == page
    assert canonical_url("https://danang.gov.vn/web/guest/chi-tiet;jsessionid=A1B2C3D4E5F6?id=54019&_c=3") \
        == "https://danang.gov.vn/web/guest/chi-tiet?_c=3&id=54019"
    assert canonical_url("https://x.gov.vn/tin-tuc?id=5&sid=0f9e8d7c6b5a49382716a5b4c3d2e1f0") \
        == "https://x.gov.vn/tin-tuc?id=5"


def test_short_sid_is_a_story_id_and_kept():
    # PHP-Nuke descendants number stories with sid: dropping it would merge every article.
    url = "https://x.gov.vn/modules.php?name=News&op=viewst&sid=1234"
    assert canonical_url(url) == "https://x.gov.vn/modules.php?name=News&op=viewst&sid=1234"


def test_aspnet_cookieless_session_segment_dropped():
    url = "https://tinhuyquangtri.vn/(S(kx3v1w55mq2zqf45))/Article/ViewList.aspx?mid=2542&pageid=379"
    assert canonical_url(url) == "https://tinhuyquangtri.vn/article/viewlist.aspx?mid=2542&pageid=379"
    assert canonical_url("https://x.vn/(X(1)S(abc123))/default.aspx?ItemID=5") == "https://x.vn/?itemid=5"


# -- scheme, host, port, slash -----------------------------------------------------------------

def test_scheme_kept_but_compared_insensitively():
    http = "http://tinhuybinhphuoc.vn/news/Chinh-tri/abc"
    assert canonical_url(http) == http  # http-only servers exist: keep a working link
    assert url_key(http) == url_key("https://tinhuybinhphuoc.vn/news/Chinh-tri/abc")


def test_www_compared_insensitively():
    assert url_key("https://www.hatinh.dcs.vn/ho-chi-minh/6.html") == url_key("https://hatinh.dcs.vn/ho-chi-minh/6.html")
    assert url_key("https://hatinh.dcs.vn/ho-chi-minh/6.html") == "hatinh.dcs.vn/ho-chi-minh/6.html"


def test_host_case_trailing_dot_and_default_ports():
    assert canonical_url("https://NGHEAN.dcs.vn.:443/vi-vn/chuyen-muc/dan-van-kheo/405534-193312") == NGHEAN
    assert canonical_url("http://sondong.bacgiang.gov.vn:80/node/8612") == "http://sondong.bacgiang.gov.vn/node/8612"
    assert canonical_url("http://x.gov.vn:8080/node/1") == "http://x.gov.vn:8080/node/1"


def test_trailing_slash_dropped():
    assert canonical_url(NEWSPAPER) == NEWSPAPER.rstrip("/")
    assert canonical_url("https://baolaichau.vn") == "https://baolaichau.vn/"


# -- percent-encoding of Vietnamese slugs --------------------------------------------------------

def test_raw_utf8_and_encoded_slugs_are_one():
    raw = "https://tinhuybinhphuoc.vn/news/Chính-trị/dân-vận-khéo"
    upper = "https://tinhuybinhphuoc.vn/news/Ch%C3%ADnh-tr%E1%BB%8B/d%C3%A2n-v%E1%BA%ADn-kh%C3%A9o"
    lower = upper.replace("%C3%AD", "%c3%ad").replace("%E1%BB%8B", "%e1%bb%8b")
    assert canonical_url(raw) == canonical_url(upper) == canonical_url(lower) == upper


def test_nfd_and_nfc_slugs_are_one():
    raw = "https://tinhuybinhphuoc.vn/news/Chính-trị/dân-vận-khéo"
    assert canonical_url(unicodedata.normalize("NFD", raw)) == canonical_url(raw)


def test_reserved_escapes_stay_escaped():
    # %2F inside a segment is not a path separator; %41 ("A") is unreserved and decoded.
    assert canonical_url("https://x.vn/tag/a%2fb/%41") == "https://x.vn/tag/a%2Fb/A"


# -- print views -----------------------------------------------------------------------------

def test_joomla_print_view_is_the_article():
    article = "https://truongchinhtri.laichau.gov.vn/index.php/tin-tuc-su-kien/hoi-nghi-2169.html"
    printed = article + "?tmpl=component&print=1&layout=default&page="
    assert canonical_url(printed) == article
    assert is_print_view(printed) and not is_print_view(article)


def test_print_segment_removed():
    assert canonical_url("https://x.gov.vn/bm/print/7210") == "https://x.gov.vn/bm/7210"
    assert is_print_view("https://x.gov.vn/bm/print/7210")


def test_drupal_print_module_maps_to_node():
    got = canonical_url("https://sondong.bacgiang.gov.vn/print/8612", cms="drupal")
    assert got == "https://sondong.bacgiang.gov.vn/node/8612"


def test_underivable_print_views_are_kept_and_flagged():
    for url in ("https://x.gov.vn/portal/pages/print.aspx?p=10596", "https://dangcongsan.vn/trang-in-272154.html"):
        assert is_print_view(url)
        assert url_kind(url) == "print"
        assert canonical_url(url).startswith("https://")


# -- CMS specifics -------------------------------------------------------------------------------

def test_wordpress_shortlink_stays_as_is():
    # ?p=ID redirects to the permalink; the spider stores the final URL, the shortlink is an alias.
    assert canonical_url("https://tinhuybinhthuan.vn/?p=15873") == "https://tinhuybinhthuan.vn/?p=15873"
    assert url_kind("https://tinhuybinhthuan.vn/?p=15873") == "alias"


def test_aspnet_paths_are_case_insensitive():
    assert canonical_url(BDV) == BDV_CANON
    assert canonical_url(BDV.replace("Tin-tức", "TIN-TỨC").replace("/post/", "/Post/")) == BDV_CANON
    sp = "https://yenbai.gov.vn/noidung/tintuc/Pages/chi-tiet-tin-tuc.aspx?ItemID=31245&List=ABC"
    assert canonical_url(sp) == "https://yenbai.gov.vn/noidung/tintuc/pages/chi-tiet-tin-tuc.aspx?itemid=31245&list=ABC"


def test_other_paths_keep_their_case():
    assert canonical_url("https://tinhuybinhphuoc.vn/news/Chinh-tri/Abc") == "https://tinhuybinhphuoc.vn/news/Chinh-tri/Abc"


def test_query_parameters_sorted():
    assert canonical_url("https://quangphu.thuathienhue.gov.vn/?tc=52353&gd=6&cn=85") == \
        "https://quangphu.thuathienhue.gov.vn/?cn=85&gd=6&tc=52353"
    assert canonical_url("https://danang.gov.vn/web/guest/chi-tiet?id=54019&_c=3") == \
        "https://danang.gov.vn/web/guest/chi-tiet?_c=3&id=54019"


def test_default_index_files_dropped():
    assert canonical_url("https://quangphu.thuathienhue.gov.vn/index.php?cn=85&gd=6&tc=52353") == \
        "https://quangphu.thuathienhue.gov.vn/?cn=85&gd=6&tc=52353"
    assert canonical_url("https://hatinh.dcs.vn/ho-chi-minh/index.html") == "https://hatinh.dcs.vn/ho-chi-minh"
    assert canonical_url("https://x.gov.vn/Default.aspx") == "https://x.gov.vn/"


def test_joomla_index_php_prefix_only_with_the_cms_hint():
    url = "https://truongchinhtri.laichau.gov.vn/index.php/tin-tuc-su-kien/hoi-nghi-2169.html"
    assert canonical_url(url) == url  # without the hint we cannot know the prefix is optional
    assert canonical_url(url, cms="joomla") == "https://truongchinhtri.laichau.gov.vn/tin-tuc-su-kien/hoi-nghi-2169.html"


# -- url_kind ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "canonical", "kind"), [
    (NGHEAN, None, "canonical"),
    (NGHEAN, NGHEAN, "canonical"),
    ("http://www.nghean.dcs.vn/vi-vn/chuyen-muc/dan-van-kheo/405534-193312/", NGHEAN, "canonical"),
    (NGHEAN + "?utm_source=zalo", None, "alias"),
    (NGHEAN + "?utm_source=zalo", NGHEAN, "alias"),
    ("https://nghean.dcs.vn/405534", NGHEAN, "alias"),
    ("https://x.vn/bai-viet?tmpl=component&print=1", None, "print"),
])
def test_url_kind(url, canonical, kind):
    assert url_kind(url, canonical) == kind


# -- properties ----------------------------------------------------------------------------------

_SEGMENT = st.text(alphabet="abcĐđếộ-_.%2FA~ ", min_size=1, max_size=8)


@given(
    segments=st.lists(_SEGMENT, min_size=0, max_size=4),
    query=st.lists(st.tuples(st.sampled_from(["id", "ItemID", "utm_source", "page", "p", "cn"]),
                             st.text(alphabet="0123456789abcAB", max_size=4)), max_size=4),
    host=st.sampled_from(["https://Nghean.dcs.vn", "http://www.x.gov.vn:80", "https://x.vn"]),
    ext=st.sampled_from(["", ".aspx", ".html", "/"]),
)
def test_canonical_url_is_idempotent(segments, query, host, ext):
    url = host + "/" + "/".join(segments) + ext
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query)
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert url_key(once) == url_key(url)
