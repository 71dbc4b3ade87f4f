"""Text normalization shared by extraction and deduplication.

Vietnamese pages arrive in mixed Unicode forms: some servers store decomposed (NFD) diacritics, some
editors type the Icelandic Eth ``Ð`` (U+00D0) where ``Đ`` (U+0110) is meant, and copy-pasted text carries
non-breaking and zero-width spaces. Everything we store, hash or compare goes through
:func:`normalize_text` so that two copies of one article look the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that look like "Đ"/"đ" but are not: the Icelandic Eth (upper and lower case). Folded so that
# "ÐẢNG" and "ĐẢNG" are one word for storage, search and dedup.
ETH_FOLD = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})

# Invisible characters that editors paste in: zero-width space/joiners, word joiner, BOM, soft hyphen.
# They split words for search and change content hashes without changing what a reader sees.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Every kind of horizontal/vertical whitespace (nbsp, narrow nbsp, figure space, ideographic space, tabs,
# newlines) collapses to one plain space: layout, not content.
_SPACE_RE = re.compile(r"[\s\u00a0\u202f\u2007\u3000]+")


def normalize_text(s: str | None) -> str:
    """NFC, fold Ð→Đ, drop zero-width characters, collapse all whitespace to single spaces, strip."""
    if not s:
        return ""
    if not s.isascii():  # the fast path matters: this runs on every text node of every page
        s = unicodedata.normalize("NFC", s)
        if "\u00d0" in s or "\u00f0" in s:
            s = s.translate(ETH_FOLD)
        s = _ZERO_WIDTH_RE.sub("", s)
    return _SPACE_RE.sub(" ", s).strip()


@lru_cache(maxsize=8192)
def fold_key(s: str) -> str:
    """A matching key: normalized, lower-cased, trailing punctuation and colons dropped.

    Used to compare printed furniture ("BÌNH LUẬN", "Bình luận:") with the named phrase lists.
    """
    return normalize_text(s).casefold().strip(" :.-–—|»«>•*")


# A paragraph made only of punctuation/dashes/bullets ("...", "***", "-----"): decoration, not text.
_PUNCT_ONLY_RE = re.compile(r"^[\W_]+$")
# Image file names that leak into text when an <img> alt/title is rendered as text ("DSC_1234.jpg").
_FILENAME_RE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)


def is_noise_line(s: str) -> bool:
    """True for lines that carry no text: punctuation only, or a leaked image file name."""
    return not s or bool(_PUNCT_ONLY_RE.match(s)) or bool(_FILENAME_RE.match(s))
