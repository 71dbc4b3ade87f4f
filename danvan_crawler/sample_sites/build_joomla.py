"""Generate joomla_school/: a Joomla 3 site of the Trường Chính trị tỉnh Lai Châu (fictional sample)."""
from __future__ import annotations

from _common import BASE, COUNTER_JS, Site, dt, esc, excerpt, first_sentence, iso, iso_utc, last_sentence, theme_css

SITE_TITLE = "Trường Chính trị tỉnh Lai Châu"
CAT = "/index.php/tin-tuc-su-kien"
PER_PAGE = 5

ARTICLES = [
    dict(id=2169, slug="khai-giang-lop-trung-cap-ly-luan-chinh-tri-hanh-chinh-khoa-45", date="2021-04-21 10:00:00",
         modified="2021-04-23 08:12:45", utc=False, hits=152,
         title="Khai giảng lớp Trung cấp lý luận chính trị – hành chính khóa 45",
         paras=[
             "Sáng 20/4, Trường Chính trị tỉnh tổ chức khai giảng lớp Trung cấp lý luận chính trị – hành chính khóa 45 hệ không tập trung cho 86 học viên là cán bộ, công chức cấp huyện và cấp xã.",
             "IMG",
             "Phát biểu khai giảng, đồng chí Hiệu trưởng nhấn mạnh khóa học giúp học viên nắm vững những nội dung cơ bản của chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh và kiến thức quản lý hành chính nhà nước. Đây là yêu cầu bắt buộc trong quy hoạch cán bộ lãnh đạo, quản lý ở cơ sở.",
             "Lớp học kéo dài 16 tháng, gồm 19 học phần, được tổ chức theo hình thức học tập trung mỗi tháng một tuần. Nhà trường sẽ bố trí đợt nghiên cứu thực tế tại các địa phương trong tỉnh vào cuối khóa.",
             "Học viên được yêu cầu chấp hành nghiêm nội quy, quy chế, phát huy tinh thần tự học và liên hệ thực tiễn công tác tại cơ quan, đơn vị.",
         ],
         caption="Quang cảnh lễ khai giảng lớp Trung cấp lý luận chính trị – hành chính khóa 45.",
         credit='<p style="text-align: right;"><em><strong>Bài và ảnh: Thu Hà</strong></em></p>', byline="Thu Hà", source=None),
    dict(id=2163, slug="nang-cao-chat-luong-giang-day-mon-xay-dung-dang", date="2021-04-08 14:20:00",
         modified="2021-04-08 14:20:00", utc=True, hits=311,
         title="Nâng cao chất lượng giảng dạy học phần Xây dựng Đảng ở Trường Chính trị tỉnh",
         paras=[
             "Học phần Xây dựng Đảng giữ vị trí đặc biệt trong chương trình trung cấp lý luận chính trị – hành chính. Chất lượng giảng dạy học phần này ảnh hưởng trực tiếp đến nhận thức và năng lực công tác đảng của học viên sau khi tốt nghiệp.",
             "Thực tế cho thấy, một bộ phận học viên là cán bộ cơ sở đã có nhiều năm công tác nhưng còn lúng túng khi vận dụng lý luận vào việc tổ chức sinh hoạt chi bộ, đánh giá, xếp loại đảng viên. Trong khi đó, phương pháp giảng dạy ở một số bài vẫn thiên về thuyết trình, ít tình huống.",
             "Để khắc phục, khoa đã chủ động xây dựng bộ tình huống gắn với thực tiễn các chi bộ thôn, bản trong tỉnh. Giảng viên được phân công đi thực tế cơ sở ít nhất hai lần mỗi năm để cập nhật tư liệu bài giảng.",
             "Bên cạnh đó, cần đổi mới khâu kiểm tra, đánh giá theo hướng yêu cầu học viên viết tiểu luận về chính chi bộ nơi mình sinh hoạt. Cách làm này vừa giúp học viên liên hệ thực tiễn, vừa cung cấp cho nhà trường nguồn tư liệu quý.",
             "Đổi mới phương pháp giảng dạy học phần Xây dựng Đảng là yêu cầu thường xuyên, lâu dài. Điều đó đòi hỏi sự nỗ lực của từng giảng viên và sự quan tâm của cấp ủy, ban giám hiệu nhà trường.",
         ],
         caption=None,
         credit='<p style="text-align: right;"><strong>ThS. Lò Văn Hùng – Khoa Xây dựng Đảng</strong></p>',
         byline="ThS. Lò Văn Hùng – Khoa Xây dựng Đảng", source=None),
    dict(id=2158, slug="hoi-thi-giang-vien-day-gioi-cap-truong-nam-2021", date="2021-03-30 09:15:00",
         modified="2021-03-31 16:40:02", utc=False, hits=97,
         title="Hội thi giảng viên dạy giỏi cấp trường năm 2021",
         paras=[
             "Từ ngày 25 đến 29/3, Trường Chính trị tỉnh tổ chức Hội thi giảng viên dạy giỏi cấp trường năm 2021 với sự tham gia của 14 giảng viên thuộc bốn khoa chuyên môn.",
             "Mỗi giảng viên trình bày một bài giảng lý thuyết trong 45 phút trước ban giám khảo và lớp học viên thật. Nhiều bài giảng được đầu tư công phu, sử dụng bản đồ tư duy, video minh họa và tình huống thực tiễn của địa phương.",
             "Kết quả, ban tổ chức trao một giải Nhất, hai giải Nhì, ba giải Ba và công nhận 12 giảng viên đạt danh hiệu giảng viên dạy giỏi cấp trường. Những giảng viên đạt giải cao sẽ được lựa chọn tham gia hội thi cấp tỉnh.",
         ],
         caption=None,
         credit='<p style="text-align: right;">Quàng Văn Dương (Phòng Quản lý đào tạo)</p>',
         byline="Quàng Văn Dương (Phòng Quản lý đào tạo)", source=None),
    dict(id=2152, slug="kiem-tra-cong-tac-dao-tao-boi-duong-can-bo-tai-truong-chinh-tri", date="2021-03-18 15:40:00",
         modified="2021-03-18 15:40:00", utc=True, hits=208,
         title="Kiểm tra công tác đào tạo, bồi dưỡng cán bộ tại Trường Chính trị tỉnh",
         paras=[
             "Chiều 17/3, đoàn công tác của Ban Tổ chức Tỉnh ủy đã kiểm tra công tác đào tạo, bồi dưỡng cán bộ tại Trường Chính trị tỉnh.",
             "Báo cáo với đoàn, lãnh đạo nhà trường cho biết năm 2020 trường đã mở 38 lớp với hơn hai nghìn lượt học viên, vượt kế hoạch đề ra. Công tác quản lý học viên được siết chặt, chất lượng đầu ra từng bước được nâng lên.",
             "Đoàn kiểm tra đánh giá cao sự chủ động của nhà trường trong bối cảnh dịch Covid-19 diễn biến phức tạp. Đoàn đề nghị trường tiếp tục kiện toàn đội ngũ giảng viên, đẩy mạnh ứng dụng công nghệ thông tin trong quản lý đào tạo.",
         ],
         caption=None,
         credit='<p style="text-align: right;"><em>Nguồn: Báo Lai Châu</em></p>', byline=None, source="Báo Lai Châu"),
    dict(id=2147, slug="be-giang-lop-boi-duong-kien-thuc-quoc-phong-va-an-ninh-doi-tuong-4", date="2021-03-05 16:30:00",
         modified="2021-03-05 16:30:00", utc=False, hits=120,
         title="Bế giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4",
         paras=[
             "Chiều 5/3, Trường Chính trị tỉnh phối hợp với Bộ Chỉ huy Quân sự tỉnh bế giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh cho 112 học viên đối tượng 4.",
             "Trong thời gian học tập, học viên đã được nghiên cứu các chuyên đề về quan điểm của Đảng về quốc phòng toàn dân, an ninh nhân dân, công tác bảo vệ chủ quyền biên giới quốc gia và phòng, chống “diễn biến hòa bình”.",
             "IMG",
             "Kết thúc khóa học, 100% học viên đạt yêu cầu, trong đó nhiều học viên đạt loại giỏi. Ban tổ chức đã khen thưởng các học viên có thành tích học tập xuất sắc.",
         ],
         caption="Lãnh đạo nhà trường trao giấy khen cho học viên có thành tích học tập xuất sắc. Ảnh: Lò Mai",
         credit='<p style="text-align: right;"><strong>Bài, ảnh: Hoàng Thảo, Lò Mai</strong></p>', byline="Hoàng Thảo, Lò Mai", source=None),
    dict(id=2141, slug="hoc-vien-nghien-cuu-thuc-te-tai-huyen-muong-te", date="2021-02-24 08:10:00",
         modified="2021-02-24 08:10:00", utc=False, hits=64,
         title="Học viên lớp Trung cấp lý luận chính trị nghiên cứu thực tế tại huyện Mường Tè",
         paras=[
             "Trong hai ngày 22 và 23/2, học viên lớp Trung cấp lý luận chính trị – hành chính khóa 43 đã đi nghiên cứu thực tế tại huyện Mường Tè.",
             "Đoàn đã làm việc với Ban Thường vụ Huyện ủy, nghe giới thiệu về tình hình phát triển kinh tế – xã hội và công tác xây dựng Đảng ở huyện biên giới. Học viên cũng đến thăm mô hình trồng sâm Lai Châu của hợp tác xã ở xã Tà Tổng.",
             "Chuyến đi giúp học viên có thêm tư liệu hoàn thành tiểu luận cuối khóa. Nhiều học viên bày tỏ ấn tượng với cách làm của huyện trong vận động đồng bào La Hủ, Cống định canh định cư.",
         ],
         caption=None,
         credit='<p style="text-align: right;">Theo baolaichau.vn</p>', byline=None, source="baolaichau.vn"),
]
for a in ARTICLES:
    a["d"] = dt(a["date"])
    a["m"] = dt(a["modified"])
    a["path"] = f"{CAT}/{a['slug']}-{a['id']}.html"
    a["print"] = a["path"] + "?tmpl=component&print=1"
ARTS = sorted(ARTICLES, key=lambda a: a["d"], reverse=True)
CSS = theme_css("#1b5e20", "#2e7d32") + """
.item-page .page-header h2{font-size:26px;color:#1b5e20}.article-info{font-size:13px;color:#777}
.article-info dd{display:inline-block;margin:0 12px 0 0}.pager{list-style:none;display:flex;justify-content:space-between;padding:0}
.blog .item{padding:12px 0;border-bottom:1px solid #e3e3e3}.readmore .btn{font-size:13px}
"""
MAILTO = "/index.php/component/mailto/?tmpl=component&template=truongct&link="


def dt_attr(a, d):
    return iso_utc(d) if a["utc"] else iso(d)


def head(title, canonical, extra=""):
    return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta charset="utf-8" />
<base href="{BASE}{canonical}" />
<meta name="keywords" content="trường chính trị, lai châu, đào tạo, bồi dưỡng" />
<meta name="description" content="Trang thông tin điện tử Trường Chính trị tỉnh Lai Châu" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{esc(title)}</title>
<link href="{BASE}{canonical}" rel="canonical" />
<meta property="og:url" content="{BASE}{canonical}" />
{extra}
<link href="/templates/truongct/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="/templates/truongct/css/template.css?4a1b2c" rel="stylesheet" />
<style>{CSS}</style>
<script src="/media/jui/js/jquery.min.js?4a1b2c"></script>
<script src="/media/system/js/caption.js?4a1b2c"></script>
<script>jQuery(window).on('load',  function() {{ new JCaption('img.caption'); }});
jQuery(function($){{ $('.hasTooltip').tooltip({{"html": true,"container": "body"}}); }});</script>
</head>
"""


def header(active):
    menu = [("/", "Trang chủ"), ("/index.php/gioi-thieu", "Giới thiệu"), (CAT, "Tin tức - Sự kiện"),
            ("/index.php/lien-he", "Liên hệ")]
    items = "".join(f'<li class="item-{101 + i}{" current active" if u == active else ""}"><a href="{u}">{t}</a></li>'
                    for i, (u, t) in enumerate(menu))
    return f"""<body class="site com_content view-article no-layout no-task itemid-104">
<div class="topbar"><div class="container"><span class="today">Thứ Bảy, 28/11/2026</span><span class="links"><a href="{CAT}?format=feed&amp;type=rss">RSS</a></span></div></div>
<header class="site-header" role="banner"><div class="container brand"><a href="/"><img src="/images/logo-truong.png" alt="{SITE_TITLE}" /></a>
<div><div class="name">Trường Chính trị tỉnh Lai Châu</div><div class="sub">Đào tạo – Bồi dưỡng cán bộ, đảng viên (trang mẫu)</div></div></div></header>
<nav class="navigation main-nav" role="navigation"><div class="container"><ul class="nav menu nav-pills mod-list">{items}</ul></div></nav>
<div class="container"><div class="layout"><main id="content" role="main" class="content-area">
<div id="system-message-container"></div>
"""


def sidebar():
    li_new = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">{a["d"]:%d/%m/%Y}</span></li>' for a in ARTS[:4])
    pop = sorted(ARTS, key=lambda a: -a["hits"])[:4]
    li_pop = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">Lượt xem: {a["hits"]}</span></li>' for a in pop)
    return f"""</main>
<div id="aside" class="sidebar">
<div class="moduletable widget"><h3 class="widget-title">Tìm kiếm</h3><form action="/index.php/tin-tuc-su-kien" method="post" class="form-inline"><input name="searchword" maxlength="200" class="inputbox search-query" type="search" placeholder="Tìm kiếm ..." /><input type="hidden" name="task" value="search" /></form></div>
<div class="moduletable widget"><h3 class="widget-title">Tin mới</h3><ul class="latestnews mod-list">{li_new}</ul></div>
<div class="moduletable widget"><h3 class="widget-title">Tin đọc nhiều</h3><ul class="mostread mod-list">{li_pop}</ul></div>
<div class="moduletable widget"><h3 class="widget-title">Liên kết website</h3><ul><li><a href="http://hcma.vn" target="_blank">Học viện Chính trị quốc gia Hồ Chí Minh</a></li><li><a href="http://laichau.gov.vn" target="_blank">Cổng TTĐT tỉnh Lai Châu</a></li></ul></div>
</div></div></div>
<footer class="footer site-footer" role="contentinfo"><div class="container cols"><div>
<p><strong>Bản quyền thuộc Trường Chính trị tỉnh Lai Châu</strong> (trang mẫu dùng cho kiểm thử)</p>
<p>Địa chỉ: Phường Tân Phong, thành phố Lai Châu, tỉnh Lai Châu. Điện thoại: 0213.3791.xxx</p>
<p>Giấy phép số 03/GP-STTTT (mẫu). Chịu trách nhiệm nội dung: Hiệu trưởng Trường Chính trị tỉnh.</p></div>
<div class="counter"><h3>Thống kê truy cập</h3><p>Khách: <b>9</b></p><p>Tổng: <b id="visit-counter" data-total="871204">871.204</b></p></div>
<p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p></div></footer>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script>{COUNTER_JS}</script>
</body>
</html>
"""


def item_page(a, idx, printing=False):
    body = []
    for p in a["paras"]:
        if p == "IMG":
            body.append(f'<p style="text-align: center;"><img class="caption" src="/images/tin-tuc/{a["d"]:%Y}/{a["slug"][:20]}.jpg" alt="" width="640" height="427" title="{esc(a["caption"])}" /></p>'
                        f'<p style="text-align: center;"><em>{esc(a["caption"])}</em></p>')
        else:
            body.append(f'<p style="text-align: justify;">{esc(p)}</p>')
    body.append(a["credit"])
    tools = ""
    if printing:
        tools = '<div id="pop-print" class="btn hidden-print"><a href="#" onclick="window.print();return false;"><span class="icon-print"></span> In</a></div>'
    else:
        tools = f"""<div class="icons"><div class="btn-group pull-right"><a class="btn dropdown-toggle" data-toggle="dropdown" href="#"><span class="icon-cog"></span><span class="caret"></span></a>
<ul class="dropdown-menu"><li class="print-icon"><a href="{esc(a['print'])}" title="In bài viết &lt; {esc(a['title'])} &gt;" onclick="window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,location=no'); return false;" rel="nofollow"><span class="icon-print"></span>In</a></li>
<li class="email-icon"><a href="{MAILTO}{a['id']}" title="Gửi email liên kết này cho một người bạn" onclick="window.open(this.href,'win2','width=400,height=450,menubar=yes,resizable=yes'); return false;" rel="nofollow"><span class="icon-envelope"></span>E-mail</a></li></ul></div></div>"""
    nav = ""
    if not printing:
        prev_a = ARTS[idx + 1] if idx + 1 < len(ARTS) else None
        next_a = ARTS[idx - 1] if idx > 0 else None
        nav = '<ul class="pager pagenav">'
        if next_a:
            nav += f'<li class="previous"><a class="hasTooltip" title="{esc(next_a["title"])}" href="{next_a["path"]}" rel="prev"><span class="icon-chevron-left"></span> Trước</a></li>'
        if prev_a:
            nav += f'<li class="next"><a class="hasTooltip" title="{esc(prev_a["title"])}" href="{prev_a["path"]}" rel="next">Tiếp <span class="icon-chevron-right"></span></a></li>'
        nav += "</ul>"
    return f"""<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN" />
<div class="page-header"><h2 itemprop="headline">{esc(a['title'])}</h2></div>
{tools}
<dl class="article-info muted">
<dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi <span itemprop="name">Quản trị viên</span></dd>
<dd class="category-name">Danh mục: <a href="{CAT}" itemprop="genre">Tin tức - Sự kiện</a></dd>
<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time datetime="{dt_attr(a, a['d'])}" itemprop="datePublished">Ngày đăng: {a['d']:%d/%m/%Y %H:%M}</time></dd>
<dd class="modified"><span class="icon-calendar" aria-hidden="true"></span><time datetime="{dt_attr(a, a['m'])}" itemprop="dateModified">Ngày cập nhật: {a['m']:%d/%m/%Y %H:%M}</time></dd>
<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta itemprop="interactionCount" content="UserPageVisits:{a['hits']}" />Lượt xem: {a['hits']}</dd>
</dl>
<div itemprop="articleBody">
{chr(10).join(body)}
</div>
{nav}
</div>
"""


def article_page(a, idx):
    extra = f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{esc(a["title"])}" />'
    crumbs = f'<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb"><li>Bạn đang ở: &#160;</li><li><a href="/" class="pathway">Trang chủ</a> / </li><li><a href="{CAT}" class="pathway">Tin tức - Sự kiện</a> / </li><li class="active"><span>{esc(a["title"])}</span></li></ul>\n'
    return head(f"{a['title']} - {SITE_TITLE}", a["path"], extra) + header(CAT) + crumbs + item_page(a, idx) + sidebar()


def print_page(a, idx):
    return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta charset="utf-8" />
<base href="{BASE}{a['path']}" />
<meta name="robots" content="noindex, nofollow" />
<title>{esc(a['title'])} - {SITE_TITLE}</title>
<link href="{BASE}{a['path']}" rel="canonical" />
<link href="/templates/truongct/css/template.css?4a1b2c" rel="stylesheet" />
<style>body{{background:#fff;font-family:"Times New Roman",serif;margin:20px}}.article-info{{font-size:12px}}@media print{{.hidden-print{{display:none}}}}</style>
</head>
<body class="contentpane modal">
<div id="system-message-container"></div>
{item_page(a, idx, printing=True)}
</body>
</html>
"""


def blog_item(a):
    first = next(p for p in a["paras"] if p != "IMG")
    return f"""<div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
<div class="page-header"><h2 itemprop="name"><a href="{a['path']}" itemprop="url">{esc(a['title'])}</a></h2></div>
<dl class="article-info muted"><dd class="published"><time datetime="{dt_attr(a, a['d'])}" itemprop="datePublished">Ngày đăng: {a['d']:%d/%m/%Y %H:%M}</time></dd><dd class="hits">Lượt xem: {a['hits']}</dd></dl>
<p>{esc(excerpt(first, 40))}</p>
<p class="readmore"><a class="btn" href="{a['path']}" itemprop="url" aria-label="Xem thêm: {esc(a['title'])}"><span class="icon-chevron-right" aria-hidden="true"></span> Xem thêm: {esc(a['title'])}</a></p>
</div>
"""


def build():
    site = Site("joomla_school", "Trường Chính trị tỉnh Lai Châu (mẫu)", "joomla", "Lai Châu")
    exp = site.expected
    for i, a in enumerate(ARTS):
        site.write(a["path"], article_page(a, i))
        pf = f"print/{a['slug']}-{a['id']}.html"
        site.write(pf, print_page(a, i))
        site.route(a["print"], file=pf, status=200)
        paras = [p for p in a["paras"] if p != "IMG"]
        e = {"path": a["path"], "title": a["title"], "published_at": iso(a["d"]), "byline": a["byline"],
             "source": a["source"], "body_first": first_sentence(paras[0]), "body_last": last_sentence(paras[-1]),
             "aliases": [a["print"]]}
        if a["caption"]:
            e["captions"] = [a["caption"]]
        exp["articles"].append(e)
    chunks = [ARTS[i:i + PER_PAGE] for i in range(0, len(ARTS), PER_PAGE)]
    for n, chunk in enumerate(chunks, 1):
        start = (n - 1) * PER_PAGE
        url = CAT if n == 1 else f"{CAT}?start={start}"
        lis = ['<li class="pagination-start">' + ('<span class="pagenav">Bắt đầu</span>' if n == 1 else f'<a title="Bắt đầu" href="{CAT}" class="hasTooltip pagenav">Bắt đầu</a>') + "</li>"]
        lis.append('<li class="pagination-prev">' + ('<span class="pagenav">Trước</span>' if n == 1 else f'<a title="Trước" href="{CAT if n == 2 else f"{CAT}?start={start - PER_PAGE}"}" class="hasTooltip pagenav">Trước</a>') + "</li>")
        for k in range(1, len(chunks) + 1):
            href = CAT if k == 1 else f"{CAT}?start={(k - 1) * PER_PAGE}"
            lis.append(f'<li class="active"><span class="pagenav">{k}</span></li>' if k == n else f'<li><a href="{href}" class="pagenav">{k}</a></li>')
        last = f"{CAT}?start={(len(chunks) - 1) * PER_PAGE}"
        lis.append('<li class="pagination-next">' + ('<span class="pagenav">Tiếp</span>' if n == len(chunks) else f'<a title="Tiếp" href="{CAT}?start={start + PER_PAGE}" class="hasTooltip pagenav">Tiếp</a>') + "</li>")
        lis.append('<li class="pagination-end">' + ('<span class="pagenav">Cuối</span>' if n == len(chunks) else f'<a title="Cuối" href="{last}" class="hasTooltip pagenav">Cuối</a>') + "</li>")
        main = (f'<ul class="breadcrumb"><li><a href="/" class="pathway">Trang chủ</a> / </li><li class="active"><span>Tin tức - Sự kiện</span></li></ul>\n'
                f'<div class="blog" itemscope itemtype="https://schema.org/Blog"><div class="page-header"><h1>Tin tức - Sự kiện</h1></div>\n'
                f'<div class="items-leading clearfix">' + "".join(blog_item(a) for a in chunk) + "</div>\n"
                f'<div class="pagination"><p class="counter pull-right">Trang {n} / {len(chunks)}</p><ul>{"".join(lis)}</ul></div></div>\n')
        extra = f'<link href="{CAT}?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />'
        f = f"pages/tin-tuc-su-kien-{n}.html"
        site.write(f, head(f"Tin tức - Sự kiện{'' if n == 1 else f' - Trang {n}'} - {SITE_TITLE}", url, extra) + header(CAT) + main + sidebar())
        site.route(url, file=f, status=200)
        if n == 1:
            site.route(f"{CAT}?start=0", file=f, status=200)
        exp["not_articles"].append(url)
    # homepage: featured
    feat = "".join(blog_item(a) for a in ARTS[:4])
    home_main = (f'<div class="blog-featured" itemscope itemtype="https://schema.org/Blog"><div class="items-leading clearfix">{feat}</div></div>'
                 f'<p><a href="{CAT}">Xem tất cả tin tức – sự kiện »</a></p>')
    feed_link = f'<link href="/index.php?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />'
    site.write("index.html", head(f"Trang chủ - {SITE_TITLE}", "/", feed_link) + header("/") + home_main + sidebar())
    site.route("/index.php", file="index.html", status=200)
    exp["not_articles"].append("/")
    gt = """<div class="item-page"><div class="page-header"><h2 itemprop="headline">Giới thiệu</h2></div><div itemprop="articleBody">
<p>Trường Chính trị tỉnh Lai Châu là cơ sở đào tạo, bồi dưỡng trực thuộc Tỉnh ủy và Ủy ban nhân dân tỉnh, chịu sự lãnh đạo trực tiếp, toàn diện của Ban Thường vụ Tỉnh ủy.</p>
<p>Nhà trường có chức năng đào tạo trung cấp lý luận chính trị – hành chính; bồi dưỡng cán bộ lãnh đạo, quản lý của hệ thống chính trị cấp cơ sở; nghiên cứu khoa học về lý luận chính trị.</p>
<p>Cơ cấu tổ chức gồm Ban Giám hiệu, các phòng: Tổ chức – Hành chính, Quản lý đào tạo và Nghiên cứu khoa học; các khoa: Lý luận cơ sở, Xây dựng Đảng, Nhà nước và Pháp luật, Dân vận.</p></div></div>"""
    site.write("pages/gioi-thieu.html", head(f"Giới thiệu - {SITE_TITLE}", "/index.php/gioi-thieu") + header("/index.php/gioi-thieu") + gt + sidebar())
    site.route("/index.php/gioi-thieu", file="pages/gioi-thieu.html", status=200)
    lh = """<div class="contact"><div class="page-header"><h2>Liên hệ</h2></div><p>Trường Chính trị tỉnh Lai Châu – Phường Tân Phong, thành phố Lai Châu.</p>
<form action="/index.php/lien-he" method="post" class="form-validate form-horizontal"><fieldset><legend>Gửi email</legend>
<label for="jform_contact_name">Tên *</label><input type="text" name="jform[contact_name]" id="jform_contact_name" />
<label for="jform_contact_email">Email *</label><input type="email" name="jform[contact_email]" id="jform_contact_email" />
<label for="jform_contact_message">Nội dung *</label><textarea name="jform[contact_message]" id="jform_contact_message" cols="50" rows="10"></textarea>
<button class="btn btn-primary validate" type="submit">Gửi email</button></fieldset></form></div>"""
    site.write("pages/lien-he.html", head(f"Liên hệ - {SITE_TITLE}", "/index.php/lien-he") + header("/index.php/lien-he") + lh + sidebar())
    site.route("/index.php/lien-he", file="pages/lien-he.html", status=200)
    exp["not_articles"] += ["/index.php/gioi-thieu", "/index.php/lien-he"]
    # RSS feed
    items = "".join(f"""<item>
<title>{esc(a['title'])}</title>
<link>{BASE}{a['path']}</link>
<guid isPermaLink="true">{BASE}{a['path']}</guid>
<description><![CDATA[<p>{esc(next(p for p in a['paras'] if p != 'IMG'))}</p>]]></description>
<author>truongchinhtri@laichau.gov.vn (Quản trị viên)</author>
<category>Tin tức - Sự kiện</category>
<pubDate>{a['d'].astimezone(__import__('datetime').timezone.utc).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>
</item>
""" for a in ARTS)
    site.write("feeds/tin-tuc-su-kien.rss", f"""<?xml version="1.0" encoding="utf-8"?>
<!-- generator="Joomla! - Open Source Content Management" -->
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Tin tức - Sự kiện</title>
<description><![CDATA[Trang thông tin điện tử Trường Chính trị tỉnh Lai Châu]]></description>
<link>{BASE}{CAT}</link>
<lastBuildDate>Sat, 28 Nov 2026 08:00:00 +0700</lastBuildDate>
<generator>Joomla! - Open Source Content Management</generator>
<atom:link rel="self" type="application/rss+xml" href="{BASE}{CAT}?format=feed&amp;type=rss"/>
<language>vi-vn</language>
{items}</channel>
</rss>
""")
    site.route(f"{CAT}?format=feed&type=rss", file="feeds/tin-tuc-su-kien.rss", status=200, content_type="application/rss+xml; charset=utf-8")
    site.route("/index.php?format=feed&type=rss", file="feeds/tin-tuc-su-kien.rss", status=200, content_type="application/rss+xml; charset=utf-8")
    site.write("robots.txt", "User-agent: *\nDisallow: /administrator/\nDisallow: /bin/\nDisallow: /cache/\nDisallow: /cli/\nDisallow: /components/\nDisallow: /includes/\nDisallow: /installation/\nDisallow: /language/\nDisallow: /layouts/\nDisallow: /libraries/\nDisallow: /logs/\nDisallow: /modules/\nDisallow: /plugins/\nDisallow: /tmp/\n")
    exp["forbidden_phrases"] = ["Viết bởi", "Quản trị viên", "Danh mục: Tin tức - Sự kiện", "Ngày đăng:", "Ngày cập nhật:", "Lượt xem:",
                                "Tin mới", "Tin đọc nhiều", "Bản quyền thuộc Trường Chính trị tỉnh Lai Châu", "Thống kê truy cập",
                                "Giấy phép số 03/GP-STTTT", "Về đầu trang", "Liên kết website", "Bài và ảnh: Thu Hà", "Nguồn: Báo Lai Châu",
                                "Bạn đang ở:"]
    exp["traps"] = {
        "print_views": [a["print"] for a in ARTS],
        "mailto_404": [f"{MAILTO}{a['id']}" for a in ARTS],
        "start0_same_as_first_page": [f"{CAT}?start=0"],
        "index_php_is_homepage": ["/index.php"],
        "utc_datetime_attr": [a["path"] for a in ARTS if a["utc"]],
    }
    site.finish()


if __name__ == "__main__":
    build()
