"""Measure the extractor against annotated pages: per-field accuracy and the failing pages.

Two layouts are read:
- a corpus folder of ``NAME.html`` + ``NAME.json`` pairs (``tests/fixtures/pages``), JSON fields: url,
  family, kind ("article"/"listing"), title, published_at (full ISO or date only), byline, source,
  body_first, body_last, lead, captions, not_in_body;
- a sample site (``danvan_crawler/sample_sites/<site>``) whose ``expected.json`` lists articles by path,
  non-article paths and phrases forbidden in every body.

Comparison rules (the acceptance rules): title exact after normalization; the date to the minute when the
expected value has a time, to the day otherwise; byline and source exact (None equals None); body right
when it opens with the lead/first sentence, ends with the last sentence, and holds no forbidden phrase;
kind right when :func:`is_article_page` agrees.
"""

from __future__ import annotations

import importlib.util
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .extraction import extract_article, is_article_page, parse_html
from .extraction.text import normalize_text
from .items import Article

FIELDS = ("title", "date", "byline", "source", "body", "lead", "kind")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "tests" / "fixtures" / "pages"
SAMPLE_SITES = Path(__file__).resolve().parent / "sample_sites"
SAMPLE_BASE = "http://127.0.0.1:8000"


@dataclass
class Failure:
    page: str
    field: str
    expected: Any
    got: Any


@dataclass
class Report:
    """Counts per field (``ok``/``total``) and every failure with the wrong value."""

    ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    failures: list[Failure] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0

    def accuracy(self, name: str) -> float:
        return self.ok[name] / self.total[name] if self.total[name] else 1.0

    def add(self, page: str, name: str, good: bool, expected: Any = None, got: Any = None) -> None:
        self.total[name] += 1
        if good:
            self.ok[name] += 1
        else:
            self.failures.append(Failure(page, name, expected, got))

    def merge(self, other: Report) -> None:
        for k in FIELDS:
            self.ok[k] += other.ok[k]
            self.total[k] += other.total[k]
        self.failures += other.failures
        self.pages += other.pages
        self.seconds += other.seconds

    def table(self, *, show_failures: bool = True, limit: int = 200) -> str:
        lines = [f"{'field':<8} {'ok':>5} {'total':>6} {'accuracy':>9}"]
        for k in FIELDS:
            if self.total[k]:
                lines.append(f"{k:<8} {self.ok[k]:>5} {self.total[k]:>6} {self.accuracy(k):>9.1%}")
        if self.seconds:
            lines.append(f"{self.pages} pages in {self.seconds:.2f} s ({self.pages / self.seconds:.0f} pages/s)")
        if show_failures and self.failures:
            lines.append("")
            lines.append("failures:")
            for f in self.failures[:limit]:
                lines.append(f"  {f.page} [{f.field}]\n    expected: {f.expected!r}\n    got:      {f.got!r}")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------------------------------------


def date_matches(expected: str | None, got: str | None) -> bool:
    """To the minute when ``expected`` has a time, to the day otherwise."""
    if not expected:
        return not got
    if not got:
        return False
    if len(expected) <= 10:
        return got[:10] == expected[:10]
    return len(got) > 10 and got[:16] == expected[:16] and got[19:] == expected[19:]


def _norm(s: str | None) -> str | None:
    return normalize_text(s) if s else None


def _sentence_in(sentence: str, paragraph: str, where: str) -> bool:
    s, p = normalize_text(sentence), normalize_text(paragraph)
    if not s:
        return True
    return p.startswith(s) if where == "start" else p.endswith(s)


def body_problem(
    article: Article, *, first: str | None, last: str | None, lead: str | None, forbidden: list[str]
) -> str | None:
    """Why the body is wrong, or None when it is right."""
    paras = [p for p in article.body.split("\n\n") if p]
    if not paras:
        return "empty body"
    if lead and not _sentence_in(lead, paras[0], "start"):
        return f"does not open with the lead: {paras[0][:90]!r}"
    if first:
        window = paras[:2] if lead else paras[:1]
        if not any(_sentence_in(first, p, "start") for p in window):
            return f"first sentence missing: {paras[0][:90]!r}"
    if last and not _sentence_in(last, paras[-1], "end"):
        return f"last paragraph wrong: {paras[-1][-90:]!r}"
    body = normalize_text(article.body)
    for phrase in forbidden:
        if phrase and normalize_text(phrase) in body:
            return f"contains {phrase!r}"
    return None


def check_page(
    report: Report,
    name: str,
    html: bytes,
    url: str,
    exp: dict,
    forbidden: list[str],
    hinted_date: str | None = None,
    hints: dict | None = None,
) -> None:
    """Extract one page and add its comparisons to ``report``."""
    t0 = time.perf_counter()
    tree = parse_html(html)
    is_article = is_article_page(tree, url) if tree is not None else False
    kind = exp.get("kind", "article")
    art = (
        extract_article(tree, url, hinted_date=hinted_date or exp.get("hinted_date"), hints=hints)
        if kind == "article"
        else None
    )
    report.seconds += time.perf_counter() - t0
    report.pages += 1
    report.add(name, "kind", is_article == (kind == "article"), kind, "article" if is_article else "listing")
    if art is None:
        return
    report.add(name, "title", _norm(art.title) == _norm(exp.get("title")), exp.get("title"), art.title)
    report.add(
        name,
        "date",
        date_matches(exp.get("published_at"), art.published_at),
        exp.get("published_at"),
        f"{art.published_at} ({art.date_source})",
    )
    report.add(name, "byline", _norm(art.byline) == _norm(exp.get("byline")), exp.get("byline"), art.byline)
    if "source" in exp:
        report.add(name, "source", _norm(art.source) == _norm(exp.get("source")), exp.get("source"), art.source)
    problem = body_problem(
        art,
        first=exp.get("body_first"),
        last=exp.get("body_last"),
        lead=exp.get("lead"),
        forbidden=list(exp.get("not_in_body") or []) + forbidden,
    )
    report.add(name, "body", problem is None, "(body rule)", problem)
    if exp.get("lead"):
        report.add(name, "lead", _norm(art.lead) == _norm(exp["lead"]), exp["lead"], art.lead)


# ---------------------------------------------------------------------------------------------------------
# Folders
# ---------------------------------------------------------------------------------------------------------


def evaluate(directory: Path) -> Report:
    """Evaluate a corpus folder (NAME.html + NAME.json) or a sample site (expected.json)."""
    directory = Path(directory)
    if (directory / "expected.json").is_file():
        return evaluate_sample_site(directory)
    report = Report()
    for meta in sorted(directory.glob("*.json")):
        page = meta.with_suffix(".html")
        if not page.is_file():
            continue
        exp = json.loads(meta.read_text(encoding="utf-8"))
        check_page(
            report,
            meta.stem,
            page.read_bytes(),
            exp.get("url") or f"http://localhost/{meta.stem}",
            exp,
            [],
            hints=exp.get("hints"),
        )
    return report


def _resolver(site: Path) -> Any:
    """The sample sites' own path resolver (routes, then static files), loaded from check_sites.py."""
    spec = importlib.util.spec_from_file_location("_danvan_check_sites", SAMPLE_SITES / "check_sites.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Resolver(site)


def _site_file(site: Path, resolver: Any, path: str) -> Path | None:
    if resolver is not None:
        try:
            kind, value, _ = resolver.fetch(path)
            if kind == "file":
                return value
        except Exception:
            pass
    rel = path.split("?", 1)[0].lstrip("/")
    for cand in (site / rel, site / rel / "index.html"):
        if cand.is_file():
            return cand
    return None


def evaluate_sample_site(site: Path) -> Report:
    """Evaluate one sample site against its expected.json."""
    site = Path(site)
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    try:
        resolver = _resolver(site)
    except Exception:
        resolver = None
    forbidden = list(expected.get("forbidden_phrases") or [])
    report = Report()
    for art in expected.get("articles", []):
        f = _site_file(site, resolver, art["path"])
        if f is None:
            report.add(f"{site.name}:{art['path']}", "kind", False, "article", "missing file")
            continue
        html = f.read_bytes().replace(b"{{BASE}}", SAMPLE_BASE.encode())
        check_page(report, f"{site.name}:{art['path']}", html, SAMPLE_BASE + art["path"], art, forbidden)
    for path in expected.get("not_articles", []):
        f = _site_file(site, resolver, path)
        if f is None:
            continue
        html = f.read_bytes().replace(b"{{BASE}}", SAMPLE_BASE.encode())
        check_page(report, f"{site.name}:{path}", html, SAMPLE_BASE + path, {"kind": "listing"}, [])
    return report


def evaluate_sample_sites(root: Path = SAMPLE_SITES) -> Report:
    """All sample sites that have an expected.json, merged."""
    report = Report()
    for site in sorted(p for p in Path(root).iterdir() if (p / "expected.json").is_file()):
        report.merge(evaluate_sample_site(site))
    return report


@click.command("eval")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--samples/--no-samples", default=False, help="Also evaluate the bundled sample sites.")
@click.option("--failures/--no-failures", default=True, help="List the failing pages.")
def eval_command(directory: Path | None, samples: bool, failures: bool) -> None:
    """Per-field extraction accuracy over DIR (NAME.html + NAME.json pairs, or a sample site)."""
    if directory is None:
        if not DEFAULT_CORPUS.is_dir():
            raise click.UsageError("no DIR given and no bundled corpus at tests/fixtures/pages")
        directory = DEFAULT_CORPUS
    report = evaluate(directory)
    click.echo(f"== {directory}")
    click.echo(report.table(show_failures=failures))
    if samples and SAMPLE_SITES.is_dir():
        click.echo(f"\n== sample sites ({SAMPLE_SITES})")
        click.echo(evaluate_sample_sites().table(show_failures=failures))


if __name__ == "__main__":  # pragma: no cover
    eval_command()
