"""Generate wp_bdv/: a WordPress site of the Ban Dân vận Tỉnh ủy Lai Châu (fictional sample)."""
from __future__ import annotations

from _common import (BASE, COUNTER_JS, GA_JS, Site, dt, esc, excerpt, first_sentence, iso, iso_utc,
                     last_sentence, theme_css)
from content_laichau import ARTICLES, CATEGORIES, COMMENTS, TAGS, TAG_PAGES

SITE_TITLE = "Ban Dân vận Tỉnh ủy Lai Châu"
PER_PAGE = 5

for a in ARTICLES:
    a["d"] = dt(a["date"])
    a["m"] = dt(a["modified"])
    a["path"] = a["d"].strftime("/%Y/%m/%d/") + a["slug"] + "/"
ARTS = sorted(ARTICLES, key=lambda a: a["d"], reverse=True)
BY_ID = {a["id"]: a for a in ARTS}
# "Tin đọc nhiều" (most read) order is fixed and differs from the newest order
POPULAR = [1178, 1230, 1199, 1241, 1264]
CSS = theme_css("#b71c1c", "#8e1010")
DAY_ARCHIVES = ["2020/10/14", "2020/10/08"]  # /2020/10/02/ and /2020/10/12/ are linked but 404


def dmy(d):
    return d.strftime("%d/%m/%Y")


def head(title, canonical, extra=""):
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{BASE}{canonical}">
<meta property="og:locale" content="vi_VN">
<meta property="og:site_name" content="{SITE_TITLE}">
<meta property="og:url" content="{BASE}{canonical}">
{extra}
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE} &raquo; Dòng thông tin" href="{BASE}/feed/">
<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=5.5.1" type="text/css" media="all">
<link rel="stylesheet" id="bdv-theme-css" href="/wp-content/themes/bdv-laichau/style.css?ver=1.4.2" type="text/css" media="all">
<style id="bdv-theme-inline-css">{CSS}</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXXDEMO00"></script>
<script>{GA_JS}</script>
<script type="text/javascript">
/* <![CDATA[ */
var wpEmojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/13.0.0\\/72x72\\/","ext":".png","source":{{"concatemoji":"\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=5.5.1"}}}};
/* ]]> */
</script>
<meta name="generator" content="WordPress 5.5.1">
</head>
"""


def header():
    menu = [("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"), ("/category/tin-tuc/", "Tin tức"),
            ("/category/dan-van-kheo/", "Dân vận khéo"), ("/2020/10/", "Lưu trữ"), ("#footer", "Liên hệ")]
    items = "\n".join(f'<li class="menu-item"><a href="{u}">{t}</a></li>' for u, t in menu)
    return f"""<body class="wp-custom-logo">
<a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<div class="topbar"><div class="container"><span class="today">Lai Châu – vùng cao biên giới</span>
<span class="links"><a href="/feed/">RSS</a> | <a href="/wp-login.php">Đăng nhập</a></span></div></div>
<header id="masthead" class="site-header"><div class="container brand">
<a href="/" class="custom-logo-link" rel="home"><img src="/wp-content/uploads/2019/05/logo-bdv.png" class="custom-logo" alt="{SITE_TITLE}"></a>
<div><div class="name">Ban Dân vận Tỉnh ủy Lai Châu</div><div class="sub">Trang thông tin điện tử – Đảng bộ tỉnh Lai Châu</div></div>
</div></header>
<nav id="site-navigation" class="main-navigation main-nav"><div class="container"><ul id="primary-menu" class="menu">
{items}
</ul></div></nav>
<div id="content" class="site-content container"><div class="layout">
"""


def calendar():
    # October 2020 starts on a Thursday
    days_with_posts = {2, 8, 12, 14}
    cells = ['<td colspan="3" class="pad">&nbsp;</td>']
    rows, col = [], 3
    for day in range(1, 32):
        if day in days_with_posts:
            cells.append(f'<td><a href="/2020/10/{day:02d}/" aria-label="Các bài viết đã được đăng vào {day} October 2020">{day}</a></td>')
        else:
            cells.append(f"<td>{day}</td>")
        col += 1
        if col == 7:
            rows.append("<tr>" + "".join(cells) + "</tr>")
            cells, col = [], 0
    if cells:
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"""<section id="calendar-2" class="widget widget_calendar"><h2 class="widget-title">Lịch đăng bài</h2>
<div id="calendar_wrap" class="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table">
<caption>Tháng Mười 2020</caption>
<thead><tr><th scope="col" title="Thứ Hai">H</th><th scope="col" title="Thứ Ba">B</th><th scope="col" title="Thứ Tư">T</th><th scope="col" title="Thứ Năm">N</th><th scope="col" title="Thứ Sáu">S</th><th scope="col" title="Thứ Bảy">B</th><th scope="col" title="Chủ Nhật">C</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<nav aria-label="Tháng trước và tháng tới" class="wp-calendar-nav"><span class="wp-calendar-nav-prev"><a href="/2020/09/">&laquo; Th9</a></span></nav></div></section>
"""


def sidebar(exclude=None):
    newest = [a for a in ARTS if a["id"] != exclude][:5]
    popular = [BY_ID[i] for i in POPULAR if i != exclude][:4]
    li_new = "\n".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">{dmy(a["d"])}</span></li>' for a in newest)
    li_pop = "\n".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">{a["d"].strftime("%H:%M")} {dmy(a["d"])}</span></li>' for a in popular)
    months = [("2020/10", "Tháng Mười 2020"), ("2020/09", "Tháng Chín 2020"), ("2020/08", "Tháng Tám 2020"), ("2020/07", "Tháng Bảy 2020")]
    li_months = "\n".join(f'<li><a href="/{m}/">{t}</a></li>' for m, t in months)
    return f"""</main>
<aside id="secondary" class="widget-area sidebar">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/">
<label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s"></label>
<input type="submit" class="search-submit" value="Tìm kiếm"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Tin mới</h2><ul>
{li_new}
</ul></section>
<section id="popular-3" class="widget widget_popular"><h2 class="widget-title">Tin đọc nhiều</h2><ul>
{li_pop}
</ul></section>
{calendar()}
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul>
{li_months}
</ul></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Thẻ</h2><div class="tagcloud">
<a href="/tag/dan-van-kheo/" class="tag-cloud-link" style="font-size: 22pt;">dân vận khéo</a>
<a href="/tag/nong-thon-moi/" class="tag-cloud-link" style="font-size: 12pt;">nông thôn mới</a>
<a href="/?s=d%C3%A2n+v%E1%BA%ADn" class="tag-cloud-link" style="font-size: 10pt;">tìm: dân vận</a></div></section>
<section id="text-5" class="widget widget_text"><h2 class="widget-title">Liên kết website</h2><div class="textwidget"><ul>
<li><a href="http://danvan.vn" target="_blank" rel="noopener">Ban Dân vận Trung ương</a></li>
<li><a href="http://dangcongsan.vn" target="_blank" rel="noopener">Báo điện tử Đảng Cộng sản Việt Nam</a></li>
<li><a href="http://laichau.gov.vn" target="_blank" rel="noopener">Cổng thông tin điện tử tỉnh Lai Châu</a></li>
</ul></div></section>
</aside>
"""


def footer():
    return f"""</div></div>
<footer id="footer" class="site-footer"><div class="container cols">
<div class="site-info">
<p><strong>Bản quyền thuộc Ban Dân vận Tỉnh ủy Lai Châu</strong> (trang mẫu dùng cho kiểm thử).</p>
<p>Chịu trách nhiệm nội dung: Trưởng Ban Dân vận Tỉnh ủy.</p>
<p>Địa chỉ: Tầng 3, Nhà B, Khu Trung tâm Hành chính – Chính trị tỉnh, phường Đông Phong, thành phố Lai Châu. Điện thoại: 0213.3876.xxx – Email: bdvtu@laichau.dcs.vn</p>
<p>Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Lai Châu cấp (mẫu).</p>
</div>
<div class="counter"><h3>Thống kê truy cập</h3>
<p>Đang truy cập: <b>17</b></p><p>Hôm nay: <b>1.204</b></p><p>Tổng lượt truy cập: <b id="visit-counter" data-total="2318455">2.318.455</b></p></div>
</div></footer>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script>{COUNTER_JS}</script>
<script type="text/javascript" src="/wp-includes/js/wp-embed.min.js?ver=5.5.1" id="wp-embed-js"></script>
</body>
</html>
"""


def page(title, canonical, main, extra_head="", exclude=None, body_class=""):
    return (head(title, canonical, extra_head) + header()
            + f'<main id="main" class="site-main content-area {body_class}">\n' + main
            + sidebar(exclude) + footer())


def list_item(a):
    cats = ", ".join(f'<a href="/category/{c}/" rel="category tag">{CATEGORIES[c]}</a>' for c in a["cats"])
    first = a["paras"][0]
    return f"""<article id="post-{a['id']}" class="post-{a['id']} post type-post status-publish format-standard has-post-thumbnail hentry">
<a class="post-thumbnail" href="{a['path']}" aria-hidden="true" tabindex="-1"><img width="220" height="146" src="/wp-content/uploads/{a['d'].strftime('%Y/%m')}/{a['slug'][:24]}-220x146.jpg" alt="{esc(a['title'])}"></a>
<div><header class="entry-header"><h2 class="entry-title"><a href="{a['path']}" rel="bookmark">{esc(a['title'])}</a></h2>
<div class="entry-meta meta"><span class="posted-on"><time class="entry-date published" datetime="{iso(a['d'])}">{dmy(a['d'])}</time></span> | <span class="cat-links">{cats}</span></div></header>
<div class="entry-summary"><p>{esc(excerpt(first))}</p></div>
<a class="more-link" href="{a['path']}">Xem thêm</a></div>
</article>
"""


def listing(site, path, heading, arts, per_page=PER_PAGE, desc=""):
    pages = [arts[i:i + per_page] for i in range(0, len(arts), per_page)] or [[]]
    for n, chunk in enumerate(pages, 1):
        p = path if n == 1 else f"{path}page/{n}/"
        nav = ""
        if len(pages) > 1:
            links = []
            if n > 1:
                links.append(f'<a class="prev page-numbers" href="{path if n == 2 else f"{path}page/{n-1}/"}">&laquo; Trước</a>')
            for k in range(1, len(pages) + 1):
                href = path if k == 1 else f"{path}page/{k}/"
                links.append(f'<span aria-current="page" class="page-numbers current">{k}</span>' if k == n
                             else f'<a class="page-numbers" href="{href}">{k}</a>')
            if n < len(pages):
                links.append(f'<a class="next page-numbers" href="{path}page/{n+1}/">Sau &raquo;</a>')
            nav = '<nav class="navigation pagination" role="navigation" aria-label="Bài viết"><div class="nav-links pagination">' + "".join(links) + "</div></nav>"
        title = heading + (f" – Trang {n}" if n > 1 else "")
        main = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> » {esc(heading)}</div>\n'
                f'<header class="page-header"><h1 class="page-title">{esc(title)}</h1>{desc}</header>\n'
                f'<div class="post-list">\n' + "".join(list_item(a) for a in chunk) + "</div>\n" + nav)
        site.write(p + "index.html", page(f"{title} – {SITE_TITLE}", p, main, body_class="archive"))
        site.expected["not_articles"].append(p)


def figure(a, n):
    fname, cap = a["photos"][n - 1]
    ym = a["d"].strftime("%Y/%m")
    att = a["id"] + n
    if n == 1:
        return (f'<figure id="attachment_{att}" aria-describedby="caption-attachment-{att}" style="width: 800px" class="wp-caption aligncenter">'
                f'<img loading="lazy" class="size-full wp-image-{att}" src="/wp-content/uploads/{ym}/{fname}" alt="" width="800" height="533" '
                f'srcset="/wp-content/uploads/{ym}/{fname} 800w, /wp-content/uploads/{ym}/{fname[:-4]}-300x200.jpg 300w" sizes="(max-width: 800px) 100vw, 800px">'
                f'<figcaption id="caption-attachment-{att}" class="wp-caption-text">{esc(cap)}</figcaption></figure>')
    return (f'<div id="attachment_{att}" style="width: 810px" class="wp-caption aligncenter">'
            f'<img aria-describedby="caption-attachment-{att}" loading="lazy" class="wp-image-{att} size-full" src="/wp-content/uploads/{ym}/{fname}" alt="" width="800" height="533">'
            f'<p id="caption-attachment-{att}" class="wp-caption-text">{esc(cap)}</p></div>')


def comments_html(a):
    cs = COMMENTS.get(a["id"], [])
    out = ['<div id="comments" class="comments-area">']
    if cs:
        out.append(f'<h2 class="comments-title">{len(cs)} bình luận về &ldquo;{esc(a["title"])}&rdquo;</h2><ol class="comment-list">')
        for c in cs:
            d = dt(c["date"])
            depth = "depth-2" if c["parent"] else "depth-1"
            out.append(f"""<li id="comment-{c['id']}" class="comment even thread-even {depth}"><article id="div-comment-{c['id']}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="/wp-content/themes/bdv-laichau/img/avatar.png" class="avatar avatar-42" height="42" width="42"><b class="fn">{esc(c['name'])}</b> <span class="says">viết:</span></div>
<div class="comment-metadata"><a href="{a['path']}#comment-{c['id']}"><time datetime="{iso(d)}">{d.strftime('%d/%m/%Y')} lúc {d.strftime('%H:%M')}</time></a></div></footer>
<div class="comment-content"><p>{esc(c['text'])}</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="{a['path']}?replytocom={c['id']}#respond" data-commentid="{c['id']}" data-postid="{a['id']}" aria-label="Phản hồi đến {esc(c['name'])}">Trả lời</a></div>
</article></li>""")
        out.append("</ol>")
    out.append(f"""<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Trả lời <small><a rel="nofollow" id="cancel-comment-reply-link" href="{a['path']}#respond" style="display:none;">Hủy</a></small></h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes"><span id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> Các trường bắt buộc được đánh dấu <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Bình luận</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required="required"></textarea></p>
<p class="comment-form-author"><label for="author">Tên <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required="required"></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="text" value="" size="30" maxlength="100" aria-describedby="email-notes" required="required"></p>
<p class="comment-form-url"><label for="url">Trang web</label> <input id="url" name="url" type="text" value="" size="30" maxlength="200"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi"> <input type="hidden" name="comment_post_ID" value="{a['id']}" id="comment_post_ID"> <input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
</form></div></div>""")
    return "\n".join(out)


def article_page(a, idx):
    body = []
    for p in a["paras"]:
        if p.startswith("IMG:"):
            body.append(figure(a, int(p[4:])))
        else:
            body.append(f'<p style="text-align: justify;">{esc(p)}</p>')
    body.append(f'<p style="text-align: right;"><strong>{esc(a["credit"])}</strong></p>')
    related = [x for x in ARTS if x["id"] != a["id"]][:3]
    rel_html = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{r["path"]}">{esc(r["title"])}</a></h4>'
        f'<p class="jp-relatedposts-post-date">{dmy(r["d"])}</p><p class="jp-relatedposts-post-context">Trong &quot;Tin tức&quot;</p></div>'
        for r in related)
    share = f"""<div class="sharedaddy sd-sharing-enabled share-bar"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Chia sẻ:</h3><div class="sd-content"><ul>
<li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button" href="{a['path']}?share=facebook" target="_blank" title="Nhấn vào chia sẻ lên Facebook"><span>Facebook</span></a></li>
<li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button" href="{a['path']}?share=twitter" target="_blank" title="Nhấp để chia sẻ trên Twitter"><span>Twitter</span></a></li>
<li class="share-print"><a rel="nofollow noopener noreferrer" class="share-print sd-button" href="{a['path']}#print" target="_blank" title="Nhấn để in ra"><span>In</span></a></li>
</ul></div></div></div>"""
    related_block = f"""<div id="jp-relatedposts" class="jp-relatedposts related"><h3 class="jp-relatedposts-headline"><em>Bài viết liên quan</em></h3>
<div class="jp-relatedposts-items jp-relatedposts-items-visual">{rel_html}</div></div>"""
    cats = ", ".join(f'<a href="/category/{c}/" rel="category tag">{CATEGORIES[c]}</a>' for c in a["cats"])
    tags = ", ".join(f'<a href="/tag/{t}/" rel="tag">{TAGS[t]}</a>' for t in a["tags"] if t in TAG_PAGES)
    prev_a = ARTS[idx + 1] if idx + 1 < len(ARTS) else None
    next_a = ARTS[idx - 1] if idx > 0 else None
    nav = '<nav class="navigation post-navigation" role="navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">'
    if prev_a:
        nav += f'<div class="nav-previous"><a href="{prev_a["path"]}" rel="prev"><span class="meta-nav">Bài trước</span> {esc(prev_a["title"])}</a></div>'
    if next_a:
        nav += f'<div class="nav-next"><a href="{next_a["path"]}" rel="next"><span class="meta-nav">Bài sau</span> {esc(next_a["title"])}</a></div>'
    nav += "</div></nav>"
    extra = f"""<link rel="shortlink" href="{BASE}/?p={a['id']}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:description" content="{esc(excerpt(a['paras'][0], 25))}">
<meta property="article:section" content="{CATEGORIES[a['cats'][0]]}">
<meta property="article:published_time" content="{iso_utc(a['d'])}">
<meta property="article:modified_time" content="{iso_utc(a['m'])}">
<script type="application/ld+json" class="yoast-schema-graph">{{"@context":"https://schema.org","@graph":[{{"@type":"WebPage","@id":"{BASE}{a['path']}#webpage","url":"{BASE}{a['path']}","name":"{esc(a['title'])}","datePublished":"{iso_utc(a['d'])}","dateModified":"{iso_utc(a['m'])}","inLanguage":"vi"}}]}}</script>"""
    main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/category/{a['cats'][0]}/">{CATEGORIES[a['cats'][0]]}</a> » {esc(a['title'])}</div>
<article id="post-{a['id']}" class="post-{a['id']} post type-post status-publish format-standard hentry">
<header class="entry-header">
<h1 class="entry-title">{esc(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Đăng ngày <a href="{a['path']}" rel="bookmark"><time class="entry-date published" datetime="{iso(a['d'])}">{dmy(a['d'])}</time><time class="updated" datetime="{iso(a['m'])}">{dmy(a['m'])}</time></a></span>
<span class="byline"> bởi <span class="author vcard"><a class="url fn n" href="/author/admin/">admin</a></span></span></div>
</header>
<div class="entry-content">
{chr(10).join(body)}
{share}
{related_block}
</div>
<footer class="entry-footer"><span class="cat-links">Chuyên mục: {cats}</span>{(' <span class="tags-links">Thẻ: ' + tags + '</span>') if tags else ''}</footer>
</article>
{nav}
{comments_html(a)}
"""
    return page(f"{a['title']} – {SITE_TITLE}", a["path"], main, extra, exclude=a["id"], body_class="single")


def build():
    site = Site("wp_bdv", "Ban Dân vận Tỉnh ủy Lai Châu (mẫu)", "wordpress", "Lai Châu")
    exp = site.expected
    for i, a in enumerate(ARTS):
        site.write(a["path"] + "index.html", article_page(a, i))
        site.route(f"/?p={a['id']}", redirect=a["path"], status=301)
        paras = [p for p in a["paras"] if not p.startswith("IMG:")]
        e = {"path": a["path"], "title": a["title"], "published_at": iso(a["d"]),
             "byline": a["byline"], "source": a["source"],
             "body_first": first_sentence(paras[0]), "body_last": last_sentence(paras[-1]),
             "aliases": [f"/?p={a['id']}"]}
        if a["photos"]:
            e["captions"] = [c for _, c in a["photos"]]
        exp["articles"].append(e)

    # homepage: 6 newest
    intro = '<div class="breadcrumb">Trang chủ</div><h1 class="page-title screen-reader-text">Tin mới nhất</h1>\n'
    site.write("index.html", page(f"{SITE_TITLE} – Trang thông tin điện tử", "/",
                                  intro + '<div class="post-list">' + "".join(list_item(a) for a in ARTS[:6]) + "</div>"
                                  + '<p><a href="/category/tin-tuc/">Xem tất cả tin tức &raquo;</a></p>', body_class="home"))
    exp["not_articles"].append("/")

    for slug, name in CATEGORIES.items():
        arts = [a for a in ARTS if slug in a["cats"]]
        listing(site, f"/category/{slug}/", name, arts,
                desc=f'<div class="archive-description"><p>Chuyên mục {esc(name)} của Ban Dân vận Tỉnh ủy Lai Châu.</p></div>')
    for t in TAG_PAGES:
        listing(site, f"/tag/{t}/", f"Thẻ: {TAGS[t]}", [a for a in ARTS if t in a["tags"]])
    for ym, label in [("2020/10", "Tháng Mười 2020"), ("2020/09", "Tháng Chín 2020"), ("2020/08", "Tháng Tám 2020"), ("2020/07", "Tháng Bảy 2020")]:
        listing(site, f"/{ym}/", f"Tháng: {label}", [a for a in ARTS if a["d"].strftime("%Y/%m") == ym])
    for day in DAY_ARCHIVES:
        listing(site, f"/{day}/", f"Ngày: {day[8:]}/{day[5:7]}/{day[:4]}", [a for a in ARTS if a["d"].strftime("%Y/%m/%d") == day])
    listing(site, "/author/admin/", "Tác giả: admin", ARTS[:PER_PAGE])

    # a static WordPress page (not an article)
    gt = """<article id="post-2" class="post-2 page type-page status-publish hentry">
<header class="entry-header"><h1 class="entry-title">Giới thiệu</h1></header>
<div class="entry-content">
<p>Ban Dân vận Tỉnh ủy Lai Châu là cơ quan tham mưu, giúp việc của Tỉnh ủy, trực tiếp và thường xuyên là Ban Thường vụ, Thường trực Tỉnh ủy về công tác dân vận của Đảng bộ tỉnh.</p>
<h2>Chức năng</h2><p>Tham mưu về chủ trương, giải pháp lớn trong công tác dân vận; là cơ quan chuyên môn – nghiệp vụ về công tác dân vận của Tỉnh ủy; hướng dẫn, kiểm tra việc thực hiện quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”.</p>
<h2>Nhiệm vụ</h2><ul><li>Nghiên cứu, đề xuất với Tỉnh ủy về công tác dân vận.</li><li>Thẩm định các đề án liên quan đến Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội.</li><li>Phối hợp giải quyết những vấn đề phức tạp nảy sinh trong nhân dân.</li></ul>
<h2>Cơ cấu tổ chức</h2><p>Lãnh đạo Ban gồm Trưởng ban và các Phó Trưởng ban; các phòng chuyên môn: Văn phòng, Phòng Dân vận chính quyền – Mặt trận, đoàn thể, Phòng Dân tộc – Tôn giáo.</p>
</div></article>"""
    site.write("gioi-thieu/index.html", page(f"Giới thiệu – {SITE_TITLE}", "/gioi-thieu/", gt, body_class="page"))
    exp["not_articles"].append("/gioi-thieu/")

    # robots, sitemaps, feed
    site.write("robots.txt", f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {BASE}/wp-sitemap.xml\n")
    site.write("wp-sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="{BASE}/wp-sitemap-index.xsl" ?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{BASE}/wp-sitemap-posts-post-1.xml</loc></sitemap>
<sitemap><loc>{BASE}/wp-sitemap-posts-page-1.xml</loc></sitemap>
<sitemap><loc>{BASE}/wp-sitemap-taxonomies-category-1.xml</loc></sitemap>
</sitemapindex>
""")
    half = [ARTS[0], ARTS[1], ARTS[3], ARTS[7]]
    urls = "".join(f"<url><loc>{BASE}{a['path']}</loc><lastmod>{iso(a['m'])}</lastmod></url>\n" for a in half)
    site.write("wp-sitemap-posts-post-1.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
    site.write("wp-sitemap-posts-page-1.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>{BASE}/gioi-thieu/</loc></url>\n</urlset>\n')
    site.write("wp-sitemap-taxonomies-category-1.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               + "".join(f"<url><loc>{BASE}/category/{c}/</loc></url>\n" for c in CATEGORIES) + "</urlset>\n")
    items = []
    for a in ARTS[:5]:
        paras = [p for p in a["paras"] if not p.startswith("IMG:")]
        items.append(f"""<item>
<title>{esc(a['title'])}</title>
<link>{BASE}{a['path']}</link>
<comments>{BASE}{a['path']}#respond</comments>
<dc:creator><![CDATA[admin]]></dc:creator>
<pubDate>{a['d'].astimezone(__import__('datetime').timezone.utc).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>
{''.join(f'<category><![CDATA[{CATEGORIES[c]}]]></category>' for c in a['cats'])}
<guid isPermaLink="false">{BASE}/?p={a['id']}</guid>
<description><![CDATA[{excerpt(paras[0], 40)}]]></description>
<content:encoded><![CDATA[{''.join(f'<p>{esc(p)}</p>' for p in paras)}<p style="text-align: right;"><strong>{esc(a['credit'])}</strong></p>]]></content:encoded>
<slash:comments>{len(COMMENTS.get(a['id'], []))}</slash:comments>
</item>""")
    site.write("feed/index.xml", f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
<title>{SITE_TITLE}</title>
<atom:link href="{BASE}/feed/" rel="self" type="application/rss+xml" />
<link>{BASE}</link>
<description>Trang thông tin điện tử – Đảng bộ tỉnh Lai Châu</description>
<lastBuildDate>Thu, 15 Oct 2020 02:02:11 +0000</lastBuildDate>
<language>vi</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<sy:updateFrequency>1</sy:updateFrequency>
<generator>https://wordpress.org/?v=5.5.1</generator>
{chr(10).join(items)}
</channel>
</rss>
""")
    site.route("/feed/", file="feed/index.xml", status=200, content_type="application/rss+xml; charset=UTF-8")
    site.route("/feed", redirect="/feed/", status=301)

    exp["forbidden_phrases"] = [
        "Chia sẻ:", "Bài viết liên quan", "Email của bạn sẽ không được hiển thị công khai.",
        "Các trường bắt buộc được đánh dấu", "Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.",
        "Trả lời", "Phản hồi", "Xin chúc mừng những người làm công tác dân vận của tỉnh nhà nhân ngày truyền thống!",
        "Tin mới", "Tin đọc nhiều", "Lịch đăng bài", "Bản quyền thuộc Ban Dân vận Tỉnh ủy Lai Châu",
        "Thống kê truy cập", "Giấy phép số 05/GP-TTĐT", "Liên kết website", "Bài trước", "Bài sau",
        "Tin, ảnh: Minh Hưng", "Đăng ngày",
    ]
    exp["traps"] = {
        "shortlinks_301": [f"/?p={a['id']}" for a in ARTS],
        "replytocom_duplicates": [f"{a['path']}?replytocom={c['id']}" for a in ARTS for c in COMMENTS.get(a["id"], [])],
        "share_duplicates": [f"{a['path']}?share=facebook" for a in ARTS[:1]],
        "calendar_404": ["/2020/10/02/", "/2020/10/12/"],
        "search_serves_homepage": ["/?s=d%C3%A2n+v%E1%BA%ADn"],
        "wp_json_404": ["/wp-json/", "/wp-json/wp/v2/posts"],
        "sitemap_lists_only": [a["path"] for a in half],
    }
    site.finish()


if __name__ == "__main__":
    build()
