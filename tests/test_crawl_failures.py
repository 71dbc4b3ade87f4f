"""A run with dead sites: it goes on, says what failed, exits 1; bad usage exits 2."""

from __future__ import annotations

import socket
import sqlite3

from tests.conftest import run_danvan


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dead_sites_fail_cleanly(tmp_path):
    port = closed_port()
    registry = tmp_path / "sites.toml"
    registry.write_text(
        f'''[[site]]
name = "dead-one"
title = "Dead"
province = "Lai Châu"
url = "http://127.0.0.1:{port}/"
source = "http://example.org/seen-here"

[[site]]
name = "dead-two"
title = "Dead too"
province = "Điện Biên"
url = "http://127.0.0.1:{port}/portal/"
source = "http://example.org/seen-here"
''',
        "utf-8",
    )
    db = tmp_path / "x.db"
    result = run_danvan("crawl", "--db", str(db), "--no-delay", env={"DANVAN_REGISTRY": str(registry)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for name in ("dead-one", "dead-two"):
        line = next(ln for ln in result.stdout.splitlines() if name in ln)
        assert "failed" in line and "connection refused" in line
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = dict(conn.execute("SELECT site, status FROM crawl_runs"))
    assert statuses == {"dead-one": "failed", "dead-two": "failed"}
    assert conn.execute("SELECT count(*) FROM failures WHERE reason = 'connection refused'").fetchone()[0] >= 2


def test_unknown_site_is_usage_error(tmp_path):
    result = run_danvan("crawl", "--site", "no-such-site", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "no-such-site" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_since_is_usage_error(tmp_path):
    result = run_danvan("crawl", "--since", "yesterday", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_broken_registry_is_usage_error(tmp_path):
    registry = tmp_path / "sites.toml"
    registry.write_text('[[site]]\nname = "x"\nbogus_key = 1\n', "utf-8")
    result = run_danvan("crawl", "--db", str(tmp_path / "x.db"), env={"DANVAN_REGISTRY": str(registry)})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
