"""Is an FtM person one already in the store? By Wikidata QID, else by name, nationality and role.

The store's side (:class:`StoreActors`) is read once per import from the graphs that are not FtM
files: persons by QID, their nationalities, and the posts they hold (post labels and role
concepts). :func:`match_person` decides, for one FtM person, which key it gets and, when that key
is a store person's, the :class:`~graph.importers.base.Match` that explains it:

* ``wikidata``: the QID is a store actor's;
* the same name key (as extraction keys persons) and a nationality that does not conflict, then the
  role:

  - ``name-country-role``: both sides know posts and share one (the same post label, "President of
    Colombia", or the same role concept, ``headOfState``): merged, the role named in the evidence;
  - a role conflict: both sides know role concepts and share none (a listed "Minister of Defence"
    against the news' "President"): kept apart (``person-…-<ftm id>``), no match;
  - ``name-country``: a side knows no post, or none the role scheme recognises: merged on name and
    nationality, the evidence saying the role was not compared;

* the same name with another known nationality: kept apart (``person-…-<iso3>``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph import ids
from graph.importers.base import Match
from graph.model import ActorKind
from graph.store.base import SelectResult, Store

DATASET = "ftm"
_ORG_ROLE = "http://www.w3.org/ns/org#role"
_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"


@dataclass(frozen=True)
class Posts:
    """What one side knows of a person's posts: labels ("President of Colombia") and role concepts."""

    labels: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, titles: Iterable[tuple[str, Iterable[str]]]) -> Posts:
        """From (post label, role concepts) pairs."""
        labels: set[str] = set()
        roles: set[str] = set()
        for label, concepts in titles:
            labels.add(label)
            roles.update(concepts)
        return cls(frozenset(labels), frozenset(roles))


@dataclass
class StoreActors:
    """What the store already knows of persons: actor by Wikidata QID, nationality and posts by person."""

    by_qid: dict[str, str] = field(default_factory=dict)
    nationality: dict[str, set[str]] = field(default_factory=dict)
    posts: dict[str, Posts] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.persons |= set(self.nationality) | set(self.posts)

    @classmethod
    def read(cls, store: Store) -> StoreActors:
        dip = ids.ONTOLOGY
        mine = ids.dataset_graph_prefix(DATASET)  # the graphs of FtM files: not "the articles"
        skip = ", ".join(f"<{g}>" for g in (ids.DERIVED_GRAPH, ids.IDENTITY_GRAPH, ids.EVENTS_GRAPH))
        others = f'FILTER(?g NOT IN ({skip}) && !STRSTARTS(STR(?g), "{mine}"))'
        out = cls()
        found = store.query(
            f"""SELECT DISTINCT ?p ?qid ?nat WHERE {{
                {{ SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?p a <{dip}Person> }} {others} }} }}
                OPTIONAL {{ ?p <{dip}wikidataId> ?qid }} OPTIONAL {{ ?p <https://schema.org/nationality> ?nat }} }}"""
        )
        for p, qid, nat in found.rows if isinstance(found, SelectResult) else []:
            key = _key(p)
            if key is None:
                continue
            out.persons.add(key)
            if qid is not None:
                out.by_qid.setdefault(qid.value, key)
            if nat is not None:
                out.nationality.setdefault(key, set()).add(nat.value[len(ids.ID) :])
        # posts held, as the articles and curated files state them (an earlier FtM import's tenures
        # do not count: re-importing a file must decide as the first import did)
        held = store.query(
            f"""SELECT DISTINCT ?p ?label ?role WHERE {{
                GRAPH ?g {{ ?t <{dip}holder> ?p ; <{dip}post> ?post }} {others}
                OPTIONAL {{ ?post <{_PREF}> ?label }} OPTIONAL {{ ?t <{_ORG_ROLE}> ?role }} }}"""
        )
        titles: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for p, label, role in held.rows if isinstance(held, SelectResult) else []:
            key = _key(p)
            if key is None or key not in out.persons:
                continue
            concepts = (role.value.rsplit("/", 1)[-1],) if role is not None else ()
            titles.setdefault(key, []).append((label.value if label is not None else "", concepts))
        out.posts = {k: Posts.of((lab, c) for lab, c in v if lab or c) for k, v in titles.items()}
        return out


def _key(term: object) -> str | None:
    value = getattr(term, "value", None)
    return value[len(ids.ID) :] if isinstance(value, str) and value.startswith(ids.ID) else None


def match_person(
    known: StoreActors, ftm_id: str, name: str, iso3: str | None, qid: str | None, theirs: Posts
) -> tuple[str, Match | None]:
    """The key of an FtM person and, when it is a store person's, why."""
    key = ids.actor_key(ActorKind.PERSON, name)
    if qid and qid in known.by_qid:
        return known.by_qid[qid], Match(known.by_qid[qid], "wikidata", (f"wikidata: {qid}",))
    if key not in known.persons:
        return key, None
    nationalities = known.nationality.get(key, set())
    if iso3 is not None and nationalities and iso3 not in nationalities:
        return f"{key}-{iso3.lower()}", None  # the same name, another nationality: another person
    evidence = [f"name: {name}"]
    if iso3 is not None and iso3 in nationalities:
        evidence.append(f"nationality: {iso3}")
    else:
        evidence.append("nationality: not known on " + ("either side" if iso3 is None else "the store's side"))
    ours = known.posts.get(key, Posts())
    same_post = sorted(_fold(theirs.labels) & _fold(ours.labels))
    same_role = sorted(theirs.roles & ours.roles)
    if same_post or same_role:
        shown = [lab for lab in sorted(theirs.labels) if lab.casefold() in same_post] or sorted(theirs.labels)
        what = f"{', '.join(shown)} (the same post)" if same_post else f"{', '.join(same_role)} ({', '.join(shown)})"
        return key, Match(key, "name-country-role", (*evidence, f"role: {what}"))
    if theirs.roles and ours.roles:
        return f"{key}-{ids.slug(ftm_id)}", None  # both hold known roles, none the same: another person
    if not theirs.labels:
        why = "the list gives no post"
    elif not ours.labels:
        why = "the store knows no post of this person"
    else:
        why = "the posts share no role the role scheme knows: " + "; ".join(sorted(theirs.labels | ours.labels))
    return key, Match(key, "name-country", (*evidence, f"role: not compared ({why})"))


def _fold(labels: Iterable[str]) -> set[str]:
    return {lab.casefold() for lab in labels if lab}
