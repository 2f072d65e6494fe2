"""OpenSanctions / FollowTheMoney entities (``entities.ftm.json``: one JSON entity per line), read with
the ``followthemoney`` library, whose schema decides what each entity is (``Company`` is a
``LegalEntity``, ``PublicBody`` an ``Organization``, …).

* ``Person`` -> ``dip:Person`` (``name``, ``country`` as nationality, ``wikidataId``); ``Organization``,
  ``Company``, ``LegalEntity`` -> ``dip:Organization``; ``PublicBody`` -> the state's
  ``dip:GovernmentAgency`` when it has a country. A name the gazetteer knows (a state, an IGO, a
  listed agency) is that actor.
* **One actor with the articles**: a person whose Wikidata QID an actor of the store already has is
  that actor (rule ``wikidata``); else a person is keyed by name as extraction keys it
  (``person-gustavo-petro``), so the same name meets the same node; when the store's person of that
  name has another known nationality, the FtM person stays apart (``person-…-<iso3>``). Each
  merge with an actor already in the store is written on the record (``dip:matchedActor``,
  ``dip:matchRule``): explainable, and undone by re-importing without the store's person.
* ``Sanction`` -> ``dip:Sanction``: ``entity`` the target, ``authority`` the imposer (a known agency,
  else an agency of the sanction's ``country``, else an organisation; the country itself when no
  authority is named), ``program``, ``programId``, ``startDate``/``endDate``/``listingDate``,
  ``authorityId``, ``reason`` as a ``dip:Proposition``, ``sourceUrl`` on the record; with a start
  date, the designation act is an event (CAMEO 163) that ``dip:establishedBy`` names.
* ``Position`` + ``Occupancy`` -> a ``dip:Post`` and a ``dip:Tenure`` (keyed like extraction's, so an
  article's claim about the same presidency meets it); roles from the gazetteer's titles.
* ``Family`` -> ``dip:Kinship`` ("the relative is the ``relationship`` of the person"; the kinship
  nouns of the gazetteer, else ``relative``). ``Associate`` has no counterpart in the model yet: left
  out and counted.

Entities refer to each other by id in any order: the actors and positions read so far are kept by id
(memory grows with the entities, not the statements), and a relation whose ends are not read yet
waits until the end of the file; one whose ends never come is a bad row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from graph import ids
from graph.errors import ConfigError
from graph.importers.actors import Resolved, actor_codes
from graph.importers.base import Problem, Reader, Record
from graph.model import Actor, ActorKind, DateRange, Event, Fact, FactKind, Proposition, Sanction
from graph.store.base import SelectResult, Store

ORGANIZATIONS = ("Organization", "Company", "LegalEntity")
RELATIONS = ("Sanction", "Occupancy", "Family", "Associate")
DATASET = "ftm"


def reader(store: Store | None = None) -> Reader:
    """The FtM reader; ``store`` gives the persons already there (by QID, by name and nationality)."""
    known = StoreActors.read(store) if store is not None else StoreActors()
    return lambda lines, name: FtmReader(known).read(lines, name)


class StoreActors:
    """What the store already knows of persons: actor by Wikidata QID, nationality by person."""

    def __init__(self, by_qid: dict[str, str] | None = None, nationality: dict[str, set[str]] | None = None) -> None:
        self.by_qid = by_qid or {}
        self.nationality = nationality or {}
        self.persons: set[str] = set(self.nationality)

    @classmethod
    def read(cls, store: Store) -> StoreActors:
        dip = ids.ONTOLOGY
        mine = ids.dataset_graph_prefix(DATASET)  # the graphs of FtM files: not "the articles"
        skip = " ".join(f"<{g}>" for g in (ids.DERIVED_GRAPH, ids.IDENTITY_GRAPH, ids.EVENTS_GRAPH))
        found = store.query(
            f"""SELECT DISTINCT ?p ?qid ?nat WHERE {{
                {{ SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?p a <{dip}Person> }}
                   FILTER(?g NOT IN ({skip.replace("> <", ">, <")}) && !STRSTARTS(STR(?g), "{mine}")) }} }}
                OPTIONAL {{ ?p <{dip}wikidataId> ?qid }} OPTIONAL {{ ?p <https://schema.org/nationality> ?nat }} }}"""
        )
        out = cls()
        for p, qid, nat in found.rows if isinstance(found, SelectResult) else []:
            if p is None or not p.value.startswith(ids.ID):
                continue
            key = p.value[len(ids.ID) :]
            out.persons.add(key)
            if qid is not None:
                out.by_qid.setdefault(qid.value, key)
            if nat is not None:
                out.nationality.setdefault(key, set()).add(nat.value[len(ids.ID) :])
        return out


class FtmReader:
    """One file's entities -> records, relations waiting for their ends."""

    def __init__(self, known: StoreActors) -> None:
        try:
            from followthemoney import model
            from followthemoney.exc import FollowTheMoneyException
        except ImportError as exc:
            raise ConfigError(
                "importing FollowTheMoney entities needs the followthemoney library",
                hint="pip install 'diplograph[ftm]' (it builds PyICU: libicu-dev and a C++ compiler are needed)",
            ) from exc

        self.model = model
        self.invalid: tuple[type[Exception], ...] = (FollowTheMoneyException, ValueError, TypeError, KeyError)
        self.known = known
        self.codes = actor_codes()
        self.actors: dict[str, Resolved] = {}  # FtM id -> actor (and its state)
        self.positions: dict[str, tuple[str, str | None]] = {}  # FtM id -> (name, ISO3 of its country)
        self.matched: dict[str, tuple[str, str]] = {}  # FtM id -> (store actor, rule)

    def read(self, lines: Iterator[tuple[int, str]], name: str) -> Iterator[Record | Problem]:
        waiting: list[tuple[int, Any]] = []
        for n, line in lines:
            if not line.strip():
                continue
            try:
                proxy = self.model.get_proxy(json.loads(line))
            except self.invalid as exc:  # not JSON, no or an unknown schema, a property the schema lacks
                yield Problem(n, f"not a FollowTheMoney entity: {str(exc)[:120]}")
                continue
            if not proxy.id:
                yield Problem(n, "a FollowTheMoney entity without an id")
                continue
            if proxy.schema.name in RELATIONS:
                if self._ends_known(proxy):
                    yield self._relation(n, proxy)
                else:
                    waiting.append((n, proxy))
            else:
                yield self._entity(n, proxy)
        for n, proxy in waiting:
            yield (
                self._relation(n, proxy)
                if self._ends_known(proxy)
                else Problem(n, f"{proxy.schema.name} {proxy.id} refers to an entity that is not in the file")
            )

    # -- entities -------------------------------------------------------------------------------
    def _entity(self, n: int, proxy: Any) -> Record | Problem:
        schema = proxy.schema
        label = proxy.caption if proxy.caption and proxy.caption != schema.label else proxy.first("name")
        if schema.name == "Position":
            country = self.codes.state(proxy.first("country") or "")
            self.positions[proxy.id] = (label or "official", country.iso3 if country else None)
            return Problem(n, "a position is written with its occupancies", bad=False)
        if not label:
            return Problem(n, f"{schema.name} {proxy.id} has no name")
        if schema.is_a("Person"):
            resolved = self._person(proxy, label)
        elif schema.name == "PublicBody" or any(schema.is_a(s) for s in ORGANIZATIONS):
            resolved = self._organization(proxy, label, schema.name == "PublicBody")
        else:
            return Problem(n, f"the {schema.name} schema has no counterpart in the model", bad=False)
        self.actors[proxy.id] = resolved
        matches = (self.matched[proxy.id],) if proxy.id in self.matched else ()
        return Record(n, proxy.id, (resolved.actor, *resolved.also), url=proxy.first("sourceUrl"), matches=matches)

    def _person(self, proxy: Any, name: str) -> Resolved:
        state = self.codes.state(proxy.first("nationality") or proxy.first("country") or "")
        qid = proxy.first("wikidataId")
        qid = qid if qid and qid[1:].isdigit() and qid.startswith("Q") else None
        key = ids.actor_key(ActorKind.PERSON, name)
        if qid and qid in self.known.by_qid:
            key = self.known.by_qid[qid]
            self.matched[proxy.id] = (key, "wikidata")
        elif key in self.known.persons:
            theirs = self.known.nationality.get(key, set())
            if state is not None and theirs and state.iso3 not in theirs:
                key = f"{key}-{(state.iso3 or '').lower()}"  # the same name, another nationality: another person
            else:
                self.matched[proxy.id] = (key, "name-country")
        also = (state.actor(),) if state is not None else ()
        aliases = tuple(sorted(set(proxy.get("alias")) - {name}))[:20]
        actor = Actor(key, ActorKind.PERSON, name, aliases, wikidata=qid, nationality=also[0].key if also else None)
        return Resolved(actor, also)

    def _organization(self, proxy: Any, name: str, public: bool) -> Resolved:
        known = self.codes.names.get(ids.slug(name))
        if known is not None and known.kind is ActorKind.AGENCY:
            return self.codes.agency(known)
        if known is not None and known.kind is not ActorKind.PERSON:
            return Resolved(known.actor())
        state = self.codes.state(proxy.first("jurisdiction") or proxy.first("country") or "")
        qid = proxy.first("wikidataId")
        qid = qid if qid and qid[1:].isdigit() and qid.startswith("Q") else None
        if public and state is not None:
            key = ids.actor_key(ActorKind.AGENCY, name, state=state.iso3)
            country = state.actor()
            return Resolved(Actor(key, ActorKind.AGENCY, name, wikidata=qid, part_of=country.key), (country,))
        return Resolved(Actor(ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, wikidata=qid))

    # -- relations ------------------------------------------------------------------------------
    def _ends(self, proxy: Any) -> list[str]:
        props = {
            "Sanction": ("entity",),
            "Occupancy": ("holder", "post"),
            "Family": ("person", "relative"),
            "Associate": ("person", "associate"),
        }[proxy.schema.name]
        return [proxy.first(p) or "" for p in props]

    def _ends_known(self, proxy: Any) -> bool:
        return all(e in self.actors or e in self.positions for e in self._ends(proxy))

    def _relation(self, n: int, proxy: Any) -> Record | Problem:
        kind = proxy.schema.name
        if kind == "Sanction":
            return self._sanction(n, proxy)
        if kind == "Occupancy":
            return self._occupancy(n, proxy)
        if kind == "Family":
            return self._family(n, proxy)
        return Problem(n, "an Associate link has no counterpart in the model yet", bad=False)

    def _sanction(self, n: int, proxy: Any) -> Record | Problem:
        target = self.actors.get(proxy.first("entity") or "")
        if target is None:
            return Problem(n, f"Sanction {proxy.id} has no entity")
        imposer = self._authority(proxy)
        if imposer is None:
            return Problem(n, f"Sanction {proxy.id} names no authority and no country")
        start, end, listed = (_date(proxy.first(p)) for p in ("startDate", "endDate", "listingDate"))
        if (start and start is _BAD) or (end and end is _BAD) or (listed and listed is _BAD):
            return Problem(n, f"Sanction {proxy.id} has a date that is not YYYY, YYYY-MM or YYYY-MM-DD")
        key = ids.imported_key(DATASET, "sanction", proxy.id)
        reason = proxy.first("reason")
        propositions: tuple[Proposition, ...] = ()
        if reason:
            about = (target.actor.key,)
            propositions = (Proposition(ids.proposition_key(reason[:500], about), reason[:500], about),)
        events: tuple[Event, ...] = ()
        if isinstance(start, DateRange):
            events = (
                Event(
                    ids.imported_key(DATASET, "ev", proxy.id),
                    "163",
                    actors=(imposer.actor.key,),
                    targets=(target.actor.key,),
                    date=start,
                ),
            )
        sanction = Sanction(
            key,
            (imposer.actor.key,),
            target.actor.key,
            start=start if isinstance(start, DateRange) else None,
            program=proxy.first("program"),
            reason=propositions[0].key if propositions else None,
            event=events[0].key if events else None,
        )
        extra: list[tuple[str, str, object]] = []
        if isinstance(end, DateRange):
            extra.append((key, "endDate", end.latest))
        if isinstance(listed, DateRange):
            extra.append((key, "listingDate", listed.earliest))
        for prop in ("authorityId", "programId"):
            if value := proxy.first(prop):
                extra.append((key, prop, value))
        actors = _defined(target, imposer)
        return Record(
            n,
            proxy.id,
            actors,
            events,
            sanctions=(sanction,),
            propositions=propositions,
            url=proxy.first("sourceUrl"),
            extra=tuple(extra),
        )

    def _authority(self, proxy: Any) -> Resolved | None:
        state = self.codes.state(proxy.first("country") or "")
        authority = " ".join((proxy.first("authority") or "").split())
        if not authority:
            return Resolved(state.actor()) if state is not None else None
        known = self.codes.names.get(ids.slug(authority))
        if known is not None and known.kind is ActorKind.AGENCY:
            return self.codes.agency(known)
        if known is not None and known.kind is not ActorKind.PERSON:
            return Resolved(known.actor())
        if state is not None:
            country = state.actor()
            key = ids.actor_key(ActorKind.AGENCY, authority, state=state.iso3)
            return Resolved(Actor(key, ActorKind.AGENCY, authority, part_of=country.key), (country,))
        return Resolved(Actor(ids.actor_key(ActorKind.ORGANIZATION, authority), ActorKind.ORGANIZATION, authority))

    def _occupancy(self, n: int, proxy: Any) -> Record | Problem:
        holder = self.actors.get(proxy.first("holder") or "")
        post = self.positions.get(proxy.first("post") or "")
        if holder is None or post is None:
            return Problem(n, f"Occupancy {proxy.id} needs a holder and a post")
        title, iso3 = post
        state = self.codes.state(iso3 or "")
        if state is None:
            return Problem(n, f"the post of Occupancy {proxy.id} has no country the model knows", bad=False)
        country = state.actor()
        title = _short_title(title, state.name)
        start, end = _date(proxy.first("startDate")), _date(proxy.first("endDate"))
        if start is _BAD or end is _BAD:
            return Problem(n, f"Occupancy {proxy.id} has a date that is not YYYY, YYYY-MM or YYYY-MM-DD")
        post_key = ids.post_key(state.iso3 or country.key, title)
        fact = Fact(
            ids.tenure_key(holder.actor.key, post_key),
            FactKind.HOLDS_POST,
            holder.actor.key,
            country.key,
            title=title,
            roles=_roles(title),
            start=start if isinstance(start, DateRange) else None,
            end=end if isinstance(end, DateRange) else None,
        )
        return Record(n, proxy.id, _defined(holder, Resolved(country)), facts=(fact,), url=proxy.first("sourceUrl"))

    def _family(self, n: int, proxy: Any) -> Record | Problem:
        person = self.actors.get(proxy.first("person") or "")
        relative = self.actors.get(proxy.first("relative") or "")
        if person is None or relative is None:
            return Problem(n, f"Family {proxy.id} needs a person and a relative")
        kind = _kinship(proxy.first("relationship") or "")
        fact = Fact(
            ids.kinship_key(person.actor.key, relative.actor.key, kind),
            FactKind.KINSHIP,
            person.actor.key,
            relative.actor.key,
            title=kind,
        )
        return Record(n, proxy.id, _defined(person, relative), facts=(fact,), url=proxy.first("sourceUrl"))


class _Bad:
    """A date that does not parse."""


_BAD = _Bad()


def _date(text: str | None) -> DateRange | _Bad | None:
    if not text:
        return None
    parts = text.strip()[:10].split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return DateRange.year(int(parts[0]))
        if len(parts) == 2:
            return DateRange.month(int(parts[0]), int(parts[1]))
        if len(parts) == 3:
            return DateRange.day(date(int(parts[0]), int(parts[1]), int(parts[2])))
    except ValueError:
        return _BAD
    return _BAD


def _defined(*sides: Resolved) -> tuple[Actor, ...]:
    out: dict[str, Actor] = {}
    for side in sides:
        for a in (side.actor, *side.also):
            out.setdefault(a.key, a)
    return tuple(out.values())


def _short_title(title: str, state: str) -> str:
    """ "President of Colombia" -> "President" (the post's label adds "of Colombia" again)."""
    for sep in (f" of {state}", f" of the {state}", f", {state}"):
        if title.lower().endswith(sep.lower()):
            return title[: -len(sep)].strip() or title
    return title


def _roles(title: str) -> tuple[str, ...]:
    from graph.extract.gazetteer import load_gazetteer

    low = title.lower()
    for t in load_gazetteer().titles:
        if low in t.forms or low == t.title:
            return tuple(t.roles)
    return ()


def _kinship(relationship: str) -> str:
    from graph.extract.gazetteer import load_gazetteer

    kinship = load_gazetteer().kinship
    low = relationship.strip().lower()
    return kinship.get(low) or kinship.get(low.rstrip("s")) or "relative"
