"""Fuzz the extraction: mutated real pages must never make it raise.

    .venv/bin/python benchmarks/fuzz.py                 # 10,000 cases, both cores
    .venv/bin/python benchmarks/fuzz.py --cases 500 --seed 7 --save /tmp/fuzz-failures

Every case takes a page of the corpus (tests/fixtures/pages/*.html and the sample sites' pages), applies
one or more mutations (byte flips, truncation, tag soup, deep nesting, huge attributes, random Unicode
with NFD / zero-width / RTL / control characters and lone surrogates, re-encodings with true, false or
missing charsets, splices of two pages, pure garbage) and runs the extraction entry points on it:
``parse_html``, ``is_article_page``, ``extract_article`` and the spider's ``analyse_page``. An exception
from any of them is a failure (they must return empty fields instead); so is a result of the wrong type.
Prints the number of cases, of exceptions (target 0) by type and entry point, and the slowest cases.
Deterministic: case ``i`` uses ``random.Random(f"{seed}-{i}")``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SITE_URL = "http://tinhuy.example.vn/"
TAGS = ("div", "p", "span", "a", "table", "tr", "td", "ul", "li", "h1", "h2", "h3", "script", "style",
        "article", "section", "header", "footer", "nav", "time", "meta", "link", "iframe", "form", "body",
        "html", "head", "title", "br", "img", "strong", "em", "figure", "figcaption", "svg", "math", "template",
        "noscript", "textarea", "select", "option", "frameset", "![CDATA[", "!--", "?xml", "!DOCTYPE")
ATTRS = ("class", "id", "href", "src", "itemprop", "property", "content", "datetime", "name", "rel", "style",
         "type", "charset", "http-equiv", "lang", "dir", "onclick")
# Characters that break naive text handling: combining marks (NFD), zero-width, bidi controls, NUL and other
# controls, non-characters, a BOM, Icelandic eth for Đ, ideographic and non-breaking spaces.
SPECIAL = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u200b", "\u200c",
           "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u200f", "\u061c", "\u0000", "\u0001", "\u001b",
           "\u007f", "\u0085", "\u2028", "\u2029", "\ufffe", "\uffff", "\ud800", "\udfff", "\u00d0", "\u0110",
           "\u3000", "\u00a0", "\U0001f600", "\U000e0001", "&", "&#0;", "&#xD800;", "&#1114112;", "&nbsp",
           "<", ">", "\"", "'", "\r", "\t")
VIETNAMESE = "Đảng bộ tỉnh Lai Châu tổ chức hội nghị sơ kết công tác dân vận năm 2024. Tin, ảnh: Minh Hưng"
# Link targets a page may hold: malformed hosts and ports, other schemes, traversal, private addresses.
HREFS = ("", "x", "javascript:alert(1)", "//", "../" * 9 + "etc/passwd", "http://[::1/x", "http://a.vn:abc/",
         "http://127.0.0.1:99999/", "http://[zz]/", "file:///etc/passwd", "http://169.254.169.254/latest/",
         "HTTP://WWW.TINHUY.EXAMPLE.VN/A-4001.HTML", "//tinhuy.example.vn/b-4002.html", "?page=99999999999",
         "mailto:", "data:text/html;base64,PHA+", "http://%zz/", "http://a.vn/\u0000", " \t\n", "#x")
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1258", "cp1252", "latin-1", "gb18030",
             "shift_jis", "koi8-r", "utf-7", "ascii")


def corpus_files() -> list[Path]:
    pages = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html"))
    samples = sorted(p for p in (ROOT / "danvan_crawler" / "sample_sites").rglob("*")
                     if p.suffix in (".html", ".aspx") and p.is_file())
    return pages + samples


def load_corpus() -> list[str]:
    return [p.read_text("utf-8", errors="replace") for p in corpus_files()]


# -- mutations: each takes (rng, text) and returns str or bytes ---------------------------------------


def _as_text(data: str | bytes) -> str:
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def _as_bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass")


def byte_flips(rng: random.Random, data):
    b = bytearray(_as_bytes(data))
    for _ in range(rng.randint(1, 64)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(rng: random.Random, data):
    cut = rng.randrange(len(data) + 1) if data else 0
    return data[:cut]


def tag_soup(rng: random.Random, data):
    s = list(_as_text(data))
    for _ in range(rng.randint(1, 200)):
        if not s:
            break
        i = rng.randrange(len(s))
        op = rng.random()
        if op < 0.3 and s[i] in "<>\"'=/":
            del s[i]
        elif op < 0.6:
            tag = rng.choice(TAGS)
            s.insert(i, rng.choice((f"<{tag}>", f"</{tag}>", f"<{tag} ", f"<{tag}/>", "<", ">", "</", "-->")))
        elif op < 0.8:
            s.insert(i, f' {rng.choice(ATTRS)}="{rng.choice(HREFS)}"')
        else:
            j = rng.randrange(len(s))
            s[i], s[j] = s[j], s[i]
    return "".join(s)


def deep_nesting(rng: random.Random, data):
    text = _as_text(data)
    depth = rng.choice((100, 300, 1000, 3000, 10000, 30000))
    tag = rng.choice(("div", "span", "table", "li", "b", "font", "p", "a"))
    opening = f"<{tag} class=\"entry-content\">" * depth
    closing = f"</{tag}>" * (depth if rng.random() < 0.5 else 0)
    pos = text.find("<body")
    pos = text.find(">", pos) + 1 if pos >= 0 else rng.randrange(len(text) + 1)
    return text[:pos] + opening + VIETNAMESE + closing + text[pos:]


def huge_attribute(rng: random.Random, data):
    text = _as_text(data)
    size = rng.choice((10_000, 100_000, 1_000_000, 3_000_000))
    value = rng.choice(("a", "Đ", "\u0301", "&amp;", " ", "/", "-"))
    attr = rng.choice(ATTRS)
    pos = text.find("<", rng.randrange(len(text) + 1))
    pos = text.find(" ", pos) if pos >= 0 else -1
    if pos < 0:
        return text + f'<div {attr}="{value * size}">x</div>'
    return text[:pos] + f' {attr}="{value * size}"' + text[pos:]


def random_unicode(rng: random.Random, data):
    s = list(_as_text(data))
    for _ in range(rng.randint(1, 300)):
        i = rng.randrange(len(s) + 1)
        r = rng.random()
        if r < 0.5:
            s.insert(i, rng.choice(SPECIAL))
        elif r < 0.8:
            s.insert(i, chr(rng.randrange(0x110000)))
        else:
            s.insert(i, unicodedata.normalize("NFD", VIETNAMESE) if r < 0.9 else VIETNAMESE[::-1])
    out = "".join(s)
    if rng.random() < 0.3:
        out = unicodedata.normalize(rng.choice(("NFD", "NFKD", "NFKC")), out)
    return out


def re_encode(rng: random.Random, data):
    text = _as_text(data)
    encoding = rng.choice(ENCODINGS)
    declared = rng.choice((encoding, "utf-8", "windows-1258", "iso-8859-1", "bogus-charset", "", None))
    if declared is not None:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        text = text.replace("<head>", "<head>" + meta, 1) if rng.random() < 0.8 else meta + text
    if rng.random() < 0.2:
        text = f'<?xml version="1.0" encoding="{declared or "utf-8"}"?>' + text
    try:
        if encoding == "cp1258":
            from tests.faultsite import encode_cp1258

            body = encode_cp1258(text)
        else:
            body = text.encode(encoding, errors="replace")
    except (LookupError, UnicodeError):
        body = text.encode("utf-8", errors="replace")
    if rng.random() < 0.2:
        body = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) + body
    return body


def splice(rng: random.Random, data, other=""):
    a, b = _as_text(data), _as_text(other)
    return a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1):]


def garbage(rng: random.Random, data):
    n = rng.choice((0, 1, 2, 10, 100, 10_000))
    kind = rng.random()
    if kind < 0.3:
        return bytes(rng.randrange(256) for _ in range(n))
    if kind < 0.6:
        return "".join(chr(rng.randrange(0x110000)) for _ in range(n))
    return rng.choice(("", " ", "\n", "<", "<html>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<html><body></body>",
                       "\x00", "<html><head><title></title></head><body><h1></h1><p></p></body></html>",
                       "<![CDATA[", "<!--", "<" * n, "&" * n, "<p>" * n, "</div>" * n))


MUTATIONS = (byte_flips, truncate, tag_soup, deep_nesting, huge_attribute, random_unicode, re_encode, splice,
             garbage)


def make_case(corpus: list[str], seed: str | int, i: int) -> tuple[str, str | bytes, str]:
    """Case ``i``: (names of the mutations, the input, the URL to extract it at)."""
    rng = random.Random(f"{seed}-{i}")
    data: str | bytes = rng.choice(corpus)
    names = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        m = rng.choice(MUTATIONS)
        names.append(m.__name__)
        data = m(rng, data, rng.choice(corpus)) if m is splice else m(rng, data)
    if isinstance(data, str) and rng.random() < 0.3:
        data = data.encode("utf-8", errors="surrogatepass")  # bytes in, as from a server
    url = rng.choice((SITE_URL + "tin-tuc/bai-viet-4001.html", SITE_URL, SITE_URL + "2020/10/14/ky-niem-90-nam/",
                      "http://127.0.0.1:8000/index.php?option=com_content&id=12", "", "not a url"))
    return "+".join(names), data, url


# -- running ---------------------------------------------------------------------------------------


def check(data: str | bytes, url: str) -> list[tuple[str, str]]:
    """Run every entry point on one input; return (entry point, error) pairs — empty when all is well."""
    from danvan_crawler.extraction import extract_article, is_article_page, parse_html
    from danvan_crawler.items import Article

    errors = []

    def run(name, fn, check_type=None):
        try:
            result = fn()
        except BaseException as e:  # noqa: BLE001 (RecursionError, MemoryError... all count)
            if isinstance(e, KeyboardInterrupt):
                raise
            errors.append((name, f"{type(e).__name__}: {str(e)[:200]}", traceback.format_exc(limit=-4)))
            return None
        if check_type and not check_type(result):
            errors.append((name, f"wrong result: {type(result).__name__}", ""))
        return result

    tree = run("parse_html", lambda: parse_html(data))
    run("is_article_page(html)", lambda: is_article_page(data, url), lambda r: isinstance(r, bool))
    if tree is not None:
        run("is_article_page(tree)", lambda: is_article_page(tree, url), lambda r: isinstance(r, bool))

    def good_article(a):
        return (isinstance(a, Article) and isinstance(a.title, str) and isinstance(a.body, str)
                and isinstance(a.lead, str) and isinstance(a.captions, list))

    run("extract_article", lambda: extract_article(data, url), good_article)
    try:
        from danvan_crawler.extraction.analysis import PageAnalysis, analyse_page
    except ImportError:
        return errors
    run("analyse_page", lambda: analyse_page(data, url, home=SITE_URL), lambda r: isinstance(r, PageAnalysis))
    return errors


_CORPUS: list[str] = []


def _init() -> None:
    global _CORPUS
    _CORPUS = load_corpus()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))  # the default: no help from a raised limit


def _run_case(args: tuple[str, int]) -> tuple[int, str, float, list]:
    seed, i = args
    names, data, url = make_case(_CORPUS, seed, i)
    t = time.perf_counter()
    errors = check(data, url)
    return i, names, time.perf_counter() - t, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", default="danvan")
    parser.add_argument("--workers", type=int, default=min(2, multiprocessing.cpu_count()))
    parser.add_argument("--save", type=Path, help="write each failing input here (case-N.bin + .txt)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    failures: list[tuple[int, str, list]] = []
    durations: list[tuple[float, int, str]] = []
    jobs = [(args.seed, i) for i in range(args.cases)]
    if args.workers > 1:
        ctx = multiprocessing.get_context("forkserver")
        with ctx.Pool(args.workers, initializer=_init, maxtasksperchild=500) as pool:
            results = pool.imap_unordered(_run_case, jobs, chunksize=8)
            outcomes = list(results)
    else:
        _init()
        outcomes = [_run_case(j) for j in jobs]
    for i, names, seconds, errors in outcomes:
        durations.append((seconds, i, names))
        if errors:
            failures.append((i, names, errors))
    elapsed = time.perf_counter() - started

    by_kind = Counter((name, err.split(":")[0]) for _, _, errs in failures for name, err, _ in errs)
    by_mutation = Counter(m for _, names, _ in failures for m in names.split("+"))
    print(f"fuzz: {args.cases} cases (seed {args.seed!r}), {len(load_corpus())} corpus pages, "
          f"{elapsed:.0f} s with {args.workers} worker(s)")
    print(f"exceptions: {sum(len(e) for _, _, e in failures)} in {len(failures)} case(s)")
    for (name, kind), n in by_kind.most_common():
        print(f"  {n:>5}  {name}: {kind}")
    if by_mutation:
        print("  failing cases by mutation: " + ", ".join(f"{m} {n}" for m, n in by_mutation.most_common()))
    for i, names, errors in failures[:5]:
        print(f"--- case {i} ({names})")
        for name, err, tb in errors[:2]:
            print(f"  {name}: {err}\n{tb}")
    durations.sort(reverse=True)
    median = sorted(d for d, _, _ in durations)[len(durations) // 2] if durations else 0
    print(f"time per case: median {median * 1000:.0f} ms, slowest "
          + ", ".join(f"{d:.1f} s (case {i}, {n})" for d, i, n in durations[:3]))
    if args.save and failures:
        args.save.mkdir(parents=True, exist_ok=True)
        corpus = load_corpus()
        for i, names, errors in failures:
            _, data, url = make_case(corpus, args.seed, i)
            (args.save / f"case-{i}.bin").write_bytes(_as_bytes(data))
            (args.save / f"case-{i}.txt").write_text(
                f"{names}\nurl: {url}\n" + "\n".join(f"{n}: {e}\n{tb}" for n, e, tb in errors), "utf-8")
        print(f"failing inputs saved in {args.save}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
