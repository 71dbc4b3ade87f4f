"""Article body: find the container, walk it into lines, separate captions, furniture and credit lines.

Container: known CMS-family signals first (itemprop=articleBody and the container classes of WordPress,
NukeViet, Joomla, Liferay, Drupal and the newspaper CMSs), then a site hint, then text/link density
scoring for custom CMSs. The walk turns the container into lines (block elements and ``<br>`` break
lines), keeping what tells a credit line apart (bold, italic, right-aligned) and what tells a caption
apart (image tables, figures, caption classes, an italic line under an image).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .boilerplate import is_boilerplate_attrs, is_boilerplate_element, is_drop_line, is_ending_line
from .bylines import Credit, is_unit, parse_credit
from .text import is_noise_line, normalize_text

# Container classes/ids by CMS family, most specific first. A page may match several (a WordPress
# theme wraps entry-content in td-post-content): the first that holds enough text wins.
CONTAINER_TOKENS: tuple[str, ...] = (
    # NukeViet (#news-bodyhtml / .bodytext), Joomla/schema.org (itemprop handled separately)
    "news-bodyhtml",
    "bodytext",
    "news-bodyhtml",
    # newspaper CMSs
    "fck_detail",
    "detail-content",
    "detail__content",
    "content-detail",
    "detail-body",
    "article-body",
    "article__body",
    "article-content",
    "articlebody",
    "article_content",
    "news-content",
    "news_content",
    "content-news",
    "news-detail-content",
    "newsdetail",
    "news-detail",
    "the-article-body",
    "cms-body",
    "content_detail",
    "contentdetail",
    "main-content-detail",
    "noidung",
    "noi-dung",
    "chitiet",
    "chi-tiet",
    "articlecontent",
    "story-body",
    "post-body",
    "detail-news",
    "content-main-news",
    # Liferay, Drupal
    "journal-content-article",
    "field--name-body",
    "field-name-body",
    "field-item",
    # WordPress themes
    "td-post-content",
    "entry-content",
    "post-content",
    "single-content",
    "post-entry",
    "single-post-content",
    "entry",
    "the-content",
    "post_content",
    # Joomla
    "item-page",
    "itemfulltext",
    "item-fulltext",
)
_TOKEN_RANK = {tok: i for i, tok in enumerate(CONTAINER_TOKENS)}

# Caption structures: figure captions, image tables (the Vietnamese CMS "tplCaption"/"image" tables) and
# caption classes ("chu-thich" = caption).
CAPTION_CLASS_RE = re.compile(
    r"caption|chu-?thich|chuthich|image-?desc|img-?desc|photo-?desc|desc-?img|note-?img|imgcaption|"
    r"photocms_caption|expnoedit|figcaption|img_desc|image_desc|pic-?desc",
    re.I,
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "dl",
        "dd",
        "dt",
        "pre",
        "header",
        "center",
        "address",
        "figure",
        "main",
        "hr",
        "caption",
    }
)
_CONTENTISH_RE = re.compile(r"content|noi-?dung|chi-?tiet|detail|article|body|bai-?viet|news|entry|post", re.I)
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em"})
# Role labels that make a line at the top of the body a credit line whatever its formatting.
_TOP_LABEL_RE = re.compile(r"(?:tác giả|người viết|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|tin|bài)\s*[:：]", re.I)
_RIGHT_RE = re.compile(r"text-align\s*:\s*right|float\s*:\s*right", re.I)
_CENTER_RE = re.compile(r"text-align\s*:\s*center", re.I)


@dataclass
class Line:
    """One printed line of the body with the formatting that classifies it."""

    text: str
    bold: bool = False
    italic: bool = False
    right: bool = False
    center: bool = False
    heading: bool = False
    after_image: bool = False  # the previous line of the walk was an image
    block_id: int = 0  # lines of one block share an id (a <br>-split paragraph)


@dataclass
class Walk:
    lines: list[Line] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _is_caption_attrs(cls: str | None, ident: str | None) -> bool:
    return bool((cls or ident) and CAPTION_CLASS_RE.search(f"{cls or ''} {ident or ''}"))


def _is_right(el: Any) -> bool:
    return (
        (el.get("align") or "").lower() == "right"
        or bool(_RIGHT_RE.search(el.get("style") or ""))
        or "text-right" in (el.get("class") or "")
    )


def _is_center(el: Any) -> bool:
    return (el.get("align") or "").lower() == "center" or bool(_CENTER_RE.search(el.get("style") or ""))


def _has_image(el: Any) -> bool:
    return el.tag == "img" or next(el.iter("img"), None) is not None


def _caption_text(el: Any) -> str:
    return normalize_text(" ".join(el.itertext()))


class _Walker:
    """Turns a container into :class:`Line` objects (one tree walk, no re-parsing)."""

    def __init__(self) -> None:
        self.walk = Walk()
        self.buf: list[tuple[str, bool, bool]] = []  # (text, bold, italic)
        self.block_attrs: dict[str, bool] = {}
        self.block_id = 0
        self.image_seen = False

    def flush(self) -> None:
        if not self.buf:
            return
        text = normalize_text("".join(t for t, _, _ in self.buf))
        if text:
            content = [(t, b, i) for t, b, i in self.buf if t.strip()]
            line = Line(
                text=text,
                bold=all(b for _, b, _ in content),
                italic=all(i for _, _, i in content),
                right=self.block_attrs.get("right", False),
                center=self.block_attrs.get("center", False),
                heading=self.block_attrs.get("heading", False),
                after_image=self.image_seen,
                block_id=self.block_id,
            )
            self.walk.lines.append(line)
            self.image_seen = False
        self.buf = []

    def add(self, text: str | None, bold: bool, italic: bool) -> None:
        if text:
            self.buf.append((text, bold, italic))

    def run(
        self,
        el: Any,
        bold: bool = False,
        italic: bool = False,
        right: bool = False,
        center: bool = False,
        heading: bool = False,
        root: bool = True,
    ) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / processing instruction: only its tail is text
            return
        if not root:
            if is_boilerplate_element(el):
                return
            if tag == "figure" or tag == "figcaption" or _is_caption_attrs(el.get("class"), el.get("id")):
                self._caption(el)
                return
            if tag == "table" and _has_image(el) and len(_caption_text(el)) < 500:
                self._image_table(el)
                return
        if tag == "img":
            self.flush()
            self.image_seen = True
            return
        if tag == "br":
            self.flush()
            self.block_id += 1
            return
        is_block = tag in _BLOCK_TAGS
        bold = bold or tag in _BOLD_TAGS or "font-weight:bold" in (el.get("style") or "").replace(" ", "")
        italic = italic or tag in _ITALIC_TAGS
        if is_block:
            self.flush()
            self.block_id += 1
            right = _is_right(el) or (right and not _is_center(el))
            center = _is_center(el) or (center and not _is_right(el))
            heading = heading or tag in ("h2", "h3", "h4", "h5", "h6")
            saved = self.block_attrs
            self.block_attrs = {"right": right, "center": center, "heading": heading}
        self.add(el.text, bold, italic)
        for child in el:
            self.run(child, bold, italic, right, center, heading, root=False)
            if is_block:
                self.block_attrs = {"right": right, "center": center, "heading": heading}
            self.add(child.tail, bold, italic)
        if is_block:
            self.flush()
            self.block_id += 1
            self.block_attrs = saved

    def _caption(self, el: Any) -> None:
        self.flush()
        caps = list(el.iter("figcaption")) if el.tag == "figure" else [el]
        for cap in caps:
            text = _caption_text(cap)
            if text:
                self.walk.captions.append(text)
        self.image_seen = el.tag == "figure" or _has_image(el)

    def _image_table(self, el: Any) -> None:
        """An image table: rows without an image are its caption."""
        self.flush()
        for row in el.iter("tr", "td"):
            if row.tag == "td" and row.getparent() is not None and row.getparent().tag == "tr":
                continue
            if not _has_image(row):
                text = _caption_text(row)
                if text:
                    self.walk.captions.append(text)
        self.image_seen = True


def walk_container(container: Any) -> Walk:
    """Lines and captions of a container, in document order."""
    walker = _Walker()
    walker.run(container)
    walker.flush()
    return walker.walk


@dataclass
class Body:
    paragraphs: list[str]
    captions: list[str]
    credit: Credit | None
    credit_lines: list[str] = field(default_factory=list)


# A real paragraph of article text: long, or a sentence. Credit lines are only looked for after the last one.
def _is_text_paragraph(line: Line) -> bool:
    return len(line.text) > 120 or (len(line.text) > 50 and line.text.endswith((".", "!", "?", "…", '"', "”")))


def _is_caption_line(line: Line, prev: Line | None) -> bool:
    """An italic or centred short line right under an image: a caption printed as a paragraph."""
    if not line.after_image or len(line.text) > 400:
        return False
    return line.italic or line.center or bool(re.search(r"\b(?:Ảnh|Nguồn ảnh)\s*:", line.text))


def split_body(walk: Walk) -> Body:
    """Paragraphs, captions and the credit line of a walked container."""
    lines: list[Line] = []
    captions = list(walk.captions)
    for i, line in enumerate(walk.lines):
        if is_ending_line(line.text):
            break
        if is_drop_line(line.text) or is_noise_line(line.text):
            continue
        if _is_caption_line(line, walk.lines[i - 1] if i else None):
            captions.append(line.text)
            continue
        lines.append(line)
    # a credit printed on top of the body: a labelled line, or a short bold/right-aligned name
    top_credit: Credit | None = None
    if len(lines) > 1 and len(lines[0].text) <= 60:
        first = lines[0]
        labelled = bool(_TOP_LABEL_RE.match(first.text))
        if labelled or first.bold or first.right:
            c = parse_credit(first.text, strict=not labelled)
            if c and (c.byline or c.source):
                top_credit = c
                lines = lines[1:]
    # credit lines: after the last real paragraph
    last_text = max((i for i, ln in enumerate(lines) if _is_text_paragraph(ln)), default=-1)
    tail = lines[last_text + 1 :]
    credit: Credit | None = None
    credit_at: int | None = None
    byline_parts: list[str] = []
    source = None
    prev_byline = False
    for offset, line in enumerate(tail):
        c = parse_credit(line.text, strict=not (line.bold or line.right))
        if c is None:
            # a unit printed on the line under the name ("Hoàng Anh" / "Ban Dân vận Huyện ủy Mường Tè")
            if prev_byline and is_unit(line.text) and len(line.text) <= 80:
                byline_parts.append(line.text)
            prev_byline = False
            continue
        prev_byline = bool(c.byline)
        if credit_at is None:
            credit_at = last_text + 1 + offset
        if c.byline:
            byline_parts.append(c.byline)
        if c.source and not source:
            source = c.source
    if credit_at is not None:
        credit = Credit(byline=" - ".join(byline_parts) or None, source=source)
        if top_credit and not credit.byline:
            credit = Credit(byline=top_credit.byline, source=source or top_credit.source)
        credit_lines = [ln.text for ln in lines[credit_at:]]
        lines = lines[:credit_at]
    else:
        credit, credit_lines = top_credit, []
    paragraphs = _merge_lines(lines)
    return Body(paragraphs, captions, credit, credit_lines)


def _merge_lines(lines: Iterable[Line]) -> list[str]:
    """Each line is one paragraph (a <br> inside a <p> separates paragraphs on these sites)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] == line.text:
            continue  # the same paragraph printed twice (mobile + desktop copies)
        out.append(line.text)
    return out


# ---------------------------------------------------------------------------------------------------------
# Container selection
# ---------------------------------------------------------------------------------------------------------


def _text_len(el: Any) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def _link_text_len(el: Any) -> int:
    return sum(len("".join(a.itertext()).strip()) for a in el.iter("a"))


def known_container(index: dict[str, list[Any]]) -> Any | None:
    """The first known container (itemprop=articleBody, then :data:`CONTAINER_TOKENS`) with real text."""
    for key in ("itemprop:articlebody", *CONTAINER_TOKENS):
        best, best_len = None, 0
        for el in index.get(key, ()):
            n = _text_len(el)
            if n > best_len and _link_text_len(el) < 0.5 * n:
                best, best_len = el, n
        if best is not None and best_len >= 120:
            return best
    return None


def density_container(root: Any) -> Any | None:
    """Readability-style scoring: the block whose paragraphs carry the most non-link text."""
    scores: dict[Any, float] = {}
    for p in root.iter("p", "div", "td", "span"):
        if p.tag in ("div", "td", "span"):
            # divs with text directly inside count like paragraphs (custom CMSs without <p>)
            direct = len((p.text or "").strip()) + sum(len((c.tail or "").strip()) for c in p)
            if direct < 80:
                continue
            n = direct
        else:
            n = _text_len(p)
            if n < 40:
                continue
            n -= _link_text_len(p)
            if n < 40:
                continue
        parent = p.getparent()
        if parent is None:
            continue
        # a paragraph block on its own is also a candidate (a div holding the whole text)
        weight = n + 100 * min(3, n // 100)
        scores[parent] = scores.get(parent, 0) + weight
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + weight / 2
        if p.tag != "p":
            scores[p] = scores.get(p, 0) + weight
    ranked: list[tuple[float, Any]] = []
    for el, score in scores.items():
        if el.tag in ("body", "html"):
            continue
        total = _text_len(el) or 1
        score *= 1 - min(0.9, _link_text_len(el) / total)
        # class names that say "content" ("noidung-chitiet", "content-detail") make a block likelier
        if _CONTENTISH_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            score *= 1.5
        ranked.append((score, el))
    ranked.sort(key=lambda x: -x[0])
    for _score, el in ranked[:8]:
        if not _in_furniture(el):
            return el
    return None


def _in_furniture(el: Any) -> bool:
    """The element or one of its ancestors is furniture (footer, sidebar, comments...)."""
    node = el
    while node is not None and node.tag not in ("body", "html"):
        # not is_boilerplate_element: ASP.NET wraps whole pages in one <form>
        if node.tag in ("nav", "aside", "footer") or is_boilerplate_attrs(node.get("class"), node.get("id")):
            return True
        node = node.getparent()
    return False
