"""The rules of event coreference (:mod:`graph.coreference`) that look across its clusters: a planned
event linked to the event held (or the later date it was postponed to), the targets sources dispute
for one material act, and the sources that copy one another (syndicated wire stories)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from graph.coreference_model import Report, SourceContradiction

COPY_OVERLAP = 0.5
"""Share of the smaller article's cited sentences two articles must have in common to be copies."""


def _planned_and_held(
    by_event: dict[str, tuple[Report, list[Report]]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[SourceContradiction]]:
    """Each planned event linked to the one held event it became (same kind of type, actors, the held
    date inside the planned window or after the plan was reported), else to the planned event of a
    later date that sources announced after it (postponed); and a status contradiction when a source
    still calls it planned after another reported it held."""
    held_by: dict[tuple[str, frozenset[str]], list[Report]] = {}
    planned_by: dict[tuple[str, frozenset[str]], list[Report]] = {}
    for head, _ in by_event.values():
        if head.earliest:
            (planned_by if head.planned else held_by).setdefault((head.root, head.everyone), []).append(head)
    links: list[tuple[str, str]] = []
    postponed: list[tuple[str, str]] = []
    out: list[SourceContradiction] = []
    for event, (head, reports) in sorted(by_event.items()):
        if not head.planned:
            continue
        announced = head.published
        fits = [
            h
            for h in held_by.get((head.root, head.everyone), [])
            if _kinds_fit(h, head) and h.earliest and _became(head, h.earliest, announced)
        ]
        if not fits:
            later = [
                p
                for p in planned_by.get((head.root, head.everyone), [])
                if _kinds_fit(p, head) and head.latest and p.earliest and p.earliest > head.latest
                and announced and p.published and p.published > announced
            ]  # fmt: skip
            if later:
                postponed.append((event, min(later, key=lambda p: (p.earliest or dt.date.max, p.event)).event))
            continue
        held = min(fits, key=lambda h: (h.earliest or dt.date.max, h.event))
        links.append((event, held.event))
        late = [
            c
            for r in reports
            for c in r.claims
            if c.published and held.latest and c.published > held.latest + dt.timedelta(days=1)
        ]
        if late:
            said = held.claims[0]
            out.append(SourceContradiction("status", held.event, said, late[0], f"held {held.earliest}, still planned"))
    return links, postponed, out


DISPUTABLE_ROOTS = {"06", "07", "08", "15", "16", "17", "18", "19", "20", "16/174"}
"""Material acts (aid, concessions, sanctions, coercion, force): one sender does not do one of these to
two targets in one window, by the word of two sources that each name only one target, without the
sources disagreeing on whom it was done to. Verbal acts (statements, praise, accusations) are many."""


DISPUTE_WINDOW = 31
"""Days an event's window may span to be compared for disputed targets: a year-wide window overlaps
everything and says nothing about which act a source speaks of."""


def _disputed_targets(by_event: dict[str, tuple[Report, list[Report]]]) -> list[SourceContradiction]:
    """A ``participants`` contradiction for two events of one material kind by the same senders in
    overlapping windows (each at most :data:`DISPUTE_WINDOW` days) whose targets differ, when no
    source reports both: the sources disagree on the target ("sanctions on the president's
    relatives" / "on the president himself")."""
    heads: dict[tuple[str, bool, frozenset[str]], list[tuple[Report, frozenset[str]]]] = {}
    for _, (head, reports) in sorted(by_event.items()):
        if (
            head.root in DISPUTABLE_ROOTS
            and head.senders
            and head.receivers
            and not head.senders & head.receivers  # "Trump -> United States": no target to dispute
            and head.earliest
            and head.latest
            and (head.latest - head.earliest).days <= DISPUTE_WINDOW
        ):
            sources = head.sources if len(reports) == 1 else frozenset().union(*(r.sources for r in reports))
            heads.setdefault((head.root, head.planned, head.senders), []).append((head, sources))
    out: list[SourceContradiction] = []
    for candidates in heads.values():
        candidates.sort(key=lambda x: (x[0].earliest, x[0].event))
        for i, (a, a_sources) in enumerate(candidates):
            for b, b_sources in candidates[i + 1 :]:
                assert a.earliest and a.latest and b.earliest and b.latest
                if b.earliest > a.latest:
                    break  # sorted by start: no later candidate overlaps a
                if a.receivers != b.receivers and not (a_sources & b_sources) and not _other_states(a, b):
                    detail = "targets: " + " vs ".join(", ".join(r.aimed) or _local(r.receivers) for r in (a, b))
                    out.append(SourceContradiction("participants", a.event, a.claims[0], b.claims[0], detail))
    return out


STATE_ID = re.compile(r"(?:^|[/#])[A-Z]{3}$")
"""A state's IRI ends in its ISO 3166 alpha-3 code (graph/ids.py)."""


def _other_states(a: Report, b: Report) -> bool:
    """Whether two reports aim at different states and nothing else: sanctions on Russia and on Iran in one
    month are two acts, not a dispute over one act's target (which names a person, a group or a body)."""
    both = a.receivers | b.receivers
    return not a.receivers & b.receivers and all(STATE_ID.search(iri) for iri in both)


def _local(iris: frozenset[str]) -> str:
    return ", ".join(sorted(re.split(r"[/#]", i)[-1] for i in iris))


def _kinds_fit(a: Report, b: Report) -> bool:
    return a.kind == b.kind or a.kind == a.root or b.kind == b.root


def _became(planned: Report, day: dt.date, announced: dt.date | None) -> bool:
    """Whether an event on ``day`` can be the ``planned`` one held: inside its window, or (undated)
    no earlier than the day before the plan was reported."""
    if planned.earliest and planned.latest:
        return planned.earliest <= day <= planned.latest
    return announced is not None and day >= announced - dt.timedelta(days=1)


def _copy_groups(reports: Iterable[Report], wires: Mapping[str, str]) -> dict[str, str]:
    """Each source that copies another (most of the smaller one's cited sentences are the same
    text) or runs the copy of the same agency: source -> the lowest source of its group. Sources
    that copy none are left out."""
    return copy_groups(((c.source, c.sentence) for r in reports for c in r.claims), wires)


def copy_groups(cited: Iterable[tuple[str, str | None]], wires: Mapping[str, str]) -> dict[str, str]:
    """:func:`_copy_groups` from the (source, sentence) of each claim."""
    sentences: dict[str, set[str]] = {}
    for source, sentence in cited:
        said = sentences.setdefault(source, set())
        if sentence:
            said.add(_normal(sentence))
    holders: dict[str, set[str]] = {}
    for source, said in sentences.items():
        for s in said:
            holders.setdefault(s, set()).add(source)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pairs = {(a, b) for group in holders.values() if len(group) > 1 for a in group for b in group if a < b}
    for a, b in sorted(pairs):
        shared = len(sentences[a] & sentences[b])  # both hold the sentence that paired them: no zero below
        if shared / min(len(sentences[a]), len(sentences[b])) >= COPY_OVERLAP:
            join(a, b)
    by_wire: dict[str, list[str]] = {}
    for source in sorted(sentences):
        if source in wires:
            by_wire.setdefault(wires[source], []).append(source)
    for group in by_wire.values():
        for other in group[1:]:
            join(group[0], other)
    return {s: root(s) for s in parent}


_SPACE = re.compile(r"\W+")


def _normal(sentence: str) -> str:
    return _SPACE.sub(" ", sentence.casefold()).strip()
