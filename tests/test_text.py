"""normalize_text: NFC, Ð→Đ, nbsp, zero-width, whitespace (shared with dedup)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from danvan_crawler.extraction import extract_article, normalize_text
from danvan_crawler.extraction.text import fold_key, is_noise_line


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Đảng bộ tỉnh Điện Biên")
    assert nfd != "Đảng bộ tỉnh Điện Biên"
    assert normalize_text(nfd) == "Đảng bộ tỉnh Điện Biên"


def test_eth_folds_to_d_with_stroke() -> None:
    assert normalize_text("\u00d0ảng ủy xã") == "Đảng ủy xã"
    assert normalize_text("\u00f0ồng chí") == "đồng chí"


def test_spaces_and_zero_width() -> None:
    assert normalize_text("Tác giả:\u00a0\u200bBBT") == "Tác giả: BBT"
    assert normalize_text("  a \t\n b\u202fc\ufeff\u00ad ") == "a b c"
    assert normalize_text(None) == ""


def test_fold_key_for_furniture_matching() -> None:
    assert fold_key("BÌNH LUẬN:") == fold_key("Bình luận")


def test_noise_lines() -> None:
    assert is_noise_line("***") and is_noise_line("DSC_0123.JPG") and is_noise_line("…")
    assert not is_noise_line("Ban Dân vận")


@given(st.text())
def test_normalize_is_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert "\u00a0" not in once and "\u200b" not in once and "\u00d0" not in once
    assert unicodedata.is_normalized("NFC", once)


def test_extracted_fields_are_normalized() -> None:
    nfd = unicodedata.normalize("NFD", "Hội nghị \u00d0ảng ủy khối")
    body = "".join(
        f"<p>{nfd}\u00a0lần thứ {i}, với\u200b nhiều nội dung quan trọng về công tác dân vận ở cơ sở.</p>"
        for i in range(3)
    )
    html = f"<html><body><h1>{nfd}</h1><div class='entry-content'>{body}</div></body></html>"
    art = extract_article(html.encode("utf-8"), "https://x.vn/a-123.html")
    assert art.title == "Hội nghị Đảng ủy khối"
    assert art.body.startswith("Hội nghị Đảng ủy khối lần thứ 0, với nhiều")
    for text in (art.title, art.body, art.lead):
        assert unicodedata.is_normalized("NFC", text) and "\u00a0" not in text and "\u200b" not in text
