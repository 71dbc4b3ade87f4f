"""Extraction: pure functions of (html, url) -> fields. No Scrapy, no I/O."""
