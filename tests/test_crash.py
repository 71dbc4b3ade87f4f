"""Crash safety: ``danvan crawl`` killed with SIGKILL at random moments never corrupts the database, and a
re-run completes the site with every article stored exactly once. SIGTERM and SIGINT stop a crawl cleanly:
the current work finishes, the run is recorded as ``interrupted``, the exit status is 1, no traceback."""

from __future__ import annotations

import glob
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, run_danvan, write_registry
from tests.faultsite import big_site

# One request every 0.15 s (a download delay paces the slot exactly; with no delay Scrapy 2.19 on asyncio
# does not enforce the per-site concurrency): a full crawl of the 160-article site takes ~30 s, so random
# kills between 3 s and 7 s after the start (~3 s go to starting up) land in the middle of the work, most
# runs storing a few dozen articles more.
SLOW = ("--no-delay", "--set", "DOWNLOAD_DELAY=0.15")
KILLS = 6
SEED = 20261128


def start_crawl(db, registry, log=None) -> subprocess.Popen:
    """The command in its own session (so whatever it starts can be found), output to a file or pipes."""
    env = {**os.environ, "DANVAN_REGISTRY": str(registry)}
    out = log.open("ab") if log else subprocess.PIPE
    return subprocess.Popen([sys.executable, "-m", "danvan_crawler", "crawl", "--db", str(db), *SLOW],
                            env=env, cwd=ROOT, stdout=out, stderr=out if log else subprocess.PIPE,
                            text=log is None, start_new_session=True)


def session_processes(sid: int) -> list[str]:
    """Processes still alive in session ``sid`` (Linux /proc), as "pid command" strings."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                pid = stat.split("/")[2]
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"{pid} {cmd[:120]}")
        except (OSError, IndexError, ValueError):
            continue
    return found


def kill_hard(proc: subprocess.Popen) -> list[str]:
    """SIGKILL the crawl process itself (as ``kill -9 PID`` or the OOM killer would), wait for it, and
    return whatever it had started that is still alive 5 s later (then ended, by its session)."""
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    end = time.monotonic() + 5
    left = session_processes(proc.pid)
    while left and time.monotonic() < end:
        time.sleep(0.2)
        left = session_processes(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)  # our own leftovers: the session we created
    return left


def db_state(db) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def wait_for_articles(db, n: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if db.exists():
            try:
                if db_state(db)[1] >= n:
                    return
            except sqlite3.OperationalError:
                pass  # the schema is being created
        time.sleep(0.1)
    raise AssertionError(f"no {n} articles stored within {timeout}s")


@pytest.fixture
def site():
    with big_site(n=160, per_page=20, delay=0.02) as s:
        yield s


def test_sigkill_at_random_moments_loses_nothing(site, tmp_path):
    registry = write_registry(tmp_path / "sites.toml", [site])
    db = tmp_path / "crash.db"
    rng = random.Random(SEED)
    killed_mid_crawl, counts = 0, []
    for _ in range(KILLS):
        proc = start_crawl(db, registry, log=tmp_path / "killed.log")
        time.sleep(rng.uniform(3.0, 7.0))
        if proc.poll() is None:
            kill_hard(proc)  # leftovers are test_nothing_outlives_a_killed_crawl's business
            killed_mid_crawl += 1
        proc.wait(timeout=60)
        integrity, n = db_state(db)
        assert integrity == "ok"
        counts.append(n)
    print(f"SIGKILL x{killed_mid_crawl} (seed {SEED}): articles stored after each kill: {counts}")
    assert killed_mid_crawl >= 5, counts
    assert sum(b > a for a, b in zip([0, *counts[:-1]], counts, strict=True)) >= 3, f"few kills mid-write: {counts}"
    assert counts == sorted(counts), f"articles lost between runs: {counts}"
    assert counts[-1] < len(site.articles), "the kills came too late to test anything"

    final = run_danvan("crawl", "--db", str(db), *SLOW, env={"DANVAN_REGISTRY": str(registry)}, timeout=120)
    assert final.returncode == 0, final.stdout + final.stderr[-2000:]
    assert "Traceback" not in final.stderr

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(site.articles)
    assert conn.execute("SELECT count(*) FROM (SELECT url FROM articles GROUP BY url HAVING count(*) > 1)"
                        ).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_urls)"
                        ).fetchone()[0] == 0
    urls = {u for (u,) in conn.execute("SELECT url FROM article_urls")}
    missing = [a.path for a in site.articles if not any(u.endswith(a.path) for u in urls)]
    assert not missing, missing[:5]
    titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
    assert len(titles) == len(site.articles)
    # The killed runs are not left "running": the next run marked them interrupted.
    statuses = [s for (s,) in conn.execute("SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses[-1] == "ok" and "running" not in statuses
    assert statuses.count("interrupted") >= killed_mid_crawl


def test_nothing_outlives_a_killed_crawl(site, tmp_path):
    """Whatever the crawl starts (extraction workers, a fork server) dies with it: a leftover would keep
    cron's log pipe open, eat CPU beside the next run, and hold the files it had open."""
    registry = write_registry(tmp_path / "sites.toml", [site])
    db = tmp_path / "orphans.db"
    proc = start_crawl(db, registry, log=tmp_path / "killed.log")
    wait_for_articles(db, 5, proc)
    orphans = kill_hard(proc)
    assert not orphans, f"processes outlived the killed crawl: {orphans}"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_cleanly_as_interrupted(site, tmp_path, signum):
    registry = write_registry(tmp_path / "sites.toml", [site])
    db = tmp_path / "signal.db"
    proc = start_crawl(db, registry)
    wait_for_articles(db, 10, proc)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, out + err[-2000:]
    assert "Traceback" not in err
    line = next(ln for ln in out.splitlines() if "big-nv" in ln)
    assert line.split()[0] == "interrupted" and "stopped by a signal" in line
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    status, reason, new = conn.execute("SELECT status, reason, articles_new FROM crawl_runs").fetchone()
    assert status == "interrupted" and reason == "stopped by a signal"
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 10 <= stored < len(site.articles) and new == stored
