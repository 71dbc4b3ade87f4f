"""A real browser on Datasette's table page: type an accent-free query into the search box, see the article.

Headless Chromium driven over the DevTools protocol through ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-terminated JSON): the standard library is the whole driver. In CI
(``CI=true``) a missing Chromium fails the test; elsewhere it skips with the reason.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.test_datasette import IN_CI, crawl_demo, our_search, running_datasette

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", *BROWSERS):
        if candidate and (Path(candidate).is_file() or shutil.which(candidate)):
            return candidate if Path(candidate).is_file() else shutil.which(candidate)
    message = "Chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)"
    if IN_CI:
        pytest.fail(message + ": required in CI")
    pytest.skip(message)


class Browser:
    """Just enough of the Chrome DevTools Protocol, over the pipe transport."""

    def __init__(self, exe: str, profile: Path, timeout: float = 30):
        self.timeout = timeout
        cmd_r, self._cmd_w = os.pipe()  # we write commands, Chromium reads them on fd 3
        self._out_r, out_w = os.pipe()  # Chromium writes on fd 4, we read

        def child_fds() -> None:
            os.dup2(cmd_r, 3)
            os.dup2(out_w, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
             "--mute-audio", "--hide-scrollbars", "--window-size=1280,1200", f"--user-data-dir={profile}",
             "about:blank"],
            preexec_fn=child_fds, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        os.close(cmd_r)
        os.close(out_w)
        self._ids = itertools.count(1)
        self._buf = b""
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out_r], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._out_r, 1 << 16)
            if not chunk:
                raise RuntimeError(f"Chromium exited: {self.proc.stderr.read().decode(errors='replace')[-2000:]}")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        msg_id = next(self._ids)
        msg = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, session: str | None = None) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method and (session is None or ev.get("sessionId") == session):
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._out_r)
        self.proc.stderr.close()


class Page:
    def __init__(self, browser: Browser):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.b.send(method, params, self.session)

    def goto(self, url: str) -> None:
        self.b.events.clear()
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired", self.session)

    def evaluate(self, js: str):
        result = self.send("Runtime.evaluate", {"expression": js, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{js}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, scroll_to: str | None = None) -> Path:
        if scroll_to:
            self.evaluate(f"document.querySelector({json.dumps(scroll_to)}).scrollIntoView(); true")
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path


@pytest.fixture(scope="module")
def datasette_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browse")
    db = crawl_demo(tmp)
    with running_datasette(db, tmp / "datasette.log") as base:
        yield base, db


def test_search_box_finds_article_typed_without_diacritics(datasette_url, tmp_path):
    exe = find_chromium()
    base, db = datasette_url
    browser = Browser(exe, tmp_path / "profile")
    try:
        page = Page(browser)
        page.goto(f"{base}/demo/articles")
        assert page.evaluate("document.querySelector('h1').innerText").strip() == "articles"
        # The search box is there because the metadata wires articles to the folded FTS table.
        assert page.evaluate("!!document.querySelector('form input[name=\"_search\"]')"), "no search box"
        page.screenshot(tmp_path / "table.png", scroll_to="form.filters")

        browser.events.clear()
        page.evaluate(
            "const box = document.querySelector('form input[name=\"_search\"]');"
            "box.value = 'dan van kheo';"
            "box.form.querySelector('input[type=submit]').click(); true"
        )
        browser.wait_event("Page.loadEventFired", page.session)
        state = page.evaluate(
            "JSON.stringify({url: location.href,"
            " box: document.querySelector('form input[name=\"_search\"]').value,"
            " titles: [...document.querySelectorAll('table.rows-and-columns td.col-title')].map(td => td.innerText),"
            " text: document.body.innerText})"
        )
        shot = page.screenshot(tmp_path / "search-dan-van-kheo.png", scroll_to="form.filters")
    finally:
        browser.close()
    state = json.loads(state)
    assert "_search=dan+van+kheo" in state["url"] and state["box"] == "dan van kheo"
    assert "Lan tỏa phong trào “Dân vận khéo” ở Tam Đường" in state["titles"]
    assert "Thuận Thành ra mắt mô hình “Dân vận khéo” trong bảo vệ môi trường" in state["titles"]
    assert sorted(state["titles"]) == sorted(h["title"] for h in our_search(db, "dan van kheo"))
    assert f'{len(state["titles"])} rows where search matches "dan van kheo"' in state["text"]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
