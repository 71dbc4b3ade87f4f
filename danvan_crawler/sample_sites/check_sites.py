"""Validate the bundled sample sites against the server contract and their expected.json.

Run:  .venv/bin/python danvan_crawler/sample_sites/check_sites.py [site ...]
Exit status 0 when every check passes, 1 otherwise.  Works offline: it resolves requests the way
danvan_crawler/sitesrv.py is specified to (routes first, then static files, then 404).
"""
from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
BASE = "{{BASE}}"
PAGE_EXT = (".html", ".aspx")
MIN_PAGE, MAX_PAGE = 10_000, 60_000


def sites() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if (p / "_site.json").is_file())


class Resolver:
    def __init__(self, root: Path):
        self.root = root
        self.meta = json.loads((root / "_site.json").read_text(encoding="utf-8"))
        self.routes = self.meta.get("routes", {})

    def resolve(self, target: str):
        """Return ("file", Path, route) | ("redirect", location, status) | ("404", None, None)."""
        if target.startswith(BASE):
            target = target[len(BASE):] or "/"
        target = target.split("#", 1)[0]
        path, _, query = target.partition("?")
        path = unquote(path) or "/"
        keys = [f"{path}?{query}", path] if query else [path]
        for key in keys:
            r = self.routes.get(key)
            if r is not None and key == path and query and not r.get("any_query"):
                r = None  # a path-only route answers only query-less requests (sitesrv contract)
            if r is not None:
                if "redirect" in r:
                    return ("redirect", r["redirect"], r.get("status", 301))
                f = self.root / r["file"]
                return ("file", f, r) if f.is_file() else ("404", None, None)
        rel = unquote(path).lstrip("/")
        if path.endswith("/"):
            f = self.root / rel / "index.html"
        else:
            f = self.root / rel
            if f.is_dir():
                return ("redirect", path + "/", 301) if (f / "index.html").is_file() else ("404", None, None)
        if f.is_file() and not f.name.startswith("_") and f.name != "expected.json":
            return ("file", f, None)
        return ("404", None, None)

    def fetch(self, target: str, hops: int = 5):
        kind, val, extra = self.resolve(target)
        while kind == "redirect" and hops:
            kind, val, extra = self.resolve(val)
            hops -= 1
        return val if kind == "file" else None


def text_of(raw: str) -> str:
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    t = html.unescape(raw)
    t = unicodedata.normalize("NFC", t).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", t)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", s)


def links_of(raw: str) -> list[str]:
    out = []
    for m in re.finditer(r'(?i)\b(?:href|src)\s*=\s*["\']([^"\']+)["\']', raw):
        u = html.unescape(m.group(1))
        if u.startswith(BASE):
            u = u[len(BASE):] or "/"
        if u.startswith("/") and not u.startswith("//"):
            out.append(u)
    return out


def check_site(root: Path) -> list[str]:
    errs: list[str] = []
    res = Resolver(root)
    meta = res.meta
    for k in ("name", "title", "cms", "province", "routes"):
        if k not in meta:
            errs.append(f"_site.json lacks {k}")
    exp = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    pages = {p: p.read_text(encoding="utf-8") for p in root.rglob("*")
             if p.is_file() and p.suffix in PAGE_EXT}
    all_text = {p: text_of(raw) for p, raw in pages.items()}
    other = [p for p in root.rglob("*") if p.is_file() and p.name not in ("expected.json", "_site.json")]
    allfiles_text = "\n".join(norm(html.unescape(p.read_text(encoding="utf-8"))) for p in other)
    allfiles_text += "\n".join(all_text.values())

    for p, raw in pages.items():
        size = len(raw.encode("utf-8"))
        is_print = "print" in p.relative_to(root).parts
        if not MIN_PAGE <= size <= MAX_PAGE and not (is_print and size <= MAX_PAGE):
            errs.append(f"{p.relative_to(root)}: size {size} outside {MIN_PAGE}-{MAX_PAGE}")
        if re.search(r'(?i)(https?:)?//127\.0\.0\.1|localhost', raw):
            errs.append(f"{p.relative_to(root)}: hard-coded local host")
        for m in re.finditer(r'<link rel="canonical" href="([^"]+)"|<meta property="og:url" content="([^"]+)"', raw):
            u = m.group(1) or m.group(2)
            if not u.startswith(BASE):
                errs.append(f"{p.relative_to(root)}: canonical/og:url not {BASE}-absolute: {u}")

    # feeds, sitemaps and JSON parse once {{BASE}} is replaced
    import xml.etree.ElementTree as ET
    for p in root.rglob("*"):
        if not p.is_file() or p.name in ("_site.json", "expected.json"):
            continue
        raw = p.read_text(encoding="utf-8").replace(BASE, "http://127.0.0.1:8000")
        try:
            if p.suffix in (".xml", ".rss"):
                ET.fromstring(raw.encode("utf-8"))
            elif p.suffix == ".json":
                json.loads(raw)
        except Exception as e:  # noqa: BLE001
            errs.append(f"{p.relative_to(root)}: does not parse ({e})")
    # routes point to existing files
    for key, r in meta.get("routes", {}).items():
        if "file" in r and not (root / r["file"]).is_file():
            errs.append(f"route {key}: missing file {r['file']}")
        if "redirect" in r and res.fetch(r["redirect"]) is None:
            errs.append(f"route {key}: redirect target {r['redirect']} does not resolve")

    art_paths = set()
    for a in exp["articles"]:
        path = a["path"]
        art_paths.add(path)
        f = res.fetch(path)
        if f is None:
            errs.append(f"article {path}: does not resolve")
            continue
        kind = res.resolve(path)[0]
        if kind != "file":
            errs.append(f"article {path}: resolves through a {kind}, expected a 200 file")
        t = text_of(f.read_text(encoding="utf-8"))
        for field in ("title", "body_first", "body_last", "lead"):
            v = a.get(field)
            if v and norm(v) not in t:
                errs.append(f"article {path}: {field} not in page text: {v[:60]!r}")
        for c in a.get("captions", []):
            if norm(c) not in t:
                errs.append(f"article {path}: caption not in page: {c[:60]!r}")
        # several credited people are joined with ", " although printed under separate roles
        if a.get("byline") and any(norm(part) not in t for part in a["byline"].split(", ")):
            errs.append(f"article {path}: byline not in page: {a['byline']!r}")
        if a.get("source") and norm(a["source"]) not in t:
            errs.append(f"article {path}: source not in page: {a['source']!r}")
        try:
            pa = a["published_at"]
            if "T" in pa:
                d = datetime.fromisoformat(pa)
                if d.utcoffset() is None or d.utcoffset().total_seconds() != 7 * 3600 or len(pa) != 25:
                    errs.append(f"article {path}: published_at not YYYY-MM-DDTHH:MM:SS+07:00: {pa}")
            else:
                datetime.strptime(pa, "%Y-%m-%d")
        except (KeyError, ValueError) as e:
            errs.append(f"article {path}: bad published_at ({e})")
        for alias in a.get("aliases", []):
            af = res.fetch(alias)
            if af is None:
                errs.append(f"article {path}: alias {alias} does not resolve")
        rep = a.get("republishes")
        if rep:
            other, _, opath = rep.partition(":")
            oroot = HERE / other
            if not (oroot / "_site.json").is_file() or Resolver(oroot).fetch(opath) is None:
                errs.append(f"article {path}: republishes {rep} which does not resolve")

    listing_links: set[str] = set()
    for path in exp["not_articles"]:
        if path in art_paths:
            errs.append(f"{path} is both article and not_article")
        f = res.fetch(path)
        if f is None:
            errs.append(f"not_article {path}: does not resolve")
            continue
        listing_links.update(links_of(f.read_text(encoding="utf-8")))
    for path in art_paths:
        if path not in listing_links:
            errs.append(f"article {path}: not linked from any listing page (not_articles)")

    for ph in exp["forbidden_phrases"]:
        if norm(ph) not in allfiles_text:
            errs.append(f"forbidden phrase occurs on no page: {ph!r}")

    # internal links: report those that 404 unless declared as traps
    declared_404 = {u for k, v in exp.get("traps", {}).items() if k.endswith("404") for u in v}
    broken: dict[str, str] = {}
    for p, raw in pages.items():
        for u in links_of(raw):
            if re.search(r"\.(jpg|jpeg|png|gif|css|js|ico|svg|pdf|docx?|xsl|axd)(\?|$)", u.split("#")[0], re.I):
                continue
            if u.split("#")[0] in declared_404 or u.startswith(("/wp-login.php", "/wp-admin")):
                continue
            if res.fetch(u) is None:
                broken.setdefault(u, str(p.relative_to(root)))
    for u, p in sorted(broken.items()):
        errs.append(f"broken internal link {u} (e.g. on {p})")
    for u in declared_404:
        if res.fetch(u) is not None:
            errs.append(f"declared 404 trap {u} resolves")
    return errs


def check_with_sitesrv(root: Path) -> list[str]:
    """Fetch every expected address through danvan_crawler.sitesrv over real HTTP on 127.0.0.1."""
    try:
        sys.path.insert(0, str(HERE.parent.parent))
        from danvan_crawler.sitesrv import load_site
    except Exception as e:  # the server module is someone else's; skip when absent
        return [] if isinstance(e, ImportError) else [f"sitesrv import failed: {e}"]
    import urllib.error
    import urllib.request

    exp = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    srv = load_site(root).start()
    errs = []
    try:
        targets = [a["path"] for a in exp["articles"]] + list(exp["not_articles"])
        targets += [al for a in exp["articles"] for al in a.get("aliases", [])]
        meta = json.loads((root / "_site.json").read_text(encoding="utf-8"))
        targets += [k for k, r in meta.get("routes", {}).items() if 200 <= int(r.get("status", 200)) < 400]
        for t in targets:
            try:
                with urllib.request.urlopen(srv.url(t), timeout=10) as resp:
                    body = resp.read()
                    if b"{{BASE}}" in body:
                        errs.append(f"sitesrv {t}: {{{{BASE}}}} left in body")
            except urllib.error.HTTPError as e:
                errs.append(f"sitesrv {t}: HTTP {e.code}")
            except Exception as e:  # noqa: BLE001
                errs.append(f"sitesrv {t}: {e}")
        for a in exp["articles"]:
            with urllib.request.urlopen(srv.url(a["path"]), timeout=10) as resp:
                if resp.url != srv.url(a["path"]):
                    errs.append(f"sitesrv {a['path']}: redirected to {resp.url}")
    finally:
        srv.stop()
    return errs


def main(argv: list[str]) -> int:
    chosen = [HERE / a for a in argv] if argv else sites()
    bad = 0
    for root in chosen:
        errs = check_site(root) + check_with_sitesrv(root)
        exp = json.loads((root / "expected.json").read_text(encoding="utf-8"))
        status = "OK" if not errs else f"{len(errs)} problem(s)"
        print(f"{root.name}: {len(exp['articles'])} articles, {len(exp['not_articles'])} non-articles: {status}")
        for e in errs:
            print("   -", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
