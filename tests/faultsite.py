"""Fault-injection fixture sites for the reliability tests, served on 127.0.0.1 only.

:class:`FaultServer` is a small threaded HTTP(S) server whose every answer comes from a Python
function, so a test can answer with anything a broken government server sends: resets,
truncated bodies, lies about the charset, endless calendars. It counts every request (path and
query) and keeps a timeline, so tests assert what the crawler fetched — and what it never did.

Sites built on it:

- :func:`fault_site`: a NukeViet-like site with good articles, articles damaged in ways the bytes
  still allow to repair (charsets, NFD, transient errors, slow answers, same-site redirects), and
  links to faulty URLs of every kind (see ``FAULTS``) plus traps that generate links forever (each
  bounded by a large cap so a runaway crawler still ends).
- :func:`big_site`: ``n`` generated articles over paginated listings, each answer delayed a little,
  for the crash tests.
- :func:`plain_site`: a few articles; used over TLS and as the "other host" in security tests.

Every page is generated here; nothing comes from the network. Loops are bounded: slow answers
sleep at most ``MAX_SLEEP`` seconds, traps stop at ``TRAP_CAP`` pages.
"""

from __future__ import annotations

import gzip
import random
import socket
import ssl
import struct
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MAX_SLEEP = 8.0  # no handler sleeps longer than this
TRAP_CAP = 10_000  # traps answer with new pages up to this index, then 404

# ------------------------------------------------------------------------------------------------
# Text: deterministic Vietnamese-looking articles, distinct enough that dedup never merges two
# ------------------------------------------------------------------------------------------------

WORDS = (
    "cán bộ đảng viên nhân dân đồng bào thôn bản xã huyện tỉnh ủy ban mặt trận tổ quốc hội nông dân "
    "phụ nữ cựu chiến binh đoàn thanh niên công tác dân vận chính quyền quy chế dân chủ cơ sở mô hình "
    "khéo giảm nghèo bền vững nông thôn mới đường giao thông kênh mương nhà văn hóa trường học trạm "
    "y tế hiến đất ngày công kinh phí vận động tuyên truyền học tập làm theo tư tưởng đạo đức phong "
    "cách hồ chí minh nghị quyết chỉ thị kết luận sơ kết tổng kết hội nghị giao ban kiểm tra giám "
    "sát đối thoại tiếp xúc cử tri ý kiến kiến nghị giải quyết kịp thời đoàn kết thống nhất phát "
    "triển kinh tế xã hội quốc phòng an ninh biên giới dân tộc thiểu số tôn giáo tín ngưỡng bảo vệ "
    "rừng trồng cây chăn nuôi hợp tác xã sản phẩm ocop du lịch cộng đồng văn hóa truyền thống lễ hội "
    "người có uy tín già làng trưởng bản khen thưởng biểu dương tập thể cá nhân tiêu biểu thành tích "
    "nhiệm vụ giải pháp trọng tâm năm tới đổi mới nội dung phương thức hoạt động hiệu quả thiết thực "
    "gần dân sát dân hiểu dân trọng dân học dân có trách nhiệm với dân chăm lo đời sống vật chất tinh "
    "thần ổn định sản xuất chuyển đổi số cải cách hành chính một cửa dịch vụ công trực tuyến"
).split()
PLACES = (
    "Mường Tè", "Phong Thổ", "Sìn Hồ", "Tam Đường", "Than Uyên", "Tân Uyên", "Nậm Nhùn", "Cam Lộ",
    "Gio Linh", "Hướng Hóa", "Triệu Phong", "Hải Lăng", "Đakrông", "Vĩnh Linh", "Điện Biên Đông",
    "Mường Nhé", "Tủa Chùa", "Tuần Giáo", "Mường Ảng", "Nậm Pồ", "Quảng Điền", "Phú Lộc", "A Lưới",
)
OPENERS = ("Sáng", "Chiều", "Trong ngày", "Ngày", "Tối")


@dataclass
class Art:
    """One generated article: where it lives and what the extractor should find."""

    id: int
    slug: str
    title: str
    date: str  # as printed: dd/mm/yyyy - hh:mm
    iso: str  # expected published_at prefix
    lead: str
    paragraphs: list[str]
    author: str

    @property
    def path(self) -> str:
        return f"/tin-tuc/{self.slug}-{self.id}.html"


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _slug(title: str) -> str:
    folded = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())


def make_article(i: int, seed: int = 0, ident: int | None = None) -> Art:
    """Article number ``i`` (URL id ``ident``, default 4000 + i): a title with a place and a number, a
    lead, 4–6 paragraphs, a byline."""
    rng = random.Random(f"{seed}-{i}")
    place = PLACES[i % len(PLACES)]
    topic = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 7)))
    title = f"{place} {topic} lần thứ {i}"
    title = title[0].upper() + title[1:]
    day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 2019 + (i // 336) % 6
    hour, minute = 7 + i % 11, (i * 7) % 60
    date = f"{day:02d}/{month:02d}/{year} - {hour:02d}:{minute:02d}"
    iso = f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
    lead = f"{rng.choice(OPENERS)} {day}/{month}, huyện ủy {place} " + _sentence(rng, rng.randint(14, 22)).lower()
    paragraphs = [
        " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(rng.randint(2, 4)))
        + f" Năm {year - 1}, toàn huyện có {rng.randint(10, 999)} mô hình số {i}."
        for _ in range(rng.randint(4, 6))
    ]
    author = rng.choice(("Minh Hưng", "Thu Hà", "Quang Minh", "Ngọc Anh", "Văn Tuấn", "Lò Văn Hùng"))
    return Art(ident or 4000 + i, _slug(title)[:60].strip("-"), title, date, iso, lead, paragraphs, author)


# ------------------------------------------------------------------------------------------------
# Pages: a NukeViet-like theme (news_column, h1.title, hometext, #news-bodyhtml, listings)
# ------------------------------------------------------------------------------------------------

SITE_NAME = "Đảng bộ tỉnh Lai Châu (trang thử lỗi)"


def page(title: str, inner: str, *, charset: str | None = "utf-8", head: str = "", nav: str = "") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
{meta}<title>{escape(title)} - {SITE_NAME}</title>
<meta name="generator" content="NukeViet v4.3" />
{head}
</head>
<body>
<div class="topbar"><span class="today">Thứ bảy, 28/11/2026</span></div>
<header class="site-header"><div class="name">{SITE_NAME}</div></header>
<nav class="main-nav" id="menusite"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/gioi-thieu/">Giới thiệu</a></li>{nav}</ul></nav>
<div class="container"><div class="content-area">
{inner}
</div>
<div class="sidebar"><div class="widget"><h3 class="widget-title">Liên kết website</h3>
<ul><li><a href="http://dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</a></li></ul></div></div></div>
<footer class="site-footer"><p>Bản quyền thuộc Tỉnh ủy (trang mẫu dùng cho kiểm thử)</p></footer>
</body>
</html>
"""


def article_page(a: Art, *, charset: str | None = "utf-8", related: list[Art] = (), extra: str = "") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    rel = "".join(f'<li><a href="{r.path}">{escape(r.title)}</a> <em>({r.date[:10]})</em></li>' for r in related)
    inner = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc/">Tin tức</a></div>
<div class="news_column panel panel-default"><div class="panel-body">
<h1 class="title margin-bottom-lg">{escape(a.title)}</h1>
<div class="row"><span class="h5">{a.date}</span></div>
<div class="hometext m-bottom">{escape(a.lead)}</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{body}
</div>
<div><p class="h5 text-right" style="text-align: right;"><strong>Tác giả: </strong>{escape(a.author)}</p></div>
</div></div>
{extra}
<div class="news_column panel panel-default news-related"><div class="panel-body">
<p class="h3"><strong>Những tin cũ hơn</strong></p><ul class="related">{rel}</ul></div></div>"""
    return page(a.title, inner, charset=charset, head='<meta property="og:type" content="article" />')


def listing_page(title: str, items: list[tuple[str, str, str]], *, pages: list[tuple[str, str]] = (),
                 extra: str = "") -> str:
    """``items``: (href, title, printed date); ``pages``: (text, href) pagination links."""
    rows = "\n".join(
        f'<div class="news_column panel panel-default"><div class="panel-body">'
        f'<h3><a href="{href}" title="{escape(t)}">{escape(t)}</a></h3>'
        f'<div class="text-muted"><ul class="list-inline"><li>{d}</li></ul></div>'
        f"Tóm tắt: {escape(t)}.</div></div>"
        for href, t, d in items
    )
    pag = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for text, href in pages)
    inner = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> » {escape(title)}</div>'
             f'<h1 class="cat-title">{escape(title)}</h1>\n{rows}\n'
             f'<div class="text-center"><ul class="pagination">{pag}</ul></div>\n{extra}')
    return page(title, inner)


def login_page() -> str:
    inner = """<h1 class="title">Đăng nhập hệ thống</h1>
<form method="post" action="/users/login/"><label>Tên đăng nhập <input type="text" name="nv_login" /></label>
<label>Mật khẩu <input type="password" name="nv_password" /></label><input type="submit" value="Đăng nhập" /></form>
<p>Bạn cần đăng nhập để xem nội dung này.</p>"""
    return page("Đăng nhập", inner)


# ------------------------------------------------------------------------------------------------
# Encodings
# ------------------------------------------------------------------------------------------------

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text in Windows-1258: base letters (â, ê, ô, ơ, ư, ă, đ) plus combining tone marks.

    Windows-1258 has no precomposed toned vowels: "ộ" is written "ô" + U+0323. Python's codec
    does not split them itself, so each character is decomposed, its non-tone marks recomposed,
    and its tone mark appended. HTML escapes stand in for anything the code page lacks.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        try:
            out.append(base.encode("cp1258") + tones.encode("cp1258"))
        except UnicodeEncodeError:
            out.append(ch.encode("ascii", "xmlcharrefreplace"))
    return b"".join(out)


# ------------------------------------------------------------------------------------------------
# The server
# ------------------------------------------------------------------------------------------------

Answer = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    """Answers with the site's function for the path; helpers write well- and ill-formed answers."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        site = self.server.site
        site.record(self.path)
        try:
            if site.delay:
                time.sleep(site.delay)
            site.answer(self)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    # -- answers --------------------------------------------------------------------------------
    def send(self, status: int, body: bytes | str = b"", ctype: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", headers={"Location": location})

    def reset(self) -> None:
        """Abort the connection (TCP RST) without answering."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def truncated(self, body: bytes, claimed: int) -> None:
        """Promise ``claimed`` bytes, send ``body`` (fewer), then close."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(claimed))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def stream_until_close(self, chunk: bytes, total: int) -> None:
        """A body without Content-Length, ended by closing the connection (no size known upfront)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        sent = 0
        while sent < total:
            self.wfile.write(chunk)
            sent += len(chunk)
        self.close_connection = True

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + min(seconds, MAX_SLEEP)
        while time.monotonic() < end:
            time.sleep(0.05)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: FaultServer

    def finish_request(self, request, client_address) -> None:
        ctx = self.site.ssl_context
        if ctx is not None:
            try:
                request = ctx.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return  # a client that refused our certificate
        try:
            super().finish_request(request, client_address)
        except (ssl.SSLError, OSError):
            return


@dataclass
class FaultServer:
    """One site on its own loopback port: ``routes`` by path (with query), else ``fallback``."""

    name: str
    routes: dict[str, Answer] = field(default_factory=dict)
    fallback: Callable[[Handler, str], bool] | None = None
    meta: dict = field(default_factory=dict)
    delay: float = 0.0
    ssl_context: ssl.SSLContext | None = None
    requests: Counter = field(default_factory=Counter)
    timeline: list[tuple[float, str]] = field(default_factory=list)
    state: Counter = field(default_factory=Counter)  # per-fault counters (e.g. transient failures)
    base: str = ""
    _httpd: _Server | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/") -> str:
        return self.base + path

    @property
    def netloc(self) -> str:
        return urlsplit(self.base).netloc

    def record(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1
            self.timeline.append((time.monotonic(), path))

    def count(self, predicate: Callable[[str], bool] | None = None) -> int:
        with self._lock:
            return sum(n for p, n in self.requests.items() if predicate is None or predicate(p))

    def times(self, path: str) -> list[float]:
        with self._lock:
            return [t for t, p in self.timeline if p == path]

    def bump(self, key: str) -> int:
        """Increment and return a fault's own counter."""
        with self._lock:
            self.state[key] += 1
            return self.state[key]

    def answer(self, h: Handler) -> None:
        path = h.path
        fn = self.routes.get(path)
        if fn is not None:
            fn(h)
            return
        if self.fallback is not None and self.fallback(h, path):
            return
        h.send(404, "<html><body><h1>404</h1><p>Không tìm thấy trang.</p></body></html>")

    def start(self) -> FaultServer:
        httpd = _Server(("127.0.0.1", 0), Handler)
        httpd.site = self
        self._httpd = httpd
        scheme = "https" if self.ssl_context else "http"
        self.base = f"{scheme}://127.0.0.1:{httpd.server_address[1]}"
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FaultServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def html(status: int, text: str, ctype: str = "text/html; charset=utf-8", **headers: str) -> Answer:
    data = text.encode("utf-8")
    return lambda h: h.send(status, data, ctype, headers)


def raw(status: int, data: bytes, ctype: str | None, **headers: str) -> Answer:
    return lambda h: h.send(status, data, ctype, headers)


# ------------------------------------------------------------------------------------------------
# The fault site
# ------------------------------------------------------------------------------------------------


@dataclass
class Fault:
    """A faulty URL the listing links to, and the failure reason the crawler must record."""

    id: int
    slug: str
    reason: str  # a substring of the reason expected in the failures table
    answer: Callable[[FaultServer, Handler], None]

    @property
    def path(self) -> str:
        return f"/tin-tuc/{self.slug}-{self.id}.html"


@dataclass
class Repaired:
    """An article served damaged in a way the bytes allow to repair: it must be stored intact."""

    art: Art
    what: str
    answer: Callable[[FaultServer, Handler], None]


GOOD = 10
ROBOTS = "User-agent: *\nDisallow: /noi-bo/\nDisallow: /users/\n"
FORBIDDEN_PATH = "/noi-bo/tai-lieu-mat-cua-ban-thuong-vu-9900.html"
LOGIN_WALL = "/tin-tuc/bai-chi-danh-cho-thanh-vien-dang-nhap-9015.html"


def _transient(times: int, status: int, art: Art, retry_after: str | None = None):
    def answer(site: FaultServer, h: Handler) -> None:
        n = site.bump(h.path)
        if n <= times:
            headers = {"Retry-After": retry_after} if retry_after else {}
            h.send(status, f"<html><body>Lỗi {status}</body></html>", headers=headers)
        else:
            h.send(200, article_page(art))
    return answer


def fault_site(other_base: str = "http://127.0.0.1:9") -> FaultServer:
    """The fault-injection site. ``other_base``: another local site that redirects point to."""
    good = [make_article(i, seed=1) for i in range(1, GOOD + 1)]
    arts = iter(make_article(i, seed=2) for i in range(100, 200))

    def a(i: int) -> Art:
        art = next(arts)
        art.id = i
        return art

    a_cp1258, a_latin1, a_hdr_utf8, a_meta_wrong, a_nocharset, a_nfd = (a(i) for i in range(5001, 5007))
    a_503, a_429, a_slow, a_redir, a_gzip = (a(i) for i in range(5007, 5012))
    redirect_target = "/tin-tuc/bai-da-doi-dia-chi-moi-5010.html"

    def cp1258_page(art: Art, charset_meta: str | None) -> bytes:
        return encode_cp1258(article_page(art, charset=charset_meta))

    def nfd_page(art: Art) -> bytes:
        return unicodedata.normalize("NFD", article_page(art)).encode("utf-8")

    repaired = [
        Repaired(a_cp1258, "windows-1258 bytes, charset only in <meta>",
                 lambda s, h: h.send(200, cp1258_page(a_cp1258, "windows-1258"), "text/html")),
        Repaired(a_latin1, "UTF-8 bytes under a header saying ISO-8859-1",
                 lambda s, h: h.send(200, article_page(a_latin1), "text/html; charset=ISO-8859-1")),
        Repaired(a_hdr_utf8, "windows-1258 bytes, header says UTF-8, <meta> says windows-1258",
                 lambda s, h: h.send(200, cp1258_page(a_hdr_utf8, "windows-1258"), "text/html; charset=utf-8")),
        Repaired(a_meta_wrong, "UTF-8 bytes, header UTF-8, <meta> says windows-1258",
                 lambda s, h: h.send(200, article_page(a_meta_wrong, charset="windows-1258").encode("utf-8"),
                                     "text/html; charset=utf-8")),
        Repaired(a_nocharset, "windows-1258 bytes, no charset anywhere",
                 lambda s, h: h.send(200, cp1258_page(a_nocharset, None), "text/html")),
        Repaired(a_nfd, "NFD (decomposed) text", lambda s, h: h.send(200, nfd_page(a_nfd))),
        Repaired(a_503, "503 twice, then 200", _transient(2, 503, a_503)),
        Repaired(a_429, "429 with Retry-After: 1, then 200", _transient(1, 429, a_429, retry_after="1")),
        Repaired(a_slow, "answers after 0.8 s (timeout 2 s)",
                 lambda s, h: (h.sleep(0.8), h.send(200, article_page(a_slow)))),
        Repaired(a_redir, "301 to its new address on the same site",
                 lambda s, h: h.redirect(s.url(redirect_target), 301)),
        Repaired(a_gzip, "gzip-compressed (correctly)",
                 lambda s, h: h.send(200, gzip.compress(article_page(a_gzip).encode()), headers={
                     "Content-Encoding": "gzip"})),
    ]

    big = ("<p>" + "Nội dung rất dài của một tệp đính kèm. " * 40 + "</p>\n") * 200  # ~330 KB
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n" + bytes(range(256)) * 40
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.Random(7).randrange(256) for _ in range(5000))

    faults = [
        Fault(9001, "loi-may-chu-vinh-vien", "HTTP 500", lambda s, h: h.send(500, "<h1>Internal Server Error</h1>")),
        Fault(9002, "may-chu-tra-loi-qua-cham", "timed out",
              lambda s, h: (h.sleep(6), h.send(200, article_page(make_article(9002))))),
        Fault(9003, "ket-noi-bi-ngat", "connection lost", lambda s, h: h.reset()),
        Fault(9004, "noi-dung-bi-cat-cut", "truncated",
              lambda s, h: h.truncated(article_page(make_article(9004)).encode()[:1500], 40_000)),
        Fault(9005, "gzip-hong", "broken compressed body",
              lambda s, h: h.send(200, b"\x1f\x8b\x08\x00garbage-not-deflate" * 20, headers={
                  "Content-Encoding": "gzip"})),
        Fault(9006, "chuyen-huong-vong-lap", "redirect",
              lambda s, h: h.redirect(s.url("/tin-tuc/chuyen-huong-vong-lap-b-9106.html"))),
        Fault(9007, "chuyen-sang-trang-khac", "off-site",
              lambda s, h: h.redirect(other_base + "/tin-tuc/bai-tren-trang-khac-7001.html")),
        Fault(9008, "tep-qua-lon-co-do-dai", "too large", lambda s, h: h.send(200, big)),
        Fault(9009, "tep-qua-lon-khong-do-dai", "too large",
              lambda s, h: h.stream_until_close(big[:16384].encode(), len(big.encode()))),
        Fault(9010, "anh-mang-ten-html", "not an HTML page", lambda s, h: h.send(200, png, "image/png")),
        Fault(9011, "pdf-gia-lam-html", "binary", lambda s, h: h.send(200, pdf, "text/html")),
        Fault(9012, "trang-trong", "empty page", lambda s, h: h.send(200, b"")),
        Fault(9013, "can-xac-thuc", "HTTP 401",
              lambda s, h: h.send(401, "<h1>401</h1>", headers={"WWW-Authenticate": 'Basic realm="noi bo"'})),
        Fault(9014, "bi-cam-truy-cap", "HTTP 403", lambda s, h: h.send(403, "<h1>403 Forbidden</h1>")),
        Fault(9015, "bai-chi-danh-cho-thanh-vien-dang-nhap", "login", lambda s, h: h.send(200, login_page())),
        Fault(9016, "bai-da-bi-xoa", "HTTP 404", lambda s, h: h.send(404, "<h1>404</h1>")),
        Fault(9017, "qua-nhieu-yeu-cau-mai-mai", "HTTP 429",
              lambda s, h: h.send(429, "<h1>429</h1>", headers={"Retry-After": "1"})),
        Fault(9018, "bao-tri-mot-gio", "HTTP 503",
              lambda s, h: h.send(503, "<h1>Bảo trì</h1>", headers={"Retry-After": "3600"})),
    ]

    routes: dict[str, Answer] = {}
    for art in good:
        routes[art.path] = html(200, article_page(art, related=good[:3]))
    for r in repaired:
        routes[r.art.path] = (lambda fn: lambda h: fn(site, h))(r.answer)
    routes[redirect_target] = html(200, article_page(a_redir))
    for f in faults:
        routes[f.path] = (lambda fn: lambda h: fn(site, h))(f.answer)
    routes["/tin-tuc/chuyen-huong-vong-lap-b-9106.html"] = lambda h: h.redirect(
        site.url("/tin-tuc/chuyen-huong-vong-lap-9006.html"))
    routes[FORBIDDEN_PATH] = html(200, article_page(make_article(9900)))
    routes["/robots.txt"] = html(200, ROBOTS, "text/plain; charset=utf-8")

    listed = [(r.art.path, r.art.title, r.art.date) for r in repaired]
    listed += [(f.path, f"Bài số {f.id}: {f.slug.replace('-', ' ')}", "01/06/2024 - 08:00") for f in faults]
    listed.append((FORBIDDEN_PATH, "Tài liệu mật của Ban Thường vụ", "01/06/2024 - 08:00"))
    first = [(g.path, g.title, g.date) for g in good[:5]] + listed[: len(listed) // 2]
    second = [(g.path, g.title, g.date) for g in good[5:]] + listed[len(listed) // 2:]
    traps = ('<div class="widget"><a href="/lich/2024-05">Lịch công tác tháng 5</a> '
             '<a href="/thong-bao/">Thông báo</a> <a href="/gioi-thieu/?phien=1">Giới thiệu (phiên)</a> '
             '<a href="/su-kien/?thang=5&nam=2024">Sự kiện tháng 5</a></div>')
    routes["/"] = html(200, listing_page("Trang chủ", first[:6], extra=traps
                                         + '<a href="/tin-tuc/">Xem tất cả tin tức</a>'))
    routes["/tin-tuc/"] = html(200, listing_page("Tin tức", first, pages=[("2", "/tin-tuc/page-2"),
                                                                       ("»", "/tin-tuc/page-2")], extra=traps))
    routes["/tin-tuc/page-2"] = html(200, listing_page("Tin tức", second, pages=[("1", "/tin-tuc/"),
                                                                              ("2", "/tin-tuc/page-2")]))
    routes["/gioi-thieu/"] = html(200, page("Giới thiệu", "<h1>Giới thiệu</h1><p>Trang giới thiệu.</p>"))

    def fallback(h: Handler, path: str) -> bool:
        parts = urlsplit(path)
        # An endless calendar: every month links to the previous and the next one.
        if parts.path.startswith("/lich/"):
            try:
                y, m = (int(x) for x in parts.path.removeprefix("/lich/").split("-"))
            except ValueError:
                return False
            k = y * 12 + m - 1
            if not 0 < k < TRAP_CAP * 12:
                return False
            prev, nxt = divmod(k - 1, 12), divmod(k + 1, 12)
            links = (f'<a href="/lich/{prev[0]}-{prev[1] + 1:02d}">Tháng trước</a> '
                     f'<a href="/lich/{nxt[0]}-{nxt[1] + 1:02d}">Tháng sau</a>')
            h.send(200, page(f"Lịch tháng {m}/{y}", f"<h1>Lịch công tác {m}/{y}</h1><p>{links}</p>"))
            return True
        # Endless pagination of a section with no article at all.
        if parts.path == "/thong-bao/" or parts.path.startswith("/thong-bao/page-"):
            n = int(parts.path.removeprefix("/thong-bao/page-") or 1) if "page-" in parts.path else 1
            if n > TRAP_CAP:
                return False
            h.send(200, listing_page(f"Thông báo trang {n}", [], pages=[
                (str(n + 1), f"/thong-bao/page-{n + 1}"), ("»", f"/thong-bao/page-{n + 1}")]))
            return True
        # A session parameter that changes on every page: a new URL for the same page, forever.
        if parts.path == "/gioi-thieu/" and parts.query.startswith("phien="):
            n = int(parts.query.removeprefix("phien=") or 0)
            if n > TRAP_CAP:
                return False
            h.send(200, page("Giới thiệu", f'<h1>Giới thiệu</h1><a href="/gioi-thieu/?phien={n + 1}">Tiếp</a>'
                                           f'<a href="/gioi-thieu/?phien={n + 1000}">Trang</a>'))
            return True
        if parts.path == "/su-kien/":
            h.send(200, page("Sự kiện", '<h1>Sự kiện</h1><a href="/su-kien/?thang=6&nam=2024">Tháng sau</a>'))
            return True
        return False

    site = FaultServer("fault-nv", routes=routes, fallback=fallback,
                       meta={"title": SITE_NAME, "cms": "nukeviet", "province": "Lai Châu"})
    site.good = good  # type: ignore[attr-defined]
    site.repaired = repaired  # type: ignore[attr-defined]
    site.faults = faults  # type: ignore[attr-defined]
    site.redirect_target = redirect_target  # type: ignore[attr-defined]
    return site


# ------------------------------------------------------------------------------------------------
# Other sites
# ------------------------------------------------------------------------------------------------


def big_site(n: int = 160, per_page: int = 20, delay: float = 0.02, name: str = "big-nv") -> FaultServer:
    """``n`` articles over ``ceil(n / per_page)`` listing pages; every answer waits ``delay`` s."""
    arts = [make_article(i, seed=3) for i in range(1, n + 1)]
    pages = [arts[k:k + per_page] for k in range(0, n, per_page)]
    routes: dict[str, Answer] = {"/robots.txt": html(200, "User-agent: *\nDisallow: /users/\n", "text/plain"),
                                 "/gioi-thieu/": html(200, page("Giới thiệu", "<h1>Giới thiệu</h1>"))}

    def listing_path(k: int) -> str:
        return "/tin-tuc/" if k == 0 else f"/tin-tuc/page-{k + 1}"

    for k, chunk in enumerate(pages):
        nav = [(str(j + 1), listing_path(j)) for j in range(max(0, k - 2), min(len(pages), k + 3)) if j != k]
        if k + 1 < len(pages):
            nav.append(("»", listing_path(k + 1)))
        routes[listing_path(k)] = html(200, listing_page("Tin tức", [(a.path, a.title, a.date) for a in chunk],
                                                         pages=nav))
    for i, art in enumerate(arts):
        routes[art.path] = html(200, article_page(art, related=arts[i + 1:i + 3]))
    routes["/"] = html(200, listing_page("Trang chủ", [(a.path, a.title, a.date) for a in arts[:5]],
                                         extra='<a href="/tin-tuc/">Tin tức</a>'))
    site = FaultServer(name, routes=routes, delay=delay,
                       meta={"title": "Trang lớn (kiểm thử)", "cms": "nukeviet", "province": "Lai Châu"})
    site.articles = arts  # type: ignore[attr-defined]
    return site


def plain_site(n: int = 4, name: str = "plain-nv", seed: int = 4, extra_home: str = "",
               ssl_context: ssl.SSLContext | None = None) -> FaultServer:
    """A tiny healthy site: a home listing ``n`` articles (plus ``extra_home`` HTML)."""
    arts = [make_article(i, seed=seed) for i in range(1, n + 1)]
    routes: dict[str, Answer] = {"/robots.txt": html(200, ROBOTS, "text/plain"),
                                 "/gioi-thieu/": html(200, page("Giới thiệu", "<h1>Giới thiệu</h1>"))}
    for art in arts:
        routes[art.path] = html(200, article_page(art))
    routes["/"] = html(200, listing_page("Trang chủ", [(a.path, a.title, a.date) for a in arts], extra=extra_home))
    routes["/tin-tuc/"] = html(200, listing_page("Tin tức", [(a.path, a.title, a.date) for a in arts]))
    site = FaultServer(name, routes=routes, ssl_context=ssl_context,
                       meta={"title": "Trang nhỏ (kiểm thử)", "cms": "nukeviet", "province": "Lai Châu"})
    site.articles = arts  # type: ignore[attr-defined]
    return site
