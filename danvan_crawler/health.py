"""Site health from ``crawl_runs``: what ``danvan status`` prints and how drift is flagged.

Drift means a site changed under us, typically a new template the extractor cannot read. Two
signals, both measured on article pages the run actually extracted (an incremental run that
finds nothing new extracts nothing and is never flagged):

* **no yield**: the site has yielded articles before, and this run extracted article pages
  but could keep none of them (every one came out without text);
* **rate jump**: the share of extracted articles without a date, a byline or a body rose by
  at least ``JUMP`` (absolute) over the site's earlier runs.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
import sqlite_utils

from danvan_crawler.errors import ConfigError

JUMP = 0.5  # 0.5 = fifty percentage points; small drifts are noise on a handful of articles
MIN_EXTRACTED = 3  # below this a rate says nothing
BASELINE_RUNS = 5


@dataclass
class SiteHealth:
    site: str
    last_run: str | None
    last_status: str | None
    last_success: str | None
    new_last_run: int
    total_articles: int
    failure_streak: int
    empty_date_rate: float | None
    empty_byline_rate: float | None
    empty_body_rate: float | None
    drift: list[str] = field(default_factory=list)


def _rates(row: dict) -> dict[str, float] | None:
    n = row["extracted"] or 0
    if n < 1:
        return None
    return {k: (row[f"empty_{k}"] or 0) / n for k in ("date", "byline", "body")}


def drift_reasons(runs: list[dict]) -> list[str]:
    """Why the newest run (``runs[0]``, newest first) looks like a changed site; empty if fine."""
    if not runs:
        return []
    last, earlier = runs[0], runs[1:]
    reasons = []
    yielded_before = sum((r["articles_new"] or 0) + (r["articles_updated"] or 0) for r in earlier)
    extracted = last["extracted"] or 0
    if yielded_before and extracted and (last["empty_body"] or 0) >= extracted:
        reasons.append(f"no yield: {extracted} article page(s) fetched, none readable")
    base = [r for r in earlier[:BASELINE_RUNS] if (r["extracted"] or 0) > 0]
    if extracted >= MIN_EXTRACTED and base:
        now = _rates(last)
        total = sum(r["extracted"] for r in base)
        for key in ("date", "byline", "body"):
            before = sum(r[f"empty_{key}"] or 0 for r in base) / total
            if now and now[key] - before >= JUMP:
                reasons.append(f"empty {key} rate {before:.0%} -> {now[key]:.0%}")
    return reasons


def site_health(db: sqlite_utils.Database, sites: list[str] | None = None) -> list[SiteHealth]:
    """Health of every site that has run records (or of ``sites``)."""
    names = sites or [r[0] for r in db.execute("SELECT DISTINCT site FROM crawl_runs ORDER BY site")]
    out = []
    for site in names:
        runs = list(db.query(
            "SELECT * FROM crawl_runs WHERE site = ? AND status != 'running' ORDER BY id DESC LIMIT 50", [site]
        ))
        if not runs:
            continue
        last = runs[0]
        streak = 0
        for r in runs:
            if r["status"] != "failed":
                break
            streak += 1
        success = next((r["started_at"] for r in runs if r["status"] == "ok"), None)
        total = db.execute("SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
        rates = _rates(last) or {}
        out.append(SiteHealth(
            site=site, last_run=last["started_at"], last_status=last["status"], last_success=success,
            new_last_run=last["articles_new"] or 0, total_articles=total, failure_streak=streak,
            empty_date_rate=rates.get("date"), empty_byline_rate=rates.get("byline"),
            empty_body_rate=rates.get("body"), drift=drift_reasons(runs),
        ))
    return out


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def health_lines(report: list[SiteHealth]) -> list[str]:
    head = (f"{'site':<26} {'last run':<20} {'status':<11} {'last success':<20} {'new':>4} {'total':>6}"
            f" {'fail':>4} {'no date':>7} {'no byline':>9} {'no body':>7}  drift")
    lines = [head]
    for h in report:
        lines.append(
            f"{h.site:<26} {(h.last_run or '-')[:19]:<20} {h.last_status or '-':<11} {(h.last_success or '-')[:19]:<20}"
            f" {h.new_last_run:>4} {h.total_articles:>6} {h.failure_streak:>4} {_pct(h.empty_date_rate):>7}"
            f" {_pct(h.empty_byline_rate):>9} {_pct(h.empty_body_rate):>7}  {'; '.join(h.drift) or '-'}"
        )
    return lines


@click.command("status")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("output") / "danvan.db",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per site.")
def status_command(db: Path, as_json: bool) -> None:
    """Per-site health: last run, last success, new and total articles, failure streak,
    empty-field rates, and a drift flag. Exits 1 when a site drifts or its last run failed.

    \b
    Example:
        danvan status --db output/danvan.db
    """
    if not db.exists():
        raise ConfigError(f"no database at {db}")
    from danvan_crawler.storage import open_db

    conn = open_db(db)
    report = site_health(conn)
    conn.close()
    if as_json:
        for h in report:
            click.echo(json.dumps(asdict(h), ensure_ascii=False))
    else:
        for line in health_lines(report):
            click.echo(line)
    if any(h.drift or h.last_status == "failed" for h in report):
        raise SystemExit(1)
