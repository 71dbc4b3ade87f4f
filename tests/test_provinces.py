"""The province table: 34 current units, 63 legacy ones, the 2025 mapping, spelling normalisation."""

from __future__ import annotations

import unicodedata

import pytest

from danvan_crawler.provinces import (
    CITIES,
    CURRENT_PROVINCES,
    LEGACY_PROVINCES,
    LEGACY_TO_CURRENT,
    MERGED_FROM,
    current_province,
    is_known,
    normalize_legacy,
    normalize_province,
    province_slug,
)


def test_counts():
    assert len(CURRENT_PROVINCES) == 34
    assert len(set(CURRENT_PROVINCES)) == 34
    assert len(LEGACY_PROVINCES) == 63
    assert len(set(LEGACY_PROVINCES)) == 63
    assert len(CITIES) == 6 and CITIES <= set(CURRENT_PROVINCES)


def test_every_legacy_maps_to_a_current_one():
    assert set(LEGACY_TO_CURRENT) == set(LEGACY_PROVINCES)
    for legacy, current in LEGACY_TO_CURRENT.items():
        assert current in CURRENT_PROVINCES, legacy
    # every current unit is made of at least one legacy unit, and the groups partition the 63
    assert set(MERGED_FROM) == set(CURRENT_PROVINCES)
    assert sum(len(v) for v in MERGED_FROM.values()) == 63
    # 11 units were left as they were (Thừa Thiên Huế only renamed to Huế)
    assert sum(1 for v in MERGED_FROM.values() if len(v) == 1) == 11


def test_names_are_nfc():
    for name in CURRENT_PROVINCES + LEGACY_PROVINCES:
        assert unicodedata.normalize("NFC", name) == name


@pytest.mark.parametrize(
    ("legacy", "current"),
    [
        ("Bình Thuận", "Lâm Đồng"),
        ("Đắk Nông", "Lâm Đồng"),
        ("Quảng Bình", "Quảng Trị"),
        ("Bắc Giang", "Bắc Ninh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Hà Giang", "Tuyên Quang"),
        ("Yên Bái", "Lào Cai"),
        ("Bắc Kạn", "Thái Nguyên"),
        ("Vĩnh Phúc", "Phú Thọ"),
        ("Hòa Bình", "Phú Thọ"),
        ("Thái Bình", "Hưng Yên"),
        ("Hải Dương", "Hải Phòng"),
        ("Nam Định", "Ninh Bình"),
        ("Hà Nam", "Ninh Bình"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Bình Định", "Gia Lai"),
        ("Ninh Thuận", "Khánh Hòa"),
        ("Phú Yên", "Đắk Lắk"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Bình Phước", "Đồng Nai"),
        ("Long An", "Tây Ninh"),
        ("Sóc Trăng", "Cần Thơ"),
        ("Hậu Giang", "Cần Thơ"),
        ("Bến Tre", "Vĩnh Long"),
        ("Trà Vinh", "Vĩnh Long"),
        ("Tiền Giang", "Đồng Tháp"),
        ("Bạc Liêu", "Cà Mau"),
        ("Kiên Giang", "An Giang"),
        ("Nghệ An", "Nghệ An"),
    ],
)
def test_mapping(legacy, current):
    assert LEGACY_TO_CURRENT[legacy] == current
    assert current_province(legacy) == current


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thừa Thiên Huế", "Huế"),
        ("thua thien hue", "Huế"),
        ("Thừa Thiên - Huế", "Huế"),
        ("TT-Huế", "Huế"),
        ("Huế", "Huế"),
        ("Thành phố Huế", "Huế"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("Tp. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("Ho Chi Minh City", "Hồ Chí Minh"),
        ("Sài Gòn", "Hồ Chí Minh"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Khánh Hòa", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("tỉnh Hoà Bình", "Phú Thọ"),
        (unicodedata.normalize("NFD", "Đắk Lắk"), "Đắk Lắk"),
        (unicodedata.normalize("NFD", "Thừa Thiên Huế"), "Huế"),
        ("\u00d0ồng Nai", "Đồng Nai"),  # Icelandic Eth instead of Đ
        ("ĐIỆN BIÊN", "Điện Biên"),
        ("Tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Hà Tĩnh province", "Hà Tĩnh"),
        ("Ha Noi", "Hà Nội"),
        ("Hanoi", "Hà Nội"),
        ("Bà Rịa – Vũng Tàu", "Hồ Chí Minh"),
        ("BR-VT", "Hồ Chí Minh"),
        ("binhthuan", "Lâm Đồng"),
        ("Dak Lak", "Đắk Lắk"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Bắc Cạn", "Thái Nguyên"),
        ("  lai   châu  ", "Lai Châu"),
    ],
)
def test_normalize(text, expected):
    assert normalize_province(text) == expected
    assert is_known(text)


@pytest.mark.parametrize("text", ["", "   ", "Paris", "Tỉnh", "Quảng", "xyz", None])
def test_unknown(text):
    assert normalize_province(text) is None
    assert not is_known(text)


def test_every_canonical_name_normalizes_to_itself_or_its_successor():
    for name in CURRENT_PROVINCES:
        assert normalize_province(name) == name
    for name in LEGACY_PROVINCES:
        assert normalize_province(name) == LEGACY_TO_CURRENT[name]
        assert normalize_legacy(name) == name
        # the ASCII slug used in host names resolves too
        assert normalize_province(province_slug(name)) == LEGACY_TO_CURRENT[name]


def test_normalize_legacy():
    assert normalize_legacy("thua thien hue") == "Thừa Thiên Huế"
    assert normalize_legacy("Huế") == "Thừa Thiên Huế"
    assert normalize_legacy("binh thuan") == "Bình Thuận"
    assert normalize_legacy("nowhere") is None
    assert current_province("nowhere") is None
