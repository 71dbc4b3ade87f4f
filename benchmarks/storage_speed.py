"""Storage speed: articles/s written to SQLite through Store, with whatever open_db sets up (FTS triggers).

    .venv/bin/python benchmarks/storage_speed.py [--articles 2000] [--repeats 3] [--json OUT]

Each run opens a fresh database with ``storage.open_db`` (WAL, synchronous=NORMAL, migrations, the
near-duplicate index and, when search.ensure_search is wired in, the FTS5 tables and their triggers)
and saves distinct generated articles (~8 KB bodies of random Vietnamese words, so every one goes
through all three dedup steps: URL, exact hash, MinHash LSH candidates) two ways:
``save_article`` (one transaction per article) and ``save_batched`` (what the crawl does: one
transaction per 200 articles). The fingerprint is computed by the store in both. Medians of the runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sitegen  # noqa: E402

from danvan_crawler.items import Article  # noqa: E402
from danvan_crawler.storage import Store  # noqa: E402


def articles(n: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = [" ".join(sitegen.sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(7, 14))]
        out.append(Article(
            url=f"http://bench.example.vn/tin-tuc/bai-{seed}-{i}-{rng.getrandbits(32):x}.html",
            title=sitegen.title_text(rng), published_at=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T08:30:00+07:00",
            date_source="meta", byline=sitegen.person(rng), body="\n\n".join(paras), lead=paras[0],
            captions=[sitegen.sentence(rng, 6, 10)], site="bench", province="Kon Tum",
        ))
    return out


def one_run(n: int, seed: int, batched: bool) -> float:
    items = articles(n, seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        store.upsert_site("bench", "Bench", "http://bench.example.vn/", "Kon Tum", None)
        t0 = time.perf_counter()
        for a in items:
            (store.save_batched if batched else store.save_article)(a)
        store.commit()
        elapsed = time.perf_counter() - t0
        store.close()
    return n / elapsed


def fts_triggers() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "t.db")
        rows = store.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
        tables = store.db.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'").fetchall()
        store.close()
    return [r[0] for r in rows] + [f"(fts5 table {t[0]})" for t in tables]


def run(n: int, repeats: int) -> dict:
    per_item, batched = [], []
    for r in range(repeats):  # alternate, so both see the same machine state
        per_item.append(one_run(n, 100 + r, batched=False))
        batched.append(one_run(n, 200 + r, batched=True))
    return {"articles": n, "repeats": repeats, "per_item": per_item, "batched": batched, "triggers": fts_triggers()}


def report(r: dict) -> str:
    trig = r["triggers"]
    return "\n".join([
        f"{r['articles']:,} distinct generated articles (~8 KB bodies) saved through `Store` into a fresh database "
        f"opened by `storage.open_db` as it stands (WAL, synchronous=NORMAL); {r['repeats']} runs, medians. "
        + (f"Triggers present (FTS on): {', '.join(trig)}." if trig else "No triggers: FTS was not set up by open_db."),
        "",
        "| write path | articles/s | ms/article |",
        "| --- | ---: | ---: |",
        f"| `save_article` (one transaction each) | {statistics.median(r['per_item']):.0f} | "
        f"{1000 / statistics.median(r['per_item']):.2f} |",
        f"| `save_batched` (200 per transaction, as the crawl does) | {statistics.median(r['batched']):.0f} | "
        f"{1000 / statistics.median(r['batched']):.2f} |",
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    r = run(args.articles, args.repeats)
    print(report(r))
    if args.json:
        args.json.write_text(json.dumps(r, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
