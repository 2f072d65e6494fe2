"""Event coreference across articles: the reports of different sources that are one event.

Each article keys its events as its own reports (:func:`graph.ids.mention_key`): "India expelled six
Canadian diplomats" in three outlets gives three report nodes. Here, store-wide, the reports that
are one event are found, counted and compared. Two reports are one event when

* their types are compatible: the same CAMEO root, and in consultations (04) the same kind — a phone
  call (041) is not a meeting (042 visit, 043 host, 044 meet elsewhere), a generic code (040) fits
  either;
* they name the same actors once agencies are rolled up to their states and persons read as one
  (:mod:`graph.identity`), in the same direction (the senders of one are the senders of the other;
  a report without direction fits a directed one; a call or a meeting fits either way round);
* they are both planned, or both not (a planned meeting and the meeting held are two events, linked
  by ``dip:heldAs``);
* their dates meet: the same day, or one day apart (``adjacent-day``: a date contradiction); a
  report dated to a month or a year joins the one day-dated event inside its window; an undated
  report joins the one dated event its article can be speaking of (on or before its publication,
  at most :data:`UNDATED_REACH` days; after it for a planned event), else the undated reports of the
  same event published within a day of each other, else it stays alone — never a bucket of undated
  reports.

Two reports that any source declares ``owl:differentFrom`` are never one event (the curated undo).
The result depends on the set of reports only, not on the order articles arrived. It is recomputed
after every ingest into ``graph/events``: for each merged report ``<report> dip:sameEventAs
<canonical>`` with ``dip:mergeRule`` and ``dip:mergeScore``; for each merged event its number of
sources (``dip:sourceCount``) and of independent sources (``dip:independentSourceCount``: articles
whose cited sentences are mostly the same text, syndicated copies of one wire story, count once);
``dip:heldAs`` from a planned event to the event held, ``dip:postponedTo`` to the later date
sources announced instead; and typed ``dip:SourceContradiction`` nodes
with the two claims that disagree. Lookups read a merged event as one (:mod:`graph.queries.merged`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from graph import ids
from graph.coreference_links import COPY_OVERLAP as COPY_OVERLAP
from graph.coreference_links import DISPUTABLE_ROOTS as DISPUTABLE_ROOTS
from graph.coreference_links import DISPUTE_WINDOW as DISPUTE_WINDOW
from graph.coreference_links import _copy_groups, _disputed_targets, _planned_and_held
from graph.coreference_links import copy_groups as copy_groups
from graph.coreference_model import CALL as CALL
from graph.coreference_model import FAMILIES as FAMILIES
from graph.coreference_model import MEET as MEET
from graph.coreference_model import Claimed, Merge, Plan, Report, SourceContradiction
from graph.namespaces import DIP
from graph.queries.records import ActorRef, Relation
from graph.store.base import Quad, Store, Term, WriteBatch

if TYPE_CHECKING:
    from graph.coreference_incremental import Snapshot

EVENTS_GRAPH = ids.EVENTS_GRAPH
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
UNDATED_REACH = 14
"""Days before its publication an undated report may speak of (news reports what just happened)."""
RULE_SCORES = {
    "same-day": 0.95,
    "same-window": 0.85,
    "within-window": 0.75,
    "adjacent-day": 0.6,
    "undated-near-publication": 0.55,
    "undated-same-story": 0.5,
    "undated-only-candidate": 0.45,
}
WIRES_QUERY = "SELECT ?a ?w WHERE { ?a <https://w3id.org/diplograph/ontology#wireOrigin> ?w }"
DIFFERENT_QUERY = "SELECT DISTINCT ?a ?b WHERE { ?a <http://www.w3.org/2002/07/owl#differentFrom> ?b }"


# -- planning (pure) --------------------------------------------------------------------------------
def plan(
    reports: Iterable[Report],
    different: Iterable[tuple[str, str]] = (),
    wires: Mapping[str, str] | None = None,
    *,
    copies: Mapping[str, str] | None = None,
) -> Plan:
    """The events the ``reports`` are, as a :class:`Plan` (a function of the set: order does not matter).
    ``different`` are pairs of reports never to merge; ``wires`` the agency each source runs the copy
    of (:mod:`graph.extract.wire`): the sources of one agency count once among independent sources.
    ``copies`` (source -> the lowest source of its group of copies) replaces the groups found among
    ``reports`` when given: an incremental pass reads only some reports, but each source whole.

    Example:
        >>> day = dt.date(2024, 10, 14)
        >>> def r(e, src):
        ...     c = (Claimed(e + "c", "asserted", src, day, None),)
        ...     return Report(e, "174", frozenset({"IND"}), frozenset({"CAN"}), frozenset({"IND", "CAN"}), day, day,
        ...                   False, c)
        >>> p = plan([r("x:b", "a2"), r("x:a", "a1")])
        >>> [(m.member, m.canonical, m.rule) for m in p.merges], p.sources
        ([('x:b', 'x:a', 'same-day')], {'x:a': (2, 2)})
    """
    forbidden = {frozenset(pair) for pair in different}
    groups: dict[tuple[str, bool, frozenset[str]], list[Report]] = {}
    for r in sorted(reports, key=lambda r: r.event):
        if r.code and r.everyone:
            groups.setdefault((r.root, r.planned, r.everyone), []).append(r)
    out = Plan()
    clusters: list[list[tuple[Report, str]]] = []
    for members in groups.values():
        for part in _partitions(members):
            clusters.extend(_cluster(part))
    if copies is None:
        copies = _copy_groups((r for members in groups.values() for r in members), wires or {})
    final: list[list[tuple[Report, str]]] = []
    for cluster in clusters:
        final.extend(_undo(cluster, forbidden))
    by_event: dict[str, tuple[Report, list[Report]]] = {}  # event -> its canonical report, all its reports
    for cluster in final:
        if len(cluster) == 1:  # most events: one report, nothing to merge or count
            only = cluster[0][0]
            by_event[only.event] = (only, [only])
            continue
        reports_of = [r for r, _ in cluster]
        head = _canonical(reports_of)
        by_event[head.event] = (head, reports_of)
        head_rule = next(rule for r, rule in cluster if r.event == head.event)
        for r, rule in cluster:
            if r.event != head.event:
                rule = rule or head_rule  # the first report of the cluster joined it as the canonical one did
                out.merges.append(Merge(r.event, head.event, rule, RULE_SCORES[rule]))
        sources = {s for r in reports_of for s in r.sources}
        out.sources[head.event] = (len(sources), len({copies.get(s, s) for s in sources}))
        out.contradictions.extend(_disagreements(head.event, reports_of))
    out.held, out.postponed, status = _planned_and_held(by_event)
    out.contradictions.extend(status)
    out.contradictions.extend(_disputed_targets(by_event))
    out.merges.sort(key=lambda m: (m.canonical, m.member))
    out.contradictions.sort(key=lambda c: (c.event, c.kind, c.first.claim, c.second.claim))
    return out


def _partitions(members: list[Report]) -> list[list[Report]]:
    """Reports of one root, stance and set of actors, split by type kind and direction: a report
    without a specific kind or direction joins the one partition it fits, else stays with its like."""
    keyed: dict[tuple[str, frozenset[str]], list[Report]] = {}
    loose: list[Report] = []
    for r in members:
        generic = r.kind == r.root and r.root == "04"
        if generic or (r.either_way and r.kind not in ("04-call", "04-meet")):
            loose.append(r)
        else:
            keyed.setdefault((r.kind, frozenset() if r.either_way else r.senders), []).append(r)
    if loose:
        if len(keyed) == 1:
            next(iter(keyed.values())).extend(loose)
        else:
            keyed[("", frozenset())] = loose
    return list(keyed.values())  # each in event order, as the members came


def _cluster(part: list[Report]) -> list[list[tuple[Report, str]]]:
    """Day-dated reports join an event at most a day from its first day; window-dated ones join the
    one day-dated event inside their window, else their like; undated ones join the one event their
    article's publication allows (or, when it is unknown, the one dated event there is), else the
    undated reports published within a day of them, else stay alone. A report joins an event only
    when :func:`_fits` allows."""
    if len(part) == 1:  # most partitions: one report
        return [[(part[0], "")]]
    dated = sorted((r for r in part if r.day), key=lambda r: (r.day, r.event))
    clusters: list[list[tuple[Report, str]]] = []
    for r in dated:
        assert r.day is not None
        joined = False
        for c in clusters:
            first_day = c[0][0].day
            if first_day and (r.day - first_day).days <= 1 and _fits(r, c, same_day=r.day == first_day):
                c.append((r, "same-day" if r.day == first_day else "adjacent-day"))
                joined = True
                break
        if not joined:
            clusters.append([(r, "")])
    windows: dict[tuple[dt.date, dt.date], list[tuple[Report, str]]] = {}
    for r in sorted((r for r in part if r.earliest and not r.day), key=lambda r: r.event):
        assert r.earliest is not None and r.latest is not None
        inside = [c for c in clusters if (d := c[0][0].day) and r.earliest <= d <= r.latest and _fits(r, c)]
        if len(inside) == 1:
            inside[0].append((r, "within-window"))
        else:
            windows.setdefault((r.earliest, r.latest), []).append((r, "same-window"))
    for grouped in windows.values():
        grouped[0] = (grouped[0][0], "")
        clusters.append(grouped)
    loose: list[tuple[Report, dt.date | None]] = []
    for r in sorted((r for r in part if not r.earliest), key=lambda r: r.event):
        if r.published is not None:
            fits = [c for c in clusters if _near_publication(c[0][0], r) and _fits(r, c)]
            rule = "undated-near-publication"
        else:
            fits = [c for c in clusters if _fits(r, c)]
            rule = "undated-only-candidate"
        if len(fits) == 1:
            fits[0].append((r, rule))
        else:
            loose.append((r, r.published))
    loose.sort(key=lambda x: (x[1] or dt.date.min, x[0].event))
    story: list[tuple[Report, str]] = []
    for r, published in loose:
        previous = story[-1][0].published if story else None
        if story and published and previous and (published - previous).days <= 1 and _fits(r, story):
            story.append((r, "undated-same-story"))
        else:
            if story:
                clusters.append(story)
            story = [(r, "")]
    if story:
        clusters.append(story)
    return clusters


def _fits(report: Report, cluster: list[tuple[Report, str]], *, same_day: bool = False) -> bool:
    """Whether ``report`` can join ``cluster``: no source of it already reports there (an article's
    own reports are distinct events, as its extraction decided — unless, on the very day, with the
    same code, one names the states and the other their envoys), and for each state that it and a
    report of the cluster both name persons or bodies of, they name at least one in common."""
    for other, _ in cluster:
        if report.sources & other.sources and not (same_day and other.code == report.code):
            return False
    mine: dict[str, set[str]] = {}
    for state, actor in report.named:
        mine.setdefault(state, set()).add(actor)
    if not mine:
        return True
    for other, _ in cluster:
        theirs: dict[str, set[str]] = {}
        for state, actor in other.named:
            theirs.setdefault(state, set()).add(actor)
        if any(state in theirs and not (actors & theirs[state]) for state, actors in mine.items()):
            return False
    return True


def _near_publication(event: Report, undated: Report) -> bool:
    published = undated.published
    if published is None or event.earliest is None or event.latest is None:
        return False
    if undated.planned:
        return event.latest >= published - dt.timedelta(days=1)
    return event.earliest <= published + dt.timedelta(days=1) and (published - event.latest).days <= UNDATED_REACH


def _undo(cluster: list[tuple[Report, str]], forbidden: set[frozenset[str]]) -> list[list[tuple[Report, str]]]:
    """The cluster without the reports a source declared different from its canonical report."""
    if len(cluster) < 2 or not forbidden:
        return [cluster]
    head = _canonical([r for r, _ in cluster]).event
    kept = [(r, rule) for r, rule in cluster if frozenset((r.event, head)) not in forbidden]
    apart = [[(r, "")] for r, _ in cluster if frozenset((r.event, head)) in forbidden]
    return [kept, *apart]


def _canonical(reports: Sequence[Report]) -> Report:
    """The report that names the event: dated to the day, then the narrowest window, the most
    specific type, the most sources, the lowest IRI."""

    def width(r: Report) -> int:
        return (r.latest - r.earliest).days if r.earliest and r.latest else 1 << 20

    def specific(r: Report) -> int:
        return -len(r.code.rstrip("0")) if len(r.code) > 2 else 0

    return min(reports, key=lambda r: (width(r), specific(r), -len(r.sources), r.event))


def _disagreements(event: str, reports: list[Report]) -> list[SourceContradiction]:
    out: list[SourceContradiction] = []
    days = sorted({r.day for r in reports if r.day})
    if len(days) > 1:
        a = next(r for r in reports if r.day == days[0])
        b = next((r for r in reports if r.day == days[-1] and r.sources != a.sources), None)
        if b is not None:
            out.append(SourceContradiction("date", event, a.claims[0], b.claims[0], f"{days[0]} vs {days[-1]}"))
    calls = [r for r in reports if r.kind == "04-call" and r.senders]
    for r in calls:
        other = next((o for o in calls if o.senders == r.receivers and o.receivers == r.senders), None)
        if other and r.event < other.event and r.sources != other.sources:
            out.append(SourceContradiction("initiator", event, r.claims[0], other.claims[0], "who called whom"))
    said = [c for r in reports for c in r.claims if c.modality in ("asserted", "alleged")]
    denied = [c for r in reports for c in r.claims if c.modality == "denied"]
    for d in denied[:1]:
        held = next((c for c in said if c.source != d.source), None)
        if held:
            out.append(SourceContradiction("polarity", event, held, d, f"{held.modality} vs denied"))
    return out


# -- the store ----------------------------------------------------------------------------------------
def resolve_events(store: Store, touched: Iterable[str] | None = None, before: Snapshot | None = None) -> Plan:
    """Recompute ``graph/events``; returns the plan written.

    With ``touched`` (the source graphs written or dropped since ``before`` was taken, see
    :class:`graph.coreference_incremental.Snapshot`), only the groups of reports they can change are
    re-read and re-planned (:mod:`graph.coreference_incremental`), and the plan returned is theirs;
    without, every report is read and the graph rewritten whole.
    """
    if touched is not None:
        if before is None:
            raise ValueError("an incremental pass needs the Snapshot taken before the touched graphs changed")
        from graph.coreference_incremental import resolve_touched

        return resolve_touched(store, touched, before)
    reports = read_reports(store)
    different = [(a, b) for a, b in store.select_values(DIFFERENT_QUERY).rows if a and b]
    wires = {a: w for a, w in store.select_values(WIRES_QUERY).rows if a and w}
    decided = plan(reports, different, wires)
    store.apply(WriteBatch(drop_graphs={EVENTS_GRAPH}, insert=plan_quads(decided)))
    return decided


def read_reports(store: Store) -> list[Report]:
    """Every report of an event in the store, with its claims, read as the lookups read it."""
    from graph.queries.api import KnowledgeGraph

    kg = KnowledgeGraph(store)
    up = kg.index.state_of
    return [report_of(r, up) for r in kg.reports()]


def report_of(r: Relation, up: Callable[[str], str]) -> Report:
    """A report as coreference compares it, from the relation the lookups read; ``up`` rolls an actor
    up to its state."""

    def named(sides: Iterable[ActorRef]) -> frozenset[tuple[str, str]]:
        return frozenset((state, a.iri) for a in sides if (state := up(a.iri)) != a.iri)

    senders = frozenset(up(a.iri) for a in r.actors)
    receivers = frozenset(up(a.iri) for a in r.targets)
    everyone = senders | receivers | frozenset(up(a.iri) for a in r.participants)
    claims = tuple(Claimed(e.claim, e.modality, e.article or e.claim, e.published, e.sentence) for e in r.evidence) or (
        Claimed(r.event, r.modality or "asserted", r.event, None, None),
    )
    planned = bool(r.modalities) and not r.happened
    who = named((*r.actors, *r.targets, *r.participants))
    aimed = tuple(a.label for a in r.targets)
    return Report(
        r.event, r.cameo or "", senders, receivers, everyone, r.earliest, r.latest, planned, claims, who, aimed
    )


def plan_quads(decided: Plan) -> list[Quad]:
    g = Term.uri(EVENTS_GRAPH)
    out: list[Quad] = []

    def add(s: str, p: str, o: Term) -> None:
        out.append(Quad(Term.uri(s), Term.uri(p), o, g))

    for m in decided.merges:
        add(m.member, str(DIP.sameEventAs), Term.uri(m.canonical))
        add(m.member, str(DIP.mergeRule), Term.literal(m.rule))
        add(m.member, str(DIP.mergeScore), Term.literal(str(m.score), XSD + "decimal"))
    for event, (sources, independent) in decided.sources.items():
        add(event, str(DIP.sourceCount), Term.literal(str(sources), XSD + "integer"))
        add(event, str(DIP.independentSourceCount), Term.literal(str(independent), XSD + "integer"))
    for planned, held in decided.held:
        add(planned, str(DIP.heldAs), Term.uri(held))
    for planned, later in decided.postponed:
        add(planned, str(DIP.postponedTo), Term.uri(later))
    for c in decided.contradictions:
        node = ids.ID + "contradiction-" + ids.digest(c.kind, c.event, c.first.claim, c.second.claim)
        add(node, RDF_TYPE, Term.uri(str(DIP.SourceContradiction)))
        add(node, str(DIP.contradictionKind), Term.literal(c.kind))
        add(node, str(DIP.disputedEvent), Term.uri(c.event))
        add(node, str(DIP.firstClaim), Term.uri(c.first.claim))
        add(node, str(DIP.secondClaim), Term.uri(c.second.claim))
        add(node, RDFS_COMMENT, Term.literal(c.detail))
    return out
