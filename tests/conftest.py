"""Shared test helpers: serve fixture sites on 127.0.0.1 and run the real ``danvan`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_crawler.sitesrv import SiteServer, sample_sites_dir, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITES = ROOT / "tests" / "fixtures" / "sites"


def sample_site(name: str) -> Path:
    return sample_sites_dir() / name


def expected(site: Path) -> dict:
    return json.loads((site / "expected.json").read_text("utf-8"))


def write_registry(path: Path, servers: list[SiteServer]) -> Path:
    """A registry TOML naming the served fixture sites, as a user's registry would."""
    lines = []
    for s in servers:
        lines += [
            "[[site]]",
            f'name = "{s.name.replace("_", "-")}"',
            f'title = "{s.meta.get("title", s.name)}"',
            f'province = "{s.meta.get("province", "Lai Châu")}"',
            f'url = "{s.url("/")}"',
            f'cms = "{s.meta.get("cms", "unknown")}"',
            f'source = "{s.url("/")}"',
            "",
        ]
    path.write_text("\n".join(lines), "utf-8")
    return path


def run_danvan(*args: str, env: dict | None = None, timeout: float = 240,
               cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed command, in a child process, exactly as cron would run it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "danvan_crawler", *args],
        capture_output=True, text=True, timeout=timeout, env=full_env, cwd=cwd or ROOT,
    )


@pytest.fixture
def served_samples():
    """Every bundled sample site, each on its own loopback port."""
    from danvan_crawler.sitesrv import site_folders

    with serve(site_folders(sample_sites_dir())) as servers:
        yield {s.name: s for s in servers}
