<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
<head id="Head1"><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Tin tức – Sự kiện - Trang thông tin điện tử Đảng bộ tỉnh Điện Biên</title>
<meta name="keywords" content="Đảng bộ tỉnh Điện Biên, dân vận, tin tức" />
<meta name="description" content="Trang thông tin điện tử Đảng bộ tỉnh Điện Biên" />
<link rel="canonical" href="{{BASE}}/Tin-tuc/Default.aspx" />
<meta property="og:url" content="{{BASE}}/Tin-tuc/Default.aspx" />
<meta property="og:title" content="Tin tức – Sự kiện - Trang thông tin điện tử Đảng bộ tỉnh Điện Biên" />
<link href="/App_Themes/Default/css/portal.css?v=20180110" rel="stylesheet" type="text/css" />
<style type="text/css">
:root{--primary:#0d47a1;--accent:#c62828;--text:#222;--muted:#6b6b6b;--line:#e3e3e3}
*{box-sizing:border-box}html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:Roboto,Arial,Helvetica,sans-serif;color:var(--text);background:#f4f4f4;line-height:1.6}
a{color:var(--primary);text-decoration:none}a:hover{color:var(--accent);text-decoration:underline}
img{max-width:100%;height:auto;border:0}
.container{max-width:1170px;margin:0 auto;padding:0 15px;background:#fff}
.site-header{background:var(--primary);color:#fff;padding:14px 0}
.site-header .brand{display:flex;align-items:center;gap:16px}
.site-header .brand img{width:72px;height:72px}
.site-header .brand .name{font-size:26px;font-weight:700;text-transform:uppercase;letter-spacing:.5px}
.site-header .brand .sub{font-size:14px;opacity:.85}
.topbar{background:#fff;border-bottom:1px solid var(--line);font-size:13px;color:var(--muted);padding:4px 0}
.topbar .today{float:left}.topbar .links{float:right}.topbar:after{content:"";display:table;clear:both}
.main-nav{background:var(--accent)}
.main-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.main-nav li{position:relative}
.main-nav li a{display:block;padding:11px 16px;color:#fff;font-weight:500;text-transform:uppercase;font-size:14px}
.main-nav li:hover>a{background:rgba(0,0,0,.15);text-decoration:none}
.main-nav li ul{display:none;position:absolute;top:100%;left:0;min-width:220px;background:var(--accent);z-index:20;flex-direction:column}
.main-nav li:hover ul{display:flex}
.main-nav li ul li a{text-transform:none;border-top:1px solid rgba(255,255,255,.15)}
.breadcrumb{font-size:13px;color:var(--muted);padding:10px 0;border-bottom:1px dotted var(--line)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:28px;padding:20px 0}
.content-area h1,.content-area h2{line-height:1.3}
.post-list article{display:grid;grid-template-columns:220px 1fr;gap:16px;padding:14px 0;border-bottom:1px solid var(--line)}
.post-list article h2,.post-list article h3{margin:0 0 6px;font-size:18px}
.post-list .meta,.entry-meta{font-size:13px;color:var(--muted)}
.entry-content{font-size:17px;text-align:justify}
.entry-content p{margin:0 0 14px}
.wp-caption,.image-caption{max-width:100%;margin:10px auto 18px;text-align:center}
.wp-caption-text,figcaption{font-size:14px;font-style:italic;color:#555;padding:6px 4px}
.widget{margin-bottom:26px}
.widget-title{background:var(--primary);color:#fff;font-size:15px;text-transform:uppercase;padding:8px 12px;margin:0 0 10px}
.widget ul{list-style:none;margin:0;padding:0}
.widget li{padding:7px 0;border-bottom:1px dashed var(--line);font-size:14px}
.widget li .date{display:block;font-size:12px;color:var(--muted)}
.pagination{display:flex;gap:6px;margin:22px 0}
.pagination a,.pagination span{padding:6px 12px;border:1px solid var(--line)}
.pagination .current{background:var(--primary);color:#fff}
.share-bar{margin:18px 0;padding:10px 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line);font-size:14px}
.share-bar a{display:inline-block;margin-right:10px;padding:3px 10px;border-radius:3px;background:#3b5998;color:#fff}
.related h3{font-size:17px;border-left:4px solid var(--accent);padding-left:8px}
.comment-list{list-style:none;padding:0}.comment-body{padding:12px;border:1px solid var(--line);margin-bottom:12px}
.comment-form label{display:block;font-size:14px}.comment-form input[type=text],.comment-form textarea{width:100%;padding:6px}
.site-footer{background:#1f2a36;color:#d6d6d6;font-size:14px;padding:22px 0;margin-top:20px}
.site-footer a{color:#fff}.site-footer .cols{display:grid;grid-template-columns:2fr 1fr;gap:20px}
.counter{font-size:13px}.counter b{color:#fff}
@media (max-width:900px){.layout{grid-template-columns:1fr}.post-list article{grid-template-columns:1fr}
.main-nav ul{flex-direction:column}.site-header .brand .name{font-size:19px}}
@media print{.main-nav,.sidebar,.site-footer,.share-bar,.comments-area{display:none}}

.title-news{font-size:26px;font-weight:700;color:#0d47a1;margin:10px 0;line-height:1.3}
.date-news{font-size:13px;color:#777;margin-bottom:10px}.sapo{margin:10px 0 16px;font-size:17px}
.other-news h3{border-bottom:2px solid #c62828;font-size:16px}.other-news li span{color:#888;font-size:12px}
</style>
<script type="text/javascript" src="/ScriptResource.axd?d=K3x9-demo&amp;t=6119e399"></script>
</head>
<body>
<form name="aspnetForm" method="post" action="./Default.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBD2QWAgIBDxYCHgRUZXh0BR1IxJRtIG5heTogVGjhu6kgYuG6o3ksIDI4LzExLzIwMjZkAgMPZBYCZg9kFgICAQ8WAh8ABQIxN2QCBQ9kFgJmD2QWBAIBDxYCHwAFZXh0aW5uZXJodG1sZGQCAw8WAh4HVmlzaWJsZWhkZGT3m0y3b1f8rQq+1zA6hV2y8V0bqYtVY2sGq2jX3u0mVQ==/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBD2QWAgIBDxYCHgRUZXh0BR1IxJRtIG5heTogVGjhu6kgYuG6o3ksIDI4LzExLzIwMjZkAgMPZBYCZg9kFgICAQ8WAh8ABQIxN2QCBQ9kFgJmD2QWBAIBDxYCHwAFZXh0aW5uZXJodG1sZGQCAw8WAh4HVmlzaWJsZWhkZGT3m0y3b1f8rQq+1zA6hV2y8V0bqYtVY2sGq2jX3u0mVQ==/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBgIBD2QWAgIBDxYCHgRUZXh0BR1IxJRtIG5heTogVGjhu6kgYuG6o3ksIDI4LzExLzIwMjZkAgMPZBYCZg9kFgICAQ8WAh8ABQIxN2QCBQ9kFgJmD2QWBAIBDxYCHwAFZXh0aW5uZXJodG1sZGQCAw8WAh4HVmlzaWJsZWhkZGT3m0y3b1f8rQq+1zA6hV2y8V0bqYtVY2sGq2jX3u0mVQ==" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) { theForm = document.aspnetForm; }
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>
<div class="topbar"><div class="container"><span class="today topdate" id="ctl00_lblToday">Hôm nay: Thứ bảy, 28/11/2026</span>
<span class="links"><a href="javascript:__doPostBack('ctl00$lnkLogin','')">Đăng nhập</a> | <a href="/Sitemap.aspx">Sơ đồ site</a></span></div></div>
<div class="site-header"><div class="container brand"><img src="/Portals/0/logo-dang.png" alt="logo" />
<div><div class="name">Đảng bộ tỉnh Điện Biên</div><div class="sub">Trang thông tin điện tử (mẫu)</div></div></div></div>
<div class="main-nav"><div class="container"><ul><li><a href="/">Trang chủ</a></li><li><a href="/Gioi-thieu/Default.aspx">Giới thiệu</a></li><li><a href="/Tin-tuc/Default.aspx">Tin tức – Sự kiện</a></li><li><a href="javascript:__doPostBack('ctl00$mnuMain','VanBan')">Văn bản</a></li><li><a href="javascript:__doPostBack('ctl00$mnuMain','HoiDap')">Hỏi đáp</a></li><li><a href="javascript:void(0)">Liên hệ</a></li></ul></div></div>
<div class="container"><div class="layout"><div class="content-area" id="ctl00_ContentPlaceHolder1_pnlMain">
<div class="breadcrumb"><a href="/">Trang chủ</a> » Tin tức – Sự kiện</div>
<h1 class="cat-title">Tin tức – Sự kiện</h1><div class="post-list"><div class="item-news"><a href="/Tin-tuc/post/8770/hoi-lhpn-tinh-ky-niem-90-nam-ngay-thanh-lap-hoi.aspx"><img src="/Portals/0/News/2020/8770_thumb.jpg" alt="" /></a>
<h2><a href="/Tin-tuc/post/8770/hoi-lhpn-tinh-ky-niem-90-nam-ngay-thanh-lap-hoi.aspx">Hội Liên hiệp Phụ nữ tỉnh kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam</a></h2><span class="date">17/10/2020 14:34</span><p>Sáng 16/10, Hội Liên hiệp Phụ nữ tỉnh Điện Biên tổ chức gặp mặt kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – 20/10/2020) và tuyên dương phụ nữ tiêu biểu.</p></div>
<div class="item-news"><a href="/Tin-tuc/post/8766/mat-tran-va-cac-doan-the-chung-tay-xay-dung-nong-thon-moi-tai-sin-ho.aspx"><img src="/Portals/0/News/2020/8766_thumb.jpg" alt="" /></a>
<h2><a href="/Tin-tuc/post/8766/mat-tran-va-cac-doan-the-chung-tay-xay-dung-nong-thon-moi-tai-sin-ho.aspx">Mặt trận và các đoàn thể chung tay xây dựng nông thôn mới tại Sìn Hồ</a></h2><span class="date">09/10/2020 10:20</span><p>Những năm gần đây, Ủy ban Mặt trận Tổ quốc và các đoàn thể huyện Sìn Hồ (Lai Châu) đã vận động đoàn viên, hội viên hiến đất, góp ngày công làm đường bê tông nội đồng và xây nhà văn hóa bản, qua đó làm thay đổi rõ rệt diện mạo nhiều bản vùng cao.</p></div>
<div class="item-news"><a href="/Tin-tuc/post/8761/tam-duong-lan-toa-phong-trao-dan-van-kheo.aspx"><img src="/Portals/0/News/2020/8761_thumb.jpg" alt="" /></a>
<h2><a href="/Tin-tuc/post/8761/tam-duong-lan-toa-phong-trao-dan-van-kheo.aspx">Tam Đường lan tỏa phong trào “Dân vận khéo”</a></h2><span class="date">26/09/2020 08:47</span><p>Xác định phong trào thi đua “Dân vận khéo” là giải pháp quan trọng để thực hiện thắng lợi nhiệm vụ chính trị, từ đầu năm Huyện ủy Tam Đường (tỉnh Lai Châu) đã chỉ đạo mỗi cơ quan, đơn vị đăng ký ít nhất một mô hình cụ thể.</p></div>
<div class="item-news"><a href="/Tin-tuc/post/8740/dien-bien-dong-nang-cao-hieu-qua-van-dong-quan-chung.aspx"><img src="/Portals/0/News/2020/8740_thumb.jpg" alt="" /></a>
<h2><a href="/Tin-tuc/post/8740/dien-bien-dong-nang-cao-hieu-qua-van-dong-quan-chung.aspx">Điện Biên Đông nâng cao hiệu quả vận động quần chúng ở vùng đặc biệt khó khăn</a></h2><span class="date">30/06/2020 15:05</span><p>Với hơn 90% dân số là đồng bào dân tộc thiểu số, huyện Điện Biên Đông xác định công tác vận động quần chúng là nhiệm vụ then chốt để giữ ổn định và phát triển.</p></div>
</div><div class="pagination"><span class="current">1</span> <a href="/Tin-tuc/Default.aspx?page=2">2</a> <a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$pager','Next')">Trang sau</a></div>
</div>
<div class="sidebar">
<div class="widget"><h3 class="widget-title">Tìm kiếm</h3><input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch" />
<a id="ctl00_btnSearch" href="javascript:__doPostBack('ctl00$btnSearch','')">Tìm</a></div>
<div class="widget"><h3 class="widget-title">Tin mới</h3><ul><li><a href="/Tin-tuc/post/8770/hoi-lhpn-tinh-ky-niem-90-nam-ngay-thanh-lap-hoi.aspx">Hội Liên hiệp Phụ nữ tỉnh kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam</a><span class="date">(17/10/2020)</span></li><li><a href="/Tin-tuc/post/8766/mat-tran-va-cac-doan-the-chung-tay-xay-dung-nong-thon-moi-tai-sin-ho.aspx">Mặt trận và các đoàn thể chung tay xây dựng nông thôn mới tại Sìn Hồ</a><span class="date">(09/10/2020)</span></li><li><a href="/Tin-tuc/post/8761/tam-duong-lan-toa-phong-trao-dan-van-kheo.aspx">Tam Đường lan tỏa phong trào “Dân vận khéo”</a><span class="date">(26/09/2020)</span></li><li><a href="/Tin-tuc/post/8740/dien-bien-dong-nang-cao-hieu-qua-van-dong-quan-chung.aspx">Điện Biên Đông nâng cao hiệu quả vận động quần chúng ở vùng đặc biệt khó khăn</a><span class="date">(30/06/2020)</span></li></ul></div>
<div class="widget"><h3 class="widget-title">Tin đọc nhiều</h3><ul><li><a href="/Tin-tuc/post/8702/muong-cha-trien-khai-nhiem-vu-cong-tac-dan-van-nam-2018.aspx">Mường Chà triển khai nhiệm vụ công tác dân vận năm 2018</a><span class="date">22/01/2018 17:14</span></li><li><a href="/Tin-tuc/post/8740/dien-bien-dong-nang-cao-hieu-qua-van-dong-quan-chung.aspx">Điện Biên Đông nâng cao hiệu quả vận động quần chúng ở vùng đặc biệt khó khăn</a><span class="date">30/06/2020 15:05</span></li><li><a href="/Tin-tuc/post/8715/tuan-giao-to-chuc-tet-am-cho-ho-ngheo.aspx">Tuần Giáo tổ chức “Tết ấm” cho hộ nghèo</a><span class="date">08/02/2018 09:53</span></li><li><a href="/Tin-tuc/post/8761/tam-duong-lan-toa-phong-trao-dan-van-kheo.aspx">Tam Đường lan tỏa phong trào “Dân vận khéo”</a><span class="date">26/09/2020 08:47</span></li></ul></div>
<div class="widget"><h3 class="widget-title">Thăm dò ý kiến</h3><p>Bạn quan tâm nhất đến chuyên mục nào?</p>
<p><input type="radio" name="poll" /> Tin tức – Sự kiện<br /><input type="radio" name="poll" /> Dân vận khéo<br /><input type="radio" name="poll" /> Văn bản</p>
<a href="javascript:__doPostBack('ctl00$Poll1$btnVote','')">Bình chọn</a> | <a href="javascript:__doPostBack('ctl00$Poll1$btnResult','')">Xem kết quả</a></div>
<div class="widget"><h3 class="widget-title">Liên kết website</h3><select onchange="window.open(this.value)"><option>-- Chọn liên kết --</option>
<option value="http://dienbien.gov.vn">Cổng TTĐT tỉnh Điện Biên</option><option value="http://baodienbienphu.info.vn">Báo Điện Biên Phủ</option></select></div>
</div></div></div>
<div class="site-footer"><div class="container cols"><div>
<p><b>BAN BIÊN TẬP TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN</b></p>
<p>Bản quyền thuộc Tỉnh ủy Điện Biên (trang mẫu dùng cho kiểm thử). Chịu trách nhiệm chính: Trưởng Ban Tuyên giáo Tỉnh ủy.</p>
<p>Địa chỉ: Tổ dân phố 6, phường Mường Thanh, thành phố Điện Biên Phủ. Điện thoại: 0215.3825.xxx – Fax: 0215.3825.xxx</p>
<p>Giấy phép số 12/GP-TTĐT ngày 15/3/2016 (mẫu). Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
<div class="counter"><h3>Thống kê truy cập</h3><p>Trực tuyến: <b>42</b></p><p>Tổng truy cập: <b id="visit-counter" data-total="5120331">5.120.331</b></p></div></div></div>
<a href="#" id="back-to-top" style="display:none">&#8679;</a>
<script type="text/javascript">
(function(){
  var el=document.getElementById('visit-counter');
  if(!el){return;}
  var n=parseInt(el.getAttribute('data-total')||'0',10);
  try{ if(!sessionStorage.getItem('counted')){ sessionStorage.setItem('counted','1'); n+=1; } }catch(e){}
  el.textContent=n.toLocaleString('vi-VN');
})();
(function(){
  var btn=document.getElementById('back-to-top');
  if(!btn){return;}
  window.addEventListener('scroll',function(){btn.style.display=(window.scrollY>400)?'block':'none';});
  btn.addEventListener('click',function(e){e.preventDefault();window.scrollTo({top:0,behavior:'smooth'});});
})();
</script>
<script type="text/javascript">
//<![CDATA[
Sys.Application.initialize && Sys.Application.initialize();
//]]>
</script>
</form>
</body>
</html>
