"""The site registry: ``spiders/sites.toml`` → validated :class:`SiteProfile` objects.

Each ``[[site]]`` table describes one public site (a Tỉnh ủy portal, a Ban Dân vận site, a political
school, a Party newspaper…). Unknown keys are an error, so a typo never silently turns a hint off.
See docs/registry.md for the fields and the rule for adding a site.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from danvan_crawler.provinces import (
    LEGACY_TO_CURRENT,
    is_legacy,
    normalize_legacy,
    normalize_province,
)

__all__ = [
    "ALLOWED_CMS",
    "HINT_KEYS",
    "REGISTRY_ENV",
    "RegistryError",
    "SiteProfile",
    "bundled_registry_path",
    "filter_profiles",
    "get_profile",
    "load_registry",
    "parse_registry",
    "profile_for_url",
    "registry_path",
    "url_problem",
]

REGISTRY_ENV = "DANVAN_REGISTRY"

ALLOWED_CMS: tuple[str, ...] = (
    "wordpress",
    "nukeviet",
    "joomla",
    "liferay",
    "sharepoint",
    "drupal",
    "aspnet",
    "newspaper",
    "unknown",
)

HINT_KEYS: tuple[str, ...] = ("title", "date", "byline", "body", "lead")

REQUIRED_KEYS: tuple[str, ...] = ("name", "title", "province", "url", "source")
OPTIONAL_KEYS: tuple[str, ...] = (
    "legacy_province",
    "cms",
    "start",
    "hints",
    "allow",
    "deny",
    "max_pages",
    "enabled",
    "note",
)
ALLOWED_KEYS = frozenset(REQUIRED_KEYS + OPTIONAL_KEYS)

_NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOST_RE = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
_IPV4_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


class RegistryError(ValueError):
    """A registry file that cannot be used: says which file, which entry and what is wrong."""

    def __init__(self, message: str, *, path: str | os.PathLike[str] | None = None,
                 entry: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.entry = entry
        self.message = message
        where = self.path or "<registry>"
        if entry:
            where += f": site {entry!r}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class SiteProfile:
    """One site to crawl. ``province`` is one of the 34 current units (``None`` for an ad-hoc site
    whose province could not be told from its host); ``legacy_province`` is one of the 63 pre-2025
    units, set only when the site belongs to a province merged away in 2025."""

    name: str
    title: str
    province: str | None
    url: str
    legacy_province: str | None = None
    cms: str = "unknown"
    start: tuple[str, ...] = ()
    source: str | None = None
    hints: dict[str, str] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    max_pages: int | None = None
    enabled: bool = True
    note: str | None = None

    def __hash__(self) -> int:  # hints is a dict: hash on identity fields only
        return hash((self.name, self.url))

    @property
    def host(self) -> str:
        """The homepage's host name, lowercase, without a port."""
        return (urlsplit(self.url).hostname or "").lower()

    @property
    def allowed_domains(self) -> list[str]:
        """Domains a spider may follow links on: the host, with and without ``www.``."""
        host = self.host
        bare = host[4:] if host.startswith("www.") else host
        return sorted({host, bare})

    @property
    def start_urls(self) -> list[str]:
        """Absolute start URLs: the ``start`` paths joined to the homepage, else the homepage."""
        if not self.start:
            return [self.url]
        return [urljoin(self.url, s) for s in self.start]

    @property
    def kind(self) -> str:
        """A coarse kind from the name prefix: committee, danvan, tuyengiao, board, bloc, school,
        newspaper (also any site whose cms is ``newspaper``), other."""
        prefix = self.name.split("-", 1)[0]
        kind = {
            "tinhuy": "committee",
            "thanhuy": "committee",
            "huyenuy": "committee",
            "dcs": "committee",
            "bdv": "danvan",
            "btgdv": "danvan",
            "btg": "tuyengiao",
            "btc": "board",
            "dukcq": "bloc",
            "dukccq": "bloc",
            "dukccqdn": "bloc",
            "truongct": "school",
            "bao": "newspaper",
        }.get(prefix)
        if kind is None:
            kind = "newspaper" if self.cms == "newspaper" else "other"
        return kind

    def allows(self, path: str) -> bool:
        """Whether a URL path (with query) passes the ``allow``/``deny`` regexes."""
        if any(re.search(p, path) for p in self.deny):
            return False
        return not self.allow or any(re.search(p, path) for p in self.allow)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (lists for tuples, no empty optional fields)."""
        out: dict[str, Any] = {
            "name": self.name,
            "title": self.title,
            "province": self.province,
        }
        if self.legacy_province:
            out["legacy_province"] = self.legacy_province
        out["url"] = self.url
        out["cms"] = self.cms
        if self.start:
            out["start"] = list(self.start)
        out["source"] = self.source
        if self.hints:
            out["hints"] = dict(self.hints)
        if self.allow:
            out["allow"] = list(self.allow)
        if self.deny:
            out["deny"] = list(self.deny)
        if self.max_pages is not None:
            out["max_pages"] = self.max_pages
        out["enabled"] = self.enabled
        if self.note:
            out["note"] = self.note
        return out


# --------------------------------------------------------------------------------------------- paths

def bundled_registry_path() -> Path:
    """The ``sites.toml`` shipped in the ``spiders`` package."""
    try:
        ref = resources.files("spiders").joinpath("sites.toml")
        if ref.is_file():
            return Path(str(ref))
    except (ModuleNotFoundError, TypeError, FileNotFoundError):  # pragma: no cover - odd installs
        pass
    try:
        import spiders  # noqa: PLC0415

        return Path(spiders.__file__).resolve().parent / "sites.toml"
    except Exception:  # pragma: no cover - source tree without the package on sys.path
        return Path(__file__).resolve().parent.parent / "spiders" / "sites.toml"


def registry_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The registry file to read: *path*, else ``$DANVAN_REGISTRY``, else the bundled one."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(REGISTRY_ENV)
    if env:
        return Path(env)
    return bundled_registry_path()


# ------------------------------------------------------------------------------------------ loading

def load_registry(path: str | os.PathLike[str] | None = None) -> list[SiteProfile]:
    """Read and validate a registry file (default: ``$DANVAN_REGISTRY`` or the bundled one).

    Raises :class:`RegistryError` naming the file and the entry when anything is wrong.
    """
    p = registry_path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read registry: {exc.strerror or exc}", path=p) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RegistryError(f"not UTF-8: {exc}", path=p) from None
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"invalid TOML: {exc}", path=p) from None
    return parse_registry(data, path=p)


def parse_registry(data: Mapping[str, Any], *, path: str | os.PathLike[str] | None = None
                   ) -> list[SiteProfile]:
    """Validate an already-parsed registry mapping (``{"site": [ {...}, ... ]}``)."""
    extra = set(data) - {"site"}
    if extra:
        raise RegistryError(f"unknown top-level key(s): {', '.join(sorted(extra))} "
                            "(entries are [[site]] tables)", path=path)
    entries = data.get("site", [])
    if not isinstance(entries, list):
        raise RegistryError("'site' must be an array of tables ([[site]])", path=path)
    profiles: list[SiteProfile] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise RegistryError(f"entry #{i} is not a table", path=path)
        label = entry.get("name") if isinstance(entry.get("name"), str) else f"#{i}"
        profile = _parse_entry(entry, path=path, label=label)
        if profile.name in seen:
            raise RegistryError(f"duplicate name (also entry #{seen[profile.name]})", path=path,
                                entry=profile.name)
        seen[profile.name] = i
        profiles.append(profile)
    return profiles


def _parse_entry(entry: dict[str, Any], *, path: Any, label: str) -> SiteProfile:
    def fail(msg: str) -> RegistryError:
        return RegistryError(msg, path=path, entry=label)

    unknown = sorted(set(entry) - ALLOWED_KEYS)
    if unknown:
        raise fail(f"unknown key(s): {', '.join(unknown)} (allowed: {', '.join(sorted(ALLOWED_KEYS))})")
    missing = [k for k in REQUIRED_KEYS if k not in entry]
    if missing:
        raise fail(f"missing required key(s): {', '.join(missing)}")

    def text(key: str) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key!r} must be a non-empty string")
        return value.strip()

    name = text("name")
    if not _NAME_RE.match(name):
        raise fail("name must be lowercase ASCII letters/digits separated by single dashes")
    title = text("title")
    url = text("url")
    err = url_problem(url)
    if err:
        raise fail(f"url {url!r}: {err}")
    source = text("source")
    err = url_problem(source)
    if err:
        raise fail(f"source {source!r}: {err}")

    province_text = text("province")
    province = normalize_province(province_text)
    if province is None:
        raise fail(f"unknown province {province_text!r}")
    legacy: str | None = None
    if "legacy_province" in entry:
        legacy_text = text("legacy_province")
        legacy = normalize_legacy(legacy_text)
        if legacy is None or not is_legacy(legacy):
            raise fail(f"unknown legacy province {legacy_text!r} (must be one of the 63 pre-2025 units)")
        if LEGACY_TO_CURRENT[legacy] != province:
            raise fail(f"legacy province {legacy!r} became {LEGACY_TO_CURRENT[legacy]!r}, "
                       f"not {province!r}")

    cms = entry.get("cms", "unknown")
    if cms not in ALLOWED_CMS:
        raise fail(f"cms {cms!r} not among {', '.join(ALLOWED_CMS)}")

    start = _str_list(entry, "start", fail)
    host = (urlsplit(url).hostname or "").lower()
    for s in start:
        if s.startswith("/"):
            continue
        if url_problem(s) is None and (urlsplit(s).hostname or "").lower().removeprefix("www.") == \
                host.removeprefix("www."):
            continue
        raise fail(f"start {s!r} must be a path starting with '/' or a URL on {host}")

    hints_raw = entry.get("hints", {})
    if not isinstance(hints_raw, dict):
        raise fail("'hints' must be a table of CSS selectors")
    bad = sorted(set(hints_raw) - set(HINT_KEYS))
    if bad:
        raise fail(f"unknown hint(s): {', '.join(bad)} (allowed: {', '.join(HINT_KEYS)})")
    hints: dict[str, str] = {}
    for k, v in hints_raw.items():
        if not isinstance(v, str) or not v.strip():
            raise fail(f"hint {k!r} must be a non-empty CSS selector string")
        hints[k] = v.strip()

    allow = _str_list(entry, "allow", fail)
    deny = _str_list(entry, "deny", fail)
    for pattern in allow + deny:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise fail(f"bad regex {pattern!r}: {exc}") from None

    max_pages = entry.get("max_pages")
    if max_pages is not None and (isinstance(max_pages, bool) or not isinstance(max_pages, int)
                                  or max_pages < 1):
        raise fail("'max_pages' must be a positive integer")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("'enabled' must be true or false")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise fail("'note' must be a string")

    return SiteProfile(
        name=name,
        title=title,
        province=province,
        legacy_province=legacy,
        url=url,
        cms=cms,
        start=tuple(start),
        source=source,
        hints=hints,
        allow=tuple(allow),
        deny=tuple(deny),
        max_pages=max_pages,
        enabled=enabled,
        note=note,
    )


def _str_list(entry: dict[str, Any], key: str, fail: Any) -> list[str]:
    value = entry.get(key, [])
    if isinstance(value, str):
        raise fail(f"{key!r} must be a list of strings, e.g. {key} = [{value!r}]")
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail(f"{key!r} must be a list of non-empty strings")
    return list(value)


def url_problem(url: str) -> str | None:
    """Why *url* is not an absolute http(s) URL with a proper host, or None when it is."""
    if any(c.isspace() for c in url):
        return "contains whitespace"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"unparsable ({exc})"
    del port
    if parts.scheme not in ("http", "https"):
        return "scheme must be http or https"
    host = (parts.hostname or "").lower()
    if not host:
        return "no host"
    if host == "localhost" or _IPV4_RE.match(host):
        return None
    try:
        host_ascii = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"bad host {host!r}"
    if not _HOST_RE.match(host_ascii):
        return f"bad host {host!r}"
    return None


# ------------------------------------------------------------------------------------------ helpers

def get_profile(name: str, profiles: Iterable[SiteProfile] | None = None) -> SiteProfile:
    """The profile called *name* (from *profiles*, default the loaded registry); KeyError if none."""
    for p in profiles if profiles is not None else load_registry():
        if p.name == name:
            return p
    raise KeyError(name)


def filter_profiles(profiles: Iterable[SiteProfile], *, province: str | None = None,
                    cms: str | None = None, enabled_only: bool = False) -> list[SiteProfile]:
    """Select profiles by province (any spelling; a merged-away province's name selects the sites
    of that legacy province only), CMS family, and enabled flag."""
    out = list(profiles)
    if province:
        current = normalize_province(province)
        if current is None:
            raise ValueError(f"unknown province: {province!r}")
        legacy = normalize_legacy(province)
        if legacy is not None and legacy_name_is_merged(legacy):
            out = [p for p in out if p.legacy_province == legacy]
        else:
            out = [p for p in out if p.province == current]
    if cms:
        out = [p for p in out if p.cms == cms]
    if enabled_only:
        out = [p for p in out if p.enabled]
    return out


def legacy_name_is_merged(legacy: str) -> bool:
    """True for a pre-2025 unit that no longer exists under its own name (e.g. Bình Thuận)."""
    current = LEGACY_TO_CURRENT.get(legacy)
    return current is not None and current != legacy and legacy != "Thừa Thiên Huế"


def profile_for_url(url: str) -> SiteProfile:
    """A profile for an ad-hoc site given by its homepage: name from the host, CMS unknown,
    province guessed from host labels ("bdvtu.binhthuan.dcs.vn" -> Lâm Đồng, legacy Bình Thuận)."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    err = url_problem(url)
    if err:
        raise ValueError(f"not a usable site URL {url!r}: {err}")
    parts = urlsplit(url)
    if not parts.path:
        url = parts._replace(path="/").geturl()
    host = (parts.hostname or "").lower()
    bare = host.removeprefix("www.")
    name = re.sub(r"[^a-z0-9]+", "-", bare).strip("-") or "site"
    if parts.port:  # two sites on one host (local fixtures, odd portals) must not share a name
        name += f"-{parts.port}"
    province, legacy = _guess_province(bare)
    return SiteProfile(
        name=name,
        title=bare,
        province=province,
        legacy_province=legacy,
        url=url,
        cms="unknown",
        source=None,
    )


_GENERIC_LABELS = frozenset({"www", "vn", "com", "gov", "org", "net", "edu", "dcs", "info"})


def _guess_province(host: str) -> tuple[str | None, str | None]:
    labels = [lab for lab in host.split(".") if lab not in _GENERIC_LABELS]
    candidates: list[str] = []
    for lab in labels:
        candidates.append(lab)
        for prefix in ("tinhuy", "thanhuy", "bao", "bdvtu", "bdv", "danvan", "tuyengiao", "btg",
                       "truongchinhtri"):
            if lab.startswith(prefix) and len(lab) > len(prefix) + 2:
                candidates.append(lab[len(prefix):])
        for suffix in ("tv", "dcs"):
            if lab.endswith(suffix) and len(lab) > len(suffix) + 2:
                candidates.append(lab[: -len(suffix)])
    for cand in candidates:
        if len(cand) < 4:
            continue
        current = normalize_province(cand)
        if current is not None:
            legacy = normalize_legacy(cand)
            if legacy is not None and legacy_name_is_merged(legacy):
                return current, legacy
            return current, None
    return None, None
