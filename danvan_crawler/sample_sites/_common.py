"""Shared helpers for build_sites.py (the generator of the bundled sample sites)."""
from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = "{{BASE}}"
VN = timezone(timedelta(hours=7))

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def dt(s: str) -> datetime:
    """'2020-10-14 08:30:00' -> aware datetime (+07:00)."""
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=VN)


def iso(d: datetime) -> str:
    return d.isoformat()


def iso_utc(d: datetime) -> str:
    return d.astimezone(timezone.utc).isoformat()


def weekday(d: datetime, lower: bool = False) -> str:
    w = WEEKDAYS[d.weekday()]
    if lower:
        w = w[0] + w[1:].lower()
    return w


def first_sentence(p: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ“\"])", p.strip())
    return parts[0]


def last_sentence(p: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ“\"])", p.strip())
    return parts[-1]


def excerpt(p: str, words: int = 32) -> str:
    w = p.split()
    return " ".join(w[:words]) + (" […]" if len(w) > words else "")


class Site:
    def __init__(self, name: str, title: str, cms: str, province: str):
        self.name = name
        self.root = HERE / name
        self.meta = {"name": name, "title": title, "cms": cms, "province": province, "routes": {}}
        self.expected = {"articles": [], "not_articles": [], "forbidden_phrases": []}
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)

    def write(self, rel: str, text: str, nfd: bool = False) -> None:
        p = self.root / rel.lstrip("/")
        p.parent.mkdir(parents=True, exist_ok=True)
        if nfd:
            text = unicodedata.normalize("NFD", text)
        p.write_text(text, encoding="utf-8")

    def route(self, key: str, **spec) -> None:
        self.meta["routes"][key] = spec

    def finish(self) -> None:
        (self.root / "_site.json").write_text(
            json.dumps(self.meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (self.root / "expected.json").write_text(
            json.dumps(self.expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# A realistic chunk of theme CSS, shared shape; each site gets its own colours.
def theme_css(primary: str, accent: str) -> str:
    return """
:root{--primary:%s;--accent:%s;--text:#222;--muted:#6b6b6b;--line:#e3e3e3}
*{box-sizing:border-box}html{font-size:16px;-webkit-text-size-adjust:100%%}
body{margin:0;font-family:Roboto,Arial,Helvetica,sans-serif;color:var(--text);background:#f4f4f4;line-height:1.6}
a{color:var(--primary);text-decoration:none}a:hover{color:var(--accent);text-decoration:underline}
img{max-width:100%%;height:auto;border:0}
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
.main-nav li ul{display:none;position:absolute;top:100%%;left:0;min-width:220px;background:var(--accent);z-index:20;flex-direction:column}
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
.wp-caption,.image-caption{max-width:100%%;margin:10px auto 18px;text-align:center}
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
.comment-form label{display:block;font-size:14px}.comment-form input[type=text],.comment-form textarea{width:100%%;padding:6px}
.site-footer{background:#1f2a36;color:#d6d6d6;font-size:14px;padding:22px 0;margin-top:20px}
.site-footer a{color:#fff}.site-footer .cols{display:grid;grid-template-columns:2fr 1fr;gap:20px}
.counter{font-size:13px}.counter b{color:#fff}
@media (max-width:900px){.layout{grid-template-columns:1fr}.post-list article{grid-template-columns:1fr}
.main-nav ul{flex-direction:column}.site-header .brand .name{font-size:19px}}
@media print{.main-nav,.sidebar,.site-footer,.share-bar,.comments-area{display:none}}
""" % (primary, accent)


COUNTER_JS = """
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
"""

GA_JS = """
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
gtag('js',new Date());gtag('config','G-XXXXDEMO00',{'anonymize_ip':true});
"""
