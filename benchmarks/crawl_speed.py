"""Crawl benchmarks on a generated site served by nginx on 127.0.0.1: throughput, re-crawl, memory.

    .venv/bin/python benchmarks/crawl_speed.py throughput [--articles 2000] [--repeats 3] [--json OUT]
    .venv/bin/python benchmarks/crawl_speed.py memory [--articles 20000] [--json OUT]

throughput: a bare Scrapy spider that only follows links (benchmarks/bare_spider.py) and
``danvan crawl URL --no-delay --db TMP`` (extraction, dedup, storage) take turns on the same site,
``--repeats`` times each; each danvan run starts from an empty database and is followed by a second
run on the unchanged site (the re-crawl figures). Pages are the requests nginx logged during the
run; pages/s divides them by the process's wall time (start-up included, equal for both) and by
Scrapy's own elapsed time.

memory: one danvan crawl of a larger site; the RSS of the crawl process (and of its extraction
worker) is sampled every 0.1 s from /proc and read as the crawl passes 5,000, 10,000 and 20,000
fetched pages, plus the peaks (and ru_maxrss from wait4).

The site (NukeViet-shaped, ~75 KB pages, 8 categories with pagination, robots.txt, sitemap.xml) is
generated into a temp folder at run time by benchmarks/sitegen.py and deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import server  # noqa: E402
import sitegen  # noqa: E402

PY = sys.executable
DANVAN = str(Path(sys.executable).with_name("danvan"))
PAGE = 4096


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE / 2**20
    except OSError:
        return 0.0


def run_measured(cmd: list[str], access_log: Path, marks: tuple[int, ...] = ()) -> dict:
    """Run ``cmd``; wall time, requests nginx served meanwhile, RSS samples (main, children) and rusage."""
    offset = access_log.stat().st_size if access_log.exists() else 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    peak_main = peak_kids = peak_total = 0.0
    at_marks: dict[int, dict] = {}
    served = 0
    log_off = offset
    rusage = None
    while True:
        pid_done, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid_done:
            rusage = ru
            break
        main_rss = _rss_mb(proc.pid)
        kids = sum(_rss_mb(c) for c in _children(proc.pid))
        peak_main, peak_kids = max(peak_main, main_rss), max(peak_kids, kids)
        peak_total = max(peak_total, main_rss + kids)
        if marks:
            lines, log_off = server.log_lines(access_log, log_off)
            served += len(lines)
            for m in marks:
                if m not in at_marks and served >= m:
                    at_marks[m] = {"pages": served, "rss_main": main_rss, "rss_workers": kids,
                                   "peak_main_so_far": peak_main}
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    lines, _ = server.log_lines(access_log, offset)
    return {
        "cmd": cmd, "rc": proc.returncode, "wall": wall, "requests": len(lines),
        "article_requests": sum(1 for ln in lines if re.search(r'"GET /tin-tuc/[^ ]+\.html ', ln)),
        "peak_rss_main": peak_main, "peak_rss_workers": peak_kids, "peak_rss_total": peak_total,
        "ru_maxrss_mb": rusage.ru_maxrss / 1024, "cpu_s": rusage.ru_utime + rusage.ru_stime,
        "at_marks": at_marks, "stdout": out[-2000:], "stderr": err[-2000:],
    }


def _scrapy_elapsed(log_dir: Path) -> float | None:
    logs = sorted(log_dir.glob("crawl-*.log"), key=lambda p: p.stat().st_mtime)
    if not logs:
        return None
    m = re.findall(r"'elapsed_time_seconds': ([\d.]+)", logs[-1].read_text(errors="replace"))
    return float(m[-1]) if m else None


def danvan_cmd(base: str, db: Path, max_pages: int, extra: list[str]) -> list[str]:
    return [DANVAN, "crawl", base + "/", "--no-delay", "--db", str(db), "--max-pages", str(max_pages), *extra]


def throughput(n_articles: int, repeats: int, extra: list[str]) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="danvan-bench-"))
    try:
        t0 = time.perf_counter()
        info = sitegen.build_site(tmp / "site", n_articles)
        gen_s = time.perf_counter() - t0
        with server.nginx_site(info.root) as (base, access_log):
            sitegen.set_base(info.root, base)
            runs = []
            for r in range(repeats):
                bare = run_measured([PY, str(ROOT / "benchmarks" / "bare_spider.py"), base + "/",
                                     "--log", str(tmp / f"bare{r}.log")], access_log)
                try:
                    bare["scrapy"] = json.loads(bare["stdout"].strip().splitlines()[-1])
                except (ValueError, IndexError):
                    raise RuntimeError(f"bare spider failed: {bare['stderr']}") from None
                db = tmp / f"run{r}" / "bench.db"
                first = run_measured(danvan_cmd(base, db, n_articles * 2, extra), access_log)
                first["scrapy_elapsed"] = _scrapy_elapsed(db.parent / "logs")
                second = run_measured(danvan_cmd(base, db, n_articles * 2, extra), access_log)
                import sqlite3

                con = sqlite3.connect(db)
                first["articles_stored"] = con.execute("select count(*) from articles").fetchone()[0]
                con.close()
                for run in (bare, first, second):
                    if run["rc"] not in (0, None) and run is not bare:
                        raise RuntimeError(f"danvan crawl exited {run['rc']}: {run['stdout']}{run['stderr']}")
                runs.append({"bare": bare, "danvan": first, "recrawl": second})
                print(f"  run {r + 1}: bare {bare['requests'] / bare['wall']:.1f} p/s, danvan "
                      f"{first['requests'] / first['wall']:.1f} p/s ({first['articles_stored']} articles), "
                      f"re-crawl {second['requests']} requests {second['wall']:.1f} s", file=sys.stderr)
                shutil.rmtree(db.parent, ignore_errors=True)
        return {"articles": n_articles, "listings": info.listings, "generate_s": gen_s, "runs": runs,
                "extra_args": extra}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def memory(n_articles: int, extra: list[str], marks=(5000, 10000, 20000)) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="danvan-bench-mem-"))
    try:
        info = sitegen.build_site(tmp / "site", n_articles)
        with server.nginx_site(info.root) as (base, access_log):
            sitegen.set_base(info.root, base)
            db = tmp / "run" / "bench.db"
            run = run_measured(danvan_cmd(base, db, n_articles * 2, extra), access_log,
                               marks=tuple(m for m in marks if m <= n_articles))
            if run["rc"] not in (0, None):
                raise RuntimeError(f"danvan crawl exited {run['rc']}: {run['stdout']}{run['stderr']}")
            import sqlite3

            con = sqlite3.connect(db)
            run["articles_stored"] = con.execute("select count(*) from articles").fetchone()[0]
            con.close()
        return {"articles": n_articles, "run": run}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def med(values):
    return statistics.median(values)


def report_throughput(r: dict) -> str:
    runs = r["runs"]
    bare_pps = [x["bare"]["requests"] / x["bare"]["wall"] for x in runs]
    dv_pps = [x["danvan"]["requests"] / x["danvan"]["wall"] for x in runs]
    ratio = [d / b for d, b in zip(dv_pps, bare_pps, strict=True)]
    bare_el = [x["bare"]["requests"] / x["bare"]["scrapy"]["elapsed"] for x in runs]
    dv_el = [x["danvan"]["requests"] / x["danvan"]["scrapy_elapsed"] for x in runs if x["danvan"]["scrapy_elapsed"]]
    conc = runs[0]["bare"]["scrapy"]["concurrency"]
    lines = [
        f"Site: {r['articles']:,} generated article pages (~75 KB) + {r['listings']} listing pages, "
        f"nginx on 127.0.0.1; "
        f"{len(runs)} runs, bare and danvan alternating; medians. Both: CONCURRENT_REQUESTS={conc[0]}, "
        f"PER_DOMAIN={conc[1]}, CONCURRENT_ITEMS={conc[2]}, no delay, robots.txt obeyed."
        + (f" danvan extra arguments: `{' '.join(r['extra_args'])}`." if r["extra_args"] else ""),
        "",
        "| crawler | requests | wall s | pages/s (wall) | pages/s (Scrapy elapsed) | CPU s (all processes) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| bare spider (follow links only) | {med([x['bare']['requests'] for x in runs]):.0f} | "
        f"{med([x['bare']['wall'] for x in runs]):.1f} | {med(bare_pps):.1f} | {med(bare_el):.1f} | "
        f"{med([x['bare']['cpu_s'] for x in runs]):.1f} |",
        f"| danvan crawl --no-delay (extract, dedup, store) | {med([x['danvan']['requests'] for x in runs]):.0f} | "
        f"{med([x['danvan']['wall'] for x in runs]):.1f} | {med(dv_pps):.1f} | "
        f"{med(dv_el) if dv_el else float('nan'):.1f} | {med([x['danvan']['cpu_s'] for x in runs]):.1f} |",
        "",
        f"danvan / bare (per run, side by side): {', '.join(f'{x:.0%}' for x in ratio)}; median **{med(ratio):.0%}** "
        f"(target ≥ 80%). Articles stored per run: {', '.join(str(x['danvan']['articles_stored']) for x in runs)}.",
    ]
    return "\n".join(lines)


def report_recrawl(r: dict) -> str:
    runs = r["runs"]
    first_art = med([x["danvan"]["article_requests"] for x in runs])
    sec_art = med([x["recrawl"]["article_requests"] for x in runs])
    lines = [
        f"Second `danvan crawl` of the unchanged {r['articles']:,}-article site into the same database "
        f"({len(runs)} runs, medians).",
        "",
        "| run | requests | article pages fetched | seconds |",
        "| --- | ---: | ---: | ---: |",
        f"| first | {med([x['danvan']['requests'] for x in runs]):.0f} | {first_art:.0f} | "
        f"{med([x['danvan']['wall'] for x in runs]):.1f} |",
        f"| second (unchanged site) | {med([x['recrawl']['requests'] for x in runs]):.0f} | {sec_art:.0f} | "
        f"{med([x['recrawl']['wall'] for x in runs]):.1f} |",
        "",
        f"Second run's article fetches: **{sec_art / max(first_art, 1):.1%}** of the first run's (target ≤ 10%).",
    ]
    return "\n".join(lines)


def report_memory(results: list[dict]) -> str:
    lines = [
        "RSS of the `danvan crawl --no-delay` process (and, separately, its extraction worker) sampled every "
        "0.1 s from /proc; read as the crawl passes each page count.",
        "",
        "| site | pages fetched | RSS crawl process at mark (MB) | RSS worker at mark (MB) | peak crawl process "
        "(MB) | peak worker (MB) | peak sum (MB) | ru_maxrss (MB) | pages/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        run = r["run"]
        for mark, m in sorted(run["at_marks"].items(), key=lambda kv: int(kv[0])):
            lines.append(f"| {r['articles']:,} articles | {int(mark):,} | {m['rss_main']:.0f} | "
                         f"{m['rss_workers']:.0f} | | | | | |")
        lines.append(f"| {r['articles']:,} articles | {run['requests']:,} (end) | | | {run['peak_rss_main']:.0f} | "
                     f"{run['peak_rss_workers']:.0f} | {run['peak_rss_total']:.0f} | {run['ru_maxrss_mb']:.0f} | "
                     f"{run['requests'] / run['wall']:.1f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["throughput", "memory"])
    ap.add_argument("--articles", type=int)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--danvan-arg", action="append", default=[], help="extra argument for danvan crawl")
    args = ap.parse_args()
    try:
        server.find_nginx()
    except server.NginxMissing as e:
        print(e, file=sys.stderr)
        return 2
    if args.what == "throughput":
        r = throughput(args.articles or 2000, args.repeats, args.danvan_arg)
        text = report_throughput(r) + "\n\n" + report_recrawl(r)
    else:
        r = memory(args.articles or 20000, args.danvan_arg)
        text = report_memory([r])
    print(text)
    if args.json:
        args.json.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
