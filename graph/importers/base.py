"""What every importer shares: the datasets with their licences, the record a row becomes, the
problems a row can have, and the report of an import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from graph.model import Actor, Event, Fact, Proposition, Sanction

IMPORTER_VERSION = "1"
"""Version of the mappings: part of the import run's key, so a new mapping is a new run."""


@dataclass(frozen=True)
class Dataset:
    """A dataset diplograph imports, with the licence recorded in ``graph/meta`` and printed on import."""

    name: str
    title: str
    licence: str
    licence_url: str
    url: str


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "gdelt",
            "GDELT Event Database (1.0 and 2.0 event files)",
            "GDELT terms of use: free for any use with citation of the GDELT Project",
            "https://www.gdeltproject.org/about.html#termsofuse",
            "https://www.gdeltproject.org/",
        ),
        Dataset(
            "icews",
            "Integrated Crisis Early Warning System (ICEWS) coded event data",
            "ICEWS Dataverse terms (CC0 1.0 for the public releases; check the release you use)",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "https://dataverse.harvard.edu/dataverse/icews",
        ),
        Dataset(
            "polecat",
            "POLECAT weekly event data (PLOVER-coded)",
            "POLECAT Dataverse terms (CC0 1.0 for the public releases; check the release you use)",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "https://dataverse.harvard.edu/dataverse/POLECAT",
        ),
        Dataset(
            "ftm",
            "OpenSanctions (FollowTheMoney entities)",
            "CC BY-NC 4.0 (non-commercial use; commercial users need a licence from OpenSanctions)",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            "https://www.opensanctions.org/",
        ),
    )
}


class Match(NamedTuple):
    """An imported entity read as an actor already in the store: which, by what rule, and the evidence
    (one line per criterion: ``name: …``, ``nationality: COL``, ``role: …``, ``wikidata: Q…``)."""

    actor: str
    rule: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """One row (or entity) of a dataset file as the model reads it.

    ``actors`` define every actor the content refers to; every event, fact and sanction becomes a
    claim derived from this record. ``counts`` are the dataset's own (``numMentions`` …); ``matches``
    say which actors were read as actors already in the store, and why (:class:`Match`).
    """

    line: int
    id: str
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    sanctions: tuple[Sanction, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    url: str | None = None
    counts: tuple[tuple[str, int], ...] = ()
    matches: tuple[Match, ...] = ()
    about: tuple[str, ...] = ()
    """Content nodes defined by other records (another file) that this record makes a claim about,
    with ``confidence`` (a GDELT mention of an event)."""
    confidence: float = 1.0
    extra: tuple[tuple[str, str, object], ...] = ()
    """Statements the model objects have no field for: (node key, ``dip:`` property, value), e.g. a
    sanction's ``endDate``, ``listingDate``, ``authorityId`` and ``programId``."""


@dataclass(frozen=True)
class Problem:
    """A row that was not imported: ``bad`` rows are malformed (fatal with ``--strict``); the others
    are well formed but hold nothing the model can use (no known actor) and are only counted."""

    line: int
    reason: str
    bad: bool = True


Reader = Callable[[Iterator[tuple[int, str]], str], Iterator[Record | Problem]]
"""A format: (numbered lines, file name) -> records and problems, in file order."""


@dataclass
class ImportReport:
    """What an import did; ``to_dict()`` is its JSON."""

    dataset: str
    store: str
    files: int = 0
    graphs: list[str] = field(default_factory=list)
    rows: int = 0
    records: int = 0
    events: int = 0
    sanctions: int = 0
    facts: int = 0
    quads_written: int = 0
    left_out: int = 0
    bad: list[str] = field(default_factory=list)
    derived_triples: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def summary(self) -> str:
        text = (
            f"imported {self.records} record(s) of {self.rows} row(s) from {self.files} {self.dataset} file(s) "
            f"into {len(self.graphs)} graph(s): {self.events} event(s), {self.sanctions} sanction(s), "
            f"{self.facts} fact(s); {self.quads_written} quads written, {self.derived_triples} derived, "
            f"in {self.seconds:.2f} s"
        )
        if self.left_out:
            text += f"; {self.left_out} row(s) left out (no known actor, or nothing the model holds on its own)"
        if self.bad:
            text += f"; {len(self.bad)} bad row(s) skipped"
        return text
