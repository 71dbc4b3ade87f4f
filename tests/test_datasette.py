"""Datasette over a real crawl of the sample sites, with the bundled metadata: facets and search via its JSON API."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from danvan_crawler import search as S
from danvan_crawler.storage import open_db
from tests.conftest import run_danvan

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def datasette_command() -> list[str]:
    """How to start Datasette (the ``browse`` extra); fails in CI, skips elsewhere, when missing."""
    exe = Path(sys.executable).with_name("datasette")
    if exe.exists():
        return [str(exe)]
    if importlib.util.find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    if shutil.which("datasette"):
        return [shutil.which("datasette")]
    message = "datasette is not installed: pip install -e '.[browse]'"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def crawl_demo(folder: Path) -> Path:
    """The real command: serve the bundled sample sites on 127.0.0.1 and crawl them into demo.db."""
    db = folder / "demo.db"
    proc = run_danvan("demo", "--db", str(db), timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_datasette(db: Path, log: Path):
    """Datasette serving ``db`` with the bundled metadata on a free loopback port; yields its base URL."""
    cmd = datasette_command()
    port = _free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [*cmd, "serve", str(db), "--metadata", str(S.metadata_path()), "-h", "127.0.0.1", "-p", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"datasette did not start: {log.read_text()}") from None
                    time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("datasette")
    db = crawl_demo(tmp)
    with running_datasette(db, tmp / "datasette.log") as base:
        yield base, db


def get_json(base: str, path: str, **params) -> dict:
    query = urllib.parse.urlencode({**params, "_shape": "objects"}, doseq=True)
    with urllib.request.urlopen(f"{base}{path}?{query}", timeout=10) as r:
        return json.loads(r.read().decode("utf-8"))


def facets(data: dict, name: str) -> dict[str, int]:
    return {r["value"]: r["count"] for r in data["facet_results"][name]["results"]}


def sql_counts(db: Path, column: str, ids: set[int] | None = None) -> dict[str, int]:
    conn = open_db(db)
    rows = conn.execute(f"SELECT id, {column} FROM articles").fetchall()
    conn.close()
    out: dict[str, int] = {}
    for i, v in rows:
        if ids is None or i in ids:
            out[v] = out.get(v, 0) + 1
    return out


def our_search(db: Path, query: str, **kw) -> list[dict]:
    conn = open_db(db)
    try:
        return S.search(conn, query, limit=1000, **kw)
    finally:
        conn.close()


def test_metadata_facets_province_and_site(served):
    base, db = served
    data = get_json(base, "/demo/articles.json")
    assert data["filtered_table_rows_count"] == sum(sql_counts(db, "site").values()) > 20
    assert facets(data, "province") == sql_counts(db, "province")
    assert facets(data, "site") == sql_counts(db, "site")
    assert set(facets(data, "province")) == {"Lai Châu", "Điện Biên", "Quảng Trị", "Bắc Ninh"}
    # a facet value as a filter narrows the rows
    lai = get_json(base, "/demo/articles.json", province="Lai Châu", _size="max")
    assert {r["province"] for r in lai["rows"]} == {"Lai Châu"}
    assert len(lai["rows"]) == sql_counts(db, "province")["Lai Châu"]


def test_accent_free_search_through_the_wired_fts_table(served):
    base, db = served
    data = get_json(base, "/demo/articles.json", _search="dan van kheo", _size="max")
    got = {r["id"]: r["title"] for r in data["rows"]}
    # exactly what danvan's own search finds, and the two "Dân vận khéo" stories among them
    assert set(got) == {h["id"] for h in our_search(db, "dan van kheo")}
    assert {t for t in got.values() if "Dân vận khéo" in t} == {
        "Thuận Thành ra mắt mô hình “Dân vận khéo” trong bảo vệ môi trường",
        "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường",
    }
    # facets follow the search
    assert facets(data, "site") == sql_counts(db, "site", set(got))
    # without the metadata's folded table this query finds nothing: the wiring is what makes it work
    exact = get_json(base, "/demo/articles.json", _search="dan van kheo", _fts_table="articles_fts_exact")
    assert exact["rows"] == []


def test_d_folding_and_exact_mode_in_datasette(served):
    base, db = served
    folded = {r["id"] for r in get_json(base, "/demo/articles.json", _search="dang", _size="max")["rows"]}
    assert folded == {h["id"] for h in our_search(db, "dang")}
    dang_titles = {"Nâng cao chất lượng giảng dạy học phần Xây dựng Đảng ở Trường Chính trị tỉnh",
                   "KỶ NIỆM 90 NĂM NGÀY TRUYỀN THỐNG CÔNG TÁC DÂN VẬN CỦA ĐẢNG"}
    by_title = {h["title"]: h["id"] for h in our_search(db, "dang")}
    assert dang_titles <= set(by_title)
    # typed with Đ (Datasette does not fold the query): still found
    typed = {r["id"] for r in get_json(base, "/demo/articles.json", _search="Đảng", _size="max")["rows"]}
    assert {by_title[t] for t in dang_titles} <= typed <= folded
    # exact diacritics: the FTS table chosen per request
    exact = get_json(base, "/demo/articles.json", _search="Đảng", _fts_table="articles_fts_exact", _size="max")
    assert {r["id"] for r in exact["rows"]} == {h["id"] for h in our_search(db, "Đảng", exact=True)}
    assert len(exact["rows"]) < len(folded)


def test_views_and_canned_queries(served):
    base, db = served
    months = get_json(base, "/demo/article_list.json", _search="dan van kheo")
    assert "month" in months["facet_results"] and "province" in months["facet_results"]
    per_month = get_json(base, "/demo/articles_per_site_per_month.json", site="")["rows"]
    assert sum(r["articles"] for r in per_month) == sum(sql_counts(db, "site").values())
    health = get_json(base, "/demo/site_health.json")["rows"]
    assert {r["site"] for r in health} == {"aspnet_portal", "joomla_school", "nukeviet_dcs", "wp_bdv", "wp_rest"}
    assert all(r["last_status"] == "ok" and r["failure_streak"] == 0 for r in health)
    canned = get_json(base, "/demo/search_without_diacritics.json", q="Đảng")["rows"]
    assert {r["title"] for r in canned} == {h["title"] for h in our_search(db, "dang")}
    exact = get_json(base, "/demo/search_exact_diacritics.json", q="Đảng")["rows"]
    assert {r["title"] for r in exact} == {h["title"] for h in our_search(db, "Đảng", exact=True)}
