"""Our extractor vs trafilatura on the same pages: per-field accuracy and pages/s.

    .venv/bin/python benchmarks/extraction.py [--repeats 5] [--no-write]

Pages: the annotated corpus (tests/fixtures/pages), the sample sites' articles (expected.json), and the
real pages in shared/fixtures/real (manifest.json ground truth) when that folder exists. trafilatura runs
with metadata (``bare_extraction(..., with_metadata=True)``), as it would in a crawl. Timing: the whole
page set per run, median of ``--repeats`` runs, parse included for both. The result is printed and
written to benchmarks/RESULTS.md under "## Extraction" (other sections of that file are left alone).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan_crawler.evaluation import (  # noqa: E402
    DEFAULT_CORPUS,
    SAMPLE_BASE,
    SAMPLE_SITES,
    _resolver,
    _site_file,
    body_problem,
    date_matches,
)
from danvan_crawler.extraction import extract_article, is_article_page, parse_html  # noqa: E402
from danvan_crawler.extraction.text import normalize_text  # noqa: E402
from danvan_crawler.items import Article  # noqa: E402

REAL = Path("/work/shared/fixtures/real")
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
FIELDS = ("title", "date", "date_day", "byline", "body", "body_loose")


@dataclass
class Page:
    name: str
    html: bytes
    url: str
    exp: dict  # title, published_at, byline, lead, body_first, body_last, not_in_body


def load_pages() -> list[Page]:
    """Every annotated article page we have."""
    pages: list[Page] = []
    if DEFAULT_CORPUS.is_dir():
        for meta in sorted(DEFAULT_CORPUS.glob("*.json")):
            html = meta.with_suffix(".html")
            exp = json.loads(meta.read_text(encoding="utf-8"))
            if html.is_file() and exp.get("kind", "article") == "article":
                pages.append(Page(f"corpus:{meta.stem}", html.read_bytes(), exp["url"], exp))
    if SAMPLE_SITES.is_dir():
        for site in sorted(p for p in SAMPLE_SITES.iterdir() if (p / "expected.json").is_file()):
            expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
            resolver = _resolver(site)
            for art in expected.get("articles", []):
                f = _site_file(site, resolver, art["path"])
                if f is None:
                    continue
                exp = dict(art, not_in_body=expected.get("forbidden_phrases", []))
                html = f.read_bytes().replace(b"{{BASE}}", SAMPLE_BASE.encode())
                pages.append(Page(f"{site.name}:{art['path']}", html, SAMPLE_BASE + art["path"], exp))
    manifest = REAL / "manifest.json"
    if manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8")).get("pages", []):
            gt = entry.get("ground_truth", {})
            f = REAL / entry["file"]
            if not f.is_file():
                continue
            exp = {
                "title": gt.get("title"),
                "published_at": gt.get("published"),
                "byline": gt.get("byline"),
                "lead": gt.get("lead_sapo"),
                "body_first": gt.get("body_first_sentence"),
                "body_last": gt.get("body_last_sentence"),
                "not_in_body": gt.get("boilerplate_not_in_body", []),
            }
            pages.append(Page(f"real:{entry['file'][:40]}", f.read_bytes(), entry["original_url"], exp))
    return pages


def ours(page: Page) -> Article:
    return extract_article(page.html, page.url)


def ours_full(page: Page) -> bool:
    """What the spider does per page: one parse, classification, extraction."""
    tree = parse_html(page.html)
    return is_article_page(tree, page.url) and bool(extract_article(tree, page.url).body)


def trafilatura_article(page: Page) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    art = Article(url=page.url)
    if doc is None:
        return art
    art.title = normalize_text(doc.title or "")
    art.published_at = doc.date
    art.byline = normalize_text(doc.author) if doc.author else None
    paras = [normalize_text(p) for p in (doc.text or "").split("\n")]
    art.body = "\n\n".join(p for p in paras if p)
    return art


def score(pages: list[Page], fn) -> dict[str, float]:
    ok = dict.fromkeys(FIELDS, 0)
    for page in pages:
        art = fn(page)
        exp = page.exp
        ok["title"] += normalize_text(art.title) == normalize_text(exp.get("title") or "")
        ok["date"] += date_matches(exp.get("published_at"), art.published_at)
        ok["date_day"] += date_matches((exp.get("published_at") or "")[:10] or None, art.published_at)
        ok["byline"] += normalize_text(art.byline or "") == normalize_text(exp.get("byline") or "")
        problem = body_problem(
            art,
            first=exp.get("body_first"),
            last=exp.get("body_last"),
            lead=exp.get("lead"),
            forbidden=list(exp.get("not_in_body") or []),
        )
        ok["body"] += problem is None
        # looser, kinder to a general-purpose extractor: both sentences somewhere in the text, no furniture
        text = normalize_text(art.body)
        ok["body_loose"] += (
            bool(text)
            and normalize_text(exp.get("body_first") or "") in text
            and normalize_text(exp.get("body_last") or "") in text
            and not any(normalize_text(p) in text for p in exp.get("not_in_body") or [] if p)
        )
    return {k: v / len(pages) for k, v in ok.items()}


def interleaved_rates(pages: list[Page], fns: dict, repeats: int) -> dict[str, float]:
    """Pages/s per function, median of ``repeats`` runs. Runs are interleaved (A, B, C, A, B, C, ...) so
    that load from other processes on a shared machine hits every contender alike."""
    runs: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for page in pages:
                fn(page)
            runs[name].append(time.perf_counter() - t0)
    return {name: len(pages) / statistics.median(times) for name, times in runs.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only, do not update RESULTS.md")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import trafilatura

    pages = load_pages()
    if not pages:
        print("no pages found")
        return 1
    # warm-up: imports, lazy regex compilation, dateparser
    for page in pages[:3]:
        ours(page)
        trafilatura_article(page)

    acc_ours = score(pages, ours)
    acc_traf = score(pages, trafilatura_article)
    rates = interleaved_rates(
        pages, {"ours": ours, "full": ours_full, "trafilatura": trafilatura_article}, args.repeats
    )
    pps_ours, pps_full, pps_traf = rates["ours"], rates["full"], rates["trafilatura"]
    kb = sum(len(p.html) for p in pages) / len(pages) / 1024

    lines = [
        f"{len(pages)} article pages (corpus, sample sites, real), {kb:.0f} KB average; "
        f"median of {args.repeats} interleaved runs; Python {platform.python_version()}, "
        f"trafilatura {trafilatura.__version__} (bare_extraction, with_metadata=True).",
        "",
        "| field | danvan extractor | trafilatura |",
        "| --- | ---: | ---: |",
    ]
    labels = {
        "title": "title (exact)",
        "date": "date (to the minute when shown)",
        "date_day": "date (to the day)",
        "byline": "byline (exact)",
        "body": "body (opens with lead/first sentence, ends with last, no furniture)",
        "body_loose": "body (both sentences anywhere, no furniture)",
    }
    for f in FIELDS:
        lines.append(f"| {labels[f]} | {acc_ours[f]:.1%} | {acc_traf[f]:.1%} |")
    lines.append(f"| pages/s (extract_article vs bare_extraction) | {pps_ours:.0f} | {pps_traf:.0f} |")
    lines.append(f"| ms/page | {1000 / pps_ours:.2f} | {1000 / pps_traf:.2f} |")
    lines.append("")
    lines.append(
        f"Speed ratio: **{pps_ours / pps_traf:.1f}×** trafilatura. Parse + is_article_page + "
        f"extract_article on one tree (what the spider does): {pps_full:.0f} pages/s."
    )
    lines.append("")
    lines.append(f"Command: `.venv/bin/python benchmarks/extraction.py --repeats {args.repeats}`")
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


def write_section(text: str) -> None:
    """Replace (or append) the "## Extraction" section of RESULTS.md, leaving the others alone."""
    section = f"## Extraction\n\n{text}\n"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmark results\n"
    start = old.find("## Extraction")
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + section + (old[end + 1 :] if end != -1 else "")
    RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
