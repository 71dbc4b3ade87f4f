"""Regenerate every bundled sample site from the build_*.py generators, then check them.

    .venv/bin/python danvan_crawler/sample_sites/build_sites.py

The site folders (wp_bdv/, joomla_school/, aspnet_portal/, nukeviet_dcs/, wp_rest/) are generated
output, committed so that `danvan demo` and the end-to-end tests need no build step.
All names, people and events in them are fictional; the prose was written for this project.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_aspnet  # noqa: E402
import build_joomla  # noqa: E402
import build_nukeviet  # noqa: E402
import build_wp_bdv  # noqa: E402
import build_wp_rest  # noqa: E402
import check_sites  # noqa: E402

if __name__ == "__main__":
    for mod in (build_wp_bdv, build_joomla, build_aspnet, build_nukeviet, build_wp_rest):
        mod.build()
    sys.exit(check_sites.main([]))
