"""The event coreference of :mod:`graph.coreference`, recomputed only where an ingest can change it.

A full pass reads every report and rewrites ``graph/events``; here only the reports of the *groups*
the changed source graphs touch are re-read and re-planned, and only their statements replaced. A
group is what the plan's rules never look beyond: the reports of one CAMEO root (or family) naming
one set of states, planned or not (clusters, merges, counts, planned-to-held links and every
contradiction but one are decided inside it). The one rule that looks across groups, disputed
targets, compares the events of one root and one set of *senders*: for each such sender key the
changed groups have (before or after the change), every group holding a report of those senders is
re-read too, and its ``participants`` contradictions are re-decided.

What can move a report from one group to another, or change what it says, is re-read:

* the reports of the changed graphs, before the change (read by :meth:`Snapshot.add_graphs` while
  the old graph is still there) and after it, with the events they declare ``owl:differentFrom``;
* the reports naming an actor whose roll-up changed: its state, the person it is read as
  (``graph/identity``) or its label (an actor *fingerprint* of the whole actor index is taken
  before the change, :meth:`Snapshot.take`, and compared with the one after).

Syndicated copies (independent sources) are decided over the articles of the re-read reports,
each with every claim it makes (a copy is a property of two articles' whole texts). Not followed: a
chain of copies through an article with no report in the re-read groups (A copies Z, Z copies B,
Z reports none of A's and B's events here), nor the counts of merged events outside the re-read
groups that a new or dropped copy joins or splits that way; a full pass (``resolve_events(store)``)
settles them.

Removal: every statement of ``graph/events`` is about one report (merges, counts, links) or is a
contradiction node naming its event (``dip:disputedEvent``); the statements about the re-read
reports, the contradictions of their events (``participants`` ones only for the re-decided sender
keys) and any statement about a report that no longer exists are deleted, and the new plan of the
re-read groups inserted, in one :class:`~graph.store.base.WriteBatch`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph import coreference as cr
from graph.namespaces import DIP
from graph.store.base import Store, Term, WriteBatch

if TYPE_CHECKING:
    from graph.queries.api import KnowledgeGraph

GroupKey = tuple[str, frozenset[str]]
"""(root, every state the report names)."""
SenderKey = tuple[str, frozenset[str]]
"""(root, the states of its senders): the key of :func:`graph.coreference._disputed_targets`."""
Print = tuple[str, str, str]
"""An actor as coreference reads it: (the IRI it is read as, its state, its label)."""

ROLES = ("actor", "target", "participant")
CHUNK = 2000
"""IRIs per VALUES clause (and per per-event read: below the lookups' whole-store threshold)."""


def _values(iris: Iterable[str]) -> str:
    return " ".join(Term.uri(i).nt() for i in sorted(set(iris)))


def _chunks(iris: Collection[str]) -> Iterator[list[str]]:
    items = sorted(set(iris))
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


@dataclass(frozen=True)
class Facts:
    """What decides a report's group: its type's root and the raw IRIs in each role."""

    root: str
    roles: dict[str, tuple[str, ...]]

    def key(self, prints: dict[str, Print]) -> GroupKey | None:
        everyone = frozenset(_print(prints, a)[1] for role in ROLES for a in self.roles.get(role, ()))
        return (self.root, everyone) if self.root and everyone else None

    def senders(self, prints: dict[str, Print]) -> SenderKey | None:
        senders = frozenset(_print(prints, a)[1] for a in self.roles.get("actor", ()))
        return (self.root, senders) if self.root and senders and self.root in cr.DISPUTABLE_ROOTS else None


def _print(prints: dict[str, Print], iri: str) -> Print:
    return prints.get(iri) or (iri, iri, re.split(r"[/#]", iri)[-1])


def fingerprint(store: Store, kg: KnowledgeGraph | None = None) -> dict[str, Print]:
    """Every actor of the index (and every person read as another) as coreference reads it."""
    from graph.queries.api import KnowledgeGraph

    index = (kg or KnowledgeGraph(store)).index
    out: dict[str, Print] = {}
    for iri in [*index.actors, *index.same]:
        canonical = index.same.get(iri, iri)
        out[iri] = (canonical, index.state_of(canonical), index.label(canonical))
    return out


@dataclass
class Snapshot:
    """What the store said before a change: the actor fingerprint and the group and sender keys of
    the reports of the graphs about to be replaced or dropped. Take it before the first write
    (:meth:`take`) and add each graph before it is written or dropped (:meth:`add_graphs`)."""

    prints: dict[str, Print]
    graphs: set[str] = field(default_factory=set)
    keys: set[GroupKey] = field(default_factory=set)
    senders: set[SenderKey] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    """The reports of those graphs: the statements about any that is gone are removed."""

    @classmethod
    def take(cls, store: Store, graphs: Iterable[str] = ()) -> Snapshot:
        snap = cls(fingerprint(store))
        snap.add_graphs(store, graphs)
        return snap

    def add_graphs(self, store: Store, graphs: Iterable[str]) -> None:
        graphs = set(graphs) - self.graphs
        self.graphs |= graphs
        events = events_of_graphs(store, graphs)
        self.events |= events
        for facts in read_facts(store, events).values():
            self._add(facts, self.prints)

    def _add(self, facts: Facts, prints: dict[str, Print]) -> None:
        if (key := facts.key(prints)) is not None:
            self.keys.add(key)
        if (senders := facts.senders(prints)) is not None:
            self.senders.add(senders)


# -- bounded reads ----------------------------------------------------------------------------------
def events_of_graphs(store: Store, graphs: Collection[str]) -> set[str]:
    """The events the graphs report or claim about, and those they declare different from another."""
    out: set[str] = set()
    for chunk in _chunks(graphs):
        query = f"""SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {_values(chunk)} }} GRAPH ?g {{
          {{ ?e <{DIP.eventType}> ?t }} UNION {{ ?c <{DIP.about}> ?e }}
          UNION {{ ?e <{OWL_DIFFERENT}> ?x }} UNION {{ ?x <{OWL_DIFFERENT}> ?e }} }} }}"""
        out.update(e for (e,) in store.select_values(query).rows if e)
    return out


OWL_DIFFERENT = "http://www.w3.org/2002/07/owl#differentFrom"


def events_naming(
    store: Store, actors: Collection[str], roles: tuple[str, ...] = ROLES, types: Collection[str] | None = None
) -> set[str]:
    """The events that name any of ``actors`` in one of ``roles`` (of one of ``types`` when given)."""
    path = "|".join(f"<{DIP[r]}>" for r in roles)
    out: set[str] = set()
    for chunk in _chunks(actors):
        # the type filtered here: a VALUES clause of types makes the query several times slower
        query = f"SELECT ?e ?t WHERE {{ VALUES ?a {{ {_values(chunk)} }} ?e {path} ?a . ?e <{DIP.eventType}> ?t }}"
        out.update(e for e, t in store.select_values(query).rows if e and (types is None or t in types))
    return out


def read_facts(store: Store, events: Collection[str], codes: dict[str, str] | None = None) -> dict[str, Facts]:
    """The type root and the raw role IRIs of each of ``events`` (those with a type)."""
    codes = type_codes(store) if codes is None else codes
    types: dict[str, list[str]] = {}
    roles: dict[str, dict[str, list[str]]] = {}
    for chunk in _chunks(events):
        # one branch per property: a variable predicate makes Oxigraph scan the whole store
        branches = " UNION ".join(f'{{ ?e <{DIP[k]}> ?o . BIND("{k}" AS ?k) }}' for k in ("eventType", *ROLES))
        query = f"SELECT ?e ?k ?o WHERE {{ VALUES ?e {{ {_values(chunk)} }} {branches} }}"
        for e, name, o in store.select_values(query).rows:
            if name == "eventType":
                types.setdefault(e, []).append(o)
            else:
                roles.setdefault(e, {}).setdefault(name, []).append(o)
    out = {}
    for e, found in types.items():
        # the type the lookups read (graph.queries.fetch: the lowest code, then IRI)
        code = min((codes.get(t) or "~", t) for t in set(found))[0]
        code = "" if code == "~" else code
        root = _root(code) if code else ""
        out[e] = Facts(root, {k: tuple(sorted(set(v))) for k, v in roles.get(e, {}).items()})
    return out


def type_codes(store: Store) -> dict[str, str]:
    """The CAMEO code of each event type."""
    query = (
        "SELECT ?t ?code WHERE { ?t <http://www.w3.org/2004/02/skos/core#inScheme> <" + str(DIP.cameoScheme) + "> "
        "OPTIONAL { ?t <http://www.w3.org/2004/02/skos/core#notation> ?code } }"
    )
    out: dict[str, str] = {}
    for t, code in store.select_values(query).rows:
        if t and code and t not in out:
            out[t] = code
    return out


def _root(code: str) -> str:
    return cr.FAMILIES.get(code[:3], code[:2])


def _types_of(codes: dict[str, str], roots: Iterable[str]) -> set[str]:
    roots = set(roots)
    return {t for t, code in codes.items() if _root(code) in roots}


def group_events(
    store: Store, keys: Collection[GroupKey], prints: dict[str, Print], codes: dict[str, str]
) -> dict[str, Facts]:
    """Every report of the groups ``keys``: the events naming an actor of each group's rarest state,
    narrowed to those whose group it is."""
    holders: dict[str, set[str]] = {}
    for iri, (_, state, _) in prints.items():
        holders.setdefault(state, set()).add(iri)
    for key in keys:  # a state no actor rolls up to names itself
        for state in key[1]:
            holders.setdefault(state, set()).add(state)
    if not keys:
        return {}
    # each group is found through one of its states: the one most groups share (the groups of one
    # state's sanctions with seventy others are read through that state, not through all seventy)
    shared: dict[str, int] = {}
    for key in keys:
        for state in key[1]:
            shared[state] = shared.get(state, 0) + 1
    chosen = {min(key[1], key=lambda s: (-shared[s], len(holders[s]), s)) for key in keys}
    named = set().union(*(holders[state] for state in chosen))
    found = read_facts(store, events_naming(store, named, types=_types_of(codes, (r for r, _ in keys))), codes)
    return {e: f for e, f in found.items() if f.key(prints) in keys}


def sender_events(
    store: Store, keys: Collection[SenderKey], prints: dict[str, Print], codes: dict[str, str]
) -> dict[str, Facts]:
    """Every report whose (root, senders) is one of ``keys``."""
    holders: dict[str, set[str]] = {}
    for iri, (_, state, _) in prints.items():
        holders.setdefault(state, set()).add(iri)
    if not keys:
        return {}
    named = set().union(*(holders.get(min(key[1]), set()) | {min(key[1])} for key in keys))
    found = read_facts(store, events_naming(store, named, ("actor",), _types_of(codes, (r for r, _ in keys))), codes)
    return {e: f for e, f in found.items() if f.senders(prints) in keys}


PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"


def articles_cited(store: Store, articles: Collection[str]) -> dict[str, list[tuple[str, str]]]:
    """The (article, sentence) of each claim that cites a sentence of one of the ``articles``, by
    the node it is about: what copy detection compares (a claim citing no sentence adds nothing to
    its source's text, and its source is among the re-read reports' already)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for chunk in _chunks(articles):
        query = f"""SELECT ?c ?e ?s ?d ?text WHERE {{ VALUES ?d {{ {_values(chunk)} }}
          ?s <{DCT}isPartOf> ?d ; <{OA}exact> ?text . ?c <{PROV}wasDerivedFrom> ?s ; <{DIP.about}> ?e ;
          <{DIP.modality}> ?m }}"""
        found: dict[str, dict[str, set[str]]] = {}
        cited: dict[str, tuple[str, str, str]] = {}
        for c, e, sentence, d, text in store.select_values(query).rows:
            found.setdefault(c, {}).setdefault("e", set()).add(e)
            if c not in cited or (sentence, d, text) < cited[c]:  # the lowest sentence, article and text
                cited[c] = (sentence, d, text)
        for c, f in found.items():
            _, article, text = cited[c]
            for event in f["e"]:
                out.setdefault(event, []).append((article, text))
    return out


def read_some_reports(kg: KnowledgeGraph, events: Collection[str]) -> list[cr.Report]:
    """The reports of ``events`` as :func:`graph.coreference.read_reports` reads every report."""
    up = kg.index.state_of
    out: list[cr.Report] = []
    for chunk in _chunks(events):
        out.extend(cr.report_of(r, up) for r in kg._fetch.reports(chunk))
    return out


# -- the pass ------------------------------------------------------------------------------------------
def resolve_touched(store: Store, touched: Iterable[str], before: Snapshot) -> cr.Plan:
    """Re-plan the groups the ``touched`` source graphs (written or dropped since ``before`` was taken)
    change, and replace their part of ``graph/events``; returns the plan of the re-read groups."""
    from graph.queries.api import KnowledgeGraph

    kg = KnowledgeGraph(store)  # one session: the actor index is read once
    graphs = set(touched) | before.graphs
    prints = fingerprint(store, kg)
    codes = type_codes(store)
    moved = {a for a in prints.keys() | before.prints.keys() if prints.get(a) != before.prints.get(a)}
    now = read_facts(store, events_of_graphs(store, graphs), codes)
    rolled = read_facts(store, events_naming(store, moved), codes) if moved else {}
    keys, senders = set(before.keys), set(before.senders)
    for facts in now.values():
        _add(facts, prints, keys, senders)
    for facts in rolled.values():
        _add(facts, prints, keys, senders)
        _add(facts, before.prints, keys, senders)
    groups = group_events(store, keys, prints, codes)
    for facts in groups.values():
        if (sender := facts.senders(prints)) is not None:
            senders.add(sender)
    # every group holding a report of those senders: all the heads a disputed target compares
    by_sender = sender_events(store, senders, prints, codes)
    more = {k for f in by_sender.values() if (k := f.key(prints)) is not None} - keys
    groups.update(group_events(store, more, prints, codes))
    reports = read_some_reports(kg, groups)
    # copies are decided on whole articles: every claim of the re-read reports' articles
    articles = {c.source for r in reports for c in r.claims}
    others = articles_cited(store, articles)
    grouped = {e for e, f in read_facts(store, set(others) - set(groups), codes).items() if f.key(prints)}
    cited: list[tuple[str, str | None]] = [pair for e in grouped for pair in others[e]]
    cited += [(c.source, c.sentence) for r in reports if r.code and r.everyone for c in r.claims]
    different = [(a, b) for a, b in store.select_values(cr.DIFFERENT_QUERY).rows if a and b]
    wires = {a: w for a, w in store.select_values(cr.WIRES_QUERY).rows if a and w}
    copies = cr.copy_groups(cited, wires)
    decided = cr.plan(reports, different, wires, copies=copies)
    heads = {e: f.senders(prints) for e, f in groups.items()}
    decided.contradictions = [
        c for c in decided.contradictions if c.kind != "participants" or heads.get(c.event) in senders
    ]
    gone = before.events - _existing(store, before.events)
    _write(store, decided, set(groups), {e for e, s in heads.items() if s in senders}, gone)
    return decided


def _add(facts: Facts, prints: dict[str, Print], keys: set[GroupKey], senders: set[SenderKey]) -> None:
    if (key := facts.key(prints)) is not None:
        keys.add(key)
    if (sender := facts.senders(prints)) is not None:
        senders.add(sender)


def _write(store: Store, decided: cr.Plan, events: set[str], disputed: set[str], gone: set[str]) -> None:
    """Replace the statements of ``graph/events`` about ``events`` and about the reports that are
    ``gone`` with the plan's, in one batch: the contradictions of ``events``, ``participants`` ones
    only when their event is in ``disputed``, and every contradiction of the reports gone."""
    graph = cr.EVENTS_GRAPH
    subjects = events | gone  # merges, counts and links are statements about one report
    for chunk in _chunks(subjects):
        query = f"""SELECT ?s ?e ?k WHERE {{ VALUES ?e {{ {_values(chunk)} }} GRAPH <{graph}> {{
          ?s <{DIP.disputedEvent}> ?e ; <{DIP.contradictionKind}> ?k }} }}"""
        for node, e, kind in store.select_values(query).rows:
            if e in gone or kind != "participants" or e in disputed:
                subjects.add(node)
    store.apply(WriteBatch(delete_subjects={graph: subjects}, insert=cr.plan_quads(decided)))


def _existing(store: Store, events: Collection[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(events):
        query = f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {_values(chunk)} }} ?e <{DIP.eventType}> ?t }}"
        out.update(e for (e,) in store.select_values(query).rows if e)
    return out
