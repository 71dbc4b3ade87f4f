"""Storage and dedup through the real Store on a real SQLite file."""

from __future__ import annotations

import time
import unicodedata

import pytest

from danvan_crawler.items import Article
from danvan_crawler.storage import Store

BODY = (
    "Sáng 13/10, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2024 với sự tham dự "
    "của lãnh đạo các huyện ủy, thành ủy và các đoàn thể chính trị - xã hội tỉnh.\n\n"
    "Trong quý III, khối dân vận đã triển khai 46 mô hình “Dân vận khéo” mới, tập trung vào phát triển kinh tế, "
    "xây dựng nông thôn mới và giữ gìn an ninh trật tự ở cơ sở.\n\n"
    "Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ và đề ra 5 nhiệm vụ trọng tâm cho quý IV, "
    "trong đó chú trọng nắm tình hình nhân dân trước mùa mưa lũ và chuẩn bị đại hội đảng bộ các cấp.\n\n"
    "Phát biểu chỉ đạo hội nghị, đồng chí Trưởng ban đề nghị các địa phương tiếp tục đổi mới phương thức vận động "
    "quần chúng, bám sát cơ sở và kịp thời giải quyết những kiến nghị chính đáng của nhân dân."
)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "d.db")
    s.upsert_site("bdv", "Ban Dân vận", "https://bdv.example.vn/", "Lai Châu", "wordpress")
    s.upsert_site("portal", "Cổng thông tin Tỉnh ủy", "https://tinhuy.example.vn/", "Lai Châu", "aspnet")
    yield s
    s.close()


def article(url: str, title: str = "Hội nghị giao ban công tác dân vận quý III năm 2024", body: str = BODY,
            site: str = "bdv", published_at: str = "2024-10-13T09:00:00+07:00", **kw) -> Article:
    return Article(url=url, title=title, body=body, site=site, published_at=published_at, **kw)


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_same_article_twice_is_one_row(store):
    assert store.save_article(article("https://bdv.example.vn/2024/10/13/giao-ban/")).outcome == "new"
    assert store.save_article(article("https://bdv.example.vn/2024/10/13/giao-ban/")).outcome == "unchanged"
    assert count(store, "articles") == 1


def test_nfd_copy_under_a_tracking_url_is_the_same_article(store):
    first = store.save_article(article("https://bdv.example.vn/2024/10/13/giao-ban/"))
    nfd = article("http://www.bdv.example.vn/2024/10/13/giao-ban?utm_source=zalo",
                  title=unicodedata.normalize("NFD", "Hội nghị giao ban công tác dân vận quý III năm 2024"),
                  body=unicodedata.normalize("NFD", BODY).replace("Đ", "Ð"))
    again = store.save_article(nfd)
    assert again.article_id == first.article_id
    assert count(store, "articles") == 1


def test_print_view_is_recorded_as_print(store):
    store.save_article(article("https://bdv.example.vn/index.php/tin-tuc/giao-ban-2169.html"))
    store.save_article(article("https://bdv.example.vn/index.php/tin-tuc/giao-ban-2169.html?tmpl=component&print=1"))
    kinds = dict(store.db.execute("SELECT url, kind FROM article_urls").fetchall())
    assert count(store, "articles") == 1
    assert sorted(kinds.values()) == ["canonical", "print"]


def test_changed_text_updates_in_place_and_records_the_change(store):
    url = "https://bdv.example.vn/2024/10/13/giao-ban/"
    first = store.save_article(article(url))
    first_seen = store.db.execute("SELECT first_seen_at FROM articles").fetchone()[0]
    time.sleep(1.1)
    edited = BODY.replace("46 mô hình", "48 mô hình")
    result = store.save_article(article(url, body=edited))
    assert result.outcome == "updated" and result.article_id == first.article_id
    body, seen = store.db.execute("SELECT body, first_seen_at FROM articles").fetchone()
    assert "48 mô hình" in body and seen == first_seen
    old_body = store.db.execute("SELECT old_body FROM article_changes").fetchone()[0]
    assert "46 mô hình" in old_body
    assert count(store, "articles") == 1


def test_republication_with_edited_lead_joins_the_original(store):
    original = store.save_article(article("https://bdv.example.vn/2024/10/13/giao-ban/"))
    lead = "Ngày 13/10, Ban Dân vận Tỉnh ủy Lai Châu tổ chức hội nghị giao ban công tác dân vận quý III năm 2024."
    copy_body = lead + "\n\n" + BODY.split("\n\n", 1)[1]
    copy = store.save_article(article("https://tinhuy.example.vn/Tin-tuc/post/8801/giao-ban.aspx", body=copy_body,
                                      site="portal", published_at="2024-10-14T08:00:00+07:00",
                                      source="Ban Dân vận Tỉnh ủy"))
    assert copy.outcome == "republished" and copy.article_id == original.article_id
    kind, published = store.db.execute(
        "SELECT kind, published_at FROM article_urls WHERE site = 'portal'").fetchone()
    assert kind == "republished" and published.startswith("2024-10-14")
    assert count(store, "articles") == 1


def test_next_quarter_of_a_series_is_not_merged(store):
    store.save_article(article("https://bdv.example.vn/2024/10/13/giao-ban/"))
    q4 = (BODY.replace("quý III", "quý IV").replace("13/10", "12/1").replace("46 mô hình", "39 mô hình")
          .replace("5 nhiệm vụ", "7 nhiệm vụ").replace("quý IV,", "quý I năm 2025,"))
    result = store.save_article(article("https://bdv.example.vn/2025/01/12/giao-ban/", body=q4,
                                        title="Hội nghị giao ban công tác dân vận quý IV năm 2024",
                                        published_at="2025-01-12T09:00:00+07:00"))
    assert result.outcome == "new"
    assert count(store, "articles") == 2


def test_sql_text_is_stored_as_data(store):
    title = "'); DROP TABLE articles; --"
    store.save_article(article("https://bdv.example.vn/a-b-c-d-e-f/", title=title))
    assert store.db.execute("SELECT title FROM articles").fetchone()[0] == title


def test_redirect_origins_are_kept_as_aliases(store):
    a = article("https://bdv.example.vn/2024/10/13/giao-ban/",
                redirected_from=["https://bdv.example.vn/?p=1287"])
    saved = store.save_article(a)
    assert store.article_id_for_url("https://bdv.example.vn/?p=1287") == saved.article_id
    assert "bdv.example.vn/?p=1287" in store.known_urls("bdv")
    store.save_article(a)  # seen again: no second alias row
    assert store.db.execute("SELECT count(*) FROM article_urls WHERE kind = 'alias'").fetchone()[0] == 1
