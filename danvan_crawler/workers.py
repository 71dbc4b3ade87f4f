"""Page analysis off the reactor thread: a process pool the spider awaits from ``async def`` callbacks.

Scrapy itself needs ~8–10 ms of CPU per page on the reactor thread; parsing, classifying and
extracting a 75 KB page costs as much again. In one thread the two add up and the second core idles.
:class:`PageAnalyser` sends the page text to a worker process (``DANVAN_EXTRACT_WORKERS``, default 1),
which runs the pure :func:`~danvan_crawler.extraction.analysis.analyse_page` and sends back a small
:class:`~danvan_crawler.extraction.analysis.PageAnalysis`; the reactor keeps downloading meanwhile.
``DANVAN_EXTRACT_WORKERS = 0`` analyses in-process, synchronously (same results).

One pool per process, shared by every spider of a run, started lazily with the ``spawn`` method (a
crawl process has threads: forking it is unsafe) and shut down at exit. Workers die with the crawl
process even when it is killed with SIGKILL (``PR_SET_PDEATHSIG``): a leftover would hold cron's log
pipe and eat CPU beside the next run. A worker that dies (a crash in a C library on a pathological page)
is replaced, and the page is analysed in-process.
"""

from __future__ import annotations

import asyncio
import atexit
import importlib.machinery
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial

from danvan_crawler.extraction.analysis import PageAnalysis, analyse_page

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _die_with_parent(parent: int) -> None:
    """Pool initializer: SIGKILL this worker when the crawl process dies, however it dies (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the crawl died before prctl took effect
        os._exit(0)


def _warm() -> bool:
    """Run in each worker first: imports and lazy regexes paid before the first real page."""
    analyse_page("<html><head><title>x</title></head><body><p>x</p></body></html>", "http://x.vn/a",
                 home="http://x.vn/")
    return True


@contextmanager
def _lean_spawn() -> Iterator[None]:
    """Spawn workers without re-running the parent's ``__main__``.

    A spawned child imports the parent's main script first; for the ``danvan`` console script that
    is the CLI, Scrapy and Twisted: ~45 MB a worker, of no use to ``analyse_page``. multiprocessing
    leaves ``__main__`` alone when its spec names a ``….__main__`` module, which is what
    ``python -m danvan_crawler`` gives; the console script gets the same spec while workers start.
    """
    main = sys.modules["__main__"]
    if getattr(main, "__spec__", None) is not None:
        yield
        return
    main.__spec__ = importlib.machinery.ModuleSpec("danvan_crawler.__main__", None)
    try:
        yield
    finally:
        main.__spec__ = None


def pool(workers: int) -> ProcessPoolExecutor:
    """The process-wide pool (created on first use, grown if a spider asks for more workers)."""
    global _pool, _pool_size
    if _pool is None or workers > _pool_size:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=False)
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_die_with_parent, initargs=(os.getpid(),))
        _pool_size = workers
        with _lean_spawn():  # the workers start here, on the first submissions
            for _ in range(workers):
                _pool.submit(_warm)
    return _pool


def shutdown() -> None:
    """Stop the workers (at exit, or when a caller is done crawling)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool, _pool_size = None, 0


atexit.register(shutdown)


def _discard_broken(broken: ProcessPoolExecutor) -> None:
    global _pool, _pool_size
    if _pool is broken:
        _pool, _pool_size = None, 0
        broken.shutdown(wait=False, cancel_futures=True)


class PageAnalyser:
    """``await analyser.analyse(html, url, home=..., ...)``: in a worker process, or in-process."""

    def __init__(self, workers: int = 1):
        self.workers = max(0, int(workers))
        if self.workers:
            pool(self.workers)  # start (and warm) the workers while the first requests are downloading

    async def analyse(self, html: str, url: str, **kwargs) -> PageAnalysis:
        if not self.workers:
            return analyse_page(html, url, **kwargs)
        executor = pool(self.workers)
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, partial(analyse_page, html, url,
                                                                                      **kwargs))
        except BrokenProcessPool:
            log.warning("page analysis worker died on %s; analysing it in-process, starting a new worker", url)
            _discard_broken(executor)
            return analyse_page(html, url, **kwargs)
