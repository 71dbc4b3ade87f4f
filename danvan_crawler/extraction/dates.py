"""Publication dates: machine-readable first, then what the page prints, then the URL, then hints.

Every result is local Vietnamese time (+07:00). The common printed shapes are parsed by precompiled
regexes (a few µs); dateparser (2–50 ms a call) is only the fallback for the odd shapes, always with
labels and weekday names stripped first because it gives up when a label precedes the date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from .text import normalize_text

VN_TZ = timezone(timedelta(hours=7), "+07:00")
_MIN_YEAR = 1990  # no Vietnamese Party site published before the web; older years are anniversaries


@dataclass(frozen=True)
class FoundDate:
    """A publication date and whether the page gave a time of day."""

    value: datetime  # aware, +07:00
    has_time: bool

    def iso(self) -> str:
        """``YYYY-MM-DDTHH:MM:SS+07:00`` with a time, ``YYYY-MM-DD`` without."""
        if self.has_time:
            return self.value.replace(microsecond=0).isoformat()
        return self.value.date().isoformat()


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(VN_TZ)
    if now.tzinfo is None:
        return now.replace(tzinfo=VN_TZ)
    return now.astimezone(VN_TZ)


def _make(
    y: int, mo: int, d: int, hh: int | None = None, mi: int = 0, ss: int = 0, now: datetime | None = None
) -> FoundDate | None:
    """Validated constructor: rejects impossible dates, pre-web years and dates in the future."""
    if not (_MIN_YEAR <= y <= _now(now).year + 1):
        return None
    try:
        value = datetime(y, mo, d, hh or 0, mi, ss, tzinfo=VN_TZ)
    except ValueError:
        return None
    return FoundDate(value, hh is not None)


# ---------------------------------------------------------------------------------------------------------
# Machine-readable dates (meta, JSON-LD, <time datetime>)
# ---------------------------------------------------------------------------------------------------------

_ISO_RE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*"
    r"(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)


def parse_iso(s: str | None, now: datetime | None = None) -> FoundDate | None:
    """Parse an ISO-8601 value from metadata; convert any offset to +07:00.

    A value without an offset is taken as local time (these sites publish local timestamps). A value
    whose time is exactly midnight is treated as a date without time: CMSs that only store a day
    serialize it as ``T00:00:00`` (often with +00:00), and shifting that to 07:00 would invent a time.
    Values that are not ISO (some themes put the printed date in the meta) go to the visible parser.
    """
    if not s:
        return None
    m = _ISO_RE.match(s)
    if not m:
        return parse_visible(s, now=now, allow_dateparser=False)
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if m[4] is None:
        return _make(y, mo, d, now=now)
    hh, mi, ss = int(m[4]), int(m[5]), int(m[6] or 0)
    if hh == mi == ss == 0:
        return _make(y, mo, d, now=now)
    found = _make(y, mo, d, hh, mi, ss, now=now)
    if found is None:
        return None
    tz = m[7]
    if tz and tz != "Z":
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
        found = FoundDate(found.value.replace(tzinfo=offset).astimezone(VN_TZ), True)
    elif tz == "Z":
        found = FoundDate(found.value.replace(tzinfo=UTC).astimezone(VN_TZ), True)
    return found


# ---------------------------------------------------------------------------------------------------------
# Printed dates
# ---------------------------------------------------------------------------------------------------------

# dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (day first everywhere in Vietnam). A 4-digit year is required so that
# fractions and scores ("1/2", "3-2") never parse.
_DMY_RE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])")
# "ngày 15 tháng 10 năm 2020" (formal style, also in headings of documents)
_VI_LONG_RE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*|\s+)năm\s+(\d{4})", re.I)
# A date without a year ("Sáng 8/7", "Thứ Hai, 8/7 - 10:30"): only usable with a year from elsewhere.
_DM_RE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/\-])(\d{1,2})(?![\d/\-]|\s?[.]\s?\d)")
_VI_DM_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:,\s*)?năm)", re.I)
# A time of day: 14:34, 14:34:53, 02:48:00 AM, 8:43' (minute mark), 14h30, 14 giờ 30. Only the short
# AM/PM/SA/CH markers count: "sáng"/"chiều" after a time usually open the next sentence ("06:53 Chiều 9-11").
_TIME = (
    r"(\d{1,2})\s?(?::|h|g|giờ)\s?(\d{2})(?:\s?:\s?(\d{2}))?\s?(?:'|’|phút)?"
    r"(?:\s?(AM|PM|SA|CH|am|pm)\b)?"
)
_TIME_AFTER_RE = re.compile(r"[\s,\-–—|()]*(?:lúc|vào|-)?[\s,\-–—|(]*" + _TIME, re.I)
_TIME_BEFORE_RE = re.compile(
    _TIME + r"[\s,\-–—|]*(?:(?:thứ\s+\w+|chủ\s+nhật|t[2-7]|cn)[\s,\-–—|]*)?(?:ngày\s*)?$", re.I
)

# Labels that say which date a printed date is. "Đăng ngày" (posted) beats "Cập nhật" (updated) when a
# page prints both; "Hôm nay" is the header's today box and is never a publication date.
_POSTED_LABEL_RE = re.compile(
    r"(đăng\s*(?:ngày|lúc|tải|vào)?|ngày\s*đăng|xuất\s*bản|ngày\s*tạo|ngày\s*viết|viết\s*ngày|"
    r"ban\s*hành|published|posted|created)\W*$",
    re.I,
)
_UPDATED_LABEL_RE = re.compile(
    r"(cập\s*nhật(?:\s*(?:lúc|ngày|lần\s*cuối))?|ngày\s*cập\s*nhật|sửa\s*đổi|chỉnh\s*sửa|updated?|"
    r"modified|last\s*update)\W*$",
    re.I,
)
_TODAY_LABEL_RE = re.compile(r"hôm\s*nay\W*$", re.I)
# Weekday words that precede a date and must not sit between a label and the date.
_WEEKDAY_RE = re.compile(r"(?:thứ\s*(?:hai|ba|bốn|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|t[2-7]|cn)\b\W*", re.I)

# Relative dates ("3 giờ trước", "hôm qua") printed by newspaper CMSs on fresh articles.
_RELATIVE_MAX_LEN = 40
_RELATIVE_RE = re.compile(r"(\d+)\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước", re.I)
_YESTERDAY_RE = re.compile(r"\bhôm\s*(qua|kia)\b(?:\W{0,3}" + _TIME + ")?", re.I)


@dataclass(frozen=True)
class DateCandidate:
    """A date found in printed text, with the label that precedes it."""

    found: FoundDate
    label: str  # "posted", "updated", "today" or ""
    start: int
    has_year: bool = True


def _label_before(text: str, start: int) -> str:
    head = text[max(0, start - 40) : start]
    # weekday names and "ngày"/"lúc" often sit between a label and the date: look past them
    head = _WEEKDAY_RE.sub(" ", head)
    head = re.sub(r"(?:\b(?:lúc|vào|ngày)\b|\d{1,2}\s?[:h]\s?\d{2}(?::\d{2})?|[\s,\-–—|(:])*$", "", head, flags=re.I)
    if _TODAY_LABEL_RE.search(head + " "):
        return "today"
    if _POSTED_LABEL_RE.search(head + ":"):
        return "posted"
    if _UPDATED_LABEL_RE.search(head + ":"):
        return "updated"
    return ""


def _time_near(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The time printed right after a date (``17/10/2020, 14:34``) or before it (``04:35 15/03/2016``)."""
    for m in (
        _TIME_AFTER_RE.match(text, end, min(len(text), end + 30)),
        _TIME_BEFORE_RE.search(text, max(0, start - 45), start),
    ):
        if not m:
            continue
        hh, mi, ss = int(m[1]), int(m[2]), int(m[3] or 0)
        ampm = (m[4] or "").lower()
        if ampm in ("pm", "ch", "chiều", "tối") and hh < 12:
            hh += 12
        elif ampm in ("am", "sa", "sáng") and hh == 12:
            hh = 0
        if hh < 24 and mi < 60 and ss < 60:
            return hh, mi, ss
    return None


def find_dates(
    text: str, *, year_hint: int | None = None, now: datetime | None = None, allow_yearless: bool = False
) -> list[DateCandidate]:
    """All printed dates in ``text`` in order, with their labels and times of day."""
    text = normalize_text(text)
    out: list[DateCandidate] = []
    spans: list[tuple[int, int]] = []
    for m in _DMY_RE.finditer(text):
        spans.append((m.start(), m.end()))
        t = _time_near(text, m.start(), m.end())
        f = _make(int(m[4]), int(m[3]), int(m[1]), *(t or (None,)), now=now)
        if f:
            out.append(DateCandidate(f, _label_before(text, m.start()), m.start()))
    for m in _VI_LONG_RE.finditer(text):
        spans.append((m.start(), m.end()))
        t = _time_near(text, m.start(), m.end())
        f = _make(int(m[3]), int(m[2]), int(m[1]), *(t or (None,)), now=now)
        if f:
            out.append(DateCandidate(f, _label_before(text, m.start()), m.start()))
    if allow_yearless and year_hint:
        for rx in (_DM_RE, _VI_DM_RE):
            for m in rx.finditer(text):
                if any(s <= m.start() < e for s, e in spans):
                    continue
                d, mo = int(m[1]), int(m[3] if rx is _DM_RE else m[2])
                t = _time_near(text, m.start(), m.end())
                f = _make(year_hint, mo, d, *(t or (None,)), now=now)
                if f:
                    out.append(DateCandidate(f, _label_before(text, m.start()), m.start(), has_year=False))
    # relative dates only on a short meta line: "5 năm trước" inside a sentence is history, not a timestamp
    if not out and len(text) <= _RELATIVE_MAX_LEN:
        rel = _relative(text, now)
        if rel:
            out.append(DateCandidate(rel, "", 0))
    out.sort(key=lambda c: c.start)
    return out


def _relative(text: str, now: datetime | None) -> FoundDate | None:
    """'3 giờ trước', 'hôm qua 10:30' relative to ``now`` (injectable for tests)."""
    base = _now(now)
    m = _RELATIVE_RE.search(text)
    if m:
        n, unit = int(m[1]), m[2].lower()
        delta = {
            "giây": timedelta(seconds=n),
            "phút": timedelta(minutes=n),
            "giờ": timedelta(hours=n),
            "tiếng": timedelta(hours=n),
            "ngày": timedelta(days=n),
            "tuần": timedelta(weeks=n),
            "tháng": timedelta(days=30 * n),
            "năm": timedelta(days=365 * n),
        }[unit]
        value = (base - delta).replace(second=0, microsecond=0)
        return FoundDate(value, unit in ("giây", "phút", "giờ", "tiếng"))
    m = _YESTERDAY_RE.search(text)
    if m:
        days = 1 if m[1].lower() == "qua" else 2
        value = base - timedelta(days=days)
        if m[2]:
            return FoundDate(value.replace(hour=int(m[2]), minute=int(m[3]), second=0, microsecond=0), True)
        return FoundDate(value.replace(hour=0, minute=0, second=0, microsecond=0), False)
    return None


def pick_candidate(cands: Iterable[DateCandidate]) -> DateCandidate | None:
    """Posted beats unlabeled beats updated; the header's "Hôm nay" date never counts; first wins ties."""
    best: DateCandidate | None = None
    rank = {"posted": 0, "": 1, "updated": 2}
    for c in cands:
        if c.label == "today":
            continue
        if best is None or rank[c.label] < rank[best.label]:
            best = c
    return best


# dateparser is imported lazily: it costs ~0.3 s to import and most pages never need it.
_DDP: Any = None
_STRIP_FOR_DATEPARSER_RE = re.compile(
    r"(?:cập\s*nhật(?:\s*(?:lúc|ngày))?|ngày\s*cập\s*nhật|ngày\s*đăng|đăng\s*(?:ngày|lúc)?|xuất\s*bản|"
    r"lúc|vào\s*lúc|\(?gmt\s*\+?\s*7\)?|utc\s*\+?\s*7|lượt\s*xem\W*\d*|"
    r"thứ\s*(?:hai|ba|bốn|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật)",
    re.I,
)


def _dateparser(text: str, now: datetime | None) -> FoundDate | None:
    global _DDP
    cleaned = _STRIP_FOR_DATEPARSER_RE.sub(" ", text)
    cleaned = re.sub(r"[|,]+", " ", cleaned).strip(" -–:")
    if not cleaned or not re.search(r"\d", cleaned) or len(cleaned) > 60:
        return None
    try:
        if _DDP is None:
            from dateparser.date import DateDataParser

            _DDP = DateDataParser(
                languages=["vi"],
                settings={
                    "DATE_ORDER": "DMY",
                    "PREFER_DATES_FROM": "past",
                    "TIMEZONE": "Asia/Ho_Chi_Minh",
                    "TO_TIMEZONE": "Asia/Ho_Chi_Minh",
                    "RETURN_AS_TIMEZONE_AWARE": True,
                    "STRICT_PARSING": True,
                },
            )
        data = _DDP.get_date_data(cleaned)
    except Exception:  # dateparser raises on odd input; a missing date is the right answer then
        return None
    value = data.date_obj if data else None
    if value is None:
        return None
    value = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
    has_time = bool(re.search(r"\d\s?[:h]\s?\d{2}", cleaned))
    if not has_time:
        value = value.replace(hour=0, minute=0, second=0)
    return _make(
        value.year,
        value.month,
        value.day,
        value.hour if has_time else None,
        value.minute,
        value.second,
        now=now,
    )


def parse_visible(
    text: str, *, year_hint: int | None = None, now: datetime | None = None, allow_dateparser: bool = True
) -> FoundDate | None:
    """Parse one printed date string (a meta line); regexes first, dateparser for the rest."""
    cands = find_dates(text, year_hint=year_hint, now=now, allow_yearless=year_hint is not None)
    best = pick_candidate(cands)
    if best:
        return best.found
    if any(c.label == "today" for c in cands):
        return None
    if allow_dateparser:
        return _dateparser(normalize_text(text), now)
    return None


# ---------------------------------------------------------------------------------------------------------
# Dates in URLs
# ---------------------------------------------------------------------------------------------------------

_URL_YMD_RE = re.compile(r"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)")
_URL_YM_RE = re.compile(r"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])(?=/)")
_URL_Y_RE = re.compile(r"/((?:19|20)\d{2})/")


def date_from_url(url: str, now: datetime | None = None) -> FoundDate | None:
    """A full date from ``/2020/10/15/`` or ``/20201015/``-style URL segments."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = re.sub(r"^[a-z]+://[^/]+", "", path, flags=re.I)
    m = _URL_YMD_RE.search(path)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), now=now)
    return None


def year_from_url(url: str, now: datetime | None = None) -> int | None:
    """The year of ``/2020/10/``, ``/202010/`` or ``/2020/`` segments (for year-less printed dates)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?", 1)[0], flags=re.I)
    for rx in (_URL_YMD_RE, _URL_YM_RE, _URL_Y_RE):
        m = rx.search(path)
        if m and _MIN_YEAR <= int(m[1]) <= _now(now).year + 1:
            return int(m[1])
    return None


# ---------------------------------------------------------------------------------------------------------
# Dates in the parsed page
# ---------------------------------------------------------------------------------------------------------

# <meta> names for the publication time, most specific first. Modified/updated times are left out on purpose.
PUBLISHED_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "date",
    "created",
)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "webpage",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
}


def meta_published(tree: Any) -> str | None:
    """The first publication-time meta value, by :data:`PUBLISHED_META_NAMES` order."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key in PUBLISHED_META_NAMES and key not in found:
            found[key] = content
    for name in PUBLISHED_META_NAMES:
        if name in found:
            return found[name]
    return None


def iter_json_ld(tree: Any) -> Iterator[dict]:
    """Every JSON object in ``application/ld+json`` scripts, including ``@graph`` members."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:  # broken JSON-LD is common (trailing commas, raw newlines): skip it
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", script.text.replace("\n", " ")))
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def json_ld_published(tree: Any) -> str | None:
    """``datePublished`` of the first article-typed JSON-LD object (or any object that has one)."""
    fallback = None
    for obj in iter_json_ld(tree):
        value = obj.get("datePublished")
        if not isinstance(value, str):
            continue
        types = obj.get("@type")
        types = [types] if isinstance(types, str) else (types or [])
        if any(str(t).lower() in _ARTICLE_TYPES for t in types):
            return value
        fallback = fallback or value
    return fallback
