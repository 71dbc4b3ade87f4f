"""Downloader middlewares: keep every request on its site, refuse bad redirects, note weak TLS, and
back off when a server asks."""

from __future__ import annotations

import ipaddress
import logging
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from danvan_crawler.extraction.links import same_site

logger = logging.getLogger(__name__)


def _host_label(host: str) -> str:
    """What kind of address a refused host is, for the log and the failures table."""
    try:
        a = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host
    if a.is_loopback:
        return f"{host} (loopback)"
    if a.is_link_local:
        return f"{host} (link-local)"
    if a.is_private or a.is_reserved or a.is_unspecified:
        return f"{host} (private network)"
    return host


class SiteGuardMiddleware:
    """Drops any request that would leave the spider's site, including redirect targets.

    Allowed: the site's own host and port (``www.`` ignored) and hosts listed in the spider's
    ``allowed_hosts`` (explicit, e.g. the tests' loopback sites). Everything else is refused
    before any connection: other hosts, other ports of the same host, non-HTTP schemes, and so
    loopback, link-local (169.254.0.0/16) and private-network addresses unless the site itself
    is on them. It must be the first downloader middleware (robots.txt fetching comes after it),
    and redirect targets come back through it as new requests.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched for the running spider, or None when it may."""
        spider = self.crawler.spider if self.crawler else None
        home = getattr(spider, "home", None)
        if not home:
            return None
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (raises ValueError on a bad port)
        except ValueError:
            return "offsite: unparsable URL"
        if parts.scheme not in ("http", "https"):
            return f"offsite: scheme {parts.scheme!r} refused"
        netloc = parts.netloc.lower()
        if same_site(url, home) or netloc in getattr(spider, "allowed_hosts", ()):
            return None
        return f"offsite: {_host_label(parts.hostname or netloc)} is not on {urlsplit(home).netloc}"

    def process_request(self, request: Request):
        why = self.refusal(request.url)
        if why:
            raise IgnoreRequest(why)
        return None


class RedirectGuardMiddleware:
    """Refuses a redirect before Scrapy follows it: off-site targets and loops.

    Sits after Scrapy's RedirectMiddleware (600) in the request order, so it sees the 3xx answer
    first. An off-site ``Location`` fails the original URL with its reason (the site guard would
    drop the new request anyway, but then the failure would carry the foreign URL); a loop back
    to a URL already in the chain fails at once instead of being silently dropped as a duplicate.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.guard = SiteGuardMiddleware(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response):
        if response.status not in (301, 302, 303, 307, 308) or request.meta.get("dont_redirect"):
            return response
        location = response.headers.get("Location")
        if not location:
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        why = self.guard.refusal(target)
        if why:
            raise IgnoreRequest(f"redirected off-site to {target[:200]} ({why})")
        chain = [*request.meta.get("redirect_urls", ()), request.url]
        if urldefrag(target)[0] in {urldefrag(u)[0] for u in chain}:
            raise IgnoreRequest(f"redirect loop: {' -> '.join(chain[-3:])} -> {target}"[:300])
        return response


class TlsAuditMiddleware:
    """Notes certificates that strict verification would refuse, as warnings of the run.

    By default (as Scrapy does) certificates are not verified and legacy renegotiation is allowed,
    because many old government servers need it; this middleware looks at each HTTPS host's
    certificate once and records what is wrong with it (expired, not yet valid, self-signed, issued
    for another name) in ``spider.run_warnings``, which the run record keeps. ``--strict-tls``
    turns verification on instead (see :mod:`danvan_crawler.tls`).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response):
        parts = urlsplit(response.url)
        if parts.scheme != "https" or parts.netloc in self.seen:
            return response
        self.seen.add(parts.netloc)
        from danvan_crawler.tls import certificate_problems

        problems = certificate_problems(getattr(response, "certificate", None), parts.hostname or "")
        if problems:
            spider = self.crawler.spider
            message = (f"TLS {parts.netloc}: {'; '.join(problems)}"
                       " (crawled without verification; --strict-tls refuses it)")
            logger.warning(message)
            warnings = getattr(spider, "run_warnings", None)
            if warnings is None:
                warnings = spider.run_warnings = []
            if message not in warnings:
                warnings.append(message)
        return response


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (now if now is not None else time.time()))


class RetryAfterMiddleware:
    """Honours ``Retry-After`` and slows a site down on 429 and 503.

    Scrapy retries these codes but neither waits as asked nor tells AutoThrottle. Here the
    site's download slot gets a delay of at least the asked time (2 s, doubling with each try of
    the same request, when the server names none), kept as a floor for ``DANVAN_BACKOFF_SECONDS``
    (60 s) so AutoThrottle cannot lower it at once; then the request goes back to the scheduler, a
    bounded number of times. Once the floor has passed, a slot AutoThrottle does not manage gets
    its own delay back, so one busy moment does not slow the rest of the run. A server asking for
    more than ``MAX_WAIT`` is treated as down for this run: the answer goes to the spider as a
    failure, and Scrapy's own retry is told not to ask again at once either.
    """

    MAX_WAIT = 120.0  # a server asking for an hour is treated as down for this run
    MAX_TRIES = 3
    FLOOR_SECONDS = 60.0

    def __init__(self, crawler):
        self.crawler = crawler
        s = crawler.settings
        self.floor_seconds = s.getfloat("DANVAN_BACKOFF_SECONDS", self.FLOOR_SECONDS)
        self.base_wait = max(2.0, 2 * s.getfloat("DOWNLOAD_DELAY", 0.0))
        self.autothrottle = s.getbool("AUTOTHROTTLE_ENABLED")
        # slot key -> (delay floor, until, the slot's delay before the back-off)
        self.floors: dict[str, tuple[float, float, float]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        # response_downloaded fires before the downloader takes the slot's next request: the
        # only moment a back-off can stop a request already queued behind the 429.
        crawler.signals.connect(mw.response_downloaded, signal=signals.response_downloaded)
        return mw

    def _wait_for(self, request: Request, response: Response) -> float | None:
        """Seconds to hold the site back after this answer, or None to let it through.

        A function of the answer and the request's own tries only, so the signal handler and
        ``process_response`` agree, and back-offs of different requests do not compound.
        """
        if response.status not in (429, 503):
            return None
        tries = request.meta.get("retry_after_tries", 0)
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            wait = self.base_wait * 2**tries
        if tries >= self.MAX_TRIES or wait > self.MAX_WAIT:
            return None
        return wait

    def response_downloaded(self, response: Response, request: Request, spider=None) -> None:
        key, slot = self._slot(request)
        wait = self._wait_for(request, response)
        if wait is None or slot is None:
            return
        now = time.monotonic()
        previous = self.floors.get(key)
        before = previous[2] if previous else slot.delay
        slot.delay = max(slot.delay, wait)
        slot.jitter = 0.0  # a random jitter could shorten the wait below what was asked
        slot.lastseen = now  # the next request on this slot waits `wait` seconds
        self.floors[key] = (max(wait, previous[0] if previous and previous[1] > now else 0.0),
                            now + self.floor_seconds, before)

    def _slot(self, request: Request):
        downloader = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def process_response(self, request: Request, response: Response):
        key, slot = self._slot(request)
        if response.status not in (429, 503):
            floor = self.floors.get(key)
            if slot is not None and floor:
                if floor[1] > time.monotonic():
                    slot.delay = max(slot.delay, floor[0])
                    slot.jitter = 0.0
                else:
                    del self.floors[key]
                    if not self.autothrottle:
                        slot.delay = floor[2]
            return response
        wait = self._wait_for(request, response)
        if wait is None:
            request.meta["dont_retry"] = True  # Scrapy's retry must not ask again at once either
            return response  # let the spider record the failure
        tries = request.meta.get("retry_after_tries", 0)
        logger.info("%s answered %s, waiting %.1fs before asking again", response.url, response.status, wait)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_tries"] = tries + 1
        retry.meta["retry_after_wait"] = wait
        return retry
