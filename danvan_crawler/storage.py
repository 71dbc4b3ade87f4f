"""SQLite storage through sqlite-utils: the schema, its migrations, and every write.

The one module that writes the crawl's SQL (the near-duplicate index in ``dedup`` keeps its own
two tables). All values go through parameters.

Durability: the database runs in WAL mode with ``synchronous=NORMAL``. A commit then costs a
write to the WAL file, not an fsync, so the pipeline can commit often (every batch of a few
dozen items, or every couple of seconds): a killed process loses at most the open batch and
never leaves the file inconsistent.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from danvan_crawler import dedup, search
from danvan_crawler.items import Article

VN_TZ = timezone(timedelta(hours=7))

migrations = Migrations("danvan")


@migrations()
def m001_core(db: sqlite_utils.Database) -> None:
    """Sites, articles, every URL an article was seen at, runs, failures, changes."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS sites (
            name TEXT PRIMARY KEY,
            title TEXT,
            url TEXT,
            province TEXT,
            cms TEXT,
            first_crawled_at TEXT,
            last_crawled_at TEXT
        );
        CREATE TABLE IF NOT EXISTS articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,          -- canonical URL
            site TEXT NOT NULL,
            province TEXT,
            title TEXT NOT NULL,
            published_at TEXT,                 -- ISO 8601, +07:00
            published_date TEXT,               -- local YYYY-MM-DD (not SQLite date(), which shifts to UTC)
            date_source TEXT,
            byline TEXT,
            source TEXT,
            lead TEXT,
            body TEXT NOT NULL,
            captions TEXT,                     -- JSON list
            content_hash TEXT NOT NULL,
            duplicate_of INTEGER REFERENCES articles(id),
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            updated_at TEXT
        );
        CREATE INDEX IF NOT EXISTS idx_articles_hash ON articles(content_hash);
        CREATE INDEX IF NOT EXISTS idx_articles_site_date ON articles(site, published_date);
        CREATE INDEX IF NOT EXISTS idx_articles_date ON articles(published_date);
        CREATE TABLE IF NOT EXISTS article_urls (
            url TEXT PRIMARY KEY,              -- canonical form of the URL seen
            article_id INTEGER NOT NULL REFERENCES articles(id),
            site TEXT,
            kind TEXT NOT NULL,                -- canonical / alias / print / republished
            published_at TEXT,                 -- for republished copies: their own date
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_article_urls_article ON article_urls(article_id);
        CREATE INDEX IF NOT EXISTS idx_article_urls_site ON article_urls(site);
        CREATE TABLE IF NOT EXISTS article_changes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            changed_at TEXT NOT NULL,
            old_hash TEXT,
            new_hash TEXT,
            old_title TEXT,
            old_body TEXT
        );
        CREATE TABLE IF NOT EXISTS crawl_runs (
            id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL,
            site TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,              -- running / ok / failed / interrupted
            reason TEXT,
            pages_fetched INTEGER DEFAULT 0,
            articles_new INTEGER DEFAULT 0,
            articles_updated INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            errors INTEGER DEFAULT 0,
            empty_date INTEGER DEFAULT 0,
            empty_byline INTEGER DEFAULT 0,
            empty_body INTEGER DEFAULT 0,
            warnings TEXT
        );
        CREATE INDEX IF NOT EXISTS idx_crawl_runs_site ON crawl_runs(site, started_at);
        CREATE TABLE IF NOT EXISTS failures (
            id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL,
            site TEXT NOT NULL,
            url TEXT NOT NULL,
            reason TEXT NOT NULL,
            status INTEGER,
            at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_failures_run ON failures(run_id, site);
        CREATE TABLE IF NOT EXISTS http_cache (
            url TEXT PRIMARY KEY,              -- validators for conditional requests
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT
        );
        """
    )


@migrations()
def m002_run_extracted(db: sqlite_utils.Database) -> None:
    """How many article pages a run extracted: the base of the empty-field rates in site health."""
    db.execute("ALTER TABLE crawl_runs ADD COLUMN extracted INTEGER DEFAULT 0")


@migrations()
def m003_url_keys(db: sqlite_utils.Database) -> None:
    """Look URLs up by a scheme- and www-blind key: http/https and www variants are one URL."""
    db.execute("ALTER TABLE article_urls ADD COLUMN url_key TEXT")
    for url, in db.execute("SELECT url FROM article_urls").fetchall():
        db.execute("UPDATE article_urls SET url_key = ? WHERE url = ?", [dedup.url_key(url), url])
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_urls_key ON article_urls(url_key)")


def now_iso() -> str:
    """Current local time, ISO 8601 with +07:00, to the second."""
    return datetime.now(VN_TZ).replace(microsecond=0).isoformat()


def local_date(published_at: str | None) -> str | None:
    """The local calendar day of an ISO timestamp (its first ten characters are local time)."""
    return published_at[:10] if published_at and len(published_at) >= 10 else None


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating when needed) the database at ``path``, migrated and in WAL mode."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=30000")
    migrations.apply(db)
    dedup.NearDuplicateIndex(db)  # creates its tables
    search.ensure_search(db)  # FTS tables, their triggers, browse views
    return db


@dataclass
class SaveResult:
    """What storing one article did: new / updated / unchanged / duplicate / republished."""

    outcome: str
    article_id: int


class Store:
    """The crawl's writer: articles with their URLs, runs and failures."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.index = dedup.NearDuplicateIndex(db)
        self._cms: dict[str, str | None] = {}
        self._batch_started, self._batch_items = 0.0, 0  # the open batch transaction (save_batched)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        return cls(open_db(path))

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # -- sites and URLs ----------------------------------------------------------------------
    def upsert_site(self, name: str, title: str, url: str, province: str | None, cms: str | None) -> None:
        now = now_iso()
        self.db.execute(
            """INSERT INTO sites (name, title, url, province, cms, first_crawled_at, last_crawled_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET title=excluded.title, url=excluded.url,
                 province=excluded.province, cms=excluded.cms, last_crawled_at=excluded.last_crawled_at""",
            [name, title, url, province, cms, now, now],
        )

    def known_urls(self, site: str) -> set[str]:
        """The URL keys (``dedup.url_key``) of every URL stored for ``site``: the spider skips them."""
        rows = self.db.execute("SELECT url_key FROM article_urls WHERE site = ?", [site]).fetchall()
        return {r[0] for r in rows}

    def article_id_for_url(self, url: str, cms: str | None = None) -> int | None:
        row = self.db.execute(
            "SELECT article_id FROM article_urls WHERE url_key = ? LIMIT 1", [dedup.url_key(url, cms=cms)]
        ).fetchone()
        return row[0] if row else None

    def _add_url(self, url: str, article_id: int, site: str, kind: str, published_at: str | None) -> None:
        now = now_iso()
        self.db.execute(
            """INSERT INTO article_urls
                 (url, url_key, article_id, site, kind, published_at, first_seen_at, last_seen_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET last_seen_at = excluded.last_seen_at""",
            [url, dedup.url_key(url, cms=self.site_cms(site)), article_id, site, kind, published_at, now, now],
        )

    def site_cms(self, site: str) -> str | None:
        """The CMS family a site declared (canonical URL rules differ per family)."""
        if site not in self._cms:
            row = self.db.execute("SELECT cms FROM sites WHERE name = ?", [site]).fetchone()
            self._cms[site] = row[0] if row else None
        return self._cms[site]

    # -- articles ------------------------------------------------------------------------------
    def save_article(self, article: Article) -> SaveResult:
        """Store one extracted article, deduplicating by URL, exact hash and near-duplicate index.

        The content hash and MinHash fingerprint come with the article when the crawl's page-analysis
        worker computed them; they are computed here otherwise.
        """
        with self.db.atomic():
            return self._save(article)

    # A commit per article took ~1 ms of the reactor thread; the crawl's pipeline groups its writes in
    # transactions of at most BATCH_ITEMS articles or BATCH_SECONDS (a kill loses at most that much).
    BATCH_ITEMS = 200
    BATCH_SECONDS = 2.0

    def save_batched(self, article: Article) -> SaveResult:
        """:meth:`save_article` inside the open batch transaction (begun when none is open)."""
        conn = self.db.conn
        if not conn.in_transaction:
            conn.execute("BEGIN")
            self._batch_started, self._batch_items = time.monotonic(), 0
        result = self.save_article(article)  # a savepoint: a failing article rolls back alone
        self._batch_items += 1
        if self._batch_items >= self.BATCH_ITEMS:
            self.commit()
        return result

    def commit(self, older_than: float = 0.0) -> None:
        """Commit the open batch (only if it was begun at least ``older_than`` seconds ago)."""
        if self.db.conn.in_transaction and time.monotonic() - self._batch_started >= older_than:
            self.db.conn.commit()
            self._batch_items = 0

    def _save(self, a: Article) -> SaveResult:
        result = self._save_story(a)
        for url in a.redirected_from:  # known next time: no request for the old address again
            if self.article_id_for_url(url, self.site_cms(a.site)) is None:
                self._add_url(dedup.canonical_url(url), result.article_id, a.site, "alias", None)
        return result

    def _save_story(self, a: Article) -> SaveResult:
        # Stored URLs stay working addresses; the CMS family's equivalences (Joomla's optional
        # /index.php/, Drupal's /print/N) only shape the lookup key.
        cms = self.site_cms(a.site)
        canonical = a.canonical_url or dedup.canonical_url(a.url, a.canonical_href)
        # A print view folds into the article's key but is kept as the address it was seen at.
        fetched = a.url.split("#")[0] if dedup.is_print_view(a.url) else dedup.canonical_url(a.url)
        chash = a.content_hash or dedup.content_hash(a.title, a.body)
        url_kind = dedup.url_kind(a.url, canonical)
        if url_kind == "canonical":
            url_kind = "alias"  # the fetched URL differs from the canonical one only in form

        # 1. A URL we know: the same article, maybe edited in place.
        existing = self.article_id_for_url(canonical, cms) or self.article_id_for_url(fetched, cms)
        if existing is not None:
            row = self.db.execute(
                "SELECT content_hash, site, title, body FROM articles WHERE id = ?", [existing]
            ).fetchone()
            for u in {canonical, fetched}:
                self._add_url(u, existing, a.site, "canonical" if u == canonical else url_kind, None)
            if row and row[1] == a.site and row[0] != chash and a.body:
                self._update_article(existing, a, chash, old=(row[0], row[2], row[3]))
                return SaveResult("updated", existing)
            self.db.execute("UPDATE articles SET last_seen_at = ? WHERE id = ?", [now_iso(), existing])
            return SaveResult("unchanged", existing)

        # 2. The same text under another URL: an alias, a print view or a verbatim republication.
        row = self.db.execute(
            "SELECT id, site FROM articles WHERE content_hash = ? LIMIT 1", [chash]
        ).fetchone()
        if row is not None:
            kind = "republished" if row[1] != a.site else url_kind
            for u in {canonical, fetched}:
                self._add_url(u, row[0], a.site, kind, a.published_at)
            return SaveResult("duplicate" if kind != "republished" else "republished", row[0])

        # 3. Nearly the same story: a republication with an edited lead, byline or caption.
        signature = tuple(a.signature) if a.signature else (dedup.fingerprint(a.body) if a.body else None)
        if signature is not None:
            original = self._find_near_duplicate(a, signature)
            if original is not None:
                return self._record_republication(original, a, canonical, fetched, chash, signature)

        # 4. A new story.
        article_id = self._insert_article(a, canonical, chash)
        self._add_url(canonical, article_id, a.site, "canonical", None)
        if fetched != canonical:
            self._add_url(fetched, article_id, a.site, url_kind, None)
        if signature is not None:
            self.index.add(article_id, signature)
        return SaveResult("new", article_id)

    def _site_title(self, site: str) -> str | None:
        row = self.db.execute("SELECT title FROM sites WHERE name = ?", [site]).fetchone()
        return row[0] if row else None

    def _row_for_dedup(self, article_id: int) -> dict | None:
        rows = list(
            self.db.query(
                "SELECT a.id, a.site, a.title, a.body, a.published_at, a.byline, a.source, s.title AS site_title,"
                " a.url FROM articles a LEFT JOIN sites s ON s.name = a.site WHERE a.id = ?",
                [article_id],
            )
        )
        return rows[0] if rows else None

    def _find_near_duplicate(self, a: Article, signature: tuple[int, ...]) -> dict | None:
        mine = {
            "title": a.title, "body": a.body, "published_at": a.published_at, "byline": a.byline,
            "source": a.source, "signature": signature, "site": a.site, "url": a.url,
            "site_title": self._site_title(a.site),
        }
        for candidate_id in self.index.candidates(signature)[:20]:
            row = self._row_for_dedup(candidate_id)
            if row is None:
                continue
            row["signature"] = self.index.signature(candidate_id)
            if row["signature"] is None:
                continue
            if dedup.is_same_story(mine, row):
                row["_mine"] = mine
                return row
        return None

    def _record_republication(
        self, original: dict, a: Article, canonical: str, fetched: str, chash: str, signature
    ) -> SaveResult:
        """Keep the original as the article; the other copy becomes a ``republished`` URL."""
        mine = original.pop("_mine")
        article_id = original["id"]
        if dedup.choose_original(mine, original) is mine:
            # The newcomer is the original (earlier, or named by the stored copy's "Nguồn:"):
            # the row takes the newcomer's content, the stored copy's URLs become republished.
            self.db.execute(
                "UPDATE article_urls SET kind = 'republished',"
                " published_at = COALESCE(published_at, ?) WHERE article_id = ? AND site = ?",
                [original["published_at"], article_id, original["site"]],
            )
            self._overwrite_article(article_id, a, canonical, chash)
            self._add_url(canonical, article_id, a.site, "canonical", None)
            if fetched != canonical:
                self._add_url(fetched, article_id, a.site, "alias", None)
            self.index.remove(article_id)
            self.index.add(article_id, signature)
            return SaveResult("new", article_id)  # new for this site: its copy is the original
        for u in {canonical, fetched}:
            self._add_url(u, article_id, a.site, "republished", a.published_at)
        return SaveResult("republished", article_id)

    def _article_values(self, a: Article, canonical: str, chash: str) -> dict:
        return {
            "url": canonical,
            "site": a.site,
            "province": a.province,
            "title": a.title,
            "published_at": a.published_at,
            "published_date": local_date(a.published_at),
            "date_source": a.date_source,
            "byline": a.byline,
            "source": a.source,
            "lead": a.lead,
            "body": a.body,
            "captions": json.dumps(a.captions, ensure_ascii=False),
            "content_hash": chash,
        }

    def _insert_article(self, a: Article, canonical: str, chash: str) -> int:
        values = self._article_values(a, canonical, chash)
        now = now_iso()
        values.update(first_seen_at=now, last_seen_at=now)
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.db.execute(f"INSERT INTO articles ({cols}) VALUES ({marks})", list(values.values()))
        return int(cur.lastrowid)

    def _overwrite_article(self, article_id: int, a: Article, canonical: str, chash: str) -> None:
        values = self._article_values(a, canonical, chash)
        values.update(last_seen_at=now_iso(), updated_at=now_iso())
        sets = ", ".join(f"{c} = ?" for c in values)
        self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article_id])

    def _update_article(self, article_id: int, a: Article, chash: str, old: tuple) -> None:
        """The same URL with changed text: update in place, keep first_seen_at, record the change."""
        self.db.execute(
            "INSERT INTO article_changes (article_id, changed_at, old_hash, new_hash, old_title, old_body)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [article_id, now_iso(), old[0], chash, old[1], old[2]],
        )
        url = self.db.execute("SELECT url FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        self._overwrite_article(article_id, a, url, chash)
        if a.body:
            self.index.remove(article_id)
            self.index.add(article_id, dedup.fingerprint(a.body))

    # -- runs and failures -----------------------------------------------------------------------
    def start_run(self, run_id: str, site: str) -> int:
        cur = self.db.execute(
            "INSERT INTO crawl_runs (run_id, site, started_at, status) VALUES (?, ?, ?, 'running')",
            [run_id, site, now_iso()],
        )
        return int(cur.lastrowid)

    def finish_run(self, row_id: int, status: str, counts: dict[str, int], reason: str | None = None,
                   warnings: Iterable[str] = ()) -> None:
        allowed = {
            "extracted", "pages_fetched", "articles_new", "articles_updated", "duplicates", "errors",
            "empty_date", "empty_byline", "empty_body",
        }
        values = {k: int(v) for k, v in counts.items() if k in allowed}
        values.update(finished_at=now_iso(), status=status, reason=reason,
                      warnings="\n".join(warnings) or None)
        sets = ", ".join(f"{c} = ?" for c in values)
        self.db.execute(f"UPDATE crawl_runs SET {sets} WHERE id = ?", [*values.values(), row_id])

    def record_failure(self, run_id: str, site: str, url: str, reason: str, status: int | None = None) -> None:
        self.db.execute(
            "INSERT INTO failures (run_id, site, url, reason, status, at) VALUES (?, ?, ?, ?, ?, ?)",
            [run_id, site, url, reason, status, now_iso()],
        )

    # -- conditional requests ---------------------------------------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if not etag and not last_modified:
            return
        self.db.execute(
            """INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified,
               checked_at=excluded.checked_at""",
            [url, etag, last_modified, now_iso()],
        )

    # -- queries for the CLI ----------------------------------------------------------------------
    def count_articles(self, site: str | None = None) -> int:
        if site:
            return self.db.execute("SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
