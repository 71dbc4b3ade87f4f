"""Vietnam's provinces: the 34 current ones (since the 2025 merger) and the 63 before it.

Resolution 202/2025/QH15 (12 June 2025, in force 1 July 2025) merged the 63 provincial-level
units into 34: 6 centrally-run cities and 28 provinces. Eleven units were left as they were
(Thừa Thiên Huế had already become the city of Huế on 1 January 2025); every other current
province absorbed one or two neighbours and usually kept the name of one of them.

Sites keep the province they declare: an old site of a merged-away province (Bình Thuận, say)
is stored with its current province (Lâm Đồng) and its legacy one. ``normalize_province``
folds spellings ("Thừa Thiên Huế", "thua thien hue", "TP.HCM", "Hoà"/"Hòa", NFD input,
domain-like "binhthuan") to the canonical current name.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CURRENT_PROVINCES",
    "CITIES",
    "LEGACY_PROVINCES",
    "LEGACY_TO_CURRENT",
    "MERGED_FROM",
    "current_province",
    "fold",
    "is_known",
    "is_legacy",
    "normalize_legacy",
    "normalize_province",
    "province_slug",
]

# The 34 provincial-level units in force since 1 July 2025, canonical spelling (NFC, "Hòa" with the
# mark on the o). The city of Hồ Chí Minh is "Hồ Chí Minh" here; "TP. Hồ Chí Minh" is its display form.
CURRENT_PROVINCES: tuple[str, ...] = (
    # unchanged
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    # merged
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)

# Centrally-run cities (thành phố trực thuộc trung ương) among the current units.
CITIES: frozenset[str] = frozenset({"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"})

# Current unit -> the pre-2025 units it was formed from (itself included when it existed before).
MERGED_FROM: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Hà Nội",),
    "Huế": ("Thừa Thiên Huế",),
    "Lai Châu": ("Lai Châu",),
    "Điện Biên": ("Điện Biên",),
    "Sơn La": ("Sơn La",),
    "Lạng Sơn": ("Lạng Sơn",),
    "Quảng Ninh": ("Quảng Ninh",),
    "Thanh Hóa": ("Thanh Hóa",),
    "Nghệ An": ("Nghệ An",),
    "Hà Tĩnh": ("Hà Tĩnh",),
    "Cao Bằng": ("Cao Bằng",),
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}

# The 63 units before 1 July 2025, each mapped to its current unit.
LEGACY_TO_CURRENT: dict[str, str] = {
    legacy: current for current, olds in MERGED_FROM.items() for legacy in olds
}
LEGACY_PROVINCES: tuple[str, ...] = ()  # filled below, sorted by folded name

# Extra spellings, abbreviations and former names (folded on lookup). Keys map to a legacy or
# current canonical name.
_ALIASES: dict[str, str] = {
    "tp hcm": "Hồ Chí Minh",
    "tphcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh",
    "hcmc": "Hồ Chí Minh",
    "tp ho chi minh": "Hồ Chí Minh",
    "ho chi minh city": "Hồ Chí Minh",
    "sai gon": "Hồ Chí Minh",
    "saigon": "Hồ Chí Minh",
    "hochiminhcity": "Hồ Chí Minh",
    "ba ria vung tau": "Bà Rịa - Vũng Tàu",
    "brvt": "Bà Rịa - Vũng Tàu",
    "br vt": "Bà Rịa - Vũng Tàu",
    "baria vungtau": "Bà Rịa - Vũng Tàu",
    "tt hue": "Thừa Thiên Huế",
    "tthue": "Thừa Thiên Huế",
    "thua thien": "Thừa Thiên Huế",
    "hue city": "Huế",
    "hanoi": "Hà Nội",
    "ha noi capital": "Hà Nội",
    "thu do ha noi": "Hà Nội",
    "danang": "Đà Nẵng",
    "haiphong": "Hải Phòng",
    "cantho": "Cần Thơ",
    "daklak": "Đắk Lắk",
    "dac lac": "Đắk Lắk",
    "daclac": "Đắk Lắk",
    "dak lak": "Đắk Lắk",
    "daknong": "Đắk Nông",
    "dac nong": "Đắk Nông",
    "dak nong": "Đắk Nông",
    "backan": "Bắc Kạn",
    "bac can": "Bắc Kạn",
    "baccan": "Bắc Kạn",
    "kontum": "Kon Tum",
    "khanh hoa": "Khánh Hòa",
    "thanh hoa": "Thanh Hóa",
    "hoa binh": "Hòa Bình",
}

_PREFIX_RE = re.compile(
    r"^(?:tinh|thanh pho truc thuoc trung uong|thanh pho|tp|t p|tx|city of|province of)\s+"
)
_SUFFIX_RE = re.compile(r"\s+(?:province|city)$")


def fold(text: str) -> str:
    """Lowercase ASCII key for matching: NFC, Eth→Đ, diacritics off, punctuation to spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = text.replace("\u0110", "D").replace("\u0111", "d")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = ascii_text.lower()
    ascii_text = re.sub(r"[^a-z0-9]+", " ", ascii_text)
    return " ".join(ascii_text.split())


def _candidates(key: str) -> list[str]:
    """The key, then the key with one more administrative prefix/suffix taken off at each step."""
    out = [key]
    prev = None
    while prev != key:
        prev = key
        key = _SUFFIX_RE.sub("", _PREFIX_RE.sub("", key))
        if key != prev:
            out.append(key)
    return out


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(key: str, target: str) -> None:
        for k in (key, key.replace(" ", "")):
            if not k:
                continue
            existing = index.get(k)
            if existing is not None and existing != target:
                raise AssertionError(f"province key collision: {k!r} -> {existing!r} / {target!r}")
            index[k] = target

    for name in LEGACY_TO_CURRENT:
        add(fold(name), name)
    for name in CURRENT_PROVINCES:
        if fold(name) not in index:
            add(fold(name), name)
    # "Huế" is both the current city and (folded) the tail of "Thừa Thiên Huế": map to the city.
    for alias, target in _ALIASES.items():
        add(fold(alias), target)
    return index


_INDEX = _build_index()
LEGACY_PROVINCES = tuple(sorted(LEGACY_TO_CURRENT, key=fold))


def _lookup(text: str) -> str | None:
    """Return the canonical legacy-or-current name a spelling refers to, or None."""
    if not text or not text.strip():
        return None
    key = fold(text)
    for candidate in _candidates(key):
        for k in (candidate, candidate.replace(" ", "")):
            hit = _INDEX.get(k)
            if hit is not None:
                return hit
    return None


def normalize_province(text: str | None) -> str | None:
    """Map any spelling of a province (current or pre-2025) to its canonical *current* name.

    >>> normalize_province("Thừa Thiên Huế")
    'Huế'
    >>> normalize_province("TP.HCM")
    'Hồ Chí Minh'
    >>> normalize_province("binh thuan")
    'Lâm Đồng'
    """
    if text is None:
        return None
    hit = _lookup(text)
    if hit is None:
        return None
    if hit in LEGACY_TO_CURRENT:
        return LEGACY_TO_CURRENT[hit]
    return hit


def normalize_legacy(text: str | None) -> str | None:
    """Map a spelling to one of the 63 pre-2025 names ("thua thien hue" -> "Thừa Thiên Huế").

    "Huế" on its own is the current city: it maps to its legacy unit "Thừa Thiên Huế".
    """
    if text is None:
        return None
    hit = _lookup(text)
    if hit is None:
        return None
    if hit in LEGACY_TO_CURRENT:
        return hit
    if hit == "Huế":
        return "Thừa Thiên Huế"
    return None


def current_province(legacy: str) -> str | None:
    """The current unit a pre-2025 province belongs to ("Bình Thuận" -> "Lâm Đồng"); any spelling."""
    return normalize_province(legacy) if normalize_legacy(legacy) is not None else None


def is_known(name: str | None) -> bool:
    """True for any recognised spelling of a current or pre-2025 province."""
    return name is not None and _lookup(name) is not None


def is_legacy(name: str | None) -> bool:
    """True when *name* is exactly one of the 63 canonical pre-2025 names."""
    return name in LEGACY_TO_CURRENT


def province_slug(name: str) -> str:
    """ASCII slug of a province name: "Thừa Thiên Huế" -> "thuathienhue" (as in host names)."""
    return fold(name).replace(" ", "")
