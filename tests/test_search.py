"""Full-text search, views, export and the search/export commands over a database built by the real Store."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from danvan_crawler import search as S
from danvan_crawler.items import Article
from danvan_crawler.storage import Store, open_db

# (site, province, date, title, byline, body) — distinct bodies so dedup keeps every one.
STORIES = [
    ("bdv-laichau", "Lai Châu", "2020-09-25", "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường", "Ngọc Anh",
     "Huyện ủy Tam Đường chỉ đạo mỗi cơ quan đăng ký một mô hình cụ thể.\n\n"
     "Các chi bộ xây dựng kế hoạch, phân công đảng viên phụ trách từng hộ gia đình ở bản vùng cao."),
    ("bdv-laichau", "Lai Châu", "2021-03-05", "Học tập nghị quyết của Đảng bộ tỉnh", "Minh Hưng",
     "Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt nghị quyết cho cán bộ chủ chốt.\n\n"
     "Hội nghị được kết nối trực tuyến tới các huyện, thành phố trong toàn tỉnh."),
    ("dienbien", "Điện Biên", "2022-06-10", "Nông dân Mường Ảng đang thu hoạch cà phê", "Lò Thị Nhung",
     "Những ngày này bà con nông dân huyện Mường Ảng tất bật trên nương cà phê.\n\n"
     "Giá cà phê năm nay tăng khá, nhiều hộ có thu nhập cao hơn vụ trước."),
    ("dienbien", "Điện Biên", "2023-01-15", "Đa dạng hóa sinh kế cho đồng bào vùng biên", None,
     "Chương trình hỗ trợ phát triển kinh tế giúp người dân chuyển đổi cây trồng, vật nuôi.\n\n"
     "Nhiều mô hình chăn nuôi dê, trồng mắc ca mang lại hiệu quả rõ rệt."),
    # U+00D0 (Icelandic capital eth) where a careless source meant Đ.
    ("quangtri", "Quảng Trị", "2019-04-10", "\u00d0oàn viên thanh niên ra quân tình nguyện hè", "Hồ Văn Thanh",
     "Tuổi trẻ huyện Hướng Hóa ra quân chiến dịch thanh niên tình nguyện hè với nhiều công trình.\n\n"
     "Các đội hình sửa đường giao thông nông thôn, dạy chữ cho trẻ em vùng biên giới."),
    ("quangtri", "Quảng Trị", None, "Thư viện xã phục vụ bạn đọc", None,
     "Thư viện xã mở cửa cả ngày thứ bảy và chủ nhật, phục vụ học sinh và người cao tuổi.\n\n"
     "Sách được luân chuyển từ thư viện tỉnh mỗi quý một lần."),
]


def _article(i: int, site, province, day, title, byline, body) -> Article:
    return Article(
        url=f"https://{site}.example.vn/tin-tuc/bai-{i}.html", title=title,
        published_at=f"{day}T08:30:00+07:00" if day else None, date_source="meta" if day else None,
        byline=byline, body=body, lead=body.split("\n\n")[0], site=site, province=province,
    )


@pytest.fixture
def store(tmp_path):
    st = Store.open(tmp_path / "danvan.db")
    ids = {}
    for i, story in enumerate(STORIES):
        result = st.save_article(_article(i, *story))
        assert result.outcome == "new", story[3]
        ids[story[3]] = result.article_id
    st.db.commit()
    st.ids = ids
    yield st
    st.close()


def titles(hits: list[dict]) -> set[str]:
    return {h["title"] for h in hits}


# -- search -----------------------------------------------------------------------------------------
def test_open_db_creates_search_objects(store):
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
    assert {"articles_fts", "articles_fts_exact", "articles_by_month", "article_list", "site_health"} <= names
    assert {"articles_fts_ai", "articles_fts_ad", "articles_fts_au"} <= names


def test_accent_free_query_finds_vietnamese_text(store):
    hits = S.search(store.db, "dan van kheo")
    assert titles(hits) == {"Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"}
    hit = hits[0]
    assert hit["date"] == "2020-09-25" and hit["site"] == "bdv-laichau" and hit["province"] == "Lai Châu"
    assert hit["url"] == "https://bdv-laichau.example.vn/tin-tuc/bai-0.html"


def test_d_is_folded_in_default_mode(store):
    # "dang" reaches Đảng (đ folded), đang (đ folded) and "Đa dạng" (dạng, plain d).
    got = titles(S.search(store.db, "dang"))
    assert got == {
        "Học tập nghị quyết của Đảng bộ tỉnh",
        "Nông dân Mường Ảng đang thu hoạch cà phê",
        "Đa dạng hóa sinh kế cho đồng bào vùng biên",
        "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường",  # "đăng ký", "đảng viên"
    }
    # The query is folded the same way: typed with Đ it finds the same articles.
    assert titles(S.search(store.db, "Đảng")) == got
    # The look-alike Ð (U+00D0) folds to D both in the text and in the query.
    assert titles(S.search(store.db, "doan vien")) == {"\u00d0oàn viên thanh niên ra quân tình nguyện hè"}
    assert titles(S.search(store.db, "\u00d0oàn viên")) == titles(S.search(store.db, "Đoàn viên"))


def test_exact_mode_keeps_diacritics(store):
    assert titles(S.search(store.db, "Đảng", exact=True)) == {
        "Học tập nghị quyết của Đảng bộ tỉnh", "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"}  # "đảng viên"
    assert titles(S.search(store.db, "đang", exact=True)) == {"Nông dân Mường Ảng đang thu hoạch cà phê"}
    assert S.search(store.db, "dang", exact=True) == []
    assert S.search(store.db, "dan van kheo", exact=True) == []
    # case does not count, diacritics do
    assert titles(S.search(store.db, "dân vận KHÉO", exact=True)) == {
        "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"}


def test_snippet_marks_the_hits_in_the_original_text(store):
    hit = S.search(store.db, "dang vien")[0]
    assert "[đảng] [viên]" in hit["snippet"]
    exact = S.search(store.db, "cà phê", exact=True)[0]
    assert "[cà] [phê]" in exact["snippet"]


def test_query_syntax_phrases_prefix_or_not(store):
    assert titles(S.search(store.db, '"thu hoach ca phe"')) == {"Nông dân Mường Ảng đang thu hoạch cà phê"}
    assert S.search(store.db, '"ca phe thu hoach"') == []
    assert titles(S.search(store.db, "tinh nguy*")) == {"\u00d0oàn viên thanh niên ra quân tình nguyện hè"}
    assert len(S.search(store.db, '"mac ca" OR "thu vien"')) == 2
    assert titles(S.search(store.db, "mac ca OR thu vien")) == set()  # mac AND (ca OR thu) AND vien
    assert titles(S.search(store.db, "trong mac OR nguyen ca")) == {"Đa dạng hóa sinh kế cho đồng bào vùng biên"}
    assert titles(S.search(store.db, "dang -phe")) == titles(S.search(store.db, "dang")) - {
        "Nông dân Mường Ảng đang thu hoạch cà phê"}
    assert S.search(store.db, "   ") == [] and S.search(store.db, "-dang") == []
    # punctuation cannot break the FTS syntax
    assert S.search(store.db, 'dang" OR (') is not None


def test_filters(store):
    db = store.db
    assert {h["province"] for h in S.search(db, "dang", province="dien bien")} == {"Điện Biên"}
    assert {h["province"] for h in S.search(db, "dang", province="Tỉnh Lai Châu")} == {"Lai Châu"}
    assert {h["site"] for h in S.search(db, "dang", site="dienbien")} == {"dienbien"}
    assert titles(S.search(db, "dang", since="2021-03-05", until="2022-06-10")) == {
        "Học tập nghị quyết của Đảng bộ tỉnh", "Nông dân Mường Ảng đang thu hoạch cà phê"}
    assert titles(S.search(db, "dang", since="2022")) == {
        "Nông dân Mường Ảng đang thu hoạch cà phê", "Đa dạng hóa sinh kế cho đồng bào vùng biên"}
    assert titles(S.search(db, "dang", until="2021-03")) == {
        "Học tập nghị quyết của Đảng bộ tỉnh", "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"}
    assert len(S.search(db, "dang", limit=2)) == 2
    # undated articles are found without a date filter, never with one
    assert titles(S.search(db, "thu vien")) == {"Thư viện xã phục vụ bạn đọc"}
    assert S.search(db, "thu vien", since="1900-01-01") == []
    with pytest.raises(ValueError, match="unknown province"):
        S.search(db, "dang", province="Atlantis")
    with pytest.raises(ValueError, match="not a date"):
        S.search(db, "dang", since="31/12/2020")


def test_legacy_province_spelling_reaches_the_merged_province(tmp_path):
    st = Store.open(tmp_path / "x.db")
    st.save_article(_article(0, "kontum", "Kon Tum", "2024-01-02", "Dân vận khéo ở Đắk Tô", None,
                             "Một câu chuyện về dân vận khéo ở huyện Đắk Tô.\n\nĐoạn hai."))
    # Kon Tum merged into Quảng Ngãi in 2025: both spellings find the row stored as "Kon Tum".
    assert len(S.search(st.db, "dan van", province="Quảng Ngãi")) == 1
    assert len(S.search(st.db, "dan van", province="kon tum")) == 1
    assert S.search(st.db, "dan van", province="Lai Châu") == []
    st.close()


# -- triggers ---------------------------------------------------------------------------------------
def _fts_counts(db) -> tuple[int, int, int]:
    return (db.execute("SELECT count(*) FROM articles").fetchone()[0],
            db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0],
            db.execute("SELECT count(*) FROM articles_fts_exact_docsize").fetchone()[0])


def test_triggers_follow_inserts_updates_and_deletes(store):
    db = store.db
    aid = store.ids["Nông dân Mường Ảng đang thu hoạch cà phê"]
    # an edit in place through the Store (same URL, new text)
    edited = _article(2, *STORIES[2])
    edited.title = "Nông dân Mường Ảng thu hái chè Shan tuyết"
    edited.body = "Bà con đã thu hái chè Shan tuyết cổ thụ trên đỉnh núi.\n\nSản lượng chè tăng."
    edited.lead = "Bà con đã thu hái chè Shan tuyết cổ thụ trên đỉnh núi."
    assert store.save_article(edited).outcome == "updated"
    assert S.search(db, "ca phe") == [] and S.search(db, "cà phê", exact=True) == []
    assert [h["id"] for h in S.search(db, "che shan tuyet")] == [aid]
    assert [h["id"] for h in S.search(db, "chè", exact=True)] == [aid]
    # a plain SQL update from any client
    db.execute("UPDATE articles SET byline = 'Quàng Văn Dương' WHERE id = ?", [aid])
    assert [h["id"] for h in S.search(db, "quang van duong")] == [aid]
    assert S.search(db, "lo thi nhung") == []
    # updates of other columns leave the index alone
    db.execute("UPDATE articles SET last_seen_at = 'x' WHERE id = ?", [aid])
    assert [h["id"] for h in S.search(db, "quang van duong")] == [aid]
    # delete
    db.execute("DELETE FROM article_urls WHERE article_id = ?", [aid])
    db.execute("DELETE FROM article_changes WHERE article_id = ?", [aid])
    db.execute("DELETE FROM articles WHERE id = ?", [aid])
    assert S.search(db, "che shan tuyet") == [] and S.search(db, "chè", exact=True) == []
    n, folded, exact = _fts_counts(db)
    assert n == folded == exact == len(STORIES) - 1
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    db.execute("INSERT INTO articles_fts_exact(articles_fts_exact) VALUES ('integrity-check')")


def _has_col(db, table: str, col: str) -> bool:
    return col in {r[1] for r in db.execute(f"PRAGMA table_info([{table}])")}


def test_triggers_work_on_a_plain_sqlite3_connection(store, tmp_path):
    """No Python function in the triggers: the sqlite3 shell or any other client keeps FTS current."""
    path = store.db.execute("PRAGMA database_list").fetchone()[2]
    store.db.commit()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO articles (url, site, province, title, body, content_hash, first_seen_at, last_seen_at)"
        " VALUES ('https://x.vn/1', 'x', 'Huế', 'Đại hội Đoàn', 'Đại hội đại biểu Đoàn thanh niên.', 'h', 'n', 'n')"
    )
    raw.commit()
    raw.close()
    assert titles(S.search(store.db, "dai hoi doan")) == {"Đại hội Đoàn"}


def test_ensure_search_is_idempotent_and_repairs(store):
    db = store.db
    before = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    S.ensure_search(db)
    S.ensure_search(db)
    assert db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == before
    assert _fts_counts(db) == (len(STORIES),) * 3
    # a lost table is recreated and backfilled; a lost trigger is recreated
    db.execute("DROP TABLE articles_fts")
    db.execute("DROP TRIGGER articles_fts_exact_ai")
    db.commit()
    S.ensure_search(db)
    assert _fts_counts(db) == (len(STORIES),) * 3
    assert titles(S.search(db, "dan van kheo")) == {"Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"}
    assert db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == before
    # an index that fell behind (rows written with the triggers missing) is rebuilt
    db.execute("DROP TRIGGER articles_fts_exact_ai")
    db.execute("INSERT INTO articles (url, site, title, body, content_hash, first_seen_at, last_seen_at)"
               " VALUES ('https://x.vn/2', 'x', 'Bầu cử', 'Cử tri đi bầu.', 'h2', 'n', 'n')")
    db.commit()
    S.ensure_search(db)
    assert titles(S.search(db, "bầu cử", exact=True)) == {"Bầu cử"}
    # and reopening through storage leaves everything as it is
    path = db.execute("PRAGMA database_list").fetchone()[2]
    again = open_db(path)
    assert again.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == len(STORIES) + 1
    again.close()


# -- views --------------------------------------------------------------------------------------------
def test_articles_by_month(store):
    rows = {(r["site"], r["month"]): r["articles"] for r in store.db.query("SELECT * FROM articles_by_month")}
    assert rows == {
        ("bdv-laichau", "2020-09"): 1, ("bdv-laichau", "2021-03"): 1, ("dienbien", "2022-06"): 1,
        ("dienbien", "2023-01"): 1, ("quangtri", "2019-04"): 1, ("quangtri", None): 1,
    }


def test_site_health(store):
    db = store.db
    # quangtri: ok, then two failures; dienbien: failed, then ok; bdv-laichau: running only
    for site, statuses in (("quangtri", ["ok", "failed", "failed"]), ("dienbien", ["failed", "ok"])):
        for k, status in enumerate(statuses):
            row = store.start_run(f"run{k}", site)
            counts = {"articles_new": k + 1, "empty_date": 1, "empty_byline": 2, "empty_body": 0,
                      "extracted": 4, "articles_updated": 1, "duplicates": 0}
            store.finish_run(row, status, counts, None if status == "ok" else "homepage: timeout")
            if status == "failed":
                store.record_failure(f"run{k}", site, f"https://{site}.example.vn/x", "timeout")
    store.start_run("run9", "bdv-laichau")
    health = {r["site"]: r for r in db.query("SELECT * FROM site_health")}
    assert set(health) == {"quangtri", "dienbien"}  # a site only ever "running" has no finished run
    q, d = health["quangtri"], health["dienbien"]
    assert (q["last_status"], q["failure_streak"], q["articles_new_last_run"]) == ("failed", 2, 3)
    assert q["last_reason"] == "homepage: timeout" and q["failures_last_run"] == 1
    ok_run = db.execute("SELECT started_at FROM crawl_runs WHERE site = 'quangtri' AND status = 'ok'").fetchone()
    assert q["last_success"] == ok_run[0]
    assert q["articles_total"] == 2 and q["province"] is None  # no sites row for the fixture sites
    assert (d["last_status"], d["failure_streak"], d["failures_last_run"]) == ("ok", 0, 0)
    if _has_col(db, "crawl_runs", "extracted"):
        assert (d["empty_date_rate"], d["empty_byline_rate"], d["empty_body_rate"]) == (0.25, 0.5, 0.0)


# -- commands -------------------------------------------------------------------------------------------
def _db_path(store) -> str:
    store.db.commit()
    return store.db.execute("PRAGMA database_list").fetchone()[2]


def test_search_command_json(store):
    res = CliRunner().invoke(S.search_command, ["dan van kheo", "--db", _db_path(store), "--json"])
    assert res.exit_code == 0, res.output
    hits = json.loads(res.stdout)
    assert [h["title"] for h in hits] == ["Lan tỏa phong trào “Dân vận khéo” ở Tam Đường"]
    assert set(hits[0]) == {"id", "date", "site", "province", "title", "url", "snippet"}


def test_search_command_text_and_options(store):
    path = _db_path(store)
    res = CliRunner().invoke(S.search_command, ["Đảng", "--exact", "--db", path, "--province", "lai chau",
                                                "--since", "2021-01-01", "--limit", "5"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("2021-03-05  bdv-laichau") and lines[0].endswith("Học tập nghị quyết của Đảng bộ tỉnh")
    assert lines[2].strip() == "https://bdv-laichau.example.vn/tin-tuc/bai-1.html" and len(lines) == 3
    bad = CliRunner().invoke(S.search_command, ["dang", "--db", path, "--province", "Atlantis"])
    assert bad.exit_code == 2 and "unknown province" in bad.output
    missing = CliRunner().invoke(S.search_command, ["dang", "--db", path + ".nope"])
    assert missing.exit_code == 2 and "no database" in missing.output
    assert "Example" in CliRunner().invoke(S.search_command, ["--help"]).output


def test_export_command(store, tmp_path):
    out = tmp_path / "exports"
    res = CliRunner().invoke(S.export_command, [str(out), "--db", _db_path(store), "--province", "dien bien"])
    assert res.exit_code == 0, res.output
    (folder,) = out.iterdir()
    assert folder.name.startswith("danvan-") and len(folder.name) == len("danvan-2025-01-01")
    rows = list(csv.DictReader(open(folder / "articles.csv", encoding="utf-8")))
    assert [r["title"] for r in rows] == ["Nông dân Mường Ảng đang thu hoạch cà phê",
                                          "Đa dạng hóa sinh kế cho đồng bào vùng biên"]
    assert list(rows[0]) == list(S.ARTICLE_COLUMNS)
    data = json.loads((folder / "articles.json").read_text("utf-8"))
    nd = [json.loads(line) for line in (folder / "articles.ndjson").read_text("utf-8").splitlines()]
    assert data == nd and [d["title"] for d in data] == [r["title"] for r in rows]
    assert data[0]["captions"] == [] and data[1]["byline"] is None
    readme = (folder / "README.md").read_text("utf-8")
    for col in S.ARTICLE_COLUMNS:
        assert f"| `{col}` |" in readme
    assert "province=dien bien" in readme and "articles: 2" in readme
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert [f["name"] for f in package["resources"][0]["schema"]["fields"]] == list(S.ARTICLE_COLUMNS)
    # date range and site; an empty export is still a valid dataset
    res = CliRunner().invoke(S.export_command, [str(out), "--db", _db_path(store), "--site", "quangtri",
                                                "--since", "2030-01-01"])
    assert res.exit_code == 0 and "exported 0 article(s)" in res.output
    assert json.loads((folder / "articles.json").read_text("utf-8")) == []
    bad = CliRunner().invoke(S.export_command, [str(tmp_path / "bad"), "--db", _db_path(store), "--until", "soon"])
    assert bad.exit_code == 2 and not (tmp_path / "bad").exists()
    assert "Example" in CliRunner().invoke(S.export_command, ["--help"]).output


def test_export_columns_cover_the_articles_table(store):
    cols = [r[1] for r in store.db.execute("PRAGMA table_info(articles)")]
    assert cols == list(S.ARTICLE_COLUMNS)


def test_bundled_metadata_matches_the_code():
    on_disk = json.loads(S.metadata_path().read_text("utf-8"))
    assert on_disk == S.datasette_metadata(), (
        "regenerate: python -c 'from danvan_crawler.search import write_metadata; write_metadata()'")
    tables = on_disk["databases"]["danvan"]["tables"]
    assert tables["articles"]["fts_table"] == "articles_fts" and tables["articles"]["fts_pk"] == "id"
