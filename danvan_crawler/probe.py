"""Probe the registry's homepages: reachable? which CMS? sitemap, feed, WordPress REST API?

Standard library only: each HTTP request runs in a daemon thread (plain ``urllib``) driven by
asyncio, with a bounded number of sites probed at once and bounded timeouts per request and per
site. Offline, every site comes back unreachable with a reason (``dns``, ``refused``, ``timeout``,
``tls``…) within the per-site deadline; daemon threads never hold up interpreter exit.

These government servers are old: when certificate verification fails, or the server needs legacy
TLS renegotiation / old ciphers, the probe retries without verification and says so in ``notes``
(``tls_insecure`` is then True).
"""

from __future__ import annotations

import asyncio
import errno
import http.client
import json
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from danvan_crawler.profiles import SiteProfile

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_TIMEOUT",
    "FetchResult",
    "ProbeResult",
    "detect_cms",
    "fetch",
    "find_feed_links",
    "probe_site",
    "probe_sites",
    "probe_sites_async",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_CONCURRENCY = 16
USER_AGENT = "danvan-crawler/0.1 (registry probe; +https://github.com/)"
HOME_MAX_BYTES = 1_000_000
AUX_MAX_BYTES = 262_144


# ------------------------------------------------------------------------------------------ results

@dataclass
class FetchResult:
    """One HTTP exchange (or the failure to have one)."""

    url: str
    status: int | None = None
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None  # dns / refused / timeout / tls / reset / unreachable / protocol / error
    detail: str | None = None
    insecure: bool = False  # certificate not verified / legacy TLS allowed
    tls_note: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def text(self) -> str:
        charset = "utf-8"
        ctype = self.headers.get("content-type", "")
        m = re.search(r"charset=([\w.-]+)", ctype, re.I)
        if m:
            charset = m.group(1)
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


@dataclass
class ProbeResult:
    """What one site's homepage told us."""

    name: str
    url: str
    reachable: bool = False
    status: int | None = None  # HTTP status of the homepage (after redirects)
    reason: str | None = None  # why unreachable: dns / refused / timeout / tls / http / …
    detail: str | None = None  # the underlying error text
    final_url: str | None = None
    elapsed: float = 0.0
    cms: str | None = None  # detected CMS family (None when not recognised)
    generator: str | None = None  # <meta name="generator"> as found
    sitemap: str | None = None  # URL of a sitemap that answered, if any
    feed: str | None = None  # URL of an RSS/Atom feed that answered or was advertised
    rest_api: bool | None = None  # WordPress REST API open? None = not applicable / not tried
    tls_insecure: bool = False
    notes: list[str] = field(default_factory=list)
    registry_cms: str | None = None

    @property
    def status_text(self) -> str:
        """Short status for tables: "200", "HTTP 503", "dns: Name or service not known"."""
        if self.reachable:
            return str(self.status)
        if self.reason == "http":
            return f"HTTP {self.status}"
        if self.detail:
            return f"{self.reason}: {self.detail}"
        return self.reason or "unreachable"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status_text"] = self.status_text
        return d


# ------------------------------------------------------------------------------------------ fetching

_CTX_LOCK = threading.Lock()
_CTX_CACHE: dict[str, ssl.SSLContext] = {}


def _cached(kind: str, make: Callable[[], ssl.SSLContext]) -> ssl.SSLContext:
    # Building a context loads the CA store (tens of ms): build each kind once, share it.
    with _CTX_LOCK:
        ctx = _CTX_CACHE.get(kind)
        if ctx is None:
            ctx = _CTX_CACHE[kind] = make()
        return ctx


def _verified_context() -> ssl.SSLContext:
    return _cached("verified", ssl.create_default_context)


def _legacy_context() -> ssl.SSLContext:
    return _cached("legacy", _make_legacy_context)


def _make_legacy_context() -> ssl.SSLContext:
    """No verification, old protocol versions and ciphers, legacy renegotiation allowed."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.options |= getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0x4)
    try:
        ctx.minimum_version = ssl.TLSVersion.TLSv1
    except (ValueError, AttributeError):  # pragma: no cover - depends on the OpenSSL build
        pass
    try:
        ctx.set_ciphers("ALL:@SECLEVEL=0")
    except ssl.SSLError:  # pragma: no cover - depends on the OpenSSL build
        pass
    return ctx


def _classify(exc: BaseException) -> tuple[str, str]:
    """Map an exception from urllib/socket/ssl to (kind, detail)."""
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        reason = exc.reason
        if isinstance(reason, BaseException):
            return _classify(reason)
        text = str(reason)
        if "timed out" in text:
            return "timeout", text
        return "error", text
    if isinstance(exc, socket.gaierror):
        return "dns", exc.strerror or str(exc)
    if isinstance(exc, ssl.SSLError):
        return "tls", getattr(exc, "reason", None) or str(exc)
    if isinstance(exc, ssl.CertificateError):
        return "tls", str(exc)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "timeout", "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "refused", "connection refused"
    if isinstance(exc, ConnectionResetError):
        return "reset", "connection reset by peer"
    if isinstance(exc, (http.client.RemoteDisconnected, http.client.BadStatusLine,
                        http.client.IncompleteRead, http.client.HTTPException)):
        return "protocol", exc.__class__.__name__
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "unreachable", exc.strerror or str(exc)
        if exc.errno == errno.ECONNREFUSED:
            return "refused", "connection refused"
        return "error", exc.strerror or str(exc)
    return "error", f"{exc.__class__.__name__}: {exc}"


def _needs_insecure_retry(exc: BaseException) -> str | None:
    """A TLS failure worth retrying without verification / with legacy TLS; returns a note."""
    inner = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(inner, ssl.SSLCertVerificationError):
        return f"tls: certificate not verified ({inner.verify_message or inner.reason})"
    if isinstance(inner, ssl.CertificateError):
        return f"tls: certificate not verified ({inner})"
    if isinstance(inner, ssl.SSLError):
        return f"tls: legacy TLS accepted ({getattr(inner, 'reason', None) or inner})"
    return None


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = AUX_MAX_BYTES,
          insecure: bool = False, method: str = "GET") -> FetchResult:
    """Fetch *url* (blocking). Follows redirects; HTTP error statuses are results, not exceptions.

    TLS: verified first; on a certificate or handshake failure, once more without verification and
    with legacy TLS allowed (``insecure`` and ``tls_note`` say so). With ``insecure=True`` the
    legacy context is used straight away.
    """
    result = FetchResult(url=url)
    problem = None if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname else "bad URL"
    if problem:
        result.error, result.detail = "error", f"{problem}: {url}"
        return result
    contexts = [(_legacy_context, True)] if insecure else [(_verified_context, False),
                                                             (_legacy_context, True)]
    is_https = urlsplit(url).scheme == "https"
    last_exc: BaseException | None = None
    for make_ctx, ctx_insecure in contexts:
        ctx = make_ctx() if is_https else None
        handlers = [urllib.request.HTTPSHandler(context=ctx)] if ctx is not None else []
        opener = urllib.request.build_opener(*handlers)
        req = urllib.request.Request(url, method=method, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "vi,en;q=0.5",
        })
        try:
            with opener.open(req, timeout=timeout) as resp:
                result.status = resp.status
                result.final_url = resp.geturl()
                result.headers = {k.lower(): v for k, v in resp.headers.items()}
                result.body = resp.read(max_bytes) if method != "HEAD" else b""
            result.insecure = ctx_insecure
            return result
        except urllib.error.HTTPError as exc:
            result.status = exc.code
            result.final_url = exc.geturl() or url
            result.headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
            try:
                result.body = exc.read(max_bytes)
            except Exception:  # noqa: BLE001 - best effort on an error body
                result.body = b""
            result.insecure = ctx_insecure
            return result
        except Exception as exc:  # noqa: BLE001 - classified below
            last_exc = exc
            note = _needs_insecure_retry(exc) if is_https and not ctx_insecure else None
            if note:
                result.tls_note = note
                continue
            break
    assert last_exc is not None
    result.error, result.detail = _classify(last_exc)
    return result


# --------------------------------------------------------------------------------------- detection

_GENERATOR_RE = re.compile(
    r"<meta\b[^>]*\bname\s*=\s*[\"']generator[\"'][^>]*>", re.I)
_CONTENT_RE = re.compile(r"\bcontent\s*=\s*[\"']([^\"']*)[\"']", re.I)
_LINK_RE = re.compile(r"<link\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"([a-zA-Z_:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")


def _generator(html: str) -> str | None:
    m = _GENERATOR_RE.search(html)
    if not m:
        return None
    c = _CONTENT_RE.search(m.group(0))
    return c.group(1).strip() if c else None


def detect_cms(html: str, headers: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """(cms family, generator meta) from a homepage's HTML and response headers."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    gen = _generator(html)
    g = (gen or "").lower() + " " + headers.get("x-generator", "").lower()
    if "wordpress" in g:
        return "wordpress", gen
    if "nukeviet" in g:
        return "nukeviet", gen
    if "joomla" in g:
        return "joomla", gen
    if "drupal" in g:
        return "drupal", gen
    if "liferay" in g:
        return "liferay", gen
    if "sharepoint" in g:
        return "sharepoint", gen
    low = html.lower()
    if "/wp-content/" in low or "/wp-includes/" in low or "api.w.org" in low:
        return "wordpress", gen
    if "nukeviet" in low or "nv_base_siteurl" in low or "nv_lang_data" in low:
        return "nukeviet", gen
    if "/media/jui/" in low or "/components/com_" in low or "joomla!" in low or "/media/system/js/" in low:
        return "joomla", gen
    if "liferay-portal" in headers or "liferay." in low or "/html/js/liferay" in low \
            or "/o/frontend-js" in low or "com_liferay_" in low:
        return "liferay", gen
    if "microsoftsharepointteamservices" in headers or "/_layouts/" in low or "_spbodyonload" in low \
            or "sharepoint" in low:
        return "sharepoint", gen
    if "drupal.settings" in low or "drupal-settings-json" in low or "/sites/default/files/" in low \
            or "x-drupal-cache" in headers:
        return "drupal", gen
    powered = headers.get("x-powered-by", "").lower()
    if "__viewstate" in low or "x-aspnet-version" in headers or "asp.net" in powered:
        return "aspnet", gen
    return None, gen


def find_feed_links(html: str, base_url: str) -> list[str]:
    """Absolute URLs of ``<link rel="alternate" type="application/rss+xml|atom+xml">``."""
    out: list[str] = []
    for tag in _LINK_RE.findall(html):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}
        if "alternate" not in attrs.get("rel", "").lower().split():
            continue
        if attrs.get("type", "").lower() not in ("application/rss+xml", "application/atom+xml"):
            continue
        href = attrs.get("href")
        if href:
            out.append(urljoin(base_url, href))
    return out


def _looks_like_sitemap(res: FetchResult) -> bool:
    if not res.ok:
        return False
    head = res.body[:4096].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def _looks_like_feed(res: FetchResult) -> bool:
    if not res.ok:
        return False
    head = res.body[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _looks_like_wp_posts(res: FetchResult) -> bool:
    if not res.ok:
        return False
    try:
        data = json.loads(res.body.decode("utf-8", errors="replace"))
    except ValueError:
        return False
    return isinstance(data, list)


# ------------------------------------------------------------------------------------------ probing

async def _in_thread(fn: Callable[[], FetchResult]) -> FetchResult:
    """Run a blocking call in a daemon thread (never joined at exit) and await its result."""
    loop = asyncio.get_running_loop()
    fut: asyncio.Future[FetchResult] = loop.create_future()

    def runner() -> None:
        try:
            value = fn()
        except BaseException as exc:  # noqa: BLE001 - forwarded to the awaiting task
            error = exc
            deliver = lambda: fut.done() or fut.set_exception(error)  # noqa: E731
        else:
            deliver = lambda: fut.done() or fut.set_result(value)  # noqa: E731
        try:
            loop.call_soon_threadsafe(deliver)
        except RuntimeError:  # the loop is gone (the caller gave up waiting): drop the result
            pass

    threading.Thread(target=runner, name="danvan-probe", daemon=True).start()
    return await fut


async def _get(url: str, timeout: float, max_bytes: int, insecure: bool) -> FetchResult:
    try:
        return await asyncio.wait_for(
            _in_thread(lambda: fetch(url, timeout=timeout, max_bytes=max_bytes, insecure=insecure)),
            timeout=timeout * 2 + 1,
        )
    except TimeoutError:
        return FetchResult(url=url, error="timeout", detail="timed out")


async def probe_site(profile: SiteProfile, *, timeout: float = DEFAULT_TIMEOUT) -> ProbeResult:
    """Probe one site: homepage, then (when reachable) sitemap, feed and WordPress REST API."""
    started = time.monotonic()
    result = ProbeResult(name=profile.name, url=profile.url, registry_cms=profile.cms)
    home = await _get(profile.url, timeout, HOME_MAX_BYTES, insecure=False)
    result.final_url = home.final_url
    result.tls_insecure = home.insecure
    if home.tls_note:
        result.notes.append(home.tls_note)
    if home.status is None:
        result.reason, result.detail = home.error or "error", home.detail
        result.elapsed = round(time.monotonic() - started, 3)
        return result
    result.status = home.status
    if not 200 <= home.status < 400:
        result.reason = "http"
        result.elapsed = round(time.monotonic() - started, 3)
        return result
    result.reachable = True
    base = home.final_url or profile.url
    html = home.text()
    result.cms, result.generator = detect_cms(html, home.headers)
    insecure = home.insecure

    # sitemap: robots.txt Sitemap: lines, then the usual places
    robots = await _get(urljoin(base, "/robots.txt"), timeout, AUX_MAX_BYTES, insecure)
    candidates: list[str] = []
    if robots.ok:
        for line in robots.text().splitlines():
            if line.lower().startswith("sitemap:"):
                candidates.append(urljoin(base, line.split(":", 1)[1].strip()))
    candidates += [urljoin(base, "/sitemap.xml"), urljoin(base, "/wp-sitemap.xml")]
    seen: set[str] = set()
    for cand in candidates:
        if not cand or cand in seen:
            continue
        seen.add(cand)
        if len(seen) > 4:
            break
        res = await _get(cand, timeout, AUX_MAX_BYTES, insecure)
        if _looks_like_sitemap(res):
            result.sitemap = cand
            break

    # feed: advertised <link rel=alternate>, else /feed/ (WordPress) ; the advertised one is checked
    advertised = find_feed_links(html, base)
    for cand in advertised[:2] + [urljoin(base, "/feed/")]:
        res = await _get(cand, timeout, AUX_MAX_BYTES, insecure)
        if _looks_like_feed(res):
            result.feed = cand
            break
    if result.feed is None and advertised:
        result.notes.append(f"feed advertised but not answering: {advertised[0]}")

    # WordPress REST API (only where WordPress is detected or the API is advertised)
    if result.cms == "wordpress" or "api.w.org" in html.lower():
        res = await _get(urljoin(base, "/wp-json/wp/v2/posts?per_page=1"), timeout, AUX_MAX_BYTES,
                         insecure)
        result.rest_api = _looks_like_wp_posts(res)
        if not result.rest_api:
            result.notes.append(f"wp-json closed ({res.status if res.status else res.error})")

    if profile.cms not in ("unknown", "newspaper") and result.cms and result.cms != profile.cms:
        result.notes.append(f"registry says cms={profile.cms}, homepage looks like {result.cms}")
    result.elapsed = round(time.monotonic() - started, 3)
    return result


async def probe_sites_async(profiles: Iterable[SiteProfile], *, timeout: float = DEFAULT_TIMEOUT,
                            concurrency: int = DEFAULT_CONCURRENCY,
                            progress: Callable[[ProbeResult], None] | None = None
                            ) -> list[ProbeResult]:
    """Probe many sites at once (at most *concurrency* in flight); results in input order."""
    profiles = list(profiles)
    sem = asyncio.Semaphore(max(1, concurrency))
    site_deadline = timeout * 8 + 5  # homepage + a handful of small requests

    async def one(p: SiteProfile) -> ProbeResult:
        async with sem:
            try:
                res = await asyncio.wait_for(probe_site(p, timeout=timeout), timeout=site_deadline)
            except TimeoutError:
                res = ProbeResult(name=p.name, url=p.url, reason="timeout",
                                  detail=f"site deadline {site_deadline:.0f}s exceeded",
                                  registry_cms=p.cms)
            if progress is not None:
                progress(res)
            return res

    return list(await asyncio.gather(*(one(p) for p in profiles)))


def probe_sites(profiles: Sequence[SiteProfile] | Iterable[SiteProfile], *,
                timeout: float = DEFAULT_TIMEOUT, concurrency: int = DEFAULT_CONCURRENCY,
                progress: Callable[[ProbeResult], None] | None = None) -> list[ProbeResult]:
    """Blocking wrapper around :func:`probe_sites_async` (runs its own event loop)."""
    return asyncio.run(probe_sites_async(profiles, timeout=timeout, concurrency=concurrency,
                                         progress=progress))
