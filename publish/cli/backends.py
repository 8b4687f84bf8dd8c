"""`publish backends`: list installed readers and backends with their distributions."""

import click

from publish import plugins


@click.command()
def command():
    """List the installed backends and readers (built-ins and plug-ins alike).

    Plug-ins register in the `publish.backends` and `publish.readers` entry-point groups.
    """
    for kind, title in (("backend", "Backends"), ("reader", "Readers")):
        click.echo(f"{title}:")
        for name, ep in plugins.available(kind).items():
            click.echo(f"  {name:<10} {ep.value:<45} ({plugins.distribution(ep)})")
