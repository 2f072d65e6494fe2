"""Lookups of facts and stances: sanctions, roles, family, associates, claims and contradictions.

Used by :class:`graph.queries.api.KnowledgeGraph`; each method runs one ``lookup/*.rq`` query for
the nodes and :class:`~graph.queries.fetch.Fetcher` for their claims and evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from graph.queries.claims import ClaimInfo
from graph.queries.dates import DateLike, parse_period, to_date
from graph.queries.fetch import BULK, Fetcher, Runner
from graph.queries.modalities import NOT_HAPPENED
from graph.queries.records import Actor, ActorRef, Association, ClaimRow, Contradiction, Kinship, Role, Sanction
from graph.queries.resolve import expand
from graph.queries.resolve import normalise as _fold
from graph.store.base import Term

DIP = "https://w3id.org/diplograph/ontology#"
POSITIVE = frozenset({"asserted", "alleged", "planned", "hypothetical"})
INVERSE = {"child": "parent", "parent": "child"}
# shortcut property -> (type of the relative when the person is the subject, when it is the object)
SHORTCUTS = {
    "spouseOf": ("spouse", "spouse"),
    "siblingOf": ("sibling", "sibling"),
    "relativeOf": ("relative", "relative"),
    "parentOf": ("child", "parent"),
    "childOf": ("parent", "child"),
}
Fields = dict[str, dict[str, list[Term]]]
FEW_SANCTIONS = 100
"""Up to this many sanctions, their facts are read by a VALUES list; past it, by scans of the properties."""


class FactLookups:
    """Sanctions, roles, family, claims and contradictions over one session's fetcher."""

    def __init__(self, run: Runner, fetch: Fetcher, actor: Callable[[Any], Actor]) -> None:
        self.run = run
        self.fetch = fetch
        self.actor = actor

    def _fields(self, name: str, params: dict[str, object]) -> Fields:
        out: Fields = {}
        for node, field, value in self.run(name, params).rows:
            if node is not None and field is not None and value is not None:
                out.setdefault(node.value, {}).setdefault(field.value, []).append(value)
        return out

    def _ref(self, iri: str) -> ActorRef:
        return self.fetch.index.ref(iri)

    def sanctions(self, target: Any, imposed_by: Any, on: DateLike | None, include_planned: bool) -> list[Sanction]:
        found = self.sanction_fields(
            self.actor(target).iri if target is not None else None,
            self.actor(imposed_by).iri if imposed_by is not None else None,
        )
        reasons = {r.value for f in found.values() for r in f.get("reason", [])}
        claims = self.fetch.claims(set(found) | reasons)
        read: list[tuple[Sanction, set[str]]] = []
        for iri, f in found.items():
            stances = claims.get(iri, [])
            if not include_planned and stances and all(c.modality in NOT_HAPPENED for c in stances):
                continue
            start, end = _latest(f.get("start")), _latest(f.get("end"))
            if not _in_force(start, end, on):
                continue
            about_reason = [c for r in f.get("reason", []) for c in claims.get(r.value, [])]
            sources = {c.source for c in stances}
            sanction = Sanction(
                sanction=iri,
                target=self._ref(_first(f, "target") or ""),
                imposed_by=self._refs(f.get("imposedBy")),
                authority_states=self._refs(f.get("authorityState")),
                program=_first(f, "program"),
                legal_basis=_first(f, "legalBasis"),
                start=start,
                end=end,
                reason=_first(f, "reasonLabel"),
                reason_alleged_by=self._claimants(about_reason, POSITIVE),
                reason_denied_by=self._claimants(about_reason, {"denied"}),
                event=_first(f, "event"),
                sources=len(sources),
            )
            read.append((sanction, sources))
        out = designations(read, self.fetch.index.state_of)
        return sorted(out, key=lambda s: (s.start or dt.date.min, _fold(s.target.label), s.sanction))

    def sanction_fields(self, target: str | None, authority: str | None) -> Fields:
        """The facts of the sanctions on ``target`` by ``authority`` (a state also stands for its
        agencies, at any depth), by sanction and field; ``authorityState`` holds the states behind
        the imposers. Three small queries: the sanctions with their imposers (``lookup/sanctions``),
        the states of those imposers (``lookup/authority_states``), then the facts of the sanctions
        kept (``lookup/sanction_fields``), each bound to the nodes the one before found."""
        rows = self.run("sanctions", {"target": Term.uri(target)} if target else {}).rows
        imposers: dict[str, set[str]] = {}
        for sanction, imposer in rows:
            if sanction is not None and imposer is not None:
                imposers.setdefault(sanction.value, set()).add(imposer.value)
        agency_states, self_states = self._authority_states({i for found in imposers.values() for i in found})
        if authority is not None:
            imposers = {
                s: found
                for s, found in imposers.items()
                if any(i == authority or authority in agency_states.get(i, ()) for i in found)
            }
        if len(imposers) > FEW_SANCTIONS:  # a scan of each property beats a long VALUES list
            out = {s: f for s, f in self._fields("sanction_fields", {}).items() if s in imposers}
        else:
            out = (
                self._fields("sanction_fields", {"sanction": [Term.uri(s) for s in sorted(imposers)]})
                if imposers
                else {}
            )
        for node, found in imposers.items():
            states = {s for i in found for s in (*agency_states.get(i, ()), *self_states.get(i, ()))}
            if states and node in out:
                out[node]["authorityState"] = [Term.uri(s) for s in sorted(states)]
        return out

    def _authority_states(self, imposers: set[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """The states each imposer leads to through its agency tree, and those that are states themselves."""
        agency: dict[str, set[str]] = {}
        itself: dict[str, set[str]] = {}
        names = sorted(imposers)
        for start in range(0, len(names), BULK):
            chunk = [Term.uri(i) for i in names[start : start + BULK]]
            for imposer, state, how in self.run("authority_states", {"imposer": chunk}).rows:
                if imposer is not None and state is not None and how is not None:
                    into = agency if how.value == "agency" else itself
                    into.setdefault(imposer.value, set()).add(state.value)
        return agency, itself

    def roles(self, who: Any, on: DateLike | None) -> list[Role]:
        actor = self.actor(who)
        key = "person" if actor.kind == "person" else "organization"
        found = self._fields("tenures", {key: Term.uri(actor.iri)})
        claims = self.fetch.claims(set(found))
        out = []
        for iri, f in found.items():
            start, end = _earliest(f.get("start")), _latest(f.get("end"))
            if not _in_force(start, end, on):
                continue
            org = _first(f, "organization")
            out.append(
                Role(
                    tenure=iri,
                    person=self._ref(_first(f, "holder") or actor.iri),
                    post=_first(f, "post"),
                    organization=self._ref(org) if org else None,
                    roles=tuple(sorted({t.value for t in f.get("role", [])})),
                    start=start,
                    end=end,
                    sources=len({c.source for c in claims.get(iri, [])}),
                )
            )
        return sorted(out, key=lambda r: (r.start or dt.date.min, r.post or "", r.tenure))

    def family(self, who: Any) -> list[Kinship]:
        me = self.actor(who).iri
        rows = self.run("kinships", {"who": Term.uri(me)}).dicts()
        nodes = {r["kinship"].value for r in rows if "kinship" in r}
        claims = self.fetch.claims(nodes)
        ties: dict[tuple[str | None, str], Kinship] = {}
        for r in sorted(rows, key=lambda r: "kinship" not in r):
            person, relative, kind = r["person"].value, r["relative"].value, r["type"].value
            other = relative if person == me else person
            local = kind.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            if local in SHORTCUTS:
                if any(k[1] == other for k in ties):  # a kinship node already says it
                    continue
                label = SHORTCUTS[local][0 if person == me else 1]
            else:
                label = local if person == me else INVERSE.get(local, local)
            node = r["kinship"].value if "kinship" in r else None
            ties[(node, other)] = Kinship(
                kinship=node,
                person=self._ref(me),
                relative=self._ref(other),
                type=label,
                start=to_date(r["start"].value) if "start" in r else None,
                end=to_date(r["end"].value) if "end" in r else None,
                sources=len({c.source for c in claims.get(node or "", [])}),
            )
        return sorted(ties.values(), key=lambda k: (_fold(k.relative.label), k.type, k.kinship or ""))

    def associates(self, who: Any) -> list[Association]:
        me = self.actor(who).iri
        rows = self.run("associates", {"who": Term.uri(me)}).dicts()
        claims = self.fetch.claims({r["association"].value for r in rows if "association" in r})
        ties: dict[tuple[str | None, str], Association] = {}
        for r in sorted(rows, key=lambda r: "association" not in r):  # nodes first, then bare shortcuts
            person, associate = r["person"].value, r["associate"].value
            other = associate if person == me else person
            node = r["association"].value if "association" in r else None
            if node is None and any(k[1] == other for k in ties):  # a node already says it
                continue
            ties[(node, other)] = Association(
                association=node,
                person=self._ref(person),
                associate=self._ref(associate),
                relationship=r["relationship"].value if "relationship" in r else None,
                sources=len({c.source for c in claims.get(node or "", [])}),
            )

        def order(a: Association) -> tuple[str, str, str]:
            return (
                _fold((a.associate if a.person.iri == me else a.person).label),
                a.relationship or "",
                a.association or "",
            )

        return sorted(ties.values(), key=order)

    def claims(self, about: Any) -> list[ClaimRow]:
        iri = expand(str(about).strip()) if isinstance(about, str) else None
        if iri is not None and iri not in self.fetch.index.actors:
            nodes = {iri}
        else:
            actor = self.actor(about)
            nodes = {r[0].value for r in self.run("actor_content", {"a": Term.uri(actor.iri)}).rows if r[0]}
        found = self.fetch.claims(nodes)
        rows = self._claim_rows([c for n in sorted(found) for c in found[n]], nodes)
        return sorted(rows, key=lambda c: (c.about, _published(c), c.claim))

    def contradictions(
        self, about: str | None, across_sources: bool, kinds: Collection[str] | None = None
    ) -> list[Contradiction]:
        merges = self.fetch.merges
        nodes = sorted(merges.reports(about)) if about else []
        pairs: list[tuple[str, str, str, str, str | None]] = [
            (r[0].value, r[1].value, r[2].value, "polarity", None)
            for r in (
                self.run("contradictions", {"about": [Term.uri(n) for n in nodes]})
                if about
                else self.run("all_contradictions", {})  # the same rows, shaped for a whole store
            ).rows
            if r[0] and r[1] and r[2]
        ]
        abouts = {p[0] for p in pairs}
        event = {"event": Term.uri(merges.canonical(about))} if about else {}
        for r in self.run("source_contradictions", event).dicts():
            detail = r["detail"].value if "detail" in r else None
            pairs.append((r["event"].value, r["first"].value, r["second"].value, r["kind"].value, detail))
            abouts |= {r["firstAbout"].value, r["secondAbout"].value}
        claims = {c.claim: c for cs in self.fetch.claims(abouts).values() for c in cs}
        events = {merges.canonical(p[0]) for p in pairs}
        described = self.describe(abouts | events)  # once for both: a node is described alike in any set
        rows = {c.claim: c for c in self._claim_rows(list(claims.values()), abouts, described)}
        labels = {n: label for n, (_, label) in described.items() if n in events}
        out = []
        for content, first, second, kind, detail in pairs:
            if first not in rows or second not in rows or (kinds is not None and kind not in kinds):
                continue
            across = claims[first].source != claims[second].source
            if across_sources and not across:
                continue
            event_iri = merges.canonical(content)
            out.append(Contradiction(event_iri, labels.get(event_iri), rows[first], rows[second], across, kind, detail))
        return sorted(out, key=lambda c: (c.about, c.kind, c.first.claim, c.second.claim))

    # -- helpers ------------------------------------------------------------------------------------
    def _refs(self, terms: list[Term] | None) -> tuple[ActorRef, ...]:
        return tuple(sorted({self._ref(t.value) for t in terms or []}, key=lambda r: (_fold(r.label), r.iri)))

    def _claimants(self, claims: list[ClaimInfo], modalities: Collection[str]) -> tuple[ActorRef, ...]:
        iris = {c.claimant for c in claims if c.claimant and c.modality in modalities}
        return tuple(sorted((self._ref(i) for i in iris), key=lambda r: (_fold(r.label), r.iri)))

    def _claim_rows(
        self, claims: list[ClaimInfo], nodes: Collection[str], described: dict[str, tuple[str, str]] | None = None
    ) -> list[ClaimRow]:
        described = self.describe(nodes) if described is None else described
        evidence = self.fetch.evidence(claims)
        out = []
        for c in claims:
            kind, label = described.get(c.about, (None, None))
            ev = evidence.get(c.claim)
            out.append(
                ClaimRow(
                    claim=c.claim,
                    about=c.about,
                    about_label=label,
                    about_kind=kind,
                    modality=c.modality,
                    claimant=self._ref(c.claimant) if c.claimant else None,
                    confidence=c.confidence,
                    source=(ev.outlet if ev else None) or c.document,
                    evidence=ev,
                )
            )
        return out

    def describe(self, nodes: Collection[str]) -> dict[str, tuple[str, str]]:
        """(kind, label) of content nodes: events by type and participants, others by label or actor."""
        if not nodes:
            return {}
        out: dict[str, tuple[str, str]] = {}
        rows = self.run("content_nodes", {"node": [Term.uri(n) for n in sorted(nodes)]}).dicts()
        for r in sorted(rows, key=lambda r: ("label" not in r, "who" not in r)):
            node = r["node"].value
            kind = r["kind"].value.rsplit("#", 1)[-1].lower().replace("interaction", "event")
            if node in out and out[node][0] != "event":
                continue
            who = self.fetch.index.label(r["who"].value) if "who" in r else None
            label = r["label"].value if "label" in r else (f"{kind} of {who}" if who else node.rsplit("/", 1)[-1])
            out[node] = (kind, label)
        events = [n for n, (k, _) in out.items() if k == "event"]
        for e in self.fetch.events(events, evidence=False):
            sides = " → ".join(", ".join(p.label for p in side) for side in (e.actors, e.targets) if side)
            who = sides or " – ".join(p.label for p in e.participants)
            out[e.event] = ("event", f"{e.label} ({who}, {e.earliest})" if e.earliest else f"{e.label} ({who})")
        return out


SAME_DESIGNATION_DAYS = 31
"""Reports of one authority's sanction on one target whose starts are this close are one designation."""


def designations(read: list[tuple[Sanction, set[str]]], state_of: Callable[[str], str]) -> list[Sanction]:
    """Reports of one designation read as one :class:`Sanction`: the same target, the same imposing
    state (an agency rolled up to its state, a person to theirs: "OFAC", "the Treasury" and "Trump"
    impose the United States' sanctions), starts within :data:`SAME_DESIGNATION_DAYS` of the first and
    the same programme where both name one; a report without a start joins the one designation it can be,
    else stays its own. The
    merged sanction keeps the lowest IRI, every imposer, the sources of all, and lists its
    ``reports``."""
    groups: dict[tuple[frozenset[str], str], list[tuple[Sanction, set[str]]]] = {}
    for s, sources in sorted(read, key=lambda x: (x[0].start or dt.date.max, x[0].sanction)):
        states = frozenset(a.iri for a in s.authority_states) or frozenset(state_of(a.iri) for a in s.imposed_by)
        groups.setdefault((states, s.target.iri), []).append((s, sources))
    out: list[Sanction] = []
    for members in groups.values():
        clusters: list[list[tuple[Sanction, set[str]]]] = []
        undated: list[tuple[Sanction, set[str]]] = []
        for s, sources in members:
            if s.start is None:
                undated.append((s, sources))
                continue
            first = clusters[-1][0][0].start if clusters else None
            if first is not None and (s.start - first).days <= SAME_DESIGNATION_DAYS:
                clusters[-1].append((s, sources))
            else:
                clusters.append([(s, sources)])
        if len(clusters) == 1:
            clusters[0].extend(undated)
        elif undated:
            clusters.append(undated)
        out.extend(_one_designation(c) for cluster in clusters for c in _by_programme(cluster))
    return out


def _by_programme(cluster: list[tuple[Sanction, set[str]]]) -> list[list[tuple[Sanction, set[str]]]]:
    """One designation per programme the reports name ("SDGT" and "Global Magnitsky" on one target in one
    month are two); a report naming none joins the one programme there is, else stays apart."""
    named: dict[str, list[tuple[Sanction, set[str]]]] = {}
    bare: list[tuple[Sanction, set[str]]] = []
    for item in cluster:
        programme = " ".join((item[0].program or "").lower().split())
        (named.setdefault(programme, []) if programme else bare).append(item)
    groups = list(named.values())
    if len(groups) == 1:
        groups[0].extend(bare)
    elif bare:
        groups.append(bare)
    return groups or [cluster]


def _one_designation(cluster: list[tuple[Sanction, set[str]]]) -> Sanction:
    if len(cluster) == 1:
        return cluster[0][0]
    items = [s for s, _ in cluster]
    head = min(items, key=lambda s: s.sanction)

    def union(field: str) -> tuple[ActorRef, ...]:
        return tuple(dict.fromkeys(a for s in items for a in getattr(s, field)))

    def first(field: str) -> Any:
        return next((getattr(s, field) for s in sorted(items, key=lambda s: s.sanction) if getattr(s, field)), None)

    starts = [s.start for s in items if s.start]
    return replace(
        head,
        imposed_by=union("imposed_by"),
        authority_states=union("authority_states"),
        program=first("program"),
        legal_basis=first("legal_basis"),
        start=min(starts) if starts else None,
        end=first("end"),
        reason=first("reason"),
        reason_alleged_by=union("reason_alleged_by"),
        reason_denied_by=union("reason_denied_by"),
        event=first("event"),
        sources=len(set().union(*(sources for _, sources in cluster))),
        reports=tuple(sorted(s.sanction for s in items)),
    )


def _first(f: dict[str, list[Term]], key: str) -> str | None:
    values = sorted(t.value for t in f.get(key, []))
    return values[0] if values else None


def _dates(terms: list[Term] | None) -> list[dt.date]:
    return sorted(d for d in (to_date(t.value) for t in terms or []) if d)


def _latest(terms: list[Term] | None) -> dt.date | None:
    """When sources disagree on a start (a month vs its day), the latest is the most specific."""
    days = _dates(terms)
    return days[-1] if days else None


def _earliest(terms: list[Term] | None) -> dt.date | None:
    days = _dates(terms)
    return days[0] if days else None


def _in_force(start: dt.date | None, end: dt.date | None, on: DateLike | None) -> bool:
    """Whether ``[start, end]`` (open ends allowed) meets the day, month or year ``on``."""
    if on is None:
        return True
    from graph.errors import QueryError

    try:
        lo, hi = parse_period(on)
    except ValueError as exc:
        raise QueryError(str(exc), where="on", hint="write a date as YYYY-MM-DD, YYYY-MM or YYYY") from exc
    return (start is None or start <= hi) and (end is None or end >= lo)


def _published(c: ClaimRow) -> dt.date:
    return (c.evidence.published if c.evidence else None) or dt.date.min
