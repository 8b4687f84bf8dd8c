"""The `publish` command line: a click group whose commands load only when called."""

from __future__ import annotations

import importlib
import signal
import sys

import click

from publish import __version__

COMMANDS = {
    "epub": "Build an EPUB 3 e-book.",
    "pdf": "Build a print-ready PDF handout.",
    "check": "Read and validate a source; list what was found and every problem.",
    "convert": "Write the canonical article model (XHTML) of a source.",
    "render": "Build with any installed backend, plug-ins included (--to NAME).",
    "backends": "List installed readers and backends.",
}


class LazyGroup(click.Group):
    """Commands live in publish/cli/<name>.py and are imported on use, so that
    `publish --help` imports neither lxml nor WeasyPrint."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        return importlib.import_module(f"publish.cli.{name}").command

    def format_commands(self, ctx, formatter):
        with formatter.section("Commands"):
            formatter.write_dl(list(COMMANDS.items()), col_max=12)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="""\b
Examples:
  publish epub content/slow-light.md       -> dist/slow-light.epub
  publish pdf content/slow-light.md        -> dist/slow-light.pdf
  publish epub                             (every source in content/)
  publish check article.txt --strict

Run `publish COMMAND --help` for a command's options and examples.""")
@click.version_option(__version__, "--version", prog_name="publish")
@click.option("-v", "--verbose", is_flag=True, help="Say more: each step, repairs, timings.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.pass_context
def cli(ctx, verbose, quiet):
    """Turn articles (Markdown, web clippings, canonical XML) into EPUB and PDF.

    Sources are read into one canonical article model, checked, then rendered by a
    backend. Outputs go to dist/ unless -o says otherwise.
    """
    ctx.obj = {"verbose": verbose and not quiet, "quiet": quiet}


def main(argv=None):
    """Entry point: run the CLI, turning every failure into a message and an exit status."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        status = cli.main(args=argv, prog_name="publish", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("publish: interrupted; nothing was written", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("publish: interrupted; nothing was written", err=True)
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)


def _terminate(signum, frame):
    raise KeyboardInterrupt
