"""The dedup engine: the labelled corpus end to end, then each mechanism on its own."""

from __future__ import annotations

import itertools
import json
import random
import statistics
import time
import unicodedata
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan_crawler import dedup
from danvan_crawler.dedup import (
    NearDuplicateIndex,
    band_keys,
    choose_original,
    content_hash,
    estimate_similarity,
    fingerprint,
    is_same_story,
    normalize_for_hash,
    url_key,
)

CORPUS = Path(__file__).parent / "fixtures" / "dedup" / "corpus.jsonl"
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.97


def load_corpus() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------------------------------------
# The corpus, end to end: canonical URL → exact hash → near-duplicate index on SQLite
# ---------------------------------------------------------------------------------------------


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def run_engine(records: list[dict], db: sqlite_utils.Database) -> tuple[UnionFind, dict[str, int]]:
    """Deduplicate records in the given order, the way storage does; returns the merges and counts."""
    index = NearDuplicateIndex(db)
    by_url: dict[str, int] = {}
    by_hash: dict[str, int] = {}
    stored: dict[int, dict] = {}
    uf = UnionFind()
    counts = {"url": 0, "exact": 0, "near": 0, "new": 0}
    for rec in records:
        rid = rec["id"]
        uf.find(rid)
        key = url_key(rec["url"])
        if key in by_url:
            uf.union(rid, by_url[key])
            counts["url"] += 1
            continue
        by_url[key] = rid
        chash = content_hash(rec["title"], rec["body"])
        if chash in by_hash:
            uf.union(rid, by_hash[chash])
            counts["exact"] += 1
            continue
        by_hash[chash] = rid
        mine = dict(rec, signature=fingerprint(rec["body"]))
        match = next(
            (c for c in index.candidates(mine["signature"], limit=20) if is_same_story(mine, stored[c])),
            None,
        )
        if match is not None:
            uf.union(rid, match)
            counts["near"] += 1
            continue
        index.add(rid, mine["signature"])
        stored[rid] = mine
        counts["new"] += 1
    return uf, counts


def pairwise_scores(records: list[dict], uf: UnionFind) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall of the predicted clusters against the labels."""
    tp = predicted = actual = 0
    for a, b in itertools.combinations(records, 2):
        same_label = a["cluster"] == b["cluster"]
        same_pred = uf.find(a["id"]) == uf.find(b["id"])
        actual += same_label
        predicted += same_pred
        tp += same_label and same_pred
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    return precision, recall, tp, predicted, actual


def test_corpus_is_big_enough_and_mixed():
    records = load_corpus()
    clusters = {r["cluster"] for r in records}
    sizes = [sum(r["cluster"] == c for r in records) for c in clusters]
    assert len(records) >= 80
    assert sum(s > 1 for s in sizes) >= 12  # republication clusters
    assert sum(s == 1 for s in sizes) >= 25  # singletons and look-alikes
    assert len({r["id"] for r in records}) == len(records)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_corpus_precision_and_recall(tmp_path, seed):
    records = load_corpus()
    random.Random(seed).shuffle(records)  # originals do not always come first
    db = sqlite_utils.Database(tmp_path / "dedup.db")
    uf, counts = run_engine(records, db)
    precision, recall, tp, predicted, actual = pairwise_scores(records, uf)
    print(
        f"\n[dedup corpus, order seed {seed}] {len(records)} articles, {actual} true pairs: "
        f"precision {precision:.4f} ({tp}/{predicted}), recall {recall:.4f} ({tp}/{actual}); "
        f"merged by url {counts['url']}, exact {counts['exact']}, near {counts['near']}; new {counts['new']}"
    )
    wrong = sorted(
        (a["cluster"], b["cluster"])
        for a, b in itertools.combinations(records, 2)
        if (a["cluster"] == b["cluster"]) != (uf.find(a["id"]) == uf.find(b["id"]))
    )
    assert precision >= PRECISION_FLOOR, wrong
    assert recall >= RECALL_FLOOR, wrong


def test_corpus_every_mechanism_is_exercised(tmp_path):
    _, counts = run_engine(load_corpus(), sqlite_utils.Database(tmp_path / "d.db"))
    assert counts["url"] >= 7 and counts["exact"] >= 5 and counts["near"] >= 15


def test_choose_original_on_corpus():
    records = load_corpus()
    for cluster in {r["cluster"] for r in records}:
        members = [r for r in records if r["cluster"] == cluster]
        originals = [r for r in members if r["original"]]
        if not originals:
            continue
        (orig,) = originals
        for other in members:
            same_page = other["site"] == orig["site"] and other["published_at"] == orig["published_at"]
            if other is orig or same_page:
                continue  # the same page under another URL: nothing to choose
            assert choose_original(other, orig) is orig, (cluster, other["id"])
            assert choose_original(orig, other) is orig, (cluster, other["id"])


# ---------------------------------------------------------------------------------------------
# Exact duplicates
# ---------------------------------------------------------------------------------------------


def test_normalize_for_hash_folds_form_not_content():
    text = "ĐẢNG bộ\u00a0xã Hòa\u200bThắng: “Dân vận khéo”!"
    assert normalize_for_hash(text) == "đảng bộ xã hòathắng dân vận khéo"
    assert normalize_for_hash(unicodedata.normalize("NFD", text)) == normalize_for_hash(text)
    assert normalize_for_hash(text.replace("Đ", "\u00d0")) == normalize_for_hash(text)
    assert normalize_for_hash("  a\n\n b\t c  ") == "a b c"


def test_normalize_for_hash_folds_tone_placement():
    # Old-style "hoà, thuỷ, khoẻ" and new-style "hòa, thủy, khỏe" are the same words…
    old, new = "Hoà bình, thuỷ lợi, sức khoẻ", "Hòa bình, thủy lợi, sức khỏe"
    assert normalize_for_hash(old) == normalize_for_hash(new)
    # …but the tone of a closed syllable and the "qu" of "quý" stay where they are.
    assert normalize_for_hash("hoàng quý") == "hoàng quý"


def test_content_hash_equal_for_copies_different_for_edits():
    title = "Trao nhà Đại đoàn kết"
    body = "Ngày 5/9, Mặt trận huyện bàn giao 25 căn nhà.\n\nMỗi căn 60 triệu đồng."
    h = content_hash(title, body)
    assert len(h) == 32 and int(h, 16) >= 0
    assert content_hash(unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", body)) == h
    assert content_hash(title.replace("Đ", "\u00d0"), body.replace("\n\n", " \u00a0\n")) == h
    assert content_hash(title, body.replace("25", "26")) != h
    assert content_hash(title + " huyện Tuy Phong", body) != h


# ---------------------------------------------------------------------------------------------
# Near duplicates: signatures, bands, the index
# ---------------------------------------------------------------------------------------------

WORDS = ("dân vận khéo hội nghị giao ban mặt trận đoàn thể nhân dân xã huyện tỉnh đồng chí bí thư "
         "phong trào mô hình đường giao thông nông thôn hiến đất ngày công kinh phí tỷ đồng hộ nghèo").split()


def random_text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(n))


def test_fingerprint_is_stable_and_deterministic():
    text = "Hội nghị giao ban công tác dân vận quý I năm 2024 đã thảo luận, đánh giá kết quả"
    sig = fingerprint(text)
    assert len(sig) == dedup.NUM_PERM and all(0 <= v <= 0xFFFFFFFF for v in sig)
    assert sig == fingerprint(text.upper().replace(",", " ") + ".")
    # Signatures are persisted: pin a few values so a change of scheme cannot go unnoticed.
    assert sig[:4] == PINNED_SIGNATURE_HEAD


PINNED_SIGNATURE_HEAD = (906063783, 509008906, 3227009190, 154819775)


def test_empty_text_matches_nothing():
    assert dedup.is_empty_signature(fingerprint(""))
    assert band_keys(fingerprint("   ")) == []
    assert estimate_similarity(fingerprint(""), fingerprint("")) == 0.0


def test_short_texts_get_full_signatures():
    sig = fingerprint("Tặng quà học sinh nghèo")  # one shingle: densification fills every bucket
    assert not any(v == 0xFFFFFFFF for v in sig) and len(set(sig)) == 1


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), keep=st.floats(0.3, 1.0))
def test_estimate_tracks_exact_jaccard(seed, keep):
    rng = random.Random(seed)
    words = random_text(rng, 600).split()
    cut = int(len(words) * keep)
    a, b = " ".join(words), " ".join(words[:cut] + random_text(rng, len(words) - cut).split())
    exact, _, _ = dedup.text_similarity(a, b)
    assert abs(estimate_similarity(fingerprint(a), fingerprint(b)) - exact) < 0.15


def test_band_keys_shape():
    keys = band_keys(fingerprint(random_text(random.Random(1), 300)))
    assert len(keys) == dedup.BANDS == len(set(keys))
    assert all(len(k) == 14 and int(k, 16) >= 0 for k in keys)
    assert [int(k[:2], 16) for k in keys] == list(range(dedup.BANDS))


def test_signature_round_trip():
    sig = fingerprint(random_text(random.Random(2), 200))
    assert dedup.unpack_signature(dedup.pack_signature(sig)) == sig
    assert len(dedup.pack_signature(sig)) == 512


def test_index_add_candidates_remove(tmp_path):
    db = sqlite_utils.Database(tmp_path / "i.db")
    index = NearDuplicateIndex(db)
    rng = random.Random(3)
    base = random_text(rng, 400)
    edited = base.replace(base.split()[5], "sửa", 1) + " thêm một câu"
    other = random_text(rng, 400)
    index.add_many([(1, fingerprint(base)), (2, fingerprint(other))])
    assert len(index) == 2
    assert index.candidates(fingerprint(edited)) == [1]
    assert index.signature(1) == fingerprint(base) and index.signature(99) is None
    index.add(1, fingerprint(other))  # re-indexing replaces the old bands
    assert index.candidates(fingerprint(base)) == []
    assert sorted(index.candidates(fingerprint(other))) == [1, 2]
    index.remove(1)
    assert index.candidates(fingerprint(other)) == [2] and len(index) == 1
    assert db.execute("SELECT COUNT(*) FROM dedup_bands WHERE article_id = 1").fetchone()[0] == 0
    NearDuplicateIndex(db)  # opening again keeps the data
    assert len(index) == 1


def test_index_orders_by_band_hits_and_limits(tmp_path):
    index = NearDuplicateIndex(sqlite_utils.Database(tmp_path / "o.db"))
    words = random_text(random.Random(4), 500).split()
    near = " ".join(words[:450] + ["khác"] * 50)
    far = " ".join(words[:250] + random_text(random.Random(5), 250).split())
    index.add_many([(10, fingerprint(far)), (20, fingerprint(near))])
    got = index.candidates(fingerprint(" ".join(words)))
    assert got[0] == 20
    assert index.candidates(fingerprint(" ".join(words)), limit=1) == [20]


def test_index_lookup_uses_the_primary_key(tmp_path):
    db = sqlite_utils.Database(tmp_path / "p.db")
    NearDuplicateIndex(db)
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT article_id, COUNT(*) FROM dedup_bands WHERE band_key IN (?, ?)"
        " GROUP BY article_id", ["a", "b"]
    ).fetchall()
    detail = " ".join(str(row[-1]) for row in plan)
    assert "USING PRIMARY KEY" in detail or "USING COVERING INDEX" in detail, detail


def test_fingerprint_cost_of_a_1000_word_article():
    text = random_text(random.Random(6), 1000)
    fingerprint(text)
    runs = []
    for _ in range(15):
        t0 = time.perf_counter()
        fingerprint(text)
        runs.append(time.perf_counter() - t0)
    median_ms, best_ms = statistics.median(runs) * 1000, min(runs) * 1000
    print(f"\n[fingerprint] 1,000 words: median {median_ms:.2f} ms, best {best_ms:.2f} ms (15 runs)")
    assert best_ms < 5.0  # the best run: other processes on a busy CI machine only slow the median


# ---------------------------------------------------------------------------------------------
# Verification and the original
# ---------------------------------------------------------------------------------------------

STOCK = (
    "Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ trong thời gian qua, chỉ ra những hạn chế, "
    "nguyên nhân và đề ra giải pháp khắc phục trong thời gian tới. Phát biểu chỉ đạo hội nghị, đồng chí "
    "Hồ Thị Lan ghi nhận, biểu dương những kết quả đạt được."
)


def story(title: str, body: str, **kw) -> dict:
    return {"title": title, "body": body, **kw}


def test_same_story_accepts_edited_lead_and_added_sentence():
    paras = [
        "Sáng 9/5, Ban Dân vận Tỉnh ủy làm việc với Đảng ủy Khối về thực hiện Quy định 1654.",
        "Đảng ủy Khối đã ban hành 6 văn bản; 214 mô hình “Dân vận khéo” được công nhận, nhiều mô hình gắn "
        "với cải cách hành chính và giải quyết thủ tục cho người dân, doanh nghiệp trên địa bàn tỉnh.",
        "Một số chi bộ chưa đưa nội dung công tác dân vận vào sinh hoạt định kỳ; việc sơ kết, nhân rộng mô "
        "hình ở một số đơn vị còn chậm, chưa tạo sức lan tỏa trong toàn khối.",
        "Đoàn đề nghị khắc phục hạn chế trước ngày 30/6 và báo cáo kết quả về Ban Dân vận Tỉnh ủy.",
    ]
    a = story("Giám sát thực hiện Quy định 1654", "\n\n".join(paras))
    b = story("Ban Dân vận Tỉnh ủy giám sát tại Đảng ủy Khối",
              "\n\n".join(["Ngày 9/5, đoàn giám sát của Ban Dân vận Tỉnh ủy làm việc tại Đảng ủy Khối.",
                           *paras[1:], "Buổi làm việc diễn ra trong tinh thần thẳng thắn, cởi mở."]))
    assert is_same_story(a, b) and is_same_story(b, a)


def test_same_story_rejects_series_instalments():
    body = "Ngày {d}, Ban Dân vận Tỉnh ủy giao ban quý {q}. Toàn tỉnh công nhận {n} mô hình. " + STOCK
    q1 = story("Hội nghị giao ban công tác dân vận quý I năm 2024", body.format(d="2/4", q="I", n="64"))
    q2 = story("Hội nghị giao ban công tác dân vận quý II năm 2024", body.format(d="3/7", q="II", n="71"))
    assert not is_same_story(q1, q2)
    # Even with identical bodies, the titles tell the instalments apart.
    assert not is_same_story(q1, dict(q2, body=q1["body"]))
    # A republished instalment with the headline reworded keeps its numbers: accepted.
    assert is_same_story(q1, dict(q1, title="Giao ban công tác dân vận quý I/2024"))


def test_same_story_rejects_shared_stock_sentences():
    a = story("Hội Phụ nữ sơ kết 6 tháng", "Hội Phụ nữ tỉnh phát triển 2.140 hội viên mới. " + STOCK)
    b = story("Hội Cựu chiến binh sơ kết 6 tháng", "Hội Cựu chiến binh hòa giải 74 vụ mâu thuẫn. " + STOCK)
    assert not is_same_story(a, b)


def test_same_story_rejects_changed_numbers_and_excerpts():
    base = " ".join(f"câu số {i} nói về phong trào dân vận khéo ở xã Tân Lập năm nay." for i in range(1, 30))
    renumbered = base
    for i in range(1, 9):  # a quarter of the numbers changed, the words all the same
        renumbered = renumbered.replace(f"số {i} ", f"số {100 + i} ")
    assert not is_same_story(story("A", base), story("A", renumbered))
    assert not is_same_story(story("A", base[:200]), story("A", base))  # an excerpt in a longer piece
    assert not is_same_story(story("A", ""), story("A", ""))


def test_markers_read_digits_roman_numerals_and_spelled_ordinals():
    assert dedup.markers("Giao ban quý II/2024") == {"2", "2024"}
    assert dedup.markers("Đại hội XIII, lần thứ ba, ngày 05/10") == {"13", "3", "5", "10"}
    assert dedup.markers("VI PHẠM") == {"6"} and dedup.markers("vi phạm") == set()


def test_choose_original_prefers_named_source_then_earliest():
    orig = {"site": "baobinhthuan", "site_title": "Báo Bình Thuận", "url": "https://baobinhthuan.com.vn/a-1/",
            "published_at": "2024-03-28T07:00:00+07:00", "source": None}
    copy_ = {"site": "tinhuy", "url": "https://binhthuan.dcs.vn/b-2.html",
             "published_at": "2024-03-27T20:00:00+07:00", "source": "Nguồn: Báo Bình Thuận"}
    assert choose_original(copy_, orig) is orig and choose_original(orig, copy_) is orig
    by_host = dict(copy_, source="Theo baobinhthuan.com.vn")
    assert choose_original(by_host, orig) is orig
    uncredited = dict(copy_, source=None)
    assert choose_original(uncredited, orig) is uncredited  # earlier wins without a credit
    assert choose_original(dict(orig, published_at=None), uncredited) is uncredited
    naive = dict(uncredited, published_at="2024-03-28T06:30:00")  # naive = Vietnam local time
    assert choose_original(naive, orig) is naive
    assert choose_original(dict(orig), orig) is orig  # a tie keeps b, the stored copy
