"""Exit codes and the translation of library errors into messages on stderr.

0 ok (also empty results) · 1 failed · 2 usage (bad option, unknown reference) · 3 data did
not pass (validation, strict ingest).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import click

from graph.errors import ConfigError, GraphError, QueryError, SourceError, ValidationFailed

OK = 0
FAILED = 1
USAGE = 2
DATA = 3


def code_for(exc: GraphError) -> int:
    """The exit code for a library error."""
    if isinstance(exc, ValidationFailed):
        return DATA
    if isinstance(exc, ConfigError | QueryError):
        return USAGE
    if isinstance(exc, SourceError):
        return FAILED
    return FAILED


@contextmanager
def reported(verbose: bool = False) -> Iterator[None]:
    """Run a command body; a GraphError becomes one paragraph on stderr and its exit code."""
    try:
        yield
    except GraphError as exc:
        if verbose:
            traceback.print_exc(file=sys.stderr)
        click.echo(f"error: {exc.describe()}", err=True)
        sys.exit(code_for(exc))
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
