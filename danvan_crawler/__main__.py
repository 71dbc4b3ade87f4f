"""``python -m danvan_crawler`` is the ``danvan`` command."""

from danvan_crawler.cli import main

main()
