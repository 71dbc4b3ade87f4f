"""danvan-crawler: news from Vietnam's provincial Party committee sites, into SQLite."""

__version__ = "0.1.0"
