"""What the commands share: printing diagnostics, and turning errors into exit statuses."""

from __future__ import annotations

import sys
import traceback
from contextlib import contextmanager

import click

from publish.errors import PublishError, Report


def echo_report(report: Report, quiet: bool = False) -> None:
    for d in report.items:
        if d.severity == "error" or not quiet:
            click.echo(str(d), err=True)


@contextmanager
def user_errors(ctx):
    """Print a PublishError as file:line messages and exit 1 (2 for usage); never a traceback
    unless -v asks for one on an internal error."""
    try:
        yield
    except PublishError as exc:
        for line in exc.lines():
            click.echo(line, err=True)
        ctx.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
        raise
    except Exception as exc:  # an internal error: say so plainly
        if ctx.obj and ctx.obj.get("verbose"):
            traceback.print_exc()
        click.echo(f"publish: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("This is a bug in publish; run again with -v for details and report it.", err=True)
        ctx.exit(1)
