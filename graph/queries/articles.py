"""Articles as the evidence of an event shows them: title, outlet (a label), URL and date.

A few articles are looked up by name (``lookup/articles``); every article at once comes from the
article digests (:data:`graph.digests.ARTICLE_FIELDS`) when they sum up every article statement of the
store, else from flat property scans joined here (on a large store, ``lookup/articles`` spends
seconds grouping). An outlet is named by its label in the actor index, or by its IRI when it is not
an actor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import NamedTuple

from graph.digests import ARTICLE_FIELDS, expand, unescape
from graph.prefixes import PREFIXES
from graph.queries.claims import lower, lowest
from graph.queries.dates import to_date
from graph.queries.records import Actor
from graph.queries.table import ValuesRunner, gc_paused, read_properties
from graph.store.base import SelectResult

ARTICLE_PROPERTIES = {
    "title": PREFIXES["dct"] + "title",
    "publisher": PREFIXES["dct"] + "publisher",
    "url": PREFIXES["schema"] + "url",
    "issued": PREFIXES["dct"] + "issued",
}


class ArticleInfo(NamedTuple):
    """An article's title, outlet (a label), URL and date (a named tuple: whole-store reads build one
    per article of the store, five times faster than a frozen dataclass)."""

    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


NO_ARTICLE = ArticleInfo(None, None, None, None)


def looked_up(rows: SelectResult) -> dict[str, ArticleInfo]:
    """The articles of ``lookup/articles`` rows, by IRI."""
    return {
        row["article"].value: ArticleInfo(
            row["title"].value if "title" in row else None,
            row["outlet"].value if "outlet" in row else None,
            row["url"].value if "url" in row else None,
            to_date(row["published"].value) if "published" in row else None,
        )
        for row in rows.dicts()
    }


def all_articles(
    values: ValuesRunner,
    actors: Mapping[str, Actor],
    day: Callable[[str], dt.date | None],
    *,
    concurrent: bool,
    digests: bool,
) -> dict[str, ArticleInfo]:
    """Every article of the store, by IRI: from the digests (when ``digests`` and they cover every
    article), else from the triples."""
    with gc_paused():
        digested = articles_from_digests(values, actors, day) if digests else None
        if digested is not None:
            return digested
        p = read_properties(values, ARTICLE_PROPERTIES, concurrent=concurrent)
        title, publisher, url, issued = (lowest(p[k]) for k in ("title", "publisher", "url", "issued"))
        label = {o: actors[o].label for o in set(publisher.values()) if o in actors}  # outlets are actors
        out = {}
        for doc in title.keys() | publisher.keys() | url.keys() | issued.keys():
            outlet, published = publisher.get(doc), issued.get(doc)
            out[doc] = ArticleInfo(
                title.get(doc),
                label.get(outlet, outlet) if outlet else None,
                url.get(doc),
                to_date(published) if published else None,
            )
        return out


def articles_from_digests(
    values: ValuesRunner, actors: Mapping[str, Actor], day: Callable[[str], dt.date | None]
) -> dict[str, ArticleInfo] | None:
    """Every article from its digest (graph.digests.ARTICLE_FIELDS), merged by the rules of the
    flat scans (the lowest value of each field); None when the digests do not sum up every article
    statement of the store (an article without one, or described outside ``graph/meta``)."""
    fields: dict[str, list[str]] = {}
    covered = 0
    for (text,) in values("article_digests", {}).rows:
        parts = text.split("\t")
        if len(parts) != len(ARTICLE_FIELDS) or not parts[-1].isdigit():
            return None  # another layout (older or newer diplograph): read the triples
        name, title, publisher, url, issued, statements = parts
        covered += int(statements)
        f = [name, unescape(title), expand(publisher), unescape(url), issued]
        seen = fields.get(name)  # described twice: compared as the triples are, unescaped and whole
        fields[name] = f if seen is None else [name, *map(lower, seen[1:], f[1:])]
    counted = values("article_coverage", {}).rows
    if not counted or counted[0][0] != str(covered):  # some statement has no digest (or a stale one)
        return None
    outlets: dict[str, str | None] = {"": None}
    out = {}
    for name, (_, title, publisher, url, issued) in fields.items():
        outlet = outlets.get(publisher)
        if outlet is None and publisher not in outlets:
            outlet = outlets[publisher] = actors[publisher].label if publisher in actors else publisher
        out[expand(name)] = ArticleInfo(title or None, outlet, url or None, day(issued) if issued else None)
    return out
