# ruff: noqa: E501  (inline HTML fixtures read better unwrapped)
"""Every credit-line shape from docs/sites.md, the sources, and what is not a byline."""

from __future__ import annotations

import pytest

from danvan_crawler.extraction import extract_article
from danvan_crawler.extraction.bylines import is_account, is_agency_tag_lead, parse_credit


@pytest.mark.parametrize(
    ("printed", "byline"),
    [
        ("Tin, ảnh: Minh Hưng", "Minh Hưng"),
        ("Bài và ảnh: Thu Hà", "Thu Hà"),
        ("Bài, ảnh: Hồng Nhung", "Hồng Nhung"),
        ("Tin và ảnh: Lò Hương", "Lò Hương"),
        ("Tin: Ngọc Anh; Ảnh: Văn Tuấn", "Ngọc Anh, Văn Tuấn"),
        ("Bài: Ngọc Anh - Ảnh: Văn Tuấn", "Ngọc Anh, Văn Tuấn"),
        ("Tác giả: Quang Minh (Văn phòng Ban)", "Quang Minh (Văn phòng Ban)"),
        ("Tác giả:\u00a0\u200bBBT", "BBT"),
        ("Nhóm PV", "Nhóm PV"),
        ("PV", "PV"),
        ("BBT", "BBT"),
        ("CTV", "CTV"),
        ("Trần Văn Đời", "Trần Văn Đời"),
        ("LÊ SÁU", "LÊ SÁU"),
        ("T.X", "T.X"),
        ("V.D", "V.D"),
        ("(BL-TQ)", "BL-TQ"),
        ("Bội Phương - VPHU Quảng Điền", "Bội Phương - VPHU Quảng Điền"),
        ("Quang Minh (Văn phòng Ban)", "Quang Minh (Văn phòng Ban)"),
        ("Minh Lý – Ksorr Tuối", "Minh Lý – Ksorr Tuối"),
        ("ThS. Lò Văn Hùng – Khoa Xây dựng Đảng", "ThS. Lò Văn Hùng – Khoa Xây dựng Đảng"),
        ("Tin, ảnh: Minh Hưng, Thu Hà", "Minh Hưng, Thu Hà"),
        ("Minh Hưng và Thu Hà", "Minh Hưng, Thu Hà"),
        ("Ksor H'Nhi", "Ksor H'Nhi"),
    ],
)
def test_byline_shapes(printed: str, byline: str) -> None:
    credit = parse_credit(printed, strict=False)
    assert credit is not None and credit.byline == byline


@pytest.mark.parametrize(
    ("printed", "source"),
    [
        ("Nguồn: Báo Điện Biên Phủ", "Báo Điện Biên Phủ"),
        ("Theo baolaichau.vn", "baolaichau.vn"),
        ("Nguồn tin: Ban Dân vận Tỉnh ủy Lai Châu", "Ban Dân vận Tỉnh ủy Lai Châu"),
        ("(Theo TTXVN)", "TTXVN"),
    ],
)
def test_sources(printed: str, source: str) -> None:
    credit = parse_credit(printed)
    assert credit is not None and credit.source == source and credit.byline is None


def test_byline_with_trailing_source() -> None:
    credit = parse_credit("Minh Hưng (Nguồn: Báo Điện Biên Phủ)")
    assert (credit.byline, credit.source) == ("Minh Hưng", "Báo Điện Biên Phủ")


@pytest.mark.parametrize(
    "line",
    [
        "Theo báo cáo của Đảng ủy xã, quý I, cấp ủy đã lãnh đạo khối dân vận tuyên truyền.",
        "Hội nghị kết thúc tốt đẹp.",
        "Tỉnh ủy Lai Châu",  # a heading, not a name
        "Kết quả nổi bật",
        "",
    ],
)
def test_ordinary_text_is_not_a_credit(line: str) -> None:
    credit = parse_credit(line)
    assert credit is None or credit.byline is None


def test_photo_credit_is_not_a_byline() -> None:
    credit = parse_credit("Ảnh: Văn Tuấn")
    assert credit is not None and credit.photo_only and credit.byline is None


@pytest.mark.parametrize(
    "tag",
    ["(NTO) - Sáng nay", "(QNO) - Chiều 8/7", "BHG - Ngày 8/7", "CTTĐT - Sáng 8/7", "(ĐCSVN) – Ngày 8/7"],
)
def test_agency_tags_are_not_bylines(tag: str) -> None:
    assert is_agency_tag_lead(tag)


@pytest.mark.parametrize("name", ["admin", "bbt", "quantri", "Admin", "editor01", "x@y.vn"])
def test_accounts(name: str) -> None:
    assert is_account(name)


def test_team_words_printed_as_credits_are_not_accounts() -> None:
    assert not is_account("BBT")


BODY = (
    "<p>{lead}Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm 2020 với sự tham "
    "dự của đông đảo cán bộ.</p>"
    "<p>Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ và đề ra phương hướng cho sáu tháng cuối năm, trong "
    "đó chú trọng phong trào thi đua Dân vận khéo ở cơ sở.</p>"
    '<figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị. Ảnh: Văn Tuấn</figcaption></figure>'
    "<p>Các đại biểu thống nhất nhiều giải pháp nâng cao chất lượng công tác dân vận chính quyền.</p>{credit}"
    '<div class="share">Chia sẻ Facebook</div>'
)


def _page(credit: str, lead: str = "", author_meta: str = "") -> str:
    return f"""<html><head><title>Hội nghị sơ kết</title>{author_meta}</head><body>
    <h1 class="entry-title">Hội nghị sơ kết</h1><div class="entry-meta">08/07/2020 <span class="author">
    admin</span></div><div class="entry-content">{BODY.format(lead=lead, credit=credit)}</div>
    <div class="related"><h3>Tin liên quan</h3><ul><li><a href="/b">Tin khác</a></li></ul></div></body></html>"""


@pytest.mark.parametrize(
    ("credit_html", "byline", "source"),
    [
        ('<p style="text-align:right"><strong>Tin, ảnh: Minh Hưng</strong></p>', "Minh Hưng", None),
        ('<p style="text-align: right;"><strong>Trần Văn Đời</strong></p>', "Trần Văn Đời", None),
        ("<p><b>LÊ SÁU</b></p>", "LÊ SÁU", None),
        ('<p align="right">(BL-TQ)</p>', "BL-TQ", None),
        (
            '<p style="text-align:right"><strong>Hoàng Anh</strong><br><em>Ban Dân vận Huyện ủy Mường Tè</em></p>',
            "Hoàng Anh - Ban Dân vận Huyện ủy Mường Tè",
            None,
        ),
        ('<p style="text-align:right"><b>Minh Lý – Ksorr Tuối</b></p>', "Minh Lý – Ksorr Tuối", None),
        (
            '<p style="text-align:right"><b>Thu Hà</b></p><p style="text-align:right"><em>Nguồn: Báo Điện Biên Phủ'
            "</em></p>",
            "Thu Hà",
            "Báo Điện Biên Phủ",
        ),
        ('<p style="text-align:right"><em>Theo baolaichau.vn</em></p>', None, "baolaichau.vn"),
    ],
)
def test_credit_line_in_page(credit_html: str, byline: str | None, source: str | None) -> None:
    art = extract_article(_page(credit_html), "https://bdv.example.vn/2020/07/08/hoi-nghi/")
    assert (art.byline, art.source) == (byline, source)
    last = art.body.split("\n\n")[-1]
    assert last.startswith("Các đại biểu thống nhất")  # the credit line and the share bar are gone
    assert "Tin liên quan" not in art.body and "Chia sẻ" not in art.body
    assert art.captions == ["Quang cảnh hội nghị. Ảnh: Văn Tuấn"]


def test_wordpress_account_is_never_the_byline() -> None:
    art = extract_article(
        _page("", author_meta='<meta name="author" content="admin">'),
        "https://bdv.example.vn/2020/07/08/hoi-nghi/",
    )
    assert art.byline is None


def test_agency_tag_lead_is_not_a_byline() -> None:
    art = extract_article(_page("", lead="(NTO) - "), "https://bdv.example.vn/2020/07/08/hoi-nghi/")
    assert art.byline is None
    assert art.lead.startswith("(NTO) - Ban Dân vận")


def test_byline_hint() -> None:
    page = _page("").replace("</body>", '<div class="tacgia-x">Người viết: Hà Linh</div></body>')
    art = extract_article(page, "https://bdv.example.vn/2020/07/08/hoi-nghi/", hints={"byline": ".tacgia-x"})
    assert art.byline == "Hà Linh"
