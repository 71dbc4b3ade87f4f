"""A small static web server for sample and fixture sites, bound to 127.0.0.1.

`danvan demo` serves the bundled sample sites with it, and the tests crawl fixture sites
through it over real HTTP. A site is a folder with ``_site.json`` (name, title, cms, province,
routes) and static files. Resolution of a request:

1. ``routes["/path?query"]`` (exact), then ``routes["/path"]``: a redirect or a file with a
   status, content type and extra headers;
2. the static file at the path (query ignored, as most CMSs ignore unknown parameters):
   ``/x/`` → ``x/index.html``; a folder without its slash is redirected to it;
3. 404.

``{{BASE}}`` in text files becomes ``http://127.0.0.1:PORT`` so canonical links, sitemaps and
feeds carry absolute URLs. Every request is counted per path+query so tests can assert what
the crawler fetched.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".aspx": "text/html; charset=utf-8",
    ".php": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
}

# A hook may answer a request itself (fault injection in tests): it gets the handler and the
# raw request path and returns True when it has written the whole response.
Hook = Callable[[BaseHTTPRequestHandler, str], bool]


@dataclass
class SiteServer:
    """One site served on its own port, with the counts of what was requested."""

    root: Path
    meta: dict
    hook: Hook | None = None
    requests: Counter = field(default_factory=Counter)
    log: list[str] = field(default_factory=list)
    base: str = ""
    _httpd: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def name(self) -> str:
        return self.meta.get("name") or self.root.name

    def url(self, path: str = "/") -> str:
        return self.base + path

    def count(self, predicate: Callable[[str], bool] | None = None) -> int:
        """How many requests were made (to paths matching ``predicate`` when given)."""
        with self._lock:
            return sum(n for p, n in self.requests.items() if predicate is None or predicate(p))

    def record(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1
            self.log.append(path)

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
            self.log.clear()

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, raw: str) -> tuple[int, dict[str, str], bytes]:
        """Answer one request path: status, headers, body."""
        parts = urlsplit(raw)
        path = unquote(parts.path) or "/"
        routes = self.meta.get("routes", {})
        key = path + ("?" + parts.query if parts.query else "")
        route = routes.get(key) or routes.get(raw) or (routes.get(path) if not parts.query else None)
        if route is None and parts.query:
            route = routes.get(path) if routes.get(path, {}).get("any_query") else None
        if route is not None:
            return self._answer_route(route)
        file = self._static_file(path)
        if file is None:
            folder = self.root / path.strip("/")
            if path and not path.endswith("/") and (folder / "index.html").is_file():
                return 301, {"Location": self.base + path + "/"}, b""
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>404</body></html>"
        return 200, {"Content-Type": self._content_type(file)}, self._read(file)

    def _answer_route(self, route: dict) -> tuple[int, dict[str, str], bytes]:
        headers = dict(route.get("headers", {}))
        if "redirect" in route:
            target = route["redirect"]
            headers["Location"] = target if target.startswith("http") else self.base + target
            return int(route.get("status", 301)), headers, b""
        body = b""
        if "file" in route:
            file = self.root / route["file"]
            body = self._read(file)
            headers.setdefault("Content-Type", route.get("content_type") or self._content_type(file))
        elif "body" in route:
            body = route["body"].replace("{{BASE}}", self.base).encode("utf-8")
            headers.setdefault("Content-Type", route.get("content_type", "text/html; charset=utf-8"))
        return int(route.get("status", 200)), headers, body

    def _static_file(self, path: str) -> Path | None:
        rel = path.lstrip("/")
        candidate = self.root / rel
        if path.endswith("/"):
            candidate = candidate / "index.html"
        try:
            candidate.resolve().relative_to(self.root.resolve())
        except ValueError:  # ../ tricks never leave the site folder
            return None
        if candidate.name.startswith("_") or candidate.name == "expected.json":
            return None
        return candidate if candidate.is_file() else None

    def _content_type(self, file: Path) -> str:
        return TEXT_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or "text/html"

    def _read(self, file: Path) -> bytes:
        data = file.read_bytes()
        if file.suffix.lower() in TEXT_TYPES:
            data = data.replace(b"{{BASE}}", self.base.encode("ascii"))
        return data

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self, port: int = 0) -> SiteServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                site.record(self.path)
                if site.hook is not None and site.hook(self, self.path):
                    return
                status, headers, body = site.resolve(self.path)
                if status == 200 and body:
                    # Validators like a real server's, so conditional requests can be tested.
                    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    headers.setdefault("ETag", etag)
                    if self.headers.get("If-None-Match") == headers["ETag"]:
                        status, body = 304, b""
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


def load_site(root: Path, hook: Hook | None = None) -> SiteServer:
    """A (not yet started) server for the site folder ``root``."""
    meta_file = root / "_site.json"
    meta = json.loads(meta_file.read_text("utf-8")) if meta_file.exists() else {}
    meta.setdefault("name", root.name)
    return SiteServer(root=root, meta=meta, hook=hook)


def sample_sites_dir() -> Path:
    """The sample sites shipped inside the package (used by ``danvan demo``)."""
    return Path(__file__).parent / "sample_sites"


def site_folders(parent: Path) -> list[Path]:
    """Every site folder (one holding ``_site.json``) directly under ``parent``."""
    return sorted(p for p in parent.iterdir() if (p / "_site.json").is_file())


@contextmanager
def serve(roots: list[Path], hooks: dict[str, Hook] | None = None) -> Iterator[list[SiteServer]]:
    """Serve each site folder on its own loopback port for the duration of the block."""
    servers = [load_site(r, (hooks or {}).get(r.name)).start() for r in roots]
    try:
        yield servers
    finally:
        for s in servers:
            s.stop()
