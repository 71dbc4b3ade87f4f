"""Quality floors on the annotated corpus and the sample sites: quality can only go up."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from danvan_crawler.evaluation import (
    DEFAULT_CORPUS,
    SAMPLE_SITES,
    date_matches,
    eval_command,
    evaluate,
    evaluate_sample_sites,
)

# The acceptance levels. Raise them when the extractor gets better; never lower them.
FLOORS = {"title": 0.99, "date": 0.98, "byline": 0.95, "body": 0.97, "source": 0.95, "kind": 0.98}


def _check(report) -> None:
    assert report.pages > 0
    low = {f: round(report.accuracy(f), 3) for f, floor in FLOORS.items() if report.accuracy(f) < floor}
    assert not low, f"below the floor: {low}\n{report.table()}"


@pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason="no bundled corpus")
def test_corpus_floors() -> None:
    _check(evaluate(DEFAULT_CORPUS))


@pytest.mark.skipif(not SAMPLE_SITES.is_dir(), reason="no sample sites")
def test_sample_site_floors() -> None:
    _check(evaluate_sample_sites())


def test_date_comparison_rules() -> None:
    assert date_matches("2020-10-17T14:34:00+07:00", "2020-10-17T14:34:59+07:00")  # to the minute
    assert not date_matches("2020-10-17T14:34:00+07:00", "2020-10-17")  # a time was shown: we need it
    assert not date_matches("2020-10-17T14:34:00+07:00", "2020-10-17T14:35:00+07:00")
    assert date_matches("2020-10-17", "2020-10-17T14:34:00+07:00")  # to the day
    assert date_matches(None, None) and not date_matches(None, "2020-10-17")


def test_eval_command_on_a_small_folder(tmp_path) -> None:
    html = (
        "<html><head><title>Tiêu đề - Site</title></head><body><h1>Tiêu đề</h1>"
        "<div class='date'>17/10/2020 14:34</div><div class='entry-content'>"
        "<p>Câu mở đầu của bài viết khá dài để đủ làm một đoạn văn bản của bài báo mẫu.</p>"
        "<p>Câu kết thúc của bài viết cũng khá dài để đủ làm một đoạn văn bản của bài báo mẫu.</p>"
        "<p style='text-align:right'><b>Thu Hà</b></p></div></body></html>"
    )
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "url": "https://x.vn/tin/tieu-de-123.html",
                "kind": "article",
                "title": "Tiêu đề",
                "published_at": "2020-10-17T14:34:00+07:00",
                "byline": "Thu Hà",
                "source": None,
                "body_first": "Câu mở đầu của bài viết",
                "body_last": "làm một đoạn văn bản của bài báo mẫu.",
                "not_in_body": ["Thu Hà"],
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(eval_command, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "title        1      1    100.0%" in result.output
    assert "byline       1      1    100.0%" in result.output
    assert "body         1      1    100.0%" in result.output
