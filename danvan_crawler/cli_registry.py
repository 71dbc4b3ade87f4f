"""``danvan sites`` and ``danvan check-sites``: list the registry, probe its homepages.

Both are plain click commands; the main ``danvan`` group registers them with
``cli.add_command(sites_command)`` and ``cli.add_command(check_sites_command)``.
The registry is the bundled ``spiders/sites.toml`` unless ``--registry PATH`` (hidden) or the
``DANVAN_REGISTRY`` environment variable names another file.
Exit status: 0 fine, 1 some site unreachable (check-sites), 2 bad usage or a broken registry.
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence

import click

from danvan_crawler.errors import ConfigError
from danvan_crawler.probe import DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT, ProbeResult, probe_sites
from danvan_crawler.profiles import (
    ALLOWED_CMS,
    REGISTRY_ENV,
    RegistryError,
    SiteProfile,
    filter_profiles,
    load_registry,
)
from danvan_crawler.provinces import normalize_province

__all__ = ["RegistryConfigError", "check_sites_command", "format_table", "sites_command"]


# A registry that cannot be loaded: one line on stderr, exit status 2, no traceback.
RegistryConfigError = ConfigError


def _load(path: str | None) -> list[SiteProfile]:
    try:
        return load_registry(path)
    except RegistryError as exc:
        raise RegistryConfigError(str(exc)) from None


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> str:
    """A plain left-aligned text table; cells longer than *max_width* are cut with '…'."""
    def cut(s: str) -> str:
        s = str(s)
        return s if _width(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cut(c) for c in headers]] + [[cut(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


_registry_option = click.option(
    "--registry", "registry", type=click.Path(dir_okay=False), envvar=REGISTRY_ENV, hidden=True,
    default=None, help="Registry TOML file to use instead of the bundled one.",
)


def _select(profiles: list[SiteProfile], province: str | None, cms: str | None) -> list[SiteProfile]:
    if province and normalize_province(province) is None:
        raise click.BadParameter(f"unknown province {province!r}", param_hint="--province")
    return filter_profiles(profiles, province=province, cms=cms)


@click.command("sites")
@click.option("--province", "-p", metavar="P",
              help="Only this province (any spelling; a pre-2025 name selects its legacy sites).")
@click.option("--cms", type=click.Choice(ALLOWED_CMS), help="Only sites of this CMS family.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_registry_option
def sites_command(province: str | None, cms: str | None, as_json: bool, registry: str | None) -> None:
    """List the site registry (spiders/sites.toml).

    \b
    Examples:
      danvan sites
      danvan sites --province "Thừa Thiên Huế"     # same as --province Huế
      danvan sites --cms nukeviet --json
    """
    profiles = _select(_load(registry), province, cms)
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in profiles], ensure_ascii=False, indent=2))
        return
    rows = []
    for p in profiles:
        prov = p.province or ""
        if p.legacy_province:
            prov += f" ({p.legacy_province})"
        rows.append([p.name, prov, p.cms, p.url])
    click.echo(format_table(["SITE", "PROVINCE (LEGACY)", "CMS", "URL"], rows))
    provinces = {p.province for p in profiles}
    by_cms = Counter(p.cms for p in profiles)
    click.echo(f"\n{len(profiles)} sites, {len(provinces)} provinces; "
               + ", ".join(f"{k} {v}" for k, v in sorted(by_cms.items(), key=lambda kv: -kv[1])))


def _yn(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


@click.command("check-sites")
@click.option("--site", "sites", multiple=True, metavar="NAME",
              help="Only this site (repeatable). Default: every enabled site.")
@click.option("--province", "-p", metavar="P", help="Only the sites of this province.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds per request.")
@click.option("--concurrency", type=click.IntRange(min=1, max=256), default=DEFAULT_CONCURRENCY,
              show_default=True, help="Sites probed at once.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_registry_option
def check_sites_command(sites: tuple[str, ...], province: str | None, timeout: float, concurrency: int,
                        as_json: bool, registry: str | None) -> None:
    """Probe each registry homepage: reachable, CMS, sitemap, feed, WordPress REST API.

    Exits 0 when every probed site answered, 1 when some did not, 2 on a bad registry or usage.

    \b
    Examples:
      danvan check-sites
      danvan check-sites --site tinhuy-nghean --site bdv-lamdong --timeout 5
      danvan check-sites --province "Lâm Đồng" --concurrency 4 --json
    """
    profiles = _load(registry)
    if sites:
        names = {p.name for p in profiles}
        unknown = [s for s in sites if s not in names]
        if unknown:
            raise click.BadParameter(f"unknown site(s): {', '.join(unknown)} (see `danvan sites`)",
                                     param_hint="--site")
        profiles = [p for p in profiles if p.name in set(sites)]
    else:
        profiles = [p for p in profiles if p.enabled]
    profiles = _select(profiles, province, None)
    if not profiles:
        raise click.UsageError("no site selected")

    started = time.monotonic()
    results: list[ProbeResult] = probe_sites(profiles, timeout=timeout, concurrency=concurrency)
    elapsed = time.monotonic() - started
    down = [r for r in results if not r.reachable]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        rows = []
        for r in results:
            status = r.status_text + (" (tls!)" if r.tls_insecure and r.reachable else "")
            dash = "-" if not r.reachable else "no"
            rows.append([r.name, status, r.cms or "-", "yes" if r.sitemap else dash,
                         "yes" if r.feed else dash, _yn(r.rest_api)])
        click.echo(format_table(["SITE", "STATUS", "CMS", "SITEMAP", "FEED", "REST API"], rows))
        notes = [(r.name, n) for r in results for n in r.notes]
        if notes:
            click.echo("\nNotes:")
            for name, note in notes:
                click.echo(f"  {name}: {note}")
        reasons = Counter(r.reason for r in down)
        summary = f"\n{len(results) - len(down)}/{len(results)} reachable in {elapsed:.1f}s"
        if down:
            summary += " — unreachable: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common())
        click.echo(summary)
    if down:
        sys.stdout.flush()
        click.get_current_context().exit(1)
