"""``diplograph ingest``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import FAILED, reported


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Any bad input is fatal (exit 3) and nothing is written.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the ingest report as JSON to this file.",
)
@click.option("--no-rules", is_flag=True, help="Do not recompute derived triples (state roll-up, contradictions).")
@click.option(
    "--published", metavar="DATE", help="Publication date of the articles (YYYY-MM-DD): anchors relative dates."
)
@click.option("--outlet", metavar="NAME", help="Outlet that published the articles.")
@click.option(
    "--prefilter/--no-prefilter",
    default=None,
    help="Parse only sentences that can hold an event (faster; see BENCHMARKS.md). [env DIPLOGRAPH_PREFILTER]",
)
@click.option("--url", metavar="URL", help="URL of the article.")
@click.option(
    "--processes",
    "n_process",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for extraction (spaCy n_process).",
)
@store_option
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    strict: bool,
    report_path: str | None,
    no_rules: bool,
    published: str | None,
    outlet: str | None,
    prefilter: bool | None,
    url: str | None,
    n_process: int,
    store_here: str | None,
) -> None:
    """Ingest INPUTS (files, directories, globs, or - for stdin).

    \b
    Articles (.txt, .html, .jsonl, stdin) are read and extracted: one named graph per article.
    Curated facts (.yaml, .yml, .json) and RDF (.trig, .nq, .ttl, .nt) are stored as they are.
    Each source replaces its own named graph, so ingesting the same input twice gives the same
    store. Bad inputs are skipped and listed (with --strict: exit 3, nothing written).
    Nothing to ingest (an empty directory, a glob that matches nothing): exit 1, as for extract.
    """
    from graph.errors import SourceError
    from graph.pipeline import ArticleOptions, expand_inputs, is_sidecar
    from graph.pipeline import ingest as run_ingest
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        if all(is_sidecar(p) for p in expand_inputs(inputs)):
            raise SourceError(
                "nothing to ingest: no input files found",
                where=", ".join(inputs),
                hint="give articles (.txt, .html, .jsonl), curated facts (.yaml, .yml, .json) or RDF "
                "(.trig, .nq, .ttl, .nt), or directories that hold some",
            )
        settings = settings_from(ctx, store_here)
        store = open_store(settings.store, create=True)
        show = sys.stderr.isatty() and not is_quiet(ctx)

        def progress(done: int, total: int) -> None:
            if show and total != 1:
                of = f"/{total}" if total else ""
                click.echo(f"\r{done}{of} inputs", nl=done == total, err=True)

        options = ArticleOptions(
            published=published,
            outlet=outlet,
            url=url,
            max_bytes=settings.max_article_bytes,
            n_process=n_process,
            prefilter=prefilter,
        )
        try:
            report = run_ingest(
                inputs,
                store,
                strict=strict,
                batch_size=settings.batch_size,
                derive=not no_rules,
                progress=progress,
                articles=options,
            )
        except Exception as exc:
            failed = getattr(exc, "report", None)
            if report_path and failed is not None:
                Path(report_path).write_text(json.dumps(failed.to_dict(), indent=1, default=str))
            raise
        finally:
            store.close()
        if report_path:
            Path(report_path).write_text(json.dumps(report.to_dict(), indent=1, default=str))
        for skipped in report.skipped:
            click.echo(f"error: skipped {skipped.reason}", err=True)
        if show:
            click.echo("", err=True)
        if not is_quiet(ctx):
            click.echo(report.summary(), err=True)
        if report.skipped and not report.sources:
            ctx.exit(FAILED)
