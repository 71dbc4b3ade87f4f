"""Downloader middlewares: keep every request on its site, and back off when a server asks."""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from danvan_crawler.extraction.links import same_site

logger = logging.getLogger(__name__)


def is_private_host(host: str) -> bool:
    """Loopback, link-local, private-network or unspecified addresses (literal or resolved).

    A page can link to ``http://169.254.169.254/`` or ``http://10.0.0.1/``; a crawler that
    follows such links probes the network it runs in. Names are resolved once here; a name
    that does not resolve is left to the downloader, which will report the DNS failure.
    """
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return False
        addresses = [ipaddress.ip_address(i[4][0]) for i in infos]
    return any(
        a.is_loopback or a.is_link_local or a.is_private or a.is_unspecified or a.is_reserved
        for a in addresses
    )


class SiteGuardMiddleware:
    """Drops any request that would leave the spider's site, including redirect targets.

    Allowed: the site's own host and port (``www.`` ignored) and hosts listed in the spider's
    ``allowed_hosts`` (explicit, e.g. the tests' loopback sites). Refused: other hosts,
    non-HTTP schemes, and private or loopback addresses the site itself is not on.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler
        self._private_cache: dict[str, bool] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        spider = self.crawler.spider if self.crawler else None
        home = getattr(spider, "home", None)
        if not home:
            return None
        url = request.url
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise IgnoreRequest(f"offsite: scheme {parts.scheme!r} refused")
        netloc = parts.netloc.lower()
        if same_site(url, home) or netloc in getattr(spider, "allowed_hosts", ()):
            return None
        raise IgnoreRequest(f"offsite: {netloc} is not on {urlsplit(home).netloc}")

    def host_is_private(self, host: str) -> bool:
        if host not in self._private_cache:
            self._private_cache[host] = is_private_host(host)
        return self._private_cache[host]


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
    site's download slot gets a delay of at least the asked time (and doubles its delay when
    the server gives none), kept as a floor for a while so AutoThrottle cannot lower it at once;
    then the request goes back to the scheduler, a bounded number of times.
    """

    MAX_WAIT = 120.0  # a server asking for an hour is treated as down for this run
    MAX_TRIES = 3
    FLOOR_SECONDS = 60.0

    def __init__(self, crawler):
        self.crawler = crawler
        self.floors: dict[str, tuple[float, float]] = {}  # slot key -> (delay, until)

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        # response_downloaded fires before the downloader takes the slot's next request: the
        # only moment a back-off can stop a request already queued behind the 429.
        crawler.signals.connect(mw.response_downloaded, signal=signals.response_downloaded)
        return mw

    def _wait_for(self, request: Request, response: Response, slot) -> float | None:
        """Seconds to hold the site back after this answer, or None to let it through."""
        if response.status not in (429, 503):
            return None
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            wait = max(2.0, (slot.delay if slot else 1.0) * 2)
        if request.meta.get("retry_after_tries", 0) >= self.MAX_TRIES or wait > self.MAX_WAIT:
            return None
        return wait

    def response_downloaded(self, response: Response, request: Request, spider=None) -> None:
        key, slot = self._slot(request)
        wait = self._wait_for(request, response, slot)
        if wait is None or slot is None:
            return
        slot.delay = max(slot.delay, wait)
        slot.jitter = 0.0  # a random jitter could shorten the wait below what was asked
        slot.lastseen = time.monotonic()  # the next request on this slot waits `wait` seconds
        self.floors[key] = (wait, time.monotonic() + self.FLOOR_SECONDS)

    def _slot(self, request: Request):
        downloader = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def process_response(self, request: Request, response: Response):
        key, slot = self._slot(request)
        if response.status not in (429, 503):
            floor = self.floors.get(key)
            if slot is not None and floor and floor[1] > time.monotonic():
                slot.delay = max(slot.delay, floor[0])
                slot.jitter = 0.0
            return response
        wait = self._wait_for(request, response, slot)
        if wait is None:
            return response  # let the spider record the failure
        tries = request.meta.get("retry_after_tries", 0)
        logger.info("%s answered %s, waiting %.1fs before asking again", response.url, response.status, wait)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_tries"] = tries + 1
        retry.meta["retry_after_wait"] = wait
        return retry
