"""Generate nukeviet_dcs/: a NukeViet *.dcs.vn Tỉnh ủy site (Quảng Trị), fictional sample."""
from __future__ import annotations

from _common import BASE, COUNTER_JS, Site, dt, esc, excerpt, first_sentence, iso, last_sentence, theme_css, weekday

SITE_TITLE = "Trang thông tin điện tử Đảng bộ tỉnh Quảng Trị"
PER_PAGE = 3

ARTICLES = [
    dict(id=4521, slug="hoi-nghi-bao-cao-vien-tinh-uy-thang-4-nam-2019", date="2019-04-26 11:21:00", old=False,
         title="Hội nghị báo cáo viên Tỉnh ủy tháng 4 năm 2019",
         lead="Sáng 25/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên Tỉnh ủy định kỳ tháng 4 năm 2019 theo hình thức trực tuyến đến các huyện, thị, thành ủy.",
         paras=[
             "Tại hội nghị, các báo cáo viên được thông tin về tình hình thời sự trong nước, quốc tế nổi bật và kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội của tỉnh trong quý I.",
             "Đại diện Ban Dân vận Tỉnh ủy đã quán triệt kế hoạch tuyên truyền, vận động nhân dân tham gia bảo vệ rừng, phòng chống cháy rừng trong mùa khô. Các báo cáo viên cũng được định hướng thông tin về việc chuẩn bị kỷ niệm các ngày lễ lớn trong tháng 5.",
             "Hội nghị đề nghị đội ngũ báo cáo viên các cấp bám sát cơ sở, kịp thời nắm bắt dư luận xã hội. Việc phản ánh những vấn đề nhân dân quan tâm cần được thực hiện đúng thời hạn để cấp ủy có hướng giải quyết.",
         ],
         author="Trần Văn Đời", source_line=None, byline="Trần Văn Đời", source=None, attach="bao-cao-chuyen-de-thang-4-2019.pdf"),
    dict(id=4498, slug="huong-hoa-day-manh-cong-tac-dan-van-trong-dong-bao-van-kieu-pa-ko", date="2019-04-10 08:05:00", old=False,
         title="Hướng Hóa đẩy mạnh công tác dân vận trong đồng bào Vân Kiều, Pa Kô",
         lead="Những năm qua, Huyện ủy Hướng Hóa đã tập trung chỉ đạo đổi mới nội dung, phương thức công tác dân vận ở vùng đồng bào dân tộc thiểu số, góp phần giữ vững ổn định tình hình vùng biên giới.",
         paras=[
             "Huyện đã cử hàng trăm cán bộ, đảng viên về bám thôn, bản, giúp đồng bào Vân Kiều, Pa Kô chuyển đổi cơ cấu cây trồng, phát triển cà phê và chuối theo hướng hàng hóa. Nhiều hộ đã có thu nhập khá, xây được nhà kiên cố.",
             "Công tác vận động đồng bào xóa bỏ tập tục lạc hậu được thực hiện kiên trì, thông qua già làng, trưởng bản và người có uy tín. Tình trạng tảo hôn, hôn nhân cận huyết thống ở các xã vùng cao đã giảm rõ rệt.",
             "Lực lượng bộ đội biên phòng phối hợp với các đoàn thể duy trì mô hình “Nâng bước em tới trường”, nhận đỡ đầu học sinh nghèo. Mô hình được nhân dân đồng tình, ủng hộ.",
             "Thời gian tới, Huyện ủy tiếp tục chỉ đạo xây dựng các mô hình “Dân vận khéo” gắn với chương trình giảm nghèo bền vững và xây dựng nông thôn mới.",
         ],
         author="Hồ Văn Thanh – Lê Trường", source_line="Ban Dân vận Huyện ủy Hướng Hóa",
         byline="Hồ Văn Thanh – Lê Trường", source="Ban Dân vận Huyện ủy Hướng Hóa", attach=None),
    dict(id=4470, slug="cam-lo-so-ket-5-nam-thuc-hien-chi-thi-05", date="2019-03-22 15:30:00", old=False,
         title="Cam Lộ sơ kết 3 năm thực hiện Chỉ thị 05 của Bộ Chính trị",
         lead="Chiều 21/3, Huyện ủy Cam Lộ tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
         paras=[
             "Qua 3 năm, các tổ chức cơ sở đảng trong huyện đã đưa việc học tập và làm theo gương Bác trở thành nội dung sinh hoạt thường kỳ. Mỗi cán bộ, đảng viên đăng ký một việc làm cụ thể gắn với chức trách, nhiệm vụ được giao.",
             "Nhiều tập thể, cá nhân điển hình đã được biểu dương, như mô hình “Dân vận khéo” trong dồn điền đổi thửa ở xã Cam Thành, mô hình tổ tự quản an ninh trật tự ở thị trấn Cam Lộ.",
             "Hội nghị đã khen thưởng 8 tập thể và 15 cá nhân có thành tích tiêu biểu trong thực hiện Chỉ thị 05.",
         ],
         author=None, source_line="Báo Quảng Trị", byline=None, source="Báo Quảng Trị", attach=None),
    dict(id=2310, slug="trieu-phong-ra-quan-xay-dung-nong-thon-moi-nam-2016", date="2016-03-15 04:35:00", old=True,
         title="Triệu Phong ra quân xây dựng nông thôn mới năm 2016",
         lead="Ngày 14/3, huyện Triệu Phong tổ chức lễ ra quân xây dựng nông thôn mới năm 2016 với sự tham gia của hàng nghìn đoàn viên, hội viên và nhân dân.",
         paras=[
             "Ngay sau lễ ra quân, các lực lượng đã tỏa về các thôn để làm vệ sinh môi trường, phát quang bờ bụi, nạo vét kênh mương nội đồng. Nhiều tuyến đường làng được trồng hoa, cây xanh.",
             "Năm 2016, huyện phấn đấu có thêm ba xã đạt chuẩn nông thôn mới. Ủy ban Mặt trận Tổ quốc huyện đã phát động các khu dân cư thi đua xây dựng khu dân cư kiểu mẫu.",
             "Người dân các xã ven biển cũng hăng hái đóng góp ngày công và kinh phí để bê tông hóa đường giao thông. Tinh thần đó cho thấy sức lan tỏa của cuộc vận động trong toàn huyện.",
         ],
         author=None, source_line=None, bare="LÊ SÁU", byline="LÊ SÁU", source=None, attach=None),
    dict(id=2288, slug="gio-linh-doi-thoai-giua-nguoi-dung-dau-cap-uy-voi-nhan-dan", date="2016-03-02 16:10:00", old=True,
         title="Gio Linh tổ chức đối thoại giữa người đứng đầu cấp ủy với nhân dân",
         lead="Ngày 2/3, Ban Thường vụ Huyện ủy Gio Linh tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân tại xã Gio Mỹ.",
         paras=[
             "Tại buổi đối thoại, bà con đã nêu nhiều ý kiến về đền bù giải phóng mặt bằng, cấp giấy chứng nhận quyền sử dụng đất và đầu tư hệ thống thủy lợi phục vụ sản xuất vụ hè thu.",
             "Lãnh đạo huyện đã trả lời thẳng thắn từng ý kiến, những việc thuộc thẩm quyền được giao cho các phòng, ban giải quyết ngay trong tháng.",
             "Người dân đánh giá cao cách làm cầu thị của cấp ủy, chính quyền. Huyện ủy Gio Linh sẽ duy trì tổ chức đối thoại định kỳ ở tất cả các xã, thị trấn.",
         ],
         author=None, source_line=None, bare="T.X", byline="T.X", source=None, attach=None, nfd=True),
]
for a in ARTICLES:
    a["d"] = dt(a["date"])
    a["path"] = f"/tin-tuc/{a['slug']}-{a['id']}.html"
    a["print"] = f"/tin-tuc/print/{a['slug']}-{a['id']}.html"
ARTS = sorted(ARTICLES, key=lambda a: a["d"], reverse=True)
BY_ID = {a["id"]: a for a in ARTS}
POPULAR = [2310, 4470, 2288, 4498]
CSS = theme_css("#b71c1c", "#d32f2f") + """
.news_column .title{font-size:26px;line-height:1.3;color:#b71c1c}.hometext{font-weight:700;margin:12px 0}
.bodytext{font-size:17px;text-align:justify}.list-inline{list-style:none;padding:0}.list-inline li{display:inline-block;margin-right:10px}
.news-related h3{font-size:16px;border-bottom:1px solid #ddd}.news-related li em{color:#888;font-size:12px}
"""


def date_text(a):
    d = a["d"]
    if a["old"]:
        return f"{d:%H:%M %d/%m/%Y}"
    return f"{weekday(d, lower=True)}, {d:%d/%m/%Y - %H:%M}"


def head(title, canonical, extra=""):
    return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{esc(title)}</title>
<meta name="description" content="{esc(SITE_TITLE)}" />
<meta name="author" content="Đảng bộ tỉnh Quảng Trị" />
<meta name="generator" content="NukeViet v4.3" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta property="og:url" content="{BASE}{canonical}" />
<link rel="canonical" href="{BASE}{canonical}" />
{extra}
<link rel="StyleSheet" href="/themes/dcs/css/bootstrap.non-responsive.css" />
<link rel="StyleSheet" href="/themes/dcs/css/style.css" />
<style>{CSS}</style>
<script data-show="inline">var nv_base_siteurl="/",nv_lang_data="vi",nv_lang_interface="vi",nv_name_variable="nv",nv_fc_variable="op",nv_lang_variable="language",nv_module_name="tin-tuc",nv_func_name="main",nv_is_user=0,nv_my_ofs=7,nv_my_abbr="ICT",nv_cookie_prefix="nv4",nv_check_pass_mstime=1738000,nv_area_admin=0,nv_safemode=0,theme_responsive=0;</script>
<script src="/assets/js/jquery/jquery.min.js"></script>
<script src="/assets/js/global.js"></script>
<script src="/themes/dcs/js/main.js"></script>
</head>
"""


def header():
    menu = [("/", "Trang chủ"), ("/gioi-thieu/", "Giới thiệu"), ("/tin-tuc/", "Tin tức"), ("/tin-tuc/tag/dan-van.html", "Dân vận"), ("/lien-he/", "Liên hệ")]
    items = "".join(f'<li><a title="{t}" href="{u}">{t}</a></li>' for u, t in menu)
    return f"""<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.</div></noscript>
<div class="topbar"><div class="container"><span class="today" id="digclock">Thứ bảy, 28/11/2026</span><span class="links"><a href="/sitemap.xml">Sitemap</a> | <a href="/users/login/">Đăng nhập</a></span></div></div>
<header class="site-header"><div class="container brand"><a href="/"><img src="/uploads/logo-dang.png" alt="logo" width="72" height="72" /></a>
<div><div class="name">Đảng bộ tỉnh Quảng Trị</div><div class="sub">Trang thông tin điện tử (trang mẫu)</div></div></div></header>
<nav class="main-nav second-nav" id="menusite"><div class="container"><ul class="nav navbar-nav">{items}</ul></div></nav>
<div class="container"><div class="layout"><div class="content-area col-md-16">
"""


def sidebar():
    li_new = "".join(f'<li><a href="{a["path"]}" title="{esc(a["title"])}">{esc(a["title"])}</a><span class="date">{a["d"]:%d/%m/%Y}</span></li>' for a in ARTS[:4])
    li_pop = "".join(f'<li><a href="{BY_ID[i]["path"]}">{esc(BY_ID[i]["title"])}</a><span class="date">{BY_ID[i]["d"]:%H:%M %d/%m/%Y}</span></li>' for i in POPULAR)
    return f"""</div>
<div class="sidebar col-md-8">
<div class="widget"><h3 class="widget-title">Tin mới</h3><ul>{li_new}</ul></div>
<div class="widget"><h3 class="widget-title">Tin đọc nhiều</h3><ul>{li_pop}</ul></div>
<div class="widget"><h3 class="widget-title">Thăm dò ý kiến</h3><p>Bạn biết đến trang thông tin qua kênh nào?</p><p><input type="radio" name="vote" /> Báo chí<br /><input type="radio" name="vote" /> Bạn bè<br /><input type="radio" name="vote" /> Mạng xã hội</p><input type="button" value="Bình chọn" onclick="nv_sendvoting(this.form, '1', '1', '', '', '0');" /></div>
<div class="widget"><h3 class="widget-title">Liên kết website</h3><ul><li><a href="http://dangcongsan.vn" target="_blank">Báo điện tử Đảng Cộng sản Việt Nam</a></li><li><a href="http://quangtri.gov.vn" target="_blank">Cổng TTĐT tỉnh Quảng Trị</a></li></ul></div>
</div></div></div>
<footer class="site-footer" id="footer"><div class="container cols"><div>
<p><strong>Bản quyền thuộc Tỉnh ủy Quảng Trị</strong> (trang mẫu dùng cho kiểm thử)</p>
<p>Chịu trách nhiệm: Trưởng Ban Tuyên giáo Tỉnh ủy Quảng Trị.</p>
<p>Địa chỉ: Số 45 Hùng Vương, thành phố Đông Hà, tỉnh Quảng Trị. Điện thoại: 0233.3852.xxx</p>
<p>Giấy phép số 27/GP-TTĐT (mẫu). Phát triển trên nền tảng NukeViet CMS.</p></div>
<div class="counter"><h3>Thống kê truy cập</h3><p>Đang truy cập: <b>23</b></p><p>Hôm nay: <b>2.114</b></p><p>Tổng lượt truy cập: <b id="visit-counter" data-total="3901772">3.901.772</b></p></div></div></footer>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script>{COUNTER_JS}</script>
</body>
</html>
"""


def body_html(a):
    ps = "\n".join(f'<p style="text-align: justify;">{esc(p)}</p>' for p in a["paras"])
    if a.get("bare"):
        ps += f'\n<p style="text-align: right;"><strong>{esc(a["bare"])}</strong></p>'
    return ps


def author_block(a):
    parts = []
    if a["author"]:
        parts.append(f"<strong>Tác giả: </strong>{esc(a['author'])}")
    if a["source_line"]:
        parts.append(f"<strong>Nguồn tin: </strong>{esc(a['source_line'])}")
    if not parts:
        return ""
    return '<div class="margin-bottom-lg"><p class="h5 text-right" style="text-align: right;">' + "<br />".join(parts) + "</p></div>"


def article_inner(a):
    ym = a["d"].strftime("%Y_%m")
    return f"""<h1 class="title margin-bottom-lg">{esc(a['title'])}</h1>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{date_text(a)}</span></div></div>
<div class="clearfix"><figure class="article left pointer"><img alt="{esc(a['title'])}" src="/uploads/news/{ym}/{a['slug'][:30]}.jpg" width="460" class="img-thumbnail" /></figure>
<div class="hometext m-bottom">{esc(a['lead'])}</div></div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{body_html(a)}
</div>
{author_block(a)}"""


def article_page(a, idx):
    ym = a["d"].strftime("%Y_%m")
    newer = ARTS[:idx][-3:][::-1]
    older = ARTS[idx + 1: idx + 4]
    newer_html = "".join(f'<li><a href="{x["path"]}">{esc(x["title"])}</a> <em>({x["d"]:%d/%m/%Y})</em></li>' for x in newer)
    older_html = "".join(f'<li><a href="{x["path"]}">{esc(x["title"])}</a> <em>({x["d"]:%d/%m/%Y})</em></li>' for x in older)
    attach = ""
    if a["attach"]:
        attach = f"""<div class="news_column panel panel-default"><div class="panel-body"><div class="h3 margin-bottom">File đính kèm:</div>
<ul class="list-unstyled"><li><a href="/uploads/news/{ym}/{a['attach']}" title="{a['attach']}"><em class="fa fa-file-pdf-o">&nbsp;</em>{a['attach']}</a></li></ul></div></div>"""
    main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc/">Tin tức</a></div>
<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body">
{article_inner(a)}
<div class="row margin-bottom-lg"><ul class="list-inline text-right">
<li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="javascript:void(0);" onclick="nv_open_browse('/sendmail/{a['slug']}-{a['id']}.html','',650,500,'resizable=no,scrollbars=no,toolbar=no,location=no,status=no');return false"><em class="fa fa-envelope fa-lg">&nbsp;</em> Gửi bài viết qua email</a></li>
<li><a class="dimgray" rel="nofollow" title="In ra" href="{a['print']}" onclick="nv_open_browse(this.href,'',840,500,'resizable=yes,scrollbars=yes,toolbar=no,location=no,status=no');return false"><em class="fa fa-print fa-lg">&nbsp;</em> In ra</a></li>
<li><a class="dimgray" rel="nofollow" title="Lưu bài viết này" href="/tin-tuc/savefile/{a['slug']}-{a['id']}.html"><em class="fa fa-save fa-lg">&nbsp;</em> Lưu bài viết này</a></li>
</ul></div>
</div></div>
{attach}
<div class="news_column panel panel-default"><div class="panel-body"><div class="h5"><em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong><a title="dân vận" href="/tin-tuc/tag/dan-van.html"><em>dân vận</em></a></div></div></div>
<div class="news_column panel panel-default news-related"><div class="panel-body">
{f'<p class="h3"><strong>Những tin mới hơn</strong></p><ul class="related">{newer_html}</ul>' if newer_html else ''}
{f'<p class="h3"><strong>Những tin cũ hơn</strong></p><ul class="related">{older_html}</ul>' if older_html else ''}
</div></div>
"""
    extra = f"""<meta property="og:type" content="article" />
<meta property="og:title" content="{esc(a['title'])}" />
<meta property="og:description" content="{esc(excerpt(a['lead'], 25))}" />
<meta property="og:image" content="{BASE}/uploads/news/{ym}/{a['slug'][:30]}.jpg" />"""
    return head(f"{a['title']} - Tin tức - {SITE_TITLE}", a["path"], extra) + header() + main + sidebar()


def print_page(a):
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(a['title'])}</title><meta name="robots" content="noindex, nofollow" />
<link rel="canonical" href="{BASE}{a['path']}" />
<style>body{{font-family:Arial,sans-serif;margin:20px;color:#000}}#print-footer{{font-size:12px;border-top:1px solid #000;margin-top:20px}}.noprint a{{margin-right:10px}}@media print{{.noprint{{display:none}}}}</style>
</head><body>
<div id="print"><div id="hd_print"><h2 class="pull-left">{esc(SITE_TITLE)}</h2><p class="pull-right"><a title="{esc(SITE_TITLE)}" href="/">{BASE}</a></p></div>
<div class="news_column">{article_inner(a)}</div>
<div id="print-footer"><p>URL của bản tin này: <a href="{BASE}{a['path']}">{BASE}{a['path']}</a></p><p><strong>Bản quyền thuộc Tỉnh ủy Quảng Trị</strong></p></div>
<div class="noprint"><a href="javascript:;" onclick="window.print()">In bài viết</a><a href="javascript:;" onclick="window.close()">Đóng cửa sổ</a></div></div>
</body></html>
"""


def list_item(a):
    ym = a["d"].strftime("%Y_%m")
    return f"""<div class="news_column panel panel-default"><div class="panel-body">
<a href="{a['path']}" title="{esc(a['title'])}"><img alt="{esc(a['title'])}" src="/uploads/news/{ym}/{a['slug'][:30]}.jpg" width="183" class="img-thumbnail pull-left imghome" /></a>
<h3><a href="{a['path']}" title="{esc(a['title'])}">{esc(a['title'])}</a></h3>
<div class="text-muted"><ul class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> {date_text(a)}</li><li><em class="fa fa-eye">&nbsp;</em> Đã xem: {a['id'] % 500}</li></ul></div>
{esc(excerpt(a['lead'], 40))}</div></div>
"""


def build():
    site = Site("nukeviet_dcs", "Đảng bộ tỉnh Quảng Trị (mẫu)", "nukeviet", "Quảng Trị")
    exp = site.expected
    for i, a in enumerate(ARTS):
        site.write(a["path"], article_page(a, i), nfd=a.get("nfd", False))
        site.write(a["print"], print_page(a), nfd=a.get("nfd", False))
        exp["articles"].append({"path": a["path"], "title": a["title"], "published_at": iso(a["d"]), "byline": a["byline"],
                                "source": a["source"], "lead": a["lead"], "body_first": first_sentence(a["lead"]),
                                "body_last": last_sentence(a["paras"][-1]), "aliases": [a["print"]]})
    chunks = [ARTS[i:i + PER_PAGE] for i in range(0, len(ARTS), PER_PAGE)]
    for n, chunk in enumerate(chunks, 1):
        url = "/tin-tuc/" if n == 1 else f"/tin-tuc/page-{n}"
        pager = "".join((f'<li class="active"><a href="#">{k}</a></li>' if k == n else
                         f'<li><a href="{"/tin-tuc/" if k == 1 else f"/tin-tuc/page-{k}"}">{k}</a></li>') for k in range(1, len(chunks) + 1))
        if n < len(chunks):
            pager += f'<li><a href="/tin-tuc/page-{n + 1}">&raquo;</a></li>'
        main = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> » Tin tức</div><h1 class="cat-title">Tin tức</h1>\n'
                + "".join(list_item(a) for a in chunk) + f'<div class="text-center"><ul class="pagination">{pager}</ul></div>')
        f = "tin-tuc/index.html" if n == 1 else f"tin-tuc/page-{n}.html"
        site.write(f, head(f"Tin tức{'' if n == 1 else f' - Trang {n}'} - {SITE_TITLE}", url) + header() + main + sidebar())
        if n > 1:
            site.route(url, file=f, status=200)
        exp["not_articles"].append(url)
    # tag page: looks like an article URL (/tin-tuc/….html) but is a listing
    tagged = [a for a in ARTS if a["id"] in (4498, 2310, 2288)]
    site.write("tin-tuc/tag/dan-van.html", head(f"dân vận - Tin tức - {SITE_TITLE}", "/tin-tuc/tag/dan-van.html") + header()
               + '<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc/">Tin tức</a> » Từ khóa</div><h1 class="cat-title">Từ khóa: dân vận</h1>\n'
               + "".join(list_item(a) for a in tagged) + sidebar())
    exp["not_articles"].append("/tin-tuc/tag/dan-van.html")
    # homepage
    hot = ARTS[0]
    home = (f'<div class="news_column panel panel-default"><div class="panel-body"><h2><a href="{hot["path"]}">{esc(hot["title"])}</a></h2><p>{esc(hot["lead"])}</p></div></div>'
            + '<h3 class="widget-title">Tin tức – Sự kiện</h3>' + "".join(list_item(a) for a in ARTS[1:4])
            + '<p><a href="/tin-tuc/">Xem tiếp</a></p>')
    site.write("index.html", head(SITE_TITLE, "/") + header() + home + sidebar())
    exp["not_articles"].append("/")
    for slug, title, text in [
        ("gioi-thieu", "Giới thiệu", "<p>Quảng Trị là tỉnh thuộc vùng Bắc Trung Bộ, có truyền thống cách mạng vẻ vang. Đảng bộ tỉnh lãnh đạo nhân dân các dân tộc Kinh, Vân Kiều, Pa Kô xây dựng quê hương.</p><p>Trang thông tin điện tử Đảng bộ tỉnh là kênh thông tin chính thức của Tỉnh ủy về hoạt động của Đảng bộ.</p>"),
        ("lien-he", "Liên hệ", "<p>Văn phòng Tỉnh ủy Quảng Trị, Số 45 Hùng Vương, thành phố Đông Hà.</p><form action=\"/lien-he/\" method=\"post\"><input type=\"text\" name=\"fname\" /><textarea name=\"fcon\"></textarea><input type=\"submit\" value=\"Gửi\" /></form>"),
    ]:
        site.write(f"{slug}/index.html", head(f"{title} - {SITE_TITLE}", f"/{slug}/") + header()
                   + f'<div class="page panel panel-default"><div class="panel-body"><h1 class="title">{title}</h1>{text}</div></div>' + sidebar())
        exp["not_articles"].append(f"/{slug}/")
    urls = "".join(f"<url><loc>{BASE}{a['path']}</loc><lastmod>{iso(a['d'])}</lastmod><changefreq>monthly</changefreq></url>\n" for a in ARTS)
    site.write("sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               f"<url><loc>{BASE}/tin-tuc/</loc><changefreq>daily</changefreq></url>\n{urls}</urlset>\n")
    site.write("robots.txt", f"User-agent: *\nDisallow: /admin/\nDisallow: /data/\nDisallow: /includes/\nDisallow: /vendor/\nDisallow: /users/\nDisallow: /tin-tuc/savefile/\n\nSitemap: {BASE}/sitemap.xml\n")
    exp["forbidden_phrases"] = ["Những tin mới hơn", "Những tin cũ hơn", "Gửi bài viết qua email", "In ra", "Lưu bài viết này",
                                "File đính kèm", "Từ khóa:", "Tin mới", "Tin đọc nhiều", "Thăm dò ý kiến", "Bản quyền thuộc Tỉnh ủy Quảng Trị",
                                "Thống kê truy cập", "Giấy phép số 27/GP-TTĐT", "Tác giả:", "Nguồn tin:", "Đã xem:", "URL của bản tin này"]
    exp["traps"] = {
        "print_views": [a["print"] for a in ARTS],
        "savefile_404": [f"/tin-tuc/savefile/{a['slug']}-{a['id']}.html" for a in ARTS],
        "tag_page_looks_like_article": ["/tin-tuc/tag/dan-van.html"],
        "nfd_pages": [a["path"] for a in ARTS if a.get("nfd")],
        "time_first_dates": [a["path"] for a in ARTS if a["old"]],
        "login_404": ["/users/login/"],
    }
    site.finish()


if __name__ == "__main__":
    build()
