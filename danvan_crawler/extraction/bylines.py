"""Credit lines: who wrote the article (``byline``) and where it was taken from (``source``).

Provincial sites print the credit as the last line of the body (right-aligned, often bold), sometimes
under the title. The grammar below covers what they print: role labels ("Tin, ảnh:", "Bài và ảnh:",
"Tin: X; Ảnh: Y", "Tác giả:"), team names (PV, BBT, CTV), bare names in any case, initials, a name with
a unit ("Bội Phương - VPHU Quảng Điền", "Quang Minh (Văn phòng Ban)"), academic titles, two authors
with a dash, and sources ("Nguồn: …", "Theo …", "Nguồn tin: …").

Stored byline: the persons credited in the credit line, role labels stripped (the photographer of a
"Tin: X; Ảnh: Y" line too); several people joined with
", " unless printed with a dash between them; name + unit and initials kept as printed (initials without
surrounding parentheses). Photo-only credits ("Ảnh: X") are not bylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize_text

# Role words. Text roles credit the writer; media roles credit photos/video/graphics only.
_TEXT_ROLES = (
    r"tin|bài|bài viết|nội dung|thực hiện|người thực hiện|tác giả|người viết|ghi chép|ghi|lược ghi|"
    r"tổng hợp|biên soạn|phóng sự|phóng viên|pv|nhóm phóng viên|nhóm pv|tác giả bài viết"
)
_MEDIA_ROLES = (
    r"ảnh|hình|hình ảnh|video|clip|đồ họa|đồ hoạ|thiết kế|trình bày|biên tập|dựng|quay phim|"
    r"infographic|âm thanh|kỹ thuật"
)
_ROLE = rf"(?:{_TEXT_ROLES}|{_MEDIA_ROLES})"
# "Tin, ảnh:", "Bài và ảnh:", "Tin/ảnh:", "Tin & ảnh:" — one label made of one or more role words.
_LABEL_RE = re.compile(
    rf"(?:(?<=^)|(?<=[;|,.\-–—(/]\s)|(?<=[;|(]))\s*({_ROLE}(?:\s*(?:,|và|/|&|\+|-)\s*{_ROLE})*)\s*[:：]\s*",
    re.I,
)
_TEXT_ROLE_RE = re.compile(rf"\b(?:{_TEXT_ROLES})\b", re.I)

# Sources: "Nguồn: Báo Điện Biên Phủ", "Nguồn tin: …", "Theo baolaichau.vn", "(Theo TTXVN)".
_SOURCE_RE = re.compile(
    r"^\(?\s*(?:nguồn\s*(?:tin|bài|ảnh)?\s*[:：]|theo\s*[:：]?|trích\s*(?:nguồn|từ)\s*[:：]?)\s*(.+?)\s*\)?\.?$",
    re.I,
)
# A byline followed by a parenthesized source on the same line: "Minh Hưng (Nguồn: Báo X)".
_TRAILING_SOURCE_RE = re.compile(r"^(.*?)\s*[(\[]\s*((?:nguồn|theo)\b.*?)[)\]]\s*\.?$", re.I)

# Academic, military and professional titles printed before a name ("ThS. Lò Văn Hùng").
_TITLE_PREFIX = (
    r"(?:(?:GS|PGS|TS|ThS|CN|BS|LS|KS|NCS|TS\.BS|PGS\.TS|GS\.TS|Th\.S|Nhà báo|NB|Luật sư|Đại tá|Thượng tá|"
    r"Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|Đồng chí|Đ/c|Nhạc sĩ|Nhà văn|Nhà thơ|"
    r"Bác sĩ|Tiến sĩ|Thạc sĩ|Giáo sư|Phó Giáo sư)\.?\s*)"
)
# One capitalised Vietnamese name word: "Văn", "Đời", "Ksorr", "H'Hen", "Y-Moan", "LÊ".
_NAME_WORD = r"[A-ZÀ-ỸĐ][a-zà-ỹđA-ZÀ-ỸĐ'’\-]*"
_NAME_RE = re.compile(rf"^{_TITLE_PREFIX}*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}$")
# Initials and team tags: "T.X", "V.D", "N.T.H", "BL-TQ", "PV", "BBT", "CTV", "Nhóm PV", "PV-CTV".
_INITIALS_RE = re.compile(r"^(?:Nhóm\s+)?[A-ZĐ]{1,4}(?:\s?[.\-/&]\s?[A-ZĐ]{1,4}){0,4}\.?(?:\s*\(\s*tổng hợp\s*\))?$")
# Team words printed as the whole credit.
TEAM_WORDS = ("PV", "BBT", "CTV", "Nhóm PV", "Nhóm phóng viên", "Phóng viên", "Ban Biên tập", "PV-CTV")
# CMS accounts that WordPress and others print as "author": never the journalist.
ACCOUNT_NAMES = frozenset(
    {
        "admin",
        "administrator",
        "bbt",
        "quantri",
        "quản trị",
        "quan tri",
        "quantrivien",
        "quản trị viên",
        "editor",
        "webmaster",
        "root",
        "user",
        "author",
        "biên tập viên",
        "btv",
        "system",
        "super user",
        "superuser",
        "adminstrator",
        "quantriweb",
        "ban biên tập website",
    }
)
# Agency tags that open a lead are not bylines: "(NTO)", "(QNO) -", "BHG -", "CTTĐT -", "(ĐCSVN) –".
AGENCY_TAG_RE = re.compile(r"^\(?[A-ZĐ]{2,8}(?:\.[A-Z]{2,4})?\)?\s*[-–—:]")
# Words that show a short capitalised line is a heading or sentence, not a name.
_NOT_NAME_WORDS = frozenset(
    {
        "Tỉnh",
        "Huyện",
        "Đảng",
        "Ban",
        "Ủy",
        "Uỷ",
        "Hội",
        "Công",
        "Kết",
        "Nghị",
        "Quyết",
        "Chỉ",
        "Thị",
        "Phát",
        "Tăng",
        "Nâng",
        "Tiếp",
        "Đẩy",
        "Thực",
        "Triển",
        "Xây",
        "Tổ",
        "Đại",
        "Các",
        "Những",
        "Một",
        "Trong",
        "Với",
        "Về",
        "Của",
        "Và",
        "Để",
        "Ngày",
        "Sáng",
        "Chiều",
        "Tối",
        "Hình",
        "Ảnh",
        "Video",
        "Nguồn",
        "Theo",
        "Tin",
        "Bài",
        "Chương",
        "Phần",
        "Mục",
        "Điều",
        "Lời",
        "Kỳ",
        "Tác",
        "Xem",
        "Trang",
        "Thông",
        "Kính",
        "Thư",
        "Giải",
        "Bảo",
        "Hướng",
        "Đồng",
        "Chủ",
        "Văn",
        "Mặt",
        "Hoạt",
        "Học",
    }
)


@dataclass(frozen=True)
class Credit:
    """What one credit line says."""

    byline: str | None = None
    source: str | None = None
    photo_only: bool = False  # "Ảnh: X" alone: a photo credit, removed from the body, not a byline


def _clean(s: str) -> str:
    return normalize_text(s).strip(" .;,:|-–—*")


def _strip_parens(s: str) -> str:
    s = s.strip()
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        return s[1:-1].strip()
    return s


def is_account(name: str) -> bool:
    """A CMS login rather than a person: 'admin', 'bbt', 'quantri', e-mail addresses, lower-case handles."""
    text = normalize_text(name)
    if text in TEAM_WORDS:  # "BBT" printed as a credit is the editorial board, "bbt" is a login
        return False
    key = text.casefold()
    return key in ACCOUNT_NAMES or "@" in key or bool(re.fullmatch(r"[a-z0-9_.\-]+", text))


def _is_name(s: str, *, loose: bool = False) -> bool:
    if not s or len(s) > 60:
        return False
    if _INITIALS_RE.match(s) or s in TEAM_WORDS:
        return True
    if not _NAME_RE.match(s):
        return False
    words = s.split()
    if len(words) == 1 and not loose:
        return False
    # an ALL-CAPS heading of a sentence is longer than any name
    return not (words[0] in _NOT_NAME_WORDS and not loose)


def is_unit(s: str) -> bool:
    """A unit after a name ("VPHU Quảng Điền", "Khoa Xây dựng Đảng", "Văn phòng Ban")."""
    return bool(s) and len(s) <= 80 and s[0].isupper() and len(s.split()) <= 12 and not s.endswith(".")


def _person_list(s: str, *, loose: bool = False) -> str | None:
    """Validate a credited-people string and normalize its separators (", " unless dashes are printed)."""
    s = _strip_parens(_clean(s))
    if not s:
        return None
    if _is_name(s, loose=True if loose else False) or _INITIALS_RE.match(s):
        return s
    # name (unit)
    m = re.match(r"^(.+?)\s*\((.+)\)$", s)
    if m and _is_name(m[1].strip(), loose=True) and is_unit(m[2].strip()):
        return s
    # dashes are kept as printed: "Minh Lý – Ksorr Tuối", "Bội Phương - VPHU Quảng Điền"
    parts = re.split(r"\s+[-–—]\s+", s)
    if len(parts) > 1 and _is_name(parts[0], loose=True) and all(is_unit(p) for p in parts[1:]):
        return s
    # several people: "A, B", "A và B", "A; B"
    people = [p.strip() for p in re.split(r"\s*(?:,|;|\bvà\b|&)\s*", s) if p.strip()]
    if len(people) > 1 and all(_is_name(p, loose=True) for p in people):
        return ", ".join(people)
    return None


def parse_credit(line: str, *, strict: bool = True) -> Credit | None:
    """Read one printed line as a credit line; None when it is ordinary text.

    ``strict`` (for lines in the body) refuses one-word bare names and capitalised headings; meta-area
    author elements are read with ``strict=False``.
    """
    text = _clean(line)
    if not text or len(text) > 160:
        return None
    source = None
    m = _TRAILING_SOURCE_RE.match(text)
    if m and m[1]:
        src = _SOURCE_RE.match(m[2])
        if src:
            source, text = _clean(src[1]), _clean(m[1])
    m = _SOURCE_RE.match(text)
    if m:
        value = _clean(m[1])
        # "Theo báo cáo của …" starts a sentence; a source is short and has no verb-y clause
        if value and len(value.split()) <= 10 and not value.endswith((":",)) and (value[0].isupper() or "." in value):
            return Credit(source=value)
        return None
    labels = list(_LABEL_RE.finditer(text))
    if labels and labels[0].start() == 0:
        # every credited person is kept once, roles stripped ("Tin: Ngọc Anh; Ảnh: Văn Tuấn" ->
        # "Ngọc Anh, Văn Tuấn"); a line with media roles only is a photo credit, not a byline
        credited: list[str] = []
        media_only = True
        for i, lab in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            value = _clean(text[lab.end() : end])
            if _TEXT_ROLE_RE.search(lab[1]):
                media_only = False
            if value:
                person = _person_list(value, loose=True) or value
                for name in person.split(", "):
                    if name not in credited:
                        credited.append(name)
        if media_only:
            return Credit(photo_only=True, source=source)
        byline = ", ".join(credited) or None
        return Credit(byline=byline, source=source)
    if strict and text != text.rstrip(".") and not _INITIALS_RE.match(text):
        return Credit(source=source) if source else None  # a sentence, not a credit
    people = _person_list(text, loose=not strict)
    if people and not is_account(people):
        return Credit(byline=people, source=source)
    if source:
        return Credit(source=source)
    return None


def is_agency_tag_lead(line: str) -> bool:
    """A lead that opens with an agency tag ("(NTO) - …"): the tag is not a byline."""
    return bool(AGENCY_TAG_RE.match(normalize_text(line)))
