"""What event coreference (:mod:`graph.coreference`) compares and decides: one article's report of
an event with its claims, and the plan: merges, counts, links and typed contradictions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

CALL, MEET = "041", ("042", "043", "044")
FAMILIES = {"161": "16/174", "174": "16/174"}
"""Codes of different roots that sources use for one act: expelling a state's diplomats is coded as
reducing relations (161) or as expelling individuals (174), by coders and by the PETRARCH-2
dictionary alike."""


@dataclass(frozen=True)
class Claimed:
    """One claim of a report: its stance and where it was read."""

    claim: str
    modality: str
    source: str
    """The article (or, for curated data, the document or the claim itself)."""
    published: dt.date | None
    sentence: str | None


@dataclass(frozen=True)
class Report:
    """One article's report of an event, as coreference compares it.

    ``senders``/``receivers`` are the directed sides and ``everyone`` all its actors, each rolled up
    to its state (an agency to the state it is part of, a person to its nationality); ``named`` the
    persons and bodies it names, as (state, actor) pairs, which tell apart two reports of one pair of
    states that name different persons of one state ("Rubio met Petro" is not "Trump met Petro").
    """

    event: str
    code: str
    senders: frozenset[str]
    receivers: frozenset[str]
    everyone: frozenset[str]
    earliest: dt.date | None
    latest: dt.date | None
    planned: bool
    claims: tuple[Claimed, ...]
    named: frozenset[tuple[str, str]] = frozenset()
    aimed: tuple[str, ...] = ()
    """The names of its targets as its source gives them (for messages)."""
    # derived once here: coreference asks for them millions of times on a large store
    root: str = field(init=False, compare=False, repr=False)
    """The CAMEO root, or the family of codes that name one act (:data:`FAMILIES`)."""
    kind: str = field(init=False, compare=False, repr=False)
    """The compatibility class of its type: the root, and in consultations call or meeting."""
    day: dt.date | None = field(init=False, compare=False, repr=False)
    """Its date when known to the day."""
    sources: frozenset[str] = field(init=False, compare=False, repr=False)
    published: dt.date | None = field(init=False, compare=False, repr=False)
    """The earliest publication date of its sources."""
    either_way: bool = field(init=False, compare=False, repr=False)
    """Direction does not tell two reports apart: no direction, or a call or meeting."""

    def __post_init__(self) -> None:
        code = self.code
        root = FAMILIES.get(code[:3], code[:2])
        kind = root
        if root == "04":
            if code == CALL:
                kind = "04-call"
            elif code[:3] in MEET:
                kind = "04-meet"
            elif len(code) >= 3 and code[2] != "0":
                kind = "04-" + code[:3]
        days = [c.published for c in self.claims if c.published]
        derived = {
            "root": root,
            "kind": kind,
            "day": self.earliest if self.earliest is not None and self.earliest == self.latest else None,
            "sources": frozenset(c.source for c in self.claims),
            "published": min(days) if days else None,
            "either_way": not self.senders or kind in ("04-call", "04-meet"),
        }
        self.__dict__.update(derived)  # frozen: set once, as the dataclass __init__ itself does


@dataclass(frozen=True)
class Merge:
    member: str
    canonical: str
    rule: str
    score: float


@dataclass(frozen=True)
class SourceContradiction:
    """Two reports of one event (or of a planned and a held one) that disagree on ``kind``: ``date``,
    ``polarity`` (asserted vs denied), ``initiator`` (who called whom), ``status`` (still planned
    after it was reported held) or ``participants``."""

    kind: str
    event: str
    first: Claimed
    second: Claimed
    detail: str


@dataclass
class Plan:
    """What coreference decided: merges, per-event counts, planned-to-held links, contradictions."""

    merges: list[Merge] = field(default_factory=list)
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)
    held: list[tuple[str, str]] = field(default_factory=list)
    postponed: list[tuple[str, str]] = field(default_factory=list)
    contradictions: list[SourceContradiction] = field(default_factory=list)

    def canonical(self, event: str) -> str:
        return next((m.canonical for m in self.merges if m.member == event), event)
