"""Deduplication: canonical URLs, exact content hashes and a persisted near-duplicate index.

Three layers, cheapest first:

1. **URLs** — :func:`canonical_url` maps the many addresses of one page (scheme, ``www.``, tracking and
   session parameters, print views, percent-encoding, case on IIS…) to one normalized, still working
   URL; :func:`url_key` drops scheme and ``www.`` on top of it, giving the identity to look up by.
2. **Exact copies** — :func:`content_hash` of the normalized title and body (NFC, Ð→Đ, case,
   punctuation, whitespace and tone-mark placement folded).
3. **Near copies** — :func:`fingerprint` (one-permutation MinHash over 5-word shingles) and
   :func:`band_keys` (LSH bands) that :class:`NearDuplicateIndex` persists in SQLite, so finding the
   candidates for a new article is a handful of indexed look-ups whatever the archive size; then
   :func:`is_same_story` verifies a candidate on the texts themselves and :func:`choose_original` says
   which copy came first.

:class:`NearDuplicateIndex` is the one place outside ``storage.py`` that writes SQL: the band table is
part of the engine (its layout follows the signature scheme), so it lives with it.
"""

from __future__ import annotations

import hashlib
import random
import re
import struct
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import sqlite_utils

try:  # the shared normalizer (NFC, Ð→Đ, zero-width and odd spaces); extraction owns it
    from danvan_crawler.extraction.text import normalize_text
except ImportError:  # pragma: no cover - only while extraction is being written in parallel
    def normalize_text(s: str | None) -> str:
        """Fallback: NFC, Ð→Đ, no zero-width characters, single spaces."""
        s = unicodedata.normalize("NFC", s or "").translate({0xD0: 0x110, 0xF0: 0x111})
        s = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", s)
        return re.sub(r"[\s\u00a0\u202f\u2007\u3000]+", " ", s).strip()

Signature = tuple[int, ...]

# ---------------------------------------------------------------------------------------------
# Canonical URLs
# ---------------------------------------------------------------------------------------------

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_HEX = frozenset("0123456789abcdefABCDEF")
# Characters left unescaped when re-encoding: RFC 3986 sub-delims and ":@" (path) plus "/?" (query).
_PATH_SAFE = "!$&'()*+,;=:@%"
_QUERY_SAFE = "!$'()*+,;:@/?%"

# Parameters that only say where a click came from (analytics, ads, Zalo/Facebook shares).
_TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "_ga", "_gl",
    "mc_cid", "mc_eid", "zarsrc", "gidzl", "ref_src",
})
_TRACKING_PREFIXES = ("utm_",)
# Session identifiers: per visitor, never part of what the page is.
_SESSION_PARAMS = frozenset({"phpsessid", "jsessionid", "aspsessionid", "sessionid", "cfid", "cftoken"})
# "sid" is a session id on some servers but the *story id* on PHP-Nuke descendants
# (modules.php?name=News&op=viewst&sid=1234): drop it only when it looks like a token.
_SESSION_TOKEN_RE = re.compile(r"^[0-9a-zA-Z]{16,}$")

# ASP.NET cookieless sessions put the session in the path: /(S(abc123))/ or /(X(1)S(abc))/.
_ASPNET_SESSION_RE = re.compile(r"/\((?:[A-Za-z]\([^()/]*\))+\)(?=/|$)")
# Java servlets append ;jsessionid=… to the path.
_JSESSION_PATH_RE = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)

# A last path segment that is the server's default document: /tin-tuc/index.html is /tin-tuc/.
_INDEX_FILES = frozenset({
    "index.php", "index.html", "index.htm", "index.asp", "index.aspx", "index.jsp", "index.shtml",
    "default.aspx", "default.asp", "default.htm", "default.html",
})
# Paths served by IIS, which ignores case: /Tin-Tuc/Post/8770/X.aspx is /tin-tuc/post/8770/x.aspx.
_IIS_EXTENSIONS = (".aspx", ".asp", ".ashx")
_IIS_CMS = frozenset({"aspnet", "asp.net", "sharepoint", "dnn", "dotnetnuke"})

# Print views. Path forms we can map back to the article: a "/print/" segment.
# Path forms we cannot (the article URL is not in the print URL): print.aspx?p=…, trang-in-123.html.
_PRINT_SEGMENTS = frozenset({"print", "in-bai", "inbai", "ban-in"})
_PRINT_LAST_RE = re.compile(
    r"^(?:print(?:preview|view)?|printarticle|trang-?in|in-?bai(?:-viet)?|ban-?in)"
    r"(?:[-_]\d+)?(?:\.(?:aspx?|php|html?|jsp))?$",
    re.IGNORECASE,
)
_PRINT_PARAM_VALUES = frozenset({"1", "true", "yes", "on", ""})


def _is_tracking(key: str, value: str) -> bool:
    """True for query parameters that never change which page is served."""
    k = key.lower()
    if k in _TRACKING_PARAMS or k in _SESSION_PARAMS or k.startswith(_TRACKING_PREFIXES):
        return True
    return k == "sid" and bool(_SESSION_TOKEN_RE.match(value))


def _normalize_component(s: str, safe: str) -> str:
    """Percent-encoding normal form: decode unreserved/non-ASCII escapes, NFC, re-encode, upper hex.

    Encoded vs raw UTF-8 slugs, %c3%a1 vs %C3%A1 and NFC vs NFD all reach the same string; escapes
    of reserved characters (%2F, %3F, %26…) stay escaped because decoding them changes the URL.
    """
    raw = bytearray()
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "%" and i + 2 < n and s[i + 1] in _HEX and s[i + 2] in _HEX:
            b = int(s[i + 1 : i + 3], 16)
            if b >= 0x80 or chr(b) in _UNRESERVED:
                raw.append(b)
            else:
                raw += b"%%%02X" % b
            i += 3
            continue
        raw += b"%25" if c == "%" else c.encode("utf-8", "surrogatepass")
        i += 1
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # a legacy 8-bit escape: keep the bytes, escaped, upper-case hex
        return quote(bytes(raw), safe=safe)
    return quote(unicodedata.normalize("NFC", text), safe=safe)


def _host_port(parts: Any, scheme: str) -> str:
    """Lower-case host, IDNA for non-ASCII names, no trailing dot, no default port, no userinfo."""
    host = (parts.hostname or "").rstrip(".")
    if host and not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and (scheme, port) not in {("http", 80), ("https", 443)}:
        return f"{host}:{port}"
    return host


def _is_iis_path(path: str, cms: str | None) -> bool:
    """True when the path is served by IIS (case-insensitive): an .aspx/.asp page or an ASP.NET CMS."""
    if cms and cms.lower() in _IIS_CMS:
        return True
    return any(seg.lower().endswith(_IIS_EXTENSIONS) for seg in path.split("/"))


def _normalize_path(path: str, cms: str | None, iis: bool) -> str:
    """Session segments out, print segments out, default documents out, no trailing slash, IIS case."""
    path = _ASPNET_SESSION_RE.sub("", path)
    path = _JSESSION_PATH_RE.sub("", path)
    segments = [_normalize_component(seg, _PATH_SAFE) for seg in path.split("/")]
    segments = [seg for seg in segments[1:] if seg]  # drop the leading "" and empty // segments
    if cms and cms.lower() == "drupal" and len(segments) == 2 and segments[0] == "print":
        segments = ["node", segments[1]]  # Drupal's print module: /print/123 is /node/123
    segments = [seg for seg in segments if seg.lower() not in _PRINT_SEGMENTS]
    if cms and cms.lower() == "joomla":
        # Joomla serves every SEF URL with and without the /index.php/ prefix.
        segments = [seg for seg in segments if seg.lower() != "index.php"]
    if segments and segments[-1].lower() in _INDEX_FILES:
        segments.pop()
    out = "/" + "/".join(segments)
    return _lower_path(out) if iis else out


def _lower_path(path: str) -> str:
    """Lower-case a percent-encoded path without touching the hex digits' meaning."""
    # Decode non-ASCII escapes to text, lower-case, re-encode: "T%C3%8Dn" and "t%C3%ADn" become one.
    return "/".join(_normalize_component(_decode_utf8(seg).lower(), _PATH_SAFE) for seg in path.split("/"))


_NON_ASCII_ESCAPES_RE = re.compile(r"(?:%[89A-F][0-9A-F])+")


def _decode_utf8(seg: str) -> str:
    """Undo percent-encoding of non-ASCII UTF-8 only (reserved escapes and legacy bytes stay escaped)."""

    def decode(m: re.Match[str]) -> str:
        try:
            return bytes.fromhex(m.group(0).replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)

    return _NON_ASCII_ESCAPES_RE.sub(decode, seg)


def _parse_query(query: str) -> list[tuple[str, str]]:
    """Split a query into (key, value) pairs, keeping blank values and raw encoding."""
    pairs = []
    for part in query.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        pairs.append((key, value))
    return pairs


def _normalize_query(query: str, iis: bool) -> str:
    """Tracking/session/print parameters out, components normalized, pairs sorted."""
    pairs = [(_normalize_component(k, _QUERY_SAFE), _normalize_component(v, _QUERY_SAFE))
             for k, v in _parse_query(query)]
    pairs = [(k, v) for k, v in pairs if not _is_tracking(k, v)]
    pairs = _drop_print_params(pairs)
    if iis:
        pairs = [(k.lower(), v) for k, v in pairs]  # IIS reads query keys case-insensitively
    pairs.sort()
    return "&".join(f"{k}={v}" if v else k for k, v in pairs)


def _drop_print_params(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Joomla's ?tmpl=component&print=1&layout=default&page= is the article itself."""
    keys = {k.lower(): v for k, v in pairs}
    if "print" not in keys or keys["print"].lower() not in _PRINT_PARAM_VALUES:
        return pairs
    drop = {"print"}
    if keys.get("tmpl", "").lower() == "component":
        drop |= {"tmpl"}
        if keys.get("layout", "").lower() in {"default", "print"}:
            drop.add("layout")
        if keys.get("page", "x") == "":
            drop.add("page")
    return [(k, v) for k, v in pairs if k.lower() not in drop]


def _normalize(url: str, cms: str | None) -> str:
    """The canonical form of one URL, without consulting rel=canonical."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        return url
    iis = _is_iis_path(parts.path, cms)  # decided before /Default.aspx is dropped
    path = _normalize_path(parts.path or "/", cms, iis)
    query = _normalize_query(parts.query, iis)
    return urlunsplit((scheme, _host_port(parts, scheme), path, query, ""))


def _site_of(url: str) -> str:
    """The host without www./m. and port: two URLs on one site share it."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


def _usable_canonical(url: str, href: str | None) -> str | None:
    """rel=canonical when it is trustworthy: same site, http(s), not the home page, not a print view."""
    if not href or not href.strip():
        return None
    absolute = urljoin(url, href.strip())
    parts = urlsplit(absolute)
    if parts.scheme.lower() not in {"http", "https"} or _site_of(absolute) != _site_of(url):
        return None  # another site's canonical (a republication's "original") is not our address
    own = urlsplit(url)
    if parts.path in {"", "/"} and not parts.query and (own.path not in {"", "/"} or own.query):
        return None  # a common CMS bug: every page declares the home page canonical
    if is_print_view(absolute) and not is_print_view(url):
        return None
    return absolute


def canonical_url(url: str, canonical_href: str | None = None, *, cms: str | None = None) -> str:
    """The one normalized, still working URL of a page.

    Uses ``canonical_href`` (rel=canonical / og:url) when it is on the same site. Keeps the scheme and
    ``www.`` the site itself uses (http-only servers exist; rewriting to https would store dead links):
    compare with :func:`url_key`, which ignores both.
    """
    chosen = _usable_canonical(url, canonical_href) or url
    return _normalize(chosen, cms)


@lru_cache(maxsize=4096)  # storage keys the same few URLs of an article several times over
def url_key(url: str, canonical_href: str | None = None, *, cms: str | None = None) -> str:
    """The identity of a page's address: :func:`canonical_url` without scheme and ``www.``.

    ``http://www.x.vn/a/`` and ``https://x.vn/a`` share one key; look URLs up by it.
    """
    canon = canonical_url(url, canonical_href, cms=cms)
    parts = urlsplit(canon)
    if parts.scheme not in {"http", "https"}:
        return canon
    host = parts.netloc.removeprefix("www.")
    return urlunsplit(("", host, parts.path, parts.query, "")).removeprefix("//")


def is_print_view(url: str) -> bool:
    """True for printer-friendly views (?print=1, /print/…, print.aspx, trang-in-123.html)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if any(s.lower() in _PRINT_SEGMENTS for s in segments[:-1] or segments):
        return True
    if segments and _PRINT_LAST_RE.match(segments[-1]):
        return True
    pairs = {k.lower(): v.lower() for k, v in _parse_query(parts.query)}
    if pairs.get("print", "x") in _PRINT_PARAM_VALUES:
        return True
    return pairs.get("view") == "print" or pairs.get("format") == "print" or pairs.get("layout") == "print"


# WordPress shortlinks (?p=ID, ?page_id=ID) redirect to the permalink: an alias of the article.
_SHORTLINK_RE = re.compile(r"(?:^|&)(?:p|page_id)=\d+(?:&|$)")


def url_kind(url: str, canonical: str | None = None) -> str:
    """How ``url`` relates to the article's canonical URL: "print", "alias" or "canonical".

    Without ``canonical`` the URL is judged on its own: tracking/session parameters or a shortlink make
    it an alias.
    """
    if is_print_view(url):
        return "print"
    if canonical is not None and url_key(url) != url_key(canonical):
        return "alias"
    query = urlsplit(url).query
    if _SHORTLINK_RE.search(query):
        return "alias"
    if any(_is_tracking(k, v) for k, v in _parse_query(query)):
        return "alias"
    if _ASPNET_SESSION_RE.search(urlsplit(url).path) or _JSESSION_PATH_RE.search(url):
        return "alias"
    return "canonical"


# ---------------------------------------------------------------------------------------------
# Exact duplicates
# ---------------------------------------------------------------------------------------------

_PUNCT_RE = re.compile(r"[\W_]+")
# What normalize_text folds, as one translate table (Ð→Đ, zero-width characters out): normalize_for_hash
# runs on every fingerprint, and splitting on punctuation and whitespace makes the space handling moot.
_HASH_FOLD = {0xD0: 0x110, 0xF0: 0x111, **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))}


def _tone_pairs() -> dict[str, str]:
    """Old-style → new-style spellings of the open syllables oa/oe/uy ("oà" → "òa", "uỷ" → "ủy")."""
    pairs = {}
    for first, seconds in (("o", "ae"), ("u", "y")):
        for second in seconds:
            for tone in "\u0300\u0301\u0309\u0303\u0323":
                old = first + unicodedata.normalize("NFC", second + tone)
                pairs[old] = unicodedata.normalize("NFC", first + tone) + second
    return pairs


# Old-style tone placement ("hoà", "khoẻ", "thuỷ") and the new style ("hòa", "khỏe", "thủy") are the
# same word; editors and CMSs differ. Only open syllables differ ("hoàng" is spelled one way), and after
# "q" the u belongs to the consonant ("quý" is spelled one way).
_TONE_PAIRS = _tone_pairs()
_TONE_RE = re.compile(rf"(?<!q)(?:{'|'.join(_TONE_PAIRS)})(?!\w)")


def _fold_tone_placement(text: str) -> str:
    """Bring old-style tone placement to the new style (hoà → hòa, thuỷ → thủy); text is lower case."""
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], text)


@lru_cache(maxsize=8)  # content_hash and fingerprint normalize the same body one after the other
def normalize_for_hash(text: str | None) -> str:
    """Text as compared for duplicates: NFC, Ð→Đ, no zero-width/nbsp, lower case, tone placement
    folded, punctuation dropped, single spaces (normalize_text's folds, then case and punctuation)."""
    if not text:
        return ""
    s = unicodedata.normalize("NFC", text).translate(_HASH_FOLD).casefold()
    s = _fold_tone_placement(s)
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def content_hash(title: str | None, body: str | None) -> str:
    """Hex BLAKE2b-128 of the normalized title and body: equal for copies that differ only in form."""
    data = normalize_for_hash(title) + "\x1f" + normalize_for_hash(body)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


# ---------------------------------------------------------------------------------------------
# Near duplicates: one-permutation MinHash + LSH bands
# ---------------------------------------------------------------------------------------------

SHINGLE_WORDS = 5  # Vietnamese words are syllables: 5 syllables ≈ 2–3 words, a short phrase
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # 4 rows: a pair with Jaccard s becomes a candidate with 1-(1-s^4)^32
_EMPTY = 0xFFFFFFFF
_MASK32 = 0xFFFFFFFF
_BUCKET_BITS = 7  # 2**7 == NUM_PERM
_SIG_STRUCT = struct.Struct(f"<{NUM_PERM}I")

# One-permutation hashing leaves buckets empty for short texts; each empty bucket borrows from the
# first non-empty bucket in its own fixed pseudo-random order ("optimal densification", Shrivastava
# 2017), so equal sets still give equal signatures and collisions still estimate Jaccard.
_DONORS: tuple[tuple[int, ...], ...] = tuple(
    tuple(random.Random(0xD0D0 + i).sample(range(NUM_PERM), NUM_PERM)) for i in range(NUM_PERM)
)


def shingles(text: str) -> set[str]:
    """5-word shingles of the normalized text (the whole text when it is shorter)."""
    words = normalize_for_hash(text).split()
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


_MASK64 = (1 << 64) - 1
# Odd 64-bit multipliers: a shingle's hash is a fixed linear mix of its words' hashes (position matters).
_K = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)


def _shingle_hashes(text: str) -> set[int]:
    """Stable 64-bit hashes of the 5-word shingles.

    Each distinct word is hashed once with BLAKE2b (Python's hash() changes between processes and the
    signatures are persisted); a shingle mixes its five word hashes arithmetically, which costs a
    fraction of hashing every shingle string.
    """
    words = normalize_for_hash(text).split()
    if not words:
        return set()
    blake = hashlib.blake2b
    table = {w: int.from_bytes(blake(w.encode(), digest_size=8).digest(), "little") for w in set(words)}
    w = [table[x] for x in words]
    if len(w) < SHINGLE_WORDS:
        w += [0] * (SHINGLE_WORDS - len(w))
    k0, k1, k2, k3, k4 = _K
    out = set()
    for a, b, c, d, e in zip(w, w[1:], w[2:], w[3:], w[4:], strict=False):
        h = (a * k0 + b * k1 + c * k2 + d * k3 + e * k4) & _MASK64
        out.add(h ^ (h >> 31))  # fold high bits into the low ones that pick the bucket
    return out


def fingerprint(text: str | None) -> Signature:
    """A 128-value MinHash signature of the text's shingles (all empty markers for an empty text)."""
    mins = [_EMPTY] * NUM_PERM
    mask = NUM_PERM - 1
    for h in _shingle_hashes(text or ""):
        bucket = h & mask
        value = (h >> _BUCKET_BITS) & _MASK32
        if value < mins[bucket]:
            mins[bucket] = value
    filled = [v != _EMPTY for v in mins]
    if not any(filled) or all(filled):
        return tuple(mins)
    out = list(mins)
    for i in range(NUM_PERM):
        if not filled[i]:
            out[i] = mins[next(j for j in _DONORS[i] if filled[j])]
    return tuple(out)


def is_empty_signature(sig: Signature) -> bool:
    """True for the signature of an empty text (it must match nothing)."""
    return all(v == _EMPTY for v in sig)


def estimate_similarity(sig_a: Signature, sig_b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal positions."""
    if not sig_a or not sig_b or is_empty_signature(sig_a) or is_empty_signature(sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


def band_keys(sig: Signature) -> list[str]:
    """The LSH band keys of a signature: 2 hex digits of band number + 12 of the band's hash."""
    if is_empty_signature(sig):
        return []
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<{ROWS}I", *rows), digest_size=6).hexdigest()
        keys.append(f"{band:02x}{digest}")
    return keys


def pack_signature(sig: Signature) -> bytes:
    """The signature as 512 bytes (128 little-endian uint32) for a BLOB column."""
    return _SIG_STRUCT.pack(*sig)


def unpack_signature(blob: bytes) -> Signature:
    """Inverse of :func:`pack_signature`."""
    return _SIG_STRUCT.unpack(blob)


# ---------------------------------------------------------------------------------------------
# Verification: is a candidate the same story, and which copy is the original?
# ---------------------------------------------------------------------------------------------

# A candidate must contain most of the shorter body: republications edit a lead, a caption, a sentence;
# different stories of one genre share only stock sentences ("Hội nghị đã thảo luận…").
MIN_CONTAINMENT = 0.75
# A copy shorter than this share of the other is an excerpt inside a longer piece, not a copy.
MIN_LENGTH_RATIO = 0.4
# Share of the shorter side's numbers that must recur in the other (dates, counts, quarters).
MIN_NUMBER_CONTAINMENT = 0.75
# Titles sharing this share of their words (numbers aside) follow one headline pattern.
SERIES_TITLE_SIMILARITY = 0.6

_NUMBER_RE = re.compile(r"\d+")
# Roman numerals in titles and bodies number series: "quý II", "khóa XIV", "Đại hội XIII".
_ROMAN_RE = re.compile(r"(?<![\w])(?=[IVXLC]+(?![\w]))(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?![\w])")
# Spelled-out ordinals and quarters that series titles use instead of digits.
_ORDINAL_WORDS = {
    "nhất": "1", "một": "1", "nhì": "2", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5",
    "sáu": "6", "bảy": "7", "tám": "8", "chín": "9", "mười": "10",
}
_ORDINAL_RE = re.compile(r"\b(?:quý|lần thứ|thứ|đợt|kỳ|khóa|khoá|tháng)\s+(\w+)", re.IGNORECASE)


def _field(x: Any, name: str) -> Any:
    """Read a field from a dict, a sqlite row mapping or an object (Article)."""
    if isinstance(x, dict):
        return x.get(name)
    return getattr(x, name, None)


def _roman_value(token: str) -> int | None:
    """The value of a Roman numeral token (I…CCCXCIX), or None."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(token):
        v = values[ch]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    return total or None


def markers(text: str | None) -> set[str]:
    """The numbers that tell stories of one series apart: digits, Roman numerals, spelled ordinals.

    "quý II/2024" gives {"2", "2024"}; "Hội nghị lần thứ mười lăm" gives {"10"}… enough to tell
    "quý I" from "quý II" whichever way each site writes it.
    """
    s = normalize_text(text)
    found = set(_NUMBER_RE.findall(s))
    found = {n.lstrip("0") or "0" for n in found}
    for m in _ROMAN_RE.finditer(s):
        if m.group(0):
            value = _roman_value(m.group(0))
            if value:
                found.add(str(value))
    for m in _ORDINAL_RE.finditer(s):
        word = m.group(1).casefold()
        if word in _ORDINAL_WORDS:
            found.add(_ORDINAL_WORDS[word])
    return found


def _number_containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one (1.0 when either is empty)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 1.0
    return len(small & large) / len(small)


def _title_words(title: str | None) -> set[str]:
    """The words of a title once its numbers and Roman numerals are taken out."""
    s = _ROMAN_RE.sub(" ", _NUMBER_RE.sub(" ", normalize_text(title)))
    return set(normalize_for_hash(s).split())


def _titles_conflict(title_a: str | None, title_b: str | None) -> bool:
    """True for two instalments of a series: the same headline pattern with other numbers.

    "… quý I năm 2024" vs "… quý II năm 2024": the words agree, the numbers do not (neither set
    contains the other). A republisher's rewritten headline ("Tân Lập: Dân hiến 9.400 m² đất…") has
    other words too, so its numbers are left to the body check.
    """
    ma, mb = markers(title_a), markers(title_b)
    if not (ma and mb) or ma <= mb or mb <= ma:
        return False
    wa, wb = _title_words(title_a), _title_words(title_b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SERIES_TITLE_SIMILARITY


def text_similarity(body_a: str | None, body_b: str | None) -> tuple[float, float, float]:
    """(Jaccard, containment of the smaller shingle set, length ratio) of two bodies, exactly."""
    sa, sb = shingles(body_a or ""), shingles(body_b or "")
    if not sa or not sb:
        return 0.0, 0.0, 0.0
    inter = len(sa & sb)
    small, large = sorted((len(sa), len(sb)))
    return inter / (len(sa) + len(sb) - inter), inter / small, small / large


def is_same_story(a: Any, b: Any, threshold: float = MIN_CONTAINMENT) -> bool:
    """Verify a near-duplicate candidate: the same story republished, not a look-alike.

    ``a`` and ``b`` are dicts or objects with ``title`` and ``body`` (``signature`` optional). Accept
    when most of the shorter body's shingles recur in the longer one, the lengths are comparable, and
    the numbers agree: titles of a series ("quý I" / "quý II") must not conflict and the shorter side's
    body numbers (dates, counts) must mostly recur in the other.
    """
    body_a, body_b = _field(a, "body") or "", _field(b, "body") or ""
    if not body_a.strip() or not body_b.strip():
        return False
    sig_a, sig_b = _field(a, "signature"), _field(b, "signature")
    if sig_a and sig_b and estimate_similarity(sig_a, sig_b) < 0.1:
        return False  # cheap early exit: far below anything a copy could score
    _, containment, ratio = text_similarity(body_a, body_b)
    if containment < threshold or ratio < MIN_LENGTH_RATIO:
        return False
    if _titles_conflict(_field(a, "title"), _field(b, "title")):
        return False
    return _number_containment(markers(body_a), markers(body_b)) >= MIN_NUMBER_CONTAINMENT


_LOCAL_TZ = timezone(timedelta(hours=7))


def _parse_time(value: Any) -> datetime | None:
    """An aware datetime from an ISO string (naive times are Vietnam local time), or None."""
    if not value:
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=_LOCAL_TZ)


def _fold_name(s: str | None) -> str:
    """Accent-free lower-case letters and digits only: "Báo Lai Châu" → "baolaichau"."""
    s = normalize_text(s).casefold().replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s)


def _site_names(x: Any) -> set[str]:
    """Folded names a "Nguồn:" line could use for x's site: its title, registry name, host."""
    names = {_fold_name(_field(x, "site_title")), _fold_name(_field(x, "site"))}
    host = _site_of(_field(x, "url") or "")
    if host:
        names.add(_fold_name(host))  # "baolaichau.vn" → "baolaichauvn"
        labels = [lab for lab in host.split(".") if len(lab) >= 5]
        names.update(_fold_name(lab) for lab in labels[:1])  # "baolaichau"
    return {n for n in names if len(n) >= 4}


def _names_source(x: Any, other: Any) -> bool:
    """True when x's "Nguồn:"/"Theo" credit names the other copy's site."""
    source = _fold_name(_field(x, "source"))
    return bool(source) and any(name in source for name in _site_names(other))


def choose_original(a: Any, b: Any) -> Any:
    """The original of two copies of one story (returns ``a`` or ``b`` itself).

    A copy whose "Nguồn:" line names the other's site is the republication. Otherwise the earlier
    publication wins; unknown dates lose to known ones; ties keep ``b`` (pass the stored copy as ``b``).
    """
    a_credits_b, b_credits_a = _names_source(a, b), _names_source(b, a)
    if a_credits_b != b_credits_a:
        return b if a_credits_b else a
    ta, tb = _parse_time(_field(a, "published_at")), _parse_time(_field(b, "published_at"))
    if ta is not None and (tb is None or ta < tb):
        return a
    return b


class NearDuplicateIndex:
    """LSH band index persisted in SQLite: ``dedup_bands`` (band_key → article_id) and
    ``dedup_signatures`` (article_id → packed signature).

    ``dedup_bands`` is a WITHOUT ROWID table whose primary key (band_key, article_id) *is* the index on
    band_key: a look-up is 32 index probes, independent of the archive size. Removal re-derives the
    band keys from the stored signature, so no second index on article_id is needed.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        db.execute(
            "CREATE TABLE IF NOT EXISTS dedup_bands ("
            " band_key TEXT NOT NULL, article_id INTEGER NOT NULL,"
            " PRIMARY KEY (band_key, article_id)) WITHOUT ROWID"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS dedup_signatures ("
            " article_id INTEGER PRIMARY KEY, signature BLOB NOT NULL)"
        )

    def add(self, article_id: int, sig: Signature) -> None:
        """Index one article (replacing its previous signature, if any)."""
        self.add_many([(article_id, sig)])

    def add_many(self, items: Iterable[tuple[int, Signature]]) -> None:
        """Index many articles in one transaction (executemany: the fast path for bulk loads)."""
        items = list(items)
        if not items:
            return
        with self.db.atomic():
            for article_id, _ in items:
                self._remove_bands(article_id)
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO dedup_signatures (article_id, signature) VALUES (?, ?)",
                [(int(aid), pack_signature(sig)) for aid, sig in items],
            )
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO dedup_bands (band_key, article_id) VALUES (?, ?)",
                [(key, int(aid)) for aid, sig in items for key in band_keys(sig)],
            )

    def candidates(self, sig: Signature, limit: int | None = None) -> list[int]:
        """Articles sharing at least one band with ``sig``, most shared bands first."""
        keys = band_keys(sig)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        sql = (
            f"SELECT article_id, COUNT(*) AS hits FROM dedup_bands WHERE band_key IN ({marks})"
            " GROUP BY article_id ORDER BY hits DESC, article_id"
        )
        params: list[Any] = list(keys)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def signature(self, article_id: int) -> Signature | None:
        """The stored signature of an article, or None."""
        row = self.db.execute(
            "SELECT signature FROM dedup_signatures WHERE article_id = ?", [int(article_id)]
        ).fetchone()
        return unpack_signature(row[0]) if row else None

    def remove(self, article_id: int) -> None:
        """Forget an article (e.g. before re-indexing edited text)."""
        with self.db.atomic():
            self._remove_bands(article_id)
            self.db.execute("DELETE FROM dedup_signatures WHERE article_id = ?", [int(article_id)])

    def _remove_bands(self, article_id: int) -> None:
        sig = self.signature(article_id)
        if sig is None:
            return
        self.db.conn.executemany(
            "DELETE FROM dedup_bands WHERE band_key = ? AND article_id = ?",
            [(key, int(article_id)) for key in band_keys(sig)],
        )

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM dedup_signatures").fetchone()[0]
