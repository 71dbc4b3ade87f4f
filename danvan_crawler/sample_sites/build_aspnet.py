"""Generate aspnet_portal/: a custom ASP.NET Tỉnh ủy portal (Điện Biên), fictional sample.

Two articles republish wp_bdv stories (same text, a day later, edited lead, "Nguồn: …" line).
"""
from __future__ import annotations

from _common import BASE, COUNTER_JS, Site, dt, esc, first_sentence, iso, last_sentence, theme_css, weekday
from content_laichau import ARTICLES as LC

LC_BY_ID = {a["id"]: a for a in LC}
SITE_TITLE = "Trang thông tin điện tử Đảng bộ tỉnh Điện Biên"
TODAY = "Hôm nay: Thứ bảy, 28/11/2026"
PER_PAGE = 4


def lc_paras(aid):
    return [p for p in LC_BY_ID[aid]["paras"] if not p.startswith("IMG:")]


def lc_path(aid):
    a = LC_BY_ID[aid]
    return dt(a["date"]).strftime("/%Y/%m/%d/") + a["slug"] + "/"


ARTICLES = [
    dict(id=8770, slug="hoi-lhpn-tinh-ky-niem-90-nam-ngay-thanh-lap-hoi", date="2020-10-17 14:34:00", fmt="A",
         title="Hội Liên hiệp Phụ nữ tỉnh kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam",
         lead="Sáng 16/10, Hội Liên hiệp Phụ nữ tỉnh Điện Biên tổ chức gặp mặt kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – 20/10/2020) và tuyên dương phụ nữ tiêu biểu.",
         paras=[
             "Tại buổi gặp mặt, các đại biểu cùng nhìn lại truyền thống vẻ vang của các thế hệ phụ nữ Điện Biên trong kháng chiến cũng như trong xây dựng quê hương. Những năm qua, các cấp hội đã vận động hội viên tham gia phát triển kinh tế hộ gia đình, xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc.",
             "Nhiệm kỳ vừa qua, các cấp hội đã giúp hơn hai nghìn hộ do phụ nữ làm chủ thoát nghèo, thành lập mới nhiều tổ hợp tác và câu lạc bộ phụ nữ khởi nghiệp. Cuộc vận động “Xây dựng gia đình 5 không, 3 sạch” được đông đảo chị em hưởng ứng.",
             "Dịp này, Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh tuyên dương 45 phụ nữ tiêu biểu trên các lĩnh vực. Nhiều chị là người dân tộc Thái, Mông, Khơ Mú đã vượt khó vươn lên làm kinh tế giỏi.",
         ],
         credit="<p style=\"text-align:right\"><b>Hoàng Châu</b></p>", byline="Hoàng Châu", source=None),
    dict(id=8766, slug="mat-tran-va-cac-doan-the-chung-tay-xay-dung-nong-thon-moi-tai-sin-ho", date="2020-10-09 10:20:00", fmt="B",
         title="Mặt trận và các đoàn thể chung tay xây dựng nông thôn mới tại Sìn Hồ",
         lead="Những năm gần đây, Ủy ban Mặt trận Tổ quốc và các đoàn thể huyện Sìn Hồ (Lai Châu) đã vận động đoàn viên, hội viên hiến đất, góp ngày công làm đường bê tông nội đồng và xây nhà văn hóa bản, qua đó làm thay đổi rõ rệt diện mạo nhiều bản vùng cao.",
         paras=lc_paras(1270)[1:],
         credit="<p style=\"text-align:right\"><em>Nguồn: Ban Dân vận Tỉnh ủy Lai Châu</em></p>", byline=None,
         source="Ban Dân vận Tỉnh ủy Lai Châu", republishes="wp_bdv:" + lc_path(1270)),
    dict(id=8761, slug="tam-duong-lan-toa-phong-trao-dan-van-kheo", date="2020-09-26 08:47:00", fmt="A",
         title="Tam Đường lan tỏa phong trào “Dân vận khéo”",
         lead="Xác định phong trào thi đua “Dân vận khéo” là giải pháp quan trọng để thực hiện thắng lợi nhiệm vụ chính trị, từ đầu năm Huyện ủy Tam Đường (tỉnh Lai Châu) đã chỉ đạo mỗi cơ quan, đơn vị đăng ký ít nhất một mô hình cụ thể.",
         paras=lc_paras(1241)[1:],
         credit="<p style=\"text-align:right\">Nguồn: Ban Dân vận Tỉnh ủy Lai Châu</p>", byline=None,
         source="Ban Dân vận Tỉnh ủy Lai Châu", republishes="wp_bdv:" + lc_path(1241)),
    dict(id=8740, slug="dien-bien-dong-nang-cao-hieu-qua-van-dong-quan-chung", date="2020-06-30 15:05:00", fmt="A",
         title="Điện Biên Đông nâng cao hiệu quả vận động quần chúng ở vùng đặc biệt khó khăn",
         lead="Với hơn 90% dân số là đồng bào dân tộc thiểu số, huyện Điện Biên Đông xác định công tác vận động quần chúng là nhiệm vụ then chốt để giữ ổn định và phát triển.",
         paras=[
             "Huyện ủy đã phân công cán bộ, đảng viên phụ trách từng bản, từng nhóm hộ, thường xuyên nắm bắt tâm tư, nguyện vọng của người dân. Các tổ công tác “3 cùng” ăn, ở, làm việc cùng dân đã giúp giải quyết dứt điểm nhiều vụ tranh chấp đất nương.",
             "Nhờ làm tốt công tác dân vận, năm qua huyện không để xảy ra tình trạng di cư tự do, các hoạt động truyền đạo trái phép được ngăn chặn kịp thời. Người dân tích cực hiến đất làm đường, chuyển đổi cây trồng sang cây ăn quả có giá trị cao.",
             "Thời gian tới, huyện tiếp tục đổi mới phương thức tuyên truyền bằng tiếng dân tộc, phát huy vai trò người có uy tín. Huyện cũng chú trọng bồi dưỡng kỹ năng vận động quần chúng cho cán bộ cơ sở.",
         ],
         credit="<p style=\"text-align:right\"><b>Thanh Bình – Thu Hằng</b></p>", byline="Thanh Bình – Thu Hằng", source=None),
    dict(id=8715, slug="tuan-giao-to-chuc-tet-am-cho-ho-ngheo", date="2018-02-08 09:53:00", fmt="C",
         title="Tuần Giáo tổ chức “Tết ấm” cho hộ nghèo",
         lead="Nhằm giúp các hộ nghèo đón Tết Nguyên đán Mậu Tuất đầm ấm, Ủy ban Mặt trận Tổ quốc huyện Tuần Giáo đã phối hợp với các nhà hảo tâm trao hàng trăm suất quà.",
         paras=[
             "Các suất quà gồm gạo, dầu ăn, bánh kẹo và chăn ấm, được trao tận tay các hộ nghèo ở xã Quài Cang, Mường Mùn và Pú Nhung. Nhiều học sinh nghèo vượt khó cũng được tặng áo ấm và sách vở.",
             "Ðảng bộ và chính quyền huyện đã huy động các doanh nghiệp, đơn vị lực lượng vũ trang cùng tham gia chương trình. Tổng giá trị quà tặng năm nay tăng gần gấp rưỡi so với năm trước.",
             "Bà Lò Thị Phương ở bản Hua Nạ xúc động chia sẻ, nhờ có sự quan tâm của các cấp, gia đình bà có một cái Tết đủ đầy hơn.",
         ],
         credit="<p style=\"text-align:right\"><i>Theo Báo Điện Biên Phủ</i></p>", byline=None, source="Báo Điện Biên Phủ"),
    dict(id=8702, slug="muong-cha-trien-khai-nhiem-vu-cong-tac-dan-van-nam-2018", date="2018-01-22 17:14:00", fmt="B",
         title="Mường Chà triển khai nhiệm vụ công tác dân vận năm 2018",
         lead="Ngày 22/1, Ban Dân vận Huyện ủy Mường Chà tổ chức hội nghị tổng kết công tác dân vận năm 2017, triển khai nhiệm vụ năm 2018.",
         paras=[
             "Năm 2017, khối dân vận huyện đã tham mưu cho Huyện ủy ban hành nhiều văn bản lãnh đạo, chỉ đạo sát với tình hình cơ sở. Phong trào thi đua “Dân vận khéo” có 27 mô hình được công nhận, tập trung vào phát triển kinh tế và giữ gìn an ninh trật tự.",
             "Tuy nhiên, hội nghị cũng chỉ ra việc nắm tình hình nhân dân ở một số xã vùng cao chưa thường xuyên, việc thực hiện quy chế dân chủ ở cơ sở có nơi còn hình thức.",
             "Năm 2018, huyện đặt mục tiêu mỗi xã xây dựng ít nhất hai mô hình “Dân vận khéo” mới. Khối dân vận sẽ phối hợp chặt chẽ với chính quyền trong công tác vận động nhân dân tái định cư.",
         ],
         credit="<p style=\"text-align:right\"><b>Lò Thị Nhung (Văn phòng Huyện ủy Mường Chà)</b></p>",
         byline="Lò Thị Nhung (Văn phòng Huyện ủy Mường Chà)", source=None),
]
for a in ARTICLES:
    a["d"] = dt(a["date"])
    a["path"] = f"/Tin-tuc/post/{a['id']}/{a['slug']}.aspx"
ARTS = sorted(ARTICLES, key=lambda a: a["d"], reverse=True)
BY_ID = {a["id"]: a for a in ARTS}
POPULAR = [8702, 8740, 8715, 8761]
CSS = theme_css("#0d47a1", "#c62828") + """
.title-news{font-size:26px;font-weight:700;color:#0d47a1;margin:10px 0;line-height:1.3}
.date-news{font-size:13px;color:#777;margin-bottom:10px}.sapo{margin:10px 0 16px;font-size:17px}
.other-news h3{border-bottom:2px solid #c62828;font-size:16px}.other-news li span{color:#888;font-size:12px}
"""
VIEWSTATE = ("/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBD2QWAgIBDxYCHgRUZXh0BR1IxJRtIG5heTogVGjhu6kgYuG6o3ksIDI4LzExLzIwMjZkAgMPZBYCZg9kFgICAQ8WAh8ABQIxN2QCBQ9kFgJmD2QWBAIBDxYCHwAF"
             "ZXh0aW5uZXJodG1sZGQCAw8WAh4HVmlzaWJsZWhkZGT3m0y3b1f8rQq+1zA6hV2y8V0bqYtVY2sGq2jX3u0mVQ==") * 3


def date_text(a):
    d = a["d"]
    if a["fmt"] == "A":
        return f"{weekday(d)}, {d:%d/%m/%Y}, {d:%H:%M} (GMT+7)"
    if a["fmt"] == "B":
        return f"Cập nhật lúc {d:%H:%M}, {weekday(d)}, {d:%d/%m/%Y} (GMT+7)"
    return f"Cập nhật, {d:%H:%M}, {weekday(d)}, {d:%d/%m/%Y} (GMT+7)"


def head(title, canonical):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
<head id="Head1"><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title)}</title>
<meta name="keywords" content="Đảng bộ tỉnh Điện Biên, dân vận, tin tức" />
<meta name="description" content="{esc(SITE_TITLE)}" />
<link rel="canonical" href="{BASE}{canonical}" />
<meta property="og:url" content="{BASE}{canonical}" />
<meta property="og:title" content="{esc(title)}" />
<link href="/App_Themes/Default/css/portal.css?v=20180110" rel="stylesheet" type="text/css" />
<style type="text/css">{CSS}</style>
<script type="text/javascript" src="/ScriptResource.axd?d=K3x9-demo&amp;t=6119e399"></script>
</head>
"""


def header():
    menu = [("/", "Trang chủ"), ("/Gioi-thieu/Default.aspx", "Giới thiệu"), ("/Tin-tuc/Default.aspx", "Tin tức – Sự kiện"),
            ("javascript:__doPostBack('ctl00$mnuMain','VanBan')", "Văn bản"), ("javascript:__doPostBack('ctl00$mnuMain','HoiDap')", "Hỏi đáp"),
            ("javascript:void(0)", "Liên hệ")]
    items = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in menu)
    return f"""<body>
<form name="aspnetForm" method="post" action="./Default.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{VIEWSTATE}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{ theForm = document.aspnetForm; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div class="topbar"><div class="container"><span class="today topdate" id="ctl00_lblToday">{TODAY}</span>
<span class="links"><a href="javascript:__doPostBack('ctl00$lnkLogin','')">Đăng nhập</a> | <a href="/Sitemap.aspx">Sơ đồ site</a></span></div></div>
<div class="site-header"><div class="container brand"><img src="/Portals/0/logo-dang.png" alt="logo" />
<div><div class="name">Đảng bộ tỉnh Điện Biên</div><div class="sub">Trang thông tin điện tử (mẫu)</div></div></div></div>
<div class="main-nav"><div class="container"><ul>{items}</ul></div></div>
<div class="container"><div class="layout"><div class="content-area" id="ctl00_ContentPlaceHolder1_pnlMain">
"""


def sidebar():
    li_new = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a><span class="date">({a["d"]:%d/%m/%Y})</span></li>' for a in ARTS[:4])
    li_pop = "".join(f'<li><a href="{BY_ID[i]["path"]}">{esc(BY_ID[i]["title"])}</a><span class="date">{BY_ID[i]["d"]:%d/%m/%Y %H:%M}</span></li>' for i in POPULAR)
    return f"""</div>
<div class="sidebar">
<div class="widget"><h3 class="widget-title">Tìm kiếm</h3><input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch" />
<a id="ctl00_btnSearch" href="javascript:__doPostBack('ctl00$btnSearch','')">Tìm</a></div>
<div class="widget"><h3 class="widget-title">Tin mới</h3><ul>{li_new}</ul></div>
<div class="widget"><h3 class="widget-title">Tin đọc nhiều</h3><ul>{li_pop}</ul></div>
<div class="widget"><h3 class="widget-title">Thăm dò ý kiến</h3><p>Bạn quan tâm nhất đến chuyên mục nào?</p>
<p><input type="radio" name="poll" /> Tin tức – Sự kiện<br /><input type="radio" name="poll" /> Dân vận khéo<br /><input type="radio" name="poll" /> Văn bản</p>
<a href="javascript:__doPostBack('ctl00$Poll1$btnVote','')">Bình chọn</a> | <a href="javascript:__doPostBack('ctl00$Poll1$btnResult','')">Xem kết quả</a></div>
<div class="widget"><h3 class="widget-title">Liên kết website</h3><select onchange="window.open(this.value)"><option>-- Chọn liên kết --</option>
<option value="http://dienbien.gov.vn">Cổng TTĐT tỉnh Điện Biên</option><option value="http://baodienbienphu.info.vn">Báo Điện Biên Phủ</option></select></div>
</div></div></div>
"""


def footer():
    return f"""<div class="site-footer"><div class="container cols"><div>
<p><b>BAN BIÊN TẬP TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN</b></p>
<p>Bản quyền thuộc Tỉnh ủy Điện Biên (trang mẫu dùng cho kiểm thử). Chịu trách nhiệm chính: Trưởng Ban Tuyên giáo Tỉnh ủy.</p>
<p>Địa chỉ: Tổ dân phố 6, phường Mường Thanh, thành phố Điện Biên Phủ. Điện thoại: 0215.3825.xxx – Fax: 0215.3825.xxx</p>
<p>Giấy phép số 12/GP-TTĐT ngày 15/3/2016 (mẫu). Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
<div class="counter"><h3>Thống kê truy cập</h3><p>Trực tuyến: <b>42</b></p><p>Tổng truy cập: <b id="visit-counter" data-total="5120331">5.120.331</b></p></div></div></div>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script type="text/javascript">{COUNTER_JS}</script>
<script type="text/javascript">
//<![CDATA[
Sys.Application.initialize && Sys.Application.initialize();
//]]>
</script>
</form>
</body>
</html>
"""


def page(title, canonical, main):
    return head(title, canonical) + header() + main + sidebar() + footer()


def article_page(a):
    body = "\n".join(f"<p>{esc(p)}</p>" for p in a["paras"])
    others = [x for x in ARTS if x["id"] != a["id"]][:5]
    other_html = "".join(f'<li><a href="{o["path"]}">{esc(o["title"])}</a> <span>({o["d"]:%d/%m/%Y %H:%M})</span></li>' for o in others)
    main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/Tin-tuc/Default.aspx">Tin tức – Sự kiện</a></div>
<div class="news-detail" id="ctl00_ContentPlaceHolder1_ctl00_pnlDetail">
<div class="title-news">{esc(a['title'])}</div>
<div class="date-news">{date_text(a)}</div>
<div class="sapo"><strong>{esc(a['lead'])}</strong></div>
<div class="content-news" id="ctl00_ContentPlaceHolder1_ctl00_divContent">
<p style="text-align:center"><img src="/Portals/0/News/{a['d']:%Y}/{a['id']}.jpg" alt="" width="600" /></p>
{body}
{a['credit']}
</div>
<div class="tools"><a href="javascript:window.print()">In bài này</a> | <a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$ctl00$lnkSendMail','')">Gửi bài này</a> | Lượt xem: 1{a['id'] % 97}</div>
<div class="other-news"><h3>Các tin khác</h3><ul>{other_html}</ul></div>
</div>
"""
    return page(f"{a['title']} - {SITE_TITLE}", a["path"], main)


def listing_page(site, chunk, n, total):
    items = "".join(f"""<div class="item-news"><a href="{a['path']}"><img src="/Portals/0/News/{a['d']:%Y}/{a['id']}_thumb.jpg" alt="" /></a>
<h2><a href="{a['path']}">{esc(a['title'])}</a></h2><span class="date">{a['d']:%d/%m/%Y %H:%M}</span><p>{esc(a['lead'])}</p></div>
""" for a in chunk)
    pager = " ".join((f"<span class=\"current\">{k}</span>" if k == n else
                      f'<a href="/Tin-tuc/Default.aspx{"" if k == 1 else f"?page={k}"}">{k}</a>') for k in range(1, total + 1))
    pager += ' <a href="javascript:__doPostBack(\'ctl00$ContentPlaceHolder1$pager\',\'Next\')">Trang sau</a>'
    main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » Tin tức – Sự kiện</div>
<h1 class="cat-title">Tin tức – Sự kiện</h1><div class="post-list">{items}</div><div class="pagination">{pager}</div>
"""
    canon = "/Tin-tuc/Default.aspx" + ("" if n == 1 else f"?page={n}")
    return page(f"Tin tức – Sự kiện - {SITE_TITLE}" + ("" if n == 1 else f" - Trang {n}"), canon, main)


def build():
    site = Site("aspnet_portal", "Đảng bộ tỉnh Điện Biên (mẫu)", "aspnet", "Điện Biên")
    exp = site.expected
    for a in ARTS:
        site.write(a["path"], article_page(a))
        e = {"path": a["path"], "title": a["title"], "published_at": iso(a["d"]), "byline": a["byline"],
             "source": a["source"], "lead": a["lead"], "body_first": first_sentence(a["lead"]),
             "body_last": last_sentence(a["paras"][-1])}
        if a.get("republishes"):
            e["republishes"] = a["republishes"]
        exp["articles"].append(e)
    chunks = [ARTS[i:i + PER_PAGE] for i in range(0, len(ARTS), PER_PAGE)]
    for n, chunk in enumerate(chunks, 1):
        f = "Tin-tuc/Default.aspx" if n == 1 else f"Tin-tuc/Default_page{n}.aspx"
        site.write(f, listing_page(site, chunk, n, len(chunks)))
        if n > 1:
            site.route(f"/Tin-tuc/Default.aspx?page={n}", file=f, status=200)
        exp["not_articles"].append("/Tin-tuc/Default.aspx" + ("" if n == 1 else f"?page={n}"))
    # homepage
    hot = ARTS[0]
    rest = "".join(f'<li><a href="{a["path"]}">{esc(a["title"])}</a> <span class="date">({a["d"]:%d/%m/%Y})</span></li>' for a in ARTS[1:5])
    main = f"""<div class="hot-news"><a href="{hot['path']}"><img src="/Portals/0/News/{hot['d']:%Y}/{hot['id']}.jpg" alt="" /></a>
<h2><a href="{hot['path']}">{esc(hot['title'])}</a></h2><p>{esc(hot['lead'])}</p></div>
<div class="widget"><h3 class="widget-title">Tin tức – Sự kiện</h3><ul>{rest}</ul><p><a href="/Tin-tuc/Default.aspx">Xem tiếp »</a></p></div>
<div class="widget"><h3 class="widget-title">Văn bản mới</h3><ul>
<li><a href="javascript:__doPostBack('ctl00$VanBan1$rpt$ctl01$lnk','')">Kế hoạch số 45-KH/TU về công tác dân vận năm 2020</a></li>
<li><a href="javascript:__doPostBack('ctl00$VanBan1$rpt$ctl02$lnk','')">Hướng dẫn số 12-HD/BDVTU về phong trào thi đua “Dân vận khéo”</a></li></ul></div>
"""
    site.write("index.html", page(SITE_TITLE, "/", main))
    site.route("/Default.aspx", file="index.html", status=200)
    exp["not_articles"].append("/")
    # Giới thiệu: a static page
    gt = """<div class="breadcrumb"><a href="/">Trang chủ</a> » Giới thiệu</div><div class="title-news">Giới thiệu chung về tỉnh Điện Biên</div>
<p>Tỉnh Điện Biên nằm ở vùng Tây Bắc của Tổ quốc, có đường biên giới giáp Lào và Trung Quốc. Toàn tỉnh có 19 dân tộc anh em cùng sinh sống.</p>
<p>Đảng bộ tỉnh lãnh đạo nhân dân các dân tộc phát huy truyền thống anh hùng, đoàn kết xây dựng quê hương ngày càng giàu đẹp.</p>"""
    site.write("Gioi-thieu/Default.aspx", page(f"Giới thiệu - {SITE_TITLE}", "/Gioi-thieu/Default.aspx", gt))
    exp["not_articles"].append("/Gioi-thieu/Default.aspx")
    site.write("Sitemap.aspx", page(f"Sơ đồ site - {SITE_TITLE}", "/Sitemap.aspx",
                                    '<div class="title-news">Sơ đồ site</div><ul><li><a href="/">Trang chủ</a></li><li><a href="/Gioi-thieu/Default.aspx">Giới thiệu</a></li><li><a href="/Tin-tuc/Default.aspx">Tin tức – Sự kiện</a></li></ul>'))
    exp["not_articles"].append("/Sitemap.aspx")
    site.write("robots.txt", "User-agent: *\nDisallow: /DesktopModules/\nDisallow: /Admin/\n")
    exp["forbidden_phrases"] = [TODAY, "Hôm nay: Thứ bảy", "Các tin khác", "In bài này", "Gửi bài này", "Lượt xem:",
                                "Tin mới", "Tin đọc nhiều", "Thăm dò ý kiến", "BAN BIÊN TẬP", "Bản quyền thuộc Tỉnh ủy Điện Biên",
                                "Thống kê truy cập", "Giấy phép số 12/GP-TTĐT", "Nguồn: Ban Dân vận Tỉnh ủy Lai Châu",
                                "Theo Báo Điện Biên Phủ", "Liên kết website"]
    exp["traps"] = {"postback_links": ["javascript:__doPostBack('ctl00$mnuMain','VanBan')"],
                    "default_aspx_is_homepage": ["/Default.aspx"],
                    "eth_letter_in_body": [BY_ID[8715]["path"]]}
    site.finish()


if __name__ == "__main__":
    build()
