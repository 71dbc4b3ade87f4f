"""Every printed date shape from docs/sites.md, the machine-readable ones, and the traps."""

from __future__ import annotations

from datetime import datetime

import pytest

from danvan_crawler.extraction import extract_article
from danvan_crawler.extraction.dates import (
    VN_TZ,
    date_from_url,
    find_dates,
    parse_iso,
    parse_visible,
    year_from_url,
)

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Thứ Bảy, 17/10/2020, 14:34 (GMT+7)", "2020-10-17T14:34:00+07:00"),
        ("Cập nhật lúc 17:14, Thứ Hai, 22/01/2018 (GMT+7)", "2018-01-22T17:14:00+07:00"),
        ("Cập nhật, 09:53, Thứ Năm, 08/02/2018 (GMT+7)", "2018-02-08T09:53:00+07:00"),
        ("Cập nhật ngày: 10/11/2018 - 06:53", "2018-11-10T06:53:00+07:00"),
        ("THỨ BA, 29/11/2022 15:34:53", "2022-11-29T15:34:53+07:00"),
        ("Thứ tư, 21/04/2021 10:00", "2021-04-21T10:00:00+07:00"),
        ("03/10/2022 12:00", "2022-10-03T12:00:00+07:00"),
        ("Đăng ngày 25-05-2023 00:04, Lượt xem: 50", "2023-05-25T00:04:00+07:00"),
        ("Ngày cập nhật 25/04/2017", "2017-04-25"),
        ("04:35 15/03/2016", "2016-03-15T04:35:00+07:00"),
        ("(01/06/2020)", "2020-06-01"),
        ("16/10/2020 02:48:00 AM", "2020-10-16T02:48:00+07:00"),
        ("16/10/2020 02:48:00 PM", "2020-10-16T14:48:00+07:00"),
        ("14/5/2019 8:43'", "2019-05-14T08:43:00+07:00"),
        ("Thứ sáu, 26/04/2019 - 11:21", "2019-04-26T11:21:00+07:00"),
        ("ngày 15 tháng 10 năm 2020", "2020-10-15"),
        ("Ngày 15 tháng 10 năm 2020 lúc 08:30", "2020-10-15T08:30:00+07:00"),
        ("Thứ hai, 12.10.2020 | 7h30", "2020-10-12T07:30:00+07:00"),
        ("Đăng lúc: 8:05 SA, 02/03/2021", "2021-03-02T08:05:00+07:00"),
    ],
)
def test_printed_shapes(printed: str, expected: str) -> None:
    found = parse_visible(printed, now=NOW)
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("3 giờ trước", "2026-11-28T06:30:00+07:00"),
        ("15 phút trước", "2026-11-28T09:15:00+07:00"),
        ("2 ngày trước", "2026-11-26"),
        ("hôm qua", "2026-11-27"),
        ("Hôm qua 10:15", "2026-11-27T10:15:00+07:00"),
    ],
)
def test_relative_dates_use_injected_now(printed: str, expected: str) -> None:
    found = parse_visible(printed, now=NOW)
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-17T14:34:00+07:00", "2020-10-17T14:34:00+07:00"),
        ("2020-10-17T07:34:00Z", "2020-10-17T14:34:00+07:00"),
        ("2020-10-17T07:34:00+00:00", "2020-10-17T14:34:00+07:00"),
        ("2020-10-16T20:00:00-05:00", "2020-10-17T08:00:00+07:00"),
        ("2020-10-17T14:34:00+0700", "2020-10-17T14:34:00+07:00"),
        ("2020-10-17 14:34:00", "2020-10-17T14:34:00+07:00"),
        ("2020-10-17T14:34:00.123+07:00", "2020-10-17T14:34:00+07:00"),
        ("2020-10-17", "2020-10-17"),
        ("2020-10-17T00:00:00+00:00", "2020-10-17"),  # a day stored as midnight: no invented time
        ("17/10/2020 14:34", "2020-10-17T14:34:00+07:00"),  # printed format inside a meta tag
    ],
)
def test_machine_readable(value: str, expected: str) -> None:
    found = parse_iso(value, NOW)
    assert found is not None and found.iso() == expected


def test_dateparser_fallback_for_odd_shapes() -> None:
    found = parse_visible("Cập nhật lúc: 15 Tháng Mười, 2020", now=NOW)
    assert found is not None and found.iso() == "2020-10-15"


def test_yearless_dates_need_a_year_hint() -> None:
    assert not [c for c in find_dates("Sáng 8/7, tại hội trường", now=NOW) if not c.has_year]
    cands = find_dates("Sáng 8/7, tại hội trường", year_hint=2020, now=NOW, allow_yearless=True)
    assert cands and cands[0].found.iso() == "2020-07-08"


def test_posted_beats_updated() -> None:
    text = "Cập nhật: 12/05/2023 09:00 | Đăng ngày 10-05-2023 08:15"
    assert parse_visible(text, now=NOW).iso() == "2023-05-10T08:15:00+07:00"
    text = "Ngày đăng: 10/05/2023 08:15 - Ngày cập nhật: 12/05/2023 09:00"
    assert parse_visible(text, now=NOW).iso() == "2023-05-10T08:15:00+07:00"


def test_today_header_is_never_a_date() -> None:
    assert parse_visible("Hôm nay: Thứ bảy, 28/11/2026", now=NOW) is None


def test_impossible_and_future_dates_are_rejected() -> None:
    assert parse_visible("31/02/2020", now=NOW) is None
    assert parse_visible("12/10/2035", now=NOW) is None
    assert parse_visible("Tỷ số 1/2/3", now=NOW) is None


def test_url_dates() -> None:
    assert date_from_url("https://x.vn/2020/10/15/slug/").iso() == "2020-10-15"
    assert date_from_url("https://x.vn/tin/20201015/slug.html").iso() == "2020-10-15"
    assert date_from_url("https://x.vn/vi-vn/chuyen-muc/dan-van-kheo/405534-193312") is None
    assert date_from_url("https://x.vn/2020/10/slug/") is None
    assert year_from_url("https://x.vn/2020/10/slug/") == 2020
    assert year_from_url("https://x.vn/thoi-su/202010/slug-123/") == 2020


# ---------------------------------------------------------------------------------------------------------
# Traps on whole pages
# ---------------------------------------------------------------------------------------------------------


def _page(head: str = "", meta_line: str = "", body: str = "", after: str = "", top: str = "") -> str:
    paras = body or (
        "<p>Sáng 8/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm, "
        "kỷ niệm 90 năm Ngày truyền thống (15/10/1930 – 15/10/2020) của ngành.</p>"
        "<p>Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ và đề ra phương hướng cho sáu tháng cuối năm, "
        "trong đó chú trọng phong trào thi đua Dân vận khéo ở cơ sở.</p>"
        "<p>Các đại biểu thống nhất nhiều giải pháp nâng cao chất lượng công tác dân vận chính quyền.</p>"
    )
    return f"""<html><head><title>Hội nghị sơ kết công tác dân vận - Ban Dân vận</title>{head}</head><body>
    <div class="topbar"><span class="topdate">Hôm nay: Thứ bảy, 28/11/2026</span></div>{top}
    <div class="main"><h1>Hội nghị sơ kết công tác dân vận</h1>{meta_line}
    <div class="entry-content">{paras}</div>{after}</div>
    <div class="sidebar"><h3>Tin mới</h3><ul><li><a href="/a">Tin khác một</a> (27/11/2026)</li></ul></div>
    </body></html>"""


def test_header_today_sidebar_and_anniversary_are_ignored() -> None:
    art = extract_article(_page(), "https://bdv.example.vn/tin-tuc/hoi-nghi-123.html", hinted_date=None)
    assert art.published_at is None  # nothing but traps: no date is better than a wrong one


def test_yearless_body_date_takes_year_from_url() -> None:
    art = extract_article(_page(), "https://bdv.example.vn/2020/07/hoi-nghi/")
    assert art.published_at == "2020-07-08"


def test_hinted_date_is_a_late_fallback() -> None:
    art = extract_article(_page(), "https://bdv.example.vn/hoi-nghi-123.html", hinted_date="2020-07-08T10:00:00+07:00")
    assert art.published_at == "2020-07-08T10:00:00+07:00"
    art = extract_article(
        _page(meta_line='<div class="date">Thứ tư, 08/07/2020 - 09:05</div>'),
        "https://bdv.example.vn/hoi-nghi-123.html",
        hinted_date="2020-07-09",
    )
    assert (art.published_at, art.date_source) == ("2020-07-08T09:05:00+07:00", "visible")


def test_comment_dates_are_ignored() -> None:
    after = (
        '<div class="comments"><h3>Bình luận</h3><div class="comment">Nguyễn Văn A - 09/07/2020 10:00'
        "<p>Bài viết hay</p></div></div>"
    )
    art = extract_article(_page(after=after), "https://bdv.example.vn/hoi-nghi-123.html")
    assert art.published_at is None
    assert "Bài viết hay" not in art.body


def test_machine_dates_come_first_and_convert_to_local_time() -> None:
    head = '<meta property="article:published_time" content="2020-07-08T01:05:00+00:00">'
    art = extract_article(
        _page(head=head, meta_line='<div class="date">09/07/2020</div>'),
        "https://bdv.example.vn/hoi-nghi-123.html",
    )
    assert (art.published_at, art.date_source) == ("2020-07-08T08:05:00+07:00", "meta")


def test_json_ld_and_time_element() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"x","datePublished":"2020-07-08T08:05:00+07:00"}</script>'
    )
    art = extract_article(_page(head=head), "https://bdv.example.vn/hoi-nghi-123.html")
    assert (art.published_at, art.date_source) == ("2020-07-08T08:05:00+07:00", "json-ld")
    meta = (
        '<time class="entry-date updated" datetime="2020-07-10T09:00:00+07:00">10/07/2020</time>'
        '<time class="entry-date published" datetime="2020-07-08T08:05:00+07:00">08/07/2020</time>'
    )
    art = extract_article(_page(meta_line=meta), "https://bdv.example.vn/hoi-nghi-123.html")
    assert (art.published_at, art.date_source) == ("2020-07-08T08:05:00+07:00", "time")


def test_date_hint_is_used_when_general_signals_fail() -> None:
    page = _page(after='<span class="ngaydang">Ngày 08.07.2020</span>')
    art = extract_article(page, "https://bdv.example.vn/hoi-nghi-123.html", hints={"date": ".ngaydang"})
    assert (art.published_at, art.date_source) == ("2020-07-08", "selector")


def test_posted_and_updated_on_one_page() -> None:
    meta = '<div class="meta">Cập nhật: 12/07/2020 09:00 <span>Đăng ngày 08-07-2020 08:15</span></div>'
    art = extract_article(_page(meta_line=meta), "https://bdv.example.vn/hoi-nghi-123.html")
    assert art.published_at == "2020-07-08T08:15:00+07:00"


def test_relative_words_inside_sentences_are_not_dates() -> None:
    assert parse_visible("Cách đây 5 năm trước, xã còn rất nhiều hộ nghèo và đường sá khó đi", now=NOW) is None
