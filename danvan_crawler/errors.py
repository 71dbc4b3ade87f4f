"""Errors the command line reports in one line."""

import click


class ConfigError(click.ClickException):
    """Bad usage or configuration: exit status 2 with a one-line message, no traceback."""

    exit_code = 2
