"""Near-duplicate look-up cost as the archive grows: 10k → 50k → 100k articles.

Inserts synthetic articles (Zipf-distributed Vietnamese-like syllables, 300–700 words, 5 % of them edited
copies of earlier ones) into a temporary SQLite file through NearDuplicateIndex, and at each checkpoint
times 300 look-ups of fresh articles (half are edited copies of stored ones):

* lookup  — ``index.candidates(sig)`` alone (fingerprint excluded)
* total   — ``fingerprint(body)`` + ``index.candidates(sig)`` (fingerprint included)

It prints medians, p95, the ratio to the first checkpoint (the target: within 2×), candidate recall on
the copies and the mean number of candidates returned.

    .venv/bin/python benchmarks/dedup.py            # 100,000 articles, ~3 minutes
    .venv/bin/python benchmarks/dedup.py --n 20000  # quicker
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from danvan_crawler.dedup import NearDuplicateIndex, fingerprint  # noqa: E402

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t",
          "th", "tr", "v", "x"]
RIMES = ["a", "à", "á", "ạ", "ai", "an", "ang", "anh", "ao", "âm", "ân", "ất", "âu", "e", "em", "ên", "ệnh",
         "i", "iên", "iết", "inh", "o", "oa", "oán", "ong", "ô", "ốc", "ông", "ơ", "ời", "u", "uân", "ung",
         "uyên", "ư", "ước", "ương", "ưới"]
QUERIES = 300
BATCH = 2000


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """Distinct syllable-like words, most frequent first."""
    words = sorted({o + r for o in ONSETS for r in RIMES} | {f"{o}{r}{i}" for o in ONSETS for r in RIMES
                                                              for i in range(10)})
    rng.shuffle(words)
    return words[:size]


class Generator:
    """Synthetic articles: Zipfian word choice, sentences of 12–30 words."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def sentence(self) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=self.rng.randint(12, 30))) + "."

    def article(self) -> list[str]:
        sentences, n = [], 0
        target = self.rng.randint(300, 700)
        while n < target:
            s = self.sentence()
            sentences.append(s)
            n += s.count(" ") + 1
        return sentences

    def edited_copy(self, sentences: list[str]) -> list[str]:
        """A republication: a new lead, one sentence dropped, one added."""
        out = [self.sentence(), *sentences[1:]]
        del out[self.rng.randrange(1, len(out))]
        out.insert(self.rng.randrange(1, len(out)), self.sentence())
        return out


def open_db(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path))
    db = sqlite_utils.Database(conn)
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def measure(index: NearDuplicateIndex, gen: Generator, stored: list[list[str]], ids: list[int],
            queries: int = QUERIES) -> dict:
    """Time look-ups: half edited copies of stored articles, half new articles."""
    lookup, total, hits, found, copies = [], [], [], 0, 0
    for q in range(queries):
        if q % 2 == 0:
            k = gen.rng.randrange(len(stored))
            body, source = " ".join(gen.edited_copy(stored[k])), ids[k]
        else:
            body, source = " ".join(gen.article()), None
        t0 = time.perf_counter()
        sig = fingerprint(body)
        t1 = time.perf_counter()
        cands = index.candidates(sig)
        t2 = time.perf_counter()
        lookup.append(t2 - t1)
        total.append(t2 - t0)
        hits.append(len(cands))
        if source is not None:
            copies += 1
            found += source in cands
    return {
        "lookup_ms": statistics.median(lookup) * 1000,
        "lookup_p95_ms": sorted(lookup)[int(len(lookup) * 0.95)] * 1000,
        "total_ms": statistics.median(total) * 1000,
        "total_p95_ms": sorted(total)[int(len(total) * 0.95)] * 1000,
        "recall": found / copies if copies else 1.0,
        "candidates": statistics.mean(hits),
    }


def run(n: int) -> None:
    checkpoints = sorted({max(1, n // 10), max(1, n // 2), n})
    gen = Generator()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = open_db(path)
        index = NearDuplicateIndex(db)
        # Keep a sample of stored bodies for the copy queries (all of them would cost memory, not time).
        sample: list[list[str]] = []
        sample_ids: list[int] = []
        recent: list[list[str]] = []
        batch: list[tuple[int, tuple[int, ...]]] = []
        results = []
        t_fp = t_ins = 0.0
        started = time.perf_counter()
        for article_id in range(1, n + 1):
            if recent and gen.rng.random() < 0.05:
                sentences = gen.edited_copy(gen.rng.choice(recent))  # 5 % republications in the archive
            else:
                sentences = gen.article()
            t0 = time.perf_counter()
            batch.append((article_id, fingerprint(" ".join(sentences))))
            t_fp += time.perf_counter() - t0
            recent = (recent + [sentences])[-50:]
            if gen.rng.random() < 2000 / n:
                sample.append(sentences)
                sample_ids.append(article_id)
            if len(batch) >= BATCH or article_id in checkpoints:
                t0 = time.perf_counter()
                index.add_many(batch)
                t_ins += time.perf_counter() - t0
                batch = []
            if article_id in checkpoints:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                measure(index, gen, sample, sample_ids, queries=50)  # warm-up, not reported
                res = measure(index, gen, sample, sample_ids)
                res["n"] = article_id
                res["db_mb"] = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 1e6
                results.append(res)
                elapsed = time.perf_counter() - started
                print(f"  … {article_id:,} articles indexed ({elapsed:.0f} s)", flush=True)
        db.close()
    report(results, n, t_fp, t_ins)


def report(results: list[dict], n: int, t_fp: float, t_ins: float) -> None:
    base = results[0]
    print()
    print(f"NearDuplicateIndex on SQLite (WAL, synchronous=NORMAL); {QUERIES} look-ups per checkpoint, "
          f"half of them edited copies")
    print(f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    print()
    print("| articles | lookup median (fingerprint excluded) | ratio | p95 "
          "| fingerprint + lookup median | ratio | p95 | copies found | candidates/lookup | db size |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['n']:,} | {r['lookup_ms']:.3f} ms | {r['lookup_ms'] / base['lookup_ms']:.2f}× "
              f"| {r['lookup_p95_ms']:.3f} ms | {r['total_ms']:.3f} ms "
              f"| {r['total_ms'] / base['total_ms']:.2f}× | {r['total_p95_ms']:.3f} ms "
              f"| {r['recall']:.1%} | {r['candidates']:.2f} | {r['db_mb']:.0f} MB |")
    print()
    print(f"indexing {n:,} articles: fingerprint {t_fp / n * 1000:.2f} ms/article, "
          f"add_many {t_ins / n * 1000:.3f} ms/article (batches of {BATCH:,})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to insert (default 100,000)")
    args = parser.parse_args()
    run(args.n)


if __name__ == "__main__":
    main()
