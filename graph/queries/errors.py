"""Errors of the lookups: a reference that names no actor, or several.

Both are :class:`~graph.errors.QueryError` (exit code 2 on the command line): the input is at fault,
and the message says what to type instead.

Example:
    >>> err = AmbiguousReference("Petro", [("https://w3id.org/diplograph/id/person-gustavo-petro",
    ...     "Gustavo Petro", "person"), ("https://w3id.org/diplograph/id/person-nicolas-petro",
    ...     "Nicolás Petro", "person")])
    >>> print(err.describe())  # doctest: +NORMALIZE_WHITESPACE
    'Petro' names 2 actors: Gustavo Petro (person, dipd:person-gustavo-petro);
    Nicolás Petro (person, dipd:person-nicolas-petro). Use a full name or an IRI.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.errors import QueryError
from graph.namespaces import PREFIXES

Candidate = tuple[str, str, str]
"""(IRI, label, kind) of an actor a reference may mean."""


def curie(iri: str) -> str:
    """The shortest prefixed form of an IRI (``dipd:COL``), or the IRI itself.

    Example:
        >>> curie("https://w3id.org/diplograph/id/COL")
        'dipd:COL'
    """
    best = ""
    chosen = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, chosen = ns, prefix
    return f"{chosen}:{iri[len(best) :]}" if best else iri


def _listing(candidates: Sequence[Candidate], limit: int = 10) -> str:
    shown = [f"{label} ({kind}, {curie(iri)})" for iri, label, kind in candidates[:limit]]
    more = len(candidates) - limit
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


class AmbiguousReference(QueryError):
    """A name that fits several actors; ``candidates`` lists them as (IRI, label, kind)."""

    def __init__(self, reference: str, candidates: Sequence[Candidate]) -> None:
        self.reference = reference
        self.candidates = list(candidates)
        super().__init__(
            f"{reference!r} names {len(self.candidates)} actors: {_listing(self.candidates)}",
            hint="use a full name or an IRI",
        )


class UnknownActor(QueryError):
    """A reference that fits no actor; ``suggestions`` are close names, if any."""

    def __init__(self, reference: str, suggestions: Sequence[Candidate] = ()) -> None:
        self.reference = reference
        self.suggestions = list(suggestions)
        hint = (
            f"perhaps you mean: {_listing(self.suggestions, 5)}"
            if self.suggestions
            else "run `diplograph actors --name TEXT` to search the names"
        )
        super().__init__(f"no actor is called {reference!r}", hint=hint)
