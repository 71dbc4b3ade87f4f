"""Extraction speed on generated pages of realistic size: our extractor vs trafilatura vs a bare lxml parse.

    .venv/bin/python benchmarks/extraction_speed.py [--pages 500] [--repeats 3] [--json OUT]

500 article pages of 60–120 KB (benchmarks/sitegen.py: five CMS families with menus, sidebars of dated
links, related lists, comments, inline styles and scripts), decoded text in memory, one process. Each
repeat runs the three contestants one after the other over the whole set (side by side, same warm
state); figures are medians over the repeats. A sanity pass checks that each extractor actually finds
the title and body (a fast extractor that fails early would be no result).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import lxml.html  # noqa: E402
import sitegen  # noqa: E402

from danvan_crawler.extraction import extract_article, is_article_page, parse_html  # noqa: E402
from danvan_crawler.extraction.analysis import analyse_page  # noqa: E402


def lxml_parse(html: str, url: str):
    return lxml.html.document_fromstring(html)


def ours(html: str, url: str):
    """What the spider needs to store a page: one parse, classification, extraction."""
    tree = parse_html(html)
    if is_article_page(tree, url):
        return extract_article(tree, url)
    return None


def ours_full(html: str, url: str):
    """All the spider's per-page work (also links and the dedup fingerprint): analyse_page."""
    return analyse_page(html, url, home=url.split("/", 3)[0] + "//" + url.split("/", 3)[2] + "/").article


def trafilatura_meta(html: str, url: str):
    import trafilatura

    return trafilatura.bare_extraction(html, url=url, with_metadata=True)


CONTESTANTS = {
    "lxml parse (floor)": lxml_parse,
    "danvan: parse + classify + extract": ours,
    "danvan: analyse_page (+ links, fingerprint)": ours_full,
    "trafilatura bare_extraction(with_metadata=True)": trafilatura_meta,
}


def sanity(pages) -> dict[str, float]:
    """Share of pages where each extractor finds the exact title and the body's first and last sentence."""
    out = {}
    for name, fn in (("danvan", ours), ("trafilatura", trafilatura_meta)):
        ok = 0
        for html, url, exp in pages:
            r = fn(html, url)
            if r is None:
                continue
            title, body = (r.title, r.body) if name == "danvan" else (r.title or "", r.text or "")
            ok += title == exp["title"] and exp["body_first"][:60] in body and exp["body_last"][-60:] in body
        out[name] = ok / len(pages)
    return out


def run(n_pages: int, repeats: int) -> dict:
    warnings.filterwarnings("ignore")
    import trafilatura

    pages = sitegen.extraction_pages(n_pages)
    kb = [len(p[0].encode()) / 1024 for p in pages]
    for html, url, _ in pages[:5]:  # warm-up: imports, lazy regexes
        for fn in CONTESTANTS.values():
            fn(html, url)
    times: dict[str, list[float]] = {k: [] for k in CONTESTANTS}
    for _ in range(repeats):
        for name, fn in CONTESTANTS.items():
            t0 = time.perf_counter()
            for html, url, _exp in pages:
                fn(html, url)
            times[name].append(time.perf_counter() - t0)
    pps = {k: len(pages) / statistics.median(v) for k, v in times.items()}
    return {
        "pages": len(pages),
        "kb_min": min(kb), "kb_median": statistics.median(kb), "kb_max": max(kb),
        "repeats": repeats,
        "pps": pps,
        "runs_s": times,
        "sanity": sanity(pages[: min(100, len(pages))]),
        "trafilatura": trafilatura.__version__,
    }


def report(r: dict) -> str:
    pps = r["pps"]
    traf = pps["trafilatura bare_extraction(with_metadata=True)"]
    lines = [
        f"{r['pages']} generated article pages (5 CMS families, {r['kb_min']:.0f}–{r['kb_max']:.0f} KB, median "
        f"{r['kb_median']:.0f} KB), one process, the contestants side by side in each of {r['repeats']} runs; "
        f"median pages/s. trafilatura {r['trafilatura']}.",
        "",
        "| contestant | pages/s | ms/page | × trafilatura |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, v in pps.items():
        lines.append(f"| {name} | {v:.0f} | {1000 / v:.2f} | {v / traf:.1f}× |")
    s = r["sanity"]
    lines += [
        "",
        f"Sanity (first 100 pages: exact title and the body's first and last sentence found): danvan "
        f"{s['danvan']:.0%}, trafilatura {s['trafilatura']:.0%}.",
    ]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()
    r = run(args.pages, args.repeats)
    print(report(r))
    if args.json:
        args.json.write_text(json.dumps(r, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
