"""``diplograph extract``: what the extractor finds in articles, printed, with no store."""

from __future__ import annotations

import json
import os
import sys

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from
from graph.cli import verbose as is_verbose
from graph.cli.exits import DATA, FAILED, USAGE, reported


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    help="json: one document with every article; jsonl: one article per line; table: events.",
)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD): anchors relative dates.")
@click.option("--outlet", metavar="NAME", help="Outlet that published the articles.")
@click.option(
    "--prefilter/--no-prefilter",
    default=None,
    help="Parse only sentences that can hold an event (faster; see BENCHMARKS.md). [env DIPLOGRAPH_PREFILTER]",
)
@click.option("--url", metavar="URL", help="URL of the article.")
@click.option("--strict", is_flag=True, help="A bad input is fatal (exit 3).")
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str,
    published: str | None,
    outlet: str | None,
    prefilter: bool | None,
    url: str | None,
    strict: bool,
) -> None:
    """Extract actors, events, facts and claims from INPUTS (.txt, .html, .jsonl, or - for stdin).

    The JSON is documented by graph/extract/schema/extraction.schema.json. Nothing is stored.
    Curated facts (.yaml, .json) and RDF (.trig, .ttl, ...) are not articles: they are refused
    (exit 2) with a pointer to `diplograph ingest`. No article found at all: exit 1.
    """
    from graph.cli.output import format_rows
    from graph.errors import GraphError, SourceError, ValidationFailed
    from graph.extract import extract_many
    from graph.extract.jsonout import extraction_to_dict
    from graph.sources.articles import NotAnArticle, not_an_article, read_articles

    with reported(is_verbose(ctx)):
        # curated data or RDF named on the command line: a usage error, found before anything is read
        for name in inputs:
            refused = not_an_article(name) if name != "-" and os.path.isfile(name) else None
            if refused is not None:
                click.echo(f"error: {refused.describe()}", err=True)
                ctx.exit(USAGE)
        settings = settings_from(ctx)
        skipped: list[GraphError] = []
        misused: list[NotAnArticle] = []

        def articles():  # type: ignore[no-untyped-def]
            for item in read_articles(
                list(inputs), published=published, outlet=outlet, url=url, max_bytes=settings.max_article_bytes
            ):
                if isinstance(item, NotAnArticle):  # curated data or RDF on stdin
                    misused.append(item)
                    click.echo(f"error: {item.describe()}", err=True)
                elif isinstance(item, SourceError):
                    if strict:
                        raise ValidationFailed(f"strict extraction stopped: {item.describe()}", where=item.where)
                    skipped.append(item)
                    click.echo(f"error: skipped {item.describe()}", err=True)
                else:
                    yield item

        docs = []

        def extraction_failed(article: object, exc: GraphError) -> None:
            if strict:
                raise ValidationFailed(f"strict extraction stopped: {exc.describe()}", where=exc.where) from exc
            skipped.append(exc)
            click.echo(f"error: skipped {exc.describe()}", err=True)

        extracted = 0
        for ex in extract_many(articles(), prefilter=prefilter, on_error=extraction_failed):
            extracted += 1
            doc = extraction_to_dict(ex)
            if fmt == "jsonl":
                click.echo(json.dumps(doc, ensure_ascii=False))
            elif fmt == "table":
                rows = [
                    (
                        e.get("date") or "",
                        e.get("cameo"),
                        e.get("type") or "",
                        ",".join(e.get("source") or []),
                        ",".join(e.get("target") or e.get("participants") or []),
                        e.get("modality"),
                        e.get("confidence"),
                    )
                    for e in doc.get("events", [])
                ]
                title = doc["article"].get("title") or doc["article"].get("id") or ""
                click.echo(f"# {title}")
                click.echo(
                    format_rows(["date", "cameo", "type", "source", "target", "modality", "confidence"], rows, "table"),
                    nl=False,
                )
            else:
                docs.append(doc)
        if fmt == "json":
            json.dump({"articles": docs}, sys.stdout, ensure_ascii=False, indent=1)
            click.echo()
        if skipped and not is_quiet(ctx):
            click.echo(f"skipped {len(skipped)} input(s)", err=True)
        if misused:
            ctx.exit(USAGE)
        if skipped and strict:
            ctx.exit(DATA)
        if skipped and not extracted:  # nothing to do (an empty directory) or every input skipped
            ctx.exit(FAILED)
