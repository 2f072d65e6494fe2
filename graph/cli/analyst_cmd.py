"""Analyst lookups on the command line: thin commands over :class:`graph.queries.api.KnowledgeGraph`.

Each parses its options, calls one lookup and prints rows in ``--format`` (table, json, jsonl,
csv, tsv). An unknown or ambiguous actor exits with code 2 and lists the candidates or a hint.
"""

from __future__ import annotations

from typing import Any

import click

from graph.cli.analyst_options import (
    EVENT_HEADERS,
    datasets_option,
    emit,
    event_filters,
    event_options,
    event_rows,
    names,
    period_options,
    session,
    table_options,
)
from graph.cli.network_cmd import ego, export_graph, path
from graph.cli.output import compact

__all__ = [
    "actor",
    "actors",
    "associates",
    "balance",
    "contradictions",
    "ego",
    "export_graph",
    "family",
    "path",
    "relations",
    "roles",
    "sanctions",
    "timeline",
]


@click.command()
@click.option("--kind", help="person, state, agency, igo, organization, media or group.")
@click.option("--name", help="Part of a name or alias (case and accents ignored).")
@table_options
@click.pass_context
def actors(
    ctx: click.Context, kind: str | None, name: str | None, fmt: str, limit: int | None, store_here: str | None
) -> None:
    """List actors, by kind or name."""
    with session(ctx, store_here) as kg:
        found = kg.actors(kind=kind, name=name)
        emit(
            ["actor", "label", "kind", "aliases", "iso3", "wikidata"],
            [[compact(a.iri), a.label, a.kind, "; ".join(a.aliases), a.iso3, a.wikidata] for a in found],
            fmt,
            limit,
        )


@click.command()
@click.argument("ref")
@table_options
@click.pass_context
def actor(ctx: click.Context, ref: str, fmt: str, limit: int | None, store_here: str | None) -> None:
    """Show one actor: labels, ids, roles, counts. REF is a name, alias, ISO code, IRI or CURIE."""
    with session(ctx, store_here) as kg:
        a = kg.actor(ref)
        events = kg.relations(a, evidence=False, rollup=False)
        roles = kg.roles(a)
        sanctioned = kg.sanctions(target=a)
        rows = [
            ["actor", compact(a.iri)],
            ["label", a.label],
            ["kind", a.kind],
            ["aliases", "; ".join(a.aliases)],
            ["iso2", a.iso2],
            ["iso3", a.iso3],
            ["wikidata", a.wikidata],
            ["nationality", kg.index.label(a.nationality) if a.nationality else None],
            ["part of", kg.index.label(a.part_of) if a.part_of else None],
            ["roles", "; ".join(f"{r.post or r.roles} ({r.start or '?'} to {r.end or 'now'})" for r in roles)],
            ["events", len(events)],
            ["as actor", sum(1 for r in events if a.iri in {x.iri for x in r.actors})],
            ["as target", sum(1 for r in events if a.iri in {x.iri for x in r.targets})],
            ["sanctioned by", "; ".join(names(s.imposed_by) for s in sanctioned)],
        ]
        emit(["field", "value"], [r for r in rows if r[1] not in (None, "")], fmt, limit)


@click.command()
@click.argument("a")
@click.argument("b", required=False)
@period_options
@event_options
@table_options
@click.pass_context
def relations(
    ctx: click.Context, a: str, b: str | None, fmt: str, limit: int | None, store_here: str | None, **kwargs: Any
) -> None:
    """Events between an actor and others (or one other), in date order.

    \b
    Example:
      diplograph relations Petro Trump --since 2026-01 --type 12 --type 13
    """
    with session(ctx, store_here) as kg:
        found = kg.relations(a, b, evidence=False, **event_filters(kwargs))
        emit(EVENT_HEADERS, event_rows(found), fmt, limit)


@click.command()
@click.argument("a")
@click.argument("b")
@period_options
@click.option("--include-planned", is_flag=True, help="Also planned and hypothetical events.")
@click.option("--no-rollup", is_flag=True, help="A state stands only for itself, not its officials.")
@datasets_option
@table_options
@click.pass_context
def timeline(
    ctx: click.Context,
    a: str,
    b: str,
    since: str | None,
    until: str | None,
    include_planned: bool,
    no_rollup: bool,
    datasets: str | None,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Both directions between two actors, in date order, with modalities and source counts."""
    with session(ctx, store_here) as kg:
        found = kg.timeline(
            a, b, since=since, until=until, include_planned=include_planned, rollup=not no_rollup, datasets=datasets
        )
        emit(EVENT_HEADERS, event_rows(found), fmt, limit)


@click.command()
@click.option("--target", help="The sanctioned actor.")
@click.option("--by", "imposed_by", help="The imposing actor; a state includes its agencies.")
@click.option("--on", metavar="DATE", help="In force on this day (or at some time in this month or year).")
@datasets_option
@table_options
@click.pass_context
def sanctions(
    ctx: click.Context,
    target: str | None,
    imposed_by: str | None,
    on: str | None,
    datasets: str | None,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Who sanctioned whom, with sources and denials."""
    with session(ctx, store_here) as kg:
        found = kg.sanctions(target=target, imposed_by=imposed_by, on=on, datasets=datasets)
        emit(
            ["authority", "state", "target", "program", "since", "reason", "alleged by", "denied by", "sources"],
            [
                [
                    names(s.imposed_by),
                    names(s.authority_states),
                    s.target.label,
                    s.program,
                    s.start,
                    s.reason,
                    names(s.reason_alleged_by),
                    names(s.reason_denied_by),
                    s.sources,
                ]
                for s in found
            ],
            fmt,
            limit,
        )


@click.command()
@click.argument("person")
@click.option("--on", metavar="DATE", help="Held on this day (or at some time in this month or year).")
@datasets_option
@table_options
@click.pass_context
def roles(
    ctx: click.Context,
    person: str,
    on: str | None,
    datasets: str | None,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Posts a person held, with dates (for a state or organisation: the posts in it)."""
    with session(ctx, store_here) as kg:
        found = kg.roles(person, on=on, datasets=datasets)
        emit(
            ["person", "post", "organization", "roles", "start", "end", "sources"],
            [
                [
                    r.person.label,
                    r.post,
                    r.organization.label if r.organization else None,
                    "; ".join(r.roles),
                    r.start,
                    r.end,
                    r.sources,
                ]
                for r in found
            ],
            fmt,
            limit,
        )


@click.command()
@click.argument("person")
@datasets_option
@table_options
@click.pass_context
def family(
    ctx: click.Context, person: str, datasets: str | None, fmt: str, limit: int | None, store_here: str | None
) -> None:
    """Family ties of a person, each read "relative is the type of person"."""
    with session(ctx, store_here) as kg:
        found = kg.family(person, datasets=datasets)
        emit(
            ["person", "relative", "type", "start", "end", "sources"],
            [[k.person.label, k.relative.label, k.type, k.start, k.end, k.sources] for k in found],
            fmt,
            limit,
        )


@click.command()
@click.argument("person")
@datasets_option
@table_options
@click.pass_context
def associates(
    ctx: click.Context, person: str, datasets: str | None, fmt: str, limit: int | None, store_here: str | None
) -> None:
    """Associates of a person (ties other than family), each read "associate is the relationship of person"."""
    with session(ctx, store_here) as kg:
        found = kg.associates(person, datasets=datasets)
        emit(
            ["person", "associate", "relationship", "sources"],
            [[a.person.label, a.associate.label, a.relationship, a.sources] for a in found],
            fmt,
            limit,
        )


@click.command()
@click.argument("a")
@click.argument("b")
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="Period.",
)
@period_options
@datasets_option
@table_options
@click.pass_context
def balance(
    ctx: click.Context,
    a: str,
    b: str,
    by: str,
    since: str | None,
    until: str | None,
    datasets: str | None,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Cooperation-conflict balance of a dyad per period (counts, Goldstein sum and mean)."""
    with session(ctx, store_here) as kg:
        found = kg.balance(a, b, by=by, since=since, until=until, datasets=datasets)
        headers = list(found[0].to_record()) if found else ["period", "events", "goldstein_sum", "goldstein_mean"]
        emit(headers, [list(r.to_record().values()) for r in found], fmt, limit)


@click.command()
@click.option("--about", metavar="IRI", help="Only claims about this content node or event.")
@click.option("--across-sources", is_flag=True, help="Only pairs of claims from different source documents.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["polarity", "date", "initiator", "status", "participants"]),
    help="Only contradictions of this kind (repeatable).",
)
@table_options
@click.pass_context
def contradictions(
    ctx: click.Context,
    about: str | None,
    across_sources: bool,
    kinds: tuple[str, ...],
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Claims that disagree, typed: opposite polarity about the same content, and across the reports
    of one event different dates, who called whom, planned vs held, different participants."""
    with session(ctx, store_here) as kg:
        found = kg.contradictions(about, across_sources=across_sources, kinds=kinds or None)
        emit(
            [
                "kind",
                "about",
                "first",
                "first by",
                "first source",
                "first sentence",
                "second",
                "second by",
                "second source",
                "second sentence",
                "detail",
                "across",
            ],
            [
                [
                    c.kind,
                    c.about_label or compact(c.about),
                    c.first.modality,
                    _who(c.first),
                    c.first.source,
                    c.first.evidence.sentence if c.first.evidence else None,
                    c.second.modality,
                    _who(c.second),
                    c.second.source,
                    c.second.evidence.sentence if c.second.evidence else None,
                    c.detail,
                    c.across_sources,
                ]
                for c in found
            ],
            fmt,
            limit,
        )


@click.command()
@click.argument("event")
@table_options
@click.pass_context
def reports(ctx: click.Context, event: str, fmt: str, limit: int | None, store_here: str | None) -> None:
    """The reports an event was read from, with the rule that merged each and its score."""
    with session(ctx, store_here) as kg:
        found = kg.merges(event)
        columns = ["report", "rule", "score", "date", "cameo", "who", "modality", "outlets"]
        rows = [m.to_record() | {"report": compact(m.report)} for m in found]
        emit(columns, [[row[c] for c in columns] for row in rows], fmt, limit)


def _who(c: Any) -> str:
    return c.claimant.label if c.claimant else "(the source)"
