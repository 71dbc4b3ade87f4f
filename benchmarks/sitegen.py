"""Generated pages and sites for the speed benchmarks: realistic size and clutter, several CMS families.

Every page is built from a family template (WordPress, Joomla, NukeViet, ASP.NET portal, Liferay) with the
furniture these sites carry: inline styles and scripts, a mega menu, sidebars of titled and dated links
("Tin mới", "Tin đọc nhiều"), a related list, a comment section with its form, a footer with the address.
Body text is random Vietnamese words, so no two articles are near duplicates of each other.

    article_page(rng, family, ...) -> (html, expected)      # one page, for the extraction benchmark
    build_site(root, n_articles, ...) -> SiteInfo           # a static site folder for the crawl benchmark

Deterministic for a given seed. Nothing here is committed output: sites are generated at benchmark time.
"""

from __future__ import annotations

import html
import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

FAMILIES = ("wordpress", "joomla", "nukeviet", "aspnet", "liferay")

WORDS = (
    "công tác dân vận chính quyền nhân dân cán bộ đảng viên tỉnh ủy huyện ủy xã phường thị trấn "
    "phong trào thi đua khéo vận động quần chúng đoàn thể mặt trận tổ quốc hội nông dân phụ nữ cựu chiến binh "
    "thanh niên đồng bào dân tộc thiểu số tôn giáo chức sắc tín đồ biên giới an ninh trật tự xây dựng nông thôn "
    "mới giảm nghèo bền vững kinh tế xã hội văn hóa giáo dục y tế chăm sóc sức khỏe hộ nghèo nhà ở đại đoàn kết "
    "toàn dân tộc quy chế dân chủ cơ sở tiếp xúc cử tri kiến nghị giải quyết khiếu nại tố cáo hội nghị sơ kết "
    "tổng kết triển khai nhiệm vụ năm tháng quý kế hoạch chương trình đề án mô hình hiệu quả điển hình tiên tiến "
    "khen thưởng biểu dương tập thể cá nhân thành tích xuất sắc tuyên truyền phổ biến pháp luật nghị quyết chỉ thị "
    "kết luận bộ chính trị ban bí thư trung ương lãnh đạo chỉ đạo thực hiện kiểm tra giám sát đánh giá kết quả "
    "đạt được hạn chế nguyên nhân giải pháp thời gian tới tiếp tục đẩy mạnh nâng cao chất lượng đổi mới phương thức "
    "nội dung hình thức phù hợp thực tiễn địa phương đơn vị sản xuất chăn nuôi trồng trọt cây lúa cà phê hồ tiêu "
    "cao su chè rừng bảo vệ môi trường đường giao thông điện lưới nước sạch trường học trạm y tế nhà văn hóa "
    "thôn bản tổ dân phố già làng trưởng bản người có uy tín hòa giải mâu thuẫn tranh chấp đất đai ổn định"
).split()
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
GIVEN = ["Minh Đức", "Thu Hà", "Văn Hùng", "Thị Lan", "Quốc Huy", "Hồng Nhung", "Đức Anh", "Thanh Tâm",
         "Ngọc Ánh", "Xuân Trường", "Bảo Ngọc", "Mạnh Cường"]
CATEGORIES = [("tin-hoat-dong", "Tin hoạt động"), ("dan-van-khéo", "Dân vận khéo"),
              ("xay-dung-dang", "Xây dựng Đảng"), ("kinh-te-xa-hoi", "Kinh tế - Xã hội"),
              ("quoc-phong-an-ninh", "Quốc phòng - An ninh"), ("van-hoa", "Văn hóa"),
              ("guong-dien-hinh", "Gương điển hình"), ("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi")]
CATEGORIES = [(unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode(), t) for s, t in CATEGORIES]
PROVINCES = ["Kon Tum", "Lai Châu", "Điện Biên", "Hà Giang", "Bắc Ninh", "Thừa Thiên Huế", "Bình Thuận",
             "Ninh Thuận", "Gia Lai", "Sơn La", "Quảng Trị", "Cà Mau"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng: random.Random, lo: int = 12, hi: int = 30) -> str:
    s = words(rng, rng.randint(lo, hi))
    return s[0].upper() + s[1:] + "."


def title_text(rng: random.Random) -> str:
    s = words(rng, rng.randint(8, 14))
    return s[0].upper() + s[1:]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"


def vn_date(d: datetime, rng: random.Random) -> str:
    return rng.choice([d.strftime("%d/%m/%Y %H:%M"), f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} - {d:%H:%M}",
                       f"Ngày {d:%d/%m/%Y}", f"({d:%d/%m/%Y})"])


# -------------------------------------------------------------------------------------------------
# Furniture
# -------------------------------------------------------------------------------------------------


def style_block(rng: random.Random, n_rules: int) -> str:
    props = ["color:#333", "color:#b30000", "padding:8px 12px", "margin:0 auto", "font-size:14px",
             "line-height:1.6", "display:block", "float:left", "overflow:hidden", "width:100%",
             "border-bottom:1px solid #ddd", "background:#f5f5f5", "font-weight:bold", "text-transform:uppercase"]
    kinds = ["nav", "box", "item", "title", "link", "col", "wrap", "list", "widget", "module"]
    rules = [f".{rng.choice(kinds)}-{i}{{{';'.join(rng.sample(props, 4))}}}" for i in range(n_rules)]
    return "<style type=\"text/css\">\n" + "\n".join(rules) + "\n</style>"


def script_block(rng: random.Random, n_lines: int) -> str:
    lines = ["(function(w,d){var cfg=" + "{" + ",".join(f'"k{i}":"{rng.getrandbits(64):x}"' for i in range(20)) + "};"]
    for i in range(n_lines):
        lines.append(f"  w.__m{i}=function(a,b){{return d.querySelector('#m{i}')&&a+b*{rng.randint(1, 99)}"
                     f"||'{rng.getrandbits(48):x}';}};")
    lines.append("})(window,document);")
    return "<script type=\"text/javascript\">\n" + "\n".join(lines) + "\n</script>"


def menu(rng: random.Random, site: SiteLinks, n_items: int) -> str:
    items = []
    for slug, name in CATEGORIES:
        subs = "".join(f'<li><a href="{site.category_url(slug)}">{esc(name)} - {esc(words(rng, 2))}</a></li>'
                       for _ in range(max(1, n_items // len(CATEGORIES) - 1)))
        items.append(f'<li class="menu-item has-sub"><a href="{site.category_url(slug)}">{esc(name)}</a>'
                     f'<ul class="sub-menu">{subs}</ul></li>')
    return ('<nav class="main-nav navbar" id="menu"><ul class="menu">'
            f'<li class="menu-item"><a href="{site.home}">Trang chủ</a></li>' + "".join(items) + "</ul></nav>")


def link_box(rng: random.Random, site: SiteLinks, heading: str, n: int, now: datetime, cls: str) -> str:
    lis = []
    for _ in range(n):
        url, t = site.random_article(rng)
        d = now - timedelta(hours=rng.randint(1, 2000))
        lis.append(f'<li><a href="{url}" title="{esc(t)}">{esc(t)}</a> <span class="date">({d:%d/%m/%Y})</span></li>')
    return (f'<div class="widget {cls}"><h3 class="widget-title">{esc(heading)}</h3>'
            f'<ul class="list-news">{"".join(lis)}</ul></div>')


def sidebar(rng: random.Random, site: SiteLinks, now: datetime, n_boxes: int) -> str:
    heads = ["Tin mới", "Tin đọc nhiều", "Tin nổi bật", "Văn bản mới", "Gương người tốt việc tốt", "Thông báo",
             "Chuyên đề", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]
    boxes = [link_box(rng, site, heads[i % len(heads)], 10, now, f"box-{i}") for i in range(n_boxes)]
    boxes.append('<div class="widget poll"><h3>Thăm dò ý kiến</h3><form><label><input type="radio" name="p">'
                 'Rất hữu ích</label><label><input type="radio" name="p">Bình thường</label>'
                 '<button>Biểu quyết</button></form></div>'
                 '<div class="widget stats"><h3>Thống kê truy cập</h3><p>Đang truy cập: 123</p>'
                 f'<p>Tổng lượt truy cập: {rng.randint(10**5, 10**7):,}</p></div>')
    return '<aside class="sidebar col-md-4" id="sidebar">' + "".join(boxes) + "</aside>"


def comments(rng: random.Random, now: datetime, n: int) -> str:
    items = "".join(
        f'<li class="comment"><div class="comment-author"><b>{esc(person(rng))}</b> '
        f'<span class="comment-date">{(now + timedelta(hours=i + 1)):%d/%m/%Y %H:%M}</span></div>'
        f"<p>{esc(sentence(rng, 8, 20))}</p></li>"
        for i in range(n)
    )
    return ('<div id="comments" class="comments-area"><h3 class="comments-title">Ý kiến bạn đọc</h3>'
            f'<ol class="comment-list">{items}</ol><div id="respond"><h3>Bình luận</h3>'
            '<form class="comment-form"><textarea name="comment"></textarea><input name="author" '
            'placeholder="Họ tên"><input name="email" placeholder="Email"><button>Gửi bình luận</button>'
            "</form></div></div>")


def footer(province: str) -> str:
    return ('<footer id="footer" class="site-footer"><div class="container">'
            f"<p>Bản quyền thuộc Tỉnh ủy {esc(province)}</p><p>Chịu trách nhiệm nội dung: Trưởng Ban Dân vận</p>"
            f"<p>Địa chỉ: Số 223, đường Nguyễn Huệ, tỉnh {esc(province)}. Điện thoại: 0260.3862.xxx</p>"
            "<p>Giấy phép số 117/GP-TTĐT do Sở Thông tin và Truyền thông cấp</p>"
            '<ul class="footer-links"><li><a href="/">Trang chủ</a></li><li><a href="/lien-he/">Liên hệ</a></li>'
            '<li><a href="/so-do-website/">Sơ đồ website</a></li></ul></div></footer>')


# -------------------------------------------------------------------------------------------------
# URLs of a site (the crawl site is NukeViet-shaped; the extraction pages use each family's shape)
# -------------------------------------------------------------------------------------------------


@dataclass
class SiteLinks:
    home: str  # absolute or "/"
    family: str
    titles: list[str]  # article titles by index
    cats: list[str]  # category slug by article index

    def article_url(self, i: int) -> str:
        slug = "-".join(slugify(self.titles[i]).split("-")[:8])
        aid = 1000 + i
        cat = self.cats[i]
        base = self.home.rstrip("/")
        f = self.family
        if f == "wordpress":
            d = datetime(2024, 1, 1) + timedelta(hours=7 * i)
            return f"{base}/{d:%Y/%m/%d}/{slug}/"
        if f == "joomla":
            return f"{base}/index.php/{cat}/{aid}-{slug}.html"
        if f == "aspnet":
            return f"{base}/Tin-tuc/post/{aid}/{slug}"
        if f == "liferay":
            return f"{base}/web/guest/{cat}/-/view_content/{slug}?id={aid}"
        return f"{base}/tin-tuc/{cat}/{slug}-{aid}.html"  # nukeviet

    def category_url(self, cat: str, page: int = 1) -> str:
        base = self.home.rstrip("/")
        return f"{base}/tin-tuc/{cat}/" + (f"page-{page}/" if page > 1 else "")

    def random_article(self, rng: random.Random) -> tuple[str, str]:
        i = rng.randrange(len(self.titles))
        return self.article_url(i), self.titles[i]


# -------------------------------------------------------------------------------------------------
# Pages
# -------------------------------------------------------------------------------------------------


def _content_markup(family: str, title: str, date: datetime, date_text: str, paragraphs: list[str],
                    byline: str, rng: random.Random) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs[1:])
    lead = esc(paragraphs[0])
    figure = (f'<figure class="image"><img src="/uploads/{rng.getrandbits(32):x}.jpg" alt="">'
              f"<figcaption>{esc(sentence(rng, 6, 12))} Ảnh: {esc(person(rng))}</figcaption></figure>")
    credit = f'<p style="text-align:right"><strong>{esc(byline)}</strong></p>'
    share = ('<div class="share-tools"><a href="#">Chia sẻ</a> <a href="#">In bài này</a> '
             '<a href="#">Gửi bài này</a> <span>Lượt xem: 1.234</span></div>')
    if family == "wordpress":
        return (f'<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{esc(title)}'
                f'</h1><div class="entry-meta"><time class="entry-date published" datetime="{date.isoformat()}">'
                f'{esc(date_text)}</time></div></header><div class="entry-content"><p><strong>{lead}</strong></p>'
                f"{figure}{body}{credit}</div>{share}</article>")
    if family == "joomla":
        return (f'<div class="item-page" itemscope itemtype="https://schema.org/Article">'
                f'<div class="page-header"><h2 itemprop="headline">{esc(title)}</h2></div>'
                f'<dl class="article-info"><dd class="published"><time datetime="{date.isoformat()}" '
                f'itemprop="datePublished">{esc(date_text)}</time></dd></dl>'
                f'<div itemprop="articleBody"><p>{lead}</p>{figure}{body}{credit}</div>{share}</div>')
    if family == "aspnet":
        return (f'<div class="ArticleDetail"><h2 class="ArticleTitle">{esc(title)}</h2>'
                f'<span class="ArticleDate">{esc(date_text)}</span><div class="ArticleSummary"><b>{lead}</b></div>'
                f'<div class="ArticleContent">{figure}{body}{credit}</div>{share}</div>')
    if family == "liferay":
        return (f'<div class="portlet-body"><h3 class="title-detail">{esc(title)}</h3>'
                f'<div class="date-detail">{esc(date_text)}</div><div class="journal-content-article">'
                f"<p><b>{lead}</b></p>{figure}{body}{credit}</div>{share}</div>")
    return (f'<div class="news_detail"><h1 class="title">{esc(title)}</h1><span class="h-date">{esc(date_text)}'
            f'</span><div class="hometext"><strong>{lead}</strong></div><div id="news-bodyhtml" class="bodytext">'
            f"{figure}{body}{credit}</div>{share}</div>")


def _wrap(rng: random.Random, site: SiteLinks, province: str, head_title: str, head_extra: str, main: str,
          now: datetime, target_kb: int, n_sidebar: int) -> str:
    head = (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{esc(head_title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">' + head_extra
            + style_block(rng, rng.randint(60, 110)) + script_block(rng, rng.randint(20, 50)) + "</head>")
    top = (f'<body class="{site.family}"><div id="wrapper"><header id="header"><div class="logo">'
           f'<a href="{site.home}"><img src="/logo.png" alt="Tỉnh ủy {esc(province)}"></a></div>'
           f'<div class="banner">BAN DÂN VẬN TỈNH ỦY {esc(province.upper())}</div>'
           '<form class="search" action="/tim-kiem/"><input name="q"><button>Tìm kiếm</button></form></header>'
           + menu(rng, site, rng.randint(80, 160)))
    tail = footer(province) + script_block(rng, rng.randint(10, 30)) + "</div></body></html>"
    page = head + top + f'<div id="main" class="container"><div class="col-md-8 content">{main}</div>'
    side = sidebar(rng, site, now, n_sidebar)
    size = len((page + side + "</div>" + tail).encode())
    target = target_kb * 1024
    extra = []
    while size < target - 3000:  # more furniture first, then an inline script for the rest
        box = link_box(rng, site, "Liên kết website", 10, now, "links")
        extra.append(box)
        size += len(box.encode())
    pad = ""
    if size < target:
        pad = "<script>var __ads=" + repr("x" * (target - size - 30)) + ";</script>"
    return page + side.replace("</aside>", "".join(extra) + "</aside>") + "</div>" + pad + tail


def article_page(rng: random.Random, site: SiteLinks, i: int, *, province: str, target_kb: int,
                 date: datetime | None = None) -> tuple[str, dict]:
    """One article page (``site.titles[i]``) and what an extractor should find on it."""
    title = site.titles[i]
    date = date or datetime(2024, 1, 1, 7, 30) + timedelta(hours=7 * i)
    date_text = vn_date(date, rng)
    paragraphs = [sentence(rng, 25, 45)] + [" ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
                                            for _ in range(rng.randint(7, 14))]
    byline = person(rng)
    url = site.article_url(i)
    head_extra = (f'<meta property="og:title" content="{esc(title)}"><meta property="og:type" content="article">'
                  f'<link rel="canonical" href="{esc(url)}">')
    if site.family in ("wordpress", "nukeviet"):
        head_extra += f'<meta property="article:published_time" content="{date.isoformat()}">'
    content = _content_markup(site.family, title, date, date_text, paragraphs, byline, rng)
    related = link_box(rng, site, "Tin liên quan", 8, date, "related-news")
    main = (f'<div class="breadcrumb"><a href="{site.home}">Trang chủ</a> » '
            f'<a href="{site.category_url(site.cats[i])}">{esc(site.cats[i])}</a></div>'
            + content + related + comments(rng, date, rng.randint(3, 8)))
    page = _wrap(rng, site, province, f"{title} - Ban Dân vận Tỉnh ủy {province}", head_extra, main, date,
                 target_kb, rng.randint(3, 5))
    expected = {"url": url, "title": title, "published_at": date.isoformat(), "body_first": paragraphs[0],
                "body_last": paragraphs[-1], "byline": byline}
    return page, expected


def listing_page(rng: random.Random, site: SiteLinks, cat: str, page: int, pages: int, items: list[int],
                 *, province: str, target_kb: int, now: datetime) -> str:
    lis = []
    for i in items:
        d = datetime(2024, 1, 1, 7, 30) + timedelta(hours=7 * i)
        lis.append(f'<div class="news-item"><h3><a href="{site.article_url(i)}">{esc(site.titles[i])}</a></h3>'
                   f'<span class="date">{d:%d/%m/%Y %H:%M}</span><p class="sapo">{esc(sentence(rng, 20, 35))}'
                   "</p></div>")
    window = range(max(1, page - 3), min(pages, page + 3) + 1)
    nav = "".join(f'<a href="{site.category_url(cat, n)}">{n}</a>' if n != page else f"<span>{n}</span>"
                  for n in window)
    if page < pages:
        nav += f'<a href="{site.category_url(cat, page + 1)}">Trang sau</a>'
    main = f'<h1 class="cat-title">{esc(cat)}</h1><div class="news-list">{"".join(lis)}</div>' \
           f'<div class="pagination">{nav}</div>'
    return _wrap(rng, site, province, f"{cat} - trang {page}", "", main, now, target_kb, 3)


def home_page(rng: random.Random, site: SiteLinks, latest: list[int], *, province: str, target_kb: int,
              now: datetime) -> str:
    lis = "".join(f'<li><a href="{site.article_url(i)}">{esc(site.titles[i])}</a></li>' for i in latest)
    main = f'<div class="home-latest"><h2>Tin mới nhất</h2><ul>{lis}</ul></div>'
    return _wrap(rng, site, province, f"Ban Dân vận Tỉnh ủy {province}", "", main, now, target_kb, 3)


# -------------------------------------------------------------------------------------------------
# The extraction page set and the crawl site
# -------------------------------------------------------------------------------------------------


def extraction_pages(n: int = 500, seed: int = 7, kb: tuple[int, int] = (60, 120)) -> list[tuple[str, str, dict]]:
    """``n`` article pages over every family: (html, url, expected)."""
    rng = random.Random(seed)
    out = []
    per_family = {}
    for f in FAMILIES:
        titles = [title_text(rng) for _ in range(300)]
        cats = [rng.choice(CATEGORIES)[0] for _ in titles]
        per_family[f] = SiteLinks(f"https://{f}.example.vn/", f, titles, cats)
    for k in range(n):
        site = per_family[FAMILIES[k % len(FAMILIES)]]
        page, exp = article_page(rng, site, k % 300, province=rng.choice(PROVINCES), target_kb=rng.randint(*kb))
        out.append((page, exp["url"], exp))
    return out


@dataclass
class SiteInfo:
    root: Path
    articles: int
    listings: int
    article_urls: list[str]


def build_site(root: Path, n_articles: int, *, seed: int = 11, kb: int = 75, per_page: int = 20) -> SiteInfo:
    """A NukeViet-shaped site folder: home, category listings with pagination, articles, robots, sitemap.

    URLs are root-relative (the server's port is not known yet), except in the sitemap, which uses
    ``{{BASE}}`` for the caller to replace (see :func:`set_base`).
    """
    rng = random.Random(seed)
    titles = [title_text(rng) for _ in range(n_articles)]
    cats = [CATEGORIES[i % len(CATEGORIES)][0] for i in range(n_articles)]
    site = SiteLinks("/", "nukeviet", titles, cats)
    province = rng.choice(PROVINCES)
    now = datetime(2024, 1, 1) + timedelta(hours=7 * n_articles)
    root.mkdir(parents=True, exist_ok=True)
    urls = []
    for i in range(n_articles):
        page, exp = article_page(rng, site, i, province=province, target_kb=kb)
        path = root / exp["url"].lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        urls.append(exp["url"])
    listings = 0
    for slug, _name in CATEGORIES:
        items = [i for i in range(n_articles - 1, -1, -1) if cats[i] == slug]  # newest first
        pages = max(1, -(-len(items) // per_page))
        for p in range(1, pages + 1):
            html_text = listing_page(rng, site, slug, p, pages, items[(p - 1) * per_page: p * per_page],
                                     province=province, target_kb=kb, now=now)
            d = root / site.category_url(slug, p).lstrip("/")
            d.mkdir(parents=True, exist_ok=True)
            (d / "index.html").write_text(html_text, encoding="utf-8")
            listings += 1
    latest = list(range(n_articles - 1, max(-1, n_articles - 31), -1))
    (root / "index.html").write_text(home_page(rng, site, latest, province=province, target_kb=kb, now=now),
                                     encoding="utf-8")
    for path, heading in (("lien-he", "Liên hệ"), ("so-do-website", "Sơ đồ website")):  # the footer's links
        (root / path).mkdir(exist_ok=True)
        (root / path / "index.html").write_text(
            home_page(rng, site, [], province=province, target_kb=kb, now=now).replace("Tin mới nhất", heading),
            encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\nSitemap: {{BASE}}/sitemap.xml\n")
    sm = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for i, u in enumerate(urls):
        d = datetime(2024, 1, 1, 7, 30) + timedelta(hours=7 * i)
        sm.append(f"<url><loc>{{{{BASE}}}}{u}</loc><lastmod>{d:%Y-%m-%d}</lastmod></url>")
    sm.append("</urlset>")
    (root / "sitemap.xml").write_text("\n".join(sm), encoding="utf-8")
    return SiteInfo(root, n_articles, listings + 3, urls)


def set_base(root: Path, base: str) -> None:
    """Put the server's address into the files that need absolute URLs (robots.txt, sitemap.xml)."""
    for name in ("robots.txt", "sitemap.xml"):
        f = root / name
        f.write_text(f.read_text(encoding="utf-8").replace("{{BASE}}", base), encoding="utf-8")
