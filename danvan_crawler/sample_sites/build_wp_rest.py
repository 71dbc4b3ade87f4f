"""Generate wp_rest/: a small WordPress site (Bắc Ninh) whose REST API is open, fictional sample."""
from __future__ import annotations

import json
from datetime import timezone

from _common import BASE, COUNTER_JS, Site, dt, esc, excerpt, first_sentence, iso, iso_utc, last_sentence, theme_css

SITE_TITLE = "Ban Dân vận Huyện ủy Thuận Thành"
PER_PAGE = 2
CATS = {3: ("tin-hoat-dong", "Tin hoạt động")}

ARTICLES = [
    dict(id=412, slug="thuan-thanh-ra-mat-mo-hinh-dan-van-kheo-bao-ve-moi-truong", date="2023-05-25 00:04:12",
         modified="2023-05-25 07:45:30", views=50,
         title="Thuận Thành ra mắt mô hình “Dân vận khéo” trong bảo vệ môi trường",
         paras=[
             "Ngày 24/5, Ban Dân vận Huyện ủy phối hợp với Ủy ban Mặt trận Tổ quốc huyện ra mắt mô hình “Dân vận khéo” trong phân loại rác thải tại nguồn ở xã Song Hồ.",
             "Theo đó, mỗi hộ gia đình được phát hai thùng đựng rác để phân loại rác hữu cơ và rác vô cơ. Rác hữu cơ được ủ làm phân bón cho cây trồng, giúp giảm đáng kể lượng rác phải vận chuyển đi xử lý.",
             "Chi hội phụ nữ và chi đoàn thanh niên các thôn nhận nhiệm vụ tuyên truyền, hướng dẫn từng hộ. Các tổ tự quản sẽ chấm điểm định kỳ hằng tháng và biểu dương những gia đình làm tốt.",
             "Sau ba tháng triển khai thí điểm, huyện sẽ đánh giá kết quả để nhân rộng mô hình ra các xã, thị trấn khác trên địa bàn.",
         ],
         credit="Bài, ảnh: Nguyễn Thu", byline="Nguyễn Thu", source=None),
    dict(id=405, slug="tap-huan-ky-nang-doi-thoai-voi-nhan-dan-cho-can-bo-co-so", date="2023-05-18 16:37:45",
         modified="2023-05-18 16:37:45", views=73,
         title="Tập huấn kỹ năng đối thoại với nhân dân cho cán bộ cơ sở",
         paras=[
             "Trong hai ngày 17 và 18/5, Ban Dân vận Huyện ủy tổ chức lớp tập huấn kỹ năng đối thoại với nhân dân cho gần 200 cán bộ chủ chốt các xã, thị trấn.",
             "Các học viên được hướng dẫn cách chuẩn bị nội dung, điều hành buổi đối thoại và tiếp nhận, xử lý ý kiến sau đối thoại. Báo cáo viên đã phân tích nhiều tình huống thực tế về đất đai, môi trường và chính sách xã hội.",
             "Lớp tập huấn dành nhiều thời gian cho thực hành theo nhóm, giúp học viên tự tin hơn khi đứng trước đông người. Ban tổ chức đề nghị các xã vận dụng ngay kiến thức đã học trong các buổi đối thoại quý III.",
         ],
         credit="Bội Phương - VPHU Thuận Thành", byline="Bội Phương - VPHU Thuận Thành", source=None),
    dict(id=398, slug="hoi-nong-dan-tuyen-duong-nong-dan-san-xuat-kinh-doanh-gioi", date="2023-05-09 09:12:03",
         modified="2023-05-09 10:02:00", views=128,
         title="Hội Nông dân huyện tuyên dương nông dân sản xuất, kinh doanh giỏi",
         paras=[
             "Sáng 8/5, Hội Nông dân huyện Thuận Thành tổ chức hội nghị tuyên dương 52 hộ nông dân sản xuất, kinh doanh giỏi giai đoạn 2020 – 2023.",
             "Các hộ được tuyên dương đều có mô hình sản xuất hiệu quả như trồng rau an toàn, nuôi cá lồng, chăn nuôi gia cầm theo chuỗi liên kết. Nhiều hộ có thu nhập trên một tỷ đồng mỗi năm, tạo việc làm ổn định cho lao động địa phương.",
             "Phát biểu tại hội nghị, lãnh đạo huyện đề nghị Hội Nông dân tiếp tục đồng hành cùng hội viên trong tiếp cận vốn vay và ứng dụng khoa học kỹ thuật vào sản xuất.",
         ],
         credit="Theo baobacninh.vn", byline=None, source="baobacninh.vn"),
    dict(id=391, slug="doan-cong-tac-lam-viec-tai-xa-tram-lo", date="2023-04-27 14:55:30",
         modified="2023-04-27 14:55:30", views=64,
         title="Đoàn công tác Ban Dân vận Huyện ủy làm việc tại xã Trạm Lộ",
         paras=[
             "Chiều 26/4, đoàn công tác của Ban Dân vận Huyện ủy đã làm việc với Đảng ủy xã Trạm Lộ về kết quả thực hiện quy chế dân chủ ở cơ sở.",
             "Xã đã thực hiện tốt việc công khai các khoản thu, chi và kế hoạch sử dụng đất, lấy ý kiến nhân dân về các công trình xây dựng trên địa bàn. Ban thanh tra nhân dân hoạt động đều đặn, kịp thời phát hiện và kiến nghị những việc chưa đúng.",
             "Đoàn đề nghị xã tiếp tục phát huy vai trò của Mặt trận và các đoàn thể trong giám sát, phản biện xã hội. Xã cần tổ chức đối thoại với nhân dân về công tác giải phóng mặt bằng khu công nghiệp.",
         ],
         credit="Tin: Ngọc Anh; Ảnh: Văn Tuấn", byline="Ngọc Anh, Văn Tuấn", source=None),
]
for a in ARTICLES:
    a["d"] = dt(a["date"])
    a["m"] = dt(a["modified"])
    a["path"] = a["d"].strftime("/%Y/%m/%d/") + a["slug"] + "/"
ARTS = sorted(ARTICLES, key=lambda a: a["d"], reverse=True)
CSS = theme_css("#004d80", "#0277bd")


def texturize(s: str) -> str:
    return s.replace("“", "&#8220;").replace("”", "&#8221;").replace("–", "&#8211;")


def content_html(a) -> str:
    ps = "".join(f"\n<p>{esc(p)}</p>\n" for p in a["paras"])
    return ps + f'\n<p style="text-align: right;"><strong>{esc(a["credit"])}</strong></p>\n'


def head(title, canonical, extra=""):
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="canonical" href="{BASE}{canonical}">
<meta property="og:url" content="{BASE}{canonical}">
<meta property="og:locale" content="vi_VN">
<link rel="https://api.w.org/" href="{BASE}/wp-json/">
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{BASE}/xmlrpc.php?rsd">
{extra}
<style id="thuanthanh-inline-css">{CSS}</style>
<meta name="generator" content="WordPress 6.2.2">
</head>
"""


def header():
    menu = [("/", "Trang chủ"), ("/category/tin-hoat-dong/", "Tin hoạt động"), ("/gioi-thieu/", "Giới thiệu")]
    items = "".join(f'<li class="menu-item"><a href="{u}">{t}</a></li>' for u, t in menu)
    return f"""<body class="home blog">
<div class="topbar"><div class="container"><span class="today">Bắc Ninh – Thuận Thành</span></div></div>
<header class="site-header"><div class="container brand"><a href="/"><img src="/wp-content/uploads/2022/01/logo.png" alt="logo"></a>
<div><div class="name">{SITE_TITLE}</div><div class="sub">Đảng bộ huyện Thuận Thành, tỉnh Bắc Ninh (trang mẫu)</div></div></div></header>
<nav class="main-nav"><div class="container"><ul class="menu">{items}</ul></div></nav>
<div id="content" class="container"><div class="layout"><main class="content-area">
"""


def sidebar(exclude=None):
    li_new = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">{a["d"]:%d/%m/%Y}</span></li>' for a in ARTS if a["id"] != exclude)
    pop = sorted(ARTS, key=lambda a: -a["views"])
    li_pop = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">{a["views"]} lượt xem</span></li>' for a in pop if a["id"] != exclude)
    return f"""</main>
<aside class="sidebar">
<section class="widget"><form role="search" method="get" action="/"><input type="search" name="s" placeholder="Tìm kiếm…"><button type="submit">Tìm</button></form></section>
<section class="widget"><h2 class="widget-title">Tin mới</h2><ul>{li_new}</ul></section>
<section class="widget"><h2 class="widget-title">Tin đọc nhiều</h2><ul>{li_pop}</ul></section>
<section class="widget"><h2 class="widget-title">Văn bản mới</h2><ul>
<li>Kế hoạch số 18-KH/BDVHU về công tác dân vận năm 2023<span class="date">Ban hành: 10/01/2023</span></li>
<li>Hướng dẫn triển khai phong trào thi đua “Dân vận khéo” năm 2023<span class="date">Ban hành: 15/02/2023</span></li>
<li>Chương trình phối hợp giữa Ban Dân vận và Ủy ban nhân dân huyện giai đoạn 2021 – 2025<span class="date">Ban hành: 06/03/2023</span></li></ul></section>
<section class="widget"><h2 class="widget-title">Liên kết website</h2><ul>
<li><a href="http://danvan.vn" target="_blank" rel="noopener">Ban Dân vận Trung ương</a></li>
<li><a href="http://bacninh.gov.vn" target="_blank" rel="noopener">Cổng thông tin điện tử tỉnh Bắc Ninh</a></li>
<li><a href="http://baobacninh.vn" target="_blank" rel="noopener">Báo Bắc Ninh</a></li></ul></section>
</aside></div></div>
<footer class="site-footer"><div class="container cols"><div>
<p><strong>Bản quyền thuộc Ban Dân vận Huyện ủy Thuận Thành</strong> (trang mẫu dùng cho kiểm thử)</p>
<p>Địa chỉ: Thị trấn Hồ, huyện Thuận Thành, tỉnh Bắc Ninh. Điện thoại: 0222.3865.xxx</p>
<p>Giấy phép số 09/GP-STTTT (mẫu).</p></div>
<div class="counter"><h3>Thống kê truy cập</h3><p>Tổng: <b id="visit-counter" data-total="150332">150.332</b></p></div></div></footer>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script>{COUNTER_JS}</script>
</body></html>
"""


def post_meta(a):
    return (f'<div class="entry-meta">Đăng ngày <time class="entry-date published" datetime="{iso(a["d"])}">{a["d"]:%d-%m-%Y %H:%M}</time>'
            f'<time class="updated" datetime="{iso(a["m"])}" hidden>{a["m"]:%d-%m-%Y %H:%M}</time>, Lượt xem: {a["views"]}'
            f' | bởi <a href="/author/bbt/">bbt</a></div>')


def list_item(a):
    return f"""<article class="post-{a['id']} post type-post status-publish hentry"><div><h2 class="entry-title"><a href="{a['path']}" rel="bookmark">{esc(a['title'])}</a></h2>
{post_meta(a)}<div class="entry-summary"><p>{esc(excerpt(a['paras'][0], 35))}</p></div><a class="more-link" href="{a['path']}">Đọc tiếp</a></div></article>
"""


def article_page(a):
    extra = f"""<link rel="alternate" type="application/json" href="{BASE}/wp-json/wp/v2/posts/{a['id']}">
<link rel="shortlink" href="{BASE}/?p={a['id']}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="article:published_time" content="{iso_utc(a['d'])}">
<meta property="article:modified_time" content="{iso_utc(a['m'])}">"""
    others = [x for x in ARTS if x["id"] != a["id"]][:3]
    rel = "".join(f'<li><a href="{x["path"]}">{esc(x["title"])}</a> ({x["d"]:%d/%m/%Y})</li>' for x in others)
    main = f"""<article id="post-{a['id']}" class="post-{a['id']} post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{esc(a['title'])}</h1>{post_meta(a)}</header>
<div class="entry-content">{content_html(a)}</div>
<footer class="entry-footer">Chuyên mục: <a href="/category/tin-hoat-dong/" rel="category tag">Tin hoạt động</a></footer>
</article>
<div class="related"><h3>Tin liên quan</h3><ul>{rel}</ul></div>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">BÌNH LUẬN</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><textarea name="comment" placeholder="Please enter your comment!"></textarea>
<input name="author" type="text" placeholder="Vui lòng nhập tên của bạn ở đây"><input name="submit" type="submit" value="Gửi bình luận"></form></div></div>
"""
    return head(f"{a['title']} – {SITE_TITLE}", a["path"], extra) + header() + main + sidebar(a["id"])


def rest_post(a) -> dict:
    first = a["paras"][0]
    return {
        "id": a["id"], "date": a["d"].strftime("%Y-%m-%dT%H:%M:%S"),
        "date_gmt": a["d"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
        "guid": {"rendered": f"{BASE}/?p={a['id']}"},
        "modified": a["m"].strftime("%Y-%m-%dT%H:%M:%S"),
        "modified_gmt": a["m"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
        "slug": a["slug"], "status": "publish", "type": "post", "link": f"{BASE}{a['path']}",
        "title": {"rendered": texturize(esc(a["title"]).replace("&quot;", '"'))},
        "content": {"rendered": texturize(content_html(a)), "protected": False},
        "excerpt": {"rendered": f"<p>{texturize(esc(excerpt(first, 55)).replace(' […]', ' [&hellip;]'))}</p>\n", "protected": False},
        "author": 2, "featured_media": 0, "comment_status": "open", "ping_status": "open", "sticky": False,
        "template": "", "format": "standard", "meta": [], "categories": [3], "tags": [],
        "_links": {
            "self": [{"href": f"{BASE}/wp-json/wp/v2/posts/{a['id']}"}],
            "collection": [{"href": f"{BASE}/wp-json/wp/v2/posts"}],
            "author": [{"embeddable": True, "href": f"{BASE}/wp-json/wp/v2/users/2"}],
            "wp:term": [{"taxonomy": "category", "embeddable": True, "href": f"{BASE}/wp-json/wp/v2/categories?post={a['id']}"}],
        },
    }


def wp_json(obj) -> str:
    # like wp_json_encode(): ASCII with \u escapes and escaped slashes
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")


def build():
    site = Site("wp_rest", "Ban Dân vận Huyện ủy Thuận Thành, Bắc Ninh (mẫu)", "wordpress", "Bắc Ninh")
    exp = site.expected
    for a in ARTS:
        site.write(a["path"] + "index.html", article_page(a))
        site.write(f"wp-json/posts/{a['id']}.json", wp_json(rest_post(a)))
        site.route(f"/wp-json/wp/v2/posts/{a['id']}", file=f"wp-json/posts/{a['id']}.json", status=200, content_type="application/json; charset=UTF-8")
        site.route(f"/?p={a['id']}", redirect=a["path"], status=301)
        exp["articles"].append({"path": a["path"], "title": a["title"], "published_at": iso(a["d"]), "byline": a["byline"],
                                "source": a["source"], "body_first": first_sentence(a["paras"][0]),
                                "body_last": last_sentence(a["paras"][-1]),
                                "aliases": [f"/?p={a['id']}"], "rest_id": a["id"]})
    chunks = [ARTS[i:i + PER_PAGE] for i in range(0, len(ARTS), PER_PAGE)]
    total, pages = len(ARTS), len(chunks)
    hdr = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    ct = "application/json; charset=UTF-8"
    for n, chunk in enumerate(chunks, 1):
        f = f"wp-json/posts-page-{n}.json"
        site.write(f, wp_json([rest_post(a) for a in chunk]))
        site.route(f"/wp-json/wp/v2/posts?page={n}", file=f, status=200, content_type=ct, headers=hdr)
        site.route(f"/wp-json/wp/v2/posts?per_page={PER_PAGE}&page={n}", file=f, status=200, content_type=ct, headers=hdr)
        if n == 1:
            site.route("/wp-json/wp/v2/posts", file=f, status=200, content_type=ct, headers=hdr)
    site.write("wp-json/posts-all.json", wp_json([rest_post(a) for a in ARTS]))
    hdr_all = {"X-WP-Total": str(total), "X-WP-TotalPages": "1"}
    for q in ("per_page=100", "per_page=100&page=1", "page=1&per_page=100", "per_page=50", "per_page=50&page=1"):
        site.route(f"/wp-json/wp/v2/posts?{q}", file="wp-json/posts-all.json", status=200, content_type=ct, headers=hdr_all)
    site.write("wp-json/index.json", wp_json({
        "name": SITE_TITLE, "description": "Đảng bộ huyện Thuận Thành, tỉnh Bắc Ninh", "url": BASE, "home": BASE,
        "gmt_offset": "7", "timezone_string": "Asia/Ho_Chi_Minh", "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
        "authentication": [], "routes": {"/wp/v2/posts": {"namespace": "wp/v2", "methods": ["GET"],
                                                           "_links": {"self": [{"href": f"{BASE}/wp-json/wp/v2/posts"}]}}}}))
    site.write("wp-json/error-page.json", wp_json({"code": "rest_post_invalid_page_number",
        "message": "S\u1ed1 trang \u0111\u01b0\u1ee3c y\u00eau c\u1ea7u l\u1edbn h\u01a1n s\u1ed1 trang hi\u1ec7n c\u00f3.", "data": {"status": 400}}))
    site.route(f"/wp-json/wp/v2/posts?page={pages + 1}", file="wp-json/error-page.json", status=400, content_type=ct)
    site.route("/wp-json/", file="wp-json/index.json", status=200, content_type=ct)
    site.route("/wp-json", file="wp-json/index.json", status=200, content_type=ct)
    # HTML listings
    for n, chunk in enumerate(chunks, 1):
        p = "/" if n == 1 else f"/page/{n}/"
        nav = " ".join(f'<span class="page-numbers current">{k}</span>' if k == n else f'<a class="page-numbers" href="{"/" if k == 1 else f"/page/{k}/"}">{k}</a>' for k in range(1, pages + 1))
        main = f'<h1 class="page-title">Tin mới nhất{"" if n == 1 else f" – Trang {n}"}</h1><div class="post-list">{"".join(list_item(a) for a in chunk)}</div><nav class="pagination">{nav}</nav>'
        site.write(p + "index.html", head(SITE_TITLE + ("" if n == 1 else f" – Trang {n}"), p) + header() + main + sidebar())
        exp["not_articles"].append(p)
    main = '<h1 class="page-title">Chuyên mục: Tin hoạt động</h1><div class="post-list">' + "".join(list_item(a) for a in ARTS) + "</div>"
    site.write("category/tin-hoat-dong/index.html", head(f"Tin hoạt động – {SITE_TITLE}", "/category/tin-hoat-dong/") + header() + main + sidebar())
    exp["not_articles"].append("/category/tin-hoat-dong/")
    gt = ('<article class="page type-page"><h1 class="entry-title">Giới thiệu</h1><div class="entry-content">'
          '<p>Ban Dân vận Huyện ủy Thuận Thành là cơ quan tham mưu, giúp việc của Huyện ủy về công tác dân vận, trực tiếp là Ban Thường vụ Huyện ủy.</p>'
          '<p>Ban có nhiệm vụ nghiên cứu, đề xuất, hướng dẫn, kiểm tra việc thực hiện công tác dân vận và quy chế dân chủ ở cơ sở trên địa bàn huyện.</p>'
          '<p>Trụ sở làm việc đặt tại khu cơ quan Huyện ủy, thị trấn Hồ.</p></div></article>')
    site.write("gioi-thieu/index.html", head(f"Giới thiệu – {SITE_TITLE}", "/gioi-thieu/") + header() + gt + sidebar())
    site.write("author/bbt/index.html", head(f"bbt – {SITE_TITLE}", "/author/bbt/") + header()
               + '<h1 class="page-title">Tác giả: bbt</h1><div class="post-list">' + "".join(list_item(a) for a in ARTS) + "</div>" + sidebar())
    exp["not_articles"] += ["/gioi-thieu/", "/author/bbt/"]
    site.write("robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n")
    exp["forbidden_phrases"] = ["BÌNH LUẬN", "Please enter your comment!", "Gửi bình luận", "Tin liên quan", "Tin mới", "Tin đọc nhiều",
                                "Lượt xem:", "Đăng ngày", "Bản quyền thuộc Ban Dân vận Huyện ủy Thuận Thành", "Thống kê truy cập",
                                "Giấy phép số 09/GP-STTTT", "Theo baobacninh.vn", "Tin: Ngọc Anh; Ảnh: Văn Tuấn"]
    exp["rest_api"] = {"posts": "/wp-json/wp/v2/posts", "per_page": PER_PAGE, "total": total, "total_pages": pages}
    exp["traps"] = {
        "rest_dates_local_without_offset": "date is local (+07:00) without offset; date_gmt is UTC; post 412 is 25/05 local but 24/05 UTC",
        "rest_texturized_entities": ["&#8220;", "&#8221;", "&#8211;"],
        "xmlrpc_404": ["/xmlrpc.php?rsd"],
    }
    site.finish()


if __name__ == "__main__":
    build()
