"""Extraction never raises: hypothesis-generated HTML, random text and mutated corpus pages go through
``parse_html``, ``is_article_page``, ``extract_article`` and ``analyse_page`` and come back as empty fields,
never as an exception. A fast subset (~220 cases); ``benchmarks/fuzz.py`` runs 10,000 with the same
mutations and checks (``check`` returns the entry points that raised or returned the wrong type)."""

from __future__ import annotations

import importlib.util
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT


def _load_fuzz():
    spec = importlib.util.spec_from_file_location("danvan_fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["danvan_fuzz"] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
CORPUS = fuzz.load_corpus()
URL = fuzz.SITE_URL + "tin-tuc/bai-viet-4001.html"
FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_never_raises(data, url=URL):
    errors = fuzz.check(data, url)
    assert not errors, "\n".join(f"{name}: {err}\n{tb}" for name, err, tb in errors)


@FAST
@given(st.text())
def test_random_text(text):
    assert_never_raises(text)


@FAST
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    assert_never_raises(data)


def _element(children):
    value = st.one_of(st.sampled_from(fuzz.HREFS), st.text(max_size=20))
    attrs = st.lists(st.tuples(st.sampled_from(fuzz.ATTRS), value), max_size=3)
    return st.builds(
        lambda tag, a, kids: f"<{tag}{''.join(f' {k}={v!r}' for k, v in a)}>{''.join(kids)}</{tag}>",
        st.sampled_from(fuzz.TAGS), attrs, st.lists(children, max_size=4))


HTML = st.recursive(st.one_of(st.text(max_size=40), st.sampled_from(fuzz.SPECIAL + (fuzz.VIETNAMESE,))),
                    _element, max_leaves=40)


@FAST
@given(HTML, st.sampled_from([URL, fuzz.SITE_URL, "", "http://127.0.0.1:8000/2020/10/14/a-b-c-d-e/"]))
def test_generated_html(body, url):
    page = f"<html><head><title>{fuzz.VIETNAMESE}</title></head><body>{body}</body></html>"
    assert_never_raises(page, url)
    assert_never_raises(unicodedata.normalize("NFD", page).encode("utf-8", errors="surrogatepass"), url)


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.integers(min_value=0, max_value=10**9))
def test_mutated_corpus_pages(i):
    names, data, url = fuzz.make_case(CORPUS, "pytest", i)
    assert_never_raises(data, url)


EDGE_CASES = {
    "empty": "",
    "empty bytes": b"",
    "whitespace": " \n\t ",
    "nul": "\x00",
    "nul bytes in a page": b"<html><body><h1>A\x00B</h1><p>" + b"x\x00" * 500 + b"</p></body></html>",
    "xml declaration with encoding (str)": '<?xml version="1.0" encoding="utf-8"?><html><p>Đảng</p></html>',
    "utf-16 with BOM": "\ufeff<html><body><h1>Đảng bộ</h1></body></html>".encode("utf-16"),
    "lone surrogates": "<html><body><h1>\ud800</h1><p>\udfff" * 50 + "</p></body></html>",
    "deep nesting 30000": "<html><body>" + "<div class='entry-content'>" * 30000 + fuzz.VIETNAMESE + "</body></html>",
    "huge attribute 3 MB": '<html><body><div class="' + "a" * 3_000_000 + '"><p>x</p></div></body></html>',
    "only a doctype": "<!DOCTYPE html>",
    "cdata and comments": "<![CDATA[<!--<html>-->]]><!--",
    "bogus charset": '<meta charset="no-such-charset"><html><body><h1>Đảng</h1></body></html>',
    "frameset": "<html><frameset><frame src='/a'></frameset></html>",
    "broken links": "<html><body>" + "".join(f'<a href="{h}">{h}</a>' for h in fuzz.HREFS) + "</body></html>",
    "rtl and zero-width title": "<html><body><h1>\u202eĐảng\u200b\u200d\ufeff</h1><p>\u2028\u2029</p></body></html>",
    "many dates": "<html><body><h1>A</h1>" + "<p>Thứ hai, 31/02/2020 25:61 (GMT+7) 99/99/9999</p>" * 200,
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases(name):
    assert_never_raises(EDGE_CASES[name])
