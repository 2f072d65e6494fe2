"""Reports of one event read as that event: the fold of the event coreference (:mod:`graph.coreference`).

Every article keeps its own report of an event; ``graph/events`` says which reports are one event
(``dip:sameEventAs`` its canonical report) and how many sources, and independent sources, it has.
The lookups read the reports, then fold each merged group here into one :class:`Relation` under the
canonical IRI: the actors of all, the canonical report's date, every modality and every piece of
evidence, and the counted sources. An event that no merge touches is returned as it was read.

The reports of a group are taken in IRI order, whatever order they were read in: the sides of a
merged event list the actors of its reports in that order, the same from every read (the per-event
read from the triples gives its rows in an order of the store's own; the whole-store read in IRI
order gave this one already).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

from graph.queries.modalities import modality_rank
from graph.queries.records import ActorRef, EventParts, Relation

T = TypeVar("T")


class EventMerges:
    """Which report is read as which event, and the source counts of merged events."""

    def __init__(self, rows: Iterable[tuple[str, str, str]] = ()) -> None:
        self.into: dict[str, str] = {}
        self.why: dict[str, tuple[str, float]] = {}
        """Each merged report's rule and score."""
        self.counts: dict[str, tuple[int, int]] = {}
        rules: dict[str, str] = {}
        scores: dict[str, float] = {}
        sources: dict[str, int] = {}
        independent: dict[str, int] = {}
        for event, key, value in rows:
            if key == "into":
                self.into[event] = value
            elif key == "sources":
                sources[event] = int(value)
            elif key == "independent":
                independent[event] = int(value)
            elif key == "rule":
                rules[event] = value
            elif key == "score":
                scores[event] = float(value)
        self.members: dict[str, list[str]] = {}
        for member, canonical in sorted(self.into.items()):
            self.members.setdefault(canonical, [canonical]).append(member)
        for event, n in sources.items():
            self.counts[event] = (n, independent.get(event, n))
        for member in self.into:
            self.why[member] = (rules.get(member, ""), scores.get(member, 0.0))

    def __bool__(self) -> bool:
        return bool(self.into)

    def canonical(self, event: str) -> str:
        return self.into.get(event, event)

    def reports(self, event: str) -> list[str]:
        """The reports an event is read from (itself alone when nothing merged into it)."""
        return self.members.get(self.canonical(event), [event])

    def expand(self, events: Collection[str]) -> set[str]:
        """``events`` with every report of each."""
        out = set(events)
        for e in events:
            out.update(self.reports(e))
        return out

    # -- folding ------------------------------------------------------------------------------------------
    def fold(self, relations: list[Relation]) -> list[Relation]:
        """The relations with each merged group read as its event, in the order of first appearance."""
        if not self.into:
            return relations
        into, members = self.into, self.members
        folded: list[Relation] = []
        groups: dict[str, list[Relation]] = {}
        slots: dict[str, int] = {}
        for r in relations:
            event = into.get(r.event)
            if event is None:
                if r.event not in members:
                    folded.append(r)
                    continue
                event = r.event
            group = groups.get(event)
            if group is None:
                groups[event], slots[event] = [r], len(folded)
                folded.append(r)
            else:
                group.append(r)
        for event, group in groups.items():
            folded[slots[event]] = self._one(event, self._in_order(group, _event))
        return folded

    @staticmethod
    def _in_order(group: list[T], name: Callable[[T], str]) -> list[T]:
        """A group's reports in IRI order (the fold's result must not depend on the order of a read)."""
        return group if len(group) < 2 else sorted(group, key=name)

    def fold_parts(
        self, parts: list[EventParts], cited: Mapping[str, list[Any]] | None = None
    ) -> tuple[list[EventParts], dict[str, list[Any]]]:
        """:meth:`fold` for the whole-store reads: :data:`EventParts`, and their evidence by event."""
        out_cited = dict(cited or {})
        if not self.into:
            return parts, out_cited
        into, members = self.into, self.members
        folded: list[EventParts] = []
        groups: dict[str, list[EventParts]] = {}
        slots: dict[str, int] = {}  # a merged event's place: where its first report was
        # one pass with dict lookups only for the events no merge touches (nearly all of them)
        for p in parts:
            event = into.get(p[0])
            if event is None:
                if p[0] not in members:
                    folded.append(p)
                    continue
                event = p[0]
            group = groups.get(event)
            if group is None:
                groups[event] = [p]
                slots[event] = len(folded)
                folded.append(p)
            else:
                group.append(p)
        for event, unordered in groups.items():
            group = self._in_order(unordered, _report)
            evidence = [c for p in group for c in out_cited.pop(p[0], [])]
            if evidence:
                out_cited[event] = evidence
            folded[slots[event]] = self._one(event, [Relation.of_parts(p) for p in group]).parts()
        return folded, out_cited

    def _one(self, event: str, group: list[Relation]) -> Relation:
        if len(group) == 1 and group[0].event == event and event not in self.counts:
            return group[0]
        head = next((r for r in group if r.event == event), group[0])
        actors = _union(r.actors for r in group)
        targets = _union(r.targets for r in group)
        if set(actors) & set(targets):  # reports disagree on who called or visited whom: no direction
            actors, targets = (), ()
        sided = set(actors) | set(targets)
        participants = tuple(p for p in _union(r.participants for r in group) if p not in sided)
        if not actors and not targets:
            participants = _union([participants, *(r.actors for r in group), *(r.targets for r in group)])
        confidences = [r.confidence for r in group if r.confidence is not None]
        sources, independent = self.counts.get(event, (sum(r.sources for r in group),) * 2)
        evidence = sorted(
            (e for r in group for e in r.evidence),
            key=lambda e: (e.published.isoformat() if e.published else "", e.article or "", e.start or 0, e.claim),
        )
        values = (
            event,
            *head.parts()[1],
            actors,
            targets,
            participants,
            head.date,
            head.earliest,
            head.latest,
            head.precision,
            tuple(sorted({m for r in group for m in r.modalities}, key=modality_rank)),
            sources,
            max(confidences) if confidences else None,
            tuple(evidence),
            independent,
        )
        return Relation.of(*values)


def _union(sides: Iterable[tuple[ActorRef, ...]]) -> tuple[ActorRef, ...]:
    return tuple(dict.fromkeys(a for side in sides for a in side))


def _report(p: EventParts) -> str:
    return p[0]


def _event(r: Relation) -> str:
    return r.event
