"""The bundled site registry (spiders/sites.toml) and the loader's validation."""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from danvan_crawler.profiles import (
    ALLOWED_CMS,
    ALLOWED_KEYS,
    RegistryError,
    SiteProfile,
    bundled_registry_path,
    filter_profiles,
    get_profile,
    load_registry,
    profile_for_url,
    url_problem,
)
from danvan_crawler.provinces import CURRENT_PROVINCES, LEGACY_TO_CURRENT


@pytest.fixture(scope="module")
def registry() -> list[SiteProfile]:
    return load_registry(bundled_registry_path())


def test_bundled_file_is_found():
    path = bundled_registry_path()
    assert path.name == "sites.toml" and path.is_file()


def test_schema_of_raw_file():
    data = tomllib.loads(bundled_registry_path().read_text(encoding="utf-8"))
    assert set(data) == {"site"}
    for entry in data["site"]:
        assert set(entry) <= ALLOWED_KEYS, entry.get("name")
        for key in ("name", "title", "province", "url", "source"):
            assert isinstance(entry.get(key), str) and entry[key].strip(), (entry.get("name"), key)


def test_size_and_coverage(registry):
    assert len(registry) >= 60
    covered = {p.province for p in registry}
    assert covered == set(CURRENT_PROVINCES), set(CURRENT_PROVINCES) - covered
    assert len(covered) >= 34


def test_unique_names(registry):
    names = [p.name for p in registry]
    assert len(names) == len(set(names))


def test_unique_homepages(registry):
    homes = [p.url.rstrip("/").lower().replace("://www.", "://") for p in registry]
    assert len(homes) == len(set(homes))


def test_urls_and_sources(registry):
    for p in registry:
        assert url_problem(p.url) is None, p.name
        assert urlsplit(p.url).scheme in ("http", "https")
        assert p.source and url_problem(p.source) is None, p.name
        assert urlsplit(p.source).scheme in ("http", "https"), p.name


def test_provinces_and_cms(registry):
    for p in registry:
        assert p.province in CURRENT_PROVINCES, p.name
        if p.legacy_province:
            assert LEGACY_TO_CURRENT[p.legacy_province] == p.province, p.name
        assert p.cms in ALLOWED_CMS, p.name
        for s in p.start:
            assert s.startswith("/") or s.startswith("http"), p.name


def test_has_party_sites_not_only_newspapers(registry):
    kinds = {p.kind for p in registry}
    assert {"committee", "danvan", "newspaper"} <= kinds
    assert sum(1 for p in registry if p.kind in ("committee", "danvan", "tuyengiao")) >= 20


def test_helpers(registry):
    first = registry[0]
    assert get_profile(first.name, registry) is first
    with pytest.raises(KeyError):
        get_profile("no-such-site", registry)
    lam_dong = filter_profiles(registry, province="lam dong")
    assert lam_dong and all(p.province == "Lâm Đồng" for p in lam_dong)
    # a merged-away province's name selects that legacy province's sites only
    binh_thuan = filter_profiles(registry, province="Bình Thuận")
    assert binh_thuan and all(p.legacy_province == "Bình Thuận" for p in binh_thuan)
    with pytest.raises(ValueError):
        filter_profiles(registry, province="Atlantis")
    assert all(p.cms == "newspaper" for p in filter_profiles(registry, cms="newspaper"))
    assert hash(first) == hash(first)
    assert first.start_urls and first.allowed_domains


# ---------------------------------------------------------------------------------- invalid files

HOME = 'url = "https://bdv.example.vn/"'

GOOD = """
[[site]]
name = "bdv-test"
title = "Ban Dân vận Tỉnh ủy Thử"
province = "Lai Châu"
url = "https://bdv.example.vn/"
source = "https://example.org/page"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_minimal_entry(tmp_path):
    (p,) = load_registry(write(tmp_path, GOOD))
    assert p.name == "bdv-test" and p.cms == "unknown" and p.enabled
    assert p.start_urls == ["https://bdv.example.vn/"]
    assert p.host == "bdv.example.vn"


def test_full_entry(tmp_path):
    text = GOOD.replace('source =', '''legacy_province = "binh thuan"
cms = "wordpress"
start = ["/tin-tuc/", "https://bdv.example.vn/page/2"]
hints = { title = "h1.entry-title", body = "div.entry-content" }
allow = ["^/tin-tuc/"]
deny = ["/tag/", "print"]
max_pages = 50
enabled = false
note = "test"
source =''').replace('"Lai Châu"', '"lam dong"')
    (p,) = load_registry(write(tmp_path, text))
    assert p.province == "Lâm Đồng" and p.legacy_province == "Bình Thuận"
    assert p.start_urls == ["https://bdv.example.vn/tin-tuc/", "https://bdv.example.vn/page/2"]
    assert p.hints == {"title": "h1.entry-title", "body": "div.entry-content"}
    assert p.allows("/tin-tuc/a-1.html") and not p.allows("/tag/x") and not p.allows("/khac/")
    assert p.max_pages == 50 and p.enabled is False
    d = p.to_dict()
    assert d["legacy_province"] == "Bình Thuận" and d["start"] == list(p.start)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('source =', 'colour = "red"\nsource ='), "unknown key"),
        (lambda t: t.replace(HOME, 'url = "ftp://bdv.example.vn/"'), "scheme"),
        (lambda t: t.replace(HOME, 'url = "https:///nohost"'), "host"),
        (lambda t: t.replace(HOME, 'url = "bdv.example.vn"'), "scheme"),
        (lambda t: t.replace(HOME, 'url = "https://bad host.vn/"'), "whitespace"),
        (lambda t: t.replace('"Lai Châu"', '"Atlantis"'), "unknown province"),
        (lambda t: t.replace('source = "https://example.org/page"', 'source = "seen somewhere"'), "source"),
        (lambda t: t.replace('source = "https://example.org/page"\n', ""), "missing required"),
        (lambda t: t + t, "duplicate name"),
        (lambda t: t.replace('source =', 'cms = "plone"\nsource ='), "cms"),
        (lambda t: t.replace('source =', 'legacy_province = "Bình Thuận"\nsource ='), "became"),
        (lambda t: t.replace('source =', 'start = "/tin-tuc/"\nsource ='), "list"),
        (lambda t: t.replace('source =', 'start = ["https://other.vn/x"]\nsource ='), "start"),
        (lambda t: t.replace('source =', 'hints = { headline = "h1" }\nsource ='), "unknown hint"),
        (lambda t: t.replace('source =', 'deny = ["("]\nsource ='), "bad regex"),
        (lambda t: t.replace('source =', 'max_pages = 0\nsource ='), "max_pages"),
        (lambda t: t.replace('name = "bdv-test"', 'name = "BDV Test"'), "name"),
        (lambda t: t + "\n[extra]\nx = 1\n", "top-level"),
        (lambda t: t.replace('[[site]]', '[[site]]\nname2 = 1', 1).replace("name2 = 1\n", "name2 = [\n"),
         "invalid TOML"),
    ],
)
def test_invalid_entries(tmp_path, change, message):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    text = str(info.value)
    assert message.lower() in text.lower(), text
    assert str(path) in text  # the file is named


def test_error_names_the_entry(tmp_path):
    path = write(tmp_path, GOOD.replace('"Lai Châu"', '"Atlantis"'))
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert info.value.entry == "bdv-test" and "bdv-test" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "nope.toml")


def test_env_var_selects_registry(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_REGISTRY", str(write(tmp_path, GOOD)))
    assert [p.name for p in load_registry()] == ["bdv-test"]


# ----------------------------------------------------------------------------------------- ad hoc

@pytest.mark.parametrize(
    ("url", "name", "province", "legacy"),
    [
        ("https://bdvtu.binhthuan.dcs.vn/", "bdvtu-binhthuan-dcs-vn", "Lâm Đồng", "Bình Thuận"),
        ("nghean.dcs.vn", "nghean-dcs-vn", "Nghệ An", None),
        ("https://tinhuyquangtri.vn/Article/ViewList.aspx", "tinhuyquangtri-vn", "Quảng Trị", None),
        ("https://www.baolaichau.vn", "baolaichau-vn", "Lai Châu", None),
        ("http://example.com/", "example-com", None, None),
    ],
)
def test_profile_for_url(url, name, province, legacy):
    p = profile_for_url(url)
    assert p.name == name and p.province == province and p.legacy_province == legacy
    assert p.cms == "unknown" and p.url.startswith("http")


def test_profile_for_bad_url():
    with pytest.raises(ValueError):
        profile_for_url("ftp://x.vn/")
