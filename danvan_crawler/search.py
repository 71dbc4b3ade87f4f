"""Full-text search, the browse views, dated exports and the Datasette metadata.

Two FTS5 indexes over ``title``, ``lead``, ``body`` and ``byline`` of ``articles``, both kept
current by triggers that use only built-in SQL (so any client that writes ``articles``, the
``sqlite3`` shell included, keeps them current):

``articles_fts`` (accent-insensitive, the default)
    Contentless (``content=''``): it stores no copy of the text, only the index. Each field is
    indexed with đ/Đ (and the look-alike Ð/ð) replaced by d/D, and the ``unicode61`` tokenizer
    removes every other diacritic, so "dan van kheo" finds "Dân vận khéo" and "dang" finds
    "Đảng". A field that holds a đ is indexed a second time as written, so a query typed *with*
    đ into Datasette's search box ("Đảng"), which Datasette does not fold, still matches.
    Datasette's table page is wired to it by ``danvan_crawler/datasette/metadata.json``
    (``fts_table`` / ``fts_pk``); :func:`search` folds the query first.

``articles_fts_exact`` (diacritics kept)
    An external-content table (``content="articles"``), ``remove_diacritics 0``: "Đảng" matches
    "đảng" in any case but never "đang" or "dạng". Without metadata, Datasette and sqlite-utils
    detect this one for ``articles`` (its SQL names ``content="articles"``).

:func:`ensure_search` creates both, their triggers and the views ``articles_by_month``,
``article_list`` and ``site_health``; ``storage.open_db`` calls it, so every open database has
them. It is idempotent and cheap when everything is in place.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import click
import sqlite_utils

__all__ = [
    "ARTICLE_COLUMNS",
    "DEFAULT_DB",
    "FOLDED_FTS",
    "EXACT_FTS",
    "datasette_metadata",
    "ensure_search",
    "export_articles",
    "export_command",
    "fold",
    "fts_query",
    "metadata_path",
    "search",
    "search_command",
    "write_metadata",
]

DEFAULT_DB = Path("output") / "danvan.db"
FOLDED_FTS = "articles_fts"
EXACT_FTS = "articles_fts_exact"
FTS_COLUMNS = ("title", "lead", "body", "byline")
VN_TZ = timezone(timedelta(hours=7))

# Every column of ``articles``, described once: the export README, datapackage.json and the
# Datasette metadata all use this.
ARTICLE_COLUMNS: dict[str, str] = {
    "id": "Row id of the story (stable within one database, not across databases).",
    "url": "Canonical URL of the story (rel=canonical when the site gives one, tracking parameters removed).",
    "site": "Short name of the site it was crawled from (the `name` in spiders/sites.toml).",
    "province": "Province or centrally-run city of the publishing site, current (post-2025) name.",
    "title": "Headline, NFC.",
    "published_at": "Publication time, ISO 8601 with +07:00 (Vietnam time); empty when no date was found.",
    "published_date": "Local publication day YYYY-MM-DD (not SQLite's date(), which would shift to UTC).",
    "date_source": "Where the date came from: meta / json-ld / time / itemprop / visible / url / sitemap / "
    "feed / api.",
    "byline": "Credited author(s) as printed, e.g. \"Minh Hưng\"; never the CMS account.",
    "source": "Original publication named by \"Nguồn: …\" / \"Theo …\", when the story is a reprint.",
    "lead": "The sapo: the first paragraph (also the first paragraph of body).",
    "body": "Article text, paragraphs separated by a blank line, NFC, without menus, related links "
    "or the credit line.",
    "captions": "Photo captions, a JSON list of strings, credits kept (\"… Ảnh: X\").",
    "content_hash": "SHA-1 of the normalised title and body: equal hashes mean the same text.",
    "duplicate_of": "Id of the story this one duplicates, when marked (normally empty: copies are "
    "stored as URLs in article_urls).",
    "first_seen_at": "When the crawler first stored the story (ISO 8601, +07:00).",
    "last_seen_at": "When the crawler last saw it at one of its URLs.",
    "updated_at": "When its text last changed in place (the old text is in article_changes).",
}

_FOLD_MAP = str.maketrans({"đ": "d", "Đ": "D", "\u00d0": "D", "\u00f0": "d"})


# -- folding -------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """NFC, then đ/Đ (and Ð/ð) to d/D: what the folded index does before the tokenizer
    strips the remaining diacritics."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_MAP)


def _sql_fold(expr: str) -> str:
    """The same folding in built-in SQL, usable in triggers on any connection."""
    for src, dst in (("đ", "d"), ("Đ", "D"), ("\u00d0", "D"), ("\u00f0", "d")):
        expr = f"replace({expr}, '{src}', '{dst}')"
    return expr


def _sql_folded_value(expr: str) -> str:
    """Folded text, followed by the text as written when folding changed it (a đ was there)."""
    folded = _sql_fold(expr)
    return f"CASE WHEN {folded} = {expr} THEN {expr} ELSE {folded} || ' ' || {expr} END"


def _char_key(ch: str, keep_marks: bool) -> str:
    """One character, lowercased and (unless ``keep_marks``) without diacritics, always one char."""
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if keep_marks:
        return low
    low = low.translate(_FOLD_MAP)
    base = unicodedata.normalize("NFD", low)[0]
    return base if not unicodedata.combining(base) else low


def _match_key(text: str, keep_marks: bool) -> str:
    """A same-length key of ``text`` for locating query terms (positions map 1:1)."""
    return "".join(_char_key(ch, keep_marks) for ch in text)


# -- query parsing ---------------------------------------------------------------------------------
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD_RE = re.compile(r"\w+")


def _query_terms(query: str, exact: bool) -> list[tuple[str, list[str], bool]]:
    """``(op, words, prefix)`` per query item; op is '' (AND), 'OR' or 'NOT'."""
    text = unicodedata.normalize("NFC", query)
    if not exact:
        text = fold(text)
    items: list[tuple[str, list[str], bool]] = []
    pending_or = False
    for m in _TOKEN_RE.finditer(text):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare is not None and bare == "OR":
            pending_or = bool(items)
            continue
        prefix = False
        if phrase is None:
            neg = "-" if bare.startswith("-") and len(bare) > 1 else ""
            bare = bare[1:] if neg else bare
            prefix = bare.endswith("*")
            phrase = bare.rstrip("*")
        words = _WORD_RE.findall(phrase)
        if not words:
            continue
        op = "NOT" if neg else ("OR" if pending_or else "")
        items.append((op, words, prefix))
        pending_or = False
    return items


def fts_query(query: str, *, exact: bool = False) -> str:
    """An FTS5 MATCH expression for what a user typed: words (all required), "phrases",
    ``word*`` prefixes, ``OR`` between items and ``-word`` exclusions. Folded unless ``exact``.

    >>> fts_query('Dân vận "dân chủ cơ sở" -Đảng')
    '("Dân" AND "vận" AND "dân chủ cơ sở") NOT "Dảng"'
    >>> fts_query("Đảng OR Đoàn", exact=True)
    '("Đảng" OR "Đoàn")'
    """
    positive: list[str] = []
    negative: list[str] = []
    for op, words, prefix in _query_terms(query, exact):
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        if op == "NOT":
            negative.append(term)
        elif op == "OR" and positive:
            positive[-1] = f"{positive[-1]} OR {term}"
        else:
            positive.append(term)
    if not positive:
        return ""
    expr = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    if negative:
        expr = f"({expr})" + "".join(f" NOT {n}" for n in negative)
    return expr


# -- schema ----------------------------------------------------------------------------------------
def _folded_table_sql() -> str:
    cols = ", ".join(FTS_COLUMNS)
    return (f"CREATE VIRTUAL TABLE {FOLDED_FTS} USING fts5({cols}, content='', "
            f"tokenize=\"unicode61 remove_diacritics 2\")")


def _exact_table_sql() -> str:
    cols = ", ".join(FTS_COLUMNS)
    return (f"CREATE VIRTUAL TABLE {EXACT_FTS} USING fts5({cols}, content=\"articles\", "
            f"content_rowid=\"id\", tokenize=\"unicode61 remove_diacritics 0\")")


def _trigger_sql() -> dict[str, str]:
    cols = ", ".join(FTS_COLUMNS)

    def folded(prefix: str) -> str:
        return ", ".join(_sql_folded_value(f"{prefix}.{c}") for c in FTS_COLUMNS)

    def plain(prefix: str) -> str:
        return ", ".join(f"{prefix}.{c}" for c in FTS_COLUMNS)

    watched = ", ".join(("id", *FTS_COLUMNS))
    f, e = FOLDED_FTS, EXACT_FTS
    return {
        f"{f}_ai": (
            f"CREATE TRIGGER {f}_ai AFTER INSERT ON articles BEGIN\n"
            f"  INSERT INTO {f}(rowid, {cols}) VALUES (new.id, {folded('new')});\nEND"
        ),
        f"{f}_ad": (
            f"CREATE TRIGGER {f}_ad AFTER DELETE ON articles BEGIN\n"
            f"  INSERT INTO {f}({f}, rowid, {cols}) VALUES ('delete', old.id, {folded('old')});\nEND"
        ),
        f"{f}_au": (
            f"CREATE TRIGGER {f}_au AFTER UPDATE OF {watched} ON articles BEGIN\n"
            f"  INSERT INTO {f}({f}, rowid, {cols}) VALUES ('delete', old.id, {folded('old')});\n"
            f"  INSERT INTO {f}(rowid, {cols}) VALUES (new.id, {folded('new')});\nEND"
        ),
        f"{e}_ai": (
            f"CREATE TRIGGER {e}_ai AFTER INSERT ON articles BEGIN\n"
            f"  INSERT INTO {e}(rowid, {cols}) VALUES (new.id, {plain('new')});\nEND"
        ),
        f"{e}_ad": (
            f"CREATE TRIGGER {e}_ad AFTER DELETE ON articles BEGIN\n"
            f"  INSERT INTO {e}({e}, rowid, {cols}) VALUES ('delete', old.id, {plain('old')});\nEND"
        ),
        f"{e}_au": (
            f"CREATE TRIGGER {e}_au AFTER UPDATE OF {watched} ON articles BEGIN\n"
            f"  INSERT INTO {e}({e}, rowid, {cols}) VALUES ('delete', old.id, {plain('old')});\n"
            f"  INSERT INTO {e}(rowid, {cols}) VALUES (new.id, {plain('new')});\nEND"
        ),
    }


def _columns(db: sqlite_utils.Database, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()}


def _view_sql(db: sqlite_utils.Database) -> dict[str, str]:
    run_cols = _columns(db, "crawl_runs")
    # ``extracted`` (article pages a run extracted) is the base of the empty-field rates, as in
    # ``danvan status``; older databases without it fall back to what the run stored or dropped.
    if "extracted" in run_cols:
        base = "l.extracted"
    else:
        base = "(coalesce(l.articles_new, 0) + coalesce(l.articles_updated, 0) + coalesce(l.duplicates, 0)" \
               " + coalesce(l.empty_body, 0))"

    def rate(col: str) -> str:
        return f"round(1.0 * coalesce(l.{col}, 0) / nullif({base}, 0), 3) AS {col}_rate"

    return {
        "articles_by_month": (
            "CREATE VIEW articles_by_month AS\n"
            "SELECT site, province, substr(published_date, 1, 7) AS month, count(*) AS articles\n"
            "FROM articles\n"
            "GROUP BY site, province, month\n"
            "ORDER BY month DESC, site"
        ),
        "article_list": (
            "CREATE VIEW article_list AS\n"
            "SELECT id, published_date, substr(published_date, 1, 7) AS month, province, site, title,\n"
            "  byline, url\n"
            "FROM articles"
        ),
        "site_health": (
            "CREATE VIEW site_health AS\n"
            "WITH done AS (SELECT * FROM crawl_runs WHERE status != 'running'),\n"
            "last AS (SELECT d.* FROM done d WHERE d.id = (SELECT max(id) FROM done x WHERE x.site = d.site))\n"
            "SELECT l.site, s.province, s.title,\n"
            "  l.started_at AS last_run, l.status AS last_status, l.reason AS last_reason,\n"
            "  (SELECT o.started_at FROM done o WHERE o.site = l.site AND o.status = 'ok'\n"
            "    ORDER BY o.id DESC LIMIT 1) AS last_success,\n"
            "  coalesce(l.articles_new, 0) AS articles_new_last_run,\n"
            "  (SELECT count(*) FROM articles a WHERE a.site = l.site) AS articles_total,\n"
            "  (SELECT count(*) FROM done f WHERE f.site = l.site AND f.status = 'failed' AND f.id >\n"
            "    coalesce((SELECT max(id) FROM done k WHERE k.site = l.site AND k.status != 'failed'), 0))\n"
            "    AS failure_streak,\n"
            "  (SELECT count(*) FROM failures u WHERE u.run_id = l.run_id AND u.site = l.site)"
            " AS failures_last_run,\n"
            f"  {rate('empty_date')},\n"
            f"  {rate('empty_byline')},\n"
            f"  {rate('empty_body')}\n"
            "FROM last l LEFT JOIN sites s ON s.name = l.site\n"
            "ORDER BY l.site"
        ),
    }


def _schema_sql(db: sqlite_utils.Database) -> dict[str, tuple[str, str]]:
    """name -> (type, CREATE statement), in creation order."""
    out: dict[str, tuple[str, str]] = {
        FOLDED_FTS: ("table", _folded_table_sql()),
        EXACT_FTS: ("table", _exact_table_sql()),
    }
    out.update({name: ("trigger", sql) for name, sql in _trigger_sql().items()})
    out.update({name: ("view", sql) for name, sql in _view_sql(db).items()})
    return out


def _fts_rows(db: sqlite_utils.Database, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM [{table}_docsize]").fetchone()[0]


def _needs_work(db: sqlite_utils.Database, wanted: dict[str, tuple[str, str]]) -> bool:
    have = {r[0]: r[1] for r in db.execute("SELECT name, sql FROM sqlite_master").fetchall()}
    if any(have.get(name) != sql for name, (_, sql) in wanted.items()):
        return True
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return _fts_rows(db, FOLDED_FTS) != n or _fts_rows(db, EXACT_FTS) != n


def _backfill_folded(db: sqlite_utils.Database) -> None:
    cols = ", ".join(FTS_COLUMNS)
    values = ", ".join(_sql_folded_value(c) for c in FTS_COLUMNS)
    db.execute(f"INSERT INTO {FOLDED_FTS}({FOLDED_FTS}) VALUES ('delete-all')")
    db.execute(f"INSERT INTO {FOLDED_FTS}(rowid, {cols}) SELECT id, {values} FROM articles")


def _fix(db: sqlite_utils.Database, wanted: dict[str, tuple[str, str]]) -> None:
    have = {r[0]: r[1] for r in db.execute("SELECT name, sql FROM sqlite_master").fetchall()}
    rebuilt: set[str] = set()
    for name, (kind, sql) in wanted.items():
        if have.get(name) == sql:
            continue
        if name in have:
            db.execute(f"DROP {kind.upper()} [{name}]")
        db.execute(sql)
        if kind == "table":
            rebuilt.add(name)
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    if FOLDED_FTS in rebuilt or _fts_rows(db, FOLDED_FTS) != n:
        _backfill_folded(db)
    if EXACT_FTS in rebuilt or _fts_rows(db, EXACT_FTS) != n:
        db.execute(f"INSERT INTO {EXACT_FTS}({EXACT_FTS}) VALUES ('rebuild')")


def ensure_search(db: sqlite_utils.Database) -> None:
    """Create (or repair) the two FTS tables, their triggers and the views; backfill the indexes.

    Idempotent: when every object is in place with the expected definition and both indexes
    hold one row per article, it only reads ``sqlite_master`` and three counts. Otherwise it
    fixes what differs inside one ``BEGIN IMMEDIATE`` transaction, so two processes opening
    the same database at once do not race.
    """
    wanted = _schema_sql(db)
    try:
        if not _needs_work(db, wanted):
            return
    except sqlite3.OperationalError:
        pass  # an FTS table is missing: fall through
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            _fix(db, _schema_sql(db))
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        _fix(db, _schema_sql(db))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# -- searching -------------------------------------------------------------------------------------
def _date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since``/``until`` (YYYY, YYYY-MM or YYYY-MM-DD, both inclusive) as [lo, hi) day strings."""

    def parse(value: str, upper: bool) -> str:
        v = value.strip()
        try:
            if re.fullmatch(r"\d{4}", v):
                d = date(int(v) + 1, 1, 1) if upper else date(int(v), 1, 1)
            elif re.fullmatch(r"\d{4}-\d{2}", v):
                y, m = int(v[:4]), int(v[5:])
                d = date(y, m, 1)
                if upper:
                    d = date(y + (m == 12), m % 12 + 1, 1)
            else:
                d = date.fromisoformat(v)
                if upper:
                    d += timedelta(days=1)
        except ValueError:
            raise ValueError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}") from None
        return d.isoformat()

    return (parse(since, False) if since else None, parse(until, True) if until else None)


def _provinces_matching(db: sqlite_utils.Database, province: str) -> list[str]:
    """The stored spellings of ``province`` (any spelling, current or pre-2025 name)."""
    from danvan_crawler.provinces import normalize_province

    target = normalize_province(province)
    if target is None:
        raise ValueError(f"unknown province: {province!r}")
    stored = [r[0] for r in db.execute("SELECT DISTINCT province FROM articles WHERE province IS NOT NULL")]
    return [p for p in stored if p == target or normalize_province(p) == target] or [target]


def _filters(db: sqlite_utils.Database, *, province=None, site=None, since=None, until=None,
             alias: str = "a") -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    if province:
        names = _provinces_matching(db, province)
        where.append(f"{alias}.province IN ({', '.join('?' for _ in names)})")
        params += names
    if site:
        where.append(f"{alias}.site = ?")
        params.append(site)
    lo, hi = _date_bounds(since, until)
    if lo:
        where.append(f"{alias}.published_date >= ?")
        params.append(lo)
    if hi:
        where.append(f"{alias}.published_date < ?")
        params.append(hi)
    return where, params


def _snippet(row: dict, terms: list[tuple[str, list[str], bool]], exact: bool, width: int = 200) -> str:
    """About ``width`` characters of the body (or lead) around the first hit, hits in [brackets]."""
    text = re.sub(r"\s+", " ", row.get("body") or row.get("lead") or "").strip()
    patterns = []
    for op, words, prefix in terms:
        if op == "NOT":
            continue
        pat = r"\W+".join(re.escape(_match_key(w, keep_marks=exact)) for w in words)
        patterns.append(rf"(?<!\w){pat}" + (r"\w*" if prefix else r"(?!\w)"))
    if not patterns or not text:
        return text[:width] + ("…" if len(text) > width else "")
    key = _match_key(text, keep_marks=exact)  # same length as text: positions carry over
    rx = re.compile("|".join(f"(?P<t{i}>{p})" for i, p in enumerate(patterns)))
    hits = [(m.start(), m.lastgroup) for m in rx.finditer(key)]
    # The window (anchored a third before a hit) that shows the most distinct query terms.
    first = None
    best = -1
    for pos, _ in hits:
        n = len({g for p, g in hits if pos <= p < pos + width * 2 // 3})
        if n > best:
            first, best = pos, n
    start = 0
    if first is not None and first > width // 3:
        start = first - width // 3
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > (first if first is not None else start):
            end = space
    out, pos = [], start
    for m in rx.finditer(key, start, end):
        out += [text[pos:m.start()], "[", text[m.start():m.end()], "]"]
        pos = m.end()
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


def search(db: sqlite_utils.Database, query: str, *, exact: bool = False, province: str | None = None,
           site: str | None = None, since: str | None = None, until: str | None = None,
           limit: int = 20) -> list[dict]:
    """Articles matching ``query``, best first: dicts of id, date, site, province, title, url, snippet.

    Accent-insensitive unless ``exact`` ("dang" finds "Đảng", "đang" and "dạng"); with ``exact``
    the diacritics must agree ("Đảng" finds "đảng" but not "đang"). ``province`` takes any
    spelling ("lai chau", "Thừa Thiên Huế"); ``since``/``until`` are inclusive days (YYYY-MM-DD,
    or YYYY-MM / YYYY) on the local publication date. Raises ValueError for a bad province or date.
    """
    expr = fts_query(query, exact=exact)
    if not expr:
        return []
    table = EXACT_FTS if exact else FOLDED_FTS
    where, params = _filters(db, province=province, site=site, since=since, until=until)
    where_sql = "".join(f" AND {w}" for w in where)
    sql = (
        f"SELECT a.id, a.published_date, a.site, a.province, a.title, a.url, a.lead, a.body "
        f"FROM (SELECT rowid, rank FROM {table} WHERE {table} MATCH ?) f "
        f"JOIN articles a ON a.id = f.rowid WHERE 1 = 1{where_sql} "
        f"ORDER BY f.rank, a.published_at DESC, a.id LIMIT ?"
    )
    try:
        rows = list(db.query(sql, [expr, *params, int(limit)]))
    except sqlite3.OperationalError as e:
        raise ValueError(f"cannot search for {query!r}: {e}") from None
    terms = _query_terms(query, exact)
    return [
        {
            "id": r["id"], "date": r["published_date"], "site": r["site"], "province": r["province"],
            "title": r["title"], "url": r["url"], "snippet": _snippet(r, terms, exact),
        }
        for r in rows
    ]


# -- export ----------------------------------------------------------------------------------------
def _export_rows(db: sqlite_utils.Database, where: list[str], params: list) -> Iterator[dict]:
    cols = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
    sql = (f"SELECT {cols} FROM articles a"
           f"{' WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY a.published_date IS NULL, a.published_date, a.published_at, a.id")
    yield from db.query(sql, params)


def _captions_list(value: str | None) -> list[str]:
    if not value:
        return []
    try:
        out = json.loads(value)
    except ValueError:
        return [value]
    return out if isinstance(out, list) else [str(out)]


_FIELD_TYPES = {"id": "integer", "duplicate_of": "integer", "published_at": "string",
                "published_date": "date", "captions": "string"}


def export_articles(db: sqlite_utils.Database, out_dir: str | Path, *, province: str | None = None,
                    site: str | None = None, since: str | None = None, until: str | None = None,
                    day: date | None = None, source: str | None = None) -> tuple[Path, int]:
    """Write ``out_dir/danvan-YYYY-MM-DD/`` (articles.csv, .json, .ndjson, README.md,
    datapackage.json) and return the folder and the number of articles."""
    filters = dict(province=province, site=site, since=since, until=until)
    where, params = _filters(db, **filters)  # raises ValueError before anything is written
    day = day or datetime.now(VN_TZ).date()
    folder = Path(out_dir) / f"danvan-{day.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    rows = _export_rows(db, where, params)
    n = 0
    sites: dict[str, int] = {}
    provinces: dict[str, int] = {}
    first = last = None
    with (open(folder / "articles.csv", "w", encoding="utf-8", newline="") as fcsv,
          open(folder / "articles.json", "w", encoding="utf-8") as fjson,
          open(folder / "articles.ndjson", "w", encoding="utf-8") as fnd):
        writer = csv.DictWriter(fcsv, fieldnames=list(ARTICLE_COLUMNS))
        writer.writeheader()
        fjson.write("[")
        for row in rows:
            writer.writerow(row)
            obj = dict(row, captions=_captions_list(row["captions"]))
            line = json.dumps(obj, ensure_ascii=False)
            fjson.write(("\n" if n == 0 else ",\n") + line)
            fnd.write(line + "\n")
            n += 1
            sites[row["site"]] = sites.get(row["site"], 0) + 1
            prov = row["province"] or "(none)"
            provinces[prov] = provinces.get(prov, 0) + 1
            if row["published_date"]:
                first = min(first or row["published_date"], row["published_date"])
                last = max(last or row["published_date"], row["published_date"])
        fjson.write("\n]\n" if n else "]\n")
    applied = {k: v for k, v in filters.items() if v}
    _write_export_readme(folder, day, n, applied, sites, provinces, first, last, source)
    _write_datapackage(folder, day, n, applied)
    return folder, n


def _write_export_readme(folder: Path, day: date, n: int, filters: dict, sites: dict, provinces: dict,
                         first: str | None, last: str | None, source: str | None) -> None:
    lines = [
        f"# danvan articles, exported {day.isoformat()}",
        "",
        "News published by Vietnam's provincial Party committee sites (Tỉnh ủy, Ban Dân vận, political",
        "schools), crawled and deduplicated by danvan-crawler: one row per story, each copy of a story",
        "on another site is recorded as one of its URLs (table `article_urls` of the database), not as a row.",
        "",
        f"- articles: {n}",
        f"- published: {first or '-'} to {last or '-'}",
        f"- filters: {', '.join(f'{k}={v}' for k, v in filters.items()) or 'none'}",
        f"- database: {source or '-'}",
        f"- sites: {', '.join(f'{k} ({v})' for k, v in sorted(sites.items())) or '-'}",
        f"- provinces: {', '.join(f'{k} ({v})' for k, v in sorted(provinces.items())) or '-'}",
        "",
        "## Files",
        "",
        "| file | format |",
        "|---|---|",
        "| `articles.csv` | CSV, UTF-8 (no BOM), header row, RFC 4180 quoting; `captions` is a JSON list |",
        "| `articles.json` | one JSON array of objects; `captions` is a list |",
        "| `articles.ndjson` | one JSON object per line (newline-delimited JSON), same fields |",
        "| `datapackage.json` | Frictionless Data Package: the same column descriptions, with types |",
        "",
        "Rows are ordered by publication date (undated stories last). Empty values are empty in CSV",
        "and `null` in JSON. Dates and times are Vietnam time (+07:00).",
        "",
        "## Columns",
        "",
        "| column | description |",
        "|---|---|",
        *(f"| `{c}` | {d} |" for c, d in ARTICLE_COLUMNS.items()),
        "",
        "## License",
        "",
        "The article texts, headlines and photo captions belong to the publishing sites (see each row's",
        "`url`); this export is for research, reference and archiving. Cite the source URL, and reuse the",
        "text only as the publisher's terms allow. The crawler's code is MIT-licensed.",
        "",
    ]
    (folder / "README.md").write_text("\n".join(lines), "utf-8")


def _write_datapackage(folder: Path, day: date, n: int, filters: dict) -> None:
    fields = [{"name": c, "type": _FIELD_TYPES.get(c, "string"), "description": d}
              for c, d in ARTICLE_COLUMNS.items()]
    package = {
        "profile": "tabular-data-package",
        "name": f"danvan-{day.isoformat()}",
        "title": "News of Vietnam's provincial Party committee sites",
        "created": day.isoformat(),
        "description": "Articles crawled by danvan-crawler" + (
            f" ({', '.join(f'{k}={v}' for k, v in filters.items())})" if filters else ""),
        "licenses": [{"name": "other-at", "title": "Texts belong to their publishers; see README.md"}],
        "resources": [{
            "name": "articles", "path": "articles.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "count": n,
            "schema": {"fields": fields, "primaryKey": "id"},
        }],
    }
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", "utf-8")


# -- Datasette metadata -----------------------------------------------------------------------------
def metadata_path() -> Path:
    """The bundled ``metadata.json`` for ``datasette DB --metadata …``."""
    return Path(__file__).resolve().parent / "datasette" / "metadata.json"


_FOLDED_PARAM = _sql_fold(":q")

CANNED_QUERIES: dict[str, dict] = {
    "articles_per_site_per_month": {
        "title": "Articles per site per month",
        "description": "How many stories each site published each month (undated stories have no month).",
        "sql": "SELECT month, site, province, articles FROM articles_by_month\n"
               "WHERE (:site = '' OR site = :site)\nORDER BY month DESC, site",
    },
    "site_health": {
        "title": "Site health",
        "description": "Per site: last run, last success, new articles in the last run, total, failure "
                       "streak and the share of the last run's articles without a date, byline or body.",
        "sql": "SELECT site, province, last_run, last_status, last_reason, last_success,\n"
               "  articles_new_last_run, articles_total, failure_streak, failures_last_run,\n"
               "  empty_date_rate, empty_byline_rate, empty_body_rate\n"
               "FROM site_health ORDER BY failure_streak DESC, site",
    },
    "search_without_diacritics": {
        "title": "Search without diacritics",
        "description": "Type with or without accents: \"dan van kheo\" finds \"Dân vận khéo\", \"dang\" "
                       "finds \"Đảng\" (and \"đang\", \"dạng\").",
        "sql": "SELECT a.published_date, a.site, a.province, a.title, a.url\n"
               "FROM (SELECT rowid, rank FROM articles_fts\n"
               f"      WHERE articles_fts MATCH escape_fts({_FOLDED_PARAM})) f\n"
               "JOIN articles a ON a.id = f.rowid\nORDER BY f.rank LIMIT 100",
    },
    "search_exact_diacritics": {
        "title": "Search with exact diacritics",
        "description": "Accents must agree: \"Đảng\" finds \"đảng\" but not \"đang\".",
        "sql": "SELECT a.published_date, a.site, a.province, a.title, a.url\n"
               "FROM (SELECT rowid, rank FROM articles_fts_exact\n"
               "      WHERE articles_fts_exact MATCH escape_fts(:q)) f\n"
               "JOIN articles a ON a.id = f.rowid\nORDER BY f.rank LIMIT 100",
    },
}


def datasette_metadata(db_names: tuple[str, ...] = ("danvan", "demo")) -> dict:
    """The Datasette metadata, one identical block per database name (the file's stem)."""
    search_note = (" The search box is accent-insensitive: \"dan van kheo\" finds \"Dân vận khéo\" and "
                   "\"dang\" finds \"Đảng\". For exact diacritics add &_fts_table=articles_fts_exact to the URL "
                   "or use the canned query.")
    tables = {
        "articles": {
            "description": "One row per story, deduplicated; its other URLs are in article_urls." + search_note,
            "columns": ARTICLE_COLUMNS,
            "facets": ["province", "site", {"date": "published_date"}],
            "fts_table": FOLDED_FTS,
            "fts_pk": "id",
            "sort_desc": "published_at",
            "label_column": "title",
        },
        "article_list": {
            "description": "The articles without their text, with a month column to facet on." + search_note,
            "columns": {
                "month": "YYYY-MM of the local publication date.",
                **{c: ARTICLE_COLUMNS[c] for c in ("id", "published_date", "province", "site", "title",
                                                   "byline", "url")},
            },
            "facets": ["province", "site", "month"],
            "fts_table": FOLDED_FTS,
            "fts_pk": "id",
            "sort_desc": "published_date",
        },
        "articles_by_month": {
            "description": "Articles per site, province and month of publication.",
            "columns": {"month": "YYYY-MM of the local publication date (empty: undated)",
                        "articles": "number of stories"},
            "facets": ["site", "province", "month"],
        },
        "site_health": {
            "description": "Per site: its last run, last success, failure streak (consecutive failed runs, "
                           "newest first) and empty-field rates over the article pages of the last run.",
        },
        FOLDED_FTS: {"hidden": True},
        EXACT_FTS: {"hidden": True},
    }
    block = {"tables": tables, "queries": CANNED_QUERIES}
    return {
        "title": "Tin các Tỉnh ủy — news of Vietnam's provincial Party committees",
        "description": "Articles crawled from the websites of provincial Party committees (Tỉnh ủy), their "
                       "Ban Dân vận / Ban Tuyên giáo và Dân vận and political schools by danvan-crawler: "
                       "title, date (+07:00), byline and body, one row per story.",
        "source": "The provincial Party committee sites listed in spiders/sites.toml; each row's url is "
                  "its source",
        "license": "Texts belong to their publishers: for research and reference, cite the url",
        "databases": {name: block for name in db_names},
    }


def write_metadata(path: str | Path | None = None) -> Path:
    """(Re)write the bundled metadata.json from :func:`datasette_metadata`."""
    path = Path(path) if path else metadata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(datasette_metadata(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path


# -- commands --------------------------------------------------------------------------------------
class _UsageError(click.ClickException):
    exit_code = 2


def _open(db_path: Path) -> sqlite_utils.Database:
    if not db_path.exists():
        raise _UsageError(f"no database at {db_path} (crawl first, or pass --db)")
    from danvan_crawler.storage import open_db

    return open_db(db_path)


_db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                          default=DEFAULT_DB, show_default=True, help="The crawl's SQLite database.")
_filter_options = [
    click.option("--province", metavar="NAME", help="Only this province (any spelling: 'lai chau', 'TP.HCM')."),
    click.option("--site", metavar="NAME", help="Only this site (its registry name)."),
    click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day (or YYYY-MM, YYYY)."),
    click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day (or YYYY-MM, YYYY)."),
]


def _with_filters(f):
    for opt in reversed(_filter_options):
        f = opt(f)
    return f


@click.command("search")
@click.argument("query")
@_with_filters
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="At most this many hits.")
@click.option("--exact", is_flag=True, help="Diacritics must agree: 'Đảng' does not match 'đang'.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as one JSON list.")
@_db_option
def search_command(query, province, site, since, until, limit, exact, as_json, db_path) -> None:
    """Full-text search of titles, leads, bodies and bylines, best match first.

    Accents are optional ("dan van kheo" finds "Dân vận khéo", "dang" finds "Đảng");
    --exact makes them count. Words are all required; "quoted phrases", word* prefixes,
    OR and -word work too.

    \b
    Examples:
        danvan search "dan van kheo"
        danvan search Đảng --exact --province "lai chau" --since 2020-01-01 --json
    """
    db = _open(db_path)
    try:
        hits = search(db, query, exact=exact, province=province, site=site, since=since, until=until,
                      limit=limit)
    except ValueError as e:
        raise _UsageError(str(e)) from None
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    for h in hits:
        click.echo(f"{h['date'] or '----------'}  {h['site']:<16} {h['title']}")
        click.echo(f"{'':12}{h['snippet']}")
        click.echo(f"{'':12}{h['url']}")
    click.echo(f"{len(hits)} hit(s)", err=True)


@click.command("export")
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@_db_option
@_with_filters
def export_command(out_dir, db_path, province, site, since, until) -> None:
    """Write a dated dataset folder DIR/danvan-YYYY-MM-DD/: articles.csv, articles.json,
    articles.ndjson, README.md (every column described) and datapackage.json.

    \b
    Example:
        danvan export exports/ --province "Lai Châu" --since 2024-01-01 --until 2024-12-31
    """
    db = _open(db_path)
    try:
        folder, n = export_articles(db, out_dir, province=province, site=site, since=since, until=until,
                                    source=str(db_path))
    except ValueError as e:
        raise _UsageError(str(e)) from None
    finally:
        db.close()
    click.echo(f"exported {n} article(s) to {folder}/")
    for name in ("articles.csv", "articles.json", "articles.ndjson", "README.md", "datapackage.json"):
        click.echo(f"  {name:<18} {(folder / name).stat().st_size:>10,} bytes")
