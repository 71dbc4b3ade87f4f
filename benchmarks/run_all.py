"""Run every benchmark and write benchmarks/RESULTS.md (``make bench``).

    .venv/bin/python benchmarks/run_all.py [--quick] [--only NAME ...]

Sections written here (each replaced in place, every other section of RESULTS.md left alone, e.g.
"## Extraction" from benchmarks/extraction.py and the hand-written "## Crawl profile and fixes"):

- "## Extraction speed on generated pages"  benchmarks/extraction_speed.py
- "## Crawl throughput" and "## Re-crawl"     benchmarks/crawl_speed.py throughput
- "## Memory"                                 benchmarks/crawl_speed.py memory
- "## Storage"                                benchmarks/storage_speed.py

It also runs benchmarks/extraction.py (accuracy; writes its own "## Extraction" section). The dedup
benchmark (benchmarks/dedup.py, ~3 minutes) keeps its own file, RESULTS_dedup.md, and is not run here.
Full run: ~12–15 minutes on a 2-core machine; --quick: ~4 minutes. Exits 2 when nginx is missing.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
RESULTS = BENCH / "RESULTS.md"
PY = sys.executable
sys.path.insert(0, str(BENCH))

import server  # noqa: E402


def write_section(heading: str, text: str) -> None:
    """Replace (or append) the section ``## heading`` of RESULTS.md; other sections stay as they are."""
    section = f"## {heading}\n\n{text.strip()}\n"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmark results\n"
    marker = f"## {heading}\n"
    start = old.find(marker)
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + section + ("\n" + old[end + 1:] if end != -1 else "")
    RESULTS.write_text(new, encoding="utf-8")


def run_json(args: list[str], out: Path) -> tuple[str, dict]:
    t0 = time.perf_counter()
    proc = subprocess.run([PY, *args, "--json", str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"benchmark failed: {' '.join(args)}")
    print(f"  ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return proc.stdout, json.loads(out.read_text(encoding="utf-8"))


def footer(cmd: str) -> str:
    return (f"\n\nCommand: `{cmd}` · {datetime.now():%Y-%m-%d %H:%M} · Python {platform.python_version()} · "
            f"{_cores()} cores.")


def _cores() -> int:
    import os

    return os.cpu_count() or 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sites and page sets (~4 minutes)")
    ap.add_argument("--only", nargs="*", choices=["accuracy", "extraction", "crawl", "memory", "storage"])
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    only = set(args.only or ["accuracy", "extraction", "crawl", "memory", "storage"])
    if only & {"crawl", "memory"}:
        try:
            server.find_nginx()
        except server.NginxMissing as e:
            print(f"make bench: {e}", file=sys.stderr)
            return 2
    q = args.quick
    r = str(args.repeats)
    tmp = Path(tempfile.mkdtemp(prefix="danvan-results-"))
    t_all = time.perf_counter()

    if "accuracy" in only:
        print("extraction accuracy (benchmarks/extraction.py) …", file=sys.stderr)
        # its own defaults (5 interleaved runs), as its author runs it
        subprocess.run([PY, str(BENCH / "extraction.py")], check=True, capture_output=True)

    if "extraction" in only:
        import extraction_speed

        pages = "100" if q else "500"
        print(f"extraction speed, {pages} generated pages …", file=sys.stderr)
        _, data = run_json([str(BENCH / "extraction_speed.py"), "--pages", pages, "--repeats", r],
                           tmp / "extraction.json")
        write_section("Extraction speed on generated pages", extraction_speed.report(data) + footer(
            f".venv/bin/python benchmarks/extraction_speed.py --pages {pages} --repeats {r}"))

    if "crawl" in only:
        import crawl_speed

        n = "500" if q else "2000"
        print(f"crawl throughput and re-crawl, {n}-article site …", file=sys.stderr)
        _, data = run_json([str(BENCH / "crawl_speed.py"), "throughput", "--articles", n, "--repeats", r],
                           tmp / "crawl.json")
        cmd = f".venv/bin/python benchmarks/crawl_speed.py throughput --articles {n} --repeats {r}"
        write_section("Crawl throughput", crawl_speed.report_throughput(data) + footer(cmd))
        write_section("Re-crawl", crawl_speed.report_recrawl(data) + footer(cmd))

    if "memory" in only:
        import crawl_speed

        n = "5000" if q else "20000"
        print(f"memory, {n}-article crawl …", file=sys.stderr)
        _, data = run_json([str(BENCH / "crawl_speed.py"), "memory", "--articles", n], tmp / "memory.json")
        marks = {int(k): v for k, v in data["run"]["at_marks"].items()}
        text = crawl_speed.report_memory([data])
        if 5000 in marks and 20000 in marks:
            a, b = marks[5000]["rss_main"], marks[20000]["rss_main"]
            text += (f"\n\nCrawl process RSS at 20,000 vs 5,000 pages: {b:.0f} MB vs {a:.0f} MB "
                     f"(**{(b - a) / a:+.0%}**, target within ±20%); peak {data['run']['peak_rss_main']:.0f} MB "
                     f"(target < 300 MB), {data['run']['peak_rss_total']:.0f} MB with the extraction worker.")
        text += ("\n\nOne crawl (RSS is not noisy the way timings are); the RSS at each page count is read "
                 "as that crawl passes it.")
        write_section("Memory", text + footer(f".venv/bin/python benchmarks/crawl_speed.py memory --articles {n}"))

    if "storage" in only:
        import storage_speed

        n = "500" if q else "2000"
        print(f"storage, {n} articles …", file=sys.stderr)
        _, data = run_json([str(BENCH / "storage_speed.py"), "--articles", n, "--repeats", r], tmp / "storage.json")
        write_section("Storage", storage_speed.report(data) + footer(
            f".venv/bin/python benchmarks/storage_speed.py --articles {n} --repeats {r}"))

    print(f"done in {time.perf_counter() - t_all:.0f} s; see {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
